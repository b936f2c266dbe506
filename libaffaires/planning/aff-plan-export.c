/* aff-plan-export.c: the views of a plan people look at
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "aff-money-private.h"
#include "aff-plan-export.h"

/**
 * AffGanttOptions:
 *
 * How [method@Aff.Plan.to_svg_gantt] draws a plan: a title, the status date
 * whose line it draws, the baseline whose bars it ghosts behind the
 * current ones, and the width of a day.
 */
struct _AffGanttOptions
{
  char *title;
  GDate status_date;
  char *baseline;
  guint day_width;
};

/**
 * aff_gantt_options_new:
 *
 * Creates options with no title, no status date, no baseline and days of
 * 16 pixels.
 *
 * Returns: (transfer full): new options
 */
AffGanttOptions *
aff_gantt_options_new (void)
{
  AffGanttOptions *self = g_new0 (AffGanttOptions, 1);

  g_date_clear (&self->status_date, 1);
  self->day_width = 16;
  return self;
}

/**
 * aff_gantt_options_copy:
 * @self: options
 *
 * Copies options.
 *
 * Returns: (transfer full): a copy
 */
AffGanttOptions *
aff_gantt_options_copy (const AffGanttOptions *self)
{
  AffGanttOptions *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_memdup2 (self, sizeof *self);
  copy->title = g_strdup (self->title);
  copy->baseline = g_strdup (self->baseline);
  return copy;
}

/**
 * aff_gantt_options_free:
 * @self: (nullable): options
 *
 * Frees options.
 */
void
aff_gantt_options_free (AffGanttOptions *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->baseline);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffGanttOptions, aff_gantt_options, aff_gantt_options_copy, aff_gantt_options_free)

/**
 * aff_gantt_options_set_title:
 * @self: options
 * @title: (nullable): the title over the chart
 *
 * Sets the title over the chart.
 */
void
aff_gantt_options_set_title (AffGanttOptions *self,
                             const char      *title)
{
  g_return_if_fail (self != NULL);
  g_free (self->title);
  self->title = g_strdup (title);
}

/**
 * aff_gantt_options_set_status_date:
 * @self: options
 * @date: (nullable): the day of the status line, or %NULL for none
 *
 * Sets the status date, drawn as a vertical line.
 */
void
aff_gantt_options_set_status_date (AffGanttOptions *self,
                                   const GDate     *date)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (date == NULL || g_date_valid (date));
  if (date == NULL)
    g_date_clear (&self->status_date, 1);
  else
    self->status_date = *date;
}

/**
 * aff_gantt_options_set_baseline:
 * @self: options
 * @name: (nullable): the name of a baseline of the plan, or %NULL for none
 *
 * Sets the baseline whose bars are drawn as ghosts behind the current ones.
 */
void
aff_gantt_options_set_baseline (AffGanttOptions *self,
                                const char      *name)
{
  g_return_if_fail (self != NULL);
  g_free (self->baseline);
  self->baseline = g_strdup (name);
}

/**
 * aff_gantt_options_set_day_width:
 * @self: options
 * @pixels: the width of one day, 2 to 200
 *
 * Sets the width of a day on the chart.
 */
void
aff_gantt_options_set_day_width (AffGanttOptions *self,
                                 guint            pixels)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (pixels >= 2 && pixels <= 200);
  self->day_width = pixels;
}
