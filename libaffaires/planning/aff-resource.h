/* aff-resource.h: people, teams and equipment a plan uses
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <gio/gio.h>

#include "aff-version-macros.h"
#include "aff-money.h"
#include "aff-calendar.h"
#include "aff-plan.h"

G_BEGIN_DECLS

/**
 * AffResourceKind:
 * @AFF_RESOURCE_KIND_PERSON: a person
 * @AFF_RESOURCE_KIND_TEAM: a team, whose capacity is the sum of its members'
 * @AFF_RESOURCE_KIND_EQUIPMENT: a machine, a crane, a test bench
 * @AFF_RESOURCE_KIND_SUBCONTRACTOR: a subcontractor's crew
 *
 * What a resource is.
 */
typedef enum {
  AFF_RESOURCE_KIND_PERSON,
  AFF_RESOURCE_KIND_TEAM,
  AFF_RESOURCE_KIND_EQUIPMENT,
  AFF_RESOURCE_KIND_SUBCONTRACTOR,
} AffResourceKind;

#define AFF_TYPE_RESOURCE (aff_resource_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffResource, aff_resource, AFF, RESOURCE, GObject)

AFF_AVAILABLE_IN_ALL
AffResource     *aff_resource_new                  (const char      *id,
                                                    const char      *name,
                                                    AffResourceKind  kind) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
const char      *aff_resource_get_id               (AffResource     *self);
AFF_AVAILABLE_IN_ALL
const char      *aff_resource_get_name             (AffResource     *self);
AFF_AVAILABLE_IN_ALL
void             aff_resource_set_name             (AffResource     *self,
                                                    const char      *name);
AFF_AVAILABLE_IN_ALL
AffResourceKind  aff_resource_get_kind             (AffResource     *self);
AFF_AVAILABLE_IN_ALL
guint            aff_resource_get_capacity_minutes (AffResource     *self);
AFF_AVAILABLE_IN_ALL
void             aff_resource_set_capacity_minutes (AffResource     *self,
                                                    guint            minutes);
AFF_AVAILABLE_IN_ALL
void             aff_resource_set_capacity_hours   (AffResource     *self,
                                                    double           hours);
AFF_AVAILABLE_IN_ALL
AffCalendar     *aff_resource_get_calendar         (AffResource     *self);
AFF_AVAILABLE_IN_ALL
void             aff_resource_set_calendar         (AffResource     *self,
                                                    AffCalendar     *calendar);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_resource_get_cost_rate        (AffResource     *self);
AFF_AVAILABLE_IN_ALL
void             aff_resource_set_cost_rate        (AffResource     *self,
                                                    const AffMoney  *hourly_rate);
AFF_AVAILABLE_IN_ALL
const char *const *aff_resource_get_skills         (AffResource     *self);
AFF_AVAILABLE_IN_ALL
void             aff_resource_set_skills           (AffResource     *self,
                                                    const char *const *skills);

#define AFF_TYPE_ASSIGNMENT (aff_assignment_get_type ())

typedef struct _AffAssignment AffAssignment;

AFF_AVAILABLE_IN_ALL
GType          aff_assignment_get_type              (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffAssignment *aff_assignment_copy                  (const AffAssignment *self);
AFF_AVAILABLE_IN_ALL
void           aff_assignment_free                  (AffAssignment       *self);
AFF_AVAILABLE_IN_ALL
const char    *aff_assignment_get_task_id           (const AffAssignment *self);
AFF_AVAILABLE_IN_ALL
const char    *aff_assignment_get_resource_id       (const AffAssignment *self);
AFF_AVAILABLE_IN_ALL
guint          aff_assignment_get_minutes_per_day   (const AffAssignment *self);
AFF_AVAILABLE_IN_ALL
guint          aff_assignment_get_total_minutes     (const AffAssignment *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffAssignment, aff_assignment_free)

#define AFF_TYPE_LOAD (aff_load_get_type ())

typedef struct _AffLoad AffLoad;

AFF_AVAILABLE_IN_ALL
GType        aff_load_get_type             (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffLoad     *aff_load_copy                 (const AffLoad *self);
AFF_AVAILABLE_IN_ALL
void         aff_load_free                 (AffLoad       *self);
AFF_AVAILABLE_IN_ALL
const char  *aff_load_get_resource_id      (const AffLoad *self);
AFF_AVAILABLE_IN_ALL
const GDate *aff_load_get_date             (const AffLoad *self);
AFF_AVAILABLE_IN_ALL
guint        aff_load_get_load_minutes     (const AffLoad *self);
AFF_AVAILABLE_IN_ALL
guint        aff_load_get_capacity_minutes (const AffLoad *self);
AFF_AVAILABLE_IN_ALL
guint        aff_load_get_overload_minutes (const AffLoad *self);
AFF_AVAILABLE_IN_ALL
const char *const *aff_load_get_task_ids   (const AffLoad *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffLoad, aff_load_free)

AFF_AVAILABLE_IN_ALL
gboolean     aff_plan_add_resource           (AffPlan      *self,
                                              AffResource  *resource,
                                              GError      **error);
AFF_AVAILABLE_IN_ALL
AffResource *aff_plan_lookup_resource        (AffPlan      *self,
                                              const char   *id);
AFF_AVAILABLE_IN_ALL
GListModel  *aff_plan_get_resources          (AffPlan      *self);
AFF_AVAILABLE_IN_ALL
gboolean     aff_plan_assign                 (AffPlan      *self,
                                              const char   *task_id,
                                              const char   *resource_id,
                                              double        hours_per_day,
                                              GError      **error);
AFF_AVAILABLE_IN_ALL
gboolean     aff_plan_assign_total           (AffPlan      *self,
                                              const char   *task_id,
                                              const char   *resource_id,
                                              double        total_hours,
                                              GError      **error);
AFF_AVAILABLE_IN_ALL
gboolean     aff_plan_unassign               (AffPlan      *self,
                                              const char   *task_id,
                                              const char   *resource_id,
                                              GError      **error);
AFF_AVAILABLE_IN_ALL
GPtrArray   *aff_plan_get_assignments        (AffPlan      *self);
AFF_AVAILABLE_IN_ALL
GPtrArray   *aff_plan_compute_load           (AffPlan      *self,
                                              const char   *resource_id,
                                              const GDate  *from,
                                              const GDate  *to,
                                              GError      **error);
AFF_AVAILABLE_IN_ALL
GPtrArray   *aff_plan_list_overallocations   (AffPlan      *self,
                                              GError      **error);
AFF_AVAILABLE_IN_ALL
GPtrArray   *aff_plan_level_resources        (AffPlan      *self,
                                              GError      **error);

G_END_DECLS
