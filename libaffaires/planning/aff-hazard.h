/* aff-hazard.h: what happens to a plan, and what it changes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <glib-object.h>

#include "aff-version-macros.h"
#include "aff-task.h"
#include "aff-plan.h"

G_BEGIN_DECLS

/**
 * AffHazardCause:
 * @AFF_HAZARD_CAUSE_INTERNAL: the company itself (a mistake, a team
 *   missing)
 * @AFF_HAZARD_CAUSE_CLIENT: the client (site not ready, late approval,
 *   a change)
 * @AFF_HAZARD_CAUSE_SUBCONTRACTOR: a subcontractor
 * @AFF_HAZARD_CAUSE_WEATHER: the weather
 * @AFF_HAZARD_CAUSE_SUPPLIER: a supplier (a late or faulty delivery)
 *
 * Who or what caused a hazard: it says who bears the delay.
 */
typedef enum {
  AFF_HAZARD_CAUSE_INTERNAL,
  AFF_HAZARD_CAUSE_CLIENT,
  AFF_HAZARD_CAUSE_SUBCONTRACTOR,
  AFF_HAZARD_CAUSE_WEATHER,
  AFF_HAZARD_CAUSE_SUPPLIER,
} AffHazardCause;

#define AFF_TYPE_HAZARD (aff_hazard_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffHazard, aff_hazard, AFF, HAZARD, GObject)

AFF_AVAILABLE_IN_ALL
AffHazard         *aff_hazard_new                      (const char        *id,
                                                        const GDate       *date,
                                                        AffHazardCause     cause,
                                                        const char        *description) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
const char        *aff_hazard_get_id                   (AffHazard         *self);
AFF_AVAILABLE_IN_ALL
const GDate       *aff_hazard_get_date                 (AffHazard         *self);
AFF_AVAILABLE_IN_ALL
AffHazardCause     aff_hazard_get_cause                (AffHazard         *self);
AFF_AVAILABLE_IN_ALL
const char        *aff_hazard_get_description          (AffHazard         *self);
AFF_AVAILABLE_IN_ALL
const char *const *aff_hazard_get_task_ids             (AffHazard         *self);
AFF_AVAILABLE_IN_ALL
void               aff_hazard_set_task_ids             (AffHazard         *self,
                                                        const char *const *task_ids);
AFF_AVAILABLE_IN_ALL
guint              aff_hazard_get_delay_days           (AffHazard         *self);
AFF_AVAILABLE_IN_ALL
void               aff_hazard_set_delay_days           (AffHazard         *self,
                                                        guint              days);
AFF_AVAILABLE_IN_ALL
const char        *aff_hazard_get_resource_id          (AffHazard         *self);
AFF_AVAILABLE_IN_ALL
const GDate       *aff_hazard_get_unavailable_from     (AffHazard         *self);
AFF_AVAILABLE_IN_ALL
const GDate       *aff_hazard_get_unavailable_to       (AffHazard         *self);
AFF_AVAILABLE_IN_ALL
void               aff_hazard_set_resource_unavailable (AffHazard         *self,
                                                        const char        *resource_id,
                                                        const GDate       *from,
                                                        const GDate       *to);
AFF_AVAILABLE_IN_ALL
gboolean           aff_hazard_is_applied               (AffHazard         *self);

#define AFF_TYPE_PARTY_TASKS (aff_party_tasks_get_type ())

typedef struct _AffPartyTasks AffPartyTasks;

AFF_AVAILABLE_IN_ALL
GType              aff_party_tasks_get_type     (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffPartyTasks     *aff_party_tasks_copy         (const AffPartyTasks *self);
AFF_AVAILABLE_IN_ALL
void               aff_party_tasks_free         (AffPartyTasks       *self);
AFF_AVAILABLE_IN_ALL
AffParty           aff_party_tasks_get_party    (const AffPartyTasks *self);
AFF_AVAILABLE_IN_ALL
const char        *aff_party_tasks_get_name     (const AffPartyTasks *self);
AFF_AVAILABLE_IN_ALL
const char *const *aff_party_tasks_get_task_ids (const AffPartyTasks *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffPartyTasks, aff_party_tasks_free)

#define AFF_TYPE_HAZARD_IMPACT (aff_hazard_impact_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffHazardImpact, aff_hazard_impact, AFF, HAZARD_IMPACT, GObject)

AFF_AVAILABLE_IN_ALL
const char  *aff_hazard_impact_get_hazard_id          (AffHazardImpact *self);
AFF_AVAILABLE_IN_ALL
GPtrArray   *aff_hazard_impact_get_moved_tasks        (AffHazardImpact *self);
AFF_AVAILABLE_IN_ALL
GPtrArray   *aff_hazard_impact_get_slipped_milestones (AffHazardImpact *self);
AFF_AVAILABLE_IN_ALL
const GDate *aff_hazard_impact_get_finish_before      (AffHazardImpact *self);
AFF_AVAILABLE_IN_ALL
const GDate *aff_hazard_impact_get_finish_after       (AffHazardImpact *self);
AFF_AVAILABLE_IN_ALL
gboolean     aff_hazard_impact_get_contract_end_holds (AffHazardImpact *self);
AFF_AVAILABLE_IN_ALL
GPtrArray   *aff_hazard_impact_get_violations         (AffHazardImpact *self);
AFF_AVAILABLE_IN_ALL
GPtrArray   *aff_hazard_impact_get_parties_to_notify  (AffHazardImpact *self);

AFF_AVAILABLE_IN_ALL
const GDate     *aff_plan_get_contract_end (AffPlan     *self);
AFF_AVAILABLE_IN_ALL
void             aff_plan_set_contract_end (AffPlan     *self,
                                            const GDate *date);
AFF_AVAILABLE_IN_ALL
AffHazardImpact *aff_plan_apply_hazard     (AffPlan     *self,
                                            AffHazard   *hazard,
                                            GError     **error);
AFF_AVAILABLE_IN_ALL
GListModel      *aff_plan_get_hazards      (AffPlan     *self);
AFF_AVAILABLE_IN_ALL
GPtrArray       *aff_plan_list_parties     (AffPlan     *self);

G_END_DECLS
