/* aff-plan.c: the delivery plan of an affair
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-string-private.h"
#include "aff-enum-types.h"
#include "aff-money-private.h"
#include "aff-planning-private.h"

/* ---- AffDependency ------------------------------------------------------ */

/**
 * AffDependency:
 *
 * A dependency between two tasks of a plan, as
 * [method@Aff.Plan.get_dependencies] lists them.
 */
struct _AffDependency
{
  char *predecessor_id;
  char *successor_id;
  AffDependencyType type;
  int lag;
};

static AffDependency *
dependency_new (const char        *predecessor_id,
                const char        *successor_id,
                AffDependencyType  type,
                int                lag)
{
  AffDependency *self = g_new (AffDependency, 1);

  self->predecessor_id = g_strdup (predecessor_id);
  self->successor_id = g_strdup (successor_id);
  self->type = type;
  self->lag = lag;
  return self;
}

/**
 * aff_dependency_copy:
 * @self: a dependency
 *
 * Copies a dependency.
 *
 * Returns: (transfer full): a copy
 */
AffDependency *
aff_dependency_copy (const AffDependency *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return dependency_new (self->predecessor_id, self->successor_id, self->type, self->lag);
}

/**
 * aff_dependency_free:
 * @self: (nullable): a dependency
 *
 * Frees a dependency.
 */
void
aff_dependency_free (AffDependency *self)
{
  if (self == NULL)
    return;
  g_free (self->predecessor_id);
  g_free (self->successor_id);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffDependency, aff_dependency, aff_dependency_copy, aff_dependency_free)

/**
 * aff_dependency_get_predecessor_id:
 * @self: a dependency
 *
 * Gets the id of the task depended on.
 *
 * Returns: the predecessor's id
 */
const char *
aff_dependency_get_predecessor_id (const AffDependency *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->predecessor_id;
}

/**
 * aff_dependency_get_successor_id:
 * @self: a dependency
 *
 * Gets the id of the dependent task.
 *
 * Returns: the successor's id
 */
const char *
aff_dependency_get_successor_id (const AffDependency *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->successor_id;
}

/**
 * aff_dependency_get_dependency_type:
 * @self: a dependency
 *
 * Gets how the successor depends on the predecessor.
 *
 * Returns: the type
 */
AffDependencyType
aff_dependency_get_dependency_type (const AffDependency *self)
{
  g_return_val_if_fail (self != NULL, AFF_DEPENDENCY_TYPE_FINISH_START);
  return self->type;
}

/**
 * aff_dependency_get_lag:
 * @self: a dependency
 *
 * Gets the lag.
 *
 * Returns: working days, negative for a lead
 */
int
aff_dependency_get_lag (const AffDependency *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->lag;
}

/* ---- AffViolation ------------------------------------------------------- */

/**
 * AffViolation:
 *
 * A finish-no-later-than that the schedule cannot meet: the task, the day
 * it had to be finished by, the day it can finish at the earliest and the
 * working days between them.
 */
struct _AffViolation
{
  char *task_id;
  GDate deadline;
  GDate finish;
  int days_missed;
};

/**
 * aff_violation_copy:
 * @self: a violation
 *
 * Copies a violation.
 *
 * Returns: (transfer full): a copy
 */
AffViolation *
aff_violation_copy (const AffViolation *self)
{
  AffViolation *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_memdup2 (self, sizeof *self);
  copy->task_id = g_strdup (self->task_id);
  return copy;
}

/**
 * aff_violation_free:
 * @self: (nullable): a violation
 *
 * Frees a violation.
 */
void
aff_violation_free (AffViolation *self)
{
  if (self == NULL)
    return;
  g_free (self->task_id);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffViolation, aff_violation, aff_violation_copy, aff_violation_free)

/**
 * aff_violation_get_task_id:
 * @self: a violation
 *
 * Gets the id of the task that finishes too late.
 *
 * Returns: the task's id
 */
const char *
aff_violation_get_task_id (const AffViolation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->task_id;
}

/**
 * aff_violation_get_deadline:
 * @self: a violation
 *
 * Gets the day the task had to be finished by.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_violation_get_deadline (const AffViolation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->deadline;
}

/**
 * aff_violation_get_finish:
 * @self: a violation
 *
 * Gets the earliest day the task can finish.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_violation_get_finish (const AffViolation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->finish;
}

/**
 * aff_violation_get_days_missed:
 * @self: a violation
 *
 * Gets by how much the deadline is missed.
 *
 * Returns: working days, at least 1
 */
int
aff_violation_get_days_missed (const AffViolation *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->days_missed;
}

/* ---- AffSlip ------------------------------------------------------------ */

/**
 * AffSlip:
 *
 * How a task moved since a baseline: its baseline and current dates and
 * the slips in working days, positive when it is later than planned.
 */
struct _AffSlip
{
  char *task_id;
  gboolean milestone;
  GDate baseline_start, baseline_finish, start, finish;
  int start_slip, finish_slip;
};

/**
 * aff_slip_copy:
 * @self: a slip
 *
 * Copies a slip.
 *
 * Returns: (transfer full): a copy
 */
AffSlip *
aff_slip_copy (const AffSlip *self)
{
  AffSlip *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_memdup2 (self, sizeof *self);
  copy->task_id = g_strdup (self->task_id);
  return copy;
}

/**
 * aff_slip_free:
 * @self: (nullable): a slip
 *
 * Frees a slip.
 */
void
aff_slip_free (AffSlip *self)
{
  if (self == NULL)
    return;
  g_free (self->task_id);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffSlip, aff_slip, aff_slip_copy, aff_slip_free)

/**
 * aff_slip_get_task_id:
 * @self: a slip
 *
 * Gets the id of the task that moved.
 *
 * Returns: the task's id
 */
const char *
aff_slip_get_task_id (const AffSlip *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->task_id;
}

/**
 * aff_slip_is_milestone:
 * @self: a slip
 *
 * Tells whether the task that moved is a milestone.
 *
 * Returns: whether it is a milestone
 */
gboolean
aff_slip_is_milestone (const AffSlip *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->milestone;
}

#define SLIP_DATE(field)                                                     \
  const GDate *                                                              \
  aff_slip_get_##field (const AffSlip *self)                                 \
  {                                                                          \
    g_return_val_if_fail (self != NULL, NULL);                               \
    return &self->field;                                                     \
  }

/**
 * aff_slip_get_baseline_start:
 * @self: a slip
 *
 * Gets the start the baseline planned.
 *
 * Returns: (transfer none): the day
 */
SLIP_DATE (baseline_start)
/**
 * aff_slip_get_baseline_finish:
 * @self: a slip
 *
 * Gets the finish the baseline planned.
 *
 * Returns: (transfer none): the day
 */
SLIP_DATE (baseline_finish)
/**
 * aff_slip_get_start:
 * @self: a slip
 *
 * Gets the start the current schedule gives.
 *
 * Returns: (transfer none): the day
 */
SLIP_DATE (start)
/**
 * aff_slip_get_finish:
 * @self: a slip
 *
 * Gets the finish the current schedule gives.
 *
 * Returns: (transfer none): the day
 */
SLIP_DATE (finish)

/**
 * aff_slip_get_start_slip:
 * @self: a slip
 *
 * Gets how far the start moved.
 *
 * Returns: working days, positive when later than the baseline
 */
int
aff_slip_get_start_slip (const AffSlip *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->start_slip;
}

/**
 * aff_slip_get_finish_slip:
 * @self: a slip
 *
 * Gets how far the finish moved.
 *
 * Returns: working days, positive when later than the baseline
 */
int
aff_slip_get_finish_slip (const AffSlip *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->finish_slip;
}

/* ---- AffPlan ------------------------------------------------------------ */

/**
 * AffPlan:
 *
 * The delivery plan of an affair, or a standalone plan for a what-if study:
 * a start date, a working calendar, tasks and the dependencies between
 * them, and the baselines saved along the way. The plan is the list model
 * of its tasks, in the order they were added.
 *
 * [method@Aff.Plan.schedule] computes the critical path: every task's early
 * and late dates, its total and free float, the critical tasks and the
 * plan's finish, on whole working days of the calendar (a task of d days
 * starts on a working day and finishes on its d-th working day; a
 * finish-to-start successor starts on the next working day; a milestone
 * falls at the end of the day its predecessors finish, or on the plan's
 * first day when it has none). These are the conventions of TaskJuggler and
 * MS Project, so dates agree with theirs. Start-no-earlier-than
 * constraints and actual dates move tasks; a finish-no-later-than that
 * cannot be met is reported by [method@Aff.Plan.get_violations] and makes
 * the float negative, not hidden.
 *
 * Scheduling is linear in tasks plus dependencies and does not walk the
 * calendar day by day, so a plan can be rescheduled on every edit.
 *
 * In an affair, every change to the plan is journaled under the affair.
 */

typedef struct
{
  char *task_id;
  GDate start;
  GDate finish;
} BaselineItem;

struct _AffPlanSnapshot
{
  char *name;
  GArray *items;                /* BaselineItem */
};

typedef AffPlanSnapshot Baseline;

struct _AffPlan
{
  GObject parent_instance;

  GDate start;
  AffCalendar *calendar;
  GPtrArray *tasks;             /* AffTask */
  GHashTable *index;            /* id → position + 1 */
  GArray *links;                /* AffSchedLink */
  GHashTable *pairs;            /* packed (pred, succ) → link position + 1 */
  GPtrArray *baselines;         /* Baseline */

  GArray *terms;                /* AffTaskTerms, one per task */
  AffSchedInput *input;         /* the scheduler's input, kept for reuse */
  gboolean inputs_valid;        /* @input matches the terms but for @dirty */
  guint inputs_n;
  guint inputs_version;         /* of the calendar @input was made with */
  GArray *dirty;                /* guint32 positions whose duration changed */
  AffSchedRows *rows;           /* the links, ready for the scheduler */
  gboolean rows_valid;
  AffSchedule *current;         /* the last schedule's boundaries */
  AffSchedule *spare;           /* where the next one is computed */
  GArray *days;                 /* guint32 julian days of the boundaries' range */
  gint32 days_lo;               /* the ordinal of days[0] */
  guint scheduled_n;            /* tasks the last schedule covers */
  guint64 generation;           /* counts schedules, for the tasks' copies */
  guint64 changes;              /* counts what changes the tasks' days: see _aff_plan_get_changes() */

  gboolean scheduled;
  guint scheduled_version;      /* of the calendar the schedule used */
  GDate finish;
  GPtrArray *violations;        /* AffViolation */

  AffPlanResources *resources;
  GDate contract_end;
  GListStore *hazards;          /* AffHazard */
  AffPreventionPlan *prevention;
  AffPolicy *policy;            /* an affair's, borrowed */

  AffTrack track;
};

static void aff_plan_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AffPlan, aff_plan, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, aff_plan_list_model_init))

static GType
aff_plan_get_item_type (GListModel *model)
{
  return AFF_TYPE_TASK;
}

static guint
aff_plan_get_n_items (GListModel *model)
{
  return AFF_PLAN (model)->tasks->len;
}

static gpointer
aff_plan_get_item (GListModel *model,
                   guint       position)
{
  AffPlan *self = AFF_PLAN (model);

  if (position >= self->tasks->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->tasks, position));
}

static void
aff_plan_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = aff_plan_get_item_type;
  iface->get_n_items = aff_plan_get_n_items;
  iface->get_item = aff_plan_get_item;
}

static void
baseline_free (gpointer data)
{
  Baseline *baseline = data;
  guint i;

  for (i = 0; i < baseline->items->len; i++)
    g_free (g_array_index (baseline->items, BaselineItem, i).task_id);
  g_array_unref (baseline->items);
  g_free (baseline->name);
  g_free (baseline);
}

/* A dependency is keyed by its two positions; on 64-bit platforms the key
 * fits in the pointer, which spares a million allocations in a large plan. */
static guint
pair_hash (gconstpointer key)
{
  guint64 k = *(const guint64 *) key;
  return (guint) (k ^ (k >> 29) ^ (k >> 32) * 0x9E3779B1u);
}

static gboolean
pair_equal (gconstpointer a,
            gconstpointer b)
{
  return *(const guint64 *) a == *(const guint64 *) b;
}

static guint64 *
pair_key (guint32 pred,
          guint32 succ)
{
  guint64 *key = g_new (guint64, 1);

  *key = ((guint64) pred << 32) | succ;
  return key;
}

static guint
find_pair (AffPlan *self,
           guint32  pred,
           guint32  succ)
{
  guint64 key = ((guint64) pred << 32) | succ;

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->pairs, &key));
}

static void
aff_plan_dispose (GObject *object)
{
  AffPlan *self = AFF_PLAN (object);
  guint i;

  /* A task a binding still holds must not point to a plan that is gone. */
  for (i = 0; i < self->tasks->len; i++)
    _aff_task_attach (g_ptr_array_index (self->tasks, i), NULL, NULL, NULL);
  g_ptr_array_set_size (self->tasks, 0);
  g_clear_object (&self->calendar);
  G_OBJECT_CLASS (aff_plan_parent_class)->dispose (object);
}

static void
aff_plan_finalize (GObject *object)
{
  AffPlan *self = AFF_PLAN (object);

  g_ptr_array_unref (self->tasks);
  g_hash_table_unref (self->index);
  g_array_unref (self->links);
  g_hash_table_unref (self->pairs);
  g_ptr_array_unref (self->baselines);
  g_ptr_array_unref (self->violations);
  g_array_unref (self->terms);
  _aff_plan_resources_free (self->resources);
  g_object_unref (self->hazards);
  /* A binding may keep the prevention plan: it must not journal through a
   * plan that is gone. */
  _aff_prevention_plan_detach (self->prevention);
  g_object_unref (self->prevention);
  _aff_sched_input_free (self->input);
  g_array_unref (self->dirty);
  _aff_sched_rows_free (self->rows);
  g_array_unref (self->days);
  _aff_schedule_free (self->current);
  _aff_schedule_free (self->spare);
  _aff_track_clear (&self->track);
  G_OBJECT_CLASS (aff_plan_parent_class)->finalize (object);
}

static void
aff_plan_class_init (AffPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aff_plan_dispose;
  object_class->finalize = aff_plan_finalize;
}

static void
aff_plan_init (AffPlan *self)
{
  g_date_clear (&self->start, 1);
  g_date_clear (&self->finish, 1);
  self->calendar = aff_calendar_new_french (FALSE);
  self->tasks = g_ptr_array_new_with_free_func (g_object_unref);
  self->index = g_hash_table_new (g_str_hash, g_str_equal);
  self->links = g_array_new (FALSE, FALSE, sizeof (AffSchedLink));
  self->pairs = g_hash_table_new_full (pair_hash, pair_equal, g_free, NULL);
  self->baselines = g_ptr_array_new_with_free_func (baseline_free);
  self->violations = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_violation_free);
  self->terms = g_array_new (FALSE, FALSE, sizeof (AffTaskTerms));
  self->dirty = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->input = _aff_sched_input_new ();
  self->resources = _aff_plan_resources_new ();
  g_date_clear (&self->contract_end, 1);
  self->hazards = g_list_store_new (AFF_TYPE_HAZARD);
  self->prevention = _aff_prevention_plan_new (&self->track);
  self->rows = _aff_sched_rows_new ();
  self->days = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->current = _aff_schedule_new ();
  self->spare = _aff_schedule_new ();
  self->generation = 1;
}

/**
 * aff_plan_new:
 *
 * Creates an empty plan on the French calendar (without the holidays of
 * Alsace-Moselle) and without a start date, for a what-if study or a test.
 * An affair has its own plan: [method@Aff.Affair.get_plan].
 *
 * Returns: (transfer full): a new plan
 */
AffPlan *
aff_plan_new (void)
{
  return g_object_new (AFF_TYPE_PLAN, NULL);
}

static void
stale (AffPlan *self)
{
  self->scheduled = FALSE;
  self->changes++;
}

/* The start, the calendar or the tasks changed: every input must be made
 * again. */
static void
inputs_changed (AffPlan *self)
{
  self->inputs_valid = FALSE;
  stale (self);
}

/* The tasks or the links changed: the rows must be built again. */
static void
restructured (AffPlan *self)
{
  self->rows_valid = FALSE;
  inputs_changed (self);
}

/* The ordinal of the day a boundary stands for: the day after it for a
 * start, the day before it for an end. A milestone's two dates are one day,
 * on the side its predecessors put it. */
static inline gint32
start_day (guint8 kind,
           gint32 boundary)
{
  return kind == AFF_SCHED_MILESTONE_END ? boundary - 1 : boundary;
}

static inline gint32
finish_day (guint8 kind,
            gint32 boundary)
{
  return kind == AFF_SCHED_MILESTONE_START ? boundary : boundary - 1;
}

/* A task without constraint, actual date or delay: a duration from the
 * plan's start. */
static gboolean
is_plain (const AffTaskTerms *t)
{
  return (t->start_no_earlier_than | t->finish_no_later_than | t->actual_start | t->actual_finish) == 0 &&
         t->delay == 0;
}

void
_aff_plan_task_changed (AffPlan *self,
                        AffTask *task)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, aff_task_get_id (task)));
  AffTaskTerms *terms;
  gboolean plain_before, plain_after;

  stale (self);
  if (position == 0)
    return;
  terms = &g_array_index (self->terms, AffTaskTerms, position - 1);
  plain_before = is_plain (terms);
  _aff_task_get_terms (task, terms);
  plain_after = is_plain (terms);
  /* A plain task (no constraint, no actual date, no delay) that stays plain
   * changes only its duration: the next schedule refreshes that alone,
   * which keeps rescheduling after an edit light on large plans. */
  if (plain_before && plain_after)
    {
      guint32 p = position - 1;
      g_array_append_val (self->dirty, p);
    }
  else
    self->inputs_valid = FALSE;
}

void
_aff_plan_fill_schedule (AffPlan         *self,
                         guint            index,
                         AffTaskSchedule *dst)
{
  const AffSchedule *s = self->current;
  const guint32 *days = (const guint32 *) self->days->data;
  gint32 lo = self->days_lo;
  guint8 kind;

  if (dst->generation == self->generation)
    return;
  dst->generation = self->generation;
  dst->scheduled = index < self->scheduled_n;
  if (!dst->scheduled)
    return;
  kind = s->kind[index];
  g_date_set_julian (&dst->early_start, days[start_day (kind, s->es[index]) - lo]);
  g_date_set_julian (&dst->early_finish, days[finish_day (kind, s->ef[index]) - lo]);
  g_date_set_julian (&dst->late_start, days[start_day (kind, s->ls[index]) - lo]);
  g_date_set_julian (&dst->late_finish, days[finish_day (kind, s->lf[index]) - lo]);
  dst->total_float = (int) CLAMP ((gint64) s->ls[index] - s->es[index], G_MININT, G_MAXINT);
  dst->free_float = s->free_float[index];
}

static void
record (AffPlan    *self,
        const char *action,
        JsonObject *details)
{
  _aff_track_record (&self->track, action, details);
}

static JsonObject *
details_with_task (const char *task_id)
{
  JsonObject *details = json_object_new ();

  json_object_set_string_member (details, "task", task_id);
  return details;
}

void
_aff_plan_attach (AffPlan    *self,
                  AffJournal *journal,
                  const char *affair_id,
                  AffPolicy  *policy)
{
  guint i;

  self->policy = policy;
  if (journal != NULL)
    _aff_track_attach (&self->track, journal, "affair", affair_id, NULL, NULL);
  else
    _aff_track_clear (&self->track);
  for (i = 0; i < self->tasks->len; i++)
    _aff_task_attach (g_ptr_array_index (self->tasks, i), self, journal, affair_id);
  _aff_plan_resources_attach (self->resources, journal, affair_id);
}

AffPolicy *
_aff_plan_get_policy (AffPlan *self)
{
  return self->policy;
}

AffTrack *
_aff_plan_get_track (AffPlan *self)
{
  return &self->track;
}

AffPlanResources *
_aff_plan_get_resources (AffPlan *self)
{
  return self->resources;
}

GDate *
_aff_plan_get_contract_end_slot (AffPlan *self)
{
  return &self->contract_end;
}

GListStore *
_aff_plan_get_hazard_store (AffPlan *self)
{
  return self->hazards;
}

AffPreventionPlan *
_aff_plan_get_prevention (AffPlan *self)
{
  return self->prevention;
}

/**
 * aff_plan_get_start:
 * @self: a plan
 *
 * Gets the day the plan starts.
 *
 * Returns: (transfer none) (nullable): the day, or %NULL if not set
 */
const GDate *
aff_plan_get_start (AffPlan *self)
{
  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);
  return g_date_valid (&self->start) ? &self->start : NULL;
}

/**
 * aff_plan_set_start:
 * @self: a plan
 * @date: the day the plan starts
 *
 * Sets the day the plan starts: tasks without predecessors start on it, or
 * on the next working day when it is not one.
 */
void
aff_plan_set_start (AffPlan     *self,
                    const GDate *date)
{
  JsonObject *details;

  g_return_if_fail (AFF_IS_PLAN (self));
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (!self->track.closed);

  if (g_date_valid (&self->start) && g_date_compare (&self->start, date) == 0)
    return;
  self->start = *date;
  inputs_changed (self);
  details = json_object_new ();
  json_object_set_member (details, "start", json_node_init_string (json_node_alloc (), ""));
  {
    g_autofree char *iso = aff_date_to_iso (date);
    json_object_set_string_member (details, "start", iso);
  }
  record (self, "plan-start-set", details);
}

/**
 * aff_plan_get_calendar:
 * @self: a plan
 *
 * Gets the plan's working calendar. Changing it changes the next schedule.
 *
 * Returns: (transfer none): the calendar
 */
AffCalendar *
aff_plan_get_calendar (AffPlan *self)
{
  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);
  return self->calendar;
}

/**
 * aff_plan_set_calendar:
 * @self: a plan
 * @calendar: the working calendar
 *
 * Sets the plan's working calendar.
 */
void
aff_plan_set_calendar (AffPlan     *self,
                       AffCalendar *calendar)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *details;

  g_return_if_fail (AFF_IS_PLAN (self));
  g_return_if_fail (AFF_IS_CALENDAR (calendar));
  g_return_if_fail (!self->track.closed);

  if (!g_set_object (&self->calendar, calendar))
    return;
  inputs_changed (self);
  builder = json_builder_new ();
  _aff_calendar_to_json (calendar, builder);
  node = json_builder_get_root (builder);
  details = json_object_new ();
  json_object_set_member (details, "calendar", g_steal_pointer (&node));
  record (self, "plan-calendar-set", details);
}

static guint
position_of (AffPlan    *self,
             const char *id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->index, id));
}

static void
insert_task (AffPlan *self,
             AffTask *task)
{
  AffTaskTerms terms;

  _aff_task_get_terms (task, &terms);
  g_array_append_val (self->terms, terms);
  _aff_task_set_index (task, self->tasks->len);
  g_ptr_array_add (self->tasks, g_object_ref (task));
  g_hash_table_insert (self->index, (gpointer) aff_task_get_id (task),
                       GUINT_TO_POINTER (self->tasks->len));
  _aff_task_attach (task, self, self->track.journal, self->track.id);
}

/**
 * aff_plan_add_task:
 * @self: a plan
 * @task: the task
 * @error: return location for a #GError
 *
 * Adds a task at the end of the plan.
 *
 * Returns: %TRUE on success; %FALSE if the plan has a task with the same
 *   id, the id is not valid or the task belongs to another plan
 */
gboolean
aff_plan_add_task (AffPlan  *self,
                   AffTask  *task,
                   GError  **error)
{
  const char *id;

  g_return_val_if_fail (AFF_IS_PLAN (self), FALSE);
  g_return_val_if_fail (AFF_IS_TASK (task), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_aff_track_check_open (&self->track, error))
    return FALSE;

  id = aff_task_get_id (task);
  if (!_aff_id_is_valid (id))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("The task id “%s” is not 1 to 64 bytes without spaces"), id);
      return FALSE;
    }
  if (position_of (self, id) != 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_DUPLICATE_ID,
                   _("The plan already has a task “%s”"), id);
      return FALSE;
    }
  if (_aff_task_get_plan (task) != NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_IN_USE,
                   _("The task “%s” already belongs to a plan"), id);
      return FALSE;
    }
  insert_task (self, task);
  restructured (self);
  if (self->track.journal != NULL)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;
      JsonObject *details = details_with_task (id);

      _aff_task_to_json (task, builder);
      node = json_builder_get_root (builder);
      json_object_set_member (details, "value", g_steal_pointer (&node));
      record (self, "task-added", details);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), self->tasks->len - 1, 0, 1);
  return TRUE;
}

static gboolean
find_task (AffPlan     *self,
           const char  *id,
           guint32     *position,
           GError     **error)
{
  guint found = id != NULL ? position_of (self, id) : 0;

  if (found == 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND,
                   _("The plan has no task “%s”"), id != NULL ? id : "");
      return FALSE;
    }
  *position = found - 1;
  return TRUE;
}

static void
rebuild_pairs (AffPlan *self)
{
  guint i;

  g_hash_table_remove_all (self->pairs);
  for (i = 0; i < self->links->len; i++)
    {
      const AffSchedLink *link = &g_array_index (self->links, AffSchedLink, i);
      g_hash_table_insert (self->pairs, pair_key (link->pred, link->succ), GUINT_TO_POINTER (i + 1));
    }
}

/**
 * aff_plan_remove_task:
 * @self: a plan
 * @id: the task's id
 * @error: return location for a #GError
 *
 * Removes a task and its dependencies.
 *
 * Returns: %TRUE on success, %FALSE if the plan has no such task
 */
gboolean
aff_plan_remove_task (AffPlan     *self,
                      const char  *id,
                      GError     **error)
{
  g_autoptr(AffTask) task = NULL;
  guint32 position;
  guint i, kept = 0;

  g_return_val_if_fail (AFF_IS_PLAN (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_aff_track_check_open (&self->track, error))
    return FALSE;

  if (!find_task (self, id, &position, error))
    return FALSE;
  task = g_object_ref (g_ptr_array_index (self->tasks, position));
  record (self, "task-removed", details_with_task (aff_task_get_id (task)));
  /* The schedule's arrays are by position: every task takes its own copy
   * of its figures before the positions move, and keeps it until the next
   * schedule. */
  for (i = 0; i < self->tasks->len; i++)
    aff_task_is_scheduled (g_ptr_array_index (self->tasks, i));
  self->scheduled_n = 0;
  _aff_task_attach (task, NULL, NULL, NULL);
  for (i = 0; i < self->links->len; i++)
    {
      AffSchedLink link = g_array_index (self->links, AffSchedLink, i);

      if (link.pred == position || link.succ == position)
        continue;
      link.pred -= link.pred > position;
      link.succ -= link.succ > position;
      g_array_index (self->links, AffSchedLink, kept++) = link;
    }
  g_array_set_size (self->links, kept);
  _aff_plan_resources_task_removed (self->resources, aff_task_get_id (task));
  /* An inspection required for the task no longer is: no reference to a
   * task the plan does not have survives. */
  for (i = 0; i < self->tasks->len; i++)
    {
      AffTask *other = g_ptr_array_index (self->tasks, i);

      if (other != task && g_strcmp0 (aff_task_get_required_for (other), aff_task_get_id (task)) == 0)
        aff_task_set_required_for (other, NULL);
    }
  g_hash_table_remove (self->index, aff_task_get_id (task));
  g_ptr_array_remove_index (self->tasks, position);
  g_array_remove_index (self->terms, position);
  for (i = position; i < self->tasks->len; i++)
    {
      AffTask *moved = g_ptr_array_index (self->tasks, i);

      g_hash_table_insert (self->index, (gpointer) aff_task_get_id (moved), GUINT_TO_POINTER (i + 1));
      _aff_task_set_index (moved, i);
    }
  rebuild_pairs (self);
  restructured (self);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}

/**
 * aff_plan_lookup_task:
 * @self: a plan
 * @id: a task's id
 *
 * Finds a task by its id.
 *
 * Returns: (transfer none) (nullable): the task, or %NULL
 */
AffTask *
aff_plan_lookup_task (AffPlan    *self,
                      const char *id)
{
  guint position;

  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  position = position_of (self, id);
  return position != 0 ? g_ptr_array_index (self->tasks, position - 1) : NULL;
}

/**
 * aff_plan_get_tasks:
 * @self: a plan
 *
 * Gets the tasks, in the order they were added: the plan itself, as a list
 * model.
 *
 * Returns: (transfer none): the tasks
 */
GListModel *
aff_plan_get_tasks (AffPlan *self)
{
  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self);
}

static JsonObject *
link_details (AffPlan            *self,
              const AffSchedLink *link)
{
  JsonObject *details = json_object_new ();

  json_object_set_string_member (details, "predecessor",
                                 aff_task_get_id (g_ptr_array_index (self->tasks, link->pred)));
  json_object_set_string_member (details, "successor",
                                 aff_task_get_id (g_ptr_array_index (self->tasks, link->succ)));
  json_object_set_string_member (details, "type", aff_enum_to_nick (AFF_TYPE_DEPENDENCY_TYPE, link->type));
  json_object_set_int_member (details, "lag", link->lag);
  return details;
}

#define MAX_LAG 100000

static gboolean
insert_link (AffPlan            *self,
             const AffSchedLink *link,
             GError            **error)
{
  const char *pred = aff_task_get_id (g_ptr_array_index (self->tasks, link->pred));
  const char *succ = aff_task_get_id (g_ptr_array_index (self->tasks, link->succ));

  if (link->pred == link->succ)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_CYCLE, _("The task “%s” cannot depend on itself"), pred);
      return FALSE;
    }
  if (link->lag < -MAX_LAG || link->lag > MAX_LAG)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("The lag from “%s” to “%s” is beyond 100000 working days"), pred, succ);
      return FALSE;
    }
  if ((guint) link->type > AFF_DEPENDENCY_TYPE_START_FINISH)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("The dependency from “%s” to “%s” has an unknown type"), pred, succ);
      return FALSE;
    }
  if (find_pair (self, link->pred, link->succ) != 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_DUPLICATE_ID,
                   _("The task “%s” already depends on “%s”"), succ, pred);
      return FALSE;
    }
  g_array_append_val (self->links, *link);
  g_hash_table_insert (self->pairs, pair_key (link->pred, link->succ),
                       GUINT_TO_POINTER (self->links->len));
  return TRUE;
}

/**
 * aff_plan_add_dependency:
 * @self: a plan
 * @predecessor_id: the id of the task depended on
 * @successor_id: the id of the dependent task
 * @type: how the successor depends on the predecessor
 * @lag_days: working days added to the constrained date (negative for a
 *   lead), within ±100 000
 * @error: return location for a #GError
 *
 * Makes a task depend on another. A dependency that closes a cycle is
 * accepted here, which keeps adding dependencies cheap, and refused by
 * [method@Aff.Plan.schedule], which names the tasks of the cycle.
 *
 * Returns: %TRUE on success; %FALSE if a task is missing, the two are the
 *   same, the lag is out of range or the dependency exists already
 */
gboolean
aff_plan_add_dependency (AffPlan            *self,
                         const char         *predecessor_id,
                         const char         *successor_id,
                         AffDependencyType   type,
                         int                 lag_days,
                         GError            **error)
{
  AffSchedLink link;

  g_return_val_if_fail (AFF_IS_PLAN (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_aff_track_check_open (&self->track, error))
    return FALSE;

  if (!find_task (self, predecessor_id, &link.pred, error) ||
      !find_task (self, successor_id, &link.succ, error))
    return FALSE;
  link.type = type;
  link.lag = lag_days;
  if (!insert_link (self, &link, error))
    return FALSE;
  restructured (self);
  if (self->track.journal != NULL)
    record (self, "dependency-added", link_details (self, &link));
  return TRUE;
}

/**
 * aff_plan_remove_dependency:
 * @self: a plan
 * @predecessor_id: the id of the task depended on
 * @successor_id: the id of the dependent task
 * @error: return location for a #GError
 *
 * Removes a dependency.
 *
 * Returns: %TRUE on success, %FALSE if there is no such dependency
 */
gboolean
aff_plan_remove_dependency (AffPlan     *self,
                            const char  *predecessor_id,
                            const char  *successor_id,
                            GError     **error)
{
  guint32 pred, succ;
  guint found;

  g_return_val_if_fail (AFF_IS_PLAN (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_aff_track_check_open (&self->track, error))
    return FALSE;

  if (!find_task (self, predecessor_id, &pred, error) ||
      !find_task (self, successor_id, &succ, error))
    return FALSE;
  if ((found = find_pair (self, pred, succ)) == 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND,
                   _("The task “%s” does not depend on “%s”"), successor_id, predecessor_id);
      return FALSE;
    }
  record (self, "dependency-removed",
          link_details (self, &g_array_index (self->links, AffSchedLink, found - 1)));
  g_array_remove_index (self->links, found - 1);
  rebuild_pairs (self);
  restructured (self);
  return TRUE;
}

/**
 * aff_plan_get_dependencies:
 * @self: a plan
 *
 * Lists the dependencies, in the order they were added.
 *
 * Returns: (transfer container) (element-type AffDependency): the
 *   dependencies
 */
GPtrArray *
aff_plan_get_dependencies (AffPlan *self)
{
  GPtrArray *list;
  guint i;

  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);

  list = g_ptr_array_new_full (self->links->len, (GDestroyNotify) aff_dependency_free);
  for (i = 0; i < self->links->len; i++)
    {
      const AffSchedLink *link = &g_array_index (self->links, AffSchedLink, i);

      g_ptr_array_add (list, dependency_new (aff_task_get_id (g_ptr_array_index (self->tasks, link->pred)),
                                             aff_task_get_id (g_ptr_array_index (self->tasks, link->succ)),
                                             link->type, link->lag));
    }
  return list;
}

/* ---- Scheduling --------------------------------------------------------- */

static gint64
duration_of (AffTask *task)
{
  return aff_task_get_kind (task) == AFF_TASK_KIND_MILESTONE ? 0 : aff_task_get_duration (task);
}

static void
widen (guint32 *lo,
       guint32 *hi,
       guint32  julian)
{
  if (julian == 0)
    return;
  *lo = MIN (*lo, julian);
  *hi = MAX (*hi, julian);
}

/* Turns the tasks' terms into the scheduler's input. Most tasks have no
 * constraint, no actual date and no delay: for them it is one store. */
static gboolean
prepare_inputs (AffPlan        *self,
                AffSchedInput  *input,
                GError        **error)
{
  const AffTaskTerms *terms = (const AffTaskTerms *) self->terms->data;
  AffCalendar *calendar = self->calendar;
  guint32 lo, hi;
  gint32 origin;
  guint i, n = self->tasks->len;

  if (!g_date_valid (&self->start))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE, _("The plan has no start date"));
      return FALSE;
    }
  lo = hi = g_date_get_julian (&self->start);
  for (i = 0; i < n; i++)
    {
      const AffTaskTerms *t = &terms[i];

      if (is_plain (t))
        continue;
      widen (&lo, &hi, t->start_no_earlier_than);
      widen (&lo, &hi, t->finish_no_later_than);
      widen (&lo, &hi, t->actual_start);
      widen (&lo, &hi, t->actual_finish);
      if (t->actual_start != 0 && t->actual_finish != 0 && t->actual_finish < t->actual_start)
        {
          g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                       _("The task “%s” actually finished before it started"),
                       aff_task_get_id (g_ptr_array_index (self->tasks, i)));
          return FALSE;
        }
    }
  if (!_aff_calendar_prepare (calendar, lo, hi))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("The plan has dates beyond 9999-12-30"));
      return FALSE;
    }
  origin = _aff_calendar_ordinal (calendar, g_date_get_julian (&self->start));
  _aff_sched_input_reset (input, n, origin);
  for (i = 0; i < n; i++)
    {
      const AffTaskTerms *terms_i = &terms[i];
      AffSchedTask t = { terms_i->duration, origin, AFF_SCHED_FAR, terms_i->delay, FALSE, AFF_SIDE_START };

      input->duration[i] = terms_i->duration;
      if (is_plain (terms_i))
        continue;
      if (terms_i->start_no_earlier_than != 0)
        t.earliest = MAX (t.earliest, _aff_calendar_ordinal (calendar, terms_i->start_no_earlier_than));
      /* The boundary at the end of a day: after its last working day. */
      if (terms_i->finish_no_later_than != 0)
        t.deadline = _aff_calendar_end_ordinal (calendar, terms_i->finish_no_later_than);
      if (terms_i->actual_start != 0)
        {
          t.pinned = TRUE;
          t.earliest = _aff_calendar_ordinal (calendar, terms_i->actual_start);
          if (terms_i->actual_finish != 0 && t.duration > 0)
            t.duration = input->duration[i] =
              MAX (1, _aff_calendar_end_ordinal (calendar, terms_i->actual_finish) - t.earliest);
        }
      else if (terms_i->actual_finish != 0)
        {
          t.pinned = TRUE;
          t.earliest = _aff_calendar_end_ordinal (calendar, terms_i->actual_finish) - t.duration;
          t.earliest_side = AFF_SIDE_END;
        }
      _aff_sched_input_add_special (input, i, &t);
    }
  return TRUE;
}

static void
set_cycle_error (AffPlan  *self,
                 GArray   *cycle,
                 GError  **error)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint i;

  for (i = 0; i <= cycle->len; i++)
    {
      guint32 t = g_array_index (cycle, guint32, i % cycle->len);

      if (i > 0)
        g_string_append (names, " → ");
      g_string_append (names, aff_task_get_id (g_ptr_array_index (self->tasks, t)));
    }
  g_set_error (error, AFF_ERROR, AFF_ERROR_CYCLE,
               _("The dependencies make a cycle: %s"), names->str);
}

/**
 * aff_plan_schedule:
 * @self: a plan
 * @error: return location for a #GError
 *
 * Computes the schedule: every task's early and late dates, total and free
 * float and whether it is critical, the plan's finish, the critical path
 * and the finish-no-later-than constraints that cannot be met.
 *
 * Tasks start on the plan's start day or the next working day, after their
 * predecessors and no earlier than their start-no-earlier-than. A task that
 * has actually started keeps its actual start (and its actual finish when
 * it has one) whatever its predecessors say: what happened happened.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_CYCLE naming the tasks
 *   of one cycle when the dependencies make one, or with
 *   %AFF_ERROR_INVALID_VALUE when the plan has no start or impossible
 *   dates. On failure, nothing changes.
 */
gboolean
aff_plan_schedule (AffPlan  *self,
                   GError  **error)
{
  g_autoptr(GPtrArray) violations = NULL;
  AffSchedule *out;
  const guint32 *days;
  guint n, i;

  g_return_val_if_fail (AFF_IS_PLAN (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n = self->tasks->len;
  if (self->inputs_valid && self->inputs_n == n &&
      self->inputs_version == _aff_calendar_get_version (self->calendar))
    for (i = 0; i < self->dirty->len; i++)
      {
        guint32 d = g_array_index (self->dirty, guint32, i);

        self->input->duration[d] = g_array_index (self->terms, AffTaskTerms, d).duration;
      }
  else if (!prepare_inputs (self, self->input, error))
    return FALSE;
  else
    {
      self->inputs_valid = TRUE;
      self->inputs_n = n;
      self->inputs_version = _aff_calendar_get_version (self->calendar);
    }
  g_array_set_size (self->dirty, 0);
  if (!self->rows_valid)
    {
      g_autoptr(GArray) cycle = g_array_new (FALSE, FALSE, sizeof (guint32));

      if (!_aff_sched_rows_build (self->rows, (const AffSchedLink *) self->links->data, n,
                                  self->links->len, cycle))
        {
          set_cycle_error (self, cycle, error);
          return FALSE;
        }
      self->rows_valid = TRUE;
    }
  /* The new schedule goes to the spare arrays, so that a failure leaves the
   * last one whole. */
  out = self->spare;
  _aff_schedule_run (self->input, self->rows, out);
  days = n > 0 ? _aff_calendar_days (self->calendar, out->lowest, out->highest) : NULL;
  if (n > 0 && days == NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("The plan would run outside years 1 to 9999"));
      return FALSE;
    }

  /* From here on nothing fails. The days of the range are copied: the
   * calendar's own table moves when it grows. */
  violations = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_violation_free);
  for (i = 0; i < self->input->special_positions->len; i++)
    {
      guint32 c = g_array_index (self->input->special_positions, guint32, i);
      const AffSchedTask *terms = &g_array_index (self->input->special_terms, AffSchedTask, i);
      gint32 missed = out->ef[c] + (out->kind[c] == AFF_SCHED_MILESTONE_START) - terms->deadline;

      if (terms->deadline < AFF_SCHED_FAR && missed > 0)
        {
          AffTask *task = g_ptr_array_index (self->tasks, c);
          AffViolation *v = g_new0 (AffViolation, 1);

          v->task_id = g_strdup (aff_task_get_id (task));
          v->deadline = *aff_task_get_finish_no_later_than (task);
          g_date_set_julian (&v->finish, days[finish_day (out->kind[c], out->ef[c])]);
          v->days_missed = missed;
          g_ptr_array_add (violations, v);
        }
    }
  if (n == 0)
    {
      self->finish = self->start;
      g_array_set_size (self->days, 0);
    }
  else
    {
      self->days_lo = out->lowest;
      g_array_set_size (self->days, 0);
      g_array_append_vals (self->days, days + self->days_lo, out->highest - self->days_lo + 1);
      /* The plan's finish is the day of the latest early finish: a task's
       * last day, or a milestone's (the next day's start, for one at the
       * start of a day). */
      g_date_set_julian (&self->finish, days[out->last_day]);
    }
  self->spare = self->current;
  self->current = out;
  self->scheduled_n = n;
  self->generation++;
  self->changes++;
  g_ptr_array_unref (self->violations);
  self->violations = g_steal_pointer (&violations);
  self->scheduled = TRUE;
  self->scheduled_version = _aff_calendar_get_version (self->calendar);
  return TRUE;
}

gboolean
_aff_plan_ensure_scheduled (AffPlan *self)
{
  return aff_plan_is_scheduled (self) ||
         (self->tasks->len > 0 && aff_plan_schedule (self, NULL));
}

/**
 * aff_plan_is_scheduled:
 * @self: a plan
 *
 * Tells whether the last schedule still stands: nothing in the plan, its
 * tasks or its calendar changed since.
 *
 * Returns: whether the schedule is up to date
 */
gboolean
aff_plan_is_scheduled (AffPlan *self)
{
  g_return_val_if_fail (AFF_IS_PLAN (self), FALSE);
  return self->scheduled && self->scheduled_version == _aff_calendar_get_version (self->calendar);
}

/**
 * aff_plan_get_finish:
 * @self: a plan
 *
 * Gets the plan's finish from the last schedule: the latest early finish.
 *
 * Returns: (transfer none) (nullable): the day, or %NULL if never scheduled
 */
const GDate *
aff_plan_get_finish (AffPlan *self)
{
  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);
  return g_date_valid (&self->finish) ? &self->finish : NULL;
}

static int
compare_by_start (gconstpointer a,
                  gconstpointer b)
{
  AffTask *x = *(AffTask **) a, *y = *(AffTask **) b;
  int c = g_date_compare (aff_task_get_early_start (x), aff_task_get_early_start (y));

  return c != 0 ? c : g_date_compare (aff_task_get_early_finish (x), aff_task_get_early_finish (y));
}

/**
 * aff_plan_get_critical_path:
 * @self: a plan
 *
 * Lists the critical tasks of the last schedule (no float, or negative
 * float when a deadline cannot be met), by early start, then early finish,
 * then the order of the plan.
 *
 * Returns: (transfer container) (element-type AffTask): the critical tasks
 */
GPtrArray *
aff_plan_get_critical_path (AffPlan *self)
{
  GPtrArray *path;
  guint i;

  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);

  path = g_ptr_array_new_with_free_func (g_object_unref);
  for (i = 0; i < self->tasks->len; i++)
    {
      AffTask *task = g_ptr_array_index (self->tasks, i);

      if (aff_task_is_critical (task))
        g_ptr_array_add (path, g_object_ref (task));
    }
  /* g_ptr_array_sort is a stable merge sort: ties keep the plan's order. */
  g_ptr_array_sort (path, compare_by_start);
  return path;
}

/**
 * aff_plan_get_violations:
 * @self: a plan
 *
 * Lists the finish-no-later-than constraints the last schedule cannot
 * meet, in the plan's order.
 *
 * Returns: (transfer container) (element-type AffViolation): the
 *   violations
 */
GPtrArray *
aff_plan_get_violations (AffPlan *self)
{
  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);
  /* The copy frees its items as the original does. */
  return g_ptr_array_copy (self->violations, (GCopyFunc) (void (*) (void)) aff_violation_copy, NULL);
}

/* ---- Baselines ---------------------------------------------------------- */

const char *
_aff_plan_latest_baseline (AffPlan *self)
{
  return self->baselines->len > 0
         ? ((Baseline *) g_ptr_array_index (self->baselines, self->baselines->len - 1))->name
         : NULL;
}

void
_aff_plan_close (AffPlan *self)
{
  self->track.closed = TRUE;
}

void
_aff_plan_prefetch (AffPlan *self,
                    guint    stage)
{
  guint i;

  if (stage == 0)
    {
      __builtin_prefetch (self->tasks);
      __builtin_prefetch (self->baselines);
      __builtin_prefetch (self->current);
      __builtin_prefetch (self->days);
      _aff_calendar_prefetch_object (self->calendar);
      return;
    }
  if (stage == 1)
    {
      for (i = 0; i < self->tasks->len && i < 8; i++)
        __builtin_prefetch (self->tasks->pdata[i]);
      if (self->baselines->len > 0)
        __builtin_prefetch (self->baselines->pdata[self->baselines->len - 1]);
      if (self->days != NULL)
        __builtin_prefetch (self->days->data);
      if (self->current != NULL)
        {
          __builtin_prefetch (self->current->es);
          __builtin_prefetch (self->current->ef);
          __builtin_prefetch (self->current->kind);
        }
      return;
    }
  for (i = 0; i < self->tasks->len && i < 8; i++)
    _aff_task_prefetch (self->tasks->pdata[i]);
  if (self->baselines->len > 0)
    {
      Baseline *baseline = g_ptr_array_index (self->baselines, self->baselines->len - 1);

      __builtin_prefetch (baseline->items->data);
    }
}

guint64
_aff_plan_get_changes (AffPlan *self)
{
  return self->changes;
}

const char *
_aff_plan_task_days (AffPlan *self,
                     GArray  *out)
{
  Baseline *baseline = self->baselines->len > 0 ? g_ptr_array_index (self->baselines, self->baselines->len - 1)
                                                : NULL;
  const guint32 *days = self->days != NULL ? (const guint32 *) self->days->data : NULL;
  AffPlanTaskDays *info;
  guint i;

  g_array_set_size (out, self->tasks->len);
  info = (AffPlanTaskDays *) out->data;
  for (i = 0; i < self->tasks->len; i++)
    {
      AffTask *task = g_ptr_array_index (self->tasks, i);

      _aff_task_peek_days (task, &info[i]);
      info[i].base_start = info[i].base_finish = 0;
      info[i].early_start = info[i].early_finish = 0;
      if (i < self->scheduled_n && days != NULL)
        {
          guint8 kind = self->current->kind[i];

          info[i].early_start = days[start_day (kind, self->current->es[i]) - self->days_lo];
          info[i].early_finish = days[finish_day (kind, self->current->ef[i]) - self->days_lo];
        }
    }
  /* By the index, not a search per task: a plan may have thousands. */
  for (i = 0; baseline != NULL && i < baseline->items->len; i++)
    {
      const BaselineItem *item = &g_array_index (baseline->items, BaselineItem, i);
      /* A baseline lists the tasks in the plan's order: most are where the
       * plan has them. */
      guint position = i < self->tasks->len && _aff_str_equal0 (info[i].id, item->task_id) ? i + 1
                                                                                       : position_of (self, item->task_id);

      if (position == 0)
        continue;
      info[position - 1].base_start = g_date_get_julian (&item->start);
      info[position - 1].base_finish = g_date_get_julian (&item->finish);
    }
  return baseline != NULL ? baseline->name : NULL;
}

static Baseline *
find_baseline (AffPlan    *self,
               const char *name)
{
  guint i;

  for (i = 0; i < self->baselines->len; i++)
    {
      Baseline *baseline = g_ptr_array_index (self->baselines, i);

      if (_aff_str_equal0 (baseline->name, name))
        return baseline;
    }
  return NULL;
}

static const BaselineItem *
baseline_item (Baseline   *baseline,
               const char *task_id)
{
  guint i;

  for (i = 0; i < baseline->items->len; i++)
    if (strcmp (g_array_index (baseline->items, BaselineItem, i).task_id, task_id) == 0)
      return &g_array_index (baseline->items, BaselineItem, i);
  return NULL;
}

static Baseline *
baseline_new (const char *name)
{
  Baseline *baseline = g_new0 (Baseline, 1);

  baseline->name = g_strdup (name);
  baseline->items = g_array_new (FALSE, FALSE, sizeof (BaselineItem));
  return baseline;
}

static void
fill_items (AffPlan  *self,
            Baseline *baseline)
{
  guint i;

  for (i = 0; i < self->tasks->len; i++)
    {
      AffTask *task = g_ptr_array_index (self->tasks, i);
      BaselineItem item;

      if (!aff_task_is_scheduled (task))
        continue;
      item.task_id = g_strdup (aff_task_get_id (task));
      item.start = *aff_task_get_early_start (task);
      item.finish = *aff_task_get_early_finish (task);
      g_array_append_val (baseline->items, item);
    }
}

AffPlanSnapshot *
_aff_plan_snapshot (AffPlan *self)
{
  Baseline *snapshot = baseline_new (NULL);

  fill_items (self, snapshot);
  return snapshot;
}

void
_aff_plan_snapshot_free (AffPlanSnapshot *snapshot)
{
  if (snapshot != NULL)
    baseline_free (snapshot);
}

/**
 * aff_plan_save_baseline:
 * @self: a plan
 * @name: the baseline's name, such as “contract” or “after hazard 2”
 * @error: return location for a #GError
 *
 * Saves the dates of the current schedule under a name, to measure slips
 * against later. The plan must be scheduled and up to date.
 *
 * Returns: %TRUE on success; %FALSE if the plan is not scheduled or a
 *   baseline has that name already
 */
gboolean
aff_plan_save_baseline (AffPlan     *self,
                        const char  *name,
                        GError     **error)
{
  Baseline *baseline;
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_PLAN (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_aff_track_check_open (&self->track, error))
    return FALSE;

  if (!aff_plan_is_scheduled (self))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                   _("The plan must be scheduled before the baseline “%s” is saved"), name);
      return FALSE;
    }
  if (*name == '\0' || find_baseline (self, name) != NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_DUPLICATE_ID,
                   _("The plan already has a baseline “%s”"), name);
      return FALSE;
    }
  baseline = baseline_new (name);
  fill_items (self, baseline);
  g_ptr_array_add (self->baselines, baseline);
  self->changes++;
  details = json_object_new ();
  json_object_set_string_member (details, "baseline", name);
  {
    g_autofree char *iso = aff_date_to_iso (&self->finish);
    json_object_set_string_member (details, "finish", iso);
  }
  record (self, "baseline-saved", details);
  return TRUE;
}

/**
 * aff_plan_list_baselines:
 * @self: a plan
 *
 * Lists the names of the baselines, oldest first.
 *
 * Returns: (transfer full): the names
 */
GStrv
aff_plan_list_baselines (AffPlan *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint i;

  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);

  for (i = 0; i < self->baselines->len; i++)
    g_strv_builder_add (builder, ((Baseline *) g_ptr_array_index (self->baselines, i))->name);
  return g_strv_builder_end (builder);
}

/* Working days from @from to @to on the plan's calendar, negative when @to
 * is earlier. */
static int
working_days_between (AffCalendar *calendar,
                      const GDate *from,
                      const GDate *to)
{
  return _aff_calendar_days_between (calendar, g_date_get_julian (from), g_date_get_julian (to));
}

static GPtrArray *
compare_items (AffPlan  *self,
               Baseline *baseline)
{
  GPtrArray *slips = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_slip_free);
  guint i;

  for (i = 0; i < baseline->items->len; i++)
    {
      const BaselineItem *item = &g_array_index (baseline->items, BaselineItem, i);
      AffTask *task = aff_plan_lookup_task (self, item->task_id);
      AffSlip *slip;

      if (task == NULL || !aff_task_is_scheduled (task))
        continue;
      if (g_date_compare (&item->start, aff_task_get_early_start (task)) == 0 &&
          g_date_compare (&item->finish, aff_task_get_early_finish (task)) == 0)
        continue;
      slip = g_new0 (AffSlip, 1);
      slip->task_id = g_strdup (item->task_id);
      slip->milestone = duration_of (task) == 0;
      slip->baseline_start = item->start;
      slip->baseline_finish = item->finish;
      slip->start = *aff_task_get_early_start (task);
      slip->finish = *aff_task_get_early_finish (task);
      slip->start_slip = working_days_between (self->calendar, &item->start, &slip->start);
      slip->finish_slip = working_days_between (self->calendar, &item->finish, &slip->finish);
      g_ptr_array_add (slips, slip);
    }
  return slips;
}

/**
 * aff_plan_get_baseline_dates:
 * @self: a plan
 * @name: the baseline's name
 * @task_id: a task's id
 * @start: (out caller-allocates) (optional): the start the baseline planned
 * @finish: (out caller-allocates) (optional): the finish it planned
 *
 * Reads a task's dates in a baseline.
 *
 * Returns: %TRUE if the plan has that baseline and the baseline has the
 *   task (one added since has none)
 */
gboolean
aff_plan_get_baseline_dates (AffPlan    *self,
                             const char *name,
                             const char *task_id,
                             GDate      *start,
                             GDate      *finish)
{
  const BaselineItem *item;
  Baseline *baseline;

  g_return_val_if_fail (AFF_IS_PLAN (self), FALSE);
  g_return_val_if_fail (name != NULL && task_id != NULL, FALSE);

  if ((baseline = find_baseline (self, name)) == NULL || (item = baseline_item (baseline, task_id)) == NULL)
    return FALSE;
  if (start != NULL)
    *start = item->start;
  if (finish != NULL)
    *finish = item->finish;
  return TRUE;
}

/**
 * aff_plan_compare_to_baseline:
 * @self: a plan
 * @name: the baseline's name
 * @error: return location for a #GError
 *
 * Lists the tasks whose start or finish in the last schedule differs from
 * the baseline, in the plan's order, with the slips in working days of the
 * plan's calendar. Tasks added since the baseline are not listed.
 *
 * Returns: (transfer container) (element-type AffSlip): the slips, or
 *   %NULL if there is no such baseline or the plan was never scheduled
 */
GPtrArray *
aff_plan_compare_to_baseline (AffPlan     *self,
                              const char  *name,
                              GError     **error)
{
  Baseline *baseline;

  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((baseline = find_baseline (self, name)) == NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND, _("The plan has no baseline “%s”"), name);
      return NULL;
    }
  if (!g_date_valid (&self->finish))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                   _("The plan must be scheduled before it is compared to the baseline “%s”"), name);
      return NULL;
    }
  return compare_items (self, baseline);
}

GPtrArray *
_aff_plan_compare_snapshot (AffPlan         *self,
                            AffPlanSnapshot *snapshot)
{
  return compare_items (self, snapshot);
}

/* ---- The document ------------------------------------------------------- */

void
_aff_plan_to_json (AffPlan     *self,
                   JsonBuilder *builder)
{
  guint i, j;

  json_builder_begin_object (builder);
  aff_json_add_date (builder, "start", &self->start);
  aff_json_add_date (builder, "contract_end", &self->contract_end);
  json_builder_set_member_name (builder, "calendar");
  _aff_calendar_to_json (self->calendar, builder);
  json_builder_set_member_name (builder, "tasks");
  json_builder_begin_array (builder);
  for (i = 0; i < self->tasks->len; i++)
    _aff_task_to_json (g_ptr_array_index (self->tasks, i), builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "dependencies");
  json_builder_begin_array (builder);
  for (i = 0; i < self->links->len; i++)
    {
      const AffSchedLink *link = &g_array_index (self->links, AffSchedLink, i);

      json_builder_begin_object (builder);
      aff_json_add_string (builder, "predecessor", aff_task_get_id (g_ptr_array_index (self->tasks, link->pred)));
      aff_json_add_string (builder, "successor", aff_task_get_id (g_ptr_array_index (self->tasks, link->succ)));
      aff_json_add_enum (builder, "type", AFF_TYPE_DEPENDENCY_TYPE, link->type);
      aff_json_add_int (builder, "lag", link->lag);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "baselines");
  json_builder_begin_array (builder);
  for (i = 0; i < self->baselines->len; i++)
    {
      Baseline *baseline = g_ptr_array_index (self->baselines, i);

      json_builder_begin_object (builder);
      aff_json_add_string (builder, "name", baseline->name);
      json_builder_set_member_name (builder, "tasks");
      json_builder_begin_array (builder);
      for (j = 0; j < baseline->items->len; j++)
        {
          const BaselineItem *item = &g_array_index (baseline->items, BaselineItem, j);

          json_builder_begin_object (builder);
          aff_json_add_string (builder, "id", item->task_id);
          aff_json_add_date (builder, "start", &item->start);
          aff_json_add_date (builder, "finish", &item->finish);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  _aff_plan_resources_to_json (self->resources, builder);
  json_builder_set_member_name (builder, "hazards");
  json_builder_begin_array (builder);
  for (i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->hazards)); i++)
    {
      g_autoptr(AffHazard) hazard = g_list_model_get_item (G_LIST_MODEL (self->hazards), i);
      _aff_hazard_to_json (hazard, builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "prevention_plan");
  _aff_prevention_plan_to_json (self->prevention, builder);
  json_builder_end_object (builder);
}

static gboolean
read_task (AffJsonReader *reader,
           JsonNode      *element,
           guint          index,
           gpointer       data,
           GError       **error)
{
  AffPlan *self = data;
  g_autoptr(AffTask) task = _aff_task_from_json (reader, element, error);

  if (task == NULL)
    return FALSE;
  if (position_of (self, aff_task_get_id (task)) != 0)
    return aff_json_reader_fail_at (reader, "id", error, _("expected an id no other task has, not “%s”"),
                                    aff_task_get_id (task));
  insert_task (self, task);
  return TRUE;
}

static gboolean
read_task_reference (AffPlan       *self,
                     AffJsonReader *reader,
                     JsonObject    *object,
                     const char    *member,
                     guint32       *position,
                     GError       **error)
{
  g_autofree char *id = NULL;

  if (!aff_json_get_string (reader, object, member, TRUE, &id, error))
    return FALSE;
  if (position_of (self, id) == 0)
    return aff_json_reader_fail_at (reader, member, error, _("expected the id of a task of the plan, not “%s”"), id);
  *position = position_of (self, id) - 1;
  return TRUE;
}

static gboolean
read_dependency (AffJsonReader *reader,
                 JsonNode      *element,
                 guint          index,
                 gpointer       data,
                 GError       **error)
{
  static const char *const members[] = { "predecessor", "successor", "type", "lag", NULL };
  AffPlan *self = data;
  g_autoptr(GError) local = NULL;
  JsonObject *object;
  AffSchedLink link;
  int type = 0;
  gint64 lag = 0;

  if (!(object = aff_json_expect_object (reader, element, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !read_task_reference (self, reader, object, "predecessor", &link.pred, error) ||
      !read_task_reference (self, reader, object, "successor", &link.succ, error) ||
      !aff_json_get_enum (reader, object, "type", TRUE, AFF_TYPE_DEPENDENCY_TYPE, &type, error) ||
      !aff_json_get_int (reader, object, "lag", TRUE, -MAX_LAG, MAX_LAG, &lag, error))
    return FALSE;
  link.type = type;
  link.lag = (gint32) lag;
  if (!insert_link (self, &link, &local))
    return aff_json_reader_fail (reader, error, _("expected a dependency between two different tasks, once"));
  return TRUE;
}

static gboolean
read_baseline_item (AffJsonReader *reader,
                    JsonNode      *element,
                    guint          index,
                    gpointer       data,
                    GError       **error)
{
  static const char *const members[] = { "id", "start", "finish", NULL };
  Baseline *baseline = data;
  BaselineItem item = { NULL };
  JsonObject *object;

  g_date_clear (&item.start, 1);
  g_date_clear (&item.finish, 1);
  if (!(object = aff_json_expect_object (reader, element, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "id", TRUE, &item.task_id, error) ||
      !aff_json_get_date (reader, object, "start", TRUE, &item.start, error) ||
      !aff_json_get_date (reader, object, "finish", TRUE, &item.finish, error) ||
      (g_date_compare (&item.finish, &item.start) < 0 &&
       !aff_json_reader_fail_at (reader, "finish", error, _("expected a day no earlier than “start”"))) ||
      (baseline_item (baseline, item.task_id) != NULL &&
       !aff_json_reader_fail_at (reader, "id", error, _("expected each task once, not “%s” again"), item.task_id)))
    {
      g_free (item.task_id);
      return FALSE;
    }
  g_array_append_val (baseline->items, item);
  return TRUE;
}

static gboolean
read_baseline (AffJsonReader *reader,
               JsonNode      *element,
               guint          index,
               gpointer       data,
               GError       **error)
{
  static const char *const members[] = { "name", "tasks", NULL };
  AffPlan *self = data;
  g_autofree char *name = NULL;
  Baseline *baseline;
  JsonObject *object;

  if (!(object = aff_json_expect_object (reader, element, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "name", TRUE, &name, error))
    return FALSE;
  if (*name == '\0' || find_baseline (self, name) != NULL)
    return aff_json_reader_fail_at (reader, "name", error, _("expected a name no other baseline has, not “%s”"), name);
  baseline = baseline_new (name);
  g_ptr_array_add (self->baselines, baseline);
  self->changes++;
  return aff_json_read_array (reader, object, "tasks", read_baseline_item, baseline, error);
}

static gboolean
read_hazard (AffJsonReader *reader,
             JsonNode      *element,
             guint          index,
             gpointer       data,
             GError       **error)
{
  AffPlan *self = data;
  g_autoptr(AffHazard) hazard = _aff_hazard_from_json (reader, element, error);
  guint i;

  if (hazard == NULL)
    return FALSE;
  for (i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->hazards)); i++)
    {
      g_autoptr(AffHazard) other = g_list_model_get_item (G_LIST_MODEL (self->hazards), i);

      if (strcmp (aff_hazard_get_id (other), aff_hazard_get_id (hazard)) == 0)
        return aff_json_reader_fail_at (reader, "id", error, _("expected an id no other hazard has, not “%s”"),
                                        aff_hazard_get_id (hazard));
    }
  g_list_store_append (self->hazards, hazard);
  return TRUE;
}

AffPlan *
_aff_plan_from_json (AffJsonReader *reader,
                     JsonNode      *node,
                     GError       **error)
{
  static const char *const members[] = { "start", "contract_end", "calendar", "tasks", "dependencies",
                                         "baselines", "resources", "assignments", "hazards", "prevention_plan",
                                         NULL };
  JsonNode *prevention;
  g_autoptr(AffPlan) self = aff_plan_new ();
  JsonObject *object;
  JsonNode *calendar;
  guint i;

  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_date (reader, object, "start", FALSE, &self->start, error) ||
      !aff_json_get_date (reader, object, "contract_end", FALSE, &self->contract_end, error))
    return NULL;
  if ((calendar = json_object_get_member (object, "calendar")) != NULL)
    {
      gsize mark = aff_json_reader_push_member (reader, "calendar");
      AffCalendar *read = _aff_calendar_from_json (reader, calendar, error);

      aff_json_reader_pop (reader, mark);
      if (read == NULL)
        return NULL;
      g_object_unref (self->calendar);
      self->calendar = read;
    }
  if (!aff_json_read_array (reader, object, "tasks", read_task, self, error) ||
      !aff_json_read_array (reader, object, "dependencies", read_dependency, self, error) ||
      !aff_json_read_array (reader, object, "baselines", read_baseline, self, error) ||
      !_aff_plan_resources_from_json (self, reader, object, error) ||
      !aff_json_read_array (reader, object, "hazards", read_hazard, self, error))
    return NULL;
  for (i = 0; i < self->tasks->len; i++)
    {
      const char *needs = aff_task_get_required_for (g_ptr_array_index (self->tasks, i));

      if (needs != NULL && position_of (self, needs) == 0)
        {
          gsize mark = aff_json_reader_push_member (reader, "tasks");

          aff_json_reader_push_index (reader, i);
          aff_json_reader_fail_at (reader, "required_for", error,
                                   _("expected the id of a task of the plan, not “%s”"), needs);
          aff_json_reader_pop (reader, mark);
          return NULL;
        }
    }
  if ((prevention = json_object_get_member (object, "prevention_plan")) != NULL)
    {
      gsize mark = aff_json_reader_push_member (reader, "prevention_plan");
      gboolean ok = _aff_prevention_plan_from_json (self->prevention, reader, prevention, error);

      aff_json_reader_pop (reader, mark);
      if (!ok)
        return NULL;
    }
  return g_steal_pointer (&self);
}
