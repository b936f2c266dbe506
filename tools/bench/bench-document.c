/* bench-document.c: loading and saving a portfolio document, beside a peer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Builds a portfolio of N clients (3 contacts, 20 interactions and 2 status
 * changes each, every change journaled), saves it, then times loading and
 * saving it with libaffaires and, in the same run, with Python's json module
 * on the same file: json.load into dicts, json.dump back with fsync. The peer
 * parses and writes but checks nothing; libaffaires validates every member,
 * builds GObjects and writes atomically. Prints the medians and the ratios.
 *
 * Usage: bench-document [N_CLIENTS] [PYTHON]
 */
#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include <affaires.h>

#define ROUNDS 5

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *values)
{
  qsort (values, ROUNDS, sizeof *values, compare_doubles);
  return values[ROUNDS / 2];
}

static AffPortfolio *
build (guint n_clients)
{
  AffPortfolio *portfolio = aff_portfolio_new ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 1, 9, 0, 0);
  guint i, j;

  aff_portfolio_set_fixed_time (portfolio, now);
  aff_portfolio_set_actor (portfolio, "bench");
  for (i = 0; i < n_clients; i++)
    {
      g_autofree char *id = g_strdup_printf ("C%06u", i);
      g_autofree char *name = g_strdup_printf ("Client industriel n° %u", i);
      g_autoptr(AffClient) client = aff_client_new (id, name);
      g_autoptr(GDate) won = g_date_new_dmy (1 + i % 28, 1 + i % 12, 2024);
      g_autoptr(GDate) quiet = g_date_new_dmy (1 + i % 28, 1 + i % 12, 2025);

      aff_client_set_address (client, "1 rue de l'Usine\n57000 Metz");
      aff_client_set_sector (client, "33.12Z", NULL);
      for (j = 0; j < 3; j++)
        {
          g_autofree char *contact_name = g_strdup_printf ("Contact %u", j);
          g_autoptr(AffContact) contact = aff_contact_new (contact_name);

          aff_contact_set_role (contact, "acheteur");
          aff_contact_set_email (contact, "contact@client.example");
          aff_client_add_contact (client, contact, NULL);
        }
      aff_portfolio_add_client (portfolio, client, NULL);
      aff_client_change_status (client, AFF_CLIENT_STATUS_ACTIVE, won, "first order", NULL);
      aff_client_change_status (client, AFF_CLIENT_STATUS_DORMANT, quiet, "no work", NULL);
      for (j = 0; j < 20; j++)
        {
          g_autoptr(GDate) date = g_date_new_dmy (1 + j, 1 + j % 12, 2026);
          g_autoptr(AffInteraction) interaction =
            aff_interaction_new (j % 7, date, "échange sur les besoins de maintenance de l'arrêt");

          aff_interaction_set_contact (interaction, "Contact 1");
          if (j % 7 == AFF_INTERACTION_KIND_SURVEY)
            aff_interaction_set_satisfaction (interaction, 7);
          aff_portfolio_record_interaction (portfolio, id, interaction, NULL);
        }
    }
  return portfolio;
}

static double
run_peer (const char *python,
          const char *script,
          const char *path,
          const char *what)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { python, script, what, path, NULL };
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, NULL, &status, &error) || !g_spawn_check_wait_status (status, &error))
    g_error ("peer failed: %s", error->message);
  return g_ascii_strtod (out, NULL);
}

int
main (int   argc,
      char *argv[])
{
  guint n_clients = argc > 1 ? (guint) atoi (argv[1]) : 5000;
  const char *python = argc > 2 ? argv[2] : "/usr/bin/python3";
  g_autofree char *folder = g_dir_make_tmp ("aff-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "portfolio.json", NULL);
  g_autofree char *out_path = g_build_filename (folder, "saved.json", NULL);
  g_autofree char *script = g_build_filename (g_path_get_dirname (argv[0]), "peer-document.py", NULL);
  g_autoptr(AffPortfolio) portfolio = build (n_clients);
  double load[ROUNDS], save[ROUNDS], peer_load, peer_save;
  struct stat st;
  guint i;

  if (!g_file_test (script, G_FILE_TEST_EXISTS))
    script = g_build_filename (g_getenv ("AFF_SOURCE_ROOT") ? g_getenv ("AFF_SOURCE_ROOT") : ".",
                               "tools", "bench", "peer-document.py", NULL);
  if (!aff_portfolio_save_to_file (portfolio, path, NULL))
    return 1;
  g_stat (path, &st);

  for (i = 0; i < ROUNDS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GError) error = NULL;
      g_autoptr(AffPortfolio) loaded = aff_portfolio_new_from_file (path, &error);

      if (loaded == NULL)
        g_error ("%s", error->message);
      load[i] = (g_get_monotonic_time () - start) / 1e6;
      start = g_get_monotonic_time ();
      if (!aff_portfolio_save_to_file (loaded, out_path, &error))
        g_error ("%s", error->message);
      save[i] = (g_get_monotonic_time () - start) / 1e6;
    }
  peer_load = run_peer (python, script, path, "load");
  peer_save = run_peer (python, script, path, "save");

  g_print ("document: %u clients, %u journal entries, %.1f MiB\n", n_clients,
           aff_journal_get_n_entries (aff_portfolio_get_journal (portfolio)),
           st.st_size / 1048576.0);
  g_print ("load  libaffaires %.3f s   python json %.3f s   ratio %.2f\n",
           median (load), peer_load, median (load) / peer_load);
  g_print ("save  libaffaires %.3f s   python json %.3f s   ratio %.2f\n",
           median (save), peer_save, median (save) / peer_save);

  g_unlink (path);
  g_unlink (out_path);
  g_rmdir (folder);
  return 0;
}
