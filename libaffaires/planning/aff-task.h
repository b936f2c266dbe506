/* aff-task.h: one piece of work of a plan
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <glib-object.h>

#include "aff-version-macros.h"
#include "aff-consultation.h"

G_BEGIN_DECLS

/**
 * AffTaskKind:
 * @AFF_TASK_KIND_TASK: ordinary work
 * @AFF_TASK_KIND_MILESTONE: a point in time (a jalon), of no duration
 * @AFF_TASK_KIND_DESIGN_REVIEW: a design review (revue de conception)
 * @AFF_TASK_KIND_INSPECTION: a check by an accredited inspection body
 * @AFF_TASK_KIND_PURCHASE: a purchase, from order to delivery
 * @AFF_TASK_KIND_SUBCONTRACT: a work package done by a subcontractor
 * @AFF_TASK_KIND_INTERVENTION: work on the client's site
 *
 * What a task is.
 */
typedef enum {
  AFF_TASK_KIND_TASK,
  AFF_TASK_KIND_MILESTONE,
  AFF_TASK_KIND_DESIGN_REVIEW,
  AFF_TASK_KIND_INSPECTION,
  AFF_TASK_KIND_PURCHASE,
  AFF_TASK_KIND_SUBCONTRACT,
  AFF_TASK_KIND_INTERVENTION,
} AffTaskKind;

/**
 * AffParty:
 * @AFF_PARTY_INTERNAL: the company's own teams
 * @AFF_PARTY_CLIENT: the client
 * @AFF_PARTY_SUBCONTRACTOR: a subcontractor
 * @AFF_PARTY_SUPPLIER: a supplier
 * @AFF_PARTY_INSPECTION_BODY: an accredited inspection body (organisme
 *   agréé)
 *
 * Who does a task.
 */
typedef enum {
  AFF_PARTY_INTERNAL,
  AFF_PARTY_CLIENT,
  AFF_PARTY_SUBCONTRACTOR,
  AFF_PARTY_SUPPLIER,
  AFF_PARTY_INSPECTION_BODY,
} AffParty;

/**
 * AffRaciRole:
 * @AFF_RACI_ROLE_NONE: no part in the task
 * @AFF_RACI_ROLE_RESPONSIBLE: does the work
 * @AFF_RACI_ROLE_ACCOUNTABLE: approves it, and answers for it (one per task)
 * @AFF_RACI_ROLE_CONSULTED: is asked before
 * @AFF_RACI_ROLE_INFORMED: is told after
 *
 * The part a person takes in a task, in a RACI matrix.
 */
typedef enum {
  AFF_RACI_ROLE_NONE,
  AFF_RACI_ROLE_RESPONSIBLE,
  AFF_RACI_ROLE_ACCOUNTABLE,
  AFF_RACI_ROLE_CONSULTED,
  AFF_RACI_ROLE_INFORMED,
} AffRaciRole;

#define AFF_TYPE_TASK (aff_task_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffTask, aff_task, AFF, TASK, GObject)

AFF_AVAILABLE_IN_ALL
AffTask          *aff_task_new                    (const char       *id,
                                                   const char       *name,
                                                   guint             duration_days) G_GNUC_WARN_UNUSED_RESULT;

AFF_AVAILABLE_IN_ALL
const char       *aff_task_get_id                 (AffTask          *self);
AFF_AVAILABLE_IN_ALL
const char       *aff_task_get_name               (AffTask          *self);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_name               (AffTask          *self,
                                                   const char       *name);
AFF_AVAILABLE_IN_ALL
guint             aff_task_get_duration           (AffTask          *self);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_duration           (AffTask          *self,
                                                   guint             duration_days);
AFF_AVAILABLE_IN_ALL
AffTaskKind       aff_task_get_kind               (AffTask          *self);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_kind               (AffTask          *self,
                                                   AffTaskKind       kind);
AFF_AVAILABLE_IN_ALL
double            aff_task_get_effort_hours       (AffTask          *self);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_effort_hours       (AffTask          *self,
                                                   double            hours);
AFF_AVAILABLE_IN_ALL
guint             aff_task_get_effort_minutes     (AffTask          *self);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_effort_minutes     (AffTask          *self,
                                                   guint             minutes);
AFF_AVAILABLE_IN_ALL
const char       *aff_task_get_deliverable        (AffTask          *self);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_deliverable        (AffTask          *self,
                                                   const char       *deliverable);
AFF_AVAILABLE_IN_ALL
AffParty          aff_task_get_party              (AffTask          *self);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_party              (AffTask          *self,
                                                   AffParty          party);
AFF_AVAILABLE_IN_ALL
const char       *aff_task_get_party_name         (AffTask          *self);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_party_name         (AffTask          *self,
                                                   const char       *name);
AFF_AVAILABLE_IN_ALL
const char       *aff_task_get_zone               (AffTask          *self);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_zone               (AffTask          *self,
                                                   const char       *zone);
AFF_AVAILABLE_IN_ALL
AffRegulatoryFlags aff_task_get_dangerous_work    (AffTask          *self);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_dangerous_work     (AffTask          *self,
                                                   AffRegulatoryFlags work);
AFF_AVAILABLE_IN_ALL
const char *const *aff_task_get_risk_ids          (AffTask          *self);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_risk_ids           (AffTask          *self,
                                                   const char *const *risk_ids);
AFF_AVAILABLE_IN_ALL
const GDate      *aff_task_get_start_no_earlier_than (AffTask       *self);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_start_no_earlier_than (AffTask       *self,
                                                      const GDate   *date);
AFF_AVAILABLE_IN_ALL
const GDate      *aff_task_get_finish_no_later_than  (AffTask       *self);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_finish_no_later_than  (AffTask       *self,
                                                      const GDate   *date);
AFF_AVAILABLE_IN_ALL
guint             aff_task_get_progress           (AffTask          *self);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_progress           (AffTask          *self,
                                                   guint             percent);
AFF_AVAILABLE_IN_ALL
const GDate      *aff_task_get_actual_start       (AffTask          *self);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_actual_start       (AffTask          *self,
                                                   const GDate      *date);
AFF_AVAILABLE_IN_ALL
const GDate      *aff_task_get_actual_finish      (AffTask          *self);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_actual_finish      (AffTask          *self,
                                                   const GDate      *date);
AFF_AVAILABLE_IN_ALL
guint             aff_task_get_hazard_delay       (AffTask          *self);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_hazard_delay       (AffTask          *self,
                                                   guint             days);
AFF_AVAILABLE_IN_ALL
guint             aff_task_get_levelling_delay    (AffTask          *self);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_levelling_delay    (AffTask          *self,
                                                   guint             days);
AFF_AVAILABLE_IN_ALL
const char       *aff_task_get_regulatory_basis   (AffTask          *self);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_regulatory_basis   (AffTask          *self,
                                                   const char       *basis);
AFF_AVAILABLE_IN_ALL
guint             aff_task_get_report_days        (AffTask          *self);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_report_days        (AffTask          *self,
                                                   guint             days);
AFF_AVAILABLE_IN_ALL
const GDate      *aff_task_get_report_received    (AffTask          *self);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_report_received    (AffTask          *self,
                                                   const GDate      *date);
AFF_AVAILABLE_IN_ALL
const char       *aff_task_get_required_for       (AffTask          *self);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_required_for       (AffTask          *self,
                                                   const char       *task_id);
AFF_AVAILABLE_IN_ALL
AffRaciRole       aff_task_get_raci               (AffTask          *self,
                                                   const char       *person);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_raci               (AffTask          *self,
                                                   const char       *person,
                                                   AffRaciRole       role);
AFF_AVAILABLE_IN_ALL
GStrv             aff_task_list_raci              (AffTask          *self);

AFF_AVAILABLE_IN_ALL
const GDate      *aff_task_get_early_start        (AffTask          *self);
AFF_AVAILABLE_IN_ALL
const GDate      *aff_task_get_early_finish       (AffTask          *self);
AFF_AVAILABLE_IN_ALL
const GDate      *aff_task_get_late_start         (AffTask          *self);
AFF_AVAILABLE_IN_ALL
const GDate      *aff_task_get_late_finish        (AffTask          *self);
AFF_AVAILABLE_IN_ALL
int               aff_task_get_total_float        (AffTask          *self);
AFF_AVAILABLE_IN_ALL
int               aff_task_get_free_float         (AffTask          *self);
AFF_AVAILABLE_IN_ALL
gboolean          aff_task_is_critical            (AffTask          *self);
AFF_AVAILABLE_IN_ALL
gboolean          aff_task_is_scheduled           (AffTask          *self);

G_END_DECLS
