/* aff-store-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a store remembers of each portfolio it loaded or saved, for as long
 * as both live: the portfolio is held weakly, and what is remembered of it
 * goes with it or with the store, whichever goes first. (Data set on the
 * portfolio under a quark of each store's own made a quark per store
 * object, and quarks are never freed.) */
typedef struct _AffStoreMemo AffStoreMemo;

AffStoreMemo *_aff_store_memo_new  (GDestroyNotify  free_value);
void          _aff_store_memo_free (AffStoreMemo   *memo);
gpointer      _aff_store_memo_get  (AffStoreMemo   *memo,
                                    gpointer        object);
/* Replaces what was remembered of @object, freeing it. */
void          _aff_store_memo_set  (AffStoreMemo   *memo,
                                    gpointer        object,
                                    gpointer        value);

G_END_DECLS
