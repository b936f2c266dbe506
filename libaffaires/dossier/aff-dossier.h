/* aff-dossier.h: the follow-up file of an affair
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <gio/gio.h>

#include "aff-version-macros.h"
#include "aff-meeting.h"
#include "aff-decision.h"
#include "aff-action.h"
#include "aff-document.h"
#include "aff-incident.h"

G_BEGIN_DECLS

/**
 * AffReportVariant:
 * @AFF_REPORT_VARIANT_MANAGEMENT: the report for the company's management,
 *   with costs and margins
 * @AFF_REPORT_VARIANT_CLIENT: the report for the client, without internal
 *   costs and margins
 *
 * Who a status report of an affair is written for.
 */
typedef enum {
  AFF_REPORT_VARIANT_MANAGEMENT,
  AFF_REPORT_VARIANT_CLIENT,
} AffReportVariant;

/**
 * AffDossierGapKind:
 * @AFF_DOSSIER_GAP_KIND_KICK_OFF: no kick-off meeting with its minutes, once
 *   the work has started
 * @AFF_DOSSIER_GAP_KIND_PREVENTION_PLAN: the prevention plan the work
 *   requires is not signed, once the work has started
 * @AFF_DOSSIER_GAP_KIND_INSPECTION_REPORT: an inspection report is due and
 *   not received
 * @AFF_DOSSIER_GAP_KIND_DELIVERABLE_APPROVAL: the work is accepted and a
 *   document of the register is not approved by the client
 * @AFF_DOSSIER_GAP_KIND_MINUTES: a meeting held without its minutes past the
 *   policy's delay
 * @AFF_DOSSIER_GAP_KIND_PERIOD_REPORT: a reporting period of the policy
 *   ended without a management report sent
 * @AFF_DOSSIER_GAP_KIND_REPLANNING_DECISION: a hazard replanned the work
 *   and no decision records what was decided about it
 *
 * What a dossier lacks ([method@Aff.Dossier.check]).
 */
typedef enum {
  AFF_DOSSIER_GAP_KIND_KICK_OFF,
  AFF_DOSSIER_GAP_KIND_PREVENTION_PLAN,
  AFF_DOSSIER_GAP_KIND_INSPECTION_REPORT,
  AFF_DOSSIER_GAP_KIND_DELIVERABLE_APPROVAL,
  AFF_DOSSIER_GAP_KIND_MINUTES,
  AFF_DOSSIER_GAP_KIND_PERIOD_REPORT,
  AFF_DOSSIER_GAP_KIND_REPLANNING_DECISION,
} AffDossierGapKind;

#define AFF_TYPE_REPORT_RECORD (aff_report_record_get_type ())

typedef struct _AffReportRecord AffReportRecord;

AFF_AVAILABLE_IN_ALL
GType              aff_report_record_get_type         (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffReportRecord   *aff_report_record_copy             (const AffReportRecord *self);
AFF_AVAILABLE_IN_ALL
void               aff_report_record_free             (AffReportRecord       *self);
AFF_AVAILABLE_IN_ALL
AffReportVariant   aff_report_record_get_variant      (const AffReportRecord *self);
AFF_AVAILABLE_IN_ALL
const GDate       *aff_report_record_get_period_start (const AffReportRecord *self);
AFF_AVAILABLE_IN_ALL
const GDate       *aff_report_record_get_period_end   (const AffReportRecord *self);
AFF_AVAILABLE_IN_ALL
const GDate       *aff_report_record_get_sent         (const AffReportRecord *self);
AFF_AVAILABLE_IN_ALL
const char *const *aff_report_record_get_recipients   (const AffReportRecord *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffReportRecord, aff_report_record_free)

#define AFF_TYPE_DOSSIER_GAP (aff_dossier_gap_get_type ())

typedef struct _AffDossierGap AffDossierGap;

AFF_AVAILABLE_IN_ALL
GType              aff_dossier_gap_get_type           (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffDossierGap     *aff_dossier_gap_copy               (const AffDossierGap *self);
AFF_AVAILABLE_IN_ALL
void               aff_dossier_gap_free               (AffDossierGap       *self);
AFF_AVAILABLE_IN_ALL
AffDossierGapKind  aff_dossier_gap_get_kind           (const AffDossierGap *self);
AFF_AVAILABLE_IN_ALL
const char        *aff_dossier_gap_get_subject        (const AffDossierGap *self);
AFF_AVAILABLE_IN_ALL
const char        *aff_dossier_gap_get_message        (const AffDossierGap *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffDossierGap, aff_dossier_gap_free)

#define AFF_TYPE_DOSSIER (aff_dossier_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffDossier, aff_dossier, AFF, DOSSIER, GObject)

AFF_AVAILABLE_IN_ALL
GListModel  *aff_dossier_get_meetings        (AffDossier   *self);
AFF_AVAILABLE_IN_ALL
GListModel  *aff_dossier_get_decisions       (AffDossier   *self);
AFF_AVAILABLE_IN_ALL
GListModel  *aff_dossier_get_actions         (AffDossier   *self);
AFF_AVAILABLE_IN_ALL
GListModel  *aff_dossier_get_documents       (AffDossier   *self);
AFF_AVAILABLE_IN_ALL
GListModel  *aff_dossier_get_incidents       (AffDossier   *self);

AFF_AVAILABLE_IN_ALL
gboolean     aff_dossier_add_meeting         (AffDossier   *self,
                                              AffMeeting   *meeting,
                                              GError      **error);
AFF_AVAILABLE_IN_ALL
AffMeeting  *aff_dossier_lookup_meeting      (AffDossier   *self,
                                              const char   *id);
AFF_AVAILABLE_IN_ALL
gboolean     aff_dossier_record_minutes      (AffDossier   *self,
                                              const char   *meeting_id,
                                              const char   *minutes,
                                              GError      **error);

AFF_AVAILABLE_IN_ALL
gboolean     aff_dossier_add_decision        (AffDossier   *self,
                                              AffDecision  *decision,
                                              GError      **error);
AFF_AVAILABLE_IN_ALL
AffDecision *aff_dossier_lookup_decision     (AffDossier   *self,
                                              const char   *id);
AFF_AVAILABLE_IN_ALL
GPtrArray   *aff_dossier_list_decisions      (AffDossier   *self,
                                              const GDate  *from,
                                              const GDate  *to);

AFF_AVAILABLE_IN_ALL
gboolean     aff_dossier_add_action          (AffDossier   *self,
                                              AffAction    *action,
                                              GError      **error);
AFF_AVAILABLE_IN_ALL
AffAction   *aff_dossier_lookup_action       (AffDossier   *self,
                                              const char   *id);
AFF_AVAILABLE_IN_ALL
gboolean     aff_dossier_complete_action     (AffDossier   *self,
                                              const char   *id,
                                              const GDate  *date,
                                              const char   *note,
                                              GError      **error);
AFF_AVAILABLE_IN_ALL
gboolean     aff_dossier_cancel_action       (AffDossier   *self,
                                              const char   *id,
                                              const GDate  *date,
                                              const char   *reason,
                                              GError      **error);
AFF_AVAILABLE_IN_ALL
GPtrArray   *aff_dossier_list_open_actions   (AffDossier   *self,
                                              const GDate  *date);

AFF_AVAILABLE_IN_ALL
gboolean     aff_dossier_add_document        (AffDossier   *self,
                                              AffDocument  *document,
                                              const GDate  *date,
                                              GError      **error);
AFF_AVAILABLE_IN_ALL
AffDocument *aff_dossier_lookup_document     (AffDossier   *self,
                                              const char   *reference);
AFF_AVAILABLE_IN_ALL
gboolean     aff_dossier_issue_document      (AffDossier   *self,
                                              const char   *reference,
                                              const GDate  *date,
                                              GError      **error);
AFF_AVAILABLE_IN_ALL
gboolean     aff_dossier_approve_document    (AffDossier   *self,
                                              const char   *reference,
                                              const GDate  *date,
                                              GError      **error);
AFF_AVAILABLE_IN_ALL
AffDocument *aff_dossier_revise_document     (AffDossier   *self,
                                              const char   *reference,
                                              const GDate  *date,
                                              const char   *uri,
                                              GError      **error);

AFF_AVAILABLE_IN_ALL
gboolean     aff_dossier_add_incident        (AffDossier   *self,
                                              AffIncident  *incident,
                                              GError      **error);
AFF_AVAILABLE_IN_ALL
AffIncident *aff_dossier_lookup_incident     (AffDossier   *self,
                                              const char   *id);
AFF_AVAILABLE_IN_ALL
gboolean     aff_dossier_close_incident      (AffDossier   *self,
                                              const char   *id,
                                              const GDate  *date,
                                              const char   *remedy,
                                              GError      **error);
AFF_AVAILABLE_IN_ALL
GPtrArray   *aff_dossier_list_open_incidents (AffDossier   *self,
                                              const GDate  *date);

AFF_AVAILABLE_IN_ALL
const char *const *aff_dossier_get_distribution (AffDossier        *self,
                                                 AffReportVariant   variant);
AFF_AVAILABLE_IN_ALL
gboolean     aff_dossier_set_distribution    (AffDossier         *self,
                                              AffReportVariant    variant,
                                              const char *const  *recipients,
                                              GError            **error);
AFF_AVAILABLE_IN_ALL
gboolean     aff_dossier_record_report       (AffDossier         *self,
                                              AffReportVariant    variant,
                                              const GDate        *period_start,
                                              const GDate        *period_end,
                                              const GDate        *sent,
                                              const char *const  *recipients,
                                              GError            **error);
AFF_AVAILABLE_IN_ALL
GPtrArray   *aff_dossier_list_reports        (AffDossier         *self);

AFF_AVAILABLE_IN_ALL
GPtrArray   *aff_dossier_check               (AffDossier   *self,
                                              const GDate  *date,
                                              GError      **error);

G_END_DECLS
