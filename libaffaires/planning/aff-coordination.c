/* aff-coordination.c: inspections, co-activity, purchases, work packages, roles
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What the responsable d'affaires reads off the schedule to coordinate the
 * parties: all of it is computed from the plan's public face, on its last
 * schedule.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-enum-types.h"
#include "aff-money-private.h"
#include "aff-coordination.h"
#include "aff-planning-private.h"

static void
set_date (GDate       *slot,
          const GDate *date)
{
  g_date_clear (slot, 1);
  if (date != NULL)
    *slot = *date;
}

static gboolean
check_scheduled (AffPlan     *self,
                 const char  *what,
                 GError     **error)
{
  if (aff_plan_is_scheduled (self))
    return TRUE;
  g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
               _("The plan must be scheduled, and up to date, before its %s are listed"), what);
  return FALSE;
}

/* Working days from @from to @to, negative when @to is earlier. */
static int
working_days_between (AffCalendar *calendar,
                      const GDate *from,
                      const GDate *to)
{
  if (g_date_compare (to, from) >= 0)
    return (int) aff_calendar_count_working_days (calendar, from, to) -
           aff_calendar_is_working_day (calendar, from);
  return -((int) aff_calendar_count_working_days (calendar, to, from) - aff_calendar_is_working_day (calendar, to));
}

static GPtrArray *
all_tasks (AffPlan *self)
{
  GListModel *model = aff_plan_get_tasks (self);
  guint i, n = g_list_model_get_n_items (model);
  GPtrArray *tasks = g_ptr_array_new_full (n, g_object_unref);

  for (i = 0; i < n; i++)
    g_ptr_array_add (tasks, g_list_model_get_item (model, i));
  return tasks;
}

/* ---- Inspections -------------------------------------------------------- */

/**
 * AffInspectionIssue:
 *
 * Something wrong with an inspection of the plan: a report overdue or late,
 * an inspection planned too late for the task that needs its report, or a
 * body or a regulatory basis missing.
 */
struct _AffInspectionIssue
{
  char *task_id;
  AffInspectionIssueKind kind;
  GDate due;
  int days;
  char *required_for;
};

/**
 * aff_inspection_issue_copy:
 * @self: an issue
 *
 * Copies an issue.
 *
 * Returns: (transfer full): a copy
 */
AffInspectionIssue *
aff_inspection_issue_copy (const AffInspectionIssue *self)
{
  AffInspectionIssue *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_memdup2 (self, sizeof *self);
  copy->task_id = g_strdup (self->task_id);
  copy->required_for = g_strdup (self->required_for);
  return copy;
}

/**
 * aff_inspection_issue_free:
 * @self: (nullable): an issue
 *
 * Frees an issue.
 */
void
aff_inspection_issue_free (AffInspectionIssue *self)
{
  if (self == NULL)
    return;
  g_free (self->task_id);
  g_free (self->required_for);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffInspectionIssue, aff_inspection_issue, aff_inspection_issue_copy, aff_inspection_issue_free)

/**
 * aff_inspection_issue_get_task_id:
 * @self: an issue
 *
 * Gets the inspection's id.
 *
 * Returns: the id
 */
const char *
aff_inspection_issue_get_task_id (const AffInspectionIssue *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->task_id;
}

/**
 * aff_inspection_issue_get_kind:
 * @self: an issue
 *
 * Gets what is wrong.
 *
 * Returns: the kind
 */
AffInspectionIssueKind
aff_inspection_issue_get_kind (const AffInspectionIssue *self)
{
  g_return_val_if_fail (self != NULL, AFF_INSPECTION_ISSUE_KIND_NO_BODY);
  return self->kind;
}

/**
 * aff_inspection_issue_get_due:
 * @self: an issue
 *
 * Gets the day the report is due: the inspection's finish plus the working
 * days the body has.
 *
 * Returns: (transfer none) (nullable): the day, or %NULL for a missing body
 *   or basis
 */
const GDate *
aff_inspection_issue_get_due (const AffInspectionIssue *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_date_valid (&self->due) ? &self->due : NULL;
}

/**
 * aff_inspection_issue_get_days:
 * @self: an issue
 *
 * Gets how many working days the report is overdue or late, or, for an
 * inspection planned too late, by how many working days its report misses
 * the start of the task that needs it (0 when it is due that very day).
 *
 * Returns: working days
 */
int
aff_inspection_issue_get_days (const AffInspectionIssue *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->days;
}

/**
 * aff_inspection_issue_get_required_for:
 * @self: an issue
 *
 * Gets the task that needs the report.
 *
 * Returns: (nullable): its id, or %NULL
 */
const char *
aff_inspection_issue_get_required_for (const AffInspectionIssue *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->required_for;
}

static void
add_issue (GPtrArray              *issues,
           AffTask                *task,
           AffInspectionIssueKind  kind,
           const GDate            *due,
           int                     days)
{
  AffInspectionIssue *issue = g_new0 (AffInspectionIssue, 1);

  issue->task_id = g_strdup (aff_task_get_id (task));
  issue->kind = kind;
  set_date (&issue->due, due);
  issue->days = days;
  issue->required_for = g_strdup (aff_task_get_required_for (task));
  g_ptr_array_add (issues, issue);
}

/**
 * aff_plan_check_inspections:
 * @self: a plan
 * @date: the day of the check
 * @error: return location for a #GError
 *
 * Checks the inspections of the plan (tasks of kind
 * %AFF_TASK_KIND_INSPECTION) on the last schedule: each must name its
 * accredited body ([property@Aff.Task:party-name]) and its regulatory
 * basis; its report is due [property@Aff.Task:report-days] working days
 * after it finishes (actually, or at its early finish) and must be received
 * by then; and it must be planned so that its report is due before the
 * task that needs it ([property@Aff.Task:required-for]) starts.
 *
 * Returns: (transfer container) (element-type AffInspectionIssue): the
 *   issues, in the plan's order, or %NULL if the plan is not scheduled or
 *   an inspection is required for a task the plan does not have
 */
GPtrArray *
aff_plan_check_inspections (AffPlan      *self,
                            const GDate  *date,
                            GError      **error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  AffCalendar *calendar;
  guint i;

  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_scheduled (self, _("inspections"), error))
    return NULL;
  calendar = aff_plan_get_calendar (self);
  tasks = all_tasks (self);
  issues = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_inspection_issue_free);
  for (i = 0; i < tasks->len; i++)
    {
      AffTask *task = g_ptr_array_index (tasks, i);
      const GDate *finish = aff_task_get_actual_finish (task);
      const GDate *received = aff_task_get_report_received (task);
      const char *needs = aff_task_get_required_for (task);
      g_autoptr(GDate) due = NULL;

      if (aff_task_get_kind (task) != AFF_TASK_KIND_INSPECTION)
        continue;
      if (aff_task_get_party_name (task) == NULL)
        add_issue (issues, task, AFF_INSPECTION_ISSUE_KIND_NO_BODY, NULL, 0);
      if (aff_task_get_regulatory_basis (task) == NULL)
        add_issue (issues, task, AFF_INSPECTION_ISSUE_KIND_NO_BASIS, NULL, 0);
      if (finish == NULL)
        finish = aff_task_get_early_finish (task);
      if ((due = aff_calendar_add_working_days (calendar, finish, (int) aff_task_get_report_days (task), error)) == NULL)
        return NULL;
      if (received != NULL && g_date_compare (received, due) > 0)
        add_issue (issues, task, AFF_INSPECTION_ISSUE_KIND_REPORT_LATE, due,
                   working_days_between (calendar, due, received));
      else if (received == NULL && g_date_compare (date, due) > 0)
        add_issue (issues, task, AFF_INSPECTION_ISSUE_KIND_REPORT_OVERDUE, due,
                   working_days_between (calendar, due, date));
      if (needs != NULL)
        {
          AffTask *needing = aff_plan_lookup_task (self, needs);
          const GDate *start;

          if (needing == NULL)
            {
              g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND,
                           _("The inspection “%s” is required for “%s”, which the plan does not have"),
                           aff_task_get_id (task), needs);
              return NULL;
            }
          start = aff_task_get_actual_start (needing) != NULL ? aff_task_get_actual_start (needing)
                                                               : aff_task_get_early_start (needing);
          if (g_date_compare (due, start) >= 0)
            add_issue (issues, task, AFF_INSPECTION_ISSUE_KIND_TOO_LATE, due,
                       working_days_between (calendar, start, due));
        }
    }
  return g_steal_pointer (&issues);
}

/* ---- Co-activity -------------------------------------------------------- */

/**
 * AffCoactivity:
 *
 * Two tasks of different parties in the same zone of the site on the same
 * days: a co-activity the prevention plan must deal with.
 */
struct _AffCoactivity
{
  char *zone;
  GDate from, to;
  char *first;
  char *second;
};

/**
 * aff_coactivity_copy:
 * @self: a co-activity
 *
 * Copies a co-activity.
 *
 * Returns: (transfer full): a copy
 */
AffCoactivity *
aff_coactivity_copy (const AffCoactivity *self)
{
  AffCoactivity *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_memdup2 (self, sizeof *self);
  copy->zone = g_strdup (self->zone);
  copy->first = g_strdup (self->first);
  copy->second = g_strdup (self->second);
  return copy;
}

/**
 * aff_coactivity_free:
 * @self: (nullable): a co-activity
 *
 * Frees a co-activity.
 */
void
aff_coactivity_free (AffCoactivity *self)
{
  if (self == NULL)
    return;
  g_free (self->zone);
  g_free (self->first);
  g_free (self->second);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffCoactivity, aff_coactivity, aff_coactivity_copy, aff_coactivity_free)

/**
 * aff_coactivity_get_zone:
 * @self: a co-activity
 *
 * Gets the zone.
 *
 * Returns: the zone
 */
const char *
aff_coactivity_get_zone (const AffCoactivity *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->zone;
}

/**
 * aff_coactivity_get_from:
 * @self: a co-activity
 *
 * Gets the first day both tasks are in the zone.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_coactivity_get_from (const AffCoactivity *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->from;
}

/**
 * aff_coactivity_get_to:
 * @self: a co-activity
 *
 * Gets the last day both tasks are in the zone.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_coactivity_get_to (const AffCoactivity *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->to;
}

/**
 * aff_coactivity_get_first_task_id:
 * @self: a co-activity
 *
 * Gets the task that comes first in the plan.
 *
 * Returns: its id
 */
const char *
aff_coactivity_get_first_task_id (const AffCoactivity *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->first;
}

/**
 * aff_coactivity_get_second_task_id:
 * @self: a co-activity
 *
 * Gets the other task.
 *
 * Returns: its id
 */
const char *
aff_coactivity_get_second_task_id (const AffCoactivity *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->second;
}

static gboolean
same_party (AffTask *a,
            AffTask *b)
{
  return aff_task_get_party (a) == aff_task_get_party (b) &&
         g_strcmp0 (aff_task_get_party_name (a), aff_task_get_party_name (b)) == 0;
}

static int
compare_coactivities (gconstpointer a,
                      gconstpointer b)
{
  const AffCoactivity *x = *(AffCoactivity **) a, *y = *(AffCoactivity **) b;
  int c = g_date_compare (&x->from, &y->from);

  return c != 0 ? c : strcmp (x->zone, y->zone);
}

/**
 * aff_plan_list_coactivities:
 * @self: a plan
 * @error: return location for a #GError
 *
 * Lists, on the last schedule, the pairs of tasks of different parties
 * (kind, or name) in the same zone whose days overlap, by the first day
 * they share. Milestones take no one on the site and are left out.
 *
 * Returns: (transfer container) (element-type AffCoactivity): the
 *   co-activities, or %NULL if the plan is not scheduled
 */
GPtrArray *
aff_plan_list_coactivities (AffPlan  *self,
                            GError  **error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  GPtrArray *list;
  guint i, j;

  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_scheduled (self, _("co-activities"), error))
    return NULL;
  tasks = all_tasks (self);
  for (i = tasks->len; i > 0; i--)
    {
      AffTask *task = g_ptr_array_index (tasks, i - 1);

      if (aff_task_get_zone (task) == NULL || aff_task_get_kind (task) == AFF_TASK_KIND_MILESTONE)
        g_ptr_array_remove_index (tasks, i - 1);
    }
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_coactivity_free);
  for (i = 0; i < tasks->len; i++)
    for (j = i + 1; j < tasks->len; j++)
      {
        AffTask *a = g_ptr_array_index (tasks, i), *b = g_ptr_array_index (tasks, j);
        const GDate *as = aff_task_get_early_start (a), *af = aff_task_get_early_finish (a);
        const GDate *bs = aff_task_get_early_start (b), *bf = aff_task_get_early_finish (b);
        AffCoactivity *c;

        if (strcmp (aff_task_get_zone (a), aff_task_get_zone (b)) != 0 || same_party (a, b) ||
            g_date_compare (as, bf) > 0 || g_date_compare (bs, af) > 0)
          continue;
        c = g_new0 (AffCoactivity, 1);
        c->zone = g_strdup (aff_task_get_zone (a));
        c->from = g_date_compare (as, bs) > 0 ? *as : *bs;
        c->to = g_date_compare (af, bf) < 0 ? *af : *bf;
        c->first = g_strdup (aff_task_get_id (a));
        c->second = g_strdup (aff_task_get_id (b));
        g_ptr_array_add (list, c);
      }
  g_ptr_array_sort (list, compare_coactivities);
  return list;
}

/* ---- Purchases ---------------------------------------------------------- */

/**
 * AffPurchase:
 *
 * A purchase of the plan (a task of kind %AFF_TASK_KIND_PURCHASE, whose
 * duration is the supplier's lead time from order to delivery) and its
 * dates: the earliest it can be ordered, the latest it must be ordered not
 * to delay the plan, and the day the delivery is needed by.
 */
struct _AffPurchase
{
  char *task_id;
  char *supplier;
  guint lead_time;
  GDate earliest_order, order_by, needed_by;
  gboolean ordered;
};

/**
 * aff_purchase_copy:
 * @self: a purchase
 *
 * Copies a purchase.
 *
 * Returns: (transfer full): a copy
 */
AffPurchase *
aff_purchase_copy (const AffPurchase *self)
{
  AffPurchase *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_memdup2 (self, sizeof *self);
  copy->task_id = g_strdup (self->task_id);
  copy->supplier = g_strdup (self->supplier);
  return copy;
}

/**
 * aff_purchase_free:
 * @self: (nullable): a purchase
 *
 * Frees a purchase.
 */
void
aff_purchase_free (AffPurchase *self)
{
  if (self == NULL)
    return;
  g_free (self->task_id);
  g_free (self->supplier);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffPurchase, aff_purchase, aff_purchase_copy, aff_purchase_free)

/**
 * aff_purchase_get_task_id:
 * @self: a purchase
 *
 * Gets the purchase task's id.
 *
 * Returns: the id
 */
const char *
aff_purchase_get_task_id (const AffPurchase *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->task_id;
}

/**
 * aff_purchase_get_supplier:
 * @self: a purchase
 *
 * Gets the supplier.
 *
 * Returns: (nullable): the supplier's name
 */
const char *
aff_purchase_get_supplier (const AffPurchase *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->supplier;
}

/**
 * aff_purchase_get_lead_time_days:
 * @self: a purchase
 *
 * Gets the supplier's lead time.
 *
 * Returns: working days
 */
guint
aff_purchase_get_lead_time_days (const AffPurchase *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->lead_time;
}

/**
 * aff_purchase_get_earliest_order:
 * @self: a purchase
 *
 * Gets the earliest day the purchase can be ordered: its early start.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_purchase_get_earliest_order (const AffPurchase *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->earliest_order;
}

/**
 * aff_purchase_get_order_by:
 * @self: a purchase
 *
 * Gets the latest day the purchase must be ordered not to delay the plan:
 * its late start.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_purchase_get_order_by (const AffPurchase *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->order_by;
}

/**
 * aff_purchase_get_needed_by:
 * @self: a purchase
 *
 * Gets the day the delivery is needed by: the purchase's late finish.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_purchase_get_needed_by (const AffPurchase *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->needed_by;
}

/**
 * aff_purchase_is_ordered:
 * @self: a purchase
 *
 * Tells whether the purchase was ordered: its task has started.
 *
 * Returns: whether it is ordered
 */
gboolean
aff_purchase_is_ordered (const AffPurchase *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->ordered;
}

static int
compare_purchases (gconstpointer a,
                   gconstpointer b)
{
  const AffPurchase *x = *(AffPurchase **) a, *y = *(AffPurchase **) b;

  return g_date_compare (&x->order_by, &y->order_by);
}

/**
 * aff_plan_list_purchases:
 * @self: a plan
 * @error: return location for a #GError
 *
 * Lists the purchases of the plan with their order-by dates, on the last
 * schedule, the most urgent order first.
 *
 * Returns: (transfer container) (element-type AffPurchase): the purchases,
 *   or %NULL if the plan is not scheduled
 */
GPtrArray *
aff_plan_list_purchases (AffPlan  *self,
                         GError  **error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  GPtrArray *list;
  guint i;

  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_scheduled (self, _("purchases"), error))
    return NULL;
  tasks = all_tasks (self);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_purchase_free);
  for (i = 0; i < tasks->len; i++)
    {
      AffTask *task = g_ptr_array_index (tasks, i);
      AffPurchase *p;

      if (aff_task_get_kind (task) != AFF_TASK_KIND_PURCHASE)
        continue;
      p = g_new0 (AffPurchase, 1);
      p->task_id = g_strdup (aff_task_get_id (task));
      p->supplier = g_strdup (aff_task_get_party_name (task));
      p->lead_time = aff_task_get_duration (task) + aff_task_get_hazard_delay (task);
      p->earliest_order = *aff_task_get_early_start (task);
      p->order_by = *aff_task_get_late_start (task);
      p->needed_by = *aff_task_get_late_finish (task);
      p->ordered = aff_task_get_actual_start (task) != NULL;
      g_ptr_array_add (list, p);
    }
  g_ptr_array_sort (list, compare_purchases);
  return list;
}

/* ---- Work packages ------------------------------------------------------ */

/**
 * AffWorkPackage:
 *
 * A subcontracted work package (a task of kind
 * %AFF_TASK_KIND_SUBCONTRACT) and its coordination points: the tasks of
 * other parties it waits for (its inputs) and the ones that wait for it
 * (its outputs).
 */
struct _AffWorkPackage
{
  char *task_id;
  char *subcontractor;
  GPtrArray *inputs;            /* NULL-terminated */
  GPtrArray *outputs;           /* NULL-terminated */
};

static AffWorkPackage *
work_package_new (const char *task_id,
                  const char *subcontractor)
{
  AffWorkPackage *self = g_new0 (AffWorkPackage, 1);

  self->task_id = g_strdup (task_id);
  self->subcontractor = g_strdup (subcontractor);
  self->inputs = g_ptr_array_new_null_terminated (2, g_free, TRUE);
  self->outputs = g_ptr_array_new_null_terminated (2, g_free, TRUE);
  return self;
}

static void
copy_strings (GPtrArray *to,
              GPtrArray *from)
{
  guint i;

  for (i = 0; i < from->len; i++)
    g_ptr_array_add (to, g_strdup (g_ptr_array_index (from, i)));
}

/**
 * aff_work_package_copy:
 * @self: a work package
 *
 * Copies a work package.
 *
 * Returns: (transfer full): a copy
 */
AffWorkPackage *
aff_work_package_copy (const AffWorkPackage *self)
{
  AffWorkPackage *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = work_package_new (self->task_id, self->subcontractor);
  copy_strings (copy->inputs, self->inputs);
  copy_strings (copy->outputs, self->outputs);
  return copy;
}

/**
 * aff_work_package_free:
 * @self: (nullable): a work package
 *
 * Frees a work package.
 */
void
aff_work_package_free (AffWorkPackage *self)
{
  if (self == NULL)
    return;
  g_free (self->task_id);
  g_free (self->subcontractor);
  g_ptr_array_unref (self->inputs);
  g_ptr_array_unref (self->outputs);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffWorkPackage, aff_work_package, aff_work_package_copy, aff_work_package_free)

/**
 * aff_work_package_get_task_id:
 * @self: a work package
 *
 * Gets the subcontracted task's id.
 *
 * Returns: the id
 */
const char *
aff_work_package_get_task_id (const AffWorkPackage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->task_id;
}

/**
 * aff_work_package_get_subcontractor:
 * @self: a work package
 *
 * Gets the subcontractor.
 *
 * Returns: (nullable): the subcontractor's name
 */
const char *
aff_work_package_get_subcontractor (const AffWorkPackage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->subcontractor;
}

/**
 * aff_work_package_get_inputs:
 * @self: a work package
 *
 * Gets the tasks of other parties the package waits for.
 *
 * Returns: (transfer none) (array zero-terminated=1): their ids
 */
const char *const *
aff_work_package_get_inputs (const AffWorkPackage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char *const *) self->inputs->pdata;
}

/**
 * aff_work_package_get_outputs:
 * @self: a work package
 *
 * Gets the tasks of other parties that wait for the package.
 *
 * Returns: (transfer none) (array zero-terminated=1): their ids
 */
const char *const *
aff_work_package_get_outputs (const AffWorkPackage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char *const *) self->outputs->pdata;
}

/**
 * aff_plan_list_work_packages:
 * @self: a plan
 *
 * Lists the subcontracted work packages of the plan, in its order, with
 * their coordination points.
 *
 * Returns: (transfer container) (element-type AffWorkPackage): the packages
 */
GPtrArray *
aff_plan_list_work_packages (AffPlan *self)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) links = NULL;
  GPtrArray *list;
  guint i, k;

  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);

  tasks = all_tasks (self);
  links = aff_plan_get_dependencies (self);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_work_package_free);
  for (i = 0; i < tasks->len; i++)
    {
      AffTask *task = g_ptr_array_index (tasks, i);
      AffWorkPackage *wp;

      if (aff_task_get_kind (task) != AFF_TASK_KIND_SUBCONTRACT)
        continue;
      wp = work_package_new (aff_task_get_id (task), aff_task_get_party_name (task));
      for (k = 0; k < links->len; k++)
        {
          AffDependency *d = g_ptr_array_index (links, k);
          const char *pred = aff_dependency_get_predecessor_id (d), *succ = aff_dependency_get_successor_id (d);

          if (strcmp (succ, aff_task_get_id (task)) == 0 &&
              !same_party (task, aff_plan_lookup_task (self, pred)))
            g_ptr_array_add (wp->inputs, g_strdup (pred));
          else if (strcmp (pred, aff_task_get_id (task)) == 0 &&
                   !same_party (task, aff_plan_lookup_task (self, succ)))
            g_ptr_array_add (wp->outputs, g_strdup (succ));
        }
      g_ptr_array_add (list, wp);
    }
  return list;
}

/* ---- Roles -------------------------------------------------------------- */

/**
 * AffRaciItem:
 *
 * A task in a person's list of the RACI matrix: their part in it and its
 * dates, so that they see what comes first.
 */
struct _AffRaciItem
{
  char *task_id;
  AffRaciRole role;
  GDate start, late_start;
  gboolean critical;
};

/**
 * aff_raci_item_copy:
 * @self: an item
 *
 * Copies an item.
 *
 * Returns: (transfer full): a copy
 */
AffRaciItem *
aff_raci_item_copy (const AffRaciItem *self)
{
  AffRaciItem *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_memdup2 (self, sizeof *self);
  copy->task_id = g_strdup (self->task_id);
  return copy;
}

/**
 * aff_raci_item_free:
 * @self: (nullable): an item
 *
 * Frees an item.
 */
void
aff_raci_item_free (AffRaciItem *self)
{
  if (self == NULL)
    return;
  g_free (self->task_id);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffRaciItem, aff_raci_item, aff_raci_item_copy, aff_raci_item_free)

/**
 * aff_raci_item_get_task_id:
 * @self: an item
 *
 * Gets the task's id.
 *
 * Returns: the id
 */
const char *
aff_raci_item_get_task_id (const AffRaciItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->task_id;
}

/**
 * aff_raci_item_get_role:
 * @self: an item
 *
 * Gets the person's part in the task.
 *
 * Returns: the role
 */
AffRaciRole
aff_raci_item_get_role (const AffRaciItem *self)
{
  g_return_val_if_fail (self != NULL, AFF_RACI_ROLE_NONE);
  return self->role;
}

/**
 * aff_raci_item_get_start:
 * @self: an item
 *
 * Gets the task's early start.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_raci_item_get_start (const AffRaciItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->start;
}

/**
 * aff_raci_item_get_late_start:
 * @self: an item
 *
 * Gets the task's late start: the day after which it delays the plan.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_raci_item_get_late_start (const AffRaciItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->late_start;
}

/**
 * aff_raci_item_is_critical:
 * @self: an item
 *
 * Tells whether the task is critical.
 *
 * Returns: whether it is critical
 */
gboolean
aff_raci_item_is_critical (const AffRaciItem *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->critical;
}

/* A key that sorts names alike in every locale: without accents, without
 * case (“Émilie” among the E). */
static char *
sort_key (const char *name)
{
  g_autofree char *decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_NFD);
  g_autofree char *folded = g_utf8_casefold (decomposed != NULL ? decomposed : name, -1);
  GString *key = g_string_new (NULL);
  const char *p;

  for (p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  const char *x = *(const char **) a, *y = *(const char **) b;
  g_autofree char *kx = sort_key (x);
  g_autofree char *ky = sort_key (y);
  int c = strcmp (kx, ky);

  return c != 0 ? c : strcmp (x, y);
}

/**
 * aff_plan_list_people:
 * @self: a plan
 *
 * Lists the people and parties who take a part in the plan's tasks, in
 * alphabetical order, accents and case aside, the same in every locale.
 *
 * Returns: (transfer full): the people
 */
GStrv
aff_plan_list_people (AffPlan *self)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) people = NULL;
  guint i, k;

  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);

  tasks = all_tasks (self);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  people = g_ptr_array_new_null_terminated (8, g_free, TRUE);
  for (i = 0; i < tasks->len; i++)
    {
      g_auto(GStrv) names = aff_task_list_raci (g_ptr_array_index (tasks, i));

      for (k = 0; names[k] != NULL; k++)
        if (!g_hash_table_contains (seen, names[k]))
          {
            char *name = g_strdup (names[k]);

            g_hash_table_add (seen, name);
            g_ptr_array_add (people, name);
          }
    }
  g_ptr_array_sort (people, compare_strings);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&people), FALSE);
}

static int
compare_raci (gconstpointer a,
              gconstpointer b)
{
  const AffRaciItem *x = *(AffRaciItem **) a, *y = *(AffRaciItem **) b;
  int c;

  if (x->critical != y->critical)
    return x->critical ? -1 : 1;
  if ((c = g_date_compare (&x->late_start, &y->late_start)) != 0)
    return c;
  return g_date_compare (&x->start, &y->start);
}

/**
 * aff_plan_list_raci:
 * @self: a plan
 * @person: a person or party of the RACI matrix
 * @error: return location for a #GError
 *
 * Lists the tasks a person takes a part in, by priority on the last
 * schedule: critical tasks first, then by late start (the day after which
 * the task delays the plan), then by early start.
 *
 * Returns: (transfer container) (element-type AffRaciItem): the tasks, or
 *   %NULL if the plan is not scheduled
 */
GPtrArray *
aff_plan_list_raci (AffPlan     *self,
                    const char  *person,
                    GError     **error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  GPtrArray *list;
  guint i;

  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);
  g_return_val_if_fail (person != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_scheduled (self, _("roles"), error))
    return NULL;
  tasks = all_tasks (self);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_raci_item_free);
  for (i = 0; i < tasks->len; i++)
    {
      AffTask *task = g_ptr_array_index (tasks, i);
      AffRaciRole role = aff_task_get_raci (task, person);
      AffRaciItem *item;

      if (role == AFF_RACI_ROLE_NONE)
        continue;
      item = g_new0 (AffRaciItem, 1);
      item->task_id = g_strdup (aff_task_get_id (task));
      item->role = role;
      item->start = *aff_task_get_early_start (task);
      item->late_start = *aff_task_get_late_start (task);
      item->critical = aff_task_is_critical (task);
      g_ptr_array_add (list, item);
    }
  g_ptr_array_sort (list, compare_raci);
  return list;
}
