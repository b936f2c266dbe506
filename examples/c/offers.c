/* offers.c: pricing an offer, sending it and winning the affair
 *
 * Builds a portfolio in memory with the GO consultation of bidding.c, prices
 * an offer for it from cost lines, sends it and records the client's
 * acceptance, which opens the affair. See examples/README.md, section 3.
 *
 * Build: cc offers.c $(pkg-config --cflags --libs libaffaires-1)
 */
#include <stdio.h>

#include <affaires.h>

/* Every date of the example is written year, month, day. */
static GDate *
day (int y, int m, int d)
{
  return g_date_new_dmy (d, m, y);
}

/* The short name of an enum value ("accepted"…), the one the portfolio
 * document and the journal use too. */
static const char *
nick (GType type,
      int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  return found != NULL ? found->value_nick : "?";
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

/* Prints "<label> <amount>" with the amount written the French way. */
static void
print_money (const char     *label,
             const AffMoney *money)
{
  g_autofree char *text = aff_money_format (money, "fr");

  printf ("%s %s\n", label, text);
}

static gboolean
run (GError **error)
{
  g_autoptr(AffPortfolio) portfolio = aff_portfolio_new ();
  /* A fixed clock and actor keep the journal, and so the output, the same
   * from one run to the next. */
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  const char *activities[] = { "pipework", "boilermaking", NULL };
  g_autoptr(AffOffer) offer = aff_offer_new ("OFF-1", "CONS-1");
  g_autoptr(GDate) validity = day (2026, 5, 31);
  g_autoptr(GDate) sent = day (2026, 4, 1);
  g_autoptr(GDate) signed_on = day (2026, 4, 20);
  g_autoptr(AffMoney) cost_price = NULL;
  g_autoptr(AffMoney) selling_price = NULL;
  g_autoptr(AffMoney) total = NULL;
  AffOfferRevision *revision;
  AffAffair *affair;
  int margin_rate;

  aff_portfolio_set_fixed_time (portfolio, now);
  aff_portfolio_set_actor (portfolio, "exemple");
  aff_policy_set_activities (aff_portfolio_get_policy (portfolio), activities);

  if (!add_client (portfolio, error) ||
      !add_go_consultation (portfolio, error) ||
      !aff_portfolio_add_offer (portfolio, offer, error))
    return FALSE;

  /* The offer starts with a draft revision "A"; the price follows from the
   * cost lines, the policy's overheads and the margin rate. */
  revision = aff_offer_get_current_revision (offer);
  if (!add_line (revision, AFF_LINE_KIND_LABOUR, "Soudage", "120", AFF_LINE_UNIT_HOUR, "60.00 EUR", "T1", error) ||
      !add_line (revision, AFF_LINE_KIND_MATERIAL, "Tubes", "40", AFF_LINE_UNIT_METRE, "85.50 EUR", "T2", error) ||
      !aff_offer_revision_set_margin_rate (revision, 1500, error) ||
      !aff_offer_revision_set_validity (revision, validity, error) ||
      !aff_offer_revision_set_vat_rate (revision, 2000, error))
    return FALSE;

  if ((cost_price = aff_offer_revision_get_cost_price (revision, error)) == NULL ||
      (selling_price = aff_offer_revision_get_selling_price (revision, error)) == NULL ||
      (total = aff_offer_revision_get_total_including_vat (revision, error)) == NULL)
    return FALSE;
  /* The margin rate is in basis points (1 500 is 15 %); 0 is also what it
   * returns on an overflow, so only the error tells them apart. */
  margin_rate = aff_offer_revision_get_margin_rate (revision, error);
  if (*error != NULL)
    return FALSE;
  print_money ("cost price", cost_price);
  print_money ("selling price", selling_price);
  printf ("margin rate %.2f %%\n", margin_rate / 100.0);
  print_money ("total incl. VAT", total);

  /* Sending checks the offer and freezes the revision; accepting it is what
   * creates the affair, named after the offer. */
  if (!aff_offer_send (offer, sent, error) ||
      !aff_offer_accept (offer, signed_on, "CT-2026-001", error))
    return FALSE;
  printf ("state %s\n", nick (AFF_TYPE_OFFER_STATE, aff_offer_get_state (offer)));

  affair = aff_portfolio_lookup_affair (portfolio, "OFF-1");
  if (affair == NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND, "the accepted offer OFF-1 opened no affair");
      return FALSE;
    }
  {
    g_autofree char *budget = aff_money_format (aff_affair_get_budget_total (affair), "fr");

    printf ("affair %s budget %s\n", aff_affair_get_id (affair), budget);
  }
  return TRUE;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;

  if (!run (&error))
    {
      g_printerr ("offers: %s\n", error->message);
      return 1;
    }
  return 0;
}
