/* aff-dashboard.h: the margin and work-in-progress dashboard of a portfolio
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
#include "aff-affair.h"
#include "aff-portfolio.h"

G_BEGIN_DECLS

#define AFF_TYPE_DASHBOARD_ROW (aff_dashboard_row_get_type ())

typedef struct _AffDashboardRow AffDashboardRow;

AFF_AVAILABLE_IN_ALL
GType            aff_dashboard_row_get_type        (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffDashboardRow *aff_dashboard_row_copy            (const AffDashboardRow *self);
AFF_AVAILABLE_IN_ALL
void             aff_dashboard_row_free            (AffDashboardRow       *self);
AFF_AVAILABLE_IN_ALL
const char      *aff_dashboard_row_get_key         (const AffDashboardRow *self);
AFF_AVAILABLE_IN_ALL
const char      *aff_dashboard_row_get_label       (const AffDashboardRow *self);
AFF_AVAILABLE_IN_ALL
guint            aff_dashboard_row_get_n_affairs   (const AffDashboardRow *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_dashboard_row_get_revenue_at_completion (const AffDashboardRow *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_dashboard_row_get_cost_at_completion    (const AffDashboardRow *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_dashboard_row_get_margin_at_completion  (const AffDashboardRow *self);
AFF_AVAILABLE_IN_ALL
gboolean         aff_dashboard_row_get_margin_rate (const AffDashboardRow *self,
                                                    int                   *basis_points);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_dashboard_row_get_margin_drift (const AffDashboardRow *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_dashboard_row_get_recognised_revenue (const AffDashboardRow *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_dashboard_row_get_backlog     (const AffDashboardRow *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_dashboard_row_get_accrued_revenue (const AffDashboardRow *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_dashboard_row_get_deferred_revenue (const AffDashboardRow *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_dashboard_row_get_billed      (const AffDashboardRow *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_dashboard_row_get_cash_received (const AffDashboardRow *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_dashboard_row_get_overdue     (const AffDashboardRow *self);
AFF_AVAILABLE_IN_ALL
guint            aff_dashboard_row_get_n_alerts    (const AffDashboardRow *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffDashboardRow, aff_dashboard_row_free)

#define AFF_TYPE_FORECAST_MONTH (aff_forecast_month_get_type ())

typedef struct _AffForecastMonth AffForecastMonth;

AFF_AVAILABLE_IN_ALL
GType             aff_forecast_month_get_type    (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffForecastMonth *aff_forecast_month_copy        (const AffForecastMonth *self);
AFF_AVAILABLE_IN_ALL
void              aff_forecast_month_free        (AffForecastMonth       *self);
AFF_AVAILABLE_IN_ALL
const GDate      *aff_forecast_month_get_month   (const AffForecastMonth *self);
AFF_AVAILABLE_IN_ALL
const AffMoney   *aff_forecast_month_get_billing (const AffForecastMonth *self);
AFF_AVAILABLE_IN_ALL
const AffMoney   *aff_forecast_month_get_cash_in (const AffForecastMonth *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffForecastMonth, aff_forecast_month_free)

#define AFF_TYPE_DASHBOARD (aff_dashboard_get_type ())

typedef struct _AffDashboard AffDashboard;

AFF_AVAILABLE_IN_ALL
GType            aff_dashboard_get_type        (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffDashboard    *aff_dashboard_copy            (const AffDashboard *self);
AFF_AVAILABLE_IN_ALL
void             aff_dashboard_free            (AffDashboard       *self);
AFF_AVAILABLE_IN_ALL
const GDate     *aff_dashboard_get_date        (const AffDashboard *self);
AFF_AVAILABLE_IN_ALL
GPtrArray       *aff_dashboard_get_rows        (const AffDashboard *self);
AFF_AVAILABLE_IN_ALL
const AffDashboardRow *aff_dashboard_get_totals (const AffDashboard *self);
AFF_AVAILABLE_IN_ALL
GPtrArray       *aff_dashboard_get_by_client   (const AffDashboard *self);
AFF_AVAILABLE_IN_ALL
GPtrArray       *aff_dashboard_get_by_activity (const AffDashboard *self);
AFF_AVAILABLE_IN_ALL
GPtrArray       *aff_dashboard_get_forecast    (const AffDashboard *self);
AFF_AVAILABLE_IN_ALL
GStrv            aff_dashboard_list_alerts     (const AffDashboard *self);
AFF_AVAILABLE_IN_ALL
char            *aff_dashboard_render          (const AffDashboard *self,
                                                AffDocumentFormat   format);
AFF_AVAILABLE_IN_ALL
char            *aff_dashboard_to_csv          (const AffDashboard *self);
AFF_AVAILABLE_IN_ALL
char            *aff_dashboard_to_svg_margins  (const AffDashboard *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffDashboard, aff_dashboard_free)

AFF_AVAILABLE_IN_ALL
char            *aff_affair_to_svg_s_curve       (AffAffair    *self,
                                                  const GDate  *until,
                                                  GError      **error);
AFF_AVAILABLE_IN_ALL
AffDashboard    *aff_portfolio_compute_dashboard (AffPortfolio *self,
                                                  const GDate  *date,
                                                  GError      **error);
AFF_AVAILABLE_IN_ALL
char            *aff_portfolio_render_report     (AffPortfolio       *self,
                                                  const GDate        *period_start,
                                                  const GDate        *period_end,
                                                  AffDocumentFormat   format,
                                                  GError            **error);

G_END_DECLS
