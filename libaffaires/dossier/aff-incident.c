/* aff-incident.c: an event of an affair as the client sees it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-enum-types.h"
#include "aff-dossier-private.h"

/**
 * AffIncident:
 *
 * A hazard or event seen from the client's side: what happened, its impact
 * on the client, when and how the client was told, the remedy and the
 * closure, and the planning hazard behind it when there is one. Open
 * incidents go into every report.
 *
 * An incident is prepared with its setters, added to the dossier
 * ([method@Aff.Dossier.add_incident]) and closed there
 * ([method@Aff.Dossier.close_incident]).
 */

G_DEFINE_FINAL_TYPE (AffIncident, aff_incident, G_TYPE_OBJECT)

static void
aff_incident_finalize (GObject *object)
{
  AffIncident *self = AFF_INCIDENT (object);

  g_free (self->id);
  g_free (self->description);
  g_free (self->client_impact);
  g_free (self->informed_how);
  g_free (self->hazard_id);
  g_free (self->remedy);
  G_OBJECT_CLASS (aff_incident_parent_class)->finalize (object);
}

static void
aff_incident_class_init (AffIncidentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aff_incident_finalize;
}

static void
aff_incident_init (AffIncident *self)
{
  g_date_clear (&self->date, 1);
  g_date_clear (&self->informed, 1);
  g_date_clear (&self->closed, 1);
}

/**
 * aff_incident_new:
 * @id: the incident's id, unique in its dossier
 * @date: the day it happened
 * @description: what happened
 *
 * Creates an open incident.
 *
 * Returns: (transfer full): a new incident
 */
AffIncident *
aff_incident_new (const char  *id,
                  const GDate *date,
                  const char  *description)
{
  AffIncident *self;

  g_return_val_if_fail (id != NULL && description != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  self = g_object_new (AFF_TYPE_INCIDENT, NULL);
  self->id = g_strdup (id);
  self->date = *date;
  self->description = g_strdup (description);
  return self;
}

/**
 * aff_incident_get_id:
 * @self: an incident
 *
 * Gets the incident's id.
 *
 * Returns: the id
 */
const char *
aff_incident_get_id (AffIncident *self)
{
  g_return_val_if_fail (AFF_IS_INCIDENT (self), NULL);
  return self->id;
}

/**
 * aff_incident_get_date:
 * @self: an incident
 *
 * Gets the day it happened.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_incident_get_date (AffIncident *self)
{
  g_return_val_if_fail (AFF_IS_INCIDENT (self), NULL);
  return &self->date;
}

/**
 * aff_incident_get_description:
 * @self: an incident
 *
 * Gets what happened.
 *
 * Returns: the description
 */
const char *
aff_incident_get_description (AffIncident *self)
{
  g_return_val_if_fail (AFF_IS_INCIDENT (self), NULL);
  return self->description;
}

/**
 * aff_incident_get_client_impact:
 * @self: an incident
 *
 * Gets what the incident does to the client.
 *
 * Returns: (nullable): the impact
 */
const char *
aff_incident_get_client_impact (AffIncident *self)
{
  g_return_val_if_fail (AFF_IS_INCIDENT (self), NULL);
  return self->client_impact;
}

/**
 * aff_incident_set_client_impact:
 * @self: an incident not yet in a dossier
 * @impact: (nullable): what it does to the client
 *
 * Sets what the incident does to the client.
 */
void
aff_incident_set_client_impact (AffIncident *self,
                                const char  *impact)
{
  g_return_if_fail (AFF_IS_INCIDENT (self));
  g_return_if_fail (!self->recorded);
  g_free (self->client_impact);
  self->client_impact = g_strdup (impact);
}

/**
 * aff_incident_get_client_informed:
 * @self: an incident
 * @how: (out) (optional) (nullable) (transfer none): where to store how the
 *   client was told
 *
 * Gets when the client was told.
 *
 * Returns: (transfer none) (nullable): the day, %NULL while not told
 */
const GDate *
aff_incident_get_client_informed (AffIncident  *self,
                                  const char  **how)
{
  g_return_val_if_fail (AFF_IS_INCIDENT (self), NULL);
  if (how != NULL)
    *how = self->informed_how;
  return g_date_valid (&self->informed) ? &self->informed : NULL;
}

/**
 * aff_incident_set_client_informed:
 * @self: an incident not yet in a dossier
 * @date: the day the client was told, no earlier than the incident
 * @how: how: a call, a letter, at a meeting
 *
 * Sets when and how the client was told.
 */
void
aff_incident_set_client_informed (AffIncident *self,
                                  const GDate *date,
                                  const char  *how)
{
  g_return_if_fail (AFF_IS_INCIDENT (self));
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (how != NULL);
  g_return_if_fail (!self->recorded);
  self->informed = *date;
  g_free (self->informed_how);
  self->informed_how = g_strdup (how);
}

/**
 * aff_incident_get_hazard_id:
 * @self: an incident
 *
 * Gets the planning hazard behind the incident.
 *
 * Returns: (nullable): the hazard's id
 */
const char *
aff_incident_get_hazard_id (AffIncident *self)
{
  g_return_val_if_fail (AFF_IS_INCIDENT (self), NULL);
  return self->hazard_id;
}

/**
 * aff_incident_set_hazard_id:
 * @self: an incident not yet in a dossier
 * @hazard_id: (nullable): a hazard of the affair's plan
 *
 * Links the incident to the planning hazard behind it.
 */
void
aff_incident_set_hazard_id (AffIncident *self,
                            const char  *hazard_id)
{
  g_return_if_fail (AFF_IS_INCIDENT (self));
  g_return_if_fail (!self->recorded);
  g_free (self->hazard_id);
  self->hazard_id = g_strdup (hazard_id);
}

/**
 * aff_incident_get_remedy:
 * @self: an incident
 *
 * Gets the remedy recorded when the incident was closed.
 *
 * Returns: (nullable): the remedy
 */
const char *
aff_incident_get_remedy (AffIncident *self)
{
  g_return_val_if_fail (AFF_IS_INCIDENT (self), NULL);
  return self->remedy;
}

/**
 * aff_incident_get_closed_date:
 * @self: an incident
 *
 * Gets the day the incident was closed.
 *
 * Returns: (transfer none) (nullable): the day, %NULL while open
 */
const GDate *
aff_incident_get_closed_date (AffIncident *self)
{
  g_return_val_if_fail (AFF_IS_INCIDENT (self), NULL);
  return g_date_valid (&self->closed) ? &self->closed : NULL;
}

/**
 * aff_incident_is_open_on:
 * @self: an incident
 * @date: a day
 *
 * Tells whether the incident was open on @date: it had happened, and was
 * not yet closed.
 *
 * Returns: %TRUE if open on @date
 */
gboolean
aff_incident_is_open_on (AffIncident *self,
                         const GDate *date)
{
  g_return_val_if_fail (AFF_IS_INCIDENT (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return g_date_compare (&self->date, date) <= 0 &&
         (!g_date_valid (&self->closed) || g_date_compare (&self->closed, date) > 0);
}

void
_aff_incident_to_json (AffIncident *self,
                       JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  aff_json_add_string (builder, "id", self->id);
  aff_json_add_date (builder, "date", &self->date);
  aff_json_add_string (builder, "description", self->description);
  aff_json_add_string (builder, "client_impact", self->client_impact);
  aff_json_add_date (builder, "informed", &self->informed);
  aff_json_add_string (builder, "informed_how", self->informed_how);
  aff_json_add_string (builder, "hazard", self->hazard_id);
  aff_json_add_string (builder, "remedy", self->remedy);
  aff_json_add_date (builder, "closed", &self->closed);
  json_builder_end_object (builder);
}

AffIncident *
_aff_incident_from_json (AffJsonReader *reader,
                         JsonNode      *node,
                         GError       **error)
{
  static const char *const members[] = { "id", "date", "description", "client_impact", "informed", "informed_how",
                                         "hazard", "remedy", "closed", NULL };
  g_autoptr(AffIncident) self = g_object_new (AFF_TYPE_INCIDENT, NULL);
  JsonObject *object;

  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "id", TRUE, &self->id, error) ||
      !aff_json_get_date (reader, object, "date", TRUE, &self->date, error) ||
      !aff_json_get_string (reader, object, "description", TRUE, &self->description, error) ||
      !aff_json_get_string (reader, object, "client_impact", FALSE, &self->client_impact, error) ||
      !aff_json_get_date (reader, object, "informed", FALSE, &self->informed, error) ||
      !aff_json_get_string (reader, object, "informed_how", g_date_valid (&self->informed), &self->informed_how,
                            error) ||
      !aff_json_get_string (reader, object, "hazard", FALSE, &self->hazard_id, error) ||
      !aff_json_get_string (reader, object, "remedy", FALSE, &self->remedy, error) ||
      !aff_json_get_date (reader, object, "closed", FALSE, &self->closed, error))
    return NULL;
  if (!_aff_id_is_valid (self->id))
    return aff_json_reader_fail_at (reader, "id", error, _("expected an id of 1 to 64 bytes without spaces")), NULL;
  if (*self->description == '\0')
    return aff_json_reader_fail_at (reader, "description", error, _("expected what happened")), NULL;
  if (g_date_valid (&self->closed) && (self->remedy == NULL || *self->remedy == '\0'))
    return aff_json_reader_fail_at (reader, "remedy", error, _("expected the remedy of a closed incident")), NULL;
  if (self->informed_how != NULL && !g_date_valid (&self->informed))
    return aff_json_reader_fail_at (reader, "informed_how", error, _("expected only with “informed”")), NULL;
  if (g_date_valid (&self->informed) && g_date_compare (&self->informed, &self->date) < 0)
    return aff_json_reader_fail_at (reader, "informed", error, _("expected a day no earlier than “date”")), NULL;
  if (g_date_valid (&self->closed) && g_date_compare (&self->closed, &self->date) < 0)
    return aff_json_reader_fail_at (reader, "closed", error, _("expected a day no earlier than “date”")), NULL;
  if (self->remedy != NULL && !g_date_valid (&self->closed))
    return aff_json_reader_fail_at (reader, "remedy", error, _("expected only once the incident is closed")), NULL;
  self->recorded = TRUE;
  return g_steal_pointer (&self);
}
