/* replay.c: runs a libFuzzer harness over files, without libFuzzer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Built with the ordinary compiler, it replays the seed corpus and the
 * hostile-document corpus on every test run, so that a harness never rots
 * even where clang is missing.
 */
#include <stdint.h>
#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static guint
replay_path (const char *path)
{
  guint count = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          count += replay_path (child);
        }
    }
  else
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        g_error ("cannot read %s", path);
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
      count = 1;
    }
  return count;
}

int
main (int   argc,
      char *argv[])
{
  guint count = 0;
  int i;

  for (i = 1; i < argc; i++)
    count += replay_path (argv[i]);
  g_print ("1..1\nok 1 - replayed %u inputs\n", count);
  return count > 0 ? 0 : 1;
}
