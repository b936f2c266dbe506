/* aff-offer.h: a commercial offer answering a consultation
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <gio/gio.h>

#include "aff-version-macros.h"
#include "aff-offer-revision.h"

G_BEGIN_DECLS

/**
 * AffOfferState:
 * @AFF_OFFER_STATE_DRAFT: being prepared, never sent
 * @AFF_OFFER_STATE_SENT: sent to the client, awaiting an answer
 * @AFF_OFFER_STATE_NEGOTIATION: the client answered; a new revision is being negotiated
 * @AFF_OFFER_STATE_ACCEPTED: the client accepted: a contract
 * @AFF_OFFER_STATE_DECLINED: the client declined
 * @AFF_OFFER_STATE_EXPIRED: the validity passed without an answer
 * @AFF_OFFER_STATE_WITHDRAWN: the company withdrew it
 *
 * Where an offer stands.
 */
typedef enum {
  AFF_OFFER_STATE_DRAFT,
  AFF_OFFER_STATE_SENT,
  AFF_OFFER_STATE_NEGOTIATION,
  AFF_OFFER_STATE_ACCEPTED,
  AFF_OFFER_STATE_DECLINED,
  AFF_OFFER_STATE_EXPIRED,
  AFF_OFFER_STATE_WITHDRAWN,
} AffOfferState;

/**
 * AffOfferProblem:
 * @AFF_OFFER_PROBLEM_NO_LINES: the revision has no cost line
 * @AFF_OFFER_PROBLEM_CONSULTATION_NOT_GO: the consultation was not decided GO
 *   (or is no longer open to an offer)
 * @AFF_OFFER_PROBLEM_DEADLINE_PASSED: the consultation's deadline has passed
 * @AFF_OFFER_PROBLEM_MARGIN_BELOW_FLOOR: the margin rate is below the policy
 *   floor and the management has not approved it
 * @AFF_OFFER_PROBLEM_REQUIREMENT_NOT_COVERED: a requirement of the
 *   specification is answered by no line
 * @AFF_OFFER_PROBLEM_VALIDITY: the validity is missing or shorter than the
 *   policy minimum
 * @AFF_OFFER_PROBLEM_REGULATORY_NOT_ACKNOWLEDGED: dangerous work the
 *   consultation involves is acknowledged by no note of the revision
 *
 * A problem [method@Aff.Offer.check] finds before sending. Every one blocks
 * the sending.
 */
typedef enum {
  AFF_OFFER_PROBLEM_NO_LINES,
  AFF_OFFER_PROBLEM_CONSULTATION_NOT_GO,
  AFF_OFFER_PROBLEM_DEADLINE_PASSED,
  AFF_OFFER_PROBLEM_MARGIN_BELOW_FLOOR,
  AFF_OFFER_PROBLEM_REQUIREMENT_NOT_COVERED,
  AFF_OFFER_PROBLEM_VALIDITY,
  AFF_OFFER_PROBLEM_REGULATORY_NOT_ACKNOWLEDGED,
} AffOfferProblem;

/**
 * AffReminderKind:
 * @AFF_REMINDER_KIND_FIRST: the first reminder after sending
 * @AFF_REMINDER_KIND_SECOND: the second reminder after sending
 * @AFF_REMINDER_KIND_VALIDITY_ENDING: the validity ends soon
 * @AFF_REMINDER_KIND_EXPIRED: the validity has passed: expire the offer or renew it
 *
 * Why an offer is to be chased.
 */
typedef enum {
  AFF_REMINDER_KIND_FIRST,
  AFF_REMINDER_KIND_SECOND,
  AFF_REMINDER_KIND_VALIDITY_ENDING,
  AFF_REMINDER_KIND_EXPIRED,
} AffReminderKind;

#define AFF_TYPE_OFFER_REMINDER (aff_offer_reminder_get_type ())

typedef struct _AffOfferReminder AffOfferReminder;

AFF_AVAILABLE_IN_ALL
GType             aff_offer_reminder_get_type         (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffOfferReminder *aff_offer_reminder_copy             (const AffOfferReminder *self);
AFF_AVAILABLE_IN_ALL
void              aff_offer_reminder_free             (AffOfferReminder       *self);
AFF_AVAILABLE_IN_ALL
const char       *aff_offer_reminder_get_offer_id     (const AffOfferReminder *self);
AFF_AVAILABLE_IN_ALL
AffReminderKind   aff_offer_reminder_get_kind         (const AffOfferReminder *self);
AFF_AVAILABLE_IN_ALL
const GDate      *aff_offer_reminder_get_due_date     (const AffOfferReminder *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffOfferReminder, aff_offer_reminder_free)

#define AFF_TYPE_OFFER_CHECK (aff_offer_check_get_type ())

typedef struct _AffOfferCheck AffOfferCheck;

AFF_AVAILABLE_IN_ALL
GType            aff_offer_check_get_type    (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffOfferCheck   *aff_offer_check_copy        (const AffOfferCheck *self);
AFF_AVAILABLE_IN_ALL
void             aff_offer_check_free        (AffOfferCheck       *self);
AFF_AVAILABLE_IN_ALL
AffOfferProblem  aff_offer_check_get_problem (const AffOfferCheck *self);
AFF_AVAILABLE_IN_ALL
const char      *aff_offer_check_get_message (const AffOfferCheck *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffOfferCheck, aff_offer_check_free)

#define AFF_TYPE_OFFER (aff_offer_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffOffer, aff_offer, AFF, OFFER, GObject)

AFF_AVAILABLE_IN_ALL
AffOffer         *aff_offer_new                  (const char  *id,
                                                  const char  *consultation_id) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
const char       *aff_offer_get_id               (AffOffer    *self);
AFF_AVAILABLE_IN_ALL
const char       *aff_offer_get_consultation_id  (AffOffer    *self);
AFF_AVAILABLE_IN_ALL
AffOfferState     aff_offer_get_state            (AffOffer    *self);
AFF_AVAILABLE_IN_ALL
GListModel       *aff_offer_get_revisions        (AffOffer    *self);
AFF_AVAILABLE_IN_ALL
AffOfferRevision *aff_offer_get_current_revision (AffOffer    *self);
AFF_AVAILABLE_IN_ALL
AffOfferRevision *aff_offer_revise               (AffOffer    *self,
                                                  GError     **error);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_approve              (AffOffer    *self,
                                                  const char  *approver,
                                                  const char  *justification,
                                                  GError     **error);
AFF_AVAILABLE_IN_ALL
GPtrArray        *aff_offer_check                (AffOffer    *self,
                                                  const GDate *date);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_send                 (AffOffer    *self,
                                                  const GDate *date,
                                                  GError     **error);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_get_sent_date        (AffOffer    *self,
                                                  GDate       *date);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_decline              (AffOffer     *self,
                                                  const GDate  *date,
                                                  AffLossReason reason,
                                                  const char   *note,
                                                  GError      **error);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_withdraw             (AffOffer    *self,
                                                  const GDate *date,
                                                  const char  *reason,
                                                  GError     **error);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_expire               (AffOffer    *self,
                                                  const GDate *date,
                                                  GError     **error);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_accept               (AffOffer    *self,
                                                  const GDate *date,
                                                  const char  *contract_reference,
                                                  GError     **error);
AFF_AVAILABLE_IN_ALL
AffLossReason     aff_offer_get_loss_reason      (AffOffer    *self);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_get_closed_date      (AffOffer    *self,
                                                  GDate       *date);

G_END_DECLS
