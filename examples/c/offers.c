/* offers.c: pricing an offer, sending it and winning the affair
 *
 * Starts from the GO consultation of bidding.c (from story.h), prices an
 * offer for it from cost lines, sends it and records the client's
 * acceptance, which opens the affair. See examples/README.md, section 3.
 *
 * Build: cc offers.c $(pkg-config --cflags --libs libaffaires-1)
 */
#include "story.h"   /* the portfolio, ACME and its consultation CONS-1 decided GO */

static gboolean
run (GError **error)
{
  g_autoptr(AffPortfolio) portfolio = story_new_portfolio ();
  g_autoptr(AffOffer) offer = aff_offer_new ("OFF-1", "CONS-1");
  g_autoptr(GDate) validity = day (2026, 5, 31);
  g_autoptr(GDate) sent = day (2026, 4, 1);
  g_autoptr(GDate) signed_on = day (2026, 4, 20);
  g_autoptr(AffMoney) cost_price = NULL;
  g_autoptr(AffMoney) selling_price = NULL;
  g_autoptr(AffMoney) total = NULL;
  AffOfferRevision *revision;
  AffAffair *affair;
  int margin_rate;

  /* An offer can only be sent for a consultation the company chose to
   * answer: CONS-1 of bidding.c, decided GO. */
  if (!story_add_go_consultation (portfolio, error) ||
      !aff_portfolio_add_offer (portfolio, offer, error))
    return FALSE;

  /* The offer starts with a draft revision "A"; the price follows from the
   * cost lines, the policy's overheads and the margin rate. */
  revision = aff_offer_get_current_revision (offer);
  if (!add_line (revision, AFF_LINE_KIND_LABOUR, "Soudage", "120", AFF_LINE_UNIT_HOUR, "60.00 EUR", "T1", error) ||
      !add_line (revision, AFF_LINE_KIND_MATERIAL, "Tubes", "40", AFF_LINE_UNIT_METRE, "85.50 EUR", "T2", error) ||
      !aff_offer_revision_set_margin_rate (revision, 1500, error) ||
      !aff_offer_revision_set_validity (revision, validity, error) ||
      !aff_offer_revision_set_vat_rate (revision, 2000, error))
    return FALSE;

  if ((cost_price = aff_offer_revision_get_cost_price (revision, error)) == NULL ||
      (selling_price = aff_offer_revision_get_selling_price (revision, error)) == NULL ||
      (total = aff_offer_revision_get_total_including_vat (revision, error)) == NULL)
    return FALSE;
  /* The margin rate is in basis points (1 500 is 15 %); 0 is also what it
   * returns on an overflow, so only the error tells them apart. */
  margin_rate = aff_offer_revision_get_margin_rate (revision, error);
  if (*error != NULL)
    return FALSE;
  print_money ("cost price", cost_price);
  print_money ("selling price", selling_price);
  printf ("margin rate %.2f %%\n", margin_rate / 100.0);
  print_money ("total incl. VAT", total);

  /* Sending checks the offer and freezes the revision; accepting it is what
   * creates the affair, named after the offer. */
  if (!aff_offer_send (offer, sent, error) ||
      !aff_offer_accept (offer, signed_on, "CT-2026-001", error))
    return FALSE;
  printf ("state %s\n", nick (AFF_TYPE_OFFER_STATE, aff_offer_get_state (offer)));

  affair = aff_portfolio_lookup_affair (portfolio, "OFF-1");
  if (affair == NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND, "the accepted offer OFF-1 opened no affair");
      return FALSE;
    }
  {
    g_autofree char *budget = aff_money_format (aff_affair_get_budget_total (affair), "fr");

    printf ("affair %s budget %s\n", aff_affair_get_id (affair), budget);
  }
  return TRUE;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;

  if (!run (&error))
    {
      g_printerr ("offers: %s\n", error->message);
      return 1;
    }
  return 0;
}
