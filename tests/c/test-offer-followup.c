/* test-offer-followup.c: the follow-up and the outcome of an offer:
 * the policy's reminder settings, decline, withdraw, expire, the reminders
 * (portfolio.list_offer_reminders) and the round trip of all of it.
 *
 * Every expected value is worked out by hand from the contract
 * (docs/rules.md, "Offer follow-up and outcome (without the affair yet)").
 *
 * The fixtures:
 *   clients acme and beta, neither with a solvency assessment, so every
 *   evaluation is NO_GO and the management decides GO anyway with a
 *   justification (the consultation is GO, dated 2026-03-05).
 *   CONS-1, CONS-2, CONS-5 (acme) and CONS-3 (beta): received 2026-03-02,
 *   deadline 2026-04-15, no requirement, no dangerous work, qualified
 *   2026-03-03, evaluated 2026-03-05, decided GO.
 *   CONS-4 (acme): same dates, left QUALIFYING.
 *   An offer: one material line 10 m x 50.00 EUR, margin rate 1500 (above
 *   the 800 floor), a validity date at least 30 days after the sending day
 *   (policy min_validity_days 30), sent on or before the deadline: it passes
 *   every check.
 *
 * The reference timeline (default policy: first 10, second 21, warning 3):
 *   sent S = 2026-04-01, validity V = 2026-06-30
 *   FIRST           S + 10 = 2026-04-11
 *   SECOND          S + 21 = 2026-04-22
 *   VALIDITY_ENDING V - 3  = 2026-06-27
 *   EXPIRED         from V + 1 = 2026-07-01
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdarg.h>
#include <string.h>

#include <affaires.h>

#include "test-offer-util.h"

/* --- fixtures ----------------------------------------------------------- */

static void
add_consultation (AffPortfolio *p,
                  const char   *id,
                  const char   *client_id,
                  gboolean      go)
{
  add_consultation_full (p, id, client_id, AFF_REGULATORY_FLAGS_NONE, FALSE, go);
}

static AffPortfolio *
new_portfolio (void)
{
  AffPortfolio *p = new_base_portfolio ();

  add_client_beta (p);
  add_consultation (p, "CONS-1", "acme", TRUE);
  add_consultation (p, "CONS-2", "acme", TRUE);
  add_consultation (p, "CONS-3", "beta", TRUE);
  add_consultation (p, "CONS-4", "acme", FALSE);
  add_consultation (p, "CONS-5", "acme", TRUE);
  return p;
}

/* An offer ready to be sent: one line, margin 1500, validity vy-vm-vd. */
static AffOffer *
draft_offer (AffPortfolio *p,
             const char   *id,
             const char   *consultation_id,
             int vy, int vm, int vd)   /* transfer none */
{
  g_autoptr(AffOffer) offer = aff_offer_new (id, consultation_id);
  g_autoptr(AffMoney) cost = aff_money_parse ("50.00 EUR", NULL);
  g_autoptr(GDate) validity = day (vy, vm, vd);
  AffOfferRevision *rev;
  AffOfferLine *line;
  GError *error = NULL;

  ASSERT_OK (aff_portfolio_add_offer (p, offer, &error));
  rev = aff_offer_get_current_revision (offer);
  g_assert_nonnull (rev);
  line = aff_offer_line_new (AFF_LINE_KIND_MATERIAL, "Tubes inox DN50", "10", AFF_LINE_UNIT_METRE, cost, &error);
  g_assert_no_error (error);
  ASSERT_OK (aff_offer_revision_add_line (rev, line, &error));
  g_object_unref (line);
  ASSERT_OK (aff_offer_revision_set_margin_rate (rev, 1500, &error));
  ASSERT_OK (aff_offer_revision_set_validity (rev, validity, &error));
  g_assert_true (aff_portfolio_lookup_offer (p, id) == offer);
  return offer;
}

static AffOffer *
sent_offer (AffPortfolio *p,
            const char   *id,
            const char   *consultation_id,
            int sy, int sm, int sd,
            int vy, int vm, int vd)   /* transfer none */
{
  AffOffer *offer = draft_offer (p, id, consultation_id, vy, vm, vd);

  send (offer, sy, sm, sd);
  return offer;
}

static void
revise (AffOffer *offer)
{
  GError *error = NULL;
  AffOfferRevision *rev = aff_offer_revise (offer, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rev);
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_NEGOTIATION);
}

static void
record_call (AffPortfolio *p,
             const char   *client_id,
             int y, int m, int d)
{
  g_autoptr(GDate) date = day (y, m, d);
  g_autoptr(AffInteraction) i = aff_interaction_new (AFF_INTERACTION_KIND_CALL, date, "Relance de l'offre");

  ASSERT_OK (aff_portfolio_record_interaction (p, client_id, i, &error));
}

static gboolean
decline (AffOffer      *offer,
         int y, int m, int d,
         AffLossReason  reason,
         const char    *note,
         GError       **error)
{
  g_autoptr(GDate) date = day (y, m, d);

  return aff_offer_decline (offer, date, reason, note, error);
}

static gboolean
withdraw (AffOffer   *offer,
          int y, int m, int d,
          const char *reason,
          GError    **error)
{
  g_autoptr(GDate) date = day (y, m, d);

  return aff_offer_withdraw (offer, date, reason, error);
}

static gboolean
expire (AffOffer *offer,
        int y, int m, int d,
        GError  **error)
{
  g_autoptr(GDate) date = day (y, m, d);

  return aff_offer_expire (offer, date, error);
}

/* The consultation's last state change: to `to`, dated `date`, with `reason`
 * (NULL: the reason is not checked). */
static void
assert_last_state_change (AffPortfolio *p,
                          const char   *consultation_id,
                          const char   *from,
                          const char   *to,
                          const char   *date,
                          const char   *reason)
{
  AffJournalEntry *e = last_entry (p, "consultation", consultation_id, "state-changed");

  assert_detail (e, "from", from);
  assert_detail (e, "to", to);
  assert_detail (e, "date", date);
  if (reason != NULL)
    assert_detail (e, "reason", reason);
}

/* list_offer_reminders(date) must give exactly the n reminders that follow,
 * each as (const char *offer_id, int kind, int y, int m, int d); y == 0 for
 * a due date the contract does not fix (EXPIRED). */
static void
reminders_are (AffPortfolio *p,
               int y, int m, int d,
               guint n, ...)
{
  g_autoptr(GDate) date = day (y, m, d);
  g_autoptr(GPtrArray) list = aff_portfolio_list_offer_reminders (p, date);
  va_list ap;

  g_assert_nonnull (list);
  if (list->len != n)
    {
      g_printerr ("# reminders on %04d-%02d-%02d:\n", y, m, d);
      for (guint i = 0; i < list->len; i++)
        {
          AffOfferReminder *r = g_ptr_array_index (list, i);
          const GDate *due = aff_offer_reminder_get_due_date (r);

          g_printerr ("#   %s kind %d due %04d-%02d-%02d\n", aff_offer_reminder_get_offer_id (r),
                      aff_offer_reminder_get_kind (r), g_date_get_year (due), g_date_get_month (due),
                      g_date_get_day (due));
        }
    }
  g_assert_cmpuint (list->len, ==, n);
  va_start (ap, n);
  for (guint i = 0; i < n; i++)
    {
      AffOfferReminder *r = g_ptr_array_index (list, i);
      const char *id = va_arg (ap, const char *);
      int kind = va_arg (ap, int);
      int dy = va_arg (ap, int);
      int dm = va_arg (ap, int);
      int dd = va_arg (ap, int);

      g_assert_cmpstr (aff_offer_reminder_get_offer_id (r), ==, id);
      g_assert_cmpint (aff_offer_reminder_get_kind (r), ==, kind);
      g_assert_nonnull (aff_offer_reminder_get_due_date (r));
      if (dy != 0)
        assert_date (aff_offer_reminder_get_due_date (r), dy, dm, dd);
    }
  va_end (ap);
}

#define FIRST AFF_REMINDER_KIND_FIRST
#define SECOND AFF_REMINDER_KIND_SECOND
#define ENDING AFF_REMINDER_KIND_VALIDITY_ENDING
#define EXPIRED AFF_REMINDER_KIND_EXPIRED

/* --- policy ------------------------------------------------------------- */

static void
test_policy_defaults (void)
{
  g_autoptr(AffPolicy) policy = aff_policy_new ();
  g_autoptr(AffPortfolio) p = aff_portfolio_new ();
  AffPolicy *pp = aff_portfolio_get_policy (p);
  guint first = 0, second = 0, warning = 0;

  g_assert_cmpuint (aff_policy_get_offer_reminder_days (policy), ==, 10);
  g_assert_cmpuint (aff_policy_get_offer_second_reminder_days (policy), ==, 21);
  g_assert_cmpuint (aff_policy_get_validity_warning_days (policy), ==, 3);
  g_assert_cmpuint (aff_policy_get_offer_reminder_days (pp), ==, 10);
  g_assert_cmpuint (aff_policy_get_offer_second_reminder_days (pp), ==, 21);
  g_assert_cmpuint (aff_policy_get_validity_warning_days (pp), ==, 3);
  g_object_get (policy, "offer-reminder-days", &first, "offer-second-reminder-days", &second,
                "validity-warning-days", &warning, NULL);
  g_assert_cmpuint (first, ==, 10);
  g_assert_cmpuint (second, ==, 21);
  g_assert_cmpuint (warning, ==, 3);

  /* 0..36500 */
  aff_policy_set_offer_second_reminder_days (policy, 36500);
  g_assert_cmpuint (aff_policy_get_offer_second_reminder_days (policy), ==, 36500);
  aff_policy_set_validity_warning_days (policy, 0);
  g_assert_cmpuint (aff_policy_get_validity_warning_days (policy), ==, 0);
  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
  aff_policy_set_offer_second_reminder_days (policy, 36501);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (aff_policy_get_offer_second_reminder_days (policy), ==, 36500);
  g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*");
  aff_policy_set_validity_warning_days (policy, 36501);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (aff_policy_get_validity_warning_days (policy), ==, 0);
}

static void
assert_policy_entry (AffJournalEntry *e,
                     const char      *details)
{
  g_assert_nonnull (e);
  g_assert_cmpstr (aff_journal_entry_get_entity_kind (e), ==, "policy");
  g_assert_cmpstr (aff_journal_entry_get_entity_id (e), ==, "policy");
  g_assert_cmpstr (aff_journal_entry_get_action (e), ==, "changed");
  g_assert_cmpstr (aff_journal_entry_get_actor (e), ==, "alice");
  g_assert_cmpstr (aff_journal_entry_get_details (e), ==, details);
}

static void
test_policy_journal (void)
{
  g_autoptr(AffPortfolio) p = aff_portfolio_new ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 1, 5, 8, 0, 0);
  AffPolicy *policy = aff_portfolio_get_policy (p);
  AffJournal *journal = aff_portfolio_get_journal (p);
  g_autoptr(GPtrArray) entries = NULL;

  aff_portfolio_set_fixed_time (p, now);
  aff_portfolio_set_actor (p, "alice");
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, 0);
  aff_policy_set_offer_second_reminder_days (policy, 21);   /* the default: no change, no entry */
  aff_policy_set_validity_warning_days (policy, 3);
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, 0);

  aff_policy_set_offer_second_reminder_days (policy, 28);
  aff_policy_set_offer_second_reminder_days (policy, 28);   /* no change */
  aff_policy_set_validity_warning_days (policy, 5);
  aff_policy_set_validity_warning_days (policy, 0);          /* 0 disables: still a change */
  aff_policy_set_offer_reminder_days (policy, 0);
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, 4);
  entries = aff_journal_list_entries_for (journal, "policy", "policy");
  g_assert_cmpuint (entries->len, ==, 4);
  assert_policy_entry (aff_journal_get_entry (journal, 0),
                       "{\"property\":\"offer-second-reminder-days\",\"value\":28}");
  assert_policy_entry (aff_journal_get_entry (journal, 1),
                       "{\"property\":\"validity-warning-days\",\"value\":5}");
  assert_policy_entry (aff_journal_get_entry (journal, 2),
                       "{\"property\":\"validity-warning-days\",\"value\":0}");
  assert_policy_entry (aff_journal_get_entry (journal, 3),
                       "{\"property\":\"offer-reminder-days\",\"value\":0}");
  verify_journal (p);

  /* the settings survive a reload, and so does the journal */
  {
    g_autofree char *text = aff_portfolio_to_data (p, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(AffPortfolio) q = aff_portfolio_new_from_data (text, -1, &error);
    AffPolicy *qp;

    g_assert_no_error (error);
    g_assert_nonnull (q);
    qp = aff_portfolio_get_policy (q);
    g_assert_cmpuint (aff_policy_get_offer_reminder_days (qp), ==, 0);
    g_assert_cmpuint (aff_policy_get_offer_second_reminder_days (qp), ==, 28);
    g_assert_cmpuint (aff_policy_get_validity_warning_days (qp), ==, 0);
    g_assert_cmpuint (aff_journal_get_n_entries (aff_portfolio_get_journal (q)), ==, 4);
    verify_journal (q);
  }
}

/* --- decline ------------------------------------------------------------ */

static void
test_decline_from_sent (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = sent_offer (p, "OFF-1", "CONS-1", 2026, 4, 1, 2026, 6, 30);
  AffConsultation *k = aff_portfolio_lookup_consultation (p, "CONS-1");
  AffJournalEntry *e;

  g_assert_cmpint (aff_offer_get_loss_reason (offer), ==, AFF_LOSS_REASON_OTHER);
  assert_not_closed (offer);
  g_assert_cmpint (aff_consultation_get_state (k), ==, AFF_CONSULTATION_STATE_OFFER_SENT);

  ASSERT_OK (decline (offer, 2026, 4, 20, AFF_LOSS_REASON_PRICE, "concurrent 12 % moins cher", &error));
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_DECLINED);
  g_assert_cmpint (aff_offer_get_loss_reason (offer), ==, AFF_LOSS_REASON_PRICE);
  assert_closed_on (offer, 2026, 4, 20);
  g_assert_cmpint (aff_consultation_get_state (k), ==, AFF_CONSULTATION_STATE_LOST);
  assert_state_date (k, AFF_CONSULTATION_STATE_LOST, 2026, 4, 20);
  g_assert_false (aff_consultation_is_open (k));
  assert_last_state_change (p, "CONS-1", "offer-sent", "lost", "2026-04-20",
                            "price: concurrent 12 % moins cher");

  e = last_entry (p, "offer", "OFF-1", "declined");
  assert_detail (e, "date", "2026-04-20");
  assert_detail (e, "reason", "price");
  assert_detail (e, "note", "concurrent 12 % moins cher");
  g_assert_cmpuint (count_entries (p, "offer", "OFF-1", "declined"), ==, 1);

  /* twice: refused, nothing changed */
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION,
                decline (offer, 2026, 4, 25, AFF_LOSS_REASON_TECHNICAL, "autre", &error));
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_DECLINED);
  g_assert_cmpint (aff_offer_get_loss_reason (offer), ==, AFF_LOSS_REASON_PRICE);
  assert_closed_on (offer, 2026, 4, 20);
  assert_state_date (k, AFF_CONSULTATION_STATE_LOST, 2026, 4, 20);
  g_assert_cmpuint (count_entries (p, "offer", "OFF-1", "declined"), ==, 1);

  /* nor withdrawn nor expired once declined */
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, withdraw (offer, 2026, 4, 26, "trop tard", &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, expire (offer, 2026, 7, 1, &error));
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_DECLINED);
  g_assert_cmpint (aff_consultation_get_state (k), ==, AFF_CONSULTATION_STATE_LOST);
  verify_journal (p);
}

static void
test_decline_from_negotiation (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = sent_offer (p, "OFF-1", "CONS-1", 2026, 4, 1, 2026, 6, 30);
  AffConsultation *k = aff_portfolio_lookup_consultation (p, "CONS-1");
  AffJournalEntry *e;

  revise (offer);
  ASSERT_OK (decline (offer, 2026, 5, 4, AFF_LOSS_REASON_LEAD_TIME, NULL, &error));
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_DECLINED);
  g_assert_cmpint (aff_offer_get_loss_reason (offer), ==, AFF_LOSS_REASON_LEAD_TIME);
  assert_closed_on (offer, 2026, 5, 4);
  g_assert_cmpint (aff_consultation_get_state (k), ==, AFF_CONSULTATION_STATE_LOST);
  assert_state_date (k, AFF_CONSULTATION_STATE_LOST, 2026, 5, 4);
  /* no note: the nick alone */
  assert_last_state_change (p, "CONS-1", "offer-sent", "lost", "2026-05-04", "lead-time");
  e = last_entry (p, "offer", "OFF-1", "declined");
  assert_detail (e, "date", "2026-05-04");
  assert_detail (e, "reason", "lead-time");
  verify_journal (p);
}

static void
test_decline_each_reason (void)
{
  static const struct { AffLossReason reason; const char *nick; } cases[] = {
    { AFF_LOSS_REASON_PRICE, "price" },
    { AFF_LOSS_REASON_LEAD_TIME, "lead-time" },
    { AFF_LOSS_REASON_TECHNICAL, "technical" },
    { AFF_LOSS_REASON_RELATIONSHIP, "relationship" },
    { AFF_LOSS_REASON_NO_DECISION, "no-decision" },
    { AFF_LOSS_REASON_OTHER, "other" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AffPortfolio) p = new_portfolio ();
      AffOffer *offer = sent_offer (p, "OFF-1", "CONS-1", 2026, 4, 1, 2026, 6, 30);
      g_autofree char *expected = g_strdup_printf ("%s: note %u", cases[i].nick, i);
      g_autofree char *note = g_strdup_printf ("note %u", i);

      ASSERT_OK (decline (offer, 2026, 4, 2, cases[i].reason, note, &error));
      g_assert_cmpint (aff_offer_get_loss_reason (offer), ==, cases[i].reason);
      assert_last_state_change (p, "CONS-1", "offer-sent", "lost", "2026-04-02", expected);
    }
}

static void
test_decline_refused_from_draft (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = draft_offer (p, "OFF-1", "CONS-1", 2026, 6, 30);
  AffConsultation *k = aff_portfolio_lookup_consultation (p, "CONS-1");
  guint n = aff_journal_get_n_entries (aff_portfolio_get_journal (p));

  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION,
                decline (offer, 2026, 4, 20, AFF_LOSS_REASON_PRICE, "trop cher", &error));
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_DRAFT);
  g_assert_cmpint (aff_offer_get_loss_reason (offer), ==, AFF_LOSS_REASON_OTHER);
  assert_not_closed (offer);
  g_assert_cmpint (aff_consultation_get_state (k), ==, AFF_CONSULTATION_STATE_GO);
  g_assert_cmpuint (aff_journal_get_n_entries (aff_portfolio_get_journal (p)), ==, n);
  g_assert_null (find_last_entry (p, "offer", "OFF-1", "declined"));

  /* expire from DRAFT: SENT only */
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, expire (offer, 2026, 7, 1, &error));
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_DRAFT);
  g_assert_cmpuint (aff_journal_get_n_entries (aff_portfolio_get_journal (p)), ==, n);
}

/* --- withdraw ------------------------------------------------------------ */

static void
test_withdraw_from_draft (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *on_go = draft_offer (p, "OFF-2", "CONS-2", 2026, 6, 30);
  AffOffer *on_qualifying = draft_offer (p, "OFF-4", "CONS-4", 2026, 6, 30);
  AffConsultation *k2 = aff_portfolio_lookup_consultation (p, "CONS-2");
  AffConsultation *k4 = aff_portfolio_lookup_consultation (p, "CONS-4");

  /* the consultation is GO: abandoned */
  ASSERT_OK (withdraw (on_go, 2026, 4, 8, "plan de charge", &error));
  g_assert_cmpint (aff_offer_get_state (on_go), ==, AFF_OFFER_STATE_WITHDRAWN);
  assert_closed_on (on_go, 2026, 4, 8);
  g_assert_cmpint (aff_offer_get_loss_reason (on_go), ==, AFF_LOSS_REASON_OTHER);
  g_assert_cmpint (aff_consultation_get_state (k2), ==, AFF_CONSULTATION_STATE_ABANDONED);
  assert_state_date (k2, AFF_CONSULTATION_STATE_ABANDONED, 2026, 4, 8);
  assert_last_state_change (p, "CONS-2", "go", "abandoned", "2026-04-08", NULL);
  g_assert_cmpuint (count_entries (p, "offer", "OFF-2", "withdrawn"), ==, 1);

  /* the consultation is QUALIFYING: it stays so */
  ASSERT_OK (withdraw (on_qualifying, 2026, 4, 9, "doublon", &error));
  g_assert_cmpint (aff_offer_get_state (on_qualifying), ==, AFF_OFFER_STATE_WITHDRAWN);
  assert_closed_on (on_qualifying, 2026, 4, 9);
  g_assert_cmpint (aff_consultation_get_state (k4), ==, AFF_CONSULTATION_STATE_QUALIFYING);
  g_assert_cmpuint (count_entries (p, "consultation", "CONS-4", "state-changed"), ==, 1);  /* the qualification */
  g_assert_cmpuint (count_entries (p, "offer", "OFF-4", "withdrawn"), ==, 1);

  /* twice: refused */
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, withdraw (on_go, 2026, 4, 10, "encore", &error));
  assert_closed_on (on_go, 2026, 4, 8);
  g_assert_cmpuint (count_entries (p, "offer", "OFF-2", "withdrawn"), ==, 1);
  /* nor declined, nor sent */
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION,
                decline (on_go, 2026, 4, 10, AFF_LOSS_REASON_PRICE, NULL, &error));
  {
    g_autoptr(GDate) d = day (2026, 4, 10);

    ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_offer_send (on_go, d, &error));
  }
  g_assert_cmpint (aff_offer_get_state (on_go), ==, AFF_OFFER_STATE_WITHDRAWN);
  verify_journal (p);
}

static void
test_withdraw_from_sent_and_negotiation (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *o1 = sent_offer (p, "OFF-1", "CONS-1", 2026, 4, 1, 2026, 6, 30);
  AffOffer *o2 = sent_offer (p, "OFF-2", "CONS-2", 2026, 4, 2, 2026, 6, 30);
  AffConsultation *k1 = aff_portfolio_lookup_consultation (p, "CONS-1");
  AffConsultation *k2 = aff_portfolio_lookup_consultation (p, "CONS-2");

  ASSERT_OK (withdraw (o1, 2026, 4, 15, "erreur de chiffrage", &error));
  g_assert_cmpint (aff_offer_get_state (o1), ==, AFF_OFFER_STATE_WITHDRAWN);
  assert_closed_on (o1, 2026, 4, 15);
  g_assert_cmpint (aff_consultation_get_state (k1), ==, AFF_CONSULTATION_STATE_ABANDONED);
  assert_state_date (k1, AFF_CONSULTATION_STATE_ABANDONED, 2026, 4, 15);
  assert_last_state_change (p, "CONS-1", "offer-sent", "abandoned", "2026-04-15", NULL);
  g_assert_cmpuint (count_entries (p, "offer", "OFF-1", "withdrawn"), ==, 1);
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, expire (o1, 2026, 7, 1, &error));

  revise (o2);
  ASSERT_OK (withdraw (o2, 2026, 5, 2, NULL, &error));
  g_assert_cmpint (aff_offer_get_state (o2), ==, AFF_OFFER_STATE_WITHDRAWN);
  assert_closed_on (o2, 2026, 5, 2);
  g_assert_cmpint (aff_consultation_get_state (k2), ==, AFF_CONSULTATION_STATE_ABANDONED);
  assert_state_date (k2, AFF_CONSULTATION_STATE_ABANDONED, 2026, 5, 2);
  g_assert_cmpuint (count_entries (p, "offer", "OFF-2", "withdrawn"), ==, 1);
  verify_journal (p);
}

static void
test_withdraw_refused_when_declined (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = sent_offer (p, "OFF-1", "CONS-1", 2026, 4, 1, 2026, 6, 30);
  AffConsultation *k = aff_portfolio_lookup_consultation (p, "CONS-1");

  ASSERT_OK (decline (offer, 2026, 4, 20, AFF_LOSS_REASON_RELATIONSHIP, "fournisseur historique", &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, withdraw (offer, 2026, 4, 21, "sans objet", &error));
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_DECLINED);
  assert_closed_on (offer, 2026, 4, 20);
  g_assert_cmpint (aff_consultation_get_state (k), ==, AFF_CONSULTATION_STATE_LOST);
  g_assert_null (find_last_entry (p, "offer", "OFF-1", "withdrawn"));
}

/* --- expire ---------------------------------------------------------------- */

static void
test_expire (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = sent_offer (p, "OFF-1", "CONS-1", 2026, 4, 1, 2026, 6, 30);
  AffConsultation *k = aff_portfolio_lookup_consultation (p, "CONS-1");
  guint n = aff_journal_get_n_entries (aff_portfolio_get_journal (p));

  /* on or before the validity day: refused */
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, expire (offer, 2026, 4, 20, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, expire (offer, 2026, 6, 29, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, expire (offer, 2026, 6, 30, &error));
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_SENT);
  assert_not_closed (offer);
  g_assert_cmpint (aff_consultation_get_state (k), ==, AFF_CONSULTATION_STATE_OFFER_SENT);
  g_assert_cmpuint (aff_journal_get_n_entries (aff_portfolio_get_journal (p)), ==, n);

  /* the day after */
  ASSERT_OK (expire (offer, 2026, 7, 1, &error));
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_EXPIRED);
  assert_closed_on (offer, 2026, 7, 1);
  g_assert_cmpint (aff_consultation_get_state (k), ==, AFF_CONSULTATION_STATE_LOST);
  assert_state_date (k, AFF_CONSULTATION_STATE_LOST, 2026, 7, 1);
  assert_last_state_change (p, "CONS-1", "offer-sent", "lost", "2026-07-01", "expired");
  g_assert_cmpuint (count_entries (p, "offer", "OFF-1", "expired"), ==, 1);

  /* only once; nor declined nor withdrawn afterwards */
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, expire (offer, 2026, 7, 2, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION,
                decline (offer, 2026, 7, 2, AFF_LOSS_REASON_NO_DECISION, NULL, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, withdraw (offer, 2026, 7, 2, "trop tard", &error));
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_EXPIRED);
  assert_closed_on (offer, 2026, 7, 1);
  g_assert_cmpuint (count_entries (p, "offer", "OFF-1", "expired"), ==, 1);
  verify_journal (p);
}

static void
test_expire_current_revision (void)
{
  /* A valid until 2026-06-30, B (sent 2026-04-10) until 2026-07-31: the
   * current revision's validity counts. */
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = sent_offer (p, "OFF-1", "CONS-1", 2026, 4, 1, 2026, 6, 30);
  AffConsultation *k = aff_portfolio_lookup_consultation (p, "CONS-1");
  g_autoptr(GDate) v = day (2026, 7, 31);

  revise (offer);
  /* NEGOTIATION: SENT only */
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, expire (offer, 2026, 8, 1, &error));
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_NEGOTIATION);
  ASSERT_OK (aff_offer_revision_set_validity (aff_offer_get_current_revision (offer), v, &error));
  send (offer, 2026, 4, 10);
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, expire (offer, 2026, 7, 1, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, expire (offer, 2026, 7, 31, &error));
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_SENT);
  ASSERT_OK (expire (offer, 2026, 8, 1, &error));
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_EXPIRED);
  assert_closed_on (offer, 2026, 8, 1);
  assert_state_date (k, AFF_CONSULTATION_STATE_LOST, 2026, 8, 1);
}

/* --- reminders ------------------------------------------------------------- */

static void
test_reminders_timeline (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();

  sent_offer (p, "OFF-1", "CONS-1", 2026, 4, 1, 2026, 6, 30);
  reminders_are (p, 2026, 3, 31, 0);
  reminders_are (p, 2026, 4, 1, 0);
  reminders_are (p, 2026, 4, 10, 0);                         /* S + 9 */
  reminders_are (p, 2026, 4, 11, 1, "OFF-1", FIRST, 2026, 4, 11);
  reminders_are (p, 2026, 4, 21, 1, "OFF-1", FIRST, 2026, 4, 11);
  reminders_are (p, 2026, 4, 22, 1, "OFF-1", SECOND, 2026, 4, 22);
  reminders_are (p, 2026, 6, 26, 1, "OFF-1", SECOND, 2026, 4, 22);
  reminders_are (p, 2026, 6, 27, 1, "OFF-1", ENDING, 2026, 6, 27);
  reminders_are (p, 2026, 6, 30, 1, "OFF-1", ENDING, 2026, 6, 27);
  reminders_are (p, 2026, 7, 1, 1, "OFF-1", EXPIRED, 0, 0, 0);
  reminders_are (p, 2026, 12, 31, 1, "OFF-1", EXPIRED, 0, 0, 0);
}

static void
test_reminders_cleared_by_interactions (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();

  sent_offer (p, "OFF-1", "CONS-1", 2026, 4, 1, 2026, 6, 30);

  /* before the due date: clears nothing */
  record_call (p, "acme", 2026, 4, 5);
  reminders_are (p, 2026, 4, 11, 1, "OFF-1", FIRST, 2026, 4, 11);
  /* another client's interaction: clears nothing */
  record_call (p, "beta", 2026, 4, 11);
  reminders_are (p, 2026, 4, 11, 1, "OFF-1", FIRST, 2026, 4, 11);
  /* on the due date: cleared from that day */
  record_call (p, "acme", 2026, 4, 12);
  reminders_are (p, 2026, 4, 11, 1, "OFF-1", FIRST, 2026, 4, 11);   /* the call is later */
  reminders_are (p, 2026, 4, 12, 0);
  reminders_are (p, 2026, 4, 21, 0);
  /* the second one falls due anyway */
  reminders_are (p, 2026, 4, 22, 1, "OFF-1", SECOND, 2026, 4, 22);
  /* an interaction on its very due date clears it */
  record_call (p, "acme", 2026, 4, 22);
  reminders_are (p, 2026, 4, 22, 0);
  reminders_are (p, 2026, 6, 26, 0);
  reminders_are (p, 2026, 6, 27, 1, "OFF-1", ENDING, 2026, 6, 27);
  record_call (p, "acme", 2026, 6, 30);
  reminders_are (p, 2026, 6, 29, 1, "OFF-1", ENDING, 2026, 6, 27);
  reminders_are (p, 2026, 6, 30, 0);
  /* EXPIRED is not cleared by an interaction */
  record_call (p, "acme", 2026, 7, 1);
  reminders_are (p, 2026, 7, 1, 1, "OFF-1", EXPIRED, 0, 0, 0);
}

static void
test_reminders_only_sent (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *declined, *withdrawn, *expired;

  draft_offer (p, "OFF-4", "CONS-4", 2026, 6, 30);                          /* DRAFT */
  revise (sent_offer (p, "OFF-1", "CONS-1", 2026, 4, 1, 2026, 6, 30));    /* NEGOTIATION */
  declined = sent_offer (p, "OFF-2", "CONS-2", 2026, 4, 1, 2026, 6, 30);
  ASSERT_OK (decline (declined, 2026, 4, 5, AFF_LOSS_REASON_PRICE, NULL, &error));
  withdrawn = sent_offer (p, "OFF-3", "CONS-3", 2026, 4, 1, 2026, 6, 30);
  ASSERT_OK (withdraw (withdrawn, 2026, 4, 5, "erreur", &error));
  expired = sent_offer (p, "OFF-5", "CONS-5", 2026, 4, 1, 2026, 5, 10);
  reminders_are (p, 2026, 5, 11, 1, "OFF-5", EXPIRED, 0, 0, 0);
  ASSERT_OK (expire (expired, 2026, 5, 11, &error));

  reminders_are (p, 2026, 4, 11, 0);
  reminders_are (p, 2026, 4, 22, 0);
  reminders_are (p, 2026, 6, 27, 0);
  reminders_are (p, 2026, 7, 1, 0);
}

static void
test_reminders_latest_sending (void)
{
  /* sent on 2026-04-01, revised, B sent on 2026-04-10 valid until 2026-07-31:
   * S = 2026-04-10: FIRST 04-20, SECOND 05-01, VALIDITY_ENDING 07-28. */
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = sent_offer (p, "OFF-1", "CONS-1", 2026, 4, 1, 2026, 6, 30);
  g_autoptr(GDate) v = day (2026, 7, 31);

  revise (offer);
  reminders_are (p, 2026, 4, 11, 0);                   /* NEGOTIATION: not awaiting an answer */
  ASSERT_OK (aff_offer_revision_set_validity (aff_offer_get_current_revision (offer), v, &error));
  send (offer, 2026, 4, 10);
  reminders_are (p, 2026, 4, 19, 0);
  reminders_are (p, 2026, 4, 20, 1, "OFF-1", FIRST, 2026, 4, 20);
  reminders_are (p, 2026, 5, 1, 1, "OFF-1", SECOND, 2026, 5, 1);
  reminders_are (p, 2026, 7, 1, 1, "OFF-1", SECOND, 2026, 5, 1);   /* A's validity no longer counts */
  reminders_are (p, 2026, 7, 28, 1, "OFF-1", ENDING, 2026, 7, 28);
  reminders_are (p, 2026, 8, 1, 1, "OFF-1", EXPIRED, 0, 0, 0);
}

static void
test_reminders_ordering (void)
{
  /* Added in the order OFF-3, OFF-1, OFF-2.
   *   OFF-2 (acme) sent 03-31, V 06-30: FIRST 04-10, SECOND 04-21, ENDING 06-27
   *   OFF-1 (acme) sent 04-01, V 06-30: FIRST 04-11, SECOND 04-22, ENDING 06-27
   *   OFF-3 (beta) sent 04-01, V 05-10: FIRST 04-11, SECOND 04-22, ENDING 05-07 */
  g_autoptr(AffPortfolio) p = new_portfolio ();

  sent_offer (p, "OFF-3", "CONS-3", 2026, 4, 1, 2026, 5, 10);
  sent_offer (p, "OFF-1", "CONS-1", 2026, 4, 1, 2026, 6, 30);
  sent_offer (p, "OFF-2", "CONS-2", 2026, 3, 31, 2026, 6, 30);

  reminders_are (p, 2026, 4, 10, 1, "OFF-2", FIRST, 2026, 4, 10);
  reminders_are (p, 2026, 4, 13, 3,
                 "OFF-2", FIRST, 2026, 4, 10,
                 "OFF-1", FIRST, 2026, 4, 11,
                 "OFF-3", FIRST, 2026, 4, 11);
  reminders_are (p, 2026, 4, 21, 3,
                 "OFF-1", FIRST, 2026, 4, 11,
                 "OFF-3", FIRST, 2026, 4, 11,
                 "OFF-2", SECOND, 2026, 4, 21);
  reminders_are (p, 2026, 5, 7, 3,
                 "OFF-2", SECOND, 2026, 4, 21,
                 "OFF-1", SECOND, 2026, 4, 22,
                 "OFF-3", ENDING, 2026, 5, 7);
  reminders_are (p, 2026, 5, 11, 3,
                 "OFF-2", SECOND, 2026, 4, 21,
                 "OFF-1", SECOND, 2026, 4, 22,
                 "OFF-3", EXPIRED, 0, 0, 0);
  reminders_are (p, 2026, 6, 27, 3,
                 "OFF-3", EXPIRED, 0, 0, 0,       /* due 05-10 or 05-11: before 06-27 either way */
                 "OFF-1", ENDING, 2026, 6, 27,
                 "OFF-2", ENDING, 2026, 6, 27);

  /* an acme call on 04-21 clears OFF-1's FIRST and OFF-2's SECOND, not OFF-3's */
  record_call (p, "acme", 2026, 4, 21);
  reminders_are (p, 2026, 4, 21, 1, "OFF-3", FIRST, 2026, 4, 11);
}

static void
test_reminders_settings (void)
{
  /* OFF-1 sent 2026-04-01, valid until 2026-06-30 in every case. */
  {
    /* first disabled: nothing until the second (even on S, S + 0) */
    g_autoptr(AffPortfolio) p = new_portfolio ();

    aff_policy_set_offer_reminder_days (aff_portfolio_get_policy (p), 0);
    sent_offer (p, "OFF-1", "CONS-1", 2026, 4, 1, 2026, 6, 30);
    reminders_are (p, 2026, 4, 1, 0);
    reminders_are (p, 2026, 4, 11, 0);
    reminders_are (p, 2026, 4, 21, 0);
    reminders_are (p, 2026, 4, 22, 1, "OFF-1", SECOND, 2026, 4, 22);
  }
  {
    /* second disabled: the first stays until the validity warning */
    g_autoptr(AffPortfolio) p = new_portfolio ();

    aff_policy_set_offer_second_reminder_days (aff_portfolio_get_policy (p), 0);
    sent_offer (p, "OFF-1", "CONS-1", 2026, 4, 1, 2026, 6, 30);
    reminders_are (p, 2026, 4, 22, 1, "OFF-1", FIRST, 2026, 4, 11);
    reminders_are (p, 2026, 6, 26, 1, "OFF-1", FIRST, 2026, 4, 11);
    reminders_are (p, 2026, 6, 27, 1, "OFF-1", ENDING, 2026, 6, 27);
  }
  {
    /* warning disabled: EXPIRED still comes */
    g_autoptr(AffPortfolio) p = new_portfolio ();

    aff_policy_set_validity_warning_days (aff_portfolio_get_policy (p), 0);
    sent_offer (p, "OFF-1", "CONS-1", 2026, 4, 1, 2026, 6, 30);
    reminders_are (p, 2026, 6, 27, 1, "OFF-1", SECOND, 2026, 4, 22);
    reminders_are (p, 2026, 6, 30, 1, "OFF-1", SECOND, 2026, 4, 22);
    reminders_are (p, 2026, 7, 1, 1, "OFF-1", EXPIRED, 0, 0, 0);
  }
  {
    /* all disabled */
    g_autoptr(AffPortfolio) p = new_portfolio ();
    AffPolicy *policy = aff_portfolio_get_policy (p);

    aff_policy_set_offer_reminder_days (policy, 0);
    aff_policy_set_offer_second_reminder_days (policy, 0);
    aff_policy_set_validity_warning_days (policy, 0);
    sent_offer (p, "OFF-1", "CONS-1", 2026, 4, 1, 2026, 6, 30);
    reminders_are (p, 2026, 4, 1, 0);
    reminders_are (p, 2026, 6, 30, 0);
    reminders_are (p, 2026, 7, 1, 1, "OFF-1", EXPIRED, 0, 0, 0);
  }
  {
    /* other values: first 5 -> 04-06, second 30 -> 05-01, warning 10 -> 06-20 */
    g_autoptr(AffPortfolio) p = new_portfolio ();
    AffPolicy *policy = aff_portfolio_get_policy (p);

    aff_policy_set_offer_reminder_days (policy, 5);
    aff_policy_set_offer_second_reminder_days (policy, 30);
    aff_policy_set_validity_warning_days (policy, 10);
    sent_offer (p, "OFF-1", "CONS-1", 2026, 4, 1, 2026, 6, 30);
    reminders_are (p, 2026, 4, 5, 0);
    reminders_are (p, 2026, 4, 6, 1, "OFF-1", FIRST, 2026, 4, 6);
    reminders_are (p, 2026, 4, 30, 1, "OFF-1", FIRST, 2026, 4, 6);
    reminders_are (p, 2026, 5, 1, 1, "OFF-1", SECOND, 2026, 5, 1);
    reminders_are (p, 2026, 6, 19, 1, "OFF-1", SECOND, 2026, 5, 1);
    reminders_are (p, 2026, 6, 20, 1, "OFF-1", ENDING, 2026, 6, 20);
  }
  {
    /* the latest by due date, whatever the kind: second 28 -> 04-29 comes
     * after the validity warning 05-01 - 3 = 04-28 */
    g_autoptr(AffPortfolio) p = new_portfolio ();

    aff_policy_set_offer_second_reminder_days (aff_portfolio_get_policy (p), 28);
    sent_offer (p, "OFF-1", "CONS-1", 2026, 4, 1, 2026, 5, 1);
    reminders_are (p, 2026, 4, 27, 1, "OFF-1", FIRST, 2026, 4, 11);
    reminders_are (p, 2026, 4, 28, 1, "OFF-1", ENDING, 2026, 4, 28);
    reminders_are (p, 2026, 4, 29, 1, "OFF-1", SECOND, 2026, 4, 29);
    reminders_are (p, 2026, 5, 1, 1, "OFF-1", SECOND, 2026, 4, 29);
    reminders_are (p, 2026, 5, 2, 1, "OFF-1", EXPIRED, 0, 0, 0);
  }
}

/* --- save and reload -------------------------------------------------------- */

static void
assert_same_offer (AffOffer *x,
                   AffOffer *y)
{
  GDate dx, dy;
  gboolean cx, cy;

  g_assert_cmpstr (aff_offer_get_id (y), ==, aff_offer_get_id (x));
  g_assert_cmpint (aff_offer_get_state (y), ==, aff_offer_get_state (x));
  g_assert_cmpint (aff_offer_get_loss_reason (y), ==, aff_offer_get_loss_reason (x));
  g_date_clear (&dx, 1);
  g_date_clear (&dy, 1);
  cx = aff_offer_get_closed_date (x, &dx);
  cy = aff_offer_get_closed_date (y, &dy);
  g_assert_cmpint (cy, ==, cx);
  if (cx)
    g_assert_cmpint (g_date_compare (&dy, &dx), ==, 0);
}

static void
test_round_trip (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  g_autoptr(AffPortfolio) q = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  gsize length = 0, length2 = 0;
  AffOffer *o;

  aff_policy_set_offer_second_reminder_days (aff_portfolio_get_policy (p), 25);
  aff_policy_set_validity_warning_days (aff_portfolio_get_policy (p), 5);
  ASSERT_OK (decline (sent_offer (p, "OFF-1", "CONS-1", 2026, 4, 1, 2026, 6, 30),
                      2026, 4, 20, AFF_LOSS_REASON_TECHNICAL, "variante refusée", &error));
  ASSERT_OK (withdraw (sent_offer (p, "OFF-2", "CONS-2", 2026, 4, 1, 2026, 6, 30),
                       2026, 4, 21, "erreur", &error));
  ASSERT_OK (expire (sent_offer (p, "OFF-3", "CONS-3", 2026, 4, 1, 2026, 5, 10),
                     2026, 5, 11, &error));
  ASSERT_OK (withdraw (draft_offer (p, "OFF-4", "CONS-4", 2026, 6, 30), 2026, 4, 9, "doublon", &error));
  sent_offer (p, "OFF-5", "CONS-5", 2026, 4, 2, 2026, 6, 30);

  text = aff_portfolio_to_data (p, &length);
  g_assert_cmpuint (length, ==, strlen (text));
  q = aff_portfolio_new_from_data (text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (q);
  text2 = aff_portfolio_to_data (q, &length2);
  g_assert_cmpstr (text2, ==, text);

  g_assert_cmpuint (g_list_model_get_n_items (aff_portfolio_get_offers (q)), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(AffOffer) x = g_list_model_get_item (aff_portfolio_get_offers (p), i);
      g_autoptr(AffOffer) y = g_list_model_get_item (aff_portfolio_get_offers (q), i);

      assert_same_offer (x, y);
    }

  o = aff_portfolio_lookup_offer (q, "OFF-1");
  g_assert_cmpint (aff_offer_get_state (o), ==, AFF_OFFER_STATE_DECLINED);
  g_assert_cmpint (aff_offer_get_loss_reason (o), ==, AFF_LOSS_REASON_TECHNICAL);
  assert_closed_on (o, 2026, 4, 20);
  o = aff_portfolio_lookup_offer (q, "OFF-2");
  g_assert_cmpint (aff_offer_get_state (o), ==, AFF_OFFER_STATE_WITHDRAWN);
  assert_closed_on (o, 2026, 4, 21);
  o = aff_portfolio_lookup_offer (q, "OFF-3");
  g_assert_cmpint (aff_offer_get_state (o), ==, AFF_OFFER_STATE_EXPIRED);
  assert_closed_on (o, 2026, 5, 11);
  o = aff_portfolio_lookup_offer (q, "OFF-4");
  g_assert_cmpint (aff_offer_get_state (o), ==, AFF_OFFER_STATE_WITHDRAWN);
  assert_closed_on (o, 2026, 4, 9);
  o = aff_portfolio_lookup_offer (q, "OFF-5");
  g_assert_cmpint (aff_offer_get_state (o), ==, AFF_OFFER_STATE_SENT);
  assert_not_closed (o);

  g_assert_cmpint (aff_consultation_get_state (aff_portfolio_lookup_consultation (q, "CONS-1")), ==,
                   AFF_CONSULTATION_STATE_LOST);
  g_assert_cmpint (aff_consultation_get_state (aff_portfolio_lookup_consultation (q, "CONS-2")), ==,
                   AFF_CONSULTATION_STATE_ABANDONED);
  g_assert_cmpint (aff_consultation_get_state (aff_portfolio_lookup_consultation (q, "CONS-3")), ==,
                   AFF_CONSULTATION_STATE_LOST);
  g_assert_cmpint (aff_consultation_get_state (aff_portfolio_lookup_consultation (q, "CONS-4")), ==,
                   AFF_CONSULTATION_STATE_QUALIFYING);
  g_assert_cmpint (aff_consultation_get_state (aff_portfolio_lookup_consultation (q, "CONS-5")), ==,
                   AFF_CONSULTATION_STATE_OFFER_SENT);
  assert_state_date (aff_portfolio_lookup_consultation (q, "CONS-3"), AFF_CONSULTATION_STATE_LOST, 2026, 5, 11);
  assert_last_state_change (q, "CONS-1", "offer-sent", "lost", "2026-04-20", "technical: variante refusée");

  g_assert_cmpuint (aff_policy_get_offer_second_reminder_days (aff_portfolio_get_policy (q)), ==, 25);
  g_assert_cmpuint (aff_policy_get_validity_warning_days (aff_portfolio_get_policy (q)), ==, 5);

  /* OFF-5 (sent 04-02): FIRST 04-12, SECOND 04-27, ENDING 06-25, in both */
  reminders_are (p, 2026, 4, 12, 1, "OFF-5", FIRST, 2026, 4, 12);
  reminders_are (q, 2026, 4, 12, 1, "OFF-5", FIRST, 2026, 4, 12);
  reminders_are (q, 2026, 4, 27, 1, "OFF-5", SECOND, 2026, 4, 27);
  reminders_are (q, 2026, 6, 25, 1, "OFF-5", ENDING, 2026, 6, 25);

  g_assert_cmpuint (aff_journal_get_n_entries (aff_portfolio_get_journal (q)), ==,
                    aff_journal_get_n_entries (aff_portfolio_get_journal (p)));
  g_assert_cmpstr (aff_journal_get_head_hash (aff_portfolio_get_journal (q)), ==,
                   aff_journal_get_head_hash (aff_portfolio_get_journal (p)));
  verify_journal (q);

  /* the loaded offers go on */
  o = aff_portfolio_lookup_offer (q, "OFF-5");
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION,
                decline (aff_portfolio_lookup_offer (q, "OFF-1"), 2026, 7, 1, AFF_LOSS_REASON_PRICE, NULL, &error));
  ASSERT_OK (decline (o, 2026, 5, 2, AFF_LOSS_REASON_NO_DECISION, "projet reporté", &error));
  g_assert_cmpint (aff_offer_get_loss_reason (o), ==, AFF_LOSS_REASON_NO_DECISION);
  assert_last_state_change (q, "CONS-5", "offer-sent", "lost", "2026-05-02", "no-decision: projet reporté");
  reminders_are (q, 2026, 5, 2, 0);
  verify_journal (q);
}

/* The ids of the offers find_offers() returns, joined by spaces. */
static char *
found (AffPortfolio *p,
       const char   *client_id,
       const char   *state,
       const GDate  *from,
       const GDate  *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) offers = aff_portfolio_find_offers (p, client_id, state, from, to, &error);
  g_autoptr(GString) ids = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (offers);
  for (guint i = 0; i < offers->len; i++)
    g_string_append_printf (ids, "%s%s", i ? " " : "", aff_offer_get_id (g_ptr_array_index (offers, i)));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

#define ASSERT_FOUND(expected, ...)                                           \
  G_STMT_START {                                                              \
    g_autofree char *ids_ = found (p, __VA_ARGS__);                           \
    g_assert_cmpstr (ids_, ==, (expected));                                   \
  } G_STMT_END

/* OFF-1 (acme) sent 2026-04-01, OFF-2 (acme) sent 2026-04-10, OFF-3 (beta)
 * sent 2026-04-05, OFF-5 (acme) never sent. */
static void
test_find_offers (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  g_autoptr(GDate) apr1 = day (2026, 4, 1);
  g_autoptr(GDate) apr2 = day (2026, 4, 2);
  g_autoptr(GDate) apr10 = day (2026, 4, 10);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;

  send (draft_offer (p, "OFF-1", "CONS-1", 2026, 6, 30), 2026, 4, 1);
  send (draft_offer (p, "OFF-2", "CONS-2", 2026, 6, 30), 2026, 4, 10);
  send (draft_offer (p, "OFF-3", "CONS-3", 2026, 6, 30), 2026, 4, 5);
  draft_offer (p, "OFF-5", "CONS-5", 2026, 6, 30);

  ASSERT_FOUND ("OFF-1 OFF-2 OFF-3 OFF-5", NULL, NULL, NULL, NULL);
  ASSERT_FOUND ("OFF-1 OFF-2 OFF-5", "acme", NULL, NULL, NULL);
  ASSERT_FOUND ("OFF-3", "beta", NULL, NULL, NULL);
  ASSERT_FOUND ("", "zeta", NULL, NULL, NULL);
  ASSERT_FOUND ("OFF-1 OFF-2 OFF-3", NULL, "sent", NULL, NULL);
  ASSERT_FOUND ("OFF-5", NULL, "draft", NULL, NULL);
  ASSERT_FOUND ("", NULL, "accepted", NULL, NULL);
  /* Bounds are inclusive; an offer never sent has no date to match. */
  ASSERT_FOUND ("OFF-2 OFF-3", NULL, NULL, apr2, apr10);
  ASSERT_FOUND ("OFF-1", NULL, NULL, NULL, apr1);
  ASSERT_FOUND ("OFF-2 OFF-3", NULL, NULL, apr2, NULL);
  ASSERT_FOUND ("OFF-2", "acme", "sent", apr2, NULL);

  none = aff_portfolio_find_offers (p, NULL, "open", NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "open"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/offer-followup/policy/defaults", test_policy_defaults);
  g_test_add_func ("/offer-followup/find-offers", test_find_offers);
  g_test_add_func ("/offer-followup/policy/journal", test_policy_journal);
  g_test_add_func ("/offer-followup/decline/from-sent", test_decline_from_sent);
  g_test_add_func ("/offer-followup/decline/from-negotiation", test_decline_from_negotiation);
  g_test_add_func ("/offer-followup/decline/each-reason", test_decline_each_reason);
  g_test_add_func ("/offer-followup/decline/refused-from-draft", test_decline_refused_from_draft);
  g_test_add_func ("/offer-followup/withdraw/from-draft", test_withdraw_from_draft);
  g_test_add_func ("/offer-followup/withdraw/from-sent-and-negotiation", test_withdraw_from_sent_and_negotiation);
  g_test_add_func ("/offer-followup/withdraw/refused-when-declined", test_withdraw_refused_when_declined);
  g_test_add_func ("/offer-followup/expire", test_expire);
  g_test_add_func ("/offer-followup/expire/current-revision", test_expire_current_revision);
  g_test_add_func ("/offer-followup/reminders/timeline", test_reminders_timeline);
  g_test_add_func ("/offer-followup/reminders/interactions", test_reminders_cleared_by_interactions);
  g_test_add_func ("/offer-followup/reminders/only-sent", test_reminders_only_sent);
  g_test_add_func ("/offer-followup/reminders/latest-sending", test_reminders_latest_sending);
  g_test_add_func ("/offer-followup/reminders/ordering", test_reminders_ordering);
  g_test_add_func ("/offer-followup/reminders/settings", test_reminders_settings);
  g_test_add_func ("/offer-followup/round-trip", test_round_trip);

  return g_test_run ();
}
