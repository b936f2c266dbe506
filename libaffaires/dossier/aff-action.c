/* aff-action.c: an action assigned on an affair, and its follow-up
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-enum-types.h"
#include "aff-dossier-private.h"

/**
 * AffAction:
 *
 * An action assigned on an affair: what to do, who does it, from when and
 * by when, what it comes from (a meeting, a drift, a hazard, an incident, a
 * lesson), and where it stands. It is prepared with
 * [method@Aff.Action.set_origin], added to the dossier
 * ([method@Aff.Dossier.add_action]), and closed there
 * ([method@Aff.Dossier.complete_action], [method@Aff.Dossier.cancel_action]).
 */

G_DEFINE_FINAL_TYPE (AffAction, aff_action, G_TYPE_OBJECT)

static void
aff_action_finalize (GObject *object)
{
  AffAction *self = AFF_ACTION (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->owner);
  g_free (self->reference);
  g_free (self->note);
  G_OBJECT_CLASS (aff_action_parent_class)->finalize (object);
}

static void
aff_action_class_init (AffActionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aff_action_finalize;
}

static void
aff_action_init (AffAction *self)
{
  g_date_clear (&self->assigned, 1);
  g_date_clear (&self->due, 1);
  g_date_clear (&self->closed, 1);
}

/**
 * aff_action_new:
 * @id: the action's id, unique in its dossier
 * @title: what to do
 * @owner: who does it
 * @assigned: the day it was assigned
 * @due: the day it is due, no earlier than @assigned
 *
 * Creates an open action.
 *
 * Returns: (transfer full): a new action
 */
AffAction *
aff_action_new (const char  *id,
                const char  *title,
                const char  *owner,
                const GDate *assigned,
                const GDate *due)
{
  AffAction *self;

  g_return_val_if_fail (id != NULL && title != NULL && owner != NULL, NULL);
  g_return_val_if_fail (assigned != NULL && g_date_valid (assigned), NULL);
  g_return_val_if_fail (due != NULL && g_date_valid (due), NULL);

  self = g_object_new (AFF_TYPE_ACTION, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->owner = g_strdup (owner);
  self->assigned = *assigned;
  self->due = *due;
  return self;
}

/**
 * aff_action_get_id:
 * @self: an action
 *
 * Gets the action's id.
 *
 * Returns: the id
 */
const char *
aff_action_get_id (AffAction *self)
{
  g_return_val_if_fail (AFF_IS_ACTION (self), NULL);
  return self->id;
}

/**
 * aff_action_get_title:
 * @self: an action
 *
 * Gets what to do.
 *
 * Returns: the title
 */
const char *
aff_action_get_title (AffAction *self)
{
  g_return_val_if_fail (AFF_IS_ACTION (self), NULL);
  return self->title;
}

/**
 * aff_action_get_owner:
 * @self: an action
 *
 * Gets who does it.
 *
 * Returns: the owner
 */
const char *
aff_action_get_owner (AffAction *self)
{
  g_return_val_if_fail (AFF_IS_ACTION (self), NULL);
  return self->owner;
}

/**
 * aff_action_get_assigned:
 * @self: an action
 *
 * Gets the day the action was assigned.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_action_get_assigned (AffAction *self)
{
  g_return_val_if_fail (AFF_IS_ACTION (self), NULL);
  return &self->assigned;
}

/**
 * aff_action_get_due:
 * @self: an action
 *
 * Gets the day the action is due.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_action_get_due (AffAction *self)
{
  g_return_val_if_fail (AFF_IS_ACTION (self), NULL);
  return &self->due;
}

/**
 * aff_action_get_origin:
 * @self: an action
 * @reference: (out) (optional) (nullable) (transfer none): where to store
 *   what the action comes from within its origin (a meeting's, hazard's or
 *   incident's id, a drift's subject)
 *
 * Gets what the action comes from.
 *
 * Returns: the origin
 */
AffActionOrigin
aff_action_get_origin (AffAction   *self,
                       const char **reference)
{
  g_return_val_if_fail (AFF_IS_ACTION (self), AFF_ACTION_ORIGIN_OTHER);
  if (reference != NULL)
    *reference = self->reference;
  return self->origin;
}

/**
 * aff_action_set_origin:
 * @self: an action not yet in a dossier
 * @origin: what the action comes from
 * @reference: (nullable): what it names within its origin; a meeting's,
 *   hazard's or incident's id must be one of the affair's
 *
 * Sets what the action comes from.
 */
void
aff_action_set_origin (AffAction       *self,
                       AffActionOrigin  origin,
                       const char      *reference)
{
  g_return_if_fail (AFF_IS_ACTION (self));
  g_return_if_fail (!self->recorded);
  self->origin = origin;
  g_free (self->reference);
  self->reference = g_strdup (reference);
}

/**
 * aff_action_get_status:
 * @self: an action
 *
 * Gets where the action stands now.
 *
 * Returns: the status
 */
AffActionStatus
aff_action_get_status (AffAction *self)
{
  g_return_val_if_fail (AFF_IS_ACTION (self), AFF_ACTION_STATUS_OPEN);
  return self->status;
}

/**
 * aff_action_get_closed_date:
 * @self: an action
 *
 * Gets the day the action was done or cancelled.
 *
 * Returns: (transfer none) (nullable): the day, %NULL while open
 */
const GDate *
aff_action_get_closed_date (AffAction *self)
{
  g_return_val_if_fail (AFF_IS_ACTION (self), NULL);
  return g_date_valid (&self->closed) ? &self->closed : NULL;
}

/**
 * aff_action_get_note:
 * @self: an action
 *
 * Gets what was said when the action was closed: how it was done, or why
 * it was cancelled.
 *
 * Returns: (nullable): the note
 */
const char *
aff_action_get_note (AffAction *self)
{
  g_return_val_if_fail (AFF_IS_ACTION (self), NULL);
  return self->note;
}

/**
 * aff_action_is_open_on:
 * @self: an action
 * @date: a day
 *
 * Tells whether the action was open on @date: assigned by then, and not yet
 * done or cancelled.
 *
 * Returns: %TRUE if open on @date
 */
gboolean
aff_action_is_open_on (AffAction   *self,
                       const GDate *date)
{
  g_return_val_if_fail (AFF_IS_ACTION (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return g_date_compare (&self->assigned, date) <= 0 &&
         (!g_date_valid (&self->closed) || g_date_compare (&self->closed, date) > 0);
}

/**
 * aff_action_is_overdue_on:
 * @self: an action
 * @date: a day
 *
 * Tells whether the action was open on @date past its due day.
 *
 * Returns: %TRUE if overdue on @date
 */
gboolean
aff_action_is_overdue_on (AffAction   *self,
                          const GDate *date)
{
  g_return_val_if_fail (AFF_IS_ACTION (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return aff_action_is_open_on (self, date) && g_date_compare (&self->due, date) < 0;
}

void
_aff_action_to_json (AffAction   *self,
                     JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  aff_json_add_string (builder, "id", self->id);
  aff_json_add_string (builder, "title", self->title);
  aff_json_add_string (builder, "owner", self->owner);
  aff_json_add_date (builder, "assigned", &self->assigned);
  aff_json_add_date (builder, "due", &self->due);
  aff_json_add_enum (builder, "origin", AFF_TYPE_ACTION_ORIGIN, self->origin);
  aff_json_add_string (builder, "reference", self->reference);
  aff_json_add_enum (builder, "status", AFF_TYPE_ACTION_STATUS, self->status);
  aff_json_add_date (builder, "closed", &self->closed);
  aff_json_add_string (builder, "note", self->note);
  json_builder_end_object (builder);
}

AffAction *
_aff_action_from_json (AffJsonReader *reader,
                       JsonNode      *node,
                       GError       **error)
{
  static const char *const members[] = { "id", "title", "owner", "assigned", "due", "origin", "reference",
                                         "status", "closed", "note", NULL };
  g_autoptr(AffAction) self = g_object_new (AFF_TYPE_ACTION, NULL);
  JsonObject *object;
  int origin = 0, status = 0;

  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "id", TRUE, &self->id, error) ||
      !aff_json_get_string (reader, object, "title", TRUE, &self->title, error) ||
      !aff_json_get_string (reader, object, "owner", TRUE, &self->owner, error) ||
      !aff_json_get_date (reader, object, "assigned", TRUE, &self->assigned, error) ||
      !aff_json_get_date (reader, object, "due", TRUE, &self->due, error) ||
      !aff_json_get_enum (reader, object, "origin", TRUE, AFF_TYPE_ACTION_ORIGIN, &origin, error) ||
      !aff_json_get_string (reader, object, "reference", FALSE, &self->reference, error) ||
      !aff_json_get_enum (reader, object, "status", TRUE, AFF_TYPE_ACTION_STATUS, &status, error) ||
      !aff_json_get_date (reader, object, "closed", status != AFF_ACTION_STATUS_OPEN, &self->closed, error) ||
      !aff_json_get_string (reader, object, "note", FALSE, &self->note, error))
    return NULL;
  if (!_aff_id_is_valid (self->id))
    return aff_json_reader_fail_at (reader, "id", error, _("expected an id of 1 to 64 bytes without spaces")), NULL;
  if (*self->title == '\0')
    return aff_json_reader_fail_at (reader, "title", error, _("expected what to do")), NULL;
  if (*self->owner == '\0')
    return aff_json_reader_fail_at (reader, "owner", error, _("expected who does it")), NULL;
  if (status == AFF_ACTION_STATUS_CANCELLED && (self->note == NULL || *self->note == '\0'))
    return aff_json_reader_fail_at (reader, "note", error, _("expected why the action was cancelled")), NULL;
  if (g_date_compare (&self->due, &self->assigned) < 0)
    return aff_json_reader_fail_at (reader, "due", error, _("expected a day no earlier than “assigned”")), NULL;
  if (status == AFF_ACTION_STATUS_OPEN && g_date_valid (&self->closed))
    return aff_json_reader_fail_at (reader, "closed", error, _("expected only once the action is closed")), NULL;
  if (g_date_valid (&self->closed) && g_date_compare (&self->closed, &self->assigned) < 0)
    return aff_json_reader_fail_at (reader, "closed", error, _("expected a day no earlier than “assigned”")), NULL;
  self->origin = origin;
  self->status = status;
  self->recorded = TRUE;
  return g_steal_pointer (&self);
}
