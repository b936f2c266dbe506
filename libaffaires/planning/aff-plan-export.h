/* aff-plan-export.h: the views of a plan people look at
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <glib-object.h>

#include "aff-version-macros.h"
#include "aff-plan.h"

G_BEGIN_DECLS

#define AFF_TYPE_GANTT_OPTIONS (aff_gantt_options_get_type ())

typedef struct _AffGanttOptions AffGanttOptions;

AFF_AVAILABLE_IN_ALL
GType            aff_gantt_options_get_type        (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffGanttOptions *aff_gantt_options_new             (void);
AFF_AVAILABLE_IN_ALL
AffGanttOptions *aff_gantt_options_copy            (const AffGanttOptions *self);
AFF_AVAILABLE_IN_ALL
void             aff_gantt_options_free            (AffGanttOptions       *self);
AFF_AVAILABLE_IN_ALL
void             aff_gantt_options_set_title       (AffGanttOptions       *self,
                                                    const char            *title);
AFF_AVAILABLE_IN_ALL
void             aff_gantt_options_set_status_date (AffGanttOptions       *self,
                                                    const GDate           *date);
AFF_AVAILABLE_IN_ALL
void             aff_gantt_options_set_baseline    (AffGanttOptions       *self,
                                                    const char            *name);
AFF_AVAILABLE_IN_ALL
void             aff_gantt_options_set_day_width   (AffGanttOptions       *self,
                                                    guint                  pixels);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffGanttOptions, aff_gantt_options_free)

AFF_AVAILABLE_IN_ALL
char *aff_plan_to_svg_gantt  (AffPlan                *self,
                              const AffGanttOptions  *options,
                              GError                **error);
AFF_AVAILABLE_IN_ALL
char *aff_plan_to_icalendar  (AffPlan                *self,
                              const char             *uid_domain,
                              GError                **error);
AFF_AVAILABLE_IN_ALL
char *aff_plan_to_csv        (AffPlan                *self,
                              GError                **error);

G_END_DECLS
