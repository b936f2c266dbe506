/* aff-rex.h: the lessons learned of an affair (retour d'expérience)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <glib-object.h>

#include "aff-version-macros.h"
#include "aff-money.h"
#include "aff-policy.h"

G_BEGIN_DECLS

/**
 * AffImprovementStatus:
 * @AFF_IMPROVEMENT_STATUS_PROPOSED: proposed, not yet decided
 * @AFF_IMPROVEMENT_STATUS_ACCEPTED: accepted, to be carried out
 * @AFF_IMPROVEMENT_STATUS_DONE: carried out
 * @AFF_IMPROVEMENT_STATUS_REJECTED: not kept
 *
 * Where an improvement proposal stands.
 */
typedef enum {
  AFF_IMPROVEMENT_STATUS_PROPOSED,
  AFF_IMPROVEMENT_STATUS_ACCEPTED,
  AFF_IMPROVEMENT_STATUS_DONE,
  AFF_IMPROVEMENT_STATUS_REJECTED,
} AffImprovementStatus;

#define AFF_TYPE_IMPROVEMENT (aff_improvement_get_type ())

typedef struct _AffImprovement AffImprovement;

AFF_AVAILABLE_IN_ALL
GType                 aff_improvement_get_type          (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffImprovement       *aff_improvement_new               (const char           *title,
                                                         const char           *justification,
                                                         const char           *benefit,
                                                         const char           *owner);
AFF_AVAILABLE_IN_ALL
AffImprovement       *aff_improvement_copy              (const AffImprovement *self);
AFF_AVAILABLE_IN_ALL
void                  aff_improvement_free              (AffImprovement       *self);
AFF_AVAILABLE_IN_ALL
const char           *aff_improvement_get_affair_id     (const AffImprovement *self);
AFF_AVAILABLE_IN_ALL
const char           *aff_improvement_get_title         (const AffImprovement *self);
AFF_AVAILABLE_IN_ALL
const char           *aff_improvement_get_justification (const AffImprovement *self);
AFF_AVAILABLE_IN_ALL
const char           *aff_improvement_get_benefit       (const AffImprovement *self);
AFF_AVAILABLE_IN_ALL
const char           *aff_improvement_get_owner         (const AffImprovement *self);
AFF_AVAILABLE_IN_ALL
AffImprovementStatus  aff_improvement_get_status        (const AffImprovement *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffImprovement, aff_improvement_free)

#define AFF_TYPE_REX (aff_rex_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffRex, aff_rex, AFF, REX, GObject)

AFF_AVAILABLE_IN_ALL
const char        *aff_rex_get_affair_id            (AffRex         *self);
AFF_AVAILABLE_IN_ALL
const GDate       *aff_rex_get_date                 (AffRex         *self);
AFF_AVAILABLE_IN_ALL
const AffMoney    *aff_rex_get_contract_amount      (AffRex         *self);
AFF_AVAILABLE_IN_ALL
const AffMoney    *aff_rex_get_revenue_at_completion (AffRex        *self);
AFF_AVAILABLE_IN_ALL
const AffMoney    *aff_rex_get_offer_margin         (AffRex         *self);
AFF_AVAILABLE_IN_ALL
const AffMoney    *aff_rex_get_final_margin         (AffRex         *self);
AFF_AVAILABLE_IN_ALL
const GDate       *aff_rex_get_planned_finish       (AffRex         *self);
AFF_AVAILABLE_IN_ALL
const GDate       *aff_rex_get_actual_finish        (AffRex         *self);
AFF_AVAILABLE_IN_ALL
const char *const *aff_rex_get_history              (AffRex         *self);
AFF_AVAILABLE_IN_ALL
const char *const *aff_rex_get_actions_taken        (AffRex         *self);

AFF_AVAILABLE_IN_ALL
gboolean           aff_rex_add_good_practice        (AffRex         *self,
                                                     const char     *practice,
                                                     GError        **error);
AFF_AVAILABLE_IN_ALL
const char *const *aff_rex_get_good_practices       (AffRex         *self);
AFF_AVAILABLE_IN_ALL
gboolean           aff_rex_add_difficulty           (AffRex         *self,
                                                     const char     *difficulty,
                                                     const char     *solution,
                                                     GError        **error);
AFF_AVAILABLE_IN_ALL
guint              aff_rex_get_n_difficulties       (AffRex         *self);
AFF_AVAILABLE_IN_ALL
const char        *aff_rex_get_difficulty           (AffRex         *self,
                                                     guint           position,
                                                     const char    **solution);
AFF_AVAILABLE_IN_ALL
gboolean           aff_rex_add_improvement          (AffRex         *self,
                                                     const AffImprovement *improvement,
                                                     GError        **error);
AFF_AVAILABLE_IN_ALL
GPtrArray         *aff_rex_list_improvements        (AffRex         *self);
AFF_AVAILABLE_IN_ALL
gboolean           aff_rex_set_improvement_status   (AffRex               *self,
                                                     guint                 position,
                                                     AffImprovementStatus  status,
                                                     GError              **error);
AFF_AVAILABLE_IN_ALL
gboolean           aff_rex_set_tags                 (AffRex         *self,
                                                     const char *const *tags,
                                                     GError        **error);
AFF_AVAILABLE_IN_ALL
const char *const *aff_rex_get_tags                 (AffRex         *self);
AFF_AVAILABLE_IN_ALL
gboolean           aff_rex_validate                 (AffRex         *self,
                                                     const GDate    *date,
                                                     GError        **error);
AFF_AVAILABLE_IN_ALL
gboolean           aff_rex_is_validated             (AffRex         *self);
AFF_AVAILABLE_IN_ALL
char              *aff_rex_render                   (AffRex             *self,
                                                     AffDocumentFormat   format);

G_END_DECLS
