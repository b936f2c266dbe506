/* test-scheduler.c: the private critical-path engine of the planning module
 * (aff-scheduler.c): _aff_sched_rows_build (compressed rows, topological
 * order, cycles) and _aff_schedule_run (forward and backward passes on
 * working-day boundaries), without calendar or GObject.
 *
 * Boundaries: boundary k is the start of working day k; a task of d days
 * starting on boundary s finishes on boundary s + d. Every expected value is
 * worked out by hand beside it.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "aff-planning-private.h"

#define FS AFF_DEPENDENCY_TYPE_FINISH_START
#define SS AFF_DEPENDENCY_TYPE_START_START
#define FF AFF_DEPENDENCY_TYPE_FINISH_FINISH
#define SF AFF_DEPENDENCY_TYPE_START_FINISH

/* @n tasks of the given durations, from boundary 0, without deadline. */
static AffSchedTask *
tasks_new (guint         n,
           const gint32 *durations)
{
  AffSchedTask *tasks = g_new0 (AffSchedTask, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      tasks[i].duration = durations[i];
      tasks[i].earliest = 0;
      tasks[i].deadline = AFF_SCHED_FAR;
      tasks[i].pinned = FALSE;
      tasks[i].earliest_side = AFF_SIDE_START;
    }
  return tasks;
}

static AffSchedLink
make_link (guint32           pred,
           guint32           succ,
           AffDependencyType type,
           gint32            lag)
{
  AffSchedLink link;

  memset (&link, 0, sizeof link);
  link.pred = pred;
  link.succ = succ;
  link.type = type;
  link.lag = lag;
  return link;
}

/* Builds the rows and runs the schedule, which must have no cycle. */
static void
run (AffSchedRows       *rows,
     AffSchedule        *out,
     const AffSchedTask *tasks,
     guint               n,
     const AffSchedLink *links,
     guint               m)
{
  g_autoptr(GArray) cycle = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(AffSchedInput) input = _aff_sched_input_from_tasks (tasks, n);

  g_assert_true (_aff_sched_rows_build (rows, links, n, m, cycle));
  g_assert_cmpuint (cycle->len, ==, 0);
  g_assert_cmpuint (rows->n, ==, n);
  g_assert_cmpuint (rows->m, ==, m);
  _aff_schedule_run (input, rows, out);
  g_assert_cmpuint (out->n, ==, n);
}

/* One task's figures as a line, so that a failure names the task. */
static char *
line_of (const AffSchedule *s,
         guint              i)
{
  return g_strdup_printf ("%u: %d %d %d %d tf %d ff %d", i, s->es[i], s->ef[i], s->ls[i], s->lf[i],
                          s->ls[i] - s->es[i], s->free_float[i]);
}

static void
check (const AffSchedule *s,
       guint              i,
       gint32 es, gint32 ef, gint32 ls, gint32 lf, gint32 tf, gint32 ff)
{
  g_autofree char *got = line_of (s, i);
  g_autofree char *expected = g_strdup_printf ("%u: %d %d %d %d tf %d ff %d", i, es, ef, ls, lf, tf, ff);

  g_assert_cmpstr (got, ==, expected);
}

/* ---- the textbook network, in boundaries ---------------------------------- */

/* The Reliable Construction Co. project of F. S. Hillier and G. J.
 * Lieberman, "Introduction to Operations Research", chapter "Project
 * Management with PERT/CPM": 14 activities, durations in weeks, all
 * finish-to-start. With boundaries in weeks from 0, the book's slack table
 * is the engine's output as it is (ES, EF, LS, LF, slack); the free float
 * (not in the book) is worked out by hand: the earliest start of the
 * successors less EF, the project's end 44 for M: I 25 - 23 = 2, K 38 - 37
 * = 1, M 44 - 40 = 4, the others 0. */
enum { A, B, C, D, E, F, G, H, I, J, K, L, M, N, N_TEXTBOOK };

static const gint32 textbook_weeks[N_TEXTBOOK] = { 2, 4, 10, 6, 4, 5, 7, 9, 7, 8, 4, 5, 2, 6 };

static const guint32 textbook_links[][2] = {
  { A, B }, { B, C }, { C, D }, { C, E }, { E, F }, { D, G }, { E, H }, { G, H },
  { C, I }, { F, J }, { I, J }, { J, K }, { J, L }, { H, M }, { K, N }, { L, N },
};

static const gint32 textbook_figures[N_TEXTBOOK][6] = {
  /*        ES  EF  LS  LF  slack free */
  [A] = {  0,  2,  0,  2, 0, 0 },
  [B] = {  2,  6,  2,  6, 0, 0 },
  [C] = {  6, 16,  6, 16, 0, 0 },
  [D] = { 16, 22, 20, 26, 4, 0 },
  [E] = { 16, 20, 16, 20, 0, 0 },
  [F] = { 20, 25, 20, 25, 0, 0 },
  [G] = { 22, 29, 26, 33, 4, 0 },
  [H] = { 29, 38, 33, 42, 4, 0 },
  [I] = { 16, 23, 18, 25, 2, 2 },
  [J] = { 25, 33, 25, 33, 0, 0 },
  [K] = { 33, 37, 34, 38, 1, 1 },
  [L] = { 33, 38, 33, 38, 0, 0 },
  [M] = { 38, 40, 42, 44, 4, 4 },
  [N] = { 38, 44, 38, 44, 0, 0 },
};

/* The network with task k at position perm[k]. */
static void
run_textbook (const guint32 *perm,
              AffSchedRows  *rows,
              AffSchedule   *out)
{
  gint32 durations[N_TEXTBOOK];
  g_autofree AffSchedTask *tasks = NULL;
  AffSchedLink links[G_N_ELEMENTS (textbook_links)];

  for (guint k = 0; k < N_TEXTBOOK; k++)
    durations[perm[k]] = textbook_weeks[k];
  tasks = tasks_new (N_TEXTBOOK, durations);
  for (guint i = 0; i < G_N_ELEMENTS (textbook_links); i++)
    links[i] = make_link (perm[textbook_links[i][0]], perm[textbook_links[i][1]], FS, 0);
  run (rows, out, tasks, N_TEXTBOOK, links, G_N_ELEMENTS (links));
}

static void
check_textbook (const guint32     *perm,
                const AffSchedule *out)
{
  for (guint k = 0; k < N_TEXTBOOK; k++)
    {
      const gint32 *f = textbook_figures[k];

      check (out, perm[k], f[0], f[1], f[2], f[3], f[4], f[5]);
      g_assert_cmpint (out->kind[perm[k]], ==, AFF_SCHED_TASK);
    }
  /* 44 weeks; the days the dates fall on run from A's first, day 0, to the
   * last task's last, day 43 (the day before the end boundary 44) */
  g_assert_cmpint (out->finish, ==, 44);
  g_assert_cmpint (out->lowest, ==, 0);
  g_assert_cmpint (out->highest, ==, 43);
}

static void
test_textbook (void)
{
  g_autoptr(AffSchedRows) rows = _aff_sched_rows_new ();
  g_autoptr(AffSchedule) out = _aff_schedule_new ();
  guint32 identity[N_TEXTBOOK];

  for (guint k = 0; k < N_TEXTBOOK; k++)
    identity[k] = k;
  run_textbook (identity, rows, out);
  /* every link goes from an earlier task to a later one: the plan's order
   * is topological, no order is kept */
  g_assert_null (rows->order);
  check_textbook (identity, out);
  /* the rows: by predecessor, the successors side by side; C has three
   * (D, E, I), J two (K, L), N none */
  g_assert_cmpuint (rows->first[C + 1] - rows->first[C], ==, 3);
  g_assert_cmpuint (rows->first[J + 1] - rows->first[J], ==, 2);
  g_assert_cmpuint (rows->first[N + 1] - rows->first[N], ==, 0);
  g_assert_cmpuint (rows->first[N_TEXTBOOK], ==, G_N_ELEMENTS (textbook_links));
}

static void
test_textbook_kahn (void)
{
  g_autoptr(AffSchedRows) rows = _aff_sched_rows_new ();
  g_autoptr(AffSchedule) out = _aff_schedule_new ();
  /* a shuffle: N M L ... A backwards, then a few swapped, so that some
   * links go forwards and some backwards */
  static const guint32 perms[][N_TEXTBOOK] = {
    { 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
    { 5, 0, 13, 2, 9, 1, 12, 3, 7, 11, 4, 8, 6, 10 },
  };

  for (guint p = 0; p < G_N_ELEMENTS (perms); p++)
    {
      const guint32 *perm = perms[p];
      guint32 position[N_TEXTBOOK];

      run_textbook (perm, rows, out);
      /* the plan's order is not topological: the rows keep one */
      g_assert_nonnull (rows->order);
      /* a permutation where each predecessor comes before its successors */
      for (guint i = 0; i < N_TEXTBOOK; i++)
        position[i] = G_MAXUINT32;
      for (guint i = 0; i < N_TEXTBOOK; i++)
        {
          g_assert_cmpuint (rows->order[i], <, N_TEXTBOOK);
          g_assert_cmpuint (position[rows->order[i]], ==, G_MAXUINT32);
          position[rows->order[i]] = i;
        }
      for (guint i = 0; i < G_N_ELEMENTS (textbook_links); i++)
        g_assert_cmpuint (position[perm[textbook_links[i][0]]], <, position[perm[textbook_links[i][1]]]);
      check_textbook (perm, out);
    }

  /* the same rows used again for the plan in order: no order kept */
  {
    guint32 identity[N_TEXTBOOK];

    for (guint k = 0; k < N_TEXTBOOK; k++)
      identity[k] = k;
    run_textbook (identity, rows, out);
    g_assert_null (rows->order);
    check_textbook (identity, out);
  }
}

/* ---- cycles ------------------------------------------------------------------ */

/* @cycle is @ring, starting anywhere. */
static void
assert_ring (GArray        *cycle,
             const guint32 *ring,
             guint          n)
{
  guint start = n;

  g_assert_cmpuint (cycle->len, ==, n);
  for (guint i = 0; i < n; i++)
    if (ring[i] == g_array_index (cycle, guint32, 0))
      start = i;
  g_assert_cmpuint (start, <, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (cycle, guint32, i), ==, ring[(start + i) % n]);
}

static void
test_cycle (void)
{
  g_autoptr(AffSchedRows) rows = _aff_sched_rows_new ();
  g_autoptr(GArray) cycle = g_array_new (FALSE, FALSE, sizeof (guint32));
  /* 0 -> 1 -> 2 -> 3 -> 1, 3 -> 4, 5 -> 0: the cycle is 1 2 3, in the
   * links' direction; 0, 4 and 5 are outside it (0 and 5 before, 4 after) */
  AffSchedLink links[] = {
    make_link (0, 1, FS, 0), make_link (1, 2, SS, 1), make_link (2, 3, FF, -1),
    make_link (3, 1, SF, 2), make_link (3, 4, FS, 0), make_link (5, 0, FS, 0),
  };
  static const guint32 ring[] = { 1, 2, 3 };

  g_assert_false (_aff_sched_rows_build (rows, links, 6, G_N_ELEMENTS (links), cycle));
  assert_ring (cycle, ring, 3);

  /* without the closing link, the same rows build */
  g_array_set_size (cycle, 0);
  links[3] = make_link (1, 3, SF, 2);
  g_assert_true (_aff_sched_rows_build (rows, links, 6, G_N_ELEMENTS (links), cycle));
  g_assert_cmpuint (cycle->len, ==, 0);
  /* 5 -> 0 goes backwards: an order is kept, 5 before 0 */
  g_assert_nonnull (rows->order);
  g_assert_cmpuint (rows->order[0], ==, 5);
}

static void
test_two_cycles (void)
{
  g_autoptr(AffSchedRows) rows = _aff_sched_rows_new ();
  g_autoptr(GArray) cycle = g_array_new (FALSE, FALSE, sizeof (guint32));
  /* 0 <-> 2 and 1 -> 3 -> 4 -> 1, and 5 -> 0: one of the two, whole */
  AffSchedLink links[] = {
    make_link (0, 2, FS, 0), make_link (2, 0, FS, 0), make_link (1, 3, FS, 0),
    make_link (3, 4, FS, 0), make_link (4, 1, FS, 0), make_link (5, 0, FS, 0),
  };
  static const guint32 ring1[] = { 0, 2 };
  static const guint32 ring2[] = { 1, 3, 4 };

  g_assert_false (_aff_sched_rows_build (rows, links, 6, G_N_ELEMENTS (links), cycle));
  if (cycle->len == 2)
    assert_ring (cycle, ring1, 2);
  else
    assert_ring (cycle, ring2, 3);
}

/* ---- milestones, constraints ------------------------------------------------------------ */

static void
test_milestone_sides (void)
{
  g_autoptr(AffSchedRows) rows = _aff_sched_rows_new ();
  g_autoptr(AffSchedule) out = _aff_schedule_new ();
  /* 0 START: milestone, no predecessor: at 0, the start of day 0.
   * 1 task 3: 0-3.
   * 2 milestone FS 1: at 3, the end of day 2.
   * 3 milestone SS 1: at 0, the start of day 0 (1's start).
   * 4 task 1, earliest 3: 3-4.
   * 5 milestone FS 1 and SS 4: at 3 both, the end of day 2 and the start of
   *   day 3: the later, the start.
   * 6 task 2 FS 2 (the milestone at the end of day 2): 3-5.
   * 7 task 1 FS 0 (START): 0-1, the same day as START.
   * The end is 5 (task 6). Backward: 6 3-5 (tf 0); 2: 6's late start 3
   * (tf 0); 7: 4-5 (tf 4); START: 7's late start 4 (tf 4); 5: the end 5
   * (tf 2); 4: 5's late 5 - 0 + 1 = 6, the end 5 wins: 4-5 (tf 1); 3: the
   * end 5 (tf 5); 1: min(2's 3, 3's 5 + 3 = 8, 5's 5) = 3: 0-3 (tf 0). */
  static const gint32 durations[] = { 0, 3, 0, 0, 1, 0, 2, 1 };
  g_autofree AffSchedTask *tasks = tasks_new (8, durations);
  AffSchedLink links[] = {
    make_link (1, 2, FS, 0), make_link (1, 3, SS, 0), make_link (1, 5, FS, 0),
    make_link (4, 5, SS, 0), make_link (2, 6, FS, 0), make_link (0, 7, FS, 0),
  };

  tasks[4].earliest = 3;
  run (rows, out, tasks, 8, links, G_N_ELEMENTS (links));
  g_assert_null (rows->order);
  check (out, 0, 0, 0, 4, 4, 4, 0);
  check (out, 1, 0, 3, 0, 3, 0, 0);
  check (out, 2, 3, 3, 3, 3, 0, 0);
  check (out, 3, 0, 0, 5, 5, 5, 5);
  check (out, 4, 3, 4, 4, 5, 1, 0);
  check (out, 5, 3, 3, 5, 5, 2, 2);
  check (out, 6, 3, 5, 3, 5, 0, 0);
  check (out, 7, 0, 1, 4, 5, 4, 4);
  g_assert_cmpint (out->kind[0], ==, AFF_SCHED_MILESTONE_START);
  g_assert_cmpint (out->kind[1], ==, AFF_SCHED_TASK);
  g_assert_cmpint (out->kind[2], ==, AFF_SCHED_MILESTONE_END);
  g_assert_cmpint (out->kind[3], ==, AFF_SCHED_MILESTONE_START);
  g_assert_cmpint (out->kind[5], ==, AFF_SCHED_MILESTONE_START);
  g_assert_cmpint (out->kind[6], ==, AFF_SCHED_TASK);
  g_assert_cmpint (out->finish, ==, 5);
}

static void
test_deadline_and_pinned (void)
{
  g_autoptr(AffSchedRows) rows = _aff_sched_rows_new ();
  g_autoptr(AffSchedule) out = _aff_schedule_new ();
  /* 0 task 5: 0-5, due by boundary 3: late 3 - 5 = -2 .. 3, tf -2.
   * 1 task 2 FS 0 but pinned at 2 (it actually started): 2-4 whatever 0
   *   says. The end is 5. 1: late 3-5, tf 1. 0: min(deadline 3, 1's late
   *   start 3) = 3.
   * 2 milestone without predecessor at 0 (the start of day 0), due by
   *   boundary 0 (the end of day -1): a day late: late -1, tf -1.
   * Free floats are never negative. */
  static const gint32 durations[] = { 5, 2, 0 };
  g_autofree AffSchedTask *tasks = tasks_new (3, durations);
  AffSchedLink links[] = { make_link (0, 1, FS, 0) };

  tasks[0].deadline = 3;
  tasks[1].pinned = TRUE;
  tasks[1].earliest = 2;
  tasks[2].deadline = 0;
  run (rows, out, tasks, 3, links, 1);
  check (out, 0, 0, 5, -2, 3, -2, 0);
  check (out, 1, 2, 4, 3, 5, 1, 1);
  check (out, 2, 0, 0, -1, -1, -1, 0);
  g_assert_cmpint (out->finish, ==, 5);
  /* days: 0's late start -2 is the earliest; the latest is the last day
   * of 0 and of 1, day 4 (boundary 5 ends day 4) */
  g_assert_cmpint (out->lowest, ==, -2);
  g_assert_cmpint (out->highest, ==, 4);
}

static void
test_leads_and_lags (void)
{
  g_autoptr(AffSchedRows) rows = _aff_sched_rows_new ();
  g_autoptr(AffSchedule) out = _aff_schedule_new ();
  /* 0 task 4: 0-4.
   * 1 task 2 FS 0 -10: 4 - 10 = -6, below its earliest 0: 0-2.
   * 2 task 1 SS 0 +100000: 100000-100001, the end.
   * 3 task 3 FF 0 -1: finish >= 3, start >= 0: 0-3.
   * 4 task 2 SF 0 +5: finish >= 0 + 5: 3-5.
   * Backward (end 100001): 2 tf 0; 0: 2's late start 100000 - 100000 + 4 =
   * 4 (tf 0); 1: 99999-100001 (tf 99999); 3: the end (tf 99998); 4: the end
   * (tf 99996). */
  static const gint32 durations[] = { 4, 2, 1, 3, 2 };
  g_autofree AffSchedTask *tasks = tasks_new (5, durations);
  AffSchedLink links[] = {
    make_link (0, 1, FS, -10), make_link (0, 2, SS, 100000), make_link (0, 3, FF, -1),
    make_link (0, 4, SF, 5),
  };

  run (rows, out, tasks, 5, links, G_N_ELEMENTS (links));
  check (out, 0, 0, 4, 0, 4, 0, 0);
  check (out, 1, 0, 2, 99999, 100001, 99999, 99999);
  check (out, 2, 100000, 100001, 100000, 100001, 0, 0);
  check (out, 3, 0, 3, 99998, 100001, 99998, 99998);
  check (out, 4, 3, 5, 99999, 100001, 99996, 99996);
  g_assert_cmpint (out->finish, ==, 100001);
}

/* A chain far beyond any calendar saturates at AFF_SCHED_FAR instead of
 * overflowing. 6000 tasks of 100000 days, each FS +100000 after the one
 * before: task i starts on 200000 i while that is below 2^30 = 1073741824,
 * that is up to i = 5368 (1073600000, finishing on 1073700000); task 5369
 * would start on 1073800000: saturated at 2^30, and every later one too. */
static void
test_saturation (void)
{
  g_autoptr(AffSchedRows) rows = _aff_sched_rows_new ();
  g_autoptr(AffSchedule) out = _aff_schedule_new ();
  const guint n = 6000;
  g_autofree gint32 *durations = g_new (gint32, n);
  g_autofree AffSchedTask *tasks = NULL;
  g_autofree AffSchedLink *links = g_new (AffSchedLink, n - 1);

  for (guint i = 0; i < n; i++)
    durations[i] = 100000;
  tasks = tasks_new (n, durations);
  for (guint i = 0; i + 1 < n; i++)
    links[i] = make_link (i, i + 1, FS, 100000);
  run (rows, out, tasks, n, links, n - 1);
  g_assert_cmpint (AFF_SCHED_FAR, ==, 1073741824);
  g_assert_cmpint (out->es[0], ==, 0);
  g_assert_cmpint (out->es[5368], ==, 1073600000);
  g_assert_cmpint (out->ef[5368], ==, 1073700000);
  g_assert_cmpint (out->es[5369], ==, AFF_SCHED_FAR);
  g_assert_cmpint (out->ef[5369], ==, AFF_SCHED_FAR);
  g_assert_cmpint (out->es[n - 1], ==, AFF_SCHED_FAR);
  g_assert_cmpint (out->finish, ==, AFF_SCHED_FAR);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (out->es[i], >=, -AFF_SCHED_FAR);
      g_assert_cmpint (out->es[i], <=, AFF_SCHED_FAR);
      g_assert_cmpint (out->ef[i], <=, AFF_SCHED_FAR);
      g_assert_cmpint (out->ls[i], >=, -AFF_SCHED_FAR);
      g_assert_cmpint (out->lf[i], <=, AFF_SCHED_FAR);
      if (i > 0)
        g_assert_cmpint (out->es[i], >=, out->es[i - 1]);
    }
  /* backward from the end 2^30: the last task late FAR - 100000 .. FAR,
   * each one before 200000 earlier: the first finishes by FAR - 200000 x
   * 5999 = 1073741824 - 1199800000 = -126058176 */
  g_assert_cmpint (out->lf[n - 1], ==, AFF_SCHED_FAR);
  g_assert_cmpint (out->lf[0], ==, -126058176);
}

static void
test_empty_and_reuse (void)
{
  g_autoptr(AffSchedRows) rows = _aff_sched_rows_new ();
  g_autoptr(AffSchedule) out = _aff_schedule_new ();
  g_autoptr(GArray) cycle = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(AffSchedInput) nothing = _aff_sched_input_from_tasks (NULL, 0);

  /* nothing: built, scheduled, finishing on 0 */
  g_assert_true (_aff_sched_rows_build (rows, NULL, 0, 0, cycle));
  _aff_schedule_run (nothing, rows, out);
  g_assert_cmpuint (out->n, ==, 0);
  g_assert_cmpint (out->finish, ==, 0);

  /* the same arrays for a plan of 2, then 14, then 1 task */
  {
    static const gint32 durations[] = { 3, 2 };
    g_autofree AffSchedTask *tasks = tasks_new (2, durations);
    AffSchedLink links[] = { make_link (0, 1, FF, 1) };

    /* 1 finishes on 3 + 1 = 4: 2-4 */
    run (rows, out, tasks, 2, links, 1);
    check (out, 1, 2, 4, 2, 4, 0, 0);
  }
  {
    guint32 identity[N_TEXTBOOK];

    for (guint k = 0; k < N_TEXTBOOK; k++)
      identity[k] = k;
    run_textbook (identity, rows, out);
    check_textbook (identity, out);
  }
  {
    static const gint32 durations[] = { 7 };
    g_autofree AffSchedTask *tasks = tasks_new (1, durations);

    run (rows, out, tasks, 1, NULL, 0);
    check (out, 0, 0, 7, 0, 7, 0, 0);
    g_assert_cmpint (out->finish, ==, 7);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scheduler/textbook", test_textbook);
  g_test_add_func ("/scheduler/textbook-kahn", test_textbook_kahn);
  g_test_add_func ("/scheduler/cycle", test_cycle);
  g_test_add_func ("/scheduler/two-cycles", test_two_cycles);
  g_test_add_func ("/scheduler/milestone-sides", test_milestone_sides);
  g_test_add_func ("/scheduler/deadline-and-pinned", test_deadline_and_pinned);
  g_test_add_func ("/scheduler/leads-and-lags", test_leads_and_lags);
  g_test_add_func ("/scheduler/saturation", test_saturation);
  g_test_add_func ("/scheduler/empty-and-reuse", test_empty_and_reuse);

  return g_test_run ();
}
