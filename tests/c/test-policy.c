/* test-policy.c: AffPolicy, the company's directives
 *
 * Defaults from the doc comment of aff_policy_new() and docs/format.md §6;
 * journal details from the contract ("changed" with property and value,
 * "labour-rate-set" with skill and rate) in canonical form.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <affaires.h>

#include "test-util.h"

static AffMoney *
money (const char *text)
{
  g_autoptr(GError) error = NULL;
  AffMoney *m = aff_money_parse (text, &error);

  g_assert_no_error (error);
  return m;
}

static void
test_defaults (void)
{
  g_autoptr(AffPolicy) policy = aff_policy_new ();
  g_autoptr(AffPortfolio) portfolio = aff_portfolio_new ();
  AffPolicy *policies[2] = { policy, aff_portfolio_get_policy (portfolio) };

  for (guint i = 0; i < G_N_ELEMENTS (policies); i++)
    {
      AffPolicy *p = policies[i];
      g_auto(GStrv) skills = aff_policy_list_skills (p);
      const char * const *activities = aff_policy_get_activities (p);
      int target, floor_, retention;
      guint bid, review, hours, prospect, active, dormant, reminder;
      g_autofree char *currency = NULL;

      g_assert_cmpstr (aff_policy_get_currency (p), ==, "EUR");
      g_assert_nonnull (activities);
      g_assert_null (activities[0]);
      g_assert_false (aff_policy_performs_activity (p, "pipework"));
      g_assert_nonnull (skills);
      g_assert_null (skills[0]);
      g_assert_cmpint (aff_policy_get_target_margin_rate (p), ==, 1500);
      g_assert_cmpint (aff_policy_get_floor_margin_rate (p), ==, 800);
      g_assert_cmpuint (aff_policy_get_bid_threshold (p), ==, 70);
      g_assert_cmpuint (aff_policy_get_review_threshold (p), ==, 50);
      g_assert_cmpuint (aff_policy_get_prevention_plan_hours (p), ==, 400);
      g_assert_cmpint (aff_policy_get_retention_rate (p), ==, 500);
      g_assert_cmpuint (aff_policy_get_follow_up_days_prospect (p), ==, 30);
      g_assert_cmpuint (aff_policy_get_follow_up_days_active (p), ==, 60);
      g_assert_cmpuint (aff_policy_get_follow_up_days_dormant (p), ==, 180);
      g_assert_cmpuint (aff_policy_get_offer_reminder_days (p), ==, 10);
      g_assert_null (aff_policy_get_labour_rate (p, "welder"));

      /* the same through the properties */
      g_object_get (p,
                    "currency", &currency,
                    "target-margin-rate", &target,
                    "floor-margin-rate", &floor_,
                    "bid-threshold", &bid,
                    "review-threshold", &review,
                    "prevention-plan-hours", &hours,
                    "retention-rate", &retention,
                    "follow-up-days-prospect", &prospect,
                    "follow-up-days-active", &active,
                    "follow-up-days-dormant", &dormant,
                    "offer-reminder-days", &reminder,
                    NULL);
      g_assert_cmpstr (currency, ==, "EUR");
      g_assert_cmpint (target, ==, 1500);
      g_assert_cmpint (floor_, ==, 800);
      g_assert_cmpuint (bid, ==, 70);
      g_assert_cmpuint (review, ==, 50);
      g_assert_cmpuint (hours, ==, 400);
      g_assert_cmpint (retention, ==, 500);
      g_assert_cmpuint (prospect, ==, 30);
      g_assert_cmpuint (active, ==, 60);
      g_assert_cmpuint (dormant, ==, 180);
      g_assert_cmpuint (reminder, ==, 10);
    }
}

typedef void (*SetInt)  (AffPolicy *self, int value);
typedef void (*SetUint) (AffPolicy *self, guint value);
typedef int (*GetInt)   (AffPolicy *self);
typedef guint (*GetUint) (AffPolicy *self);

/* Sets a property three times (setter, same value again, g_object_set with
 * the same value) and checks that exactly one notification came. */
static void
check_notify (AffPolicy  *policy,
              const char *property,
              GCallback   set,
              GCallback   get,
              gboolean    is_signed,
              gint64      value)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  guint count = 0, any = 0, round;
  gulong h1, h2;

  g_test_message ("property %s", property);
  h1 = g_signal_connect (policy, signal, G_CALLBACK (count_notify), &count);
  h2 = g_signal_connect (policy, "notify", G_CALLBACK (count_notify), &any);
  for (round = 0; round < 3; round++)
    {
      gint64 got;

      if (round < 2 && is_signed)
        ((SetInt) set) (policy, (int) value);
      else if (round < 2)
        ((SetUint) set) (policy, (guint) value);
      else if (is_signed)
        g_object_set (policy, property, (int) value, NULL);
      else
        g_object_set (policy, property, (guint) value, NULL);
      got = is_signed ? ((GetInt) get) (policy) : (gint64) ((GetUint) get) (policy);
      g_assert_cmpint (got, ==, value);
      g_assert_cmpuint (count, ==, 1);
      g_assert_cmpuint (any, ==, 1);
    }
  g_signal_handler_disconnect (policy, h1);
  g_signal_handler_disconnect (policy, h2);
}

#define CHECK_NOTIFY(policy, property, name, is_signed, value) \
  check_notify (policy, property, G_CALLBACK (aff_policy_set_##name), \
                G_CALLBACK (aff_policy_get_##name), is_signed, value)

static void
test_setters_notify (void)
{
  g_autoptr(AffPolicy) policy = aff_policy_new ();
  g_autoptr(GError) error = NULL;
  guint count = 0;
  gulong handler;

  CHECK_NOTIFY (policy, "target-margin-rate", target_margin_rate, TRUE, 1600);
  CHECK_NOTIFY (policy, "target-margin-rate", target_margin_rate, TRUE, -10000);
  CHECK_NOTIFY (policy, "floor-margin-rate", floor_margin_rate, TRUE, 10000);
  CHECK_NOTIFY (policy, "bid-threshold", bid_threshold, FALSE, 100);
  CHECK_NOTIFY (policy, "review-threshold", review_threshold, FALSE, 0);
  CHECK_NOTIFY (policy, "prevention-plan-hours", prevention_plan_hours, FALSE, 4000);
  CHECK_NOTIFY (policy, "retention-rate", retention_rate, TRUE, 0);
  CHECK_NOTIFY (policy, "follow-up-days-prospect", follow_up_days_prospect, FALSE, 14);
  CHECK_NOTIFY (policy, "follow-up-days-active", follow_up_days_active, FALSE, 45);
  CHECK_NOTIFY (policy, "follow-up-days-dormant", follow_up_days_dormant, FALSE, 365);
  CHECK_NOTIFY (policy, "offer-reminder-days", offer_reminder_days, FALSE, 7);

  /* currency */
  handler = g_signal_connect (policy, "notify::currency", G_CALLBACK (count_notify), &count);
  g_assert_true (aff_policy_set_currency (policy, "USD", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (aff_policy_get_currency (policy), ==, "USD");
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (aff_policy_set_currency (policy, "USD", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 1);
  g_assert_false (aff_policy_set_currency (policy, "XXX", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_UNKNOWN_CURRENCY);
  g_clear_error (&error);
  g_assert_false (aff_policy_set_currency (policy, "usd", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_UNKNOWN_CURRENCY);
  g_clear_error (&error);
  g_assert_cmpstr (aff_policy_get_currency (policy), ==, "USD");
  g_assert_cmpuint (count, ==, 1);
  g_signal_handler_disconnect (policy, handler);

  /* activities */
  {
    const char *activities[] = { "pipework", "boilermaking", NULL };
    const char *same[] = { "pipework", "boilermaking", NULL };
    const char * const *got;

    count = 0;
    handler = g_signal_connect (policy, "notify::activities", G_CALLBACK (count_notify), &count);
    aff_policy_set_activities (policy, activities);
    g_assert_cmpuint (count, ==, 1);
    got = aff_policy_get_activities (policy);
    g_assert_cmpuint (g_strv_length ((char **) got), ==, 2);
    g_assert_cmpstr (got[0], ==, "pipework");
    g_assert_cmpstr (got[1], ==, "boilermaking");
    g_assert_true (aff_policy_performs_activity (policy, "pipework"));
    g_assert_true (aff_policy_performs_activity (policy, "boilermaking"));
    g_assert_false (aff_policy_performs_activity (policy, "painting"));
    g_assert_false (aff_policy_performs_activity (policy, "Pipework"));
    aff_policy_set_activities (policy, same);
    g_assert_cmpuint (count, ==, 1);
    aff_policy_set_activities (policy, NULL);
    g_assert_cmpuint (count, ==, 2);
    g_assert_null (aff_policy_get_activities (policy)[0]);
    g_assert_false (aff_policy_performs_activity (policy, "pipework"));
    g_signal_handler_disconnect (policy, handler);
  }
}

static void
test_labour_rates (void)
{
  g_autoptr(AffPolicy) policy = aff_policy_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AffMoney) welder = money ("65.50 EUR");
  g_autoptr(AffMoney) fitter = money ("62.00 EUR");
  g_autoptr(AffMoney) boilermaker = money ("58 EUR");
  g_autoptr(AffMoney) apprentice = money ("0.00 EUR");
  g_autoptr(AffMoney) dollars = money ("70.00 USD");
  g_autoptr(AffMoney) negative = money ("-0.01 EUR");
  g_autoptr(AffMoney) raise = money ("66.00 EUR");

  g_assert_true (aff_policy_set_labour_rate (policy, "welder", welder, &error));
  g_assert_no_error (error);
  g_assert_true (aff_policy_set_labour_rate (policy, "fitter", fitter, &error));
  g_assert_no_error (error);
  g_assert_true (aff_policy_set_labour_rate (policy, "boilermaker", boilermaker, &error));
  g_assert_no_error (error);
  /* zero is not negative */
  g_assert_true (aff_policy_set_labour_rate (policy, "apprentice", apprentice, &error));
  g_assert_no_error (error);

  {
    g_autoptr(AffMoney) got = aff_policy_get_labour_rate (policy, "welder");

    g_assert_nonnull (got);
    g_assert_true (got != welder);     /* a copy */
    g_assert_cmpint (aff_money_get_minor (got), ==, 6550);
    g_assert_cmpstr (aff_money_get_currency (got), ==, "EUR");
  }
  {
    g_auto(GStrv) skills = aff_policy_list_skills (policy);
    const char *expected[] = { "apprentice", "boilermaker", "fitter", "welder", NULL };

    g_assert_cmpstrv (skills, expected);
  }

  /* refused: another currency, a negative rate, no skill; nothing changes */
  g_assert_false (aff_policy_set_labour_rate (policy, "welder", dollars, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH);
  g_clear_error (&error);
  g_assert_false (aff_policy_set_labour_rate (policy, "painter", dollars, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH);
  g_clear_error (&error);
  g_assert_false (aff_policy_set_labour_rate (policy, "welder", negative, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (aff_policy_set_labour_rate (policy, "", welder, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  {
    g_autoptr(AffMoney) got = aff_policy_get_labour_rate (policy, "welder");
    g_auto(GStrv) skills = aff_policy_list_skills (policy);

    g_assert_cmpint (aff_money_get_minor (got), ==, 6550);
    g_assert_null (aff_policy_get_labour_rate (policy, "painter"));
    g_assert_cmpuint (g_strv_length (skills), ==, 4);
  }

  /* replacing a rate */
  g_assert_true (aff_policy_set_labour_rate (policy, "welder", raise, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AffMoney) got = aff_policy_get_labour_rate (policy, "welder");
    g_assert_cmpint (aff_money_get_minor (got), ==, 6600);
  }

  /* the currency cannot change while rates exist */
  g_assert_false (aff_policy_set_currency (policy, "USD", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH);
  g_clear_error (&error);
  g_assert_cmpstr (aff_policy_get_currency (policy), ==, "EUR");
  /* setting the same currency is no change */
  g_assert_true (aff_policy_set_currency (policy, "EUR", &error));
  g_assert_no_error (error);

  /* NULL removes a skill */
  g_assert_true (aff_policy_set_labour_rate (policy, "fitter", NULL, &error));
  g_assert_no_error (error);
  g_assert_null (aff_policy_get_labour_rate (policy, "fitter"));
  {
    g_auto(GStrv) skills = aff_policy_list_skills (policy);
    const char *expected[] = { "apprentice", "boilermaker", "welder", NULL };

    g_assert_cmpstrv (skills, expected);
  }
  g_assert_true (aff_policy_set_labour_rate (policy, "welder", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (aff_policy_set_labour_rate (policy, "boilermaker", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (aff_policy_set_currency (policy, "USD", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH);
  g_clear_error (&error);
  g_assert_true (aff_policy_set_labour_rate (policy, "apprentice", NULL, &error));
  g_assert_no_error (error);
  {
    g_auto(GStrv) skills = aff_policy_list_skills (policy);
    g_assert_null (skills[0]);
  }

  /* no rate left: the currency may change, and rates follow it */
  g_assert_true (aff_policy_set_currency (policy, "USD", &error));
  g_assert_no_error (error);
  g_assert_true (aff_policy_set_labour_rate (policy, "welder", dollars, &error));
  g_assert_no_error (error);
  g_assert_false (aff_policy_set_labour_rate (policy, "fitter", fitter, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH);
  g_clear_error (&error);
}

static void
assert_policy_entry (AffJournal *journal,
                     guint       index,
                     const char *action,
                     const char *details)
{
  AffJournalEntry *entry = aff_journal_get_entry (journal, index);

  g_assert_nonnull (entry);
  g_assert_cmpuint (aff_journal_entry_get_sequence (entry), ==, index + 1);
  g_assert_cmpstr (aff_journal_entry_get_actor (entry), ==, "alice");
  g_assert_cmpstr (aff_journal_entry_get_entity_kind (entry), ==, "policy");
  g_assert_cmpstr (aff_journal_entry_get_entity_id (entry), ==, "policy");
  g_assert_cmpstr (aff_journal_entry_get_action (entry), ==, action);
  g_assert_cmpstr (aff_journal_entry_get_details (entry), ==, details);
}

static void
test_journal (void)
{
  g_autoptr(AffPortfolio) portfolio = aff_portfolio_new ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 1, 5, 8, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffMoney) welder = money ("65.50 EUR");
  g_autoptr(AffMoney) dollars = money ("65.50 USD");
  AffPolicy *policy = aff_portfolio_get_policy (portfolio);
  AffJournal *journal = aff_portfolio_get_journal (portfolio);
  const char *activities[] = { "pipework", "boilermaking", NULL };
  guint n;

  aff_portfolio_set_fixed_time (portfolio, now);
  aff_portfolio_set_actor (portfolio, "alice");
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, 0);

  aff_policy_set_target_margin_rate (policy, 1600);
  aff_policy_set_target_margin_rate (policy, 1600);         /* no change, no entry */
  aff_policy_set_floor_margin_rate (policy, -500);
  aff_policy_set_bid_threshold (policy, 75);
  aff_policy_set_review_threshold (policy, 40);
  aff_policy_set_prevention_plan_hours (policy, 450);
  aff_policy_set_retention_rate (policy, 300);
  aff_policy_set_follow_up_days_prospect (policy, 21);
  aff_policy_set_follow_up_days_active (policy, 90);
  aff_policy_set_follow_up_days_dormant (policy, 200);
  aff_policy_set_offer_reminder_days (policy, 12);
  aff_policy_set_activities (policy, activities);
  g_assert_true (aff_policy_set_currency (policy, "USD", &error));
  g_assert_no_error (error);
  g_assert_true (aff_policy_set_currency (policy, "EUR", &error));
  g_assert_no_error (error);
  g_assert_true (aff_policy_set_labour_rate (policy, "welder", welder, &error));
  g_assert_no_error (error);
  g_assert_true (aff_policy_set_labour_rate (policy, "welder", welder, &error));  /* no change */
  g_assert_no_error (error);
  /* refused changes write nothing */
  g_assert_false (aff_policy_set_labour_rate (policy, "fitter", dollars, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH);
  g_clear_error (&error);
  g_assert_false (aff_policy_set_currency (policy, "JPY", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH);
  g_clear_error (&error);
  g_assert_true (aff_policy_set_labour_rate (policy, "welder", NULL, &error));
  g_assert_no_error (error);

  /* 10 settings, activities, two currency changes, one rate set, one removed */
  n = aff_journal_get_n_entries (journal);
  g_assert_cmpuint (n, ==, 15);
  assert_policy_entry (journal, 0, "changed", "{\"property\":\"target-margin-rate\",\"value\":1600}");
  assert_policy_entry (journal, 1, "changed", "{\"property\":\"floor-margin-rate\",\"value\":-500}");
  assert_policy_entry (journal, 2, "changed", "{\"property\":\"bid-threshold\",\"value\":75}");
  assert_policy_entry (journal, 3, "changed", "{\"property\":\"review-threshold\",\"value\":40}");
  assert_policy_entry (journal, 4, "changed", "{\"property\":\"prevention-plan-hours\",\"value\":450}");
  assert_policy_entry (journal, 5, "changed", "{\"property\":\"retention-rate\",\"value\":300}");
  assert_policy_entry (journal, 6, "changed", "{\"property\":\"follow-up-days-prospect\",\"value\":21}");
  assert_policy_entry (journal, 7, "changed", "{\"property\":\"follow-up-days-active\",\"value\":90}");
  assert_policy_entry (journal, 8, "changed", "{\"property\":\"follow-up-days-dormant\",\"value\":200}");
  assert_policy_entry (journal, 9, "changed", "{\"property\":\"offer-reminder-days\",\"value\":12}");
  assert_policy_entry (journal, 10, "changed",
                       "{\"property\":\"activities\",\"value\":[\"pipework\",\"boilermaking\"]}");
  assert_policy_entry (journal, 11, "changed", "{\"property\":\"currency\",\"value\":\"USD\"}");
  assert_policy_entry (journal, 12, "changed", "{\"property\":\"currency\",\"value\":\"EUR\"}");
  assert_policy_entry (journal, 13, "labour-rate-set", "{\"rate\":\"65.50 EUR\",\"skill\":\"welder\"}");
  /* removal: the rate is null */
  assert_policy_entry (journal, 14, "labour-rate-set", "{\"rate\":null,\"skill\":\"welder\"}");
  g_assert_null (aff_journal_get_entry (journal, 15));

  {
    g_autoptr(GPtrArray) entries = aff_journal_list_entries_for (journal, "policy", "policy");
    g_autofree char *rate = aff_journal_entry_dup_detail (aff_journal_get_entry (journal, 13), "rate");
    g_autofree char *value = aff_journal_entry_dup_detail (aff_journal_get_entry (journal, 1), "value");

    g_assert_cmpuint (entries->len, ==, n);
    g_assert_cmpstr (rate, ==, "65.50 EUR");
    g_assert_cmpstr (value, ==, "-500");
  }
  g_assert_true (aff_journal_verify (journal, &error));
  g_assert_no_error (error);
}

/* docs/format.md §6: prevention_plan_hours, follow_up_days.* and
 * offer_reminder_days are integers "from 0 to 4294967295"; the setters take a
 * guint and document no narrower range, so the whole range is accepted. */
static void
test_full_range (void)
{
  g_autoptr(AffPolicy) policy = aff_policy_new ();

  /* docs/format.md §6: hours up to 2^31 − 1, day counts up to 36500 (a century). */
  aff_policy_set_prevention_plan_hours (policy, G_MAXINT);
  g_assert_cmpuint (aff_policy_get_prevention_plan_hours (policy), ==, G_MAXINT);
  aff_policy_set_offer_reminder_days (policy, 36500);
  g_assert_cmpuint (aff_policy_get_offer_reminder_days (policy), ==, 36500);
  aff_policy_set_follow_up_days_prospect (policy, 36500);
  g_assert_cmpuint (aff_policy_get_follow_up_days_prospect (policy), ==, 36500);
  aff_policy_set_follow_up_days_dormant (policy, 0);
  g_assert_cmpuint (aff_policy_get_follow_up_days_dormant (policy), ==, 0);

  /* One past each limit is a programming error and changes nothing. */
  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
  aff_policy_set_prevention_plan_hours (policy, (guint) G_MAXINT + 1);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (aff_policy_get_prevention_plan_hours (policy), ==, G_MAXINT);
  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
  aff_policy_set_follow_up_days_active (policy, 36501);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (aff_policy_get_follow_up_days_active (policy), ==, 60);
}

static void
test_misuse (void)
{
  g_autoptr(AffPolicy) policy = aff_policy_new ();

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_null (aff_policy_get_currency (NULL));
  g_test_assert_expected_messages ();

  /* out of the documented ranges */
  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
  aff_policy_set_retention_rate (policy, 10001);
  g_test_assert_expected_messages ();
  g_assert_cmpint (aff_policy_get_retention_rate (policy), ==, 500);

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
  aff_policy_set_bid_threshold (policy, 101);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (aff_policy_get_bid_threshold (policy), ==, 70);

  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
  aff_policy_set_target_margin_rate (policy, -10001);
  g_test_assert_expected_messages ();
  g_assert_cmpint (aff_policy_get_target_margin_rate (policy), ==, 1500);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/policy/defaults", test_defaults);
  g_test_add_func ("/policy/setters-notify", test_setters_notify);
  g_test_add_func ("/policy/labour-rates", test_labour_rates);
  g_test_add_func ("/policy/journal", test_journal);
  g_test_add_func ("/policy/full-range", test_full_range);
  g_test_add_func ("/policy/misuse", test_misuse);

  return g_test_run ();
}
