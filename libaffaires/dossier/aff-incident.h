/* aff-incident.h: an event of an affair as the client sees it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <glib-object.h>

#include "aff-version-macros.h"

G_BEGIN_DECLS

#define AFF_TYPE_INCIDENT (aff_incident_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffIncident, aff_incident, AFF, INCIDENT, GObject)

AFF_AVAILABLE_IN_ALL
AffIncident  *aff_incident_new                (const char   *id,
                                                const GDate  *date,
                                                const char   *description) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
const char   *aff_incident_get_id             (AffIncident  *self);
AFF_AVAILABLE_IN_ALL
const GDate  *aff_incident_get_date           (AffIncident  *self);
AFF_AVAILABLE_IN_ALL
const char   *aff_incident_get_description    (AffIncident  *self);
AFF_AVAILABLE_IN_ALL
const char   *aff_incident_get_client_impact  (AffIncident  *self);
AFF_AVAILABLE_IN_ALL
void          aff_incident_set_client_impact  (AffIncident  *self,
                                               const char   *impact);
AFF_AVAILABLE_IN_ALL
const GDate  *aff_incident_get_client_informed (AffIncident *self,
                                                const char **how);
AFF_AVAILABLE_IN_ALL
void          aff_incident_set_client_informed (AffIncident *self,
                                                const GDate *date,
                                                const char  *how);
AFF_AVAILABLE_IN_ALL
const char   *aff_incident_get_hazard_id      (AffIncident  *self);
AFF_AVAILABLE_IN_ALL
void          aff_incident_set_hazard_id      (AffIncident  *self,
                                               const char   *hazard_id);
AFF_AVAILABLE_IN_ALL
const char   *aff_incident_get_remedy         (AffIncident  *self);
AFF_AVAILABLE_IN_ALL
const GDate  *aff_incident_get_closed_date    (AffIncident  *self);
AFF_AVAILABLE_IN_ALL
gboolean      aff_incident_is_open_on         (AffIncident  *self,
                                               const GDate  *date);

G_END_DECLS
