/* aff-ledger.h: the costs of an affair, committed and actual
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

G_BEGIN_DECLS

/**
 * AffCostCategory:
 * @AFF_COST_CATEGORY_LABOUR: hours of the company's own people
 * @AFF_COST_CATEGORY_MATERIAL: materials and supplies
 * @AFF_COST_CATEGORY_EQUIPMENT: equipment hired or charged to the affair
 * @AFF_COST_CATEGORY_SUBCONTRACT: work of subcontractors
 * @AFF_COST_CATEGORY_TRAVEL: travel and accommodation
 * @AFF_COST_CATEGORY_OVERHEAD: overheads charged to the affair
 * @AFF_COST_CATEGORY_OTHER: anything else
 *
 * The category of a cost. The first six match the kinds of the offer's
 * lines ([enum@Aff.LineKind]) but for overheads, which an offer prices as
 * a rate and a ledger receives as charges.
 */
typedef enum {
  AFF_COST_CATEGORY_LABOUR,
  AFF_COST_CATEGORY_MATERIAL,
  AFF_COST_CATEGORY_EQUIPMENT,
  AFF_COST_CATEGORY_SUBCONTRACT,
  AFF_COST_CATEGORY_TRAVEL,
  AFF_COST_CATEGORY_OVERHEAD,
  AFF_COST_CATEGORY_OTHER,
} AffCostCategory;

/**
 * AffCostState:
 * @AFF_COST_STATE_COMMITTED: ordered, not yet incurred (engagé): a purchase
 *   order, a subcontract
 * @AFF_COST_STATE_ACTUAL: incurred (réalisé): an invoice received, hours
 *   worked
 *
 * Whether a cost is committed or actual.
 */
typedef enum {
  AFF_COST_STATE_COMMITTED,
  AFF_COST_STATE_ACTUAL,
} AffCostState;

#define AFF_TYPE_COST_ENTRY (aff_cost_entry_get_type ())

typedef struct _AffCostEntry AffCostEntry;

AFF_AVAILABLE_IN_ALL
GType           aff_cost_entry_get_type       (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffCostEntry   *aff_cost_entry_new            (const GDate           *date,
                                               const char            *work,
                                               AffCostCategory        category,
                                               AffCostState           state,
                                               const AffMoney        *amount);
AFF_AVAILABLE_IN_ALL
AffCostEntry   *aff_cost_entry_copy           (const AffCostEntry    *self);
AFF_AVAILABLE_IN_ALL
void            aff_cost_entry_free           (AffCostEntry          *self);
AFF_AVAILABLE_IN_ALL
const GDate    *aff_cost_entry_get_date       (const AffCostEntry    *self);
AFF_AVAILABLE_IN_ALL
const char     *aff_cost_entry_get_work       (const AffCostEntry    *self);
AFF_AVAILABLE_IN_ALL
AffCostCategory aff_cost_entry_get_category   (const AffCostEntry    *self);
AFF_AVAILABLE_IN_ALL
AffCostState    aff_cost_entry_get_state      (const AffCostEntry    *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_cost_entry_get_amount     (const AffCostEntry    *self);
AFF_AVAILABLE_IN_ALL
gint64          aff_cost_entry_get_quantity   (const AffCostEntry    *self);
AFF_AVAILABLE_IN_ALL
void            aff_cost_entry_set_quantity   (AffCostEntry          *self,
                                               gint64                 thousandths);
AFF_AVAILABLE_IN_ALL
const char     *aff_cost_entry_get_supplier   (const AffCostEntry    *self);
AFF_AVAILABLE_IN_ALL
void            aff_cost_entry_set_supplier   (AffCostEntry          *self,
                                               const char            *supplier);
AFF_AVAILABLE_IN_ALL
const char     *aff_cost_entry_get_document   (const AffCostEntry    *self);
AFF_AVAILABLE_IN_ALL
void            aff_cost_entry_set_document   (AffCostEntry          *self,
                                               const char            *document);
AFF_AVAILABLE_IN_ALL
const char     *aff_cost_entry_get_commitment (const AffCostEntry    *self);
AFF_AVAILABLE_IN_ALL
void            aff_cost_entry_set_commitment (AffCostEntry          *self,
                                               const char            *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffCostEntry, aff_cost_entry_free)

#define AFF_TYPE_LEDGER (aff_ledger_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffLedger, aff_ledger, AFF, LEDGER, GObject)

AFF_AVAILABLE_IN_ALL
AffLedger    *aff_ledger_new              (const char         *currency,
                                           GError            **error);
AFF_AVAILABLE_IN_ALL
const char   *aff_ledger_get_currency     (AffLedger          *self);
AFF_AVAILABLE_IN_ALL
guint         aff_ledger_get_n_entries    (AffLedger          *self);
AFF_AVAILABLE_IN_ALL
AffCostEntry *aff_ledger_get_entry        (AffLedger          *self,
                                           guint               position);
AFF_AVAILABLE_IN_ALL
gboolean      aff_ledger_add              (AffLedger          *self,
                                           const AffCostEntry *entry,
                                           GError            **error);
AFF_AVAILABLE_IN_ALL
gboolean      aff_ledger_import_csv       (AffLedger          *self,
                                           const char         *text,
                                           gssize              length,
                                           guint              *n_added,
                                           GError            **error);
AFF_AVAILABLE_IN_ALL
char         *aff_ledger_to_csv           (AffLedger          *self);
AFF_AVAILABLE_IN_ALL
AffMoney     *aff_ledger_sum              (AffLedger          *self,
                                           const GDate        *until,
                                           AffCostState        state,
                                           const char         *work,
                                           int                 category,
                                           GError            **error);
AFF_AVAILABLE_IN_ALL
AffMoney     *aff_ledger_get_open_commitments (AffLedger      *self,
                                           const GDate        *until,
                                           GError            **error);

G_END_DECLS
