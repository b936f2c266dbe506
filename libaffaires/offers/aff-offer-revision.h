/* aff-offer-revision.h: one version of an offer, priced from cost
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
#include "aff-policy.h"
#include "aff-offer-line.h"
#include "aff-consultation.h"
#include "aff-offer-analysis.h"

G_BEGIN_DECLS

/**
 * AFF_LEGAL_MAX_PAYMENT_DAYS:
 *
 * The longest payment term French law allows from the invoice date
 * (Code de commerce, article L441-10).
 */
#define AFF_LEGAL_MAX_PAYMENT_DAYS 60

/**
 * AFF_LEGAL_MAX_PAYMENT_DAYS_END_OF_MONTH:
 *
 * The longest payment term French law allows when counted end of month.
 */
#define AFF_LEGAL_MAX_PAYMENT_DAYS_END_OF_MONTH 45

/**
 * AFF_LEGAL_MAX_RETENTION_RATE:
 *
 * The highest retention (retenue de garantie) loi 71-584 allows, in basis points.
 */
#define AFF_LEGAL_MAX_RETENTION_RATE 500

#define AFF_TYPE_OFFER_REVISION (aff_offer_revision_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffOfferRevision, aff_offer_revision, AFF, OFFER_REVISION, GObject)

AFF_AVAILABLE_IN_ALL
AffOfferRevision *aff_offer_revision_new              (const char        *letter,
                                                       AffPolicy         *policy) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
const char       *aff_offer_revision_get_letter       (AffOfferRevision  *self);
AFF_AVAILABLE_IN_ALL
const char       *aff_offer_revision_get_currency     (AffOfferRevision  *self);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_revision_is_frozen        (AffOfferRevision  *self);
AFF_AVAILABLE_IN_ALL
void              aff_offer_revision_freeze           (AffOfferRevision  *self);

AFF_AVAILABLE_IN_ALL
GListModel       *aff_offer_revision_get_lines        (AffOfferRevision  *self);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_revision_add_line         (AffOfferRevision  *self,
                                                       AffOfferLine      *line,
                                                       GError           **error);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_revision_remove_line      (AffOfferRevision  *self,
                                                       guint              position,
                                                       GError           **error);

AFF_AVAILABLE_IN_ALL
guint             aff_offer_revision_get_overhead_rate (AffOfferRevision *self,
                                                        AffLineKind       kind);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_revision_set_overhead_rate (AffOfferRevision *self,
                                                        AffLineKind       kind,
                                                        guint             basis_points,
                                                        GError          **error);
AFF_AVAILABLE_IN_ALL
const AffMoney   *aff_offer_revision_get_contingency  (AffOfferRevision  *self);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_revision_set_contingency  (AffOfferRevision  *self,
                                                       const AffMoney    *amount,
                                                       GError           **error);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_revision_set_contingency_from_risks (AffOfferRevision *self,
                                                                 GError          **error);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_revision_set_margin_rate  (AffOfferRevision  *self,
                                                       int                basis_points,
                                                       GError           **error);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_revision_set_selling_price (AffOfferRevision *self,
                                                        const AffMoney   *price,
                                                        GError          **error);

AFF_AVAILABLE_IN_ALL
AffMoney         *aff_offer_revision_get_direct_cost  (AffOfferRevision  *self,
                                                       GError           **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
AffMoney         *aff_offer_revision_get_overheads    (AffOfferRevision  *self,
                                                       GError           **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
AffMoney         *aff_offer_revision_get_cost_price   (AffOfferRevision  *self,
                                                       GError           **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
AffMoney         *aff_offer_revision_get_selling_price (AffOfferRevision *self,
                                                        GError          **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
AffMoney         *aff_offer_revision_get_margin       (AffOfferRevision  *self,
                                                       GError           **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
int               aff_offer_revision_get_margin_rate  (AffOfferRevision  *self,
                                                       GError           **error);
AFF_AVAILABLE_IN_ALL
int               aff_offer_revision_get_vat_rate     (AffOfferRevision  *self);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_revision_set_vat_rate     (AffOfferRevision  *self,
                                                       int                basis_points,
                                                       GError           **error);
AFF_AVAILABLE_IN_ALL
AffMoney         *aff_offer_revision_get_vat          (AffOfferRevision  *self,
                                                       GError           **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
AffMoney         *aff_offer_revision_get_total_including_vat (AffOfferRevision *self,
                                                              GError          **error) G_GNUC_WARN_UNUSED_RESULT;

AFF_AVAILABLE_IN_ALL
guint             aff_offer_revision_get_lead_time_days (AffOfferRevision *self);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_revision_set_lead_time_days (AffOfferRevision *self,
                                                         guint             days,
                                                         GError          **error);
AFF_AVAILABLE_IN_ALL
const GDate      *aff_offer_revision_get_validity     (AffOfferRevision  *self);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_revision_set_validity     (AffOfferRevision  *self,
                                                       const GDate       *date,
                                                       GError           **error);
AFF_AVAILABLE_IN_ALL
guint             aff_offer_revision_get_payment_days (AffOfferRevision  *self);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_revision_get_payment_end_of_month (AffOfferRevision *self);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_revision_set_payment_terms (AffOfferRevision *self,
                                                        guint             days,
                                                        gboolean          end_of_month,
                                                        GError          **error);
AFF_AVAILABLE_IN_ALL
int               aff_offer_revision_get_advance_rate (AffOfferRevision  *self);
AFF_AVAILABLE_IN_ALL
int               aff_offer_revision_get_retention_rate (AffOfferRevision *self);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_revision_get_progress_billing (AffOfferRevision *self);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_revision_set_billing      (AffOfferRevision  *self,
                                                       int                advance_rate,
                                                       gboolean           progress_billing,
                                                       int                retention_rate,
                                                       GError           **error);

AFF_AVAILABLE_IN_ALL
AffRegulatoryFlags aff_offer_revision_get_acknowledged_flags (AffOfferRevision *self);
AFF_AVAILABLE_IN_ALL
gboolean          aff_offer_revision_acknowledge      (AffOfferRevision   *self,
                                                       AffRegulatoryFlags  flags,
                                                       const char         *note,
                                                       GError            **error);
AFF_AVAILABLE_IN_ALL
const char * const *aff_offer_revision_get_notes      (AffOfferRevision   *self);
AFF_AVAILABLE_IN_ALL
const char       *aff_offer_revision_get_approver     (AffOfferRevision   *self);
AFF_AVAILABLE_IN_ALL
const char       *aff_offer_revision_get_approval_justification (AffOfferRevision *self);

AFF_AVAILABLE_IN_ALL
AffRevisionDiff  *aff_offer_revision_compare          (AffOfferRevision   *self,
                                                       AffOfferRevision   *other,
                                                       GError            **error) G_GNUC_WARN_UNUSED_RESULT;

AFF_AVAILABLE_IN_ALL
char             *aff_offer_revision_render          (AffOfferRevision   *self,
                                                      AffDocumentFormat   format,
                                                      GError            **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
