/* test-solvency.c: AffSolvency, Altman scores, ratings and staleness
 *
 * Every expected value is worked out by hand from the contract
 * (docs/rules.md, "Solvency"); the arithmetic is next to each case.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <affaires.h>

#include "test-util.h"

#define MISSING G_MININT64
#define EPSILON 1e-9

/* whole units of a currency */
static AffMoney *
money (gint64      units,
       const char *currency)
{
  g_autoptr(GError) error = NULL;
  AffMoney *m = aff_money_new (units * 100, currency, &error);

  g_assert_no_error (error);
  return m;
}

static void
set_figure (AffSolvency *s,
            void       (*setter) (AffSolvency *, const AffMoney *),
            gint64       units)
{
  g_autoptr(AffMoney) m = NULL;

  if (units == MISSING)
    return;
  m = money (units, "EUR");
  setter (s, m);
}

/* Figures in whole euros; MISSING leaves the figure unset. */
static AffSolvency *
assessment (const GDate   *date,
            AffAltmanModel model,
            gint64 wc, gint64 re, gint64 ebit, gint64 equity,
            gint64 liabilities, gint64 assets, gint64 sales)
{
  AffSolvency *s = aff_solvency_new (date);

  aff_solvency_set_model (s, model);
  set_figure (s, aff_solvency_set_working_capital, wc);
  set_figure (s, aff_solvency_set_retained_earnings, re);
  set_figure (s, aff_solvency_set_ebit, ebit);
  set_figure (s, aff_solvency_set_book_equity, equity);
  set_figure (s, aff_solvency_set_total_liabilities, liabilities);
  set_figure (s, aff_solvency_set_total_assets, assets);
  set_figure (s, aff_solvency_set_sales, sales);
  return s;
}

static double
score_of (AffSolvency *s)
{
  g_autoptr(GError) error = NULL;
  double score = -1000.0;

  g_assert_true (aff_solvency_compute_score (s, &score, &error));
  g_assert_no_error (error);
  return score;
}

static AffSolvencyRating
zone_of (AffSolvency *s)
{
  g_autoptr(GError) error = NULL;
  AffSolvencyRating zone = 99;

  g_assert_true (aff_solvency_compute_zone (s, &zone, &error));
  g_assert_no_error (error);
  return zone;
}

static AffSolvencyRating
rating_of (AffSolvency *s,
           AffPolicy   *policy)
{
  g_autoptr(GError) error = NULL;
  AffSolvencyRating rating = 99;

  g_assert_true (aff_solvency_compute_rating (s, policy, &rating, &error));
  g_assert_no_error (error);
  return rating;
}

/* ---------------------------------------------------------------------- */

static void
test_defaults (void)
{
  g_autoptr(GDate) date = day (2026, 1, 15);
  g_autoptr(AffSolvency) s = aff_solvency_new (date);

  assert_date (aff_solvency_get_date (s), 2026, 1, 15);
  g_assert_cmpint (aff_solvency_get_model (s), ==, AFF_ALTMAN_MODEL_AUTO);
  g_assert_null (aff_solvency_get_working_capital (s));
  g_assert_null (aff_solvency_get_retained_earnings (s));
  g_assert_null (aff_solvency_get_ebit (s));
  g_assert_null (aff_solvency_get_book_equity (s));
  g_assert_null (aff_solvency_get_total_liabilities (s));
  g_assert_null (aff_solvency_get_total_assets (s));
  g_assert_null (aff_solvency_get_sales (s));
  g_assert_cmpint (aff_solvency_get_dso_days (s), ==, -1);
  g_assert_cmpint (aff_solvency_get_average_days_late (s), ==, -1);
  g_assert_cmpint (aff_solvency_get_payment_incidents (s), ==, -1);
  g_assert_null (aff_solvency_get_validated_by (s));

  aff_solvency_set_validated_by (s, "Claire (finance)");
  g_assert_cmpstr (aff_solvency_get_validated_by (s), ==, "Claire (finance)");
  aff_solvency_set_dso_days (s, 75);
  g_assert_cmpint (aff_solvency_get_dso_days (s), ==, 75);
  aff_solvency_set_average_days_late (s, 12);
  g_assert_cmpint (aff_solvency_get_average_days_late (s), ==, 12);
  aff_solvency_set_payment_incidents (s, 1);
  g_assert_cmpint (aff_solvency_get_payment_incidents (s), ==, 1);
  {
    g_autoptr(AffMoney) m = money (123, "EUR");

    aff_solvency_set_sales (s, m);
    g_assert_cmpint (aff_money_get_minor (aff_solvency_get_sales (s)), ==, 12300);
    g_assert_cmpstr (aff_money_get_currency (aff_solvency_get_sales (s)), ==, "EUR");
    aff_solvency_set_sales (s, NULL);
    g_assert_null (aff_solvency_get_sales (s));
  }
}

/* Round figures (euros): TA 1 000 000, WC 200 000, RE 300 000, EBIT 100 000,
 * equity 400 000, TL 500 000, sales 1 500 000.
 *   X1 = 200 000 / 1 000 000 = 0.2
 *   X2 = 300 000 / 1 000 000 = 0.3
 *   X3 = 100 000 / 1 000 000 = 0.1
 *   X4 = 400 000 /   500 000 = 0.8
 *   X5 = 1 500 000 / 1 000 000 = 1.5
 *   Z'  = 0.717*0.2 + 0.847*0.3 + 3.107*0.1 + 0.420*0.8 + 0.998*1.5
 *       = 0.1434 + 0.2541 + 0.3107 + 0.336 + 1.497 = 2.5412  -> GREY (1.23..2.9)
 *   Z'' = 6.56*0.2 + 3.26*0.3 + 6.72*0.1 + 1.05*0.8
 *       = 1.312 + 0.978 + 0.672 + 0.84 = 3.802             -> SAFE (> 2.6)
 */
static void
test_ratios_and_scores (void)
{
  g_autoptr(GDate) date = day (2026, 1, 15);
  g_autoptr(AffSolvency) s = assessment (date, AFF_ALTMAN_MODEL_Z_PRIME,
                                         200000, 300000, 100000, 400000, 500000, 1000000, 1500000);
  const double expected[] = { 0.2, 0.3, 0.1, 0.8, 1.5 };
  g_autoptr(GError) error = NULL;

  for (guint i = 1; i <= 5; i++)
    {
      double ratio = -1.0;

      g_test_message ("X%u", i);
      g_assert_true (aff_solvency_compute_ratio (s, i, &ratio, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (ratio, expected[i - 1], EPSILON);
    }

  g_assert_cmpfloat_with_epsilon (score_of (s), 2.5412, EPSILON);
  g_assert_cmpint (zone_of (s), ==, AFF_SOLVENCY_RATING_GREY);

  aff_solvency_set_model (s, AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME);
  g_assert_cmpint (aff_solvency_get_model (s), ==, AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME);
  g_assert_cmpfloat_with_epsilon (score_of (s), 3.802, EPSILON);
  g_assert_cmpint (zone_of (s), ==, AFF_SOLVENCY_RATING_SAFE);

  /* sales 2 000 000: X5 = 2 -> Z' = 2.5412 - 1.497 + 1.996 = 3.0402 -> SAFE */
  aff_solvency_set_model (s, AFF_ALTMAN_MODEL_Z_PRIME);
  set_figure (s, aff_solvency_set_sales, 2000000);
  g_assert_cmpfloat_with_epsilon (score_of (s), 3.0402, EPSILON);
  g_assert_cmpint (zone_of (s), ==, AFF_SOLVENCY_RATING_SAFE);

  /* negative figures: WC -300 000, RE -200 000, EBIT -50 000, equity 100 000,
   * TL 900 000, TA 1 000 000, sales 500 000:
   *   X = -0.3, -0.2, -0.05, 1/9, 0.5
   *   Z' = -0.2151 - 0.1694 - 0.15535 + 0.42/9 + 0.499
   *      = -0.04085 + 0.046666... = 0.005816... -> DISTRESS */
  {
    g_autoptr(AffSolvency) weak = assessment (date, AFF_ALTMAN_MODEL_Z_PRIME,
                                              -300000, -200000, -50000, 100000, 900000, 1000000, 500000);

    g_assert_cmpfloat_with_epsilon (score_of (weak), -0.04085 + 0.42 / 9.0, EPSILON);
    g_assert_cmpint (zone_of (weak), ==, AFF_SOLVENCY_RATING_DISTRESS);
  }

  /* AUTO is not a model one can score with */
  aff_solvency_set_model (s, AFF_ALTMAN_MODEL_AUTO);
  {
    double score = 0.0;
    AffSolvencyRating zone;

    g_assert_false (aff_solvency_compute_score (s, &score, &error));
    g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_ASSESSABLE);
    g_clear_error (&error);
    g_assert_false (aff_solvency_compute_zone (s, &zone, &error));
    g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_ASSESSABLE);
    g_clear_error (&error);
  }
  /* ratios do not need a model */
  {
    double ratio = 0.0;

    g_assert_true (aff_solvency_compute_ratio (s, 5, &ratio, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat_with_epsilon (ratio, 2.0, EPSILON);
  }
}

typedef struct
{
  const char       *what;
  AffAltmanModel    model;
  gint64            wc, re, ebit, equity, liabilities, assets, sales;
  double            score;
  AffSolvencyRating zone;
} ZoneCase;

/* TA = TL = 1 000 000 euros throughout, so every ratio is figure / 10^6.
 * A change of 1 000 euros of working capital moves X1 by 0.001: Z' by
 * 0.000717, Z'' by 0.00656. */
static const ZoneCase zone_cases[] = {
  /* Z' = 0.847*1.68 + 0.998*1.48 = 1.42296 + 1.47704 = 2.9 exactly: GREY */
  { "Z' at 2.9", AFF_ALTMAN_MODEL_Z_PRIME, 0, 1680000, 0, 0, 1000000, 1000000, 1480000, 2.9, AFF_SOLVENCY_RATING_GREY },
  /* X1 = 0.001: 2.9 + 0.000717 = 2.900717: SAFE */
  { "Z' above 2.9", AFF_ALTMAN_MODEL_Z_PRIME, 1000, 1680000, 0, 0, 1000000, 1000000, 1480000, 2.900717, AFF_SOLVENCY_RATING_SAFE },
  /* X1 = -0.001: 2.899283: GREY */
  { "Z' below 2.9", AFF_ALTMAN_MODEL_Z_PRIME, -1000, 1680000, 0, 0, 1000000, 1000000, 1480000, 2.899283, AFF_SOLVENCY_RATING_GREY },
  /* Z' = 0.717*1.2 + 0.420*0.88 = 0.8604 + 0.3696 = 1.23 exactly: GREY */
  { "Z' at 1.23", AFF_ALTMAN_MODEL_Z_PRIME, 1200000, 0, 0, 880000, 1000000, 1000000, 0, 1.23, AFF_SOLVENCY_RATING_GREY },
  /* X1 = 1.201: 1.23 + 0.000717 = 1.230717: GREY */
  { "Z' above 1.23", AFF_ALTMAN_MODEL_Z_PRIME, 1201000, 0, 0, 880000, 1000000, 1000000, 0, 1.230717, AFF_SOLVENCY_RATING_GREY },
  /* X1 = 1.199: 1.229283: DISTRESS */
  { "Z' below 1.23", AFF_ALTMAN_MODEL_Z_PRIME, 1199000, 0, 0, 880000, 1000000, 1000000, 0, 1.229283, AFF_SOLVENCY_RATING_DISTRESS },
  /* Z'' = 6.56*0.13 + 6.72*0.26 = 0.8528 + 1.7472 = 2.6 exactly: GREY */
  { "Z'' at 2.6", AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME, 130000, 0, 260000, 0, 1000000, 1000000, MISSING, 2.6, AFF_SOLVENCY_RATING_GREY },
  /* X1 = 0.131: 2.6 + 0.00656 = 2.60656: SAFE */
  { "Z'' above 2.6", AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME, 131000, 0, 260000, 0, 1000000, 1000000, MISSING, 2.60656, AFF_SOLVENCY_RATING_SAFE },
  /* X1 = 0.129: 2.59344: GREY */
  { "Z'' below 2.6", AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME, 129000, 0, 260000, 0, 1000000, 1000000, MISSING, 2.59344, AFF_SOLVENCY_RATING_GREY },
  /* Z'' = 6.56*(-0.05) + 1.05*1.36 = -0.328 + 1.428 = 1.1 exactly: GREY */
  { "Z'' at 1.1", AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME, -50000, 0, 0, 1360000, 1000000, 1000000, MISSING, 1.1, AFF_SOLVENCY_RATING_GREY },
  /* X1 = -0.049: 1.1 + 0.00656 = 1.10656: GREY */
  { "Z'' above 1.1", AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME, -49000, 0, 0, 1360000, 1000000, 1000000, MISSING, 1.10656, AFF_SOLVENCY_RATING_GREY },
  /* X1 = -0.051: 1.09344: DISTRESS */
  { "Z'' below 1.1", AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME, -51000, 0, 0, 1360000, 1000000, 1000000, MISSING, 1.09344, AFF_SOLVENCY_RATING_DISTRESS },
  /* the Z' thresholds do not apply to Z'': the Z' 2.9 figures under Z''
   * give 3.26*1.68 = 5.4768 (sales ignored): SAFE */
  { "Z'' of the Z' figures", AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME, 0, 1680000, 0, 0, 1000000, 1000000, 1480000, 5.4768, AFF_SOLVENCY_RATING_SAFE },
  /* and Z'' 2.6 under Z' (sales 0): 0.717*0.13 + 3.107*0.26 = 0.09321 + 0.80782
   * = 0.90103: DISTRESS */
  { "Z' of the Z'' figures", AFF_ALTMAN_MODEL_Z_PRIME, 130000, 0, 260000, 0, 1000000, 1000000, 0, 0.90103, AFF_SOLVENCY_RATING_DISTRESS },
};

static void
test_zone_boundaries (void)
{
  g_autoptr(GDate) date = day (2026, 1, 15);

  for (gsize i = 0; i < G_N_ELEMENTS (zone_cases); i++)
    {
      const ZoneCase *c = &zone_cases[i];
      g_autoptr(AffSolvency) s = assessment (date, c->model, c->wc, c->re, c->ebit, c->equity,
                                             c->liabilities, c->assets, c->sales);

      g_test_message ("%s", c->what);
      g_assert_cmpfloat_with_epsilon (score_of (s), c->score, EPSILON);
      g_assert_cmpint (zone_of (s), ==, c->zone);
    }
}

static void
assert_not_assessable (AffSolvency *s)
{
  g_autoptr(GError) error = NULL;
  double score = 0.0;
  AffSolvencyRating zone;
  g_autoptr(AffPolicy) policy = aff_policy_new ();

  g_assert_false (aff_solvency_compute_score (s, &score, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_ASSESSABLE);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);
  g_assert_false (aff_solvency_compute_zone (s, &zone, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_ASSESSABLE);
  g_clear_error (&error);
  g_assert_false (aff_solvency_compute_rating (s, policy, &zone, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_ASSESSABLE);
  g_clear_error (&error);
}

static void
test_not_assessable (void)
{
  g_autoptr(GDate) date = day (2026, 1, 15);
  g_autoptr(GError) error = NULL;
  /* the ratio each figure feeds (0: several) */
  static const struct { const char *figure; guint ratio; } figures[] = {
    { "working capital", 1 }, { "retained earnings", 2 }, { "EBIT", 3 },
    { "book equity", 4 }, { "total liabilities", 4 }, { "total assets", 0 }, { "sales", 5 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      gint64 f[7] = { 200000, 300000, 100000, 400000, 500000, 1000000, 1500000 };
      g_autoptr(AffSolvency) s = NULL;
      double ratio = 0.0;

      g_test_message ("missing %s", figures[i].figure);
      f[i] = MISSING;
      s = assessment (date, AFF_ALTMAN_MODEL_Z_PRIME, f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
      assert_not_assessable (s);

      if (figures[i].ratio != 0)
        {
          g_assert_false (aff_solvency_compute_ratio (s, figures[i].ratio, &ratio, &error));
          g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_ASSESSABLE);
          g_clear_error (&error);
        }
      else
        {
          /* total assets feeds X1, X2, X3 and X5, not X4 */
          for (guint r = 1; r <= 5; r++)
            {
              if (r == 4)
                {
                  g_assert_true (aff_solvency_compute_ratio (s, r, &ratio, &error));
                  g_assert_no_error (error);
                  g_assert_cmpfloat_with_epsilon (ratio, 0.8, EPSILON);
                  continue;
                }
              g_assert_false (aff_solvency_compute_ratio (s, r, &ratio, &error));
              g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_ASSESSABLE);
              g_clear_error (&error);
            }
        }

      /* Z'' needs every figure but sales */
      aff_solvency_set_model (s, AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME);
      if (i == 6)
        {
          /* Z'' without sales: 3.802 as in test_ratios_and_scores */
          g_assert_cmpfloat_with_epsilon (score_of (s), 3.802, EPSILON);
          g_assert_cmpint (zone_of (s), ==, AFF_SOLVENCY_RATING_SAFE);
        }
      else
        assert_not_assessable (s);
    }

  /* total assets 0 or negative, total liabilities 0 or negative */
  {
    static const struct { gint64 liabilities, assets; guint bad_ratio; } zeroes[] = {
      { 500000, 0, 1 }, { 500000, -1000000, 3 }, { 0, 1000000, 4 }, { -500000, 1000000, 4 },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (zeroes); i++)
      {
        g_autoptr(AffSolvency) s = assessment (date, AFF_ALTMAN_MODEL_Z_PRIME, 200000, 300000, 100000, 400000,
                                               zeroes[i].liabilities, zeroes[i].assets, 1500000);
        double ratio = 0.0;

        g_test_message ("TL %" G_GINT64_FORMAT " TA %" G_GINT64_FORMAT, zeroes[i].liabilities, zeroes[i].assets);
        g_assert_false (aff_solvency_compute_ratio (s, zeroes[i].bad_ratio, &ratio, &error));
        g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_ASSESSABLE);
        g_clear_error (&error);
        assert_not_assessable (s);
        aff_solvency_set_model (s, AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME);
        assert_not_assessable (s);
      }
  }
}

static void
test_currency_and_index (void)
{
  g_autoptr(GDate) date = day (2026, 1, 15);
  g_autoptr(AffSolvency) s = assessment (date, AFF_ALTMAN_MODEL_Z_PRIME,
                                         200000, 300000, 100000, 400000, 500000, 1000000, 1500000);
  g_autoptr(AffMoney) usd = money (200000, "USD");
  g_autoptr(GError) error = NULL;
  double ratio = 0.0, score = 0.0;
  AffSolvencyRating zone;

  /* index outside 1..5 */
  g_assert_false (aff_solvency_compute_ratio (s, 0, &ratio, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (aff_solvency_compute_ratio (s, 6, &ratio, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* working capital in USD, total assets in EUR */
  aff_solvency_set_working_capital (s, usd);
  g_assert_false (aff_solvency_compute_ratio (s, 1, &ratio, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH);
  g_clear_error (&error);
  /* X2 does not involve it */
  g_assert_true (aff_solvency_compute_ratio (s, 2, &ratio, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (ratio, 0.3, EPSILON);
  g_assert_false (aff_solvency_compute_score (s, &score, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH);
  g_clear_error (&error);
  g_assert_false (aff_solvency_compute_zone (s, &zone, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH);
  g_clear_error (&error);

  /* equity and liabilities in USD, the rest in EUR: each ratio is within one currency */
  {
    g_autoptr(AffSolvency) t = assessment (date, AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME,
                                           200000, 300000, 100000, MISSING, MISSING, 1000000, MISSING);
    g_autoptr(AffMoney) equity = money (400000, "USD");
    g_autoptr(AffMoney) liabilities = money (500000, "USD");

    aff_solvency_set_book_equity (t, equity);
    aff_solvency_set_total_liabilities (t, liabilities);
    g_assert_true (aff_solvency_compute_ratio (t, 4, &ratio, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat_with_epsilon (ratio, 0.8, EPSILON);
    /* X1 mixes nothing either: 200 000 / 1 000 000 */
    g_assert_true (aff_solvency_compute_ratio (t, 1, &ratio, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat_with_epsilon (ratio, 0.2, EPSILON);
  }

  /* all in USD: fine */
  {
    g_autoptr(AffSolvency) t = aff_solvency_new (date);
    const gint64 f[] = { 200000, 300000, 100000, 400000, 500000, 1000000 };
    void (*setters[]) (AffSolvency *, const AffMoney *) = {
      aff_solvency_set_working_capital, aff_solvency_set_retained_earnings, aff_solvency_set_ebit,
      aff_solvency_set_book_equity, aff_solvency_set_total_liabilities, aff_solvency_set_total_assets,
    };

    for (gsize i = 0; i < G_N_ELEMENTS (f); i++)
      {
        g_autoptr(AffMoney) m = money (f[i], "USD");
        setters[i] (t, m);
      }
    aff_solvency_set_model (t, AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME);
    g_assert_cmpfloat_with_epsilon (score_of (t), 3.802, EPSILON);
  }
}

static void
test_model_for_sector (void)
{
  static const struct { const char *naf; AffAltmanModel model; } cases[] = {
    { "10.11A", AFF_ALTMAN_MODEL_Z_PRIME },          /* division 10: first of section C */
    { "33.20Z", AFF_ALTMAN_MODEL_Z_PRIME },          /* division 33: last of section C */
    { "28.29B", AFF_ALTMAN_MODEL_Z_PRIME },
    { "09.90Z", AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME },   /* mining support, section B */
    { "34.00Z", AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME },   /* no such division, but well-formed */
    { "45.20A", AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME },   /* car repair, section G */
    { "71.12B", AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME },
    { NULL, AFF_ALTMAN_MODEL_AUTO },
    { "bad", AFF_ALTMAN_MODEL_AUTO },
    { "", AFF_ALTMAN_MODEL_AUTO },
    { "2829B", AFF_ALTMAN_MODEL_AUTO },
    { "28.29", AFF_ALTMAN_MODEL_AUTO },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("NAF %s", cases[i].naf ? cases[i].naf : "(null)");
      g_assert_cmpint (aff_altman_model_for_sector (cases[i].naf), ==, cases[i].model);
    }
}

/* Rating: SAFE figures (Z'' 3.802), downgraded once per breach.
 * Defaults: max_dso_days 90, max_average_days_late 30, max_payment_incidents 2. */
static void
test_rating (void)
{
  g_autoptr(GDate) date = day (2026, 1, 15);
  g_autoptr(AffPolicy) policy = aff_policy_new ();
  static const struct {
    int dso, late, incidents;
    AffSolvencyRating from_safe, from_grey;
  } cases[] = {
    { -1, -1, -1, AFF_SOLVENCY_RATING_SAFE, AFF_SOLVENCY_RATING_GREY },            /* unknown: no breach */
    { 90, 30, 2, AFF_SOLVENCY_RATING_SAFE, AFF_SOLVENCY_RATING_GREY },             /* at the limits */
    { 0, 0, 0, AFF_SOLVENCY_RATING_SAFE, AFF_SOLVENCY_RATING_GREY },
    { 91, -1, -1, AFF_SOLVENCY_RATING_GREY, AFF_SOLVENCY_RATING_DISTRESS },        /* one breach each */
    { -1, 31, -1, AFF_SOLVENCY_RATING_GREY, AFF_SOLVENCY_RATING_DISTRESS },
    { -1, -1, 3, AFF_SOLVENCY_RATING_GREY, AFF_SOLVENCY_RATING_DISTRESS },
    { 91, 31, 2, AFF_SOLVENCY_RATING_DISTRESS, AFF_SOLVENCY_RATING_DISTRESS },     /* two */
    { 90, 31, 3, AFF_SOLVENCY_RATING_DISTRESS, AFF_SOLVENCY_RATING_DISTRESS },
    { 200, 100, 10, AFF_SOLVENCY_RATING_DISTRESS, AFF_SOLVENCY_RATING_DISTRESS },  /* three: not below */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AffSolvency) safe = assessment (date, AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME,
                                                200000, 300000, 100000, 400000, 500000, 1000000, MISSING);
      /* the Z' 2.5412 figures: GREY */
      g_autoptr(AffSolvency) grey = assessment (date, AFF_ALTMAN_MODEL_Z_PRIME,
                                                200000, 300000, 100000, 400000, 500000, 1000000, 1500000);
      /* Z'' 1.09344: DISTRESS */
      g_autoptr(AffSolvency) distress = assessment (date, AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME,
                                                    -51000, 0, 0, 1360000, 1000000, 1000000, MISSING);
      AffSolvency *all[] = { safe, grey, distress };

      g_test_message ("dso %d late %d incidents %d", cases[i].dso, cases[i].late, cases[i].incidents);
      for (gsize j = 0; j < G_N_ELEMENTS (all); j++)
        {
          aff_solvency_set_dso_days (all[j], cases[i].dso);
          aff_solvency_set_average_days_late (all[j], cases[i].late);
          aff_solvency_set_payment_incidents (all[j], cases[i].incidents);
        }
      g_assert_cmpint (zone_of (safe), ==, AFF_SOLVENCY_RATING_SAFE);
      g_assert_cmpint (rating_of (safe, policy), ==, cases[i].from_safe);
      g_assert_cmpint (rating_of (grey, policy), ==, cases[i].from_grey);
      g_assert_cmpint (rating_of (distress, policy), ==, AFF_SOLVENCY_RATING_DISTRESS);
    }

  /* the policy sets the limits */
  {
    g_autoptr(AffSolvency) s = assessment (date, AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME,
                                           200000, 300000, 100000, 400000, 500000, 1000000, MISSING);

    aff_solvency_set_dso_days (s, 45);
    aff_solvency_set_average_days_late (s, 10);
    aff_solvency_set_payment_incidents (s, 1);
    g_assert_cmpint (rating_of (s, policy), ==, AFF_SOLVENCY_RATING_SAFE);
    aff_policy_set_max_dso_days (policy, 45);
    g_assert_cmpint (rating_of (s, policy), ==, AFF_SOLVENCY_RATING_SAFE);
    aff_policy_set_max_dso_days (policy, 44);                 /* 45 > 44 */
    g_assert_cmpint (rating_of (s, policy), ==, AFF_SOLVENCY_RATING_GREY);
    aff_policy_set_max_average_days_late (policy, 9);          /* 10 > 9 */
    g_assert_cmpint (rating_of (s, policy), ==, AFF_SOLVENCY_RATING_DISTRESS);
    aff_policy_set_max_dso_days (policy, 90);
    aff_policy_set_max_payment_incidents (policy, 0);          /* 1 > 0, with late 10 > 9 */
    g_assert_cmpint (rating_of (s, policy), ==, AFF_SOLVENCY_RATING_DISTRESS);
    aff_policy_set_max_average_days_late (policy, 30);
    g_assert_cmpint (rating_of (s, policy), ==, AFF_SOLVENCY_RATING_GREY);
  }
}

static void
test_stale (void)
{
  g_autoptr(GDate) assessed = day (2025, 1, 1);
  g_autoptr(AffSolvency) s = aff_solvency_new (assessed);
  g_autoptr(AffPolicy) policy = aff_policy_new ();
  g_autoptr(GDate) same = day (2025, 1, 1);
  g_autoptr(GDate) at_max = day (2026, 1, 1);         /* 365 days later */
  g_autoptr(GDate) past_max = day (2026, 1, 2);       /* 366 */
  g_autoptr(GDate) before = day (2024, 6, 1);         /* assessed after this date */
  g_autoptr(GDate) day30 = day (2025, 1, 31);         /* 30 days later */
  g_autoptr(GDate) day31 = day (2025, 2, 1);          /* 31 */

  g_assert_cmpuint (aff_policy_get_solvency_max_age_days (policy), ==, 365);
  g_assert_false (aff_solvency_is_stale (s, policy, same));
  g_assert_false (aff_solvency_is_stale (s, policy, at_max));
  g_assert_true (aff_solvency_is_stale (s, policy, past_max));
  g_assert_false (aff_solvency_is_stale (s, policy, before));

  aff_policy_set_solvency_max_age_days (policy, 30);
  g_assert_false (aff_solvency_is_stale (s, policy, day30));
  g_assert_true (aff_solvency_is_stale (s, policy, day31));
  g_assert_true (aff_solvency_is_stale (s, policy, at_max));

  aff_policy_set_solvency_max_age_days (policy, 0);
  g_assert_false (aff_solvency_is_stale (s, policy, same));
  g_assert_true (aff_solvency_is_stale (s, policy, day30));
}

/* ---------------------------------------------------------------------- */

static AffPortfolio *
new_portfolio (void)
{
  AffPortfolio *portfolio = aff_portfolio_new ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 1, 10, 9, 0, 0);

  aff_portfolio_set_fixed_time (portfolio, now);
  aff_portfolio_set_actor (portfolio, "alice");
  return portfolio;
}

static void
test_client_solvencies (void)
{
  g_autoptr(AffPortfolio) portfolio = new_portfolio ();
  g_autoptr(AffClient) client = aff_client_new ("acme", "Acme");
  AffJournal *journal = aff_portfolio_get_journal (portfolio);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) d2025 = day (2025, 6, 1);
  g_autoptr(GDate) d2024 = day (2024, 6, 1);
  g_autoptr(AffSolvency) later = assessment (d2025, AFF_ALTMAN_MODEL_AUTO,
                                             200000, 300000, 100000, 400000, 500000, 1000000, 1500000);
  g_autoptr(AffSolvency) earlier = assessment (d2024, AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME,
                                               200000, 300000, 100000, 400000, 500000, 1000000, MISSING);
  GListModel *list;
  guint n;

  g_assert_true (aff_portfolio_add_client (portfolio, client, &error));
  g_assert_no_error (error);
  list = aff_client_get_solvencies (client);
  g_assert_true (g_list_model_get_item_type (list) == AFF_TYPE_SOLVENCY);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  {
    g_autoptr(GDate) any = day (2026, 1, 1);
    g_assert_null (aff_client_get_current_solvency (client, any));
  }

  /* AUTO without a sector: refused, nothing journaled */
  n = aff_journal_get_n_entries (journal);
  g_assert_false (aff_client_add_solvency (client, later, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n);
  g_assert_cmpint (aff_solvency_get_model (later), ==, AFF_ALTMAN_MODEL_AUTO);

  /* with a manufacturing sector AUTO becomes Z' */
  g_assert_true (aff_client_set_sector (client, "28.29B", &error));
  g_assert_no_error (error);
  n = aff_journal_get_n_entries (journal);
  g_assert_true (aff_client_add_solvency (client, later, &error));
  g_assert_no_error (error);
  g_assert_cmpint (aff_solvency_get_model (later), ==, AFF_ALTMAN_MODEL_Z_PRIME);
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n + 1);
  {
    AffJournalEntry *entry = aff_journal_get_entry (journal, n);

    g_assert_cmpstr (aff_journal_entry_get_entity_kind (entry), ==, "client");
    g_assert_cmpstr (aff_journal_entry_get_entity_id (entry), ==, "acme");
    g_assert_cmpstr (aff_journal_entry_get_action (entry), ==, "solvency-added");
    g_assert_cmpstr (aff_journal_entry_get_actor (entry), ==, "alice");
  }

  /* an explicit model is kept whatever the sector; it is added before the
   * first one in date order */
  g_assert_true (aff_client_add_solvency (client, earlier, &error));
  g_assert_no_error (error);
  g_assert_cmpint (aff_solvency_get_model (earlier), ==, AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME);
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n + 2);
  g_assert_cmpstr (aff_journal_entry_get_action (aff_journal_get_entry (journal, n + 1)), ==, "solvency-added");
  g_assert_true (aff_journal_verify (journal, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(AffSolvency) first = g_list_model_get_item (list, 0);
    g_autoptr(AffSolvency) second = g_list_model_get_item (list, 1);

    g_assert_true (first == earlier);
    g_assert_true (second == later);
  }

  {
    g_autoptr(GDate) d1 = day (2024, 5, 31);
    g_autoptr(GDate) d2 = day (2024, 6, 1);
    g_autoptr(GDate) d3 = day (2025, 5, 31);
    g_autoptr(GDate) d4 = day (2025, 6, 1);
    g_autoptr(GDate) d5 = day (2030, 1, 1);

    g_assert_null (aff_client_get_current_solvency (client, d1));
    g_assert_true (aff_client_get_current_solvency (client, d2) == earlier);
    g_assert_true (aff_client_get_current_solvency (client, d3) == earlier);
    g_assert_true (aff_client_get_current_solvency (client, d4) == later);
    g_assert_true (aff_client_get_current_solvency (client, d5) == later);
  }

  /* a client outside a portfolio takes assessments too */
  {
    g_autoptr(AffClient) loose = aff_client_new ("loose", "Loose");
    g_autoptr(AffSolvency) s = assessment (d2025, AFF_ALTMAN_MODEL_AUTO,
                                           200000, 300000, 100000, 400000, 500000, 1000000, MISSING);

    g_assert_true (aff_client_set_sector (loose, "71.12B", &error));
    g_assert_no_error (error);
    g_assert_true (aff_client_add_solvency (loose, s, &error));
    g_assert_no_error (error);
    g_assert_cmpint (aff_solvency_get_model (s), ==, AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME);
    g_assert_cmpuint (g_list_model_get_n_items (aff_client_get_solvencies (loose)), ==, 1);
  }
}

/* Once added, the figures are fixed: setting one is a programming error,
 * a critical warning, and nothing changes. */
static void
test_fixed_after_add (void)
{
  g_autoptr(AffClient) client = aff_client_new ("acme", "Acme");
  g_autoptr(GDate) date = day (2025, 6, 1);
  g_autoptr(AffSolvency) s = assessment (date, AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME,
                                         200000, 300000, 100000, 400000, 500000, 1000000, MISSING);
  g_autoptr(AffMoney) other = money (1, "EUR");
  g_autoptr(GError) error = NULL;

  /* before: free to change */
  aff_solvency_set_sales (s, other);
  aff_solvency_set_sales (s, NULL);
  g_assert_true (aff_client_add_solvency (client, s, &error));
  g_assert_no_error (error);

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*");
  aff_solvency_set_total_assets (s, other);
  g_test_assert_expected_messages ();
  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*");
  aff_solvency_set_working_capital (s, NULL);
  g_test_assert_expected_messages ();
  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*");
  aff_solvency_set_sales (s, other);
  g_test_assert_expected_messages ();

  g_assert_cmpint (aff_money_get_minor (aff_solvency_get_total_assets (s)), ==, 100000000);
  g_assert_cmpint (aff_money_get_minor (aff_solvency_get_working_capital (s)), ==, 20000000);
  g_assert_null (aff_solvency_get_sales (s));
  g_assert_cmpfloat_with_epsilon (score_of (s), 3.802, EPSILON);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/solvency/defaults", test_defaults);
  g_test_add_func ("/solvency/ratios-and-scores", test_ratios_and_scores);
  g_test_add_func ("/solvency/zone-boundaries", test_zone_boundaries);
  g_test_add_func ("/solvency/not-assessable", test_not_assessable);
  g_test_add_func ("/solvency/currency-and-index", test_currency_and_index);
  g_test_add_func ("/solvency/model-for-sector", test_model_for_sector);
  g_test_add_func ("/solvency/rating", test_rating);
  g_test_add_func ("/solvency/stale", test_stale);
  g_test_add_func ("/solvency/client", test_client_solvencies);
  g_test_add_func ("/solvency/fixed-after-add", test_fixed_after_add);

  return g_test_run ();
}
