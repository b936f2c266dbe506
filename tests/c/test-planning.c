/* test-planning.c: the planning module from C (AffCalendar, AffTask,
 * AffPlan), complementary to tests/python/test_planning.py.
 *
 * Every expected value is worked out by hand, with the reasoning beside it,
 * from the conventions of the module (docs of aff-plan.c and the planning
 * API notes):
 *   - whole working days; a task of d days starts on a working day and
 *     finishes on its d-th working day;
 *   - the scheduler reasons on boundaries between working days: boundary k
 *     is the start of working day k (numbered from 0 = the plan's first
 *     working day); a task on boundaries s-f works days s .. f - 1;
 *   - finish-to-start: S(succ) >= F(pred) + lag; start-to-start: S(succ) >=
 *     S(pred) + lag; finish-to-finish: F(succ) >= F(pred) + lag;
 *     start-to-finish: F(succ) >= S(pred) + lag;
 *   - a milestone sits on a boundary: at the end of the day before it after
 *     a finish, at the start of the day after it after a start or with no
 *     predecessor (then dated on the plan's first day);
 *   - total float = LS - ES, free float = slack before the earliest successor
 *     constraint (or the plan's end), critical = total float <= 0.
 *
 * Most plans here use aff_calendar_new () (Monday to Friday, no holiday) and
 * start on Mon 2 Mar 2026 (2026 starts on a Thursday: Jan 31 days, so 1 Feb
 * is a Sunday; Feb 28 days, so 1 Mar is a Sunday and 2 Mar a Monday). Their
 * working days, numbered from 0:
 *    0 Mon  2 Mar   5 Mon  9   10 Mon 16   15 Mon 23   20 Mon 30 Mar
 *    1 Tue  3       6 Tue 10   11 Tue 17   16 Tue 24   21 Tue 31
 *    2 Wed  4       7 Wed 11   12 Wed 18   17 Wed 25   22 Wed  1 Apr
 *    3 Thu  5       8 Thu 12   13 Thu 19   18 Thu 26   23 Thu  2
 *    4 Fri  6       9 Fri 13   14 Fri 20   19 Fri 27   24 Fri  3
 *   25 Mon  6 Apr  30 Mon 13   35 Mon 20   40 Mon 27   45 Mon  4 May
 *   26 Tue  7      31 Tue 14   36 Tue 21   41 Tue 28
 *   27 Wed  8      32 Wed 15   37 Wed 22   42 Wed 29
 *   28 Thu  9      33 Thu 16   38 Thu 23   43 Thu 30
 *   29 Fri 10      34 Fri 17   39 Fri 24   44 Fri  1 May
 * (day k = Mon 2 Mar + 7 x (k / 5) + k % 5 calendar days; on this calendar
 * Easter Monday, 6 Apr 2026, is an ordinary working day).
 *
 * Dates are written YYYYMMDD in the tables.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <json-glib/json-glib.h>

#include <affaires.h>

#include "test-offer-util.h"

#define FS AFF_DEPENDENCY_TYPE_FINISH_START
#define SS AFF_DEPENDENCY_TYPE_START_START
#define FF AFF_DEPENDENCY_TYPE_FINISH_FINISH
#define SF AFF_DEPENDENCY_TYPE_START_FINISH

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

/* A plan starting on @start, on @calendar if not NULL (transfer none). */
static AffPlan *
new_plan (guint        start,
          AffCalendar *calendar)
{
  AffPlan *plan = aff_plan_new ();
  g_autoptr(GDate) d = ymd (start);

  aff_plan_set_start (plan, d);
  if (calendar != NULL)
    aff_plan_set_calendar (plan, calendar);
  return plan;
}

/* A plan on the plain calendar (Monday to Friday, no holiday). */
static AffPlan *
new_plain_plan (guint start)
{
  g_autoptr(AffCalendar) cal = aff_calendar_new ();

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
depend (AffPlan           *plan,
      const char        *pred,
      const char        *succ,
      AffDependencyType  type,
      int                lag)
{
  ASSERT_OK (aff_plan_add_dependency (plan, pred, succ, type, lag, &error));
}

static void
schedule (AffPlan *plan)
{
  ASSERT_OK (aff_plan_schedule (plan, &error));
  g_assert_true (aff_plan_is_scheduled (plan));
}

/* The "limits" tests run last, with non-fatal assertions, so that each
 * disagreement is reported: they use no helper that would abort or leak on
 * a failure. */
static void
schedule_nonfatal (AffPlan *plan)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = aff_plan_schedule (plan, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
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
set_date (AffTask *t,
          void   (*setter) (AffTask *, const GDate *),
          guint    v)
{
  g_autoptr(GDate) d = v != 0 ? ymd (v) : NULL;

  setter (t, d);
}

/* One task's expected figures. */
typedef struct
{
  const char *id;
  guint es, ef, ls, lf;
  int total_float;
  int free_float;
} Expect;

/* The figures of @t as one line, so that a failure names the task. */
static char *
figures (const char *id,
         guint es, guint ef, guint ls, guint lf,
         int total_float, int free_float)
{
  return g_strdup_printf ("%s ES %u EF %u LS %u LF %u TF %d FF %d",
                          id, es, ef, ls, lf, total_float, free_float);
}

static void
check (AffPlan      *plan,
       const Expect *e)
{
  AffTask *t = task (plan, e->id);
  g_autofree char *expected = figures (e->id, e->es, e->ef, e->ls, e->lf, e->total_float, e->free_float);
  g_autofree char *got = NULL;

  g_assert_true (aff_task_is_scheduled (t));
  got = figures (e->id, ymd_of (aff_task_get_early_start (t)), ymd_of (aff_task_get_early_finish (t)),
                 ymd_of (aff_task_get_late_start (t)), ymd_of (aff_task_get_late_finish (t)),
                 aff_task_get_total_float (t), aff_task_get_free_float (t));
  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpint (aff_task_is_critical (t), ==, e->total_float <= 0);
}

static void
check_all (AffPlan      *plan,
           const Expect *e,
           gsize         n)
{
  for (gsize i = 0; i < n; i++)
    check (plan, &e[i]);
}

/* The early dates only. */
static void
check_early (AffPlan    *plan,
             const char *id,
             guint       es,
             guint       ef)
{
  AffTask *t = task (plan, id);
  g_autofree char *expected = g_strdup_printf ("%s %u-%u", id, es, ef);
  g_autofree char *got = g_strdup_printf ("%s %u-%u", id, ymd_of (aff_task_get_early_start (t)),
                                          ymd_of (aff_task_get_early_finish (t)));

  g_assert_cmpstr (got, ==, expected);
}

/* The ids of a list of tasks, space separated. */
static char *
ids_of (GPtrArray *tasks)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < tasks->len; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, aff_task_get_id (g_ptr_array_index (tasks, i)));
    }
  return g_string_free (s, FALSE);
}

static void
check_critical_path (AffPlan    *plan,
                     const char *expected)
{
  g_autoptr(GPtrArray) path = aff_plan_get_critical_path (plan);
  g_autofree char *got = ids_of (path);

  g_assert_cmpstr (got, ==, expected);
}

static char *
model_ids (GListModel *model)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AffTask) t = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, aff_task_get_id (t));
    }
  return g_string_free (s, FALSE);
}

/* The dependencies as "A>B:type:lag" items. */
static char *
deps_of (AffPlan *plan)
{
  g_autoptr(GPtrArray) deps = aff_plan_get_dependencies (plan);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < deps->len; i++)
    {
      AffDependency *d = g_ptr_array_index (deps, i);

      g_string_append_printf (s, "%s%s>%s:%d:%d", i > 0 ? " " : "", aff_dependency_get_predecessor_id (d),
                              aff_dependency_get_successor_id (d), aff_dependency_get_dependency_type (d),
                              aff_dependency_get_lag (d));
    }
  return g_string_free (s, FALSE);
}

/* A snapshot of every figure of every task, to check that nothing moved. */
static char *
snapshot (AffPlan *plan)
{
  GListModel *tasks = aff_plan_get_tasks (plan);
  GString *s = g_string_new (NULL);
  g_autoptr(GPtrArray) violations = aff_plan_get_violations (plan);
  g_autoptr(GPtrArray) path = aff_plan_get_critical_path (plan);
  g_autofree char *path_ids = ids_of (path);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(AffTask) t = g_list_model_get_item (tasks, i);
      g_autofree char *line = figures (aff_task_get_id (t), ymd_of (aff_task_get_early_start (t)),
                                       ymd_of (aff_task_get_early_finish (t)),
                                       ymd_of (aff_task_get_late_start (t)),
                                       ymd_of (aff_task_get_late_finish (t)),
                                       aff_task_get_total_float (t), aff_task_get_free_float (t));

      g_string_append_printf (s, "%s%s\n", line, aff_task_is_scheduled (t) ? "" : " (not scheduled)");
    }
  g_string_append_printf (s, "finish %u; critical %s; %u violations\n", ymd_of (aff_plan_get_finish (plan)),
                          path_ids, violations->len);
  return g_string_free (s, FALSE);
}

/* ---- a textbook network ------------------------------------------------------ */

/* The Reliable Construction Co. project of F. S. Hillier and G. J.
 * Lieberman, "Introduction to Operations Research", chapter "Project
 * Management with PERT/CPM" (the house-building example, 14 activities,
 * durations in weeks, activity on node, all finish-to-start):
 *
 *   A Excavate 2                    H Exterior painting 9     after E, G
 *   B Foundation 4       after A    I Electrical work 7       after C
 *   C Rough wall 10      after B    J Wallboard 8             after F, I
 *   D Roof 6             after C    K Flooring 4              after J
 *   E Exterior plumbing 4 after C   L Interior painting 5     after J
 *   F Interior plumbing 5 after E   M Exterior fixtures 2     after H
 *   G Exterior siding 7  after D    N Interior fixtures 6     after K, L
 *
 * The book's slack table (earliest and latest start and finish, slack)
 * gives, in weeks:
 *        ES  EF  LS  LF  slack           ES  EF  LS  LF  slack
 *     A   0   2   0   2   0          H   29  38  33  42   4
 *     B   2   6   2   6   0          I   16  23  18  25   2
 *     C   6  16   6  16   0          J   25  33  25  33   0
 *     D  16  22  20  26   4          K   33  37  34  38   1
 *     E  16  20  16  20   0          L   33  38  33  38   0
 *     F  20  25  20  25   0          M   38  40  42  44   4
 *     G  22  29  26  33   4          N   38  44  38  44   0
 * project duration 44 weeks, critical path START A B C E F J L N FINISH.
 * (Checked by hand: forward pass H = max(E 20, G 29), J = max(F 25, I 23),
 * N = max(K 37, L 38); backward pass C.LF = min(D.LS 20, E.LS 16, I.LS 18)
 * = 16, E.LF = min(F.LS 20, H.LS 33) = 20, J.LF = min(K.LS 34, L.LS 33).)
 *
 * Free float, which the book does not list, by hand: the earliest start of
 * the successors less EF (the project's end for M): I = J.ES 25 - 23 = 2,
 * K = N.ES 38 - 37 = 1, M = 44 - 40 = 4, every other one 0 (D = G.ES 22 -
 * 22, G = H.ES 29 - 29, H = M.ES 38 - 38).
 *
 * The book's START and FINISH nodes are milestones here: START has no
 * predecessor, so it sits on the plan's first day, Mon 2 Mar, and A starts
 * that same day; FINISH follows M and N and falls at the end of N's last
 * day.
 *
 * One week of the book = one working day of the plain calendar from Mon
 * 2 Mar 2026 (see the table of days in the header): ES k is day k, EF k is
 * day k - 1 (the last day worked).
 */

static const char *const textbook_ids = "START A B C D E F G H I J K L M N FINISH";

static const struct
{
  const char *id;
  guint weeks;
  const char *after[3];
} textbook[] = {
  { "START", 0, { NULL } },
  { "A", 2, { "START", NULL } },
  { "B", 4, { "A", NULL } },
  { "C", 10, { "B", NULL } },
  { "D", 6, { "C", NULL } },
  { "E", 4, { "C", NULL } },
  { "F", 5, { "E", NULL } },
  { "G", 7, { "D", NULL } },
  { "H", 9, { "E", "G", NULL } },
  { "I", 7, { "C", NULL } },
  { "J", 8, { "F", "I", NULL } },
  { "K", 4, { "J", NULL } },
  { "L", 5, { "J", NULL } },
  { "M", 2, { "H", NULL } },
  { "N", 6, { "K", "L", NULL } },
  { "FINISH", 0, { "M", "N", NULL } },
};

static const Expect textbook_expected[] = {
  /* START: on the plan's first day, late the same (A cannot move) */
  { "START", 20260302, 20260302, 20260302, 20260302, 0, 0 },
  /* A 0-2: days 0, 1 */
  { "A", 20260302, 20260303, 20260302, 20260303, 0, 0 },
  /* B 2-6: days 2 .. 5 = Wed 4 .. Mon 9 */
  { "B", 20260304, 20260309, 20260304, 20260309, 0, 0 },
  /* C 6-16: days 6 .. 15 = Tue 10 .. Mon 23 */
  { "C", 20260310, 20260323, 20260310, 20260323, 0, 0 },
  /* D early 16-22: days 16 .. 21 = Tue 24 .. Tue 31; late 20-26: days
   * 20 .. 25 = Mon 30 Mar .. Mon 6 Apr */
  { "D", 20260324, 20260331, 20260330, 20260406, 4, 0 },
  /* E 16-20: days 16 .. 19 = Tue 24 .. Fri 27 */
  { "E", 20260324, 20260327, 20260324, 20260327, 0, 0 },
  /* F 20-25: days 20 .. 24 = Mon 30 Mar .. Fri 3 Apr */
  { "F", 20260330, 20260403, 20260330, 20260403, 0, 0 },
  /* G early 22-29: Wed 1 .. Thu 9 Apr; late 26-33: Tue 7 .. Wed 15 Apr */
  { "G", 20260401, 20260409, 20260407, 20260415, 4, 0 },
  /* H early 29-38: Fri 10 .. Wed 22 Apr; late 33-42: Thu 16 .. Tue 28 */
  { "H", 20260410, 20260422, 20260416, 20260428, 4, 0 },
  /* I early 16-23: Tue 24 Mar .. Wed 1 Apr; late 18-25: Thu 26 Mar .. Fri
   * 3 Apr */
  { "I", 20260324, 20260401, 20260326, 20260403, 2, 2 },
  /* J 25-33: Mon 6 .. Wed 15 Apr */
  { "J", 20260406, 20260415, 20260406, 20260415, 0, 0 },
  /* K early 33-37: Thu 16 .. Tue 21; late 34-38: Fri 17 .. Wed 22 */
  { "K", 20260416, 20260421, 20260417, 20260422, 1, 1 },
  /* L 33-38: Thu 16 .. Wed 22 */
  { "L", 20260416, 20260422, 20260416, 20260422, 0, 0 },
  /* M early 38-40: Thu 23 .. Fri 24; late 42-44: Wed 29 .. Thu 30 */
  { "M", 20260423, 20260424, 20260429, 20260430, 4, 4 },
  /* N 38-44: Thu 23 .. Thu 30 Apr */
  { "N", 20260423, 20260430, 20260423, 20260430, 0, 0 },
  /* FINISH at boundary 44, the end of day 43, Thu 30 Apr */
  { "FINISH", 20260430, 20260430, 20260430, 20260430, 0, 0 },
};

/* Adds the network's tasks in the book's order, or the reverse, then the
 * links in the book's order. */
static AffPlan *
build_textbook (gboolean reversed)
{
  AffPlan *plan = new_plain_plan (20260302);
  guint n = G_N_ELEMENTS (textbook);

  for (guint i = 0; i < n; i++)
    {
      guint k = reversed ? n - 1 - i : i;

      add (plan, textbook[k].id, textbook[k].weeks);
    }
  for (guint i = 0; i < n; i++)
    for (guint j = 0; textbook[i].after[j] != NULL; j++)
      depend (plan, textbook[i].after[j], textbook[i].id, FS, 0);
  return plan;
}

static void
test_textbook_network (void)
{
  g_autoptr(AffPlan) plan = build_textbook (FALSE);
  g_autofree char *ids = model_ids (aff_plan_get_tasks (plan));
  g_autoptr(GPtrArray) violations = NULL;

  g_assert_cmpstr (ids, ==, textbook_ids);
  g_assert_false (aff_plan_is_scheduled (plan));
  g_assert_null (aff_plan_get_finish (plan));
  g_assert_false (aff_task_is_scheduled (task (plan, "A")));
  g_assert_null (aff_task_get_early_start (task (plan, "A")));
  g_assert_false (aff_task_is_critical (task (plan, "A")));

  schedule (plan);
  check_all (plan, textbook_expected, G_N_ELEMENTS (textbook_expected));
  /* 44 weeks: the end of day 43, Thu 30 Apr */
  assert_date (aff_plan_get_finish (plan), 2026, 4, 30);
  /* by early start: START and A both Mon 2, START finishes first (Mon 2
   * before Tue 3); then B Wed 4, C Tue 10, E Tue 24, F Mon 30, J Mon 6 Apr,
   * L Thu 16, N Thu 23, FINISH Thu 30 (after N, which starts earlier) */
  check_critical_path (plan, "START A B C E F J L N FINISH");
  violations = aff_plan_get_violations (plan);
  g_assert_cmpuint (violations->len, ==, 0);
  g_assert_true (aff_task_get_kind (task (plan, "START")) == AFF_TASK_KIND_MILESTONE);
}

/* The same network with the tasks added backwards: every dependency goes
 * from a later task of the plan to an earlier one, so the plan's order is
 * not a topological order and the engine sorts it (Kahn's method). Same
 * figures; the critical path is in date order whatever the plan's order. */
static void
test_textbook_reversed (void)
{
  g_autoptr(AffPlan) plan = build_textbook (TRUE);
  g_autofree char *ids = model_ids (aff_plan_get_tasks (plan));

  g_assert_cmpstr (ids, ==, "FINISH N M L K J I H G F E D C B A START");
  schedule (plan);
  check_all (plan, textbook_expected, G_N_ELEMENTS (textbook_expected));
  assert_date (aff_plan_get_finish (plan), 2026, 4, 30);
  check_critical_path (plan, "START A B C E F J L N FINISH");

  /* rescheduled unchanged: the same again */
  aff_task_set_name (task (plan, "A"), "Excavate");
  g_assert_false (aff_plan_is_scheduled (plan));
  schedule (plan);
  check_all (plan, textbook_expected, G_N_ELEMENTS (textbook_expected));
}

/* ---- dependency types ------------------------------------------------------------ */

/* A before B, on the plain calendar from Mon 2 Mar 2026. */
static AffPlan *
pair (guint             a_days,
      guint             b_days,
      AffDependencyType type,
      int               lag,
      guint             a_not_before)
{
  AffPlan *plan = new_plain_plan (20260302);
  AffTask *a = add (plan, "A", a_days);

  add (plan, "B", b_days);
  if (a_not_before != 0)
    set_date (a, aff_task_set_start_no_earlier_than, a_not_before);
  depend (plan, "A", "B", type, lag);
  schedule (plan);
  return plan;
}

static void
test_dependency_finish_start (void)
{
  {
    /* FS +3: A 2 days, 0-2 = Mon 2, Tue 3; B starts on boundary 2 + 3 = 5,
     * Mon 9, and takes Mon 9, Tue 10 (5-7). A chain: no float. */
    g_autoptr(AffPlan) plan = pair (2, 2, FS, 3, 0);
    static const Expect e[] = {
      { "A", 20260302, 20260303, 20260302, 20260303, 0, 0 },
      { "B", 20260309, 20260310, 20260309, 20260310, 0, 0 },
    };

    check_all (plan, e, G_N_ELEMENTS (e));
    assert_date (aff_plan_get_finish (plan), 2026, 3, 10);
    check_critical_path (plan, "A B");
  }
  {
    /* FS -3: A 5 days, 0-5 = Mon 2 .. Fri 6; B on 5 - 3 = 2: Wed 4, Thu 5
     * (2-4), overlapping A. The end is A's, 5: B may slip to 3-5 = Thu 5,
     * Fri 6, one day of total and free float. A: B's late start 3 less the
     * lag -3 allows 6, the end 5 wins: no float. */
    g_autoptr(AffPlan) plan = pair (5, 2, FS, -3, 0);
    static const Expect e[] = {
      { "A", 20260302, 20260306, 20260302, 20260306, 0, 0 },
      { "B", 20260304, 20260305, 20260305, 20260306, 1, 1 },
    };

    check_all (plan, e, G_N_ELEMENTS (e));
    assert_date (aff_plan_get_finish (plan), 2026, 3, 6);
    check_critical_path (plan, "A");
  }
  {
    /* FS -10 after a task of 2 days: B would start on 2 - 10 = -8, before
     * the plan: it starts with the plan, Mon 2 (a lead never takes a task
     * before the plan's start). */
    g_autoptr(AffPlan) plan = pair (2, 1, FS, -10, 0);

    check_early (plan, "B", 20260302, 20260302);
  }
}

static void
test_dependency_start_start (void)
{
  {
    /* SS +2: A 4 days 0-4 = Mon 2 .. Thu 5; B starts on 0 + 2 = 2, Wed 4,
     * and takes Wed 4 .. Fri 6 (2-5), the end. A's late finish: B's late
     * start 2 less the lag 2 plus A's 4 days = 4, its early finish: both
     * critical, A first. */
    g_autoptr(AffPlan) plan = pair (4, 3, SS, 2, 0);
    static const Expect e[] = {
      { "A", 20260302, 20260305, 20260302, 20260305, 0, 0 },
      { "B", 20260304, 20260306, 20260304, 20260306, 0, 0 },
    };

    check_all (plan, e, G_N_ELEMENTS (e));
    check_critical_path (plan, "A B");
  }
  {
    /* SS -2: A cannot start before Wed 11 (day 7) and takes Wed 11 .. Fri
     * 13 (7-10); B starts two working days before A, on 5 = Mon 9, and
     * takes Mon 9, Tue 10 (5-7). The end is 10: B may slip to 8-10 = Thu 12,
     * Fri 13 (3 days of float). A: B's late start 8 + 2 + 3 = 13 is beyond
     * the end 10: A ends with the plan, critical. */
    g_autoptr(AffPlan) plan = pair (3, 2, SS, -2, 20260311);
    static const Expect e[] = {
      { "A", 20260311, 20260313, 20260311, 20260313, 0, 0 },
      { "B", 20260309, 20260310, 20260312, 20260313, 3, 3 },
    };

    check_all (plan, e, G_N_ELEMENTS (e));
    /* critical by date: only A */
    check_critical_path (plan, "A");
  }
  {
    /* SS -2 from a task on the plan's first day: B would start on -2, it
     * starts with the plan, Mon 2. */
    g_autoptr(AffPlan) plan = pair (3, 2, SS, -2, 0);

    check_early (plan, "B", 20260302, 20260303);
  }
}

static void
test_dependency_finish_finish (void)
{
  {
    /* FF +1: A 3 days 0-3 = Mon 2 .. Wed 4; B finishes on boundary 3 + 1 =
     * 4, so its 2 days are 2-4 = Wed 4, Thu 5: one working day after A.
     * A's late finish: B's 4 less the lag 1 = 3: both critical. */
    g_autoptr(AffPlan) plan = pair (3, 2, FF, 1, 0);
    static const Expect e[] = {
      { "A", 20260302, 20260304, 20260302, 20260304, 0, 0 },
      { "B", 20260304, 20260305, 20260304, 20260305, 0, 0 },
    };

    check_all (plan, e, G_N_ELEMENTS (e));
    check_critical_path (plan, "A B");
  }
  {
    /* FF -2: A 5 days 0-5 = Mon 2 .. Fri 6; B (1 day) finishes on 5 - 2 =
     * 3: day 2, Wed 4, two working days before A. The end is 5: B may
     * finish on 5, Fri 6, two days of float; A: B's 5 + 2 = 7 beyond the
     * end: critical. */
    g_autoptr(AffPlan) plan = pair (5, 1, FF, -2, 0);
    static const Expect e[] = {
      { "A", 20260302, 20260306, 20260302, 20260306, 0, 0 },
      { "B", 20260304, 20260304, 20260306, 20260306, 2, 2 },
    };

    check_all (plan, e, G_N_ELEMENTS (e));
  }
}

static void
test_dependency_start_finish (void)
{
  {
    /* SF +3: A cannot start before Mon 9 (day 5), 2 days 5-7 = Mon 9, Tue
     * 10. B (2 days) finishes no earlier than A's start 5 + 3 = 8: 6-8 =
     * Tue 10, Wed 11, the end. A's late: B's late finish 8 less the lag 3
     * plus A's 2 days = 7, its early finish: both critical, although A ends
     * before the plan does (its start drives B's finish). */
    g_autoptr(AffPlan) plan = pair (2, 2, SF, 3, 20260309);
    static const Expect e[] = {
      { "A", 20260309, 20260310, 20260309, 20260310, 0, 0 },
      { "B", 20260310, 20260311, 20260310, 20260311, 0, 0 },
    };

    check_all (plan, e, G_N_ELEMENTS (e));
    assert_date (aff_plan_get_finish (plan), 2026, 3, 11);
    check_critical_path (plan, "A B");
  }
  {
    /* SF -1: A cannot start before Wed 11 (day 7), 1 day 7-8. With lag 0 B
     * would finish the day before A starts (Tue 10, boundary 7); with -1 it
     * finishes on boundary 6: 3 days 3-6 = Thu 5, Fri 6, Mon 9. The end is
     * A's 8: B may finish on 8 (late 5-8 = Mon 9 .. Wed 11), 2 days of
     * float; A: B's 8 + 1 + 1 = 10 beyond the end: critical. */
    g_autoptr(AffPlan) plan = pair (1, 3, SF, -1, 20260311);
    static const Expect e[] = {
      { "A", 20260311, 20260311, 20260311, 20260311, 0, 0 },
      { "B", 20260305, 20260309, 20260309, 20260311, 2, 2 },
    };

    check_all (plan, e, G_N_ELEMENTS (e));
    check_critical_path (plan, "A");
  }
}

/* Two predecessors of different types: the tighter wins. */
static void
test_dependency_mixed (void)
{
  g_autoptr(AffPlan) plan = new_plain_plan (20260302);
  g_autofree char *deps = NULL;

  /* A 3 days 0-3 (Mon 2 .. Wed 4), P 6 days 0-6 (Mon 2 .. Mon 9).
   * C (2 days) after A FS +1: start >= 3 + 1 = 4; after P FF -1: finish >=
   * 6 - 1 = 5, start >= 3. The FS wins: 4-6 = Fri 6, Mon 9. The end is 6,
   * both C and P end there. A's late finish: C's late start 4 less 1 = 3:
   * critical; P's: C's late finish 6 + 1 = 7 beyond the end 6: critical by
   * the end. C's free float: min(end 6 - 6) = 0. */
  add (plan, "A", 3);
  add (plan, "P", 6);
  add (plan, "C", 2);
  depend (plan, "A", "C", FS, 1);
  depend (plan, "P", "C", FF, -1);
  schedule (plan);
  {
    static const Expect e[] = {
      { "A", 20260302, 20260304, 20260302, 20260304, 0, 0 },
      { "P", 20260302, 20260309, 20260302, 20260309, 0, 0 },
      { "C", 20260306, 20260309, 20260306, 20260309, 0, 0 },
    };

    check_all (plan, e, G_N_ELEMENTS (e));
  }
  /* by early start (A and P Mon 2: A finishes first), then C */
  check_critical_path (plan, "A P C");
  deps = deps_of (plan);
  g_assert_cmpstr (deps, ==, "A>C:0:1 P>C:2:-1");
}

/* ---- milestones ------------------------------------------------------------------- */

static void
test_milestones (void)
{
  /* The plain calendar, the plan starting on Sun 1 Mar 2026: its first
   * working day is Mon 2 (day 0).
   *   START (milestone, no predecessor): at boundary 0, the start of Mon 2.
   *   B 2 FS START: 0-2, Mon 2 .. Tue 3 (the same day as START).
   *   K 1 FS START +1: 1-2, Tue 3.
   *   A 3: 0-3, Mon 2 .. Wed 4.
   *   M1 FS A: boundary 3, the end of Wed 4; C 1 FS M1: 3-4, Thu 5.
   *   P 3 not before Wed 4: 2-5, Wed 4 .. Fri 6.
   *   M2 SS P: boundary 2 at the start of a day, Wed 4, P's start day;
   *   D 1 FS M2: 2-3, Wed 4, the same day.
   *   Q 1 not before Thu 5: 3-4, Thu 5.
   *   M3 FS A and SS Q: boundary 3 both, the end of Wed 4 after A and the
   *   start of Thu 5 after Q; the later wins: Thu 5. E 2 FS M3: 3-5, Thu 5,
   *   Fri 6.
   * The end is 5 (P, E): Fri 6.
   * Backward: E 3-5 (TF 0); M3 late at E's late start 3, Thu 5 (TF 0); Q:
   * M3's 3 + Q's 1 = 4 (TF 0); C late 4-5 = Fri 6 (TF 1); M1 late at C's 4,
   * the end of Thu 5 (TF 4 - 3 = 1); A: min(M1 4, M3 3) = 3 (TF 0); D late
   * 4-5 = Fri 6 (TF 2); M2 late at D's 4, the start of Fri 6 (TF 2); P: the
   * end 5 (TF 0); B late 3-5 = Thu 5 .. Fri 6 (TF 3); K late 4-5 (TF 3);
   * START: min(B's 3, K's 4 - 1) = 3, the start of Thu 5 (TF 3).
   * Free floats: C, D, B, K end the plan's chains: as their total float;
   * M1 (C starts at 3 = M1's 3), M2, START 0. */
  g_autoptr(AffPlan) plan = new_plain_plan (20260301);
  static const Expect e[] = {
    { "START", 20260302, 20260302, 20260305, 20260305, 3, 0 },
    { "B", 20260302, 20260303, 20260305, 20260306, 3, 3 },
    { "A", 20260302, 20260304, 20260302, 20260304, 0, 0 },
    { "M1", 20260304, 20260304, 20260305, 20260305, 1, 0 },
    { "C", 20260305, 20260305, 20260306, 20260306, 1, 1 },
    { "P", 20260304, 20260306, 20260304, 20260306, 0, 0 },
    { "M2", 20260304, 20260304, 20260306, 20260306, 2, 0 },
    { "D", 20260304, 20260304, 20260306, 20260306, 2, 2 },
    { "Q", 20260305, 20260305, 20260305, 20260305, 0, 0 },
    { "M3", 20260305, 20260305, 20260305, 20260305, 0, 0 },
    { "E", 20260305, 20260306, 20260305, 20260306, 0, 0 },
    { "K", 20260303, 20260303, 20260306, 20260306, 3, 3 },
  };

  add (plan, "START", 0);
  add (plan, "B", 2);
  add (plan, "A", 3);
  add (plan, "M1", 0);
  add (plan, "C", 1);
  set_date (add (plan, "P", 3), aff_task_set_start_no_earlier_than, 20260304);
  add (plan, "M2", 0);
  add (plan, "D", 1);
  set_date (add (plan, "Q", 1), aff_task_set_start_no_earlier_than, 20260305);
  add (plan, "M3", 0);
  add (plan, "E", 2);
  add (plan, "K", 1);
  depend (plan, "START", "B", FS, 0);
  depend (plan, "A", "M1", FS, 0);
  depend (plan, "M1", "C", FS, 0);
  depend (plan, "P", "M2", SS, 0);
  depend (plan, "M2", "D", FS, 0);
  depend (plan, "A", "M3", FS, 0);
  depend (plan, "Q", "M3", SS, 0);
  depend (plan, "M3", "E", FS, 0);
  depend (plan, "START", "K", FS, 1);
  schedule (plan);
  check_all (plan, e, G_N_ELEMENTS (e));
  assert_date (aff_plan_get_finish (plan), 2026, 3, 6);
  /* by early start, early finish, then the plan's order: A (Mon 2), P (Wed
   * 4), Q and M3 (Thu 5, Thu 5: Q is first in the plan), E (Thu 5 .. Fri 6) */
  check_critical_path (plan, "A P Q M3 E");
  for (guint i = 0; i < G_N_ELEMENTS (e); i++)
    g_assert_cmpint (aff_task_get_kind (task (plan, e[i].id)) == AFF_TASK_KIND_MILESTONE, ==,
                     e[i].id[0] == 'M' || strcmp (e[i].id, "START") == 0);
}

/* A milestone that ends the plan, at the start of the day after its
 * predecessor's start, is the plan's finish. */
static void
test_milestone_ends_plan (void)
{
  /* A 2 days Mon 2 .. Tue 3 (0-2); M SS A +2: boundary 2 at the start of
   * a day: Wed 4, after A's last day. The plan's finish is the latest day
   * among the tasks' finishes: Wed 4. */
  g_autoptr(AffPlan) plan = new_plain_plan (20260302);

  add (plan, "A", 2);
  add (plan, "M", 0);
  depend (plan, "A", "M", SS, 2);
  schedule (plan);
  check_early (plan, "M", 20260304, 20260304);
  assert_date (aff_plan_get_finish (plan), 2026, 3, 4);
}

/* ---- French holidays ------------------------------------------------------------- */

/* The eleven French public holidays (service-public.fr, "jours fériés"),
 * the three moving ones from Easter: Easter Monday = Easter + 1, Ascension =
 * Easter + 39, Whit Monday = Easter + 50. Easter Sundays (the published
 * tables, e.g. the Bureau des longitudes'): 2024-03-31, 2025-04-20,
 * 2026-04-05, 2027-03-28, 2028-04-16, 2029-04-01, 2030-04-21. */
static const guint french_holidays[7][11] = {
  /* Easter 31 Mar 2024: Mon 1 Apr; 31 Mar + 39: Apr 30 is + 30, so 9 May;
   * + 50 = 20 May */
  { 20240101, 20240401, 20240501, 20240508, 20240509, 20240520, 20240714, 20240815, 20241101, 20241111,
    20241225 },
  /* Easter 20 Apr 2025: Mon 21 Apr; Apr 30 is + 10, so + 39 = 29 May; May
   * 31 is + 41, so + 50 = 9 Jun */
  { 20250101, 20250421, 20250501, 20250508, 20250529, 20250609, 20250714, 20250815, 20251101, 20251111,
    20251225 },
  /* Easter 5 Apr 2026: Mon 6 Apr; Apr 30 is + 25, so + 39 = 14 May, + 50 =
   * 25 May */
  { 20260101, 20260406, 20260501, 20260508, 20260514, 20260525, 20260714, 20260815, 20261101, 20261111,
    20261225 },
  /* Easter 28 Mar 2027: Mon 29 Mar; Apr 30 is + 33, so + 39 = 6 May, before
   * 8 May; + 50 = 17 May */
  { 20270101, 20270329, 20270501, 20270506, 20270508, 20270517, 20270714, 20270815, 20271101, 20271111,
    20271225 },
  /* Easter 16 Apr 2028: Mon 17 Apr; Apr 30 is + 14, so + 39 = 25 May; May
   * 31 is + 45, so + 50 = 5 Jun */
  { 20280101, 20280417, 20280501, 20280508, 20280525, 20280605, 20280714, 20280815, 20281101, 20281111,
    20281225 },
  /* Easter 1 Apr 2029: Mon 2 Apr; Apr 30 is + 29, so + 39 = 10 May; + 50 =
   * 21 May */
  { 20290101, 20290402, 20290501, 20290508, 20290510, 20290521, 20290714, 20290815, 20291101, 20291111,
    20291225 },
  /* Easter 21 Apr 2030: Mon 22 Apr; Apr 30 is + 9, so + 39 = 30 May; May 31
   * is + 40, so + 50 = 10 Jun */
  { 20300101, 20300422, 20300501, 20300508, 20300530, 20300610, 20300714, 20300815, 20301101, 20301111,
    20301225 },
};

/* Good Friday = Easter - 2, the Alsace-Moselle addition with 26 Dec. */
static const guint good_fridays[7] = {
  20240329, 20250418, 20260403, 20270326, 20280414, 20290330, 20300419,
};

static char *
dates_text (GPtrArray *dates)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < dates->len; i++)
    g_string_append_printf (s, "%s%u", i > 0 ? " " : "", ymd_of (g_ptr_array_index (dates, i)));
  return g_string_free (s, FALSE);
}

static char *
table_text (const guint *v,
            gsize        n)
{
  GString *s = g_string_new (NULL);

  for (gsize i = 0; i < n; i++)
    g_string_append_printf (s, "%s%u", i > 0 ? " " : "", v[i]);
  return g_string_free (s, FALSE);
}

static void
test_french_holidays (void)
{
  g_autoptr(AffCalendar) cal = aff_calendar_new_french (FALSE);

  g_assert_true (aff_calendar_get_french (cal));
  g_assert_false (aff_calendar_get_alsace_moselle (cal));
  for (guint y = 0; y < 7; y++)
    {
      g_autoptr(GPtrArray) list = aff_calendar_list_holidays (cal, 2024 + y);
      g_autofree char *got = dates_text (list);
      g_autofree char *expected = table_text (french_holidays[y], 11);
      g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_cmpstr (got, ==, expected);
      for (guint i = 0; i < 11; i++)
        {
          g_autoptr(GDate) d = ymd (french_holidays[y][i]);
          const char *name = aff_calendar_get_day_name (cal, d);

          g_assert_false (aff_calendar_is_working_day (cal, d));
          g_assert_nonnull (name);
          g_assert_cmpstr (name, !=, "");
          g_hash_table_add (names, (gpointer) name);
        }
      /* eleven days, eleven names */
      g_assert_cmpuint (g_hash_table_size (names), ==, 11);
      /* not French holidays outside Alsace-Moselle: Good Friday (always a
       * Friday, so worked) and 26 Dec */
      {
        g_autoptr(GDate) gf = ymd (good_fridays[y]);
        g_autoptr(GDate) boxing = g_date_new_dmy (26, 12, 2024 + y);

        g_assert_null (aff_calendar_get_day_name (cal, gf));
        g_assert_true (aff_calendar_is_working_day (cal, gf));
        g_assert_null (aff_calendar_get_day_name (cal, boxing));
      }
    }
  /* Easter Monday, Ascension and Whit Monday are a Monday, a Thursday and a
   * Monday every year */
  for (guint y = 0; y < 7; y++)
    {
      g_autoptr(GDate) monday = ymd (french_holidays[y][1]);
      g_autoptr(GDate) whit = ymd (french_holidays[y][5]);

      g_assert_cmpint (g_date_get_weekday (monday), ==, G_DATE_MONDAY);
      g_assert_cmpint (g_date_get_weekday (whit), ==, G_DATE_MONDAY);
    }
}

static void
test_alsace_moselle_holidays (void)
{
  g_autoptr(AffCalendar) cal = aff_calendar_new_french (TRUE);

  g_assert_true (aff_calendar_get_french (cal));
  g_assert_true (aff_calendar_get_alsace_moselle (cal));
  for (guint y = 0; y < 7; y++)
    {
      g_autoptr(GPtrArray) list = aff_calendar_list_holidays (cal, 2024 + y);
      g_autofree char *got = dates_text (list);
      guint full[13];
      g_autofree char *expected = NULL;

      /* New Year's Day, Good Friday (before Easter Monday, every year), the
       * other ten, 26 Dec last */
      full[0] = french_holidays[y][0];
      full[1] = good_fridays[y];
      for (guint i = 1; i < 11; i++)
        full[i + 1] = french_holidays[y][i];
      full[12] = (2024 + y) * 10000 + 1226;
      expected = table_text (full, 13);
      g_assert_cmpstr (got, ==, expected);
      for (guint i = 0; i < 13; i++)
        {
          g_autoptr(GDate) d = ymd (full[i]);

          g_assert_false (aff_calendar_is_working_day (cal, d));
          g_assert_nonnull (aff_calendar_get_day_name (cal, d));
        }
    }
}

/* Ascension falls on 1 May in 2008 (Easter 23 Mar 2008: Mar 31 is + 8, Apr
 * 30 is + 38, so + 39 = 1 May): one day off, listed once among the year's
 * holidays. Easter Monday 24 Mar, Whit Monday 1 May + 11 = 12 May: ten
 * distinct days. */
static void
test_ascension_on_labour_day (void)
{
  /* see the "limits" tests at the end: reported, not fatal */
  g_test_set_nonfatal_assertions ();
  g_autoptr(AffCalendar) cal = aff_calendar_new_french (FALSE);
  g_autoptr(GPtrArray) list = aff_calendar_list_holidays (cal, 2008);
  g_autofree char *got = dates_text (list);

  g_assert_cmpstr (got, ==, "20080101 20080324 20080501 20080508 20080512 20080714 20080815 "
                            "20081101 20081111 20081225");
}

/* ---- working-day arithmetic over long spans ----------------------------------------- */

/* Per year, by hand: weekdays (52 weeks = 260, plus the weekdays among the
 * one or two days left: 1 Jan, and 2 Jan in a leap year), the French
 * holidays that fall on a weekday, and the Alsace-Moselle days that do.
 *
 * 1 Jan falls on: 2021 Fri, 2022 Sat, 2023 Sun, 2024 Mon (leap), 2025 Wed,
 * 2026 Thu, 2027 Fri, 2028 Sat (leap), 2029 Mon, 2030 Tue (each year moves
 * it by one weekday, by two after a leap year).
 * Days after 1 Jan (non-leap; one more after February in a leap year), mod
 * 7: 1 May 120 -> 1, 8 May 127 -> 1, 14 Jul 194 -> 5, 15 Aug 226 -> 2,
 * 1 Nov 304 -> 3, 11 Nov 314 -> 6, 25 Dec 358 -> 1, 26 Dec 359 -> 2.
 * Easter Monday, Ascension, Whit Monday are always weekdays (no coincidence
 * with 1 or 8 May in these years: Ascension 13 May 2021, 26 May 2022,
 * 18 May 2023, then the table above), and so is Good Friday.
 *
 *  year  1 Jan  weekdays  fixed holidays on weekdays                 + 3  work
 *  2021  Fri    261       1 Jan, 14 Jul Wed, 1 Nov Mon, 11 Nov Thu   7    254
 *  2022  Sat    260       14 Jul Thu, 15 Aug Mon, 1 Nov Tue,
 *                         11 Nov Fri                                 7    253
 *  2023  Sun    260       1 May Mon, 8 May Mon, 14 Jul Fri, 15 Aug
 *                         Tue, 1 Nov Wed, 25 Dec Mon                 9    251
 *  2024  Mon    262       1 Jan, 1 May Wed, 8 May Wed, 15 Aug Thu,
 *                         1 Nov Fri, 11 Nov Mon, 25 Dec Wed          10   252
 *  2025  Wed    261       1 Jan, 1 May Thu, 8 May Thu, 14 Jul Mon,
 *                         15 Aug Fri, 11 Nov Tue, 25 Dec Thu         10   251
 *  2026  Thu    261       1 Jan, 1 May Fri, 8 May Fri, 14 Jul Tue,
 *                         11 Nov Wed, 25 Dec Fri                     9    252
 *  2027  Fri    261       as 2021                                    7    254
 *  2028  Sat    260       1 May Mon, 8 May Mon, 14 Jul Fri, 15 Aug
 *                         Tue, 1 Nov Wed, 25 Dec Mon                 9    251
 *  2029  Mon    261       1 Jan, 1 May Tue, 8 May Tue, 15 Aug Wed,
 *                         1 Nov Thu, 25 Dec Tue                      9    252
 *  2030  Tue    261       1 Jan, 1 May Wed, 8 May Wed, 15 Aug Thu,
 *                         1 Nov Fri, 11 Nov Mon, 25 Dec Wed          10   251
 * Alsace-Moselle: Good Friday every year, and 26 Dec when a weekday: 2021
 * Sun, 2022 Mon, 2023 Tue, 2024 Thu, 2025 Fri, 2026 Sat, 2027 Sun, 2028
 * Tue, 2029 Wed, 2030 Thu.
 */
static const struct
{
  guint year;
  guint weekdays;
  guint holidays_on_weekdays;
  guint alsace_more;
} years[] = {
  { 2021, 261, 7, 1 },
  { 2022, 260, 7, 2 },
  { 2023, 260, 9, 2 },
  { 2024, 262, 10, 2 },
  { 2025, 261, 10, 2 },
  { 2026, 261, 9, 1 },
  { 2027, 261, 7, 1 },
  { 2028, 260, 9, 2 },
  { 2029, 261, 9, 2 },
  { 2030, 261, 10, 2 },
};

static guint
count_days (AffCalendar *cal,
            guint        from,
            guint        to)
{
  g_autoptr(GDate) a = ymd (from);
  g_autoptr(GDate) b = ymd (to);

  return aff_calendar_count_working_days (cal, a, b);
}

static guint
add_days (AffCalendar *cal,
          guint        from,
          int          n)
{
  g_autoptr(GDate) a = ymd (from);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) r = aff_calendar_add_working_days (cal, a, n, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  return ymd_of (r);
}

/* Calendars of the same rules share their table of working days: what
 * one is told, or how far another looks, changes nothing for the others.
 * 2026 by hand: 365 days from a Thursday, 52 weeks and a Thursday, so 261
 * weekdays; the French holidays on weekdays are 1 Jan (Thu), Easter Monday
 * 6 Apr, 1 May (Fri), 8 May (Fri), Ascension 14 May (Thu), Whit Monday
 * 25 May, 14 Jul (Tue), 11 Nov (Wed) and 25 Dec (Fri): 252 working days.
 * From Fri 10 Jul 2026, 3 working days on are Mon 13, Wed 15 (14 is
 * off) and Thu 16 Jul. */
static void
test_shared_rules (void)
{
  g_autoptr(AffCalendar) one = aff_calendar_new_french (FALSE);
  g_autoptr(AffCalendar) other = aff_calendar_new_french (FALSE);
  g_autoptr(AffCalendar) far = aff_calendar_new_french (FALSE);
  g_autoptr(GDate) bridge = ymd (20260713);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (count_days (one, 20260101, 20261231), ==, 252);
  g_assert_cmpuint (count_days (other, 20260101, 20261231), ==, 252);
  g_assert_cmpuint (add_days (one, 20260710, 3), ==, 20260716);

  /* A bridge day off for one of them only. */
  g_assert_true (aff_calendar_add_holiday (other, bridge, "pont du 14 juillet", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_days (other, 20260101, 20261231), ==, 251);
  g_assert_cmpuint (add_days (other, 20260710, 3), ==, 20260717);
  g_assert_cmpuint (count_days (one, 20260101, 20261231), ==, 252);
  g_assert_cmpuint (add_days (one, 20260710, 3), ==, 20260716);

  /* A third, of the same rules as the first, looks decades ahead: the
   * table they share grows; the first's answers do not move. 2090 starts
   * on a Sunday: 52 weeks and a Sunday, 260 weekdays; its holidays on
   * weekdays are 1 Jan (Sun: no), Easter Monday 17 Apr, 1 May (Mon), 8 May
   * (Mon), Ascension 25 May (Thu), Whit Monday 5 Jun, 14 Jul (Fri), 15 Aug
   * (Tue), 1 Nov (Wed), 11 Nov (Sat: no) and 25 Dec (Mon): 251. */
  g_assert_cmpuint (count_days (far, 20900101, 20901231), ==, 251);
  g_assert_cmpuint (count_days (one, 20260101, 20261231), ==, 252);
  g_assert_cmpuint (add_days (one, 20260710, 3), ==, 20260716);
  g_assert_cmpuint (count_days (one, 20900101, 20901231), ==, 251);
  g_assert_cmpuint (count_days (other, 20900101, 20901231), ==, 251);
}

static void
test_ten_years (void)
{
  guint french = 0, alsace = 0, plain = 0;

  /* per year, each on a fresh calendar and on one that has seen the others */
  {
    g_autoptr(AffCalendar) fr = aff_calendar_new_french (FALSE);
    g_autoptr(AffCalendar) am = aff_calendar_new_french (TRUE);
    g_autoptr(AffCalendar) pl = aff_calendar_new ();

    for (guint i = 0; i < G_N_ELEMENTS (years); i++)
      {
        guint y = years[i].year;
        guint work = years[i].weekdays - years[i].holidays_on_weekdays;
        g_autoptr(AffCalendar) fresh = aff_calendar_new_french (FALSE);

        g_assert_cmpuint (count_days (fr, y * 10000 + 101, y * 10000 + 1231), ==, work);
        g_assert_cmpuint (count_days (fresh, y * 10000 + 101, y * 10000 + 1231), ==, work);
        g_assert_cmpuint (count_days (am, y * 10000 + 101, y * 10000 + 1231), ==, work - years[i].alsace_more);
        g_assert_cmpuint (count_days (pl, y * 10000 + 101, y * 10000 + 1231), ==, years[i].weekdays);
        french += work;
        alsace += work - years[i].alsace_more;
        plain += years[i].weekdays;
      }
  }
  /* 254 + 253 + 251 + 252 + 251 + 252 + 254 + 251 + 252 + 251 = 2521;
   * Alsace-Moselle: 2521 - 10 Good Fridays - 7 weekday 26 Decs = 2504;
   * weekdays: 3652 days = 521 weeks + 5 days (Fri, Sat, Sun, Mon, Tue:
   * 3 weekdays) = 2605 + 3 = 2608 */
  g_assert_cmpuint (french, ==, 2521);
  g_assert_cmpuint (alsace, ==, 2504);
  g_assert_cmpuint (plain, ==, 2608);

  /* the ten years at once, on fresh calendars (the cache built in one go) */
  {
    g_autoptr(AffCalendar) fr = aff_calendar_new_french (FALSE);
    g_autoptr(AffCalendar) am = aff_calendar_new_french (TRUE);
    g_autoptr(AffCalendar) pl = aff_calendar_new ();

    g_assert_cmpuint (count_days (fr, 20210101, 20301231), ==, french);
    g_assert_cmpuint (count_days (am, 20210101, 20301231), ==, alsace);
    g_assert_cmpuint (count_days (pl, 20210101, 20301231), ==, plain);
  }

  /* forward: the first working day of 2021 is Mon 4 Jan (Fri 1 is New
   * Year's Day, then the weekend), the last of 2030 Tue 31 Dec (1 Jan 2031
   * is a Wednesday): 2521 working days, so 2520 after the first. */
  {
    g_autoptr(AffCalendar) fr = aff_calendar_new_french (FALSE);

    g_assert_cmpuint (add_days (fr, 20210104, 2520), ==, 20301231);
  }
  /* backward first, on a fresh calendar (the cache grows towards the past) */
  {
    g_autoptr(AffCalendar) fr = aff_calendar_new_french (FALSE);

    g_assert_cmpuint (add_days (fr, 20301231, -2520), ==, 20210104);
    /* and forward on the same */
    g_assert_cmpuint (add_days (fr, 20210104, 2520), ==, 20301231);
  }
  /* from days off: from Fri 1 Jan 2021 (a holiday) the first step is Mon 4
   * Jan, so 2521 steps reach Tue 31 Dec 2030; from Wed 1 Jan 2031 (a
   * holiday) backwards the first step is Tue 31 Dec 2030, the 2521st Mon 4
   * Jan 2021 */
  {
    g_autoptr(AffCalendar) fr = aff_calendar_new_french (FALSE);

    g_assert_cmpuint (add_days (fr, 20210101, 2521), ==, 20301231);
    g_assert_cmpuint (add_days (fr, 20310101, -2521), ==, 20210104);
  }
  /* Alsace-Moselle: the same first and last days (26 Dec 2030 is a
   * Thursday, 31 Dec stays worked): 2504 days, 2503 after the first */
  {
    g_autoptr(AffCalendar) am = aff_calendar_new_french (TRUE);

    g_assert_cmpuint (add_days (am, 20210104, 2503), ==, 20301231);
    g_assert_cmpuint (add_days (am, 20301231, -2503), ==, 20210104);
  }
  /* the plain calendar: Fri 1 Jan 2021 is worked; 2608 days, 2607 after */
  {
    g_autoptr(AffCalendar) pl = aff_calendar_new ();

    g_assert_cmpuint (add_days (pl, 20210101, 2607), ==, 20301231);
    g_assert_cmpuint (add_days (pl, 20301231, -2607), ==, 20210101);
  }
}

/* Four centuries of the plain calendar: 400 Gregorian years are 146097
 * days = 20871 whole weeks, so 20871 x 5 = 104355 weekdays, and 1 Jan 2401
 * falls on the same weekday as 1 Jan 2001, a Monday. */
static void
test_four_centuries (void)
{
  g_autoptr(AffCalendar) pl = aff_calendar_new ();

  g_assert_cmpuint (count_days (pl, 20010101, 24001231), ==, 104355);
  /* Mon 1 Jan 2001 is the first of those days: the 104355th after it is
   * the first working day after them, Mon 1 Jan 2401 */
  g_assert_cmpuint (add_days (pl, 20010101, 104355), ==, 24010101);
  g_assert_cmpuint (add_days (pl, 24010101, -104355), ==, 20010101);
}

/* ---- cycles --------------------------------------------------------------------- */

/* The cycle in @error's message, checked against @ring (its tasks in
 * dependency order, each once): the message names them in order, starting
 * anywhere on the ring and coming back to the first. */
static void
assert_cycle (const GError      *error,
              const char *const *ring)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\S+(?: → \\S+)+", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) names = NULL;
  guint n = g_strv_length ((char **) ring), start = n;

  g_assert_error (error, AFF_ERROR, AFF_ERROR_CYCLE);
  g_assert_true (g_regex_match (regex, error->message, 0, &match));
  text = g_match_info_fetch (match, 0);
  names = g_strsplit (text, " → ", -1);
  /* the ring and back to where it started */
  g_assert_cmpuint (g_strv_length (names), ==, n + 1);
  g_assert_cmpstr (names[0], ==, names[n]);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (ring[i], names[0]) == 0)
      start = i;
  g_assert_cmpuint (start, <, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (names[i], ==, ring[(start + i) % n]);
  /* nothing else in the message names a task */
  g_assert_false (g_match_info_next (match, NULL));
}

static void
test_cycle_in_order (void)
{
  /* A 3 (Mon 2 .. Wed 4), B 2 FS A (Thu 5 .. Fri 6), C 1 FS B (Mon 9), D 1
   * FS C (Tue 10), E 2 FS A (Thu 5, Fri 6; may end with D, Tue 10: TF 2). */
  g_autoptr(AffPlan) plan = new_plain_plan (20260302);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  static const char *const ring[] = { "B", "C", "D", NULL };
  static const Expect e[] = {
    { "A", 20260302, 20260304, 20260302, 20260304, 0, 0 },
    { "B", 20260305, 20260306, 20260305, 20260306, 0, 0 },
    { "C", 20260309, 20260309, 20260309, 20260309, 0, 0 },
    { "D", 20260310, 20260310, 20260310, 20260310, 0, 0 },
    { "E", 20260305, 20260306, 20260309, 20260310, 2, 2 },
  };

  add (plan, "A", 3);
  add (plan, "B", 2);
  add (plan, "C", 1);
  add (plan, "D", 1);
  add (plan, "E", 2);
  depend (plan, "A", "B", FS, 0);
  depend (plan, "B", "C", FS, 0);
  depend (plan, "C", "D", FS, 0);
  depend (plan, "A", "E", FS, 0);
  schedule (plan);
  check_all (plan, e, G_N_ELEMENTS (e));
  before = snapshot (plan);

  /* D -> B closes B -> C -> D -> B: accepted, refused by schedule, which
   * names B, C, D in order and neither A nor E */
  depend (plan, "D", "B", SS, 2);
  aff_task_set_duration (task (plan, "A"), 4);
  g_assert_false (aff_plan_is_scheduled (plan));
  g_assert_false (aff_plan_schedule (plan, &error));
  assert_cycle (error, ring);
  g_assert_null (strstr (error->message, "A →"));
  g_assert_null (strstr (error->message, "E"));

  /* nothing changed: every figure of the last schedule is still given */
  g_assert_false (aff_plan_is_scheduled (plan));
  after = snapshot (plan);
  g_assert_cmpstr (after, ==, before);
  check_all (plan, e, G_N_ELEMENTS (e));
  assert_date (aff_plan_get_finish (plan), 2026, 3, 10);
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_plan_save_baseline (plan, "cycle", &error));

  /* twice the same */
  g_clear_error (&error);
  g_assert_false (aff_plan_schedule (plan, &error));
  assert_cycle (error, ring);

  /* broken again: A's 4 days (Mon 2 .. Thu 5) move everything by one day */
  ASSERT_OK (aff_plan_remove_dependency (plan, "D", "B", &error));
  schedule (plan);
  check_early (plan, "B", 20260306, 20260309);
  check_early (plan, "D", 20260311, 20260311);
}

/* Two disjoint cycles: the message names the tasks of one of them, whole,
 * and no task of the other. */
static void
test_two_cycles (void)
{
  g_autoptr(AffPlan) plan = new_plain_plan (20260302);
  g_autoptr(GError) error = NULL;
  static const char *const ring1[] = { "X", "Y", NULL };
  static const char *const ring2[] = { "P", "Q", "R", NULL };
  gboolean first;

  add (plan, "X", 1);
  add (plan, "P", 1);
  add (plan, "Y", 1);
  add (plan, "Q", 1);
  add (plan, "R", 1);
  add (plan, "Z", 1);
  depend (plan, "X", "Y", FS, 0);
  depend (plan, "Y", "X", FF, 0);
  depend (plan, "P", "Q", FS, 0);
  depend (plan, "Q", "R", SS, 0);
  depend (plan, "R", "P", SF, 0);
  depend (plan, "Z", "X", FS, 0);
  g_assert_false (aff_plan_schedule (plan, &error));
  first = strstr (error->message, "X") != NULL;
  assert_cycle (error, first ? ring1 : ring2);
  if (first)
    g_assert_null (strstr (error->message, "P"));
  else
    g_assert_null (strstr (error->message, "X"));
  g_assert_null (strstr (error->message, "Z"));
  /* never scheduled: nothing to read */
  g_assert_false (aff_task_is_scheduled (task (plan, "X")));
  g_assert_null (aff_task_get_early_start (task (plan, "Z")));
  g_assert_null (aff_plan_get_finish (plan));
}

/* A plan whose tasks are not in topological order: scheduled right, then a
 * dependency added out of order closes a cycle. */
static void
test_cycle_out_of_order (void)
{
  g_autoptr(AffPlan) plan = new_plain_plan (20260302);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  static const char *const ring[] = { "A", "B", "C", NULL };
  /* the plan's order is D, C, B, A with A -> B -> C -> D: each dependency
   * from a later task to an earlier one.
   * A 2: Mon 2, Tue 3; B 1 FS A: Wed 4; C 3 SS B +1: Thu 5 .. Mon 9 (3-6);
   * D 1 FF C: finishes with C, Mon 9 (5-6). A chain: no float; the critical
   * path in date order whatever the plan's order. */
  static const Expect e[] = {
    { "D", 20260309, 20260309, 20260309, 20260309, 0, 0 },
    { "C", 20260305, 20260309, 20260305, 20260309, 0, 0 },
    { "B", 20260304, 20260304, 20260304, 20260304, 0, 0 },
    { "A", 20260302, 20260303, 20260302, 20260303, 0, 0 },
  };

  add (plan, "D", 1);
  add (plan, "C", 3);
  add (plan, "B", 1);
  add (plan, "A", 2);
  depend (plan, "A", "B", FS, 0);
  depend (plan, "B", "C", SS, 1);
  depend (plan, "C", "D", FF, 0);
  schedule (plan);
  check_all (plan, e, G_N_ELEMENTS (e));
  check_critical_path (plan, "A B C D");
  assert_date (aff_plan_get_finish (plan), 2026, 3, 9);
  before = snapshot (plan);

  /* C -> A: from an earlier task of the plan to a later one, closing
   * A -> B -> C -> A; D, which follows the cycle, is not in it */
  depend (plan, "C", "A", FS, -5);
  g_assert_false (aff_plan_schedule (plan, &error));
  assert_cycle (error, ring);
  g_assert_null (strstr (error->message, "D"));
  after = snapshot (plan);
  g_assert_cmpstr (after, ==, before);

  /* a self-dependency is refused at once, as a cycle */
  ASSERT_FAILS (AFF_ERROR_CYCLE, aff_plan_add_dependency (plan, "D", "D", FS, 0, &error));
}

/* ---- constraints ------------------------------------------------------------------ */

static void
test_start_no_earlier_than (void)
{
  /* A 2: Mon 2, Tue 3 (0-2). B 3 FS A, not before Sat 7 Mar, a day off:
   * from the next working day, Mon 9 (5-8: Mon 9 .. Wed 11). C 1 FS B:
   * Thu 12 (8-9), the end. Backward: C 8-9, B 5-8, A must end by B's late
   * start 5: late 3-5, Thu 5 .. Fri 6: 3 days of total and free float
   * (B's start 5 less A's finish 2). */
  g_autoptr(AffPlan) plan = new_plain_plan (20260302);
  static const Expect e[] = {
    { "A", 20260302, 20260303, 20260305, 20260306, 3, 3 },
    { "B", 20260309, 20260311, 20260309, 20260311, 0, 0 },
    { "C", 20260312, 20260312, 20260312, 20260312, 0, 0 },
  };

  add (plan, "A", 2);
  set_date (add (plan, "B", 3), aff_task_set_start_no_earlier_than, 20260307);
  add (plan, "C", 1);
  depend (plan, "A", "B", FS, 0);
  depend (plan, "B", "C", FS, 0);
  schedule (plan);
  check_all (plan, e, G_N_ELEMENTS (e));
  check_critical_path (plan, "B C");
  g_assert_cmpuint (ymd_of (aff_task_get_start_no_earlier_than (task (plan, "B"))), ==, 20260307);

  /* a constraint before the plan's start changes nothing: the plan's start
   * still wins (A from Mon 2) */
  set_date (task (plan, "A"), aff_task_set_start_no_earlier_than, 20260220);
  schedule (plan);
  check_all (plan, e, G_N_ELEMENTS (e));
}

static void
test_finish_no_later_than (void)
{
  /* A 3: Mon 2 .. Wed 4 (0-3); B 4 FS A: Thu 5 .. Tue 10 (3-7); C 2 FS B:
   * Wed 11, Thu 12 (7-9), the end 9.
   * B due by Fri 6: the deadline is the end of Fri 6, boundary 5; B
   * finishes on 7: Mon 9 and Tue 10 are late, 2 days missed. Nothing moves.
   * B's late finish is capped at 5 (Fri 6), its late start 1 (Tue 3): float
   * 1 - 3 = -2. A must end by B's late start 1: late -2 .. 1, days -2 ..
   * 0: Thu 26 Feb .. Mon 2 Mar (two working days before Mon 2: Fri 27,
   * Thu 26 Feb): float -2. C keeps its dates and no float. Free floats are
   * never negative: 0. */
  g_autoptr(AffPlan) plan = new_plain_plan (20260302);
  g_autoptr(GPtrArray) violations = NULL;
  AffViolation *v;
  static const Expect e[] = {
    { "A", 20260302, 20260304, 20260226, 20260302, -2, 0 },
    { "B", 20260305, 20260310, 20260303, 20260306, -2, 0 },
    { "C", 20260311, 20260312, 20260311, 20260312, 0, 0 },
  };

  add (plan, "A", 3);
  set_date (add (plan, "B", 4), aff_task_set_finish_no_later_than, 20260306);
  add (plan, "C", 2);
  depend (plan, "A", "B", FS, 0);
  depend (plan, "B", "C", FS, 0);
  schedule (plan);
  check_all (plan, e, G_N_ELEMENTS (e));
  assert_date (aff_plan_get_finish (plan), 2026, 3, 12);
  check_critical_path (plan, "A B C");
  violations = aff_plan_get_violations (plan);
  g_assert_cmpuint (violations->len, ==, 1);
  v = g_ptr_array_index (violations, 0);
  g_assert_cmpstr (aff_violation_get_task_id (v), ==, "B");
  assert_date (aff_violation_get_deadline (v), 2026, 3, 6);
  assert_date (aff_violation_get_finish (v), 2026, 3, 10);
  g_assert_cmpint (aff_violation_get_days_missed (v), ==, 2);
  /* a copy is a copy */
  {
    g_autoptr(AffViolation) copy = aff_violation_copy (v);

    g_assert_true (copy != v);
    g_assert_cmpstr (aff_violation_get_task_id (copy), ==, "B");
    g_assert_cmpint (aff_violation_get_days_missed (copy), ==, 2);
    assert_date (aff_violation_get_finish (copy), 2026, 3, 10);
  }
  g_clear_pointer (&violations, g_ptr_array_unref);

  /* C due by Wed 11 too: the end of Wed 11 is boundary 8, C finishes on 9:
   * 1 day missed (Thu 12). C's late finish 8: late 6-8, Tue 10 .. Wed 11,
   * float -1. B's own deadline (5) is tighter than C's late start (6): B
   * unchanged. Listed in the plan's order: B, C. */
  set_date (task (plan, "C"), aff_task_set_finish_no_later_than, 20260311);
  schedule (plan);
  check (plan, &(Expect) { "C", 20260311, 20260312, 20260310, 20260311, -1, 0 });
  check (plan, &e[1]);
  violations = aff_plan_get_violations (plan);
  g_assert_cmpuint (violations->len, ==, 2);
  v = g_ptr_array_index (violations, 0);
  g_assert_cmpstr (aff_violation_get_task_id (v), ==, "B");
  g_assert_cmpint (aff_violation_get_days_missed (v), ==, 2);
  v = g_ptr_array_index (violations, 1);
  g_assert_cmpstr (aff_violation_get_task_id (v), ==, "C");
  assert_date (aff_violation_get_deadline (v), 2026, 3, 11);
  assert_date (aff_violation_get_finish (v), 2026, 3, 12);
  g_assert_cmpint (aff_violation_get_days_missed (v), ==, 1);
  g_clear_pointer (&violations, g_ptr_array_unref);

  /* both deadlines lifted: a chain, no float, no violation */
  set_date (task (plan, "B"), aff_task_set_finish_no_later_than, 0);
  set_date (task (plan, "C"), aff_task_set_finish_no_later_than, 0);
  g_assert_null (aff_task_get_finish_no_later_than (task (plan, "B")));
  schedule (plan);
  violations = aff_plan_get_violations (plan);
  g_assert_cmpuint (violations->len, ==, 0);
  g_assert_cmpint (aff_task_get_total_float (task (plan, "A")), ==, 0);
  g_assert_cmpint (aff_task_get_total_float (task (plan, "B")), ==, 0);
}

static void
test_actual_dates (void)
{
  /* A 3: Mon 2 .. Wed 4 (0-3); B 2 FS A: Thu 5, Fri 6 (3-5); C 2 FS B:
   * Mon 9, Tue 10 (5-7). */
  g_autoptr(AffPlan) plan = new_plain_plan (20260302);
  AffTask *a = add (plan, "A", 3);
  AffTask *b = add (plan, "B", 2);

  add (plan, "C", 2);
  depend (plan, "A", "B", FS, 0);
  depend (plan, "B", "C", FS, 0);
  schedule (plan);
  check_early (plan, "C", 20260309, 20260310);

  /* A actually finished on Thu 5, its start not recorded: the schedule keeps
   * the finish, and A's three days end there: Tue 3 .. Thu 5. B: Fri 6,
   * Mon 9; C: Tue 10, Wed 11 */
  set_date (a, aff_task_set_actual_finish, 20260305);
  schedule (plan);
  check_early (plan, "A", 20260303, 20260305);
  check_early (plan, "B", 20260306, 20260309);
  check_early (plan, "C", 20260310, 20260311);

  /* A actually ran from Tue 3 to Mon 9: five working days (Tue 3, Wed 4,
   * Thu 5, Fri 6, Mon 9) whatever its duration says; B: Tue 10, Wed 11; C:
   * Thu 12, Fri 13 */
  set_date (a, aff_task_set_actual_start, 20260303);
  set_date (a, aff_task_set_actual_finish, 20260309);
  schedule (plan);
  check_early (plan, "A", 20260303, 20260309);
  check_early (plan, "B", 20260310, 20260311);
  check_early (plan, "C", 20260312, 20260313);
  g_assert_cmpuint (aff_task_get_duration (a), ==, 3);

  /* A as planned; B actually started on Wed 4, before A finished: the start
   * is kept, A is not waited for: B Wed 4, Thu 5; C Fri 6, Mon 9 */
  set_date (a, aff_task_set_actual_start, 0);
  set_date (a, aff_task_set_actual_finish, 0);
  set_date (b, aff_task_set_actual_start, 20260304);
  schedule (plan);
  check_early (plan, "A", 20260302, 20260304);
  check_early (plan, "B", 20260304, 20260305);
  check_early (plan, "C", 20260306, 20260309);

  /* cleared: back to the plan */
  set_date (b, aff_task_set_actual_start, 0);
  schedule (plan);
  check_early (plan, "B", 20260305, 20260306);
}

/* ---- the list model and notifications --------------------------------------------- */

typedef struct
{
  guint position, removed, added;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  GArray *changes = user_data;
  Change c = { position, removed, added };

  g_array_append_val (changes, c);
}

static char *
changes_text (GArray *changes)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < changes->len; i++)
    {
      Change *c = &g_array_index (changes, Change, i);

      g_string_append_printf (s, "%s(%u,%u,%u)", i > 0 ? " " : "", c->position, c->removed, c->added);
    }
  g_array_set_size (changes, 0);
  return g_string_free (s, FALSE);
}

static void
test_list_model (void)
{
  g_autoptr(AffPlan) plan = new_plain_plan (20260302);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  GListModel *model = aff_plan_get_tasks (plan);
  g_autofree char *c1 = NULL, *c2 = NULL, *c3 = NULL, *c4 = NULL, *c5 = NULL, *c6 = NULL;
  g_autofree char *ids1 = NULL, *ids2 = NULL;

  g_assert_true (model == G_LIST_MODEL (plan));
  g_assert_true (g_list_model_get_item_type (model) == AFF_TYPE_TASK);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_null (g_list_model_get_item (model, 0));
  g_signal_connect (plan, "items-changed", G_CALLBACK (on_items_changed), changes);

  /* each addition at the end */
  add (plan, "T0", 1);
  add (plan, "T1", 1);
  add (plan, "T2", 1);
  add (plan, "T3", 1);
  add (plan, "T4", 1);
  c1 = changes_text (changes);
  g_assert_cmpstr (c1, ==, "(0,0,1) (1,0,1) (2,0,1) (3,0,1) (4,0,1)");
  {
    g_autoptr(AffTask) third = g_list_model_get_item (model, 2);

    g_assert_true (third == aff_plan_lookup_task (plan, "T2"));
    g_assert_null (g_list_model_get_item (model, 5));
  }

  /* refused: no signal */
  {
    g_autoptr(AffTask) again = aff_task_new ("T3", "again", 1);
    g_autoptr(AffTask) spaced = aff_task_new ("T 5", "spaced", 1);

    ASSERT_FAILS (AFF_ERROR_DUPLICATE_ID, aff_plan_add_task (plan, again, &error));
    ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_plan_add_task (plan, spaced, &error));
    ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_plan_remove_task (plan, "T9", &error));
  }
  c2 = changes_text (changes);
  g_assert_cmpstr (c2, ==, "");

  /* removals: in the middle, the first, the last */
  ASSERT_OK (aff_plan_remove_task (plan, "T2", &error));   /* T0 T1 T3 T4 */
  c3 = changes_text (changes);
  g_assert_cmpstr (c3, ==, "(2,1,0)");
  ASSERT_OK (aff_plan_remove_task (plan, "T0", &error));   /* T1 T3 T4 */
  ASSERT_OK (aff_plan_remove_task (plan, "T4", &error));   /* T1 T3 */
  c4 = changes_text (changes);
  g_assert_cmpstr (c4, ==, "(0,1,0) (2,1,0)");
  ids1 = model_ids (model);
  g_assert_cmpstr (ids1, ==, "T1 T3");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* a removed id comes back at the end */
  add (plan, "T0", 2);
  c5 = changes_text (changes);
  g_assert_cmpstr (c5, ==, "(2,0,1)");
  ids2 = model_ids (model);
  g_assert_cmpstr (ids2, ==, "T1 T3 T0");
  g_assert_null (aff_plan_lookup_task (plan, "T2"));
  g_assert_cmpuint (aff_task_get_duration (aff_plan_lookup_task (plan, "T0")), ==, 2);

  /* a task's change is not an item change */
  aff_task_set_name (aff_plan_lookup_task (plan, "T1"), "renamed");
  schedule (plan);
  c6 = changes_text (changes);
  g_assert_cmpstr (c6, ==, "");
}

/* The lookups of a removed task's dependencies and positions stay right. */
static void
test_remove_keeps_links (void)
{
  /* A 1 Mon 2; B 1 FS A Tue 3; C 2 FS B Wed 4, Thu 5; D 1 FS C Fri 6; E 1
   * SS A +3: Thu 5. Removing B (and its two links) leaves C without
   * predecessor: Mon 2, Tue 3; D Wed 4. */
  g_autoptr(AffPlan) plan = new_plain_plan (20260302);
  g_autofree char *d1 = NULL, *d2 = NULL;
  g_autoptr(AffTask) b = NULL;

  add (plan, "A", 1);
  b = g_object_ref (add (plan, "B", 1));
  add (plan, "C", 2);
  add (plan, "D", 1);
  add (plan, "E", 1);
  depend (plan, "A", "B", FS, 0);
  depend (plan, "B", "C", FS, 0);
  depend (plan, "C", "D", FS, 0);
  depend (plan, "A", "E", SS, 3);
  schedule (plan);
  check_early (plan, "D", 20260306, 20260306);
  d1 = deps_of (plan);
  g_assert_cmpstr (d1, ==, "A>B:0:0 B>C:0:0 C>D:0:0 A>E:1:3");

  ASSERT_OK (aff_plan_remove_task (plan, "B", &error));
  d2 = deps_of (plan);
  g_assert_cmpstr (d2, ==, "C>D:0:0 A>E:1:3");
  /* the removed task keeps the figures it had */
  g_assert_true (aff_task_is_scheduled (b));
  assert_date (aff_task_get_early_start (b), 2026, 3, 3);
  schedule (plan);
  check_early (plan, "C", 20260302, 20260303);
  check_early (plan, "D", 20260304, 20260304);
  check_early (plan, "E", 20260305, 20260305);
  /* the dependencies still address the right tasks */
  ASSERT_FAILS (AFF_ERROR_DUPLICATE_ID, aff_plan_add_dependency (plan, "C", "D", SS, 1, &error));
  ASSERT_OK (aff_plan_remove_dependency (plan, "C", "D", &error));
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_plan_remove_dependency (plan, "C", "D", &error));
  schedule (plan);
  check_early (plan, "D", 20260302, 20260302);
}

/* A task removed from a plan joins another one and is scheduled there: it
 * gives the figures of its new plan. Here both plans have been scheduled
 * once when it is read. */
static void
test_task_moved_to_another_plan (void)
{
  g_autoptr(AffPlan) plan = new_plain_plan (20260302);
  g_autoptr(AffPlan) other = new_plain_plan (20260309);
  g_autoptr(AffTask) b = NULL;

  g_test_set_nonfatal_assertions ();
  /* B 1 day in the first plan: Mon 2 Mar */
  b = g_object_ref (add (plan, "B", 1));
  schedule_nonfatal (plan);
  g_assert_cmpuint (ymd_of (aff_task_get_early_start (b)), ==, 20260302);
  ASSERT_OK (aff_plan_remove_task (plan, "B", &error));
  /* out of any plan, it keeps the figures it had */
  g_assert_true (aff_task_is_scheduled (b));
  g_assert_cmpuint (ymd_of (aff_task_get_early_start (b)), ==, 20260302);
  /* in the second plan, which starts on Mon 9 Mar, alone: Mon 9 */
  ASSERT_OK (aff_plan_add_task (other, b, &error));
  schedule_nonfatal (other);
  g_assert_true (aff_task_is_scheduled (b));
  g_assert_cmpuint (ymd_of (aff_task_get_early_start (b)), ==, 20260309);
  g_assert_cmpuint (ymd_of (aff_task_get_early_finish (b)), ==, 20260309);
  g_assert_cmpuint (ymd_of (aff_task_get_late_finish (b)), ==, 20260309);
}

typedef struct
{
  GString *names;
} Notified;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  GString *names = user_data;

  g_string_append_printf (names, "%s%s", names->len > 0 ? " " : "", pspec->name);
}

static char *
take (GString *s)
{
  char *text = g_strdup (s->str);

  g_string_truncate (s, 0);
  return text;
}

static void
test_task_notify (void)
{
  g_autoptr(AffPlan) plan = new_plain_plan (20260302);
  g_autoptr(GString) names = g_string_new (NULL);
  AffTask *t = add (plan, "T", 2);
  const char *risks[] = { "R1", "R2", NULL };
  const char *same_risks[] = { "R1", "R2", NULL };
  const char *no_risks[] = { NULL };
  g_autoptr(GDate) d = ymd (20260310);
  g_autoptr(GDate) same = ymd (20260310);
  g_autofree char *n1 = NULL, *n2 = NULL, *n3 = NULL, *n4 = NULL, *n5 = NULL, *n6 = NULL, *n7 = NULL;

  g_signal_connect (t, "notify", G_CALLBACK (on_notify), names);
  schedule (plan);

  /* each change notifies its property once */
  aff_task_set_name (t, "Soudure");
  aff_task_set_duration (t, 3);
  aff_task_set_kind (t, AFF_TASK_KIND_INSPECTION);
  aff_task_set_deliverable (t, "PV");
  aff_task_set_party (t, AFF_PARTY_INSPECTION_BODY);
  aff_task_set_party_name (t, "Bureau Veritas");
  aff_task_set_zone (t, "Atelier");
  aff_task_set_risk_ids (t, risks);
  aff_task_set_start_no_earlier_than (t, d);
  aff_task_set_finish_no_later_than (t, d);
  aff_task_set_progress (t, 40);
  aff_task_set_actual_start (t, d);
  aff_task_set_actual_finish (t, d);
  n1 = take (names);
  g_assert_cmpstr (n1, ==, "name duration kind deliverable party party-name zone risk-ids start-no-earlier-than "
                           "finish-no-later-than progress actual-start actual-finish");
  g_assert_false (aff_plan_is_scheduled (plan));

  /* the same values again: nothing */
  schedule (plan);
  aff_task_set_name (t, "Soudure");
  aff_task_set_duration (t, 3);
  aff_task_set_kind (t, AFF_TASK_KIND_INSPECTION);
  aff_task_set_deliverable (t, "PV");
  aff_task_set_party (t, AFF_PARTY_INSPECTION_BODY);
  aff_task_set_party_name (t, "Bureau Veritas");
  aff_task_set_zone (t, "Atelier");
  aff_task_set_risk_ids (t, same_risks);
  aff_task_set_start_no_earlier_than (t, same);
  aff_task_set_finish_no_later_than (t, same);
  aff_task_set_progress (t, 40);
  aff_task_set_actual_start (t, same);
  aff_task_set_actual_finish (t, same);
  n2 = take (names);
  g_assert_cmpstr (n2, ==, "");
  g_assert_true (aff_plan_is_scheduled (plan));

  /* the effort: hours and minutes are one value, both notified; 12.5 h =
   * 750 min; 12.5 h and 20 s rounds to the same minute: nothing */
  aff_task_set_effort_hours (t, 12.5);
  n3 = take (names);
  g_assert_nonnull (strstr (n3, "effort-minutes"));
  g_assert_nonnull (strstr (n3, "effort-hours"));
  g_assert_cmpuint (strlen (n3), ==, strlen ("effort-minutes effort-hours"));
  g_assert_cmpuint (aff_task_get_effort_minutes (t), ==, 750);
  g_assert_cmpfloat (aff_task_get_effort_hours (t), ==, 12.5);
  aff_task_set_effort_hours (t, 12.5 + 20.0 / 3600.0);
  aff_task_set_effort_minutes (t, 750);
  n4 = take (names);
  g_assert_cmpstr (n4, ==, "");
  /* 40 s more: 750.67 min rounds up to 751; 1 min = 1/60 h */
  aff_task_set_effort_hours (t, 12.5 + 40.0 / 3600.0);
  g_assert_cmpuint (aff_task_get_effort_minutes (t), ==, 751);
  g_assert_cmpfloat_with_epsilon (aff_task_get_effort_hours (t), 751.0 / 60.0, 1e-12);
  g_string_truncate (names, 0);

  /* cleared: the dates and the risks notify once, then not again */
  aff_task_set_actual_finish (t, NULL);
  aff_task_set_actual_finish (t, NULL);
  aff_task_set_risk_ids (t, no_risks);
  aff_task_set_risk_ids (t, NULL);
  n5 = take (names);
  g_assert_cmpstr (n5, ==, "actual-finish risk-ids");
  g_assert_null (aff_task_get_risk_ids (t));

  /* through g_object_set as well */
  g_object_set (t, "progress", 60, "zone", "Atelier", NULL);
  n6 = take (names);
  g_assert_cmpstr (n6, ==, "progress");

  /* a milestone kind takes no time whatever the duration says: 3 days
   * kept, a schedule of one day, Mon 2 */
  aff_task_set_kind (t, AFF_TASK_KIND_MILESTONE);
  aff_task_set_actual_start (t, NULL);
  aff_task_set_start_no_earlier_than (t, NULL);
  aff_task_set_finish_no_later_than (t, NULL);
  n7 = take (names);
  g_assert_cmpstr (n7, ==, "kind actual-start start-no-earlier-than finish-no-later-than");
  g_assert_cmpuint (aff_task_get_duration (t), ==, 3);
  schedule (plan);
  check_early (plan, "T", 20260302, 20260302);
}

/* ---- the affair's plan and the journal ----------------------------------------------- */

static const char *const plan_actions[] = {
  "plan-start-set", "plan-calendar-set", "task-added", "task-removed", "task-changed",
  "dependency-added", "dependency-removed", "baseline-saved", NULL,
};

/* The plan's entries of the affair (transfer container). */
static GPtrArray *
plan_entries (AffPortfolio *p)
{
  g_autoptr(GPtrArray) all = aff_journal_list_entries_for (aff_portfolio_get_journal (p), "affair", "OFF-1");
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_journal_entry_unref);

  for (guint i = 0; i < all->len; i++)
    {
      AffJournalEntry *e = g_ptr_array_index (all, i);

      if (g_strv_contains (plan_actions, aff_journal_entry_get_action (e)))
        g_ptr_array_add (out, aff_journal_entry_ref (e));
    }
  return out;
}

/* The entries from @from on, one a line: "action key=value ...", for the
 * keys asked. */
static char *
entries_text (AffPortfolio *p,
              guint         from)
{
  static const char *const keys[] = {
    "task", "property", "value", "start", "predecessor", "successor", "type", "lag", "baseline", "finish", NULL,
  };
  g_autoptr(GPtrArray) entries = plan_entries (p);
  GString *s = g_string_new (NULL);

  for (guint i = from; i < entries->len; i++)
    {
      AffJournalEntry *e = g_ptr_array_index (entries, i);

      g_assert_cmpstr (aff_journal_entry_get_entity_kind (e), ==, "affair");
      g_assert_cmpstr (aff_journal_entry_get_entity_id (e), ==, "OFF-1");
      g_assert_cmpstr (aff_journal_entry_get_actor (e), ==, "Claire Martin");
      g_string_append (s, aff_journal_entry_get_action (e));
      for (guint k = 0; keys[k] != NULL; k++)
        {
          g_autofree char *value = aff_journal_entry_dup_detail (e, keys[k]);

          /* the added task's whole value is checked apart */
          if (value != NULL && !(strcmp (keys[k], "value") == 0 &&
                                 strcmp (aff_journal_entry_get_action (e), "task-added") == 0))
            g_string_append_printf (s, " %s=%s", keys[k], value);
        }
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

static guint
n_plan_entries (AffPortfolio *p)
{
  g_autoptr(GPtrArray) entries = plan_entries (p);

  return entries->len;
}

static void
test_affair_journal (void)
{
  AffAffair *affair = NULL;
  g_autoptr(AffPortfolio) p = new_affair_portfolio (&affair);
  AffPlan *plan = aff_affair_get_plan (affair);
  AffJournal *journal = aff_portfolio_get_journal (p);
  g_autoptr(AffCalendar) cal = aff_calendar_new ();
  g_autoptr(AffTask) a = aff_task_new ("A", "Soudure", 3);
  g_autoptr(AffTask) removed = NULL;
  g_autoptr(GDate) tue = day (2026, 4, 21);
  g_autoptr(GDate) mon = day (2026, 4, 20);
  g_autofree char *text = NULL;
  const char *risks[] = { "R1", "R2", NULL };
  guint n;

  /* the plan starts on the signed day; no entry for that */
  assert_date (aff_plan_get_start (plan), 2026, 4, 20);
  g_assert_true (aff_affair_get_plan (affair) == plan);
  g_assert_cmpuint (n_plan_entries (p), ==, 0);

  /* the start: moved and back; the same day again is no change */
  aff_plan_set_start (plan, tue);
  aff_plan_set_start (plan, tue);
  aff_plan_set_start (plan, mon);
  /* the calendar: once; the same object again is no change */
  aff_plan_set_calendar (plan, cal);
  aff_plan_set_calendar (plan, cal);
  g_assert_true (aff_plan_get_calendar (plan) == cal);
  /* tasks: A with an effort set before it joins (in the added value, not a
   * change), then B, C */
  aff_task_set_effort_hours (a, 12.5);
  ASSERT_OK (aff_plan_add_task (plan, a, &error));
  add (plan, "B", 2);
  add (plan, "C", 1);
  {
    g_autoptr(AffTask) dup = aff_task_new ("A", "again", 1);

    ASSERT_FAILS (AFF_ERROR_DUPLICATE_ID, aff_plan_add_task (plan, dup, &error));
  }
  /* dependencies, and refused ones */
  depend (plan, "A", "B", FS, 0);
  depend (plan, "B", "C", SS, -2);
  ASSERT_FAILS (AFF_ERROR_DUPLICATE_ID, aff_plan_add_dependency (plan, "A", "B", FF, 1, &error));
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_plan_add_dependency (plan, "A", "Z", FS, 0, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_plan_add_dependency (plan, "A", "C", FS, 100001, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_plan_add_dependency (plan, "A", "C", FS, -100001, &error));
  ASSERT_FAILS (AFF_ERROR_CYCLE, aff_plan_add_dependency (plan, "A", "A", FS, 0, &error));
  /* task changes: each property as its own entry; the effort once, in
   * minutes; the same value again is no change */
  aff_task_set_duration (task (plan, "B"), 4);
  aff_task_set_duration (task (plan, "B"), 4);
  aff_task_set_effort_hours (task (plan, "B"), 12.5);
  aff_task_set_kind (task (plan, "B"), AFF_TASK_KIND_INSPECTION);
  aff_task_set_risk_ids (task (plan, "B"), risks);
  aff_task_set_actual_start (task (plan, "B"), tue);
  aff_task_set_actual_start (task (plan, "B"), NULL);
  aff_task_set_zone (task (plan, "B"), "Atelier 2");
  aff_task_set_zone (task (plan, "B"), NULL);
  /* scheduling is no change; a baseline is, once */
  schedule (plan);
  ASSERT_OK (aff_plan_save_baseline (plan, "contract", &error));
  ASSERT_FAILS (AFF_ERROR_DUPLICATE_ID, aff_plan_save_baseline (plan, "contract", &error));
  /* removals, and refused ones */
  ASSERT_OK (aff_plan_remove_dependency (plan, "B", "C", &error));
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_plan_remove_dependency (plan, "B", "C", &error));
  removed = g_object_ref (task (plan, "C"));
  ASSERT_OK (aff_plan_remove_task (plan, "C", &error));
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_plan_remove_task (plan, "C", &error));
  /* stale: no baseline */
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_plan_save_baseline (plan, "after", &error));
  /* a task out of the plan is no longer the affair's */
  aff_task_set_name (removed, "Gone");
  aff_task_set_duration (removed, 9);

  /* The baseline's finish, by hand: the plain calendar from Mon 20 Apr;
   * A 3 days Mon 20 .. Wed 22 (0-3); B 4 days (its actual start set, then
   * cleared) FS A: 3-7, Thu 23, Fri 24, Mon 27, Tue 28; C 1 day SS B -2:
   * 1-2, Tue 21. The finish is B's, Tue 28 Apr. */
  text = entries_text (p, 0);
  g_assert_cmpstr (text, ==,
                   "plan-start-set start=2026-04-21\n"
                   "plan-start-set start=2026-04-20\n"
                   "plan-calendar-set\n"
                   "task-added task=A\n"
                   "task-added task=B\n"
                   "task-added task=C\n"
                   "dependency-added predecessor=A successor=B type=finish-start lag=0\n"
                   "dependency-added predecessor=B successor=C type=start-start lag=-2\n"
                   "task-changed task=B property=duration value=4\n"
                   "task-changed task=B property=effort-minutes value=750\n"
                   "task-changed task=B property=kind value=inspection\n"
                   "task-changed task=B property=risk-ids value=[\"R1\",\"R2\"]\n"
                   "task-changed task=B property=actual-start value=2026-04-21\n"
                   "task-changed task=B property=actual-start value=null\n"
                   "task-changed task=B property=zone value=Atelier 2\n"
                   "task-changed task=B property=zone value=null\n"
                   "baseline-saved baseline=contract finish=2026-04-28\n"
                   "dependency-removed predecessor=B successor=C type=start-start lag=-2\n"
                   "task-removed task=C\n");

  /* the details of the whole ones */
  {
    g_autoptr(GPtrArray) entries = plan_entries (p);
    AffJournalEntry *cal_entry = g_ptr_array_index (entries, 2);
    AffJournalEntry *added = g_ptr_array_index (entries, 3);
    g_autofree char *calendar = aff_journal_entry_dup_detail (cal_entry, "calendar");
    g_autofree char *value = aff_journal_entry_dup_detail (added, "value");

    g_assert_nonnull (strstr (calendar, "\"french\":false"));
    g_assert_nonnull (strstr (value, "\"effort_minutes\":750"));
    g_assert_nonnull (strstr (value, "\"duration\":3"));
    g_assert_nonnull (strstr (value, "\"id\":\"A\""));
  }
  verify_journal (p);

  /* a standalone plan journals nothing, whatever is done to it */
  n = aff_journal_get_n_entries (journal);
  {
    g_autoptr(AffPlan) alone = new_plain_plan (20260302);

    add (alone, "X", 1);
    add (alone, "Y", 1);
    depend (alone, "X", "Y", FS, 0);
    aff_task_set_zone (task (alone, "X"), "Z");
    aff_plan_set_start (alone, tue);
    schedule (alone);
    ASSERT_OK (aff_plan_save_baseline (alone, "b", &error));
    ASSERT_OK (aff_plan_remove_dependency (alone, "X", "Y", &error));
    ASSERT_OK (aff_plan_remove_task (alone, "Y", &error));
    /* the task removed from the affair's plan, in a standalone one */
    ASSERT_OK (aff_plan_add_task (alone, removed, &error));
    aff_task_set_progress (removed, 50);
  }
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n);

  /* refused changes and criticals journal nothing either */
  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  aff_task_set_progress (task (plan, "A"), 101);
  g_test_assert_expected_messages ();
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_plan_save_baseline (plan, "stale", &error));
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n);
  verify_journal (p);
}

/* ---- baselines and slips --------------------------------------------------------------- */

static void
test_baselines (void)
{
  g_autoptr(AffPlan) plan = build_textbook (FALSE);
  g_autoptr(GPtrArray) slips = NULL;
  g_auto(GStrv) names = NULL;
  GString *s;
  g_autofree char *text = NULL;

  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_plan_save_baseline (plan, "contract", &error));
  schedule (plan);
  ASSERT_OK (aff_plan_save_baseline (plan, "contract", &error));
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_plan_compare_to_baseline (plan, "nope", &error) != NULL);
  {
    g_autoptr(GError) error = NULL;

    slips = aff_plan_compare_to_baseline (plan, "contract", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (slips->len, ==, 0);
    g_clear_pointer (&slips, g_ptr_array_unref);
  }

  /* The electrical work I takes 10 weeks instead of 7: it had 2 of float,
   * so it delays J by one: I 16-26, J max(F 25, I 26) = 26-34, K 34-38,
   * L 34-39, N 39-45, FINISH 45; A .. H and M do not move.
   * I: start Tue 24 Mar as before; finish day 25 Mon 6 Apr instead of day
   * 22 Wed 1 Apr: 3 working days later.
   * J: Mon 6 -> Tue 7 Apr, Wed 15 -> Thu 16: one day each.
   * K: Thu 16 -> Fri 17, Tue 21 -> Wed 22. L: Thu 16 -> Fri 17, Wed 22 ->
   * Thu 23. N: Thu 23 -> Fri 24, Thu 30 Apr -> Fri 1 May. FINISH (a
   * milestone): Thu 30 Apr -> Fri 1 May. */
  aff_task_set_duration (task (plan, "I"), 10);
  schedule (plan);
  assert_date (aff_plan_get_finish (plan), 2026, 5, 1);
  {
    g_autoptr(GError) error = NULL;

    slips = aff_plan_compare_to_baseline (plan, "contract", &error);
    g_assert_no_error (error);
  }
  s = g_string_new (NULL);
  for (guint i = 0; i < slips->len; i++)
    {
      AffSlip *x = g_ptr_array_index (slips, i);

      g_string_append_printf (s, "%s%s %u-%u -> %u-%u %+d %+d\n", aff_slip_get_task_id (x),
                              aff_slip_is_milestone (x) ? " (milestone)" : "",
                              ymd_of (aff_slip_get_baseline_start (x)), ymd_of (aff_slip_get_baseline_finish (x)),
                              ymd_of (aff_slip_get_start (x)), ymd_of (aff_slip_get_finish (x)),
                              aff_slip_get_start_slip (x), aff_slip_get_finish_slip (x));
    }
  text = g_string_free (s, FALSE);
  g_assert_cmpstr (text, ==,
                   "I 20260324-20260401 -> 20260324-20260406 +0 +3\n"
                   "J 20260406-20260415 -> 20260407-20260416 +1 +1\n"
                   "K 20260416-20260421 -> 20260417-20260422 +1 +1\n"
                   "L 20260416-20260422 -> 20260417-20260423 +1 +1\n"
                   "N 20260423-20260430 -> 20260424-20260501 +1 +1\n"
                   "FINISH (milestone) 20260430-20260430 -> 20260501-20260501 +1 +1\n");
  /* a copy is a copy */
  {
    g_autoptr(AffSlip) copy = aff_slip_copy (g_ptr_array_index (slips, 0));

    g_assert_cmpstr (aff_slip_get_task_id (copy), ==, "I");
    g_assert_cmpint (aff_slip_get_finish_slip (copy), ==, 3);
  }
  g_clear_pointer (&slips, g_ptr_array_unref);
  ASSERT_OK (aff_plan_save_baseline (plan, "replan", &error));
  names = aff_plan_list_baselines (plan);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "contract");
  g_assert_cmpstr (names[1], ==, "replan");

  /* the plan starts a week earlier, Mon 23 Feb 2026: everything is 5
   * working days earlier than 'replan' (negative slips), and A's dates
   * are Mon 23, Tue 24 Feb; a task removed since is not listed (M) */
  {
    g_autoptr(GDate) earlier = day (2026, 2, 23);
    g_autoptr(GError) error = NULL;
    AffSlip *x;

    ASSERT_OK (aff_plan_remove_task (plan, "M", &error));
    aff_plan_set_start (plan, earlier);
    schedule (plan);
    slips = aff_plan_compare_to_baseline (plan, "replan", &error);
    g_assert_no_error (error);
    /* 16 tasks less M */
    g_assert_cmpuint (slips->len, ==, 15);
    for (guint i = 0; i < slips->len; i++)
      {
        x = g_ptr_array_index (slips, i);
        g_assert_cmpstr (aff_slip_get_task_id (x), !=, "M");
        g_assert_cmpint (aff_slip_get_start_slip (x), ==, -5);
        g_assert_cmpint (aff_slip_get_finish_slip (x), ==, -5);
      }
    x = g_ptr_array_index (slips, 1);
    g_assert_cmpstr (aff_slip_get_task_id (x), ==, "A");
    assert_date (aff_slip_get_start (x), 2026, 2, 23);
    assert_date (aff_slip_get_finish (x), 2026, 2, 24);
    g_clear_pointer (&slips, g_ptr_array_unref);
  }
}

/* ---- robustness -------------------------------------------------------------------- */

/* 9999-12-31 is a Friday: the Gregorian calendar repeats every 400 years
 * (146097 days, whole weeks), so it falls on the weekday of 1999-12-31, the
 * day before Sat 1 Jan 2000. Mon 27 .. Fri 31 Dec 9999 is the last week. */
static void
test_near_year_9999 (void)
{
  g_autoptr(AffCalendar) pl = aff_calendar_new ();
  g_autoptr(AffCalendar) fr = aff_calendar_new_french (FALSE);
  g_autoptr(GDate) last = ymd (99991231);
  g_autoptr(GDate) first = ymd (10101);
  g_autoptr(AffPlan) plan = new_plain_plan (99991227);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (g_date_get_weekday (last), ==, G_DATE_FRIDAY);
  g_assert_true (aff_calendar_is_working_day (pl, last));
  /* 31 Dec is not a French holiday (25 Dec 9999 is a Saturday) */
  g_assert_true (aff_calendar_is_working_day (fr, last));
  g_assert_cmpuint (count_days (pl, 99991227, 99991231), ==, 5);
  g_assert_cmpuint (count_days (fr, 99991227, 99991231), ==, 5);
  g_assert_cmpuint (add_days (pl, 99991230, 1), ==, 99991231);
  g_assert_cmpuint (add_days (pl, 99991227, 4), ==, 99991231);
  g_assert_cmpuint (add_days (pl, 99991231, 0), ==, 99991231);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GDate) beyond = aff_calendar_add_working_days (pl, last, 1, &error);

    g_assert_null (beyond);
    g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  }
  /* the other end: 1 Jan of year 1 was a Monday (Julian day 1) */
  g_assert_cmpint (g_date_get_weekday (first), ==, G_DATE_MONDAY);
  g_assert_cmpuint (add_days (pl, 10102, -1), ==, 10101);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GDate) before_one = aff_calendar_add_working_days (pl, first, -1, &error);

    g_assert_null (before_one);
    g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  }

  /* a plan of 4 days from Mon 27 Dec 9999: Mon 27 .. Thu 30 */
  add (plan, "T", 4);
  schedule (plan);
  check (plan, &(Expect) { "T", 99991227, 99991230, 99991227, 99991230, 0, 0 });
  assert_date (aff_plan_get_finish (plan), 9999, 12, 30);
  before = snapshot (plan);

  /* 6 days would end on Mon 3 Jan 10000: refused, the last schedule stays */
  aff_task_set_duration (task (plan, "T"), 6);
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_plan_schedule (plan, &error));
  g_assert_false (aff_plan_is_scheduled (plan));
  after = snapshot (plan);
  g_assert_cmpstr (after, ==, before);
  assert_date (aff_plan_get_finish (plan), 9999, 12, 30);

  /* a lag that passes 9999: T of 1 day (Mon 27), U FS T +10 would start
   * on boundary 11, in January 10000: refused the same way; U was never
   * scheduled, T keeps the figures of the last schedule */
  aff_task_set_duration (task (plan, "T"), 1);
  add (plan, "U", 1);
  depend (plan, "T", "U", FS, 10);
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_plan_schedule (plan, &error));
  check (plan, &(Expect) { "T", 99991227, 99991230, 99991227, 99991230, 0, 0 });
  g_assert_false (aff_task_is_scheduled (task (plan, "U")));
  g_assert_null (aff_task_get_early_start (task (plan, "U")));
  assert_date (aff_plan_get_finish (plan), 9999, 12, 30);
}

/* A plan that ends on 9999-12-31 itself is within years 1 to 9999. */
static void
test_finish_on_last_day (void)
{
  /* Mon 27 .. Fri 31 Dec 9999: 5 days */
  g_autoptr(AffPlan) plan = new_plain_plan (99991227);

  g_test_set_nonfatal_assertions ();
  add (plan, "T", 5);
  schedule_nonfatal (plan);
  check (plan, &(Expect) { "T", 99991227, 99991231, 99991227, 99991231, 0, 0 });
  g_assert_cmpuint (ymd_of (aff_plan_get_finish (plan)), ==, 99991231);
}

/* A plan starting on 9999-12-31, a Friday, with a task of one day. */
static void
test_start_on_last_day (void)
{
  g_autoptr(AffPlan) plan = new_plain_plan (99991231);

  g_test_set_nonfatal_assertions ();
  add (plan, "T", 1);
  schedule_nonfatal (plan);
  check_early (plan, "T", 99991231, 99991231);
  g_assert_cmpuint (ymd_of (aff_plan_get_finish (plan)), ==, 99991231);
}

static void
test_long_durations_and_lags (void)
{
  /* The plain calendar from Mon 2 Mar 2026. 100000 working days are 20000
   * whole weeks, 140000 days.
   * T 100000 days: boundaries 0-100000, days 0 .. 99999: the last is the
   * Friday of the 20000th week, Mon 2 Mar 2026 + 139997 days. From 2 Mar
   * 2026 to 2 Mar 2409: 383 x 365 = 139795 days plus the 29 Februaries of
   * 2028 .. 2408: 96 multiples of 4, less 2100, 2200 and 2300 = 93:
   * 139888. 139997 - 139888 = 109 days after 2 Mar 2409: 29 to 31 Mar,
   * 30 to 30 Apr, 31 to 31 May, 19 more: Fri 19 Jun 2409.
   * U 1 day FS T -100000: starts on 100000 - 100000 = 0, Mon 2 Mar 2026.
   * W 1 day (Mon 2 Mar 2026, 0-1), V 1 day FS W +100000: starts on 100001,
   * 140001 days after Mon 2 Mar 2026: Tue 23 Jun 2409, the plan's end
   * (100002).
   * X 1 day SS T -100000: would start on -100000: with the plan, Mon 2 Mar.
   * Floats: T may end with the plan (100002), 2 days later (U's late start
   * 100001 + 100000 is far beyond); X ends the plan's end too: 100002 - 1 =
   * 100001 days of float. */
  g_autoptr(AffPlan) plan = new_plain_plan (20260302);

  add (plan, "T", 100000);
  add (plan, "U", 1);
  add (plan, "W", 1);
  add (plan, "V", 1);
  add (plan, "X", 1);
  depend (plan, "T", "U", FS, -100000);
  depend (plan, "W", "V", FS, 100000);
  depend (plan, "T", "X", SS, -100000);
  schedule (plan);
  check_early (plan, "T", 20260302, 24090619);
  check_early (plan, "U", 20260302, 20260302);
  check_early (plan, "W", 20260302, 20260302);
  check_early (plan, "V", 24090623, 24090623);
  check_early (plan, "X", 20260302, 20260302);
  assert_date (aff_plan_get_finish (plan), 2409, 6, 23);
  g_assert_cmpint (aff_task_get_total_float (task (plan, "T")), ==, 2);
  g_assert_cmpint (aff_task_get_total_float (task (plan, "X")), ==, 100001);
  g_assert_cmpint (aff_task_get_total_float (task (plan, "V")), ==, 0);
  g_assert_cmpint (aff_task_get_total_float (task (plan, "W")), ==, 0);
  /* a task cannot be longer, a lag not farther */
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_plan_add_dependency (plan, "U", "V", FS, 100001, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_plan_add_dependency (plan, "U", "V", SS, -100001, &error));

  /* a chain of 21 tasks of 100000 days with lags of 100000: 4.1 million
   * working days, about 16000 years: beyond 9999, refused; nothing was
   * scheduled before, nothing is now */
  {
    g_autoptr(AffPlan) far = new_plain_plan (20260302);
    char id[8], prev[8];

    for (guint i = 0; i < 21; i++)
      {
        g_snprintf (id, sizeof id, "T%u", i);
        add (far, id, 100000);
        if (i > 0)
          depend (far, prev, id, FS, 100000);
        memcpy (prev, id, sizeof id);
      }
    ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_plan_schedule (far, &error));
    g_assert_false (aff_task_is_scheduled (task (far, "T0")));
    g_assert_null (aff_plan_get_finish (far));
  }
}

static void
test_empty_plan (void)
{
  /* no task: the plan finishes on its start, Wed 4 Mar 2026 */
  g_autoptr(AffPlan) plan = new_plain_plan (20260304);
  g_autoptr(GPtrArray) path = NULL;
  g_autoptr(GPtrArray) violations = NULL;
  g_autoptr(GPtrArray) slips = NULL;
  g_autoptr(GPtrArray) deps = NULL;

  schedule (plan);
  assert_date (aff_plan_get_finish (plan), 2026, 3, 4);
  path = aff_plan_get_critical_path (plan);
  violations = aff_plan_get_violations (plan);
  deps = aff_plan_get_dependencies (plan);
  g_assert_cmpuint (path->len, ==, 0);
  g_assert_cmpuint (violations->len, ==, 0);
  g_assert_cmpuint (deps->len, ==, 0);
  ASSERT_OK (aff_plan_save_baseline (plan, "empty", &error));
  {
    g_autoptr(GError) error = NULL;

    slips = aff_plan_compare_to_baseline (plan, "empty", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (slips->len, ==, 0);
  }
  /* no start: refused */
  {
    g_autoptr(AffPlan) no_start = aff_plan_new ();

    g_assert_null (aff_plan_get_start (no_start));
    ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_plan_schedule (no_start, &error));
    g_assert_false (aff_plan_is_scheduled (no_start));
  }
}

static void
test_null_arguments (void)
{
  g_autoptr(AffPlan) plan = new_plain_plan (20260302);
  g_autoptr(AffCalendar) cal = aff_calendar_new ();
  AffTask *t = add (plan, "T", 1);
  g_autoptr(GError) error = NULL;

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  aff_plan_set_start (plan, NULL);
  g_test_assert_expected_messages ();
  assert_date (aff_plan_get_start (plan), 2026, 3, 2);

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_false (aff_plan_add_task (plan, NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, 1);

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_null (aff_plan_lookup_task (plan, NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_null (aff_task_new (NULL, "no id", 1));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  aff_plan_set_calendar (plan, NULL);
  g_test_assert_expected_messages ();
  g_assert_nonnull (aff_plan_get_calendar (plan));

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_false (aff_calendar_is_working_day (cal, NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_null (aff_plan_compare_to_baseline (plan, NULL, &error));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  aff_task_set_duration (t, 100001);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (aff_task_get_duration (t), ==, 1);

  /* a NULL id is not found, not a crash */
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_plan_remove_task (plan, NULL, &error));
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_plan_add_dependency (plan, NULL, "T", FS, 0, &error));
}

/* ---- the document ----------------------------------------------------------------------- */

/* The affair's plan of the round trip, on a plain calendar with Fri 1 May
 * 2026 off (a holiday of the calendar) and Sat 25 Apr worked. Working days
 * from the signed day, Mon 20 Apr 2026:
 *   0 Mon 20  1 Tue 21  2 Wed 22  3 Thu 23  4 Fri 24  5 Sat 25  6 Mon 27
 *   7 Tue 28  8 Wed 29  9 Thu 30  (Fri 1 May off)  10 Mon 4 May  11 Tue 5
 * (Fri 8 May is worked on this calendar, not a French one.)
 * The tasks, added backwards (so the plan is not in topological order):
 *   T1 5 days: 0-5, Mon 20 .. Fri 24.
 *   T2 3 days, SS T1 +1 and not before Wed 22: 2-5, Wed 22 .. Fri 24.
 *   M  FS T1: at 5, the end of Fri 24.
 *   T3 2 days, FS M and FF T2 +2 (finish >= 7): 5-7, Sat 25, Mon 27; due by
 *      Sat 25 (the end of Sat 25 is boundary 6): 1 day missed.
 *   T4 1 day, SF T1 +2 (finish >= 2): 1-2, Tue 21.
 *   T5 4 days, FS T3: 7-11, Tue 28, Wed 29, Thu 30, Mon 4 May: the end.
 */
static void
build_document_plan (AffPlan *plan)
{
  g_autoptr(AffCalendar) cal = aff_calendar_new ();
  g_autoptr(GDate) may1 = day (2026, 5, 1);
  g_autoptr(GDate) sat = day (2026, 4, 25);
  const char *risks[] = { "R1", "R2", NULL };
  AffTask *t1, *t2, *t3;

  ASSERT_OK (aff_calendar_add_holiday (cal, may1, "Fête du site", &error));
  ASSERT_OK (aff_calendar_add_exception (cal, sat, sat, TRUE, "Rattrapage", &error));
  aff_plan_set_calendar (plan, cal);
  add (plan, "T5", 4);
  t3 = add (plan, "T3", 2);
  add (plan, "M", 0);
  t2 = add (plan, "T2", 3);
  t1 = add (plan, "T1", 5);
  add (plan, "T4", 1);
  depend (plan, "T1", "T2", SS, 1);
  depend (plan, "T1", "M", FS, 0);
  depend (plan, "M", "T3", FS, 0);
  depend (plan, "T2", "T3", FF, 2);
  depend (plan, "T1", "T4", SF, 2);
  depend (plan, "T3", "T5", FS, 0);
  aff_task_set_kind (t1, AFF_TASK_KIND_PURCHASE);
  aff_task_set_party (t1, AFF_PARTY_SUPPLIER);
  aff_task_set_party_name (t1, "Inox Services");
  aff_task_set_deliverable (t1, "Tubes livrés");
  aff_task_set_effort_minutes (t1, 750);
  aff_task_set_progress (t1, 40);
  set_date (t1, aff_task_set_actual_start, 20260420);
  aff_task_set_zone (t2, "Atelier 2");
  aff_task_set_risk_ids (t2, risks);
  set_date (t2, aff_task_set_start_no_earlier_than, 20260422);
  set_date (t3, aff_task_set_finish_no_later_than, 20260425);
}

static const Expect document_expected[] = {
  { "T1", 20260420, 20260424, 0, 0, 0, 0 },
  { "T2", 20260422, 20260424, 0, 0, 0, 0 },
  { "M", 20260424, 20260424, 0, 0, 0, 0 },
  { "T3", 20260425, 20260427, 0, 0, 0, 0 },
  { "T4", 20260421, 20260421, 0, 0, 0, 0 },
  { "T5", 20260428, 20260504, 0, 0, 0, 0 },
};

static void
check_document_schedule (AffPlan *plan)
{
  g_autoptr(GPtrArray) violations = aff_plan_get_violations (plan);
  AffViolation *v;

  for (guint i = 0; i < G_N_ELEMENTS (document_expected); i++)
    check_early (plan, document_expected[i].id, document_expected[i].es, document_expected[i].ef);
  assert_date (aff_plan_get_finish (plan), 2026, 5, 4);
  g_assert_cmpuint (violations->len, ==, 1);
  v = g_ptr_array_index (violations, 0);
  g_assert_cmpstr (aff_violation_get_task_id (v), ==, "T3");
  assert_date (aff_violation_get_deadline (v), 2026, 4, 25);
  assert_date (aff_violation_get_finish (v), 2026, 4, 27);
  g_assert_cmpint (aff_violation_get_days_missed (v), ==, 1);
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
  g_autofree char *ids = NULL;
  g_autofree char *deps1 = NULL;
  g_autofree char *deps2 = NULL;
  g_auto(GStrv) baselines = NULL;
  AffPlan *plan = aff_affair_get_plan (affair);
  AffPlan *loaded;
  AffCalendar *cal;
  AffTask *t1, *t2;
  g_autoptr(GDate) may1 = day (2026, 5, 1);
  g_autoptr(GDate) may8 = day (2026, 5, 8);
  g_autoptr(GDate) sat = day (2026, 4, 25);

  build_document_plan (plan);
  schedule (plan);
  check_document_schedule (plan);
  ASSERT_OK (aff_plan_save_baseline (plan, "contract", &error));

  text = aff_portfolio_to_data (p, NULL);
  q = aff_portfolio_new_from_data (text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (q);
  text2 = aff_portfolio_to_data (q, NULL);
  g_assert_cmpstr (text2, ==, text);
  verify_journal (q);

  loaded = aff_affair_get_plan (aff_portfolio_lookup_affair (q, "OFF-1"));
  g_assert_true (loaded != plan);
  assert_date (aff_plan_get_start (loaded), 2026, 4, 20);
  ids = model_ids (aff_plan_get_tasks (loaded));
  g_assert_cmpstr (ids, ==, "T5 T3 M T2 T1 T4");
  deps1 = deps_of (plan);
  deps2 = deps_of (loaded);
  g_assert_cmpstr (deps2, ==, deps1);
  g_assert_cmpstr (deps2, ==, "T1>T2:1:1 T1>M:0:0 M>T3:0:0 T2>T3:2:2 T1>T4:3:2 T3>T5:0:0");
  baselines = aff_plan_list_baselines (loaded);
  g_assert_cmpuint (g_strv_length (baselines), ==, 1);
  g_assert_cmpstr (baselines[0], ==, "contract");

  /* the calendar, whole */
  cal = aff_plan_get_calendar (loaded);
  g_assert_false (aff_calendar_get_french (cal));
  g_assert_false (aff_calendar_is_working_day (cal, may1));
  g_assert_cmpstr (aff_calendar_get_day_name (cal, may1), ==, "Fête du site");
  g_assert_true (aff_calendar_is_working_day (cal, may8));
  g_assert_true (aff_calendar_is_working_day (cal, sat));
  g_assert_cmpstr (aff_calendar_get_day_name (cal, sat), ==, "Rattrapage");

  /* the tasks, whole */
  t1 = task (loaded, "T1");
  t2 = task (loaded, "T2");
  g_assert_cmpstr (aff_task_get_name (t1), ==, "T1");
  g_assert_cmpuint (aff_task_get_duration (t1), ==, 5);
  g_assert_cmpint (aff_task_get_kind (t1), ==, AFF_TASK_KIND_PURCHASE);
  g_assert_cmpint (aff_task_get_party (t1), ==, AFF_PARTY_SUPPLIER);
  g_assert_cmpstr (aff_task_get_party_name (t1), ==, "Inox Services");
  g_assert_cmpstr (aff_task_get_deliverable (t1), ==, "Tubes livrés");
  g_assert_cmpuint (aff_task_get_effort_minutes (t1), ==, 750);
  g_assert_cmpfloat (aff_task_get_effort_hours (t1), ==, 12.5);
  g_assert_cmpuint (aff_task_get_progress (t1), ==, 40);
  g_assert_cmpuint (ymd_of (aff_task_get_actual_start (t1)), ==, 20260420);
  g_assert_null (aff_task_get_actual_finish (t1));
  g_assert_cmpstr (aff_task_get_zone (t2), ==, "Atelier 2");
  g_assert_cmpuint (g_strv_length ((char **) aff_task_get_risk_ids (t2)), ==, 2);
  g_assert_cmpstr (aff_task_get_risk_ids (t2)[1], ==, "R2");
  g_assert_cmpuint (ymd_of (aff_task_get_start_no_earlier_than (t2)), ==, 20260422);
  g_assert_cmpuint (ymd_of (aff_task_get_finish_no_later_than (task (loaded, "T3"))), ==, 20260425);
  g_assert_cmpint (aff_task_get_kind (task (loaded, "M")), ==, AFF_TASK_KIND_MILESTONE);

  /* loaded, not scheduled; once scheduled, the same hand-made dates and no
   * slip against the saved baseline */
  g_assert_false (aff_plan_is_scheduled (loaded));
  g_assert_null (aff_plan_get_finish (loaded));
  schedule (loaded);
  check_document_schedule (loaded);
  {
    g_autoptr(GPtrArray) slips = aff_plan_compare_to_baseline (loaded, "contract", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (slips->len, ==, 0);
  }
}

/* The plan member of the first affair of @text changed by @edit, then
 * loaded: refused, the message naming @path. */
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

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  affair = json_array_get_object_element (json_object_get_array_member (root, "affairs"), 0);
  edit (json_object_get_object_member (affair, "plan"));
  json_generator_set_root (generator, json_parser_get_root (parser));
  changed = json_generator_to_data (generator, NULL);
  q = aff_portfolio_new_from_data (changed, -1, &error);
  g_assert_null (q);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT);
  if (strstr (error->message, path) == NULL)
    g_error ("expected the path %s in: %s", path, error->message);
  /* the path names the member itself, not a longer one */
  {
    const char *at = strstr (error->message, path);
    char next = at[strlen (path)];

    g_assert_true (next == ':' || next == ' ' || next == '\0');
  }
}

static JsonObject *
dependency (JsonObject *plan,
            guint       i)
{
  return json_array_get_object_element (json_object_get_array_member (plan, "dependencies"), i);
}

static JsonObject *
plan_task (JsonObject *plan,
           guint       i)
{
  return json_array_get_object_element (json_object_get_array_member (plan, "tasks"), i);
}

static void
edit_unknown_successor (JsonObject *plan)
{
  json_object_set_string_member (dependency (plan, 0), "successor", "NOPE");
}

static void
edit_unknown_predecessor (JsonObject *plan)
{
  json_object_set_string_member (dependency (plan, 2), "predecessor", "NOPE");
}

static void
edit_lag (JsonObject *plan)
{
  json_object_set_int_member (dependency (plan, 1), "lag", 100001);
}

static void
edit_type (JsonObject *plan)
{
  json_object_set_string_member (dependency (plan, 0), "type", "finish-later");
}

static void
edit_self_dependency (JsonObject *plan)
{
  json_object_set_string_member (dependency (plan, 1), "successor", "T1");
}

static void
edit_same_pair (JsonObject *plan)
{
  /* dependency 4, T1 -> T4, becomes T1 -> T2, as dependency 0 */
  json_object_set_string_member (dependency (plan, 4), "successor", "T2");
}

static void
edit_duplicate_task (JsonObject *plan)
{
  json_object_set_string_member (plan_task (plan, 1), "id", "T5");
}

static void
edit_duration (JsonObject *plan)
{
  json_object_set_int_member (plan_task (plan, 4), "duration", 100001);
}

static void
edit_progress (JsonObject *plan)
{
  json_object_set_int_member (plan_task (plan, 0), "progress", 101);
}

static void
edit_task_member (JsonObject *plan)
{
  json_object_set_double_member (plan_task (plan, 4), "effort_hours", 12.5);
}

static void
edit_plan_member (JsonObject *plan)
{
  json_object_set_string_member (plan, "finish", "2026-05-04");
}

static void
edit_baseline_name (JsonObject *plan)
{
  JsonArray *baselines = json_object_get_array_member (plan, "baselines");
  JsonNode *copy = json_node_copy (json_array_get_element (baselines, 0));

  json_array_add_element (baselines, copy);
}

static void
edit_baseline_date (JsonObject *plan)
{
  JsonObject *baseline = json_array_get_object_element (json_object_get_array_member (plan, "baselines"), 0);
  JsonObject *item = json_array_get_object_element (json_object_get_array_member (baseline, "tasks"), 2);

  json_object_set_string_member (item, "finish", "2026-02-30");
}

static void
edit_holiday (JsonObject *plan)
{
  JsonObject *cal = json_object_get_object_member (plan, "calendar");
  JsonObject *holiday = json_array_get_object_element (json_object_get_array_member (cal, "holidays"), 0);

  json_object_set_string_member (holiday, "date", "not a date");
}

static void
edit_start (JsonObject *plan)
{
  json_object_set_int_member (plan, "start", 20260420);
}

static void
test_document_invalid (void)
{
  AffAffair *affair = NULL;
  g_autoptr(AffPortfolio) p = new_affair_portfolio (&affair);
  AffPlan *plan = aff_affair_get_plan (affair);
  g_autofree char *text = NULL;

  /* the saved plan: tasks T5 T3 M T2 T1 T4, dependencies T1>T2 T1>M M>T3
   * T2>T3 T1>T4 T3>T5, one baseline, one calendar holiday */
  build_document_plan (plan);
  schedule (plan);
  ASSERT_OK (aff_plan_save_baseline (plan, "contract", &error));
  text = aff_portfolio_to_data (p, NULL);
  /* the untouched document loads */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AffPortfolio) q = aff_portfolio_new_from_data (text, -1, &error);

    g_assert_no_error (error);
    g_assert_nonnull (q);
  }

  expect_invalid_plan (text, edit_unknown_successor, "$.affairs[0].plan.dependencies[0].successor");
  expect_invalid_plan (text, edit_unknown_predecessor, "$.affairs[0].plan.dependencies[2].predecessor");
  expect_invalid_plan (text, edit_lag, "$.affairs[0].plan.dependencies[1].lag");
  expect_invalid_plan (text, edit_type, "$.affairs[0].plan.dependencies[0].type");
  expect_invalid_plan (text, edit_self_dependency, "$.affairs[0].plan.dependencies[1]");
  expect_invalid_plan (text, edit_same_pair, "$.affairs[0].plan.dependencies[4]");
  expect_invalid_plan (text, edit_duplicate_task, "$.affairs[0].plan.tasks[1].id");
  expect_invalid_plan (text, edit_duration, "$.affairs[0].plan.tasks[4].duration");
  expect_invalid_plan (text, edit_progress, "$.affairs[0].plan.tasks[0].progress");
  expect_invalid_plan (text, edit_task_member, "$.affairs[0].plan.tasks[4].effort_hours");
  expect_invalid_plan (text, edit_plan_member, "$.affairs[0].plan.finish");
  expect_invalid_plan (text, edit_baseline_name, "$.affairs[0].plan.baselines[1].name");
  expect_invalid_plan (text, edit_baseline_date, "$.affairs[0].plan.baselines[0].tasks[2].finish");
  expect_invalid_plan (text, edit_holiday, "$.affairs[0].plan.calendar.holidays[0].date");
  expect_invalid_plan (text, edit_start, "$.affairs[0].plan.start");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/planning/textbook/reliable-construction", test_textbook_network);
  g_test_add_func ("/planning/textbook/reversed-order", test_textbook_reversed);
  g_test_add_func ("/planning/dependency/finish-start", test_dependency_finish_start);
  g_test_add_func ("/planning/dependency/start-start", test_dependency_start_start);
  g_test_add_func ("/planning/dependency/finish-finish", test_dependency_finish_finish);
  g_test_add_func ("/planning/dependency/start-finish", test_dependency_start_finish);
  g_test_add_func ("/planning/dependency/mixed", test_dependency_mixed);
  g_test_add_func ("/planning/milestone/sides", test_milestones);
  g_test_add_func ("/planning/milestone/ends-plan", test_milestone_ends_plan);
  g_test_add_func ("/planning/calendar/french-2024-2030", test_french_holidays);
  g_test_add_func ("/planning/calendar/alsace-moselle-2024-2030", test_alsace_moselle_holidays);
  g_test_add_func ("/planning/calendar/ten-years", test_ten_years);
  g_test_add_func ("/planning/calendar/shared-rules", test_shared_rules);
  g_test_add_func ("/planning/calendar/four-centuries", test_four_centuries);
  g_test_add_func ("/planning/cycle/in-order", test_cycle_in_order);
  g_test_add_func ("/planning/cycle/two-cycles", test_two_cycles);
  g_test_add_func ("/planning/cycle/out-of-order", test_cycle_out_of_order);
  g_test_add_func ("/planning/constraint/start-no-earlier-than", test_start_no_earlier_than);
  g_test_add_func ("/planning/constraint/finish-no-later-than", test_finish_no_later_than);
  g_test_add_func ("/planning/constraint/actual-dates", test_actual_dates);
  g_test_add_func ("/planning/model/items-changed", test_list_model);
  g_test_add_func ("/planning/model/remove-keeps-links", test_remove_keeps_links);
  g_test_add_func ("/planning/model/task-notify", test_task_notify);
  g_test_add_func ("/planning/affair/journal", test_affair_journal);
  g_test_add_func ("/planning/baseline/slips", test_baselines);
  g_test_add_func ("/planning/robustness/near-9999", test_near_year_9999);
  g_test_add_func ("/planning/robustness/long-durations-and-lags", test_long_durations_and_lags);
  g_test_add_func ("/planning/robustness/empty-plan", test_empty_plan);
  g_test_add_func ("/planning/robustness/null-arguments", test_null_arguments);
  g_test_add_func ("/planning/document/round-trip", test_document_round_trip);
  g_test_add_func ("/planning/document/invalid", test_document_invalid);
  /* last: cases where the library is expected to disagree (see the report
   * of the test author), so that the others always run */
  g_test_add_func ("/planning/limits/ascension-on-labour-day", test_ascension_on_labour_day);
  g_test_add_func ("/planning/limits/finish-on-9999-12-31", test_finish_on_last_day);
  g_test_add_func ("/planning/limits/start-on-9999-12-31", test_start_on_last_day);
  g_test_add_func ("/planning/limits/task-moved-to-another-plan", test_task_moved_to_another_plan);

  return g_test_run ();
}
