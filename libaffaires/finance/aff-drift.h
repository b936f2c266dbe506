/* aff-drift.h: drifts of an affair and their corrective actions
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
#include "aff-affair.h"

G_BEGIN_DECLS

/**
 * AffDriftKind:
 * @AFF_DRIFT_KIND_COST_PERFORMANCE: the CPI is below the policy's threshold
 * @AFF_DRIFT_KIND_SCHEDULE_PERFORMANCE: the SPI is below the policy's
 *   threshold
 * @AFF_DRIFT_KIND_MARGIN_EROSION: the margin rate at completion has lost
 *   more points against the offer's than the policy allows
 * @AFF_DRIFT_KIND_MILESTONE_SLIP: a milestone is scheduled later than in the
 *   baseline by more working days than the policy allows
 * @AFF_DRIFT_KIND_CONCORDANCE: physical, cost and billing progress are
 *   further apart than the policy's tolerance
 * @AFF_DRIFT_KIND_BUDGET_OVERRUN: the actual cost of a task or lot and
 *   category is above its budget by more than the policy allows, or has no
 *   budget at all
 *
 * What an affair drifted on.
 */
typedef enum {
  AFF_DRIFT_KIND_COST_PERFORMANCE,
  AFF_DRIFT_KIND_SCHEDULE_PERFORMANCE,
  AFF_DRIFT_KIND_MARGIN_EROSION,
  AFF_DRIFT_KIND_MILESTONE_SLIP,
  AFF_DRIFT_KIND_CONCORDANCE,
  AFF_DRIFT_KIND_BUDGET_OVERRUN,
} AffDriftKind;

#define AFF_TYPE_CORRECTIVE_ACTION (aff_corrective_action_get_type ())

typedef struct _AffCorrectiveAction AffCorrectiveAction;

AFF_AVAILABLE_IN_ALL
GType                aff_corrective_action_get_type      (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffCorrectiveAction *aff_corrective_action_new           (AffDriftKind               kind,
                                                          const char                *subject,
                                                          const GDate               *date,
                                                          const char                *analysis,
                                                          const char                *action,
                                                          const char                *owner,
                                                          const GDate               *due,
                                                          const AffMoney            *eac_effect);
AFF_AVAILABLE_IN_ALL
AffCorrectiveAction *aff_corrective_action_copy          (const AffCorrectiveAction *self);
AFF_AVAILABLE_IN_ALL
void                 aff_corrective_action_free          (AffCorrectiveAction       *self);
AFF_AVAILABLE_IN_ALL
AffDriftKind         aff_corrective_action_get_kind      (const AffCorrectiveAction *self);
AFF_AVAILABLE_IN_ALL
const char          *aff_corrective_action_get_subject   (const AffCorrectiveAction *self);
AFF_AVAILABLE_IN_ALL
const GDate         *aff_corrective_action_get_date      (const AffCorrectiveAction *self);
AFF_AVAILABLE_IN_ALL
const char          *aff_corrective_action_get_analysis  (const AffCorrectiveAction *self);
AFF_AVAILABLE_IN_ALL
const char          *aff_corrective_action_get_action    (const AffCorrectiveAction *self);
AFF_AVAILABLE_IN_ALL
const char          *aff_corrective_action_get_owner     (const AffCorrectiveAction *self);
AFF_AVAILABLE_IN_ALL
const GDate         *aff_corrective_action_get_due       (const AffCorrectiveAction *self);
AFF_AVAILABLE_IN_ALL
const AffMoney      *aff_corrective_action_get_eac_effect (const AffCorrectiveAction *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffCorrectiveAction, aff_corrective_action_free)

#define AFF_TYPE_DRIFT (aff_drift_get_type ())

typedef struct _AffDrift AffDrift;

AFF_AVAILABLE_IN_ALL
GType                aff_drift_get_type        (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffDrift            *aff_drift_copy            (const AffDrift *self);
AFF_AVAILABLE_IN_ALL
void                 aff_drift_free            (AffDrift       *self);
AFF_AVAILABLE_IN_ALL
AffDriftKind         aff_drift_get_kind        (const AffDrift *self);
AFF_AVAILABLE_IN_ALL
const char          *aff_drift_get_subject     (const AffDrift *self);
AFF_AVAILABLE_IN_ALL
double               aff_drift_get_value       (const AffDrift *self);
AFF_AVAILABLE_IN_ALL
double               aff_drift_get_threshold   (const AffDrift *self);
AFF_AVAILABLE_IN_ALL
const char          *aff_drift_get_message     (const AffDrift *self);
AFF_AVAILABLE_IN_ALL
const AffCorrectiveAction *aff_drift_get_corrective_action (const AffDrift *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffDrift, aff_drift_free)

AFF_AVAILABLE_IN_ALL
GPtrArray *aff_affair_list_drifts              (AffAffair                 *self,
                                                const GDate               *date,
                                                GError                   **error);
AFF_AVAILABLE_IN_ALL
gboolean   aff_affair_record_corrective_action (AffAffair                 *self,
                                                const AffCorrectiveAction *action,
                                                GError                   **error);
AFF_AVAILABLE_IN_ALL
GPtrArray *aff_affair_list_corrective_actions  (AffAffair                 *self);

G_END_DECLS
