/* aff-risk-register.h: the risks of a consultation or an affair
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <gio/gio.h>

#include "aff-version-macros.h"
#include "aff-risk.h"

G_BEGIN_DECLS

#define AFF_TYPE_RISK_SUMMARY (aff_risk_summary_get_type ())

typedef struct _AffRiskSummary AffRiskSummary;

AFF_AVAILABLE_IN_ALL
GType           aff_risk_summary_get_type          (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffRiskSummary *aff_risk_summary_copy              (const AffRiskSummary *self);
AFF_AVAILABLE_IN_ALL
void            aff_risk_summary_free              (AffRiskSummary *self);
AFF_AVAILABLE_IN_ALL
guint           aff_risk_summary_get_n_open        (const AffRiskSummary *self);
AFF_AVAILABLE_IN_ALL
guint           aff_risk_summary_get_count         (const AffRiskSummary *self,
                                                    AffRiskBand           band);
AFF_AVAILABLE_IN_ALL
guint           aff_risk_summary_get_n_untreated_critical (const AffRiskSummary *self);
AFF_AVAILABLE_IN_ALL
AffRiskBand     aff_risk_summary_get_highest_band  (const AffRiskSummary *self);
AFF_AVAILABLE_IN_ALL
const char * const *aff_risk_summary_get_top_risks (const AffRiskSummary *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_risk_summary_get_expected_exposure (const AffRiskSummary *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffRiskSummary, aff_risk_summary_free)

#define AFF_TYPE_RISK_REGISTER (aff_risk_register_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffRiskRegister, aff_risk_register, AFF, RISK_REGISTER, GObject)

AFF_AVAILABLE_IN_ALL
AffRiskRegister *aff_risk_register_new         (void) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
gboolean         aff_risk_register_add_risk    (AffRiskRegister  *self,
                                                AffRisk          *risk,
                                                GError          **error);
AFF_AVAILABLE_IN_ALL
gboolean         aff_risk_register_remove_risk (AffRiskRegister  *self,
                                                const char       *id,
                                                GError          **error);
AFF_AVAILABLE_IN_ALL
AffRisk         *aff_risk_register_lookup_risk (AffRiskRegister  *self,
                                                const char       *id);
AFF_AVAILABLE_IN_ALL
GListModel      *aff_risk_register_get_risks   (AffRiskRegister  *self);
AFF_AVAILABLE_IN_ALL
AffRiskSummary  *aff_risk_register_summarize   (AffRiskRegister  *self,
                                                AffPolicy        *policy,
                                                guint             n_top,
                                                GError          **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
