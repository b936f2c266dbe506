/* aff-offers-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "aff-offer-line.h"
#include "aff-offer-revision.h"
#include "aff-offer.h"
#include "aff-journal-private.h"
#include "aff-client.h"

G_BEGIN_DECLS

gboolean  _aff_parse_quantity          (const char   *text,
                                        gint64       *thousandths);
char     *_aff_format_quantity         (gint64        thousandths);
gpointer  _aff_offer_line_get_revision (AffOfferLine *self);
void      _aff_offer_line_set_revision (AffOfferLine *self,
                                        gpointer      revision);
gboolean  _aff_offer_line_is_frozen    (AffOfferLine *self);
AffOfferLine *_aff_offer_line_copy     (AffOfferLine *self);

gboolean  _aff_offer_revision_approve  (AffOfferRevision *self,
                                        const char       *approver,
                                        const char       *justification,
                                        GError          **error);
AffOfferRevision *_aff_offer_revision_copy_as (AffOfferRevision *self,
                                               const char       *letter);
/* The seal of a revision as it is now: sent, it must keep it. */
char     *_aff_offer_revision_seal     (AffOfferRevision *self);
void      _aff_offer_revision_to_json  (AffOfferRevision *self,
                                        JsonBuilder      *builder);
AffOfferRevision *_aff_offer_revision_from_json (AffJsonReader *reader,
                                                 JsonNode      *node,
                                                 GError       **error);
void      _aff_offer_line_to_json      (AffOfferLine     *self,
                                        JsonBuilder      *builder);
AffOfferLine *_aff_offer_line_from_json (AffJsonReader   *reader,
                                         JsonNode        *node,
                                         GError         **error);

AffOfferReminder *_aff_offer_reminder_new (const char     *offer_id,
                                           AffReminderKind kind,
                                           const GDate    *due);
const char *_aff_offer_get_contract_reference (AffOffer *self);
void      _aff_offer_attach            (AffOffer         *self,
                                        AffClient        *client,
                                        AffConsultation  *consultation,
                                        AffPolicy        *policy,
                                        AffJournal       *journal);
void      _aff_offer_to_json           (AffOffer         *self,
                                        JsonBuilder      *builder);
AffOffer *_aff_offer_from_json         (AffJsonReader    *reader,
                                        JsonNode         *node,
                                        GError          **error);

AffClient       *_aff_offer_get_client       (AffOffer *self);
AffConsultation *_aff_offer_get_consultation (AffOffer *self);
AffPolicy       *_aff_offer_get_policy       (AffOffer *self);
void      _aff_offer_revision_set_offer (AffOfferRevision *self,
                                         AffOffer         *offer);
AffOffer *_aff_offer_revision_get_offer (AffOfferRevision *self);

G_END_DECLS
