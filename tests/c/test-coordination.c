/* test-coordination.c: the planning features of part 2 from C (resources,
 * levelling, hazards, the prevention plan, inspections, co-activity, the
 * document), complementary to tests/python/test_coordination.py.
 *
 * Every expected value is worked out by hand, with the reasoning beside it,
 * from the conventions of the module (the planning API notes, parts 1 and
 * 2, and the doc comments of libaffaires/planning):
 *   - whole working days; a task of d days starts on a working day and
 *     finishes on its d-th working day; a finish-to-start successor starts
 *     on the next working day, a lag of n adds n working days;
 *   - a task lasts its duration plus its hazard delay; its levelling delay
 *     moves its start by so many working days;
 *   - the load of an assignment is its minutes on each working day of the
 *     task; a total is spread evenly, the first days taking the odd minutes.
 *
 * Two calendars are used:
 *  - the plain one (aff_calendar_new (), Monday to Friday, no holiday) from
 *    Mon 2 Mar 2026 (1 Mar 2026 is a Sunday), its working days numbered from
 *    0: 0 Mon 2, 1 Tue 3, 2 Wed 4, 3 Thu 5, 4 Fri 6, 5 Mon 9, 6 Tue 10,
 *    7 Wed 11, 8 Thu 12, 9 Fri 13 Mar;
 *  - the French one from Mon 27 Apr 2026. Easter 2026 is 5 Apr, so
 *    Ascension (Easter + 39) is Thu 14 May and Whit Monday (Easter + 50)
 *    Mon 25 May; 1 May and 8 May 2026 are Fridays. Its working days,
 *    numbered from 0:
 *       0 Mon 27 Apr   4 Mon  4 May   8 Mon 11 May  12 Mon 18 May
 *       1 Tue 28       5 Tue  5       9 Tue 12      13 Tue 19
 *       2 Wed 29       6 Wed  6      10 Wed 13      14 Wed 20
 *       3 Thu 30       7 Thu  7         (Thu 14 off) 15 Thu 21
 *         (Fri 1 May off) (Fri 8 off) 11 Fri 15     16 Fri 22
 *
 * Dates are written YYYYMMDD in the tables.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include <affaires.h>

#include "test-offer-util.h"

#define FS AFF_DEPENDENCY_TYPE_FINISH_START

/* ---- helpers --------------------------------------------------------------- */

/* A day written YYYYMMDD (transfer full). */
static GDate *
ymd (guint v)
{
  return g_date_new_dmy (v % 100, (v / 100) % 100, v / 10000);
}

/* A day as YYYYMMDD, 0 for none. */
static guint
ymd_of (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return 0;
  return g_date_get_year (date) * 10000 + g_date_get_month (date) * 100 + g_date_get_day (date);
}

static void
set_start (AffPlan *plan,
           guint    start)
{
  g_autoptr(GDate) d = ymd (start);

  aff_plan_set_start (plan, d);
}

/* A plan starting on @start on @calendar (transfer full). */
static AffPlan *
new_plan (guint        start,
          AffCalendar *calendar)
{
  AffPlan *plan = aff_plan_new ();

  set_start (plan, start);
  aff_plan_set_calendar (plan, calendar);
  return plan;
}

static AffPlan *
new_plain_plan (guint start)
{
  g_autoptr(AffCalendar) cal = aff_calendar_new ();

  return new_plan (start, cal);
}

static AffPlan *
new_french_plan (guint start)
{
  g_autoptr(AffCalendar) cal = aff_calendar_new_french (FALSE);

  return new_plan (start, cal);
}

/* Adds a task; returns it (transfer none). */
static AffTask *
add (AffPlan    *plan,
     const char *id,
     guint       days)
{
  g_autoptr(AffTask) task = aff_task_new (id, id, days);

  ASSERT_OK (aff_plan_add_task (plan, task, &error));
  return task;
}

static void
depend (AffPlan    *plan,
        const char *pred,
        const char *succ,
        int         lag)
{
  ASSERT_OK (aff_plan_add_dependency (plan, pred, succ, FS, lag, &error));
}

static void
schedule (AffPlan *plan)
{
  ASSERT_OK (aff_plan_schedule (plan, &error));
  g_assert_true (aff_plan_is_scheduled (plan));
}

static AffTask *
task (AffPlan    *plan,
      const char *id)
{
  AffTask *t = aff_plan_lookup_task (plan, id);

  g_assert_nonnull (t);
  return t;
}

static void
snet (AffTask *t,
      guint    v)
{
  g_autoptr(GDate) d = ymd (v);

  aff_task_set_start_no_earlier_than (t, d);
}

static AffResource *
add_resource (AffPlan         *plan,
              const char      *id,
              AffResourceKind  kind,
              guint            capacity)
{
  g_autoptr(AffResource) r = aff_resource_new (id, id, kind);

  aff_resource_set_capacity_minutes (r, capacity);
  ASSERT_OK (aff_plan_add_resource (plan, r, &error));
  return r;
}

static void
assign (AffPlan    *plan,
        const char *task_id,
        const char *resource_id,
        double      hours_per_day)
{
  ASSERT_OK (aff_plan_assign (plan, task_id, resource_id, hours_per_day, &error));
}

static void
assign_total (AffPlan    *plan,
              const char *task_id,
              const char *resource_id,
              double      hours)
{
  ASSERT_OK (aff_plan_assign_total (plan, task_id, resource_id, hours, &error));
}

/* "ES-EF" of a task. */
static char *
span_of (AffPlan    *plan,
         const char *id)
{
  AffTask *t = task (plan, id);

  return g_strdup_printf ("%s %u-%u", id, ymd_of (aff_task_get_early_start (t)),
                          ymd_of (aff_task_get_early_finish (t)));
}

static void
check_span (AffPlan    *plan,
            const char *id,
            guint       es,
            guint       ef)
{
  g_autofree char *got = span_of (plan, id);
  g_autofree char *expected = g_strdup_printf ("%s %u-%u", id, es, ef);

  g_assert_cmpstr (got, ==, expected);
}

/* Every figure of every task, with its delays, and the plan's finish. */
static char *
snapshot (AffPlan *plan)
{
  GListModel *tasks = aff_plan_get_tasks (plan);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(AffTask) t = g_list_model_get_item (tasks, i);

      g_string_append_printf (s, "%s %u-%u %u-%u TF %d FF %d hazard %u levelling %u%s\n", aff_task_get_id (t),
                              ymd_of (aff_task_get_early_start (t)), ymd_of (aff_task_get_early_finish (t)),
                              ymd_of (aff_task_get_late_start (t)), ymd_of (aff_task_get_late_finish (t)),
                              aff_task_get_total_float (t), aff_task_get_free_float (t),
                              aff_task_get_hazard_delay (t), aff_task_get_levelling_delay (t),
                              aff_task_is_scheduled (t) ? "" : " (not scheduled)");
    }
  g_string_append_printf (s, "finish %u scheduled %d\n", ymd_of (aff_plan_get_finish (plan)),
                          aff_plan_is_scheduled (plan));
  return g_string_free (s, FALSE);
}

static char *
slips_text (GPtrArray *slips)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < slips->len; i++)
    {
      AffSlip *x = g_ptr_array_index (slips, i);

      g_string_append_printf (s, "%s%s %u-%u -> %u-%u %+d %+d\n", aff_slip_get_task_id (x),
                              aff_slip_is_milestone (x) ? " (milestone)" : "",
                              ymd_of (aff_slip_get_baseline_start (x)), ymd_of (aff_slip_get_baseline_finish (x)),
                              ymd_of (aff_slip_get_start (x)), ymd_of (aff_slip_get_finish (x)),
                              aff_slip_get_start_slip (x), aff_slip_get_finish_slip (x));
    }
  return g_string_free (s, FALSE);
}

static char *
loads_text (GPtrArray *loads)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < loads->len; i++)
    {
      AffLoad *l = g_ptr_array_index (loads, i);
      g_autofree char *ids = g_strjoinv (",", (char **) aff_load_get_task_ids (l));

      g_string_append_printf (s, "%u %s %u/%u +%u [%s]\n", ymd_of (aff_load_get_date (l)),
                              aff_load_get_resource_id (l), aff_load_get_load_minutes (l),
                              aff_load_get_capacity_minutes (l), aff_load_get_overload_minutes (l), ids);
    }
  return g_string_free (s, FALSE);
}

static char *
overallocations_text (AffPlan *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loads = aff_plan_list_overallocations (plan, &error);

  g_assert_no_error (error);
  g_assert_nonnull (loads);
  return loads_text (loads);
}

static char *
load_text (AffPlan    *plan,
           const char *resource,
           guint       from,
           guint       to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) f = ymd (from);
  g_autoptr(GDate) t = ymd (to);
  g_autoptr(GPtrArray) loads = aff_plan_compute_load (plan, resource, f, t, &error);

  g_assert_no_error (error);
  g_assert_nonnull (loads);
  return loads_text (loads);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The plan member of the first affair of a portfolio's document, as text. */
static char *
plan_json (AffPortfolio *p)
{
  g_autofree char *text = aff_portfolio_to_data (p, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *affair;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  affair = json_array_get_object_element (json_object_get_array_member (root, "affairs"), 0);
  json_generator_set_root (generator, json_object_get_member (affair, "plan"));
  return json_generator_to_data (generator, NULL);
}

/* ---- argument contracts ---------------------------------------------------- */

#define EXPECT_CRITICAL(stmt)                                                   \
  G_STMT_START {                                                                \
    g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");  \
    stmt;                                                                       \
    g_test_assert_expected_messages ();                                         \
  } G_STMT_END

static void
test_null_arguments (void)
{
  g_autoptr(AffPlan) plan = new_plain_plan (20260302);
  g_autoptr(GDate) mon = ymd (20260302);
  g_autoptr(GDate) fri = ymd (20260306);
  g_autoptr(AffHazard) hazard = aff_hazard_new ("H1", mon, AFF_HAZARD_CAUSE_WEATHER, "Tempête");
  g_autoptr(AffMoney) negative = money ("-1.00 EUR");
  AffPreventionPlan *prevention = aff_plan_get_prevention_plan (plan);
  AffResource *r = add_resource (plan, "r", AFF_RESOURCE_KIND_PERSON, 420);
  AffTask *t = add (plan, "T", 2);
  g_autoptr(GError) error = NULL;
  const char *ids[] = { "T", NULL };

  /* a resource needs an id */
  EXPECT_CRITICAL (g_assert_null (aff_resource_new (NULL, "Personne", AFF_RESOURCE_KIND_PERSON)));

  /* capacity: at most 1 440 000 minutes a day; the hours must be a number
   * of 0 or more; a cost rate is not negative: each refused, unchanged */
  EXPECT_CRITICAL (aff_resource_set_capacity_minutes (r, 1440 * 1000 + 1));
  g_assert_cmpuint (aff_resource_get_capacity_minutes (r), ==, 420);
  EXPECT_CRITICAL (aff_resource_set_capacity_hours (r, NAN));
  EXPECT_CRITICAL (aff_resource_set_capacity_hours (r, -1.0));
  g_assert_cmpuint (aff_resource_get_capacity_minutes (r), ==, 420);
  EXPECT_CRITICAL (aff_resource_set_cost_rate (r, negative));
  g_assert_null (aff_resource_get_cost_rate (r));

  /* no resource to add: FALSE, and no GError for a programming error */
  EXPECT_CRITICAL (g_assert_false (aff_plan_add_resource (plan, NULL, &error)));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (aff_plan_get_resources (plan)), ==, 1);

  /* a load needs both days */
  schedule (plan);
  EXPECT_CRITICAL (g_assert_null (aff_plan_compute_load (plan, "r", NULL, fri, &error)));
  g_assert_no_error (error);

  /* a hazard needs a date; an absence needs both its days; a delay is at
   * most 10 000 days */
  EXPECT_CRITICAL (g_assert_null (aff_hazard_new ("H2", NULL, AFF_HAZARD_CAUSE_CLIENT, "x")));
  EXPECT_CRITICAL (aff_hazard_set_resource_unavailable (hazard, "r", mon, NULL));
  g_assert_null (aff_hazard_get_resource_id (hazard));
  g_assert_null (aff_hazard_get_unavailable_from (hazard));
  EXPECT_CRITICAL (aff_hazard_set_delay_days (hazard, 10001));
  g_assert_cmpuint (aff_hazard_get_delay_days (hazard), ==, 0);
  EXPECT_CRITICAL (g_assert_null (aff_plan_apply_hazard (plan, NULL, &error)));
  g_assert_no_error (error);

  /* once applied, a hazard is a record: its delay no longer changes */
  aff_hazard_set_task_ids (hazard, ids);
  aff_hazard_set_delay_days (hazard, 1);
  {
    g_autoptr(AffHazardImpact) impact = aff_plan_apply_hazard (plan, hazard, &error);

    g_assert_no_error (error);
    g_assert_nonnull (impact);
  }
  g_assert_true (aff_hazard_is_applied (hazard));
  EXPECT_CRITICAL (aff_hazard_set_delay_days (hazard, 5));
  g_assert_cmpuint (aff_hazard_get_delay_days (hazard), ==, 1);
  g_assert_cmpuint (aff_task_get_hazard_delay (t), ==, 1);

  /* RACI needs a person, not NULL nor empty */
  EXPECT_CRITICAL (aff_task_set_raci (t, NULL, AFF_RACI_ROLE_RESPONSIBLE));
  EXPECT_CRITICAL (aff_task_set_raci (t, "", AFF_RACI_ROLE_RESPONSIBLE));
  {
    g_auto(GStrv) people = aff_task_list_raci (t);

    g_assert_cmpuint (g_strv_length (people), ==, 0);
  }

  /* inspections are checked on a day; a task starts on a day; a
   * signature has a day; a company is named */
  schedule (plan);
  EXPECT_CRITICAL (g_assert_null (aff_plan_check_inspections (plan, NULL, &error)));
  g_assert_no_error (error);
  EXPECT_CRITICAL (g_assert_false (aff_plan_start_task (plan, "T", NULL, &error)));
  g_assert_no_error (error);
  g_assert_null (aff_task_get_actual_start (t));
  EXPECT_CRITICAL (g_assert_false (aff_prevention_plan_sign (prevention, "J. Martin", "ACME", AFF_PARTY_CLIENT,
                                                              NULL, &error)));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) signatures = aff_prevention_plan_get_signatures (prevention);

    g_assert_cmpuint (signatures->len, ==, 0);
  }
  EXPECT_CRITICAL (g_assert_false (aff_prevention_plan_is_signed_by (prevention, NULL)));
}

/* ---- levelling ------------------------------------------------------------ */

/* Eight tasks on the plain calendar from Mon 2 Mar 2026 (boundaries: a
 * task on s-f works days s .. f-1), two resources: "soudeur" (a welder,
 * 420 min a day) and "grue" (a crane, 480 min a day).
 *   A 4 d, soudeur 7 h/d (420)          no predecessor       0-4
 *   B 2 d, soudeur 3 h/d (180), grue 8 h/d (480)             0-2
 *   C 3 d, grue 4 h/d (240)                                  0-3
 *   D 2 d, FS A, soudeur 7 h/d                               4-6
 *   E 3 d, FS B, grue 8 h/d                                  2-5
 *   F 1 d, FS C, grue 8 h in all (480 on its one day)        3-4
 *   G 5 d, FS C, no resource                                 3-8
 *   M milestone, FS D, E, F, G                               8 (end of day 7, Wed 11)
 * Late dates from the end 8: M 8; D LF 8 LS 6, A LF 6 LS 2: TF A = D = 2;
 * E LF 8 LS 5, B LF 5 LS 3: TF B = E = 3; G LF 8 LS 3: TF 0; F LF 8 LS 7:
 * TF 4; C LF min(3, 7) = 3, LS 0: TF 0.
 *
 * Before levelling, the loads (days 0 Mon 2 .. 4 Fri 6):
 *   soudeur: day 0, 1: A 420 + B 180 = 600 (> 420); 2, 3: A 420; 4, 5: D.
 *   grue: day 0, 1: B 480 + C 240 = 720 (> 480); 2: C 240 + E 480 = 720;
 *   3: E 480 + F 480 = 960; 4: E 480.
 * Overloads: Mon 2 grue 720 (+240), soudeur 600 (+180); Tue 3 the same;
 * Wed 4 grue 720 (+240); Thu 5 grue 960 (+480).
 *
 * Levelling, by early start, least float first among equals:
 *  1. ES 0: A (TF 2), B (TF 3), C (TF 0): C first, fits: grue 240 on 0-2.
 *  2. ES 0: A (TF 2) before B (TF 3): fits: soudeur 420 on 0-3.
 *  3. B (ES 0): soudeur is full on 0-3 (420 + 180 > 420), grue has 240 on
 *     0-2 (240 + 480 > 480): the first two days free of both are 4, 5:
 *     delay 4, B 4-6 (Fri 6, Mon 9); E (FS B) moves to 6-9, M to 9.
 *  4. Left: D (ES 4), E (ES 6), F (ES 3): F, grue 480 on day 3 (C is on
 *     0-2 only): 480 <= 480, fits with no delay.
 *  5. D (ES 4): soudeur has B's 180 on 4 and 5: 600 > 420; delay 1 (5, 6)
 *     still meets day 5; delay 2 (6, 7) is free: D 6-8 (Tue 10, Wed 11).
 *  6. E (ES 6): grue is free on 6, 7, 8 (C 0-2, F 3, B 4-5): no delay.
 * Hence B +4 and D +2 working days; E follows B (+4); M follows E: it
 * falls at boundary 9, the end of day 8 (Thu 12) instead of Wed 11 (+1).
 * A, C, F, G do not move. */
static AffPlan *
build_levelling_plan (void)
{
  AffPlan *plan = new_plain_plan (20260302);

  add_resource (plan, "soudeur", AFF_RESOURCE_KIND_PERSON, 420);
  add_resource (plan, "grue", AFF_RESOURCE_KIND_EQUIPMENT, 480);
  add (plan, "A", 4);
  add (plan, "B", 2);
  add (plan, "C", 3);
  add (plan, "D", 2);
  add (plan, "E", 3);
  add (plan, "F", 1);
  add (plan, "G", 5);
  add (plan, "M", 0);
  depend (plan, "A", "D", 0);
  depend (plan, "B", "E", 0);
  depend (plan, "C", "F", 0);
  depend (plan, "C", "G", 0);
  depend (plan, "D", "M", 0);
  depend (plan, "E", "M", 0);
  depend (plan, "F", "M", 0);
  depend (plan, "G", "M", 0);
  /* assignments in the plan's order */
  assign (plan, "A", "soudeur", 7);
  assign (plan, "B", "soudeur", 3);
  assign (plan, "B", "grue", 8);
  assign (plan, "C", "grue", 4);
  assign (plan, "D", "soudeur", 7);
  assign (plan, "E", "grue", 8);
  assign_total (plan, "F", "grue", 8);
  return plan;
}

static void
test_levelling (void)
{
  g_autoptr(AffPlan) plan = build_levelling_plan ();
  g_autoptr(GPtrArray) slips = NULL;
  g_autofree char *over = NULL;
  g_autofree char *text = NULL;
  g_autofree char *load = NULL;

  schedule (plan);
  /* the unlevelled plan: see above */
  check_span (plan, "A", 20260302, 20260305);
  check_span (plan, "B", 20260302, 20260303);
  check_span (plan, "E", 20260304, 20260306);
  check_span (plan, "M", 20260311, 20260311);
  g_assert_cmpint (aff_task_get_total_float (task (plan, "C")), ==, 0);
  g_assert_cmpint (aff_task_get_total_float (task (plan, "A")), ==, 2);
  g_assert_cmpint (aff_task_get_total_float (task (plan, "B")), ==, 3);
  over = overallocations_text (plan);
  /* by date, then resource ("grue" < "soudeur"); the tasks of a load in
   * the order of the plan */
  g_assert_cmpstr (over, ==,
                   "20260302 grue 720/480 +240 [B,C]\n"
                   "20260302 soudeur 600/420 +180 [A,B]\n"
                   "20260303 grue 720/480 +240 [B,C]\n"
                   "20260303 soudeur 600/420 +180 [A,B]\n"
                   "20260304 grue 720/480 +240 [C,E]\n"
                   "20260305 grue 960/480 +480 [E,F]\n");
  g_clear_pointer (&over, g_free);

  {
    g_autoptr(GError) error = NULL;

    slips = aff_plan_level_resources (plan, &error);
    g_assert_no_error (error);
    g_assert_nonnull (slips);
  }
  g_assert_true (aff_plan_is_scheduled (plan));
  /* B: days 0-1 (Mon 2, Tue 3) -> 4-5 (Fri 6, Mon 9): +4, +4.
   * D: 4-5 (Fri 6, Mon 9) -> 6-7 (Tue 10, Wed 11): +2, +2.
   * E: 2-4 (Wed 4 .. Fri 6) -> 6-8 (Tue 10 .. Thu 12): +4, +4.
   * M: Wed 11 -> Thu 12: +1. In the plan's order. */
  text = slips_text (slips);
  g_assert_cmpstr (text, ==,
                   "B 20260302-20260303 -> 20260306-20260309 +4 +4\n"
                   "D 20260306-20260309 -> 20260310-20260311 +2 +2\n"
                   "E 20260304-20260306 -> 20260310-20260312 +4 +4\n"
                   "M (milestone) 20260311-20260311 -> 20260312-20260312 +1 +1\n");
  g_assert_cmpuint (aff_task_get_levelling_delay (task (plan, "A")), ==, 0);
  g_assert_cmpuint (aff_task_get_levelling_delay (task (plan, "B")), ==, 4);
  g_assert_cmpuint (aff_task_get_levelling_delay (task (plan, "C")), ==, 0);
  g_assert_cmpuint (aff_task_get_levelling_delay (task (plan, "D")), ==, 2);
  /* E moved with B, its own delay is 0 */
  g_assert_cmpuint (aff_task_get_levelling_delay (task (plan, "E")), ==, 0);
  g_assert_cmpuint (aff_task_get_levelling_delay (task (plan, "F")), ==, 0);
  check_span (plan, "A", 20260302, 20260305);
  check_span (plan, "B", 20260306, 20260309);
  check_span (plan, "C", 20260302, 20260304);
  check_span (plan, "D", 20260310, 20260311);
  check_span (plan, "E", 20260310, 20260312);
  check_span (plan, "F", 20260305, 20260305);
  check_span (plan, "G", 20260305, 20260311);
  check_span (plan, "M", 20260312, 20260312);
  assert_date (aff_plan_get_finish (plan), 2026, 3, 12);

  /* no overallocation left */
  over = overallocations_text (plan);
  g_assert_cmpstr (over, ==, "");
  g_clear_pointer (&over, g_free);
  /* the welder, Mon 2 .. Fri 13 Mar: A 420 on 0-3, B 180 on 4-5, D 420 on
   * 6-7, nothing on 8-9: every working day of the range is listed */
  load = load_text (plan, "soudeur", 20260302, 20260313);
  g_assert_cmpstr (load, ==,
                   "20260302 soudeur 420/420 +0 [A]\n"
                   "20260303 soudeur 420/420 +0 [A]\n"
                   "20260304 soudeur 420/420 +0 [A]\n"
                   "20260305 soudeur 420/420 +0 [A]\n"
                   "20260306 soudeur 180/420 +0 [B]\n"
                   "20260309 soudeur 180/420 +0 [B]\n"
                   "20260310 soudeur 420/420 +0 [D]\n"
                   "20260311 soudeur 420/420 +0 [D]\n"
                   "20260312 soudeur 0/420 +0 []\n"
                   "20260313 soudeur 0/420 +0 []\n");
  g_clear_pointer (&load, g_free);
  /* the crane: C 240 on 0-2, F 480 on 3 (exactly its capacity), B 480 on
   * 4-5, E 480 on 6-8, nothing on 9 */
  load = load_text (plan, "grue", 20260302, 20260313);
  g_assert_cmpstr (load, ==,
                   "20260302 grue 240/480 +0 [C]\n"
                   "20260303 grue 240/480 +0 [C]\n"
                   "20260304 grue 240/480 +0 [C]\n"
                   "20260305 grue 480/480 +0 [F]\n"
                   "20260306 grue 480/480 +0 [B]\n"
                   "20260309 grue 480/480 +0 [B]\n"
                   "20260310 grue 480/480 +0 [E]\n"
                   "20260311 grue 480/480 +0 [E]\n"
                   "20260312 grue 480/480 +0 [E]\n"
                   "20260313 grue 0/480 +0 []\n");
  g_clear_pointer (&slips, g_ptr_array_unref);

  /* Levelling again: the delays are cleared and found again the same, so
   * nothing moves against the levelled schedule. */
  {
    g_autoptr(GError) error = NULL;

    slips = aff_plan_level_resources (plan, &error);
    g_assert_no_error (error);
    g_assert_nonnull (slips);
    g_assert_cmpuint (slips->len, ==, 0);
    g_clear_pointer (&slips, g_ptr_array_unref);
  }
  g_assert_cmpuint (aff_task_get_levelling_delay (task (plan, "B")), ==, 4);
  g_assert_cmpuint (aff_task_get_levelling_delay (task (plan, "D")), ==, 2);

  /* F now needs 10 h of the crane on its one day (600 > 480): too big
   * alone, it stays on Thu 5 with no delay, and nothing else changes (B
   * waits for the welder until day 4 anyway, E is after day 5): the only
   * overallocation is F's day, 120 min over. */
  assign_total (plan, "F", "grue", 10);
  {
    g_autoptr(GError) error = NULL;

    slips = aff_plan_level_resources (plan, &error);
    g_assert_no_error (error);
    g_assert_nonnull (slips);
    g_assert_cmpuint (slips->len, ==, 0);
  }
  g_assert_cmpuint (aff_task_get_levelling_delay (task (plan, "F")), ==, 0);
  check_span (plan, "F", 20260305, 20260305);
  over = overallocations_text (plan);
  g_assert_cmpstr (over, ==, "20260305 grue 600/480 +120 [F]\n");
}

/* ---- hazards ------------------------------------------------------------ */

/* On the French calendar from Mon 27 Apr 2026 (see the table at the top),
 * the welder r (7 h a day) works on A and D and K; the electrician q on E.
 *   A 10 d, r 7 h/d, "Équipe tuyauterie": days 0-9, Mon 27 Apr .. Tue 12 May
 *   D 3 d, not before Mon 4 May, r 3 h/d, subcontractor Calorif:
 *          days 4-6, Mon 4 .. Wed 6 May
 *   K 2 d, not before Mon 11 May, r 7 h/d: days 8-9, Mon 11 .. Tue 12
 *   E 2 d, not before Thu 30 Apr, q 7 h/d: days 3-4, Thu 30 Apr, Mon 4 May
 *   M milestone FS A, D, K, "Équipe tuyauterie": Tue 12 May
 * The contract ends Fri 15 May.
 *
 * H1: r is away Thu 30 Apr .. Tue 5 May. That period holds Thu 30, Fri 1
 * May (Fête du travail), Sat 2, Sun 3, Mon 4, Tue 5: 3 working days.
 *   A spans it all: + 3 days, 13 days: days 0-12, to Mon 18 May (Fri 8 May
 *     and Thu 14 May, Ascension, are off).
 *   D (Mon 4 .. Wed 6) overlaps Mon 4, Tue 5: + 2, 5 days: days 4-8, to
 *     Mon 11 May.
 *   K (Mon 11, Tue 12) does not overlap: + 0. E is q's: + 0.
 *   M follows A: Mon 18 May. The plan finishes Mon 18 May, after the
 *   contract's end: it no longer holds.
 * Moved, in the plan's order: A (finish day 9 -> 12, +3), D (finish day 6
 * -> 8, +2), M (+3, +3).
 * To notify, by party kind then name: the internal team [A, M] (by early
 * start: A Mon 27 Apr, M Mon 18 May), the client with the slipped
 * milestone [M], the subcontractor Calorif [D]. */
static void
test_hazard_absence (void)
{
  AffAffair *affair = NULL;
  g_autoptr(AffPortfolio) p = new_affair_portfolio (&affair);
  AffPlan *plan = aff_affair_get_plan (affair);
  g_autoptr(AffCalendar) french = aff_calendar_new_french (FALSE);
  g_autoptr(GDate) contract_end = ymd (20260515);
  g_autoptr(GDate) on = ymd (20260429);
  g_autoptr(GDate) from = ymd (20260430);
  g_autoptr(GDate) to = ymd (20260505);
  g_autoptr(AffHazard) h1 = aff_hazard_new ("H1", on, AFF_HAZARD_CAUSE_INTERNAL, "Arrêt maladie");
  g_autoptr(AffHazardImpact) impact = NULL;
  g_autoptr(GPtrArray) moved_slips = NULL;
  g_autoptr(GPtrArray) milestones = NULL;
  g_autoptr(GPtrArray) violations = NULL;
  g_autoptr(GPtrArray) parties = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *load = NULL;
  GString *s;
  g_autofree char *parties_text = NULL;
  AffResource *r;
  AffCalendar *rcal;
  AffTask *t;

  aff_plan_set_calendar (plan, french);
  set_start (plan, 20260427);
  aff_plan_set_contract_end (plan, contract_end);
  r = add_resource (plan, "r", AFF_RESOURCE_KIND_PERSON, 420);
  add_resource (plan, "q", AFF_RESOURCE_KIND_PERSON, 420);
  t = add (plan, "A", 10);
  aff_task_set_party_name (t, "Équipe tuyauterie");
  t = add (plan, "D", 3);
  snet (t, 20260504);
  aff_task_set_party (t, AFF_PARTY_SUBCONTRACTOR);
  aff_task_set_party_name (t, "Calorif");
  t = add (plan, "K", 2);
  snet (t, 20260511);
  aff_task_set_party_name (t, "Équipe tuyauterie");
  t = add (plan, "E", 2);
  snet (t, 20260430);
  aff_task_set_party_name (t, "Équipe électricité");
  t = add (plan, "M", 0);
  aff_task_set_party_name (t, "Équipe tuyauterie");
  depend (plan, "A", "M", 0);
  depend (plan, "D", "M", 0);
  depend (plan, "K", "M", 0);
  assign (plan, "A", "r", 7);
  assign (plan, "D", "r", 3);
  assign (plan, "K", "r", 7);
  assign (plan, "E", "q", 7);
  schedule (plan);
  check_span (plan, "A", 20260427, 20260512);
  check_span (plan, "D", 20260504, 20260506);
  check_span (plan, "K", 20260511, 20260512);
  check_span (plan, "E", 20260430, 20260504);
  check_span (plan, "M", 20260512, 20260512);
  g_assert_null (aff_resource_get_calendar (r));

  aff_hazard_set_resource_unavailable (h1, "r", from, to);
  {
    g_autoptr(GError) error = NULL;

    impact = aff_plan_apply_hazard (plan, h1, &error);
    g_assert_no_error (error);
    g_assert_nonnull (impact);
  }
  g_assert_cmpuint (aff_task_get_hazard_delay (task (plan, "A")), ==, 3);
  g_assert_cmpuint (aff_task_get_hazard_delay (task (plan, "D")), ==, 2);
  g_assert_cmpuint (aff_task_get_hazard_delay (task (plan, "K")), ==, 0);
  g_assert_cmpuint (aff_task_get_hazard_delay (task (plan, "E")), ==, 0);
  check_span (plan, "A", 20260427, 20260518);
  check_span (plan, "D", 20260504, 20260511);
  check_span (plan, "K", 20260511, 20260512);
  check_span (plan, "E", 20260430, 20260504);
  check_span (plan, "M", 20260518, 20260518);

  g_assert_cmpstr (aff_hazard_impact_get_hazard_id (impact), ==, "H1");
  moved_slips = aff_hazard_impact_get_moved_tasks (impact);
  moved = slips_text (moved_slips);
  g_assert_cmpstr (moved, ==,
                   "A 20260427-20260512 -> 20260427-20260518 +0 +3\n"
                   "D 20260504-20260506 -> 20260504-20260511 +0 +2\n"
                   "M (milestone) 20260512-20260512 -> 20260518-20260518 +3 +3\n");
  milestones = aff_hazard_impact_get_slipped_milestones (impact);
  g_assert_cmpuint (milestones->len, ==, 1);
  g_assert_cmpstr (aff_slip_get_task_id (g_ptr_array_index (milestones, 0)), ==, "M");
  g_assert_cmpuint (ymd_of (aff_hazard_impact_get_finish_before (impact)), ==, 20260512);
  g_assert_cmpuint (ymd_of (aff_hazard_impact_get_finish_after (impact)), ==, 20260518);
  g_assert_false (aff_hazard_impact_get_contract_end_holds (impact));
  violations = aff_hazard_impact_get_violations (impact);
  g_assert_cmpuint (violations->len, ==, 0);
  parties = aff_hazard_impact_get_parties_to_notify (impact);
  s = g_string_new (NULL);
  for (guint i = 0; i < parties->len; i++)
    {
      AffPartyTasks *x = g_ptr_array_index (parties, i);
      g_autofree char *ids = g_strjoinv (",", (char **) aff_party_tasks_get_task_ids (x));

      g_string_append_printf (s, "%d %s [%s]\n", aff_party_tasks_get_party (x),
                              aff_party_tasks_get_name (x) ? aff_party_tasks_get_name (x) : "-", ids);
    }
  parties_text = g_string_free (s, FALSE);
  g_assert_cmpstr (parties_text, ==,
                   "0 Équipe tuyauterie [A,M]\n"  /* AFF_PARTY_INTERNAL */
                   "1 - [M]\n"                    /* AFF_PARTY_CLIENT */
                   "2 Calorif [D]\n");            /* AFF_PARTY_SUBCONTRACTOR */

  /* the welder's own calendar: the French one, closed Thu 30 Apr .. Tue 5
   * May for the absence; the plan's calendar is untouched */
  rcal = aff_resource_get_calendar (r);
  g_assert_nonnull (rcal);
  g_assert_true (rcal != aff_plan_get_calendar (plan));
  {
    g_autoptr(GDate) apr29 = ymd (20260429);
    g_autoptr(GDate) apr30 = ymd (20260430);
    g_autoptr(GDate) may4 = ymd (20260504);
    g_autoptr(GDate) may5 = ymd (20260505);
    g_autoptr(GDate) may6 = ymd (20260506);
    g_autoptr(GDate) may8 = ymd (20260508);

    g_assert_true (aff_calendar_is_working_day (rcal, apr29));
    g_assert_false (aff_calendar_is_working_day (rcal, apr30));
    g_assert_false (aff_calendar_is_working_day (rcal, may4));
    g_assert_false (aff_calendar_is_working_day (rcal, may5));
    g_assert_true (aff_calendar_is_working_day (rcal, may6));
    /* the copy keeps the French holidays: 8 May */
    g_assert_false (aff_calendar_is_working_day (rcal, may8));
    g_assert_cmpstr (aff_calendar_get_day_name (rcal, may4), ==, "Arrêt maladie");
    g_assert_true (aff_calendar_is_working_day (aff_plan_get_calendar (plan), apr30));
    g_assert_true (aff_calendar_is_working_day (aff_plan_get_calendar (plan), may4));
  }
  /* The work stays on the plan's days: during the absence the welder has
   * no capacity and the load of A (420) and D (180) shows as overload:
   * Thu 30 Apr A 420; Fri 1 May to Sun 3 nothing; Mon 4, Tue 5 A + D =
   * 600. No working day of the welder is in the range. */
  load = load_text (plan, "r", 20260430, 20260505);
  g_assert_cmpstr (load, ==,
                   "20260430 r 420/0 +420 [A]\n"
                   "20260504 r 600/0 +600 [A,D]\n"
                   "20260505 r 600/0 +600 [A,D]\n");

  /* recorded: once in the plan, once in the journal */
  g_assert_true (aff_hazard_is_applied (h1));
  g_assert_cmpuint (g_list_model_get_n_items (aff_plan_get_hazards (plan)), ==, 1);
  g_assert_cmpuint (count_entries (p, "affair", "OFF-1", "hazard-applied"), ==, 1);
  assert_detail (last_entry (p, "affair", "OFF-1", "hazard-applied"), "hazard", "H1");
  /* again: refused, nothing changes */
  {
    g_autofree char *before = snapshot (plan);
    g_autofree char *after = NULL;
    g_autoptr(AffHazard) again = aff_hazard_new ("H1", on, AFF_HAZARD_CAUSE_CLIENT, "doublon");
    const char *ids[] = { "K", NULL };

    ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_plan_apply_hazard (plan, h1, &error) != NULL);
    aff_hazard_set_task_ids (again, ids);
    aff_hazard_set_delay_days (again, 1);
    ASSERT_FAILS (AFF_ERROR_DUPLICATE_ID, aff_plan_apply_hazard (plan, again, &error) != NULL);
    after = snapshot (plan);
    g_assert_cmpstr (after, ==, before);
    g_assert_cmpuint (count_entries (p, "affair", "OFF-1", "hazard-applied"), ==, 1);
  }
  verify_journal (p);
}

/* A hazard that would push the plan past 9999-12-31 is refused and the
 * plan stays exactly as it was. 9999-12-31 is a Friday (the Gregorian
 * calendar repeats every 400 years, and 1999-12-31 was a Friday): Mon 20
 * and Mon 27 Dec 9999 start the last two weeks.
 *   On the plain calendar from Mon 20 Dec 9999: T 5 d (Mon 20 .. Fri 24),
 *   U 3 d FS T (Mon 27 .. Wed 29); the welder r (with a calendar of its
 *   own) works on both.
 *   H0: T + 1 day: T Mon 20 .. Mon 27, U Tue 28 .. Thu 30: the finish.
 *   H9: r away Thu 23 .. Tue 28 Dec: T (Mon 20 .. Mon 27) overlaps Thu 23,
 *   Fri 24, Mon 27 = 3 days, U (Tue 28 .. Thu 30) overlaps Tue 28 = 1:
 *   T would last 9 days (to Thu 30), U 4 from Fri 31: 3 of them in the year
 *   10000: refused. */
static guint glib_criticals;

/* Counts (and shows) GLib's criticals instead of aborting, so that every
 * check of the test runs and is reported. */
static void
count_glib_critical (const char     *domain,
                     GLogLevelFlags  level,
                     const char     *message,
                     gpointer        data)
{
  glib_criticals++;
  g_test_message ("%s-CRITICAL: %s", domain, message);
}

static void
test_hazard_past_9999 (void)
{
  AffAffair *affair = NULL;
  g_autoptr(AffPortfolio) p = new_affair_portfolio (&affair);
  AffPlan *plan = aff_affair_get_plan (affair);
  AffJournal *journal = aff_portfolio_get_journal (p);
  g_autoptr(AffCalendar) plain = aff_calendar_new ();
  g_autoptr(AffCalendar) own = aff_calendar_new ();
  g_autoptr(GDate) on = ymd (99991220);
  g_autoptr(GDate) from = ymd (99991223);
  g_autoptr(GDate) to = ymd (99991228);
  g_autoptr(AffHazard) h0 = aff_hazard_new ("H0", on, AFF_HAZARD_CAUSE_WEATHER, "Neige");
  g_autoptr(AffHazard) h9 = aff_hazard_new ("H9", on, AFF_HAZARD_CAUSE_INTERNAL, "Arrêt");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *doc_before = NULL;
  g_autofree char *doc_after = NULL;
  g_autoptr(AffHazardImpact) impact = NULL;
  const char *ids[] = { "T", NULL };
  AffResource *r;
  GLogLevelFlags fatal;
  guint handler;
  guint n;

  /* run last: every disagreement is reported, not only the first */
  g_test_set_nonfatal_assertions ();
  aff_plan_set_calendar (plan, plain);
  set_start (plan, 99991220);
  r = add_resource (plan, "r", AFF_RESOURCE_KIND_PERSON, 420);
  aff_resource_set_calendar (r, own);
  add (plan, "T", 5);
  add (plan, "U", 3);
  depend (plan, "T", "U", 0);
  assign (plan, "T", "r", 7);
  assign (plan, "U", "r", 7);
  schedule (plan);
  check_span (plan, "T", 99991220, 99991224);
  check_span (plan, "U", 99991227, 99991229);

  aff_hazard_set_task_ids (h0, ids);
  aff_hazard_set_delay_days (h0, 1);
  impact = aff_plan_apply_hazard (plan, h0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (impact);
  check_span (plan, "T", 99991220, 99991227);
  check_span (plan, "U", 99991228, 99991230);
  assert_date (aff_plan_get_finish (plan), 9999, 12, 30);

  before = snapshot (plan);
  doc_before = plan_json (p);
  n = aff_journal_get_n_entries (journal);

  aff_hazard_set_resource_unavailable (h9, "r", from, to);
  g_clear_object (&impact);
  glib_criticals = 0;
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  handler = g_log_set_handler ("GLib", G_LOG_LEVEL_CRITICAL, count_glib_critical, NULL);
  impact = aff_plan_apply_hazard (plan, h9, &error);
  g_log_remove_handler ("GLib", handler);
  g_log_set_always_fatal (fatal);
  /* refused cleanly: no critical on the way */
  g_assert_cmpuint (glib_criticals, ==, 0);
  g_assert_null (impact);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* the hazard is not applied nor recorded */
  g_assert_false (aff_hazard_is_applied (h9));
  g_assert_cmpuint (g_list_model_get_n_items (aff_plan_get_hazards (plan)), ==, 1);
  /* the resource keeps its own calendar, the same object, untouched:
   * Thu 23 Dec is still a working day of it */
  g_assert_true (aff_resource_get_calendar (r) == own);
  {
    g_autoptr(GDate) thu = ymd (99991223);

    g_assert_true (aff_calendar_is_working_day (own, thu));
  }
  /* the hazard delays are H0's: T 1, U 0 */
  g_assert_cmpuint (aff_task_get_hazard_delay (task (plan, "T")), ==, 1);
  g_assert_cmpuint (aff_task_get_hazard_delay (task (plan, "U")), ==, 0);
  /* every date, float and delay, and the plan's whole document */
  after = snapshot (plan);
  g_assert_cmpstr (after, ==, before);
  doc_after = plan_json (p);
  g_assert_cmpstr (doc_after, ==, doc_before);
  /* nothing journaled: the refused hazard changed nothing */
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n);
  for (guint k = n; k < aff_journal_get_n_entries (journal); k++)
    {
      AffJournalEntry *e = aff_journal_get_entry (journal, k);
      g_autofree char *property = aff_journal_entry_dup_detail (e, "property");

      g_test_message ("unexpected journal entry %u: %s %s", k, aff_journal_entry_get_action (e),
                      property != NULL ? property : "");
    }
  verify_journal (p);
}

/* ---- the prevention plan: twelve months ------------------------------------ */

/* Article R4512-7: 400 hours or more within twelve months, from a day to
 * the day before the same day a year later. 1 Jan 2027 is a Friday (2026
 * starts on a Thursday and has 365 days), so Mon 4 Jan 2027; 1 Jan 2028 is
 * a Saturday, so Mon 3 and Tue 4 Jan 2028. None of them is a holiday.
 * The plan (French calendar) starts Mon 4 Jan 2027:
 *   W1 intervention, 1 day, 200 h: Mon 4 Jan 2027.
 *   W2 task in the zone "Unité 3" (so on the site), subcontractor, 1 day,
 *      200 h, not before the day under test.
 *   W3 intervention by the client, 500 h: not counted.
 *   W4 task off the site (no zone), 500 h: not counted.
 * The twelve months from Mon 4 Jan 2027 end Mon 3 Jan 2028:
 *   W2 on Mon 3 Jan 2028: 200 + 200 = 400 h within them: required.
 *   W2 on Tue 4 Jan 2028: the first day of the next twelve months, no
 *     window holds both: 200 h at most: not required.
 *   W2 on Mon 3 Jan 2028 with 199 h 59 min: 399 h 59: not required. */
static void
test_prevention_twelve_months (void)
{
  g_autoptr(AffPlan) plan = new_french_plan (20270104);
  g_auto(GStrv) reasons = NULL;
  AffTask *w1 = add (plan, "W1", 1);
  AffTask *w2 = add (plan, "W2", 1);
  AffTask *w3 = add (plan, "W3", 1);
  AffTask *w4 = add (plan, "W4", 1);

  aff_task_set_kind (w1, AFF_TASK_KIND_INTERVENTION);
  aff_task_set_effort_hours (w1, 200);
  aff_task_set_zone (w2, "Unité 3");
  aff_task_set_party (w2, AFF_PARTY_SUBCONTRACTOR);
  aff_task_set_party_name (w2, "Calorif");
  aff_task_set_effort_hours (w2, 200);
  snet (w2, 20280104);
  aff_task_set_kind (w3, AFF_TASK_KIND_INTERVENTION);
  aff_task_set_party (w3, AFF_PARTY_CLIENT);
  aff_task_set_effort_hours (w3, 500);
  snet (w3, 20270601);
  aff_task_set_effort_hours (w4, 500);
  g_assert_true (aff_task_is_on_site (w1));
  g_assert_true (aff_task_is_on_site (w2));
  g_assert_true (aff_task_is_on_site (w3));
  g_assert_false (aff_task_is_on_site (w4));

  /* never scheduled: the effort of W1 and W2 counts as if in the same
   * twelve months: 400 h, required */
  g_assert_true (aff_plan_requires_prevention_plan (plan, &reasons));
  g_assert_cmpuint (g_strv_length (reasons), ==, 1);
  g_clear_pointer (&reasons, g_strfreev);

  /* W2 on Tue 4 Jan 2028 */
  schedule (plan);
  check_span (plan, "W1", 20270104, 20270104);
  check_span (plan, "W2", 20280104, 20280104);
  g_assert_false (aff_plan_requires_prevention_plan (plan, &reasons));
  g_assert_cmpuint (g_strv_length (reasons), ==, 0);
  g_clear_pointer (&reasons, g_strfreev);

  /* W2 on Mon 3 Jan 2028: the last day of the twelve months */
  snet (w2, 20280103);
  schedule (plan);
  check_span (plan, "W2", 20280103, 20280103);
  g_assert_true (aff_plan_requires_prevention_plan (plan, &reasons));
  g_assert_cmpuint (g_strv_length (reasons), ==, 1);
  /* the reason names the twelve months' work: from W1's day to W2's */
  g_assert_nonnull (strstr (reasons[0], "400"));
  g_assert_nonnull (strstr (reasons[0], "2027-01-04"));
  g_assert_nonnull (strstr (reasons[0], "2028-01-03"));
  g_clear_pointer (&reasons, g_strfreev);
  /* on-site work cannot start before the plan is signed; off the site it
   * can */
  {
    g_autoptr(GDate) d = ymd (20270104);

    ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_plan_start_task (plan, "W1", d, &error));
    g_assert_null (aff_task_get_actual_start (w1));
    ASSERT_OK (aff_plan_start_task (plan, "W4", d, &error));
    aff_task_set_actual_start (w4, NULL);
    schedule (plan);
  }

  /* one minute less: 12000 + 11999 = 23999 min < 24000 */
  aff_task_set_effort_minutes (w2, 200 * 60 - 1);
  g_assert_false (aff_plan_requires_prevention_plan (plan, NULL));

  /* the same 200 h on Tue 4 Jan 2028 with W1 moved to Tue 5 Jan 2027:
   * the twelve months from Tue 5 Jan 2027 end Tue 4 Jan 2028: required */
  aff_task_set_effort_hours (w2, 200);
  snet (w2, 20280104);
  snet (w1, 20270105);
  schedule (plan);
  check_span (plan, "W1", 20270105, 20270105);
  check_span (plan, "W2", 20280104, 20280104);
  g_assert_true (aff_plan_requires_prevention_plan (plan, NULL));

  /* dangerous work on the site requires it whatever the hours */
  snet (w2, 20290104);
  schedule (plan);
  g_assert_false (aff_plan_requires_prevention_plan (plan, NULL));
  aff_task_set_dangerous_work (w1, AFF_REGULATORY_FLAGS_HOT_WORK);
  g_assert_true (aff_plan_requires_prevention_plan (plan, &reasons));
  g_assert_cmpuint (g_strv_length (reasons), ==, 1);
  g_assert_nonnull (strstr (reasons[0], "W1"));
}

/* ---- inspections ---------------------------------------------------------- */

/* On the French calendar from Mon 27 Apr 2026 (the table at the top):
 *   I1 inspection 3 d, Bureau Veritas, basis given, report in 3 working
 *      days, required for N1: days 0-2, Mon 27 .. Wed 29 Apr. Due: Thu 30
 *      (1), Fri 1 May off, Mon 4 (2), Tue 5 (3): Tue 5 May.
 *   N1 2 d FS I1: Thu 30 Apr, Mon 4 May. Due Tue 5 >= Thu 30: too late by
 *      the working days after Thu 30 up to Tue 5: Mon 4, Tue 5 = 2.
 *   I2 inspection 1 d, not before Mon 4 May, no body, no basis, report the
 *      same day (0 days), received Mon 4: only NO_BODY and NO_BASIS.
 *   I3 inspection 2 d, Apave, basis given, report in 3 days, not before
 *      Wed 6 May, required for N3: Wed 6, Thu 7. Due: Fri 8 off, Mon 11
 *      (1), Tue 12 (2), Wed 13 (3): Wed 13. Received Fri 15: late by 1
 *      working day (Thu 14 is Ascension).
 *   N3 1 d FS I3 + 3: the day after I3 is Mon 11 (boundary 8), + 3: Fri
 *      15 (Mon 11, Tue 12, Wed 13 skipped; Thu 14 off). Due Wed 13 < Fri
 *      15: in time (Wed 13 is the last working day before Fri 15).
 * Checked on Mon 11 May: I1's report is overdue by the working days after
 * Tue 5 up to Mon 11: Wed 6, Thu 7, Mon 11 = 3 (Fri 8 off). */
static char *
issues_text (AffPlan *plan,
             guint    on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) d = ymd (on);
  g_autoptr(GPtrArray) issues = aff_plan_check_inspections (plan, d, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  static const char *const kinds[] = { "REPORT_OVERDUE", "REPORT_LATE", "TOO_LATE", "NO_BODY", "NO_BASIS" };
  GString *s = g_string_new (NULL);
  const char *last = "";

  g_assert_no_error (error);
  g_assert_nonnull (issues);
  /* in the plan's order; within a task, in any order */
  for (guint i = 0; i < issues->len; i++)
    {
      AffInspectionIssue *x = g_ptr_array_index (issues, i);
      AffInspectionIssueKind kind = aff_inspection_issue_get_kind (x);

      g_assert_cmpstr (aff_inspection_issue_get_task_id (x), >=, last);
      last = aff_inspection_issue_get_task_id (x);
      if (kind == AFF_INSPECTION_ISSUE_KIND_NO_BODY || kind == AFF_INSPECTION_ISSUE_KIND_NO_BASIS)
        g_ptr_array_add (lines, g_strdup_printf ("%s %s", aff_inspection_issue_get_task_id (x), kinds[kind]));
      else
        g_ptr_array_add (lines, g_strdup_printf ("%s %s due %u days %d for %s", aff_inspection_issue_get_task_id (x),
                                                 kinds[kind], ymd_of (aff_inspection_issue_get_due (x)),
                                                 aff_inspection_issue_get_days (x),
                                                 aff_inspection_issue_get_required_for (x)
                                                   ? aff_inspection_issue_get_required_for (x) : "-"));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (s, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (s, FALSE);
}

static void
test_inspections (void)
{
  g_autoptr(AffPlan) plan = new_french_plan (20260427);
  g_autoptr(GDate) may4 = ymd (20260504);
  g_autoptr(GDate) may15 = ymd (20260515);
  g_autofree char *text = NULL;
  AffTask *t;

  /* the plan's order: I1 N1 I2 I3 N3; the inspections I1, I2, I3 come
   * in it alphabetically, which the ordering check of issues_text uses */
  t = add (plan, "I1", 3);
  aff_task_set_kind (t, AFF_TASK_KIND_INSPECTION);
  aff_task_set_party (t, AFF_PARTY_INSPECTION_BODY);
  aff_task_set_party_name (t, "Bureau Veritas");
  aff_task_set_regulatory_basis (t, "Code du travail R4323-22");
  aff_task_set_report_days (t, 3);
  aff_task_set_required_for (t, "N1");
  add (plan, "N1", 2);
  depend (plan, "I1", "N1", 0);
  t = add (plan, "I2", 1);
  aff_task_set_kind (t, AFF_TASK_KIND_INSPECTION);
  snet (t, 20260504);
  aff_task_set_report_received (t, may4);
  t = add (plan, "I3", 2);
  aff_task_set_kind (t, AFF_TASK_KIND_INSPECTION);
  aff_task_set_party (t, AFF_PARTY_INSPECTION_BODY);
  aff_task_set_party_name (t, "Apave");
  aff_task_set_regulatory_basis (t, "Arrêté du 1er mars 2004");
  aff_task_set_report_days (t, 3);
  aff_task_set_required_for (t, "N3");
  aff_task_set_report_received (t, may15);
  snet (t, 20260506);
  add (plan, "N3", 1);
  depend (plan, "I3", "N3", 3);

  /* not scheduled: refused */
  {
    g_autoptr(GDate) d = ymd (20260511);

    ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_plan_check_inspections (plan, d, &error) != NULL);
  }
  schedule (plan);
  check_span (plan, "I1", 20260427, 20260429);
  check_span (plan, "N1", 20260430, 20260504);
  check_span (plan, "I2", 20260504, 20260504);
  check_span (plan, "I3", 20260506, 20260507);
  check_span (plan, "N3", 20260515, 20260515);

  text = issues_text (plan, 20260511);
  g_assert_cmpstr (text, ==,
                   "I1 REPORT_OVERDUE due 20260505 days 3 for N1\n"
                   "I1 TOO_LATE due 20260505 days 2 for N1\n"
                   "I2 NO_BASIS\n"
                   "I2 NO_BODY\n"
                   "I3 REPORT_LATE due 20260513 days 1 for N3\n");
  g_clear_pointer (&text, g_free);

  /* checked on Tue 5 May, the day I1's report is due: not overdue yet;
   * I3's report, received after its due day, is late whatever the day of
   * the check */
  text = issues_text (plan, 20260505);
  g_assert_cmpstr (text, ==,
                   "I1 TOO_LATE due 20260505 days 2 for N1\n"
                   "I2 NO_BASIS\n"
                   "I2 NO_BODY\n"
                   "I3 REPORT_LATE due 20260513 days 1 for N3\n");
  g_clear_pointer (&text, g_free);

  /* N3 two days after I3 instead of three: it starts Wed 13, the day the
   * report is due: too late, by 0 working days */
  ASSERT_OK (aff_plan_remove_dependency (plan, "I3", "N3", &error));
  depend (plan, "I3", "N3", 2);
  schedule (plan);
  check_span (plan, "N3", 20260513, 20260513);
  text = issues_text (plan, 20260505);
  g_assert_cmpstr (text, ==,
                   "I1 TOO_LATE due 20260505 days 2 for N1\n"
                   "I2 NO_BASIS\n"
                   "I2 NO_BODY\n"
                   "I3 REPORT_LATE due 20260513 days 1 for N3\n"
                   "I3 TOO_LATE due 20260513 days 0 for N3\n");
  g_clear_pointer (&text, g_free);

  /* I1 actually ran Mon 27 .. Thu 30 Apr: due Thu 30 + 3: Mon 4 (1), Tue 5
   * (2), Wed 6 (3). N1 (FS I1) now starts Mon 4 May: too late by Tue 5,
   * Wed 6 = 2. On Mon 11 overdue by Thu 7, Mon 11 = 2. */
  {
    g_autoptr(GDate) a = ymd (20260427);
    g_autoptr(GDate) b = ymd (20260430);

    aff_task_set_actual_start (task (plan, "I1"), a);
    aff_task_set_actual_finish (task (plan, "I1"), b);
  }
  schedule (plan);
  check_span (plan, "N1", 20260504, 20260505);
  text = issues_text (plan, 20260511);
  g_assert_cmpstr (text, ==,
                   "I1 REPORT_OVERDUE due 20260506 days 2 for N1\n"
                   "I1 TOO_LATE due 20260506 days 2 for N1\n"
                   "I2 NO_BASIS\n"
                   "I2 NO_BODY\n"
                   "I3 REPORT_LATE due 20260513 days 1 for N3\n"
                   "I3 TOO_LATE due 20260513 days 0 for N3\n");
}

/* ---- co-activity ---------------------------------------------------------- */

/* On the plain calendar from Mon 2 Mar 2026, in the plan's order:
 *   A Z1 internal                  5 d            Mon 2 .. Fri 6
 *   B Z1 subcontractor Calorif     3 d from Fri 6: Fri 6 .. Tue 10
 *   C Z1 subcontractor Échafaudages 2 d from Mon 9: Mon 9 .. Tue 10
 *   D Z1 subcontractor Calorif SA  10 d           Mon 2 .. Fri 13
 *   E Z2 client                    10 d           Mon 2 .. Fri 13
 *   F Z2 internal milestone, not before Wed 4: left out
 *   G no zone, internal            10 d
 *   H Z2 internal                  1 d from Fri 13: Fri 13
 *   I Z1 subcontractor Calorif     1 d from Mon 9: Mon 9
 * Pairs in the same zone, of different parties, sharing days:
 *   A-B Fri 6 .. Fri 6 (one day: A's last, B's first)
 *   A-C none: A ends Fri 6, C starts Mon 9 (only the weekend between)
 *   A-D Mon 2 .. Fri 6;  A-I none (Fri 6 < Mon 9)
 *   B-C Mon 9 .. Tue 10; B-D Fri 6 .. Tue 10 (same kind, other name)
 *   B-I none: the same party (kind and name)
 *   C-D Mon 9 .. Tue 10; C-I Mon 9 .. Mon 9; D-I Mon 9 .. Mon 9
 *   E-H Fri 13 .. Fri 13 (client and internal); E-F, F-H: a milestone
 * By the first shared day: A-D (2), A-B and B-D (6), B-C, C-D, C-I, D-I
 * (9), E-H (13). */
static void
test_coactivities (void)
{
  g_autoptr(AffPlan) plan = new_plain_plan (20260302);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *s = g_string_new (NULL);
  g_autofree char *text = NULL;
  guint last = 0;
  AffTask *t;

  t = add (plan, "A", 5);
  aff_task_set_zone (t, "Z1");
  t = add (plan, "B", 3);
  aff_task_set_zone (t, "Z1");
  aff_task_set_party (t, AFF_PARTY_SUBCONTRACTOR);
  aff_task_set_party_name (t, "Calorif");
  snet (t, 20260306);
  t = add (plan, "C", 2);
  aff_task_set_zone (t, "Z1");
  aff_task_set_party (t, AFF_PARTY_SUBCONTRACTOR);
  aff_task_set_party_name (t, "Échafaudages");
  snet (t, 20260309);
  t = add (plan, "D", 10);
  aff_task_set_zone (t, "Z1");
  aff_task_set_party (t, AFF_PARTY_SUBCONTRACTOR);
  aff_task_set_party_name (t, "Calorif SA");
  t = add (plan, "E", 10);
  aff_task_set_zone (t, "Z2");
  aff_task_set_party (t, AFF_PARTY_CLIENT);
  t = add (plan, "F", 0);
  aff_task_set_zone (t, "Z2");
  snet (t, 20260304);
  add (plan, "G", 10);
  t = add (plan, "H", 1);
  aff_task_set_zone (t, "Z2");
  snet (t, 20260313);
  t = add (plan, "I", 1);
  aff_task_set_zone (t, "Z1");
  aff_task_set_party (t, AFF_PARTY_SUBCONTRACTOR);
  aff_task_set_party_name (t, "Calorif");
  snet (t, 20260309);

  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_plan_list_coactivities (plan, &error) != NULL);
  schedule (plan);
  check_span (plan, "B", 20260306, 20260310);
  check_span (plan, "C", 20260309, 20260310);
  check_span (plan, "D", 20260302, 20260313);
  check_span (plan, "H", 20260313, 20260313);
  check_span (plan, "I", 20260309, 20260309);
  {
    g_autoptr(GError) error = NULL;

    list = aff_plan_list_coactivities (plan, &error);
    g_assert_no_error (error);
    g_assert_nonnull (list);
  }
  /* sorted by the first shared day; pairs sharing it in any order */
  for (guint i = 0; i < list->len; i++)
    {
      AffCoactivity *c = g_ptr_array_index (list, i);
      guint from = ymd_of (aff_coactivity_get_from (c));

      g_assert_cmpuint (from, >=, last);
      last = from;
      g_ptr_array_add (lines, g_strdup_printf ("%u %s %s-%s %u", from, aff_coactivity_get_zone (c),
                                               aff_coactivity_get_first_task_id (c),
                                               aff_coactivity_get_second_task_id (c),
                                               ymd_of (aff_coactivity_get_to (c))));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (s, "%s\n", (char *) g_ptr_array_index (lines, i));
  text = g_string_free (s, FALSE);
  g_assert_cmpstr (text, ==,
                   "20260302 Z1 A-D 20260306\n"
                   "20260306 Z1 A-B 20260306\n"
                   "20260306 Z1 B-D 20260310\n"
                   "20260309 Z1 B-C 20260310\n"
                   "20260309 Z1 C-D 20260310\n"
                   "20260309 Z1 C-I 20260309\n"
                   "20260309 Z1 D-I 20260309\n"
                   "20260313 Z2 E-H 20260313\n");
}

/* ---- the document ---------------------------------------------------------- */

/* The affair's plan, on the French calendar from Mon 27 Apr 2026:
 *   A intervention 5 d in "Atelier 2", 40 h of effort, RACI: Claire Martin
 *     accountable, Paul Martin responsible, ACME informed;
 *     levelling delay 1: days 1-5, Tue 28 Apr .. Tue 5 May.
 *   I inspection 1 d FS A by Bureau Veritas, basis, report in 5 days,
 *     received Fri 15 May, required for B: Wed 6 May.
 *   B 2 d FS I: Thu 7, Mon 11 May.
 * Resources: soudeur (a person, its own calendar: the plan's copy with a
 * leave on Fri 22 May, 45.00 EUR an hour, two skills) and grue (equipment,
 * 480 min a day). A: soudeur 7 h a day; B: grue 10 h in all.
 * Hazards: H1, the welder away Mon 4 May; H2, rain, B + 1 day.
 * The prevention plan: joint inspection Mon 20 Apr, one interference,
 * signed by ACME (client) and the company (internal). */
static void
build_document_plan (AffPlan *plan)
{
  g_autoptr(AffCalendar) french = aff_calendar_new_french (FALSE);
  g_autoptr(AffCalendar) leave = NULL;
  g_autoptr(AffMoney) rate = money ("45.00 EUR");
  g_autoptr(GDate) may22 = ymd (20260522);
  g_autoptr(GDate) may4 = ymd (20260504);
  g_autoptr(GDate) may15 = ymd (20260515);
  g_autoptr(GDate) apr20 = ymd (20260420);
  g_autoptr(GDate) apr21 = ymd (20260421);
  g_autoptr(GDate) apr22 = ymd (20260422);
  g_autoptr(AffHazard) h1 = aff_hazard_new ("H1", may4, AFF_HAZARD_CAUSE_INTERNAL, "Arrêt maladie");
  g_autoptr(AffHazard) h2 = aff_hazard_new ("H2", may4, AFF_HAZARD_CAUSE_WEATHER, "Pluie");
  const char *skills[] = { "TIG", "CACES R489", NULL };
  const char *participants[] = { "J. Durand (ACME Industrie)", "Claire Martin", NULL };
  const char *h2_tasks[] = { "B", NULL };
  AffPreventionPlan *prevention = aff_plan_get_prevention_plan (plan);
  AffResource *soudeur;
  AffTask *a, *i;

  aff_plan_set_calendar (plan, french);
  set_start (plan, 20260427);
  soudeur = add_resource (plan, "soudeur", AFF_RESOURCE_KIND_PERSON, 420);
  aff_resource_set_name (soudeur, "Paul Martin");
  leave = aff_calendar_copy (french);
  ASSERT_OK (aff_calendar_add_exception (leave, may22, may22, FALSE, "Congé", &error));
  aff_resource_set_calendar (soudeur, leave);
  aff_resource_set_cost_rate (soudeur, rate);
  aff_resource_set_skills (soudeur, skills);
  add_resource (plan, "grue", AFF_RESOURCE_KIND_EQUIPMENT, 480);

  a = add (plan, "A", 5);
  aff_task_set_kind (a, AFF_TASK_KIND_INTERVENTION);
  aff_task_set_zone (a, "Atelier 2");
  aff_task_set_effort_hours (a, 40);
  aff_task_set_raci (a, "Claire Martin", AFF_RACI_ROLE_ACCOUNTABLE);
  aff_task_set_raci (a, "Paul Martin", AFF_RACI_ROLE_RESPONSIBLE);
  aff_task_set_raci (a, "ACME", AFF_RACI_ROLE_INFORMED);
  aff_task_set_levelling_delay (a, 1);
  i = add (plan, "I", 1);
  aff_task_set_kind (i, AFF_TASK_KIND_INSPECTION);
  aff_task_set_party (i, AFF_PARTY_INSPECTION_BODY);
  aff_task_set_party_name (i, "Bureau Veritas");
  aff_task_set_regulatory_basis (i, "Code du travail R4323-22");
  aff_task_set_report_days (i, 5);
  aff_task_set_report_received (i, may15);
  aff_task_set_required_for (i, "B");
  add (plan, "B", 2);
  depend (plan, "A", "I", 0);
  depend (plan, "I", "B", 0);
  assign (plan, "A", "soudeur", 7);
  assign_total (plan, "B", "grue", 10);
  schedule (plan);
  check_span (plan, "A", 20260428, 20260505);
  check_span (plan, "I", 20260506, 20260506);
  check_span (plan, "B", 20260507, 20260511);

  aff_hazard_set_resource_unavailable (h1, "soudeur", may4, may4);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AffHazardImpact) impact = aff_plan_apply_hazard (plan, h1, &error);

    g_assert_no_error (error);
    g_assert_nonnull (impact);
  }
  aff_hazard_set_task_ids (h2, h2_tasks);
  aff_hazard_set_delay_days (h2, 1);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AffHazardImpact) impact = aff_plan_apply_hazard (plan, h2, &error);

    g_assert_no_error (error);
    g_assert_nonnull (impact);
  }
  /* A + 1 (Mon 4 May in its span): days 1-6, to Wed 6; I Thu 7; B 3 days:
   * Mon 11 (Fri 8 off), Tue 12, Wed 13 */
  check_span (plan, "A", 20260428, 20260506);
  check_span (plan, "I", 20260507, 20260507);
  check_span (plan, "B", 20260511, 20260513);

  ASSERT_OK (aff_prevention_plan_record_joint_inspection (prevention, apr20, participants, &error));
  ASSERT_OK (aff_prevention_plan_add_interference (prevention, "Atelier 2", "Levage au-dessus de l’atelier",
                                                   "Zone balisée, levage hors présence", &error));
  ASSERT_OK (aff_prevention_plan_sign (prevention, "J. Durand", "ACME Industrie", AFF_PARTY_CLIENT, apr21, &error));
  ASSERT_OK (aff_prevention_plan_sign (prevention, "Claire Martin", "Tuyauteries Martin", AFF_PARTY_INTERNAL,
                                       apr22, &error));
  g_assert_true (aff_prevention_plan_is_signed (prevention));
}

static void
test_document_round_trip (void)
{
  AffAffair *affair = NULL;
  g_autoptr(AffPortfolio) p = new_affair_portfolio (&affair);
  g_autoptr(AffPortfolio) q = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  g_autoptr(GPtrArray) assignments = NULL;
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GPtrArray) interferences = NULL;
  g_autoptr(AffMoney) rate = money ("45.00 EUR");
  g_autoptr(AffHazard) h1 = NULL;
  g_auto(GStrv) people = NULL;
  AffPlan *loaded;
  AffResource *soudeur, *grue;
  AffPreventionPlan *prevention;
  AffTask *a, *i;

  build_document_plan (aff_affair_get_plan (affair));
  text = aff_portfolio_to_data (p, NULL);
  q = aff_portfolio_new_from_data (text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (q);
  text2 = aff_portfolio_to_data (q, NULL);
  g_assert_cmpstr (text2, ==, text);
  verify_journal (q);

  loaded = aff_affair_get_plan (aff_portfolio_lookup_affair (q, "OFF-1"));
  /* resources */
  g_assert_cmpuint (g_list_model_get_n_items (aff_plan_get_resources (loaded)), ==, 2);
  soudeur = aff_plan_lookup_resource (loaded, "soudeur");
  grue = aff_plan_lookup_resource (loaded, "grue");
  g_assert_nonnull (soudeur);
  g_assert_nonnull (grue);
  g_assert_cmpstr (aff_resource_get_name (soudeur), ==, "Paul Martin");
  g_assert_cmpint (aff_resource_get_kind (soudeur), ==, AFF_RESOURCE_KIND_PERSON);
  g_assert_cmpint (aff_resource_get_kind (grue), ==, AFF_RESOURCE_KIND_EQUIPMENT);
  g_assert_cmpuint (aff_resource_get_capacity_minutes (grue), ==, 480);
  g_assert_nonnull (aff_resource_get_cost_rate (soudeur));
  g_assert_true (aff_money_equal (aff_resource_get_cost_rate (soudeur), rate));
  g_assert_null (aff_resource_get_cost_rate (grue));
  g_assert_cmpstr (aff_resource_get_skills (soudeur)[1], ==, "CACES R489");
  g_assert_null (aff_resource_get_calendar (grue));
  {
    AffCalendar *cal = aff_resource_get_calendar (soudeur);
    g_autoptr(GDate) may4 = ymd (20260504);
    g_autoptr(GDate) may5 = ymd (20260505);
    g_autoptr(GDate) may8 = ymd (20260508);
    g_autoptr(GDate) may22 = ymd (20260522);

    g_assert_nonnull (cal);
    /* the leave, the absence of H1, the French holidays; Tue 5 May works */
    g_assert_false (aff_calendar_is_working_day (cal, may22));
    g_assert_cmpstr (aff_calendar_get_day_name (cal, may22), ==, "Congé");
    g_assert_false (aff_calendar_is_working_day (cal, may4));
    g_assert_false (aff_calendar_is_working_day (cal, may8));
    g_assert_true (aff_calendar_is_working_day (cal, may5));
  }
  /* assignments: per day and in all */
  assignments = aff_plan_get_assignments (loaded);
  g_assert_cmpuint (assignments->len, ==, 2);
  g_assert_cmpstr (aff_assignment_get_task_id (g_ptr_array_index (assignments, 0)), ==, "A");
  g_assert_cmpuint (aff_assignment_get_minutes_per_day (g_ptr_array_index (assignments, 0)), ==, 420);
  g_assert_cmpuint (aff_assignment_get_total_minutes (g_ptr_array_index (assignments, 0)), ==, 0);
  g_assert_cmpstr (aff_assignment_get_resource_id (g_ptr_array_index (assignments, 1)), ==, "grue");
  g_assert_cmpuint (aff_assignment_get_minutes_per_day (g_ptr_array_index (assignments, 1)), ==, 0);
  g_assert_cmpuint (aff_assignment_get_total_minutes (g_ptr_array_index (assignments, 1)), ==, 600);
  /* hazards, applied records */
  g_assert_cmpuint (g_list_model_get_n_items (aff_plan_get_hazards (loaded)), ==, 2);
  h1 = g_list_model_get_item (aff_plan_get_hazards (loaded), 0);
  g_assert_cmpstr (aff_hazard_get_id (h1), ==, "H1");
  g_assert_true (aff_hazard_is_applied (h1));
  g_assert_cmpint (aff_hazard_get_cause (h1), ==, AFF_HAZARD_CAUSE_INTERNAL);
  g_assert_cmpstr (aff_hazard_get_resource_id (h1), ==, "soudeur");
  g_assert_cmpuint (ymd_of (aff_hazard_get_unavailable_from (h1)), ==, 20260504);
  g_assert_cmpuint (ymd_of (aff_hazard_get_unavailable_to (h1)), ==, 20260504);
  /* tasks: delays, RACI, inspection */
  a = task (loaded, "A");
  i = task (loaded, "I");
  g_assert_cmpuint (aff_task_get_hazard_delay (a), ==, 1);
  g_assert_cmpuint (aff_task_get_levelling_delay (a), ==, 1);
  g_assert_cmpuint (aff_task_get_hazard_delay (task (loaded, "B")), ==, 1);
  g_assert_cmpint (aff_task_get_raci (a, "Claire Martin"), ==, AFF_RACI_ROLE_ACCOUNTABLE);
  g_assert_cmpint (aff_task_get_raci (a, "Paul Martin"), ==, AFF_RACI_ROLE_RESPONSIBLE);
  g_assert_cmpint (aff_task_get_raci (a, "ACME"), ==, AFF_RACI_ROLE_INFORMED);
  g_assert_cmpint (aff_task_get_raci (a, "Personne"), ==, AFF_RACI_ROLE_NONE);
  people = aff_task_list_raci (a);
  g_assert_cmpuint (g_strv_length (people), ==, 3);
  g_assert_cmpstr (people[0], ==, "Claire Martin");
  g_assert_cmpstr (aff_task_get_regulatory_basis (i), ==, "Code du travail R4323-22");
  g_assert_cmpuint (aff_task_get_report_days (i), ==, 5);
  g_assert_cmpuint (ymd_of (aff_task_get_report_received (i)), ==, 20260515);
  g_assert_cmpstr (aff_task_get_required_for (i), ==, "B");
  /* the prevention plan */
  prevention = aff_plan_get_prevention_plan (loaded);
  g_assert_cmpuint (ymd_of (aff_prevention_plan_get_joint_inspection (prevention)), ==, 20260420);
  g_assert_cmpuint (g_strv_length ((char **) aff_prevention_plan_get_participants (prevention)), ==, 2);
  interferences = aff_prevention_plan_get_interferences (prevention);
  g_assert_cmpuint (interferences->len, ==, 1);
  g_assert_cmpstr (aff_interference_get_zone (g_ptr_array_index (interferences, 0)), ==, "Atelier 2");
  signatures = aff_prevention_plan_get_signatures (prevention);
  g_assert_cmpuint (signatures->len, ==, 2);
  g_assert_cmpstr (aff_signature_get_organisation (g_ptr_array_index (signatures, 1)), ==, "Tuyauteries Martin");
  g_assert_cmpint (aff_signature_get_party (g_ptr_array_index (signatures, 0)), ==, AFF_PARTY_CLIENT);
  g_assert_true (aff_prevention_plan_is_signed (prevention));

  /* once scheduled, the same dates as the plan saved */
  schedule (loaded);
  check_span (loaded, "A", 20260428, 20260506);
  check_span (loaded, "I", 20260507, 20260507);
  check_span (loaded, "B", 20260511, 20260513);
}

/* The plan member of the first affair of @text changed by @edit, then
 * loaded: refused, the message naming @path, and not a longer one. */
static void
expect_invalid_plan (const char  *text,
                     void       (*edit) (JsonObject *plan),
                     const char  *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPortfolio) q = NULL;
  g_autofree char *changed = NULL;
  JsonObject *root, *affair;
  const char *at;
  char next;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  affair = json_array_get_object_element (json_object_get_array_member (root, "affairs"), 0);
  edit (json_object_get_object_member (affair, "plan"));
  json_generator_set_root (generator, json_parser_get_root (parser));
  changed = json_generator_to_data (generator, NULL);
  q = aff_portfolio_new_from_data (changed, -1, &error);
  g_assert_null (q);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT);
  at = strstr (error->message, path);
  if (at == NULL)
    g_error ("expected the path %s in: %s", path, error->message);
  next = at[strlen (path)];
  if (!(next == ':' || next == ' ' || next == '\0'))
    g_error ("expected the path %s, not a longer one, in: %s", path, error->message);
}

static JsonObject *
element (JsonObject *plan,
         const char *member,
         guint       i)
{
  return json_array_get_object_element (json_object_get_array_member (plan, member), i);
}

static void
edit_unknown_resource (JsonObject *plan)
{
  json_object_set_string_member (element (plan, "assignments", 0), "resource", "nobody");
}

static void
edit_both_amounts (JsonObject *plan)
{
  /* assignment 1 is B's 600 minutes in all: also 60 a day */
  json_object_set_int_member (element (plan, "assignments", 1), "minutes_per_day", 60);
}

static void
edit_signature_before_inspection (JsonObject *plan)
{
  JsonObject *prevention = json_object_get_object_member (plan, "prevention_plan");

  /* the joint inspection is Mon 20 Apr 2026: the day before */
  json_object_set_string_member (element (prevention, "signatures", 0), "date", "2026-04-19");
}

static void
edit_absence_reversed (JsonObject *plan)
{
  /* H1: away from Mon 4 May, back before it */
  json_object_set_string_member (element (plan, "hazards", 0), "unavailable_to", "2026-05-03");
}

static void
edit_two_accountable (JsonObject *plan)
{
  /* task 0 is A: raci[0] Claire Martin accountable, raci[1] Paul Martin */
  JsonObject *raci1 = json_array_get_object_element (json_object_get_array_member (element (plan, "tasks", 0),
                                                                                    "raci"), 1);

  json_object_set_string_member (raci1, "role", "accountable");
}

static void
edit_duplicate_resource (JsonObject *plan)
{
  json_object_set_string_member (element (plan, "resources", 1), "id", "soudeur");
}

static void
edit_duplicate_hazard (JsonObject *plan)
{
  json_object_set_string_member (element (plan, "hazards", 1), "id", "H1");
}

static void
test_document_invalid (void)
{
  AffAffair *affair = NULL;
  g_autoptr(AffPortfolio) p = new_affair_portfolio (&affair);
  g_autofree char *text = NULL;

  build_document_plan (aff_affair_get_plan (affair));
  text = aff_portfolio_to_data (p, NULL);
  /* the untouched document loads */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AffPortfolio) q = aff_portfolio_new_from_data (text, -1, &error);

    g_assert_no_error (error);
    g_assert_nonnull (q);
  }
  expect_invalid_plan (text, edit_unknown_resource, "$.affairs[0].plan.assignments[0].resource");
  expect_invalid_plan (text, edit_both_amounts, "$.affairs[0].plan.assignments[1]");
  expect_invalid_plan (text, edit_signature_before_inspection, "$.affairs[0].plan.prevention_plan.signatures[0].date");
  expect_invalid_plan (text, edit_absence_reversed, "$.affairs[0].plan.hazards[0].unavailable_to");
  expect_invalid_plan (text, edit_two_accountable, "$.affairs[0].plan.tasks[0].raci[1].role");
  expect_invalid_plan (text, edit_duplicate_resource, "$.affairs[0].plan.resources[1].id");
  expect_invalid_plan (text, edit_duplicate_hazard, "$.affairs[0].plan.hazards[1].id");
}

/* ---- the lists the responsable d'affaires reads, one by one ---------------------------- */

static void
assert_strv (const char *const *got,
             const char         *expected)
{
  g_autofree char *joined = g_strjoinv (" ", (char **) got);

  g_assert_cmpstr (joined, ==, expected);
}

static void
test_lists (void)
{
  g_autoptr(AffPlan) plan = aff_plan_new ();
  g_autoptr(GDate) start = day (2027, 3, 1);
  g_autoptr(GDate) end = day (2027, 3, 31);
  g_autoptr(GPtrArray) purchases = NULL;
  g_autoptr(GPtrArray) packages = NULL;
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GPtrArray) raci = NULL;
  g_auto(GStrv) people = NULL;
  g_autoptr(AffResource) w = aff_resource_new ("W", "Soudeur", AFF_RESOURCE_KIND_PERSON);
  g_autoptr(GPtrArray) assignments = NULL;
  AffPurchase *purchase;
  AffWorkPackage *package;
  AffRaciItem *item;
  AffPartyTasks *party;
  g_autoptr(GError) error = NULL;
  GDate from, to;
  static const struct { const char *id; guint days; AffTaskKind kind; AffParty party; const char *name; } tasks[] = {
    { "ACH", 5, AFF_TASK_KIND_PURCHASE, AFF_PARTY_SUPPLIER, "Fournil" },
    { "SUB", 3, AFF_TASK_KIND_SUBCONTRACT, AFF_PARTY_SUBCONTRACTOR, "Levage SA" },
    { "POS", 2, AFF_TASK_KIND_INTERVENTION, AFF_PARTY_INTERNAL, NULL },
    { "M", 0, AFF_TASK_KIND_MILESTONE, AFF_PARTY_INTERNAL, NULL },
    { "DOC", 1, AFF_TASK_KIND_TASK, AFF_PARTY_INTERNAL, NULL },
  };

  aff_plan_set_start (plan, start);
  for (guint i = 0; i < G_N_ELEMENTS (tasks); i++)
    {
      g_autoptr(AffTask) task = aff_task_new (tasks[i].id, NULL, tasks[i].days);

      aff_task_set_kind (task, tasks[i].kind);
      aff_task_set_party (task, tasks[i].party);
      aff_task_set_party_name (task, tasks[i].name);
      ASSERT_OK (aff_plan_add_task (plan, task, &error));
    }
  ASSERT_OK (aff_plan_add_dependency (plan, "ACH", "SUB", AFF_DEPENDENCY_TYPE_FINISH_START, 0, &error));
  ASSERT_OK (aff_plan_add_dependency (plan, "SUB", "POS", AFF_DEPENDENCY_TYPE_FINISH_START, 0, &error));
  ASSERT_OK (aff_plan_add_dependency (plan, "POS", "M", AFF_DEPENDENCY_TYPE_FINISH_START, 0, &error));
  aff_task_set_raci (aff_plan_lookup_task (plan, "ACH"), "Paul", AFF_RACI_ROLE_ACCOUNTABLE);
  aff_task_set_raci (aff_plan_lookup_task (plan, "DOC"), "Paul", AFF_RACI_ROLE_RESPONSIBLE);
  aff_task_set_raci (aff_plan_lookup_task (plan, "POS"), "Anne", AFF_RACI_ROLE_RESPONSIBLE);
  aff_plan_set_contract_end (plan, end);
  assert_date (aff_plan_get_contract_end (plan), 2027, 3, 31);
  ASSERT_OK (aff_plan_schedule (plan, &error));
  /* ACH Mon 1 .. Fri 5; SUB Mon 8 .. Wed 10; POS Thu 11, Fri 12; M Fri 12;
   * DOC Mon 1, free until the end, Fri 12: late start Fri 12. */

  purchases = aff_plan_list_purchases (plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (purchases->len, ==, 1);
  purchase = g_ptr_array_index (purchases, 0);
  g_assert_cmpstr (aff_purchase_get_task_id (purchase), ==, "ACH");
  g_assert_cmpstr (aff_purchase_get_supplier (purchase), ==, "Fournil");
  g_assert_cmpuint (aff_purchase_get_lead_time_days (purchase), ==, 5);
  /* critical: to be ordered on its first possible day, delivered by Fri 5 */
  assert_date (aff_purchase_get_earliest_order (purchase), 2027, 3, 1);
  assert_date (aff_purchase_get_order_by (purchase), 2027, 3, 1);
  assert_date (aff_purchase_get_needed_by (purchase), 2027, 3, 5);
  g_assert_false (aff_purchase_is_ordered (purchase));

  /* SUB waits for the supplier's ACH and hands over to the company's POS */
  packages = aff_plan_list_work_packages (plan);
  g_assert_cmpuint (packages->len, ==, 1);
  package = g_ptr_array_index (packages, 0);
  g_assert_cmpstr (aff_work_package_get_task_id (package), ==, "SUB");
  g_assert_cmpstr (aff_work_package_get_subcontractor (package), ==, "Levage SA");
  assert_strv (aff_work_package_get_inputs (package), "ACH");
  assert_strv (aff_work_package_get_outputs (package), "POS");

  /* internal (DOC Mon 1, POS Thu 11, M Fri 12), then the subcontractor, then
   * the supplier: the order of AffParty */
  parties = aff_plan_list_parties (plan);
  g_assert_cmpuint (parties->len, ==, 3);
  party = g_ptr_array_index (parties, 0);
  g_assert_cmpint (aff_party_tasks_get_party (party), ==, AFF_PARTY_INTERNAL);
  g_assert_null (aff_party_tasks_get_name (party));
  assert_strv (aff_party_tasks_get_task_ids (party), "DOC POS M");
  party = g_ptr_array_index (parties, 1);
  g_assert_cmpstr (aff_party_tasks_get_name (party), ==, "Levage SA");
  party = g_ptr_array_index (parties, 2);
  g_assert_cmpint (aff_party_tasks_get_party (party), ==, AFF_PARTY_SUPPLIER);
  assert_strv (aff_party_tasks_get_task_ids (party), "ACH");

  people = aff_plan_list_people (plan);
  assert_strv ((const char *const *) people, "Anne Paul");
  /* Paul: ACH is critical, DOC is not */
  raci = aff_plan_list_raci (plan, "Paul", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (raci->len, ==, 2);
  item = g_ptr_array_index (raci, 0);
  g_assert_cmpstr (aff_raci_item_get_task_id (item), ==, "ACH");
  g_assert_cmpint (aff_raci_item_get_role (item), ==, AFF_RACI_ROLE_ACCOUNTABLE);
  g_assert_true (aff_raci_item_is_critical (item));
  assert_date (aff_raci_item_get_start (item), 2027, 3, 1);
  item = g_ptr_array_index (raci, 1);
  g_assert_cmpstr (aff_raci_item_get_task_id (item), ==, "DOC");
  g_assert_false (aff_raci_item_is_critical (item));
  assert_date (aff_raci_item_get_late_start (item), 2027, 3, 12);

  /* the baseline keeps ACH's days */
  ASSERT_OK (aff_plan_save_baseline (plan, "contrat", &error));
  g_assert_true (aff_plan_get_baseline_dates (plan, "contrat", "ACH", &from, &to));
  assert_date (&from, 2027, 3, 1);
  assert_date (&to, 2027, 3, 5);
  g_assert_false (aff_plan_get_baseline_dates (plan, "contrat", "NONE", NULL, NULL));

  /* POS on site: no hours, no dangerous work, no prevention plan needed */
  {
    g_autoptr(GDate) thu = day (2027, 3, 11);
    g_autoptr(GDate) fri = day (2027, 3, 12);

    ASSERT_OK (aff_plan_start_task (plan, "POS", thu, &error));
    ASSERT_OK (aff_plan_finish_task (plan, "POS", fri, &error));
    assert_date (aff_task_get_actual_finish (aff_plan_lookup_task (plan, "POS")), 2027, 3, 12);
    g_assert_cmpuint (aff_task_get_progress (aff_plan_lookup_task (plan, "POS")), ==, 100);
    ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_plan_finish_task (plan, "POS", fri, &error));
    ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_plan_finish_task (plan, "DOC", fri, &error));
  }

  /* an assignment taken back */
  ASSERT_OK (aff_plan_add_resource (plan, w, &error));
  g_assert_cmpstr (aff_resource_get_id (w), ==, "W");
  ASSERT_OK (aff_plan_assign (plan, "DOC", "W", 2, &error));
  ASSERT_OK (aff_plan_unassign (plan, "DOC", "W", &error));
  assignments = aff_plan_get_assignments (plan);
  g_assert_cmpuint (assignments->len, ==, 0);
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_plan_unassign (plan, "DOC", "W", &error));

  /* the calendar's week: Saturdays off until told otherwise */
  g_assert_true (aff_calendar_get_working_weekday (aff_plan_get_calendar (plan), G_DATE_MONDAY));
  g_assert_false (aff_calendar_get_working_weekday (aff_plan_get_calendar (plan), G_DATE_SATURDAY));
  aff_calendar_set_working_weekday (aff_plan_get_calendar (plan), G_DATE_SATURDAY, TRUE);
  g_assert_true (aff_calendar_get_working_weekday (aff_plan_get_calendar (plan), G_DATE_SATURDAY));
  g_assert_false (aff_plan_is_scheduled (plan));
}

static void
test_records (void)
{
  g_autoptr(GDate) date = day (2027, 3, 2);
  g_autoptr(AffHazard) hazard = aff_hazard_new ("A1", date, AFF_HAZARD_CAUSE_SUPPLIER, "Livraison en retard");
  g_autoptr(AffPlan) plan = aff_plan_new ();
  AffPreventionPlan *prevention = aff_plan_get_prevention_plan (plan);
  g_autoptr(GPtrArray) interferences = NULL;
  g_autoptr(GPtrArray) signatures = NULL;
  const char *ids[] = { "ACH", NULL };
  const char *who[] = { "J. Martin (Chimie de l’Est)", NULL };

  aff_hazard_set_task_ids (hazard, ids);
  assert_date (aff_hazard_get_date (hazard), 2027, 3, 2);
  g_assert_cmpstr (aff_hazard_get_description (hazard), ==, "Livraison en retard");
  assert_strv (aff_hazard_get_task_ids (hazard), "ACH");

  ASSERT_OK (aff_prevention_plan_record_joint_inspection (prevention, date, who, &error));
  ASSERT_OK (aff_prevention_plan_add_interference (prevention, NULL, "Levage au-dessus des soudeurs",
                                                   "Balisage et permis de levage", &error));
  ASSERT_OK (aff_prevention_plan_sign (prevention, "J. Martin", "Chimie de l’Est", AFF_PARTY_CLIENT, date, &error));
  interferences = aff_prevention_plan_get_interferences (prevention);
  g_assert_cmpstr (aff_interference_get_description (g_ptr_array_index (interferences, 0)), ==,
                   "Levage au-dessus des soudeurs");
  g_assert_cmpstr (aff_interference_get_measures (g_ptr_array_index (interferences, 0)), ==,
                   "Balisage et permis de levage");
  signatures = aff_prevention_plan_get_signatures (prevention);
  g_assert_cmpstr (aff_signature_get_name (g_ptr_array_index (signatures, 0)), ==, "J. Martin");
  assert_date (aff_signature_get_date (g_ptr_array_index (signatures, 0)), 2027, 3, 2);
  /* the client alone: not signed */
  g_assert_false (aff_prevention_plan_is_signed (prevention));
}

/* Two tasks of the affair on Mon 20 Apr 2026, 4 hours each, for a welder
 * of 7 hours a day: 480 minutes asked, 420 given, in the portfolio's view. */
static void
test_portfolio_overallocations (void)
{
  AffAffair *affair = NULL;
  g_autoptr(AffPortfolio) p = new_affair_portfolio (&affair);
  AffPlan *plan = aff_affair_get_plan (affair);
  g_autoptr(AffResource) w = aff_resource_new ("W", "Soudeur", AFF_RESOURCE_KIND_PERSON);
  g_autoptr(AffTask) x = aff_task_new ("X", NULL, 1);
  g_autoptr(AffTask) y = aff_task_new ("Y", NULL, 1);
  g_autoptr(GDate) from = day (2026, 4, 1);
  g_autoptr(GDate) to = day (2026, 4, 30);
  g_autoptr(GPtrArray) over = NULL;
  g_autoptr(GError) error = NULL;
  AffLoad *load;

  ASSERT_OK (aff_plan_add_task (plan, x, &error));
  ASSERT_OK (aff_plan_add_task (plan, y, &error));
  ASSERT_OK (aff_plan_add_resource (plan, w, &error));
  ASSERT_OK (aff_plan_assign (plan, "X", "W", 4, &error));
  ASSERT_OK (aff_plan_assign (plan, "Y", "W", 4, &error));
  ASSERT_OK (aff_plan_schedule (plan, &error));
  over = aff_portfolio_list_overallocations (p, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (over->len, ==, 1);
  load = g_ptr_array_index (over, 0);
  assert_date (aff_load_get_date (load), 2026, 4, 20);
  g_assert_cmpuint (aff_load_get_load_minutes (load), ==, 480);
  g_assert_cmpuint (aff_load_get_capacity_minutes (load), ==, 420);
  assert_strv (aff_load_get_task_ids (load), "X Y");
  {
    g_autoptr(GError) local = NULL;

    /* a period ending before it starts */
    g_assert_null (aff_portfolio_list_overallocations (p, to, from, &local));
    g_assert_error (local, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/coordination/contracts/null-arguments", test_null_arguments);
  g_test_add_func ("/coordination/lists", test_lists);
  g_test_add_func ("/coordination/records", test_records);
  g_test_add_func ("/coordination/portfolio-overallocations", test_portfolio_overallocations);
  g_test_add_func ("/coordination/levelling/two-resources", test_levelling);
  g_test_add_func ("/coordination/hazard/absence-weekend-holiday", test_hazard_absence);
  g_test_add_func ("/coordination/prevention/twelve-months", test_prevention_twelve_months);
  g_test_add_func ("/coordination/inspections/holidays", test_inspections);
  g_test_add_func ("/coordination/coactivity/bounds", test_coactivities);
  g_test_add_func ("/coordination/document/round-trip", test_document_round_trip);
  g_test_add_func ("/coordination/document/invalid", test_document_invalid);
  /* last: it makes the assertions non-fatal, to report every disagreement */
  g_test_add_func ("/coordination/limits/hazard-past-9999", test_hazard_past_9999);

  return g_test_run ();
}
