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

#include <string.h>

#include "aff-planning-private.h"

static inline AffSide
start_side (gint32 duration,
            guint8 side)
{
  return duration > 0 ? AFF_SIDE_START : side;
}

static inline AffSide
finish_side (gint32 duration,
             guint8 side)
{
  return duration > 0 ? AFF_SIDE_END : side;
}

/* malloc() hands out large arrays at the same offset in a page. The passes
 * read and write the same index of a dozen of them at once; at that
 * offset, they compete for one set of the first-level cache and a load
 * waits on a store to another array as if it depended on it ("4K
 * aliasing"): at 10⁶ tasks this doubled the time per task. So the arrays
 * of one structure share a block, each shifted by its own number of cache
 * lines, and each structure has its own slots. Contents are not kept: every
 * user fills its arrays again after sizing them. */
#define SLOT_BYTES (5 * 64)

static gpointer
block_carve (gpointer      old_block,
             gsize         n,
             guint         first_slot,
             guint         count,
             const gsize  *sizes,
             gpointer    **arrays)
{
  gsize offset = 0, total = 0, largest = 0;
  gboolean small;
  guint8 *block;
  guint k;

  for (k = 0; k < count; k++)
    largest = MAX (largest, sizes[k] * n);
  /* Arrays within a page cannot alias that way; padding each to its slot
   * would make a plan of three tasks take and touch tens of KiB, and a
   * portfolio's thousands of small plans as many page faults. */
  small = largest < 4096;
  for (k = 0; k < count; k++)
    total += sizes[k] * n + (small ? 64 : 4096 + 64);
  g_free (old_block);
  block = g_malloc (total);
  for (k = 0; k < count; k++)
    {
      guintptr at = (guintptr) (block + offset);
      guintptr want = ((first_slot + k) * SLOT_BYTES) % 4096;

      at = (at + 63) & ~(guintptr) 63;
      if (!small)
        at += (want - at % 4096 + 4096) % 4096;
      *arrays[k] = (gpointer) at;
      offset = (at - (guintptr) block) + sizes[k] * n;
    }
  return block;
}

AffSchedInput *
_aff_sched_input_new (void)
{
  AffSchedInput *input = g_new0 (AffSchedInput, 1);

  input->special_positions = g_array_new (FALSE, FALSE, sizeof (guint32));
  input->special_terms = g_array_new (FALSE, FALSE, sizeof (AffSchedTask));
  return input;
}

void
_aff_sched_input_free (AffSchedInput *input)
{
  if (input == NULL)
    return;
  g_free (input->block);
  g_array_unref (input->special_positions);
  g_array_unref (input->special_terms);
  g_free (input);
}

void
_aff_sched_input_reset (AffSchedInput *input,
                        guint          n,
                        gint32         origin)
{
  if (n > input->capacity)
    {
      const gsize sizes[] = { sizeof (gint32), sizeof (guint8) };
      gpointer *arrays[] = { (gpointer *) &input->duration, (gpointer *) &input->flags };

      input->capacity = MAX (n, input->capacity + input->capacity / 2);
      input->block = block_carve (input->block, input->capacity, 0, 2, sizes, arrays);
    }
  input->n = n;
  input->origin = origin;
  if (n > 0)
    memset (input->flags, 0, n);
  g_array_set_size (input->special_positions, 0);
  g_array_set_size (input->special_terms, 0);
}

void
_aff_sched_input_add_special (AffSchedInput      *input,
                              guint32             position,
                              const AffSchedTask *terms)
{
  g_array_append_val (input->special_positions, position);
  g_array_append_vals (input->special_terms, terms, 1);
  input->flags[position] = AFF_SCHED_SPECIAL |
                           (terms->pinned ? AFF_SCHED_PINNED : 0) |
                           (terms->delay != 0 ? AFF_SCHED_DELAYED : 0) |
                           (terms->deadline < AFF_SCHED_FAR ? AFF_SCHED_DEADLINE : 0);
}

const AffSchedTask *
_aff_sched_input_special (const AffSchedInput *input,
                          guint32              position)
{
  const guint32 *positions = (const guint32 *) input->special_positions->data;
  guint lo = 0, hi = input->special_positions->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (positions[mid] < position)
        lo = mid + 1;
      else
        hi = mid;
    }
  g_assert (lo < input->special_positions->len && positions[lo] == position);
  return &g_array_index (input->special_terms, AffSchedTask, lo);
}

AffSchedInput *
_aff_sched_input_from_tasks (const AffSchedTask *tasks,
                             guint               n)
{
  AffSchedInput *input = _aff_sched_input_new ();
  guint i;

  _aff_sched_input_reset (input, n, 0);
  for (i = 0; i < n; i++)
    {
      input->duration[i] = tasks[i].duration;
      if (tasks[i].earliest != 0 || tasks[i].earliest_side != AFF_SIDE_START || tasks[i].pinned ||
          tasks[i].delay != 0 || tasks[i].deadline < AFF_SCHED_FAR)
        _aff_sched_input_add_special (input, i, &tasks[i]);
    }
  return input;
}

static inline gint32
saturate (gint64 value)
{
  return (gint32) CLAMP (value, -AFF_SCHED_FAR, AFF_SCHED_FAR);
}

AffSchedule *
_aff_schedule_new (void)
{
  return g_new0 (AffSchedule, 1);
}

void
_aff_schedule_free (AffSchedule *schedule)
{
  if (schedule == NULL)
    return;
  g_free (schedule->block);
  g_free (schedule);
}

AffSchedRows *
_aff_sched_rows_new (void)
{
  return g_new0 (AffSchedRows, 1);
}

void
_aff_sched_rows_free (AffSchedRows *rows)
{
  if (rows == NULL)
    return;
  g_free (rows->task_block);
  g_free (rows->link_block);
  g_free (rows);
}

/* Working space grows by half again, never shrinks: a plan rescheduled on
 * every edit then neither allocates nor touches fresh pages. */
static guint
grow (guint capacity,
      guint needed)
{
  return MAX (needed, capacity + capacity / 2);
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
  g_autofree guint32 *fill = NULL;
  g_autofree gint32 *seen = g_new (gint32, n);
  g_autoptr(GArray) walk = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 v = 0, i;

  for (i = 0; i < m; i++)
    first[links[i].succ + 1]++;
  for (i = 0; i < n; i++)
    first[i + 1] += first[i];
  fill = g_memdup2 (first, sizeof (guint32) * n);
  for (i = 0; i < m; i++)
    by_succ[fill[links[i].succ]++] = i;
  for (i = 0; i < n; i++)
    seen[i] = -1;
  while (v < n && indegree[v] == 0)
    v++;
  while (seen[v] < 0)
    {
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

/* Kahn's method; FALSE when tasks are left over, that is on a cycle. */
static gboolean
topological_order (AffSchedRows       *rows,
                   const AffSchedLink *links,
                   GArray             *cycle)
{
  guint32 *indegree = rows->indegree, *order = rows->order_space;
  guint n = rows->n, m = rows->m, head = 0, tail = 0, i, k;

  memset (indegree, 0, sizeof (guint32) * n);
  for (i = 0; i < m; i++)
    indegree[links[i].succ]++;
  for (i = 0; i < n; i++)
    if (indegree[i] == 0)
      order[tail++] = i;
  while (head < tail)
    {
      guint32 t = order[head++];

      for (k = rows->first[t]; k < rows->first[t + 1]; k++)
        if (--indegree[rows->succ[k]] == 0)
          order[tail++] = rows->succ[k];
    }
  if (tail == n)
    return TRUE;
  find_cycle (links, n, m, indegree, cycle);
  return FALSE;
}

gboolean
_aff_sched_rows_build (AffSchedRows       *rows,
                       const AffSchedLink *links,
                       guint               n,
                       guint               m,
                       GArray             *cycle)
{
  gboolean forward = TRUE;
  guint i;

  if (n > rows->task_capacity)
    {
      guint c = grow (rows->task_capacity, n);

      const gsize sizes[] = { sizeof (guint32), sizeof (guint32), sizeof (guint32), sizeof (guint32) };
      gpointer *arrays[] = { (gpointer *) &rows->first, (gpointer *) &rows->order_space,
                             (gpointer *) &rows->fill, (gpointer *) &rows->indegree };

      /* One more for the end of the last row. */
      rows->task_block = block_carve (rows->task_block, c + 1, 2, 4, sizes, arrays);
      rows->task_capacity = c;
    }
  if (m > rows->link_capacity)
    {
      guint c = grow (rows->link_capacity, m);

      const gsize sizes[] = { sizeof (guint32), sizeof (gint32), sizeof (guint8) };
      gpointer *arrays[] = { (gpointer *) &rows->succ, (gpointer *) &rows->lag, (gpointer *) &rows->type };

      rows->link_block = block_carve (rows->link_block, c, 6, 3, sizes, arrays);
      rows->link_capacity = c;
    }
  rows->n = n;
  rows->m = m;
  rows->order = NULL;
  if (rows->first == NULL)
    return TRUE;

  memset (rows->first, 0, sizeof (guint32) * (n + 1));
  for (i = 0; i < m; i++)
    {
      rows->first[links[i].pred + 1]++;
      forward &= links[i].pred < links[i].succ;
    }
  for (i = 0; i < n; i++)
    rows->first[i + 1] += rows->first[i];
  if (n > 0)
    memcpy (rows->fill, rows->first, sizeof (guint32) * n);
  for (i = 0; i < m; i++)
    {
      guint32 k = rows->fill[links[i].pred]++;

      rows->succ[k] = links[i].succ;
      rows->lag[k] = links[i].lag;
      rows->type[k] = (guint8) links[i].type;
    }
  /* Plans are mostly entered in order, predecessors first: then the order
   * of the plan is a topological order, and the passes read the arrays
   * from one end to the other. */
  if (forward)
    return TRUE;
  if (!topological_order (rows, links, cycle))
    return FALSE;
  rows->order = rows->order_space;
  return TRUE;
}

static void
reserve (AffSchedule *s,
         guint        n)
{
  if (n > s->capacity)
    {
      guint c = grow (s->capacity, n);

      const gsize sizes[] = { sizeof (gint32), sizeof (gint32), sizeof (gint32), sizeof (gint32),
                              sizeof (gint32), sizeof (guint8) };
      gpointer *arrays[] = { (gpointer *) &s->es, (gpointer *) &s->ef, (gpointer *) &s->ls,
                             (gpointer *) &s->lf, (gpointer *) &s->free_float, (gpointer *) &s->kind };

      s->block = block_carve (s->block, c, 9, 6, sizes, arrays);
      s->capacity = c;
    }
  s->n = n;
}

/* Sets up the start of tasks [from, to): the plan's start, or a special
 * task's own earliest. Returns @to. */
static guint
set_up (const AffSchedInput *input,
        gint32              *es,
        guint8              *side,
        guint                from,
        guint                to)
{
  guint i;

  for (i = from; i < to; i++)
    {
      if (input->flags[i] & AFF_SCHED_SPECIAL)
        {
          const AffSchedTask *terms = _aff_sched_input_special (input, i);

          es[i] = terms->earliest;
          side[i] = terms->earliest_side;
        }
      else
        {
          es[i] = input->origin;
          side[i] = AFF_SIDE_START;
        }
    }
  return to;
}

void
_aff_schedule_run (const AffSchedInput *input,
                   const AffSchedRows  *rows,
                   AffSchedule         *out)
{
  const gint32 *duration = input->duration;
  const guint8 *flags = input->flags;
  const guint32 *order = rows->order, *first = rows->first, *succ = rows->succ;
  const gint32 *lag = rows->lag;
  const guint8 *type = rows->type;
  guint n = rows->n, i, k, ready;
  gint32 *es, *ef, *ls, *lf, *free_float;
  gint32 end = n > 0 ? -AFF_SCHED_FAR : 0, lowest = AFF_SCHED_FAR, highest = -AFF_SCHED_FAR;
  gint32 last_day = -AFF_SCHED_FAR;
  guint8 *side;

  reserve (out, n);
  es = out->es, ef = out->ef, ls = out->ls, lf = out->lf, side = out->kind;
  free_float = out->free_float;

  /* In the plan's own order, a task's start is set up just before a
   * predecessor first bounds it, while the arrays are still in the cache;
   * in another order, all of them first. */
  ready = order != NULL ? n : 0;
  if (order != NULL)
    set_up (input, es, side, 0, n);

  /* Forward pass: a task's start is final when its turn comes; it then
   * bounds its successors. */
  for (i = 0; i < n; i++)
    {
      guint32 t = order != NULL ? order[i] : i;
      gint32 d = duration[t];

      if (t >= ready)
        ready = set_up (input, es, side, ready, t + 1);
      if (flags[t] & AFF_SCHED_PINNED)
        {
          const AffSchedTask *terms = _aff_sched_input_special (input, t);

          es[t] = terms->earliest;
          side[t] = terms->earliest_side;
        }
      else if (flags[t] & AFF_SCHED_DELAYED)
        {
          es[t] = saturate ((gint64) es[t] + _aff_sched_input_special (input, t)->delay);
          side[t] = AFF_SIDE_START;
        }
      ef[t] = saturate ((gint64) es[t] + d);
      end = MAX (end, ef[t]);
      for (k = first[t]; k < first[t + 1]; k++)
        {
          guint32 s = succ[k];
          gint64 bound;
          guint8 bound_side;

          if (s >= ready)
            ready = set_up (input, es, side, ready, s + 1);
          switch (type[k])
            {
            case AFF_DEPENDENCY_TYPE_START_START:
              bound = (gint64) es[t] + lag[k];
              bound_side = start_side (d, side[t]);
              break;
            case AFF_DEPENDENCY_TYPE_FINISH_FINISH:
              bound = (gint64) ef[t] + lag[k] - duration[s];
              bound_side = finish_side (d, side[t]);
              break;
            case AFF_DEPENDENCY_TYPE_START_FINISH:
              bound = (gint64) es[t] + lag[k] - duration[s];
              bound_side = start_side (d, side[t]);
              break;
            case AFF_DEPENDENCY_TYPE_FINISH_START:
            default:
              bound = (gint64) ef[t] + lag[k];
              bound_side = finish_side (d, side[t]);
              break;
            }
          /* At the same boundary, the start of a day is later than the end
           * of the day before: a milestone takes the later. */
          {
            gint32 current = es[s];
            guint8 current_side = side[s];
            gboolean later = (bound > current) | ((bound == current) & (bound_side == AFF_SIDE_START));

            es[s] = later ? saturate (bound) : current;
            side[s] = later ? bound_side : current_side;
          }
        }
    }

  /* Backward pass, in reverse order: the late finish is the tightest of the
   * plan's end, the task's deadline and what each successor allows. */
  for (i = n; i > 0; i--)
    {
      guint32 t = order != NULL ? order[i - 1] : i - 1;
      gint32 d = duration[t];
      gint64 slack_min = (gint64) end - ef[t];
      gint64 late = end;

      /* A milestone at the start of a day is past a deadline at the end of
       * the working day before, although no working day lies between. */
      if (flags[t] & AFF_SCHED_DEADLINE)
        late = MIN (late, _aff_sched_input_special (input, t)->deadline - (d == 0 && side[t] == AFF_SIDE_START));

      for (k = first[t]; k < first[t + 1]; k++)
        {
          guint32 s = succ[k];
          gint64 bound, slack;

          switch (type[k])
            {
            case AFF_DEPENDENCY_TYPE_START_START:
              bound = (gint64) ls[s] - lag[k] + d;
              slack = (gint64) es[s] - es[t] - lag[k];
              break;
            case AFF_DEPENDENCY_TYPE_FINISH_FINISH:
              bound = (gint64) lf[s] - lag[k];
              slack = (gint64) ef[s] - ef[t] - lag[k];
              break;
            case AFF_DEPENDENCY_TYPE_START_FINISH:
              bound = (gint64) lf[s] - lag[k] + d;
              slack = (gint64) ef[s] - es[t] - lag[k];
              break;
            case AFF_DEPENDENCY_TYPE_FINISH_START:
            default:
              bound = (gint64) ls[s] - lag[k];
              slack = (gint64) es[s] - ef[t] - lag[k];
              break;
            }
          late = MIN (late, bound);
          slack_min = MIN (slack_min, slack);
        }
      lf[t] = saturate (late);
      ls[t] = saturate (late - d);
      free_float[t] = (gint32) MAX (0, MIN (slack_min, (gint64) ls[t] - es[t]));
      /* The side matters to milestones only; the kind says which is which,
       * and which day each boundary stands for: a start the day after it, a
       * finish the day before, a milestone its side's. */
      if (d > 0)
        {
          side[t] = AFF_SCHED_TASK;
          lowest = MIN (lowest, MIN (es[t], ls[t]));
          highest = MAX (highest, MAX (ef[t], lf[t]) - 1);
          last_day = MAX (last_day, ef[t] - 1);
        }
      else if (side[t] == AFF_SIDE_START)
        {
          side[t] = AFF_SCHED_MILESTONE_START;
          lowest = MIN (lowest, MIN (es[t], ls[t]));
          highest = MAX (highest, MAX (es[t], ls[t]));
          last_day = MAX (last_day, ef[t]);
        }
      else
        {
          side[t] = AFF_SCHED_MILESTONE_END;
          lowest = MIN (lowest, MIN (es[t], ls[t]) - 1);
          highest = MAX (highest, MAX (es[t], ls[t]) - 1);
          last_day = MAX (last_day, ef[t] - 1);
        }
    }
  out->finish = end;
  out->last_day = last_day;
  out->lowest = lowest;
  out->highest = highest;
}
