/* test-money.c: AffMoney, exact amounts
 *
 * Every expected value below is worked out by hand from the contract
 * (docs/rules.md and the doc comments of aff-money.c); the
 * arithmetic is written next to the less obvious ones.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <affaires.h>

/* 2^62, used by several limits */
#define TWO_POW_62 G_GINT64_CONSTANT (4611686018427387904)

static void
assert_money (const AffMoney *money,
              gint64          minor,
              const char     *currency)
{
  g_assert_nonnull (money);
  g_assert_cmpint (aff_money_get_minor (money), ==, minor);
  g_assert_cmpstr (aff_money_get_currency (money), ==, currency);
}

static AffMoney *
money (gint64      minor,
       const char *currency)
{
  g_autoptr(GError) error = NULL;
  AffMoney *m = aff_money_new (minor, currency, &error);

  g_assert_no_error (error);
  g_assert_nonnull (m);
  return m;
}

/* ---------------------------------------------------------------------- */

static void
test_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffMoney) eur = NULL;
  g_autoptr(AffMoney) jpy = NULL;
  g_autoptr(AffMoney) kwd = NULL;
  g_autoptr(AffMoney) zero = NULL;
  g_autoptr(AffMoney) copy = NULL;
  const char *bad[] = { "XXX", "XAU", "eur", "EURO", "EU", "", "E R" };

  eur = aff_money_new (123456, "EUR", &error);
  g_assert_no_error (error);
  assert_money (eur, 123456, "EUR");
  g_assert_cmpuint (aff_money_get_exponent (eur), ==, 2);
  g_assert_false (aff_money_is_zero (eur));
  g_assert_false (aff_money_is_negative (eur));

  jpy = aff_money_new (-1500, "JPY", &error);
  g_assert_no_error (error);
  assert_money (jpy, -1500, "JPY");
  g_assert_cmpuint (aff_money_get_exponent (jpy), ==, 0);
  g_assert_true (aff_money_is_negative (jpy));

  kwd = aff_money_new (1234, "KWD", &error);
  g_assert_no_error (error);
  assert_money (kwd, 1234, "KWD");
  g_assert_cmpuint (aff_money_get_exponent (kwd), ==, 3);

  zero = aff_money_new_zero ("KWD", &error);
  g_assert_no_error (error);
  assert_money (zero, 0, "KWD");
  g_assert_true (aff_money_is_zero (zero));
  g_assert_false (aff_money_is_negative (zero));

  copy = aff_money_copy (eur);
  g_assert_true (copy != eur);
  assert_money (copy, 123456, "EUR");
  g_assert_true (aff_money_equal (copy, eur));

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(AffMoney) m = aff_money_new (1, bad[i], &local);

      g_test_message ("currency “%s”", bad[i]);
      g_assert_error (local, AFF_ERROR, AFF_ERROR_UNKNOWN_CURRENCY);
      g_assert_null (m);
    }

  {
    g_autoptr(AffMoney) m = aff_money_new_zero ("XXX", &error);
    g_assert_error (error, AFF_ERROR, AFF_ERROR_UNKNOWN_CURRENCY);
    g_assert_null (m);
    g_clear_error (&error);
  }

  /* the limits of a 64-bit count are accepted as they are */
  {
    g_autoptr(AffMoney) max = money (G_MAXINT64, "EUR");
    g_autoptr(AffMoney) min = money (G_MININT64, "EUR");

    assert_money (max, G_MAXINT64, "EUR");
    assert_money (min, G_MININT64, "EUR");
  }
}

static void
test_currency_exponent (void)
{
  const struct { const char *code; guint exponent; } known[] = {
    { "EUR", 2 }, { "USD", 2 }, { "GBP", 2 }, { "CHF", 2 },
    { "JPY", 0 }, { "KRW", 0 }, { "XOF", 0 }, { "XAF", 0 }, { "CLP", 0 }, { "ISK", 0 }, { "VND", 0 },
    { "KWD", 3 }, { "BHD", 3 }, { "JOD", 3 }, { "OMR", 3 }, { "TND", 3 }, { "IQD", 3 }, { "LYD", 3 },
    { "CLF", 4 }, { "UYW", 4 },
  };
  const char *unknown[] = { "XXX", "XAU", "XAG", "eur", "Eur", "EURO", "EU", "", "E1R" };

  for (gsize i = 0; i < G_N_ELEMENTS (known); i++)
    {
      guint exponent = 99;

      g_test_message ("currency %s", known[i].code);
      g_assert_true (aff_currency_get_exponent (known[i].code, &exponent));
      g_assert_cmpuint (exponent, ==, known[i].exponent);
      /* the out argument is optional */
      g_assert_true (aff_currency_get_exponent (known[i].code, NULL));
    }
  for (gsize i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      guint exponent = 0;

      g_test_message ("currency “%s”", unknown[i]);
      g_assert_false (aff_currency_get_exponent (unknown[i], &exponent));
      g_assert_false (aff_currency_get_exponent (unknown[i], NULL));
    }
}

static void
test_parse (void)
{
  const struct { const char *text; gint64 minor; const char *currency; } good[] = {
    { "1234.56 EUR", 123456, "EUR" },
    { "-0.05 EUR", -5, "EUR" },
    { "+3 EUR", 300, "EUR" },
    { "12.5 EUR", 1250, "EUR" },            /* fewer decimals are padded */
    { "0 EUR", 0, "EUR" },
    { "0.00 EUR", 0, "EUR" },
    { "-0.00 EUR", 0, "EUR" },
    { "007.10 EUR", 710, "EUR" },
    { "1500 JPY", 1500, "JPY" },
    { "-1500 JPY", -1500, "JPY" },
    { "1.234 KWD", 1234, "KWD" },
    { "1.2 KWD", 1200, "KWD" },
    { "-0.001 KWD", -1, "KWD" },
    { "3 KWD", 3000, "KWD" },
    { "1.2345 CLF", 12345, "CLF" },
    /* the limits: 2^63 - 1 = 9223372036854775807, -2^63 = -9223372036854775808 */
    { "92233720368547758.07 EUR", G_MAXINT64, "EUR" },
    { "-92233720368547758.08 EUR", G_MININT64, "EUR" },
    { "9223372036854775807 JPY", G_MAXINT64, "JPY" },
    { "-9223372036854775808 JPY", G_MININT64, "JPY" },
    { "9223372036854775.807 KWD", G_MAXINT64, "KWD" },
    /* issue 11: 29 zeros and 12, 31 digits before the point, twelve euros
     * fifty all the same */
    { "0000000000000000000000000000012.50 EUR", 1250, "EUR" },
  };
  const struct { const char *text; int code; } bad[] = {
    { "1.234 EUR", AFF_ERROR_INVALID_VALUE },   /* 3 decimals, EUR has 2 */
    { "1.5 JPY", AFF_ERROR_INVALID_VALUE },     /* JPY has none */
    { "1. JPY", AFF_ERROR_INVALID_VALUE },
    { "1.2345 KWD", AFF_ERROR_INVALID_VALUE },
    { "12,50 EUR", AFF_ERROR_INVALID_VALUE },
    { "", AFF_ERROR_INVALID_VALUE },
    { " 1 EUR", AFF_ERROR_INVALID_VALUE },
    { "1 EUR ", AFF_ERROR_INVALID_VALUE },
    { "1e3 EUR", AFF_ERROR_INVALID_VALUE },
    { "1  EUR", AFF_ERROR_INVALID_VALUE },
    { "1\tEUR", AFF_ERROR_INVALID_VALUE },
    { "1EUR", AFF_ERROR_INVALID_VALUE },
    { "1", AFF_ERROR_INVALID_VALUE },
    { "EUR", AFF_ERROR_INVALID_VALUE },
    { " EUR", AFF_ERROR_INVALID_VALUE },
    { "1.00", AFF_ERROR_INVALID_VALUE },
    { ".5 EUR", AFF_ERROR_INVALID_VALUE },      /* digits come before the point */
    { "1. EUR", AFF_ERROR_INVALID_VALUE },      /* a point needs a digit after it */
    { "1.2.3 EUR", AFF_ERROR_INVALID_VALUE },
    { "- 1 EUR", AFF_ERROR_INVALID_VALUE },
    { "--1 EUR", AFF_ERROR_INVALID_VALUE },
    { "+-1 EUR", AFF_ERROR_INVALID_VALUE },
    { "- EUR", AFF_ERROR_INVALID_VALUE },
    { "1_000 EUR", AFF_ERROR_INVALID_VALUE },
    { "0x10 EUR", AFF_ERROR_INVALID_VALUE },
    { "\xd9\xa1 EUR", AFF_ERROR_INVALID_VALUE },  /* ARABIC-INDIC DIGIT ONE */
    { "1 EUR\n", AFF_ERROR_INVALID_VALUE },
    /* well-formed digits that do not fit in 64 bits */
    { "92233720368547758.08 EUR", AFF_ERROR_OVERFLOW },   /* 2^63 cents */
    { "-92233720368547758.09 EUR", AFF_ERROR_OVERFLOW },  /* -2^63 - 1 cents */
    { "9223372036854775808 JPY", AFF_ERROR_OVERFLOW },
    { "99999999999999999999999 JPY", AFF_ERROR_OVERFLOW },
    { "100000000000000000000 EUR", AFF_ERROR_OVERFLOW },
    /* 37 digits scaled to the dinar's 3 decimals no longer fit in 128 bits
     * either (found by the CSV fuzzer): refused, not undefined. */
    { "1666676666666666666666666666666666666 KWD", AFF_ERROR_OVERFLOW },
    { "1666676666666666666666666666666666666.5 KWD", AFF_ERROR_OVERFLOW },
    /* Beyond what 128 bits hold while reading: found by the fuzzer. */
    { "1234567890123456789012345678901234567890123456789 EUR", AFF_ERROR_OVERFLOW },
    { "1.2345678901234567890123456789012345678901234567890 KWD", AFF_ERROR_INVALID_VALUE },
    /* a well-formed amount with a bad code */
    { "1 XXX", AFF_ERROR_UNKNOWN_CURRENCY },
    { "1 XAU", AFF_ERROR_UNKNOWN_CURRENCY },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AffMoney) m = NULL;

      g_test_message ("parse “%s”", good[i].text);
      m = aff_money_parse (good[i].text, &error);
      g_assert_no_error (error);
      assert_money (m, good[i].minor, good[i].currency);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AffMoney) m = NULL;

      g_test_message ("parse “%s”", bad[i].text);
      m = aff_money_parse (bad[i].text, &error);
      g_assert_error (error, AFF_ERROR, bad[i].code);
      g_assert_null (m);
    }
}

/* Leading zeros change no value, however many: the same amounts with 1 to
 * 1000 zeros in front read as without, and the limits stay where 64 bits
 * put them. */
static void
test_parse_leading_zeros (void)
{
  const guint n_zeros[] = { 1, 29, 30, 31, 1000 };
  /* A code of 0 (AFF_ERROR_FAILED, which parsing never gives) reads the
   * amount in minor units; any other is the error expected. */
  const struct { const char *sign; const char *rest; int code; gint64 minor; const char *currency; } cases[] = {
    { "", "12.50 EUR", 0, 1250, "EUR" },
    { "-", "1 JPY", 0, -1, "JPY" },
    { "+", ".005 KWD", 0, 5, "KWD" },                           /* 0.005 dinar = 5 fils */
    { "", " EUR", 0, 0, "EUR" },                                /* only zeros: zero */
    { "-", ".00 EUR", 0, 0, "EUR" },
    { "", "1.2345 CLF", 0, 12345, "CLF" },
    { "", "92233720368547758.07 EUR", 0, G_MAXINT64, "EUR" },   /* 2^63 - 1 cents */
    { "-", "9223372036854775808 JPY", 0, G_MININT64, "JPY" },   /* -2^63 yen */
    { "", "92233720368547758.08 EUR", AFF_ERROR_OVERFLOW },     /* 2^63 cents */
    { "-", "9223372036854775809 JPY", AFF_ERROR_OVERFLOW },     /* -2^63 - 1 yen */
    /* 32 nines: 10^32 - 1 euros */
    { "", "99999999999999999999999999999999 EUR", AFF_ERROR_OVERFLOW },
    /* zeros after the first significant digit do count: 10^39 euros */
    { "", "1000000000000000000000000000000000000000.00 EUR", AFF_ERROR_OVERFLOW },
    { "", "12.505 EUR", AFF_ERROR_INVALID_VALUE },              /* 3 decimals */
    { "", "1 XXX", AFF_ERROR_UNKNOWN_CURRENCY },
  };

  for (gsize z = 0; z < G_N_ELEMENTS (n_zeros); z++)
    {
      g_autofree char *zeros = g_strnfill (n_zeros[z], '0');

      for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autofree char *text = g_strconcat (cases[i].sign, zeros, cases[i].rest, NULL);
          g_autoptr(GError) error = NULL;
          g_autoptr(AffMoney) m = NULL;

          g_test_message ("parse %s, %u zeros, %s", cases[i].sign, n_zeros[z], cases[i].rest);
          m = aff_money_parse (text, &error);
          if (cases[i].code == 0)
            {
              g_assert_no_error (error);
              assert_money (m, cases[i].minor, cases[i].currency);
            }
          else
            {
              g_assert_error (error, AFF_ERROR, cases[i].code);
              g_assert_null (m);
            }
        }
    }
}

/* "eur" is a bad code (aff_money_new refuses it with UNKNOWN_CURRENCY), and
 * the contract gives UNKNOWN_CURRENCY "for a well-formed amount with a bad
 * code" */
static void
test_parse_bad_code (void)
{
  const char *texts[] = { "1.00 eur", "1 Eur", "1 EURO", "1 EU" };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AffMoney) m = NULL;

      g_test_message ("parse “%s”", texts[i]);
      m = aff_money_parse (texts[i], &error);
      g_assert_error (error, AFF_ERROR, AFF_ERROR_UNKNOWN_CURRENCY);
      g_assert_null (m);
    }
}

static void
test_to_string (void)
{
  const struct { gint64 minor; const char *currency; const char *text; } cases[] = {
    { 123456, "EUR", "1234.56 EUR" },
    { -5, "EUR", "-0.05 EUR" },
    { 5, "EUR", "0.05 EUR" },
    { 50, "EUR", "0.50 EUR" },
    { 0, "EUR", "0.00 EUR" },
    { 6200, "EUR", "62.00 EUR" },
    { -100, "EUR", "-1.00 EUR" },
    { 1500, "JPY", "1500 JPY" },
    { 0, "JPY", "0 JPY" },
    { -7, "JPY", "-7 JPY" },
    { 1234, "KWD", "1.234 KWD" },
    { -1, "KWD", "-0.001 KWD" },
    { 0, "KWD", "0.000 KWD" },
    { 12345, "CLF", "1.2345 CLF" },
    { G_MAXINT64, "EUR", "92233720368547758.07 EUR" },
    { G_MININT64, "EUR", "-92233720368547758.08 EUR" },
    { G_MAXINT64, "JPY", "9223372036854775807 JPY" },
    { G_MININT64, "JPY", "-9223372036854775808 JPY" },
    { G_MININT64, "KWD", "-9223372036854775.808 KWD" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AffMoney) m = money (cases[i].minor, cases[i].currency);
      g_autofree char *text = aff_money_to_string (m);
      g_autoptr(GError) error = NULL;
      g_autoptr(AffMoney) back = NULL;

      g_assert_cmpstr (text, ==, cases[i].text);
      /* to_string writes what parse reads */
      back = aff_money_parse (text, &error);
      g_assert_no_error (error);
      g_assert_true (aff_money_equal (back, m));
    }
}

static void
test_add_subtract (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffMoney) a = money (100, "EUR");
  g_autoptr(AffMoney) b = money (250, "EUR");
  g_autoptr(AffMoney) one = money (1, "EUR");
  g_autoptr(AffMoney) minus_one = money (-1, "EUR");
  g_autoptr(AffMoney) zero = money (0, "EUR");
  g_autoptr(AffMoney) max = money (G_MAXINT64, "EUR");
  g_autoptr(AffMoney) min = money (G_MININT64, "EUR");
  g_autoptr(AffMoney) usd = money (100, "USD");
  g_autoptr(AffMoney) jpy = money (100, "JPY");
  AffMoney *r;

  r = aff_money_add (a, b, &error);
  g_assert_no_error (error);
  assert_money (r, 350, "EUR");
  aff_money_free (r);

  r = aff_money_subtract (a, b, &error);
  g_assert_no_error (error);
  assert_money (r, -150, "EUR");
  aff_money_free (r);

  /* up to the limits, but not past them */
  r = aff_money_add (max, zero, &error);
  g_assert_no_error (error);
  assert_money (r, G_MAXINT64, "EUR");
  aff_money_free (r);

  r = aff_money_add (min, max, &error);   /* -2^63 + 2^63 - 1 = -1 */
  g_assert_no_error (error);
  assert_money (r, -1, "EUR");
  aff_money_free (r);

  r = aff_money_add (max, minus_one, &error);
  g_assert_no_error (error);
  assert_money (r, G_MAXINT64 - 1, "EUR");
  aff_money_free (r);

  r = aff_money_add (max, one, &error);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW);
  g_assert_null (r);
  g_clear_error (&error);

  r = aff_money_add (one, max, &error);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW);
  g_assert_null (r);
  g_clear_error (&error);

  r = aff_money_add (max, max, &error);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW);
  g_assert_null (r);
  g_clear_error (&error);

  r = aff_money_add (min, minus_one, &error);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW);
  g_assert_null (r);
  g_clear_error (&error);

  r = aff_money_add (min, min, &error);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW);
  g_assert_null (r);
  g_clear_error (&error);

  r = aff_money_subtract (minus_one, max, &error);  /* -1 - (2^63 - 1) = -2^63 */
  g_assert_no_error (error);
  assert_money (r, G_MININT64, "EUR");
  aff_money_free (r);

  r = aff_money_subtract (min, minus_one, &error);  /* -2^63 + 1 */
  g_assert_no_error (error);
  assert_money (r, G_MININT64 + 1, "EUR");
  aff_money_free (r);

  r = aff_money_subtract (min, one, &error);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW);
  g_assert_null (r);
  g_clear_error (&error);

  r = aff_money_subtract (max, minus_one, &error);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW);
  g_assert_null (r);
  g_clear_error (&error);

  r = aff_money_subtract (zero, min, &error);       /* 0 - (-2^63) = 2^63 */
  g_assert_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW);
  g_assert_null (r);
  g_clear_error (&error);

  r = aff_money_subtract (minus_one, min, &error);  /* -1 + 2^63 = 2^63 - 1 */
  g_assert_no_error (error);
  assert_money (r, G_MAXINT64, "EUR");
  aff_money_free (r);

  /* currencies do not mix, even with the same number of decimals */
  r = aff_money_add (a, usd, &error);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH);
  g_assert_null (r);
  g_clear_error (&error);

  r = aff_money_add (a, jpy, &error);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH);
  g_assert_null (r);
  g_clear_error (&error);

  r = aff_money_subtract (jpy, a, &error);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH);
  g_assert_null (r);
  g_clear_error (&error);
}

static void
test_negate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffMoney) five = money (5, "EUR");
  g_autoptr(AffMoney) zero = money (0, "JPY");
  g_autoptr(AffMoney) max = money (G_MAXINT64, "EUR");
  g_autoptr(AffMoney) min = money (G_MININT64, "EUR");
  g_autoptr(AffMoney) min1 = money (G_MININT64 + 1, "KWD");
  AffMoney *r;

  r = aff_money_negate (five, &error);
  g_assert_no_error (error);
  assert_money (r, -5, "EUR");
  aff_money_free (r);

  r = aff_money_negate (zero, &error);
  g_assert_no_error (error);
  assert_money (r, 0, "JPY");
  g_assert_false (aff_money_is_negative (r));
  aff_money_free (r);

  r = aff_money_negate (max, &error);
  g_assert_no_error (error);
  assert_money (r, -G_MAXINT64, "EUR");
  aff_money_free (r);

  r = aff_money_negate (min1, &error);
  g_assert_no_error (error);
  assert_money (r, G_MAXINT64, "KWD");
  aff_money_free (r);

  r = aff_money_negate (min, &error);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW);
  g_assert_null (r);
}

static void
test_compare_equal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffMoney) a = money (100, "EUR");
  g_autoptr(AffMoney) a2 = money (100, "EUR");
  g_autoptr(AffMoney) b = money (250, "EUR");
  g_autoptr(AffMoney) neg = money (-250, "EUR");
  g_autoptr(AffMoney) max = money (G_MAXINT64, "EUR");
  g_autoptr(AffMoney) min = money (G_MININT64, "EUR");
  g_autoptr(AffMoney) usd = money (100, "USD");
  g_autoptr(AffMoney) jpy = money (100, "JPY");

  g_assert_cmpint (aff_money_compare (a, b, &error), ==, -1);
  g_assert_no_error (error);
  g_assert_cmpint (aff_money_compare (b, a, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (aff_money_compare (a, a2, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (aff_money_compare (neg, a, &error), ==, -1);
  g_assert_no_error (error);
  /* no subtraction overflow at the extremes */
  g_assert_cmpint (aff_money_compare (min, max, &error), ==, -1);
  g_assert_no_error (error);
  g_assert_cmpint (aff_money_compare (max, min, &error), ==, 1);
  g_assert_no_error (error);

  g_assert_cmpint (aff_money_compare (a, usd, &error), ==, 0);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH);
  g_clear_error (&error);
  g_assert_cmpint (aff_money_compare (jpy, a, &error), ==, 0);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH);
  g_clear_error (&error);

  g_assert_true (aff_money_equal (a, a2));
  g_assert_true (aff_money_equal (a, a));
  g_assert_false (aff_money_equal (a, b));
  g_assert_false (aff_money_equal (a, usd));   /* same minor, other currency */
  g_assert_false (aff_money_equal (a, jpy));
}

/* ---------------------------------------------------------------------- */

typedef struct
{
  gint64 minor;
  gint64 numerator;
  gint64 denominator;
  gint64 expected;
} MultiplyCase;

static void
test_multiply (void)
{
  const MultiplyCase cases[] = {
    /* the contract's examples */
    { 10000, 1, 3, 3333 },              /* 100.00 / 3 = 33.333… → 33.33 */
    { 5, 1, 2, 2 },                     /* 2.5 → 2 (even) */
    { 15, 1, 2, 8 },                    /* 7.5 → 8 (even) */
    { -5, 1, 2, -2 },                   /* -2.5 → -2 */
    { 100000, 1950, 10000, 19500 },     /* 1000.00 × 19.5 % = 195.00 */
    /* more halves, both signs */
    { 25, 1, 2, 12 },                   /* 12.5 → 12 */
    { 35, 1, 2, 18 },                   /* 17.5 → 18 */
    { -15, 1, 2, -8 },                  /* -7.5 → -8 */
    { -25, 1, 2, -12 },                 /* -12.5 → -12 */
    { 9, 1, 2, 4 },                     /* 4.5 → 4 */
    { 11, 1, 2, 6 },                    /* 5.5 → 6 */
    { -9, 1, 2, -4 },
    { -11, 1, 2, -6 },
    { 1, 1, 2, 0 },                     /* 0.5 → 0 */
    { -1, 1, 2, 0 },                    /* -0.5 → 0 */
    { 3, 1, 2, 2 },                     /* 1.5 → 2 */
    { -3, 1, 2, -2 },                   /* -1.5 → -2 */
    { -7, 3, 2, -10 },                  /* -21/2 = -10.5 → -10 */
    { 7, 3, 2, 10 },                    /* 10.5 → 10 */
    { 125, 1, 10, 12 },                 /* 12.5 → 12 */
    { 135, 1, 10, 14 },                 /* 13.5 → 14 */
    /* not halves: plain nearest */
    { 100, 2, 3, 67 },                  /* 66.67 → 67 */
    { -100, 2, 3, -67 },
    { 1, 1, 3, 0 },                     /* 0.333 → 0 */
    { 2, 1, 3, 1 },                     /* 0.667 → 1 */
    { 10001, 1, 2, 5000 },              /* 5000.5 → 5000 */
    { 10003, 1, 2, 5002 },              /* 5001.5 → 5002 */
    { 1999, 1, 1000, 2 },               /* 1.999 → 2 */
    { 7, 0, 5, 0 },
    /* negative denominators: the sign of the fraction is what counts */
    { 5, 1, -2, -2 },                   /* -2.5 → -2 */
    { 15, -1, -2, 8 },                  /* 7.5 → 8 */
    { 10, 1, -3, -3 },                  /* -3.33 → -3 */
    { 15, 1, -2, -8 },                  /* -7.5 → -8 */
    { -15, 1, -2, 8 },
    /* 128-bit intermediates near 2^63 */
    { G_MAXINT64, 1, 1, G_MAXINT64 },
    { G_MAXINT64, 2, 2, G_MAXINT64 },   /* (2^64 - 2) / 2 */
    { G_MAXINT64, G_MAXINT64, G_MAXINT64, G_MAXINT64 },
    { G_MAXINT64, G_MAXINT64 - 1, G_MAXINT64, G_MAXINT64 - 1 },   /* exact */
    { G_MAXINT64, -1, 1, -G_MAXINT64 },
    { G_MAXINT64, 1, -1, -G_MAXINT64 },
    { G_MININT64, 1, 1, G_MININT64 },
    { G_MININT64, 2, 2, G_MININT64 },
    { G_MININT64, 1, 2, -TWO_POW_62 },  /* -2^63 / 2 = -2^62 exactly */
    { G_MININT64, 1, G_MININT64, 1 },   /* -2^63 / -2^63 */
    { 1, G_MININT64, G_MININT64, 1 },
    { 5, 1, G_MININT64, 0 },            /* -5 / 2^63 → 0 */
    { 3, G_MAXINT64, G_MAXINT64, 3 },
    /* (2^63 - 1) / 2 = 2^62 - 0.5: between 2^62 - 1 (odd) and 2^62 (even) → 2^62 */
    { G_MAXINT64, 1, 2, TWO_POW_62 },
    { -G_MAXINT64, 1, 2, -TWO_POW_62 },
    /* (2^63 - 1) × 2 / 3 = 18446744073709551614 / 3
     *   = 6148914691236517204 remainder 2 (0.667) → 6148914691236517205
     *   (python3 -c 'print(divmod((2**63-1)*2, 3))') */
    { G_MAXINT64, 2, 3, G_GINT64_CONSTANT (6148914691236517205) },
    /* (2^62 + 1) × 3 / 2 = 13835058055282163715 / 2 = 6917529027641081857.5
     *   → 6917529027641081858 (even) */
    { TWO_POW_62 + 1, 3, 2, G_GINT64_CONSTANT (6917529027641081858) },
  };
  const MultiplyCase overflows[] = {
    { G_MAXINT64, 3, 2, 0 },            /* 1.5 × (2^63 - 1) */
    { G_MAXINT64, 2, 1, 0 },
    { G_MAXINT64, G_MAXINT64, G_MAXINT64 - 1, 0 },  /* a hair above 2^63 - 1 */
    { G_MININT64, -1, 1, 0 },           /* 2^63 */
    { G_MININT64, 1, -1, 0 },
    { G_MININT64, G_MININT64, 1, 0 },
    { G_MININT64, 3, 2, 0 },
    { TWO_POW_62, 2, 1, 0 },            /* exactly 2^63 */
  };
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AffMoney) m = money (cases[i].minor, "EUR");
      g_autoptr(AffMoney) r = NULL;

      g_test_message ("%" G_GINT64_FORMAT " × %" G_GINT64_FORMAT " / %" G_GINT64_FORMAT,
                      cases[i].minor, cases[i].numerator, cases[i].denominator);
      r = aff_money_multiply (m, cases[i].numerator, cases[i].denominator, &error);
      g_assert_no_error (error);
      assert_money (r, cases[i].expected, "EUR");
    }
  for (gsize i = 0; i < G_N_ELEMENTS (overflows); i++)
    {
      g_autoptr(AffMoney) m = money (overflows[i].minor, "EUR");
      g_autoptr(AffMoney) r = NULL;

      g_test_message ("%" G_GINT64_FORMAT " × %" G_GINT64_FORMAT " / %" G_GINT64_FORMAT,
                      overflows[i].minor, overflows[i].numerator, overflows[i].denominator);
      r = aff_money_multiply (m, overflows[i].numerator, overflows[i].denominator, &error);
      g_assert_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW);
      g_assert_null (r);
      g_clear_error (&error);
    }

  /* the currency is kept */
  {
    g_autoptr(AffMoney) m = money (1500, "JPY");
    g_autoptr(AffMoney) r = aff_money_multiply (m, 1, 4, &error);   /* 375 */

    g_assert_no_error (error);
    assert_money (r, 375, "JPY");
  }

  /* a zero denominator */
  {
    g_autoptr(AffMoney) m = money (100, "EUR");
    g_autoptr(AffMoney) r = aff_money_multiply (m, 1, 0, &error);

    g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
    g_assert_null (r);
    g_clear_error (&error);
  }
  {
    g_autoptr(AffMoney) m = money (0, "EUR");
    g_autoptr(AffMoney) r = aff_money_multiply (m, 0, 0, &error);

    g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
    g_assert_null (r);
    g_clear_error (&error);
  }
}

/* ---------------------------------------------------------------------- */

static void
assert_parts (GPtrArray    *parts,
              const gint64 *expected,
              gsize         n,
              const char   *currency)
{
  g_assert_nonnull (parts);
  g_assert_cmpuint (parts->len, ==, n);
  for (gsize i = 0; i < n; i++)
    {
      g_test_message ("part %" G_GSIZE_FORMAT, i);
      assert_money (g_ptr_array_index (parts, i), expected[i], currency);
    }
}

#define CHECK_ALLOCATE(minor, currency, weights_init, expected_init)                   \
  G_STMT_START {                                                                       \
    const guint w_[] = weights_init;                                                   \
    const gint64 e_[] = expected_init;                                                 \
    g_autoptr(AffMoney) m_ = money (minor, currency);                                  \
    g_autoptr(GError) err_ = NULL;                                                     \
    g_autoptr(GPtrArray) parts_ = NULL;                                                \
    G_STATIC_ASSERT (G_N_ELEMENTS (w_) == G_N_ELEMENTS (e_));                          \
    g_test_message ("allocate %" G_GINT64_FORMAT " %s", (gint64) (minor), currency);   \
    parts_ = aff_money_allocate (m_, w_, G_N_ELEMENTS (w_), &err_);                    \
    g_assert_no_error (err_);                                                          \
    assert_parts (parts_, e_, G_N_ELEMENTS (e_), currency);                            \
  } G_STMT_END

#define A(...) { __VA_ARGS__ }

static void
test_allocate (void)
{
  g_autoptr(GError) error = NULL;

  /* 100.00 EUR by 1:1:1 → 33.333… each, floors 3333 × 3 = 9999, the one
   * leftover cent goes to the first (equal remainders: earlier part) */
  CHECK_ALLOCATE (10000, "EUR", A (1, 1, 1), A (3334, 3333, 3333));
  /* 0.05 EUR by 3:7 → 1.5 and 3.5, floors 1 + 3 = 4, tie → earlier */
  CHECK_ALLOCATE (5, "EUR", A (3, 7), A (2, 3));
  /* negative amounts: split the opposite, negate each part */
  CHECK_ALLOCATE (-10000, "EUR", A (1, 1, 1), A (-3334, -3333, -3333));
  CHECK_ALLOCATE (-5, "EUR", A (3, 7), A (-2, -3));
  /* 1000 by 1:2:4 (sum 7): 142 r6, 285 r5, 571 r3 → floors 998, the two
   * leftover units go to the remainders 6/7 and 5/7 */
  CHECK_ALLOCATE (1000, "JPY", A (1, 2, 4), A (143, 286, 571));
  CHECK_ALLOCATE (-1000, "JPY", A (1, 2, 4), A (-143, -286, -571));
  /* the largest remainder is not the first part: 10 by 1:3 → 2.5, 7.5 → tie
   * → earlier gets it: 3, 7 */
  CHECK_ALLOCATE (10, "EUR", A (1, 3), A (3, 7));
  /* 10 by 2:1 → 6.667, 3.333 → 6 + 3 = 9, leftover to the first (0.667) */
  CHECK_ALLOCATE (10, "EUR", A (2, 1), A (7, 3));
  /* 10 by 1:2 → 3.333, 6.667 → leftover to the second */
  CHECK_ALLOCATE (10, "EUR", A (1, 2), A (3, 7));
  /* one part takes everything */
  CHECK_ALLOCATE (12345, "KWD", A (1), A (12345));
  CHECK_ALLOCATE (-12345, "KWD", A (7), A (-12345));
  /* a part of weight 0 gets nothing */
  CHECK_ALLOCATE (100, "EUR", A (0, 1, 1), A (0, 50, 50));
  /* 101 by 1:0:1 → 50.5, 0, 50.5 → tie between the first and the last → first */
  CHECK_ALLOCATE (101, "EUR", A (1, 0, 1), A (51, 0, 50));
  CHECK_ALLOCATE (7, "EUR", A (0, 0, 5), A (0, 0, 7));
  /* nothing to split */
  CHECK_ALLOCATE (0, "EUR", A (1, 2), A (0, 0));
  /* fewer units than parts: 2 by 1:1:1 → 0.667 each, floors 0, two leftovers
   * to the two earliest */
  CHECK_ALLOCATE (2, "EUR", A (1, 1, 1), A (1, 1, 0));
  /* the limits: (2^63 - 1) by 1:1 → 2^62 - 0.5 each, floors 2^62 - 1, the
   * leftover unit to the first */
  CHECK_ALLOCATE (G_MAXINT64, "EUR", A (1, 1), A (TWO_POW_62, TWO_POW_62 - 1));
  /* -2^63 by 1:1: |amount| = 2^63 does not fit in int64, but each half does */
  CHECK_ALLOCATE (G_MININT64, "EUR", A (1, 1), A (-TWO_POW_62, -TWO_POW_62));
  /* (2^63 - 1) by (2^32 - 1):1, sum 2^32:
   *   first  = (2^63 - 1)(2^32 - 1) / 2^32 = 9223372034707292159 remainder 1
   *   second = (2^63 - 1) / 2^32 = 2147483647 remainder 2^32 - 1
   *   floors sum to 2^63 - 2, the leftover unit to the second (larger remainder)
   *   (python3 -c 'M=2**63-1; print(divmod(M*(2**32-1), 2**32), divmod(M, 2**32))') */
  CHECK_ALLOCATE (G_MAXINT64, "JPY", A (G_MAXUINT, 1),
                  A (G_GINT64_CONSTANT (9223372034707292159), G_GINT64_CONSTANT (2147483648)));
  /* weights whose sum passes 32 bits */
  CHECK_ALLOCATE (10, "EUR", A (G_MAXUINT, G_MAXUINT), A (5, 5));

  /* no weight, or weights summing to zero */
  {
    const guint zeros[] = { 0, 0 };
    const guint one[] = { 1 };
    g_autoptr(AffMoney) m = money (100, "EUR");
    GPtrArray *parts;

    parts = aff_money_allocate (m, zeros, G_N_ELEMENTS (zeros), &error);
    g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
    g_assert_null (parts);
    g_clear_error (&error);

    parts = aff_money_allocate (m, one, 0, &error);
    g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
    g_assert_null (parts);
    g_clear_error (&error);
  }

  /* the parts always sum exactly to the amount */
  {
    const guint weights[] = { 3, 5, 0, 11, 2, 7, 1 };
    const gint64 amounts[] = { 1, 99, 12345, -12345, 1000003, -999999999 };

    for (gsize a = 0; a < G_N_ELEMENTS (amounts); a++)
      {
        g_autoptr(AffMoney) m = money (amounts[a], "EUR");
        g_autoptr(GPtrArray) parts = aff_money_allocate (m, weights, G_N_ELEMENTS (weights), &error);
        gint64 sum = 0;

        g_assert_no_error (error);
        g_assert_cmpuint (parts->len, ==, G_N_ELEMENTS (weights));
        for (guint i = 0; i < parts->len; i++)
          {
            AffMoney *part = g_ptr_array_index (parts, i);

            g_assert_cmpstr (aff_money_get_currency (part), ==, "EUR");
            sum += aff_money_get_minor (part);
          }
        g_assert_cmpint (sum, ==, amounts[a]);
        /* the part of weight 0 is zero */
        g_assert_cmpint (aff_money_get_minor (g_ptr_array_index (parts, 2)), ==, 0);
      }
  }
}

/* ---------------------------------------------------------------------- */

#define NNBSP "\xe2\x80\xaf"   /* U+202F NARROW NO-BREAK SPACE */
#define NBSP  "\xc2\xa0"       /* U+00A0 NO-BREAK SPACE */
#define EURO  "\xe2\x82\xac"   /* U+20AC € */
#define YEN   "\xc2\xa5"       /* U+00A5 ¥ */
#define POUND "\xc2\xa3"       /* U+00A3 £ */

static void
test_format (void)
{
  const struct { gint64 minor; const char *currency; const char *locale; const char *text; } cases[] = {
    /* French */
    { 123456, "EUR", "fr", "1" NNBSP "234,56" NBSP EURO },
    { 123456, "EUR", "fr_FR", "1" NNBSP "234,56" NBSP EURO },
    { 123456, "EUR", "fr_FR.UTF-8", "1" NNBSP "234,56" NBSP EURO },
    { -123456789, "EUR", "fr", "-1" NNBSP "234" NNBSP "567,89" NBSP EURO },
    { 1500, "JPY", "fr", "1" NNBSP "500" NBSP YEN },
    { 123, "JPY", "fr", "123" NBSP YEN },
    { 5, "EUR", "fr", "0,05" NBSP EURO },
    { -5, "EUR", "fr", "-0,05" NBSP EURO },
    { 0, "EUR", "fr", "0,00" NBSP EURO },
    { 99999, "EUR", "fr", "999,99" NBSP EURO },
    { 100000, "EUR", "fr", "1" NNBSP "000,00" NBSP EURO },
    { 100, "USD", "fr", "1,00" NBSP "$" },
    { 123456, "GBP", "fr", "1" NNBSP "234,56" NBSP POUND },
    { 1234567, "KWD", "fr", "1" NNBSP "234,567" NBSP "KWD" },   /* no symbol: the code */
    { 123456, "CHF", "fr", "1" NNBSP "234,56" NBSP "CHF" },
    /* -92233720368547758.08 */
    { G_MININT64, "EUR", "fr",
      "-92" NNBSP "233" NNBSP "720" NNBSP "368" NNBSP "547" NNBSP "758,08" NBSP EURO },
    /* English: symbol first */
    { 123456, "EUR", "en", EURO "1,234.56" },
    { -123456, "EUR", "en", "-" EURO "1,234.56" },
    { 123456, "EUR", "en_US", EURO "1,234.56" },
    { 123456, "EUR", "en_GB", EURO "1,234.56" },
    { 123456789, "GBP", "en_GB", POUND "1,234,567.89" },
    { 100, "USD", "en_US", "$1.00" },
    { 1500, "JPY", "en", YEN "1,500" },
    { 5, "EUR", "en", EURO "0.05" },
    { G_MAXINT64, "EUR", "en", EURO "92,233,720,368,547,758.07" },
    { G_MININT64, "EUR", "en", "-" EURO "92,233,720,368,547,758.08" },
    /* German */
    { 123456, "EUR", "de", "1.234,56" NBSP EURO },
    { 123456, "EUR", "de_DE", "1.234,56" NBSP EURO },
    { -123456789, "EUR", "de", "-1.234.567,89" NBSP EURO },
    { 1500, "JPY", "de", "1.500" NBSP YEN },
    { 5, "EUR", "de", "0,05" NBSP EURO },
    /* no conventions: to_string () */
    { 123456, "EUR", "C", "1234.56 EUR" },
    { 123456, "EUR", "POSIX", "1234.56 EUR" },
    { 123456, "EUR", NULL, "1234.56 EUR" },
    { 123456, "EUR", "xx_YY", "1234.56 EUR" },
    { -5, "EUR", "C", "-0.05 EUR" },
    { 1500, "JPY", NULL, "1500 JPY" },
    { 1234, "KWD", "POSIX", "1.234 KWD" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AffMoney) m = money (cases[i].minor, cases[i].currency);
      g_autofree char *text = aff_money_format (m, cases[i].locale);

      g_test_message ("format %" G_GINT64_FORMAT " %s in %s",
                      cases[i].minor, cases[i].currency,
                      cases[i].locale ? cases[i].locale : "(null)");
      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* ---------------------------------------------------------------------- */

static void
test_misuse (void)
{
  g_autoptr(AffMoney) m = money (100, "EUR");
  g_autoptr(GError) error = NULL;
  AffMoney *r;

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_cmpint (aff_money_get_minor (NULL), ==, 0);
  g_test_assert_expected_messages ();

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_null (aff_money_get_currency (NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
  r = aff_money_add (m, NULL, &error);
  g_test_assert_expected_messages ();
  g_assert_null (r);
  g_assert_no_error (error);

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
  r = aff_money_negate (NULL, &error);
  g_test_assert_expected_messages ();
  g_assert_null (r);
  g_assert_no_error (error);

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
  r = aff_money_parse (NULL, &error);
  g_test_assert_expected_messages ();
  g_assert_null (r);

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_null (aff_money_to_string (NULL));
  g_test_assert_expected_messages ();

  /* freeing NULL is allowed */
  aff_money_free (NULL);
}

static void
test_boxed (void)
{
  g_autoptr(AffMoney) m = money (4200, "EUR");
  AffMoney *copy;

  g_assert_true (G_TYPE_IS_BOXED (AFF_TYPE_MONEY));
  copy = g_boxed_copy (AFF_TYPE_MONEY, m);
  assert_money (copy, 4200, "EUR");
  g_boxed_free (AFF_TYPE_MONEY, copy);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/new", test_new);
  g_test_add_func ("/money/currency-exponent", test_currency_exponent);
  g_test_add_func ("/money/parse", test_parse);
  g_test_add_func ("/money/parse-leading-zeros", test_parse_leading_zeros);
  g_test_add_func ("/money/parse-bad-code", test_parse_bad_code);
  g_test_add_func ("/money/to-string", test_to_string);
  g_test_add_func ("/money/add-subtract", test_add_subtract);
  g_test_add_func ("/money/negate", test_negate);
  g_test_add_func ("/money/compare-equal", test_compare_equal);
  g_test_add_func ("/money/multiply", test_multiply);
  g_test_add_func ("/money/allocate", test_allocate);
  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/misuse", test_misuse);
  g_test_add_func ("/money/boxed", test_boxed);

  return g_test_run ();
}
