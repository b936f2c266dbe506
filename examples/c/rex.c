/* rex.c: lessons learned, reused, and the audit of an affair
 *
 * Builds a portfolio in memory with the affair of finance.c, carries it to
 * the client's acceptance, draws up and validates its REX (retour
 * d'expérience), finds its lessons for a new consultation and audits the
 * affair's file. See examples/README.md, section 7.
 *
 * Build: cc rex.c $(pkg-config --cflags --libs libaffaires-1)
 */
#include <stdio.h>

#include <affaires.h>

/* Every date of the example is written year, month, day. */
static GDate *
day (int y, int m, int d)
{
  return g_date_new_dmy (d, m, y);
}

/* Sets one figure of the balance sheet, read from text such as
 * "200000.00 EUR" so that no amount goes through a floating-point number. */
static gboolean
set_figure (AffSolvency  *solvency,
            void        (*setter) (AffSolvency *, const AffMoney *),
            const char   *amount,
            GError      **error)
{
  g_autoptr(AffMoney) money = aff_money_parse (amount, error);

  if (money == NULL)
    return FALSE;
  setter (solvency, money);
  return TRUE;
}

/* The client of clients.c with the solvency assessment of bidding.c. */
static gboolean
add_client (AffPortfolio *portfolio,
            GError      **error)
{
  g_autoptr(AffClient) client = aff_client_new ("ACME", "ACME Industrie");
  g_autoptr(AffContact) contact = aff_contact_new ("Claire Martin");
  g_autoptr(GDate) visited = day (2026, 1, 12);
  g_autoptr(GDate) surveyed = day (2026, 2, 20);
  g_autoptr(GDate) assessed = day (2026, 1, 15);
  g_autoptr(AffInteraction) visit = aff_interaction_new (AFF_INTERACTION_KIND_VISIT, visited,
                                                         "visite de l'atelier");
  g_autoptr(AffInteraction) survey = aff_interaction_new (AFF_INTERACTION_KIND_SURVEY, surveyed, "enquête");
  g_autoptr(AffSolvency) solvency = aff_solvency_new (assessed);

  aff_contact_set_role (contact, "responsable maintenance");
  aff_interaction_set_satisfaction (survey, 8);
  if (!aff_client_set_siren (client, "732829320", error) ||
      !aff_client_set_sector (client, "28.29B", error) ||
      !aff_client_add_contact (client, contact, error) ||
      !aff_portfolio_add_client (portfolio, client, error) ||
      !aff_portfolio_record_interaction (portfolio, "ACME", visit, error) ||
      !aff_portfolio_record_interaction (portfolio, "ACME", survey, error))
    return FALSE;
  if (!set_figure (solvency, aff_solvency_set_working_capital, "200000.00 EUR", error) ||
      !set_figure (solvency, aff_solvency_set_retained_earnings, "300000.00 EUR", error) ||
      !set_figure (solvency, aff_solvency_set_ebit, "100000.00 EUR", error) ||
      !set_figure (solvency, aff_solvency_set_book_equity, "400000.00 EUR", error) ||
      !set_figure (solvency, aff_solvency_set_total_liabilities, "500000.00 EUR", error) ||
      !set_figure (solvency, aff_solvency_set_total_assets, "1000000.00 EUR", error) ||
      !set_figure (solvency, aff_solvency_set_sales, "2000000.00 EUR", error))
    return FALSE;
  return aff_client_add_solvency (client, solvency, error);
}

/* The consultation of bidding.c, qualified, evaluated and decided GO: an
 * offer can only be sent for a consultation the company chose to answer. */
static gboolean
add_go_consultation (AffPortfolio *portfolio,
                     GError      **error)
{
  g_autoptr(GDate) received = day (2026, 3, 2);
  g_autoptr(GDate) deadline = day (2026, 4, 15);
  g_autoptr(GDate) qualified = day (2026, 3, 3);
  g_autoptr(GDate) evaluated = day (2026, 3, 5);
  g_autoptr(AffConsultation) consultation = aff_consultation_new ("CONS-1", "ACME", "Remplacement de tuyauteries",
                                                                  received, deadline);
  const char *activities[] = { "pipework", NULL };
  g_autoptr(AffMoney) value = aff_money_parse ("120000.00 EUR", error);
  g_autoptr(AffMoney) bid_cost = NULL;
  g_autoptr(AffRisk) risk = aff_risk_new ("Délai des brides", AFF_RISK_CATEGORY_SCHEDULE, 3, 4);
  g_autoptr(AffBidEvaluation) evaluation = NULL;

  if (value == NULL || (bid_cost = aff_money_parse ("1500.00 EUR", error)) == NULL)
    return FALSE;
  aff_consultation_set_activities (consultation, activities);
  aff_consultation_set_estimated_value (consultation, value);
  aff_consultation_set_bid_cost (consultation, bid_cost);
  aff_consultation_set_expected_margin_rate (consultation, 1600);
  aff_consultation_set_estimated_hours (consultation, 800);
  aff_risk_set_treatment (risk, AFF_RISK_TREATMENT_REDUCE);
  if (!aff_risk_register_add_risk (aff_consultation_get_risk_register (consultation), risk, error) ||
      !aff_portfolio_add_consultation (portfolio, consultation, error) ||
      !aff_consultation_start_qualification (consultation, qualified, NULL, error))
    return FALSE;
  evaluation = aff_portfolio_evaluate_consultation (portfolio, "CONS-1", evaluated, error);
  return evaluation != NULL &&
         aff_portfolio_decide_consultation (portfolio, "CONS-1", AFF_BID_VERDICT_GO, "Direction",
                                            "client stratégique", error);
}

/* Adds a cost line: the quantity is text ("120") because it is an exact
 * decimal, like the unit cost. */
static gboolean
add_line (AffOfferRevision *revision,
          AffLineKind       kind,
          const char       *description,
          const char       *quantity,
          AffLineUnit       unit,
          const char       *unit_cost,
          const char       *lot,
          GError          **error)
{
  g_autoptr(AffMoney) cost = aff_money_parse (unit_cost, error);
  g_autoptr(AffOfferLine) line = NULL;

  if (cost == NULL ||
      (line = aff_offer_line_new (kind, description, quantity, unit, cost, error)) == NULL)
    return FALSE;
  /* The lots become the budget lines of the affair once the offer is won. */
  aff_offer_line_set_lot (line, lot);
  return aff_offer_revision_add_line (revision, line, error);
}

/* The offer of offers.c, sent and accepted: accepting it opens the affair
 * OFF-1, whose budget comes from the offer's lots. */
static AffAffair *
open_affair (AffPortfolio *portfolio,
             GError      **error)
{
  g_autoptr(AffOffer) offer = aff_offer_new ("OFF-1", "CONS-1");
  g_autoptr(GDate) validity = day (2026, 5, 31);
  g_autoptr(GDate) sent = day (2026, 4, 1);
  g_autoptr(GDate) signed_on = day (2026, 4, 20);
  AffOfferRevision *revision;
  AffAffair *affair;

  if (!add_client (portfolio, error) ||
      !add_go_consultation (portfolio, error) ||
      !aff_portfolio_add_offer (portfolio, offer, error))
    return NULL;
  revision = aff_offer_get_current_revision (offer);
  if (!add_line (revision, AFF_LINE_KIND_LABOUR, "Soudage", "120", AFF_LINE_UNIT_HOUR, "60.00 EUR", "T1", error) ||
      !add_line (revision, AFF_LINE_KIND_MATERIAL, "Tubes", "40", AFF_LINE_UNIT_METRE, "85.50 EUR", "T2", error) ||
      !aff_offer_revision_set_margin_rate (revision, 1500, error) ||
      !aff_offer_revision_set_validity (revision, validity, error) ||
      !aff_offer_revision_set_vat_rate (revision, 2000, error) ||
      !aff_offer_send (offer, sent, error) ||
      !aff_offer_accept (offer, signed_on, "CT-2026-001", error))
    return NULL;
  affair = aff_portfolio_lookup_affair (portfolio, "OFF-1");
  if (affair == NULL)
    g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND, "the accepted offer OFF-1 opened no affair");
  return affair;   /* owned by the portfolio */
}

/* Adds a task of @days working days, after @predecessor when not NULL. */
static gboolean
add_task (AffPlan    *plan,
          const char *id,
          const char *name,
          guint       days,
          const char *predecessor,
          GError    **error)
{
  g_autoptr(AffTask) task = aff_task_new (id, name, days);

  if (!aff_plan_add_task (plan, task, error))
    return FALSE;
  return predecessor == NULL ||
         aff_plan_add_dependency (plan, predecessor, id, AFF_DEPENDENCY_TYPE_FINISH_START, 0, error);
}

/* The affair's plan starts on the day the contract was signed (Monday
 * 20 April) on the French calendar; its tasks are named after the lots of
 * the offer so that costs and progress line up with the budget. */
static gboolean
plan_affair (AffAffair *affair,
             GError   **error)
{
  AffPlan *plan = aff_affair_get_plan (affair);

  return add_task (plan, "T1", "T1", 5, NULL, error) &&
         add_task (plan, "T2", "T2", 5, "T1", error) &&
         aff_plan_schedule (plan, error);
}

/* Books an actual cost of @amount against the work @work (a lot of the
 * budget and a task of the plan). */
static gboolean
add_cost (AffAffair       *affair,
          int y, int m, int d,
          const char      *work,
          AffCostCategory  category,
          const char      *amount,
          GError         **error)
{
  g_autoptr(GDate) date = day (y, m, d);
  g_autoptr(AffMoney) value = aff_money_parse (amount, error);
  g_autoptr(AffCostEntry) entry = NULL;

  if (value == NULL)
    return FALSE;
  entry = aff_cost_entry_new (date, work, category, AFF_COST_STATE_ACTUAL, value);
  return aff_ledger_add (aff_affair_get_ledger (affair), entry, error);
}

/* Records the physical progress of @work on a day, in basis points
 * (10 000 is done). */
static gboolean
add_progress (AffAffair  *affair,
              const char *work,
              int y, int m, int d,
              int         basis_points,
              GError    **error)
{
  g_autoptr(GDate) date = day (y, m, d);

  return aff_affair_record_progress (affair, work, date, basis_points, error);
}

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

/* The costs and progress of finance.c, then the end of the work. */
static gboolean
complete_affair (AffAffair *affair,
                 GError   **error)
{
  AffPlan *plan = aff_affair_get_plan (affair);
  g_autoptr(GDate) accepted = day (2026, 5, 11);

  return add_cost (affair, 2026, 4, 24, "T1", AFF_COST_CATEGORY_LABOUR, "3000.00 EUR", error) &&
         add_cost (affair, 2026, 5, 4, "T2", AFF_COST_CATEGORY_MATERIAL, "2000.00 EUR", error) &&
         add_progress (affair, "T1", 2026, 4, 30, 10000, error) &&
         add_progress (affair, "T2", 2026, 5, 4, 4000, error) &&
         add_progress (affair, "T2", 2026, 5, 8, 10000, error) &&
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
  g_autoptr(AffPortfolio) portfolio = aff_portfolio_new ();
  /* A fixed clock and actor keep the journal, and so the output, the same
   * from one run to the next. */
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  const char *activities[] = { "pipework", "boilermaking", NULL };
  g_autoptr(GDate) audited = day (2026, 5, 31);
  g_autoptr(AffLessonQuery) query = NULL;
  g_autoptr(GPtrArray) lessons = NULL;
  g_autoptr(AffAudit) audit = NULL;
  AffConsultation *consultation;
  AffAffair *affair;

  aff_portfolio_set_fixed_time (portfolio, now);
  aff_portfolio_set_actor (portfolio, "exemple");
  aff_policy_set_activities (aff_portfolio_get_policy (portfolio), activities);

  if ((affair = open_affair (portfolio, error)) == NULL ||
      !plan_affair (affair, error) ||
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
