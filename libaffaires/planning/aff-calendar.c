/* aff-calendar.c: working days
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <pthread.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-json-private.h"
#include "aff-planning-private.h"

/**
 * AffCalendar:
 *
 * The working days of a plan or of a resource: the working weekdays, the
 * public holidays and the exceptions to both (a Saturday worked to catch up,
 * a site closure for the summer).
 *
 * [ctor@Aff.Calendar.new_french] knows the eleven French public holidays of
 * any year, the three that move with Easter included (Easter Monday,
 * Ascension Thursday and Whit Monday), and on request the two more days of
 * Alsace-Moselle (Good Friday and 26 December). Whit Monday counts as a
 * holiday: the “journée de solidarité” is a company's choice, which
 * [method@Aff.Calendar.add_exception] records.
 *
 * Arithmetic on working days does not walk the days one by one: the calendar
 * keeps, for the span of dates it has been asked about, the number of
 * working days before each date and the date of each working day, so that
 * adding or counting working days is two lookups whatever the distance.
 */

/* The latest day the calendar reasons about; GDate goes further, contracts
 * do not, and a bound keeps a hostile duration from filling the memory. */
#define LAST_YEAR 9999
#define MAX_JULIAN 3652059u        /* 9999-12-31 */

typedef struct
{
  guint32 from;
  guint32 to;
  gboolean working;
  char *reason;
} Exception;

/* The working days of a span of dates, shared by every calendar of the
 * same rules: a portfolio's plans are thousands, nearly all on the default
 * French calendar, and one table read by all of them stays in the
 * processor's cache where a copy per plan would not. Never changed once
 * made: a calendar needing a wider span gets a wider table. */
typedef struct
{
  guint refs;                   /* under tables_lock */
  GBytes *rules;
  guint32 base;
  guint32 span;
  guint32 *before;
  guint32 *work;
  guint32 n_work;
} DayTable;

/* The working-day ordinals over [base, base + span), from @table: the
 * other fields are its own, copied to be read without a hop. */
typedef struct
{
  DayTable *table;
  guint32 base;
  guint32 span;
  const guint32 *before;        /* span + 1: working days in [base, base + i) */
  const guint32 *work;          /* julian of each working day from base */
  guint32 n_work;
  guint32 zero;                 /* ordinal 0 is work[zero] */
} View;

/* Rules (GBytes) → the widest table made for them, while a calendar uses it. */
static pthread_mutex_t tables_lock = PTHREAD_MUTEX_INITIALIZER;
static GHashTable *tables;

struct _AffCalendar
{
  GObject parent_instance;

  /* The working-day ordinals, NULL until first needed. Readers on several
   * threads (a dashboard's) may meet a calendar that two of them widen:
   * a view is never changed once published, the widening one publishes a
   * new one under @lock, and the views replaced stay until the rules
   * change or the calendar goes, since a reader may still be in one. The
   * first is @own: most calendars never widen. @view and @version come
   * first, in the object's first line, which a dashboard prefetches: it
   * reads both of every plan's calendar. */
  const View *view;
  guint version;                /* counts the changes of the rules */

  guint8 weekdays;              /* bit (GDateWeekday - 1) set when working */
  gboolean french;
  gboolean alsace_moselle;
  GHashTable *holidays;         /* julian → name */
  GArray *exceptions;           /* Exception, later ones win */
  View own;
  GSList *replaced;             /* View *, heap-allocated, newest first */
  pthread_mutex_t lock;        /* POSIX, not GMutex: ThreadSanitizer sees it */
  GBytes *rules;                /* the key of the tables, made when first needed */
  guint32 anchor;               /* the julian day of ordinal 0 */
};

G_DEFINE_FINAL_TYPE (AffCalendar, aff_calendar, G_TYPE_OBJECT)

static void
exception_clear (gpointer data)
{
  g_free (((Exception *) data)->reason);
}

static void
day_table_free (DayTable *table)
{
  g_bytes_unref (table->rules);
  g_free (table->before);
  g_free (table->work);
  g_free (table);
}

/* Under tables_lock. The last user of the registry's table takes it out. */
static void
day_table_release_locked (DayTable *table)
{
  if (--table->refs == 0)
    day_table_free (table);
  else if (table->refs == 1 && g_hash_table_lookup (tables, table->rules) == table)
    {
      g_hash_table_remove (tables, table->rules);
      day_table_free (table);
    }
}

/* Only when no other thread reads @self: its rules change, or it goes. */
static void
drop_table (AffCalendar *self)
{
  GSList *l;

  if (self->view != NULL && self->view != &self->own)
    self->replaced = g_slist_prepend (self->replaced, (gpointer) self->view);
  pthread_mutex_lock (&tables_lock);
  if (self->own.table != NULL)
    day_table_release_locked (self->own.table);
  for (l = self->replaced; l != NULL; l = l->next)
    day_table_release_locked (((View *) l->data)->table);
  pthread_mutex_unlock (&tables_lock);
  g_slist_free_full (g_steal_pointer (&self->replaced), g_free);
  memset (&self->own, 0, sizeof self->own);
  self->view = NULL;
  self->anchor = 0;
}

static void
invalidate (AffCalendar *self)
{
  self->version++;
  g_clear_pointer (&self->rules, g_bytes_unref);
  drop_table (self);
}

static void
aff_calendar_finalize (GObject *object)
{
  AffCalendar *self = AFF_CALENDAR (object);

  drop_table (self);
  g_clear_pointer (&self->rules, g_bytes_unref);
  pthread_mutex_destroy (&self->lock);
  g_hash_table_unref (self->holidays);
  g_array_unref (self->exceptions);
  G_OBJECT_CLASS (aff_calendar_parent_class)->finalize (object);
}

static void
aff_calendar_class_init (AffCalendarClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aff_calendar_finalize;
}

static void
aff_calendar_init (AffCalendar *self)
{
  self->weekdays = 0x1f;        /* Monday to Friday */
  pthread_mutex_init (&self->lock, NULL);
  self->holidays = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->exceptions = g_array_new (FALSE, FALSE, sizeof (Exception));
  g_array_set_clear_func (self->exceptions, exception_clear);
}

/**
 * aff_calendar_new:
 *
 * Creates a calendar of Monday to Friday without holidays.
 *
 * Returns: (transfer full): a new calendar
 */
AffCalendar *
aff_calendar_new (void)
{
  return g_object_new (AFF_TYPE_CALENDAR, NULL);
}

/**
 * aff_calendar_new_french:
 * @alsace_moselle: whether Good Friday and 26 December are holidays too, as
 *   in the Bas-Rhin, Haut-Rhin and Moselle
 *
 * Creates a calendar of Monday to Friday with the French public holidays of
 * every year.
 *
 * Returns: (transfer full): a new calendar
 */
AffCalendar *
aff_calendar_new_french (gboolean alsace_moselle)
{
  AffCalendar *self = aff_calendar_new ();

  self->french = TRUE;
  self->alsace_moselle = !!alsace_moselle;
  return self;
}

/**
 * aff_calendar_copy:
 * @self: a calendar
 *
 * Copies a calendar, rules, holidays and exceptions, for a resource whose
 * days differ a little from the plan's.
 *
 * Returns: (transfer full): a new calendar
 */
AffCalendar *
aff_calendar_copy (AffCalendar *self)
{
  AffCalendar *copy;
  GHashTableIter iter;
  gpointer key, value;
  guint i;

  g_return_val_if_fail (AFF_IS_CALENDAR (self), NULL);

  copy = aff_calendar_new ();
  copy->weekdays = self->weekdays;
  copy->french = self->french;
  copy->alsace_moselle = self->alsace_moselle;
  g_hash_table_iter_init (&iter, self->holidays);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->holidays, key, g_strdup (value));
  for (i = 0; i < self->exceptions->len; i++)
    {
      Exception e = g_array_index (self->exceptions, Exception, i);

      e.reason = g_strdup (e.reason);
      g_array_append_val (copy->exceptions, e);
    }
  return copy;
}

/**
 * aff_calendar_get_french:
 * @self: a calendar
 *
 * Tells whether the calendar knows the French public holidays.
 *
 * Returns: whether it is a French calendar
 */
gboolean
aff_calendar_get_french (AffCalendar *self)
{
  g_return_val_if_fail (AFF_IS_CALENDAR (self), FALSE);
  return self->french;
}

/**
 * aff_calendar_get_alsace_moselle:
 * @self: a calendar
 *
 * Tells whether the calendar adds the holidays of Alsace-Moselle.
 *
 * Returns: whether Good Friday and 26 December are holidays
 */
gboolean
aff_calendar_get_alsace_moselle (AffCalendar *self)
{
  g_return_val_if_fail (AFF_IS_CALENDAR (self), FALSE);
  return self->alsace_moselle;
}

/**
 * aff_calendar_get_working_weekday:
 * @self: a calendar
 * @weekday: a day of the week
 *
 * Tells whether a day of the week is worked, holidays and exceptions aside.
 *
 * Returns: whether @weekday is worked
 */
gboolean
aff_calendar_get_working_weekday (AffCalendar  *self,
                                  GDateWeekday  weekday)
{
  g_return_val_if_fail (AFF_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (g_date_valid_weekday (weekday), FALSE);
  return (self->weekdays >> (weekday - 1)) & 1;
}

/**
 * aff_calendar_set_working_weekday:
 * @self: a calendar
 * @weekday: a day of the week
 * @working: whether it is worked
 *
 * Sets whether a day of the week is worked: a team on a six-day week works
 * Saturdays.
 */
void
aff_calendar_set_working_weekday (AffCalendar  *self,
                                  GDateWeekday  weekday,
                                  gboolean      working)
{
  guint8 bit;

  g_return_if_fail (AFF_IS_CALENDAR (self));
  g_return_if_fail (g_date_valid_weekday (weekday));

  bit = 1u << (weekday - 1);
  if (!!(self->weekdays & bit) == !!working)
    return;
  self->weekdays = working ? self->weekdays | bit : self->weekdays & ~bit;
  invalidate (self);
}

static gboolean
check_date (const GDate *date,
            const char  *what,
            GError     **error)
{
  if (date == NULL || !g_date_valid (date) || g_date_get_year (date) > LAST_YEAR)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("The %s is not a valid date up to 9999-12-31"), what);
      return FALSE;
    }
  return TRUE;
}

/**
 * aff_calendar_add_holiday:
 * @self: a calendar
 * @date: the day
 * @name: (nullable): what the day is, for people reading the calendar
 * @error: return location for a #GError
 *
 * Adds a holiday that the rules do not know: a local feast, a day the client
 * closes every year.
 *
 * Returns: %TRUE on success, %FALSE if the date is not valid
 */
gboolean
aff_calendar_add_holiday (AffCalendar *self,
                          const GDate *date,
                          const char  *name,
                          GError     **error)
{
  g_return_val_if_fail (AFF_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_date (date, _("holiday"), error))
    return FALSE;
  /* Not the translated “Holiday” here: the document keeps what was given. */
  g_hash_table_insert (self->holidays, GUINT_TO_POINTER (g_date_get_julian (date)), g_strdup (name));
  invalidate (self);
  return TRUE;
}

/**
 * aff_calendar_add_exception:
 * @self: a calendar
 * @from: the first day
 * @to: the last day, inclusive
 * @working: whether the days are worked (a Saturday worked, a holiday
 *   worked by agreement) or not (a site closure, a strike)
 * @reason: (nullable): why
 * @error: return location for a #GError
 *
 * Makes every day from @from to @to worked or not, whatever the weekday or
 * the holidays say. A later exception wins over an earlier one on the days
 * they share.
 *
 * Returns: %TRUE on success, %FALSE if the dates are not valid or not in
 *   order
 */
gboolean
aff_calendar_add_exception (AffCalendar *self,
                            const GDate *from,
                            const GDate *to,
                            gboolean     working,
                            const char  *reason,
                            GError     **error)
{
  Exception e;

  g_return_val_if_fail (AFF_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_date (from, _("first day of the exception"), error) ||
      !check_date (to, _("last day of the exception"), error))
    return FALSE;
  if (g_date_compare (from, to) > 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("The exception “%s” ends before it starts"), reason != NULL ? reason : "");
      return FALSE;
    }
  e.from = g_date_get_julian (from);
  e.to = g_date_get_julian (to);
  e.working = !!working;
  e.reason = g_strdup (reason);
  g_array_append_val (self->exceptions, e);
  invalidate (self);
  return TRUE;
}

/* Easter Sunday of the Gregorian calendar (the anonymous algorithm published
 * by Meeus, after Jones and Butcher), as a Julian day number of GDate. */
static guint32
easter (GDateYear year)
{
  int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

typedef struct
{
  guint32 julian;
  const char *name;
} Holiday;

/* The rules' holidays of @year, in date order; returns how many. */
static guint
rule_holidays (AffCalendar *self,
               GDateYear    year,
               Holiday      out[16])
{
  static const struct { int day, month; const char *name; gboolean alsace; } fixed[] = {
    { 1, 1, N_("New Year’s Day"), FALSE },
    { 1, 5, N_("Labour Day"), FALSE },
    { 8, 5, N_("Victory in Europe Day"), FALSE },
    { 14, 7, N_("Bastille Day"), FALSE },
    { 15, 8, N_("Assumption"), FALSE },
    { 1, 11, N_("All Saints’ Day"), FALSE },
    { 11, 11, N_("Armistice Day"), FALSE },
    { 25, 12, N_("Christmas Day"), FALSE },
    { 26, 12, N_("Saint Stephen’s Day"), TRUE },
  };
  static const struct { int offset; const char *name; gboolean alsace; } moving[] = {
    { -2, N_("Good Friday"), TRUE },
    { 1, N_("Easter Monday"), FALSE },
    { 39, N_("Ascension Day"), FALSE },
    { 50, N_("Whit Monday"), FALSE },
  };
  guint32 sunday;
  guint i, n = 0, j;

  if (!self->french || year < 1583 || year > LAST_YEAR)
    return 0;
  for (i = 0; i < G_N_ELEMENTS (fixed); i++)
    if (!fixed[i].alsace || self->alsace_moselle)
      {
        GDate date;

        g_date_clear (&date, 1);
        g_date_set_dmy (&date, fixed[i].day, fixed[i].month, year);
        out[n].julian = g_date_get_julian (&date);
        out[n++].name = _(fixed[i].name);
      }
  sunday = easter (year);
  for (i = 0; i < G_N_ELEMENTS (moving); i++)
    if (!moving[i].alsace || self->alsace_moselle)
      {
        out[n].julian = sunday + moving[i].offset;
        out[n++].name = _(moving[i].name);
      }
  /* Insertion sort, stable: a dozen items. */
  for (i = 1; i < n; i++)
    for (j = i; j > 0 && out[j - 1].julian > out[j].julian; j--)
      {
        Holiday t = out[j];
        out[j] = out[j - 1];
        out[j - 1] = t;
      }
  /* Ascension falls on 1 May now and then (2008, 2160) and on 8 May too
   * (2005, 2062): one day off, under the fixed feast's name. */
  for (i = 1, j = 1; i < n; i++)
    if (out[i].julian != out[j - 1].julian)
      out[j++] = out[i];
  return n > 0 ? j : 0;
}

static const Exception *
find_exception (AffCalendar *self,
                guint32      julian)
{
  guint i;

  for (i = self->exceptions->len; i > 0; i--)
    {
      const Exception *e = &g_array_index (self->exceptions, Exception, i - 1);

      if (e->from <= julian && julian <= e->to)
        return e;
    }
  return NULL;
}

static gboolean
weekday_works (AffCalendar *self,
               guint32      julian)
{
  /* Julian day 1 (1 January of year 1) was a Monday. */
  return (self->weekdays >> ((julian - 1) % 7)) & 1;
}

/* Marks the working days of [from, to] in @flags (indexed from @from):
 * weekdays, then holidays, then exceptions, so that each layer overrides the
 * one before. */
static void
stamp_days (AffCalendar *self,
            guint32      from,
            guint32      to,
            guint8      *flags)
{
  GDate first, last;
  GDateYear year;
  GHashTableIter iter;
  gpointer key;
  guint32 j;
  guint i;

  for (j = from; j <= to; j++)
    flags[j - from] = weekday_works (self, j);
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_julian (&first, from);
  g_date_set_julian (&last, to);
  for (year = g_date_get_year (&first); year <= g_date_get_year (&last); year++)
    {
      Holiday days[16];
      guint n = rule_holidays (self, year, days);

      for (i = 0; i < n; i++)
        if (days[i].julian >= from && days[i].julian <= to)
          flags[days[i].julian - from] = 0;
    }
  g_hash_table_iter_init (&iter, self->holidays);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      j = GPOINTER_TO_UINT (key);
      if (j >= from && j <= to)
        flags[j - from] = 0;
    }
  for (i = 0; i < self->exceptions->len; i++)
    {
      const Exception *e = &g_array_index (self->exceptions, Exception, i);

      for (j = MAX (e->from, from); j <= MIN (e->to, to); j++)
        flags[j - from] = e->working;
    }
}

static int
compare_julian (gconstpointer a,
                gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return (x > y) - (x < y);
}

/* The Julian days of the holidays added, in order. */
static GArray *
sorted_holidays (AffCalendar *self)
{
  GArray *julians = g_array_sized_new (FALSE, FALSE, sizeof (guint32), g_hash_table_size (self->holidays));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->holidays);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint32 julian = GPOINTER_TO_UINT (key);

      g_array_append_val (julians, julian);
    }
  g_array_sort (julians, compare_julian);
  return julians;
}

/* What decides the working days, as bytes two calendars compare: the
 * weekdays, the French rules, the holidays in order, the exceptions in
 * theirs (later ones win). Names and reasons do not count. */
static GBytes *
rules_of (AffCalendar *self)
{
  GByteArray *bytes = g_byte_array_new ();
  guint8 head[3] = { self->weekdays, (guint8) !!self->french, (guint8) !!self->alsace_moselle };
  g_autoptr(GArray) julians = sorted_holidays (self);
  guint i;

  g_byte_array_append (bytes, head, sizeof head);
  g_byte_array_append (bytes, (const guint8 *) julians->data, julians->len * sizeof (guint32));
  for (i = 0; i < self->exceptions->len; i++)
    {
      const Exception *e = &g_array_index (self->exceptions, Exception, i);
      guint32 exception[3] = { e->from, e->to, (guint32) !!e->working };

      g_byte_array_append (bytes, (const guint8 *) exception, sizeof exception);
    }
  return g_byte_array_free_to_bytes (bytes);
}

/* A table of @self's rules over [from, to). */
static DayTable *
day_table_new (AffCalendar *self,
               guint32      from,
               guint32      to)
{
  DayTable *table = g_new0 (DayTable, 1);
  g_autofree guint8 *flags = g_new (guint8, to - from);
  guint32 j, count = 0;

  stamp_days (self, from, to - 1, flags);
  table->rules = g_bytes_ref (self->rules);
  table->base = from;
  table->span = to - from;
  table->before = g_new (guint32, to - from + 1);
  /* Sized for every day, then cut: an append per day costs more than the
   * rest of the table. */
  table->work = g_new (guint32, to - from);
  for (j = from; j < to; j++)
    {
      table->before[j - from] = count;
      table->work[count] = j;
      count += flags[j - from] != 0;
    }
  table->before[to - from] = count;
  table->work = g_renew (guint32, table->work, MAX (count, 1));
  table->n_work = count;
  return table;
}

/* A table of @self's rules covering at least [from, to): the widest one
 * made for them if it does, else a wider one, which grows by whole years
 * and at least doubles, so that plans asking a day further each do not
 * make a table each. */
static DayTable *
day_table_covering (AffCalendar *self,
                    guint32      from,
                    guint32      to)
{
  DayTable *widest, *table;

  if (self->rules == NULL)
    self->rules = rules_of (self);
  pthread_mutex_lock (&tables_lock);
  if (tables == NULL)
    tables = g_hash_table_new (g_bytes_hash, g_bytes_equal);
  widest = g_hash_table_lookup (tables, self->rules);
  if (widest != NULL && widest->base <= from && to <= widest->base + widest->span)
    {
      widest->refs++;
      pthread_mutex_unlock (&tables_lock);
      return widest;
    }
  if (widest != NULL)
    {
      guint32 grow = MAX (widest->span, 4 * 366), end = widest->base + widest->span;

      from = from < widest->base ? MIN (from, widest->base > grow ? widest->base - grow : 1) : widest->base;
      to = to > end ? (guint32) MIN (MAX ((guint64) to, (guint64) end + grow), (guint64) MAX_JULIAN + 1) : end;
    }
  table = day_table_new (self, from, to);
  table->refs = 2;              /* the registry's and the caller's */
  g_hash_table_replace (tables, table->rules, table);
  if (widest != NULL)
    day_table_release_locked (widest);
  pthread_mutex_unlock (&tables_lock);
  return table;
}

/* Under @self's lock: publishes a view covering [lo, hi], keeping
 * ordinals where they were. */
static const View *
widen (AffCalendar *self,
       guint32      lo,
       guint32      hi)
{
  const View *old = self->view;
  guint32 from, to;
  DayTable *table;
  View *view;

  if (old == NULL)
    {
      from = lo > 366 ? lo - 366 : 1;
      to = MIN ((guint64) hi + 3 * 366, MAX_JULIAN + 1);
      self->anchor = lo;
    }
  else
    {
      from = MIN (lo, old->base);
      to = MAX (hi + 1, old->base + old->span);
    }
  table = day_table_covering (self, from, to);
  if (old == NULL)
    view = &self->own;
  else
    {
      view = g_new (View, 1);
      if (old != &self->own)
        self->replaced = g_slist_prepend (self->replaced, (gpointer) old);
    }
  *view = (View) { table, table->base, table->span, table->before, table->work, table->n_work,
                   table->before[self->anchor - table->base] };
  g_atomic_pointer_set (&self->view, view);
  return view;
}

/* A view covering [lo, hi]. */
static inline const View *
cover (AffCalendar *self,
       guint32      lo,
       guint32      hi)
{
  const View *view = g_atomic_pointer_get (&self->view);

  hi = MIN (hi, MAX_JULIAN);
  lo = MAX (MIN (lo, hi), 1);
  if (G_LIKELY (view != NULL && lo >= view->base && hi < view->base + view->span))
    return view;
  pthread_mutex_lock (&self->lock);
  /* Another thread may have widened it meanwhile. */
  view = g_atomic_pointer_get (&self->view);
  if (view == NULL || lo < view->base || hi >= view->base + view->span)
    view = widen (self, lo, hi);
  pthread_mutex_unlock (&self->lock);
  return view;
}

gboolean
_aff_calendar_prepare (AffCalendar *self,
                       guint32      lo,
                       guint32      hi)
{
  if (lo < 1 || hi > MAX_JULIAN)
    return FALSE;
  cover (self, lo, hi);
  return TRUE;
}

gint32
_aff_calendar_ordinal (AffCalendar *self,
                       guint32      julian)
{
  const View *view = cover (self, julian, julian);

  return (gint32) view->before[julian - view->base] - (gint32) view->zero;
}

int
_aff_calendar_days_between (AffCalendar *self,
                            guint32      from,
                            guint32      to)
{
  return _aff_calendar_ordinal (self, to) - _aff_calendar_ordinal (self, from);
}

guint
_aff_calendar_get_version (AffCalendar *self)
{
  return self->version;
}

void
_aff_calendar_prefetch_object (AffCalendar *self)
{
  /* Not always in the line of its first byte: instances are aligned on
   * 16 bytes, not 64. */
  __builtin_prefetch (&self->view);
  __builtin_prefetch (&self->version);
}

void
_aff_calendar_prefetch (AffCalendar   *self,
                        const guint32 *days,
                        guint          n)
{
  const View *view = g_atomic_pointer_get (&self->view);
  guint i;

  for (i = 0; view != NULL && i < n; i++)
    if (days[i] >= view->base && days[i] - view->base < view->span)
      __builtin_prefetch (&view->before[days[i] - view->base + 1]);
}

gint32
_aff_calendar_end_ordinal (AffCalendar *self,
                           guint32      julian)
{
  const View *view = cover (self, julian, julian);

  return (gint32) view->before[julian - view->base + 1] - (gint32) view->zero;
}

gboolean
_aff_calendar_julian (AffCalendar *self,
                      gint64       ordinal,
                      guint32     *julian)
{
  static const View none = { 0 };
  const View *view = g_atomic_pointer_get (&self->view);
  gint64 index;

  if (view == NULL)
    view = &none;
  index = ordinal + view->zero;
  while (index < 0 || index >= (gint64) view->n_work)
    {
      guint32 lo = view->base, hi = view->base + view->span - 1;

      if ((index < 0 && lo <= 1) || (index >= (gint64) view->n_work && hi >= MAX_JULIAN))
        return FALSE;
      /* Each round at least doubles the span, so a distant ordinal takes a
       * few rounds, not one per day. */
      if (index < 0)
        view = cover (self, lo > view->span ? lo - view->span : 1, hi);
      else
        view = cover (self, lo, (guint32) MIN ((guint64) hi + view->span, MAX_JULIAN));
      index = ordinal + view->zero;
    }
  *julian = view->work[index];
  return TRUE;
}

const guint32 *
_aff_calendar_days (AffCalendar *self,
                    gint64       lo,
                    gint64       hi)
{
  const View *view;
  guint32 julian;

  /* Asking for the far end first makes the cache grow once, then the near
   * end finds it covered. Any view after covers both: views only widen,
   * their ordinals where they were. */
  if (!_aff_calendar_julian (self, hi, &julian) || !_aff_calendar_julian (self, lo, &julian) ||
      !_aff_calendar_julian (self, hi, &julian))
    return NULL;
  view = g_atomic_pointer_get (&self->view);
  return view->work + view->zero;
}

/**
 * aff_calendar_is_working_day:
 * @self: a calendar
 * @date: a day
 *
 * Tells whether a day is worked.
 *
 * Returns: whether @date is a working day
 */
gboolean
aff_calendar_is_working_day (AffCalendar *self,
                             const GDate *date)
{
  const View *view;
  guint32 julian;

  g_return_val_if_fail (AFF_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  julian = g_date_get_julian (date);
  if (julian > MAX_JULIAN)
    return FALSE;
  view = cover (self, julian, julian);
  return view->before[julian - view->base + 1] != view->before[julian - view->base];
}

/**
 * aff_calendar_get_day_name:
 * @self: a calendar
 * @date: a day
 *
 * Tells why a day is not an ordinary one: the holiday it is, or the reason
 * of the exception that covers it.
 *
 * Returns: (nullable): the name of the holiday or the exception's reason,
 *   or %NULL for an ordinary day
 */
const char *
aff_calendar_get_day_name (AffCalendar *self,
                           const GDate *date)
{
  const Exception *e;
  const char *name;
  guint32 julian;
  Holiday days[16];
  guint i, n;

  g_return_val_if_fail (AFF_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  julian = g_date_get_julian (date);
  if ((e = find_exception (self, julian)) != NULL)
    return e->reason != NULL ? e->reason : (e->working ? _("Day worked") : _("Day off"));
  if (g_hash_table_lookup_extended (self->holidays, GUINT_TO_POINTER (julian), NULL, (gpointer *) &name))
    return name != NULL ? name : _("Holiday");
  n = rule_holidays (self, g_date_get_year (date), days);
  for (i = n; i > 0; i--)
    if (days[i - 1].julian == julian)
      return days[i - 1].name;
  return NULL;
}

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return g_date_compare (*(GDate **) a, *(GDate **) b);
}

/**
 * aff_calendar_list_holidays:
 * @self: a calendar
 * @year: a year
 *
 * Lists the public holidays of a year that the calendar knows, the rules'
 * and the ones added, in date order, whether or not they fall on a working
 * weekday. [method@Aff.Calendar.get_day_name] names them.
 *
 * Returns: (transfer container) (element-type GDate): the holidays
 */
GPtrArray *
aff_calendar_list_holidays (AffCalendar *self,
                            GDateYear    year)
{
  GPtrArray *list;
  Holiday days[16];
  GHashTableIter iter;
  gpointer key;
  guint i, n;

  g_return_val_if_fail (AFF_IS_CALENDAR (self), NULL);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_free);
  n = g_date_valid_year (year) ? rule_holidays (self, year, days) : 0;
  for (i = 0; i < n; i++)
    {
      GDate *date = g_date_new_julian (days[i].julian);

      if (!g_hash_table_contains (self->holidays, GUINT_TO_POINTER (days[i].julian)))
        g_ptr_array_add (list, date);
      else
        g_date_free (date);
    }
  g_hash_table_iter_init (&iter, self->holidays);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GDate *date = g_date_new_julian (GPOINTER_TO_UINT (key));

      if (g_date_get_year (date) == year)
        g_ptr_array_add (list, date);
      else
        g_date_free (date);
    }
  g_ptr_array_sort (list, compare_dates);
  return list;
}

/**
 * aff_calendar_add_working_days:
 * @self: a calendar
 * @date: a day
 * @n: how many working days to move, forward when positive, backward when
 *   negative
 * @error: return location for a #GError
 *
 * Finds the working day @n working days after @date (before it when @n is
 * negative), not counting @date itself: from a Friday, one working day
 * later is the next Monday when the weekend is off. With @n = 0 it gives
 * @date when it is worked, and the next working day otherwise.
 *
 * Returns: (transfer full) (nullable): the day, or %NULL if it would fall
 *   outside years 1 to 9999
 */
GDate *
aff_calendar_add_working_days (AffCalendar *self,
                               const GDate *date,
                               int          n,
                               GError     **error)
{
  const View *view;
  guint32 julian, result;
  gint64 ordinal;
  gboolean working;

  g_return_val_if_fail (AFF_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_date (date, _("day to count from"), error))
    return NULL;
  julian = g_date_get_julian (date);
  view = cover (self, julian, julian);
  working = view->before[julian - view->base + 1] != view->before[julian - view->base];
  ordinal = _aff_calendar_ordinal (self, julian);
  /* The ordinal of a day off is that of the next working day: moving on
   * from it, that day is already the first step. */
  if (n > 0 && !working)
    ordinal--;
  if (!_aff_calendar_julian (self, ordinal + n, &result))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("%d working days from the given day fall outside years 1 to 9999"), n);
      return NULL;
    }
  return g_date_new_julian (result);
}

/**
 * aff_calendar_count_working_days:
 * @self: a calendar
 * @from: the first day
 * @to: the last day, inclusive
 *
 * Counts the working days from @from to @to, both included.
 *
 * Returns: the number of working days, 0 when @to is before @from
 */
guint
aff_calendar_count_working_days (AffCalendar *self,
                                 const GDate *from,
                                 const GDate *to)
{
  const View *view;
  guint32 lo, hi;

  g_return_val_if_fail (AFF_IS_CALENDAR (self), 0);
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  lo = MIN (g_date_get_julian (from), MAX_JULIAN);
  hi = MIN (g_date_get_julian (to), MAX_JULIAN);
  if (hi < lo)
    return 0;
  view = cover (self, lo, hi);
  return view->before[hi - view->base + 1] - view->before[lo - view->base];
}

static const char *const weekday_nicks[] = {
  NULL, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL
};

void
_aff_calendar_to_json (AffCalendar *self,
                       JsonBuilder *builder)
{
  g_autoptr(GArray) sorted = sorted_holidays (self);
  guint i;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "weekdays");
  json_builder_begin_array (builder);
  for (i = G_DATE_MONDAY; i <= G_DATE_SUNDAY; i++)
    if ((self->weekdays >> (i - 1)) & 1)
      json_builder_add_string_value (builder, weekday_nicks[i]);
  json_builder_end_array (builder);
  aff_json_add_boolean (builder, "french", self->french);
  aff_json_add_boolean (builder, "alsace_moselle", self->alsace_moselle);
  json_builder_set_member_name (builder, "holidays");
  json_builder_begin_array (builder);
  for (i = 0; i < sorted->len; i++)
    {
      guint32 j = g_array_index (sorted, guint32, i);
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, j);
      json_builder_begin_object (builder);
      aff_json_add_date (builder, "date", &date);
      aff_json_add_string (builder, "name", g_hash_table_lookup (self->holidays, GUINT_TO_POINTER (j)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "exceptions");
  json_builder_begin_array (builder);
  for (i = 0; i < self->exceptions->len; i++)
    {
      const Exception *e = &g_array_index (self->exceptions, Exception, i);
      GDate from, to;

      g_date_clear (&from, 1);
      g_date_clear (&to, 1);
      g_date_set_julian (&from, e->from);
      g_date_set_julian (&to, e->to);
      json_builder_begin_object (builder);
      aff_json_add_date (builder, "from", &from);
      aff_json_add_date (builder, "to", &to);
      aff_json_add_boolean (builder, "working", e->working);
      aff_json_add_string (builder, "reason", e->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static gboolean
read_holiday (AffJsonReader *reader,
              JsonNode      *element,
              guint          index,
              gpointer       data,
              GError       **error)
{
  static const char *const members[] = { "date", "name", NULL };
  AffCalendar *self = data;
  g_autofree char *name = NULL;
  JsonObject *object;
  GDate date;

  g_date_clear (&date, 1);
  if (!(object = aff_json_expect_object (reader, element, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_date (reader, object, "date", TRUE, &date, error) ||
      !aff_json_get_string (reader, object, "name", FALSE, &name, error))
    return FALSE;
  if (g_date_get_year (&date) > LAST_YEAR)
    return aff_json_reader_fail_at (reader, "date", error, _("expected a date up to 9999-12-31"));
  if (g_hash_table_contains (self->holidays, GUINT_TO_POINTER (g_date_get_julian (&date))))
    return aff_json_reader_fail_at (reader, "date", error, _("expected each holiday once"));
  return aff_calendar_add_holiday (self, &date, name, NULL);
}

static gboolean
read_exception (AffJsonReader *reader,
                JsonNode      *element,
                guint          index,
                gpointer       data,
                GError       **error)
{
  static const char *const members[] = { "from", "to", "working", "reason", NULL };
  AffCalendar *self = data;
  g_autofree char *reason = NULL;
  JsonObject *object;
  gboolean working = FALSE;
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  if (!(object = aff_json_expect_object (reader, element, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_date (reader, object, "from", TRUE, &from, error) ||
      !aff_json_get_date (reader, object, "to", TRUE, &to, error) ||
      !aff_json_get_boolean (reader, object, "working", &working, error) ||
      !aff_json_get_string (reader, object, "reason", FALSE, &reason, error))
    return FALSE;
  if (g_date_get_year (&to) > LAST_YEAR || g_date_compare (&from, &to) > 0)
    return aff_json_reader_fail_at (reader, "to", error,
                                    _("expected a date from “from” up to 9999-12-31"));
  return aff_calendar_add_exception (self, &from, &to, working, reason, NULL);
}

AffCalendar *
_aff_calendar_from_json (AffJsonReader *reader,
                         JsonNode      *node,
                         GError       **error)
{
  static const char *const members[] = { "weekdays", "french", "alsace_moselle", "holidays",
                                         "exceptions", NULL };
  g_autoptr(AffCalendar) self = aff_calendar_new ();
  g_auto(GStrv) weekdays = NULL;
  JsonObject *object;
  guint i;

  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_strv (reader, object, "weekdays", &weekdays, error) ||
      !aff_json_get_boolean (reader, object, "french", &self->french, error) ||
      !aff_json_get_boolean (reader, object, "alsace_moselle", &self->alsace_moselle, error) ||
      !aff_json_read_array (reader, object, "holidays", read_holiday, self, error) ||
      !aff_json_read_array (reader, object, "exceptions", read_exception, self, error))
    return NULL;
  /* Absent, the weekdays are the default Monday to Friday; present, they
   * are what the array says, none at all if it is empty. */
  if (json_object_has_member (object, "weekdays"))
    self->weekdays = 0;
  for (i = 0; weekdays != NULL && weekdays[i] != NULL; i++)
    {
      guint day = G_DATE_MONDAY;

      while (day <= G_DATE_SUNDAY && strcmp (weekday_nicks[day], weekdays[i]) != 0)
        day++;
      if (day > G_DATE_SUNDAY || (self->weekdays >> (day - 1)) & 1)
        {
          gsize mark = aff_json_reader_push_member (reader, "weekdays");

          aff_json_reader_push_index (reader, i);
          aff_json_reader_fail (reader, error, _("expected a day of the week such as “monday”, each once"));
          aff_json_reader_pop (reader, mark);
          return NULL;
        }
      self->weekdays |= 1u << (day - 1);
    }
  return g_steal_pointer (&self);
}
