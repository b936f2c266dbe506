/* aff-client.h: a client or prospect of the portfolio
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <gio/gio.h>

#include "aff-version-macros.h"
#include "aff-contact.h"
#include "aff-interaction.h"
#include "aff-solvency.h"

G_BEGIN_DECLS

/**
 * AffClientStatus:
 * @AFF_CLIENT_STATUS_PROSPECT: a company being prospected, not yet a client
 * @AFF_CLIENT_STATUS_ACTIVE: a client with current or recent business
 * @AFF_CLIENT_STATUS_DORMANT: a former client with no current business, to reactivate
 * @AFF_CLIENT_STATUS_LOST: a client or prospect given up or gone to a competitor
 *
 * Where a client stands in the portfolio.
 */
typedef enum {
  AFF_CLIENT_STATUS_PROSPECT,
  AFF_CLIENT_STATUS_ACTIVE,
  AFF_CLIENT_STATUS_DORMANT,
  AFF_CLIENT_STATUS_LOST,
} AffClientStatus;

#define AFF_TYPE_CLIENT (aff_client_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffClient, aff_client, AFF, CLIENT, GObject)

AFF_AVAILABLE_IN_ALL
AffClient      *aff_client_new                   (const char      *id,
                                                  const char      *name) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
const char     *aff_client_get_id                (AffClient       *self);
AFF_AVAILABLE_IN_ALL
const char     *aff_client_get_name              (AffClient       *self);
AFF_AVAILABLE_IN_ALL
void            aff_client_set_name              (AffClient       *self,
                                                  const char      *name);
AFF_AVAILABLE_IN_ALL
const char     *aff_client_get_siren             (AffClient       *self);
AFF_AVAILABLE_IN_ALL
gboolean        aff_client_set_siren             (AffClient       *self,
                                                  const char      *siren,
                                                  GError         **error);
AFF_AVAILABLE_IN_ALL
const char     *aff_client_get_sector            (AffClient       *self);
AFF_AVAILABLE_IN_ALL
gboolean        aff_client_set_sector            (AffClient       *self,
                                                  const char      *naf_code,
                                                  GError         **error);
AFF_AVAILABLE_IN_ALL
const char     *aff_client_get_address           (AffClient       *self);
AFF_AVAILABLE_IN_ALL
void            aff_client_set_address           (AffClient       *self,
                                                  const char      *address);
AFF_AVAILABLE_IN_ALL
guint           aff_client_get_follow_up_days    (AffClient       *self);
AFF_AVAILABLE_IN_ALL
void            aff_client_set_follow_up_days    (AffClient       *self,
                                                  guint            days);
AFF_AVAILABLE_IN_ALL
const char     *aff_client_get_parent_id         (AffClient       *self);

AFF_AVAILABLE_IN_ALL
AffClientStatus aff_client_get_status            (AffClient       *self);
AFF_AVAILABLE_IN_ALL
gboolean        aff_client_change_status         (AffClient       *self,
                                                  AffClientStatus  status,
                                                  const GDate     *date,
                                                  const char      *reason,
                                                  GError         **error);
AFF_AVAILABLE_IN_ALL
AffClientStatus aff_client_get_status_at         (AffClient       *self,
                                                  const GDate     *date);

AFF_AVAILABLE_IN_ALL
gboolean        aff_client_add_contact           (AffClient       *self,
                                                  AffContact      *contact,
                                                  GError         **error);
AFF_AVAILABLE_IN_ALL
GListModel     *aff_client_get_contacts          (AffClient       *self);
AFF_AVAILABLE_IN_ALL
AffContact     *aff_client_lookup_contact        (AffClient       *self,
                                                  const char      *name);

AFF_AVAILABLE_IN_ALL
GListModel     *aff_client_get_interactions      (AffClient       *self);
AFF_AVAILABLE_IN_ALL
AffInteraction *aff_client_get_last_interaction  (AffClient       *self);
AFF_AVAILABLE_IN_ALL
double          aff_client_get_satisfaction_average (AffClient    *self);
AFF_AVAILABLE_IN_ALL
double          aff_client_get_satisfaction_trend   (AffClient    *self);

AFF_AVAILABLE_IN_ALL
gboolean        aff_client_add_solvency          (AffClient       *self,
                                                  AffSolvency     *assessment,
                                                  GError         **error);
AFF_AVAILABLE_IN_ALL
GListModel     *aff_client_get_solvencies        (AffClient       *self);
AFF_AVAILABLE_IN_ALL
AffSolvency    *aff_client_get_current_solvency  (AffClient       *self,
                                                  const GDate     *date);

AFF_AVAILABLE_IN_ALL
gboolean        aff_siren_is_valid               (const char      *siren);

G_END_DECLS
