/* test-finance.c: the ledger and the status of an affair at a date
 *
 * The affair of these tests, worked by hand:
 *
 * - the accepted offer prices lot T1 at 50 000.00 of labour (500 h at
 *   100.00) and lot T2 at 50 000.00 of material, no overheads, a risk
 *   contingency of 5 000.00 and a selling price of 125 000.00: cost price
 *   105 000.00, margin 20 000.00, 16 %;
 * - signed Monday 2026-04-20; the plan has T1 (10 working days) then T2 (10
 *   working days). On the French calendar, T1 runs 20 April – 4 May (1 May is
 *   a holiday) and T2 5 May – 20 May (8 May and Ascension, 14 May, are
 *   holidays); that schedule is saved as the baseline;
 * - on 4 May, T1 is 80 % done and T2 not started: EV = 40 000, PV = 50 000
 *   (T1 all planned, T2 not yet); the actual costs to that day are
 *   45 000.00 of labour; an order PO-7 of 52 000.00 of material is open.
 *
 * That is the textbook case BAC 100 000, PV 50 000, EV 40 000, AC 45 000:
 * CV −5 000, SV −10 000, CPI 0.8889, SPI 0.8, EAC (BAC / CPI) 112 500, ETC
 * 67 500, VAC −12 500, TCPI 60 000 / 55 000 = 1.0909.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>
#ifdef __linux__
#include <sched.h>
#endif

#include <json-glib/json-glib.h>
#include <affaires.h>
#include "test-util.h"
#include "test-offer-util.h"

static void
assert_money (const AffMoney *money,
              const char     *expected)
{
  g_autofree char *text = aff_money_to_string (money);

  g_assert_cmpstr (text, ==, expected);
}

typedef gboolean (*RatioGetter) (const AffAffairStatus *self,
                                 double                *value);

static double
assert_ratio (RatioGetter            getter,
              const AffAffairStatus *status,
              double                 expected)
{
  double value = -1;

  g_assert_true (getter (status, &value));
  g_assert_cmpfloat_with_epsilon (value, expected, 1e-4);
  return value;
}

static void
add_task (AffPlan    *plan,
          const char *id,
          guint       days)
{
  g_autoptr(AffTask) task = aff_task_new (id, id, days);

  ASSERT_OK (aff_plan_add_task (plan, task, &error));
}

/* The affair described at the top, with @labour_overhead_rate on labour;
 * with @billing, the terms of the billing tests: a 30 % advance, monthly
 * situations, 5 % retention, payment at 45 days end of month, VAT 20 %. */
static AffPortfolio *
new_finance_portfolio (AffAffair **affair,
                       guint       labour_overhead_rate,
                       gboolean    billing)
{
  AffPortfolio *p = new_base_portfolio ();
  g_autoptr(AffOffer) offer = aff_offer_new ("OFF-1", "CONS-1");
  g_autoptr(GDate) validity = day (2026, 6, 30);
  g_autoptr(GDate) signed_on = day (2026, 4, 20);
  g_autoptr(AffMoney) contingency = money ("5000.00 EUR");
  g_autoptr(AffMoney) price = money ("125000.00 EUR");
  AffOfferRevision *rev;
  AffPlan *plan;
  guint k;

  add_consultation_full (p, "CONS-1", "acme", AFF_REGULATORY_FLAGS_NONE, FALSE, TRUE);
  ASSERT_OK (aff_portfolio_add_offer (p, offer, &error));
  rev = aff_offer_get_current_revision (offer);
  add_cost_line (rev, AFF_LINE_KIND_LABOUR, "Montage", "500", AFF_LINE_UNIT_HOUR, "100.00 EUR", "T1");
  add_cost_line (rev, AFF_LINE_KIND_MATERIAL, "Tubes", "1", AFF_LINE_UNIT_LUMP_SUM, "50000.00 EUR", "T2");
  for (k = AFF_LINE_KIND_LABOUR; k <= AFF_LINE_KIND_OTHER; k++)
    ASSERT_OK (aff_offer_revision_set_overhead_rate (rev, k, k == AFF_LINE_KIND_LABOUR ? labour_overhead_rate : 0,
                                                     &error));
  ASSERT_OK (aff_offer_revision_set_contingency (rev, contingency, &error));
  ASSERT_OK (aff_offer_revision_set_selling_price (rev, price, &error));
  ASSERT_OK (aff_offer_revision_set_validity (rev, validity, &error));
  ASSERT_OK (aff_offer_revision_set_vat_rate (rev, 2000, &error));
  if (billing)
    {
      ASSERT_OK (aff_offer_revision_set_billing (rev, 3000, TRUE, 500, &error));
      ASSERT_OK (aff_offer_revision_set_payment_terms (rev, 45, TRUE, &error));
    }
  send (offer, 2026, 4, 1);
  ASSERT_OK (aff_offer_accept (offer, signed_on, "CT-2026-017", &error));
  *affair = aff_portfolio_lookup_affair (p, "OFF-1");
  g_assert_nonnull (*affair);

  plan = aff_affair_get_plan (*affair);
  add_task (plan, "T1", 10);
  add_task (plan, "T2", 10);
  ASSERT_OK (aff_plan_add_dependency (plan, "T1", "T2", AFF_DEPENDENCY_TYPE_FINISH_START, 0, &error));
  ASSERT_OK (aff_plan_schedule (plan, &error));
  assert_date (aff_task_get_early_finish (aff_plan_lookup_task (plan, "T1")), 2026, 5, 4);
  assert_date (aff_task_get_early_finish (aff_plan_lookup_task (plan, "T2")), 2026, 5, 20);
  ASSERT_OK (aff_plan_save_baseline (plan, "contrat", &error));
  return p;
}

/* The costs, progress and billing of the textbook case, on 4 May and after. */
static void
record_textbook (AffAffair *affair)
{
  AffLedger *ledger = aff_affair_get_ledger (affair);
  g_autoptr(GDate) may4 = day (2026, 5, 4);
  g_autoptr(GDate) apr30 = day (2026, 4, 30);
  g_autoptr(AffMoney) advance = money ("37500.00 EUR");
  g_autoptr(AffMoney) paid = money ("45000.00 EUR");

  cost (ledger, 2026, 4, 24, "T1", AFF_COST_CATEGORY_LABOUR, AFF_COST_STATE_ACTUAL, "30000.00 EUR", "TS-17", NULL);
  cost (ledger, 2026, 4, 28, "T2", AFF_COST_CATEGORY_MATERIAL, AFF_COST_STATE_COMMITTED, "52000.00 EUR", "PO-7",
        NULL);
  cost (ledger, 2026, 5, 4, "T1", AFF_COST_CATEGORY_LABOUR, AFF_COST_STATE_ACTUAL, "15000.00 EUR", "TS-18", NULL);
  /* After the date of the status: not counted on 4 May. */
  cost (ledger, 2026, 5, 11, "T2", AFF_COST_CATEGORY_MATERIAL, AFF_COST_STATE_ACTUAL, "20000.00 EUR", "FA-991",
        "PO-7");
  ASSERT_OK (aff_affair_record_progress (affair, "T1", apr30, 5000, &error));
  ASSERT_OK (aff_affair_record_progress (affair, "T1", may4, 8000, &error));
  ASSERT_OK (aff_affair_record_invoice (affair, "F-2026-001", apr30, advance, &error));
  ASSERT_OK (aff_affair_record_payment (affair, "F-2026-001", may4, paid, &error));
}

static void
test_textbook_earned_value (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_finance_portfolio (&affair, 0, FALSE);
  g_autoptr(GDate) may4 = day (2026, 5, 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffAffairStatus) s = NULL;
  double value = 0;
  int bp = 0;

  record_textbook (affair);
  s = aff_affair_compute_status (affair, may4, &error);
  g_assert_no_error (error);
  assert_date (aff_affair_status_get_date (s), 2026, 5, 4);
  g_assert_cmpstr (aff_affair_status_get_affair_id (s), ==, "OFF-1");
  g_assert_true (aff_affair_status_has_baseline (s));
  assert_money (aff_affair_status_get_bac (s), "100000.00 EUR");
  assert_money (aff_affair_status_get_pv (s), "50000.00 EUR");
  assert_money (aff_affair_status_get_ev (s), "40000.00 EUR");
  assert_money (aff_affair_status_get_ac (s), "45000.00 EUR");
  /* PO-7 is not yet invoiced on 4 May */
  assert_money (aff_affair_status_get_open_commitments (s), "52000.00 EUR");
  assert_money (aff_affair_status_get_cv (s), "-5000.00 EUR");
  assert_money (aff_affair_status_get_sv (s), "-10000.00 EUR");
  assert_ratio (aff_affair_status_get_cpi, s, 40000.0 / 45000.0);
  assert_ratio (aff_affair_status_get_spi, s, 0.8);
  g_assert_cmpint (aff_affair_status_get_eac_method (s), ==, AFF_EAC_METHOD_CPI);
  assert_money (aff_affair_status_get_eac (s), "112500.00 EUR");
  assert_money (aff_affair_status_get_etc (s), "67500.00 EUR");
  assert_money (aff_affair_status_get_vac (s), "-12500.00 EUR");
  g_assert_cmpfloat_with_epsilon (assert_ratio (aff_affair_status_get_tcpi, s, 60000.0 / 55000.0), 1.0909, 1e-4);

  /* Margin: the contingency stays a reserve on top of the EAC. */
  assert_money (aff_affair_status_get_contingency (s), "5000.00 EUR");
  assert_money (aff_affair_status_get_cost_at_completion (s), "117500.00 EUR");
  assert_money (aff_affair_status_get_contract_amount (s), "125000.00 EUR");
  assert_money (aff_affair_status_get_revenue_at_completion (s), "125000.00 EUR");
  assert_money (aff_affair_status_get_margin_at_completion (s), "7500.00 EUR");
  assert_money (aff_affair_status_get_offer_margin (s), "20000.00 EUR");
  assert_money (aff_affair_status_get_margin_drift (s), "-12500.00 EUR");
  g_assert_true (aff_affair_status_get_margin_rate (s, &bp));
  g_assert_cmpint (bp, ==, 600);                       /* 7 500 / 125 000 */
  g_assert_true (aff_affair_status_get_margin_rate_drift (s, &bp));
  g_assert_cmpint (bp, ==, -1000);                     /* 6 % − 16 % */

  /* Cost to cost: 45 000 / 117 500 = 0.382978…; recognised 125 000 × that
   * = 47 872.340… → 47 872.34; billed 37 500: FAE 10 372.34. */
  g_assert_cmpint (aff_affair_status_get_revenue_method (s), ==, AFF_REVENUE_METHOD_COST_TO_COST);
  assert_ratio (aff_affair_status_get_completion, s, 45000.0 / 117500.0);
  assert_money (aff_affair_status_get_recognised_revenue (s), "47872.34 EUR");
  assert_money (aff_affair_status_get_billed (s), "37500.00 EUR");
  assert_money (aff_affair_status_get_cash_received (s), "45000.00 EUR");
  assert_money (aff_affair_status_get_accrued_revenue (s), "10372.34 EUR");
  assert_money (aff_affair_status_get_deferred_revenue (s), "0.00 EUR");
  assert_money (aff_affair_status_get_loss_provision (s), "0.00 EUR");
  assert_money (aff_affair_status_get_backlog (s), "77127.66 EUR");

  /* Physical 0.4, cost 45 000 / 112 500 = 0.4, billing 0.3: a gap of 10
   * points, exactly the default tolerance. */
  assert_ratio (aff_affair_status_get_physical_progress, s, 0.4);
  assert_ratio (aff_affair_status_get_cost_progress, s, 0.4);
  assert_ratio (aff_affair_status_get_billing_progress, s, 0.3);
  g_assert_true (aff_affair_status_is_concordant (s, &value));
  g_assert_cmpfloat_with_epsilon (value, 0.1, 1e-9);
}

static void
test_concordance_tolerance (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_finance_portfolio (&affair, 0, FALSE);
  g_autoptr(GDate) may4 = day (2026, 5, 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffAffairStatus) s = NULL;
  double gap = 0;

  record_textbook (affair);
  aff_policy_set_concordance_tolerance (aff_portfolio_get_policy (p), 999);
  s = aff_affair_compute_status (affair, may4, &error);
  g_assert_no_error (error);
  g_assert_false (aff_affair_status_is_concordant (s, &gap));
  g_assert_cmpfloat_with_epsilon (gap, 0.1, 1e-9);
}

static AffAffairStatus *
status_on (AffAffair *affair,
           int y, int m, int d)
{
  g_autoptr(GDate) date = day (y, m, d);
  g_autoptr(GError) error = NULL;
  AffAffairStatus *s = aff_affair_compute_status (affair, date, &error);

  g_assert_no_error (error);
  g_assert_nonnull (s);
  return s;
}

static void
test_eac_methods (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_finance_portfolio (&affair, 0, FALSE);
  g_autoptr(GDate) may4 = day (2026, 5, 4);
  g_autoptr(AffMoney) rest_t1 = money ("12000.00 EUR");
  g_autoptr(AffMoney) whole = money ("3000.00 EUR");
  AffPolicy *policy = aff_portfolio_get_policy (p);
  AffAffairStatus *s;

  record_textbook (affair);
  /* AC + (BAC − EV) = 45 000 + 60 000 */
  aff_policy_set_eac_method (policy, AFF_EAC_METHOD_ATYPICAL);
  s = status_on (affair, 2026, 5, 4);
  g_assert_cmpint (aff_affair_status_get_eac_method (s), ==, AFF_EAC_METHOD_ATYPICAL);
  assert_money (aff_affair_status_get_eac (s), "105000.00 EUR");
  aff_affair_status_free (s);

  /* AC + (BAC − EV) / (CPI × SPI) = 45 000 + 60 000 / (0.8889 × 0.8)
   * = 45 000 + 60 000 × 1.40625 = 129 375 */
  aff_policy_set_eac_method (policy, AFF_EAC_METHOD_COMPOSITE);
  s = status_on (affair, 2026, 5, 4);
  assert_money (aff_affair_status_get_eac (s), "129375.00 EUR");
  aff_affair_status_free (s);

  /* Bottom-up: AC + 12 000 estimated for T1 + T2's unearned 50 000 */
  ASSERT_OK (aff_affair_record_remaining (affair, "T1", may4, rest_t1, &error));
  aff_policy_set_eac_method (policy, AFF_EAC_METHOD_BOTTOM_UP);
  s = status_on (affair, 2026, 5, 4);
  assert_money (aff_affair_status_get_eac (s), "107000.00 EUR");
  aff_affair_status_free (s);
  /* An estimate for the whole affair adds to them, though no budget line
   * is the whole affair's. */
  ASSERT_OK (aff_affair_record_remaining (affair, NULL, may4, whole, &error));
  s = status_on (affair, 2026, 5, 4);
  assert_money (aff_affair_status_get_eac (s), "110000.00 EUR");
  aff_affair_status_free (s);

  /* The affair's own method wins over the policy's. */
  aff_affair_set_eac_method (affair, AFF_EAC_METHOD_CPI);
  g_assert_cmpint (aff_affair_get_eac_method (affair), ==, AFF_EAC_METHOD_CPI);
  s = status_on (affair, 2026, 5, 4);
  assert_money (aff_affair_status_get_eac (s), "112500.00 EUR");
  aff_affair_status_free (s);

  /* Before any progress the CPI is 0 and BAC / CPI undefined: the
   * estimate falls back to AC + BAC − EV, and says so. On 24 April: AC
   * 30 000, EV 0. */
  s = status_on (affair, 2026, 4, 24);
  assert_ratio (aff_affair_status_get_cpi, s, 0.0);
  g_assert_cmpint (aff_affair_status_get_eac_method (s), ==, AFF_EAC_METHOD_ATYPICAL);
  assert_money (aff_affair_status_get_eac (s), "130000.00 EUR");
  /* T1 half planned: 5 of its 10 working days */
  assert_money (aff_affair_status_get_pv (s), "25000.00 EUR");
  assert_money (aff_affair_status_get_ev (s), "0.00 EUR");
  aff_affair_status_free (s);
}

static void
test_nothing_yet (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_finance_portfolio (&affair, 0, FALSE);
  g_autoptr(AffAffairStatus) s = status_on (affair, 2026, 4, 19);
  double value;
  int bp = 0;

  /* The day before the start: nothing planned, earned, spent or billed;
   * every ratio with a zero denominator is undefined, never infinite. */
  assert_money (aff_affair_status_get_pv (s), "0.00 EUR");
  assert_money (aff_affair_status_get_ac (s), "0.00 EUR");
  g_assert_false (aff_affair_status_get_cpi (s, &value));
  g_assert_false (aff_affair_status_get_spi (s, &value));
  g_assert_false (aff_affair_status_get_cost_progress (s, &value) && value != 0);
  assert_money (aff_affair_status_get_eac (s), "100000.00 EUR");
  /* At signature the margin at completion is the offer's. */
  assert_money (aff_affair_status_get_margin_at_completion (s), "20000.00 EUR");
  assert_money (aff_affair_status_get_margin_drift (s), "0.00 EUR");
  g_assert_true (aff_affair_status_get_margin_rate_drift (s, &bp));
  g_assert_cmpint (bp, ==, 0);
  assert_money (aff_affair_status_get_recognised_revenue (s), "0.00 EUR");
  assert_money (aff_affair_status_get_backlog (s), "125000.00 EUR");
  /* TCPI: (100 000 − 0) / (100 000 − 0) */
  assert_ratio (aff_affair_status_get_tcpi, s, 1.0);
}

static void
test_deferred_revenue_and_physical_method (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_finance_portfolio (&affair, 0, FALSE);
  g_autoptr(GDate) may2 = day (2026, 5, 2);
  g_autoptr(AffMoney) second = money ("22500.00 EUR");
  AffAffairStatus *s;

  record_textbook (affair);
  ASSERT_OK (aff_affair_record_invoice (affair, "F-2026-002", may2, second, &error));
  /* Billed 60 000 against 47 872.34 recognised: PCA 12 127.66. */
  s = status_on (affair, 2026, 5, 4);
  assert_money (aff_affair_status_get_billed (s), "60000.00 EUR");
  assert_money (aff_affair_status_get_accrued_revenue (s), "0.00 EUR");
  assert_money (aff_affair_status_get_deferred_revenue (s), "12127.66 EUR");
  aff_affair_status_free (s);

  /* Physical: completion EV / BAC = 0.4; recognised 50 000; PCA 10 000. */
  aff_policy_set_revenue_method (aff_portfolio_get_policy (p), AFF_REVENUE_METHOD_PHYSICAL);
  s = status_on (affair, 2026, 5, 4);
  g_assert_cmpint (aff_affair_status_get_revenue_method (s), ==, AFF_REVENUE_METHOD_PHYSICAL);
  assert_money (aff_affair_status_get_recognised_revenue (s), "50000.00 EUR");
  assert_money (aff_affair_status_get_deferred_revenue (s), "10000.00 EUR");
  aff_affair_status_free (s);
}

static void
test_loss_provision (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_finance_portfolio (&affair, 0, FALSE);
  g_autoptr(GDate) may4 = day (2026, 5, 4);
  g_autoptr(AffMoney) rest_t1 = money ("12000.00 EUR");
  g_autoptr(AffMoney) rest_t2 = money ("85000.00 EUR");
  g_autoptr(AffAffairStatus) s = NULL;
  int bp = 0;

  record_textbook (affair);
  ASSERT_OK (aff_affair_record_remaining (affair, "T1", may4, rest_t1, &error));
  ASSERT_OK (aff_affair_record_remaining (affair, "T2", may4, rest_t2, &error));
  aff_affair_set_eac_method (affair, AFF_EAC_METHOD_BOTTOM_UP);
  s = status_on (affair, 2026, 5, 4);
  /* EAC 45 000 + 12 000 + 85 000 = 142 000; with the contingency 147 000,
   * against 125 000 of revenue: a loss of 22 000. Completion 45 000 /
   * 147 000; recognised 125 000 × 45 000 / 147 000 = 38 265.306… →
   * 38 265.31; the recognised result absorbs 45 000 − 38 265.31 =
   * 6 734.69 of the loss; the provision is the rest, 15 265.31 (22 000 ×
   * 102 000 / 147 000 = 15 265.306…). */
  assert_money (aff_affair_status_get_eac (s), "142000.00 EUR");
  assert_money (aff_affair_status_get_cost_at_completion (s), "147000.00 EUR");
  assert_money (aff_affair_status_get_margin_at_completion (s), "-22000.00 EUR");
  assert_money (aff_affair_status_get_recognised_revenue (s), "38265.31 EUR");
  assert_money (aff_affair_status_get_loss_provision (s), "15265.31 EUR");
  assert_money (aff_affair_status_get_accrued_revenue (s), "765.31 EUR");
  g_assert_true (aff_affair_status_get_margin_rate (s, &bp));
  g_assert_cmpint (bp, ==, -1760);                     /* −22 000 / 125 000 */
}

static void
test_amendment (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_finance_portfolio (&affair, 0, FALSE);
  g_autoptr(GDate) proposed = day (2026, 5, 6);
  g_autoptr(GDate) accepted = day (2026, 5, 11);
  g_autoptr(GDate) too_early = day (2026, 5, 5);
  g_autoptr(AffMoney) revenue = money ("10000.00 EUR");
  g_autoptr(AffMoney) change = money ("8000.00 EUR");
  g_autoptr(AffMoney) dollars = money ("8000.00 USD");
  g_autoptr(AffAmendment) amendment = aff_amendment_new ("AV-1", proposed, revenue, "Tubes supplémentaires");
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(AffMoney) budget = NULL;
  g_autoptr(GError) local_error = NULL;
  AffAffairStatus *s;
  const char *work = NULL;
  AffCostCategory category = AFF_COST_CATEGORY_OTHER;
  AffMoney *listed_change = NULL;
  GDate date;

  ASSERT_OK (aff_amendment_add_budget_change (amendment, "T2", AFF_COST_CATEGORY_MATERIAL, change, &error));
  ASSERT_FAILS (AFF_ERROR_CURRENCY_MISMATCH,
                aff_amendment_add_budget_change (amendment, "T2", AFF_COST_CATEGORY_MATERIAL, dollars, &error));
  ASSERT_OK (aff_affair_add_amendment (affair, amendment, &error));
  ASSERT_FAILS (AFF_ERROR_DUPLICATE_ID, aff_affair_add_amendment (affair, amendment, &error));
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_affair_accept_amendment (affair, "AV-9", accepted, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_affair_accept_amendment (affair, "AV-1", too_early, &error));

  /* Proposed, it counts for nothing. */
  s = status_on (affair, 2026, 5, 13);
  assert_money (aff_affair_status_get_revenue_at_completion (s), "125000.00 EUR");
  assert_money (aff_affair_status_get_bac (s), "100000.00 EUR");
  aff_affair_status_free (s);

  ASSERT_OK (aff_affair_accept_amendment (affair, "AV-1", accepted, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_affair_accept_amendment (affair, "AV-1", accepted, &error));
  listed = aff_affair_list_amendments (affair);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_true (aff_amendment_get_accepted_date (g_ptr_array_index (listed, 0), &date));
  assert_date (&date, 2026, 5, 11);
  g_assert_cmpuint (aff_amendment_get_n_budget_changes (g_ptr_array_index (listed, 0)), ==, 1);
  g_assert_true (aff_amendment_get_budget_change (g_ptr_array_index (listed, 0), 0, &work, &category,
                                                  &listed_change));
  g_assert_cmpstr (work, ==, "T2");
  g_assert_cmpint (category, ==, AFF_COST_CATEGORY_MATERIAL);
  assert_money (listed_change, "8000.00 EUR");
  aff_money_free (listed_change);

  /* Before its acceptance, still nothing. */
  s = status_on (affair, 2026, 5, 8);
  assert_money (aff_affair_status_get_revenue_at_completion (s), "125000.00 EUR");
  aff_affair_status_free (s);

  /* On 13 May: revenue 135 000; T2's material budget 58 000. T2 is planned
   * 5 May – 20 May; by the 13th, 6 of its 10 working days (5, 6, 7, 11,
   * 12, 13 May): PV = 50 000 + 58 000 × 6 / 10 = 84 800. */
  s = status_on (affair, 2026, 5, 13);
  assert_money (aff_affair_status_get_revenue_at_completion (s), "135000.00 EUR");
  assert_money (aff_affair_status_get_bac (s), "108000.00 EUR");
  assert_money (aff_affair_status_get_pv (s), "84800.00 EUR");
  aff_affair_status_free (s);
  /* And back before it: the first budget again. */
  s = status_on (affair, 2026, 5, 8);
  assert_money (aff_affair_status_get_bac (s), "100000.00 EUR");
  aff_affair_status_free (s);
  s = status_on (affair, 2026, 5, 11);
  assert_money (aff_affair_status_get_bac (s), "108000.00 EUR");
  aff_affair_status_free (s);
  budget = aff_affair_get_budget_at_completion (affair, accepted, "T2", AFF_COST_CATEGORY_MATERIAL, &local_error);
  g_assert_no_error (local_error);
  assert_money (budget, "58000.00 EUR");
}

/* A status reads the budget and plan again once they change, though the
 * last one kept what it read. */
static void
test_status_follows_its_plan (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_finance_portfolio (&affair, 0, FALSE);
  g_autoptr(GDate) may12 = day (2026, 5, 12), may11 = day (2026, 5, 11), may4 = day (2026, 5, 4);
  AffPlan *plan = aff_affair_get_plan (affair);
  g_autoptr(GPtrArray) drifts = NULL;
  g_autoptr(GError) local_error = NULL;
  AffAffairStatus *s;
  guint i, overruns = 0;

  /* T2 is planned 5 May – 20 May, ten working days; by the 12th, five of
   * them (5, 6, 7, 11, 12): PV = 50 000 + 50 000 × 5 / 10. */
  s = status_on (affair, 2026, 5, 12);
  assert_money (aff_affair_status_get_pv (s), "75000.00 EUR");
  aff_affair_status_free (s);

  /* The 12th off: the baseline's T2 keeps its dates, now nine working
   * days, four of them by the 12th: 50 000 + 50 000 × 4 / 9 = 72 222.22. */
  ASSERT_OK (aff_calendar_add_holiday (aff_plan_get_calendar (plan), may12, "fête locale", &error));
  s = status_on (affair, 2026, 5, 12);
  assert_money (aff_affair_status_get_pv (s), "72222.22 EUR");
  assert_money (aff_affair_status_get_bac (s), "100000.00 EUR");
  aff_affair_status_free (s);

  /* T2 shortened to five days, then a new baseline: 5, 6, 7, 11 and 13
   * May, four of them by the 12th: 50 000 + 50 000 × 4 / 5. Before the
   * baseline, the old one still counts. */
  aff_task_set_duration (aff_plan_lookup_task (plan, "T2"), 5);
  s = status_on (affair, 2026, 5, 12);
  assert_money (aff_affair_status_get_pv (s), "72222.22 EUR");
  aff_affair_status_free (s);
  ASSERT_OK (aff_plan_schedule (plan, &error));
  assert_date (aff_task_get_early_finish (aff_plan_lookup_task (plan, "T2")), 2026, 5, 13);
  ASSERT_OK (aff_plan_save_baseline (plan, "avenant", &error));
  s = status_on (affair, 2026, 5, 12);
  assert_money (aff_affair_status_get_pv (s), "90000.00 EUR");
  aff_affair_status_free (s);
  /* On the 4th, T1's ten days are all planned, T2's none. */
  s = status_on (affair, 2026, 5, 4);
  assert_money (aff_affair_status_get_pv (s), "50000.00 EUR");
  assert_money (aff_affair_status_get_ev (s), "0.00 EUR");
  aff_affair_status_free (s);

  /* Progress recorded since: T1 80 % on the 4th, then T2 half done on the
   * 11th. EV on the 12th = 50 000 × 0.8 + 50 000 × 0.5. */
  ASSERT_OK (aff_affair_record_progress (affair, "T1", may4, 8000, &error));
  s = status_on (affair, 2026, 5, 12);
  assert_money (aff_affair_status_get_ev (s), "40000.00 EUR");
  aff_affair_status_free (s);
  ASSERT_OK (aff_affair_record_progress (affair, "T2", may11, 5000, &error));
  s = status_on (affair, 2026, 5, 12);
  assert_money (aff_affair_status_get_ev (s), "65000.00 EUR");
  aff_affair_status_free (s);

  /* The ledger, empty until now, learns T2: 60 000.00 of material on a
   * budget of 50 000.00 overruns it by a fifth. */
  cost (aff_affair_get_ledger (affair), 2026, 5, 11, "T2", AFF_COST_CATEGORY_MATERIAL, AFF_COST_STATE_ACTUAL,
        "60000.00 EUR", "FA-1", NULL);
  drifts = aff_affair_list_drifts (affair, may12, &local_error);
  g_assert_no_error (local_error);
  for (i = 0; i < drifts->len; i++)
    if (aff_drift_get_kind (g_ptr_array_index (drifts, i)) == AFF_DRIFT_KIND_BUDGET_OVERRUN)
      {
        g_assert_cmpstr (aff_drift_get_subject (g_ptr_array_index (drifts, i)), ==, "T2/material");
        g_assert_cmpfloat_with_epsilon (aff_drift_get_value (g_ptr_array_index (drifts, i)), 1.2, 1e-9);
        overruns++;
      }
  g_assert_cmpuint (overruns, ==, 1);
}

static void
test_overheads_earn_with_the_rest (void)
{
  AffAffair *affair;
  /* 10 % on labour: 5 000 of overheads, for the whole affair. */
  g_autoptr(AffPortfolio) p = new_finance_portfolio (&affair, 1000, FALSE);
  g_autoptr(AffAffairStatus) s = NULL;
  g_autoptr(AffMoney) overheads = NULL;
  g_autoptr(GDate) may4 = day (2026, 5, 4);

  record_textbook (affair);
  overheads = aff_affair_get_budget_at_completion (affair, may4, NULL, AFF_COST_CATEGORY_OVERHEAD, NULL);
  assert_money (overheads, "5000.00 EUR");
  s = status_on (affair, 2026, 5, 4);
  assert_money (aff_affair_status_get_bac (s), "105000.00 EUR");
  /* The overheads earn as the direct lines do (40 000 of 100 000): 2 000;
   * they are planned over the whole plan, 20 working days from 20 April to
   * 20 May, 10 of them by 4 May: 2 500. */
  assert_money (aff_affair_status_get_ev (s), "42000.00 EUR");
  assert_money (aff_affair_status_get_pv (s), "52500.00 EUR");
}

static void
test_progress_history (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_finance_portfolio (&affair, 0, FALSE);
  g_autoptr(GDate) apr29 = day (2026, 4, 29);
  g_autoptr(GDate) apr30 = day (2026, 4, 30);
  g_autoptr(GDate) may4 = day (2026, 5, 4);
  g_autoptr(GDate) invalid = g_date_new ();
  int bp = -1;

  record_textbook (affair);
  g_assert_false (aff_affair_get_progress (affair, "T1", apr29, &bp));
  g_assert_true (aff_affair_get_progress (affair, "T1", apr30, &bp));
  g_assert_cmpint (bp, ==, 5000);
  g_assert_true (aff_affair_get_progress (affair, "T1", may4, &bp));
  g_assert_cmpint (bp, ==, 8000);
  /* A figure corrected the same day replaces the first. */
  ASSERT_OK (aff_affair_record_progress (affair, "T1", may4, 7500, &error));
  g_assert_true (aff_affair_get_progress (affair, "T1", may4, &bp));
  g_assert_cmpint (bp, ==, 7500);
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_affair_record_progress (affair, "T1", may4, 10001, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_affair_record_progress (affair, "T1", may4, -1, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_affair_record_progress (affair, "T1", invalid, 100, &error));
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_affair_record_progress (affair, "T9", may4, 100, &error));
}

static void
test_invoices_and_payments (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_finance_portfolio (&affair, 0, FALSE);
  g_autoptr(GDate) apr30 = day (2026, 4, 30);
  g_autoptr(GDate) apr29 = day (2026, 4, 29);
  g_autoptr(AffMoney) amount = money ("1000.00 EUR");
  g_autoptr(AffMoney) dollars = money ("1000.00 USD");

  record_textbook (affair);
  ASSERT_FAILS (AFF_ERROR_DUPLICATE_ID, aff_affair_record_invoice (affair, "F-2026-001", apr30, amount, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_affair_record_invoice (affair, "F 1", apr30, amount, &error));
  ASSERT_FAILS (AFF_ERROR_CURRENCY_MISMATCH, aff_affair_record_invoice (affair, "F-9", apr30, dollars, &error));
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_affair_record_payment (affair, "F-9", apr30, amount, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_affair_record_payment (affair, "F-2026-001", apr29, amount, &error));
}

static void
test_ledger_sums_and_commitments (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffLedger) ledger = aff_ledger_new ("EUR", &error);
  g_autoptr(GDate) may4 = day (2026, 5, 4);
  g_autoptr(GDate) may31 = day (2026, 5, 31);
  g_autoptr(AffMoney) sum = NULL;
  g_autoptr(AffMoney) open = NULL;
  g_autoptr(AffCostEntry) entry = NULL;
  g_autoptr(AffCostEntry) orphan = NULL;
  g_autoptr(AffCostEntry) unnamed = NULL;
  g_autoptr(AffMoney) amount = money ("10.00 EUR");
  g_autoptr(AffMoney) dollars = money ("10.00 USD");

  g_assert_no_error (error);
  g_assert_null (aff_ledger_new ("EURO", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_UNKNOWN_CURRENCY);
  g_clear_error (&error);

  cost (ledger, 2026, 4, 24, "T1", AFF_COST_CATEGORY_LABOUR, AFF_COST_STATE_ACTUAL, "30000.00 EUR", "TS-17", NULL);
  cost (ledger, 2026, 4, 28, "T2", AFF_COST_CATEGORY_MATERIAL, AFF_COST_STATE_COMMITTED, "52000.00 EUR", "PO-7",
        NULL);
  cost (ledger, 2026, 5, 11, "T2", AFF_COST_CATEGORY_MATERIAL, AFF_COST_STATE_ACTUAL, "20000.00 EUR", "FA-991",
        "PO-7");
  cost (ledger, 2026, 5, 20, "T2", AFF_COST_CATEGORY_MATERIAL, AFF_COST_STATE_ACTUAL, "35000.00 EUR", "FA-1002",
        "PO-7");
  cost (ledger, 2026, 5, 21, NULL, AFF_COST_CATEGORY_TRAVEL, AFF_COST_STATE_ACTUAL, "-150.00 EUR", "AV-3", NULL);
  g_assert_cmpuint (aff_ledger_get_n_entries (ledger), ==, 5);

  sum = aff_ledger_sum (ledger, NULL, AFF_COST_STATE_ACTUAL, NULL, -1, &error);
  assert_money (sum, "84850.00 EUR");
  g_clear_pointer (&sum, aff_money_free);
  sum = aff_ledger_sum (ledger, may4, AFF_COST_STATE_ACTUAL, NULL, -1, &error);
  assert_money (sum, "30000.00 EUR");
  g_clear_pointer (&sum, aff_money_free);
  sum = aff_ledger_sum (ledger, NULL, AFF_COST_STATE_ACTUAL, "T2", AFF_COST_CATEGORY_MATERIAL, &error);
  assert_money (sum, "55000.00 EUR");
  g_clear_pointer (&sum, aff_money_free);
  sum = aff_ledger_sum (ledger, NULL, AFF_COST_STATE_ACTUAL, "nothing", -1, &error);
  assert_money (sum, "0.00 EUR");
  g_clear_pointer (&sum, aff_money_free);
  sum = aff_ledger_sum (ledger, NULL, AFF_COST_STATE_COMMITTED, NULL, -1, &error);
  assert_money (sum, "52000.00 EUR");

  /* PO-7: 52 000 ordered; 20 000 invoiced by 11 May leaves 32 000; the
   * second invoice (35 000) goes beyond the order: nothing left, not −3 000. */
  open = aff_ledger_get_open_commitments (ledger, may4, &error);
  assert_money (open, "52000.00 EUR");
  g_clear_pointer (&open, aff_money_free);
  {
    g_autoptr(GDate) may15 = day (2026, 5, 15);

    open = aff_ledger_get_open_commitments (ledger, may15, &error);
    assert_money (open, "32000.00 EUR");
    g_clear_pointer (&open, aff_money_free);
  }
  open = aff_ledger_get_open_commitments (ledger, may31, &error);
  assert_money (open, "0.00 EUR");

  entry = aff_ledger_get_entry (ledger, 2);
  assert_date (aff_cost_entry_get_date (entry), 2026, 5, 11);
  g_assert_cmpstr (aff_cost_entry_get_work (entry), ==, "T2");
  g_assert_cmpint (aff_cost_entry_get_category (entry), ==, AFF_COST_CATEGORY_MATERIAL);
  g_assert_cmpint (aff_cost_entry_get_state (entry), ==, AFF_COST_STATE_ACTUAL);
  g_assert_cmpstr (aff_cost_entry_get_document (entry), ==, "FA-991");
  g_assert_cmpstr (aff_cost_entry_get_commitment (entry), ==, "PO-7");
  g_assert_null (aff_cost_entry_get_supplier (entry));
  g_assert_null (aff_ledger_get_entry (ledger, 5));

  /* A commitment needs its order; an invoice settles an order the ledger
   * has; one order per document; one currency. */
  unnamed = aff_cost_entry_new (may4, "T1", AFF_COST_CATEGORY_MATERIAL, AFF_COST_STATE_COMMITTED, amount);
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_ledger_add (ledger, unnamed, &error));
  aff_cost_entry_set_document (unnamed, "PO-7");
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_ledger_add (ledger, unnamed, &error));
  orphan = aff_cost_entry_new (may4, "T1", AFF_COST_CATEGORY_MATERIAL, AFF_COST_STATE_ACTUAL, amount);
  aff_cost_entry_set_commitment (orphan, "PO-404");
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_ledger_add (ledger, orphan, &error));
  {
    g_autoptr(AffCostEntry) foreign = aff_cost_entry_new (may4, "T1", AFF_COST_CATEGORY_TRAVEL,
                                                          AFF_COST_STATE_ACTUAL, dollars);

    ASSERT_FAILS (AFF_ERROR_CURRENCY_MISMATCH, aff_ledger_add (ledger, foreign, &error));
  }
  g_assert_cmpuint (aff_ledger_get_n_entries (ledger), ==, 5);
}

/* Costs beyond 64 bits: 50 000 000 000 000 000.00 is 5 × 10^18 cents, two
 * of them 10^19 > 2^63 − 1 ≈ 9.22 × 10^18. The status and the ledger's
 * sums refuse them whether they fall in one sum (one work and category)
 * or in two that only the actual cost adds together; so do two orders
 * left open. */
static void
test_ledger_overflow (void)
{
  static const struct
  {
    const char *second_work;
    AffCostCategory second_category;
    AffCostState state;
  } cases[] = {
    { "T1", AFF_COST_CATEGORY_LABOUR, AFF_COST_STATE_ACTUAL },
    { "T2", AFF_COST_CATEGORY_MATERIAL, AFF_COST_STATE_ACTUAL },
    { "T2", AFF_COST_CATEGORY_MATERIAL, AFF_COST_STATE_COMMITTED },
  };
  g_autoptr(GDate) may4 = day (2026, 5, 4);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      AffAffair *affair = NULL;
      g_autoptr(AffPortfolio) p = new_finance_portfolio (&affair, 0, FALSE);
      AffLedger *ledger = aff_affair_get_ledger (affair);
      g_autoptr(AffAffairStatus) status = NULL;

      cost (ledger, 2026, 4, 24, "T1", AFF_COST_CATEGORY_LABOUR, cases[i].state, "50000000000000000.00 EUR", "D-1",
            NULL);
      /* One that fits first: the status is made. */
      status = aff_affair_compute_status (affair, may4, &error);
      g_assert_no_error (error);
      g_clear_pointer (&status, aff_affair_status_free);
      cost (ledger, 2026, 4, 28, cases[i].second_work, cases[i].second_category, cases[i].state,
            "50000000000000000.00 EUR", "D-2", NULL);
      g_assert_null (aff_affair_compute_status (affair, may4, &error));
      g_assert_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW);
      /* The error names the affair. */
      g_assert_nonnull (strstr (error->message, "OFF-1"));
      g_clear_error (&error);
      if (cases[i].state == AFF_COST_STATE_COMMITTED)
        g_assert_null (aff_ledger_get_open_commitments (ledger, may4, &error));
      else
        g_assert_null (aff_ledger_sum (ledger, may4, AFF_COST_STATE_ACTUAL, NULL, -1, &error));
      g_assert_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW);
      g_clear_error (&error);
      /* Up to the day before the second, the status is made again. */
      {
        g_autoptr(GDate) apr27 = day (2026, 4, 27);

        status = aff_affair_compute_status (affair, apr27, &error);
        g_assert_no_error (error);
        assert_money (cases[i].state == AFF_COST_STATE_ACTUAL ? aff_affair_status_get_ac (status)
                                                              : aff_affair_status_get_open_commitments (status),
                      "50000000000000000.00 EUR");
      }
    }
}

static void
test_ledger_csv (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffLedger) ledger = aff_ledger_new ("EUR", &error);
  g_autoptr(AffLedger) again = aff_ledger_new ("EUR", &error);
  g_autoptr(AffCostEntry) entry = NULL;
  g_autoptr(AffMoney) sum = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv_again = NULL;
  /* Columns in another order, a quoted supplier with a comma and a quote,
   * a byte-order mark, CRLF, a blank last line. */
  const char *text =
    "\xef\xbb\xbf" "state,date,amount,category,work,quantity,supplier,document,commitment\r\n"
    "actual,2026-04-24,1234.50,labour,T1,12.5,\"Dupont, \"\"Père\"\" & Fils\",TS-1,\r\n"
    "committed,2026-04-28,52000,material,T2,,Inox SA,PO-7,\r\n"
    "actual,2026-05-11,20000.00,material,T2,1,Inox SA,FA-991,PO-7\r\n"
    "\r\n";
  guint added = 0;

  ASSERT_OK (aff_ledger_import_csv (ledger, text, -1, &added, &error));
  g_assert_cmpuint (added, ==, 3);
  entry = aff_ledger_get_entry (ledger, 0);
  g_assert_cmpstr (aff_cost_entry_get_supplier (entry), ==, "Dupont, \"Père\" & Fils");
  g_assert_cmpint (aff_cost_entry_get_quantity (entry), ==, 12500);
  assert_money (aff_cost_entry_get_amount (entry), "1234.50 EUR");
  sum = aff_ledger_sum (ledger, NULL, AFF_COST_STATE_ACTUAL, NULL, -1, &error);
  assert_money (sum, "21234.50 EUR");

  csv = aff_ledger_to_csv (ledger);
  g_assert_cmpstr (csv, ==,
                   "date,work,category,state,amount,quantity,supplier,document,commitment\r\n"
                   "2026-04-24,T1,labour,actual,1234.50,12.500,\"Dupont, \"\"Père\"\" & Fils\",TS-1,\r\n"
                   "2026-04-28,T2,material,committed,52000.00,,Inox SA,PO-7,\r\n"
                   "2026-05-11,T2,material,actual,20000.00,1.000,Inox SA,FA-991,PO-7\r\n");
  ASSERT_OK (aff_ledger_import_csv (again, csv, -1, NULL, &error));
  csv_again = aff_ledger_to_csv (again);
  g_assert_cmpstr (csv_again, ==, csv);
}

static void
test_ledger_csv_errors (void)
{
  static const struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { "", "Line 1: expected a header naming the columns" },
    { "date,category,state\n", "Line 1: the column “amount” is missing" },
    { "date,category,state,amount,colour\n", "Line 1: unknown column “colour”" },
    { "date,category,state,amount,date\n", "Line 1: column “date” appears twice" },
    { "date,category,state,amount\n2026-04-24,labour,actual,10\n2026-02-30,labour,actual,10\n",
      "Line 3, column date: expected a date like 2026-03-31" },
    { "date,category,state,amount\n2026-04-24,welding,actual,10\n", "Line 2, column category:" },
    { "date,category,state,amount\n2026-04-24,labour,spent,10\n", "Line 2, column state:" },
    { "date,category,state,amount\n2026-04-24,labour,actual,10.123\n", "Line 2, column amount:" },
    { "date,category,state,amount\n2026-04-24,labour,actual,1e3\n", "Line 2, column amount:" },
    { "date,category,state,amount,quantity\n2026-04-24,labour,actual,10,1.2345\n", "Line 2, column quantity:" },
    { "date,category,state,amount\n2026-04-24,labour,actual\n", "Line 2: expected 4 fields, found 3" },
    { "date,category,state,amount\n2026-04-24,labour,actual,\"10\n", "Line 2: a quoted field is not closed" },
    { "date,category,state,amount\n2026-04-24,labour,actual,1\"0\n", "Line 2: a quote inside an unquoted field" },
    { "date,category,state,amount,document\n2026-04-24,material,committed,10,\n",
      "Line 2: a commitment needs the reference of its order" },
    { "date,category,state,amount,document\n2026-04-24,material,committed,10,PO-1\n"
      "2026-04-25,material,committed,10,PO-1\n",
      "Line 3: a commitment with this document is already in the ledger" },
    { "date,category,state,amount,commitment\n2026-04-24,material,actual,10,PO-404\n",
      "Line 2: it settles a commitment the ledger does not have" },
    /* A field quoted over two lines counts both. */
    { "date,category,state,amount,supplier\n2026-04-24,labour,actual,10,\"two\nlines\"\n2026-04-24,x,actual,10,a\n",
      "Line 4, column category:" },
    { "date,category,state,amount\n2026-04-24,labour,actual,10\n\xff\n", "Line 3: the text is not valid UTF-8" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AffLedger) ledger = aff_ledger_new ("EUR", &error);
      guint added = 99;

      g_test_message ("case %u", i);
      g_assert_false (aff_ledger_import_csv (ledger, cases[i].text, -1, &added, &error));
      g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
      /* Whole or nothing. */
      g_assert_cmpuint (added, ==, 0);
      g_assert_cmpuint (aff_ledger_get_n_entries (ledger), ==, 0);
    }
}

/* A row's work is numbered among the works, apart from the suppliers and
 * documents: a word first met as a supplier becomes a work later without
 * a new word, and the status finds the budget line it matches; a failed
 * import takes its works back, and the next one numbers its own. */
static void
test_ledger_works (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_finance_portfolio (&affair, 0, FALSE);
  AffLedger *ledger = aff_affair_get_ledger (affair);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) may12 = day (2026, 5, 12);
  g_autoptr(GPtrArray) drifts = NULL;
  g_autoptr(AffMoney) sum = NULL;
  g_autofree char *csv = NULL;
  guint i, overruns = 0;

  ASSERT_OK (aff_ledger_import_csv (ledger,
                                    "date,work,category,state,amount,supplier\n"
                                    "2026-04-24,,other,actual,10.00,T2\n"
                                    "2026-04-24,,other,actual,20.00,ACME\n", -1, NULL, &error));
  drifts = aff_affair_list_drifts (affair, may12, &error);
  g_assert_no_error (error);
  g_clear_pointer (&drifts, g_ptr_array_unref);
  /* T2 the work, already a word: 60 000.00 of material on the 50 000.00
   * of its line is 1.2 times its budget. Found as a cost without a line,
   * it would show no ratio (0). */
  ASSERT_OK (aff_ledger_import_csv (ledger,
                                    "date,work,category,state,amount,supplier\n"
                                    "2026-05-11,T2,material,actual,60000.00,T2\n", -1, NULL, &error));
  drifts = aff_affair_list_drifts (affair, may12, &error);
  g_assert_no_error (error);
  for (i = 0; i < drifts->len; i++)
    {
      const AffDrift *drift = g_ptr_array_index (drifts, i);

      if (aff_drift_get_kind (drift) != AFF_DRIFT_KIND_BUDGET_OVERRUN)
        continue;
      overruns++;
      if (g_strcmp0 (aff_drift_get_subject (drift), "T2/material") == 0)
        g_assert_cmpfloat_with_epsilon (aff_drift_get_value (drift), 1.2, 1e-12);
      else
        /* The 30.00 without a work nor a line. */
        g_assert_cmpstr (aff_drift_get_subject (drift), ==, "other");
    }
  g_assert_cmpuint (overruns, ==, 2);

  /* Works from a word already there (ACME) and a new one (T9), then a bad
   * line: nothing of it stays. */
  g_assert_false (aff_ledger_import_csv (ledger,
                                         "date,work,category,state,amount\n"
                                         "2026-05-12,ACME,labour,actual,1.00\n"
                                         "2026-05-12,T9,labour,actual,2.00\n"
                                         "2026-05-12,T9,welding,actual,3.00\n", -1, NULL, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpuint (aff_ledger_get_n_entries (ledger), ==, 3);
  /* The same works in another order, after the works taken back. */
  ASSERT_OK (aff_ledger_import_csv (ledger,
                                    "date,work,category,state,amount\n"
                                    "2026-05-12,T9,labour,actual,4.00\n"
                                    "2026-05-12,ACME,labour,actual,5.00\n"
                                    "2026-05-12,T9,travel,actual,6.00\n", -1, NULL, &error));
  sum = aff_ledger_sum (ledger, NULL, AFF_COST_STATE_ACTUAL, "T9", -1, &error);
  assert_money (sum, "10.00 EUR");
  g_clear_pointer (&sum, aff_money_free);
  sum = aff_ledger_sum (ledger, NULL, AFF_COST_STATE_ACTUAL, "ACME", -1, &error);
  assert_money (sum, "5.00 EUR");
  g_clear_pointer (&sum, aff_money_free);
  sum = aff_ledger_sum (ledger, NULL, AFF_COST_STATE_ACTUAL, "T2", AFF_COST_CATEGORY_MATERIAL, &error);
  assert_money (sum, "60000.00 EUR");
  g_clear_pointer (&sum, aff_money_free);
  /* A supplier is not a work. */
  sum = aff_ledger_sum (ledger, NULL, AFF_COST_STATE_ACTUAL, "ACME", AFF_COST_CATEGORY_OTHER, &error);
  assert_money (sum, "0.00 EUR");
  csv = aff_ledger_to_csv (ledger);
  g_assert_cmpstr (csv, ==,
                   "date,work,category,state,amount,quantity,supplier,document,commitment\r\n"
                   "2026-04-24,,other,actual,10.00,,T2,,\r\n"
                   "2026-04-24,,other,actual,20.00,,ACME,,\r\n"
                   "2026-05-11,T2,material,actual,60000.00,,T2,,\r\n"
                   "2026-05-12,T9,labour,actual,4.00,,,,\r\n"
                   "2026-05-12,ACME,labour,actual,5.00,,,,\r\n"
                   "2026-05-12,T9,travel,actual,6.00,,,,\r\n");
}

/* Past a few works a ledger finds them through a table: seven works, then
 * an import of five more that fails (the table made, then the works taken
 * back), then fifteen: each work's sum is its own, W05's 6.00 twice,
 * 12.00, W12's 13.00 once. */
static void
test_ledger_many_works (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffLedger) ledger = aff_ledger_new ("EUR", &error);
  g_autoptr(GString) first = g_string_new ("date,work,category,state,amount\n");
  g_autoptr(GString) failing = g_string_new ("date,work,category,state,amount\n");
  g_autoptr(GString) then = g_string_new ("date,work,category,state,amount\n");
  guint i;

  for (i = 0; i < 7; i++)
    g_string_append_printf (first, "2026-05-04,W%02u,labour,actual,%u.00\n", i, i + 1);
  ASSERT_OK (aff_ledger_import_csv (ledger, first->str, -1, NULL, &error));
  for (i = 7; i < 12; i++)
    g_string_append_printf (failing, "2026-05-04,W%02u,labour,actual,%u.00\n", i, i + 1);
  g_string_append (failing, "2026-05-04,W99,welding,actual,1.00\n");
  g_assert_false (aff_ledger_import_csv (ledger, failing->str, -1, NULL, &error));
  g_clear_error (&error);
  for (i = 0; i < 15; i++)
    g_string_append_printf (then, "2026-05-05,W%02u,labour,actual,%u.00\n", i, i + 1);
  ASSERT_OK (aff_ledger_import_csv (ledger, then->str, -1, NULL, &error));
  for (i = 0; i < 15; i++)
    {
      g_autofree char *work = g_strdup_printf ("W%02u", i);
      g_autofree char *expected = g_strdup_printf ("%u.00 EUR", i < 7 ? 2 * (i + 1) : i + 1);
      g_autoptr(AffMoney) sum = aff_ledger_sum (ledger, NULL, AFF_COST_STATE_ACTUAL, work, -1, &error);

      assert_money (sum, expected);
    }
  {
    g_autoptr(AffMoney) sum = aff_ledger_sum (ledger, NULL, AFF_COST_STATE_ACTUAL, "W99", -1, &error);

    assert_money (sum, "0.00 EUR");
  }
  g_assert_cmpuint (aff_ledger_get_n_entries (ledger), ==, 22);
}

static void
test_journal_and_round_trip (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_finance_portfolio (&affair, 0, FALSE);
  g_autoptr(AffPortfolio) q = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) may6 = day (2026, 5, 6);
  g_autoptr(GDate) may11 = day (2026, 5, 11);
  g_autoptr(AffMoney) revenue = money ("10000.00 EUR");
  g_autoptr(AffMoney) change = money ("8000.00 EUR");
  g_autoptr(AffAmendment) amendment = aff_amendment_new ("AV-1", may6, revenue, "Tubes supplémentaires");
  g_autoptr(AffAffairStatus) before = NULL;
  g_autoptr(AffAffairStatus) after = NULL;
  AffJournal *journal = aff_portfolio_get_journal (p);
  guint n = aff_journal_get_n_entries (journal), i;
  const char *actions[] = {
    "cost-added", "cost-added", "cost-added", "cost-added", "progress-recorded", "progress-recorded",
    "invoice-recorded", "payment-recorded", "costs-imported", "amendment-added", "amendment-accepted",
    "eac-method-set",
  };
  g_autofree char *data = NULL;
  g_autofree char *data_again = NULL;
  gsize length = 0;
  AffAffair *loaded;

  record_textbook (affair);
  ASSERT_OK (aff_ledger_import_csv (aff_affair_get_ledger (affair),
                                    "date,category,state,amount\n2026-05-12,travel,actual,80.00\n", -1, NULL,
                                    &error));
  ASSERT_OK (aff_amendment_add_budget_change (amendment, "T2", AFF_COST_CATEGORY_MATERIAL, change, &error));
  ASSERT_OK (aff_affair_add_amendment (affair, amendment, &error));
  ASSERT_OK (aff_affair_accept_amendment (affair, "AV-1", may11, &error));
  aff_affair_set_eac_method (affair, AFF_EAC_METHOD_ATYPICAL);

  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n + G_N_ELEMENTS (actions));
  for (i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      AffJournalEntry *entry = aff_journal_get_entry (journal, n + i);

      g_assert_cmpstr (aff_journal_entry_get_action (entry), ==, actions[i]);
      g_assert_cmpstr (aff_journal_entry_get_entity_id (entry), ==, "OFF-1");
    }
  ASSERT_OK (aff_journal_verify (journal, &error));

  data = aff_portfolio_to_data (p, &length);
  q = aff_portfolio_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  data_again = aff_portfolio_to_data (q, NULL);
  g_assert_cmpstr (data_again, ==, data);
  loaded = aff_portfolio_lookup_affair (q, "OFF-1");
  g_assert_cmpuint (aff_ledger_get_n_entries (aff_affair_get_ledger (loaded)), ==, 5);
  g_assert_cmpint (aff_affair_get_eac_method (loaded), ==, AFF_EAC_METHOD_ATYPICAL);
  before = status_on (affair, 2026, 5, 13);
  after = status_on (loaded, 2026, 5, 13);
  {
    const AffMoney *(*getters[]) (const AffAffairStatus *) = {
      aff_affair_status_get_bac, aff_affair_status_get_pv, aff_affair_status_get_ev, aff_affair_status_get_ac,
      aff_affair_status_get_eac, aff_affair_status_get_revenue_at_completion, aff_affair_status_get_billed,
      aff_affair_status_get_cash_received, aff_affair_status_get_open_commitments,
    };

    for (i = 0; i < G_N_ELEMENTS (getters); i++)
      g_assert_true (aff_money_equal (getters[i] (before), getters[i] (after)));
  }
  assert_money (aff_affair_status_get_revenue_at_completion (after), "135000.00 EUR");
}

static const AffDrift *
drift_at (GPtrArray  *drifts,
          guint       i,
          AffDriftKind kind,
          const char *subject)
{
  const AffDrift *drift;

  g_assert_cmpuint (i, <, drifts->len);
  drift = g_ptr_array_index (drifts, i);
  g_assert_cmpint (aff_drift_get_kind (drift), ==, kind);
  g_assert_cmpstr (aff_drift_get_subject (drift), ==, subject);
  g_assert_cmpstr (aff_drift_get_message (drift), !=, "");
  return drift;
}

static void
test_drifts (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_finance_portfolio (&affair, 0, FALSE);
  g_autoptr(GDate) may4 = day (2026, 5, 4);
  g_autoptr(GDate) may5 = day (2026, 5, 5);
  g_autoptr(GDate) may29 = day (2026, 5, 29);
  g_autoptr(AffMoney) saving = money ("-2500.00 EUR");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drifts = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(AffCorrectiveAction) action = NULL;
  g_autoptr(AffCorrectiveAction) later = NULL;
  const AffDrift *drift;

  record_textbook (affair);
  /* 500.00 of travel on T1, which has no travel budget */
  cost (aff_affair_get_ledger (affair), 2026, 5, 4, "T1", AFF_COST_CATEGORY_TRAVEL, AFF_COST_STATE_ACTUAL,
        "500.00 EUR", "NF-3", NULL);
  drifts = aff_affair_list_drifts (affair, may4, &error);
  g_assert_no_error (error);
  /* CPI 0.889 < 0.95; SPI 0.8 < 0.9; the margin rate lost 10 points (16 %
   * → 6 %, with the travel: AC 45 500, EAC 100 000 × 45 500 / 40 000 =
   * 113 750, margin 125 000 − 118 750 = 6 250, 5 %: 11 points), beyond 2;
   * the progress figures 0.4, 0.4 and 0.3 stay within 10 points; the travel
   * has no budget. */
  g_assert_cmpuint (drifts->len, ==, 4);
  drift = drift_at (drifts, 0, AFF_DRIFT_KIND_COST_PERFORMANCE, NULL);
  g_assert_cmpfloat_with_epsilon (aff_drift_get_value (drift), 40000.0 / 45500.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (aff_drift_get_threshold (drift), 0.95, 1e-9);
  g_assert_null (aff_drift_get_corrective_action (drift));
  drift = drift_at (drifts, 1, AFF_DRIFT_KIND_SCHEDULE_PERFORMANCE, NULL);
  g_assert_cmpfloat_with_epsilon (aff_drift_get_value (drift), 0.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (aff_drift_get_threshold (drift), 0.9, 1e-9);
  drift = drift_at (drifts, 2, AFF_DRIFT_KIND_MARGIN_EROSION, NULL);
  g_assert_cmpfloat_with_epsilon (aff_drift_get_value (drift), -11.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (aff_drift_get_threshold (drift), -2.0, 1e-9);
  drift = drift_at (drifts, 3, AFF_DRIFT_KIND_BUDGET_OVERRUN, "T1/travel");
  g_assert_cmpfloat (aff_drift_get_value (drift), ==, 0.0);
  g_assert_cmpstr (aff_drift_get_message (drift), ==, "T1/travel : 500,00\u00a0€ de coûts réels sans budget");
  g_clear_pointer (&drifts, g_ptr_array_unref);

  /* Answered on 4 May; a second answer dated the 5th is not yet known on
   * the 4th. */
  action = aff_corrective_action_new (AFF_DRIFT_KIND_COST_PERFORMANCE, NULL, may4, "Soudures reprises",
                                      "Soudeur qualifié en renfort", "Claire Martin", may29, saving);
  later = aff_corrective_action_new (AFF_DRIFT_KIND_COST_PERFORMANCE, NULL, may5, "Idem",
                                     "Contrôle renforcé", "Paul Durand", may29, saving);
  ASSERT_OK (aff_affair_record_corrective_action (affair, action, &error));
  ASSERT_OK (aff_affair_record_corrective_action (affair, later, &error));
  drifts = aff_affair_list_drifts (affair, may4, &error);
  drift = drift_at (drifts, 0, AFF_DRIFT_KIND_COST_PERFORMANCE, NULL);
  g_assert_nonnull (aff_drift_get_corrective_action (drift));
  g_assert_cmpstr (aff_corrective_action_get_owner (aff_drift_get_corrective_action (drift)), ==, "Claire Martin");
  g_assert_null (aff_drift_get_corrective_action (g_ptr_array_index (drifts, 1)));
  g_clear_pointer (&drifts, g_ptr_array_unref);
  {
    g_autoptr(GDate) may6 = day (2026, 5, 6);

    drifts = aff_affair_list_drifts (affair, may6, &error);
    g_assert_no_error (error);
    drift = drift_at (drifts, 0, AFF_DRIFT_KIND_COST_PERFORMANCE, NULL);
    g_assert_cmpstr (aff_corrective_action_get_owner (aff_drift_get_corrective_action (drift)), ==, "Paul Durand");
  }
  actions = aff_affair_list_corrective_actions (affair);
  g_assert_cmpuint (actions->len, ==, 2);
  assert_money (aff_corrective_action_get_eac_effect (g_ptr_array_index (actions, 0)), "-2500.00 EUR");
  assert_date (aff_corrective_action_get_due (g_ptr_array_index (actions, 1)), 2026, 5, 29);

  {
    g_autoptr(AffCorrectiveAction) no_owner = aff_corrective_action_new (AFF_DRIFT_KIND_COST_PERFORMANCE, NULL, may4,
                                                                         "cause", "action", "", may29, saving);
    g_autoptr(AffCorrectiveAction) due_before = aff_corrective_action_new (AFF_DRIFT_KIND_COST_PERFORMANCE, NULL,
                                                                           may5, "cause", "action", "Claire Martin",
                                                                           may4, saving);
    g_autoptr(AffMoney) dollars = money ("1.00 USD");
    g_autoptr(AffCorrectiveAction) foreign = aff_corrective_action_new (AFF_DRIFT_KIND_COST_PERFORMANCE, NULL, may4,
                                                                        "cause", "action", "Claire Martin", may29,
                                                                        dollars);

    ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_affair_record_corrective_action (affair, no_owner, &error));
    ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_affair_record_corrective_action (affair, due_before, &error));
    ASSERT_FAILS (AFF_ERROR_CURRENCY_MISMATCH, aff_affair_record_corrective_action (affair, foreign, &error));
  }
}

static void
test_drift_thresholds (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_finance_portfolio (&affair, 0, FALSE);
  AffPolicy *policy = aff_portfolio_get_policy (p);
  AffPlan *plan = aff_affair_get_plan (affair);
  g_autoptr(GDate) may4 = day (2026, 5, 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drifts = NULL;
  g_autoptr(AffTask) milestone = aff_task_new ("M1", "Réception", 0);
  const AffDrift *drift;

  record_textbook (affair);
  /* Thresholds just below what the affair shows: nothing drifts. */
  aff_policy_set_drift_cpi_threshold (policy, 8888);
  aff_policy_set_drift_spi_threshold (policy, 8000);
  aff_policy_set_drift_margin_points (policy, 1000);
  drifts = aff_affair_list_drifts (affair, may4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drifts->len, ==, 0);
  g_clear_pointer (&drifts, g_ptr_array_unref);

  /* T1's labour at exactly 110 % of its 50 000 does not drift; a cent more
   * does. */
  cost (aff_affair_get_ledger (affair), 2026, 5, 4, "T1", AFF_COST_CATEGORY_LABOUR, AFF_COST_STATE_ACTUAL,
        "10000.00 EUR", "TS-19", NULL);
  aff_policy_set_drift_cpi_threshold (policy, 0);
  aff_policy_set_drift_spi_threshold (policy, 0);
  aff_policy_set_drift_margin_points (policy, 10000);
  aff_policy_set_concordance_tolerance (policy, 10000);
  drifts = aff_affair_list_drifts (affair, may4, &error);
  g_assert_cmpuint (drifts->len, ==, 0);
  g_clear_pointer (&drifts, g_ptr_array_unref);
  cost (aff_affair_get_ledger (affair), 2026, 5, 4, "T1", AFF_COST_CATEGORY_LABOUR, AFF_COST_STATE_ACTUAL,
        "0.01 EUR", "TS-20", NULL);
  drifts = aff_affair_list_drifts (affair, may4, &error);
  g_assert_cmpuint (drifts->len, ==, 1);
  drift = drift_at (drifts, 0, AFF_DRIFT_KIND_BUDGET_OVERRUN, "T1/labour");
  g_assert_cmpfloat_with_epsilon (aff_drift_get_value (drift), 5500001.0 / 5000000.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (aff_drift_get_threshold (drift), 1.1, 1e-12);
  g_clear_pointer (&drifts, g_ptr_array_unref);
  aff_policy_set_drift_overrun_rate (policy, 100000);

  /* A milestone after T2, in a new baseline; then T1 takes 7 working days
   * more: M1 slips 7 working days, beyond 5. */
  ASSERT_OK (aff_plan_add_task (plan, milestone, &error));
  g_object_set (milestone, "kind", AFF_TASK_KIND_MILESTONE, NULL);
  ASSERT_OK (aff_plan_add_dependency (plan, "T2", "M1", AFF_DEPENDENCY_TYPE_FINISH_START, 0, &error));
  ASSERT_OK (aff_plan_schedule (plan, &error));
  ASSERT_OK (aff_plan_save_baseline (plan, "avenant", &error));
  g_object_set (aff_plan_lookup_task (plan, "T1"), "duration", 17, NULL);
  ASSERT_OK (aff_plan_schedule (plan, &error));
  drifts = aff_affair_list_drifts (affair, may4, &error);
  g_assert_cmpuint (drifts->len, ==, 1);
  drift = drift_at (drifts, 0, AFF_DRIFT_KIND_MILESTONE_SLIP, "M1");
  g_assert_cmpfloat (aff_drift_get_value (drift), ==, 7.0);
  g_assert_cmpfloat (aff_drift_get_threshold (drift), ==, 5.0);
  g_clear_pointer (&drifts, g_ptr_array_unref);
  aff_policy_set_drift_slip_days (policy, 7);
  drifts = aff_affair_list_drifts (affair, may4, &error);
  g_assert_cmpuint (drifts->len, ==, 0);
  g_clear_pointer (&drifts, g_ptr_array_unref);

  /* Concordance: 0.4, 0.4 and 0.3 are 10 points apart. */
  aff_policy_set_concordance_tolerance (policy, 999);
  drifts = aff_affair_list_drifts (affair, may4, &error);
  g_assert_cmpuint (drifts->len, ==, 1);
  drift = drift_at (drifts, 0, AFF_DRIFT_KIND_CONCORDANCE, NULL);
}

static void
assert_item (const AffBillingItem *item,
             const char           *milestone,
             AffBillingKind        kind,
             int y, int m, int d,
             const char           *amount,
             const char           *recovered,
             const char           *excluding,
             const char           *vat,
             const char           *including,
             const char           *retention,
             const char           *payable)
{
  g_assert_cmpstr (aff_billing_item_get_milestone_id (item), ==, milestone);
  g_assert_cmpint (aff_billing_item_get_kind (item), ==, kind);
  assert_date (aff_billing_item_get_due_date (item), y, m, d);
  g_assert_cmpstr (aff_billing_item_get_reason (item), !=, "");
  assert_money (aff_billing_item_get_amount (item), amount);
  assert_money (aff_billing_item_get_advance_recovered (item), recovered);
  assert_money (aff_billing_item_get_excluding_vat (item), excluding);
  assert_money (aff_billing_item_get_vat (item), vat);
  assert_money (aff_billing_item_get_including_vat (item), including);
  assert_money (aff_billing_item_get_retention (item), retention);
  assert_money (aff_billing_item_get_payable (item), payable);
}

static GPtrArray *
due_on (AffAffair *affair,
        int y, int m, int d)
{
  g_autoptr(GDate) date = day (y, m, d);
  g_autoptr(GError) error = NULL;
  GPtrArray *items = aff_affair_list_billing_due (affair, date, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

static void
invoice_first (AffAffair  *affair,
               GPtrArray  *items,
               const char *reference,
               int y, int m, int d)
{
  g_autoptr(GDate) date = day (y, m, d);

  ASSERT_OK (aff_affair_invoice_billing_item (affair, g_ptr_array_index (items, 0), reference, date, &error));
}

/* The whole billing of the affair, by hand. Contract 125 000, advance 30 %
 * = 37 500 excluding VAT, 45 000 with VAT 20 %. The situation of 30 April:
 * 25 % done (T1 half done: EV 25 000 of 100 000) → 31 250, recovering
 * 37 500 × 31 250 / 125 000 = 9 375 of the advance: 21 875 excluding VAT,
 * 4 375 of VAT, 26 250 with it, 1 312.50 held (5 %), 24 937.50 to pay. The
 * situation of 31 May: 65 % (EV 40 000 + 25 000) → 81 250 − 31 250 =
 * 50 000, recovering 37 500 × 81 250 / 125 000 − 9 375 = 15 000: 35 000,
 * 7 000, 42 000, 2 100 held, 39 900. The balance at the acceptance (15
 * June): 125 000 − 81 250 = 43 750, recovering the 13 125 left: 30 625,
 * 6 125, 36 750, 1 837.50 held, 34 912.50. The retention, 5 250 (5 % of
 * the 105 000 of work with VAT), is released on 15 June 2027. In all the
 * client pays 45 000 + 24 937.50 + 39 900 + 34 912.50 + 5 250 = 150 000,
 * the price with VAT. */
static void
test_billing_schedule (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_finance_portfolio (&affair, 0, TRUE);
  g_autoptr(GDate) apr30 = day (2026, 4, 30);
  g_autoptr(GDate) may4 = day (2026, 5, 4);
  g_autoptr(GDate) may29 = day (2026, 5, 29);
  g_autoptr(GDate) jun15 = day (2026, 6, 15);
  g_autoptr(GPtrArray) schedule = aff_affair_list_billing_milestones (affair);
  GPtrArray *items;
  GDate accepted;
  gboolean guarantee = TRUE;

  /* The offer's terms make the schedule. */
  g_assert_cmpuint (schedule->len, ==, 4);
  g_assert_cmpstr (aff_billing_milestone_get_id (g_ptr_array_index (schedule, 0)), ==, "acompte");
  g_assert_cmpint (aff_billing_milestone_get_basis_points (g_ptr_array_index (schedule, 0)), ==, 3000);
  g_assert_cmpstr (aff_billing_milestone_get_id (g_ptr_array_index (schedule, 1)), ==, "situations");
  g_assert_cmpstr (aff_billing_milestone_get_id (g_ptr_array_index (schedule, 2)), ==, "solde");
  g_assert_cmpstr (aff_billing_milestone_get_id (g_ptr_array_index (schedule, 3)), ==, "retenue");

  /* Nothing before the signature; the advance from it. */
  items = due_on (affair, 2026, 4, 19);
  g_assert_cmpuint (items->len, ==, 0);
  g_ptr_array_unref (items);
  items = due_on (affair, 2026, 4, 20);
  g_assert_cmpuint (items->len, ==, 1);
  assert_item (g_ptr_array_index (items, 0), "acompte", AFF_BILLING_KIND_ADVANCE, 2026, 4, 20, "37500.00 EUR",
               "0.00 EUR", "37500.00 EUR", "7500.00 EUR", "45000.00 EUR", "0.00 EUR", "45000.00 EUR");
  invoice_first (affair, items, "F-1", 2026, 4, 20);
  g_ptr_array_unref (items);

  ASSERT_OK (aff_affair_record_progress (affair, "T1", apr30, 5000, &error));
  ASSERT_OK (aff_affair_record_progress (affair, "T1", may4, 8000, &error));
  items = due_on (affair, 2026, 5, 4);
  g_assert_cmpuint (items->len, ==, 1);
  assert_item (g_ptr_array_index (items, 0), "situations", AFF_BILLING_KIND_SITUATION, 2026, 4, 30,
               "31250.00 EUR", "9375.00 EUR", "21875.00 EUR", "4375.00 EUR", "26250.00 EUR", "1312.50 EUR",
               "24937.50 EUR");
  invoice_first (affair, items, "F-2", 2026, 5, 2);
  g_ptr_array_unref (items);
  /* Seen from 1 May, F-2 is not sent yet: the situation is still due. */
  items = due_on (affair, 2026, 5, 1);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (aff_billing_item_get_milestone_id (g_ptr_array_index (items, 0)), ==, "situations");
  g_ptr_array_unref (items);
  /* Invoiced: nothing more until the end of May. */
  items = due_on (affair, 2026, 5, 30);
  g_assert_cmpuint (items->len, ==, 0);
  g_ptr_array_unref (items);

  ASSERT_OK (aff_affair_record_progress (affair, "T2", may29, 5000, &error));
  items = due_on (affair, 2026, 6, 3);
  g_assert_cmpuint (items->len, ==, 1);
  assert_item (g_ptr_array_index (items, 0), "situations", AFF_BILLING_KIND_SITUATION, 2026, 5, 31,
               "50000.00 EUR", "15000.00 EUR", "35000.00 EUR", "7000.00 EUR", "42000.00 EUR", "2100.00 EUR",
               "39900.00 EUR");
  invoice_first (affair, items, "F-3", 2026, 6, 3);
  g_ptr_array_unref (items);

  g_assert_false (aff_affair_get_acceptance (affair, NULL, NULL));
  {
    g_autoptr(GDate) apr1 = day (2026, 4, 1);

    ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_affair_record_acceptance (affair, apr1, FALSE, &error));
  }
  ASSERT_OK (aff_affair_record_acceptance (affair, jun15, FALSE, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_affair_record_acceptance (affair, jun15, FALSE, &error));
  g_date_clear (&accepted, 1);
  g_assert_true (aff_affair_get_acceptance (affair, &accepted, &guarantee));
  assert_date (&accepted, 2026, 6, 15);
  g_assert_false (guarantee);

  /* The June situation is not due before the end of June; the balance is,
   * from the acceptance. */
  items = due_on (affair, 2026, 6, 15);
  g_assert_cmpuint (items->len, ==, 1);
  assert_item (g_ptr_array_index (items, 0), "solde", AFF_BILLING_KIND_FINAL, 2026, 6, 15, "43750.00 EUR",
               "13125.00 EUR", "30625.00 EUR", "6125.00 EUR", "36750.00 EUR", "1837.50 EUR", "34912.50 EUR");
  invoice_first (affair, items, "F-4", 2026, 6, 15);
  g_ptr_array_unref (items);

  /* The work is then finished (100 % on 20 June): the situation of June
   * would be 125 000 − 81 250 = 43 750, which the balance billed already.
   * Nothing is due at the end of June. */
  {
    g_autoptr(GDate) jun20 = day (2026, 6, 20);

    ASSERT_OK (aff_affair_record_progress (affair, "T1", jun20, 10000, &error));
    ASSERT_OK (aff_affair_record_progress (affair, "T2", jun20, 10000, &error));
  }
  items = due_on (affair, 2026, 7, 1);
  g_assert_cmpuint (items->len, ==, 0);
  g_ptr_array_unref (items);

  /* Everything is billed, and the balance billed the rest. */
  items = due_on (affair, 2027, 6, 14);
  g_assert_cmpuint (items->len, ==, 0);
  g_ptr_array_unref (items);
  items = due_on (affair, 2027, 6, 15);
  g_assert_cmpuint (items->len, ==, 1);
  assert_item (g_ptr_array_index (items, 0), "retenue", AFF_BILLING_KIND_RETENTION_RELEASE, 2027, 6, 15,
               "5250.00 EUR", "0.00 EUR", "5250.00 EUR", "0.00 EUR", "5250.00 EUR", "0.00 EUR", "5250.00 EUR");
  invoice_first (affair, items, "F-5", 2027, 6, 15);
  {
    g_autoptr(GDate) later = day (2027, 7, 1);

    /* Released: invoicing it again is refused. */
    ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION,
                  aff_affair_invoice_billing_item (affair, g_ptr_array_index (items, 0), "F-6", later, &error));
  }
  g_ptr_array_unref (items);
  items = due_on (affair, 2028, 1, 1);
  g_assert_cmpuint (items->len, ==, 0);
  g_ptr_array_unref (items);

  /* Billed (work): 31 250 + 50 000 + 43 750 = 125 000; the advance and the
   * release are not revenue. */
  {
    g_autoptr(AffAffairStatus) s = status_on (affair, 2027, 6, 15);

    assert_money (aff_affair_status_get_billed (s), "125000.00 EUR");
  }
}

static void
test_billing_errors_and_guarantee (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_finance_portfolio (&affair, 0, TRUE);
  g_autoptr(GDate) apr20 = day (2026, 4, 20);
  g_autoptr(GDate) jun15 = day (2026, 6, 15);
  g_autoptr(AffBillingMilestone) advance = aff_billing_milestone_new ("A", AFF_BILLING_KIND_ADVANCE, 1000, NULL);
  g_autoptr(AffBillingMilestone) advance2 = aff_billing_milestone_new ("A2", AFF_BILLING_KIND_ADVANCE, 1000, NULL);
  g_autoptr(AffBillingMilestone) on_t1 = aff_billing_milestone_new ("M-T1", AFF_BILLING_KIND_MILESTONE, 4000, "T1");
  g_autoptr(AffBillingMilestone) on_t9 = aff_billing_milestone_new ("M-T9", AFF_BILLING_KIND_MILESTONE, 1000, "T9");
  g_autoptr(AffBillingMilestone) too_much = aff_billing_milestone_new ("M-T2", AFF_BILLING_KIND_MILESTONE, 6001,
                                                                      "T2");
  g_autoptr(AffBillingMilestone) final = aff_billing_milestone_new ("S", AFF_BILLING_KIND_FINAL, 0, NULL);
  g_autoptr(GPtrArray) schedule = NULL;
  GPtrArray *items;
  g_autoptr(GDate) may4 = day (2026, 5, 4);

  ASSERT_OK (aff_affair_add_billing_milestone (affair, advance, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_affair_add_billing_milestone (affair, advance2, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_affair_add_billing_milestone (affair, advance, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_affair_add_billing_milestone (affair, final, &error));
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_affair_add_billing_milestone (affair, on_t9, &error));
  ASSERT_OK (aff_affair_add_billing_milestone (affair, on_t1, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_affair_add_billing_milestone (affair, too_much, &error));
  /* Its own schedule: the offer's situations no longer apply. */
  schedule = aff_affair_list_billing_milestones (affair);
  g_assert_cmpuint (schedule->len, ==, 4);
  g_assert_cmpstr (aff_billing_milestone_get_id (g_ptr_array_index (schedule, 1)), ==, "M-T1");
  g_assert_cmpstr (aff_billing_milestone_get_task_id (g_ptr_array_index (schedule, 1)), ==, "T1");

  /* The advance: 10 % of 125 000. */
  items = due_on (affair, 2026, 4, 20);
  g_assert_cmpuint (items->len, ==, 1);
  invoice_first (affair, items, "F-1", 2026, 4, 20);
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION,
                aff_affair_invoice_billing_item (affair, g_ptr_array_index (items, 0), "F-9", apr20, &error));
  ASSERT_FAILS (AFF_ERROR_DUPLICATE_ID,
                aff_affair_invoice_billing_item (affair, g_ptr_array_index (items, 0), "F-1", apr20, &error));
  g_ptr_array_unref (items);

  /* T1 finished on 4 May: 40 % of 125 000 = 50 000, recovering 12 500 × 50 000
   * / 125 000 = 5 000; 45 000, 9 000, 54 000, 2 700 held, 51 300. */
  aff_task_set_actual_start (aff_plan_lookup_task (aff_affair_get_plan (affair), "T1"), apr20);
  aff_task_set_actual_finish (aff_plan_lookup_task (aff_affair_get_plan (affair), "T1"), may4);
  items = due_on (affair, 2026, 5, 4);
  g_assert_cmpuint (items->len, ==, 1);
  assert_item (g_ptr_array_index (items, 0), "M-T1", AFF_BILLING_KIND_MILESTONE, 2026, 5, 4, "50000.00 EUR",
               "5000.00 EUR", "45000.00 EUR", "9000.00 EUR", "54000.00 EUR", "2700.00 EUR", "51300.00 EUR");
  invoice_first (affair, items, "F-2", 2026, 5, 4);
  g_ptr_array_unref (items);

  /* Accepted with a bank guarantee: the balance holds nothing back. 75 000,
   * recovering 7 500: 67 500, 13 500, 81 000. */
  ASSERT_OK (aff_affair_record_acceptance (affair, jun15, TRUE, &error));
  items = due_on (affair, 2026, 6, 15);
  g_assert_cmpuint (items->len, ==, 2);
  assert_item (g_ptr_array_index (items, 0), "solde", AFF_BILLING_KIND_FINAL, 2026, 6, 15, "75000.00 EUR",
               "7500.00 EUR", "67500.00 EUR", "13500.00 EUR", "81000.00 EUR", "0.00 EUR", "81000.00 EUR");
  g_ptr_array_unref (items);
  /* The guarantee frees at once the 2 700 held on the milestone invoice
   * (5 % of its 54 000). */
  items = due_on (affair, 2026, 6, 15);
  g_assert_cmpuint (items->len, ==, 2);
  assert_item (g_ptr_array_index (items, 1), "retenue", AFF_BILLING_KIND_RETENTION_RELEASE, 2026, 6, 15,
               "2700.00 EUR", "0.00 EUR", "2700.00 EUR", "0.00 EUR", "2700.00 EUR", "0.00 EUR", "2700.00 EUR");
  g_ptr_array_unref (items);
}

static void
test_late_and_supplier_payments (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_finance_portfolio (&affair, 0, TRUE);
  g_autoptr(GDate) jun1 = day (2026, 6, 1);
  g_autoptr(GDate) jun30 = day (2026, 6, 30);
  g_autoptr(GDate) jul10 = day (2026, 7, 10);
  g_autoptr(GDate) may20 = day (2026, 5, 20);
  g_autoptr(GDate) may5 = day (2026, 5, 5);
  g_autoptr(AffMoney) part = money ("20000.00 EUR");
  g_autoptr(GPtrArray) late = NULL;
  g_autoptr(GPtrArray) suppliers = NULL;
  g_autoptr(GError) error = NULL;
  const AffLatePayment *item;
  GPtrArray *items;

  items = due_on (affair, 2026, 4, 20);
  invoice_first (affair, items, "F-1", 2026, 4, 20);
  g_ptr_array_unref (items);
  /* Due at 45 days end of month: 20 April + 45 days = 4 June → 30 June. */
  late = aff_affair_list_late_payments (affair, jun30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (late->len, ==, 0);
  g_clear_pointer (&late, g_ptr_array_unref);
  /* 10 days late on 10 July, 45 000 owed: 45 000 × 12.15 % × 10 / 365 =
   * 149.794… → 149.79, and 40 euros. */
  late = aff_affair_list_late_payments (affair, jul10, &error);
  g_assert_cmpuint (late->len, ==, 1);
  item = g_ptr_array_index (late, 0);
  g_assert_cmpstr (aff_late_payment_get_invoice (item), ==, "F-1");
  assert_date (aff_late_payment_get_due_date (item), 2026, 6, 30);
  g_assert_cmpuint (aff_late_payment_get_days_late (item), ==, 10);
  assert_money (aff_late_payment_get_outstanding (item), "45000.00 EUR");
  assert_money (aff_late_payment_get_interest (item), "149.79 EUR");
  assert_money (aff_late_payment_get_indemnity (item), "40.00 EUR");
  g_clear_pointer (&late, g_ptr_array_unref);
  /* 20 000 paid on 1 June: 25 000 owed, 25 000 × 12.15 % × 10 / 365 =
   * 83.219… → 83.22. */
  ASSERT_OK (aff_affair_record_payment (affair, "F-1", jun1, part, &error));
  late = aff_affair_list_late_payments (affair, jul10, &error);
  g_assert_cmpuint (late->len, ==, 1);
  assert_money (aff_late_payment_get_outstanding (g_ptr_array_index (late, 0)), "25000.00 EUR");
  assert_money (aff_late_payment_get_interest (g_ptr_array_index (late, 0)), "83.22 EUR");

  /* PO-7 (52 000 of material for T2) is invoiced 20 000 on 11 May; T2 is
   * accepted (finished) on 20 May: 32 000 to pay the supplier. */
  record_textbook (affair);
  aff_task_set_actual_start (aff_plan_lookup_task (aff_affair_get_plan (affair), "T2"), may5);
  aff_task_set_actual_finish (aff_plan_lookup_task (aff_affair_get_plan (affair), "T2"), may20);
  suppliers = aff_affair_list_supplier_payments_due (affair, may20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suppliers->len, ==, 1);
  g_assert_cmpstr (aff_supplier_payment_get_document (g_ptr_array_index (suppliers, 0)), ==, "PO-7");
  g_assert_cmpstr (aff_supplier_payment_get_task_id (g_ptr_array_index (suppliers, 0)), ==, "T2");
  assert_date (aff_supplier_payment_get_accepted (g_ptr_array_index (suppliers, 0)), 2026, 5, 20);
  assert_money (aff_supplier_payment_get_amount (g_ptr_array_index (suppliers, 0)), "32000.00 EUR");
  g_clear_pointer (&suppliers, g_ptr_array_unref);
  {
    g_autoptr(GDate) may19 = day (2026, 5, 19);

    suppliers = aff_affair_list_supplier_payments_due (affair, may19, &error);
    g_assert_cmpuint (suppliers->len, ==, 0);
  }
}

/* The affair carried to its end: T1 20 April – 4 May and T2 5 – 20 May
 * done; 45 000 of labour; PO-7 (52 000) invoiced 20 000 on 11 May and
 * 32 000 on 25 May; the advance invoiced at the signature and, all the
 * work done by 31 May, one situation of 125 000 recovering the whole
 * advance: 87 500, 17 500 of VAT, 105 000, 5 250 held. */
static void
carry_to_the_end (AffAffair *affair)
{
  AffLedger *ledger = aff_affair_get_ledger (affair);
  AffPlan *plan = aff_affair_get_plan (affair);
  g_autoptr(GDate) apr20 = day (2026, 4, 20);
  g_autoptr(GDate) may4 = day (2026, 5, 4);
  g_autoptr(GDate) may5 = day (2026, 5, 5);
  g_autoptr(GDate) may20 = day (2026, 5, 20);
  GPtrArray *items;

  cost (ledger, 2026, 4, 28, "T2", AFF_COST_CATEGORY_MATERIAL, AFF_COST_STATE_COMMITTED, "52000.00 EUR", "PO-7", NULL);
  cost (ledger, 2026, 5, 4, "T1", AFF_COST_CATEGORY_LABOUR, AFF_COST_STATE_ACTUAL, "45000.00 EUR", "TS-18", NULL);
  cost (ledger, 2026, 5, 11, "T2", AFF_COST_CATEGORY_MATERIAL, AFF_COST_STATE_ACTUAL, "20000.00 EUR", "FA-991",
        "PO-7");
  cost (ledger, 2026, 5, 25, "T2", AFF_COST_CATEGORY_MATERIAL, AFF_COST_STATE_ACTUAL, "32000.00 EUR", "FA-1002",
        "PO-7");
  ASSERT_OK (aff_affair_record_progress (affair, "T1", may4, 10000, &error));
  ASSERT_OK (aff_affair_record_progress (affair, "T2", may20, 10000, &error));
  aff_task_set_actual_start (aff_plan_lookup_task (plan, "T1"), apr20);
  aff_task_set_actual_finish (aff_plan_lookup_task (plan, "T1"), may4);
  aff_task_set_actual_start (aff_plan_lookup_task (plan, "T2"), may5);
  aff_task_set_actual_finish (aff_plan_lookup_task (plan, "T2"), may20);
  items = due_on (affair, 2026, 4, 20);
  invoice_first (affair, items, "F-1", 2026, 4, 20);
  g_ptr_array_unref (items);
  items = due_on (affair, 2026, 6, 1);
  g_assert_cmpuint (items->len, ==, 1);
  assert_item (g_ptr_array_index (items, 0), "situations", AFF_BILLING_KIND_SITUATION, 2026, 5, 31,
               "125000.00 EUR", "37500.00 EUR", "87500.00 EUR", "17500.00 EUR", "105000.00 EUR", "5250.00 EUR",
               "99750.00 EUR");
  invoice_first (affair, items, "F-2", 2026, 6, 1);
  g_ptr_array_unref (items);
}

/* A closed affair's plan takes no change: the methods that can fail say
 * AFF_ERROR_CLOSED, a setter is a programmer's error and changes nothing. */
static void
assert_plan_frozen (AffAffair *affair)
{
  AffPlan *plan = aff_affair_get_plan (affair);
  AffTask *t1 = aff_plan_lookup_task (plan, "T1");
  g_autoptr(AffTask) extra = aff_task_new ("T9", "Extra work", 2);
  g_autoptr(GDate) date = day (2026, 7, 1);
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (plan)), duration = aff_task_get_duration (t1);

  g_assert_false (aff_plan_add_task (plan, extra, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CLOSED);
  g_assert_nonnull (strstr (error->message, aff_affair_get_id (affair)));
  ASSERT_FAILS (AFF_ERROR_CLOSED, aff_plan_remove_task (plan, "T1", &error));
  ASSERT_FAILS (AFF_ERROR_CLOSED, aff_plan_save_baseline (plan, "after", &error));
  ASSERT_FAILS (AFF_ERROR_CLOSED, aff_plan_finish_task (plan, "T1", date, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, n);

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*in_closed_affair*");
  aff_task_set_duration (t1, duration + 5);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (aff_task_get_duration (t1), ==, duration);
  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*closed*");
  aff_plan_set_start (plan, date);
  g_test_assert_expected_messages ();
}

/* So is its dossier: a new item or a change is refused, and nothing is
 * added. */
static void
assert_dossier_frozen (AffAffair *affair)
{
  AffDossier *dossier = aff_affair_get_dossier (affair);
  g_autoptr(GDate) date = day (2026, 7, 1);
  g_autoptr(AffMeeting) meeting = aff_meeting_new ("R-9", AFF_MEETING_KIND_CLOSE_OUT, date, NULL);

  ASSERT_FAILS (AFF_ERROR_CLOSED, aff_dossier_add_meeting (dossier, meeting, &error));
  ASSERT_FAILS (AFF_ERROR_CLOSED, aff_dossier_cancel_action (dossier, "A-1", date, "Trop tard", &error));
  g_assert_cmpuint (g_list_model_get_n_items (aff_dossier_get_meetings (dossier)), ==, 0);
  g_assert_cmpint (aff_action_get_status (aff_dossier_lookup_action (dossier, "A-1")), ==, AFF_ACTION_STATUS_DONE);
}

static void
test_close_out (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_finance_portfolio (&affair, 0, TRUE);
  g_autoptr(AffPortfolio) q = NULL;
  g_autoptr(GDate) may15 = day (2026, 5, 15);
  g_autoptr(GDate) jun15 = day (2026, 6, 15);
  g_autoptr(GDate) jul1 = day (2026, 7, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffMoney) paid = money ("45000.00 EUR");
  g_auto(GStrv) blockers = NULL;
  g_autofree char *data = NULL;
  AffJournal *journal = aff_portfolio_get_journal (p);
  AffJournalEntry *last;
  AffAffair *loaded;
  GDate closed;
  guint i;

  carry_to_the_end (affair);
  {
    g_autoptr(GDate) may4 = day (2026, 5, 4);
    g_autoptr(GDate) jun10 = day (2026, 6, 10);
    g_autoptr(AffAction) action = aff_action_new ("A-1", "Préparer le dossier des ouvrages exécutés", "Claire Martin",
                                                  may4, jun10);

    ASSERT_OK (aff_dossier_add_action (aff_affair_get_dossier (affair), action, &error));
  }

  /* On 15 May: T2 runs, the work is not accepted, PO-7 has 32 000 open,
   * four drifts have no corrective action: CPI 50 000 / 65 000, SPI
   * 50 000 / 85 000 (T2 planned 7 of its 10 days), the margin rate at
   * −8 % (EAC 130 000 + 5 000 against 125 000) and progress out of step
   * (0.5, 0.5 and nothing billed but the advance); action A-1 is open; and
   * no REX is validated. */
  blockers = aff_affair_list_close_blockers (affair, may15, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (blockers), ==, 9);
  g_assert_cmpstr (blockers[0], ==, "La tâche T2 n'est pas terminée");
  g_assert_cmpstr (blockers[1], ==, "Les travaux ne sont pas réceptionnés");
  g_assert_cmpstr (blockers[2], ==, "Engagements non soldés : 32\u202f000,00\u00a0€");
  for (i = 3; i < 7; i++)
    g_assert_true (g_str_has_prefix (blockers[i], "Dérive sans action corrective : "));
  g_assert_cmpstr (blockers[7], ==, "Action ouverte : A-1 (Préparer le dossier des ouvrages exécutés)");
  g_assert_cmpstr (blockers[8], ==, "Le retour d'expérience n'est pas validé");
  g_clear_pointer (&blockers, g_strfreev);
  ASSERT_FAILS (AFF_ERROR_CLOSE_BLOCKED, aff_affair_close (affair, may15, &error));
  {
    g_autoptr(GDate) jun12 = day (2026, 6, 12);

    ASSERT_OK (aff_dossier_complete_action (aff_affair_get_dossier (affair), "A-1", jun12, NULL, &error));
  }

  /* On 15 June, everything is done and billed but the acceptance and the
   * REX. */
  blockers = aff_affair_list_close_blockers (affair, jun15, &error);
  g_assert_cmpuint (g_strv_length (blockers), ==, 2);
  g_assert_cmpstr (blockers[0], ==, "Les travaux ne sont pas réceptionnés");
  g_clear_pointer (&blockers, g_strfreev);
  ASSERT_OK (aff_affair_record_acceptance (affair, jun15, FALSE, &error));
  {
    AffRex *rex = aff_affair_create_rex (affair, jun15, &error);

    g_assert_no_error (error);
    blockers = aff_affair_list_close_blockers (affair, jun15, &error);
    g_assert_cmpuint (g_strv_length (blockers), ==, 1);
    g_assert_cmpstr (blockers[0], ==, "Le retour d'expérience n'est pas validé");
    g_clear_pointer (&blockers, g_strfreev);
    ASSERT_OK (aff_rex_add_good_practice (rex, "Commander les tubes dès la signature", &error));
    ASSERT_OK (aff_rex_validate (rex, jun15, &error));
  }
  blockers = aff_affair_list_close_blockers (affair, jun15, &error);
  g_assert_cmpuint (g_strv_length (blockers), ==, 0);
  g_assert_false (aff_affair_is_closed (affair));
  g_assert_null (aff_affair_get_final_margin (affair));
  ASSERT_OK (aff_affair_close (affair, jun15, &error));

  /* 125 000 of revenue less 97 000 of actual cost. */
  g_assert_true (aff_affair_is_closed (affair));
  g_date_clear (&closed, 1);
  g_assert_true (aff_affair_get_closed_date (affair, &closed));
  assert_date (&closed, 2026, 6, 15);
  assert_money (aff_affair_get_final_margin (affair), "28000.00 EUR");
  last = aff_journal_get_entry (journal, aff_journal_get_n_entries (journal) - 1);
  g_assert_cmpstr (aff_journal_entry_get_action (last), ==, "affair-closed");

  /* Read-only, but for the payments and the release of the retention. */
  ASSERT_FAILS (AFF_ERROR_CLOSED, aff_affair_close (affair, jul1, &error));
  ASSERT_FAILS (AFF_ERROR_CLOSED, aff_affair_record_progress (affair, "T1", jul1, 5000, &error));
  ASSERT_FAILS (AFF_ERROR_CLOSED, aff_affair_record_invoice (affair, "F-9", jul1, paid, &error));
  ASSERT_FAILS (AFF_ERROR_CLOSED, aff_ledger_import_csv (aff_affair_get_ledger (affair),
                                                         "date,category,state,amount\n2026-07-01,travel,actual,1\n",
                                                         -1, NULL, &error));
  {
    g_autoptr(GDate) date = day (2026, 7, 1);
    g_autoptr(AffMoney) amount = money ("1.00 EUR");
    g_autoptr(AffCostEntry) entry = aff_cost_entry_new (date, NULL, AFF_COST_CATEGORY_TRAVEL, AFF_COST_STATE_ACTUAL,
                                                        amount);
    g_autoptr(AffBillingMilestone) milestone = aff_billing_milestone_new ("M", AFF_BILLING_KIND_MILESTONE, 100, "T1");

    ASSERT_FAILS (AFF_ERROR_CLOSED, aff_ledger_add (aff_affair_get_ledger (affair), entry, &error));
    ASSERT_FAILS (AFF_ERROR_CLOSED, aff_affair_add_billing_milestone (affair, milestone, &error));
  }
  assert_plan_frozen (affair);
  assert_dossier_frozen (affair);
  ASSERT_OK (aff_affair_record_payment (affair, "F-1", jul1, paid, &error));
  {
    GPtrArray *items = due_on (affair, 2027, 6, 15);

    g_assert_cmpuint (items->len, ==, 1);
    assert_item (g_ptr_array_index (items, 0), "retenue", AFF_BILLING_KIND_RETENTION_RELEASE, 2027, 6, 15,
                 "5250.00 EUR", "0.00 EUR", "5250.00 EUR", "0.00 EUR", "5250.00 EUR", "0.00 EUR", "5250.00 EUR");
    invoice_first (affair, items, "F-3", 2027, 6, 15);
    g_ptr_array_unref (items);
  }

  /* Kept by the document. */
  data = aff_portfolio_to_data (p, NULL);
  q = aff_portfolio_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  loaded = aff_portfolio_lookup_affair (q, "OFF-1");
  g_assert_true (aff_affair_is_closed (loaded));
  assert_money (aff_affair_get_final_margin (loaded), "28000.00 EUR");
  ASSERT_FAILS (AFF_ERROR_CLOSED, aff_affair_record_progress (loaded, "T1", jul1, 5000, &error));
  ASSERT_FAILS (AFF_ERROR_CLOSED, aff_ledger_import_csv (aff_affair_get_ledger (loaded),
                                                         "date,category,state,amount\n2026-07-01,travel,actual,1\n",
                                                         -1, NULL, &error));
  assert_plan_frozen (loaded);
  assert_dossier_frozen (loaded);
}

/* A second affair on the same portfolio: client beta, activity
 * boilermaking, 100 h of labour at 80.00 in lot L1 sold 10 000.00, signed
 * 22 April, without plan, costs or invoices. On 4 May: BAC 8 000, nothing
 * earned or spent, so EAC = AC + BAC − EV = 8 000 (the CPI is undefined),
 * margin 2 000 (20 %), nothing recognised, backlog 10 000, no alert. */
static void
add_second_affair (AffPortfolio *p)
{
  g_autoptr(AffOffer) offer = aff_offer_new ("OFF-2", "CONS-2");
  g_autoptr(GDate) validity = day (2026, 6, 30);
  g_autoptr(GDate) signed_on = day (2026, 4, 22);
  g_autoptr(AffMoney) price = money ("10000.00 EUR");
  const char *activities[] = { "boilermaking", NULL };
  AffOfferRevision *rev;
  guint k;

  add_client_beta (p);
  add_consultation_full (p, "CONS-2", "beta", AFF_REGULATORY_FLAGS_NONE, FALSE, TRUE);
  aff_consultation_set_activities (aff_portfolio_lookup_consultation (p, "CONS-2"), activities);
  ASSERT_OK (aff_portfolio_add_offer (p, offer, &error));
  rev = aff_offer_get_current_revision (offer);
  add_cost_line (rev, AFF_LINE_KIND_LABOUR, "Chaudronnerie", "100", AFF_LINE_UNIT_HOUR, "80.00 EUR", "L1");
  for (k = AFF_LINE_KIND_LABOUR; k <= AFF_LINE_KIND_OTHER; k++)
    ASSERT_OK (aff_offer_revision_set_overhead_rate (rev, k, 0, &error));
  ASSERT_OK (aff_offer_revision_set_selling_price (rev, price, &error));
  ASSERT_OK (aff_offer_revision_set_validity (rev, validity, &error));
  send (offer, 2026, 4, 2);
  ASSERT_OK (aff_offer_accept (offer, signed_on, "CT-2026-021", &error));
}

/* A row larger than the blocks the dashboard takes its rows from (64 KiB):
 * a client's name of 100 000 letters is the row's label whole, in the
 * dashboard and in a copy, each freed on its own. */
static void
test_dashboard_long_label (void)
{
  AffAffair *affair = NULL;
  g_autoptr(AffPortfolio) p = new_finance_portfolio (&affair, 0, FALSE);
  g_autoptr(GDate) date = day (2026, 5, 4);
  g_autoptr(AffDashboard) dashboard = NULL;
  g_autofree char *name = g_strnfill (100000, 'A');
  g_autoptr(GError) error = NULL;
  AffDashboardRow *copy;
  GPtrArray *rows;

  aff_client_set_name (aff_portfolio_lookup_client (p, "acme"), name);
  dashboard = aff_portfolio_compute_dashboard (p, date, &error);
  g_assert_no_error (error);
  rows = aff_dashboard_get_rows (dashboard);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (aff_dashboard_row_get_label (g_ptr_array_index (rows, 0)), ==, name);
  copy = aff_dashboard_row_copy (g_ptr_array_index (rows, 0));
  g_clear_pointer (&dashboard, aff_dashboard_free);
  g_assert_cmpstr (aff_dashboard_row_get_label (copy), ==, name);
  g_assert_cmpstr (aff_dashboard_row_get_key (copy), ==, "OFF-1");
  aff_dashboard_row_free (copy);
}

static void
assert_row (const AffDashboardRow *row,
            const char            *key,
            const char            *label,
            guint                  n_affairs,
            const char * const    *figures,
            int                    rate,
            guint                  alerts)
{
  int bp = 0;

  g_assert_cmpstr (aff_dashboard_row_get_key (row), ==, key);
  g_assert_cmpstr (aff_dashboard_row_get_label (row), ==, label);
  g_assert_cmpuint (aff_dashboard_row_get_n_affairs (row), ==, n_affairs);
  assert_money (aff_dashboard_row_get_revenue_at_completion (row), figures[0]);
  assert_money (aff_dashboard_row_get_cost_at_completion (row), figures[1]);
  assert_money (aff_dashboard_row_get_margin_at_completion (row), figures[2]);
  assert_money (aff_dashboard_row_get_margin_drift (row), figures[3]);
  assert_money (aff_dashboard_row_get_recognised_revenue (row), figures[4]);
  assert_money (aff_dashboard_row_get_backlog (row), figures[5]);
  assert_money (aff_dashboard_row_get_accrued_revenue (row), figures[6]);
  assert_money (aff_dashboard_row_get_deferred_revenue (row), figures[7]);
  assert_money (aff_dashboard_row_get_billed (row), figures[8]);
  assert_money (aff_dashboard_row_get_cash_received (row), figures[9]);
  assert_money (aff_dashboard_row_get_overdue (row), figures[10]);
  g_assert_true (aff_dashboard_row_get_margin_rate (row, &bp));
  g_assert_cmpint (bp, ==, rate);
  g_assert_cmpuint (aff_dashboard_row_get_n_alerts (row), ==, alerts);
}

static void
test_dashboard (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_finance_portfolio (&affair, 0, FALSE);
  g_autoptr(GDate) may4 = day (2026, 5, 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffDashboard) dashboard = NULL;
  g_autoptr(AffDashboard) copy = NULL;
  g_auto(GStrv) alerts = NULL;
  g_autofree char *markdown = NULL, *html = NULL, *csv = NULL, *svg = NULL;
  g_autofree char *expected_md = golden ("dashboard-fr.md");
  g_autofree char *expected_html = golden ("dashboard-fr.html");
  g_autofree char *expected_csv = golden ("dashboard.csv");
  g_autofree char *expected_svg = golden ("dashboard-margins.svg");
  /* OFF-1 is the textbook affair of test_textbook_earned_value; the manual
   * invoice of 37 500 (45 000 with VAT) was paid in full on 4 May. */
  const char *off1[] = {
    "125000.00 EUR", "117500.00 EUR", "7500.00 EUR", "-12500.00 EUR", "47872.34 EUR", "77127.66 EUR",
    "10372.34 EUR", "0.00 EUR", "37500.00 EUR", "45000.00 EUR", "0.00 EUR",
  };
  const char *off2[] = {
    "10000.00 EUR", "8000.00 EUR", "2000.00 EUR", "0.00 EUR", "0.00 EUR", "10000.00 EUR",
    "0.00 EUR", "0.00 EUR", "0.00 EUR", "0.00 EUR", "0.00 EUR",
  };
  /* Margin 9 500 / 135 000 = 7.037 % → 704 bp. */
  const char *totals[] = {
    "135000.00 EUR", "125500.00 EUR", "9500.00 EUR", "-12500.00 EUR", "47872.34 EUR", "87127.66 EUR",
    "10372.34 EUR", "0.00 EUR", "37500.00 EUR", "45000.00 EUR", "0.00 EUR",
  };
  GPtrArray *rows;

  record_textbook (affair);
  add_second_affair (p);
  dashboard = aff_portfolio_compute_dashboard (p, may4, &error);
  g_assert_no_error (error);
  assert_date (aff_dashboard_get_date (dashboard), 2026, 5, 4);
  rows = aff_dashboard_get_rows (dashboard);
  g_assert_cmpuint (rows->len, ==, 2);
  /* Three drifts unanswered: CPI, SPI and margin erosion (10 points). */
  assert_row (g_ptr_array_index (rows, 0), "OFF-1", "ACME Industrie", 1, off1, 600, 3);
  assert_row (g_ptr_array_index (rows, 1), "OFF-2", "Beta Chimie", 1, off2, 2000, 0);
  assert_row (aff_dashboard_get_totals (dashboard), "total", "Total", 2, totals, 704, 3);
  rows = aff_dashboard_get_by_client (dashboard);
  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (g_ptr_array_index (rows, 0), "acme", "ACME Industrie", 1, off1, 600, 3);
  assert_row (g_ptr_array_index (rows, 1), "beta", "Beta Chimie", 1, off2, 2000, 0);
  rows = aff_dashboard_get_by_activity (dashboard);
  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (g_ptr_array_index (rows, 0), "pipework", "pipework", 1, off1, 600, 3);
  assert_row (g_ptr_array_index (rows, 1), "boilermaking", "boilermaking", 1, off2, 2000, 0);
  alerts = aff_dashboard_list_alerts (dashboard);
  g_assert_cmpuint (g_strv_length (alerts), ==, 3);
  g_assert_cmpstr (alerts[0], ==, "OFF-1 : CPI de 0,889, sous le seuil de 0,950");

  copy = aff_dashboard_copy (dashboard);
  assert_row (aff_dashboard_get_totals (copy), "total", "Total", 2, totals, 704, 3);

  markdown = aff_dashboard_render (dashboard, AFF_DOCUMENT_FORMAT_MARKDOWN);
  html = aff_dashboard_render (dashboard, AFF_DOCUMENT_FORMAT_HTML);
  csv = aff_dashboard_to_csv (dashboard);
  svg = aff_dashboard_to_svg_margins (dashboard);
  g_assert_cmpstr (markdown, ==, expected_md);
  g_assert_cmpstr (html, ==, expected_html);
  g_assert_cmpstr (csv, ==, expected_csv);
  g_assert_cmpstr (svg, ==, expected_svg);
}

/* The S-curve of the textbook affair up to 15 June: points on 30 April
 * (PV 45 000: T1 9 of its 10 working days; EV 25 000: T1 half done; AC
 * 30 000), 31 May (PV 100 000, EV 40 000, AC 65 000 with FA-991) and 15
 * June (the same). The plot is 540 × 272 pixels from (80, 48) and runs to
 * the BAC, 100 000: x = 80, 350, 620; y = 320 − value × 272 / 100 000,
 * truncated: PV 198, 48, 48; EV 252, 212, 212; AC 239, 144, 144. */
static void
test_s_curve (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_finance_portfolio (&affair, 0, FALSE);
  g_autoptr(GDate) jun15 = day (2026, 6, 15);
  g_autoptr(GDate) apr1 = day (2026, 4, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *expected = golden ("s-curve-fr.svg");

  record_textbook (affair);
  svg = aff_affair_to_svg_s_curve (affair, jun15, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (svg, "stroke=\"#1565c0\" points=\"80,198 350,48 620,48\""));
  g_assert_nonnull (strstr (svg, "stroke=\"#2e7d32\" points=\"80,252 350,212 620,212\""));
  g_assert_nonnull (strstr (svg, "stroke=\"#c62828\" points=\"80,239 350,144 620,144\""));
  g_assert_nonnull (strstr (svg, "<line x1=\"80\" y1=\"48\" x2=\"620\" y2=\"48\" stroke=\"#888\""));
  g_assert_cmpstr (svg, ==, expected);
  g_assert_null (aff_affair_to_svg_s_curve (affair, apr1, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
}

/* A portfolio large enough to be computed on several threads: 520
 * affairs, their plans on one calendar, each sold 1 500.00 for 10 h of
 * labour at 100.00 in T1 (BAC 1 000), with 600.00 spent on 4 May and no
 * progress. By hand: EV 0, so
 * EAC = AC + BAC − EV = 1 600.00, margin −100.00; four alerts each: the
 * CPI (0), the SPI (0, half of T1 being planned by then), the margin rate
 * (−6.67 % against 33.33 %) and the concordance (physical 0 %, cost
 * 600 / 1 600 = 37.5 %, billing 0 %). The rows and the alerts come in the
 * portfolio's order, whatever the threads. */
/* @n affairs at −100.00 each, the even ones for beta, the odd ones for
 * acme; welding (every third of the first 450), pipework (the other
 * two thirds of them) and lifting (450 on). */
static void
check_many_affairs (guint n)
{
  g_autoptr(AffPortfolio) p = new_base_portfolio ();
  g_autoptr(GDate) signed_on = day (2026, 4, 20);
  g_autoptr(GDate) validity = day (2026, 6, 30);
  g_autoptr(GDate) may4 = day (2026, 5, 4);
  g_autoptr(AffMoney) price = money ("1500.00 EUR");
  g_autoptr(AffDashboard) dashboard = NULL;
  g_auto(GStrv) alerts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AffCalendar) shared = aff_calendar_new_french (FALSE);
  GPtrArray *rows, *by_activity;
  guint i;
#ifdef __linux__
  cpu_set_t before, after;
#endif
  g_autofree char *total_revenue = g_strdup_printf ("%u.00 EUR", 1500 * n);
  g_autofree char *total_margin = g_strdup_printf ("-%u.00 EUR", 100 * n);
  g_autofree char *beta_margin = g_strdup_printf ("-%u.00 EUR", 100 * ((n + 1) / 2));
  g_autofree char *acme_margin = g_strdup_printf ("-%u.00 EUR", 100 * (n / 2));
  g_autofree char *lifting_margin = g_strdup_printf ("-%u.00 EUR", 100 * (n - 450));

  add_client_beta (p);
  for (i = 0; i < n; i++)
    {
      g_autofree char *cid = g_strdup_printf ("CONS-%03u", i);
      g_autofree char *oid = g_strdup_printf ("OFF-%03u", i);
      g_autoptr(AffOffer) offer = aff_offer_new (oid, cid);
      AffOfferRevision *rev;
      AffAffair *affair;
      AffPlan *plan;

      /* Welding and pipework in the first 450, lifting after: the second
       * chunk meets an activity the first did not. */
      const char *activities[] = { i >= 450 ? "lifting" : i % 3 == 0 ? "welding" : "pipework", NULL };

      add_consultation_full (p, cid, i % 2 ? "acme" : "beta", AFF_REGULATORY_FLAGS_NONE, FALSE, TRUE);
      aff_consultation_set_activities (aff_portfolio_lookup_consultation (p, cid), activities);
      ASSERT_OK (aff_portfolio_add_offer (p, offer, &error));
      rev = aff_offer_get_current_revision (offer);
      add_cost_line (rev, AFF_LINE_KIND_LABOUR, "Montage", "10", AFF_LINE_UNIT_HOUR, "100.00 EUR", "T1");
      ASSERT_OK (aff_offer_revision_set_overhead_rate (rev, AFF_LINE_KIND_LABOUR, 0, &error));
      ASSERT_OK (aff_offer_revision_set_selling_price (rev, price, &error));
      ASSERT_OK (aff_offer_revision_set_validity (rev, validity, &error));
      send (offer, 2026, 4, 1);
      ASSERT_OK (aff_offer_accept (offer, signed_on, "CT", &error));
      affair = aff_portfolio_lookup_affair (p, oid);
      plan = aff_affair_get_plan (affair);
      aff_plan_set_calendar (plan, shared);
      add_task (plan, "T1", 10);
      ASSERT_OK (aff_plan_schedule (plan, &error));
      ASSERT_OK (aff_plan_save_baseline (plan, "contrat", &error));
      cost (aff_affair_get_ledger (affair), 2026, 5, 4, "T1", AFF_COST_CATEGORY_LABOUR, AFF_COST_STATE_ACTUAL,
            "600.00 EUR", NULL, NULL);
    }
#ifdef __linux__
  g_assert_cmpint (sched_getaffinity (0, sizeof before, &before), ==, 0);
#endif
  dashboard = aff_portfolio_compute_dashboard (p, may4, &error);
  g_assert_no_error (error);
#ifdef __linux__
  /* The workers leave the caller's processor; the caller keeps the
   * processors it had. */
  g_assert_cmpint (sched_getaffinity (0, sizeof after, &after), ==, 0);
  g_assert_true (CPU_EQUAL (&before, &after));
#endif
  rows = aff_dashboard_get_rows (dashboard);
  g_assert_cmpuint (rows->len, ==, n);
  for (i = 0; i < n; i++)
    {
      const AffDashboardRow *row = g_ptr_array_index (rows, i);
      g_autofree char *oid = g_strdup_printf ("OFF-%03u", i);

      g_assert_cmpstr (aff_dashboard_row_get_key (row), ==, oid);
      assert_money (aff_dashboard_row_get_cost_at_completion (row), "1600.00 EUR");
      assert_money (aff_dashboard_row_get_margin_at_completion (row), "-100.00 EUR");
      g_assert_cmpuint (aff_dashboard_row_get_n_alerts (row), ==, 4);
    }
  assert_money (aff_dashboard_row_get_revenue_at_completion (aff_dashboard_get_totals (dashboard)), total_revenue);
  assert_money (aff_dashboard_row_get_margin_at_completion (aff_dashboard_get_totals (dashboard)), total_margin);
  g_assert_cmpuint (aff_dashboard_get_by_client (dashboard)->len, ==, 2);
  assert_money (aff_dashboard_row_get_margin_at_completion (g_ptr_array_index (aff_dashboard_get_by_client (dashboard),
                                                                               0)),
                beta_margin);
  /* By activity, in the order first met: 150 welding (0, 3, … 447), 300
   * pipework, n − 450 lifting (450 to n − 1), at −100.00 each. */
  by_activity = aff_dashboard_get_by_activity (dashboard);
  g_assert_cmpuint (by_activity->len, ==, 3);
  for (i = 0; i < 3; i++)
    {
      static const char *const keys[] = { "welding", "pipework", "lifting" };
      const char *const margins[] = { "-15000.00 EUR", "-30000.00 EUR", lifting_margin };
      const guint counts[] = { 150, 300, n - 450 };
      const AffDashboardRow *row = g_ptr_array_index (by_activity, i);

      g_assert_cmpstr (aff_dashboard_row_get_key (row), ==, keys[i]);
      g_assert_cmpuint (aff_dashboard_row_get_n_affairs (row), ==, counts[i]);
      assert_money (aff_dashboard_row_get_margin_at_completion (row), margins[i]);
    }
  alerts = aff_dashboard_list_alerts (dashboard);
  g_assert_cmpuint (g_strv_length (alerts), ==, 4 * n);
  for (i = 0; i < 4 * n; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("OFF-%03u : ", i / 4);

      g_assert_true (g_str_has_prefix (alerts[i], prefix));
    }
  /* A copy outlives the dashboard, with the same alerts in the same
   * order: 4 n of them, over many blocks and every chunk's part. */
  {
    AffDashboard *copy = aff_dashboard_copy (dashboard);
    g_auto(GStrv) copied = NULL;

    g_clear_pointer (&dashboard, aff_dashboard_free);
    copied = aff_dashboard_list_alerts (copy);
    g_assert_true (g_strv_equal ((const char * const *) copied, (const char * const *) alerts));
    aff_dashboard_free (copy);
  }

  /* Ten years on, the forecast's months lie beyond the days the shared
   * calendar has counted: both threads widen it at once, and the figures
   * stay those of 4 May (nothing happened since, the margin is fixed). */
  {
    g_autoptr(GDate) later = day (2036, 5, 5);
    AffDashboard *again = aff_portfolio_compute_dashboard (p, later, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (aff_dashboard_get_rows (again)->len, ==, n);
    assert_money (aff_dashboard_row_get_margin_at_completion (aff_dashboard_get_totals (again)), total_margin);
    assert_money (aff_dashboard_row_get_margin_at_completion (g_ptr_array_index (aff_dashboard_get_by_client (again),
                                                                                 1)),
                  acme_margin);
    aff_dashboard_free (again);
  }

  /* The first and the last affair each get 50 000 000 000 000 000.00 more
   * by amendment: each row holds its revenue, each thread's sum too, not
   * the two together (10^19 cents > 2^63 − 1 ≈ 9.22 × 10^18). */
  {
    g_autoptr(AffMoney) huge = money ("50000000000000000.00 EUR");
    g_autoptr(GDate) may5 = day (2026, 5, 5);
    AffDashboard *none;
    guint which[] = { 0, n - 1 };

    for (i = 0; i < G_N_ELEMENTS (which); i++)
      {
        g_autofree char *oid = g_strdup_printf ("OFF-%03u", which[i]);
        AffAffair *affair = aff_portfolio_lookup_affair (p, oid);
        g_autoptr(AffAmendment) amendment = aff_amendment_new ("AV-1", may4, huge, "Hors d'échelle");

        ASSERT_OK (aff_affair_add_amendment (affair, amendment, &error));
        ASSERT_OK (aff_affair_accept_amendment (affair, "AV-1", may4, &error));
      }
    none = aff_portfolio_compute_dashboard (p, may5, &error);
    g_assert_null (none);
    g_assert_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW);
    g_assert_nonnull (strstr (error->message, "totals"));
    g_clear_error (&error);
  }
}

/* 520 affairs: two chunks, one a thread, of 346 and 174 affairs (the
 * chunks shrink by the same step, the last the smallest). */
static void
test_dashboard_many_affairs (void)
{
  check_many_affairs (520);
}

/* 1 300: five chunks (a quarter of a thousand on average at least), of 433,
 * 347, 260, 173 and 87 affairs, which the threads take in turn; the rollups, alerts and overflow come out as
 * from one thread, in the affairs' order. */
static void
test_dashboard_many_chunks (void)
{
  check_many_affairs (1300);
}

/* A document may give an affair another client than its consultation's:
 * the affair keeps it, in the dashboard and against its removal. */
static void
test_affair_keeps_its_client (void)
{
  g_autoptr(AffPortfolio) p = NULL;
  g_autoptr(AffPortfolio) q = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) other = NULL;
  g_autoptr(AffDashboard) dashboard = NULL;
  g_autoptr(GDate) may4 = day (2026, 5, 4);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *edited = NULL;
  JsonObject *document;
  JsonArray *clients;
  AffAffair *affair;
  GPtrArray *by_client;

  p = new_finance_portfolio (&affair, 0, FALSE);
  data = aff_portfolio_to_data (p, NULL);
  root = json_from_string (data, &error);
  g_assert_no_error (error);
  document = json_node_get_object (root);
  clients = json_object_get_array_member (document, "clients");
  g_assert_cmpuint (json_array_get_length (clients), ==, 1);
  /* json_node_copy() would share the object: a copy by text. */
  edited = json_to_string (json_array_get_element (clients, 0), FALSE);
  other = json_from_string (edited, &error);
  g_assert_no_error (error);
  g_clear_pointer (&edited, g_free);
  json_object_set_string_member (json_node_get_object (other), "id", "other");
  json_object_set_string_member (json_node_get_object (other), "name", "Other SA");
  json_array_add_element (clients, g_steal_pointer (&other));
  json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (document, "affairs"), 0),
                                 "client_id", "other");
  edited = json_to_string (root, FALSE);
  q = aff_portfolio_new_from_data (edited, -1, &error);
  g_assert_no_error (error);

  g_assert_false (aff_portfolio_remove_client (q, "other", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "OFF-1"));
  g_clear_error (&error);
  g_assert_nonnull (aff_portfolio_lookup_client (q, "other"));

  dashboard = aff_portfolio_compute_dashboard (q, may4, &error);
  g_assert_no_error (error);
  by_client = aff_dashboard_get_by_client (dashboard);
  g_assert_cmpuint (by_client->len, ==, 1);
  g_assert_cmpstr (aff_dashboard_row_get_key (g_ptr_array_index (by_client, 0)), ==, "other");
  g_assert_cmpstr (aff_dashboard_row_get_label (g_ptr_array_index (by_client, 0)), ==, "Other SA");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/finance/textbook-earned-value", test_textbook_earned_value);
  g_test_add_func ("/finance/concordance-tolerance", test_concordance_tolerance);
  g_test_add_func ("/finance/eac-methods", test_eac_methods);
  g_test_add_func ("/finance/nothing-yet", test_nothing_yet);
  g_test_add_func ("/finance/deferred-revenue-and-physical-method", test_deferred_revenue_and_physical_method);
  g_test_add_func ("/finance/loss-provision", test_loss_provision);
  g_test_add_func ("/finance/amendment", test_amendment);
  g_test_add_func ("/finance/status-follows-its-plan", test_status_follows_its_plan);
  g_test_add_func ("/finance/overheads-earn-with-the-rest", test_overheads_earn_with_the_rest);
  g_test_add_func ("/finance/progress-history", test_progress_history);
  g_test_add_func ("/finance/invoices-and-payments", test_invoices_and_payments);
  g_test_add_func ("/finance/ledger-sums-and-commitments", test_ledger_sums_and_commitments);
  g_test_add_func ("/finance/ledger-overflow", test_ledger_overflow);
  g_test_add_func ("/finance/ledger-csv", test_ledger_csv);
  g_test_add_func ("/finance/ledger-csv-errors", test_ledger_csv_errors);
  g_test_add_func ("/finance/ledger-works", test_ledger_works);
  g_test_add_func ("/finance/ledger-many-works", test_ledger_many_works);
  g_test_add_func ("/finance/journal-and-round-trip", test_journal_and_round_trip);
  g_test_add_func ("/finance/drifts", test_drifts);
  g_test_add_func ("/finance/drift-thresholds", test_drift_thresholds);
  g_test_add_func ("/finance/billing-schedule", test_billing_schedule);
  g_test_add_func ("/finance/billing-errors-and-guarantee", test_billing_errors_and_guarantee);
  g_test_add_func ("/finance/late-and-supplier-payments", test_late_and_supplier_payments);
  g_test_add_func ("/finance/close-out", test_close_out);
  g_test_add_func ("/finance/dashboard-many-affairs", test_dashboard_many_affairs);
  g_test_add_func ("/finance/dashboard-many-chunks", test_dashboard_many_chunks);
  g_test_add_func ("/finance/dashboard", test_dashboard);
  g_test_add_func ("/finance/dashboard-long-label", test_dashboard_long_label);
  g_test_add_func ("/finance/affair-keeps-its-client", test_affair_keeps_its_client);
  g_test_add_func ("/finance/s-curve", test_s_curve);
  return g_test_run ();
}
