/* rex.c: lessons learned, reused, and the audit of an affair
 *
 * Starts from the affair of finance.c (from story.h), carries it to the
 * client's acceptance, draws up and validates its REX (retour
 * d'expérience), finds its lessons for a new consultation and audits the
 * affair's file. See examples/README.md, section 7.
 *
 * Build: cc rex.c $(pkg-config --cflags --libs libaffaires-1)
 */
#include "story.h"   /* the affair OFF-1 of offers.c, its plan and the costs of finance.c */

/* Records when a task really started and finished: the REX compares these
 * with the plan. */
static gboolean
carry_out (AffPlan    *plan,
           const char *task_id,
           int sm, int sd,
           int fm, int fd,
           GError    **error)
{
  g_autoptr(GDate) started = day (2026, sm, sd);
  g_autoptr(GDate) finished = day (2026, fm, fd);

  return aff_plan_start_task (plan, task_id, started, error) &&
         aff_plan_finish_task (plan, task_id, finished, error);
}

/* The end of the work: T2 done, the actual dates of both tasks, then the
 * client's acceptance of the work (réception). */
static gboolean
complete_affair (AffAffair *affair,
                 GError   **error)
{
  AffPlan *plan = aff_affair_get_plan (affair);
  g_autoptr(GDate) accepted = day (2026, 5, 11);

  return add_progress (affair, "T2", 2026, 5, 8, 10000, error) &&
         carry_out (plan, "T1", 4, 20, 4, 24, error) &&
         carry_out (plan, "T2", 4, 27, 5, 8, error) &&
         aff_affair_record_acceptance (affair, accepted, FALSE, error);
}

/* The REX keeps what the affair taught, in words the next bid can find:
 * what worked, what went wrong and how it was solved, what to change. */
static gboolean
draw_up_rex (AffAffair *affair,
             GError   **error)
{
  g_autoptr(GDate) date = day (2026, 5, 11);
  g_autoptr(AffImprovement) improvement = aff_improvement_new ("Réserver l'accès au site à la commande",
                                                               "Deux jours perdus", "Deux jours gagnés",
                                                               "Claire Martin");
  const char *tags[] = { "tuyauterie", NULL };
  AffRex *rex = aff_affair_create_rex (affair, date, error);   /* owned by the affair */

  if (rex == NULL ||
      !aff_rex_add_good_practice (rex, "Tubes commandés dès la signature", error) ||
      !aff_rex_add_difficulty (rex, "Accès au site limité", "Travail en horaires décalés", error) ||
      !aff_rex_add_improvement (rex, improvement, error) ||
      !aff_rex_set_tags (rex, tags, error))
    return FALSE;
  /* Only a validated REX feeds the lessons offered to later bids. */
  return aff_rex_validate (rex, date, error);
}

/* A new consultation of the same client for the same trade, which the
 * lessons of OFF-1 should inform. */
static AffConsultation *
add_new_consultation (AffPortfolio *portfolio,
                      GError      **error)
{
  g_autoptr(GDate) received = day (2026, 6, 1);
  g_autoptr(GDate) deadline = day (2026, 6, 30);
  g_autoptr(AffConsultation) consultation = aff_consultation_new ("CONS-2", "ACME", "Tuyauterie ligne 4",
                                                                  received, deadline);
  const char *activities[] = { "pipework", NULL };

  aff_consultation_set_activities (consultation, activities);
  if (!aff_portfolio_add_consultation (portfolio, consultation, error))
    return NULL;
  return consultation;   /* owned by the portfolio */
}

static gboolean
run (GError **error)
{
  g_autoptr(AffPortfolio) portfolio = story_new_portfolio ();
  g_autoptr(GDate) audited = day (2026, 5, 31);
  g_autoptr(AffLessonQuery) query = NULL;
  g_autoptr(GPtrArray) lessons = NULL;
  g_autoptr(AffAudit) audit = NULL;
  AffConsultation *consultation;
  AffAffair *affair;

  /* The affair of finance.c (story.h): won, planned, its first costs and
   * progress booked; then the end of the work and the REX. */
  if ((affair = story_open_affair (portfolio, error)) == NULL ||
      !story_plan_affair (affair, error) ||
      !story_book_costs (affair, error) ||
      !complete_affair (affair, error) ||
      !draw_up_rex (affair, error))
    return FALSE;
  printf ("rex validated %s\n", aff_rex_is_validated (aff_affair_get_rex (affair)) ? "yes" : "no");

  /* The lessons are ranked by what the new consultation shares with past
   * affairs: the client, the activities, words of the title. */
  if ((consultation = add_new_consultation (portfolio, error)) == NULL)
    return FALSE;
  query = aff_lesson_query_new (aff_consultation_get_client_id (consultation),
                                aff_consultation_get_activities (consultation), NULL,
                                aff_consultation_get_title (consultation));
  lessons = aff_portfolio_find_lessons (portfolio, query);
  printf ("lessons for %s %u\n", aff_consultation_get_id (consultation), lessons->len);
  if (lessons->len > 0)
    printf ("first lesson %s\n", aff_lesson_get_text (g_ptr_array_index (lessons, 0)));

  /* The audit weighs the affair's file against what the role requires, from
   * the first contact to the REX; it changes nothing. */
  audit = aff_portfolio_audit_affair (portfolio, "OFF-1", audited, error);
  if (audit == NULL)
    return FALSE;
  printf ("audit score %u\n", aff_audit_get_score (audit));
  printf ("audit met %u\n", aff_audit_count (audit, AFF_AUDIT_STATUS_MET));
  return TRUE;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;

  if (!run (&error))
    {
      g_printerr ("rex: %s\n", error->message);
      return 1;
    }
  return 0;
}
