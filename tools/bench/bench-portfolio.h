/* bench-portfolio.h: the portfolio of affairs the benchmarks build
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Shared by bench-dashboard and bench-store: a portfolio of affairs built
 * through the public API, each with a three-task plan and its baseline, a
 * budget from its offer, BENCH_ENTRIES ledger entries imported as CSV,
 * progress, an invoice and its payment. One client for ten affairs. The
 * ledger rows are drawn from a GRand: the same seed gives the same rows.
 */
#pragma once

#include <stdio.h>
#include <glib.h>

#include <affaires.h>

#define BENCH_ENTRIES 100

static inline GDate *
day (int y, int m, int d)
{
  return g_date_new_dmy (d, m, y);
}

static inline void
check (gboolean ok, GError *error, const char *what)
{
  if (!ok)
    g_error ("%s: %s", what, error != NULL ? error->message : "failed");
}

static inline AffMoney *
money (const char *text)
{
  AffMoney *m = aff_money_parse (text, NULL);

  g_assert (m != NULL);
  return m;
}

static inline void
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

static const char *const bench_categories[] = { "labour", "material", "subcontract", "travel" };
static const char *const bench_works[] = { "T1", "T2", "T3" };

/* An empty portfolio as the benchmarks want it: a fixed clock and actor,
 * the five activities, unlimited capacity. */
static inline AffPortfolio *
bench_portfolio_new (void)
{
  const char *activities[] = { "pipework", "boilermaking", "welding", "maintenance", "lifting", NULL };
  g_autoptr(GDateTime) clock = g_date_time_new_utc (2026, 4, 1, 9, 0, 0);
  AffPortfolio *p = aff_portfolio_new ();

  aff_portfolio_set_actor (p, "Bench");
  aff_portfolio_set_fixed_time (p, clock);
  aff_policy_set_activities (aff_portfolio_get_policy (p), activities);
  aff_policy_set_capacity_hours (aff_portfolio_get_policy (p), G_MAXINT);
  return p;
}

/* What bench_build_affair calls once an affair's ledger rows are made
 * (and imported, when asked), before its progress: @csv holds them as
 * aff_ledger_import_csv reads them. */
typedef void (*BenchRowsFunc) (AffAffair     *affair,
                               guint          i,
                               const GString *csv,
                               gpointer       data);

/* A BenchRowsFunc keeping a copy of each affair's rows in @data, a
 * GPtrArray freeing them with g_free(). */
static inline void
bench_keep_rows (AffAffair     *affair,
                 guint          i,
                 const GString *csv,
                 gpointer       data)
{
  g_ptr_array_add (data, g_strndup (csv->str, csv->len));
}

/* Affair number @i (id O%05u, its client C%04u made with every tenth),
 * from its consultation to its payment. Its ledger's rows are imported
 * into its ledger when @import (when not, the ledger stays empty, for the
 * caller to import the same rows later), handed to @rows_func when not
 * NULL and, when @peer_rows is not NULL, written there as "affair
 * index,Julian day,category,state,amount in cents". */
static inline AffAffair *
bench_build_affair (AffPortfolio  *p,
                    guint          i,
                    GRand         *rand,
                    gboolean       import,
                    FILE          *peer_rows,
                    BenchRowsFunc  rows_func,
                    gpointer       data)
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
      g_autoptr(AffTask) task = aff_task_new (bench_works[j], bench_works[j], 10);

      check (aff_plan_add_task (plan, task, &error), error, "task");
      if (j > 0)
        check (aff_plan_add_dependency (plan, bench_works[j - 1], bench_works[j], AFF_DEPENDENCY_TYPE_FINISH_START,
                                        0, &error), error, "dependency");
    }
  check (aff_plan_schedule (plan, &error), error, "schedule");
  check (aff_plan_save_baseline (plan, "contrat", &error), error, "baseline");

  /* Ten orders (material for T2, subcontracting for T3), then ninety
   * actual costs, each of the category its task is budgeted in but one in
   * twenty, travel on T1, which has no budget for it: a real ledger's
   * share of surprises. A third of the actual costs are invoices settling
   * the orders. */
  for (j = 0; j < BENCH_ENTRIES; j++)
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
                              g_date_get_month (&date), g_date_get_day (&date), bench_works[work],
                              bench_categories[category], committed ? "committed" : "actual", cents / 100,
                              (int) (cents % 100));
      if (committed)
        g_string_append_printf (csv, "PO-%u,\n", j);
      else if (work > 0 && (j / 3) % 3 == 0)
        g_string_append_printf (csv, "FA-%u,PO-%u\n", j, work == 1 ? (j / 3) % 5 * 2 : (j / 3) % 5 * 2 + 1);
      else
        g_string_append_printf (csv, "TS-%u,\n", j);
      if (peer_rows != NULL)
        fprintf (peer_rows, "%u,%u,%s,%s,%" G_GINT64_FORMAT "\n", i, julian, bench_categories[category],
                 committed ? "committed" : "actual", cents);
    }
  if (import)
    check (aff_ledger_import_csv (aff_affair_get_ledger (affair), csv->str, (gssize) csv->len, NULL, &error), error,
           "import");
  if (rows_func != NULL)
    rows_func (affair, i, csv, data);

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
