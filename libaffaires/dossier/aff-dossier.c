/* aff-dossier.c: the follow-up file of an affair
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-enum-types.h"
#include "aff-hazard.h"
#include "aff-money-private.h"
#include "aff-dossier-private.h"
#include "aff-planning-private.h"

/**
 * AffDossier:
 *
 * The follow-up file of an affair ([method@Aff.Affair.get_dossier]): its
 * meetings with their minutes, the decision log, the actions assigned and
 * their follow-up, the register of documents and deliverables with their
 * revisions, and the incidents as the client saw them.
 *
 * Items are prepared with their own setters, then added here; from then on
 * they are records, and change only through the dossier's methods, each
 * checked and journaled under the affair. Once the affair is closed, they
 * fail with %AFF_ERROR_CLOSED.
 */

struct _AffDossier
{
  GObject parent_instance;

  GListStore *meetings;       /* AffMeeting */
  GListStore *decisions;      /* AffDecision */
  GListStore *actions;        /* AffAction */
  GListStore *documents;      /* AffDocument, every revision, oldest first */
  GListStore *incidents;      /* AffIncident */
  char **distribution[2];     /* by AffReportVariant */
  GPtrArray *reports;         /* AffReportRecord, in the order sent */
  AffPlan *plan;              /* the affair's, borrowed */
  GObject *affair;            /* borrowed */
  AffTrack track;
};

G_DEFINE_FINAL_TYPE (AffDossier, aff_dossier, G_TYPE_OBJECT)

static void
aff_dossier_finalize (GObject *object)
{
  AffDossier *self = AFF_DOSSIER (object);

  g_object_unref (self->meetings);
  g_object_unref (self->decisions);
  g_object_unref (self->actions);
  g_object_unref (self->documents);
  g_object_unref (self->incidents);
  g_strfreev (self->distribution[0]);
  g_strfreev (self->distribution[1]);
  g_ptr_array_unref (self->reports);
  _aff_track_clear (&self->track);
  G_OBJECT_CLASS (aff_dossier_parent_class)->finalize (object);
}

static void
aff_dossier_class_init (AffDossierClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aff_dossier_finalize;
}

static void
aff_dossier_init (AffDossier *self)
{
  self->meetings = g_list_store_new (AFF_TYPE_MEETING);
  self->decisions = g_list_store_new (AFF_TYPE_DECISION);
  self->actions = g_list_store_new (AFF_TYPE_ACTION);
  self->documents = g_list_store_new (AFF_TYPE_DOCUMENT);
  self->incidents = g_list_store_new (AFF_TYPE_INCIDENT);
  self->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_report_record_free);
}

AffDossier *
_aff_dossier_new (void)
{
  return g_object_new (AFF_TYPE_DOSSIER, NULL);
}

void
_aff_dossier_attach (AffDossier *self,
                     AffJournal *journal,
                     const char *affair_id,
                     AffPlan    *plan,
                     GObject    *affair)
{
  self->plan = plan;
  self->affair = affair;
  if (journal != NULL)
    _aff_track_attach (&self->track, journal, "affair", affair_id, NULL, NULL);
  else
    _aff_track_clear (&self->track);
}

GObject *
_aff_dossier_get_affair (AffDossier *self)
{
  return self->affair;
}

void
_aff_dossier_close (AffDossier *self)
{
  self->track.closed = TRUE;
}

/* Lookups ----------------------------------------------------------------- */

typedef const char *(*IdGetter) (gpointer item);

/* The last item of @store whose id is @id: for documents, the latest
 * revision. Borrowed: the store holds it. */
static gpointer
find (GListStore *store,
      IdGetter    get_id,
      const char *id)
{
  guint i = g_list_model_get_n_items (G_LIST_MODEL (store));

  if (id == NULL)
    return NULL;
  while (i-- > 0)
    {
      gpointer item = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_object_unref (item);
      if (strcmp (get_id (item), id) == 0)
        return item;
    }
  return NULL;
}

#define FIND_MEETING(self, id) ((AffMeeting *) find ((self)->meetings, (IdGetter) aff_meeting_get_id, (id)))
#define FIND_DECISION(self, id) ((AffDecision *) find ((self)->decisions, (IdGetter) aff_decision_get_id, (id)))
#define FIND_ACTION(self, id) ((AffAction *) find ((self)->actions, (IdGetter) aff_action_get_id, (id)))
#define FIND_DOCUMENT(self, id) ((AffDocument *) find ((self)->documents, (IdGetter) aff_document_get_reference, (id)))
#define FIND_INCIDENT(self, id) ((AffIncident *) find ((self)->incidents, (IdGetter) aff_incident_get_id, (id)))

/* The items of @store that @keep keeps, in order, with a reference each. */
typedef gboolean (*Keep) (gpointer      item,
                          gconstpointer data);

static GPtrArray *
collect (GListStore    *store,
         Keep           keep,
         gconstpointer  data)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  guint i, n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (i = 0; i < n; i++)
    {
      gpointer item = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (keep (item, data))
        g_ptr_array_add (result, item);
      else
        g_object_unref (item);
    }
  return result;
}

static gboolean
has_hazard (AffDossier *self,
            const char *id)
{
  return self->plan != NULL && find (_aff_plan_get_hazard_store (self->plan), (IdGetter) aff_hazard_get_id, id);
}

static gboolean
has_task (AffDossier *self,
          const char *id)
{
  return self->plan != NULL && id != NULL && aff_plan_lookup_task (self->plan, id) != NULL;
}

/**
 * aff_dossier_lookup_meeting:
 * @self: a dossier
 * @id: a meeting's id
 *
 * Finds a meeting.
 *
 * Returns: (transfer none) (nullable): the meeting, or %NULL
 */
AffMeeting *
aff_dossier_lookup_meeting (AffDossier *self,
                            const char *id)
{
  g_return_val_if_fail (AFF_IS_DOSSIER (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return FIND_MEETING (self, id);
}

/**
 * aff_dossier_lookup_decision:
 * @self: a dossier
 * @id: a decision's id
 *
 * Finds a decision.
 *
 * Returns: (transfer none) (nullable): the decision, or %NULL
 */
AffDecision *
aff_dossier_lookup_decision (AffDossier *self,
                             const char *id)
{
  g_return_val_if_fail (AFF_IS_DOSSIER (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return FIND_DECISION (self, id);
}

/**
 * aff_dossier_lookup_action:
 * @self: a dossier
 * @id: an action's id
 *
 * Finds an action.
 *
 * Returns: (transfer none) (nullable): the action, or %NULL
 */
AffAction *
aff_dossier_lookup_action (AffDossier *self,
                           const char *id)
{
  g_return_val_if_fail (AFF_IS_DOSSIER (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return FIND_ACTION (self, id);
}

/**
 * aff_dossier_lookup_document:
 * @self: a dossier
 * @reference: a document's reference
 *
 * Finds the latest revision of a document; the earlier ones are in
 * [method@Aff.Dossier.get_documents].
 *
 * Returns: (transfer none) (nullable): the latest revision, or %NULL
 */
AffDocument *
aff_dossier_lookup_document (AffDossier *self,
                             const char *reference)
{
  g_return_val_if_fail (AFF_IS_DOSSIER (self), NULL);
  g_return_val_if_fail (reference != NULL, NULL);
  return FIND_DOCUMENT (self, reference);
}

/**
 * aff_dossier_lookup_incident:
 * @self: a dossier
 * @id: an incident's id
 *
 * Finds an incident.
 *
 * Returns: (transfer none) (nullable): the incident, or %NULL
 */
AffIncident *
aff_dossier_lookup_incident (AffDossier *self,
                             const char *id)
{
  g_return_val_if_fail (AFF_IS_DOSSIER (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return FIND_INCIDENT (self, id);
}

/**
 * aff_dossier_get_meetings:
 * @self: a dossier
 *
 * Gets the meetings, in the order they were added.
 *
 * Returns: (transfer none): a list model of #AffMeeting
 */
GListModel *
aff_dossier_get_meetings (AffDossier *self)
{
  g_return_val_if_fail (AFF_IS_DOSSIER (self), NULL);
  return G_LIST_MODEL (self->meetings);
}

/**
 * aff_dossier_get_decisions:
 * @self: a dossier
 *
 * Gets the decisions, in the order they were recorded.
 *
 * Returns: (transfer none): a list model of #AffDecision
 */
GListModel *
aff_dossier_get_decisions (AffDossier *self)
{
  g_return_val_if_fail (AFF_IS_DOSSIER (self), NULL);
  return G_LIST_MODEL (self->decisions);
}

/**
 * aff_dossier_get_actions:
 * @self: a dossier
 *
 * Gets the actions, in the order they were added, whatever their status.
 *
 * Returns: (transfer none): a list model of #AffAction
 */
GListModel *
aff_dossier_get_actions (AffDossier *self)
{
  g_return_val_if_fail (AFF_IS_DOSSIER (self), NULL);
  return G_LIST_MODEL (self->actions);
}

/**
 * aff_dossier_get_documents:
 * @self: a dossier
 *
 * Gets the register of documents: every revision of every document, in
 * the order they were registered.
 *
 * Returns: (transfer none): a list model of #AffDocument
 */
GListModel *
aff_dossier_get_documents (AffDossier *self)
{
  g_return_val_if_fail (AFF_IS_DOSSIER (self), NULL);
  return G_LIST_MODEL (self->documents);
}

/**
 * aff_dossier_get_incidents:
 * @self: a dossier
 *
 * Gets the incidents, in the order they were recorded.
 *
 * Returns: (transfer none): a list model of #AffIncident
 */
GListModel *
aff_dossier_get_incidents (AffDossier *self)
{
  g_return_val_if_fail (AFF_IS_DOSSIER (self), NULL);
  return G_LIST_MODEL (self->incidents);
}

/* Checks ------------------------------------------------------------------ */

static gboolean
fail (GError    **error,
      int         code,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError    **error,
      int         code,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, AFF_ERROR, code, message);
  return FALSE;
}

/* A new item's id: valid, and not yet taken in @store. */
static gboolean
check_new_id (GListStore *store,
              IdGetter    get_id,
              const char *id,
              const char *what,
              GError    **error)
{
  if (!_aff_id_is_valid (id))
    return fail (error, AFF_ERROR_INVALID_VALUE, _("%s “%s”: expected an id of 1 to 64 bytes without spaces"), what,
                 id);
  if (find (store, get_id, id) != NULL)
    return fail (error, AFF_ERROR_DUPLICATE_ID, _("%s “%s” is already in the dossier"), what, id);
  return TRUE;
}

static gboolean
check_text (const char *text,
            const char *what,
            const char *id,
            const char *field,
            GError    **error)
{
  if (text != NULL && *text != '\0')
    return TRUE;
  return fail (error, AFF_ERROR_INVALID_VALUE, _("%s “%s”: %s is empty"), what, id, field);
}

/* @date no earlier than @earliest. */
static gboolean
check_after (const GDate *date,
             const GDate *earliest,
             const char  *what,
             const char  *id,
             const char  *field,
             GError     **error)
{
  g_autofree char *day = NULL;

  if (g_date_compare (date, earliest) >= 0)
    return TRUE;
  day = aff_date_to_iso (earliest);
  return fail (error, AFF_ERROR_INVALID_VALUE, _("%s “%s”: %s cannot come before %s"), what, id, field, day);
}

static void
record (AffDossier *self,
        const char *action,
        const char *key,
        const char *id,
        const char *date_key,
        const GDate *date)
{
  JsonObject *details = json_object_new ();

  json_object_set_string_member (details, key, id);
  if (date != NULL)
    {
      g_autofree char *iso = aff_date_to_iso (date);

      json_object_set_string_member (details, date_key, iso);
    }
  _aff_track_record (&self->track, action, details);
}

/* Meetings ---------------------------------------------------------------- */

/**
 * aff_dossier_add_meeting:
 * @self: a dossier
 * @meeting: a meeting not yet in a dossier
 * @error: return location for a #GError
 *
 * Adds a meeting; it becomes a record. Journaled.
 *
 * Returns: %TRUE if added; %FALSE with %AFF_ERROR_INVALID_VALUE (its id),
 *   %AFF_ERROR_DUPLICATE_ID or %AFF_ERROR_CLOSED set
 */
gboolean
aff_dossier_add_meeting (AffDossier  *self,
                         AffMeeting  *meeting,
                         GError     **error)
{
  g_return_val_if_fail (AFF_IS_DOSSIER (self), FALSE);
  g_return_val_if_fail (AFF_IS_MEETING (meeting), FALSE);
  g_return_val_if_fail (!meeting->recorded, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_aff_track_check_open (&self->track, error) ||
      !check_new_id (self->meetings, (IdGetter) aff_meeting_get_id, meeting->id, _("Meeting"), error))
    return FALSE;
  meeting->recorded = TRUE;
  g_list_store_append (self->meetings, meeting);
  record (self, "meeting-added", "meeting", meeting->id, "date", &meeting->date);
  return TRUE;
}

/**
 * aff_dossier_record_minutes:
 * @self: a dossier
 * @meeting_id: a meeting of the dossier
 * @minutes: (nullable): its minutes; %NULL or empty is refused
 * @error: return location for a #GError
 *
 * Records the minutes of a meeting, or replaces them. Journaled.
 *
 * Returns: %TRUE if recorded; %FALSE with %AFF_ERROR_NOT_FOUND,
 *   %AFF_ERROR_INVALID_VALUE or %AFF_ERROR_CLOSED set
 */
gboolean
aff_dossier_record_minutes (AffDossier  *self,
                            const char  *meeting_id,
                            const char  *minutes,
                            GError     **error)
{
  AffMeeting *meeting;

  g_return_val_if_fail (AFF_IS_DOSSIER (self), FALSE);
  g_return_val_if_fail (meeting_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_aff_track_check_open (&self->track, error))
    return FALSE;
  if ((meeting = FIND_MEETING (self, meeting_id)) == NULL)
    return fail (error, AFF_ERROR_NOT_FOUND, _("The dossier has no meeting “%s”"), meeting_id);
  if (!check_text (minutes, _("Meeting"), meeting_id, _("the minutes"), error))
    return FALSE;
  g_free (meeting->minutes);
  meeting->minutes = g_strdup (minutes);
  record (self, "minutes-recorded", "meeting", meeting_id, NULL, NULL);
  return TRUE;
}

/* Decisions --------------------------------------------------------------- */

/**
 * aff_dossier_add_decision:
 * @self: a dossier
 * @decision: a decision not yet in a dossier
 * @error: return location for a #GError
 *
 * Records a decision in the affair's log. Its meeting, if it names one,
 * must be in the dossier and held no later than the decision; a decision
 * on a task must name a task of the affair's plan. Journaled.
 *
 * Returns: %TRUE if recorded; %FALSE with %AFF_ERROR_INVALID_VALUE,
 *   %AFF_ERROR_DUPLICATE_ID, %AFF_ERROR_NOT_FOUND (the meeting or task) or
 *   %AFF_ERROR_CLOSED set
 */
gboolean
aff_dossier_add_decision (AffDossier   *self,
                          AffDecision  *decision,
                          GError      **error)
{
  AffMeeting *meeting = NULL;

  g_return_val_if_fail (AFF_IS_DOSSIER (self), FALSE);
  g_return_val_if_fail (AFF_IS_DECISION (decision), FALSE);
  g_return_val_if_fail (!decision->recorded, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_aff_track_check_open (&self->track, error) ||
      !check_new_id (self->decisions, (IdGetter) aff_decision_get_id, decision->id, _("Decision"), error) ||
      !check_text (decision->statement, _("Decision"), decision->id, _("the statement"), error) ||
      !check_text (decision->decided_by, _("Decision"), decision->id, _("who decided"), error))
    return FALSE;
  if (decision->meeting_id != NULL && (meeting = FIND_MEETING (self, decision->meeting_id)) == NULL)
    return fail (error, AFF_ERROR_NOT_FOUND, _("Decision “%s”: the dossier has no meeting “%s”"), decision->id,
                 decision->meeting_id);
  if (meeting != NULL && !check_after (&decision->date, &meeting->date, _("Decision"), decision->id, _("its date"),
                                       error))
    return FALSE;
  if (decision->target == AFF_DECISION_TARGET_TASK && !has_task (self, decision->reference))
    return fail (error, AFF_ERROR_NOT_FOUND, _("Decision “%s”: the plan has no task “%s”"), decision->id,
                 decision->reference != NULL ? decision->reference : "");
  decision->recorded = TRUE;
  g_list_store_append (self->decisions, decision);
  record (self, "decision-recorded", "decision", decision->id, "date", &decision->date);
  return TRUE;
}

static gboolean
decided_within (AffDecision        *decision,
                const GDate *const *bounds)
{
  return (bounds[0] == NULL || g_date_compare (&decision->date, bounds[0]) >= 0) &&
         (bounds[1] == NULL || g_date_compare (&decision->date, bounds[1]) <= 0);
}

static int
compare_decisions (gconstpointer a,
                   gconstpointer b)
{
  return g_date_compare (&(*(AffDecision **) a)->date, &(*(AffDecision **) b)->date);
}

/**
 * aff_dossier_list_decisions:
 * @self: a dossier
 * @from: (nullable): the first day, %NULL for no bound
 * @to: (nullable): the last day, %NULL for no bound
 *
 * Lists the decision log between two days, both included, by date and, on
 * one day, in the order they were recorded.
 *
 * Returns: (transfer container) (element-type AffDecision): the decisions
 */
GPtrArray *
aff_dossier_list_decisions (AffDossier  *self,
                            const GDate *from,
                            const GDate *to)
{
  const GDate *bounds[] = { from, to };
  GPtrArray *result;

  g_return_val_if_fail (AFF_IS_DOSSIER (self), NULL);
  g_return_val_if_fail (from == NULL || g_date_valid (from), NULL);
  g_return_val_if_fail (to == NULL || g_date_valid (to), NULL);

  result = collect (self->decisions, (Keep) decided_within, bounds);
  g_ptr_array_sort (result, compare_decisions);
  return result;
}

/* Actions ----------------------------------------------------------------- */

/**
 * aff_dossier_add_action:
 * @self: a dossier
 * @action: an open action not yet in a dossier
 * @error: return location for a #GError
 *
 * Adds an action. Its title and owner must be given, its due day no
 * earlier than the day it was assigned; an origin's reference, when it is
 * a meeting, hazard or incident, must be one of the affair's. Journaled.
 *
 * Returns: %TRUE if added; %FALSE with %AFF_ERROR_INVALID_VALUE,
 *   %AFF_ERROR_DUPLICATE_ID, %AFF_ERROR_NOT_FOUND (the origin) or
 *   %AFF_ERROR_CLOSED set
 */
gboolean
aff_dossier_add_action (AffDossier  *self,
                        AffAction   *action,
                        GError     **error)
{
  const char *ref;
  gboolean found = TRUE;

  g_return_val_if_fail (AFF_IS_DOSSIER (self), FALSE);
  g_return_val_if_fail (AFF_IS_ACTION (action), FALSE);
  g_return_val_if_fail (!action->recorded, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_aff_track_check_open (&self->track, error) ||
      !check_new_id (self->actions, (IdGetter) aff_action_get_id, action->id, _("Action"), error) ||
      !check_text (action->title, _("Action"), action->id, _("the title"), error) ||
      !check_text (action->owner, _("Action"), action->id, _("the owner"), error) ||
      !check_after (&action->due, &action->assigned, _("Action"), action->id, _("the due day"), error))
    return FALSE;
  ref = action->reference;
  if (action->origin == AFF_ACTION_ORIGIN_MEETING)
    found = ref != NULL && FIND_MEETING (self, ref) != NULL;
  else if (action->origin == AFF_ACTION_ORIGIN_HAZARD)
    found = ref != NULL && has_hazard (self, ref);
  else if (action->origin == AFF_ACTION_ORIGIN_INCIDENT)
    found = ref != NULL && FIND_INCIDENT (self, ref) != NULL;
  if (!found)
    return fail (error, AFF_ERROR_NOT_FOUND, _("Action “%s”: its origin “%s” is not in the affair"), action->id,
                 ref != NULL ? ref : "");
  action->recorded = TRUE;
  g_list_store_append (self->actions, action);
  record (self, "action-added", "action", action->id, "due", &action->due);
  return TRUE;
}

static gboolean
close_action (AffDossier       *self,
              const char       *id,
              const GDate      *date,
              const char       *note,
              AffActionStatus   status,
              GError          **error)
{
  AffAction *action;

  if (!_aff_track_check_open (&self->track, error))
    return FALSE;
  if ((action = FIND_ACTION (self, id)) == NULL)
    return fail (error, AFF_ERROR_NOT_FOUND, _("The dossier has no action “%s”"), id);
  if (action->status != AFF_ACTION_STATUS_OPEN)
    return fail (error, AFF_ERROR_INVALID_TRANSITION, _("Action “%s” is already closed"), id);
  if (!check_after (date, &action->assigned, _("Action"), id, _("its closing"), error) ||
      (status == AFF_ACTION_STATUS_CANCELLED && !check_text (note, _("Action"), id, _("the reason"), error)))
    return FALSE;
  action->status = status;
  action->closed = *date;
  g_free (action->note);
  action->note = g_strdup (note != NULL && *note != '\0' ? note : NULL);
  record (self, status == AFF_ACTION_STATUS_DONE ? "action-done" : "action-cancelled", "action", id, "date", date);
  return TRUE;
}

/**
 * aff_dossier_complete_action:
 * @self: a dossier
 * @id: an open action of the dossier
 * @date: the day it was done, no earlier than it was assigned
 * @note: (nullable): how it was done
 * @error: return location for a #GError
 *
 * Marks an action done. Journaled.
 *
 * Returns: %TRUE if done; %FALSE with %AFF_ERROR_NOT_FOUND,
 *   %AFF_ERROR_INVALID_TRANSITION (already closed),
 *   %AFF_ERROR_INVALID_VALUE or %AFF_ERROR_CLOSED set
 */
gboolean
aff_dossier_complete_action (AffDossier   *self,
                             const char   *id,
                             const GDate  *date,
                             const char   *note,
                             GError      **error)
{
  g_return_val_if_fail (AFF_IS_DOSSIER (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return close_action (self, id, date, note, AFF_ACTION_STATUS_DONE, error);
}

/**
 * aff_dossier_cancel_action:
 * @self: a dossier
 * @id: an open action of the dossier
 * @date: the day it was given up, no earlier than it was assigned
 * @reason: (nullable): why; %NULL or empty is refused
 * @error: return location for a #GError
 *
 * Cancels an action. Journaled.
 *
 * Returns: %TRUE if cancelled; %FALSE with %AFF_ERROR_NOT_FOUND,
 *   %AFF_ERROR_INVALID_TRANSITION (already closed),
 *   %AFF_ERROR_INVALID_VALUE or %AFF_ERROR_CLOSED set
 */
gboolean
aff_dossier_cancel_action (AffDossier   *self,
                           const char   *id,
                           const GDate  *date,
                           const char   *reason,
                           GError      **error)
{
  g_return_val_if_fail (AFF_IS_DOSSIER (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return close_action (self, id, date, reason, AFF_ACTION_STATUS_CANCELLED, error);
}

/* Overdue on @date first, then by due day; the sort is stable, so the
 * order of addition settles the rest. */
static int
compare_open_actions (gconstpointer a,
                      gconstpointer b,
                      gpointer      date)
{
  AffAction *x = *(AffAction **) a, *y = *(AffAction **) b;
  gboolean x_late = g_date_compare (&x->due, date) < 0, y_late = g_date_compare (&y->due, date) < 0;

  if (x_late != y_late)
    return x_late ? -1 : 1;
  return g_date_compare (&x->due, &y->due);
}

/**
 * aff_dossier_list_open_actions:
 * @self: a dossier
 * @date: the day
 *
 * Lists the actions open on @date ([method@Aff.Action.is_open_on]): the
 * overdue ones first, then the others, each by due day and, on one day,
 * in the order they were added.
 *
 * Returns: (transfer container) (element-type AffAction): the actions
 */
GPtrArray *
aff_dossier_list_open_actions (AffDossier  *self,
                               const GDate *date)
{
  GPtrArray *result;

  g_return_val_if_fail (AFF_IS_DOSSIER (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  result = collect (self->actions, (Keep) aff_action_is_open_on, date);
  g_ptr_array_sort_with_data (result, compare_open_actions, (gpointer) date);
  return result;
}

/* Documents --------------------------------------------------------------- */

/**
 * aff_dossier_add_document:
 * @self: a dossier
 * @document: revision A of a new document, not yet in a dossier
 * @date: the day it is registered
 * @error: return location for a #GError
 *
 * Registers a document, as a draft. Its reference must be new to the
 * register. Journaled.
 *
 * Returns: %TRUE if registered; %FALSE with %AFF_ERROR_INVALID_VALUE,
 *   %AFF_ERROR_DUPLICATE_ID or %AFF_ERROR_CLOSED set
 */
gboolean
aff_dossier_add_document (AffDossier   *self,
                          AffDocument  *document,
                          const GDate  *date,
                          GError      **error)
{
  g_return_val_if_fail (AFF_IS_DOSSIER (self), FALSE);
  g_return_val_if_fail (AFF_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (!document->recorded, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_aff_track_check_open (&self->track, error) ||
      !check_new_id (self->documents, (IdGetter) aff_document_get_reference, document->reference, _("Document"),
                     error) ||
      !check_text (document->title, _("Document"), document->reference, _("the title"), error))
    return FALSE;
  document->created = *date;
  document->recorded = TRUE;
  g_list_store_append (self->documents, document);
  record (self, "document-added", "document", document->reference, "date", date);
  return TRUE;
}

/* The latest revision of @reference, in @status. */
static AffDocument *
latest_in (AffDossier         *self,
           const char         *reference,
           AffDocumentStatus   status,
           AffDocumentStatus   other,
           const char         *wanted,
           GError            **error)
{
  AffDocument *document;

  if (!_aff_track_check_open (&self->track, error))
    return NULL;
  if ((document = FIND_DOCUMENT (self, reference)) == NULL)
    return fail (error, AFF_ERROR_NOT_FOUND, _("The register has no document “%s”"), reference), NULL;
  if (document->status != status && document->status != other)
    return fail (error, AFF_ERROR_INVALID_TRANSITION, _("Document “%s”, revision %s: expected %s"), reference,
                 document->revision, wanted), NULL;
  return document;
}

static void
record_revision (AffDossier  *self,
                 const char  *action,
                 AffDocument *document,
                 const GDate *date)
{
  JsonObject *details = json_object_new ();
  g_autofree char *iso = aff_date_to_iso (date);

  json_object_set_string_member (details, "document", document->reference);
  json_object_set_string_member (details, "revision", document->revision);
  json_object_set_string_member (details, "date", iso);
  _aff_track_record (&self->track, action, details);
}

/**
 * aff_dossier_issue_document:
 * @self: a dossier
 * @reference: a document whose latest revision is a draft
 * @date: the day it is sent to the client, no earlier than it was
 *   registered
 * @error: return location for a #GError
 *
 * Sends the latest revision of a document to the client. Journaled.
 *
 * Returns: %TRUE if issued; %FALSE with %AFF_ERROR_NOT_FOUND,
 *   %AFF_ERROR_INVALID_TRANSITION (not a draft), %AFF_ERROR_INVALID_VALUE
 *   or %AFF_ERROR_CLOSED set
 */
gboolean
aff_dossier_issue_document (AffDossier   *self,
                            const char   *reference,
                            const GDate  *date,
                            GError      **error)
{
  AffDocument *document;

  g_return_val_if_fail (AFF_IS_DOSSIER (self), FALSE);
  g_return_val_if_fail (reference != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((document = latest_in (self, reference, AFF_DOCUMENT_STATUS_DRAFT, AFF_DOCUMENT_STATUS_DRAFT, _("a draft"),
                             error)) == NULL ||
      !check_after (date, &document->created, _("Document"), reference, _("its issue"), error))
    return FALSE;
  document->status = AFF_DOCUMENT_STATUS_ISSUED;
  document->sent = *date;
  record_revision (self, "document-issued", document, date);
  return TRUE;
}

/**
 * aff_dossier_approve_document:
 * @self: a dossier
 * @reference: a document whose latest revision was issued
 * @date: the day the client approved it, no earlier than it was sent
 * @error: return location for a #GError
 *
 * Records the client's approval of the latest revision. Journaled.
 *
 * Returns: %TRUE if approved; %FALSE with %AFF_ERROR_NOT_FOUND,
 *   %AFF_ERROR_INVALID_TRANSITION (not issued), %AFF_ERROR_INVALID_VALUE
 *   or %AFF_ERROR_CLOSED set
 */
gboolean
aff_dossier_approve_document (AffDossier   *self,
                              const char   *reference,
                              const GDate  *date,
                              GError      **error)
{
  AffDocument *document;

  g_return_val_if_fail (AFF_IS_DOSSIER (self), FALSE);
  g_return_val_if_fail (reference != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((document = latest_in (self, reference, AFF_DOCUMENT_STATUS_ISSUED, AFF_DOCUMENT_STATUS_ISSUED,
                             _("an issued revision"), error)) == NULL ||
      !check_after (date, &document->sent, _("Document"), reference, _("its approval"), error))
    return FALSE;
  document->status = AFF_DOCUMENT_STATUS_APPROVED;
  document->approved = *date;
  record_revision (self, "document-approved", document, date);
  return TRUE;
}

/**
 * aff_dossier_revise_document:
 * @self: a dossier
 * @reference: a document whose latest revision was issued or approved
 * @date: the day of the new revision, no earlier than the latest was sent
 *   or, when approved, approved
 * @uri: (nullable): where the file of the new revision is
 * @error: return location for a #GError
 *
 * Makes the next revision of a document (B after A), a draft with the same
 * title and deliverable; the revision it replaces is superseded. A draft
 * is not revised: it is still being written. Journaled.
 *
 * Returns: (transfer none): the new revision, or %NULL with
 *   %AFF_ERROR_NOT_FOUND, %AFF_ERROR_INVALID_TRANSITION,
 *   %AFF_ERROR_INVALID_VALUE or %AFF_ERROR_CLOSED set
 */
AffDocument *
aff_dossier_revise_document (AffDossier   *self,
                             const char   *reference,
                             const GDate  *date,
                             const char   *uri,
                             GError      **error)
{
  AffDocument *previous, *next;

  g_return_val_if_fail (AFF_IS_DOSSIER (self), NULL);
  g_return_val_if_fail (reference != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((previous = latest_in (self, reference, AFF_DOCUMENT_STATUS_ISSUED, AFF_DOCUMENT_STATUS_APPROVED,
                             _("an issued or approved revision"), error)) == NULL ||
      !check_after (date, g_date_valid (&previous->approved) ? &previous->approved : &previous->sent, _("Document"),
                    reference, _("its revision"), error))
    return NULL;
  next = aff_document_new (reference, previous->title);
  g_free (next->revision);
  next->revision = _aff_document_next_revision (previous->revision);
  next->deliverable = g_strdup (previous->deliverable);
  next->uri = g_strdup (uri);
  next->created = *date;
  next->recorded = TRUE;
  previous->status = AFF_DOCUMENT_STATUS_SUPERSEDED;
  g_list_store_append (self->documents, next);
  g_object_unref (next);
  record_revision (self, "document-revised", next, date);
  return next;
}

/* Incidents --------------------------------------------------------------- */

/**
 * aff_dossier_add_incident:
 * @self: a dossier
 * @incident: an open incident not yet in a dossier
 * @error: return location for a #GError
 *
 * Records an incident. Its hazard, if it names one, must be in the
 * affair's plan; the client cannot have been told before it happened.
 * Journaled.
 *
 * Returns: %TRUE if recorded; %FALSE with %AFF_ERROR_INVALID_VALUE,
 *   %AFF_ERROR_DUPLICATE_ID, %AFF_ERROR_NOT_FOUND (the hazard) or
 *   %AFF_ERROR_CLOSED set
 */
gboolean
aff_dossier_add_incident (AffDossier   *self,
                          AffIncident  *incident,
                          GError      **error)
{
  g_return_val_if_fail (AFF_IS_DOSSIER (self), FALSE);
  g_return_val_if_fail (AFF_IS_INCIDENT (incident), FALSE);
  g_return_val_if_fail (!incident->recorded, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_aff_track_check_open (&self->track, error) ||
      !check_new_id (self->incidents, (IdGetter) aff_incident_get_id, incident->id, _("Incident"), error) ||
      !check_text (incident->description, _("Incident"), incident->id, _("the description"), error) ||
      (g_date_valid (&incident->informed) &&
       !check_after (&incident->informed, &incident->date, _("Incident"), incident->id, _("telling the client"),
                     error)))
    return FALSE;
  if (incident->hazard_id != NULL && !has_hazard (self, incident->hazard_id))
    return fail (error, AFF_ERROR_NOT_FOUND, _("Incident “%s”: the plan has no hazard “%s”"), incident->id,
                 incident->hazard_id);
  incident->recorded = TRUE;
  g_list_store_append (self->incidents, incident);
  record (self, "incident-recorded", "incident", incident->id, "date", &incident->date);
  return TRUE;
}

/**
 * aff_dossier_close_incident:
 * @self: a dossier
 * @id: an open incident of the dossier
 * @date: the day it is closed, no earlier than it happened
 * @remedy: (nullable): what was done for the client; %NULL or empty is
 *   refused
 * @error: return location for a #GError
 *
 * Closes an incident with its remedy. Journaled.
 *
 * Returns: %TRUE if closed; %FALSE with %AFF_ERROR_NOT_FOUND,
 *   %AFF_ERROR_INVALID_TRANSITION (already closed),
 *   %AFF_ERROR_INVALID_VALUE or %AFF_ERROR_CLOSED set
 */
gboolean
aff_dossier_close_incident (AffDossier   *self,
                            const char   *id,
                            const GDate  *date,
                            const char   *remedy,
                            GError      **error)
{
  AffIncident *incident;

  g_return_val_if_fail (AFF_IS_DOSSIER (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_aff_track_check_open (&self->track, error))
    return FALSE;
  if ((incident = FIND_INCIDENT (self, id)) == NULL)
    return fail (error, AFF_ERROR_NOT_FOUND, _("The dossier has no incident “%s”"), id);
  if (g_date_valid (&incident->closed))
    return fail (error, AFF_ERROR_INVALID_TRANSITION, _("Incident “%s” is already closed"), id);
  if (!check_after (date, &incident->date, _("Incident"), id, _("its closing"), error) ||
      !check_text (remedy, _("Incident"), id, _("the remedy"), error))
    return FALSE;
  incident->closed = *date;
  incident->remedy = g_strdup (remedy);
  record (self, "incident-closed", "incident", id, "date", date);
  return TRUE;
}

/**
 * aff_dossier_list_open_incidents:
 * @self: a dossier
 * @date: the day
 *
 * Lists the incidents open on @date ([method@Aff.Incident.is_open_on]), in
 * the order they were recorded.
 *
 * Returns: (transfer container) (element-type AffIncident): the incidents
 */
GPtrArray *
aff_dossier_list_open_incidents (AffDossier  *self,
                                 const GDate *date)
{
  g_return_val_if_fail (AFF_IS_DOSSIER (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return collect (self->incidents, (Keep) aff_incident_is_open_on, date);
}

/* Reports ----------------------------------------------------------------- */

/**
 * AffReportRecord:
 *
 * A status report of an affair that was sent: for whom
 * ([enum@Aff.ReportVariant]), the period it covers, the day it was sent and
 * who it went to ([method@Aff.Dossier.record_report]).
 */

static AffReportRecord *
report_record_new (AffReportVariant    variant,
                   const GDate        *period_start,
                   const GDate        *period_end,
                   const GDate        *sent,
                   const char *const  *recipients)
{
  AffReportRecord *self = g_new0 (AffReportRecord, 1);

  self->variant = variant;
  self->period_start = *period_start;
  self->period_end = *period_end;
  self->sent = *sent;
  self->recipients = g_strdupv ((char **) recipients);
  return self;
}

/**
 * aff_report_record_copy:
 * @self: a report record
 *
 * Copies a report record.
 *
 * Returns: (transfer full): a copy of @self
 */
AffReportRecord *
aff_report_record_copy (const AffReportRecord *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return report_record_new (self->variant, &self->period_start, &self->period_end, &self->sent,
                            (const char *const *) self->recipients);
}

/**
 * aff_report_record_free:
 * @self: (nullable): a report record
 *
 * Frees a report record.
 */
void
aff_report_record_free (AffReportRecord *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->recipients);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffReportRecord, aff_report_record, aff_report_record_copy, aff_report_record_free)

/**
 * aff_report_record_get_variant:
 * @self: a report record
 *
 * Gets who the report was written for.
 *
 * Returns: the variant
 */
AffReportVariant
aff_report_record_get_variant (const AffReportRecord *self)
{
  g_return_val_if_fail (self != NULL, AFF_REPORT_VARIANT_MANAGEMENT);
  return self->variant;
}

/**
 * aff_report_record_get_period_start:
 * @self: a report record
 *
 * Gets the first day of the period the report covers.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_report_record_get_period_start (const AffReportRecord *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->period_start;
}

/**
 * aff_report_record_get_period_end:
 * @self: a report record
 *
 * Gets the last day of the period the report covers.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_report_record_get_period_end (const AffReportRecord *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->period_end;
}

/**
 * aff_report_record_get_sent:
 * @self: a report record
 *
 * Gets the day the report was sent.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_report_record_get_sent (const AffReportRecord *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->sent;
}

/**
 * aff_report_record_get_recipients:
 * @self: a report record
 *
 * Gets who the report went to.
 *
 * Returns: (transfer none) (array zero-terminated=1): the recipients
 */
const char *const *
aff_report_record_get_recipients (const AffReportRecord *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char *const *) self->recipients;
}

/**
 * AffDossierGap:
 *
 * Something an affair's dossier should have at its phase and lacks
 * ([method@Aff.Dossier.check]): what kind of item, the subject it is about
 * (a meeting, task, document or hazard, or the first day of a reporting
 * period), and a sentence in the policy's language saying what is missing
 * and why it is expected.
 */

AffDossierGap *
_aff_dossier_gap_new (AffDossierGapKind  kind,
                      const char        *subject,
                      char              *message)
{
  AffDossierGap *self = g_new0 (AffDossierGap, 1);

  self->kind = kind;
  self->subject = g_strdup (subject);
  self->message = message;
  return self;
}

/**
 * aff_dossier_gap_copy:
 * @self: a gap
 *
 * Copies a gap.
 *
 * Returns: (transfer full): a copy of @self
 */
AffDossierGap *
aff_dossier_gap_copy (const AffDossierGap *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return _aff_dossier_gap_new (self->kind, self->subject, g_strdup (self->message));
}

/**
 * aff_dossier_gap_free:
 * @self: (nullable): a gap
 *
 * Frees a gap.
 */
void
aff_dossier_gap_free (AffDossierGap *self)
{
  if (self == NULL)
    return;
  g_free (self->subject);
  g_free (self->message);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffDossierGap, aff_dossier_gap, aff_dossier_gap_copy, aff_dossier_gap_free)

/**
 * aff_dossier_gap_get_kind:
 * @self: a gap
 *
 * Gets what kind of item is missing.
 *
 * Returns: the kind
 */
AffDossierGapKind
aff_dossier_gap_get_kind (const AffDossierGap *self)
{
  g_return_val_if_fail (self != NULL, AFF_DOSSIER_GAP_KIND_KICK_OFF);
  return self->kind;
}

/**
 * aff_dossier_gap_get_subject:
 * @self: a gap
 *
 * Gets what the gap is about: a meeting's, task's or hazard's id, a
 * document's reference, the first day of a reporting period (`YYYY-MM-DD`),
 * or %NULL for the affair as a whole.
 *
 * Returns: (nullable): the subject
 */
const char *
aff_dossier_gap_get_subject (const AffDossierGap *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->subject;
}

/**
 * aff_dossier_gap_get_message:
 * @self: a gap
 *
 * Gets a sentence saying what is missing and why it is expected, in the
 * policy's language.
 *
 * Returns: the message
 */
const char *
aff_dossier_gap_get_message (const AffDossierGap *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->message;
}

/* The people, each named once and not empty. */
static gboolean
check_recipients (const char *const  *recipients,
                  const char         *what,
                  GError            **error)
{
  guint i, j;

  if (recipients == NULL || recipients[0] == NULL)
    return fail (error, AFF_ERROR_INVALID_VALUE, _("%s: nobody to send it to"), what);
  for (i = 0; recipients[i] != NULL; i++)
    {
      if (*recipients[i] == '\0')
        return fail (error, AFF_ERROR_INVALID_VALUE, _("%s: an empty name"), what);
      for (j = 0; j < i; j++)
        if (strcmp (recipients[i], recipients[j]) == 0)
          return fail (error, AFF_ERROR_INVALID_VALUE, _("%s: “%s” is named twice"), what, recipients[i]);
    }
  return TRUE;
}

static const char *
variant_nick (AffReportVariant variant)
{
  return aff_enum_to_nick (AFF_TYPE_REPORT_VARIANT, variant);
}

/**
 * aff_dossier_get_distribution:
 * @self: a dossier
 * @variant: who the reports are for
 *
 * Gets the distribution list of the affair's reports of @variant: who they
 * are sent to unless told otherwise.
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the
 *   recipients, %NULL while none is set
 */
const char *const *
aff_dossier_get_distribution (AffDossier       *self,
                              AffReportVariant  variant)
{
  g_return_val_if_fail (AFF_IS_DOSSIER (self), NULL);
  g_return_val_if_fail (variant <= AFF_REPORT_VARIANT_CLIENT, NULL);
  return (const char *const *) self->distribution[variant];
}

/**
 * aff_dossier_set_distribution:
 * @self: a dossier
 * @variant: who the reports are for
 * @recipients: (array zero-terminated=1): who they are sent to, each once
 * @error: return location for a #GError
 *
 * Sets the distribution list of the affair's reports of @variant.
 * Journaled.
 *
 * Returns: %TRUE if set; %FALSE with %AFF_ERROR_INVALID_VALUE (nobody, an
 *   empty name, a name twice) or %AFF_ERROR_CLOSED set
 */
gboolean
aff_dossier_set_distribution (AffDossier         *self,
                              AffReportVariant    variant,
                              const char *const  *recipients,
                              GError            **error)
{
  JsonObject *details;
  JsonArray *names;
  guint i;

  g_return_val_if_fail (AFF_IS_DOSSIER (self), FALSE);
  g_return_val_if_fail (variant <= AFF_REPORT_VARIANT_CLIENT, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_aff_track_check_open (&self->track, error) ||
      !check_recipients (recipients, _("The distribution list"), error))
    return FALSE;
  g_strfreev (self->distribution[variant]);
  self->distribution[variant] = g_strdupv ((char **) recipients);
  details = json_object_new ();
  json_object_set_string_member (details, "variant", variant_nick (variant));
  names = json_array_new ();
  for (i = 0; recipients[i] != NULL; i++)
    json_array_add_string_element (names, recipients[i]);
  json_object_set_array_member (details, "recipients", names);
  _aff_track_record (&self->track, "distribution-set", details);
  return TRUE;
}

/**
 * aff_dossier_record_report:
 * @self: a dossier
 * @variant: who the report was written for
 * @period_start: the first day it covers
 * @period_end: the last day it covers, no earlier than @period_start
 * @sent: the day it was sent, no earlier than @period_end
 * @recipients: (nullable) (array zero-terminated=1): who it went to, each
 *   once; %NULL for the distribution list of @variant
 * @error: return location for a #GError
 *
 * Records that a status report was sent, so that the follow-up is
 * traceable: [method@Aff.Dossier.check] looks for one management report
 * per period of the policy ([property@Aff.Policy:reporting-period]).
 * Journaled.
 *
 * Returns: %TRUE if recorded; %FALSE with %AFF_ERROR_INVALID_VALUE (the
 *   dates, or nobody to send it to) or %AFF_ERROR_CLOSED set
 */
gboolean
aff_dossier_record_report (AffDossier         *self,
                           AffReportVariant    variant,
                           const GDate        *period_start,
                           const GDate        *period_end,
                           const GDate        *sent,
                           const char *const  *recipients,
                           GError            **error)
{
  g_autofree char *start = NULL, *end = NULL, *day = NULL;
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_DOSSIER (self), FALSE);
  g_return_val_if_fail (variant <= AFF_REPORT_VARIANT_CLIENT, FALSE);
  g_return_val_if_fail (period_start != NULL && g_date_valid (period_start), FALSE);
  g_return_val_if_fail (period_end != NULL && g_date_valid (period_end), FALSE);
  g_return_val_if_fail (sent != NULL && g_date_valid (sent), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_aff_track_check_open (&self->track, error))
    return FALSE;
  start = aff_date_to_iso (period_start);
  if (!check_after (period_end, period_start, _("Report"), start, _("the end of its period"), error) ||
      !check_after (sent, period_end, _("Report"), start, _("its sending"), error))
    return FALSE;
  if (recipients == NULL)
    recipients = (const char *const *) self->distribution[variant];
  if (!check_recipients (recipients, _("The report"), error))
    return FALSE;
  g_ptr_array_add (self->reports, report_record_new (variant, period_start, period_end, sent, recipients));
  end = aff_date_to_iso (period_end);
  day = aff_date_to_iso (sent);
  details = json_object_new ();
  json_object_set_string_member (details, "variant", variant_nick (variant));
  json_object_set_string_member (details, "period_start", start);
  json_object_set_string_member (details, "period_end", end);
  json_object_set_string_member (details, "sent", day);
  _aff_track_record (&self->track, "report-sent", details);
  return TRUE;
}

/**
 * aff_dossier_list_reports:
 * @self: a dossier
 *
 * Lists the reports sent, in the order they were recorded.
 *
 * Returns: (transfer container) (element-type AffReportRecord): the reports
 */
GPtrArray *
aff_dossier_list_reports (AffDossier *self)
{
  GPtrArray *result;
  guint i;

  g_return_val_if_fail (AFF_IS_DOSSIER (self), NULL);

  result = g_ptr_array_new_full (self->reports->len, (GDestroyNotify) aff_report_record_free);
  for (i = 0; i < self->reports->len; i++)
    g_ptr_array_add (result, aff_report_record_copy (g_ptr_array_index (self->reports, i)));
  return result;
}

/* The document ------------------------------------------------------------ */

typedef void (*WriteFunc) (gpointer     item,
                           JsonBuilder *builder);

static void
store_to_json (JsonBuilder *builder,
               const char  *member,
               GListStore  *store,
               WriteFunc    write)
{
  guint i, n = g_list_model_get_n_items (G_LIST_MODEL (store));

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      write (item, builder);
    }
  json_builder_end_array (builder);
}

void
_aff_dossier_to_json (AffDossier  *self,
                      JsonBuilder *builder)
{
  guint i;

  json_builder_begin_object (builder);
  store_to_json (builder, "meetings", self->meetings, (WriteFunc) _aff_meeting_to_json);
  store_to_json (builder, "decisions", self->decisions, (WriteFunc) _aff_decision_to_json);
  store_to_json (builder, "actions", self->actions, (WriteFunc) _aff_action_to_json);
  store_to_json (builder, "documents", self->documents, (WriteFunc) _aff_document_to_json);
  store_to_json (builder, "incidents", self->incidents, (WriteFunc) _aff_incident_to_json);
  json_builder_set_member_name (builder, "distribution");
  json_builder_begin_object (builder);
  for (i = 0; i < G_N_ELEMENTS (self->distribution); i++)
    if (self->distribution[i] != NULL)
      aff_json_add_strv (builder, variant_nick (i), (const char *const *) self->distribution[i]);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "reports");
  json_builder_begin_array (builder);
  for (i = 0; i < self->reports->len; i++)
    {
      const AffReportRecord *report = g_ptr_array_index (self->reports, i);

      json_builder_begin_object (builder);
      aff_json_add_enum (builder, "variant", AFF_TYPE_REPORT_VARIANT, report->variant);
      aff_json_add_date (builder, "period_start", &report->period_start);
      aff_json_add_date (builder, "period_end", &report->period_end);
      aff_json_add_date (builder, "sent", &report->sent);
      aff_json_add_strv (builder, "recipients", (const char *const *) report->recipients);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* Reading checks what adding checks, and what the methods keep true. */
static gboolean
read_meeting (AffJsonReader *reader,
              JsonNode      *element,
              guint          index,
              gpointer       data,
              GError       **error)
{
  AffDossier *self = data;
  g_autoptr(AffMeeting) meeting = _aff_meeting_from_json (reader, element, error);

  if (meeting == NULL)
    return FALSE;
  if (FIND_MEETING (self, meeting->id) != NULL)
    return aff_json_reader_fail_at (reader, "id", error, _("expected an id no other meeting has, not “%s”"),
                                    meeting->id);
  g_list_store_append (self->meetings, meeting);
  return TRUE;
}

static gboolean
read_decision (AffJsonReader *reader,
               JsonNode      *element,
               guint          index,
               gpointer       data,
               GError       **error)
{
  AffDossier *self = data;
  g_autoptr(AffDecision) decision = _aff_decision_from_json (reader, element, error);
  AffMeeting *meeting = NULL;

  if (decision == NULL)
    return FALSE;
  if (FIND_DECISION (self, decision->id) != NULL)
    return aff_json_reader_fail_at (reader, "id", error, _("expected an id no other decision has, not “%s”"),
                                    decision->id);
  if (decision->meeting_id != NULL && (meeting = FIND_MEETING (self, decision->meeting_id)) == NULL)
    return aff_json_reader_fail_at (reader, "meeting", error, _("expected a meeting of the dossier, not “%s”"),
                                    decision->meeting_id);
  if (meeting != NULL && g_date_compare (&decision->date, &meeting->date) < 0)
    return aff_json_reader_fail_at (reader, "date", error, _("expected a day no earlier than its meeting’s"));
  if (decision->target == AFF_DECISION_TARGET_TASK && !has_task (self, decision->reference))
    return aff_json_reader_fail_at (reader, "reference", error, _("expected a task of the plan, not “%s”"),
                                    decision->reference);
  g_list_store_append (self->decisions, decision);
  return TRUE;
}

static gboolean
read_action (AffJsonReader *reader,
             JsonNode      *element,
             guint          index,
             gpointer       data,
             GError       **error)
{
  AffDossier *self = data;
  g_autoptr(AffAction) action = _aff_action_from_json (reader, element, error);
  const char *ref;

  if (action == NULL)
    return FALSE;
  if (FIND_ACTION (self, action->id) != NULL)
    return aff_json_reader_fail_at (reader, "id", error, _("expected an id no other action has, not “%s”"),
                                    action->id);
  ref = action->reference;
  if ((action->origin == AFF_ACTION_ORIGIN_MEETING && (ref == NULL || FIND_MEETING (self, ref) == NULL)) ||
      (action->origin == AFF_ACTION_ORIGIN_HAZARD && (ref == NULL || !has_hazard (self, ref))) ||
      (action->origin == AFF_ACTION_ORIGIN_INCIDENT && (ref == NULL || FIND_INCIDENT (self, ref) == NULL)))
    return aff_json_reader_fail_at (reader, "reference", error, _("expected the affair's %s, not “%s”"),
                                    aff_enum_to_nick (AFF_TYPE_ACTION_ORIGIN, action->origin),
                                    ref != NULL ? ref : "");
  g_list_store_append (self->actions, action);
  return TRUE;
}

static gboolean
read_document (AffJsonReader *reader,
               JsonNode      *element,
               guint          index,
               gpointer       data,
               GError       **error)
{
  AffDossier *self = data;
  g_autoptr(AffDocument) document = _aff_document_from_json (reader, element, error);
  g_autofree char *expected = NULL;
  AffDocument *previous;

  if (document == NULL)
    return FALSE;
  /* The revisions of a document follow each other, A first, and all but
   * the latest are superseded. */
  previous = FIND_DOCUMENT (self, document->reference);
  expected = previous != NULL ? _aff_document_next_revision (previous->revision) : g_strdup ("A");
  if (strcmp (document->revision, expected) != 0)
    return aff_json_reader_fail_at (reader, "revision", error, _("expected the revision after the previous one "
                                                                 "of “%s”, A for the first"), document->reference);
  if (previous != NULL && previous->status != AFF_DOCUMENT_STATUS_SUPERSEDED)
    return aff_json_reader_fail_at (reader, "revision", error, _("expected the revision before to be superseded"));
  if (previous != NULL && g_date_compare (&document->created, g_date_valid (&previous->approved) ? &previous->approved
                                                                                                : &previous->sent) < 0)
    return aff_json_reader_fail_at (reader, "created", error,
                                    _("expected a day no earlier than the revision before was sent or approved"));
  g_list_store_append (self->documents, document);
  return TRUE;
}

static gboolean
read_incident (AffJsonReader *reader,
               JsonNode      *element,
               guint          index,
               gpointer       data,
               GError       **error)
{
  AffDossier *self = data;
  g_autoptr(AffIncident) incident = _aff_incident_from_json (reader, element, error);

  if (incident == NULL)
    return FALSE;
  if (FIND_INCIDENT (self, incident->id) != NULL)
    return aff_json_reader_fail_at (reader, "id", error, _("expected an id no other incident has, not “%s”"),
                                    incident->id);
  if (incident->hazard_id != NULL && !has_hazard (self, incident->hazard_id))
    return aff_json_reader_fail_at (reader, "hazard", error, _("expected a hazard of the plan, not “%s”"),
                                    incident->hazard_id);
  g_list_store_append (self->incidents, incident);
  return TRUE;
}

/* A list of people as the methods take it, at @member of @object. */
static gboolean
read_recipients (AffJsonReader  *reader,
                 JsonObject     *object,
                 const char     *member,
                 char         ***out,
                 GError        **error)
{
  g_autoptr(GError) local = NULL;

  if (!aff_json_get_strv (reader, object, member, out, error))
    return FALSE;
  if (*out != NULL && !check_recipients ((const char *const *) *out, member, &local))
    return aff_json_reader_fail_at (reader, member, error, _("expected each person once, by a name"));
  return TRUE;
}

static gboolean
read_report (AffJsonReader *reader,
             JsonNode      *element,
             guint          index,
             gpointer       data,
             GError       **error)
{
  static const char *const members[] = { "variant", "period_start", "period_end", "sent", "recipients", NULL };
  AffDossier *self = data;
  AffReportRecord *report = g_new0 (AffReportRecord, 1);
  JsonObject *object;
  int variant = 0;

  g_ptr_array_add (self->reports, report);
  if (!(object = aff_json_expect_object (reader, element, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_enum (reader, object, "variant", TRUE, AFF_TYPE_REPORT_VARIANT, &variant, error) ||
      !aff_json_get_date (reader, object, "period_start", TRUE, &report->period_start, error) ||
      !aff_json_get_date (reader, object, "period_end", TRUE, &report->period_end, error) ||
      !aff_json_get_date (reader, object, "sent", TRUE, &report->sent, error) ||
      !read_recipients (reader, object, "recipients", &report->recipients, error))
    return FALSE;
  report->variant = variant;
  if (report->recipients == NULL)
    return aff_json_reader_fail_at (reader, "recipients", error, _("expected who the report went to"));
  if (g_date_compare (&report->period_end, &report->period_start) < 0)
    return aff_json_reader_fail_at (reader, "period_end", error, _("expected a day no earlier than “period_start”"));
  if (g_date_compare (&report->sent, &report->period_end) < 0)
    return aff_json_reader_fail_at (reader, "sent", error, _("expected a day no earlier than “period_end”"));
  return TRUE;
}

static gboolean
read_distribution (AffJsonReader *reader,
                   JsonObject    *object,
                   AffDossier    *self,
                   GError       **error)
{
  static const char *const members[] = { "management", "client", NULL };
  JsonObject *distribution = NULL;
  gsize mark;
  gboolean ok;
  guint i;

  if (!aff_json_get_object (reader, object, "distribution", &distribution, error))
    return FALSE;
  if (distribution == NULL)
    return TRUE;
  mark = aff_json_reader_push_member (reader, "distribution");
  ok = aff_json_check_members (reader, distribution, members, error);
  for (i = 0; ok && i < G_N_ELEMENTS (self->distribution); i++)
    ok = read_recipients (reader, distribution, variant_nick (i), &self->distribution[i], error);
  aff_json_reader_pop (reader, mark);
  return ok;
}

AffDossier *
_aff_dossier_from_json (AffJsonReader *reader,
                        JsonNode      *node,
                        AffPlan       *plan,
                        GError       **error)
{
  static const char *const members[] = { "meetings", "decisions", "actions", "documents", "incidents", "distribution",
                                         "reports", NULL };
  g_autoptr(AffDossier) self = _aff_dossier_new ();
  GListModel *documents;
  JsonObject *object;
  guint i, n;

  self->plan = plan;
  if (node == NULL)
    return g_steal_pointer (&self);
  /* Incidents before actions, which may come from them. */
  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_read_array (reader, object, "meetings", read_meeting, self, error) ||
      !aff_json_read_array (reader, object, "decisions", read_decision, self, error) ||
      !aff_json_read_array (reader, object, "incidents", read_incident, self, error) ||
      !aff_json_read_array (reader, object, "actions", read_action, self, error) ||
      !aff_json_read_array (reader, object, "documents", read_document, self, error) ||
      !read_distribution (reader, object, self, error) ||
      !aff_json_read_array (reader, object, "reports", read_report, self, error))
    return NULL;
  documents = G_LIST_MODEL (self->documents);
  n = g_list_model_get_n_items (documents);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffDocument) document = g_list_model_get_item (documents, i);

      if (document->status == AFF_DOCUMENT_STATUS_SUPERSEDED &&
          FIND_DOCUMENT (self, document->reference) == document)
        {
          gsize mark = aff_json_reader_push_member (reader, "documents");

          aff_json_reader_push_index (reader, i);
          aff_json_reader_fail_at (reader, "status", error, _("expected the latest revision not to be superseded"));
          aff_json_reader_pop (reader, mark);
          return NULL;
        }
    }
  return g_steal_pointer (&self);
}
