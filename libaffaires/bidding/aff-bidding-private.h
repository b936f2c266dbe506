/* aff-bidding-private.h: what the portfolio and the loader need of bidding
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "aff-risk.h"
#include "aff-risk-register.h"
#include "aff-requirement.h"
#include "aff-clarification.h"
#include "aff-contribution.h"
#include "aff-consultation.h"
#include "aff-bid-evaluation.h"
#include "aff-journal-private.h"
#include "aff-history-private.h"

G_BEGIN_DECLS

/* Risks and their register */
void             _aff_risk_attach            (AffRisk         *self,
                                              AffJournal      *journal,
                                              const char      *kind,
                                              const char      *owner_id);
void             _aff_risk_set_id            (AffRisk         *self,
                                              const char      *id);
void             _aff_risk_to_json           (AffRisk         *self,
                                              JsonBuilder     *builder);
AffRisk         *_aff_risk_from_json         (AffJsonReader   *reader,
                                              JsonNode        *node,
                                              GError         **error);
void             _aff_risk_register_attach   (AffRiskRegister *self,
                                              AffJournal      *journal,
                                              const char      *kind,
                                              const char      *owner_id);
void             _aff_risk_register_to_json  (AffRiskRegister *self,
                                              JsonBuilder     *builder);
gboolean         _aff_risk_register_read_risk (AffJsonReader  *reader,
                                               JsonNode       *element,
                                               guint           index,
                                               gpointer        data,
                                               GError        **error);

/* The small records of a consultation */
AffRequirement   *_aff_requirement_new       (const char      *id,
                                              const char      *text);
AffClarification *_aff_clarification_new     (const char      *id,
                                              const char      *question,
                                              const GDate     *asked);
void              _aff_clarification_answer  (AffClarification *self,
                                              const char      *answer,
                                              const GDate     *date);
AffContribution  *_aff_contribution_new      (const char      *id,
                                              AffDepartment    department,
                                              const char      *who,
                                              const char      *what,
                                              const GDate     *due);
void              _aff_contribution_complete (AffContribution *self,
                                              const char      *answer,
                                              const GDate     *date);

/* Consultations */
void             _aff_consultation_attach    (AffConsultation *self,
                                              AffJournal      *journal);
gboolean         _aff_consultation_change_state (AffConsultation     *self,
                                                 AffConsultationState to,
                                                 const GDate         *date,
                                                 const char          *reason,
                                                 GError             **error);
const GDate     *_aff_consultation_get_last_change_date (AffConsultation *self);
void             _aff_consultation_set_evaluation (AffConsultation *self,
                                                   AffBidEvaluation *evaluation);
void             _aff_consultation_set_decision (AffConsultation *self,
                                                 AffBidVerdict    verdict,
                                                 const char      *decided_by,
                                                 const char      *justification,
                                                 gboolean         against_evaluation,
                                                 const GDate     *date);
void             _aff_consultation_to_json   (AffConsultation *self,
                                              JsonBuilder     *builder);
AffConsultation *_aff_consultation_from_json (AffJsonReader   *reader,
                                              JsonNode        *node,
                                              GError         **error);

/* What a closed affair like the consultation did to its margin: the rate of
 * the signed offer and the final rate its REX records (basis points). */
typedef struct
{
  const char *affair_id;
  int offer_rate;
  int final_rate;
} AffMarginPrecedent;

/* aff_bid_evaluation_compute() with the consultations as an array, and
 * the margins of similar past affairs (@precedents, of AffMarginPrecedent,
 * may be NULL), which correct the "margin" criterion. */
AffBidEvaluation *_aff_bid_evaluation_compute (AffConsultation        *consultation,
                                               AffClient              *client,
                                               AffPolicy              *policy,
                                               AffConsultation * const *consultations,
                                               guint                   n_consultations,
                                               GArray                 *precedents,
                                               const GDate            *date,
                                               GError                **error);

/* The array of its activities, for a dashboard to come. */
void               _aff_consultation_prefetch (AffConsultation *self);

G_END_DECLS
