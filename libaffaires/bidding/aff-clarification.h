/* aff-clarification.h: a question put to the client about its request
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

#define AFF_TYPE_CLARIFICATION (aff_clarification_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffClarification, aff_clarification, AFF, CLARIFICATION, GObject)

AFF_AVAILABLE_IN_ALL
const char  *aff_clarification_get_id            (AffClarification *self);
AFF_AVAILABLE_IN_ALL
const char  *aff_clarification_get_question      (AffClarification *self);
AFF_AVAILABLE_IN_ALL
const GDate *aff_clarification_get_asked_date    (AffClarification *self);
AFF_AVAILABLE_IN_ALL
const char  *aff_clarification_get_answer        (AffClarification *self);
AFF_AVAILABLE_IN_ALL
const GDate *aff_clarification_get_answered_date (AffClarification *self);
AFF_AVAILABLE_IN_ALL
gboolean     aff_clarification_is_answered       (AffClarification *self);

G_END_DECLS
