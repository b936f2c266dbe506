/* aff-money.c: exact amounts of money
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <string.h>
#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-money-private.h"

/**
 * AffMoney:
 *
 * An exact amount of money: a signed 64-bit count of the minor unit of an
 * ISO 4217 currency (cents for EUR, yen for JPY, fils for KWD).
 *
 * Amounts are immutable; every operation returns a new one. Arithmetic checks
 * for overflow and refuses to mix currencies, reporting both as a #GError
 * rather than wrapping or converting silently. Scaling by a rate or a
 * fraction ([method@Aff.Money.multiply]) rounds exactly once, half to even;
 * splitting an amount ([method@Aff.Money.allocate]) never loses a minor unit.
 *
 * In the portfolio document and in [method@Aff.Money.to_string] an amount is
 * written `1234.56 EUR`: the decimal amount with exactly the currency's
 * number of decimals, one space, the code.
 */

struct _AffMoney
{
  gint64 minor;
  char currency[4];
  guint8 exponent;
};

AFF_DEFINE_BOXED_TYPE (AffMoney, aff_money, aff_money_copy, aff_money_free)

typedef struct
{
  char code[4];
  guint8 exponent;
} CurrencyInfo;

/* ISO 4217 list one (active codes that have minor units), sorted for bsearch.
 * Funds and precious metals without minor units (XAU, XDR…) are not money
 * an affair is priced in, so they are left out on purpose. */
static const CurrencyInfo currencies[] = {
  { "AED", 2 }, { "AFN", 2 }, { "ALL", 2 }, { "AMD", 2 }, { "ANG", 2 }, { "AOA", 2 },
  { "ARS", 2 }, { "AUD", 2 }, { "AWG", 2 }, { "AZN", 2 }, { "BAM", 2 }, { "BBD", 2 },
  { "BDT", 2 }, { "BGN", 2 }, { "BHD", 3 }, { "BIF", 0 }, { "BMD", 2 }, { "BND", 2 },
  { "BOB", 2 }, { "BOV", 2 }, { "BRL", 2 }, { "BSD", 2 }, { "BTN", 2 }, { "BWP", 2 },
  { "BYN", 2 }, { "BZD", 2 }, { "CAD", 2 }, { "CDF", 2 }, { "CHE", 2 }, { "CHF", 2 },
  { "CHW", 2 }, { "CLF", 4 }, { "CLP", 0 }, { "CNY", 2 }, { "COP", 2 }, { "COU", 2 },
  { "CRC", 2 }, { "CUP", 2 }, { "CVE", 2 }, { "CZK", 2 }, { "DJF", 0 }, { "DKK", 2 },
  { "DOP", 2 }, { "DZD", 2 }, { "EGP", 2 }, { "ERN", 2 }, { "ETB", 2 }, { "EUR", 2 },
  { "FJD", 2 }, { "FKP", 2 }, { "GBP", 2 }, { "GEL", 2 }, { "GHS", 2 }, { "GIP", 2 },
  { "GMD", 2 }, { "GNF", 0 }, { "GTQ", 2 }, { "GYD", 2 }, { "HKD", 2 }, { "HNL", 2 },
  { "HTG", 2 }, { "HUF", 2 }, { "IDR", 2 }, { "ILS", 2 }, { "INR", 2 }, { "IQD", 3 },
  { "IRR", 2 }, { "ISK", 0 }, { "JMD", 2 }, { "JOD", 3 }, { "JPY", 0 }, { "KES", 2 },
  { "KGS", 2 }, { "KHR", 2 }, { "KMF", 0 }, { "KPW", 2 }, { "KRW", 0 }, { "KWD", 3 },
  { "KYD", 2 }, { "KZT", 2 }, { "LAK", 2 }, { "LBP", 2 }, { "LKR", 2 }, { "LRD", 2 },
  { "LSL", 2 }, { "LYD", 3 }, { "MAD", 2 }, { "MDL", 2 }, { "MGA", 2 }, { "MKD", 2 },
  { "MMK", 2 }, { "MNT", 2 }, { "MOP", 2 }, { "MRU", 2 }, { "MUR", 2 }, { "MVR", 2 },
  { "MWK", 2 }, { "MXN", 2 }, { "MXV", 2 }, { "MYR", 2 }, { "MZN", 2 }, { "NAD", 2 },
  { "NGN", 2 }, { "NIO", 2 }, { "NOK", 2 }, { "NPR", 2 }, { "NZD", 2 }, { "OMR", 3 },
  { "PAB", 2 }, { "PEN", 2 }, { "PGK", 2 }, { "PHP", 2 }, { "PKR", 2 }, { "PLN", 2 },
  { "PYG", 0 }, { "QAR", 2 }, { "RON", 2 }, { "RSD", 2 }, { "RUB", 2 }, { "RWF", 0 },
  { "SAR", 2 }, { "SBD", 2 }, { "SCR", 2 }, { "SDG", 2 }, { "SEK", 2 }, { "SGD", 2 },
  { "SHP", 2 }, { "SLE", 2 }, { "SOS", 2 }, { "SRD", 2 }, { "SSP", 2 }, { "STN", 2 },
  { "SVC", 2 }, { "SYP", 2 }, { "SZL", 2 }, { "THB", 2 }, { "TJS", 2 }, { "TMT", 2 },
  { "TND", 3 }, { "TOP", 2 }, { "TRY", 2 }, { "TTD", 2 }, { "TWD", 2 }, { "TZS", 2 },
  { "UAH", 2 }, { "UGX", 0 }, { "USD", 2 }, { "USN", 2 }, { "UYI", 0 }, { "UYU", 2 },
  { "UYW", 4 }, { "UZS", 2 }, { "VED", 2 }, { "VES", 2 }, { "VND", 0 }, { "VUV", 0 },
  { "WST", 2 }, { "XAF", 0 }, { "XCD", 2 }, { "XCG", 2 }, { "XOF", 0 }, { "XPF", 0 },
  { "YER", 2 }, { "ZAR", 2 }, { "ZMW", 2 }, { "ZWG", 2 },
};

static int
compare_code (const void *key,
              const void *item)
{
  return strcmp (key, ((const CurrencyInfo *) item)->code);
}

static const CurrencyInfo *
find_currency (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return NULL;
  return bsearch (code, currencies, G_N_ELEMENTS (currencies),
                  sizeof currencies[0], compare_code);
}

/**
 * aff_currency_get_exponent:
 * @currency: an ISO 4217 alphabetic code, such as `EUR`
 * @exponent: (out) (optional): where to store the number of decimals of the
 *   currency's minor unit
 *
 * Looks up an ISO 4217 currency.
 *
 * Returns: %TRUE if @currency is a known code with minor units
 */
gboolean
aff_currency_get_exponent (const char *currency,
                           guint      *exponent)
{
  const CurrencyInfo *info = find_currency (currency);

  if (info == NULL)
    return FALSE;
  if (exponent != NULL)
    *exponent = info->exponent;
  return TRUE;
}

static AffMoney *
money_alloc (gint64              minor,
             const CurrencyInfo *info)
{
  AffMoney *money = g_new (AffMoney, 1);

  money->minor = minor;
  memcpy (money->currency, info->code, sizeof money->currency);
  money->exponent = info->exponent;
  return money;
}

static const CurrencyInfo *
require_currency (const char  *currency,
                  GError     **error)
{
  const CurrencyInfo *info = find_currency (currency);

  if (info == NULL)
    g_set_error (error, AFF_ERROR, AFF_ERROR_UNKNOWN_CURRENCY,
                 _("“%s” is not an ISO 4217 currency code with minor units"),
                 currency ? currency : "(null)");
  return info;
}

/**
 * aff_money_new:
 * @minor: the amount in minor units of @currency (cents for EUR)
 * @currency: an ISO 4217 alphabetic code, such as `EUR`
 * @error: return location for a #GError
 *
 * Creates an amount from a count of minor units.
 *
 * Returns: (transfer full): a new amount, or %NULL with
 *   %AFF_ERROR_UNKNOWN_CURRENCY set
 */
AffMoney *
aff_money_new (gint64       minor,
               const char  *currency,
               GError     **error)
{
  const CurrencyInfo *info = require_currency (currency, error);

  return info ? money_alloc (minor, info) : NULL;
}

/**
 * aff_money_new_zero:
 * @currency: an ISO 4217 alphabetic code
 * @error: return location for a #GError
 *
 * Creates a zero amount of @currency.
 *
 * Returns: (transfer full): a new amount, or %NULL with
 *   %AFF_ERROR_UNKNOWN_CURRENCY set
 */
AffMoney *
aff_money_new_zero (const char  *currency,
                    GError     **error)
{
  return aff_money_new (0, currency, error);
}

/* Anything longer overflows 64 bits anyway; and 10^30 scaled to the
 * largest exponent of ISO 4217 (4) still fits in 128 bits, whereas 10^37
 * scaled to 3 decimals did not. Only significant digits count: leading
 * zeros change no value, so refusing them would refuse a small amount. */
#define MAX_DIGITS 30

/* The count of significant digits stops at MAX_DIGITS, which is already
 * an overflow: the value stays within 128 bits and the count cannot wrap
 * however long the text. */
static const char *
read_digits (const char *p,
             guint      *n_digits,
             guint      *n_significant,
             AffInt128  *value)
{
  for (; g_ascii_isdigit (*p); p++, (*n_digits)++)
    if ((*value != 0 || *p != '0') && *n_significant < MAX_DIGITS)
      {
        *value = *value * 10 + (*p - '0');
        (*n_significant)++;
      }
  return p;
}

/**
 * aff_money_parse:
 * @text: an amount written `1234.56 EUR`
 * @error: return location for a #GError
 *
 * Reads an amount written as a decimal number (optional sign, digits, and at
 * most as many decimals as the currency has), one space, and an ISO 4217 code:
 * `1234.56 EUR`, `-0.05 EUR`, `1500 JPY`, `12.5 EUR` (twelve euros fifty).
 * Nothing is rounded: more decimals than the currency has is an error. A
 * word of letters after the amount is taken as the currency code, so `1 EURO`
 * or `12.50 eur` name an unknown currency rather than malformed text.
 *
 * The syntax, exactly: an optional `+` or `-`, one or more ASCII digits,
 * optionally a `.` and one or more ASCII digits, one space, one or more ASCII
 * letters; no exponent, digit grouping or other whitespace. Leading zeros are
 * allowed in any number (`007.10 EUR` is seven euros ten): only the value
 * counts, so an amount is refused with %AFF_ERROR_OVERFLOW when its minor
 * units do not fit in 64 bits, however many digits it is written with.
 *
 * Returns: (transfer full): a new amount, or %NULL with %AFF_ERROR_INVALID_VALUE,
 *   %AFF_ERROR_UNKNOWN_CURRENCY or %AFF_ERROR_OVERFLOW set
 */
AffMoney *
aff_money_parse (const char  *text,
                 GError     **error)
{
  const char *p = text;
  const CurrencyInfo *info;
  AffInt128 value = 0;
  gboolean negative = FALSE;
  guint n_int = 0, n_frac = 0, n_significant = 0;
  guint i;

  g_return_val_if_fail (text != NULL, NULL);

  if (*p == '-' || *p == '+')
    negative = (*p++ == '-');
  p = read_digits (p, &n_int, &n_significant, &value);
  if (*p == '.')
    {
      p = read_digits (p + 1, &n_frac, &n_significant, &value);
      if (n_frac == 0)
        goto invalid;
    }
  /* Any word of letters after the amount is meant as a currency code, so a
   * wrong one ("eur", "EURO") is an unknown currency, not malformed text. */
  if (n_int == 0 || *p != ' ' || p[1] == '\0')
    goto invalid;
  for (i = 1; p[i] != '\0'; i++)
    if (!g_ascii_isalpha (p[i]))
      goto invalid;

  info = require_currency (p + 1, error);
  if (info == NULL)
    return NULL;
  if (n_frac > info->exponent)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("“%s” has more decimals than %s has (%u)"),
                   text, info->code, (guint) info->exponent);
      return NULL;
    }
  if (n_significant >= MAX_DIGITS)
    goto overflow;
  for (i = n_frac; i < info->exponent; i++)
    value *= 10;
  if (negative)
    value = -value;
  if (value > G_MAXINT64 || value < G_MININT64)
    goto overflow;
  return money_alloc ((gint64) value, info);

invalid:
  g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
               _("“%s” is not an amount written like “1234.56 EUR”"), text);
  return NULL;

overflow:
  g_set_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW,
               _("“%s” does not fit in 64 bits of minor units"), text);
  return NULL;
}

/**
 * aff_money_copy:
 * @money: an amount
 *
 * Copies an amount.
 *
 * Returns: (transfer full): a copy of @money
 */
AffMoney *
aff_money_copy (const AffMoney *money)
{
  g_return_val_if_fail (money != NULL, NULL);

  return g_memdup2 (money, sizeof *money);
}

/**
 * aff_money_free:
 * @money: (nullable): an amount
 *
 * Frees an amount.
 */
void
aff_money_free (AffMoney *money)
{
  g_free (money);
}

/**
 * aff_money_get_minor:
 * @money: an amount
 *
 * Gets the amount in minor units of its currency.
 *
 * Returns: the amount in minor units of its currency
 */
gint64
aff_money_get_minor (const AffMoney *money)
{
  g_return_val_if_fail (money != NULL, 0);
  return money->minor;
}

gint64
_aff_money_minor (const AffMoney *money)
{
  return money->minor;
}

/**
 * aff_money_get_currency:
 * @money: an amount
 *
 * Gets the ISO 4217 code of the amount's currency.
 *
 * Returns: (transfer none): the ISO 4217 code of the amount's currency
 */
const char *
aff_money_get_currency (const AffMoney *money)
{
  g_return_val_if_fail (money != NULL, NULL);
  return money->currency;
}

/**
 * aff_money_get_exponent:
 * @money: an amount
 *
 * Gets the number of decimals of the currency's minor unit (2 for EUR).
 *
 * Returns: the number of decimals of the currency's minor unit (2 for EUR)
 */
guint
aff_money_get_exponent (const AffMoney *money)
{
  g_return_val_if_fail (money != NULL, 0);
  return money->exponent;
}

/**
 * aff_money_is_zero:
 * @money: an amount
 *
 * Tells whether the amount is zero.
 *
 * Returns: whether the amount is zero
 */
gboolean
aff_money_is_zero (const AffMoney *money)
{
  g_return_val_if_fail (money != NULL, FALSE);
  return money->minor == 0;
}

/**
 * aff_money_is_negative:
 * @money: an amount
 *
 * Tells whether the amount is below zero.
 *
 * Returns: whether the amount is below zero
 */
gboolean
aff_money_is_negative (const AffMoney *money)
{
  g_return_val_if_fail (money != NULL, FALSE);
  return money->minor < 0;
}

static gboolean
same_currency (const AffMoney  *a,
               const AffMoney  *b,
               GError         **error)
{
  if (strcmp (a->currency, b->currency) == 0)
    return TRUE;
  g_set_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH,
               _("cannot combine an amount in %s with one in %s"),
               a->currency, b->currency);
  return FALSE;
}

static AffMoney *
checked_result (AffInt128       value,
                const AffMoney *like,
                const char     *operation,
                GError        **error)
{
  if (value > G_MAXINT64 || value < G_MININT64)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW,
                   _("the %s of amounts in %s overflows 64 bits of minor units"),
                   operation, like->currency);
      return NULL;
    }
  return money_alloc ((gint64) value, find_currency (like->currency));
}

/**
 * aff_money_add:
 * @a: an amount
 * @b: an amount in the same currency
 * @error: return location for a #GError
 *
 * Adds two amounts.
 *
 * Returns: (transfer full): @a + @b, or %NULL with
 *   %AFF_ERROR_CURRENCY_MISMATCH or %AFF_ERROR_OVERFLOW set
 */
AffMoney *
aff_money_add (const AffMoney  *a,
               const AffMoney  *b,
               GError         **error)
{
  g_return_val_if_fail (a != NULL && b != NULL, NULL);

  if (!same_currency (a, b, error))
    return NULL;
  return checked_result ((AffInt128) a->minor + b->minor, a, "sum", error);
}

/**
 * aff_money_subtract:
 * @a: an amount
 * @b: an amount in the same currency
 * @error: return location for a #GError
 *
 * Subtracts @b from @a.
 *
 * Returns: (transfer full): @a − @b, or %NULL with
 *   %AFF_ERROR_CURRENCY_MISMATCH or %AFF_ERROR_OVERFLOW set
 */
AffMoney *
aff_money_subtract (const AffMoney  *a,
                    const AffMoney  *b,
                    GError         **error)
{
  g_return_val_if_fail (a != NULL && b != NULL, NULL);

  if (!same_currency (a, b, error))
    return NULL;
  return checked_result ((AffInt128) a->minor - b->minor, a, "difference", error);
}

/**
 * aff_money_negate:
 * @money: an amount
 * @error: return location for a #GError
 *
 * Gets −@money, or %NULL with %AFF_ERROR_OVERFLOW set for the one amount
 * whose opposite does not fit in 64 bits.
 *
 * Returns: (transfer full): −@money, or %NULL with %AFF_ERROR_OVERFLOW set for
 *   the one amount whose opposite does not fit in 64 bits
 */
AffMoney *
aff_money_negate (const AffMoney  *money,
                  GError         **error)
{
  g_return_val_if_fail (money != NULL, NULL);

  return checked_result (-(AffInt128) money->minor, money, "opposite", error);
}

/**
 * aff_money_compare:
 * @a: an amount
 * @b: an amount in the same currency
 * @error: return location for a #GError
 *
 * Compares two amounts of one currency. Amounts in different currencies have
 * no order without an exchange rate, so comparing them is an error.
 *
 * Returns: -1, 0 or 1 as @a is below, equal to or above @b; 0 with
 *   %AFF_ERROR_CURRENCY_MISMATCH set when the currencies differ
 */
int
aff_money_compare (const AffMoney  *a,
                   const AffMoney  *b,
                   GError         **error)
{
  g_return_val_if_fail (a != NULL && b != NULL, 0);

  if (!same_currency (a, b, error))
    return 0;
  return (a->minor > b->minor) - (a->minor < b->minor);
}

/**
 * aff_money_equal:
 * @a: an amount
 * @b: another amount
 *
 * Tells whether two amounts are the same: same currency, same value. Unlike
 * [method@Aff.Money.compare], amounts in different currencies are simply unequal.
 *
 * Returns: %TRUE if both amounts have the same currency and value
 */
gboolean
aff_money_equal (const AffMoney *a,
                 const AffMoney *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->minor == b->minor && strcmp (a->currency, b->currency) == 0;
}

gboolean
_aff_round_half_even_wide (AffInt128  numerator,
                           AffInt128  denominator,
                           gint64    *result)
{
  AffInt128 q, r, twice;

  g_assert (denominator != 0);
  if (denominator < 0)
    {
      numerator = -numerator;
      denominator = -denominator;
    }
  q = numerator / denominator;
  r = numerator % denominator;
  twice = 2 * (r < 0 ? -r : r);
  if (twice > denominator || (twice == denominator && (q % 2) != 0))
    q += numerator < 0 ? -1 : 1;
  if (q > G_MAXINT64 || q < G_MININT64)
    return FALSE;
  *result = (gint64) q;
  return TRUE;
}

/**
 * aff_money_multiply:
 * @money: an amount
 * @numerator: the numerator of the factor
 * @denominator: the denominator of the factor, not zero
 * @error: return location for a #GError
 *
 * Scales an amount by the exact fraction @numerator / @denominator, rounding
 * the result once to the nearest minor unit, half to even (banker's rounding,
 * so that rounding errors do not pile up in one direction over many lines).
 * A rate in basis points is `multiply (rate, 10000)`.
 *
 * Returns: (transfer full): the scaled amount, or %NULL with
 *   %AFF_ERROR_INVALID_VALUE (zero denominator) or %AFF_ERROR_OVERFLOW set
 */
AffMoney *
aff_money_multiply (const AffMoney  *money,
                    gint64           numerator,
                    gint64           denominator,
                    GError         **error)
{
  gint64 result;

  g_return_val_if_fail (money != NULL, NULL);

  if (denominator == 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("cannot scale %s by a fraction whose denominator is zero"),
                   money->currency);
      return NULL;
    }
  if (!_aff_round_half_even ((AffInt128) money->minor * numerator, denominator, &result))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW,
                   _("scaling an amount in %s by %" PRId64 "/%" PRId64
                     " overflows 64 bits of minor units"),
                   money->currency, numerator, denominator);
      return NULL;
    }
  return money_alloc (result, find_currency (money->currency));
}

typedef struct
{
  gsize index;
  AffInt128 remainder;
} Share;

static int
compare_shares (const void *a,
                const void *b)
{
  const Share *sa = a, *sb = b;

  if (sa->remainder != sb->remainder)
    return sa->remainder > sb->remainder ? -1 : 1;
  return (sa->index > sb->index) - (sa->index < sb->index);
}

/**
 * aff_money_allocate:
 * @money: the amount to split
 * @weights: (array length=n_weights): the relative weight of each part
 * @n_weights: the number of parts, at least one
 * @error: return location for a #GError
 *
 * Splits an amount into parts proportional to @weights that add up exactly to
 * @money, by the largest-remainder method: each part gets the whole minor
 * units of its exact share, and the units left over go one each to the parts
 * with the largest fractional remainders (the earlier part on a tie). A
 * negative amount is split as its opposite and each part negated.
 *
 * Returns: (transfer container) (element-type AffMoney): the parts, in the order of
 *   @weights, or %NULL with %AFF_ERROR_INVALID_VALUE set when there is no
 *   weight or they sum to zero
 */
GPtrArray *
aff_money_allocate (const AffMoney  *money,
                    const guint     *weights,
                    gsize            n_weights,
                    GError         **error)
{
  g_autofree gint64 *wide = NULL;
  gsize i;

  g_return_val_if_fail (money != NULL, NULL);
  g_return_val_if_fail (weights != NULL || n_weights == 0, NULL);

  wide = g_new (gint64, n_weights);
  for (i = 0; i < n_weights; i++)
    wide[i] = weights[i];
  return _aff_money_allocate (money, wide, n_weights, error);
}

/* aff_money_allocate() with weights as wide as amounts, so that amounts can
 * weigh a split (a price spread over lines pro rata of their costs). */
GPtrArray *
_aff_money_allocate (const AffMoney *money,
                     const gint64   *weights,
                     gsize           n_weights,
                     GError        **error)
{
  const CurrencyInfo *info;
  g_autofree Share *shares = NULL;
  g_autofree AffInt128 *parts = NULL;
  GPtrArray *result;
  AffInt128 total, sum = 0, given = 0;
  gsize i;

  for (i = 0; i < n_weights; i++)
    {
      g_return_val_if_fail (weights[i] >= 0, NULL);
      sum += weights[i];
    }
  if (sum == 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("cannot split %s: the weights are missing or all zero"),
                   money->currency);
      return NULL;
    }

  info = find_currency (money->currency);
  total = money->minor < 0 ? -(AffInt128) money->minor : money->minor;
  shares = g_new (Share, n_weights);
  parts = g_new (AffInt128, n_weights);
  for (i = 0; i < n_weights; i++)
    {
      AffInt128 exact = total * weights[i];

      parts[i] = exact / sum;
      shares[i].index = i;
      shares[i].remainder = exact % sum;
      given += parts[i];
    }
  qsort (shares, n_weights, sizeof *shares, compare_shares);
  for (i = 0; given < total; i++, given++)
    parts[shares[i].index]++;

  result = g_ptr_array_new_full (n_weights, (GDestroyNotify) aff_money_free);
  for (i = 0; i < n_weights; i++)
    g_ptr_array_add (result, money_alloc ((gint64) (money->minor < 0 ? -parts[i] : parts[i]), info));
  return result;
}

/* Writes |minor| as integer and fraction digits. */
static void
split_digits (const AffMoney *money,
              GString        *integer,
              GString        *fraction)
{
  guint64 magnitude = money->minor < 0 ? -(guint64) money->minor : (guint64) money->minor;
  guint64 scale = 1;
  guint i;

  for (i = 0; i < money->exponent; i++)
    scale *= 10;
  g_string_printf (integer, "%" G_GUINT64_FORMAT, magnitude / scale);
  if (money->exponent > 0)
    g_string_printf (fraction, "%0*" G_GUINT64_FORMAT, (int) money->exponent, magnitude % scale);
  else
    g_string_truncate (fraction, 0);
}

/**
 * aff_money_to_string:
 * @money: an amount
 *
 * Writes the amount the way [func@Aff.Money.parse] reads it and the portfolio
 * document stores it: `1234.56 EUR`, `-0.05 EUR`, `1500 JPY`.
 *
 * Returns: (transfer full): the amount as text
 */
char *
aff_money_to_string (const AffMoney *money)
{
  g_autoptr(GString) integer = g_string_new (NULL);
  g_autoptr(GString) fraction = g_string_new (NULL);

  g_return_val_if_fail (money != NULL, NULL);

  split_digits (money, integer, fraction);
  return g_strdup_printf ("%s%s%s%s %s", money->minor < 0 ? "-" : "", integer->str,
                          fraction->len ? "." : "", fraction->str, money->currency);
}

typedef struct
{
  const char *language;
  const char *group;
  const char *decimal;
  gboolean symbol_first;
  const char *symbol_space;
} LocaleFormat;

/* CLDR conventions: French groups with a narrow no-break space and puts a
 * no-break space before the symbol, so an amount never breaks across lines. */
static const LocaleFormat locale_formats[] = {
  { "fr", "\u202f", ",", FALSE, "\u00a0" },
  { "de", ".", ",", FALSE, "\u00a0" },
  { "en", ",", ".", TRUE, "" },
};

static const char *
currency_symbol (const char *code)
{
  static const char *const symbols[][2] = {
    { "EUR", "€" }, { "USD", "$" }, { "GBP", "£" }, { "JPY", "¥" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (strcmp (symbols[i][0], code) == 0)
      return symbols[i][1];
  return code;
}

/**
 * aff_money_format:
 * @money: an amount
 * @locale: (nullable): a locale name such as `fr_FR.UTF-8`, `fr`, `en_GB` or `de_DE`
 *
 * Writes an amount for people, with the grouping, decimal mark and currency
 * symbol of the locale's language, following CLDR: `1 234,56 €` in French
 * (a narrow no-break space groups the thousands and a no-break space precedes
 * the symbol), `€1,234.56` in English, `1.234,56 €` in German. Languages
 * without conventions here, `C`, `POSIX` and %NULL give [method@Aff.Money.to_string].
 *
 * Returns: (transfer full): the formatted amount
 */
char *
aff_money_format (const AffMoney *money,
                  const char     *locale)
{
  g_autoptr(GString) integer = g_string_new (NULL);
  g_autoptr(GString) fraction = g_string_new (NULL);
  const LocaleFormat *format = NULL;
  GString *out;
  gsize i, len;

  g_return_val_if_fail (money != NULL, NULL);

  if (locale != NULL)
    {
      len = strcspn (locale, "_.@-");
      for (i = 0; i < G_N_ELEMENTS (locale_formats); i++)
        if (len == 2 && g_ascii_strncasecmp (locale, locale_formats[i].language, 2) == 0)
          format = &locale_formats[i];
    }
  if (format == NULL)
    return aff_money_to_string (money);

  split_digits (money, integer, fraction);
  out = g_string_new (money->minor < 0 ? "-" : "");
  if (format->symbol_first)
    g_string_append (out, currency_symbol (money->currency));
  for (i = 0; i < integer->len; i++)
    {
      if (i > 0 && (integer->len - i) % 3 == 0)
        g_string_append (out, format->group);
      g_string_append_c (out, integer->str[i]);
    }
  if (fraction->len > 0)
    g_string_append_printf (out, "%s%s", format->decimal, fraction->str);
  if (!format->symbol_first)
    g_string_append_printf (out, "%s%s", format->symbol_space, currency_symbol (money->currency));
  return g_string_free (out, FALSE);
}
