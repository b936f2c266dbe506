/* test-risk.c: AffRisk and AffRiskRegister
 *
 * Every expected value is worked out by hand from the contract
 * (docs/rules.md, "Risks"); the arithmetic is next to each case.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <affaires.h>

#include "test-util.h"

static AffMoney *
minor (gint64      amount,
       const char *currency)
{
  g_autoptr(GError) error = NULL;
  AffMoney *m = aff_money_new (amount, currency, &error);

  g_assert_no_error (error);
  return m;
}

static void
set_exposure (AffRisk    *risk,
              gint64      amount,
              const char *currency)
{
  g_autoptr(AffMoney) m = minor (amount, currency);

  aff_risk_set_exposure (risk, m);
}

static guint
strv_len (const char * const *strv)
{
  return strv == NULL ? 0 : g_strv_length ((char **) strv);
}

/* ---------------------------------------------------------------------- */

static void
test_new (void)
{
  g_autoptr(AffRisk) risk = aff_risk_new ("Pump delivered late", AFF_RISK_CATEGORY_SCHEDULE, 3, 4);
  g_autoptr(GDate) review = g_date_new_dmy (15, 4, 2026);

  g_assert_null (aff_risk_get_id (risk));
  g_assert_cmpstr (aff_risk_get_title (risk), ==, "Pump delivered late");
  g_assert_cmpint (aff_risk_get_category (risk), ==, AFF_RISK_CATEGORY_SCHEDULE);
  g_assert_cmpuint (aff_risk_get_probability (risk), ==, 3);
  g_assert_cmpuint (aff_risk_get_impact (risk), ==, 4);
  g_assert_cmpuint (aff_risk_get_criticality (risk), ==, 12);     /* 3 x 4 */
  g_assert_null (aff_risk_get_exposure (risk));
  g_assert_cmpint (aff_risk_get_probability_percent (risk), ==, -1);
  g_assert_cmpint (aff_risk_get_treatment (risk), ==, AFF_RISK_TREATMENT_NONE);
  g_assert_null (aff_risk_get_owner (risk));
  g_assert_cmpint (aff_risk_get_status (risk), ==, AFF_RISK_STATUS_OPEN);
  g_assert_null (aff_risk_get_review_date (risk));

  aff_risk_set_title (risk, "Pump delivered very late");
  g_assert_cmpstr (aff_risk_get_title (risk), ==, "Pump delivered very late");
  aff_risk_set_category (risk, AFF_RISK_CATEGORY_ECONOMIC);
  g_assert_cmpint (aff_risk_get_category (risk), ==, AFF_RISK_CATEGORY_ECONOMIC);
  aff_risk_set_probability (risk, 5);
  g_assert_cmpuint (aff_risk_get_criticality (risk), ==, 20);     /* 5 x 4 */
  aff_risk_set_impact (risk, 1);
  g_assert_cmpuint (aff_risk_get_criticality (risk), ==, 5);      /* 5 x 1 */
  aff_risk_set_treatment (risk, AFF_RISK_TREATMENT_SHARE);
  g_assert_cmpint (aff_risk_get_treatment (risk), ==, AFF_RISK_TREATMENT_SHARE);
  aff_risk_set_owner (risk, "Paul");
  g_assert_cmpstr (aff_risk_get_owner (risk), ==, "Paul");
  aff_risk_set_status (risk, AFF_RISK_STATUS_OCCURRED);
  g_assert_cmpint (aff_risk_get_status (risk), ==, AFF_RISK_STATUS_OCCURRED);
  aff_risk_set_review_date (risk, review);
  g_assert_cmpint (g_date_compare (aff_risk_get_review_date (risk), review), ==, 0);
  aff_risk_set_review_date (risk, NULL);
  g_assert_null (aff_risk_get_review_date (risk));
}

typedef struct
{
  guint       probability, impact;
  guint       criticality;
  AffRiskBand by_default;   /* thresholds 16 / 10 / 5 */
  AffRiskBand changed;      /* thresholds 20 / 12 / 6 */
} BandCase;

static const BandCase band_cases[] = {
  { 1, 1,  1, AFF_RISK_BAND_LOW,      AFF_RISK_BAND_LOW },
  { 2, 2,  4, AFF_RISK_BAND_LOW,      AFF_RISK_BAND_LOW },
  { 1, 5,  5, AFF_RISK_BAND_MEDIUM,   AFF_RISK_BAND_LOW },      /* default medium threshold */
  { 2, 3,  6, AFF_RISK_BAND_MEDIUM,   AFF_RISK_BAND_MEDIUM },   /* changed medium threshold */
  { 3, 3,  9, AFF_RISK_BAND_MEDIUM,   AFF_RISK_BAND_MEDIUM },
  { 2, 5, 10, AFF_RISK_BAND_HIGH,     AFF_RISK_BAND_MEDIUM },   /* default high */
  { 4, 3, 12, AFF_RISK_BAND_HIGH,     AFF_RISK_BAND_HIGH },     /* changed high */
  { 3, 5, 15, AFF_RISK_BAND_HIGH,     AFF_RISK_BAND_HIGH },
  { 4, 4, 16, AFF_RISK_BAND_CRITICAL, AFF_RISK_BAND_HIGH },     /* default critical */
  { 5, 4, 20, AFF_RISK_BAND_CRITICAL, AFF_RISK_BAND_CRITICAL }, /* changed critical */
  { 5, 5, 25, AFF_RISK_BAND_CRITICAL, AFF_RISK_BAND_CRITICAL },
};

static void
test_bands (void)
{
  g_autoptr(AffPolicy) policy = aff_policy_new ();
  g_autoptr(AffPolicy) changed = aff_policy_new ();

  g_assert_cmpuint (aff_policy_get_risk_critical_threshold (policy), ==, 16);
  g_assert_cmpuint (aff_policy_get_risk_high_threshold (policy), ==, 10);
  g_assert_cmpuint (aff_policy_get_risk_medium_threshold (policy), ==, 5);
  aff_policy_set_risk_critical_threshold (changed, 20);
  aff_policy_set_risk_high_threshold (changed, 12);
  aff_policy_set_risk_medium_threshold (changed, 6);

  for (gsize i = 0; i < G_N_ELEMENTS (band_cases); i++)
    {
      const BandCase *c = &band_cases[i];
      g_autoptr(AffRisk) risk = aff_risk_new ("r", AFF_RISK_CATEGORY_TECHNICAL, c->probability, c->impact);

      g_test_message ("%u x %u", c->probability, c->impact);
      g_assert_cmpuint (aff_risk_get_criticality (risk), ==, c->criticality);
      g_assert_cmpint (aff_risk_get_band (risk, policy), ==, c->by_default);
      g_assert_cmpint (aff_risk_get_band (risk, changed), ==, c->changed);
    }

  /* a band follows the risk's changes and the policy's */
  {
    g_autoptr(AffRisk) risk = aff_risk_new ("r", AFF_RISK_CATEGORY_SAFETY, 2, 2);   /* 4 */

    g_assert_cmpint (aff_risk_get_band (risk, policy), ==, AFF_RISK_BAND_LOW);
    aff_risk_set_impact (risk, 5);                                                  /* 10 */
    g_assert_cmpint (aff_risk_get_band (risk, policy), ==, AFF_RISK_BAND_HIGH);
    aff_policy_set_risk_high_threshold (policy, 11);
    g_assert_cmpint (aff_risk_get_band (risk, policy), ==, AFF_RISK_BAND_MEDIUM);
    aff_policy_set_risk_medium_threshold (policy, 11);
    g_assert_cmpint (aff_risk_get_band (risk, policy), ==, AFF_RISK_BAND_LOW);
  }
}

typedef struct
{
  gint64      exposure;     /* minor units */
  const char *currency;
  int         percent;
  gint64      expected;     /* minor units */
} ExpectedCase;

static const ExpectedCase expected_cases[] = {
  {      5, "EUR",  50,      2 },   /* 0.05 x 50 % = 0.025 -> 2.5 -> 2 (half to even) */
  {     15, "EUR",  50,      8 },   /* 0.15 x 50 % = 0.075 -> 7.5 -> 8 */
  {      3, "EUR",  50,      2 },   /* 1.5 -> 2 */
  {      1, "EUR",  50,      0 },   /* 0.5 -> 0 */
  {      5, "EUR",  10,      0 },   /* 0.5 -> 0 */
  {     15, "EUR",  10,      2 },   /* 1.5 -> 2 */
  {     25, "EUR",  10,      2 },   /* 2.5 -> 2 */
  {     35, "EUR",  10,      4 },   /* 3.5 -> 4 */
  {      7, "EUR",  30,      2 },   /* 2.1 -> 2 */
  {      9, "EUR",  30,      3 },   /* 2.7 -> 3 */
  { 10000000, "EUR", 30, 3000000 }, /* 100 000.00 x 30 % = 30 000.00 */
  {  12345, "EUR", 100,  12345 },
  {  12345, "EUR",   0,      0 },
  {   1500, "JPY",  33,    495 },   /* 1500 JPY x 33 % = 495 */
  {   1234, "KWD",  50,    617 },   /* 1.234 KWD / 2 = 0.617 */
};

static void
test_expected_value (void)
{
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (expected_cases); i++)
    {
      const ExpectedCase *c = &expected_cases[i];
      g_autoptr(AffRisk) risk = aff_risk_new ("r", AFF_RISK_CATEGORY_ECONOMIC, 3, 3);
      g_autoptr(AffMoney) value = NULL;

      g_test_message ("%" G_GINT64_FORMAT " %s x %d %%", c->exposure, c->currency, c->percent);
      set_exposure (risk, c->exposure, c->currency);
      aff_risk_set_probability_percent (risk, c->percent);
      g_assert_cmpint (aff_risk_get_probability_percent (risk), ==, c->percent);
      value = aff_risk_compute_expected_value (risk, &error);
      g_assert_no_error (error);
      g_assert_nonnull (value);
      g_assert_cmpint (aff_money_get_minor (value), ==, c->expected);
      g_assert_cmpstr (aff_money_get_currency (value), ==, c->currency);
    }

  /* either unset: NOT_ASSESSABLE */
  {
    g_autoptr(AffRisk) risk = aff_risk_new ("r", AFF_RISK_CATEGORY_ECONOMIC, 3, 3);
    AffMoney *value;

    value = aff_risk_compute_expected_value (risk, &error);
    g_assert_null (value);
    g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_ASSESSABLE);
    g_clear_error (&error);

    aff_risk_set_probability_percent (risk, 40);
    value = aff_risk_compute_expected_value (risk, &error);
    g_assert_null (value);
    g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_ASSESSABLE);
    g_clear_error (&error);

    set_exposure (risk, 100000, "EUR");
    aff_risk_set_probability_percent (risk, -1);
    g_assert_cmpint (aff_risk_get_probability_percent (risk), ==, -1);
    value = aff_risk_compute_expected_value (risk, &error);
    g_assert_null (value);
    g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_ASSESSABLE);
    g_clear_error (&error);

    /* 1 000.00 x 40 % = 400.00 */
    aff_risk_set_probability_percent (risk, 40);
    {
      g_autoptr(AffMoney) v = aff_risk_compute_expected_value (risk, &error);

      g_assert_no_error (error);
      g_assert_cmpint (aff_money_get_minor (v), ==, 40000);
    }

    aff_risk_set_exposure (risk, NULL);
    g_assert_null (aff_risk_get_exposure (risk));
    value = aff_risk_compute_expected_value (risk, &error);
    g_assert_null (value);
    g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_ASSESSABLE);
    g_clear_error (&error);
  }
}

/* ---------------------------------------------------------------------- */

static AffRisk *
add_risk (AffRiskRegister *reg,
          const char      *title,
          guint            probability,
          guint            impact)
{
  g_autoptr(AffRisk) risk = aff_risk_new (title, AFF_RISK_CATEGORY_TECHNICAL, probability, impact);
  g_autoptr(GError) error = NULL;

  g_assert_true (aff_risk_register_add_risk (reg, risk, &error));
  g_assert_no_error (error);
  return risk;   /* owned by the register */
}

static void
test_register (void)
{
  g_autoptr(AffRiskRegister) reg = aff_risk_register_new ();
  g_autoptr(AffRiskRegister) other = aff_risk_register_new ();
  GListModel *risks = aff_risk_register_get_risks (reg);
  g_autoptr(GError) error = NULL;
  AffRisk *r1, *r2, *r3, *r4;

  g_assert_true (g_list_model_get_item_type (risks) == AFF_TYPE_RISK);
  g_assert_cmpuint (g_list_model_get_n_items (risks), ==, 0);
  g_assert_null (aff_risk_register_lookup_risk (reg, "RISK-1"));

  r1 = add_risk (reg, "one", 1, 1);
  r2 = add_risk (reg, "two", 2, 2);
  r3 = add_risk (reg, "three", 3, 3);
  g_assert_cmpstr (aff_risk_get_id (r1), ==, "RISK-1");
  g_assert_cmpstr (aff_risk_get_id (r2), ==, "RISK-2");
  g_assert_cmpstr (aff_risk_get_id (r3), ==, "RISK-3");
  g_assert_cmpuint (g_list_model_get_n_items (risks), ==, 3);
  g_assert_true (aff_risk_register_lookup_risk (reg, "RISK-1") == r1);
  g_assert_true (aff_risk_register_lookup_risk (reg, "RISK-2") == r2);
  g_assert_true (aff_risk_register_lookup_risk (reg, "RISK-3") == r3);
  g_assert_null (aff_risk_register_lookup_risk (reg, "RISK-4"));
  g_assert_null (aff_risk_register_lookup_risk (reg, "risk-1"));

  /* the same risk twice, or in a second register: refused */
  g_assert_false (aff_risk_register_add_risk (reg, r1, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (aff_risk_register_add_risk (other, r2, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (risks), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (aff_risk_register_get_risks (other)), ==, 0);
  g_assert_cmpstr (aff_risk_get_id (r2), ==, "RISK-2");

  /* removal */
  g_assert_false (aff_risk_register_remove_risk (reg, "RISK-9", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (aff_risk_register_remove_risk (reg, "RISK-2", &error));
  g_assert_no_error (error);
  g_assert_null (aff_risk_register_lookup_risk (reg, "RISK-2"));
  g_assert_cmpuint (g_list_model_get_n_items (risks), ==, 2);
  {
    g_autoptr(AffRisk) first = g_list_model_get_item (risks, 0);
    g_autoptr(AffRisk) second = g_list_model_get_item (risks, 1);

    g_assert_true (first == r1);
    g_assert_true (second == r3);
  }
  g_assert_false (aff_risk_register_remove_risk (reg, "RISK-2", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a new risk never takes an id already given */
  r4 = add_risk (reg, "four", 4, 4);
  g_assert_cmpstr (aff_risk_get_id (r4), !=, "RISK-1");
  g_assert_cmpstr (aff_risk_get_id (r4), !=, "RISK-3");
  g_assert_cmpstr (aff_risk_get_id (r4), ==, "RISK-4");
  g_assert_true (aff_risk_register_lookup_risk (reg, "RISK-4") == r4);
  {
    g_autoptr(AffRisk) last = g_list_model_get_item (risks, 2);
    g_assert_true (last == r4);
  }

  /* never reused, even the last one after its removal, even when empty */
  g_assert_true (aff_risk_register_remove_risk (reg, "RISK-4", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (aff_risk_get_id (add_risk (reg, "five", 1, 2)), ==, "RISK-5");
  g_assert_true (aff_risk_register_remove_risk (reg, "RISK-1", &error));
  g_assert_true (aff_risk_register_remove_risk (reg, "RISK-3", &error));
  g_assert_true (aff_risk_register_remove_risk (reg, "RISK-5", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (risks), ==, 0);
  g_assert_cmpstr (aff_risk_get_id (add_risk (reg, "six", 1, 2)), ==, "RISK-6");
}

static AffRisk *
add_full (AffRiskRegister  *reg,
          guint             probability,
          guint             impact,
          AffRiskTreatment  treatment,
          AffRiskStatus     status,
          gint64            exposure,    /* minor EUR, -1: none */
          int               percent)
{
  AffRisk *risk = add_risk (reg, "r", probability, impact);

  aff_risk_set_treatment (risk, treatment);
  aff_risk_set_status (risk, status);
  if (exposure >= 0)
    set_exposure (risk, exposure, "EUR");
  aff_risk_set_probability_percent (risk, percent);
  return risk;
}

static void
assert_top (const AffRiskSummary *summary,
            const char * const   *expected)
{
  const char * const *top = aff_risk_summary_get_top_risks (summary);

  g_assert_cmpuint (strv_len (top), ==, strv_len (expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (top[i], ==, expected[i]);
}

/*  id      p x i  crit  band (default)  treatment  status    exposure x %     EV
 *  RISK-1  4 x 4   16   CRITICAL        NONE       OPEN      1 000.00 x 50   500.00
 *  RISK-2  5 x 5   25   CRITICAL        REDUCE     OPEN        200.00 x 10    20.00
 *  RISK-3  2 x 5   10   HIGH            NONE       OPEN        300.00 x  -     -
 *  RISK-4  1 x 5    5   MEDIUM          ACCEPT     OPEN          -    x 20     -
 *  RISK-5  1 x 1    1   LOW             NONE       OPEN          0.15 x 50     0.08 (7.5 -> 8)
 *  RISK-6  5 x 5   25   CRITICAL        NONE       CLOSED   10 000.00 x 100   (not open)
 *  RISK-7  3 x 4   12   HIGH            NONE       OCCURRED    100.00 x 50    (not open)
 *  RISK-8  4 x 4   16   CRITICAL        NONE       OPEN          -    x  -     -
 * Open: 1, 2, 3, 4, 5, 8 -> 6. CRITICAL 3 (1, 2, 8), HIGH 1, MEDIUM 1, LOW 1.
 * Untreated critical: 1 and 8 -> 2. Highest: CRITICAL.
 * By criticality descending, then order of addition: 2 (25), 1 (16), 8 (16),
 * 3 (10), 4 (5), 5 (1).
 * Expected exposure: 500.00 + 20.00 + 0.08 = 520.08 EUR.
 */
static void
test_summarize (void)
{
  g_autoptr(AffRiskRegister) reg = aff_risk_register_new ();
  g_autoptr(AffPolicy) policy = aff_policy_new ();
  g_autoptr(GError) error = NULL;

  add_full (reg, 4, 4, AFF_RISK_TREATMENT_NONE, AFF_RISK_STATUS_OPEN, 100000, 50);
  add_full (reg, 5, 5, AFF_RISK_TREATMENT_REDUCE, AFF_RISK_STATUS_OPEN, 20000, 10);
  add_full (reg, 2, 5, AFF_RISK_TREATMENT_NONE, AFF_RISK_STATUS_OPEN, 30000, -1);
  add_full (reg, 1, 5, AFF_RISK_TREATMENT_ACCEPT, AFF_RISK_STATUS_OPEN, -1, 20);
  add_full (reg, 1, 1, AFF_RISK_TREATMENT_NONE, AFF_RISK_STATUS_OPEN, 15, 50);
  add_full (reg, 5, 5, AFF_RISK_TREATMENT_NONE, AFF_RISK_STATUS_CLOSED, 1000000, 100);
  add_full (reg, 3, 4, AFF_RISK_TREATMENT_NONE, AFF_RISK_STATUS_OCCURRED, 10000, 50);
  add_full (reg, 4, 4, AFF_RISK_TREATMENT_NONE, AFF_RISK_STATUS_OPEN, -1, -1);

  {
    g_autoptr(AffRiskSummary) summary = aff_risk_register_summarize (reg, policy, 3, &error);
    const char *top3[] = { "RISK-2", "RISK-1", "RISK-8", NULL };
    const AffMoney *exposure;

    g_assert_no_error (error);
    g_assert_nonnull (summary);
    g_assert_cmpuint (aff_risk_summary_get_n_open (summary), ==, 6);
    g_assert_cmpuint (aff_risk_summary_get_count (summary, AFF_RISK_BAND_CRITICAL), ==, 3);
    g_assert_cmpuint (aff_risk_summary_get_count (summary, AFF_RISK_BAND_HIGH), ==, 1);
    g_assert_cmpuint (aff_risk_summary_get_count (summary, AFF_RISK_BAND_MEDIUM), ==, 1);
    g_assert_cmpuint (aff_risk_summary_get_count (summary, AFF_RISK_BAND_LOW), ==, 1);
    g_assert_cmpint (aff_risk_summary_get_highest_band (summary), ==, AFF_RISK_BAND_CRITICAL);
    g_assert_cmpuint (aff_risk_summary_get_n_untreated_critical (summary), ==, 2);
    assert_top (summary, top3);
    exposure = aff_risk_summary_get_expected_exposure (summary);
    g_assert_nonnull (exposure);
    g_assert_cmpint (aff_money_get_minor (exposure), ==, 52008);
    g_assert_cmpstr (aff_money_get_currency (exposure), ==, "EUR");

    /* a copy says the same */
    {
      g_autoptr(AffRiskSummary) copy = aff_risk_summary_copy (summary);

      g_assert_cmpuint (aff_risk_summary_get_n_open (copy), ==, 6);
      g_assert_cmpuint (aff_risk_summary_get_n_untreated_critical (copy), ==, 2);
      assert_top (copy, top3);
      g_assert_cmpint (aff_money_get_minor (aff_risk_summary_get_expected_exposure (copy)), ==, 52008);
    }
  }

  /* more top risks asked than open: all six; none asked: none */
  {
    g_autoptr(AffRiskSummary) all = aff_risk_register_summarize (reg, policy, 10, &error);
    g_autoptr(AffRiskSummary) none = NULL;
    const char *top6[] = { "RISK-2", "RISK-1", "RISK-8", "RISK-3", "RISK-4", "RISK-5", NULL };
    const char *top0[] = { NULL };

    g_assert_no_error (error);
    assert_top (all, top6);
    none = aff_risk_register_summarize (reg, policy, 0, &error);
    g_assert_no_error (error);
    assert_top (none, top0);
    g_assert_cmpuint (aff_risk_summary_get_n_open (none), ==, 6);
  }

  /* critical threshold 25: RISK-1 and RISK-8 (16) are HIGH (>= 10), only
   * RISK-2 (treated) stays CRITICAL */
  aff_policy_set_risk_critical_threshold (policy, 25);
  {
    g_autoptr(AffRiskSummary) summary = aff_risk_register_summarize (reg, policy, 2, &error);
    const char *top2[] = { "RISK-2", "RISK-1", NULL };

    g_assert_no_error (error);
    g_assert_cmpuint (aff_risk_summary_get_count (summary, AFF_RISK_BAND_CRITICAL), ==, 1);
    g_assert_cmpuint (aff_risk_summary_get_count (summary, AFF_RISK_BAND_HIGH), ==, 3);
    g_assert_cmpuint (aff_risk_summary_get_count (summary, AFF_RISK_BAND_MEDIUM), ==, 1);
    g_assert_cmpuint (aff_risk_summary_get_count (summary, AFF_RISK_BAND_LOW), ==, 1);
    g_assert_cmpuint (aff_risk_summary_get_n_untreated_critical (summary), ==, 0);
    g_assert_cmpint (aff_risk_summary_get_highest_band (summary), ==, AFF_RISK_BAND_CRITICAL);
    assert_top (summary, top2);
  }

  /* closing RISK-2: the highest open band is HIGH */
  aff_risk_set_status (aff_risk_register_lookup_risk (reg, "RISK-2"), AFF_RISK_STATUS_CLOSED);
  {
    g_autoptr(AffRiskSummary) summary = aff_risk_register_summarize (reg, policy, 1, &error);
    const char *top1[] = { "RISK-1", NULL };

    g_assert_no_error (error);
    g_assert_cmpuint (aff_risk_summary_get_n_open (summary), ==, 5);
    g_assert_cmpint (aff_risk_summary_get_highest_band (summary), ==, AFF_RISK_BAND_HIGH);
    assert_top (summary, top1);
    /* 500.00 + 0.08 */
    g_assert_cmpint (aff_money_get_minor (aff_risk_summary_get_expected_exposure (summary)), ==, 50008);
  }
}

static void
test_summarize_empty_and_currency (void)
{
  g_autoptr(AffPolicy) policy = aff_policy_new ();
  g_autoptr(GError) error = NULL;

  /* empty register: LOW, zero in the policy currency */
  {
    g_autoptr(AffRiskRegister) reg = aff_risk_register_new ();
    g_autoptr(AffRiskSummary) summary = aff_risk_register_summarize (reg, policy, 5, &error);
    const char *top0[] = { NULL };
    const AffMoney *exposure;

    g_assert_no_error (error);
    g_assert_cmpuint (aff_risk_summary_get_n_open (summary), ==, 0);
    for (int band = AFF_RISK_BAND_LOW; band <= AFF_RISK_BAND_CRITICAL; band++)
      g_assert_cmpuint (aff_risk_summary_get_count (summary, band), ==, 0);
    g_assert_cmpint (aff_risk_summary_get_highest_band (summary), ==, AFF_RISK_BAND_LOW);
    g_assert_cmpuint (aff_risk_summary_get_n_untreated_critical (summary), ==, 0);
    assert_top (summary, top0);
    exposure = aff_risk_summary_get_expected_exposure (summary);
    g_assert_nonnull (exposure);
    g_assert_true (aff_money_is_zero (exposure));
    g_assert_cmpstr (aff_money_get_currency (exposure), ==, "EUR");
  }

  /* only closed risks, or open ones without figures: LOW, zero */
  {
    g_autoptr(AffRiskRegister) reg = aff_risk_register_new ();
    g_autoptr(AffRiskSummary) summary = NULL;

    add_full (reg, 5, 5, AFF_RISK_TREATMENT_NONE, AFF_RISK_STATUS_CLOSED, 100000, 50);
    add_full (reg, 1, 2, AFF_RISK_TREATMENT_NONE, AFF_RISK_STATUS_OPEN, 100000, -1);
    summary = aff_risk_register_summarize (reg, policy, 5, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (aff_risk_summary_get_n_open (summary), ==, 1);
    g_assert_cmpint (aff_risk_summary_get_highest_band (summary), ==, AFF_RISK_BAND_LOW);
    g_assert_cmpuint (aff_risk_summary_get_n_untreated_critical (summary), ==, 0);
    g_assert_true (aff_money_is_zero (aff_risk_summary_get_expected_exposure (summary)));
    g_assert_cmpstr (aff_money_get_currency (aff_risk_summary_get_expected_exposure (summary)), ==, "EUR");
  }

  /* an open risk valued in USD under a EUR policy: CURRENCY_MISMATCH */
  {
    g_autoptr(AffRiskRegister) reg = aff_risk_register_new ();
    AffRisk *usd;
    AffRiskSummary *summary;

    add_full (reg, 2, 2, AFF_RISK_TREATMENT_NONE, AFF_RISK_STATUS_OPEN, 100000, 50);
    usd = add_full (reg, 2, 2, AFF_RISK_TREATMENT_NONE, AFF_RISK_STATUS_OPEN, -1, 50);
    set_exposure (usd, 100000, "USD");
    summary = aff_risk_register_summarize (reg, policy, 5, &error);
    g_assert_null (summary);
    g_assert_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH);
    g_clear_error (&error);

    /* without a percent it does not count */
    aff_risk_set_probability_percent (usd, -1);
    summary = aff_risk_register_summarize (reg, policy, 5, &error);
    g_assert_no_error (error);
    g_assert_cmpint (aff_money_get_minor (aff_risk_summary_get_expected_exposure (summary)), ==, 50000);
    aff_risk_summary_free (summary);

    /* closed, it does not count either */
    aff_risk_set_probability_percent (usd, 50);
    aff_risk_set_status (usd, AFF_RISK_STATUS_CLOSED);
    summary = aff_risk_register_summarize (reg, policy, 5, &error);
    g_assert_no_error (error);
    g_assert_cmpint (aff_money_get_minor (aff_risk_summary_get_expected_exposure (summary)), ==, 50000);
    aff_risk_summary_free (summary);

    /* a USD policy with the EUR risk open: mismatch again */
    g_assert_true (aff_policy_set_currency (policy, "USD", &error));
    g_assert_no_error (error);
    summary = aff_risk_register_summarize (reg, policy, 5, &error);
    g_assert_null (summary);
    g_assert_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH);
    g_clear_error (&error);

    /* USD policy, only the USD risk open: 1 000.00 USD x 50 % */
    aff_risk_set_status (aff_risk_register_lookup_risk (reg, "RISK-1"), AFF_RISK_STATUS_CLOSED);
    aff_risk_set_status (usd, AFF_RISK_STATUS_OPEN);
    summary = aff_risk_register_summarize (reg, policy, 5, &error);
    g_assert_no_error (error);
    g_assert_cmpint (aff_money_get_minor (aff_risk_summary_get_expected_exposure (summary)), ==, 50000);
    g_assert_cmpstr (aff_money_get_currency (aff_risk_summary_get_expected_exposure (summary)), ==, "USD");
    aff_risk_summary_free (summary);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/risk/new", test_new);
  g_test_add_func ("/risk/bands", test_bands);
  g_test_add_func ("/risk/expected-value", test_expected_value);
  g_test_add_func ("/risk/register", test_register);
  g_test_add_func ("/risk/summarize", test_summarize);
  g_test_add_func ("/risk/summarize-empty-and-currency", test_summarize_empty_and_currency);

  return g_test_run ();
}
