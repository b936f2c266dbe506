/* aff-offer-revision.c: one version of an offer, priced from cost
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-enum-types.h"
#include "aff-money-private.h"
#include "aff-offers-private.h"

/**
 * AffOfferRevision:
 *
 * One version (A, B, C…) of an offer: its cost lines and the terms it is
 * proposed on. The price is built from cost, every step exact and rounded
 * once, half to even, where `docs/rules.md` says:
 *
 * - direct cost: the sum of the lines' costs;
 * - overheads: for each kind of cost, its direct cost times the overhead
 *   rate of the kind (copied from the policy when the revision is created);
 * - cost price (prix de revient): direct cost + overheads + the risk
 *   contingency;
 * - selling price: set directly, or from a margin rate on the selling price,
 *   cost price × 10000 / (10000 − rate);
 * - margin and margin rate, VAT and the total including VAT.
 *
 * Its terms are the lead time, the validity, the payment terms (never beyond
 * the legal maximum of Code de commerce L441-10: 60 days, or 45 days end of
 * month) and the billing proposal (advance, progress billing, retention of at
 * most 5 %).
 *
 * Once sent, a revision is frozen: every change fails with
 * %AFF_ERROR_FROZEN, and the next draft starts as a new revision.
 */

#define N_KINDS (AFF_LINE_KIND_OTHER + 1)

typedef enum {
  PRICE_AT_COST,
  PRICE_FROM_MARGIN,
  PRICE_SET,
} PriceMode;

struct _AffOfferRevision
{
  GObject parent_instance;

  char *letter;
  char currency[4];
  GListStore *lines;
  guint overhead_rates[N_KINDS];
  AffMoney *contingency;
  PriceMode price_mode;
  int margin_rate;
  AffMoney *selling_price;
  int vat_rate;
  guint lead_time_days;
  GDate validity;
  guint payment_days;
  gboolean payment_end_of_month;
  int advance_rate;
  gboolean progress_billing;
  int retention_rate;
  AffRegulatoryFlags acknowledged;
  GPtrArray *notes;           /* char *, NULL-terminated */
  char *approver;
  char *approval_justification;
  gboolean frozen;
  AffOffer *offer;            /* weak: the offer that holds this revision */
};

G_DEFINE_FINAL_TYPE (AffOfferRevision, aff_offer_revision, G_TYPE_OBJECT)

static void
aff_offer_revision_dispose (GObject *object)
{
  AffOfferRevision *self = AFF_OFFER_REVISION (object);
  guint i, n;

  if (self->lines != NULL)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));
      for (i = 0; i < n; i++)
        {
          g_autoptr(AffOfferLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);
          _aff_offer_line_set_revision (line, NULL);
        }
    }
  g_clear_object (&self->lines);
  _aff_offer_revision_set_offer (self, NULL);
  G_OBJECT_CLASS (aff_offer_revision_parent_class)->dispose (object);
}

static void
aff_offer_revision_finalize (GObject *object)
{
  AffOfferRevision *self = AFF_OFFER_REVISION (object);

  g_free (self->letter);
  g_clear_pointer (&self->contingency, aff_money_free);
  g_clear_pointer (&self->selling_price, aff_money_free);
  g_ptr_array_unref (self->notes);
  g_free (self->approver);
  g_free (self->approval_justification);
  G_OBJECT_CLASS (aff_offer_revision_parent_class)->finalize (object);
}

static void
aff_offer_revision_class_init (AffOfferRevisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aff_offer_revision_dispose;
  object_class->finalize = aff_offer_revision_finalize;
}

static void
aff_offer_revision_init (AffOfferRevision *self)
{
  self->lines = g_list_store_new (AFF_TYPE_OFFER_LINE);
  g_date_clear (&self->validity, 1);
  self->payment_days = 30;
  self->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->notes, NULL);
}

/**
 * aff_offer_revision_new:
 * @letter: the revision's letter, such as `A`
 * @policy: the company's directives, for the currency, the overhead rates,
 *   the VAT rate and the retention
 *
 * Creates an empty draft revision. The policy's rates are copied: a sent
 * offer keeps the price it was sent with whatever the policy becomes.
 *
 * Returns: (transfer full): a new revision
 */
AffOfferRevision *
aff_offer_revision_new (const char *letter,
                        AffPolicy  *policy)
{
  const char * const *kinds = aff_policy_list_overhead_kinds ();
  AffOfferRevision *self;
  guint i;

  g_return_val_if_fail (letter != NULL, NULL);
  g_return_val_if_fail (AFF_IS_POLICY (policy), NULL);

  self = g_object_new (AFF_TYPE_OFFER_REVISION, NULL);
  self->letter = g_strdup (letter);
  g_strlcpy (self->currency, aff_policy_get_currency (policy), sizeof self->currency);
  for (i = 0; i < N_KINDS; i++)
    self->overhead_rates[i] = aff_policy_get_overhead_rate (policy, kinds[i]);
  self->contingency = aff_money_new_zero (self->currency, NULL);
  self->vat_rate = (int) aff_policy_get_default_vat_rate (policy);
  self->retention_rate = MIN (aff_policy_get_retention_rate (policy), AFF_LEGAL_MAX_RETENTION_RATE);
  return self;
}

/**
 * aff_offer_revision_get_letter:
 * @self: a revision
 *
 * Gets the revision's letter.
 *
 * Returns: the letter
 */
const char *
aff_offer_revision_get_letter (AffOfferRevision *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), NULL);
  return self->letter;
}

/**
 * aff_offer_revision_get_currency:
 * @self: a revision
 *
 * Gets the currency the revision is priced in.
 *
 * Returns: an ISO 4217 code
 */
const char *
aff_offer_revision_get_currency (AffOfferRevision *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), NULL);
  return self->currency;
}

/**
 * aff_offer_revision_is_frozen:
 * @self: a revision
 *
 * Tells whether the revision was sent and can no longer change.
 *
 * Returns: whether it is frozen
 */
gboolean
aff_offer_revision_is_frozen (AffOfferRevision *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), FALSE);
  return self->frozen;
}

/**
 * aff_offer_revision_freeze:
 * @self: a revision
 *
 * Freezes the revision, as sending it does: from then on every change fails
 * with %AFF_ERROR_FROZEN.
 */
void
aff_offer_revision_freeze (AffOfferRevision *self)
{
  g_return_if_fail (AFF_IS_OFFER_REVISION (self));
  self->frozen = TRUE;
}

gboolean
_aff_offer_line_is_frozen (AffOfferLine *self)
{
  AffOfferRevision *revision = _aff_offer_line_get_revision (self);

  return revision != NULL && revision->frozen;
}

static gboolean
check_draft (AffOfferRevision  *self,
             GError           **error)
{
  if (self->frozen)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_FROZEN,
                        _("revision %s was sent and can no longer change; revise the offer instead"),
                        self->letter), FALSE;
  return TRUE;
}

static gboolean
check_currency (AffOfferRevision  *self,
                const AffMoney    *amount,
                const char        *what,
                GError           **error)
{
  if (strcmp (aff_money_get_currency (amount), self->currency) != 0)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH,
                        _("revision %s is priced in %s, %s is in %s"), self->letter, self->currency,
                        what, aff_money_get_currency (amount)), FALSE;
  if (aff_money_is_negative (amount))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("revision %s: %s cannot be negative"), self->letter, what), FALSE;
  return TRUE;
}

/**
 * aff_offer_revision_get_lines:
 * @self: a revision
 *
 * Gets the cost lines.
 *
 * Returns: (transfer none): a list model of [class@Aff.OfferLine]
 */
GListModel *
aff_offer_revision_get_lines (AffOfferRevision *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), NULL);
  return G_LIST_MODEL (self->lines);
}

/**
 * aff_offer_revision_add_line:
 * @self: a draft revision
 * @line: a line in no revision yet
 * @error: return location for a #GError
 *
 * Adds a cost line.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_FROZEN,
 *   %AFF_ERROR_CURRENCY_MISMATCH or %AFF_ERROR_INVALID_VALUE (the line is in
 *   a revision already) set and nothing changed
 */
gboolean
aff_offer_revision_add_line (AffOfferRevision  *self,
                             AffOfferLine      *line,
                             GError           **error)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), FALSE);
  g_return_val_if_fail (AFF_IS_OFFER_LINE (line), FALSE);

  if (!check_draft (self, error) ||
      !check_currency (self, aff_offer_line_get_unit_cost (line), aff_offer_line_get_description (line), error))
    return FALSE;
  if (_aff_offer_line_get_revision (line) != NULL)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("line “%s” is already in a revision"), aff_offer_line_get_description (line)), FALSE;
  _aff_offer_line_set_revision (line, self);
  g_list_store_append (self->lines, line);
  return TRUE;
}

/**
 * aff_offer_revision_remove_line:
 * @self: a draft revision
 * @position: the line's position
 * @error: return location for a #GError
 *
 * Removes a cost line.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_FROZEN or
 *   %AFF_ERROR_NOT_FOUND set and nothing changed
 */
gboolean
aff_offer_revision_remove_line (AffOfferRevision  *self,
                                guint              position,
                                GError           **error)
{
  g_autoptr(AffOfferLine) line = NULL;

  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), FALSE);

  if (!check_draft (self, error))
    return FALSE;
  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->lines)))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND,
                        _("revision %s has no line at position %u"), self->letter, position), FALSE;
  line = g_list_model_get_item (G_LIST_MODEL (self->lines), position);
  _aff_offer_line_set_revision (line, NULL);
  g_list_store_remove (self->lines, position);
  return TRUE;
}

/**
 * aff_offer_revision_get_overhead_rate:
 * @self: a revision
 * @kind: a kind of cost
 *
 * Gets the overhead rate of a kind of cost.
 *
 * Returns: the rate in basis points of the direct cost
 */
guint
aff_offer_revision_get_overhead_rate (AffOfferRevision *self,
                                      AffLineKind       kind)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), 0);
  g_return_val_if_fail (kind < N_KINDS, 0);
  return self->overhead_rates[kind];
}

static gboolean
check_rate (AffOfferRevision  *self,
            int                value,
            int                min,
            int                max,
            const char        *what,
            GError           **error)
{
  if (!check_draft (self, error))
    return FALSE;
  if (value < min || value > max)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("revision %s: %s must be from %d to %d, not %d"),
                        self->letter, what, min, max, value), FALSE;
  return TRUE;
}

/**
 * aff_offer_revision_set_overhead_rate:
 * @self: a draft revision
 * @kind: a kind of cost
 * @basis_points: from 0 to 10000
 * @error: return location for a #GError
 *
 * Sets the overhead rate of a kind of cost for this revision.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_FROZEN or
 *   %AFF_ERROR_INVALID_VALUE set
 */
gboolean
aff_offer_revision_set_overhead_rate (AffOfferRevision  *self,
                                      AffLineKind        kind,
                                      guint              basis_points,
                                      GError           **error)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), FALSE);
  g_return_val_if_fail (kind < N_KINDS, FALSE);

  if (!check_rate (self, (int) MIN (basis_points, (guint) G_MAXINT), 0, 10000, _("an overhead rate"), error))
    return FALSE;
  self->overhead_rates[kind] = basis_points;
  return TRUE;
}

/**
 * aff_offer_revision_get_contingency:
 * @self: a revision
 *
 * Gets the risk contingency included in the cost price.
 *
 * Returns: (transfer none): the contingency (zero when none)
 */
const AffMoney *
aff_offer_revision_get_contingency (AffOfferRevision *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), NULL);
  return self->contingency;
}

/**
 * aff_offer_revision_set_contingency:
 * @self: a draft revision
 * @amount: (nullable): the contingency (the expected exposure of the risk
 *   register, or a chosen amount), or %NULL for none
 * @error: return location for a #GError
 *
 * Sets the risk contingency included in the cost price.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_FROZEN,
 *   %AFF_ERROR_CURRENCY_MISMATCH or %AFF_ERROR_INVALID_VALUE set
 */
gboolean
aff_offer_revision_set_contingency (AffOfferRevision  *self,
                                    const AffMoney    *amount,
                                    GError           **error)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), FALSE);

  if (!check_draft (self, error) ||
      (amount != NULL && !check_currency (self, amount, _("the contingency"), error)))
    return FALSE;
  aff_money_free (self->contingency);
  self->contingency = amount ? aff_money_copy (amount) : aff_money_new_zero (self->currency, NULL);
  return TRUE;
}

/**
 * aff_offer_revision_set_contingency_from_risks:
 * @self: a draft revision of an offer in a portfolio
 * @error: return location for a #GError
 *
 * Sets the risk contingency to the expected exposure of the consultation's
 * risk register (see [method@Aff.RiskRegister.summarize]): the sum, over the
 * open risks with an exposure and a probability in percent, of exposure ×
 * probability. The amount is copied: later changes to the register do not
 * reprice the revision until this is called again.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_FROZEN set for a sent
 *   revision, %AFF_ERROR_NOT_ASSESSABLE when the revision is not in an offer
 *   of a portfolio, or the error of the summary
 */
gboolean
aff_offer_revision_set_contingency_from_risks (AffOfferRevision  *self,
                                               GError           **error)
{
  g_autoptr(AffRiskSummary) summary = NULL;
  AffConsultation *consultation;
  AffPolicy *policy;

  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), FALSE);

  if (!check_draft (self, error))
    return FALSE;
  consultation = self->offer ? _aff_offer_get_consultation (self->offer) : NULL;
  policy = self->offer ? _aff_offer_get_policy (self->offer) : NULL;
  if (consultation == NULL || policy == NULL)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_ASSESSABLE,
                        _("revision %s has no risk register to draw on: it is not in an offer of a portfolio"),
                        self->letter), FALSE;
  summary = aff_risk_register_summarize (aff_consultation_get_risk_register (consultation), policy, 0, error);
  if (summary == NULL)
    return FALSE;
  return aff_offer_revision_set_contingency (self, aff_risk_summary_get_expected_exposure (summary), error);
}

/**
 * aff_offer_revision_set_margin_rate:
 * @self: a draft revision
 * @basis_points: the margin rate on the selling price, above −10000 and
 *   below 10000
 * @error: return location for a #GError
 *
 * Prices the revision from its cost price and a margin rate on the selling
 * price, replacing a selling price set directly.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_FROZEN or
 *   %AFF_ERROR_INVALID_VALUE set
 */
gboolean
aff_offer_revision_set_margin_rate (AffOfferRevision  *self,
                                    int                basis_points,
                                    GError           **error)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), FALSE);

  if (!check_rate (self, basis_points, -9999, 9999, _("the margin rate"), error))
    return FALSE;
  self->price_mode = PRICE_FROM_MARGIN;
  self->margin_rate = basis_points;
  g_clear_pointer (&self->selling_price, aff_money_free);
  return TRUE;
}

/**
 * aff_offer_revision_set_selling_price:
 * @self: a draft revision
 * @price: the selling price, excluding VAT
 * @error: return location for a #GError
 *
 * Sets the selling price directly (after a negotiation, say), replacing a
 * margin rate; the margin follows.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_FROZEN,
 *   %AFF_ERROR_CURRENCY_MISMATCH or %AFF_ERROR_INVALID_VALUE set
 */
gboolean
aff_offer_revision_set_selling_price (AffOfferRevision  *self,
                                      const AffMoney    *price,
                                      GError           **error)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), FALSE);
  g_return_val_if_fail (price != NULL, FALSE);

  if (!check_draft (self, error) || !check_currency (self, price, _("the selling price"), error))
    return FALSE;
  self->price_mode = PRICE_SET;
  g_clear_pointer (&self->selling_price, aff_money_free);
  self->selling_price = aff_money_copy (price);
  return TRUE;
}

/* Sums the direct costs of the lines, by kind. */
static gboolean
direct_costs (AffOfferRevision  *self,
              AffInt128          by_kind[N_KINDS],
              GError           **error)
{
  guint i, n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));

  memset (by_kind, 0, sizeof (AffInt128) * N_KINDS);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffOfferLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);
      g_autoptr(AffMoney) cost = aff_offer_line_compute_cost (line, error);

      if (cost == NULL)
        return FALSE;
      by_kind[aff_offer_line_get_kind (line)] += _aff_money_minor (cost);
    }
  return TRUE;
}

static AffMoney *
money_from (AffOfferRevision  *self,
            AffInt128          minor,
            GError           **error)
{
  if (minor > G_MAXINT64 || minor < G_MININT64)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW,
                        _("revision %s: the amount does not fit in 64 bits of minor units"), self->letter), NULL;
  return aff_money_new ((gint64) minor, self->currency, error);
}

static gboolean
round_or_overflow (AffOfferRevision  *self,
                   AffInt128          numerator,
                   AffInt128          denominator,
                   AffInt128         *result,
                   GError           **error)
{
  gint64 value;

  if (!_aff_round_half_even (numerator, denominator, &value))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW,
                        _("revision %s: the amount does not fit in 64 bits of minor units"), self->letter), FALSE;
  *result = value;
  return TRUE;
}

/* The whole price build-up in minor units; any piece may be NULL. */
static gboolean
compute (AffOfferRevision  *self,
         AffInt128         *direct,
         AffInt128         *overheads,
         AffInt128         *cost,
         AffInt128         *selling,
         GError           **error)
{
  AffInt128 by_kind[N_KINDS], d = 0, o = 0, c, s;
  guint k;

  if (!direct_costs (self, by_kind, error))
    return FALSE;
  for (k = 0; k < N_KINDS; k++)
    {
      AffInt128 part;

      if (!round_or_overflow (self, by_kind[k] * self->overhead_rates[k], 10000, &part, error))
        return FALSE;
      d += by_kind[k];
      o += part;
    }
  c = d + o + _aff_money_minor (self->contingency);
  switch (self->price_mode)
    {
    case PRICE_FROM_MARGIN:
      if (!round_or_overflow (self, c * 10000, 10000 - self->margin_rate, &s, error))
        return FALSE;
      break;
    case PRICE_SET:
      s = _aff_money_minor (self->selling_price);
      break;
    case PRICE_AT_COST:
    default:
      s = c;
      break;
    }
  if (direct) *direct = d;
  if (overheads) *overheads = o;
  if (cost) *cost = c;
  if (selling) *selling = s;
  return TRUE;
}

/**
 * aff_offer_revision_get_direct_cost:
 * @self: a revision
 * @error: return location for a #GError
 *
 * Computes the direct cost: the sum of the lines' costs.
 *
 * Returns: (transfer full): the direct cost, or %NULL with
 *   %AFF_ERROR_OVERFLOW set
 */
AffMoney *
aff_offer_revision_get_direct_cost (AffOfferRevision  *self,
                                    GError           **error)
{
  AffInt128 value;

  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), NULL);
  return compute (self, &value, NULL, NULL, NULL, error) ? money_from (self, value, error) : NULL;
}

/**
 * aff_offer_revision_get_overheads:
 * @self: a revision
 * @error: return location for a #GError
 *
 * Computes the overheads: for each kind of cost, its direct cost times its
 * overhead rate, rounded half to even.
 *
 * Returns: (transfer full): the overheads, or %NULL with
 *   %AFF_ERROR_OVERFLOW set
 */
AffMoney *
aff_offer_revision_get_overheads (AffOfferRevision  *self,
                                  GError           **error)
{
  AffInt128 value;

  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), NULL);
  return compute (self, NULL, &value, NULL, NULL, error) ? money_from (self, value, error) : NULL;
}

/**
 * aff_offer_revision_get_cost_price:
 * @self: a revision
 * @error: return location for a #GError
 *
 * Computes the cost price (prix de revient): direct cost, overheads and the
 * risk contingency.
 *
 * Returns: (transfer full): the cost price, or %NULL with
 *   %AFF_ERROR_OVERFLOW set
 */
AffMoney *
aff_offer_revision_get_cost_price (AffOfferRevision  *self,
                                   GError           **error)
{
  AffInt128 value;

  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), NULL);
  return compute (self, NULL, NULL, &value, NULL, error) ? money_from (self, value, error) : NULL;
}

/**
 * aff_offer_revision_get_selling_price:
 * @self: a revision
 * @error: return location for a #GError
 *
 * Gets the selling price excluding VAT: set directly, or cost price ×
 * 10000 / (10000 − margin rate) rounded half to even, or the cost price when
 * neither is set.
 *
 * Returns: (transfer full): the selling price, or %NULL with
 *   %AFF_ERROR_OVERFLOW set
 */
AffMoney *
aff_offer_revision_get_selling_price (AffOfferRevision  *self,
                                      GError           **error)
{
  AffInt128 value;

  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), NULL);
  return compute (self, NULL, NULL, NULL, &value, error) ? money_from (self, value, error) : NULL;
}

/**
 * aff_offer_revision_get_margin:
 * @self: a revision
 * @error: return location for a #GError
 *
 * Computes the margin: selling price − cost price.
 *
 * Returns: (transfer full): the margin, or %NULL with %AFF_ERROR_OVERFLOW set
 */
AffMoney *
aff_offer_revision_get_margin (AffOfferRevision  *self,
                               GError           **error)
{
  AffInt128 cost, selling;

  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), NULL);
  return compute (self, NULL, NULL, &cost, &selling, error) ? money_from (self, selling - cost, error) : NULL;
}

/**
 * aff_offer_revision_get_margin_rate:
 * @self: a revision
 * @error: return location for a #GError
 *
 * Computes the margin rate on the selling price, in basis points rounded
 * half to even.
 *
 * Returns: the margin rate (0 when the selling price is 0), or 0 with
 *   %AFF_ERROR_OVERFLOW set
 */
int
aff_offer_revision_get_margin_rate (AffOfferRevision  *self,
                                    GError           **error)
{
  AffInt128 cost, selling, rate;

  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), 0);

  if (!compute (self, NULL, NULL, &cost, &selling, error))
    return 0;
  if (selling == 0)
    return 0;
  if (!round_or_overflow (self, (selling - cost) * 10000, selling, &rate, error))
    return 0;
  return (int) CLAMP (rate, G_MININT, G_MAXINT);
}

/**
 * aff_offer_revision_get_vat_rate:
 * @self: a revision
 *
 * Gets the VAT rate.
 *
 * Returns: the rate in basis points
 */
int
aff_offer_revision_get_vat_rate (AffOfferRevision *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), 0);
  return self->vat_rate;
}

/**
 * aff_offer_revision_set_vat_rate:
 * @self: a draft revision
 * @basis_points: from 0 to 10000
 * @error: return location for a #GError
 *
 * Sets the VAT rate (20 % is 2000; 0 for an intra-EU or export sale).
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_FROZEN or
 *   %AFF_ERROR_INVALID_VALUE set
 */
gboolean
aff_offer_revision_set_vat_rate (AffOfferRevision  *self,
                                 int                basis_points,
                                 GError           **error)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), FALSE);

  if (!check_rate (self, basis_points, 0, 10000, _("the VAT rate"), error))
    return FALSE;
  self->vat_rate = basis_points;
  return TRUE;
}

/**
 * aff_offer_revision_get_vat:
 * @self: a revision
 * @error: return location for a #GError
 *
 * Computes the VAT: selling price × VAT rate, rounded half to even.
 *
 * Returns: (transfer full): the VAT, or %NULL with %AFF_ERROR_OVERFLOW set
 */
AffMoney *
aff_offer_revision_get_vat (AffOfferRevision  *self,
                            GError           **error)
{
  AffInt128 selling, vat;

  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), NULL);
  if (!compute (self, NULL, NULL, NULL, &selling, error) ||
      !round_or_overflow (self, selling * self->vat_rate, 10000, &vat, error))
    return NULL;
  return money_from (self, vat, error);
}

/**
 * aff_offer_revision_get_total_including_vat:
 * @self: a revision
 * @error: return location for a #GError
 *
 * Computes the total including VAT: selling price + VAT.
 *
 * Returns: (transfer full): the total, or %NULL with %AFF_ERROR_OVERFLOW set
 */
AffMoney *
aff_offer_revision_get_total_including_vat (AffOfferRevision  *self,
                                            GError           **error)
{
  AffInt128 selling, vat;

  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), NULL);
  if (!compute (self, NULL, NULL, NULL, &selling, error) ||
      !round_or_overflow (self, selling * self->vat_rate, 10000, &vat, error))
    return NULL;
  return money_from (self, selling + vat, error);
}

/**
 * aff_offer_revision_get_lead_time_days:
 * @self: a revision
 *
 * Gets the lead time offered.
 *
 * Returns: working days from the order
 */
guint
aff_offer_revision_get_lead_time_days (AffOfferRevision *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), 0);
  return self->lead_time_days;
}

/**
 * aff_offer_revision_set_lead_time_days:
 * @self: a draft revision
 * @days: working days from the order, at most 36500
 * @error: return location for a #GError
 *
 * Sets the lead time offered.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_FROZEN or
 *   %AFF_ERROR_INVALID_VALUE set
 */
gboolean
aff_offer_revision_set_lead_time_days (AffOfferRevision  *self,
                                       guint              days,
                                       GError           **error)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), FALSE);

  if (!check_rate (self, (int) MIN (days, (guint) G_MAXINT), 0, 36500, _("the lead time"), error))
    return FALSE;
  self->lead_time_days = days;
  return TRUE;
}

/**
 * aff_offer_revision_get_validity:
 * @self: a revision
 *
 * Gets the last day the offer is valid.
 *
 * Returns: (nullable) (transfer none): the validity date, or %NULL
 */
const GDate *
aff_offer_revision_get_validity (AffOfferRevision *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), NULL);
  return g_date_valid (&self->validity) ? &self->validity : NULL;
}

/**
 * aff_offer_revision_set_validity:
 * @self: a draft revision
 * @date: the last day the offer is valid
 * @error: return location for a #GError
 *
 * Sets the last day the offer is valid.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_FROZEN or
 *   %AFF_ERROR_INVALID_VALUE set
 */
gboolean
aff_offer_revision_set_validity (AffOfferRevision  *self,
                                 const GDate       *date,
                                 GError           **error)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), FALSE);

  if (!check_draft (self, error))
    return FALSE;
  if (date == NULL || !g_date_valid (date))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("revision %s: the validity needs a valid date"), self->letter), FALSE;
  self->validity = *date;
  return TRUE;
}

/**
 * aff_offer_revision_get_payment_days:
 * @self: a revision
 *
 * Gets the payment term.
 *
 * Returns: days from the invoice (or end of month)
 */
guint
aff_offer_revision_get_payment_days (AffOfferRevision *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), 0);
  return self->payment_days;
}

/**
 * aff_offer_revision_get_payment_end_of_month:
 * @self: a revision
 *
 * Tells whether the payment term counts end of month.
 *
 * Returns: whether the term is “fin de mois”
 */
gboolean
aff_offer_revision_get_payment_end_of_month (AffOfferRevision *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), FALSE);
  return self->payment_end_of_month;
}

/**
 * aff_offer_revision_set_payment_terms:
 * @self: a draft revision
 * @days: days from the invoice date, or from the end of its month
 * @end_of_month: whether the term counts end of month
 * @error: return location for a #GError
 *
 * Sets the payment terms, within the French legal maximum (Code de commerce
 * L441-10): 60 days from the invoice date, or 45 days end of month.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_FROZEN or
 *   %AFF_ERROR_INVALID_VALUE set
 */
gboolean
aff_offer_revision_set_payment_terms (AffOfferRevision  *self,
                                      guint              days,
                                      gboolean           end_of_month,
                                      GError           **error)
{
  guint maximum = end_of_month ? AFF_LEGAL_MAX_PAYMENT_DAYS_END_OF_MONTH : AFF_LEGAL_MAX_PAYMENT_DAYS;

  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), FALSE);

  if (!check_draft (self, error))
    return FALSE;
  if (days > maximum)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        end_of_month
                        ? _("revision %s: %u days end of month is beyond the legal maximum of %u (Code de commerce L441-10)")
                        : _("revision %s: %u days is beyond the legal maximum of %u (Code de commerce L441-10)"),
                        self->letter, days, maximum), FALSE;
  self->payment_days = days;
  self->payment_end_of_month = end_of_month;
  return TRUE;
}

/**
 * aff_offer_revision_get_advance_rate:
 * @self: a revision
 *
 * Gets the advance payment (acompte) asked at the order.
 *
 * Returns: basis points of the selling price
 */
int
aff_offer_revision_get_advance_rate (AffOfferRevision *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), 0);
  return self->advance_rate;
}

/**
 * aff_offer_revision_get_retention_rate:
 * @self: a revision
 *
 * Gets the retention (retenue de garantie) on each payment.
 *
 * Returns: basis points, at most 500
 */
int
aff_offer_revision_get_retention_rate (AffOfferRevision *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), 0);
  return self->retention_rate;
}

/**
 * aff_offer_revision_get_progress_billing:
 * @self: a revision
 *
 * Tells whether the work is billed by progress situations.
 *
 * Returns: whether progress billing is proposed
 */
gboolean
aff_offer_revision_get_progress_billing (AffOfferRevision *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), FALSE);
  return self->progress_billing;
}

/**
 * aff_offer_revision_set_billing:
 * @self: a draft revision
 * @advance_rate: the advance at the order, 0 to 10000 basis points
 * @progress_billing: whether to bill by progress situations
 * @retention_rate: the retention, 0 to 500 basis points (loi 71-584)
 * @error: return location for a #GError
 *
 * Sets the billing proposal.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_FROZEN or
 *   %AFF_ERROR_INVALID_VALUE set and nothing changed
 */
gboolean
aff_offer_revision_set_billing (AffOfferRevision  *self,
                                int                advance_rate,
                                gboolean           progress_billing,
                                int                retention_rate,
                                GError           **error)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), FALSE);

  if (!check_rate (self, advance_rate, 0, 10000, _("the advance rate"), error) ||
      !check_rate (self, retention_rate, 0, AFF_LEGAL_MAX_RETENTION_RATE, _("the retention rate"), error))
    return FALSE;
  self->advance_rate = advance_rate;
  self->progress_billing = progress_billing;
  self->retention_rate = retention_rate;
  return TRUE;
}

/**
 * aff_offer_revision_get_acknowledged_flags:
 * @self: a revision
 *
 * Gets the dangerous work the revision's notes acknowledge.
 *
 * Returns: the flags acknowledged
 */
AffRegulatoryFlags
aff_offer_revision_get_acknowledged_flags (AffOfferRevision *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), AFF_REGULATORY_FLAGS_NONE);
  return self->acknowledged;
}

/**
 * aff_offer_revision_acknowledge:
 * @self: a draft revision
 * @flags: dangerous work of the consultation
 * @note: how the offer takes it into account (permits, equipment, prevention
 *   plan…), in words the client will read
 * @error: return location for a #GError
 *
 * Acknowledges dangerous work the consultation involves with a note of the
 * offer, as the checks before sending require.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_FROZEN or
 *   %AFF_ERROR_INVALID_VALUE (empty note, no flag) set
 */
gboolean
aff_offer_revision_acknowledge (AffOfferRevision    *self,
                                AffRegulatoryFlags   flags,
                                const char          *note,
                                GError             **error)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), FALSE);

  if (!check_draft (self, error))
    return FALSE;
  if (flags == AFF_REGULATORY_FLAGS_NONE || note == NULL || *note == '\0')
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("revision %s: an acknowledgement needs dangerous work and a note"), self->letter), FALSE;
  self->acknowledged |= flags;
  g_ptr_array_insert (self->notes, self->notes->len - 1, g_strdup (note));
  return TRUE;
}

/**
 * aff_offer_revision_get_notes:
 * @self: a revision
 *
 * Gets the notes of the revision.
 *
 * Returns: (array zero-terminated=1) (transfer none): the notes
 */
const char * const *
aff_offer_revision_get_notes (AffOfferRevision *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), NULL);
  return (const char * const *) self->notes->pdata;
}

/**
 * aff_offer_revision_get_approver:
 * @self: a revision
 *
 * Gets who in the management approved the revision's margin.
 *
 * Returns: (nullable): the approver
 */
const char *
aff_offer_revision_get_approver (AffOfferRevision *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), NULL);
  return self->approver;
}

/**
 * aff_offer_revision_get_approval_justification:
 * @self: a revision
 *
 * Gets why the management approved the revision's margin.
 *
 * Returns: (nullable): the justification
 */
const char *
aff_offer_revision_get_approval_justification (AffOfferRevision *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), NULL);
  return self->approval_justification;
}

gboolean
_aff_offer_revision_approve (AffOfferRevision  *self,
                             const char        *approver,
                             const char        *justification,
                             GError           **error)
{
  if (!check_draft (self, error))
    return FALSE;
  g_free (self->approver);
  self->approver = g_strdup (approver);
  g_free (self->approval_justification);
  self->approval_justification = g_strdup (justification);
  return TRUE;
}

/* The next draft: the same lines and terms, no approval, not frozen. */
AffOfferRevision *
_aff_offer_revision_copy_as (AffOfferRevision *self,
                             const char       *letter)
{
  AffOfferRevision *copy = g_object_new (AFF_TYPE_OFFER_REVISION, NULL);
  guint i, n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));

  copy->letter = g_strdup (letter);
  memcpy (copy->currency, self->currency, sizeof copy->currency);
  memcpy (copy->overhead_rates, self->overhead_rates, sizeof copy->overhead_rates);
  copy->contingency = aff_money_copy (self->contingency);
  copy->price_mode = self->price_mode;
  copy->margin_rate = self->margin_rate;
  copy->selling_price = self->selling_price ? aff_money_copy (self->selling_price) : NULL;
  copy->vat_rate = self->vat_rate;
  copy->lead_time_days = self->lead_time_days;
  copy->validity = self->validity;
  copy->payment_days = self->payment_days;
  copy->payment_end_of_month = self->payment_end_of_month;
  copy->advance_rate = self->advance_rate;
  copy->progress_billing = self->progress_billing;
  copy->retention_rate = self->retention_rate;
  copy->acknowledged = self->acknowledged;
  for (i = 0; i + 1 < self->notes->len; i++)
    g_ptr_array_insert (copy->notes, copy->notes->len - 1, g_strdup (g_ptr_array_index (self->notes, i)));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffOfferLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);
      g_autoptr(AffOfferLine) twin = _aff_offer_line_copy (line);

      _aff_offer_line_set_revision (twin, copy);
      g_list_store_append (copy->lines, twin);
    }
  return copy;
}

static const char *const price_modes[] = { "cost", "margin", "price", NULL };

void
_aff_offer_revision_to_json (AffOfferRevision *self,
                             JsonBuilder      *builder)
{
  const char * const *kinds = aff_policy_list_overhead_kinds ();
  guint i, n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));

  json_builder_begin_object (builder);
  aff_json_add_string (builder, "letter", self->letter);
  aff_json_add_string (builder, "currency", self->currency);
  aff_json_add_boolean (builder, "frozen", self->frozen);
  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffOfferLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);
      _aff_offer_line_to_json (line, builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "overhead_rates");
  json_builder_begin_object (builder);
  for (i = 0; i < N_KINDS; i++)
    aff_json_add_int (builder, kinds[i], self->overhead_rates[i]);
  json_builder_end_object (builder);
  aff_json_add_money (builder, "contingency", self->contingency);
  aff_json_add_string (builder, "pricing", price_modes[self->price_mode]);
  if (self->price_mode == PRICE_FROM_MARGIN)
    aff_json_add_int (builder, "margin_rate", self->margin_rate);
  aff_json_add_money (builder, "selling_price", self->price_mode == PRICE_SET ? self->selling_price : NULL);
  aff_json_add_int (builder, "vat_rate", self->vat_rate);
  aff_json_add_int (builder, "lead_time_days", self->lead_time_days);
  aff_json_add_date (builder, "validity", &self->validity);
  aff_json_add_int (builder, "payment_days", self->payment_days);
  aff_json_add_boolean (builder, "payment_end_of_month", self->payment_end_of_month);
  aff_json_add_int (builder, "advance_rate", self->advance_rate);
  aff_json_add_boolean (builder, "progress_billing", self->progress_billing);
  aff_json_add_int (builder, "retention_rate", self->retention_rate);
  aff_json_add_flags (builder, "acknowledged_flags", AFF_TYPE_REGULATORY_FLAGS, self->acknowledged);
  aff_json_add_strv (builder, "notes", (const char * const *) self->notes->pdata);
  if (self->approver != NULL)
    {
      json_builder_set_member_name (builder, "approval");
      json_builder_begin_object (builder);
      aff_json_add_string (builder, "approver", self->approver);
      aff_json_add_string (builder, "justification", self->approval_justification);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static gboolean
read_line (AffJsonReader *reader,
           JsonNode      *element,
           guint          index,
           gpointer       data,
           GError       **error)
{
  AffOfferRevision *self = data;
  g_autoptr(AffOfferLine) line = _aff_offer_line_from_json (reader, element, error);

  if (line == NULL)
    return FALSE;
  if (strcmp (aff_money_get_currency (aff_offer_line_get_unit_cost (line)), self->currency) != 0)
    return aff_json_reader_fail_at (reader, "unit_cost", error, _("expected an amount in %s, the revision's currency"),
                                    self->currency);
  _aff_offer_line_set_revision (line, self);
  g_list_store_append (self->lines, line);
  return TRUE;
}

AffOfferRevision *
_aff_offer_revision_from_json (AffJsonReader *reader,
                               JsonNode      *node,
                               GError       **error)
{
  static const char *const members[] = {
    "letter", "currency", "frozen", "lines", "overhead_rates", "contingency", "pricing", "margin_rate",
    "selling_price", "vat_rate", "lead_time_days", "validity", "payment_days", "payment_end_of_month",
    "advance_rate", "progress_billing", "retention_rate", "acknowledged_flags", "notes", "approval", NULL
  };
  static const char *const approval_members[] = { "approver", "justification", NULL };
  const char * const *kinds = aff_policy_list_overhead_kinds ();
  g_autoptr(AffOfferRevision) self = g_object_new (AFF_TYPE_OFFER_REVISION, NULL);
  g_autofree char *currency = NULL, *pricing = NULL;
  g_auto(GStrv) notes = NULL;
  JsonObject *object, *rates, *approval;
  gint64 value;
  guint i, flags;

  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "letter", TRUE, &self->letter, error) ||
      !aff_json_get_string (reader, object, "currency", TRUE, &currency, error) ||
      !aff_json_get_string (reader, object, "pricing", TRUE, &pricing, error))
    return NULL;
  if (!aff_currency_get_exponent (currency, NULL))
    return aff_json_reader_fail_at (reader, "currency", error, _("expected an ISO 4217 currency code such as EUR")), NULL;
  g_strlcpy (self->currency, currency, sizeof self->currency);
  for (i = 0; price_modes[i] != NULL && strcmp (price_modes[i], pricing) != 0; i++)
    ;
  if (price_modes[i] == NULL)
    return aff_json_reader_fail_at (reader, "pricing", error, _("expected “cost”, “margin” or “price”")), NULL;
  self->price_mode = i;

  if (!aff_json_read_array (reader, object, "lines", read_line, self, error) ||
      !aff_json_get_money (reader, object, "contingency", TRUE, &self->contingency, error) ||
      !aff_json_get_object (reader, object, "overhead_rates", &rates, error) ||
      !aff_json_get_object (reader, object, "approval", &approval, error) ||
      !aff_json_get_date (reader, object, "validity", FALSE, &self->validity, error) ||
      !aff_json_get_flags (reader, object, "acknowledged_flags", AFF_TYPE_REGULATORY_FLAGS, &flags, error) ||
      !aff_json_get_strv (reader, object, "notes", &notes, error) ||
      !aff_json_get_boolean (reader, object, "frozen", &self->frozen, error) ||
      !aff_json_get_boolean (reader, object, "payment_end_of_month", &self->payment_end_of_month, error) ||
      !aff_json_get_boolean (reader, object, "progress_billing", &self->progress_billing, error))
    return NULL;
  self->acknowledged = flags;
  if (!check_currency (self, self->contingency, "contingency", NULL))
    return aff_json_reader_fail_at (reader, "contingency", error,
                                    _("expected a positive amount in %s"), self->currency), NULL;
  for (i = 0; notes != NULL && notes[i] != NULL; i++)
    g_ptr_array_insert (self->notes, self->notes->len - 1, g_strdup (notes[i]));

#define READ_INT(member, min, max, field)                                                  \
  if (!aff_json_get_int (reader, object, member, TRUE, min, max, &value, error))           \
    return NULL;                                                                           \
  field = value;
  READ_INT ("vat_rate", 0, 10000, self->vat_rate)
  READ_INT ("lead_time_days", 0, 36500, self->lead_time_days)
  READ_INT ("payment_days", 0, self->payment_end_of_month ? AFF_LEGAL_MAX_PAYMENT_DAYS_END_OF_MONTH
                                                          : AFF_LEGAL_MAX_PAYMENT_DAYS, self->payment_days)
  READ_INT ("advance_rate", 0, 10000, self->advance_rate)
  READ_INT ("retention_rate", 0, AFF_LEGAL_MAX_RETENTION_RATE, self->retention_rate)
#undef READ_INT

  if (self->price_mode == PRICE_FROM_MARGIN &&
      !aff_json_get_int (reader, object, "margin_rate", TRUE, -9999, 9999, &value, error))
    return NULL;
  if (self->price_mode == PRICE_FROM_MARGIN)
    self->margin_rate = (int) value;
  if (self->price_mode == PRICE_SET &&
      !aff_json_get_money (reader, object, "selling_price", TRUE, &self->selling_price, error))
    return NULL;
  if (self->price_mode == PRICE_SET && !check_currency (self, self->selling_price, "selling_price", NULL))
    return aff_json_reader_fail_at (reader, "selling_price", error,
                                    _("expected a positive amount in %s"), self->currency), NULL;

  if (rates != NULL)
    {
      gsize mark = aff_json_reader_push_member (reader, "overhead_rates");
      gboolean ok = aff_json_check_members (reader, rates, kinds, error);

      for (i = 0; ok && i < N_KINDS; i++)
        {
          value = 0;
          ok = aff_json_get_int (reader, rates, kinds[i], TRUE, 0, 10000, &value, error);
          self->overhead_rates[i] = (guint) value;
        }
      aff_json_reader_pop (reader, mark);
      if (!ok)
        return NULL;
    }
  else
    return aff_json_reader_fail_at (reader, "overhead_rates", error, _("missing required member")), NULL;

  if (approval != NULL)
    {
      gsize mark = aff_json_reader_push_member (reader, "approval");
      gboolean ok = aff_json_check_members (reader, approval, approval_members, error) &&
                    aff_json_get_string (reader, approval, "approver", TRUE, &self->approver, error) &&
                    aff_json_get_string (reader, approval, "justification", TRUE,
                                         &self->approval_justification, error);
      aff_json_reader_pop (reader, mark);
      if (!ok)
        return NULL;
    }
  return g_steal_pointer (&self);
}

void
_aff_offer_revision_set_offer (AffOfferRevision *self,
                               AffOffer         *offer)
{
  if (self->offer == offer)
    return;
  if (self->offer != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->offer), (gpointer *) &self->offer);
  self->offer = offer;
  if (offer != NULL)
    g_object_add_weak_pointer (G_OBJECT (offer), (gpointer *) &self->offer);
}

AffOffer *
_aff_offer_revision_get_offer (AffOfferRevision *self)
{
  return self->offer;
}

char *
_aff_offer_revision_seal (AffOfferRevision *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) node = NULL;

  _aff_offer_revision_to_json (self, builder);
  node = json_builder_get_root (builder);
  return aff_json_seal (node);
}
