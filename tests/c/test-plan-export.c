/* test-plan-export.c: the Gantt chart, iCalendar and CSV views of a plan
 *
 * The plan is an industrial maintenance job over Easter 2027 (the same in
 * tests/python/test_plan_export.py and tests/js/testPlanExport.js):
 * replacing the tube bundle of a boiler's exchanger. It starts on Monday
 * 15 March 2027, on the French calendar, whose only holiday in the period
 * is Easter Monday, 29 March 2027 (Easter Sunday is 28 March; Good Friday,
 * 26 March, is worked outside Alsace-Moselle).
 *
 *   J0   milestone     Ordre de service                             client
 *   REV  design review Revue du mode opératoire de soudage, 3 d     internal
 *   ACH  purchase      Approvisionnement joints et boulonnerie, 6 d supplier
 *   ECH  intervention  Consignation et échafaudage, 4 d             subcontractor
 *   REM  intervention  Remplacement du faisceau tubulaire, 6 d      internal
 *   EPR  inspection    Épreuve hydraulique, 2 d                     inspection body
 *   DOE  task          Dossier des ouvrages exécutés "DOE", 1 d     internal
 *   J1   milestone     Remise en service                            client
 *
 *   J0 → REV → ECH → REM, J0 → ACH → REM, REM → EPR → J1, REM → DOE → J1,
 *   all finish-to-start, no lag.
 *
 * Working days: Mon 15 .. Fri 19 Mar, Mon 22 .. Fri 26 Mar, (Sat 27, Sun 28,
 * Mon 29 Easter Monday off) Tue 30, Wed 31 Mar, Thu 1, Fri 2 Apr, Mon 5 ..
 * Fri 9 Apr.
 *
 * The baseline "contrat", by hand:
 *   J0 15 Mar (no predecessor: the plan's first day; its successors may
 *   start that day); REV 15-17 Mar; ACH 15-22 Mar (15..19, 22);
 *   ECH 18-23 Mar (18, 19, 22, 23); REM after ECH (23) and ACH (22):
 *   24 Mar - 1 Apr (24, 25, 26, 30, 31, 1); EPR 2-5 Apr (2, 5);
 *   DOE 2 Apr; J1 at the end of its latest predecessor, 5 Apr.
 *
 * Then the supplier announces three more days (ACH 9 d) and progress is
 * reported (REV 100 %, ACH 40 %, ECH 25 %). The schedule, by hand:
 *   ACH 15-25 Mar (15..19, 22..25); REM after ACH: 26 Mar - 5 Apr (26, 30,
 *   31, 1, 2, 5); EPR 6-7 Apr; DOE 6 Apr; J1 7 Apr. REV and ECH do not move.
 *   Critical: J0, ACH, REM, EPR, J1. ECH may finish on 25 Mar at the
 *   latest (REM starts on 26): late 22-25 Mar, total float 2 (22, 23 after
 *   18, 19 ... counted 18 → 22 = 2 working days), free float 2. REV late
 *   17-19 Mar, total float 2, free float 0 (ECH starts on 18). DOE late
 *   7 Apr, floats 1.
 *   Moved since the baseline: ACH, REM, EPR, DOE, J1.
 *
 * The chart, with days of 16 pixels, runs over whole weeks from Monday
 * 15 Mar to Sunday 11 Apr 2027 (28 days), so a day's column starts at
 * left + (day - 15 Mar) x 16, where left is the x of the first header cell.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <affaires.h>

#include "test-util.h"

/* ---- The plan ------------------------------------------------------------ */

typedef struct
{
  const char *id, *name;
  guint days;
  AffTaskKind kind;
  AffParty party;
  const char *party_name, *zone;
} Spec;

static const Spec specs[] = {
  { "J0", "Ordre de service", 0, AFF_TASK_KIND_MILESTONE, AFF_PARTY_CLIENT, "Raffinerie du Rhône", NULL },
  { "REV", "Revue du mode opératoire de soudage", 3, AFF_TASK_KIND_DESIGN_REVIEW, AFF_PARTY_INTERNAL, NULL, NULL },
  { "ACH", "Approvisionnement joints et boulonnerie", 6, AFF_TASK_KIND_PURCHASE, AFF_PARTY_SUPPLIER,
    "Fournitures Rhône-Alpes", NULL },
  { "ECH", "Consignation et échafaudage", 4, AFF_TASK_KIND_INTERVENTION, AFF_PARTY_SUBCONTRACTOR,
    "Échafaudages Martin & Fils, SARL", "Chaufferie B; niveau +12 m" },
  { "REM", "Remplacement du faisceau tubulaire", 6, AFF_TASK_KIND_INTERVENTION, AFF_PARTY_INTERNAL, NULL,
    "Chaufferie B" },
  { "EPR", "Épreuve hydraulique", 2, AFF_TASK_KIND_INSPECTION, AFF_PARTY_INSPECTION_BODY,
    "Organisme de contrôle Sud-Est", "Chaufferie B" },
  { "DOE", "Dossier des ouvrages exécutés \"DOE\"", 1, AFF_TASK_KIND_TASK, AFF_PARTY_INTERNAL, NULL, NULL },
  { "J1", "Remise en service", 0, AFF_TASK_KIND_MILESTONE, AFF_PARTY_CLIENT, "Raffinerie du Rhône", NULL },
};

static const char *const links[][2] = {
  { "J0", "REV" }, { "J0", "ACH" }, { "REV", "ECH" }, { "ECH", "REM" }, { "ACH", "REM" },
  { "REM", "EPR" }, { "REM", "DOE" }, { "EPR", "J1" }, { "DOE", "J1" },
};

#define TITLE "Arrêt technique — chaudière B & échangeur E-101"
#define UID_DOMAIN "affaires.example.com"

/* The plan before the supplier's delay: scheduled, no baseline. */
static AffPlan *
build_plan_unchanged (void)
{
  AffPlan *plan = aff_plan_new ();
  g_autoptr(GDate) start = day (2027, 3, 15);
  g_autoptr(GError) error = NULL;
  guint i;

  aff_plan_set_start (plan, start);
  for (i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      g_autoptr(AffTask) task = aff_task_new (specs[i].id, specs[i].name, specs[i].days);

      aff_task_set_kind (task, specs[i].kind);
      aff_task_set_party (task, specs[i].party);
      aff_task_set_party_name (task, specs[i].party_name);
      aff_task_set_zone (task, specs[i].zone);
      g_assert_true (aff_plan_add_task (plan, task, &error));
      g_assert_no_error (error);
    }
  for (i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_assert_true (aff_plan_add_dependency (plan, links[i][0], links[i][1],
                                              AFF_DEPENDENCY_TYPE_FINISH_START, 0, &error));
      g_assert_no_error (error);
    }
  g_assert_true (aff_plan_schedule (plan, &error));
  g_assert_no_error (error);
  return plan;
}

static AffPlan *
build_plan (void)
{
  AffPlan *plan = build_plan_unchanged ();
  g_autoptr(GError) error = NULL;

  g_assert_true (aff_plan_save_baseline (plan, "contrat", &error));
  g_assert_no_error (error);
  aff_task_set_duration (aff_plan_lookup_task (plan, "ACH"), 9);
  aff_task_set_progress (aff_plan_lookup_task (plan, "REV"), 100);
  aff_task_set_progress (aff_plan_lookup_task (plan, "ACH"), 40);
  aff_task_set_progress (aff_plan_lookup_task (plan, "ECH"), 25);
  g_assert_true (aff_plan_schedule (plan, &error));
  g_assert_no_error (error);
  return plan;
}

static AffGanttOptions *
build_options (void)
{
  AffGanttOptions *options = aff_gantt_options_new ();
  g_autoptr(GDate) status = day (2027, 3, 19);

  aff_gantt_options_set_title (options, TITLE);
  aff_gantt_options_set_status_date (options, status);
  aff_gantt_options_set_baseline (options, "contrat");
  return options;
}

static char *
svg_of (AffPlan               *plan,
        const AffGanttOptions *options)
{
  g_autoptr(GError) error = NULL;
  char *svg = aff_plan_to_svg_gantt (plan, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (svg);
  return svg;
}

/* The schedule the comment above works out, as the API gives it. */
static void
test_schedule (void)
{
  g_autoptr(AffPlan) plan = build_plan ();
  static const struct { const char *id; int es[3], ef[3]; gboolean critical; } expected[] = {
    { "J0", { 2027, 3, 15 }, { 2027, 3, 15 }, TRUE },
    { "REV", { 2027, 3, 15 }, { 2027, 3, 17 }, FALSE },
    { "ACH", { 2027, 3, 15 }, { 2027, 3, 25 }, TRUE },
    { "ECH", { 2027, 3, 18 }, { 2027, 3, 23 }, FALSE },
    { "REM", { 2027, 3, 26 }, { 2027, 4, 5 }, TRUE },
    { "EPR", { 2027, 4, 6 }, { 2027, 4, 7 }, TRUE },
    { "DOE", { 2027, 4, 6 }, { 2027, 4, 6 }, FALSE },
    { "J1", { 2027, 4, 7 }, { 2027, 4, 7 }, TRUE },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      AffTask *task = aff_plan_lookup_task (plan, expected[i].id);

      assert_date (aff_task_get_early_start (task), expected[i].es[0], expected[i].es[1], expected[i].es[2]);
      assert_date (aff_task_get_early_finish (task), expected[i].ef[0], expected[i].ef[1], expected[i].ef[2]);
      g_assert_cmpint (aff_task_is_critical (task), ==, expected[i].critical);
    }
}

static void
test_golden (void)
{
  g_autoptr(AffPlan) plan = build_plan ();
  g_autoptr(AffGanttOptions) options = build_options ();
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = svg_of (plan, options);
  g_autofree char *ics = aff_plan_to_icalendar (plan, UID_DOMAIN, &error);
  g_autofree char *csv = NULL;
  g_autofree char *svg_golden = golden ("plan-gantt.svg");
  g_autofree char *ics_golden = golden ("plan.ics");
  g_autofree char *csv_golden = golden ("plan.csv");

  g_assert_no_error (error);
  csv = aff_plan_to_csv (plan, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (svg, ==, svg_golden);
  g_assert_cmpstr (ics, ==, ics_golden);
  g_assert_cmpstr (csv, ==, csv_golden);
}

/* ---- The SVG, read back -------------------------------------------------- */

typedef struct
{
  char *group;                  /* the class of the open top-level <g> */
  char *task;                   /* the data-task of the open <g>, if any */
  guint depth;                  /* of that <g> */
  guint level;
  gint64 left;                  /* the x of the first header cell */
  GHashTable *shapes;           /* "TASK/class" → "x width" or "points" */
  GArray *off;                  /* the x of each day off */
  GPtrArray *status;            /* x of the status lines */
  guint n_texts;
} Svg;

static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return values[i];
  return NULL;
}

static void
svg_start (G_GNUC_UNUSED GMarkupParseContext *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           G_GNUC_UNUSED GError **error)
{
  Svg *svg = user_data;
  const char *css = attribute (names, values, "class");

  svg->level++;
  if (strcmp (element, "g") == 0 && svg->level == 2)
    svg->group = g_strdup (css);
  if (strcmp (element, "g") == 0 && attribute (names, values, "data-task") != NULL)
    {
      g_assert_null (svg->task);
      svg->task = g_strdup (attribute (names, values, "data-task"));
      svg->depth = svg->level;
    }
  else if (strcmp (element, "rect") == 0 && css != NULL)
    {
      if (strcmp (css, "head") == 0 && svg->left < 0)
        svg->left = g_ascii_strtoll (attribute (names, values, "x"), NULL, 10);
      else if (strcmp (css, "off") == 0 && g_strcmp0 (svg->group, "days-off") == 0)
        {
          gint64 x = g_ascii_strtoll (attribute (names, values, "x"), NULL, 10);
          g_array_append_val (svg->off, x);
        }
      else if (svg->task != NULL)
        g_hash_table_insert (svg->shapes, g_strdup_printf ("%s/%s", svg->task, css),
                             g_strdup_printf ("%s %s", attribute (names, values, "x"),
                                              attribute (names, values, "width")));
    }
  else if (strcmp (element, "polygon") == 0 && svg->task != NULL)
    g_hash_table_insert (svg->shapes, g_strdup_printf ("%s/%s", svg->task, css),
                         g_strdup (attribute (names, values, "points")));
  else if (strcmp (element, "line") == 0 && g_strcmp0 (css, "status") == 0 &&
           g_strcmp0 (svg->group, "legend") != 0)
    g_ptr_array_add (svg->status, g_strdup (attribute (names, values, "x1")));
  else if (strcmp (element, "text") == 0)
    svg->n_texts++;
}

static void
svg_end (G_GNUC_UNUSED GMarkupParseContext *context,
         G_GNUC_UNUSED const char *element,
         gpointer                  user_data,
         G_GNUC_UNUSED GError    **error)
{
  Svg *svg = user_data;

  if (svg->task != NULL && svg->level == svg->depth)
    g_clear_pointer (&svg->task, g_free);
  if (svg->level == 2)
    g_clear_pointer (&svg->group, g_free);
  svg->level--;
}

/* Parses the document (GMarkup checks that it is well formed) and gathers
 * the shapes of each task. */
static void
svg_parse (Svg        *svg,
           const char *text)
{
  static const GMarkupParser parser = { svg_start, svg_end, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;

  memset (svg, 0, sizeof *svg);
  svg->left = -1;
  svg->shapes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  svg->off = g_array_new (FALSE, FALSE, sizeof (gint64));
  svg->status = g_ptr_array_new_with_free_func (g_free);
  context = g_markup_parse_context_new (&parser, 0, svg, NULL);
  g_assert_true (g_markup_parse_context_parse (context, text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_cmpint (svg->left, >, 0);
}

static void
svg_clear (Svg *svg)
{
  g_hash_table_unref (svg->shapes);
  g_array_unref (svg->off);
  g_ptr_array_unref (svg->status);
  g_free (svg->task);
  g_free (svg->group);
}

/* The x and width of a task's rectangle, relative to the first day. */
static void
assert_rect (Svg        *svg,
             const char *task,
             const char *css,
             gint64      x,
             gint64      width)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", task, css);
  const char *found = g_hash_table_lookup (svg->shapes, key);
  g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, svg->left + x, width);

  g_assert_nonnull (found);
  g_assert_cmpstr (found, ==, expected);
}

static void
assert_no_shape (Svg        *svg,
                 const char *task,
                 const char *css)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", task, css);

  g_assert_null (g_hash_table_lookup (svg->shapes, key));
}

/* The x of a diamond's top point: its centre. */
static gint64
diamond_x (Svg        *svg,
           const char *task,
           const char *css)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", task, css);
  const char *points = g_hash_table_lookup (svg->shapes, key);

  g_assert_nonnull (points);
  return g_ascii_strtoll (points, NULL, 10) - svg->left;
}

static void
test_svg_positions (void)
{
  g_autoptr(AffPlan) plan = build_plan ();
  g_autoptr(AffGanttOptions) options = build_options ();
  g_autofree char *text = svg_of (plan, options);
  static const gint64 off_days[] = { 5, 6, 12, 13, 14, 19, 20, 26, 27 };
  Svg svg;
  guint i;

  svg_parse (&svg, text);

  /* REM: 26 Mar is 11 days after 15 Mar, so x = 11 x 16 = 176; it runs to
   * 5 Apr included, 11 calendar days (26 .. 31 Mar, 1 .. 5 Apr, Easter
   * Monday and two weekends inside): width 176. Critical. */
  assert_rect (&svg, "REM", "bar critical", 176, 176);
  assert_no_shape (&svg, "REM", "bar");
  assert_no_shape (&svg, "REM", "done critical");   /* no progress */
  /* Its baseline: 24 Mar - 1 Apr, day 9, 9 calendar days: 144, 144. */
  assert_rect (&svg, "REM", "ghost", 144, 144);

  /* ACH: 15 .. 25 Mar, day 0, 11 days: 0, 176; 40 % done: 70.4 → 70.
   * Baseline 15 .. 22 Mar: 8 days, 128. */
  assert_rect (&svg, "ACH", "bar critical", 0, 176);
  assert_rect (&svg, "ACH", "done critical", 0, 70);
  assert_rect (&svg, "ACH", "ghost", 0, 128);

  /* ECH: 18 .. 23 Mar, day 3, 6 calendar days: 48, 96; 25 % done: 24;
   * not critical; it did not move, so the ghost is its own dates. */
  assert_rect (&svg, "ECH", "bar", 48, 96);
  assert_rect (&svg, "ECH", "done", 48, 24);
  assert_rect (&svg, "ECH", "ghost", 48, 96);
  assert_no_shape (&svg, "ECH", "bar critical");

  /* REV: 15 .. 17 Mar, 100 % done: the whole bar. */
  assert_rect (&svg, "REV", "bar", 0, 48);
  assert_rect (&svg, "REV", "done", 0, 48);

  /* EPR: 6 .. 7 Apr, day 22: 352, 32; baseline 2 .. 5 Apr, day 18: 288, 64. */
  assert_rect (&svg, "EPR", "bar critical", 352, 32);
  assert_rect (&svg, "EPR", "ghost", 288, 64);

  /* DOE: 6 Apr, day 22, one day; baseline 2 Apr, day 18. */
  assert_rect (&svg, "DOE", "bar", 352, 16);
  assert_rect (&svg, "DOE", "ghost", 288, 16);

  /* Milestones: diamonds centred in their day's column, critical. J1 on
   * 7 Apr, day 23: 23 x 16 + 8 = 376; its baseline, 5 Apr, day 21: 344.
   * J0 on 15 Mar: 8, and it did not move. */
  g_assert_cmpint (diamond_x (&svg, "J1", "milestone critical"), ==, 376);
  g_assert_cmpint (diamond_x (&svg, "J1", "ghost"), ==, 344);
  g_assert_cmpint (diamond_x (&svg, "J0", "milestone critical"), ==, 8);
  g_assert_cmpint (diamond_x (&svg, "J0", "ghost"), ==, 8);
  assert_no_shape (&svg, "J1", "bar critical");

  /* Days off: Sat 20, Sun 21 (days 5, 6), 27, 28 and Easter Monday 29
   * (12, 13, 14), 3, 4 Apr (19, 20), 10, 11 Apr (26, 27). */
  g_assert_cmpuint (svg.off->len, ==, G_N_ELEMENTS (off_days));
  for (i = 0; i < G_N_ELEMENTS (off_days); i++)
    g_assert_cmpint (g_array_index (svg.off, gint64, i), ==, svg.left + off_days[i] * 16);

  /* The status line at the end of Fri 19 Mar: day 4 ends at 5 x 16. */
  g_assert_cmpuint (svg.status->len, ==, 1);
  g_assert_cmpint (g_ascii_strtoll (g_ptr_array_index (svg.status, 0), NULL, 10), ==, svg.left + 80);

  svg_clear (&svg);
}

/* The same chart with days of 10 pixels and no options but the width:
 * every position scales, and nothing of the baseline or the status shows. */
static void
test_svg_day_width (void)
{
  g_autoptr(AffPlan) plan = build_plan ();
  g_autoptr(AffGanttOptions) options = aff_gantt_options_new ();
  g_autofree char *text = NULL;
  Svg svg;

  aff_gantt_options_set_day_width (options, 10);
  text = svg_of (plan, options);
  svg_parse (&svg, text);
  assert_rect (&svg, "REM", "bar critical", 110, 110);
  assert_rect (&svg, "ECH", "bar", 30, 60);
  assert_rect (&svg, "ECH", "done", 30, 15);   /* 25 % of 60 */
  assert_rect (&svg, "ACH", "done critical", 0, 44);   /* 40 % of 110 */
  assert_no_shape (&svg, "REM", "ghost");
  g_assert_cmpuint (svg.status->len, ==, 0);
  g_assert_cmpint (diamond_x (&svg, "J1", "milestone critical"), ==, 235);
  /* Days under 14 pixels have no numbers: the header has months and weeks. */
  g_assert_null (strstr (text, "class=\"day\""));
  g_assert_nonnull (strstr (text, "<title>Planning</title>"));
  svg_clear (&svg);
}

/* Names are escaped, cut when too long, and control characters dropped. */
static void
test_svg_escaping (void)
{
  g_autoptr(AffPlan) plan = aff_plan_new ();
  g_autoptr(AffTask) task = aff_task_new ("a<b", "x & <y> \"z\"\x01 " "0123456789012345678901234567890123456789ABCDEFGHIJ", 2);
  g_autoptr(AffGanttOptions) options = aff_gantt_options_new ();
  g_autoptr(GDate) start = day (2027, 3, 15);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Svg svg;

  aff_plan_set_start (plan, start);
  g_assert_true (aff_plan_add_task (plan, task, &error));
  g_assert_true (aff_plan_schedule (plan, &error));
  g_assert_no_error (error);
  aff_gantt_options_set_title (options, "<Arrêt> & co");
  text = svg_of (plan, options);
  svg_parse (&svg, text);
  assert_rect (&svg, "a<b", "bar critical", 0, 32);
  g_assert_nonnull (strstr (text, "<title>&lt;Arrêt&gt; &amp; co</title>"));
  g_assert_nonnull (strstr (text, "data-task=\"a&lt;b\""));
  /* 48 characters shown: 47 and an ellipsis; the tooltip has them all. */
  g_assert_nonnull (strstr (text, ">x &amp; &lt;y&gt; &quot;z&quot;  0123456789012345678901234567890123…</text>"));
  g_assert_nonnull (strstr (text, "ABCDEFGHIJ\n"));
  g_assert_null (strstr (text, "\x01"));
  svg_clear (&svg);
}

/* ---- iCalendar ----------------------------------------------------------- */

/* Unfolds the content lines, checking the folding as it goes: CRLF at the
 * end of every line, no line over 75 octets, each one valid UTF-8 (no
 * character was split). */
static GPtrArray *
unfold (const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) physical = NULL;
  guint i, n;

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  physical = g_strsplit (text, "\r\n", -1);
  n = g_strv_length (physical);
  g_assert_cmpstr (physical[n - 1], ==, "");
  for (i = 0; i + 1 < n; i++)
    {
      const char *line = physical[i];

      g_assert_null (strchr (line, '\n'));
      g_assert_null (strchr (line, '\r'));
      g_assert_cmpuint (strlen (line), <=, 75);
      g_assert_true (g_utf8_validate (line, -1, NULL));
      if (line[0] == ' ')
        {
          GString *previous;

          g_assert_cmpuint (lines->len, >, 0);
          /* A line is folded only when it must be: the one before is full,
           * or the next character would not have fitted. */
          g_assert_cmpuint (strlen (physical[i - 1]) + (g_utf8_next_char (line + 1) - (line + 1)), >, 75);
          previous = g_string_new (g_ptr_array_index (lines, lines->len - 1));
          g_string_append (previous, line + 1);
          g_free (lines->pdata[lines->len - 1]);
          lines->pdata[lines->len - 1] = g_string_free (previous, FALSE);
        }
      else
        g_ptr_array_add (lines, g_strdup (line));
    }
  return lines;
}

/* The value of a TEXT property, unescaped. */
static char *
unescape (const char *value)
{
  GString *out = g_string_new (NULL);
  const char *p;

  for (p = value; *p != '\0'; p++)
    {
      if (*p != '\\')
        {
          /* An unescaped separator would end the value. */
          g_assert_true (*p != ';' && *p != ',');
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      switch (*p)
        {
        case 'n': case 'N': g_string_append_c (out, '\n'); break;
        case '\\': case ';': case ',': g_string_append_c (out, *p); break;
        default: g_assert_not_reached ();
        }
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  GHashTable *props;            /* name (with parameters) → raw value */
} Event;

static void
event_free (Event *event)
{
  g_hash_table_unref (event->props);
  g_free (event);
}

/* The events of a calendar, each a table of its properties. */
static GPtrArray *
parse_calendar (const char *text)
{
  g_autoptr(GPtrArray) lines = unfold (text);
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  Event *event = NULL;
  guint i;

  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "BEGIN:VCALENDAR");
  g_assert_cmpstr (g_ptr_array_index (lines, 1), ==, "VERSION:2.0");
  g_assert_cmpstr (g_ptr_array_index (lines, 2), ==, "PRODID:-//libaffaires//planning//FR");
  g_assert_cmpstr (g_ptr_array_index (lines, 3), ==, "CALSCALE:GREGORIAN");
  g_assert_cmpstr (g_ptr_array_index (lines, lines->len - 1), ==, "END:VCALENDAR");
  for (i = 4; i + 1 < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      const char *colon = strchr (line, ':');

      if (strcmp (line, "BEGIN:VEVENT") == 0)
        {
          g_assert_null (event);
          event = g_new0 (Event, 1);
          event->props = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
        }
      else if (strcmp (line, "END:VEVENT") == 0)
        {
          g_assert_nonnull (event);
          g_ptr_array_add (events, g_steal_pointer (&event));
        }
      else
        {
          char *name;

          g_assert_nonnull (event);
          g_assert_nonnull (colon);
          name = g_strndup (line, colon - line);
          g_assert_false (g_hash_table_contains (event->props, name));
          g_hash_table_insert (event->props, name, g_strdup (colon + 1));
        }
    }
  g_assert_null (event);
  return events;
}

static const char *
prop (GPtrArray  *events,
      guint       i,
      const char *name)
{
  Event *event = g_ptr_array_index (events, i);

  return g_hash_table_lookup (event->props, name);
}

static void
test_icalendar (void)
{
  g_autoptr(AffPlan) plan = build_plan ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = aff_plan_to_icalendar (plan, UID_DOMAIN, &error);
  g_autoptr(GPtrArray) events = NULL;
  /* The milestones, the design review, the interventions and the
   * inspection; not the purchase nor the file. DTEND is the day after the
   * last day. */
  static const struct { const char *uid, *start, *end, *category; } expected[] = {
    { "J0@" UID_DOMAIN, "20270315", "20270316", "milestone" },
    { "REV@" UID_DOMAIN, "20270315", "20270318", "design-review" },
    { "ECH@" UID_DOMAIN, "20270318", "20270324", "intervention" },
    { "REM@" UID_DOMAIN, "20270326", "20270406", "intervention" },
    { "EPR@" UID_DOMAIN, "20270406", "20270408", "inspection" },
    { "J1@" UID_DOMAIN, "20270407", "20270408", "milestone" },
  };
  g_autofree char *summary = NULL, *description = NULL, *location = NULL;
  guint i;

  g_assert_no_error (error);
  events = parse_calendar (text);
  g_assert_cmpuint (events->len, ==, G_N_ELEMENTS (expected));
  for (i = 0; i < events->len; i++)
    {
      g_assert_cmpstr (prop (events, i, "UID"), ==, expected[i].uid);
      g_assert_cmpstr (prop (events, i, "DTSTAMP"), ==, "20270315T000000Z");
      g_assert_cmpstr (prop (events, i, "DTSTART;VALUE=DATE"), ==, expected[i].start);
      g_assert_cmpstr (prop (events, i, "DTEND;VALUE=DATE"), ==, expected[i].end);
      g_assert_cmpstr (prop (events, i, "CATEGORIES"), ==, expected[i].category);
      g_assert_nonnull (prop (events, i, "SUMMARY"));
      g_assert_nonnull (prop (events, i, "DESCRIPTION"));
    }
  /* ECH's texts, escaped and folded, come back whole. */
  summary = unescape (prop (events, 2, "SUMMARY"));
  description = unescape (prop (events, 2, "DESCRIPTION"));
  location = unescape (prop (events, 2, "LOCATION"));
  g_assert_cmpstr (summary, ==, "Consignation et échafaudage");
  g_assert_cmpstr (description, ==,
                   "Intervenant\u00a0: Échafaudages Martin & Fils, SARL (sous-traitant)\n"
                   "Zone\u00a0: Chaufferie B; niveau +12 m");
  g_assert_cmpstr (location, ==, "Chaufferie B; niveau +12 m");
  g_assert_nonnull (strstr (text, "Fils\\, SARL"));
  g_assert_nonnull (strstr (text, "LOCATION:Chaufferie B\\; niveau +12 m\r\n"));
  g_assert_null (prop (events, 0, "LOCATION"));
}

/* Long texts of two- and three-octet characters fold between characters,
 * and every special character survives the round trip. */
static void
test_icalendar_folding (void)
{
  g_autoptr(AffPlan) plan = aff_plan_new ();
  g_autoptr(GDate) start = day (2027, 3, 15);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *text = NULL, *summary = NULL, *description = NULL;
  g_autoptr(GPtrArray) events = NULL;
  const char *zone = "a\\b;c,d\ne\r\nf";
  AffTask *task;
  guint i;

  /* 2-octet characters after the 8 octets of "SUMMARY:": the 75th octet
   * is the first half of the 34th one, so the writer must fold after 33
   * (74 octets). The next line takes the 27 left and 6 three-octet ones:
   * 1 + 54 + 18 = 73, and a 7th would end at octet 76. */
  for (i = 0; i < 60; i++)
    g_string_append (name, "é");
  for (i = 0; i < 40; i++)
    g_string_append (name, "€");
  task = aff_task_new ("T1", name->str, 2);
  aff_task_set_kind (task, AFF_TASK_KIND_INSPECTION);
  aff_task_set_zone (task, zone);
  aff_plan_set_start (plan, start);
  g_assert_true (aff_plan_add_task (plan, task, &error));
  g_object_unref (task);
  task = aff_task_new ("T2", NULL, 0);
  g_assert_true (aff_plan_add_task (plan, task, &error));
  g_object_unref (task);
  g_assert_true (aff_plan_schedule (plan, &error));
  g_assert_no_error (error);

  text = aff_plan_to_icalendar (plan, "x.example", &error);
  g_assert_no_error (error);
  events = parse_calendar (text);   /* checks octets and UTF-8 per line */
  g_assert_cmpuint (events->len, ==, 2);
  summary = unescape (prop (events, 0, "SUMMARY"));
  g_assert_cmpstr (summary, ==, name->str);
  description = unescape (prop (events, 0, "DESCRIPTION"));
  g_assert_cmpstr (description, ==, "Intervenant\u00a0: interne\nZone\u00a0: a\\b;c,d\ne\nf");
  g_assert_cmpstr (prop (events, 0, "DTEND;VALUE=DATE"), ==, "20270317");
  /* A task with no name is summed up by its id. */
  g_assert_cmpstr (prop (events, 1, "SUMMARY"), ==, "T2");
  g_assert_cmpstr (prop (events, 1, "UID"), ==, "T2@x.example");
}

/* ---- CSV ----------------------------------------------------------------- */

/* A small RFC 4180 reader: records of fields, CRLF between records. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++;; p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          p++;
          g_assert_true (*p == ',' || *p == '\r');
        }
      else
        while (*p != ',' && *p != '\r' && *p != '\0')
          {
            g_assert_true (*p != '"' && *p != '\n');
            g_string_append_c (field, *p++);
          }
      g_ptr_array_add (record, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          g_ptr_array_add (records, record);
          record = g_ptr_array_new_with_free_func (g_free);
        }
    }
  g_ptr_array_unref (record);
  g_string_free (field, TRUE);
  return records;
}

static void
test_csv (void)
{
  g_autoptr(AffPlan) plan = build_plan ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = aff_plan_to_csv (plan, &error);
  g_autoptr(GPtrArray) records = NULL;
  /* The table worked out by hand in the comment at the top. */
  static const char *const expected[][14] = {
    { "id", "name", "kind", "party", "party_name", "duration", "early_start", "early_finish",
      "late_start", "late_finish", "total_float", "free_float", "critical", "progress" },
    { "J0", "Ordre de service", "milestone", "client", "Raffinerie du Rhône", "0",
      "2027-03-15", "2027-03-15", "2027-03-15", "2027-03-15", "0", "0", "true", "0" },
    { "REV", "Revue du mode opératoire de soudage", "design-review", "internal", "", "3",
      "2027-03-15", "2027-03-17", "2027-03-17", "2027-03-19", "2", "0", "false", "100" },
    { "ACH", "Approvisionnement joints et boulonnerie", "purchase", "supplier", "Fournitures Rhône-Alpes", "9",
      "2027-03-15", "2027-03-25", "2027-03-15", "2027-03-25", "0", "0", "true", "40" },
    { "ECH", "Consignation et échafaudage", "intervention", "subcontractor", "Échafaudages Martin & Fils, SARL", "4",
      "2027-03-18", "2027-03-23", "2027-03-22", "2027-03-25", "2", "2", "false", "25" },
    { "REM", "Remplacement du faisceau tubulaire", "intervention", "internal", "", "6",
      "2027-03-26", "2027-04-05", "2027-03-26", "2027-04-05", "0", "0", "true", "0" },
    { "EPR", "Épreuve hydraulique", "inspection", "inspection-body", "Organisme de contrôle Sud-Est", "2",
      "2027-04-06", "2027-04-07", "2027-04-06", "2027-04-07", "0", "0", "true", "0" },
    { "DOE", "Dossier des ouvrages exécutés \"DOE\"", "task", "internal", "", "1",
      "2027-04-06", "2027-04-06", "2027-04-07", "2027-04-07", "1", "1", "false", "0" },
    { "J1", "Remise en service", "milestone", "client", "Raffinerie du Rhône", "0",
      "2027-04-07", "2027-04-07", "2027-04-07", "2027-04-07", "0", "0", "true", "0" },
  };
  guint i, j;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, ",\"Échafaudages Martin & Fils, SARL\","));
  g_assert_nonnull (strstr (text, "\r\nDOE,\"Dossier des ouvrages exécutés \"\"DOE\"\"\",task,"));
  records = parse_csv (text);
  g_assert_cmpuint (records->len, ==, G_N_ELEMENTS (expected));
  for (i = 0; i < records->len; i++)
    {
      GPtrArray *record = g_ptr_array_index (records, i);

      g_assert_cmpuint (record->len, ==, 14);
      for (j = 0; j < 14; j++)
        g_assert_cmpstr (g_ptr_array_index (record, j), ==, expected[i][j]);
    }
}

/* ---- Errors -------------------------------------------------------------- */

static void
assert_all_fail (AffPlan    *plan,
                 const char *state)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (aff_plan_to_svg_gantt (plan, NULL, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION);
  g_assert_nonnull (strstr (error->message, state));
  g_clear_error (&error);
  g_assert_null (aff_plan_to_icalendar (plan, UID_DOMAIN, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION);
  g_assert_nonnull (strstr (error->message, state));
  g_clear_error (&error);
  g_assert_null (aff_plan_to_csv (plan, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION);
  g_assert_nonnull (strstr (error->message, state));
}

static void
test_errors (void)
{
  g_autoptr(AffPlan) never = aff_plan_new ();
  g_autoptr(AffPlan) plan = build_plan ();
  g_autoptr(AffGanttOptions) options = aff_gantt_options_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AffTask) task = aff_task_new ("X", "x", 1);
  static const char *const bad_domains[] = { "", "a b", "a\tb", "example.com\n" };

  /* The message names the plan's state (the tests run in the C locale). */
  g_assert_true (aff_plan_add_task (never, task, &error));
  assert_all_fail (never, "not scheduled");

  aff_gantt_options_set_baseline (options, "devis");
  g_assert_null (aff_plan_to_svg_gantt (plan, options, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "devis"));
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad_domains); i++)
    {
      g_assert_null (aff_plan_to_icalendar (plan, bad_domains[i], &error));
      g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
      g_clear_error (&error);
    }

  aff_task_set_progress (aff_plan_lookup_task (plan, "REM"), 10);
  assert_all_fail (plan, "changed since it was last scheduled");
}

/* Nothing but the plan and the options decides the bytes; an empty plan
 * draws an empty chart. */
static void
test_deterministic (void)
{
  g_autoptr(AffPlan) a = build_plan ();
  g_autoptr(AffPlan) b = build_plan ();
  g_autoptr(AffPlan) empty = aff_plan_new ();
  g_autoptr(AffGanttOptions) options = build_options ();
  g_autoptr(GDate) start = day (2027, 3, 17);
  g_autoptr(GError) error = NULL;
  g_autofree char *sa = svg_of (a, options), *sb = svg_of (b, options);
  g_autofree char *ea = NULL, *ecsv = NULL, *eics = NULL;
  Svg svg;

  g_assert_cmpstr (sa, ==, sb);
  aff_plan_set_start (empty, start);
  g_assert_true (aff_plan_schedule (empty, &error));
  g_assert_no_error (error);
  ea = svg_of (empty, NULL);
  svg_parse (&svg, ea);
  g_assert_cmpuint (g_hash_table_size (svg.shapes), ==, 0);
  svg_clear (&svg);
  ecsv = aff_plan_to_csv (empty, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ecsv, ==, "id,name,kind,party,party_name,duration,early_start,early_finish,"
                             "late_start,late_finish,total_float,free_float,critical,progress\r\n");
  eics = aff_plan_to_icalendar (empty, UID_DOMAIN, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (eics, ==, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//libaffaires//planning//FR\r\n"
                             "CALSCALE:GREGORIAN\r\nEND:VCALENDAR\r\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan-export/schedule", test_schedule);
  g_test_add_func ("/plan-export/golden", test_golden);
  g_test_add_func ("/plan-export/svg-positions", test_svg_positions);
  g_test_add_func ("/plan-export/svg-day-width", test_svg_day_width);
  g_test_add_func ("/plan-export/svg-escaping", test_svg_escaping);
  g_test_add_func ("/plan-export/icalendar", test_icalendar);
  g_test_add_func ("/plan-export/icalendar-folding", test_icalendar_folding);
  g_test_add_func ("/plan-export/csv", test_csv);
  g_test_add_func ("/plan-export/errors", test_errors);
  g_test_add_func ("/plan-export/deterministic", test_deterministic);
  return g_test_run ();
}
