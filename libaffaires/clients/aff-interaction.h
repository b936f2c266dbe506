/* aff-interaction.h: one commercial action with a client
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

/**
 * AffInteractionKind:
 * @AFF_INTERACTION_KIND_CALL: a telephone call
 * @AFF_INTERACTION_KIND_VISIT: a visit to the client's site
 * @AFF_INTERACTION_KIND_EMAIL: an e-mail exchange
 * @AFF_INTERACTION_KIND_MEETING: a meeting (on the company's premises or remote)
 * @AFF_INTERACTION_KIND_SURVEY: a satisfaction survey; carries a satisfaction score
 * @AFF_INTERACTION_KIND_TRADE_SHOW: a meeting at a trade show
 * @AFF_INTERACTION_KIND_WATCH: commercial watch (veille): something learnt
 *   about the client without contact, such as a tender notice or a project
 *
 * The kind of a commercial action.
 */
typedef enum {
  AFF_INTERACTION_KIND_CALL,
  AFF_INTERACTION_KIND_VISIT,
  AFF_INTERACTION_KIND_EMAIL,
  AFF_INTERACTION_KIND_MEETING,
  AFF_INTERACTION_KIND_SURVEY,
  AFF_INTERACTION_KIND_TRADE_SHOW,
  AFF_INTERACTION_KIND_WATCH,
} AffInteractionKind;

/**
 * AFF_SATISFACTION_NONE:
 *
 * The satisfaction of an interaction that measured none.
 */
#define AFF_SATISFACTION_NONE (-1)

#define AFF_TYPE_INTERACTION (aff_interaction_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffInteraction, aff_interaction, AFF, INTERACTION, GObject)

AFF_AVAILABLE_IN_ALL
AffInteraction     *aff_interaction_new                  (AffInteractionKind  kind,
                                                          const GDate        *date,
                                                          const char         *summary) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
const char         *aff_interaction_get_id               (AffInteraction *self);
AFF_AVAILABLE_IN_ALL
AffInteractionKind  aff_interaction_get_kind             (AffInteraction *self);
AFF_AVAILABLE_IN_ALL
const GDate        *aff_interaction_get_date             (AffInteraction *self);
AFF_AVAILABLE_IN_ALL
const char         *aff_interaction_get_summary          (AffInteraction *self);
AFF_AVAILABLE_IN_ALL
void                aff_interaction_set_summary          (AffInteraction *self,
                                                          const char     *summary);
AFF_AVAILABLE_IN_ALL
const char         *aff_interaction_get_contact          (AffInteraction *self);
AFF_AVAILABLE_IN_ALL
void                aff_interaction_set_contact          (AffInteraction *self,
                                                          const char     *contact);
AFF_AVAILABLE_IN_ALL
const GDate        *aff_interaction_get_next_action_date (AffInteraction *self);
AFF_AVAILABLE_IN_ALL
void                aff_interaction_set_next_action_date (AffInteraction *self,
                                                          const GDate    *date);
AFF_AVAILABLE_IN_ALL
int                 aff_interaction_get_satisfaction     (AffInteraction *self);
AFF_AVAILABLE_IN_ALL
void                aff_interaction_set_satisfaction     (AffInteraction *self,
                                                          int             satisfaction);

G_END_DECLS
