/* aff-bid-statistics.c: hit rates and how verdicts compared with outcomes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "aff-money-private.h"
#include "aff-bid-statistics.h"
#include "aff-bidding-private.h"

/**
 * AffHitRate:
 *
 * How often the company wins the consultations it answers: won over won and
 * lost, for a client, an activity or the whole portfolio.
 */

struct _AffHitRate
{
  guint n_won;
  guint n_lost;
  guint n_pending;
  guint n_no_go;
  int rate;
};

/**
 * aff_hit_rate_copy:
 * @self: a hit rate
 *
 * Copies a hit rate.
 *
 * Returns: (transfer full): a copy of @self
 */
AffHitRate *
aff_hit_rate_copy (const AffHitRate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_memdup2 (self, sizeof *self);
}

/**
 * aff_hit_rate_free:
 * @self: (nullable): a hit rate
 *
 * Frees a hit rate.
 */
void
aff_hit_rate_free (AffHitRate *self)
{
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffHitRate, aff_hit_rate, aff_hit_rate_copy, aff_hit_rate_free)

/**
 * aff_hit_rate_compute:
 * @consultations: a list model of [class@Aff.Consultation]
 * @client_id: (nullable): count only this client's consultations
 * @activity: (nullable): count only consultations that need this activity
 *
 * Counts the outcomes of the consultations matching both filters.
 *
 * Returns: (transfer full): the hit rate
 */
AffHitRate *
aff_hit_rate_compute (GListModel *consultations,
                      const char *client_id,
                      const char *activity)
{
  AffHitRate *self;
  guint i, n;

  g_return_val_if_fail (G_IS_LIST_MODEL (consultations), NULL);

  self = g_new0 (AffHitRate, 1);
  n = g_list_model_get_n_items (consultations);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffConsultation) consultation = g_list_model_get_item (consultations, i);

      if (client_id != NULL && g_strcmp0 (aff_consultation_get_client_id (consultation), client_id) != 0)
        continue;
      if (activity != NULL && !g_strv_contains (aff_consultation_get_activities (consultation), activity))
        continue;
      switch (aff_consultation_get_state (consultation))
        {
        case AFF_CONSULTATION_STATE_WON: self->n_won++; break;
        case AFF_CONSULTATION_STATE_LOST: self->n_lost++; break;
        case AFF_CONSULTATION_STATE_OFFER_SENT: self->n_pending++; break;
        case AFF_CONSULTATION_STATE_NO_GO: self->n_no_go++; break;
        default: break;
        }
    }
  self->rate = -1;
  if (self->n_won + self->n_lost > 0)
    {
      gint64 rate;

      _aff_round_half_even ((AffInt128) self->n_won * 10000, self->n_won + self->n_lost, &rate);
      self->rate = (int) rate;
    }
  return self;
}

/**
 * aff_hit_rate_get_n_won:
 * @self: a hit rate
 *
 * Gets the consultations won.
 *
 * Returns: the number won
 */
guint
aff_hit_rate_get_n_won (const AffHitRate *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_won;
}

/**
 * aff_hit_rate_get_n_lost:
 * @self: a hit rate
 *
 * Gets the consultations lost.
 *
 * Returns: the number lost
 */
guint
aff_hit_rate_get_n_lost (const AffHitRate *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_lost;
}

/**
 * aff_hit_rate_get_n_pending:
 * @self: a hit rate
 *
 * Gets the consultations whose offer awaits an answer.
 *
 * Returns: the number pending
 */
guint
aff_hit_rate_get_n_pending (const AffHitRate *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_pending;
}

/**
 * aff_hit_rate_get_n_no_go:
 * @self: a hit rate
 *
 * Gets the consultations the company decided not to answer.
 *
 * Returns: the number declined
 */
guint
aff_hit_rate_get_n_no_go (const AffHitRate *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_no_go;
}

/**
 * aff_hit_rate_get_rate:
 * @self: a hit rate
 *
 * Gets won / (won + lost), in basis points rounded half to even.
 *
 * Returns: the rate, or -1 when nothing was won or lost
 */
int
aff_hit_rate_get_rate (const AffHitRate *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->rate;
}

/**
 * AffVerdictReview:
 *
 * How the go / no-go verdicts compared with what happened: for each verdict
 * of the evaluation, how many consultations are now in each state, and how
 * often the decision went against the evaluation.
 */

#define N_VERDICTS (AFF_BID_VERDICT_NO_GO + 1)
#define N_STATES (AFF_CONSULTATION_STATE_ABANDONED + 1)

struct _AffVerdictReview
{
  guint n_decided;
  guint n_overridden;
  guint counts[N_VERDICTS][N_STATES];
};

/**
 * aff_verdict_review_copy:
 * @self: a review
 *
 * Copies a review.
 *
 * Returns: (transfer full): a copy of @self
 */
AffVerdictReview *
aff_verdict_review_copy (const AffVerdictReview *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_memdup2 (self, sizeof *self);
}

/**
 * aff_verdict_review_free:
 * @self: (nullable): a review
 *
 * Frees a review.
 */
void
aff_verdict_review_free (AffVerdictReview *self)
{
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffVerdictReview, aff_verdict_review, aff_verdict_review_copy, aff_verdict_review_free)

/**
 * aff_verdict_review_compute:
 * @consultations: a list model of [class@Aff.Consultation]
 *
 * Compares the verdicts of the decided consultations with their states now.
 *
 * Returns: (transfer full): the review
 */
AffVerdictReview *
aff_verdict_review_compute (GListModel *consultations)
{
  AffVerdictReview *self;
  guint i, n;

  g_return_val_if_fail (G_IS_LIST_MODEL (consultations), NULL);

  self = g_new0 (AffVerdictReview, 1);
  n = g_list_model_get_n_items (consultations);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffConsultation) consultation = g_list_model_get_item (consultations, i);
      AffBidVerdict evaluated, decided;
      gboolean against;

      if (!aff_consultation_get_decision (consultation, &decided, NULL, NULL, NULL, &against) ||
          !aff_consultation_get_evaluation (consultation, &evaluated, NULL, NULL))
        continue;
      self->n_decided++;
      if (against)
        self->n_overridden++;
      self->counts[evaluated][aff_consultation_get_state (consultation)]++;
    }
  return self;
}

/**
 * aff_verdict_review_get_n_decided:
 * @self: a review
 *
 * Gets the consultations evaluated and decided.
 *
 * Returns: the number decided
 */
guint
aff_verdict_review_get_n_decided (const AffVerdictReview *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_decided;
}

/**
 * aff_verdict_review_get_n_overridden:
 * @self: a review
 *
 * Gets the decisions that went against the evaluation's GO or NO_GO.
 *
 * Returns: the number overridden
 */
guint
aff_verdict_review_get_n_overridden (const AffVerdictReview *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_overridden;
}

/**
 * aff_verdict_review_get_count:
 * @self: a review
 * @verdict: a verdict of the evaluation
 * @outcome: a state
 *
 * Counts the decided consultations evaluated @verdict that are now in
 * @outcome.
 *
 * Returns: the count
 */
guint
aff_verdict_review_get_count (const AffVerdictReview *self,
                              AffBidVerdict           verdict,
                              AffConsultationState    outcome)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (verdict < N_VERDICTS && outcome < N_STATES, 0);
  return self->counts[verdict][outcome];
}
