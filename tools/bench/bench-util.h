/* bench-util.h: what the benchmarks share to time their rounds
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <stdlib.h>
#include <glib.h>

static inline int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* The median of @n rounds; sorts them. */
static inline double
median (double *values, guint n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

/* Seconds on the monotonic clock. */
static inline double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}
