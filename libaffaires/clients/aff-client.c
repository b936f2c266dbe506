/* aff-client.c: a client or prospect of the portfolio
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-enum-types.h"
#include "aff-clients-private.h"

/**
 * AffClient:
 *
 * A company of the portfolio: a prospect being developed, an active client,
 * a dormant one to reactivate, or one lost. It has a legal identity (SIREN,
 * NAF sector, address), the people the responsable d'affaires deals with
 * ([class@Aff.Contact]), a commercial history ([class@Aff.Interaction]) and a
 * dated history of its status, from which the portfolio computes who is due
 * for follow-up and how the portfolio develops.
 *
 * A client may belong to a group: [method@Aff.Portfolio.set_client_parent]
 * links a site or subsidiary to its parent company.
 *
 * Once added to a portfolio, every change to the client is journaled under
 * the entity kind `client` and its id, so that
 * `journal.list_entries_for ("client", id)` is its whole commercial history.
 */

struct _AffClient
{
  GObject parent_instance;

  char *id;
  char *name;
  char *siren;
  char *sector;
  char *address;
  char *parent_id;
  guint follow_up_days;
  AffClientStatus status;
  AffClientStatus initial_status;
  AffHistory history;         /* AffClientStatus changes */
  GListStore *contacts;
  GListStore *interactions;   /* in date order, then recording order */
  GListStore *solvencies;     /* in date order */
  AffTrack track;
};

G_DEFINE_FINAL_TYPE (AffClient, aff_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SIREN,
  PROP_SECTOR,
  PROP_ADDRESS,
  PROP_PARENT_ID,
  PROP_FOLLOW_UP_DAYS,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static void
aff_client_dispose (GObject *object)
{
  AffClient *self = AFF_CLIENT (object);

  g_clear_object (&self->contacts);
  g_clear_object (&self->interactions);
  g_clear_object (&self->solvencies);

  G_OBJECT_CLASS (aff_client_parent_class)->dispose (object);
}

static void
aff_client_finalize (GObject *object)
{
  AffClient *self = AFF_CLIENT (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->siren);
  g_free (self->sector);
  g_free (self->address);
  g_free (self->parent_id);
  _aff_history_clear (&self->history);
  g_clear_object (&self->contacts);
  g_clear_object (&self->interactions);
  _aff_track_clear (&self->track);

  G_OBJECT_CLASS (aff_client_parent_class)->finalize (object);
}

static void
aff_client_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AffClient *self = AFF_CLIENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SIREN:
      g_value_set_string (value, self->siren);
      break;
    case PROP_SECTOR:
      g_value_set_string (value, self->sector);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_PARENT_ID:
      g_value_set_string (value, self->parent_id);
      break;
    case PROP_FOLLOW_UP_DAYS:
      g_value_set_uint (value, self->follow_up_days);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_with_warning (gboolean (*setter) (AffClient *, const char *, GError **),
                  AffClient  *self,
                  const char *value)
{
  g_autoptr(GError) error = NULL;

  if (!setter (self, value, &error))
    g_warning ("%s", error->message);
}

static void
aff_client_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AffClient *self = AFF_CLIENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      aff_client_set_name (self, g_value_get_string (value));
      break;
    case PROP_SIREN:
      set_with_warning (aff_client_set_siren, self, g_value_get_string (value));
      break;
    case PROP_SECTOR:
      set_with_warning (aff_client_set_sector, self, g_value_get_string (value));
      break;
    case PROP_ADDRESS:
      aff_client_set_address (self, g_value_get_string (value));
      break;
    case PROP_FOLLOW_UP_DAYS:
      aff_client_set_follow_up_days (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aff_client_notify (GObject    *object,
                   GParamSpec *pspec)
{
  AffClient *self = AFF_CLIENT (object);

  /* Status and parent changes are journaled with their own, richer entries. */
  if (pspec == props[PROP_STATUS] || pspec == props[PROP_PARENT_ID])
    return;
  _aff_track_property (&self->track, "changed", object, pspec);
}

static void
aff_client_class_init (AffClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aff_client_dispose;
  object_class->finalize = aff_client_finalize;
  object_class->get_property = aff_client_get_property;
  object_class->set_property = aff_client_set_property;
  object_class->notify = aff_client_notify;

  /**
   * AffClient:id:
   *
   * The client's id, unique among the clients of a portfolio.
   */
  props[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * AffClient:name:
   *
   * The company name.
   */
  props[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AffClient:siren:
   *
   * The company's SIREN: nine digits, the last a Luhn check digit. Setting an
   * invalid one through the property is refused with a warning; use
   * [method@Aff.Client.set_siren] to get an error instead.
   */
  props[PROP_SIREN] =
    g_param_spec_string ("siren", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AffClient:sector:
   *
   * The company's sector as a NAF rév. 2 code, such as `28.29B`.
   */
  props[PROP_SECTOR] =
    g_param_spec_string ("sector", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AffClient:address:
   *
   * The postal address, lines separated by newlines.
   */
  props[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AffClient:parent-id:
   *
   * The id of the client's parent company in the portfolio, if any; set with
   * [method@Aff.Portfolio.set_client_parent].
   */
  props[PROP_PARENT_ID] =
    g_param_spec_string ("parent-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AffClient:follow-up-days:
   *
   * Days between two contacts with this client; 0 uses the policy's cadence
   * for the client's status.
   */
  props[PROP_FOLLOW_UP_DAYS] =
    g_param_spec_uint ("follow-up-days", NULL, NULL, 0, 36500, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AffClient:status:
   *
   * Where the client stands; changed with [method@Aff.Client.change_status].
   */
  props[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, AFF_TYPE_CLIENT_STATUS, AFF_CLIENT_STATUS_PROSPECT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
aff_client_init (AffClient *self)
{
  self->status = AFF_CLIENT_STATUS_PROSPECT;
  self->initial_status = AFF_CLIENT_STATUS_PROSPECT;
  _aff_history_init (&self->history, AFF_TYPE_CLIENT_STATUS);
  self->contacts = g_list_store_new (AFF_TYPE_CONTACT);
  self->interactions = g_list_store_new (AFF_TYPE_INTERACTION);
  self->solvencies = g_list_store_new (AFF_TYPE_SOLVENCY);
}

/**
 * aff_client_new:
 * @id: the client's id, unique in the portfolio (printable, no spaces, at
 *   most 64 bytes)
 * @name: the company name
 *
 * Creates a client with the status %AFF_CLIENT_STATUS_PROSPECT.
 *
 * Returns: (transfer full): a new client
 */
AffClient *
aff_client_new (const char *id,
                const char *name)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (AFF_TYPE_CLIENT, "id", id, "name", name, NULL);
}

/**
 * aff_client_get_id:
 * @self: a client
 *
 * Gets the client's id.
 *
 * Returns: the client's id
 */
const char *
aff_client_get_id (AffClient *self)
{
  g_return_val_if_fail (AFF_IS_CLIENT (self), NULL);
  return self->id;
}

/**
 * aff_client_get_name:
 * @self: a client
 *
 * Gets the company name.
 *
 * Returns: the company name
 */
const char *
aff_client_get_name (AffClient *self)
{
  g_return_val_if_fail (AFF_IS_CLIENT (self), NULL);
  return self->name;
}

static gboolean
replace_string (AffClient  *self,
                char      **slot,
                const char *value,
                guint       prop_id)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), props[prop_id]);
  return TRUE;
}

/**
 * aff_client_set_name:
 * @self: a client
 * @name: the company name
 *
 * Renames the client.
 */
void
aff_client_set_name (AffClient  *self,
                     const char *name)
{
  g_return_if_fail (AFF_IS_CLIENT (self));
  g_return_if_fail (name != NULL);
  replace_string (self, &self->name, name, PROP_NAME);
}

/* Sets an optional identifier after checking it; nothing changes when it is
 * refused. */
static gboolean
set_checked (AffClient   *self,
             char       **slot,
             const char  *value,
             gboolean   (*is_valid) (const char *),
             guint        prop_id,
             const char  *expected,
             GError     **error)
{
  if (value != NULL && !is_valid (value))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("client %s: “%s” is not %s"), self->id, value, expected), FALSE;
  replace_string (self, slot, value, prop_id);
  return TRUE;
}

/**
 * aff_siren_is_valid:
 * @siren: a candidate SIREN
 *
 * Checks a SIREN: exactly nine ASCII digits whose Luhn checksum is a
 * multiple of ten.
 *
 * Returns: whether @siren is a well-formed SIREN
 */
gboolean
aff_siren_is_valid (const char *siren)
{
  guint sum = 0, i;

  if (siren == NULL || strlen (siren) != 9)
    return FALSE;
  for (i = 0; i < 9; i++)
    {
      guint digit;

      if (!g_ascii_isdigit (siren[i]))
        return FALSE;
      digit = siren[i] - '0';
      /* Luhn doubles every second digit from the right: here the even
       * positions counted from 1 on the left. */
      if (i % 2 == 1)
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
  return sum % 10 == 0;
}

/**
 * aff_client_get_siren:
 * @self: a client
 *
 * Gets the company's SIREN.
 *
 * Returns: (nullable): the company's SIREN
 */
const char *
aff_client_get_siren (AffClient *self)
{
  g_return_val_if_fail (AFF_IS_CLIENT (self), NULL);
  return self->siren;
}

/**
 * aff_client_set_siren:
 * @self: a client
 * @siren: (nullable): nine digits with a valid Luhn check digit, or %NULL
 * @error: return location for a #GError
 *
 * Sets the company's SIREN, checking it first.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_INVALID_VALUE set and
 *   nothing changed otherwise
 */
gboolean
aff_client_set_siren (AffClient   *self,
                      const char  *siren,
                      GError     **error)
{
  g_return_val_if_fail (AFF_IS_CLIENT (self), FALSE);

  return set_checked (self, &self->siren, siren, aff_siren_is_valid, PROP_SIREN,
                      _("a SIREN (9 digits with a valid check digit)"), error);
}

gboolean
_aff_naf_is_valid (const char *code)
{
  return strlen (code) == 6 && g_ascii_isdigit (code[0]) && g_ascii_isdigit (code[1]) &&
         code[2] == '.' && g_ascii_isdigit (code[3]) && g_ascii_isdigit (code[4]) &&
         g_ascii_isupper (code[5]);
}

/**
 * aff_client_get_sector:
 * @self: a client
 *
 * Gets the company's NAF code.
 *
 * Returns: (nullable): the company's NAF code
 */
const char *
aff_client_get_sector (AffClient *self)
{
  g_return_val_if_fail (AFF_IS_CLIENT (self), NULL);
  return self->sector;
}

/**
 * aff_client_set_sector:
 * @self: a client
 * @naf_code: (nullable): a NAF rév. 2 code written `NN.NNL`, such as `28.29B`
 * @error: return location for a #GError
 *
 * Sets the company's sector.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_INVALID_VALUE set and
 *   nothing changed otherwise
 */
gboolean
aff_client_set_sector (AffClient   *self,
                       const char  *naf_code,
                       GError     **error)
{
  g_return_val_if_fail (AFF_IS_CLIENT (self), FALSE);

  return set_checked (self, &self->sector, naf_code, _aff_naf_is_valid, PROP_SECTOR,
                      _("a NAF code written like 28.29B"), error);
}

/**
 * aff_client_get_address:
 * @self: a client
 *
 * Gets the postal address.
 *
 * Returns: (nullable): the postal address
 */
const char *
aff_client_get_address (AffClient *self)
{
  g_return_val_if_fail (AFF_IS_CLIENT (self), NULL);
  return self->address;
}

/**
 * aff_client_set_address:
 * @self: a client
 * @address: (nullable): the postal address
 *
 * Sets the postal address.
 */
void
aff_client_set_address (AffClient  *self,
                        const char *address)
{
  g_return_if_fail (AFF_IS_CLIENT (self));
  replace_string (self, &self->address, address, PROP_ADDRESS);
}

/**
 * aff_client_get_follow_up_days:
 * @self: a client
 *
 * Gets days between two contacts, or 0 for the policy's cadence.
 *
 * Returns: days between two contacts, or 0 for the policy's cadence
 */
guint
aff_client_get_follow_up_days (AffClient *self)
{
  g_return_val_if_fail (AFF_IS_CLIENT (self), 0);
  return self->follow_up_days;
}

/**
 * aff_client_set_follow_up_days:
 * @self: a client
 * @days: days between two contacts (at most 36500), or 0 for the policy's
 *   cadence
 *
 * Sets the expected contact cadence of this client.
 */
void
aff_client_set_follow_up_days (AffClient *self,
                               guint      days)
{
  g_return_if_fail (AFF_IS_CLIENT (self));
  g_return_if_fail (days <= 36500);

  if (self->follow_up_days == days)
    return;
  self->follow_up_days = days;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_FOLLOW_UP_DAYS]);
}

/**
 * aff_client_get_parent_id:
 * @self: a client
 *
 * Gets the id of the parent company.
 *
 * Returns: (nullable): the id of the parent company
 */
const char *
aff_client_get_parent_id (AffClient *self)
{
  g_return_val_if_fail (AFF_IS_CLIENT (self), NULL);
  return self->parent_id;
}

void
_aff_client_set_parent_id (AffClient  *self,
                           const char *parent_id)
{
  if (replace_string (self, &self->parent_id, parent_id, PROP_PARENT_ID))
    {
      JsonObject *details = json_object_new ();

      if (parent_id != NULL)
        json_object_set_string_member (details, "parent", parent_id);
      else
        json_object_set_null_member (details, "parent");
      _aff_track_record (&self->track, "parent-changed", details);
    }
}

/**
 * aff_client_get_status:
 * @self: a client
 *
 * Gets where the client stands now.
 *
 * Returns: where the client stands now
 */
AffClientStatus
aff_client_get_status (AffClient *self)
{
  g_return_val_if_fail (AFF_IS_CLIENT (self), AFF_CLIENT_STATUS_PROSPECT);
  return self->status;
}

/**
 * aff_client_change_status:
 * @self: a client
 * @status: the new status
 * @date: the day of the change (a prospect's first order, the last contract's end…)
 * @reason: (nullable): why, in words
 * @error: return location for a #GError
 *
 * Changes the client's status at a date and journals it. Changes are kept in
 * date order, so a change dated before the latest one is refused.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_INVALID_TRANSITION (the
 *   client already has @status) or %AFF_ERROR_INVALID_VALUE (invalid or
 *   out-of-order date) set and nothing changed otherwise
 */
gboolean
aff_client_change_status (AffClient        *self,
                          AffClientStatus   status,
                          const GDate      *date,
                          const char       *reason,
                          GError          **error)
{
  g_autofree char *subject = NULL;
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  subject = g_strdup_printf (_("client %s"), self->id);
  if (!_aff_history_check_date (&self->history, date, subject, error))
    return FALSE;
  if (status == self->status)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                        _("client %s is already %s"), self->id,
                        aff_enum_to_nick (AFF_TYPE_CLIENT_STATUS, status)), FALSE;

  details = _aff_history_append (&self->history, date, self->status, status, reason);
  self->status = status;
  _aff_track_record (&self->track, "status-changed", details);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_STATUS]);
  return TRUE;
}

/**
 * aff_client_get_status_at:
 * @self: a client
 * @date: a day
 *
 * Reads the status history: the status set by the last change dated on or
 * before @date, or the status the client had before its first change.
 *
 * Returns: the client's status on @date
 */
AffClientStatus
aff_client_get_status_at (AffClient   *self,
                          const GDate *date)
{
  g_return_val_if_fail (AFF_IS_CLIENT (self), AFF_CLIENT_STATUS_PROSPECT);
  g_return_val_if_fail (date != NULL && g_date_valid (date), self->status);

  return _aff_history_state_at (&self->history, date, self->initial_status);
}

AffClientStatus
_aff_client_get_initial_status (AffClient *self)
{
  return self->initial_status;
}

AffHistory *
_aff_client_get_status_history (AffClient *self)
{
  return &self->history;
}

/**
 * aff_client_add_contact:
 * @self: a client
 * @contact: a contact
 * @error: return location for a #GError
 *
 * Adds a person to the client's contacts.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_DUPLICATE_ID (a contact
 *   of that name exists) or %AFF_ERROR_INVALID_VALUE (empty name, malformed
 *   e-mail address) set otherwise
 */
gboolean
aff_client_add_contact (AffClient   *self,
                        AffContact  *contact,
                        GError     **error)
{
  const char *name, *email;
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (AFF_IS_CONTACT (contact), FALSE);

  name = aff_contact_get_name (contact);
  email = aff_contact_get_email (contact);
  if (*name == '\0')
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("client %s: a contact needs a name"), self->id), FALSE;
  if (aff_client_lookup_contact (self, name) != NULL)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_DUPLICATE_ID,
                        _("client %s already has a contact named “%s”"), self->id, name), FALSE;
  if (email != NULL && !_aff_email_is_valid (email))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("client %s, contact “%s”: “%s” is not an e-mail address"),
                        self->id, name, email), FALSE;

  g_list_store_append (self->contacts, contact);
  details = json_object_new ();
  json_object_set_string_member (details, "contact", name);
  if (aff_contact_get_role (contact) != NULL)
    json_object_set_string_member (details, "role", aff_contact_get_role (contact));
  _aff_track_record (&self->track, "contact-added", details);
  _aff_contact_attach (contact, self->track.journal, self->id);
  return TRUE;
}

/**
 * aff_client_get_contacts:
 * @self: a client
 *
 * Gets a list model of [class@Aff.Contact], in the order they were added.
 *
 * Returns: (transfer none): a list model of [class@Aff.Contact], in the
 *   order they were added
 */
GListModel *
aff_client_get_contacts (AffClient *self)
{
  g_return_val_if_fail (AFF_IS_CLIENT (self), NULL);
  return G_LIST_MODEL (self->contacts);
}

/**
 * aff_client_lookup_contact:
 * @self: a client
 * @name: a contact's name
 *
 * Gets the contact named @name, or %NULL.
 *
 * Returns: (transfer none) (nullable): the contact named @name, or %NULL
 */
AffContact *
aff_client_lookup_contact (AffClient  *self,
                           const char *name)
{
  guint i, n;

  g_return_val_if_fail (AFF_IS_CLIENT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->contacts));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffContact) contact = g_list_model_get_item (G_LIST_MODEL (self->contacts), i);

      if (strcmp (aff_contact_get_name (contact), name) == 0)
        return contact;   /* the store keeps it alive */
    }
  return NULL;
}

/**
 * aff_client_get_interactions:
 * @self: a client
 *
 * Gets a list model of [class@Aff.Interaction], by date (interactions of the
 * same day in the order they were recorded).
 *
 * Returns: (transfer none): a list model of [class@Aff.Interaction], by date
 *   (interactions of the same day in the order they were recorded)
 */
GListModel *
aff_client_get_interactions (AffClient *self)
{
  g_return_val_if_fail (AFF_IS_CLIENT (self), NULL);
  return G_LIST_MODEL (self->interactions);
}

gboolean
_aff_client_contacted_between (AffClient   *self,
                               const GDate *from,
                               const GDate *to)
{
  guint i, n = g_list_model_get_n_items (G_LIST_MODEL (self->interactions));

  for (i = 0; i < n; i++)
    {
      g_autoptr(AffInteraction) interaction = g_list_model_get_item (G_LIST_MODEL (self->interactions), i);
      const GDate *day = aff_interaction_get_date (interaction);

      if (g_date_compare (day, from) >= 0 && g_date_compare (day, to) <= 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * aff_client_get_last_interaction:
 * @self: a client
 *
 * Gets the latest interaction (by date, then recording order), or %NULL when
 * there is none.
 *
 * Returns: (transfer none) (nullable): the latest interaction (by date, then
 *   recording order), or %NULL when there is none
 */
AffInteraction *
aff_client_get_last_interaction (AffClient *self)
{
  guint n;
  g_autoptr(AffInteraction) last = NULL;

  g_return_val_if_fail (AFF_IS_CLIENT (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->interactions));
  if (n == 0)
    return NULL;
  last = g_list_model_get_item (G_LIST_MODEL (self->interactions), n - 1);
  return last;   /* the store keeps it alive */
}

static void
insert_by_date (AffClient      *self,
                AffInteraction *interaction)
{
  const GDate *date = aff_interaction_get_date (interaction);
  guint position = g_list_model_get_n_items (G_LIST_MODEL (self->interactions));

  /* Most interactions are recorded in order: scan back from the end. */
  while (position > 0)
    {
      g_autoptr(AffInteraction) before = g_list_model_get_item (G_LIST_MODEL (self->interactions),
                                                                position - 1);

      if (g_date_compare (aff_interaction_get_date (before), date) <= 0)
        break;
      position--;
    }
  g_list_store_insert (self->interactions, position, interaction);
}

static gboolean
has_interaction_id (AffClient  *self,
                    const char *id)
{
  guint i, n = g_list_model_get_n_items (G_LIST_MODEL (self->interactions));

  for (i = 0; i < n; i++)
    {
      g_autoptr(AffInteraction) other = g_list_model_get_item (G_LIST_MODEL (self->interactions), i);

      if (g_strcmp0 (aff_interaction_get_id (other), id) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
_aff_client_add_interaction (AffClient       *self,
                             AffInteraction  *interaction,
                             GHashTable      *taken_ids,
                             GError         **error)
{
  const char *contact = aff_interaction_get_contact (interaction);
  g_autofree char *id = NULL;
  guint n;

  if (_aff_interaction_is_recorded (interaction))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("interaction %s is already recorded"),
                        aff_interaction_get_id (interaction)), FALSE;
  if (contact != NULL && aff_client_lookup_contact (self, contact) == NULL)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND,
                        _("client %s has no contact named “%s”"), self->id, contact), FALSE;

  for (n = g_list_model_get_n_items (G_LIST_MODEL (self->interactions)) + 1; ; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", self->id, n);
      if (!has_interaction_id (self, id) &&
          (taken_ids == NULL || !g_hash_table_contains (taken_ids, id)))
        break;
    }
  _aff_interaction_set_recorded (interaction, id);
  insert_by_date (self, interaction);
  _aff_track_record (&self->track, "interaction-recorded", _aff_interaction_describe (interaction));
  _aff_interaction_attach (interaction, self->track.journal, self->id);
  return TRUE;
}

static void
insert_solvency (AffClient   *self,
                 AffSolvency *assessment)
{
  const GDate *date = aff_solvency_get_date (assessment);
  guint position = g_list_model_get_n_items (G_LIST_MODEL (self->solvencies));

  while (position > 0)
    {
      g_autoptr(AffSolvency) before = g_list_model_get_item (G_LIST_MODEL (self->solvencies), position - 1);

      if (g_date_compare (aff_solvency_get_date (before), date) <= 0)
        break;
      position--;
    }
  g_list_store_insert (self->solvencies, position, assessment);
}

/**
 * aff_client_add_solvency:
 * @self: a client
 * @assessment: an assessment not yet added to a client
 * @error: return location for a #GError
 *
 * Records a solvency assessment of the client, made with the finance
 * department, and journals it. An assessment whose model is
 * %AFF_ALTMAN_MODEL_AUTO gets the model of the client's sector. From then on
 * the assessment is a record: its figures no longer change.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_INVALID_VALUE set when
 *   the model cannot be chosen (no sector) or the assessment was already added
 */
gboolean
aff_client_add_solvency (AffClient    *self,
                         AffSolvency  *assessment,
                         GError      **error)
{
  g_return_val_if_fail (AFF_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (AFF_IS_SOLVENCY (assessment), FALSE);

  if (g_object_get_data (G_OBJECT (assessment), "aff-client") != NULL)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("client %s: this solvency assessment was already added to a client"),
                        self->id), FALSE;
  if (!_aff_solvency_resolve_model (assessment, self->id, self->sector, error))
    return FALSE;
  _aff_solvency_freeze (assessment);
  g_object_set_data (G_OBJECT (assessment), "aff-client", self);
  insert_solvency (self, assessment);
  _aff_track_record (&self->track, "solvency-added", _aff_solvency_describe (assessment));
  return TRUE;
}

/**
 * aff_client_get_solvencies:
 * @self: a client
 *
 * Gets the client's solvency assessments.
 *
 * Returns: (transfer none): a list model of [class@Aff.Solvency], by date
 */
GListModel *
aff_client_get_solvencies (AffClient *self)
{
  g_return_val_if_fail (AFF_IS_CLIENT (self), NULL);
  return G_LIST_MODEL (self->solvencies);
}

/**
 * aff_client_get_current_solvency:
 * @self: a client
 * @date: the day of the question
 *
 * The assessment in force at @date: the latest one made on or before it.
 * Whether it is still recent enough is [method@Aff.Solvency.is_stale]'s
 * question.
 *
 * Returns: (transfer none) (nullable): the assessment, or %NULL when none was
 *   made by then
 */
AffSolvency *
aff_client_get_current_solvency (AffClient   *self,
                                 const GDate *date)
{
  guint n;

  g_return_val_if_fail (AFF_IS_CLIENT (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  for (n = g_list_model_get_n_items (G_LIST_MODEL (self->solvencies)); n > 0; n--)
    {
      g_autoptr(AffSolvency) assessment = g_list_model_get_item (G_LIST_MODEL (self->solvencies), n - 1);

      if (g_date_compare (aff_solvency_get_date (assessment), date) <= 0)
        return assessment;   /* the store keeps it alive */
    }
  return NULL;
}

/**
 * aff_client_get_satisfaction_average:
 * @self: a client
 *
 * The mean of the satisfaction scores of the client's interactions.
 *
 * Returns: the mean score from 0 to 10, or -1 when no score was measured
 */
double
aff_client_get_satisfaction_average (AffClient *self)
{
  guint i, n, count = 0;
  double sum = 0;

  g_return_val_if_fail (AFF_IS_CLIENT (self), -1);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->interactions));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffInteraction) interaction = g_list_model_get_item (G_LIST_MODEL (self->interactions), i);
      int score = aff_interaction_get_satisfaction (interaction);

      if (score >= 0)
        {
          sum += score;
          count++;
        }
    }
  return count ? sum / count : -1;
}

/**
 * aff_client_get_satisfaction_trend:
 * @self: a client
 *
 * How satisfaction moves: the least-squares slope of the scores against their
 * dates, in points per 365 days. Positive means improving.
 *
 * Returns: the slope, or 0 with fewer than two scores or all on one day
 */
double
aff_client_get_satisfaction_trend (AffClient *self)
{
  double sx = 0, sy = 0, sxx = 0, sxy = 0, denominator;
  guint i, n, count = 0;
  double origin = 0;

  g_return_val_if_fail (AFF_IS_CLIENT (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->interactions));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffInteraction) interaction = g_list_model_get_item (G_LIST_MODEL (self->interactions), i);
      int score = aff_interaction_get_satisfaction (interaction);
      double x;

      if (score < 0)
        continue;
      /* Centre on the first day to keep the sums small and exact. */
      x = g_date_get_julian (aff_interaction_get_date (interaction));
      if (count == 0)
        origin = x;
      x -= origin;
      sx += x;
      sy += score;
      sxx += x * x;
      sxy += x * score;
      count++;
    }
  if (count < 2)
    return 0;
  denominator = count * sxx - sx * sx;
  if (denominator == 0)
    return 0;
  return (count * sxy - sx * sy) / denominator * 365.0;
}

gboolean
_aff_client_get_follow_up_date (AffClient *self,
                                guint      cadence_days,
                                GDate     *date)
{
  AffInteraction *last = aff_client_get_last_interaction (self);
  const GDate *next;

  if (last == NULL || self->status == AFF_CLIENT_STATUS_LOST)
    return FALSE;
  *date = *aff_interaction_get_date (last);
  g_date_add_days (date, cadence_days);
  next = aff_interaction_get_next_action_date (last);
  if (next != NULL && g_date_compare (next, date) < 0)
    *date = *next;
  return TRUE;
}

void
_aff_client_attach (AffClient  *self,
                    AffJournal *journal)
{
  guint i, n;

  _aff_track_attach (&self->track, journal, "client", self->id, NULL, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->contacts));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffContact) contact = g_list_model_get_item (G_LIST_MODEL (self->contacts), i);
      _aff_contact_attach (contact, journal, self->id);
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->interactions));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffInteraction) interaction = g_list_model_get_item (G_LIST_MODEL (self->interactions), i);
      _aff_interaction_attach (interaction, journal, self->id);
    }
}

static void
list_to_json (JsonBuilder *builder,
              const char  *member,
              GListModel  *model,
              void       (*to_json) (gpointer, JsonBuilder *))
{
  guint i, n = g_list_model_get_n_items (model);

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      to_json (item, builder);
    }
  json_builder_end_array (builder);
}

void
_aff_client_to_json (AffClient   *self,
                     JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  aff_json_add_string (builder, "id", self->id);
  aff_json_add_string (builder, "name", self->name);
  aff_json_add_string (builder, "siren", self->siren);
  aff_json_add_string (builder, "sector", self->sector);
  aff_json_add_string (builder, "address", self->address);
  if (self->follow_up_days != 0)
    aff_json_add_int (builder, "follow_up_days", self->follow_up_days);
  aff_json_add_string (builder, "parent_id", self->parent_id);
  aff_json_add_enum (builder, "status", AFF_TYPE_CLIENT_STATUS, self->status);
  _aff_history_to_json (&self->history, builder, "status_history");
  list_to_json (builder, "contacts", G_LIST_MODEL (self->contacts),
                (void (*) (gpointer, JsonBuilder *)) _aff_contact_to_json);
  list_to_json (builder, "interactions", G_LIST_MODEL (self->interactions),
                (void (*) (gpointer, JsonBuilder *)) _aff_interaction_to_json);
  list_to_json (builder, "solvency", G_LIST_MODEL (self->solvencies),
                (void (*) (gpointer, JsonBuilder *)) _aff_solvency_to_json);
  json_builder_end_object (builder);
}

static gboolean
status_change_allowed (int from,
                       int to)
{
  return from != to;
}

static gboolean
read_contact (AffJsonReader *reader,
              JsonNode      *element,
              guint          index,
              gpointer       data,
              GError       **error)
{
  AffClient *client = data;
  g_autoptr(AffContact) contact = _aff_contact_from_json (reader, element, error);

  if (contact == NULL)
    return FALSE;
  if (aff_client_lookup_contact (client, aff_contact_get_name (contact)) != NULL)
    return aff_json_reader_fail_at (reader, "name", error,
                                    _("expected a name no other contact of this client has"));
  g_list_store_append (client->contacts, contact);
  return TRUE;
}

static gboolean
read_interaction (AffJsonReader *reader,
                  JsonNode      *element,
                  guint          index,
                  gpointer       data,
                  GError       **error)
{
  AffClient *client = data;
  g_autoptr(AffInteraction) interaction = _aff_interaction_from_json (reader, element, error);
  g_autoptr(AffInteraction) previous = NULL;
  const char *contact;

  if (interaction == NULL)
    return FALSE;
  contact = aff_interaction_get_contact (interaction);
  if (index > 0)
    previous = g_list_model_get_item (G_LIST_MODEL (client->interactions), index - 1);
  if (contact != NULL && aff_client_lookup_contact (client, contact) == NULL)
    return aff_json_reader_fail_at (reader, "contact", error,
                                    _("expected the name of one of the client’s contacts"));
  if (previous != NULL && g_date_compare (aff_interaction_get_date (previous),
                                          aff_interaction_get_date (interaction)) > 0)
    return aff_json_reader_fail_at (reader, "date", error, _("expected interactions in date order"));
  if (has_interaction_id (client, aff_interaction_get_id (interaction)))
    return aff_json_reader_fail_at (reader, "id", error, _("expected an id no other interaction has"));
  _aff_interaction_set_recorded (interaction, aff_interaction_get_id (interaction));
  g_list_store_append (client->interactions, interaction);
  return TRUE;
}

static gboolean
read_solvency (AffJsonReader *reader,
               JsonNode      *element,
               guint          index,
               gpointer       data,
               GError       **error)
{
  AffClient *client = data;
  g_autoptr(AffSolvency) assessment = _aff_solvency_from_json (reader, element, error);
  g_autoptr(AffSolvency) previous = NULL;

  if (assessment == NULL)
    return FALSE;
  if (index > 0)
    previous = g_list_model_get_item (G_LIST_MODEL (client->solvencies), index - 1);
  if (previous != NULL && g_date_compare (aff_solvency_get_date (previous),
                                          aff_solvency_get_date (assessment)) > 0)
    return aff_json_reader_fail_at (reader, "date", error, _("expected assessments in date order"));
  g_object_set_data (G_OBJECT (assessment), "aff-client", client);
  g_list_store_append (client->solvencies, assessment);
  return TRUE;
}

AffClient *
_aff_client_from_json (AffJsonReader *reader,
                       JsonNode      *node,
                       GError       **error)
{
  static const char *const members[] = {
    "id", "name", "siren", "sector", "address", "follow_up_days", "parent_id",
    "status", "status_history", "contacts", "interactions", "solvency", NULL
  };
  g_autoptr(AffClient) client = NULL;
  g_autofree char *id = NULL, *name = NULL;
  JsonObject *object;
  gint64 follow_up_days = 0;
  int status = 0;

  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "id", TRUE, &id, error) ||
      !aff_json_get_string (reader, object, "name", TRUE, &name, error) ||
      !aff_json_get_enum (reader, object, "status", TRUE, AFF_TYPE_CLIENT_STATUS, &status, error) ||
      !aff_json_get_int (reader, object, "follow_up_days", FALSE, 0, 36500, &follow_up_days, error))
    return NULL;
  if (!_aff_id_is_valid (id))
    return aff_json_reader_fail_at (reader, "id", error,
                                    _("expected an id of 1 to 64 bytes without spaces")), NULL;
  if (*name == '\0')
    return aff_json_reader_fail_at (reader, "name", error, _("expected a non-empty name")), NULL;

  client = aff_client_new (id, name);
  client->follow_up_days = (guint) follow_up_days;
  if (!aff_json_get_string (reader, object, "siren", FALSE, &client->siren, error) ||
      !aff_json_get_string (reader, object, "sector", FALSE, &client->sector, error) ||
      !aff_json_get_string (reader, object, "address", FALSE, &client->address, error) ||
      !aff_json_get_string (reader, object, "parent_id", FALSE, &client->parent_id, error))
    return NULL;
  if (client->siren != NULL && !aff_siren_is_valid (client->siren))
    return aff_json_reader_fail_at (reader, "siren", error,
                                    _("expected 9 digits with a valid check digit")), NULL;
  if (client->sector != NULL && !_aff_naf_is_valid (client->sector))
    return aff_json_reader_fail_at (reader, "sector", error,
                                    _("expected a NAF code written like 28.29B")), NULL;

  if (!_aff_history_from_json (&client->history, reader, object, "status_history",
                               status_change_allowed, error))
    return NULL;
  if (client->history.changes->len > 0)
    {
      const AffHistoryChange *first = _aff_history_get (&client->history, 0);
      const AffHistoryChange *last = _aff_history_get (&client->history, client->history.changes->len - 1);

      client->initial_status = first->from;
      if (last->to != status)
        return aff_json_reader_fail_at (reader, "status", error,
                                        _("expected “%s”, the status the last change of status_history set"),
                                        aff_enum_to_nick (AFF_TYPE_CLIENT_STATUS, last->to)), NULL;
    }
  else
    client->initial_status = status;
  client->status = status;

  if (!aff_json_read_array (reader, object, "contacts", read_contact, client, error) ||
      !aff_json_read_array (reader, object, "interactions", read_interaction, client, error) ||
      !aff_json_read_array (reader, object, "solvency", read_solvency, client, error))
    return NULL;
  return g_steal_pointer (&client);
}
