/* bench-dashboard.c: the portfolio dashboard, beside SQLite and pandas
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Builds a portfolio of N affairs (10^4 by default) through the public API
 * (bench-portfolio.h), each with a three-task plan and its baseline, a
 * budget from its offer, 100 ledger entries imported as CSV (10^6 in all),
 * progress, an invoice and its payment; then times:
 *
 * - the full dashboard (aff_portfolio_compute_dashboard: every affair's
 *   status, drifts and late payments, the totals and rollups), the median
 *   of seven; and apart, the first, before them, which has none of what a
 *   status keeps of its affair's budget and plan for the next (the others
 *   do, as a dashboard after an edit does for every affair but the one
 *   edited); each peer has a first round before its seven too;
 * - recomputing one affair's status and drifts after adding one entry to
 *   its ledger;
 * - the memory a ledger takes per entry: each affair's rows are imported
 *   again, at the end, into ledgers of their own, outside the journal, one
 *   after the other, and the memory in use before and after all of them,
 *   objects included, is divided by the entries: the heap's and the
 *   library's bulk memory's, where the rows are.
 *
 * In the same run, peer-dashboard.py loads the same ledger rows into SQLite
 * (in memory) and pandas, untimed, and times the sums the dashboard needs
 * from them: actual and committed cost by affair and category up to the
 * date, a round of each in each round of the dashboard, the three in every
 * order in turn. Those peers compute only the sums; the dashboard computes
 * every figure. Both sides' grand totals are compared.
 *
 * Usage: bench-dashboard [N_AFFAIRS] [PYTHON]
 * AFF_BENCH_PROFILE=K in the environment: the dashboard K more times, nothing
 * else, for a profiler.
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include <affaires.h>
#include "bench-util.h"
#include "bench-portfolio.h"

/* The bytes of the library's bulk memory in use (aff-bulk-private.h);
 * weak, so that the bench also runs a library from before 1693c4f, which
 * has none. */
extern gsize _aff_bulk_get_in_use (void) __attribute__ ((weak));

static gsize
bulk_in_use (void)
{
  return _aff_bulk_get_in_use != NULL ? _aff_bulk_get_in_use () : 0;
}

#define ENTRIES BENCH_ENTRIES
#define ROUNDS 7

/* The order of the dashboard (d) and its peers (p, s) in each round: all
 * six in turn, the first twice. On this virtual machine a processor left
 * idle (for the 350 ms of SQLite's round) wakes slow: when the dashboard
 * always came after SQLite and pandas after the dashboard, the ratio
 * measured that, not the code. */
static const char *const orders[ROUNDS] = { "dps", "dps", "dsp", "pds", "psd", "sdp", "spd" };

/* The memory of the ledgers alone: the rows of every affair imported into
 * ledgers of their own, outside the journal (which keeps one entry per
 * import), one after the other, and the heap and bulk memory in use
 * compared before and after all of them, not around each. malloc counts
 * the blocks it keeps aside for reuse (its per-thread cache) as in use:
 * an import's temporaries, freed into that cache, looked kept, and the
 * next affair's build took them out again between two imports, so that
 * measured around each import a ledger of 100 entries took 1.2 kB more
 * than the 1.4 kB of words, table and object it holds besides its rows
 * (mtrace's count). Across consecutive imports the cache only moves by
 * what it holds, a few kB at most. Returns bytes per entry. */
static double
ledger_memory (GPtrArray *csvs)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  struct mallinfo2 before, after;
  gsize bulk, entries = 0;
  guint i;

  before = mallinfo2 ();
  bulk = bulk_in_use ();
  for (i = 0; i < csvs->len; i++)
    {
      g_autoptr(GError) error = NULL;
      AffLedger *ledger = aff_ledger_new ("EUR", NULL);

      check (aff_ledger_import_csv (ledger, csvs->pdata[i], -1, NULL, &error), error, "import");
      entries += aff_ledger_get_n_entries (ledger);
      g_ptr_array_add (kept, ledger);
    }
  after = mallinfo2 ();
  return (double) (after.uordblks - before.uordblks + (bulk_in_use () - bulk)) / MAX (entries, 1);
}

/* peer-dashboard.py, loaded and waiting for commands. */
typedef struct
{
  GSubprocess *process;
  GOutputStream *in;
  GDataInputStream *out;
} Peer;

/* Sends @command, returns the line answered (NULL when the peer failed). */
static char *
ask (Peer       *peer,
     const char *command)
{
  g_autofree char *line = g_strconcat (command, "\n", NULL);
  g_autoptr(GError) error = NULL;
  char *answer;

  if (peer->process == NULL)
    return NULL;
  if (!g_output_stream_write_all (peer->in, line, strlen (line), NULL, NULL, &error) ||
      !g_output_stream_flush (peer->in, NULL, &error) ||
      (answer = g_data_input_stream_read_line_utf8 (peer->out, NULL, NULL, &error)) == NULL)
    {
      g_printerr ("peer-dashboard.py failed on “%s”: %s\n", command, error != NULL ? error->message : "no answer");
      g_clear_object (&peer->process);
      return NULL;
    }
  return answer;
}

/* Starts the peer on @rows; its process is NULL when it cannot run. */
static void
start_peer (const char *python,
            const char *script,
            const char *rows,
            guint32     julian,
            Peer       *peer)
{
  g_autofree char *day_text = g_strdup_printf ("%u", julian);
  g_autofree char *ready = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE);

  memset (peer, 0, sizeof *peer);
  /* pandas at its best: each of its rounds allocates its filtered columns
   * anew, some 20 MB, which glibc's malloc maps fresh from the kernel (and
   * faults in page by page) or takes from its heap, as its thresholds have
   * moved in that process. Sums of rows like the bench's took 74 to 116 ms
   * (medians of nine rounds, ten processes), and 57 to 81 with the heap
   * kept, the two alternated: the peer keeps its heap, so that its time is
   * its best and does not depend on how its process started. */
  g_subprocess_launcher_setenv (launcher, "GLIBC_TUNABLES",
                                "glibc.malloc.mmap_threshold=1073741824:glibc.malloc.trim_threshold=4294967296", TRUE);
  peer->process = g_subprocess_launcher_spawn (launcher, &error, python, script, rows, day_text, NULL);
  if (peer->process == NULL)
    {
      g_printerr ("peer-dashboard.py failed: %s\n", error->message);
      return;
    }
  peer->in = g_subprocess_get_stdin_pipe (peer->process);
  peer->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (peer->process));
  ready = g_data_input_stream_read_line_utf8 (peer->out, NULL, NULL, NULL);
  if (g_strcmp0 (ready, "ready") != 0)
    g_clear_object (&peer->process);
}

/* One round of @command, in seconds; 0 when the peer failed. */
static double
peer_round (Peer       *peer,
            const char *command)
{
  g_autofree char *answer = ask (peer, command);

  return answer != NULL ? g_ascii_strtod (answer, NULL) : 0;
}

static void
stop_peer (Peer *peer)
{
  g_autofree char *none = NULL;

  if (peer->process != NULL)
    {
      g_output_stream_write_all (peer->in, "quit\n", 5, NULL, NULL, NULL);
      g_output_stream_close (peer->in, NULL, NULL);
      g_subprocess_wait (peer->process, NULL, NULL);
    }
  g_clear_object (&peer->out);
  g_clear_object (&peer->process);
}

/* Rounds of the dashboard of @p, each followed by one of each peer. */
typedef struct
{
  double first;               /* the first dashboard, seconds */
  double dashboard;           /* the median */
  double pandas;
  double sqlite;
  /* The same, each side's rounds one after the other: the dashboard's
   * second thread is slow for a while after its processor waited on the
   * peer's round, which pandas, on one thread, does not meet. */
  double dashboard_alone;
  double pandas_alone;
} Measure;

/* One dashboard of @p, in seconds; its freeing is not counted. */
static double
dashboard_round (AffPortfolio *p,
                 const GDate  *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffDashboard) d = NULL;
  double t0 = now (), t;

  d = aff_portfolio_compute_dashboard (p, date, &error);
  t = now () - t0;
  check (d != NULL, error, "dashboard");
  return t;
}

static void
measure (AffPortfolio *p,
         const GDate  *date,
         Peer         *peer,
         Measure      *m)
{
  double times[ROUNDS], pandas[ROUNDS], sqlite[ROUNDS];
  guint r;

  /* A first round of each side, timed apart and left out of the medians:
   * the dashboard's reads once what a status keeps of its affair's budget
   * and plan (and, after a load, the ledgers), which the dashboards after
   * an edit find kept; it is shown on its own line. */
  m->first = dashboard_round (p, date);
  peer_round (peer, "pandas");
  peer_round (peer, "sqlite");
  for (r = 0; r < ROUNDS; r++)
    for (const char *side = orders[r]; *side != '\0'; side++)
      if (*side == 'd')
        times[r] = dashboard_round (p, date);
      else if (*side == 'p')
        pandas[r] = peer_round (peer, "pandas");
      else
        sqlite[r] = peer_round (peer, "sqlite");
  m->dashboard = median (times, ROUNDS);
  m->pandas = median (pandas, ROUNDS);
  m->sqlite = median (sqlite, ROUNDS);
  for (r = 0; r < ROUNDS; r++)
    times[r] = dashboard_round (p, date);
  for (r = 0; r < ROUNDS; r++)
    pandas[r] = peer_round (peer, "pandas");
  m->dashboard_alone = median (times, ROUNDS);
  m->pandas_alone = median (pandas, ROUNDS);
}

static void
print_measure (const Measure *m,
               const char    *first,
               gboolean       peers)
{
  g_print ("%-44s %10.1f\n", "libaffaires: full dashboard", m->dashboard * 1e3);
  g_print ("%-44s %10.1f\n", first, m->first * 1e3);
  if (!peers)
    return;
  g_print ("%-44s %10.1f %9.2fx\n", "pandas: the sums only (groupby)", m->pandas * 1e3, m->pandas / m->dashboard);
  g_print ("%-44s %10s %9.2fx\n", "  against the first dashboard", "", m->pandas / m->first);
  g_print ("%-44s %10.1f %9.2fx\n", "SQLite in memory: the sums only (GROUP BY)", m->sqlite * 1e3,
           m->sqlite / m->dashboard);
  g_print ("%-44s %10.1f\n", "  each side's rounds back to back: dashboard", m->dashboard_alone * 1e3);
  g_print ("%-44s %10.1f %9.2fx\n", "  pandas", m->pandas_alone * 1e3, m->pandas_alone / m->dashboard_alone);
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  const char *python = argc > 2 ? argv[2] : "/usr/bin/python3";
  g_autofree char *folder = g_dir_make_tmp ("aff-bench-XXXXXX", NULL);
  g_autofree char *rows_path = g_build_filename (folder, "ledger.csv", NULL);
  g_autofree char *dir = g_path_get_dirname (argv[0]);
  g_autofree char *script = g_build_filename (dir, "peer-dashboard.py", NULL);
  g_autoptr(AffPortfolio) p = bench_portfolio_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261129);
  g_autoptr(GDate) date = day (2026, 6, 15);
  g_autoptr(GPtrArray) affairs = g_ptr_array_new ();
  g_autoptr(GPtrArray) csvs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *store_path = g_build_filename (folder, "portfolio.sqlite", NULL);
  g_autoptr(AffStore) store = NULL;
  g_autoptr(AffPortfolio) loaded = NULL;
  double one[ROUNDS], build, recompute;
  Measure built_m, loaded_m;
  gint64 actual = 0, committed = 0, peer_totals[4] = { 0 };
  g_autofree char *totals = NULL;
  gboolean profile = g_getenv ("AFF_BENCH_PROFILE") != NULL;
  FILE *rows;
  Peer peer;
  guint i, r;
  double t0;

  if (!g_file_test (script, G_FILE_TEST_EXISTS))
    {
      g_free (script);
      script = g_build_filename (g_getenv ("AFF_SOURCE_ROOT") ? g_getenv ("AFF_SOURCE_ROOT") : ".",
                                 "tools", "bench", "peer-dashboard.py", NULL);
    }
  rows = fopen (rows_path, "w");
  t0 = now ();
  for (i = 0; i < n; i++)
    g_ptr_array_add (affairs, bench_build_affair (p, i, rand, TRUE, rows, bench_keep_rows, csvs));
  build = now () - t0;
  fclose (rows);

  /* Each round of the dashboard is followed by one of each peer: this
   * machine's speed changes from one second to the next, and a ratio is
   * only fair between rounds that met it alike. */
  if (!profile)
    start_peer (python, script, rows_path, g_date_get_julian (date), &peer);
  else
    memset (&peer, 0, sizeof peer);
  measure (p, date, &peer, &built_m);
  /* AFF_BENCH_PROFILE=K: the dashboard K times more and nothing else, for
   * perf record -D (the build takes the first seconds). */
  if (profile)
    {
      for (r = 0; r < (guint) atoi (g_getenv ("AFF_BENCH_PROFILE")); r++)
        aff_dashboard_free (aff_portfolio_compute_dashboard (p, date, NULL));
      g_print ("full dashboard: %.1f ms\n", built_m.dashboard * 1e3);
      return 0;
    }

  /* The same portfolio saved to a SQLite store and opened again, as a
   * portfolio of this size is opened: its objects lie in memory in the
   * order of its affairs, where the build left them spread over a heap
   * its evaluations churned. Its ledgers are read by the first dashboard. */
  {
    g_autoptr(AffStore) out = aff_sqlite_store_new (store_path);
    g_autoptr(GError) error = NULL;

    check (aff_store_save (out, p, &error), error, "save");
    aff_store_close (out);
    store = aff_sqlite_store_new (store_path);
    loaded = aff_store_load (store, &error);
    check (loaded != NULL, error, "load");
  }
  measure (loaded, date, &peer, &loaded_m);

  /* One entry more, then the affair's status and drifts again. */
  for (r = 0; r < ROUNDS; r++)
    {
      const guint ops = MIN (n, 1000u);

      t0 = now ();
      for (i = 0; i < ops; i++)
        {
          AffAffair *affair = g_ptr_array_index (affairs, (i * 7919u + r) % n);
          g_autoptr(AffMoney) amount = money ("12.50 EUR");
          g_autoptr(AffCostEntry) entry = aff_cost_entry_new (date, "T3", AFF_COST_CATEGORY_TRAVEL,
                                                              AFF_COST_STATE_ACTUAL, amount);
          g_autoptr(GError) error = NULL;
          g_autoptr(AffAffairStatus) status = NULL;
          g_autoptr(GPtrArray) drifts = NULL;

          check (aff_ledger_add (aff_affair_get_ledger (affair), entry, &error), error, "add");
          status = aff_affair_compute_status (affair, date, &error);
          drifts = aff_affair_list_drifts (affair, date, &error);
          check (status != NULL && drifts != NULL, error, "recompute");
        }
      one[r] = (now () - t0) / ops;
    }
  recompute = median (one, ROUNDS);

  /* The grand totals the peers must find: the entries the recompute rounds
   * added (the only ones without a document, 12.50 each) are not in the
   * peers' rows. */
  for (i = 0; i < n; i++)
    {
      AffLedger *ledger = aff_affair_get_ledger (g_ptr_array_index (affairs, i));
      g_autoptr(AffMoney) a = aff_ledger_sum (ledger, date, AFF_COST_STATE_ACTUAL, NULL, -1, NULL);
      g_autoptr(AffMoney) c = aff_ledger_sum (ledger, date, AFF_COST_STATE_COMMITTED, NULL, -1, NULL);
      guint k, extra = 0;

      for (k = 0; k < aff_ledger_get_n_entries (ledger); k++)
        {
          g_autoptr(AffCostEntry) entry = aff_ledger_get_entry (ledger, k);

          extra += aff_cost_entry_get_document (entry) == NULL;
        }
      actual += aff_money_get_minor (a) - (gint64) extra * 1250;
      committed += aff_money_get_minor (c);
    }

  totals = ask (&peer, "totals");
  if (totals == NULL ||
      sscanf (totals, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
              &peer_totals[0], &peer_totals[1], &peer_totals[2], &peer_totals[3]) != 4)
    stop_peer (&peer);

  g_print ("affairs %u, ledger entries %u (+ %u added by the recompute rounds)\n", n, n * ENTRIES,
           ROUNDS * MIN (n, 1000u));
  g_print ("build through the API: %.2f s\n", build);
  g_print ("%-44s %10s %10s\n", "", "ms", "ratio");
  g_print ("the portfolio as built:\n");
  print_measure (&built_m, "  the first: budgets and plans read anew", peer.process != NULL);
  g_print ("the same, saved to SQLite and loaded again:\n");
  print_measure (&loaded_m, "  the first: ledgers read from the store too", peer.process != NULL);
  if (peer.process != NULL)
    {
      g_print ("totals: libaffaires actual %" G_GINT64_FORMAT " committed %" G_GINT64_FORMAT
               "; SQLite %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "; pandas %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
               " (cents): %s\n", actual, committed, peer_totals[0], peer_totals[1], peer_totals[2], peer_totals[3],
               actual == peer_totals[0] && committed == peer_totals[1] &&
               actual == peer_totals[2] && committed == peer_totals[3] ? "identical" : "DIFFERENT");
    }
  else
    g_print ("peers: not run (peer-dashboard.py needs python3-pandas)\n");
  g_print ("one affair, one entry added, status and drifts again: %.1f us\n", recompute * 1e6);
  g_print ("ledger memory: %.1f bytes per entry (heap and bulk memory in use by ledgers of their own, object included, "
           "/ entries)\n",
           ledger_memory (csvs));
  g_print ("ratio: the peer's time / libaffaires's (higher is faster for libaffaires)\n");

  stop_peer (&peer);
  g_clear_object (&loaded);
  aff_store_close (store);
  g_unlink (rows_path);
  g_unlink (store_path);
  g_rmdir (folder);
  return 0;
}
