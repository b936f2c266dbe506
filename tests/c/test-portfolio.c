/* test-portfolio.c: AffPortfolio, the root and unit of persistence
 *
 * Dates, cadences and development figures are worked out by hand from the
 * contract (docs/rules.md); the arithmetic is next to each case.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <affaires.h>

#include "test-util.h"

static AffPortfolio *
new_portfolio (void)
{
  AffPortfolio *portfolio = aff_portfolio_new ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 1, 10, 9, 0, 0);

  aff_portfolio_set_fixed_time (portfolio, now);
  aff_portfolio_set_actor (portfolio, "alice");
  return portfolio;
}

static AffClient *
add (AffPortfolio *portfolio,
     const char   *id)
{
  g_autoptr(AffClient) client = aff_client_new (id, id);
  g_autoptr(GError) error = NULL;

  g_assert_true (aff_portfolio_add_client (portfolio, client, &error));
  g_assert_no_error (error);
  return client;    /* owned by the portfolio */
}

static void
change (AffClient       *client,
        AffClientStatus  status,
        int y, int m, int d)
{
  g_autoptr(GDate) date = day (y, m, d);
  g_autoptr(GError) error = NULL;

  g_assert_true (aff_client_change_status (client, status, date, NULL, &error));
  g_assert_no_error (error);
}

static AffInteraction *
interact (AffPortfolio *portfolio,
          const char   *client_id,
          int y, int m, int d)
{
  g_autoptr(GDate) date = day (y, m, d);
  g_autoptr(GError) error = NULL;
  AffInteraction *interaction = aff_interaction_new (AFF_INTERACTION_KIND_CALL, date, "call");

  g_assert_true (aff_portfolio_record_interaction (portfolio, client_id, interaction, &error));
  g_assert_no_error (error);
  g_object_unref (interaction);
  return interaction;
}

static AffInteraction *
interact_next (AffPortfolio *portfolio,
               const char   *client_id,
               int y, int m, int d,
               int ny, int nm, int nd)
{
  g_autoptr(GDate) date = day (y, m, d);
  g_autoptr(GDate) next = day (ny, nm, nd);
  g_autoptr(GError) error = NULL;
  AffInteraction *interaction = aff_interaction_new (AFF_INTERACTION_KIND_VISIT, date, "visit");

  aff_interaction_set_next_action_date (interaction, next);
  g_assert_true (aff_portfolio_record_interaction (portfolio, client_id, interaction, &error));
  g_assert_no_error (error);
  g_object_unref (interaction);
  return interaction;
}

/* ---------------------------------------------------------------------- */

typedef struct
{
  guint n_signals;
  guint position, removed, added;
} ItemsChanged;

static void
on_items_changed (G_GNUC_UNUSED GListModel *model,
                  guint                     position,
                  guint                     removed,
                  guint                     added,
                  gpointer                  user_data)
{
  ItemsChanged *changed = user_data;

  changed->n_signals++;
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
}

static void
test_add_lookup_remove (void)
{
  g_autoptr(AffPortfolio) portfolio = new_portfolio ();
  GListModel *clients = aff_portfolio_get_clients (portfolio);
  AffJournal *journal = aff_portfolio_get_journal (portfolio);
  g_autoptr(GError) error = NULL;
  ItemsChanged changed = { 0, 0, 0, 0 };
  AffClient *a, *b, *c;

  g_assert_true (g_list_model_get_item_type (clients) == AFF_TYPE_CLIENT);
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 0);
  g_signal_connect (clients, "items-changed", G_CALLBACK (on_items_changed), &changed);

  a = add (portfolio, "a");
  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, 1);
  b = add (portfolio, "b");
  g_assert_cmpuint (changed.n_signals, ==, 2);
  g_assert_cmpuint (changed.position, ==, 1);
  c = add (portfolio, "c");
  g_assert_cmpuint (changed.position, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 3);

  g_assert_true (aff_portfolio_lookup_client (portfolio, "a") == a);
  g_assert_true (aff_portfolio_lookup_client (portfolio, "b") == b);
  g_assert_true (aff_portfolio_lookup_client (portfolio, "c") == c);
  g_assert_null (aff_portfolio_lookup_client (portfolio, "d"));
  g_assert_null (aff_portfolio_lookup_client (portfolio, "A"));
  {
    g_autoptr(AffClient) first = g_list_model_get_item (clients, 0);
    g_autoptr(AffClient) last = g_list_model_get_item (clients, 2);

    g_assert_true (first == a);
    g_assert_true (last == c);
    g_assert_null (g_list_model_get_item (clients, 3));
  }
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, 3);

  /* refused additions change nothing */
  {
    g_autoptr(AffClient) dup = aff_client_new ("b", "Another B");
    g_autoptr(AffClient) nameless = aff_client_new ("n", "");
    g_autofree char *id64 = g_strnfill (64, 'x');
    g_autofree char *id65 = g_strnfill (65, 'x');
    GString *e32 = g_string_new (NULL), *e33;
    const char *bad_ids[] = { "", "a b", "a\tb", "a\nb", " a", "a ", "a\xc2\xa0" "b", "a\x7f" "b", NULL, NULL };
    g_autoptr(AffClient) ok64 = aff_client_new (id64, "sixty-four");
    g_autoptr(AffClient) ok_utf8 = NULL;

    for (int i = 0; i < 32; i++)
      g_string_append (e32, "\xc3\xa9");     /* é: 2 bytes, 64 in all */
    e33 = g_string_new (e32->str);
    g_string_append (e33, "\xc3\xa9");       /* 66 bytes, 33 characters */
    bad_ids[G_N_ELEMENTS (bad_ids) - 2] = id65;
    bad_ids[G_N_ELEMENTS (bad_ids) - 1] = e33->str;

    g_assert_false (aff_portfolio_add_client (portfolio, dup, &error));
    g_assert_error (error, AFF_ERROR, AFF_ERROR_DUPLICATE_ID);
    g_clear_error (&error);
    g_assert_true (aff_portfolio_lookup_client (portfolio, "b") == b);

    g_assert_false (aff_portfolio_add_client (portfolio, nameless, &error));
    g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
    g_clear_error (&error);

    for (gsize i = 0; i < G_N_ELEMENTS (bad_ids); i++)
      {
        g_autoptr(AffClient) bad = aff_client_new (bad_ids[i], "Bad");

        g_test_message ("id “%s”", bad_ids[i]);
        g_assert_false (aff_portfolio_add_client (portfolio, bad, &error));
        g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
        g_clear_error (&error);
      }
    g_assert_cmpuint (changed.n_signals, ==, 3);
    g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 3);
    g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, 3);

    /* 64 bytes is the limit, in bytes not characters */
    g_assert_true (aff_portfolio_add_client (portfolio, ok64, &error));
    g_assert_no_error (error);
    ok_utf8 = aff_client_new (e32->str, "accents");
    g_assert_true (aff_portfolio_add_client (portfolio, ok_utf8, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 5);
    g_assert_true (aff_portfolio_remove_client (portfolio, id64, &error));
    g_assert_no_error (error);
    g_assert_true (aff_portfolio_remove_client (portfolio, e32->str, &error));
    g_assert_no_error (error);
    g_string_free (e32, TRUE);
    g_string_free (e33, TRUE);
  }
  changed.n_signals = 0;

  /* removal */
  g_assert_false (aff_portfolio_remove_client (portfolio, "d", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (changed.n_signals, ==, 0);

  g_object_ref (b);
  g_assert_true (aff_portfolio_remove_client (portfolio, "b", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 0);
  g_assert_null (aff_portfolio_lookup_client (portfolio, "b"));
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 2);
  {
    g_autoptr(AffClient) second = g_list_model_get_item (clients, 1);
    g_assert_true (second == c);
  }
  /* the removed client is no longer journaled */
  {
    guint n = aff_journal_get_n_entries (journal);

    aff_client_set_name (b, "renamed after removal");
    g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n);
  }
  g_object_unref (b);

  /* its id is free again */
  add (portfolio, "b");
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 3);
  g_signal_handlers_disconnect_by_data (clients, &changed);
}

static void
test_parent (void)
{
  g_autoptr(AffPortfolio) portfolio = new_portfolio ();
  AffJournal *journal = aff_portfolio_get_journal (portfolio);
  g_autoptr(GError) error = NULL;
  AffClient *group = add (portfolio, "group");
  AffClient *site = add (portfolio, "site");
  AffClient *workshop = add (portfolio, "workshop");
  guint n;

  g_assert_true (aff_portfolio_set_client_parent (portfolio, "site", "group", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (aff_client_get_parent_id (site), ==, "group");
  g_assert_true (aff_portfolio_set_client_parent (portfolio, "workshop", "site", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (aff_client_get_parent_id (workshop), ==, "site");
  n = aff_journal_get_n_entries (journal);

  /* no client is its own ancestor */
  g_assert_false (aff_portfolio_set_client_parent (portfolio, "group", "group", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (aff_portfolio_set_client_parent (portfolio, "group", "site", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (aff_portfolio_set_client_parent (portfolio, "group", "workshop", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  /* unknown ids */
  g_assert_false (aff_portfolio_set_client_parent (portfolio, "site", "nobody", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (aff_portfolio_set_client_parent (portfolio, "nobody", "group", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (aff_client_get_parent_id (group));
  g_assert_cmpstr (aff_client_get_parent_id (site), ==, "group");
  g_assert_cmpstr (aff_client_get_parent_id (workshop), ==, "site");
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n);

  /* a parent cannot be removed while named */
  g_assert_false (aff_portfolio_remove_client (portfolio, "group", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_false (aff_portfolio_remove_client (portfolio, "site", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_true (aff_portfolio_lookup_client (portfolio, "group") == group);
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n);

  /* moving the workshop to the group: site is no longer anyone's parent */
  g_assert_true (aff_portfolio_set_client_parent (portfolio, "workshop", "group", &error));
  g_assert_no_error (error);
  g_assert_true (aff_portfolio_remove_client (portfolio, "site", &error));
  g_assert_no_error (error);
  g_assert_false (aff_portfolio_remove_client (portfolio, "group", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_true (aff_portfolio_set_client_parent (portfolio, "workshop", NULL, &error));
  g_assert_no_error (error);
  g_assert_null (aff_client_get_parent_id (workshop));
  g_assert_true (aff_portfolio_remove_client (portfolio, "group", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (aff_portfolio_get_clients (portfolio)), ==, 1);
}

/* ---------------------------------------------------------------------- */

static void
test_follow_up_days (void)
{
  g_autoptr(AffPortfolio) portfolio = new_portfolio ();
  AffPolicy *policy = aff_portfolio_get_policy (portfolio);
  AffClient *prospect = add (portfolio, "prospect");
  AffClient *active = add (portfolio, "active");
  AffClient *dormant = add (portfolio, "dormant");
  AffClient *lost = add (portfolio, "lost");

  change (active, AFF_CLIENT_STATUS_ACTIVE, 2026, 1, 1);
  change (dormant, AFF_CLIENT_STATUS_DORMANT, 2026, 1, 1);
  change (lost, AFF_CLIENT_STATUS_LOST, 2026, 1, 1);

  g_assert_cmpuint (aff_portfolio_get_follow_up_days (portfolio, prospect), ==, 30);
  g_assert_cmpuint (aff_portfolio_get_follow_up_days (portfolio, active), ==, 60);
  g_assert_cmpuint (aff_portfolio_get_follow_up_days (portfolio, dormant), ==, 180);
  g_assert_cmpuint (aff_portfolio_get_follow_up_days (portfolio, lost), ==, 0);

  /* the policy's cadence */
  aff_policy_set_follow_up_days_prospect (policy, 14);
  aff_policy_set_follow_up_days_active (policy, 90);
  aff_policy_set_follow_up_days_dormant (policy, 365);
  g_assert_cmpuint (aff_portfolio_get_follow_up_days (portfolio, prospect), ==, 14);
  g_assert_cmpuint (aff_portfolio_get_follow_up_days (portfolio, active), ==, 90);
  g_assert_cmpuint (aff_portfolio_get_follow_up_days (portfolio, dormant), ==, 365);

  /* the client's own cadence wins, except for a lost client */
  aff_client_set_follow_up_days (prospect, 45);
  aff_client_set_follow_up_days (active, 7);
  aff_client_set_follow_up_days (lost, 10);
  g_assert_cmpuint (aff_portfolio_get_follow_up_days (portfolio, prospect), ==, 45);
  g_assert_cmpuint (aff_portfolio_get_follow_up_days (portfolio, active), ==, 7);
  g_assert_cmpuint (aff_portfolio_get_follow_up_days (portfolio, lost), ==, 0);
  aff_client_set_follow_up_days (prospect, 0);
  g_assert_cmpuint (aff_portfolio_get_follow_up_days (portfolio, prospect), ==, 14);
}

static void
test_follow_up_date (void)
{
  g_autoptr(AffPortfolio) portfolio = new_portfolio ();
  GDate date;
  AffClient *never = add (portfolio, "never");
  AffClient *cadence = add (portfolio, "cadence");
  AffClient *soon = add (portfolio, "soon");
  AffClient *late = add (portfolio, "late");
  AffClient *older = add (portfolio, "older");
  AffClient *lost = add (portfolio, "lost");
  AffClient *active = add (portfolio, "active");

  g_date_clear (&date, 1);

  /* never contacted: no date */
  g_assert_false (aff_portfolio_get_follow_up_date (portfolio, never, &date));

  /* 2026-01-10 + 30 days = 2026-02-09 */
  interact (portfolio, "cadence", 2026, 1, 10);
  g_assert_true (aff_portfolio_get_follow_up_date (portfolio, cadence, &date));
  assert_date (&date, 2026, 2, 9);

  /* a next action before the cadence date comes first */
  interact_next (portfolio, "soon", 2026, 1, 10, 2026, 1, 20);
  g_assert_true (aff_portfolio_get_follow_up_date (portfolio, soon, &date));
  assert_date (&date, 2026, 1, 20);

  /* a next action after it does not */
  interact_next (portfolio, "late", 2026, 1, 10, 2026, 3, 1);
  g_assert_true (aff_portfolio_get_follow_up_date (portfolio, late, &date));
  assert_date (&date, 2026, 2, 9);

  /* only the latest interaction's next action counts: the visit of 01-05
   * asked for 01-07, the call of 01-10 asked nothing → 01-10 + 30 */
  interact (portfolio, "older", 2026, 1, 10);
  interact_next (portfolio, "older", 2026, 1, 5, 2026, 1, 7);   /* recorded later, dated earlier */
  g_assert_true (aff_portfolio_get_follow_up_date (portfolio, older, &date));
  assert_date (&date, 2026, 2, 9);

  /* the client's own cadence: 2026-01-10 + 45 = 2026-02-24 */
  aff_client_set_follow_up_days (cadence, 45);
  g_assert_true (aff_portfolio_get_follow_up_date (portfolio, cadence, &date));
  assert_date (&date, 2026, 2, 24);

  /* active: 2026-01-01 + 60 = 2026-03-02 (31 days of January, 28 of February) */
  change (active, AFF_CLIENT_STATUS_ACTIVE, 2025, 12, 1);
  interact (portfolio, "active", 2026, 1, 1);
  g_assert_true (aff_portfolio_get_follow_up_date (portfolio, active, &date));
  assert_date (&date, 2026, 3, 2);

  /* lost: none, even contacted */
  interact (portfolio, "lost", 2026, 1, 10);
  change (lost, AFF_CLIENT_STATUS_LOST, 2026, 1, 11);
  g_assert_false (aff_portfolio_get_follow_up_date (portfolio, lost, &date));
}

static void
assert_due (AffPortfolio *portfolio,
            int y, int m, int d,
            const char * const *ids)
{
  g_autoptr(GDate) date = day (y, m, d);
  g_autoptr(GPtrArray) due = aff_portfolio_list_clients_due_for_follow_up (portfolio, date);
  guint n = g_strv_length ((char **) ids);

  g_test_message ("due on %d-%02d-%02d", y, m, d);
  g_assert_nonnull (due);
  for (guint i = 0; i < MIN (due->len, n); i++)
    g_assert_cmpstr (aff_client_get_id (g_ptr_array_index (due, i)), ==, ids[i]);
  g_assert_cmpuint (due->len, ==, n);
}

static void
test_due_for_follow_up (void)
{
  g_autoptr(AffPortfolio) portfolio = new_portfolio ();
  AffClient *c, *e, *f;

  /* added in an order unrelated to the expected one */
  add (portfolio, "zeta");                               /* never contacted */
  add (portfolio, "h");
  interact (portfolio, "h", 2026, 2, 10);                /* 02-10 + 30 = 03-12 */
  add (portfolio, "g");
  interact (portfolio, "g", 2026, 1, 1);                 /* 01-01 + 30 = 01-31 */
  c = add (portfolio, "c");
  change (c, AFF_CLIENT_STATUS_ACTIVE, 2025, 12, 1);
  interact (portfolio, "c", 2026, 1, 1);                 /* 01-01 + 60 = 03-02 */
  add (portfolio, "b");
  interact (portfolio, "b", 2026, 1, 1);                 /* 01-31, ties with g */
  add (portfolio, "d");
  interact_next (portfolio, "d", 2026, 1, 15, 2026, 1, 20);   /* next action 01-20 */
  e = add (portfolio, "e");
  change (e, AFF_CLIENT_STATUS_LOST, 2025, 1, 1);        /* lost, never contacted: left out */
  f = add (portfolio, "f");
  change (f, AFF_CLIENT_STATUS_DORMANT, 2025, 5, 1);
  /* 2025-06-01 + 180 = 2025-11-28 (30 + 31 + 31 + 30 + 31 = 153 to 11-01, + 27) */
  interact (portfolio, "f", 2025, 6, 1);
  add (portfolio, "alpha");                              /* never contacted */

  {
    const char *at_0130[] = { "alpha", "zeta", "f", "d", NULL };
    const char *at_0131[] = { "alpha", "zeta", "f", "d", "b", "g", NULL };
    const char *at_0215[] = { "alpha", "zeta", "f", "d", "b", "g", NULL };
    const char *at_0302[] = { "alpha", "zeta", "f", "d", "b", "g", "c", NULL };
    const char *at_0312[] = { "alpha", "zeta", "f", "d", "b", "g", "c", "h", NULL };
    const char *at_2025[] = { "alpha", "zeta", NULL };

    assert_due (portfolio, 2025, 11, 27, at_2025);
    assert_due (portfolio, 2026, 1, 30, at_0130);
    assert_due (portfolio, 2026, 1, 31, at_0131);
    assert_due (portfolio, 2026, 2, 15, at_0215);
    assert_due (portfolio, 2026, 3, 2, at_0302);
    assert_due (portfolio, 2026, 3, 12, at_0312);
  }
}

/* ---------------------------------------------------------------------- */

typedef struct
{
  guint prospects, active, dormant, lost;
  guint prospects_in_period, converted, lost_in_period, interactions;
  int conversion_rate;
} Figures;

static void
assert_figures (const AffDevelopmentFigures *figures,
                const Figures               *expected)
{
  g_assert_nonnull (figures);
  g_assert_cmpuint (aff_development_figures_get_n_prospects (figures), ==, expected->prospects);
  g_assert_cmpuint (aff_development_figures_get_n_active (figures), ==, expected->active);
  g_assert_cmpuint (aff_development_figures_get_n_dormant (figures), ==, expected->dormant);
  g_assert_cmpuint (aff_development_figures_get_n_lost (figures), ==, expected->lost);
  g_assert_cmpuint (aff_development_figures_get_n_prospects_in_period (figures), ==, expected->prospects_in_period);
  g_assert_cmpuint (aff_development_figures_get_n_converted (figures), ==, expected->converted);
  g_assert_cmpuint (aff_development_figures_get_n_lost_in_period (figures), ==, expected->lost_in_period);
  g_assert_cmpuint (aff_development_figures_get_n_interactions (figures), ==, expected->interactions);
  g_assert_cmpint (aff_development_figures_get_conversion_rate (figures), ==, expected->conversion_rate);
}

/* The period is 2026-01-01 to 2026-03-31.
 *
 *   p1  prospect throughout; calls 01-15 (in), 04-02 (out)
 *   p2  → active 02-10; calls 2025-12-20 (out), 02-05 (in)
 *   p3  → active 2025-11-01, → dormant 03-31 (the last day); call 01-01 (in)
 *   p4  → lost 01-01 (the first day)
 *   p5  → active 2025-06-01, → lost 2025-12-01, → prospect 02-01, → active 03-15
 *   p6  → active 04-01 (after); call 03-31 (in)
 *   p7  → active 01-01 (the first day)
 *
 * status on 03-31: p1 prospect, p2 active, p3 dormant, p4 lost, p5 active,
 *   p6 prospect, p7 active → 2 prospects, 3 active, 1 dormant, 1 lost
 * converted (prospect → active dated in [01-01, 03-31]): p2, p5 (03-15), p7 → 3
 * prospects of the period: prospect when it begins (on the eve, 2025-12-31):
 *   p1, p2, p4, p6, p7 (p4 and p7 change on 01-01, within the period; p3 is
 *   active, p5 lost) → 5; changes to prospect in [01-01, 03-31]: p5 on 02-01
 *   → 6
 * lost in the period: p4 → 1
 * interactions in the period: p1 01-15, p2 02-05, p3 01-01, p6 03-31 → 4
 * conversion rate: 3 × 10000 / 6 = 5000 */
static void
test_development (void)
{
  g_autoptr(AffPortfolio) portfolio = new_portfolio ();
  g_autoptr(GDate) from = day (2026, 1, 1);
  g_autoptr(GDate) to = day (2026, 3, 31);
  g_autoptr(GError) error = NULL;
  AffClient *p2, *p3, *p4, *p5, *p6, *p7;
  const Figures expected = { 2, 3, 1, 1, 6, 3, 1, 4, 5000 };

  add (portfolio, "p1");
  interact (portfolio, "p1", 2026, 1, 15);
  interact (portfolio, "p1", 2026, 4, 2);
  p2 = add (portfolio, "p2");
  change (p2, AFF_CLIENT_STATUS_ACTIVE, 2026, 2, 10);
  interact (portfolio, "p2", 2025, 12, 20);
  interact (portfolio, "p2", 2026, 2, 5);
  p3 = add (portfolio, "p3");
  change (p3, AFF_CLIENT_STATUS_ACTIVE, 2025, 11, 1);
  change (p3, AFF_CLIENT_STATUS_DORMANT, 2026, 3, 31);
  interact (portfolio, "p3", 2026, 1, 1);
  p4 = add (portfolio, "p4");
  change (p4, AFF_CLIENT_STATUS_LOST, 2026, 1, 1);
  p5 = add (portfolio, "p5");
  change (p5, AFF_CLIENT_STATUS_ACTIVE, 2025, 6, 1);
  change (p5, AFF_CLIENT_STATUS_LOST, 2025, 12, 1);
  change (p5, AFF_CLIENT_STATUS_PROSPECT, 2026, 2, 1);
  change (p5, AFF_CLIENT_STATUS_ACTIVE, 2026, 3, 15);
  p6 = add (portfolio, "p6");
  change (p6, AFF_CLIENT_STATUS_ACTIVE, 2026, 4, 1);
  interact (portfolio, "p6", 2026, 3, 31);
  p7 = add (portfolio, "p7");
  change (p7, AFF_CLIENT_STATUS_ACTIVE, 2026, 1, 1);

  {
    g_autoptr(AffDevelopmentFigures) figures = aff_portfolio_compute_development (portfolio, from, to, &error);

    g_assert_no_error (error);
    assert_figures (figures, &expected);
    /* the boxed copy */
    {
      g_autoptr(AffDevelopmentFigures) copy = aff_development_figures_copy (figures);
      assert_figures (copy, &expected);
    }
  }
  /* the same from the list model */
  {
    g_autoptr(AffDevelopmentFigures) figures =
      aff_development_figures_compute (aff_portfolio_get_clients (portfolio), from, to, &error);

    g_assert_no_error (error);
    assert_figures (figures, &expected);
  }

  /* one day, 2026-02-01:
   *   statuses on 02-01: p1 prospect, p2 prospect, p3 active, p4 lost,
   *     p5 prospect (changed that day), p6 prospect, p7 active
   *     → 4 prospects, 2 active, 0 dormant, 1 lost
   *   prospects of the period: prospect on the eve (01-31): p1, p2, p6 = 3,
   *     plus p5's change to prospect on 02-01 → 4
   *   converted, lost in the period, interactions on 02-01: none → rate 0 */
  {
    g_autoptr(GDate) feb1 = day (2026, 2, 1);
    g_autoptr(AffDevelopmentFigures) figures = aff_portfolio_compute_development (portfolio, feb1, feb1, &error);
    const Figures one_day = { 4, 2, 0, 1, 4, 0, 0, 0, 0 };

    g_assert_no_error (error);
    assert_figures (figures, &one_day);
  }

  /* an empty period */
  {
    g_autoptr(AffDevelopmentFigures) figures = aff_portfolio_compute_development (portfolio, to, from, &error);

    g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
    g_assert_null (figures);
    g_clear_error (&error);
  }
  /* an invalid date */
  {
    g_autoptr(GDate) invalid = g_date_new ();
    g_autoptr(AffDevelopmentFigures) figures = aff_portfolio_compute_development (portfolio, invalid, to, &error);

    g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
    g_assert_null (figures);
    g_clear_error (&error);
  }
}

/* The conversion rate rounds half to even: 10000 / 32 = 312.5.
 *   1 of 32 → 312.5 → 312;  3 of 32 → 937.5 → 938;  2 of 32 → 625 exactly;
 *   no prospect → 0. */
static void
test_conversion_rate_rounding (void)
{
  g_autoptr(AffPortfolio) portfolio = new_portfolio ();
  g_autoptr(GDate) from = day (2026, 1, 1);
  g_autoptr(GDate) to = day (2026, 12, 31);
  g_autoptr(GError) error = NULL;
  AffClient *clients[32];

  for (guint i = 0; i < 32; i++)
    {
      g_autofree char *id = g_strdup_printf ("q%02u", i);
      clients[i] = add (portfolio, id);
    }

  {
    g_autoptr(AffDevelopmentFigures) figures = aff_portfolio_compute_development (portfolio, from, to, &error);
    const Figures expected = { 32, 0, 0, 0, 32, 0, 0, 0, 0 };

    g_assert_no_error (error);
    assert_figures (figures, &expected);
  }

  change (clients[0], AFF_CLIENT_STATUS_ACTIVE, 2026, 5, 1);
  {
    g_autoptr(AffDevelopmentFigures) figures = aff_portfolio_compute_development (portfolio, from, to, &error);
    const Figures expected = { 31, 1, 0, 0, 32, 1, 0, 0, 312 };

    g_assert_no_error (error);
    assert_figures (figures, &expected);
  }

  change (clients[1], AFF_CLIENT_STATUS_ACTIVE, 2026, 5, 2);
  {
    g_autoptr(AffDevelopmentFigures) figures = aff_portfolio_compute_development (portfolio, from, to, &error);
    const Figures expected = { 30, 2, 0, 0, 32, 2, 0, 0, 625 };

    g_assert_no_error (error);
    assert_figures (figures, &expected);
  }

  change (clients[2], AFF_CLIENT_STATUS_ACTIVE, 2026, 5, 3);
  {
    g_autoptr(AffDevelopmentFigures) figures = aff_portfolio_compute_development (portfolio, from, to, &error);
    const Figures expected = { 29, 3, 0, 0, 32, 3, 0, 0, 938 };

    g_assert_no_error (error);
    assert_figures (figures, &expected);
  }

  /* no prospect at all */
  {
    g_autoptr(AffPortfolio) empty = aff_portfolio_new ();
    g_autoptr(AffDevelopmentFigures) figures = aff_portfolio_compute_development (empty, from, to, &error);
    const Figures expected = { 0, 0, 0, 0, 0, 0, 0, 0, 0 };

    g_assert_no_error (error);
    assert_figures (figures, &expected);
  }
}

/* ---------------------------------------------------------------------- */

/* A portfolio that uses every part of the document. */
static AffPortfolio *
rich_portfolio (void)
{
  AffPortfolio *portfolio = new_portfolio ();
  AffPolicy *policy = aff_portfolio_get_policy (portfolio);
  const char *activities[] = { "mechanical-maintenance", "boilermaking", NULL };
  g_autoptr(AffMoney) welder = aff_money_parse ("65.50 EUR", NULL);
  g_autoptr(AffContact) helene = aff_contact_new ("H\xc3\xa9l\xc3\xa8ne Kieffer");
  g_autoptr(AffContact) marc = aff_contact_new ("Marc Schmitt");
  g_autoptr(GError) error = NULL;
  AffClient *gfl, *hayange;
  AffInteraction *survey;

  aff_portfolio_set_name (portfolio, "Portefeuille Moselle \xe2\x80\x93 maintenance");
  aff_policy_set_activities (policy, activities);
  g_assert_true (aff_policy_set_labour_rate (policy, "welder", welder, &error));
  g_assert_no_error (error);
  aff_policy_set_target_margin_rate (policy, 1600);

  gfl = add (portfolio, "gfl");
  g_assert_true (aff_client_set_siren (gfl, "542107651", &error));
  g_assert_no_error (error);
  aff_contact_set_email (helene, "h.kieffer@gfl.example");
  g_assert_true (aff_client_add_contact (gfl, helene, &error));
  g_assert_no_error (error);

  hayange = add (portfolio, "fonderie-hayange");
  g_assert_true (aff_client_set_siren (hayange, "732829320", &error));
  g_assert_no_error (error);
  g_assert_true (aff_client_set_sector (hayange, "24.51Z", &error));
  g_assert_no_error (error);
  aff_client_set_address (hayange, "3 avenue de la Fensch\n57700 Hayange");
  aff_client_set_follow_up_days (hayange, 45);
  aff_contact_set_role (marc, "Responsable maintenance");
  aff_contact_set_phone (marc, "+33 3 82 00 00 02");
  g_assert_true (aff_client_add_contact (hayange, marc, &error));
  g_assert_no_error (error);
  g_assert_true (aff_portfolio_set_client_parent (portfolio, "fonderie-hayange", "gfl", &error));
  g_assert_no_error (error);
  interact_next (portfolio, "fonderie-hayange", 2026, 1, 12, 2026, 1, 20);
  change (hayange, AFF_CLIENT_STATUS_ACTIVE, 2026, 2, 3);
  survey = interact (portfolio, "fonderie-hayange", 2026, 3, 20);
  aff_interaction_set_satisfaction (survey, 8);
  interact (portfolio, "gfl", 2026, 1, 14);
  return portfolio;
}

static void
test_to_data (void)
{
  g_autoptr(AffPortfolio) portfolio = rich_portfolio ();
  gsize length = 0;
  g_autofree char *data = aff_portfolio_to_data (portfolio, &length);
  g_autofree char *again = aff_portfolio_to_data (portfolio, NULL);
  g_autofree char *compact = compact_json (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPortfolio) reloaded = NULL;
  g_autofree char *reloaded_data = NULL;

  g_assert_cmpuint (length, ==, strlen (data));
  g_assert_cmpstr (data, ==, again);                 /* same portfolio, same bytes */
  g_assert_true (g_utf8_validate (data, -1, NULL));
  g_assert_cmpint (data[length - 1], ==, '\n');
  g_assert_true (g_str_has_prefix (compact, "{\"format\":\"libaffaires-portfolio\",\"version\":5,"));
  /* a cadence of 0 is not written (docs/format.md §7) */
  g_assert_null (strstr (compact, "\"follow_up_days\":0"));
  g_assert_nonnull (strstr (compact, "\"follow_up_days\":45"));

  reloaded = aff_portfolio_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  reloaded_data = aff_portfolio_to_data (reloaded, NULL);
  g_assert_cmpstr (reloaded_data, ==, data);
  /* with an explicit length, and without the final newline */
  {
    g_autoptr(AffPortfolio) again_loaded = aff_portfolio_new_from_data (data, length - 1, &error);
    g_assert_no_error (error);
    g_assert_nonnull (again_loaded);
  }
}

static void
assert_same_portfolio (AffPortfolio *a,
                       AffPortfolio *b)
{
  g_autofree char *da = aff_portfolio_to_data (a, NULL);
  g_autofree char *db = aff_portfolio_to_data (b, NULL);
  AffJournal *ja = aff_portfolio_get_journal (a);
  AffJournal *jb = aff_portfolio_get_journal (b);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (da, ==, db);
  /* loading is not a change */
  g_assert_cmpuint (aff_journal_get_n_entries (jb), ==, aff_journal_get_n_entries (ja));
  g_assert_cmpstr (aff_journal_get_head_hash (jb), ==, aff_journal_get_head_hash (ja));
  g_assert_true (aff_journal_verify (jb, &error));
  g_assert_no_error (error);
}

static guint32
file_mode (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_UNIX_MODE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, &error);

  g_assert_no_error (error);
  return g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 07777;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d != NULL)
    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);

        g_file_delete (file, NULL, NULL);
      }
  {
    g_autoptr(GFile) file = g_file_new_for_path (dir);
    g_file_delete (file, NULL, NULL);
  }
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_save_load (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-portfolio-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(AffPortfolio) portfolio = rich_portfolio ();
  g_autoptr(AffPortfolio) loaded = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "portfolio.json", NULL);

  g_assert_true (aff_portfolio_save_to_file (portfolio, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (dir), ==, 1);     /* no temporary file left */
  {
    g_autofree char *contents = NULL;
    g_autofree char *data = aff_portfolio_to_data (portfolio, NULL);

    g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (contents, ==, data);
  }

  loaded = aff_portfolio_new_from_file (path, &error);
  g_assert_no_error (error);
  assert_same_portfolio (portfolio, loaded);
  g_assert_cmpstr (aff_portfolio_get_name (loaded), ==, "Portefeuille Moselle \xe2\x80\x93 maintenance");
  {
    AffClient *hayange = aff_portfolio_lookup_client (loaded, "fonderie-hayange");
    g_autoptr(GDate) jan = day (2026, 1, 31);
    GDate date;

    g_assert_nonnull (hayange);
    g_assert_cmpstr (aff_client_get_parent_id (hayange), ==, "gfl");
    g_assert_cmpint (aff_client_get_status (hayange), ==, AFF_CLIENT_STATUS_ACTIVE);
    g_assert_cmpint (aff_client_get_status_at (hayange, jan), ==, AFF_CLIENT_STATUS_PROSPECT);
    g_assert_cmpuint (g_list_model_get_n_items (aff_client_get_interactions (hayange)), ==, 2);
    g_assert_cmpfloat (aff_client_get_satisfaction_average (hayange), ==, 8.0);
    /* last interaction 2026-03-20 + 45 days = 2026-05-04 (11 + 30 + 4) */
    g_date_clear (&date, 1);
    g_assert_true (aff_portfolio_get_follow_up_date (loaded, hayange, &date));
    assert_date (&date, 2026, 5, 4);
  }

  /* saving over an existing file keeps its mode */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    g_assert_true (g_file_set_attribute_uint32 (file, G_FILE_ATTRIBUTE_UNIX_MODE, 0640,
                                                G_FILE_QUERY_INFO_NONE, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (file_mode (path), ==, 0640);
    aff_portfolio_set_name (portfolio, "renamed");
    g_assert_true (aff_portfolio_save_to_file (portfolio, path, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (file_mode (path), ==, 0640);
    g_assert_cmpuint (count_files (dir), ==, 1);
    g_clear_object (&loaded);
    loaded = aff_portfolio_new_from_file (path, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (aff_portfolio_get_name (loaded), ==, "renamed");
    assert_same_portfolio (portfolio, loaded);
  }

  /* a missing file */
  {
    g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
    g_autoptr(AffPortfolio) none = aff_portfolio_new_from_file (missing, &error);

    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_assert_null (none);
    g_clear_error (&error);
  }
  /* a folder that does not exist */
  {
    g_autofree char *nowhere = g_build_filename (dir, "no-such-folder", "p.json", NULL);

    g_assert_false (aff_portfolio_save_to_file (portfolio, nowhere, &error));
    g_assert_nonnull (error);
    g_assert_true (error->domain == G_FILE_ERROR);
    g_clear_error (&error);
  }
  /* an invalid document: the message starts with the path */
  {
    g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
    g_autoptr(AffPortfolio) none = NULL;

    g_assert_true (g_file_set_contents (bad, "{\"format\":\"libaffaires-portfolio\",\"version\":1,\"colour\":1}\n",
                                        -1, &error));
    g_assert_no_error (error);
    none = aff_portfolio_new_from_file (bad, &error);
    g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT);
    g_assert_true (g_str_has_prefix (error->message, bad));
    g_assert_null (none);
    g_clear_error (&error);
  }

  remove_tree (dir);
}

typedef struct
{
  GMainLoop *loop;
  GAsyncResult *result;
} AsyncData;

static void
on_done (G_GNUC_UNUSED GObject *source,
         GAsyncResult          *result,
         gpointer               user_data)
{
  AsyncData *data = user_data;

  data->result = g_object_ref (result);
  g_main_loop_quit (data->loop);
}

static void
test_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-portfolio-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *saved_data = NULL;
  g_autoptr(AffPortfolio) portfolio = rich_portfolio ();
  g_autoptr(AffPortfolio) loaded = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncData data = { loop, NULL };

  g_assert_no_error (error);
  path = g_build_filename (dir, "portfolio.json", NULL);

  saved_data = aff_portfolio_to_data (portfolio, NULL);
  aff_portfolio_save_to_file_async (portfolio, path, NULL, on_done, &data);
  /* the document is taken at the call: this change is not in it */
  aff_portfolio_set_name (portfolio, "changed after the call");
  g_main_loop_run (loop);
  g_assert_nonnull (data.result);
  g_assert_true (aff_portfolio_save_to_file_finish (portfolio, data.result, &error));
  g_assert_no_error (error);
  g_clear_object (&data.result);

  aff_portfolio_new_from_file_async (path, NULL, on_done, &data);
  g_main_loop_run (loop);
  g_assert_nonnull (data.result);
  loaded = aff_portfolio_new_from_file_finish (data.result, &error);
  g_assert_no_error (error);
  g_clear_object (&data.result);
  {
    g_autofree char *loaded_data = aff_portfolio_to_data (loaded, NULL);
    g_assert_cmpstr (loaded_data, ==, saved_data);
  }
  g_assert_true (aff_journal_verify (aff_portfolio_get_journal (loaded), &error));
  g_assert_no_error (error);

  /* a missing file, asynchronously */
  {
    g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
    g_autoptr(AffPortfolio) none = NULL;

    aff_portfolio_new_from_file_async (missing, NULL, on_done, &data);
    g_main_loop_run (loop);
    none = aff_portfolio_new_from_file_finish (data.result, &error);
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_assert_null (none);
    g_clear_error (&error);
    g_clear_object (&data.result);
  }

  /* cancelled before it starts */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(AffPortfolio) none = NULL;

    g_cancellable_cancel (cancellable);
    aff_portfolio_new_from_file_async (path, cancellable, on_done, &data);
    g_main_loop_run (loop);
    none = aff_portfolio_new_from_file_finish (data.result, &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (none);
    g_clear_error (&error);
    g_clear_object (&data.result);
  }

  remove_tree (dir);
}

static void
test_properties (void)
{
  g_autoptr(AffPortfolio) portfolio = aff_portfolio_new ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 1, 10, 9, 0, 0);
  AffJournal *journal = aff_portfolio_get_journal (portfolio);
  g_autofree char *name = NULL;
  g_autoptr(AffPolicy) policy = NULL;
  g_autoptr(AffJournal) journal_prop = NULL;

  g_assert_null (aff_portfolio_get_name (portfolio));
  g_assert_nonnull (aff_portfolio_get_policy (portfolio));
  g_assert_nonnull (journal);
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, 0);

  aff_portfolio_set_fixed_time (portfolio, now);
  aff_portfolio_set_actor (portfolio, "alice");
  g_assert_cmpstr (aff_portfolio_get_actor (portfolio), ==, "alice");
  aff_portfolio_set_name (portfolio, "Team");
  g_object_get (portfolio, "name", &name, "policy", &policy, "journal", &journal_prop, NULL);
  g_assert_cmpstr (name, ==, "Team");
  g_assert_true (policy == aff_portfolio_get_policy (portfolio));
  g_assert_true (journal_prop == journal);
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, 1);

  /* NULL actor: the login name */
  aff_portfolio_set_actor (portfolio, NULL);
  aff_portfolio_set_name (portfolio, "Team 2");
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, 2);
  g_assert_cmpstr (aff_journal_entry_get_actor (aff_journal_get_entry (journal, 1)), ==, g_get_user_name ());
}

static void
test_misuse (void)
{
  g_autoptr(AffPortfolio) portfolio = aff_portfolio_new ();
  g_autoptr(GError) error = NULL;

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_false (aff_portfolio_add_client (portfolio, NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_null (aff_portfolio_get_clients (NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_false (aff_portfolio_remove_client (portfolio, NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/portfolio/add-lookup-remove", test_add_lookup_remove);
  g_test_add_func ("/portfolio/parent", test_parent);
  g_test_add_func ("/portfolio/follow-up-days", test_follow_up_days);
  g_test_add_func ("/portfolio/follow-up-date", test_follow_up_date);
  g_test_add_func ("/portfolio/due-for-follow-up", test_due_for_follow_up);
  g_test_add_func ("/portfolio/development", test_development);
  g_test_add_func ("/portfolio/conversion-rate-rounding", test_conversion_rate_rounding);
  g_test_add_func ("/portfolio/to-data", test_to_data);
  g_test_add_func ("/portfolio/save-load", test_save_load);
  g_test_add_func ("/portfolio/async", test_async);
  g_test_add_func ("/portfolio/properties", test_properties);
  g_test_add_func ("/portfolio/misuse", test_misuse);

  return g_test_run ();
}
