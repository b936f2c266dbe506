/* test-store.c: the JSON and SQLite stores
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The story of the examples (examples/c/story.h) gives a portfolio with a
 * client, a consultation, an accepted offer and its affair with a plan,
 * two costs and progress. What the SQLite store writes is checked in the
 * database itself, with SQL, not through the store that wrote it.
 */

#include <string.h>
#include <sqlite3.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>

#include "../../examples/c/story.h"

/* The library logs with G_LOG_USE_STRUCTURED, which GLib 2.74's
 * g_test_expect_message() does not see: an expected warning is caught
 * here, its message kept for the test to read. */
static gboolean expecting_warning;
static char *caught_warning;

static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  if ((log_level & G_LOG_LEVEL_WARNING) && expecting_warning)
    for (gsize i = 0; i < n_fields; i++)
      if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
        {
          expecting_warning = FALSE;
          g_free (caught_warning);
          caught_warning = g_strdup (fields[i].value);
          return G_LOG_WRITER_HANDLED;
        }
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

typedef struct
{
  char *folder;
  char *db_path;
  char *json_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("test-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->folder, "portfolio.sqlite", NULL);
  fixture->json_path = g_build_filename (fixture->folder, "portfolio.json", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(GDir) dir = NULL;
  const char *name;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (fixture->db_path, suffixes[i], NULL);
      g_unlink (path);
    }
  dir = g_dir_open (fixture->folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->folder, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->db_path);
  g_free (fixture->json_path);
}

/* The story up to the costs of 4 May. */
static AffPortfolio *
new_story (void)
{
  g_autoptr(GError) error = NULL;
  AffPortfolio *portfolio = story_new_portfolio ();
  AffAffair *affair = story_open_affair (portfolio, &error);

  g_assert_no_error (error);
  g_assert_nonnull (affair);
  g_assert_true (story_plan_affair (affair, &error));
  g_assert_true (story_book_costs (affair, &error));
  g_assert_no_error (error);
  return portfolio;
}

static void
assert_same_document (AffPortfolio *a,
                      AffPortfolio *b)
{
  g_autofree char *text_a = aff_portfolio_to_data (a, NULL);
  g_autofree char *text_b = aff_portfolio_to_data (b, NULL);

  g_assert_cmpstr (text_a, ==, text_b);
}

/* One integer a query gives, read straight from the database. */
static gint64
query_int (const char *db_path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (statement, 0);
  sqlite3_finalize (statement);
  sqlite3_close (db);
  return value;
}

static void
execute (const char *db_path,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static AffPortfolio *
load (AffStore *store)
{
  g_autoptr(GError) error = NULL;
  AffPortfolio *portfolio = aff_store_load (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (portfolio);
  return portfolio;
}

static void
save (AffStore     *store,
      AffPortfolio *portfolio)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aff_store_save (store, portfolio, &error));
  g_assert_no_error (error);
}

static void
record_call (AffPortfolio *portfolio,
             const char   *client_id,
             int           d)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = day (2026, 5, d);
  g_autoptr(AffInteraction) call = aff_interaction_new (AFF_INTERACTION_KIND_CALL, date, "point d'avancement");

  g_assert_true (aff_portfolio_record_interaction (portfolio, client_id, call, &error));
  g_assert_no_error (error);
}

/* A new client, prospect, with no interaction. */
static void
add_prospect (AffPortfolio *portfolio,
              const char   *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffClient) client = aff_client_new (id, "Prospect");

  g_assert_true (aff_portfolio_add_client (portfolio, client, &error));
  g_assert_no_error (error);
}

static void
book (AffPortfolio *portfolio,
      int           d,
      const char   *amount)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (add_cost (aff_portfolio_lookup_affair (portfolio, "OFF-1"), 2026, 5, d, "T2",
                           AFF_COST_CATEGORY_MATERIAL, amount, &error));
  g_assert_no_error (error);
}

/* The story saved into a new SQLite store and loaded by another gives
 * the same document; its rows are those of the story: one client, one
 * consultation, one offer, one affair, two cost lines, and as many journal
 * entries as the journal has. */
static void
test_sqlite_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(AffPortfolio) story = new_story ();
  g_autoptr(AffStore) writer = aff_sqlite_store_new (fixture->db_path);
  g_autoptr(AffStore) reader = aff_sqlite_store_new (fixture->db_path);
  g_autoptr(AffPortfolio) loaded = NULL;
  g_autoptr(GError) error = NULL;
  guint n_entries = aff_journal_get_n_entries (aff_portfolio_get_journal (story));

  save (writer, story);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM client"), ==, 1);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM consultation"), ==, 1);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM offer"), ==, 1);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM affair"), ==, 1);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM ledger WHERE affair_id = 'OFF-1'"), ==, 2);
  /* 3000.00 + 2000.00 EUR, in cents. */
  g_assert_cmpint (query_int (fixture->db_path, "SELECT sum(amount) FROM ledger"), ==, 500000);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM journal"), ==, n_entries);
  g_assert_cmpint (query_int (fixture->db_path, "PRAGMA user_version"), ==, AFF_SQLITE_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"),
                   ==, 1);
  /* The body keeps the affair without its cost lines, which have rows. */
  g_assert_cmpint (query_int (fixture->db_path,
                              "SELECT count(*) FROM affair WHERE json_extract (body, '$.finance.ledger') IS NULL"),
                   ==, 1);

  loaded = load (reader);
  assert_same_document (story, loaded);
  g_assert_true (aff_journal_verify (aff_portfolio_get_journal (loaded), &error));
  g_assert_no_error (error);
}

/* JSON → SQLite → JSON: the document comes back byte for byte, and its
 * journal still verifies. */
static void
test_conversion (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AffPortfolio) story = new_story ();
  g_autofree char *back_path = g_build_filename (fixture->folder, "back.json", NULL);
  g_autofree char *original = NULL, *back = NULL;
  g_autoptr(AffStore) json = NULL;
  g_autoptr(AffStore) sqlite = NULL;
  g_autoptr(AffStore) json_back = NULL;
  g_autoptr(AffPortfolio) from_json = NULL;
  g_autoptr(AffPortfolio) from_sqlite = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (aff_portfolio_save_to_file (story, fixture->json_path, &error));
  json = aff_store_open (fixture->json_path, &error);
  g_assert_no_error (error);
  g_assert_true (AFF_IS_JSON_STORE (json));
  from_json = load (json);
  sqlite = aff_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (AFF_IS_SQLITE_STORE (sqlite));
  save (sqlite, from_json);
  aff_store_close (sqlite);

  from_sqlite = load (sqlite);
  json_back = aff_store_open (back_path, &error);
  g_assert_true (AFF_IS_JSON_STORE (json_back));
  save (json_back, from_sqlite);
  g_assert_true (g_file_get_contents (fixture->json_path, &original, NULL, &error));
  g_assert_true (g_file_get_contents (back_path, &back, NULL, &error));
  g_assert_cmpstr (original, ==, back);
  g_assert_true (aff_journal_verify (aff_portfolio_get_journal (from_sqlite), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (aff_store_get_path (sqlite), ==, fixture->db_path);

  /* The store of an existing file goes by its content, not its name. */
  {
    g_autofree char *renamed = g_build_filename (fixture->folder, "renamed.data", NULL);
    g_autoptr(AffStore) again = NULL;

    g_assert_cmpint (g_rename (fixture->db_path, renamed), ==, 0);
    again = aff_store_open (renamed, &error);
    g_assert_no_error (error);
    g_assert_true (AFF_IS_SQLITE_STORE (again));
    g_assert_cmpint (g_rename (renamed, fixture->db_path), ==, 0);
  }
}

/* A save rewrites the rows of the entities changed since the load, and
 * appends the new cost lines and journal entries; the rest is not
 * touched, as the versions of the rows show. */
static void
test_saves_what_changed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(AffPortfolio) story = new_story ();
  g_autoptr(AffStore) store = aff_sqlite_store_new (fixture->db_path);
  g_autoptr(AffStore) other = aff_sqlite_store_new (fixture->db_path);
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(AffPortfolio) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 entries;

  save (store, story);
  g_clear_object (&store);
  store = aff_sqlite_store_new (fixture->db_path);
  portfolio = load (store);
  entries = query_int (fixture->db_path, "SELECT count(*) FROM journal");

  /* A call to the client: its row only, and one journal entry. */
  record_call (portfolio, "ACME", 6);
  save (store, portfolio);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT version FROM client WHERE id = 'ACME'"), ==, 2);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT version FROM consultation WHERE id = 'CONS-1'"), ==, 1);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT version FROM offer WHERE id = 'OFF-1'"), ==, 1);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT version FROM affair WHERE id = 'OFF-1'"), ==, 1);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM journal"), ==, entries + 1);

  /* Three costs: the affair's row, three lines appended after the two. */
  book (portfolio, 6, "100.00 EUR");
  book (portfolio, 7, "200.00 EUR");
  book (portfolio, 8, "300.50 EUR");
  save (store, portfolio);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT version FROM affair WHERE id = 'OFF-1'"), ==, 2);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT version FROM client WHERE id = 'ACME'"), ==, 2);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM ledger"), ==, 5);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT max(line) FROM ledger"), ==, 4);
  /* 3000.00 + 2000.00 + 100.00 + 200.00 + 300.50 EUR, in cents. */
  g_assert_cmpint (query_int (fixture->db_path, "SELECT sum(amount) FROM ledger"), ==, 560050);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT amount FROM ledger WHERE line = 4"), ==, 30050);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM journal"), ==, entries + 4);

  /* A new client gets a row after the others; nothing saved twice. */
  add_prospect (portfolio, "BETA");
  save (store, portfolio);
  save (store, portfolio);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT version FROM client WHERE id = 'BETA'"), ==, 1);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT position FROM client WHERE id = 'BETA'"), >,
                   query_int (fixture->db_path, "SELECT position FROM client WHERE id = 'ACME'"));
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM journal"), ==, entries + 5);

  /* A client removed loses its row. */
  g_assert_true (aff_portfolio_remove_client (portfolio, "BETA", &error));
  g_assert_no_error (error);
  save (store, portfolio);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM client WHERE id = 'BETA'"), ==, 0);

  reloaded = load (other);
  assert_same_document (portfolio, reloaded);
  g_assert_true (aff_journal_verify (aff_portfolio_get_journal (reloaded), &error));
  g_assert_no_error (error);
}

/* Two processes on one store: the second to save a change to the entity
 * the first changed gets a conflict naming it, and nothing of its save
 * goes in; changes to different entities both go in, the second's journal
 * entries chained after the first's. */
static void
test_conflicts (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AffPortfolio) story = new_story ();
  g_autoptr(AffStore) first = aff_sqlite_store_new (fixture->db_path);
  g_autoptr(AffStore) second = aff_sqlite_store_new (fixture->db_path);
  g_autoptr(AffStore) third = aff_sqlite_store_new (fixture->db_path);
  g_autoptr(AffPortfolio) mine = NULL;
  g_autoptr(AffPortfolio) theirs = NULL;
  g_autoptr(AffPortfolio) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 entries, ledger_lines;
  guint n_theirs;

  save (first, story);
  g_clear_object (&story);
  mine = load (first);
  theirs = load (second);
  entries = query_int (fixture->db_path, "SELECT count(*) FROM journal");

  /* Both change the client ACME: the first wins, the second is told. */
  record_call (mine, "ACME", 6);
  save (first, mine);
  record_call (theirs, "ACME", 7);
  book (theirs, 7, "999.00 EUR");
  g_assert_false (aff_store_save (second, theirs, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "client ACME"));
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM journal"), ==, entries + 1);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM ledger"), ==, 2);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT version FROM affair"), ==, 1);

  /* They start again from the store; meanwhile the first books a cost on
   * the affair, they add a prospect: both saves go in. */
  g_clear_object (&theirs);
  theirs = load (second);
  book (mine, 8, "10.00 EUR");
  save (first, mine);
  add_prospect (theirs, "BETA");
  n_theirs = aff_journal_get_n_entries (aff_portfolio_get_journal (theirs));
  save (second, theirs);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM journal"), ==, entries + 3);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM client"), ==, 2);
  ledger_lines = query_int (fixture->db_path, "SELECT count(*) FROM ledger");
  g_assert_cmpint (ledger_lines, ==, 3);
  /* Their journal now holds the first's entry before their own. */
  g_assert_cmpint (aff_journal_get_n_entries (aff_portfolio_get_journal (theirs)), ==, n_theirs + 1);
  g_assert_true (aff_journal_verify (aff_portfolio_get_journal (theirs), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (aff_journal_entry_get_action (aff_journal_get_entry (aff_portfolio_get_journal (theirs),
                                                                         (guint) entries + 1)),
                   ==, "cost-added");

  /* What is in the store has both changes and a journal that verifies. */
  reloaded = load (third);
  g_assert_nonnull (aff_portfolio_lookup_client (reloaded, "BETA"));
  g_assert_cmpuint (aff_ledger_get_n_entries (aff_affair_get_ledger (aff_portfolio_lookup_affair (reloaded,
                                                                                                   "OFF-1"))),
                    ==, 3);
  g_assert_true (aff_journal_verify (aff_portfolio_get_journal (reloaded), &error));
  g_assert_no_error (error);

  /* The first's next cost goes in after BETA; the second, who loaded the
   * affair before the first's costs, cannot save a cost of its own. */
  book (mine, 9, "20.00 EUR");
  save (first, mine);
  book (theirs, 9, "30.00 EUR");
  g_assert_false (aff_store_save (second, theirs, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "affair OFF-1"));
}

/* What the helper tests found: two writers each adding a client of their
 * own both go in; a portfolio loaded twice from one store saves as the
 * one it is; a store replaced whole by another ("save as") is a conflict
 * for whoever loaded it before, and nothing of theirs is written. */
static void
test_more_conflicts (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AffPortfolio) story = new_story ();
  g_autoptr(AffStore) a = aff_sqlite_store_new (fixture->db_path);
  g_autoptr(AffStore) b = aff_sqlite_store_new (fixture->db_path);
  g_autoptr(AffPortfolio) pa = NULL;
  g_autoptr(AffPortfolio) pb = NULL;
  g_autoptr(AffPortfolio) first = NULL;
  g_autoptr(AffPortfolio) second = NULL;
  g_autoptr(AffPortfolio) other = NULL;
  g_autoptr(GError) error = NULL;
  gint64 entries;

  save (a, story);
  pa = load (a);
  pb = load (b);
  add_prospect (pb, "BETA");
  save (b, pb);
  add_prospect (pa, "GAMMA");
  save (a, pa);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM client"), ==, 3);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT position FROM client WHERE id = 'GAMMA'"), >,
                   query_int (fixture->db_path, "SELECT position FROM client WHERE id = 'BETA'"));

  /* Loaded twice from one store: each keeps what it was loaded from, so
   * the older one is not taken for a "save as" over the newer's change. */
  g_clear_object (&pa);
  g_clear_object (&pb);
  first = load (a);
  second = load (a);
  record_call (second, "BETA", 6);
  save (a, second);
  record_call (first, "BETA", 7);
  g_assert_false (aff_store_save (a, first, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "client BETA"));
  g_clear_error (&error);

  /* Replaced whole by another portfolio. */
  other = new_story ();
  save (b, other);
  entries = query_int (fixture->db_path, "SELECT count(*) FROM journal");
  add_prospect (second, "DELTA");
  g_assert_false (aff_store_save (a, second, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "replaced"));
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM client WHERE id = 'DELTA'"), ==, 0);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM journal"), ==, entries);
}

/* Readers never wait for a writer: while another connection holds a write
 * transaction open, a store loads what was committed; a store that saves
 * then waits for it (five seconds) and says another process is saving,
 * without losing the change, which goes in once the other is done. */
static void
test_readers_and_writers (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AffPortfolio) story = new_story ();
  g_autoptr(AffStore) reader = aff_sqlite_store_new (fixture->db_path);
  g_autoptr(AffStore) writer = aff_sqlite_store_new (fixture->db_path);
  g_autoptr(AffPortfolio) read = NULL;
  g_autoptr(AffPortfolio) mine = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  save (writer, story);
  mine = load (writer);
  g_assert_cmpint (sqlite3_open (fixture->db_path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; DELETE FROM ledger;", NULL, NULL, NULL), ==, SQLITE_OK);

  read = load (reader);
  g_assert_cmpuint (aff_ledger_get_n_entries (aff_affair_get_ledger (aff_portfolio_lookup_affair (read, "OFF-1"))),
                    ==, 2);

  record_call (mine, "ACME", 6);
  g_assert_false (aff_store_save (writer, mine, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "another process is saving"));
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  save (writer, mine);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT version FROM client WHERE id = 'ACME'"), ==, 2);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM ledger"), ==, 2);
}

/* What is not a store, or a store gone wrong, is refused with an error
 * that says where. */
static void
test_bad_stores (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AffPortfolio) story = new_story ();
  g_autoptr(AffStore) store = NULL;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;

  /* Nothing there yet. */
  store = aff_sqlite_store_new (fixture->db_path);
  g_assert_null (aff_store_load (store, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);
  g_clear_object (&store);

  /* Text where a database should be. */
  g_assert_true (g_file_set_contents (fixture->db_path, "{\"format\": \"libaffaires-portfolio\"}", -1, NULL));
  store = aff_sqlite_store_new (fixture->db_path);
  g_assert_null (aff_store_load (store, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, fixture->db_path));
  g_clear_error (&error);
  g_clear_object (&store);
  g_unlink (fixture->db_path);

  store = aff_sqlite_store_new (fixture->db_path);
  save (store, story);
  g_clear_object (&store);

  /* A newer schema. */
  execute (fixture->db_path, "PRAGMA user_version = 99");
  store = aff_sqlite_store_new (fixture->db_path);
  g_assert_null (aff_store_load (store, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_UNSUPPORTED_VERSION);
  g_clear_error (&error);
  g_clear_object (&store);
  execute (fixture->db_path, "PRAGMA user_version = 1");

  /* An id made NULL by hand (a rowid table's TEXT PRIMARY KEY allows it). */
  execute (fixture->db_path, "UPDATE client SET id = NULL WHERE id = 'ACME'");
  store = aff_sqlite_store_new (fixture->db_path);
  g_assert_null (aff_store_load (store, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "a row of table client has no id"));
  g_clear_error (&error);
  g_clear_object (&store);
  execute (fixture->db_path, "UPDATE client SET id = 'ACME' WHERE id IS NULL");

  /* A row edited by hand: the strict loader names the member at fault. */
  execute (fixture->db_path, "UPDATE client SET body = json_set (body, '$.siren', '123') WHERE id = 'ACME'");
  store = aff_sqlite_store_new (fixture->db_path);
  g_assert_null (aff_store_load (store, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "$.clients[0].siren"));
  g_clear_error (&error);
  g_clear_object (&store);
  execute (fixture->db_path, "UPDATE client SET body = json_set (body, '$.siren', '732829320') WHERE id = 'ACME'");

  /* A body that is not JSON: the message names the store once, then the
   * row. The bodies are parsed one at a time as the portfolio is built. */
  execute (fixture->db_path, "CREATE TABLE kept AS SELECT body FROM offer WHERE id = 'OFF-1';"
                            "UPDATE offer SET body = '{\"id\": ' WHERE id = 'OFF-1'");
  store = aff_sqlite_store_new (fixture->db_path);
  g_assert_null (aff_store_load (store, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT);
  {
    g_autofree char *start = g_strdup_printf ("%s: offer OFF-1: ", fixture->db_path);

    g_assert_true (g_str_has_prefix (error->message, start));
    g_assert_null (strstr (error->message + strlen (start), fixture->db_path));
  }
  g_clear_error (&error);
  g_clear_object (&store);
  execute (fixture->db_path, "UPDATE offer SET body = (SELECT body FROM kept) WHERE id = 'OFF-1'; DROP TABLE kept");

  /* A cost line of an unknown category: ledgers are read when first
   * needed, so the store loads; the ledger then says so, holds nothing,
   * and refuses a cost and any save, so that nothing is lost. */
  execute (fixture->db_path, "UPDATE ledger SET category = 'bribes' WHERE line = 1");
  store = aff_sqlite_store_new (fixture->db_path);
  portfolio = load (store);
  {
    AffLedger *ledger = aff_affair_get_ledger (aff_portfolio_lookup_affair (portfolio, "OFF-1"));
    g_autoptr(AffMoney) amount = aff_money_parse ("1.00 EUR", NULL);
    g_autoptr(GDate) date = day (2026, 5, 6);
    g_autoptr(AffCostEntry) entry = aff_cost_entry_new (date, "T1", AFF_COST_CATEGORY_LABOUR,
                                                        AFF_COST_STATE_ACTUAL, amount);

    expecting_warning = TRUE;
    g_assert_cmpuint (aff_ledger_get_n_entries (ledger), ==, 0);
    g_assert_false (expecting_warning);
    g_assert_nonnull (strstr (caught_warning, "ledger of affair OFF-1, line 1"));
    g_assert_false (aff_ledger_add (ledger, entry, &error));
    g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT);
    g_assert_nonnull (strstr (error->message, "ledger of affair OFF-1, line 1"));
    g_clear_error (&error);
    record_call (portfolio, "ACME", 6);
    g_assert_false (aff_portfolio_save_to_file (portfolio, fixture->json_path, &error));
    g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT);
    g_clear_error (&error);
    g_assert_false (g_file_test (fixture->json_path, G_FILE_TEST_EXISTS));
  }
  g_clear_object (&portfolio);
  g_clear_object (&store);
  execute (fixture->db_path, "UPDATE ledger SET category = 'material' WHERE line = 1");

  /* The revision sent, edited in its row: the journal's chain is whole,
   * but the revision is no longer what its "sent" entry sealed, which
   * aff_portfolio_verify() says (a store reads its journal only when
   * needed, so the seals are not checked on loading it). */
  execute (fixture->db_path, "UPDATE offer SET body = json_set (body, '$.revisions[0].vat_rate', 550)");
  store = aff_sqlite_store_new (fixture->db_path);
  portfolio = load (store);
  g_assert_true (aff_journal_verify (aff_portfolio_get_journal (portfolio), &error));
  g_assert_no_error (error);
  g_assert_false (aff_portfolio_verify (portfolio, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_TAMPERED);
  g_assert_nonnull (strstr (error->message, "$.offers[0].revisions[0]: revision A of offer OFF-1"));
  g_clear_error (&error);
  g_clear_object (&portfolio);
  g_clear_object (&store);
  execute (fixture->db_path, "UPDATE offer SET body = json_set (body, '$.revisions[0].vat_rate', 2000)");
  store = aff_sqlite_store_new (fixture->db_path);
  portfolio = load (store);
  g_assert_true (aff_portfolio_verify (portfolio, &error));
  g_assert_no_error (error);
  g_clear_object (&portfolio);
  g_clear_object (&store);

  /* A journal entry altered: the store loads, the journal says which. */
  execute (fixture->db_path, "UPDATE journal SET body = json_set (body, '$.actor', 'mallory') WHERE sequence = 2");
  store = aff_sqlite_store_new (fixture->db_path);
  portfolio = load (store);
  g_assert_false (aff_journal_verify (aff_portfolio_get_journal (portfolio), &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_TAMPERED);
  g_assert_nonnull (strstr (error->message, "journal entry 2 "));
  g_clear_error (&error);
  g_clear_object (&portfolio);
  g_clear_object (&store);

  /* A journal entry that is not JSON any more: the entries are read when
   * first needed, so the store loads and a change saves, chained after the
   * last hash; reading the entries warns, verify() fails naming the entry,
   * and a copy elsewhere is refused rather than made without them. */
  execute (fixture->db_path, "UPDATE journal SET body = '{' WHERE sequence = 3");
  store = aff_sqlite_store_new (fixture->db_path);
  portfolio = load (store);
  record_call (portfolio, "ACME", 6);
  save (store, portfolio);
  expecting_warning = TRUE;
  g_assert_false (aff_journal_verify (aff_portfolio_get_journal (portfolio), &error));
  g_assert_false (expecting_warning);
  g_assert_nonnull (strstr (caught_warning, "journal 3"));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "journal 3"));
  g_clear_error (&error);
  g_assert_false (aff_portfolio_save_to_file (portfolio, fixture->json_path, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT);
  g_assert_false (g_file_test (fixture->json_path, G_FILE_TEST_EXISTS));
}

/* A client name holding U+001F goes into a row escaped and comes back
 * whole (json-glib 1.6 writes it raw, which the loader would refuse). */
static void
test_unit_separator (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AffPortfolio) story = new_story ();
  g_autoptr(AffStore) store = aff_sqlite_store_new (fixture->db_path);
  g_autoptr(AffClient) client = aff_client_new ("US", "Alpha\x1F" "Beta");
  g_autoptr(AffPortfolio) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (aff_portfolio_add_client (story, client, &error));
  g_assert_no_error (error);
  save (store, story);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT instr (body, char (31)) FROM client WHERE id = 'US'"), ==, 0);
  g_clear_object (&store);
  store = aff_sqlite_store_new (fixture->db_path);
  loaded = load (store);
  g_assert_cmpstr (aff_client_get_name (aff_portfolio_lookup_client (loaded, "US")), ==, "Alpha\x1F" "Beta");
}

/* The dashboard reads the ledgers a store left to read in one pass: the
 * lines they had when loaded, not those another process added since. */
static void
test_ledgers_in_one_pass (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AffPortfolio) story = new_story ();
  g_autoptr(AffStore) store = aff_sqlite_store_new (fixture->db_path);
  g_autoptr(AffStore) other_store = aff_sqlite_store_new (fixture->db_path);
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(AffPortfolio) other = NULL;
  g_autoptr(AffDashboard) dashboard = NULL;
  g_autoptr(GDate) date = day (2026, 5, 31);
  g_autoptr(GError) error = NULL;

  save (store, story);
  portfolio = load (store);
  other = load (other_store);
  book (other, 9, "100.00 EUR");
  save (other_store, other);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM ledger WHERE affair_id = 'OFF-1'"), ==, 3);

  dashboard = aff_portfolio_compute_dashboard (portfolio, date, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dashboard);
  /* The story's two lines, as they were loaded. */
  g_assert_cmpuint (aff_ledger_get_n_entries (aff_affair_get_ledger (aff_portfolio_lookup_affair (portfolio, "OFF-1"))),
                    ==, 2);
  g_assert_cmpuint (aff_ledger_get_n_entries (aff_affair_get_ledger (aff_portfolio_lookup_affair (other, "OFF-1"))),
                    ==, 3);
}

/* The story with @n affairs: OFF-1, its offer and consultation copied
 * under the ids OFF-2, CONS-2 and so on. */
static AffPortfolio *
new_story_of (guint n)
{
  g_autoptr(AffPortfolio) story = new_story ();
  g_autofree char *text = aff_portfolio_to_data (story, NULL);
  g_autoptr(JsonNode) root = json_from_string (text, NULL);
  static const char *const members[] = { "consultations", "offers", "affairs" };
  g_autofree char *document = NULL;
  g_autoptr(GError) error = NULL;
  AffPortfolio *portfolio;

  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    {
      JsonArray *array = json_object_get_array_member (json_node_get_object (root), members[m]);
      g_autofree char *first = json_to_string (json_array_get_element (array, 0), FALSE);

      for (guint k = 2; k <= n; k++)
        {
          g_autofree char *offer_id = g_strdup_printf ("\"OFF-%u\"", k);
          g_autofree char *consultation_id = g_strdup_printf ("\"CONS-%u\"", k);
          g_autoptr(GString) copy = g_string_new (first);

          g_string_replace (copy, "\"OFF-1\"", offer_id, 0);
          g_string_replace (copy, "\"CONS-1\"", consultation_id, 0);
          json_array_add_element (array, json_from_string (copy->str, NULL));
        }
    }
  document = json_to_string (root, FALSE);
  portfolio = aff_portfolio_new_from_data (document, -1, &error);
  g_assert_no_error (error);
  return portfolio;
}

/* Enough lines for the dashboard to read the ledgers in two halves, each
 * on a thread and a connection of its own: every ledger gets its lines, in
 * their order. Each of the four affairs has the story's 3 000.00 + 2 000.00
 * and 6 000 lines of affair k: line i costs (i mod 7 + k) EUR, which sums
 * to 857 × 28 + 1 (the last line, i = 5 999 = 857 × 7) + 6 000 (k − 1)
 * = 23 997 + 6 000 (k − 1) EUR. */
static void
test_ledgers_in_two_halves (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(AffPortfolio) story = new_story_of (4);
  g_autoptr(AffStore) store = aff_sqlite_store_new (fixture->db_path);
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(AffDashboard) dashboard = NULL;
  g_autoptr(GDate) date = day (2026, 5, 31);
  g_autoptr(GError) error = NULL;
  const guint lines = 6000;

  for (guint k = 1; k <= 4; k++)
    {
      g_autofree char *id = g_strdup_printf ("OFF-%u", k);
      g_autoptr(GString) csv = g_string_new ("date,work,category,state,amount\n");

      for (guint i = 0; i < lines; i++)
        g_string_append_printf (csv, "2026-05-%02u,T1,labour,actual,%u.00\n", 1 + i % 28, i % 7 + k);
      g_assert_true (aff_ledger_import_csv (aff_affair_get_ledger (aff_portfolio_lookup_affair (story, id)),
                                            csv->str, -1, NULL, &error));
      g_assert_no_error (error);
    }
  save (store, story);
  g_clear_object (&store);

  store = aff_sqlite_store_new (fixture->db_path);
  portfolio = load (store);
  dashboard = aff_portfolio_compute_dashboard (portfolio, date, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dashboard);
  for (guint k = 1; k <= 4; k++)
    {
      g_autofree char *id = g_strdup_printf ("OFF-%u", k);
      g_autofree char *expected = g_strdup_printf ("%u.00 EUR", 5000 + 23997 + 6000 * (k - 1));
      g_autofree char *last = g_strdup_printf ("%u.00 EUR", (lines - 1) % 7 + k);
      AffLedger *ledger = aff_affair_get_ledger (aff_portfolio_lookup_affair (portfolio, id));
      g_autoptr(AffMoney) actual = aff_ledger_sum (ledger, NULL, AFF_COST_STATE_ACTUAL, NULL, -1, &error);
      g_autoptr(AffCostEntry) entry = NULL;
      g_autofree char *amount = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (aff_ledger_get_n_entries (ledger), ==, 2 + lines);
      amount = aff_money_to_string (actual);
      g_assert_cmpstr (amount, ==, expected);
      entry = aff_ledger_get_entry (ledger, 2 + lines - 1);
      g_free (amount);
      amount = aff_money_to_string (aff_cost_entry_get_amount (entry));
      g_assert_cmpstr (amount, ==, last);
    }
}

/* A database with what the library never makes is refused when opened:
 * a view in place of a table would recurse without end when read, a
 * trigger would run on saving. */
static void
test_foreign_objects (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AffPortfolio) story = new_story ();
  g_autoptr(AffStore) store = aff_sqlite_store_new (fixture->db_path);
  g_autoptr(GError) error = NULL;

  save (store, story);
  g_clear_object (&store);
  execute (fixture->db_path,
           "ALTER TABLE client RENAME TO client_kept;"
           "CREATE VIEW client AS WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r)"
           " SELECT 'X' AS id, n AS position, 1 AS version, '{}' AS body FROM r;");
  store = aff_sqlite_store_new (fixture->db_path);
  g_assert_null (aff_store_load (store, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, fixture->db_path));
  g_assert_nonnull (strstr (error->message, "view, “client”"));
  g_clear_error (&error);
  g_clear_object (&store);
  execute (fixture->db_path, "DROP VIEW client; ALTER TABLE client_kept RENAME TO client;");

  execute (fixture->db_path,
           "CREATE TRIGGER t AFTER INSERT ON journal BEGIN DELETE FROM ledger; END;");
  store = aff_sqlite_store_new (fixture->db_path);
  g_assert_false (aff_store_save (store, story, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "trigger, “t”"));
  g_clear_error (&error);
  g_clear_object (&store);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM ledger"), ==, 2);
  execute (fixture->db_path, "DROP TRIGGER t");
  store = aff_sqlite_store_new (fixture->db_path);
  g_clear_object (&story);
  story = load (store);
  g_clear_object (&store);

  /* A folder where the database should be. */
  store = aff_sqlite_store_new (fixture->folder);
  g_assert_null (aff_store_load (store, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_assert_nonnull (strstr (error->message, fixture->folder));
}

/* The JSON store refuses to save over a file changed behind its back and
 * leaves that file as it found it. */
static void
test_json_store_conflict (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AffPortfolio) story = new_story ();
  g_autoptr(AffStore) store = aff_json_store_new (fixture->json_path);
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL, *after = NULL;

  save (store, story);
  portfolio = load (store);
  record_call (portfolio, "ACME", 6);
  save (store, portfolio);

  /* Someone else writes the document (a new file renamed over it). */
  theirs = aff_portfolio_to_data (story, NULL);
  g_assert_true (g_file_set_contents (fixture->json_path, theirs, -1, &error));
  record_call (portfolio, "ACME", 7);
  g_assert_false (aff_store_save (store, portfolio, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, fixture->json_path));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (fixture->json_path, &after, NULL, &error));
  g_assert_cmpstr (after, ==, theirs);

  /* Loaded again, the change can be made and saved. */
  g_clear_object (&portfolio);
  portfolio = load (store);
  record_call (portfolio, "ACME", 7);
  save (store, portfolio);

  /* Removed behind its back: a conflict too. */
  g_assert_cmpint (g_unlink (fixture->json_path), ==, 0);
  record_call (portfolio, "ACME", 8);
  g_assert_false (aff_store_save (store, portfolio, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CONFLICT);
  g_assert_false (g_file_test (fixture->json_path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (log_writer, NULL, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/sqlite/round-trip", test_sqlite_round_trip);
  ADD ("/store/conversion", test_conversion);
  ADD ("/store/sqlite/saves-what-changed", test_saves_what_changed);
  ADD ("/store/sqlite/conflicts", test_conflicts);
  ADD ("/store/sqlite/more-conflicts", test_more_conflicts);
  ADD ("/store/sqlite/readers-and-writers", test_readers_and_writers);
  ADD ("/store/sqlite/bad-stores", test_bad_stores);
  ADD ("/store/sqlite/ledgers-in-one-pass", test_ledgers_in_one_pass);
  ADD ("/store/sqlite/ledgers-in-two-halves", test_ledgers_in_two_halves);
  ADD ("/store/sqlite/unit-separator", test_unit_separator);
  ADD ("/store/sqlite/foreign-objects", test_foreign_objects);
  ADD ("/store/json/conflict", test_json_store_conflict);
#undef ADD

  return g_test_run ();
}
