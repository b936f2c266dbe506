/* aff-planning-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "aff-calendar.h"
#include "aff-task.h"
#include "aff-plan.h"
#include "aff-json-private.h"
#include "aff-journal-private.h"

G_BEGIN_DECLS

/* ---- Calendar: working-day ordinals ------------------------------------
 *
 * Ordinal k is the k-th working day counted from a day the calendar chose
 * (ordinal 0); the scheduler reasons on ordinals, as boundaries between
 * working days: boundary k is the start of working day k, so a task of d
 * days starting at boundary s ends at boundary s + d. Ordinals stay valid
 * until the calendar's rules change. */
gboolean     _aff_calendar_prepare  (AffCalendar   *self,
                                     guint32        julian_lo,
                                     guint32        julian_hi);
/* The ordinal of @julian if it is worked, else of the next working day:
 * also the number of working days before @julian, from ordinal 0. */
gint32       _aff_calendar_ordinal  (AffCalendar   *self,
                                     guint32        julian);
gboolean     _aff_calendar_julian   (AffCalendar   *self,
                                     gint64         ordinal,
                                     guint32       *julian);
void         _aff_calendar_to_json  (AffCalendar   *self,
                                     JsonBuilder   *builder);
AffCalendar *_aff_calendar_from_json (AffJsonReader *reader,
                                      JsonNode      *node,
                                      GError       **error);

/* ---- The scheduler: forward and backward passes over arrays ------------ */

/* Which side of a day boundary a milestone sits on: at the start of the day
 * after (dated that day) or at the end of the day before (dated that day). */
typedef enum {
  AFF_SIDE_START,
  AFF_SIDE_END,
} AffSide;

typedef struct
{
  gint64 duration;          /* working days */
  gint64 earliest;          /* lowest start boundary: plan start, constraint */
  gint64 deadline;          /* highest finish boundary, G_MAXINT64 for none */
  gboolean pinned;          /* starts at @earliest whatever its predecessors */
  AffSide earliest_side;
} AffSchedTask;

typedef struct
{
  guint32 pred;
  guint32 succ;
  gint32 lag;
  AffDependencyType type;
} AffSchedLink;

typedef struct
{
  gint64 es, ef, ls, lf;
  gint64 total_float;
  gint64 free_float;
  AffSide side;             /* for milestones: the side of es and ef */
} AffSchedResult;

/* Schedules @n tasks linked by @m links. Returns FALSE when the links make
 * a cycle, with the tasks of one cycle, in order, appended to @cycle
 * (guint32 indices); @out is then undefined. */
gboolean _aff_schedule (const AffSchedTask   *tasks,
                        guint                 n,
                        const AffSchedLink   *links,
                        guint                 m,
                        AffSchedResult       *out,
                        gint64               *finish,
                        GArray               *cycle);

/* ---- Tasks and plans ---------------------------------------------------- */

void      _aff_task_attach     (AffTask      *self,
                                AffPlan      *plan,
                                AffJournal   *journal,
                                const char   *affair_id);
AffPlan  *_aff_task_get_plan   (AffTask      *self);
void      _aff_task_set_schedule (AffTask    *self,
                                  const GDate *es,
                                  const GDate *ef,
                                  const GDate *ls,
                                  const GDate *lf,
                                  gint64       total_float,
                                  gint64       free_float);
void      _aff_task_clear_schedule (AffTask  *self);
void      _aff_task_to_json    (AffTask      *self,
                                JsonBuilder  *builder);
AffTask  *_aff_task_from_json  (AffJsonReader *reader,
                                JsonNode      *node,
                                GError       **error);

void      _aff_plan_task_changed (AffPlan    *self,
                                  AffTask    *task);
void      _aff_plan_attach     (AffPlan      *self,
                                AffJournal   *journal,
                                const char   *affair_id);
void      _aff_plan_to_json    (AffPlan      *self,
                                JsonBuilder  *builder);
AffPlan  *_aff_plan_from_json  (AffJsonReader *reader,
                                JsonNode      *node,
                                GError       **error);

G_END_DECLS
