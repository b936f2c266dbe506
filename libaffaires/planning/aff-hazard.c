/* aff-hazard.c: what happens to a plan, and what it changes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-enum-types.h"
#include "aff-money-private.h"
#include "aff-hazard.h"
#include "aff-resource.h"
#include "aff-planning-private.h"

/* ---- AffHazard ---------------------------------------------------------- */

/**
 * AffHazard:
 *
 * A hazard (aléa) that hits a plan: on a date, caused by someone or
 * something, it delays tasks by some working days, or takes a resource
 * away for a period. [method@Aff.Plan.apply_hazard] records it in the plan
 * and replans; once applied it is a record and no longer changes.
 */
struct _AffHazard
{
  GObject parent_instance;

  char *id;
  GDate date;
  AffHazardCause cause;
  char *description;
  char **task_ids;
  guint delay_days;
  char *resource_id;
  GDate unavailable_from;
  GDate unavailable_to;
  gboolean applied;
};

G_DEFINE_FINAL_TYPE (AffHazard, aff_hazard, G_TYPE_OBJECT)

static void
aff_hazard_finalize (GObject *object)
{
  AffHazard *self = AFF_HAZARD (object);

  g_free (self->id);
  g_free (self->description);
  g_strfreev (self->task_ids);
  g_free (self->resource_id);
  G_OBJECT_CLASS (aff_hazard_parent_class)->finalize (object);
}

static void
aff_hazard_class_init (AffHazardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aff_hazard_finalize;
}

static void
aff_hazard_init (AffHazard *self)
{
  g_date_clear (&self->date, 1);
  g_date_clear (&self->unavailable_from, 1);
  g_date_clear (&self->unavailable_to, 1);
}

/**
 * aff_hazard_new:
 * @id: the hazard's id, unique in its plan
 * @date: the day it happened
 * @cause: who or what caused it
 * @description: what happened
 *
 * Creates a hazard; say what it does with
 * [method@Aff.Hazard.set_task_ids] and [method@Aff.Hazard.set_delay_days],
 * or [method@Aff.Hazard.set_resource_unavailable].
 *
 * Returns: (transfer full): a new hazard
 */
AffHazard *
aff_hazard_new (const char     *id,
                const GDate    *date,
                AffHazardCause  cause,
                const char     *description)
{
  AffHazard *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  self = g_object_new (AFF_TYPE_HAZARD, NULL);
  self->id = g_strdup (id);
  self->date = *date;
  self->cause = cause;
  self->description = g_strdup (description);
  return self;
}

/**
 * aff_hazard_get_id:
 * @self: a hazard
 *
 * Gets the hazard's id.
 *
 * Returns: the id
 */
const char *
aff_hazard_get_id (AffHazard *self)
{
  g_return_val_if_fail (AFF_IS_HAZARD (self), NULL);
  return self->id;
}

/**
 * aff_hazard_get_date:
 * @self: a hazard
 *
 * Gets the day the hazard happened.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_hazard_get_date (AffHazard *self)
{
  g_return_val_if_fail (AFF_IS_HAZARD (self), NULL);
  return &self->date;
}

/**
 * aff_hazard_get_cause:
 * @self: a hazard
 *
 * Gets who or what caused the hazard.
 *
 * Returns: the cause
 */
AffHazardCause
aff_hazard_get_cause (AffHazard *self)
{
  g_return_val_if_fail (AFF_IS_HAZARD (self), AFF_HAZARD_CAUSE_INTERNAL);
  return self->cause;
}

/**
 * aff_hazard_get_description:
 * @self: a hazard
 *
 * Gets what happened.
 *
 * Returns: (nullable): the description
 */
const char *
aff_hazard_get_description (AffHazard *self)
{
  g_return_val_if_fail (AFF_IS_HAZARD (self), NULL);
  return self->description;
}

/**
 * aff_hazard_get_task_ids:
 * @self: a hazard
 *
 * Gets the ids of the tasks the hazard delays.
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the ids
 */
const char *const *
aff_hazard_get_task_ids (AffHazard *self)
{
  g_return_val_if_fail (AFF_IS_HAZARD (self), NULL);
  return (const char *const *) self->task_ids;
}

/**
 * aff_hazard_set_task_ids:
 * @self: a hazard not applied yet
 * @task_ids: (nullable) (array zero-terminated=1): the ids of the tasks
 *   it delays
 *
 * Sets the tasks the hazard delays by [method@Aff.Hazard.get_delay_days]
 * each.
 */
void
aff_hazard_set_task_ids (AffHazard         *self,
                         const char *const *task_ids)
{
  g_return_if_fail (AFF_IS_HAZARD (self));
  g_return_if_fail (!self->applied);
  g_strfreev (self->task_ids);
  self->task_ids = task_ids != NULL && task_ids[0] != NULL ? g_strdupv ((char **) task_ids) : NULL;
}

/**
 * aff_hazard_get_delay_days:
 * @self: a hazard
 *
 * Gets the working days the hazard adds to each of its tasks.
 *
 * Returns: working days
 */
guint
aff_hazard_get_delay_days (AffHazard *self)
{
  g_return_val_if_fail (AFF_IS_HAZARD (self), 0);
  return self->delay_days;
}

/**
 * aff_hazard_set_delay_days:
 * @self: a hazard not applied yet
 * @days: working days, at most 10 000
 *
 * Sets the working days the hazard adds to each of its tasks: three days
 * of storm stop the work for three days.
 */
void
aff_hazard_set_delay_days (AffHazard *self,
                           guint      days)
{
  g_return_if_fail (AFF_IS_HAZARD (self));
  g_return_if_fail (!self->applied);
  g_return_if_fail (days <= 10000);
  self->delay_days = days;
}

/**
 * aff_hazard_get_resource_id:
 * @self: a hazard
 *
 * Gets the resource the hazard takes away.
 *
 * Returns: (nullable): the resource's id, or %NULL
 */
const char *
aff_hazard_get_resource_id (AffHazard *self)
{
  g_return_val_if_fail (AFF_IS_HAZARD (self), NULL);
  return self->resource_id;
}

/**
 * aff_hazard_get_unavailable_from:
 * @self: a hazard
 *
 * Gets the first day the resource is away.
 *
 * Returns: (transfer none) (nullable): the day, or %NULL
 */
const GDate *
aff_hazard_get_unavailable_from (AffHazard *self)
{
  g_return_val_if_fail (AFF_IS_HAZARD (self), NULL);
  return g_date_valid (&self->unavailable_from) ? &self->unavailable_from : NULL;
}

/**
 * aff_hazard_get_unavailable_to:
 * @self: a hazard
 *
 * Gets the last day the resource is away.
 *
 * Returns: (transfer none) (nullable): the day, or %NULL
 */
const GDate *
aff_hazard_get_unavailable_to (AffHazard *self)
{
  g_return_val_if_fail (AFF_IS_HAZARD (self), NULL);
  return g_date_valid (&self->unavailable_to) ? &self->unavailable_to : NULL;
}

/**
 * aff_hazard_set_resource_unavailable:
 * @self: a hazard not applied yet
 * @resource_id: (nullable): the resource taken away, or %NULL for none
 * @from: (nullable): the first day it is away
 * @to: (nullable): the last day, inclusive
 *
 * Makes the hazard take a resource away for a period (an illness, a crane
 * broken down): the resource's calendar gets the days off, and its tasks
 * in the period wait for it.
 */
void
aff_hazard_set_resource_unavailable (AffHazard   *self,
                                     const char  *resource_id,
                                     const GDate *from,
                                     const GDate *to)
{
  g_return_if_fail (AFF_IS_HAZARD (self));
  g_return_if_fail (!self->applied);
  g_return_if_fail (resource_id == NULL || (from != NULL && g_date_valid (from) && to != NULL && g_date_valid (to)));

  g_free (self->resource_id);
  self->resource_id = g_strdup (resource_id);
  g_date_clear (&self->unavailable_from, 1);
  g_date_clear (&self->unavailable_to, 1);
  if (resource_id != NULL)
    {
      self->unavailable_from = *from;
      self->unavailable_to = *to;
    }
}

/**
 * aff_hazard_is_applied:
 * @self: a hazard
 *
 * Tells whether the hazard was applied to a plan, after which it no longer
 * changes.
 *
 * Returns: whether it was applied
 */
gboolean
aff_hazard_is_applied (AffHazard *self)
{
  g_return_val_if_fail (AFF_IS_HAZARD (self), FALSE);
  return self->applied;
}

/* ---- AffPartyTasks ------------------------------------------------------ */

/**
 * AffPartyTasks:
 *
 * One party of a plan (an internal team, the client, a subcontractor, a
 * supplier, an inspection body) and its tasks, by start: what it does when,
 * or what it must be told about.
 */
struct _AffPartyTasks
{
  AffParty party;
  char *name;
  GPtrArray *task_ids;          /* NULL-terminated */
};

static AffPartyTasks *
party_tasks_new (AffParty    party,
                 const char *name)
{
  AffPartyTasks *self = g_new0 (AffPartyTasks, 1);

  self->party = party;
  self->name = g_strdup (name);
  self->task_ids = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  return self;
}

/**
 * aff_party_tasks_copy:
 * @self: a party's tasks
 *
 * Copies a party's tasks.
 *
 * Returns: (transfer full): a copy
 */
AffPartyTasks *
aff_party_tasks_copy (const AffPartyTasks *self)
{
  AffPartyTasks *copy;
  guint i;

  g_return_val_if_fail (self != NULL, NULL);
  copy = party_tasks_new (self->party, self->name);
  for (i = 0; i < self->task_ids->len; i++)
    g_ptr_array_add (copy->task_ids, g_strdup (g_ptr_array_index (self->task_ids, i)));
  return copy;
}

/**
 * aff_party_tasks_free:
 * @self: (nullable): a party's tasks
 *
 * Frees a party's tasks.
 */
void
aff_party_tasks_free (AffPartyTasks *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_ptr_array_unref (self->task_ids);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffPartyTasks, aff_party_tasks, aff_party_tasks_copy, aff_party_tasks_free)

/**
 * aff_party_tasks_get_party:
 * @self: a party's tasks
 *
 * Gets what the party is.
 *
 * Returns: the party
 */
AffParty
aff_party_tasks_get_party (const AffPartyTasks *self)
{
  g_return_val_if_fail (self != NULL, AFF_PARTY_INTERNAL);
  return self->party;
}

/**
 * aff_party_tasks_get_name:
 * @self: a party's tasks
 *
 * Gets the party's name: the team, the company or the body.
 *
 * Returns: (nullable): the name, or %NULL when the tasks name none
 */
const char *
aff_party_tasks_get_name (const AffPartyTasks *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

/**
 * aff_party_tasks_get_task_ids:
 * @self: a party's tasks
 *
 * Gets the party's tasks, by early start.
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids
 */
const char *const *
aff_party_tasks_get_task_ids (const AffPartyTasks *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char *const *) self->task_ids->pdata;
}

static AffPartyTasks *
find_party (GPtrArray  *parties,
            AffParty    party,
            const char *name)
{
  guint i;

  for (i = 0; i < parties->len; i++)
    {
      AffPartyTasks *p = g_ptr_array_index (parties, i);

      if (p->party == party && g_strcmp0 (p->name, name) == 0)
        return p;
    }
  return NULL;
}

static void
add_party_task (GPtrArray *parties,
                AffTask   *task)
{
  AffPartyTasks *p = find_party (parties, aff_task_get_party (task), aff_task_get_party_name (task));

  if (p == NULL)
    {
      p = party_tasks_new (aff_task_get_party (task), aff_task_get_party_name (task));
      g_ptr_array_add (parties, p);
    }
  g_ptr_array_add (p->task_ids, g_strdup (aff_task_get_id (task)));
}

static int
compare_tasks_by_start (gconstpointer a,
                        gconstpointer b)
{
  AffTask *x = *(AffTask **) a, *y = *(AffTask **) b;
  const GDate *dx = aff_task_get_early_start (x), *dy = aff_task_get_early_start (y);

  if (dx == NULL || dy == NULL)
    return (dx == NULL) - (dy == NULL);
  return g_date_compare (dx, dy);
}

static GPtrArray *
tasks_by_start (AffPlan *plan)
{
  GListModel *model = aff_plan_get_tasks (plan);
  guint i, n = g_list_model_get_n_items (model);
  GPtrArray *tasks = g_ptr_array_new_full (n, g_object_unref);

  for (i = 0; i < n; i++)
    g_ptr_array_add (tasks, g_list_model_get_item (model, i));
  g_ptr_array_sort (tasks, compare_tasks_by_start);
  return tasks;
}

static int
compare_parties (gconstpointer a,
                 gconstpointer b)
{
  const AffPartyTasks *x = *(AffPartyTasks **) a, *y = *(AffPartyTasks **) b;

  if (x->party != y->party)
    return (int) x->party - (int) y->party;
  return g_strcmp0 (x->name, y->name);
}

/**
 * aff_plan_list_parties:
 * @self: a plan
 *
 * Lists the parties of the plan and their tasks, by the party's kind then
 * name, each party's tasks by early start: the schedule of interventions of
 * every internal team, subcontractor, supplier, inspection body and of the
 * client.
 *
 * Returns: (transfer container) (element-type AffPartyTasks): the parties
 */
GPtrArray *
aff_plan_list_parties (AffPlan *self)
{
  g_autoptr(GPtrArray) tasks = NULL;
  GPtrArray *parties;
  guint i;

  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);

  tasks = tasks_by_start (self);
  parties = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_party_tasks_free);
  for (i = 0; i < tasks->len; i++)
    add_party_task (parties, g_ptr_array_index (tasks, i));
  g_ptr_array_sort (parties, compare_parties);
  return parties;
}

/* ---- AffHazardImpact ---------------------------------------------------- */

/**
 * AffHazardImpact:
 *
 * What a hazard changed in its plan: the tasks that moved, the milestones
 * that slipped, the plan's finish before and after, whether the contract's
 * end date still holds, the deadlines now missed, and the parties to tell.
 */
struct _AffHazardImpact
{
  GObject parent_instance;

  char *hazard_id;
  GPtrArray *moved;             /* AffSlip */
  GDate finish_before;
  GDate finish_after;
  gboolean contract_end_holds;
  GPtrArray *violations;        /* AffViolation */
  GPtrArray *parties;           /* AffPartyTasks */
};

G_DEFINE_FINAL_TYPE (AffHazardImpact, aff_hazard_impact, G_TYPE_OBJECT)

static void
aff_hazard_impact_finalize (GObject *object)
{
  AffHazardImpact *self = AFF_HAZARD_IMPACT (object);

  g_free (self->hazard_id);
  g_clear_pointer (&self->moved, g_ptr_array_unref);
  g_clear_pointer (&self->violations, g_ptr_array_unref);
  g_clear_pointer (&self->parties, g_ptr_array_unref);
  G_OBJECT_CLASS (aff_hazard_impact_parent_class)->finalize (object);
}

static void
aff_hazard_impact_class_init (AffHazardImpactClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aff_hazard_impact_finalize;
}

static void
aff_hazard_impact_init (AffHazardImpact *self)
{
  g_date_clear (&self->finish_before, 1);
  g_date_clear (&self->finish_after, 1);
}

/**
 * aff_hazard_impact_get_hazard_id:
 * @self: an impact
 *
 * Gets the id of the hazard.
 *
 * Returns: the id
 */
const char *
aff_hazard_impact_get_hazard_id (AffHazardImpact *self)
{
  g_return_val_if_fail (AFF_IS_HAZARD_IMPACT (self), NULL);
  return self->hazard_id;
}

static GPtrArray *
copy_slips (GPtrArray *slips,
            gboolean   milestones_only)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_slip_free);
  guint i;

  for (i = 0; i < slips->len; i++)
    if (!milestones_only || aff_slip_is_milestone (g_ptr_array_index (slips, i)))
      g_ptr_array_add (copy, aff_slip_copy (g_ptr_array_index (slips, i)));
  return copy;
}

static gboolean
has_milestone (GPtrArray *slips)
{
  guint i;

  for (i = 0; i < slips->len; i++)
    if (aff_slip_is_milestone (g_ptr_array_index (slips, i)))
      return TRUE;
  return FALSE;
}

/**
 * aff_hazard_impact_get_moved_tasks:
 * @self: an impact
 *
 * Gets the tasks that moved, in the plan's order.
 *
 * Returns: (transfer container) (element-type AffSlip): the slips
 */
GPtrArray *
aff_hazard_impact_get_moved_tasks (AffHazardImpact *self)
{
  g_return_val_if_fail (AFF_IS_HAZARD_IMPACT (self), NULL);
  return copy_slips (self->moved, FALSE);
}

/**
 * aff_hazard_impact_get_slipped_milestones:
 * @self: an impact
 *
 * Gets the milestones that moved.
 *
 * Returns: (transfer container) (element-type AffSlip): the slips
 */
GPtrArray *
aff_hazard_impact_get_slipped_milestones (AffHazardImpact *self)
{
  g_return_val_if_fail (AFF_IS_HAZARD_IMPACT (self), NULL);
  return copy_slips (self->moved, TRUE);
}

/**
 * aff_hazard_impact_get_finish_before:
 * @self: an impact
 *
 * Gets the plan's finish before the hazard.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_hazard_impact_get_finish_before (AffHazardImpact *self)
{
  g_return_val_if_fail (AFF_IS_HAZARD_IMPACT (self), NULL);
  return &self->finish_before;
}

/**
 * aff_hazard_impact_get_finish_after:
 * @self: an impact
 *
 * Gets the plan's finish after the hazard.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_hazard_impact_get_finish_after (AffHazardImpact *self)
{
  g_return_val_if_fail (AFF_IS_HAZARD_IMPACT (self), NULL);
  return &self->finish_after;
}

/**
 * aff_hazard_impact_get_contract_end_holds:
 * @self: an impact
 *
 * Tells whether the plan still finishes by the contract's end date
 * ([method@Aff.Plan.get_contract_end]); %TRUE when the plan has none.
 *
 * Returns: whether the contractual end date holds
 */
gboolean
aff_hazard_impact_get_contract_end_holds (AffHazardImpact *self)
{
  g_return_val_if_fail (AFF_IS_HAZARD_IMPACT (self), FALSE);
  return self->contract_end_holds;
}

/**
 * aff_hazard_impact_get_violations:
 * @self: an impact
 *
 * Gets the finish-no-later-than constraints the plan misses after the
 * hazard.
 *
 * Returns: (transfer container) (element-type AffViolation): the violations
 */
GPtrArray *
aff_hazard_impact_get_violations (AffHazardImpact *self)
{
  g_return_val_if_fail (AFF_IS_HAZARD_IMPACT (self), NULL);
  /* The copy frees its items as the original does. */
  return g_ptr_array_copy (self->violations, (GCopyFunc) (void (*) (void)) aff_violation_copy, NULL);
}

/**
 * aff_hazard_impact_get_parties_to_notify:
 * @self: an impact
 *
 * Gets who must be told, and about which tasks: the parties of the tasks
 * that moved, and the client whenever a milestone slips or the contract's
 * end date no longer holds.
 *
 * Returns: (transfer container) (element-type AffPartyTasks): the parties
 */
GPtrArray *
aff_hazard_impact_get_parties_to_notify (AffHazardImpact *self)
{
  g_return_val_if_fail (AFF_IS_HAZARD_IMPACT (self), NULL);
  /* The copy frees its items as the original does. */
  return g_ptr_array_copy (self->parties, (GCopyFunc) (void (*) (void)) aff_party_tasks_copy, NULL);
}

/* ---- Applying a hazard -------------------------------------------------- */

/**
 * aff_plan_get_contract_end:
 * @self: a plan
 *
 * Gets the day the contract says the work ends: an affair's plan takes it
 * from the accepted offer's lead time.
 *
 * Returns: (transfer none) (nullable): the day, or %NULL
 */
const GDate *
aff_plan_get_contract_end (AffPlan *self)
{
  GDate *slot;

  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);
  slot = _aff_plan_get_contract_end_slot (self);
  return g_date_valid (slot) ? slot : NULL;
}

/**
 * aff_plan_set_contract_end:
 * @self: a plan
 * @date: (nullable): the day the contract says the work ends, or %NULL
 *
 * Sets the contractual end date hazards are measured against.
 */
void
aff_plan_set_contract_end (AffPlan     *self,
                           const GDate *date)
{
  GDate *slot;
  JsonObject *details;

  g_return_if_fail (AFF_IS_PLAN (self));
  g_return_if_fail (date == NULL || g_date_valid (date));
  g_return_if_fail (!_aff_plan_get_track (self)->closed);

  slot = _aff_plan_get_contract_end_slot (self);
  if (date == NULL ? !g_date_valid (slot) : g_date_valid (slot) && g_date_compare (slot, date) == 0)
    return;
  details = json_object_new ();
  if (date == NULL)
    {
      g_date_clear (slot, 1);
      json_object_set_null_member (details, "contract_end");
    }
  else
    {
      g_autofree char *iso = aff_date_to_iso (date);

      *slot = *date;
      json_object_set_string_member (details, "contract_end", iso);
    }
  _aff_track_record (_aff_plan_get_track (self), "plan-contract-end-set", details);
}

/**
 * aff_plan_get_hazards:
 * @self: a plan
 *
 * Gets the hazards applied to the plan, in the order they were.
 *
 * Returns: (transfer none): the hazards
 */
GListModel *
aff_plan_get_hazards (AffPlan *self)
{
  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);
  return G_LIST_MODEL (_aff_plan_get_hazard_store (self));
}

static gboolean
check_hazard (AffPlan    *self,
              AffHazard  *hazard,
              GError    **error)
{
  GListModel *hazards = aff_plan_get_hazards (self);
  guint i, n = g_list_model_get_n_items (hazards);

  if (hazard->applied)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                   _("The hazard “%s” was already applied"), hazard->id);
      return FALSE;
    }
  if (!_aff_id_is_valid (hazard->id))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("The hazard id “%s” is not 1 to 64 bytes without spaces"), hazard->id);
      return FALSE;
    }
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffHazard) other = g_list_model_get_item (hazards, i);

      if (strcmp (other->id, hazard->id) == 0)
        {
          g_set_error (error, AFF_ERROR, AFF_ERROR_DUPLICATE_ID,
                       _("The plan already has a hazard “%s”"), hazard->id);
          return FALSE;
        }
    }
  for (i = 0; hazard->task_ids != NULL && hazard->task_ids[i] != NULL; i++)
    if (aff_plan_lookup_task (self, hazard->task_ids[i]) == NULL)
      {
        g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND,
                     _("The hazard “%s” names the task “%s”, which the plan does not have"),
                     hazard->id, hazard->task_ids[i]);
        return FALSE;
      }
  if (hazard->resource_id != NULL && aff_plan_lookup_resource (self, hazard->resource_id) == NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND,
                   _("The hazard “%s” names the resource “%s”, which the plan does not have"),
                   hazard->id, hazard->resource_id);
      return FALSE;
    }
  if (hazard->resource_id != NULL && g_date_compare (&hazard->unavailable_to, &hazard->unavailable_from) < 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("The hazard “%s” ends the resource’s absence before it starts"), hazard->id);
      return FALSE;
    }
  if ((hazard->task_ids == NULL || hazard->delay_days == 0) && hazard->resource_id == NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("The hazard “%s” delays no task and takes no resource away"), hazard->id);
      return FALSE;
    }
  return TRUE;
}

/* The working days a resource's absence takes from each of its tasks: the
 * days of the absence within the task's scheduled days. */
static void
absence_delays (AffPlan    *self,
                AffHazard  *hazard,
                GHashTable *delays)
{
  g_autoptr(GPtrArray) assignments = aff_plan_get_assignments (self);
  AffCalendar *calendar = aff_plan_get_calendar (self);
  guint i;

  for (i = 0; i < assignments->len; i++)
    {
      AffAssignment *a = g_ptr_array_index (assignments, i);
      AffTask *task = aff_plan_lookup_task (self, aff_assignment_get_task_id (a));
      const GDate *start, *finish;
      GDate from, to;
      guint days;

      if (strcmp (aff_assignment_get_resource_id (a), hazard->resource_id) != 0 ||
          (start = aff_task_get_early_start (task)) == NULL ||
          (finish = aff_task_get_early_finish (task)) == NULL)
        continue;
      from = g_date_compare (start, &hazard->unavailable_from) > 0 ? *start : hazard->unavailable_from;
      to = g_date_compare (finish, &hazard->unavailable_to) < 0 ? *finish : hazard->unavailable_to;
      days = aff_calendar_count_working_days (calendar, &from, &to);
      if (days > 0)
        g_hash_table_insert (delays, (gpointer) aff_task_get_id (task),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (delays, aff_task_get_id (task))) + days));
    }
}

/* Adds the hazard's delays to its tasks (or takes them back with @sign
 * -1), quietly for a trial or through the setters, which journal. */
static void
set_delays (AffPlan    *self,
            GHashTable *delays,
            int         sign,
            gboolean    quietly)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, delays);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      AffTask *task = aff_plan_lookup_task (self, key);
      gint64 delay = (gint64) aff_task_get_hazard_delay (task) + sign * (gint64) GPOINTER_TO_UINT (value);
      guint days = (guint) CLAMP (delay, 0, 100000);

      if (quietly)
        _aff_task_set_hazard_delay_quietly (task, days);
      else
        aff_task_set_hazard_delay (task, days);
    }
}

static JsonObject *
hazard_details (AffHazard       *hazard,
                AffHazardImpact *impact)
{
  JsonObject *details = json_object_new ();
  g_autofree char *date = aff_date_to_iso (&hazard->date);
  g_autofree char *before = aff_date_to_iso (&impact->finish_before);
  g_autofree char *after = aff_date_to_iso (&impact->finish_after);
  JsonArray *moved = json_array_new ();
  guint i;

  json_object_set_string_member (details, "hazard", hazard->id);
  json_object_set_string_member (details, "date", date);
  json_object_set_string_member (details, "cause", aff_enum_to_nick (AFF_TYPE_HAZARD_CAUSE, hazard->cause));
  for (i = 0; i < impact->moved->len; i++)
    json_array_add_string_element (moved, aff_slip_get_task_id (g_ptr_array_index (impact->moved, i)));
  json_object_set_array_member (details, "moved", moved);
  json_object_set_string_member (details, "finish_before", before);
  json_object_set_string_member (details, "finish_after", after);
  json_object_set_boolean_member (details, "contract_end_holds", impact->contract_end_holds);
  return details;
}

/**
 * aff_plan_apply_hazard:
 * @self: a plan
 * @hazard: a hazard not applied yet
 * @error: return location for a #GError
 *
 * Applies a hazard: each of its tasks gets its delay added to its
 * [property@Aff.Task:hazard-delay]; when it takes a resource away, the
 * resource's calendar (a copy of the plan's if it had none) gets the days
 * off, and each task of the resource scheduled in the period waits for the
 * working days of the absence within its span. The plan is scheduled again
 * and the hazard is recorded in the plan, journaled in an affair's plan
 * with what moved.
 *
 * Returns: (transfer full): what changed, or %NULL if the hazard names what
 *   the plan does not have, does nothing, was applied already, or the plan
 *   cannot be scheduled; nothing is changed then
 */
AffHazardImpact *
aff_plan_apply_hazard (AffPlan    *self,
                       AffHazard  *hazard,
                       GError    **error)
{
  g_autoptr(AffHazardImpact) impact = NULL;
  g_autoptr(AffPlanSnapshot) before = NULL;
  g_autoptr(GHashTable) delays = NULL;
  g_autoptr(AffCalendar) old_calendar = NULL;
  g_autoptr(AffCalendar) new_calendar = NULL;
  AffResource *resource = NULL;
  const GDate *contract_end;
  gboolean client_told = FALSE;
  guint i;

  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);
  g_return_val_if_fail (AFF_IS_HAZARD (hazard), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_aff_track_check_open (_aff_plan_get_track (self), error))
    return NULL;

  if (!check_hazard (self, hazard, error) || !aff_plan_schedule (self, error))
    return NULL;
  impact = g_object_new (AFF_TYPE_HAZARD_IMPACT, NULL);
  impact->hazard_id = g_strdup (hazard->id);
  impact->finish_before = *aff_plan_get_finish (self);
  before = _aff_plan_snapshot (self);

  delays = g_hash_table_new (g_str_hash, g_str_equal);
  for (i = 0; hazard->task_ids != NULL && hazard->task_ids[i] != NULL && hazard->delay_days > 0; i++)
    {
      AffTask *task = aff_plan_lookup_task (self, hazard->task_ids[i]);

      g_hash_table_insert (delays, (gpointer) aff_task_get_id (task),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (delays, aff_task_get_id (task))) +
                                             hazard->delay_days));
    }
  if (hazard->resource_id != NULL)
    {
      absence_delays (self, hazard, delays);
      resource = aff_plan_lookup_resource (self, hazard->resource_id);
      old_calendar = aff_resource_get_calendar (resource) != NULL ? g_object_ref (aff_resource_get_calendar (resource)) : NULL;
      new_calendar = aff_calendar_copy (old_calendar != NULL ? old_calendar : aff_plan_get_calendar (self));
      if (!aff_calendar_add_exception (new_calendar, &hazard->unavailable_from, &hazard->unavailable_to, FALSE,
                                       hazard->description, error))
        return NULL;
    }
  /* A trial first, quietly: if the plan cannot be scheduled with the
   * hazard, it is put back as it was and the journal has nothing to say. */
  set_delays (self, delays, +1, TRUE);
  if (!aff_plan_schedule (self, error))
    {
      set_delays (self, delays, -1, TRUE);
      aff_plan_schedule (self, NULL);
      return NULL;
    }
  set_delays (self, delays, -1, TRUE);
  set_delays (self, delays, +1, FALSE);
  if (resource != NULL)
    aff_resource_set_calendar (resource, new_calendar);
  /* The same inputs as the trial's: this cannot fail. */
  aff_plan_schedule (self, NULL);

  impact->moved = _aff_plan_compare_snapshot (self, before);
  impact->finish_after = *aff_plan_get_finish (self);
  contract_end = aff_plan_get_contract_end (self);
  impact->contract_end_holds = contract_end == NULL || g_date_compare (&impact->finish_after, contract_end) <= 0;
  impact->violations = aff_plan_get_violations (self);
  impact->parties = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_party_tasks_free);
  for (i = 0; i < impact->moved->len; i++)
    {
      AffSlip *slip = g_ptr_array_index (impact->moved, i);
      AffTask *task = aff_plan_lookup_task (self, aff_slip_get_task_id (slip));

      add_party_task (impact->parties, task);
      client_told |= aff_task_get_party (task) == AFF_PARTY_CLIENT;
    }
  if (!client_told && (!impact->contract_end_holds || has_milestone (impact->moved)))
    {
      AffPartyTasks *client = party_tasks_new (AFF_PARTY_CLIENT, NULL);

      for (i = 0; i < impact->moved->len; i++)
        if (aff_slip_is_milestone (g_ptr_array_index (impact->moved, i)))
          g_ptr_array_add (client->task_ids, g_strdup (aff_slip_get_task_id (g_ptr_array_index (impact->moved, i))));
      g_ptr_array_add (impact->parties, client);
    }
  g_ptr_array_sort (impact->parties, compare_parties);

  hazard->applied = TRUE;
  g_list_store_append (_aff_plan_get_hazard_store (self), hazard);
  _aff_track_record (_aff_plan_get_track (self), "hazard-applied", hazard_details (hazard, impact));
  return g_steal_pointer (&impact);
}

/* ---- The document ------------------------------------------------------- */

void
_aff_hazard_to_json (AffHazard   *self,
                     JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  aff_json_add_string (builder, "id", self->id);
  aff_json_add_date (builder, "date", &self->date);
  aff_json_add_enum (builder, "cause", AFF_TYPE_HAZARD_CAUSE, self->cause);
  aff_json_add_string (builder, "description", self->description);
  if (self->task_ids != NULL)
    aff_json_add_strv (builder, "task_ids", (const char *const *) self->task_ids);
  if (self->delay_days > 0)
    aff_json_add_int (builder, "delay_days", self->delay_days);
  aff_json_add_string (builder, "resource", self->resource_id);
  aff_json_add_date (builder, "unavailable_from", &self->unavailable_from);
  aff_json_add_date (builder, "unavailable_to", &self->unavailable_to);
  json_builder_end_object (builder);
}

AffHazard *
_aff_hazard_from_json (AffJsonReader *reader,
                       JsonNode      *node,
                       GError       **error)
{
  static const char *const members[] = { "id", "date", "cause", "description", "task_ids", "delay_days",
                                         "resource", "unavailable_from", "unavailable_to", NULL };
  g_autoptr(AffHazard) self = g_object_new (AFF_TYPE_HAZARD, NULL);
  JsonObject *object;
  gint64 delay = 0;
  int cause = 0;

  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "id", TRUE, &self->id, error) ||
      !aff_json_get_date (reader, object, "date", TRUE, &self->date, error) ||
      !aff_json_get_enum (reader, object, "cause", TRUE, AFF_TYPE_HAZARD_CAUSE, &cause, error) ||
      !aff_json_get_string (reader, object, "description", FALSE, &self->description, error) ||
      !aff_json_get_strv (reader, object, "task_ids", &self->task_ids, error) ||
      !aff_json_get_int (reader, object, "delay_days", FALSE, 0, 10000, &delay, error) ||
      !aff_json_get_string (reader, object, "resource", FALSE, &self->resource_id, error) ||
      !aff_json_get_date (reader, object, "unavailable_from", self->resource_id != NULL,
                          &self->unavailable_from, error) ||
      !aff_json_get_date (reader, object, "unavailable_to", self->resource_id != NULL,
                          &self->unavailable_to, error))
    return NULL;
  if (!_aff_id_is_valid (self->id))
    return aff_json_reader_fail_at (reader, "id", error, _("expected an id of 1 to 64 bytes without spaces")), NULL;
  if (self->resource_id == NULL && g_date_valid (&self->unavailable_from))
    return aff_json_reader_fail_at (reader, "unavailable_from", error, _("expected only with “resource”")), NULL;
  if (self->resource_id == NULL && g_date_valid (&self->unavailable_to))
    return aff_json_reader_fail_at (reader, "unavailable_to", error, _("expected only with “resource”")), NULL;
  if (self->resource_id != NULL && !_aff_id_is_valid (self->resource_id))
    return aff_json_reader_fail_at (reader, "resource", error, _("expected a resource's id")), NULL;
  if (self->resource_id != NULL && g_date_compare (&self->unavailable_to, &self->unavailable_from) < 0)
    return aff_json_reader_fail_at (reader, "unavailable_to", error,
                                    _("expected a day no earlier than “unavailable_from”")), NULL;
  if (self->task_ids != NULL && self->task_ids[0] == NULL)
    g_clear_pointer (&self->task_ids, g_strfreev);
  self->cause = cause;
  self->delay_days = (guint) delay;
  self->applied = TRUE;
  return g_steal_pointer (&self);
}
