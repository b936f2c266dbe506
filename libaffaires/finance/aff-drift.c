/* aff-drift.c: drifts of an affair and their corrective actions
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
#include "aff-drift.h"
#include "aff-affair-private.h"
#include "aff-finance-private.h"

/**
 * AffCorrectiveAction:
 *
 * What the responsable d'affaires decided about a drift: the analysis of its
 * cause, the action, who carries it and by when, and the effect expected on
 * the estimate at completion. It answers the drifts of one kind and subject
 * ([method@Aff.Drift.get_subject]) from its date on.
 */

struct _AffCorrectiveAction
{
  AffDriftKind kind;
  char *subject;
  GDate date;
  char *analysis;
  char *action;
  char *owner;
  GDate due;
  AffMoney *eac_effect;
};

/**
 * aff_corrective_action_new:
 * @kind: the kind of drift it answers
 * @subject: (nullable): the subject of the drift, as
 *   [method@Aff.Drift.get_subject] gives it; %NULL for a drift of the whole
 *   affair
 * @date: the date it was decided
 * @analysis: the cause of the drift, as analysed
 * @action: what will be done
 * @owner: who carries it out
 * @due: by when
 * @eac_effect: the change expected on the estimate at completion, negative
 *   for a saving
 *
 * Creates a corrective action.
 *
 * Returns: (transfer full): a new corrective action
 */
AffCorrectiveAction *
aff_corrective_action_new (AffDriftKind    kind,
                           const char     *subject,
                           const GDate    *date,
                           const char     *analysis,
                           const char     *action,
                           const char     *owner,
                           const GDate    *due,
                           const AffMoney *eac_effect)
{
  AffCorrectiveAction *self;

  g_return_val_if_fail (date != NULL && due != NULL, NULL);
  g_return_val_if_fail (analysis != NULL && action != NULL && owner != NULL, NULL);
  g_return_val_if_fail (eac_effect != NULL, NULL);

  self = g_new0 (AffCorrectiveAction, 1);
  self->kind = kind;
  self->subject = g_strdup (subject);
  self->date = *date;
  self->analysis = g_strdup (analysis);
  self->action = g_strdup (action);
  self->owner = g_strdup (owner);
  self->due = *due;
  self->eac_effect = aff_money_copy (eac_effect);
  return self;
}

/**
 * aff_corrective_action_copy:
 * @self: a corrective action
 *
 * Copies a corrective action.
 *
 * Returns: (transfer full): a copy of @self
 */
AffCorrectiveAction *
aff_corrective_action_copy (const AffCorrectiveAction *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return aff_corrective_action_new (self->kind, self->subject, &self->date, self->analysis, self->action,
                                    self->owner, &self->due, self->eac_effect);
}

/**
 * aff_corrective_action_free:
 * @self: (nullable): a corrective action
 *
 * Frees a corrective action.
 */
void
aff_corrective_action_free (AffCorrectiveAction *self)
{
  if (self == NULL)
    return;
  g_free (self->subject);
  g_free (self->analysis);
  g_free (self->action);
  g_free (self->owner);
  aff_money_free (self->eac_effect);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffCorrectiveAction, aff_corrective_action, aff_corrective_action_copy,
                       aff_corrective_action_free)

/**
 * aff_corrective_action_get_kind:
 * @self: a corrective action
 *
 * Gets the kind of drift the action answers.
 *
 * Returns: the kind
 */
AffDriftKind
aff_corrective_action_get_kind (const AffCorrectiveAction *self)
{
  g_return_val_if_fail (self != NULL, AFF_DRIFT_KIND_COST_PERFORMANCE);
  return self->kind;
}

/**
 * aff_corrective_action_get_subject:
 * @self: a corrective action
 *
 * Gets the subject of the drift the action answers.
 *
 * Returns: (nullable): the subject, %NULL for the whole affair
 */
const char *
aff_corrective_action_get_subject (const AffCorrectiveAction *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->subject;
}

/**
 * aff_corrective_action_get_date:
 * @self: a corrective action
 *
 * Gets the date the action was decided.
 *
 * Returns: (transfer none): the date
 */
const GDate *
aff_corrective_action_get_date (const AffCorrectiveAction *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->date;
}

/**
 * aff_corrective_action_get_analysis:
 * @self: a corrective action
 *
 * Gets the analysis of the cause of the drift.
 *
 * Returns: the analysis
 */
const char *
aff_corrective_action_get_analysis (const AffCorrectiveAction *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->analysis;
}

/**
 * aff_corrective_action_get_action:
 * @self: a corrective action
 *
 * Gets what will be done.
 *
 * Returns: the action
 */
const char *
aff_corrective_action_get_action (const AffCorrectiveAction *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->action;
}

/**
 * aff_corrective_action_get_owner:
 * @self: a corrective action
 *
 * Gets who carries the action out.
 *
 * Returns: the owner
 */
const char *
aff_corrective_action_get_owner (const AffCorrectiveAction *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->owner;
}

/**
 * aff_corrective_action_get_due:
 * @self: a corrective action
 *
 * Gets the date the action is due.
 *
 * Returns: (transfer none): the date
 */
const GDate *
aff_corrective_action_get_due (const AffCorrectiveAction *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->due;
}

/**
 * aff_corrective_action_get_eac_effect:
 * @self: a corrective action
 *
 * Gets the change expected on the estimate at completion.
 *
 * Returns: (transfer none): the expected change, negative for a saving
 */
const AffMoney *
aff_corrective_action_get_eac_effect (const AffCorrectiveAction *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->eac_effect;
}

/**
 * AffDrift:
 *
 * An indicator of an affair past a threshold of the policy on a date
 * ([method@Aff.Affair.list_drifts]): what drifted (its kind and subject), the
 * indicator's value and the threshold, a message in the policy's language
 * that gives the figures, and the corrective action recorded for it, if
 * any. A drift without one blocks the close-out.
 *
 * The subject names what drifted within the affair: %NULL for the
 * performance indices, the margin and the concordance, which are the whole
 * affair's; the task id for a milestone slip; `work/category` (or
 * `category` alone for the whole affair's costs, such as `T1/labour` or
 * `overhead`) for a budget overrun.
 */

struct _AffDrift
{
  AffDriftKind kind;
  char *subject;
  double value;
  double threshold;
  char *message;
  AffCorrectiveAction *action;
};

static AffDrift *
drift_new (AffDriftKind  kind,
           const char   *subject,
           double        value,
           double        threshold,
           char         *message)
{
  AffDrift *self = g_new0 (AffDrift, 1);

  self->kind = kind;
  self->subject = g_strdup (subject);
  self->value = value;
  self->threshold = threshold;
  self->message = message;
  return self;
}

/**
 * aff_drift_copy:
 * @self: a drift
 *
 * Copies a drift.
 *
 * Returns: (transfer full): a copy of @self
 */
AffDrift *
aff_drift_copy (const AffDrift *self)
{
  AffDrift *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = drift_new (self->kind, self->subject, self->value, self->threshold, g_strdup (self->message));
  copy->action = self->action != NULL ? aff_corrective_action_copy (self->action) : NULL;
  return copy;
}

/**
 * aff_drift_free:
 * @self: (nullable): a drift
 *
 * Frees a drift.
 */
void
aff_drift_free (AffDrift *self)
{
  if (self == NULL)
    return;
  g_free (self->subject);
  g_free (self->message);
  g_clear_pointer (&self->action, aff_corrective_action_free);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffDrift, aff_drift, aff_drift_copy, aff_drift_free)

/**
 * aff_drift_get_kind:
 * @self: a drift
 *
 * Gets what drifted.
 *
 * Returns: the kind
 */
AffDriftKind
aff_drift_get_kind (const AffDrift *self)
{
  g_return_val_if_fail (self != NULL, AFF_DRIFT_KIND_COST_PERFORMANCE);
  return self->kind;
}

/**
 * aff_drift_get_subject:
 * @self: a drift
 *
 * Gets what drifted within the affair: see [struct@Aff.Drift].
 *
 * Returns: (nullable): the subject, %NULL for the whole affair
 */
const char *
aff_drift_get_subject (const AffDrift *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->subject;
}

/**
 * aff_drift_get_value:
 * @self: a drift
 *
 * Gets the indicator's value: the CPI or SPI; the margin rate drift in
 * points (−10.0 for ten points lost); the slip in working days; the
 * concordance gap (0.15 for 15 points); for a budget overrun, actual cost
 * over budget (1.25 for 25 % over), or 0 when the cost has no budget.
 *
 * Returns: the value
 */
double
aff_drift_get_value (const AffDrift *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->value;
}

/**
 * aff_drift_get_threshold:
 * @self: a drift
 *
 * Gets the threshold of the policy the value crossed, in the value's
 * terms (0.95 for a CPI, −2.0 for two points of margin, 1.10 for a 10 %
 * overrun).
 *
 * Returns: the threshold
 */
double
aff_drift_get_threshold (const AffDrift *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->threshold;
}

/**
 * aff_drift_get_message:
 * @self: a drift
 *
 * Gets a sentence saying what drifted, with the figures, in the policy's
 * language.
 *
 * Returns: the message
 */
const char *
aff_drift_get_message (const AffDrift *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->message;
}

/**
 * aff_drift_get_corrective_action:
 * @self: a drift
 *
 * Gets the corrective action recorded for the drift, the latest decided on
 * or before the date of the list.
 *
 * Returns: (transfer none) (nullable): the action, or %NULL when the drift
 *   is not yet answered
 */
const AffCorrectiveAction *
aff_drift_get_corrective_action (const AffDrift *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->action;
}

/* The policy's thresholds, or its defaults for an affair without one. */
static guint
threshold (AffAffair *affair,
           guint    (*getter) (AffPolicy *))
{
  AffPolicy *policy = _aff_affair_get_policy (affair);
  g_autoptr(AffPolicy) fallback = NULL;

  if (policy == NULL)
    policy = fallback = aff_policy_new ();
  return getter (policy);
}

static char *
overrun_subject (const char      *work,
                 AffCostCategory  category)
{
  const char *nick = aff_enum_to_nick (AFF_TYPE_COST_CATEGORY, category);

  return work != NULL ? g_strdup_printf ("%s/%s", work, nick) : g_strdup (nick);
}

typedef struct
{
  const char *work;
  AffCostCategory category;
  gint64 actual;
  gint64 budget;
} Spend;

static Spend *
spend_for (GArray          *spends,
           const char      *work,
           AffCostCategory  category)
{
  Spend spend = { work, category, 0, 0 };
  guint i;

  for (i = 0; i < spends->len; i++)
    {
      Spend *existing = &g_array_index (spends, Spend, i);

      if (existing->category == category && g_strcmp0 (existing->work, work) == 0)
        return existing;
    }
  g_array_append_val (spends, spend);
  return &g_array_index (spends, Spend, spends->len - 1);
}

/* Budget lines whose actual cost is beyond the policy's overrun, and costs
 * without a budget line, in the order of the budget then of the ledger. */
static gboolean
list_overruns (AffAffair    *self,
               const GDate  *date,
               guint         lang,
               GPtrArray    *drifts,
               GError      **error)
{
  AffLedger *ledger = aff_affair_get_ledger (self);
  const char *currency = aff_ledger_get_currency (ledger);
  guint rate = threshold (self, aff_policy_get_drift_overrun_rate);
  guint32 day = g_date_get_julian (date);
  gboolean overflow = FALSE;
  g_autoptr(GArray) lines = _aff_affair_budget_lines (self, date, &overflow);
  g_autoptr(GArray) spends = g_array_new (FALSE, FALSE, sizeof (Spend));
  const AffLedgerRow *rows;
  guint n, i;

  for (i = 0; i < lines->len; i++)
    {
      const AffBudgetLine *line = &g_array_index (lines, AffBudgetLine, i);

      spend_for (spends, line->work, line->category)->budget = line->budget;
    }
  rows = _aff_ledger_rows (ledger, &n);
  for (i = 0; i < n; i++)
    {
      Spend *spend;

      if (rows[i].state != AFF_COST_STATE_ACTUAL || rows[i].day > day)
        continue;
      spend = spend_for (spends, _aff_ledger_word (ledger, rows[i].work), rows[i].category);
      overflow |= __builtin_add_overflow (spend->actual, rows[i].amount, &spend->actual);
    }
  if (overflow)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW, _("Affair “%s”: a cost total overflows 64 bits"),
                   aff_affair_get_id (self));
      return FALSE;
    }
  for (i = 0; i < spends->len; i++)
    {
      const Spend *spend = &g_array_index (spends, Spend, i);
      g_autofree char *subject = NULL, *actual = NULL, *budget = NULL;
      double limit = 1.0 + rate / 10000.0;

      /* Compared exactly: actual × 10000 > budget × (10000 + rate). */
      if (spend->actual <= 0 ||
          (spend->budget > 0 &&
           (AffInt128) spend->actual * 10000 <= (AffInt128) spend->budget * (10000 + rate)))
        continue;
      /* The words are written only for the lines that drift: the dashboard
       * lists the drifts of every affair. */
      subject = overrun_subject (spend->work, spend->category);
      actual = _aff_money_text (spend->actual, currency);
      budget = _aff_money_text (spend->budget, currency);
      if (spend->budget <= 0)
        g_ptr_array_add (drifts, drift_new (AFF_DRIFT_KIND_BUDGET_OVERRUN, subject, 0, limit,
                                            g_strdup_printf (L ("%s : %s de coûts réels sans budget",
                                                                "%s: %s of actual costs without a budget"),
                                                             subject, actual)));
      else
        {
          g_autofree char *over = _aff_language_decimal (lang, rate / 100.0, 1);

          g_ptr_array_add (drifts, drift_new (AFF_DRIFT_KIND_BUDGET_OVERRUN, subject,
                                              (double) spend->actual / (double) spend->budget, limit,
                                              g_strdup_printf (L ("%s : %s de coûts réels pour un budget de %s, "
                                                                  "plus de %s %% au-delà",
                                                                  "%s: %s of actual costs against a budget of %s, "
                                                                  "more than %s %% over"),
                                                               subject, actual, budget, over)));
        }
    }
  return TRUE;
}

/* Milestones of the plan, as scheduled now, later than in its latest
 * baseline by more working days than the policy allows. */
static void
list_slips (AffAffair *self,
            guint      lang,
            GPtrArray *drifts)
{
  AffPlan *plan = aff_affair_get_plan (self);
  g_auto(GStrv) baselines = aff_plan_list_baselines (plan);
  g_autoptr(GPtrArray) slips = NULL;
  guint days = threshold (self, aff_policy_get_drift_slip_days);
  guint i;

  /* Without a baseline or a schedule there is nothing to compare. */
  if (baselines[0] == NULL ||
      (slips = aff_plan_compare_to_baseline (plan, baselines[g_strv_length (baselines) - 1], NULL)) == NULL)
    return;
  for (i = 0; i < slips->len; i++)
    {
      const AffSlip *slip = g_ptr_array_index (slips, i);
      int late = aff_slip_get_finish_slip (slip);

      if (!aff_slip_is_milestone (slip) || late <= (int) days)
        continue;
      g_ptr_array_add (drifts, drift_new (AFF_DRIFT_KIND_MILESTONE_SLIP, aff_slip_get_task_id (slip), late, days,
                                          g_strdup_printf (L ("Jalon %s : %d jours ouvrés de retard sur la "
                                                              "référence, au-delà de %u",
                                                              "Milestone %s: %d working days later than the "
                                                              "baseline, beyond %u"),
                                                           aff_slip_get_task_id (slip), late, days)));
    }
}

/* The latest action for the drift's kind and subject decided by @day. */
static const AffCorrectiveAction *
action_for (GPtrArray      *actions,
            const AffDrift *drift,
            guint32         day)
{
  const AffCorrectiveAction *found = NULL;
  guint i;

  for (i = 0; i < actions->len; i++)
    {
      const AffCorrectiveAction *action = g_ptr_array_index (actions, i);

      if (action->kind == drift->kind && g_strcmp0 (action->subject, drift->subject) == 0 &&
          g_date_get_julian (&action->date) <= day &&
          (found == NULL || g_date_compare (&action->date, &found->date) >= 0))
        found = action;
    }
  return found;
}

/**
 * aff_affair_list_drifts:
 * @self: an affair
 * @date: the date of the status they are measured on
 * @error: return location for a #GError
 *
 * Lists the drifts of the affair on @date: each indicator of its status
 * ([method@Aff.Affair.compute_status]) past a threshold of the policy. In
 * this order: the CPI below [property@Aff.Policy:drift-cpi-threshold]; the
 * SPI below [property@Aff.Policy:drift-spi-threshold]; the margin rate at
 * completion more than [property@Aff.Policy:drift-margin-points] below the
 * offer's; each milestone of the plan, as scheduled now, later than in its
 * latest baseline by more than [property@Aff.Policy:drift-slip-days] working
 * days, in the baseline's order; physical, cost and billing progress further
 * apart than [property@Aff.Policy:concordance-tolerance]; and each budget
 * line whose actual cost on @date is more than
 * [property@Aff.Policy:drift-overrun-rate] over its budget, or that has
 * actual costs and no budget. An undefined indicator does not drift.
 *
 * Each drift carries the corrective action recorded for its kind and
 * subject on or before @date, if any.
 *
 * Returns: (transfer container) (element-type AffDrift): the drifts, or %NULL
 *   with %AFF_ERROR_OVERFLOW set
 */
GPtrArray *
aff_affair_list_drifts (AffAffair    *self,
                        const GDate  *date,
                        GError      **error)
{
  g_autoptr(AffAffairStatus) status = NULL;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if ((status = aff_affair_compute_status (self, date, error)) == NULL)
    return NULL;
  return _aff_affair_list_drifts_of (self, status, error);
}

GPtrArray *
_aff_affair_list_drifts_of (AffAffair              *self,
                            const AffAffairStatus  *status,
                            GError                **error)
{
  g_autoptr(GPtrArray) drifts = NULL;
  const GDate *date = aff_affair_status_get_date (status);
  GPtrArray *actions;
  guint lang, cpi_threshold, spi_threshold, points, i;
  double value = 0;
  int drift_bp = 0;

  lang = _aff_affair_language (self);
  cpi_threshold = threshold (self, aff_policy_get_drift_cpi_threshold);
  spi_threshold = threshold (self, aff_policy_get_drift_spi_threshold);
  points = threshold (self, aff_policy_get_drift_margin_points);
  drifts = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_drift_free);

  if (aff_affair_status_get_cpi (status, &value) && value * 10000 < cpi_threshold)
    {
      g_autofree char *v = _aff_language_decimal (lang, value, 3);
      g_autofree char *t = _aff_language_decimal (lang, cpi_threshold / 10000.0, 3);

      g_ptr_array_add (drifts, drift_new (AFF_DRIFT_KIND_COST_PERFORMANCE, NULL, value, cpi_threshold / 10000.0,
                                          g_strdup_printf (L ("CPI de %s, sous le seuil de %s",
                                                              "CPI of %s, below the threshold of %s"), v, t)));
    }
  if (aff_affair_status_get_spi (status, &value) && value * 10000 < spi_threshold)
    {
      g_autofree char *v = _aff_language_decimal (lang, value, 3);
      g_autofree char *t = _aff_language_decimal (lang, spi_threshold / 10000.0, 3);

      g_ptr_array_add (drifts, drift_new (AFF_DRIFT_KIND_SCHEDULE_PERFORMANCE, NULL, value, spi_threshold / 10000.0,
                                          g_strdup_printf (L ("SPI de %s, sous le seuil de %s",
                                                              "SPI of %s, below the threshold of %s"), v, t)));
    }
  if (aff_affair_status_get_margin_rate_drift (status, &drift_bp) && -drift_bp > (int) points)
    {
      g_autofree char *v = _aff_language_decimal (lang, -drift_bp / 100.0, 2);
      g_autofree char *t = _aff_language_decimal (lang, points / 100.0, 2);

      g_ptr_array_add (drifts, drift_new (AFF_DRIFT_KIND_MARGIN_EROSION, NULL, drift_bp / 100.0, -(points / 100.0),
                                          g_strdup_printf (L ("Taux de marge à terminaison en baisse de %s points "
                                                              "sur l'offre, au-delà de %s",
                                                              "Margin rate at completion %s points below the "
                                                              "offer's, beyond %s"), v, t)));
    }
  list_slips (self, lang, drifts);
  if (!aff_affair_status_is_concordant (status, &value))
    {
      AffPolicy *policy = _aff_affair_get_policy (self);
      double tolerance = (policy != NULL ? aff_policy_get_concordance_tolerance (policy) : 1000) / 10000.0;
      double physical = 0, cost = 0, billing = 0;

      aff_affair_status_get_physical_progress (status, &physical);
      aff_affair_status_get_cost_progress (status, &cost);
      aff_affair_status_get_billing_progress (status, &billing);
      g_autofree char *p = _aff_language_decimal (lang, physical * 100, 1);
      g_autofree char *c = _aff_language_decimal (lang, cost * 100, 1);
      g_autofree char *b = _aff_language_decimal (lang, billing * 100, 1);
      g_autofree char *g = _aff_language_decimal (lang, value * 100, 1);
      g_autofree char *t = _aff_language_decimal (lang, tolerance * 100, 1);

      g_ptr_array_add (drifts, drift_new (AFF_DRIFT_KIND_CONCORDANCE, NULL, value, tolerance,
                                          g_strdup_printf (L ("Avancements discordants : physique %s %%, "
                                                              "coûts %s %%, facturation %s %%, écart de %s "
                                                              "points au-delà de %s",
                                                              "Progress out of step: physical %s %%, cost "
                                                              "%s %%, billing %s %%, a gap of %s points "
                                                              "beyond %s"), p, c, b, g, t)));
    }
  if (!list_overruns (self, date, lang, drifts, error))
    return NULL;

  actions = _aff_finance_get_actions (_aff_affair_get_finance (self));
  for (i = 0; i < drifts->len; i++)
    {
      AffDrift *drift = g_ptr_array_index (drifts, i);
      const AffCorrectiveAction *action = action_for (actions, drift, g_date_get_julian (date));

      if (action != NULL)
        drift->action = aff_corrective_action_copy (action);
    }
  return g_steal_pointer (&drifts);
}

static gboolean
text_given (const char  *text,
            const char  *what,
            GError     **error)
{
  if (text != NULL && *text != '\0' && g_utf8_validate (text, -1, NULL))
    return TRUE;
  g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE, _("A corrective action needs %s"), what);
  return FALSE;
}

/**
 * aff_affair_record_corrective_action:
 * @self: an affair
 * @action: the corrective action
 * @error: return location for a #GError
 *
 * Records a corrective action; it answers the drifts of its kind and
 * subject from its date on. A later action for the same drift replaces the
 * earlier in the drifts listed after its date; both stay recorded.
 * Journaled.
 *
 * Returns: %TRUE if recorded; %FALSE with %AFF_ERROR_INVALID_VALUE (an
 *   empty analysis, action or owner, an invalid date, a due date before the
 *   decision), %AFF_ERROR_CURRENCY_MISMATCH or %AFF_ERROR_CLOSED set
 */
gboolean
aff_affair_record_corrective_action (AffAffair                  *self,
                                     const AffCorrectiveAction  *action,
                                     GError                    **error)
{
  const char *currency;
  JsonObject *details;
  g_autofree char *date = NULL, *due = NULL, *effect = NULL;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  currency = aff_money_get_currency (aff_affair_get_contract_amount (self));
  if (!_aff_finance_check_open (_aff_affair_get_finance (self), aff_affair_get_id (self), error))
    return FALSE;
  if (!text_given (action->analysis, _("an analysis of the cause"), error) ||
      !text_given (action->action, _("an action"), error) || !text_given (action->owner, _("an owner"), error))
    return FALSE;
  if ((guint) action->kind > AFF_DRIFT_KIND_BUDGET_OVERRUN)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE, _("A corrective action needs a kind of drift"));
      return FALSE;
    }
  if (!g_date_valid (&action->date) || !g_date_valid (&action->due) || g_date_compare (&action->due, &action->date) < 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("A corrective action needs valid dates, the due date not before the decision"));
      return FALSE;
    }
  if (strcmp (aff_money_get_currency (action->eac_effect), currency) != 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH,
                   _("Affair “%s”: an effect in %s, the contract is in %s"), aff_affair_get_id (self),
                   aff_money_get_currency (action->eac_effect), currency);
      return FALSE;
    }
  g_ptr_array_add (_aff_finance_get_actions (_aff_affair_get_finance (self)), aff_corrective_action_copy (action));

  details = json_object_new ();
  date = aff_date_to_iso (&action->date);
  due = aff_date_to_iso (&action->due);
  effect = aff_money_to_string (action->eac_effect);
  json_object_set_string_member (details, "kind", aff_enum_to_nick (AFF_TYPE_DRIFT_KIND, action->kind));
  if (action->subject != NULL)
    json_object_set_string_member (details, "subject", action->subject);
  json_object_set_string_member (details, "date", date);
  json_object_set_string_member (details, "analysis", action->analysis);
  json_object_set_string_member (details, "action", action->action);
  json_object_set_string_member (details, "owner", action->owner);
  json_object_set_string_member (details, "due", due);
  json_object_set_string_member (details, "eac_effect", effect);
  _aff_finance_record (_aff_affair_get_finance (self), "corrective-action-recorded", details);
  return TRUE;
}

/**
 * aff_affair_list_corrective_actions:
 * @self: an affair
 *
 * Lists the corrective actions recorded, in the order they were recorded.
 *
 * Returns: (transfer container) (element-type AffCorrectiveAction): copies of
 *   the actions
 */
GPtrArray *
aff_affair_list_corrective_actions (AffAffair *self)
{
  GPtrArray *actions, *result;
  guint i;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);

  actions = _aff_finance_get_actions (_aff_affair_get_finance (self));
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_corrective_action_free);
  for (i = 0; i < actions->len; i++)
    g_ptr_array_add (result, aff_corrective_action_copy (g_ptr_array_index (actions, i)));
  return result;
}

void
_aff_corrective_action_to_json (const AffCorrectiveAction *action,
                                JsonBuilder               *builder)
{
  json_builder_begin_object (builder);
  aff_json_add_enum (builder, "kind", AFF_TYPE_DRIFT_KIND, action->kind);
  aff_json_add_string (builder, "subject", action->subject);
  aff_json_add_date (builder, "date", &action->date);
  aff_json_add_string (builder, "analysis", action->analysis);
  aff_json_add_string (builder, "action", action->action);
  aff_json_add_string (builder, "owner", action->owner);
  aff_json_add_date (builder, "due", &action->due);
  aff_json_add_money (builder, "eac_effect", action->eac_effect);
  json_builder_end_object (builder);
}

AffCorrectiveAction *
_aff_corrective_action_from_json (AffJsonReader *reader,
                                  JsonNode      *node,
                                  const char    *currency,
                                  GError       **error)
{
  static const char *const members[] = {
    "kind", "subject", "date", "analysis", "action", "owner", "due", "eac_effect", NULL
  };
  g_autofree char *subject = NULL, *analysis = NULL, *action = NULL, *owner = NULL;
  g_autoptr(AffMoney) effect = NULL;
  JsonObject *object;
  GDate date, due;
  int kind = 0;

  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_enum (reader, object, "kind", TRUE, AFF_TYPE_DRIFT_KIND, &kind, error) ||
      !aff_json_get_string (reader, object, "subject", FALSE, &subject, error) ||
      !aff_json_get_date (reader, object, "date", TRUE, &date, error) ||
      !aff_json_get_string (reader, object, "analysis", TRUE, &analysis, error) ||
      !aff_json_get_string (reader, object, "action", TRUE, &action, error) ||
      !aff_json_get_string (reader, object, "owner", TRUE, &owner, error) ||
      !aff_json_get_date (reader, object, "due", TRUE, &due, error) ||
      !aff_json_get_money (reader, object, "eac_effect", TRUE, &effect, error))
    return NULL;
  if (*analysis == '\0' || *action == '\0' || *owner == '\0')
    return aff_json_reader_fail (reader, error, _("expected an analysis, an action and an owner")), NULL;
  if (g_date_compare (&due, &date) < 0)
    return aff_json_reader_fail_at (reader, "due", error, _("expected a date on or after the decision")), NULL;
  if (strcmp (aff_money_get_currency (effect), currency) != 0)
    return aff_json_reader_fail_at (reader, "eac_effect", error, _("expected an amount in %s, the contract's currency"),
                                    currency), NULL;
  return aff_corrective_action_new (kind, subject, &date, analysis, action, owner, &due, effect);
}
