/* aff-contribution.h: an internal contribution asked for an offer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <glib-object.h>

#include "aff-version-macros.h"

G_BEGIN_DECLS

/**
 * AffDepartment:
 * @AFF_DEPARTMENT_DESIGN: the design office (bureau d'études)
 * @AFF_DEPARTMENT_METHODS: the methods department (bureau des méthodes)
 * @AFF_DEPARTMENT_PURCHASING: purchasing, for supplier and subcontractor prices
 * @AFF_DEPARTMENT_FINANCE: finance, for solvency, guarantees and terms
 * @AFF_DEPARTMENT_SAFETY: health, safety and environment
 * @AFF_DEPARTMENT_OTHER: any other department
 *
 * An internal department that contributes to an offer.
 */
typedef enum {
  AFF_DEPARTMENT_DESIGN,
  AFF_DEPARTMENT_METHODS,
  AFF_DEPARTMENT_PURCHASING,
  AFF_DEPARTMENT_FINANCE,
  AFF_DEPARTMENT_SAFETY,
  AFF_DEPARTMENT_OTHER,
} AffDepartment;

#define AFF_TYPE_CONTRIBUTION (aff_contribution_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffContribution, aff_contribution, AFF, CONTRIBUTION, GObject)

AFF_AVAILABLE_IN_ALL
const char    *aff_contribution_get_id            (AffContribution *self);
AFF_AVAILABLE_IN_ALL
AffDepartment  aff_contribution_get_department    (AffContribution *self);
AFF_AVAILABLE_IN_ALL
const char    *aff_contribution_get_who           (AffContribution *self);
AFF_AVAILABLE_IN_ALL
const char    *aff_contribution_get_what          (AffContribution *self);
AFF_AVAILABLE_IN_ALL
const GDate   *aff_contribution_get_due_date      (AffContribution *self);
AFF_AVAILABLE_IN_ALL
const char    *aff_contribution_get_answer        (AffContribution *self);
AFF_AVAILABLE_IN_ALL
const GDate   *aff_contribution_get_answered_date (AffContribution *self);
AFF_AVAILABLE_IN_ALL
gboolean       aff_contribution_is_answered       (AffContribution *self);

G_END_DECLS
