/* aff-store.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "aff-store.h"
#include "aff-json-store.h"
#include "aff-sqlite-store.h"
#include "aff-store-private.h"
#include "aff-error-private.h"

/**
 * AffStore:
 *
 * Where a portfolio is kept: loaded whole, changed through the API, saved
 * back. Two stores implement it:
 *
 * - [class@Aff.JsonStore], one JSON document (see the format page): the
 *   right default for one person, for training and for exchange;
 * - [class@Aff.SqliteStore], a SQLite database for a company's years of
 *   affairs and several people at once: it saves only what changed since it
 *   loaded, and appends the new ledger lines.
 *
 * Both refuse, with %AFF_ERROR_CONFLICT, to save over a change someone else
 * saved since the portfolio was loaded, and both leave what was there whole
 * when a save fails. [func@Aff.Store.open] picks the right one for a path.
 *
 * ```python
 * store = Aff.Store.open('portfolio.sqlite')
 * portfolio = store.load()
 * portfolio.lookup_client('ARC').set_name('Arcelis')
 * store.save(portfolio)
 * ```
 */

G_DEFINE_INTERFACE (AffStore, aff_store, G_TYPE_OBJECT)

static void
aff_store_default_init (AffStoreInterface *iface)
{
  /**
   * AffStore:path: (getter get_path)
   *
   * The file the store keeps the portfolio in.
   */
  g_object_interface_install_property (iface,
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
}

/* The first bytes of every SQLite 3 database. */
static const char sqlite_magic[16] = "SQLite format 3";

static gboolean
is_sqlite_name (const char *path)
{
  return g_str_has_suffix (path, ".sqlite") || g_str_has_suffix (path, ".sqlite3") ||
         g_str_has_suffix (path, ".db");
}

/**
 * aff_store_open:
 * @path: (type filename): a portfolio file, existing or to be created
 * @error: return location for a #GError
 *
 * Opens the store of @path: a SQLite store when the file is a SQLite
 * database, or when it does not exist yet and its name ends in `.sqlite`,
 * `.sqlite3` or `.db`; a JSON store otherwise. Nothing is read yet but the
 * first bytes of the file.
 *
 * Returns: (transfer full): the store, or %NULL with a #GFileError set when
 *   the file exists but cannot be read
 */
AffStore *
aff_store_open (const char  *path,
                GError     **error)
{
  char head[sizeof sqlite_magic];
  gssize n = 0;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 && errno != ENOENT)
    {
      _aff_set_file_error_from_errno (error, path, errno);
      return NULL;
    }
  if (fd >= 0)
    {
      do
        n = read (fd, head, sizeof head);
      while (n < 0 && errno == EINTR);
      close (fd);
    }
  if (fd >= 0 ? n == (gssize) sizeof head && memcmp (head, sqlite_magic, sizeof head) == 0
              : is_sqlite_name (path))
    return aff_sqlite_store_new (path);
  return aff_json_store_new (path);
}

/**
 * aff_store_get_path: (virtual get_path)
 * @self: a store
 *
 * Gets the file the store keeps the portfolio in.
 *
 * Returns: (type filename): the path
 */
const char *
aff_store_get_path (AffStore *self)
{
  g_return_val_if_fail (AFF_IS_STORE (self), NULL);

  return AFF_STORE_GET_IFACE (self)->get_path (self);
}

/**
 * aff_store_load: (virtual load)
 * @self: a store
 * @error: return location for a #GError
 *
 * Loads the portfolio kept in the store, strictly (anything that is not
 * valid is refused with an error naming where it is). The store remembers
 * what it loaded, so that [method@Aff.Store.save] can tell what changed
 * since and whether someone else saved in between.
 *
 * Returns: (transfer full): the portfolio, or %NULL with
 *   %AFF_ERROR_INVALID_DOCUMENT, %AFF_ERROR_UNSUPPORTED_VERSION or a
 *   #GFileError (%G_FILE_ERROR_NOENT when nothing was saved there yet) set
 */
AffPortfolio *
aff_store_load (AffStore  *self,
                GError   **error)
{
  g_return_val_if_fail (AFF_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return AFF_STORE_GET_IFACE (self)->load (self, error);
}

/**
 * aff_store_save: (virtual save)
 * @self: a store
 * @portfolio: the portfolio to keep
 * @error: return location for a #GError
 *
 * Saves @portfolio into the store, atomically: on failure what the store
 * held is left whole. When the store loaded @portfolio (or saved it
 * before), a change someone else saved since is not overwritten: the save
 * fails with %AFF_ERROR_CONFLICT naming it. A portfolio the store did not
 * load replaces what it holds, as a "save as".
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_CONFLICT or a
 *   #GFileError set otherwise
 */
gboolean
aff_store_save (AffStore      *self,
                AffPortfolio  *portfolio,
                GError       **error)
{
  g_return_val_if_fail (AFF_IS_STORE (self), FALSE);
  g_return_val_if_fail (AFF_IS_PORTFOLIO (portfolio), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return AFF_STORE_GET_IFACE (self)->save (self, portfolio, error);
}

/**
 * aff_store_close: (virtual close)
 * @self: a store
 *
 * Releases what the store holds open (the database connection). The store
 * opens it again if used afterwards; dropping the last reference closes it
 * too.
 */
void
aff_store_close (AffStore *self)
{
  g_return_if_fail (AFF_IS_STORE (self));

  if (AFF_STORE_GET_IFACE (self)->close != NULL)
    AFF_STORE_GET_IFACE (self)->close (self);
}

/* ---- What a store remembers of each portfolio --------------------------- */

struct _AffStoreMemo
{
  GHashTable *values;         /* object → value */
  GDestroyNotify free_value;
};

static void
memo_forget (gpointer  data,
             GObject  *object)
{
  AffStoreMemo *memo = data;

  g_hash_table_remove (memo->values, object);
}

AffStoreMemo *
_aff_store_memo_new (GDestroyNotify free_value)
{
  AffStoreMemo *memo = g_new (AffStoreMemo, 1);

  memo->values = g_hash_table_new_full (NULL, NULL, NULL, free_value);
  memo->free_value = free_value;
  return memo;
}

void
_aff_store_memo_free (AffStoreMemo *memo)
{
  GHashTableIter iter;
  gpointer object;

  if (memo == NULL)
    return;
  g_hash_table_iter_init (&iter, memo->values);
  while (g_hash_table_iter_next (&iter, &object, NULL))
    g_object_weak_unref (object, memo_forget, memo);
  g_hash_table_unref (memo->values);
  g_free (memo);
}

gpointer
_aff_store_memo_get (AffStoreMemo *memo,
                     gpointer      object)
{
  return g_hash_table_lookup (memo->values, object);
}

void
_aff_store_memo_set (AffStoreMemo *memo,
                     gpointer      object,
                     gpointer      value)
{
  if (!g_hash_table_contains (memo->values, object))
    g_object_weak_ref (object, memo_forget, memo);
  g_hash_table_insert (memo->values, object, value);
}
