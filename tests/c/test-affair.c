/* test-affair.c: the acceptance of an offer (AffOffer.accept) and the affair
 * the portfolio creates from it (AffAffair, AffBudgetItem), the refused
 * cases, lookup_affair / get_affairs and the round trip.
 *
 * Every expected value is worked out by hand from the contract
 * (docs/rules.md, "Acceptance: the offer becomes an affair", with "Revisions"
 * for the pricing). Amounts are in minor units (cents for EUR).
 *
 * The fixtures:
 *   clients acme and beta, neither with a solvency assessment, so every
 *   evaluation is NO_GO and the management decides GO anyway with a
 *   justification (the consultation is GO, dated 2026-03-05).
 *   CONS-1, CONS-2 (acme) and CONS-3 (beta): received 2026-03-02, deadline
 *   2026-04-15, no requirement, no dangerous work, qualified 2026-03-03,
 *   evaluated 2026-03-05, decided GO. Default policy (overheads labour 3000,
 *   material 1000, subcontract 800, travel 500; floor margin 800; min
 *   validity 30 days).
 *
 * The full offer (revision A), validity 2026-06-30, sent 2026-04-01:
 *   L1 material    "Tubes inox DN50"  10 m    x   50.00 = 10000 x 5000 / 1000 =  50000  lot-1
 *   L2 labour      "Soudure TIG"      20 h    x   60.00 = 20000 x 6000 / 1000 = 120000  lot-1
 *   L3 subcontract "Radiographie"      1 lump x 1500.00 =                       150000  lot-2
 *   L4 material    "Brides DN50"      12.5 kg x   8.40 = 12500 x  840 / 1000 =  10500  lot-1
 *   L5 travel      "Déplacements"      3 d    x   95.50 =  3000 x 9550 / 1000 =  28650  no lot
 *   L6 labour      "Montage"          7.5 h   x   55.00 =  7500 x 5500 / 1000 =  41250  lot-2
 *   direct = 50000 + 120000 + 150000 + 10500 + 28650 + 41250 = 400400
 *   budget by (lot, kind) in order of first appearance:
 *     (lot-1, material)    50000 + 10500 = 60500
 *     (lot-1, labour)      120000
 *     (lot-2, subcontract) 150000
 *     (none,  travel)      28650
 *     (lot-2, labour)      41250            sum 400400 = direct
 *   overheads: labour (120000 + 41250) x 3000 / 10000 = 48375,
 *     material 60500 x 1000 / 10000 = 6050, subcontract 150000 x 800 / 10000
 *     = 12000, travel 28650 x 500 / 10000 = 1432.5 -> 1432 (half to even)
 *     -> 67857
 *   contingency 1000.00 = 100000; cost price 400400 + 67857 + 100000 = 568257
 *   margin rate 1500: selling 5682570000 / 8500 = 668537.65 -> 668538
 *     ("6685.38 EUR"); margin 100281, rate 1002810000 / 668538 = 1499.99 -> 1500
 *   VAT rate 1000, lead time 56 days, payment 45 days end of month, advance
 *   3000, progress billing, retention 300.
 * Revision B (revise, remove L6, margin 1200, lead time 70), sent 2026-04-10:
 *   direct 400400 - 41250 = 359150; overheads labour 120000 x 0.3 = 36000
 *   + 6050 + 12000 + 1432 = 55482; cost 359150 + 55482 + 100000 = 514632;
 *   selling 5146320000 / 8800 = 584809.09 -> 584809 ("5848.09 EUR").
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include <affaires.h>

#include "test-offer-util.h"

#define DIRECT_A 400400
#define OVERHEADS_A 67857
#define CONTINGENCY 100000
#define SELLING_A 668538
#define DIRECT_B 359150
#define OVERHEADS_B 55482
#define SELLING_B 584809

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
  return p;
}

/* The full offer of the header, ready to be sent (transfer none). */
static AffOffer *
full_offer (AffPortfolio *p,
            const char   *id,
            const char   *consultation_id)
{
  g_autoptr(AffOffer) offer = aff_offer_new (id, consultation_id);
  g_autoptr(AffMoney) contingency = money ("1000.00 EUR");
  g_autoptr(GDate) validity = day (2026, 6, 30);
  AffOfferRevision *rev;

  ASSERT_OK (aff_portfolio_add_offer (p, offer, &error));
  rev = aff_offer_get_current_revision (offer);
  g_assert_nonnull (rev);
  add_cost_line (rev, AFF_LINE_KIND_MATERIAL, "Tubes inox DN50", "10", AFF_LINE_UNIT_METRE, "50.00 EUR", "lot-1");
  add_cost_line (rev, AFF_LINE_KIND_LABOUR, "Soudure TIG", "20", AFF_LINE_UNIT_HOUR, "60.00 EUR", "lot-1");
  add_cost_line (rev, AFF_LINE_KIND_SUBCONTRACT, "Radiographie", "1", AFF_LINE_UNIT_LUMP_SUM, "1500.00 EUR", "lot-2");
  add_cost_line (rev, AFF_LINE_KIND_MATERIAL, "Brides DN50", "12.5", AFF_LINE_UNIT_KILOGRAM, "8.40 EUR", "lot-1");
  add_cost_line (rev, AFF_LINE_KIND_TRAVEL, "Déplacements", "3", AFF_LINE_UNIT_DAY, "95.50 EUR", NULL);
  add_cost_line (rev, AFF_LINE_KIND_LABOUR, "Montage", "7.5", AFF_LINE_UNIT_HOUR, "55.00 EUR", "lot-2");
  ASSERT_OK (aff_offer_revision_set_contingency (rev, contingency, &error));
  ASSERT_OK (aff_offer_revision_set_margin_rate (rev, 1500, &error));
  ASSERT_OK (aff_offer_revision_set_vat_rate (rev, 1000, &error));
  ASSERT_OK (aff_offer_revision_set_lead_time_days (rev, 56, &error));
  ASSERT_OK (aff_offer_revision_set_payment_terms (rev, 45, TRUE, &error));
  ASSERT_OK (aff_offer_revision_set_billing (rev, 3000, TRUE, 300, &error));
  ASSERT_OK (aff_offer_revision_set_validity (rev, validity, &error));
  g_assert_true (aff_portfolio_lookup_offer (p, id) == offer);
  return offer;
}

static AffOffer *
sent_offer (AffPortfolio *p,
            const char   *id,
            const char   *consultation_id)   /* transfer none */
{
  AffOffer *offer = full_offer (p, id, consultation_id);

  send (offer, 2026, 4, 1);
  return offer;
}

static gboolean
accept (AffOffer   *offer,
        int y, int m, int d,
        const char *reference,
        GError    **error)
{
  g_autoptr(GDate) date = day (y, m, d);

  return aff_offer_accept (offer, date, reference, error);
}

static gint64
minor (const AffMoney *m)
{
  g_assert_nonnull (m);
  g_assert_cmpstr (aff_money_get_currency (m), ==, "EUR");
  return aff_money_get_minor (m);
}

/* A money that may be NULL (none) as minor units, none = 0. */
static gint64
minor_or_zero (const AffMoney *m)
{
  return m == NULL ? 0 : minor (m);
}

static gint64
revision_minor (AffMoney *(*getter) (AffOfferRevision *, GError **),
                AffOfferRevision *rev)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffMoney) m = getter (rev, &error);

  g_assert_no_error (error);
  return minor (m);
}

static guint
n_entries (AffPortfolio *p)
{
  return aff_journal_get_n_entries (aff_portfolio_get_journal (p));
}

static void
assert_budget_item (GPtrArray   *budget,
                    guint        i,
                    const char  *lot,
                    AffLineKind  kind,
                    gint64       amount)
{
  AffBudgetItem *item;

  g_assert_cmpuint (i, <, budget->len);
  item = g_ptr_array_index (budget, i);
  g_assert_nonnull (item);
  g_assert_cmpstr (aff_budget_item_get_lot (item), ==, lot);
  g_assert_cmpint (aff_budget_item_get_kind (item), ==, kind);
  g_assert_cmpint (minor (aff_budget_item_get_amount (item)), ==, amount);
}

/* The affair of the full offer accepted on 2026-04-20 as "CT-2026-017"
 * from revision A. */
static void
assert_affair_a (AffAffair  *a,
                 const char *id,
                 const char *client_id,
                 const char *consultation_id)
{
  g_autoptr(GPtrArray) budget = NULL;   /* transfer container */

  g_assert_nonnull (a);
  g_assert_true (AFF_IS_AFFAIR (a));
  g_assert_cmpstr (aff_affair_get_id (a), ==, id);
  g_assert_cmpstr (aff_affair_get_offer_id (a), ==, id);
  g_assert_cmpstr (aff_affair_get_client_id (a), ==, client_id);
  g_assert_cmpstr (aff_affair_get_consultation_id (a), ==, consultation_id);
  g_assert_cmpstr (aff_affair_get_revision (a), ==, "A");
  g_assert_cmpstr (aff_affair_get_contract_reference (a), ==, "CT-2026-017");
  assert_date (aff_affair_get_signed_date (a), 2026, 4, 20);
  g_assert_cmpint (minor (aff_affair_get_contract_amount (a)), ==, SELLING_A);
  g_assert_cmpint (aff_affair_get_vat_rate (a), ==, 1000);
  g_assert_cmpuint (aff_affair_get_lead_time_days (a), ==, 56);
  g_assert_cmpuint (aff_affair_get_payment_days (a), ==, 45);
  g_assert_true (aff_affair_get_payment_end_of_month (a));
  g_assert_cmpint (aff_affair_get_advance_rate (a), ==, 3000);
  g_assert_true (aff_affair_get_progress_billing (a));
  g_assert_cmpint (aff_affair_get_retention_rate (a), ==, 300);

  budget = aff_affair_get_budget (a);
  g_assert_nonnull (budget);
  g_assert_cmpuint (budget->len, ==, 5);
  assert_budget_item (budget, 0, "lot-1", AFF_LINE_KIND_MATERIAL, 60500);
  assert_budget_item (budget, 1, "lot-1", AFF_LINE_KIND_LABOUR, 120000);
  assert_budget_item (budget, 2, "lot-2", AFF_LINE_KIND_SUBCONTRACT, 150000);
  assert_budget_item (budget, 3, NULL, AFF_LINE_KIND_TRAVEL, 28650);
  assert_budget_item (budget, 4, "lot-2", AFF_LINE_KIND_LABOUR, 41250);
  g_assert_cmpint (minor (aff_affair_get_budget_total (a)), ==, DIRECT_A);
  g_assert_cmpint (minor (aff_affair_get_overheads (a)), ==, OVERHEADS_A);
  g_assert_cmpint (minor (aff_affair_get_contingency (a)), ==, CONTINGENCY);
}

/* Nothing changed by a refused acceptance. */
static void
assert_no_affair (AffPortfolio *p,
                  const char   *id)
{
  g_assert_null (aff_portfolio_lookup_affair (p, id));
  g_assert_null (find_last_entry (p, "affair", id, "created"));
  g_assert_null (find_last_entry (p, "offer", id, "accepted"));
}

/* --- pricing of the fixture (the hand computation holds) ----------------- */

static void
test_fixture_pricing (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = full_offer (p, "OFF-1", "CONS-1");
  AffOfferRevision *rev = aff_offer_get_current_revision (offer);

  g_assert_cmpint (revision_minor (aff_offer_revision_get_direct_cost, rev), ==, DIRECT_A);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_overheads, rev), ==, OVERHEADS_A);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_cost_price, rev), ==, 568257);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_selling_price, rev), ==, SELLING_A);
  g_assert_null (aff_portfolio_lookup_affair (p, "OFF-1"));
  g_assert_cmpuint (g_list_model_get_n_items (aff_portfolio_get_affairs (p)), ==, 0);
}

/* --- acceptance from SENT ------------------------------------------------- */

typedef struct {
  guint         n;
  AffOfferState state;   /* the offer's state when it emitted */
} Fired;

static void
on_accepted (AffOffer *offer,
             gpointer  user_data)
{
  Fired *fired = user_data;

  fired->n++;
  fired->state = aff_offer_get_state (offer);
}

static void
test_accept_from_sent (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = sent_offer (p, "OFF-1", "CONS-1");
  AffConsultation *k = aff_portfolio_lookup_consultation (p, "CONS-1");
  AffJournalEntry *e, *created;
  Fired fired = { 0, AFF_OFFER_STATE_DRAFT };
  guint n_before;
  const char *details;

  g_signal_connect (offer, "accepted", G_CALLBACK (on_accepted), &fired);
  g_assert_cmpint (aff_consultation_get_state (k), ==, AFF_CONSULTATION_STATE_OFFER_SENT);
  assert_not_closed (offer);
  g_assert_null (aff_portfolio_lookup_affair (p, "OFF-1"));
  n_before = n_entries (p);

  ASSERT_OK (accept (offer, 2026, 4, 20, "CT-2026-017", &error));

  /* the offer */
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_ACCEPTED);
  assert_closed_on (offer, 2026, 4, 20);
  g_assert_cmpuint (fired.n, ==, 1);
  g_assert_cmpint (fired.state, ==, AFF_OFFER_STATE_ACCEPTED);

  /* the consultation: WON, dated, reason "contract <reference>" */
  g_assert_cmpint (aff_consultation_get_state (k), ==, AFF_CONSULTATION_STATE_WON);
  assert_state_date (k, AFF_CONSULTATION_STATE_WON, 2026, 4, 20);
  g_assert_false (aff_consultation_is_open (k));
  e = last_entry (p, "consultation", "CONS-1", "state-changed");
  assert_detail (e, "from", "offer-sent");
  assert_detail (e, "to", "won");
  assert_detail (e, "date", "2026-04-20");
  assert_detail (e, "reason", "contract CT-2026-017");

  /* the offer's journal: "accepted" */
  e = last_entry (p, "offer", "OFF-1", "accepted");
  g_assert_cmpuint (count_entries (p, "offer", "OFF-1", "accepted"), ==, 1);
  assert_detail (e, "date", "2026-04-20");
  assert_detail (e, "contract_reference", "CT-2026-017");
  assert_detail (e, "revision", "A");
  assert_detail (e, "contract_amount", "6685.38 EUR");
  g_assert_cmpstr (aff_journal_entry_get_actor (e), ==, "Claire Martin");

  /* the affair */
  assert_affair_a (aff_portfolio_lookup_affair (p, "OFF-1"), "OFF-1", "acme", "CONS-1");
  g_assert_cmpuint (g_list_model_get_n_items (aff_portfolio_get_affairs (p)), ==, 1);
  {
    g_autoptr(AffAffair) first = g_list_model_get_item (aff_portfolio_get_affairs (p), 0);

    g_assert_true (first == aff_portfolio_lookup_affair (p, "OFF-1"));
  }

  /* journaled: kind "affair", action "created", after the acceptance */
  created = last_entry (p, "affair", "OFF-1", "created");
  g_assert_cmpuint (count_entries (p, "affair", "OFF-1", "created"), ==, 1);
  g_assert_cmpstr (aff_journal_entry_get_entity_kind (created), ==, "affair");
  g_assert_cmpstr (aff_journal_entry_get_entity_id (created), ==, "OFF-1");
  g_assert_cmpstr (aff_journal_entry_get_action (created), ==, "created");
  g_assert_cmpuint (aff_journal_entry_get_sequence (created), >, aff_journal_entry_get_sequence (e));
  details = aff_journal_entry_get_details (created);
  g_assert_nonnull (details);
  g_assert_nonnull (strstr (details, "CT-2026-017"));
  g_assert_nonnull (strstr (details, "CONS-1"));
  g_assert_nonnull (strstr (details, "lot-2"));
  /* at least: the state change, "accepted", "created" */
  g_assert_cmpuint (n_entries (p), >=, n_before + 3);
  verify_journal (p);

  /* twice: refused, nothing changed */
  {
    guint n = n_entries (p);

    ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, accept (offer, 2026, 4, 22, "CT-2026-018", &error));
    g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_ACCEPTED);
    assert_closed_on (offer, 2026, 4, 20);
    g_assert_cmpuint (fired.n, ==, 1);
    g_assert_cmpuint (n_entries (p), ==, n);
    g_assert_cmpuint (g_list_model_get_n_items (aff_portfolio_get_affairs (p)), ==, 1);
    assert_affair_a (aff_portfolio_lookup_affair (p, "OFF-1"), "OFF-1", "acme", "CONS-1");
    assert_state_date (k, AFF_CONSULTATION_STATE_WON, 2026, 4, 20);
  }
  /* nor declined, withdrawn nor sent once accepted */
  {
    g_autoptr(GDate) d = day (2026, 4, 23);

    ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_offer_decline (offer, d, AFF_LOSS_REASON_PRICE, NULL, &error));
    ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_offer_withdraw (offer, d, "non", &error));
    ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_offer_send (offer, d, &error));
    g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_ACCEPTED);
    g_assert_cmpint (aff_consultation_get_state (k), ==, AFF_CONSULTATION_STATE_WON);
  }
  verify_journal (p);
}

/* --- acceptance of revision B after a negotiation ------------------------- */

static void
test_accept_after_negotiation (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = sent_offer (p, "OFF-1", "CONS-1");
  AffConsultation *k = aff_portfolio_lookup_consultation (p, "CONS-1");
  g_autoptr(GDate) validity = day (2026, 6, 30);
  AffOfferRevision *b;
  AffAffair *a;
  AffJournalEntry *e;
  g_autoptr(GPtrArray) budget = NULL;   /* transfer container */
  Fired fired = { 0, AFF_OFFER_STATE_DRAFT };

  g_signal_connect (offer, "accepted", G_CALLBACK (on_accepted), &fired);
  {
    g_autoptr(GError) error = NULL;

    b = aff_offer_revise (offer, &error);
    g_assert_no_error (error);
    g_assert_nonnull (b);
  }
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_NEGOTIATION);
  g_assert_cmpstr (aff_offer_revision_get_letter (b), ==, "B");
  ASSERT_OK (aff_offer_revision_remove_line (b, 5, &error));   /* L6, the lot-2 labour */
  ASSERT_OK (aff_offer_revision_set_margin_rate (b, 1200, &error));
  ASSERT_OK (aff_offer_revision_set_lead_time_days (b, 70, &error));
  ASSERT_OK (aff_offer_revision_set_validity (b, validity, &error));
  g_assert_cmpint (revision_minor (aff_offer_revision_get_direct_cost, b), ==, DIRECT_B);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_overheads, b), ==, OVERHEADS_B);
  g_assert_cmpint (revision_minor (aff_offer_revision_get_selling_price, b), ==, SELLING_B);

  /* a draft B in progress: refused, nothing changed */
  {
    guint n = n_entries (p);

    ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, accept (offer, 2026, 4, 8, "CT-2026-017", &error));
    g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_NEGOTIATION);
    assert_not_closed (offer);
    g_assert_cmpint (aff_consultation_get_state (k), ==, AFF_CONSULTATION_STATE_OFFER_SENT);
    g_assert_cmpuint (n_entries (p), ==, n);
    g_assert_cmpuint (fired.n, ==, 0);
    assert_no_affair (p, "OFF-1");
  }

  send (offer, 2026, 4, 10);
  ASSERT_OK (accept (offer, 2026, 4, 20, "CT-2026-017", &error));
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_ACCEPTED);
  assert_closed_on (offer, 2026, 4, 20);
  g_assert_cmpuint (fired.n, ==, 1);
  g_assert_cmpint (aff_consultation_get_state (k), ==, AFF_CONSULTATION_STATE_WON);
  assert_state_date (k, AFF_CONSULTATION_STATE_WON, 2026, 4, 20);

  e = last_entry (p, "offer", "OFF-1", "accepted");
  assert_detail (e, "revision", "B");
  assert_detail (e, "contract_amount", "5848.09 EUR");
  assert_detail (e, "contract_reference", "CT-2026-017");
  assert_detail (e, "date", "2026-04-20");

  a = aff_portfolio_lookup_affair (p, "OFF-1");
  g_assert_nonnull (a);
  g_assert_cmpstr (aff_affair_get_revision (a), ==, "B");
  g_assert_cmpint (minor (aff_affair_get_contract_amount (a)), ==, SELLING_B);
  g_assert_cmpuint (aff_affair_get_lead_time_days (a), ==, 70);
  /* copied by revise() from A */
  g_assert_cmpint (aff_affair_get_vat_rate (a), ==, 1000);
  g_assert_cmpuint (aff_affair_get_payment_days (a), ==, 45);
  g_assert_true (aff_affair_get_payment_end_of_month (a));
  g_assert_cmpint (aff_affair_get_advance_rate (a), ==, 3000);
  g_assert_true (aff_affair_get_progress_billing (a));
  g_assert_cmpint (aff_affair_get_retention_rate (a), ==, 300);
  budget = aff_affair_get_budget (a);
  g_assert_nonnull (budget);
  g_assert_cmpuint (budget->len, ==, 4);
  assert_budget_item (budget, 0, "lot-1", AFF_LINE_KIND_MATERIAL, 60500);
  assert_budget_item (budget, 1, "lot-1", AFF_LINE_KIND_LABOUR, 120000);
  assert_budget_item (budget, 2, "lot-2", AFF_LINE_KIND_SUBCONTRACT, 150000);
  assert_budget_item (budget, 3, NULL, AFF_LINE_KIND_TRAVEL, 28650);
  g_assert_cmpint (minor (aff_affair_get_budget_total (a)), ==, DIRECT_B);
  g_assert_cmpint (minor (aff_affair_get_overheads (a)), ==, OVERHEADS_B);
  g_assert_cmpint (minor_or_zero (aff_affair_get_contingency (a)), ==,
                   minor_or_zero (aff_offer_revision_get_contingency (b)));
  g_assert_cmpuint (count_entries (p, "affair", "OFF-1", "created"), ==, 1);
  verify_journal (p);
}

/* --- refused acceptances --------------------------------------------------- */

static void
test_accept_refused_from_draft (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = full_offer (p, "OFF-1", "CONS-1");
  AffConsultation *k = aff_portfolio_lookup_consultation (p, "CONS-1");
  guint n = n_entries (p);
  Fired fired = { 0, AFF_OFFER_STATE_DRAFT };

  g_signal_connect (offer, "accepted", G_CALLBACK (on_accepted), &fired);
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, accept (offer, 2026, 4, 20, "CT-2026-017", &error));
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_DRAFT);
  assert_not_closed (offer);
  g_assert_cmpint (aff_consultation_get_state (k), ==, AFF_CONSULTATION_STATE_GO);
  g_assert_cmpuint (n_entries (p), ==, n);
  g_assert_cmpuint (fired.n, ==, 0);
  assert_no_affair (p, "OFF-1");
  g_assert_cmpuint (g_list_model_get_n_items (aff_portfolio_get_affairs (p)), ==, 0);
}

static void
test_accept_refused_after_decline (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = sent_offer (p, "OFF-1", "CONS-1");
  AffConsultation *k = aff_portfolio_lookup_consultation (p, "CONS-1");
  g_autoptr(GDate) declined = day (2026, 4, 15);
  Fired fired = { 0, AFF_OFFER_STATE_DRAFT };
  guint n;

  g_signal_connect (offer, "accepted", G_CALLBACK (on_accepted), &fired);
  ASSERT_OK (aff_offer_decline (offer, declined, AFF_LOSS_REASON_PRICE, NULL, &error));
  n = n_entries (p);
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, accept (offer, 2026, 4, 20, "CT-2026-017", &error));
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_DECLINED);
  assert_closed_on (offer, 2026, 4, 15);
  g_assert_cmpint (aff_consultation_get_state (k), ==, AFF_CONSULTATION_STATE_LOST);
  g_assert_cmpuint (n_entries (p), ==, n);
  g_assert_cmpuint (fired.n, ==, 0);
  assert_no_affair (p, "OFF-1");
}

static void
test_accept_refused_empty_reference (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = sent_offer (p, "OFF-1", "CONS-1");
  AffConsultation *k = aff_portfolio_lookup_consultation (p, "CONS-1");
  guint n = n_entries (p);
  Fired fired = { 0, AFF_OFFER_STATE_DRAFT };

  g_signal_connect (offer, "accepted", G_CALLBACK (on_accepted), &fired);
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, accept (offer, 2026, 4, 20, "", &error));
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_SENT);
  assert_not_closed (offer);
  g_assert_cmpint (aff_consultation_get_state (k), ==, AFF_CONSULTATION_STATE_OFFER_SENT);
  g_assert_cmpuint (n_entries (p), ==, n);
  g_assert_cmpuint (fired.n, ==, 0);
  assert_no_affair (p, "OFF-1");

  /* still acceptable with a reference */
  ASSERT_OK (accept (offer, 2026, 4, 20, "CT-2026-017", &error));
  assert_affair_a (aff_portfolio_lookup_affair (p, "OFF-1"), "OFF-1", "acme", "CONS-1");
}

/* --- lookup_affair / get_affairs -------------------------------------------- */

static void
test_lookup_and_list (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *o1 = sent_offer (p, "OFF-1", "CONS-1");
  AffOffer *o3 = sent_offer (p, "OFF-3", "CONS-3");
  GListModel *affairs = aff_portfolio_get_affairs (p);
  gboolean seen1 = FALSE, seen3 = FALSE;

  sent_offer (p, "OFF-2", "CONS-2");   /* stays SENT: no affair */
  g_assert_nonnull (affairs);
  g_assert_true (g_list_model_get_item_type (affairs) == AFF_TYPE_AFFAIR);
  g_assert_cmpuint (g_list_model_get_n_items (affairs), ==, 0);

  ASSERT_OK (accept (o3, 2026, 4, 20, "CT-2026-017", &error));
  ASSERT_OK (accept (o1, 2026, 4, 20, "CT-2026-017", &error));

  affairs = aff_portfolio_get_affairs (p);
  g_assert_cmpuint (g_list_model_get_n_items (affairs), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(AffAffair) a = g_list_model_get_item (affairs, i);

      g_assert_true (a == aff_portfolio_lookup_affair (p, aff_affair_get_id (a)));
      if (g_strcmp0 (aff_affair_get_id (a), "OFF-1") == 0)
        seen1 = TRUE;
      if (g_strcmp0 (aff_affair_get_id (a), "OFF-3") == 0)
        seen3 = TRUE;
    }
  g_assert_true (seen1 && seen3);
  assert_affair_a (aff_portfolio_lookup_affair (p, "OFF-1"), "OFF-1", "acme", "CONS-1");
  assert_affair_a (aff_portfolio_lookup_affair (p, "OFF-3"), "OFF-3", "beta", "CONS-3");
  g_assert_null (aff_portfolio_lookup_affair (p, "OFF-2"));
  g_assert_null (aff_portfolio_lookup_affair (p, "CONS-1"));
  g_assert_null (aff_portfolio_lookup_affair (p, "nope"));
  verify_journal (p);
}

/* --- save and reload ------------------------------------------------------------ */

static void
test_round_trip (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  g_autoptr(AffPortfolio) q = NULL;
  g_autoptr(AffPortfolio) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text3 = NULL;
  gsize length = 0;
  AffOffer *o;

  ASSERT_OK (accept (sent_offer (p, "OFF-1", "CONS-1"), 2026, 4, 20, "CT-2026-017", &error));
  sent_offer (p, "OFF-2", "CONS-2");
  ASSERT_OK (accept (sent_offer (p, "OFF-3", "CONS-3"), 2026, 4, 20, "CT-2026-017", &error));

  text = aff_portfolio_to_data (p, &length);
  g_assert_cmpuint (length, ==, strlen (text));
  g_assert_nonnull (strstr (text, "\"affairs\""));
  q = aff_portfolio_new_from_data (text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (q);
  text2 = aff_portfolio_to_data (q, NULL);
  g_assert_cmpstr (text2, ==, text);

  g_assert_cmpuint (g_list_model_get_n_items (aff_portfolio_get_affairs (q)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(AffAffair) x = g_list_model_get_item (aff_portfolio_get_affairs (p), i);
      g_autoptr(AffAffair) y = g_list_model_get_item (aff_portfolio_get_affairs (q), i);

      g_assert_cmpstr (aff_affair_get_id (y), ==, aff_affair_get_id (x));
    }
  assert_affair_a (aff_portfolio_lookup_affair (q, "OFF-1"), "OFF-1", "acme", "CONS-1");
  assert_affair_a (aff_portfolio_lookup_affair (q, "OFF-3"), "OFF-3", "beta", "CONS-3");
  g_assert_null (aff_portfolio_lookup_affair (q, "OFF-2"));

  o = aff_portfolio_lookup_offer (q, "OFF-1");
  g_assert_cmpint (aff_offer_get_state (o), ==, AFF_OFFER_STATE_ACCEPTED);
  assert_closed_on (o, 2026, 4, 20);
  g_assert_cmpint (aff_consultation_get_state (aff_portfolio_lookup_consultation (q, "CONS-1")), ==,
                   AFF_CONSULTATION_STATE_WON);
  assert_state_date (aff_portfolio_lookup_consultation (q, "CONS-1"), AFF_CONSULTATION_STATE_WON, 2026, 4, 20);

  g_assert_cmpuint (n_entries (q), ==, n_entries (p));
  g_assert_cmpstr (aff_journal_get_head_hash (aff_portfolio_get_journal (q)), ==,
                   aff_journal_get_head_hash (aff_portfolio_get_journal (p)));
  verify_journal (q);
  g_assert_nonnull (find_last_entry (q, "affair", "OFF-1", "created"));

  /* the loaded offers go on: accepted twice refused, the sent one accepted */
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, accept (o, 2026, 4, 25, "CT-X", &error));
  ASSERT_OK (accept (aff_portfolio_lookup_offer (q, "OFF-2"), 2026, 4, 25, "CT-2026-020", &error));
  g_assert_nonnull (aff_portfolio_lookup_affair (q, "OFF-2"));
  g_assert_cmpstr (aff_affair_get_contract_reference (aff_portfolio_lookup_affair (q, "OFF-2")), ==,
                   "CT-2026-020");
  g_assert_cmpuint (g_list_model_get_n_items (aff_portfolio_get_affairs (q)), ==, 3);
  verify_journal (q);

  /* through a file as well */
  dir = g_dir_make_tmp ("libaffaires-affair-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "portfolio.json", NULL);
  ASSERT_OK (aff_portfolio_save_to_file (p, path, &error));
  r = aff_portfolio_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (r);
  text3 = aff_portfolio_to_data (r, NULL);
  g_assert_cmpstr (text3, ==, text);
  assert_affair_a (aff_portfolio_lookup_affair (r, "OFF-1"), "OFF-1", "acme", "CONS-1");
  verify_journal (r);
  g_unlink (path);
  g_rmdir (dir);
}

/* A document whose affair names an offer that does not exist is refused. */
static void
test_load_checks_offer (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  g_autoptr(AffPortfolio) q = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *compact = NULL;
  GString *bad;
  const char *affairs;

  ASSERT_OK (accept (sent_offer (p, "OFF-1", "CONS-1"), 2026, 4, 20, "CT-2026-017", &error));
  text = aff_portfolio_to_data (p, NULL);
  compact = compact_json (text);
  /* rename the offer id inside the "affairs" member only */
  affairs = strstr (compact, "\"affairs\":[");
  g_assert_nonnull (affairs);
  {
    const char *start = affairs + strlen ("\"affairs\":");
    const char *end = start;
    int depth = 0;
    gboolean in_string = FALSE;
    g_autofree char *member = NULL;
    GString *t;

    for (; *end; end++)
      {
        if (in_string)
          {
            if (*end == '\\' && end[1] != '\0')
              end++;
            else if (*end == '"')
              in_string = FALSE;
          }
        else if (*end == '"')
          in_string = TRUE;
        else if (*end == '[' || *end == '{')
          depth++;
        else if ((*end == ']' || *end == '}') && --depth == 0)
          {
            end++;
            break;
          }
      }
    g_assert_cmpint (depth, ==, 0);
    member = g_strndup (start, end - start);
    g_assert_nonnull (strstr (member, "\"OFF-1\""));
    t = g_string_new (member);
    g_string_replace (t, "\"OFF-1\"", "\"OFF-9\"", 0);
    bad = g_string_new_len (compact, start - compact);
    g_string_append (bad, t->str);
    g_string_append (bad, end);
    g_string_free (t, TRUE);
  }
  q = aff_portfolio_new_from_data (bad->str, -1, &error);
  g_assert_null (q);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT);
  g_string_free (bad, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/affair/fixture-pricing", test_fixture_pricing);
  g_test_add_func ("/affair/accept/from-sent", test_accept_from_sent);
  g_test_add_func ("/affair/accept/after-negotiation", test_accept_after_negotiation);
  g_test_add_func ("/affair/accept/refused-from-draft", test_accept_refused_from_draft);
  g_test_add_func ("/affair/accept/refused-after-decline", test_accept_refused_after_decline);
  g_test_add_func ("/affair/accept/refused-empty-reference", test_accept_refused_empty_reference);
  g_test_add_func ("/affair/lookup-and-list", test_lookup_and_list);
  g_test_add_func ("/affair/round-trip", test_round_trip);
  g_test_add_func ("/affair/load-checks-offer", test_load_checks_offer);

  return g_test_run ();
}
