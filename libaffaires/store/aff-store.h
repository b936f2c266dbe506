/* aff-store.h: where a portfolio is kept, behind one interface
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <gio/gio.h>

#include "aff-version-macros.h"
#include "aff-portfolio.h"

G_BEGIN_DECLS

#define AFF_TYPE_STORE (aff_store_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_INTERFACE (AffStore, aff_store, AFF, STORE, GObject)

/**
 * AffStoreInterface:
 * @g_iface: the parent interface
 * @load: loads the portfolio kept in the store
 * @save: saves a portfolio into the store
 * @close: releases what the store holds open
 * @get_path: the file the store keeps the portfolio in
 *
 * The virtual functions of [iface@Aff.Store].
 */
struct _AffStoreInterface
{
  GTypeInterface g_iface;

  AffPortfolio *(*load)  (AffStore      *self,
                          GError       **error);
  gboolean      (*save)  (AffStore      *self,
                          AffPortfolio  *portfolio,
                          GError       **error);
  void          (*close) (AffStore      *self);
  const char   *(*get_path) (AffStore   *self);

  /*< private >*/
  gpointer padding[8];
};

AFF_AVAILABLE_IN_ALL
AffStore     *aff_store_open     (const char    *path,
                                  GError       **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
const char   *aff_store_get_path (AffStore      *self);
AFF_AVAILABLE_IN_ALL
AffPortfolio *aff_store_load     (AffStore      *self,
                                  GError       **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
gboolean      aff_store_save     (AffStore      *self,
                                  AffPortfolio  *portfolio,
                                  GError       **error);
AFF_AVAILABLE_IN_ALL
void          aff_store_close    (AffStore      *self);

G_END_DECLS
