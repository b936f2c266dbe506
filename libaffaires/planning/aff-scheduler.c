/* aff-scheduler.c: the critical path method over arrays
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The plan turns its tasks and dependencies into flat arrays of working-day
 * boundaries (see aff-planning-private.h) and this file does the rest in
 * time linear in tasks plus links: a topological order by Kahn's method,
 * one forward pass for the early dates, one backward pass for the late ones
 * and the floats. No calendar, no GObject: the plan converts before and
 * after, so the passes stay as fast as bare loops over arrays.
 *
 * Every link is a bound on a boundary of its successor:
 *   finish-to-start   S(succ) >= F(pred) + lag
 *   start-to-start    S(succ) >= S(pred) + lag
 *   finish-to-finish  F(succ) >= F(pred) + lag
 *   start-to-finish   F(succ) >= S(pred) + lag
 * with F = S + duration, so each is a bound on the successor's start.
 */
#include "config.h"

#include "aff-planning-private.h"

static inline AffSide
start_side (const AffSchedTask   *task,
            const AffSchedResult *result)
{
  return task->duration > 0 ? AFF_SIDE_START : result->side;
}

static inline AffSide
finish_side (const AffSchedTask   *task,
             const AffSchedResult *result)
{
  return task->duration > 0 ? AFF_SIDE_END : result->side;
}

/* The walk back along unscheduled predecessors from a task left over by
 * Kahn's method must meet itself: every leftover task has a leftover
 * predecessor. */
static void
find_cycle (const AffSchedLink *links,
            guint               n,
            guint               m,
            const guint32      *indegree,
            GArray             *cycle)
{
  g_autofree guint32 *first = g_new0 (guint32, n + 1);
  g_autofree guint32 *by_succ = g_new (guint32, m);
  g_autofree gint32 *seen = g_new (gint32, n);
  g_autoptr(GArray) walk = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 v = 0, i;

  for (i = 0; i < m; i++)
    first[links[i].succ + 1]++;
  for (i = 0; i < n; i++)
    first[i + 1] += first[i];
  {
    g_autofree guint32 *fill = g_memdup2 (first, sizeof (guint32) * n);

    for (i = 0; i < m; i++)
      by_succ[fill[links[i].succ]++] = i;
  }
  for (i = 0; i < n; i++)
    seen[i] = -1;
  while (v < n && indegree[v] == 0)
    v++;
  for (;;)
    {
      if (seen[v] >= 0)
        break;
      seen[v] = (gint32) walk->len;
      g_array_append_val (walk, v);
      for (i = first[v]; i < first[v + 1]; i++)
        if (indegree[links[by_succ[i]].pred] > 0)
          break;
      v = links[by_succ[i]].pred;
    }
  /* The walk went backwards; the cycle reads forwards from its end. */
  for (i = walk->len; i > (guint32) seen[v]; i--)
    g_array_append_val (cycle, g_array_index (walk, guint32, i - 1));
}

gboolean
_aff_schedule (const AffSchedTask *tasks,
               guint               n,
               const AffSchedLink *links,
               guint               m,
               AffSchedResult     *out,
               gint64             *finish,
               GArray             *cycle)
{
  g_autofree guint32 *first = g_new0 (guint32, n + 1);
  g_autofree guint32 *by_pred = g_new (guint32, m);
  g_autofree guint32 *indegree = g_new0 (guint32, n);
  g_autofree guint32 *order = g_new (guint32, n);
  guint head = 0, tail = 0, i, k;
  gint64 end = G_MININT64;

  /* Links grouped by predecessor (a counting sort), and in-degrees. */
  for (i = 0; i < m; i++)
    {
      first[links[i].pred + 1]++;
      indegree[links[i].succ]++;
    }
  for (i = 0; i < n; i++)
    first[i + 1] += first[i];
  {
    g_autofree guint32 *fill = g_memdup2 (first, sizeof (guint32) * n);

    for (i = 0; i < m; i++)
      by_pred[fill[links[i].pred]++] = i;
  }

  for (i = 0; i < n; i++)
    {
      out[i].es = tasks[i].earliest;
      out[i].side = tasks[i].earliest_side;
      if (indegree[i] == 0)
        order[tail++] = i;
    }

  /* Forward pass, in topological order: a task's start is final when it
   * comes out of the queue; it then bounds its successors. */
  while (head < tail)
    {
      guint32 t = order[head++];
      const AffSchedTask *task = &tasks[t];
      AffSchedResult *r = &out[t];

      if (task->pinned)
        {
          r->es = task->earliest;
          r->side = task->earliest_side;
        }
      r->ef = r->es + task->duration;
      if (r->ef > end)
        end = r->ef;
      for (k = first[t]; k < first[t + 1]; k++)
        {
          const AffSchedLink *link = &links[by_pred[k]];
          guint32 s = link->succ;
          gint64 bound;
          AffSide side;

          switch (link->type)
            {
            case AFF_DEPENDENCY_TYPE_START_START:
              bound = r->es + link->lag;
              side = start_side (task, r);
              break;
            case AFF_DEPENDENCY_TYPE_FINISH_FINISH:
              bound = r->ef + link->lag - tasks[s].duration;
              side = finish_side (task, r);
              break;
            case AFF_DEPENDENCY_TYPE_START_FINISH:
              bound = r->es + link->lag - tasks[s].duration;
              side = start_side (task, r);
              break;
            case AFF_DEPENDENCY_TYPE_FINISH_START:
            default:
              bound = r->ef + link->lag;
              side = finish_side (task, r);
              break;
            }
          /* At the same boundary, the start of a day is later than the end
           * of the day before: a milestone takes the later. */
          if (bound > out[s].es || (bound == out[s].es && side == AFF_SIDE_START))
            {
              out[s].es = bound;
              out[s].side = side;
            }
          if (--indegree[s] == 0)
            order[tail++] = s;
        }
    }
  if (tail < n)
    {
      find_cycle (links, n, m, indegree, cycle);
      return FALSE;
    }
  if (n == 0)
    end = 0;

  /* Backward pass, in reverse order: the late finish is the tightest of the
   * plan's end, the task's deadline and what each successor allows. */
  for (i = n; i > 0; i--)
    {
      guint32 t = order[i - 1];
      const AffSchedTask *task = &tasks[t];
      AffSchedResult *r = &out[t];
      gint64 lf = MIN (end, task->deadline), free_float = end - r->ef;

      for (k = first[t]; k < first[t + 1]; k++)
        {
          const AffSchedLink *link = &links[by_pred[k]];
          const AffSchedResult *s = &out[link->succ];
          gint64 bound, slack;

          switch (link->type)
            {
            case AFF_DEPENDENCY_TYPE_START_START:
              bound = s->ls - link->lag + task->duration;
              slack = s->es - (r->es + link->lag);
              break;
            case AFF_DEPENDENCY_TYPE_FINISH_FINISH:
              bound = s->lf - link->lag;
              slack = s->ef - (r->ef + link->lag);
              break;
            case AFF_DEPENDENCY_TYPE_START_FINISH:
              bound = s->lf - link->lag + task->duration;
              slack = s->ef - (r->es + link->lag);
              break;
            case AFF_DEPENDENCY_TYPE_FINISH_START:
            default:
              bound = s->ls - link->lag;
              slack = s->es - (r->ef + link->lag);
              break;
            }
          lf = MIN (lf, bound);
          free_float = MIN (free_float, slack);
        }
      r->lf = lf;
      r->ls = lf - task->duration;
      r->total_float = r->ls - r->es;
      r->free_float = MAX (0, MIN (free_float, r->total_float));
    }
  *finish = end;
  return TRUE;
}
