/* test-offer-pricing.c: AffOfferLine and AffOfferRevision, pricing from cost
 *
 * Every expected value is worked out by hand from the contract
 * (docs/rules.md, "Offers: pricing from cost"); the arithmetic is next to
 * each case. Amounts are in minor units (cents for EUR).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <affaires.h>

#include "test-util.h"

static AffMoney *
money (gint64      amount,
       const char *currency)
{
  g_autoptr(GError) error = NULL;
  AffMoney *m = aff_money_new (amount, currency, &error);

  g_assert_no_error (error);
  g_assert_nonnull (m);
  return m;
}

/* Checks and frees a (transfer full) amount. */
#define assert_money(expr, minor, currency)                                   \
  G_STMT_START {                                                              \
    g_autoptr(GError) am_error = NULL;                                        \
    GError **am_perror = &am_error;                                           \
    AffMoney *am_value;                                                       \
    (void) am_perror;                                                         \
    am_value = (expr);                                                        \
    g_assert_no_error (am_error);                                             \
    g_assert_nonnull (am_value);                                              \
    g_assert_cmpint (aff_money_get_minor (am_value), ==, (minor));            \
    g_assert_cmpstr (aff_money_get_currency (am_value), ==, (currency));      \
    aff_money_free (am_value);                                                \
  } G_STMT_END

static AffOfferLine *
line_new (AffLineKind  kind,
          const char  *description,
          const char  *quantity,
          AffLineUnit  unit,
          gint64       unit_cost,
          const char  *currency)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffMoney) cost = money (unit_cost, currency);
  AffOfferLine *line = aff_offer_line_new (kind, description, quantity, unit, cost, &error);

  g_assert_no_error (error);
  g_assert_nonnull (line);
  return line;
}

static gint64
line_cost (AffOfferLine *line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffMoney) cost = aff_offer_line_compute_cost (line, &error);

  g_assert_no_error (error);
  g_assert_nonnull (cost);
  return aff_money_get_minor (cost);
}

static void
add (AffOfferRevision *rev,
     AffOfferLine     *line)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aff_offer_revision_add_line (rev, line, &error));
  g_assert_no_error (error);
}

static gint64
minor_of (AffMoney *m)   /* frees m */
{
  gint64 v;

  g_assert_nonnull (m);
  v = aff_money_get_minor (m);
  aff_money_free (m);
  return v;
}

typedef struct
{
  gint64 direct, overheads, cost, selling, margin;
  int    margin_rate;
  gint64 vat, total;
} Prices;

static void
get_prices (AffOfferRevision *rev,
            Prices           *p)
{
  g_autoptr(GError) error = NULL;

  p->direct = minor_of (aff_offer_revision_get_direct_cost (rev, &error));
  g_assert_no_error (error);
  p->overheads = minor_of (aff_offer_revision_get_overheads (rev, &error));
  g_assert_no_error (error);
  p->cost = minor_of (aff_offer_revision_get_cost_price (rev, &error));
  g_assert_no_error (error);
  p->selling = minor_of (aff_offer_revision_get_selling_price (rev, &error));
  g_assert_no_error (error);
  p->margin = minor_of (aff_offer_revision_get_margin (rev, &error));
  g_assert_no_error (error);
  p->margin_rate = aff_offer_revision_get_margin_rate (rev, &error);
  g_assert_no_error (error);
  p->vat = minor_of (aff_offer_revision_get_vat (rev, &error));
  g_assert_no_error (error);
  p->total = minor_of (aff_offer_revision_get_total_including_vat (rev, &error));
  g_assert_no_error (error);
}

static void
assert_prices (AffOfferRevision *rev,
               gint64 direct, gint64 overheads, gint64 cost, gint64 selling,
               gint64 margin, int margin_rate, gint64 vat, gint64 total)
{
  Prices p;

  get_prices (rev, &p);
  g_assert_cmpint (p.direct, ==, direct);
  g_assert_cmpint (p.overheads, ==, overheads);
  g_assert_cmpint (p.cost, ==, cost);
  g_assert_cmpint (p.selling, ==, selling);
  g_assert_cmpint (p.margin, ==, margin);
  g_assert_cmpint (p.margin_rate, ==, margin_rate);
  g_assert_cmpint (p.vat, ==, vat);
  g_assert_cmpint (p.total, ==, total);
}

static AffPolicy *
welding_policy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffMoney) welder = money (5800, "EUR");     /* 58.00 EUR / h */
  AffPolicy *policy = aff_policy_new ();

  g_assert_true (aff_policy_set_labour_rate (policy, "welder", welder, &error));
  g_assert_no_error (error);
  return policy;
}

/* The worked example. Lines:
 *   L1 labour      120.5 h "welder" x 58.00      = 120500 x 5800 / 1000   = 698900           6 989.00
 *   L2 material    85.250 m x 12.37              = 85250 x 1237 / 1000    = 105454.25 -> 105454  1 054.54
 *   L3 material    4 kg x 25.01                  = 4000 x 2501 / 1000     = 10004               100.04
 *   L4 equipment   4.5 days x 137.50             = 4500 x 13750 / 1000    = 61875               618.75
 *   L5 subcontract lump sum 1 x 2 400.00                                 = 240000            2 400.00
 *   L6 travel      3 days x 95.00                = 3000 x 9500 / 1000     = 28500               285.00
 *   L7 other       lump sum 1 x 150.25                                   = 15025               150.25
 * Direct cost = 698900 + 105454 + 10004 + 61875 + 240000 + 28500 + 15025 = 1159758 (11 597.58)
 * Overheads by kind (default rates), each rounded half to even:
 *   labour      698900 x 3000 / 10000 = 209670
 *   material    (105454 + 10004 = 115458) x 1000 / 10000 = 11545.8 -> 11546
 *               (line by line it would be 10545 + 1000 = 11545: rounding is by kind)
 *   equipment   61875 x 1000 / 10000 = 6187.5 -> 6188 (tie, to even)
 *   subcontract 240000 x 800 / 10000 = 19200
 *   travel      28500 x 500 / 10000  = 1425
 *   other       15025 x 1000 / 10000 = 1502.5 -> 1502 (tie, to even)
 *   sum = 209670 + 11546 + 6188 + 19200 + 1425 + 1502 = 249531 (2 495.31)
 * Contingency 500.00 = 50000.
 * Cost price = 1159758 + 249531 + 50000 = 1459289 (14 592.89). */
#define DIRECT    1159758
#define OVERHEADS 249531
#define COST      1459289

static AffOfferRevision *
worked_example (AffPolicy *policy)
{
  g_autoptr(GError) error = NULL;
  AffOfferRevision *rev = aff_offer_revision_new ("A", policy);
  g_autoptr(AffOfferLine) l1 = aff_offer_line_new_labour ("Soudure TIG", "120.5", "welder", policy, &error);
  g_autoptr(AffOfferLine) l2 = line_new (AFF_LINE_KIND_MATERIAL, "Tube inox DN50", "85.250", AFF_LINE_UNIT_METRE, 1237, "EUR");
  g_autoptr(AffOfferLine) l3 = line_new (AFF_LINE_KIND_MATERIAL, "Brides", "4", AFF_LINE_UNIT_KILOGRAM, 2501, "EUR");
  g_autoptr(AffOfferLine) l4 = line_new (AFF_LINE_KIND_EQUIPMENT, "Nacelle", "4.5", AFF_LINE_UNIT_DAY, 13750, "EUR");
  g_autoptr(AffOfferLine) l5 = line_new (AFF_LINE_KIND_SUBCONTRACT, "Radiographie", "1", AFF_LINE_UNIT_LUMP_SUM, 240000, "EUR");
  g_autoptr(AffOfferLine) l6 = line_new (AFF_LINE_KIND_TRAVEL, "Déplacements", "3", AFF_LINE_UNIT_DAY, 9500, "EUR");
  g_autoptr(AffOfferLine) l7 = line_new (AFF_LINE_KIND_OTHER, "Frais de dossier", "1", AFF_LINE_UNIT_LUMP_SUM, 15025, "EUR");
  g_autoptr(AffMoney) contingency = money (50000, "EUR");

  g_assert_no_error (error);
  g_assert_nonnull (l1);
  g_assert_cmpint (line_cost (l1), ==, 698900);
  g_assert_cmpint (line_cost (l2), ==, 105454);
  g_assert_cmpint (line_cost (l3), ==, 10004);
  g_assert_cmpint (line_cost (l4), ==, 61875);
  g_assert_cmpint (line_cost (l5), ==, 240000);
  g_assert_cmpint (line_cost (l6), ==, 28500);
  g_assert_cmpint (line_cost (l7), ==, 15025);
  add (rev, l1);
  add (rev, l2);
  add (rev, l3);
  add (rev, l4);
  add (rev, l5);
  add (rev, l6);
  add (rev, l7);
  g_assert_true (aff_offer_revision_set_contingency (rev, contingency, &error));
  g_assert_no_error (error);
  return rev;
}

/* ---------------------------------------------------------------------- */

static void
test_worked_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPolicy) policy = welding_policy ();
  g_autoptr(AffOfferRevision) rev = worked_example (policy);
  GListModel *lines = aff_offer_revision_get_lines (rev);

  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 7);
  assert_money ((AffMoney *) aff_money_copy (aff_offer_revision_get_contingency (rev)), 50000, "EUR");

  /* No margin rate nor selling price yet: the price is the cost price.
   * VAT = 1459289 x 2000 / 10000 = 291857.8 -> 291858; total = 1459289 + 291858 = 1751147 */
  assert_prices (rev, DIRECT, OVERHEADS, COST, COST, 0, 0, 291858, 1751147);

  /* 15 % margin on the selling price:
   * selling = 1459289 x 10000 / 8500 = 29185780 / 17 = 1716810 + 10/17 (0.588) -> 1716811 (17 168.11)
   * margin = 1716811 - 1459289 = 257522 (2 575.22)
   * margin rate = 257522 x 10000 / 1716811 = 2575220000 / 1716811:
   *   1716811 x 1500 = 2575216500, remainder 3500 (0.002) -> 1500
   * VAT = 1716811 x 2000 / 10000 = 343362.2 -> 343362 (3 433.62)
   * total = 1716811 + 343362 = 2060173 (20 601.73) */
  g_assert_true (aff_offer_revision_set_margin_rate (rev, 1500, &error));
  g_assert_no_error (error);
  assert_prices (rev, DIRECT, OVERHEADS, COST, 1716811, 257522, 1500, 343362, 2060173);
  assert_money (aff_offer_revision_get_selling_price (rev, &error), 1716811, "EUR");

  /* A negative margin rate, -10 %:
   * selling = 1459289 x 10000 / 11000 = 1326626.36 -> 1326626
   * margin = 1326626 - 1459289 = -132663
   * rate = -132663 x 10000 / 1326626 = -1000.003 -> -1000
   * VAT = 1326626 x 0.2 = 265325.2 -> 265325; total 1591951 */
  g_assert_true (aff_offer_revision_set_margin_rate (rev, -1000, &error));
  g_assert_no_error (error);
  assert_prices (rev, DIRECT, OVERHEADS, COST, 1326626, -132663, -1000, 265325, 1591951);

  /* Contingency removed: cost = 1159758 + 249531 = 1409289;
   * at 15 %: 1409289 x 10000 / 8500 = 28185780 / 17 = 1657987.06 -> 1657987
   *   (17 x 1657987 = 28185779, remainder 1)
   * margin = 1657987 - 1409289 = 248698; rate = 2486980000 / 1657987 = 1499.99... :
   *   1657987 x 1500 = 2486980500 > 2486980000, by 500 -> 1499.9997 -> 1500
   * VAT = 1657987 x 0.2 = 331597.4 -> 331597; total 1989584 */
  g_assert_true (aff_offer_revision_set_margin_rate (rev, 1500, &error));
  g_assert_true (aff_offer_revision_set_contingency (rev, NULL, &error));
  g_assert_no_error (error);
  assert_prices (rev, DIRECT, OVERHEADS, 1409289, 1657987, 248698, 1500, 331597, 1989584);
}

static void
test_selling_price (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPolicy) policy = welding_policy ();
  g_autoptr(AffOfferRevision) rev = worked_example (policy);
  g_autoptr(AffMoney) p18000 = money (1800000, "EUR");
  g_autoptr(AffMoney) p14000 = money (1400000, "EUR");
  g_autoptr(AffMoney) zero = money (0, "EUR");
  g_autoptr(AffMoney) negative = money (-1, "EUR");
  g_autoptr(AffMoney) usd = money (1800000, "USD");

  /* 18 000.00 set directly: margin = 1800000 - 1459289 = 340711 (3 407.11)
   * rate = 340711 x 10000 / 1800000 = 1892.838 -> 1893
   * VAT = 1800000 x 0.2 = 360000; total 2160000 */
  g_assert_true (aff_offer_revision_set_selling_price (rev, p18000, &error));
  g_assert_no_error (error);
  assert_prices (rev, DIRECT, OVERHEADS, COST, 1800000, 340711, 1893, 360000, 2160000);

  /* the margin rate replaces the price (see the worked example) ... */
  g_assert_true (aff_offer_revision_set_margin_rate (rev, 1500, &error));
  assert_prices (rev, DIRECT, OVERHEADS, COST, 1716811, 257522, 1500, 343362, 2060173);
  /* ... and the price replaces the margin rate:
   * 14 000.00 below cost: margin = 1400000 - 1459289 = -59289
   * rate = -59289 x 10000 / 1400000 = -423.49 -> -423; VAT 280000; total 1680000 */
  g_assert_true (aff_offer_revision_set_selling_price (rev, p14000, &error));
  g_assert_no_error (error);
  assert_prices (rev, DIRECT, OVERHEADS, COST, 1400000, -59289, -423, 280000, 1680000);

  /* a price of zero: margin = -cost, margin rate 0 (selling price 0) */
  g_assert_true (aff_offer_revision_set_selling_price (rev, zero, &error));
  g_assert_no_error (error);
  assert_prices (rev, DIRECT, OVERHEADS, COST, 0, -COST, 0, 0, 0);

  /* refused: negative, other currency; nothing changes */
  g_assert_false (aff_offer_revision_set_selling_price (rev, negative, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (aff_offer_revision_set_selling_price (rev, usd, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH);
  g_clear_error (&error);
  assert_prices (rev, DIRECT, OVERHEADS, COST, 0, -COST, 0, 0, 0);
}

static void
test_vat (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPolicy) policy = aff_policy_new ();
  g_autoptr(AffOfferRevision) rev = aff_offer_revision_new ("A", policy);
  g_autoptr(AffMoney) one = money (100, "EUR");
  g_autoptr(AffMoney) three = money (300, "EUR");

  /* 5.5 %: 100 x 550 / 10000 = 5.5 -> 6 (tie, to even); 300 x 550 / 10000 = 16.5 -> 16 */
  g_assert_true (aff_offer_revision_set_vat_rate (rev, 550, &error));
  g_assert_no_error (error);
  g_assert_cmpint (aff_offer_revision_get_vat_rate (rev), ==, 550);
  g_assert_true (aff_offer_revision_set_selling_price (rev, one, &error));
  assert_prices (rev, 0, 0, 0, 100, 100, 10000, 6, 106);   /* margin 100 x 10000 / 100 = 10000 */
  g_assert_true (aff_offer_revision_set_selling_price (rev, three, &error));
  assert_prices (rev, 0, 0, 0, 300, 300, 10000, 16, 316);
  g_assert_no_error (error);

  g_assert_true (aff_offer_revision_set_vat_rate (rev, 0, &error));
  g_assert_true (aff_offer_revision_set_vat_rate (rev, 10000, &error));
  g_assert_no_error (error);
  g_assert_false (aff_offer_revision_set_vat_rate (rev, 10001, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (aff_offer_revision_set_vat_rate (rev, -1, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (aff_offer_revision_get_vat_rate (rev), ==, 10000);
}

typedef struct
{
  const char *quantity;
  gint64      unit_cost;
  const char *currency;
  gint64      expected;
} TieCase;

static const TieCase tie_cases[] = {
  { "0.5",   5,  "EUR", 2 },   /* 500 x 5 / 1000 = 2.5 -> 2 (0.02) */
  { "1.5",   5,  "EUR", 8 },   /* 1500 x 5 / 1000 = 7.5 -> 8 (0.08) */
  { "2.5",   1,  "EUR", 2 },   /* 2500 x 1 / 1000 = 2.5 -> 2 */
  { "0.125", 20, "EUR", 2 },   /* 125 x 20 / 1000 = 2.5 -> 2 */
  { "0.375", 20, "EUR", 8 },   /* 375 x 20 / 1000 = 7.5 -> 8 */
  { "0.5",   1,  "JPY", 0 },   /* 500 x 1 / 1000 = 0.5 -> 0 */
  { "1.5",   1,  "JPY", 2 },   /* 1.5 -> 2 */
  { "3.5",   1,  "JPY", 4 },   /* 3.5 -> 4 */
  { "0.001", 1,  "EUR", 0 },   /* 0.001 -> 0 */
  { "0.501", 1,  "EUR", 1 },   /* 0.501 -> 1 */
};

static void
test_line_cost_ties (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (tie_cases); i++)
    {
      const TieCase *c = &tie_cases[i];
      g_autoptr(AffOfferLine) line = line_new (AFF_LINE_KIND_MATERIAL, "m", c->quantity, AFF_LINE_UNIT_UNIT,
                                               c->unit_cost, c->currency);
      g_autoptr(GError) error = NULL;
      g_autoptr(AffMoney) cost = aff_offer_line_compute_cost (line, &error);

      g_test_message ("%s x %" G_GINT64_FORMAT " %s", c->quantity, c->unit_cost, c->currency);
      g_assert_no_error (error);
      g_assert_cmpint (aff_money_get_minor (cost), ==, c->expected);
      g_assert_cmpstr (aff_money_get_currency (cost), ==, c->currency);
    }

  /* exact beyond 64-bit intermediates: 900 000 000 000 x 100 000.00 EUR
   * = 900000000000000 thousandths x 10000000 / 1000 = 9 000 000 000 000 000 000 (< 2^63 - 1) */
  {
    g_autoptr(AffOfferLine) line = line_new (AFF_LINE_KIND_MATERIAL, "m", "900000000000", AFF_LINE_UNIT_UNIT,
                                             10000000, "EUR");
    g_assert_cmpint (line_cost (line), ==, G_GINT64_CONSTANT (9000000000000000000));
  }
  /* 999 999 999 999 x 100 000.00 = 9 999 999 999 990 000 000 > 9 223 372 036 854 775 807 */
  {
    g_autoptr(AffOfferLine) line = line_new (AFF_LINE_KIND_MATERIAL, "m", "999999999999", AFF_LINE_UNIT_UNIT,
                                             10000000, "EUR");
    g_autoptr(GError) error = NULL;
    AffMoney *cost = aff_offer_line_compute_cost (line, &error);

    g_assert_null (cost);
    g_assert_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW);
  }
}

typedef struct
{
  const char *text;
  const char *normalised;
  gint64      thousandths;
} QuantityCase;

static const QuantityCase valid_quantities[] = {
  { "12",      "12",    12000 },
  { "12.5",    "12.5",  12500 },
  { "0.125",   "0.125", 125 },
  { "12.500",  "12.5",  12500 },
  { "007",     "7",     7000 },
  { "007.250", "7.25",  7250 },
  { "1.000",   "1",     1000 },
  { "0.5",     "0.5",   500 },
  { "120.5",   "120.5", 120500 },
  { "999999999999.999", "999999999999.999", G_GINT64_CONSTANT (999999999999999) },
  { "1000000000000", "1000000000000", G_GINT64_CONSTANT (1000000000000000) },   /* 10^12 is not beyond */
};

static const char *const invalid_quantities[] = {
  "1,5", "1e3", "-1", "", "1.2345", "0.0001", "12.5000", "abc", " 12", "12 ", "1.2.3",
  "1000000000000.001", "1000000000001", "10000000000000",
};

static void
test_quantities (void)
{
  g_autoptr(AffMoney) cost = money (100, "EUR");

  for (gsize i = 0; i < G_N_ELEMENTS (valid_quantities); i++)
    {
      const QuantityCase *c = &valid_quantities[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(AffOfferLine) line = NULL;
      g_autofree char *text = NULL;

      g_test_message ("valid quantity \"%s\"", c->text);
      line = aff_offer_line_new (AFF_LINE_KIND_MATERIAL, "m", c->text, AFF_LINE_UNIT_METRE, cost, &error);
      g_assert_no_error (error);
      g_assert_nonnull (line);
      text = aff_offer_line_dup_quantity (line);
      g_assert_cmpstr (text, ==, c->normalised);
      g_assert_cmpint (aff_offer_line_get_quantity_thousandths (line), ==, c->thousandths);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (invalid_quantities); i++)
    {
      g_autoptr(GError) error = NULL;
      AffOfferLine *line;

      g_test_message ("invalid quantity \"%s\"", invalid_quantities[i]);
      line = aff_offer_line_new (AFF_LINE_KIND_MATERIAL, "m", invalid_quantities[i], AFF_LINE_UNIT_METRE,
                                 cost, &error);
      g_assert_null (line);
      g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
    }

  /* a lump sum is quantity "1" */
  {
    const char *const not_one[] = { "2", "0.5", "3.000" };

    for (gsize i = 0; i < G_N_ELEMENTS (not_one); i++)
      {
        g_autoptr(GError) error = NULL;
        AffOfferLine *line = aff_offer_line_new (AFF_LINE_KIND_SUBCONTRACT, "s", not_one[i],
                                                 AFF_LINE_UNIT_LUMP_SUM, cost, &error);
        g_assert_null (line);
        g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
      }
  }

  /* a negative unit cost is refused; zero is a cost */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AffMoney) negative = money (-1, "EUR");
    g_autoptr(AffMoney) zero = money (0, "EUR");
    g_autoptr(AffOfferLine) free_line = NULL;
    AffOfferLine *line = aff_offer_line_new (AFF_LINE_KIND_OTHER, "remise", "1", AFF_LINE_UNIT_LUMP_SUM,
                                             negative, &error);

    g_assert_null (line);
    g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
    g_clear_error (&error);
    free_line = aff_offer_line_new (AFF_LINE_KIND_OTHER, "gratuit", "3", AFF_LINE_UNIT_UNIT, zero, &error);
    g_assert_no_error (error);
    assert_money (aff_offer_line_compute_cost (free_line, am_perror), 0, "EUR");
  }
}

static void
test_line_properties (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPolicy) policy = welding_policy ();
  g_autoptr(AffOfferLine) labour = NULL;
  g_autoptr(AffOfferLine) tube = line_new (AFF_LINE_KIND_MATERIAL, "Tube inox DN50", "85.250",
                                           AFF_LINE_UNIT_METRE, 1237, "EUR");
  const char *const reqs[] = { "REQ-1", "REQ-3", NULL };
  const char *const *got;
  AffOfferLine *none;

  labour = aff_offer_line_new_labour ("Soudure TIG", "120.5", "welder", policy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (aff_offer_line_get_kind (labour), ==, AFF_LINE_KIND_LABOUR);
  g_assert_cmpint (aff_offer_line_get_unit (labour), ==, AFF_LINE_UNIT_HOUR);
  g_assert_cmpstr (aff_offer_line_get_description (labour), ==, "Soudure TIG");
  g_assert_cmpstr (aff_offer_line_get_skill (labour), ==, "welder");
  g_assert_cmpint (aff_money_get_minor (aff_offer_line_get_unit_cost (labour)), ==, 5800);
  g_assert_cmpstr (aff_money_get_currency (aff_offer_line_get_unit_cost (labour)), ==, "EUR");
  g_assert_cmpint (aff_offer_line_get_quantity_thousandths (labour), ==, 120500);
  /* 120.5 x 58.00 = 6 989.00 */
  g_assert_cmpint (line_cost (labour), ==, 698900);

  /* an unknown skill */
  none = aff_offer_line_new_labour ("Peinture", "10", "painter", policy, &error);
  g_assert_null (none);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* hours are a quantity like any other */
  none = aff_offer_line_new_labour ("Soudure", "1,5", "welder", policy, &error);
  g_assert_null (none);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_cmpint (aff_offer_line_get_kind (tube), ==, AFF_LINE_KIND_MATERIAL);
  g_assert_cmpint (aff_offer_line_get_unit (tube), ==, AFF_LINE_UNIT_METRE);
  g_assert_cmpstr (aff_offer_line_get_description (tube), ==, "Tube inox DN50");
  g_assert_null (aff_offer_line_get_skill (tube));
  g_assert_null (aff_offer_line_get_lot (tube));
  got = aff_offer_line_get_requirements (tube);
  g_assert_true (got == NULL || got[0] == NULL);
  {
    g_autofree char *q = aff_offer_line_dup_quantity (tube);
    g_assert_cmpstr (q, ==, "85.25");
  }

  aff_offer_line_set_lot (tube, "Lot 2");
  g_assert_cmpstr (aff_offer_line_get_lot (tube), ==, "Lot 2");
  aff_offer_line_set_lot (tube, NULL);
  g_assert_null (aff_offer_line_get_lot (tube));
  aff_offer_line_set_requirements (tube, reqs);
  got = aff_offer_line_get_requirements (tube);
  g_assert_nonnull (got);
  g_assert_cmpuint (g_strv_length ((char **) got), ==, 2);
  g_assert_cmpstr (got[0], ==, "REQ-1");
  g_assert_cmpstr (got[1], ==, "REQ-3");
}

static void
test_defaults (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPolicy) policy = aff_policy_new ();
  g_autoptr(AffOfferRevision) rev = aff_offer_revision_new ("A", policy);
  const AffMoney *contingency;

  g_assert_cmpstr (aff_offer_revision_get_letter (rev), ==, "A");
  g_assert_cmpstr (aff_offer_revision_get_currency (rev), ==, "EUR");
  g_assert_false (aff_offer_revision_is_frozen (rev));
  g_assert_cmpuint (g_list_model_get_n_items (aff_offer_revision_get_lines (rev)), ==, 0);
  g_assert_cmpuint (aff_offer_revision_get_overhead_rate (rev, AFF_LINE_KIND_LABOUR), ==, 3000);
  g_assert_cmpuint (aff_offer_revision_get_overhead_rate (rev, AFF_LINE_KIND_MATERIAL), ==, 1000);
  g_assert_cmpuint (aff_offer_revision_get_overhead_rate (rev, AFF_LINE_KIND_EQUIPMENT), ==, 1000);
  g_assert_cmpuint (aff_offer_revision_get_overhead_rate (rev, AFF_LINE_KIND_SUBCONTRACT), ==, 800);
  g_assert_cmpuint (aff_offer_revision_get_overhead_rate (rev, AFF_LINE_KIND_TRAVEL), ==, 500);
  g_assert_cmpuint (aff_offer_revision_get_overhead_rate (rev, AFF_LINE_KIND_OTHER), ==, 1000);
  g_assert_cmpint (aff_offer_revision_get_vat_rate (rev), ==, 2000);
  g_assert_cmpuint (aff_offer_revision_get_payment_days (rev), ==, 30);
  g_assert_false (aff_offer_revision_get_payment_end_of_month (rev));
  g_assert_cmpint (aff_offer_revision_get_advance_rate (rev), ==, 0);
  g_assert_false (aff_offer_revision_get_progress_billing (rev));
  g_assert_cmpint (aff_offer_revision_get_retention_rate (rev), ==, 500);
  contingency = aff_offer_revision_get_contingency (rev);
  g_assert_true (contingency == NULL || aff_money_is_zero (contingency));
  g_assert_cmpuint (aff_offer_revision_get_lead_time_days (rev), ==, 0);
  g_assert_null (aff_offer_revision_get_validity (rev));
  /* empty: everything 0.00 EUR, margin rate 0 since the selling price is 0 */
  assert_prices (rev, 0, 0, 0, 0, 0, 0, 0, 0);
  assert_money (aff_offer_revision_get_direct_cost (rev, am_perror), 0, "EUR");
  assert_money (aff_offer_revision_get_total_including_vat (rev, am_perror), 0, "EUR");

  /* the rates are copied at creation from the policy */
  {
    g_autoptr(AffPolicy) changed = aff_policy_new ();
    g_autoptr(AffOfferRevision) r2 = NULL;

    g_assert_true (aff_policy_set_currency (changed, "USD", &error));
    g_assert_true (aff_policy_set_overhead_rate (changed, "labour", 3500, &error));
    g_assert_true (aff_policy_set_overhead_rate (changed, "travel", 0, &error));
    g_assert_no_error (error);
    aff_policy_set_default_vat_rate (changed, 550);
    aff_policy_set_retention_rate (changed, 300);
    r2 = aff_offer_revision_new ("B", changed);
    g_assert_cmpstr (aff_offer_revision_get_letter (r2), ==, "B");
    g_assert_cmpstr (aff_offer_revision_get_currency (r2), ==, "USD");
    g_assert_cmpuint (aff_offer_revision_get_overhead_rate (r2, AFF_LINE_KIND_LABOUR), ==, 3500);
    g_assert_cmpuint (aff_offer_revision_get_overhead_rate (r2, AFF_LINE_KIND_TRAVEL), ==, 0);
    g_assert_cmpuint (aff_offer_revision_get_overhead_rate (r2, AFF_LINE_KIND_MATERIAL), ==, 1000);
    g_assert_cmpint (aff_offer_revision_get_vat_rate (r2), ==, 550);
    g_assert_cmpint (aff_offer_revision_get_retention_rate (r2), ==, 300);
    assert_money (aff_offer_revision_get_cost_price (r2, am_perror), 0, "USD");

    /* a later change of the policy does not alter the revision */
    g_assert_true (aff_policy_set_overhead_rate (changed, "labour", 4000, &error));
    g_assert_true (aff_policy_set_overhead_rate (changed, "material", 1200, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (aff_offer_revision_get_overhead_rate (r2, AFF_LINE_KIND_LABOUR), ==, 3500);
    g_assert_cmpuint (aff_offer_revision_get_overhead_rate (r2, AFF_LINE_KIND_MATERIAL), ==, 1000);
    g_assert_true (aff_policy_set_overhead_rate (policy, "labour", 4000, &error));
    g_assert_cmpuint (aff_offer_revision_get_overhead_rate (rev, AFF_LINE_KIND_LABOUR), ==, 3000);
  }
}

static void
test_overhead_rates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPolicy) policy = welding_policy ();
  g_autoptr(AffOfferRevision) rev = worked_example (policy);

  /* labour at 35 %: 698900 x 3500 / 10000 = 244615; overheads = 249531 - 209670 + 244615 = 284476
   * cost = 1159758 + 284476 + 50000 = 1494234; VAT = 298846.8 -> 298847; total 1793081 */
  g_assert_true (aff_offer_revision_set_overhead_rate (rev, AFF_LINE_KIND_LABOUR, 3500, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aff_offer_revision_get_overhead_rate (rev, AFF_LINE_KIND_LABOUR), ==, 3500);
  assert_prices (rev, DIRECT, 284476, 1494234, 1494234, 0, 0, 298847, 1793081);

  g_assert_true (aff_offer_revision_set_overhead_rate (rev, AFF_LINE_KIND_OTHER, 10000, &error));
  g_assert_no_error (error);
  g_assert_false (aff_offer_revision_set_overhead_rate (rev, AFF_LINE_KIND_OTHER, 10001, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpuint (aff_offer_revision_get_overhead_rate (rev, AFF_LINE_KIND_OTHER), ==, 10000);
}

static void
test_margin_rate_limits (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPolicy) policy = aff_policy_new ();
  g_autoptr(AffOfferRevision) rev = aff_offer_revision_new ("A", policy);
  g_autoptr(AffOfferLine) line = line_new (AFF_LINE_KIND_OTHER, "forfait", "1", AFF_LINE_UNIT_LUMP_SUM, 10000, "EUR");

  /* other at 0 %: cost = 100.00 */
  g_assert_true (aff_offer_revision_set_overhead_rate (rev, AFF_LINE_KIND_OTHER, 0, &error));
  add (rev, line);
  g_assert_no_error (error);

  g_assert_false (aff_offer_revision_set_margin_rate (rev, 10000, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (aff_offer_revision_set_margin_rate (rev, -10000, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  /* refused: still priced at cost */
  assert_prices (rev, 10000, 0, 10000, 10000, 0, 0, 2000, 12000);

  /* 9999: 10000 x 10000 / 1 = 100000000 (1 000 000.00); margin 99990000;
   * rate 99990000 x 10000 / 100000000 = 9999; VAT 20000000; total 120000000 */
  g_assert_true (aff_offer_revision_set_margin_rate (rev, 9999, &error));
  g_assert_no_error (error);
  assert_prices (rev, 10000, 0, 10000, 100000000, 99990000, 9999, 20000000, 120000000);
  /* -9999: 10000 x 10000 / 19999 = 5000.25 -> 5000; margin -5000; rate -5000 x 10000 / 5000 = -10000;
   * VAT 1000; total 6000 */
  g_assert_true (aff_offer_revision_set_margin_rate (rev, -9999, &error));
  g_assert_no_error (error);
  assert_prices (rev, 10000, 0, 10000, 5000, -5000, -10000, 1000, 6000);
}

static void
test_selling_price_ties (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPolicy) policy = aff_policy_new ();
  g_autoptr(AffOfferRevision) two = aff_offer_revision_new ("A", policy);
  g_autoptr(AffOfferRevision) six = aff_offer_revision_new ("A", policy);
  g_autoptr(AffOfferLine) l2 = line_new (AFF_LINE_KIND_OTHER, "a", "1", AFF_LINE_UNIT_LUMP_SUM, 2, "EUR");
  g_autoptr(AffOfferLine) l6 = line_new (AFF_LINE_KIND_OTHER, "b", "1", AFF_LINE_UNIT_LUMP_SUM, 6, "EUR");

  g_assert_true (aff_offer_revision_set_overhead_rate (two, AFF_LINE_KIND_OTHER, 0, &error));
  g_assert_true (aff_offer_revision_set_overhead_rate (six, AFF_LINE_KIND_OTHER, 0, &error));
  add (two, l2);
  add (six, l6);
  g_assert_true (aff_offer_revision_set_margin_rate (two, 2000, &error));
  g_assert_true (aff_offer_revision_set_margin_rate (six, 2000, &error));
  g_assert_no_error (error);
  /* 2 x 10000 / 8000 = 2.5 -> 2; margin 0, rate 0; VAT 0.4 -> 0 */
  assert_prices (two, 2, 0, 2, 2, 0, 0, 0, 2);
  /* 6 x 10000 / 8000 = 7.5 -> 8; margin 2; rate 2 x 10000 / 8 = 2500; VAT 1.6 -> 2; total 10 */
  assert_prices (six, 6, 0, 6, 8, 2, 2500, 2, 10);
}

static void
test_lines_in_revisions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPolicy) policy = welding_policy ();
  g_autoptr(AffOfferRevision) a = aff_offer_revision_new ("A", policy);
  g_autoptr(AffOfferRevision) b = aff_offer_revision_new ("B", policy);
  g_autoptr(AffOfferLine) tube = line_new (AFF_LINE_KIND_MATERIAL, "Tube", "85.250", AFF_LINE_UNIT_METRE, 1237, "EUR");
  g_autoptr(AffOfferLine) nacelle = line_new (AFF_LINE_KIND_EQUIPMENT, "Nacelle", "4.5", AFF_LINE_UNIT_DAY, 13750, "EUR");
  g_autoptr(AffOfferLine) dollars = line_new (AFF_LINE_KIND_MATERIAL, "Pompe", "1", AFF_LINE_UNIT_UNIT, 100000, "USD");
  GListModel *lines = aff_offer_revision_get_lines (a);

  g_assert_false (aff_offer_revision_add_line (a, dollars, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 0);

  add (a, tube);
  add (a, nacelle);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 2);
  {
    g_autoptr(GObject) first = g_list_model_get_item (lines, 0);
    g_autoptr(GObject) second = g_list_model_get_item (lines, 1);
    g_assert_true (first == (GObject *) tube);
    g_assert_true (second == (GObject *) nacelle);
  }
  /* already in a revision: this one or another */
  g_assert_false (aff_offer_revision_add_line (b, tube, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (aff_offer_revision_add_line (a, tube, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (aff_offer_revision_get_lines (b)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 2);

  /* direct 105454 + 61875 = 167329; overheads 10545.4 -> 10545 + 6187.5 -> 6188 = 16733 */
  assert_prices (a, 167329, 16733, 184062, 184062, 0, 0, 36812, 220874);  /* VAT 36812.4 -> 36812 */

  g_assert_false (aff_offer_revision_remove_line (a, 2, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 2);
  g_assert_true (aff_offer_revision_remove_line (a, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 1);
  {
    g_autoptr(GObject) first = g_list_model_get_item (lines, 0);
    g_assert_true (first == (GObject *) nacelle);
  }
  /* direct 61875; overheads 6188; cost 68063; VAT 13612.6 -> 13613; total 81676 */
  assert_prices (a, 61875, 6188, 68063, 68063, 0, 0, 13613, 81676);
  g_assert_false (aff_offer_revision_remove_line (a, 1, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* the contingency: currency and sign */
  {
    g_autoptr(AffMoney) usd = money (100, "USD");
    g_autoptr(AffMoney) negative = money (-100, "EUR");
    g_autoptr(AffMoney) c = money (1937, "EUR");

    g_assert_false (aff_offer_revision_set_contingency (a, usd, &error));
    g_assert_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH);
    g_clear_error (&error);
    g_assert_false (aff_offer_revision_set_contingency (a, negative, &error));
    g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
    g_clear_error (&error);
    g_assert_true (aff_offer_revision_set_contingency (a, c, &error));
    g_assert_no_error (error);
    /* cost 68063 + 1937 = 70000; VAT 14000; total 84000 */
    assert_prices (a, 61875, 6188, 70000, 70000, 0, 0, 14000, 84000);
  }
}

static void
test_terms (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPolicy) policy = aff_policy_new ();
  g_autoptr(AffOfferRevision) rev = aff_offer_revision_new ("A", policy);
  g_autoptr(GDate) validity = day (2026, 6, 30);

  /* payment terms, L441-10 */
  g_assert_true (aff_offer_revision_set_payment_terms (rev, 60, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aff_offer_revision_get_payment_days (rev), ==, 60);
  g_assert_false (aff_offer_revision_get_payment_end_of_month (rev));
  g_assert_false (aff_offer_revision_set_payment_terms (rev, 61, FALSE, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpuint (aff_offer_revision_get_payment_days (rev), ==, 60);
  g_assert_true (aff_offer_revision_set_payment_terms (rev, 45, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aff_offer_revision_get_payment_days (rev), ==, 45);
  g_assert_true (aff_offer_revision_get_payment_end_of_month (rev));
  g_assert_false (aff_offer_revision_set_payment_terms (rev, 46, TRUE, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (aff_offer_revision_set_payment_terms (rev, 60, TRUE, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpuint (aff_offer_revision_get_payment_days (rev), ==, 45);
  g_assert_true (aff_offer_revision_get_payment_end_of_month (rev));

  /* billing: advance 0..10000, retention 0..500 */
  g_assert_true (aff_offer_revision_set_billing (rev, 3000, TRUE, 500, &error));
  g_assert_no_error (error);
  g_assert_cmpint (aff_offer_revision_get_advance_rate (rev), ==, 3000);
  g_assert_true (aff_offer_revision_get_progress_billing (rev));
  g_assert_cmpint (aff_offer_revision_get_retention_rate (rev), ==, 500);
  g_assert_false (aff_offer_revision_set_billing (rev, 3000, TRUE, 501, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (aff_offer_revision_set_billing (rev, 10001, FALSE, 0, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (aff_offer_revision_set_billing (rev, -1, FALSE, 0, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (aff_offer_revision_set_billing (rev, 0, FALSE, -1, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (aff_offer_revision_get_advance_rate (rev), ==, 3000);
  g_assert_true (aff_offer_revision_get_progress_billing (rev));
  g_assert_cmpint (aff_offer_revision_get_retention_rate (rev), ==, 500);
  g_assert_true (aff_offer_revision_set_billing (rev, 10000, FALSE, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (aff_offer_revision_get_advance_rate (rev), ==, 10000);
  g_assert_false (aff_offer_revision_get_progress_billing (rev));
  g_assert_cmpint (aff_offer_revision_get_retention_rate (rev), ==, 0);

  /* lead time <= 36500 days */
  g_assert_true (aff_offer_revision_set_lead_time_days (rev, 36500, &error));
  g_assert_no_error (error);
  g_assert_false (aff_offer_revision_set_lead_time_days (rev, 36501, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpuint (aff_offer_revision_get_lead_time_days (rev), ==, 36500);
  g_assert_true (aff_offer_revision_set_lead_time_days (rev, 42, &error));
  g_assert_cmpuint (aff_offer_revision_get_lead_time_days (rev), ==, 42);

  g_assert_true (aff_offer_revision_set_validity (rev, validity, &error));
  g_assert_no_error (error);
  assert_date (aff_offer_revision_get_validity (rev), 2026, 6, 30);
}

static void
test_freeze (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPolicy) policy = welding_policy ();
  g_autoptr(AffOfferRevision) rev = worked_example (policy);
  g_autoptr(AffOfferRevision) other = aff_offer_revision_new ("B", policy);
  g_autoptr(AffOfferLine) extra = line_new (AFF_LINE_KIND_MATERIAL, "Vis", "100", AFF_LINE_UNIT_UNIT, 12, "EUR");
  g_autoptr(AffMoney) price = money (2000000, "EUR");
  g_autoptr(AffMoney) contingency = money (1, "EUR");
  g_autoptr(GDate) validity = day (2026, 6, 30);
  g_autoptr(GDate) later = day (2026, 9, 30);

  g_assert_true (aff_offer_revision_set_margin_rate (rev, 1500, &error));
  g_assert_true (aff_offer_revision_set_payment_terms (rev, 45, TRUE, &error));
  g_assert_true (aff_offer_revision_set_billing (rev, 3000, FALSE, 500, &error));
  g_assert_true (aff_offer_revision_set_lead_time_days (rev, 56, &error));
  g_assert_true (aff_offer_revision_set_validity (rev, validity, &error));
  g_assert_no_error (error);

  aff_offer_revision_freeze (rev);
  g_assert_true (aff_offer_revision_is_frozen (rev));

#define FROZEN(call)                                                  \
  G_STMT_START {                                                      \
    g_assert_false (call);                                            \
    g_assert_error (error, AFF_ERROR, AFF_ERROR_FROZEN);              \
    g_clear_error (&error);                                           \
  } G_STMT_END

  FROZEN (aff_offer_revision_add_line (rev, extra, &error));
  FROZEN (aff_offer_revision_remove_line (rev, 0, &error));
  FROZEN (aff_offer_revision_set_overhead_rate (rev, AFF_LINE_KIND_LABOUR, 2000, &error));
  FROZEN (aff_offer_revision_set_contingency (rev, contingency, &error));
  FROZEN (aff_offer_revision_set_contingency (rev, NULL, &error));
  FROZEN (aff_offer_revision_set_margin_rate (rev, 2000, &error));
  FROZEN (aff_offer_revision_set_selling_price (rev, price, &error));
  FROZEN (aff_offer_revision_set_vat_rate (rev, 1000, &error));
  FROZEN (aff_offer_revision_set_lead_time_days (rev, 10, &error));
  FROZEN (aff_offer_revision_set_validity (rev, later, &error));
  FROZEN (aff_offer_revision_set_payment_terms (rev, 30, FALSE, &error));
  FROZEN (aff_offer_revision_set_billing (rev, 0, TRUE, 0, &error));
#undef FROZEN

  /* nothing changed; the getters and the prices still work */
  g_assert_true (aff_offer_revision_is_frozen (rev));
  g_assert_cmpuint (g_list_model_get_n_items (aff_offer_revision_get_lines (rev)), ==, 7);
  g_assert_cmpuint (aff_offer_revision_get_overhead_rate (rev, AFF_LINE_KIND_LABOUR), ==, 3000);
  g_assert_cmpint (aff_money_get_minor (aff_offer_revision_get_contingency (rev)), ==, 50000);
  g_assert_cmpint (aff_offer_revision_get_vat_rate (rev), ==, 2000);
  g_assert_cmpuint (aff_offer_revision_get_lead_time_days (rev), ==, 56);
  assert_date (aff_offer_revision_get_validity (rev), 2026, 6, 30);
  g_assert_cmpuint (aff_offer_revision_get_payment_days (rev), ==, 45);
  g_assert_true (aff_offer_revision_get_payment_end_of_month (rev));
  g_assert_cmpint (aff_offer_revision_get_advance_rate (rev), ==, 3000);
  g_assert_false (aff_offer_revision_get_progress_billing (rev));
  g_assert_cmpint (aff_offer_revision_get_retention_rate (rev), ==, 500);
  assert_prices (rev, DIRECT, OVERHEADS, COST, 1716811, 257522, 1500, 343362, 2060173);

  /* the refused line did not go into the frozen revision: it is still free */
  add (other, extra);
  g_assert_cmpuint (g_list_model_get_n_items (aff_offer_revision_get_lines (other)), ==, 1);

  /* freezing again changes nothing */
  aff_offer_revision_freeze (rev);
  g_assert_true (aff_offer_revision_is_frozen (rev));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/offer-pricing/worked-example", test_worked_example);
  g_test_add_func ("/offer-pricing/selling-price", test_selling_price);
  g_test_add_func ("/offer-pricing/vat", test_vat);
  g_test_add_func ("/offer-pricing/line-cost-ties", test_line_cost_ties);
  g_test_add_func ("/offer-pricing/quantities", test_quantities);
  g_test_add_func ("/offer-pricing/line-properties", test_line_properties);
  g_test_add_func ("/offer-pricing/defaults", test_defaults);
  g_test_add_func ("/offer-pricing/overhead-rates", test_overhead_rates);
  g_test_add_func ("/offer-pricing/margin-rate-limits", test_margin_rate_limits);
  g_test_add_func ("/offer-pricing/selling-price-ties", test_selling_price_ties);
  g_test_add_func ("/offer-pricing/lines-in-revisions", test_lines_in_revisions);
  g_test_add_func ("/offer-pricing/terms", test_terms);
  g_test_add_func ("/offer-pricing/freeze", test_freeze);

  return g_test_run ();
}
