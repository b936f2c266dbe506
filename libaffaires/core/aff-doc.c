/* aff-doc.c: the documents people read, in Markdown and HTML
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "aff-doc-private.h"
#include "aff-language-private.h"

void
_aff_doc_escaped (AffDoc     *doc,
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

void
_aff_doc_heading (AffDoc     *doc,
                  int         level,
                  const char *text)
{
  if (doc->format == AFF_DOCUMENT_FORMAT_HTML)
    {
      g_string_append_printf (doc->out, "<h%d>", level);
      _aff_doc_escaped (doc, text);
      g_string_append_printf (doc->out, "</h%d>\n", level);
      return;
    }
  for (int i = 0; i < level; i++)
    g_string_append_c (doc->out, '#');
  g_string_append_c (doc->out, ' ');
  _aff_doc_escaped (doc, text);
  g_string_append (doc->out, "\n\n");
}

void
_aff_doc_paragraph_begin (AffDoc     *doc,
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

void
_aff_doc_paragraph_line (AffDoc     *doc,
                         gboolean    first,
                         const char *label,
                         const char *text)
{
  if (!first)
    g_string_append (doc->out, doc->format == AFF_DOCUMENT_FORMAT_HTML ? "<br>\n" : "  \n");
  if (label != NULL)
    {
      g_string_append (doc->out, doc->format == AFF_DOCUMENT_FORMAT_HTML ? "<strong>" : "**");
      _aff_doc_escaped (doc, label);
      g_string_append (doc->out, doc->format == AFF_DOCUMENT_FORMAT_HTML ? "</strong>" : "**");
      if (text != NULL)
        g_string_append_c (doc->out, ' ');
    }
  if (text != NULL)
    _aff_doc_escaped (doc, text);
}

gboolean
_aff_doc_paragraph_text (AffDoc     *doc,
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
      _aff_doc_paragraph_line (doc, first, NULL, lines[i]);
      first = FALSE;
    }
  return first;
}

void
_aff_doc_paragraph_end (AffDoc *doc)
{
  g_string_append (doc->out, doc->format == AFF_DOCUMENT_FORMAT_HTML ? "</p>\n" : "\n\n");
}

void
_aff_doc_paragraph (AffDoc     *doc,
                    const char *text)
{
  _aff_doc_paragraph_begin (doc, NULL);
  _aff_doc_paragraph_text (doc, TRUE, text);
  _aff_doc_paragraph_end (doc);
}

void
_aff_doc_list (AffDoc    *doc,
               GPtrArray *items)
{
  if (items->len == 0)
    return;
  if (doc->format == AFF_DOCUMENT_FORMAT_HTML)
    g_string_append (doc->out, "<ul>\n");
  for (guint i = 0; i < items->len; i++)
    {
      g_string_append (doc->out, doc->format == AFF_DOCUMENT_FORMAT_HTML ? "<li>" : "- ");
      _aff_doc_escaped (doc, g_ptr_array_index (items, i));
      g_string_append (doc->out, doc->format == AFF_DOCUMENT_FORMAT_HTML ? "</li>\n" : "\n");
    }
  g_string_append (doc->out, doc->format == AFF_DOCUMENT_FORMAT_HTML ? "</ul>\n" : "\n");
}

void
_aff_doc_table_begin (AffDoc             *doc,
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
          _aff_doc_escaped (doc, columns[i]);
          g_string_append (doc->out, "</th>");
        }
      g_string_append (doc->out, "</tr></thead>\n<tbody>\n");
      return;
    }
  g_string_append_c (doc->out, '|');
  for (i = 0; columns[i] != NULL; i++)
    {
      g_string_append_c (doc->out, ' ');
      _aff_doc_escaped (doc, columns[i]);
      g_string_append (doc->out, " |");
    }
  g_string_append (doc->out, "\n|");
  for (i = 0; columns[i] != NULL; i++)
    g_string_append (doc->out, numeric[i] ? "---:|" : "---|");
  g_string_append_c (doc->out, '\n');
}

void
_aff_doc_table_row (AffDoc             *doc,
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
          _aff_doc_escaped (doc, cells[i]);
          g_string_append (doc->out, close);
        }
      g_string_append (doc->out, doc->format == AFF_DOCUMENT_FORMAT_HTML ? "</td>" : " |");
    }
  g_string_append (doc->out, doc->format == AFF_DOCUMENT_FORMAT_HTML ? "</tr>\n" : "\n");
}

void
_aff_doc_table_end (AffDoc *doc)
{
  g_string_append (doc->out, doc->format == AFF_DOCUMENT_FORMAT_HTML ? "</tbody>\n</table>\n" : "\n");
}

static const char *const months[N_LANGS][12] = {
  { "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre" },
  { "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December" },
};

const char *
_aff_doc_month_name (guint      lang,
                     GDateMonth month)
{
  return g_date_valid_month (month) ? months[lang][month - 1] : "";
}

char *
_aff_doc_format_date (guint        lang,
                      const GDate *date)
{
  /* French writes the first of the month as an ordinal: 1er avril. */
  return g_strdup_printf ("%u%s %s %u", g_date_get_day (date),
                          lang == LANG_FR && g_date_get_day (date) == 1 ? "er" : "",
                          months[lang][g_date_get_month (date) - 1], g_date_get_year (date));
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

void
_aff_doc_begin (AffDoc            *doc,
                AffDocumentFormat  format,
                const char        *locale,
                const char        *title)
{
  doc->format = format;
  doc->out = g_string_new (NULL);
  if (format == AFF_DOCUMENT_FORMAT_HTML)
    {
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      g_string_append_printf (doc->out, html_head, locale, escaped);
    }
}

void
_aff_doc_figure_row (AffDoc     *doc,
                     const char *label,
                     const char *figure)
{
  const char *cells[] = { label, figure, NULL };
  const gboolean numeric[] = { FALSE, TRUE };

  _aff_doc_table_row (doc, FALSE, cells, numeric);
}

void
_aff_doc_figure (AffDoc     *doc,
                 const char *svg,
                 const char *caption,
                 const char *elsewhere)
{
  const char *start;

  if (doc->format != AFF_DOCUMENT_FORMAT_HTML)
    {
      g_autofree char *line = g_strdup_printf ("%s (%s)", caption, elsewhere);

      _aff_doc_paragraph (doc, line);
      return;
    }
  /* The XML declaration of a standalone SVG file has no place in HTML. */
  start = strstr (svg, "<svg");
  g_string_append (doc->out, "<figure>\n");
  g_string_append (doc->out, start != NULL ? start : svg);
  if (doc->out->str[doc->out->len - 1] != '\n')
    g_string_append_c (doc->out, '\n');
  g_string_append (doc->out, "<figcaption>");
  _aff_doc_escaped (doc, caption);
  g_string_append (doc->out, "</figcaption>\n</figure>\n");
}

char *
_aff_doc_finish (AffDoc *doc)
{
  if (doc->format == AFF_DOCUMENT_FORMAT_HTML)
    g_string_append (doc->out, "</body>\n</html>\n");
  else if (doc->out->len >= 2)
    g_string_truncate (doc->out, doc->out->len - 1);  /* one newline at the end */
  return g_string_free (g_steal_pointer (&doc->out), FALSE);
}
