/* aff-offer-analysis.c: what changed between revisions, and the pipeline
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-money-private.h"
#include "aff-offers-private.h"
#include "aff-offer-analysis.h"

/**
 * AffLineDiff:
 *
 * How one line's cost changed between two revisions: before, after, and the
 * difference.
 */

struct _AffLineDiff
{
  char *description;
  AffLineKind kind;
  char *lot;
  AffMoney *before;
  AffMoney *after;
  AffMoney *delta;
};

/**
 * aff_line_diff_copy:
 * @self: a line difference
 *
 * Copies a line difference.
 *
 * Returns: (transfer full): a copy of @self
 */
AffLineDiff *
aff_line_diff_copy (const AffLineDiff *self)
{
  AffLineDiff *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_new (AffLineDiff, 1);
  copy->description = g_strdup (self->description);
  copy->kind = self->kind;
  copy->lot = g_strdup (self->lot);
  copy->before = self->before ? aff_money_copy (self->before) : NULL;
  copy->after = self->after ? aff_money_copy (self->after) : NULL;
  copy->delta = aff_money_copy (self->delta);
  return copy;
}

/**
 * aff_line_diff_free:
 * @self: (nullable): a line difference
 *
 * Frees a line difference.
 */
void
aff_line_diff_free (AffLineDiff *self)
{
  if (self == NULL)
    return;
  g_free (self->description);
  g_free (self->lot);
  g_clear_pointer (&self->before, aff_money_free);
  g_clear_pointer (&self->after, aff_money_free);
  g_clear_pointer (&self->delta, aff_money_free);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffLineDiff, aff_line_diff, aff_line_diff_copy, aff_line_diff_free)

/**
 * aff_line_diff_get_description:
 * @self: a line difference
 *
 * Gets the line's description.
 *
 * Returns: the description
 */
const char *
aff_line_diff_get_description (const AffLineDiff *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->description;
}

/**
 * aff_line_diff_get_kind:
 * @self: a line difference
 *
 * Gets the line's kind of cost.
 *
 * Returns: the kind
 */
AffLineKind
aff_line_diff_get_kind (const AffLineDiff *self)
{
  g_return_val_if_fail (self != NULL, AFF_LINE_KIND_OTHER);
  return self->kind;
}

/**
 * aff_line_diff_get_lot:
 * @self: a line difference
 *
 * Gets the line's lot.
 *
 * Returns: (nullable): the lot
 */
const char *
aff_line_diff_get_lot (const AffLineDiff *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->lot;
}

/**
 * aff_line_diff_get_before:
 * @self: a line difference
 *
 * Gets the line's cost in the older revision.
 *
 * Returns: (nullable) (transfer none): the cost, or %NULL for a line added
 */
const AffMoney *
aff_line_diff_get_before (const AffLineDiff *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->before;
}

/**
 * aff_line_diff_get_after:
 * @self: a line difference
 *
 * Gets the line's cost in the newer revision.
 *
 * Returns: (nullable) (transfer none): the cost, or %NULL for a line removed
 */
const AffMoney *
aff_line_diff_get_after (const AffLineDiff *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->after;
}

/**
 * aff_line_diff_get_delta:
 * @self: a line difference
 *
 * Gets after − before, a missing side counting as zero.
 *
 * Returns: (transfer none): the difference
 */
const AffMoney *
aff_line_diff_get_delta (const AffLineDiff *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->delta;
}

/**
 * AffRevisionDiff:
 *
 * What changed between two revisions of an offer: the selling price, cost
 * price, margin and margin rate, and every line's cost.
 */

struct _AffRevisionDiff
{
  AffMoney *selling;
  AffMoney *cost;
  AffMoney *margin;
  int margin_rate;
  GPtrArray *lines;     /* AffLineDiff */
};

/**
 * aff_revision_diff_copy:
 * @self: a revision difference
 *
 * Copies a revision difference.
 *
 * Returns: (transfer full): a copy of @self
 */
AffRevisionDiff *
aff_revision_diff_copy (const AffRevisionDiff *self)
{
  AffRevisionDiff *copy;
  guint i;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_new (AffRevisionDiff, 1);
  copy->selling = aff_money_copy (self->selling);
  copy->cost = aff_money_copy (self->cost);
  copy->margin = aff_money_copy (self->margin);
  copy->margin_rate = self->margin_rate;
  copy->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_line_diff_free);
  for (i = 0; i < self->lines->len; i++)
    g_ptr_array_add (copy->lines, aff_line_diff_copy (g_ptr_array_index (self->lines, i)));
  return copy;
}

/**
 * aff_revision_diff_free:
 * @self: (nullable): a revision difference
 *
 * Frees a revision difference.
 */
void
aff_revision_diff_free (AffRevisionDiff *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->selling, aff_money_free);
  g_clear_pointer (&self->cost, aff_money_free);
  g_clear_pointer (&self->margin, aff_money_free);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffRevisionDiff, aff_revision_diff, aff_revision_diff_copy, aff_revision_diff_free)

/**
 * aff_revision_diff_get_selling_delta:
 * @self: a revision difference
 *
 * Gets the change of the selling price.
 *
 * Returns: (transfer none): newer − older
 */
const AffMoney *
aff_revision_diff_get_selling_delta (const AffRevisionDiff *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->selling;
}

/**
 * aff_revision_diff_get_cost_delta:
 * @self: a revision difference
 *
 * Gets the change of the cost price.
 *
 * Returns: (transfer none): newer − older
 */
const AffMoney *
aff_revision_diff_get_cost_delta (const AffRevisionDiff *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->cost;
}

/**
 * aff_revision_diff_get_margin_delta:
 * @self: a revision difference
 *
 * Gets the change of the margin.
 *
 * Returns: (transfer none): newer − older
 */
const AffMoney *
aff_revision_diff_get_margin_delta (const AffRevisionDiff *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->margin;
}

/**
 * aff_revision_diff_get_margin_rate_delta:
 * @self: a revision difference
 *
 * Gets the change of the margin rate.
 *
 * Returns: newer − older, in basis points
 */
int
aff_revision_diff_get_margin_rate_delta (const AffRevisionDiff *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->margin_rate;
}

/**
 * aff_revision_diff_get_lines:
 * @self: a revision difference
 *
 * Gets every line's change: the older revision's lines in their order, then
 * the lines added.
 *
 * Returns: (transfer container) (element-type AffLineDiff): the line differences
 */
GPtrArray *
aff_revision_diff_get_lines (const AffRevisionDiff *self)
{
  GPtrArray *copy;
  guint i;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_line_diff_free);
  for (i = 0; i < self->lines->len; i++)
    g_ptr_array_add (copy, aff_line_diff_copy (g_ptr_array_index (self->lines, i)));
  return copy;
}

static gboolean
same_key (AffOfferLine *line,
          AffLineDiff  *diff)
{
  return aff_offer_line_get_kind (line) == diff->kind &&
         strcmp (aff_offer_line_get_description (line), diff->description) == 0 &&
         g_strcmp0 (aff_offer_line_get_lot (line), diff->lot) == 0;
}

/* Adds @cost to the side @after or before of the line's entry. */
static gboolean
account_line (GPtrArray     *diffs,
              AffOfferLine  *line,
              gboolean       after,
              GError       **error)
{
  g_autoptr(AffMoney) cost = aff_offer_line_compute_cost (line, error);
  AffLineDiff *diff = NULL;
  AffMoney **side;
  guint i;

  if (cost == NULL)
    return FALSE;
  for (i = 0; i < diffs->len && diff == NULL; i++)
    if (same_key (line, g_ptr_array_index (diffs, i)))
      diff = g_ptr_array_index (diffs, i);
  if (diff == NULL)
    {
      diff = g_new0 (AffLineDiff, 1);
      diff->description = g_strdup (aff_offer_line_get_description (line));
      diff->kind = aff_offer_line_get_kind (line);
      diff->lot = g_strdup (aff_offer_line_get_lot (line));
      g_ptr_array_add (diffs, diff);
    }
  side = after ? &diff->after : &diff->before;
  if (*side == NULL)
    *side = g_steal_pointer (&cost);
  else
    {
      AffMoney *sum = aff_money_add (*side, cost, error);

      if (sum == NULL)
        return FALSE;
      aff_money_free (*side);
      *side = sum;
    }
  return TRUE;
}

static AffMoney *
difference (AffOfferRevision  *newer,
            AffOfferRevision  *older,
            AffMoney        *(*get) (AffOfferRevision *, GError **),
            GError           **error)
{
  g_autoptr(AffMoney) a = get (newer, error);
  g_autoptr(AffMoney) b = a ? get (older, error) : NULL;

  return b ? aff_money_subtract (a, b, error) : NULL;
}

/**
 * aff_offer_revision_compare:
 * @self: the newer revision
 * @other: the older revision
 * @error: return location for a #GError
 *
 * Tells what changed from @other to @self: price, cost and margin, and each
 * line's cost (lines matched by description, kind and lot).
 *
 * Returns: (transfer full): the differences, or %NULL with
 *   %AFF_ERROR_CURRENCY_MISMATCH or %AFF_ERROR_OVERFLOW set
 */
AffRevisionDiff *
aff_offer_revision_compare (AffOfferRevision  *self,
                            AffOfferRevision  *other,
                            GError           **error)
{
  g_autoptr(AffRevisionDiff) diff = NULL;
  GListModel *lines;
  guint i, n, pass;
  int rate_new, rate_old;

  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), NULL);
  g_return_val_if_fail (AFF_IS_OFFER_REVISION (other), NULL);

  if (strcmp (aff_offer_revision_get_currency (self), aff_offer_revision_get_currency (other)) != 0)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH,
                        _("revisions %s and %s are priced in different currencies"),
                        aff_offer_revision_get_letter (self), aff_offer_revision_get_letter (other)), NULL;

  diff = g_new0 (AffRevisionDiff, 1);
  diff->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_line_diff_free);
  if (!(diff->selling = difference (self, other, aff_offer_revision_get_selling_price, error)) ||
      !(diff->cost = difference (self, other, aff_offer_revision_get_cost_price, error)) ||
      !(diff->margin = difference (self, other, aff_offer_revision_get_margin, error)))
    return NULL;
  rate_new = aff_offer_revision_get_margin_rate (self, error);
  rate_old = aff_offer_revision_get_margin_rate (other, error);
  diff->margin_rate = rate_new - rate_old;

  for (pass = 0; pass < 2; pass++)
    {
      lines = aff_offer_revision_get_lines (pass == 0 ? other : self);
      n = g_list_model_get_n_items (lines);
      for (i = 0; i < n; i++)
        {
          g_autoptr(AffOfferLine) line = g_list_model_get_item (lines, i);

          if (!account_line (diff->lines, line, pass == 1, error))
            return NULL;
        }
    }
  for (i = 0; i < diff->lines->len; i++)
    {
      AffLineDiff *line = g_ptr_array_index (diff->lines, i);
      gint64 before = line->before ? _aff_money_minor (line->before) : 0;
      gint64 after = line->after ? _aff_money_minor (line->after) : 0;

      g_autoptr(AffMoney) a = aff_money_new (after, aff_offer_revision_get_currency (self), NULL);
      g_autoptr(AffMoney) b = aff_money_new (before, aff_offer_revision_get_currency (self), NULL);

      if (!(line->delta = aff_money_subtract (a, b, error)))
        return NULL;
    }
  return g_steal_pointer (&diff);
}

/**
 * AffPipeline:
 *
 * The commercial pipeline: the offers awaiting an answer, their total and
 * their value weighted by the hit rate, the margins of what was won and
 * lost, and the declined offers by [enum@Aff.LossReason].
 */

#define N_LOSS_REASONS (AFF_LOSS_REASON_OTHER + 1)

struct _AffPipeline
{
  guint n_open;
  AffMoney *open_total;
  AffMoney *weighted_total;
  int hit_rate;
  int margin_won;
  int margin_lost;
  guint n_lost[N_LOSS_REASONS];
  AffMoney *lost_total[N_LOSS_REASONS];
};

/**
 * aff_pipeline_copy:
 * @self: a pipeline
 *
 * Copies a pipeline.
 *
 * Returns: (transfer full): a copy of @self
 */
AffPipeline *
aff_pipeline_copy (const AffPipeline *self)
{
  AffPipeline *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_memdup2 (self, sizeof *self);
  copy->open_total = aff_money_copy (self->open_total);
  copy->weighted_total = aff_money_copy (self->weighted_total);
  for (guint i = 0; i < N_LOSS_REASONS; i++)
    copy->lost_total[i] = aff_money_copy (self->lost_total[i]);
  return copy;
}

/**
 * aff_pipeline_free:
 * @self: (nullable): a pipeline
 *
 * Frees a pipeline.
 */
void
aff_pipeline_free (AffPipeline *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->open_total, aff_money_free);
  g_clear_pointer (&self->weighted_total, aff_money_free);
  for (guint i = 0; i < N_LOSS_REASONS; i++)
    g_clear_pointer (&self->lost_total[i], aff_money_free);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffPipeline, aff_pipeline, aff_pipeline_copy, aff_pipeline_free)

/* The last revision the client saw: the current one, or the one before a draft. */
static AffOfferRevision *
last_sent (AffOffer *offer)
{
  GListModel *revisions = aff_offer_get_revisions (offer);
  guint n = g_list_model_get_n_items (revisions);

  while (n > 0)
    {
      g_autoptr(AffOfferRevision) revision = g_list_model_get_item (revisions, n - 1);

      if (aff_offer_revision_is_frozen (revision))
        return revision;   /* the offer keeps it alive */
      n--;
    }
  return NULL;
}

/* *total += the selling price of @revision. */
static gboolean
add_price (AffMoney         **total,
           AffOfferRevision  *revision,
           GError           **error)
{
  g_autoptr(AffMoney) price = aff_offer_revision_get_selling_price (revision, error);
  AffMoney *sum = price ? aff_money_add (*total, price, error) : NULL;

  if (sum == NULL)
    return FALSE;
  aff_money_free (*total);
  *total = sum;
  return TRUE;
}

static int
mean_rate (gint64 sum,
           gint64 count)
{
  gint64 value;

  if (count == 0)
    return -1;
  _aff_round_half_even (sum, count, &value);
  return (int) value;
}

/**
 * aff_pipeline_compute:
 * @offers: a list model of [class@Aff.Offer]
 * @currency: the currency of the totals
 * @error: return location for a #GError
 *
 * Computes the pipeline of @offers; see `docs/rules.md`.
 *
 * Returns: (transfer full): the pipeline, or %NULL with
 *   %AFF_ERROR_CURRENCY_MISMATCH, %AFF_ERROR_UNKNOWN_CURRENCY or
 *   %AFF_ERROR_OVERFLOW set
 */
AffPipeline *
aff_pipeline_compute (GListModel  *offers,
                      const char  *currency,
                      GError     **error)
{
  g_autoptr(AffPipeline) self = NULL;
  guint i, n, accepted = 0, closed = 0;
  gint64 won_sum = 0, won_count = 0, lost_sum = 0, lost_count = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (offers), NULL);

  self = g_new0 (AffPipeline, 1);
  if (!(self->open_total = aff_money_new_zero (currency, error)))
    return NULL;
  for (i = 0; i < N_LOSS_REASONS; i++)
    self->lost_total[i] = aff_money_new_zero (currency, NULL);
  n = g_list_model_get_n_items (offers);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffOffer) offer = g_list_model_get_item (offers, i);
      AffOfferRevision *sent = last_sent (offer);

      switch (aff_offer_get_state (offer))
        {
        case AFF_OFFER_STATE_SENT:
        case AFF_OFFER_STATE_NEGOTIATION:
          if (!add_price (&self->open_total, aff_offer_get_current_revision (offer), error))
            return NULL;
          self->n_open++;
          break;
        case AFF_OFFER_STATE_ACCEPTED:
          accepted++;
          closed++;
          if (sent != NULL)
            {
              won_sum += aff_offer_revision_get_margin_rate (sent, NULL);
              won_count++;
            }
          break;
        case AFF_OFFER_STATE_DECLINED:
          {
            AffLossReason reason = aff_offer_get_loss_reason (offer);

            if ((guint) reason >= N_LOSS_REASONS)
              reason = AFF_LOSS_REASON_OTHER;
            closed++;
            self->n_lost[reason]++;
            if (sent != NULL)
              {
                lost_sum += aff_offer_revision_get_margin_rate (sent, NULL);
                lost_count++;
                if (!add_price (&self->lost_total[reason], sent, error))
                  return NULL;
              }
          }
          break;
        case AFF_OFFER_STATE_EXPIRED:
          closed++;
          break;
        default:
          break;
        }
    }
  self->hit_rate = mean_rate ((gint64) accepted * 10000, closed);
  self->weighted_total = aff_money_multiply (self->open_total, MAX (self->hit_rate, 0), 10000, error);
  if (self->weighted_total == NULL)
    return NULL;
  self->margin_won = mean_rate (won_sum, won_count);
  self->margin_lost = mean_rate (lost_sum, lost_count);
  return g_steal_pointer (&self);
}

/**
 * aff_pipeline_get_n_open:
 * @self: a pipeline
 *
 * Gets the offers awaiting an answer (sent or in negotiation).
 *
 * Returns: the number of open offers
 */
guint
aff_pipeline_get_n_open (const AffPipeline *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_open;
}

/**
 * aff_pipeline_get_open_total:
 * @self: a pipeline
 *
 * Gets the selling prices of the open offers, added up.
 *
 * Returns: (transfer none): the open total
 */
const AffMoney *
aff_pipeline_get_open_total (const AffPipeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->open_total;
}

/**
 * aff_pipeline_get_weighted_total:
 * @self: a pipeline
 *
 * Gets the open total weighted by the hit rate: what the pipeline may bring.
 *
 * Returns: (transfer none): the weighted total
 */
const AffMoney *
aff_pipeline_get_weighted_total (const AffPipeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->weighted_total;
}

/**
 * aff_pipeline_get_hit_rate:
 * @self: a pipeline
 *
 * Gets accepted / (accepted + declined + expired), in basis points.
 *
 * Returns: the hit rate, or -1 when no offer was closed
 */
int
aff_pipeline_get_hit_rate (const AffPipeline *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->hit_rate;
}

/**
 * aff_pipeline_get_average_margin_won:
 * @self: a pipeline
 *
 * Gets the mean margin rate of the offers accepted.
 *
 * Returns: basis points, or -1 when none
 */
int
aff_pipeline_get_average_margin_won (const AffPipeline *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->margin_won;
}

/**
 * aff_pipeline_get_average_margin_lost:
 * @self: a pipeline
 *
 * Gets the mean margin rate of the offers declined.
 *
 * Returns: basis points, or -1 when none
 */
int
aff_pipeline_get_average_margin_lost (const AffPipeline *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->margin_lost;
}

static gboolean
valid_reason (AffLossReason reason)
{
  return (guint) reason < N_LOSS_REASONS;
}

/**
 * aff_pipeline_get_n_lost:
 * @self: a pipeline
 * @reason: why the offers were declined
 *
 * Gets how many offers were declined for @reason.
 *
 * Returns: the number of declined offers
 */
guint
aff_pipeline_get_n_lost (const AffPipeline *self,
                         AffLossReason      reason)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (valid_reason (reason), 0);
  return self->n_lost[reason];
}

/**
 * aff_pipeline_get_lost_total:
 * @self: a pipeline
 * @reason: why the offers were declined
 *
 * Gets the selling prices, excluding tax, of the offers declined for
 * @reason, added up: the business that reason cost. Each offer counts at
 * the last revision the client saw; an offer declined before any was sent
 * counts in [method@Aff.Pipeline.get_n_lost] only.
 *
 * Returns: (transfer none): the total lost for @reason
 */
const AffMoney *
aff_pipeline_get_lost_total (const AffPipeline *self,
                             AffLossReason      reason)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (valid_reason (reason), NULL);
  return self->lost_total[reason];
}
