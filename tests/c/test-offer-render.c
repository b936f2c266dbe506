/* test-offer-render.c: the offer as the client receives it
 *
 * data/offer-story.json holds one sent offer (OF-2026-014, revision A) priced
 * by hand; data/golden/offer-fr.{md,html} and offer-en.md are its rendering,
 * reviewed line by line. The figures of the price table, in cents:
 *   direct costs  L1 labour 40 h x 50.00 = 200000, L2 material 30 m x 20.00
 *                 = 60000, L3 subcontract 100000, L4 other 15000: 375000
 *   overheads     60000 (30 %) + 6000 (10 %) + 8000 (8 %) + 1500 (10 %) = 75500
 *   contingency   10000; cost price 460500
 *   selling       460500 / (1 - 20 %) = 575625 (5 756,25 €)
 *   VAT 20 %      115125; total 690750 (6 907,50 €)
 *   line shares   575625 x cost with overheads / 4505000000, largest remainder:
 *     L1 x 2600/4505 = 332214.206, L2 x 660/4505 = 84331.299,
 *     L3 x 1080/4505 = 137996.670, L4 x 165/4505 = 21082.825;
 *     floors add to 575623, the two cents left go to L4 then L3:
 *     332214, 84331, 137997, 21083 (3 322,14 / 843,31 / 1 379,97 / 210,83 €)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <affaires.h>

#include "test-util.h"

static AffPortfolio *
load_story (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "offer-story.json", NULL);
  g_autoptr(GError) error = NULL;
  AffPortfolio *p = aff_portfolio_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

static char *
render (AffPortfolio      *p,
        AffDocumentFormat  format)
{
  AffOffer *offer = aff_portfolio_lookup_offer (p, "OF-2026-014");
  g_autoptr(GError) error = NULL;
  char *text;

  g_assert_nonnull (offer);
  text = aff_offer_revision_render (aff_offer_get_current_revision (offer), format, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static void
test_golden (void)
{
  g_autoptr(AffPortfolio) p = load_story ();
  g_autofree char *md = render (p, AFF_DOCUMENT_FORMAT_MARKDOWN);
  g_autofree char *html = render (p, AFF_DOCUMENT_FORMAT_HTML);
  g_autofree char *md_golden = golden ("offer-fr.md");
  g_autofree char *html_golden = golden ("offer-fr.html");
  g_autofree char *en = NULL, *en_golden = golden ("offer-en.md");

  g_assert_cmpstr (md, ==, md_golden);
  g_assert_cmpstr (html, ==, html_golden);
  g_assert_true (aff_policy_set_language (aff_portfolio_get_policy (p), "en", NULL));
  en = render (p, AFF_DOCUMENT_FORMAT_MARKDOWN);
  g_assert_cmpstr (en, ==, en_golden);
}

/* What the client must never see, and what a standalone page needs. */
static void
test_content (void)
{
  g_autoptr(AffPortfolio) p = load_story ();
  g_autofree char *md = render (p, AFF_DOCUMENT_FORMAT_MARKDOWN);
  g_autofree char *html = render (p, AFF_DOCUMENT_FORMAT_HTML);

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"fr\">"));
  g_assert_true (g_str_has_suffix (html, "</body>\n</html>\n"));
  g_assert_nonnull (strstr (html, "<meta charset=\"utf-8\">"));
  g_assert_nonnull (strstr (html, "@page"));
  /* Costs, overheads, contingency and margin stay inside: 2 000,00 € of
   * welding cost, 755,00 € of overheads, 100,00 € of contingency and the
   * 1 151,25 € margin appear nowhere. */
  g_assert_null (strstr (md, "2\u202f000,00"));
  g_assert_null (strstr (md, "755,00"));
  g_assert_null (strstr (md, "100,00"));
  g_assert_null (strstr (md, "marge"));
  g_assert_null (strstr (md, "PROJET"));
  g_assert_nonnull (strstr (md, "**5\u202f756,25\u00a0€**"));
}

static void
test_draft_and_escaping (void)
{
  g_autoptr(AffPortfolio) p = load_story ();
  g_autoptr(GError) error = NULL;
  AffOffer *offer = aff_portfolio_lookup_offer (p, "OF-2026-014");
  AffClient *client = aff_portfolio_lookup_client (p, "acme");
  AffOfferRevision *b;
  g_autofree char *md = NULL, *html = NULL;

  aff_client_set_name (client, "A*B | <Fils> & Cie");
  b = aff_offer_revise (offer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (b);
  md = aff_offer_revision_render (b, AFF_DOCUMENT_FORMAT_MARKDOWN, &error);
  g_assert_no_error (error);
  html = aff_offer_revision_render (b, AFF_DOCUMENT_FORMAT_HTML, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (md, "# Offre commerciale OF-2026-014, révision B\n"));
  g_assert_nonnull (strstr (md, "Projet : révision non envoyée"));
  g_assert_null (strstr (md, "**Date :**"));   /* a draft has not been sent */
  g_assert_nonnull (strstr (md, "**Client :** A\\*B \\| \\<Fils\\> & Cie"));
  g_assert_nonnull (strstr (html, "<strong>Client :</strong> A*B | &lt;Fils&gt; &amp; Cie"));
}

static void
test_errors (void)
{
  g_autoptr(AffPortfolio) p = load_story ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AffOfferRevision) loose = aff_offer_revision_new ("A", aff_portfolio_get_policy (p));
  AffOffer *offer = aff_portfolio_lookup_offer (p, "OF-2026-014");
  char *text;

  text = aff_offer_revision_render (loose, AFF_DOCUMENT_FORMAT_MARKDOWN, &error);
  g_assert_null (text);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_ASSESSABLE);
  g_clear_error (&error);

  g_assert_true (aff_policy_set_presentation (aff_portfolio_get_policy (p), "company-name", NULL, &error));
  g_assert_no_error (error);
  text = aff_offer_revision_render (aff_offer_get_current_revision (offer), AFF_DOCUMENT_FORMAT_HTML, &error);
  g_assert_null (text);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "OF-2026-014"));
}

/* An offer a binding keeps after its portfolio is gone no longer knows
 * the client: rendering says so instead of reading freed memory. */
static void
test_after_portfolio (void)
{
  AffPortfolio *p = load_story ();
  g_autoptr(AffOffer) offer = g_object_ref (aff_portfolio_lookup_offer (p, "OF-2026-014"));
  g_autoptr(GError) error = NULL;
  char *text;

  g_object_unref (p);
  text = aff_offer_revision_render (aff_offer_get_current_revision (offer), AFF_DOCUMENT_FORMAT_MARKDOWN, &error);
  g_assert_null (text);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_ASSESSABLE);
}

static void
test_presentation (void)
{
  g_autoptr(AffPolicy) policy = aff_policy_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = g_strnfill (4097, 'x');

  g_assert_cmpuint (g_strv_length ((char **) aff_policy_list_presentation_keys ()), ==, 7);
  g_assert_null (aff_policy_get_presentation (policy, "company-name"));
  g_assert_true (aff_policy_set_presentation (policy, "company-name", "Tuyauteries du Rhône", &error));
  g_assert_cmpstr (aff_policy_get_presentation (policy, "company-name"), ==, "Tuyauteries du Rhône");
  g_assert_true (aff_policy_set_presentation (policy, "company-name", "", &error));
  g_assert_null (aff_policy_get_presentation (policy, "company-name"));
  g_assert_false (aff_policy_set_presentation (policy, "logo", "x", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (aff_policy_set_presentation (policy, "header", long_text, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (aff_policy_set_presentation (policy, "header", "\xff", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
}

/* Changing a presentation standard is journaled, and an unchanged value is
 * not a change. */
static void
test_presentation_journal (void)
{
  g_autoptr(AffPortfolio) p = load_story ();
  AffJournal *journal = aff_portfolio_get_journal (p);
  AffPolicy *policy = aff_portfolio_get_policy (p);
  guint before = aff_journal_get_n_entries (journal);
  AffJournalEntry *entry;
  g_autofree char *key = NULL, *text = NULL;

  g_assert_true (aff_policy_set_presentation (policy, "signatory-name", "Claire Martin", NULL));
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, before);
  g_assert_true (aff_policy_set_presentation (policy, "signatory-name", "Paul Girard", NULL));
  g_assert_cmpuint (aff_journal_get_n_entries (journal), ==, before + 1);
  entry = aff_journal_get_entry (journal, before);
  g_assert_cmpstr (aff_journal_entry_get_entity_kind (entry), ==, "policy");
  g_assert_cmpstr (aff_journal_entry_get_action (entry), ==, "presentation-set");
  key = aff_journal_entry_dup_detail (entry, "key");
  text = aff_journal_entry_dup_detail (entry, "text");
  g_assert_cmpstr (key, ==, "signatory-name");
  g_assert_cmpstr (text, ==, "Paul Girard");
  g_assert_true (aff_journal_verify (journal, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/offer-render/golden", test_golden);
  g_test_add_func ("/offer-render/content", test_content);
  g_test_add_func ("/offer-render/draft-and-escaping", test_draft_and_escaping);
  g_test_add_func ("/offer-render/errors", test_errors);
  g_test_add_func ("/offer-render/after-portfolio", test_after_portfolio);
  g_test_add_func ("/offer-render/presentation", test_presentation);
  g_test_add_func ("/offer-render/presentation-journal", test_presentation_journal);
  return g_test_run ();
}
