/* aff-risk.h: one risk of a register
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <glib-object.h>

#include "aff-version-macros.h"
#include "aff-money.h"
#include "aff-policy.h"

G_BEGIN_DECLS

/**
 * AffRiskCategory:
 * @AFF_RISK_CATEGORY_TECHNICAL: the work may not be feasible as specified
 * @AFF_RISK_CATEGORY_ECONOMIC: costs, prices, exchange or supply
 * @AFF_RISK_CATEGORY_SCHEDULE: deadlines, access windows, shutdown dates
 * @AFF_RISK_CATEGORY_SAFETY: people's health and safety
 * @AFF_RISK_CATEGORY_ENVIRONMENT: pollution, waste, neighbours
 * @AFF_RISK_CATEGORY_CONTRACTUAL: penalties, liabilities, unclear scope
 * @AFF_RISK_CATEGORY_CLIENT: the client's organisation, decisions or payment
 *
 * What a risk threatens.
 */
typedef enum {
  AFF_RISK_CATEGORY_TECHNICAL,
  AFF_RISK_CATEGORY_ECONOMIC,
  AFF_RISK_CATEGORY_SCHEDULE,
  AFF_RISK_CATEGORY_SAFETY,
  AFF_RISK_CATEGORY_ENVIRONMENT,
  AFF_RISK_CATEGORY_CONTRACTUAL,
  AFF_RISK_CATEGORY_CLIENT,
} AffRiskCategory;

/**
 * AffRiskTreatment:
 * @AFF_RISK_TREATMENT_NONE: not decided yet
 * @AFF_RISK_TREATMENT_AVOID: change the plan or scope so the risk cannot happen
 * @AFF_RISK_TREATMENT_REDUCE: act on its likelihood or its consequences
 * @AFF_RISK_TREATMENT_SHARE: transfer part of it (insurance, subcontract, contract clause)
 * @AFF_RISK_TREATMENT_ACCEPT: take it knowingly, usually with a contingency
 *
 * How a risk is treated, in the terms of ISO 31000.
 */
typedef enum {
  AFF_RISK_TREATMENT_NONE,
  AFF_RISK_TREATMENT_AVOID,
  AFF_RISK_TREATMENT_REDUCE,
  AFF_RISK_TREATMENT_SHARE,
  AFF_RISK_TREATMENT_ACCEPT,
} AffRiskTreatment;

/**
 * AffRiskStatus:
 * @AFF_RISK_STATUS_OPEN: the risk may still happen
 * @AFF_RISK_STATUS_OCCURRED: it happened (it is now a hazard to handle)
 * @AFF_RISK_STATUS_CLOSED: it can no longer happen
 *
 * Where a risk stands.
 */
typedef enum {
  AFF_RISK_STATUS_OPEN,
  AFF_RISK_STATUS_OCCURRED,
  AFF_RISK_STATUS_CLOSED,
} AffRiskStatus;

/**
 * AffRiskBand:
 * @AFF_RISK_BAND_LOW: criticality below the policy's medium threshold
 * @AFF_RISK_BAND_MEDIUM: from the medium threshold (5 by default)
 * @AFF_RISK_BAND_HIGH: from the high threshold (10 by default)
 * @AFF_RISK_BAND_CRITICAL: from the critical threshold (16 by default)
 *
 * The band of a risk's criticality (probability × impact).
 */
typedef enum {
  AFF_RISK_BAND_LOW,
  AFF_RISK_BAND_MEDIUM,
  AFF_RISK_BAND_HIGH,
  AFF_RISK_BAND_CRITICAL,
} AffRiskBand;

#define AFF_TYPE_RISK (aff_risk_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffRisk, aff_risk, AFF, RISK, GObject)

AFF_AVAILABLE_IN_ALL
AffRisk         *aff_risk_new                     (const char       *title,
                                                   AffRiskCategory   category,
                                                   guint             probability,
                                                   guint             impact) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
const char      *aff_risk_get_id                  (AffRisk          *self);
AFF_AVAILABLE_IN_ALL
const char      *aff_risk_get_title               (AffRisk          *self);
AFF_AVAILABLE_IN_ALL
void             aff_risk_set_title               (AffRisk          *self,
                                                   const char       *title);
AFF_AVAILABLE_IN_ALL
AffRiskCategory  aff_risk_get_category            (AffRisk          *self);
AFF_AVAILABLE_IN_ALL
void             aff_risk_set_category            (AffRisk          *self,
                                                   AffRiskCategory   category);
AFF_AVAILABLE_IN_ALL
guint            aff_risk_get_probability         (AffRisk          *self);
AFF_AVAILABLE_IN_ALL
void             aff_risk_set_probability         (AffRisk          *self,
                                                   guint             probability);
AFF_AVAILABLE_IN_ALL
guint            aff_risk_get_impact              (AffRisk          *self);
AFF_AVAILABLE_IN_ALL
void             aff_risk_set_impact              (AffRisk          *self,
                                                   guint             impact);
AFF_AVAILABLE_IN_ALL
guint            aff_risk_get_criticality         (AffRisk          *self);
AFF_AVAILABLE_IN_ALL
AffRiskBand      aff_risk_get_band                (AffRisk          *self,
                                                   AffPolicy        *policy);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_risk_get_exposure            (AffRisk          *self);
AFF_AVAILABLE_IN_ALL
void             aff_risk_set_exposure            (AffRisk          *self,
                                                   const AffMoney   *exposure);
AFF_AVAILABLE_IN_ALL
int              aff_risk_get_probability_percent (AffRisk          *self);
AFF_AVAILABLE_IN_ALL
void             aff_risk_set_probability_percent (AffRisk          *self,
                                                   int               percent);
AFF_AVAILABLE_IN_ALL
AffMoney        *aff_risk_compute_expected_value  (AffRisk          *self,
                                                   GError          **error);
AFF_AVAILABLE_IN_ALL
AffRiskTreatment aff_risk_get_treatment           (AffRisk          *self);
AFF_AVAILABLE_IN_ALL
void             aff_risk_set_treatment           (AffRisk          *self,
                                                   AffRiskTreatment  treatment);
AFF_AVAILABLE_IN_ALL
const char      *aff_risk_get_owner               (AffRisk          *self);
AFF_AVAILABLE_IN_ALL
void             aff_risk_set_owner               (AffRisk          *self,
                                                   const char       *owner);
AFF_AVAILABLE_IN_ALL
AffRiskStatus    aff_risk_get_status              (AffRisk          *self);
AFF_AVAILABLE_IN_ALL
void             aff_risk_set_status              (AffRisk          *self,
                                                   AffRiskStatus     status);
AFF_AVAILABLE_IN_ALL
const GDate     *aff_risk_get_review_date         (AffRisk          *self);
AFF_AVAILABLE_IN_ALL
void             aff_risk_set_review_date         (AffRisk          *self,
                                                   const GDate      *date);

G_END_DECLS
