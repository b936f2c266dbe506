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
 * AffDangerousWork:
 * @AFF_DANGEROUS_WORK_NONE: no dangerous work
 * @AFF_DANGEROUS_WORK_IONISING_RADIATION: exposure to ionising radiation
 * @AFF_DANGEROUS_WORK_HAZARDOUS_SUBSTANCES: exposure to explosive,
 *   flammable, toxic, carcinogenic, mutagenic or reprotoxic substances
 * @AFF_DANGEROUS_WORK_BIOLOGICAL_AGENTS: exposure to pathogenic biological
 *   agents
 * @AFF_DANGEROUS_WORK_CLASSIFIED_INSTALLATION: work on a classified
 *   installation with an internal emergency plan (POI)
 * @AFF_DANGEROUS_WORK_EQUIPMENT_MAINTENANCE: maintenance of work equipment
 *   subject to periodic checks
 * @AFF_DANGEROUS_WORK_LIFT_TRANSFORMATION: transformation of lifts,
 *   escalators and similar installations
 * @AFF_DANGEROUS_WORK_EXTREME_TEMPERATURE: maintenance of installations at
 *   very high or very low temperature
 * @AFF_DANGEROUS_WORK_CRANES: use of overhead cranes, cranes or stacker
 *   cranes
 * @AFF_DANGEROUS_WORK_HOISTS: hand-driven winches installed above a work or
 *   traffic area
 * @AFF_DANGEROUS_WORK_LIVE_PARTS: contact with bare live parts above
 *   extra-low voltage
 * @AFF_DANGEROUS_WORK_FALL_FROM_HEIGHT: risk of falling from more than
 *   three metres
 * @AFF_DANGEROUS_WORK_CONFINED_SPACE: work in tanks, vessels or a confined
 *   atmosphere
 * @AFF_DANGEROUS_WORK_HOT_WORK: welding and cutting under a hot-work permit
 *   (permis de feu)
 * @AFF_DANGEROUS_WORK_HEAVY_PREFABRICATED: assembly or dismantling of heavy
 *   prefabricated elements
 * @AFF_DANGEROUS_WORK_DEMOLITION: demolition
 * @AFF_DANGEROUS_WORK_DROWNING: risk of drowning
 * @AFF_DANGEROUS_WORK_BURIAL: risk of burial
 * @AFF_DANGEROUS_WORK_OTHER_LISTED: another work of the list
 *
 * The dangerous work of the list fixed by the arrêté of 19 March 1993 under
 * article R4512-7 of the French labour code: any of it on the client's site
 * requires a written prevention plan, whatever the hours.
 */
typedef enum /*< flags >*/ {
  AFF_DANGEROUS_WORK_NONE = 0,
  AFF_DANGEROUS_WORK_IONISING_RADIATION = 1 << 0,
  AFF_DANGEROUS_WORK_HAZARDOUS_SUBSTANCES = 1 << 1,
  AFF_DANGEROUS_WORK_BIOLOGICAL_AGENTS = 1 << 2,
  AFF_DANGEROUS_WORK_CLASSIFIED_INSTALLATION = 1 << 3,
  AFF_DANGEROUS_WORK_EQUIPMENT_MAINTENANCE = 1 << 4,
  AFF_DANGEROUS_WORK_LIFT_TRANSFORMATION = 1 << 5,
  AFF_DANGEROUS_WORK_EXTREME_TEMPERATURE = 1 << 6,
  AFF_DANGEROUS_WORK_CRANES = 1 << 7,
  AFF_DANGEROUS_WORK_HOISTS = 1 << 8,
  AFF_DANGEROUS_WORK_LIVE_PARTS = 1 << 9,
  AFF_DANGEROUS_WORK_FALL_FROM_HEIGHT = 1 << 10,
  AFF_DANGEROUS_WORK_CONFINED_SPACE = 1 << 11,
  AFF_DANGEROUS_WORK_HOT_WORK = 1 << 12,
  AFF_DANGEROUS_WORK_HEAVY_PREFABRICATED = 1 << 13,
  AFF_DANGEROUS_WORK_DEMOLITION = 1 << 14,
  AFF_DANGEROUS_WORK_DROWNING = 1 << 15,
  AFF_DANGEROUS_WORK_BURIAL = 1 << 16,
  AFF_DANGEROUS_WORK_OTHER_LISTED = 1 << 17,
} AffDangerousWork;

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
AffDangerousWork  aff_task_get_dangerous_work     (AffTask          *self);
AFF_AVAILABLE_IN_ALL
void              aff_task_set_dangerous_work     (AffTask          *self,
                                                   AffDangerousWork  work);
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
