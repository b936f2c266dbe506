/* aff-billing.h: the billing schedule of an affair, what is due and what is late
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
#include "aff-affair.h"

G_BEGIN_DECLS

/**
 * AffBillingKind:
 * @AFF_BILLING_KIND_ADVANCE: the advance payment (acompte) at the order,
 *   recovered on the invoices of the work
 * @AFF_BILLING_KIND_SITUATION: the monthly progress invoices (situations de
 *   travaux): cumulative progress × price − the situations before
 * @AFF_BILLING_KIND_MILESTONE: a share of the price due when a task or
 *   milestone of the plan is finished
 * @AFF_BILLING_KIND_FINAL: the balance of the price, due at the acceptance
 *   of the work (réception)
 * @AFF_BILLING_KIND_RETENTION_RELEASE: the release of the retention held,
 *   due one year after the acceptance
 * @AFF_BILLING_KIND_OTHER: an invoice recorded by hand
 *   ([method@Aff.Affair.record_invoice])
 *
 * What an invoice of an affair bills.
 */
typedef enum {
  AFF_BILLING_KIND_ADVANCE,
  AFF_BILLING_KIND_SITUATION,
  AFF_BILLING_KIND_MILESTONE,
  AFF_BILLING_KIND_FINAL,
  AFF_BILLING_KIND_RETENTION_RELEASE,
  AFF_BILLING_KIND_OTHER,
} AffBillingKind;

#define AFF_TYPE_BILLING_MILESTONE (aff_billing_milestone_get_type ())

typedef struct _AffBillingMilestone AffBillingMilestone;

AFF_AVAILABLE_IN_ALL
GType                aff_billing_milestone_get_type      (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffBillingMilestone *aff_billing_milestone_new           (const char                *id,
                                                          AffBillingKind             kind,
                                                          int                        basis_points,
                                                          const char                *task_id);
AFF_AVAILABLE_IN_ALL
AffBillingMilestone *aff_billing_milestone_copy          (const AffBillingMilestone *self);
AFF_AVAILABLE_IN_ALL
void                 aff_billing_milestone_free          (AffBillingMilestone       *self);
AFF_AVAILABLE_IN_ALL
const char          *aff_billing_milestone_get_id        (const AffBillingMilestone *self);
AFF_AVAILABLE_IN_ALL
AffBillingKind       aff_billing_milestone_get_kind      (const AffBillingMilestone *self);
AFF_AVAILABLE_IN_ALL
int                  aff_billing_milestone_get_basis_points (const AffBillingMilestone *self);
AFF_AVAILABLE_IN_ALL
const char          *aff_billing_milestone_get_task_id   (const AffBillingMilestone *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffBillingMilestone, aff_billing_milestone_free)

#define AFF_TYPE_BILLING_ITEM (aff_billing_item_get_type ())

typedef struct _AffBillingItem AffBillingItem;

AFF_AVAILABLE_IN_ALL
GType           aff_billing_item_get_type         (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffBillingItem *aff_billing_item_copy             (const AffBillingItem *self);
AFF_AVAILABLE_IN_ALL
void            aff_billing_item_free             (AffBillingItem       *self);
AFF_AVAILABLE_IN_ALL
const char     *aff_billing_item_get_milestone_id (const AffBillingItem *self);
AFF_AVAILABLE_IN_ALL
AffBillingKind  aff_billing_item_get_kind         (const AffBillingItem *self);
AFF_AVAILABLE_IN_ALL
const GDate    *aff_billing_item_get_due_date     (const AffBillingItem *self);
AFF_AVAILABLE_IN_ALL
const char     *aff_billing_item_get_reason       (const AffBillingItem *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_billing_item_get_amount       (const AffBillingItem *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_billing_item_get_advance_recovered (const AffBillingItem *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_billing_item_get_excluding_vat (const AffBillingItem *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_billing_item_get_vat          (const AffBillingItem *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_billing_item_get_including_vat (const AffBillingItem *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_billing_item_get_retention    (const AffBillingItem *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_billing_item_get_payable      (const AffBillingItem *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffBillingItem, aff_billing_item_free)

#define AFF_TYPE_LATE_PAYMENT (aff_late_payment_get_type ())

typedef struct _AffLatePayment AffLatePayment;

AFF_AVAILABLE_IN_ALL
GType           aff_late_payment_get_type        (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffLatePayment *aff_late_payment_copy            (const AffLatePayment *self);
AFF_AVAILABLE_IN_ALL
void            aff_late_payment_free            (AffLatePayment       *self);
AFF_AVAILABLE_IN_ALL
const char     *aff_late_payment_get_invoice     (const AffLatePayment *self);
AFF_AVAILABLE_IN_ALL
const GDate    *aff_late_payment_get_due_date    (const AffLatePayment *self);
AFF_AVAILABLE_IN_ALL
guint           aff_late_payment_get_days_late   (const AffLatePayment *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_late_payment_get_outstanding (const AffLatePayment *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_late_payment_get_interest    (const AffLatePayment *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_late_payment_get_indemnity   (const AffLatePayment *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffLatePayment, aff_late_payment_free)

#define AFF_TYPE_SUPPLIER_PAYMENT (aff_supplier_payment_get_type ())

typedef struct _AffSupplierPayment AffSupplierPayment;

AFF_AVAILABLE_IN_ALL
GType               aff_supplier_payment_get_type     (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffSupplierPayment *aff_supplier_payment_copy         (const AffSupplierPayment *self);
AFF_AVAILABLE_IN_ALL
void                aff_supplier_payment_free         (AffSupplierPayment       *self);
AFF_AVAILABLE_IN_ALL
const char         *aff_supplier_payment_get_document (const AffSupplierPayment *self);
AFF_AVAILABLE_IN_ALL
const char         *aff_supplier_payment_get_supplier (const AffSupplierPayment *self);
AFF_AVAILABLE_IN_ALL
const char         *aff_supplier_payment_get_task_id  (const AffSupplierPayment *self);
AFF_AVAILABLE_IN_ALL
const GDate        *aff_supplier_payment_get_accepted (const AffSupplierPayment *self);
AFF_AVAILABLE_IN_ALL
const AffMoney     *aff_supplier_payment_get_amount   (const AffSupplierPayment *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffSupplierPayment, aff_supplier_payment_free)

AFF_AVAILABLE_IN_ALL
gboolean   aff_affair_add_billing_milestone   (AffAffair                 *self,
                                               const AffBillingMilestone *milestone,
                                               GError                   **error);
AFF_AVAILABLE_IN_ALL
GPtrArray *aff_affair_list_billing_milestones (AffAffair                 *self);
AFF_AVAILABLE_IN_ALL
gboolean   aff_affair_record_acceptance       (AffAffair                 *self,
                                               const GDate               *date,
                                               gboolean                   bank_guarantee,
                                               GError                   **error);
AFF_AVAILABLE_IN_ALL
gboolean   aff_affair_get_acceptance          (AffAffair                 *self,
                                               GDate                     *date,
                                               gboolean                  *bank_guarantee);
AFF_AVAILABLE_IN_ALL
GPtrArray *aff_affair_list_billing_due        (AffAffair                 *self,
                                               const GDate               *date,
                                               GError                   **error);
AFF_AVAILABLE_IN_ALL
gboolean   aff_affair_invoice_billing_item    (AffAffair                 *self,
                                               const AffBillingItem      *item,
                                               const char                *reference,
                                               const GDate               *date,
                                               GError                   **error);
AFF_AVAILABLE_IN_ALL
GPtrArray *aff_affair_list_late_payments      (AffAffair                 *self,
                                               const GDate               *date,
                                               GError                   **error);
AFF_AVAILABLE_IN_ALL
GPtrArray *aff_affair_list_supplier_payments_due (AffAffair              *self,
                                               const GDate               *date,
                                               GError                   **error);

G_END_DECLS
