/* aff-dashboard.c: the margin and work-in-progress dashboard of a portfolio
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#ifdef __linux__
#include <sched.h>
#endif

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-money-private.h"
#include "aff-language-private.h"
#include "aff-string-private.h"
#include "aff-doc-private.h"
#include "aff-affair-status.h"
#include "aff-billing.h"
#include "aff-drift.h"
#include "aff-portfolio-private.h"
#include "aff-dashboard.h"
#include "aff-affair-private.h"
#include "aff-finance-private.h"

enum {
  D_REVENUE, D_COST, D_MARGIN, D_DRIFT, D_RECOGNISED, D_BACKLOG, D_ACCRUED, D_DEFERRED, D_BILLED, D_CASH,
  D_OVERDUE, N_FIGURES
};

/**
 * AffDashboardRow:
 *
 * One line of a dashboard ([struct@Aff.Dashboard]): an affair, a client,
 * an activity or the whole portfolio, with the sums of its affairs'
 * figures on the dashboard's date.
 */

struct _AffDashboardRow
{
  const char *key;            /* these three in @text */
  const char *label;
  const char *currency;
  /* The figures handed out, NULL until the first is: freeing ten
   * thousand rows reads one pointer of each, in its first cache line. */
  AffMoney **cache;
  gboolean in_arena;          /* its memory goes with the dashboard's arena */
  guint n_affairs;
  guint n_alerts;
  gint64 money[N_FIGURES];
  char text[];
};

/* One allocation per row, its strings after it, from @arena when not
 * NULL: a dashboard makes one row per affair, and the allocator's time
 * was a good part of its own. */
static AffDashboardRow *
row_alloc (AffArena   *arena,
           const char *key,
           const char *label,
           const char *currency)
{
  gsize k = strlen (key) + 1, l = strlen (label) + 1, c = strlen (currency) + 1;
  gsize size = sizeof (AffDashboardRow) + k + l + c;
  AffDashboardRow *self = arena != NULL ? _aff_arena_alloc0 (arena, size) : g_malloc0 (size);

  self->key = memcpy (self->text, key, k);
  self->label = memcpy (self->text + k, label, l);
  self->currency = memcpy (self->text + k + l, currency, c);
  self->in_arena = arena != NULL;
  return self;
}

static AffDashboardRow *
row_new (const char *key,
         const char *label,
         const char *currency)
{
  return row_alloc (NULL, key, label, currency);
}

/**
 * aff_dashboard_row_copy:
 * @self: a row
 *
 * Copies a row.
 *
 * Returns: (transfer full): a copy of @self
 */
AffDashboardRow *
aff_dashboard_row_copy (const AffDashboardRow *self)
{
  AffDashboardRow *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = row_new (self->key, self->label, self->currency);
  copy->n_affairs = self->n_affairs;
  memcpy (copy->money, self->money, sizeof copy->money);
  copy->n_alerts = self->n_alerts;
  return copy;
}

/**
 * aff_dashboard_row_free:
 * @self: (nullable): a row
 *
 * Frees a row.
 */
void
aff_dashboard_row_free (AffDashboardRow *self)
{
  guint i;

  if (self == NULL)
    return;
  if (self->cache != NULL)
    {
      for (i = 0; i < N_FIGURES; i++)
        g_clear_pointer (&self->cache[i], aff_money_free);
      g_free (self->cache);
    }
  if (!self->in_arena)
    g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffDashboardRow, aff_dashboard_row, aff_dashboard_row_copy, aff_dashboard_row_free)

/**
 * aff_dashboard_row_get_key:
 * @self: a row
 *
 * Gets what the row sums: the affair's id, the client's id, the activity's
 * code (empty for affairs without one), or `total`.
 *
 * Returns: the key
 */
const char *
aff_dashboard_row_get_key (const AffDashboardRow *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->key;
}

/**
 * aff_dashboard_row_get_label:
 * @self: a row
 *
 * Gets the name people know the row by: the client's name for an affair or
 * a client, the activity's code, or "Total".
 *
 * Returns: the label
 */
const char *
aff_dashboard_row_get_label (const AffDashboardRow *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->label;
}

/**
 * aff_dashboard_row_get_n_affairs:
 * @self: a row
 *
 * Gets the number of affairs the row sums.
 *
 * Returns: the number of affairs
 */
guint
aff_dashboard_row_get_n_affairs (const AffDashboardRow *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_affairs;
}

/**
 * aff_dashboard_row_get_n_alerts:
 * @self: a row
 *
 * Gets the number of alerts of the row's affairs: drifts without a
 * corrective action and invoices paid late.
 *
 * Returns: the number of alerts
 */
guint
aff_dashboard_row_get_n_alerts (const AffDashboardRow *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_alerts;
}

static const AffMoney *
row_money (const AffDashboardRow *self,
           guint                  which)
{
  AffMoney **cache = g_atomic_pointer_get (&((AffDashboardRow *) self)->cache);

  /* Two threads reading a row's first figure may both make the array. */
  if (cache == NULL)
    {
      cache = g_new0 (AffMoney *, N_FIGURES);
      if (!g_atomic_pointer_compare_and_exchange (&((AffDashboardRow *) self)->cache, NULL, cache))
        {
          g_free (cache);
          cache = g_atomic_pointer_get (&((AffDashboardRow *) self)->cache);
        }
    }
  return _aff_money_cached (&cache[which], self->money[which], self->currency);
}

#define ROW_MONEY(name, WHICH)                                               \
  const AffMoney *                                                           \
  aff_dashboard_row_get_##name (const AffDashboardRow *self)                 \
  {                                                                          \
    g_return_val_if_fail (self != NULL, NULL);                               \
    return row_money (self, WHICH);                                          \
  }

/**
 * aff_dashboard_row_get_revenue_at_completion:
 * @self: a row
 *
 * Gets the revenue at completion: contract amounts and accepted amendments.
 *
 * Returns: (transfer none): the sum
 */
ROW_MONEY (revenue_at_completion, D_REVENUE)
/**
 * aff_dashboard_row_get_cost_at_completion:
 * @self: a row
 *
 * Gets the cost at completion: estimates at completion and contingencies.
 *
 * Returns: (transfer none): the sum
 */
ROW_MONEY (cost_at_completion, D_COST)
/**
 * aff_dashboard_row_get_margin_at_completion:
 * @self: a row
 *
 * Gets the margin at completion.
 *
 * Returns: (transfer none): the sum
 */
ROW_MONEY (margin_at_completion, D_MARGIN)
/**
 * aff_dashboard_row_get_margin_drift:
 * @self: a row
 *
 * Gets the drift of the margin against the accepted offers'.
 *
 * Returns: (transfer none): the sum
 */
ROW_MONEY (margin_drift, D_DRIFT)
/**
 * aff_dashboard_row_get_recognised_revenue:
 * @self: a row
 *
 * Gets the revenue recognised by percentage of completion.
 *
 * Returns: (transfer none): the sum
 */
ROW_MONEY (recognised_revenue, D_RECOGNISED)
/**
 * aff_dashboard_row_get_backlog:
 * @self: a row
 *
 * Gets the backlog: revenue at completion not yet recognised.
 *
 * Returns: (transfer none): the sum
 */
ROW_MONEY (backlog, D_BACKLOG)
/**
 * aff_dashboard_row_get_accrued_revenue:
 * @self: a row
 *
 * Gets the invoices to issue (FAE).
 *
 * Returns: (transfer none): the sum
 */
ROW_MONEY (accrued_revenue, D_ACCRUED)
/**
 * aff_dashboard_row_get_deferred_revenue:
 * @self: a row
 *
 * Gets the deferred revenue (PCA).
 *
 * Returns: (transfer none): the sum
 */
ROW_MONEY (deferred_revenue, D_DEFERRED)
/**
 * aff_dashboard_row_get_billed:
 * @self: a row
 *
 * Gets the work billed, excluding VAT.
 *
 * Returns: (transfer none): the sum
 */
ROW_MONEY (billed, D_BILLED)
/**
 * aff_dashboard_row_get_cash_received:
 * @self: a row
 *
 * Gets the cash received from clients.
 *
 * Returns: (transfer none): the sum
 */
ROW_MONEY (cash_received, D_CASH)
/**
 * aff_dashboard_row_get_overdue:
 * @self: a row
 *
 * Gets the overdue receivables: what is still owed on invoices past their
 * due date ([method@Aff.Affair.list_late_payments]).
 *
 * Returns: (transfer none): the sum
 */
ROW_MONEY (overdue, D_OVERDUE)

/**
 * aff_dashboard_row_get_margin_rate:
 * @self: a row
 * @basis_points: (out) (optional): where to store the rate
 *
 * Gets the margin rate at completion of the row: its margin over its
 * revenue at completion, in basis points rounded half to even.
 *
 * Returns: %FALSE when the revenue is zero
 */
gboolean
aff_dashboard_row_get_margin_rate (const AffDashboardRow *self,
                                   int                   *basis_points)
{
  gint64 rate = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->money[D_REVENUE] == 0 ||
      !_aff_round_half_even ((AffInt128) self->money[D_MARGIN] * 10000, self->money[D_REVENUE], &rate) ||
      rate < G_MININT || rate > G_MAXINT)
    return FALSE;
  if (basis_points != NULL)
    *basis_points = (int) rate;
  return TRUE;
}

#define FORECAST_MONTHS 12

/**
 * AffForecastMonth:
 *
 * One month of a dashboard's forecast ([method@Aff.Dashboard.get_forecast]):
 * the billing expected in it, excluding VAT, and the cash expected in,
 * as clients pay.
 */

struct _AffForecastMonth
{
  GDate month;
  AffMoney *billing;
  AffMoney *cash_in;
};

static AffForecastMonth *
forecast_month_new (const GDate *month,
                    gint64       billing,
                    gint64       cash_in,
                    const char  *currency)
{
  AffForecastMonth *self = g_new0 (AffForecastMonth, 1);

  self->month = *month;
  self->billing = aff_money_new (billing, currency, NULL);
  self->cash_in = aff_money_new (cash_in, currency, NULL);
  return self;
}

/**
 * aff_forecast_month_copy:
 * @self: a month
 *
 * Copies a month of forecast.
 *
 * Returns: (transfer full): a copy of @self
 */
AffForecastMonth *
aff_forecast_month_copy (const AffForecastMonth *self)
{
  AffForecastMonth *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_new0 (AffForecastMonth, 1);
  copy->month = self->month;
  copy->billing = aff_money_copy (self->billing);
  copy->cash_in = aff_money_copy (self->cash_in);
  return copy;
}

/**
 * aff_forecast_month_free:
 * @self: (nullable): a month
 *
 * Frees a month of forecast.
 */
void
aff_forecast_month_free (AffForecastMonth *self)
{
  if (self == NULL)
    return;
  aff_money_free (self->billing);
  aff_money_free (self->cash_in);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffForecastMonth, aff_forecast_month, aff_forecast_month_copy, aff_forecast_month_free)

/**
 * aff_forecast_month_get_month:
 * @self: a month
 *
 * Gets the month, as its first day.
 *
 * Returns: (transfer none): the first day of the month
 */
const GDate *
aff_forecast_month_get_month (const AffForecastMonth *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->month;
}

/**
 * aff_forecast_month_get_billing:
 * @self: a month
 *
 * Gets the billing expected in the month, excluding VAT.
 *
 * Returns: (transfer none): the billing
 */
const AffMoney *
aff_forecast_month_get_billing (const AffForecastMonth *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->billing;
}

/**
 * aff_forecast_month_get_cash_in:
 * @self: a month
 *
 * Gets the cash expected in the month, VAT included and retention held
 * back.
 *
 * Returns: (transfer none): the cash in
 */
const AffMoney *
aff_forecast_month_get_cash_in (const AffForecastMonth *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->cash_in;
}

/**
 * AffDashboard:
 *
 * The margin and work-in-progress dashboard of a portfolio on a date
 * ([method@Aff.Portfolio.compute_dashboard]): a row per affair, the totals,
 * the same figures summed by client and by activity, and the alerts. Every
 * figure of a row comes from its affair's status on the date
 * ([method@Aff.Affair.compute_status]), its drifts and its late payments.
 */

/* An alert is written when asked for: the dashboard of ten thousand
 * affairs finds tens of thousands, and is mostly read for its figures. */
typedef struct
{
  guint row;                  /* the affair's, in the rows */
  AffDrift *drift;            /* a drift without corrective action, or NULL */
  const char *invoice;        /* else an invoice paid late, in the arena */
  guint days_late;
  gint64 owed;
} Alert;

/* The alerts, a block of the arena at a time, in the affairs' order: a
 * dashboard finds tens of thousands, and one array of them all, made anew
 * each time, came back from the kernel as fresh pages faulted in one by
 * one. */
#define ALERTS_PER_BLOCK 100

typedef struct _AlertBlock AlertBlock;
struct _AlertBlock
{
  AlertBlock *next;
  guint len;
  Alert alerts[ALERTS_PER_BLOCK];
};

typedef struct
{
  AlertBlock *first;
  AlertBlock *last;
  guint n;
} Alerts;

struct _AffDashboard
{
  GDate date;
  guint lang;
  GPtrArray *rows;            /* AffDashboardRow, by affair */
  AffDashboardRow *totals;
  GPtrArray *by_client;
  GPtrArray *by_activity;
  Alerts alerts;
  /* Whether a drift of an alert holds memory of its own: its message
   * once written, or the whole drift in a copy. Until then freeing the
   * dashboard does not read the tens of thousands of alerts. */
  gboolean drifts_hold;
  GPtrArray *forecast;        /* AffForecastMonth */
  AffArena arena;             /* the affairs' rows, their drifts and alerts */
};

/* Takes @alert, in a block of @arena. */
static void
alerts_add (Alerts      *alerts,
            AffArena    *arena,
            const Alert *alert)
{
  if (alerts->last == NULL || alerts->last->len == ALERTS_PER_BLOCK)
    {
      AlertBlock *block = _aff_arena_alloc0 (arena, sizeof (AlertBlock));

      if (alerts->last != NULL)
        alerts->last->next = block;
      else
        alerts->first = block;
      alerts->last = block;
    }
  alerts->last->alerts[alerts->last->len++] = *alert;
  alerts->n++;
}

/* Moves the alerts of @from after those of @to, their blocks staying in
 * the arena they are in. */
static void
alerts_join (Alerts *to,
             Alerts *from)
{
  if (from->first == NULL)
    return;
  if (to->last != NULL)
    to->last->next = from->first;
  else
    to->first = from->first;
  to->last = from->last;
  to->n += from->n;
  *from = (Alerts) { NULL, NULL, 0 };
}

/* Frees what the alerts' drifts hold; their blocks, and the invoices'
 * numbers, go with their arena. */
static void
alerts_clear (Alerts *alerts)
{
  for (AlertBlock *block = alerts->first; block != NULL; block = block->next)
    for (guint i = 0; i < block->len; i++)
      g_clear_pointer (&block->alerts[i].drift, aff_drift_free);
  *alerts = (Alerts) { NULL, NULL, 0 };
}

static char *
alert_text (const AffDashboard *self,
            const Alert        *alert)
{
  const AffDashboardRow *row = g_ptr_array_index (self->rows, alert->row);
  guint lang = self->lang;
  g_autofree char *owed = NULL;

  if (alert->drift != NULL)
    {
      g_atomic_int_set (&((AffDashboard *) self)->drifts_hold, TRUE);
      return g_strdup_printf (L ("%s : %s", "%s: %s"), row->key, aff_drift_get_message (alert->drift));
    }
  owed = _aff_money_text (lang, alert->owed, row->currency);
  return g_strdup_printf (L ("%s : facture %s impayée, %u jours de retard, %s dus",
                             "%s: invoice %s unpaid, %u days late, %s owed"),
                          row->key, alert->invoice, alert->days_late, owed);
}

static GPtrArray *
copy_rows (GPtrArray *rows)
{
  GPtrArray *copy = g_ptr_array_new_full (rows->len, (GDestroyNotify) aff_dashboard_row_free);
  guint i;

  for (i = 0; i < rows->len; i++)
    g_ptr_array_add (copy, aff_dashboard_row_copy (g_ptr_array_index (rows, i)));
  return copy;
}

/**
 * aff_dashboard_copy:
 * @self: a dashboard
 *
 * Copies a dashboard.
 *
 * Returns: (transfer full): a copy of @self
 */
AffDashboard *
aff_dashboard_copy (const AffDashboard *self)
{
  AffDashboard *copy;
  guint i;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_new0 (AffDashboard, 1);
  copy->date = self->date;
  copy->lang = self->lang;
  copy->rows = copy_rows (self->rows);
  copy->totals = aff_dashboard_row_copy (self->totals);
  copy->by_client = copy_rows (self->by_client);
  copy->by_activity = copy_rows (self->by_activity);
  copy->drifts_hold = TRUE;
  copy->forecast = g_ptr_array_new_full (self->forecast->len, (GDestroyNotify) aff_forecast_month_free);
  for (i = 0; i < self->forecast->len; i++)
    g_ptr_array_add (copy->forecast, aff_forecast_month_copy (g_ptr_array_index (self->forecast, i)));
  for (const AlertBlock *block = self->alerts.first; block != NULL; block = block->next)
    for (i = 0; i < block->len; i++)
      {
        Alert alert = block->alerts[i];

        alert.drift = alert.drift != NULL ? aff_drift_copy (alert.drift) : NULL;
        alert.invoice = _aff_arena_strdup (&copy->arena, alert.invoice);
        alerts_add (&copy->alerts, &copy->arena, &alert);
      }
  return copy;
}

/**
 * aff_dashboard_free:
 * @self: (nullable): a dashboard
 *
 * Frees a dashboard.
 */
void
aff_dashboard_free (AffDashboard *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->rows);
  aff_dashboard_row_free (self->totals);
  g_ptr_array_unref (self->by_client);
  g_ptr_array_unref (self->by_activity);
  if (g_atomic_int_get (&self->drifts_hold))
    alerts_clear (&self->alerts);
  g_ptr_array_unref (self->forecast);
  _aff_arena_clear (&self->arena);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffDashboard, aff_dashboard, aff_dashboard_copy, aff_dashboard_free)

/**
 * aff_dashboard_get_date:
 * @self: a dashboard
 *
 * Gets the date of the dashboard.
 *
 * Returns: (transfer none): the date
 */
const GDate *
aff_dashboard_get_date (const AffDashboard *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->date;
}

/**
 * aff_dashboard_get_rows:
 * @self: a dashboard
 *
 * Gets the rows of the affairs, in the portfolio's order.
 *
 * Returns: (transfer none) (element-type AffDashboardRow): the rows
 */
GPtrArray *
aff_dashboard_get_rows (const AffDashboard *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->rows;
}

/**
 * aff_dashboard_get_totals:
 * @self: a dashboard
 *
 * Gets the totals of the portfolio.
 *
 * Returns: (transfer none): the totals, keyed `total`
 */
const AffDashboardRow *
aff_dashboard_get_totals (const AffDashboard *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->totals;
}

/**
 * aff_dashboard_get_by_client:
 * @self: a dashboard
 *
 * Gets the figures summed by client, in the order the clients first appear
 * among the affairs.
 *
 * Returns: (transfer none) (element-type AffDashboardRow): the rows
 */
GPtrArray *
aff_dashboard_get_by_client (const AffDashboard *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->by_client;
}

/**
 * aff_dashboard_get_by_activity:
 * @self: a dashboard
 *
 * Gets the figures summed by activity: each affair counts under the first
 * activity of its consultation (empty when it has none), so that the rows
 * add up to the totals; in the order they first appear.
 *
 * Returns: (transfer none) (element-type AffDashboardRow): the rows
 */
GPtrArray *
aff_dashboard_get_by_activity (const AffDashboard *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->by_activity;
}

/**
 * aff_dashboard_get_forecast:
 * @self: a dashboard
 *
 * Gets the forecast of billing and cash in for the twelve months from the
 * dashboard's: see [method@Aff.Portfolio.compute_dashboard].
 *
 * Returns: (transfer none) (element-type AffForecastMonth): the months
 */
GPtrArray *
aff_dashboard_get_forecast (const AffDashboard *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->forecast;
}

/**
 * aff_dashboard_list_alerts:
 * @self: a dashboard
 *
 * Lists the alerts, affair by affair: each drift without a corrective
 * action, then each invoice paid late, one sentence each in the policy's
 * language, starting with the affair's id.
 *
 * Returns: (transfer full): the alerts
 */
GStrv
aff_dashboard_list_alerts (const AffDashboard *self)
{
  GStrv result;
  guint i;

  g_return_val_if_fail (self != NULL, NULL);
  result = g_new0 (char *, self->alerts.n + 1);
  i = 0;
  for (const AlertBlock *block = self->alerts.first; block != NULL; block = block->next)
    for (guint j = 0; j < block->len; j++)
      result[i++] = alert_text (self, &block->alerts[j]);
  return result;
}

static gboolean
add_into (AffDashboardRow       *sum,
          const AffDashboardRow *row)
{
  gboolean overflow = FALSE;
  guint i;

  for (i = 0; i < N_FIGURES; i++)
    overflow |= __builtin_add_overflow (sum->money[i], row->money[i], &sum->money[i]);
  sum->n_affairs += row->n_affairs;
  sum->n_alerts += row->n_alerts;
  return !overflow;
}

/* A portfolio has thousands of clients: they are found by a table, by
 * @lookup, which outlives it. */
static AffDashboardRow *
rollup_for (AffArena      *arena,
            GPtrArray     *rollup,
            GHashTable    *index,
            gconstpointer  lookup,
            const char    *key,
            const char    *label,
            const char    *currency)
{
  AffDashboardRow *row;

  if ((row = g_hash_table_lookup (index, lookup)) != NULL)
    return row;
  row = row_alloc (arena, key, label, currency);
  g_ptr_array_add (rollup, row);
  g_hash_table_insert (index, (gpointer) lookup, row);
  return row;
}

/* The rollup of a client: found by its object (@clients) when the
 * portfolio has it, else by its id (@unknown_clients). */
static AffDashboardRow *
client_rollup_for (AffArena   *arena,
                   GPtrArray  *rollup,
                   GHashTable *clients,
                   GHashTable *unknown_clients,
                   AffClient  *client,
                   const char *id,
                   const char *label,
                   const char *currency)
{
  return client != NULL ? rollup_for (arena, rollup, clients, client, id, label, currency)
                        : rollup_for (arena, rollup, unknown_clients, id, id, label, currency);
}

/* Adds @row, a chunk's, into the dashboard's row of the same @lookup in
 * @index, or makes it that row; FALSE when the sum overflows. */
static gboolean
merge_row (GPtrArray       *rollup,
           GHashTable      *index,
           gconstpointer    lookup,
           AffDashboardRow *row)
{
  AffDashboardRow *sum = g_hash_table_lookup (index, lookup);

  if (sum != NULL)
    return add_into (sum, row);
  g_ptr_array_add (rollup, row);
  g_hash_table_insert (index, (gpointer) lookup, row);
  return TRUE;
}

/* The month of Julian day @day counted from the dashboard's, @ends being
 * the last day of each month of the forecast: 0 for it or before,
 * G_MAXUINT beyond the forecast. Found among the ends, without a GDate
 * made for each day: a dashboard asks it a dozen times an affair. */
static guint
month_index (const guint32 *ends,
             guint32        day)
{
  guint k;

  for (k = 0; k < FORECAST_MONTHS; k++)
    if (day <= ends[k])
      return k;
  return G_MAXUINT;
}

static gint64
with_vat_less_retention (AffAffair *affair,
                         gint64     excluding,
                         gboolean  *overflow)
{
  gint64 including = 0, payable = 0;

  if (!_aff_round_half_even ((AffInt128) excluding * (10000 + affair->vat_rate), 10000, &including) ||
      !_aff_round_half_even ((AffInt128) including * (10000 - affair->retention_rate), 10000,
                             &payable))
    *overflow = TRUE;
  return payable;
}

/* Bills @part of the price at the end of month @k of @ends, less
 * @recovery of the advance, and brings its cash in when it will be due,
 * @days after (on terms "end of month", the end of that month: the same
 * month of the forecast). */
static void
bill_month (AffAffair     *affair,
            const guint32 *ends,
            guint          k,
            guint          days,
            gint64         part,
            gint64         recovery,
            gint64        *billing,
            gint64        *cash_in,
            gboolean      *overflow)
{
  gint64 net = part - recovery;
  guint j;

  *overflow |= __builtin_add_overflow (billing[k], net, &billing[k]);
  if ((j = month_index (ends, ends[k] + days)) != G_MAXUINT)
    *overflow |= __builtin_add_overflow (cash_in[j], with_vat_less_retention (affair, net, overflow), &cash_in[j]);
}

/* Adds the affair's billing and cash in to the months of the forecast,
 * and to @late (Alert) its invoices paid late, their references borrowed. */
static gboolean
forecast_affair (AffAffair             *affair,
                 AffEvaluation         *e,
                 const AffAffairStatus *status,
                 const GDate           *date,
                 const guint32         *ends,
                 gint64                *billing,
                 gint64                *cash_in,
                 GArray                *late,
                 GPtrArray             *due,
                 GError               **error)
{
  GArray *invoices = _aff_finance_get_invoices (_aff_affair_get_finance (affair));
  GArray *payments = _aff_finance_get_payments (_aff_affair_get_finance (affair));
  gint64 pv[FORECAST_MONTHS], bac = 0, remaining, advance_left = 0;
  gboolean overflow = FALSE, dated;
  guint days = _aff_affair_payment_days (affair), i, k;
  GDate paid_on;

  /* @due, the chunk's, is empty. */
  if (!_aff_affair_add_billing_due (affair, date, FALSE, &status->money[M_REVENUE_AT_COMPLETION], due,
                                    error))
    return FALSE;

  /* What is owed on the invoices sent comes in on their due dates; what is
   * due now is billed this month and paid on its terms. */
  for (i = 0; i < invoices->len; i++)
    {
      const AffBill *bill = &g_array_index (invoices, AffBill, i);
      gint64 owed;

      if (g_date_compare (&bill->date, date) > 0)
        continue;
      if (bill->kind == AFF_BILLING_KIND_ADVANCE)
        advance_left += bill->amount;
      advance_left -= bill->recovered;
      owed = _aff_bill_owed (bill, payments, g_date_get_julian (date), &overflow);
      _aff_affair_payment_due (affair, &bill->date, &paid_on);
      if (owed > 0 && (k = month_index (ends, g_date_get_julian (&paid_on))) != G_MAXUINT)
        overflow |= __builtin_add_overflow (cash_in[k], owed, &cash_in[k]);
      /* Past its due date, as aff_affair_list_late_payments() finds it. */
      if (owed > 0 && g_date_compare (&paid_on, date) < 0)
        {
          Alert alert = { 0, NULL, bill->reference, g_date_get_julian (date) - g_date_get_julian (&paid_on), owed };

          g_array_append_val (late, alert);
        }
    }
  remaining = status->money[M_REVENUE_AT_COMPLETION] - status->money[M_BILLED];
  for (i = 0; i < due->len; i++)
    {
      const AffBillingItem *item = g_ptr_array_index (due, i);
      AffBillingKind kind = aff_billing_item_get_kind (item);

      overflow |= __builtin_add_overflow (billing[0], aff_money_get_minor (aff_billing_item_get_excluding_vat (item)),
                                          &billing[0]);
      if ((k = month_index (ends, g_date_get_julian (date) + days)) != G_MAXUINT)
        overflow |= __builtin_add_overflow (cash_in[k], aff_money_get_minor (aff_billing_item_get_payable (item)),
                                            &cash_in[k]);
      if (kind == AFF_BILLING_KIND_SITUATION || kind == AFF_BILLING_KIND_MILESTONE || kind == AFF_BILLING_KIND_FINAL)
        remaining -= aff_money_get_minor (aff_billing_item_get_amount (item));
      if (kind == AFF_BILLING_KIND_ADVANCE)
        advance_left += aff_money_get_minor (aff_billing_item_get_amount (item));
      advance_left -= aff_money_get_minor (aff_billing_item_get_advance_recovered (item));
    }
  advance_left = MAX (0, advance_left);

  /* The rest of the price is billed as the plan's baseline spends its
   * budget, month by month; without dates, or with the plan done, it is
   * expected next month. Each of those invoices recovers its share of
   * the advance not yet recovered, as the billing schedule does. */
  dated = remaining > 0 && _aff_evaluation_planned_values (e, ends, FORECAST_MONTHS, pv, &bac);
  for (k = 1; dated && bac - pv[0] > 0 && k < FORECAST_MONTHS; k++)
    {
      gint64 part = 0;

      if (!_aff_round_half_even ((AffInt128) remaining * (pv[k] - pv[k - 1]), bac - pv[0], &part))
        overflow = TRUE;
      bill_month (affair, ends, k, days, part, _aff_scale (advance_left, part, remaining, &overflow), billing,
                  cash_in, &overflow);
    }
  if (remaining > 0 && (!dated || bac - pv[0] <= 0))
    bill_month (affair, ends, 1, days, remaining, advance_left, billing, cash_in, &overflow);
  if (overflow)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW, _("Affair “%s”: its forecast overflows 64 bits"),
                   aff_affair_get_id (affair));
      return FALSE;
    }
  return TRUE;
}

/* The row of one affair, and its alerts. */
static AffDashboardRow *
affair_row (AffClient     *client,
            AffAffair     *affair,
            AffEvaluation *e,
            const GDate   *date,
            const guint32 *ends,
            guint          index,
            AffArena      *arena,
            GPtrArray     *drifts,
            GArray        *late,
            GPtrArray     *due,
            Alerts        *alerts,
            gint64        *billing,
            gint64        *cash_in,
            GError       **error)
{
  const AffAffairStatus *status;
  const gint64 *m;
  const char *currency = aff_money_get_currency (affair->contract_amount);
  AffDashboardRow *row;
  gboolean overflow = FALSE, forecast;
  guint i;

  g_array_set_size (late, 0);
  if ((status = _aff_evaluation_run (e, affair, date, error)) == NULL)
    return NULL;
  forecast = forecast_affair (affair, e, status, date, ends, billing, cash_in, late, due, error);
  g_ptr_array_set_size (due, 0);
  if (!forecast)
    return NULL;
  /* @drifts, the chunk's, is empty: the drifts answered are freed, the
   * others become alerts. */
  _aff_evaluation_list_drifts (e, affair, status, arena, drifts);
  m = status->money;
  row = row_alloc (arena, affair->id, client != NULL ? aff_client_get_name (client) : "", currency);
  row->n_affairs = 1;
  row->money[D_REVENUE] = m[M_REVENUE_AT_COMPLETION];
  row->money[D_COST] = m[M_COST_AT_COMPLETION];
  row->money[D_MARGIN] = m[M_MARGIN_AT_COMPLETION];
  row->money[D_DRIFT] = m[M_MARGIN_DRIFT];
  row->money[D_RECOGNISED] = m[M_RECOGNISED_REVENUE];
  row->money[D_BACKLOG] = m[M_BACKLOG];
  row->money[D_ACCRUED] = m[M_ACCRUED_REVENUE];
  row->money[D_DEFERRED] = m[M_DEFERRED_REVENUE];
  row->money[D_BILLED] = m[M_BILLED];
  row->money[D_CASH] = m[M_CASH_RECEIVED];
  for (i = 0; i < drifts->len; i++)
    {
      AffDrift *drift = g_ptr_array_index (drifts, i);
      Alert alert = { index, drift };

      if (aff_drift_get_corrective_action (drift) != NULL)
        {
          aff_drift_free (drift);
          continue;
        }
      row->n_alerts++;
      alerts_add (alerts, arena, &alert);
    }
  g_ptr_array_set_size (drifts, 0);
  for (i = 0; i < late->len; i++)
    {
      Alert alert = g_array_index (late, Alert, i);

      alert.row = index;
      alert.invoice = _aff_arena_strdup (arena, alert.invoice);
      overflow |= __builtin_add_overflow (row->money[D_OVERDUE], alert.owed, &row->money[D_OVERDUE]);
      row->n_alerts++;
      alerts_add (alerts, arena, &alert);
    }
  if (overflow)
    {
      aff_dashboard_row_free (row);
      g_set_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW, _("Affair “%s”: its overdue receivables overflow 64 bits"),
                   aff_affair_get_id (affair));
      return NULL;
    }
  return row;
}

/**
 * aff_portfolio_compute_dashboard:
 * @self: a portfolio
 * @date: the date
 * @error: return location for a #GError
 *
 * Computes the dashboard of every affair of the portfolio on @date, closed
 * ones included: see [struct@Aff.Dashboard]. Every affair must be in the
 * policy's currency, which the totals are in.
 *
 * The forecast covers the month of @date and the eleven after. Billing: the
 * items due on @date ([method@Aff.Affair.list_billing_due]) in the first
 * month, excluding VAT; the rest of the price (revenue at completion less
 * the work billed and due) spread over the following months as the plan's
 * latest baseline spreads its budget (the planned value at each month's
 * end), or all in the second month when the plan has no dates or has spent
 * its budget by the end of the first; each of those invoices less its share
 * of the advance not yet recovered. Cash in: what is owed on the invoices
 * sent, in the month each is due; the items due, in the month they will be
 * due if sent on @date; each month's billing, with VAT and less the
 * retention, in the month it will be due if invoiced at the month's end.
 * What falls beyond the twelve months is not shown.
 *
 * The affairs of a large portfolio are computed on as many threads as the
 * machine has processors, when no two of their plans share a calendar;
 * the result is the same as on one. The portfolio must not change
 * meanwhile.
 *
 * Returns: (transfer full): the dashboard, or %NULL with
 *   %AFF_ERROR_CURRENCY_MISMATCH (naming the affair) or %AFF_ERROR_OVERFLOW
 *   set
 */
/* What a dashboard finds of one affair. */
typedef struct
{
  AffDashboardRow *row;
  AffClient *client;          /* NULL for a client the portfolio lacks */
  guint activity;             /* its consultation's first, in its chunk's activities */
} Slot;

/* The affairs @from to @to of a dashboard, computed on one thread. */
typedef struct
{
  AffPortfolio *portfolio;
  AffAffair **affairs;
  guint from;
  guint to;
  const GDate *date;
  const guint32 *ends;
  const char *currency;
  Slot *slots;                /* by affair, shared: each chunk writes its own */
  GPtrArray *drifts;          /* an affair's, before they become alerts */
  GArray *late;               /* Alert: an affair's invoices paid late, the same */
  Alerts alerts;
  AffArena arena;             /* the rows, drifts and alerts it makes */
  /* The activities its affairs meet, in that order, each once: the
   * rollups find them by their position, without the strings. */
  GPtrArray *activities;
  GHashTable *activity_index; /* activity (interned: by address) → position + 1 */
  /* Its affairs' rows summed, in its arena: the dashboard adds the
   * chunks' sums, not ten thousand rows on one thread. */
  AffDashboardRow *totals;
  GPtrArray *by_client;       /* in the order the affairs meet them */
  GPtrArray *client_of;       /* the AffClient of each, NULL when the portfolio lacks it */
  GHashTable *clients;        /* AffClient → row */
  GHashTable *unknown_clients;  /* client id → row */
  GPtrArray *by_activity;     /* by position in @activities */
  gboolean overflow;          /* a sum overflowed: the dashboard adds the rows one by one */
  gint64 billing[FORECAST_MONTHS];
  gint64 cash_in[FORECAST_MONTHS];
  guint failed;               /* the affair in error, or @to */
  GError *error;
  GPtrArray *due;             /* AffBillingItem: an affair's billing due, as @drifts */
} Chunk;

static guint
activity_of (Chunk           *chunk,
             AffConsultation *consultation)
{
  const char * const *activities = consultation != NULL ? aff_consultation_get_activities (consultation) : NULL;
  const char *activity = activities != NULL && activities[0] != NULL ? activities[0] : "";
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (chunk->activity_index, activity));

  if (position == 0)
    {
      g_ptr_array_add (chunk->activities, (gpointer) activity);
      g_ptr_array_add (chunk->by_activity, row_alloc (&chunk->arena, activity, activity, chunk->currency));
      position = chunk->activities->len;
      g_hash_table_insert (chunk->activity_index, (gpointer) activity, GUINT_TO_POINTER (position));
    }
  return position - 1;
}

/* Adds the row of affair @i into its chunk's sums. */
static void
chunk_add (Chunk *chunk,
           guint  i)
{
  const Slot *slot = &chunk->slots[i];
  const char *id = slot->client != NULL ? aff_client_get_id (slot->client) : aff_affair_get_client_id (chunk->affairs[i]);
  guint n_clients = chunk->by_client->len;
  AffDashboardRow *client_row = client_rollup_for (&chunk->arena, chunk->by_client, chunk->clients,
                                                   chunk->unknown_clients, slot->client, id, slot->row->label,
                                                   chunk->currency);

  /* A client met for the first time: the merge finds it by its object. */
  if (chunk->by_client->len > n_clients)
    g_ptr_array_add (chunk->client_of, slot->client);
  if (!add_into (chunk->totals, slot->row) | !add_into (client_row, slot->row) |
      !add_into (g_ptr_array_index (chunk->by_activity, slot->activity), slot->row))
    chunk->overflow = TRUE;
}

static void
compute_chunk (Chunk         *chunk,
               AffEvaluation *e)
{
  guint i;

  chunk->failed = chunk->to;
  for (i = chunk->from; i < chunk->to; i++)
    {
      AffAffair *affair = chunk->affairs[i];
      const char *currency = aff_money_get_currency (affair->contract_amount);
      /* The portfolio gives an affair its client and consultation when it
       * takes it in; one added since is looked up. */
      AffConsultation *consultation = _aff_affair_get_consultation (affair);
      Slot *slot = &chunk->slots[i];
      guint ahead;

      /* The affairs ahead, each a stage further as it comes closer. */
      for (ahead = 1; ahead <= 5; ahead++)
        if (i + ahead < chunk->to)
          _aff_affair_prefetch (chunk->affairs[i + ahead], 5 - ahead);
      /* And the month ends the next one's forecast reads in its calendar. */
      if (i + 1 < chunk->to)
        _aff_calendar_prefetch (aff_plan_get_calendar (chunk->affairs[i + 1]->plan), chunk->ends,
                                FORECAST_MONTHS);
      if (consultation == NULL)
        consultation = aff_portfolio_lookup_consultation (chunk->portfolio, aff_affair_get_consultation_id (affair));
      slot->client = _aff_affair_get_client (affair);
      if (slot->client == NULL)
        slot->client = aff_portfolio_lookup_client (chunk->portfolio, aff_affair_get_client_id (affair));
      slot->activity = activity_of (chunk, consultation);
      if (!_aff_str_equal0 (currency, chunk->currency))
        g_set_error (&chunk->error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH, _("Affair “%s” is in %s, the dashboard in %s"),
                     aff_affair_get_id (affair), currency, chunk->currency);
      else
        slot->row = affair_row (slot->client, affair, e, chunk->date, chunk->ends, i, &chunk->arena, chunk->drifts,
                                chunk->late, chunk->due,
                                &chunk->alerts, chunk->billing, chunk->cash_in, &chunk->error);
      if (slot->row == NULL)
        {
          chunk->failed = i;
          break;
        }
      chunk_add (chunk, i);
    }
}

/* The chunks of a dashboard, which its threads take in turn: a thread
 * that starts late, or is held up, leaves more of them to the others. */
typedef struct
{
  Chunk *chunks;
  guint n_chunks;
  gint next;
  int processor;              /* the caller's when it made the workers, -1 unknown */
} Work;

/* Takes the calling worker off @processor, the caller's, when the process
 * may run on others. The caller computes chunks too, and a worker beside
 * it would only take turns with it. Linux puts a new thread on its
 * creator's processor when the others look busy at that instant (a process
 * that has just answered the caller, on its way back to sleep, is enough),
 * and moves one of the two only milliseconds later, a third of a
 * dashboard of 10^4 affairs. The worker ends with the dashboard, and its
 * affinity with it. */
static void
leave_processor (int processor)
{
#ifdef __linux__
  cpu_set_t set;

  if (processor < 0 || sched_getaffinity (0, sizeof set, &set) != 0 || !CPU_ISSET (processor, &set) ||
      CPU_COUNT (&set) < 2)
    return;
  CPU_CLR (processor, &set);
  /* Where it cannot, it stays: only slower. */
  (void) sched_setaffinity (0, sizeof set, &set);
#endif
}

static gpointer
compute_chunks (gpointer data)
{
  Work *work = data;
  g_autoptr(AffEvaluation) e = _aff_evaluation_new ();
  guint k;

  while ((k = (guint) g_atomic_int_add (&work->next, 1)) < work->n_chunks)
    compute_chunk (&work->chunks[k], e);
  return NULL;
}

/* A worker's: the caller's chunks, on another processor than the caller. */
static gpointer
compute_chunks_beside (gpointer data)
{
  leave_processor (((Work *) data)->processor);
  return compute_chunks (data);
}

/* The fewest affairs a thread, and a chunk, is worth. */
#define MIN_CHUNK 256u

/* How many threads the affairs are worth. Calendars shared by plans of two
 * threads are safe to widen concurrently (see aff-calendar.c). */
static guint
n_threads_for (guint n)
{
  /* g_get_num_processors() reads a file each time: a small portfolio,
   * computed on one thread anyway, does not ask. */
  if (n < 2 * MIN_CHUNK)
    return 1;
  return MAX (MIN (MIN (g_get_num_processors (), 8u), n / MIN_CHUNK), 1u);
}

/* Sixteen chunks a thread at most: each costs a few tables to set up and
 * merge, and the last one taken is what a thread may wait for at the
 * end. */
static guint
n_chunks_for (guint n,
              guint n_threads)
{
  return n_threads == 1 ? 1 : MAX (MIN (n / MIN_CHUNK, n_threads * 16), n_threads);
}

/* Where chunk @k of @n_chunks starts among @n affairs. The chunks shrink
 * from the first to the last, the first @n_chunks times the size of the
 * last, so that the threads end close together: the first to find no
 * chunk left waits for the others' last, which is small. With chunks of
 * equal size, the caller of a dashboard of 10^4 affairs waited for its
 * worker 0.5 ms on average and up to 1 ms, of 14. */
static guint
chunk_start (guint n,
             guint k,
             guint n_chunks)
{
  /* The sizes go n_chunks, n_chunks - 1, … 1 in steps of @n / total. */
  guint64 before = (guint64) k * n_chunks - (k > 0 ? (guint64) k * (k - 1) / 2 : 0);
  guint64 total = (guint64) n_chunks * (n_chunks + 1) / 2;

  return (guint) ((guint64) n * before / total);
}

/* Adds the sums of @chunks, those before the affair in error (@failed)
 * and in their order, into @dashboard's totals and rollups, found in the
 * tables that the rows would have been. FALSE when a sum overflows. */
static gboolean
merge_chunks (AffDashboard *dashboard,
              Chunk        *chunks,
              guint         n_chunks,
              guint         failed,
              GHashTable   *clients,
              GHashTable   *unknown_clients,
              GHashTable   *by_activity)
{
  guint k, j;

  for (k = 0; k < n_chunks && chunks[k].from < failed; k++)
    {
      const Chunk *chunk = &chunks[k];

      if (chunk->overflow || !add_into (dashboard->totals, chunk->totals))
        return FALSE;
      for (j = 0; j < chunk->by_client->len; j++)
        {
          AffDashboardRow *row = g_ptr_array_index (chunk->by_client, j);
          AffClient *client = g_ptr_array_index (chunk->client_of, j);

          if (!(client != NULL ? merge_row (dashboard->by_client, clients, client, row)
                               : merge_row (dashboard->by_client, unknown_clients, row->key, row)))
            return FALSE;
        }
      for (j = 0; j < chunk->by_activity->len; j++)
        {
          AffDashboardRow *row = g_ptr_array_index (chunk->by_activity, j);

          if (!merge_row (dashboard->by_activity, by_activity, row->key, row))
            return FALSE;
        }
    }
  return TRUE;
}

AffDashboard *
aff_portfolio_compute_dashboard (AffPortfolio  *self,
                                 const GDate   *date,
                                 GError       **error)
{
  g_autoptr(AffDashboard) dashboard = NULL;
  g_autoptr(GHashTable) clients = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) unknown_clients = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_activity = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree Slot *slots = NULL;
  g_autofree Chunk *chunks = NULL;
  g_autofree GThread **threads = NULL;
  g_autofree AffDashboardRow **activity_rows = NULL;
  guint32 ends[FORECAST_MONTHS];
  AffAffair **affairs;
  AffPolicy *policy;
  const char *currency;
  gint64 billing[FORECAST_MONTHS] = { 0 }, cash_in[FORECAST_MONTHS] = { 0 };
  gboolean overflow = FALSE;
  guint lang, i, k, n, n_threads, n_chunks, failed;
  Work work;
  GError *failure = NULL;

  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  policy = aff_portfolio_get_policy (self);
  currency = aff_policy_get_currency (policy);
  lang = _aff_language_index (aff_policy_get_language (policy));
  dashboard = g_new0 (AffDashboard, 1);
  dashboard->date = *date;
  dashboard->lang = lang;
  dashboard->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_dashboard_row_free);
  dashboard->totals = row_new ("total", L ("Total", "Total"), currency);
  dashboard->by_client = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_dashboard_row_free);
  dashboard->by_activity = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_dashboard_row_free);
  dashboard->forecast = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_forecast_month_free);

  /* The last day of each month of the forecast. */
  for (i = 0; i < FORECAST_MONTHS; i++)
    {
      GDate end = *date;

      g_date_set_day (&end, 1);
      g_date_add_months (&end, i);
      g_date_set_day (&end, g_date_get_days_in_month (g_date_get_month (&end), g_date_get_year (&end)));
      ends[i] = g_date_get_julian (&end);
      /* _aff_evaluation_planned_values() takes them in order. */
      g_assert (i == 0 || ends[i - 1] < ends[i]);
    }
  /* The ledgers a store left to read are read here, before the threads,
   * in one pass: the store has one connection, and reads one after the
   * other. */
  _aff_portfolio_read_ledgers (self);
  affairs = _aff_portfolio_peek_affairs (self, &n);
  slots = g_new0 (Slot, MAX (n, 1));

  /* The affairs, in chunks that threads take in turn, this one too. A
   * GDate writes its Julian day when first asked: the threads share one
   * already written. */
  g_date_get_julian (&dashboard->date);
  n_threads = n_threads_for (n);
  n_chunks = n_chunks_for (n, n_threads);
  chunks = g_new0 (Chunk, n_chunks);
  threads = g_new0 (GThread *, n_threads);
  for (k = 0; k < n_chunks; k++)
    {
      guint from = chunk_start (n, k, n_chunks), to = chunk_start (n, k + 1, n_chunks);

      chunks[k] = (Chunk) { self, affairs, from, to, &dashboard->date, ends, currency, slots, g_ptr_array_new (),
                            g_array_new (FALSE, FALSE, sizeof (Alert)), { NULL, NULL, 0 }, { NULL, NULL, 0 },
                            g_ptr_array_new (),
                            g_hash_table_new (NULL, NULL) };
      chunks[k].totals = row_alloc (&chunks[k].arena, "total", "", currency);
      chunks[k].by_client = g_ptr_array_new ();
      chunks[k].client_of = g_ptr_array_new ();
      chunks[k].clients = g_hash_table_new (NULL, NULL);
      chunks[k].unknown_clients = g_hash_table_new (g_str_hash, g_str_equal);
      chunks[k].by_activity = g_ptr_array_new ();
      chunks[k].due = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_billing_item_free);
    }
#ifdef __linux__
  work = (Work) { chunks, n_chunks, 0, sched_getcpu () };
#else
  work = (Work) { chunks, n_chunks, 0, -1 };
#endif
  for (k = 1; k < n_threads; k++)
    threads[k] = g_thread_new ("aff-dashboard", compute_chunks_beside, &work);
  compute_chunks (&work);
  for (k = 1; k < n_threads; k++)
    g_thread_join (threads[k]);
  failed = n;
  for (k = 0; k < n_chunks; k++)
    {
      /* The chunks are in the affairs' order, and each stops at its first
       * error. */
      if (failure == NULL && chunks[k].error != NULL)
        {
          failed = chunks[k].failed;
          failure = g_steal_pointer (&chunks[k].error);
        }
      g_clear_error (&chunks[k].error);
      for (i = 0; i < FORECAST_MONTHS; i++)
        overflow |= __builtin_add_overflow (billing[i], chunks[k].billing[i], &billing[i]) |
                    __builtin_add_overflow (cash_in[i], chunks[k].cash_in[i], &cash_in[i]);
      alerts_join (&dashboard->alerts, &chunks[k].alerts);
      g_ptr_array_unref (chunks[k].drifts);
      g_array_unref (chunks[k].late);
      g_ptr_array_unref (chunks[k].due);
      _aff_arena_take (&dashboard->arena, &chunks[k].arena);
    }

  /* The totals and rollups: the chunks' sums, or when one of them
   * overflows, the rows one by one in the order of the affairs, so that
   * a total that overflows before the affair in error is the error. */
  if (merge_chunks (dashboard, chunks, n_chunks, failed, clients, unknown_clients, by_activity))
    for (i = 0; i < failed; i++)
      g_ptr_array_add (dashboard->rows, g_steal_pointer (&slots[i].row));
  else
    {
      g_ptr_array_set_size (dashboard->by_client, 0);
      g_ptr_array_set_size (dashboard->by_activity, 0);
      g_hash_table_remove_all (clients);
      g_hash_table_remove_all (unknown_clients);
      g_hash_table_remove_all (by_activity);
      memset (dashboard->totals->money, 0, sizeof dashboard->totals->money);
      dashboard->totals->n_affairs = 0;
      dashboard->totals->n_alerts = 0;
      for (i = 0, k = 0; i < failed; i++)
        {
          AffDashboardRow *row = g_steal_pointer (&slots[i].row);
          AffClient *client = slots[i].client;

          /* The rows ahead: another thread wrote them. */
          if (i + 8 < failed)
            __builtin_prefetch (slots[i + 8].row);
          const char *client_id = client != NULL ? aff_client_get_id (client) : aff_affair_get_client_id (affairs[i]);
          AffDashboardRow **activity;

          while (i >= chunks[k].to)
            k++;
          if (i == chunks[k].from)
            {
              g_free (activity_rows);
              activity_rows = g_new0 (AffDashboardRow *, chunks[k].activities->len);
            }
          activity = &activity_rows[slots[i].activity];
          if (*activity == NULL)
            {
              const char *name = g_ptr_array_index (chunks[k].activities, slots[i].activity);

              *activity = rollup_for (&dashboard->arena, dashboard->by_activity, by_activity, name, name, name,
                                      currency);
            }
          g_ptr_array_add (dashboard->rows, row);
          if (!add_into (dashboard->totals, row) ||
              !add_into (client_rollup_for (&dashboard->arena, dashboard->by_client, clients, unknown_clients, client,
                                            client_id, row->label, currency),
                         row) ||
              !add_into (*activity, row))
            {
              failed = i;
              g_clear_error (&failure);
              g_set_error (&failure, AFF_ERROR, AFF_ERROR_OVERFLOW, _("The dashboard's totals overflow 64 bits"));
              break;
            }
        }
    }
  for (i = 0; i < n; i++)
    g_clear_pointer (&slots[i].row, aff_dashboard_row_free);
  for (k = 0; k < n_chunks; k++)
    {
      g_ptr_array_unref (chunks[k].activities);
      g_hash_table_unref (chunks[k].activity_index);
      g_ptr_array_unref (chunks[k].by_client);
      g_ptr_array_unref (chunks[k].client_of);
      g_hash_table_unref (chunks[k].clients);
      g_hash_table_unref (chunks[k].unknown_clients);
      g_ptr_array_unref (chunks[k].by_activity);
    }
  if (failure != NULL)
    {
      g_propagate_error (error, failure);
      return NULL;
    }
  if (overflow)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW, _("The dashboard's forecast overflows 64 bits"));
      return NULL;
    }
  for (i = 0; i < FORECAST_MONTHS; i++)
    {
      GDate month = *date;

      g_date_set_day (&month, 1);
      g_date_add_months (&month, i);
      g_ptr_array_add (dashboard->forecast, forecast_month_new (&month, billing[i], cash_in[i], currency));
    }
  return g_steal_pointer (&dashboard);
}

/* Rendering ------------------------------------------------------------- */

static const char *
locale_of (guint lang)
{
  return lang == LANG_EN ? "en" : "fr";
}

static char *
rate_text (const AffDashboardRow *row,
           guint                  lang)
{
  int bp = 0;

  g_autofree char *number = NULL;

  if (!aff_dashboard_row_get_margin_rate (row, &bp))
    return g_strdup ("—");
  number = _aff_language_decimal (lang, bp / 100.0, 2);
  return g_strdup_printf ("%s %%", number);
}

static const guint table_figures[] = {
  D_REVENUE, D_COST, D_MARGIN, D_DRIFT, D_BACKLOG, D_ACCRUED, D_DEFERRED, D_BILLED, D_CASH, D_OVERDUE
};

static void
table_row (AffDoc                *doc,
           const AffDashboardRow *row,
           gboolean               strong,
           gboolean               with_label,
           guint                  lang)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  gboolean numeric[16] = { FALSE };
  guint i, k = 0;

  g_ptr_array_add (cells, g_strdup (*row->key != '\0' ? row->key : "—"));
  k++;
  if (with_label)
    {
      g_ptr_array_add (cells, g_strdup (row->label));
      k++;
    }
  for (i = 0; i < G_N_ELEMENTS (table_figures); i++)
    {
      numeric[k++] = TRUE;
      g_ptr_array_add (cells, aff_money_format (row_money (row, table_figures[i]), locale_of (lang)));
      if (table_figures[i] == D_MARGIN)
        {
          numeric[k++] = TRUE;
          g_ptr_array_add (cells, rate_text (row, lang));
        }
    }
  numeric[k++] = TRUE;
  g_ptr_array_add (cells, g_strdup_printf ("%u", row->n_alerts));
  g_ptr_array_add (cells, NULL);
  _aff_doc_table_row (doc, strong, (const char * const *) cells->pdata, numeric);
}

static void
table (AffDoc     *doc,
       GPtrArray  *rows,
       const char *first,
       const char *second,
       const AffDashboardRow *totals,
       guint       lang)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  gboolean numeric[16] = { FALSE };
  const char *figures[] = {
    L ("CA à terminaison", "Revenue at completion"), L ("Coût à terminaison", "Cost at completion"),
    L ("Marge à terminaison", "Margin at completion"), L ("Taux", "Rate"), L ("Dérive", "Drift"),
    L ("Reste à reconnaître", "Backlog"), L ("FAE", "Accrued"), L ("PCA", "Deferred"),
    L ("Facturé", "Billed"), L ("Encaissé", "Cash in"), L ("Retards", "Overdue"), L ("Alertes", "Alerts"),
  };
  guint i, k = 0;

  g_ptr_array_add (columns, (gpointer) first);
  k++;
  if (second != NULL)
    {
      g_ptr_array_add (columns, (gpointer) second);
      k++;
    }
  for (i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_ptr_array_add (columns, (gpointer) figures[i]);
      numeric[k++] = TRUE;
    }
  g_ptr_array_add (columns, NULL);
  _aff_doc_table_begin (doc, (const char * const *) columns->pdata, numeric);
  for (i = 0; i < rows->len; i++)
    table_row (doc, g_ptr_array_index (rows, i), FALSE, second != NULL, lang);
  if (totals != NULL)
    table_row (doc, totals, TRUE, second != NULL, lang);
  _aff_doc_table_end (doc);
}

/**
 * aff_dashboard_render:
 * @self: a dashboard
 * @format: Markdown or HTML
 *
 * Writes the dashboard for people, in the language of the portfolio's
 * policy when it was computed: a table of the affairs with the totals, the
 * tables by client and by activity, and the alerts. Amounts are written
 * as the language writes them ([method@Aff.Money.format]).
 *
 * Returns: (transfer full): the document
 */
char *
aff_dashboard_render (const AffDashboard *self,
                      AffDocumentFormat   format)
{
  guint lang;
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  AffDoc doc;

  g_return_val_if_fail (self != NULL, NULL);

  lang = self->lang;
  day = _aff_doc_format_date (lang, &self->date);
  title = g_strdup_printf (L ("Tableau de bord des affaires au %s", "Affairs dashboard on %s"), day);
  _aff_doc_begin (&doc, format, locale_of (lang), title);
  _aff_doc_heading (&doc, 1, title);
  _aff_dashboard_write_tables (self, &doc);
  _aff_doc_heading (&doc, 2, L ("Alertes", "Alerts"));
  alerts = _aff_dashboard_list_alert_texts (self);
  if (alerts->len == 0)
    _aff_doc_paragraph (&doc, L ("Aucune alerte.", "No alert."));
  _aff_doc_list (&doc, alerts);
  return _aff_doc_finish (&doc);
}

GPtrArray *
_aff_dashboard_list_alert_texts (const AffDashboard *self)
{
  GPtrArray *alerts = g_ptr_array_new_full (self->alerts.n, g_free);

  for (const AlertBlock *block = self->alerts.first; block != NULL; block = block->next)
    for (guint i = 0; i < block->len; i++)
      g_ptr_array_add (alerts, alert_text (self, &block->alerts[i]));
  return alerts;
}

void
_aff_dashboard_write_tables (const AffDashboard *self,
                             AffDoc             *doc)
{
  guint lang = self->lang, i;
  const char *columns[] = { L ("Mois", "Month"), L ("Facturation", "Billing"), L ("Encaissements", "Cash in"),
                            NULL };
  const gboolean numeric[] = { FALSE, TRUE, TRUE };

  _aff_doc_heading (doc, 2, L ("Affaires", "Affairs"));
  table (doc, self->rows, L ("Affaire", "Affair"), L ("Client", "Client"), self->totals, lang);
  _aff_doc_heading (doc, 2, L ("Par client", "By client"));
  table (doc, self->by_client, L ("Client", "Client"), L ("Nom", "Name"), NULL, lang);
  _aff_doc_heading (doc, 2, L ("Par activité", "By activity"));
  table (doc, self->by_activity, L ("Activité", "Activity"), NULL, NULL, lang);
  _aff_doc_heading (doc, 2, L ("Prévisions", "Forecast"));
  _aff_doc_table_begin (doc, columns, numeric);
  for (i = 0; i < self->forecast->len; i++)
    {
      const AffForecastMonth *month = g_ptr_array_index (self->forecast, i);
      g_autofree char *name = g_strdup_printf ("%s %u", _aff_doc_month_name (lang, g_date_get_month (&month->month)),
                                               g_date_get_year (&month->month));
      g_autofree char *billed = aff_money_format (month->billing, locale_of (lang));
      g_autofree char *cash = aff_money_format (month->cash_in, locale_of (lang));
      const char *cells[] = { name, billed, cash, NULL };

      _aff_doc_table_row (doc, FALSE, cells, numeric);
    }
  _aff_doc_table_end (doc);
}

/**
 * aff_dashboard_to_csv:
 * @self: a dashboard
 *
 * Writes the rows of the affairs and the totals as CSV (RFC 4180, CRLF),
 * for a spreadsheet or an ERP: the columns `affair`, `client`, `currency`,
 * then the figures as decimals without the currency (`revenue_at_completion`,
 * `cost_at_completion`, `margin_at_completion`, `margin_rate_bp` (empty
 * when undefined), `margin_drift`, `recognised_revenue`, `backlog`,
 * `accrued_revenue`, `deferred_revenue`, `billed`, `cash_received`,
 * `overdue`) and `alerts`. The totals come last, as the affair `total`.
 *
 * Returns: (transfer full): the CSV text
 */
char *
aff_dashboard_to_csv (const AffDashboard *self)
{
  static const guint figures[] = {
    D_REVENUE, D_COST, D_MARGIN, D_DRIFT, D_RECOGNISED, D_BACKLOG, D_ACCRUED, D_DEFERRED, D_BILLED, D_CASH, D_OVERDUE
  };
  GString *out;
  guint exponent = 2, i, k;

  g_return_val_if_fail (self != NULL, NULL);

  aff_currency_get_exponent (self->totals->currency, &exponent);
  out = g_string_new ("affair,client,currency,revenue_at_completion,cost_at_completion,margin_at_completion,"
                      "margin_rate_bp,margin_drift,recognised_revenue,backlog,accrued_revenue,deferred_revenue,"
                      "billed,cash_received,overdue,alerts\r\n");
  for (i = 0; i <= self->rows->len; i++)
    {
      const AffDashboardRow *row = i < self->rows->len ? g_ptr_array_index (self->rows, i) : self->totals;
      int bp = 0;

      _aff_csv_field (out, row->key);
      g_string_append_c (out, ',');
      _aff_csv_field (out, row->label);
      g_string_append_printf (out, ",%s", row->currency);
      for (k = 0; k < G_N_ELEMENTS (figures); k++)
        {
          g_string_append_c (out, ',');
          _aff_append_decimal (out, row->money[figures[k]], exponent);
          if (figures[k] == D_MARGIN)
            {
              g_string_append_c (out, ',');
              if (aff_dashboard_row_get_margin_rate (row, &bp))
                g_string_append_printf (out, "%d", bp);
            }
        }
      g_string_append_printf (out, ",%u\r\n", row->n_alerts);
    }
  return g_string_free (out, FALSE);
}

/**
 * aff_dashboard_to_svg_margins:
 * @self: a dashboard
 *
 * Draws the margin at completion of each affair as a horizontal bar chart,
 * a standalone SVG image: a bar per affair in the portfolio's order, to the
 * right of the zero line for a margin, to the left (in red) for a loss,
 * with the affair's id, its margin and its rate. The longest bar takes the
 * whole width; the scale is linear.
 *
 * Returns: (transfer full): the SVG document
 */
char *
aff_dashboard_to_svg_margins (const AffDashboard *self)
{
  const int width = 720, label_width = 140, value_width = 170, bar_height = 22, gap = 8, top = 48;
  GString *out;
  gint64 lo = 0, hi = 0;
  double scale, zero;
  int height, plot;
  guint lang, i;

  g_return_val_if_fail (self != NULL, NULL);

  lang = self->lang;
  for (i = 0; i < self->rows->len; i++)
    {
      const AffDashboardRow *row = g_ptr_array_index (self->rows, i);

      lo = MIN (lo, row->money[D_MARGIN]);
      hi = MAX (hi, row->money[D_MARGIN]);
    }
  plot = width - label_width - value_width;
  scale = hi > lo ? plot / (double) (hi - lo) : 0;
  zero = label_width + (double) -lo * scale;
  height = top + (int) self->rows->len * (bar_height + gap) + 16;
  out = g_string_new (NULL);
  g_string_append_printf (out,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                          "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n",
                          width, height, width, height);
  {
    g_autofree char *day = _aff_doc_format_date (lang, &self->date);
    g_autofree char *title = g_markup_printf_escaped (L ("Marge à terminaison par affaire au %s",
                                                         "Margin at completion by affair on %s"), day);

    g_string_append_printf (out, "  <text x=\"8\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>\n", title);
  }
  /* Whole pixels: a decimal point would follow the process's locale. */
  g_string_append_printf (out, "  <line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>\n",
                          (int) (zero + 0.5), top - 4, (int) (zero + 0.5), height - 12);
  for (i = 0; i < self->rows->len; i++)
    {
      const AffDashboardRow *row = g_ptr_array_index (self->rows, i);
      gint64 margin = row->money[D_MARGIN];
      double x = margin >= 0 ? zero : zero + margin * scale, w = (margin >= 0 ? margin : -margin) * scale;
      int y = top + (int) i * (bar_height + gap);
      g_autofree char *id = g_markup_escape_text (row->key, -1);
      g_autofree char *amount = aff_money_format (row_money (row, D_MARGIN), locale_of (lang));
      g_autofree char *rate = rate_text (row, lang);
      g_autofree char *value = g_markup_printf_escaped ("%s (%s)", amount, rate);

      g_string_append_printf (out, "  <text x=\"8\" y=\"%d\">%s</text>\n", y + 15, id);
      g_string_append_printf (out, "  <rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n",
                              (int) (x + 0.5), y, (int) (w + 0.5), bar_height, margin >= 0 ? "#2e7d32" : "#c62828");
      g_string_append_printf (out, "  <text x=\"%d\" y=\"%d\">%s</text>\n", width - value_width + 8, y + 15, value);
    }
  g_string_append (out, "</svg>\n");
  return g_string_free (out, FALSE);
}

/* The S-curve ---------------------------------------------------------- */

typedef struct
{
  GDate date;
  gint64 pv, ev, ac;
} CurvePoint;

static void
polyline (GString          *out,
          const CurvePoint *points,
          guint             n,
          gsize             offset,
          int               left,
          int               top,
          int               plot_width,
          int               plot_height,
          gint64            top_value,
          const char       *colour)
{
  guint i;

  g_string_append (out, "  <polyline fill=\"none\" stroke-width=\"2\" stroke=\"");
  g_string_append (out, colour);
  g_string_append (out, "\" points=\"");
  for (i = 0; i < n; i++)
    {
      gint64 value = *(const gint64 *) ((const char *) &points[i] + offset);
      gint64 x = left + (n > 1 ? (gint64) i * plot_width / (n - 1) : 0);
      gint64 y = top + plot_height - (top_value > 0 ? (AffInt128) MAX (value, 0) * plot_height / top_value : 0);

      g_string_append_printf (out, "%s%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, i > 0 ? " " : "", x, y);
    }
  g_string_append (out, "\"/>\n");
}

/**
 * aff_affair_to_svg_s_curve:
 * @self: an affair
 * @until: the last day drawn
 * @error: return location for a #GError
 *
 * Draws the S-curve of the affair, a standalone SVG image: its planned
 * value, earned value and actual cost ([method@Aff.Affair.compute_status])
 * at the end of each month from the month of its signature to @until, and
 * on @until itself when it does not end a month, against the budget at
 * completion. The points are spaced evenly; the vertical scale runs from 0
 * to the largest of the budget at completion and the values drawn, in whole
 * pixels.
 *
 * Returns: (transfer full): the SVG document, or %NULL with
 *   %AFF_ERROR_INVALID_VALUE (@until before the signature) or
 *   %AFF_ERROR_OVERFLOW set
 */
char *
aff_affair_to_svg_s_curve (AffAffair    *self,
                           const GDate  *until,
                           GError      **error)
{
  const int width = 640, height = 360, left = 80, right = 20, top = 48, bottom = 40;
  const int plot_width = width - left - right, plot_height = height - top - bottom;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (CurvePoint));
  g_autofree char *day = NULL, *title = NULL, *top_text = NULL;
  g_autoptr(AffMoney) top_money = NULL;
  GString *out;
  gint64 top_value = 0, bac = 0;
  guint lang, i;
  GDate at;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);
  g_return_val_if_fail (until != NULL && g_date_valid (until), NULL);

  if (g_date_compare (until, aff_affair_get_signed_date (self)) < 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE, _("Affair “%s”: the curve ends before the signature"),
                   aff_affair_get_id (self));
      return NULL;
    }
  lang = _aff_affair_language (self);
  at = *aff_affair_get_signed_date (self);
  g_date_set_day (&at, g_date_get_days_in_month (g_date_get_month (&at), g_date_get_year (&at)));
  for (;;)
    {
      g_autoptr(AffAffairStatus) status = NULL;
      CurvePoint point;
      gboolean last = g_date_compare (&at, until) >= 0;

      point.date = last ? *until : at;
      if ((status = aff_affair_compute_status (self, &point.date, error)) == NULL)
        return NULL;
      point.pv = aff_money_get_minor (aff_affair_status_get_pv (status));
      point.ev = aff_money_get_minor (aff_affair_status_get_ev (status));
      point.ac = aff_money_get_minor (aff_affair_status_get_ac (status));
      bac = aff_money_get_minor (aff_affair_status_get_bac (status));
      top_value = MAX (top_value, MAX (bac, MAX (point.pv, MAX (point.ev, point.ac))));
      g_array_append_val (points, point);
      if (last)
        break;
      g_date_add_days (&at, 1);
      g_date_set_day (&at, g_date_get_days_in_month (g_date_get_month (&at), g_date_get_year (&at)));
    }

  out = g_string_new (NULL);
  g_string_append_printf (out,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                          "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n",
                          width, height, width, height);
  day = _aff_doc_format_date (lang, until);
  title = g_markup_printf_escaped (L ("Courbe en S de l'affaire %s au %s", "S-curve of affair %s on %s"),
                                   aff_affair_get_id (self), day);
  g_string_append_printf (out, "  <text x=\"8\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>\n", title);
  top_money = aff_money_new (top_value, aff_money_get_currency (aff_affair_get_contract_amount (self)), NULL);
  top_text = aff_money_format (top_money, lang == LANG_EN ? "en" : "fr");
  g_string_append_printf (out, "  <line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>\n", left, top, left,
                          top + plot_height);
  g_string_append_printf (out, "  <line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>\n", left,
                          top + plot_height, left + plot_width, top + plot_height);
  {
    g_autofree char *escaped = g_markup_escape_text (top_text, -1);

    g_string_append_printf (out, "  <text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", left - 4, top + 4,
                            escaped);
  }
  /* The budget at completion, dashed. */
  if (top_value > 0)
    {
      gint64 y = top + plot_height - (AffInt128) bac * plot_height / top_value;

      g_string_append_printf (out, "  <line x1=\"%d\" y1=\"%" G_GINT64_FORMAT "\" x2=\"%d\" y2=\"%" G_GINT64_FORMAT
                              "\" stroke=\"#888\" stroke-dasharray=\"6 4\"/>\n", left, y, left + plot_width, y);
    }
  polyline (out, (CurvePoint *) points->data, points->len, G_STRUCT_OFFSET (CurvePoint, pv), left, top, plot_width,
            plot_height, top_value, "#1565c0");
  polyline (out, (CurvePoint *) points->data, points->len, G_STRUCT_OFFSET (CurvePoint, ev), left, top, plot_width,
            plot_height, top_value, "#2e7d32");
  polyline (out, (CurvePoint *) points->data, points->len, G_STRUCT_OFFSET (CurvePoint, ac), left, top, plot_width,
            plot_height, top_value, "#c62828");
  for (i = 0; i < points->len; i++)
    {
      const CurvePoint *point = &g_array_index (points, CurvePoint, i);
      int x = left + (points->len > 1 ? (int) ((gint64) i * plot_width / (points->len - 1)) : 0);

      g_string_append_printf (out, "  <text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%04u-%02u-%02u</text>\n", x,
                              top + plot_height + 18, g_date_get_year (&point->date), g_date_get_month (&point->date),
                              g_date_get_day (&point->date));
    }
  g_string_append_printf (out,
                          "  <text x=\"%d\" y=\"40\" fill=\"#1565c0\">%s</text>\n"
                          "  <text x=\"%d\" y=\"40\" fill=\"#2e7d32\">%s</text>\n"
                          "  <text x=\"%d\" y=\"40\" fill=\"#c62828\">%s</text>\n"
                          "  <text x=\"%d\" y=\"40\" fill=\"#888\">%s</text>\n",
                          left, L ("valeur planifiée (PV)", "planned value (PV)"),
                          left + 150, L ("valeur acquise (EV)", "earned value (EV)"),
                          left + 300, L ("coût réel (AC)", "actual cost (AC)"),
                          left + 420, L ("budget à terminaison", "budget at completion"));
  g_string_append (out, "</svg>\n");
  return g_string_free (out, FALSE);
}
