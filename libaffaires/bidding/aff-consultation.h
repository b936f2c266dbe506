/* aff-consultation.h: a request for quotation or a call for tender
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <gio/gio.h>

#include "aff-version-macros.h"
#include "aff-money.h"
#include "aff-requirement.h"
#include "aff-clarification.h"
#include "aff-contribution.h"
#include "aff-risk-register.h"

G_BEGIN_DECLS

/**
 * AffConsultationState:
 * @AFF_CONSULTATION_STATE_RECEIVED: spotted or received, not yet looked at
 * @AFF_CONSULTATION_STATE_QUALIFYING: being analysed for a go / no-go
 * @AFF_CONSULTATION_STATE_GO: the company decided to answer
 * @AFF_CONSULTATION_STATE_NO_GO: the company decided not to answer
 * @AFF_CONSULTATION_STATE_OFFER_SENT: an offer was sent to the client
 * @AFF_CONSULTATION_STATE_WON: the client accepted the offer
 * @AFF_CONSULTATION_STATE_LOST: the client chose another offer or none
 * @AFF_CONSULTATION_STATE_ABANDONED: dropped before an outcome (cancelled
 *   by the client, withdrawn)
 *
 * Where a consultation stands. The transitions are RECEIVED → QUALIFYING →
 * GO or NO_GO, GO → OFFER_SENT → WON or LOST, and ABANDONED from any open
 * state (RECEIVED, QUALIFYING, GO, OFFER_SENT).
 */
typedef enum {
  AFF_CONSULTATION_STATE_RECEIVED,
  AFF_CONSULTATION_STATE_QUALIFYING,
  AFF_CONSULTATION_STATE_GO,
  AFF_CONSULTATION_STATE_NO_GO,
  AFF_CONSULTATION_STATE_OFFER_SENT,
  AFF_CONSULTATION_STATE_WON,
  AFF_CONSULTATION_STATE_LOST,
  AFF_CONSULTATION_STATE_ABANDONED,
} AffConsultationState;

/**
 * AffConsultationSource:
 * @AFF_CONSULTATION_SOURCE_CLIENT_REQUEST: the client asked the company
 * @AFF_CONSULTATION_SOURCE_PUBLIC_TENDER: a public tender notice (BOAMP, JOUE…)
 * @AFF_CONSULTATION_SOURCE_COMMERCIAL_WATCH: found by commercial watch
 *
 * How a consultation was found.
 */
typedef enum {
  AFF_CONSULTATION_SOURCE_CLIENT_REQUEST,
  AFF_CONSULTATION_SOURCE_PUBLIC_TENDER,
  AFF_CONSULTATION_SOURCE_COMMERCIAL_WATCH,
} AffConsultationSource;

/**
 * AffRegulatoryFlags:
 * @AFF_REGULATORY_FLAGS_NONE: no dangerous work
 * @AFF_REGULATORY_FLAGS_WORK_AT_HEIGHT: work at height
 * @AFF_REGULATORY_FLAGS_CONFINED_SPACE: work in confined spaces
 * @AFF_REGULATORY_FLAGS_HOT_WORK: hot work (welding, cutting) near flammables
 * @AFF_REGULATORY_FLAGS_ATEX: work in explosive atmospheres (ATEX zones)
 * @AFF_REGULATORY_FLAGS_ASBESTOS: work exposing to asbestos
 * @AFF_REGULATORY_FLAGS_ELECTRICAL: electrical work near live parts
 * @AFF_REGULATORY_FLAGS_LIFTING: heavy lifting operations
 * @AFF_REGULATORY_FLAGS_IONISING_RADIATION: work exposing to ionising radiation
 * @AFF_REGULATORY_FLAGS_CHEMICAL: work exposing to dangerous chemical agents
 *
 * Dangerous work the consultation involves, among those the arrêté of
 * 19 March 1993 lists; any of them requires a written prevention plan.
 */
typedef enum /*< flags >*/ {
  AFF_REGULATORY_FLAGS_NONE = 0,
  AFF_REGULATORY_FLAGS_WORK_AT_HEIGHT = 1 << 0,
  AFF_REGULATORY_FLAGS_CONFINED_SPACE = 1 << 1,
  AFF_REGULATORY_FLAGS_HOT_WORK = 1 << 2,
  AFF_REGULATORY_FLAGS_ATEX = 1 << 3,
  AFF_REGULATORY_FLAGS_ASBESTOS = 1 << 4,
  AFF_REGULATORY_FLAGS_ELECTRICAL = 1 << 5,
  AFF_REGULATORY_FLAGS_LIFTING = 1 << 6,
  AFF_REGULATORY_FLAGS_IONISING_RADIATION = 1 << 7,
  AFF_REGULATORY_FLAGS_CHEMICAL = 1 << 8,
} AffRegulatoryFlags;

/**
 * AFF_MARGIN_RATE_UNSET:
 *
 * The expected margin rate of a consultation nobody has estimated: the
 * smallest 32-bit integer, G_MININT, written so that GObject Introspection
 * exports it to Python and JavaScript.
 */
#define AFF_MARGIN_RATE_UNSET (-2147483647 - 1)

#define AFF_TYPE_CONSULTATION (aff_consultation_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffConsultation, aff_consultation, AFF, CONSULTATION, GObject)

AFF_AVAILABLE_IN_ALL
AffConsultation      *aff_consultation_new                  (const char   *id,
                                                             const char   *client_id,
                                                             const char   *title,
                                                             const GDate  *received,
                                                             const GDate  *deadline) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
const char           *aff_consultation_get_id               (AffConsultation *self);
AFF_AVAILABLE_IN_ALL
const char           *aff_consultation_get_client_id        (AffConsultation *self);
AFF_AVAILABLE_IN_ALL
const char           *aff_consultation_get_title            (AffConsultation *self);
AFF_AVAILABLE_IN_ALL
void                  aff_consultation_set_title            (AffConsultation *self,
                                                             const char      *title);
AFF_AVAILABLE_IN_ALL
const GDate          *aff_consultation_get_received         (AffConsultation *self);
AFF_AVAILABLE_IN_ALL
const GDate          *aff_consultation_get_deadline         (AffConsultation *self);
AFF_AVAILABLE_IN_ALL
void                  aff_consultation_set_deadline         (AffConsultation *self,
                                                             const GDate     *deadline);
AFF_AVAILABLE_IN_ALL
const AffMoney       *aff_consultation_get_estimated_value  (AffConsultation *self);
AFF_AVAILABLE_IN_ALL
void                  aff_consultation_set_estimated_value  (AffConsultation *self,
                                                             const AffMoney  *value);
AFF_AVAILABLE_IN_ALL
const char * const   *aff_consultation_get_activities       (AffConsultation *self);
AFF_AVAILABLE_IN_ALL
void                  aff_consultation_set_activities       (AffConsultation *self,
                                                             const char * const *activities);
AFF_AVAILABLE_IN_ALL
const char           *aff_consultation_get_site             (AffConsultation *self);
AFF_AVAILABLE_IN_ALL
void                  aff_consultation_set_site             (AffConsultation *self,
                                                             const char      *site);
AFF_AVAILABLE_IN_ALL
const char           *aff_consultation_get_description      (AffConsultation *self);
AFF_AVAILABLE_IN_ALL
void                  aff_consultation_set_description      (AffConsultation *self,
                                                             const char      *description);
AFF_AVAILABLE_IN_ALL
AffConsultationSource aff_consultation_get_source           (AffConsultation *self);
AFF_AVAILABLE_IN_ALL
void                  aff_consultation_set_source           (AffConsultation       *self,
                                                             AffConsultationSource  source);
AFF_AVAILABLE_IN_ALL
AffRegulatoryFlags    aff_consultation_get_regulatory_flags (AffConsultation *self);
AFF_AVAILABLE_IN_ALL
void                  aff_consultation_set_regulatory_flags (AffConsultation    *self,
                                                             AffRegulatoryFlags  flags);
AFF_AVAILABLE_IN_ALL
int                   aff_consultation_get_expected_margin_rate (AffConsultation *self);
AFF_AVAILABLE_IN_ALL
void                  aff_consultation_set_expected_margin_rate (AffConsultation *self,
                                                                 int              basis_points);
AFF_AVAILABLE_IN_ALL
guint                 aff_consultation_get_estimated_hours  (AffConsultation *self);
AFF_AVAILABLE_IN_ALL
void                  aff_consultation_set_estimated_hours  (AffConsultation *self,
                                                             guint            hours);
AFF_AVAILABLE_IN_ALL
const AffMoney       *aff_consultation_get_bid_cost         (AffConsultation *self);
AFF_AVAILABLE_IN_ALL
void                  aff_consultation_set_bid_cost         (AffConsultation *self,
                                                             const AffMoney  *cost);

AFF_AVAILABLE_IN_ALL
AffConsultationState  aff_consultation_get_state            (AffConsultation *self);
AFF_AVAILABLE_IN_ALL
gboolean              aff_consultation_is_open              (AffConsultation *self);
AFF_AVAILABLE_IN_ALL
gboolean              aff_consultation_start_qualification  (AffConsultation *self,
                                                             const GDate     *date,
                                                             const char      *reason,
                                                             GError         **error);
AFF_AVAILABLE_IN_ALL
gboolean              aff_consultation_mark_offer_sent      (AffConsultation *self,
                                                             const GDate     *date,
                                                             const char      *reason,
                                                             GError         **error);
AFF_AVAILABLE_IN_ALL
gboolean              aff_consultation_mark_won             (AffConsultation *self,
                                                             const GDate     *date,
                                                             const char      *reason,
                                                             GError         **error);
AFF_AVAILABLE_IN_ALL
gboolean              aff_consultation_mark_lost            (AffConsultation *self,
                                                             const GDate     *date,
                                                             const char      *reason,
                                                             GError         **error);
AFF_AVAILABLE_IN_ALL
gboolean              aff_consultation_abandon              (AffConsultation *self,
                                                             const GDate     *date,
                                                             const char      *reason,
                                                             GError         **error);
AFF_AVAILABLE_IN_ALL
gboolean              aff_consultation_get_state_date       (AffConsultation      *self,
                                                             AffConsultationState  state,
                                                             GDate                *date);

AFF_AVAILABLE_IN_ALL
const char           *aff_consultation_add_requirement      (AffConsultation *self,
                                                             const char      *text);
AFF_AVAILABLE_IN_ALL
GListModel           *aff_consultation_get_requirements     (AffConsultation *self);
AFF_AVAILABLE_IN_ALL
const char           *aff_consultation_ask_question         (AffConsultation *self,
                                                             const char      *question,
                                                             const GDate     *date);
AFF_AVAILABLE_IN_ALL
gboolean              aff_consultation_answer_question      (AffConsultation *self,
                                                             const char      *id,
                                                             const char      *answer,
                                                             const GDate     *date,
                                                             GError         **error);
AFF_AVAILABLE_IN_ALL
GListModel           *aff_consultation_get_clarifications   (AffConsultation *self);
AFF_AVAILABLE_IN_ALL
const char           *aff_consultation_request_contribution (AffConsultation *self,
                                                             AffDepartment    department,
                                                             const char      *who,
                                                             const char      *what,
                                                             const GDate     *due);
AFF_AVAILABLE_IN_ALL
gboolean              aff_consultation_complete_contribution (AffConsultation *self,
                                                              const char      *id,
                                                              const char      *answer,
                                                              const GDate     *date,
                                                              GError         **error);
AFF_AVAILABLE_IN_ALL
GListModel           *aff_consultation_get_contributions    (AffConsultation *self);
AFF_AVAILABLE_IN_ALL
gboolean              aff_consultation_is_analysis_complete (AffConsultation *self);
AFF_AVAILABLE_IN_ALL
AffRiskRegister      *aff_consultation_get_risk_register    (AffConsultation *self);

G_END_DECLS
