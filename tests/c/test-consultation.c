/* test-consultation.c: AffConsultation, its states, analysis and journal
 *
 * Every expected value is worked out by hand from the contract
 * (docs/rules.md, "Consultations").
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <affaires.h>

#include "test-util.h"

static AffMoney *
euros (gint64 units)
{
  g_autoptr(GError) error = NULL;
  AffMoney *m = aff_money_new (units * 100, "EUR", &error);

  g_assert_no_error (error);
  return m;
}

static AffConsultation *
consultation (const char *id,
              const char *client_id,
              const char *title,
              int ry, int rm, int rd,
              int dy, int dm, int dd)
{
  g_autoptr(GDate) received = day (ry, rm, rd);
  g_autoptr(GDate) deadline = day (dy, dm, dd);

  return aff_consultation_new (id, client_id, title, received, deadline);
}

static AffPortfolio *
new_portfolio (void)
{
  AffPortfolio *portfolio = aff_portfolio_new ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  g_autoptr(AffClient) client = aff_client_new ("acme", "Acme");
  g_autoptr(GError) error = NULL;
  const char *activities[] = { "mechanical-maintenance", "boilermaking", NULL };

  aff_portfolio_set_fixed_time (portfolio, now);
  aff_portfolio_set_actor (portfolio, "alice");
  aff_policy_set_activities (aff_portfolio_get_policy (portfolio), activities);
  g_assert_true (aff_portfolio_add_client (portfolio, client, &error));
  g_assert_no_error (error);
  return portfolio;
}

/* Adds a consultation of "acme" received 2026-03-02, deadline 2026-04-30. */
static AffConsultation *
add_consultation (AffPortfolio *portfolio,
                  const char   *id)
{
  g_autoptr(AffConsultation) c = consultation (id, "acme", "Révision pompe", 2026, 3, 2, 2026, 4, 30);
  const char *activities[] = { "mechanical-maintenance", NULL };
  g_autoptr(GError) error = NULL;

  aff_consultation_set_activities (c, activities);
  g_assert_true (aff_portfolio_add_consultation (portfolio, c, &error));
  g_assert_no_error (error);
  return c;   /* owned by the portfolio */
}

/* Drives a consultation of the portfolio to @state:
 *   qualification 03-03, evaluation 03-04 (the decision is dated with it),
 *   offer 03-10, outcome 03-20; abandoned 03-03. */
static void
drive (AffPortfolio         *portfolio,
       AffConsultation      *c,
       AffConsultationState  state)
{
  g_autoptr(GDate) d3 = day (2026, 3, 3);
  g_autoptr(GDate) d4 = day (2026, 3, 4);
  g_autoptr(GDate) d10 = day (2026, 3, 10);
  g_autoptr(GDate) d20 = day (2026, 3, 20);
  g_autoptr(GError) error = NULL;
  const char *id = aff_consultation_get_id (c);

  if (state == AFF_CONSULTATION_STATE_RECEIVED)
    return;
  if (state == AFF_CONSULTATION_STATE_ABANDONED)
    {
      g_assert_true (aff_consultation_abandon (c, d3, "cancelled by the client", &error));
      g_assert_no_error (error);
      return;
    }
  g_assert_true (aff_consultation_start_qualification (c, d3, NULL, &error));
  g_assert_no_error (error);
  if (state == AFF_CONSULTATION_STATE_QUALIFYING)
    return;
  {
    g_autoptr(AffBidEvaluation) evaluation = aff_portfolio_evaluate_consultation (portfolio, id, d4, &error);

    g_assert_no_error (error);
    g_assert_nonnull (evaluation);
  }
  /* a justification is given, so the decision is accepted whatever the
   * evaluation said */
  g_assert_true (aff_portfolio_decide_consultation (portfolio, id,
                                                    state == AFF_CONSULTATION_STATE_NO_GO
                                                      ? AFF_BID_VERDICT_NO_GO : AFF_BID_VERDICT_GO,
                                                    "bob", "décision de la direction", &error));
  g_assert_no_error (error);
  if (state == AFF_CONSULTATION_STATE_GO || state == AFF_CONSULTATION_STATE_NO_GO)
    return;
  g_assert_true (aff_consultation_mark_offer_sent (c, d10, NULL, &error));
  g_assert_no_error (error);
  if (state == AFF_CONSULTATION_STATE_OFFER_SENT)
    return;
  if (state == AFF_CONSULTATION_STATE_WON)
    g_assert_true (aff_consultation_mark_won (c, d20, NULL, &error));
  else
    g_assert_true (aff_consultation_mark_lost (c, d20, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (aff_consultation_get_state (c), ==, state);
}

/* ---------------------------------------------------------------------- */

static void
test_new (void)
{
  g_autoptr(AffConsultation) c = consultation ("AO-2026-01", "acme", "Révision pompe centrifuge",
                                               2026, 3, 2, 2026, 3, 30);
  const char * const *activities;
  GDate date;

  g_assert_cmpstr (aff_consultation_get_id (c), ==, "AO-2026-01");
  g_assert_cmpstr (aff_consultation_get_client_id (c), ==, "acme");
  g_assert_cmpstr (aff_consultation_get_title (c), ==, "Révision pompe centrifuge");
  assert_date (aff_consultation_get_received (c), 2026, 3, 2);
  assert_date (aff_consultation_get_deadline (c), 2026, 3, 30);
  g_assert_cmpint (aff_consultation_get_state (c), ==, AFF_CONSULTATION_STATE_RECEIVED);
  g_assert_true (aff_consultation_is_open (c));
  g_assert_null (aff_consultation_get_estimated_value (c));
  activities = aff_consultation_get_activities (c);
  g_assert_true (activities == NULL || activities[0] == NULL);
  g_assert_null (aff_consultation_get_site (c));
  g_assert_null (aff_consultation_get_description (c));
  g_assert_cmpint (aff_consultation_get_regulatory_flags (c), ==, AFF_REGULATORY_FLAGS_NONE);
  g_assert_cmpint (aff_consultation_get_expected_margin_rate (c), ==, AFF_MARGIN_RATE_UNSET);
  g_assert_cmpuint (aff_consultation_get_estimated_hours (c), ==, 0);
  g_assert_null (aff_consultation_get_bid_cost (c));
  g_assert_cmpuint (g_list_model_get_n_items (aff_consultation_get_requirements (c)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (aff_consultation_get_clarifications (c)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (aff_consultation_get_contributions (c)), ==, 0);
  g_assert_true (AFF_IS_RISK_REGISTER (aff_consultation_get_risk_register (c)));
  g_assert_true (aff_consultation_is_analysis_complete (c));

  /* the consultation entered RECEIVED when it was received, and no other state yet */
  g_assert_true (aff_consultation_get_state_date (c, AFF_CONSULTATION_STATE_RECEIVED, &date));
  assert_date (&date, 2026, 3, 2);
  for (int s = AFF_CONSULTATION_STATE_QUALIFYING; s <= AFF_CONSULTATION_STATE_ABANDONED; s++)
    g_assert_false (aff_consultation_get_state_date (c, s, &date));

  /* through properties */
  {
    g_autofree char *id = NULL, *client_id = NULL, *title = NULL;
    AffConsultationState state;

    g_object_get (c, "id", &id, "client-id", &client_id, "title", &title, "state", &state, NULL);
    g_assert_cmpstr (id, ==, "AO-2026-01");
    g_assert_cmpstr (client_id, ==, "acme");
    g_assert_cmpstr (title, ==, "Révision pompe centrifuge");
    g_assert_cmpint (state, ==, AFF_CONSULTATION_STATE_RECEIVED);
  }

  /* a deadline before receipt is accepted by the constructor */
  {
    g_autoptr(AffConsultation) odd = consultation ("odd", "acme", "Odd", 2026, 3, 2, 2026, 3, 1);

    assert_date (aff_consultation_get_deadline (odd), 2026, 3, 1);
  }
}

/* Sets a property with its setter twice (same value) and checks one
 * notification, of that property only. */
#define CHECK_NOTIFY(c, prop, stmt)                                             \
  G_STMT_START {                                                                \
    guint _count = 0, _any = 0;                                                 \
    gulong _h1 = g_signal_connect (c, "notify::" prop, G_CALLBACK (count_notify), &_count); \
    gulong _h2 = g_signal_connect (c, "notify", G_CALLBACK (count_notify), &_any); \
    g_test_message ("property %s", prop);                                       \
    stmt;                                                                       \
    g_assert_cmpuint (_count, ==, 1);                                           \
    g_assert_cmpuint (_any, ==, 1);                                             \
    stmt;                                                                       \
    g_assert_cmpuint (_count, ==, 1);                                           \
    g_assert_cmpuint (_any, ==, 1);                                             \
    g_signal_handler_disconnect (c, _h1);                                       \
    g_signal_handler_disconnect (c, _h2);                                       \
  } G_STMT_END

static void
test_properties (void)
{
  g_autoptr(AffConsultation) c = consultation ("c", "acme", "T", 2026, 3, 2, 2026, 3, 30);
  g_autoptr(GDate) deadline = day (2026, 4, 15);
  g_autoptr(AffMoney) value = euros (250000);
  g_autoptr(AffMoney) cost = euros (3500);
  const char *activities[] = { "pipework", "boilermaking", NULL };
  AffRegulatoryFlags flags = AFF_REGULATORY_FLAGS_WORK_AT_HEIGHT | AFF_REGULATORY_FLAGS_HOT_WORK;

  CHECK_NOTIFY (c, "title", aff_consultation_set_title (c, "Arrêt technique 2026"));
  g_assert_cmpstr (aff_consultation_get_title (c), ==, "Arrêt technique 2026");
  CHECK_NOTIFY (c, "deadline", aff_consultation_set_deadline (c, deadline));
  assert_date (aff_consultation_get_deadline (c), 2026, 4, 15);
  CHECK_NOTIFY (c, "estimated-value", aff_consultation_set_estimated_value (c, value));
  g_assert_true (aff_money_equal (aff_consultation_get_estimated_value (c), value));
  CHECK_NOTIFY (c, "activities", aff_consultation_set_activities (c, activities));
  g_assert_cmpuint (g_strv_length ((char **) aff_consultation_get_activities (c)), ==, 2);
  g_assert_cmpstr (aff_consultation_get_activities (c)[0], ==, "pipework");
  g_assert_cmpstr (aff_consultation_get_activities (c)[1], ==, "boilermaking");
  CHECK_NOTIFY (c, "site", aff_consultation_set_site (c, "Usine de Hayange"));
  g_assert_cmpstr (aff_consultation_get_site (c), ==, "Usine de Hayange");
  CHECK_NOTIFY (c, "description", aff_consultation_set_description (c, "Remplacement de 3 pompes"));
  g_assert_cmpstr (aff_consultation_get_description (c), ==, "Remplacement de 3 pompes");
  CHECK_NOTIFY (c, "source", aff_consultation_set_source (c, AFF_CONSULTATION_SOURCE_PUBLIC_TENDER));
  g_assert_cmpint (aff_consultation_get_source (c), ==, AFF_CONSULTATION_SOURCE_PUBLIC_TENDER);
  CHECK_NOTIFY (c, "regulatory-flags", aff_consultation_set_regulatory_flags (c, flags));
  g_assert_cmpint (aff_consultation_get_regulatory_flags (c), ==, flags);
  CHECK_NOTIFY (c, "expected-margin-rate", aff_consultation_set_expected_margin_rate (c, 1250));
  g_assert_cmpint (aff_consultation_get_expected_margin_rate (c), ==, 1250);
  CHECK_NOTIFY (c, "estimated-hours", aff_consultation_set_estimated_hours (c, 1800));
  g_assert_cmpuint (aff_consultation_get_estimated_hours (c), ==, 1800);
  CHECK_NOTIFY (c, "bid-cost", aff_consultation_set_bid_cost (c, cost));
  g_assert_true (aff_money_equal (aff_consultation_get_bid_cost (c), cost));

  /* back to unset */
  CHECK_NOTIFY (c, "expected-margin-rate", aff_consultation_set_expected_margin_rate (c, AFF_MARGIN_RATE_UNSET));
  g_assert_cmpint (aff_consultation_get_expected_margin_rate (c), ==, AFF_MARGIN_RATE_UNSET);
  CHECK_NOTIFY (c, "bid-cost", aff_consultation_set_bid_cost (c, NULL));
  g_assert_null (aff_consultation_get_bid_cost (c));
  CHECK_NOTIFY (c, "site", aff_consultation_set_site (c, NULL));
  g_assert_null (aff_consultation_get_site (c));
  CHECK_NOTIFY (c, "estimated-value", aff_consultation_set_estimated_value (c, NULL));
  g_assert_null (aff_consultation_get_estimated_value (c));

  /* g_object_get / g_object_set agree with the accessors */
  {
    guint hours = 0;
    int margin = 0;
    AffRegulatoryFlags got_flags = 0;
    g_autofree char *description = NULL;

    g_object_set (c, "estimated-hours", 2400u, "expected-margin-rate", -500, NULL);
    g_object_get (c, "estimated-hours", &hours, "expected-margin-rate", &margin,
                  "regulatory-flags", &got_flags, "description", &description, NULL);
    g_assert_cmpuint (hours, ==, 2400);
    g_assert_cmpint (margin, ==, -500);
    g_assert_cmpint (got_flags, ==, flags);
    g_assert_cmpstr (description, ==, "Remplacement de 3 pompes");
  }
}

static void
test_regulatory_flags (void)
{
  g_autoptr(AffConsultation) c = consultation ("c", "acme", "T", 2026, 3, 2, 2026, 3, 30);
  GFlagsClass *klass = g_type_class_ref (AFF_TYPE_REGULATORY_FLAGS);
  static const AffRegulatoryFlags all[] = {
    AFF_REGULATORY_FLAGS_WORK_AT_HEIGHT, AFF_REGULATORY_FLAGS_CONFINED_SPACE, AFF_REGULATORY_FLAGS_HOT_WORK,
    AFF_REGULATORY_FLAGS_ATEX, AFF_REGULATORY_FLAGS_ASBESTOS, AFF_REGULATORY_FLAGS_ELECTRICAL,
    AFF_REGULATORY_FLAGS_LIFTING, AFF_REGULATORY_FLAGS_IONISING_RADIATION, AFF_REGULATORY_FLAGS_CHEMICAL,
  };
  guint combined = 0;

  g_assert_cmpint (AFF_REGULATORY_FLAGS_NONE, ==, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (all); i++)
    {
      /* one bit each, all different */
      g_assert_cmpuint (all[i] & (all[i] - 1), ==, 0);
      g_assert_cmpuint (combined & all[i], ==, 0);
      combined |= all[i];
      g_assert_nonnull (g_flags_get_first_value (klass, all[i]));
      aff_consultation_set_regulatory_flags (c, all[i]);
      g_assert_cmpuint (aff_consultation_get_regulatory_flags (c), ==, all[i]);
    }
  aff_consultation_set_regulatory_flags (c, combined);
  g_assert_cmpuint (aff_consultation_get_regulatory_flags (c), ==, combined);
  aff_consultation_set_regulatory_flags (c, AFF_REGULATORY_FLAGS_ATEX | AFF_REGULATORY_FLAGS_ASBESTOS);
  g_assert_true (aff_consultation_get_regulatory_flags (c) & AFF_REGULATORY_FLAGS_ATEX);
  g_assert_true (aff_consultation_get_regulatory_flags (c) & AFF_REGULATORY_FLAGS_ASBESTOS);
  g_assert_false (aff_consultation_get_regulatory_flags (c) & AFF_REGULATORY_FLAGS_HOT_WORK);
  aff_consultation_set_regulatory_flags (c, AFF_REGULATORY_FLAGS_NONE);
  g_assert_cmpuint (aff_consultation_get_regulatory_flags (c), ==, 0);
  g_type_class_unref (klass);
}

/* ---------------------------------------------------------------------- */

typedef enum { OP_START, OP_OFFER, OP_WON, OP_LOST, OP_ABANDON, N_OPS } Op;

static const char *const op_names[] = { "start_qualification", "mark_offer_sent", "mark_won", "mark_lost", "abandon" };
static const char *const state_nicks[] = {
  "received", "qualifying", "go", "no-go", "offer-sent", "won", "lost", "abandoned",
};

static gboolean
apply (AffConsultation *c,
       Op               op,
       const GDate     *date,
       const char      *reason,
       GError         **error)
{
  switch (op)
    {
    case OP_START:   return aff_consultation_start_qualification (c, date, reason, error);
    case OP_OFFER:   return aff_consultation_mark_offer_sent (c, date, reason, error);
    case OP_WON:     return aff_consultation_mark_won (c, date, reason, error);
    case OP_LOST:    return aff_consultation_mark_lost (c, date, reason, error);
    case OP_ABANDON: return aff_consultation_abandon (c, date, reason, error);
    case N_OPS:
    default:         g_assert_not_reached ();
    }
}

/* the state an allowed operation leads to from @from, or -1 */
static int
allowed (AffConsultationState from,
         Op                   op)
{
  switch (from)
    {
    case AFF_CONSULTATION_STATE_RECEIVED:
      return op == OP_START ? AFF_CONSULTATION_STATE_QUALIFYING
           : op == OP_ABANDON ? AFF_CONSULTATION_STATE_ABANDONED : -1;
    case AFF_CONSULTATION_STATE_QUALIFYING:
      return op == OP_ABANDON ? AFF_CONSULTATION_STATE_ABANDONED : -1;
    case AFF_CONSULTATION_STATE_GO:
      return op == OP_OFFER ? AFF_CONSULTATION_STATE_OFFER_SENT
           : op == OP_ABANDON ? AFF_CONSULTATION_STATE_ABANDONED : -1;
    case AFF_CONSULTATION_STATE_OFFER_SENT:
      return op == OP_WON ? AFF_CONSULTATION_STATE_WON
           : op == OP_LOST ? AFF_CONSULTATION_STATE_LOST
           : op == OP_ABANDON ? AFF_CONSULTATION_STATE_ABANDONED : -1;
    case AFF_CONSULTATION_STATE_NO_GO:
    case AFF_CONSULTATION_STATE_WON:
    case AFF_CONSULTATION_STATE_LOST:
    case AFF_CONSULTATION_STATE_ABANDONED:
    default:
      return -1;
    }
}

static void
test_transitions (void)
{
  g_autoptr(AffPortfolio) portfolio = new_portfolio ();
  AffJournal *journal = aff_portfolio_get_journal (portfolio);
  g_autoptr(GDate) later = day (2026, 3, 25);
  guint n_allowed = 0, n_refused = 0;

  for (int s = AFF_CONSULTATION_STATE_RECEIVED; s <= AFF_CONSULTATION_STATE_ABANDONED; s++)
    for (int op = 0; op < N_OPS; op++)
      {
        g_autofree char *id = g_strdup_printf ("%s-%s", state_nicks[s], op_names[op]);
        AffConsultation *c = add_consultation (portfolio, id);
        g_autoptr(GError) error = NULL;
        int target = allowed (s, op);
        guint n_entries, n_notify = 0;
        gulong handler;
        GDate date;

        drive (portfolio, c, s);
        g_assert_cmpint (aff_consultation_get_state (c), ==, s);
        g_test_message ("%s from %s", op_names[op], state_nicks[s]);
        n_entries = aff_journal_get_n_entries (journal);
        handler = g_signal_connect (c, "notify::state", G_CALLBACK (count_notify), &n_notify);

        if (target < 0)
          {
            g_assert_false (apply (c, op, later, "not allowed", &error));
            g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION);
            g_assert_cmpint (aff_consultation_get_state (c), ==, s);
            g_assert_cmpuint (n_notify, ==, 0);
            g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n_entries);
            for (int t = AFF_CONSULTATION_STATE_QUALIFYING; t <= AFF_CONSULTATION_STATE_ABANDONED; t++)
              if (aff_consultation_get_state_date (c, t, &date))
                g_assert_cmpint (g_date_compare (&date, later), <, 0);
            n_refused++;
          }
        else
          {
            AffJournalEntry *entry;
            g_autofree char *from = NULL, *to = NULL, *when = NULL, *reason = NULL;

            g_assert_true (apply (c, op, later, "next step", &error));
            g_assert_no_error (error);
            g_assert_cmpint (aff_consultation_get_state (c), ==, target);
            g_assert_cmpuint (n_notify, ==, 1);
            g_assert_true (aff_consultation_get_state_date (c, target, &date));
            assert_date (&date, 2026, 3, 25);
            g_assert_cmpint (aff_consultation_is_open (c), ==,
                             target == AFF_CONSULTATION_STATE_QUALIFYING ||
                             target == AFF_CONSULTATION_STATE_OFFER_SENT);
            g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n_entries + 1);
            entry = aff_journal_get_entry (journal, n_entries);
            g_assert_cmpstr (aff_journal_entry_get_entity_kind (entry), ==, "consultation");
            g_assert_cmpstr (aff_journal_entry_get_entity_id (entry), ==, id);
            g_assert_cmpstr (aff_journal_entry_get_action (entry), ==, "state-changed");
            from = aff_journal_entry_dup_detail (entry, "from");
            to = aff_journal_entry_dup_detail (entry, "to");
            when = aff_journal_entry_dup_detail (entry, "date");
            reason = aff_journal_entry_dup_detail (entry, "reason");
            g_assert_cmpstr (from, ==, state_nicks[s]);
            g_assert_cmpstr (to, ==, state_nicks[target]);
            g_assert_cmpstr (when, ==, "2026-03-25");
            g_assert_cmpstr (reason, ==, "next step");
            n_allowed++;
          }
        g_signal_handler_disconnect (c, handler);
      }
  /* 2 + 1 + 2 + 3 allowed, 40 - 8 refused */
  g_assert_cmpuint (n_allowed, ==, 8);
  g_assert_cmpuint (n_refused, ==, 32);

  /* is_open for every state */
  {
    static const gboolean open[] = { TRUE, TRUE, TRUE, FALSE, TRUE, FALSE, FALSE, FALSE };

    for (int s = AFF_CONSULTATION_STATE_RECEIVED; s <= AFF_CONSULTATION_STATE_ABANDONED; s++)
      {
        g_autofree char *id = g_strdup_printf ("open-%s", state_nicks[s]);
        AffConsultation *c = add_consultation (portfolio, id);

        drive (portfolio, c, s);
        g_assert_cmpint (aff_consultation_is_open (c), ==, open[s]);
      }
  }

  {
    g_autoptr(GError) error = NULL;

    g_assert_true (aff_journal_verify (journal, &error));
    g_assert_no_error (error);
  }
}

/* Outside a portfolio the same rules hold. */
static void
test_transitions_alone (void)
{
  g_autoptr(AffConsultation) c = consultation ("c", "acme", "T", 2026, 3, 2, 2026, 3, 30);
  g_autoptr(GDate) d5 = day (2026, 3, 5);
  g_autoptr(GDate) d4 = day (2026, 3, 4);
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_false (aff_consultation_mark_offer_sent (c, d5, NULL, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);
  /* the first transition cannot be dated before the receipt (03-02) */
  {
    g_autoptr(GDate) d1 = day (2026, 3, 1);
    g_autoptr(GDate) d2 = day (2026, 3, 2);
    g_autoptr(AffConsultation) other = consultation ("o", "acme", "T", 2026, 3, 2, 2026, 3, 30);

    g_assert_false (aff_consultation_start_qualification (c, d1, NULL, &error));
    g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
    g_clear_error (&error);
    g_assert_false (aff_consultation_abandon (c, d1, NULL, &error));
    g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
    g_clear_error (&error);
    g_assert_cmpint (aff_consultation_get_state (c), ==, AFF_CONSULTATION_STATE_RECEIVED);
    g_assert_false (aff_consultation_get_state_date (c, AFF_CONSULTATION_STATE_QUALIFYING, &date));
    /* the day of receipt is fine */
    g_assert_true (aff_consultation_abandon (other, d2, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_true (aff_consultation_start_qualification (c, d5, "analyse", &error));
  g_assert_no_error (error);
  g_assert_cmpint (aff_consultation_get_state (c), ==, AFF_CONSULTATION_STATE_QUALIFYING);
  g_assert_true (aff_consultation_get_state_date (c, AFF_CONSULTATION_STATE_QUALIFYING, &date));
  assert_date (&date, 2026, 3, 5);
  /* the same state again */
  g_assert_false (aff_consultation_start_qualification (c, d5, NULL, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);

  /* dated before the previous transition: refused, nothing changes */
  g_assert_false (aff_consultation_abandon (c, d4, NULL, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (aff_consultation_get_state (c), ==, AFF_CONSULTATION_STATE_QUALIFYING);
  g_assert_false (aff_consultation_get_state_date (c, AFF_CONSULTATION_STATE_ABANDONED, &date));

  /* the same day is fine */
  g_assert_true (aff_consultation_abandon (c, d5, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (aff_consultation_get_state (c), ==, AFF_CONSULTATION_STATE_ABANDONED);
  g_assert_false (aff_consultation_is_open (c));
  g_assert_true (aff_consultation_get_state_date (c, AFF_CONSULTATION_STATE_ABANDONED, &date));
  assert_date (&date, 2026, 3, 5);
  g_assert_true (aff_consultation_get_state_date (c, AFF_CONSULTATION_STATE_QUALIFYING, &date));
  assert_date (&date, 2026, 3, 5);
  g_assert_true (aff_consultation_get_state_date (c, AFF_CONSULTATION_STATE_RECEIVED, &date));
  assert_date (&date, 2026, 3, 2);
  g_assert_false (aff_consultation_get_state_date (c, AFF_CONSULTATION_STATE_GO, &date));
}

/* An offer dated before the decision, an outcome before the offer. */
static void
test_out_of_order (void)
{
  g_autoptr(AffPortfolio) portfolio = new_portfolio ();
  AffJournal *journal = aff_portfolio_get_journal (portfolio);
  AffConsultation *c = add_consultation (portfolio, "c");
  g_autoptr(GDate) d3 = day (2026, 3, 3);
  g_autoptr(GDate) d9 = day (2026, 3, 9);
  g_autoptr(GDate) d10 = day (2026, 3, 10);
  g_autoptr(GError) error = NULL;
  GDate date;
  guint n;

  drive (portfolio, c, AFF_CONSULTATION_STATE_GO);          /* GO on 03-04 */
  g_assert_true (aff_consultation_get_state_date (c, AFF_CONSULTATION_STATE_GO, &date));
  assert_date (&date, 2026, 3, 4);
  n = aff_journal_get_n_entries (journal);
  g_assert_false (aff_consultation_mark_offer_sent (c, d3, NULL, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (aff_consultation_get_state (c), ==, AFF_CONSULTATION_STATE_GO);
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n);

  g_assert_true (aff_consultation_mark_offer_sent (c, d10, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (aff_consultation_mark_won (c, d9, NULL, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (aff_consultation_mark_lost (c, d9, NULL, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (aff_consultation_get_state (c), ==, AFF_CONSULTATION_STATE_OFFER_SENT);
  g_assert_true (aff_consultation_mark_won (c, d10, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (aff_consultation_get_state_date (c, AFF_CONSULTATION_STATE_WON, &date));
  assert_date (&date, 2026, 3, 10);
  g_assert_true (aff_consultation_get_state_date (c, AFF_CONSULTATION_STATE_OFFER_SENT, &date));
  assert_date (&date, 2026, 3, 10);
  g_assert_false (aff_consultation_get_state_date (c, AFF_CONSULTATION_STATE_LOST, &date));
  g_assert_false (aff_consultation_get_state_date (c, AFF_CONSULTATION_STATE_NO_GO, &date));
}

/* ---------------------------------------------------------------------- */

static void
test_analysis (void)
{
  g_autoptr(AffConsultation) c = consultation ("c", "acme", "T", 2026, 3, 2, 2026, 3, 30);
  g_autoptr(GDate) d2 = day (2026, 3, 2);
  g_autoptr(GDate) d3 = day (2026, 3, 3);
  g_autoptr(GDate) d4 = day (2026, 3, 4);
  g_autoptr(GDate) d10 = day (2026, 3, 10);
  g_autoptr(GError) error = NULL;
  GListModel *requirements = aff_consultation_get_requirements (c);
  GListModel *questions = aff_consultation_get_clarifications (c);
  GListModel *contributions = aff_consultation_get_contributions (c);

  /* requirements */
  g_assert_true (g_list_model_get_item_type (requirements) == AFF_TYPE_REQUIREMENT);
  g_assert_cmpstr (aff_consultation_add_requirement (c, "Débit 200 m3/h"), ==, "REQ-1");
  g_assert_cmpstr (aff_consultation_add_requirement (c, "Garantie 2 ans"), ==, "REQ-2");
  g_assert_cmpuint (g_list_model_get_n_items (requirements), ==, 2);
  {
    g_autoptr(AffRequirement) r1 = g_list_model_get_item (requirements, 0);
    g_autoptr(AffRequirement) r2 = g_list_model_get_item (requirements, 1);

    g_assert_cmpstr (aff_requirement_get_id (r1), ==, "REQ-1");
    g_assert_cmpstr (aff_requirement_get_text (r1), ==, "Débit 200 m3/h");
    g_assert_cmpstr (aff_requirement_get_id (r2), ==, "REQ-2");
    g_assert_cmpstr (aff_requirement_get_text (r2), ==, "Garantie 2 ans");
  }
  g_assert_true (aff_consultation_is_analysis_complete (c));

  /* questions */
  g_assert_true (g_list_model_get_item_type (questions) == AFF_TYPE_CLARIFICATION);
  g_assert_cmpstr (aff_consultation_ask_question (c, "Accès le samedi ?", d3), ==, "Q-1");
  g_assert_false (aff_consultation_is_analysis_complete (c));
  g_assert_cmpstr (aff_consultation_ask_question (c, "Pièces fournies ?", d3), ==, "Q-2");
  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, 2);
  {
    g_autoptr(AffClarification) q1 = g_list_model_get_item (questions, 0);

    g_assert_cmpstr (aff_clarification_get_id (q1), ==, "Q-1");
    g_assert_cmpstr (aff_clarification_get_question (q1), ==, "Accès le samedi ?");
    assert_date (aff_clarification_get_asked_date (q1), 2026, 3, 3);
    g_assert_false (aff_clarification_is_answered (q1));
    g_assert_null (aff_clarification_get_answer (q1));
    g_assert_null (aff_clarification_get_answered_date (q1));

    g_assert_false (aff_consultation_answer_question (c, "Q-9", "Oui", d4, &error));
    g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND);
    g_clear_error (&error);
    /* answered before asked */
    g_assert_false (aff_consultation_answer_question (c, "Q-1", "Oui", d2, &error));
    g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
    g_clear_error (&error);
    g_assert_false (aff_clarification_is_answered (q1));

    g_assert_true (aff_consultation_answer_question (c, "Q-1", "Oui, de 8 h à 16 h", d4, &error));
    g_assert_no_error (error);
    g_assert_true (aff_clarification_is_answered (q1));
    g_assert_cmpstr (aff_clarification_get_answer (q1), ==, "Oui, de 8 h à 16 h");
    assert_date (aff_clarification_get_answered_date (q1), 2026, 3, 4);
    /* already answered */
    g_assert_false (aff_consultation_answer_question (c, "Q-1", "Non", d10, &error));
    g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
    g_clear_error (&error);
    g_assert_cmpstr (aff_clarification_get_answer (q1), ==, "Oui, de 8 h à 16 h");
  }
  g_assert_false (aff_consultation_is_analysis_complete (c));
  /* answered the day it was asked */
  g_assert_true (aff_consultation_answer_question (c, "Q-2", "Non", d3, &error));
  g_assert_no_error (error);
  g_assert_true (aff_consultation_is_analysis_complete (c));

  /* contributions */
  g_assert_true (g_list_model_get_item_type (contributions) == AFF_TYPE_CONTRIBUTION);
  g_assert_cmpstr (aff_consultation_request_contribution (c, AFF_DEPARTMENT_DESIGN, "Paul",
                                                          "Plan de tuyauterie", d10), ==, "CON-1");
  g_assert_false (aff_consultation_is_analysis_complete (c));
  g_assert_cmpstr (aff_consultation_request_contribution (c, AFF_DEPARTMENT_PURCHASING, "Marie",
                                                          "Prix des pompes", d10), ==, "CON-2");
  g_assert_cmpuint (g_list_model_get_n_items (contributions), ==, 2);
  {
    g_autoptr(AffContribution) c1 = g_list_model_get_item (contributions, 0);
    g_autoptr(AffContribution) c2 = g_list_model_get_item (contributions, 1);

    g_assert_cmpstr (aff_contribution_get_id (c1), ==, "CON-1");
    g_assert_cmpint (aff_contribution_get_department (c1), ==, AFF_DEPARTMENT_DESIGN);
    g_assert_cmpstr (aff_contribution_get_who (c1), ==, "Paul");
    g_assert_cmpstr (aff_contribution_get_what (c1), ==, "Plan de tuyauterie");
    assert_date (aff_contribution_get_due_date (c1), 2026, 3, 10);
    g_assert_false (aff_contribution_is_answered (c1));
    g_assert_null (aff_contribution_get_answer (c1));
    g_assert_null (aff_contribution_get_answered_date (c1));
    g_assert_cmpint (aff_contribution_get_department (c2), ==, AFF_DEPARTMENT_PURCHASING);

    g_assert_false (aff_consultation_complete_contribution (c, "CON-9", "x", d4, &error));
    g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (aff_consultation_complete_contribution (c, "Q-1", "x", d4, &error));
    g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND);
    g_clear_error (&error);
    /* completed before the receipt (03-02): refused */
    {
      g_autoptr(GDate) d1 = day (2026, 3, 1);

      g_assert_false (aff_consultation_complete_contribution (c, "CON-1", "x", d1, &error));
      g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
      g_clear_error (&error);
      g_assert_false (aff_contribution_is_answered (c1));
    }
    g_assert_true (aff_consultation_complete_contribution (c, "CON-1", "Plan joint", d4, &error));
    g_assert_no_error (error);
    g_assert_true (aff_contribution_is_answered (c1));
    g_assert_cmpstr (aff_contribution_get_answer (c1), ==, "Plan joint");
    assert_date (aff_contribution_get_answered_date (c1), 2026, 3, 4);
    g_assert_false (aff_consultation_complete_contribution (c, "CON-1", "again", d10, &error));
    g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
    g_clear_error (&error);
    g_assert_cmpstr (aff_contribution_get_answer (c1), ==, "Plan joint");
    g_assert_false (aff_consultation_is_analysis_complete (c));
    g_assert_true (aff_consultation_complete_contribution (c, "CON-2", "12 000 EUR", d10, &error));
    g_assert_no_error (error);
  }
  g_assert_true (aff_consultation_is_analysis_complete (c));

  /* questions do not answer contributions: unknown question id */
  g_assert_false (aff_consultation_answer_question (c, "CON-1", "x", d10, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a new question reopens the analysis; ids go on */
  g_assert_cmpstr (aff_consultation_ask_question (c, "Délai ?", d10), ==, "Q-3");
  g_assert_false (aff_consultation_is_analysis_complete (c));
  g_assert_cmpstr (aff_consultation_add_requirement (c, "Peinture"), ==, "REQ-3");
  g_assert_cmpstr (aff_consultation_request_contribution (c, AFF_DEPARTMENT_SAFETY, "Léa", "Plan de prévention", d10),
                   ==, "CON-3");
}

/* ---------------------------------------------------------------------- */

static void
assert_entry (AffJournalEntry *entry,
              const char      *id,
              const char      *action)
{
  g_assert_nonnull (entry);
  g_assert_cmpstr (aff_journal_entry_get_entity_kind (entry), ==, "consultation");
  g_assert_cmpstr (aff_journal_entry_get_entity_id (entry), ==, id);
  g_assert_cmpstr (aff_journal_entry_get_action (entry), ==, action);
  g_assert_cmpstr (aff_journal_entry_get_actor (entry), ==, "alice");
}

static void
test_add_and_journal (void)
{
  g_autoptr(AffPortfolio) portfolio = new_portfolio ();
  AffJournal *journal = aff_portfolio_get_journal (portfolio);
  GListModel *consultations = aff_portfolio_get_consultations (portfolio);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) d3 = day (2026, 3, 3);
  g_autoptr(GDate) d4 = day (2026, 3, 4);
  g_autoptr(AffConsultation) c = consultation ("AO-1", "acme", "Révision pompe", 2026, 3, 2, 2026, 3, 30);
  guint n0;

  g_assert_true (g_list_model_get_item_type (consultations) == AFF_TYPE_CONSULTATION);
  g_assert_cmpuint (g_list_model_get_n_items (consultations), ==, 0);

  /* refusals */
  n0 = aff_journal_get_n_entries (journal);
  {
    g_autoptr(AffConsultation) orphan = consultation ("orphan", "nobody", "T", 2026, 3, 2, 2026, 3, 30);
    g_autoptr(AffConsultation) early = consultation ("early", "acme", "T", 2026, 3, 2, 2026, 3, 1);
    const char *bad_ids[] = { "", "a b", "a\tb", " a" };

    g_assert_false (aff_portfolio_add_consultation (portfolio, orphan, &error));
    g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (aff_portfolio_add_consultation (portfolio, early, &error));
    g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
    g_clear_error (&error);
    for (gsize i = 0; i < G_N_ELEMENTS (bad_ids); i++)
      {
        g_autoptr(AffConsultation) bad = consultation (bad_ids[i], "acme", "T", 2026, 3, 2, 2026, 3, 30);

        g_test_message ("id “%s”", bad_ids[i]);
        g_assert_false (aff_portfolio_add_consultation (portfolio, bad, &error));
        g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
        g_clear_error (&error);
      }
    g_assert_cmpuint (g_list_model_get_n_items (consultations), ==, 0);
    g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n0);
    g_assert_null (aff_portfolio_lookup_consultation (portfolio, "orphan"));
  }

  /* added */
  g_assert_true (aff_portfolio_add_consultation (portfolio, c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (consultations), ==, 1);
  g_assert_true (aff_portfolio_lookup_consultation (portfolio, "AO-1") == c);
  g_assert_null (aff_portfolio_lookup_consultation (portfolio, "AO-2"));
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n0 + 1);
  assert_entry (aff_journal_get_entry (journal, n0), "AO-1", "added");

  /* the same id again */
  {
    g_autoptr(AffConsultation) dup = consultation ("AO-1", "acme", "Autre", 2026, 3, 2, 2026, 3, 30);

    g_assert_false (aff_portfolio_add_consultation (portfolio, dup, &error));
    g_assert_error (error, AFF_ERROR, AFF_ERROR_DUPLICATE_ID);
    g_clear_error (&error);
    g_assert_true (aff_portfolio_lookup_consultation (portfolio, "AO-1") == c);
  }
  /* a deadline on the day of receipt is fine */
  {
    g_autoptr(AffConsultation) same = consultation ("AO-2", "acme", "Urgent", 2026, 3, 2, 2026, 3, 2);

    g_assert_true (aff_portfolio_add_consultation (portfolio, same, &error));
    g_assert_no_error (error);
  }

  /* every change of AO-1 */
  {
    g_autoptr(AffRisk) risk = aff_risk_new ("Pièces en retard", AFF_RISK_CATEGORY_SCHEDULE, 3, 3);
    AffRiskRegister *reg = aff_consultation_get_risk_register (c);
    g_autoptr(GPtrArray) history = NULL;
    static const char *const actions[] = {
      "added", "changed", "state-changed", "requirement-added", "question-asked", "question-answered",
      "contribution-requested", "contribution-completed", "risk-added", "risk-changed", "risk-removed",
    };
    AffJournalEntry *entry;

    aff_consultation_set_site (c, "Hayange");
    g_assert_true (aff_consultation_start_qualification (c, d3, "analyse", &error));
    g_assert_no_error (error);
    aff_consultation_add_requirement (c, "Débit 200 m3/h");
    aff_consultation_ask_question (c, "Accès ?", d3);
    g_assert_true (aff_consultation_answer_question (c, "Q-1", "Oui", d4, &error));
    g_assert_no_error (error);
    aff_consultation_request_contribution (c, AFF_DEPARTMENT_METHODS, "Paul", "Gamme", d4);
    g_assert_true (aff_consultation_complete_contribution (c, "CON-1", "Faite", d4, &error));
    g_assert_no_error (error);
    g_assert_true (aff_risk_register_add_risk (reg, risk, &error));
    g_assert_no_error (error);
    aff_risk_set_treatment (risk, AFF_RISK_TREATMENT_REDUCE);
    g_assert_true (aff_risk_register_remove_risk (reg, "RISK-1", &error));
    g_assert_no_error (error);

    /* refused operations write nothing */
    g_assert_false (aff_consultation_answer_question (c, "Q-1", "Encore", d4, &error));
    g_clear_error (&error);
    g_assert_false (aff_consultation_mark_won (c, d4, NULL, &error));
    g_clear_error (&error);

    history = aff_journal_list_entries_for (journal, "consultation", "AO-1");
    g_assert_cmpuint (history->len, ==, G_N_ELEMENTS (actions));
    for (guint i = 0; i < history->len; i++)
      assert_entry (g_ptr_array_index (history, i), "AO-1", actions[i]);

    entry = g_ptr_array_index (history, 1);
    {
      g_autofree char *property = aff_journal_entry_dup_detail (entry, "property");
      g_autofree char *value = aff_journal_entry_dup_detail (entry, "value");

      g_assert_cmpstr (property, ==, "site");
      g_assert_cmpstr (value, ==, "Hayange");
    }
    entry = g_ptr_array_index (history, 2);
    {
      g_autofree char *from = aff_journal_entry_dup_detail (entry, "from");
      g_autofree char *to = aff_journal_entry_dup_detail (entry, "to");
      g_autofree char *date = aff_journal_entry_dup_detail (entry, "date");
      g_autofree char *reason = aff_journal_entry_dup_detail (entry, "reason");

      g_assert_cmpstr (from, ==, "received");
      g_assert_cmpstr (to, ==, "qualifying");
      g_assert_cmpstr (date, ==, "2026-03-03");
      g_assert_cmpstr (reason, ==, "analyse");
    }
  }
  g_assert_true (aff_journal_verify (journal, &error));
  g_assert_no_error (error);

  /* the risk's changes after it was removed are not journaled */
  {
    guint n = aff_journal_get_n_entries (journal);
    g_autoptr(AffRisk) other = aff_risk_new ("r", AFF_RISK_CATEGORY_SAFETY, 1, 1);

    g_assert_true (aff_risk_register_add_risk (aff_consultation_get_risk_register (c), other, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (aff_risk_get_id (other), ==, "RISK-2");     /* RISK-1 is not reused */
    g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n + 1);
    g_assert_true (aff_risk_register_remove_risk (aff_consultation_get_risk_register (c), "RISK-2", &error));
    g_assert_no_error (error);
    g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n + 2);
    aff_risk_set_owner (other, "nobody");
    g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n + 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/consultation/new", test_new);
  g_test_add_func ("/consultation/properties", test_properties);
  g_test_add_func ("/consultation/regulatory-flags", test_regulatory_flags);
  g_test_add_func ("/consultation/transitions", test_transitions);
  g_test_add_func ("/consultation/transitions-alone", test_transitions_alone);
  g_test_add_func ("/consultation/out-of-order", test_out_of_order);
  g_test_add_func ("/consultation/analysis", test_analysis);
  g_test_add_func ("/consultation/add-and-journal", test_add_and_journal);

  return g_test_run ();
}
