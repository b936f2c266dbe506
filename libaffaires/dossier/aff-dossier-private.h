/* aff-dossier-private.h: what the dossier module shares inside the library
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "aff-dossier.h"
#include "aff-plan.h"
#include "aff-json-private.h"
#include "aff-journal-private.h"

G_BEGIN_DECLS

/* The items of a dossier are records: once in it, they change only through
 * its journaled methods, which write their fields directly. */
struct _AffMeeting
{
  GObject parent_instance;

  char *id;
  AffMeetingKind kind;
  GDate date;
  char *title;
  GPtrArray *names;           /* char *, by attendee */
  GPtrArray *organisations;   /* char *, NULL for one of the company */
  char *agenda;
  char *minutes;
  gboolean recorded;
};

struct _AffDecision
{
  GObject parent_instance;

  char *id;
  GDate date;
  char *statement;
  char *decided_by;
  char *rationale;
  AffDecisionTarget target;
  char *reference;
  char *meeting_id;
  gboolean recorded;
};

struct _AffAction
{
  GObject parent_instance;

  char *id;
  char *title;
  char *owner;
  GDate assigned;
  GDate due;
  AffActionOrigin origin;
  char *reference;
  AffActionStatus status;
  GDate closed;               /* cleared while open */
  char *note;
  gboolean recorded;
};

struct _AffDocument
{
  GObject parent_instance;

  char *reference;
  char *revision;
  char *title;
  AffDocumentStatus status;
  char *deliverable;
  char *uri;
  GDate created;
  GDate sent;
  GDate approved;
  gboolean recorded;
};

struct _AffIncident
{
  GObject parent_instance;

  char *id;
  GDate date;
  char *description;
  char *client_impact;
  GDate informed;
  char *informed_how;
  char *hazard_id;
  char *remedy;
  GDate closed;
  gboolean recorded;
};

struct _AffReportRecord
{
  AffReportVariant variant;
  GDate period_start;
  GDate period_end;
  GDate sent;
  char **recipients;
};

struct _AffDossierGap
{
  AffDossierGapKind kind;
  char *subject;
  char *message;
};

/* Takes @message. */
AffDossierGap *_aff_dossier_gap_new  (AffDossierGapKind  kind,
                                      const char        *subject,
                                      char              *message);

void         _aff_meeting_to_json    (AffMeeting    *self,
                                      JsonBuilder   *builder);
AffMeeting  *_aff_meeting_from_json  (AffJsonReader *reader,
                                      JsonNode      *node,
                                      GError       **error);
void         _aff_decision_to_json   (AffDecision   *self,
                                      JsonBuilder   *builder);
AffDecision *_aff_decision_from_json (AffJsonReader *reader,
                                      JsonNode      *node,
                                      GError       **error);
void         _aff_action_to_json     (AffAction     *self,
                                      JsonBuilder   *builder);
AffAction   *_aff_action_from_json   (AffJsonReader *reader,
                                      JsonNode      *node,
                                      GError       **error);
void         _aff_document_to_json   (AffDocument   *self,
                                      JsonBuilder   *builder);
AffDocument *_aff_document_from_json (AffJsonReader *reader,
                                      JsonNode      *node,
                                      GError       **error);
void         _aff_incident_to_json   (AffIncident   *self,
                                      JsonBuilder   *builder);
AffIncident *_aff_incident_from_json (AffJsonReader *reader,
                                      JsonNode      *node,
                                      GError       **error);

/* The revision after @revision: B after A, AA after Z. */
char        *_aff_document_next_revision (const char *revision);

AffDossier  *_aff_dossier_new        (void);
/* @plan (borrowed) is the affair's: tasks and hazards are checked in it;
 * @affair (borrowed) owns the dossier, for its check. */
void         _aff_dossier_attach     (AffDossier    *self,
                                      AffJournal    *journal,
                                      const char    *affair_id,
                                      AffPlan       *plan,
                                      GObject       *affair);
GObject     *_aff_dossier_get_affair (AffDossier    *self);
/* Once closed, changes fail with AFF_ERROR_CLOSED. */
void         _aff_dossier_close      (AffDossier    *self);
void         _aff_dossier_to_json    (AffDossier    *self,
                                      JsonBuilder   *builder);
/* An absent @node gives an empty dossier; references to tasks and hazards
 * are checked in @plan, the affair's, read before. */
AffDossier  *_aff_dossier_from_json  (AffJsonReader *reader,
                                      JsonNode      *node,
                                      AffPlan       *plan,
                                      GError       **error);

G_END_DECLS
