/* test-util.h: small helpers shared by the C tests
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib-object.h>

/* A "notify" handler that counts. */
G_GNUC_UNUSED static void
count_notify (G_GNUC_UNUSED GObject    *object,
              G_GNUC_UNUSED GParamSpec *pspec,
              gpointer                  user_data)
{
  guint *count = user_data;

  (*count)++;
}

/* The document without the whitespace between tokens, so that the tests do
 * not depend on the writer's indentation. */
G_GNUC_UNUSED static char *
compact_json (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean in_string = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (in_string)
        {
          g_string_append_c (out, *p);
          if (*p == '\\' && p[1] != '\0')
            g_string_append_c (out, *++p);
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        {
          in_string = TRUE;
          g_string_append_c (out, *p);
        }
      else if (!g_ascii_isspace (*p))
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}
