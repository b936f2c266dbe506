/* aff-contact.h: a person at a client
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

#define AFF_TYPE_CONTACT (aff_contact_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffContact, aff_contact, AFF, CONTACT, GObject)

AFF_AVAILABLE_IN_ALL
AffContact *aff_contact_new       (const char *name) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
const char *aff_contact_get_name  (AffContact *self);
AFF_AVAILABLE_IN_ALL
const char *aff_contact_get_role  (AffContact *self);
AFF_AVAILABLE_IN_ALL
void        aff_contact_set_role  (AffContact *self,
                                   const char *role);
AFF_AVAILABLE_IN_ALL
const char *aff_contact_get_email (AffContact *self);
AFF_AVAILABLE_IN_ALL
void        aff_contact_set_email (AffContact *self,
                                   const char *email);
AFF_AVAILABLE_IN_ALL
const char *aff_contact_get_phone (AffContact *self);
AFF_AVAILABLE_IN_ALL
void        aff_contact_set_phone (AffContact *self,
                                   const char *phone);

G_END_DECLS
