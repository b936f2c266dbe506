/* aff-history.c: the dated changes of a state machine
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-history-private.h"

static void
clear_change (gpointer data)
{
  g_free (((AffHistoryChange *) data)->reason);
}

void
_aff_history_init (AffHistory *self,
                   GType       enum_type)
{
  self->changes = g_array_new (FALSE, TRUE, sizeof (AffHistoryChange));
  g_array_set_clear_func (self->changes, clear_change);
  self->enum_type = enum_type;
}

void
_aff_history_clear (AffHistory *self)
{
  g_clear_pointer (&self->changes, g_array_unref);
}

const AffHistoryChange *
_aff_history_get (AffHistory *self,
                  guint       index)
{
  return index < self->changes->len ? &g_array_index (self->changes, AffHistoryChange, index) : NULL;
}

const GDate *
_aff_history_last_date (AffHistory *self)
{
  const AffHistoryChange *last = _aff_history_get (self, self->changes->len - 1);

  return last ? &last->date : NULL;
}

gboolean
_aff_history_check_date (AffHistory  *self,
                         const GDate *date,
                         const char  *subject,
                         GError     **error)
{
  const GDate *last = self->changes->len ? _aff_history_last_date (self) : NULL;

  if (date == NULL || !g_date_valid (date))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("%s: a change needs a valid date"), subject), FALSE;
  if (last != NULL && g_date_compare (date, last) < 0)
    {
      g_autofree char *last_text = aff_date_to_iso (last);

      return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                          _("%s: a change cannot be dated before the last one (%s)"),
                          subject, last_text), FALSE;
    }
  return TRUE;
}

/* Returns the details of the journal entry that tells the change. */
JsonObject *
_aff_history_append (AffHistory  *self,
                     const GDate *date,
                     int          from,
                     int          to,
                     const char  *reason)
{
  AffHistoryChange change = { *date, from, to, g_strdup (reason) };
  g_autofree char *date_text = aff_date_to_iso (date);
  JsonObject *details = json_object_new ();

  g_array_append_val (self->changes, change);
  json_object_set_string_member (details, "from", aff_enum_to_nick (self->enum_type, from));
  json_object_set_string_member (details, "to", aff_enum_to_nick (self->enum_type, to));
  json_object_set_string_member (details, "date", date_text);
  if (reason != NULL)
    json_object_set_string_member (details, "reason", reason);
  return details;
}

int
_aff_history_state_at (AffHistory  *self,
                       const GDate *date,
                       int          initial)
{
  int state = initial;
  guint i;

  for (i = 0; i < self->changes->len; i++)
    {
      const AffHistoryChange *change = _aff_history_get (self, i);

      if (g_date_compare (&change->date, date) > 0)
        break;
      state = change->to;
    }
  return state;
}

gboolean
_aff_history_find_last (AffHistory *self,
                        int         state,
                        GDate      *date)
{
  guint i;

  for (i = self->changes->len; i > 0; i--)
    {
      const AffHistoryChange *change = _aff_history_get (self, i - 1);

      if (change->to == state)
        {
          *date = change->date;
          return TRUE;
        }
    }
  return FALSE;
}

void
_aff_history_to_json (AffHistory  *self,
                      JsonBuilder *builder,
                      const char  *member)
{
  guint i;

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (i = 0; i < self->changes->len; i++)
    {
      const AffHistoryChange *change = _aff_history_get (self, i);

      json_builder_begin_object (builder);
      aff_json_add_date (builder, "date", &change->date);
      aff_json_add_enum (builder, "from", self->enum_type, change->from);
      aff_json_add_enum (builder, "to", self->enum_type, change->to);
      aff_json_add_string (builder, "reason", change->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

typedef struct
{
  AffHistory *history;
  AffHistoryAllowed allowed;
} ReadHistory;

static gboolean
read_change (AffJsonReader *reader,
             JsonNode      *element,
             guint          index,
             gpointer       data,
             GError       **error)
{
  static const char *const members[] = { "date", "from", "to", "reason", NULL };
  ReadHistory *read = data;
  AffHistory *self = read->history;
  const AffHistoryChange *previous = index > 0 ? _aff_history_get (self, index - 1) : NULL;
  AffHistoryChange change = { { 0 } };
  JsonObject *item;
  gboolean ok;

  ok = (item = aff_json_expect_object (reader, element, error)) &&
       aff_json_check_members (reader, item, members, error) &&
       aff_json_get_date (reader, item, "date", TRUE, &change.date, error) &&
       aff_json_get_enum (reader, item, "from", TRUE, self->enum_type, &change.from, error) &&
       aff_json_get_enum (reader, item, "to", TRUE, self->enum_type, &change.to, error) &&
       aff_json_get_string (reader, item, "reason", FALSE, &change.reason, error);
  if (ok && previous != NULL && g_date_compare (&change.date, &previous->date) < 0)
    ok = aff_json_reader_fail_at (reader, "date", error,
                                  _("expected a date no earlier than the previous change"));
  else if (ok && previous != NULL && change.from != previous->to)
    ok = aff_json_reader_fail_at (reader, "from", error, _("expected “%s”, where the previous change ended"),
                                  aff_enum_to_nick (self->enum_type, previous->to));
  else if (ok && !read->allowed (change.from, change.to))
    ok = aff_json_reader_fail_at (reader, "to", error, _("expected a value that “%s” can change to"),
                                  aff_enum_to_nick (self->enum_type, change.from));
  g_array_append_val (self->changes, change);
  return ok;
}

/* Reads a history and checks it: dates in order, each change starting where
 * the previous one ended, each one a change @allowed allows. The first change
 * may start anywhere, since a history may begin after the item did. */
gboolean
_aff_history_from_json (AffHistory        *self,
                        AffJsonReader     *reader,
                        JsonObject        *object,
                        const char        *member,
                        AffHistoryAllowed  allowed,
                        GError           **error)
{
  ReadHistory read = { self, allowed };

  return aff_json_read_array (reader, object, member, read_change, &read, error);
}
