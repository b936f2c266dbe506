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
#include "aff-arena-private.h"
#include "aff-affair-status.h"
#include "aff-json-private.h"
#include "aff-journal-private.h"
#include "aff-planning-private.h"
#include "aff-policy-private.h"
#include "aff-doc-private.h"
#include "aff-dashboard.h"

G_BEGIN_DECLS

/* aff_affair_list_billing_due() into @items (freeing them with
 * aff_billing_item_free()), without the items' reasons (NULL) when
 * !@with_reasons: the figures, for a dashboard, which reuses its array
 * from one affair to the next and gives the @revenue at completion on
 * @date its status has found (NULL: found here). FALSE with
 * AFF_ERROR_OVERFLOW set. */
gboolean   _aff_affair_add_billing_due (AffAffair    *self,
                                        const GDate  *date,
                                        gboolean      with_reasons,
                                        const gint64 *revenue,
                                        GPtrArray    *items,
                                        GError      **error);

/* One entry of a ledger, 36 bytes: ledgers run to millions of entries, so
 * strings are numbers in the ledger's table of words (0 for none), the
 * work a number among its works, which a scan indexes its sums by, the
 * date a Julian day sharing its word with the category and state, and the
 * amounts aligned on 4 bytes, not 8 (no pointer to them is taken). */
typedef struct __attribute__ ((packed, aligned (4)))
{
  guint32 day : 24;         /* Julian: year 9999 ends at 3 652 059 */
  guint32 category : 4;     /* AffCostCategory */
  guint32 state : 4;        /* AffCostState */
  guint32 work;             /* its number among the works, not the words */
  guint32 supplier;
  guint32 document;
  guint32 commitment;
  gint64 amount;            /* minor units of the ledger's currency */
  gint64 quantity;          /* thousandths */
} AffLedgerRow;

G_STATIC_ASSERT (sizeof (AffLedgerRow) == 36);

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
/* What one pass over a ledger's rows up to a day sums: a status needs all
 * of it, for every affair of a dashboard. */
typedef struct
{
  guint32 work;             /* the work's number in the ledger */
  guint32 category;
  gint64 sum;
} AffLedgerSum;

typedef struct
{
  gint64 actual;            /* the actual cost */
  gint64 open;              /* committed and not yet incurred */
  /* < private > */
  guint n_words;            /* the size of @left */
  gint64 *left;             /* by word: what is left on the order of that document */
  guint n_works;            /* the works @positions has room for */
  guint32 *positions;       /* by work number and category, the position in @sums + 1, 0 when not met */
  /* Plain arrays, not GArrays, of @capacity each, which the rows of the
   * ledger scanned cannot fill: appending to them takes no test. */
  guint capacity;
  guint32 *orders;          /* the orders met */
  guint n_orders;
  AffLedgerSum *sums;       /* in the order first met */
  guint n_sums;
} AffLedgerScan;

#define SCAN_CATEGORIES 8   /* more than AffCostCategory has */

void                _aff_ledger_scan_init  (AffLedgerScan *scan);
void                _aff_ledger_scan_clear (AffLedgerScan *scan);
/* Sums the rows of day @last and before into @scan, which can be reused
 * from one ledger to the next; FALSE on overflow. */
gboolean            _aff_ledger_scan       (AffLedger     *self,
                                            guint32        last,
                                            AffLedgerScan *scan);
/* How many sums by work and category the scan made. */
static inline guint
_aff_ledger_scan_get_n_sums (const AffLedgerScan *scan)
{
  return scan->n_sums;
}
/* The actual cost by work (its number, _aff_ledger_work()) and category
 * at @position, in the order first met; FALSE past the end. */
gboolean            _aff_ledger_scan_spend (AffLedgerScan   *scan,
                                            guint            position,
                                            guint32         *work,
                                            AffCostCategory *category,
                                            gint64          *actual);
/* The position + 1 of the actual cost of the work of number @work (0 for
 * none; a number the ledger never gave, for a work it lacks) and @category
 * among the sums of the scan, 0 when the scan met no such cost. */
guint               _aff_ledger_scan_find  (AffLedgerScan   *scan,
                                            guint32          work,
                                            AffCostCategory  category);
/* How many words the ledger has numbered, the unused 0 included: a word's
 * number stays its own. */
guint               _aff_ledger_get_n_words (AffLedger      *self);
/* The works are numbered apart from the other words, from 1; a row's work
 * is its number. How many, the unused 0 included: a work's number stays
 * its own, and only a new work adds one. */
guint               _aff_ledger_get_n_works (AffLedger      *self);
/* The number of @work, 0 when the ledger has no row of it (or @work is
 * NULL). */
guint32             _aff_ledger_find_work  (AffLedger      *self,
                                            const char     *work);
/* The work of number @number, NULL for 0. */
const char         *_aff_ledger_work       (AffLedger      *self,
                                            guint32         number);
/* Once set, additions fail with AFF_ERROR_CLOSED. */
void                _aff_ledger_close    (AffLedger    *self);
void                _aff_ledger_attach   (AffLedger    *self,
                                          AffJournal   *journal,
                                          const char   *affair_id);
void                _aff_ledger_to_json  (AffLedger    *self,
                                          JsonBuilder  *builder);
/* Where a store keeps the rows of a ledger it read only in part: called
 * once, when they are first needed, it appends them with
 * _aff_ledger_load_row(). */
typedef gboolean (*AffLedgerSource) (AffLedger  *ledger,
                                     gpointer    data,
                                     GError    **error);
/* The ledger, empty, will hold the @n_rows rows @source gives. Should they
 * not come, the ledger stays empty, says why in a warning, and refuses
 * additions and saves with the error (_aff_ledger_check_loaded). */
void                _aff_ledger_set_source (AffLedger       *self,
                                            guint            n_rows,
                                            AffLedgerSource  source,
                                            gpointer         data,
                                            GDestroyNotify   destroy);
/* Reads the rows the ledger's source would give from @source instead, as
 * a store reading many ledgers in one pass does; the ledger's own source is
 * then dropped. FALSE, doing nothing, when the ledger has no rows left to
 * read. */
gboolean            _aff_ledger_load_with  (AffLedger       *self,
                                            AffLedgerSource  source,
                                            gpointer         data);
/* The data of the ledger's source if it is @source and has rows left to
 * give, else NULL. */
gpointer            _aff_ledger_get_source_data (AffLedger       *self,
                                                 AffLedgerSource  source);
/* The rows it holds or will hold, without reading them. */
guint               _aff_ledger_peek_n_rows (AffLedger      *self);
gboolean            _aff_ledger_check_loaded (AffLedger     *self,
                                              GError       **error);
/* The value of @nick in @type (AFF_TYPE_COST_CATEGORY or
 * AFF_TYPE_COST_STATE), as a CSV import, a document or a store writes it;
 * FALSE for NULL or an unknown nick. Without g_enum_get_value_by_nick()'s
 * checks: a store reads a million of them. */
gboolean            _aff_ledger_parse_nick (GType        type,
                                            const char  *nick,
                                            guint8      *value);
/* Appends a row a store kept, unjournaled: it was journaled when first
 * added. @row's words are ignored and taken from the strings. NULL if it
 * went in, else what is wrong with it. */
const char         *_aff_ledger_load_row (AffLedger          *self,
                                          const AffLedgerRow *row,
                                          const char         *work,
                                          const char         *supplier,
                                          const char         *document,
                                          const char         *commitment);
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
/* Without @with_ledger, the member "ledger" is left out: a store that
 * keeps the cost lines apart does not pay for writing them. */
void        _aff_finance_write_json (AffFinance   *finance,
                                     JsonBuilder  *builder,
                                     gboolean      with_ledger);
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
/* See _aff_affair_prefetch(): stage 0 the finance's arrays, 1 their
 * contents, the ledger's rows and what the last status kept of the budget
 * and plan, 2 the strings in them. Returns whether the last status kept
 * something: when it did, the next is likely to need neither the budget's
 * items nor the plan's tasks. */
gboolean    _aff_finance_prefetch       (AffFinance *finance,
                                         guint       stage);
/* The finance's own fields, before stage 0 reads them: they run over two
 * or three lines. */
void        _aff_finance_prefetch_object (AffFinance *finance);
/* The first rows and words of the ledger, for a scan to come. */
void        _aff_ledger_prefetch        (AffLedger  *self);
/* Where the words of the ledger's first works are, after
 * _aff_ledger_prefetch() has brought the table of works: a status names
 * the works no budget line claims. */
void        _aff_ledger_prefetch_works  (AffLedger  *self);
/* The ledger's own fields, which run over three or four lines. */
void        _aff_ledger_prefetch_object (AffLedger  *self);
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
/* The days after an invoice its payment is due (the end of that month on
 * terms "end of month"), by the affair's terms. */
guint       _aff_affair_payment_days (AffAffair     *self);
/* The day an invoice of @invoiced_on is to be paid, by the affair's terms. */
void        _aff_affair_payment_due  (AffAffair     *self,
                                      const GDate   *invoiced_on,
                                      GDate         *due);
/* What is still owed on the invoice @bill on Julian day @day: its amount
 * payable less the payments (@payments, AffBill) received for it by then. */
gint64      _aff_bill_owed           (const AffBill *bill,
                                      GArray        *payments,
                                      guint32        day,
                                      gboolean      *overflow);
/* The corrective actions recorded, oldest first (AffCorrectiveAction). */
GPtrArray  *_aff_finance_get_actions (AffFinance  *finance);

/* The figures of a status: its money, in minor units, and its ratios. */
enum {
  M_BAC, M_PV, M_EV, M_AC, M_OPEN_COMMITMENTS, M_CV, M_SV, M_EAC, M_ETC, M_VAC, M_CONTINGENCY,
  M_COST_AT_COMPLETION, M_CONTRACT_AMOUNT, M_REVENUE_AT_COMPLETION, M_MARGIN_AT_COMPLETION,
  M_OFFER_MARGIN, M_MARGIN_DRIFT, M_RECOGNISED_REVENUE, M_BILLED, M_CASH_RECEIVED, M_ACCRUED_REVENUE,
  M_DEFERRED_REVENUE, M_LOSS_PROVISION, M_BACKLOG, N_MONEY
};

enum {
  R_CPI, R_SPI, R_TCPI, R_PHYSICAL_PROGRESS, R_COST_PROGRESS, R_BILLING_PROGRESS, R_COMPLETION, N_RATIOS
};

/* Here, not in aff-affair-status.c, for the drifts and the dashboard,
 * which read a status of each affair: its getters' checks cost as much as
 * what they read. */
struct _AffAffairStatus
{
  char *affair_id;
  GDate date;
  char *currency;
  gint64 money[N_MONEY];
  double ratios[N_RATIOS];
  guint defined;              /* bit per ratio */
  gboolean has_margin_rate;
  int margin_rate;
  gboolean has_margin_rate_drift;
  int margin_rate_drift;
  double concordance_gap;
  gboolean concordant;
  gboolean has_baseline;
  AffEacMethod eac_method;
  AffRevenueMethod revenue_method;
  AffMoney *cache[N_MONEY];   /* made on demand by the getters */
};

/* A ratio of @self, in *@value (NULL: only whether it is defined); the
 * public getters' body, without their check of @self. */
static inline gboolean
_aff_affair_status_ratio (const AffAffairStatus *self,
                          guint                  which,
                          double                *value)
{
  if (!(self->defined & (1u << which)))
    return FALSE;
  if (value != NULL)
    *value = self->ratios[which];
  return TRUE;
}

/* The computation of affairs' statuses, reusable from one affair to the
 * next: a dashboard runs one over all its affairs. */
typedef struct _AffEvaluation AffEvaluation;

/* The actual cost of a work and category against its budget. */
typedef struct
{
  const char *work;         /* borrowed; NULL for the whole affair */
  AffCostCategory category;
  gint64 actual;
  gint64 budget;
} AffSpend;

AffEvaluation *_aff_evaluation_new  (void);
void           _aff_evaluation_free (AffEvaluation *e);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffEvaluation, _aff_evaluation_free)
/* The status of @affair on @date, owned by @e until its next run; its
 * affair id and currency are NULL. NULL with AFF_ERROR_OVERFLOW set. */
const AffAffairStatus *_aff_evaluation_run (AffEvaluation  *e,
                                            AffAffair      *affair,
                                            const GDate    *date,
                                            GError        **error);
/* After a run: the planned value at each of @days (Julian, in increasing
 * order), with the run's budget; FALSE when the plan gives no dates (all
 * 0) or a figure overflows. */
gboolean       _aff_evaluation_planned_values (AffEvaluation *e,
                                               const guint32 *days,
                                               guint          n_days,
                                               gint64        *pv,
                                               gint64        *bac);
/* After a run: the actual cost of each line of the budget, then of each
 * work and category without one, in the order the ledger met them. */
const AffSpend *_aff_evaluation_spends (AffEvaluation *e,
                                        guint         *n);
/* After a run: the limits of the affair's policy it read. */
const AffPolicyLimits *_aff_evaluation_get_limits (AffEvaluation *e);
/* After a run: the plan's tasks (AffPlanTaskDays) and the name of its
 * latest baseline, or NULL. */
const AffPlanTaskDays *_aff_evaluation_get_tasks (AffEvaluation *e,
                                                 guint         *n_tasks,
                                                 const char   **baseline);

/* After a run: appends the drifts of @status, @affair's, to @drifts
 * (AffDrift, which the caller owns), made in @arena when not NULL:
 * aff_drift_free() then frees what they hold, and the arena the rest. */
void           _aff_evaluation_list_drifts (AffEvaluation         *e,
                                            AffAffair             *affair,
                                            const AffAffairStatus *status,
                                            AffArena              *arena,
                                            GPtrArray             *drifts);

/* The tables of a dashboard (affairs, clients, activities, forecast), for
 * the documents that show it; and its alerts as sentences. */
void        _aff_dashboard_write_tables    (const AffDashboard *self,
                                            AffDoc             *doc);
GPtrArray  *_aff_dashboard_list_alert_texts (const AffDashboard *self);

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
