/* test-journal.c: AffJournal, the tamper-evident history
 *
 * Expected details are written by hand from the canonical rule of
 * docs/format.md §8 (members sorted by name, no whitespace) and the contract's
 * list of actions and details; the known-answer hash is computed outside the
 * library with Python's hashlib.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <affaires.h>

#include "test-util.h"

#define ZERO_HASH "0000000000000000000000000000000000000000000000000000000000000000"

/* aff_portfolio_add_client() journals the client "with all its fields and
 * contacts as they are then": its document object (docs/format.md §7: id,
 * name, unset optional members and follow_up_days 0 left out, status,
 * status_history, contacts, interactions, solvency; this writer writes the
 * empty arrays), in canonical form (members sorted by name, no whitespace). */
#define ADDED_C1 \
  "{\"contacts\":[],\"id\":\"C1\",\"interactions\":[],\"name\":\"Acme\"," \
  "\"solvency\":[],\"status\":\"prospect\",\"status_history\":[]}"
#define ADDED_C2 \
  "{\"contacts\":[],\"id\":\"C2\",\"interactions\":[],\"name\":\"Beta\"," \
  "\"solvency\":[],\"status\":\"prospect\",\"status_history\":[]}"

static GDate *
date_new (int y, int m, int d)
{
  return g_date_new_dmy (d, m, y);
}

/* Replaces every @from in the journal section of @data (everything after the
 * top-level "journal" member name) by @to; returns how many were replaced. */
static char *
replace_in_journal (const char *data,
                    const char *from,
                    const char *to,
                    guint      *n_replaced)
{
  const char *journal = strstr (data, "\"journal\"");
  g_auto(GStrv) pieces = NULL;
  g_autofree char *tail = NULL;
  g_autofree char *head = NULL;

  g_assert_nonnull (journal);
  head = g_strndup (data, journal - data);
  pieces = g_strsplit (journal, from, -1);
  *n_replaced = g_strv_length (pieces) - 1;
  tail = g_strjoinv (to, pieces);
  return g_strconcat (head, tail, NULL);
}

static void
assert_entry (AffJournalEntry *entry,
              guint64          sequence,
              const char      *actor,
              const char      *kind,
              const char      *id,
              const char      *action,
              const char      *details)
{
  g_assert_nonnull (entry);
  g_assert_cmpuint (aff_journal_entry_get_sequence (entry), ==, sequence);
  g_assert_cmpstr (aff_journal_entry_get_actor (entry), ==, actor);
  g_assert_cmpstr (aff_journal_entry_get_entity_kind (entry), ==, kind);
  g_assert_cmpstr (aff_journal_entry_get_entity_id (entry), ==, id);
  g_assert_cmpstr (aff_journal_entry_get_action (entry), ==, action);
  g_assert_cmpstr (aff_journal_entry_get_details (entry), ==, details);
}

/* ---------------------------------------------------------------------- */

static void
test_standalone (void)
{
  g_autoptr(AffJournal) journal = aff_journal_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, 0);
  g_assert_null (aff_journal_get_entry (journal, 0));
  g_assert_null (aff_journal_get_head_hash (journal));
  g_assert_true (aff_journal_verify (journal, &error));
  g_assert_no_error (error);
  entries = aff_journal_list_entries_for (journal, "client", NULL);
  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, ==, 0);

  aff_journal_set_actor (journal, "tester");
  g_assert_cmpstr (aff_journal_get_actor (journal), ==, "tester");
}

/* A portfolio whose history is known entry by entry:
 *
 *   1  alice  client C1         added
 *   2  alice  portfolio         changed name
 *   3  alice  policy            changed target-margin-rate
 *   4  alice  client C2         added
 *   5  alice  client C1         contact-added Bob
 *   6  alice  client C1         interaction-recorded C1-1
 *   7  alice  client C1         status-changed prospect → active
 *   8  alice  client C1         changed name
 *   9  bob    client C2         parent-changed C1
 *  10  bob    client C2         parent-changed null
 *  11  bob    client C2         removed
 */
static AffPortfolio *
build_history (GDateTime *now)
{
  AffPortfolio *portfolio = aff_portfolio_new ();
  g_autoptr(AffClient) c1 = aff_client_new ("C1", "Acme");
  g_autoptr(AffClient) c2 = aff_client_new ("C2", "Beta");
  g_autoptr(AffContact) bob = aff_contact_new ("Bob");
  g_autoptr(GDate) day = date_new (2026, 1, 12);
  g_autoptr(GDate) change_day = date_new (2026, 1, 15);
  g_autoptr(AffInteraction) call = aff_interaction_new (AFF_INTERACTION_KIND_CALL, day, "Intro call");
  g_autoptr(GError) error = NULL;

  aff_portfolio_set_fixed_time (portfolio, now);
  aff_portfolio_set_actor (portfolio, "alice");

  g_assert_true (aff_portfolio_add_client (portfolio, c1, &error));
  g_assert_no_error (error);
  aff_portfolio_set_name (portfolio, "Team A");
  aff_policy_set_target_margin_rate (aff_portfolio_get_policy (portfolio), 1600);
  g_assert_true (aff_portfolio_add_client (portfolio, c2, &error));
  g_assert_no_error (error);
  g_assert_true (aff_client_add_contact (c1, bob, &error));
  g_assert_no_error (error);
  aff_interaction_set_contact (call, "Bob");
  g_assert_true (aff_portfolio_record_interaction (portfolio, "C1", call, &error));
  g_assert_no_error (error);
  g_assert_true (aff_client_change_status (c1, AFF_CLIENT_STATUS_ACTIVE, change_day, "first order", &error));
  g_assert_no_error (error);
  aff_client_set_name (c1, "Acme SA");

  aff_portfolio_set_actor (portfolio, "bob");
  g_assert_true (aff_portfolio_set_client_parent (portfolio, "C2", "C1", &error));
  g_assert_no_error (error);
  g_assert_true (aff_portfolio_set_client_parent (portfolio, "C2", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (aff_portfolio_remove_client (portfolio, "C2", &error));
  g_assert_no_error (error);

  return portfolio;
}

static void
test_entries (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 1, 10, 9, 0, 0);
  g_autoptr(AffPortfolio) portfolio = build_history (now);
  AffJournal *journal = aff_portfolio_get_journal (portfolio);
  g_autoptr(GError) error = NULL;
  const char *previous = ZERO_HASH;
  guint n;

  n = aff_journal_get_n_entries (journal);
  g_assert_cmpuint (n, ==, 11);
  g_assert_null (aff_journal_get_entry (journal, 11));

  assert_entry (aff_journal_get_entry (journal, 0), 1, "alice", "client", "C1", "added",
                ADDED_C1);
  assert_entry (aff_journal_get_entry (journal, 1), 2, "alice", "portfolio", "portfolio", "changed",
                "{\"property\":\"name\",\"value\":\"Team A\"}");
  assert_entry (aff_journal_get_entry (journal, 2), 3, "alice", "policy", "policy", "changed",
                "{\"property\":\"target-margin-rate\",\"value\":1600}");
  assert_entry (aff_journal_get_entry (journal, 3), 4, "alice", "client", "C2", "added",
                ADDED_C2);
  assert_entry (aff_journal_get_entry (journal, 4), 5, "alice", "client", "C1", "contact-added",
                "{\"contact\":\"Bob\"}");
  assert_entry (aff_journal_get_entry (journal, 5), 6, "alice", "client", "C1", "interaction-recorded",
                "{\"contact\":\"Bob\",\"date\":\"2026-01-12\",\"interaction\":\"C1-1\","
                "\"kind\":\"call\",\"summary\":\"Intro call\"}");
  assert_entry (aff_journal_get_entry (journal, 6), 7, "alice", "client", "C1", "status-changed",
                "{\"date\":\"2026-01-15\",\"from\":\"prospect\",\"reason\":\"first order\",\"to\":\"active\"}");
  assert_entry (aff_journal_get_entry (journal, 7), 8, "alice", "client", "C1", "changed",
                "{\"property\":\"name\",\"value\":\"Acme SA\"}");
  assert_entry (aff_journal_get_entry (journal, 8), 9, "bob", "client", "C2", "parent-changed",
                "{\"parent\":\"C1\"}");
  assert_entry (aff_journal_get_entry (journal, 9), 10, "bob", "client", "C2", "parent-changed",
                "{\"parent\":null}");
  g_assert_cmpstr (aff_journal_entry_get_action (aff_journal_get_entry (journal, 10)), ==, "removed");
  g_assert_cmpstr (aff_journal_entry_get_entity_id (aff_journal_get_entry (journal, 10)), ==, "C2");
  g_assert_cmpstr (aff_journal_entry_get_actor (aff_journal_get_entry (journal, 10)), ==, "bob");

  for (guint i = 0; i < n; i++)
    {
      AffJournalEntry *entry = aff_journal_get_entry (journal, i);
      GDateTime *timestamp = aff_journal_entry_get_timestamp (entry);
      const char *hash = aff_journal_entry_get_hash (entry);

      g_test_message ("entry %u", i + 1);
      g_assert_cmpuint (aff_journal_entry_get_sequence (entry), ==, i + 1);
      g_assert_true (g_date_time_equal (timestamp, now));
      g_assert_cmpint (g_date_time_get_utc_offset (timestamp), ==, 0);
      /* the chain: entry 1 follows 64 zeros, entry n follows the hash of n - 1 */
      g_assert_cmpstr (aff_journal_entry_get_previous_hash (entry), ==, previous);
      g_assert_cmpuint (strlen (hash), ==, 64);
      for (const char *p = hash; *p; p++)
        g_assert_true (g_ascii_isdigit (*p) || (*p >= 'a' && *p <= 'f'));
      g_assert_cmpstr (hash, !=, previous);
      previous = hash;
    }
  g_assert_cmpstr (aff_journal_get_head_hash (journal), ==, previous);
  g_assert_true (aff_journal_verify (journal, &error));
  g_assert_no_error (error);

  /* entries are shared, and can be kept */
  {
    AffJournalEntry *entry = aff_journal_get_entry (journal, 0);
    AffJournalEntry *ref = aff_journal_entry_ref (entry);

    g_assert_true (ref == entry);
    aff_journal_entry_unref (ref);
  }
}

static void
test_dup_detail (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 1, 10, 9, 0, 0);
  g_autoptr(AffPortfolio) portfolio = build_history (now);
  AffJournal *journal = aff_portfolio_get_journal (portfolio);
  char *text;

  /* strings as they are */
  text = aff_journal_entry_dup_detail (aff_journal_get_entry (journal, 0), "name");
  g_assert_cmpstr (text, ==, "Acme");
  g_free (text);
  text = aff_journal_entry_dup_detail (aff_journal_get_entry (journal, 6), "reason");
  g_assert_cmpstr (text, ==, "first order");
  g_free (text);
  /* everything else as canonical JSON */
  text = aff_journal_entry_dup_detail (aff_journal_get_entry (journal, 2), "value");
  g_assert_cmpstr (text, ==, "1600");
  g_free (text);
  text = aff_journal_entry_dup_detail (aff_journal_get_entry (journal, 0), "contacts");
  g_assert_cmpstr (text, ==, "[]");
  g_free (text);
  text = aff_journal_entry_dup_detail (aff_journal_get_entry (journal, 9), "parent");
  g_assert_cmpstr (text, ==, "null");
  g_free (text);
  /* no such detail */
  text = aff_journal_entry_dup_detail (aff_journal_get_entry (journal, 0), "siren");
  g_assert_null (text);
}

static void
assert_sequences (GPtrArray     *entries,
                  const guint64 *sequences,
                  gsize          n)
{
  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, ==, n);
  for (gsize i = 0; i < n; i++)
    g_assert_cmpuint (aff_journal_entry_get_sequence (g_ptr_array_index (entries, i)), ==, sequences[i]);
}

static void
test_list_entries_for (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 1, 10, 9, 0, 0);
  g_autoptr(AffPortfolio) portfolio = build_history (now);
  AffJournal *journal = aff_portfolio_get_journal (portfolio);
  const guint64 c1[] = { 1, 5, 6, 7, 8 };
  const guint64 c2[] = { 4, 9, 10, 11 };
  const guint64 clients[] = { 1, 4, 5, 6, 7, 8, 9, 10, 11 };
  const guint64 policy[] = { 3 };
  const guint64 whole[] = { 2 };
  GPtrArray *entries;

  entries = aff_journal_list_entries_for (journal, "client", "C1");
  assert_sequences (entries, c1, G_N_ELEMENTS (c1));
  for (guint i = 0; i < entries->len; i++)
    g_assert_cmpstr (aff_journal_entry_get_entity_id (g_ptr_array_index (entries, i)), ==, "C1");
  g_ptr_array_unref (entries);

  /* a removed client keeps its history */
  entries = aff_journal_list_entries_for (journal, "client", "C2");
  assert_sequences (entries, c2, G_N_ELEMENTS (c2));
  g_ptr_array_unref (entries);

  entries = aff_journal_list_entries_for (journal, "client", NULL);
  assert_sequences (entries, clients, G_N_ELEMENTS (clients));
  g_ptr_array_unref (entries);

  entries = aff_journal_list_entries_for (journal, "policy", "policy");
  assert_sequences (entries, policy, G_N_ELEMENTS (policy));
  g_ptr_array_unref (entries);

  entries = aff_journal_list_entries_for (journal, "portfolio", "portfolio");
  assert_sequences (entries, whole, G_N_ELEMENTS (whole));
  g_ptr_array_unref (entries);

  entries = aff_journal_list_entries_for (journal, "client", "nobody");
  assert_sequences (entries, NULL, 0);
  g_ptr_array_unref (entries);

  /* the kind matters, not only the id */
  entries = aff_journal_list_entries_for (journal, "policy", "C1");
  assert_sequences (entries, NULL, 0);
  g_ptr_array_unref (entries);
}

/* The first entry of a portfolio whose first change is known. The hash is
 * SHA-256 over: 64 zeros, "\n", then the canonical array
 *   [1,1,"2026-01-10T09:00:00Z","alice","client","C1","added",ADDED_C1]
 * computed outside the library with:
 *   python3 -c 'import hashlib; print(hashlib.sha256(("0"*64+"\n"+"[1,1,\"2026-01-10T09:00:00Z\",\"alice\",\"client\",\"C1\",\"added\",{\"contacts\":[],\"id\":\"C1\",\"interactions\":[],\"name\":\"Acme\",\"solvency\":[],\"status\":\"prospect\",\"status_history\":[]}]").encode()).hexdigest())'
 * (the same one-liner on the worked example of docs/format.md §8 gives the
 * hash printed there, 2a9556c2…e5ae). */
static void
test_known_answer (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 1, 10, 9, 0, 0);
  g_autoptr(AffPortfolio) portfolio = aff_portfolio_new ();
  g_autoptr(AffClient) client = aff_client_new ("C1", "Acme");
  g_autoptr(GError) error = NULL;
  AffJournal *journal = aff_portfolio_get_journal (portfolio);
  AffJournalEntry *entry;

  aff_portfolio_set_fixed_time (portfolio, now);
  aff_portfolio_set_actor (portfolio, "alice");
  g_assert_true (aff_portfolio_add_client (portfolio, client, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, 1);
  entry = aff_journal_get_entry (journal, 0);
  assert_entry (entry, 1, "alice", "client", "C1", "added",
                ADDED_C1);
  g_assert_cmpstr (aff_journal_entry_get_previous_hash (entry), ==, ZERO_HASH);
  g_assert_cmpstr (aff_journal_entry_get_hash (entry), ==,
                   "916cf6cac241605eb8d7826f6615f9175b77e7094ef141aef760245f158fed1a");
  g_assert_cmpstr (aff_journal_get_head_hash (journal), ==,
                   "916cf6cac241605eb8d7826f6615f9175b77e7094ef141aef760245f158fed1a");
}

/* A client added with fields set and a contact: the snapshot holds them,
 * nested objects sorted too (contact members: email, name, phone, role). */
static void
test_added_snapshot (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 1, 10, 9, 0, 0);
  g_autoptr(AffPortfolio) portfolio = aff_portfolio_new ();
  g_autoptr(AffClient) client = aff_client_new ("C3", "Gamma");
  g_autoptr(AffContact) ann = aff_contact_new ("Ann");
  g_autoptr(GError) error = NULL;
  AffJournal *journal = aff_portfolio_get_journal (portfolio);

  aff_portfolio_set_fixed_time (portfolio, now);
  aff_portfolio_set_actor (portfolio, "alice");
  g_assert_true (aff_client_set_siren (client, "732829320", &error));
  g_assert_no_error (error);
  g_assert_true (aff_client_set_sector (client, "28.29B", &error));
  g_assert_no_error (error);
  aff_client_set_follow_up_days (client, 45);
  aff_contact_set_role (ann, "buyer");
  aff_contact_set_email (ann, "ann@gamma.example");
  g_assert_true (aff_client_add_contact (client, ann, &error));
  g_assert_no_error (error);
  /* nothing is journaled before the client is in a portfolio */
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, 0);

  g_assert_true (aff_portfolio_add_client (portfolio, client, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, 1);
  assert_entry (aff_journal_get_entry (journal, 0), 1, "alice", "client", "C3", "added",
                "{\"contacts\":[{\"email\":\"ann@gamma.example\",\"name\":\"Ann\",\"role\":\"buyer\"}],"
                "\"follow_up_days\":45,\"id\":\"C3\",\"interactions\":[],\"name\":\"Gamma\","
                "\"sector\":\"28.29B\",\"siren\":\"732829320\",\"solvency\":[],\"status\":\"prospect\",\"status_history\":[]}");
  {
    g_autofree char *siren = aff_journal_entry_dup_detail (aff_journal_get_entry (journal, 0), "siren");
    g_autofree char *days = aff_journal_entry_dup_detail (aff_journal_get_entry (journal, 0), "follow_up_days");

    g_assert_cmpstr (siren, ==, "732829320");
    g_assert_cmpstr (days, ==, "45");
  }
}

/* ---------------------------------------------------------------------- */

typedef struct
{
  guint n_calls;
  guint64 last_sequence;
  char *last_action;
} SignalData;

static void
on_entry_added (AffJournal      *journal,
                AffJournalEntry *entry,
                gpointer         user_data)
{
  SignalData *data = user_data;

  g_assert_true (AFF_IS_JOURNAL (journal));
  data->n_calls++;
  data->last_sequence = aff_journal_entry_get_sequence (entry);
  g_free (data->last_action);
  data->last_action = g_strdup (aff_journal_entry_get_action (entry));
  /* emitted after the entry is appended */
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, data->last_sequence);
  g_assert_cmpstr (aff_journal_get_head_hash (journal), ==, aff_journal_entry_get_hash (entry));
}

static void
test_entry_added_signal (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 1, 10, 9, 0, 0);
  g_autoptr(AffPortfolio) portfolio = aff_portfolio_new ();
  g_autoptr(AffClient) client = aff_client_new ("C1", "Acme");
  g_autoptr(GDate) day = date_new (2026, 2, 1);
  g_autoptr(GError) error = NULL;
  AffJournal *journal = aff_portfolio_get_journal (portfolio);
  SignalData data = { 0, 0, NULL };

  aff_portfolio_set_fixed_time (portfolio, now);
  g_signal_connect (journal, "entry-added", G_CALLBACK (on_entry_added), &data);

  g_assert_true (aff_portfolio_add_client (portfolio, client, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (data.n_calls, ==, 1);
  g_assert_cmpuint (data.last_sequence, ==, 1);
  g_assert_cmpstr (data.last_action, ==, "added");

  g_assert_true (aff_client_change_status (client, AFF_CLIENT_STATUS_ACTIVE, day, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (data.n_calls, ==, 2);
  g_assert_cmpuint (data.last_sequence, ==, 2);
  g_assert_cmpstr (data.last_action, ==, "status-changed");

  /* a refused change writes nothing */
  g_assert_false (aff_client_change_status (client, AFF_CLIENT_STATUS_ACTIVE, day, NULL, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);
  g_assert_cmpuint (data.n_calls, ==, 2);
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, 2);

  g_signal_handlers_disconnect_by_data (journal, &data);
  g_free (data.last_action);
}

/* ---------------------------------------------------------------------- */

typedef struct
{
  guint n_calls;
  guint n_destroyed;
  int minute;
} ClockData;

static GDateTime *
ticking_clock (gpointer user_data)
{
  ClockData *clock = user_data;

  clock->n_calls++;
  /* 2026-02-01 10:MM:00 at UTC+02:00, i.e. 08:MM:00 UTC */
  {
    g_autoptr(GTimeZone) tz = g_time_zone_new_offset (2 * 3600);
    return g_date_time_new (tz, 2026, 2, 1, 10, clock->minute++, 0);
  }
}

static GDateTime *
fractional_clock (gpointer user_data)
{
  ClockData *clock = user_data;

  clock->n_calls++;
  return g_date_time_new_utc (2026, 3, 1, 12, 30, 15.5);
}

static void
clock_destroyed (gpointer user_data)
{
  ClockData *clock = user_data;

  clock->n_destroyed++;
}

static void
test_clock (void)
{
  g_autoptr(AffPortfolio) portfolio = aff_portfolio_new ();
  AffJournal *journal = aff_portfolio_get_journal (portfolio);
  g_autoptr(AffClient) c1 = aff_client_new ("C1", "Acme");
  g_autoptr(AffClient) c2 = aff_client_new ("C2", "Beta");
  g_autoptr(AffClient) c3 = aff_client_new ("C3", "Gamma");
  g_autoptr(GError) error = NULL;
  ClockData first = { 0, 0, 5 };
  ClockData second = { 0, 0, 0 };
  GDateTime *timestamp;

  aff_portfolio_set_actor (portfolio, "alice");
  aff_journal_set_clock (journal, ticking_clock, &first, clock_destroyed);
  g_assert_cmpuint (first.n_destroyed, ==, 0);

  g_assert_true (aff_portfolio_add_client (portfolio, c1, &error));
  g_assert_no_error (error);
  g_assert_true (aff_portfolio_add_client (portfolio, c2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (first.n_calls, >=, 2);

  /* converted to UTC: 10:05 at +02:00 is 08:05Z */
  timestamp = aff_journal_entry_get_timestamp (aff_journal_get_entry (journal, 0));
  g_assert_cmpint (g_date_time_get_utc_offset (timestamp), ==, 0);
  g_assert_cmpint (g_date_time_get_hour (timestamp), ==, 8);
  g_assert_cmpint (g_date_time_get_minute (timestamp), ==, 5);
  {
    g_autofree char *text = g_date_time_format_iso8601 (timestamp);
    g_assert_cmpstr (text, ==, "2026-02-01T08:05:00Z");
  }
  /* a later call of the clock for the second entry */
  timestamp = aff_journal_entry_get_timestamp (aff_journal_get_entry (journal, 1));
  g_assert_cmpint (g_date_time_get_hour (timestamp), ==, 8);
  g_assert_cmpint (g_date_time_get_minute (timestamp), >, 5);

  /* replacing the clock frees the old one's data, once */
  aff_journal_set_clock (journal, fractional_clock, &second, clock_destroyed);
  g_assert_cmpuint (first.n_destroyed, ==, 1);
  g_assert_cmpuint (second.n_destroyed, ==, 0);

  g_assert_true (aff_portfolio_add_client (portfolio, c3, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (second.n_calls, >=, 1);
  timestamp = aff_journal_entry_get_timestamp (aff_journal_get_entry (journal, 2));
  g_assert_cmpint (g_date_time_get_microsecond (timestamp), ==, 500000);

  /* the document spells the times as §4 says: microseconds only when not zero */
  {
    g_autofree char *data = aff_portfolio_to_data (portfolio, NULL);
    g_autofree char *compact = compact_json (data);
    g_autoptr(AffPortfolio) reloaded = NULL;

    g_assert_nonnull (strstr (compact, "\"time\":\"2026-02-01T08:05:00Z\""));
    g_assert_nonnull (strstr (compact, "\"time\":\"2026-03-01T12:30:15.500000Z\""));
    reloaded = aff_portfolio_new_from_data (data, -1, &error);
    g_assert_no_error (error);
    g_assert_true (aff_journal_verify (aff_portfolio_get_journal (reloaded), &error));
    g_assert_no_error (error);
  }

  /* a fixed time replaces the callback too */
  {
    g_autoptr(GDateTime) fixed = g_date_time_new_utc (2030, 1, 1, 0, 0, 0);

    aff_portfolio_set_fixed_time (portfolio, fixed);
    g_assert_cmpuint (second.n_destroyed, ==, 1);
    aff_portfolio_set_name (portfolio, "fixed");
    timestamp = aff_journal_entry_get_timestamp (aff_journal_get_entry (journal, 3));
    g_assert_true (g_date_time_equal (timestamp, fixed));
  }
  g_assert_cmpuint (first.n_destroyed, ==, 1);
  g_assert_cmpuint (second.n_destroyed, ==, 1);

  g_assert_true (aff_journal_verify (journal, &error));
  g_assert_no_error (error);
}

static void
test_clock_destroyed_with_journal (void)
{
  AffJournal *journal = aff_journal_new ();
  ClockData clock = { 0, 0, 0 };

  aff_journal_set_clock (journal, ticking_clock, &clock, clock_destroyed);
  g_assert_cmpuint (clock.n_destroyed, ==, 0);
  g_object_unref (journal);
  g_assert_cmpuint (clock.n_destroyed, ==, 1);
  g_assert_cmpuint (clock.n_calls, ==, 0);
}

/* ---------------------------------------------------------------------- */

static char *
history_document (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 1, 10, 9, 0, 0);
  g_autoptr(AffPortfolio) portfolio = build_history (now);

  return aff_portfolio_to_data (portfolio, NULL);
}

static void
assert_tampered (const char *document,
                 const char *expected_entry)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPortfolio) portfolio = NULL;

  /* a tampered journal still loads, so that it can be inspected */
  portfolio = aff_portfolio_new_from_data (document, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (portfolio);
  g_assert_false (aff_journal_verify (aff_portfolio_get_journal (portfolio), &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_TAMPERED);
  if (expected_entry != NULL && strstr (error->message, expected_entry) == NULL)
    g_error ("“%s” does not name %s", error->message, expected_entry);
}

static void
test_reload_intact (void)
{
  g_autofree char *data = history_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPortfolio) portfolio = aff_portfolio_new_from_data (data, -1, &error);
  g_autoptr(GDateTime) later = g_date_time_new_utc (2026, 1, 11, 9, 0, 0);
  AffJournal *journal;
  g_autofree char *head = NULL;
  AffJournalEntry *entry;

  g_assert_no_error (error);
  journal = aff_portfolio_get_journal (portfolio);
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, 11);
  g_assert_true (aff_journal_verify (journal, &error));
  g_assert_no_error (error);
  /* loading is not a change, and keeps the entries as read */
  assert_entry (aff_journal_get_entry (journal, 5), 6, "alice", "client", "C1", "interaction-recorded",
                "{\"contact\":\"Bob\",\"date\":\"2026-01-12\",\"interaction\":\"C1-1\","
                "\"kind\":\"call\",\"summary\":\"Intro call\"}");
  head = g_strdup (aff_journal_get_head_hash (journal));

  /* new entries continue the chain */
  aff_portfolio_set_fixed_time (portfolio, later);
  aff_portfolio_set_actor (portfolio, "carol");
  aff_portfolio_set_name (portfolio, "Team B");
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, 12);
  entry = aff_journal_get_entry (journal, 11);
  assert_entry (entry, 12, "carol", "portfolio", "portfolio", "changed",
                "{\"property\":\"name\",\"value\":\"Team B\"}");
  g_assert_cmpstr (aff_journal_entry_get_previous_hash (entry), ==, head);
  g_assert_true (aff_journal_verify (journal, &error));
  g_assert_no_error (error);
}

static void
test_tamper_details (void)
{
  g_autofree char *data = history_document ();
  g_autofree char *tampered = NULL;
  guint n = 0;

  /* the summary of entry 6, in the journal only (the client's copy stays) */
  tampered = replace_in_journal (data, "Intro call", "Intro cull", &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_nonnull (strstr (tampered, "Intro call"));
  assert_tampered (tampered, "journal entry 6");
}

static void
test_tamper_actor (void)
{
  g_autofree char *data = history_document ();
  g_autofree char *tampered = NULL;
  guint n = 0;

  /* bob's first entry is entry 9; pretend it was someone else's: entries 9,
   * 10 and 11 are bob's, the first bad one is 9 */
  tampered = replace_in_journal (data, "\"bob\"", "\"eve\"", &n);
  g_assert_cmpuint (n, ==, 3);
  assert_tampered (tampered, "journal entry 9");

  /* a hash changed: entry 3's own hash no longer matches, and entry 4's
   * previous no longer names it; the first bad one is 3 */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AffPortfolio) portfolio = aff_portfolio_new_from_data (data, -1, &error);
    AffJournal *journal;
    const char *hash;
    g_autofree char *forged = NULL;
    g_autofree char *tampered2 = NULL;

    g_assert_no_error (error);
    journal = aff_portfolio_get_journal (portfolio);
    hash = aff_journal_entry_get_hash (aff_journal_get_entry (journal, 2));
    forged = g_strdup (hash);
    forged[0] = forged[0] == '0' ? '1' : '0';
    tampered2 = replace_in_journal (data, hash, forged, &n);
    g_assert_cmpuint (n, ==, 2);     /* entry 3's hash and entry 4's previous */
    assert_tampered (tampered2, "journal entry 3");
  }
}

static void
test_tamper_removed (void)
{
  g_autofree char *data = history_document ();
  char *removed;
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPortfolio) portfolio = NULL;

  /* remove entry 4 (index 3): what follows no longer checks */
  {
    const char *journal = strstr (data, "\"journal\"");
    const char *p = journal, *start = NULL, *end = NULL;
    g_autofree char *head = NULL;

    for (guint i = 0; i <= 4; i++)
      {
        const char *seq = strstr (p, "\"sequence\"");
        const char *brace;

        g_assert_nonnull (seq);
        for (brace = seq; *brace != '{'; brace--)
          ;
        if (i == 3)
          start = brace;
        else if (i == 4)
          end = brace;
        p = seq + 1;
      }
    head = g_strndup (data, start - data);
    removed = g_strconcat (head, end, NULL);
  }

  portfolio = aff_portfolio_new_from_data (removed, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (aff_journal_get_n_entries (aff_portfolio_get_journal (portfolio)), ==, 10);
  g_assert_false (aff_journal_verify (aff_portfolio_get_journal (portfolio), &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_TAMPERED);
  g_free (removed);
}

static void
test_misuse (void)
{
  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_cmpuint (aff_journal_get_n_entries (NULL), ==, 0);
  g_test_assert_expected_messages ();

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_null (aff_journal_entry_get_actor (NULL));
  g_test_assert_expected_messages ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/journal/standalone", test_standalone);
  g_test_add_func ("/journal/entries", test_entries);
  g_test_add_func ("/journal/dup-detail", test_dup_detail);
  g_test_add_func ("/journal/list-entries-for", test_list_entries_for);
  g_test_add_func ("/journal/known-answer", test_known_answer);
  g_test_add_func ("/journal/added-snapshot", test_added_snapshot);
  g_test_add_func ("/journal/entry-added", test_entry_added_signal);
  g_test_add_func ("/journal/clock", test_clock);
  g_test_add_func ("/journal/clock-destroyed-with-journal", test_clock_destroyed_with_journal);
  g_test_add_func ("/journal/reload-intact", test_reload_intact);
  g_test_add_func ("/journal/tamper/details", test_tamper_details);
  g_test_add_func ("/journal/tamper/actor-and-hash", test_tamper_actor);
  g_test_add_func ("/journal/tamper/removed", test_tamper_removed);
  g_test_add_func ("/journal/misuse", test_misuse);

  return g_test_run ();
}
