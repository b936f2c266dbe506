/* aff-json-store.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-error-private.h"
#include "aff-json-store.h"
#include "aff-store-private.h"

/**
 * AffJsonStore:
 *
 * A portfolio kept as one JSON document (see the format page), written
 * whole and atomically by [method@Aff.Portfolio.save_to_file].
 *
 * What it adds to loading and saving the file directly is the guard
 * against lost updates: it remembers the file it loaded (device, inode,
 * size and modification time) and refuses to save over a file that another
 * program or another process replaced or edited since, with
 * %AFF_ERROR_CONFLICT. The check is made just before the new document is
 * renamed into place; two writers racing within that instant are the
 * reason [class@Aff.SqliteStore] exists.
 *
 * As [method@Aff.Portfolio.save_to_file] does, it refuses to replace a
 * read-only document, and its error messages start with the file.
 */

/* What tells one version of the file from the next: a save renames a new
 * inode into place, an edit in place changes the size or the time. */
typedef struct
{
  gboolean known;
  dev_t device;
  ino_t inode;
  off_t size;
  struct timespec modified;
} FileIdentity;

struct _AffJsonStore
{
  GObject parent_instance;

  char *path;
  AffStoreMemo *identities; /* each portfolio loaded or saved here: the file as it was then */
};

enum { PROP_0, PROP_PATH };

static void aff_json_store_iface_init (AffStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AffJsonStore, aff_json_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (AFF_TYPE_STORE, aff_json_store_iface_init))

static void
aff_json_store_finalize (GObject *object)
{
  AffJsonStore *self = AFF_JSON_STORE (object);

  _aff_store_memo_free (self->identities);
  g_free (self->path);
  G_OBJECT_CLASS (aff_json_store_parent_class)->finalize (object);
}

static void
aff_json_store_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AffJsonStore *self = AFF_JSON_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aff_json_store_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AffJsonStore *self = AFF_JSON_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_free (self->path);
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aff_json_store_class_init (AffJsonStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aff_json_store_finalize;
  object_class->get_property = aff_json_store_get_property;
  object_class->set_property = aff_json_store_set_property;
  g_object_class_override_property (object_class, PROP_PATH, "path");
}

static void
aff_json_store_init (AffJsonStore *self)
{
  /* Each store object its own: a portfolio remembers the file each store
   * it came from or went to had then. */
  self->identities = _aff_store_memo_new (g_free);
}

static void
remember (AffJsonStore       *self,
          AffPortfolio       *portfolio,
          const FileIdentity *identity)
{
  _aff_store_memo_set (self->identities, portfolio, g_memdup2 (identity, sizeof *identity));
}

/**
 * aff_json_store_new:
 * @path: (type filename): the portfolio document, existing or to be created
 *
 * Creates a store keeping a portfolio in the JSON document @path. Nothing
 * is read or written until [method@Aff.Store.load] or
 * [method@Aff.Store.save].
 *
 * Returns: (transfer full): the store
 */
AffStore *
aff_json_store_new (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (AFF_TYPE_JSON_STORE, "path", path, NULL);
}

/* The identity of the file now; not known when it does not exist. */
static gboolean
identify (const char    *path,
          FileIdentity  *identity,
          GError       **error)
{
  struct stat st;

  memset (identity, 0, sizeof *identity);
  if (g_stat (path, &st) != 0)
    {
      int errsv = errno;

      if (errsv == ENOENT)
        return TRUE;
      _aff_set_file_error_from_errno (error, path, errsv);
      return FALSE;
    }
  identity->known = TRUE;
  identity->device = st.st_dev;
  identity->inode = st.st_ino;
  identity->size = st.st_size;
  identity->modified = st.st_mtim;
  return TRUE;
}

static gboolean
same_identity (const FileIdentity *a,
               const FileIdentity *b)
{
  return a->known == b->known &&
         (!a->known || (a->device == b->device && a->inode == b->inode && a->size == b->size &&
                        a->modified.tv_sec == b->modified.tv_sec &&
                        a->modified.tv_nsec == b->modified.tv_nsec));
}

static AffPortfolio *
aff_json_store_load (AffStore  *store,
                     GError   **error)
{
  AffJsonStore *self = AFF_JSON_STORE (store);
  g_autoptr(AffPortfolio) portfolio = NULL;
  FileIdentity before, after;

  if (!identify (self->path, &before, error) ||
      (portfolio = aff_portfolio_new_from_file (self->path, error)) == NULL ||
      !identify (self->path, &after, error))
    return NULL;
  /* A file replaced while it was read is read again, from the new file. */
  if (!same_identity (&before, &after))
    {
      g_clear_object (&portfolio);
      if ((portfolio = aff_portfolio_new_from_file (self->path, error)) == NULL)
        return NULL;
    }
  remember (self, portfolio, &after);
  return g_steal_pointer (&portfolio);
}

static gboolean
aff_json_store_save (AffStore      *store,
                     AffPortfolio  *portfolio,
                     GError       **error)
{
  AffJsonStore *self = AFF_JSON_STORE (store);
  const FileIdentity *known = _aff_store_memo_get (self->identities, portfolio);
  FileIdentity now;

  if (known != NULL)
    {
      if (!identify (self->path, &now, error))
        return FALSE;
      if (!same_identity (&now, known))
        {
          g_autofree char *name = g_filename_display_name (self->path);

          g_set_error (error, AFF_ERROR, AFF_ERROR_CONFLICT,
                       now.known ? _("%s was changed by another program since it was loaded; "
                                     "nothing was saved: load it again and redo the change")
                                 : _("%s was removed by another program since it was loaded; "
                                     "nothing was saved"),
                       name);
          return FALSE;
        }
    }
  if (!aff_portfolio_save_to_file (portfolio, self->path, error) ||
      !identify (self->path, &now, error))
    return FALSE;
  remember (self, portfolio, &now);
  return TRUE;
}

static const char *
aff_json_store_get_path (AffStore *store)
{
  return AFF_JSON_STORE (store)->path;
}

static void
aff_json_store_iface_init (AffStoreInterface *iface)
{
  iface->load = aff_json_store_load;
  iface->save = aff_json_store_save;
  iface->get_path = aff_json_store_get_path;
}
