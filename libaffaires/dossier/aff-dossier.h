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

G_END_DECLS
