/* test-offer.c: AffOffer in the portfolio: adding, checking, sending,
 * revising, sending again during the negotiation, saving and reloading
 *
 * Every expected value is worked out by hand from the contract
 * (docs/rules.md, "Offers (Aff.Offer)" and "Revisions"); the arithmetic is
 * next to each case. Amounts are in minor units (cents for EUR).
 *
 * The fixtures:
 *   acme: a client without any solvency assessment, so every evaluation fails
 *     the solvency gate (NO_GO); the management decides GO anyway, with a
 *     justification: the consultation is GO, dated with the evaluation.
 *   CONS-1: received 2026-03-02, deadline 2026-04-15, requirements REQ-1
 *     ("Tubes inox") and REQ-2 ("Soudure qualifiée"), hot work and work at
 *     height; qualified 2026-03-03, evaluated 2026-03-05, decided GO.
 *   CONS-2: same dates, no requirement, no dangerous work; left QUALIFYING.
 *   CONS-3: same dates, no requirement, no dangerous work; decided GO.
 *   The policy: defaults (floor margin 800, min validity 30 days) but the
 *   subcontract overhead rate 1200 and the default VAT rate 550.
 *
 * OFF-1, revision A:
 *   L1 material "Tubes inox DN50" 10 m x 50.00 = 10000 x 5000 / 1000 =  50000, answers REQ-1
 *   L2 labour   "Soudure TIG"     20 h x 60.00 = 20000 x 6000 / 1000 = 120000, answers REQ-2, lot "lot-1"
 *   direct = 170000; overheads labour 120000 x 3000 / 10000 = 36000,
 *   material 50000 x 1000 / 10000 = 5000 -> 41000; cost price 211000.
 *   margin rate 1500: selling 211000 x 10000 / 8500 = 248235.29 -> 248235
 *     ("2482.35 EUR"); margin 37235; rate 372350000 / 248235 = 1499.99 -> 1500
 *   margin rate 700: selling 2110000000 / 9300 = 226881.72 -> 226882;
 *     margin 15882; rate 158820000 / 226882 = 700.01 -> 700 (< 800)
 *   margin rate 800: selling 2110000000 / 9200 = 229347.83 -> 229348;
 *     margin 18348; rate 183480000 / 229348 = 800.007 -> 800 (not below 800)
 * Revision B adds L3 travel 2 days x 100.00 = 20000: direct 190000,
 *   overheads 36000 + 5000 + 1000 = 42000, cost 232000, selling at 1500 =
 *   2320000000 / 8500 = 272941.18 -> 272941 ("2729.41 EUR"), margin 40941,
 *   rate 409410000 / 272941 = 1499.99 -> 1500.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdarg.h>
#include <string.h>

#include <affaires.h>

#include "test-offer-util.h"

#define COST_A 211000
#define SELLING_A 248235
#define COST_B 232000
#define SELLING_B 272941

static AffOfferLine *
line_new (AffLineKind  kind,
          const char  *description,
          const char  *quantity,
          AffLineUnit  unit,
          const char  *cost,
          const char  *requirement)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffMoney) unit_cost = money (cost);
  AffOfferLine *line = aff_offer_line_new (kind, description, quantity, unit, unit_cost, &error);
  const char *requirements[] = { requirement, NULL };

  g_assert_no_error (error);
  g_assert_nonnull (line);
  if (requirement != NULL)
    aff_offer_line_set_requirements (line, requirements);
  return line;
}

static void
add_line (AffOfferRevision *rev,
          AffOfferLine     *line)   /* takes line */
{
  ASSERT_OK (aff_offer_revision_add_line (rev, line, &error));
  g_object_unref (line);
}

static gint64
minor_of (AffMoney *m)   /* frees m */
{
  gint64 v;

  g_assert_nonnull (m);
  g_assert_cmpstr (aff_money_get_currency (m), ==, "EUR");
  v = aff_money_get_minor (m);
  aff_money_free (m);
  return v;
}

static gint64
selling (AffOfferRevision *rev)
{
  g_autoptr(GError) error = NULL;
  gint64 v = minor_of (aff_offer_revision_get_selling_price (rev, &error));

  g_assert_no_error (error);
  return v;
}

static gint64
cost_price (AffOfferRevision *rev)
{
  g_autoptr(GError) error = NULL;
  gint64 v = minor_of (aff_offer_revision_get_cost_price (rev, &error));

  g_assert_no_error (error);
  return v;
}

static int
margin_rate (AffOfferRevision *rev)
{
  g_autoptr(GError) error = NULL;
  int v = aff_offer_revision_get_margin_rate (rev, &error);

  g_assert_no_error (error);
  return v;
}

static void
set_margin_rate (AffOfferRevision *rev,
                 int               rate)
{
  ASSERT_OK (aff_offer_revision_set_margin_rate (rev, rate, &error));
}

static void
set_validity (AffOfferRevision *rev,
              int y, int m, int d)
{
  g_autoptr(GDate) date = day (y, m, d);

  ASSERT_OK (aff_offer_revision_set_validity (rev, date, &error));
}

static void
acknowledge (AffOfferRevision   *rev,
             AffRegulatoryFlags  flags,
             const char         *note)
{
  ASSERT_OK (aff_offer_revision_acknowledge (rev, flags, note, &error));
}

static void
approve (AffOffer   *offer,
         const char *approver,
         const char *justification)
{
  ASSERT_OK (aff_offer_approve (offer, approver, justification, &error));
}

static void
send_on (AffOffer *offer,
      int y, int m, int d)
{
  g_autoptr(GDate) date = day (y, m, d);

  ASSERT_OK (aff_offer_send (offer, date, &error));
}

static AffOfferLine *
line_at (AffOfferRevision *rev,
         guint             i)   /* transfer none */
{
  AffOfferLine *line = g_list_model_get_item (aff_offer_revision_get_lines (rev), i);

  g_assert_nonnull (line);
  g_object_unref (line);   /* the revision keeps it */
  return line;
}

static AffOfferRevision *
revision_at (AffOffer *offer,
             guint     i)   /* transfer none */
{
  AffOfferRevision *rev = g_list_model_get_item (aff_offer_get_revisions (offer), i);

  g_assert_nonnull (rev);
  g_object_unref (rev);
  return rev;
}

static guint
n_lines (AffOfferRevision *rev)
{
  return g_list_model_get_n_items (aff_offer_revision_get_lines (rev));
}

/* check(date) must give exactly the n problems that follow. Returns the
 * checks (for their messages). */
static GPtrArray *
check_is (AffOffer *offer,
          int y, int m, int d,
          guint n, ...)
{
  g_autoptr(GDate) date = day (y, m, d);
  GPtrArray *checks = aff_offer_check (offer, date);
  va_list ap;

  g_assert_nonnull (checks);
  if (checks->len != n)
    {
      for (guint i = 0; i < checks->len; i++)
        g_printerr ("# problem %d: %s\n",
                    aff_offer_check_get_problem (g_ptr_array_index (checks, i)),
                    aff_offer_check_get_message (g_ptr_array_index (checks, i)));
    }
  g_assert_cmpuint (checks->len, ==, n);
  va_start (ap, n);
  for (guint i = 0; i < n; i++)
    {
      AffOfferCheck *c = g_ptr_array_index (checks, i);
      int expected = va_arg (ap, int);

      g_assert_cmpint (aff_offer_check_get_problem (c), ==, expected);
      g_assert_nonnull (aff_offer_check_get_message (c));
      g_assert_cmpstr (aff_offer_check_get_message (c), !=, "");
    }
  va_end (ap);
  return checks;
}

#define CHECK_IS(offer, y, m, d, ...)                                         \
  g_ptr_array_unref (check_is ((offer), (y), (m), (d), __VA_ARGS__))

static const char *
check_message (GPtrArray *checks,
               guint      i)
{
  return aff_offer_check_get_message (g_ptr_array_index (checks, i));
}

static void
add_consultation (AffPortfolio       *p,
                  const char         *id,
                  gboolean            with_requirements,
                  AffRegulatoryFlags  flags,
                  gboolean            go)
{
  add_consultation_full (p, id, "acme", flags, with_requirements, go);
}

static AffPortfolio *
new_portfolio (void)
{
  AffPortfolio *p = new_base_portfolio ();
  AffPolicy *policy = aff_portfolio_get_policy (p);

  ASSERT_OK (aff_policy_set_overhead_rate (policy, "subcontract", 1200, &error));
  aff_policy_set_default_vat_rate (policy, 550);
  add_consultation (p, "CONS-1", TRUE,
                    AFF_REGULATORY_FLAGS_HOT_WORK | AFF_REGULATORY_FLAGS_WORK_AT_HEIGHT, TRUE);
  add_consultation (p, "CONS-2", FALSE, AFF_REGULATORY_FLAGS_NONE, FALSE);
  add_consultation (p, "CONS-3", FALSE, AFF_REGULATORY_FLAGS_NONE, TRUE);
  return p;
}

static AffOffer *
add_offer (AffPortfolio *p,
           const char   *id,
           const char   *consultation_id)   /* transfer none */
{
  g_autoptr(AffOffer) offer = aff_offer_new (id, consultation_id);

  ASSERT_OK (aff_portfolio_add_offer (p, offer, &error));
  g_assert_true (aff_portfolio_lookup_offer (p, id) == offer);
  return offer;
}

static void
add_lines_a (AffOfferRevision *rev)
{
  AffOfferLine *l2 = line_new (AFF_LINE_KIND_LABOUR, "Soudure TIG", "20", AFF_LINE_UNIT_HOUR, "60.00 EUR", "REQ-2");

  aff_offer_line_set_lot (l2, "lot-1");
  add_line (rev, line_new (AFF_LINE_KIND_MATERIAL, "Tubes inox DN50", "10", AFF_LINE_UNIT_METRE,
                           "50.00 EUR", "REQ-1"));
  add_line (rev, l2);
}

/* OFF-1 on CONS-1, revision A passing every check on 2026-04-01. */
static AffOffer *
valid_offer (AffPortfolio *p)
{
  AffOffer *offer = add_offer (p, "OFF-1", "CONS-1");
  AffOfferRevision *rev = aff_offer_get_current_revision (offer);

  add_lines_a (rev);
  set_margin_rate (rev, 1500);
  set_validity (rev, 2026, 6, 30);
  acknowledge (rev, AFF_REGULATORY_FLAGS_HOT_WORK, "Permis de feu");
  acknowledge (rev, AFF_REGULATORY_FLAGS_WORK_AT_HEIGHT, "Travail en hauteur : nacelle");
  return offer;
}

static gboolean
sent_on (AffOffer *offer,
         int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  if (!aff_offer_get_sent_date (offer, &date))
    return FALSE;
  assert_date (&date, y, m, d);
  return TRUE;
}

/* The whole story of OFF-1: approved at 700 then back to 1500, sent on
 * 2026-04-02, revised to B (one more line), sent again on 2026-04-20 (after
 * the deadline); OFF-3 stays an approved draft without lines. */
static AffPortfolio *
negotiated (void)
{
  AffPortfolio *p = new_portfolio ();
  AffOffer *offer = valid_offer (p);
  AffOfferRevision *a = aff_offer_get_current_revision (offer);
  AffOfferRevision *b;
  AffOffer *off3;
  GError *local_error = NULL;

  set_margin_rate (a, 700);
  approve (offer, "Direction", "client stratégique");
  set_margin_rate (a, 1500);
  send_on (offer, 2026, 4, 2);
  b = aff_offer_revise (offer, &local_error);
  g_assert_no_error (local_error);
  g_assert_nonnull (b);
  add_line (b, line_new (AFF_LINE_KIND_TRAVEL, "Déplacements", "2", AFF_LINE_UNIT_DAY, "100.00 EUR", NULL));
  set_validity (b, 2026, 7, 31);
  send_on (offer, 2026, 4, 20);

  off3 = add_offer (p, "OFF-3", "CONS-3");
  approve (off3, "Direction", "étude offerte");
  set_validity (aff_offer_get_current_revision (off3), 2026, 6, 30);
  return p;
}

/* --- add_offer ---------------------------------------------------------- */

static void
test_before_add (void)
{
  g_autoptr(AffOffer) offer = aff_offer_new ("OFF-1", "CONS-1");
  g_autoptr(GDate) date = day (2026, 4, 1);

  g_assert_cmpstr (aff_offer_get_id (offer), ==, "OFF-1");
  g_assert_cmpstr (aff_offer_get_consultation_id (offer), ==, "CONS-1");
  g_assert_null (aff_offer_get_current_revision (offer));
  g_assert_cmpuint (g_list_model_get_n_items (aff_offer_get_revisions (offer)), ==, 0);
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_offer_send (offer, date, &error));
}

static void
test_revision_a (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = add_offer (p, "OFF-1", "CONS-1");
  AffOfferRevision *rev = aff_offer_get_current_revision (offer);
  static const guint rates[] = { 3000, 1000, 1000, 1200, 500, 1000 };

  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_DRAFT);
  g_assert_false (sent_on (offer, 0, 0, 0));
  g_assert_cmpuint (g_list_model_get_n_items (aff_offer_get_revisions (offer)), ==, 1);
  g_assert_nonnull (rev);
  g_assert_true (revision_at (offer, 0) == rev);
  g_assert_cmpstr (aff_offer_revision_get_letter (rev), ==, "A");
  g_assert_cmpstr (aff_offer_revision_get_currency (rev), ==, "EUR");
  g_assert_false (aff_offer_revision_is_frozen (rev));
  g_assert_cmpuint (n_lines (rev), ==, 0);
  for (guint k = AFF_LINE_KIND_LABOUR; k <= AFF_LINE_KIND_OTHER; k++)
    g_assert_cmpuint (aff_offer_revision_get_overhead_rate (rev, k), ==, rates[k]);
  g_assert_cmpint (aff_offer_revision_get_vat_rate (rev), ==, 550);
  g_assert_cmpint (aff_offer_revision_get_retention_rate (rev), ==, 500);
  g_assert_cmpuint (aff_offer_revision_get_payment_days (rev), ==, 30);
  g_assert_null (aff_offer_revision_get_validity (rev));
  g_assert_null (aff_offer_revision_get_approver (rev));
  g_assert_cmpint (aff_offer_revision_get_acknowledged_flags (rev), ==, AFF_REGULATORY_FLAGS_NONE);
  g_assert_true (aff_offer_revision_get_notes (rev) == NULL || aff_offer_revision_get_notes (rev)[0] == NULL);
}

static void
test_add_errors (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  g_autoptr(AffOffer) unknown = aff_offer_new ("OFF-9", "CONS-404");
  g_autoptr(AffOffer) duplicate = aff_offer_new ("OFF-1", "CONS-3");
  g_autoptr(AffOffer) empty = aff_offer_new ("", "CONS-1");
  g_autoptr(AffOffer) spaced = aff_offer_new ("OFF 2", "CONS-1");
  g_autofree char *long_id = g_strnfill (65, 'O');
  g_autoptr(AffOffer) too_long = aff_offer_new (long_id, "CONS-1");
  GListModel *offers = aff_portfolio_get_offers (p);

  add_offer (p, "OFF-1", "CONS-1");
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_portfolio_add_offer (p, unknown, &error));
  ASSERT_FAILS (AFF_ERROR_DUPLICATE_ID, aff_portfolio_add_offer (p, duplicate, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_portfolio_add_offer (p, empty, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_portfolio_add_offer (p, spaced, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_portfolio_add_offer (p, too_long, &error));
  g_assert_cmpuint (g_list_model_get_n_items (offers), ==, 1);
  g_assert_null (aff_portfolio_lookup_offer (p, "OFF-9"));
  g_assert_null (aff_portfolio_lookup_offer (p, "OFF 2"));
  g_assert_null (aff_offer_get_current_revision (unknown));
}

static void
test_lookup_and_journal (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffJournal *journal = aff_portfolio_get_journal (p);
  guint n = aff_journal_get_n_entries (journal);
  AffOffer *o1 = add_offer (p, "OFF-1", "CONS-1");
  AffOffer *o3 = add_offer (p, "OFF-3", "CONS-3");
  AffOffer *o2 = add_offer (p, "OFF-2", "CONS-2");
  GListModel *offers = aff_portfolio_get_offers (p);
  const char *ids[] = { "OFF-1", "OFF-3", "OFF-2" };
  g_autoptr(GError) error = NULL;

  g_assert_true (aff_portfolio_lookup_offer (p, "OFF-1") == o1);
  g_assert_true (aff_portfolio_lookup_offer (p, "OFF-2") == o2);
  g_assert_true (aff_portfolio_lookup_offer (p, "OFF-3") == o3);
  g_assert_null (aff_portfolio_lookup_offer (p, "OFF-4"));
  g_assert_cmpuint (g_list_model_get_n_items (offers), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AffOffer) o = g_list_model_get_item (offers, i);
      g_autoptr(GPtrArray) entries = aff_journal_list_entries_for (journal, "offer", ids[i]);
      AffJournalEntry *e;

      g_assert_cmpstr (aff_offer_get_id (o), ==, ids[i]);
      g_assert_cmpuint (entries->len, ==, 1);
      e = g_ptr_array_index (entries, 0);
      g_assert_cmpstr (aff_journal_entry_get_action (e), ==, "added");
      g_assert_cmpstr (aff_journal_entry_get_entity_kind (e), ==, "offer");
      g_assert_cmpstr (aff_journal_entry_get_entity_id (e), ==, ids[i]);
      g_assert_cmpstr (aff_journal_entry_get_actor (e), ==, "Claire Martin");
    }
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n + 3);
  g_assert_true (aff_journal_verify (journal, &error));
  g_assert_no_error (error);
}

/* --- check -------------------------------------------------------------- */

static void
test_check_all_in_order (void)
{
  /* No line; price 0 so margin rate 0 < 800; REQ-1 and REQ-2 uncovered; no
   * validity; hot work and work at height not acknowledged. */
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = add_offer (p, "OFF-1", "CONS-1");
  g_autoptr(GPtrArray) checks =
    check_is (offer, 2026, 4, 1, 6,
              AFF_OFFER_PROBLEM_NO_LINES, AFF_OFFER_PROBLEM_MARGIN_BELOW_FLOOR,
              AFF_OFFER_PROBLEM_REQUIREMENT_NOT_COVERED, AFF_OFFER_PROBLEM_REQUIREMENT_NOT_COVERED,
              AFF_OFFER_PROBLEM_VALIDITY, AFF_OFFER_PROBLEM_REGULATORY_NOT_ACKNOWLEDGED);

  g_assert_nonnull (strstr (check_message (checks, 2), "REQ-1"));
  g_assert_nonnull (strstr (check_message (checks, 3), "REQ-2"));
}

static void
test_valid_offer (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = valid_offer (p);
  AffOfferRevision *rev = aff_offer_get_current_revision (offer);

  g_assert_cmpint (cost_price (rev), ==, COST_A);
  g_assert_cmpint (selling (rev), ==, SELLING_A);
  g_assert_cmpint (margin_rate (rev), ==, 1500);
  CHECK_IS (offer, 2026, 4, 1, 0);
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_DRAFT);
  g_assert_false (aff_offer_revision_is_frozen (rev));
}

static void
test_no_lines_and_validity_missing (void)
{
  /* OFF-3 on CONS-3. One lump sum 1000.00 = 100000, overhead 10 % = 10000,
   * cost 110000; at 1500: 1100000000 / 8500 = 129411.76 -> 129412. */
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = add_offer (p, "OFF-3", "CONS-3");
  AffOfferRevision *rev = aff_offer_get_current_revision (offer);
  g_autoptr(GDate) date = day (2026, 4, 1);
  g_autoptr(GPtrArray) checks = NULL;
  GError *local_error = NULL;

  add_line (rev, line_new (AFF_LINE_KIND_OTHER, "Étude", "1", AFF_LINE_UNIT_LUMP_SUM, "1000.00 EUR", NULL));
  set_margin_rate (rev, 1500);
  g_assert_cmpint (selling (rev), ==, 129412);
  CHECK_IS (offer, 2026, 4, 1, 1, AFF_OFFER_PROBLEM_VALIDITY);   /* missing, alone */
  set_validity (rev, 2026, 6, 30);
  CHECK_IS (offer, 2026, 4, 1, 0);
  ASSERT_OK (aff_offer_revision_remove_line (rev, 0, &error));
  g_assert_cmpint (margin_rate (rev), ==, 0);
  CHECK_IS (offer, 2026, 4, 1, 2, AFF_OFFER_PROBLEM_NO_LINES, AFF_OFFER_PROBLEM_MARGIN_BELOW_FLOOR);
  approve (offer, "Direction", "étude offerte");
  checks = check_is (offer, 2026, 4, 1, 1, AFF_OFFER_PROBLEM_NO_LINES);
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_offer_revision_remove_line (rev, 0, &error));
  g_assert_false (aff_offer_send (offer, date, &local_error));
  g_assert_error (local_error, AFF_ERROR, AFF_ERROR_CHECK_FAILED);
  g_assert_nonnull (strstr (local_error->message, check_message (checks, 0)));
  g_clear_error (&local_error);
}

static void
test_consultation_not_go (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffConsultation *k = aff_portfolio_lookup_consultation (p, "CONS-2");
  AffOffer *offer = add_offer (p, "OFF-2", "CONS-2");
  AffOfferRevision *rev = aff_offer_get_current_revision (offer);
  g_autoptr(GDate) date = day (2026, 4, 1);
  g_autoptr(GPtrArray) checks = NULL;
  GError *local_error = NULL;

  add_line (rev, line_new (AFF_LINE_KIND_OTHER, "Étude", "1", AFF_LINE_UNIT_LUMP_SUM, "1000.00 EUR", NULL));
  set_margin_rate (rev, 1500);
  set_validity (rev, 2026, 6, 30);
  checks = check_is (offer, 2026, 4, 1, 1, AFF_OFFER_PROBLEM_CONSULTATION_NOT_GO);
  g_assert_cmpint (aff_consultation_get_state (k), ==, AFF_CONSULTATION_STATE_QUALIFYING);
  g_assert_false (aff_offer_send (offer, date, &local_error));
  g_assert_error (local_error, AFF_ERROR, AFF_ERROR_CHECK_FAILED);
  g_assert_nonnull (strstr (local_error->message, check_message (checks, 0)));
  g_clear_error (&local_error);
  g_assert_cmpint (aff_consultation_get_state (k), ==, AFF_CONSULTATION_STATE_QUALIFYING);
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_DRAFT);
  g_assert_false (aff_offer_revision_is_frozen (rev));
}

static void
test_deadline (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = valid_offer (p);

  CHECK_IS (offer, 2026, 4, 15, 0);   /* the deadline itself */
  CHECK_IS (offer, 2026, 4, 16, 1, AFF_OFFER_PROBLEM_DEADLINE_PASSED);
}

static void
test_margin_floor_and_approval (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = valid_offer (p);
  AffOfferRevision *rev = aff_offer_get_current_revision (offer);
  AffJournal *journal = aff_portfolio_get_journal (p);
  guint n;

  set_margin_rate (rev, 700);
  g_assert_cmpint (selling (rev), ==, 226882);
  g_assert_cmpint (margin_rate (rev), ==, 700);
  CHECK_IS (offer, 2026, 4, 1, 1, AFF_OFFER_PROBLEM_MARGIN_BELOW_FLOOR);
  set_margin_rate (rev, 800);
  g_assert_cmpint (selling (rev), ==, 229348);
  g_assert_cmpint (margin_rate (rev), ==, 800);
  CHECK_IS (offer, 2026, 4, 1, 0);   /* the floor itself */
  set_margin_rate (rev, 700);
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_offer_approve (offer, "", "client stratégique", &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_offer_approve (offer, "Direction", "", &error));
  g_assert_null (aff_offer_revision_get_approver (rev));
  CHECK_IS (offer, 2026, 4, 1, 1, AFF_OFFER_PROBLEM_MARGIN_BELOW_FLOOR);
  n = aff_journal_get_n_entries (journal);
  approve (offer, "Direction", "client stratégique");
  g_assert_cmpstr (aff_offer_revision_get_approver (rev), ==, "Direction");
  g_assert_cmpstr (aff_offer_revision_get_approval_justification (rev), ==, "client stratégique");
  CHECK_IS (offer, 2026, 4, 1, 0);
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n + 1);
  g_assert_cmpuint (aff_journal_entry_get_sequence (last_entry (p, "offer", "OFF-1", "approved")), ==, n + 1);
}

static void
test_requirements (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = valid_offer (p);
  AffOfferRevision *rev = aff_offer_get_current_revision (offer);
  const char *none[] = { NULL };
  const char *both[] = { "REQ-2", "REQ-1", NULL };
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GPtrArray) two = NULL;

  aff_offer_line_set_requirements (line_at (rev, 1), none);
  one = check_is (offer, 2026, 4, 1, 1, AFF_OFFER_PROBLEM_REQUIREMENT_NOT_COVERED);
  g_assert_nonnull (strstr (check_message (one, 0), "REQ-2"));
  g_assert_null (strstr (check_message (one, 0), "REQ-1"));
  aff_offer_line_set_requirements (line_at (rev, 0), none);
  two = check_is (offer, 2026, 4, 1, 2, AFF_OFFER_PROBLEM_REQUIREMENT_NOT_COVERED,
                  AFF_OFFER_PROBLEM_REQUIREMENT_NOT_COVERED);
  g_assert_nonnull (strstr (check_message (two, 0), "REQ-1"));
  g_assert_nonnull (strstr (check_message (two, 1), "REQ-2"));
  aff_offer_line_set_requirements (line_at (rev, 0), both);
  CHECK_IS (offer, 2026, 4, 1, 0);
}

static void
test_validity (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = add_offer (p, "OFF-1", "CONS-1");
  AffOfferRevision *rev = aff_offer_get_current_revision (offer);

  add_lines_a (rev);
  set_margin_rate (rev, 1500);
  acknowledge (rev, AFF_REGULATORY_FLAGS_HOT_WORK | AFF_REGULATORY_FLAGS_WORK_AT_HEIGHT, "Permis de feu, nacelle");
  CHECK_IS (offer, 2026, 4, 1, 1, AFF_OFFER_PROBLEM_VALIDITY);   /* missing */
  set_validity (rev, 2026, 4, 30);                               /* 29 days */
  CHECK_IS (offer, 2026, 4, 1, 1, AFF_OFFER_PROBLEM_VALIDITY);
  set_validity (rev, 2026, 5, 1);                                /* 30 days */
  CHECK_IS (offer, 2026, 4, 1, 0);
  CHECK_IS (offer, 2026, 4, 2, 1, AFF_OFFER_PROBLEM_VALIDITY);   /* 29 again */
}

static void
test_regulatory (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = add_offer (p, "OFF-1", "CONS-1");
  AffOfferRevision *rev = aff_offer_get_current_revision (offer);
  g_autoptr(GPtrArray) checks = NULL;
  const char * const *notes;

  add_lines_a (rev);
  set_margin_rate (rev, 1500);
  set_validity (rev, 2026, 6, 30);
  CHECK_IS (offer, 2026, 4, 1, 1, AFF_OFFER_PROBLEM_REGULATORY_NOT_ACKNOWLEDGED);
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE,
                aff_offer_revision_acknowledge (rev, AFF_REGULATORY_FLAGS_NONE, "rien", &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE,
                aff_offer_revision_acknowledge (rev, AFF_REGULATORY_FLAGS_HOT_WORK, "", &error));
  g_assert_cmpint (aff_offer_revision_get_acknowledged_flags (rev), ==, AFF_REGULATORY_FLAGS_NONE);
  acknowledge (rev, AFF_REGULATORY_FLAGS_HOT_WORK, "Permis de feu");
  checks = check_is (offer, 2026, 4, 1, 1, AFF_OFFER_PROBLEM_REGULATORY_NOT_ACKNOWLEDGED);
  g_assert_nonnull (strstr (check_message (checks, 0), "work-at-height"));
  g_assert_null (strstr (check_message (checks, 0), "hot-work"));
  acknowledge (rev, AFF_REGULATORY_FLAGS_WORK_AT_HEIGHT, "Travail en hauteur : nacelle");
  CHECK_IS (offer, 2026, 4, 1, 0);
  g_assert_cmpint (aff_offer_revision_get_acknowledged_flags (rev), ==,
                   AFF_REGULATORY_FLAGS_HOT_WORK | AFF_REGULATORY_FLAGS_WORK_AT_HEIGHT);
  notes = aff_offer_revision_get_notes (rev);
  g_assert_nonnull (notes);
  g_assert_cmpuint (g_strv_length ((char **) notes), ==, 2);
  g_assert_cmpstr (notes[0], ==, "Permis de feu");
  g_assert_cmpstr (notes[1], ==, "Travail en hauteur : nacelle");
}

/* --- send ------------------------------------------------------------------ */

static void
test_send_refused (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = add_offer (p, "OFF-1", "CONS-1");
  AffJournal *journal = aff_portfolio_get_journal (p);
  guint n = aff_journal_get_n_entries (journal);
  g_autoptr(GDate) date = day (2026, 4, 1);
  g_autoptr(GPtrArray) checks = aff_offer_check (offer, date);
  GError *local_error = NULL;

  g_assert_cmpuint (checks->len, ==, 6);
  g_assert_false (aff_offer_send (offer, date, &local_error));
  g_assert_error (local_error, AFF_ERROR, AFF_ERROR_CHECK_FAILED);
  for (guint i = 0; i < checks->len; i++)
    g_assert_nonnull (strstr (local_error->message, check_message (checks, i)));
  g_clear_error (&local_error);
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_DRAFT);
  g_assert_false (aff_offer_revision_is_frozen (aff_offer_get_current_revision (offer)));
  g_assert_false (sent_on (offer, 0, 0, 0));
  g_assert_cmpint (aff_consultation_get_state (aff_portfolio_lookup_consultation (p, "CONS-1")), ==,
                   AFF_CONSULTATION_STATE_GO);
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n);
}

static void
test_send (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = valid_offer (p);
  AffConsultation *k = aff_portfolio_lookup_consultation (p, "CONS-1");
  AffOfferRevision *a = aff_offer_get_current_revision (offer);
  AffJournal *journal = aff_portfolio_get_journal (p);
  AffJournalEntry *e;
  g_autoptr(GDate) later = day (2026, 4, 3);
  AffOfferLine *extra;
  GError *local_error = NULL;
  guint n;

  g_assert_null (aff_offer_revise (offer, &local_error));   /* not sent yet */
  g_assert_error (local_error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION);
  g_clear_error (&local_error);

  send_on (offer, 2026, 4, 2);
  g_assert_true (aff_offer_revision_is_frozen (a));
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_SENT);
  g_assert_true (sent_on (offer, 2026, 4, 2));
  g_assert_true (aff_offer_get_current_revision (offer) == a);
  g_assert_cmpint (aff_consultation_get_state (k), ==, AFF_CONSULTATION_STATE_OFFER_SENT);
  assert_state_date (k, AFF_CONSULTATION_STATE_OFFER_SENT, 2026, 4, 2);
  e = last_entry (p, "offer", "OFF-1", "sent");
  g_assert_cmpstr (aff_journal_entry_get_entity_kind (e), ==, "offer");
  assert_detail (e, "revision", "A");
  assert_detail (e, "date", "2026-04-02");
  assert_detail (e, "selling_price", "2482.35 EUR");
  assert_detail (e, "margin_rate", "1500");

  n = aff_journal_get_n_entries (journal);
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_offer_send (offer, later, &error));
  ASSERT_FAILS (AFF_ERROR_FROZEN, aff_offer_approve (offer, "Direction", "trop tard", &error));
  ASSERT_FAILS (AFF_ERROR_FROZEN, aff_offer_revision_set_margin_rate (a, 1000, &error));
  extra = line_new (AFF_LINE_KIND_OTHER, "Divers", "1", AFF_LINE_UNIT_LUMP_SUM, "10.00 EUR", NULL);
  ASSERT_FAILS (AFF_ERROR_FROZEN, aff_offer_revision_add_line (a, extra, &error));
  g_object_unref (extra);
  g_assert_cmpint (margin_rate (a), ==, 1500);
  g_assert_cmpuint (n_lines (a), ==, 2);
  g_assert_true (sent_on (offer, 2026, 4, 2));
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_SENT);
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, n);
  g_assert_true (aff_journal_verify (journal, &local_error));
  g_assert_no_error (local_error);
}

/* --- revise ----------------------------------------------------------------- */

static void
test_revise (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = valid_offer (p);
  AffOfferRevision *a = aff_offer_get_current_revision (offer);
  AffOfferRevision *b;
  AffJournalEntry *e;
  const char * const *notes;
  const char *both[] = { "REQ-1", "REQ-2", NULL };
  GError *local_error = NULL;

  set_margin_rate (a, 700);
  approve (offer, "Direction", "client stratégique");
  set_margin_rate (a, 1500);
  send_on (offer, 2026, 4, 2);
  b = aff_offer_revise (offer, &local_error);
  g_assert_no_error (local_error);
  g_assert_nonnull (b);
  g_assert_cmpstr (aff_offer_revision_get_letter (b), ==, "B");
  g_assert_true (aff_offer_get_current_revision (offer) == b);
  g_assert_cmpuint (g_list_model_get_n_items (aff_offer_get_revisions (offer)), ==, 2);
  g_assert_true (revision_at (offer, 0) == a);
  g_assert_true (revision_at (offer, 1) == b);
  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_NEGOTIATION);
  g_assert_false (aff_offer_revision_is_frozen (b));
  g_assert_true (aff_offer_revision_is_frozen (a));
  g_assert_null (aff_offer_revision_get_approver (b));
  g_assert_null (aff_offer_revision_get_approval_justification (b));
  g_assert_cmpstr (aff_offer_revision_get_approver (a), ==, "Direction");
  g_assert_cmpuint (n_lines (b), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      AffOfferLine *x = line_at (a, i);
      AffOfferLine *y = line_at (b, i);
      g_autofree char *qx = aff_offer_line_dup_quantity (x);
      g_autofree char *qy = aff_offer_line_dup_quantity (y);
      g_autoptr(AffMoney) cx = aff_offer_line_compute_cost (x, NULL);
      g_autoptr(AffMoney) cy = aff_offer_line_compute_cost (y, NULL);
      const char * const *rx = aff_offer_line_get_requirements (x);
      const char * const *ry = aff_offer_line_get_requirements (y);

      g_assert_true (x != y);
      g_assert_cmpint (aff_offer_line_get_kind (y), ==, aff_offer_line_get_kind (x));
      g_assert_cmpstr (aff_offer_line_get_description (y), ==, aff_offer_line_get_description (x));
      g_assert_cmpstr (qy, ==, qx);
      g_assert_cmpint (aff_offer_line_get_unit (y), ==, aff_offer_line_get_unit (x));
      g_assert_true (aff_money_equal (aff_offer_line_get_unit_cost (y), aff_offer_line_get_unit_cost (x)));
      g_assert_true (g_strv_equal ((const char * const *) ry, (const char * const *) rx));
      g_assert_cmpint (aff_money_get_minor (cy), ==, aff_money_get_minor (cx));
    }
  g_assert_cmpstr (aff_offer_line_get_lot (line_at (b, 1)), ==, "lot-1");
  g_assert_cmpint (cost_price (b), ==, COST_A);
  g_assert_cmpint (selling (b), ==, SELLING_A);
  g_assert_cmpint (margin_rate (b), ==, 1500);
  g_assert_cmpint (aff_offer_revision_get_vat_rate (b), ==, 550);
  g_assert_cmpuint (aff_offer_revision_get_overhead_rate (b, AFF_LINE_KIND_SUBCONTRACT), ==, 1200);
  g_assert_cmpint (aff_offer_revision_get_acknowledged_flags (b), ==,
                   AFF_REGULATORY_FLAGS_HOT_WORK | AFF_REGULATORY_FLAGS_WORK_AT_HEIGHT);
  notes = aff_offer_revision_get_notes (b);
  g_assert_nonnull (notes);
  g_assert_cmpuint (g_strv_length ((char **) notes), ==, 2);
  g_assert_cmpstr (notes[0], ==, "Permis de feu");
  g_assert_cmpstr (notes[1], ==, "Travail en hauteur : nacelle");
  e = last_entry (p, "offer", "OFF-1", "revised");
  assert_detail (e, "revision", "B");
  assert_detail (e, "from", "A");

  /* no approval kept: below the floor B needs its own */
  set_margin_rate (b, 700);
  CHECK_IS (offer, 2026, 4, 10, 1, AFF_OFFER_PROBLEM_MARGIN_BELOW_FLOOR);
  set_margin_rate (b, 1500);

  /* changing B changes nothing in A */
  aff_offer_line_set_requirements (line_at (b, 0), both);
  g_assert_cmpuint (g_strv_length ((char **) aff_offer_line_get_requirements (line_at (a, 0))), ==, 1);
  ASSERT_OK (aff_offer_revision_remove_line (b, 1, &error));
  g_assert_null (aff_offer_revise (offer, &local_error));   /* B is a draft */
  g_assert_error (local_error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION);
  g_clear_error (&local_error);
  g_assert_cmpuint (n_lines (a), ==, 2);
  g_assert_cmpint (selling (a), ==, SELLING_A);
}

static void
test_second_send_after_deadline (void)
{
  g_autoptr(AffPortfolio) p = negotiated ();
  AffOffer *offer = aff_portfolio_lookup_offer (p, "OFF-1");
  AffConsultation *k = aff_portfolio_lookup_consultation (p, "CONS-1");
  AffOfferRevision *a = revision_at (offer, 0);
  AffOfferRevision *b = revision_at (offer, 1);
  AffJournal *journal = aff_portfolio_get_journal (p);
  g_autoptr(GPtrArray) entries = aff_journal_list_entries_for (journal, "offer", "OFF-1");
  g_autoptr(GDate) later = day (2026, 4, 21);
  static const char *expected[] = { "added", "approved", "sent", "revised", "sent" };
  AffJournalEntry *e;
  guint j = 0;
  GError *local_error = NULL;

  g_assert_cmpint (aff_offer_get_state (offer), ==, AFF_OFFER_STATE_SENT);
  g_assert_true (aff_offer_get_current_revision (offer) == b);
  g_assert_true (aff_offer_revision_is_frozen (b));
  g_assert_true (sent_on (offer, 2026, 4, 20));
  g_assert_cmpint (cost_price (b), ==, COST_B);
  g_assert_cmpint (selling (b), ==, SELLING_B);
  g_assert_cmpint (aff_consultation_get_state (k), ==, AFF_CONSULTATION_STATE_OFFER_SENT);
  assert_state_date (k, AFF_CONSULTATION_STATE_OFFER_SENT, 2026, 4, 2);
  e = last_entry (p, "offer", "OFF-1", "sent");
  assert_detail (e, "revision", "B");
  assert_detail (e, "date", "2026-04-20");
  assert_detail (e, "selling_price", "2729.41 EUR");
  assert_detail (e, "margin_rate", "1500");

  /* revision A: still frozen and unchanged */
  g_assert_true (aff_offer_revision_is_frozen (a));
  g_assert_cmpuint (n_lines (a), ==, 2);
  g_assert_cmpint (cost_price (a), ==, COST_A);
  g_assert_cmpint (selling (a), ==, SELLING_A);
  g_assert_cmpstr (aff_offer_revision_get_approver (a), ==, "Direction");

  for (guint i = 0; i < entries->len; i++)
    {
      const char *action = aff_journal_entry_get_action (g_ptr_array_index (entries, i));

      if (g_strv_contains ((const char * const []) { "added", "approved", "sent", "revised", NULL }, action))
        {
          g_assert_cmpuint (j, <, G_N_ELEMENTS (expected));
          g_assert_cmpstr (action, ==, expected[j]);
          j++;
        }
    }
  g_assert_cmpuint (j, ==, G_N_ELEMENTS (expected));
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_offer_send (offer, later, &error));
  g_assert_true (aff_journal_verify (journal, &local_error));
  g_assert_no_error (local_error);
}

static void
test_check_during_negotiation (void)
{
  /* Once the consultation is OFFER_SENT, neither CONSULTATION_NOT_GO nor
   * DEADLINE_PASSED, long after the deadline. */
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = valid_offer (p);
  AffOfferRevision *b;
  GError *local_error = NULL;

  send_on (offer, 2026, 4, 2);
  b = aff_offer_revise (offer, &local_error);
  g_assert_no_error (local_error);
  CHECK_IS (offer, 2026, 5, 31, 0);   /* 30 days before 2026-06-30 */
  CHECK_IS (offer, 2026, 6, 1, 1, AFF_OFFER_PROBLEM_VALIDITY);
  set_validity (b, 2026, 12, 31);
  CHECK_IS (offer, 2026, 9, 1, 0);
}

/* --- save and reload ---------------------------------------------------------- */

static void
assert_same_revision (AffOfferRevision *x,
                      AffOfferRevision *y)
{
  g_assert_cmpstr (aff_offer_revision_get_letter (y), ==, aff_offer_revision_get_letter (x));
  g_assert_cmpint (aff_offer_revision_is_frozen (y), ==, aff_offer_revision_is_frozen (x));
  g_assert_cmpuint (n_lines (y), ==, n_lines (x));
  for (guint i = 0; i < n_lines (x); i++)
    {
      AffOfferLine *lx = line_at (x, i);
      AffOfferLine *ly = line_at (y, i);
      g_autofree char *qx = aff_offer_line_dup_quantity (lx);
      g_autofree char *qy = aff_offer_line_dup_quantity (ly);

      g_assert_cmpint (aff_offer_line_get_kind (ly), ==, aff_offer_line_get_kind (lx));
      g_assert_cmpstr (aff_offer_line_get_description (ly), ==, aff_offer_line_get_description (lx));
      g_assert_cmpstr (qy, ==, qx);
      g_assert_cmpint (aff_offer_line_get_unit (ly), ==, aff_offer_line_get_unit (lx));
      g_assert_true (aff_money_equal (aff_offer_line_get_unit_cost (ly), aff_offer_line_get_unit_cost (lx)));
      g_assert_cmpstr (aff_offer_line_get_lot (ly), ==, aff_offer_line_get_lot (lx));
      g_assert_true (g_strv_equal (aff_offer_line_get_requirements (ly), aff_offer_line_get_requirements (lx)));
    }
  g_assert_cmpstr (aff_offer_revision_get_approver (y), ==, aff_offer_revision_get_approver (x));
  g_assert_cmpstr (aff_offer_revision_get_approval_justification (y), ==,
                   aff_offer_revision_get_approval_justification (x));
  g_assert_cmpint (aff_offer_revision_get_acknowledged_flags (y), ==, aff_offer_revision_get_acknowledged_flags (x));
  if (aff_offer_revision_get_notes (x) == NULL)
    g_assert_true (aff_offer_revision_get_notes (y) == NULL || aff_offer_revision_get_notes (y)[0] == NULL);
  else
    g_assert_true (g_strv_equal (aff_offer_revision_get_notes (y), aff_offer_revision_get_notes (x)));
  if (aff_offer_revision_get_validity (x) == NULL)
    g_assert_null (aff_offer_revision_get_validity (y));
  else
    g_assert_cmpint (g_date_compare (aff_offer_revision_get_validity (y), aff_offer_revision_get_validity (x)), ==, 0);
  g_assert_cmpint (margin_rate (y), ==, margin_rate (x));
  g_assert_cmpint (selling (y), ==, selling (x));
  g_assert_cmpint (aff_offer_revision_get_vat_rate (y), ==, aff_offer_revision_get_vat_rate (x));
}

static void
test_round_trip (void)
{
  g_autoptr(AffPortfolio) p = negotiated ();
  gsize length = 0, length2 = 0;
  g_autofree char *text = aff_portfolio_to_data (p, &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPortfolio) q = aff_portfolio_new_from_data (text, -1, &error);
  g_autofree char *text2 = NULL;
  GListModel *po, *qo;
  AffOffer *o, *o3;
  AffOfferRevision *a, *b, *c;
  AffConsultation *k;
  const char * const *notes;
  AffJournalEntry *e;

  g_assert_no_error (error);
  g_assert_nonnull (q);
  g_assert_cmpuint (length, ==, strlen (text));
  text2 = aff_portfolio_to_data (q, &length2);
  g_assert_cmpstr (text2, ==, text);
  g_assert_cmpuint (length2, ==, length);

  po = aff_portfolio_get_offers (p);
  qo = aff_portfolio_get_offers (q);
  g_assert_cmpuint (g_list_model_get_n_items (qo), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (qo), ==, g_list_model_get_n_items (po));
  for (guint i = 0; i < g_list_model_get_n_items (po); i++)
    {
      g_autoptr(AffOffer) x = g_list_model_get_item (po, i);
      g_autoptr(AffOffer) y = g_list_model_get_item (qo, i);
      GDate dx, dy;
      gboolean sx, sy;

      g_assert_cmpstr (aff_offer_get_id (y), ==, aff_offer_get_id (x));
      g_assert_cmpstr (aff_offer_get_consultation_id (y), ==, aff_offer_get_consultation_id (x));
      g_assert_cmpint (aff_offer_get_state (y), ==, aff_offer_get_state (x));
      g_date_clear (&dx, 1);
      g_date_clear (&dy, 1);
      sx = aff_offer_get_sent_date (x, &dx);
      sy = aff_offer_get_sent_date (y, &dy);
      g_assert_cmpint (sy, ==, sx);
      if (sx)
        g_assert_cmpint (g_date_compare (&dy, &dx), ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (aff_offer_get_revisions (y)), ==,
                        g_list_model_get_n_items (aff_offer_get_revisions (x)));
      for (guint r = 0; r < g_list_model_get_n_items (aff_offer_get_revisions (x)); r++)
        assert_same_revision (revision_at (x, r), revision_at (y, r));
    }

  o = aff_portfolio_lookup_offer (q, "OFF-1");
  g_assert_nonnull (o);
  g_assert_cmpint (aff_offer_get_state (o), ==, AFF_OFFER_STATE_SENT);
  g_assert_true (sent_on (o, 2026, 4, 20));
  g_assert_cmpuint (g_list_model_get_n_items (aff_offer_get_revisions (o)), ==, 2);
  a = revision_at (o, 0);
  b = revision_at (o, 1);
  g_assert_true (aff_offer_get_current_revision (o) == b);
  g_assert_cmpstr (aff_offer_revision_get_letter (a), ==, "A");
  g_assert_cmpstr (aff_offer_revision_get_letter (b), ==, "B");
  g_assert_true (aff_offer_revision_is_frozen (a));
  g_assert_true (aff_offer_revision_is_frozen (b));
  g_assert_cmpuint (n_lines (a), ==, 2);
  g_assert_cmpuint (n_lines (b), ==, 3);
  {
    AffOfferLine *l2 = line_at (a, 1);
    g_autofree char *q2 = aff_offer_line_dup_quantity (l2);
    const char * const *reqs = aff_offer_line_get_requirements (l2);

    g_assert_cmpint (aff_offer_line_get_kind (l2), ==, AFF_LINE_KIND_LABOUR);
    g_assert_cmpstr (aff_offer_line_get_description (l2), ==, "Soudure TIG");
    g_assert_cmpstr (q2, ==, "20");
    g_assert_cmpint (aff_offer_line_get_unit (l2), ==, AFF_LINE_UNIT_HOUR);
    g_assert_cmpint (aff_money_get_minor (aff_offer_line_get_unit_cost (l2)), ==, 6000);
    g_assert_cmpstr (aff_offer_line_get_lot (l2), ==, "lot-1");
    g_assert_nonnull (reqs);
    g_assert_cmpstr (reqs[0], ==, "REQ-2");
    g_assert_null (reqs[1]);
  }
  g_assert_cmpstr (aff_offer_revision_get_approver (a), ==, "Direction");
  g_assert_cmpstr (aff_offer_revision_get_approval_justification (a), ==, "client stratégique");
  g_assert_null (aff_offer_revision_get_approver (b));
  for (guint r = 0; r < 2; r++)
    {
      AffOfferRevision *rev = r == 0 ? a : b;

      notes = aff_offer_revision_get_notes (rev);
      g_assert_nonnull (notes);
      g_assert_cmpuint (g_strv_length ((char **) notes), ==, 2);
      g_assert_cmpstr (notes[0], ==, "Permis de feu");
      g_assert_cmpstr (notes[1], ==, "Travail en hauteur : nacelle");
      g_assert_cmpint (aff_offer_revision_get_acknowledged_flags (rev), ==,
                       AFF_REGULATORY_FLAGS_HOT_WORK | AFF_REGULATORY_FLAGS_WORK_AT_HEIGHT);
    }
  g_assert_cmpint (selling (a), ==, SELLING_A);
  g_assert_cmpint (selling (b), ==, SELLING_B);
  assert_date (aff_offer_revision_get_validity (b), 2026, 7, 31);

  o3 = aff_portfolio_lookup_offer (q, "OFF-3");
  g_assert_nonnull (o3);
  g_assert_cmpint (aff_offer_get_state (o3), ==, AFF_OFFER_STATE_DRAFT);
  g_assert_false (sent_on (o3, 0, 0, 0));
  g_assert_false (aff_offer_revision_is_frozen (aff_offer_get_current_revision (o3)));
  g_assert_cmpstr (aff_offer_revision_get_approver (aff_offer_get_current_revision (o3)), ==, "Direction");
  CHECK_IS (o3, 2026, 4, 1, 1, AFF_OFFER_PROBLEM_NO_LINES);

  k = aff_portfolio_lookup_consultation (q, "CONS-1");
  g_assert_cmpint (aff_consultation_get_state (k), ==, AFF_CONSULTATION_STATE_OFFER_SENT);
  assert_state_date (k, AFF_CONSULTATION_STATE_OFFER_SENT, 2026, 4, 2);

  g_assert_cmpuint (aff_journal_get_n_entries (aff_portfolio_get_journal (q)), ==,
                    aff_journal_get_n_entries (aff_portfolio_get_journal (p)));
  g_assert_cmpstr (aff_journal_get_head_hash (aff_portfolio_get_journal (q)), ==,
                   aff_journal_get_head_hash (aff_portfolio_get_journal (p)));
  g_assert_true (aff_journal_verify (aff_portfolio_get_journal (q), &error));
  g_assert_no_error (error);

  /* the loaded offer goes on: C from B, journaled */
  c = aff_offer_revise (o, &error);
  g_assert_no_error (error);
  g_assert_nonnull (c);
  g_assert_cmpstr (aff_offer_revision_get_letter (c), ==, "C");
  g_assert_cmpint (aff_offer_get_state (o), ==, AFF_OFFER_STATE_NEGOTIATION);
  e = last_entry (q, "offer", "OFF-1", "revised");
  assert_detail (e, "revision", "C");
  assert_detail (e, "from", "B");
  g_assert_true (aff_journal_verify (aff_portfolio_get_journal (q), &error));
  g_assert_no_error (error);
}

/* Contingency from the risk register: 10 000.00 EUR at 30 % -> 3 000.00,
 * 2 000.00 at 50 % -> 1 000.00, 5 000.00 without a probability in percent
 * -> nothing: 4 000.00 (400000). */
static void
test_contingency_from_risks (void)
{
  g_autoptr(AffPortfolio) p = new_portfolio ();
  AffOffer *offer = add_offer (p, "OFF-1", "CONS-1");
  AffOfferRevision *rev = aff_offer_get_current_revision (offer);
  AffRiskRegister *risks = aff_consultation_get_risk_register (aff_portfolio_lookup_consultation (p, "CONS-1"));
  g_autoptr(AffOfferRevision) loose = aff_offer_revision_new ("A", aff_portfolio_get_policy (p));
  struct { const char *title; const char *exposure; int percent; } cases[] = {
    { "Soudures refusées", "10000.00 EUR", 30 },
    { "Retard de livraison des tubes", "2000.00 EUR", 50 },
    { "Accès au site", "5000.00 EUR", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AffRisk) risk = aff_risk_new (cases[i].title, AFF_RISK_CATEGORY_TECHNICAL, 2, 3);
      g_autoptr(AffMoney) exposure = money (cases[i].exposure);

      aff_risk_set_exposure (risk, exposure);
      aff_risk_set_probability_percent (risk, cases[i].percent);
      ASSERT_OK (aff_risk_register_add_risk (risks, risk, &error));
    }
  ASSERT_OK (aff_offer_revision_set_contingency_from_risks (rev, &error));
  g_assert_cmpint (aff_money_get_minor (aff_offer_revision_get_contingency (rev)), ==, 400000);
  ASSERT_FAILS (AFF_ERROR_NOT_ASSESSABLE, aff_offer_revision_set_contingency_from_risks (loose, &error));
  g_assert_true (aff_money_is_zero (aff_offer_revision_get_contingency (loose)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/offer/before-add", test_before_add);
  g_test_add_func ("/offer/revision-a", test_revision_a);
  g_test_add_func ("/offer/add-errors", test_add_errors);
  g_test_add_func ("/offer/lookup-and-journal", test_lookup_and_journal);
  g_test_add_func ("/offer/check/all-in-order", test_check_all_in_order);
  g_test_add_func ("/offer/check/valid", test_valid_offer);
  g_test_add_func ("/offer/check/no-lines-and-validity-missing", test_no_lines_and_validity_missing);
  g_test_add_func ("/offer/check/consultation-not-go", test_consultation_not_go);
  g_test_add_func ("/offer/check/deadline", test_deadline);
  g_test_add_func ("/offer/check/margin-floor-and-approval", test_margin_floor_and_approval);
  g_test_add_func ("/offer/check/requirements", test_requirements);
  g_test_add_func ("/offer/check/validity", test_validity);
  g_test_add_func ("/offer/check/regulatory", test_regulatory);
  g_test_add_func ("/offer/send/refused", test_send_refused);
  g_test_add_func ("/offer/send", test_send);
  g_test_add_func ("/offer/revise", test_revise);
  g_test_add_func ("/offer/second-send-after-deadline", test_second_send_after_deadline);
  g_test_add_func ("/offer/check-during-negotiation", test_check_during_negotiation);
  g_test_add_func ("/offer/round-trip", test_round_trip);
  g_test_add_func ("/offer/contingency-from-risks", test_contingency_from_risks);

  return g_test_run ();
}
