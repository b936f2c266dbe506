/* aff-language-private.h: writing for people in the policy's language
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The languages of AffPolicy:language, in the order tables list them. */
enum { LANG_FR, LANG_EN, N_LANGS };

/* Picks the spelling of the language in the variable `lang`. Both spellings
 * are literals, so the compiler still checks the formats. */
#define L(fr, en) (lang == LANG_EN ? (en) : (fr))

static inline guint
_aff_language_index (const char *language)
{
  return language != NULL && language[0] == 'e' && language[1] == 'n' && language[2] == '\0' ? LANG_EN : LANG_FR;
}

/* A decimal number as the language writes it, whatever the process's
 * locale: "0,889" in French, "0.889" in English. */
static inline char *
_aff_language_decimal (guint  lang,
                       double value,
                       int    places)
{
  char format[8], buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (format, sizeof format, "%%.%df", CLAMP (places, 0, 9));
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  if (lang == LANG_FR)
    g_strdelimit (buffer, ".", ',');
  return g_strdup (buffer);
}

/* A rate in basis points as the language writes it, exactly (no double):
 * "15,00 %" in French, with a no-break space, "15.00%" in English. */
static inline char *
_aff_language_rate (guint lang,
                    int   basis_points)
{
  guint magnitude = basis_points < 0 ? 0u - (guint) basis_points : (guint) basis_points;

  return g_strdup_printf (L ("%s%u,%02u\u00a0%%", "%s%u.%02u%%"), basis_points < 0 ? "-" : "",
                          magnitude / 100, magnitude % 100);
}

G_END_DECLS
