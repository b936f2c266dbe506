/* aff-decision.h: a decision taken on an affair, and why
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
 * AffDecisionTarget:
 * @AFF_DECISION_TARGET_AFFAIR: the affair as a whole
 * @AFF_DECISION_TARGET_TASK: a task of the plan (the reference is its id)
 * @AFF_DECISION_TARGET_BUDGET: the budget, a task's or lot's (the reference
 *   names it) or the whole
 * @AFF_DECISION_TARGET_OFFER: the offer or its amendments
 * @AFF_DECISION_TARGET_CLIENT: the relationship with the client
 * @AFF_DECISION_TARGET_PLAN: the plan as a whole, a replanning (the
 *   reference is the hazard that caused it, if any)
 *
 * What a decision affects.
 */
typedef enum {
  AFF_DECISION_TARGET_AFFAIR,
  AFF_DECISION_TARGET_TASK,
  AFF_DECISION_TARGET_BUDGET,
  AFF_DECISION_TARGET_OFFER,
  AFF_DECISION_TARGET_CLIENT,
  AFF_DECISION_TARGET_PLAN,
} AffDecisionTarget;

#define AFF_TYPE_DECISION (aff_decision_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffDecision, aff_decision, AFF, DECISION, GObject)

AFF_AVAILABLE_IN_ALL
AffDecision       *aff_decision_new            (const char        *id,
                                                const GDate       *date,
                                                const char        *statement,
                                                const char        *decided_by) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
const char        *aff_decision_get_id         (AffDecision       *self);
AFF_AVAILABLE_IN_ALL
const GDate       *aff_decision_get_date       (AffDecision       *self);
AFF_AVAILABLE_IN_ALL
const char        *aff_decision_get_statement  (AffDecision       *self);
AFF_AVAILABLE_IN_ALL
const char        *aff_decision_get_decided_by (AffDecision       *self);
AFF_AVAILABLE_IN_ALL
const char        *aff_decision_get_rationale  (AffDecision       *self);
AFF_AVAILABLE_IN_ALL
void               aff_decision_set_rationale  (AffDecision       *self,
                                                const char        *rationale);
AFF_AVAILABLE_IN_ALL
AffDecisionTarget  aff_decision_get_target     (AffDecision       *self,
                                                const char       **reference);
AFF_AVAILABLE_IN_ALL
void               aff_decision_set_target     (AffDecision       *self,
                                                AffDecisionTarget  target,
                                                const char        *reference);
AFF_AVAILABLE_IN_ALL
const char        *aff_decision_get_meeting_id (AffDecision       *self);
AFF_AVAILABLE_IN_ALL
void               aff_decision_set_meeting_id (AffDecision       *self,
                                                const char        *meeting_id);

G_END_DECLS
