/* aff-policy.h: the company's general directives
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

G_BEGIN_DECLS

/**
 * AffDocumentFormat:
 * @AFF_DOCUMENT_FORMAT_MARKDOWN: CommonMark with pipe tables
 * @AFF_DOCUMENT_FORMAT_HTML: a complete, standalone HTML5 page with a print style sheet
 *
 * The formats the library renders documents for people in.
 */
typedef enum
{
  AFF_DOCUMENT_FORMAT_MARKDOWN,
  AFF_DOCUMENT_FORMAT_HTML,
} AffDocumentFormat;

/**
 * AffEacMethod:
 * @AFF_EAC_METHOD_POLICY: for an affair: the method of the policy
 * @AFF_EAC_METHOD_CPI: BAC / CPI: the cost performance so far goes on
 *   (variance typical)
 * @AFF_EAC_METHOD_ATYPICAL: AC + (BAC − EV): the rest costs its budget
 *   (variance atypical)
 * @AFF_EAC_METHOD_COMPOSITE: AC + (BAC − EV) / (CPI × SPI): cost and
 *   schedule performance both weigh on the rest
 * @AFF_EAC_METHOD_BOTTOM_UP: AC + the remaining-to-do (reste à faire)
 *   estimated per task or lot
 *
 * How the estimate at completion (EAC) is computed.
 */
/**
 * AffReportingPeriod:
 * @AFF_REPORTING_PERIOD_NONE: no periodic report is asked for
 * @AFF_REPORTING_PERIOD_WEEKLY: a report each week, Monday to Sunday
 * @AFF_REPORTING_PERIOD_MONTHLY: a report each calendar month
 *
 * How often the management wants a status report of each affair.
 */
typedef enum {
  AFF_REPORTING_PERIOD_NONE,
  AFF_REPORTING_PERIOD_WEEKLY,
  AFF_REPORTING_PERIOD_MONTHLY,
} AffReportingPeriod;

typedef enum {
  AFF_EAC_METHOD_POLICY,
  AFF_EAC_METHOD_CPI,
  AFF_EAC_METHOD_ATYPICAL,
  AFF_EAC_METHOD_COMPOSITE,
  AFF_EAC_METHOD_BOTTOM_UP,
} AffEacMethod;

/**
 * AffRevenueMethod:
 * @AFF_REVENUE_METHOD_COST_TO_COST: completion is the actual cost over the
 *   cost at completion (input method)
 * @AFF_REVENUE_METHOD_PHYSICAL: completion is the physical progress, the
 *   earned value over the budget (output method)
 *
 * How the percentage of completion that recognises revenue is measured
 * (French PCG art. 622-2, IFRS 15).
 */
typedef enum {
  AFF_REVENUE_METHOD_COST_TO_COST,
  AFF_REVENUE_METHOD_PHYSICAL,
} AffRevenueMethod;

#define AFF_TYPE_POLICY (aff_policy_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffPolicy, aff_policy, AFF, POLICY, GObject)

AFF_AVAILABLE_IN_ALL
AffPolicy   *aff_policy_new                      (void) G_GNUC_WARN_UNUSED_RESULT;

AFF_AVAILABLE_IN_ALL
const char  *aff_policy_get_currency             (AffPolicy   *self);
AFF_AVAILABLE_IN_ALL
gboolean     aff_policy_set_currency             (AffPolicy   *self,
                                                  const char  *currency,
                                                  GError     **error);

AFF_AVAILABLE_IN_ALL
const char * const *aff_policy_get_activities    (AffPolicy   *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_activities           (AffPolicy   *self,
                                                  const char * const *activities);
AFF_AVAILABLE_IN_ALL
gboolean     aff_policy_performs_activity        (AffPolicy   *self,
                                                  const char  *activity);

AFF_AVAILABLE_IN_ALL
gboolean     aff_policy_set_labour_rate          (AffPolicy      *self,
                                                  const char     *skill,
                                                  const AffMoney *hourly_rate,
                                                  GError        **error);
AFF_AVAILABLE_IN_ALL
AffMoney    *aff_policy_get_labour_rate          (AffPolicy   *self,
                                                  const char  *skill);
AFF_AVAILABLE_IN_ALL
char       **aff_policy_list_skills              (AffPolicy   *self);

AFF_AVAILABLE_IN_ALL
AffEacMethod aff_policy_get_eac_method           (AffPolicy   *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_eac_method           (AffPolicy   *self,
                                                  AffEacMethod value);
AFF_AVAILABLE_IN_ALL
AffRevenueMethod aff_policy_get_revenue_method   (AffPolicy   *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_revenue_method       (AffPolicy   *self,
                                                  AffRevenueMethod value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_concordance_tolerance (AffPolicy  *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_concordance_tolerance (AffPolicy  *self,
                                                   guint       value);

AFF_AVAILABLE_IN_ALL
AffReportingPeriod aff_policy_get_reporting_period (AffPolicy        *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_reporting_period     (AffPolicy          *self,
                                                  AffReportingPeriod  value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_report_days          (AffPolicy   *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_report_days          (AffPolicy   *self,
                                                  guint        value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_minutes_days         (AffPolicy   *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_minutes_days         (AffPolicy   *self,
                                                  guint        value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_late_interest_rate (AffPolicy  *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_late_interest_rate (AffPolicy  *self,
                                                guint       value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_drift_cpi_threshold (AffPolicy  *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_drift_cpi_threshold (AffPolicy  *self,
                                                 guint       value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_drift_spi_threshold (AffPolicy  *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_drift_spi_threshold (AffPolicy  *self,
                                                 guint       value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_drift_margin_points (AffPolicy  *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_drift_margin_points (AffPolicy  *self,
                                                 guint       value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_drift_slip_days (AffPolicy  *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_drift_slip_days (AffPolicy  *self,
                                             guint       value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_drift_overrun_rate (AffPolicy  *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_drift_overrun_rate (AffPolicy  *self,
                                                guint       value);

AFF_AVAILABLE_IN_ALL
int          aff_policy_get_target_margin_rate   (AffPolicy   *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_target_margin_rate   (AffPolicy   *self,
                                                  int          value);
AFF_AVAILABLE_IN_ALL
int          aff_policy_get_floor_margin_rate    (AffPolicy   *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_floor_margin_rate    (AffPolicy   *self,
                                                  int          value);

AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_bid_threshold        (AffPolicy   *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_bid_threshold        (AffPolicy   *self,
                                                  guint        value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_review_threshold     (AffPolicy   *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_review_threshold     (AffPolicy   *self,
                                                  guint        value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_prevention_plan_hours (AffPolicy  *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_prevention_plan_hours (AffPolicy  *self,
                                                   guint       value);
AFF_AVAILABLE_IN_ALL
int          aff_policy_get_retention_rate       (AffPolicy   *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_retention_rate       (AffPolicy   *self,
                                                  int          value);

AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_follow_up_days_prospect (AffPolicy *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_follow_up_days_prospect (AffPolicy *self,
                                                     guint      value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_follow_up_days_active   (AffPolicy *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_follow_up_days_active   (AffPolicy *self,
                                                     guint      value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_follow_up_days_dormant  (AffPolicy *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_follow_up_days_dormant  (AffPolicy *self,
                                                     guint      value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_offer_reminder_days     (AffPolicy *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_offer_reminder_days     (AffPolicy *self,
                                                     guint      value);

AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_risk_critical_threshold (AffPolicy *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_risk_critical_threshold (AffPolicy *self,
                                                     guint      value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_risk_high_threshold     (AffPolicy *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_risk_high_threshold     (AffPolicy *self,
                                                     guint      value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_risk_medium_threshold   (AffPolicy *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_risk_medium_threshold   (AffPolicy *self,
                                                     guint      value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_solvency_max_age_days   (AffPolicy *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_solvency_max_age_days   (AffPolicy *self,
                                                     guint      value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_max_dso_days            (AffPolicy *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_max_dso_days            (AffPolicy *self,
                                                     guint      value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_max_average_days_late   (AffPolicy *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_max_average_days_late   (AffPolicy *self,
                                                     guint      value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_max_payment_incidents   (AffPolicy *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_max_payment_incidents   (AffPolicy *self,
                                                     guint      value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_min_preparation_days    (AffPolicy *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_min_preparation_days    (AffPolicy *self,
                                                     guint      value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_deadline_warning_days   (AffPolicy *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_deadline_warning_days   (AffPolicy *self,
                                                     guint      value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_capacity_hours          (AffPolicy *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_capacity_hours          (AffPolicy *self,
                                                     guint      value);

AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_default_vat_rate        (AffPolicy *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_default_vat_rate        (AffPolicy *self,
                                                     guint      value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_min_validity_days       (AffPolicy *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_min_validity_days       (AffPolicy *self,
                                                     guint      value);

AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_offer_second_reminder_days (AffPolicy *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_offer_second_reminder_days (AffPolicy *self,
                                                        guint      value);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_validity_warning_days   (AffPolicy *self);
AFF_AVAILABLE_IN_ALL
void         aff_policy_set_validity_warning_days   (AffPolicy *self,
                                                     guint      value);

AFF_AVAILABLE_IN_ALL
const char  *aff_policy_get_language                (AffPolicy *self);
AFF_AVAILABLE_IN_ALL
gboolean     aff_policy_set_language                (AffPolicy  *self,
                                                     const char *language,
                                                     GError    **error);

AFF_AVAILABLE_IN_ALL
const char * const *aff_policy_list_bid_criteria    (void);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_bid_weight              (AffPolicy  *self,
                                                     const char *criterion);
AFF_AVAILABLE_IN_ALL
gboolean     aff_policy_set_bid_weight              (AffPolicy  *self,
                                                     const char *criterion,
                                                     guint       weight,
                                                     GError    **error);

AFF_AVAILABLE_IN_ALL
const char * const *aff_policy_list_overhead_kinds  (void);
AFF_AVAILABLE_IN_ALL
guint        aff_policy_get_overhead_rate           (AffPolicy  *self,
                                                     const char *kind);
AFF_AVAILABLE_IN_ALL
gboolean     aff_policy_set_overhead_rate           (AffPolicy  *self,
                                                     const char *kind,
                                                     guint       basis_points,
                                                     GError    **error);

AFF_AVAILABLE_IN_ALL
const char * const *aff_policy_list_presentation_keys (void);
AFF_AVAILABLE_IN_ALL
const char  *aff_policy_get_presentation            (AffPolicy  *self,
                                                     const char *key);
AFF_AVAILABLE_IN_ALL
gboolean     aff_policy_set_presentation            (AffPolicy  *self,
                                                     const char *key,
                                                     const char *text,
                                                     GError    **error);

G_END_DECLS
