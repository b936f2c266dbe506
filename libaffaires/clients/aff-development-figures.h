/* aff-development-figures.h: how the client portfolio developed over a period
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <gio/gio.h>

#include "aff-version-macros.h"

G_BEGIN_DECLS

#define AFF_TYPE_DEVELOPMENT_FIGURES (aff_development_figures_get_type ())

typedef struct _AffDevelopmentFigures AffDevelopmentFigures;

AFF_AVAILABLE_IN_ALL
GType                  aff_development_figures_get_type (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffDevelopmentFigures *aff_development_figures_compute  (GListModel  *clients,
                                                         const GDate *from,
                                                         const GDate *to,
                                                         GError     **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
AffDevelopmentFigures *aff_development_figures_copy     (const AffDevelopmentFigures *self);
AFF_AVAILABLE_IN_ALL
void                   aff_development_figures_free     (AffDevelopmentFigures *self);

AFF_AVAILABLE_IN_ALL
guint aff_development_figures_get_n_prospects        (const AffDevelopmentFigures *self);
AFF_AVAILABLE_IN_ALL
guint aff_development_figures_get_n_active           (const AffDevelopmentFigures *self);
AFF_AVAILABLE_IN_ALL
guint aff_development_figures_get_n_dormant          (const AffDevelopmentFigures *self);
AFF_AVAILABLE_IN_ALL
guint aff_development_figures_get_n_lost             (const AffDevelopmentFigures *self);
AFF_AVAILABLE_IN_ALL
guint aff_development_figures_get_n_prospects_in_period (const AffDevelopmentFigures *self);
AFF_AVAILABLE_IN_ALL
guint aff_development_figures_get_n_converted        (const AffDevelopmentFigures *self);
AFF_AVAILABLE_IN_ALL
guint aff_development_figures_get_n_lost_in_period   (const AffDevelopmentFigures *self);
AFF_AVAILABLE_IN_ALL
guint aff_development_figures_get_n_interactions     (const AffDevelopmentFigures *self);
AFF_AVAILABLE_IN_ALL
int   aff_development_figures_get_conversion_rate    (const AffDevelopmentFigures *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffDevelopmentFigures, aff_development_figures_free)

G_END_DECLS
