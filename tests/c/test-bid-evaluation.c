/* test-bid-evaluation.c: the go / no-go through a portfolio, decisions,
 * statistics, duplicates, lists and persistence
 *
 * Every score is worked out by hand from the contract (docs/rules.md, "The
 * evaluation"); the arithmetic is next to each case. Default weights:
 * strategic-fit 20, win-rate 15, margin 25, risk 20, workload 10, bid-cost 10
 * (sum 100), so score = round_half_even (sum (w s) / 5).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <affaires.h>

#include "test-util.h"

#define MM "mechanical-maintenance"
#define BM "boilermaking"

static AffMoney *
cents (gint64      minor,
       const char *currency)
{
  g_autoptr(GError) error = NULL;
  AffMoney *m = aff_money_new (minor, currency, &error);

  g_assert_no_error (error);
  return m;
}

static AffMoney *
euros (gint64 units)
{
  return cents (units * 100, "EUR");
}

static AffPortfolio *
new_portfolio (void)
{
  AffPortfolio *portfolio = aff_portfolio_new ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  const char *activities[] = { MM, BM, NULL };

  aff_portfolio_set_fixed_time (portfolio, now);
  aff_portfolio_set_actor (portfolio, "alice");
  aff_policy_set_activities (aff_portfolio_get_policy (portfolio), activities);
  return portfolio;
}

static void
set_figure (AffSolvency *s,
            void       (*setter) (AffSolvency *, const AffMoney *),
            gint64       units)
{
  g_autoptr(AffMoney) m = euros (units);

  setter (s, m);
}

/* Figures (euros) TA 1 000 000, WC 200 000, RE 300 000, EBIT 100 000,
 * equity 400 000, TL 500 000, sales 2 000 000:
 *   Z'  = 0.1434 + 0.2541 + 0.3107 + 0.336 + 1.996 = 3.0402: SAFE
 *   Z'' = 1.312 + 0.978 + 0.672 + 0.84 = 3.802: SAFE
 * with_sales FALSE leaves the sales out (Z' not assessable). */
static AffSolvency *
safe_solvency (int y, int m, int d,
               gboolean with_sales)
{
  g_autoptr(GDate) date = day (y, m, d);
  AffSolvency *s = aff_solvency_new (date);

  set_figure (s, aff_solvency_set_working_capital, 200000);
  set_figure (s, aff_solvency_set_retained_earnings, 300000);
  set_figure (s, aff_solvency_set_ebit, 100000);
  set_figure (s, aff_solvency_set_book_equity, 400000);
  set_figure (s, aff_solvency_set_total_liabilities, 500000);
  set_figure (s, aff_solvency_set_total_assets, 1000000);
  if (with_sales)
    set_figure (s, aff_solvency_set_sales, 2000000);
  return s;
}

/* A manufacturing client (NAF 28.29B: Z'), made ACTIVE on 2026-01-05 unless
 * @status is PROSPECT, with a SAFE assessment of 2026-01-15 when @solvent. */
static AffClient *
add_client (AffPortfolio    *portfolio,
            const char      *id,
            AffClientStatus  status,
            gboolean         solvent)
{
  g_autoptr(AffClient) client = aff_client_new (id, id);
  g_autoptr(GError) error = NULL;

  g_assert_true (aff_client_set_sector (client, "28.29B", &error));
  g_assert_no_error (error);
  g_assert_true (aff_portfolio_add_client (portfolio, client, &error));
  g_assert_no_error (error);
  if (status != AFF_CLIENT_STATUS_PROSPECT)
    {
      g_autoptr(GDate) date = day (2026, 1, 5);

      g_assert_true (aff_client_change_status (client, status, date, NULL, &error));
      g_assert_no_error (error);
    }
  if (solvent)
    {
      g_autoptr(AffSolvency) s = safe_solvency (2026, 1, 15, TRUE);

      g_assert_true (aff_client_add_solvency (client, s, &error));
      g_assert_no_error (error);
    }
  return client;
}

/* The reference consultation: received 2026-03-02, deadline given, activity
 * mechanical-maintenance, value 200 000.00 EUR, bid cost 1 000.00 EUR
 * (50 bp), margin 15 % (= target), 2 000 hours (10 % of 20 000). */
static AffConsultation *
add_consultation (AffPortfolio *portfolio,
                  const char   *id,
                  const char   *client_id,
                  int dy, int dm, int dd)
{
  g_autoptr(GDate) received = day (2026, 3, 2);
  g_autoptr(GDate) deadline = day (dy, dm, dd);
  g_autoptr(AffConsultation) c = aff_consultation_new (id, client_id, "Révision pompe centrifuge",
                                                       received, deadline);
  g_autoptr(AffMoney) value = euros (200000);
  g_autoptr(AffMoney) cost = euros (1000);
  const char *activities[] = { MM, NULL };
  g_autoptr(GError) error = NULL;

  aff_consultation_set_activities (c, activities);
  aff_consultation_set_estimated_value (c, value);
  aff_consultation_set_bid_cost (c, cost);
  aff_consultation_set_expected_margin_rate (c, 1500);
  aff_consultation_set_estimated_hours (c, 2000);
  g_assert_true (aff_portfolio_add_consultation (portfolio, c, &error));
  g_assert_no_error (error);
  return c;   /* owned by the portfolio */
}

static AffBidEvaluation *
evaluate (AffPortfolio *portfolio,
          const char   *id,
          int y, int m, int d)
{
  g_autoptr(GDate) date = day (y, m, d);
  g_autoptr(GError) error = NULL;
  AffBidEvaluation *evaluation = aff_portfolio_evaluate_consultation (portfolio, id, date, &error);

  g_assert_no_error (error);
  g_assert_nonnull (evaluation);
  return evaluation;
}

/* Evaluates and drops the evaluation (the consultation remembers it). */
static void
evaluate_only (AffPortfolio *portfolio,
               const char   *id,
               int y, int m, int d)
{
  g_autoptr(AffBidEvaluation) evaluation = evaluate (portfolio, id, y, m, d);

  g_assert_nonnull (evaluation);
}

static guint
criterion_score (AffBidEvaluation *evaluation,
                 const char       *name)
{
  const AffBidCriterion *criterion = aff_bid_evaluation_lookup_criterion (evaluation, name);

  g_assert_nonnull (criterion);
  return aff_bid_criterion_get_score (criterion);
}

static gboolean
criterion_passed (AffBidEvaluation *evaluation,
                  const char       *name)
{
  const AffBidCriterion *criterion = aff_bid_evaluation_lookup_criterion (evaluation, name);

  g_assert_nonnull (criterion);
  return aff_bid_criterion_get_passed (criterion);
}

static AffRisk *
add_risk (AffConsultation  *c,
          guint             probability,
          guint             impact,
          AffRiskTreatment  treatment)
{
  g_autoptr(AffRisk) risk = aff_risk_new ("risque", AFF_RISK_CATEGORY_TECHNICAL, probability, impact);
  g_autoptr(GError) error = NULL;

  aff_risk_set_treatment (risk, treatment);
  g_assert_true (aff_risk_register_add_risk (aff_consultation_get_risk_register (c), risk, &error));
  g_assert_no_error (error);
  return risk;
}

/* Drives a consultation to @state with the given dates; the decision follows
 * @verdict whatever the evaluation said (a justification is always given). */
static void
drive (AffPortfolio         *portfolio,
       const char           *id,
       AffConsultationState  state,
       int qm, int qd,          /* qualification, month and day of 2026 */
       int em, int ed,          /* evaluation */
       int om, int od,          /* offer */
       int wm, int wd)          /* outcome */
{
  AffConsultation *c = aff_portfolio_lookup_consultation (portfolio, id);
  g_autoptr(GDate) qualify = day (2026, qm, qd);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (c);
  if (state == AFF_CONSULTATION_STATE_ABANDONED)
    {
      g_assert_true (aff_consultation_abandon (c, qualify, NULL, &error));
      g_assert_no_error (error);
      return;
    }
  g_assert_true (aff_consultation_start_qualification (c, qualify, NULL, &error));
  g_assert_no_error (error);
  if (state == AFF_CONSULTATION_STATE_QUALIFYING)
    return;
  evaluate_only (portfolio, id, 2026, em, ed);
  g_assert_true (aff_portfolio_decide_consultation (portfolio, id,
                                                    state == AFF_CONSULTATION_STATE_NO_GO
                                                      ? AFF_BID_VERDICT_NO_GO : AFF_BID_VERDICT_GO,
                                                    "bob", "arbitrage de la direction", &error));
  g_assert_no_error (error);
  if (state == AFF_CONSULTATION_STATE_GO || state == AFF_CONSULTATION_STATE_NO_GO)
    return;
  {
    g_autoptr(GDate) offer = day (2026, om, od);

    g_assert_true (aff_consultation_mark_offer_sent (c, offer, NULL, &error));
    g_assert_no_error (error);
  }
  if (state == AFF_CONSULTATION_STATE_OFFER_SENT)
    return;
  {
    g_autoptr(GDate) outcome = day (2026, wm, wd);

    if (state == AFF_CONSULTATION_STATE_WON)
      g_assert_true (aff_consultation_mark_won (c, outcome, NULL, &error));
    else
      g_assert_true (aff_consultation_mark_lost (c, outcome, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (aff_consultation_get_state (c), ==, state);
}

#define DRIVE(p, id, state) drive (p, id, state, 3, 3, 3, 4, 3, 5, 3, 6)

/* ---------------------------------------------------------------------- */

/* The reference case, evaluated on 2026-03-10 (deadline 2026-04-01: 22 days):
 *   gates: activities, solvency, deadline, critical-risks all passed (5)
 *   strategic-fit ACTIVE 5, win-rate none 3, margin 1500 >= 1500 5,
 *   risk none 5, workload 2000 / 20000 = 10 % 5, bid-cost 50 bp 5
 *   sum = 20*5 + 15*3 + 25*5 + 20*5 + 10*5 + 10*5 = 470; 100 * 470 / 500 = 94: GO
 */
static void
test_go (void)
{
  g_autoptr(AffPortfolio) portfolio = new_portfolio ();
  AffJournal *journal = aff_portfolio_get_journal (portfolio);
  AffConsultation *c;
  g_autoptr(AffBidEvaluation) evaluation = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  static const struct { const char *name; guint weight, score; gboolean blocking; } expected[] = {
    { "activities", 0, 5, TRUE }, { "solvency", 0, 5, TRUE }, { "deadline", 0, 5, TRUE },
    { "critical-risks", 0, 5, TRUE }, { "strategic-fit", 20, 5, FALSE }, { "win-rate", 15, 3, FALSE },
    { "margin", 25, 5, FALSE }, { "risk", 20, 5, FALSE }, { "workload", 10, 5, FALSE },
    { "bid-cost", 10, 5, FALSE },
  };
  guint n;

  add_client (portfolio, "acme", AFF_CLIENT_STATUS_ACTIVE, TRUE);
  c = add_consultation (portfolio, "AO-1", "acme", 2026, 4, 1);
  n = aff_journal_get_n_entries (journal);
  evaluation = evaluate (portfolio, "AO-1", 2026, 3, 10);

  g_assert_cmpstr (aff_bid_evaluation_get_consultation_id (evaluation), ==, "AO-1");
  assert_date (aff_bid_evaluation_get_date (evaluation), 2026, 3, 10);
  g_assert_cmpint (aff_bid_evaluation_get_verdict (evaluation), ==, AFF_BID_VERDICT_GO);
  g_assert_cmpuint (aff_bid_evaluation_get_score (evaluation), ==, 94);

  /* the criteria, in the contract's order; weights from the policy */
  criteria = aff_bid_evaluation_get_criteria (evaluation);
  g_assert_cmpuint (criteria->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < criteria->len; i++)
    {
      const AffBidCriterion *criterion = g_ptr_array_index (criteria, i);

      g_test_message ("criterion %s", expected[i].name);
      g_assert_cmpstr (aff_bid_criterion_get_name (criterion), ==, expected[i].name);
      g_assert_cmpuint (aff_bid_criterion_get_weight (criterion), ==, expected[i].weight);
      g_assert_cmpuint (aff_bid_criterion_get_score (criterion), ==, expected[i].score);
      g_assert_cmpint (aff_bid_criterion_is_blocking (criterion), ==, expected[i].blocking);
      /* gates passed; weighted criteria pass when they score above 0 */
      g_assert_true (aff_bid_criterion_get_passed (criterion));
      g_assert_nonnull (aff_bid_criterion_get_explanation (criterion));
      g_assert_cmpstr (aff_bid_criterion_get_explanation (criterion), !=, "");
      {
        const AffBidCriterion *looked_up = aff_bid_evaluation_lookup_criterion (evaluation, expected[i].name);

        g_assert_nonnull (looked_up);
        g_assert_cmpstr (aff_bid_criterion_get_name (looked_up), ==, expected[i].name);
        g_assert_cmpuint (aff_bid_criterion_get_score (looked_up), ==, expected[i].score);
      }
      {
        g_autoptr(AffBidCriterion) copy = aff_bid_criterion_copy (criterion);

        g_assert_cmpstr (aff_bid_criterion_get_name (copy), ==, expected[i].name);
        g_assert_cmpuint (aff_bid_criterion_get_score (copy), ==, expected[i].score);
      }
    }
  g_assert_null (aff_bid_evaluation_lookup_criterion (evaluation, "price"));
  {
    const char * const *names = aff_policy_list_bid_criteria ();

    g_assert_cmpuint (g_strv_length ((char **) names), ==, 6);
    for (guint i = 0; i < 6; i++)
      g_assert_cmpstr (names[i], ==, expected[4 + i].name);
  }

  /* evaluating changes no state; it is journaled */
  g_assert_cmpint (aff_consultation_get_state (c), ==, AFF_CONSULTATION_STATE_RECEIVED);
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n + 1);
  {
    AffJournalEntry *entry = aff_journal_get_entry (journal, n);
    g_autofree char *verdict = aff_journal_entry_dup_detail (entry, "verdict");
    g_autofree char *score = aff_journal_entry_dup_detail (entry, "score");
    g_autofree char *date = aff_journal_entry_dup_detail (entry, "date");

    g_assert_cmpstr (aff_journal_entry_get_entity_kind (entry), ==, "consultation");
    g_assert_cmpstr (aff_journal_entry_get_entity_id (entry), ==, "AO-1");
    g_assert_cmpstr (aff_journal_entry_get_action (entry), ==, "evaluated");
    g_assert_cmpstr (verdict, ==, "go");
    g_assert_cmpstr (score, ==, "94");
    g_assert_cmpstr (date, ==, "2026-03-10");
  }

  /* unknown consultation */
  {
    g_autoptr(GDate) date = day (2026, 3, 10);
    g_autoptr(GError) error = NULL;
    AffBidEvaluation *none = aff_portfolio_evaluate_consultation (portfolio, "AO-9", date, &error);

    g_assert_null (none);
    g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND);
    g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n + 1);
  }

  /* QUALIFYING can be evaluated too */
  {
    g_autoptr(GDate) d3 = day (2026, 3, 3);
    g_autoptr(GError) error = NULL;
    g_autoptr(AffBidEvaluation) again = NULL;

    g_assert_true (aff_consultation_start_qualification (c, d3, NULL, &error));
    g_assert_no_error (error);
    again = evaluate (portfolio, "AO-1", 2026, 3, 10);
    g_assert_cmpuint (aff_bid_evaluation_get_score (again), ==, 94);
    g_assert_cmpint (aff_consultation_get_state (c), ==, AFF_CONSULTATION_STATE_QUALIFYING);
  }
}

/* Not before the receipt, nor before the last change. */
static void
test_evaluation_dates (void)
{
  g_autoptr(AffPortfolio) portfolio = new_portfolio ();
  AffJournal *journal = aff_portfolio_get_journal (portfolio);
  AffConsultation *c;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) d1 = day (2026, 3, 1);
  g_autoptr(GDate) d4 = day (2026, 3, 4);
  g_autoptr(GDate) d5 = day (2026, 3, 5);
  AffBidEvaluation *none;
  guint n;

  add_client (portfolio, "acme", AFF_CLIENT_STATUS_ACTIVE, TRUE);
  c = add_consultation (portfolio, "AO-1", "acme", 2026, 4, 1);    /* received 03-02 */
  add_consultation (portfolio, "AO-2", "acme", 2026, 4, 1);
  n = aff_journal_get_n_entries (journal);

  none = aff_portfolio_evaluate_consultation (portfolio, "AO-1", d1, &error);
  g_assert_null (none);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n);

  /* the day of receipt is fine */
  evaluate_only (portfolio, "AO-2", 2026, 3, 2);

  g_assert_true (aff_consultation_start_qualification (c, d5, NULL, &error));
  g_assert_no_error (error);
  n = aff_journal_get_n_entries (journal);
  none = aff_portfolio_evaluate_consultation (portfolio, "AO-1", d4, &error);
  g_assert_null (none);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n);
  /* the day of the last change is fine */
  {
    g_autoptr(AffBidEvaluation) e = evaluate (portfolio, "AO-1", 2026, 3, 5);

    g_assert_cmpint (aff_bid_evaluation_get_verdict (e), ==, AFF_BID_VERDICT_GO);
  }
  g_assert_cmpint (aff_consultation_get_state (c), ==, AFF_CONSULTATION_STATE_QUALIFYING);
}

/* ---------------------------------------------------------------------- */

typedef enum {
  GATE_NONE,
  GATE_NO_ACTIVITY,
  GATE_FOREIGN_ACTIVITY,
  GATE_NO_SOLVENCY,
  GATE_STALE_SOLVENCY,
  GATE_DISTRESS,
  GATE_NOT_ASSESSABLE,
  GATE_SOLVENCY_AFTER_DATE,
  GATE_DEADLINE_9_DAYS,
  GATE_DEADLINE_PAST,
  GATE_UNTREATED_CRITICAL,
  /* the twins that pass */
  PASS_DEADLINE_10_DAYS,
  PASS_GREY,
  PASS_SOLVENCY_365_DAYS,
  PASS_TREATED_CRITICAL,
  PASS_CLOSED_CRITICAL,
  PASS_SHORTER_PREPARATION,
  PASS_TWO_ACTIVITIES,
} GateCase;

static const struct
{
  GateCase    which;
  const char *what;
  const char *failing;     /* the gate that fails, or NULL */
  guint       score;
} gate_cases[] = {
  { GATE_NONE, "reference", NULL, 94 },
  { GATE_NO_ACTIVITY, "no activity stated", "activities", 94 },
  { GATE_FOREIGN_ACTIVITY, "an activity outside the policy", "activities", 94 },
  { GATE_NO_SOLVENCY, "no solvency", "solvency", 94 },
  /* 2025-03-09 .. 2026-03-10 = 366 days > 365 */
  { GATE_STALE_SOLVENCY, "stale solvency", "solvency", 94 },
  /* SAFE downgraded twice (dso 120 > 90, late 40 > 30) */
  { GATE_DISTRESS, "distress rating", "solvency", 94 },
  /* Z' without sales */
  { GATE_NOT_ASSESSABLE, "rating not assessable", "solvency", 94 },
  /* assessed 2026-03-11, after the evaluation date: no current assessment */
  { GATE_SOLVENCY_AFTER_DATE, "assessment after the date", "solvency", 94 },
  /* 2026-03-19 - 2026-03-10 = 9 < 10 */
  { GATE_DEADLINE_9_DAYS, "9 days to prepare", "deadline", 94 },
  { GATE_DEADLINE_PAST, "deadline passed", "deadline", 94 },
  /* 4 x 4 = 16 CRITICAL, treatment NONE; risk criterion 1:
   * 470 - 20*5 + 20*1 = 390 -> 78 */
  { GATE_UNTREATED_CRITICAL, "untreated critical risk", "critical-risks", 78 },
  /* 2026-03-20 - 2026-03-10 = 10 */
  { PASS_DEADLINE_10_DAYS, "10 days to prepare", NULL, 94 },
  /* SAFE downgraded once (dso 120): GREY is not DISTRESS */
  { PASS_GREY, "grey rating", NULL, 94 },
  /* 2025-03-10 .. 2026-03-10 = 365 days, not more */
  { PASS_SOLVENCY_365_DAYS, "solvency 365 days old", NULL, 94 },
  /* critical but treated: risk 1 -> 78 */
  { PASS_TREATED_CRITICAL, "treated critical risk", NULL, 78 },
  /* critical untreated but closed: ignored, risk 5 */
  { PASS_CLOSED_CRITICAL, "closed critical risk", NULL, 94 },
  /* min_preparation_days 9 and 9 days left */
  { PASS_SHORTER_PREPARATION, "policy asks 9 days", NULL, 94 },
  { PASS_TWO_ACTIVITIES, "both activities of the policy", NULL, 94 },
};

static void
test_gates (void)
{
  static const char *const gates[] = { "activities", "solvency", "deadline", "critical-risks" };

  for (gsize i = 0; i < G_N_ELEMENTS (gate_cases); i++)
    {
      g_autoptr(AffPortfolio) portfolio = new_portfolio ();
      g_autoptr(AffBidEvaluation) evaluation = NULL;
      g_autoptr(GError) error = NULL;
      GateCase which = gate_cases[i].which;
      AffClient *client;
      AffConsultation *c;
      int dd = 1, dm = 4;

      g_test_message ("%s", gate_cases[i].what);
      client = add_client (portfolio, "acme", AFF_CLIENT_STATUS_ACTIVE,
                           which != GATE_NO_SOLVENCY && which != GATE_STALE_SOLVENCY &&
                           which != GATE_DISTRESS && which != GATE_NOT_ASSESSABLE &&
                           which != GATE_SOLVENCY_AFTER_DATE && which != PASS_GREY &&
                           which != PASS_SOLVENCY_365_DAYS);
      switch (which)
        {
        case GATE_STALE_SOLVENCY:
        case PASS_SOLVENCY_365_DAYS:
        case GATE_SOLVENCY_AFTER_DATE:
        case GATE_DISTRESS:
        case PASS_GREY:
        case GATE_NOT_ASSESSABLE:
          {
            g_autoptr(AffSolvency) s =
              which == GATE_STALE_SOLVENCY ? safe_solvency (2025, 3, 9, TRUE)
              : which == PASS_SOLVENCY_365_DAYS ? safe_solvency (2025, 3, 10, TRUE)
              : which == GATE_SOLVENCY_AFTER_DATE ? safe_solvency (2026, 3, 11, TRUE)
              : which == GATE_NOT_ASSESSABLE ? safe_solvency (2026, 1, 15, FALSE)
              : safe_solvency (2026, 1, 15, TRUE);

            if (which == GATE_DISTRESS || which == PASS_GREY)
              aff_solvency_set_dso_days (s, 120);
            if (which == GATE_DISTRESS)
              aff_solvency_set_average_days_late (s, 40);
            g_assert_true (aff_client_add_solvency (client, s, &error));
            g_assert_no_error (error);
          }
          break;
        case GATE_DEADLINE_9_DAYS:
        case PASS_SHORTER_PREPARATION:
          dm = 3, dd = 19;
          break;
        case GATE_DEADLINE_PAST:
          dm = 3, dd = 9;
          break;
        case PASS_DEADLINE_10_DAYS:
          dm = 3, dd = 20;
          break;
        default:
          break;
        }
      c = add_consultation (portfolio, "AO-1", "acme", 2026, dm, dd);
      switch (which)
        {
        case GATE_NO_ACTIVITY:
          aff_consultation_set_activities (c, NULL);
          break;
        case GATE_FOREIGN_ACTIVITY:
          {
            const char *activities[] = { MM, "welding", NULL };
            aff_consultation_set_activities (c, activities);
          }
          break;
        case PASS_TWO_ACTIVITIES:
          {
            const char *activities[] = { BM, MM, NULL };
            aff_consultation_set_activities (c, activities);
          }
          break;
        case GATE_UNTREATED_CRITICAL:
          add_risk (c, 4, 4, AFF_RISK_TREATMENT_NONE);
          break;
        case PASS_TREATED_CRITICAL:
          add_risk (c, 4, 4, AFF_RISK_TREATMENT_REDUCE);
          break;
        case PASS_CLOSED_CRITICAL:
          aff_risk_set_status (add_risk (c, 5, 5, AFF_RISK_TREATMENT_NONE), AFF_RISK_STATUS_CLOSED);
          break;
        case PASS_SHORTER_PREPARATION:
          aff_policy_set_min_preparation_days (aff_portfolio_get_policy (portfolio), 9);
          break;
        default:
          break;
        }

      evaluation = evaluate (portfolio, "AO-1", 2026, 3, 10);
      for (gsize g = 0; g < G_N_ELEMENTS (gates); g++)
        {
          gboolean fails = g_strcmp0 (gates[g], gate_cases[i].failing) == 0;
          const AffBidCriterion *criterion = aff_bid_evaluation_lookup_criterion (evaluation, gates[g]);

          g_assert_nonnull (criterion);
          g_assert_true (aff_bid_criterion_is_blocking (criterion));
          g_assert_cmpuint (aff_bid_criterion_get_weight (criterion), ==, 0);
          g_assert_cmpint (aff_bid_criterion_get_passed (criterion), ==, !fails);
          g_assert_cmpuint (aff_bid_criterion_get_score (criterion), ==, fails ? 0 : 5);
        }
      g_assert_cmpuint (aff_bid_evaluation_get_score (evaluation), ==, gate_cases[i].score);
      g_assert_cmpint (aff_bid_evaluation_get_verdict (evaluation), ==,
                       gate_cases[i].failing ? AFF_BID_VERDICT_NO_GO : AFF_BID_VERDICT_GO);
    }
}

/* ---------------------------------------------------------------------- */

static void
test_verdicts (void)
{
  g_autoptr(AffPortfolio) portfolio = new_portfolio ();
  AffPolicy *policy = aff_portfolio_get_policy (portfolio);

  add_client (portfolio, "active", AFF_CLIENT_STATUS_ACTIVE, TRUE);
  add_client (portfolio, "prospect", AFF_CLIENT_STATUS_PROSPECT, TRUE);
  add_client (portfolio, "lost", AFF_CLIENT_STATUS_LOST, TRUE);

  /* REVIEW: prospect 4, win-rate 3, margin unset 2, HIGH risk (2 x 5 = 10) 2,
   * workload 10 % 5, bid cost unset 3:
   * 20*4 + 15*3 + 25*2 + 20*2 + 10*5 + 10*3 = 80 + 45 + 50 + 40 + 50 + 30 = 295 -> 59 */
  {
    AffConsultation *c = add_consultation (portfolio, "REVIEW", "prospect", 2026, 4, 1);
    g_autoptr(AffBidEvaluation) e = NULL;

    aff_consultation_set_expected_margin_rate (c, AFF_MARGIN_RATE_UNSET);
    aff_consultation_set_bid_cost (c, NULL);
    add_risk (c, 2, 5, AFF_RISK_TREATMENT_NONE);
    e = evaluate (portfolio, "REVIEW", 2026, 3, 10);
    g_assert_cmpuint (criterion_score (e, "strategic-fit"), ==, 4);
    g_assert_cmpuint (criterion_score (e, "win-rate"), ==, 3);
    g_assert_cmpuint (criterion_score (e, "margin"), ==, 2);
    g_assert_cmpuint (criterion_score (e, "risk"), ==, 2);
    g_assert_cmpuint (criterion_score (e, "workload"), ==, 5);
    g_assert_cmpuint (criterion_score (e, "bid-cost"), ==, 3);
    g_assert_true (criterion_passed (e, "critical-risks"));
    g_assert_cmpuint (aff_bid_evaluation_get_score (e), ==, 59);
    g_assert_cmpint (aff_bid_evaluation_get_verdict (e), ==, AFF_BID_VERDICT_REVIEW);
  }

  /* NO_GO by score, every gate passed: lost client 1, win-rate 3, margin
   * 7 % <= floor 8 % 0, CRITICAL risk treated 1, 25 000 h / 20 000 = 125 % 0,
   * bid cost 10 000 / 100 000 = 1 000 bp 0:
   * 20*1 + 15*3 + 0 + 20*1 + 0 + 0 = 85 -> 17 */
  {
    AffConsultation *c = add_consultation (portfolio, "LOW", "lost", 2026, 4, 1);
    g_autoptr(AffMoney) value = euros (100000);
    g_autoptr(AffMoney) cost = euros (10000);
    g_autoptr(AffBidEvaluation) e = NULL;

    aff_consultation_set_expected_margin_rate (c, 700);
    aff_consultation_set_estimated_hours (c, 25000);
    aff_consultation_set_estimated_value (c, value);
    aff_consultation_set_bid_cost (c, cost);
    add_risk (c, 4, 4, AFF_RISK_TREATMENT_REDUCE);
    e = evaluate (portfolio, "LOW", 2026, 3, 10);
    for (guint i = 0; i < 4; i++)
      g_assert_true (criterion_passed (e, (const char *[]) { "activities", "solvency", "deadline", "critical-risks" }[i]));
    g_assert_cmpuint (criterion_score (e, "strategic-fit"), ==, 1);
    g_assert_cmpuint (criterion_score (e, "margin"), ==, 0);
    g_assert_cmpuint (criterion_score (e, "risk"), ==, 1);
    g_assert_cmpuint (criterion_score (e, "workload"), ==, 0);
    g_assert_cmpuint (criterion_score (e, "bid-cost"), ==, 0);
    /* a weighted criterion passes when it scores above 0 */
    g_assert_true (criterion_passed (e, "strategic-fit"));
    g_assert_true (criterion_passed (e, "win-rate"));
    g_assert_false (criterion_passed (e, "margin"));
    g_assert_true (criterion_passed (e, "risk"));
    g_assert_false (criterion_passed (e, "workload"));
    g_assert_false (criterion_passed (e, "bid-cost"));
    g_assert_cmpuint (aff_bid_evaluation_get_score (e), ==, 17);
    g_assert_cmpint (aff_bid_evaluation_get_verdict (e), ==, AFF_BID_VERDICT_NO_GO);
  }

  /* the thresholds, around the reference score 94 */
  add_consultation (portfolio, "REF", "active", 2026, 4, 1);
  {
    static const struct { guint bid, review; AffBidVerdict verdict; } t[] = {
      { 70, 50, AFF_BID_VERDICT_GO },
      { 94, 50, AFF_BID_VERDICT_GO },       /* score >= bid threshold */
      { 95, 94, AFF_BID_VERDICT_REVIEW },   /* >= review threshold */
      { 95, 95, AFF_BID_VERDICT_NO_GO },
      { 100, 0, AFF_BID_VERDICT_REVIEW },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (t); i++)
      {
        g_autoptr(AffBidEvaluation) e = NULL;

        g_test_message ("bid %u review %u", t[i].bid, t[i].review);
        aff_policy_set_review_threshold (policy, 0);
        aff_policy_set_bid_threshold (policy, t[i].bid);
        aff_policy_set_review_threshold (policy, t[i].review);
        e = evaluate (portfolio, "REF", 2026, 3, 10);
        g_assert_cmpuint (aff_bid_evaluation_get_score (e), ==, 94);
        g_assert_cmpint (aff_bid_evaluation_get_verdict (e), ==, t[i].verdict);
      }
    aff_policy_set_bid_threshold (policy, 70);
    aff_policy_set_review_threshold (policy, 50);
  }
}

/* ---------------------------------------------------------------------- */

static guint
score_with (AffPortfolio *portfolio,
            const char   *id,
            const char   *criterion,
            guint        *total)
{
  g_autoptr(AffBidEvaluation) e = evaluate (portfolio, id, 2026, 3, 10);

  *total = aff_bid_evaluation_get_score (e);
  return criterion_score (e, criterion);
}

#define ASSERT_SCORE(p, id, criterion, expected_score, expected_total) \
  G_STMT_START {                                                      \
    guint _total = 0;                                                 \
    g_assert_cmpuint (score_with (p, id, criterion, &_total), ==, expected_score); \
    g_assert_cmpuint (_total, ==, expected_total);                    \
  } G_STMT_END

/* Each criterion moved alone from the reference (all others 5 but win-rate 3):
 * total = round_half_even ((470 - w*5 + w*s) / 5), or (425 + 15 s) / 5 for win-rate. */
static void
test_weighted_criteria (void)
{
  g_autoptr(AffPortfolio) portfolio = new_portfolio ();
  AffPolicy *policy = aff_portfolio_get_policy (portfolio);
  AffClient *client = add_client (portfolio, "acme", AFF_CLIENT_STATUS_PROSPECT, TRUE);
  AffConsultation *c = add_consultation (portfolio, "AO-1", "acme", 2026, 4, 1);
  g_autoptr(GError) error = NULL;

  /* strategic fit: 20 s + 370 */
  ASSERT_SCORE (portfolio, "AO-1", "strategic-fit", 4, 90);     /* 450 / 5 */
  {
    static const struct { AffClientStatus status; int d; guint s, total; } steps[] = {
      { AFF_CLIENT_STATUS_ACTIVE, 6, 5, 94 },      /* 470 / 5 */
      { AFF_CLIENT_STATUS_DORMANT, 7, 3, 86 },     /* 430 / 5 */
      { AFF_CLIENT_STATUS_LOST, 8, 1, 78 },        /* 390 / 5 */
      { AFF_CLIENT_STATUS_ACTIVE, 9, 5, 94 },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
      {
        g_autoptr(GDate) date = day (2026, 2, steps[i].d);

        g_assert_true (aff_client_change_status (client, steps[i].status, date, NULL, &error));
        g_assert_no_error (error);
        ASSERT_SCORE (portfolio, "AO-1", "strategic-fit", steps[i].s, steps[i].total);
      }
  }

  /* margin, target 1500 floor 800: 5 (m - 800) / 700; total 345 + 25 s */
  {
    static const struct { int m; guint s, total; } steps[] = {
      { 1500, 5, 94 }, { 2000, 5, 94 },
      { 800, 0, 69 }, { 700, 0, 69 }, { -500, 0, 69 },
      { 1150, 2, 79 },   /* 5 * 350 / 700 = 2.5 -> 2; 395 / 5 */
      { 1290, 4, 89 },   /* 5 * 490 / 700 = 3.5 -> 4; 445 / 5 */
      { 1430, 4, 89 },   /* 5 * 630 / 700 = 4.5 -> 4 */
      { 1010, 2, 79 },   /* 5 * 210 / 700 = 1.5 -> 2 */
      { 1000, 1, 74 },   /* 5 * 200 / 700 = 1.43 -> 1; 370 / 5 */
      { 1499, 5, 94 },   /* 5 * 699 / 700 = 4.99 -> 5 */
      { 801, 0, 69 },    /* 5 / 700 = 0.007 -> 0 */
      { AFF_MARGIN_RATE_UNSET, 2, 79 },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
      {
        g_test_message ("margin %d", steps[i].m);
        aff_consultation_set_expected_margin_rate (c, steps[i].m);
        ASSERT_SCORE (portfolio, "AO-1", "margin", steps[i].s, steps[i].total);
      }
    /* target 2000, floor 1000, m 1500: 5 * 500 / 1000 = 2.5 -> 2 */
    aff_policy_set_target_margin_rate (policy, 2000);
    aff_policy_set_floor_margin_rate (policy, 1000);
    aff_consultation_set_expected_margin_rate (c, 1500);
    ASSERT_SCORE (portfolio, "AO-1", "margin", 2, 79);
    aff_policy_set_target_margin_rate (policy, 1500);
    aff_policy_set_floor_margin_rate (policy, 800);
  }

  /* risk: total 370 + 20 s */
  {
    AffRisk *r;

    r = add_risk (c, 1, 1, AFF_RISK_TREATMENT_NONE);              /* LOW */
    ASSERT_SCORE (portfolio, "AO-1", "risk", 5, 94);
    aff_risk_set_impact (r, 5);                                   /* 5: MEDIUM */
    ASSERT_SCORE (portfolio, "AO-1", "risk", 4, 90);              /* 450 / 5 */
    aff_risk_set_probability (r, 2);                              /* 10: HIGH */
    ASSERT_SCORE (portfolio, "AO-1", "risk", 2, 82);              /* 410 / 5 */
    aff_risk_set_treatment (r, AFF_RISK_TREATMENT_ACCEPT);
    aff_risk_set_probability (r, 5);                              /* 25: CRITICAL, treated */
    ASSERT_SCORE (portfolio, "AO-1", "risk", 1, 78);              /* 390 / 5 */
    aff_risk_set_status (r, AFF_RISK_STATUS_OCCURRED);            /* not open */
    ASSERT_SCORE (portfolio, "AO-1", "risk", 5, 94);
    /* a changed threshold: 3 x 3 = 9 is HIGH when high is 9 */
    r = add_risk (c, 3, 3, AFF_RISK_TREATMENT_NONE);
    ASSERT_SCORE (portfolio, "AO-1", "risk", 4, 90);
    aff_policy_set_risk_high_threshold (policy, 9);
    ASSERT_SCORE (portfolio, "AO-1", "risk", 2, 82);
    aff_policy_set_risk_high_threshold (policy, 10);
    aff_risk_set_status (r, AFF_RISK_STATUS_CLOSED);
    ASSERT_SCORE (portfolio, "AO-1", "risk", 5, 94);
  }

  /* bid cost, value 100 000.00 EUR: total 420 + 10 s */
  {
    g_autoptr(AffMoney) value = euros (100000);
    static const struct { gint64 cost; const char *currency; guint s, total; } steps[] = {
      { 100000, "EUR", 5, 94 },   /* 1 000.00: 100 bp */
      { 101000, "EUR", 4, 92 },   /* 1 010.00: 101 bp; 460 / 5 */
      { 200000, "EUR", 4, 92 },   /* 200 bp */
      { 201000, "EUR", 3, 90 },   /* 201 bp */
      { 300000, "EUR", 3, 90 },
      { 301000, "EUR", 2, 88 },
      { 500000, "EUR", 2, 88 },
      { 501000, "EUR", 1, 86 },
      { 800000, "EUR", 1, 86 },
      { 801000, "EUR", 0, 84 },
      { 10000000, "EUR", 0, 84 }, /* 100 % */
      { -100000, "EUR", 3, 90 },  /* negative: 3 */
      { 100000, "USD", 3, 90 },   /* other currency: 3 */
      { 1, "EUR", 5, 94 },        /* 0.0001 bp -> 0 */
      /* r rounded half to even before the bands */
      { 100005, "EUR", 5, 94 },   /* 1 000.05: 100.005 bp -> 100 */
      { 100500, "EUR", 5, 94 },   /* 1 005.00: 100.5 -> 100 (even) */
      { 100501, "EUR", 4, 92 },   /* 1 005.01: 100.501 -> 101 */
      { 101500, "EUR", 4, 92 },   /* 1 015.00: 101.5 -> 102 */
      { 200500, "EUR", 4, 92 },   /* 2 005.00: 200.5 -> 200 */
      { 201500, "EUR", 3, 90 },   /* 2 015.00: 201.5 -> 202 */
      { 800500, "EUR", 1, 86 },   /* 8 005.00: 800.5 -> 800 */
      { 800501, "EUR", 0, 84 },   /* 800.501 -> 801 */
    };

    aff_consultation_set_estimated_value (c, value);
    for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
      {
        g_autoptr(AffMoney) cost = cents (steps[i].cost, steps[i].currency);

        g_test_message ("bid cost %" G_GINT64_FORMAT " %s", steps[i].cost, steps[i].currency);
        aff_consultation_set_bid_cost (c, cost);
        ASSERT_SCORE (portfolio, "AO-1", "bid-cost", steps[i].s, steps[i].total);
      }
    aff_consultation_set_bid_cost (c, NULL);
    ASSERT_SCORE (portfolio, "AO-1", "bid-cost", 3, 90);
    {
      g_autoptr(AffMoney) cost = euros (1000);
      g_autoptr(AffMoney) zero = euros (0);

      aff_consultation_set_bid_cost (c, cost);
      aff_consultation_set_estimated_value (c, NULL);
      ASSERT_SCORE (portfolio, "AO-1", "bid-cost", 3, 90);
      aff_consultation_set_estimated_value (c, zero);
      ASSERT_SCORE (portfolio, "AO-1", "bid-cost", 3, 90);
      aff_consultation_set_estimated_value (c, value);
      ASSERT_SCORE (portfolio, "AO-1", "bid-cost", 5, 94);
    }
  }

  /* workload, capacity 20 000 h: total 420 + 10 s */
  {
    static const struct { guint hours; guint s, total; } steps[] = {
      { 0, 5, 94 }, { 12000, 5, 94 },          /* 60 % */
      { 12001, 4, 92 }, { 15000, 4, 92 },      /* 75 % */
      { 15001, 3, 90 }, { 17000, 3, 90 },      /* 85 % */
      { 17001, 2, 88 }, { 19000, 2, 88 },      /* 95 % */
      { 19001, 1, 86 }, { 21000, 1, 86 },      /* 105 % */
      { 21001, 0, 84 }, { 100000, 0, 84 },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
      {
        g_test_message ("%u hours", steps[i].hours);
        aff_consultation_set_estimated_hours (c, steps[i].hours);
        ASSERT_SCORE (portfolio, "AO-1", "workload", steps[i].s, steps[i].total);
      }

    /* capacity 0: 0 */
    aff_consultation_set_estimated_hours (c, 2000);
    aff_policy_set_capacity_hours (policy, 0);
    ASSERT_SCORE (portfolio, "AO-1", "workload", 0, 84);
    aff_policy_set_capacity_hours (policy, 20000);
  }
}

/* "a bid that costs nothing scores 5" */
static void
test_bid_cost_zero (void)
{
  g_autoptr(AffPortfolio) portfolio = new_portfolio ();
  AffConsultation *c;
  g_autoptr(AffMoney) zero = euros (0);

  add_client (portfolio, "acme", AFF_CLIENT_STATUS_ACTIVE, TRUE);
  c = add_consultation (portfolio, "AO-1", "acme", 2026, 4, 1);
  aff_consultation_set_bid_cost (c, zero);
  /* 0 bp: 5; 470 -> 94 */
  ASSERT_SCORE (portfolio, "AO-1", "bid-cost", 5, 94);
}

/* Other consultations: hours of those in GO or OFFER_SENT count in the
 * workload; WON and LOST ones of the same client or sharing an activity make
 * the win rate. */
static void
test_history_criteria (void)
{
  g_autoptr(AffPortfolio) portfolio = new_portfolio ();
  AffConsultation *c;

  add_client (portfolio, "acme", AFF_CLIENT_STATUS_ACTIVE, TRUE);
  add_client (portfolio, "beta", AFF_CLIENT_STATUS_ACTIVE, TRUE);
  c = add_consultation (portfolio, "AO-1", "acme", 2026, 4, 1);
  aff_consultation_set_estimated_hours (c, 0);

  /* workload: GO 10 000 h and OFFER_SENT 2 000 h count; QUALIFYING and NO_GO do not */
  {
    AffConsultation *go = add_consultation (portfolio, "W-GO", "beta", 2026, 4, 1);
    AffConsultation *sent = add_consultation (portfolio, "W-SENT", "beta", 2026, 4, 1);
    AffConsultation *qualifying = add_consultation (portfolio, "W-Q", "beta", 2026, 4, 1);
    AffConsultation *no_go = add_consultation (portfolio, "W-NOGO", "beta", 2026, 4, 1);
    const char *activities[] = { "boilermaking", NULL };

    /* boilermaking only and another client: no effect on the win rate */
    aff_consultation_set_activities (go, activities);
    aff_consultation_set_activities (sent, activities);
    aff_consultation_set_activities (qualifying, activities);
    aff_consultation_set_activities (no_go, activities);
    aff_consultation_set_estimated_hours (go, 10000);
    aff_consultation_set_estimated_hours (sent, 2000);
    aff_consultation_set_estimated_hours (qualifying, 50000);
    aff_consultation_set_estimated_hours (no_go, 50000);
    DRIVE (portfolio, "W-GO", AFF_CONSULTATION_STATE_GO);
    DRIVE (portfolio, "W-SENT", AFF_CONSULTATION_STATE_OFFER_SENT);
    DRIVE (portfolio, "W-Q", AFF_CONSULTATION_STATE_QUALIFYING);
    DRIVE (portfolio, "W-NOGO", AFF_CONSULTATION_STATE_NO_GO);

    /* (10 000 + 2 000 + 0) / 20 000 = 60 %: 5 */
    ASSERT_SCORE (portfolio, "AO-1", "workload", 5, 94);
    /* 12 001: 4; 420 + 40 = 460 -> 92 */
    aff_consultation_set_estimated_hours (c, 1);
    ASSERT_SCORE (portfolio, "AO-1", "workload", 4, 92);
    /* 12 000 + 9 001 = 21 001 > 105 %: 0 */
    aff_consultation_set_estimated_hours (c, 9001);
    ASSERT_SCORE (portfolio, "AO-1", "workload", 0, 84);
    aff_consultation_set_estimated_hours (c, 0);
    ASSERT_SCORE (portfolio, "AO-1", "win-rate", 3, 94);
  }

  /* win rate: total (425 + 15 s) / 5 */
  {
    const char *bm[] = { "boilermaking", NULL };
    const char *mm[] = { "mechanical-maintenance", NULL };

    /* WR1 acme boilermaking WON (same client) */
    aff_consultation_set_activities (add_consultation (portfolio, "WR1", "acme", 2026, 4, 1), bm);
    DRIVE (portfolio, "WR1", AFF_CONSULTATION_STATE_WON);
    /* 1 won, 0 lost: 5 * 1/1 = 5; 500 / 5 = 100 */
    ASSERT_SCORE (portfolio, "AO-1", "win-rate", 5, 100);

    /* WR2 beta mechanical-maintenance LOST (shares the activity) */
    aff_consultation_set_activities (add_consultation (portfolio, "WR2", "beta", 2026, 4, 1), mm);
    DRIVE (portfolio, "WR2", AFF_CONSULTATION_STATE_LOST);
    /* 1 won, 1 lost: 2.5 -> 2; 455 / 5 = 91 */
    ASSERT_SCORE (portfolio, "AO-1", "win-rate", 2, 91);

    /* WR3 beta boilermaking WON: neither the client nor an activity: ignored */
    aff_consultation_set_activities (add_consultation (portfolio, "WR3", "beta", 2026, 4, 1), bm);
    DRIVE (portfolio, "WR3", AFF_CONSULTATION_STATE_WON);
    ASSERT_SCORE (portfolio, "AO-1", "win-rate", 2, 91);

    /* WR4 acme, OFFER_SENT: not an outcome; WR5 acme abandoned: neither */
    add_consultation (portfolio, "WR4", "acme", 2026, 4, 1);
    DRIVE (portfolio, "WR4", AFF_CONSULTATION_STATE_OFFER_SENT);
    add_consultation (portfolio, "WR5", "acme", 2026, 4, 1);
    DRIVE (portfolio, "WR5", AFF_CONSULTATION_STATE_ABANDONED);
    /* workload now: 10 000 + 2 000 + 2 000 (WR4) = 70 %: 4, so total 425 + 15*2 - 10 = 445 -> 89 */
    ASSERT_SCORE (portfolio, "AO-1", "win-rate", 2, 89);

    /* WR6 beta mechanical-maintenance WON: 2 won 1 lost: 3.33 -> 3; 425 + 45 - 10 = 460 -> 92 */
    aff_consultation_set_activities (add_consultation (portfolio, "WR6", "beta", 2026, 4, 1), mm);
    DRIVE (portfolio, "WR6", AFF_CONSULTATION_STATE_WON);
    ASSERT_SCORE (portfolio, "AO-1", "win-rate", 3, 92);

    /* WR7 acme boilermaking WON: 3 won 1 lost: 3.75 -> 4; 425 + 60 - 10 = 475 -> 95 */
    aff_consultation_set_activities (add_consultation (portfolio, "WR7", "acme", 2026, 4, 1), bm);
    DRIVE (portfolio, "WR7", AFF_CONSULTATION_STATE_WON);
    ASSERT_SCORE (portfolio, "AO-1", "win-rate", 4, 95);
  }
}

static AffJournalEntry *last_entry (AffPortfolio *portfolio);

/* Weights strategic-fit 1, margin 7, the others 0: score = 100 * S / 40 =
 * 2.5 S with S = s_fit + 7 s_margin; margin unset (2). */
static void
test_score_rounding (void)
{
  g_autoptr(AffPortfolio) portfolio = new_portfolio ();
  AffPolicy *policy = aff_portfolio_get_policy (portfolio);
  AffClient *client = add_client (portfolio, "acme", AFF_CLIENT_STATUS_PROSPECT, TRUE);
  AffConsultation *c = add_consultation (portfolio, "AO-1", "acme", 2026, 4, 1);
  g_autoptr(GError) error = NULL;
  const char * const *names = aff_policy_list_bid_criteria ();
  static const struct { AffClientStatus status; int d; guint total; } steps[] = {
    { AFF_CLIENT_STATUS_ACTIVE, 6, 48 },    /* S = 5 + 14 = 19: 47.5 -> 48 */
    { AFF_CLIENT_STATUS_DORMANT, 7, 42 },   /* S = 3 + 14 = 17: 42.5 -> 42 */
    { AFF_CLIENT_STATUS_LOST, 8, 38 },      /* S = 1 + 14 = 15: 37.5 -> 38 */
  };

  aff_consultation_set_expected_margin_rate (c, AFF_MARGIN_RATE_UNSET);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_assert_true (aff_policy_set_bid_weight (policy, names[i], 0, &error));
      g_assert_no_error (error);
    }
  g_assert_false (aff_policy_set_bid_weight (policy, "price", 10, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* all weights 0: score 0, NO_GO */
  {
    g_autoptr(AffBidEvaluation) e = evaluate (portfolio, "AO-1", 2026, 3, 10);

    g_assert_cmpuint (aff_bid_evaluation_get_score (e), ==, 0);
    g_assert_cmpint (aff_bid_evaluation_get_verdict (e), ==, AFF_BID_VERDICT_NO_GO);
  }

  g_assert_true (aff_policy_set_bid_weight (policy, "strategic-fit", 1, &error));
  g_assert_true (aff_policy_set_bid_weight (policy, "margin", 7, &error));
  g_assert_no_error (error);
  {
    AffJournalEntry *entry = last_entry (portfolio);
    g_autofree char *criterion = aff_journal_entry_dup_detail (entry, "criterion");
    g_autofree char *weight = aff_journal_entry_dup_detail (entry, "weight");

    g_assert_cmpstr (aff_journal_entry_get_entity_kind (entry), ==, "policy");
    g_assert_cmpstr (aff_journal_entry_get_entity_id (entry), ==, "policy");
    g_assert_cmpstr (aff_journal_entry_get_action (entry), ==, "bid-weight-set");
    g_assert_cmpstr (criterion, ==, "margin");
    g_assert_cmpstr (weight, ==, "7");
  }
  g_assert_false (aff_policy_set_bid_weight (policy, "margin", 101, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpuint (aff_policy_get_bid_weight (policy, "margin"), ==, 7);
  {
    g_autoptr(AffBidEvaluation) e = evaluate (portfolio, "AO-1", 2026, 3, 10);

    /* prospect: S = 4 + 14 = 18: 45 */
    g_assert_cmpuint (aff_bid_evaluation_get_score (e), ==, 45);
    g_assert_cmpuint (aff_bid_criterion_get_weight (aff_bid_evaluation_lookup_criterion (e, "strategic-fit")), ==, 1);
    g_assert_cmpuint (aff_bid_criterion_get_weight (aff_bid_evaluation_lookup_criterion (e, "margin")), ==, 7);
    g_assert_cmpuint (aff_bid_criterion_get_weight (aff_bid_evaluation_lookup_criterion (e, "risk")), ==, 0);
  }
  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GDate) date = day (2026, 2, steps[i].d);
      g_autoptr(AffBidEvaluation) e = NULL;

      g_assert_true (aff_client_change_status (client, steps[i].status, date, NULL, &error));
      g_assert_no_error (error);
      e = evaluate (portfolio, "AO-1", 2026, 3, 10);
      g_assert_cmpuint (aff_bid_evaluation_get_score (e), ==, steps[i].total);
    }
}

/* ---------------------------------------------------------------------- */

typedef struct
{
  guint             n_calls;
  AffBidEvaluation *last;
} SignalData;

static void
on_evaluated (AffPortfolio     *portfolio,
              AffBidEvaluation *evaluation,
              gpointer          user_data)
{
  SignalData *data = user_data;

  g_assert_true (AFF_IS_PORTFOLIO (portfolio));
  g_assert_true (AFF_IS_BID_EVALUATION (evaluation));
  data->n_calls++;
  data->last = evaluation;
  aff_bid_evaluation_add_lesson (evaluation, "Prévoir l'échafaudage dès l'offre (AFF-2024-07)");
}

static gboolean
contains_all (const char         *text,
              const char * const *needles)
{
  for (guint i = 0; needles[i] != NULL; i++)
    if (strstr (text, needles[i]) == NULL)
      {
        g_test_message ("missing “%s” in:\n%s", needles[i], text);
        return FALSE;
      }
  return TRUE;
}

static void
test_signal_and_justification (void)
{
  g_autoptr(AffPortfolio) portfolio = new_portfolio ();
  SignalData data = { 0, NULL };
  g_autoptr(AffBidEvaluation) evaluation = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *lessons;

  add_client (portfolio, "acme", AFF_CLIENT_STATUS_ACTIVE, TRUE);
  add_consultation (portfolio, "AO-1", "acme", 2026, 4, 1);
  add_consultation (portfolio, "AO-2", "acme", 2026, 3, 12);   /* 2 days: NO_GO */
  g_signal_connect (portfolio, "consultation-evaluated", G_CALLBACK (on_evaluated), &data);

  evaluation = evaluate (portfolio, "AO-1", 2026, 3, 10);
  g_assert_cmpuint (data.n_calls, ==, 1);
  g_assert_true (data.last == evaluation);
  lessons = aff_bid_evaluation_get_lessons (evaluation);
  g_assert_nonnull (lessons);
  g_assert_cmpuint (g_strv_length ((char **) lessons), ==, 1);
  g_assert_cmpstr (lessons[0], ==, "Prévoir l'échafaudage dès l'offre (AFF-2024-07)");
  aff_bid_evaluation_add_lesson (evaluation, "Second lesson");
  lessons = aff_bid_evaluation_get_lessons (evaluation);
  g_assert_cmpuint (g_strv_length ((char **) lessons), ==, 2);
  g_assert_cmpstr (lessons[1], ==, "Second lesson");

  /* refused evaluations emit nothing */
  {
    g_autoptr(GDate) date = day (2026, 3, 10);
    AffBidEvaluation *none = aff_portfolio_evaluate_consultation (portfolio, "AO-9", date, &error);

    g_assert_null (none);
    g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpuint (data.n_calls, ==, 1);
  }

  /* justifications: the verdict, the score, every criterion, the lessons */
  {
    g_autofree char *fr = aff_bid_evaluation_render_justification (evaluation, "fr");
    g_autofree char *en = aff_bid_evaluation_render_justification (evaluation, "en");
    g_autofree char *policy_language = aff_bid_evaluation_get_justification (evaluation);
    const char *fr_needles[] = {
      "AO-1", "GO", "94", "Activités", "Solvabilité", "Délai", "Risques critiques", "Adéquation stratégique",
      "Taux de réussite", "Marge", "Niveau de risque", "Charge de travail", "Coût de la réponse",
      "Prévoir l'échafaudage", "Second lesson", NULL,
    };
    const char *en_needles[] = {
      "AO-1", "GO", "94", "Activities", "solvency", "Preparation time", "Critical risks", "Strategic fit",
      "win rate", "margin", "Risk level", "Workload", "Cost of bidding",
      "Prévoir l'échafaudage", "Second lesson", NULL,
    };

    g_assert_true (g_utf8_validate (fr, -1, NULL));
    g_assert_true (g_utf8_validate (en, -1, NULL));
    g_assert_true (contains_all (fr, fr_needles));
    g_assert_true (contains_all (en, en_needles));
    g_assert_null (strstr (fr, "NO GO"));
    g_assert_null (strstr (en, "NO GO"));
    g_assert_cmpstr (fr, !=, en);
    /* the policy's language is French by default */
    g_assert_cmpstr (policy_language, ==, fr);
  }

  /* a NO_GO in English names the failed gate */
  {
    g_autoptr(AffBidEvaluation) no_go = NULL;
    g_autofree char *en = NULL, *fr = NULL, *policy_language = NULL;

    g_assert_true (aff_policy_set_language (aff_portfolio_get_policy (portfolio), "en", &error));
    g_assert_no_error (error);
    no_go = evaluate (portfolio, "AO-2", 2026, 3, 10);
    g_assert_cmpuint (data.n_calls, ==, 2);
    g_assert_true (data.last == no_go);
    g_assert_cmpint (aff_bid_evaluation_get_verdict (no_go), ==, AFF_BID_VERDICT_NO_GO);
    g_assert_false (criterion_passed (no_go, "deadline"));
    en = aff_bid_evaluation_render_justification (no_go, "en");
    fr = aff_bid_evaluation_render_justification (no_go, "fr");
    policy_language = aff_bid_evaluation_get_justification (no_go);
    g_assert_cmpstr (policy_language, ==, en);
    g_assert_nonnull (strstr (en, "NO GO"));
    g_assert_nonnull (strstr (fr, "NO GO"));
    g_assert_nonnull (strstr (en, "FAILED"));
    g_assert_nonnull (strstr (fr, "NON SATISFAIT"));
    g_assert_false (aff_policy_set_language (aff_portfolio_get_policy (portfolio), "de", &error));
    g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
    g_clear_error (&error);
  }

  /* REVIEW */
  {
    g_autoptr(AffBidEvaluation) review = NULL;
    g_autofree char *en = NULL;

    aff_policy_set_bid_threshold (aff_portfolio_get_policy (portfolio), 95);
    review = evaluate (portfolio, "AO-1", 2026, 3, 10);
    g_assert_cmpint (aff_bid_evaluation_get_verdict (review), ==, AFF_BID_VERDICT_REVIEW);
    en = aff_bid_evaluation_render_justification (review, "en");
    g_assert_nonnull (strstr (en, "REVIEW"));
  }
}

/* ---------------------------------------------------------------------- */

static AffJournalEntry *
last_entry (AffPortfolio *portfolio)
{
  AffJournal *journal = aff_portfolio_get_journal (portfolio);

  return aff_journal_get_entry (journal, aff_journal_get_n_entries (journal) - 1);
}

static void
assert_decided (AffPortfolio *portfolio,
                const char   *id,
                const char   *verdict,
                const char   *justification,
                const char   *against)
{
  AffJournalEntry *entry = last_entry (portfolio);
  g_autofree char *v = aff_journal_entry_dup_detail (entry, "verdict");
  g_autofree char *by = aff_journal_entry_dup_detail (entry, "decided_by");
  g_autofree char *j = aff_journal_entry_dup_detail (entry, "justification");
  g_autofree char *a = aff_journal_entry_dup_detail (entry, "against_evaluation");

  g_assert_cmpstr (aff_journal_entry_get_entity_kind (entry), ==, "consultation");
  g_assert_cmpstr (aff_journal_entry_get_entity_id (entry), ==, id);
  g_assert_cmpstr (aff_journal_entry_get_action (entry), ==, "decided");
  g_assert_cmpstr (v, ==, verdict);
  g_assert_cmpstr (by, ==, "bob");
  if (justification != NULL)
    g_assert_cmpstr (j, ==, justification);
  g_assert_cmpstr (a, ==, against);
}

static void
assert_state (AffConsultation      *c,
              AffConsultationState  state,
              int y, int m, int d)
{
  GDate date;

  g_assert_cmpint (aff_consultation_get_state (c), ==, state);
  g_assert_true (aff_consultation_get_state_date (c, state, &date));
  assert_date (&date, y, m, d);
}

static void
test_decide (void)
{
  g_autoptr(AffPortfolio) portfolio = new_portfolio ();
  AffJournal *journal = aff_portfolio_get_journal (portfolio);
  AffPolicy *policy = aff_portfolio_get_policy (portfolio);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) d3 = day (2026, 3, 3);
  g_autoptr(GDate) d5 = day (2026, 3, 5);
  AffConsultation *c1, *c2, *c3, *c4, *c5, *c6, *c7;
  guint n;

  add_client (portfolio, "acme", AFF_CLIENT_STATUS_ACTIVE, TRUE);
  c1 = add_consultation (portfolio, "C1", "acme", 2026, 4, 1);
  c2 = add_consultation (portfolio, "C2", "acme", 2026, 4, 1);
  c3 = add_consultation (portfolio, "C3", "acme", 2026, 3, 15);   /* 5 days: NO_GO */
  c4 = add_consultation (portfolio, "C4", "acme", 2026, 4, 1);
  c5 = add_consultation (portfolio, "C5", "acme", 2026, 4, 1);
  c6 = add_consultation (portfolio, "C6", "acme", 2026, 4, 1);
  c7 = add_consultation (portfolio, "C7", "acme", 2026, 4, 1);

  /* unknown */
  g_assert_false (aff_portfolio_decide_consultation (portfolio, "C9", AFF_BID_VERDICT_GO, "bob", "x", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* C1: QUALIFYING but not evaluated */
  g_assert_true (aff_consultation_start_qualification (c1, d3, NULL, &error));
  g_assert_no_error (error);
  n = aff_journal_get_n_entries (journal);
  g_assert_false (aff_portfolio_decide_consultation (portfolio, "C1", AFF_BID_VERDICT_GO, "bob", "x", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);
  g_assert_cmpint (aff_consultation_get_state (c1), ==, AFF_CONSULTATION_STATE_QUALIFYING);

  /* evaluated GO (94) */
  evaluate_only (portfolio, "C1", 2026, 3, 10);
  n = aff_journal_get_n_entries (journal);
  {
    static const struct { AffBidVerdict verdict; const char *by, *justification; } refused[] = {
      { AFF_BID_VERDICT_REVIEW, "bob", "la direction examine" },
      { AFF_BID_VERDICT_GO, NULL, NULL },
      { AFF_BID_VERDICT_GO, "", NULL },
      { AFF_BID_VERDICT_NO_GO, "bob", NULL },    /* against GO without a reason */
      { AFF_BID_VERDICT_NO_GO, "bob", "" },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_test_message ("refused decision %" G_GSIZE_FORMAT, i);
        g_assert_false (aff_portfolio_decide_consultation (portfolio, "C1", refused[i].verdict, refused[i].by,
                                                           refused[i].justification, &error));
        g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
        g_clear_error (&error);
        g_assert_cmpint (aff_consultation_get_state (c1), ==, AFF_CONSULTATION_STATE_QUALIFYING);
        g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n);
      }
  }
  /* following the evaluation needs no justification; dated with the evaluation */
  g_assert_true (aff_portfolio_decide_consultation (portfolio, "C1", AFF_BID_VERDICT_GO, "bob", NULL, &error));
  g_assert_no_error (error);
  assert_state (c1, AFF_CONSULTATION_STATE_GO, 2026, 3, 10);
  assert_decided (portfolio, "C1", "go", NULL, "false");
  /* The consultation tells its evaluation and decision. */
  {
    AffBidVerdict verdict = AFF_BID_VERDICT_NO_GO;
    const char *by = NULL, *why = "unset";
    gboolean against = TRUE;
    GDate on;

    g_date_clear (&on, 1);
    g_assert_true (aff_consultation_get_evaluation (c1, &verdict, NULL, &on));
    g_assert_cmpint (verdict, ==, AFF_BID_VERDICT_GO);
    assert_date (&on, 2026, 3, 10);
    verdict = AFF_BID_VERDICT_NO_GO;
    g_date_clear (&on, 1);
    g_assert_true (aff_consultation_get_decision (c1, &verdict, &on, &by, &why, &against));
    g_assert_cmpint (verdict, ==, AFF_BID_VERDICT_GO);
    assert_date (&on, 2026, 3, 10);
    g_assert_cmpstr (by, ==, "bob");
    g_assert_null (why);
    g_assert_false (against);
    g_assert_false (aff_consultation_get_decision (c2, NULL, NULL, NULL, NULL, NULL));
  }
  /* decided already: neither a new decision nor a new evaluation */
  g_assert_false (aff_portfolio_decide_consultation (portfolio, "C1", AFF_BID_VERDICT_NO_GO, "bob", "x", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);
  {
    g_autoptr(GDate) date = day (2026, 3, 11);
    AffBidEvaluation *none = aff_portfolio_evaluate_consultation (portfolio, "C1", date, &error);

    g_assert_null (none);
    g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION);
    g_clear_error (&error);
  }
  assert_state (c1, AFF_CONSULTATION_STATE_GO, 2026, 3, 10);

  /* C2: evaluated while RECEIVED, decision refused there; then qualified,
   * decided against the GO with a reason */
  evaluate_only (portfolio, "C2", 2026, 3, 10);
  g_assert_false (aff_portfolio_decide_consultation (portfolio, "C2", AFF_BID_VERDICT_GO, "bob", NULL, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);
  g_assert_cmpint (aff_consultation_get_state (c2), ==, AFF_CONSULTATION_STATE_RECEIVED);
  g_assert_true (aff_consultation_start_qualification (c2, d5, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (aff_portfolio_decide_consultation (portfolio, "C2", AFF_BID_VERDICT_NO_GO, "bob",
                                                    "Atelier saturé en avril", &error));
  g_assert_no_error (error);
  assert_state (c2, AFF_CONSULTATION_STATE_NO_GO, 2026, 3, 10);
  assert_decided (portfolio, "C2", "no-go", "Atelier saturé en avril", "true");
  {
    const char *why = NULL;
    gboolean against = FALSE;

    g_assert_true (aff_consultation_get_decision (c2, NULL, NULL, NULL, &why, &against));
    g_assert_cmpstr (why, ==, "Atelier saturé en avril");
    g_assert_true (against);
  }

  /* C3: evaluated NO_GO (deadline gate); GO needs a reason */
  g_assert_true (aff_consultation_start_qualification (c3, d3, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AffBidEvaluation) e = evaluate (portfolio, "C3", 2026, 3, 10);
    g_assert_cmpint (aff_bid_evaluation_get_verdict (e), ==, AFF_BID_VERDICT_NO_GO);
  }
  g_assert_false (aff_portfolio_decide_consultation (portfolio, "C3", AFF_BID_VERDICT_GO, "bob", NULL, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (aff_portfolio_decide_consultation (portfolio, "C3", AFF_BID_VERDICT_GO, "bob", "", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_true (aff_portfolio_decide_consultation (portfolio, "C3", AFF_BID_VERDICT_GO, "bob",
                                                    "Client stratégique, équipe disponible", &error));
  g_assert_no_error (error);
  assert_state (c3, AFF_CONSULTATION_STATE_GO, 2026, 3, 10);
  assert_decided (portfolio, "C3", "go", "Client stratégique, équipe disponible", "true");

  /* C4, C5: REVIEW (bid threshold 95 > 94): either decision, no reason needed */
  aff_policy_set_bid_threshold (policy, 95);
  g_assert_true (aff_consultation_start_qualification (c4, d3, NULL, &error));
  g_assert_true (aff_consultation_start_qualification (c5, d3, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AffBidEvaluation) e4 = evaluate (portfolio, "C4", 2026, 3, 10);
    g_autoptr(AffBidEvaluation) e5 = evaluate (portfolio, "C5", 2026, 3, 10);

    g_assert_cmpint (aff_bid_evaluation_get_verdict (e4), ==, AFF_BID_VERDICT_REVIEW);
    g_assert_cmpint (aff_bid_evaluation_get_verdict (e5), ==, AFF_BID_VERDICT_REVIEW);
  }
  aff_policy_set_bid_threshold (policy, 70);
  g_assert_false (aff_portfolio_decide_consultation (portfolio, "C4", AFF_BID_VERDICT_REVIEW, "bob", "x", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_true (aff_portfolio_decide_consultation (portfolio, "C4", AFF_BID_VERDICT_GO, "bob", NULL, &error));
  g_assert_no_error (error);
  assert_decided (portfolio, "C4", "go", NULL, "false");
  g_assert_true (aff_portfolio_decide_consultation (portfolio, "C5", AFF_BID_VERDICT_NO_GO, "bob", "", &error));
  g_assert_no_error (error);
  assert_decided (portfolio, "C5", "no-go", NULL, "false");
  assert_state (c5, AFF_CONSULTATION_STATE_NO_GO, 2026, 3, 10);

  /* C6: the latest evaluation counts. GO first, then NO_GO once its activity
   * is removed: GO now goes against it */
  g_assert_true (aff_consultation_start_qualification (c6, d3, NULL, &error));
  g_assert_no_error (error);
  evaluate_only (portfolio, "C6", 2026, 3, 10);
  aff_consultation_set_activities (c6, NULL);
  {
    g_autoptr(AffBidEvaluation) e = evaluate (portfolio, "C6", 2026, 3, 11);
    g_assert_cmpint (aff_bid_evaluation_get_verdict (e), ==, AFF_BID_VERDICT_NO_GO);
  }
  g_assert_false (aff_portfolio_decide_consultation (portfolio, "C6", AFF_BID_VERDICT_GO, "bob", NULL, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  /* decided on an explicit date */
  {
    g_autoptr(GDate) d12 = day (2026, 3, 12);

    g_assert_true (aff_portfolio_decide_consultation_at (portfolio, "C6", AFF_BID_VERDICT_NO_GO, "bob", NULL,
                                                         d12, &error));
    g_assert_no_error (error);
    assert_state (c6, AFF_CONSULTATION_STATE_NO_GO, 2026, 3, 12);
    assert_decided (portfolio, "C6", "no-go", NULL, "false");
  }

  /* C7: a decision dated before the qualification is refused */
  g_assert_true (aff_consultation_start_qualification (c7, d5, NULL, &error));
  g_assert_no_error (error);
  evaluate_only (portfolio, "C7", 2026, 3, 10);
  n = aff_journal_get_n_entries (journal);
  g_assert_false (aff_portfolio_decide_consultation_at (portfolio, "C7", AFF_BID_VERDICT_GO, "bob", NULL,
                                                        d3, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (aff_consultation_get_state (c7), ==, AFF_CONSULTATION_STATE_QUALIFYING);
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n);

  g_assert_true (aff_journal_verify (journal, &error));
  g_assert_no_error (error);
}

/* ---------------------------------------------------------------------- */

static void
assert_hit_rate (AffHitRate *rate,
                 guint won, guint lost, guint pending, guint no_go, int bp)
{
  g_assert_cmpuint (aff_hit_rate_get_n_won (rate), ==, won);
  g_assert_cmpuint (aff_hit_rate_get_n_lost (rate), ==, lost);
  g_assert_cmpuint (aff_hit_rate_get_n_pending (rate), ==, pending);
  g_assert_cmpuint (aff_hit_rate_get_n_no_go (rate), ==, no_go);
  g_assert_cmpint (aff_hit_rate_get_rate (rate), ==, bp);
  aff_hit_rate_free (rate);
}

/* History (qualified 02-03, evaluated 02-10, offer 02-20, outcome 03-15):
 *   H1  alpha MM  eval GO     -> GO -> OFFER_SENT -> WON
 *   H2  alpha MM  eval GO     -> GO -> OFFER_SENT -> LOST
 *   H3  alpha BM  eval GO     -> GO -> OFFER_SENT
 *   H4  beta  MM  eval NO_GO  -> NO_GO
 *   H5  beta  BM  eval NO_GO  -> GO (overridden) -> OFFER_SENT -> WON
 *   H6  beta  MM  eval GO     -> NO_GO (overridden)
 *   H7  alpha MM  RECEIVED
 *   H8  beta  MM  eval REVIEW -> GO -> OFFER_SENT -> LOST
 *   H9  alpha BM  ABANDONED
 *   H10 beta  BM  eval GO     -> GO -> OFFER_SENT -> WON
 *   H11 alpha MM  eval GO, not decided (QUALIFYING)
 */
static AffPortfolio *
build_history (void)
{
  AffPortfolio *portfolio = new_portfolio ();
  AffPolicy *policy = aff_portfolio_get_policy (portfolio);
  static const struct {
    const char *id, *client, *activity;
    AffConsultationState state;
    AffBidVerdict evaluated;
    gboolean short_deadline;
    gboolean review;
  } h[] = {
    { "H1", "alpha", MM, AFF_CONSULTATION_STATE_WON, AFF_BID_VERDICT_GO, FALSE, FALSE },
    { "H2", "alpha", MM, AFF_CONSULTATION_STATE_LOST, AFF_BID_VERDICT_GO, FALSE, FALSE },
    { "H3", "alpha", BM, AFF_CONSULTATION_STATE_OFFER_SENT, AFF_BID_VERDICT_GO, FALSE, FALSE },
    { "H4", "beta", MM, AFF_CONSULTATION_STATE_NO_GO, AFF_BID_VERDICT_NO_GO, TRUE, FALSE },
    { "H5", "beta", BM, AFF_CONSULTATION_STATE_WON, AFF_BID_VERDICT_NO_GO, TRUE, FALSE },
    { "H6", "beta", MM, AFF_CONSULTATION_STATE_NO_GO, AFF_BID_VERDICT_GO, FALSE, FALSE },
    { "H7", "alpha", MM, AFF_CONSULTATION_STATE_RECEIVED, AFF_BID_VERDICT_GO, FALSE, FALSE },
    { "H8", "beta", MM, AFF_CONSULTATION_STATE_LOST, AFF_BID_VERDICT_REVIEW, FALSE, TRUE },
    { "H9", "alpha", BM, AFF_CONSULTATION_STATE_ABANDONED, AFF_BID_VERDICT_GO, FALSE, FALSE },
    { "H10", "beta", BM, AFF_CONSULTATION_STATE_WON, AFF_BID_VERDICT_GO, FALSE, FALSE },
    { "H11", "alpha", MM, AFF_CONSULTATION_STATE_QUALIFYING, AFF_BID_VERDICT_GO, FALSE, FALSE },
  };

  add_client (portfolio, "alpha", AFF_CLIENT_STATUS_ACTIVE, TRUE);
  add_client (portfolio, "beta", AFF_CLIENT_STATUS_PROSPECT, TRUE);

  for (gsize i = 0; i < G_N_ELEMENTS (h); i++)
    {
      g_autoptr(GDate) received = day (2026, 2, 2);
      /* 4 days after the evaluation fail the deadline gate */
      g_autoptr(GDate) deadline = h[i].short_deadline ? day (2026, 2, 14) : day (2026, 4, 30);
      g_autoptr(AffConsultation) c = aff_consultation_new (h[i].id, h[i].client, h[i].id, received, deadline);
      g_autoptr(AffMoney) value = euros (200000);
      g_autoptr(AffMoney) cost = euros (1000);
      const char *activities[] = { h[i].activity, NULL };
      g_autoptr(GError) error = NULL;

      aff_consultation_set_activities (c, activities);
      aff_consultation_set_estimated_value (c, value);
      aff_consultation_set_bid_cost (c, cost);
      aff_consultation_set_expected_margin_rate (c, 1500);
      g_assert_true (aff_portfolio_add_consultation (portfolio, c, &error));
      g_assert_no_error (error);

      if (h[i].state == AFF_CONSULTATION_STATE_RECEIVED)
        continue;
      if (h[i].state == AFF_CONSULTATION_STATE_ABANDONED)
        {
          drive (portfolio, h[i].id, h[i].state, 2, 3, 0, 0, 0, 0, 0, 0);
          continue;
        }
      drive (portfolio, h[i].id, AFF_CONSULTATION_STATE_QUALIFYING, 2, 3, 0, 0, 0, 0, 0, 0);
      /* without a HIGH risk the score lies between 81 and 100, so a bid
       * threshold of 100 gives REVIEW (>= 50) whatever the history */
      if (h[i].review)
        aff_policy_set_bid_threshold (policy, 100);
      {
        g_autoptr(AffBidEvaluation) e = evaluate (portfolio, h[i].id, 2026, 2, 10);

        g_test_message ("%s scored %u", h[i].id, aff_bid_evaluation_get_score (e));
        g_assert_cmpint (aff_bid_evaluation_get_verdict (e), ==, h[i].evaluated);
      }
      aff_policy_set_bid_threshold (policy, 70);
      if (h[i].state == AFF_CONSULTATION_STATE_QUALIFYING)
        continue;
      {
        AffBidVerdict decision = h[i].state == AFF_CONSULTATION_STATE_NO_GO ? AFF_BID_VERDICT_NO_GO
                                                                             : AFF_BID_VERDICT_GO;
        gboolean against = (decision == AFF_BID_VERDICT_GO && h[i].evaluated == AFF_BID_VERDICT_NO_GO) ||
                           (decision == AFF_BID_VERDICT_NO_GO && h[i].evaluated == AFF_BID_VERDICT_GO);

        g_assert_true (aff_portfolio_decide_consultation (portfolio, h[i].id, decision, "bob",
                                                          against ? "arbitrage" : NULL, &error));
        g_assert_no_error (error);
      }
      if (h[i].state == AFF_CONSULTATION_STATE_NO_GO)
        continue;
      {
        AffConsultation *cc = aff_portfolio_lookup_consultation (portfolio, h[i].id);
        g_autoptr(GDate) offer = day (2026, 2, 20);
        g_autoptr(GDate) outcome = day (2026, 3, 15);

        g_assert_true (aff_consultation_mark_offer_sent (cc, offer, NULL, &error));
        g_assert_no_error (error);
        if (h[i].state == AFF_CONSULTATION_STATE_WON)
          g_assert_true (aff_consultation_mark_won (cc, outcome, NULL, &error));
        else if (h[i].state == AFF_CONSULTATION_STATE_LOST)
          g_assert_true (aff_consultation_mark_lost (cc, outcome, NULL, &error));
        g_assert_no_error (error);
        g_assert_cmpint (aff_consultation_get_state (cc), ==, h[i].state);
      }
    }
  return portfolio;
}

static void
test_statistics (void)
{
  g_autoptr(AffPortfolio) portfolio = build_history ();

  /* all: won H1 H5 H10, lost H2 H8, pending H3, no-go H4 H6: 10000 * 3 / 5 = 6000 */
  assert_hit_rate (aff_portfolio_compute_hit_rate (portfolio, NULL, NULL), 3, 2, 1, 2, 6000);
  assert_hit_rate (aff_hit_rate_compute (aff_portfolio_get_consultations (portfolio), NULL, NULL), 3, 2, 1, 2, 6000);
  /* alpha: H1 won, H2 lost, H3 pending: 5000 */
  assert_hit_rate (aff_portfolio_compute_hit_rate (portfolio, "alpha", NULL), 1, 1, 1, 0, 5000);
  /* beta: H5 H10 won, H8 lost, H4 H6 no-go: 20000 / 3 = 6666.67 -> 6667 */
  assert_hit_rate (aff_portfolio_compute_hit_rate (portfolio, "beta", NULL), 2, 1, 0, 2, 6667);
  /* MM: H1 won, H2 H8 lost, H4 H6 no-go: 10000 / 3 = 3333.33 -> 3333 */
  assert_hit_rate (aff_portfolio_compute_hit_rate (portfolio, NULL, MM), 1, 2, 0, 2, 3333);
  /* BM: H5 H10 won, H3 pending: 10000 */
  assert_hit_rate (aff_portfolio_compute_hit_rate (portfolio, NULL, BM), 2, 0, 1, 0, 10000);
  /* alpha BM: H3 pending only: no rate */
  assert_hit_rate (aff_portfolio_compute_hit_rate (portfolio, "alpha", BM), 0, 0, 1, 0, -1);
  /* beta MM: H8 lost, H4 H6 no-go: 0 */
  assert_hit_rate (aff_portfolio_compute_hit_rate (portfolio, "beta", MM), 0, 1, 0, 2, 0);
  assert_hit_rate (aff_portfolio_compute_hit_rate (portfolio, "nobody", NULL), 0, 0, 0, 0, -1);
  assert_hit_rate (aff_portfolio_compute_hit_rate (portfolio, NULL, "painting"), 0, 0, 0, 0, -1);
  {
    g_autoptr(AffHitRate) rate = aff_portfolio_compute_hit_rate (portfolio, "beta", NULL);
    g_autoptr(AffHitRate) copy = aff_hit_rate_copy (rate);

    g_assert_cmpint (aff_hit_rate_get_rate (copy), ==, 6667);
    g_assert_cmpuint (aff_hit_rate_get_n_no_go (copy), ==, 2);
  }

  /* verdicts: decided H1-H6, H8, H10 = 8; overridden H5 and H6 (H8 was a REVIEW) */
  {
    g_autoptr(AffVerdictReview) review = aff_portfolio_review_verdicts (portfolio);
    g_autoptr(AffVerdictReview) same = aff_verdict_review_compute (aff_portfolio_get_consultations (portfolio));
    static const struct { AffBidVerdict verdict; AffConsultationState state; guint n; } counts[] = {
      { AFF_BID_VERDICT_GO, AFF_CONSULTATION_STATE_WON, 2 },          /* H1 H10 */
      { AFF_BID_VERDICT_GO, AFF_CONSULTATION_STATE_LOST, 1 },         /* H2 */
      { AFF_BID_VERDICT_GO, AFF_CONSULTATION_STATE_OFFER_SENT, 1 },   /* H3 */
      { AFF_BID_VERDICT_GO, AFF_CONSULTATION_STATE_NO_GO, 1 },        /* H6 */
      { AFF_BID_VERDICT_NO_GO, AFF_CONSULTATION_STATE_NO_GO, 1 },     /* H4 */
      { AFF_BID_VERDICT_NO_GO, AFF_CONSULTATION_STATE_WON, 1 },       /* H5 */
      { AFF_BID_VERDICT_REVIEW, AFF_CONSULTATION_STATE_LOST, 1 },     /* H8 */
    };
    guint total = 0;

    g_assert_cmpuint (aff_verdict_review_get_n_decided (review), ==, 8);
    g_assert_cmpuint (aff_verdict_review_get_n_overridden (review), ==, 2);
    g_assert_cmpuint (aff_verdict_review_get_n_decided (same), ==, 8);
    g_assert_cmpuint (aff_verdict_review_get_n_overridden (same), ==, 2);
    for (gsize i = 0; i < G_N_ELEMENTS (counts); i++)
      g_assert_cmpuint (aff_verdict_review_get_count (review, counts[i].verdict, counts[i].state), ==, counts[i].n);
    /* and nothing else: H11 (evaluated, undecided) and H7, H9 are not counted */
    for (int v = AFF_BID_VERDICT_GO; v <= AFF_BID_VERDICT_NO_GO; v++)
      for (int s = AFF_CONSULTATION_STATE_RECEIVED; s <= AFF_CONSULTATION_STATE_ABANDONED; s++)
        total += aff_verdict_review_get_count (review, v, s);
    g_assert_cmpuint (total, ==, 8);
    g_assert_cmpuint (aff_verdict_review_get_count (review, AFF_BID_VERDICT_GO, AFF_CONSULTATION_STATE_QUALIFYING), ==, 0);
    g_assert_cmpuint (aff_verdict_review_get_count (review, AFF_BID_VERDICT_GO, AFF_CONSULTATION_STATE_GO), ==, 0);
    {
      g_autoptr(AffVerdictReview) copy = aff_verdict_review_copy (review);

      g_assert_cmpuint (aff_verdict_review_get_n_decided (copy), ==, 8);
      g_assert_cmpuint (aff_verdict_review_get_count (copy, AFF_BID_VERDICT_NO_GO, AFF_CONSULTATION_STATE_WON), ==, 1);
    }
  }

  /* an empty portfolio */
  {
    g_autoptr(AffPortfolio) empty = aff_portfolio_new ();
    g_autoptr(AffVerdictReview) review = aff_portfolio_review_verdicts (empty);

    assert_hit_rate (aff_portfolio_compute_hit_rate (empty, NULL, NULL), 0, 0, 0, 0, -1);
    g_assert_cmpuint (aff_verdict_review_get_n_decided (review), ==, 0);
    g_assert_cmpuint (aff_verdict_review_get_n_overridden (review), ==, 0);
  }
}

/* ---------------------------------------------------------------------- */

static void
add_titled (AffPortfolio *portfolio,
            const char   *id,
            const char   *client_id,
            const char   *title,
            int m, int d)
{
  g_autoptr(GDate) received = day (2026, m, d);
  g_autoptr(GDate) deadline = day (2026, 12, 31);
  g_autoptr(AffConsultation) c = aff_consultation_new (id, client_id, title, received, deadline);
  g_autoptr(GError) error = NULL;

  g_assert_true (aff_portfolio_add_consultation (portfolio, c, &error));
  g_assert_no_error (error);
}

static void
assert_duplicates (AffPortfolio       *portfolio,
                   const char         *id,
                   const char * const *expected)
{
  g_autoptr(GPtrArray) found = aff_portfolio_list_possible_duplicates (portfolio, id);
  guint n = g_strv_length ((char **) expected);

  g_test_message ("duplicates of %s", id);
  g_assert_nonnull (found);
  g_assert_cmpuint (found->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < found->len; j++)
        if (g_strcmp0 (aff_consultation_get_id (g_ptr_array_index (found, j)), expected[i]) == 0)
          seen = TRUE;
      g_assert_true (seen);
    }
}

static const char *
added_details (AffPortfolio *portfolio,
               const char   *id)
{
  g_autoptr(GPtrArray) entries = aff_journal_list_entries_for (aff_portfolio_get_journal (portfolio),
                                                               "consultation", id);

  g_assert_cmpuint (entries->len, >=, 1);
  g_assert_cmpstr (aff_journal_entry_get_action (g_ptr_array_index (entries, 0)), ==, "added");
  return aff_journal_entry_get_details (g_ptr_array_index (entries, 0));
}

/* Significant words (3 letters or more, case and accents ignored):
 *   D1 alpha 03-01 "Révision pompe centrifuge atelier"  {revision pompe centrifuge atelier}
 *   D2 alpha 03-20 "Revision de la POMPE centrifuge"     {revision pompe centrifuge}
 *   D3 alpha 04-05 "Révision pompe centrifuge atelier"
 *   D4 beta  03-01 "Révision pompe centrifuge atelier"   (another client)
 *   D5 alpha 03-02 "Remplacement vanne chaudière"        {remplacement vanne chaudiere}
 *   D6 alpha 03-31 "pompe centrifuge"                    {pompe centrifuge}
 *   D7 alpha 03-31 "pompe vanne turbine"                 {pompe vanne turbine}
 *   D8 alpha 05-01 "Révision pompe centrifuge atelier"
 * Pairs (days apart, common / union):
 *   D1-D2 19, 3/4 yes    D1-D3 35 no            D1-D6 30, 2/4 yes (both limits)
 *   D2-D3 16, 3/4 yes    D2-D6 11, 2/3 yes      D3-D6 5, 2/4 yes
 *   D3-D8 26, 4/4 yes    D6-D8 31, 2/4 no       D2-D8 42 no
 *   D7-D6 0, 1/4 no      D7-D5 29, 1/5 no       D7-D1 30, 1/6 no   D7-D2 11, 1/5 no  D7-D3 5, 1/6 no
 *   D5-x: no common word but "vanne" with D7
 */
static void
test_duplicates (void)
{
  g_autoptr(AffPortfolio) portfolio = new_portfolio ();
  g_autoptr(AffPortfolio) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  const char *none[] = { NULL };

  add_client (portfolio, "alpha", AFF_CLIENT_STATUS_ACTIVE, FALSE);
  add_client (portfolio, "beta", AFF_CLIENT_STATUS_ACTIVE, FALSE);
  add_titled (portfolio, "D1", "alpha", "Révision pompe centrifuge atelier", 3, 1);
  add_titled (portfolio, "D2", "alpha", "Revision de la POMPE centrifuge", 3, 20);
  add_titled (portfolio, "D3", "alpha", "Révision pompe centrifuge atelier", 4, 5);
  add_titled (portfolio, "D4", "beta", "Révision pompe centrifuge atelier", 3, 1);
  add_titled (portfolio, "D5", "alpha", "Remplacement vanne chaudière", 3, 2);
  add_titled (portfolio, "D6", "alpha", "pompe centrifuge", 3, 31);
  add_titled (portfolio, "D7", "alpha", "pompe vanne turbine", 3, 31);
  add_titled (portfolio, "D8", "alpha", "Révision pompe centrifuge atelier", 5, 1);

  assert_duplicates (portfolio, "D1", (const char *[]) { "D2", "D6", NULL });
  assert_duplicates (portfolio, "D2", (const char *[]) { "D1", "D3", "D6", NULL });
  assert_duplicates (portfolio, "D3", (const char *[]) { "D2", "D6", "D8", NULL });
  assert_duplicates (portfolio, "D4", none);
  assert_duplicates (portfolio, "D5", none);
  assert_duplicates (portfolio, "D6", (const char *[]) { "D1", "D2", "D3", NULL });
  assert_duplicates (portfolio, "D7", none);
  assert_duplicates (portfolio, "D8", (const char *[]) { "D3", NULL });
  assert_duplicates (portfolio, "D9", none);

  /* the "added" entry lists those already there */
  g_assert_nonnull (strstr (added_details (portfolio, "D2"), "\"D1\""));
  g_assert_nonnull (strstr (added_details (portfolio, "D3"), "\"D2\""));
  g_assert_null (strstr (added_details (portfolio, "D3"), "\"D1\""));
  g_assert_nonnull (strstr (added_details (portfolio, "D6"), "\"D1\""));
  g_assert_nonnull (strstr (added_details (portfolio, "D6"), "\"D2\""));
  g_assert_nonnull (strstr (added_details (portfolio, "D6"), "\"D3\""));
  g_assert_nonnull (strstr (added_details (portfolio, "D8"), "\"D3\""));
  g_assert_null (strstr (added_details (portfolio, "D8"), "\"D6\""));
  for (guint i = 1; i <= 8; i++)
    {
      g_autofree char *quoted = g_strdup_printf ("\"D%u\"", i);

      if (i != 7)
        g_assert_null (strstr (added_details (portfolio, "D7"), quoted));
      if (i != 4)
        g_assert_null (strstr (added_details (portfolio, "D4"), quoted));
      if (i != 1)
        g_assert_null (strstr (added_details (portfolio, "D1"), quoted));
    }

  /* A portfolio read from its file finds them as the one they were added
   * to, and a consultation added to it those read. */
  data = aff_portfolio_to_data (portfolio, NULL);
  loaded = aff_portfolio_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  assert_duplicates (loaded, "D2", (const char *[]) { "D1", "D3", "D6", NULL });
  assert_duplicates (loaded, "D4", none);
  assert_duplicates (loaded, "D8", (const char *[]) { "D3", NULL });
  add_titled (loaded, "D9", "beta", "Révision de pompe centrifuge", 3, 10);
  assert_duplicates (loaded, "D9", (const char *[]) { "D4", NULL });
  g_assert_nonnull (strstr (added_details (loaded, "D9"), "\"D4\""));
  g_assert_null (strstr (added_details (loaded, "D9"), "\"D1\""));
}

static void
test_remove_client_in_use (void)
{
  g_autoptr(AffPortfolio) portfolio = new_portfolio ();
  g_autoptr(GError) error = NULL;

  add_client (portfolio, "acme", AFF_CLIENT_STATUS_ACTIVE, FALSE);
  add_client (portfolio, "free", AFF_CLIENT_STATUS_ACTIVE, FALSE);
  add_consultation (portfolio, "AO-1", "acme", 2026, 4, 1);

  g_assert_false (aff_portfolio_remove_client (portfolio, "acme", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_nonnull (aff_portfolio_lookup_client (portfolio, "acme"));

  /* even a closed consultation names it */
  DRIVE (portfolio, "AO-1", AFF_CONSULTATION_STATE_ABANDONED);
  g_assert_false (aff_portfolio_remove_client (portfolio, "acme", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_IN_USE);
  g_clear_error (&error);

  g_assert_true (aff_portfolio_remove_client (portfolio, "free", &error));
  g_assert_no_error (error);
}

static void
assert_ids (GPtrArray          *list,
            const char * const *expected)
{
  g_assert_nonnull (list);
  g_assert_cmpuint (list->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpstr (aff_consultation_get_id (g_ptr_array_index (list, i)), ==, expected[i]);
  g_ptr_array_unref (list);
}

static void
test_lists (void)
{
  g_autoptr(AffPortfolio) portfolio = new_portfolio ();
  AffPolicy *policy = aff_portfolio_get_policy (portfolio);
  g_autoptr(GDate) d10 = day (2026, 3, 10);
  g_autoptr(GDate) d4 = day (2026, 3, 4);
  g_autoptr(GDate) d17 = day (2026, 3, 17);

  add_client (portfolio, "acme", AFF_CLIENT_STATUS_ACTIVE, TRUE);
  assert_ids (aff_portfolio_list_open_consultations (portfolio), (const char *[]) { NULL });
  assert_ids (aff_portfolio_list_consultations_due (portfolio, d10), (const char *[]) { NULL });

  /* received 2026-03-02; states reached on 03-03 .. 03-06 */
  add_consultation (portfolio, "O-b", "acme", 2026, 4, 10);                      /* RECEIVED */
  add_consultation (portfolio, "O-a", "acme", 2026, 4, 10);
  DRIVE (portfolio, "O-a", AFF_CONSULTATION_STATE_QUALIFYING);
  add_consultation (portfolio, "O-c", "acme", 2026, 4, 1);
  DRIVE (portfolio, "O-c", AFF_CONSULTATION_STATE_GO);
  add_consultation (portfolio, "O-d", "acme", 2026, 3, 20);
  DRIVE (portfolio, "O-d", AFF_CONSULTATION_STATE_OFFER_SENT);
  add_consultation (portfolio, "O-e", "acme", 2026, 3, 15);
  DRIVE (portfolio, "O-e", AFF_CONSULTATION_STATE_ABANDONED);
  add_consultation (portfolio, "O-f", "acme", 2026, 3, 18);
  DRIVE (portfolio, "O-f", AFF_CONSULTATION_STATE_NO_GO);
  add_consultation (portfolio, "O-g", "acme", 2026, 3, 10);
  DRIVE (portfolio, "O-g", AFF_CONSULTATION_STATE_WON);
  add_consultation (portfolio, "O-h", "acme", 2026, 3, 11);
  DRIVE (portfolio, "O-h", AFF_CONSULTATION_STATE_LOST);

  /* open by deadline then id: O-d 03-20, O-c 04-01, O-a 04-10, O-b 04-10 */
  assert_ids (aff_portfolio_list_open_consultations (portfolio),
              (const char *[]) { "O-d", "O-c", "O-a", "O-b", NULL });

  /* due: RECEIVED or QUALIFYING, deadline <= date + 7 days */
  add_consultation (portfolio, "R1", "acme", 2026, 3, 5);          /* overdue on 03-10 */
  add_consultation (portfolio, "R2", "acme", 2026, 3, 17);
  DRIVE (portfolio, "R2", AFF_CONSULTATION_STATE_QUALIFYING);
  add_consultation (portfolio, "R3", "acme", 2026, 3, 18);
  add_consultation (portfolio, "R4", "acme", 2026, 3, 12);
  DRIVE (portfolio, "R4", AFF_CONSULTATION_STATE_GO);              /* decided: not due */
  add_consultation (portfolio, "R5", "acme", 2026, 3, 11);
  DRIVE (portfolio, "R5", AFF_CONSULTATION_STATE_ABANDONED);

  /* 03-10 + 7 = 03-17: R1 (03-05), R2 (03-17) */
  assert_ids (aff_portfolio_list_consultations_due (portfolio, d10), (const char *[]) { "R1", "R2", NULL });
  /* 03-04 + 7 = 03-11: R1 */
  assert_ids (aff_portfolio_list_consultations_due (portfolio, d4), (const char *[]) { "R1", NULL });
  /* 8 days: 03-18 adds R3 */
  aff_policy_set_deadline_warning_days (policy, 8);
  assert_ids (aff_portfolio_list_consultations_due (portfolio, d10), (const char *[]) { "R1", "R2", "R3", NULL });
  /* 0 days on 03-17: R1, R2 */
  aff_policy_set_deadline_warning_days (policy, 0);
  assert_ids (aff_portfolio_list_consultations_due (portfolio, d17), (const char *[]) { "R1", "R2", NULL });

  /* open now: R1 03-05, R2 03-17, R3 03-18, O-d 03-20, O-c 04-01, O-a, O-b 04-10 */
  assert_ids (aff_portfolio_list_open_consultations (portfolio),
              (const char *[]) { "R1", "R4", "R2", "R3", "O-d", "O-c", "O-a", "O-b", NULL });
}

/* ---------------------------------------------------------------------- */

static void
test_round_trip (void)
{
  g_autoptr(AffPortfolio) portfolio = build_history ();
  AffPolicy *policy = aff_portfolio_get_policy (portfolio);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPortfolio) loaded = NULL;
  g_autofree char *data = NULL, *again = NULL;
  AffConsultation *c;

  /* policy additions */
  g_assert_true (aff_policy_set_language (policy, "en", &error));
  g_assert_no_error (error);
  g_assert_true (aff_policy_set_bid_weight (policy, "risk", 30, &error));
  g_assert_no_error (error);
  aff_policy_set_risk_critical_threshold (policy, 20);
  aff_policy_set_min_preparation_days (policy, 12);
  aff_policy_set_capacity_hours (policy, 30000);

  /* a consultation with everything */
  c = add_consultation (portfolio, "FULL", "alpha", 2026, 4, 1);
  {
    g_autoptr(GDate) d3 = day (2026, 3, 3);
    g_autoptr(GDate) d4 = day (2026, 3, 4);
    g_autoptr(GDate) review = day (2026, 3, 20);
    g_autoptr(AffMoney) exposure = euros (15000);
    AffRisk *risk;

    aff_consultation_set_site (c, "Hayange, haut fourneau");
    aff_consultation_set_description (c, "Révision de trois pompes \"critiques\"");
    aff_consultation_set_source (c, AFF_CONSULTATION_SOURCE_PUBLIC_TENDER);
    aff_consultation_set_regulatory_flags (c, AFF_REGULATORY_FLAGS_HOT_WORK | AFF_REGULATORY_FLAGS_CONFINED_SPACE);
    aff_consultation_add_requirement (c, "Débit 200 m3/h");
    aff_consultation_ask_question (c, "Accès le samedi ?", d3);
    aff_consultation_ask_question (c, "Pièces fournies ?", d3);
    g_assert_true (aff_consultation_answer_question (c, "Q-1", "Oui", d4, &error));
    g_assert_no_error (error);
    aff_consultation_request_contribution (c, AFF_DEPARTMENT_DESIGN, "Paul", "Plan", d4);
    g_assert_true (aff_consultation_complete_contribution (c, "CON-1", "Fait", d4, &error));
    g_assert_no_error (error);
    aff_consultation_request_contribution (c, AFF_DEPARTMENT_FINANCE, "Marie", "Caution", review);
    risk = add_risk (c, 3, 4, AFF_RISK_TREATMENT_SHARE);
    aff_risk_set_exposure (risk, exposure);
    aff_risk_set_probability_percent (risk, 35);
    aff_risk_set_owner (risk, "Paul");
    aff_risk_set_review_date (risk, review);
    g_assert_true (aff_consultation_start_qualification (c, d3, "analyse", &error));
    g_assert_no_error (error);
    evaluate_only (portfolio, "FULL", 2026, 3, 10);
  }
  /* a client assessment with payment data */
  {
    AffClient *alpha = aff_portfolio_lookup_client (portfolio, "alpha");
    g_autoptr(AffSolvency) s = safe_solvency (2026, 2, 20, TRUE);

    aff_solvency_set_model (s, AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME);
    aff_solvency_set_dso_days (s, 72);
    aff_solvency_set_payment_incidents (s, 1);
    aff_solvency_set_validated_by (s, "Claire");
    g_assert_true (aff_client_add_solvency (alpha, s, &error));
    g_assert_no_error (error);
  }

  data = aff_portfolio_to_data (portfolio, NULL);
  loaded = aff_portfolio_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  again = aff_portfolio_to_data (loaded, NULL);
  g_assert_cmpstr (again, ==, data);

  g_assert_true (aff_journal_verify (aff_portfolio_get_journal (loaded), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aff_journal_get_n_entries (aff_portfolio_get_journal (loaded)), ==,
                    aff_journal_get_n_entries (aff_portfolio_get_journal (portfolio)));
  g_assert_cmpstr (aff_journal_get_head_hash (aff_portfolio_get_journal (loaded)), ==,
                   aff_journal_get_head_hash (aff_portfolio_get_journal (portfolio)));

  /* what was loaded behaves the same */
  {
    AffPolicy *lp = aff_portfolio_get_policy (loaded);
    AffConsultation *lc = aff_portfolio_lookup_consultation (loaded, "FULL");
    AffClient *alpha = aff_portfolio_lookup_client (loaded, "alpha");
    GDate date;

    g_assert_cmpstr (aff_policy_get_language (lp), ==, "en");
    g_assert_cmpuint (aff_policy_get_bid_weight (lp, "risk"), ==, 30);
    g_assert_cmpuint (aff_policy_get_risk_critical_threshold (lp), ==, 20);
    g_assert_cmpuint (aff_policy_get_min_preparation_days (lp), ==, 12);
    g_assert_cmpuint (aff_policy_get_capacity_hours (lp), ==, 30000);
    g_assert_cmpuint (g_list_model_get_n_items (aff_portfolio_get_consultations (loaded)), ==, 12);

    g_assert_nonnull (lc);
    g_assert_cmpint (aff_consultation_get_state (lc), ==, AFF_CONSULTATION_STATE_QUALIFYING);
    g_assert_true (aff_consultation_get_state_date (lc, AFF_CONSULTATION_STATE_QUALIFYING, &date));
    assert_date (&date, 2026, 3, 3);
    g_assert_cmpstr (aff_consultation_get_site (lc), ==, "Hayange, haut fourneau");
    g_assert_cmpint (aff_consultation_get_regulatory_flags (lc), ==,
                     AFF_REGULATORY_FLAGS_HOT_WORK | AFF_REGULATORY_FLAGS_CONFINED_SPACE);
    g_assert_cmpint (aff_consultation_get_source (lc), ==, AFF_CONSULTATION_SOURCE_PUBLIC_TENDER);
    g_assert_cmpint (aff_consultation_get_expected_margin_rate (lc), ==, 1500);
    g_assert_cmpuint (g_list_model_get_n_items (aff_consultation_get_requirements (lc)), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (aff_consultation_get_clarifications (lc)), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (aff_consultation_get_contributions (lc)), ==, 2);
    g_assert_false (aff_consultation_is_analysis_complete (lc));
    {
      AffRisk *risk = aff_risk_register_lookup_risk (aff_consultation_get_risk_register (lc), "RISK-1");

      g_assert_nonnull (risk);
      g_assert_cmpuint (aff_risk_get_criticality (risk), ==, 12);
      g_assert_cmpint (aff_risk_get_probability_percent (risk), ==, 35);
      g_assert_cmpstr (aff_risk_get_owner (risk), ==, "Paul");
    }
    /* new ids go on after the loaded ones */
    {
      g_autoptr(GDate) d = day (2026, 3, 5);
      g_autoptr(AffRisk) risk = aff_risk_new ("nouveau", AFF_RISK_CATEGORY_CLIENT, 1, 1);

      g_assert_cmpstr (aff_consultation_ask_question (lc, "Encore ?", d), ==, "Q-3");
      g_assert_cmpstr (aff_consultation_add_requirement (lc, "Peinture"), ==, "REQ-2");
      g_assert_cmpstr (aff_consultation_request_contribution (lc, AFF_DEPARTMENT_OTHER, "x", "y", d), ==, "CON-3");
      g_assert_true (aff_risk_register_add_risk (aff_consultation_get_risk_register (lc), risk, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (aff_risk_get_id (risk), ==, "RISK-2");
    }

    /* the solvencies came back */
    g_assert_cmpuint (g_list_model_get_n_items (aff_client_get_solvencies (alpha)), ==, 2);
    {
      g_autoptr(GDate) d = day (2026, 3, 1);
      AffSolvency *s = aff_client_get_current_solvency (alpha, d);

      g_assert_nonnull (s);
      assert_date (aff_solvency_get_date (s), 2026, 2, 20);
      g_assert_cmpint (aff_solvency_get_model (s), ==, AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME);
      g_assert_cmpint (aff_solvency_get_dso_days (s), ==, 72);
      g_assert_cmpint (aff_solvency_get_average_days_late (s), ==, -1);
      g_assert_cmpint (aff_solvency_get_payment_incidents (s), ==, 1);
      g_assert_cmpstr (aff_solvency_get_validated_by (s), ==, "Claire");
    }

    /* the evaluation was remembered: the decision is allowed, and going
     * against it needs a reason. FULL on 03-10, weights 20/15/25/30/10/10
     * (sum 110): fit 5, win rate (alpha H1 won, H2 lost; MM H8 lost) 5/3 ->
     * 2, margin 5, risk 3 x 4 = 12 HIGH (critical 20) 2, workload (H3 0 h +
     * 2 000) / 30 000 5, bid cost 50 bp 5: 100 + 30 + 125 + 60 + 50 + 50 =
     * 415; 100 * 415 / 550 = 75.45 -> 75 >= 70: GO */
    {
      g_autoptr(AffVerdictReview) review = aff_portfolio_review_verdicts (loaded);
      g_autoptr(AffHitRate) rate = aff_portfolio_compute_hit_rate (loaded, NULL, NULL);

      g_assert_cmpuint (aff_verdict_review_get_n_decided (review), ==, 8);
      g_assert_cmpuint (aff_verdict_review_get_n_overridden (review), ==, 2);
      g_assert_cmpint (aff_hit_rate_get_rate (rate), ==, 6000);
    }
    g_assert_false (aff_portfolio_decide_consultation (loaded, "FULL", AFF_BID_VERDICT_NO_GO, "bob", NULL, &error));
    g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
    g_clear_error (&error);
    g_assert_true (aff_portfolio_decide_consultation (loaded, "FULL", AFF_BID_VERDICT_GO, "bob", NULL, &error));
    g_assert_no_error (error);
    g_assert_true (aff_consultation_get_state_date (lc, AFF_CONSULTATION_STATE_GO, &date));
    assert_date (&date, 2026, 3, 10);

    /* H11 as well: evaluated GO, undecided before saving */
    g_assert_true (aff_portfolio_decide_consultation (loaded, "H11", AFF_BID_VERDICT_GO, "bob", NULL, &error));
    g_assert_no_error (error);
    g_assert_true (aff_journal_verify (aff_portfolio_get_journal (loaded), &error));
    g_assert_no_error (error);

    /* and a second round trip of the changed portfolio */
    {
      g_autofree char *changed = aff_portfolio_to_data (loaded, NULL);
      g_autoptr(AffPortfolio) second = aff_portfolio_new_from_data (changed, -1, &error);
      g_autofree char *changed_again = NULL;

      g_assert_no_error (error);
      changed_again = aff_portfolio_to_data (second, NULL);
      g_assert_cmpstr (changed_again, ==, changed);
    }
  }
  (void) c;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bid-evaluation/go", test_go);
  g_test_add_func ("/bid-evaluation/evaluation-dates", test_evaluation_dates);
  g_test_add_func ("/bid-evaluation/gates", test_gates);
  g_test_add_func ("/bid-evaluation/verdicts", test_verdicts);
  g_test_add_func ("/bid-evaluation/weighted-criteria", test_weighted_criteria);
  g_test_add_func ("/bid-evaluation/bid-cost-zero", test_bid_cost_zero);
  g_test_add_func ("/bid-evaluation/history-criteria", test_history_criteria);
  g_test_add_func ("/bid-evaluation/score-rounding", test_score_rounding);
  g_test_add_func ("/bid-evaluation/signal-and-justification", test_signal_and_justification);
  g_test_add_func ("/bid-evaluation/decide", test_decide);
  g_test_add_func ("/bid-evaluation/statistics", test_statistics);
  g_test_add_func ("/bid-evaluation/duplicates", test_duplicates);
  g_test_add_func ("/bid-evaluation/remove-client-in-use", test_remove_client_in_use);
  g_test_add_func ("/bid-evaluation/lists", test_lists);
  g_test_add_func ("/bid-evaluation/round-trip", test_round_trip);

  return g_test_run ();
}
