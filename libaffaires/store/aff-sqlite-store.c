/* aff-sqlite-store.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-enum-types.h"
#include "aff-sqlite-store.h"
#include "aff-store-private.h"
#include "aff-portfolio-private.h"
#include "aff-affair-private.h"
#include "aff-clients-private.h"
#include "aff-bidding-private.h"
#include "aff-offers-private.h"
#include "aff-policy-private.h"
#include "aff-journal-private.h"
#include "aff-finance-private.h"

/**
 * AffSqliteStore:
 *
 * A portfolio kept in a SQLite 3 database, for a company's years of
 * affairs, millions of cost lines and several people at once.
 *
 * Each client, consultation, offer and affair is a row holding its JSON
 * (as in the document, so that the strict loader checks it the same way),
 * with a version; each cost line of a ledger and each journal entry is a
 * row of its own. The schema is in the format page; its version is the
 * database's `user_version`, and older schemas are migrated.
 *
 * Saving writes what changed since the portfolio was loaded, and nothing
 * else: the journal says which entities changed (every change is
 * journaled under the client, consultation, offer or affair it belongs
 * to), their rows are rewritten, the new cost lines and the new journal
 * entries appended, all in one transaction. The database runs in WAL mode,
 * so readers never wait for a writer, with foreign keys checked.
 *
 * Loading reads the ledgers and the journal only when first needed. The
 * entity rows are read and parsed on a thread of their own while the
 * portfolio's objects are built, one row at a time, so that the whole
 * portfolio's JSON is never held. A dashboard reads the ledgers left to
 * read in one pass, split in two halves on two threads and two connections
 * when there are 20 000 lines or more and two processors.
 *
 * Several processes may work on one store. When another one saved since
 * this portfolio was loaded, a save whose changes touch other entities
 * goes through: its journal entries are chained after the other's, in the
 * database and in memory. A save that would overwrite an entity the other
 * changed fails with %AFF_ERROR_CONFLICT naming it, and saves nothing.
 */

/* The kinds of rows that hold one entity each, in the order a document
 * lists them, which is the order that satisfies their foreign keys. */
typedef enum
{
  KIND_CLIENT,
  KIND_CONSULTATION,
  KIND_OFFER,
  KIND_AFFAIR,
  N_KINDS
} Kind;

static const char *const kind_names[N_KINDS] = { "client", "consultation", "offer", "affair" };
static const char *const kind_members[N_KINDS] = { "clients", "consultations", "offers", "affairs" };
/* Translators: the kinds of entity a conflict names, before their id, as in
 * "another process changed client ACME"; in French, with their article. */
static const char *const kind_labels[N_KINDS] = { N_("client"), N_("consultation"), N_("offer"), N_("affair") };

struct _AffSqliteStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  sqlite3_stmt *ledger_select;  /* the cost lines of one affair */
  GMutex reading;               /* ledgers and journals read when first needed, from any thread */
  AffStoreMemo *states;         /* the State of each portfolio loaded or saved here */
};

/* What the store knows of the rows a portfolio was loaded from or last
 * saved into, kept on the portfolio: a store may have loaded several. */
typedef struct
{
  gint64 generation;              /* of the tables: a "save as" makes a new one */
  gboolean rewrite;               /* the rows are in an older format: the next save writes them all */
  guint journal_length;           /* the entries of the database, as last seen */
  char journal_head[65];          /* the hash of the last of them */
  GHashTable *versions[N_KINDS];  /* id → version of its row (gint64 *) */
  GHashTable *ledger_lines;       /* affair id → the lines of its ledger saved (GUINT_TO_POINTER) */
} State;

enum { PROP_0, PROP_PATH };

static void aff_sqlite_store_iface_init (AffStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AffSqliteStore, aff_sqlite_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (AFF_TYPE_STORE, aff_sqlite_store_iface_init))

/* The schema of version 1. Entities keep their document JSON in `body`;
 * the columns beside it are what SQL needs: identity, order, version, the
 * references the foreign keys check. */
static const char schema_v1[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE client (id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE,"
  "  version INTEGER NOT NULL, body TEXT NOT NULL);"
  "CREATE TABLE consultation (id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE,"
  "  version INTEGER NOT NULL, client_id TEXT NOT NULL REFERENCES client (id), body TEXT NOT NULL);"
  "CREATE TABLE offer (id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE,"
  "  version INTEGER NOT NULL, consultation_id TEXT NOT NULL REFERENCES consultation (id),"
  "  body TEXT NOT NULL);"
  "CREATE TABLE affair (id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE,"
  "  version INTEGER NOT NULL, offer_id TEXT NOT NULL REFERENCES offer (id),"
  "  client_id TEXT NOT NULL REFERENCES client (id), lines INTEGER NOT NULL, body TEXT NOT NULL);"
  "CREATE TABLE ledger (affair_id TEXT NOT NULL REFERENCES affair (id) ON DELETE CASCADE,"
  "  line INTEGER NOT NULL, day TEXT NOT NULL, work TEXT, category TEXT NOT NULL,"
  "  state TEXT NOT NULL, amount INTEGER NOT NULL, quantity INTEGER NOT NULL,"
  "  supplier TEXT, document TEXT, commitment TEXT,"
  "  PRIMARY KEY (affair_id, line)) WITHOUT ROWID;"
  "CREATE TABLE journal (sequence INTEGER PRIMARY KEY, kind TEXT NOT NULL, id TEXT NOT NULL,"
  "  action TEXT NOT NULL, hash TEXT NOT NULL, body TEXT NOT NULL);"
  "CREATE INDEX journal_entity ON journal (kind, id);";

/* migrations[v] brings a database of schema v to v + 1; 0 is an empty
 * database. */
static const char *const migrations[AFF_SQLITE_STORE_SCHEMA_VERSION] = { schema_v1 };

static State *
state_new (void)
{
  State *state = g_new0 (State, 1);

  for (guint k = 0; k < N_KINDS; k++)
    state->versions[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  state->ledger_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return state;
}

static void
state_free (gpointer data)
{
  State *state = data;

  for (guint k = 0; k < N_KINDS; k++)
    g_hash_table_unref (state->versions[k]);
  g_hash_table_unref (state->ledger_lines);
  g_free (state);
}

static State *
state_of (AffSqliteStore *self,
          AffPortfolio   *portfolio)
{
  return _aff_store_memo_get (self->states, portfolio);
}

static void
set_state (AffSqliteStore *self,
           AffPortfolio   *portfolio,
           State          *state)
{
  _aff_store_memo_set (self->states, portfolio, state);
}

static void
close_database (AffSqliteStore *self)
{
  g_clear_pointer (&self->ledger_select, sqlite3_finalize);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
}

static void
aff_sqlite_store_finalize (GObject *object)
{
  AffSqliteStore *self = AFF_SQLITE_STORE (object);

  close_database (self);
  _aff_store_memo_free (self->states);
  g_free (self->path);
  g_mutex_clear (&self->reading);
  G_OBJECT_CLASS (aff_sqlite_store_parent_class)->finalize (object);
}

static void
aff_sqlite_store_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AffSqliteStore *self = AFF_SQLITE_STORE (object);

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
aff_sqlite_store_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AffSqliteStore *self = AFF_SQLITE_STORE (object);

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
aff_sqlite_store_class_init (AffSqliteStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aff_sqlite_store_finalize;
  object_class->get_property = aff_sqlite_store_get_property;
  object_class->set_property = aff_sqlite_store_set_property;
  g_object_class_override_property (object_class, PROP_PATH, "path");
}

static void
aff_sqlite_store_init (AffSqliteStore *self)
{
  /* Each store object its own: two stores on one file keep their own
   * picture of a portfolio. */
  self->states = _aff_store_memo_new (state_free);
  g_mutex_init (&self->reading);
}

/**
 * aff_sqlite_store_new:
 * @path: (type filename): the database, existing or to be created
 *
 * Creates a store keeping a portfolio in the SQLite database @path. The
 * database is opened at the first [method@Aff.Store.load] or
 * [method@Aff.Store.save], and created by the first save.
 *
 * Returns: (transfer full): the store
 */
AffStore *
aff_sqlite_store_new (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (AFF_TYPE_SQLITE_STORE, "path", path, NULL);
}

/* ---- SQLite plumbing ----------------------------------------------------- */

/* FALSE with @error saying what @db, a connection to the store (NULL when
 * it could not open), last failed at. */
static gboolean
fail_sqlite_on (AffSqliteStore  *self,
                sqlite3         *db,
                GError         **error)
{
  int code = db != NULL ? sqlite3_errcode (db) : SQLITE_CANTOPEN;
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (code);
  GFileError file_code = G_FILE_ERROR_IO;

  switch (code & 0xff)
    {
    case SQLITE_FULL: file_code = G_FILE_ERROR_NOSPC; break;
    case SQLITE_PERM: case SQLITE_READONLY: case SQLITE_AUTH: file_code = G_FILE_ERROR_ACCES; break;
    case SQLITE_CANTOPEN:
      /* SQLite says the same for a missing file, a folder and one it may
       * not open. */
      file_code = g_file_test (self->path, G_FILE_TEST_IS_DIR) ? G_FILE_ERROR_ISDIR
                  : g_file_test (self->path, G_FILE_TEST_EXISTS) ? G_FILE_ERROR_ACCES
                  : G_FILE_ERROR_NOENT;
      break;
    case SQLITE_NOMEM: file_code = G_FILE_ERROR_NOMEM; break;
    default: break;
    }
  if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
    g_set_error (error, AFF_ERROR, AFF_ERROR_CONFLICT,
                 _("%s: another process is saving into the store: %s"), self->path, message);
  else if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB)
    g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT, _("%s: %s"), self->path, message);
  else
    g_set_error (error, G_FILE_ERROR, file_code, _("%s: %s"), self->path, message);
  return FALSE;
}

static gboolean
fail_sqlite (AffSqliteStore  *self,
             GError         **error)
{
  return fail_sqlite_on (self, self->db, error);
}

static gboolean
exec (AffSqliteStore  *self,
      const char      *sql,
      GError         **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return fail_sqlite (self, error);
  return TRUE;
}

static sqlite3_stmt *
prepare (AffSqliteStore  *self,
         const char      *sql,
         GError         **error)
{
  sqlite3_stmt *statement = NULL;

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, NULL) != SQLITE_OK)
    {
      fail_sqlite (self, error);
      return NULL;
    }
  return statement;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static void
bind_text (sqlite3_stmt *statement,
           int           column,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (statement, column, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (statement, column);
}

/* Runs a statement that returns no row, and resets it for the next. */
static gboolean
step_done (AffSqliteStore  *self,
           sqlite3_stmt    *statement,
           GError         **error)
{
  int code = sqlite3_step (statement);

  sqlite3_reset (statement);
  sqlite3_clear_bindings (statement);
  if (code != SQLITE_DONE)
    return fail_sqlite (self, error);
  return TRUE;
}

static int
schema_version (AffSqliteStore *self)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &statement, NULL) != SQLITE_OK ||
      sqlite3_step (statement) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (statement, 0);
}

/* The library makes tables and their indexes, nothing else: a view in
 * place of a table can recurse without end when read, a trigger can do
 * anything when saving. */
static gboolean
check_objects (AffSqliteStore  *self,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  int code;

  if (sqlite3_prepare_v2 (self->db, "SELECT type, name FROM sqlite_master WHERE type NOT IN ('table', 'index')"
                                    " ORDER BY name LIMIT 1", -1, &statement, NULL) != SQLITE_OK)
    return fail_sqlite (self, error);
  code = sqlite3_step (statement);
  if (code == SQLITE_ROW)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT,
                        _("%s: the store holds a %s, “%s”, that libaffaires does not make; it reads no such store"),
                        self->path, (const char *) sqlite3_column_text (statement, 0),
                        (const char *) sqlite3_column_text (statement, 1)), FALSE;
  return code == SQLITE_DONE || fail_sqlite (self, error);
}

/* Opens the database: @create makes it when it does not exist. */
static gboolean
open_database (AffSqliteStore  *self,
               gboolean         create,
               GError         **error)
{
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int version;

  if (self->db != NULL)
    return TRUE;
  if (!create && !g_file_test (self->path, G_FILE_TEST_EXISTS))
    return g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                        _("%s: no such store"), self->path), FALSE;
  if (sqlite3_open_v2 (self->path, &self->db, flags, NULL) != SQLITE_OK)
    {
      fail_sqlite (self, error);
      close_database (self);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  /* A writer waits a little for another to finish before it says so. */
  sqlite3_busy_timeout (self->db, 5000);
  version = schema_version (self);
  if (version < 0)
    {
      fail_sqlite (self, error);
      close_database (self);
      return FALSE;
    }
  if (version > AFF_SQLITE_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_UNSUPPORTED_VERSION,
                   _("%s: the store has schema version %d, newer than the version %d this library "
                     "reads; update libaffaires"), self->path, version, AFF_SQLITE_STORE_SCHEMA_VERSION);
      close_database (self);
      return FALSE;
    }
  if (version > 0 && !check_objects (self, error))
    {
      close_database (self);
      return FALSE;
    }
  /* WAL lets readers go on while one writes; FULL makes a commit durable
   * at once; the foreign keys catch a row whose parent went. */
  if (!exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", error))
    {
      close_database (self);
      return FALSE;
    }
  return TRUE;
}

/* Brings the schema to the newest version, inside the caller's transaction. */
static gboolean
migrate (AffSqliteStore  *self,
         GError         **error)
{
  int version = schema_version (self);
  g_autofree char *set = NULL;

  if (version < 0)
    return fail_sqlite (self, error);
  if (version == AFF_SQLITE_STORE_SCHEMA_VERSION)
    return TRUE;
  for (int v = version; v < AFF_SQLITE_STORE_SCHEMA_VERSION; v++)
    if (!exec (self, migrations[v], error))
      return FALSE;
  set = g_strdup_printf ("PRAGMA user_version = %d", AFF_SQLITE_STORE_SCHEMA_VERSION);
  return exec (self, set, error);
}

/* ---- Loading -------------------------------------------------------------- */

static JsonNode *
parse_body (AffSqliteStore  *self,
            const char      *table,
            const char      *id,
            const char      *text,
            GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *node = aff_json_parse (text != NULL ? text : "", -1, &local_error);

  if (node == NULL)
    g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT, _("%s: %s %s: %s"),
                 self->path, table, id, local_error->message);
  return node;
}

static gint64 *
version_new (gint64 version)
{
  return g_memdup2 (&version, sizeof version);
}

/* The entity rows of a load, read and parsed on a thread of their own,
 * kind after kind, while the portfolio builds its objects from the trees
 * already parsed: parsing is a third of a load. The rows go round a ring of
 * IN_FLIGHT slots, so that the whole document's tree is never held, and
 * each tree is freed by the thread that made it, when its slot comes round
 * again. The two counters, atomic, say who may touch which slot; the mutex
 * and condition are only to sleep on. The thread has the store's connection
 * to itself until it is joined. */
#define IN_FLIGHT 64

typedef struct
{
  Kind kind;
  char *id;
  gint64 version;
  guint lines;                /* of an affair's ledger */
  JsonNode *tree;             /* NULL after the last row of the kind, or with @error */
  GError *error;
} Parsed;

typedef struct
{
  AffSqliteStore *store;
  State *state;
  Parsed slots[IN_FLIGHT];
  guint produced;             /* slots the thread filled, in all */
  guint consumed;             /* slots the portfolio is done with */
  gint stop;
  GMutex lock;
  GCond moved;                /* a counter moved, or stop was set */
  gboolean lending;           /* the portfolio reads slot @consumed */
  GThread *thread;
  gboolean failed;            /* the error is the store's, not the document's */
} Rows;

static void
parsed_clear (Parsed *parsed)
{
  g_clear_pointer (&parsed->id, g_free);
  g_clear_pointer (&parsed->tree, json_node_unref);
  g_clear_error (&parsed->error);
}

static void
rows_move (Rows  *rows,
           guint *counter)
{
  g_atomic_int_inc ((gint *) counter);
  g_mutex_lock (&rows->lock);
  g_cond_broadcast (&rows->moved);
  g_mutex_unlock (&rows->lock);
}

/* On the thread: the next slot to fill, its last tree freed; NULL when
 * told to stop. */
static Parsed *
next_slot (Rows *rows)
{
  guint produced = (guint) g_atomic_int_get ((gint *) &rows->produced);
  Parsed *parsed;

  g_mutex_lock (&rows->lock);
  while (!g_atomic_int_get (&rows->stop) &&
         produced - (guint) g_atomic_int_get ((gint *) &rows->consumed) >= IN_FLIGHT)
    g_cond_wait (&rows->moved, &rows->lock);
  g_mutex_unlock (&rows->lock);
  if (g_atomic_int_get (&rows->stop))
    return NULL;
  parsed = &rows->slots[produced % IN_FLIGHT];
  parsed_clear (parsed);
  return parsed;
}

static gpointer
read_rows (gpointer data)
{
  Rows *rows = data;
  AffSqliteStore *self = rows->store;
  Parsed *parsed;

  for (guint kind = 0; kind < N_KINDS; kind++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id, position, version, body%s FROM %s ORDER BY position",
                                              kind == KIND_AFFAIR ? ", lines" : "", kind_names[kind]);
      g_autoptr(sqlite3_stmt) statement = NULL;
      GError *error = NULL;

      if ((statement = prepare (self, sql, &error)) == NULL)
        goto fail;
      for (;;)
        {
          const char *id;
          int code;

          if ((parsed = next_slot (rows)) == NULL)
            return NULL;
          parsed->kind = kind;
          if ((code = sqlite3_step (statement)) == SQLITE_DONE)
            break;
          if (code != SQLITE_ROW)
            {
              fail_sqlite (self, &error);
              goto fail_with_slot;
            }
          /* A row edited by hand, the schema's NOT NULL notwithstanding. */
          if ((id = (const char *) sqlite3_column_text (statement, 0)) == NULL)
            {
              g_set_error (&error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT,
                           _("%s: a row of table %s has no id"), self->path, kind_names[kind]);
              goto fail_with_slot;
            }
          parsed->id = g_strdup (id);
          parsed->version = sqlite3_column_int64 (statement, 2);
          if (kind == KIND_AFFAIR)
            parsed->lines = (guint) CLAMP (sqlite3_column_int64 (statement, 4), 0, G_MAXUINT);
          if ((parsed->tree = parse_body (self, kind_names[kind], id,
                                          (const char *) sqlite3_column_text (statement, 3), &error)) == NULL)
            goto fail_with_slot;
          rows_move (rows, &rows->produced);
        }
      /* The end of the kind's rows. */
      rows_move (rows, &rows->produced);
      continue;

    fail:
      if ((parsed = next_slot (rows)) == NULL)
        {
          g_error_free (error);
          return NULL;
        }
      parsed->kind = kind;
    fail_with_slot:
      parsed->error = error;
      rows_move (rows, &rows->produced);
      return NULL;
    }
  return NULL;
}

static void
rows_start (Rows           *rows,
            AffSqliteStore *self,
            State          *state)
{
  memset (rows, 0, sizeof *rows);
  rows->store = self;
  rows->state = state;
  g_mutex_init (&rows->lock);
  g_cond_init (&rows->moved);
  rows->thread = g_thread_new ("aff-sqlite-load", read_rows, rows);
}

/* Stops the thread wherever it is, and frees what it parsed. */
static void
rows_finish (Rows *rows)
{
  g_atomic_int_set (&rows->stop, 1);
  g_mutex_lock (&rows->lock);
  g_cond_broadcast (&rows->moved);
  g_mutex_unlock (&rows->lock);
  g_thread_join (rows->thread);
  for (guint i = 0; i < IN_FLIGHT; i++)
    parsed_clear (&rows->slots[i]);
  g_mutex_clear (&rows->lock);
  g_cond_clear (&rows->moved);
}

/* AffPortfolioElements: the next row of @member's table, its version and
 * (for an affair) the lines of its ledger remembered. */
static gboolean
next_element (const char  *member,
              JsonNode   **element,
              gpointer     data,
              GError     **error)
{
  Rows *rows = data;
  Parsed *parsed;

  *element = NULL;
  if (rows->lending)
    rows_move (rows, &rows->consumed);
  g_mutex_lock (&rows->lock);
  while ((guint) g_atomic_int_get ((gint *) &rows->produced) == rows->consumed)
    g_cond_wait (&rows->moved, &rows->lock);
  g_mutex_unlock (&rows->lock);
  parsed = &rows->slots[rows->consumed % IN_FLIGHT];
  rows->lending = TRUE;
  /* The portfolio asks for the kinds in the order the thread reads them. */
  g_assert (strcmp (kind_members[parsed->kind], member) == 0);
  if (parsed->error != NULL)
    {
      rows->failed = TRUE;
      g_propagate_error (error, g_steal_pointer (&parsed->error));
      return FALSE;
    }
  if (parsed->tree == NULL)
    return TRUE;
  g_hash_table_insert (rows->state->versions[parsed->kind], g_strdup (parsed->id), version_new (parsed->version));
  if (parsed->kind == KIND_AFFAIR)
    g_hash_table_insert (rows->state->ledger_lines, g_strdup (parsed->id), GUINT_TO_POINTER (parsed->lines));
  *element = parsed->tree;
  return TRUE;
}

/* The length of the journal and the hash of its last entry; the entries
 * themselves are read when first needed. */
static gboolean
load_journal_head (AffSqliteStore  *self,
                   State           *state,
                   GError         **error)
{
  g_autoptr(sqlite3_stmt) statement =
    prepare (self, "SELECT sequence, hash FROM journal ORDER BY sequence DESC LIMIT 1", error);
  int code;

  if (statement == NULL)
    return FALSE;
  if ((code = sqlite3_step (statement)) == SQLITE_ROW)
    {
      gint64 length = sqlite3_column_int64 (statement, 0);
      const char *hash = (const char *) sqlite3_column_text (statement, 1);

      if (length < 1 || length > G_MAXUINT || hash == NULL || strlen (hash) != 64)
        return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT,
                            _("%s: the last journal entry has sequence %" PRId64 " and hash “%s”"),
                            self->path, length, hash != NULL ? hash : ""), FALSE;
      state->journal_length = (guint) length;
      g_strlcpy (state->journal_head, hash, sizeof state->journal_head);
      return TRUE;
    }
  return code == SQLITE_DONE || fail_sqlite (self, error);
}

typedef struct
{
  AffSqliteStore *store;
  guint length;
} JournalSource;

static void
journal_source_free (gpointer data)
{
  JournalSource *source = data;

  g_object_unref (source->store);
  g_free (source);
}

static AffJournalEntry *
entry_of_row (AffSqliteStore  *self,
              const char      *sequence,
              const char      *text,
              GError         **error)
{
  g_autoptr(JsonNode) node = parse_body (self, "journal", sequence, text, error);
  AffJsonReader reader;
  AffJournalEntry *entry;

  if (node == NULL)
    return NULL;
  aff_json_reader_init (&reader);
  entry = _aff_journal_entry_from_json (&reader, node, error);
  aff_json_reader_clear (&reader);
  if (entry == NULL)
    g_prefix_error (error, _("%s: journal entry %s: "), self->path, sequence);
  return entry;
}

/* Journal rows @from to @to turned into entries, on a thread of their own
 * or the caller's; stops at the first error. */
typedef struct
{
  AffSqliteStore *store;
  GPtrArray *sequences;
  GPtrArray *texts;
  AffJournalEntry **entries;
  guint from;
  guint to;
  GError *error;
} Half;

static gpointer
read_half (gpointer data)
{
  Half *half = data;

  for (guint i = half->from; i < half->to && half->error == NULL; i++)
    half->entries[i] = entry_of_row (half->store, g_ptr_array_index (half->sequences, i),
                                     g_ptr_array_index (half->texts, i), &half->error);
  return NULL;
}

/* The journal entries of the rows @sql selects, its one parameter bound
 * to @bound, in order. They are parsed on two threads when there are many:
 * that is most of reading a journal. (A load's entity rows go through
 * read_rows() instead: there the objects are built while the rows are
 * parsed, and each tree is freed, faster, by the thread that made it.) The
 * first error in row order is the one told. */
static GPtrArray *
read_entries (AffSqliteStore  *self,
              const char      *sql,
              gint64           bound,
              GError         **error)
{
  g_autoptr(sqlite3_stmt) statement = prepare (self, sql, error);
  g_autoptr(GPtrArray) sequences = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  /* Its free function once every slot holds an entry. */
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  GThread *thread = NULL;
  Half halves[2];
  guint n, middle;
  int code;

  if (statement == NULL)
    return NULL;
  sqlite3_bind_int64 (statement, 1, bound);
  while ((code = sqlite3_step (statement)) == SQLITE_ROW)
    {
      g_ptr_array_add (sequences, g_strdup_printf ("%" PRId64, (gint64) sqlite3_column_int64 (statement, 0)));
      g_ptr_array_add (texts, g_strdup ((const char *) sqlite3_column_text (statement, 1)));
    }
  if (code != SQLITE_DONE)
    return fail_sqlite (self, error), NULL;
  n = sequences->len;
  middle = n >= 512 && g_get_num_processors () > 1 ? n / 2 : n;
  g_ptr_array_set_size (entries, n);
  halves[0] = (Half) { self, sequences, texts, (AffJournalEntry **) entries->pdata, 0, middle, NULL };
  halves[1] = (Half) { self, sequences, texts, (AffJournalEntry **) entries->pdata, middle, n, NULL };
  if (middle < n)
    thread = g_thread_new ("aff-sqlite-journal", read_half, &halves[1]);
  read_half (&halves[0]);
  if (thread != NULL)
    g_thread_join (thread);
  if (halves[0].error != NULL || halves[1].error != NULL)
    {
      g_propagate_error (error, halves[0].error != NULL ? halves[0].error : halves[1].error);
      g_clear_error (halves[0].error != NULL ? &halves[1].error : &halves[0].error);
      for (guint i = 0; i < n; i++)
        if (entries->pdata[i] != NULL)
          aff_journal_entry_unref (entries->pdata[i]);
      return NULL;
    }
  g_ptr_array_set_free_func (entries, (GDestroyNotify) aff_journal_entry_unref);
  return g_steal_pointer (&entries);
}

static GPtrArray *
read_journal (AffJournal  *journal,
              gpointer     data,
              GError     **error)
{
  JournalSource *source = data;
  AffSqliteStore *self = source->store;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->reading);

  if (!open_database (self, FALSE, error))
    return NULL;
  return read_entries (self, "SELECT sequence, body FROM journal WHERE sequence <= ? ORDER BY sequence",
                       source->length, error);
}

static const char *
meta_value (sqlite3_stmt *statement,
            const char   *key)
{
  sqlite3_reset (statement);
  sqlite3_bind_text (statement, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (statement) != SQLITE_ROW)
    return NULL;
  return (const char *) sqlite3_column_text (statement, 0);
}

/* The document tree of what the meta table holds: its arrays come from
 * next_element(), its journal entries and cost lines when first needed. */
static JsonNode *
load_tree (AffSqliteStore  *self,
           State           *state,
           gint64          *format_version,
           GError         **error)
{
  g_autoptr(sqlite3_stmt) meta = prepare (self, "SELECT value FROM meta WHERE key = ?", error);
  g_autoptr(JsonObject) root = json_object_new ();
  JsonObject *journal;
  JsonArray *entries;
  const char *value;

  if (meta == NULL)
    return NULL;
  if ((value = meta_value (meta, "format")) == NULL || strcmp (value, AFF_PORTFOLIO_FORMAT_NAME) != 0)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT,
                        _("%s: this is not a libaffaires store"), self->path), NULL;
  json_object_set_string_member (root, "format", value);
  value = meta_value (meta, "format_version");
  *format_version = value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
  json_object_set_int_member (root, "version", *format_version);
  if ((value = meta_value (meta, "name")) != NULL)
    json_object_set_string_member (root, "name", value);
  if ((value = meta_value (meta, "generation")) != NULL)
    state->generation = g_ascii_strtoll (value, NULL, 10);
  if ((value = meta_value (meta, "policy")) != NULL)
    {
      JsonNode *policy = parse_body (self, "meta", "policy", value, error);

      if (policy == NULL)
        return NULL;
      json_object_set_member (root, "policy", policy);
    }
  journal = json_object_new ();
  json_object_set_int_member (journal, "hash_format", AFF_JOURNAL_HASH_FORMAT);
  if ((value = meta_value (meta, "hash_format")) != NULL)
    json_object_set_int_member (journal, "hash_format", g_ascii_strtoll (value, NULL, 10));
  entries = json_array_new ();
  json_object_set_array_member (journal, "entries", entries);
  json_object_set_object_member (root, "journal", journal);
  if (!load_journal_head (self, state, error))
    return NULL;
  return json_node_init_object (json_node_alloc (), root);
}

/* Where the cost lines of one affair are: its ledger reads them when
 * first needed, so that opening a store reads no ledger it does not use. */
typedef struct
{
  AffSqliteStore *store;
  char *affair_id;
  guint lines;              /* as loaded: other processes may have added more since */
} LedgerSource;

static void
ledger_source_free (gpointer data)
{
  LedgerSource *source = data;

  g_object_unref (source->store);
  g_free (source->affair_id);
  g_free (source);
}

/* The rows of ledgers being read: one affair's, or every affair's in the
 * order of their ids. The statement gives affair_id, line, day, work,
 * category, state, amount, quantity, supplier, document, commitment, and
 * stands on the next row to read. */
typedef struct
{
  AffSqliteStore *store;
  sqlite3 *db;                /* the connection of @statement */
  sqlite3_stmt *statement;
  int code;                   /* of the last sqlite3_step() */
  const char *affair_id;      /* the ledger's being read */
  guint lines;                /* how many it had when loaded */
} Cursor;

static const char *
check_line (Cursor       *cursor,
            gint64        expected,
            AffLedgerRow *row)
{
  sqlite3_stmt *statement = cursor->statement;
  const char *day_text = (const char *) sqlite3_column_text (statement, 2);
  const char *category_text = (const char *) sqlite3_column_text (statement, 4);
  const char *state_text = (const char *) sqlite3_column_text (statement, 5);
  guint8 category, state;
  GDate day;

  if (sqlite3_column_int64 (statement, 1) != expected)
    return _("expected the lines of a ledger numbered from 0 without a gap");
  if (day_text == NULL || !aff_date_from_iso (day_text, &day))
    return _("expected a date like 2026-03-31");
  if (!_aff_ledger_parse_nick (AFF_TYPE_COST_CATEGORY, category_text, &category))
    return _("expected labour, material, equipment, subcontract, travel, overhead or other");
  if (!_aff_ledger_parse_nick (AFF_TYPE_COST_STATE, state_text, &state))
    return _("expected committed or actual");
  memset (row, 0, sizeof *row);
  row->day = g_date_get_julian (&day);
  row->category = category;
  row->state = state;
  row->amount = sqlite3_column_int64 (statement, 6);
  row->quantity = sqlite3_column_int64 (statement, 7);
  return NULL;
}

static gboolean
on_affair (Cursor *cursor)
{
  const char *id = (const char *) sqlite3_column_text (cursor->statement, 0);

  return cursor->code == SQLITE_ROW && id != NULL && strcmp (id, cursor->affair_id) == 0;
}

/* An AffLedgerSource: the rows of @cursor's affair, up to the number it
 * had when loaded (another process may have added more since), leaving the
 * cursor on the next affair's. */
static gboolean
feed_ledger (AffLedger  *ledger,
             gpointer    data,
             GError    **error)
{
  Cursor *cursor = data;
  sqlite3_stmt *statement = cursor->statement;
  const char *problem = NULL;
  gint64 line = 0;

  for (; on_affair (cursor); cursor->code = sqlite3_step (statement))
    {
      AffLedgerRow row;

      if (problem != NULL || sqlite3_column_int64 (statement, 1) >= cursor->lines)
        continue;
      problem = check_line (cursor, line, &row);
      if (problem == NULL)
        problem = _aff_ledger_load_row (ledger, &row,
                                        (const char *) sqlite3_column_text (statement, 3),
                                        (const char *) sqlite3_column_text (statement, 8),
                                        (const char *) sqlite3_column_text (statement, 9),
                                        (const char *) sqlite3_column_text (statement, 10));
      if (problem != NULL)
        g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT,
                     _("%s: ledger of affair %s, line %" PRId64 ": %s"),
                     cursor->store->path, cursor->affair_id, line, problem);
      line++;
    }
  if (problem != NULL)
    return FALSE;
  if (cursor->code != SQLITE_ROW && cursor->code != SQLITE_DONE)
    return fail_sqlite_on (cursor->store, cursor->db, error);
  return TRUE;
}

static void
cursor_init (Cursor         *cursor,
             AffSqliteStore *self,
             sqlite3_stmt   *statement)
{
  *cursor = (Cursor) { self, sqlite3_db_handle (statement), statement, sqlite3_step (statement) };
}

static void
cursor_clear (Cursor *cursor)
{
  sqlite3_reset (cursor->statement);
  sqlite3_clear_bindings (cursor->statement);
}

#define LEDGER_COLUMNS "affair_id, line, day, work, category, state, amount, quantity, supplier, document, commitment"

/* The AffLedgerSource of one ledger, read alone. */
static gboolean
read_ledger (AffLedger  *ledger,
             gpointer    data,
             GError    **error)
{
  LedgerSource *source = data;
  AffSqliteStore *self = source->store;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->reading);
  Cursor cursor;
  gboolean ok;

  if (!open_database (self, FALSE, error) ||
      (self->ledger_select == NULL &&
       (self->ledger_select = prepare (self, "SELECT " LEDGER_COLUMNS " FROM ledger"
                                             " WHERE affair_id = ? AND line < ? ORDER BY line", error)) == NULL))
    return FALSE;
  sqlite3_bind_text (self->ledger_select, 1, source->affair_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (self->ledger_select, 2, source->lines);
  cursor_init (&cursor, self, self->ledger_select);
  cursor.affair_id = source->affair_id;
  cursor.lines = source->lines;
  ok = feed_ledger (ledger, &cursor, error);
  cursor_clear (&cursor);
  return ok;
}

/* The ledgers @scan's rows are of, in the order of their affairs' ids,
 * each read if it is still to read from this store. */
static void
scan_ledgers (AffSqliteStore *self,
              AffPortfolio   *portfolio,
              sqlite3_stmt   *scan)
{
  g_autofree char *affair_id = NULL;
  Cursor cursor;

  cursor_init (&cursor, self, scan);
  while (cursor.code == SQLITE_ROW)
    {
      AffAffair *affair;
      LedgerSource *source = NULL;

      g_free (affair_id);
      affair_id = g_strdup ((const char *) sqlite3_column_text (scan, 0));
      cursor.affair_id = affair_id != NULL ? affair_id : "";
      affair = affair_id != NULL ? aff_portfolio_lookup_affair (portfolio, affair_id) : NULL;
      if (affair != NULL)
        source = _aff_ledger_get_source_data (aff_affair_get_ledger (affair), read_ledger);
      if (source != NULL && source->store == self)
        {
          cursor.lines = source->lines;
          /* Its errors stay with the ledger, which tells them when used. */
          _aff_ledger_load_with (aff_affair_get_ledger (affair), feed_ledger, &cursor);
        }
      /* The rest of an affair not read, or all of one with a NULL id. */
      while (cursor.code == SQLITE_ROW && (affair_id == NULL || on_affair (&cursor)))
        cursor.code = sqlite3_step (scan);
      if (affair_id == NULL)
        break;
    }
  cursor_clear (&cursor);
}

#define LEDGER_SCAN "SELECT " LEDGER_COLUMNS " FROM ledger"
#define LEDGER_ORDER " ORDER BY affair_id, line"

/* The second half of a split scan, on a thread and a connection of its
 * own: the ledgers of the affairs from @from on. */
typedef struct
{
  AffSqliteStore *store;
  AffPortfolio *portfolio;
  const char *from;
} LedgerHalf;

static gpointer
scan_second_half (gpointer data)
{
  LedgerHalf *half = data;
  sqlite3 *db = NULL;
  sqlite3_stmt *scan = NULL;

  /* Should this connection fail, the ledgers it was to read read
   * themselves, alone, when first needed. */
  if (sqlite3_open_v2 (half->store->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK &&
      sqlite3_busy_timeout (db, 5000) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, LEDGER_SCAN " WHERE affair_id >= ?" LEDGER_ORDER, -1, &scan, NULL) == SQLITE_OK &&
      sqlite3_bind_text (scan, 1, half->from, -1, SQLITE_STATIC) == SQLITE_OK)
    scan_ledgers (half->store, half->portfolio, scan);
  sqlite3_finalize (scan);
  sqlite3_close (db);
  return NULL;
}

/* In the order of SQLite's BINARY collation, which the table's key uses. */
static int
compare_sources (gconstpointer a,
                 gconstpointer b)
{
  const LedgerSource *x = *(const LedgerSource *const *) a, *y = *(const LedgerSource *const *) b;

  return strcmp (x->affair_id, y->affair_id);
}

/* The id of the affair from which the ledgers still to read from this
 * store hold half their lines (in the table's order of ids), NULL when
 * they are too few to be worth a second thread. */
static char *
middle_of_ledgers (AffSqliteStore *self,
                   AffPortfolio   *portfolio)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  guint i, n;
  AffAffair **affairs = _aff_portfolio_peek_affairs (portfolio, &n);
  guint64 total = 0, sum = 0;

  if (g_get_num_processors () < 2)
    return NULL;
  for (i = 0; i < n; i++)
    {
      LedgerSource *source = _aff_ledger_get_source_data (aff_affair_get_ledger (affairs[i]), read_ledger);

      if (source != NULL && source->store == self)
        {
          g_ptr_array_add (sources, source);
          total += source->lines;
        }
    }
  /* Below this, a thread and a connection cost more than they save. */
  if (total < 20000)
    return NULL;
  g_ptr_array_sort (sources, compare_sources);
  for (i = 0; i < sources->len; i++)
    {
      LedgerSource *source = g_ptr_array_index (sources, i);

      if (sum > 0 && 2 * sum >= total)
        return g_strdup (source->affair_id);
      sum += source->lines;
    }
  return NULL;
}

/* The AffPortfolioLedgersReader: a scan of the ledger table, in the order
 * of its key, for every ledger still to read; split in two halves, one on
 * a thread of its own, when they are many. A ledger the scan could not
 * reach reads itself alone when needed. */
static void
read_ledgers (AffPortfolio *portfolio,
              gpointer      data)
{
  AffSqliteStore *self = data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->reading);
  g_autoptr(sqlite3_stmt) scan = NULL;
  g_autofree char *middle = NULL;
  LedgerHalf half = { self, portfolio, NULL };
  GThread *thread = NULL;

  if (!open_database (self, FALSE, NULL))
    return;
  if ((middle = middle_of_ledgers (self, portfolio)) != NULL &&
      (scan = prepare (self, LEDGER_SCAN " WHERE affair_id < ?" LEDGER_ORDER, NULL)) != NULL)
    {
      sqlite3_bind_text (scan, 1, middle, -1, SQLITE_STATIC);
      half.from = middle;
      thread = g_thread_new ("aff-sqlite-ledgers", scan_second_half, &half);
    }
  else if ((scan = prepare (self, LEDGER_SCAN LEDGER_ORDER, NULL)) == NULL)
    return;
  scan_ledgers (self, portfolio, scan);
  if (thread != NULL)
    g_thread_join (thread);
}

/* Tells each affair's ledger where its cost lines are. */
static void
attach_ledgers (AffSqliteStore *self,
                State          *state,
                AffPortfolio   *portfolio)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, state->ledger_lines);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      AffAffair *affair = aff_portfolio_lookup_affair (portfolio, key);
      LedgerSource *source;

      if (affair == NULL || GPOINTER_TO_UINT (value) == 0)
        continue;
      source = g_new (LedgerSource, 1);
      source->store = g_object_ref (self);
      source->affair_id = g_strdup (key);
      source->lines = GPOINTER_TO_UINT (value);
      _aff_ledger_set_source (aff_affair_get_ledger (affair), GPOINTER_TO_UINT (value),
                              read_ledger, source, ledger_source_free);
    }
  _aff_portfolio_set_ledgers_reader (portfolio, read_ledgers, g_object_ref (self), g_object_unref);
}

static AffPortfolio *
aff_sqlite_store_load (AffStore  *store,
                       GError   **error)
{
  AffSqliteStore *self = AFF_SQLITE_STORE (store);
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  State *state;
  gint64 format_version = 0;
  Rows rows;

  if (!open_database (self, FALSE, error))
    return NULL;
  if (schema_version (self) == 0)
    return g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                        _("%s: no portfolio was saved in this store yet"), self->path), NULL;
  /* One read transaction: a consistent picture while others write. */
  if (!exec (self, "BEGIN", error))
    return NULL;
  state = state_new ();
  if ((root = load_tree (self, state, &format_version, error)) != NULL)
    {
      rows_start (&rows, self, state);
      portfolio = _aff_portfolio_new_from_elements (root, next_element, &rows, &local_error);
      rows_finish (&rows);
      if (portfolio == NULL && rows.failed)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (portfolio == NULL)
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", self->path);
      else
        {
          JournalSource *source = g_new (JournalSource, 1);

          source->store = g_object_ref (self);
          source->length = state->journal_length;
          _aff_journal_set_source (aff_portfolio_get_journal (portfolio), state->journal_length,
                                   state->journal_head, read_journal, source, journal_source_free);
          attach_ledgers (self, state, portfolio);
        }
    }
  exec (self, "COMMIT", NULL);
  if (portfolio == NULL)
    {
      state_free (state);
      return NULL;
    }
  state->rewrite = format_version != AFF_PORTFOLIO_FORMAT_VERSION;
  set_state (self, portfolio, state);
  return g_steal_pointer (&portfolio);
}

/* ---- Saving --------------------------------------------------------------- */

static char *
node_to_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  GString *text = g_string_new (NULL);

  json_generator_set_root (generator, node);
  json_generator_to_gstring (generator, text);
  aff_json_escape_generated (text);
  return g_string_free (text, FALSE);
}

static GListModel *
entities (AffPortfolio *portfolio,
          Kind          kind)
{
  switch (kind)
    {
    case KIND_CLIENT: return aff_portfolio_get_clients (portfolio);
    case KIND_CONSULTATION: return aff_portfolio_get_consultations (portfolio);
    case KIND_OFFER: return aff_portfolio_get_offers (portfolio);
    case KIND_AFFAIR: return aff_portfolio_get_affairs (portfolio);
    case N_KINDS: default: g_assert_not_reached ();
    }
}

static gpointer
lookup (AffPortfolio *portfolio,
        Kind          kind,
        const char   *id)
{
  switch (kind)
    {
    case KIND_CLIENT: return aff_portfolio_lookup_client (portfolio, id);
    case KIND_CONSULTATION: return aff_portfolio_lookup_consultation (portfolio, id);
    case KIND_OFFER: return aff_portfolio_lookup_offer (portfolio, id);
    case KIND_AFFAIR: return aff_portfolio_lookup_affair (portfolio, id);
    case N_KINDS: default: g_assert_not_reached ();
    }
}

static const char *
entity_id (Kind     kind,
           gpointer entity)
{
  switch (kind)
    {
    case KIND_CLIENT: return aff_client_get_id (entity);
    case KIND_CONSULTATION: return aff_consultation_get_id (entity);
    case KIND_OFFER: return aff_offer_get_id (entity);
    case KIND_AFFAIR: return aff_affair_get_id (entity);
    case N_KINDS: default: g_assert_not_reached ();
    }
}

/* The body of an entity: its document JSON, an affair's without its cost
 * lines, which have rows of their own. */
static char *
entity_body (Kind     kind,
             gpointer entity)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) node = NULL;

  switch (kind)
    {
    case KIND_CLIENT: _aff_client_to_json (entity, builder); break;
    case KIND_CONSULTATION: _aff_consultation_to_json (entity, builder); break;
    case KIND_OFFER: _aff_offer_to_json (entity, builder); break;
    case KIND_AFFAIR: _aff_affair_write_json (entity, builder, FALSE); break;
    case N_KINDS: default: g_assert_not_reached ();
    }
  node = json_builder_get_root (builder);
  return node_to_text (node);
}

/* The references a row's foreign keys check, and an affair's count of
 * cost lines: bound from column 5 on. */
static void
bind_references (sqlite3_stmt *statement,
                 Kind          kind,
                 gpointer      entity)
{
  switch (kind)
    {
    case KIND_CLIENT:
      break;
    case KIND_CONSULTATION:
      bind_text (statement, 5, aff_consultation_get_client_id (entity));
      break;
    case KIND_OFFER:
      bind_text (statement, 5, aff_offer_get_consultation_id (entity));
      break;
    case KIND_AFFAIR:
      bind_text (statement, 5, aff_affair_get_offer_id (entity));
      bind_text (statement, 6, aff_affair_get_client_id (entity));
      sqlite3_bind_int64 (statement, 7, _aff_ledger_peek_n_rows (aff_affair_get_ledger (entity)));
      break;
    case N_KINDS: default:
      g_assert_not_reached ();
    }
}

static const char *const insert_sql[N_KINDS] = {
  "INSERT INTO client (id, position, version, body)"
  " VALUES (?1, (SELECT coalesce (max (position), -1) + 1 FROM client), ?3, ?4)",
  "INSERT INTO consultation (id, position, version, body, client_id)"
  " VALUES (?1, (SELECT coalesce (max (position), -1) + 1 FROM consultation), ?3, ?4, ?5)",
  "INSERT INTO offer (id, position, version, body, consultation_id)"
  " VALUES (?1, (SELECT coalesce (max (position), -1) + 1 FROM offer), ?3, ?4, ?5)",
  "INSERT INTO affair (id, position, version, body, offer_id, client_id, lines)"
  " VALUES (?1, (SELECT coalesce (max (position), -1) + 1 FROM affair), ?3, ?4, ?5, ?6, ?7)",
};

static const char *const update_sql[N_KINDS] = {
  "UPDATE client SET version = ?3 + 1, body = ?4 WHERE id = ?1 AND version = ?3",
  "UPDATE consultation SET version = ?3 + 1, body = ?4, client_id = ?5 WHERE id = ?1 AND version = ?3",
  "UPDATE offer SET version = ?3 + 1, body = ?4, consultation_id = ?5 WHERE id = ?1 AND version = ?3",
  "UPDATE affair SET version = ?3 + 1, body = ?4, offer_id = ?5, client_id = ?6, lines = ?7"
  " WHERE id = ?1 AND version = ?3",
};

static const char *const delete_sql[N_KINDS] = {
  "DELETE FROM client WHERE id = ?1 AND version = ?3",
  "DELETE FROM consultation WHERE id = ?1 AND version = ?3",
  "DELETE FROM offer WHERE id = ?1 AND version = ?3",
  "DELETE FROM affair WHERE id = ?1 AND version = ?3",
};

/* What a save changes in the store's picture of the database, applied
 * once the transaction committed. */
typedef struct
{
  GHashTable *versions[N_KINDS];  /* id → new version (gint64 *), or NULL when deleted */
  GHashTable *ledger_lines;       /* affair id → lines saved */
} Picture;

static void
picture_init (Picture *picture)
{
  for (guint k = 0; k < N_KINDS; k++)
    picture->versions[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  picture->ledger_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
picture_clear (Picture *picture)
{
  for (guint k = 0; k < N_KINDS; k++)
    g_clear_pointer (&picture->versions[k], g_hash_table_unref);
  g_clear_pointer (&picture->ledger_lines, g_hash_table_unref);
}

static void
picture_apply (Picture *picture,
               State   *state)
{
  GHashTableIter iter;
  gpointer key, value;

  for (guint k = 0; k < N_KINDS; k++)
    {
      g_hash_table_iter_init (&iter, picture->versions[k]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (value != NULL)
          g_hash_table_insert (state->versions[k], g_strdup (key), g_memdup2 (value, sizeof (gint64)));
        else
          g_hash_table_remove (state->versions[k], key);
    }
  g_hash_table_iter_init (&iter, picture->ledger_lines);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (state->ledger_lines, g_strdup (key), value);
}

/* The version of @id's row as last seen, or -1 when there was none. */
static gint64
known_version (State      *state,
               Kind        kind,
               const char *id)
{
  gint64 *version = g_hash_table_lookup (state->versions[kind], id);

  return version != NULL ? *version : -1;
}

static gboolean
conflict (AffSqliteStore  *self,
          Kind             kind,
          const char      *id,
          GError         **error)
{
  /* Translators: the store, then an entity: "client ACME". */
  g_set_error (error, AFF_ERROR, AFF_ERROR_CONFLICT,
               _("%s: another process changed %s %s since it was loaded; nothing was saved: "
                 "load the store again and redo the change"),
               self->path, _(kind_labels[kind]), id);
  return FALSE;
}

/* Writes the row of one entity: @entity NULL deletes it; @fresh says that
 * the row went (a "save as" emptied the tables, or the entity was removed
 * and added again) and is to be inserted. */
static gboolean
write_entity (AffSqliteStore  *self,
              State           *state,
              Picture         *picture,
              Kind             kind,
              const char      *id,
              gpointer         entity,
              gboolean         fresh,
              GError         **error)
{
  gint64 version = fresh ? -1 : known_version (state, kind, id);
  const char *sql = entity == NULL ? delete_sql[kind] : version < 0 ? insert_sql[kind] : update_sql[kind];
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *body = NULL;
  int code;

  if (entity == NULL && version < 0)
    return TRUE;
  if ((statement = prepare (self, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, id, -1, SQLITE_STATIC);
  if (entity != NULL)
    {
      body = entity_body (kind, entity);
      sqlite3_bind_text (statement, 4, body, -1, SQLITE_STATIC);
      bind_references (statement, kind, entity);
    }
  sqlite3_bind_int64 (statement, 3, version < 0 ? 1 : version);
  code = sqlite3_step (statement);
  /* The same id added by another process first. */
  if ((code & 0xff) == SQLITE_CONSTRAINT && version < 0 &&
      sqlite3_extended_errcode (self->db) != SQLITE_CONSTRAINT_FOREIGNKEY)
    return conflict (self, kind, id, error);
  if (code != SQLITE_DONE)
    return fail_sqlite (self, error);
  if (sqlite3_changes (self->db) == 0)
    return conflict (self, kind, id, error);
  g_hash_table_insert (picture->versions[kind], g_strdup (id),
                       entity != NULL ? version_new (version < 0 ? 1 : version + 1) : NULL);
  if (kind == KIND_AFFAIR && entity == NULL)
    g_hash_table_insert (picture->ledger_lines, g_strdup (id), GUINT_TO_POINTER (0));
  return TRUE;
}

/* Appends the cost lines of @affair from @first on. */
static gboolean
write_ledger (AffSqliteStore  *self,
              sqlite3_stmt    *insert,
              Picture         *picture,
              AffAffair       *affair,
              guint            first,
              GError         **error)
{
  AffLedger *ledger = aff_affair_get_ledger (affair);
  const char *id = aff_affair_get_id (affair);
  const AffLedgerRow *rows;
  guint n_rows;

  /* A ledger not read since the load has no new line to read. */
  if (_aff_ledger_peek_n_rows (ledger) == first)
    return TRUE;
  if (!_aff_ledger_check_loaded (ledger, error))
    return FALSE;
  rows = _aff_ledger_rows (ledger, &n_rows);
  for (guint i = first; i < n_rows; i++)
    {
      const AffLedgerRow *row = &rows[i];
      char day[16];
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, row->day);
      /* By hand: strftime goes through the locale for each of a million lines. */
      g_snprintf (day, sizeof day, "%04u-%02u-%02u", (guint) g_date_get_year (&date),
                  (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
      sqlite3_bind_text (insert, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 2, i);
      sqlite3_bind_text (insert, 3, day, -1, SQLITE_STATIC);
      bind_text (insert, 4, _aff_ledger_work (ledger, row->work));
      bind_text (insert, 5, aff_enum_to_nick (AFF_TYPE_COST_CATEGORY, row->category));
      bind_text (insert, 6, aff_enum_to_nick (AFF_TYPE_COST_STATE, row->state));
      sqlite3_bind_int64 (insert, 7, row->amount);
      sqlite3_bind_int64 (insert, 8, row->quantity);
      bind_text (insert, 9, _aff_ledger_word (ledger, row->supplier));
      bind_text (insert, 10, _aff_ledger_word (ledger, row->document));
      bind_text (insert, 11, _aff_ledger_word (ledger, row->commitment));
      if (!step_done (self, insert, error))
        return FALSE;
    }
  g_hash_table_insert (picture->ledger_lines, g_strdup (id), GUINT_TO_POINTER (n_rows));
  return TRUE;
}

/* Appends @entries from @first on to the journal table. */
static gboolean
write_journal (AffSqliteStore  *self,
               GPtrArray       *entries,
               guint            first,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) insert =
    prepare (self, "INSERT INTO journal (sequence, kind, id, action, hash, body) VALUES (?, ?, ?, ?, ?, ?)", error);

  if (insert == NULL)
    return FALSE;
  for (guint i = first; i < entries->len; i++)
    {
      AffJournalEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *body = NULL;

      _aff_journal_entry_to_json (entry, builder);
      node = json_builder_get_root (builder);
      body = node_to_text (node);
      sqlite3_bind_int64 (insert, 1, (gint64) aff_journal_entry_get_sequence (entry));
      bind_text (insert, 2, aff_journal_entry_get_entity_kind (entry));
      bind_text (insert, 3, aff_journal_entry_get_entity_id (entry));
      bind_text (insert, 4, aff_journal_entry_get_action (entry));
      bind_text (insert, 5, aff_journal_entry_get_hash (entry));
      bind_text (insert, 6, body);
      if (!step_done (self, insert, error))
        return FALSE;
    }
  return TRUE;
}

/* The entries of @journal from @first on, borrowed. */
static GPtrArray *
journal_tail (AffJournal *journal,
              guint       first)
{
  GPtrArray *entries = g_ptr_array_new ();
  guint n = aff_journal_get_n_entries (journal);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (entries, i >= first ? aff_journal_get_entry (journal, i) : NULL);
  return entries;
}

static gboolean
write_meta (AffSqliteStore  *self,
            AffPortfolio    *portfolio,
            GError         **error)
{
  g_autoptr(sqlite3_stmt) put = prepare (self, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", error);
  g_autoptr(sqlite3_stmt) drop = prepare (self, "DELETE FROM meta WHERE key = ?", error);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) policy = NULL;
  g_autofree char *policy_text = NULL, *format_version = NULL, *hash_format = NULL;
  const char *name = aff_portfolio_get_name (portfolio);
  const char *const pairs[][2] = {
    { "format", AFF_PORTFOLIO_FORMAT_NAME },
    { "format_version", format_version = g_strdup_printf ("%d", AFF_PORTFOLIO_FORMAT_VERSION) },
    { "hash_format", hash_format = g_strdup_printf ("%d", AFF_JOURNAL_HASH_FORMAT) },
    { "policy", NULL },
  };

  if (put == NULL || drop == NULL)
    return FALSE;
  _aff_policy_to_json (aff_portfolio_get_policy (portfolio), builder);
  policy = json_builder_get_root (builder);
  policy_text = node_to_text (policy);
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      bind_text (put, 1, pairs[i][0]);
      bind_text (put, 2, pairs[i][1] != NULL ? pairs[i][1] : policy_text);
      if (!step_done (self, put, error))
        return FALSE;
    }
  if (name != NULL)
    {
      bind_text (put, 1, "name");
      bind_text (put, 2, name);
      return step_done (self, put, error);
    }
  bind_text (drop, 1, "name");
  return step_done (self, drop, error);
}

/* Empties every table, for a portfolio the store did not load. */
static gboolean
clear_tables (AffSqliteStore  *self,
              GError         **error)
{
  return exec (self, "DELETE FROM journal; DELETE FROM ledger; DELETE FROM affair; DELETE FROM offer;"
                     " DELETE FROM consultation; DELETE FROM client; DELETE FROM meta;", error);
}

static Kind
kind_of (const char *name)
{
  for (guint k = 0; k < N_KINDS; k++)
    if (strcmp (name, kind_names[k]) == 0)
      return k;
  return N_KINDS;
}

/* What the journal entries from @first on changed: per kind, the ids in
 * the order first met, and whether one was removed on the way (its row
 * then goes and comes back at the end, where the portfolio has it). */
typedef struct
{
  GPtrArray *ids[N_KINDS];
  GHashTable *seen[N_KINDS];       /* id → removed (GINT_TO_POINTER) */
  gboolean meta;                   /* the portfolio's name or policy */
} Changes;

static void
changes_collect (Changes    *changes,
                 AffJournal *journal,
                 guint       first)
{
  guint n = aff_journal_get_n_entries (journal);

  for (guint k = 0; k < N_KINDS; k++)
    {
      changes->ids[k] = g_ptr_array_new ();
      changes->seen[k] = g_hash_table_new (g_str_hash, g_str_equal);
    }
  changes->meta = FALSE;
  for (guint i = first; i < n; i++)
    {
      AffJournalEntry *entry = aff_journal_get_entry (journal, i);
      const char *id = aff_journal_entry_get_entity_id (entry);
      Kind kind = kind_of (aff_journal_entry_get_entity_kind (entry));
      gboolean removed = strcmp (aff_journal_entry_get_action (entry), "removed") == 0;

      if (kind == N_KINDS)
        {
          changes->meta = TRUE;
          continue;
        }
      if (!g_hash_table_contains (changes->seen[kind], id))
        g_ptr_array_add (changes->ids[kind], (gpointer) id);
      if (removed || g_hash_table_lookup (changes->seen[kind], id) != NULL)
        g_hash_table_insert (changes->seen[kind], (gpointer) id, GINT_TO_POINTER (TRUE));
      else
        g_hash_table_insert (changes->seen[kind], (gpointer) id, GINT_TO_POINTER (FALSE));
    }
}

static void
changes_clear (Changes *changes)
{
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_clear_pointer (&changes->ids[k], g_ptr_array_unref);
      g_clear_pointer (&changes->seen[k], g_hash_table_unref);
    }
}

/* Writes what @changes names: removals last to first so that no row loses
 * a parent it still has, the rest in document order. */
static gboolean
write_changes (AffSqliteStore  *self,
               State           *state,
               Picture         *picture,
               AffPortfolio    *portfolio,
               Changes         *changes,
               sqlite3_stmt    *ledger_insert,
               GError         **error)
{
  for (int k = N_KINDS - 1; k >= 0; k--)
    for (guint i = 0; i < changes->ids[k]->len; i++)
      {
        const char *id = g_ptr_array_index (changes->ids[k], i);

        if ((lookup (portfolio, k, id) == NULL || g_hash_table_lookup (changes->seen[k], id) != NULL) &&
            !write_entity (self, state, picture, k, id, NULL, FALSE, error))
          return FALSE;
      }
  for (guint k = 0; k < N_KINDS; k++)
    for (guint i = 0; i < changes->ids[k]->len; i++)
      {
        const char *id = g_ptr_array_index (changes->ids[k], i);
        gpointer entity = lookup (portfolio, k, id);
        gboolean fresh = g_hash_table_lookup (changes->seen[k], id) != NULL;
        gpointer lines;

        if (entity == NULL)
          continue;
        if (!write_entity (self, state, picture, k, id, entity, fresh, error))
          return FALSE;
        if (k != KIND_AFFAIR)
          continue;
        lines = fresh ? NULL : g_hash_table_lookup (state->ledger_lines, id);
        if (!write_ledger (self, ledger_insert, picture, entity, GPOINTER_TO_UINT (lines), error))
          return FALSE;
      }
  return !changes->meta || write_meta (self, portfolio, error);
}

static gboolean
read_generation (AffSqliteStore  *self,
                 gint64          *generation,
                 GError         **error)
{
  g_autoptr(sqlite3_stmt) meta = prepare (self, "SELECT value FROM meta WHERE key = 'generation'", error);
  int code;

  if (meta == NULL)
    return FALSE;
  *generation = 0;
  if ((code = sqlite3_step (meta)) == SQLITE_ROW)
    *generation = g_ascii_strtoll ((const char *) sqlite3_column_text (meta, 0), NULL, 10);
  return code == SQLITE_ROW || code == SQLITE_DONE || fail_sqlite (self, error);
}

/* Writes the whole portfolio into emptied tables, as a new generation of
 * them: *@generation. */
static gboolean
write_all (AffSqliteStore  *self,
           Picture         *picture,
           AffPortfolio    *portfolio,
           sqlite3_stmt    *ledger_insert,
           gint64          *generation,
           GError         **error)
{
  GListModel *affairs = aff_portfolio_get_affairs (portfolio);
  g_autoptr(sqlite3_stmt) put = NULL;
  char text[24];

  /* What was not read yet may be read from these very tables. */
  if (!_aff_journal_check_loaded (aff_portfolio_get_journal (portfolio), error))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (affairs); i++)
    {
      g_autoptr(AffAffair) affair = g_list_model_get_item (affairs, i);

      if (!_aff_ledger_check_loaded (aff_affair_get_ledger (affair), error))
        return FALSE;
    }
  if (!read_generation (self, generation, error) || !clear_tables (self, error) ||
      !write_meta (self, portfolio, error) ||
      (put = prepare (self, "INSERT INTO meta (key, value) VALUES ('generation', ?)", error)) == NULL)
    return FALSE;
  g_snprintf (text, sizeof text, "%" PRId64, ++*generation);
  bind_text (put, 1, text);
  if (!step_done (self, put, error))
    return FALSE;
  for (guint k = 0; k < N_KINDS; k++)
    {
      GListModel *list = entities (portfolio, k);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(GObject) entity = g_list_model_get_item (list, i);
          const char *id = entity_id (k, entity);

          if (!write_entity (self, NULL, picture, k, id, entity, TRUE, error) ||
              (k == KIND_AFFAIR && !write_ledger (self, ledger_insert, picture, AFF_AFFAIR (entity), 0, error)))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
replaced (AffSqliteStore  *self,
          GError         **error)
{
  g_set_error (error, AFF_ERROR, AFF_ERROR_CONFLICT,
               _("%s: another process replaced the whole store since it was loaded; nothing was saved: "
                 "load the store again and redo the change"), self->path);
  return FALSE;
}

/* How many journal entries the database holds; FALSE with a conflict
 * unless its tables are those @state was read from, their journal still
 * beginning with the one read. */
static gboolean
check_same_tables (AffSqliteStore  *self,
                   State           *state,
                   guint           *length,
                   GError         **error)
{
  g_autoptr(sqlite3_stmt) count = prepare (self, "SELECT coalesce (max (sequence), 0) FROM journal", error);
  g_autoptr(sqlite3_stmt) head = prepare (self, "SELECT hash FROM journal WHERE sequence = ?", error);
  gint64 generation;

  if (count == NULL || head == NULL || !read_generation (self, &generation, error))
    return FALSE;
  if (generation != state->generation)
    return replaced (self, error);
  if (sqlite3_step (count) != SQLITE_ROW)
    return fail_sqlite (self, error);
  *length = (guint) sqlite3_column_int64 (count, 0);
  if (*length < state->journal_length)
    return replaced (self, error);
  if (state->journal_length == 0)
    return TRUE;
  sqlite3_bind_int64 (head, 1, state->journal_length);
  if (sqlite3_step (head) != SQLITE_ROW ||
      strcmp ((const char *) sqlite3_column_text (head, 0), state->journal_head) != 0)
    return replaced (self, error);
  return TRUE;
}

/* The journal entries another process saved after the @first this store
 * knows of. */
static GPtrArray *
read_foreign_entries (AffSqliteStore  *self,
                      guint            first,
                      GError         **error)
{
  return read_entries (self, "SELECT sequence, body FROM journal WHERE sequence > ? ORDER BY sequence", first,
                       error);
}

/* Whether what another process saved (@foreign) leaves alone every entity
 * this save changes; FALSE with AFF_ERROR_CONFLICT naming the first it
 * touched. */
static gboolean
check_disjoint (AffSqliteStore  *self,
                GPtrArray       *foreign,
                Changes         *changes,
                GError         **error)
{
  for (guint i = 0; i < foreign->len; i++)
    {
      AffJournalEntry *entry = g_ptr_array_index (foreign, i);
      const char *id = aff_journal_entry_get_entity_id (entry);
      Kind kind = kind_of (aff_journal_entry_get_entity_kind (entry));

      if (kind < N_KINDS && g_hash_table_contains (changes->seen[kind], id))
        return conflict (self, kind, id, error);
      if (kind == N_KINDS && changes->meta)
        return g_set_error (error, AFF_ERROR, AFF_ERROR_CONFLICT,
                            _("%s: another process changed the name or the policy of the portfolio since it "
                              "was loaded; nothing was saved: load the store again and redo the change"),
                            self->path), FALSE;
    }
  return TRUE;
}

/* Saves the changes the journal names since @state was last saved or
 * loaded; when another process saved in between and touched none of the
 * same entities, the journal entries are chained after its
 * (*@rechained, for the caller to take into the journal once committed). */
static gboolean
save_changes (AffSqliteStore  *self,
              State           *state,
              AffPortfolio    *portfolio,
              sqlite3_stmt    *ledger_insert,
              Picture         *picture,
              GPtrArray      **rechained,
              GError         **error)
{
  AffJournal *journal = aff_portfolio_get_journal (portfolio);
  g_autoptr(GPtrArray) foreign = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  Changes changes = { { NULL } };
  guint length = 0, first = state->journal_length;
  gboolean ok;

  if (!check_same_tables (self, state, &length, error))
    return FALSE;
  changes_collect (&changes, journal, first);
  if (length != state->journal_length)
    {
      ok = (foreign = read_foreign_entries (self, state->journal_length, error)) != NULL &&
           check_disjoint (self, foreign, &changes, error) &&
           (*rechained = _aff_journal_rechain (journal, state->journal_length, foreign, error)) != NULL;
      if (!ok)
        {
          changes_clear (&changes);
          return FALSE;
        }
      entries = g_ptr_array_ref (*rechained);
      first = foreign->len;
    }
  else
    entries = journal_tail (journal, first);
  ok = write_changes (self, state, picture, portfolio, &changes, ledger_insert, error) &&
       write_journal (self, entries, first, error);
  changes_clear (&changes);
  return ok;
}

static gboolean
aff_sqlite_store_save (AffStore      *store,
                       AffPortfolio  *portfolio,
                       GError       **error)
{
  AffSqliteStore *self = AFF_SQLITE_STORE (store);
  g_autoptr(sqlite3_stmt) ledger_insert = NULL;
  g_autoptr(GPtrArray) rechained = NULL;
  AffJournal *journal = aff_portfolio_get_journal (portfolio);
  State *state = state_of (self, portfolio);
  gboolean whole = state == NULL || state->rewrite;
  gint64 generation = 0;
  Picture picture;
  gboolean ok;
  int moved = 0;

  if (!open_database (self, TRUE, error))
    return FALSE;
  /* IMMEDIATE takes the write lock now: what is checked below stays true
   * until the commit. */
  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  /* The connection stays open from the load: should the path lead to
   * another file now (removed, or another store renamed over it), saving
   * into the one still open would lose the change, and its write-ahead log
   * could later be played onto the other. */
  if (sqlite3_file_control (self->db, "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK && moved)
    {
      exec (self, "ROLLBACK", NULL);
      close_database (self);
      g_set_error (error, AFF_ERROR, AFF_ERROR_CONFLICT,
                   _("%s was removed or replaced by another program since it was opened; nothing was saved: "
                     "load it again and redo the change"), self->path);
      return FALSE;
    }
  picture_init (&picture);
  ok = migrate (self, error) &&
       (ledger_insert = prepare (self, "INSERT INTO ledger (affair_id, line, day, work, category, state, amount,"
                                       " quantity, supplier, document, commitment)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error)) != NULL;
  if (ok && whole)
    {
      g_autoptr(GPtrArray) entries = NULL;

      ok = write_all (self, &picture, portfolio, ledger_insert, &generation, error) &&
           (entries = journal_tail (journal, 0)) != NULL &&
           write_journal (self, entries, 0, error);
    }
  else if (ok)
    ok = save_changes (self, state, portfolio, ledger_insert, &picture, &rechained, error);
  g_clear_pointer (&ledger_insert, sqlite3_finalize);
  if (ok && !exec (self, "COMMIT", error))
    ok = FALSE;
  if (!ok)
    {
      exec (self, "ROLLBACK", NULL);
      picture_clear (&picture);
      return FALSE;
    }
  if (rechained != NULL)
    _aff_journal_replace_tail (journal, state->journal_length, rechained);
  if (whole)
    {
      state = state_new ();
      state->generation = generation;
      set_state (self, portfolio, state);
    }
  picture_apply (&picture, state);
  picture_clear (&picture);
  state->journal_length = aff_journal_get_n_entries (journal);
  g_strlcpy (state->journal_head,
             state->journal_length > 0 ? aff_journal_get_head_hash (journal) : "", sizeof state->journal_head);
  return TRUE;
}

static void
aff_sqlite_store_close (AffStore *store)
{
  close_database (AFF_SQLITE_STORE (store));
}

static const char *
aff_sqlite_store_get_path (AffStore *store)
{
  return AFF_SQLITE_STORE (store)->path;
}

static void
aff_sqlite_store_iface_init (AffStoreInterface *iface)
{
  iface->load = aff_sqlite_store_load;
  iface->save = aff_sqlite_store_save;
  iface->close = aff_sqlite_store_close;
  iface->get_path = aff_sqlite_store_get_path;
}
