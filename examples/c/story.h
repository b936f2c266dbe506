/* story.h: the story the C examples share, up to where each one starts
 *
 * The seven examples follow one affair through the role (see
 * examples/README.md): ACME becomes a client (section 1), asks for a
 * quotation the company decides to answer (2), accepts the offer, which
 * opens the affair OFF-1 (3), whose plan and dossier (5), accounts (6) and
 * lessons (7) follow. Each example shows its own step in full, commented;
 * the steps before it come from here, in the same order and with the same
 * dates, names and amounts, so that the journal, and so the output, is the
 * one the README describes.
 *
 * The functions are static, for a header that the examples include rather
 * than a library they link to; those that some example does not call are
 * marked G_GNUC_UNUSED so that the compiler does not warn about them.
 */
#pragma once

#include <stdio.h>

#include <affaires.h>

/* Every date of the examples is written year, month, day. */
static GDate *
day (int y, int m, int d)
{
  return g_date_new_dmy (d, m, y);
}

/* Dates are printed as ISO YYYY-MM-DD (examples/README.md), the same in the
 * three languages. */
G_GNUC_UNUSED static char *
iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/* The short name of an enum value ("go", "accepted"…), the one the
 * portfolio document and the journal use too. */
G_GNUC_UNUSED static const char *
nick (GType type,
      int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  return found != NULL ? found->value_nick : "?";
}

/* Prints "<label> <amount>" with the amount written the French way. */
G_GNUC_UNUSED static void
print_money (const char     *label,
             const AffMoney *money)
{
  g_autofree char *text = aff_money_format (money, "fr");

  printf ("%s %s\n", label, text);
}

/* Sets one figure of the balance sheet, read from text such as
 * "200000.00 EUR" so that no amount goes through a floating-point number. */
G_GNUC_UNUSED static gboolean
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

/* Adds a cost line: the quantity is text ("120") because it is an exact
 * decimal, like the unit cost. */
G_GNUC_UNUSED static gboolean
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

/* Adds a task of @days working days, after @predecessor when not NULL. */
G_GNUC_UNUSED static gboolean
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

/* Books an actual cost of @amount against the work @work (a lot of the
 * budget and a task of the plan). */
G_GNUC_UNUSED static gboolean
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
G_GNUC_UNUSED static gboolean
add_progress (AffAffair  *affair,
              const char *work,
              int y, int m, int d,
              int         basis_points,
              GError    **error)
{
  g_autoptr(GDate) date = day (y, m, d);

  return aff_affair_record_progress (affair, work, date, basis_points, error);
}

/* The portfolio every example but planning.c starts from (examples/README.md,
 * introduction). A fixed clock and actor keep the journal, and so the
 * output, the same from one run to the next; the policy's activities are
 * the trades the company works in, which the go / no-go checks a
 * consultation against. Free it with g_object_unref (). */
G_GNUC_UNUSED static AffPortfolio *
story_new_portfolio (void)
{
  AffPortfolio *portfolio = aff_portfolio_new ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  const char *activities[] = { "pipework", "boilermaking", NULL };

  aff_portfolio_set_fixed_time (portfolio, now);
  aff_portfolio_set_actor (portfolio, "exemple");
  aff_policy_set_activities (aff_portfolio_get_policy (portfolio), activities);
  return portfolio;
}

/* The client ACME of clients.c (section 1): its contact, the visit of
 * January and the survey of February, recorded through the portfolio so
 * that they are journaled. Returns the client, owned by the portfolio. */
G_GNUC_UNUSED static AffClient *
story_add_client (AffPortfolio *portfolio,
                  GError      **error)
{
  g_autoptr(AffClient) client = aff_client_new ("ACME", "ACME Industrie");
  g_autoptr(AffContact) contact = aff_contact_new ("Claire Martin");
  g_autoptr(GDate) visited = day (2026, 1, 12);
  g_autoptr(GDate) surveyed = day (2026, 2, 20);
  g_autoptr(AffInteraction) visit = aff_interaction_new (AFF_INTERACTION_KIND_VISIT, visited,
                                                         "visite de l'atelier");
  g_autoptr(AffInteraction) survey = aff_interaction_new (AFF_INTERACTION_KIND_SURVEY, surveyed, "enquête");

  aff_contact_set_role (contact, "responsable maintenance");
  aff_interaction_set_satisfaction (survey, 8);
  if (!aff_client_set_siren (client, "732829320", error) ||
      !aff_client_set_sector (client, "28.29B", error) ||
      !aff_client_add_contact (client, contact, error) ||
      !aff_portfolio_add_client (portfolio, client, error) ||
      !aff_portfolio_record_interaction (portfolio, "ACME", visit, error) ||
      !aff_portfolio_record_interaction (portfolio, "ACME", survey, error))
    return NULL;
  return client;   /* owned by the portfolio from now on */
}

/* The consultation CONS-1 of bidding.c (section 2), decided GO: ACME with
 * the solvency assessment the evaluation's solvency gate needs, then the
 * consultation with its value, costs and risk, qualified, evaluated and
 * decided. An offer can only be sent for a consultation the company chose
 * to answer. */
G_GNUC_UNUSED static gboolean
story_add_go_consultation (AffPortfolio *portfolio,
                           GError      **error)
{
  g_autoptr(GDate) assessed = day (2026, 1, 15);
  g_autoptr(GDate) received = day (2026, 3, 2);
  g_autoptr(GDate) deadline = day (2026, 4, 15);
  g_autoptr(GDate) qualified = day (2026, 3, 3);
  g_autoptr(GDate) evaluated = day (2026, 3, 5);
  g_autoptr(AffSolvency) solvency = aff_solvency_new (assessed);
  g_autoptr(AffConsultation) consultation = aff_consultation_new ("CONS-1", "ACME", "Remplacement de tuyauteries",
                                                                  received, deadline);
  const char *activities[] = { "pipework", NULL };
  g_autoptr(AffMoney) value = NULL;
  g_autoptr(AffMoney) bid_cost = NULL;
  g_autoptr(AffRisk) risk = aff_risk_new ("Délai des brides", AFF_RISK_CATEGORY_SCHEDULE, 3, 4);
  g_autoptr(AffBidEvaluation) evaluation = NULL;
  AffClient *client;

  if ((client = story_add_client (portfolio, error)) == NULL ||
      !set_figure (solvency, aff_solvency_set_working_capital, "200000.00 EUR", error) ||
      !set_figure (solvency, aff_solvency_set_retained_earnings, "300000.00 EUR", error) ||
      !set_figure (solvency, aff_solvency_set_ebit, "100000.00 EUR", error) ||
      !set_figure (solvency, aff_solvency_set_book_equity, "400000.00 EUR", error) ||
      !set_figure (solvency, aff_solvency_set_total_liabilities, "500000.00 EUR", error) ||
      !set_figure (solvency, aff_solvency_set_total_assets, "1000000.00 EUR", error) ||
      !set_figure (solvency, aff_solvency_set_sales, "2000000.00 EUR", error) ||
      !aff_client_add_solvency (client, solvency, error))
    return FALSE;

  if ((value = aff_money_parse ("120000.00 EUR", error)) == NULL ||
      (bid_cost = aff_money_parse ("1500.00 EUR", error)) == NULL)
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

/* The affair OFF-1 of offers.c (section 3): the GO consultation above
 * answered by the offer OFF-1, priced, sent on 1 April and accepted on
 * 20 April. Accepting it opens the affair, whose budget comes from the
 * offer's lots T1 and T2. Returns the affair, owned by the portfolio. */
G_GNUC_UNUSED static AffAffair *
story_open_affair (AffPortfolio *portfolio,
                   GError      **error)
{
  g_autoptr(AffOffer) offer = aff_offer_new ("OFF-1", "CONS-1");
  g_autoptr(GDate) validity = day (2026, 5, 31);
  g_autoptr(GDate) sent = day (2026, 4, 1);
  g_autoptr(GDate) signed_on = day (2026, 4, 20);
  AffOfferRevision *revision;
  AffAffair *affair;

  if (!story_add_go_consultation (portfolio, error) ||
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

/* The plan of the affair (sections 5, 6 and 7): T1 then T2, five working
 * days each. It starts on the day the contract was signed (Monday
 * 20 April) on the French calendar; its tasks are named after the lots of
 * the offer so that costs and progress line up with the budget. */
G_GNUC_UNUSED static gboolean
story_plan_affair (AffAffair *affair,
                   GError   **error)
{
  AffPlan *plan = aff_affair_get_plan (affair);

  return add_task (plan, "T1", "T1", 5, NULL, error) &&
         add_task (plan, "T2", "T2", 5, "T1", error) &&
         aff_plan_schedule (plan, error);
}

/* The costs and progress of finance.c (section 6), as booked by 4 May:
 * what the REX of rex.c and its audit read as the affair's finances. */
G_GNUC_UNUSED static gboolean
story_book_costs (AffAffair *affair,
                  GError   **error)
{
  return add_cost (affair, 2026, 4, 24, "T1", AFF_COST_CATEGORY_LABOUR, "3000.00 EUR", error) &&
         add_cost (affair, 2026, 5, 4, "T2", AFF_COST_CATEGORY_MATERIAL, "2000.00 EUR", error) &&
         add_progress (affair, "T1", 2026, 4, 30, 10000, error) &&
         add_progress (affair, "T2", 2026, 5, 4, 4000, error);
}
