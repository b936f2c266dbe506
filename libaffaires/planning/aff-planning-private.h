/* aff-planning-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "aff-calendar.h"
#include "aff-policy.h"
#include "aff-task.h"
#include "aff-plan.h"
#include "aff-hazard.h"
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
/* The working days from @from to @to, negative when @to is earlier: how
 * far a date slipped. */
int          _aff_calendar_days_between (AffCalendar *self,
                                         guint32      from,
                                         guint32      to);
/* Ordinals from before a change of version mean other days. */
guint        _aff_calendar_get_version (AffCalendar *self);
/* The boundary at the end of @julian: the working days up to it, included. */
gint32       _aff_calendar_end_ordinal (AffCalendar *self,
                                        guint32      julian);
/* Asks the processor for the ordinals of @days that the calendar already
 * holds, for a caller about to read them. */
void         _aff_calendar_prefetch (AffCalendar   *self,
                                     const guint32 *days,
                                     guint          n);
/* Asks for the fields a status reads of the calendar itself (its view of
 * the working days and its version). */
void         _aff_calendar_prefetch_object (AffCalendar *self);
/* The name of the baseline saved last, or NULL: owned by the plan. */
const char  *_aff_plan_latest_baseline (AffPlan     *self);

/* Makes the plan read-only, its tasks included: changes then fail with
 * AFF_ERROR_CLOSED, or as a programmer's error for a setter. */
void         _aff_plan_close     (AffPlan     *self);

/* What the finance module reads of a task, for every task at once: its
 * status reads them for each affair of a dashboard. */
typedef struct
{
  const char *id;             /* the task's */
  const char *deliverable;    /* the task's, or NULL */
  guint duration;
  gboolean milestone;
  guint32 base_start;         /* Julian days in the latest baseline, 0 when it lacks the task */
  guint32 base_finish;
  guint32 early_start;        /* Julian days in the last schedule, 0 when it did not cover the task */
  guint32 early_finish;
} AffPlanTaskDays;

/* Asks the processor for the task's id and deliverable. */
void         _aff_task_prefetch  (AffTask         *self);
/* Fills the id, deliverable, duration and kind of @info, without checks. */
void         _aff_task_peek_days (AffTask         *self,
                                  AffPlanTaskDays *info);
/* Fills @out (AffPlanTaskDays) in the plan's order; returns the latest
 * baseline's name, or NULL. */
/* See _aff_affair_prefetch(): stage 0 the plan's arrays, 1 their first
 * tasks, its latest baseline and last schedule, 2 the tasks' ids and the
 * baseline's items. */
void         _aff_plan_prefetch  (AffPlan     *self,
                                  guint        stage);
const char  *_aff_plan_task_days (AffPlan     *self,
                                  GArray      *out);
/* Counts the changes of what _aff_plan_task_days() gives: the tasks, the
 * schedules and the baselines. The calendar's days count apart: see
 * _aff_calendar_get_version(). */
guint64      _aff_plan_get_changes (AffPlan   *self);
gboolean     _aff_calendar_julian   (AffCalendar   *self,
                                     gint64         ordinal,
                                     guint32       *julian);
/* A table of the julian days of ordinals @lo to @hi, indexed by ordinal,
 * valid until the calendar next changes or grows; NULL when the range
 * leaves years 1 to 9999. */
const guint32 *_aff_calendar_days   (AffCalendar   *self,
                                     gint64         lo,
                                     gint64         hi);
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

/* Boundaries saturate here: no calendar reaches so far, so a saturated
 * date fails when it is turned back into a day, instead of overflowing. */
#define AFF_SCHED_FAR (1 << 30)

/* The terms of one task as the scheduler sees them. */
typedef struct
{
  gint32 duration;          /* working days */
  gint32 earliest;          /* lowest start boundary: plan start, constraint */
  gint32 deadline;          /* highest finish boundary, AFF_SCHED_FAR for none */
  gint32 delay;             /* working days added to the start (levelling) */
  guint8 pinned;            /* starts at @earliest whatever its predecessors */
  guint8 earliest_side;     /* AffSide */
} AffSchedTask;

/* The scheduler's input, compact: most tasks are a duration from the
 * plan's start; the few with a constraint, an actual date or a delay are
 * kept apart, by position, and flagged. Large plans are streamed through
 * the caches several times per schedule, so every byte per task counts. */
enum {
  AFF_SCHED_SPECIAL = 1 << 0,   /* its terms are in the specials */
  AFF_SCHED_PINNED = 1 << 1,
  AFF_SCHED_DELAYED = 1 << 2,
  AFF_SCHED_DEADLINE = 1 << 3,
};

typedef struct
{
  guint n;
  gint32 origin;            /* the start boundary of tasks without terms */
  gint32 *duration;
  guint8 *flags;
  GArray *special_positions;    /* guint32, increasing */
  GArray *special_terms;        /* AffSchedTask, by the positions' order */
  guint capacity;
  gpointer block;           /* holds duration and flags */
} AffSchedInput;

AffSchedInput *_aff_sched_input_new         (void);
void           _aff_sched_input_free        (AffSchedInput      *input);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffSchedInput, _aff_sched_input_free)
/* Sizes @input for @n tasks starting at @origin, none special; the
 * durations are the caller's to fill. */
void           _aff_sched_input_reset       (AffSchedInput      *input,
                                             guint               n,
                                             gint32              origin);
/* Gives a task its own terms; positions must come in increasing order. */
void           _aff_sched_input_add_special (AffSchedInput      *input,
                                             guint32             position,
                                             const AffSchedTask *terms);
const AffSchedTask *_aff_sched_input_special (const AffSchedInput *input,
                                              guint32              position);
/* The compact form of @n full terms, for tests and benchmarks. */
AffSchedInput *_aff_sched_input_from_tasks  (const AffSchedTask *tasks,
                                             guint               n);

typedef struct
{
  guint32 pred;
  guint32 succ;
  gint32 lag;
  AffDependencyType type;
} AffSchedLink;

/* The links as compressed rows by predecessor (successor, lag and type side
 * by side, so that a pass reads them in order) and a topological order.
 * They depend on the links only: a plan keeps them while its dependencies
 * do not change, however often its tasks do. */
typedef struct
{
  guint n;
  guint m;
  guint32 *first;           /* n + 1 */
  guint32 *succ;
  gint32 *lag;
  guint8 *type;
  guint32 *order;           /* NULL when the plan's order is topological */

  guint task_capacity;
  guint link_capacity;
  guint32 *fill;
  guint32 *indegree;
  guint32 *order_space;
  gpointer task_block;      /* holds the arrays by task */
  gpointer link_block;      /* holds the arrays by link */
} AffSchedRows;

AffSchedRows *_aff_sched_rows_new   (void);
void          _aff_sched_rows_free  (AffSchedRows       *rows);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffSchedRows, _aff_sched_rows_free)
/* FALSE when the links make a cycle, with the tasks of one cycle, in order,
 * appended to @cycle (guint32 indices). */
gboolean      _aff_sched_rows_build (AffSchedRows       *rows,
                                     const AffSchedLink *links,
                                     guint               n,
                                     guint               m,
                                     GArray             *cycle);

/* What a boundary of a schedule stands for, per task. */
typedef enum {
  AFF_SCHED_TASK,           /* starts after its start boundary, ends before its finish */
  AFF_SCHED_MILESTONE_START, /* a milestone dated the day after its boundary */
  AFF_SCHED_MILESTONE_END,  /* a milestone dated the day before its boundary */
} AffSchedKind;

/* The results, an array per figure: the passes touch few of them at a time
 * and large plans must stay in the caches. */
typedef struct
{
  guint n;
  gint32 *es, *ef, *ls, *lf;   /* the total float is ls - es */
  gint32 *free_float;
  guint8 *kind;             /* AffSchedKind */
  gint32 finish;            /* the latest early finish boundary */
  gint32 last_day;          /* the ordinal of the day of the latest early finish */
  gint32 lowest;            /* the ordinal of the earliest day a date falls on */
  gint32 highest;           /* the ordinal of the latest day a date falls on */
  guint capacity;
  gpointer block;           /* holds the arrays */
} AffSchedule;

AffSchedule *_aff_schedule_new  (void);
void         _aff_schedule_free (AffSchedule        *schedule);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffSchedule, _aff_schedule_free)

/* Schedules the @rows->n tasks of @input into @out. */
void _aff_schedule_run (const AffSchedInput  *input,
                        const AffSchedRows   *rows,
                        AffSchedule          *out);

/* ---- Tasks and plans ---------------------------------------------------- */

void      _aff_task_attach     (AffTask      *self,
                                AffPlan      *plan,
                                AffJournal   *journal,
                                const char   *affair_id);
AffPlan  *_aff_task_get_plan   (AffTask      *self);
/* What the scheduler needs of a task: its days as julian numbers, 0 for
 * none. The plan keeps one per task, side by side, and refreshes it when
 * the task notifies a change. */
typedef struct
{
  gint32 duration;          /* 0 for a milestone; hazards' delays included */
  gint32 delay;             /* levelling's delay of the start */
  guint32 start_no_earlier_than;
  guint32 finish_no_later_than;
  guint32 actual_start;
  guint32 actual_finish;
} AffTaskTerms;

void      _aff_task_get_terms  (AffTask      *self,
                                AffTaskTerms *terms);

/* A task's figures from a schedule. The plan keeps them in arrays; a task
 * copies its own when asked, tagged with the plan's schedule generation. */
typedef struct
{
  guint64 generation;
  gboolean scheduled;
  GDate early_start, early_finish, late_start, late_finish;
  int total_float;
  int free_float;
} AffTaskSchedule;

void      _aff_task_set_index  (AffTask      *self,
                                guint         index);
/* For a trial: no notification, no journal entry. */
void      _aff_task_set_hazard_delay_quietly (AffTask *self,
                                              guint    days);
/* Brings @dst up to date with the plan's last schedule, if it is not. */
void      _aff_plan_fill_schedule (AffPlan         *self,
                                   guint            index,
                                   AffTaskSchedule *dst);
void      _aff_task_to_json    (AffTask      *self,
                                JsonBuilder  *builder);
AffTask  *_aff_task_from_json  (AffJsonReader *reader,
                                JsonNode      *node,
                                GError       **error);

void      _aff_plan_task_changed (AffPlan    *self,
                                  AffTask    *task);
/* An affair's plan journals under the affair and borrows its policy (for
 * the prevention-plan threshold); NULL detaches both. */
void      _aff_plan_attach     (AffPlan      *self,
                                AffJournal   *journal,
                                const char   *affair_id,
                                AffPolicy    *policy);
AffPolicy *_aff_plan_get_policy (AffPlan     *self);
void      _aff_plan_to_json    (AffPlan      *self,
                                JsonBuilder  *builder);
AffPlan  *_aff_plan_from_json  (AffJsonReader *reader,
                                JsonNode      *node,
                                GError       **error);

/* ---- What the plan shares with its other files ------------------------- */

typedef struct _AffPlanResources AffPlanResources;

AffTrack         *_aff_plan_get_track          (AffPlan          *self);
GDate            *_aff_plan_get_contract_end_slot (AffPlan       *self);
GListStore       *_aff_plan_get_hazard_store   (AffPlan          *self);
typedef struct _AffPreventionPlan AffPreventionPlan;
AffPreventionPlan *_aff_plan_get_prevention    (AffPlan          *self);
AffPreventionPlan *_aff_prevention_plan_new    (AffTrack         *track);
void              _aff_prevention_plan_detach  (AffPreventionPlan *self);
void              _aff_prevention_plan_to_json (AffPreventionPlan *self,
                                                JsonBuilder       *builder);
gboolean          _aff_prevention_plan_from_json (AffPreventionPlan *self,
                                                  AffJsonReader     *reader,
                                                  JsonNode          *node,
                                                  GError           **error);
typedef struct _AffHazard AffHazard;
void              _aff_hazard_to_json          (AffHazard        *self,
                                                JsonBuilder      *builder);
AffHazard        *_aff_hazard_from_json        (AffJsonReader    *reader,
                                                JsonNode         *node,
                                                GError          **error);
AffPlanResources *_aff_plan_get_resources      (AffPlan          *self);
/* The early start and finish of every task, to compare with later: an
 * unnamed baseline. */
typedef struct _AffPlanSnapshot AffPlanSnapshot;
AffPlanSnapshot  *_aff_plan_snapshot           (AffPlan          *self);
void              _aff_plan_snapshot_free      (AffPlanSnapshot  *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffPlanSnapshot, _aff_plan_snapshot_free)
/* The tasks whose dates moved since @snapshot, as AffSlip. */
GPtrArray        *_aff_plan_compare_snapshot   (AffPlan          *self,
                                                AffPlanSnapshot  *snapshot);

AffPlanResources *_aff_plan_resources_new      (void);
void              _aff_plan_resources_free     (AffPlanResources *self);
void              _aff_plan_resources_attach   (AffPlanResources *self,
                                                AffJournal       *journal,
                                                const char       *affair_id);
void              _aff_plan_resources_task_removed (AffPlanResources *self,
                                                    const char       *task_id);
gboolean          _aff_plan_resources_has_assignments (AffPlanResources *self,
                                                       const char       *task_id);
void              _aff_plan_resources_to_json  (AffPlanResources *self,
                                                JsonBuilder      *builder);
gboolean          _aff_plan_resources_from_json (AffPlan         *plan,
                                                 AffJsonReader   *reader,
                                                 JsonObject      *object,
                                                 GError         **error);
typedef struct _AffResource AffResource;
void              _aff_resource_set_calendar_quietly (AffResource *self,
                                                      AffCalendar *calendar);
void              _aff_resource_to_json        (AffResource      *self,
                                                JsonBuilder      *builder);

/* Loads keyed "resource\njulian" → AffLoad, for one plan or a portfolio. */
GHashTable       *_aff_loads_new               (void);
void              _aff_plan_add_loads          (AffPlan          *plan,
                                                GHashTable       *loads,
                                                const char       *only);
GPtrArray        *_aff_loads_sorted            (GHashTable       *loads,
                                                gboolean          overloaded_only);

/* What a party is, for people, in the language of aff-language-private.h:
 * "sous-traitant", "subcontractor". */
const char       *_aff_party_word             (guint             lang,
                                                AffParty          party);

/* Schedules @self if it is not (a document just loaded: the schedule is
 * computed, never saved); %TRUE when it is scheduled after. Changes none
 * of its data. */
gboolean _aff_plan_ensure_scheduled (AffPlan *self);

G_END_DECLS
