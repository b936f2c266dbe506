/* aff-plan.h: the delivery plan of an affair
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <gio/gio.h>

#include "aff-version-macros.h"
#include "aff-calendar.h"
#include "aff-task.h"

G_BEGIN_DECLS

/**
 * AffDependencyType:
 * @AFF_DEPENDENCY_TYPE_FINISH_START: the successor starts after the
 *   predecessor finishes
 * @AFF_DEPENDENCY_TYPE_START_START: the successor starts no earlier than
 *   the predecessor starts
 * @AFF_DEPENDENCY_TYPE_FINISH_FINISH: the successor finishes no earlier
 *   than the predecessor finishes
 * @AFF_DEPENDENCY_TYPE_START_FINISH: the successor finishes no earlier than
 *   the predecessor starts
 *
 * How a task depends on another. The lag of a dependency adds working days
 * (or, negative, takes them away) to the date it constrains.
 */
typedef enum {
  AFF_DEPENDENCY_TYPE_FINISH_START,
  AFF_DEPENDENCY_TYPE_START_START,
  AFF_DEPENDENCY_TYPE_FINISH_FINISH,
  AFF_DEPENDENCY_TYPE_START_FINISH,
} AffDependencyType;

#define AFF_TYPE_DEPENDENCY (aff_dependency_get_type ())

typedef struct _AffDependency AffDependency;

AFF_AVAILABLE_IN_ALL
GType              aff_dependency_get_type           (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffDependency     *aff_dependency_copy               (const AffDependency *self);
AFF_AVAILABLE_IN_ALL
void               aff_dependency_free               (AffDependency       *self);
AFF_AVAILABLE_IN_ALL
const char        *aff_dependency_get_predecessor_id (const AffDependency *self);
AFF_AVAILABLE_IN_ALL
const char        *aff_dependency_get_successor_id   (const AffDependency *self);
AFF_AVAILABLE_IN_ALL
AffDependencyType  aff_dependency_get_dependency_type (const AffDependency *self);
AFF_AVAILABLE_IN_ALL
int                aff_dependency_get_lag            (const AffDependency *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffDependency, aff_dependency_free)

#define AFF_TYPE_VIOLATION (aff_violation_get_type ())

typedef struct _AffViolation AffViolation;

AFF_AVAILABLE_IN_ALL
GType         aff_violation_get_type        (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffViolation *aff_violation_copy            (const AffViolation *self);
AFF_AVAILABLE_IN_ALL
void          aff_violation_free            (AffViolation       *self);
AFF_AVAILABLE_IN_ALL
const char   *aff_violation_get_task_id     (const AffViolation *self);
AFF_AVAILABLE_IN_ALL
const GDate  *aff_violation_get_deadline    (const AffViolation *self);
AFF_AVAILABLE_IN_ALL
const GDate  *aff_violation_get_finish      (const AffViolation *self);
AFF_AVAILABLE_IN_ALL
int           aff_violation_get_days_missed (const AffViolation *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffViolation, aff_violation_free)

#define AFF_TYPE_SLIP (aff_slip_get_type ())

typedef struct _AffSlip AffSlip;

AFF_AVAILABLE_IN_ALL
GType        aff_slip_get_type             (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffSlip     *aff_slip_copy                 (const AffSlip *self);
AFF_AVAILABLE_IN_ALL
void         aff_slip_free                 (AffSlip       *self);
AFF_AVAILABLE_IN_ALL
const char  *aff_slip_get_task_id          (const AffSlip *self);
AFF_AVAILABLE_IN_ALL
gboolean     aff_slip_is_milestone         (const AffSlip *self);
AFF_AVAILABLE_IN_ALL
const GDate *aff_slip_get_baseline_start   (const AffSlip *self);
AFF_AVAILABLE_IN_ALL
const GDate *aff_slip_get_baseline_finish  (const AffSlip *self);
AFF_AVAILABLE_IN_ALL
const GDate *aff_slip_get_start            (const AffSlip *self);
AFF_AVAILABLE_IN_ALL
const GDate *aff_slip_get_finish           (const AffSlip *self);
AFF_AVAILABLE_IN_ALL
int          aff_slip_get_start_slip       (const AffSlip *self);
AFF_AVAILABLE_IN_ALL
int          aff_slip_get_finish_slip      (const AffSlip *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffSlip, aff_slip_free)

#define AFF_TYPE_PLAN (aff_plan_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffPlan, aff_plan, AFF, PLAN, GObject)

AFF_AVAILABLE_IN_ALL
AffPlan     *aff_plan_new               (void) G_GNUC_WARN_UNUSED_RESULT;

AFF_AVAILABLE_IN_ALL
const GDate *aff_plan_get_start         (AffPlan           *self);
AFF_AVAILABLE_IN_ALL
void         aff_plan_set_start         (AffPlan           *self,
                                         const GDate       *date);
AFF_AVAILABLE_IN_ALL
AffCalendar *aff_plan_get_calendar      (AffPlan           *self);
AFF_AVAILABLE_IN_ALL
void         aff_plan_set_calendar      (AffPlan           *self,
                                         AffCalendar       *calendar);

AFF_AVAILABLE_IN_ALL
gboolean     aff_plan_add_task          (AffPlan           *self,
                                         AffTask           *task,
                                         GError           **error);
AFF_AVAILABLE_IN_ALL
gboolean     aff_plan_remove_task       (AffPlan           *self,
                                         const char        *id,
                                         GError           **error);
AFF_AVAILABLE_IN_ALL
AffTask     *aff_plan_lookup_task       (AffPlan           *self,
                                         const char        *id);
AFF_AVAILABLE_IN_ALL
GListModel  *aff_plan_get_tasks         (AffPlan           *self);

AFF_AVAILABLE_IN_ALL
gboolean     aff_plan_add_dependency    (AffPlan           *self,
                                         const char        *predecessor_id,
                                         const char        *successor_id,
                                         AffDependencyType  type,
                                         int                lag_days,
                                         GError           **error);
AFF_AVAILABLE_IN_ALL
gboolean     aff_plan_remove_dependency (AffPlan           *self,
                                         const char        *predecessor_id,
                                         const char        *successor_id,
                                         GError           **error);
AFF_AVAILABLE_IN_ALL
GPtrArray   *aff_plan_get_dependencies  (AffPlan           *self);

AFF_AVAILABLE_IN_ALL
gboolean     aff_plan_schedule          (AffPlan           *self,
                                         GError           **error);
AFF_AVAILABLE_IN_ALL
gboolean     aff_plan_is_scheduled      (AffPlan           *self);
AFF_AVAILABLE_IN_ALL
const GDate *aff_plan_get_finish        (AffPlan           *self);
AFF_AVAILABLE_IN_ALL
GPtrArray   *aff_plan_get_critical_path (AffPlan           *self);
AFF_AVAILABLE_IN_ALL
GPtrArray   *aff_plan_get_violations    (AffPlan           *self);

AFF_AVAILABLE_IN_ALL
gboolean     aff_plan_save_baseline     (AffPlan           *self,
                                         const char        *name,
                                         GError           **error);
AFF_AVAILABLE_IN_ALL
GStrv        aff_plan_list_baselines    (AffPlan           *self);
AFF_AVAILABLE_IN_ALL
gboolean     aff_plan_get_baseline_dates  (AffPlan         *self,
                                           const char      *name,
                                           const char      *task_id,
                                           GDate           *start,
                                           GDate           *finish);
AFF_AVAILABLE_IN_ALL
GPtrArray   *aff_plan_compare_to_baseline (AffPlan         *self,
                                           const char      *name,
                                           GError         **error);

G_END_DECLS
