/* aff-affair-status.h: the financial state of an affair at a date
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <glib-object.h>

#include "aff-version-macros.h"
#include "aff-money.h"
#include "aff-ledger.h"
#include "aff-affair.h"

G_BEGIN_DECLS

#define AFF_TYPE_AMENDMENT (aff_amendment_get_type ())

typedef struct _AffAmendment AffAmendment;

AFF_AVAILABLE_IN_ALL
GType           aff_amendment_get_type           (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffAmendment   *aff_amendment_new                (const char         *reference,
                                                  const GDate        *date,
                                                  const AffMoney     *revenue_change,
                                                  const char         *reason);
AFF_AVAILABLE_IN_ALL
AffAmendment   *aff_amendment_copy               (const AffAmendment *self);
AFF_AVAILABLE_IN_ALL
void            aff_amendment_free               (AffAmendment       *self);
AFF_AVAILABLE_IN_ALL
const char     *aff_amendment_get_reference      (const AffAmendment *self);
AFF_AVAILABLE_IN_ALL
const GDate    *aff_amendment_get_date           (const AffAmendment *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_amendment_get_revenue_change (const AffAmendment *self);
AFF_AVAILABLE_IN_ALL
const char     *aff_amendment_get_reason         (const AffAmendment *self);
AFF_AVAILABLE_IN_ALL
gboolean        aff_amendment_add_budget_change  (AffAmendment       *self,
                                                  const char         *work,
                                                  AffCostCategory     category,
                                                  const AffMoney     *change,
                                                  GError            **error);
AFF_AVAILABLE_IN_ALL
guint           aff_amendment_get_n_budget_changes (const AffAmendment *self);
AFF_AVAILABLE_IN_ALL
gboolean        aff_amendment_get_budget_change  (const AffAmendment *self,
                                                  guint               position,
                                                  const char        **work,
                                                  AffCostCategory    *category,
                                                  AffMoney          **change);
AFF_AVAILABLE_IN_ALL
gboolean        aff_amendment_get_accepted_date  (const AffAmendment *self,
                                                  GDate              *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffAmendment, aff_amendment_free)

#define AFF_TYPE_AFFAIR_STATUS (aff_affair_status_get_type ())

typedef struct _AffAffairStatus AffAffairStatus;

AFF_AVAILABLE_IN_ALL
GType            aff_affair_status_get_type      (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffAffairStatus *aff_affair_status_copy          (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
void             aff_affair_status_free          (AffAffairStatus       *self);
AFF_AVAILABLE_IN_ALL
const GDate     *aff_affair_status_get_date      (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const char      *aff_affair_status_get_affair_id (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
AffEacMethod     aff_affair_status_get_eac_method (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
AffRevenueMethod aff_affair_status_get_revenue_method (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
gboolean         aff_affair_status_has_baseline  (const AffAffairStatus *self);

AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_bac                   (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_pv                    (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_ev                    (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_ac                    (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_open_commitments      (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_cv                    (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_sv                    (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_eac                   (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_etc                   (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_vac                   (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_contingency           (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_cost_at_completion    (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_contract_amount       (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_revenue_at_completion (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_margin_at_completion  (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_offer_margin          (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_margin_drift          (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_recognised_revenue    (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_billed                (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_cash_received         (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_accrued_revenue       (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_deferred_revenue      (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_loss_provision        (const AffAffairStatus *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_affair_status_get_backlog               (const AffAffairStatus *self);

AFF_AVAILABLE_IN_ALL
gboolean         aff_affair_status_get_cpi               (const AffAffairStatus *self,
                                         double                *value);
AFF_AVAILABLE_IN_ALL
gboolean         aff_affair_status_get_spi               (const AffAffairStatus *self,
                                         double                *value);
AFF_AVAILABLE_IN_ALL
gboolean         aff_affair_status_get_tcpi              (const AffAffairStatus *self,
                                         double                *value);
AFF_AVAILABLE_IN_ALL
gboolean         aff_affair_status_get_physical_progress (const AffAffairStatus *self,
                                         double                *value);
AFF_AVAILABLE_IN_ALL
gboolean         aff_affair_status_get_cost_progress     (const AffAffairStatus *self,
                                         double                *value);
AFF_AVAILABLE_IN_ALL
gboolean         aff_affair_status_get_billing_progress  (const AffAffairStatus *self,
                                         double                *value);
AFF_AVAILABLE_IN_ALL
gboolean         aff_affair_status_get_completion        (const AffAffairStatus *self,
                                         double                *value);

AFF_AVAILABLE_IN_ALL
gboolean         aff_affair_status_get_margin_rate (const AffAffairStatus *self,
                                                    int                   *basis_points);
AFF_AVAILABLE_IN_ALL
gboolean         aff_affair_status_get_margin_rate_drift (const AffAffairStatus *self,
                                                          int                   *basis_points);
AFF_AVAILABLE_IN_ALL
gboolean         aff_affair_status_is_concordant (const AffAffairStatus *self,
                                                  double                *gap);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffAffairStatus, aff_affair_status_free)

AFF_AVAILABLE_IN_ALL
AffLedger       *aff_affair_get_ledger           (AffAffair          *self);
AFF_AVAILABLE_IN_ALL
AffEacMethod     aff_affair_get_eac_method       (AffAffair          *self);
AFF_AVAILABLE_IN_ALL
void             aff_affair_set_eac_method       (AffAffair          *self,
                                                  AffEacMethod        method);
AFF_AVAILABLE_IN_ALL
gboolean         aff_affair_record_progress      (AffAffair          *self,
                                                  const char         *work,
                                                  const GDate        *date,
                                                  int                 basis_points,
                                                  GError            **error);
AFF_AVAILABLE_IN_ALL
gboolean         aff_affair_get_progress         (AffAffair          *self,
                                                  const char         *work,
                                                  const GDate        *date,
                                                  int                *basis_points);
AFF_AVAILABLE_IN_ALL
gboolean         aff_affair_record_remaining     (AffAffair          *self,
                                                  const char         *work,
                                                  const GDate        *date,
                                                  const AffMoney     *remaining,
                                                  GError            **error);
AFF_AVAILABLE_IN_ALL
gboolean         aff_affair_add_amendment        (AffAffair          *self,
                                                  const AffAmendment *amendment,
                                                  GError            **error);
AFF_AVAILABLE_IN_ALL
gboolean         aff_affair_accept_amendment     (AffAffair          *self,
                                                  const char         *reference,
                                                  const GDate        *date,
                                                  GError            **error);
AFF_AVAILABLE_IN_ALL
GPtrArray       *aff_affair_list_amendments      (AffAffair          *self);
AFF_AVAILABLE_IN_ALL
AffMoney        *aff_affair_get_budget_at_completion (AffAffair      *self,
                                                  const GDate        *date,
                                                  const char         *work,
                                                  int                 category,
                                                  GError            **error);
AFF_AVAILABLE_IN_ALL
gboolean         aff_affair_record_invoice       (AffAffair          *self,
                                                  const char         *reference,
                                                  const GDate        *date,
                                                  const AffMoney     *amount,
                                                  GError            **error);
AFF_AVAILABLE_IN_ALL
gboolean         aff_affair_record_payment       (AffAffair          *self,
                                                  const char         *invoice,
                                                  const GDate        *date,
                                                  const AffMoney     *amount,
                                                  GError            **error);
AFF_AVAILABLE_IN_ALL
AffAffairStatus *aff_affair_compute_status       (AffAffair          *self,
                                                  const GDate        *date,
                                                  GError            **error);

G_END_DECLS
