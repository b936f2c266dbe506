/* aff-affair.c: one contract's whole file
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-enum-types.h"
#include "aff-money-private.h"
#include "aff-affair-private.h"
#include "aff-planning-private.h"
#include "aff-prevention-plan.h"
#include "aff-finance-private.h"
#include "aff-dossier-private.h"
#include "aff-closeout.h"
#include "aff-rex-private.h"
#include "aff-bidding-private.h"

/**
 * AffBudgetItem:
 *
 * One item of an affair's initial budget: the direct cost of one kind in
 * one lot, as the accepted offer priced it.
 */

/* One allocation, the lot and currency after it, the amount in minor
 * units: every status and dashboard reads the budget. */
struct _AffBudgetItem
{
  const char *lot;            /* in @text, or NULL */
  AffLineKind kind;
  gint64 minor;
  const char *currency;       /* in @text */
  AffMoney *amount;           /* made when first asked for */
  char text[];
};

static AffBudgetItem *
budget_item_alloc (const char  *lot,
                   AffLineKind  kind,
                   gint64       minor,
                   const char  *currency)
{
  gsize l = lot != NULL ? strlen (lot) + 1 : 0, c = strlen (currency) + 1;
  AffBudgetItem *self = g_malloc (sizeof *self + l + c);

  self->lot = lot != NULL ? memcpy (self->text, lot, l) : NULL;
  self->kind = kind;
  self->minor = minor;
  self->currency = memcpy (self->text + l, currency, c);
  self->amount = NULL;
  return self;
}

static AffBudgetItem *
budget_item_new (const char     *lot,
                 AffLineKind     kind,
                 const AffMoney *amount)
{
  return budget_item_alloc (lot, kind, aff_money_get_minor (amount), aff_money_get_currency (amount));
}

gint64
_aff_budget_item_get_minor (const AffBudgetItem *self)
{
  return self->minor;
}

/**
 * aff_budget_item_copy:
 * @self: a budget item
 *
 * Copies a budget item.
 *
 * Returns: (transfer full): a copy of @self
 */
AffBudgetItem *
aff_budget_item_copy (const AffBudgetItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return budget_item_alloc (self->lot, self->kind, self->minor, self->currency);
}

/**
 * aff_budget_item_free:
 * @self: (nullable): a budget item
 *
 * Frees a budget item.
 */
void
aff_budget_item_free (AffBudgetItem *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->amount, aff_money_free);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffBudgetItem, aff_budget_item, aff_budget_item_copy, aff_budget_item_free)

/**
 * aff_budget_item_get_lot:
 * @self: a budget item
 *
 * Gets the lot or task of the item.
 *
 * Returns: (nullable): the lot, or %NULL for lines without one
 */
const char *
aff_budget_item_get_lot (const AffBudgetItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->lot;
}

/**
 * aff_budget_item_get_kind:
 * @self: a budget item
 *
 * Gets the kind of cost of the item.
 *
 * Returns: the kind
 */
AffLineKind
aff_budget_item_get_kind (const AffBudgetItem *self)
{
  g_return_val_if_fail (self != NULL, AFF_LINE_KIND_OTHER);
  return self->kind;
}

/**
 * aff_budget_item_get_amount:
 * @self: a budget item
 *
 * Gets the budgeted direct cost.
 *
 * Returns: (transfer none): the amount
 */
const AffMoney *
aff_budget_item_get_amount (const AffBudgetItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return _aff_money_cached (&((AffBudgetItem *) self)->amount, self->minor, self->currency);
}

/**
 * AffAffair:
 *
 * One contract's whole file, from the signed offer to the close-out. It is
 * created by the portfolio when an offer is accepted
 * ([method@Aff.Offer.accept]): the contract amount is the accepted
 * revision's selling price, its terms are the revision's, and its initial
 * budget is the revision's direct costs by lot and kind of cost, with the
 * overheads and contingency beside them. The plan, the ledger, the billing
 * schedule and the dossier will hang from it.
 */

G_DEFINE_FINAL_TYPE (AffAffair, aff_affair, G_TYPE_OBJECT)

static void
aff_affair_finalize (GObject *object)
{
  AffAffair *self = AFF_AFFAIR (object);

  g_free (self->id);
  g_free (self->client_id);
  g_free (self->consultation_id);
  g_free (self->offer_id);
  g_free (self->revision);
  g_free (self->contract_reference);
  g_clear_pointer (&self->contract_amount, aff_money_free);
  g_ptr_array_unref (self->budget);
  g_clear_pointer (&self->budget_total, aff_money_free);
  g_clear_pointer (&self->overheads, aff_money_free);
  g_clear_pointer (&self->contingency, aff_money_free);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->finance, _aff_finance_free);
  g_clear_object (&self->dossier);
  g_clear_object (&self->rex);
  g_clear_object (&self->journal);
  G_OBJECT_CLASS (aff_affair_parent_class)->finalize (object);
}

static void
aff_affair_class_init (AffAffairClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aff_affair_finalize;
}

static void
aff_affair_init (AffAffair *self)
{
  g_date_clear (&self->signed_date, 1);
  self->budget = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_budget_item_free);
  self->plan = aff_plan_new ();
  self->dossier = _aff_dossier_new ();
}

static AffBudgetItem *
find_item (AffAffair   *self,
           const char  *lot,
           AffLineKind  kind)
{
  guint i;

  for (i = 0; i < self->budget->len; i++)
    {
      AffBudgetItem *item = g_ptr_array_index (self->budget, i);

      if (item->kind == kind && g_strcmp0 (item->lot, lot) == 0)
        return item;
    }
  return NULL;
}

/* The lead time counts working days from the order. */
static void
set_contract_end (AffAffair *self)
{
  g_autoptr(GDate) end = NULL;

  if (!g_date_valid (&self->signed_date) || self->lead_time_days == 0)
    return;
  end = aff_calendar_add_working_days (aff_plan_get_calendar (self->plan), &self->signed_date,
                                       (int) self->lead_time_days, NULL);
  aff_plan_set_contract_end (self->plan, end);
}

AffAffair *
_aff_affair_new_from_offer (AffOffer         *offer,
                            AffOfferRevision *revision,
                            const char       *client_id,
                            GError          **error)
{
  g_autoptr(AffAffair) self = g_object_new (AFF_TYPE_AFFAIR, NULL);
  GListModel *lines = aff_offer_revision_get_lines (revision);
  guint i, n = g_list_model_get_n_items (lines);
  GDate signed_date;

  self->id = g_strdup (aff_offer_get_id (offer));
  self->client_id = g_strdup (client_id);
  self->consultation_id = g_strdup (aff_offer_get_consultation_id (offer));
  self->offer_id = g_strdup (aff_offer_get_id (offer));
  self->revision = g_strdup (aff_offer_revision_get_letter (revision));
  self->contract_reference = g_strdup (_aff_offer_get_contract_reference (offer));
  if (aff_offer_get_closed_date (offer, &signed_date))
    {
      self->signed_date = signed_date;
      aff_plan_set_start (self->plan, &signed_date);
    }
  self->vat_rate = aff_offer_revision_get_vat_rate (revision);
  self->lead_time_days = aff_offer_revision_get_lead_time_days (revision);
  self->payment_days = aff_offer_revision_get_payment_days (revision);
  self->payment_end_of_month = aff_offer_revision_get_payment_end_of_month (revision);
  self->advance_rate = aff_offer_revision_get_advance_rate (revision);
  self->progress_billing = aff_offer_revision_get_progress_billing (revision);
  self->retention_rate = aff_offer_revision_get_retention_rate (revision);
  set_contract_end (self);
  if (!(self->contract_amount = aff_offer_revision_get_selling_price (revision, error)) ||
      !(self->budget_total = aff_offer_revision_get_direct_cost (revision, error)) ||
      !(self->overheads = aff_offer_revision_get_overheads (revision, error)))
    return NULL;
  self->contingency = aff_money_copy (aff_offer_revision_get_contingency (revision));
  self->finance = _aff_finance_new (aff_money_get_currency (self->contract_amount));

  for (i = 0; i < n; i++)
    {
      g_autoptr(AffOfferLine) line = g_list_model_get_item (lines, i);
      g_autoptr(AffMoney) cost = aff_offer_line_compute_cost (line, error);
      AffBudgetItem *item;

      if (cost == NULL)
        return NULL;
      item = find_item (self, aff_offer_line_get_lot (line), aff_offer_line_get_kind (line));
      if (item == NULL)
        g_ptr_array_add (self->budget, budget_item_new (aff_offer_line_get_lot (line),
                                                        aff_offer_line_get_kind (line), cost));
      else
        {
          g_autoptr(AffMoney) sum = aff_money_add (aff_budget_item_get_amount (item), cost, error);

          if (sum == NULL)
            return NULL;
          g_clear_pointer (&item->amount, aff_money_free);
          item->minor = aff_money_get_minor (sum);
        }
    }
  return g_steal_pointer (&self);
}

#define STRING_GETTER(field, doc)                                            \
  const char *                                                               \
  aff_affair_get_##field (AffAffair *self)                                   \
  {                                                                          \
    g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);                       \
    return self->field;                                                      \
  }

/**
 * aff_affair_get_id:
 * @self: an affair
 *
 * Gets the affair's id, the id of the offer it comes from.
 *
 * Returns: the id
 */
STRING_GETTER (id, "")
/**
 * aff_affair_get_client_id:
 * @self: an affair
 *
 * Gets the client's id.
 *
 * Returns: the client's id
 */
STRING_GETTER (client_id, "")
/**
 * aff_affair_get_consultation_id:
 * @self: an affair
 *
 * Gets the id of the consultation won.
 *
 * Returns: the consultation's id
 */
STRING_GETTER (consultation_id, "")
/**
 * aff_affair_get_offer_id:
 * @self: an affair
 *
 * Gets the id of the offer accepted.
 *
 * Returns: the offer's id
 */
STRING_GETTER (offer_id, "")
/**
 * aff_affair_get_revision:
 * @self: an affair
 *
 * Gets the letter of the revision accepted.
 *
 * Returns: the revision's letter
 */
STRING_GETTER (revision, "")
/**
 * aff_affair_get_contract_reference:
 * @self: an affair
 *
 * Gets the client's order or contract reference.
 *
 * Returns: the reference
 */
STRING_GETTER (contract_reference, "")

/**
 * aff_affair_get_signed_date:
 * @self: an affair
 *
 * Gets the day the contract was signed.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_affair_get_signed_date (AffAffair *self)
{
  g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);
  return &self->signed_date;
}

#define MONEY_GETTER(field)                                                  \
  const AffMoney *                                                           \
  aff_affair_get_##field (AffAffair *self)                                   \
  {                                                                          \
    g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);                       \
    return self->field;                                                      \
  }

/**
 * aff_affair_get_contract_amount:
 * @self: an affair
 *
 * Gets the contract amount excluding VAT, as accepted.
 *
 * Returns: (transfer none): the contract amount
 */
MONEY_GETTER (contract_amount)
/**
 * aff_affair_get_budget_total:
 * @self: an affair
 *
 * Gets the initial budget: the direct cost of the accepted revision.
 *
 * Returns: (transfer none): the budget total
 */
MONEY_GETTER (budget_total)
/**
 * aff_affair_get_overheads:
 * @self: an affair
 *
 * Gets the overheads the accepted revision priced.
 *
 * Returns: (transfer none): the overheads
 */
MONEY_GETTER (overheads)
/**
 * aff_affair_get_contingency:
 * @self: an affair
 *
 * Gets the risk contingency the accepted revision priced.
 *
 * Returns: (transfer none): the contingency
 */
MONEY_GETTER (contingency)

#define VALUE_GETTER(type, field, fallback)                                  \
  type                                                                       \
  aff_affair_get_##field (AffAffair *self)                                   \
  {                                                                          \
    g_return_val_if_fail (AFF_IS_AFFAIR (self), fallback);                   \
    return self->field;                                                      \
  }

/**
 * aff_affair_get_vat_rate:
 * @self: an affair
 *
 * Gets the VAT rate of the contract.
 *
 * Returns: basis points
 */
VALUE_GETTER (int, vat_rate, 0)
/**
 * aff_affair_get_lead_time_days:
 * @self: an affair
 *
 * Gets the lead time the contract promises.
 *
 * Returns: working days from the order
 */
VALUE_GETTER (guint, lead_time_days, 0)
/**
 * aff_affair_get_payment_days:
 * @self: an affair
 *
 * Gets the payment term of the contract.
 *
 * Returns: days from the invoice (or end of month)
 */
VALUE_GETTER (guint, payment_days, 0)
/**
 * aff_affair_get_payment_end_of_month:
 * @self: an affair
 *
 * Tells whether the payment term counts end of month.
 *
 * Returns: whether the term is “fin de mois”
 */
VALUE_GETTER (gboolean, payment_end_of_month, FALSE)
/**
 * aff_affair_get_advance_rate:
 * @self: an affair
 *
 * Gets the advance payment of the contract.
 *
 * Returns: basis points of the contract amount
 */
VALUE_GETTER (int, advance_rate, 0)
/**
 * aff_affair_get_progress_billing:
 * @self: an affair
 *
 * Tells whether the contract is billed by progress situations.
 *
 * Returns: whether progress billing was agreed
 */
VALUE_GETTER (gboolean, progress_billing, FALSE)
/**
 * aff_affair_get_retention_rate:
 * @self: an affair
 *
 * Gets the retention of the contract.
 *
 * Returns: basis points, at most 500
 */
VALUE_GETTER (int, retention_rate, 0)

/**
 * aff_affair_get_budget:
 * @self: an affair
 *
 * Gets the initial budget by lot and kind of cost, in the order the lines
 * first named each pair.
 *
 * Returns: (transfer container) (element-type AffBudgetItem): the budget items
 */
GPtrArray *
aff_affair_get_budget (AffAffair *self)
{
  GPtrArray *copy;
  guint i;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);

  copy = g_ptr_array_new_full (self->budget->len, (GDestroyNotify) aff_budget_item_free);
  for (i = 0; i < self->budget->len; i++)
    g_ptr_array_add (copy, aff_budget_item_copy (g_ptr_array_index (self->budget, i)));
  return copy;
}

/**
 * aff_affair_get_plan:
 * @self: an affair
 *
 * Gets the delivery plan of the affair. It starts on the day the contract
 * was signed until told otherwise, on the French calendar; every change to
 * it is journaled under the affair.
 *
 * Returns: (transfer none): the plan
 */
AffPlan *
aff_affair_get_plan (AffAffair *self)
{
  g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);
  return self->plan;
}

/**
 * aff_affair_get_rex:
 * @self: an affair
 *
 * Gets the lessons learned of the affair ([method@Aff.Affair.create_rex]).
 *
 * Returns: (transfer none) (nullable): the REX, or %NULL while none is
 *   drawn up
 */
AffRex *
aff_affair_get_rex (AffAffair *self)
{
  g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);
  return self->rex;
}

void
_aff_affair_set_rex (AffAffair *self,
                     AffRex    *rex)
{
  g_set_object (&self->rex, rex);
  _aff_rex_attach (rex, self->journal, self->id, _aff_affair_language (self));
}

/**
 * aff_affair_get_dossier:
 * @self: an affair
 *
 * Gets the follow-up file of the affair: its meetings, decisions, actions,
 * documents and incidents. Every change to it is journaled under the
 * affair.
 *
 * Returns: (transfer none): the dossier
 */
AffDossier *
aff_affair_get_dossier (AffAffair *self)
{
  g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);
  return self->dossier;
}

void
_aff_affair_attach (AffAffair       *self,
                    AffJournal      *journal,
                    AffPortfolio    *portfolio,
                    AffClient       *client,
                    AffConsultation *consultation,
                    AffPolicy       *policy)
{
  self->portfolio = portfolio;
  _aff_plan_attach (self->plan, journal, self->id, policy);
  _aff_finance_attach (self->finance, journal, self->id);
  _aff_dossier_attach (self->dossier, journal, self->id, self->plan, G_OBJECT (self));
  g_set_object (&self->journal, journal);
  self->policy = policy;
  if (self->rex != NULL)
    _aff_rex_attach (self->rex, journal, self->id, _aff_affair_language (self));
  self->client = client;
  self->consultation = consultation;
}

GPtrArray *
_aff_affair_peek_budget (AffAffair *self)
{
  return self->budget;
}

#define PREFETCH(address) __builtin_prefetch ((const void *) (address))

void
_aff_affair_prefetch (AffAffair *self,
                      guint      stage)
{
  guint i;

  switch (stage)
    {
    case 0:
      _aff_prefetch_span (self, sizeof *self);
      break;
    case 1:
      PREFETCH (self->budget);
      _aff_finance_prefetch_object (self->finance);
      /* A plan's fields run over several lines; a prefetch past an
       * object's end does no harm. */
      for (i = 0; i < 256; i += 64)
        PREFETCH ((const char *) self->plan + i);
      PREFETCH (self->consultation);
      PREFETCH (self->client);
      PREFETCH (self->contract_amount);
      PREFETCH (self->overheads);
      PREFETCH (self->contingency);
      PREFETCH (self->budget_total);
      break;
    case 2:
      PREFETCH (self->budget->pdata);
      _aff_finance_prefetch (self->finance, 0);
      _aff_plan_prefetch (self->plan, 0);
      if (self->consultation != NULL)
        _aff_consultation_prefetch (self->consultation);
      break;
    /* What a status kept of the budget and plan spares it their items. */
    case 3:
      if (_aff_finance_prefetch (self->finance, 1))
        break;
      for (i = 0; i < self->budget->len; i++)
        PREFETCH (self->budget->pdata[i]);
      _aff_plan_prefetch (self->plan, 1);
      break;
    default:
      /* The id and the client's name, which its dashboard row copies. */
      PREFETCH (self->id);
      if (self->client != NULL)
        PREFETCH (aff_client_get_name (self->client));
      if (!_aff_finance_prefetch (self->finance, 2))
        _aff_plan_prefetch (self->plan, 2);
      break;
    }
}

AffFinance *
_aff_affair_get_finance (AffAffair *self)
{
  return self->finance;
}

AffPortfolio *
_aff_affair_get_portfolio (AffAffair *self)
{
  return self->portfolio;
}

AffClient *
_aff_affair_get_client (AffAffair *self)
{
  return self->client;
}

AffConsultation *
_aff_affair_get_consultation (AffAffair *self)
{
  return self->consultation;
}

AffPolicy *
_aff_affair_get_policy (AffAffair *self)
{
  return self->policy;
}

/**
 * aff_affair_requires_prevention_plan:
 * @self: an affair
 * @reasons: (out) (optional) (transfer full): why, one sentence per reason
 *
 * Tells whether the affair's work requires a written prevention plan with
 * the client: see [method@Aff.Plan.requires_prevention_plan].
 *
 * Returns: whether a written prevention plan is required
 */
gboolean
aff_affair_requires_prevention_plan (AffAffair *self,
                                     GStrv     *reasons)
{
  g_return_val_if_fail (AFF_IS_AFFAIR (self), FALSE);
  return aff_plan_requires_prevention_plan (self->plan, reasons);
}

char *
_aff_affair_seal (AffAffair *self)
{
  static const char *const unsealed[] = { "billing", "invoices", "payments" };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  JsonObject *finance;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "finance");
  _aff_finance_to_json (self->finance, builder);
  json_builder_set_member_name (builder, "dossier");
  _aff_dossier_to_json (self->dossier, builder);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  finance = json_object_get_object_member (json_node_get_object (node), "finance");
  for (guint i = 0; i < G_N_ELEMENTS (unsealed); i++)
    if (json_object_has_member (finance, unsealed[i]))
      json_object_remove_member (finance, unsealed[i]);
  return aff_json_seal (node);
}

void
_aff_affair_to_json (AffAffair   *self,
                     JsonBuilder *builder)
{
  _aff_affair_write_json (self, builder, TRUE);
}

void
_aff_affair_write_json (AffAffair   *self,
                        JsonBuilder *builder,
                        gboolean     with_ledger)
{
  guint i;

  json_builder_begin_object (builder);
  aff_json_add_string (builder, "id", self->id);
  aff_json_add_string (builder, "client_id", self->client_id);
  aff_json_add_string (builder, "consultation_id", self->consultation_id);
  aff_json_add_string (builder, "offer_id", self->offer_id);
  aff_json_add_string (builder, "revision", self->revision);
  aff_json_add_string (builder, "contract_reference", self->contract_reference);
  aff_json_add_date (builder, "signed", &self->signed_date);
  aff_json_add_money (builder, "contract_amount", self->contract_amount);
  aff_json_add_int (builder, "vat_rate", self->vat_rate);
  aff_json_add_int (builder, "lead_time_days", self->lead_time_days);
  aff_json_add_int (builder, "payment_days", self->payment_days);
  aff_json_add_boolean (builder, "payment_end_of_month", self->payment_end_of_month);
  aff_json_add_int (builder, "advance_rate", self->advance_rate);
  aff_json_add_boolean (builder, "progress_billing", self->progress_billing);
  aff_json_add_int (builder, "retention_rate", self->retention_rate);
  json_builder_set_member_name (builder, "budget");
  json_builder_begin_array (builder);
  for (i = 0; i < self->budget->len; i++)
    {
      AffBudgetItem *item = g_ptr_array_index (self->budget, i);

      json_builder_begin_object (builder);
      aff_json_add_string (builder, "lot", item->lot);
      aff_json_add_enum (builder, "kind", AFF_TYPE_LINE_KIND, item->kind);
      aff_json_add_money (builder, "amount", aff_budget_item_get_amount (item));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  aff_json_add_money (builder, "budget_total", self->budget_total);
  aff_json_add_money (builder, "overheads", self->overheads);
  aff_json_add_money (builder, "contingency", self->contingency);
  json_builder_set_member_name (builder, "plan");
  _aff_plan_to_json (self->plan, builder);
  json_builder_set_member_name (builder, "finance");
  _aff_finance_write_json (self->finance, builder, with_ledger);
  json_builder_set_member_name (builder, "dossier");
  _aff_dossier_to_json (self->dossier, builder);
  if (self->rex != NULL)
    {
      json_builder_set_member_name (builder, "rex");
      _aff_rex_to_json (self->rex, builder);
    }
  json_builder_end_object (builder);
}

static gboolean
read_item (AffJsonReader *reader,
           JsonNode      *element,
           guint          index,
           gpointer       data,
           GError       **error)
{
  static const char *const members[] = { "lot", "kind", "amount", NULL };
  AffAffair *self = data;
  g_autofree char *lot = NULL;
  g_autoptr(AffMoney) amount = NULL;
  JsonObject *object;
  int kind = 0;

  if (!(object = aff_json_expect_object (reader, element, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "lot", FALSE, &lot, error) ||
      !aff_json_get_enum (reader, object, "kind", TRUE, AFF_TYPE_LINE_KIND, &kind, error) ||
      !aff_json_get_money (reader, object, "amount", TRUE, &amount, error))
    return FALSE;
  if (find_item (self, lot, kind) != NULL)
    return aff_json_reader_fail (reader, error, _("expected each lot and kind once"));
  g_ptr_array_add (self->budget, budget_item_new (lot, kind, amount));
  return TRUE;
}

AffAffair *
_aff_affair_from_json (AffJsonReader *reader,
                       JsonNode      *node,
                       GError       **error)
{
  static const char *const members[] = {
    "id", "client_id", "consultation_id", "offer_id", "revision", "contract_reference", "signed",
    "contract_amount", "vat_rate", "lead_time_days", "payment_days", "payment_end_of_month",
    "advance_rate", "progress_billing", "retention_rate", "budget", "budget_total", "overheads",
    "contingency", "plan", "finance", "dossier", "rex", NULL
  };
  JsonNode *plan;
  g_autoptr(AffAffair) self = g_object_new (AFF_TYPE_AFFAIR, NULL);
  JsonObject *object;
  gint64 vat = 0, lead = 0, payment = 0, advance = 0, retention = 0;

  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "id", TRUE, &self->id, error) ||
      !aff_json_get_string (reader, object, "client_id", TRUE, &self->client_id, error) ||
      !aff_json_get_string (reader, object, "consultation_id", TRUE, &self->consultation_id, error) ||
      !aff_json_get_string (reader, object, "offer_id", TRUE, &self->offer_id, error) ||
      !aff_json_get_string (reader, object, "revision", TRUE, &self->revision, error) ||
      !aff_json_get_string (reader, object, "contract_reference", TRUE, &self->contract_reference, error) ||
      !aff_json_get_date (reader, object, "signed", TRUE, &self->signed_date, error) ||
      !aff_json_get_money (reader, object, "contract_amount", TRUE, &self->contract_amount, error) ||
      !aff_json_get_int (reader, object, "vat_rate", TRUE, 0, 10000, &vat, error) ||
      !aff_json_get_int (reader, object, "lead_time_days", TRUE, 0, 36500, &lead, error) ||
      !aff_json_get_int (reader, object, "payment_days", TRUE, 0, 60, &payment, error) ||
      !aff_json_get_boolean (reader, object, "payment_end_of_month", &self->payment_end_of_month, error) ||
      !aff_json_get_int (reader, object, "advance_rate", TRUE, 0, 10000, &advance, error) ||
      !aff_json_get_boolean (reader, object, "progress_billing", &self->progress_billing, error) ||
      !aff_json_get_int (reader, object, "retention_rate", TRUE, 0, 500, &retention, error) ||
      !aff_json_read_array (reader, object, "budget", read_item, self, error) ||
      !aff_json_get_money (reader, object, "budget_total", TRUE, &self->budget_total, error) ||
      !aff_json_get_money (reader, object, "overheads", TRUE, &self->overheads, error) ||
      !aff_json_get_money (reader, object, "contingency", TRUE, &self->contingency, error))
    return NULL;
  if (!_aff_id_is_valid (self->id))
    return aff_json_reader_fail_at (reader, "id", error, _("expected an id of 1 to 64 bytes without spaces")), NULL;
  self->vat_rate = (int) vat;
  self->lead_time_days = (guint) lead;
  self->payment_days = (guint) payment;
  self->advance_rate = (int) advance;
  self->retention_rate = (int) retention;
  /* Documents of format 2 had no plans: the affair gets an empty one. */
  if ((plan = json_object_get_member (object, "plan")) != NULL)
    {
      gsize mark = aff_json_reader_push_member (reader, "plan");
      AffPlan *read = _aff_plan_from_json (reader, plan, error);

      aff_json_reader_pop (reader, mark);
      if (read == NULL)
        return NULL;
      g_object_unref (self->plan);
      self->plan = read;
    }
  else
    {
      aff_plan_set_start (self->plan, &self->signed_date);
      set_contract_end (self);
    }
  /* Documents before format 4 had no financial follow-up: an empty one. */
  {
    gsize mark = aff_json_reader_push_member (reader, "finance");

    self->finance = _aff_finance_from_json (reader, json_object_get_member (object, "finance"),
                                            aff_money_get_currency (self->contract_amount), error);
    aff_json_reader_pop (reader, mark);
    if (self->finance == NULL)
      return NULL;
  }
  {
    AffMoney **final_margin;

    if (g_date_valid (_aff_finance_get_closed (self->finance, &final_margin)))
      _aff_plan_close (self->plan);
  }
  /* Documents before format 5 had no dossier: an empty one. */
  {
    gsize mark = aff_json_reader_push_member (reader, "dossier");
    AffDossier *dossier = _aff_dossier_from_json (reader, json_object_get_member (object, "dossier"), self->plan,
                                                  error);

    aff_json_reader_pop (reader, mark);
    if (dossier == NULL)
      return NULL;
    g_object_unref (self->dossier);
    self->dossier = dossier;
    if (aff_affair_is_closed (self))
      _aff_dossier_close (self->dossier);
  }
  if (json_object_get_member (object, "rex") != NULL)
    {
      gsize mark = aff_json_reader_push_member (reader, "rex");

      self->rex = _aff_rex_from_json (reader, json_object_get_member (object, "rex"), self->id,
                                      aff_money_get_currency (self->contract_amount), error);
      aff_json_reader_pop (reader, mark);
      if (self->rex == NULL)
        return NULL;
    }
  return g_steal_pointer (&self);
}
