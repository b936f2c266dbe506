/* aff-string-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether two strings are the same, NULL the same only as NULL, compared
 * here byte by byte: the ids a status compares by the thousand ("T1",
 * "EUR", an invoice's number) are short, and most differ early, where a
 * call to strcmp() costs more than the comparison. */
static inline gboolean
_aff_str_equal0 (const char *a,
                 const char *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  for (; *a == *b; a++, b++)
    if (*a == '\0')
      return TRUE;
  return FALSE;
}

G_END_DECLS
