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

/* The message is written when first asked for: a dashboard finds the
 * drifts of every affair, and most are only counted. */
struct _AffDrift
{
  AffDriftKind kind;
  const char *subject;        /* in @text, or NULL */
  double value;
  double threshold;
  char *message;              /* NULL until asked for */
  guint lang;
  double figures[3];          /* concordance: physical, cost, billing; overrun: the rate in points */
  gint64 actual;              /* overrun */
  gint64 budget;
  char currency[4];
  AffCorrectiveAction *action;
  gboolean in_arena;          /* its memory goes with the arena's */
  char text[];
};

/* One allocation per drift, its subject after it: @work "/" @what, or
 * either alone; from @arena when not NULL. A dashboard keeps tens of
 * thousands of drifts. */
static AffDrift *
drift_alloc (AffArena   *arena,
             const char *work,
             const char *what)
{
  gsize w = work != NULL ? strlen (work) : 0, n = what != NULL ? strlen (what) : 0;
  gboolean both = work != NULL && what != NULL;
  gsize size = sizeof (AffDrift) + w + both + n + 1;
  AffDrift *self = arena != NULL ? _aff_arena_alloc0 (arena, size) : g_malloc0 (size);

  self->in_arena = arena != NULL;

  if (work == NULL && what == NULL)
    return self;
  memcpy (self->text, work != NULL ? work : what, work != NULL ? w : n);
  if (both)
    {
      self->text[w] = '/';
      memcpy (self->text + w + 1, what, n);
    }
  self->subject = self->text;
  return self;
}

static AffDrift *
drift_new (AffArena     *arena,
           AffDriftKind  kind,
           const char   *subject,
           const char   *subject_part,
           double        value,
           double        threshold,
           guint         lang)
{
  AffDrift *self = drift_alloc (arena, subject, subject_part);

  self->kind = kind;
  self->value = value;
  self->threshold = threshold;
  self->lang = lang;
  return self;
}

static char *
write_message (const AffDrift *self)
{
  guint lang = self->lang;
  g_autofree char *v = NULL, *t = NULL, *p = NULL, *c = NULL, *b = NULL;
  g_autofree char *actual = NULL, *budget = NULL;

  switch (self->kind)
    {
    case AFF_DRIFT_KIND_COST_PERFORMANCE:
    case AFF_DRIFT_KIND_SCHEDULE_PERFORMANCE:
      v = _aff_language_decimal (lang, self->value, 3);
      t = _aff_language_decimal (lang, self->threshold, 3);
      return self->kind == AFF_DRIFT_KIND_COST_PERFORMANCE
             ? g_strdup_printf (L ("CPI de %s, sous le seuil de %s", "CPI of %s, below the threshold of %s"), v, t)
             : g_strdup_printf (L ("SPI de %s, sous le seuil de %s", "SPI of %s, below the threshold of %s"), v, t);
    case AFF_DRIFT_KIND_MARGIN_EROSION:
      v = _aff_language_decimal (lang, -self->value, 2);
      t = _aff_language_decimal (lang, -self->threshold, 2);
      return g_strdup_printf (L ("Taux de marge à terminaison en baisse de %s points sur l'offre, au-delà de %s",
                                 "Margin rate at completion %s points below the offer's, beyond %s"), v, t);
    case AFF_DRIFT_KIND_MILESTONE_SLIP:
      return g_strdup_printf (L ("Jalon %s : %d jours ouvrés de retard sur la référence, au-delà de %u",
                                 "Milestone %s: %d working days later than the baseline, beyond %u"),
                              self->subject, (int) self->value, (guint) self->threshold);
    case AFF_DRIFT_KIND_CONCORDANCE:
      p = _aff_language_decimal (lang, self->figures[0] * 100, 1);
      c = _aff_language_decimal (lang, self->figures[1] * 100, 1);
      b = _aff_language_decimal (lang, self->figures[2] * 100, 1);
      v = _aff_language_decimal (lang, self->value * 100, 1);
      t = _aff_language_decimal (lang, self->threshold * 100, 1);
      return g_strdup_printf (L ("Avancements discordants : physique %s %%, coûts %s %%, facturation %s %%, "
                                 "écart de %s points au-delà de %s",
                                 "Progress out of step: physical %s %%, cost %s %%, billing %s %%, a gap of %s "
                                 "points beyond %s"), p, c, b, v, t);
    case AFF_DRIFT_KIND_BUDGET_OVERRUN:
    default:
      actual = _aff_money_text (lang, self->actual, self->currency);
      if (self->budget <= 0)
        return g_strdup_printf (L ("%s : %s de coûts réels sans budget", "%s: %s of actual costs without a budget"),
                                self->subject, actual);
      budget = _aff_money_text (lang, self->budget, self->currency);
      t = _aff_language_decimal (lang, self->figures[0], 1);
      return g_strdup_printf (L ("%s : %s de coûts réels pour un budget de %s, plus de %s %% au-delà",
                                 "%s: %s of actual costs against a budget of %s, more than %s %% over"),
                              self->subject, actual, budget, t);
    }
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
  const char *subject;

  g_return_val_if_fail (self != NULL, NULL);
  copy = drift_alloc (NULL, self->subject, NULL);
  subject = copy->subject;
  *copy = *self;
  copy->subject = subject;
  copy->in_arena = FALSE;
  copy->message = g_strdup (g_atomic_pointer_get (&((AffDrift *) self)->message));
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
  g_free (self->message);
  g_clear_pointer (&self->action, aff_corrective_action_free);
  if (!self->in_arena)
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
  AffDrift *drift = (AffDrift *) self;
  char *message;

  g_return_val_if_fail (self != NULL, NULL);
  if ((message = g_atomic_pointer_get (&drift->message)) != NULL)
    return message;
  /* Two threads may both write it; one keeps its own. */
  message = write_message (self);
  if (!g_atomic_pointer_compare_and_exchange (&drift->message, NULL, message))
    {
      g_free (message);
      message = g_atomic_pointer_get (&drift->message);
    }
  return message;
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

/* Budget lines whose actual cost is beyond the policy's overrun, and costs
 * without a budget line, in the order of the budget then of the ledger. */
static void
list_overruns (AffAffair     *self,
               AffEvaluation *e,
               guint          lang,
               AffArena      *arena,
               GPtrArray     *drifts)
{
  /* The ledger's, which is the contract's: read from the amount the
   * status has just read, not from the ledger's own string, a cache line
   * of its own for every affair of a dashboard. */
  const char *currency = aff_money_get_currency (self->contract_amount);
  guint rate = _aff_evaluation_get_limits (e)->drift_overrun_rate;
  const AffSpend *spends;
  guint n, i;

  spends = _aff_evaluation_spends (e, &n);
  for (i = 0; i < n; i++)
    {
      const AffSpend *spend = &spends[i];
      AffDrift *drift;

      /* Compared exactly: actual × 10000 > budget × (10000 + rate). */
      if (spend->actual <= 0 ||
          (spend->budget > 0 &&
           (AffInt128) spend->actual * 10000 <= (AffInt128) spend->budget * (10000 + rate)))
        continue;
      drift = drift_new (arena, AFF_DRIFT_KIND_BUDGET_OVERRUN, spend->work,
                         aff_enum_to_nick (AFF_TYPE_COST_CATEGORY, spend->category),
                         spend->budget > 0 ? (double) spend->actual / (double) spend->budget : 0,
                         1.0 + rate / 10000.0, lang);
      drift->actual = spend->actual;
      drift->budget = spend->budget;
      drift->figures[0] = rate / 100.0;
      g_strlcpy (drift->currency, currency, sizeof drift->currency);
      g_ptr_array_add (drifts, drift);
    }
}

/* Milestones of the plan, as scheduled now, later than in its latest
 * baseline by more working days than the policy allows, in the plan's
 * order (which is its baselines'). */
static void
list_slips (AffAffair     *self,
            AffEvaluation *e,
            guint          lang,
            AffArena      *arena,
            GPtrArray     *drifts)
{
  AffCalendar *calendar = aff_plan_get_calendar (self->plan);
  const char *baseline;
  guint n_tasks;
  const AffPlanTaskDays *tasks = _aff_evaluation_get_tasks (e, &n_tasks, &baseline);
  guint days = _aff_evaluation_get_limits (e)->drift_slip_days;
  guint i;

  for (i = 0; baseline != NULL && i < n_tasks; i++)
    {
      const AffPlanTaskDays *task = &tasks[i];
      int late;

      if (!task->milestone || task->base_finish == 0 || task->early_finish == 0)
        continue;
      late = _aff_calendar_days_between (calendar, task->base_finish, task->early_finish);
      if (late > (int) days)
        g_ptr_array_add (drifts, drift_new (arena, AFF_DRIFT_KIND_MILESTONE_SLIP, task->id, NULL, late, days, lang));
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
  g_autoptr(AffEvaluation) e = NULL;
  const AffAffairStatus *status;
  GPtrArray *drifts;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  e = _aff_evaluation_new ();
  if ((status = _aff_evaluation_run (e, self, date, error)) == NULL)
    return NULL;
  drifts = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_drift_free);
  _aff_evaluation_list_drifts (e, self, status, NULL, drifts);
  return drifts;
}

void
_aff_evaluation_list_drifts (AffEvaluation         *e,
                             AffAffair             *self,
                             const AffAffairStatus *status,
                             AffArena              *arena,
                             GPtrArray             *drifts)
{
  const GDate *date = &status->date;
  const AffPolicyLimits *limits = _aff_evaluation_get_limits (e);
  const guint lang = limits->language, cpi_threshold = limits->drift_cpi_threshold;
  const guint spi_threshold = limits->drift_spi_threshold, points = limits->drift_margin_points;
  GPtrArray *actions;
  guint i, first = drifts->len;
  double value = 0;

  if (_aff_affair_status_ratio (status, R_CPI, &value) && value * 10000 < cpi_threshold)
    g_ptr_array_add (drifts, drift_new (arena, AFF_DRIFT_KIND_COST_PERFORMANCE, NULL, NULL, value, cpi_threshold / 10000.0,
                                        lang));
  if (_aff_affair_status_ratio (status, R_SPI, &value) && value * 10000 < spi_threshold)
    g_ptr_array_add (drifts, drift_new (arena, AFF_DRIFT_KIND_SCHEDULE_PERFORMANCE, NULL, NULL, value, spi_threshold / 10000.0,
                                        lang));
  if (status->has_margin_rate_drift && -status->margin_rate_drift > (int) points)
    g_ptr_array_add (drifts, drift_new (arena, AFF_DRIFT_KIND_MARGIN_EROSION, NULL, NULL, status->margin_rate_drift / 100.0,
                                        -(points / 100.0), lang));
  list_slips (self, e, lang, arena, drifts);
  if (!status->concordant)
    {
      double tolerance = limits->concordance_tolerance / 10000.0;
      AffDrift *drift = drift_new (arena, AFF_DRIFT_KIND_CONCORDANCE, NULL, NULL, status->concordance_gap, tolerance,
                                   lang);

      _aff_affair_status_ratio (status, R_PHYSICAL_PROGRESS, &drift->figures[0]);
      _aff_affair_status_ratio (status, R_COST_PROGRESS, &drift->figures[1]);
      _aff_affair_status_ratio (status, R_BILLING_PROGRESS, &drift->figures[2]);
      g_ptr_array_add (drifts, drift);
    }
  list_overruns (self, e, lang, arena, drifts);

  actions = _aff_finance_get_actions (_aff_affair_get_finance (self));
  for (i = first; i < drifts->len && actions->len > 0; i++)
    {
      AffDrift *drift = g_ptr_array_index (drifts, i);
      const AffCorrectiveAction *action = action_for (actions, drift, g_date_get_julian (date));

      if (action != NULL)
        drift->action = aff_corrective_action_copy (action);
    }
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
