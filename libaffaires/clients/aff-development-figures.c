/* aff-development-figures.c: how the client portfolio developed over a period
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-money-private.h"
#include "aff-development-figures.h"
#include "aff-clients-private.h"

/**
 * AffDevelopmentFigures:
 *
 * How a client portfolio developed over a period, read from the dated status
 * history of its clients and their interactions: how many prospects, active,
 * dormant and lost clients there are at the end of the period, how many
 * prospects were worked during it, how many turned active, how many clients
 * were lost, how many commercial actions were made, and the conversion rate.
 */

struct _AffDevelopmentFigures
{
  guint n_prospects;
  guint n_active;
  guint n_dormant;
  guint n_lost;
  guint n_prospects_in_period;
  guint n_converted;
  guint n_lost_in_period;
  guint n_interactions;
  int conversion_rate;
};

AFF_DEFINE_BOXED_TYPE (AffDevelopmentFigures, aff_development_figures,
                     aff_development_figures_copy, aff_development_figures_free)

static gboolean
within (const GDate *date,
        const GDate *from,
        const GDate *to)
{
  return g_date_compare (date, from) >= 0 && g_date_compare (date, to) <= 0;
}

/**
 * aff_development_figures_compute:
 * @clients: a list model of [class@Aff.Client]
 * @from: the first day of the period
 * @to: the last day of the period
 * @error: return location for a #GError
 *
 * Computes the development figures of @clients over the period from @from to
 * @to, both included. The counts by status are the statuses on @to
 * ([method@Aff.Client.get_status_at]). The prospects of the period are the
 * clients that were prospects when it began (their status on the eve of
 * @from) plus the changes to prospect dated within it; the conversion rate is
 * the changes from prospect to active dated within the period over those
 * prospects, in basis points, rounded half to even, so it never exceeds
 * 10000.
 *
 * Returns: (transfer full): the figures, or %NULL with
 *   %AFF_ERROR_INVALID_VALUE set when the period is empty or a date invalid
 */
AffDevelopmentFigures *
aff_development_figures_compute (GListModel   *clients,
                                 const GDate  *from,
                                 const GDate  *to,
                                 GError      **error)
{
  g_autoptr(AffDevelopmentFigures) figures = NULL;
  GDate eve;
  guint i, j, n;

  g_return_val_if_fail (G_IS_LIST_MODEL (clients), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  if (!g_date_valid (from) || !g_date_valid (to) || g_date_compare (from, to) > 0)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("the period of the development figures must start on or before its end")), NULL;

  /* The period starts in the morning of @from: a change on that day is in it,
   * so the prospects at the start are those of the eve. */
  eve = *from;
  if (g_date_get_julian (&eve) > 1)
    g_date_subtract_days (&eve, 1);
  figures = g_new0 (AffDevelopmentFigures, 1);
  n = g_list_model_get_n_items (clients);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffClient) client = g_list_model_get_item (clients, i);
      AffHistory *history = _aff_client_get_status_history (client);
      GListModel *interactions = aff_client_get_interactions (client);
      guint n_interactions = g_list_model_get_n_items (interactions);

      switch (aff_client_get_status_at (client, to))
        {
        case AFF_CLIENT_STATUS_PROSPECT: figures->n_prospects++; break;
        case AFF_CLIENT_STATUS_ACTIVE: figures->n_active++; break;
        case AFF_CLIENT_STATUS_DORMANT: figures->n_dormant++; break;
        case AFF_CLIENT_STATUS_LOST: figures->n_lost++; break;
        default: g_assert_not_reached ();
        }
      if (aff_client_get_status_at (client, &eve) == AFF_CLIENT_STATUS_PROSPECT)
        figures->n_prospects_in_period++;

      for (j = 0; j < history->changes->len; j++)
        {
          const AffHistoryChange *change = _aff_history_get (history, j);

          if (!within (&change->date, from, to))
            continue;
          if (change->from == AFF_CLIENT_STATUS_PROSPECT && change->to == AFF_CLIENT_STATUS_ACTIVE)
            figures->n_converted++;
          if (change->to == AFF_CLIENT_STATUS_LOST)
            figures->n_lost_in_period++;
          if (change->to == AFF_CLIENT_STATUS_PROSPECT)
            figures->n_prospects_in_period++;
        }

      for (j = 0; j < n_interactions; j++)
        {
          g_autoptr(AffInteraction) interaction = g_list_model_get_item (interactions, j);

          if (within (aff_interaction_get_date (interaction), from, to))
            figures->n_interactions++;
        }
    }

  if (figures->n_prospects_in_period > 0)
    {
      gint64 rate;

      _aff_round_half_even ((AffInt128) figures->n_converted * 10000,
                            figures->n_prospects_in_period, &rate);
      figures->conversion_rate = (int) rate;
    }
  return g_steal_pointer (&figures);
}

/**
 * aff_development_figures_copy:
 * @self: figures
 *
 * Gets a copy of @self.
 *
 * Returns: (transfer full): a copy of @self
 */
AffDevelopmentFigures *
aff_development_figures_copy (const AffDevelopmentFigures *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_memdup2 (self, sizeof *self);
}

/**
 * aff_development_figures_free:
 * @self: (nullable): figures
 *
 * Frees the figures.
 */
void
aff_development_figures_free (AffDevelopmentFigures *self)
{
  g_free (self);
}

#define GETTER(type, field, doc)                                             \
  type                                                                       \
  aff_development_figures_get_##field (const AffDevelopmentFigures *self)    \
  {                                                                          \
    g_return_val_if_fail (self != NULL, 0);                                  \
    return self->field;                                                      \
  }

/**
 * aff_development_figures_get_n_prospects:
 * @self: figures
 *
 * Gets the clients that are prospects at the end of the period.
 *
 * Returns: the clients that are prospects at the end of the period
 */
GETTER (guint, n_prospects, "")
/**
 * aff_development_figures_get_n_active:
 * @self: figures
 *
 * Gets the clients that are active at the end of the period.
 *
 * Returns: the clients that are active at the end of the period
 */
GETTER (guint, n_active, "")
/**
 * aff_development_figures_get_n_dormant:
 * @self: figures
 *
 * Gets the clients that are dormant at the end of the period.
 *
 * Returns: the clients that are dormant at the end of the period
 */
GETTER (guint, n_dormant, "")
/**
 * aff_development_figures_get_n_lost:
 * @self: figures
 *
 * Gets the clients that are lost at the end of the period.
 *
 * Returns: the clients that are lost at the end of the period
 */
GETTER (guint, n_lost, "")
/**
 * aff_development_figures_get_n_prospects_in_period:
 * @self: figures
 *
 * Gets the prospects worked during the period: those at its start and those
 * that became prospects during it.
 *
 * Returns: the prospects worked during the period: those at its start and
 *   those that became prospects during it
 */
GETTER (guint, n_prospects_in_period, "")
/**
 * aff_development_figures_get_n_converted:
 * @self: figures
 *
 * Gets the prospects that turned active during the period.
 *
 * Returns: the prospects that turned active during the period
 */
GETTER (guint, n_converted, "")
/**
 * aff_development_figures_get_n_lost_in_period:
 * @self: figures
 *
 * Gets the clients lost during the period.
 *
 * Returns: the clients lost during the period
 */
GETTER (guint, n_lost_in_period, "")
/**
 * aff_development_figures_get_n_interactions:
 * @self: figures
 *
 * Gets the commercial actions dated within the period.
 *
 * Returns: the commercial actions dated within the period
 */
GETTER (guint, n_interactions, "")
/**
 * aff_development_figures_get_conversion_rate:
 * @self: figures
 *
 * Gets the prospects turned active over the prospects of the period, in basis
 * points (0 when there was no prospect).
 *
 * Returns: the prospects turned active over the prospects of the period, in
 *   basis points (0 when there was no prospect)
 */
GETTER (int, conversion_rate, "")
