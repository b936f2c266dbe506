/* aff-money-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "aff-money.h"
#include "aff-language-private.h"

G_BEGIN_DECLS

/* G_DEFINE_BOXED_TYPE passes the copy function through a transparent union,
 * which -Wpedantic reports on every use although it is GLib's own idiom. */
#define AFF_DEFINE_BOXED_TYPE(TypeName, type_name, copy_func, free_func)     \
  _Pragma ("GCC diagnostic push")                                          \
  _Pragma ("GCC diagnostic ignored \"-Wpedantic\"")                        \
  G_DEFINE_BOXED_TYPE (TypeName, type_name, copy_func, free_func)          \
  _Pragma ("GCC diagnostic pop")

__extension__ typedef __int128 AffInt128;

/* The one rounding of the library: value = numerator / denominator, half to
 * even; the 128-bit division, for what does not fit in 64 bits. */
gboolean _aff_round_half_even_wide (AffInt128  numerator,
                                    AffInt128  denominator,
                                    gint64    *result);

/* The same, in 64-bit arithmetic when both fit: a status rounds hundreds of
 * figures, and a 128-bit division is a call taking several times longer. */
static inline gboolean
_aff_round_half_even (AffInt128  numerator,
                      AffInt128  denominator,
                      gint64    *result)
{
  if (numerator >= -G_MAXINT64 && numerator <= G_MAXINT64 && denominator > 0 && denominator <= G_MAXINT64)
    {
      gint64 n = (gint64) numerator, d = (gint64) denominator, q = n / d, r = n % d;
      guint64 twice = 2 * (guint64) (r < 0 ? -r : r);

      /* d ≥ 2 when r ≠ 0, so |q| ≤ G_MAXINT64 / 2 and q ± 1 fits. */
      if (twice > (guint64) d || (twice == (guint64) d && (q % 2) != 0))
        q += n < 0 ? -1 : 1;
      *result = q;
      return TRUE;
    }
  return _aff_round_half_even_wide (numerator, denominator, result);
}

gint64 _aff_money_minor (const AffMoney *money);

GPtrArray *_aff_money_allocate (const AffMoney *money,
                                const gint64   *weights,
                                gsize           n_weights,
                                GError        **error);

/* A figure kept in minor units and handed out as an AffMoney made on the
 * first call: snapshots with many figures allocate only those read. Two
 * threads reading the same figure may both make it; one keeps its own. */
static inline const AffMoney *
_aff_money_cached (AffMoney   **slot,
                   gint64       minor,
                   const char  *currency)
{
  AffMoney *money = g_atomic_pointer_get (slot);

  if (money != NULL)
    return money;
  money = aff_money_new (minor, currency, NULL);
  if (!g_atomic_pointer_compare_and_exchange (slot, NULL, money))
    {
      aff_money_free (money);
      money = g_atomic_pointer_get (slot);
    }
  return money;
}

/* @amount × @numerator / @denominator rounded half to even, 0 when the
 * denominator is 0; sets @overflow when the result leaves 64 bits. */
static inline gint64
_aff_scale (gint64     amount,
            AffInt128  numerator,
            AffInt128  denominator,
            gboolean  *overflow)
{
  gint64 result = 0;

  if (denominator != 0 && !_aff_round_half_even ((AffInt128) amount * numerator, denominator, &result))
    *overflow = TRUE;
  return result;
}

/* Minor units of @currency written for people in the language @lang of
 * aff-language-private.h, as the texts around them are: "1 234,56 €" in
 * French, "€1,234.56" in English (aff_money_format()). */
static inline char *
_aff_money_format_in (guint           lang,
                      const AffMoney *money)
{
  return aff_money_format (money, lang == LANG_EN ? "en" : "fr");
}

static inline char *
_aff_money_text (guint       lang,
                 gint64      minor,
                 const char *currency)
{
  g_autoptr(AffMoney) money = aff_money_new (minor, currency, NULL);

  return _aff_money_format_in (lang, money);
}

G_END_DECLS
