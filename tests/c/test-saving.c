/* test-saving.c: saving never loses data
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * DESIGN.md §7: "a crash at any instant leaves the old file or the new
 * one, never a mix", and a save that fails leaves what was there whole.
 *
 * The crash tests build a large portfolio through the public API (60
 * affairs of 100 ledger lines imported as CSV, a 2.5 MB document; 30 in
 * the SQLite store), keep its document as version A and A with changes as
 * version B, then 250 times let a child process save B over A (or change
 * a SQLite store) and kill it with SIGKILL at a random instant of the
 * save. The file must then hold A or B
 * byte for byte and load as one of them; the store must load as the
 * document before or after the change, its journal verifying. The counts
 * (how many kills landed during a save, what was found) are printed with
 * g_test_message for the reliability record. SIGKILL tests the death of
 * the process, not a power cut: what fsync guarantees cannot be tested
 * this way.
 *
 * The fault tests make a save fail (a full disk, a read-only folder or
 * file, a file replaced or removed behind the program, a directory or a
 * missing folder where the file should be) and check the GError the
 * documentation promises and that the previous file is still there, byte
 * for byte. Permission checks do not apply to root: as root they run in a
 * child that became 'nobody' (65534). The full disk is a 512 KiB tmpfs
 * mounted in a private mount namespace of a subprocess (skipped when the
 * system allows neither that nor a user namespace).
 */

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include <affaires.h>

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define UNDER_VALGRIND() (RUNNING_ON_VALGRIND)
#endif
#endif
#ifndef UNDER_VALGRIND
#define UNDER_VALGRIND() 0
#endif

#define NOBODY 65534

/* A ledger read from a store that cannot read it warns; the tests that
 * provoke one say so, the others must not warn. */
static gboolean swallow_warnings;

static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  if ((log_level & G_LOG_LEVEL_WARNING) && swallow_warnings)
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* ---- Fixture --------------------------------------------------------------- */

typedef struct
{
  char *folder;
  char *json_path;
  char *db_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("test-saving-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->json_path = g_build_filename (fixture->folder, "portfolio.json", NULL);
  fixture->db_path = g_build_filename (fixture->folder, "portfolio.sqlite", NULL);
}

/* Removes @path and what is under it, giving back the rights a test took. */
static void
remove_tree (const char *path)
{
  struct stat st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->json_path);
  g_free (fixture->db_path);
}

/* ---- Building portfolios ------------------------------------------------- */

static GDate *
day (int y, int m, int d)
{
  return g_date_new_dmy (d, m, y);
}

static AffMoney *
money (const char *text)
{
  g_autoptr(GError) error = NULL;
  AffMoney *m = aff_money_parse (text, &error);

  g_assert_no_error (error);
  return m;
}

/* A fixed clock and actor: the same changes give the same document. */
static void
pin_clock (AffPortfolio *portfolio)
{
  g_autoptr(GDateTime) clock = g_date_time_new_utc (2026, 4, 1, 9, 0, 0);

  aff_portfolio_set_actor (portfolio, "test-saving");
  aff_portfolio_set_fixed_time (portfolio, clock);
}

static void
add_offer_line (AffOfferRevision *revision,
                AffLineKind       kind,
                const char       *quantity,
                AffLineUnit       unit,
                const char       *cost,
                const char       *lot)
{
  g_autoptr(AffMoney) unit_cost = money (cost);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffOfferLine) line = aff_offer_line_new (kind, lot, quantity, unit, unit_cost, &error);

  g_assert_no_error (error);
  aff_offer_line_set_lot (line, lot);
  g_assert_true (aff_offer_revision_add_line (revision, line, &error));
  g_assert_no_error (error);
}

static const char *const works[] = { "T1", "T2", "T3" };
static const char *const categories[] = { "labour", "material", "subcontract" };

/* @n_lines cost lines as aff_ledger_import_csv reads them, drawn from
 * @rand. */
static char *
ledger_csv (GRand *rand,
            guint  first,
            guint  n_lines)
{
  GString *csv = g_string_new ("date,work,category,state,amount,document\n");

  for (guint j = first; j < first + n_lines; j++)
    {
      guint work = j % 3;
      gint64 cents = g_rand_int_range (rand, 1000, 300000);

      g_string_append_printf (csv, "2026-%02d-%02d,%s,%s,actual,%" G_GINT64_FORMAT ".%02d,FA-%u\n",
                              5 + (int) (j / 28) % 6, 1 + (int) (j % 28), works[work], categories[work],
                              cents / 100, (int) (cents % 100), j);
    }
  return g_string_free (csv, FALSE);
}

/* Affair number @i (id O%05u; its client C%04u made with every tenth),
 * from its consultation to its progress, with @n_lines ledger lines. */
static void
build_affair (AffPortfolio *p,
              guint         i,
              guint         n_lines,
              GRand        *rand)
{
  static const char *const activities[] = { "pipework", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *client_id = g_strdup_printf ("C%04u", i / 10);
  g_autofree char *consultation_id = g_strdup_printf ("K%05u", i);
  g_autofree char *offer_id = g_strdup_printf ("O%05u", i);
  g_autofree char *contract = g_strdup_printf ("CT-%05u", i);
  g_autofree char *csv = NULL;
  g_autoptr(GDate) received = day (2026, 3, 2), deadline = day (2026, 4, 15), qualified = day (2026, 3, 3);
  g_autoptr(GDate) evaluated = day (2026, 3, 5), sent = day (2026, 4, 1), signed_on = day (2026, 4, 20);
  g_autoptr(GDate) validity = day (2026, 6, 30), may20 = day (2026, 5, 20);
  g_autoptr(AffConsultation) consultation = NULL;
  g_autoptr(AffOffer) offer = NULL;
  g_autoptr(AffBidEvaluation) evaluation = NULL;
  AffOfferRevision *revision;
  AffAffair *affair;
  AffPlan *plan;

  if (i % 10 == 0)
    {
      g_autofree char *name = g_strdup_printf ("Client %u", i / 10);
      g_autoptr(AffClient) client = aff_client_new (client_id, name);

      g_assert_true (aff_portfolio_add_client (p, client, &error));
      g_assert_no_error (error);
    }
  consultation = aff_consultation_new (consultation_id, client_id, "Tuyauterie", received, deadline);
  aff_consultation_set_activities (consultation, activities);
  g_assert_true (aff_portfolio_add_consultation (p, consultation, &error));
  g_assert_true (aff_consultation_start_qualification (consultation, qualified, "analysis", &error));
  evaluation = aff_portfolio_evaluate_consultation (p, consultation_id, evaluated, &error);
  g_assert_no_error (error);
  g_assert_true (aff_portfolio_decide_consultation (p, consultation_id, AFF_BID_VERDICT_GO, "Direction",
                                                    "stratégique", &error));
  g_assert_no_error (error);
  offer = aff_offer_new (offer_id, consultation_id);
  g_assert_true (aff_portfolio_add_offer (p, offer, &error));
  revision = aff_offer_get_current_revision (offer);
  add_offer_line (revision, AFF_LINE_KIND_LABOUR, "200", AFF_LINE_UNIT_HOUR, "60.00 EUR", "T1");
  add_offer_line (revision, AFF_LINE_KIND_MATERIAL, "1", AFF_LINE_UNIT_LUMP_SUM, "20000.00 EUR", "T2");
  add_offer_line (revision, AFF_LINE_KIND_SUBCONTRACT, "1", AFF_LINE_UNIT_LUMP_SUM, "15000.00 EUR", "T3");
  g_assert_true (aff_offer_revision_set_margin_rate (revision, 1500, &error));
  g_assert_true (aff_offer_revision_set_validity (revision, validity, &error));
  g_assert_true (aff_offer_send (offer, sent, &error));
  g_assert_true (aff_offer_accept (offer, signed_on, contract, &error));
  g_assert_no_error (error);
  affair = aff_portfolio_lookup_affair (p, offer_id);
  g_assert_nonnull (affair);

  plan = aff_affair_get_plan (affair);
  for (guint j = 0; j < G_N_ELEMENTS (works); j++)
    {
      g_autoptr(AffTask) task = aff_task_new (works[j], works[j], 10);

      g_assert_true (aff_plan_add_task (plan, task, &error));
      if (j > 0)
        g_assert_true (aff_plan_add_dependency (plan, works[j - 1], works[j], AFF_DEPENDENCY_TYPE_FINISH_START,
                                                0, &error));
      g_assert_no_error (error);
    }
  g_assert_true (aff_plan_schedule (plan, &error));
  g_assert_true (aff_plan_save_baseline (plan, "contrat", &error));
  g_assert_no_error (error);

  csv = ledger_csv (rand, 0, n_lines);
  g_assert_true (aff_ledger_import_csv (aff_affair_get_ledger (affair), csv, -1, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (aff_affair_record_progress (affair, "T1", may20, 5000, &error));
  g_assert_no_error (error);
}

/* A portfolio of @n_affairs affairs of @n_lines ledger lines each. */
static AffPortfolio *
build_portfolio (guint n_affairs,
                 guint n_lines)
{
  static const char *const activities[] = { "pipework", "boilermaking", "welding", NULL };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260401);
  AffPortfolio *p = aff_portfolio_new ();

  pin_clock (p);
  aff_portfolio_set_name (p, "Agence Est");
  aff_policy_set_activities (aff_portfolio_get_policy (p), activities);
  aff_policy_set_capacity_hours (aff_portfolio_get_policy (p), G_MAXINT);
  for (guint i = 0; i < n_affairs; i++)
    build_affair (p, i, n_lines, rand);
  return p;
}

/* The changes that make version B of a portfolio: a new name, a call to
 * the first client, a new client, a cost on every tenth affair; all
 * journaled, some reaching the ledgers a store reads lazily. */
static void
change_portfolio (AffPortfolio *p)
{
  GListModel *affairs = aff_portfolio_get_affairs (p);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) june1 = day (2026, 6, 1);
  g_autoptr(AffInteraction) call = aff_interaction_new (AFF_INTERACTION_KIND_CALL, june1, "point d'avancement");
  g_autoptr(AffClient) prospect = aff_client_new ("P0001", "Prospect");

  pin_clock (p);
  aff_portfolio_set_name (p, "Agence Est (version B)");
  g_assert_true (aff_portfolio_record_interaction (p, "C0000", call, &error));
  g_assert_true (aff_portfolio_add_client (p, prospect, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (affairs); i += 10)
    {
      g_autoptr(AffAffair) affair = g_list_model_get_item (affairs, i);
      g_autoptr(AffMoney) amount = money ("1234.56 EUR");
      g_autoptr(AffCostEntry) entry = aff_cost_entry_new (june1, "T2", AFF_COST_CATEGORY_MATERIAL,
                                                          AFF_COST_STATE_ACTUAL, amount);

      g_assert_true (aff_ledger_add (aff_affair_get_ledger (affair), entry, &error));
      g_assert_no_error (error);
    }
}

/* A copy of @text (a document) with the changes of version B. */
static AffPortfolio *
version_b_of (const char *text)
{
  g_autoptr(GError) error = NULL;
  AffPortfolio *p = aff_portfolio_new_from_data (text, -1, &error);

  g_assert_no_error (error);
  change_portfolio (p);
  return p;
}

/* ---- Files --------------------------------------------------------------- */

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  return contents;
}

static void
write_file (const char *path,
            const char *contents,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, (gssize) length, &error));
  g_assert_no_error (error);
}

/* Removes what a save killed before its rename left beside @name in
 * @folder ("@name.XXXXXX"), and says how many. */
static guint
remove_leftovers (const char *folder,
                  const char *name)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *prefix = g_strconcat (name, ".", NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (entry, prefix) && strlen (entry) == strlen (prefix) + 6)
      g_ptr_array_add (found, g_build_filename (folder, entry, NULL));
  for (guint i = 0; i < found->len; i++)
    g_assert_cmpint (g_unlink (g_ptr_array_index (found, i)), ==, 0);
  return found->len;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The names in @folder, sorted, joined by spaces. */
static char *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
remove_store (const char *db_path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);
      g_unlink (path);
    }
}

/* The document a fresh SQLite store loads from @db_path, every ledger
 * read, its journal verified. */
static char *
load_store_text (const char *db_path)
{
  g_autoptr(AffStore) store = aff_sqlite_store_new (db_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPortfolio) portfolio = aff_store_load (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (portfolio);
  g_assert_true (aff_journal_verify (aff_portfolio_get_journal (portfolio), &error));
  g_assert_no_error (error);
  return aff_portfolio_to_data (portfolio, NULL);
}

/* ---- Children ---------------------------------------------------------- */

static void
write_mark (int  fd,
            char mark)
{
  while (write (fd, &mark, 1) < 0 && errno == EINTR)
    ;
}

/* What a child wrote to its pipe before it died: 's' before each save,
 * 'd' once it returned. */
typedef struct
{
  guint started;
  guint done;
  char last;
} Trace;

static void
trace_add (Trace *trace,
           char   mark)
{
  trace->started += mark == 's';
  trace->done += mark == 'd';
  trace->last = mark;
}

/* Reads one mark; FALSE at the end of the pipe. */
static gboolean
read_mark (int    fd,
           Trace *trace)
{
  char mark;
  gssize n;

  do
    n = read (fd, &mark, 1);
  while (n < 0 && errno == EINTR);
  g_assert_cmpint (n, >=, 0);
  if (n == 0)
    return FALSE;
  trace_add (trace, mark);
  return TRUE;
}

static void
wait_child (pid_t pid,
            int  *status)
{
  pid_t got;

  do
    got = waitpid (pid, status, 0);
  while (got < 0 && errno == EINTR);
  g_assert_cmpint (got, ==, pid);
}

/* Ends a forked child that did its work, without the leak check
 * valgrind makes at an exit (a child's memory is its parent's copy, never
 * freed). Its parent reads the result from a pipe. */
static void G_GNUC_NORETURN
child_end (void)
{
  kill (getpid (), SIGKILL);
  _exit (0);
}

/* Saves @b over @path again and again until killed; through an
 * AffJsonStore when @through_store. */
static void G_GNUC_NORETURN
json_saver (AffPortfolio *b,
            const char   *path,
            gboolean      through_store,
            int           fd)
{
  AffStore *store = through_store ? aff_json_store_new (path) : NULL;

  for (;;)
    {
      GError *error = NULL;
      gboolean ok;

      write_mark (fd, 's');
      ok = store != NULL ? aff_store_save (store, b, &error) : aff_portfolio_save_to_file (b, path, &error);
      if (!ok)
        {
          g_printerr ("child: %s\n", error->message);
          _exit (1);
        }
      write_mark (fd, 'd');
    }
}

/* Loads the store of @db_path, makes the changes of version B, saves
 * them ('s', 'd') and closes the store ('c'), once. */
static void G_GNUC_NORETURN
sqlite_changer (const char *db_path,
                int         fd)
{
  AffStore *store = aff_sqlite_store_new (db_path);
  GError *error = NULL;
  AffPortfolio *portfolio = aff_store_load (store, &error);

  if (portfolio == NULL)
    {
      g_printerr ("child: %s\n", error->message);
      _exit (1);
    }
  change_portfolio (portfolio);
  write_mark (fd, 's');
  if (!aff_store_save (store, portfolio, &error))
    {
      g_printerr ("child: %s\n", error->message);
      _exit (1);
    }
  write_mark (fd, 'd');
  /* Closing checkpoints the WAL into the database. */
  aff_store_close (store);
  write_mark (fd, 'c');
  child_end ();
}

typedef enum { SAVER_JSON, SAVER_JSON_STORE, SAVER_SQLITE } SaverKind;

typedef struct
{
  SaverKind kind;
  AffPortfolio *b;       /* what the JSON savers save */
  const char *path;
} Saver;

/* Where a save writes: inotify on the folder, to see the temporary file
 * made beside the document and renamed over it. */
typedef struct
{
  int fd;
  char *name;            /* the document's name in the folder */
  char buffer[4096] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  gssize length;
  gssize position;
} Watch;

static void
watch_start (Watch      *watch,
             const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  watch->fd = inotify_init1 (IN_CLOEXEC);
  g_assert_cmpint (watch->fd, >=, 0);
  g_assert_cmpint (inotify_add_watch (watch->fd, folder, IN_CREATE | IN_MOVED_TO), >=, 0);
  watch->name = g_path_get_basename (path);
  watch->length = watch->position = 0;
}

static void
watch_stop (Watch *watch)
{
  close (watch->fd);
  g_free (watch->name);
}

/* Waits for the temporary file of a save to be made (@mask IN_CREATE) or
 * renamed over the document (IN_MOVED_TO); FALSE after 20 s. */
static gboolean
watch_wait (Watch    *watch,
            guint32   mask)
{
  gsize name_length = strlen (watch->name);

  for (;;)
    {
      while (watch->position < watch->length)
        {
          const struct inotify_event *event = (const void *) (watch->buffer + watch->position);

          watch->position += (gssize) (sizeof *event + event->len);
          if (!(event->mask & mask) || event->len == 0)
            continue;
          if (mask == IN_MOVED_TO && strcmp (event->name, watch->name) == 0)
            return TRUE;
          if (mask == IN_CREATE && strncmp (event->name, watch->name, name_length) == 0 &&
              event->name[name_length] == '.' && strlen (event->name) == name_length + 7)
            return TRUE;
        }
      {
        struct pollfd pfd = { watch->fd, POLLIN, 0 };
        int ready;

        do
          ready = poll (&pfd, 1, 20000);
        while (ready < 0 && errno == EINTR);
        if (ready <= 0)
          return FALSE;
        watch->length = read (watch->fd, watch->buffer, sizeof watch->buffer);
        watch->position = 0;
        g_assert_cmpint (watch->length, >, 0);
      }
    }
}

typedef enum
{
  KILL_NEVER,            /* the child ends by itself (SQLite) */
  KILL_AFTER_START,      /* @delay_us after the child began its first save */
  KILL_IN_WRITING,       /* @delay_us after the temporary file of its first save was made */
  KILL_ONCE_RENAMED,     /* once its first save returned (measuring it) */
} KillMode;

typedef struct
{
  Trace trace;
  gboolean killed;       /* the kill found the child before its end */
  gint64 save_us;        /* KILL_NEVER, KILL_ONCE_RENAMED: from its first 's' to its first 'd' */
  gint64 end_us;         /* KILL_NEVER: from its 's' to its end */
  gint64 create_us;      /* KILL_ONCE_RENAMED: from 's' to the temporary file */
  gint64 write_us;       /* KILL_ONCE_RENAMED: from the temporary file to its rename */
} Run;

/* Forks a child running @saver and kills it with SIGKILL as @mode says. */
static Run
run_saver (const Saver *saver,
           KillMode     mode,
           gint64       delay_us)
{
  Run run = { { 0, 0, '\0' }, FALSE, -1, -1, -1, -1 };
  Watch watch;
  int fds[2];
  int status = 0;
  gint64 started;
  pid_t pid;

  if (mode == KILL_IN_WRITING || mode == KILL_ONCE_RENAMED)
    watch_start (&watch, saver->path);
  g_assert_cmpint (pipe2 (fds, O_CLOEXEC), ==, 0);
  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      if (saver->kind == SAVER_SQLITE)
        sqlite_changer (saver->path, fds[1]);
      json_saver (saver->b, saver->path, saver->kind == SAVER_JSON_STORE, fds[1]);
    }
  close (fds[1]);
  /* The first mark is 's', or the pipe ends: the child failed. */
  g_assert_true (read_mark (fds[0], &run.trace));
  g_assert_cmpint (run.trace.last, ==, 's');
  started = g_get_monotonic_time ();
  switch (mode)
    {
    case KILL_NEVER:
      break;
    case KILL_IN_WRITING:
      g_assert_true (watch_wait (&watch, IN_CREATE));
      G_GNUC_FALLTHROUGH;
    case KILL_AFTER_START:
      g_usleep ((gulong) delay_us);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      break;
    case KILL_ONCE_RENAMED:
      g_assert_true (watch_wait (&watch, IN_CREATE));
      run.create_us = g_get_monotonic_time () - started;
      g_assert_true (watch_wait (&watch, IN_MOVED_TO));
      run.write_us = g_get_monotonic_time () - started - run.create_us;
      while (run.trace.done == 0 && read_mark (fds[0], &run.trace))
        ;
      run.save_us = g_get_monotonic_time () - started;
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      break;
    default:
      g_assert_not_reached ();
    }
  /* Without a kill, the time of the save is that of its 'd'. */
  while (read_mark (fds[0], &run.trace))
    if (mode == KILL_NEVER && run.trace.done == 1 && run.trace.last == 'd')
      run.save_us = g_get_monotonic_time () - started;
  if (mode == KILL_NEVER)
    run.end_us = g_get_monotonic_time () - started;
  close (fds[0]);
  if (mode == KILL_IN_WRITING || mode == KILL_ONCE_RENAMED)
    watch_stop (&watch);
  wait_child (pid, &status);
  /* A child that failed exits with a status; the others die of SIGKILL:
   * ours, or their own once done (the SQLite child, after its 'c'). */
  if (WIFEXITED (status))
    g_error ("a saving child failed (exit status %d)", WEXITSTATUS (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  if (run.trace.last == 'c')
    g_assert_cmpuint (run.trace.done, ==, 1);
  else
    {
      g_assert_cmpint (mode, !=, KILL_NEVER);
      run.killed = TRUE;
    }
  return run;
}

/* The scale of the crash tests: smaller under valgrind, where a save
 * takes a hundred times longer; AFF_TEST_SAVING_AFFAIRS and
 * AFF_TEST_SAVING_KILLS change it, for a longer run. */
static guint
scale (const char *variable,
       guint       normal,
       guint       valgrind)
{
  const char *value = g_getenv (variable);

  if (value != NULL && g_ascii_strtoull (value, NULL, 10) > 0)
    return (guint) g_ascii_strtoull (value, NULL, 10);
  return UNDER_VALGRIND () ? valgrind : normal;
}

static guint
crash_affairs (void)
{
  return scale ("AFF_TEST_SAVING_AFFAIRS", 60, 10);
}

static guint
crash_kills (void)
{
  return scale ("AFF_TEST_SAVING_KILLS", 250, 12);
}

/* A random delay in [@from, @to) microseconds. */
static gint64
random_delay (gint64 from,
              gint64 to)
{
  if (to <= from)
    return from;
  return from + g_test_rand_int_range (0, (gint32) MIN (to - from, G_MAXINT32));
}

/* ---- Crash tests ----------------------------------------------------------- */

/* A child saves B over A in a loop and is killed at a random instant of a
 * save: the file is A or B, byte for byte, and loads as that document.
 * Half the kills fall anywhere in the first save (or in the next one),
 * half while it writes: between the making of the temporary file beside
 * the document and a little after its rename over it (seen with inotify).
 * Those leave the temporary file beside the document; they are counted
 * and removed.
 *
 * The bytes are compared each time: a file equal to A or B byte for byte
 * loads as that document, which is checked the first time each is found
 * (loading takes longer than the rest of a kill). */
static void
test_json_crash (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AffPortfolio) a = build_portfolio (crash_affairs (), 100);
  g_autoptr(AffPortfolio) b = NULL;
  g_autofree char *text_a = NULL, *text_b = NULL;
  g_autofree char *scratch = g_build_filename (fixture->folder, "scratch.json", NULL);
  g_autoptr(GError) error = NULL;
  gsize length_a, length_b;
  gint64 save_us, create_us, write_us;
  guint kills = crash_kills ();
  guint found_a = 0, found_b = 0, in_first = 0, in_first_a = 0, in_later = 0, between = 0;
  guint leftovers = 0, runs_with_leftovers = 0, through_store = 0, aimed = 0, loads = 0;
  gboolean loaded_a = FALSE, loaded_b = FALSE, file_is_a;
  Saver saver = { SAVER_JSON, NULL, fixture->json_path };
  Run run;

  text_a = aff_portfolio_to_data (a, &length_a);
  b = version_b_of (text_a);
  text_b = aff_portfolio_to_data (b, &length_b);
  g_assert_cmpstr (text_a, !=, text_b);
  g_assert_cmpuint (length_a, ==, strlen (text_a));
  g_assert_cmpuint (length_b, ==, strlen (text_b));
  if (crash_affairs () >= 50)
    g_assert_cmpuint (length_a, >, 2 * 1000 * 1000);

  /* Version A, written by the library, loads back as A. */
  g_assert_true (aff_portfolio_save_to_file (a, fixture->json_path, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AffPortfolio) loaded = aff_portfolio_new_from_file (fixture->json_path, &error);
    g_autofree char *round_trip = NULL;

    g_assert_no_error (error);
    round_trip = aff_portfolio_to_data (loaded, NULL);
    g_assert_cmpstr (round_trip, ==, text_a);
  }

  /* How long a child's first save takes: until its temporary file is
   * made, then until it is renamed, then until the save returns. */
  {
    Saver once = { SAVER_JSON, b, scratch };

    run = run_saver (&once, KILL_ONCE_RENAMED, 0);
    create_us = run.create_us;
    write_us = run.write_us;
    save_us = run.save_us;
    g_unlink (scratch);
    remove_leftovers (fixture->folder, "scratch.json");
  }
  g_test_message ("JSON crash test: %u affairs, A %" G_GSIZE_FORMAT " bytes, B %" G_GSIZE_FORMAT " bytes; "
                  "a child's first save of B: %" G_GINT64_FORMAT " µs to serialize, %" G_GINT64_FORMAT
                  " µs from its temporary file to the rename, %" G_GINT64_FORMAT " µs in all",
                  crash_affairs (), length_a, length_b, create_us, write_us, save_us);

  file_is_a = TRUE;
  for (guint i = 0; i < kills; i++)
    {
      g_autofree char *contents = NULL;
      gboolean aim = i % 4 >= 2;
      gsize length;
      guint left;
      gboolean is_a;

      if (!file_is_a)
        {
          /* A new file renamed into place, not flushed (GLib 2.74 writes
           * G_FILE_SET_CONTENTS_NONE in place without truncating). */
          g_assert_true (g_file_set_contents_full (fixture->json_path, text_a, (gssize) length_a,
                                                   G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error));
          g_assert_no_error (error);
        }
      saver.kind = i % 2 == 0 ? SAVER_JSON : SAVER_JSON_STORE;
      saver.b = b;
      through_store += saver.kind == SAVER_JSON_STORE;
      aimed += aim;
      if (aim)
        run = run_saver (&saver, KILL_IN_WRITING, random_delay (0, write_us));
      else
        run = run_saver (&saver, KILL_AFTER_START, random_delay (0, save_us * 5 / 4));
      g_assert_true (run.killed);

      left = remove_leftovers (fixture->folder, "portfolio.json");
      leftovers += left;
      runs_with_leftovers += left > 0;

      /* The file is there, and it is A or B, byte for byte. */
      contents = read_file (fixture->json_path, &length);
      is_a = length == length_a && memcmp (contents, text_a, length) == 0;
      if (!is_a && !(length == length_b && memcmp (contents, text_b, length) == 0))
        {
          /* The evidence is left in the folder. */
          g_autofree char *path_a = g_build_filename (fixture->folder, "expected-a.json", NULL);
          g_autofree char *path_b = g_build_filename (fixture->folder, "expected-b.json", NULL);

          write_file (path_a, text_a, length_a);
          write_file (path_b, text_b, length_b);
          g_error ("kill %u: %s holds neither A nor B (%" G_GSIZE_FORMAT " bytes); A and B are beside it",
                   i, fixture->json_path, length);
        }
      /* B once a save returned. */
      if (run.trace.done > 0)
        g_assert_false (is_a);

      /* And it loads as the same document. */
      if ((is_a && !loaded_a) || (!is_a && !loaded_b))
        {
          g_autoptr(AffPortfolio) loaded = aff_portfolio_new_from_file (fixture->json_path, &error);
          g_autofree char *loaded_text = NULL;

          g_assert_no_error (error);
          loaded_text = aff_portfolio_to_data (loaded, NULL);
          g_assert_cmpstr (loaded_text, ==, is_a ? text_a : text_b);
          loaded_a |= is_a;
          loaded_b |= !is_a;
          loads++;
        }

      file_is_a = is_a;
      found_a += is_a;
      found_b += !is_a;
      if (run.trace.last == 'd')
        between++;
      else if (run.trace.done == 0)
        {
          in_first++;
          in_first_a += is_a;
        }
      else
        in_later++;
    }
  g_test_message ("JSON crash test: %u kills (%u of them aimed at the writing; %u of the children saved "
                  "through AffJsonStore): %u during the first save (%u found A, %u found B, the rename done), "
                  "%u during a later save, %u between two saves; %u kills left %u temporary files beside "
                  "the document (removed); found A %u times, B %u times, anything else 0 times; "
                  "%u loads checked",
                  kills, aimed, through_store, in_first, in_first_a, in_first - in_first_a, in_later, between,
                  runs_with_leftovers, leftovers, found_a, found_b, loads);
}

/* A child loads a SQLite store, changes it and saves, and is killed at a
 * random instant of the save: a fresh store loads the document before or
 * after the change, every ledger read, its journal verifying. */
static void
test_sqlite_crash (Fixture       *fixture,
                   gconstpointer  data)
{
  guint n_affairs = MAX (crash_affairs () / 2, 1);
  g_autoptr(AffPortfolio) a = build_portfolio (n_affairs, 100);
  g_autofree char *pristine = NULL, *text_before = NULL, *text_after = NULL, *text_a = NULL;
  g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  gsize pristine_length;
  gint64 save_us, end_us;
  guint kills = crash_kills ();
  guint found_before = 0, found_after = 0, mid_save = 0, mid_save_before = 0, mid_save_after = 0;
  guint in_close = 0, after_close = 0;
  Saver saver = { SAVER_SQLITE, NULL, fixture->db_path };
  Run run;

  /* Version A in a new store, closed: no WAL left, one file to copy. */
  {
    g_autoptr(AffStore) store = aff_sqlite_store_new (fixture->db_path);

    g_assert_true (aff_store_save (store, a, &error));
    g_assert_no_error (error);
  }
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  pristine = read_file (fixture->db_path, &pristine_length);
  text_a = aff_portfolio_to_data (a, NULL);
  text_before = load_store_text (fixture->db_path);
  g_assert_cmpstr (text_before, ==, text_a);

  /* The change once, whole, in a child: the document after it, and how
   * long the save takes. */
  remove_store (fixture->db_path);
  write_file (fixture->db_path, pristine, pristine_length);
  run = run_saver (&saver, KILL_NEVER, 0);
  g_assert_cmpint (run.save_us, >=, 0);
  g_assert_cmpint (run.trace.last, ==, 'c');
  save_us = run.save_us;
  end_us = run.end_us;
  text_after = load_store_text (fixture->db_path);
  g_assert_cmpstr (text_after, !=, text_before);
  {
    /* The same change made in memory gives the same document. */
    g_autoptr(AffPortfolio) b = version_b_of (text_a);
    g_autofree char *text_b = aff_portfolio_to_data (b, NULL);

    g_assert_cmpstr (text_after, ==, text_b);
  }
  g_test_message ("SQLite crash test: %u affairs, store %" G_GSIZE_FORMAT " bytes; the change's save takes "
                  "%" G_GINT64_FORMAT " µs, with the close that checkpoints the WAL %" G_GINT64_FORMAT " µs",
                  n_affairs, pristine_length, save_us, end_us);

  for (guint i = 0; i < kills; i++)
    {
      g_autofree char *text = NULL;
      gboolean is_before;

      remove_store (fixture->db_path);
      write_file (fixture->db_path, pristine, pristine_length);
      run = run_saver (&saver, KILL_AFTER_START, random_delay (0, end_us * 3 / 4));

      text = load_store_text (fixture->db_path);
      is_before = strcmp (text, text_before) == 0;
      if (!is_before && strcmp (text, text_after) != 0)
        g_error ("kill %u: the store holds neither the document before the change nor the one after", i);
      if (run.trace.done > 0)
        g_assert_false (is_before);

      found_before += is_before;
      found_after += !is_before;
      if (run.killed && run.trace.last == 's')
        {
          mid_save++;
          mid_save_before += is_before;
          mid_save_after += !is_before;
        }
      else if (run.killed && run.trace.last == 'd')
        in_close++;
      else
        {
          /* Closed: killed while it exited, or ended before the kill. */
          g_assert_cmpint (run.trace.last, ==, 'c');
          after_close++;
        }
    }
  g_test_message ("SQLite crash test: %u kills, %u during the save (%u found the store before the change, "
                  "%u after it: killed between its commit and its return), %u during the close that "
                  "checkpoints the WAL, %u once the store was closed; found before %u times, after "
                  "%u times, anything else 0 times; every journal verified",
                  kills, mid_save, mid_save_before, mid_save_after, in_close, after_close, found_before,
                  found_after);
}

/* ---- Children with other rights ------------------------------------------ */

/* One thing a child tried, and its result. */
typedef struct
{
  gboolean ok;
  char *domain;
  int code;
  char *message;
} Outcome;

static void
outcome_clear (Outcome *outcome)
{
  g_free (outcome->domain);
  g_free (outcome->message);
}

typedef gboolean (*Operation) (gpointer data, GError **error);

/* Runs @operation in a forked child, as 'nobody' when the test runs as
 * root (permissions are not checked for root), and gives back what it
 * returned. */
static Outcome
run_unprivileged (Operation operation,
                  gpointer  data)
{
  Outcome outcome = { FALSE, NULL, 0, NULL };
  g_autoptr(GString) text = NULL;
  g_auto(GStrv) parts = NULL;
  char buffer[1024];
  int fds[2];
  int status = 0;
  gssize n;
  pid_t pid;

  g_assert_cmpint (pipe2 (fds, O_CLOEXEC), ==, 0);
  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      GError *error = NULL;
      char *report;
      gboolean ok;

      close (fds[0]);
      if (geteuid () == 0 &&
          (setgroups (0, NULL) != 0 || setgid (NOBODY) != 0 || setuid (NOBODY) != 0))
        _exit (2);
      ok = operation (data, &error);
      report = g_strdup_printf ("%d\n%s\n%d\n%s", ok, error != NULL ? g_quark_to_string (error->domain) : "",
                                error != NULL ? error->code : 0, error != NULL ? error->message : "");
      if (write (fds[1], report, strlen (report)) != (gssize) strlen (report))
        _exit (3);
      /* Freed, or valgrind reports it lost at the child's end. */
      g_free (report);
      g_clear_error (&error);
      child_end ();
    }
  close (fds[1]);
  text = g_string_new (NULL);
  while ((n = read (fds[0], buffer, sizeof buffer)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      g_string_append_len (text, buffer, n);
    }
  close (fds[0]);
  wait_child (pid, &status);
  g_assert_false (WIFEXITED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  parts = g_strsplit (text->str, "\n", 4);
  g_assert_cmpuint (g_strv_length (parts), ==, 4);
  outcome.ok = atoi (parts[0]);
  outcome.domain = g_strdup (parts[1]);
  outcome.code = atoi (parts[2]);
  outcome.message = g_strdup (parts[3]);
  return outcome;
}

static void
assert_outcome_error (const Outcome *outcome,
                      GQuark         domain,
                      int            code)
{
  g_assert_false (outcome->ok);
  g_assert_cmpstr (outcome->domain, ==, g_quark_to_string (domain));
  g_assert_cmpint (outcome->code, ==, code);
  g_assert_cmpstr (outcome->message, !=, "");
}

/* Gives 'nobody' the folder and the files of a test, so that only the
 * modes the test sets stand in its way. */
static void
give_to_nobody (const char *path)
{
  if (geteuid () == 0)
    g_assert_cmpint (chown (path, NOBODY, NOBODY), ==, 0);
}

/* A small portfolio: the old document of the fault tests. */
static AffPortfolio *
old_portfolio (void)
{
  return build_portfolio (2, 20);
}

/* Adds @n_lines cost lines to the first affair of @portfolio: a change too
 * large for the small disk. */
static void
grow (AffPortfolio *portfolio,
      guint         n_lines)
{
  g_autoptr(AffAffair) affair = g_list_model_get_item (aff_portfolio_get_affairs (portfolio), 0);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *csv = ledger_csv (rand, 1000, n_lines);
  g_autoptr(GError) error = NULL;

  pin_clock (portfolio);
  g_assert_true (aff_ledger_import_csv (aff_affair_get_ledger (affair), csv, -1, NULL, &error));
  g_assert_no_error (error);
}

typedef struct
{
  const char *path;
  AffPortfolio *portfolio;   /* for a save as */
} Target;

static gboolean
save_as_operation (gpointer  data,
                   GError  **error)
{
  Target *target = data;

  return aff_portfolio_save_to_file (target->portfolio, target->path, error);
}

/* Loads through a store, renames the portfolio and saves. */
static gboolean
store_change_operation (gpointer  data,
                        GError  **error)
{
  Target *target = data;
  g_autoptr(AffStore) store = NULL;
  g_autoptr(AffPortfolio) portfolio = NULL;

  store = aff_store_open (target->path, error);
  if (store == NULL || (portfolio = aff_store_load (store, error)) == NULL)
    return FALSE;
  pin_clock (portfolio);
  aff_portfolio_set_name (portfolio, "Changed by nobody");
  return aff_store_save (store, portfolio, error);
}

static gboolean
load_operation (gpointer  data,
                GError  **error)
{
  Target *target = data;
  g_autoptr(AffStore) store = aff_store_open (target->path, error);
  g_autoptr(AffPortfolio) portfolio = NULL;

  if (store == NULL)
    return FALSE;
  portfolio = aff_store_load (store, error);
  return portfolio != NULL;
}

static gboolean
file_load_operation (gpointer  data,
                     GError  **error)
{
  Target *target = data;
  g_autoptr(AffPortfolio) portfolio = aff_portfolio_new_from_file (target->path, error);

  return portfolio != NULL;
}

static gboolean
json_store_load_operation (gpointer  data,
                           GError  **error)
{
  Target *target = data;
  g_autoptr(AffStore) store = aff_json_store_new (target->path);
  g_autoptr(AffPortfolio) portfolio = aff_store_load (store, error);

  return portfolio != NULL;
}

/* ---- Faults: permissions -------------------------------------------------- */

/* A folder the user may not write in: no save can replace the document
 * (no temporary file can be made beside it) nor change the store. */
static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AffPortfolio) old = old_portfolio ();
  g_autoptr(AffPortfolio) other = build_portfolio (3, 5);
  g_autofree char *folder = g_build_filename (fixture->folder, "read-only", NULL);
  g_autofree char *json_path = g_build_filename (folder, "portfolio.json", NULL);
  g_autofree char *db_path = g_build_filename (folder, "portfolio.sqlite", NULL);
  g_autofree char *json_before = NULL, *db_before = NULL, *json_after = NULL, *db_after = NULL;
  g_autofree char *names_before = NULL, *names_after = NULL, *text_before = NULL, *text_after = NULL;
  g_autoptr(GError) error = NULL;
  gsize json_length, db_length, length;
  Target target = { json_path, other };
  Outcome outcome;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (g_chmod (fixture->folder, 0755), ==, 0);
  g_assert_true (aff_portfolio_save_to_file (old, json_path, &error));
  {
    g_autoptr(AffStore) store = aff_sqlite_store_new (db_path);

    g_assert_true (aff_store_save (store, old, &error));
    g_assert_no_error (error);
  }
  text_before = load_store_text (db_path);
  json_before = read_file (json_path, &json_length);
  db_before = read_file (db_path, &db_length);
  give_to_nobody (folder);
  give_to_nobody (json_path);
  give_to_nobody (db_path);
  g_assert_cmpint (g_chmod (folder, 0500), ==, 0);
  names_before = list_folder (folder);

  /* Saving another portfolio over the document. */
  outcome = run_unprivileged (save_as_operation, &target);
  assert_outcome_error (&outcome, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  g_assert_nonnull (strstr (outcome.message, json_path));
  g_test_message ("read-only folder, save as: %s", outcome.message);
  outcome_clear (&outcome);

  /* Loading through the JSON store, changing, saving. */
  outcome = run_unprivileged (store_change_operation, &target);
  assert_outcome_error (&outcome, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  g_test_message ("read-only folder, AffJsonStore: %s", outcome.message);
  outcome_clear (&outcome);

  /* The same with the SQLite store. */
  target.path = db_path;
  outcome = run_unprivileged (store_change_operation, &target);
  assert_outcome_error (&outcome, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  g_test_message ("read-only folder, AffSqliteStore: %s", outcome.message);
  outcome_clear (&outcome);

  /* Nothing changed, nothing left beside them. */
  json_after = read_file (json_path, &length);
  g_assert_cmpmem (json_after, length, json_before, json_length);
  db_after = read_file (db_path, &length);
  g_assert_cmpmem (db_after, length, db_before, db_length);
  names_after = list_folder (folder);
  g_assert_cmpstr (names_after, ==, names_before);
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  text_after = load_store_text (db_path);
  g_assert_cmpstr (text_after, ==, text_before);
}

/* A refusal to save over a read-only document: it names the file first,
 * and says why. */
static void
assert_read_only_refusal (const char *message,
                          const char *path)
{
  g_autofree char *prefix = g_strconcat (path, ": ", NULL);

  g_assert_true (g_str_has_prefix (message, prefix));
  g_assert_nonnull (strstr (message, "read-only"));
}

/* The document itself read-only (0444) in a folder the user may write in,
 * and the store read-only. The rename that makes a save atomic would
 * replace a read-only file as any other, and root writes any file: the
 * save must refuse by the mode alone, with G_FILE_ERROR_ACCES, a message
 * that starts with the file and says it is read-only, the old file whole
 * and nothing left beside it; for 'nobody' and for root, through
 * aff_portfolio_save_to_file and through the JSON store. The store
 * refuses to write. An unreadable document is refused with
 * G_FILE_ERROR_ACCES. */
static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AffPortfolio) old = old_portfolio ();
  g_autoptr(AffPortfolio) other = build_portfolio (3, 5);
  g_autofree char *json_before = NULL, *db_before = NULL, *json_after = NULL, *db_after = NULL;
  g_autofree char *text_before = NULL, *text_after = NULL;
  g_autoptr(GError) error = NULL;
  gsize json_length, db_length, length;
  Target target = { fixture->json_path, other };
  const guint read_only_modes[] = { 0444, 0400 };
  Outcome outcome;
  struct stat st;

  g_assert_cmpint (g_chmod (fixture->folder, 0755), ==, 0);
  g_assert_true (aff_portfolio_save_to_file (old, fixture->json_path, &error));
  {
    g_autoptr(AffStore) store = aff_sqlite_store_new (fixture->db_path);

    g_assert_true (aff_store_save (store, old, &error));
    g_assert_no_error (error);
  }
  text_before = load_store_text (fixture->db_path);
  json_before = read_file (fixture->json_path, &json_length);
  db_before = read_file (fixture->db_path, &db_length);
  give_to_nobody (fixture->folder);
  give_to_nobody (fixture->json_path);
  give_to_nobody (fixture->db_path);
  g_assert_cmpint (g_chmod (fixture->json_path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (fixture->db_path, 0444), ==, 0);

  /* The SQLite store: refused, the store as it was. */
  target.path = fixture->db_path;
  outcome = run_unprivileged (store_change_operation, &target);
  assert_outcome_error (&outcome, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  g_test_message ("read-only store file: %s", outcome.message);
  outcome_clear (&outcome);
  db_after = read_file (fixture->db_path, &length);
  g_assert_cmpmem (db_after, length, db_before, db_length);

  /* The document, saved over by 'nobody'. */
  target.path = fixture->json_path;
  outcome = run_unprivileged (save_as_operation, &target);
  assert_outcome_error (&outcome, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  assert_read_only_refusal (outcome.message, fixture->json_path);
  g_test_message ("read-only document (0444): %s", outcome.message);
  outcome_clear (&outcome);
  json_after = read_file (fixture->json_path, &length);
  g_assert_cmpmem (json_after, length, json_before, json_length);
  g_assert_cmpuint (remove_leftovers (fixture->folder, "portfolio.json"), ==, 0);

  /* By root too, whom the mode does not stop from writing; read-only to
   * its owner alone (0400) is read-only as well. */
  for (guint i = 0; i < G_N_ELEMENTS (read_only_modes); i++)
    {
      g_autoptr(AffStore) store = aff_json_store_new (fixture->json_path);
      g_autoptr(AffPortfolio) loaded = NULL;

      g_assert_cmpint (g_chmod (fixture->json_path, read_only_modes[i]), ==, 0);
      g_assert_false (aff_portfolio_save_to_file (other, fixture->json_path, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
      assert_read_only_refusal (error->message, fixture->json_path);
      g_clear_error (&error);

      loaded = aff_store_load (store, &error);
      g_assert_no_error (error);
      pin_clock (loaded);
      aff_portfolio_set_name (loaded, "Changed by root");
      g_assert_false (aff_store_save (store, loaded, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
      assert_read_only_refusal (error->message, fixture->json_path);
      g_clear_error (&error);

      g_free (json_after);
      json_after = read_file (fixture->json_path, &length);
      g_assert_cmpmem (json_after, length, json_before, json_length);
      g_assert_cmpint (g_stat (fixture->json_path, &st), ==, 0);
      g_assert_cmpuint (st.st_mode & 07777, ==, read_only_modes[i]);
      g_assert_cmpuint (remove_leftovers (fixture->folder, "portfolio.json"), ==, 0);
    }

  /* A document that cannot be read is not loaded. */
  g_assert_cmpint (g_chmod (fixture->json_path, 0000), ==, 0);
  outcome = run_unprivileged (load_operation, &target);
  assert_outcome_error (&outcome, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  g_test_message ("unreadable document: %s", outcome.message);
  outcome_clear (&outcome);

  g_assert_cmpint (g_chmod (fixture->db_path, 0644), ==, 0);
  text_after = load_store_text (fixture->db_path);
  g_assert_cmpstr (text_after, ==, text_before);
}

/* ---- Faults: a full disk ---------------------------------------------------- */

static gboolean
write_proc_file (const char *path,
                 const char *text)
{
  int fd = open (path, O_WRONLY | O_CLOEXEC);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = write (fd, text, strlen (text)) == (gssize) strlen (text);
  close (fd);
  return ok;
}

/* Enters a mount namespace of its own, whose mounts nobody else sees:
 * as root directly, otherwise through a user namespace. */
static gboolean
enter_private_mounts (char **reason)
{
  uid_t uid = geteuid ();
  gid_t gid = getegid ();

  if (unshare (CLONE_NEWNS) != 0)
    {
      g_autofree char *uid_map = g_strdup_printf ("0 %u 1", (guint) uid);
      g_autofree char *gid_map = g_strdup_printf ("0 %u 1", (guint) gid);

      if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0)
        return *reason = g_strdup_printf ("cannot make a mount namespace: %s", g_strerror (errno)), FALSE;
      if (!write_proc_file ("/proc/self/setgroups", "deny") || !write_proc_file ("/proc/self/uid_map", uid_map) ||
          !write_proc_file ("/proc/self/gid_map", gid_map))
        return *reason = g_strdup_printf ("cannot map the user namespace: %s", g_strerror (errno)), FALSE;
    }
  /* The source and type are ignored; "none" rather than NULL, which
   * valgrind takes for an unaddressable string. */
  if (mount ("none", "/", "none", MS_REC | MS_PRIVATE, NULL) != 0)
    return *reason = g_strdup_printf ("cannot make the mounts private: %s", g_strerror (errno)), FALSE;
  return TRUE;
}

#define SMALL_DISK "size=512k,mode=0755"

static gboolean
mount_small_disk (const char  *folder,
                  char       **reason)
{
  if (mount ("tmpfs", folder, "tmpfs", MS_NOSUID | MS_NODEV, SMALL_DISK) != 0)
    return *reason = g_strdup_printf ("cannot mount a tmpfs of 512 KiB: %s", g_strerror (errno)), FALSE;
  return TRUE;
}

/* Whether a child can mount the small disk; why not in *@reason. */
static gboolean
can_mount_small_disk (const char  *folder,
                      char       **reason)
{
  int fds[2];
  int status = 0;
  char buffer[512];
  gssize n;
  pid_t pid;

  g_assert_cmpint (pipe2 (fds, O_CLOEXEC), ==, 0);
  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      char *why = NULL;

      close (fds[0]);
      if (enter_private_mounts (&why) && mount_small_disk (folder, &why))
        why = (char *) "ok";
      if (write (fds[1], why, strlen (why)) < 0)
        _exit (2);
      child_end ();
    }
  close (fds[1]);
  do
    n = read (fds[0], buffer, sizeof buffer - 1);
  while (n < 0 && errno == EINTR);
  close (fds[0]);
  wait_child (pid, &status);
  g_assert_false (WIFEXITED (status));
  buffer[MAX (n, 0)] = '\0';
  if (strcmp (buffer, "ok") == 0)
    return TRUE;
  *reason = g_strdup (buffer);
  return FALSE;
}

/* A folder that runs out of space: the save fails with
 * G_FILE_ERROR_NOSPC, the old document is whole and nothing is left
 * beside it; a SQLite store too (its change does not fit) keeps what it
 * held. Run in a subprocess, in a mount namespace of its own. */
static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *disk = g_build_filename (fixture->folder, "small-disk", NULL);
  g_autofree char *reason = NULL;
  g_autofree char *report = NULL;
  g_autoptr(GString) found = g_string_new (NULL);

  g_assert_cmpint (g_mkdir (disk, 0755), ==, 0);
  if (!g_test_subprocess ())
    {
      if (!can_mount_small_disk (disk, &reason))
        {
          g_autofree char *skip = g_strdup_printf ("no small disk to fill: %s", reason);

          g_test_skip (skip);
          return;
        }
      /* What the subprocess found comes back in a file (the variable is
       * left set: GLib warns of unsetenv once it has threads). */
      report = g_build_filename (fixture->folder, "report.txt", NULL);
      g_setenv ("AFF_TEST_SAVING_REPORT", report, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      {
        g_autofree char *text = read_file (report, NULL);
        g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

        for (guint i = 0; lines[i] != NULL; i++)
          if (*lines[i] != '\0')
            g_test_message ("%s", lines[i]);
      }
      return;
    }

  if (!enter_private_mounts (&reason) || !mount_small_disk (disk, &reason))
    g_error ("%s", reason);
  {
    g_autofree char *json_path = g_build_filename (disk, "portfolio.json", NULL);
    g_autofree char *db_path = g_build_filename (disk, "portfolio.sqlite", NULL);
    g_autoptr(AffPortfolio) old = old_portfolio ();
    g_autoptr(AffPortfolio) big = build_portfolio (40, 100);
    g_autoptr(AffStore) json_store = aff_json_store_new (json_path);
    g_autoptr(AffStore) sqlite_store = NULL;
    g_autoptr(AffPortfolio) loaded = NULL;
    g_autofree char *before = NULL, *after = NULL, *names_before = NULL, *names_after = NULL;
    g_autofree char *text_before = NULL, *text_after = NULL;
    g_autoptr(GError) error = NULL;
    gsize before_length, length, big_length;

    g_free (aff_portfolio_to_data (big, &big_length));
    g_assert_cmpuint (big_length, >, 512 * 1024);
    g_assert_true (aff_portfolio_save_to_file (old, json_path, &error));
    g_assert_no_error (error);
    before = read_file (json_path, &before_length);
    names_before = list_folder (disk);

    /* A save as. */
    g_assert_false (aff_portfolio_save_to_file (big, json_path, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
    g_assert_nonnull (strstr (error->message, json_path));
    g_string_append_printf (found, "full disk (512 KiB tmpfs), save as: %s\n", error->message);
    g_clear_error (&error);
    after = read_file (json_path, &length);
    g_assert_cmpmem (after, length, before, before_length);
    names_after = list_folder (disk);
    g_assert_cmpstr (names_after, ==, names_before);

    /* Through the JSON store: the portfolio it loaded, grown. */
    loaded = aff_store_load (json_store, &error);
    g_assert_no_error (error);
    grow (loaded, 8000);
    g_assert_false (aff_store_save (json_store, loaded, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
    g_string_append_printf (found, "full disk, AffJsonStore save: %s\n", error->message);
    g_clear_error (&error);
    g_free (after);
    after = read_file (json_path, &length);
    g_assert_cmpmem (after, length, before, before_length);
    g_free (names_after);
    names_after = list_folder (disk);
    g_assert_cmpstr (names_after, ==, names_before);

    /* The SQLite store beside it: its change does not fit. */
    g_clear_object (&loaded);
    sqlite_store = aff_sqlite_store_new (db_path);
    g_assert_true (aff_store_save (sqlite_store, old, &error));
    g_assert_no_error (error);
    g_clear_object (&sqlite_store);
    text_before = load_store_text (db_path);
    sqlite_store = aff_sqlite_store_new (db_path);
    loaded = aff_store_load (sqlite_store, &error);
    g_assert_no_error (error);
    grow (loaded, 8000);
    g_assert_false (aff_store_save (sqlite_store, loaded, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
    g_string_append_printf (found, "full disk, AffSqliteStore save: %s\n", error->message);
    g_clear_error (&error);
    /* The ledgers it read keep the store, and its database, open. */
    g_clear_object (&loaded);
    g_clear_object (&sqlite_store);
    text_after = load_store_text (db_path);
    g_assert_cmpstr (text_after, ==, text_before);

    g_free (after);
    after = read_file (json_path, &length);
    g_assert_cmpmem (after, length, before, before_length);
    remove_store (db_path);
    g_unlink (json_path);
    g_assert_cmpint (umount (disk), ==, 0);
    g_string_append (found, "full disk: each time the old document (byte for byte) and the store (its "
                            "document) were whole; no temporary file left beside the document\n");
    if (g_getenv ("AFF_TEST_SAVING_REPORT") != NULL)
      write_file (g_getenv ("AFF_TEST_SAVING_REPORT"), found->str, found->len);
  }
}

/* ---- Faults: replaced behind the program's back --------------------------- */

/* The JSON store refuses to save over a document replaced, edited in place
 * or removed since it was loaded: AFF_ERROR_CONFLICT, and the other
 * writer's file as they left it. */
static void
test_json_replaced (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AffPortfolio) old = old_portfolio ();
  g_autoptr(AffPortfolio) theirs = build_portfolio (3, 5);
  g_autoptr(AffStore) store = aff_json_store_new (fixture->json_path);
  g_autoptr(AffPortfolio) mine = NULL;
  g_autofree char *text_theirs = aff_portfolio_to_data (theirs, NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (aff_portfolio_save_to_file (old, fixture->json_path, &error));
  g_assert_no_error (error);

  /* Replaced by a new file renamed over it. */
  mine = aff_store_load (store, &error);
  g_assert_no_error (error);
  pin_clock (mine);
  aff_portfolio_set_name (mine, "Mine");
  write_file (fixture->json_path, text_theirs, strlen (text_theirs));
  g_assert_false (aff_store_save (store, mine, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, fixture->json_path));
  g_clear_error (&error);
  after = read_file (fixture->json_path, &length);
  g_assert_cmpmem (after, length, text_theirs, strlen (text_theirs));
  g_assert_cmpuint (remove_leftovers (fixture->folder, "portfolio.json"), ==, 0);

  /* Edited in place (same file, other size). */
  g_clear_object (&mine);
  mine = aff_store_load (store, &error);
  g_assert_no_error (error);
  pin_clock (mine);
  aff_portfolio_set_name (mine, "Mine");
  {
    FILE *file = fopen (fixture->json_path, "a");

    g_assert_nonnull (file);
    fputs ("\n", file);
    fclose (file);
  }
  g_assert_false (aff_store_save (store, mine, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CONFLICT);
  g_clear_error (&error);
  g_free (after);
  after = read_file (fixture->json_path, &length);
  g_assert_cmpuint (length, ==, strlen (text_theirs) + 1);
  g_assert_cmpmem (after, length - 1, text_theirs, strlen (text_theirs));

  /* Removed. */
  g_clear_object (&mine);
  mine = aff_store_load (store, &error);
  g_assert_no_error (error);
  aff_portfolio_set_name (mine, "Mine");
  g_assert_cmpint (g_unlink (fixture->json_path), ==, 0);
  g_assert_false (aff_store_save (store, mine, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (g_file_test (fixture->json_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (remove_leftovers (fixture->folder, "portfolio.json"), ==, 0);
}

/* What a SQLite store that loaded a portfolio does when its file is
 * removed, or replaced by another store, before it saves. It must not
 * crash, and it must not say it saved when what is at the path does not
 * hold the change; the other store must stay as its writer left it.
 *
 * The store keeps its connection open from the load: were it to save into
 * the file it opened, no longer at the path, the change would be nowhere
 * (removed) or its WAL would later be replayed over the other store
 * (replaced). This test found that it did; the store now checks, under the
 * write lock, that the path still leads to the file it opened, and refuses
 * with a conflict. */
static gboolean
sqlite_replaced_case (Fixture    *fixture,
                      const char *how)
{
  g_autoptr(AffPortfolio) old = old_portfolio ();
  g_autoptr(AffPortfolio) theirs = build_portfolio (12, 40);
  g_autoptr(AffStore) store = aff_sqlite_store_new (fixture->db_path);
  g_autoptr(AffPortfolio) mine = NULL;
  g_autofree char *other_path = g_build_filename (fixture->folder, "other.sqlite", NULL);
  g_autofree char *text_theirs = aff_portfolio_to_data (theirs, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autoptr(AffPortfolio) found = NULL;
  g_autofree char *text_found = NULL, *text_mine = NULL;
  gboolean saved, honest;

  remove_store (fixture->db_path);
  remove_store (other_path);
  {
    g_autoptr(AffStore) first = aff_sqlite_store_new (fixture->db_path);
    g_autoptr(AffStore) other = aff_sqlite_store_new (other_path);

    g_assert_true (aff_store_save (first, old, &error));
    g_assert_true (aff_store_save (other, theirs, &error));
    g_assert_no_error (error);
  }
  mine = aff_store_load (store, &error);
  g_assert_no_error (error);
  pin_clock (mine);
  aff_portfolio_set_name (mine, "Mine");
  text_mine = aff_portfolio_to_data (mine, NULL);

  if (strcmp (how, "removed") == 0)
    remove_store (fixture->db_path);
  else if (strcmp (how, "replaced") == 0)
    g_assert_cmpint (g_rename (other_path, fixture->db_path), ==, 0);
  else
    g_assert_not_reached ();

  saved = aff_store_save (store, mine, &error);
  g_clear_object (&mine);
  g_clear_object (&store);
  if (!saved)
    g_test_message ("SQLite store %s while open: the save failed: %s", how, error->message);

  /* What is at the path now. */
  if (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(AffStore) fresh = aff_sqlite_store_new (fixture->db_path);

      swallow_warnings = TRUE;
      found = aff_store_load (fresh, &load_error);
      if (found != NULL)
        text_found = aff_portfolio_to_data (found, NULL);
      swallow_warnings = FALSE;
    }
  {
    g_autofree char *names = list_folder (fixture->folder);
    const char *what = !g_file_test (fixture->db_path, G_FILE_TEST_EXISTS) ? "nothing"
                       : found == NULL ? "a store that no longer loads"
                       : strcmp (text_found, text_theirs) == 0 ? "the other store, whole"
                       : strcmp (text_found, text_mine) == 0 ? "the change"
                       : "something else";

    g_test_message ("SQLite store %s while open: the save %s; at the path: %s%s%s (folder: %s)", how,
                    saved ? "REPORTED SUCCESS" : "failed", what, load_error != NULL ? ": " : "",
                    load_error != NULL ? load_error->message : "", names);
  }
  /* A removed store: a save may fail, or succeed if the path then holds
   * the change. A store replaced by another: the other's must stay whole,
   * so the save must fail (as the JSON store's does). */
  if (strcmp (how, "removed") == 0)
    honest = !saved || (text_found != NULL && strcmp (text_found, text_mine) == 0);
  else
    honest = !saved && text_found != NULL && strcmp (text_found, text_theirs) == 0;
  remove_store (fixture->db_path);
  remove_store (other_path);
  return honest;
}

static void
test_sqlite_replaced (Fixture       *fixture,
                      gconstpointer  data)
{
  gboolean removed_ok = sqlite_replaced_case (fixture, "removed");
  gboolean replaced_ok = sqlite_replaced_case (fixture, "replaced");

  /* The store checks, once it holds the write lock, that its path still
   * leads to the database it opened, and refuses with a conflict. */
  g_assert_true (removed_ok);
  g_assert_true (replaced_ok);
}

/* ---- Faults: where the file cannot be -------------------------------------- */

/* @store, whose path cannot hold a portfolio, refuses both to save @portfolio
 * and to load: with an error of @domain (0: any) and @save_code or
 * @load_code (-1: any), which the log shows. */
static void
assert_store_refuses (AffStore     *store,
                      AffPortfolio *portfolio,
                      const char   *what,
                      GQuark        domain,
                      int           save_code,
                      int           load_code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (aff_store_save (store, portfolio, &error));
  g_assert_nonnull (error);
  g_test_message ("%s, save: %s (%s %d)", what, error->message, g_quark_to_string (error->domain), error->code);
  g_assert_true (domain == 0 || error->domain == domain);
  g_assert_true (save_code < 0 || error->code == save_code);
  g_clear_error (&error);
  g_assert_null (aff_store_load (store, &error));
  g_assert_nonnull (error);
  g_test_message ("%s, load: %s (%s %d)", what, error->message, g_quark_to_string (error->domain), error->code);
  g_assert_true (domain == 0 || error->domain == domain);
  g_assert_true (load_code < 0 || error->code == load_code);
}

/* A directory where the document should be, and a folder that does not
 * exist: clear errors, the directory and what it holds as they were. */
static void
test_bad_targets (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(AffPortfolio) old = old_portfolio ();
  g_autofree char *folder_path = g_build_filename (fixture->folder, "a-folder", NULL);
  g_autofree char *inside = g_build_filename (folder_path, "keep.txt", NULL);
  g_autofree char *db_folder = g_build_filename (fixture->folder, "a-folder.sqlite", NULL);
  g_autofree char *missing = g_build_filename (fixture->folder, "missing", "portfolio.json", NULL);
  g_autofree char *missing_db = g_build_filename (fixture->folder, "missing", "portfolio.sqlite", NULL);
  g_autofree char *names_before = NULL, *names_after = NULL, *kept = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_cmpint (g_mkdir (folder_path, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (db_folder, 0755), ==, 0);
  write_file (inside, "keep", 4);
  names_before = list_folder (fixture->folder);

  /* The document's path is a directory. */
  g_assert_false (aff_portfolio_save_to_file (old, folder_path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_assert_nonnull (strstr (error->message, folder_path));
  g_test_message ("path is a directory, save as: %s", error->message);
  g_clear_error (&error);
  {
    g_autoptr(AffStore) store = aff_json_store_new (folder_path);
    g_autoptr(AffStore) db_store = aff_sqlite_store_new (db_folder);

    assert_store_refuses (store, old, "path is a directory, AffJsonStore", G_FILE_ERROR, G_FILE_ERROR_ISDIR, -1);
    assert_store_refuses (db_store, old, "path is a directory, AffSqliteStore", 0, -1, -1);
  }
  g_assert_true (g_file_test (folder_path, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (db_folder, G_FILE_TEST_IS_DIR));
  kept = read_file (inside, &length);
  g_assert_cmpmem (kept, length, "keep", 4);
  names_after = list_folder (fixture->folder);
  g_assert_cmpstr (names_after, ==, names_before);

  /* The folder does not exist: nothing is created. */
  g_assert_false (aff_portfolio_save_to_file (old, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, missing));
  g_test_message ("folder missing, save as: %s", error->message);
  g_clear_error (&error);
  {
    g_autoptr(AffStore) store = aff_json_store_new (missing);
    g_autoptr(AffStore) db_store = aff_sqlite_store_new (missing_db);

    assert_store_refuses (store, old, "folder missing, AffJsonStore", G_FILE_ERROR, G_FILE_ERROR_NOENT,
                          G_FILE_ERROR_NOENT);
    assert_store_refuses (db_store, old, "folder missing, AffSqliteStore", G_FILE_ERROR, G_FILE_ERROR_NOENT,
                          G_FILE_ERROR_NOENT);
  }
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_free (names_after);
  names_after = list_folder (fixture->folder);
  g_assert_cmpstr (names_after, ==, names_before);
}

/* ---- Faults: files that cannot be loaded ---------------------------------- */

/* The three ways to load a document: the message of each failure starts
 * with the file (as people read its name), so that the command line, which
 * prints the message alone, says which file is at fault. A content error
 * keeps its JSON path after the file. The error itself is as documented:
 * the same domain and code whichever way. */
static const Operation load_operations[] = {
  file_load_operation, json_store_load_operation, load_operation,
};

static void
assert_load_error (const char *path,
                   gboolean    unprivileged,
                   GQuark      domain,
                   int         code,
                   const char *expected,
                   gboolean    whole)
{
  Target target = { path, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (load_operations); i++)
    {
      g_autoptr(GError) error = NULL;
      Outcome outcome = { FALSE, NULL, 0, NULL };

      if (unprivileged)
        outcome = run_unprivileged (load_operations[i], &target);
      else
        {
          outcome.ok = load_operations[i] (&target, &error);
          g_assert_nonnull (error);
          outcome.domain = g_strdup (g_quark_to_string (error->domain));
          outcome.code = error->code;
          outcome.message = g_strdup (error->message);
        }
      g_test_message ("load, way %u: %s", i, outcome.message);
      assert_outcome_error (&outcome, domain, code);
      if (whole)
        g_assert_cmpstr (outcome.message, ==, expected);
      else
        g_assert_true (g_str_has_prefix (outcome.message, expected));
      outcome_clear (&outcome);
    }
}

static void
test_load_errors (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->folder, "missing.json", NULL);
  g_autofree char *no_folder = g_build_filename (fixture->folder, "missing", "portfolio.json", NULL);
  g_autofree char *folder_path = g_build_filename (fixture->folder, "a-folder", NULL);
  g_autofree char *locked = g_build_filename (fixture->folder, "locked", NULL);
  g_autofree char *in_locked = g_build_filename (locked, "portfolio.json", NULL);
  g_autofree char *latin1 = g_build_filename (fixture->folder, "caf\xe9.json", NULL);
  g_autofree char *latin1_shown = g_build_filename (fixture->folder, "caf\xef\xbf\xbd.json", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *names_after = NULL;
  const struct { const char *text; const char *json_path; } bad_contents[] = {
    { "{\"format\": \"libaffaires-portfolio\", \"version\": \"\xff\"}", "$" },
    { "{\"format\": ", "$" },
    { "{\"format\": \"libaffaires-portfolio\", \"version\": \"1\"}", "$.version: " },
  };
  int fd;

  /* No such file, no such folder: "FILE: No such file or directory". */
  expected = g_strdup_printf ("%s: %s", missing, g_strerror (ENOENT));
  assert_load_error (missing, FALSE, G_FILE_ERROR, G_FILE_ERROR_NOENT, expected, TRUE);
  g_free (expected);
  expected = g_strdup_printf ("%s: %s", no_folder, g_strerror (ENOENT));
  assert_load_error (no_folder, FALSE, G_FILE_ERROR, G_FILE_ERROR_NOENT, expected, TRUE);

  /* A name that is not UTF-8 (Latin-1 "café.json") is shown with U+FFFD
   * (EF BF BD) for the byte that is not. */
  g_free (expected);
  expected = g_strdup_printf ("%s: %s", latin1_shown, g_strerror (ENOENT));
  assert_load_error (latin1, FALSE, G_FILE_ERROR, G_FILE_ERROR_NOENT, expected, TRUE);

  /* A directory. */
  g_assert_cmpint (g_mkdir (folder_path, 0755), ==, 0);
  g_free (expected);
  expected = g_strdup_printf ("%s: %s", folder_path, g_strerror (EISDIR));
  assert_load_error (folder_path, FALSE, G_FILE_ERROR, G_FILE_ERROR_ISDIR, expected, TRUE);

  /* Not UTF-8, not JSON, and a member of the wrong type (the version a
   * string): the file, then the JSON path. */
  for (guint i = 0; i < G_N_ELEMENTS (bad_contents); i++)
    {
      write_file (fixture->json_path, bad_contents[i].text, strlen (bad_contents[i].text));
      g_free (expected);
      expected = g_strdup_printf ("%s: %s", fixture->json_path, bad_contents[i].json_path);
      assert_load_error (fixture->json_path, FALSE, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT, expected, FALSE);
    }

  /* Larger than the loader reads (512 MiB): refused before reading, so a
   * sparse file costs nothing. */
  fd = g_open (fixture->json_path, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 512 * 1024 * 1024 + 1), ==, 0);
  close (fd);
  g_free (expected);
  expected = g_strdup_printf ("%s: the document is larger than 512 MiB", fixture->json_path);
  assert_load_error (fixture->json_path, FALSE, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT, expected, TRUE);
  g_assert_cmpint (g_unlink (fixture->json_path), ==, 0);

  /* Permission denied, to 'nobody': a document it may not read, and one
   * in a folder it may not enter (which the JSON store finds when it
   * looks at the file before loading it). */
  g_assert_cmpint (g_chmod (fixture->folder, 0755), ==, 0);
  write_file (fixture->json_path, "{}", 2);
  g_assert_cmpint (g_chmod (fixture->json_path, 0000), ==, 0);
  g_free (expected);
  expected = g_strdup_printf ("%s: %s", fixture->json_path, g_strerror (EACCES));
  assert_load_error (fixture->json_path, TRUE, G_FILE_ERROR, G_FILE_ERROR_ACCES, expected, TRUE);
  g_assert_cmpint (g_mkdir (locked, 0700), ==, 0);
  write_file (in_locked, "{}", 2);
  g_free (expected);
  expected = g_strdup_printf ("%s: %s", in_locked, g_strerror (EACCES));
  assert_load_error (in_locked, TRUE, G_FILE_ERROR, G_FILE_ERROR_ACCES, expected, TRUE);

  /* Loading made nothing. */
  names_after = list_folder (fixture->folder);
  g_assert_cmpstr (names_after, ==, "a-folder locked portfolio.json");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (log_writer, NULL, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/saving/crash/json", test_json_crash);
  ADD ("/saving/crash/sqlite", test_sqlite_crash);
  ADD ("/saving/fault/disk-full", test_disk_full);
  ADD ("/saving/fault/read-only-folder", test_read_only_folder);
  ADD ("/saving/fault/read-only-file", test_read_only_file);
  ADD ("/saving/fault/json-replaced", test_json_replaced);
  ADD ("/saving/fault/sqlite-replaced", test_sqlite_replaced);
  ADD ("/saving/fault/bad-targets", test_bad_targets);
  ADD ("/saving/fault/load-errors", test_load_errors);
#undef ADD

  return g_test_run ();
}
