/* aff-requirement.h: one requirement of a client's specification
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

#define AFF_TYPE_REQUIREMENT (aff_requirement_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffRequirement, aff_requirement, AFF, REQUIREMENT, GObject)

AFF_AVAILABLE_IN_ALL
const char *aff_requirement_get_id   (AffRequirement *self);
AFF_AVAILABLE_IN_ALL
const char *aff_requirement_get_text (AffRequirement *self);

G_END_DECLS
