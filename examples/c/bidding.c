/* bidding.c: the go / no-go of a consultation
 *
 * Gives the client of clients.c (from story.h) a solvency assessment,
 * receives a consultation, evaluates whether to answer it and records the
 * management's decision. See examples/README.md, section 2.
 *
 * Build: cc bidding.c $(pkg-config --cflags --libs libaffaires-1)
 */
#include "story.h"   /* the portfolio and the client ACME of clients.c */

/* The client's last accounts: without a recent solvency assessment, the
 * evaluation refuses to bid (the "solvency" gate). */
static gboolean
assess_solvency (AffClient *client,
                 GError   **error)
{
  g_autoptr(GDate) assessed = day (2026, 1, 15);
  g_autoptr(AffSolvency) solvency = aff_solvency_new (assessed);

  /* NAF 28.29B is manufacturing, so the client is scored with Altman's Z′,
   * which needs the sales as well. */
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

/* The consultation with what the evaluation weighs: its value, what
 * answering costs, the margin hoped for and the hours it would take. */
static AffConsultation *
add_consultation (AffPortfolio *portfolio,
                  GError      **error)
{
  g_autoptr(GDate) received = day (2026, 3, 2);
  g_autoptr(GDate) deadline = day (2026, 4, 15);
  g_autoptr(AffConsultation) consultation = aff_consultation_new ("CONS-1", "ACME", "Remplacement de tuyauteries",
                                                                  received, deadline);
  const char *activities[] = { "pipework", NULL };
  g_autoptr(AffMoney) value = aff_money_parse ("120000.00 EUR", error);
  g_autoptr(AffMoney) bid_cost = NULL;
  g_autoptr(AffRisk) risk = aff_risk_new ("Délai des brides", AFF_RISK_CATEGORY_SCHEDULE, 3, 4);

  if (value == NULL || (bid_cost = aff_money_parse ("1500.00 EUR", error)) == NULL)
    return NULL;
  aff_consultation_set_activities (consultation, activities);
  aff_consultation_set_estimated_value (consultation, value);
  aff_consultation_set_bid_cost (consultation, bid_cost);
  aff_consultation_set_expected_margin_rate (consultation, 1600);
  aff_consultation_set_estimated_hours (consultation, 800);
  aff_risk_set_treatment (risk, AFF_RISK_TREATMENT_REDUCE);
  if (!aff_risk_register_add_risk (aff_consultation_get_risk_register (consultation), risk, error) ||
      !aff_portfolio_add_consultation (portfolio, consultation, error))
    return NULL;
  return consultation;   /* owned by the portfolio from now on */
}

static gboolean
run (GError **error)
{
  g_autoptr(AffPortfolio) portfolio = story_new_portfolio ();
  g_autoptr(GDate) qualified = day (2026, 3, 3);
  g_autoptr(GDate) evaluated = day (2026, 3, 5);
  g_autoptr(AffBidEvaluation) evaluation = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  AffBidVerdict decision = AFF_BID_VERDICT_NO_GO;
  AffConsultation *consultation;
  AffClient *client;
  guint n_gates = 0, n_passed = 0;

  if ((client = story_add_client (portfolio, error)) == NULL ||
      !assess_solvency (client, error) ||
      (consultation = add_consultation (portfolio, error)) == NULL ||
      !aff_consultation_start_qualification (consultation, qualified, NULL, error))
    return FALSE;

  /* The evaluation only advises: it is recorded on the consultation, whose
   * state does not change until someone decides. */
  evaluation = aff_portfolio_evaluate_consultation (portfolio, "CONS-1", evaluated, error);
  if (evaluation == NULL)
    return FALSE;
  printf ("verdict %s\n", nick (AFF_TYPE_BID_VERDICT, aff_bid_evaluation_get_verdict (evaluation)));
  printf ("score %u\n", aff_bid_evaluation_get_score (evaluation));

  /* The blocking criteria are gates: one failed is a NO_GO whatever the score. */
  criteria = aff_bid_evaluation_get_criteria (evaluation);
  for (guint i = 0; i < criteria->len; i++)
    {
      const AffBidCriterion *criterion = g_ptr_array_index (criteria, i);

      if (aff_bid_criterion_is_blocking (criterion))
        {
          n_gates++;
          if (aff_bid_criterion_get_passed (criterion))
            n_passed++;
        }
    }
  printf ("gates passed %u of %u\n", n_passed, n_gates);

  /* Deciding is the management's: who decides and why is kept. */
  if (!aff_portfolio_decide_consultation (portfolio, "CONS-1", AFF_BID_VERDICT_GO, "Direction",
                                          "client stratégique", error))
    return FALSE;
  /* The consultation keeps the decision: who, when, why. */
  if (!aff_consultation_get_decision (consultation, &decision, NULL, NULL, NULL, NULL))
    return FALSE;
  printf ("decided %s\n", nick (AFF_TYPE_BID_VERDICT, decision));
  printf ("state %s\n", nick (AFF_TYPE_CONSULTATION_STATE, aff_consultation_get_state (consultation)));
  return TRUE;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;

  if (!run (&error))
    {
      g_printerr ("bidding: %s\n", error->message);
      return 1;
    }
  return 0;
}
