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


/* The document is built as a few kinds of blocks (headings, paragraphs of
 * lines, lists, tables) so that Markdown and HTML say exactly the same
 * thing: a golden file of one is a review of the other. */

typedef struct
{
  AffDocumentFormat format;
  GString *out;
} Doc;

static void
append_escaped (Doc        *doc,
                const char *text)
{
  const char *p;

  if (doc->format == AFF_DOCUMENT_FORMAT_HTML)
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      g_string_append (doc->out, escaped);
      return;
    }
  /* Backslash-escaping every character CommonMark gives a meaning to keeps
   * a client name such as "A*B | Fils" from becoming markup. */
  for (p = text; *p != '\0'; p++)
    {
      if (strchr ("\\`*_[]<>|#!~", *p) != NULL)
        g_string_append_c (doc->out, '\\');
      g_string_append_c (doc->out, *p);
    }
}

static void
heading (Doc        *doc,
         int         level,
         const char *text)
{
  if (doc->format == AFF_DOCUMENT_FORMAT_HTML)
    {
      g_string_append_printf (doc->out, "<h%d>", level);
      append_escaped (doc, text);
      g_string_append_printf (doc->out, "</h%d>\n", level);
      return;
    }
  for (int i = 0; i < level; i++)
    g_string_append_c (doc->out, '#');
  g_string_append_c (doc->out, ' ');
  append_escaped (doc, text);
  g_string_append (doc->out, "\n\n");
}

/* A paragraph whose lines stay lines: an address, an identity block.
 * Each line may start with a bold label. */
static void
paragraph_begin (Doc        *doc,
                 const char *css_class)
{
  if (doc->format == AFF_DOCUMENT_FORMAT_HTML)
    {
      if (css_class != NULL)
        g_string_append_printf (doc->out, "<p class=\"%s\">", css_class);
      else
        g_string_append (doc->out, "<p>");
    }
}

static void
paragraph_line (Doc        *doc,
                gboolean    first,
                const char *label,
                const char *text)
{
  if (!first)
    g_string_append (doc->out, doc->format == AFF_DOCUMENT_FORMAT_HTML ? "<br>\n" : "  \n");
  if (label != NULL)
    {
      g_string_append (doc->out, doc->format == AFF_DOCUMENT_FORMAT_HTML ? "<strong>" : "**");
      append_escaped (doc, label);
      g_string_append (doc->out, doc->format == AFF_DOCUMENT_FORMAT_HTML ? "</strong>" : "**");
      if (text != NULL)
        g_string_append_c (doc->out, ' ');
    }
  if (text != NULL)
    append_escaped (doc, text);
}

/* Every line of a text of several lines, empty lines dropped. */
static gboolean
paragraph_text (Doc        *doc,
                gboolean    first,
                const char *text)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return first;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      paragraph_line (doc, first, NULL, lines[i]);
      first = FALSE;
    }
  return first;
}

static void
paragraph_end (Doc *doc)
{
  g_string_append (doc->out, doc->format == AFF_DOCUMENT_FORMAT_HTML ? "</p>\n" : "\n\n");
}

static void
paragraph (Doc        *doc,
           const char *text)
{
  paragraph_begin (doc, NULL);
  paragraph_text (doc, TRUE, text);
  paragraph_end (doc);
}

static void
list (Doc       *doc,
      GPtrArray *items)
{
  if (items->len == 0)
    return;
  if (doc->format == AFF_DOCUMENT_FORMAT_HTML)
    g_string_append (doc->out, "<ul>\n");
  for (guint i = 0; i < items->len; i++)
    {
      g_string_append (doc->out, doc->format == AFF_DOCUMENT_FORMAT_HTML ? "<li>" : "- ");
      append_escaped (doc, g_ptr_array_index (items, i));
      g_string_append (doc->out, doc->format == AFF_DOCUMENT_FORMAT_HTML ? "</li>\n" : "\n");
    }
  g_string_append (doc->out, doc->format == AFF_DOCUMENT_FORMAT_HTML ? "</ul>\n" : "\n");
}

/* @columns: the header cells; @numeric: which columns hold figures, right-aligned. */
static void
table_begin (Doc                *doc,
             const char * const *columns,
             const gboolean     *numeric)
{
  guint i;

  if (doc->format == AFF_DOCUMENT_FORMAT_HTML)
    {
      g_string_append (doc->out, "<table>\n<thead><tr>");
      for (i = 0; columns[i] != NULL; i++)
        {
          g_string_append (doc->out, numeric[i] ? "<th class=\"num\">" : "<th>");
          append_escaped (doc, columns[i]);
          g_string_append (doc->out, "</th>");
        }
      g_string_append (doc->out, "</tr></thead>\n<tbody>\n");
      return;
    }
  g_string_append_c (doc->out, '|');
  for (i = 0; columns[i] != NULL; i++)
    {
      g_string_append_c (doc->out, ' ');
      append_escaped (doc, columns[i]);
      g_string_append (doc->out, " |");
    }
  g_string_append (doc->out, "\n|");
  for (i = 0; columns[i] != NULL; i++)
    g_string_append (doc->out, numeric[i] ? "---:|" : "---|");
  g_string_append_c (doc->out, '\n');
}

static void
table_row (Doc                *doc,
           gboolean            strong,
           const char * const *cells,
           const gboolean     *numeric)
{
  const char *open = strong ? (doc->format == AFF_DOCUMENT_FORMAT_HTML ? "<strong>" : "**") : "";
  const char *close = strong ? (doc->format == AFF_DOCUMENT_FORMAT_HTML ? "</strong>" : "**") : "";
  guint i;

  g_string_append (doc->out, doc->format == AFF_DOCUMENT_FORMAT_HTML ? "<tr>" : "|");
  for (i = 0; cells[i] != NULL; i++)
    {
      if (doc->format == AFF_DOCUMENT_FORMAT_HTML)
        g_string_append (doc->out, numeric[i] ? "<td class=\"num\">" : "<td>");
      else
        g_string_append_c (doc->out, ' ');
      if (cells[i][0] != '\0')
        {
          g_string_append (doc->out, open);
          append_escaped (doc, cells[i]);
          g_string_append (doc->out, close);
        }
      g_string_append (doc->out, doc->format == AFF_DOCUMENT_FORMAT_HTML ? "</td>" : " |");
    }
  g_string_append (doc->out, doc->format == AFF_DOCUMENT_FORMAT_HTML ? "</tr>\n" : "\n");
}

static void
table_end (Doc *doc)
{
  g_string_append (doc->out, doc->format == AFF_DOCUMENT_FORMAT_HTML ? "</tbody>\n</table>\n" : "\n");
}

/* The words of the document, in the languages of aff_policy_set_language(). */
static const char *const months[N_LANGS][12] = {
  { "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre" },
  { "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December" },
};

static const char *const units[N_LANGS][6] = {
  { "heure", "jour", "unité", "mètre", "kg", "forfait" },
  { "hour", "day", "unit", "metre", "kg", "lump sum" },
};

static char *
format_date (guint         lang,
             const GDate  *date)
{
  /* French writes the first of the month as an ordinal: 1er avril. */
  return g_strdup_printf ("%u%s %s %u", g_date_get_day (date),
                          lang == LANG_FR && g_date_get_day (date) == 1 ? "er" : "",
                          months[lang][g_date_get_month (date) - 1], g_date_get_year (date));
}

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

static const char html_head[] =
  "<!DOCTYPE html>\n"
  "<html lang=\"%s\">\n"
  "<head>\n"
  "<meta charset=\"utf-8\">\n"
  "<title>%s</title>\n"
  "<style>\n"
  "@page { size: A4; margin: 18mm 16mm 20mm; }\n"
  "body { font-family: \"DejaVu Sans\", \"Liberation Sans\", Arial, sans-serif; font-size: 10pt;"
  " line-height: 1.4; color: #000; background: #fff; max-width: 178mm; margin: 1em auto; }\n"
  "h1 { font-size: 15pt; margin: 1.2em 0 0.6em; }\n"
  "h2 { font-size: 11.5pt; margin: 1.4em 0 0.5em; padding-bottom: 2pt; border-bottom: 1px solid #555;"
  " break-after: avoid; page-break-after: avoid; }\n"
  ".header { font-size: 9pt; color: #333; border-bottom: 1px solid #555; padding-bottom: 4pt; }\n"
  ".identity { float: left; width: 48%%; }\n"
  ".client { margin-left: 52%%; border: 1px solid #555; padding: 6pt 8pt; }\n"
  ".draft { font-weight: bold; text-transform: uppercase; border: 2px solid #000; padding: 4pt; text-align: center; }\n"
  "h1, .references { clear: both; }\n"
  "table { width: 100%%; border-collapse: collapse; margin: 0.5em 0; }\n"
  "thead { display: table-header-group; }\n"
  "tr { break-inside: avoid; page-break-inside: avoid; }\n"
  "th, td { border: 1px solid #777; padding: 3pt 5pt; text-align: left; vertical-align: top; }\n"
  "th { background: #eee; }\n"
  ".num { text-align: right; white-space: nowrap; }\n"
  ".legal { font-size: 8pt; color: #333; margin-top: 2em; }\n"
  ".signature { break-inside: avoid; page-break-inside: avoid; min-height: 30mm; }\n"
  "@media print { body { margin: 0; max-width: none; } th { background: none; } }\n"
  "</style>\n"
  "</head>\n"
  "<body>\n";

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
  Doc doc = { format, NULL };
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
  doc.out = g_string_new (NULL);

  if (format == AFF_DOCUMENT_FORMAT_HTML)
    {
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      g_string_append_printf (doc.out, html_head, locale, escaped);
    }

  if ((text = aff_policy_get_presentation (policy, "header")) != NULL)
    {
      paragraph_begin (&doc, "header");
      paragraph_text (&doc, TRUE, text);
      paragraph_end (&doc);
    }

  paragraph_begin (&doc, "identity");
  paragraph_line (&doc, TRUE, company, NULL);
  paragraph_text (&doc, FALSE, aff_policy_get_presentation (policy, "company-address"));
  paragraph_text (&doc, FALSE, aff_policy_get_presentation (policy, "company-identity"));
  paragraph_end (&doc);

  paragraph_begin (&doc, "client");
  paragraph_line (&doc, TRUE, L ("Client :", "Client:"), aff_client_get_name (client));
  paragraph_text (&doc, FALSE, aff_client_get_address (client));
  if ((text = aff_client_get_siren (client)) != NULL && strlen (text) == 9)
    {
      /* Written in groups of three, as on a Kbis extract. */
      g_autofree char *siren = g_strdup_printf ("SIREN %.3s %.3s %.3s", text, text + 3, text + 6);
      paragraph_line (&doc, FALSE, NULL, siren);
    }
  paragraph_end (&doc);

  heading (&doc, 1, title);

  if (!aff_offer_revision_is_frozen (self))
    {
      paragraph_begin (&doc, "draft");
      paragraph_line (&doc, TRUE, NULL, L ("Projet : révision non envoyée", "Draft: revision not sent"));
      paragraph_end (&doc);
    }

  {
    g_autofree char *received = format_date (lang, aff_consultation_get_received (consultation));
    g_autofree char *reference = g_strdup_printf (L ("Votre consultation %s du %s",
                                                     "Your request for quotation %s of %s"),
                                                  aff_consultation_get_id (consultation), received);

    paragraph_begin (&doc, "references");
    paragraph_line (&doc, TRUE, L ("Objet :", "Subject:"), aff_consultation_get_title (consultation));
    paragraph_line (&doc, FALSE, NULL, reference);
    if (aff_offer_revision_is_frozen (self) &&
        aff_offer_get_current_revision (offer) == self &&
        aff_offer_get_sent_date (offer, &sent))
      {
        g_autofree char *day = format_date (lang, &sent);
        paragraph_line (&doc, FALSE, L ("Date :", "Date:"), day);
      }
    if (aff_consultation_get_site (consultation) != NULL)
      paragraph_line (&doc, FALSE, L ("Lieu d’intervention :", "Site:"), aff_consultation_get_site (consultation));
    paragraph_end (&doc);
  }

  heading (&doc, 2, L ("1. Contexte et compréhension du besoin", "1. Context and understanding of the need"));
  text = aff_consultation_get_description (consultation);
  paragraph (&doc, text != NULL ? text : L ("Le besoin est décrit dans votre consultation.",
                                            "The need is described in your request for quotation."));

  heading (&doc, 2, L ("2. Périmètre et réponse à vos exigences", "2. Scope and answer to your requirements"));
  requirements = aff_consultation_get_requirements (consultation);
  if (g_list_model_get_n_items (requirements) > 0)
    {
      const char *columns[] = { L ("Exigence", "Requirement"), L ("Notre réponse", "Our answer"), NULL };

      table_begin (&doc, columns, text_numeric);
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
          table_row (&doc, FALSE, cells, text_numeric);
        }
      table_end (&doc);
    }
  notes = aff_offer_revision_get_notes (self);
  if (notes != NULL && notes[0] != NULL)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new ();

      paragraph_begin (&doc, NULL);
      paragraph_line (&doc, TRUE, L ("Précisions", "Notes"), NULL);
      paragraph_end (&doc);
      for (i = 0; notes[i] != NULL; i++)
        g_ptr_array_add (items, (gpointer) notes[i]);
      list (&doc, items);
    }

  heading (&doc, 2, L ("3. Prix", "3. Price"));
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

    table_begin (&doc, columns, price_numeric);
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
        table_row (&doc, FALSE, row, price_numeric);
      }
    row[0] = L ("Total HT", "Total excl. VAT"); row[1] = ""; row[2] = ""; row[3] = total_text;
    table_row (&doc, TRUE, row, price_numeric);
    row[0] = vat_label; row[3] = vat_text;
    table_row (&doc, FALSE, row, price_numeric);
    row[0] = L ("Total TTC", "Total incl. VAT"); row[3] = including_text;
    table_row (&doc, TRUE, row, price_numeric);
    table_end (&doc);
  }

  {
    g_autofree char *lead = g_strdup_printf (L ("%u jours ouvrés à compter de la commande.",
                                                "%u working days from the order."),
                                             aff_offer_revision_get_lead_time_days (self));

    heading (&doc, 2, L ("4. Délai d’exécution", "4. Lead time"));
    paragraph (&doc, lead);
  }

  heading (&doc, 2, L ("5. Validité de l’offre", "5. Validity"));
  if (g_date_valid (aff_offer_revision_get_validity (self)))
    {
      g_autofree char *day = format_date (lang, aff_offer_revision_get_validity (self));
      g_autofree char *validity = g_strdup_printf (L ("Offre valable jusqu’au %s.",
                                                      "This offer is valid until %s."), day);
      paragraph (&doc, validity);
    }

  heading (&doc, 2, L ("6. Conditions de paiement et de facturation", "6. Payment and billing terms"));
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
    list (&doc, items);
  }

  heading (&doc, 2, L ("Bon pour accord", "Approval"));
  {
    g_autofree char *for_company = g_strdup_printf (L ("Pour %s", "For %s"), company);

    paragraph_begin (&doc, "signature");
    paragraph_line (&doc, TRUE, for_company, NULL);
    if ((text = aff_policy_get_presentation (policy, "signatory-name")) != NULL)
      paragraph_line (&doc, FALSE, NULL, text);
    if ((text = aff_policy_get_presentation (policy, "signatory-title")) != NULL)
      paragraph_line (&doc, FALSE, NULL, text);
    paragraph_end (&doc);
    paragraph_begin (&doc, "signature");
    paragraph_line (&doc, TRUE, L ("Pour le client", "For the client"), NULL);
    paragraph_line (&doc, FALSE, NULL,
                    L ("Date, nom, qualité, signature et cachet, précédés de la mention « Bon pour accord »",
                       "Date, name, position, signature and stamp, preceded by the words “Approved”"));
    paragraph_end (&doc);
  }

  if ((text = aff_policy_get_presentation (policy, "legal-mentions")) != NULL)
    {
      paragraph_begin (&doc, "legal");
      paragraph_text (&doc, TRUE, text);
      paragraph_end (&doc);
    }

  if (format == AFF_DOCUMENT_FORMAT_HTML)
    g_string_append (doc.out, "</body>\n</html>\n");
  else if (doc.out->len >= 2)
    g_string_truncate (doc.out, doc.out->len - 1);  /* one newline at the end */
  return g_string_free (doc.out, FALSE);
}
