/* aff-billing.c: the billing schedule of an affair, what is due and what is late
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
#include "aff-policy.h"
#include "aff-affair-status.h"
#include "aff-billing.h"
#include "aff-affair-private.h"
#include "aff-finance-private.h"
#include "aff-string-private.h"
#include "aff-doc-private.h"

/* Milestones ------------------------------------------------------------ */

/**
 * AffBillingMilestone:
 *
 * One step of an affair's billing schedule: the advance at the order, the
 * monthly progress situations, or a share of the price due when a task of
 * the plan is finished. The final invoice at the acceptance of the work and
 * the release of the retention a year later close every schedule.
 */

struct _AffBillingMilestone
{
  char *id;
  AffBillingKind kind;
  int basis_points;
  char *task_id;
};

/**
 * aff_billing_milestone_new:
 * @id: the milestone's id, unique within the affair's schedule
 * @kind: %AFF_BILLING_KIND_ADVANCE, %AFF_BILLING_KIND_SITUATION or
 *   %AFF_BILLING_KIND_MILESTONE
 * @basis_points: the share of the price it bills, in basis points: of the
 *   contract amount for the advance, of the revenue at completion for a
 *   milestone; 0 for the situations
 * @task_id: (nullable): for %AFF_BILLING_KIND_MILESTONE, the task of the
 *   plan whose finish makes it due
 *
 * Creates a billing milestone.
 *
 * Returns: (transfer full): a new milestone
 */
AffBillingMilestone *
aff_billing_milestone_new (const char     *id,
                           AffBillingKind  kind,
                           int             basis_points,
                           const char     *task_id)
{
  AffBillingMilestone *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_new0 (AffBillingMilestone, 1);
  self->id = g_strdup (id);
  self->kind = kind;
  self->basis_points = basis_points;
  self->task_id = g_strdup (task_id);
  return self;
}

/**
 * aff_billing_milestone_copy:
 * @self: a milestone
 *
 * Copies a billing milestone.
 *
 * Returns: (transfer full): a copy of @self
 */
AffBillingMilestone *
aff_billing_milestone_copy (const AffBillingMilestone *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return aff_billing_milestone_new (self->id, self->kind, self->basis_points, self->task_id);
}

/**
 * aff_billing_milestone_free:
 * @self: (nullable): a milestone
 *
 * Frees a billing milestone.
 */
void
aff_billing_milestone_free (AffBillingMilestone *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->task_id);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffBillingMilestone, aff_billing_milestone, aff_billing_milestone_copy,
                       aff_billing_milestone_free)

/**
 * aff_billing_milestone_get_id:
 * @self: a milestone
 *
 * Gets the milestone's id.
 *
 * Returns: the id
 */
const char *
aff_billing_milestone_get_id (const AffBillingMilestone *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id;
}

/**
 * aff_billing_milestone_get_kind:
 * @self: a milestone
 *
 * Gets what the milestone bills.
 *
 * Returns: the kind
 */
AffBillingKind
aff_billing_milestone_get_kind (const AffBillingMilestone *self)
{
  g_return_val_if_fail (self != NULL, AFF_BILLING_KIND_OTHER);
  return self->kind;
}

/**
 * aff_billing_milestone_get_basis_points:
 * @self: a milestone
 *
 * Gets the share of the price the milestone bills.
 *
 * Returns: the share, in basis points; 0 for the situations, the final
 *   invoice and the release of the retention
 */
int
aff_billing_milestone_get_basis_points (const AffBillingMilestone *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->basis_points;
}

/**
 * aff_billing_milestone_get_task_id:
 * @self: a milestone
 *
 * Gets the task whose finish makes the milestone due.
 *
 * Returns: (nullable): the task's id
 */
const char *
aff_billing_milestone_get_task_id (const AffBillingMilestone *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->task_id;
}

/* Items ----------------------------------------------------------------- */

enum { I_AMOUNT, I_RECOVERED, I_EXCLUDING, I_VAT, I_INCLUDING, I_RETENTION, I_PAYABLE, N_ITEM_MONEY };

/**
 * AffBillingItem:
 *
 * An invoice to send ([method@Aff.Affair.list_billing_due]): which step of
 * the schedule it bills, since when it is due and why, and its amounts: the
 * amount billed, the advance recovered on it, the amount excluding VAT that
 * results, the VAT, the amount including VAT, the retention held on it and
 * what the client is to pay.
 */

struct _AffBillingItem
{
  const char *milestone_id;   /* these two in @text */
  AffBillingKind kind;
  GDate due;
  char *reason;               /* NULL in the dashboard's own lists */
  const char *currency;
  gint64 money[N_ITEM_MONEY];
  AffMoney *cache[N_ITEM_MONEY];
  char text[];
};

/* One allocation per item, its milestone's id and currency after it. */
static AffBillingItem *
item_alloc (const char *milestone_id,
            const char *currency)
{
  gsize m = strlen (milestone_id) + 1, c = strlen (currency) + 1;
  AffBillingItem *item = g_malloc0 (sizeof *item + m + c);

  item->milestone_id = memcpy (item->text, milestone_id, m);
  item->currency = memcpy (item->text + m, currency, c);
  return item;
}

/**
 * aff_billing_item_copy:
 * @self: an item
 *
 * Copies a billing item.
 *
 * Returns: (transfer full): a copy of @self
 */
AffBillingItem *
aff_billing_item_copy (const AffBillingItem *self)
{
  AffBillingItem *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = item_alloc (self->milestone_id, self->currency);
  copy->kind = self->kind;
  copy->due = self->due;
  copy->reason = g_strdup (self->reason);
  memcpy (copy->money, self->money, sizeof copy->money);
  return copy;
}

/**
 * aff_billing_item_free:
 * @self: (nullable): an item
 *
 * Frees a billing item.
 */
void
aff_billing_item_free (AffBillingItem *self)
{
  guint i;

  if (self == NULL)
    return;
  g_free (self->reason);
  for (i = 0; i < N_ITEM_MONEY; i++)
    g_clear_pointer (&self->cache[i], aff_money_free);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffBillingItem, aff_billing_item, aff_billing_item_copy, aff_billing_item_free)

/**
 * aff_billing_item_get_milestone_id:
 * @self: an item
 *
 * Gets the id of the step of the schedule the item bills.
 *
 * Returns: the milestone's id
 */
const char *
aff_billing_item_get_milestone_id (const AffBillingItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->milestone_id;
}

/**
 * aff_billing_item_get_kind:
 * @self: an item
 *
 * Gets what the item bills.
 *
 * Returns: the kind
 */
AffBillingKind
aff_billing_item_get_kind (const AffBillingItem *self)
{
  g_return_val_if_fail (self != NULL, AFF_BILLING_KIND_OTHER);
  return self->kind;
}

/**
 * aff_billing_item_get_due_date:
 * @self: an item
 *
 * Gets the day the item became due: the signature for the advance, the
 * month's end for a situation, the finish of the task for a milestone, the
 * acceptance for the final invoice, a year after it for the retention (the
 * acceptance itself when a bank guarantee replaces the retention).
 *
 * Returns: (transfer none): the date
 */
const GDate *
aff_billing_item_get_due_date (const AffBillingItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->due;
}

/**
 * aff_billing_item_get_reason:
 * @self: an item
 *
 * Gets why the item is due and how its amount is computed, in the
 * policy's language.
 *
 * Returns: the reason
 */
const char *
aff_billing_item_get_reason (const AffBillingItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->reason;
}

static const AffMoney *
item_money (const AffBillingItem *self,
            guint                 which)
{
  return _aff_money_cached (&((AffBillingItem *) self)->cache[which], self->money[which], self->currency);
}

#define ITEM_MONEY(name, WHICH)                                              \
  const AffMoney *                                                           \
  aff_billing_item_get_##name (const AffBillingItem *self)                   \
  {                                                                          \
    g_return_val_if_fail (self != NULL, NULL);                               \
    return item_money (self, WHICH);                                         \
  }

/**
 * aff_billing_item_get_amount:
 * @self: an item
 *
 * Gets the amount billed, excluding VAT, before the advance recovered: the
 * advance, the situation, the milestone's share, the balance, or the
 * retention released.
 *
 * Returns: (transfer none): the amount
 */
ITEM_MONEY (amount, I_AMOUNT)
/**
 * aff_billing_item_get_advance_recovered:
 * @self: an item
 *
 * Gets the advance recovered on the item, excluding VAT.
 *
 * Returns: (transfer none): the amount recovered
 */
ITEM_MONEY (advance_recovered, I_RECOVERED)
/**
 * aff_billing_item_get_excluding_vat:
 * @self: an item
 *
 * Gets the amount of the invoice excluding VAT: the amount billed less the
 * advance recovered.
 *
 * Returns: (transfer none): the amount excluding VAT
 */
ITEM_MONEY (excluding_vat, I_EXCLUDING)
/**
 * aff_billing_item_get_vat:
 * @self: an item
 *
 * Gets the VAT of the invoice: the amount excluding VAT × the affair's VAT
 * rate, rounded half to even; none on the release of the retention, which
 * was taxed with the invoices it was held on.
 *
 * Returns: (transfer none): the VAT
 */
ITEM_MONEY (vat, I_VAT)
/**
 * aff_billing_item_get_including_vat:
 * @self: an item
 *
 * Gets the amount of the invoice including VAT.
 *
 * Returns: (transfer none): the amount including VAT
 */
ITEM_MONEY (including_vat, I_INCLUDING)
/**
 * aff_billing_item_get_retention:
 * @self: an item
 *
 * Gets the retention held on the invoice: its amount including VAT × the
 * affair's retention rate, rounded half to even; none on the advance, on the
 * release, or when a bank guarantee replaces the retention.
 *
 * Returns: (transfer none): the retention
 */
ITEM_MONEY (retention, I_RETENTION)
/**
 * aff_billing_item_get_payable:
 * @self: an item
 *
 * Gets what the client is to pay for the invoice: including VAT, less the
 * retention.
 *
 * Returns: (transfer none): the amount to pay
 */
ITEM_MONEY (payable, I_PAYABLE)

/* Late payments and supplier payments ----------------------------------- */

/**
 * AffLatePayment:
 *
 * An invoice not paid by its due date ([method@Aff.Affair.list_late_payments]):
 * what is still owed, how late, and what the late-payment rules of the Code
 * de commerce (L441-10) add: interest at the policy's rate for the days
 * late, and the fixed indemnity for recovery costs of 40 euros.
 */

struct _AffLatePayment
{
  char *invoice;
  GDate due;
  guint days_late;
  AffMoney *outstanding;
  AffMoney *interest;
  AffMoney *indemnity;
};

/**
 * aff_late_payment_copy:
 * @self: a late payment
 *
 * Copies a late payment.
 *
 * Returns: (transfer full): a copy of @self
 */
AffLatePayment *
aff_late_payment_copy (const AffLatePayment *self)
{
  AffLatePayment *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_new0 (AffLatePayment, 1);
  copy->invoice = g_strdup (self->invoice);
  copy->due = self->due;
  copy->days_late = self->days_late;
  copy->outstanding = aff_money_copy (self->outstanding);
  copy->interest = aff_money_copy (self->interest);
  copy->indemnity = aff_money_copy (self->indemnity);
  return copy;
}

/**
 * aff_late_payment_free:
 * @self: (nullable): a late payment
 *
 * Frees a late payment.
 */
void
aff_late_payment_free (AffLatePayment *self)
{
  if (self == NULL)
    return;
  g_free (self->invoice);
  aff_money_free (self->outstanding);
  aff_money_free (self->interest);
  aff_money_free (self->indemnity);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffLatePayment, aff_late_payment, aff_late_payment_copy, aff_late_payment_free)

/**
 * aff_late_payment_get_invoice:
 * @self: a late payment
 *
 * Gets the number of the invoice.
 *
 * Returns: the invoice's number
 */
const char *
aff_late_payment_get_invoice (const AffLatePayment *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->invoice;
}

/**
 * aff_late_payment_get_due_date:
 * @self: a late payment
 *
 * Gets the day the invoice was due: its date plus the affair's payment
 * days, then the end of that month when the terms say "end of month" (30
 * days when the contract gives none).
 *
 * Returns: (transfer none): the due date
 */
const GDate *
aff_late_payment_get_due_date (const AffLatePayment *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->due;
}

/**
 * aff_late_payment_get_days_late:
 * @self: a late payment
 *
 * Gets the calendar days from the due date to the date of the list.
 *
 * Returns: the days late
 */
guint
aff_late_payment_get_days_late (const AffLatePayment *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->days_late;
}

/**
 * aff_late_payment_get_outstanding:
 * @self: a late payment
 *
 * Gets what is still owed on the invoice: its amount to pay less the
 * payments received.
 *
 * Returns: (transfer none): the amount outstanding
 */
const AffMoney *
aff_late_payment_get_outstanding (const AffLatePayment *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->outstanding;
}

/**
 * aff_late_payment_get_interest:
 * @self: a late payment
 *
 * Gets the late-payment interest: outstanding × the policy's
 * [property@Aff.Policy:late-interest-rate] × days late / 365, rounded half
 * to even.
 *
 * Returns: (transfer none): the interest
 */
const AffMoney *
aff_late_payment_get_interest (const AffLatePayment *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->interest;
}

/**
 * aff_late_payment_get_indemnity:
 * @self: a late payment
 *
 * Gets the fixed indemnity for recovery costs the law grants per invoice
 * paid late: 40.00 EUR (Code de commerce D441-5), 0 for an affair in
 * another currency, which the French rule does not set.
 *
 * Returns: (transfer none): the indemnity
 */
const AffMoney *
aff_late_payment_get_indemnity (const AffLatePayment *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->indemnity;
}

/**
 * AffSupplierPayment:
 *
 * A supplier's or subcontractor's order to pay now that its work is
 * accepted ([method@Aff.Affair.list_supplier_payments_due]).
 */

struct _AffSupplierPayment
{
  char *document;
  char *supplier;
  char *task_id;
  GDate accepted;
  AffMoney *amount;
};

/**
 * aff_supplier_payment_copy:
 * @self: a supplier payment
 *
 * Copies a supplier payment.
 *
 * Returns: (transfer full): a copy of @self
 */
AffSupplierPayment *
aff_supplier_payment_copy (const AffSupplierPayment *self)
{
  AffSupplierPayment *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_new0 (AffSupplierPayment, 1);
  copy->document = g_strdup (self->document);
  copy->supplier = g_strdup (self->supplier);
  copy->task_id = g_strdup (self->task_id);
  copy->accepted = self->accepted;
  copy->amount = aff_money_copy (self->amount);
  return copy;
}

/**
 * aff_supplier_payment_free:
 * @self: (nullable): a supplier payment
 *
 * Frees a supplier payment.
 */
void
aff_supplier_payment_free (AffSupplierPayment *self)
{
  if (self == NULL)
    return;
  g_free (self->document);
  g_free (self->supplier);
  g_free (self->task_id);
  aff_money_free (self->amount);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffSupplierPayment, aff_supplier_payment, aff_supplier_payment_copy,
                       aff_supplier_payment_free)

/**
 * aff_supplier_payment_get_document:
 * @self: a supplier payment
 *
 * Gets the order (the document of the commitment in the ledger).
 *
 * Returns: the order's reference
 */
const char *
aff_supplier_payment_get_document (const AffSupplierPayment *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->document;
}

/**
 * aff_supplier_payment_get_supplier:
 * @self: a supplier payment
 *
 * Gets the supplier or subcontractor of the order.
 *
 * Returns: (nullable): the supplier
 */
const char *
aff_supplier_payment_get_supplier (const AffSupplierPayment *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->supplier;
}

/**
 * aff_supplier_payment_get_task_id:
 * @self: a supplier payment
 *
 * Gets the task the order is for.
 *
 * Returns: the task's id
 */
const char *
aff_supplier_payment_get_task_id (const AffSupplierPayment *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->task_id;
}

/**
 * aff_supplier_payment_get_accepted:
 * @self: a supplier payment
 *
 * Gets the day the work was accepted: the task's actual finish.
 *
 * Returns: (transfer none): the date
 */
const GDate *
aff_supplier_payment_get_accepted (const AffSupplierPayment *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->accepted;
}

/**
 * aff_supplier_payment_get_amount:
 * @self: a supplier payment
 *
 * Gets what remains to pay on the order: its amount less the invoices of
 * the supplier that settle it (see
 * [method@Aff.Ledger.get_open_commitments]).
 *
 * Returns: (transfer none): the amount
 */
const AffMoney *
aff_supplier_payment_get_amount (const AffSupplierPayment *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->amount;
}

/* The schedule ---------------------------------------------------------- */

static AffBillingMilestone *
find_milestone (GPtrArray  *milestones,
                const char *id)
{
  guint i;

  for (i = 0; i < milestones->len; i++)
    {
      AffBillingMilestone *milestone = g_ptr_array_index (milestones, i);

      if (strcmp (milestone->id, id) == 0)
        return milestone;
    }
  return NULL;
}

static gboolean
has_kind (GPtrArray      *milestones,
          AffBillingKind  kind)
{
  guint i;

  for (i = 0; i < milestones->len; i++)
    if (((AffBillingMilestone *) g_ptr_array_index (milestones, i))->kind == kind)
      return TRUE;
  return FALSE;
}

/* Why @milestone cannot join @earlier, or NULL. The plan is not looked at:
 * a document's milestones are checked without it. */
static const char *
milestone_problem (const AffBillingMilestone *milestone,
                   GPtrArray                 *earlier)
{
  int total = 0;
  guint i;

  if (!_aff_id_is_valid (milestone->id))
    return _("expected an id of 1 to 64 bytes without spaces");
  if (find_milestone (earlier, milestone->id) != NULL)
    return _("expected each id once");
  switch (milestone->kind)
    {
    case AFF_BILLING_KIND_ADVANCE:
      if (has_kind (earlier, AFF_BILLING_KIND_ADVANCE))
        return _("expected one advance");
      if (milestone->basis_points <= 0 || milestone->basis_points > 10000 || milestone->task_id != NULL)
        return _("expected an advance of 1 to 10000 basis points, without task");
      return NULL;
    case AFF_BILLING_KIND_SITUATION:
      if (has_kind (earlier, AFF_BILLING_KIND_SITUATION))
        return _("expected the situations once");
      if (milestone->basis_points != 0 || milestone->task_id != NULL)
        return _("expected situations without share or task: they bill the progress");
      return NULL;
    case AFF_BILLING_KIND_MILESTONE:
      if (milestone->basis_points <= 0 || milestone->basis_points > 10000 || milestone->task_id == NULL)
        return _("expected a share of 1 to 10000 basis points and a task");
      total = milestone->basis_points;
      for (i = 0; i < earlier->len; i++)
        {
          const AffBillingMilestone *other = g_ptr_array_index (earlier, i);

          if (other->kind == AFF_BILLING_KIND_MILESTONE)
            total += other->basis_points;
        }
      if (total > 10000)
        return _("expected milestones billing 10000 basis points at most in all");
      return NULL;
    case AFF_BILLING_KIND_FINAL:
    case AFF_BILLING_KIND_RETENTION_RELEASE:
      return _("the final invoice and the release of the retention close every schedule: they are not added");
    case AFF_BILLING_KIND_OTHER:
    default:
      return _("expected an advance, the situations or a milestone");
    }
}

/**
 * aff_affair_add_billing_milestone:
 * @self: an affair
 * @milestone: a milestone
 * @error: return location for a #GError
 *
 * Adds a step to the affair's own billing schedule. Until it has one, the
 * schedule follows the accepted offer's terms: an advance of its advance
 * rate (if any) and the monthly situations (if it bills by progress). With
 * one, the terms no longer apply: the affair's milestones are the schedule.
 * At most one advance and one set of situations; milestones name a task of
 * the plan and bill 10000 basis points at most in all. The final invoice and
 * the release of the retention end every schedule. Journaled.
 *
 * Returns: %TRUE if added; %FALSE with %AFF_ERROR_INVALID_VALUE (naming the
 *   milestone and the rule) or %AFF_ERROR_NOT_FOUND (an unknown task) set
 */
gboolean
aff_affair_add_billing_milestone (AffAffair                  *self,
                                  const AffBillingMilestone  *milestone,
                                  GError                    **error)
{
  GPtrArray *milestones;
  const char *problem;
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), FALSE);
  g_return_val_if_fail (milestone != NULL, FALSE);

  milestones = _aff_finance_get_milestones (_aff_affair_get_finance (self));
  if (!_aff_finance_check_open (_aff_affair_get_finance (self), aff_affair_get_id (self), error))
    return FALSE;
  if ((problem = milestone_problem (milestone, milestones)) != NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE, _("Billing milestone “%s”: %s"), milestone->id, problem);
      return FALSE;
    }
  if (milestone->task_id != NULL && aff_plan_lookup_task (aff_affair_get_plan (self), milestone->task_id) == NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND, _("Billing milestone “%s”: the plan has no task “%s”"),
                   milestone->id, milestone->task_id);
      return FALSE;
    }
  g_ptr_array_add (milestones, aff_billing_milestone_copy (milestone));
  details = json_object_new ();
  json_object_set_string_member (details, "milestone", milestone->id);
  json_object_set_string_member (details, "kind", aff_enum_to_nick (AFF_TYPE_BILLING_KIND, milestone->kind));
  json_object_set_int_member (details, "basis_points", milestone->basis_points);
  if (milestone->task_id != NULL)
    json_object_set_string_member (details, "task", milestone->task_id);
  _aff_finance_record (_aff_affair_get_finance (self), "billing-milestone-added", details);
  return TRUE;
}

/* The schedule as the affair has it, without a copy: what is due is
 * listed for every affair of a dashboard. */
typedef struct
{
  GPtrArray *own;
  AffBillingMilestone implied[4];
  guint n_implied;
} Schedule;

static void
schedule_imply (Schedule       *schedule,
                const char     *id,
                AffBillingKind  kind,
                int             basis_points)
{
  schedule->implied[schedule->n_implied++] = (AffBillingMilestone) { (char *) id, kind, basis_points, NULL };
}

static void
schedule_init (Schedule  *schedule,
               AffAffair *self)
{
  schedule->own = _aff_finance_get_milestones (_aff_affair_get_finance (self));
  schedule->n_implied = 0;
  if (schedule->own->len == 0)
    {
      if (self->advance_rate > 0)
        schedule_imply (schedule, "acompte", AFF_BILLING_KIND_ADVANCE, self->advance_rate);
      if (self->progress_billing)
        schedule_imply (schedule, "situations", AFF_BILLING_KIND_SITUATION, 0);
    }
  schedule_imply (schedule, "solde", AFF_BILLING_KIND_FINAL, 0);
  if (self->retention_rate > 0)
    schedule_imply (schedule, "retenue", AFF_BILLING_KIND_RETENTION_RELEASE, 0);
}

static guint
schedule_length (const Schedule *schedule)
{
  return schedule->own->len + schedule->n_implied;
}

static const AffBillingMilestone *
schedule_get (const Schedule *schedule,
              guint           i)
{
  return i < schedule->own->len ? g_ptr_array_index (schedule->own, i) : &schedule->implied[i - schedule->own->len];
}

/**
 * aff_affair_list_billing_milestones:
 * @self: an affair
 *
 * Lists the steps of the affair's billing schedule: its own milestones in
 * the order added or, without any, those of the accepted offer's terms (an
 * advance "acompte" of the advance rate, the situations "situations" when it
 * bills by progress); then the final invoice "solde" and, when the affair
 * holds a retention, its release "retenue".
 *
 * Returns: (transfer container) (element-type AffBillingMilestone): the
 *   schedule
 */
GPtrArray *
aff_affair_list_billing_milestones (AffAffair *self)
{
  Schedule schedule;
  GPtrArray *result;
  guint i;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);

  schedule_init (&schedule, self);
  result = g_ptr_array_new_full (schedule_length (&schedule), (GDestroyNotify) aff_billing_milestone_free);
  for (i = 0; i < schedule_length (&schedule); i++)
    g_ptr_array_add (result, aff_billing_milestone_copy (schedule_get (&schedule, i)));
  return result;
}

/**
 * aff_affair_record_acceptance:
 * @self: an affair
 * @date: the day the client accepted the work (réception)
 * @bank_guarantee: whether a bank guarantee (caution bancaire) replaces the
 *   retention: then none is held on the invoices made from that day on, and
 *   what was held before is released at once
 * @error: return location for a #GError
 *
 * Records the acceptance of the work: the final invoice becomes due, and the
 * release of the retention a year later. Journaled.
 *
 * Returns: %TRUE if recorded; %FALSE with %AFF_ERROR_INVALID_VALUE (an
 *   invalid date, or before the signature) or
 *   %AFF_ERROR_INVALID_TRANSITION (already accepted) set
 */
gboolean
aff_affair_record_acceptance (AffAffair    *self,
                              const GDate  *date,
                              gboolean      bank_guarantee,
                              GError      **error)
{
  AffFinance *finance;
  gboolean *guarantee;
  GDate *acceptance;
  JsonObject *details;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), FALSE);

  finance = _aff_affair_get_finance (self);
  acceptance = _aff_finance_get_acceptance (finance, &guarantee);
  if (!_aff_finance_check_open (finance, aff_affair_get_id (self), error))
    return FALSE;
  if (date == NULL || !g_date_valid (date) || g_date_compare (date, aff_affair_get_signed_date (self)) < 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("Affair “%s”: the acceptance needs a valid date, not before the signature"),
                   aff_affair_get_id (self));
      return FALSE;
    }
  if (g_date_valid (acceptance))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION, _("Affair “%s” is already accepted"),
                   aff_affair_get_id (self));
      return FALSE;
    }
  *acceptance = *date;
  *guarantee = bank_guarantee;
  details = json_object_new ();
  iso = aff_date_to_iso (date);
  json_object_set_string_member (details, "date", iso);
  json_object_set_boolean_member (details, "bank_guarantee", bank_guarantee);
  _aff_finance_record (finance, "acceptance-recorded", details);
  return TRUE;
}

/**
 * aff_affair_get_acceptance:
 * @self: an affair
 * @date: (out caller-allocates) (optional): where to store the date
 * @bank_guarantee: (out) (optional): where to store whether a bank
 *   guarantee replaces the retention
 *
 * Tells whether the work was accepted, and when.
 *
 * Returns: %TRUE if accepted
 */
gboolean
aff_affair_get_acceptance (AffAffair *self,
                           GDate     *date,
                           gboolean  *bank_guarantee)
{
  gboolean *guarantee;
  GDate *acceptance;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), FALSE);

  acceptance = _aff_finance_get_acceptance (_aff_affair_get_finance (self), &guarantee);
  if (!g_date_valid (acceptance))
    return FALSE;
  if (date != NULL)
    *date = *acceptance;
  if (bank_guarantee != NULL)
    *bank_guarantee = *guarantee;
  return TRUE;
}

/* What the invoices sent so far add up to. */
typedef struct
{
  gint64 advance;             /* advances billed */
  gint64 recovered;           /* advance recovered */
  gint64 work;                /* work billed: situations, milestones, final, by hand */
  gint64 situations;
  gint64 retention;           /* retention held */
  gboolean final_sent;
  gboolean released;
  GDate last_situation;       /* cleared when none */
} Sent;

static gboolean
sum_sent (GArray  *invoices,
          guint32  day,
          Sent    *sent)
{
  gboolean overflow = FALSE;
  guint i;

  memset (sent, 0, sizeof *sent);
  g_date_clear (&sent->last_situation, 1);
  for (i = 0; i < invoices->len; i++)
    {
      const AffBill *bill = &g_array_index (invoices, AffBill, i);

      /* The billing as it stood on the day asked about. */
      if (g_date_get_julian (&bill->date) > day)
        continue;

      overflow |= __builtin_add_overflow (sent->recovered, bill->recovered, &sent->recovered);
      overflow |= __builtin_add_overflow (sent->retention, bill->retention, &sent->retention);
      switch (bill->kind)
        {
        case AFF_BILLING_KIND_ADVANCE:
          overflow |= __builtin_add_overflow (sent->advance, bill->amount, &sent->advance);
          break;
        case AFF_BILLING_KIND_RETENTION_RELEASE:
          sent->released = TRUE;
          break;
        case AFF_BILLING_KIND_SITUATION:
          overflow |= __builtin_add_overflow (sent->situations, bill->amount, &sent->situations);
          if (!g_date_valid (&sent->last_situation) || g_date_compare (&bill->date, &sent->last_situation) > 0)
            sent->last_situation = bill->date;
          overflow |= __builtin_add_overflow (sent->work, bill->amount, &sent->work);
          break;
        case AFF_BILLING_KIND_FINAL:
          sent->final_sent = TRUE;
          overflow |= __builtin_add_overflow (sent->work, bill->amount, &sent->work);
          break;
        default:
          overflow |= __builtin_add_overflow (sent->work, bill->amount, &sent->work);
          break;
        }
    }
  return !overflow;
}

static gboolean
invoiced (GArray     *invoices,
          const char *milestone,
          guint32     day)
{
  guint i;

  for (i = 0; i < invoices->len; i++)
    if (g_strcmp0 (g_array_index (invoices, AffBill, i).milestone, milestone) == 0 &&
        g_date_get_julian (&g_array_index (invoices, AffBill, i).date) <= day)
      return TRUE;
  return FALSE;
}

typedef struct
{
  AffAffair *affair;
  const char *currency;
  gint64 revenue;             /* at completion on the date */
  gint64 contract;
  int vat_rate;
  int retention_rate;
  gboolean guarantee;
  Sent sent;
  guint lang;
  gboolean with_reasons;      /* FALSE: the figures alone, for a dashboard */
  gboolean overflow;
} Billing;

/* Completes an item from its amount: the advance recovered pro rata of the
 * work billed (all of what is left on the final invoice), VAT, retention. */
static AffBillingItem *
item_new (Billing                   *b,
          const AffBillingMilestone *milestone,
          const GDate               *due,
          gint64                     amount,
          GPtrArray                 *items)
{
  AffBillingItem *item = item_alloc (milestone->id, b->currency);
  gint64 *m = item->money, recovered = 0, work_after;
  gboolean work = milestone->kind != AFF_BILLING_KIND_ADVANCE &&
                  milestone->kind != AFF_BILLING_KIND_RETENTION_RELEASE;

  item->kind = milestone->kind;
  item->due = *due;
  m[I_AMOUNT] = amount;
  if (work && b->sent.advance > 0)
    {
      b->overflow |= __builtin_add_overflow (b->sent.work, amount, &work_after);
      if (milestone->kind == AFF_BILLING_KIND_FINAL || work_after >= b->revenue)
        recovered = b->sent.advance - b->sent.recovered;
      else
        recovered = _aff_scale (b->sent.advance, work_after, b->revenue, &b->overflow) - b->sent.recovered;
      recovered = CLAMP (recovered, 0, b->sent.advance - b->sent.recovered);
    }
  m[I_RECOVERED] = recovered;
  b->overflow |= __builtin_sub_overflow (amount, recovered, &m[I_EXCLUDING]);
  if (milestone->kind != AFF_BILLING_KIND_RETENTION_RELEASE)
    m[I_VAT] = _aff_scale (m[I_EXCLUDING], b->vat_rate, 10000, &b->overflow);
  b->overflow |= __builtin_add_overflow (m[I_EXCLUDING], m[I_VAT], &m[I_INCLUDING]);
  if (work && !b->guarantee)
    m[I_RETENTION] = _aff_scale (m[I_INCLUDING], b->retention_rate, 10000, &b->overflow);
  b->overflow |= __builtin_sub_overflow (m[I_INCLUDING], m[I_RETENTION], &m[I_PAYABLE]);
  g_ptr_array_add (items, item);
  return item;
}

/* The last day of the month before the one of @date, or @date itself when
 * it ends its month. */
static void
month_end_on_or_before (const GDate *date,
                        GDate       *end)
{
  *end = *date;
  if (g_date_is_last_of_month (end))
    return;
  g_date_set_day (end, 1);
  g_date_subtract_days (end, 1);
}

static void
add_situation (Billing                   *b,
               const AffBillingMilestone *milestone,
               const GDate               *date,
               GPtrArray                 *items)
{
  guint lang = b->lang;
  const GDate *signed_on = &b->affair->signed_date;
  g_autoptr(AffAffairStatus) status = NULL;
  g_autofree char *cumulative_text = NULL, *before_text = NULL, *revenue_text = NULL, *progress_text = NULL;
  g_autofree char *end_text = NULL;
  AffBillingItem *item;
  double progress = 0;
  gint64 cumulative, amount;
  GDate end;

  month_end_on_or_before (date, &end);
  /* Once the final invoice is out, the work is billed in full: a later
   * situation would bill it twice. */
  if (b->sent.final_sent || g_date_compare (&end, signed_on) < 0 ||
      (g_date_valid (&b->sent.last_situation) && g_date_compare (&b->sent.last_situation, &end) >= 0))
    return;
  if ((status = aff_affair_compute_status (b->affair, &end, NULL)) == NULL)
    {
      b->overflow = TRUE;
      return;
    }
  /* The progress is EV / BAC: exact, so the situation is too. */
  cumulative = _aff_scale (aff_money_get_minor (aff_affair_status_get_revenue_at_completion (status)),
                      aff_money_get_minor (aff_affair_status_get_ev (status)),
                      aff_money_get_minor (aff_affair_status_get_bac (status)), &b->overflow);
  /* Never more than the work left to bill (milestones and invoices by
   * hand count too). */
  amount = MIN (cumulative - b->sent.situations, b->revenue - b->sent.work);
  if (amount <= 0)
    return;
  item = item_new (b, milestone, &end, amount, items);
  if (!b->with_reasons)
    return;
  aff_affair_status_get_physical_progress (status, &progress);
  progress_text = _aff_language_decimal (lang, progress * 100, 2);
  cumulative_text = _aff_money_text (lang, cumulative, b->currency);
  before_text = _aff_money_text (lang, b->sent.situations, b->currency);
  revenue_text = _aff_money_text (lang, aff_money_get_minor (aff_affair_status_get_revenue_at_completion (status)),
                                  b->currency);
  end_text = _aff_doc_format_date (lang, &end);
  item->reason = g_strdup_printf (L ("Situation au %s : avancement %s %% de %s, "
                                     "soit %s cumulés, moins %s déjà facturés en situations",
                                     "Progress invoice at %s: %s %% done of %s, "
                                     "%s in all, less %s already billed in progress invoices"),
                                  end_text, progress_text, revenue_text, cumulative_text, before_text);
}

static void
add_milestone (Billing                   *b,
               const AffBillingMilestone *milestone,
               const GDate               *date,
               GPtrArray                 *items)
{
  guint lang = b->lang;
  AffTask *task = aff_plan_lookup_task (b->affair->plan, milestone->task_id);
  const GDate *finished = task != NULL ? aff_task_get_actual_finish (task) : NULL;
  g_autofree char *revenue_text = NULL, *share_text = NULL;
  AffBillingItem *item;

  if (finished == NULL || !g_date_valid (finished) || g_date_compare (finished, date) > 0)
    return;
  item = item_new (b, milestone, finished, _aff_scale (b->revenue, milestone->basis_points, 10000, &b->overflow),
                   items);
  if (!b->with_reasons)
    return;
  revenue_text = _aff_money_text (lang, b->revenue, b->currency);
  share_text = _aff_language_decimal (lang, milestone->basis_points / 100.0, 2);
  item->reason = g_strdup_printf (L ("%s terminée : %s %% de %s", "%s finished: %s %% of %s"), milestone->task_id,
                                  share_text, revenue_text);
}

/**
 * aff_affair_list_billing_due:
 * @self: an affair
 * @date: the date
 * @error: return location for a #GError
 *
 * Lists the invoices to send on @date, in the order of the schedule
 * ([method@Aff.Affair.list_billing_milestones]), each step not yet invoiced
 * by then (invoices dated after @date are not counted):
 *
 * - the advance, from the signature: its share of the contract amount;
 * - the situation of the last month ended by @date (the date itself when it
 *   ends a month), when none was invoiced on or after that day: the revenue
 *   at completion × the physical progress (EV / BAC) of that day, less the
 *   situations invoiced, when positive;
 * - each milestone whose task has an actual finish on or before @date: its
 *   share of the revenue at completion;
 * - the final invoice, from the acceptance: the revenue at completion less
 *   all the work invoiced, when positive;
 * - the release of the retention held, without VAT: a year after the
 *   acceptance, or at the acceptance when a bank guarantee replaces it.
 *
 * On the invoices of work, the advance is recovered pro rata: after the
 * item, advance × work invoiced / revenue at completion is recovered in
 * all; the final invoice recovers what is left. VAT is the affair's rate of
 * the amount less the recovery; the retention is the affair's rate of the
 * amount including VAT. Each rounding is half to even.
 *
 * Returns: (transfer container) (element-type AffBillingItem): the items,
 *   or %NULL with %AFF_ERROR_OVERFLOW set
 */
GPtrArray *
aff_affair_list_billing_due (AffAffair    *self,
                             const GDate  *date,
                             GError      **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_billing_item_free);
  if (!_aff_affair_add_billing_due (self, date, TRUE, NULL, items, error))
    return NULL;
  return g_steal_pointer (&items);
}

gboolean
_aff_affair_add_billing_due (AffAffair    *self,
                             const GDate  *date,
                             gboolean      with_reasons,
                             const gint64 *revenue,
                             GPtrArray    *items,
                             GError      **error)
{
  Schedule schedule;
  AffFinance *finance;
  GArray *invoices;
  gboolean *guarantee;
  GDate *acceptance;
  Billing b = { 0 };
  guint lang, i;

  finance = _aff_affair_get_finance (self);
  invoices = _aff_finance_get_invoices (finance);
  acceptance = _aff_finance_get_acceptance (finance, &guarantee);
  b.affair = self;
  b.currency = aff_money_get_currency (self->contract_amount);
  b.contract = aff_money_get_minor (self->contract_amount);
  b.revenue = revenue != NULL ? *revenue : _aff_affair_revenue_at_completion (self, g_date_get_julian (date), &b.overflow);
  b.vat_rate = self->vat_rate;
  b.retention_rate = self->retention_rate;
  b.guarantee = *guarantee;
  b.lang = lang = _aff_affair_language (self);
  b.with_reasons = with_reasons;
  b.overflow |= !sum_sent (invoices, g_date_get_julian (date), &b.sent);

  schedule_init (&schedule, self);
  for (i = 0; i < schedule_length (&schedule); i++)
    {
      const AffBillingMilestone *milestone = schedule_get (&schedule, i);
      const GDate *signed_on = &self->signed_date;
      AffBillingItem *item;

      if (milestone->kind != AFF_BILLING_KIND_SITUATION &&
          invoiced (invoices, milestone->id, g_date_get_julian (date)))
        continue;
      switch (milestone->kind)
        {
        case AFF_BILLING_KIND_ADVANCE:
          if (g_date_compare (date, signed_on) >= 0)
            {
              item = item_new (&b, milestone, signed_on,
                               _aff_scale (b.contract, milestone->basis_points, 10000, &b.overflow), items);
              if (with_reasons)
                {
                  g_autofree char *contract_text = _aff_money_text (lang, b.contract, b.currency);
                  g_autofree char *share_text = _aff_language_decimal (lang, milestone->basis_points / 100.0, 2);

                  item->reason = g_strdup_printf (L ("Acompte à la commande : %s %% de %s",
                                                     "Advance at the order: %s %% of %s"),
                                                  share_text, contract_text);
                }
            }
          break;
        case AFF_BILLING_KIND_SITUATION:
          add_situation (&b, milestone, date, items);
          break;
        case AFF_BILLING_KIND_MILESTONE:
          add_milestone (&b, milestone, date, items);
          break;
        case AFF_BILLING_KIND_FINAL:
          if (g_date_valid (acceptance) && g_date_compare (acceptance, date) <= 0 && b.revenue > b.sent.work)
            {
              item = item_new (&b, milestone, acceptance, b.revenue - b.sent.work, items);
              if (with_reasons)
                {
                  g_autofree char *revenue_text = _aff_money_text (lang, b.revenue, b.currency);
                  g_autofree char *work_text = _aff_money_text (lang, b.sent.work, b.currency);

                  item->reason = g_strdup_printf (L ("Solde à la réception : %s moins %s déjà facturés",
                                                     "Balance at the acceptance: %s less %s already billed"),
                                                  revenue_text, work_text);
                }
            }
          break;
        case AFF_BILLING_KIND_RETENTION_RELEASE:
          /* A bank guarantee given at the acceptance frees what was held
           * before at once; otherwise the retention is held a year. */
          if (g_date_valid (acceptance) && b.sent.retention > 0)
            {
              GDate release = *acceptance;

              if (!*guarantee)
                g_date_add_years (&release, 1);
              if (g_date_compare (&release, date) <= 0)
                {
                  item = item_new (&b, milestone, &release, b.sent.retention, items);
                  if (with_reasons)
                    {
                      g_autofree char *held_text = _aff_money_text (lang, b.sent.retention, b.currency);

                      item->reason = g_strdup_printf (L ("Libération de la retenue de garantie (%s), un an après "
                                                         "la réception",
                                                         "Release of the retention (%s), a year after the "
                                                         "acceptance"),
                                                      held_text);
                    }
                }
            }
          break;
        case AFF_BILLING_KIND_OTHER:
        default:
          break;
        }
    }
  if (b.overflow)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW, _("Affair “%s”: a billing figure overflows 64 bits"),
                   aff_affair_get_id (self));
      return FALSE;
    }
  return TRUE;
}

/**
 * aff_affair_invoice_billing_item:
 * @self: an affair
 * @item: an item of [method@Aff.Affair.list_billing_due]
 * @reference: the invoice's number, unique within the affair
 * @date: the date of the invoice
 * @error: return location for a #GError
 *
 * Records the invoice of a billing item. Its figures are those of the item
 * as due on @date, computed again: an item listed earlier that the
 * invoices since have changed is invoiced as it stands now. Journaled.
 *
 * Returns: %TRUE if recorded; %FALSE with %AFF_ERROR_INVALID_TRANSITION
 *   (nothing of that step is due on @date), %AFF_ERROR_DUPLICATE_ID,
 *   %AFF_ERROR_INVALID_VALUE or %AFF_ERROR_OVERFLOW set
 */
gboolean
aff_affair_invoice_billing_item (AffAffair             *self,
                                 const AffBillingItem  *item,
                                 const char            *reference,
                                 const GDate           *date,
                                 GError               **error)
{
  g_autoptr(GPtrArray) due = NULL;
  AffFinance *finance;
  const AffBillingItem *current = NULL;
  AffBill bill = { 0 };
  guint i;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), FALSE);
  g_return_val_if_fail (item != NULL && reference != NULL, FALSE);

  finance = _aff_affair_get_finance (self);
  if (date == NULL || !g_date_valid (date) || !_aff_id_is_valid (reference))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("Invoice “%s”: expected a valid date and a number of 1 to 64 bytes without spaces"), reference);
      return FALSE;
    }
  for (i = 0; i < _aff_finance_get_invoices (finance)->len; i++)
    if (strcmp (g_array_index (_aff_finance_get_invoices (finance), AffBill, i).reference, reference) == 0)
      {
        g_set_error (error, AFF_ERROR, AFF_ERROR_DUPLICATE_ID, _("Affair “%s” already has an invoice “%s”"),
                     aff_affair_get_id (self), reference);
        return FALSE;
      }
  if ((due = aff_affair_list_billing_due (self, date, error)) == NULL)
    return FALSE;
  for (i = 0; i < due->len; i++)
    if (strcmp (((AffBillingItem *) g_ptr_array_index (due, i))->milestone_id, item->milestone_id) == 0)
      current = g_ptr_array_index (due, i);
  /* A closed affair still releases its retention. */
  if (current != NULL && current->kind != AFF_BILLING_KIND_RETENTION_RELEASE &&
      !_aff_finance_check_open (finance, aff_affair_get_id (self), error))
    return FALSE;
  if (current == NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                   _("Affair “%s”: nothing of “%s” is due on that day"), aff_affair_get_id (self),
                   item->milestone_id);
      return FALSE;
    }
  bill.reference = g_strdup (reference);
  bill.date = *date;
  bill.amount = current->money[I_AMOUNT];
  bill.kind = current->kind;
  bill.milestone = g_strdup (current->milestone_id);
  bill.recovered = current->money[I_RECOVERED];
  bill.vat = current->money[I_VAT];
  bill.retention = current->money[I_RETENTION];
  bill.payable = current->money[I_PAYABLE];
  _aff_finance_add_invoice (finance, &bill, current->currency);
  return TRUE;
}

/* The day an invoice is to be paid (Code de commerce L441-10): its date
 * plus the payment days, then the end of that month for "end of month"
 * terms; 30 days when the contract says nothing. */
gint64
_aff_bill_owed (const AffBill *bill,
                GArray        *payments,
                guint32        day,
                gboolean      *overflow)
{
  gint64 owed = bill->payable;
  guint j;

  for (j = 0; j < payments->len; j++)
    {
      const AffBill *paid = &g_array_index (payments, AffBill, j);

      if (_aff_str_equal0 (paid->reference, bill->reference) && g_date_get_julian (&paid->date) <= day)
        *overflow |= __builtin_sub_overflow (owed, paid->amount, &owed);
    }
  return owed;
}

guint
_aff_affair_payment_days (AffAffair *self)
{
  guint days = self->payment_days;

  return days > 0 ? days : 30;
}

void
_aff_affair_payment_due (AffAffair   *self,
                         const GDate *invoiced_on,
                         GDate       *due)
{
  *due = *invoiced_on;
  g_date_add_days (due, _aff_affair_payment_days (self));
  if (self->payment_end_of_month)
    g_date_set_day (due, g_date_get_days_in_month (g_date_get_month (due), g_date_get_year (due)));
}

/**
 * aff_affair_list_late_payments:
 * @self: an affair
 * @date: the date
 * @error: return location for a #GError
 *
 * Lists the invoices still not fully paid on @date after their due date,
 * in the order they were sent, with the interest and indemnity the law
 * adds (see [struct@Aff.LatePayment]).
 *
 * Returns: (transfer container) (element-type AffLatePayment): the late
 *   payments, or %NULL with %AFF_ERROR_OVERFLOW set
 */
GPtrArray *
aff_affair_list_late_payments (AffAffair    *self,
                               const GDate  *date,
                               GError      **error)
{
  AffFinance *finance;
  AffPolicy *policy;
  GArray *invoices, *payments;
  g_autoptr(GPtrArray) late = NULL;
  const char *currency;
  guint32 day;
  guint rate, i;
  gboolean overflow = FALSE;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  finance = _aff_affair_get_finance (self);
  invoices = _aff_finance_get_invoices (finance);
  payments = _aff_finance_get_payments (finance);
  policy = _aff_affair_get_policy (self);
  rate = policy != NULL ? aff_policy_get_late_interest_rate (policy) : 1215;
  currency = aff_money_get_currency (self->contract_amount);
  day = g_date_get_julian (date);
  late = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_late_payment_free);
  for (i = 0; i < invoices->len; i++)
    {
      const AffBill *bill = &g_array_index (invoices, AffBill, i);
      gint64 outstanding, interest = 0;
      AffLatePayment *item;
      GDate due;

      if (g_date_get_julian (&bill->date) > day)
        continue;
      outstanding = _aff_bill_owed (bill, payments, day, &overflow);
      _aff_affair_payment_due (self, &bill->date, &due);
      if (outstanding <= 0 || g_date_get_julian (&due) >= day)
        continue;
      item = g_new0 (AffLatePayment, 1);
      item->invoice = g_strdup (bill->reference);
      item->due = due;
      item->days_late = day - g_date_get_julian (&due);
      if (!_aff_round_half_even ((AffInt128) outstanding * rate * item->days_late, (AffInt128) 10000 * 365,
                                 &interest))
        overflow = TRUE;
      item->outstanding = aff_money_new (outstanding, currency, NULL);
      item->interest = aff_money_new (interest, currency, NULL);
      item->indemnity = aff_money_new (strcmp (currency, "EUR") == 0 ? 4000 : 0, currency, NULL);
      g_ptr_array_add (late, item);
    }
  if (overflow)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW, _("Affair “%s”: a late payment overflows 64 bits"),
                   aff_affair_get_id (self));
      return NULL;
    }
  return g_steal_pointer (&late);
}

/**
 * aff_affair_list_supplier_payments_due:
 * @self: an affair
 * @date: the date
 * @error: return location for a #GError
 *
 * Lists the orders of the ledger to pay on @date: each commitment charged to
 * a task of the plan whose actual finish (the acceptance of the supplier's
 * work or delivery) is on or before @date, with what remains open on it, in
 * the ledger's order.
 *
 * Returns: (transfer container) (element-type AffSupplierPayment): the
 *   payments due, or %NULL with %AFF_ERROR_OVERFLOW set
 */
GPtrArray *
aff_affair_list_supplier_payments_due (AffAffair    *self,
                                       const GDate  *date,
                                       GError      **error)
{
  AffLedger *ledger;
  AffPlan *plan;
  const AffLedgerRow *rows;
  g_autoptr(GPtrArray) due = NULL;
  g_autofree gint64 *settled = NULL;
  guint32 day;
  guint n, i;
  gboolean overflow = FALSE;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  ledger = aff_affair_get_ledger (self);
  plan = self->plan;
  rows = _aff_ledger_rows (ledger, &n);
  day = g_date_get_julian (date);
  due = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_supplier_payment_free);
  /* What the actual costs up to @date settled on each order, by the
   * number of its document: one pass over the ledger, not one an order. */
  settled = g_new0 (gint64, MAX (_aff_ledger_get_n_words (ledger), 1u));
  for (i = 0; i < n; i++)
    if (rows[i].state == AFF_COST_STATE_ACTUAL && rows[i].commitment != 0 && rows[i].day <= day)
      overflow |= __builtin_add_overflow (settled[rows[i].commitment], rows[i].amount, &settled[rows[i].commitment]);
  for (i = 0; i < n; i++)
    {
      const char *work;
      AffTask *task;
      const GDate *finished;
      gint64 open;
      AffSupplierPayment *payment;

      if (rows[i].state != AFF_COST_STATE_COMMITTED || rows[i].day > day)
        continue;
      work = _aff_ledger_work (ledger, rows[i].work);
      task = work != NULL ? aff_plan_lookup_task (plan, work) : NULL;
      finished = task != NULL ? aff_task_get_actual_finish (task) : NULL;
      if (finished == NULL || !g_date_valid (finished) || g_date_get_julian (finished) > day)
        continue;
      overflow |= __builtin_sub_overflow (rows[i].amount, settled[rows[i].document], &open);
      if (open <= 0)
        continue;
      payment = g_new0 (AffSupplierPayment, 1);
      payment->document = g_strdup (_aff_ledger_word (ledger, rows[i].document));
      payment->supplier = g_strdup (_aff_ledger_word (ledger, rows[i].supplier));
      payment->task_id = g_strdup (work);
      payment->accepted = *finished;
      payment->amount = aff_money_new (open, aff_ledger_get_currency (ledger), NULL);
      g_ptr_array_add (due, payment);
    }
  if (overflow)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW, _("Affair “%s”: an order's balance overflows 64 bits"),
                   aff_affair_get_id (self));
      return NULL;
    }
  return g_steal_pointer (&due);
}

void
_aff_billing_milestone_to_json (const AffBillingMilestone *milestone,
                                JsonBuilder               *builder)
{
  json_builder_begin_object (builder);
  aff_json_add_string (builder, "id", milestone->id);
  aff_json_add_enum (builder, "kind", AFF_TYPE_BILLING_KIND, milestone->kind);
  aff_json_add_int (builder, "basis_points", milestone->basis_points);
  aff_json_add_string (builder, "task", milestone->task_id);
  json_builder_end_object (builder);
}

AffBillingMilestone *
_aff_billing_milestone_from_json (AffJsonReader *reader,
                                  JsonNode      *node,
                                  GPtrArray     *earlier,
                                  GError       **error)
{
  static const char *const members[] = { "id", "kind", "basis_points", "task", NULL };
  g_autofree char *id = NULL, *task = NULL;
  g_autoptr(AffBillingMilestone) milestone = NULL;
  JsonObject *object;
  const char *problem;
  gint64 basis_points = 0;
  int kind = 0;

  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "id", TRUE, &id, error) ||
      !aff_json_get_enum (reader, object, "kind", TRUE, AFF_TYPE_BILLING_KIND, &kind, error) ||
      !aff_json_get_int (reader, object, "basis_points", TRUE, 0, 10000, &basis_points, error) ||
      !aff_json_get_string (reader, object, "task", FALSE, &task, error))
    return NULL;
  milestone = aff_billing_milestone_new (id, kind, (int) basis_points, task);
  if ((problem = milestone_problem (milestone, earlier)) != NULL)
    return aff_json_reader_fail (reader, error, "%s", problem), NULL;
  return g_steal_pointer (&milestone);
}
