/* aff-audit.h: the audit of an affair's dossier against the criteria of the
 * role
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <glib-object.h>

#include "aff-version-macros.h"
#include "aff-policy.h"

G_BEGIN_DECLS

/**
 * AffCapability:
 * @AFF_CAPABILITY_CLIENTS: 1, develop and manage a client portfolio
 * @AFF_CAPABILITY_OFFERS: 2, build and follow a commercial offer
 * @AFF_CAPABILITY_ORGANISATION: 3, organise the delivery project
 * @AFF_CAPABILITY_COORDINATION: 4, coordinate the internal and external
 *   interventions
 * @AFF_CAPABILITY_FOLLOW_UP: 5, follow the affair and its documentation
 * @AFF_CAPABILITY_FINANCE: 6, manage the affair's finances
 * @AFF_CAPABILITY_REX: 7, draw the lessons learned
 *
 * The seven capabilities of the responsable d'affaires' qualification
 * referential, in its order.
 */
typedef enum {
  AFF_CAPABILITY_CLIENTS,
  AFF_CAPABILITY_OFFERS,
  AFF_CAPABILITY_ORGANISATION,
  AFF_CAPABILITY_COORDINATION,
  AFF_CAPABILITY_FOLLOW_UP,
  AFF_CAPABILITY_FINANCE,
  AFF_CAPABILITY_REX,
} AffCapability;

/**
 * AffAuditStatus:
 * @AFF_AUDIT_STATUS_MET: the dossier shows the criterion is met
 * @AFF_AUDIT_STATUS_PARTIAL: part of it is there, part is missing
 * @AFF_AUDIT_STATUS_MISSING: nothing in the dossier shows it
 * @AFF_AUDIT_STATUS_NOT_APPLICABLE: the criterion does not apply to this
 *   affair on this day (no hazard to replan, work not yet accepted…); it
 *   does not count in the score
 *
 * What the audit found for one criterion.
 */
typedef enum {
  AFF_AUDIT_STATUS_MET,
  AFF_AUDIT_STATUS_PARTIAL,
  AFF_AUDIT_STATUS_MISSING,
  AFF_AUDIT_STATUS_NOT_APPLICABLE,
} AffAuditStatus;

#define AFF_TYPE_AUDIT_CRITERION (aff_audit_criterion_get_type ())

typedef struct _AffAuditCriterion AffAuditCriterion;

AFF_AVAILABLE_IN_ALL
GType              aff_audit_criterion_get_type       (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffAuditCriterion *aff_audit_criterion_copy           (const AffAuditCriterion *self);
AFF_AVAILABLE_IN_ALL
void               aff_audit_criterion_free           (AffAuditCriterion       *self);
AFF_AVAILABLE_IN_ALL
const char        *aff_audit_criterion_get_id         (const AffAuditCriterion *self);
AFF_AVAILABLE_IN_ALL
AffCapability      aff_audit_criterion_get_capability (const AffAuditCriterion *self);
AFF_AVAILABLE_IN_ALL
const char        *aff_audit_criterion_get_title      (const AffAuditCriterion *self);
AFF_AVAILABLE_IN_ALL
AffAuditStatus     aff_audit_criterion_get_status     (const AffAuditCriterion *self);
AFF_AVAILABLE_IN_ALL
const char *const *aff_audit_criterion_get_evidence   (const AffAuditCriterion *self);
AFF_AVAILABLE_IN_ALL
const char *const *aff_audit_criterion_get_missing    (const AffAuditCriterion *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffAuditCriterion, aff_audit_criterion_free)

#define AFF_TYPE_AUDIT (aff_audit_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffAudit, aff_audit, AFF, AUDIT, GObject)

AFF_AVAILABLE_IN_ALL
const char              *aff_audit_get_affair_id          (AffAudit      *self);
AFF_AVAILABLE_IN_ALL
const GDate             *aff_audit_get_date               (AffAudit      *self);
AFF_AVAILABLE_IN_ALL
GPtrArray               *aff_audit_get_criteria           (AffAudit      *self);
AFF_AVAILABLE_IN_ALL
const AffAuditCriterion *aff_audit_lookup_criterion       (AffAudit      *self,
                                                           const char    *id);
AFF_AVAILABLE_IN_ALL
guint                    aff_audit_count                  (AffAudit      *self,
                                                           AffAuditStatus status);
AFF_AVAILABLE_IN_ALL
guint                    aff_audit_get_score              (AffAudit      *self);
AFF_AVAILABLE_IN_ALL
gboolean                 aff_audit_get_capability_score   (AffAudit      *self,
                                                           AffCapability  capability,
                                                           guint         *score);
AFF_AVAILABLE_IN_ALL
char                    *aff_audit_render                 (AffAudit          *self,
                                                           AffDocumentFormat  format);

G_END_DECLS
