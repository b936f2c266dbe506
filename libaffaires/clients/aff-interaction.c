/* aff-interaction.c: one commercial action with a client
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "aff-enum-types.h"
#include "aff-clients-private.h"

/**
 * AffInteraction:
 *
 * A commercial action with a client or prospect: a call, a visit, a meeting,
 * a satisfaction survey, a trade-show encounter, or something learnt by
 * commercial watch. It has a date, a summary, the contact it was held with,
 * and optionally the date of the next action it calls for and, for surveys,
 * a satisfaction score from 0 to 10.
 *
 * Interactions are recorded with [method@Aff.Portfolio.record_interaction],
 * which gives each an id and journals it; they are facts of the client's
 * commercial history, so their kind, date and contact are fixed from then on.
 */

struct _AffInteraction
{
  GObject parent_instance;

  char *id;
  AffInteractionKind kind;
  GDate date;
  char *summary;
  char *contact;
  GDate next_action_date;
  int satisfaction;
  gboolean recorded;
  AffTrack track;
};

G_DEFINE_FINAL_TYPE (AffInteraction, aff_interaction, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_DATE,
  PROP_SUMMARY,
  PROP_CONTACT,
  PROP_NEXT_ACTION_DATE,
  PROP_SATISFACTION,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static void
aff_interaction_finalize (GObject *object)
{
  AffInteraction *self = AFF_INTERACTION (object);

  g_free (self->id);
  g_free (self->summary);
  g_free (self->contact);
  _aff_track_clear (&self->track);

  G_OBJECT_CLASS (aff_interaction_parent_class)->finalize (object);
}

static const GDate *
valid_or_null (const GDate *date)
{
  return date != NULL && g_date_valid (date) ? date : NULL;
}

static void
aff_interaction_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AffInteraction *self = AFF_INTERACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, valid_or_null (&self->date));
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_CONTACT:
      g_value_set_string (value, self->contact);
      break;
    case PROP_NEXT_ACTION_DATE:
      g_value_set_boxed (value, valid_or_null (&self->next_action_date));
      break;
    case PROP_SATISFACTION:
      g_value_set_int (value, self->satisfaction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aff_interaction_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AffInteraction *self = AFF_INTERACTION (object);
  const GDate *date;

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_DATE:
      date = g_value_get_boxed (value);
      if (date != NULL && g_date_valid (date))
        self->date = *date;
      break;
    case PROP_SUMMARY:
      aff_interaction_set_summary (self, g_value_get_string (value));
      break;
    case PROP_CONTACT:
      aff_interaction_set_contact (self, g_value_get_string (value));
      break;
    case PROP_NEXT_ACTION_DATE:
      aff_interaction_set_next_action_date (self, g_value_get_boxed (value));
      break;
    case PROP_SATISFACTION:
      aff_interaction_set_satisfaction (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aff_interaction_notify (GObject    *object,
                        GParamSpec *pspec)
{
  _aff_track_property (&AFF_INTERACTION (object)->track, "interaction-changed", object, pspec);
}

static void
aff_interaction_class_init (AffInteractionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aff_interaction_finalize;
  object_class->get_property = aff_interaction_get_property;
  object_class->set_property = aff_interaction_set_property;
  object_class->notify = aff_interaction_notify;

  /**
   * AffInteraction:id:
   *
   * The id given when the interaction was recorded, unique in the
   * portfolio; %NULL before.
   */
  props[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AffInteraction:kind:
   *
   * What kind of commercial action this was.
   */
  props[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, AFF_TYPE_INTERACTION_KIND, AFF_INTERACTION_KIND_CALL,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * AffInteraction:date:
   *
   * The day it took place.
   */
  props[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * AffInteraction:summary:
   *
   * What was said, seen or learnt.
   */
  props[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AffInteraction:contact:
   *
   * The name of the client's contact it was held with, if any. It must name
   * a contact of the client when the interaction is recorded, and is fixed
   * from then on.
   */
  props[PROP_CONTACT] =
    g_param_spec_string ("contact", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AffInteraction:next-action-date:
   *
   * When the next action it calls for is due (a call back, an offer to send).
   */
  props[PROP_NEXT_ACTION_DATE] =
    g_param_spec_boxed ("next-action-date", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AffInteraction:satisfaction:
   *
   * The satisfaction the client expressed, from 0 to 10, or
   * %AFF_SATISFACTION_NONE (-1) when none was measured.
   */
  props[PROP_SATISFACTION] =
    g_param_spec_int ("satisfaction", NULL, NULL, -1, 10, AFF_SATISFACTION_NONE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
aff_interaction_init (AffInteraction *self)
{
  g_date_clear (&self->date, 1);
  g_date_clear (&self->next_action_date, 1);
  self->satisfaction = AFF_SATISFACTION_NONE;
}

/**
 * aff_interaction_new:
 * @kind: the kind of commercial action
 * @date: the day it took place
 * @summary: what was said, seen or learnt
 *
 * Creates an interaction, to be recorded with
 * [method@Aff.Portfolio.record_interaction].
 *
 * Returns: (transfer full): a new interaction
 */
AffInteraction *
aff_interaction_new (AffInteractionKind  kind,
                     const GDate        *date,
                     const char         *summary)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (summary != NULL, NULL);

  return g_object_new (AFF_TYPE_INTERACTION, "kind", kind, "date", date, "summary", summary, NULL);
}

/**
 * aff_interaction_get_id:
 * @self: an interaction
 *
 * Gets the id given when it was recorded.
 *
 * Returns: (nullable): the id given when it was recorded
 */
const char *
aff_interaction_get_id (AffInteraction *self)
{
  g_return_val_if_fail (AFF_IS_INTERACTION (self), NULL);
  return self->id;
}

/**
 * aff_interaction_get_kind:
 * @self: an interaction
 *
 * Gets the kind of commercial action.
 *
 * Returns: the kind of commercial action
 */
AffInteractionKind
aff_interaction_get_kind (AffInteraction *self)
{
  g_return_val_if_fail (AFF_IS_INTERACTION (self), AFF_INTERACTION_KIND_CALL);
  return self->kind;
}

/**
 * aff_interaction_get_date:
 * @self: an interaction
 *
 * Gets the day it took place.
 *
 * Returns: (transfer none): the day it took place
 */
const GDate *
aff_interaction_get_date (AffInteraction *self)
{
  g_return_val_if_fail (AFF_IS_INTERACTION (self), NULL);
  return &self->date;
}

/**
 * aff_interaction_get_summary:
 * @self: an interaction
 *
 * Gets what was said, seen or learnt.
 *
 * Returns: what was said, seen or learnt
 */
const char *
aff_interaction_get_summary (AffInteraction *self)
{
  g_return_val_if_fail (AFF_IS_INTERACTION (self), NULL);
  return self->summary;
}

/**
 * aff_interaction_set_summary:
 * @self: an interaction
 * @summary: what was said, seen or learnt
 *
 * Sets the summary; once recorded, the change is journaled.
 */
void
aff_interaction_set_summary (AffInteraction *self,
                             const char     *summary)
{
  g_return_if_fail (AFF_IS_INTERACTION (self));
  g_return_if_fail (summary != NULL);

  if (g_strcmp0 (self->summary, summary) == 0)
    return;
  g_free (self->summary);
  self->summary = g_strdup (summary);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SUMMARY]);
}

/**
 * aff_interaction_get_contact:
 * @self: an interaction
 *
 * Gets the name of the contact it was held with.
 *
 * Returns: (nullable): the name of the contact it was held with
 */
const char *
aff_interaction_get_contact (AffInteraction *self)
{
  g_return_val_if_fail (AFF_IS_INTERACTION (self), NULL);
  return self->contact;
}

/**
 * aff_interaction_set_contact:
 * @self: an interaction not yet recorded
 * @contact: (nullable): the name of a contact of the client
 *
 * Sets who the interaction was held with.
 */
void
aff_interaction_set_contact (AffInteraction *self,
                             const char     *contact)
{
  g_return_if_fail (AFF_IS_INTERACTION (self));
  g_return_if_fail (!self->recorded);

  if (g_strcmp0 (self->contact, contact) == 0)
    return;
  g_free (self->contact);
  self->contact = g_strdup (contact);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CONTACT]);
}

/**
 * aff_interaction_get_next_action_date:
 * @self: an interaction
 *
 * Gets when the next action is due, or %NULL.
 *
 * Returns: (nullable) (transfer none): when the next action is due, or %NULL
 */
const GDate *
aff_interaction_get_next_action_date (AffInteraction *self)
{
  g_return_val_if_fail (AFF_IS_INTERACTION (self), NULL);
  return valid_or_null (&self->next_action_date);
}

/**
 * aff_interaction_set_next_action_date:
 * @self: an interaction
 * @date: (nullable): when the next action is due, or %NULL for none
 *
 * Sets when the next action this interaction calls for is due; once
 * recorded, the change is journaled.
 */
void
aff_interaction_set_next_action_date (AffInteraction *self,
                                      const GDate    *date)
{
  g_return_if_fail (AFF_IS_INTERACTION (self));

  date = valid_or_null (date);
  if (date == NULL && !g_date_valid (&self->next_action_date))
    return;
  if (date != NULL && g_date_valid (&self->next_action_date) &&
      g_date_compare (date, &self->next_action_date) == 0)
    return;
  if (date != NULL)
    self->next_action_date = *date;
  else
    g_date_clear (&self->next_action_date, 1);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_NEXT_ACTION_DATE]);
}

/**
 * aff_interaction_get_satisfaction:
 * @self: an interaction
 *
 * Gets the satisfaction score from 0 to 10, or %AFF_SATISFACTION_NONE.
 *
 * Returns: the satisfaction score from 0 to 10, or %AFF_SATISFACTION_NONE
 */
int
aff_interaction_get_satisfaction (AffInteraction *self)
{
  g_return_val_if_fail (AFF_IS_INTERACTION (self), AFF_SATISFACTION_NONE);
  return self->satisfaction;
}

/**
 * aff_interaction_set_satisfaction:
 * @self: an interaction
 * @satisfaction: a score from 0 to 10, or %AFF_SATISFACTION_NONE
 *
 * Sets the satisfaction the client expressed.
 */
void
aff_interaction_set_satisfaction (AffInteraction *self,
                                  int             satisfaction)
{
  g_return_if_fail (AFF_IS_INTERACTION (self));
  g_return_if_fail (satisfaction >= AFF_SATISFACTION_NONE && satisfaction <= 10);

  if (self->satisfaction == satisfaction)
    return;
  self->satisfaction = satisfaction;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SATISFACTION]);
}

void
_aff_interaction_attach (AffInteraction *self,
                         AffJournal     *journal,
                         const char     *client_id)
{
  _aff_track_attach (&self->track, journal, "client", client_id, "interaction", self->id);
}

gboolean
_aff_interaction_is_recorded (AffInteraction *self)
{
  return self->recorded;
}

void
_aff_interaction_set_recorded (AffInteraction *self,
                               const char     *id)
{
  self->recorded = TRUE;
  if (g_strcmp0 (self->id, id) == 0)
    return;
  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ID]);
}

JsonObject *
_aff_interaction_describe (AffInteraction *self)
{
  JsonObject *details = json_object_new ();
  g_autofree char *date = aff_date_to_iso (&self->date);

  json_object_set_string_member (details, "interaction", self->id);
  json_object_set_string_member (details, "kind",
                                 aff_enum_to_nick (AFF_TYPE_INTERACTION_KIND, self->kind));
  json_object_set_string_member (details, "date", date);
  json_object_set_string_member (details, "summary", self->summary);
  if (self->contact != NULL)
    json_object_set_string_member (details, "contact", self->contact);
  if (g_date_valid (&self->next_action_date))
    {
      g_autofree char *next = aff_date_to_iso (&self->next_action_date);
      json_object_set_string_member (details, "next_action_date", next);
    }
  if (self->satisfaction != AFF_SATISFACTION_NONE)
    json_object_set_int_member (details, "satisfaction", self->satisfaction);
  return details;
}

void
_aff_interaction_to_json (AffInteraction *self,
                          JsonBuilder    *builder)
{
  json_builder_begin_object (builder);
  aff_json_add_string (builder, "id", self->id);
  aff_json_add_enum (builder, "kind", AFF_TYPE_INTERACTION_KIND, self->kind);
  aff_json_add_date (builder, "date", &self->date);
  aff_json_add_string (builder, "summary", self->summary);
  aff_json_add_string (builder, "contact", self->contact);
  aff_json_add_date (builder, "next_action_date", &self->next_action_date);
  if (self->satisfaction != AFF_SATISFACTION_NONE)
    aff_json_add_int (builder, "satisfaction", self->satisfaction);
  json_builder_end_object (builder);
}

AffInteraction *
_aff_interaction_from_json (AffJsonReader *reader,
                            JsonNode      *node,
                            GError       **error)
{
  static const char *const members[] = {
    "id", "kind", "date", "summary", "contact", "next_action_date", "satisfaction", NULL
  };
  g_autoptr(AffInteraction) interaction = NULL;
  g_autofree char *summary = NULL;
  JsonObject *object;
  GDate date;
  int kind = 0;
  gint64 satisfaction = AFF_SATISFACTION_NONE;

  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_enum (reader, object, "kind", TRUE, AFF_TYPE_INTERACTION_KIND, &kind, error) ||
      !aff_json_get_date (reader, object, "date", TRUE, &date, error) ||
      !aff_json_get_string (reader, object, "summary", TRUE, &summary, error) ||
      !aff_json_get_int (reader, object, "satisfaction", FALSE, 0, 10, &satisfaction, error))
    return NULL;

  interaction = aff_interaction_new (kind, &date, summary);
  interaction->satisfaction = (int) satisfaction;
  if (!aff_json_get_string (reader, object, "id", TRUE, &interaction->id, error) ||
      !aff_json_get_string (reader, object, "contact", FALSE, &interaction->contact, error) ||
      !aff_json_get_date (reader, object, "next_action_date", FALSE,
                          &interaction->next_action_date, error))
    return NULL;
  if (interaction->id != NULL && !_aff_id_is_valid (interaction->id))
    return aff_json_reader_fail_at (reader, "id", error,
                                    _("expected an id of 1 to 64 bytes without spaces")), NULL;
  return g_steal_pointer (&interaction);
}
