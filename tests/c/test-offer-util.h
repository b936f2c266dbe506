/* test-offer-util.h: the fixtures the offer and affair tests share
 *
 * Every consultation here is received 2026-03-02 with a deadline of
 * 2026-04-15, qualified 2026-03-03 and evaluated 2026-03-05; without a
 * solvency assessment the evaluation is NO_GO and the management decides GO
 * anyway. The portfolio's clock is fixed at 2026-04-01 09:00 UTC.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <affaires.h>

#include "test-util.h"

/* `call` uses `&error`; it must succeed. */
#define ASSERT_OK(call)                                                       \
  G_STMT_START {                                                              \
    GError *error = NULL;                                                     \
    gboolean ok_ = (call);                                                    \
    g_assert_no_error (error);                                                \
    g_assert_true (ok_);                                                      \
  } G_STMT_END

/* `call` uses `&error`; it must fail with `code`. */
#define ASSERT_FAILS(code, call)                                              \
  G_STMT_START {                                                              \
    GError *error = NULL;                                                     \
    gboolean ok_ = (call);                                                    \
    g_assert_error (error, AFF_ERROR, (code));                                \
    g_assert_false (ok_);                                                     \
    g_assert_nonnull (error->message);                                        \
    g_assert_cmpstr (error->message, !=, "");                                 \
    g_clear_error (&error);                                                   \
  } G_STMT_END

G_GNUC_UNUSED static AffMoney *
money (const char *text)
{
  g_autoptr(GError) error = NULL;
  AffMoney *m = aff_money_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (m);
  return m;
}

/* A pipework consultation "Tuyauterie <id>"; with requirements, REQ-1
 * "Tubes inox" and REQ-2 "Soudure qualifiée"; decided GO when @go. */
G_GNUC_UNUSED static void
add_consultation_full (AffPortfolio       *p,
                       const char         *id,
                       const char         *client_id,
                       AffRegulatoryFlags  flags,
                       gboolean            with_requirements,
                       gboolean            go)
{
  g_autoptr(GDate) received = day (2026, 3, 2);
  g_autoptr(GDate) deadline = day (2026, 4, 15);
  g_autoptr(GDate) qualified = day (2026, 3, 3);
  g_autoptr(GDate) evaluated = day (2026, 3, 5);
  g_autofree char *title = g_strdup_printf ("Tuyauterie %s", id);
  g_autoptr(AffConsultation) k = aff_consultation_new (id, client_id, title, received, deadline);
  const char *activities[] = { "pipework", NULL };

  aff_consultation_set_activities (k, activities);
  aff_consultation_set_regulatory_flags (k, flags);
  ASSERT_OK (aff_portfolio_add_consultation (p, k, &error));
  if (with_requirements)
    {
      g_assert_cmpstr (aff_consultation_add_requirement (k, "Tubes inox"), ==, "REQ-1");
      g_assert_cmpstr (aff_consultation_add_requirement (k, "Soudure qualifiée"), ==, "REQ-2");
    }
  ASSERT_OK (aff_consultation_start_qualification (k, qualified, "analysis", &error));
  if (go)
    {
      g_autoptr(GError) evaluation_error = NULL;
      g_autoptr(AffBidEvaluation) evaluation = aff_portfolio_evaluate_consultation (p, id, evaluated, &evaluation_error);

      g_assert_no_error (evaluation_error);
      g_assert_nonnull (evaluation);
      ASSERT_OK (aff_portfolio_decide_consultation (p, id, AFF_BID_VERDICT_GO, "Direction",
                                                    "client stratégique", &error));
      g_assert_cmpint (aff_consultation_get_state (k), ==, AFF_CONSULTATION_STATE_GO);
    }
}

/* A portfolio acting as Claire Martin, its clock fixed, the company doing
 * pipework, with the client acme "ACME Industrie". */
G_GNUC_UNUSED static AffPortfolio *
new_base_portfolio (void)
{
  AffPortfolio *p = aff_portfolio_new ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 4, 1, 9, 0, 0);
  g_autoptr(AffClient) acme = aff_client_new ("acme", "ACME Industrie");
  const char *activities[] = { "pipework", NULL };

  aff_portfolio_set_actor (p, "Claire Martin");
  aff_portfolio_set_fixed_time (p, now);
  aff_policy_set_activities (aff_portfolio_get_policy (p), activities);
  ASSERT_OK (aff_portfolio_add_client (p, acme, &error));
  return p;
}

/* Adds the client beta "Beta Chimie". */
G_GNUC_UNUSED static void
add_client_beta (AffPortfolio *p)
{
  g_autoptr(AffClient) beta = aff_client_new ("beta", "Beta Chimie");

  ASSERT_OK (aff_portfolio_add_client (p, beta, &error));
}

/* Adds a cost line of @quantity @unit at @cost ("50.00 EUR") in @lot. */
G_GNUC_UNUSED static void
add_cost_line (AffOfferRevision *rev,
               AffLineKind       kind,
               const char       *description,
               const char       *quantity,
               AffLineUnit       unit,
               const char       *cost,
               const char       *lot)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffMoney) unit_cost = money (cost);
  g_autoptr(AffOfferLine) line = aff_offer_line_new (kind, description, quantity, unit, unit_cost, &error);

  g_assert_no_error (error);
  g_assert_nonnull (line);
  aff_offer_line_set_lot (line, lot);
  ASSERT_OK (aff_offer_revision_add_line (rev, line, &error));
}

G_GNUC_UNUSED static void
send (AffOffer *offer,
      int y, int m, int d)
{
  g_autoptr(GDate) date = day (y, m, d);

  ASSERT_OK (aff_offer_send (offer, date, &error));
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_SENT);
}

G_GNUC_UNUSED static void
assert_closed_on (AffOffer *offer,
                  int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (aff_offer_get_closed_date (offer, &date));
  assert_date (&date, y, m, d);
}

G_GNUC_UNUSED static void
assert_not_closed (AffOffer *offer)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_false (aff_offer_get_closed_date (offer, &date));
}

G_GNUC_UNUSED static void
assert_state_date (AffConsultation      *k,
                   AffConsultationState  state,
                   int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (aff_consultation_get_state_date (k, state, &date));
  assert_date (&date, y, m, d);
}

G_GNUC_UNUSED static AffJournalEntry *
find_last_entry (AffPortfolio *p,
                 const char   *kind,
                 const char   *id,
                 const char   *action)
{
  g_autoptr(GPtrArray) entries = aff_journal_list_entries_for (aff_portfolio_get_journal (p), kind, id);
  AffJournalEntry *found = NULL;

  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (aff_journal_entry_get_action (g_ptr_array_index (entries, i)), action) == 0)
      found = g_ptr_array_index (entries, i);
  return found;
}

G_GNUC_UNUSED static AffJournalEntry *
last_entry (AffPortfolio *p,
            const char   *kind,
            const char   *id,
            const char   *action)
{
  AffJournalEntry *found = find_last_entry (p, kind, id, action);

  g_assert_nonnull (found);
  return found;
}

G_GNUC_UNUSED static guint
count_entries (AffPortfolio *p,
               const char   *kind,
               const char   *id,
               const char   *action)
{
  g_autoptr(GPtrArray) entries = aff_journal_list_entries_for (aff_portfolio_get_journal (p), kind, id);
  guint n = 0;

  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (aff_journal_entry_get_action (g_ptr_array_index (entries, i)), action) == 0)
      n++;
  return n;
}

G_GNUC_UNUSED static void
assert_detail (AffJournalEntry *entry,
               const char      *key,
               const char      *expected)
{
  g_autofree char *value = aff_journal_entry_dup_detail (entry, key);

  g_assert_cmpstr (value, ==, expected);
}

G_GNUC_UNUSED static void
verify_journal (AffPortfolio *p)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aff_journal_verify (aff_portfolio_get_journal (p), &error));
  g_assert_no_error (error);
}

/* A portfolio with the affair OFF-1 of ACME, accepted and signed on
 * Mon 20 Apr 2026: 20 h of TIG welding at 60 EUR, 15 % margin, 56 working
 * days of lead time. */
G_GNUC_UNUSED static AffPortfolio *
new_affair_portfolio (AffAffair **affair)
{
  AffPortfolio *p = new_base_portfolio ();
  g_autoptr(AffOffer) offer = aff_offer_new ("OFF-1", "CONS-1");
  g_autoptr(GDate) validity = day (2026, 6, 30);
  g_autoptr(GDate) signed_on = day (2026, 4, 20);
  AffOfferRevision *rev;

  add_consultation_full (p, "CONS-1", "acme", AFF_REGULATORY_FLAGS_NONE, FALSE, TRUE);
  ASSERT_OK (aff_portfolio_add_offer (p, offer, &error));
  rev = aff_offer_get_current_revision (offer);
  add_cost_line (rev, AFF_LINE_KIND_LABOUR, "Soudure TIG", "20", AFF_LINE_UNIT_HOUR, "60.00 EUR", "lot-1");
  ASSERT_OK (aff_offer_revision_set_margin_rate (rev, 1500, &error));
  ASSERT_OK (aff_offer_revision_set_vat_rate (rev, 2000, &error));
  ASSERT_OK (aff_offer_revision_set_lead_time_days (rev, 56, &error));
  ASSERT_OK (aff_offer_revision_set_payment_terms (rev, 45, TRUE, &error));
  ASSERT_OK (aff_offer_revision_set_validity (rev, validity, &error));
  send (offer, 2026, 4, 1);
  ASSERT_OK (aff_offer_accept (offer, signed_on, "CT-2026-017", &error));
  *affair = aff_portfolio_lookup_affair (p, "OFF-1");
  g_assert_nonnull (*affair);
  return p;
}

/* Adds a cost entry of @amount ("50.00 EUR") to @ledger. */
G_GNUC_UNUSED static void
cost (AffLedger       *ledger,
      int y, int m, int d,
      const char      *work,
      AffCostCategory  category,
      AffCostState     state,
      const char      *amount,
      const char      *document,
      const char      *commitment)
{
  g_autoptr(GDate) date = day (y, m, d);
  g_autoptr(AffMoney) value = money (amount);
  g_autoptr(AffCostEntry) entry = aff_cost_entry_new (date, work, category, state, value);

  aff_cost_entry_set_document (entry, document);
  aff_cost_entry_set_commitment (entry, commitment);
  ASSERT_OK (aff_ledger_add (ledger, entry, &error));
}
