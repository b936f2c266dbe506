/* bench-schedule.c: scheduling plans, beside networkx and TaskJuggler
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Builds random plans of 10^3 to 10^6 tasks (about 1.5 finish-to-start
 * dependencies per task, 5 % milestones, a lag on one dependency in five,
 * the French calendar), times building each plan apart from scheduling it,
 * and schedules the same plans, in the same run, with networkx (longest path
 * in the DAG, no calendar) and TaskJuggler (tj3, at the sizes it can do
 * within its 2035 horizon) through peer-schedule.py, which also checks that
 * their dates are ours. Prints the times, the ratios and the growth from
 * the smallest plan to the largest.
 *
 * The time of the bare passes over arrays (the scheduler's engine, without
 * calendar or objects) is printed as the floor the plan's overhead is
 * measured against.
 *
 * Usage: bench-schedule [MAX_TASKS] [TJ3_MAX_TASKS] [PYTHON]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include <affaires.h>
#include "bench-util.h"
#include "aff-planning-private.h"

#define ROUNDS 5

/* Small plans schedule in microseconds: each round repeats the job enough
 * times for the clock to measure it, and reports the time of one. */
static guint
repeats (guint n)
{
  return MAX (1, 5000000 / n);
}

typedef struct
{
  guint n;
  guint *duration;
  GArray *links;                /* AffSchedLink, finish-to-start */
} Shape;

/* Predecessors are drawn among the previous W tasks, W growing with the
 * plan, so that plans of every size span a few years, as real ones do, and
 * stay within TaskJuggler's horizon at the sizes it schedules. */
static Shape *
shape_new (guint n,
           guint seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  Shape *shape = g_new0 (Shape, 1);
  guint window = MAX (8, n / 64), i;

  shape->n = n;
  shape->duration = g_new (guint, n);
  shape->links = g_array_sized_new (FALSE, FALSE, sizeof (AffSchedLink), n * 3 / 2);
  for (i = 0; i < n; i++)
    {
      guint k, count = i == 0 ? 0 : (g_rand_int_range (rand, 0, 2) == 0 ? 1 : 2);
      guint32 first = 0;

      shape->duration[i] = g_rand_int_range (rand, 0, 20) == 0 ? 0 : g_rand_int_range (rand, 1, 11);
      for (k = 0; k < count; k++)
        {
          AffSchedLink link = { 0 };
          guint lo = i > window ? i - window : 0;

          link.pred = g_rand_int_range (rand, lo, i);
          if (k == 1 && link.pred == first)
            continue;
          first = link.pred;
          link.succ = i;
          link.type = AFF_DEPENDENCY_TYPE_FINISH_START;
          link.lag = g_rand_int_range (rand, 0, 5) == 0 ? g_rand_int_range (rand, 1, 4) : 0;
          g_array_append_val (shape->links, link);
        }
    }
  return shape;
}

static void
shape_free (Shape *shape)
{
  g_free (shape->duration);
  g_array_unref (shape->links);
  g_free (shape);
}

static AffPlan *
build (const Shape *shape)
{
  AffPlan *plan = aff_plan_new ();
  g_autoptr(GDate) start = g_date_new_dmy (4, G_DATE_JANUARY, 2027);
  char id[16], pred[16];
  guint i;

  aff_plan_set_start (plan, start);
  for (i = 0; i < shape->n; i++)
    {
      g_autoptr(AffTask) task = NULL;

      g_snprintf (id, sizeof id, "t%u", i);
      task = aff_task_new (id, NULL, shape->duration[i]);
      aff_plan_add_task (plan, task, NULL);
    }
  for (i = 0; i < shape->links->len; i++)
    {
      const AffSchedLink *link = &g_array_index (shape->links, AffSchedLink, i);

      g_snprintf (pred, sizeof pred, "t%u", link->pred);
      g_snprintf (id, sizeof id, "t%u", link->succ);
      if (!aff_plan_add_dependency (plan, pred, id, link->type, link->lag, NULL))
        g_error ("bad dependency %s → %s", pred, id);
    }
  return plan;
}

/* The time of one schedule, from enough repeats to measure, taking the
 * @count plans of @n tasks in turn. */
static double
time_schedules (AffPlan **plans,
                guint     count,
                guint     n)
{
  g_autoptr(GError) error = NULL;
  double t0 = now ();
  guint k;

  for (k = 0; k < repeats (n); k++)
    if (!aff_plan_schedule (plans[k % count], &error))
      g_error ("%s", error->message);
  return (now () - t0) / repeats (n);
}

static double
time_schedule (AffPlan *plan,
               guint    n)
{
  return time_schedules (&plan, 1, n);
}

/* The growth from the smallest plans to the largest, per task, with their
 * rounds interleaved: the clock of a shared machine swings from one second
 * to the next, and both sizes then see the same swings. The median of the
 * rounds' ratios.
 *
 * A plan scheduled again and again is not what it seems at the smallest
 * size: the processor's branch predictor learns the branches of a plan of
 * up to some 10^4 tasks replayed unchanged, and schedules it in half the
 * time (64 copies of one plan of 10^3 tasks, taken in turn, keep that speed;
 * 16 different plans lose it). Real plans are not replayed between
 * edits, and the largest plan cannot be learnt: the growth is measured
 * with the smallest size taken over SMALL_PLANS different plans, and the
 * growth against one replayed plan is printed beside it. */
#define GROWTH_ROUNDS 15

#define SMALL_PLANS 16

static double
interleaved_growth (AffPlan **small,
                    guint     n_small_plans,
                    guint     n_small,
                    AffPlan  *large,
                    guint     n_large)
{
  double ratios[GROWTH_ROUNDS];
  guint r;

  for (r = 0; r < GROWTH_ROUNDS; r++)
    {
      double a = time_schedules (small, n_small_plans, n_small) / n_small;
      double b = time_schedule (large, n_large) / n_large;

      ratios[r] = b / a;
    }
  qsort (ratios, GROWTH_ROUNDS, sizeof *ratios, compare_doubles);
  return ratios[GROWTH_ROUNDS / 2];
}

/* The floor: the engine alone over arrays already in its form. */
static double
bare_passes (const Shape *shape)
{
  g_autoptr(AffSchedInput) in = _aff_sched_input_new ();
  g_autoptr(AffSchedule) out = _aff_schedule_new ();
  g_autoptr(AffSchedRows) rows = _aff_sched_rows_new ();
  g_autoptr(GArray) cycle = g_array_new (FALSE, FALSE, sizeof (guint32));
  double times[ROUNDS];
  guint i, r;

  _aff_sched_input_reset (in, shape->n, 0);
  for (i = 0; i < shape->n; i++)
    in->duration[i] = (gint32) shape->duration[i];
  _aff_sched_rows_build (rows, (AffSchedLink *) shape->links->data, shape->n, shape->links->len, cycle);
  for (r = 0; r < ROUNDS; r++)
    {
      double t0 = now ();
      guint k;

      for (k = 0; k < repeats (shape->n); k++)
        _aff_schedule_run (in, rows, out);
      times[r] = (now () - t0) / repeats (shape->n);
    }
  return median (times, ROUNDS);
}

static char *
iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
write_files (AffPlan     *plan,
             const Shape *shape,
             const char  *plan_path,
             const char  *dates_path)
{
  FILE *p = fopen (plan_path, "w"), *d = fopen (dates_path, "w");
  AffCalendar *calendar = aff_plan_get_calendar (plan);
  const GDate *start = aff_plan_get_start (plan);
  g_autoptr(GArray) has_pred = NULL;
  guint i;

  if (p == NULL || d == NULL)
    g_error ("cannot write the plan files");
  has_pred = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_array_set_size (has_pred, shape->n);
  fprintf (p, "start 2027-01-04\ncalendar french\n");
  for (i = 0; i < shape->n; i++)
    fprintf (p, "task %u %u\n", i, shape->duration[i]);
  for (i = 0; i < shape->links->len; i++)
    {
      const AffSchedLink *link = &g_array_index (shape->links, AffSchedLink, i);

      fprintf (p, "dep %u %u %d\n", link->pred, link->succ, link->lag);
      g_array_index (has_pred, gboolean, link->succ) = TRUE;
    }
  for (i = 0; i < shape->n; i++)
    {
      g_autoptr(AffTask) task = g_list_model_get_item (G_LIST_MODEL (plan), i);
      g_autofree char *s = iso (aff_task_get_early_start (task));
      g_autofree char *f = iso (aff_task_get_early_finish (task));
      guint before = aff_calendar_count_working_days (calendar, start, aff_task_get_early_start (task));
      guint es;

      /* Boundaries from the plan's start: a task starts at the boundary
       * before its first day; a milestone after a predecessor sits at the
       * end of its day, one without at the start of the first day. */
      if (shape->duration[i] > 0)
        es = before - 1;
      else
        es = g_array_index (has_pred, gboolean, i) ? before : 0;
      fprintf (d, "%u %s %s %u %u\n", i, s, f, es, es + shape->duration[i]);
    }
  fclose (p);
  fclose (d);
}

typedef struct
{
  double nx_build, nx_schedule, tj3;
  guint nx_match, tj3_match, n;
  gboolean tj3_ran;
  char *tj3_skipped;
} Peer;

static void
run_peer (const char *python,
          const char *script,
          const char *plan_path,
          const char *dates_path,
          guint       tj3_max,
          Peer       *peer)
{
  g_autofree char *out = NULL;
  g_autofree char *max = g_strdup_printf ("%u", tj3_max);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { python, script, plan_path, dates_path, "--tj3-max", max, NULL };
  g_auto(GStrv) lines = NULL;
  int status;
  guint i;

  memset (peer, 0, sizeof *peer);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, NULL, &status, &error) || !g_spawn_check_wait_status (status, &error))
    g_error ("peer failed: %s", error->message);
  lines = g_strsplit (out, "\n", -1);
  for (i = 0; lines[i] != NULL; i++)
    {
      char word[64];
      guint a, b;
      double x;

      if (sscanf (lines[i], "networkx_build %lf", &x) == 1)
        peer->nx_build = x;
      else if (sscanf (lines[i], "networkx_schedule %lf", &x) == 1)
        peer->nx_schedule = x;
      else if (sscanf (lines[i], "networkx_match %u %u", &a, &b) == 2)
        peer->nx_match = a, peer->n = b;
      else if (sscanf (lines[i], "tj3_run %lf", &x) == 1)
        peer->tj3 = x, peer->tj3_ran = TRUE;
      else if (sscanf (lines[i], "tj3_match %u %u", &a, &b) == 2)
        peer->tj3_match = a;
      else if (sscanf (lines[i], "tj3_skipped %63s", word) == 1)
        peer->tj3_skipped = g_strdup (word);
    }
}

int
main (int   argc,
      char *argv[])
{
  guint max_tasks = argc > 1 ? (guint) atoi (argv[1]) : 1000000;
  guint tj3_max = argc > 2 ? (guint) atoi (argv[2]) : 10000;
  const char *python = argc > 3 ? argv[3] : "/usr/bin/python3";
  g_autofree char *folder = g_dir_make_tmp ("aff-bench-XXXXXX", NULL);
  g_autofree char *plan_path = g_build_filename (folder, "plan.txt", NULL);
  g_autofree char *dates_path = g_build_filename (folder, "dates.txt", NULL);
  g_autofree char *dir = g_path_get_dirname (argv[0]);
  g_autofree char *script = g_build_filename (dir, "peer-schedule.py", NULL);
  double growth = 0, replayed_growth = 0;
  AffPlan *smallest[SMALL_PLANS] = { NULL };
  guint first_n = 0, last_n = 0, n;

  if (!g_file_test (script, G_FILE_TEST_EXISTS))
    {
      g_free (script);
      script = g_build_filename (g_getenv ("AFF_SOURCE_ROOT") ? g_getenv ("AFF_SOURCE_ROOT") : ".",
                                 "tools", "bench", "peer-schedule.py", NULL);
    }
  g_print ("%9s %9s %9s %11s %9s %11s %11s %8s %9s %8s  %s\n", "tasks", "deps", "build s", "schedule ms",
           "bare ms", "nx build s", "nx sched ms", "ratio", "tj3 s", "ratio", "dates");
  for (n = 1000; n <= max_tasks; n *= 10)
    {
      Shape *shape = shape_new (n, 20270104 + n);
      double build_time, times[ROUNDS], schedule, bare;
      g_autoptr(AffPlan) plan = NULL;
      g_autofree char *tj3_text = NULL;
      g_autofree char *tj3_ratio = NULL;
      g_autofree char *verdict = NULL;
      Peer peer;
      guint r;
      double t0 = now ();

      plan = build (shape);
      build_time = now () - t0;
      for (r = 0; r < ROUNDS; r++)
        times[r] = time_schedule (plan, n);
      schedule = median (times, ROUNDS);
      bare = bare_passes (shape);
      write_files (plan, shape, plan_path, dates_path);
      run_peer (python, script, plan_path, dates_path, tj3_max, &peer);

      if (peer.tj3_ran)
        {
          tj3_text = g_strdup_printf ("%.3f", peer.tj3);
          tj3_ratio = g_strdup_printf ("%.0fx", peer.tj3 / schedule);
        }
      else
        {
          tj3_text = g_strdup ("—");
          tj3_ratio = g_strdup ("—");
        }
      if (peer.tj3_ran)
        verdict = g_strdup_printf ("networkx %u/%u, tj3 %u/%u", peer.nx_match, peer.n, peer.tj3_match, peer.n);
      else
        verdict = g_strdup_printf ("networkx %u/%u (tj3 skipped: %s)", peer.nx_match, peer.n,
                                   peer.tj3_skipped ? peer.tj3_skipped : "?");
      g_print ("%9u %9u %9.3f %11.3f %9.3f %11.3f %11.1f %7.1fx %9s %8s  %s\n", n, shape->links->len,
               build_time, schedule * 1e3, bare * 1e3, peer.nx_build, peer.nx_schedule * 1e3,
               peer.nx_schedule / schedule, tj3_text, tj3_ratio, verdict);
      if (first_n == 0)
        {
          first_n = n;
          smallest[0] = g_object_ref (plan);
          for (r = 1; r < SMALL_PLANS; r++)
            {
              Shape *other = shape_new (n, 20270104 + n + r);

              smallest[r] = build (other);
              shape_free (other);
            }
        }
      else if (n * 10 > max_tasks)
        {
          growth = interleaved_growth (smallest, SMALL_PLANS, first_n, plan, n);
          replayed_growth = interleaved_growth (smallest, 1, first_n, plan, n);
        }
      last_n = n;
      g_free (peer.tj3_skipped);
      shape_free (shape);
    }
  /* The table's rounds of each size ran at other moments; the interleaved
   * rounds compare the sizes under the same conditions. */
  if (last_n > first_n)
    g_print ("growth: scheduling time per task at %u tasks is %.2fx that over %u different plans of %u tasks,\n"
             "        by interleaved rounds (1.00 is linear); %.2fx that of one plan of %u tasks replayed,\n"
             "        whose branches the processor learns\n",
             last_n, growth, SMALL_PLANS, first_n, replayed_growth, first_n);
  for (n = 0; n < SMALL_PLANS; n++)
    g_clear_object (&smallest[n]);
  g_print ("ratio: the peer's scheduling time / libaffaires's (higher is faster for libaffaires); bare: the\n"
           "engine's passes alone over arrays; dates: tasks whose dates the peer computes identically\n");

  g_unlink (plan_path);
  g_unlink (dates_path);
  g_rmdir (folder);
  return 0;
}
