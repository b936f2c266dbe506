/* aff-contact.c: a person at a client
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-clients-private.h"

/**
 * AffContact:
 *
 * A person the responsable d'affaires deals with at a client: a buyer, a
 * maintenance manager, a site manager. Contacts are named uniquely within
 * their client; an [class@Aff.Interaction] names the contact it was held with.
 *
 * Once added to a client of a portfolio, changes to a contact are journaled
 * in the client's history.
 */

struct _AffContact
{
  GObject parent_instance;

  char *name;
  char *role;
  char *email;
  char *phone;
  AffTrack track;
};

G_DEFINE_FINAL_TYPE (AffContact, aff_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ROLE,
  PROP_EMAIL,
  PROP_PHONE,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static void
aff_contact_finalize (GObject *object)
{
  AffContact *self = AFF_CONTACT (object);

  g_free (self->name);
  g_free (self->role);
  g_free (self->email);
  g_free (self->phone);
  _aff_track_clear (&self->track);

  G_OBJECT_CLASS (aff_contact_parent_class)->finalize (object);
}

static char **
field (AffContact *self,
       guint       prop_id)
{
  switch (prop_id)
    {
    case PROP_NAME: return &self->name;
    case PROP_ROLE: return &self->role;
    case PROP_EMAIL: return &self->email;
    case PROP_PHONE: return &self->phone;
    default: return NULL;
    }
}

static void
aff_contact_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  char **slot = field (AFF_CONTACT (object), prop_id);

  if (slot != NULL)
    g_value_set_string (value, *slot);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
set_field (AffContact *self,
           guint       prop_id,
           const char *value)
{
  char **slot = field (self, prop_id);

  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), props[prop_id]);
}

static void
aff_contact_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AffContact *self = AFF_CONTACT (object);

  if (prop_id == PROP_NAME)
    self->name = g_value_dup_string (value);
  else if (field (self, prop_id) != NULL)
    set_field (self, prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
aff_contact_notify (GObject    *object,
                    GParamSpec *pspec)
{
  _aff_track_property (&AFF_CONTACT (object)->track, "contact-changed", object, pspec);
}

static void
aff_contact_class_init (AffContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aff_contact_finalize;
  object_class->get_property = aff_contact_get_property;
  object_class->set_property = aff_contact_set_property;
  object_class->notify = aff_contact_notify;

  /**
   * AffContact:name:
   *
   * The person's name, unique among the contacts of a client.
   */
  props[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * AffContact:role:
   *
   * The person's role at the client (buyer, maintenance manager…).
   */
  props[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AffContact:email:
   *
   * The person's e-mail address.
   */
  props[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AffContact:phone:
   *
   * The person's telephone number, as written.
   */
  props[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
aff_contact_init (AffContact *self)
{
}

/**
 * aff_contact_new:
 * @name: the person's name
 *
 * Creates a contact, to be added to a client with [method@Aff.Client.add_contact].
 *
 * Returns: (transfer full): a new contact
 */
AffContact *
aff_contact_new (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (AFF_TYPE_CONTACT, "name", name, NULL);
}

/**
 * aff_contact_get_name:
 * @self: a contact
 *
 * Gets the person's name.
 *
 * Returns: the person's name
 */
const char *
aff_contact_get_name (AffContact *self)
{
  g_return_val_if_fail (AFF_IS_CONTACT (self), NULL);
  return self->name;
}

/**
 * aff_contact_get_role:
 * @self: a contact
 *
 * Gets the person's role.
 *
 * Returns: (nullable): the person's role
 */
const char *
aff_contact_get_role (AffContact *self)
{
  g_return_val_if_fail (AFF_IS_CONTACT (self), NULL);
  return self->role;
}

/**
 * aff_contact_set_role:
 * @self: a contact
 * @role: (nullable): the person's role
 *
 * Sets the person's role at the client.
 */
void
aff_contact_set_role (AffContact *self,
                      const char *role)
{
  g_return_if_fail (AFF_IS_CONTACT (self));
  set_field (self, PROP_ROLE, role);
}

/**
 * aff_contact_get_email:
 * @self: a contact
 *
 * Gets the person's e-mail address.
 *
 * Returns: (nullable): the person's e-mail address
 */
const char *
aff_contact_get_email (AffContact *self)
{
  g_return_val_if_fail (AFF_IS_CONTACT (self), NULL);
  return self->email;
}

/**
 * aff_contact_set_email:
 * @self: a contact
 * @email: (nullable): an e-mail address
 *
 * Sets the person's e-mail address. [method@Aff.Client.add_contact] refuses a
 * contact whose address is malformed.
 */
void
aff_contact_set_email (AffContact *self,
                       const char *email)
{
  g_return_if_fail (AFF_IS_CONTACT (self));
  set_field (self, PROP_EMAIL, email);
}

/**
 * aff_contact_get_phone:
 * @self: a contact
 *
 * Gets the person's telephone number.
 *
 * Returns: (nullable): the person's telephone number
 */
const char *
aff_contact_get_phone (AffContact *self)
{
  g_return_val_if_fail (AFF_IS_CONTACT (self), NULL);
  return self->phone;
}

/**
 * aff_contact_set_phone:
 * @self: a contact
 * @phone: (nullable): a telephone number
 *
 * Sets the person's telephone number.
 */
void
aff_contact_set_phone (AffContact *self,
                       const char *phone)
{
  g_return_if_fail (AFF_IS_CONTACT (self));
  set_field (self, PROP_PHONE, phone);
}

/* local@domain.tld, no spaces: enough to catch a phone number typed in the
 * e-mail field without rejecting any real address. */
gboolean
_aff_email_is_valid (const char *email)
{
  const char *at = strchr (email, '@');
  const char *dot;

  if (at == NULL || at == email || strchr (at + 1, '@') != NULL || strpbrk (email, " \t\r\n") != NULL)
    return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

void
_aff_contact_attach (AffContact *self,
                     AffJournal *journal,
                     const char *client_id)
{
  _aff_track_attach (&self->track, journal, "client", client_id, "contact", self->name);
}

void
_aff_contact_to_json (AffContact  *self,
                      JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  aff_json_add_string (builder, "name", self->name);
  aff_json_add_string (builder, "role", self->role);
  aff_json_add_string (builder, "email", self->email);
  aff_json_add_string (builder, "phone", self->phone);
  json_builder_end_object (builder);
}

AffContact *
_aff_contact_from_json (AffJsonReader *reader,
                        JsonNode      *node,
                        GError       **error)
{
  static const char *const members[] = { "name", "role", "email", "phone", NULL };
  g_autofree char *name = NULL;
  AffContact *contact;
  JsonObject *object;

  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "name", TRUE, &name, error))
    return NULL;
  if (*name == '\0')
    return aff_json_reader_fail_at (reader, "name", error, _("expected a non-empty name")), NULL;

  contact = aff_contact_new (name);
  if (!aff_json_get_string (reader, object, "role", FALSE, &contact->role, error) ||
      !aff_json_get_string (reader, object, "email", FALSE, &contact->email, error) ||
      !aff_json_get_string (reader, object, "phone", FALSE, &contact->phone, error))
    return g_object_unref (contact), NULL;
  if (contact->email != NULL && !_aff_email_is_valid (contact->email))
    {
      aff_json_reader_fail_at (reader, "email", error, _("expected an e-mail address"));
      return g_object_unref (contact), NULL;
    }
  return contact;
}
