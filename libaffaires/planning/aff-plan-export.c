/* aff-plan-export.c: the views of a plan people look at
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-enum-types.h"
#include "aff-error.h"
#include "aff-language-private.h"
#include "aff-doc-private.h"
#include "aff-planning-private.h"
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

/* ---- Shared -------------------------------------------------------------- */

/* The plan knows no language (only a portfolio's policy does), so the words
 * of these views are French, the library's first language; L() keeps the
 * English beside them for the day an option chooses. */
static const guint lang = LANG_FR;

static gboolean
check_scheduled (AffPlan  *self,
                 GError  **error)
{
  if (aff_plan_is_scheduled (self))
    return TRUE;
  if (aff_plan_get_finish (self) == NULL)
    g_set_error_literal (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                         _("The plan is not scheduled: schedule it before exporting it"));
  else
    g_set_error_literal (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                         _("The plan changed since it was last scheduled: schedule it again before exporting it"));
  return FALSE;
}

/* YYYY-MM-DD, or YYYYMMDD when @basic, whatever the locale. */
static const char *
format_iso (char         buffer[16],
            const GDate *date,
            gboolean     basic)
{
  g_snprintf (buffer, 16, basic ? "%04u%02u%02u" : "%04u-%02u-%02u",
              (guint) g_date_get_year (date), (guint) g_date_get_month (date),
              (guint) g_date_get_day (date));
  return buffer;
}

static const char *
enum_nick (GType type,
           int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);
  const char *nick = v != NULL ? v->value_nick : "";

  /* Enum classes are static: the nick outlives the reference. */
  g_type_class_unref (klass);
  return nick;
}

static guint
effective_duration (AffTask *task)
{
  return aff_task_get_kind (task) == AFF_TASK_KIND_MILESTONE ? 0 : aff_task_get_duration (task);
}

static const char *
party_label (AffParty party)
{
  return _aff_party_word (lang, party);
}

/* ---- SVG Gantt chart ----------------------------------------------------- */

/* The drawing is laid out on whole pixels (half pixels for the centres of
 * odd-width days), so that the numbers are the same everywhere. */
#define MARGIN        10
#define TITLE_Y       26
#define SUBTITLE_Y    44
#define HEAD_TOP      56
#define HEAD_ROW      18
#define ROW_HEIGHT    24
#define BAR_Y         5     /* from the top of a row */
#define BAR_HEIGHT    12
#define GHOST_Y       18
#define GHOST_HEIGHT  4
#define DIAMOND       6     /* half the diagonal of a milestone */
#define NAME_CHARS    48    /* characters of a name beside its bar */
#define LEGEND_ITEM   150

/* Text and attribute values: XML 1.0 allows no control character but tab
 * and newlines, even as a reference, so the others become spaces. */
static void
append_xml (GString    *out,
            const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  const char *p;

  for (p = valid; *p != '\0'; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\'': g_string_append (out, "&apos;"); break;
      default:
        if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
          g_string_append_c (out, ' ');
        else
          g_string_append_c (out, *p);
      }
}

/* A length counted in half pixels, written as pixels. */
static void
append_half (GString *out,
             gint64   halves)
{
  if (halves < 0)
    {
      g_string_append_c (out, '-');
      halves = -halves;
    }
  g_string_append_printf (out, "%" G_GINT64_FORMAT "%s", halves / 2, halves % 2 != 0 ? ".5" : "");
}

typedef struct
{
  AffTask *task;
  gboolean milestone;
  gint64 start, finish;         /* days from the first day drawn */
  gboolean ghost;               /* a baseline is drawn */
  gint64 ghost_start, ghost_finish;
  const AffSlip *slip;          /* when the task moved since the baseline */
  /* in half pixels: the ends of the bar (or diamond) and the top of its row */
  gint64 x0, x1;
  gint64 top;
} Row;

static void
append_tooltip (GString   *out,
                const Row *row,
                const char *baseline)
{
  AffTask *task = row->task;
  char a[16], b[16];
  const char *name = aff_task_get_name (task);

  g_string_append (out, "<title>");
  append_xml (out, aff_task_get_id (task));
  if (name != NULL && *name != '\0')
    {
      g_string_append (out, " ");
      append_xml (out, name);
    }
  g_string_append_c (out, '\n');
  if (row->milestone)
    g_string_append_printf (out, L ("Jalon\u00a0: %s", "Milestone: %s"),
                            format_iso (a, aff_task_get_early_start (task), FALSE));
  else
    g_string_append_printf (out, effective_duration (task) == 1
                                 ? L ("Du %s au %s, %u\u00a0j ouvré", "From %s to %s, %u working day")
                                 : L ("Du %s au %s, %u\u00a0j ouvrés", "From %s to %s, %u working days"),
                            format_iso (a, aff_task_get_early_start (task), FALSE),
                            format_iso (b, aff_task_get_early_finish (task), FALSE),
                            effective_duration (task));
  g_string_append_c (out, '\n');
  g_string_append_printf (out, L ("Marge totale\u00a0: %d\u00a0j, marge libre\u00a0: %d\u00a0j",
                                  "Total float: %d d, free float: %d d"),
                          aff_task_get_total_float (task), aff_task_get_free_float (task));
  if (aff_task_is_critical (task))
    g_string_append (out, L (", critique", ", critical"));
  if (!row->milestone)
    {
      g_string_append_c (out, '\n');
      g_string_append_printf (out, L ("Avancement\u00a0: %u\u00a0%%", "Progress: %u%%"),
                              aff_task_get_progress (task));
    }
  if (row->slip != NULL)
    {
      g_autofree char *label = NULL;

      g_string_append_c (out, '\n');
      label = g_strdup_printf (L ("Référence « %s »\u00a0: ", "Baseline “%s”: "), baseline);
      append_xml (out, label);
      if (row->milestone)
        g_string_append (out, format_iso (a, aff_slip_get_baseline_start (row->slip), FALSE));
      else
        g_string_append_printf (out, L ("du %s au %s", "from %s to %s"),
                                format_iso (a, aff_slip_get_baseline_start (row->slip), FALSE),
                                format_iso (b, aff_slip_get_baseline_finish (row->slip), FALSE));
      g_string_append_printf (out, L (" (écart %+d\u00a0j)", " (slip %+d d)"),
                              aff_slip_get_finish_slip (row->slip));
    }
  g_string_append (out, "</title>\n");
}

static void
append_diamond (GString    *out,
                const char *css_class,
                gint64      cx,
                gint64      cy,
                gint64      half)
{
  g_string_append_printf (out, "<polygon class=\"%s\" points=\"", css_class);
  append_half (out, cx); g_string_append_c (out, ','); append_half (out, cy - half);
  g_string_append_c (out, ' ');
  append_half (out, cx + half); g_string_append_c (out, ','); append_half (out, cy);
  g_string_append_c (out, ' ');
  append_half (out, cx); g_string_append_c (out, ','); append_half (out, cy + half);
  g_string_append_c (out, ' ');
  append_half (out, cx - half); g_string_append_c (out, ','); append_half (out, cy);
  g_string_append (out, "\"/>\n");
}

/* A rectangle, with a tooltip when @tooltip is not %NULL. */
static void
append_rect_titled (GString    *out,
                    const char *css_class,
                    gint64      x,
                    gint64      y,
                    gint64      width,
                    gint64      height,
                    const char *tooltip)
{
  g_string_append_printf (out, "<rect class=\"%s\" x=\"", css_class);
  append_half (out, x);
  g_string_append (out, "\" y=\"");
  append_half (out, y);
  g_string_append (out, "\" width=\"");
  append_half (out, width);
  g_string_append (out, "\" height=\"");
  append_half (out, height);
  if (tooltip == NULL)
    {
      g_string_append (out, "\"/>\n");
      return;
    }
  g_string_append (out, "\"><title>");
  append_xml (out, tooltip);
  g_string_append (out, "</title></rect>\n");
}

static void
append_rect (GString    *out,
             const char *css_class,
             gint64      x,
             gint64      y,
             gint64      width,
             gint64      height)
{
  append_rect_titled (out, css_class, x, y, width, height, NULL);
}

static const char svg_style[] =
  "<style>\n"
  "text { font-family: \"DejaVu Sans\", \"Liberation Sans\", Arial, sans-serif; font-size: 11px; fill: #222; }\n"
  ".title { font-size: 16px; font-weight: bold; }\n"
  ".subtitle { fill: #555; }\n"
  ".head { fill: #f4f4f4; stroke: #bbb; stroke-width: 0.5; }\n"
  ".head-text { font-size: 10px; fill: #333; }\n"
  ".day { font-size: 9px; fill: #555; text-anchor: middle; }\n"
  ".off { fill: #e6e6e6; }\n"
  ".grid { stroke: #d8d8d8; stroke-width: 0.5; }\n"
  ".id { font-weight: bold; }\n"
  ".bar { fill: #8fb3e0; stroke: #3d6fb0; stroke-width: 0.5; }\n"
  ".bar.critical { fill: #ec9a94; stroke: #b3362c; }\n"
  ".done { fill: #3d6fb0; }\n"
  ".done.critical { fill: #b3362c; }\n"
  ".milestone { fill: #333; }\n"
  ".milestone.critical { fill: #b3362c; }\n"
  ".ghost { fill: #cfcfcf; stroke: #888; stroke-width: 0.5; stroke-dasharray: 2 1; }\n"
  ".status { stroke: #e08a00; stroke-width: 2; stroke-dasharray: 4 2; }\n"
  ".link { fill: none; stroke: #666; stroke-width: 1; }\n"
  "</style>\n";

static void
append_link (GString             *out,
             const AffDependency *dependency,
             const Row           *rows,
             guint                n,
             GHashTable          *index)
{
  gpointer p, s;
  const Row *pred, *succ;
  AffDependencyType type = aff_dependency_get_dependency_type (dependency);
  gboolean from_finish = type == AFF_DEPENDENCY_TYPE_FINISH_START || type == AFF_DEPENDENCY_TYPE_FINISH_FINISH;
  gboolean to_finish = type == AFF_DEPENDENCY_TYPE_FINISH_FINISH || type == AFF_DEPENDENCY_TYPE_START_FINISH;
  gint64 xs, ys, xt, yt;

  if (!g_hash_table_lookup_extended (index, aff_dependency_get_predecessor_id (dependency), NULL, &p) ||
      !g_hash_table_lookup_extended (index, aff_dependency_get_successor_id (dependency), NULL, &s))
    return;
  g_assert (GPOINTER_TO_UINT (p) < n && GPOINTER_TO_UINT (s) < n);
  pred = &rows[GPOINTER_TO_UINT (p)];
  succ = &rows[GPOINTER_TO_UINT (s)];
  /* From the side of the predecessor the link starts from, along its row,
   * then down (or up) to the side of the successor it constrains, a few
   * pixels inside. */
  xs = from_finish ? pred->x1 : pred->x0;
  ys = pred->top + 2 * (BAR_Y + BAR_HEIGHT / 2);
  if (succ->milestone)
    xt = (succ->x0 + succ->x1) / 2;
  else
    xt = to_finish ? succ->x1 - 8 : succ->x0 + 8;
  yt = succ->top > pred->top ? succ->top + 2 * BAR_Y : succ->top + 2 * (BAR_Y + BAR_HEIGHT);
  g_string_append (out, "<path class=\"link\" marker-end=\"url(#aff-arrow)\" d=\"M");
  append_half (out, xs); g_string_append_c (out, ' '); append_half (out, ys);
  g_string_append (out, " H"); append_half (out, xt);
  g_string_append (out, " V"); append_half (out, yt);
  g_string_append (out, "\"/>\n");
}

/**
 * aff_plan_to_svg_gantt:
 * @self: a scheduled plan
 * @options: (nullable): how to draw it, or %NULL for the defaults
 * @error: return location for a #GError
 *
 * Draws the plan as a Gantt chart, a standalone SVG image in UTF-8 that a
 * browser opens: a title; a header of months, ISO weeks and (when days are
 * 14 pixels wide or more) day numbers; then one row per task, in the
 * plan's order, with its id and name (names longer than 48 characters are
 * cut, the tooltip has them whole).
 *
 * The chart runs over whole weeks, Monday to Sunday, from the plan's start
 * to its finish, widened to the baseline's dates and the status date. Each
 * calendar day is a column of the options' day width; the days the plan's
 * calendar does not work are shaded. A task's bar spans its early start to
 * its early finish, both included; it is red when the task is critical,
 * blue otherwise, and darker over the share of its width its progress
 * says. A milestone is a diamond in the column of its day. Dependencies are
 * arrows from the side of the predecessor to the side of the successor
 * they bind. Each row has a tooltip with the dates, the floats and the
 * progress.
 *
 * With a baseline in @options, each task the baseline has gets a grey ghost
 * bar under its own: the baseline's dates, from [method@Aff.Plan.compare_to_baseline],
 * for the tasks that moved, and the current dates for the others. With a
 * status date, a dashed vertical line marks the end of that day: the work
 * reported is the work done up to that day included.
 *
 * The words are French. The output depends on the plan and the options
 * only (no clock, no locale), so it can be compared byte for byte.
 *
 * Returns: (transfer full): the SVG document, or %NULL with
 *   %AFF_ERROR_INVALID_TRANSITION when the plan is not scheduled or changed
 *   since, or %AFF_ERROR_NOT_FOUND when the plan has no baseline of that
 *   name
 */
char *
aff_plan_to_svg_gantt (AffPlan                *self,
                       const AffGanttOptions  *options,
                       GError                **error)
{
  g_autoptr(AffGanttOptions) defaults = NULL;
  g_autoptr(GPtrArray) slips = NULL;
  g_autoptr(GPtrArray) dependencies = NULL;
  g_autoptr(GHashTable) index = NULL;
  g_autofree Row *rows = NULL;
  g_autofree char *subtitle = NULL;
  GListModel *tasks;
  AffCalendar *calendar;
  const GDate *plan_start, *plan_finish;
  const char *title;
  GString *out;
  GDate first, last, day;
  guint32 lo, hi;
  gint64 n_days, dw, left, chart_right, width, height, head_bottom, rows_top, rows_bottom, y;
  guint n, i, id_chars = 2, name_chars = 4, n_legend;
  gboolean day_numbers, status;

  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_scheduled (self, error))
    return NULL;
  if (options == NULL)
    options = defaults = aff_gantt_options_new ();
  if (options->baseline != NULL &&
      (slips = aff_plan_compare_to_baseline (self, options->baseline, error)) == NULL)
    return NULL;

  tasks = aff_plan_get_tasks (self);
  calendar = aff_plan_get_calendar (self);
  plan_start = aff_plan_get_start (self);
  plan_finish = aff_plan_get_finish (self);
  g_return_val_if_fail (plan_start != NULL && plan_finish != NULL, NULL);
  status = g_date_valid (&options->status_date);
  dw = options->day_width;
  n = g_list_model_get_n_items (tasks);
  rows = g_new0 (Row, MAX (n, 1));
  index = g_hash_table_new (g_str_hash, g_str_equal);

  /* The days to draw: everything a bar, a ghost or the status line needs. */
  lo = g_date_get_julian (plan_start);
  hi = MAX (lo, g_date_get_julian (plan_finish));
  if (status)
    {
      lo = MIN (lo, g_date_get_julian (&options->status_date));
      hi = MAX (hi, g_date_get_julian (&options->status_date));
    }
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffTask) task = g_list_model_get_item (tasks, i);

      g_hash_table_insert (index, (gpointer) aff_task_get_id (task), GUINT_TO_POINTER (i));
      lo = MIN (lo, g_date_get_julian (aff_task_get_early_start (task)));
      hi = MAX (hi, g_date_get_julian (aff_task_get_early_finish (task)));
      id_chars = MAX (id_chars, g_utf8_strlen (aff_task_get_id (task), -1));
      if (aff_task_get_name (task) != NULL)
        name_chars = MAX (name_chars, MIN (NAME_CHARS, g_utf8_strlen (aff_task_get_name (task), -1)));
    }
  for (i = 0; slips != NULL && i < slips->len; i++)
    {
      const AffSlip *slip = g_ptr_array_index (slips, i);

      lo = MIN (lo, g_date_get_julian (aff_slip_get_baseline_start (slip)));
      hi = MAX (hi, g_date_get_julian (aff_slip_get_baseline_finish (slip)));
    }
  /* Whole weeks, Monday to Sunday: julian day 1 is a Monday. */
  lo -= (lo - 1) % 7;
  hi += 6 - (hi - 1) % 7;
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_julian (&first, lo);
  g_date_set_julian (&last, hi);
  n_days = (gint64) hi - lo + 1;

  /* Text widths are guessed from the number of characters: an SVG file
   * cannot measure its text, and the guess errs on the wide side. */
  left = MARGIN + 8 * id_chars + 12 + (13 * name_chars + 1) / 2 + 12;
  chart_right = left + n_days * dw;
  day_numbers = dw >= 14;
  head_bottom = HEAD_TOP + HEAD_ROW * (day_numbers ? 3 : 2);
  rows_top = head_bottom;
  rows_bottom = rows_top + (gint64) n * ROW_HEIGHT;
  n_legend = 4 + (slips != NULL) + status;
  width = MAX (chart_right + MARGIN, MARGIN + (gint64) n_legend * LEGEND_ITEM);
  height = rows_bottom + 14 + 24;

  for (i = 0; i < n; i++)
    {
      g_autoptr(AffTask) task = g_list_model_get_item (tasks, i);
      Row *row = &rows[i];

      row->task = task;   /* the plan holds it */
      row->milestone = aff_task_get_kind (task) == AFF_TASK_KIND_MILESTONE;
      row->start = (gint64) g_date_get_julian (aff_task_get_early_start (task)) - lo;
      row->finish = (gint64) g_date_get_julian (aff_task_get_early_finish (task)) - lo;
      /* A task added since the baseline has no ghost. */
      row->ghost = slips != NULL &&
                   aff_plan_get_baseline_dates (self, options->baseline, aff_task_get_id (task), NULL, NULL);
      row->ghost_start = row->start;
      row->ghost_finish = row->finish;
      row->top = 2 * (rows_top + (gint64) i * ROW_HEIGHT);
      if (row->milestone)
        {
          gint64 cx = 2 * (left + row->start * dw) + dw;
          row->x0 = cx - 2 * DIAMOND;
          row->x1 = cx + 2 * DIAMOND;
        }
      else
        {
          row->x0 = 2 * (left + row->start * dw);
          row->x1 = 2 * (left + (row->finish + 1) * dw);
        }
    }
  for (i = 0; slips != NULL && i < slips->len; i++)
    {
      const AffSlip *slip = g_ptr_array_index (slips, i);
      gpointer k;

      if (g_hash_table_lookup_extended (index, aff_slip_get_task_id (slip), NULL, &k))
        {
          Row *row = &rows[GPOINTER_TO_UINT (k)];

          row->slip = slip;
          row->ghost_start = (gint64) g_date_get_julian (aff_slip_get_baseline_start (slip)) - lo;
          row->ghost_finish = (gint64) g_date_get_julian (aff_slip_get_baseline_finish (slip)) - lo;
        }
    }

  title = options->title != NULL ? options->title : L ("Planning", "Schedule");
  {
    char a[16], b[16];
    GString *text = g_string_new (NULL);

    g_string_append_printf (text, L ("Du %s au %s", "From %s to %s"),
                            format_iso (a, plan_start, FALSE), format_iso (b, plan_finish, FALSE));
    if (options->baseline != NULL)
      g_string_append_printf (text, L (" — référence « %s »", " — baseline “%s”"), options->baseline);
    if (status)
      g_string_append_printf (text, L (" — état au %s", " — status on %s"),
                              format_iso (a, &options->status_date, FALSE));
    subtitle = g_string_free (text, FALSE);
  }

  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (out,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%" G_GINT64_FORMAT
                          "\" height=\"%" G_GINT64_FORMAT "\" viewBox=\"0 0 %" G_GINT64_FORMAT
                          " %" G_GINT64_FORMAT "\" lang=\"%s\">\n",
                          width, height, width, height, L ("fr", "en"));
  g_string_append (out, "<title>");
  append_xml (out, title);
  g_string_append (out, "</title>\n");
  g_string_append (out, svg_style);
  g_string_append (out, "<defs><marker id=\"aff-arrow\" viewBox=\"0 0 6 6\" refX=\"6\" refY=\"3\" "
                        "markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\">"
                        "<path d=\"M0,0 L6,3 L0,6 z\" fill=\"#666\"/></marker></defs>\n");
  g_string_append_printf (out, "<rect x=\"0\" y=\"0\" width=\"%" G_GINT64_FORMAT "\" height=\"%"
                          G_GINT64_FORMAT "\" fill=\"#fff\"/>\n", width, height);
  g_string_append_printf (out, "<text class=\"title\" x=\"%d\" y=\"%d\">", MARGIN, TITLE_Y);
  append_xml (out, title);
  g_string_append (out, "</text>\n");
  g_string_append_printf (out, "<text class=\"subtitle\" x=\"%d\" y=\"%d\">", MARGIN, SUBTITLE_Y);
  append_xml (out, subtitle);
  g_string_append (out, "</text>\n");

  /* The days off, under everything. */
  g_string_append (out, "<g class=\"days-off\">\n");
  day = first;
  for (gint64 k = 0; k < n_days; k++)
    {
      if (!aff_calendar_is_working_day (calendar, &day))
        {
          gint64 top = day_numbers ? HEAD_TOP + 2 * HEAD_ROW : rows_top;
          g_autofree char *tooltip = NULL;
          char a[16];

          /* A weekday off is a holiday or an exception: say so. Its name is
           * not written: the calendar translates it, and the chart must not
           * depend on the locale. */
          if (aff_calendar_get_working_weekday (calendar, g_date_get_weekday (&day)))
            tooltip = g_strconcat (format_iso (a, &day, FALSE),
                                   L ("\u00a0: jour férié ou chômé", ": holiday or day off"), NULL);
          append_rect_titled (out, "off", 2 * (left + k * dw), 2 * top, 2 * dw,
                              2 * (MAX (rows_bottom, rows_top + 1) - top), tooltip);
        }
      g_date_add_days (&day, 1);
    }
  g_string_append (out, "</g>\n");

  /* The header: months, then weeks, then days. */
  g_string_append (out, "<g class=\"header\">\n");
  day = first;
  for (gint64 k = 0; k < n_days;)
    {
      GDateMonth month = g_date_get_month (&day);
      GDateYear year = g_date_get_year (&day);
      gint64 span = MIN ((gint64) g_date_get_days_in_month (month, year) - g_date_get_day (&day) + 1, n_days - k);
      g_autofree char *label = g_strdup_printf ("%s %u", _aff_doc_month_name (lang, month), (guint) year);

      append_rect (out, "head", 2 * (left + k * dw), 2 * HEAD_TOP, 2 * span * dw, 2 * HEAD_ROW);
      /* A label only where it fits, at about 6 pixels a character. */
      if (span * dw >= 8 + 6 * (gint64) g_utf8_strlen (label, -1))
        {
          g_string_append_printf (out, "<text class=\"head-text\" x=\"%" G_GINT64_FORMAT "\" y=\"%d\">",
                                  left + k * dw + 4, HEAD_TOP + 13);
          append_xml (out, label);
          g_string_append (out, "</text>\n");
        }
      g_date_add_days (&day, span);
      k += span;
    }
  day = first;
  for (gint64 k = 0; k < n_days; k += 7)
    {
      append_rect (out, "head", 2 * (left + k * dw), 2 * (HEAD_TOP + HEAD_ROW), 2 * 7 * dw, 2 * HEAD_ROW);
      if (7 * dw >= 30)
        g_string_append_printf (out, "<text class=\"head-text\" x=\"%" G_GINT64_FORMAT "\" y=\"%d\">%s%02u</text>\n",
                                left + k * dw + 4, HEAD_TOP + HEAD_ROW + 13, L ("S", "W"),
                                g_date_get_iso8601_week_of_year (&day));
      g_date_add_days (&day, 7);
    }
  if (day_numbers)
    {
      day = first;
      for (gint64 k = 0; k < n_days; k++)
        {
          g_string_append (out, "<text class=\"day\" x=\"");
          append_half (out, 2 * (left + k * dw) + dw);
          g_string_append_printf (out, "\" y=\"%d\">%u</text>\n", HEAD_TOP + 2 * HEAD_ROW + 13,
                                  (guint) g_date_get_day (&day));
          g_date_add_days (&day, 1);
        }
    }
  g_string_append (out, "</g>\n");

  g_string_append (out, "<g class=\"grid\">\n");
  for (gint64 k = 0; k <= n_days; k += 7)
    g_string_append_printf (out, "<line class=\"grid\" x1=\"%" G_GINT64_FORMAT "\" y1=\"%d\" x2=\"%"
                            G_GINT64_FORMAT "\" y2=\"%" G_GINT64_FORMAT "\"/>\n",
                            left + k * dw, HEAD_TOP, left + k * dw, rows_bottom);
  for (i = 0; i <= n; i++)
    {
      y = rows_top + (gint64) i * ROW_HEIGHT;
      g_string_append_printf (out, "<line class=\"grid\" x1=\"%d\" y1=\"%" G_GINT64_FORMAT "\" x2=\"%"
                              G_GINT64_FORMAT "\" y2=\"%" G_GINT64_FORMAT "\"/>\n",
                              MARGIN, y, chart_right, y);
    }
  g_string_append (out, "</g>\n");

  /* The links, under the bars they join. */
  dependencies = aff_plan_get_dependencies (self);
  if (dependencies->len > 0)
    {
      g_string_append (out, "<g class=\"links\">\n");
      for (i = 0; i < dependencies->len; i++)
        append_link (out, g_ptr_array_index (dependencies, i), rows, n, index);
      g_string_append (out, "</g>\n");
    }

  for (i = 0; i < n; i++)
    {
      const Row *row = &rows[i];
      AffTask *task = row->task;
      const char *name = aff_task_get_name (task);
      gboolean critical = aff_task_is_critical (task);
      gint64 text_y = row->top / 2 + BAR_Y + BAR_HEIGHT - 2;

      g_string_append (out, "<g class=\"task\" data-task=\"");
      append_xml (out, aff_task_get_id (task));
      g_string_append (out, "\">\n");
      append_tooltip (out, row, options->baseline);
      g_string_append_printf (out, "<text class=\"id\" x=\"%d\" y=\"%" G_GINT64_FORMAT "\">", MARGIN, text_y);
      append_xml (out, aff_task_get_id (task));
      g_string_append (out, "</text>\n");
      if (name != NULL && *name != '\0')
        {
          g_autofree char *shown = NULL;

          if (g_utf8_strlen (name, -1) > NAME_CHARS)
            {
              g_autofree char *valid = g_utf8_make_valid (name, -1);
              g_autofree char *cut = g_utf8_substring (valid, 0, NAME_CHARS - 1);
              shown = g_strconcat (cut, "…", NULL);
            }
          g_string_append_printf (out, "<text x=\"%d\" y=\"%" G_GINT64_FORMAT "\">",
                                  MARGIN + 8 * id_chars + 12, text_y);
          append_xml (out, shown != NULL ? shown : name);
          g_string_append (out, "</text>\n");
        }
      if (row->ghost)
        {
          if (row->milestone)
            append_diamond (out, "ghost", 2 * (left + row->ghost_start * dw) + dw,
                            row->top + 2 * (GHOST_Y + 2), 2 * 3);
          else
            append_rect (out, "ghost", 2 * (left + row->ghost_start * dw), row->top + 2 * GHOST_Y,
                         2 * (row->ghost_finish - row->ghost_start + 1) * dw, 2 * GHOST_HEIGHT);
        }
      if (row->milestone)
        append_diamond (out, critical ? "milestone critical" : "milestone",
                        (row->x0 + row->x1) / 2, row->top + 2 * (BAR_Y + BAR_HEIGHT / 2), 2 * DIAMOND);
      else
        {
          gint64 bar_width = row->x1 - row->x0;
          guint progress = MIN (aff_task_get_progress (task), 100);

          append_rect (out, critical ? "bar critical" : "bar", row->x0, row->top + 2 * BAR_Y,
                       bar_width, 2 * BAR_HEIGHT);
          /* Rounded to the nearest whole pixel. */
          if (progress > 0)
            append_rect (out, critical ? "done critical" : "done", row->x0, row->top + 2 * BAR_Y,
                         2 * ((bar_width / 2 * progress + 50) / 100), 2 * BAR_HEIGHT);
        }
      g_string_append (out, "</g>\n");
    }

  if (status)
    {
      gint64 x = left + ((gint64) g_date_get_julian (&options->status_date) - lo + 1) * dw;
      char a[16];

      g_string_append_printf (out, "<line class=\"status\" x1=\"%" G_GINT64_FORMAT "\" y1=\"%d\" x2=\"%"
                              G_GINT64_FORMAT "\" y2=\"%" G_GINT64_FORMAT "\"><title>%s%s</title></line>\n",
                              x, HEAD_TOP, x, rows_bottom + 4, L ("Date d’état\u00a0: ", "Status date: "),
                              format_iso (a, &options->status_date, FALSE));
    }

  /* The legend. */
  {
    gint64 lx = MARGIN, ly = rows_bottom + 14;

    g_string_append (out, "<g class=\"legend\">\n");
    append_rect (out, "bar", 2 * lx, 2 * ly, 2 * 24, 2 * 10);
    g_string_append_printf (out, "<text x=\"%" G_GINT64_FORMAT "\" y=\"%" G_GINT64_FORMAT "\">%s</text>\n",
                            lx + 30, ly + 9, L ("Tâche (avancement)", "Task (progress)"));
    append_rect (out, "done", 2 * lx, 2 * ly, 2 * 10, 2 * 10);
    lx += LEGEND_ITEM;
    append_rect (out, "bar critical", 2 * lx, 2 * ly, 2 * 24, 2 * 10);
    append_rect (out, "done critical", 2 * lx, 2 * ly, 2 * 10, 2 * 10);
    g_string_append_printf (out, "<text x=\"%" G_GINT64_FORMAT "\" y=\"%" G_GINT64_FORMAT "\">%s</text>\n",
                            lx + 30, ly + 9, L ("Tâche critique", "Critical task"));
    lx += LEGEND_ITEM;
    append_diamond (out, "milestone", 2 * (lx + 6), 2 * (ly + 5), 2 * DIAMOND);
    g_string_append_printf (out, "<text x=\"%" G_GINT64_FORMAT "\" y=\"%" G_GINT64_FORMAT "\">%s</text>\n",
                            lx + 18, ly + 9, L ("Jalon", "Milestone"));
    lx += LEGEND_ITEM;
    append_rect (out, "off", 2 * lx, 2 * (ly - 2), 2 * 14, 2 * 14);
    g_string_append_printf (out, "<text x=\"%" G_GINT64_FORMAT "\" y=\"%" G_GINT64_FORMAT "\">%s</text>\n",
                            lx + 20, ly + 9, L ("Jour non ouvré", "Non-working day"));
    lx += LEGEND_ITEM;
    if (slips != NULL)
      {
        append_rect (out, "ghost", 2 * lx, 2 * (ly + 3), 2 * 24, 2 * GHOST_HEIGHT);
        g_string_append_printf (out, "<text x=\"%" G_GINT64_FORMAT "\" y=\"%" G_GINT64_FORMAT "\">",
                                lx + 30, ly + 9);
        append_xml (out, L ("Référence", "Baseline"));
        g_string_append (out, "</text>\n");
        lx += LEGEND_ITEM;
      }
    if (status)
      {
        g_string_append_printf (out, "<line class=\"status\" x1=\"%" G_GINT64_FORMAT "\" y1=\"%" G_GINT64_FORMAT
                                "\" x2=\"%" G_GINT64_FORMAT "\" y2=\"%" G_GINT64_FORMAT "\"/>\n",
                                lx + 6, ly - 2, lx + 6, ly + 12);
        g_string_append_printf (out, "<text x=\"%" G_GINT64_FORMAT "\" y=\"%" G_GINT64_FORMAT "\">%s</text>\n",
                                lx + 18, ly + 9, L ("Date d’état", "Status date"));
      }
    g_string_append (out, "</g>\n");
  }

  g_string_append (out, "</svg>\n");
  return g_string_free (out, FALSE);
}

/* ---- iCalendar ----------------------------------------------------------- */

/* A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newline
 * escaped; the other control characters, which TEXT does not allow, become
 * spaces. */
static void
append_ical_text (GString    *out,
                  const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  const char *p;

  for (p = valid; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case ';': g_string_append (out, "\\;"); break;
      case ',': g_string_append (out, "\\,"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r':
        if (p[1] != '\n')
          g_string_append (out, "\\n");
        break;
      default:
        if (((guchar) *p < 0x20 && *p != '\t') || *p == 0x7f)
          g_string_append_c (out, ' ');
        else
          g_string_append_c (out, *p);
      }
}

/* Ends a content line: folded into lines of at most 75 octets (RFC 5545
 * §3.1), each continuation starting with a space, never inside a UTF-8
 * character; then CRLF. @line is valid UTF-8. */
static void
append_folded (GString    *out,
               const char *line)
{
  const char *p = line;
  gsize octets = 0;

  while (*p != '\0')
    {
      const char *next = g_utf8_next_char (p);
      gsize size = next - p;

      if (octets + size > 75)
        {
          g_string_append (out, "\r\n ");
          octets = 1;
        }
      g_string_append_len (out, p, size);
      octets += size;
      p = next;
    }
  g_string_append (out, "\r\n");
}

static gboolean
ical_event_kind (AffTaskKind kind)
{
  return kind == AFF_TASK_KIND_MILESTONE || kind == AFF_TASK_KIND_INSPECTION ||
         kind == AFF_TASK_KIND_INTERVENTION || kind == AFF_TASK_KIND_DESIGN_REVIEW;
}

/**
 * aff_plan_to_icalendar:
 * @self: a scheduled plan
 * @uid_domain: the domain that makes the events' UIDs unique, such as
 *   `affaires.example.com`
 * @error: return location for a #GError
 *
 * Writes the dates people meet at as an iCalendar document (RFC 5545) that
 * calendar applications import: one all-day event per milestone, design
 * review, inspection and intervention, in the plan's order, from the
 * task's early start to its early finish included (so `DTEND` is the day
 * after, as the RFC wants). The other tasks are work the team plans, not
 * appointments, and are left out.
 *
 * Each event's `UID` is the task's id, `@` and @uid_domain, so that
 * importing the plan again updates the events instead of doubling them.
 * Its `SUMMARY` is the task's name (its id when it has none), its
 * `DESCRIPTION` says who does it and where, its `LOCATION` is the task's
 * zone and its `CATEGORIES` the nick of its kind (such as `inspection`).
 *
 * `DTSTAMP`, which the RFC requires, is the plan's start at midnight UTC
 * rather than the time of the export: nothing in the library reads the
 * clock, and the same plan always gives the same bytes.
 *
 * Lines end with CRLF and are folded at 75 octets, never inside a UTF-8
 * character; text is escaped as RFC 5545 §3.3.11 says. The words are
 * French.
 *
 * Returns: (transfer full): the iCalendar document, or %NULL with
 *   %AFF_ERROR_INVALID_TRANSITION when the plan is not scheduled or changed
 *   since, or %AFF_ERROR_INVALID_VALUE when @uid_domain is empty or holds
 *   a space or a control character
 */
char *
aff_plan_to_icalendar (AffPlan     *self,
                       const char  *uid_domain,
                       GError     **error)
{
  g_autoptr(GString) line = g_string_new (NULL);
  GListModel *tasks;
  const GDate *plan_start;
  GString *out;
  char a[16];
  const char *p;
  guint n, i;

  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_scheduled (self, error))
    return NULL;
  for (p = uid_domain; p != NULL && *p != '\0'; p++)
    if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
      break;
  if (uid_domain == NULL || *uid_domain == '\0' || *p != '\0' || !g_utf8_validate (uid_domain, -1, NULL))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("“%s” cannot make unique event identifiers: a domain is needed, without spaces"),
                   uid_domain != NULL && g_utf8_validate (uid_domain, -1, NULL) ? uid_domain : "");
      return NULL;
    }

  tasks = aff_plan_get_tasks (self);
  plan_start = aff_plan_get_start (self);
  g_return_val_if_fail (plan_start != NULL, NULL);
  n = g_list_model_get_n_items (tasks);
  out = g_string_new (NULL);
  append_folded (out, "BEGIN:VCALENDAR");
  append_folded (out, "VERSION:2.0");
  append_folded (out, "PRODID:-//libaffaires//planning//FR");
  append_folded (out, "CALSCALE:GREGORIAN");
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffTask) task = g_list_model_get_item (tasks, i);
      const char *name = aff_task_get_name (task);
      const char *party_name = aff_task_get_party_name (task);
      const char *zone = aff_task_get_zone (task);
      GDate end;

      if (!ical_event_kind (aff_task_get_kind (task)))
        continue;
      append_folded (out, "BEGIN:VEVENT");

      g_string_assign (line, "UID:");
      append_ical_text (line, aff_task_get_id (task));
      g_string_append_c (line, '@');
      append_ical_text (line, uid_domain);
      append_folded (out, line->str);

      g_string_printf (line, "DTSTAMP:%sT000000Z", format_iso (a, plan_start, TRUE));
      append_folded (out, line->str);
      g_string_printf (line, "DTSTART;VALUE=DATE:%s", format_iso (a, aff_task_get_early_start (task), TRUE));
      append_folded (out, line->str);
      end = *aff_task_get_early_finish (task);
      g_date_add_days (&end, 1);
      g_string_printf (line, "DTEND;VALUE=DATE:%s", format_iso (a, &end, TRUE));
      append_folded (out, line->str);

      g_string_assign (line, "SUMMARY:");
      append_ical_text (line, name != NULL && *name != '\0' ? name : aff_task_get_id (task));
      append_folded (out, line->str);

      {
        g_autoptr(GString) description = g_string_new (NULL);
        AffParty party = aff_task_get_party (task);

        if (party_name != NULL && *party_name != '\0')
          g_string_append_printf (description, L ("Intervenant\u00a0: %s (%s)", "By: %s (%s)"),
                                  party_name, party_label (party));
        else
          g_string_append_printf (description, L ("Intervenant\u00a0: %s", "By: %s"), party_label (party));
        if (zone != NULL && *zone != '\0')
          g_string_append_printf (description, L ("\nZone\u00a0: %s", "\nArea: %s"), zone);
        g_string_assign (line, "DESCRIPTION:");
        append_ical_text (line, description->str);
        append_folded (out, line->str);
      }
      if (zone != NULL && *zone != '\0')
        {
          g_string_assign (line, "LOCATION:");
          append_ical_text (line, zone);
          append_folded (out, line->str);
        }
      g_string_assign (line, "CATEGORIES:");
      append_ical_text (line, enum_nick (AFF_TYPE_TASK_KIND, aff_task_get_kind (task)));
      append_folded (out, line->str);
      append_folded (out, "END:VEVENT");
    }
  append_folded (out, "END:VCALENDAR");
  return g_string_free (out, FALSE);
}

/* ---- CSV ----------------------------------------------------------------- */

/* A field (RFC 4180), quoted when it holds a comma, a quote or a line
 * break, quotes doubled. */
static void
append_csv_field (GString    *out,
                  const char *text,
                  gboolean    last)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  if (strpbrk (valid, ",\"\r\n") != NULL)
    {
      const char *p;

      g_string_append_c (out, '"');
      for (p = valid; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, valid);
  g_string_append (out, last ? "\r\n" : ",");
}

/**
 * aff_plan_to_csv:
 * @self: a scheduled plan
 * @error: return location for a #GError
 *
 * Writes the schedule as a table for spreadsheets: CSV as RFC 4180 defines
 * it, in UTF-8, CRLF after every record, fields quoted when they hold a
 * comma, a quote or a line break.
 *
 * The header is `id,name,kind,party,party_name,duration,early_start,
 * early_finish,late_start,late_finish,total_float,free_float,critical,
 * progress`; then one record per task in the plan's order. `kind` and
 * `party` are the nicks of [enum@Aff.TaskKind] and [enum@Aff.Party]
 * (such as `design-review`, `inspection-body`); `duration` and the floats
 * are working days (a milestone lasts 0 whatever its duration says);
 * dates are ISO 8601 (`2027-03-25`); `critical` is `true` or `false`;
 * `progress` is a percentage.
 *
 * Returns: (transfer full): the CSV text, or %NULL with
 *   %AFF_ERROR_INVALID_TRANSITION when the plan is not scheduled or
 *   changed since
 */
char *
aff_plan_to_csv (AffPlan  *self,
                 GError  **error)
{
  GListModel *tasks;
  GString *out;
  guint n, i;

  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_scheduled (self, error))
    return NULL;
  tasks = aff_plan_get_tasks (self);
  n = g_list_model_get_n_items (tasks);
  out = g_string_new ("id,name,kind,party,party_name,duration,early_start,early_finish,"
                      "late_start,late_finish,total_float,free_float,critical,progress\r\n");
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffTask) task = g_list_model_get_item (tasks, i);
      char number[32], es[16], ef[16], ls[16], lf[16];

      append_csv_field (out, aff_task_get_id (task), FALSE);
      append_csv_field (out, aff_task_get_name (task), FALSE);
      append_csv_field (out, enum_nick (AFF_TYPE_TASK_KIND, aff_task_get_kind (task)), FALSE);
      append_csv_field (out, enum_nick (AFF_TYPE_PARTY, aff_task_get_party (task)), FALSE);
      append_csv_field (out, aff_task_get_party_name (task), FALSE);
      g_snprintf (number, sizeof number, "%u", effective_duration (task));
      append_csv_field (out, number, FALSE);
      append_csv_field (out, format_iso (es, aff_task_get_early_start (task), FALSE), FALSE);
      append_csv_field (out, format_iso (ef, aff_task_get_early_finish (task), FALSE), FALSE);
      append_csv_field (out, format_iso (ls, aff_task_get_late_start (task), FALSE), FALSE);
      append_csv_field (out, format_iso (lf, aff_task_get_late_finish (task), FALSE), FALSE);
      g_snprintf (number, sizeof number, "%d", aff_task_get_total_float (task));
      append_csv_field (out, number, FALSE);
      g_snprintf (number, sizeof number, "%d", aff_task_get_free_float (task));
      append_csv_field (out, number, FALSE);
      append_csv_field (out, aff_task_is_critical (task) ? "true" : "false", FALSE);
      g_snprintf (number, sizeof number, "%u", aff_task_get_progress (task));
      append_csv_field (out, number, TRUE);
    }
  return g_string_free (out, FALSE);
}
