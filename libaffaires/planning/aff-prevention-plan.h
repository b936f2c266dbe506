/* aff-prevention-plan.h: the safety prevention plan with the client
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

#define AFF_TYPE_INTERFERENCE (aff_interference_get_type ())

typedef struct _AffInterference AffInterference;

AFF_AVAILABLE_IN_ALL
GType            aff_interference_get_type        (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffInterference *aff_interference_copy            (const AffInterference *self);
AFF_AVAILABLE_IN_ALL
void             aff_interference_free            (AffInterference       *self);
AFF_AVAILABLE_IN_ALL
const char      *aff_interference_get_zone        (const AffInterference *self);
AFF_AVAILABLE_IN_ALL
const char      *aff_interference_get_description (const AffInterference *self);
AFF_AVAILABLE_IN_ALL
const char      *aff_interference_get_measures    (const AffInterference *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffInterference, aff_interference_free)

#define AFF_TYPE_SIGNATURE (aff_signature_get_type ())

typedef struct _AffSignature AffSignature;

AFF_AVAILABLE_IN_ALL
GType         aff_signature_get_type         (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffSignature *aff_signature_copy             (const AffSignature *self);
AFF_AVAILABLE_IN_ALL
void          aff_signature_free             (AffSignature       *self);
AFF_AVAILABLE_IN_ALL
const char   *aff_signature_get_name         (const AffSignature *self);
AFF_AVAILABLE_IN_ALL
const char   *aff_signature_get_organisation (const AffSignature *self);
AFF_AVAILABLE_IN_ALL
AffParty      aff_signature_get_party        (const AffSignature *self);
AFF_AVAILABLE_IN_ALL
const GDate  *aff_signature_get_date         (const AffSignature *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffSignature, aff_signature_free)

#define AFF_TYPE_PREVENTION_PLAN (aff_prevention_plan_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffPreventionPlan, aff_prevention_plan, AFF, PREVENTION_PLAN, GObject)

AFF_AVAILABLE_IN_ALL
const GDate *aff_prevention_plan_get_joint_inspection (AffPreventionPlan  *self);
AFF_AVAILABLE_IN_ALL
gboolean     aff_prevention_plan_record_joint_inspection (AffPreventionPlan *self,
                                                          const GDate       *date,
                                                          const char *const *participants,
                                                          GError           **error);
AFF_AVAILABLE_IN_ALL
const char *const *aff_prevention_plan_get_participants (AffPreventionPlan *self);
AFF_AVAILABLE_IN_ALL
gboolean     aff_prevention_plan_add_interference (AffPreventionPlan  *self,
                                                   const char         *zone,
                                                   const char         *description,
                                                   const char         *measures,
                                                   GError            **error);
AFF_AVAILABLE_IN_ALL
GPtrArray   *aff_prevention_plan_get_interferences (AffPreventionPlan *self);
AFF_AVAILABLE_IN_ALL
gboolean     aff_prevention_plan_sign          (AffPreventionPlan  *self,
                                                const char         *name,
                                                const char         *organisation,
                                                AffParty            party,
                                                const GDate        *date,
                                                GError            **error);
AFF_AVAILABLE_IN_ALL
GPtrArray   *aff_prevention_plan_get_signatures (AffPreventionPlan *self);
AFF_AVAILABLE_IN_ALL
gboolean     aff_prevention_plan_is_signed     (AffPreventionPlan  *self);
AFF_AVAILABLE_IN_ALL
gboolean     aff_prevention_plan_is_signed_by  (AffPreventionPlan  *self,
                                                const char         *organisation);

AFF_AVAILABLE_IN_ALL
AffPreventionPlan *aff_plan_get_prevention_plan      (AffPlan     *self);
AFF_AVAILABLE_IN_ALL
gboolean           aff_plan_requires_prevention_plan (AffPlan     *self,
                                                      GStrv       *reasons);
AFF_AVAILABLE_IN_ALL
gboolean           aff_task_is_on_site               (AffTask     *task);
AFF_AVAILABLE_IN_ALL
gboolean           aff_plan_start_task               (AffPlan     *self,
                                                      const char  *task_id,
                                                      const GDate *date,
                                                      GError     **error);
AFF_AVAILABLE_IN_ALL
gboolean           aff_plan_finish_task              (AffPlan     *self,
                                                      const char  *task_id,
                                                      const GDate *date,
                                                      GError     **error);

G_END_DECLS
