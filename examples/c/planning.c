/* planning.c: scheduling a plan, its baseline and a hazard
 *
 * Builds a small plan of four tasks on the French calendar, schedules it,
 * keeps that schedule as the contract's baseline, then applies a supplier's
 * delay and shows what slipped. See examples/README.md, section 4.
 *
 * Build: cc planning.c $(pkg-config --cflags --libs libaffaires-1)
 */
#include "story.h"   /* day (), iso () and add_task () */

/* The plan's finish; only a scheduled plan has one. */
static gboolean
print_finish (AffPlan    *plan,
              const char *label,
              GError    **error)
{
  const GDate *finish = aff_plan_get_finish (plan);
  g_autofree char *text = NULL;

  if (finish == NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION, "the plan is not scheduled");
      return FALSE;
    }
  text = iso (finish);
  printf ("%s %s\n", label, text);
  return TRUE;
}

static gboolean
run (GError **error)
{
  g_autoptr(AffPlan) plan = aff_plan_new ();
  g_autoptr(AffCalendar) calendar = aff_calendar_new_french (FALSE);
  g_autoptr(GDate) start = day (2026, 4, 20);
  g_autoptr(GDate) hazard_day = day (2026, 4, 24);
  g_autoptr(AffHazard) hazard = aff_hazard_new ("H1", hazard_day, AFF_HAZARD_CAUSE_SUPPLIER, "Tubes en retard");
  const char *delayed[] = { "B", NULL };
  g_autoptr(AffHazardImpact) impact = NULL;
  g_autoptr(GPtrArray) critical = NULL;
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GPtrArray) slips = NULL;

  /* Durations are in working days: the French calendar takes the weekends
   * and public holidays (1 May, 8 May, Ascension…) out. */
  aff_plan_set_calendar (plan, calendar);
  aff_plan_set_start (plan, start);
  if (!add_task (plan, "A", "Préparation", 3, NULL, error) ||
      !add_task (plan, "B", "Montage", 5, "A", error) ||
      !add_task (plan, "C", "Essais", 2, "B", error) ||
      !add_task (plan, "D", "Documentation", 2, "A", error) ||
      !aff_plan_schedule (plan, error))
    return FALSE;

  /* The baseline freezes the dates promised in the contract, so that later
   * schedules can be measured against them. */
  if (!aff_plan_save_baseline (plan, "contrat", error) ||
      !print_finish (plan, "finish before", error))
    return FALSE;

  /* D has float; A, B and C have none, so any delay on them moves the end. */
  critical = aff_plan_get_critical_path (plan);
  for (guint i = 0; i < critical->len; i++)
    g_string_append_printf (path, "%s%s", i > 0 ? " " : "",
                            aff_task_get_id (g_ptr_array_index (critical, i)));
  printf ("critical path %s\n", path->str);

  /* Applying the hazard schedules the plan again and remembers why the
   * dates moved. */
  aff_hazard_set_task_ids (hazard, delayed);
  aff_hazard_set_delay_days (hazard, 2);
  impact = aff_plan_apply_hazard (plan, hazard, error);
  if (impact == NULL || !print_finish (plan, "finish after", error))
    return FALSE;

  slips = aff_plan_compare_to_baseline (plan, "contrat", error);
  if (slips == NULL)
    return FALSE;
  for (guint i = 0; i < slips->len; i++)
    {
      const AffSlip *slip = g_ptr_array_index (slips, i);

      /* A task may start late and still finish on time; only the finish
       * matters to the client. */
      if (aff_slip_get_finish_slip (slip) != 0)
        printf ("slip %s %+d\n", aff_slip_get_task_id (slip), aff_slip_get_finish_slip (slip));
    }
  return TRUE;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;

  if (!run (&error))
    {
      g_printerr ("planning: %s\n", error->message);
      return 1;
    }
  return 0;
}
