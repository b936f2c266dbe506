/* aff-task.c: one piece of work of a plan
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-enum-types.h"
#include "aff-planning-private.h"
#include "aff-language-private.h"

/**
 * AffTask:
 *
 * One piece of work of a plan, or a milestone: its duration in working days
 * on the plan's calendar, who does it and where, the dangerous work it
 * involves, the risks it carries, its date constraints and what actually
 * happened (progress, actual start and finish).
 *
 * [method@Aff.Plan.schedule] fills in its early and late dates, its floats
 * and whether it is critical; until then, and after any change to the plan,
 * those getters give the last schedule's values, and
 * [method@Aff.Task.is_scheduled] says whether there was one.
 *
 * A task whose kind is %AFF_TASK_KIND_MILESTONE takes no time, whatever its
 * duration says.
 */

struct _AffTask
{
  GObject parent_instance;

  char *id;
  char *name;
  guint duration;
  AffTaskKind kind;
  guint effort_minutes;
  char *deliverable;
  AffParty party;
  char *party_name;
  char *zone;
  AffRegulatoryFlags dangerous_work;
  char **risk_ids;
  GDate start_no_earlier_than;
  GDate finish_no_later_than;
  guint progress;
  GDate actual_start;
  GDate actual_finish;
  guint hazard_delay;
  guint levelling_delay;
  char *regulatory_basis;
  guint report_days;
  GDate report_received;
  char *required_for;
  GArray *raci;                 /* RaciEntry, by person */

  AffTaskSchedule schedule;

  AffPlan *plan;                /* borrowed: the plan owns its tasks */
  guint index;                  /* in the plan */
  AffTrack track;
};

G_DEFINE_FINAL_TYPE (AffTask, aff_task, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DURATION,
  PROP_KIND,
  PROP_EFFORT_HOURS,
  PROP_EFFORT_MINUTES,
  PROP_DELIVERABLE,
  PROP_PARTY,
  PROP_PARTY_NAME,
  PROP_ZONE,
  PROP_DANGEROUS_WORK,
  PROP_RISK_IDS,
  PROP_START_NO_EARLIER_THAN,
  PROP_FINISH_NO_LATER_THAN,
  PROP_PROGRESS,
  PROP_ACTUAL_START,
  PROP_ACTUAL_FINISH,
  PROP_HAZARD_DELAY,
  PROP_LEVELLING_DELAY,
  PROP_REGULATORY_BASIS,
  PROP_REPORT_DAYS,
  PROP_REPORT_RECEIVED,
  PROP_REQUIRED_FOR,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

typedef struct
{
  char *person;
  AffRaciRole role;
} RaciEntry;

static void
raci_entry_clear (gpointer data)
{
  g_free (((RaciEntry *) data)->person);
}

static void
aff_task_finalize (GObject *object)
{
  AffTask *self = AFF_TASK (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->deliverable);
  g_free (self->party_name);
  g_free (self->zone);
  g_strfreev (self->risk_ids);
  g_free (self->regulatory_basis);
  g_free (self->required_for);
  g_array_unref (self->raci);
  _aff_track_clear (&self->track);
  G_OBJECT_CLASS (aff_task_parent_class)->finalize (object);
}

static char **
string_field (AffTask *self,
              guint    prop_id)
{
  switch (prop_id)
    {
    case PROP_NAME: return &self->name;
    case PROP_DELIVERABLE: return &self->deliverable;
    case PROP_PARTY_NAME: return &self->party_name;
    case PROP_ZONE: return &self->zone;
    case PROP_REGULATORY_BASIS: return &self->regulatory_basis;
    case PROP_REQUIRED_FOR: return &self->required_for;
    default: return NULL;
    }
}

static GDate *
date_field (AffTask *self,
            guint    prop_id)
{
  switch (prop_id)
    {
    case PROP_START_NO_EARLIER_THAN: return &self->start_no_earlier_than;
    case PROP_FINISH_NO_LATER_THAN: return &self->finish_no_later_than;
    case PROP_ACTUAL_START: return &self->actual_start;
    case PROP_ACTUAL_FINISH: return &self->actual_finish;
    case PROP_REPORT_RECEIVED: return &self->report_received;
    default: return NULL;
    }
}

static const GDate *
valid_or_null (const GDate *date)
{
  return g_date_valid (date) ? date : NULL;
}

static void
aff_task_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  AffTask *self = AFF_TASK (object);
  char **text = string_field (self, prop_id);
  GDate *date = date_field (self, prop_id);

  if (text != NULL)
    g_value_set_string (value, *text);
  else if (date != NULL)
    g_value_set_boxed (value, valid_or_null (date));
  else
    switch (prop_id)
      {
      case PROP_ID: g_value_set_string (value, self->id); break;
      case PROP_DURATION: g_value_set_uint (value, self->duration); break;
      case PROP_KIND: g_value_set_enum (value, self->kind); break;
      case PROP_EFFORT_HOURS: g_value_set_double (value, self->effort_minutes / 60.0); break;
      case PROP_EFFORT_MINUTES: g_value_set_uint (value, self->effort_minutes); break;
      case PROP_PARTY: g_value_set_enum (value, self->party); break;
      case PROP_DANGEROUS_WORK: g_value_set_flags (value, self->dangerous_work); break;
      case PROP_RISK_IDS: g_value_set_boxed (value, self->risk_ids); break;
      case PROP_PROGRESS: g_value_set_uint (value, self->progress); break;
      case PROP_HAZARD_DELAY: g_value_set_uint (value, self->hazard_delay); break;
      case PROP_LEVELLING_DELAY: g_value_set_uint (value, self->levelling_delay); break;
      case PROP_REPORT_DAYS: g_value_set_uint (value, self->report_days); break;
      default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      }
}

static void
set_date (AffTask     *self,
          guint        prop_id,
          const GDate *value)
{
  GDate *slot = date_field (self, prop_id);

  g_return_if_fail (value == NULL || g_date_valid (value));

  if (value == NULL ? !g_date_valid (slot) : g_date_valid (slot) && g_date_compare (slot, value) == 0)
    return;
  if (value == NULL)
    g_date_clear (slot, 1);
  else
    *slot = *value;
  g_object_notify_by_pspec (G_OBJECT (self), props[prop_id]);
}

/* A closed affair's plan is read-only: its tasks too. */
static gboolean
in_closed_affair (AffTask *self)
{
  return self->plan != NULL && _aff_plan_get_track (self->plan)->closed;
}

static void
set_string (AffTask    *self,
            guint       prop_id,
            const char *value)
{
  char **slot = string_field (self, prop_id);

  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
  /* Now, not when the notification comes, which a freeze may delay: the
   * plan's readers may keep the old string until it counts a change. */
  if (self->plan != NULL)
    _aff_plan_task_changed (self->plan, self);
  g_object_notify_by_pspec (G_OBJECT (self), props[prop_id]);
}

#define SET_VALUE(field, prop, value)                                        \
  G_STMT_START {                                                             \
    if (self->field != (value))                                              \
      {                                                                      \
        self->field = (value);                                               \
        g_object_notify_by_pspec (G_OBJECT (self), props[prop]);             \
      }                                                                      \
  } G_STMT_END

static void
aff_task_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  AffTask *self = AFF_TASK (object);

  if (string_field (self, prop_id) != NULL)
    set_string (self, prop_id, g_value_get_string (value));
  else if (date_field (self, prop_id) != NULL)
    set_date (self, prop_id, g_value_get_boxed (value));
  else
    switch (prop_id)
      {
      case PROP_ID: self->id = g_value_dup_string (value); break;
      case PROP_DURATION: aff_task_set_duration (self, g_value_get_uint (value)); break;
      case PROP_KIND: aff_task_set_kind (self, g_value_get_enum (value)); break;
      case PROP_EFFORT_HOURS: aff_task_set_effort_hours (self, g_value_get_double (value)); break;
      case PROP_EFFORT_MINUTES: aff_task_set_effort_minutes (self, g_value_get_uint (value)); break;
      case PROP_PARTY: aff_task_set_party (self, g_value_get_enum (value)); break;
      case PROP_DANGEROUS_WORK: aff_task_set_dangerous_work (self, g_value_get_flags (value)); break;
      case PROP_RISK_IDS: aff_task_set_risk_ids (self, g_value_get_boxed (value)); break;
      case PROP_PROGRESS: aff_task_set_progress (self, g_value_get_uint (value)); break;
      case PROP_HAZARD_DELAY: aff_task_set_hazard_delay (self, g_value_get_uint (value)); break;
      case PROP_LEVELLING_DELAY: aff_task_set_levelling_delay (self, g_value_get_uint (value)); break;
      case PROP_REPORT_DAYS: aff_task_set_report_days (self, g_value_get_uint (value)); break;
      default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      }
}

static void
aff_task_notify (GObject    *object,
                 GParamSpec *pspec)
{
  AffTask *self = AFF_TASK (object);

  /* The effort is journaled once, in whole minutes: the journal hashes
   * integers, never binary fractions. */
  if (pspec != props[PROP_EFFORT_HOURS])
    _aff_track_property (&self->track, "task-changed", object, pspec);
  if (self->plan != NULL)
    _aff_plan_task_changed (self->plan, self);
}

static void
aff_task_class_init (AffTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = aff_task_finalize;
  object_class->get_property = aff_task_get_property;
  object_class->set_property = aff_task_set_property;
  object_class->notify = aff_task_notify;

  /**
   * AffTask:id:
   *
   * The task's id, unique within its plan.
   */
  props[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * AffTask:name:
   *
   * What the task is, for people.
   */
  props[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  /**
   * AffTask:duration:
   *
   * The duration in working days of the plan's calendar.
   */
  props[PROP_DURATION] = g_param_spec_uint ("duration", NULL, NULL, 0, 100000, 0, flags);
  /**
   * AffTask:kind:
   *
   * What the task is.
   */
  props[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, AFF_TYPE_TASK_KIND,
                                        AFF_TASK_KIND_TASK, flags);
  /**
   * AffTask:effort-hours:
   *
   * The work the task takes, in hours, whoever does it: the same as
   * [property@Aff.Task:effort-minutes], in hours.
   */
  props[PROP_EFFORT_HOURS] = g_param_spec_double ("effort-hours", NULL, NULL, 0, 1e7, 0, flags);
  /**
   * AffTask:effort-minutes:
   *
   * The work the task takes, in minutes, whoever does it. The effort is
   * kept to the minute, so that it adds up exactly.
   */
  props[PROP_EFFORT_MINUTES] = g_param_spec_uint ("effort-minutes", NULL, NULL, 0, 600000000, 0, flags);
  /**
   * AffTask:deliverable:
   *
   * The deliverable the task produces or contributes to.
   */
  props[PROP_DELIVERABLE] = g_param_spec_string ("deliverable", NULL, NULL, NULL, flags);
  /**
   * AffTask:party:
   *
   * Who does the task.
   */
  props[PROP_PARTY] = g_param_spec_enum ("party", NULL, NULL, AFF_TYPE_PARTY, AFF_PARTY_INTERNAL, flags);
  /**
   * AffTask:party-name:
   *
   * The name of the team, company or body that does the task.
   */
  props[PROP_PARTY_NAME] = g_param_spec_string ("party-name", NULL, NULL, NULL, flags);
  /**
   * AffTask:zone:
   *
   * Where on the site the task takes place, for co-activity.
   */
  props[PROP_ZONE] = g_param_spec_string ("zone", NULL, NULL, NULL, flags);
  /**
   * AffTask:dangerous-work:
   *
   * The dangerous work the task involves, among those the arrêté of
   * 19 March 1993 lists: on the client's site, any of it requires a written
   * prevention plan. The same flags as a consultation's.
   */
  props[PROP_DANGEROUS_WORK] = g_param_spec_flags ("dangerous-work", NULL, NULL, AFF_TYPE_REGULATORY_FLAGS,
                                                   AFF_REGULATORY_FLAGS_NONE, flags);
  /**
   * AffTask:risk-ids:
   *
   * The ids of the risks of the affair's register the task carries.
   */
  props[PROP_RISK_IDS] = g_param_spec_boxed ("risk-ids", NULL, NULL, G_TYPE_STRV, flags);
  /**
   * AffTask:start-no-earlier-than:
   *
   * A day before which the task cannot start (site access, a delivery
   * promised), or %NULL.
   */
  props[PROP_START_NO_EARLIER_THAN] = g_param_spec_boxed ("start-no-earlier-than", NULL, NULL,
                                                          G_TYPE_DATE, flags);
  /**
   * AffTask:finish-no-later-than:
   *
   * A day by which the task must be finished (a contractual milestone), or
   * %NULL. The schedule does not move the task to meet it: it reports a
   * violation when it cannot be met.
   */
  props[PROP_FINISH_NO_LATER_THAN] = g_param_spec_boxed ("finish-no-later-than", NULL, NULL,
                                                         G_TYPE_DATE, flags);
  /**
   * AffTask:progress:
   *
   * The physical progress, in percent.
   */
  props[PROP_PROGRESS] = g_param_spec_uint ("progress", NULL, NULL, 0, 100, 0, flags);
  /**
   * AffTask:actual-start:
   *
   * The day the task actually started, or %NULL: the schedule keeps it.
   */
  props[PROP_ACTUAL_START] = g_param_spec_boxed ("actual-start", NULL, NULL, G_TYPE_DATE, flags);
  /**
   * AffTask:actual-finish:
   *
   * The day the task actually finished, or %NULL: the schedule keeps it.
   */
  props[PROP_ACTUAL_FINISH] = g_param_spec_boxed ("actual-finish", NULL, NULL, G_TYPE_DATE, flags);

  /**
   * AffTask:hazard-delay:
   *
   * The working days hazards added to the task
   * ([method@Aff.Plan.apply_hazard]): the task lasts its duration plus
   * these.
   */
  props[PROP_HAZARD_DELAY] = g_param_spec_uint ("hazard-delay", NULL, NULL, 0, 100000, 0, flags);
  /**
   * AffTask:levelling-delay:
   *
   * The working days resource levelling delays the task's start by
   * ([method@Aff.Plan.level_resources]).
   */
  props[PROP_LEVELLING_DELAY] = g_param_spec_uint ("levelling-delay", NULL, NULL, 0, 100000, 0, flags);
  /**
   * AffTask:regulatory-basis:
   *
   * For an inspection, the regulation that requires it (an article of the
   * labour code, an arrêté, a standard).
   */
  props[PROP_REGULATORY_BASIS] = g_param_spec_string ("regulatory-basis", NULL, NULL, NULL, flags);
  /**
   * AffTask:report-days:
   *
   * For an inspection, the working days the body has after the inspection
   * to send its report.
   */
  props[PROP_REPORT_DAYS] = g_param_spec_uint ("report-days", NULL, NULL, 0, 1000, 0, flags);
  /**
   * AffTask:report-received:
   *
   * For an inspection, the day its report was received, or %NULL.
   */
  props[PROP_REPORT_RECEIVED] = g_param_spec_boxed ("report-received", NULL, NULL, G_TYPE_DATE, flags);
  /**
   * AffTask:required-for:
   *
   * For an inspection, the id of the task or milestone that needs its
   * report (a commissioning, an acceptance), or %NULL.
   */
  props[PROP_REQUIRED_FOR] = g_param_spec_string ("required-for", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
aff_task_init (AffTask *self)
{
  g_date_clear (&self->start_no_earlier_than, 1);
  g_date_clear (&self->finish_no_later_than, 1);
  g_date_clear (&self->actual_start, 1);
  g_date_clear (&self->actual_finish, 1);
  g_date_clear (&self->report_received, 1);
  self->raci = g_array_new (FALSE, FALSE, sizeof (RaciEntry));
  g_array_set_clear_func (self->raci, raci_entry_clear);
  g_date_clear (&self->schedule.early_start, 1);
  g_date_clear (&self->schedule.early_finish, 1);
  g_date_clear (&self->schedule.late_start, 1);
  g_date_clear (&self->schedule.late_finish, 1);
}

static const AffTaskSchedule *
schedule_of (AffTask *self)
{
  if (self->plan != NULL)
    _aff_plan_fill_schedule (self->plan, self->index, &self->schedule);
  return &self->schedule;
}

/**
 * aff_task_new:
 * @id: the task's id, unique within its plan
 * @name: what the task is
 * @duration_days: its duration in working days; 0 makes a milestone
 *
 * Creates a task; a duration of 0 makes it a milestone.
 *
 * Returns: (transfer full): a new task
 */
AffTask *
aff_task_new (const char *id,
              const char *name,
              guint       duration_days)
{
  AffTask *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (duration_days <= 100000, NULL);

  self = g_object_new (AFF_TYPE_TASK, "id", id, "name", name, NULL);
  self->duration = duration_days;
  if (duration_days == 0)
    self->kind = AFF_TASK_KIND_MILESTONE;
  return self;
}

void
_aff_task_prefetch (AffTask *self)
{
  __builtin_prefetch (self->id);
  __builtin_prefetch (self->deliverable);
}

void
_aff_task_peek_days (AffTask         *self,
                     AffPlanTaskDays *info)
{
  info->id = self->id;
  info->deliverable = self->deliverable;
  info->duration = self->duration;
  info->milestone = self->kind == AFF_TASK_KIND_MILESTONE;
}

#define GETTER(type, field, fallback)                                        \
  type                                                                       \
  aff_task_get_##field (AffTask *self)                                       \
  {                                                                          \
    g_return_val_if_fail (AFF_IS_TASK (self), fallback);                     \
    return self->field;                                                      \
  }

/**
 * aff_task_get_id:
 * @self: a task
 *
 * Gets the task's id.
 *
 * Returns: the id
 */
GETTER (const char *, id, NULL)
/**
 * aff_task_get_name:
 * @self: a task
 *
 * Gets what the task is.
 *
 * Returns: (nullable): the name
 */
GETTER (const char *, name, NULL)
/**
 * aff_task_get_duration:
 * @self: a task
 *
 * Gets the duration.
 *
 * Returns: working days
 */
GETTER (guint, duration, 0)
/**
 * aff_task_get_kind:
 * @self: a task
 *
 * Gets what the task is.
 *
 * Returns: the kind
 */
GETTER (AffTaskKind, kind, AFF_TASK_KIND_TASK)
/**
 * aff_task_get_effort_minutes:
 * @self: a task
 *
 * Gets the work the task takes.
 *
 * Returns: minutes
 */
GETTER (guint, effort_minutes, 0)

/**
 * aff_task_get_effort_hours:
 * @self: a task
 *
 * Gets the work the task takes, in hours.
 *
 * Returns: hours
 */
double
aff_task_get_effort_hours (AffTask *self)
{
  g_return_val_if_fail (AFF_IS_TASK (self), 0);
  return self->effort_minutes / 60.0;
}
/**
 * aff_task_get_deliverable:
 * @self: a task
 *
 * Gets the deliverable of the task.
 *
 * Returns: (nullable): the deliverable
 */
GETTER (const char *, deliverable, NULL)
/**
 * aff_task_get_party:
 * @self: a task
 *
 * Gets who does the task.
 *
 * Returns: the party
 */
GETTER (AffParty, party, AFF_PARTY_INTERNAL)
/**
 * aff_task_get_party_name:
 * @self: a task
 *
 * Gets the name of the team, company or body that does the task.
 *
 * Returns: (nullable): the name
 */
GETTER (const char *, party_name, NULL)
/**
 * aff_task_get_zone:
 * @self: a task
 *
 * Gets where on the site the task takes place.
 *
 * Returns: (nullable): the zone
 */
GETTER (const char *, zone, NULL)
/**
 * aff_task_get_dangerous_work:
 * @self: a task
 *
 * Gets the dangerous work the task involves.
 *
 * Returns: the dangerous work
 */
GETTER (AffRegulatoryFlags, dangerous_work, AFF_REGULATORY_FLAGS_NONE)
/**
 * aff_task_get_progress:
 * @self: a task
 *
 * Gets the physical progress.
 *
 * Returns: percent, 0 to 100
 */
GETTER (guint, progress, 0)
/**
 * aff_task_get_total_float:
 * @self: a task
 *
 * Gets the total float of the last schedule: how many working days the
 * task can slip without delaying the plan's finish or missing a
 * finish-no-later-than. It is negative when a constraint cannot be met.
 *
 * Returns: working days
 */
int
aff_task_get_total_float (AffTask *self)
{
  g_return_val_if_fail (AFF_IS_TASK (self), 0);
  return schedule_of (self)->total_float;
}

/**
 * aff_task_get_free_float:
 * @self: a task
 *
 * Gets the free float of the last schedule: how many working days the task
 * can slip without delaying any successor.
 *
 * Returns: working days
 */
int
aff_task_get_free_float (AffTask *self)
{
  g_return_val_if_fail (AFF_IS_TASK (self), 0);
  return schedule_of (self)->free_float;
}

#define SETTER(type, field, prop)                                            \
  void                                                                       \
  aff_task_set_##field (AffTask *self,                                       \
                        type     value)                                      \
  {                                                                          \
    g_return_if_fail (AFF_IS_TASK (self));                                   \
    g_return_if_fail (!in_closed_affair (self));                             \
    SET_VALUE (field, prop, value);                                          \
  }

/**
 * aff_task_set_kind:
 * @self: a task
 * @kind: what the task is
 *
 * Sets what the task is.
 */
SETTER (AffTaskKind, kind, PROP_KIND)
/**
 * aff_task_set_party:
 * @self: a task
 * @party: who does it
 *
 * Sets who does the task.
 */
SETTER (AffParty, party, PROP_PARTY)
/**
 * aff_task_set_dangerous_work:
 * @self: a task
 * @work: the dangerous work
 *
 * Sets the dangerous work the task involves.
 */
SETTER (AffRegulatoryFlags, dangerous_work, PROP_DANGEROUS_WORK)

/**
 * aff_task_set_duration:
 * @self: a task
 * @duration_days: working days, at most 100 000
 *
 * Sets the duration.
 */
void
aff_task_set_duration (AffTask *self,
                       guint    duration_days)
{
  g_return_if_fail (AFF_IS_TASK (self));
  g_return_if_fail (!in_closed_affair (self));
  g_return_if_fail (duration_days <= 100000);
  SET_VALUE (duration, PROP_DURATION, duration_days);
}

/**
 * aff_task_set_effort_minutes:
 * @self: a task
 * @minutes: the work, in minutes, at most 600 000 000
 *
 * Sets the work the task takes.
 */
void
aff_task_set_effort_minutes (AffTask *self,
                             guint    minutes)
{
  g_return_if_fail (AFF_IS_TASK (self));
  g_return_if_fail (!in_closed_affair (self));
  g_return_if_fail (minutes <= 600000000);

  if (self->effort_minutes == minutes)
    return;
  self->effort_minutes = minutes;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_EFFORT_MINUTES]);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_EFFORT_HOURS]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * aff_task_set_effort_hours:
 * @self: a task
 * @hours: the work, in hours, from 0 to 10 000 000
 *
 * Sets the work the task takes, rounded to the nearest minute.
 */
void
aff_task_set_effort_hours (AffTask *self,
                           double   hours)
{
  g_return_if_fail (AFF_IS_TASK (self));
  g_return_if_fail (!in_closed_affair (self));
  g_return_if_fail (isfinite (hours) && hours >= 0 && hours <= 1e7);
  aff_task_set_effort_minutes (self, (guint) llround (hours * 60));
}

/**
 * aff_task_set_progress:
 * @self: a task
 * @percent: physical progress, 0 to 100
 *
 * Sets the physical progress.
 */
void
aff_task_set_progress (AffTask *self,
                       guint    percent)
{
  g_return_if_fail (AFF_IS_TASK (self));
  g_return_if_fail (!in_closed_affair (self));
  g_return_if_fail (percent <= 100);
  SET_VALUE (progress, PROP_PROGRESS, percent);
}

#define STRING_SETTER(field, prop)                                           \
  void                                                                       \
  aff_task_set_##field (AffTask    *self,                                    \
                        const char *value)                                   \
  {                                                                          \
    g_return_if_fail (AFF_IS_TASK (self));                                   \
    g_return_if_fail (!in_closed_affair (self));                             \
    set_string (self, prop, value);                                          \
  }

/**
 * aff_task_set_name:
 * @self: a task
 * @name: (nullable): what the task is
 *
 * Sets what the task is.
 */
STRING_SETTER (name, PROP_NAME)
/**
 * aff_task_set_deliverable:
 * @self: a task
 * @deliverable: (nullable): the deliverable
 *
 * Sets the deliverable the task produces.
 */
STRING_SETTER (deliverable, PROP_DELIVERABLE)
/**
 * aff_task_set_party_name:
 * @self: a task
 * @name: (nullable): the team, company or body
 *
 * Sets the name of who does the task.
 */
STRING_SETTER (party_name, PROP_PARTY_NAME)
/**
 * aff_task_set_zone:
 * @self: a task
 * @zone: (nullable): the zone of the site
 *
 * Sets where on the site the task takes place.
 */
STRING_SETTER (zone, PROP_ZONE)

/**
 * aff_task_get_risk_ids:
 * @self: a task
 *
 * Gets the ids of the risks the task carries.
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the ids
 */
const char *const *
aff_task_get_risk_ids (AffTask *self)
{
  g_return_val_if_fail (AFF_IS_TASK (self), NULL);
  return (const char *const *) self->risk_ids;
}

/**
 * aff_task_set_risk_ids:
 * @self: a task
 * @risk_ids: (nullable) (array zero-terminated=1): the ids
 *
 * Sets the ids of the risks of the affair's register that the task
 * carries.
 */
void
aff_task_set_risk_ids (AffTask           *self,
                       const char *const *risk_ids)
{
  g_return_if_fail (AFF_IS_TASK (self));
  g_return_if_fail (!in_closed_affair (self));

  if (risk_ids != NULL && risk_ids[0] == NULL)
    risk_ids = NULL;
  if ((risk_ids == NULL && self->risk_ids == NULL) ||
      (risk_ids != NULL && self->risk_ids != NULL &&
       g_strv_equal ((const char *const *) self->risk_ids, risk_ids)))
    return;
  g_strfreev (self->risk_ids);
  self->risk_ids = g_strdupv ((char **) risk_ids);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_RISK_IDS]);
}

#define DATE_ACCESSORS(field, prop)                                          \
  const GDate *                                                              \
  aff_task_get_##field (AffTask *self)                                       \
  {                                                                          \
    g_return_val_if_fail (AFF_IS_TASK (self), NULL);                         \
    return valid_or_null (&self->field);                                     \
  }                                                                          \
  void                                                                       \
  aff_task_set_##field (AffTask     *self,                                   \
                        const GDate *date)                                   \
  {                                                                          \
    g_return_if_fail (AFF_IS_TASK (self));                                   \
    g_return_if_fail (!in_closed_affair (self));                             \
    set_date (self, prop, date);                                             \
  }

/**
 * aff_task_get_start_no_earlier_than:
 * @self: a task
 *
 * Gets the day before which the task cannot start.
 *
 * Returns: (transfer none) (nullable): the day, or %NULL
 */
/**
 * aff_task_set_start_no_earlier_than:
 * @self: a task
 * @date: (nullable): the day, or %NULL for none
 *
 * Sets the day before which the task cannot start.
 */
DATE_ACCESSORS (start_no_earlier_than, PROP_START_NO_EARLIER_THAN)
/**
 * aff_task_get_finish_no_later_than:
 * @self: a task
 *
 * Gets the day by which the task must be finished.
 *
 * Returns: (transfer none) (nullable): the day, or %NULL
 */
/**
 * aff_task_set_finish_no_later_than:
 * @self: a task
 * @date: (nullable): the day, or %NULL for none
 *
 * Sets the day by which the task must be finished.
 */
DATE_ACCESSORS (finish_no_later_than, PROP_FINISH_NO_LATER_THAN)
/**
 * aff_task_get_actual_start:
 * @self: a task
 *
 * Gets the day the task actually started.
 *
 * Returns: (transfer none) (nullable): the day, or %NULL
 */
/**
 * aff_task_set_actual_start:
 * @self: a task
 * @date: (nullable): the day, or %NULL
 *
 * Records the day the task actually started.
 */
DATE_ACCESSORS (actual_start, PROP_ACTUAL_START)
/**
 * aff_task_get_actual_finish:
 * @self: a task
 *
 * Gets the day the task actually finished.
 *
 * Returns: (transfer none) (nullable): the day, or %NULL
 */
/**
 * aff_task_set_actual_finish:
 * @self: a task
 * @date: (nullable): the day, or %NULL
 *
 * Records the day the task actually finished.
 */
DATE_ACCESSORS (actual_finish, PROP_ACTUAL_FINISH)
/**
 * aff_task_get_report_received:
 * @self: a task
 *
 * Gets the day an inspection's report was received.
 *
 * Returns: (transfer none) (nullable): the day, or %NULL
 */
/**
 * aff_task_set_report_received:
 * @self: a task
 * @date: (nullable): the day, or %NULL
 *
 * Records the day an inspection's report was received.
 */
DATE_ACCESSORS (report_received, PROP_REPORT_RECEIVED)

/**
 * aff_task_get_regulatory_basis:
 * @self: a task
 *
 * Gets the regulation that requires an inspection.
 *
 * Returns: (nullable): the regulation
 */
GETTER (const char *, regulatory_basis, NULL)
/**
 * aff_task_set_regulatory_basis:
 * @self: a task
 * @basis: (nullable): the regulation
 *
 * Sets the regulation that requires an inspection.
 */
STRING_SETTER (regulatory_basis, PROP_REGULATORY_BASIS)
/**
 * aff_task_get_required_for:
 * @self: a task
 *
 * Gets the id of the task that needs an inspection's report.
 *
 * Returns: (nullable): the task's id
 */
GETTER (const char *, required_for, NULL)
/**
 * aff_task_set_required_for:
 * @self: a task
 * @task_id: (nullable): the id of the task that needs the report
 *
 * Sets the task or milestone that needs an inspection's report.
 */
STRING_SETTER (required_for, PROP_REQUIRED_FOR)
/**
 * aff_task_get_hazard_delay:
 * @self: a task
 *
 * Gets the working days hazards added to the task.
 *
 * Returns: working days
 */
GETTER (guint, hazard_delay, 0)
/**
 * aff_task_get_levelling_delay:
 * @self: a task
 *
 * Gets the working days levelling delays the task's start by.
 *
 * Returns: working days
 */
GETTER (guint, levelling_delay, 0)
/**
 * aff_task_get_report_days:
 * @self: a task
 *
 * Gets the working days an inspection body has to send its report.
 *
 * Returns: working days
 */
GETTER (guint, report_days, 0)

#define BOUNDED_SETTER(field, prop, max)                                     \
  void                                                                       \
  aff_task_set_##field (AffTask *self,                                       \
                        guint    value)                                      \
  {                                                                          \
    g_return_if_fail (AFF_IS_TASK (self));                                   \
    g_return_if_fail (!in_closed_affair (self));                             \
    g_return_if_fail (value <= (max));                                       \
    SET_VALUE (field, prop, value);                                          \
  }

/**
 * aff_task_set_hazard_delay:
 * @self: a task
 * @days: working days, at most 100 000
 *
 * Sets the working days hazards added to the task; the plan's
 * [method@Aff.Plan.apply_hazard] adds to it.
 */
BOUNDED_SETTER (hazard_delay, PROP_HAZARD_DELAY, 100000)
/**
 * aff_task_set_levelling_delay:
 * @self: a task
 * @days: working days, at most 100 000
 *
 * Sets the working days the task's start is delayed by for levelling.
 */
BOUNDED_SETTER (levelling_delay, PROP_LEVELLING_DELAY, 100000)
/**
 * aff_task_set_report_days:
 * @self: a task
 * @days: working days, at most 1 000
 *
 * Sets the working days an inspection body has to send its report.
 */
BOUNDED_SETTER (report_days, PROP_REPORT_DAYS, 1000)

static RaciEntry *
find_raci (AffTask    *self,
           const char *person)
{
  guint i;

  for (i = 0; i < self->raci->len; i++)
    if (strcmp (g_array_index (self->raci, RaciEntry, i).person, person) == 0)
      return &g_array_index (self->raci, RaciEntry, i);
  return NULL;
}

/**
 * aff_task_get_raci:
 * @self: a task
 * @person: a person or an organisation
 *
 * Gets the part a person takes in the task.
 *
 * Returns: the role, %AFF_RACI_ROLE_NONE if none
 */
AffRaciRole
aff_task_get_raci (AffTask    *self,
                   const char *person)
{
  RaciEntry *entry;

  g_return_val_if_fail (AFF_IS_TASK (self), AFF_RACI_ROLE_NONE);
  g_return_val_if_fail (person != NULL, AFF_RACI_ROLE_NONE);

  entry = find_raci (self, person);
  return entry != NULL ? entry->role : AFF_RACI_ROLE_NONE;
}

static void
put_raci (AffTask     *self,
          const char  *person,
          AffRaciRole  role)
{
  RaciEntry *entry = find_raci (self, person);

  if (entry != NULL && role == AFF_RACI_ROLE_NONE)
    g_array_remove_index (self->raci, entry - (RaciEntry *) (gpointer) self->raci->data);
  else if (entry != NULL)
    entry->role = role;
  else if (role != AFF_RACI_ROLE_NONE)
    {
      RaciEntry added = { g_strdup (person), role };
      g_array_append_val (self->raci, added);
    }
}

/**
 * aff_task_set_raci:
 * @self: a task
 * @person: a person (internal) or an external party's name
 * @role: the part the person takes, %AFF_RACI_ROLE_NONE to remove them
 *
 * Sets who is responsible for the task, who approves it, who is consulted
 * and who is informed. A task has one person accountable: giving the role
 * to a second takes it from the first.
 */
void
aff_task_set_raci (AffTask     *self,
                   const char  *person,
                   AffRaciRole  role)
{
  JsonObject *details;
  guint i;

  g_return_if_fail (AFF_IS_TASK (self));
  g_return_if_fail (!in_closed_affair (self));
  g_return_if_fail (person != NULL && *person != '\0');

  if (aff_task_get_raci (self, person) == role)
    return;
  if (role == AFF_RACI_ROLE_ACCOUNTABLE)
    for (i = 0; i < self->raci->len; i++)
      if (g_array_index (self->raci, RaciEntry, i).role == AFF_RACI_ROLE_ACCOUNTABLE)
        g_array_remove_index (self->raci, i--);
  put_raci (self, person, role);
  details = json_object_new ();
  json_object_set_string_member (details, "person", person);
  json_object_set_string_member (details, "role", aff_enum_to_nick (AFF_TYPE_RACI_ROLE, role));
  _aff_track_record (&self->track, "task-raci-set", details);
}

/**
 * aff_task_list_raci:
 * @self: a task
 *
 * Lists the people who take a part in the task, in the order they were
 * given one; [method@Aff.Task.get_raci] tells which.
 *
 * Returns: (transfer full): the people
 */
GStrv
aff_task_list_raci (AffTask *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint i;

  g_return_val_if_fail (AFF_IS_TASK (self), NULL);
  for (i = 0; i < self->raci->len; i++)
    g_strv_builder_add (builder, g_array_index (self->raci, RaciEntry, i).person);
  return g_strv_builder_end (builder);
}

#define SCHEDULE_GETTER(field)                                               \
  const GDate *                                                              \
  aff_task_get_##field (AffTask *self)                                       \
  {                                                                          \
    g_return_val_if_fail (AFF_IS_TASK (self), NULL);                         \
    return schedule_of (self)->scheduled ? &self->schedule.field : NULL;     \
  }

/**
 * aff_task_get_early_start:
 * @self: a task
 *
 * Gets the earliest day the task can start, from the last schedule.
 *
 * Returns: (transfer none) (nullable): the day, or %NULL if never scheduled
 */
SCHEDULE_GETTER (early_start)
/**
 * aff_task_get_early_finish:
 * @self: a task
 *
 * Gets the earliest day the task can finish, from the last schedule: its
 * last working day (a milestone's day).
 *
 * Returns: (transfer none) (nullable): the day, or %NULL if never scheduled
 */
SCHEDULE_GETTER (early_finish)
/**
 * aff_task_get_late_start:
 * @self: a task
 *
 * Gets the latest day the task can start without delaying the plan, from
 * the last schedule.
 *
 * Returns: (transfer none) (nullable): the day, or %NULL if never scheduled
 */
SCHEDULE_GETTER (late_start)
/**
 * aff_task_get_late_finish:
 * @self: a task
 *
 * Gets the latest day the task can finish without delaying the plan, from
 * the last schedule.
 *
 * Returns: (transfer none) (nullable): the day, or %NULL if never scheduled
 */
SCHEDULE_GETTER (late_finish)

/**
 * aff_task_is_critical:
 * @self: a task
 *
 * Tells whether the task is on the critical path of the last schedule: its
 * total float is zero or negative.
 *
 * Returns: whether the task is critical
 */
gboolean
aff_task_is_critical (AffTask *self)
{
  const AffTaskSchedule *schedule;

  g_return_val_if_fail (AFF_IS_TASK (self), FALSE);
  schedule = schedule_of (self);
  return schedule->scheduled && schedule->total_float <= 0;
}

/**
 * aff_task_is_scheduled:
 * @self: a task
 *
 * Tells whether the task's dates come from a schedule.
 *
 * Returns: whether the task was scheduled
 */
gboolean
aff_task_is_scheduled (AffTask *self)
{
  g_return_val_if_fail (AFF_IS_TASK (self), FALSE);
  return schedule_of (self)->scheduled;
}

/* Joining or leaving a plan: a task leaving keeps the figures of the last
 * schedule it had. */
static const char *const party_words[N_LANGS][5] = {
  { "interne", "client", "sous-traitant", "fournisseur", "organisme de contrôle" },
  { "internal", "client", "subcontractor", "supplier", "inspection body" },
};

const char *
_aff_party_word (guint    lang,
                 AffParty party)
{
  return (guint) party < G_N_ELEMENTS (party_words[0]) ? party_words[lang][party] : "";
}

void
_aff_task_attach (AffTask    *self,
                  AffPlan    *plan,
                  AffJournal *journal,
                  const char *affair_id)
{
  if (self->plan != NULL && plan == NULL)
    _aff_plan_fill_schedule (self->plan, self->index, &self->schedule);
  /* Joining a plan, the task has no figures of that plan's yet, whatever
   * its count of schedules says. */
  if (self->plan == NULL && plan != NULL)
    {
      self->schedule.generation = 0;
      self->schedule.scheduled = FALSE;
    }
  self->plan = plan;
  if (journal != NULL)
    _aff_track_attach (&self->track, journal, "affair", affair_id, "task", self->id);
  else
    _aff_track_clear (&self->track);
}

AffPlan *
_aff_task_get_plan (AffTask *self)
{
  return self->plan;
}

void
_aff_task_set_hazard_delay_quietly (AffTask *self,
                                    guint    days)
{
  self->hazard_delay = days;
  if (self->plan != NULL)
    _aff_plan_task_changed (self->plan, self);
}

void
_aff_task_set_index (AffTask *self,
                     guint    index)
{
  self->index = index;
}

static guint32
julian_or_zero (const GDate *date)
{
  return g_date_valid (date) ? g_date_get_julian (date) : 0;
}

void
_aff_task_get_terms (AffTask      *self,
                     AffTaskTerms *terms)
{
  terms->duration = self->kind == AFF_TASK_KIND_MILESTONE ? 0 : (gint32) (self->duration + self->hazard_delay);
  terms->delay = (gint32) self->levelling_delay;
  terms->start_no_earlier_than = julian_or_zero (&self->start_no_earlier_than);
  terms->finish_no_later_than = julian_or_zero (&self->finish_no_later_than);
  terms->actual_start = julian_or_zero (&self->actual_start);
  terms->actual_finish = julian_or_zero (&self->actual_finish);
}

void
_aff_task_to_json (AffTask     *self,
                   JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  aff_json_add_string (builder, "id", self->id);
  aff_json_add_string (builder, "name", self->name);
  aff_json_add_int (builder, "duration", self->duration);
  aff_json_add_enum (builder, "kind", AFF_TYPE_TASK_KIND, self->kind);
  if (self->effort_minutes > 0)
    aff_json_add_int (builder, "effort_minutes", self->effort_minutes);
  aff_json_add_string (builder, "deliverable", self->deliverable);
  aff_json_add_enum (builder, "party", AFF_TYPE_PARTY, self->party);
  aff_json_add_string (builder, "party_name", self->party_name);
  aff_json_add_string (builder, "zone", self->zone);
  if (self->dangerous_work != AFF_REGULATORY_FLAGS_NONE)
    aff_json_add_flags (builder, "dangerous_work", AFF_TYPE_REGULATORY_FLAGS, self->dangerous_work);
  if (self->risk_ids != NULL)
    aff_json_add_strv (builder, "risk_ids", (const char *const *) self->risk_ids);
  aff_json_add_date (builder, "start_no_earlier_than", &self->start_no_earlier_than);
  aff_json_add_date (builder, "finish_no_later_than", &self->finish_no_later_than);
  aff_json_add_int (builder, "progress", self->progress);
  aff_json_add_date (builder, "actual_start", &self->actual_start);
  aff_json_add_date (builder, "actual_finish", &self->actual_finish);
  if (self->hazard_delay > 0)
    aff_json_add_int (builder, "hazard_delay", self->hazard_delay);
  if (self->levelling_delay > 0)
    aff_json_add_int (builder, "levelling_delay", self->levelling_delay);
  aff_json_add_string (builder, "regulatory_basis", self->regulatory_basis);
  if (self->report_days > 0)
    aff_json_add_int (builder, "report_days", self->report_days);
  aff_json_add_date (builder, "report_received", &self->report_received);
  aff_json_add_string (builder, "required_for", self->required_for);
  if (self->raci->len > 0)
    {
      guint i;

      json_builder_set_member_name (builder, "raci");
      json_builder_begin_array (builder);
      for (i = 0; i < self->raci->len; i++)
        {
          const RaciEntry *entry = &g_array_index (self->raci, RaciEntry, i);

          json_builder_begin_object (builder);
          aff_json_add_string (builder, "person", entry->person);
          aff_json_add_enum (builder, "role", AFF_TYPE_RACI_ROLE, entry->role);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

static gboolean
read_raci (AffJsonReader *reader,
           JsonNode      *element,
           guint          index,
           gpointer       data,
           GError       **error)
{
  static const char *const members[] = { "person", "role", NULL };
  AffTask *self = data;
  g_autofree char *person = NULL;
  JsonObject *object;
  int role = AFF_RACI_ROLE_NONE;

  if (!(object = aff_json_expect_object (reader, element, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "person", TRUE, &person, error) ||
      !aff_json_get_enum (reader, object, "role", TRUE, AFF_TYPE_RACI_ROLE, &role, error))
    return FALSE;
  if (*person == '\0' || find_raci (self, person) != NULL)
    return aff_json_reader_fail_at (reader, "person", error, _("expected a person named once, not “%s”"), person);
  if (role == AFF_RACI_ROLE_NONE)
    return aff_json_reader_fail_at (reader, "role", error, _("expected “responsible”, “accountable”, “consulted” or “informed”"));
  if (role == AFF_RACI_ROLE_ACCOUNTABLE)
    {
      guint i;

      for (i = 0; i < self->raci->len; i++)
        if (g_array_index (self->raci, RaciEntry, i).role == AFF_RACI_ROLE_ACCOUNTABLE)
          return aff_json_reader_fail_at (reader, "role", error, _("expected one person accountable"));
    }
  put_raci (self, person, role);
  return TRUE;
}

AffTask *
_aff_task_from_json (AffJsonReader *reader,
                     JsonNode      *node,
                     GError       **error)
{
  static const char *const members[] = {
    "id", "name", "duration", "kind", "effort_minutes", "deliverable", "party", "party_name", "zone",
    "dangerous_work", "risk_ids", "start_no_earlier_than", "finish_no_later_than", "progress",
    "actual_start", "actual_finish", "hazard_delay", "levelling_delay", "regulatory_basis",
    "report_days", "report_received", "required_for", "raci", NULL
  };
  gint64 hazard = 0, levelling = 0, report_days = 0;
  g_autoptr(AffTask) self = g_object_new (AFF_TYPE_TASK, NULL);
  JsonObject *object;
  gint64 duration = 0, progress = 0, effort = 0;
  int kind = AFF_TASK_KIND_TASK, party = AFF_PARTY_INTERNAL;
  guint work = 0;

  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "id", TRUE, &self->id, error) ||
      !aff_json_get_string (reader, object, "name", FALSE, &self->name, error) ||
      !aff_json_get_int (reader, object, "duration", TRUE, 0, 100000, &duration, error) ||
      !aff_json_get_enum (reader, object, "kind", TRUE, AFF_TYPE_TASK_KIND, &kind, error) ||
      !aff_json_get_int (reader, object, "effort_minutes", FALSE, 0, 600000000, &effort, error) ||
      !aff_json_get_string (reader, object, "deliverable", FALSE, &self->deliverable, error) ||
      !aff_json_get_enum (reader, object, "party", TRUE, AFF_TYPE_PARTY, &party, error) ||
      !aff_json_get_string (reader, object, "party_name", FALSE, &self->party_name, error) ||
      !aff_json_get_string (reader, object, "zone", FALSE, &self->zone, error) ||
      !aff_json_get_flags (reader, object, "dangerous_work", AFF_TYPE_REGULATORY_FLAGS, &work, error) ||
      !aff_json_get_strv (reader, object, "risk_ids", &self->risk_ids, error) ||
      !aff_json_get_date (reader, object, "start_no_earlier_than", FALSE, &self->start_no_earlier_than, error) ||
      !aff_json_get_date (reader, object, "finish_no_later_than", FALSE, &self->finish_no_later_than, error) ||
      !aff_json_get_int (reader, object, "progress", TRUE, 0, 100, &progress, error) ||
      !aff_json_get_date (reader, object, "actual_start", FALSE, &self->actual_start, error) ||
      !aff_json_get_date (reader, object, "actual_finish", FALSE, &self->actual_finish, error) ||
      !aff_json_get_int (reader, object, "hazard_delay", FALSE, 0, 100000, &hazard, error) ||
      !aff_json_get_int (reader, object, "levelling_delay", FALSE, 0, 100000, &levelling, error) ||
      !aff_json_get_string (reader, object, "regulatory_basis", FALSE, &self->regulatory_basis, error) ||
      !aff_json_get_int (reader, object, "report_days", FALSE, 0, 1000, &report_days, error) ||
      !aff_json_get_date (reader, object, "report_received", FALSE, &self->report_received, error) ||
      !aff_json_get_string (reader, object, "required_for", FALSE, &self->required_for, error) ||
      !aff_json_read_array (reader, object, "raci", read_raci, self, error))
    return NULL;
  self->hazard_delay = (guint) hazard;
  self->levelling_delay = (guint) levelling;
  self->report_days = (guint) report_days;
  if (!_aff_id_is_valid (self->id))
    return aff_json_reader_fail_at (reader, "id", error, _("expected an id of 1 to 64 bytes without spaces")), NULL;
  self->duration = (guint) duration;
  self->effort_minutes = (guint) effort;
  self->kind = kind;
  self->party = party;
  self->dangerous_work = work;
  if (self->risk_ids != NULL && self->risk_ids[0] == NULL)
    g_clear_pointer (&self->risk_ids, g_strfreev);
  self->progress = (guint) progress;
  return g_steal_pointer (&self);
}
