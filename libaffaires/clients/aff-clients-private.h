/* aff-clients-private.h: what the portfolio and the loader need of clients
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "aff-client.h"
#include "aff-solvency.h"
#include "aff-journal-private.h"
#include "aff-history-private.h"

G_BEGIN_DECLS

/* Contacts */
void            _aff_contact_attach    (AffContact    *self,
                                        AffJournal    *journal,
                                        const char    *client_id);
void            _aff_contact_to_json   (AffContact    *self,
                                        JsonBuilder   *builder);
AffContact     *_aff_contact_from_json (AffJsonReader *reader,
                                        JsonNode      *node,
                                        GError       **error);
gboolean        _aff_email_is_valid    (const char    *email);

/* Interactions */
void            _aff_interaction_attach    (AffInteraction *self,
                                            AffJournal     *journal,
                                            const char     *client_id);
gboolean        _aff_interaction_is_recorded (AffInteraction *self);
void            _aff_interaction_set_recorded (AffInteraction *self,
                                               const char     *id);
JsonObject     *_aff_interaction_describe  (AffInteraction *self);
void            _aff_interaction_to_json   (AffInteraction *self,
                                            JsonBuilder    *builder);
AffInteraction *_aff_interaction_from_json (AffJsonReader  *reader,
                                            JsonNode       *node,
                                            GError        **error);

/* Solvency */
gboolean        _aff_naf_is_valid             (const char    *code);
gboolean        _aff_solvency_resolve_model   (AffSolvency   *self,
                                               const char    *client_id,
                                               const char    *sector,
                                               GError       **error);
void            _aff_solvency_freeze          (AffSolvency   *self);
JsonObject     *_aff_solvency_describe        (AffSolvency   *self);
void            _aff_solvency_to_json         (AffSolvency   *self,
                                               JsonBuilder   *builder);
AffSolvency    *_aff_solvency_from_json       (AffJsonReader *reader,
                                               JsonNode      *node,
                                               GError       **error);

/* Clients */
void            _aff_client_attach         (AffClient      *self,
                                            AffJournal     *journal);
void            _aff_client_set_parent_id  (AffClient      *self,
                                            const char     *parent_id);
gboolean        _aff_client_add_interaction (AffClient     *self,
                                             AffInteraction *interaction,
                                             GHashTable    *taken_ids,
                                             GError       **error);
AffClientStatus _aff_client_get_initial_status (AffClient  *self);
AffHistory     *_aff_client_get_status_history (AffClient  *self);
gboolean        _aff_client_get_follow_up_date (AffClient  *self,
                                                guint       cadence_days,
                                                GDate      *date);
/* Whether an interaction with the client falls from @from to @to, both
 * included: a reminder due is followed up by any contact after it. */
gboolean        _aff_client_contacted_between (AffClient   *self,
                                               const GDate *from,
                                               const GDate *to);
void            _aff_client_to_json        (AffClient      *self,
                                            JsonBuilder    *builder);
AffClient      *_aff_client_from_json      (AffJsonReader  *reader,
                                            JsonNode       *node,
                                            GError        **error);

G_END_DECLS
