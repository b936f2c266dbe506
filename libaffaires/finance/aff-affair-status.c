/* aff-affair-status.c: the financial follow-up of an affair and its state at a date
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-enum-types.h"
#include "aff-money-private.h"
#include "aff-language-private.h"
#include "aff-string-private.h"
#include "aff-policy-private.h"
#include "aff-affair-status.h"
#include "aff-drift.h"
#include "aff-billing.h"
#include "aff-affair-private.h"
#include "aff-finance-private.h"
#include "aff-planning-private.h"

/* Amendments ------------------------------------------------------------ */

typedef struct
{
  char *work;
  AffCostCategory category;
  gint64 change;
} BudgetChange;

/**
 * AffAmendment:
 *
 * A contract amendment (avenant): a change of the contract's price, with
 * its reason, and the changes of the budget it brings, by task or lot and
 * category. An affair's amendments are proposed
 * ([method@Aff.Affair.add_amendment]) and then accepted by the client
 * ([method@Aff.Affair.accept_amendment]); only accepted ones count in the
 * revenue and budget at completion, from the day of their acceptance.
 */

struct _AffAmendment
{
  char *reference;
  GDate date;
  AffMoney *revenue_change;
  char *reason;
  GArray *changes;            /* BudgetChange */
  GDate accepted;             /* cleared while proposed */
};

static void
budget_change_clear (gpointer data)
{
  g_free (((BudgetChange *) data)->work);
}

/**
 * aff_amendment_new:
 * @reference: the amendment's reference, unique within its affair
 * @date: the date it was proposed
 * @revenue_change: the change of the contract price excluding VAT,
 *   negative for a reduction
 * @reason: why the contract changes
 *
 * Creates an amendment without budget changes.
 *
 * Returns: (transfer full): a new amendment
 */
AffAmendment *
aff_amendment_new (const char     *reference,
                   const GDate    *date,
                   const AffMoney *revenue_change,
                   const char     *reason)
{
  AffAmendment *self;

  g_return_val_if_fail (reference != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (revenue_change != NULL, NULL);
  g_return_val_if_fail (reason != NULL, NULL);

  self = g_new0 (AffAmendment, 1);
  self->reference = g_strdup (reference);
  self->date = *date;
  self->revenue_change = aff_money_copy (revenue_change);
  self->reason = g_strdup (reason);
  self->changes = g_array_new (FALSE, FALSE, sizeof (BudgetChange));
  g_array_set_clear_func (self->changes, budget_change_clear);
  g_date_clear (&self->accepted, 1);
  return self;
}

/**
 * aff_amendment_copy:
 * @self: an amendment
 *
 * Copies an amendment.
 *
 * Returns: (transfer full): a copy of @self
 */
AffAmendment *
aff_amendment_copy (const AffAmendment *self)
{
  AffAmendment *copy;
  guint i;

  g_return_val_if_fail (self != NULL, NULL);
  copy = aff_amendment_new (self->reference, &self->date, self->revenue_change, self->reason);
  for (i = 0; i < self->changes->len; i++)
    {
      BudgetChange change = g_array_index (self->changes, BudgetChange, i);

      change.work = g_strdup (change.work);
      g_array_append_val (copy->changes, change);
    }
  copy->accepted = self->accepted;
  return copy;
}

/**
 * aff_amendment_free:
 * @self: (nullable): an amendment
 *
 * Frees an amendment.
 */
void
aff_amendment_free (AffAmendment *self)
{
  if (self == NULL)
    return;
  g_free (self->reference);
  aff_money_free (self->revenue_change);
  g_free (self->reason);
  g_array_unref (self->changes);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffAmendment, aff_amendment, aff_amendment_copy, aff_amendment_free)

/**
 * aff_amendment_get_reference:
 * @self: an amendment
 *
 * Gets the amendment's reference.
 *
 * Returns: the reference
 */
const char *
aff_amendment_get_reference (const AffAmendment *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->reference;
}

/**
 * aff_amendment_get_date:
 * @self: an amendment
 *
 * Gets the date the amendment was proposed.
 *
 * Returns: (transfer none): the date
 */
const GDate *
aff_amendment_get_date (const AffAmendment *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->date;
}

/**
 * aff_amendment_get_revenue_change:
 * @self: an amendment
 *
 * Gets the change of the contract price, excluding VAT.
 *
 * Returns: (transfer none): the change
 */
const AffMoney *
aff_amendment_get_revenue_change (const AffAmendment *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->revenue_change;
}

/**
 * aff_amendment_get_reason:
 * @self: an amendment
 *
 * Gets why the contract changes.
 *
 * Returns: the reason
 */
const char *
aff_amendment_get_reason (const AffAmendment *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->reason;
}

/**
 * aff_amendment_add_budget_change:
 * @self: an amendment
 * @work: (nullable): the task or lot, %NULL for the whole affair
 * @category: the category of cost
 * @change: the change of the budget, negative for a reduction
 * @error: return location for a #GError
 *
 * Adds a change of the budget the amendment brings. Changes of the same
 * task or lot and category add up.
 *
 * Returns: %TRUE if added; %FALSE with %AFF_ERROR_CURRENCY_MISMATCH or
 *   %AFF_ERROR_OVERFLOW set
 */
gboolean
aff_amendment_add_budget_change (AffAmendment    *self,
                                 const char      *work,
                                 AffCostCategory  category,
                                 const AffMoney  *change,
                                 GError         **error)
{
  BudgetChange item = { NULL, category, 0 };
  guint i;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  if (g_strcmp0 (aff_money_get_currency (change), aff_money_get_currency (self->revenue_change)) != 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH,
                   _("Amendment “%s”: a budget change in %s in an amendment in %s"), self->reference,
                   aff_money_get_currency (change), aff_money_get_currency (self->revenue_change));
      return FALSE;
    }
  for (i = 0; i < self->changes->len; i++)
    {
      BudgetChange *existing = &g_array_index (self->changes, BudgetChange, i);

      if (existing->category == category && g_strcmp0 (existing->work, work) == 0)
        {
          if (__builtin_add_overflow (existing->change, aff_money_get_minor (change), &existing->change))
            {
              g_set_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW,
                           _("Amendment “%s”: the budget change overflows"), self->reference);
              return FALSE;
            }
          return TRUE;
        }
    }
  item.work = g_strdup (work);
  item.change = aff_money_get_minor (change);
  g_array_append_val (self->changes, item);
  return TRUE;
}

/**
 * aff_amendment_get_n_budget_changes:
 * @self: an amendment
 *
 * Gets the number of budget changes.
 *
 * Returns: the number of budget changes
 */
guint
aff_amendment_get_n_budget_changes (const AffAmendment *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->changes->len;
}

/**
 * aff_amendment_get_budget_change:
 * @self: an amendment
 * @position: the position of a change
 * @work: (out) (optional) (transfer none) (nullable): the task or lot
 * @category: (out) (optional): the category
 * @change: (out) (optional) (transfer full): the change of the budget
 *
 * Gets one budget change.
 *
 * Returns: %TRUE if @position names a change
 */
gboolean
aff_amendment_get_budget_change (const AffAmendment  *self,
                                 guint                position,
                                 const char         **work,
                                 AffCostCategory     *category,
                                 AffMoney           **change)
{
  const BudgetChange *item;

  g_return_val_if_fail (self != NULL, FALSE);

  if (position >= self->changes->len)
    return FALSE;
  item = &g_array_index (self->changes, BudgetChange, position);
  if (work != NULL)
    *work = item->work;
  if (category != NULL)
    *category = item->category;
  if (change != NULL)
    *change = aff_money_new (item->change, aff_money_get_currency (self->revenue_change), NULL);
  return TRUE;
}

/**
 * aff_amendment_get_accepted_date:
 * @self: an amendment
 * @date: (out caller-allocates) (optional): where to store the date of
 *   acceptance
 *
 * Tells whether the client accepted the amendment, and when.
 *
 * Returns: %TRUE if accepted
 */
gboolean
aff_amendment_get_accepted_date (const AffAmendment *self,
                                 GDate              *date)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!g_date_valid (&self->accepted))
    return FALSE;
  if (date != NULL)
    *date = self->accepted;
  return TRUE;
}

/* The follow-up -------------------------------------------------------- */

typedef struct
{
  char *work;                 /* NULL for the whole affair */
  GDate date;
  guint32 day;                /* @date's Julian day, read for every line of every status */
  gint64 value;               /* basis points, or minor units */
} Mark;

struct _AffFinance
{
  AffLedger *ledger;
  GArray *progress;           /* Mark, basis points */
  GArray *remaining;          /* Mark, minor units */
  GPtrArray *amendments;      /* AffAmendment */
  GArray *invoices;           /* AffBill */
  GArray *payments;           /* AffBill, as received */
  GPtrArray *milestones;      /* AffBillingMilestone, the affair's own schedule */
  GDate acceptance;           /* cleared until the work is accepted */
  GDate closed;               /* cleared while the affair is open */
  AffMoney *final_margin;     /* fixed at the close-out */
  gboolean bank_guarantee;    /* the retention is replaced by a bank guarantee */
  GPtrArray *actions;         /* AffCorrectiveAction */
  AffEacMethod eac_method;
  AffTrack track;
  guint64 changes;            /* counts the changes recorded, for @prepared */
  struct _Prepared *prepared; /* what the last status read of the budget and plan */
};

static void
mark_clear (gpointer data)
{
  g_free (((Mark *) data)->work);
}

static void
bill_clear (gpointer data)
{
  g_free (((AffBill *) data)->reference);
  g_free (((AffBill *) data)->milestone);
}

static GArray *
marks_new (gsize           size,
           GDestroyNotify  clear)
{
  GArray *array = g_array_new (FALSE, FALSE, size);

  g_array_set_clear_func (array, clear);
  return array;
}

AffFinance *
_aff_finance_new (const char *currency)
{
  AffFinance *self = g_new0 (AffFinance, 1);

  self->ledger = aff_ledger_new (currency, NULL);
  self->progress = marks_new (sizeof (Mark), mark_clear);
  self->remaining = marks_new (sizeof (Mark), mark_clear);
  self->amendments = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_amendment_free);
  self->invoices = marks_new (sizeof (AffBill), bill_clear);
  self->payments = marks_new (sizeof (AffBill), bill_clear);
  self->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_corrective_action_free);
  self->milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_billing_milestone_free);
  g_date_clear (&self->acceptance, 1);
  g_date_clear (&self->closed, 1);
  self->eac_method = AFF_EAC_METHOD_POLICY;
  return self;
}

static gsize prepared_size_of (const struct _Prepared *p);

void
_aff_finance_free (AffFinance *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->ledger);
  g_array_unref (self->progress);
  g_array_unref (self->remaining);
  g_ptr_array_unref (self->amendments);
  g_array_unref (self->invoices);
  g_array_unref (self->payments);
  g_ptr_array_unref (self->actions);
  g_ptr_array_unref (self->milestones);
  g_clear_pointer (&self->final_margin, aff_money_free);
  _aff_track_clear (&self->track);
  _aff_bulk_free (self->prepared, prepared_size_of (self->prepared));
  g_free (self);
}

void
_aff_finance_attach (AffFinance *self,
                     AffJournal *journal,
                     const char *affair_id)
{
  _aff_track_attach (&self->track, journal, "affair", affair_id, NULL, NULL);
  _aff_ledger_attach (self->ledger, journal, affair_id);
}

/**
 * aff_affair_get_ledger:
 * @self: an affair
 *
 * Gets the affair's ledger of costs, in the currency of its contract.
 *
 * Returns: (transfer none): the ledger
 */
AffLedger *
aff_affair_get_ledger (AffAffair *self)
{
  g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);
  return _aff_affair_get_finance (self)->ledger;
}

/**
 * aff_affair_get_eac_method:
 * @self: an affair
 *
 * Gets how the affair estimates its cost at completion.
 *
 * Returns: the affair's own method, or %AFF_EAC_METHOD_POLICY when it
 *   follows the policy's
 */
AffEacMethod
aff_affair_get_eac_method (AffAffair *self)
{
  g_return_val_if_fail (AFF_IS_AFFAIR (self), AFF_EAC_METHOD_POLICY);
  return _aff_affair_get_finance (self)->eac_method;
}

static void
set_date_member (JsonObject  *details,
                 const char  *member,
                 const GDate *date)
{
  g_autofree char *iso = aff_date_to_iso (date);

  json_object_set_string_member (details, member, iso);
}

static void
set_money_member (JsonObject     *details,
                  const char     *member,
                  const AffMoney *money)
{
  g_autofree char *text = aff_money_to_string (money);

  json_object_set_string_member (details, member, text);
}

static void
record (AffFinance *finance,
        const char *action,
        JsonObject *details)
{
  finance->changes++;
  _aff_track_record (&finance->track, action, details);
}

guint
_aff_affair_language (AffAffair *affair)
{
  AffPolicy *policy = _aff_affair_get_policy (affair);

  return _aff_language_index (policy != NULL ? aff_policy_get_language (policy) : "fr");
}

void
_aff_finance_record (AffFinance *finance,
                     const char *action,
                     JsonObject *details)
{
  record (finance, action, details);
}

GPtrArray *
_aff_finance_get_actions (AffFinance *finance)
{
  return finance->actions;
}

gboolean
_aff_finance_check_open (AffFinance  *finance,
                         const char  *affair_id,
                         GError     **error)
{
  if (!g_date_valid (&finance->closed))
    return TRUE;
  g_set_error (error, AFF_ERROR, AFF_ERROR_CLOSED, _("Affair “%s” is closed: its figures can no longer change"),
               affair_id);
  return FALSE;
}

GDate *
_aff_finance_get_closed (AffFinance  *finance,
                         AffMoney  ***final_margin)
{
  *final_margin = &finance->final_margin;
  return &finance->closed;
}

GArray *
_aff_finance_get_invoices (AffFinance *finance)
{
  return finance->invoices;
}

GArray *
_aff_finance_get_payments (AffFinance *finance)
{
  return finance->payments;
}

GPtrArray *
_aff_finance_get_milestones (AffFinance *finance)
{
  return finance->milestones;
}

GDate *
_aff_finance_get_acceptance (AffFinance *finance,
                             gboolean  **bank_guarantee)
{
  *bank_guarantee = &finance->bank_guarantee;
  return &finance->acceptance;
}

void
_aff_finance_add_invoice (AffFinance *finance,
                          AffBill    *bill,
                          const char *currency)
{
  JsonObject *details = json_object_new ();
  const struct { const char *member; gint64 value; } amounts[] = {
    { "amount", bill->amount }, { "advance_recovered", bill->recovered }, { "vat", bill->vat },
    { "retention", bill->retention }, { "payable", bill->payable },
  };
  guint i;

  g_array_append_vals (finance->invoices, bill, 1);
  json_object_set_string_member (details, "invoice", bill->reference);
  json_object_set_string_member (details, "kind", aff_enum_to_nick (AFF_TYPE_BILLING_KIND, bill->kind));
  if (bill->milestone != NULL)
    json_object_set_string_member (details, "milestone", bill->milestone);
  set_date_member (details, "date", &bill->date);
  for (i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autoptr(AffMoney) money = aff_money_new (amounts[i].value, currency, NULL);

      set_money_member (details, amounts[i].member, money);
    }
  record (finance, "invoice-recorded", details);
}

/**
 * aff_affair_set_eac_method:
 * @self: an affair
 * @method: a method, or %AFF_EAC_METHOD_POLICY to follow the policy's
 *
 * Sets how the affair estimates its cost at completion, for an affair whose
 * performance so far is known not to be typical of the rest. Journaled.
 */
void
aff_affair_set_eac_method (AffAffair    *self,
                           AffEacMethod  method)
{
  AffFinance *finance;
  JsonObject *details;

  g_return_if_fail (AFF_IS_AFFAIR (self));
  g_return_if_fail (method <= AFF_EAC_METHOD_BOTTOM_UP);

  finance = _aff_affair_get_finance (self);
  g_return_if_fail (!g_date_valid (&finance->closed));
  if (finance->eac_method == method)
    return;
  finance->eac_method = method;
  details = json_object_new ();
  json_object_set_string_member (details, "method", aff_enum_to_nick (AFF_TYPE_EAC_METHOD, method));
  record (finance, "eac-method-set", details);
}

static gboolean
check_date (const GDate  *date,
            const char   *what,
            GError      **error)
{
  if (date != NULL && g_date_valid (date))
    return TRUE;
  g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE, _("%s needs a valid date"), what);
  return FALSE;
}

static gboolean
check_currency (AffAffair       *self,
                const AffMoney  *amount,
                const char      *what,
                GError         **error)
{
  const char *currency = aff_money_get_currency (aff_affair_get_contract_amount (self));

  if (g_strcmp0 (aff_money_get_currency (amount), currency) == 0)
    return TRUE;
  g_set_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH, _("Affair “%s”: %s in %s, the contract is in %s"),
               aff_affair_get_id (self), what, aff_money_get_currency (amount), currency);
  return FALSE;
}

static AffCostCategory
category_of_kind (AffLineKind kind)
{
  switch (kind)
    {
    case AFF_LINE_KIND_LABOUR:
      return AFF_COST_CATEGORY_LABOUR;
    case AFF_LINE_KIND_MATERIAL:
      return AFF_COST_CATEGORY_MATERIAL;
    case AFF_LINE_KIND_EQUIPMENT:
      return AFF_COST_CATEGORY_EQUIPMENT;
    case AFF_LINE_KIND_SUBCONTRACT:
      return AFF_COST_CATEGORY_SUBCONTRACT;
    case AFF_LINE_KIND_TRAVEL:
      return AFF_COST_CATEGORY_TRAVEL;
    case AFF_LINE_KIND_OTHER:
    default:
      return AFF_COST_CATEGORY_OTHER;
    }
}

/* Whether @work names something of the affair: a task of its plan, a lot
 * of its budget, or a task or lot an amendment brought. */
static gboolean
knows_work (AffAffair  *self,
            const char *work)
{
  AffFinance *finance = _aff_affair_get_finance (self);
  GPtrArray *budget;
  guint i, j;

  if (work == NULL || aff_plan_lookup_task (aff_affair_get_plan (self), work) != NULL)
    return TRUE;
  budget = _aff_affair_peek_budget (self);
  for (i = 0; i < budget->len; i++)
    if (g_strcmp0 (aff_budget_item_get_lot (g_ptr_array_index (budget, i)), work) == 0)
      return TRUE;
  for (i = 0; i < finance->amendments->len; i++)
    {
      AffAmendment *amendment = g_ptr_array_index (finance->amendments, i);

      for (j = 0; j < amendment->changes->len; j++)
        if (g_strcmp0 (g_array_index (amendment->changes, BudgetChange, j).work, work) == 0)
          return TRUE;
    }
  return FALSE;
}

static gboolean
check_work (AffAffair   *self,
            const char  *work,
            GError     **error)
{
  if (knows_work (self, work))
    return TRUE;
  g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND,
               _("Affair “%s” has no task or budget lot “%s”"), aff_affair_get_id (self), work);
  return FALSE;
}

/* A later mark for the same work and day replaces the earlier: a figure
 * corrected the same day. */
static void
put_mark (GArray      *marks,
          const char  *work,
          const GDate *date,
          gint64       value)
{
  Mark mark = { g_strdup (work), *date, g_date_get_julian (date), value };
  guint i;

  for (i = 0; i < marks->len; i++)
    {
      Mark *existing = &g_array_index (marks, Mark, i);

      if (g_strcmp0 (existing->work, work) == 0 && g_date_compare (&existing->date, date) == 0)
        {
          g_free (existing->work);
          *existing = mark;
          return;
        }
    }
  g_array_append_val (marks, mark);
}

/* Takes @mark when it is on or before @day and no earlier than the *@best
 * taken so far. */
static inline void
take_mark (const Mark *mark,
           guint32     day,
           guint32    *best,
           gint64     *value)
{
  if (mark->day <= day && mark->day >= *best)
    {
      *best = mark->day;
      *value = mark->value;
    }
}

/* The latest mark for @work on or before @day. */
static gboolean
find_mark (GArray     *marks,
           const char *work,
           guint32     day,
           gint64     *value)
{
  guint32 best = 0;
  guint i;

  for (i = 0; i < marks->len; i++)
    if (_aff_str_equal0 (g_array_index (marks, Mark, i).work, work))
      take_mark (&g_array_index (marks, Mark, i), day, &best, value);
  return best != 0;
}

/**
 * aff_affair_record_progress:
 * @self: an affair
 * @work: (nullable): a task of the plan or a lot of the budget; %NULL for
 *   the affair as a whole
 * @date: the date the progress was measured
 * @basis_points: the physical percent complete, in basis points (0 to
 *   10000: 4250 is 42.5 %)
 * @error: return location for a #GError
 *
 * Records the physical progress of a task or lot at a date. Progress is a
 * history: [method@Aff.Affair.compute_status] reads the latest figure on
 * or before its date, and a figure recorded again for the same day replaces
 * the first. Journaled.
 *
 * Returns: %TRUE if recorded; %FALSE with %AFF_ERROR_INVALID_VALUE or
 *   %AFF_ERROR_NOT_FOUND (naming the task or lot) set
 */
gboolean
aff_affair_record_progress (AffAffair    *self,
                            const char   *work,
                            const GDate  *date,
                            int           basis_points,
                            GError      **error)
{
  AffFinance *finance;
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), FALSE);

  if (!_aff_finance_check_open (_aff_affair_get_finance (self), aff_affair_get_id (self), error) ||
      !check_date (date, _("A progress figure"), error) ||
      !check_work (self, work, error))
    return FALSE;
  if (basis_points < 0 || basis_points > 10000)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("Progress of “%s”: %d basis points is not between 0 and 10000"),
                   work != NULL ? work : aff_affair_get_id (self), basis_points);
      return FALSE;
    }
  finance = _aff_affair_get_finance (self);
  put_mark (finance->progress, work, date, basis_points);
  details = json_object_new ();
  if (work != NULL)
    json_object_set_string_member (details, "work", work);
  set_date_member (details, "date", date);
  json_object_set_int_member (details, "progress", basis_points);
  record (finance, "progress-recorded", details);
  return TRUE;
}

/**
 * aff_affair_get_progress:
 * @self: an affair
 * @work: (nullable): a task or lot; %NULL for the affair as a whole
 * @date: a date
 * @basis_points: (out) (optional): where to store the progress, in basis
 *   points
 *
 * Gets the physical progress recorded for a task or lot, the latest on or
 * before @date.
 *
 * Returns: %TRUE if a figure was recorded by then
 */
gboolean
aff_affair_get_progress (AffAffair   *self,
                         const char  *work,
                         const GDate *date,
                         int         *basis_points)
{
  gint64 value = 0;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (!find_mark (_aff_affair_get_finance (self)->progress, work, g_date_get_julian (date), &value))
    return FALSE;
  if (basis_points != NULL)
    *basis_points = (int) value;
  return TRUE;
}

/**
 * aff_affair_record_remaining:
 * @self: an affair
 * @work: (nullable): a task of the plan or a lot of the budget; %NULL for
 *   costs of the whole affair
 * @date: the date of the estimate
 * @remaining: the cost still to incur on it (reste à faire), excluding VAT
 * @error: return location for a #GError
 *
 * Records the remaining-to-do of a task or lot, estimated bottom-up by the
 * people doing the work. The estimate at completion by
 * %AFF_EAC_METHOD_BOTTOM_UP adds the latest of each to the actual cost.
 * Journaled.
 *
 * Returns: %TRUE if recorded; %FALSE with %AFF_ERROR_INVALID_VALUE,
 *   %AFF_ERROR_CURRENCY_MISMATCH or %AFF_ERROR_NOT_FOUND set
 */
gboolean
aff_affair_record_remaining (AffAffair       *self,
                             const char      *work,
                             const GDate     *date,
                             const AffMoney  *remaining,
                             GError         **error)
{
  AffFinance *finance;
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), FALSE);
  g_return_val_if_fail (remaining != NULL, FALSE);

  if (!_aff_finance_check_open (_aff_affair_get_finance (self), aff_affair_get_id (self), error) ||
      !check_date (date, _("A remaining-to-do"), error) ||
      !check_work (self, work, error) || !check_currency (self, remaining, _("a remaining-to-do"), error))
    return FALSE;
  if (aff_money_is_negative (remaining))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE, _("Remaining-to-do of “%s”: it cannot be negative"),
                   work != NULL ? work : aff_affair_get_id (self));
      return FALSE;
    }
  finance = _aff_affair_get_finance (self);
  put_mark (finance->remaining, work, date, aff_money_get_minor (remaining));
  details = json_object_new ();
  if (work != NULL)
    json_object_set_string_member (details, "work", work);
  set_date_member (details, "date", date);
  set_money_member (details, "remaining", remaining);
  record (finance, "remaining-recorded", details);
  return TRUE;
}

static AffAmendment *
find_amendment (AffFinance *finance,
                const char *reference)
{
  guint i;

  for (i = 0; i < finance->amendments->len; i++)
    {
      AffAmendment *amendment = g_ptr_array_index (finance->amendments, i);

      if (strcmp (amendment->reference, reference) == 0)
        return amendment;
    }
  return NULL;
}

/**
 * aff_affair_add_amendment:
 * @self: an affair
 * @amendment: a proposed amendment
 * @error: return location for a #GError
 *
 * Adds a proposed amendment to the affair; it counts once accepted
 * ([method@Aff.Affair.accept_amendment]). The affair keeps a copy.
 * Journaled, with every budget change.
 *
 * Returns: %TRUE if added; %FALSE with %AFF_ERROR_DUPLICATE_ID,
 *   %AFF_ERROR_INVALID_VALUE or %AFF_ERROR_CURRENCY_MISMATCH set
 */
gboolean
aff_affair_add_amendment (AffAffair           *self,
                          const AffAmendment  *amendment,
                          GError             **error)
{
  AffFinance *finance;
  AffAmendment *copy;
  JsonObject *details;
  JsonArray *changes;
  guint i;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), FALSE);
  g_return_val_if_fail (amendment != NULL, FALSE);

  finance = _aff_affair_get_finance (self);
  if (!_aff_finance_check_open (finance, aff_affair_get_id (self), error) ||
      !check_date (&amendment->date, _("An amendment"), error) ||
      !check_currency (self, amendment->revenue_change, _("an amendment"), error))
    return FALSE;
  if (!_aff_id_is_valid (amendment->reference))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("Amendment “%s”: expected a reference of 1 to 64 bytes without spaces"), amendment->reference);
      return FALSE;
    }
  if (find_amendment (finance, amendment->reference) != NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_DUPLICATE_ID, _("Affair “%s” already has an amendment “%s”"),
                   aff_affair_get_id (self), amendment->reference);
      return FALSE;
    }
  for (i = 0; i < amendment->changes->len; i++)
    if ((guint) g_array_index (amendment->changes, BudgetChange, i).category > AFF_COST_CATEGORY_OTHER)
      {
        g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE, _("Amendment “%s”: unknown category of cost"),
                     amendment->reference);
        return FALSE;
      }
  copy = aff_amendment_copy (amendment);
  g_date_clear (&copy->accepted, 1);
  g_ptr_array_add (finance->amendments, copy);

  details = json_object_new ();
  json_object_set_string_member (details, "amendment", copy->reference);
  set_date_member (details, "date", &copy->date);
  set_money_member (details, "revenue_change", copy->revenue_change);
  json_object_set_string_member (details, "reason", copy->reason);
  changes = json_array_new ();
  for (i = 0; i < copy->changes->len; i++)
    {
      const BudgetChange *change = &g_array_index (copy->changes, BudgetChange, i);
      g_autoptr(AffMoney) money = aff_money_new (change->change, aff_money_get_currency (copy->revenue_change), NULL);
      JsonObject *item = json_object_new ();

      if (change->work != NULL)
        json_object_set_string_member (item, "work", change->work);
      json_object_set_string_member (item, "category", aff_enum_to_nick (AFF_TYPE_COST_CATEGORY, change->category));
      set_money_member (item, "change", money);
      json_array_add_object_element (changes, item);
    }
  json_object_set_array_member (details, "budget_changes", changes);
  record (finance, "amendment-added", details);
  return TRUE;
}

/**
 * aff_affair_accept_amendment:
 * @self: an affair
 * @reference: the reference of a proposed amendment
 * @date: the date the client signed it
 * @error: return location for a #GError
 *
 * Records the client's acceptance of an amendment: from @date on, its
 * revenue change and budget changes count. Journaled.
 *
 * Returns: %TRUE if accepted; %FALSE with %AFF_ERROR_NOT_FOUND,
 *   %AFF_ERROR_INVALID_TRANSITION (already accepted) or
 *   %AFF_ERROR_INVALID_VALUE (a date before the proposal) set
 */
gboolean
aff_affair_accept_amendment (AffAffair    *self,
                             const char   *reference,
                             const GDate  *date,
                             GError      **error)
{
  AffFinance *finance;
  AffAmendment *amendment;
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), FALSE);
  g_return_val_if_fail (reference != NULL, FALSE);

  finance = _aff_affair_get_finance (self);
  if (!_aff_finance_check_open (finance, aff_affair_get_id (self), error) ||
      !check_date (date, _("An acceptance"), error))
    return FALSE;
  if ((amendment = find_amendment (finance, reference)) == NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND, _("Affair “%s” has no amendment “%s”"),
                   aff_affair_get_id (self), reference);
      return FALSE;
    }
  if (g_date_valid (&amendment->accepted))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION, _("Amendment “%s” is already accepted"), reference);
      return FALSE;
    }
  if (g_date_compare (date, &amendment->date) < 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("Amendment “%s” cannot be accepted before it was proposed"), reference);
      return FALSE;
    }
  amendment->accepted = *date;
  details = json_object_new ();
  json_object_set_string_member (details, "amendment", reference);
  set_date_member (details, "date", date);
  record (finance, "amendment-accepted", details);
  return TRUE;
}

/**
 * aff_affair_list_amendments:
 * @self: an affair
 *
 * Lists the affair's amendments, proposed and accepted, in the order they
 * were added.
 *
 * Returns: (transfer container) (element-type AffAmendment): copies of the
 *   amendments
 */
GPtrArray *
aff_affair_list_amendments (AffAffair *self)
{
  AffFinance *finance;
  GPtrArray *result;
  guint i;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);

  finance = _aff_affair_get_finance (self);
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_amendment_free);
  for (i = 0; i < finance->amendments->len; i++)
    g_ptr_array_add (result, aff_amendment_copy (g_ptr_array_index (finance->amendments, i)));
  return result;
}

static const AffBill *
find_bill (GArray     *bills,
           const char *reference)
{
  guint i;

  for (i = 0; i < bills->len; i++)
    if (strcmp (g_array_index (bills, AffBill, i).reference, reference) == 0)
      return &g_array_index (bills, AffBill, i);
  return NULL;
}

/**
 * aff_affair_record_invoice:
 * @self: an affair
 * @reference: the invoice's number, unique within the affair
 * @date: the date of the invoice
 * @amount: its amount excluding VAT (negative for a credit note)
 * @error: return location for a #GError
 *
 * Records an invoice sent to the client by hand, outside the billing
 * schedule ([method@Aff.Affair.invoice_billing_item] records those): work
 * billed, with the affair's VAT rate, no advance recovered and no retention
 * held. Billed to date is the sum of the work invoices up to a date.
 * Journaled.
 *
 * Returns: %TRUE if recorded; %FALSE with %AFF_ERROR_DUPLICATE_ID,
 *   %AFF_ERROR_INVALID_VALUE, %AFF_ERROR_CURRENCY_MISMATCH or
 *   %AFF_ERROR_OVERFLOW set
 */
gboolean
aff_affair_record_invoice (AffAffair       *self,
                           const char      *reference,
                           const GDate     *date,
                           const AffMoney  *amount,
                           GError         **error)
{
  AffFinance *finance;
  AffBill bill;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), FALSE);
  g_return_val_if_fail (reference != NULL, FALSE);
  g_return_val_if_fail (amount != NULL, FALSE);

  finance = _aff_affair_get_finance (self);
  if (!_aff_finance_check_open (finance, aff_affair_get_id (self), error) ||
      !check_date (date, _("An invoice"), error) ||
      !check_currency (self, amount, _("an invoice"), error))
    return FALSE;
  if (!_aff_id_is_valid (reference))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("Invoice “%s”: expected a number of 1 to 64 bytes without spaces"), reference);
      return FALSE;
    }
  if (find_bill (finance->invoices, reference) != NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_DUPLICATE_ID, _("Affair “%s” already has an invoice “%s”"),
                   aff_affair_get_id (self), reference);
      return FALSE;
    }
  memset (&bill, 0, sizeof bill);
  bill.reference = g_strdup (reference);
  bill.date = *date;
  bill.amount = aff_money_get_minor (amount);
  bill.kind = AFF_BILLING_KIND_OTHER;
  if (!_aff_round_half_even ((AffInt128) bill.amount * aff_affair_get_vat_rate (self), 10000, &bill.vat) ||
      __builtin_add_overflow (bill.amount, bill.vat, &bill.payable))
    {
      g_free (bill.reference);
      g_set_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW, _("Invoice “%s”: its VAT overflows 64 bits"), reference);
      return FALSE;
    }
  _aff_finance_add_invoice (finance, &bill, aff_money_get_currency (amount));
  return TRUE;
}

/**
 * aff_affair_record_payment:
 * @self: an affair
 * @invoice: the number of the invoice paid
 * @date: the date the money was received
 * @amount: the amount received, VAT included, as it reached the bank
 * @error: return location for a #GError
 *
 * Records a payment of the client. Cash received to date is the sum of the
 * payments up to a date. Journaled.
 *
 * Returns: %TRUE if recorded; %FALSE with %AFF_ERROR_NOT_FOUND (no such
 *   invoice), %AFF_ERROR_INVALID_VALUE or %AFF_ERROR_CURRENCY_MISMATCH set
 */
gboolean
aff_affair_record_payment (AffAffair       *self,
                           const char      *invoice,
                           const GDate     *date,
                           const AffMoney  *amount,
                           GError         **error)
{
  AffFinance *finance;
  const AffBill *billed;
  AffBill bill;
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), FALSE);
  g_return_val_if_fail (invoice != NULL, FALSE);
  g_return_val_if_fail (amount != NULL, FALSE);

  finance = _aff_affair_get_finance (self);
  if (!check_date (date, _("A payment"), error) ||
      !check_currency (self, amount, _("a payment"), error))
    return FALSE;
  if ((billed = find_bill (finance->invoices, invoice)) == NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND, _("Affair “%s” has no invoice “%s”"),
                   aff_affair_get_id (self), invoice);
      return FALSE;
    }
  if (g_date_compare (date, &billed->date) < 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("Invoice “%s”: a payment cannot come before the invoice"), invoice);
      return FALSE;
    }
  memset (&bill, 0, sizeof bill);
  bill.reference = g_strdup (invoice);
  bill.date = *date;
  bill.amount = aff_money_get_minor (amount);
  g_array_append_val (finance->payments, bill);
  details = json_object_new ();
  json_object_set_string_member (details, "invoice", invoice);
  set_date_member (details, "date", date);
  set_money_member (details, "amount", amount);
  record (finance, "payment-recorded", details);
  return TRUE;
}

/* The status ------------------------------------------------------------ */

/**
 * AffAffairStatus:
 *
 * The financial state of an affair at a date
 * ([method@Aff.Affair.compute_status]): earned value, estimate and margin
 * at completion, revenue recognised and work in progress. Every amount is
 * exact money in the contract's currency; ratios are doubles, and a ratio
 * whose denominator is zero is undefined: its getter returns %FALSE.
 *
 * The figures, in the terms of ANSI/EIA-748 and the French PCG:
 *
 * - BAC, the budget at completion: the direct costs of the accepted offer
 *   by task or lot and category, its overheads, and the budget changes of
 *   the amendments accepted by the date. The offer's risk contingency is
 *   kept apart, as a reserve (see the cost at completion).
 * - PV, the planned value: each budget line spread over the working days of
 *   its task in the plan's latest baseline (the current schedule when there
 *   is no baseline), up to the date; a lot spreads over the tasks whose
 *   deliverable it is, and a line of the whole affair over the whole plan.
 *   Each line is rounded once, half to even.
 * - EV, the earned value: each budget line × its physical progress at the
 *   date (the latest recorded for its task or lot; for a lot without a
 *   figure, the tasks delivering it, weighted by their durations; for the
 *   whole affair, the progress of the rest), rounded once per line.
 * - AC, the actual cost: the ledger's actual costs up to the date; the open
 *   commitments are the ordered costs not yet incurred.
 * - CV = EV − AC, SV = EV − PV, CPI = EV / AC, SPI = EV / PV.
 * - EAC by the affair's method, or its policy's: BAC × AC / EV (BAC / CPI);
 *   AC + BAC − EV; AC + (BAC − EV) × AC × PV / EV² (CPI × SPI); or AC + the
 *   latest remaining-to-do of each task or lot, the budget not yet earned
 *   standing in for a line without one. When a ratio the method needs is
 *   undefined, AC + BAC − EV is used and
 *   [method@Aff.AffairStatus.get_eac_method] says so.
 * - ETC = EAC − AC, VAC = BAC − EAC, TCPI = (BAC − EV) / (BAC − AC).
 * - The cost at completion is the EAC plus the contingency not used, and the
 *   margin at completion the revenue at completion (contract amount plus
 *   accepted amendments) less it; at signature it equals the offer's
 *   margin, and the drift is the difference.
 * - Completion is AC / cost at completion (cost to cost) or EV / BAC
 *   (physical), within 0 and 1; recognised revenue = revenue at completion ×
 *   completion; FAE (accrued revenue, invoices to issue) = recognised −
 *   billed when positive; PCA (deferred revenue) = billed − recognised when
 *   positive; the backlog is the revenue not yet recognised.
 * - A loss at completion is provided for at once: the provision is the
 *   loss not yet absorbed by the recognised result (AC − recognised).
 * - Physical progress EV / BAC, cost progress AC / EAC and billing progress
 *   billed / revenue at completion are concordant when the largest gap
 *   between them is within the policy's tolerance.
 */

/**
 * aff_affair_status_copy:
 * @self: a status
 *
 * Copies a status.
 *
 * Returns: (transfer full): a copy of @self
 */
AffAffairStatus *
aff_affair_status_copy (const AffAffairStatus *self)
{
  AffAffairStatus *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_memdup2 (self, sizeof *self);
  copy->affair_id = g_strdup (self->affair_id);
  copy->currency = g_strdup (self->currency);
  memset (copy->cache, 0, sizeof copy->cache);
  return copy;
}

/**
 * aff_affair_status_free:
 * @self: (nullable): a status
 *
 * Frees a status.
 */
void
aff_affair_status_free (AffAffairStatus *self)
{
  guint i;

  if (self == NULL)
    return;
  g_free (self->affair_id);
  g_free (self->currency);
  for (i = 0; i < N_MONEY; i++)
    g_clear_pointer (&self->cache[i], aff_money_free);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffAffairStatus, aff_affair_status, aff_affair_status_copy, aff_affair_status_free)

/**
 * aff_affair_status_get_date:
 * @self: a status
 *
 * Gets the date of the status.
 *
 * Returns: (transfer none): the date
 */
const GDate *
aff_affair_status_get_date (const AffAffairStatus *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->date;
}

/**
 * aff_affair_status_get_affair_id:
 * @self: a status
 *
 * Gets the id of the affair.
 *
 * Returns: the id
 */
const char *
aff_affair_status_get_affair_id (const AffAffairStatus *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->affair_id;
}

/**
 * aff_affair_status_get_eac_method:
 * @self: a status
 *
 * Gets the method the estimate at completion was computed by: the affair's
 * or its policy's, or %AFF_EAC_METHOD_ATYPICAL when a ratio that method
 * needs was undefined.
 *
 * Returns: the method used
 */
AffEacMethod
aff_affair_status_get_eac_method (const AffAffairStatus *self)
{
  g_return_val_if_fail (self != NULL, AFF_EAC_METHOD_CPI);
  return self->eac_method;
}

/**
 * aff_affair_status_get_revenue_method:
 * @self: a status
 *
 * Gets how completion was measured to recognise revenue.
 *
 * Returns: the method
 */
AffRevenueMethod
aff_affair_status_get_revenue_method (const AffAffairStatus *self)
{
  g_return_val_if_fail (self != NULL, AFF_REVENUE_METHOD_COST_TO_COST);
  return self->revenue_method;
}

/**
 * aff_affair_status_has_baseline:
 * @self: a status
 *
 * Tells whether the planned value was spread over a baseline of the plan or,
 * failing one, over its current schedule. Without either, the planned value
 * is zero and the SPI undefined.
 *
 * Returns: whether the plan gave dates to spread the budget over
 */
gboolean
aff_affair_status_has_baseline (const AffAffairStatus *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->has_baseline;
}

static const AffMoney *
status_money (const AffAffairStatus *self,
              guint                  which)
{
  return _aff_money_cached (&((AffAffairStatus *) self)->cache[which], self->money[which], self->currency);
}

#define MONEY_GETTER(name, WHICH)                                            \
  const AffMoney *                                                           \
  aff_affair_status_get_##name (const AffAffairStatus *self)                 \
  {                                                                          \
    g_return_val_if_fail (self != NULL, NULL);                               \
    return status_money (self, WHICH);                                       \
  }

#define RATIO_GETTER(name, WHICH)                                            \
  gboolean                                                                   \
  aff_affair_status_get_##name (const AffAffairStatus *self,                 \
                                double                *value)                \
  {                                                                          \
    g_return_val_if_fail (self != NULL, FALSE);                              \
    return _aff_affair_status_ratio (self, WHICH, value);                    \
  }

/**
 * aff_affair_status_get_bac:
 * @self: a status
 *
 * Gets the budget at completion (BAC).
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (bac, M_BAC)

/**
 * aff_affair_status_get_pv:
 * @self: a status
 *
 * Gets the planned value (PV).
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (pv, M_PV)

/**
 * aff_affair_status_get_ev:
 * @self: a status
 *
 * Gets the earned value (EV).
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (ev, M_EV)

/**
 * aff_affair_status_get_ac:
 * @self: a status
 *
 * Gets the actual cost (AC).
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (ac, M_AC)

/**
 * aff_affair_status_get_open_commitments:
 * @self: a status
 *
 * Gets the costs committed and not yet incurred.
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (open_commitments, M_OPEN_COMMITMENTS)

/**
 * aff_affair_status_get_cv:
 * @self: a status
 *
 * Gets the cost variance, EV − AC.
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (cv, M_CV)

/**
 * aff_affair_status_get_sv:
 * @self: a status
 *
 * Gets the schedule variance, EV − PV.
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (sv, M_SV)

/**
 * aff_affair_status_get_eac:
 * @self: a status
 *
 * Gets the estimate at completion (EAC).
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (eac, M_EAC)

/**
 * aff_affair_status_get_etc:
 * @self: a status
 *
 * Gets the estimate to complete, EAC − AC.
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (etc, M_ETC)

/**
 * aff_affair_status_get_vac:
 * @self: a status
 *
 * Gets the variance at completion, BAC − EAC.
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (vac, M_VAC)

/**
 * aff_affair_status_get_contingency:
 * @self: a status
 *
 * Gets the offer's risk contingency, kept as a reserve.
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (contingency, M_CONTINGENCY)

/**
 * aff_affair_status_get_cost_at_completion:
 * @self: a status
 *
 * Gets the cost at completion: EAC plus the contingency.
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (cost_at_completion, M_COST_AT_COMPLETION)

/**
 * aff_affair_status_get_contract_amount:
 * @self: a status
 *
 * Gets the contract amount of the accepted offer, excluding VAT.
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (contract_amount, M_CONTRACT_AMOUNT)

/**
 * aff_affair_status_get_revenue_at_completion:
 * @self: a status
 *
 * Gets the revenue at completion: the contract amount plus the amendments accepted by the date.
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (revenue_at_completion, M_REVENUE_AT_COMPLETION)

/**
 * aff_affair_status_get_margin_at_completion:
 * @self: a status
 *
 * Gets the margin at completion: revenue at completion − cost at completion.
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (margin_at_completion, M_MARGIN_AT_COMPLETION)

/**
 * aff_affair_status_get_offer_margin:
 * @self: a status
 *
 * Gets the margin of the accepted offer: its selling price − its cost price.
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (offer_margin, M_OFFER_MARGIN)

/**
 * aff_affair_status_get_margin_drift:
 * @self: a status
 *
 * Gets the drift of the margin: margin at completion − the offer's margin.
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (margin_drift, M_MARGIN_DRIFT)

/**
 * aff_affair_status_get_recognised_revenue:
 * @self: a status
 *
 * Gets the revenue recognised by percentage of completion.
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (recognised_revenue, M_RECOGNISED_REVENUE)

/**
 * aff_affair_status_get_billed:
 * @self: a status
 *
 * Gets what was invoiced by the date, excluding VAT.
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (billed, M_BILLED)

/**
 * aff_affair_status_get_cash_received:
 * @self: a status
 *
 * Gets what the client paid by the date, as received.
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (cash_received, M_CASH_RECEIVED)

/**
 * aff_affair_status_get_accrued_revenue:
 * @self: a status
 *
 * Gets the invoices to issue (FAE): recognised − billed, when positive.
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (accrued_revenue, M_ACCRUED_REVENUE)

/**
 * aff_affair_status_get_deferred_revenue:
 * @self: a status
 *
 * Gets the deferred revenue (PCA): billed − recognised, when positive.
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (deferred_revenue, M_DEFERRED_REVENUE)

/**
 * aff_affair_status_get_loss_provision:
 * @self: a status
 *
 * Gets the provision for the loss at completion not yet absorbed by the recognised result.
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (loss_provision, M_LOSS_PROVISION)

/**
 * aff_affair_status_get_backlog:
 * @self: a status
 *
 * Gets the backlog: revenue at completion − recognised revenue.
 *
 * Returns: (transfer none): the amount
 */
MONEY_GETTER (backlog, M_BACKLOG)

/**
 * aff_affair_status_get_cpi:
 * @self: a status
 * @value: (out) (optional): where to store the ratio
 *
 * Gets the cost performance index, EV / AC.
 *
 * Returns: %FALSE when the ratio is undefined (its denominator is zero)
 */
RATIO_GETTER (cpi, R_CPI)

/**
 * aff_affair_status_get_spi:
 * @self: a status
 * @value: (out) (optional): where to store the ratio
 *
 * Gets the schedule performance index, EV / PV.
 *
 * Returns: %FALSE when the ratio is undefined (its denominator is zero)
 */
RATIO_GETTER (spi, R_SPI)

/**
 * aff_affair_status_get_tcpi:
 * @self: a status
 * @value: (out) (optional): where to store the ratio
 *
 * Gets the to-complete performance index, (BAC − EV) / (BAC − AC).
 *
 * Returns: %FALSE when the ratio is undefined (its denominator is zero)
 */
RATIO_GETTER (tcpi, R_TCPI)

/**
 * aff_affair_status_get_physical_progress:
 * @self: a status
 * @value: (out) (optional): where to store the ratio
 *
 * Gets the physical progress, EV / BAC, from 0 to 1.
 *
 * Returns: %FALSE when the ratio is undefined (its denominator is zero)
 */
RATIO_GETTER (physical_progress, R_PHYSICAL_PROGRESS)

/**
 * aff_affair_status_get_cost_progress:
 * @self: a status
 * @value: (out) (optional): where to store the ratio
 *
 * Gets the cost progress, AC / EAC.
 *
 * Returns: %FALSE when the ratio is undefined (its denominator is zero)
 */
RATIO_GETTER (cost_progress, R_COST_PROGRESS)

/**
 * aff_affair_status_get_billing_progress:
 * @self: a status
 * @value: (out) (optional): where to store the ratio
 *
 * Gets the billing progress, billed / revenue at completion.
 *
 * Returns: %FALSE when the ratio is undefined (its denominator is zero)
 */
RATIO_GETTER (billing_progress, R_BILLING_PROGRESS)

/**
 * aff_affair_status_get_completion:
 * @self: a status
 * @value: (out) (optional): where to store the ratio
 *
 * Gets the completion that recognises revenue, from 0 to 1, by the revenue method.
 *
 * Returns: %FALSE when the ratio is undefined (its denominator is zero)
 */
RATIO_GETTER (completion, R_COMPLETION)

/* One line of the budget at completion, what it has earned and was planned
 * to by the date, and the working days it spreads over. */
typedef enum { MATCH_TASK, MATCH_DELIVERABLE, MATCH_ALL } Match;

typedef struct
{
  const char *work;
  AffCostCategory category;
  gint64 budget;
  gint64 pv;
  gint64 ev;
  Match match;
  guint first_span;           /* its spans in the evaluation's */
  guint n_spans;
  guint64 total;              /* the working days of its spans */
  guint32 lo;                 /* before this day, none of them is planned */
  guint32 hi;                 /* from this day, all of them */
  guint first_mark;           /* its progress marks in the evaluation's */
  guint n_marks;
  guint32 number;             /* its work's number in the ledger, NO_WORK when the ledger lacks it */
} Line;

#define NO_WORK G_MAXUINT32

/* The dates a line's budget is spent over: a task's, or the whole plan's,
 * with the calendar's ordinals read once, so that the planned value at any
 * day costs one ordinal more. */
typedef struct
{
  guint32 start;
  guint32 finish;
  gint32 o_start;             /* the working days before @start */
  gint32 o_end;               /* the working days up to @finish, included */
} Span;

/* The computation of an affair's status. A dashboard keeps one for all its
 * affairs, so that its arrays are made once. */
struct _AffEvaluation
{
  AffAffair *affair;
  AffFinance *finance;
  AffPlan *plan;
  AffCalendar *calendar;
  const char *baseline;       /* NULL: the current schedule */
  gboolean dated;             /* the plan gives dates */
  guint32 day;
  /* What prepare() reads, while it reads it. */
  GArray *lines;              /* Line */
  GArray *tasks;              /* AffPlanTaskDays */
  GArray *spans;              /* Span */
  GArray *marks;              /* guint32: by line, the positions of its marks in the progress */
  /* The same where a run reads them: in the finance's Prepared block,
   * kept from one run to the next, not copied out of it for each. A run
   * writes the lines' planned and earned values there. */
  Line *line_at;
  guint n_lines;
  const AffPlanTaskDays *task_at;
  guint n_tasks;
  const Span *span_at;
  const guint32 *mark_at;
  GArray *spends;             /* AffSpend, made on the first need */
  GArray *claimed;            /* gboolean by sum of the scan: a line has it */
  gboolean spends_made;
  guint n_spends;             /* in @spends, which only grows */
  guint *running;             /* the lines a planned value still spreads, grown as needed */
  guint running_size;
  AffLedgerScan scan;
  AffPolicyLimits limits;     /* the affair's policy's, read by each run */
  AffAffairStatus status;     /* its strings left NULL */
  gboolean overflow;
};

static void
add_line (GArray          *lines,
          const char      *work,
          AffCostCategory  category,
          gint64           amount,
          gboolean        *overflow)
{
  Line line = { work, category, amount, 0, 0, MATCH_ALL, 0, 0, 0, G_MAXUINT32, 0, 0, 0, NO_WORK };
  guint i;

  for (i = 0; i < lines->len; i++)
    {
      Line *existing = &g_array_index (lines, Line, i);

      if (existing->category == category && g_strcmp0 (existing->work, work) == 0)
        {
          *overflow |= __builtin_add_overflow (existing->budget, amount, &existing->budget);
          return;
        }
    }
  g_array_append_val (lines, line);
}

/* The budget by task or lot and category on @day: the offer's direct costs
 * and overheads, then the amendments accepted by then. */
static void
collect_budget (AffEvaluation *c)
{
  GPtrArray *budget = _aff_affair_peek_budget (c->affair);
  const AffMoney *overheads = aff_affair_get_overheads (c->affair);
  guint i, j;

  for (i = 0; i < budget->len; i++)
    {
      AffBudgetItem *item = g_ptr_array_index (budget, i);

      add_line (c->lines, aff_budget_item_get_lot (item), category_of_kind (aff_budget_item_get_kind (item)),
                _aff_budget_item_get_minor (item), &c->overflow);
    }
  if (!aff_money_is_zero (overheads))
    add_line (c->lines, NULL, AFF_COST_CATEGORY_OVERHEAD, aff_money_get_minor (overheads), &c->overflow);
  for (i = 0; i < c->finance->amendments->len; i++)
    {
      AffAmendment *amendment = g_ptr_array_index (c->finance->amendments, i);

      if (!g_date_valid (&amendment->accepted) || g_date_get_julian (&amendment->accepted) > c->day)
        continue;
      for (j = 0; j < amendment->changes->len; j++)
        {
          const BudgetChange *change = &g_array_index (amendment->changes, BudgetChange, j);

          add_line (c->lines, change->work, change->category, change->change, &c->overflow);
        }
    }
}

/* A task's dates: the latest baseline's, else the current schedule's. */
static gboolean
task_dates (AffEvaluation           *c,
            const AffPlanTaskDays *task,
            guint32               *start,
            guint32               *finish)
{
  *start = c->baseline != NULL ? task->base_start : task->early_start;
  *finish = c->baseline != NULL ? task->base_finish : task->early_finish;
  return *start != 0 && *finish != 0;
}

/* The tasks a budget line spreads over: the task named, else the tasks
 * delivering the lot, else the whole plan. */
static Match
match_of (const AffPlanTaskDays *tasks,
          guint                  n_tasks,
          const char            *work)
{
  Match match = MATCH_ALL;
  guint i;

  if (work == NULL)
    return MATCH_ALL;
  for (i = 0; i < n_tasks; i++)
    {
      const AffPlanTaskDays *task = &tasks[i];

      if (_aff_str_equal0 (task->id, work))
        return MATCH_TASK;
      if (_aff_str_equal0 (task->deliverable, work))
        match = MATCH_DELIVERABLE;
    }
  return match;
}

static gboolean
task_matches (const AffPlanTaskDays *task,
              Match                  match,
              const char            *work)
{
  switch (match)
    {
    case MATCH_TASK:
      return _aff_str_equal0 (task->id, work);
    case MATCH_DELIVERABLE:
      return _aff_str_equal0 (task->deliverable, work);
    case MATCH_ALL:
    default:
      return TRUE;
    }
}

/* A span's working days; a milestone's is one, past once its day has come. */
static void
add_span (AffEvaluation *c,
          Line        *line,
          guint32      start,
          guint32      finish)
{
  Span span = { start, finish, _aff_calendar_ordinal (c->calendar, start),
                _aff_calendar_end_ordinal (c->calendar, finish) };
  gboolean point = finish < start || span.o_end <= span.o_start;

  g_array_append_val (c->spans, span);
  line->n_spans++;
  line->total += point ? 1 : (guint64) (span.o_end - span.o_start);
  /* See elapsed_days(): a point counts from its finish, a span from its
   * start, and either whole from its finish. */
  line->lo = MIN (line->lo, point ? finish : start);
  line->hi = MAX (line->hi, finish);
}

/* Gives each line the spans its budget is planned over. */
static void
spread_lines (AffEvaluation *c)
{
  guint i, j;

  for (i = 0; c->dated && i < c->lines->len; i++)
    {
      Line *line = &g_array_index (c->lines, Line, i);
      guint32 lo = G_MAXUINT32, hi = 0, start, finish;

      line->match = match_of ((const AffPlanTaskDays *) c->tasks->data, c->tasks->len, line->work);
      line->first_span = c->spans->len;
      for (j = 0; j < c->tasks->len; j++)
        {
          const AffPlanTaskDays *task = &g_array_index (c->tasks, AffPlanTaskDays, j);

          if (!task_dates (c, task, &start, &finish) || !task_matches (task, line->match, line->work))
            continue;
          if (line->match != MATCH_ALL)
            add_span (c, line, start, finish);
          lo = MIN (lo, start);
          hi = MAX (hi, finish);
        }
      /* A cost of the whole affair runs over the plan's whole span. */
      if (line->match == MATCH_ALL && lo <= hi)
        add_span (c, line, lo, hi);
    }
}

/* The working days of a line's spans elapsed by @day, @end_ordinal being
 * that day's. */
static guint64
elapsed_days (AffEvaluation *c,
              const Line  *line,
              guint32      day,
              gint32       end_ordinal)
{
  guint64 elapsed = 0;
  guint i;

  for (i = 0; i < line->n_spans; i++)
    {
      const Span *span = &c->span_at[line->first_span + i];

      if (span->finish < span->start || span->o_end <= span->o_start)
        elapsed += day >= span->finish;
      else if (day >= span->start)
        elapsed += (guint64) MAX (0, MIN (end_ordinal, span->o_end) - span->o_start);
    }
  return elapsed;
}

/* No day's ordinal asked for yet. */
#define ORDINAL_UNKNOWN G_MININT32

static gint64
planned_value (AffEvaluation *c,
               const Line  *line,
               guint32      day,
               gint32      *end_ordinal)
{
  guint64 elapsed;

  /* Most of a forecast's months are before a line starts or after it
   * ends: their days are not counted, nor their ordinal looked up. */
  if (line->n_spans == 0 || day < line->lo)
    return 0;
  if (day >= line->hi)
    return line->total == 0 ? 0 : line->budget;
  if (*end_ordinal == ORDINAL_UNKNOWN)
    *end_ordinal = _aff_calendar_end_ordinal (c->calendar, day);
  elapsed = elapsed_days (c, line, day, *end_ordinal);

  if (elapsed == 0 || elapsed == line->total)
    return elapsed == 0 || line->total == 0 ? 0 : line->budget;
  return _aff_scale (line->budget, elapsed, line->total, &c->overflow);
}

/* find_mark() for the work of @line on the day of the status, among the
 * marks index_marks() gave it: its work's string is not compared again. */
static gboolean
find_line_mark (AffEvaluation *c,
                const Line    *line,
                gint64        *value)
{
  const Mark *marks = (const Mark *) c->finance->progress->data;
  guint32 best = 0;
  guint i;

  for (i = 0; i < line->n_marks; i++)
    take_mark (&marks[c->mark_at[line->first_mark + i]], c->day, &best, value);
  return best != 0;
}

/* Gives each line the positions of its progress marks. */
static void
index_marks (AffEvaluation *c)
{
  GArray *progress = c->finance->progress;
  guint i;
  guint32 j;

  g_array_set_size (c->marks, 0);
  for (i = 0; i < c->lines->len; i++)
    {
      Line *line = &g_array_index (c->lines, Line, i);

      line->first_mark = c->marks->len;
      for (j = 0; j < progress->len; j++)
        if (_aff_str_equal0 (g_array_index (progress, Mark, j).work, line->work))
          g_array_append_val (c->marks, j);
      line->n_marks = c->marks->len - line->first_mark;
    }
}

/* The physical progress of a task or lot, in basis points, and whether
 * anything says so. */
static gboolean
earned_fraction (AffEvaluation *c,
                 const Line  *line,
                 gint64      *basis_points)
{
  AffInt128 weighted = 0, weights = 0;
  gboolean any = FALSE;
  guint i;

  if (find_line_mark (c, line, basis_points))
    return TRUE;
  if (line->work == NULL || (c->dated ? line->match : match_of (c->task_at, c->n_tasks, line->work)) != MATCH_DELIVERABLE)
    {
      *basis_points = 0;
      return line->work != NULL;
    }
  for (i = 0; i < c->n_tasks; i++)
    {
      const AffPlanTaskDays *task = &c->task_at[i];
      gint64 bp = 0;
      guint weight;

      if (!_aff_str_equal0 (task->deliverable, line->work))
        continue;
      any |= find_mark (c->finance->progress, task->id, c->day, &bp);
      weight = MAX (task->duration, 1u);
      weighted += (AffInt128) bp * weight;
      weights += weight;
    }
  if (!any || weights == 0 || !_aff_round_half_even (weighted, weights, basis_points))
    *basis_points = 0;
  return TRUE;
}

static gint64
add (gint64    a,
     gint64    b,
     gboolean *overflow)
{
  gint64 r = 0;

  *overflow |= __builtin_add_overflow (a, b, &r);
  return r;
}

static gint64
sub (gint64    a,
     gint64    b,
     gboolean *overflow)
{
  gint64 r = 0;

  *overflow |= __builtin_sub_overflow (a, b, &r);
  return r;
}

static void
set_ratio (AffAffairStatus *status,
           guint            which,
           gint64           numerator,
           gint64           denominator)
{
  if (denominator == 0)
    return;
  status->ratios[which] = (double) numerator / (double) denominator;
  status->defined |= 1u << which;
}

static gint64
sum_bills (GArray  *bills,
           guint32  day,
           gboolean *overflow)
{
  gint64 total = 0;
  guint i;

  for (i = 0; i < bills->len; i++)
    {
      const AffBill *bill = &g_array_index (bills, AffBill, i);

      if (g_date_get_julian (&bill->date) <= day)
        total = add (total, bill->amount, overflow);
    }
  return total;
}

/* The work billed: advances are not revenue, and a retention released was
 * billed with its invoice. */
static gint64
sum_work_billed (GArray   *bills,
                 guint32   day,
                 gboolean *overflow)
{
  gint64 total = 0;
  guint i;

  for (i = 0; i < bills->len; i++)
    {
      const AffBill *bill = &g_array_index (bills, AffBill, i);

      if (g_date_get_julian (&bill->date) <= day && bill->kind != AFF_BILLING_KIND_ADVANCE &&
          bill->kind != AFF_BILLING_KIND_RETENTION_RELEASE)
        total = add (total, bill->amount, overflow);
    }
  return total;
}

/* The bottom-up remaining-to-do: the latest estimate of each task or lot,
 * and for a line without one its budget not yet earned. */
static gint64
remaining_to_do (AffEvaluation *c,
                 gboolean    *overflow)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 total = 0, value;
  gboolean whole_seen = FALSE;
  guint i;

  for (i = 0; i < c->n_lines; i++)
    {
      const Line *line = &c->line_at[i];
      gboolean estimated = line->work != NULL ? g_hash_table_contains (seen, line->work) : whole_seen;

      if (estimated)
        continue;
      if (find_mark (c->finance->remaining, line->work, c->day, &value))
        {
          total = add (total, value, overflow);
          if (line->work != NULL)
            g_hash_table_add (seen, (gpointer) line->work);
          else
            whole_seen = TRUE;
        }
      else
        total = add (total, MAX (0, sub (line->budget, line->ev, overflow)), overflow);
    }
  /* Estimates for works the budget does not name, the whole affair's
   * included, add to the rest. */
  for (i = 0; i < c->finance->remaining->len; i++)
    {
      const Mark *mark = &g_array_index (c->finance->remaining, Mark, i);

      if (mark->work == NULL ? whole_seen : g_hash_table_contains (seen, mark->work))
        continue;
      if (mark->work == NULL)
        whole_seen = TRUE;
      else
        g_hash_table_add (seen, mark->work);
      if (find_mark (c->finance->remaining, mark->work, c->day, &value))
        total = add (total, value, overflow);
    }
  return total;
}

static void
estimate (AffEvaluation     *c,
          AffAffairStatus *s,
          gboolean        *overflow)
{
  gint64 bac = s->money[M_BAC], ev = s->money[M_EV], ac = s->money[M_AC], pv = s->money[M_PV];
  gint64 rest = sub (bac, ev, overflow);
  AffInt128 denominator;

  s->eac_method = c->finance->eac_method != AFF_EAC_METHOD_POLICY ? c->finance->eac_method : c->limits.eac_method;
  switch (s->eac_method)
    {
    case AFF_EAC_METHOD_CPI:
      if (ev != 0 && ac != 0)
        {
          s->money[M_EAC] = _aff_scale (bac, ac, ev, overflow);
          return;
        }
      break;
    case AFF_EAC_METHOD_COMPOSITE:
      /* (BAC − EV) / (CPI × SPI) = (BAC − EV) × AC × PV / EV². */
      denominator = (AffInt128) ev * ev;
      if (ev != 0 && ac != 0 && pv != 0)
        {
          AffInt128 numerator;

          if (__builtin_mul_overflow ((AffInt128) rest * ac, (AffInt128) pv, &numerator))
            *overflow = TRUE;
          else
            {
              gint64 part = 0;

              if (!_aff_round_half_even (numerator, denominator, &part))
                *overflow = TRUE;
              s->money[M_EAC] = add (ac, part, overflow);
            }
          return;
        }
      break;
    case AFF_EAC_METHOD_BOTTOM_UP:
      s->money[M_EAC] = add (ac, remaining_to_do (c, overflow), overflow);
      return;
    case AFF_EAC_METHOD_ATYPICAL:
    case AFF_EAC_METHOD_POLICY:
    default:
      break;
    }
  s->eac_method = AFF_EAC_METHOD_ATYPICAL;
  s->money[M_EAC] = add (ac, rest, overflow);
}

static gint64
rate_of (gint64    part,
         gint64    whole,
         gboolean *defined)
{
  gint64 rate = 0;

  *defined = whole != 0 && _aff_round_half_even ((AffInt128) part * 10000, whole, &rate) &&
             rate >= G_MININT && rate <= G_MAXINT;
  return rate;
}

static void
revenue_and_wip (AffEvaluation     *c,
                 AffAffairStatus *s,
                 gboolean        *overflow)
{
  gint64 *m = s->money;
  gint64 numerator = 0, denominator = 0, loss, absorbed;
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
  guint defined = 0, i;
  const guint progress[] = { R_PHYSICAL_PROGRESS, R_COST_PROGRESS, R_BILLING_PROGRESS };

  s->revenue_method = c->limits.revenue_method;
  if (s->revenue_method == AFF_REVENUE_METHOD_PHYSICAL)
    numerator = m[M_EV], denominator = m[M_BAC];
  else
    numerator = m[M_AC], denominator = m[M_COST_AT_COMPLETION];
  /* Completion stays within 0 and 1: costs beyond the estimate earn no
   * revenue beyond the contract's. */
  if (denominator > 0)
    {
      numerator = CLAMP (numerator, 0, denominator);
      set_ratio (s, R_COMPLETION, numerator, denominator);
      m[M_RECOGNISED_REVENUE] = _aff_scale (m[M_REVENUE_AT_COMPLETION], numerator, denominator, overflow);
    }
  m[M_ACCRUED_REVENUE] = MAX (0, sub (m[M_RECOGNISED_REVENUE], m[M_BILLED], overflow));
  m[M_DEFERRED_REVENUE] = MAX (0, sub (m[M_BILLED], m[M_RECOGNISED_REVENUE], overflow));
  m[M_BACKLOG] = sub (m[M_REVENUE_AT_COMPLETION], m[M_RECOGNISED_REVENUE], overflow);
  loss = MAX (0, sub (m[M_COST_AT_COMPLETION], m[M_REVENUE_AT_COMPLETION], overflow));
  absorbed = MAX (0, sub (m[M_AC], m[M_RECOGNISED_REVENUE], overflow));
  m[M_LOSS_PROVISION] = MAX (0, sub (loss, absorbed, overflow));

  set_ratio (s, R_PHYSICAL_PROGRESS, m[M_EV], m[M_BAC]);
  set_ratio (s, R_COST_PROGRESS, m[M_AC], m[M_EAC]);
  set_ratio (s, R_BILLING_PROGRESS, m[M_BILLED], m[M_REVENUE_AT_COMPLETION]);
  for (i = 0; i < G_N_ELEMENTS (progress); i++)
    if (s->defined & (1u << progress[i]))
      {
        lo = MIN (lo, s->ratios[progress[i]]);
        hi = MAX (hi, s->ratios[progress[i]]);
        defined++;
      }
  s->concordance_gap = defined >= 2 ? hi - lo : 0;
  /* The gap is compared in basis points, rounded, so that a tolerance of
   * 10 points accepts a gap of exactly 10 points whatever the doubles say. */
  s->concordant = (gint64) (s->concordance_gap * 10000 + 0.5) <=
                  (gint64) c->limits.concordance_tolerance;
}

/**
 * aff_affair_get_budget_at_completion:
 * @self: an affair
 * @date: the date, for the amendments accepted by then
 * @work: (nullable): a task or lot, or %NULL for every one
 * @category: an #AffCostCategory, or -1 for every category
 * @error: return location for a #GError
 *
 * Sums the budget at completion on a date: the offer's direct costs by lot
 * and kind, its overheads (category %AFF_COST_CATEGORY_OVERHEAD, for the
 * whole affair), and the budget changes of the amendments accepted by
 * then. With @work %NULL, every task and lot counts, and the costs of the
 * whole affair.
 *
 * Returns: (transfer full): the budget, or %NULL with %AFF_ERROR_OVERFLOW
 *   set
 */
AffMoney *
aff_affair_get_budget_at_completion (AffAffair    *self,
                                     const GDate  *date,
                                     const char   *work,
                                     int           category,
                                     GError      **error)
{
  g_autoptr(AffEvaluation) e = NULL;
  gint64 total = 0;
  guint i;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  e = _aff_evaluation_new ();
  e->affair = self;
  e->finance = _aff_affair_get_finance (self);
  e->day = g_date_get_julian (date);
  collect_budget (e);
  for (i = 0; i < e->lines->len; i++)
    {
      const Line *line = &g_array_index (e->lines, Line, i);

      if ((work == NULL || g_strcmp0 (line->work, work) == 0) && (category < 0 || (int) line->category == category))
        total = add (total, line->budget, &e->overflow);
    }
  if (e->overflow)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW, _("Affair “%s”: the budget overflows 64 bits"),
                   aff_affair_get_id (self));
      return NULL;
    }
  return aff_money_new (total, aff_money_get_currency (aff_affair_get_contract_amount (self)), error);
}

gint64
_aff_affair_revenue_at_completion (AffAffair *self,
                                   guint32    day,
                                   gboolean  *overflow)
{
  AffFinance *finance = _aff_affair_get_finance (self);
  gint64 revenue = aff_money_get_minor (self->contract_amount);
  guint i;

  for (i = 0; i < finance->amendments->len; i++)
    {
      AffAmendment *amendment = g_ptr_array_index (finance->amendments, i);

      if (g_date_valid (&amendment->accepted) && g_date_get_julian (&amendment->accepted) <= day)
        revenue = add (revenue, aff_money_get_minor (amendment->revenue_change), overflow);
    }
  return revenue;
}

AffEvaluation *
_aff_evaluation_new (void)
{
  AffEvaluation *e = g_new0 (AffEvaluation, 1);

  e->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  e->tasks = g_array_new (FALSE, FALSE, sizeof (AffPlanTaskDays));
  e->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  e->marks = g_array_new (FALSE, FALSE, sizeof (guint32));
  e->spends = g_array_new (FALSE, FALSE, sizeof (AffSpend));
  e->claimed = g_array_new (FALSE, TRUE, sizeof (gboolean));
  _aff_ledger_scan_init (&e->scan);
  return e;
}

void
_aff_evaluation_free (AffEvaluation *e)
{
  if (e == NULL)
    return;
  g_array_unref (e->lines);
  g_array_unref (e->tasks);
  g_array_unref (e->spans);
  g_array_unref (e->marks);
  g_array_unref (e->spends);
  g_array_unref (e->claimed);
  g_free (e->running);
  _aff_ledger_scan_clear (&e->scan);
  g_free (e);
}

/* What a status reads of an affair's budget and plan, kept for the next:
 * a dashboard recomputed after an edit reads again only the affairs the
 * edit changed. It stands while its plan, the plan's calendar and the
 * affair's finance count no change, on the days the same amendments are
 * accepted. Its strings are the budget's and the tasks' own: a change that
 * frees one is counted first. */
typedef struct _Prepared
{
  AffPlan *plan;
  guint64 plan_changes;
  AffCalendar *calendar;
  guint calendar_version;
  guint64 finance_changes;
  guint32 from;               /* the days it stands on: @from ≤ day < @until */
  guint32 until;
  const char *baseline;
  gboolean dated;
  gboolean overflow;
  guint n_works;              /* the ledger's when the lines' works were looked up */
  guint n_lines;
  guint n_tasks;
  guint n_spans;
  guint n_marks;
  /* Then the lines, the tasks, the spans and the marks' positions. */
} Prepared;

G_STATIC_ASSERT (sizeof (Prepared) % 8 == 0 && sizeof (Line) % 8 == 0 && sizeof (AffPlanTaskDays) % 8 == 0);

static gsize
prepared_size (guint n_lines,
               guint n_tasks,
               guint n_spans,
               guint n_marks)
{
  return sizeof (Prepared) + n_lines * sizeof (Line) + n_tasks * sizeof (AffPlanTaskDays) + n_spans * sizeof (Span) +
         n_marks * sizeof (guint32);
}

/* 0 for none: the bulk memory frees and reallocates from nothing. */
static gsize
prepared_size_of (const Prepared *p)
{
  return p != NULL ? prepared_size (p->n_lines, p->n_tasks, p->n_spans, p->n_marks) : 0;
}

static gboolean
prepared_stands (const AffEvaluation *e,
                 const Prepared      *p)
{
  return p != NULL && p->plan == e->plan && p->plan_changes == _aff_plan_get_changes (e->plan) &&
         p->calendar == e->calendar && p->calendar_version == _aff_calendar_get_version (e->calendar) &&
         p->finance_changes == e->finance->changes && p->from <= e->day && e->day < p->until;
}

/* Copies @array's elements of @size into @block; returns their end. */
static gpointer
copy_elements (GArray   *array,
               gpointer  block,
               gsize     size)
{
  /* An array never grown has no data. */
  if (array->len > 0)
    memcpy (block, array->data, array->len * size);
  return (char *) block + array->len * size;
}

/* Points the run at what @p keeps. */
static void
view_prepared (AffEvaluation *e,
               Prepared      *p)
{
  e->line_at = (Line *) (p + 1);
  e->n_lines = p->n_lines;
  e->task_at = (const AffPlanTaskDays *) (e->line_at + p->n_lines);
  e->n_tasks = p->n_tasks;
  e->span_at = (const Span *) (e->task_at + p->n_tasks);
  e->mark_at = (const guint32 *) (e->span_at + p->n_spans);
  e->baseline = p->baseline;
  e->dated = p->dated;
  e->overflow = p->overflow;
}

static Prepared *
keep_prepared (AffEvaluation *e)
{
  AffFinance *finance = e->finance;
  Prepared *p;
  gpointer block;
  guint i;

  /* In the bulk memory, with the ledgers' rows: a dashboard reads them
   * all. */
  p = finance->prepared = _aff_bulk_realloc (finance->prepared, prepared_size_of (finance->prepared),
                                             prepared_size (e->lines->len, e->tasks->len, e->spans->len,
                                                            e->marks->len));
  *p = (Prepared) { e->plan, _aff_plan_get_changes (e->plan), e->calendar, _aff_calendar_get_version (e->calendar),
                    finance->changes, 0, G_MAXUINT32, e->baseline, e->dated, e->overflow, 0, e->lines->len,
                    e->tasks->len, e->spans->len, e->marks->len };
  /* The budget counts the amendments accepted by the day. */
  for (i = 0; i < finance->amendments->len; i++)
    {
      AffAmendment *amendment = g_ptr_array_index (finance->amendments, i);
      guint32 accepted;

      if (!g_date_valid (&amendment->accepted))
        continue;
      accepted = g_date_get_julian (&amendment->accepted);
      if (accepted <= e->day)
        p->from = MAX (p->from, accepted);
      else
        p->until = MIN (p->until, accepted);
    }
  block = copy_elements (e->lines, p + 1, sizeof (Line));
  block = copy_elements (e->tasks, block, sizeof (AffPlanTaskDays));
  block = copy_elements (e->spans, block, sizeof (Span));
  copy_elements (e->marks, block, sizeof (guint32));
  return p;
}

void
_aff_finance_prefetch_object (AffFinance *finance)
{
  _aff_prefetch_span (finance, sizeof *finance);
}

gboolean
_aff_finance_prefetch (AffFinance *finance,
                       guint       stage)
{
  guint i, sink;

  if (stage == 0)
    {
      _aff_ledger_prefetch_object (finance->ledger);
      __builtin_prefetch (finance->progress);
      __builtin_prefetch (finance->invoices);
      __builtin_prefetch (finance->payments);
      __builtin_prefetch (finance->milestones);
      __builtin_prefetch (finance->amendments);
      /* The drifts look for their corrective actions. */
      __builtin_prefetch (finance->actions);
      /* Its header, which says how long it is, runs over two lines. */
      if (finance->prepared != NULL)
        _aff_prefetch_span (finance->prepared, sizeof (Prepared));
      return finance->prepared != NULL;
    }
  if (stage == 1)
    {
      /* The elements the strings of stage 2 are read from. */
      _aff_prefetch_span (finance->progress->data, MIN (finance->progress->len, 8u) * sizeof (Mark));
      _aff_prefetch_span (finance->invoices->data, MIN (finance->invoices->len, 8u) * sizeof (AffBill));
      _aff_prefetch_span (finance->payments->data, MIN (finance->payments->len, 8u) * sizeof (AffBill));
      _aff_ledger_prefetch (finance->ledger);
      if (finance->prepared != NULL)
        _aff_prefetch_span (finance->prepared + 1, prepared_size_of (finance->prepared) - sizeof (Prepared));
      return finance->prepared != NULL;
    }
  /* The strings the status compares: the works of the progress marks, the
   * invoices' references; and where the ledger's works' names are. */
  _aff_ledger_prefetch_works (finance->ledger);
  /* The arrays' headers, read, not only prefetched: their prefetches two
   * stages back did not spare the first reads of their lengths the wait
   * (perf put the milestones', the amendments' and the actions' at 88, 91
   * and 34 % of the functions reading them). Read together here, their
   * misses overlap instead of coming one after the other. */
  sink = finance->milestones->len + finance->amendments->len + finance->actions->len + finance->progress->len +
         finance->invoices->len + finance->payments->len;
  __asm__ volatile ("" : : "r" (sink));
  for (i = 0; i < finance->progress->len && i < 8; i++)
    __builtin_prefetch (g_array_index (finance->progress, Mark, i).work);
  for (i = 0; i < finance->invoices->len && i < 8; i++)
    __builtin_prefetch (g_array_index (finance->invoices, AffBill, i).reference);
  for (i = 0; i < finance->payments->len && i < 8; i++)
    __builtin_prefetch (g_array_index (finance->payments, AffBill, i).reference);
  return finance->prepared != NULL;
}

/* Reads what the affair's status needs on @date: its budget, its plan's
 * tasks and the spans of each budget line. */
static void
prepare (AffEvaluation *e,
         AffAffair     *affair,
         const GDate   *date)
{
  AffLedger *ledger;
  Prepared *p;
  guint n_works, i;

  e->affair = affair;
  e->finance = _aff_affair_get_finance (affair);
  e->plan = affair->plan;
  e->calendar = aff_plan_get_calendar (e->plan);
  _aff_plan_ensure_scheduled (e->plan);
  e->day = g_date_get_julian (date);
  e->spends_made = FALSE;
  _aff_policy_get_limits (_aff_affair_get_policy (affair), &e->limits);
  p = e->finance->prepared;
  if (!prepared_stands (e, p))
    {
      e->overflow = FALSE;
      g_array_set_size (e->lines, 0);
      g_array_set_size (e->spans, 0);
      e->baseline = _aff_plan_task_days (e->plan, e->tasks);
      e->dated = e->baseline != NULL || aff_plan_is_scheduled (e->plan);
      collect_budget (e);
      spread_lines (e);
      index_marks (e);
      p = keep_prepared (e);
    }
  view_prepared (e, p);
  /* The ledger numbers its works for good, but may learn a line's since. */
  ledger = e->finance->ledger;
  n_works = _aff_ledger_get_n_works (ledger);
  if (p->n_works != n_works)
    {
      for (i = 0; i < e->n_lines; i++)
        {
          Line *line = &e->line_at[i];

          line->number = _aff_ledger_find_work (ledger, line->work);
          if (line->number == 0 && line->work != NULL)
            line->number = NO_WORK;
        }
      p->n_works = n_works;
    }
}

gboolean
_aff_evaluation_planned_values (AffEvaluation *e,
                                const guint32 *days,
                                guint          n_days,
                                gint64        *pv,
                                gint64        *bac)
{
  /* The lines, their count and each day's sum in locals: the build does
   * not assume strict aliasing, so every store into @pv would have the
   * loop read them all again. */
  const Line *lines = e->line_at;
  const guint n_lines = e->dated ? e->n_lines : 0;
  AffInt128 ended = 0;
  gboolean overflow = FALSE;
  guint *running, n_running = 0, i, k;

  e->overflow = FALSE;
  *bac = e->status.money[M_BAC];
  if (n_lines > e->running_size)
    {
      e->running_size = MAX (n_lines, 2 * e->running_size);
      e->running = g_renew (guint, e->running, e->running_size);
    }
  running = e->running;
  /* A line without a span plans nothing. */
  for (i = 0; i < n_lines; i++)
    if (lines[i].n_spans != 0)
      running[n_running++] = i;
  /* The days come in order (the caller's to check): a line ended by one
   * is ended by the next, its budget carried over, not asked of it again
   * for each, and once all are ended the days left have their sum. Summed
   * on 128 bits, a day's value overflows only when it does not fit
   * itself. */
  for (k = 0; k < n_days; k++)
    {
      gint32 end = ORDINAL_UNKNOWN;
      AffInt128 sum;
      guint kept = 0;

      if (n_running == 0 && k > 0)
        {
          pv[k] = pv[k - 1];
          continue;
        }
      for (i = 0; i < n_running; i++)
        {
          const Line *line = &lines[running[i]];

          if (days[k] >= line->hi)
            {
              ended += planned_value (e, line, days[k], &end);
              continue;
            }
          running[kept++] = running[i];
        }
      n_running = kept;
      sum = ended;
      for (i = 0; i < n_running; i++)
        sum += planned_value (e, &lines[running[i]], days[k], &end);
      overflow |= sum > G_MAXINT64 || sum < G_MININT64;
      pv[k] = overflow ? 0 : (gint64) sum;
    }
  e->overflow |= overflow;
  return e->dated && !e->overflow;
}

const AffSpend *
_aff_evaluation_spends (AffEvaluation *e,
                        guint         *n)
{
  AffLedger *ledger = e->finance->ledger;
  AffCostCategory category;
  guint32 work;
  guint i, j;

  if (!e->spends_made)
    {
      const guint n_sums = _aff_ledger_scan_get_n_sums (&e->scan);
      AffSpend *out;
      gboolean *claimed;

      /* At most a spend a line and a sum: written in place, not appended
       * one by one, in arrays that only grow, each affair of a dashboard
       * using what the one before left. */
      if (e->spends->len < e->n_lines + n_sums)
        g_array_set_size (e->spends, e->n_lines + n_sums);
      out = (AffSpend *) e->spends->data;
      if (e->claimed->len < n_sums)
        g_array_set_size (e->claimed, n_sums);
      claimed = (gboolean *) e->claimed->data;
      /* An array never grown has no data. */
      if (n_sums > 0)
        memset (claimed, 0, n_sums * sizeof (gboolean));
      /* The budget's lines first, each with the sum of its work and
       * category, then the sums no line claimed, as the ledger first met
       * them. A line finds its sum among the few works the scan met, not
       * by comparing its work with every sum's. */
      for (i = 0; i < e->n_lines; i++)
        {
          const Line *line = &e->line_at[i];
          guint position = _aff_ledger_scan_find (&e->scan, line->number, line->category);

          *out = (AffSpend) { line->work, line->category, 0, line->budget };
          if (position != 0 && !claimed[position - 1])
            {
              claimed[position - 1] = TRUE;
              _aff_ledger_scan_spend (&e->scan, position - 1, &work, &category, &out->actual);
            }
          out++;
        }
      for (j = 0; j < n_sums; j++)
        if (!claimed[j])
          {
            *out = (AffSpend) { NULL, 0, 0, 0 };
            _aff_ledger_scan_spend (&e->scan, j, &work, &out->category, &out->actual);
            out->work = _aff_ledger_work (ledger, work);
            out++;
          }
      e->n_spends = out - (AffSpend *) e->spends->data;
      e->spends_made = TRUE;
    }
  *n = e->n_spends;
  return (const AffSpend *) e->spends->data;
}

const AffPolicyLimits *
_aff_evaluation_get_limits (AffEvaluation *e)
{
  return &e->limits;
}

const AffPlanTaskDays *
_aff_evaluation_get_tasks (AffEvaluation *e,
                           guint         *n_tasks,
                           const char   **baseline)
{
  *n_tasks = e->n_tasks;
  *baseline = e->baseline;
  return e->task_at;
}

const AffAffairStatus *
_aff_evaluation_run (AffEvaluation  *e,
                     AffAffair      *affair,
                     const GDate    *date,
                     GError        **error)
{
  AffAffairStatus *s = &e->status;
  gboolean overflow = FALSE, defined;
  gint64 *m, direct_ev = 0, direct_bac = 0, offer_cost, bp = 0;
  gboolean whole_marked;
  gint32 end = ORDINAL_UNKNOWN;
  guint i;

  prepare (e, affair, date);
  memset (s, 0, sizeof *s);
  m = s->money;
  s->date = *date;
  s->has_baseline = e->dated && e->n_tasks > 0;

  whole_marked = find_mark (e->finance->progress, NULL, e->day, &bp);
  /* Lines of a task or lot first: a line of the whole affair without a
   * progress of its own earns as they do. */
  for (i = 0; i < e->n_lines; i++)
    {
      Line *line = &e->line_at[i];

      m[M_BAC] = add (m[M_BAC], line->budget, &e->overflow);
      if (e->dated)
        {
          line->pv = planned_value (e, line, e->day, &end);
          m[M_PV] = add (m[M_PV], line->pv, &e->overflow);
        }
      if (line->work == NULL && !whole_marked)
        continue;
      earned_fraction (e, line, &bp);
      line->ev = _aff_scale (line->budget, bp, 10000, &e->overflow);
      m[M_EV] = add (m[M_EV], line->ev, &e->overflow);
      direct_ev = add (direct_ev, line->ev, &e->overflow);
      direct_bac = add (direct_bac, line->budget, &e->overflow);
    }
  for (i = 0; !whole_marked && i < e->n_lines; i++)
    {
      Line *line = &e->line_at[i];

      if (line->work != NULL)
        continue;
      line->ev = _aff_scale (line->budget, direct_ev, direct_bac, &e->overflow);
      m[M_EV] = add (m[M_EV], line->ev, &e->overflow);
    }

  if (!_aff_ledger_scan (e->finance->ledger, e->day, &e->scan))
    e->overflow = TRUE;
  m[M_AC] = e->scan.actual;
  m[M_OPEN_COMMITMENTS] = e->scan.open;
  overflow = e->overflow;
  m[M_CV] = sub (m[M_EV], m[M_AC], &overflow);
  m[M_SV] = sub (m[M_EV], m[M_PV], &overflow);
  set_ratio (s, R_CPI, m[M_EV], m[M_AC]);
  set_ratio (s, R_SPI, m[M_EV], m[M_PV]);
  set_ratio (s, R_TCPI, sub (m[M_BAC], m[M_EV], &overflow), sub (m[M_BAC], m[M_AC], &overflow));

  estimate (e, s, &overflow);
  m[M_ETC] = sub (m[M_EAC], m[M_AC], &overflow);
  m[M_VAC] = sub (m[M_BAC], m[M_EAC], &overflow);

  m[M_CONTINGENCY] = aff_money_get_minor (affair->contingency);
  m[M_COST_AT_COMPLETION] = add (m[M_EAC], m[M_CONTINGENCY], &overflow);
  m[M_CONTRACT_AMOUNT] = aff_money_get_minor (affair->contract_amount);
  m[M_REVENUE_AT_COMPLETION] = _aff_affair_revenue_at_completion (affair, e->day, &overflow);
  m[M_MARGIN_AT_COMPLETION] = sub (m[M_REVENUE_AT_COMPLETION], m[M_COST_AT_COMPLETION], &overflow);
  offer_cost = add (add (aff_money_get_minor (affair->budget_total),
                         aff_money_get_minor (affair->overheads), &overflow),
                    m[M_CONTINGENCY], &overflow);
  m[M_OFFER_MARGIN] = sub (m[M_CONTRACT_AMOUNT], offer_cost, &overflow);
  m[M_MARGIN_DRIFT] = sub (m[M_MARGIN_AT_COMPLETION], m[M_OFFER_MARGIN], &overflow);
  s->margin_rate = (int) rate_of (m[M_MARGIN_AT_COMPLETION], m[M_REVENUE_AT_COMPLETION], &s->has_margin_rate);
  {
    int offer_rate = (int) rate_of (m[M_OFFER_MARGIN], m[M_CONTRACT_AMOUNT], &defined);

    s->has_margin_rate_drift = defined && s->has_margin_rate;
    if (s->has_margin_rate_drift)
      s->margin_rate_drift = s->margin_rate - offer_rate;
  }

  m[M_BILLED] = sum_work_billed (e->finance->invoices, e->day, &overflow);
  m[M_CASH_RECEIVED] = sum_bills (e->finance->payments, e->day, &overflow);
  revenue_and_wip (e, s, &overflow);

  if (overflow)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW,
                   _("Affair “%s”: a figure of its status overflows 64 bits"), aff_affair_get_id (affair));
      return NULL;
    }
  return s;
}

/**
 * aff_affair_compute_status:
 * @self: an affair
 * @date: the date of the status
 * @error: return location for a #GError
 *
 * Computes the financial state of the affair at @date, from its budget,
 * plan, ledger, progress, remaining-to-do, amendments, invoices and
 * payments as they stood on that day: see [struct@Aff.AffairStatus] for
 * every figure and how it is computed. Nothing is journaled: this only
 * reads.
 *
 * The affair keeps what a status read of its budget and plan (the budget
 * lines, the tasks' dates, the working days each line spreads over) for
 * the next, until its plan, the plan's calendar or its follow-up
 * (amendments, progress, invoices, payments) change, or a status is asked
 * for on the other side of an amendment's acceptance: the dashboard of a
 * large portfolio, recomputed after an edit, reads again only the affair
 * edited. Like every method of an affair, this must not run on two
 * threads at once for the same affair.
 *
 * Returns: (transfer full): the status, or %NULL with %AFF_ERROR_OVERFLOW
 *   set when a figure does not fit in 64 bits
 */
AffAffairStatus *
aff_affair_compute_status (AffAffair    *self,
                           const GDate  *date,
                           GError      **error)
{
  g_autoptr(AffEvaluation) e = NULL;
  const AffAffairStatus *s;
  AffAffairStatus *copy;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  e = _aff_evaluation_new ();
  if ((s = _aff_evaluation_run (e, self, date, error)) == NULL)
    return NULL;
  copy = g_memdup2 (s, sizeof *s);
  copy->affair_id = g_strdup (aff_affair_get_id (self));
  copy->currency = g_strdup (aff_money_get_currency (aff_affair_get_contract_amount (self)));
  return copy;
}

/**
 * aff_affair_status_get_margin_rate:
 * @self: a status
 * @basis_points: (out) (optional): where to store the rate
 *
 * Gets the margin rate at completion: margin at completion over revenue at
 * completion, in basis points rounded half to even.
 *
 * Returns: %FALSE when the revenue at completion is zero
 */
gboolean
aff_affair_status_get_margin_rate (const AffAffairStatus *self,
                                   int                   *basis_points)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (self->has_margin_rate && basis_points != NULL)
    *basis_points = self->margin_rate;
  return self->has_margin_rate;
}

/**
 * aff_affair_status_get_margin_rate_drift:
 * @self: a status
 * @basis_points: (out) (optional): where to store the drift
 *
 * Gets the erosion of the margin rate, in basis points: the margin rate at
 * completion less the rate of the accepted offer (−150 is 1.5 points lost).
 *
 * Returns: %FALSE when either rate is undefined
 */
gboolean
aff_affair_status_get_margin_rate_drift (const AffAffairStatus *self,
                                         int                   *basis_points)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (self->has_margin_rate_drift && basis_points != NULL)
    *basis_points = self->margin_rate_drift;
  return self->has_margin_rate_drift;
}

/**
 * aff_affair_status_is_concordant:
 * @self: a status
 * @gap: (out) (optional): where to store the largest gap between the
 *   physical, cost and billing progress, from 0 to 1
 *
 * Tells whether the physical progress, the cost progress and the billing
 * progress agree within the policy's tolerance
 * ([property@Aff.Policy:concordance-tolerance]). Undefined progress figures
 * are left out; with fewer than two, there is nothing to compare.
 *
 * Returns: %TRUE if concordant
 */
gboolean
aff_affair_status_is_concordant (const AffAffairStatus *self,
                                 double                *gap)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (gap != NULL)
    *gap = self->concordance_gap;
  return self->concordant;
}

/* The document ---------------------------------------------------------- */

static void
add_money_value (JsonBuilder *builder,
                 const char  *member,
                 gint64       minor,
                 const char  *currency)
{
  g_autoptr(AffMoney) money = aff_money_new (minor, currency, NULL);

  aff_json_add_money (builder, member, money);
}

static void
marks_to_json (JsonBuilder *builder,
               const char  *member,
               GArray      *marks,
               const char  *currency)
{
  guint i;

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (i = 0; i < marks->len; i++)
    {
      const Mark *mark = &g_array_index (marks, Mark, i);

      json_builder_begin_object (builder);
      aff_json_add_string (builder, "work", mark->work);
      aff_json_add_date (builder, "date", &mark->date);
      if (currency == NULL)
        aff_json_add_int (builder, "basis_points", mark->value);
      else
        add_money_value (builder, "amount", mark->value, currency);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
bills_to_json (JsonBuilder *builder,
               const char  *member,
               gboolean     invoices,
               GArray      *bills,
               const char  *currency)
{
  guint i;

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (i = 0; i < bills->len; i++)
    {
      const AffBill *bill = &g_array_index (bills, AffBill, i);

      json_builder_begin_object (builder);
      aff_json_add_string (builder, invoices ? "reference" : "invoice", bill->reference);
      if (invoices)
        {
          aff_json_add_enum (builder, "kind", AFF_TYPE_BILLING_KIND, bill->kind);
          aff_json_add_string (builder, "milestone", bill->milestone);
        }
      aff_json_add_date (builder, "date", &bill->date);
      add_money_value (builder, "amount", bill->amount, currency);
      if (invoices)
        {
          add_money_value (builder, "advance_recovered", bill->recovered, currency);
          add_money_value (builder, "vat", bill->vat, currency);
          add_money_value (builder, "retention", bill->retention, currency);
          add_money_value (builder, "payable", bill->payable, currency);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

void
_aff_finance_to_json (AffFinance  *self,
                      JsonBuilder *builder)
{
  _aff_finance_write_json (self, builder, TRUE);
}

void
_aff_finance_write_json (AffFinance  *self,
                         JsonBuilder *builder,
                         gboolean     with_ledger)
{
  const char *currency = aff_ledger_get_currency (self->ledger);
  guint i, j;

  json_builder_begin_object (builder);
  aff_json_add_enum (builder, "eac_method", AFF_TYPE_EAC_METHOD, self->eac_method);
  if (with_ledger)
    {
      json_builder_set_member_name (builder, "ledger");
      _aff_ledger_to_json (self->ledger, builder);
    }
  marks_to_json (builder, "progress", self->progress, NULL);
  marks_to_json (builder, "remaining", self->remaining, currency);
  json_builder_set_member_name (builder, "amendments");
  json_builder_begin_array (builder);
  for (i = 0; i < self->amendments->len; i++)
    {
      const AffAmendment *amendment = g_ptr_array_index (self->amendments, i);

      json_builder_begin_object (builder);
      aff_json_add_string (builder, "reference", amendment->reference);
      aff_json_add_date (builder, "date", &amendment->date);
      aff_json_add_money (builder, "revenue_change", amendment->revenue_change);
      aff_json_add_string (builder, "reason", amendment->reason);
      if (g_date_valid (&amendment->accepted))
        aff_json_add_date (builder, "accepted", &amendment->accepted);
      json_builder_set_member_name (builder, "budget_changes");
      json_builder_begin_array (builder);
      for (j = 0; j < amendment->changes->len; j++)
        {
          const BudgetChange *change = &g_array_index (amendment->changes, BudgetChange, j);

          json_builder_begin_object (builder);
          aff_json_add_string (builder, "work", change->work);
          aff_json_add_enum (builder, "category", AFF_TYPE_COST_CATEGORY, change->category);
          add_money_value (builder, "change", change->change, currency);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "billing");
  json_builder_begin_object (builder);
  if (g_date_valid (&self->acceptance))
    aff_json_add_date (builder, "acceptance", &self->acceptance);
  aff_json_add_boolean (builder, "bank_guarantee", self->bank_guarantee);
  json_builder_set_member_name (builder, "milestones");
  json_builder_begin_array (builder);
  for (i = 0; i < self->milestones->len; i++)
    _aff_billing_milestone_to_json (g_ptr_array_index (self->milestones, i), builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  bills_to_json (builder, "invoices", TRUE, self->invoices, currency);
  bills_to_json (builder, "payments", FALSE, self->payments, currency);
  if (g_date_valid (&self->closed))
    {
      json_builder_set_member_name (builder, "closed");
      json_builder_begin_object (builder);
      aff_json_add_date (builder, "date", &self->closed);
      aff_json_add_money (builder, "final_margin", self->final_margin);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "corrective_actions");
  json_builder_begin_array (builder);
  for (i = 0; i < self->actions->len; i++)
    _aff_corrective_action_to_json (g_ptr_array_index (self->actions, i), builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

typedef struct
{
  AffFinance *finance;
  const char *currency;
} Loading;

static gboolean
read_money_in (AffJsonReader  *reader,
               JsonObject     *object,
               const char     *member,
               const char     *currency,
               gint64         *minor,
               GError        **error)
{
  g_autoptr(AffMoney) money = NULL;

  if (!aff_json_get_money (reader, object, member, TRUE, &money, error))
    return FALSE;
  if (strcmp (aff_money_get_currency (money), currency) != 0)
    return aff_json_reader_fail_at (reader, member, error, _("expected an amount in %s, the contract's currency"),
                                    currency);
  *minor = aff_money_get_minor (money);
  return TRUE;
}

static gboolean
read_mark (AffJsonReader *reader,
           JsonNode      *element,
           GArray        *marks,
           const char    *currency,
           GError       **error)
{
  static const char *const progress_members[] = { "work", "date", "basis_points", NULL };
  static const char *const remaining_members[] = { "work", "date", "amount", NULL };
  g_autofree char *work = NULL;
  JsonObject *object;
  GDate date;
  gint64 value = 0;
  Mark mark;
  guint i;

  if (!(object = aff_json_expect_object (reader, element, error)) ||
      !aff_json_check_members (reader, object, currency == NULL ? progress_members : remaining_members, error) ||
      !aff_json_get_string (reader, object, "work", FALSE, &work, error) ||
      !aff_json_get_date (reader, object, "date", TRUE, &date, error))
    return FALSE;
  if (currency == NULL ? !aff_json_get_int (reader, object, "basis_points", TRUE, 0, 10000, &value, error)
                       : !read_money_in (reader, object, "amount", currency, &value, error))
    return FALSE;
  if (currency != NULL && value < 0)
    return aff_json_reader_fail_at (reader, "amount", error, _("expected an amount of 0 or more"));
  for (i = 0; i < marks->len; i++)
    if (g_strcmp0 (g_array_index (marks, Mark, i).work, work) == 0 &&
        g_date_compare (&g_array_index (marks, Mark, i).date, &date) == 0)
      return aff_json_reader_fail (reader, error, _("expected one figure per task or lot and day"));
  mark.work = g_steal_pointer (&work);
  mark.date = date;
  mark.day = g_date_get_julian (&date);
  mark.value = value;
  g_array_append_val (marks, mark);
  return TRUE;
}

static gboolean
read_progress (AffJsonReader *reader,
               JsonNode      *element,
               guint          index,
               gpointer       data,
               GError       **error)
{
  return read_mark (reader, element, ((Loading *) data)->finance->progress, NULL, error);
}

static gboolean
read_remaining (AffJsonReader *reader,
                JsonNode      *element,
                guint          index,
                gpointer       data,
                GError       **error)
{
  Loading *loading = data;

  return read_mark (reader, element, loading->finance->remaining, loading->currency, error);
}

static gboolean
read_change (AffJsonReader *reader,
             JsonNode      *element,
             guint          index,
             gpointer       data,
             GError       **error)
{
  static const char *const members[] = { "work", "category", "change", NULL };
  AffAmendment *amendment = data;
  const char *currency = aff_money_get_currency (amendment->revenue_change);
  g_autofree char *work = NULL;
  JsonObject *object;
  BudgetChange change = { 0 };
  int category = 0;
  guint i;

  if (!(object = aff_json_expect_object (reader, element, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "work", FALSE, &work, error) ||
      !aff_json_get_enum (reader, object, "category", TRUE, AFF_TYPE_COST_CATEGORY, &category, error) ||
      !read_money_in (reader, object, "change", currency, &change.change, error))
    return FALSE;
  for (i = 0; i < amendment->changes->len; i++)
    if ((int) g_array_index (amendment->changes, BudgetChange, i).category == category &&
        g_strcmp0 (g_array_index (amendment->changes, BudgetChange, i).work, work) == 0)
      return aff_json_reader_fail (reader, error, _("expected each task or lot and category once"));
  change.work = g_steal_pointer (&work);
  change.category = category;
  g_array_append_val (amendment->changes, change);
  return TRUE;
}

static gboolean
read_amendment (AffJsonReader *reader,
                JsonNode      *element,
                guint          index,
                gpointer       data,
                GError       **error)
{
  static const char *const members[] = {
    "reference", "date", "revenue_change", "reason", "accepted", "budget_changes", NULL
  };
  Loading *loading = data;
  g_autofree char *reference = NULL, *reason = NULL;
  g_autoptr(AffAmendment) amendment = NULL;
  g_autoptr(AffMoney) zero = aff_money_new (0, loading->currency, NULL);
  JsonObject *object;
  GDate date, accepted;
  gint64 revenue = 0;

  if (!(object = aff_json_expect_object (reader, element, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "reference", TRUE, &reference, error) ||
      !aff_json_get_date (reader, object, "date", TRUE, &date, error) ||
      !read_money_in (reader, object, "revenue_change", loading->currency, &revenue, error) ||
      !aff_json_get_string (reader, object, "reason", TRUE, &reason, error) ||
      !aff_json_get_date (reader, object, "accepted", FALSE, &accepted, error))
    return FALSE;
  if (!_aff_id_is_valid (reference))
    return aff_json_reader_fail_at (reader, "reference", error, _("expected an id of 1 to 64 bytes without spaces"));
  if (find_amendment (loading->finance, reference) != NULL)
    return aff_json_reader_fail_at (reader, "reference", error, _("expected each amendment once"));
  if (g_date_valid (&accepted) && g_date_compare (&accepted, &date) < 0)
    return aff_json_reader_fail_at (reader, "accepted", error, _("expected a date on or after the proposal"));
  amendment = aff_amendment_new (reference, &date, zero, reason);
  aff_money_free (amendment->revenue_change);
  amendment->revenue_change = aff_money_new (revenue, loading->currency, NULL);
  amendment->accepted = accepted;
  if (!aff_json_read_array (reader, object, "budget_changes", read_change, amendment, error))
    return FALSE;
  g_ptr_array_add (loading->finance->amendments, g_steal_pointer (&amendment));
  return TRUE;
}

static gboolean read_milestone (AffJsonReader *reader,
                                JsonNode      *element,
                                guint          index,
                                gpointer       data,
                                GError       **error);

static gboolean
read_bill (AffJsonReader *reader,
           JsonNode      *element,
           Loading       *loading,
           gboolean       invoice,
           GError       **error)
{
  static const char *const invoice_members[] = {
    "reference", "kind", "milestone", "date", "amount", "advance_recovered", "vat", "retention", "payable", NULL
  };
  static const char *const payment_members[] = { "invoice", "date", "amount", NULL };
  const char *key = invoice ? "reference" : "invoice";
  g_autofree char *reference = NULL, *milestone = NULL;
  JsonObject *object;
  const AffBill *billed;
  AffBill bill = { 0 };
  int kind = AFF_BILLING_KIND_OTHER;

  if (!(object = aff_json_expect_object (reader, element, error)) ||
      !aff_json_check_members (reader, object, invoice ? invoice_members : payment_members, error) ||
      !aff_json_get_string (reader, object, key, TRUE, &reference, error) ||
      !aff_json_get_date (reader, object, "date", TRUE, &bill.date, error) ||
      !read_money_in (reader, object, "amount", loading->currency, &bill.amount, error))
    return FALSE;
  if (invoice &&
      (!aff_json_get_enum (reader, object, "kind", TRUE, AFF_TYPE_BILLING_KIND, &kind, error) ||
       !aff_json_get_string (reader, object, "milestone", FALSE, &milestone, error) ||
       !read_money_in (reader, object, "advance_recovered", loading->currency, &bill.recovered, error) ||
       !read_money_in (reader, object, "vat", loading->currency, &bill.vat, error) ||
       !read_money_in (reader, object, "retention", loading->currency, &bill.retention, error) ||
       !read_money_in (reader, object, "payable", loading->currency, &bill.payable, error)))
    return FALSE;
  billed = find_bill (loading->finance->invoices, reference);
  if (invoice && !_aff_id_is_valid (reference))
    return aff_json_reader_fail_at (reader, key, error, _("expected an id of 1 to 64 bytes without spaces"));
  if (invoice && billed != NULL)
    return aff_json_reader_fail_at (reader, key, error, _("expected each invoice once"));
  if (!invoice && billed == NULL)
    return aff_json_reader_fail_at (reader, key, error, _("expected the number of an invoice of the affair"));
  if (!invoice && g_date_compare (&bill.date, &billed->date) < 0)
    return aff_json_reader_fail_at (reader, "date", error, _("expected a date on or after the invoice's"));
  bill.reference = g_steal_pointer (&reference);
  bill.milestone = g_steal_pointer (&milestone);
  bill.kind = kind;
  g_array_append_val (invoice ? loading->finance->invoices : loading->finance->payments, bill);
  return TRUE;
}

static gboolean
read_billing (AffJsonReader *reader,
              JsonObject    *finance,
              Loading       *loading,
              GError       **error)
{
  static const char *const members[] = { "acceptance", "bank_guarantee", "milestones", NULL };
  JsonObject *object = NULL;

  if (!aff_json_get_object (reader, finance, "billing", &object, error))
    return FALSE;
  if (object == NULL)
    return TRUE;
  {
    gsize mark = aff_json_reader_push_member (reader, "billing");
    gboolean ok = aff_json_check_members (reader, object, members, error) &&
                  aff_json_get_date (reader, object, "acceptance", FALSE, &loading->finance->acceptance, error) &&
                  aff_json_get_boolean (reader, object, "bank_guarantee", &loading->finance->bank_guarantee, error) &&
                  aff_json_read_array (reader, object, "milestones", read_milestone, loading, error);

    aff_json_reader_pop (reader, mark);
    return ok;
  }
}

static gboolean
read_invoice (AffJsonReader *reader,
              JsonNode      *element,
              guint          index,
              gpointer       data,
              GError       **error)
{
  return read_bill (reader, element, data, TRUE, error);
}

static gboolean
read_payment (AffJsonReader *reader,
              JsonNode      *element,
              guint          index,
              gpointer       data,
              GError       **error)
{
  return read_bill (reader, element, data, FALSE, error);
}

static gboolean
read_milestone (AffJsonReader *reader,
                JsonNode      *element,
                guint          index,
                gpointer       data,
                GError       **error)
{
  Loading *loading = data;
  AffBillingMilestone *milestone = _aff_billing_milestone_from_json (reader, element,
                                                                     loading->finance->milestones, error);

  if (milestone == NULL)
    return FALSE;
  g_ptr_array_add (loading->finance->milestones, milestone);
  return TRUE;
}

static gboolean
read_closed (AffJsonReader *reader,
             JsonObject    *finance,
             Loading       *loading,
             GError       **error)
{
  static const char *const members[] = { "date", "final_margin", NULL };
  JsonObject *object = NULL;
  gsize mark;
  gboolean ok;
  gint64 margin = 0;

  if (!aff_json_get_object (reader, finance, "closed", &object, error))
    return FALSE;
  if (object == NULL)
    return TRUE;
  mark = aff_json_reader_push_member (reader, "closed");
  ok = aff_json_check_members (reader, object, members, error) &&
       aff_json_get_date (reader, object, "date", TRUE, &loading->finance->closed, error) &&
       read_money_in (reader, object, "final_margin", loading->currency, &margin, error);
  aff_json_reader_pop (reader, mark);
  if (ok)
    loading->finance->final_margin = aff_money_new (margin, loading->currency, NULL);
  return ok;
}

static gboolean
read_action (AffJsonReader *reader,
             JsonNode      *element,
             guint          index,
             gpointer       data,
             GError       **error)
{
  Loading *loading = data;
  AffCorrectiveAction *action = _aff_corrective_action_from_json (reader, element, loading->currency, error);

  if (action == NULL)
    return FALSE;
  g_ptr_array_add (loading->finance->actions, action);
  return TRUE;
}

AffFinance *
_aff_finance_from_json (AffJsonReader *reader,
                        JsonNode      *node,
                        const char    *currency,
                        GError       **error)
{
  static const char *const members[] = {
    "eac_method", "ledger", "progress", "remaining", "amendments", "billing", "invoices", "payments",
    "corrective_actions", "closed", NULL
  };
  AffFinance *self = _aff_finance_new (currency);
  Loading loading = { self, currency };
  JsonObject *object;
  JsonNode *ledger;
  int method = AFF_EAC_METHOD_POLICY;

  if (node == NULL)
    return self;
  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_enum (reader, object, "eac_method", FALSE, AFF_TYPE_EAC_METHOD, &method, error))
    goto fail;
  self->eac_method = method;
  if ((ledger = json_object_get_member (object, "ledger")) != NULL)
    {
      gsize mark = aff_json_reader_push_member (reader, "ledger");
      AffLedger *read = _aff_ledger_from_json (reader, ledger, currency, error);

      aff_json_reader_pop (reader, mark);
      if (read == NULL)
        goto fail;
      g_object_unref (self->ledger);
      self->ledger = read;
    }
  if (!aff_json_read_array (reader, object, "progress", read_progress, &loading, error) ||
      !aff_json_read_array (reader, object, "remaining", read_remaining, &loading, error) ||
      !aff_json_read_array (reader, object, "amendments", read_amendment, &loading, error) ||
      !read_billing (reader, object, &loading, error) ||
      !aff_json_read_array (reader, object, "invoices", read_invoice, &loading, error) ||
      !aff_json_read_array (reader, object, "payments", read_payment, &loading, error) ||
      !aff_json_read_array (reader, object, "corrective_actions", read_action, &loading, error) ||
      !read_closed (reader, object, &loading, error))
    goto fail;
  if (g_date_valid (&self->closed))
    _aff_ledger_close (self->ledger);
  return self;

fail:
  _aff_finance_free (self);
  return NULL;
}
