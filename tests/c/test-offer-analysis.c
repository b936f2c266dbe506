/* test-offer-analysis.c: comparing two revisions (AffOfferRevision.compare,
 * AffRevisionDiff, AffLineDiff) and the pipeline of a portfolio
 * (AffPortfolio.compute_pipeline, AffPipeline).
 *
 * Every expected value is worked out by hand from docs/rules.md, "Comparing
 * revisions and the pipeline" (with "Revisions" for the pricing). Amounts are
 * in minor units (cents for EUR). Default policy: overheads labour 3000,
 * material 1000, equipment 1000, subcontract 800, travel 500; floor margin 800.
 *
 * Revision A (standalone, default policy, EUR), margin rate 1500:
 *   labour      "Soudure TIG"      20 h x   60.00 = 120000  lot-1
 *   material    "Tubes inox DN50"  10 m x   50.00 =  50000  lot-1
 *   travel      "Déplacements"      3 d x   95.50 =  28650  no lot
 *   material    "Tubes inox DN50"   5 m x   52.00 =  26000  lot-1 (same key)
 *   subcontract "Radiographie"      1 lump 1500.00 = 150000  lot-2
 *   direct 374650; overheads labour 36000 + material 76000 x 0.10 = 7600
 *   + travel 1432.5 -> 1432 + subcontract 12000 = 57032; cost 431682;
 *   selling 4316820000 / 8500 = 507861.18 -> 507861; margin 76179;
 *   rate 761790000 / 507861 = 1499.99 -> 1500.
 * Revision B, margin rate 1200:
 *   labour      "Soudure TIG"      25 h x   60.00 = 150000  lot-1 (quantity changed)
 *   material    "Tubes inox DN50"  10 m x   50.00 =  50000  lot-1 (one line only)
 *   subcontract "Radiographie"      1 lump 1500.00 = 150000  lot-2
 *   labour      "Soudure TIG"       8 h x   60.00 =  48000  lot-2 (new key: other lot)
 *   equipment   "Nacelle"           2 d x  180.00 =  36000  lot-2 (added)
 *   ("Déplacements" removed)
 *   direct 434000; overheads labour 198000 x 0.30 = 59400 + material 5000
 *   + subcontract 12000 + equipment 3600 = 80000; cost 514000;
 *   selling 5140000000 / 8800 = 584090.91 -> 584091; margin 70091;
 *   rate 700910000 / 584091 = 1199.998 -> 1200.
 * B.compare(A): selling +76230, cost +82318, margin -6088, rate -300; lines:
 *   (Soudure TIG, labour, lot-1)   120000 -> 150000  +30000
 *   (Tubes inox DN50, material, lot-1) 76000 -> 50000 -26000
 *   (Déplacements, travel, none)    28650 -> none    -28650
 *   (Radiographie, subcontract, lot-2) 150000 -> 150000  0
 *   (Soudure TIG, labour, lot-2)     none -> 48000   +48000
 *   (Nacelle, equipment, lot-2)      none -> 36000   +36000
 *   (the deltas add up to the direct cost delta 59350)
 *
 * The pipeline portfolio: client acme, CONS-1..CONS-7 GO (deadline
 * 2026-04-15); every offer has one material line "Tubes" of 1 x unit cost,
 * validity 2026-06-30, sent 2026-04-01:
 *   OFF-1 SENT: 1000.00 -> cost 110000, margin 1200 -> 125000.
 *   OFF-2 NEGOTIATION: 2000.00 -> cost 220000; A at 2000 -> 275000 sent;
 *     draft B at 1200 -> 250000 (the current revision: counts).
 *   OFF-3 ACCEPTED: 4000.00 -> cost 440000; A at 1200 (500000) sent, B at
 *     2000 (550000) sent 2026-04-10, accepted 2026-04-20: won margin 2000.
 *   OFF-4 DECLINED: 1000.00 -> cost 110000; A at 1000: 1100000000 / 9000 =
 *     122222.2 -> 122222, rate 122220000 / 122222 = 999.98 -> 1000, sent;
 *     draft B at 500 (115789, rate 500) never sent; declined 2026-04-20:
 *     lost margin 1000 (the last revision sent).
 *   OFF-5 EXPIRED: 1000.00 at 3000 (157143), expired 2026-07-01.
 *   OFF-6 WITHDRAWN (sent, then withdrawn 2026-04-05).
 *   OFF-7 DRAFT (never sent).
 *   n_open 2, open_total 125000 + 250000 = 375000; hit rate 10000 x 1 / 3 =
 *   3333.3 -> 3333; weighted 375000 x 3333 / 10000 = 124987.5 -> 124988
 *   (half to even); average margin won 2000, lost 1000.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <affaires.h>

#include "test-offer-util.h"

/* --- fixtures ----------------------------------------------------------- */

static gint64
minor_in (const AffMoney *m,
          const char     *currency)
{
  g_assert_nonnull (m);
  g_assert_cmpstr (aff_money_get_currency (m), ==, currency);
  return aff_money_get_minor (m);
}

static gint64
minor (const AffMoney *m)
{
  return minor_in (m, "EUR");
}

static gint64
revision_minor (AffMoney *(*getter) (AffOfferRevision *, GError **),
                AffOfferRevision *rev)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffMoney) m = getter (rev, &error);

  g_assert_no_error (error);
  return minor (m);
}

static int
revision_rate (AffOfferRevision *rev)
{
  g_autoptr(GError) error = NULL;
  int rate = aff_offer_revision_get_margin_rate (rev, &error);

  g_assert_no_error (error);
  return rate;
}

static AffOfferRevision *
revision_a (AffPolicy *policy)
{
  AffOfferRevision *a = aff_offer_revision_new ("A", policy);

  add_cost_line (a, AFF_LINE_KIND_LABOUR, "Soudure TIG", "20", AFF_LINE_UNIT_HOUR, "60.00 EUR", "lot-1");
  add_cost_line (a, AFF_LINE_KIND_MATERIAL, "Tubes inox DN50", "10", AFF_LINE_UNIT_METRE, "50.00 EUR", "lot-1");
  add_cost_line (a, AFF_LINE_KIND_TRAVEL, "Déplacements", "3", AFF_LINE_UNIT_DAY, "95.50 EUR", NULL);
  add_cost_line (a, AFF_LINE_KIND_MATERIAL, "Tubes inox DN50", "5", AFF_LINE_UNIT_METRE, "52.00 EUR", "lot-1");
  add_cost_line (a, AFF_LINE_KIND_SUBCONTRACT, "Radiographie", "1", AFF_LINE_UNIT_LUMP_SUM, "1500.00 EUR", "lot-2");
  ASSERT_OK (aff_offer_revision_set_margin_rate (a, 1500, &error));
  return a;
}

static AffOfferRevision *
revision_b (AffPolicy *policy)
{
  AffOfferRevision *b = aff_offer_revision_new ("B", policy);

  add_cost_line (b, AFF_LINE_KIND_LABOUR, "Soudure TIG", "25", AFF_LINE_UNIT_HOUR, "60.00 EUR", "lot-1");
  add_cost_line (b, AFF_LINE_KIND_MATERIAL, "Tubes inox DN50", "10", AFF_LINE_UNIT_METRE, "50.00 EUR", "lot-1");
  add_cost_line (b, AFF_LINE_KIND_SUBCONTRACT, "Radiographie", "1", AFF_LINE_UNIT_LUMP_SUM, "1500.00 EUR", "lot-2");
  add_cost_line (b, AFF_LINE_KIND_LABOUR, "Soudure TIG", "8", AFF_LINE_UNIT_HOUR, "60.00 EUR", "lot-2");
  add_cost_line (b, AFF_LINE_KIND_EQUIPMENT, "Nacelle", "2", AFF_LINE_UNIT_DAY, "180.00 EUR", "lot-2");
  ASSERT_OK (aff_offer_revision_set_margin_rate (b, 1200, &error));
  return b;
}

#define NONE G_MININT64

static void
assert_line_diff (GPtrArray   *lines,
                  guint        i,
                  const char  *description,
                  AffLineKind  kind,
                  const char  *lot,
                  gint64       before,
                  gint64       after,
                  gint64       delta)
{
  AffLineDiff *d;

  g_assert_cmpuint (i, <, lines->len);
  d = g_ptr_array_index (lines, i);
  g_assert_nonnull (d);
  g_assert_cmpstr (aff_line_diff_get_description (d), ==, description);
  g_assert_cmpint (aff_line_diff_get_kind (d), ==, kind);
  g_assert_cmpstr (aff_line_diff_get_lot (d), ==, lot);
  if (before == NONE)
    g_assert_null (aff_line_diff_get_before (d));
  else
    g_assert_cmpint (minor (aff_line_diff_get_before (d)), ==, before);
  if (after == NONE)
    g_assert_null (aff_line_diff_get_after (d));
  else
    g_assert_cmpint (minor (aff_line_diff_get_after (d)), ==, after);
  g_assert_cmpint (minor (aff_line_diff_get_delta (d)), ==, delta);
}

static void
assert_totals (AffRevisionDiff *diff,
               gint64           selling,
               gint64           cost,
               gint64           margin,
               int              rate)
{
  g_assert_nonnull (diff);
  g_assert_cmpint (minor (aff_revision_diff_get_selling_delta (diff)), ==, selling);
  g_assert_cmpint (minor (aff_revision_diff_get_cost_delta (diff)), ==, cost);
  g_assert_cmpint (minor (aff_revision_diff_get_margin_delta (diff)), ==, margin);
  g_assert_cmpint (aff_revision_diff_get_margin_rate_delta (diff), ==, rate);
}

/* --- the fixture's pricing (the hand computation holds) ------------------- */

static void
test_fixture_pricing (void)
{
  g_autoptr(AffPolicy) policy = aff_policy_new ();
  g_autoptr(AffOfferRevision) a = revision_a (policy);
  g_autoptr(AffOfferRevision) b = revision_b (policy);

  g_assert_cmpint (revision_minor (aff_offer_revision_get_direct_cost, a), ==, 374650);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_overheads, a), ==, 57032);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_cost_price, a), ==, 431682);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_selling_price, a), ==, 507861);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_margin, a), ==, 76179);
  g_assert_cmpint (revision_rate (a), ==, 1500);

  g_assert_cmpint (revision_minor (aff_offer_revision_get_direct_cost, b), ==, 434000);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_overheads, b), ==, 80000);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_cost_price, b), ==, 514000);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_selling_price, b), ==, 584091);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_margin, b), ==, 70091);
  g_assert_cmpint (revision_rate (b), ==, 1200);
}

/* --- compare ---------------------------------------------------------------- */

static void
test_compare_b_from_a (void)
{
  g_autoptr(AffPolicy) policy = aff_policy_new ();
  g_autoptr(AffOfferRevision) a = revision_a (policy);
  g_autoptr(AffOfferRevision) b = revision_b (policy);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffRevisionDiff) diff = aff_offer_revision_compare (b, a, &error);
  g_autoptr(GPtrArray) lines = NULL;   /* transfer container */
  gint64 sum = 0;

  g_assert_no_error (error);
  assert_totals (diff, 76230, 82318, -6088, -300);

  lines = aff_revision_diff_get_lines (diff);
  g_assert_nonnull (lines);
  g_assert_cmpuint (lines->len, ==, 6);
  assert_line_diff (lines, 0, "Soudure TIG", AFF_LINE_KIND_LABOUR, "lot-1", 120000, 150000, 30000);
  assert_line_diff (lines, 1, "Tubes inox DN50", AFF_LINE_KIND_MATERIAL, "lot-1", 76000, 50000, -26000);
  assert_line_diff (lines, 2, "Déplacements", AFF_LINE_KIND_TRAVEL, NULL, 28650, NONE, -28650);
  assert_line_diff (lines, 3, "Radiographie", AFF_LINE_KIND_SUBCONTRACT, "lot-2", 150000, 150000, 0);
  assert_line_diff (lines, 4, "Soudure TIG", AFF_LINE_KIND_LABOUR, "lot-2", NONE, 48000, 48000);
  assert_line_diff (lines, 5, "Nacelle", AFF_LINE_KIND_EQUIPMENT, "lot-2", NONE, 36000, 36000);
  for (guint i = 0; i < lines->len; i++)
    sum += minor (aff_line_diff_get_delta (g_ptr_array_index (lines, i)));
  g_assert_cmpint (sum, ==, 434000 - 374650);

  /* the revisions are unchanged by the comparison */
  g_assert_cmpuint (g_list_model_get_n_items (aff_offer_revision_get_lines (a)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (aff_offer_revision_get_lines (b)), ==, 5);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_selling_price, a), ==, 507861);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_selling_price, b), ==, 584091);
}

/* The other way round: `other` is B, so B's keys first, then A's new ones. */
static void
test_compare_a_from_b (void)
{
  g_autoptr(AffPolicy) policy = aff_policy_new ();
  g_autoptr(AffOfferRevision) a = revision_a (policy);
  g_autoptr(AffOfferRevision) b = revision_b (policy);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffRevisionDiff) diff = aff_offer_revision_compare (a, b, &error);
  g_autoptr(GPtrArray) lines = NULL;

  g_assert_no_error (error);
  assert_totals (diff, -76230, -82318, 6088, 300);
  lines = aff_revision_diff_get_lines (diff);
  g_assert_cmpuint (lines->len, ==, 6);
  assert_line_diff (lines, 0, "Soudure TIG", AFF_LINE_KIND_LABOUR, "lot-1", 150000, 120000, -30000);
  assert_line_diff (lines, 1, "Tubes inox DN50", AFF_LINE_KIND_MATERIAL, "lot-1", 50000, 76000, 26000);
  assert_line_diff (lines, 2, "Radiographie", AFF_LINE_KIND_SUBCONTRACT, "lot-2", 150000, 150000, 0);
  assert_line_diff (lines, 3, "Soudure TIG", AFF_LINE_KIND_LABOUR, "lot-2", 48000, NONE, -48000);
  assert_line_diff (lines, 4, "Nacelle", AFF_LINE_KIND_EQUIPMENT, "lot-2", 36000, NONE, -36000);
  assert_line_diff (lines, 5, "Déplacements", AFF_LINE_KIND_TRAVEL, NULL, NONE, 28650, 28650);
}

/* The copy of a diff keeps everything. */
static void
test_diff_copy (void)
{
  g_autoptr(AffPolicy) policy = aff_policy_new ();
  g_autoptr(AffOfferRevision) a = revision_a (policy);
  g_autoptr(AffOfferRevision) b = revision_b (policy);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffRevisionDiff) diff = aff_offer_revision_compare (b, a, &error);
  g_autoptr(AffRevisionDiff) copy = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(AffLineDiff) line = NULL;

  g_assert_no_error (error);
  copy = aff_revision_diff_copy (diff);
  g_clear_pointer (&diff, aff_revision_diff_free);
  assert_totals (copy, 76230, 82318, -6088, -300);
  lines = aff_revision_diff_get_lines (copy);
  g_assert_cmpuint (lines->len, ==, 6);
  line = aff_line_diff_copy (g_ptr_array_index (lines, 2));
  g_clear_pointer (&lines, g_ptr_array_unref);
  g_clear_pointer (&copy, aff_revision_diff_free);
  g_assert_cmpstr (aff_line_diff_get_description (line), ==, "Déplacements");
  g_assert_cmpint (aff_line_diff_get_kind (line), ==, AFF_LINE_KIND_TRAVEL);
  g_assert_null (aff_line_diff_get_lot (line));
  g_assert_cmpint (minor (aff_line_diff_get_before (line)), ==, 28650);
  g_assert_null (aff_line_diff_get_after (line));
  g_assert_cmpint (minor (aff_line_diff_get_delta (line)), ==, -28650);
}

/* Identical revisions: every delta zero, before == after. A has 4 keys. */
static void
assert_identical_to_a (AffRevisionDiff *diff)
{
  g_autoptr(GPtrArray) lines = NULL;

  assert_totals (diff, 0, 0, 0, 0);
  lines = aff_revision_diff_get_lines (diff);
  g_assert_cmpuint (lines->len, ==, 4);
  assert_line_diff (lines, 0, "Soudure TIG", AFF_LINE_KIND_LABOUR, "lot-1", 120000, 120000, 0);
  assert_line_diff (lines, 1, "Tubes inox DN50", AFF_LINE_KIND_MATERIAL, "lot-1", 76000, 76000, 0);
  assert_line_diff (lines, 2, "Déplacements", AFF_LINE_KIND_TRAVEL, NULL, 28650, 28650, 0);
  assert_line_diff (lines, 3, "Radiographie", AFF_LINE_KIND_SUBCONTRACT, "lot-2", 150000, 150000, 0);
}

static void
test_compare_identical (void)
{
  g_autoptr(AffPolicy) policy = aff_policy_new ();
  g_autoptr(AffOfferRevision) a = revision_a (policy);
  g_autoptr(AffOfferRevision) a2 = revision_a (policy);
  g_autoptr(AffOfferRevision) e1 = aff_offer_revision_new ("A", policy);
  g_autoptr(AffOfferRevision) e2 = aff_offer_revision_new ("B", policy);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffRevisionDiff) d1 = NULL;
  g_autoptr(AffRevisionDiff) d2 = NULL;
  g_autoptr(AffRevisionDiff) d3 = NULL;
  g_autoptr(GPtrArray) none = NULL;

  d1 = aff_offer_revision_compare (a2, a, &error);
  g_assert_no_error (error);
  assert_identical_to_a (d1);

  d2 = aff_offer_revision_compare (a, a, &error);
  g_assert_no_error (error);
  assert_identical_to_a (d2);

  /* two empty revisions: nothing at all */
  d3 = aff_offer_revision_compare (e2, e1, &error);
  g_assert_no_error (error);
  assert_totals (d3, 0, 0, 0, 0);
  none = aff_revision_diff_get_lines (d3);
  g_assert_nonnull (none);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_compare_currency_mismatch (void)
{
  g_autoptr(AffPolicy) eur = aff_policy_new ();
  g_autoptr(AffPolicy) usd = aff_policy_new ();
  g_autoptr(AffOfferRevision) a = revision_a (eur);
  g_autoptr(AffOfferRevision) u = NULL;
  g_autoptr(AffOfferRevision) empty_eur = aff_offer_revision_new ("A", eur);
  g_autoptr(AffOfferRevision) empty_usd = NULL;
  g_autoptr(GError) error = NULL;
  AffRevisionDiff *diff;

  ASSERT_OK (aff_policy_set_currency (usd, "USD", &error));
  u = aff_offer_revision_new ("B", usd);
  empty_usd = aff_offer_revision_new ("B", usd);
  g_assert_cmpstr (aff_offer_revision_get_currency (u), ==, "USD");
  add_cost_line (u, AFF_LINE_KIND_LABOUR, "Soudure TIG", "20", AFF_LINE_UNIT_HOUR, "60.00 USD", "lot-1");

  diff = aff_offer_revision_compare (u, a, &error);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH);
  g_assert_null (diff);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  diff = aff_offer_revision_compare (a, u, &error);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH);
  g_assert_null (diff);
  g_clear_error (&error);

  /* priced in different currencies even without lines */
  diff = aff_offer_revision_compare (empty_usd, empty_eur, &error);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH);
  g_assert_null (diff);
  g_clear_error (&error);
}

/* --- portfolio fixtures ------------------------------------------------------ */

static AffPortfolio *
new_portfolio (guint n_consultations)
{
  AffPortfolio *p = new_base_portfolio ();

  for (guint i = 1; i <= n_consultations; i++)
    {
      g_autofree char *id = g_strdup_printf ("CONS-%u", i);

      add_consultation_full (p, id, "acme", AFF_REGULATORY_FLAGS_NONE, FALSE, TRUE);
    }
  return p;
}


/* An offer with one material line of 1 x unit_cost, the margin rate, validity
 * 2026-06-30 (transfer none). */
static AffOffer *
simple_offer (AffPortfolio *p,
              const char   *id,
              const char   *consultation_id,
              const char   *unit_cost,
              int           margin_rate)
{
  g_autoptr(AffOffer) offer = aff_offer_new (id, consultation_id);
  g_autoptr(GDate) validity = day (2026, 6, 30);
  AffOfferRevision *rev;

  ASSERT_OK (aff_portfolio_add_offer (p, offer, &error));
  rev = aff_offer_get_current_revision (offer);
  g_assert_nonnull (rev);
  add_cost_line (rev, AFF_LINE_KIND_MATERIAL, "Tubes", "1", AFF_LINE_UNIT_UNIT, unit_cost, NULL);
  ASSERT_OK (aff_offer_revision_set_margin_rate (rev, margin_rate, &error));
  ASSERT_OK (aff_offer_revision_set_validity (rev, validity, &error));
  return offer;
}

static AffOfferRevision *
revise (AffOffer *offer,
        int       margin_rate)   /* transfer none */
{
  g_autoptr(GError) error = NULL;
  AffOfferRevision *b = aff_offer_revise (offer, &error);

  g_assert_no_error (error);
  g_assert_nonnull (b);
  g_assert_true (aff_offer_get_current_revision (offer) == b);
  ASSERT_OK (aff_offer_revision_set_margin_rate (b, margin_rate, &error));
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_NEGOTIATION);
  return b;
}

static void
accept (AffOffer *offer,
        int y, int m, int d)
{
  g_autoptr(GDate) date = day (y, m, d);

  ASSERT_OK (aff_offer_accept (offer, date, "CT-2026-017", &error));
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_ACCEPTED);
}

static void
decline (AffOffer *offer,
         int y, int m, int d)
{
  g_autoptr(GDate) date = day (y, m, d);

  ASSERT_OK (aff_offer_decline (offer, date, AFF_LOSS_REASON_PRICE, "trop cher", &error));
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_DECLINED);
}

static AffPipeline *
pipeline (AffPortfolio *p)
{
  g_autoptr(GError) error = NULL;
  AffPipeline *pl = aff_portfolio_compute_pipeline (p, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pl);
  return pl;
}

static void
assert_pipeline (AffPipeline *pl,
                 const char  *currency,
                 guint        n_open,
                 gint64       open_total,
                 gint64       weighted_total,
                 int          hit_rate,
                 int          margin_won,
                 int          margin_lost)
{
  g_assert_cmpuint (aff_pipeline_get_n_open (pl), ==, n_open);
  g_assert_cmpint (minor_in (aff_pipeline_get_open_total (pl), currency), ==, open_total);
  g_assert_cmpint (minor_in (aff_pipeline_get_weighted_total (pl), currency), ==, weighted_total);
  g_assert_cmpint (aff_pipeline_get_hit_rate (pl), ==, hit_rate);
  g_assert_cmpint (aff_pipeline_get_average_margin_won (pl), ==, margin_won);
  g_assert_cmpint (aff_pipeline_get_average_margin_lost (pl), ==, margin_lost);
}

/* --- compare on an offer's revisions ---------------------------------------- */

static void
test_compare_offer_revisions (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio (1);
  AffOffer *offer = simple_offer (p, "OFF-1", "CONS-1", "1000.00 EUR", 1200);
  AffOfferRevision *a = aff_offer_get_current_revision (offer);
  AffOfferRevision *b;
  g_autoptr(GError) error = NULL;
  g_autoptr(AffRevisionDiff) same = NULL;
  g_autoptr(AffRevisionDiff) diff = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  add_cost_line (a, AFF_LINE_KIND_TRAVEL, "Déplacements", "2", AFF_LINE_UNIT_DAY, "100.00 EUR", NULL);
  send (offer, 2026, 4, 1);
  b = aff_offer_revise (offer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (b);

  /* a fresh revision is a copy: nothing changed
   *   A = B: direct 100000 + 20000 = 120000; overheads 10000 + 1000 = 11000;
   *   cost 131000; 1310000000 / 8800 = 148863.6 -> 148864 */
  g_assert_cmpint (revision_minor (aff_offer_revision_get_selling_price, a), ==, 148864);
  same = aff_offer_revision_compare (b, a, &error);
  g_assert_no_error (error);
  assert_totals (same, 0, 0, 0, 0);
  lines = aff_revision_diff_get_lines (same);
  g_assert_cmpuint (lines->len, ==, 2);
  assert_line_diff (lines, 0, "Tubes", AFF_LINE_KIND_MATERIAL, NULL, 100000, 100000, 0);
  assert_line_diff (lines, 1, "Déplacements", AFF_LINE_KIND_TRAVEL, NULL, 20000, 20000, 0);
  g_clear_pointer (&lines, g_ptr_array_unref);

  /* B: remove the travel, price it at 2000:
   *   direct 100000, overheads 10000, cost 110000, selling 137500, margin
   *   27500, rate 2000. A: margin 148864 - 131000 = 17864, rate
   *   178640000 / 148864 = 1200.02 -> 1200.
   *   selling -11364, cost -21000, margin +9636, rate +800 */
  ASSERT_OK (aff_offer_revision_remove_line (b, 1, &error));
  ASSERT_OK (aff_offer_revision_set_margin_rate (b, 2000, &error));
  diff = aff_offer_revision_compare (b, a, &error);
  g_assert_no_error (error);
  assert_totals (diff, 137500 - 148864, 110000 - 131000, 27500 - 17864, 800);
  lines = aff_revision_diff_get_lines (diff);
  g_assert_cmpuint (lines->len, ==, 2);
  assert_line_diff (lines, 0, "Tubes", AFF_LINE_KIND_MATERIAL, NULL, 100000, 100000, 0);
  assert_line_diff (lines, 1, "Déplacements", AFF_LINE_KIND_TRAVEL, NULL, 20000, NONE, -20000);
}

/* --- the pipeline ----------------------------------------------------------- */

static void
test_pipeline_empty (void)
{
  g_autoptr(AffPortfolio) p = aff_portfolio_new ();
  g_autoptr(AffPortfolio) q = aff_portfolio_new ();
  g_autoptr(AffPipeline) pl = pipeline (p);
  g_autoptr(AffPipeline) ql = NULL;
  g_autoptr(AffPipeline) copy = NULL;

  assert_pipeline (pl, "EUR", 0, 0, 0, -1, -1, -1);
  copy = aff_pipeline_copy (pl);
  g_clear_pointer (&pl, aff_pipeline_free);
  assert_pipeline (copy, "EUR", 0, 0, 0, -1, -1, -1);

  /* in the policy currency */
  ASSERT_OK (aff_policy_set_currency (aff_portfolio_get_policy (q), "USD", &error));
  ql = pipeline (q);
  assert_pipeline (ql, "USD", 0, 0, 0, -1, -1, -1);
}

static void
test_pipeline_open_only (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio (3);
  g_autoptr(AffPipeline) pl = NULL;
  g_autoptr(GDate) withdrawn = day (2026, 4, 5);

  /* OFF-1 SENT 125000; OFF-2 DRAFT; OFF-3 sent then WITHDRAWN */
  send (simple_offer (p, "OFF-1", "CONS-1", "1000.00 EUR", 1200), 2026, 4, 1);
  simple_offer (p, "OFF-2", "CONS-2", "2000.00 EUR", 1200);
  {
    AffOffer *o3 = simple_offer (p, "OFF-3", "CONS-3", "4000.00 EUR", 1200);

    send (o3, 2026, 4, 1);
    ASSERT_OK (aff_offer_withdraw (o3, withdrawn, "client a changé d'avis", &error));
    g_assert_cmpint (aff_offer_get_state (o3), ==, AFF_OFFER_STATE_WITHDRAWN);
  }
  pl = pipeline (p);
  /* no closed offer: hit rate -1, weighted 0 */
  assert_pipeline (pl, "EUR", 1, 125000, 0, -1, -1, -1);
}

static void
test_pipeline_full (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio (7);
  g_autoptr(AffPipeline) pl = NULL;
  g_autoptr(GDate) withdrawn = day (2026, 4, 5);
  g_autoptr(GDate) expired = day (2026, 7, 1);
  AffOffer *o1, *o2, *o3, *o4, *o5, *o6, *o7;
  AffOfferRevision *r;

  o1 = simple_offer (p, "OFF-1", "CONS-1", "1000.00 EUR", 1200);
  send (o1, 2026, 4, 1);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_selling_price,
                                   aff_offer_get_current_revision (o1)), ==, 125000);

  o2 = simple_offer (p, "OFF-2", "CONS-2", "2000.00 EUR", 2000);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_selling_price,
                                   aff_offer_get_current_revision (o2)), ==, 275000);
  send (o2, 2026, 4, 1);
  r = revise (o2, 1200);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_selling_price, r), ==, 250000);

  o3 = simple_offer (p, "OFF-3", "CONS-3", "4000.00 EUR", 1200);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_selling_price,
                                   aff_offer_get_current_revision (o3)), ==, 500000);
  send (o3, 2026, 4, 1);
  r = revise (o3, 2000);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_selling_price, r), ==, 550000);
  g_assert_cmpint (revision_rate (r), ==, 2000);
  send (o3, 2026, 4, 10);
  accept (o3, 2026, 4, 20);

  o4 = simple_offer (p, "OFF-4", "CONS-4", "1000.00 EUR", 1000);
  r = aff_offer_get_current_revision (o4);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_selling_price, r), ==, 122222);
  g_assert_cmpint (revision_rate (r), ==, 1000);
  send (o4, 2026, 4, 1);
  r = revise (o4, 500);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_selling_price, r), ==, 115789);
  g_assert_cmpint (revision_rate (r), ==, 500);
  decline (o4, 2026, 4, 20);

  o5 = simple_offer (p, "OFF-5", "CONS-5", "1000.00 EUR", 3000);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_selling_price,
                                   aff_offer_get_current_revision (o5)), ==, 157143);
  send (o5, 2026, 4, 1);
  ASSERT_OK (aff_offer_expire (o5, expired, &error));
  g_assert_cmpint (aff_offer_get_state (o5), ==, AFF_OFFER_STATE_EXPIRED);

  o6 = simple_offer (p, "OFF-6", "CONS-6", "1000.00 EUR", 1200);
  send (o6, 2026, 4, 1);
  ASSERT_OK (aff_offer_withdraw (o6, withdrawn, "client a changé d'avis", &error));
  g_assert_cmpint (aff_offer_get_state (o6), ==, AFF_OFFER_STATE_WITHDRAWN);

  o7 = simple_offer (p, "OFF-7", "CONS-7", "1000.00 EUR", 1200);
  g_assert_cmpint (aff_offer_get_state (o7), ==, AFF_OFFER_STATE_DRAFT);

  g_assert_cmpint (aff_offer_get_state (o1), ==, AFF_OFFER_STATE_SENT);
  g_assert_cmpint (aff_offer_get_state (o2), ==, AFF_OFFER_STATE_NEGOTIATION);

  pl = pipeline (p);
  assert_pipeline (pl, "EUR", 2, 375000, 124988, 3333, 2000, 1000);
  /* OFF-4, declined for its price, counts at revision A as sent (122222),
   * not at the draft B (115789). */
  g_assert_cmpuint (aff_pipeline_get_n_lost (pl, AFF_LOSS_REASON_PRICE), ==, 1);
  g_assert_cmpint (aff_money_get_minor (aff_pipeline_get_lost_total (pl, AFF_LOSS_REASON_PRICE)), ==, 122222);
  g_assert_cmpuint (aff_pipeline_get_n_lost (pl, AFF_LOSS_REASON_OTHER), ==, 0);
}

/* Losses by reason: OFF-1 (125000) and OFF-2 (2000.00 at 2000: 275000) lost
 * on price, OFF-3 (1000.00 at 1000: 122222) on the technical answer:
 * PRICE 2 for 400000, TECHNICAL 1 for 122222, the other reasons 0 for 0;
 * nothing accepted out of 3 closed: hit rate 0. */
static void
test_pipeline_losses (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio (3);
  g_autoptr(AffPipeline) pl = NULL;
  g_autoptr(AffPipeline) copy = NULL;
  g_autoptr(GDate) declined = day (2026, 4, 20);
  AffOffer *o1 = simple_offer (p, "OFF-1", "CONS-1", "1000.00 EUR", 1200);
  AffOffer *o2 = simple_offer (p, "OFF-2", "CONS-2", "2000.00 EUR", 2000);
  AffOffer *o3 = simple_offer (p, "OFF-3", "CONS-3", "1000.00 EUR", 1000);
  AffLossReason reason;

  send (o1, 2026, 4, 1);
  send (o2, 2026, 4, 1);
  send (o3, 2026, 4, 1);
  decline (o1, 2026, 4, 20);
  decline (o2, 2026, 4, 20);
  ASSERT_OK (aff_offer_decline (o3, declined, AFF_LOSS_REASON_TECHNICAL, "procédé refusé", &error));

  pl = pipeline (p);
  copy = aff_pipeline_copy (pl);
  for (reason = AFF_LOSS_REASON_PRICE; reason <= AFF_LOSS_REASON_OTHER; reason++)
    {
      guint n = reason == AFF_LOSS_REASON_PRICE ? 2 : reason == AFF_LOSS_REASON_TECHNICAL ? 1 : 0;
      gint64 total = reason == AFF_LOSS_REASON_PRICE ? 400000 : reason == AFF_LOSS_REASON_TECHNICAL ? 122222 : 0;

      g_assert_cmpuint (aff_pipeline_get_n_lost (pl, reason), ==, n);
      g_assert_cmpint (aff_money_get_minor (aff_pipeline_get_lost_total (pl, reason)), ==, total);
      g_assert_cmpstr (aff_money_get_currency (aff_pipeline_get_lost_total (pl, reason)), ==, "EUR");
      g_assert_cmpuint (aff_pipeline_get_n_lost (copy, reason), ==, n);
      g_assert_cmpint (aff_money_get_minor (aff_pipeline_get_lost_total (copy, reason)), ==, total);
    }
  g_assert_cmpint (aff_pipeline_get_hit_rate (pl), ==, 0);
}

/* Averages rounded half to even: won 1201 and 1202 -> 1201.5 -> 1202,
 * lost 1200 and 1201 -> 1200.5 -> 1200; hit rate 2 / 4 = 5000; open OFF-5 at
 * 1501: 1100000000 / 8499 = 129427.0 -> 129427; weighted 129427 x 5000 /
 * 10000 = 64713.5 -> 64714. Rates (cost 110000): 1200 -> 125000 (1200),
 * 1201 -> 125014 (150140000 / 125014 = 1201.0), 1202 -> 125028 (1202.0). */
static void
test_pipeline_averages (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio (5);
  g_autoptr(AffPipeline) pl = NULL;
  AffOffer *o;
  const struct { const char *id, *cons; int rate; gint64 selling; } sent[] = {
    { "OFF-1", "CONS-1", 1201, 125014 },
    { "OFF-2", "CONS-2", 1202, 125028 },
    { "OFF-3", "CONS-3", 1200, 125000 },
    { "OFF-4", "CONS-4", 1201, 125014 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sent); i++)
    {
      o = simple_offer (p, sent[i].id, sent[i].cons, "1000.00 EUR", sent[i].rate);
      g_assert_cmpint (revision_minor (aff_offer_revision_get_selling_price,
                                       aff_offer_get_current_revision (o)), ==, sent[i].selling);
      g_assert_cmpint (revision_rate (aff_offer_get_current_revision (o)), ==, sent[i].rate);
      send (o, 2026, 4, 1);
      if (i < 2)
        accept (o, 2026, 4, 20);
      else
        decline (o, 2026, 4, 20);
    }
  o = simple_offer (p, "OFF-5", "CONS-5", "1000.00 EUR", 1501);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_selling_price,
                                   aff_offer_get_current_revision (o)), ==, 129427);
  send (o, 2026, 4, 1);

  pl = pipeline (p);
  assert_pipeline (pl, "EUR", 1, 129427, 64714, 5000, 1202, 1200);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/offer-analysis/fixture-pricing", test_fixture_pricing);
  g_test_add_func ("/offer-analysis/compare/b-from-a", test_compare_b_from_a);
  g_test_add_func ("/offer-analysis/compare/a-from-b", test_compare_a_from_b);
  g_test_add_func ("/offer-analysis/compare/copy", test_diff_copy);
  g_test_add_func ("/offer-analysis/compare/identical", test_compare_identical);
  g_test_add_func ("/offer-analysis/compare/currency-mismatch", test_compare_currency_mismatch);
  g_test_add_func ("/offer-analysis/compare/offer-revisions", test_compare_offer_revisions);
  g_test_add_func ("/offer-analysis/pipeline/empty", test_pipeline_empty);
  g_test_add_func ("/offer-analysis/pipeline/open-only", test_pipeline_open_only);
  g_test_add_func ("/offer-analysis/pipeline/full", test_pipeline_full);
  g_test_add_func ("/offer-analysis/pipeline/losses", test_pipeline_losses);
  g_test_add_func ("/offer-analysis/pipeline/averages", test_pipeline_averages);

  return g_test_run ();
}
