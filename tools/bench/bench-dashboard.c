/* bench-dashboard.c: the portfolio dashboard, beside SQLite and pandas
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Builds a portfolio of N affairs (10^4 by default) through the public API,
 * each with a three-task plan and its baseline, a budget from its offer, 100
 * ledger entries imported as CSV (10^6 in all), progress, an invoice and its
 * payment; then times:
 *
 * - the full dashboard (aff_portfolio_compute_dashboard: every affair's
 *   status, drifts and late payments, the totals and rollups);
 * - recomputing one affair's status and drifts after adding one entry to
 *   its ledger;
 * - the memory a ledger takes per entry: each affair's rows are imported
 *   again into a ledger of their own, outside the journal, and the heap in
 *   use before and after, object included, is divided by the entries.
 *
 * In the same run, peer-dashboard.py loads the same ledger rows into SQLite
 * (in memory) and pandas, untimed, and times the sums the dashboard needs
 * from them: actual and committed cost by affair and category up to the
 * date. Those peers compute only the sums; the dashboard computes every
 * figure. Both sides' grand totals are compared.
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

#define ENTRIES 100
#define ROUNDS 5

static GDate *
day (int y, int m, int d)
{
  return g_date_new_dmy (d, m, y);
}

static void
check (gboolean ok, GError *error, const char *what)
{
  if (!ok)
    g_error ("%s: %s", what, error != NULL ? error->message : "failed");
}

static AffMoney *
money (const char *text)
{
  AffMoney *m = aff_money_parse (text, NULL);

  g_assert (m != NULL);
  return m;
}

static void
add_line (AffOfferRevision *rev,
          AffLineKind       kind,
          const char       *quantity,
          AffLineUnit       unit,
          const char       *cost,
          const char       *lot)
{
  g_autoptr(AffMoney) unit_cost = money (cost);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffOfferLine) line = aff_offer_line_new (kind, lot, quantity, unit, unit_cost, &error);

  check (line != NULL, error, "line");
  aff_offer_line_set_lot (line, lot);
  check (aff_offer_revision_add_line (rev, line, &error), error, "add line");
}

static const char *const categories[] = { "labour", "material", "subcontract", "travel" };
static const char *const works[] = { "T1", "T2", "T3" };

/* One affair, and its ledger as CSV for the library and as rows for the
 * peers (affair, Julian day, category, state, amount in cents). */
static AffAffair *
build_affair (AffPortfolio *p,
              guint         i,
              GRand        *rand,
              FILE         *peer_rows,
              gsize        *heap,
              GPtrArray    *kept)
{
  static const char *const activities[][2] = {
    { "pipework", NULL }, { "boilermaking", NULL }, { "welding", NULL }, { "maintenance", NULL }, { "lifting", NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *client_id = g_strdup_printf ("C%04u", i / 10);
  g_autofree char *consultation_id = g_strdup_printf ("K%05u", i);
  g_autofree char *offer_id = g_strdup_printf ("O%05u", i);
  g_autofree char *contract = g_strdup_printf ("CT-%05u", i);
  g_autoptr(GDate) received = day (2026, 3, 2), deadline = day (2026, 4, 15), qualified = day (2026, 3, 3);
  g_autoptr(GDate) evaluated = day (2026, 3, 5), sent = day (2026, 4, 1), signed_on = day (2026, 4, 20);
  g_autoptr(GDate) validity = day (2026, 6, 30), may4 = day (2026, 5, 4), may20 = day (2026, 5, 20);
  g_autoptr(GDate) apr30 = day (2026, 4, 30), may30 = day (2026, 5, 30);
  g_autoptr(AffConsultation) k = NULL;
  g_autoptr(AffOffer) offer = NULL;
  g_autoptr(AffBidEvaluation) evaluation = NULL;
  g_autoptr(GString) csv = g_string_new ("date,work,category,state,amount,document,commitment\n");
  g_autoptr(AffMoney) billed = NULL, paid = NULL;
  struct mallinfo2 before, after;
  AffOfferRevision *rev;
  AffAffair *affair;
  AffPlan *plan;
  guint j;

  if (i % 10 == 0)
    {
      g_autofree char *name = g_strdup_printf ("Client %u", i / 10);
      g_autoptr(AffClient) client = aff_client_new (client_id, name);

      check (aff_portfolio_add_client (p, client, &error), error, "client");
    }
  k = aff_consultation_new (consultation_id, client_id, "Tuyauterie", received, deadline);
  aff_consultation_set_activities (k, activities[i % 5]);
  check (aff_portfolio_add_consultation (p, k, &error), error, "consultation");
  check (aff_consultation_start_qualification (k, qualified, "analysis", &error), error, "qualification");
  evaluation = aff_portfolio_evaluate_consultation (p, consultation_id, evaluated, &error);
  check (evaluation != NULL, error, "evaluation");
  check (aff_portfolio_decide_consultation (p, consultation_id, AFF_BID_VERDICT_GO, "Direction", "stratégique",
                                            &error), error, "decision");
  offer = aff_offer_new (offer_id, consultation_id);
  check (aff_portfolio_add_offer (p, offer, &error), error, "offer");
  rev = aff_offer_get_current_revision (offer);
  add_line (rev, AFF_LINE_KIND_LABOUR, "200", AFF_LINE_UNIT_HOUR, "60.00 EUR", "T1");
  add_line (rev, AFF_LINE_KIND_MATERIAL, "1", AFF_LINE_UNIT_LUMP_SUM, "20000.00 EUR", "T2");
  add_line (rev, AFF_LINE_KIND_SUBCONTRACT, "1", AFF_LINE_UNIT_LUMP_SUM, "15000.00 EUR", "T3");
  check (aff_offer_revision_set_margin_rate (rev, 1500, &error), error, "margin");
  check (aff_offer_revision_set_validity (rev, validity, &error), error, "validity");
  check (aff_offer_send (offer, sent, &error), error, "send");
  check (aff_offer_accept (offer, signed_on, contract, &error), error, "accept");
  affair = aff_portfolio_lookup_affair (p, offer_id);

  plan = aff_affair_get_plan (affair);
  for (j = 0; j < 3; j++)
    {
      g_autoptr(AffTask) task = aff_task_new (works[j], works[j], 10);

      check (aff_plan_add_task (plan, task, &error), error, "task");
      if (j > 0)
        check (aff_plan_add_dependency (plan, works[j - 1], works[j], AFF_DEPENDENCY_TYPE_FINISH_START, 0, &error),
               error, "dependency");
    }
  check (aff_plan_schedule (plan, &error), error, "schedule");
  check (aff_plan_save_baseline (plan, "contrat", &error), error, "baseline");

  /* Ten orders (material for T2, subcontracting for T3), then ninety
   * actual costs, each of the category its task is budgeted in but one in
   * twenty, travel on T1, which has no budget for it: a real ledger's
   * share of surprises. A third of the actual costs are invoices settling
   * the orders. */
  for (j = 0; j < ENTRIES; j++)
    {
      guint32 julian = g_date_get_julian (signed_on) + (guint32) g_rand_int_range (rand, 0, 90);
      gboolean committed = j < 10;
      guint work = committed ? 1 + j % 2 : j % 3;
      guint category = work == 0 && g_rand_int_range (rand, 0, 20) == 0 ? 3 : work;
      gint64 cents = committed ? g_rand_int_range (rand, 100000, 300000) : g_rand_int_range (rand, 1000, 60000);
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, julian);
      g_string_append_printf (csv, "%04u-%02u-%02u,%s,%s,%s,%" G_GINT64_FORMAT ".%02d,", g_date_get_year (&date),
                              g_date_get_month (&date), g_date_get_day (&date), works[work],
                              categories[category], committed ? "committed" : "actual", cents / 100,
                              (int) (cents % 100));
      if (committed)
        g_string_append_printf (csv, "PO-%u,\n", j);
      else if (work > 0 && (j / 3) % 3 == 0)
        g_string_append_printf (csv, "FA-%u,PO-%u\n", j, work == 1 ? (j / 3) % 5 * 2 : (j / 3) % 5 * 2 + 1);
      else
        g_string_append_printf (csv, "TS-%u,\n", j);
      fprintf (peer_rows, "%u,%u,%s,%s,%" G_GINT64_FORMAT "\n", i, julian, categories[category],
               committed ? "committed" : "actual", cents);
    }
  check (aff_ledger_import_csv (aff_affair_get_ledger (affair), csv->str, (gssize) csv->len, NULL, &error), error,
         "import");
  /* The memory of a ledger alone: the same rows imported into one of its
   * own, outside the journal (which keeps one entry per import), kept
   * until the end so that the heap in use counts it. */
  {
    AffLedger *alone;

    before = mallinfo2 ();
    alone = aff_ledger_new ("EUR", NULL);
    check (aff_ledger_import_csv (alone, csv->str, (gssize) csv->len, NULL, &error), error, "import");
    after = mallinfo2 ();
    *heap += after.uordblks - before.uordblks;
    g_ptr_array_add (kept, alone);
  }

  check (aff_affair_record_progress (affair, "T1", may4, 10000, &error), error, "progress");
  check (aff_affair_record_progress (affair, "T2", may20, 6000, &error), error, "progress");
  billed = money ("12000.00 EUR");
  paid = money ("14400.00 EUR");
  {
    g_autofree char *invoice = g_strdup_printf ("F-%05u", i);

    check (aff_affair_record_invoice (affair, invoice, apr30, billed, &error), error, "invoice");
    check (aff_affair_record_payment (affair, invoice, may30, paid, &error), error, "payment");
  }
  return affair;
}

typedef struct
{
  double sqlite_sums, pandas_sums, sqlite_load, pandas_load;
  gint64 sqlite_actual, sqlite_committed, pandas_actual, pandas_committed;
  gboolean ran;
} Peer;

static void
run_peer (const char *python,
          const char *script,
          const char *rows,
          guint32     julian,
          Peer       *peer)
{
  g_autofree char *day_text = g_strdup_printf ("%u", julian);
  const char *argv[] = { python, script, rows, day_text, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int status = 0;
  guint i;

  memset (peer, 0, sizeof *peer);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_printerr ("peer-dashboard.py failed: %s%s\n", error != NULL ? error->message : "", err != NULL ? err : "");
      return;
    }
  lines = g_strsplit (out, "\n", -1);
  for (i = 0; lines[i] != NULL; i++)
    {
      sscanf (lines[i], "sqlite_load %lf", &peer->sqlite_load);
      sscanf (lines[i], "sqlite_sums %lf", &peer->sqlite_sums);
      sscanf (lines[i], "pandas_load %lf", &peer->pandas_load);
      sscanf (lines[i], "pandas_sums %lf", &peer->pandas_sums);
      sscanf (lines[i], "sqlite_totals %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &peer->sqlite_actual,
              &peer->sqlite_committed);
      sscanf (lines[i], "pandas_totals %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &peer->pandas_actual,
              &peer->pandas_committed);
    }
  peer->ran = peer->sqlite_sums > 0 && peer->pandas_sums > 0;
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
  g_autoptr(AffPortfolio) p = aff_portfolio_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261129);
  g_autoptr(GDate) date = day (2026, 6, 15);
  g_autoptr(GPtrArray) affairs = g_ptr_array_new ();
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) clock = g_date_time_new_utc (2026, 4, 1, 9, 0, 0);
  const char *activities[] = { "pipework", "boilermaking", "welding", "maintenance", "lifting", NULL };
  double times[ROUNDS], one[ROUNDS], build, dashboard, recompute;
  gint64 actual = 0, committed = 0;
  gsize heap = 0;
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
  aff_portfolio_set_actor (p, "Bench");
  aff_portfolio_set_fixed_time (p, clock);
  aff_policy_set_activities (aff_portfolio_get_policy (p), activities);
  aff_policy_set_capacity_hours (aff_portfolio_get_policy (p), G_MAXINT);
  rows = fopen (rows_path, "w");
  t0 = now ();
  for (i = 0; i < n; i++)
    g_ptr_array_add (affairs, build_affair (p, i, rand, rows, &heap, kept));
  build = now () - t0;
  fclose (rows);

  for (r = 0; r < ROUNDS; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AffDashboard) d = NULL;

      t0 = now ();
      d = aff_portfolio_compute_dashboard (p, date, &error);
      times[r] = now () - t0;
      check (d != NULL, error, "dashboard");
    }
  dashboard = median (times, ROUNDS);
  /* AFF_BENCH_PROFILE=K: the dashboard K times more and nothing else, for
   * perf record -D (the build takes the first seconds). */
  if (g_getenv ("AFF_BENCH_PROFILE") != NULL)
    {
      for (r = 0; r < (guint) atoi (g_getenv ("AFF_BENCH_PROFILE")); r++)
        aff_dashboard_free (aff_portfolio_compute_dashboard (p, date, NULL));
      g_print ("full dashboard: %.1f ms\n", dashboard * 1e3);
      return 0;
    }

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

  run_peer (python, script, rows_path, g_date_get_julian (date), &peer);

  g_print ("affairs %u, ledger entries %u (+ %u added by the recompute rounds)\n", n, n * ENTRIES,
           ROUNDS * MIN (n, 1000u));
  g_print ("build through the API: %.2f s\n", build);
  g_print ("%-44s %10s %10s\n", "", "ms", "ratio");
  g_print ("%-44s %10.1f\n", "libaffaires: full dashboard", dashboard * 1e3);
  if (peer.ran)
    {
      g_print ("%-44s %10.1f %9.2fx\n", "pandas: the sums only (groupby)", peer.pandas_sums * 1e3,
               peer.pandas_sums / dashboard);
      g_print ("%-44s %10.1f %9.2fx\n", "SQLite in memory: the sums only (GROUP BY)", peer.sqlite_sums * 1e3,
               peer.sqlite_sums / dashboard);
      g_print ("totals: libaffaires actual %" G_GINT64_FORMAT " committed %" G_GINT64_FORMAT
               "; SQLite %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "; pandas %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
               " (cents): %s\n", actual, committed, peer.sqlite_actual, peer.sqlite_committed, peer.pandas_actual,
               peer.pandas_committed,
               actual == peer.sqlite_actual && committed == peer.sqlite_committed &&
               actual == peer.pandas_actual && committed == peer.pandas_committed ? "identical" : "DIFFERENT");
    }
  else
    g_print ("peers: not run (peer-dashboard.py needs python3-pandas)\n");
  g_print ("one affair, one entry added, status and drifts again: %.1f us\n", recompute * 1e6);
  g_print ("ledger memory: %.1f bytes per entry (heap in use by ledgers of their own, object included, / entries)\n",
           (double) heap / (n * ENTRIES));
  g_print ("ratio: the peer's time / libaffaires's (higher is faster for libaffaires)\n");

  g_unlink (rows_path);
  g_rmdir (folder);
  return 0;
}
