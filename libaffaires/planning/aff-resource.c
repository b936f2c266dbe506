/* aff-resource.c: people, teams and equipment a plan uses
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-enum-types.h"
#include "aff-money-private.h"
#include "aff-resource.h"
#include "aff-planning-private.h"

/* ---- AffResource -------------------------------------------------------- */

/**
 * AffResource:
 *
 * A person, a team, a piece of equipment or a subcontractor's crew that
 * tasks of a plan use: its capacity in minutes per working day, its own
 * calendar when it differs from the plan's (a person's leave, a crane's
 * servicing), its hourly cost and its skills.
 *
 * The same id in the plans of several affairs is the same resource: the
 * portfolio adds their loads up
 * ([method@Aff.Portfolio.list_overallocations]).
 */
struct _AffResource
{
  GObject parent_instance;

  char *id;
  char *name;
  AffResourceKind kind;
  guint capacity_minutes;
  AffCalendar *calendar;
  AffMoney *cost_rate;
  char **skills;
  AffTrack track;
};

G_DEFINE_FINAL_TYPE (AffResource, aff_resource, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_CAPACITY_MINUTES,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static void
aff_resource_finalize (GObject *object)
{
  AffResource *self = AFF_RESOURCE (object);

  g_free (self->id);
  g_free (self->name);
  g_clear_object (&self->calendar);
  g_clear_pointer (&self->cost_rate, aff_money_free);
  g_strfreev (self->skills);
  _aff_track_clear (&self->track);
  G_OBJECT_CLASS (aff_resource_parent_class)->finalize (object);
}

static void
aff_resource_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AffResource *self = AFF_RESOURCE (object);

  switch (prop_id)
    {
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_CAPACITY_MINUTES: g_value_set_uint (value, self->capacity_minutes); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aff_resource_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AffResource *self = AFF_RESOURCE (object);

  switch (prop_id)
    {
    case PROP_NAME: aff_resource_set_name (self, g_value_get_string (value)); break;
    case PROP_CAPACITY_MINUTES: aff_resource_set_capacity_minutes (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aff_resource_notify (GObject    *object,
                     GParamSpec *pspec)
{
  _aff_track_property (&AFF_RESOURCE (object)->track, "resource-changed", object, pspec);
}

static void
aff_resource_class_init (AffResourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = aff_resource_finalize;
  object_class->get_property = aff_resource_get_property;
  object_class->set_property = aff_resource_set_property;
  object_class->notify = aff_resource_notify;

  /**
   * AffResource:name:
   *
   * What the resource is called.
   */
  props[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  /**
   * AffResource:capacity-minutes:
   *
   * The minutes of work the resource gives on each of its working days:
   * 420 (7 hours) for one person by default.
   */
  props[PROP_CAPACITY_MINUTES] = g_param_spec_uint ("capacity-minutes", NULL, NULL, 0, 1440 * 1000, 420, flags);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
aff_resource_init (AffResource *self)
{
  self->capacity_minutes = 420;
}

/**
 * aff_resource_new:
 * @id: the resource's id, the same in every plan that uses it
 * @name: what it is called
 * @kind: what it is
 *
 * Creates a resource working 7 hours a day on its plan's calendar.
 *
 * Returns: (transfer full): a new resource
 */
AffResource *
aff_resource_new (const char      *id,
                  const char      *name,
                  AffResourceKind  kind)
{
  AffResource *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (AFF_TYPE_RESOURCE, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->kind = kind;
  return self;
}

/**
 * aff_resource_get_id:
 * @self: a resource
 *
 * Gets the resource's id.
 *
 * Returns: the id
 */
const char *
aff_resource_get_id (AffResource *self)
{
  g_return_val_if_fail (AFF_IS_RESOURCE (self), NULL);
  return self->id;
}

/**
 * aff_resource_get_name:
 * @self: a resource
 *
 * Gets what the resource is called.
 *
 * Returns: (nullable): the name
 */
const char *
aff_resource_get_name (AffResource *self)
{
  g_return_val_if_fail (AFF_IS_RESOURCE (self), NULL);
  return self->name;
}

/**
 * aff_resource_set_name:
 * @self: a resource
 * @name: (nullable): the name
 *
 * Sets what the resource is called.
 */
void
aff_resource_set_name (AffResource *self,
                       const char  *name)
{
  g_return_if_fail (AFF_IS_RESOURCE (self));
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_NAME]);
}

/**
 * aff_resource_get_kind:
 * @self: a resource
 *
 * Gets what the resource is.
 *
 * Returns: the kind
 */
AffResourceKind
aff_resource_get_kind (AffResource *self)
{
  g_return_val_if_fail (AFF_IS_RESOURCE (self), AFF_RESOURCE_KIND_PERSON);
  return self->kind;
}

/**
 * aff_resource_get_capacity_minutes:
 * @self: a resource
 *
 * Gets the minutes of work the resource gives on each of its working days.
 *
 * Returns: minutes
 */
guint
aff_resource_get_capacity_minutes (AffResource *self)
{
  g_return_val_if_fail (AFF_IS_RESOURCE (self), 0);
  return self->capacity_minutes;
}

/**
 * aff_resource_set_capacity_minutes:
 * @self: a resource
 * @minutes: minutes per working day, at most 1 440 000 (a team of a
 *   thousand working around the clock)
 *
 * Sets the minutes of work the resource gives on each of its working days.
 */
void
aff_resource_set_capacity_minutes (AffResource *self,
                                   guint        minutes)
{
  g_return_if_fail (AFF_IS_RESOURCE (self));
  g_return_if_fail (minutes <= 1440 * 1000);
  if (self->capacity_minutes == minutes)
    return;
  self->capacity_minutes = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CAPACITY_MINUTES]);
}

/**
 * aff_resource_set_capacity_hours:
 * @self: a resource
 * @hours: hours per working day, kept to the minute
 *
 * Sets the hours of work the resource gives on each of its working days.
 */
void
aff_resource_set_capacity_hours (AffResource *self,
                                 double       hours)
{
  g_return_if_fail (AFF_IS_RESOURCE (self));
  g_return_if_fail (isfinite (hours) && hours >= 0 && hours <= 24 * 1000);
  aff_resource_set_capacity_minutes (self, (guint) llround (hours * 60));
}

/**
 * aff_resource_get_calendar:
 * @self: a resource
 *
 * Gets the resource's own calendar.
 *
 * Returns: (transfer none) (nullable): the calendar, or %NULL when the
 *   resource works on its plan's
 */
AffCalendar *
aff_resource_get_calendar (AffResource *self)
{
  g_return_val_if_fail (AFF_IS_RESOURCE (self), NULL);
  return self->calendar;
}

void
_aff_resource_set_calendar_quietly (AffResource *self,
                                    AffCalendar *calendar)
{
  g_set_object (&self->calendar, calendar);
}

/**
 * aff_resource_set_calendar:
 * @self: a resource
 * @calendar: (nullable): its own calendar, or %NULL for its plan's
 *
 * Sets the days the resource works, when they differ from its plan's: make
 * one with [method@Aff.Calendar.copy] of the plan's and add the leave.
 */
void
aff_resource_set_calendar (AffResource *self,
                           AffCalendar *calendar)
{
  g_return_if_fail (AFF_IS_RESOURCE (self));
  g_return_if_fail (calendar == NULL || AFF_IS_CALENDAR (calendar));
  if (!g_set_object (&self->calendar, calendar))
    return;
  _aff_track_record (&self->track, "resource-calendar-set", NULL);
}

/**
 * aff_resource_get_cost_rate:
 * @self: a resource
 *
 * Gets the cost of an hour of the resource.
 *
 * Returns: (transfer none) (nullable): the hourly rate, or %NULL
 */
const AffMoney *
aff_resource_get_cost_rate (AffResource *self)
{
  g_return_val_if_fail (AFF_IS_RESOURCE (self), NULL);
  return self->cost_rate;
}

/**
 * aff_resource_set_cost_rate:
 * @self: a resource
 * @hourly_rate: (nullable): the cost of an hour, or %NULL
 *
 * Sets the cost of an hour of the resource.
 */
void
aff_resource_set_cost_rate (AffResource    *self,
                            const AffMoney *hourly_rate)
{
  JsonObject *details;

  g_return_if_fail (AFF_IS_RESOURCE (self));
  g_return_if_fail (hourly_rate == NULL || !aff_money_is_negative (hourly_rate));

  if ((hourly_rate == NULL && self->cost_rate == NULL) ||
      (hourly_rate != NULL && self->cost_rate != NULL && aff_money_equal (hourly_rate, self->cost_rate)))
    return;
  g_clear_pointer (&self->cost_rate, aff_money_free);
  self->cost_rate = hourly_rate != NULL ? aff_money_copy (hourly_rate) : NULL;
  details = json_object_new ();
  if (hourly_rate != NULL)
    {
      g_autofree char *text = aff_money_to_string (hourly_rate);
      json_object_set_string_member (details, "cost_rate", text);
    }
  else
    json_object_set_null_member (details, "cost_rate");
  _aff_track_record (&self->track, "resource-cost-rate-set", details);
}

/**
 * aff_resource_get_skills:
 * @self: a resource
 *
 * Gets the resource's skills.
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the skills
 */
const char *const *
aff_resource_get_skills (AffResource *self)
{
  g_return_val_if_fail (AFF_IS_RESOURCE (self), NULL);
  return (const char *const *) self->skills;
}

/**
 * aff_resource_set_skills:
 * @self: a resource
 * @skills: (nullable) (array zero-terminated=1): the skills (welding,
 *   habilitation électrique, CACES…)
 *
 * Sets the resource's skills.
 */
void
aff_resource_set_skills (AffResource       *self,
                         const char *const *skills)
{
  JsonObject *details;
  JsonArray *array;
  guint i;

  g_return_if_fail (AFF_IS_RESOURCE (self));

  if (skills != NULL && skills[0] == NULL)
    skills = NULL;
  if ((skills == NULL && self->skills == NULL) ||
      (skills != NULL && self->skills != NULL && g_strv_equal ((const char *const *) self->skills, skills)))
    return;
  g_strfreev (self->skills);
  self->skills = g_strdupv ((char **) skills);
  details = json_object_new ();
  array = json_array_new ();
  for (i = 0; skills != NULL && skills[i] != NULL; i++)
    json_array_add_string_element (array, skills[i]);
  json_object_set_array_member (details, "skills", array);
  _aff_track_record (&self->track, "resource-skills-set", details);
}

/* ---- AffAssignment ------------------------------------------------------ */

/**
 * AffAssignment:
 *
 * A resource assigned to a task: for so many minutes on each working day of
 * the task, or for a total spread evenly over them.
 */
struct _AffAssignment
{
  char *task_id;
  char *resource_id;
  guint minutes_per_day;        /* 0 when a total is given */
  guint total_minutes;          /* 0 when minutes per day are given */
};

static AffAssignment *
assignment_new (const char *task_id,
                const char *resource_id,
                guint       per_day,
                guint       total)
{
  AffAssignment *self = g_new (AffAssignment, 1);

  self->task_id = g_strdup (task_id);
  self->resource_id = g_strdup (resource_id);
  self->minutes_per_day = per_day;
  self->total_minutes = total;
  return self;
}

/**
 * aff_assignment_copy:
 * @self: an assignment
 *
 * Copies an assignment.
 *
 * Returns: (transfer full): a copy
 */
AffAssignment *
aff_assignment_copy (const AffAssignment *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return assignment_new (self->task_id, self->resource_id, self->minutes_per_day, self->total_minutes);
}

/**
 * aff_assignment_free:
 * @self: (nullable): an assignment
 *
 * Frees an assignment.
 */
void
aff_assignment_free (AffAssignment *self)
{
  if (self == NULL)
    return;
  g_free (self->task_id);
  g_free (self->resource_id);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffAssignment, aff_assignment, aff_assignment_copy, aff_assignment_free)

/**
 * aff_assignment_get_task_id:
 * @self: an assignment
 *
 * Gets the task's id.
 *
 * Returns: the id
 */
const char *
aff_assignment_get_task_id (const AffAssignment *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->task_id;
}

/**
 * aff_assignment_get_resource_id:
 * @self: an assignment
 *
 * Gets the resource's id.
 *
 * Returns: the id
 */
const char *
aff_assignment_get_resource_id (const AffAssignment *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->resource_id;
}

/**
 * aff_assignment_get_minutes_per_day:
 * @self: an assignment
 *
 * Gets the minutes per working day, when the assignment was made so.
 *
 * Returns: minutes per day, 0 for an assignment by total
 */
guint
aff_assignment_get_minutes_per_day (const AffAssignment *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->minutes_per_day;
}

/**
 * aff_assignment_get_total_minutes:
 * @self: an assignment
 *
 * Gets the total minutes, when the assignment was made so.
 *
 * Returns: minutes, 0 for an assignment by the day
 */
guint
aff_assignment_get_total_minutes (const AffAssignment *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->total_minutes;
}

/* ---- AffLoad ------------------------------------------------------------ */

/**
 * AffLoad:
 *
 * What a resource is asked to do on one day: the minutes of its tasks, the
 * minutes it gives that day, and the tasks.
 */
struct _AffLoad
{
  char *resource_id;
  GDate date;
  guint load;
  guint capacity;
  GPtrArray *task_ids;          /* char *, NULL-terminated */
};

static AffLoad *
load_new (const char *resource_id,
          guint32     julian,
          guint       capacity)
{
  AffLoad *self = g_new0 (AffLoad, 1);

  self->resource_id = g_strdup (resource_id);
  g_date_clear (&self->date, 1);
  g_date_set_julian (&self->date, julian);
  self->capacity = capacity;
  self->task_ids = g_ptr_array_new_null_terminated (2, g_free, TRUE);
  return self;
}

/**
 * aff_load_copy:
 * @self: a load
 *
 * Copies a load.
 *
 * Returns: (transfer full): a copy
 */
AffLoad *
aff_load_copy (const AffLoad *self)
{
  AffLoad *copy;
  guint i;

  g_return_val_if_fail (self != NULL, NULL);
  copy = load_new (self->resource_id, g_date_get_julian (&self->date), self->capacity);
  copy->load = self->load;
  for (i = 0; i < self->task_ids->len; i++)
    g_ptr_array_add (copy->task_ids, g_strdup (g_ptr_array_index (self->task_ids, i)));
  return copy;
}

/**
 * aff_load_free:
 * @self: (nullable): a load
 *
 * Frees a load.
 */
void
aff_load_free (AffLoad *self)
{
  if (self == NULL)
    return;
  g_free (self->resource_id);
  g_ptr_array_unref (self->task_ids);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffLoad, aff_load, aff_load_copy, aff_load_free)

/**
 * aff_load_get_resource_id:
 * @self: a load
 *
 * Gets the resource's id.
 *
 * Returns: the id
 */
const char *
aff_load_get_resource_id (const AffLoad *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->resource_id;
}

/**
 * aff_load_get_date:
 * @self: a load
 *
 * Gets the day.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_load_get_date (const AffLoad *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->date;
}

/**
 * aff_load_get_load_minutes:
 * @self: a load
 *
 * Gets the minutes of work asked of the resource that day.
 *
 * Returns: minutes
 */
guint
aff_load_get_load_minutes (const AffLoad *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->load;
}

/**
 * aff_load_get_capacity_minutes:
 * @self: a load
 *
 * Gets the minutes the resource gives that day: none on a day off.
 *
 * Returns: minutes
 */
guint
aff_load_get_capacity_minutes (const AffLoad *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->capacity;
}

/**
 * aff_load_get_overload_minutes:
 * @self: a load
 *
 * Gets the minutes asked beyond the capacity.
 *
 * Returns: minutes, 0 when the load fits
 */
guint
aff_load_get_overload_minutes (const AffLoad *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->load > self->capacity ? self->load - self->capacity : 0;
}

/**
 * aff_load_get_task_ids:
 * @self: a load
 *
 * Gets the tasks that make the load, in the order of their plans.
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids
 */
const char *const *
aff_load_get_task_ids (const AffLoad *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char *const *) self->task_ids->pdata;
}

/* ---- The resources of a plan -------------------------------------------- */

struct _AffPlanResources
{
  GListStore *resources;
  GHashTable *by_id;            /* id → AffResource (borrowed) */
  GPtrArray *assignments;       /* AffAssignment */
  AffJournal *journal;          /* borrowed through the plan's track */
  char *affair_id;
};

AffPlanResources *
_aff_plan_resources_new (void)
{
  AffPlanResources *self = g_new0 (AffPlanResources, 1);

  self->resources = g_list_store_new (AFF_TYPE_RESOURCE);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->assignments = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_assignment_free);
  return self;
}

void
_aff_plan_resources_free (AffPlanResources *self)
{
  guint i, n;

  if (self == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->resources));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffResource) resource = g_list_model_get_item (G_LIST_MODEL (self->resources), i);
      _aff_track_clear (&resource->track);
    }
  g_object_unref (self->resources);
  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->assignments);
  g_free (self->affair_id);
  g_free (self);
}

void
_aff_plan_resources_attach (AffPlanResources *self,
                            AffJournal       *journal,
                            const char       *affair_id)
{
  guint i, n = g_list_model_get_n_items (G_LIST_MODEL (self->resources));

  g_free (self->affair_id);
  self->affair_id = g_strdup (affair_id);
  self->journal = journal;
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffResource) resource = g_list_model_get_item (G_LIST_MODEL (self->resources), i);

      if (journal != NULL)
        _aff_track_attach (&resource->track, journal, "affair", affair_id, "resource", resource->id);
      else
        _aff_track_clear (&resource->track);
    }
}

void
_aff_plan_resources_task_removed (AffPlanResources *self,
                                  const char       *task_id)
{
  guint i;

  for (i = self->assignments->len; i > 0; i--)
    if (strcmp (((AffAssignment *) g_ptr_array_index (self->assignments, i - 1))->task_id, task_id) == 0)
      g_ptr_array_remove_index (self->assignments, i - 1);
}

gboolean
_aff_plan_resources_has_assignments (AffPlanResources *self,
                                     const char       *task_id)
{
  guint i;

  for (i = 0; i < self->assignments->len; i++)
    if (strcmp (((AffAssignment *) g_ptr_array_index (self->assignments, i))->task_id, task_id) == 0)
      return TRUE;
  return FALSE;
}

static void
insert_resource (AffPlanResources *self,
                 AffResource      *resource)
{
  g_list_store_append (self->resources, resource);
  g_hash_table_insert (self->by_id, resource->id, resource);
  if (self->journal != NULL)
    _aff_track_attach (&resource->track, self->journal, "affair", self->affair_id, "resource", resource->id);
}

/**
 * aff_plan_add_resource:
 * @self: a plan
 * @resource: the resource
 * @error: return location for a #GError
 *
 * Adds a resource the plan's tasks can use.
 *
 * Returns: %TRUE on success, %FALSE if the plan has a resource with that
 *   id or the id is not valid
 */
gboolean
aff_plan_add_resource (AffPlan      *self,
                       AffResource  *resource,
                       GError      **error)
{
  AffPlanResources *res;

  g_return_val_if_fail (AFF_IS_PLAN (self), FALSE);
  g_return_val_if_fail (AFF_IS_RESOURCE (resource), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_aff_track_check_open (_aff_plan_get_track (self), error))
    return FALSE;

  res = _aff_plan_get_resources (self);
  if (!_aff_id_is_valid (resource->id))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("The resource id “%s” is not 1 to 64 bytes without spaces"), resource->id);
      return FALSE;
    }
  if (g_hash_table_contains (res->by_id, resource->id))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_DUPLICATE_ID,
                   _("The plan already has a resource “%s”"), resource->id);
      return FALSE;
    }
  insert_resource (res, resource);
  if (res->journal != NULL)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;
      JsonObject *details = json_object_new ();

      _aff_resource_to_json (resource, builder);
      node = json_builder_get_root (builder);
      json_object_set_string_member (details, "resource", resource->id);
      json_object_set_member (details, "value", g_steal_pointer (&node));
      _aff_track_record (_aff_plan_get_track (self), "resource-added", details);
    }
  return TRUE;
}

/**
 * aff_plan_lookup_resource:
 * @self: a plan
 * @id: a resource's id
 *
 * Finds a resource of the plan.
 *
 * Returns: (transfer none) (nullable): the resource, or %NULL
 */
AffResource *
aff_plan_lookup_resource (AffPlan    *self,
                          const char *id)
{
  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (_aff_plan_get_resources (self)->by_id, id);
}

/**
 * aff_plan_get_resources:
 * @self: a plan
 *
 * Gets the plan's resources, in the order they were added.
 *
 * Returns: (transfer none): the resources
 */
GListModel *
aff_plan_get_resources (AffPlan *self)
{
  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);
  return G_LIST_MODEL (_aff_plan_get_resources (self)->resources);
}

static AffAssignment *
find_assignment (AffPlanResources *self,
                 const char       *task_id,
                 const char       *resource_id,
                 guint            *index)
{
  guint i;

  for (i = 0; i < self->assignments->len; i++)
    {
      AffAssignment *a = g_ptr_array_index (self->assignments, i);

      if (strcmp (a->task_id, task_id) == 0 && strcmp (a->resource_id, resource_id) == 0)
        {
          if (index != NULL)
            *index = i;
          return a;
        }
    }
  return NULL;
}

static gboolean
check_pair (AffPlan     *self,
            const char  *task_id,
            const char  *resource_id,
            double       hours,
            GError     **error)
{
  if (task_id == NULL || aff_plan_lookup_task (self, task_id) == NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND, _("The plan has no task “%s”"),
                   task_id != NULL ? task_id : "");
      return FALSE;
    }
  if (resource_id == NULL || aff_plan_lookup_resource (self, resource_id) == NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND, _("The plan has no resource “%s”"),
                   resource_id != NULL ? resource_id : "");
      return FALSE;
    }
  if (!isfinite (hours) || hours <= 0 || hours > 1e7)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("The hours of “%s” on “%s” must be more than 0 and at most 10000000"),
                   resource_id, task_id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
assign (AffPlan     *self,
        const char  *task_id,
        const char  *resource_id,
        double       hours,
        gboolean     per_day,
        GError     **error)
{
  AffPlanResources *res = _aff_plan_get_resources (self);
  AffAssignment *a;
  guint minutes;
  JsonObject *details;

  if (!check_pair (self, task_id, resource_id, hours, error))
    return FALSE;
  minutes = (guint) MAX (1, llround (hours * 60));
  if ((a = find_assignment (res, task_id, resource_id, NULL)) == NULL)
    {
      a = assignment_new (task_id, resource_id, 0, 0);
      g_ptr_array_add (res->assignments, a);
    }
  a->minutes_per_day = per_day ? minutes : 0;
  a->total_minutes = per_day ? 0 : minutes;
  details = json_object_new ();
  json_object_set_string_member (details, "task", task_id);
  json_object_set_string_member (details, "resource", resource_id);
  json_object_set_int_member (details, per_day ? "minutes_per_day" : "total_minutes", minutes);
  _aff_track_record (_aff_plan_get_track (self), "resource-assigned", details);
  return TRUE;
}

/**
 * aff_plan_assign:
 * @self: a plan
 * @task_id: the task's id
 * @resource_id: the resource's id
 * @hours_per_day: the hours the resource works on the task each working day
 *   of the task, kept to the minute
 * @error: return location for a #GError
 *
 * Assigns a resource to a task for so many hours a day, replacing any
 * assignment of the same resource to the same task.
 *
 * Returns: %TRUE on success, %FALSE if the task or the resource is missing
 *   or the hours are not more than 0
 */
gboolean
aff_plan_assign (AffPlan     *self,
                 const char  *task_id,
                 const char  *resource_id,
                 double       hours_per_day,
                 GError     **error)
{
  g_return_val_if_fail (AFF_IS_PLAN (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_aff_track_check_open (_aff_plan_get_track (self), error))
    return FALSE;

  return assign (self, task_id, resource_id, hours_per_day, TRUE, error);
}

/**
 * aff_plan_assign_total:
 * @self: a plan
 * @task_id: the task's id
 * @resource_id: the resource's id
 * @total_hours: the hours of work, kept to the minute, spread evenly over
 *   the working days of the task (the first days take the odd minutes)
 * @error: return location for a #GError
 *
 * Assigns a resource to a task for a total of hours, replacing any
 * assignment of the same resource to the same task.
 *
 * Returns: %TRUE on success, %FALSE if the task or the resource is missing
 *   or the hours are not more than 0
 */
gboolean
aff_plan_assign_total (AffPlan     *self,
                       const char  *task_id,
                       const char  *resource_id,
                       double       total_hours,
                       GError     **error)
{
  g_return_val_if_fail (AFF_IS_PLAN (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_aff_track_check_open (_aff_plan_get_track (self), error))
    return FALSE;

  return assign (self, task_id, resource_id, total_hours, FALSE, error);
}

/**
 * aff_plan_unassign:
 * @self: a plan
 * @task_id: the task's id
 * @resource_id: the resource's id
 * @error: return location for a #GError
 *
 * Takes a resource off a task.
 *
 * Returns: %TRUE on success, %FALSE if the resource was not assigned to it
 */
gboolean
aff_plan_unassign (AffPlan     *self,
                   const char  *task_id,
                   const char  *resource_id,
                   GError     **error)
{
  AffPlanResources *res;
  JsonObject *details;
  guint index;

  g_return_val_if_fail (AFF_IS_PLAN (self), FALSE);
  g_return_val_if_fail (task_id != NULL && resource_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_aff_track_check_open (_aff_plan_get_track (self), error))
    return FALSE;

  res = _aff_plan_get_resources (self);
  if (find_assignment (res, task_id, resource_id, &index) == NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND,
                   _("The resource “%s” is not assigned to the task “%s”"), resource_id, task_id);
      return FALSE;
    }
  g_ptr_array_remove_index (res->assignments, index);
  details = json_object_new ();
  json_object_set_string_member (details, "task", task_id);
  json_object_set_string_member (details, "resource", resource_id);
  _aff_track_record (_aff_plan_get_track (self), "resource-unassigned", details);
  return TRUE;
}

/**
 * aff_plan_get_assignments:
 * @self: a plan
 *
 * Lists the assignments, in the order they were made.
 *
 * Returns: (transfer container) (element-type AffAssignment): the
 *   assignments
 */
GPtrArray *
aff_plan_get_assignments (AffPlan *self)
{
  AffPlanResources *res;
  GPtrArray *list;
  guint i;

  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);

  res = _aff_plan_get_resources (self);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_assignment_free);
  for (i = 0; i < res->assignments->len; i++)
    g_ptr_array_add (list, aff_assignment_copy (g_ptr_array_index (res->assignments, i)));
  return list;
}

/* ---- Loads -------------------------------------------------------------- */

/* The working days of a task on its plan's calendar, from a start day:
 * appended to @days as julian numbers. */
static void
task_days (AffCalendar *calendar,
           guint32      first,
           guint32      last,
           GArray      *days)
{
  guint32 j;
  GDate date;

  g_date_clear (&date, 1);
  for (j = first; j <= last; j++)
    {
      g_date_set_julian (&date, j);
      if (aff_calendar_is_working_day (calendar, &date))
        g_array_append_val (days, j);
    }
}

static guint
capacity_on (AffPlan     *plan,
             AffResource *resource,
             guint32      julian)
{
  AffCalendar *calendar = resource->calendar != NULL ? resource->calendar : aff_plan_get_calendar (plan);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return aff_calendar_is_working_day (calendar, &date) ? resource->capacity_minutes : 0;
}

static AffLoad *
load_at (GHashTable  *loads,
         AffPlan     *plan,
         AffResource *resource,
         guint32      julian)
{
  g_autofree char *key = g_strdup_printf ("%s\n%u", resource->id, julian);
  AffLoad *load = g_hash_table_lookup (loads, key);

  if (load == NULL)
    {
      load = load_new (resource->id, julian, capacity_on (plan, resource, julian));
      g_hash_table_insert (loads, g_steal_pointer (&key), load);
    }
  return load;
}

/* Adds the loads of the plan's assignments, on the days of the last
 * schedule, to @loads (keyed "resource\njulian"); with @only set, of that
 * resource only. The minutes of a total go evenly over the task's days,
 * the first days taking the odd minutes. */
void
_aff_plan_add_loads (AffPlan    *plan,
                     GHashTable *loads,
                     const char *only)
{
  AffPlanResources *res = _aff_plan_get_resources (plan);
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint i, k;

  for (i = 0; i < res->assignments->len; i++)
    {
      AffAssignment *a = g_ptr_array_index (res->assignments, i);
      AffTask *task = aff_plan_lookup_task (plan, a->task_id);
      AffResource *resource = g_hash_table_lookup (res->by_id, a->resource_id);
      const GDate *start, *finish;

      if (task == NULL || resource == NULL || (only != NULL && strcmp (only, a->resource_id) != 0))
        continue;
      if ((start = aff_task_get_early_start (task)) == NULL ||
          (finish = aff_task_get_early_finish (task)) == NULL ||
          aff_task_get_kind (task) == AFF_TASK_KIND_MILESTONE)
        continue;
      g_array_set_size (days, 0);
      task_days (aff_plan_get_calendar (plan), g_date_get_julian (start), g_date_get_julian (finish), days);
      for (k = 0; k < days->len; k++)
        {
          guint32 j = g_array_index (days, guint32, k);
          AffLoad *load = load_at (loads, plan, resource, j);
          guint minutes = a->minutes_per_day;

          if (a->total_minutes > 0)
            minutes = a->total_minutes / days->len + (k < a->total_minutes % days->len);
          if (minutes == 0)
            continue;
          load->load += minutes;
          g_ptr_array_add (load->task_ids, g_strdup (a->task_id));
        }
    }
}

static int
compare_loads (gconstpointer a,
               gconstpointer b)
{
  const AffLoad *x = *(AffLoad **) a, *y = *(AffLoad **) b;
  int c = g_date_compare (&x->date, &y->date);

  return c != 0 ? c : strcmp (x->resource_id, y->resource_id);
}

GPtrArray *
_aff_loads_sorted (GHashTable *loads,
                   gboolean    overloaded_only)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_load_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, loads);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      AffLoad *load = value;

      if (overloaded_only && load->load <= load->capacity)
        continue;
      /* Stealing leaves the key to us. */
      g_hash_table_iter_steal (&iter);
      g_free (key);
      g_ptr_array_add (list, load);
    }
  g_ptr_array_sort (list, compare_loads);
  return list;
}

GHashTable *
_aff_loads_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) aff_load_free);
}

static gboolean
check_scheduled (AffPlan  *self,
                 GError  **error)
{
  if (aff_plan_is_scheduled (self))
    return TRUE;
  g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
               _("The plan must be scheduled, and up to date, for its loads to be known"));
  return FALSE;
}

/**
 * aff_plan_compute_load:
 * @self: a plan
 * @resource_id: the resource's id
 * @from: the first day
 * @to: the last day, inclusive
 * @error: return location for a #GError
 *
 * Computes what the plan asks of a resource each day from @from to @to,
 * on the last schedule: every working day of the resource, and every other
 * day it is asked to work.
 *
 * Returns: (transfer container) (element-type AffLoad): the days, in
 *   order, or %NULL if the resource is unknown or the plan is not scheduled
 */
GPtrArray *
aff_plan_compute_load (AffPlan      *self,
                       const char   *resource_id,
                       const GDate  *from,
                       const GDate  *to,
                       GError      **error)
{
  g_autoptr(GHashTable) loads = NULL;
  AffResource *resource;
  GPtrArray *list;
  guint32 j, lo, hi;
  guint i;

  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (resource_id == NULL || (resource = aff_plan_lookup_resource (self, resource_id)) == NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND, _("The plan has no resource “%s”"),
                   resource_id != NULL ? resource_id : "");
      return NULL;
    }
  if (!check_scheduled (self, error))
    return NULL;
  lo = g_date_get_julian (from);
  hi = g_date_get_julian (to);
  if (hi < lo || hi - lo > 366 * 100)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("The load of “%s” is asked for a period that ends before it starts or spans more than 100 years"),
                   resource_id);
      return NULL;
    }
  loads = _aff_loads_new ();
  _aff_plan_add_loads (self, loads, resource_id);
  for (j = lo; j <= hi; j++)
    if (capacity_on (self, resource, j) > 0)
      load_at (loads, self, resource, j);
  list = _aff_loads_sorted (loads, FALSE);
  for (i = list->len; i > 0; i--)
    {
      AffLoad *load = g_ptr_array_index (list, i - 1);
      guint32 d = g_date_get_julian (&load->date);

      if (d < lo || d > hi)
        g_ptr_array_remove_index (list, i - 1);
    }
  return list;
}

/**
 * aff_plan_list_overallocations:
 * @self: a plan
 * @error: return location for a #GError
 *
 * Lists the days a resource of the plan is asked more than it gives, on
 * the last schedule, by date then resource. A day off of the resource with
 * work on it is one of them. [method@Aff.Portfolio.list_overallocations]
 * does the same across the affairs, for resources they share.
 *
 * Returns: (transfer container) (element-type AffLoad): the overloaded
 *   days, or %NULL if the plan is not scheduled
 */
GPtrArray *
aff_plan_list_overallocations (AffPlan  *self,
                               GError  **error)
{
  g_autoptr(GHashTable) loads = NULL;

  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_scheduled (self, error))
    return NULL;
  loads = _aff_loads_new ();
  _aff_plan_add_loads (self, loads, NULL);
  return _aff_loads_sorted (loads, TRUE);
}

/* ---- Levelling ---------------------------------------------------------- */

typedef struct
{
  AffTask *task;
  guint index;
  guint32 start_before;
  gboolean placed;
} Candidate;

/* The minutes an assignment puts on each of @days. */
static guint
minutes_on (const AffAssignment *a,
            guint                k,
            guint                n_days)
{
  if (a->total_minutes == 0)
    return a->minutes_per_day;
  return a->total_minutes / n_days + (k < a->total_minutes % n_days);
}

/* Whether the task's assignments fit, with its start moved by @delay
 * working days, beside what is placed already in @used. */
static gboolean
fits (AffPlan    *plan,
      AffTask    *task,
      guint       delay,
      GHashTable *used,
      GArray     *days)
{
  AffPlanResources *res = _aff_plan_get_resources (plan);
  AffCalendar *calendar = aff_plan_get_calendar (plan);
  g_autoptr(GDate) first = aff_calendar_add_working_days (calendar, aff_task_get_early_start (task),
                                                          (int) delay, NULL);
  g_autoptr(GDate) last = NULL;
  guint duration = aff_task_get_duration (task) + aff_task_get_hazard_delay (task);
  guint i, k;

  /* A milestone takes no time, so no one's time: the loads leave it out. */
  if (first == NULL || duration == 0 || aff_task_get_kind (task) == AFF_TASK_KIND_MILESTONE)
    return TRUE;
  last = aff_calendar_add_working_days (calendar, first, (int) duration - 1, NULL);
  if (last == NULL)
    return TRUE;
  g_array_set_size (days, 0);
  task_days (calendar, g_date_get_julian (first), g_date_get_julian (last), days);
  for (i = 0; i < res->assignments->len; i++)
    {
      AffAssignment *a = g_ptr_array_index (res->assignments, i);
      AffResource *resource = g_hash_table_lookup (res->by_id, a->resource_id);

      if (strcmp (a->task_id, aff_task_get_id (task)) != 0 || resource == NULL)
        continue;
      for (k = 0; k < days->len; k++)
        {
          guint32 j = g_array_index (days, guint32, k);
          g_autofree char *key = g_strdup_printf ("%s\n%u", resource->id, j);
          AffLoad *load = g_hash_table_lookup (used, key);
          guint already = load != NULL ? load->load : 0;

          if (already + minutes_on (a, k, days->len) > capacity_on (plan, resource, j))
            return FALSE;
        }
    }
  return TRUE;
}

/* The loads of one task at its scheduled days, added to @used. */
static void
place (AffPlan    *plan,
       AffTask    *task,
       GHashTable *used)
{
  AffPlanResources *res = _aff_plan_get_resources (plan);
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint i, k;

  if (aff_task_get_kind (task) == AFF_TASK_KIND_MILESTONE)
    return;
  task_days (aff_plan_get_calendar (plan), g_date_get_julian (aff_task_get_early_start (task)),
             g_date_get_julian (aff_task_get_early_finish (task)), days);
  for (i = 0; i < res->assignments->len; i++)
    {
      AffAssignment *a = g_ptr_array_index (res->assignments, i);
      AffResource *resource = g_hash_table_lookup (res->by_id, a->resource_id);

      if (strcmp (a->task_id, aff_task_get_id (task)) != 0 || resource == NULL)
        continue;
      for (k = 0; k < days->len; k++)
        {
          AffLoad *load = load_at (used, plan, resource, g_array_index (days, guint32, k));

          load->load += minutes_on (a, k, days->len);
          g_ptr_array_add (load->task_ids, g_strdup (a->task_id));
        }
    }
}

/* Levelling looks this far for room before it gives up on a task: a year
 * and a half of working days. */
#define MAX_LEVELLING_DELAY 400

/**
 * aff_plan_level_resources:
 * @self: a plan
 * @error: return location for a #GError
 *
 * Levels the resources: takes the tasks that use resources in the order of
 * their early start, the least float first among those starting the same
 * day (critical tasks before the others), and delays each one, by setting
 * its [property@Aff.Task:levelling-delay], until its resources have room
 * beside the tasks placed before it, days off of the resources included.
 * Earlier levelling delays, of every task, are cleared first. A task that
 * finds no room within 400 working days (its load alone exceeds its
 * resource's capacity) cannot be helped and stays where it is.
 *
 * The plan is scheduled again; every delay is a change of its task,
 * journaled in an affair's plan.
 *
 * Returns: (transfer container) (element-type AffSlip): the tasks that
 *   moved, from the schedule before levelling to the one after, or %NULL
 *   if the plan cannot be scheduled
 */
GPtrArray *
aff_plan_level_resources (AffPlan  *self,
                          GError  **error)
{
  AffPlanResources *res;
  g_autoptr(GHashTable) used = NULL;
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(AffPlanSnapshot) before = NULL;
  GListModel *tasks;
  GPtrArray *moved;
  guint i, n;

  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_aff_track_check_open (_aff_plan_get_track (self), error))
    return NULL;

  res = _aff_plan_get_resources (self);
  tasks = aff_plan_get_tasks (self);
  n = g_list_model_get_n_items (tasks);
  if (!aff_plan_schedule (self, error))
    return NULL;
  before = _aff_plan_snapshot (self);
  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  for (i = 0; i < n; i++)
    {
      AffTask *task = g_list_model_get_item (tasks, i);

      g_object_unref (task);    /* the plan keeps it */
      aff_task_set_levelling_delay (task, 0);
      if (_aff_plan_resources_has_assignments (res, aff_task_get_id (task)))
        g_array_append_vals (candidates, &(Candidate) { task, i, 0, FALSE }, 1);
    }
  if (!aff_plan_schedule (self, error))
    return NULL;

  used = _aff_loads_new ();
  days = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (;;)
    {
      Candidate *best = NULL;
      guint delay = 0;

      for (i = 0; i < candidates->len; i++)
        {
          Candidate *c = &g_array_index (candidates, Candidate, i);
          int order;

          if (c->placed)
            continue;
          if (best == NULL)
            {
              best = c;
              continue;
            }
          order = g_date_compare (aff_task_get_early_start (c->task), aff_task_get_early_start (best->task));
          if (order < 0 ||
              (order == 0 && aff_task_get_total_float (c->task) < aff_task_get_total_float (best->task)))
            best = c;
        }
      if (best == NULL)
        break;
      /* A task too big for its resources never finds room: after the
       * longest wait it stays, and shows among the overallocations. */
      while (delay <= MAX_LEVELLING_DELAY && !fits (self, best->task, delay, used, days))
        delay++;
      if (delay > MAX_LEVELLING_DELAY)
        delay = 0;
      if (delay > 0)
        {
          aff_task_set_levelling_delay (best->task, delay);
          if (!aff_plan_schedule (self, error))
            return NULL;
        }
      place (self, best->task, used);
      best->placed = TRUE;
    }
  moved = _aff_plan_compare_snapshot (self, before);
  return moved;
}

/* ---- The document ------------------------------------------------------- */

void
_aff_resource_to_json (AffResource *self,
                       JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  aff_json_add_string (builder, "id", self->id);
  aff_json_add_string (builder, "name", self->name);
  aff_json_add_enum (builder, "kind", AFF_TYPE_RESOURCE_KIND, self->kind);
  aff_json_add_int (builder, "capacity_minutes", self->capacity_minutes);
  if (self->calendar != NULL)
    {
      json_builder_set_member_name (builder, "calendar");
      _aff_calendar_to_json (self->calendar, builder);
    }
  aff_json_add_money (builder, "cost_rate", self->cost_rate);
  if (self->skills != NULL)
    aff_json_add_strv (builder, "skills", (const char *const *) self->skills);
  json_builder_end_object (builder);
}

void
_aff_plan_resources_to_json (AffPlanResources *self,
                             JsonBuilder      *builder)
{
  guint i, n = g_list_model_get_n_items (G_LIST_MODEL (self->resources));

  json_builder_set_member_name (builder, "resources");
  json_builder_begin_array (builder);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffResource) resource = g_list_model_get_item (G_LIST_MODEL (self->resources), i);
      _aff_resource_to_json (resource, builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "assignments");
  json_builder_begin_array (builder);
  for (i = 0; i < self->assignments->len; i++)
    {
      AffAssignment *a = g_ptr_array_index (self->assignments, i);

      json_builder_begin_object (builder);
      aff_json_add_string (builder, "task", a->task_id);
      aff_json_add_string (builder, "resource", a->resource_id);
      if (a->minutes_per_day > 0)
        aff_json_add_int (builder, "minutes_per_day", a->minutes_per_day);
      else
        aff_json_add_int (builder, "total_minutes", a->total_minutes);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static gboolean
read_resource (AffJsonReader *reader,
               JsonNode      *element,
               guint          index,
               gpointer       data,
               GError       **error)
{
  static const char *const members[] = { "id", "name", "kind", "capacity_minutes", "calendar", "cost_rate",
                                         "skills", NULL };
  AffPlanResources *self = data;
  g_autoptr(AffResource) resource = g_object_new (AFF_TYPE_RESOURCE, NULL);
  JsonObject *object;
  JsonNode *calendar;
  gint64 capacity = 0;
  int kind = 0;

  if (!(object = aff_json_expect_object (reader, element, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "id", TRUE, &resource->id, error) ||
      !aff_json_get_string (reader, object, "name", FALSE, &resource->name, error) ||
      !aff_json_get_enum (reader, object, "kind", TRUE, AFF_TYPE_RESOURCE_KIND, &kind, error) ||
      !aff_json_get_int (reader, object, "capacity_minutes", TRUE, 0, 1440 * 1000, &capacity, error) ||
      !aff_json_get_money (reader, object, "cost_rate", FALSE, &resource->cost_rate, error) ||
      !aff_json_get_strv (reader, object, "skills", &resource->skills, error))
    return FALSE;
  if (!_aff_id_is_valid (resource->id) || g_hash_table_contains (self->by_id, resource->id))
    return aff_json_reader_fail_at (reader, "id", error, _("expected an id no other resource has, not “%s”"),
                                    resource->id);
  if (resource->cost_rate != NULL && aff_money_is_negative (resource->cost_rate))
    return aff_json_reader_fail_at (reader, "cost_rate", error, _("expected an amount of 0 or more"));
  if ((calendar = json_object_get_member (object, "calendar")) != NULL)
    {
      gsize mark = aff_json_reader_push_member (reader, "calendar");

      resource->calendar = _aff_calendar_from_json (reader, calendar, error);
      aff_json_reader_pop (reader, mark);
      if (resource->calendar == NULL)
        return FALSE;
    }
  if (resource->skills != NULL && resource->skills[0] == NULL)
    g_clear_pointer (&resource->skills, g_strfreev);
  resource->kind = kind;
  resource->capacity_minutes = (guint) capacity;
  insert_resource (self, resource);
  return TRUE;
}

typedef struct
{
  AffPlan *plan;
  AffPlanResources *resources;
} ReadAssignments;

static gboolean
read_assignment (AffJsonReader *reader,
                 JsonNode      *element,
                 guint          index,
                 gpointer       data,
                 GError       **error)
{
  static const char *const members[] = { "task", "resource", "minutes_per_day", "total_minutes", NULL };
  ReadAssignments *read = data;
  g_autofree char *task = NULL;
  g_autofree char *resource = NULL;
  JsonObject *object;
  gint64 per_day = 0, total = 0;

  if (!(object = aff_json_expect_object (reader, element, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "task", TRUE, &task, error) ||
      !aff_json_get_string (reader, object, "resource", TRUE, &resource, error) ||
      !aff_json_get_int (reader, object, "minutes_per_day", FALSE, 1, 600000000, &per_day, error) ||
      !aff_json_get_int (reader, object, "total_minutes", FALSE, 1, 600000000, &total, error))
    return FALSE;
  if (aff_plan_lookup_task (read->plan, task) == NULL)
    return aff_json_reader_fail_at (reader, "task", error, _("expected the id of a task of the plan, not “%s”"), task);
  if (!g_hash_table_contains (read->resources->by_id, resource))
    return aff_json_reader_fail_at (reader, "resource", error,
                                    _("expected the id of a resource of the plan, not “%s”"), resource);
  if ((per_day > 0) == (total > 0))
    return aff_json_reader_fail (reader, error, _("expected either “minutes_per_day” or “total_minutes”"));
  if (find_assignment (read->resources, task, resource, NULL) != NULL)
    return aff_json_reader_fail (reader, error, _("expected each task and resource once"));
  g_ptr_array_add (read->resources->assignments, assignment_new (task, resource, (guint) per_day, (guint) total));
  return TRUE;
}

gboolean
_aff_plan_resources_from_json (AffPlan       *plan,
                               AffJsonReader *reader,
                               JsonObject    *object,
                               GError       **error)
{
  ReadAssignments read = { plan, _aff_plan_get_resources (plan) };

  return aff_json_read_array (reader, object, "resources", read_resource, read.resources, error) &&
         aff_json_read_array (reader, object, "assignments", read_assignment, &read, error);
}
