/* aff-sqlite-store.h: a portfolio kept in a SQLite database
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include "aff-store.h"

G_BEGIN_DECLS

/**
 * AFF_SQLITE_STORE_SCHEMA_VERSION:
 *
 * The newest schema of a SQLite store this library reads, and the one it
 * creates; older ones are migrated when first saved into.
 */
#define AFF_SQLITE_STORE_SCHEMA_VERSION 1

#define AFF_TYPE_SQLITE_STORE (aff_sqlite_store_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffSqliteStore, aff_sqlite_store, AFF, SQLITE_STORE, GObject)

AFF_AVAILABLE_IN_ALL
AffStore *aff_sqlite_store_new (const char *path) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
