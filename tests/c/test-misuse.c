/* test-misuse.c: every method refuses a NULL instance with a critical
 *
 * The calls come from the GIR (gen-misuse.py): a method added later is
 * tested without anyone writing it here.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "misuse-calls.h"

static void
test_null_instance (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);

  if (g_test_subprocess ())
    {
      calls[i].call ();
      /* Reached only when the method neither refused nor crashed. */
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  if (g_test_trap_has_passed ())
    g_error ("%s (NULL, …) carried on without a critical", calls[i].name);
  g_test_trap_assert_stderr ("*CRITICAL*");
}

/* The generator leaves out what it cannot call with zeros: a parameter of
 * a type it does not know. None today; should one appear, it is named. */
static void
test_nothing_skipped (void)
{
  for (guint i = 0; skipped[i] != NULL; i++)
    g_test_message ("not called: %s", skipped[i]);
  g_assert_null (skipped[0]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_cmpuint (G_N_ELEMENTS (calls), >, 1000);
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autofree char *path = g_strdup_printf ("/misuse/%s", calls[i].name);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_null_instance);
    }
  g_test_add_func ("/misuse/nothing-skipped", test_nothing_skipped);
  return g_test_run ();
}
