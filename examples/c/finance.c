/* finance.c: earned value, estimate at completion and drifts
 *
 * Starts from the affair won in offers.c and its plan (from story.h),
 * books costs and progress, then computes the affair's financial
 * status and its drifts on 4 May. See examples/README.md, section 6.
 *
 * Build: cc finance.c $(pkg-config --cflags --libs libaffaires-1)
 */
#include "story.h"   /* the affair OFF-1 of offers.c and its plan */

/* A performance index has no value when what it divides by is zero (no
 * cost yet, nothing planned yet): say so rather than print a number. */
static void
print_index (const char            *label,
             const AffAffairStatus *status,
             gboolean             (*getter) (const AffAffairStatus *, double *))
{
  double value;

  if (getter (status, &value))
    printf ("%s %.2f\n", label, value);
  else
    printf ("%s undefined\n", label);
}

static gboolean
run (GError **error)
{
  g_autoptr(AffPortfolio) portfolio = story_new_portfolio ();
  g_autoptr(GDate) review = day (2026, 5, 4);
  g_autoptr(AffAffairStatus) status = NULL;
  g_autoptr(GPtrArray) drifts = NULL;
  AffAffair *affair;

  /* The affair of offers.c and its plan (story.h). */
  if ((affair = story_open_affair (portfolio, error)) == NULL ||
      !story_plan_affair (affair, error))
    return FALSE;

  /* Costs are booked against the work they pay for, a lot of the budget and
   * a task of the plan; it is the progress measured on site, not the money
   * spent, that earns value. */
  if (!add_cost (affair, 2026, 4, 24, "T1", AFF_COST_CATEGORY_LABOUR, "3000.00 EUR", error) ||
      !add_cost (affair, 2026, 5, 4, "T2", AFF_COST_CATEGORY_MATERIAL, "2000.00 EUR", error) ||
      !add_progress (affair, "T1", 2026, 4, 30, 10000, error) ||
      !add_progress (affair, "T2", 2026, 5, 4, 4000, error))
    return FALSE;

  /* The status reads everything as it stood on the day, so a past review
   * can be computed again and gives the same figures. */
  status = aff_affair_compute_status (affair, review, error);
  if (status == NULL)
    return FALSE;
  print_money ("BAC", aff_affair_status_get_bac (status));
  print_money ("PV", aff_affair_status_get_pv (status));
  print_money ("EV", aff_affair_status_get_ev (status));
  print_money ("AC", aff_affair_status_get_ac (status));
  print_index ("CPI", status, aff_affair_status_get_cpi);
  print_index ("SPI", status, aff_affair_status_get_spi);
  print_money ("EAC", aff_affair_status_get_eac (status));
  print_money ("margin at completion", aff_affair_status_get_margin_at_completion (status));

  /* A drift is an indicator past one of the policy's thresholds: each one
   * calls for a corrective action. */
  drifts = aff_affair_list_drifts (affair, review, error);
  if (drifts == NULL)
    return FALSE;
  printf ("drifts %u\n", drifts->len);
  return TRUE;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;

  if (!run (&error))
    {
      g_printerr ("finance: %s\n", error->message);
      return 1;
    }
  return 0;
}
