/* aff-bid-evaluation.h: the argued go / no-go of a consultation
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <gio/gio.h>

#include "aff-version-macros.h"
#include "aff-policy.h"
#include "aff-client.h"
#include "aff-consultation.h"

G_BEGIN_DECLS

/**
 * AffBidVerdict:
 * @AFF_BID_VERDICT_GO: answer the consultation
 * @AFF_BID_VERDICT_REVIEW: the management decides
 * @AFF_BID_VERDICT_NO_GO: do not answer
 *
 * The outcome of a go / no-go evaluation, or a decision.
 */
typedef enum {
  AFF_BID_VERDICT_GO,
  AFF_BID_VERDICT_REVIEW,
  AFF_BID_VERDICT_NO_GO,
} AffBidVerdict;

#define AFF_TYPE_BID_CRITERION (aff_bid_criterion_get_type ())

typedef struct _AffBidCriterion AffBidCriterion;

AFF_AVAILABLE_IN_ALL
GType            aff_bid_criterion_get_type        (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffBidCriterion *aff_bid_criterion_copy            (const AffBidCriterion *self);
AFF_AVAILABLE_IN_ALL
void             aff_bid_criterion_free            (AffBidCriterion *self);
AFF_AVAILABLE_IN_ALL
const char      *aff_bid_criterion_get_name        (const AffBidCriterion *self);
AFF_AVAILABLE_IN_ALL
guint            aff_bid_criterion_get_weight      (const AffBidCriterion *self);
AFF_AVAILABLE_IN_ALL
guint            aff_bid_criterion_get_score       (const AffBidCriterion *self);
AFF_AVAILABLE_IN_ALL
gboolean         aff_bid_criterion_is_blocking     (const AffBidCriterion *self);
AFF_AVAILABLE_IN_ALL
gboolean         aff_bid_criterion_get_passed      (const AffBidCriterion *self);
AFF_AVAILABLE_IN_ALL
const char      *aff_bid_criterion_get_explanation (const AffBidCriterion *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffBidCriterion, aff_bid_criterion_free)

#define AFF_TYPE_BID_EVALUATION (aff_bid_evaluation_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffBidEvaluation, aff_bid_evaluation, AFF, BID_EVALUATION, GObject)

AFF_AVAILABLE_IN_ALL
AffBidEvaluation *aff_bid_evaluation_compute            (AffConsultation *consultation,
                                                         AffClient       *client,
                                                         AffPolicy       *policy,
                                                         GListModel      *consultations,
                                                         const GDate     *date,
                                                         GError         **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
const char       *aff_bid_evaluation_get_consultation_id (AffBidEvaluation *self);
AFF_AVAILABLE_IN_ALL
const GDate      *aff_bid_evaluation_get_date           (AffBidEvaluation *self);
AFF_AVAILABLE_IN_ALL
AffBidVerdict     aff_bid_evaluation_get_verdict        (AffBidEvaluation *self);
AFF_AVAILABLE_IN_ALL
guint             aff_bid_evaluation_get_score          (AffBidEvaluation *self);
AFF_AVAILABLE_IN_ALL
GPtrArray        *aff_bid_evaluation_get_criteria       (AffBidEvaluation *self);
AFF_AVAILABLE_IN_ALL
const AffBidCriterion *aff_bid_evaluation_lookup_criterion (AffBidEvaluation *self,
                                                            const char       *name);
AFF_AVAILABLE_IN_ALL
char             *aff_bid_evaluation_get_justification  (AffBidEvaluation *self);
AFF_AVAILABLE_IN_ALL
char             *aff_bid_evaluation_render_justification (AffBidEvaluation *self,
                                                           const char       *language);
AFF_AVAILABLE_IN_ALL
void              aff_bid_evaluation_add_lesson         (AffBidEvaluation *self,
                                                         const char       *lesson);
AFF_AVAILABLE_IN_ALL
const char * const *aff_bid_evaluation_get_lessons      (AffBidEvaluation *self);

/* The consultation remembers its evaluation and decision; declared here,
 * beside AffBidVerdict. */
AFF_AVAILABLE_IN_ALL
gboolean              aff_consultation_get_evaluation       (AffConsultation  *self,
                                                             AffBidVerdict    *verdict,
                                                             guint            *score,
                                                             GDate            *date);
AFF_AVAILABLE_IN_ALL
gboolean              aff_consultation_get_decision         (AffConsultation  *self,
                                                             AffBidVerdict    *verdict,
                                                             GDate            *date,
                                                             const char      **decided_by,
                                                             const char      **justification,
                                                             gboolean         *against_evaluation);

G_END_DECLS
