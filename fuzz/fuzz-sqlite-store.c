/* fuzz-sqlite-store.c: libFuzzer harness for the SQLite store
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The input is written as a database file and loaded with AffSqliteStore:
 * every input must give a portfolio or an error, never a crash, a hang, a
 * leak or a critical warning. A loaded portfolio then has every ledger
 * read (a ledger the store cannot read warns and holds nothing: those
 * warnings are expected and swallowed), its journal verified and its
 * dashboard computed at a fixed date, each giving a result or an error;
 * and it is saved into a second, new store. What that store accepted it
 * must load again as the same document.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include <affaires.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Warnings of the library are what an unreadable ledger gives: expected.
 * A critical is a bug the input reached: abort (SIGABRT, which libFuzzer
 * catches and keeps the input of, where G_DEBUG=fatal-warnings would
 * raise SIGTRAP). Messages come here through the writer (structured
 * logging) or the handler (g_log, as g_return_if_fail uses). */
static void
log_handler (const char     *domain,
             GLogLevelFlags  log_level,
             const char     *message,
             gpointer        user_data)
{
  if (log_level & G_LOG_LEVEL_CRITICAL)
    {
      g_printerr ("%s-CRITICAL: %s\n", domain != NULL ? domain : "", message);
      abort ();
    }
  if ((log_level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "Aff") == 0)
    return;
  g_log_default_handler (domain, log_level, message, user_data);
}

static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  const char *domain = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (strcmp (fields[i].key, "GLIB_DOMAIN") == 0)
      domain = fields[i].value;
  if (log_level & G_LOG_LEVEL_CRITICAL)
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }
  if ((log_level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "Aff") == 0)
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
remove_store (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* Each call gives its result or an error, whatever the store held. */
#define RESULT_OR_ERROR(call, free_func)                                      \
  G_STMT_START {                                                              \
    GError *error_ = NULL;                                                    \
    gpointer result_ = (gpointer) (call);                                     \
    if ((result_ != NULL) == (error_ != NULL))                                \
      abort ();                                                               \
    if (result_ != NULL)                                                      \
      free_func (result_);                                                    \
    g_clear_error (&error_);                                                  \
  } G_STMT_END

static char *folder;
static char *input_path;
static char *output_path;
/* One store object per file for the whole run: each store object takes a
 * quark of its own, which is never freed (GLib's quark table then drops
 * its old blocks, which LeakSanitizer reports). */
static AffStore *input_store;
static AffStore *output_store;
static AffStore *check_store;

static void
tear_down (void)
{
  g_clear_object (&input_store);
  g_clear_object (&output_store);
  g_clear_object (&check_store);
  remove_store (input_path);
  remove_store (output_path);
  g_rmdir (folder);
}

static void
set_up (void)
{
  /* In memory when possible: every save syncs. */
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *template = g_build_filename (base, "fuzz-sqlite-store-XXXXXX", NULL);

  if (g_mkdtemp (template) == NULL)
    abort ();
  folder = g_strdup (template);
  input_path = g_build_filename (folder, "input.sqlite", NULL);
  output_path = g_build_filename (folder, "output.sqlite", NULL);
  input_store = aff_sqlite_store_new (input_path);
  output_store = aff_sqlite_store_new (output_path);
  check_store = aff_sqlite_store_new (output_path);
  atexit (tear_down);
  g_log_set_writer_func (log_writer, NULL, NULL);
  g_log_set_default_handler (log_handler, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR);
  /* A hostile database may ask SQLite for much memory: bounded here. */
  sqlite3_hard_heap_limit64 (256 * 1024 * 1024);
}

static void
use_portfolio (AffPortfolio *portfolio)
{
  GListModel *affairs = aff_portfolio_get_affairs (portfolio);
  g_autoptr(GDate) date = g_date_new_dmy (30, G_DATE_JUNE, 2026);
  gboolean readable = TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (affairs); i++)
    {
      g_autoptr(AffAffair) affair = g_list_model_get_item (affairs, i);
      AffLedger *ledger = aff_affair_get_ledger (affair);
      guint n = aff_ledger_get_n_entries (ledger);

      for (guint j = 0; j < n; j++)
        aff_cost_entry_free (aff_ledger_get_entry (ledger, j));
    }
  {
    GError *error = NULL;

    if (!aff_journal_verify (aff_portfolio_get_journal (portfolio), &error) && error == NULL)
      abort ();
    g_clear_error (&error);
  }
  RESULT_OR_ERROR (aff_portfolio_compute_dashboard (portfolio, date, &error_), aff_dashboard_free);

  /* Saved into a new store, it loads back as the same document. */
  remove_store (output_path);
  {
    g_autoptr(GError) error = NULL;

    if (!aff_store_save (output_store, portfolio, &error))
      {
        if (error == NULL)
          abort ();
        readable = FALSE;
      }
    aff_store_close (output_store);
  }
  if (readable)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AffPortfolio) again = aff_store_load (check_store, &error);
      g_autofree char *text = NULL, *text_again = NULL;

      if (again == NULL)
        {
          g_printerr ("a portfolio a store saved did not load again: %s\n", error->message);
          abort ();
        }
      text = aff_portfolio_to_data (portfolio, NULL);
      text_again = aff_portfolio_to_data (again, NULL);
      if (strcmp (text, text_again) != 0)
        {
          g_printerr ("a portfolio a store saved loaded as another document\n");
          abort ();
        }
      g_clear_object (&again);
      aff_store_close (check_store);
    }
  remove_store (output_path);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPortfolio) portfolio = NULL;

  if (input_path == NULL)
    set_up ();
  remove_store (input_path);
  if (!g_file_set_contents (input_path, (const char *) data, (gssize) size, NULL))
    abort ();
  portfolio = aff_store_load (input_store, &error);
  if ((portfolio == NULL) == (error == NULL))
    abort ();
  if (portfolio != NULL)
    use_portfolio (portfolio);
  g_clear_object (&portfolio);
  aff_store_close (input_store);
  remove_store (input_path);
  return 0;
}
