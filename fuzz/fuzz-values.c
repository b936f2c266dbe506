/* fuzz-values.c: libFuzzer harness for the parsers of single values
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The first byte of the input chooses the parser (its value modulo 8: a
 * seed file starts with the digit 0 to 7), the rest is its text:
 *
 *   0  aff_money_parse: the result must be what the documented grammar
 *      says (sign, digits, at most as many decimals as the currency has,
 *      one space, a word of letters naming a currency; leading zeros
 *      change no value, however many), computed here independently; a
 *      parsed amount printed by aff_money_to_string must parse back to
 *      the same amount, and print the same again;
 *   1  aff_date_from_iso, the ISO dates of the loader: accepted exactly
 *      when the text is YYYY-MM-DD naming a day of the calendar (checked
 *      here independently), and written back as the same text;
 *   2  aff_client_set_siren / aff_siren_is_valid: nine digits with a valid
 *      Luhn check digit, nothing changed when refused;
 *   3  aff_client_set_sector: a NAF code NN.NNL;
 *   4  currencies: aff_currency_get_exponent, aff_policy_set_currency and
 *      aff_money_new_zero agree;
 *   5  aff_policy_set_language: fr or en;
 *   6  the quantity of aff_offer_line_new: digits with at most three
 *      decimals, at most 10^12 units; read back as the same value;
 *   7  aff_money_format with the text as locale: valid UTF-8, never empty.
 *
 * Any disagreement aborts, which libFuzzer records as a crash.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <affaires.h>
#include "aff-json-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Wide enough for any value the parsers must refuse as too large. */
__extension__ typedef __int128 Wide;

#define CHECK(condition)                                                          \
  G_STMT_START {                                                                  \
    if (!(condition))                                                             \
      {                                                                           \
        g_printerr ("%s:%d: check failed: %s (input “%s”)\n", __FILE__, __LINE__, \
                    #condition, text);                                            \
        abort ();                                                                 \
      }                                                                           \
  } G_STMT_END

/* A refusal: an error of the documented domain and code, with a message. */
static gboolean
refused_with (const GError *error,
              int           code)
{
  return error != NULL && error->domain == AFF_ERROR && error->code == code && error->message[0] != '\0';
}

/* ---- 0: amounts ------------------------------------------------------------ */

typedef enum { MONEY_OK, MONEY_INVALID, MONEY_UNKNOWN_CURRENCY, MONEY_OVERFLOW } MoneyVerdict;

/* What aff_money_parse must do with @text, from its documentation, and
 * the amount in minor units when it reads one. */
static MoneyVerdict
expected_money (const char *text,
                gint64     *minor,
                guint      *exponent)
{
  const char *p = text;
  gboolean negative = FALSE;
  const char *integer, *fraction = NULL;
  gsize n_integer, n_fraction = 0;
  Wide value = 0;
  guint i;

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  integer = p;
  while (g_ascii_isdigit (*p))
    p++;
  n_integer = (gsize) (p - integer);
  if (*p == '.')
    {
      fraction = ++p;
      while (g_ascii_isdigit (*p))
        p++;
      n_fraction = (gsize) (p - fraction);
      if (n_fraction == 0)
        return MONEY_INVALID;
    }
  if (n_integer == 0 || *p != ' ' || p[1] == '\0')
    return MONEY_INVALID;
  for (i = 1; p[i] != '\0'; i++)
    if (!g_ascii_isalpha (p[i]))
      return MONEY_INVALID;
  if (!aff_currency_get_exponent (p + 1, exponent))
    return MONEY_UNKNOWN_CURRENCY;
  if (n_fraction > *exponent)
    return MONEY_INVALID;
  /* The value, stopping once it is out of reach of 64 bits. */
  for (i = 0; i < n_integer + *exponent; i++)
    {
      char digit = i < n_integer ? integer[i] : i - n_integer < n_fraction ? fraction[i - n_integer] : '0';

      value = value * 10 + (digit - '0');
      if (value > (Wide) G_MAXINT64 + 1)
        return MONEY_OVERFLOW;
    }
  if (negative)
    value = -value;
  if (value > G_MAXINT64 || value < G_MININT64)
    return MONEY_OVERFLOW;
  *minor = (gint64) value;
  return MONEY_OK;
}

static void
fuzz_money (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffMoney) money = aff_money_parse (text, &error);
  gint64 minor = 0;
  guint exponent = 0;
  MoneyVerdict verdict = expected_money (text, &minor, &exponent);

  CHECK ((money == NULL) == (error != NULL));
  if (money == NULL)
    {
      CHECK (verdict != MONEY_OK);
      CHECK (refused_with (error, verdict == MONEY_INVALID ? AFF_ERROR_INVALID_VALUE
                                  : verdict == MONEY_UNKNOWN_CURRENCY ? AFF_ERROR_UNKNOWN_CURRENCY
                                  : AFF_ERROR_OVERFLOW));
      return;
    }
  CHECK (verdict == MONEY_OK);
  CHECK (aff_money_get_minor (money) == minor);
  CHECK (aff_money_get_exponent (money) == exponent);
  CHECK (strcmp (aff_money_get_currency (money), strchr (text, ' ') + 1) == 0);
  {
    g_autofree char *printed = aff_money_to_string (money);
    g_autoptr(GError) again_error = NULL;
    g_autoptr(AffMoney) again = aff_money_parse (printed, &again_error);
    g_autofree char *printed_again = NULL;

    CHECK (again != NULL);
    CHECK (aff_money_equal (money, again));
    CHECK (aff_money_get_minor (again) == minor);
    CHECK (strcmp (aff_money_get_currency (again), aff_money_get_currency (money)) == 0);
    printed_again = aff_money_to_string (again);
    CHECK (strcmp (printed, printed_again) == 0);
  }
  {
    static const char *const locales[] = { "fr_FR.UTF-8", "en", "de_DE", "C" };

    for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
      {
        g_autofree char *formatted = aff_money_format (money, locales[i]);

        CHECK (formatted != NULL && *formatted != '\0' && g_utf8_validate (formatted, -1, NULL));
      }
  }
}

/* ---- 1: ISO dates ---------------------------------------------------------- */

static void
fuzz_date (const char *text)
{
  GDate date;
  gboolean ok = aff_date_from_iso (text, &date);
  gboolean expected = strlen (text) == 10 && text[4] == '-' && text[7] == '-';
  guint year = 0, month = 0, day = 0;

  for (guint i = 0; expected && i < 10; i++)
    if (i != 4 && i != 7)
      expected = text[i] >= '0' && text[i] <= '9';
  if (expected)
    {
      year = (guint) ((text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0'));
      month = (guint) ((text[5] - '0') * 10 + (text[6] - '0'));
      day = (guint) ((text[8] - '0') * 10 + (text[9] - '0'));
      expected = year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
                 day <= g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
    }
  CHECK (ok == expected);
  if (ok)
    {
      g_autofree char *iso = aff_date_to_iso (&date);

      CHECK (g_date_valid (&date));
      CHECK (g_date_get_year (&date) == year && g_date_get_month (&date) == month && g_date_get_day (&date) == day);
      CHECK (strcmp (iso, text) == 0);
    }
}

/* ---- 2, 3: SIREN and NAF code ---------------------------------------------- */

static gboolean
expected_siren (const char *text)
{
  guint sum = 0;

  if (strlen (text) != 9)
    return FALSE;
  /* Luhn, from the right: every second digit doubled. */
  for (int i = 8, position = 0; i >= 0; i--, position++)
    {
      guint digit;

      if (text[i] < '0' || text[i] > '9')
        return FALSE;
      digit = (guint) (text[i] - '0') * (position % 2 == 1 ? 2 : 1);
      sum += digit / 10 + digit % 10;
    }
  return sum % 10 == 0;
}

static void
fuzz_siren (const char *text)
{
  g_autoptr(AffClient) client = aff_client_new ("C1", "Client");
  g_autoptr(GError) error = NULL;
  gboolean ok = aff_client_set_siren (client, text, &error);

  CHECK (ok == expected_siren (text));
  CHECK (ok == aff_siren_is_valid (text));
  if (ok)
    CHECK (g_strcmp0 (aff_client_get_siren (client), text) == 0);
  else
    {
      CHECK (refused_with (error, AFF_ERROR_INVALID_VALUE));
      CHECK (aff_client_get_siren (client) == NULL);
    }
}

static void
fuzz_sector (const char *text)
{
  g_autoptr(AffClient) client = aff_client_new ("C1", "Client");
  g_autoptr(GError) error = NULL;
  gboolean ok = aff_client_set_sector (client, text, &error);
  gboolean expected = strlen (text) == 6 && text[2] == '.' && text[5] >= 'A' && text[5] <= 'Z';

  for (guint i = 0; expected && i < 5; i++)
    if (i != 2)
      expected = text[i] >= '0' && text[i] <= '9';
  CHECK (ok == expected);
  if (ok)
    CHECK (g_strcmp0 (aff_client_get_sector (client), text) == 0);
  else
    {
      CHECK (refused_with (error, AFF_ERROR_INVALID_VALUE));
      CHECK (aff_client_get_sector (client) == NULL);
    }
}

/* ---- 4, 5: policy ---------------------------------------------------------- */

static void
fuzz_currency (const char *text)
{
  g_autoptr(AffPolicy) policy = aff_policy_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) zero_error = NULL;
  g_autoptr(AffMoney) zero = aff_money_new_zero (text, &zero_error);
  g_autofree char *before = g_strdup (aff_policy_get_currency (policy));
  guint exponent = 99;
  gboolean known = aff_currency_get_exponent (text, &exponent);
  gboolean ok = aff_policy_set_currency (policy, text, &error);

  CHECK (ok == known);
  CHECK ((zero != NULL) == known);
  if (known)
    {
      CHECK (exponent <= 4);
      CHECK (strcmp (aff_policy_get_currency (policy), text) == 0);
      CHECK (strcmp (aff_money_get_currency (zero), text) == 0);
      CHECK (aff_money_get_exponent (zero) == exponent);
      CHECK (aff_money_is_zero (zero));
    }
  else
    {
      CHECK (refused_with (error, AFF_ERROR_UNKNOWN_CURRENCY));
      CHECK (refused_with (zero_error, AFF_ERROR_UNKNOWN_CURRENCY));
      CHECK (strcmp (aff_policy_get_currency (policy), before) == 0);
    }
}

static void
fuzz_language (const char *text)
{
  g_autoptr(AffPolicy) policy = aff_policy_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = g_strdup (aff_policy_get_language (policy));
  gboolean ok = aff_policy_set_language (policy, text, &error);

  CHECK (ok == (strcmp (text, "fr") == 0 || strcmp (text, "en") == 0));
  if (ok)
    CHECK (strcmp (aff_policy_get_language (policy), text) == 0);
  else
    {
      CHECK (refused_with (error, AFF_ERROR_INVALID_VALUE));
      CHECK (strcmp (aff_policy_get_language (policy), before) == 0);
    }
}

/* ---- 6: quantities ------------------------------------------------------------ */

static gboolean
expected_quantity (const char *text,
                   gint64     *thousandths)
{
  const char *p = text;
  Wide value = 0;
  guint digits = 0, decimals = 0;

  for (; *p >= '0' && *p <= '9'; p++, digits++)
    if ((value = value * 10 + (*p - '0')) > (Wide) 1000000000000000)
      return FALSE;
  value *= 1000;
  if (*p == '.')
    {
      int scale = 100;

      for (p++; *p >= '0' && *p <= '9'; p++, decimals++, scale /= 10)
        {
          if (decimals == 3)
            return FALSE;
          value += (*p - '0') * scale;
        }
      if (decimals == 0)
        return FALSE;
    }
  if (digits == 0 || *p != '\0' || value > (Wide) 1000000000000000)
    return FALSE;
  *thousandths = (gint64) value;
  return TRUE;
}

static void
fuzz_quantity (const char *text)
{
  g_autoptr(AffMoney) cost = aff_money_parse ("12.50 EUR", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffOfferLine) line = aff_offer_line_new (AFF_LINE_KIND_MATERIAL, "tube", text, AFF_LINE_UNIT_METRE,
                                                     cost, &error);
  gint64 thousandths = -1;
  gboolean expected = expected_quantity (text, &thousandths);

  CHECK ((line != NULL) == expected);
  if (line == NULL)
    {
      CHECK (refused_with (error, AFF_ERROR_INVALID_VALUE));
      return;
    }
  CHECK (aff_offer_line_get_quantity_thousandths (line) == thousandths);
  {
    g_autofree char *printed = aff_offer_line_dup_quantity (line);
    g_autoptr(AffOfferLine) again = aff_offer_line_new (AFF_LINE_KIND_MATERIAL, "tube", printed,
                                                        AFF_LINE_UNIT_METRE, cost, NULL);
    g_autofree char *printed_again = NULL;

    CHECK (again != NULL);
    CHECK (aff_offer_line_get_quantity_thousandths (again) == thousandths);
    printed_again = aff_offer_line_dup_quantity (again);
    CHECK (strcmp (printed, printed_again) == 0);
  }
}

/* ---- 7: locales ---------------------------------------------------------------- */

static void
fuzz_locale (const char *text)
{
  static const char *const amounts[] = { "-1234567.89 EUR", "0.05 USD", "1500 JPY", "-92233720368547758.08 EUR" };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autoptr(AffMoney) money = aff_money_parse (amounts[i], NULL);
      g_autofree char *formatted = aff_money_format (money, text);

      CHECK (money != NULL);
      CHECK (formatted != NULL && *formatted != '\0' && g_utf8_validate (formatted, -1, NULL));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static void (*const targets[]) (const char *) = {
    fuzz_money, fuzz_date, fuzz_siren, fuzz_sector, fuzz_currency, fuzz_language, fuzz_quantity, fuzz_locale,
  };
  g_autofree char *text = NULL;

  if (size == 0)
    return 0;
  /* The text stops at the first NUL, as a C string does. */
  text = g_strndup ((const char *) data + 1, size - 1);
  targets[data[0] % G_N_ELEMENTS (targets)] (text);
  return 0;
}
