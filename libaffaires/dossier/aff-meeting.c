/* aff-meeting.c: a meeting of an affair, its attendees, agenda and minutes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-enum-types.h"
#include "aff-dossier-private.h"

/**
 * AffMeeting:
 *
 * A meeting held on an affair: its kind, day and title, who attended (the
 * company's people, and the external parties with their organisation), the
 * agenda and the minutes. The decisions taken and the actions assigned at
 * it name it ([method@Aff.Decision.set_meeting_id],
 * [method@Aff.Action.set_origin]).
 *
 * A meeting is prepared with its setters, then added to the affair's
 * dossier ([method@Aff.Dossier.add_meeting]); from then on it is a record,
 * and only [method@Aff.Dossier.record_minutes] changes it.
 */

G_DEFINE_FINAL_TYPE (AffMeeting, aff_meeting, G_TYPE_OBJECT)

static void
aff_meeting_finalize (GObject *object)
{
  AffMeeting *self = AFF_MEETING (object);

  g_free (self->id);
  g_free (self->title);
  g_ptr_array_unref (self->names);
  g_ptr_array_unref (self->organisations);
  g_free (self->agenda);
  g_free (self->minutes);
  G_OBJECT_CLASS (aff_meeting_parent_class)->finalize (object);
}

static void
aff_meeting_class_init (AffMeetingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aff_meeting_finalize;
}

static void
aff_meeting_init (AffMeeting *self)
{
  g_date_clear (&self->date, 1);
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->organisations = g_ptr_array_new_with_free_func (g_free);
}

/**
 * aff_meeting_new:
 * @id: the meeting's id, unique in its dossier
 * @kind: what the meeting is for
 * @date: the day it is held
 * @title: (nullable): what it is about
 *
 * Creates a meeting.
 *
 * Returns: (transfer full): a new meeting
 */
AffMeeting *
aff_meeting_new (const char     *id,
                 AffMeetingKind  kind,
                 const GDate    *date,
                 const char     *title)
{
  AffMeeting *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  self = g_object_new (AFF_TYPE_MEETING, NULL);
  self->id = g_strdup (id);
  self->kind = kind;
  self->date = *date;
  self->title = g_strdup (title);
  return self;
}

/**
 * aff_meeting_get_id:
 * @self: a meeting
 *
 * Gets the meeting's id.
 *
 * Returns: the id
 */
const char *
aff_meeting_get_id (AffMeeting *self)
{
  g_return_val_if_fail (AFF_IS_MEETING (self), NULL);
  return self->id;
}

/**
 * aff_meeting_get_kind:
 * @self: a meeting
 *
 * Gets what the meeting is for.
 *
 * Returns: the kind
 */
AffMeetingKind
aff_meeting_get_kind (AffMeeting *self)
{
  g_return_val_if_fail (AFF_IS_MEETING (self), AFF_MEETING_KIND_KICK_OFF);
  return self->kind;
}

/**
 * aff_meeting_get_date:
 * @self: a meeting
 *
 * Gets the day the meeting is held.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_meeting_get_date (AffMeeting *self)
{
  g_return_val_if_fail (AFF_IS_MEETING (self), NULL);
  return &self->date;
}

/**
 * aff_meeting_get_title:
 * @self: a meeting
 *
 * Gets what the meeting is about.
 *
 * Returns: (nullable): the title
 */
const char *
aff_meeting_get_title (AffMeeting *self)
{
  g_return_val_if_fail (AFF_IS_MEETING (self), NULL);
  return self->title;
}

/**
 * aff_meeting_add_attendee:
 * @self: a meeting not yet in a dossier
 * @name: who attends
 * @organisation: (nullable): the organisation of an external party (the
 *   client, a subcontractor, an inspection body); %NULL for a person of the
 *   company
 *
 * Adds an attendee, after the others.
 */
void
aff_meeting_add_attendee (AffMeeting *self,
                          const char *name,
                          const char *organisation)
{
  g_return_if_fail (AFF_IS_MEETING (self));
  g_return_if_fail (name != NULL && *name != '\0');
  g_return_if_fail (!self->recorded);

  g_ptr_array_add (self->names, g_strdup (name));
  g_ptr_array_add (self->organisations, g_strdup (organisation != NULL && *organisation != '\0' ? organisation
                                                                                                 : NULL));
}

/**
 * aff_meeting_get_n_attendees:
 * @self: a meeting
 *
 * Gets the number of attendees.
 *
 * Returns: the number of attendees
 */
guint
aff_meeting_get_n_attendees (AffMeeting *self)
{
  g_return_val_if_fail (AFF_IS_MEETING (self), 0);
  return self->names->len;
}

/**
 * aff_meeting_get_attendee:
 * @self: a meeting
 * @position: the attendee's position, from 0, in the order they were added
 * @organisation: (out) (optional) (nullable) (transfer none): where to store
 *   the organisation of an external party, %NULL for the company's people
 *
 * Gets an attendee.
 *
 * Returns: (nullable): the attendee's name, or %NULL past the end
 */
const char *
aff_meeting_get_attendee (AffMeeting  *self,
                          guint        position,
                          const char **organisation)
{
  g_return_val_if_fail (AFF_IS_MEETING (self), NULL);

  if (organisation != NULL)
    *organisation = position < self->names->len ? g_ptr_array_index (self->organisations, position) : NULL;
  return position < self->names->len ? g_ptr_array_index (self->names, position) : NULL;
}

/**
 * aff_meeting_get_agenda:
 * @self: a meeting
 *
 * Gets the agenda (ordre du jour).
 *
 * Returns: (nullable): the agenda
 */
const char *
aff_meeting_get_agenda (AffMeeting *self)
{
  g_return_val_if_fail (AFF_IS_MEETING (self), NULL);
  return self->agenda;
}

/**
 * aff_meeting_set_agenda:
 * @self: a meeting not yet in a dossier
 * @agenda: (nullable): the agenda
 *
 * Sets the agenda.
 */
void
aff_meeting_set_agenda (AffMeeting *self,
                        const char *agenda)
{
  g_return_if_fail (AFF_IS_MEETING (self));
  g_return_if_fail (!self->recorded);
  g_free (self->agenda);
  self->agenda = g_strdup (agenda);
}

/**
 * aff_meeting_get_minutes:
 * @self: a meeting
 *
 * Gets the minutes (compte rendu).
 *
 * Returns: (nullable): the minutes, %NULL while not written
 */
const char *
aff_meeting_get_minutes (AffMeeting *self)
{
  g_return_val_if_fail (AFF_IS_MEETING (self), NULL);
  return self->minutes;
}

/**
 * aff_meeting_set_minutes:
 * @self: a meeting not yet in a dossier
 * @minutes: (nullable): the minutes
 *
 * Sets the minutes of a meeting before it is added; once it is in a
 * dossier, [method@Aff.Dossier.record_minutes] does.
 */
void
aff_meeting_set_minutes (AffMeeting *self,
                         const char *minutes)
{
  g_return_if_fail (AFF_IS_MEETING (self));
  g_return_if_fail (!self->recorded);
  g_free (self->minutes);
  self->minutes = g_strdup (minutes != NULL && *minutes != '\0' ? minutes : NULL);
}

/**
 * aff_meeting_is_recorded:
 * @self: a meeting
 *
 * Tells whether the meeting is in a dossier, and so a record.
 *
 * Returns: %TRUE if recorded
 */
gboolean
aff_meeting_is_recorded (AffMeeting *self)
{
  g_return_val_if_fail (AFF_IS_MEETING (self), FALSE);
  return self->recorded;
}

void
_aff_meeting_to_json (AffMeeting  *self,
                      JsonBuilder *builder)
{
  guint i;

  json_builder_begin_object (builder);
  aff_json_add_string (builder, "id", self->id);
  aff_json_add_enum (builder, "kind", AFF_TYPE_MEETING_KIND, self->kind);
  aff_json_add_date (builder, "date", &self->date);
  aff_json_add_string (builder, "title", self->title);
  json_builder_set_member_name (builder, "attendees");
  json_builder_begin_array (builder);
  for (i = 0; i < self->names->len; i++)
    {
      json_builder_begin_object (builder);
      aff_json_add_string (builder, "name", g_ptr_array_index (self->names, i));
      aff_json_add_string (builder, "organisation", g_ptr_array_index (self->organisations, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  aff_json_add_string (builder, "agenda", self->agenda);
  aff_json_add_string (builder, "minutes", self->minutes);
  json_builder_end_object (builder);
}

static gboolean
read_attendee (AffJsonReader *reader,
               JsonNode      *element,
               guint          index,
               gpointer       data,
               GError       **error)
{
  static const char *const members[] = { "name", "organisation", NULL };
  AffMeeting *self = data;
  g_autofree char *name = NULL, *organisation = NULL;
  JsonObject *object;

  if (!(object = aff_json_expect_object (reader, element, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "name", TRUE, &name, error) ||
      !aff_json_get_string (reader, object, "organisation", FALSE, &organisation, error))
    return FALSE;
  if (*name == '\0')
    return aff_json_reader_fail_at (reader, "name", error, _("expected a name"));
  g_ptr_array_add (self->names, g_steal_pointer (&name));
  g_ptr_array_add (self->organisations, organisation != NULL && *organisation != '\0' ? g_steal_pointer (&organisation)
                                                                                      : NULL);
  return TRUE;
}

AffMeeting *
_aff_meeting_from_json (AffJsonReader *reader,
                        JsonNode      *node,
                        GError       **error)
{
  static const char *const members[] = { "id", "kind", "date", "title", "attendees", "agenda", "minutes", NULL };
  g_autoptr(AffMeeting) self = g_object_new (AFF_TYPE_MEETING, NULL);
  JsonObject *object;
  int kind = 0;

  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "id", TRUE, &self->id, error) ||
      !aff_json_get_enum (reader, object, "kind", TRUE, AFF_TYPE_MEETING_KIND, &kind, error) ||
      !aff_json_get_date (reader, object, "date", TRUE, &self->date, error) ||
      !aff_json_get_string (reader, object, "title", FALSE, &self->title, error) ||
      !aff_json_read_array (reader, object, "attendees", read_attendee, self, error) ||
      !aff_json_get_string (reader, object, "agenda", FALSE, &self->agenda, error) ||
      !aff_json_get_string (reader, object, "minutes", FALSE, &self->minutes, error))
    return NULL;
  if (!_aff_id_is_valid (self->id))
    return aff_json_reader_fail_at (reader, "id", error, _("expected an id of 1 to 64 bytes without spaces")), NULL;
  if (self->minutes != NULL && *self->minutes == '\0')
    g_clear_pointer (&self->minutes, g_free);
  self->kind = kind;
  self->recorded = TRUE;
  return g_steal_pointer (&self);
}
