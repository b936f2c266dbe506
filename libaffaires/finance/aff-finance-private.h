/* aff-finance-private.h: what the finance module shares inside the library
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "aff-ledger.h"
#include "aff-affair.h"
#include "aff-drift.h"
#include "aff-billing.h"
#include "aff-affair-status.h"
#include "aff-json-private.h"
#include "aff-journal-private.h"

G_BEGIN_DECLS

/* One entry of a ledger, 40 bytes: ledgers run to millions of entries, so
 * strings are numbers in the ledger's table of words (0 for none) and the
 * date a Julian day. */
typedef struct
{
  guint32 day;
  guint32 work;
  guint32 supplier;
  guint32 document;
  guint32 commitment;
  guint8 category;          /* AffCostCategory */
  guint8 state;             /* AffCostState */
  gint64 amount;            /* minor units of the ledger's currency */
  gint64 quantity;          /* thousandths */
} AffLedgerRow;

/* Writes @text (NULL: nothing) as one RFC 4180 field, quoted when it must
 * be. */
void                _aff_csv_field       (GString      *out,
                                          const char   *text);
/* A count of minor units (or thousandths, @exponent 3) as a decimal
 * without currency: "-1234.50". */
void                _aff_append_decimal  (GString      *out,
                                          gint64        value,
                                          guint         exponent);
const AffLedgerRow *_aff_ledger_rows     (AffLedger    *self,
                                          guint        *n_rows);
/* The word of number @index, NULL for 0. */
const char         *_aff_ledger_word     (AffLedger    *self,
                                          guint32       index);
/* The number of @word, 0 when the ledger has never seen it. */
guint32             _aff_ledger_find_word (AffLedger   *self,
                                           const char  *word);
/* What is committed and not yet incurred on day @last; FALSE on overflow. */
gboolean            _aff_ledger_open_commitments (AffLedger *self,
                                                  guint32    last,
                                                  gint64    *open);
/* Once set, additions fail with AFF_ERROR_CLOSED. */
void                _aff_ledger_close    (AffLedger    *self);
void                _aff_ledger_attach   (AffLedger    *self,
                                          AffJournal   *journal,
                                          const char   *affair_id);
void                _aff_ledger_to_json  (AffLedger    *self,
                                          JsonBuilder  *builder);
AffLedger          *_aff_ledger_from_json (AffJsonReader *reader,
                                           JsonNode      *node,
                                           const char    *currency,
                                           GError       **error);

/* An invoice sent to the client or, in the payments, money received. */
typedef struct
{
  char *reference;          /* the invoice's; for a payment, the invoice it settles */
  GDate date;
  gint64 amount;            /* invoice: excluding VAT, before the advance recovered; payment: as received */
  int kind;                 /* invoice: AffBillingKind */
  char *milestone;          /* invoice: the billing milestone's id, or NULL */
  gint64 recovered;         /* invoice: advance recovered, excluding VAT */
  gint64 vat;
  gint64 retention;         /* invoice: retention held on it */
  gint64 payable;           /* invoice: amount − recovered + VAT − retention */
} AffBill;

/* The financial follow-up of an affair: its ledger, the physical progress
 * and remaining-to-do recorded per task or lot, the amendments, invoices and
 * payments. The affair owns one. */
typedef struct _AffFinance AffFinance;

AffFinance *_aff_finance_new       (const char    *currency);
void        _aff_finance_free      (AffFinance    *finance);
void        _aff_finance_attach    (AffFinance    *finance,
                                    AffJournal    *journal,
                                    const char    *affair_id);
void        _aff_finance_to_json   (AffFinance    *finance,
                                    JsonBuilder   *builder);
/* An absent @node gives an empty follow-up. */
AffFinance *_aff_finance_from_json (AffJsonReader *reader,
                                    JsonNode      *node,
                                    const char    *currency,
                                    GError       **error);

/* The language of the affair's policy (aff-language-private.h), French
 * without one. */
guint       _aff_affair_language   (AffAffair     *affair);
void        _aff_finance_record    (AffFinance    *finance,
                                    const char    *action,
                                    JsonObject    *details);
GArray     *_aff_finance_get_invoices (AffFinance *finance);   /* AffBill */
GArray     *_aff_finance_get_payments (AffFinance *finance);   /* AffBill */
/* The billing milestones the affair was given (AffBillingMilestone). */
GPtrArray  *_aff_finance_get_milestones (AffFinance *finance);
/* The acceptance of the work: cleared while not recorded. */
GDate      *_aff_finance_get_acceptance (AffFinance *finance,
                                         gboolean   **bank_guarantee);
/* Adds an invoice, taking its strings; journals it. */
void        _aff_finance_add_invoice  (AffFinance    *finance,
                                       AffBill       *bill,
                                       const char    *currency);
/* The revenue at completion on @day: contract amount and amendments. */
gint64      _aff_affair_revenue_at_completion (AffAffair *self,
                                               guint32    day,
                                               gboolean  *overflow);
/* FALSE with AFF_ERROR_CLOSED once the affair is closed. */
gboolean    _aff_finance_check_open  (AffFinance    *finance,
                                      const char    *affair_id,
                                      GError       **error);
/* The close-out: the date (cleared while open) and the final margin. */
GDate      *_aff_finance_get_closed  (AffFinance    *finance,
                                      AffMoney    ***final_margin);
/* The planned value at each of @days, with the budget of @budget_date;
 * FALSE when the plan gives no dates (all 0) or a figure overflows. */
gboolean    _aff_affair_planned_values (AffAffair     *self,
                                        const GDate   *budget_date,
                                        const guint32 *days,
                                        guint          n_days,
                                        gint64        *pv,
                                        gint64        *bac);
/* The day an invoice of @invoiced_on is to be paid, by the affair's terms. */
void        _aff_affair_payment_due  (AffAffair     *self,
                                      const GDate   *invoiced_on,
                                      GDate         *due);
/* The drifts of @status, the affair's on its date (AffDrift). */
GPtrArray  *_aff_affair_list_drifts_of (AffAffair              *self,
                                        const AffAffairStatus  *status,
                                        GError                **error);
/* The corrective actions recorded, oldest first (AffCorrectiveAction). */
GPtrArray  *_aff_finance_get_actions (AffFinance  *finance);

/* One line of an affair's budget at completion on a day. */
typedef struct
{
  const char *work;         /* borrowed from the affair; NULL for the whole affair */
  AffCostCategory category;
  gint64 budget;
} AffBudgetLine;

/* The budget lines on @date, by work and category (AffBudgetLine). */
GArray     *_aff_affair_budget_lines (AffAffair   *self,
                                      const GDate *date,
                                      gboolean    *overflow);

void        _aff_billing_milestone_to_json   (const AffBillingMilestone *milestone,
                                              JsonBuilder               *builder);
/* Checks it against the milestones read before it, @earlier. */
AffBillingMilestone *_aff_billing_milestone_from_json (AffJsonReader *reader,
                                                       JsonNode      *node,
                                                       GPtrArray     *earlier,
                                                       GError       **error);
void        _aff_corrective_action_to_json   (const AffCorrectiveAction *action,
                                              JsonBuilder               *builder);
AffCorrectiveAction *_aff_corrective_action_from_json (AffJsonReader *reader,
                                                       JsonNode      *node,
                                                       const char    *currency,
                                                       GError       **error);

G_END_DECLS
