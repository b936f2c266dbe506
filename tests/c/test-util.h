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

/* A date written year, month, day, as people read it. */
G_GNUC_UNUSED static GDate *
day (int y, int m, int d)
{
  return g_date_new_dmy (d, m, y);
}

G_GNUC_UNUSED static void
assert_date (const GDate *date,
             int y, int m, int d)
{
  g_assert_nonnull (date);
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, y);
  g_assert_cmpint (g_date_get_month (date), ==, m);
  g_assert_cmpint (g_date_get_day (date), ==, d);
}

/* The text of a golden file of tests/data/golden, which a rendering must
 * equal byte for byte. */
G_GNUC_UNUSED static char *
golden (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "golden", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}
