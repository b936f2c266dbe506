/* aff-portfolio.h: the root that owns everything and is saved as one document
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <gio/gio.h>

#include "aff-version-macros.h"
#include "aff-journal.h"
#include "aff-policy.h"
#include "aff-client.h"
#include "aff-development-figures.h"
#include "aff-consultation.h"
#include "aff-bid-evaluation.h"
#include "aff-bid-statistics.h"
#include "aff-offer.h"
#include "aff-affair.h"
#include "aff-resource.h"
#include "aff-lesson.h"
#include "aff-audit.h"

G_BEGIN_DECLS

/**
 * AFF_PORTFOLIO_FORMAT_NAME:
 *
 * The `format` member of every portfolio document.
 */
#define AFF_PORTFOLIO_FORMAT_NAME "libaffaires-portfolio"

/**
 * AFF_PORTFOLIO_FORMAT_VERSION:
 *
 * The newest portfolio document version this library reads and the one it writes.
 */
#define AFF_PORTFOLIO_FORMAT_VERSION 5

#define AFF_TYPE_PORTFOLIO (aff_portfolio_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffPortfolio, aff_portfolio, AFF, PORTFOLIO, GObject)

AFF_AVAILABLE_IN_ALL
AffPortfolio *aff_portfolio_new                    (void) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
AffPortfolio *aff_portfolio_new_from_file          (const char          *path,
                                                    GError             **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
gboolean      aff_portfolio_verify                 (AffPortfolio        *self,
                                                    GError             **error);
AFF_AVAILABLE_IN_ALL
AffPortfolio *aff_portfolio_new_from_data          (const char          *data,
                                                    gssize               length,
                                                    GError             **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
void          aff_portfolio_new_from_file_async    (const char          *path,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
AFF_AVAILABLE_IN_ALL
AffPortfolio *aff_portfolio_new_from_file_finish   (GAsyncResult        *result,
                                                    GError             **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
char         *aff_portfolio_to_data                (AffPortfolio        *self,
                                                    gsize               *length) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
gboolean      aff_portfolio_save_to_file           (AffPortfolio        *self,
                                                    const char          *path,
                                                    GError             **error);
AFF_AVAILABLE_IN_ALL
void          aff_portfolio_save_to_file_async     (AffPortfolio        *self,
                                                    const char          *path,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
AFF_AVAILABLE_IN_ALL
gboolean      aff_portfolio_save_to_file_finish    (AffPortfolio        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

AFF_AVAILABLE_IN_ALL
const char   *aff_portfolio_get_name               (AffPortfolio        *self);
AFF_AVAILABLE_IN_ALL
void          aff_portfolio_set_name               (AffPortfolio        *self,
                                                    const char          *name);
AFF_AVAILABLE_IN_ALL
AffPolicy    *aff_portfolio_get_policy             (AffPortfolio        *self);
AFF_AVAILABLE_IN_ALL
AffJournal   *aff_portfolio_get_journal            (AffPortfolio        *self);
AFF_AVAILABLE_IN_ALL
const char   *aff_portfolio_get_actor              (AffPortfolio        *self);
AFF_AVAILABLE_IN_ALL
void          aff_portfolio_set_actor              (AffPortfolio        *self,
                                                    const char          *actor);
AFF_AVAILABLE_IN_ALL
void          aff_portfolio_set_clock              (AffPortfolio        *self,
                                                    AffClockFunc         func,
                                                    gpointer             user_data,
                                                    GDestroyNotify       destroy);
AFF_AVAILABLE_IN_ALL
void          aff_portfolio_set_fixed_time         (AffPortfolio        *self,
                                                    GDateTime           *now);

AFF_AVAILABLE_IN_ALL
GListModel   *aff_portfolio_get_clients            (AffPortfolio        *self);
AFF_AVAILABLE_IN_ALL
gboolean      aff_portfolio_add_client             (AffPortfolio        *self,
                                                    AffClient           *client,
                                                    GError             **error);
AFF_AVAILABLE_IN_ALL
AffClient    *aff_portfolio_lookup_client          (AffPortfolio        *self,
                                                    const char          *id);
AFF_AVAILABLE_IN_ALL
gboolean      aff_portfolio_remove_client          (AffPortfolio        *self,
                                                    const char          *id,
                                                    GError             **error);
AFF_AVAILABLE_IN_ALL
gboolean      aff_portfolio_set_client_parent      (AffPortfolio        *self,
                                                    const char          *client_id,
                                                    const char          *parent_id,
                                                    GError             **error);
AFF_AVAILABLE_IN_ALL
gboolean      aff_portfolio_record_interaction     (AffPortfolio        *self,
                                                    const char          *client_id,
                                                    AffInteraction      *interaction,
                                                    GError             **error);
AFF_AVAILABLE_IN_ALL
guint         aff_portfolio_get_follow_up_days     (AffPortfolio        *self,
                                                    AffClient           *client);
AFF_AVAILABLE_IN_ALL
gboolean      aff_portfolio_get_follow_up_date     (AffPortfolio        *self,
                                                    AffClient           *client,
                                                    GDate               *date);
AFF_AVAILABLE_IN_ALL
GPtrArray    *aff_portfolio_list_clients_due_for_follow_up (AffPortfolio *self,
                                                            const GDate  *date);
AFF_AVAILABLE_IN_ALL
AffDevelopmentFigures *aff_portfolio_compute_development (AffPortfolio  *self,
                                                          const GDate   *from,
                                                          const GDate   *to,
                                                          GError       **error) G_GNUC_WARN_UNUSED_RESULT;

AFF_AVAILABLE_IN_ALL
GListModel   *aff_portfolio_get_consultations      (AffPortfolio        *self);
AFF_AVAILABLE_IN_ALL
gboolean      aff_portfolio_add_consultation       (AffPortfolio        *self,
                                                    AffConsultation     *consultation,
                                                    GError             **error);
AFF_AVAILABLE_IN_ALL
AffConsultation *aff_portfolio_lookup_consultation (AffPortfolio        *self,
                                                    const char          *id);
AFF_AVAILABLE_IN_ALL
GPtrArray    *aff_portfolio_list_possible_duplicates (AffPortfolio      *self,
                                                      const char        *consultation_id);
AFF_AVAILABLE_IN_ALL
GPtrArray    *aff_portfolio_list_open_consultations (AffPortfolio       *self);
AFF_AVAILABLE_IN_ALL
GPtrArray    *aff_portfolio_list_consultations_due (AffPortfolio        *self,
                                                    const GDate         *date);
AFF_AVAILABLE_IN_ALL
AffBidEvaluation *aff_portfolio_evaluate_consultation (AffPortfolio     *self,
                                                       const char       *consultation_id,
                                                       const GDate      *date,
                                                       GError          **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
gboolean      aff_portfolio_decide_consultation    (AffPortfolio        *self,
                                                    const char          *consultation_id,
                                                    AffBidVerdict        verdict,
                                                    const char          *decided_by,
                                                    const char          *justification,
                                                    GError             **error);
AFF_AVAILABLE_IN_ALL
gboolean      aff_portfolio_decide_consultation_at (AffPortfolio        *self,
                                                    const char          *consultation_id,
                                                    AffBidVerdict        verdict,
                                                    const char          *decided_by,
                                                    const char          *justification,
                                                    const GDate         *date,
                                                    GError             **error);
AFF_AVAILABLE_IN_ALL
AffHitRate   *aff_portfolio_compute_hit_rate       (AffPortfolio        *self,
                                                    const char          *client_id,
                                                    const char          *activity) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
AffVerdictReview *aff_portfolio_review_verdicts    (AffPortfolio        *self) G_GNUC_WARN_UNUSED_RESULT;

AFF_AVAILABLE_IN_ALL
GListModel   *aff_portfolio_get_offers             (AffPortfolio        *self);
AFF_AVAILABLE_IN_ALL
gboolean      aff_portfolio_add_offer              (AffPortfolio        *self,
                                                    AffOffer            *offer,
                                                    GError             **error);
AFF_AVAILABLE_IN_ALL
AffOffer     *aff_portfolio_lookup_offer           (AffPortfolio        *self,
                                                    const char          *id);
AFF_AVAILABLE_IN_ALL
GPtrArray    *aff_portfolio_find_offers            (AffPortfolio        *self,
                                                    const char          *client_id,
                                                    const char          *state,
                                                    const GDate         *from,
                                                    const GDate         *to,
                                                    GError             **error);
AFF_AVAILABLE_IN_ALL
AffPipeline  *aff_portfolio_compute_pipeline       (AffPortfolio        *self,
                                                    GError             **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
GListModel   *aff_portfolio_get_affairs            (AffPortfolio        *self);
AFF_AVAILABLE_IN_ALL
GPtrArray    *aff_portfolio_list_overallocations   (AffPortfolio        *self,
                                                    const GDate         *from,
                                                    const GDate         *to,
                                                    GError             **error);
AFF_AVAILABLE_IN_ALL
AffAffair    *aff_portfolio_lookup_affair          (AffPortfolio        *self,
                                                    const char          *id);
AFF_AVAILABLE_IN_ALL
GPtrArray    *aff_portfolio_list_offer_reminders   (AffPortfolio        *self,
                                                    const GDate         *date);

AFF_AVAILABLE_IN_ALL
GPtrArray     *aff_portfolio_find_lessons       (AffPortfolio         *self,
                                                 const AffLessonQuery *query);
AFF_AVAILABLE_IN_ALL
GPtrArray     *aff_portfolio_find_affair_lessons (AffPortfolio        *self,
                                                  const char          *affair_id,
                                                  GError             **error);
AFF_AVAILABLE_IN_ALL
GPtrArray     *aff_portfolio_list_improvements  (AffPortfolio         *self,
                                                 int                   status);
AFF_AVAILABLE_IN_ALL
AffAudit      *aff_portfolio_audit_affair       (AffPortfolio         *self,
                                                 const char           *affair_id,
                                                 const GDate          *date,
                                                 GError              **error);

G_END_DECLS
