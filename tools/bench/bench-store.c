/* bench-store.c: the JSON and SQLite stores, beside Python and the sqlite3 tool
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Builds the portfolio of bench-dashboard (bench-portfolio.h: N affairs,
 * 10^4 by default, 100 ledger lines each, 10^6 in all) through the public
 * API, then measures, each beside its peer in the same run:
 *
 * - saving it whole and loading it: the JSON store (one document, written
 *   atomically) and the SQLite store ("save as" into a new database),
 *   against Python's json.load and json.dump of the same document (with
 *   fsync and rename, as the library writes); every load, Python's too, in
 *   a process of its own (this program again, with --child);
 * - opening the SQLite store and computing the dashboard, against Python
 *   merely parsing the JSON document; and, for the library owner, the
 *   phases of that load replayed in a process of their own (--phases):
 *   reading the rows, parsing the JSON bodies, reading the ledgers, each
 *   alone, beside the load and the dashboard as measured; and the first
 *   access to the journal afterwards (instant unless the store reads it
 *   when first needed);
 * - saving one change into each store loaded once: the first after the
 *   load, then rounds alternating an interaction recorded on a client and
 *   a ledger line added to an affair, median and max of each;
 * - the peak memory (VmHWM) of loading and computing the dashboard, each
 *   store in a process of its own (this program again, with --child), and
 *   of Python's json.load, in MiB and against the document's size;
 * - appending 10^6 ledger lines: the same portfolio without ledger lines
 *   saved into SQLite and loaded back, 100 lines imported into each affair,
 *   then the save that appends them, against the sqlite3 tool (.import
 *   --csv in one transaction) and Python's sqlite3 executemany (one
 *   transaction), both into a copy of that database taken before, with the
 *   store's pragmas (WAL, synchronous FULL, foreign keys on).
 *
 * The Python side is peer-store.py; every file goes into a temporary folder
 * removed at the end (AFF_BENCH_KEEP=1 in the environment keeps it, for a
 * profiler: `bench-store --child sqlite FOLDER/store.sqlite 5`).
 *
 * Usage: bench-store [N_AFFAIRS] [PYTHON]
 *        bench-store --child json|sqlite PATH [REPEATS [--touch]]
 *        bench-store --phases PATH
 *   The second form loads the store at PATH and computes its dashboard
 *   REPEATS times (1 by default), then prints the times of the last round
 *   and the process's peak memory; with --touch, every ledger is read
 *   before the dashboard (the fallback when the dashboard fails on a store
 *   that reads ledgers when first needed). The third replays the SQLite
 *   store's reads and parses and prints their times.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <json-glib/json-glib.h>

#include "aff-json-private.h"
#include <glib/gstdio.h>

#include <affaires.h>
#include "bench-util.h"
#include "bench-portfolio.h"

/* Rounds of the whole-portfolio cases, of one change saved into the SQLite
 * store, and into the JSON store (which rewrites everything each time). */
#define BIG_ROUNDS 3
#define SQLITE_CHANGE_ROUNDS 9
#define JSON_CHANGE_ROUNDS 3

/* ---- Helpers -------------------------------------------------------------- */

static GDate *
dashboard_date (void)
{
  return day (2026, 6, 15);
}

/* The figures the C and Python sides check each other with. */
typedef struct
{
  guint n_affairs;
  gint64 cost, billed;
} Totals;

static void
totals_of (AffDashboard *d,
           Totals       *t)
{
  const AffDashboardRow *row = aff_dashboard_get_totals (d);

  t->n_affairs = aff_dashboard_row_get_n_affairs (row);
  t->cost = aff_money_get_minor (aff_dashboard_row_get_cost_at_completion (row));
  t->billed = aff_money_get_minor (aff_dashboard_row_get_billed (row));
}

static gboolean
same_totals (const Totals *a,
             const Totals *b)
{
  return a->n_affairs == b->n_affairs && a->cost == b->cost && a->billed == b->billed;
}

static AffStore *
store_new (gboolean    sqlite,
           const char *path)
{
  return sqlite ? aff_sqlite_store_new (path) : aff_json_store_new (path);
}

/* A portfolio fresh from a store, ready to be changed as the bench does. */
static void
prepare_loaded (AffPortfolio *p)
{
  g_autoptr(GDateTime) clock = g_date_time_new_utc (2026, 6, 15, 9, 0, 0);

  aff_portfolio_set_actor (p, "Bench");
  aff_portfolio_set_fixed_time (p, clock);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (goffset) st.st_size : 0;
}

static double
mib (double bytes)
{
  return bytes / (1024.0 * 1024.0);
}

/* The peak resident memory of this process, in KiB. */
static gint64
peak_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return g_ascii_strtoll (line + strlen ("VmHWM:"), NULL, 10);
}

/* Runs @argv; its stdout's "key value" lines into a table (key → double
 * *), or NULL when it failed. */
static GHashTable *
run_keyed (const char *const *argv,
           double            *elapsed)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *values;
  int status = 0;
  double t0 = now ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_printerr ("%s %s failed: %s%s\n", argv[0], argv[1], error != NULL ? error->message : "",
                  err != NULL ? err : "");
      return NULL;
    }
  if (elapsed != NULL)
    *elapsed = now () - t0;
  if (err != NULL && *err != '\0')
    g_printerr ("%s", err);
  values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (lines[i], " ", 2);

      if (words[0] != NULL && words[1] != NULL)
        {
          double value = g_ascii_strtod (words[1], NULL);

          g_hash_table_insert (values, g_strdup (words[0]), g_memdup2 (&value, sizeof value));
        }
    }
  return values;
}

static double
value_of (GHashTable *values,
          const char *key)
{
  double *value = values != NULL ? g_hash_table_lookup (values, key) : NULL;

  return value != NULL ? *value : 0;
}

static void
remove_tree (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
}

/* A SQLite database and what SQLite keeps beside it. */
static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) destination = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  check (g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error), error, "copy");
}

/* ---- The child: one store loaded, its dashboard computed ------------------ */

/* Reads @path through, so that the load timed next finds it in the page
 * cache whatever ran before: the JSON store's child takes 3 GiB, and the
 * kernel may have let another file's pages go meanwhile. Every file a
 * timed load reads, the peer's too, is read so before it. */
static void
warm (const char *path)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  const volatile char *bytes;
  gsize size, i;
  char sum = 0;

  if (file == NULL)
    return;
  bytes = g_mapped_file_get_contents (file);
  size = g_mapped_file_get_length (file);
  for (i = 0; i < size; i += 4096)
    sum ^= bytes[i];
  (void) sum;
}

static int
child_main (const char *kind,
            const char *path,
            guint       repeats,
            gboolean    touch)
{
  g_autoptr(GDate) date = dashboard_date ();
  double load = 0, dashboard = 0, journal = 0;
  Totals totals = { 0 };

  repeats = MAX (repeats, 1u);
  for (guint r = 0; r < repeats; r++)
    {
      AffStore *store;
      AffPortfolio *p;
      AffDashboard *d;
      g_autoptr(GError) error = NULL;
      double t0 = now (), t1;

      store = store_new (strcmp (kind, "sqlite") == 0, path);
      p = aff_store_load (store, &error);
      check (p != NULL, error, "load");
      t1 = now ();
      /* --touch: every ledger read first, one after the other, for a store
       * whose ledgers, read when first needed, fail to be read by the
       * dashboard's threads. */
      if (touch)
        {
          GListModel *affairs = aff_portfolio_get_affairs (p);

          for (guint i = 0; i < g_list_model_get_n_items (affairs); i++)
            {
              g_autoptr(AffAffair) affair = g_list_model_get_item (affairs, i);

              aff_ledger_get_n_entries (aff_affair_get_ledger (affair));
            }
        }
      d = aff_portfolio_compute_dashboard (p, date, &error);
      check (d != NULL, error, "dashboard");
      dashboard = now () - t1;
      load = t1 - t0;
      totals_of (d, &totals);
      /* The first journal entry, after all that: instant for a store that
       * read the journal at load, the reading of it for one that reads it
       * when first needed. */
      t1 = now ();
      aff_journal_get_entry (aff_portfolio_get_journal (p), 0);
      journal = now () - t1;
      /* The last round's are left to the end of the process, so that a
       * profile of this child holds nothing but loads and dashboards. */
      if (r + 1 < repeats)
        {
          aff_dashboard_free (d);
          g_object_unref (p);
          g_object_unref (store);
        }
    }
  g_print ("load %.6f\ndashboard %.6f\njournal %.6f\npeak_kib %" G_GINT64_FORMAT "\n", load, dashboard, journal,
           peak_kib ());
  g_print ("affairs %u\ncost %" G_GINT64_FORMAT "\nbilled %" G_GINT64_FORMAT "\n", totals.n_affairs, totals.cost,
           totals.billed);
  return 0;
}

typedef struct
{
  double load, dashboard, journal, peak_mib;
  Totals totals;
  gboolean ran;
} Child;

static void
run_child (const char *self_path,
           const char *kind,
           const char *path,
           gboolean    touch,
           Child      *child)
{
  const char *argv[] = { self_path, "--child", kind, path, "1", touch ? "--touch" : NULL, NULL };
  g_autoptr(GHashTable) values = run_keyed (argv, NULL);

  memset (child, 0, sizeof *child);
  if (values == NULL)
    return;
  child->load = value_of (values, "load");
  child->dashboard = value_of (values, "dashboard");
  child->journal = value_of (values, "journal");
  child->peak_mib = value_of (values, "peak_kib") / 1024.0;
  child->totals.n_affairs = (guint) value_of (values, "affairs");
  child->totals.cost = (gint64) value_of (values, "cost");
  child->totals.billed = (gint64) value_of (values, "billed");
  child->ran = TRUE;
}

/* ---- The phases of the SQLite load, replayed ------------------------------ */

typedef struct
{
  double read_entities, parse_entities, read_journal, parse_journal, read_ledger;
  guint n_entities, n_journal, n_ledger;
  gsize entity_bytes, journal_bytes;
} Phases;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Steps through @sql's rows touching every column; with @parse, parses
 * column @body as JSON the way the store does (aff_json_parse, the
 * library's own parser, each tree freed at once). */
static double
replay (sqlite3    *db,
        const char *sql,
        int         body,
        gboolean    parse,
        guint      *n_rows,
        gsize      *bytes)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  double t0 = now ();
  gsize total = 0;
  guint rows = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      int columns = sqlite3_column_count (statement);

      for (int c = 0; c < columns; c++)
        if (sqlite3_column_type (statement, c) == SQLITE_INTEGER)
          total += (gsize) sqlite3_column_int64 (statement, c) & 1;
        else if (sqlite3_column_type (statement, c) == SQLITE_TEXT)
          {
            const char *text = (const char *) sqlite3_column_text (statement, c);
            int length = sqlite3_column_bytes (statement, c);

            total += (gsize) length;
            if (c == body && parse)
              {
                g_autoptr(GError) error = NULL;
                g_autoptr(JsonNode) tree = aff_json_parse (text, length, &error);

                check (tree != NULL, error, "parse body");
              }
          }
      rows++;
    }
  if (n_rows != NULL)
    *n_rows += rows;
  if (bytes != NULL)
    *bytes += total;
  return now () - t0;
}

static void
replay_load (const char *path,
             Phases     *ph)
{
  static const char *const entity_sql[] = {
    "SELECT id, position, version, body FROM client ORDER BY position",
    "SELECT id, position, version, body FROM consultation ORDER BY position",
    "SELECT id, position, version, body FROM offer ORDER BY position",
    "SELECT id, position, version, body FROM affair ORDER BY position",
  };
  static const char journal_sql[] = "SELECT sequence, hash, body FROM journal ORDER BY sequence";
  static const char ledger_sql[] = "SELECT affair_id, line, day, work, category, state, amount, quantity, supplier,"
                                   " document, commitment FROM ledger ORDER BY affair_id, line";
  sqlite3 *db = NULL;

  memset (ph, 0, sizeof *ph);
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  for (guint k = 0; k < G_N_ELEMENTS (entity_sql); k++)
    {
      double read = replay (db, entity_sql[k], 3, FALSE, &ph->n_entities, &ph->entity_bytes);
      double both = replay (db, entity_sql[k], 3, TRUE, NULL, NULL);

      ph->read_entities += read;
      ph->parse_entities += both - read;
    }
  ph->read_journal = replay (db, journal_sql, 2, FALSE, &ph->n_journal, &ph->journal_bytes);
  ph->parse_journal = replay (db, journal_sql, 2, TRUE, NULL, NULL) - ph->read_journal;
  ph->read_ledger = replay (db, ledger_sql, -1, FALSE, &ph->n_ledger, NULL);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
}

/* The child that replays the load: prints the phases. */
static int
phases_main (const char *path)
{
  Phases ph;

  replay_load (path, &ph);
  g_print ("read_entities %.6f\nparse_entities %.6f\nread_journal %.6f\nparse_journal %.6f\nread_ledger %.6f\n",
           ph.read_entities, ph.parse_entities, ph.read_journal, ph.parse_journal, ph.read_ledger);
  g_print ("n_entities %u\nn_journal %u\nn_ledger %u\nentity_bytes %" G_GSIZE_FORMAT "\njournal_bytes %"
           G_GSIZE_FORMAT "\n", ph.n_entities, ph.n_journal, ph.n_ledger, ph.entity_bytes, ph.journal_bytes);
  return 0;
}

static void
run_phases (const char *self_path,
            const char *path,
            Phases     *ph)
{
  const char *argv[] = { self_path, "--phases", path, NULL };
  g_autoptr(GHashTable) values = run_keyed (argv, NULL);

  ph->read_entities = value_of (values, "read_entities");
  ph->parse_entities = value_of (values, "parse_entities");
  ph->read_journal = value_of (values, "read_journal");
  ph->parse_journal = value_of (values, "parse_journal");
  ph->read_ledger = value_of (values, "read_ledger");
  ph->n_entities = (guint) value_of (values, "n_entities");
  ph->n_journal = (guint) value_of (values, "n_journal");
  ph->n_ledger = (guint) value_of (values, "n_ledger");
  ph->entity_bytes = (gsize) value_of (values, "entity_bytes");
  ph->journal_bytes = (gsize) value_of (values, "journal_bytes");
}

/* ---- Appending ledger lines ----------------------------------------------- */

/* Every ledger line of @p as the store's ledger table has it (affair_id,
 * line, day, work, category, state, amount in minor units, quantity in
 * thousandths, supplier, document, commitment), CSV without a header. */
static guint
write_ledger_rows (AffPortfolio *p,
                   const char   *path)
{
  GListModel *affairs = aff_portfolio_get_affairs (p);
  GEnumClass *categories = g_type_class_ref (AFF_TYPE_COST_CATEGORY);
  GEnumClass *states = g_type_class_ref (AFF_TYPE_COST_STATE);
  FILE *out = fopen (path, "w");
  guint rows = 0;

  g_assert (out != NULL);
  for (guint i = 0; i < g_list_model_get_n_items (affairs); i++)
    {
      g_autoptr(AffAffair) affair = g_list_model_get_item (affairs, i);
      AffLedger *ledger = aff_affair_get_ledger (affair);

      for (guint j = 0; j < aff_ledger_get_n_entries (ledger); j++)
        {
          g_autoptr(AffCostEntry) e = aff_ledger_get_entry (ledger, j);
          const GDate *d = aff_cost_entry_get_date (e);
          const char *fields[] = { aff_cost_entry_get_work (e), aff_cost_entry_get_supplier (e),
                                   aff_cost_entry_get_document (e), aff_cost_entry_get_commitment (e) };

          for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
            g_assert (fields[f] == NULL || strpbrk (fields[f], ",\"\r\n") == NULL);
          fprintf (out, "%s,%u,%04u-%02u-%02u,%s,%s,%s,%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%s,%s,%s\n",
                   aff_affair_get_id (affair), j, g_date_get_year (d), g_date_get_month (d), g_date_get_day (d),
                   fields[0] ? fields[0] : "",
                   g_enum_get_value (categories, aff_cost_entry_get_category (e))->value_nick,
                   g_enum_get_value (states, aff_cost_entry_get_state (e))->value_nick,
                   aff_money_get_minor (aff_cost_entry_get_amount (e)), aff_cost_entry_get_quantity (e),
                   fields[1] ? fields[1] : "", fields[2] ? fields[2] : "", fields[3] ? fields[3] : "");
          rows++;
        }
    }
  fclose (out);
  g_type_class_unref (categories);
  g_type_class_unref (states);
  return rows;
}

typedef struct
{
  double import, save, cli, executemany;
  guint rows;
  gint64 rows_store, rows_cli, rows_python;
  gboolean cli_ran, python_ran;
} Append;

static void
bench_append (guint       n,
              const char *folder,
              const char *python,
              const char *script,
              Append     *a)
{
  g_autofree char *base = g_build_filename (folder, "append.sqlite", NULL);
  g_autofree char *cli_db = g_build_filename (folder, "append-cli.sqlite", NULL);
  g_autofree char *py_db = g_build_filename (folder, "append-python.sqlite", NULL);
  g_autofree char *rows_path = g_build_filename (folder, "append-rows.csv", NULL);
  g_autofree char *import_cmd = g_strdup_printf (".import --csv %s ledger", rows_path);
  g_autoptr(GPtrArray) csvs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261129);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = NULL;
  double t0;

  memset (a, 0, sizeof *a);
  /* The same portfolio, its ledgers empty, saved and loaded back. */
  {
    g_autoptr(AffPortfolio) p0 = bench_portfolio_new ();
    g_autoptr(AffStore) store = aff_sqlite_store_new (base);

    for (guint i = 0; i < n; i++)
      bench_build_affair (p0, i, rand, FALSE, NULL, bench_keep_rows, csvs);
    check (aff_store_save (store, p0, &error), error, "save without ledger lines");
  }
  /* The store is closed: the database is one file again, copied for the
   * peers. */
  copy_file (base, cli_db);
  copy_file (base, py_db);
  {
    g_autoptr(AffStore) store = aff_sqlite_store_new (base);
    g_autoptr(AffPortfolio) p = aff_store_load (store, &error);

    check (p != NULL, error, "load without ledger lines");
    prepare_loaded (p);
    t0 = now ();
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *id = g_strdup_printf ("O%05u", i);
        const char *csv = g_ptr_array_index (csvs, i);

        check (aff_ledger_import_csv (aff_affair_get_ledger (aff_portfolio_lookup_affair (p, id)), csv, -1, NULL,
                                      &error), error, "import");
      }
    a->import = now () - t0;
    t0 = now ();
    check (aff_store_save (store, p, &error), error, "append");
    a->save = now () - t0;
    a->rows = write_ledger_rows (p, rows_path);
  }
  /* The sqlite3 tool, with the store's pragmas (WAL is the database's). */
  {
    const char *argv[] = { "sqlite3", "-bail", cli_db, "PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL",
                           "BEGIN", import_cmd, "COMMIT", NULL };
    g_autofree char *path = g_find_program_in_path ("sqlite3");
    g_autofree char *err = NULL;
    int status = 0;

    if (path != NULL)
      {
        argv[0] = path;
        t0 = now ();
        a->cli_ran = g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                                   &status, NULL) && g_spawn_check_wait_status (status, NULL) &&
                     (err == NULL || *err == '\0');
        a->cli = now () - t0;
        if (!a->cli_ran)
          g_printerr ("sqlite3 .import failed: %s\n", err != NULL ? err : "");
      }
    else
      g_printerr ("sqlite3 not found: install the sqlite3 package\n");
  }
  {
    const char *argv[] = { python, script, "append", py_db, rows_path, base, cli_db, NULL };

    values = run_keyed (argv, NULL);
    a->python_ran = values != NULL;
    a->executemany = value_of (values, "executemany");
    a->rows_store = (gint64) value_of (values, "rows_store");
    a->rows_cli = (gint64) value_of (values, "rows_cli");
    a->rows_python = (gint64) value_of (values, "rows_python");
  }
  remove_database (base);
  remove_database (cli_db);
  remove_database (py_db);
  g_unlink (rows_path);
}

/* ---- Single changes ------------------------------------------------------- */

/* One change made to @p (loaded from @store) and saved: @ledger, one
 * ledger line added to affair number @k; otherwise one interaction
 * recorded on client number @k. Returns the time of the save alone. */
static double
save_one_change (AffStore     *store,
                 AffPortfolio *p,
                 guint         n,
                 gboolean      ledger,
                 guint         k)
{
  g_autoptr(GDate) date = dashboard_date ();
  g_autoptr(GError) error = NULL;
  double t0;

  if (ledger)
    {
      g_autofree char *id = g_strdup_printf ("O%05u", k % n);
      g_autoptr(AffMoney) amount = money ("12.50 EUR");
      g_autoptr(AffCostEntry) entry = aff_cost_entry_new (date, "T3", AFF_COST_CATEGORY_TRAVEL,
                                                          AFF_COST_STATE_ACTUAL, amount);

      check (aff_ledger_add (aff_affair_get_ledger (aff_portfolio_lookup_affair (p, id)), entry, &error),
             error, "add");
    }
  else
    {
      g_autofree char *id = g_strdup_printf ("C%04u", k % ((n + 9) / 10));
      g_autoptr(AffInteraction) interaction = aff_interaction_new (AFF_INTERACTION_KIND_CALL, date,
                                                                   "point sur l'arrêt de maintenance");

      check (aff_portfolio_record_interaction (p, id, interaction, &error), error, "interaction");
    }
  t0 = now ();
  check (aff_store_save (store, p, &error), error, "save one change");
  return now () - t0;
}

typedef struct
{
  double first;                    /* the first change saved after the load */
  double median[2], max[2];        /* then: [0] interactions, [1] ledger lines */
  guint rounds;
} Changes;

/* The store at @path loaded once, then one change saved after another:
 * the first (an interaction), then @rounds of each kind, alternating. */
static void
single_changes (gboolean    sqlite,
                const char *path,
                guint       n,
                guint       rounds,
                Changes    *c)
{
  g_autoptr(AffStore) store = store_new (sqlite, path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPortfolio) p = aff_store_load (store, &error);
  double times[2][MAX (SQLITE_CHANGE_ROUNDS, JSON_CHANGE_ROUNDS)];

  g_assert (rounds <= G_N_ELEMENTS (times[0]));
  check (p != NULL, error, "load");
  prepare_loaded (p);
  c->rounds = rounds;
  c->first = save_one_change (store, p, n, FALSE, 3);
  for (guint r = 0; r < rounds; r++)
    for (guint kind = 0; kind < 2; kind++)
      times[kind][r] = save_one_change (store, p, n, kind == 1, kind == 1 ? 29 + r * 7919u : 17 + r * 131u);
  for (guint kind = 0; kind < 2; kind++)
    {
      c->median[kind] = median (times[kind], rounds);
      c->max[kind] = times[kind][rounds - 1];   /* sorted by median () */
    }
}

/* ---- Main ------------------------------------------------------------------ */

static void
row (const char *what,
     double      seconds,
     double      peer)
{
  if (seconds <= 0)
    g_print ("  %-58s %10s\n", what, "failed");
  else if (peer > 0)
    g_print ("  %-58s %10.1f %9.2fx\n", what, seconds * 1e3, peer / seconds);
  else
    g_print ("  %-58s %10.1f\n", what, seconds * 1e3);
}

static double
median_of (double  *values,
           guint    n)
{
  double copy[BIG_ROUNDS];

  g_assert (n <= BIG_ROUNDS);
  memcpy (copy, values, n * sizeof *values);
  return median (copy, n);
}

int
main (int   argc,
      char *argv[])
{
  guint n;
  const char *python;
  g_autofree char *self_path = NULL, *dir = NULL, *script = NULL, *folder = NULL;
  g_autofree char *doc = NULL, *db = NULL, *rounds_text = NULL;
  g_autoptr(GDate) date = dashboard_date ();
  g_autoptr(GHashTable) dump = NULL;
  double times[BIG_ROUNDS];
  double loads[3][BIG_ROUNDS], dashboards[2][BIG_ROUNDS], opens[2][BIG_ROUNDS], journals[BIG_ROUNDS];
  double peaks[3] = { 0 }, sqlite_journal;
  gboolean lazy_journal;
  double build, json_save, sqlite_save, json_load, sqlite_load, python_load, json_dashboard, sqlite_dashboard;
  double json_open, sqlite_open;
  gboolean children_ran = TRUE, totals_ok = TRUE, touched = FALSE;
  double python_affairs = 0;
  Totals built;
  Phases phases;
  Changes change_json, change_sqlite;
  Append append;
  goffset doc_size, db_size;
  double t0;

  if (argc >= 4 && strcmp (argv[1], "--child") == 0)
    return child_main (argv[2], argv[3], argc > 4 ? (guint) atoi (argv[4]) : 1,
                       argc > 5 && strcmp (argv[5], "--touch") == 0);
  if (argc >= 3 && strcmp (argv[1], "--phases") == 0)
    return phases_main (argv[2]);

  n = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  python = argc > 2 ? argv[2] : "/usr/bin/python3";
  self_path = g_file_read_link ("/proc/self/exe", NULL);
  dir = g_path_get_dirname (argv[0]);
  script = g_build_filename (dir, "peer-store.py", NULL);
  if (!g_file_test (script, G_FILE_TEST_EXISTS))
    {
      g_free (script);
      script = g_build_filename (g_getenv ("AFF_SOURCE_ROOT") ? g_getenv ("AFF_SOURCE_ROOT") : ".",
                                 "tools", "bench", "peer-store.py", NULL);
    }
  folder = g_dir_make_tmp ("aff-bench-store-XXXXXX", NULL);
  g_assert (folder != NULL);
  doc = g_build_filename (folder, "portfolio.json", NULL);
  db = g_build_filename (folder, "store.sqlite", NULL);
  rounds_text = g_strdup_printf ("%d", BIG_ROUNDS);

  /* The portfolio, saved whole into each store. */
  {
    g_autoptr(AffPortfolio) p = bench_portfolio_new ();
    g_autoptr(GRand) rand = g_rand_new_with_seed (20261129);
    g_autoptr(AffDashboard) d = NULL;
    g_autoptr(GError) error = NULL;

    t0 = now ();
    for (guint i = 0; i < n; i++)
      bench_build_affair (p, i, rand, TRUE, NULL, NULL, NULL);
    build = now () - t0;
    d = aff_portfolio_compute_dashboard (p, date, &error);
    check (d != NULL, error, "dashboard");
    totals_of (d, &built);

    for (guint r = 0; r < BIG_ROUNDS; r++)
      {
        g_autoptr(AffStore) store = aff_json_store_new (doc);

        t0 = now ();
        check (aff_store_save (store, p, &error), error, "JSON save");
        times[r] = now () - t0;
      }
    json_save = median (times, BIG_ROUNDS);
    for (guint r = 0; r < BIG_ROUNDS; r++)
      {
        g_autoptr(AffStore) store = NULL;

        remove_database (db);
        store = aff_sqlite_store_new (db);
        t0 = now ();
        check (aff_store_save (store, p, &error), error, "SQLite save");
        times[r] = now () - t0;
      }
    sqlite_save = median (times, BIG_ROUNDS);
  }
  doc_size = file_size (doc);
  db_size = file_size (db);

  /* Loading: each store, and Python's json.load, in a process of its own
   * each round (as a program opening a portfolio would), the dashboard
   * after the stores' loads; the peak memory of each. */
  for (guint r = 0; r < BIG_ROUNDS; r++)
    {
      const char *python_argv[] = { python, script, "load", doc, NULL };
      g_autoptr(GHashTable) values = NULL;
      Child child[2];

      for (guint s = 0; s < 2; s++)
        {
          warm (s == 1 ? db : doc);
          run_child (self_path, s == 1 ? "sqlite" : "json", s == 1 ? db : doc, FALSE, &child[s]);
          if (!child[s].ran && s == 1)
            {
              g_printerr ("bench-store: the SQLite store's load and dashboard failed; again, every ledger read"
                          " before the dashboard\n");
              run_child (self_path, "sqlite", db, TRUE, &child[s]);
              touched = TRUE;
            }
          children_ran = children_ran && child[s].ran;
          totals_ok = totals_ok && same_totals (&built, &child[s].totals);
          loads[s][r] = child[s].load;
          dashboards[s][r] = child[s].dashboard;
          opens[s][r] = child[s].load + child[s].dashboard;
          peaks[s] = MAX (peaks[s], child[s].peak_mib);
        }
      journals[r] = child[1].journal;
      warm (doc);
      values = run_keyed (python_argv, NULL);
      loads[2][r] = value_of (values, "json_load");
      peaks[2] = MAX (peaks[2], value_of (values, "peak_kib") / 1024.0);
      python_affairs = value_of (values, "affairs");
    }
  json_load = median_of (loads[0], BIG_ROUNDS);
  sqlite_load = median_of (loads[1], BIG_ROUNDS);
  python_load = median_of (loads[2], BIG_ROUNDS);
  json_dashboard = median_of (dashboards[0], BIG_ROUNDS);
  sqlite_dashboard = median_of (dashboards[1], BIG_ROUNDS);
  json_open = median_of (opens[0], BIG_ROUNDS);
  sqlite_open = median_of (opens[1], BIG_ROUNDS);
  sqlite_journal = median_of (journals, BIG_ROUNDS);
  run_phases (self_path, db, &phases);
  /* A store that read the journal at load answers for its first entry at
   * once; one that reads it when first needed takes about the time of the
   * replay's reading and parsing. */
  lazy_journal = sqlite_journal > 0.1 * (phases.read_journal + phases.parse_journal);

  /* Python writing the document back. */
  {
    const char *dump_argv[] = { python, script, "dump", doc, folder, rounds_text, NULL };

    dump = run_keyed (dump_argv, NULL);
  }

  /* One change saved, into each store (the files change from here on). */
  single_changes (FALSE, doc, n, JSON_CHANGE_ROUNDS, &change_json);
  single_changes (TRUE, db, n, SQLITE_CHANGE_ROUNDS, &change_sqlite);

  bench_append (n, folder, python, script, &append);

  /* The report. */
  g_print ("affairs %u, ledger lines %u; dashboard on 2026-06-15\n", n, n * BENCH_ENTRIES);
  g_print ("build through the API: %.1f s; JSON document %.1f MiB; SQLite database %.1f MiB (%u entity rows with"
           " %.1f MiB of JSON, %u journal entries with %.1f MiB, %u ledger rows)\n",
           build, mib (doc_size), mib (db_size), phases.n_entities, mib (phases.entity_bytes), phases.n_journal,
           mib (phases.journal_bytes), phases.n_ledger);
  g_print ("dashboard totals after each load: %s; Python's json.load saw %.0f affairs\n",
           !children_ran ? "NOT ALL RAN" : totals_ok ? "identical to the built portfolio's" : "DIFFERENT",
           python_affairs);
  g_print ("\n  %-58s %10s %10s\n", "median of " G_STRINGIFY (BIG_ROUNDS) " rounds unless said", "ms", "ratio");
  g_print ("load (each round a process of its own) and save\n");
  row ("JSON store: load", json_load, python_load);
  row ("SQLite store: load", sqlite_load, python_load);
  row ("Python: json.load of the document", python_load, 0);
  row ("JSON store: save (document, fsync, rename)", json_save, value_of (dump, "json_dump"));
  row ("SQLite store: save as (whole, into a new database)", sqlite_save, value_of (dump, "json_dump"));
  row ("Python: json.dump indent=2, fsync, rename", value_of (dump, "json_dump"), 0);
  row ("Python: json.dumps compact (C encoder), write, fsync, rename", value_of (dump, "json_dumps"), 0);
  g_print ("  (ratio: Python's json.load or json.dump / the store's; against json.dumps compact: JSON store"
           " %.2fx, SQLite store %.2fx)\n", value_of (dump, "json_dumps") / json_save,
           value_of (dump, "json_dumps") / sqlite_save);
  g_print ("open and compute the dashboard (goal: 5x faster than Python parsing the document)\n");
  if (touched)
    g_print ("  NOTE: aff_portfolio_compute_dashboard crashed or failed after the SQLite store's load (see stderr);"
             " the SQLite figures below read\n  every ledger first, one after the other, then compute the"
             " dashboard (the time of the reads is in the dashboard's)\n");
  row ("SQLite store: open, load, dashboard", sqlite_open, python_load);
  row ("  of which aff_store_load", sqlite_load, 0);
  row ("  of which aff_portfolio_compute_dashboard", sqlite_dashboard, 0);
  row ("JSON store: load, dashboard", json_open, python_load);
  row ("  of which aff_portfolio_compute_dashboard", json_dashboard, 0);
  g_print ("where the SQLite open, load and dashboard go (reads and parses replayed in a process of their own with"
           " the store's queries)\n");
  /* The store reads and parses the rows on a thread of their own while
   * the portfolio builds its objects, and reads the ledgers in two halves:
   * the phases, replayed alone, no longer add up to the load. */
  row ("aff_store_load, as above", sqlite_load, 0);
  row ("  read the entity rows (client, consultation, offer, affair), alone", phases.read_entities, 0);
  row ("  parse their JSON bodies (aff_json_parse), alone", phases.parse_entities, 0);
  g_print ("    (the store reads and parses them on a thread of its own while the objects are built)\n");
  row (lazy_journal ? "(not at open) read the journal rows" : "read the journal rows", phases.read_journal, 0);
  row (lazy_journal ? "(not at open) parse the journal bodies (aff_json_parse)" : "parse the journal bodies (aff_json_parse)",
       phases.parse_journal, 0);
  row ("the dashboard (aff_portfolio_compute_dashboard, as above)", sqlite_dashboard, 0);
  row ("  read the ledger rows in one ordered scan, alone", phases.read_ledger, 0);
  g_print ("    (the store reads them in two halves, each on a thread and a connection of its own)\n");
  if (lazy_journal)
    g_print ("  (the store reads the journal when first needed: the first entry asked for after the dashboard took"
             " %.1f ms)\n", sqlite_journal * 1e3);
  g_print ("one change saved (goal: a few ms whatever the size): the first after the load, then the median\n"
           "(and the max) of %u rounds of each change, alternating; JSON store %u rounds\n",
           change_sqlite.rounds, change_json.rounds);
  row ("SQLite store: the first change after the load (an interaction)", change_sqlite.first, change_json.first);
  row ("JSON store: the first change after the load", change_json.first, 0);
  g_print ("  %-58s %10.1f %9.2fx   (max %.1f)\n", "SQLite store: one interaction on a client",
           change_sqlite.median[0] * 1e3, change_json.median[0] / change_sqlite.median[0],
           change_sqlite.max[0] * 1e3);
  g_print ("  %-58s %10.1f\n", "JSON store: one interaction on a client", change_json.median[0] * 1e3);
  g_print ("  %-58s %10.1f %9.2fx   (max %.1f)\n", "SQLite store: one ledger line on an affair",
           change_sqlite.median[1] * 1e3, change_json.median[1] / change_sqlite.median[1],
           change_sqlite.max[1] * 1e3);
  g_print ("  %-58s %10.1f\n", "JSON store: one ledger line on an affair", change_json.median[1] * 1e3);
  g_print ("  (ratio: the JSON store's time / the SQLite store's)\n");
  g_print ("appending %u ledger lines (goal: within 1.5x of the sqlite3 tool)\n", append.rows);
  row ("SQLite store: the save appending them", append.save, 0);
  if (append.cli_ran)
    row ("sqlite3 tool: .import --csv, one transaction", append.cli, 0);
  if (append.python_ran)
    row ("Python sqlite3: executemany, one transaction", append.executemany, 0);
  if (append.cli_ran)
    g_print ("  the store / the sqlite3 tool: %.2fx", append.save / append.cli);
  if (append.python_ran)
    g_print ("; the store / Python executemany: %.2fx", append.save / append.executemany);
  g_print ("\n  (not timed: importing the CSV into the ledgers took %.1f ms); rows: store %" G_GINT64_FORMAT
           ", sqlite3 %" G_GINT64_FORMAT ", Python %" G_GINT64_FORMAT "\n", append.import * 1e3,
           append.rows_store, append.rows_cli, append.rows_python);
  g_print ("peak memory (VmHWM) of the load and dashboard, document %.1f MiB\n", mib (doc_size));
  g_print ("  %-58s %10s %10s\n", "", "MiB", "x doc");
  g_print ("  %-58s %10.1f %9.1fx\n", "JSON store", peaks[0], peaks[0] * 1048576.0 / doc_size);
  g_print ("  %-58s %10.1f %9.1fx\n", "SQLite store", peaks[1], peaks[1] * 1048576.0 / doc_size);
  g_print ("  %-58s %10.1f %9.1fx\n", "Python: json.load alone", peaks[2], peaks[2] * 1048576.0 / doc_size);
  g_print ("ratio: the peer's time / libaffaires's (higher is faster for libaffaires) unless said otherwise\n");

  if (g_getenv ("AFF_BENCH_KEEP") != NULL)
    g_print ("kept: %s\n", folder);
  else
    remove_tree (folder);
  return 0;
}
