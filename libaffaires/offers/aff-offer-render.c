/* aff-offer-render.c: the offer as the client receives it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-offers-private.h"
#include "aff-money-private.h"
#include "aff-error.h"
#include "aff-language-private.h"
#include "aff-doc-private.h"

/* The words of the document, in the languages of aff_policy_set_language(). */
static const char *const units[N_LANGS][6] = {
  { "heure", "jour", "unité", "mètre", "kg", "forfait" },
  { "hour", "day", "unit", "metre", "kg", "lump sum" },
};

/* Basis points as a percentage: 2000 → "20 %", 550 → "5,5 %" in French. */
static char *
format_rate (guint         lang,
             int           basis_points)
{
  GString *out = g_string_new (NULL);
  int whole = basis_points / 100, hundredths = basis_points % 100;

  g_string_append_printf (out, "%d", whole);
  if (hundredths != 0)
    {
      g_string_append (out, lang == LANG_FR ? "," : ".");
      if (hundredths % 10 == 0)
        g_string_append_printf (out, "%d", hundredths / 10);
      else
        g_string_append_printf (out, "%02d", hundredths);
    }
  /* French puts a no-break space before the percent sign. */
  g_string_append (out, lang == LANG_FR ? "\u00a0%" : "%");
  return g_string_free (out, FALSE);
}

static char *
format_quantity (guint         lang,
                 gint64        thousandths)
{
  char *text = _aff_format_quantity (thousandths);

  if (lang == LANG_FR)
    g_strdelimit (text, ".", ',');
  return text;
}

/**
 * aff_offer_revision_render:
 * @self: a revision of an offer in a portfolio
 * @format: the format to write
 * @error: return location for a #GError
 *
 * Writes the offer as the client receives it, following the company's
 * presentation standards (see [method@Aff.Policy.set_presentation]) and in
 * the policy's language, French by default: the header, the company's
 * identity and the client's, the references of the consultation, the
 * context and understanding of the need, the answer to each requirement of
 * the consultation (the lines that cover it), the price table, the lead
 * time, the validity, the payment and billing terms and the VAT, the legal
 * mentions and the signature block.
 *
 * The price table shows the selling price only: each line's amount is its
 * share of the total excluding tax in proportion to its cost with the
 * overheads of its kind, split by the
 * largest-remainder method so that the amounts add up exactly to the total;
 * costs, overheads, contingency and margin never appear. A revision not yet
 * sent is marked as a draft.
 *
 * In HTML the result is a complete standalone page with an A4 print style
 * sheet; in Markdown, CommonMark with pipe tables.
 *
 * Returns: (transfer full): the document, or %NULL with
 *   %AFF_ERROR_NOT_ASSESSABLE set when the revision is not in an offer of a
 *   portfolio, %AFF_ERROR_INVALID_VALUE when the policy has no
 *   `company-name`, or the error of the price computation
 */
char *
aff_offer_revision_render (AffOfferRevision  *self,
                           AffDocumentFormat  format,
                           GError           **error)
{
  static const gboolean price_numeric[] = { FALSE, TRUE, FALSE, TRUE };
  static const gboolean text_numeric[] = { FALSE, FALSE };
  guint lang;
  const char *locale;
  AffOffer *offer;
  AffConsultation *consultation;
  AffClient *client;
  AffPolicy *policy;
  GListModel *lines, *requirements;
  g_autoptr(AffMoney) total = NULL, vat = NULL, including = NULL;
  g_autoptr(GPtrArray) shares = NULL;
  g_autofree gint64 *weights = NULL;
  g_autofree char *title = NULL;
  const char *company, *text;
  const char * const *notes;
  AffDoc doc;
  GDate sent;
  gboolean scalable = TRUE;
  guint i, n;

  g_return_val_if_fail (AFF_IS_OFFER_REVISION (self), NULL);
  g_return_val_if_fail (format == AFF_DOCUMENT_FORMAT_MARKDOWN || format == AFF_DOCUMENT_FORMAT_HTML, NULL);

  offer = _aff_offer_revision_get_offer (self);
  consultation = offer ? _aff_offer_get_consultation (offer) : NULL;
  client = offer ? _aff_offer_get_client (offer) : NULL;
  policy = offer ? _aff_offer_get_policy (offer) : NULL;
  if (consultation == NULL || client == NULL || policy == NULL)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_ASSESSABLE,
                        _("revision %s cannot be rendered: it is not in an offer of a portfolio, "
                          "which knows the client, the consultation and the company"),
                        aff_offer_revision_get_letter (self)), NULL;
  company = aff_policy_get_presentation (policy, "company-name");
  if (company == NULL)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("offer %s cannot be rendered: the policy has no company-name, "
                          "and an offer must say who makes it"),
                        aff_offer_get_id (offer)), NULL;

  lines = aff_offer_revision_get_lines (self);
  n = g_list_model_get_n_items (lines);
  if ((total = aff_offer_revision_get_selling_price (self, error)) == NULL ||
      (vat = aff_offer_revision_get_vat (self, error)) == NULL ||
      (including = aff_offer_revision_get_total_including_vat (self, error)) == NULL)
    return NULL;
  weights = g_new0 (gint64, MAX (n, 1));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffOfferLine) line = g_list_model_get_item (lines, i);
      g_autoptr(AffMoney) cost = aff_offer_line_compute_cost (line, error);

      if (cost == NULL)
        return NULL;
      weights[i] = MAX (aff_money_get_minor (cost), 0);
      scalable = scalable && weights[i] <= G_MAXINT64 / 20000;
    }
  /* A line's share is its cost with the overheads of its kind: labour
   * carries more structure than material. Only beyond any real amount
   * (4.6 × 10^14 minor units on a line) would the product overflow; the
   * lines then weigh by their costs alone. */
  for (i = 0; scalable && i < n; i++)
    {
      g_autoptr(AffOfferLine) line = g_list_model_get_item (lines, i);

      weights[i] *= 10000 + aff_offer_revision_get_overhead_rate (self, aff_offer_line_get_kind (line));
    }
  if (n > 0)
    {
      g_autoptr(GError) local_error = NULL;

      shares = _aff_money_allocate (total, weights, n, &local_error);
      /* Lines that all cost nothing share nothing: they show no amount. */
      if (shares == NULL)
        g_clear_error (&local_error);
    }

  lang = _aff_language_index (aff_policy_get_language (policy));
  locale = L ("fr", "en");
  title = g_strdup_printf (L ("Offre commerciale %s, révision %s", "Commercial offer %s, revision %s"),
                           aff_offer_get_id (offer), aff_offer_revision_get_letter (self));
  _aff_doc_begin (&doc, format, locale, title);

  if ((text = aff_policy_get_presentation (policy, "header")) != NULL)
    {
      _aff_doc_paragraph_begin (&doc, "header");
      _aff_doc_paragraph_text (&doc, TRUE, text);
      _aff_doc_paragraph_end (&doc);
    }

  _aff_doc_paragraph_begin (&doc, "identity");
  _aff_doc_paragraph_line (&doc, TRUE, company, NULL);
  _aff_doc_paragraph_text (&doc, FALSE, aff_policy_get_presentation (policy, "company-address"));
  _aff_doc_paragraph_text (&doc, FALSE, aff_policy_get_presentation (policy, "company-identity"));
  _aff_doc_paragraph_end (&doc);

  _aff_doc_paragraph_begin (&doc, "client");
  _aff_doc_paragraph_line (&doc, TRUE, L ("Client :", "Client:"), aff_client_get_name (client));
  _aff_doc_paragraph_text (&doc, FALSE, aff_client_get_address (client));
  if ((text = aff_client_get_siren (client)) != NULL && strlen (text) == 9)
    {
      /* Written in groups of three, as on a Kbis extract. */
      g_autofree char *siren = g_strdup_printf ("SIREN %.3s %.3s %.3s", text, text + 3, text + 6);
      _aff_doc_paragraph_line (&doc, FALSE, NULL, siren);
    }
  _aff_doc_paragraph_end (&doc);

  _aff_doc_heading (&doc, 1, title);

  if (!aff_offer_revision_is_frozen (self))
    {
      _aff_doc_paragraph_begin (&doc, "draft");
      _aff_doc_paragraph_line (&doc, TRUE, NULL, L ("Projet : révision non envoyée", "Draft: revision not sent"));
      _aff_doc_paragraph_end (&doc);
    }

  {
    g_autofree char *received = _aff_doc_format_date (lang, aff_consultation_get_received (consultation));
    g_autofree char *reference = g_strdup_printf (L ("Votre consultation %s du %s",
                                                     "Your request for quotation %s of %s"),
                                                  aff_consultation_get_id (consultation), received);

    _aff_doc_paragraph_begin (&doc, "references");
    _aff_doc_paragraph_line (&doc, TRUE, L ("Objet :", "Subject:"), aff_consultation_get_title (consultation));
    _aff_doc_paragraph_line (&doc, FALSE, NULL, reference);
    if (aff_offer_revision_is_frozen (self) &&
        aff_offer_get_current_revision (offer) == self &&
        aff_offer_get_sent_date (offer, &sent))
      {
        g_autofree char *day = _aff_doc_format_date (lang, &sent);
        _aff_doc_paragraph_line (&doc, FALSE, L ("Date :", "Date:"), day);
      }
    if (aff_consultation_get_site (consultation) != NULL)
      _aff_doc_paragraph_line (&doc, FALSE, L ("Lieu d’intervention :", "Site:"), aff_consultation_get_site (consultation));
    _aff_doc_paragraph_end (&doc);
  }

  _aff_doc_heading (&doc, 2, L ("1. Contexte et compréhension du besoin", "1. Context and understanding of the need"));
  text = aff_consultation_get_description (consultation);
  _aff_doc_paragraph (&doc, text != NULL ? text : L ("Le besoin est décrit dans votre consultation.",
                                            "The need is described in your request for quotation."));

  _aff_doc_heading (&doc, 2, L ("2. Périmètre et réponse à vos exigences", "2. Scope and answer to your requirements"));
  requirements = aff_consultation_get_requirements (consultation);
  if (g_list_model_get_n_items (requirements) > 0)
    {
      const char *columns[] = { L ("Exigence", "Requirement"), L ("Notre réponse", "Our answer"), NULL };

      _aff_doc_table_begin (&doc, columns, text_numeric);
      for (i = 0; i < g_list_model_get_n_items (requirements); i++)
        {
          g_autoptr(AffRequirement) requirement = g_list_model_get_item (requirements, i);
          g_autoptr(GString) answer = g_string_new (NULL);
          g_autofree char *asked = g_strdup_printf ("%s. %s", aff_requirement_get_id (requirement),
                                                    aff_requirement_get_text (requirement));
          const char *cells[3];

          for (guint j = 0; j < n; j++)
            {
              g_autoptr(AffOfferLine) line = g_list_model_get_item (lines, j);

              if (g_strv_contains (aff_offer_line_get_requirements (line), aff_requirement_get_id (requirement)))
                g_string_append_printf (answer, "%s%s", answer->len > 0 ? " ; " : "",
                                        aff_offer_line_get_description (line));
            }
          cells[0] = asked;
          cells[1] = answer->len > 0 ? answer->str
                                     : L ("Hors périmètre de cette offre", "Outside the scope of this offer");
          cells[2] = NULL;
          _aff_doc_table_row (&doc, FALSE, cells, text_numeric);
        }
      _aff_doc_table_end (&doc);
    }
  notes = aff_offer_revision_get_notes (self);
  if (notes != NULL && notes[0] != NULL)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new ();

      _aff_doc_paragraph_begin (&doc, NULL);
      _aff_doc_paragraph_line (&doc, TRUE, L ("Précisions", "Notes"), NULL);
      _aff_doc_paragraph_end (&doc);
      for (i = 0; notes[i] != NULL; i++)
        g_ptr_array_add (items, (gpointer) notes[i]);
      _aff_doc_list (&doc, items);
    }

  _aff_doc_heading (&doc, 2, L ("3. Prix", "3. Price"));
  {
    const char *columns[] = {
      L ("Désignation", "Item"), L ("Quantité", "Quantity"), L ("Unité", "Unit"),
      L ("Montant HT", "Amount excl. VAT"), NULL
    };
    g_autofree char *total_text = aff_money_format (total, locale);
    g_autofree char *vat_text = aff_money_format (vat, locale);
    g_autofree char *including_text = aff_money_format (including, locale);
    g_autofree char *rate = format_rate (lang, aff_offer_revision_get_vat_rate (self));
    g_autofree char *vat_label = g_strdup_printf (L ("TVA %s", "VAT %s"), rate);
    const char *row[5];

    _aff_doc_table_begin (&doc, columns, price_numeric);
    for (i = 0; i < n; i++)
      {
        g_autoptr(AffOfferLine) line = g_list_model_get_item (lines, i);
        g_autofree char *quantity = format_quantity (lang, aff_offer_line_get_quantity_thousandths (line));
        g_autofree char *amount = shares ? aff_money_format (g_ptr_array_index (shares, i), locale) : g_strdup ("");

        row[0] = aff_offer_line_get_description (line);
        row[1] = quantity;
        row[2] = units[lang][aff_offer_line_get_unit (line)];
        row[3] = amount;
        row[4] = NULL;
        _aff_doc_table_row (&doc, FALSE, row, price_numeric);
      }
    row[0] = L ("Total HT", "Total excl. VAT"); row[1] = ""; row[2] = ""; row[3] = total_text;
    _aff_doc_table_row (&doc, TRUE, row, price_numeric);
    row[0] = vat_label; row[3] = vat_text;
    _aff_doc_table_row (&doc, FALSE, row, price_numeric);
    row[0] = L ("Total TTC", "Total incl. VAT"); row[3] = including_text;
    _aff_doc_table_row (&doc, TRUE, row, price_numeric);
    _aff_doc_table_end (&doc);
  }

  {
    g_autofree char *lead = g_strdup_printf (L ("%u jours ouvrés à compter de la commande.",
                                                "%u working days from the order."),
                                             aff_offer_revision_get_lead_time_days (self));

    _aff_doc_heading (&doc, 2, L ("4. Délai d’exécution", "4. Lead time"));
    _aff_doc_paragraph (&doc, lead);
  }

  _aff_doc_heading (&doc, 2, L ("5. Validité de l’offre", "5. Validity"));
  if (g_date_valid (aff_offer_revision_get_validity (self)))
    {
      g_autofree char *day = _aff_doc_format_date (lang, aff_offer_revision_get_validity (self));
      g_autofree char *validity = g_strdup_printf (L ("Offre valable jusqu’au %s.",
                                                      "This offer is valid until %s."), day);
      _aff_doc_paragraph (&doc, validity);
    }

  _aff_doc_heading (&doc, 2, L ("6. Conditions de paiement et de facturation", "6. Payment and billing terms"));
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
    int rate;

    if (aff_offer_revision_get_payment_end_of_month (self))
      g_ptr_array_add (items, g_strdup_printf (L ("Paiement à %u jours fin de mois à compter de la date d’émission de la facture.",
                                                  "Payment %u days end of month from the invoice date."),
                                               aff_offer_revision_get_payment_days (self)));
    else
      g_ptr_array_add (items, g_strdup_printf (L ("Paiement à %u jours à compter de la date d’émission de la facture.",
                                                  "Payment %u days from the invoice date."),
                                               aff_offer_revision_get_payment_days (self)));
    if ((rate = aff_offer_revision_get_advance_rate (self)) > 0)
      {
        g_autofree char *percent = format_rate (lang, rate);
        g_ptr_array_add (items, g_strdup_printf (L ("Acompte de %s du montant TTC à la commande.",
                                                    "Advance payment of %s of the amount incl. VAT with the order."),
                                                 percent));
      }
    if (aff_offer_revision_get_progress_billing (self))
      g_ptr_array_add (items, g_strdup (L ("Facturation mensuelle par situations de travaux, selon l’avancement.",
                                           "Monthly progress billing, according to the work done.")));
    else
      g_ptr_array_add (items, g_strdup (L ("Facturation à l’achèvement des travaux.",
                                           "Billing on completion of the work.")));
    if ((rate = aff_offer_revision_get_retention_rate (self)) > 0)
      {
        g_autofree char *percent = format_rate (lang, rate);
        g_ptr_array_add (items, g_strdup_printf (L ("Retenue de garantie de %s.", "Retention of %s."), percent));
      }
    {
      g_autofree char *percent = format_rate (lang, aff_offer_revision_get_vat_rate (self));
      g_ptr_array_add (items, g_strdup_printf (L ("TVA au taux de %s.", "VAT at %s."), percent));
    }
    _aff_doc_list (&doc, items);
  }

  _aff_doc_heading (&doc, 2, L ("Bon pour accord", "Approval"));
  {
    g_autofree char *for_company = g_strdup_printf (L ("Pour %s", "For %s"), company);

    _aff_doc_paragraph_begin (&doc, "signature");
    _aff_doc_paragraph_line (&doc, TRUE, for_company, NULL);
    if ((text = aff_policy_get_presentation (policy, "signatory-name")) != NULL)
      _aff_doc_paragraph_line (&doc, FALSE, NULL, text);
    if ((text = aff_policy_get_presentation (policy, "signatory-title")) != NULL)
      _aff_doc_paragraph_line (&doc, FALSE, NULL, text);
    _aff_doc_paragraph_end (&doc);
    _aff_doc_paragraph_begin (&doc, "signature");
    _aff_doc_paragraph_line (&doc, TRUE, L ("Pour le client", "For the client"), NULL);
    _aff_doc_paragraph_line (&doc, FALSE, NULL,
                    L ("Date, nom, qualité, signature et cachet, précédés de la mention « Bon pour accord »",
                       "Date, name, position, signature and stamp, preceded by the words “Approved”"));
    _aff_doc_paragraph_end (&doc);
  }

  if ((text = aff_policy_get_presentation (policy, "legal-mentions")) != NULL)
    {
      _aff_doc_paragraph_begin (&doc, "legal");
      _aff_doc_paragraph_text (&doc, TRUE, text);
      _aff_doc_paragraph_end (&doc);
    }

  return _aff_doc_finish (&doc);
}
