/* aff-coordination.h: inspections, co-activity, purchases, work packages, roles
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <glib-object.h>

#include "aff-version-macros.h"
#include "aff-task.h"
#include "aff-plan.h"

G_BEGIN_DECLS

/**
 * AffInspectionIssueKind:
 * @AFF_INSPECTION_ISSUE_KIND_REPORT_OVERDUE: the report is due and not
 *   received
 * @AFF_INSPECTION_ISSUE_KIND_REPORT_LATE: the report was received after it
 *   was due
 * @AFF_INSPECTION_ISSUE_KIND_TOO_LATE: the report is due after the task
 *   that needs it starts: the inspection is not planned early enough
 * @AFF_INSPECTION_ISSUE_KIND_NO_BODY: the inspection names no accredited
 *   body
 * @AFF_INSPECTION_ISSUE_KIND_NO_BASIS: the inspection names no regulatory
 *   basis
 *
 * What is wrong with an inspection.
 */
typedef enum {
  AFF_INSPECTION_ISSUE_KIND_REPORT_OVERDUE,
  AFF_INSPECTION_ISSUE_KIND_REPORT_LATE,
  AFF_INSPECTION_ISSUE_KIND_TOO_LATE,
  AFF_INSPECTION_ISSUE_KIND_NO_BODY,
  AFF_INSPECTION_ISSUE_KIND_NO_BASIS,
} AffInspectionIssueKind;

#define AFF_TYPE_INSPECTION_ISSUE (aff_inspection_issue_get_type ())

typedef struct _AffInspectionIssue AffInspectionIssue;

AFF_AVAILABLE_IN_ALL
GType                   aff_inspection_issue_get_type        (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffInspectionIssue     *aff_inspection_issue_copy            (const AffInspectionIssue *self);
AFF_AVAILABLE_IN_ALL
void                    aff_inspection_issue_free            (AffInspectionIssue       *self);
AFF_AVAILABLE_IN_ALL
const char             *aff_inspection_issue_get_task_id     (const AffInspectionIssue *self);
AFF_AVAILABLE_IN_ALL
AffInspectionIssueKind  aff_inspection_issue_get_kind        (const AffInspectionIssue *self);
AFF_AVAILABLE_IN_ALL
const GDate            *aff_inspection_issue_get_due         (const AffInspectionIssue *self);
AFF_AVAILABLE_IN_ALL
int                     aff_inspection_issue_get_days        (const AffInspectionIssue *self);
AFF_AVAILABLE_IN_ALL
const char             *aff_inspection_issue_get_required_for (const AffInspectionIssue *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffInspectionIssue, aff_inspection_issue_free)

#define AFF_TYPE_COACTIVITY (aff_coactivity_get_type ())

typedef struct _AffCoactivity AffCoactivity;

AFF_AVAILABLE_IN_ALL
GType          aff_coactivity_get_type     (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffCoactivity *aff_coactivity_copy         (const AffCoactivity *self);
AFF_AVAILABLE_IN_ALL
void           aff_coactivity_free         (AffCoactivity       *self);
AFF_AVAILABLE_IN_ALL
const char    *aff_coactivity_get_zone     (const AffCoactivity *self);
AFF_AVAILABLE_IN_ALL
const GDate   *aff_coactivity_get_from     (const AffCoactivity *self);
AFF_AVAILABLE_IN_ALL
const GDate   *aff_coactivity_get_to       (const AffCoactivity *self);
AFF_AVAILABLE_IN_ALL
const char    *aff_coactivity_get_first_task_id  (const AffCoactivity *self);
AFF_AVAILABLE_IN_ALL
const char    *aff_coactivity_get_second_task_id (const AffCoactivity *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffCoactivity, aff_coactivity_free)

#define AFF_TYPE_PURCHASE (aff_purchase_get_type ())

typedef struct _AffPurchase AffPurchase;

AFF_AVAILABLE_IN_ALL
GType        aff_purchase_get_type           (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffPurchase *aff_purchase_copy               (const AffPurchase *self);
AFF_AVAILABLE_IN_ALL
void         aff_purchase_free               (AffPurchase       *self);
AFF_AVAILABLE_IN_ALL
const char  *aff_purchase_get_task_id        (const AffPurchase *self);
AFF_AVAILABLE_IN_ALL
const char  *aff_purchase_get_supplier       (const AffPurchase *self);
AFF_AVAILABLE_IN_ALL
guint        aff_purchase_get_lead_time_days (const AffPurchase *self);
AFF_AVAILABLE_IN_ALL
const GDate *aff_purchase_get_earliest_order (const AffPurchase *self);
AFF_AVAILABLE_IN_ALL
const GDate *aff_purchase_get_order_by       (const AffPurchase *self);
AFF_AVAILABLE_IN_ALL
const GDate *aff_purchase_get_needed_by      (const AffPurchase *self);
AFF_AVAILABLE_IN_ALL
gboolean     aff_purchase_is_ordered         (const AffPurchase *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffPurchase, aff_purchase_free)

#define AFF_TYPE_WORK_PACKAGE (aff_work_package_get_type ())

typedef struct _AffWorkPackage AffWorkPackage;

AFF_AVAILABLE_IN_ALL
GType           aff_work_package_get_type              (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffWorkPackage *aff_work_package_copy                  (const AffWorkPackage *self);
AFF_AVAILABLE_IN_ALL
void            aff_work_package_free                  (AffWorkPackage       *self);
AFF_AVAILABLE_IN_ALL
const char     *aff_work_package_get_task_id           (const AffWorkPackage *self);
AFF_AVAILABLE_IN_ALL
const char     *aff_work_package_get_subcontractor     (const AffWorkPackage *self);
AFF_AVAILABLE_IN_ALL
const char *const *aff_work_package_get_inputs         (const AffWorkPackage *self);
AFF_AVAILABLE_IN_ALL
const char *const *aff_work_package_get_outputs        (const AffWorkPackage *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffWorkPackage, aff_work_package_free)

#define AFF_TYPE_RACI_ITEM (aff_raci_item_get_type ())

typedef struct _AffRaciItem AffRaciItem;

AFF_AVAILABLE_IN_ALL
GType        aff_raci_item_get_type        (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffRaciItem *aff_raci_item_copy            (const AffRaciItem *self);
AFF_AVAILABLE_IN_ALL
void         aff_raci_item_free            (AffRaciItem       *self);
AFF_AVAILABLE_IN_ALL
const char  *aff_raci_item_get_task_id     (const AffRaciItem *self);
AFF_AVAILABLE_IN_ALL
AffRaciRole  aff_raci_item_get_role        (const AffRaciItem *self);
AFF_AVAILABLE_IN_ALL
const GDate *aff_raci_item_get_start       (const AffRaciItem *self);
AFF_AVAILABLE_IN_ALL
const GDate *aff_raci_item_get_late_start  (const AffRaciItem *self);
AFF_AVAILABLE_IN_ALL
gboolean     aff_raci_item_is_critical     (const AffRaciItem *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffRaciItem, aff_raci_item_free)

AFF_AVAILABLE_IN_ALL
GPtrArray *aff_plan_check_inspections  (AffPlan     *self,
                                        const GDate *date,
                                        GError     **error);
AFF_AVAILABLE_IN_ALL
GPtrArray *aff_plan_list_coactivities  (AffPlan     *self,
                                        GError     **error);
AFF_AVAILABLE_IN_ALL
GPtrArray *aff_plan_list_purchases     (AffPlan     *self,
                                        GError     **error);
AFF_AVAILABLE_IN_ALL
GPtrArray *aff_plan_list_work_packages (AffPlan     *self);
AFF_AVAILABLE_IN_ALL
GStrv      aff_plan_list_people        (AffPlan     *self);
AFF_AVAILABLE_IN_ALL
GPtrArray *aff_plan_list_raci          (AffPlan     *self,
                                        const char  *person,
                                        GError     **error);

G_END_DECLS
