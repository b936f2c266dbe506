/* aff-json-store.h: a portfolio kept as one JSON document
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include "aff-store.h"

G_BEGIN_DECLS

#define AFF_TYPE_JSON_STORE (aff_json_store_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffJsonStore, aff_json_store, AFF, JSON_STORE, GObject)

AFF_AVAILABLE_IN_ALL
AffStore *aff_json_store_new (const char *path) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
