/* test-clients.c: AffClient, AffContact, AffInteraction
 *
 * Expected values are worked out by hand from the contract
 * (docs/rules.md) and the doc comments; the Luhn sums and the
 * least-squares slopes are written out next to the assertions.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <affaires.h>

#include "test-util.h"

/* The library logs with G_LOG_USE_STRUCTURED, which GLib 2.74's
 * g_test_expect_message() does not see; expected warnings go through this
 * writer instead. */
static guint n_expected_warnings;

static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  if ((log_level & G_LOG_LEVEL_WARNING) && n_expected_warnings > 0)
    for (gsize i = 0; i < n_fields; i++)
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0 && g_strcmp0 (fields[i].value, "Aff") == 0)
        {
          n_expected_warnings--;
          return G_LOG_WRITER_HANDLED;
        }
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
count_items_changed (G_GNUC_UNUSED GListModel *model,
                     G_GNUC_UNUSED guint       position,
                     G_GNUC_UNUSED guint       removed,
                     G_GNUC_UNUSED guint       added,
                     gpointer                  user_data)
{
  guint *count = user_data;

  (*count)++;
}

static AffPortfolio *
portfolio_with (const char  *id,
                AffClient  **client)
{
  AffPortfolio *portfolio = aff_portfolio_new ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 1, 10, 9, 0, 0);
  g_autoptr(AffClient) c = aff_client_new (id, "Acme");
  g_autoptr(GError) error = NULL;

  aff_portfolio_set_fixed_time (portfolio, now);
  aff_portfolio_set_actor (portfolio, "alice");
  g_assert_true (aff_portfolio_add_client (portfolio, c, &error));
  g_assert_no_error (error);
  *client = c;   /* owned by the portfolio from now on */
  return portfolio;
}

static AffInteraction *
record (AffPortfolio       *portfolio,
        const char         *client_id,
        AffInteractionKind  kind,
        int y, int m, int d,
        const char         *summary,
        int                 satisfaction)
{
  g_autoptr(GDate) date = day (y, m, d);
  g_autoptr(GError) error = NULL;
  AffInteraction *interaction = aff_interaction_new (kind, date, summary);

  aff_interaction_set_satisfaction (interaction, satisfaction);
  g_assert_true (aff_portfolio_record_interaction (portfolio, client_id, interaction, &error));
  g_assert_no_error (error);
  g_object_unref (interaction);      /* the client holds it */
  return interaction;
}

/* ---------------------------------------------------------------------- */

static void
test_new (void)
{
  g_autoptr(AffClient) client = aff_client_new ("fonderie-hayange", "Fonderie de Hayange");
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  AffClientStatus status;

  g_assert_cmpstr (aff_client_get_id (client), ==, "fonderie-hayange");
  g_assert_cmpstr (aff_client_get_name (client), ==, "Fonderie de Hayange");
  g_assert_cmpint (aff_client_get_status (client), ==, AFF_CLIENT_STATUS_PROSPECT);
  g_assert_null (aff_client_get_siren (client));
  g_assert_null (aff_client_get_sector (client));
  g_assert_null (aff_client_get_address (client));
  g_assert_null (aff_client_get_parent_id (client));
  g_assert_cmpuint (aff_client_get_follow_up_days (client), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (aff_client_get_contacts (client)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (aff_client_get_interactions (client)), ==, 0);
  g_assert_true (g_list_model_get_item_type (aff_client_get_contacts (client)) == AFF_TYPE_CONTACT);
  g_assert_true (g_list_model_get_item_type (aff_client_get_interactions (client)) == AFF_TYPE_INTERACTION);
  g_assert_null (aff_client_get_last_interaction (client));
  g_assert_cmpfloat (aff_client_get_satisfaction_average (client), ==, -1.0);
  g_assert_cmpfloat (aff_client_get_satisfaction_trend (client), ==, 0.0);

  g_object_get (client, "id", &id, "name", &name, "status", &status, NULL);
  g_assert_cmpstr (id, ==, "fonderie-hayange");
  g_assert_cmpstr (name, ==, "Fonderie de Hayange");
  g_assert_cmpint (status, ==, AFF_CLIENT_STATUS_PROSPECT);

  aff_client_set_name (client, "Fonderie de Hayange SAS");
  g_assert_cmpstr (aff_client_get_name (client), ==, "Fonderie de Hayange SAS");
  aff_client_set_address (client, "3 avenue de la Fensch\n57700 Hayange");
  g_assert_cmpstr (aff_client_get_address (client), ==, "3 avenue de la Fensch\n57700 Hayange");
  aff_client_set_address (client, NULL);
  g_assert_null (aff_client_get_address (client));
  aff_client_set_follow_up_days (client, 45);
  g_assert_cmpuint (aff_client_get_follow_up_days (client), ==, 45);
}

/* Luhn over nine digits: from the right, every second digit is doubled (and
 * 9 taken off when above 9), and the sum must be a multiple of ten.
 *   732829320: 0 + 2·2 + 3 + 9·2−9 + 2 + 8·2−9 + 2 + 3·2 + 7
 *            = 0 + 4 + 3 + 9 + 2 + 7 + 2 + 6 + 7 = 40 → valid
 *   732829321: the same with 1 for 0 → 41 → invalid
 *   542107651: 1 + 5·2−9 + 6 + 7·2−9 + 0 + 1·2 + 2 + 4·2 + 5 = 1+1+6+5+0+2+2+8+5 = 30
 *   443061841: 1 + 4·2 + 8 + 1·2 + 6 + 0 + 3 + 4·2 + 4 = 1+8+8+2+6+0+3+8+4 = 40
 *   123456789: 9 + 8·2−9 + 7 + 6·2−9 + 5 + 4·2 + 3 + 2·2 + 1 = 9+7+7+3+5+8+3+4+1 = 47
 *   000000000: 0 → valid by the rule */
static void
test_siren (void)
{
  const char *valid[] = { "732829320", "542107651", "443061841", "000000000", "356000000" };
  const char *invalid[] = {
    "732829321", "123456789", "12345678", "73282932A", "7328293200", "", " 732829320",
    "732829320 ", "732 829 320", "73282932O",
    "\xef\xbc\x97\xef\xbc\x93\xef\xbc\x92\xef\xbc\x98\xef\xbc\x92\xef\xbc\x99\xef\xbc\x93\xef\xbc\x92\xef\xbc\x90", /* fullwidth */
    "\xd9\xa7\xd9\xa3\xd9\xa2\xd9\xa8\xd9\xa2\xd9\xa9\xd9\xa3\xd9\xa2\xd9\xa0",  /* Arabic-Indic */
  };
  g_autoptr(AffClient) client = aff_client_new ("c", "C");
  g_autoptr(GError) error = NULL;
  guint count = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_test_message ("SIREN %s", valid[i]);
      g_assert_true (aff_siren_is_valid (valid[i]));
    }
  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("SIREN “%s”", invalid[i]);
      g_assert_false (aff_siren_is_valid (invalid[i]));
    }

  g_signal_connect (client, "notify::siren", G_CALLBACK (count_notify), &count);
  g_assert_true (aff_client_set_siren (client, "732829320", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (aff_client_get_siren (client), ==, "732829320");
  g_assert_cmpuint (count, ==, 1);

  /* refused: nothing changes */
  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_assert_false (aff_client_set_siren (client, invalid[i], &error));
      g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
      g_clear_error (&error);
      g_assert_cmpstr (aff_client_get_siren (client), ==, "732829320");
    }
  g_assert_cmpuint (count, ==, 1);

  g_assert_true (aff_client_set_siren (client, "542107651", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (aff_client_get_siren (client), ==, "542107651");
  g_assert_cmpuint (count, ==, 2);

  g_assert_true (aff_client_set_siren (client, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (aff_client_get_siren (client));
  g_assert_cmpuint (count, ==, 3);

  /* through the property, an invalid SIREN is refused with a warning */
  n_expected_warnings = 1;
  g_object_set (client, "siren", "732829321", NULL);
  g_assert_cmpuint (n_expected_warnings, ==, 0);
  g_assert_null (aff_client_get_siren (client));
  g_object_set (client, "siren", "443061841", NULL);
  g_assert_cmpstr (aff_client_get_siren (client), ==, "443061841");
}

static void
test_sector (void)
{
  const char *valid[] = { "28.29B", "33.12Z", "71.12B", "01.11Z", "24.51Z" };
  const char *invalid[] = {
    "2829B", "28.29", "28-29B", "A8.29B", "28.29BB", "", "28.2B", " 28.29B",
    "28.29B ", "28.291", "282.9B", "28.29\xc3\x89",
  };
  g_autoptr(AffClient) client = aff_client_new ("c", "C");
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_test_message ("NAF %s", valid[i]);
      g_assert_true (aff_client_set_sector (client, valid[i], &error));
      g_assert_no_error (error);
      g_assert_cmpstr (aff_client_get_sector (client), ==, valid[i]);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("NAF “%s”", invalid[i]);
      g_assert_false (aff_client_set_sector (client, invalid[i], &error));
      g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
      g_clear_error (&error);
      g_assert_cmpstr (aff_client_get_sector (client), ==, "24.51Z");
    }
  g_assert_true (aff_client_set_sector (client, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (aff_client_get_sector (client));
}

static void
test_contacts (void)
{
  g_autoptr(AffClient) client = aff_client_new ("c", "C");
  g_autoptr(AffContact) alice = aff_contact_new ("Alice Martin");
  g_autoptr(AffContact) bob = aff_contact_new ("Bob");
  g_autoptr(AffContact) alice2 = aff_contact_new ("Alice Martin");
  g_autoptr(AffContact) nameless = aff_contact_new ("");
  g_autoptr(GError) error = NULL;
  GListModel *contacts = aff_client_get_contacts (client);
  const char *bad_emails[] = { "alice", "alice@acme", "al ice@acme.example", "a@b@acme.example",
                               "alice@acme .example" };
  guint changes = 0;

  aff_contact_set_role (alice, "Acheteuse");
  aff_contact_set_email (alice, "alice.martin@acme.example");
  aff_contact_set_phone (alice, "+33 3 87 00 00 01");
  g_assert_cmpstr (aff_contact_get_name (alice), ==, "Alice Martin");
  g_assert_cmpstr (aff_contact_get_role (alice), ==, "Acheteuse");
  g_assert_cmpstr (aff_contact_get_email (alice), ==, "alice.martin@acme.example");
  g_assert_cmpstr (aff_contact_get_phone (alice), ==, "+33 3 87 00 00 01");
  g_assert_null (aff_contact_get_role (bob));
  g_assert_null (aff_contact_get_email (bob));
  g_assert_null (aff_contact_get_phone (bob));

  g_signal_connect (contacts, "items-changed", G_CALLBACK (count_items_changed), &changes);

  g_assert_true (aff_client_add_contact (client, alice, &error));
  g_assert_no_error (error);
  g_assert_true (aff_client_add_contact (client, bob, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 2);
  {
    g_autoptr(AffContact) first = g_list_model_get_item (contacts, 0);
    g_autoptr(AffContact) second = g_list_model_get_item (contacts, 1);

    g_assert_true (first == alice);
    g_assert_true (second == bob);
  }
  g_assert_true (aff_client_lookup_contact (client, "Bob") == bob);
  g_assert_true (aff_client_lookup_contact (client, "Alice Martin") == alice);
  g_assert_null (aff_client_lookup_contact (client, "alice martin"));
  g_assert_null (aff_client_lookup_contact (client, "Carol"));

  /* a second contact of the same name */
  g_assert_false (aff_client_add_contact (client, alice2, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_DUPLICATE_ID);
  g_clear_error (&error);

  /* no name */
  g_assert_false (aff_client_add_contact (client, nameless, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* malformed e-mail addresses */
  for (gsize i = 0; i < G_N_ELEMENTS (bad_emails); i++)
    {
      g_autofree char *name = g_strdup_printf ("Contact %" G_GSIZE_FORMAT, i);
      g_autoptr(AffContact) contact = aff_contact_new (name);

      g_test_message ("e-mail “%s”", bad_emails[i]);
      aff_contact_set_email (contact, bad_emails[i]);
      g_assert_false (aff_client_add_contact (client, contact, &error));
      g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
      g_clear_error (&error);
      g_assert_null (aff_client_lookup_contact (client, name));
    }

  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 2);
  g_assert_cmpuint (changes, ==, 2);
}

static void
test_status (void)
{
  g_autoptr(AffClient) client = aff_client_new ("c", "C");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) march = day (2026, 3, 1);
  g_autoptr(GDate) june = day (2026, 6, 1);
  g_autoptr(GDate) may = day (2026, 5, 1);
  g_autoptr(GDate) invalid = g_date_new ();
  guint count = 0;

  g_signal_connect (client, "notify::status", G_CALLBACK (count_notify), &count);

  /* already a prospect */
  g_assert_false (aff_client_change_status (client, AFF_CLIENT_STATUS_PROSPECT, march, NULL, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);
  g_assert_cmpuint (count, ==, 0);

  /* an invalid date */
  g_assert_false (aff_client_change_status (client, AFF_CLIENT_STATUS_ACTIVE, invalid, NULL, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (aff_client_get_status (client), ==, AFF_CLIENT_STATUS_PROSPECT);

  g_assert_true (aff_client_change_status (client, AFF_CLIENT_STATUS_ACTIVE, march, "first order", &error));
  g_assert_no_error (error);
  g_assert_cmpint (aff_client_get_status (client), ==, AFF_CLIENT_STATUS_ACTIVE);
  g_assert_cmpuint (count, ==, 1);

  g_assert_true (aff_client_change_status (client, AFF_CLIENT_STATUS_DORMANT, june, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 2);

  /* dated before the latest change: refused, nothing changes */
  g_assert_false (aff_client_change_status (client, AFF_CLIENT_STATUS_LOST, may, NULL, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (aff_client_get_status (client), ==, AFF_CLIENT_STATUS_DORMANT);
  g_assert_cmpuint (count, ==, 2);

  /* the same day as the latest change is in order */
  g_assert_true (aff_client_change_status (client, AFF_CLIENT_STATUS_LOST, june, "gone to a competitor", &error));
  g_assert_no_error (error);
  g_assert_cmpint (aff_client_get_status (client), ==, AFF_CLIENT_STATUS_LOST);
  g_assert_cmpuint (count, ==, 3);

  /* the history */
  {
    const struct { int y, m, d; AffClientStatus status; } at[] = {
      { 2020, 1, 1, AFF_CLIENT_STATUS_PROSPECT },
      { 2026, 2, 28, AFF_CLIENT_STATUS_PROSPECT },
      { 2026, 3, 1, AFF_CLIENT_STATUS_ACTIVE },    /* on the day of the change */
      { 2026, 5, 31, AFF_CLIENT_STATUS_ACTIVE },
      { 2026, 6, 1, AFF_CLIENT_STATUS_LOST },      /* the last of that day's changes */
      { 2030, 1, 1, AFF_CLIENT_STATUS_LOST },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (at); i++)
      {
        g_autoptr(GDate) d = day (at[i].y, at[i].m, at[i].d);

        g_test_message ("status at %d-%02d-%02d", at[i].y, at[i].m, at[i].d);
        g_assert_cmpint (aff_client_get_status_at (client, d), ==, at[i].status);
      }
  }

  /* from LOST any other status is allowed */
  g_assert_true (aff_client_change_status (client, AFF_CLIENT_STATUS_PROSPECT, june, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (aff_client_get_status (client), ==, AFF_CLIENT_STATUS_PROSPECT);
}

/* ---------------------------------------------------------------------- */

static void
test_interactions_order (void)
{
  AffClient *client;
  g_autoptr(AffPortfolio) portfolio = portfolio_with ("cl", &client);
  GListModel *interactions = aff_client_get_interactions (client);
  AffInteraction *a, *b, *c, *d;
  const char *expected_order[] = { "cl-2", "cl-4", "cl-1", "cl-3" };

  /* recorded out of date order; b shares c's date and is recorded after it */
  c = record (portfolio, "cl", AFF_INTERACTION_KIND_CALL, 2026, 3, 10, "c", AFF_SATISFACTION_NONE);
  a = record (portfolio, "cl", AFF_INTERACTION_KIND_VISIT, 2026, 1, 5, "a", AFF_SATISFACTION_NONE);
  b = record (portfolio, "cl", AFF_INTERACTION_KIND_EMAIL, 2026, 3, 10, "b", AFF_SATISFACTION_NONE);
  d = record (portfolio, "cl", AFF_INTERACTION_KIND_MEETING, 2026, 2, 1, "d", AFF_SATISFACTION_NONE);

  /* ids follow the recording order */
  g_assert_cmpstr (aff_interaction_get_id (c), ==, "cl-1");
  g_assert_cmpstr (aff_interaction_get_id (a), ==, "cl-2");
  g_assert_cmpstr (aff_interaction_get_id (b), ==, "cl-3");
  g_assert_cmpstr (aff_interaction_get_id (d), ==, "cl-4");

  /* the list is by date, same date in recording order: a, d, c, b */
  g_assert_cmpuint (g_list_model_get_n_items (interactions), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(AffInteraction) item = g_list_model_get_item (interactions, i);

      g_assert_cmpstr (aff_interaction_get_id (item), ==, expected_order[i]);
    }
  g_assert_true (aff_client_get_last_interaction (client) == b);
}

static void
test_interactions_refused (void)
{
  AffClient *client;
  g_autoptr(AffPortfolio) portfolio = portfolio_with ("cl", &client);
  AffJournal *journal = aff_portfolio_get_journal (portfolio);
  g_autoptr(AffContact) bob = aff_contact_new ("Bob");
  g_autoptr(GDate) date = day (2026, 1, 20);
  g_autoptr(AffInteraction) first = aff_interaction_new (AFF_INTERACTION_KIND_CALL, date, "first");
  g_autoptr(AffInteraction) stranger = aff_interaction_new (AFF_INTERACTION_KIND_CALL, date, "who?");
  g_autoptr(AffInteraction) second = aff_interaction_new (AFF_INTERACTION_KIND_VISIT, date, "second");
  g_autoptr(AffClient) other = aff_client_new ("other", "Other");
  g_autoptr(GError) error = NULL;
  GListModel *interactions = aff_client_get_interactions (client);
  guint n_entries;

  g_assert_true (aff_client_add_contact (client, bob, &error));
  g_assert_no_error (error);
  g_assert_true (aff_portfolio_add_client (portfolio, other, &error));
  g_assert_no_error (error);

  /* before it is recorded, an interaction has no id */
  g_assert_null (aff_interaction_get_id (first));
  g_assert_cmpint (aff_interaction_get_kind (first), ==, AFF_INTERACTION_KIND_CALL);
  g_assert_cmpint (g_date_compare (aff_interaction_get_date (first), date), ==, 0);
  g_assert_cmpstr (aff_interaction_get_summary (first), ==, "first");
  g_assert_null (aff_interaction_get_contact (first));
  g_assert_null (aff_interaction_get_next_action_date (first));
  g_assert_cmpint (aff_interaction_get_satisfaction (first), ==, AFF_SATISFACTION_NONE);

  aff_interaction_set_contact (first, "Bob");
  g_assert_true (aff_portfolio_record_interaction (portfolio, "cl", first, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (aff_interaction_get_id (first), ==, "cl-1");
  g_assert_cmpstr (aff_interaction_get_contact (first), ==, "Bob");
  n_entries = aff_journal_get_n_entries (journal);

  /* a second time, for this client or another: refused */
  g_assert_false (aff_portfolio_record_interaction (portfolio, "cl", first, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (aff_portfolio_record_interaction (portfolio, "other", first, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpstr (aff_interaction_get_id (first), ==, "cl-1");

  /* a contact the client does not have: NOT_FOUND, nothing changed */
  aff_interaction_set_contact (stranger, "Carol");
  g_assert_false (aff_portfolio_record_interaction (portfolio, "cl", stranger, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (aff_interaction_get_id (stranger));
  /* Bob is cl's contact, not other's */
  aff_interaction_set_contact (stranger, "Bob");
  g_assert_false (aff_portfolio_record_interaction (portfolio, "other", stranger, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (aff_interaction_get_id (stranger));

  /* an unknown client */
  g_assert_false (aff_portfolio_record_interaction (portfolio, "nobody", second, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (aff_interaction_get_id (second));

  g_assert_cmpuint (g_list_model_get_n_items (interactions), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (aff_client_get_interactions (other)), ==, 0);
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n_entries);

  /* the refusals used up no number */
  g_assert_true (aff_portfolio_record_interaction (portfolio, "cl", second, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (aff_interaction_get_id (second), ==, "cl-2");
  /* numbering is per client */
  g_assert_true (aff_portfolio_record_interaction (portfolio, "other", stranger, &error) == FALSE);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  aff_interaction_set_contact (stranger, NULL);
  g_assert_true (aff_portfolio_record_interaction (portfolio, "other", stranger, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (aff_interaction_get_id (stranger), ==, "other-1");
}

static void
test_interaction_journal (void)
{
  AffClient *client;
  g_autoptr(AffPortfolio) portfolio = portfolio_with ("cl", &client);
  AffJournal *journal = aff_portfolio_get_journal (portfolio);
  g_autoptr(GDate) date = day (2026, 1, 20);
  g_autoptr(GDate) next = day (2026, 2, 3);
  g_autoptr(AffInteraction) survey = aff_interaction_new (AFF_INTERACTION_KIND_SURVEY, date, "after the stop");
  g_autoptr(GError) error = NULL;
  AffJournalEntry *entry;
  guint n;

  aff_interaction_set_satisfaction (survey, 8);
  aff_interaction_set_next_action_date (survey, next);
  g_assert_true (aff_portfolio_record_interaction (portfolio, "cl", survey, &error));
  g_assert_no_error (error);

  n = aff_journal_get_n_entries (journal);
  entry = aff_journal_get_entry (journal, n - 1);
  g_assert_cmpstr (aff_journal_entry_get_entity_kind (entry), ==, "client");
  g_assert_cmpstr (aff_journal_entry_get_entity_id (entry), ==, "cl");
  g_assert_cmpstr (aff_journal_entry_get_action (entry), ==, "interaction-recorded");
  /* keys sorted: date, interaction, kind, next_action_date, satisfaction, summary */
  g_assert_cmpstr (aff_journal_entry_get_details (entry), ==,
                   "{\"date\":\"2026-01-20\",\"interaction\":\"cl-1\",\"kind\":\"survey\","
                   "\"next_action_date\":\"2026-02-03\",\"satisfaction\":8,\"summary\":\"after the stop\"}");

  /* a change after recording is journaled too */
  aff_interaction_set_summary (survey, "after the stop of furnace 2");
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n + 1);
  entry = aff_journal_get_entry (journal, n);
  g_assert_cmpstr (aff_journal_entry_get_entity_id (entry), ==, "cl");
  g_assert_cmpstr (aff_journal_entry_get_action (entry), ==, "interaction-changed");
  {
    g_autofree char *id = aff_journal_entry_dup_detail (entry, "interaction");
    g_assert_cmpstr (id, ==, "cl-1");
  }
  g_assert_true (aff_journal_verify (journal, &error));
  g_assert_no_error (error);
}

static void
test_client_journal (void)
{
  AffClient *client;
  g_autoptr(AffPortfolio) portfolio = portfolio_with ("cl", &client);
  AffJournal *journal = aff_portfolio_get_journal (portfolio);
  g_autoptr(GDate) date = day (2026, 2, 3);
  g_autoptr(GDate) early = day (2026, 1, 3);
  g_autoptr(AffContact) marc = aff_contact_new ("Marc");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  guint n0 = aff_journal_get_n_entries (journal);

  g_assert_cmpuint (n0, ==, 1);   /* added */
  g_assert_true (aff_client_set_siren (client, "732829320", &error));
  g_assert_no_error (error);
  g_assert_true (aff_client_set_sector (client, "24.51Z", &error));
  g_assert_no_error (error);
  aff_client_set_follow_up_days (client, 45);
  g_assert_true (aff_client_add_contact (client, marc, &error));
  g_assert_no_error (error);
  aff_contact_set_phone (marc, "+33 3 82 00 00 02");
  g_assert_true (aff_client_change_status (client, AFF_CLIENT_STATUS_ACTIVE, date, "first order", &error));
  g_assert_no_error (error);
  /* refused changes write nothing */
  g_assert_false (aff_client_set_siren (client, "732829321", &error));
  g_clear_error (&error);
  g_assert_false (aff_client_change_status (client, AFF_CLIENT_STATUS_DORMANT, early, NULL, &error));
  g_clear_error (&error);
  g_assert_false (aff_client_change_status (client, AFF_CLIENT_STATUS_ACTIVE, date, NULL, &error));
  g_clear_error (&error);

  history = aff_journal_list_entries_for (journal, "client", "cl");
  g_assert_cmpuint (history->len, ==, 7);
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, 7);
  g_assert_cmpstr (aff_journal_entry_get_action (g_ptr_array_index (history, 0)), ==, "added");
  g_assert_cmpstr (aff_journal_entry_get_action (g_ptr_array_index (history, 1)), ==, "changed");
  g_assert_cmpstr (aff_journal_entry_get_details (g_ptr_array_index (history, 1)), ==,
                   "{\"property\":\"siren\",\"value\":\"732829320\"}");
  g_assert_cmpstr (aff_journal_entry_get_details (g_ptr_array_index (history, 2)), ==,
                   "{\"property\":\"sector\",\"value\":\"24.51Z\"}");
  g_assert_cmpstr (aff_journal_entry_get_details (g_ptr_array_index (history, 3)), ==,
                   "{\"property\":\"follow-up-days\",\"value\":45}");
  g_assert_cmpstr (aff_journal_entry_get_action (g_ptr_array_index (history, 4)), ==, "contact-added");
  g_assert_cmpstr (aff_journal_entry_get_details (g_ptr_array_index (history, 4)), ==,
                   "{\"contact\":\"Marc\"}");
  g_assert_cmpstr (aff_journal_entry_get_action (g_ptr_array_index (history, 5)), ==, "contact-changed");
  g_assert_cmpstr (aff_journal_entry_get_details (g_ptr_array_index (history, 5)), ==,
                   "{\"contact\":\"Marc\",\"property\":\"phone\",\"value\":\"+33 3 82 00 00 02\"}");
  g_assert_cmpstr (aff_journal_entry_get_action (g_ptr_array_index (history, 6)), ==, "status-changed");
  g_assert_cmpstr (aff_journal_entry_get_details (g_ptr_array_index (history, 6)), ==,
                   "{\"date\":\"2026-02-03\",\"from\":\"prospect\",\"reason\":\"first order\",\"to\":\"active\"}");
}

/* ---------------------------------------------------------------------- */

static void
test_satisfaction (void)
{
  AffClient *client;
  g_autoptr(AffPortfolio) portfolio = portfolio_with ("cl", &client);

  g_assert_cmpfloat (aff_client_get_satisfaction_average (client), ==, -1.0);
  g_assert_cmpfloat (aff_client_get_satisfaction_trend (client), ==, 0.0);

  /* one score: average is it, trend needs two */
  record (portfolio, "cl", AFF_INTERACTION_KIND_SURVEY, 2026, 1, 1, "s1", 4);
  g_assert_cmpfloat_with_epsilon (aff_client_get_satisfaction_average (client), 4.0, 1e-12);
  g_assert_cmpfloat (aff_client_get_satisfaction_trend (client), ==, 0.0);

  /* an interaction without score counts for neither */
  record (portfolio, "cl", AFF_INTERACTION_KIND_CALL, 2026, 6, 1, "call", AFF_SATISFACTION_NONE);
  record (portfolio, "cl", AFF_INTERACTION_KIND_SURVEY, 2027, 1, 1, "s3", 6);
  record (portfolio, "cl", AFF_INTERACTION_KIND_SURVEY, 2026, 3, 15, "s2", 8);

  /* scores 4 on day 0 (2026-01-01), 8 on day 73 (2026-03-15: 31 + 28 + 14),
   * 6 on day 365 (2027-01-01).
   *   average = (4 + 8 + 6) / 3 = 6
   *   mean day = (0 + 73 + 365) / 3 = 146
   *   Sxy = (-146)(-2) + (-73)(2) + (219)(0) = 292 - 146 = 146
   *   Sxx = 146² + 73² + 219² = 21316 + 5329 + 47961 = 74606
   *   slope = 146 / 74606 points a day; × 365 = 53290 / 74606 = 5/7 */
  g_assert_cmpfloat_with_epsilon (aff_client_get_satisfaction_average (client), 6.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (aff_client_get_satisfaction_trend (client), 5.0 / 7.0, 1e-9);
}

static void
test_satisfaction_contract_example (void)
{
  AffClient *client;
  g_autoptr(AffPortfolio) portfolio = portfolio_with ("cl", &client);

  /* 6 on 2026-01-01 and 8 on 2027-01-01, 365 days apart: +2 points a year */
  record (portfolio, "cl", AFF_INTERACTION_KIND_SURVEY, 2027, 1, 1, "later", 8);
  record (portfolio, "cl", AFF_INTERACTION_KIND_SURVEY, 2026, 1, 1, "earlier", 6);
  g_assert_cmpfloat_with_epsilon (aff_client_get_satisfaction_average (client), 7.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (aff_client_get_satisfaction_trend (client), 2.0, 1e-9);
}

static void
test_satisfaction_same_day (void)
{
  AffClient *client;
  g_autoptr(AffPortfolio) portfolio = portfolio_with ("cl", &client);

  /* 0 is a score; both on one day: no trend */
  record (portfolio, "cl", AFF_INTERACTION_KIND_SURVEY, 2026, 4, 1, "bad", 0);
  record (portfolio, "cl", AFF_INTERACTION_KIND_SURVEY, 2026, 4, 1, "good", 10);
  record (portfolio, "cl", AFF_INTERACTION_KIND_SURVEY, 2026, 4, 1, "mixed", 5);
  g_assert_cmpfloat_with_epsilon (aff_client_get_satisfaction_average (client), 5.0, 1e-12);
  g_assert_cmpfloat (aff_client_get_satisfaction_trend (client), ==, 0.0);

  /* then 0 on 2026-09-30, 182 days later (30 + 31 + 30 + 31 + 31 + 29):
   *   points (day, score): (0,0) (0,10) (0,5) (182,0)
   *   mean day = 182 / 4 = 45.5, mean score = 15 / 4 = 3.75
   *   Sxy = -45.5 × (-3.75 + 6.25 + 1.25) + 136.5 × (-3.75) = -170.625 - 511.875 = -682.5
   *   Sxx = 3 × 45.5² + 136.5² = 6210.75 + 18632.25 = 24843
   *   trend = -682.5 / 24843 × 365 = -10.0275 points a year */
  record (portfolio, "cl", AFF_INTERACTION_KIND_SURVEY, 2026, 9, 30, "worse", 0);
  g_assert_cmpfloat_with_epsilon (aff_client_get_satisfaction_average (client), 15.0 / 4.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (aff_client_get_satisfaction_trend (client),
                                  -682.5 * 365.0 / 24843.0, 1e-9);
}

static void
test_follow_up_days_range (void)
{
  g_autoptr(AffClient) client = aff_client_new ("c", "C");

  /* docs/format.md §7: follow_up_days from 0 to 36500 */
  aff_client_set_follow_up_days (client, 36500);
  g_assert_cmpuint (aff_client_get_follow_up_days (client), ==, 36500);
  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
  aff_client_set_follow_up_days (client, 36501);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (aff_client_get_follow_up_days (client), ==, 36500);
  aff_client_set_follow_up_days (client, 0);
  g_assert_cmpuint (aff_client_get_follow_up_days (client), ==, 0);
}

static void
test_misuse (void)
{
  AffClient *client;

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
  client = aff_client_new (NULL, "x");
  g_test_assert_expected_messages ();
  g_assert_null (client);

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
  client = aff_client_new ("x", NULL);
  g_test_assert_expected_messages ();
  g_assert_null (client);

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_null (aff_client_get_name (NULL));
  g_test_assert_expected_messages ();

  {
    g_autoptr(AffClient) c = aff_client_new ("x", "X");
    g_autoptr(GError) error = NULL;

    g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
    g_assert_false (aff_client_add_contact (c, NULL, &error));
    g_test_assert_expected_messages ();
    g_assert_no_error (error);

    g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
    g_assert_false (aff_client_change_status (c, AFF_CLIENT_STATUS_ACTIVE, NULL, NULL, &error));
    g_test_assert_expected_messages ();
    g_assert_no_error (error);
    g_assert_cmpint (aff_client_get_status (c), ==, AFF_CLIENT_STATUS_PROSPECT);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (log_writer, NULL, NULL);

  g_test_add_func ("/clients/new", test_new);
  g_test_add_func ("/clients/siren", test_siren);
  g_test_add_func ("/clients/sector", test_sector);
  g_test_add_func ("/clients/contacts", test_contacts);
  g_test_add_func ("/clients/status", test_status);
  g_test_add_func ("/clients/interactions/order", test_interactions_order);
  g_test_add_func ("/clients/interactions/refused", test_interactions_refused);
  g_test_add_func ("/clients/interactions/journal", test_interaction_journal);
  g_test_add_func ("/clients/journal", test_client_journal);
  g_test_add_func ("/clients/satisfaction/three-scores", test_satisfaction);
  g_test_add_func ("/clients/satisfaction/contract-example", test_satisfaction_contract_example);
  g_test_add_func ("/clients/satisfaction/same-day", test_satisfaction_same_day);
  g_test_add_func ("/clients/follow-up-days-range", test_follow_up_days_range);
  g_test_add_func ("/clients/misuse", test_misuse);

  return g_test_run ();
}
