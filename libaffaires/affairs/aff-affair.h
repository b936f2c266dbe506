/* aff-affair.h: one contract's whole file
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
#include "aff-offer-line.h"
#include "aff-plan.h"
#include "aff-dossier.h"
#include "aff-rex.h"
#include "aff-policy.h"

G_BEGIN_DECLS

#define AFF_TYPE_BUDGET_ITEM (aff_budget_item_get_type ())

typedef struct _AffBudgetItem AffBudgetItem;

AFF_AVAILABLE_IN_ALL
GType           aff_budget_item_get_type   (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffBudgetItem  *aff_budget_item_copy       (const AffBudgetItem *self);
AFF_AVAILABLE_IN_ALL
void            aff_budget_item_free       (AffBudgetItem       *self);
AFF_AVAILABLE_IN_ALL
const char     *aff_budget_item_get_lot    (const AffBudgetItem *self);
AFF_AVAILABLE_IN_ALL
AffLineKind     aff_budget_item_get_kind   (const AffBudgetItem *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_budget_item_get_amount (const AffBudgetItem *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffBudgetItem, aff_budget_item_free)

#define AFF_TYPE_AFFAIR (aff_affair_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffAffair, aff_affair, AFF, AFFAIR, GObject)

AFF_AVAILABLE_IN_ALL
const char     *aff_affair_get_id                 (AffAffair *self);
AFF_AVAILABLE_IN_ALL
const char     *aff_affair_get_client_id          (AffAffair *self);
AFF_AVAILABLE_IN_ALL
const char     *aff_affair_get_consultation_id    (AffAffair *self);
AFF_AVAILABLE_IN_ALL
const char     *aff_affair_get_offer_id           (AffAffair *self);
AFF_AVAILABLE_IN_ALL
const char     *aff_affair_get_revision           (AffAffair *self);
AFF_AVAILABLE_IN_ALL
const char     *aff_affair_get_contract_reference (AffAffair *self);
AFF_AVAILABLE_IN_ALL
const GDate    *aff_affair_get_signed_date        (AffAffair *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_affair_get_contract_amount    (AffAffair *self);
AFF_AVAILABLE_IN_ALL
int             aff_affair_get_vat_rate           (AffAffair *self);
AFF_AVAILABLE_IN_ALL
guint           aff_affair_get_lead_time_days     (AffAffair *self);
AFF_AVAILABLE_IN_ALL
guint           aff_affair_get_payment_days       (AffAffair *self);
AFF_AVAILABLE_IN_ALL
gboolean        aff_affair_get_payment_end_of_month (AffAffair *self);
AFF_AVAILABLE_IN_ALL
int             aff_affair_get_advance_rate       (AffAffair *self);
AFF_AVAILABLE_IN_ALL
gboolean        aff_affair_get_progress_billing   (AffAffair *self);
AFF_AVAILABLE_IN_ALL
int             aff_affair_get_retention_rate     (AffAffair *self);
AFF_AVAILABLE_IN_ALL
GPtrArray      *aff_affair_get_budget             (AffAffair *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_affair_get_budget_total       (AffAffair *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_affair_get_overheads          (AffAffair *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_affair_get_contingency        (AffAffair *self);
AFF_AVAILABLE_IN_ALL
AffPlan        *aff_affair_get_plan               (AffAffair *self);
AFF_AVAILABLE_IN_ALL
AffDossier     *aff_affair_get_dossier            (AffAffair *self);
AFF_AVAILABLE_IN_ALL
AffRex         *aff_affair_get_rex                (AffAffair *self);
AFF_AVAILABLE_IN_ALL
AffRex         *aff_affair_create_rex             (AffAffair    *self,
                                                   const GDate  *date,
                                                   GError      **error);
AFF_AVAILABLE_IN_ALL
gboolean        aff_affair_requires_prevention_plan (AffAffair *self,
                                                     GStrv     *reasons);
AFF_AVAILABLE_IN_ALL
char           *aff_affair_render_report          (AffAffair          *self,
                                                   const GDate        *period_start,
                                                   const GDate        *period_end,
                                                   AffDocumentFormat   format,
                                                   GError            **error);
AFF_AVAILABLE_IN_ALL
char           *aff_affair_render_client_report   (AffAffair          *self,
                                                   const GDate        *period_start,
                                                   const GDate        *period_end,
                                                   AffDocumentFormat   format,
                                                   GError            **error);
AFF_AVAILABLE_IN_ALL
char           *aff_affair_render_management_plan (AffAffair          *self,
                                                   AffDocumentFormat   format,
                                                   GError            **error);

G_END_DECLS
