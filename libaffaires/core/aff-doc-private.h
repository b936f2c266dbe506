/* aff-doc-private.h: the documents people read, in Markdown and HTML
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib.h>

#include "aff-policy.h"

G_BEGIN_DECLS

/* A document is built as a few kinds of blocks (headings, paragraphs of
 * lines, lists, tables) so that Markdown and HTML say exactly the same
 * thing: a golden file of one is a review of the other. */
typedef struct
{
  AffDocumentFormat format;
  GString *out;
} AffDoc;

/* Starts a document; in HTML, a standalone page in @locale ("fr", "en")
 * with an A4 print style sheet and @title. */
void  _aff_doc_begin          (AffDoc             *doc,
                               AffDocumentFormat   format,
                               const char         *locale,
                               const char         *title);
/* Ends the document and hands it over. */
char *_aff_doc_finish         (AffDoc             *doc);

void  _aff_doc_escaped        (AffDoc             *doc,
                               const char         *text);
void  _aff_doc_heading        (AffDoc             *doc,
                               int                 level,
                               const char         *text);
/* A paragraph whose lines stay lines: an address, an identity block.
 * Each line may start with a bold label. */
void  _aff_doc_paragraph_begin (AffDoc            *doc,
                                const char        *css_class);
void  _aff_doc_paragraph_line (AffDoc             *doc,
                               gboolean            first,
                               const char         *label,
                               const char         *text);
/* Every line of a text of several lines, empty lines dropped; returns
 * @first when nothing was written. */
gboolean _aff_doc_paragraph_text (AffDoc          *doc,
                                  gboolean         first,
                                  const char      *text);
void  _aff_doc_paragraph_end  (AffDoc             *doc);
void  _aff_doc_paragraph      (AffDoc             *doc,
                               const char         *text);
/* @items: (element-type utf8); nothing is written for none. */
void  _aff_doc_list           (AffDoc             *doc,
                               GPtrArray          *items);
/* @columns: the header cells; @numeric: which columns hold figures,
 * right-aligned. */
void  _aff_doc_table_begin    (AffDoc             *doc,
                               const char * const *columns,
                               const gboolean     *numeric);
/* An empty cell is written empty; @strong makes the row's cells bold. */
void  _aff_doc_table_row      (AffDoc             *doc,
                               gboolean            strong,
                               const char * const *cells,
                               const gboolean     *numeric);
void  _aff_doc_table_end      (AffDoc             *doc);
/* A row of a table of two columns, a label and a figure, right-aligned. */
void  _aff_doc_figure_row     (AffDoc             *doc,
                               const char         *label,
                               const char         *figure);

/* A chart: in HTML the SVG @svg inline in a figure with @caption; in
 * Markdown, which cannot hold it, the caption and a word that the chart
 * is in the HTML version. */
void  _aff_doc_figure         (AffDoc             *doc,
                               const char         *svg,
                               const char         *caption,
                               const char         *elsewhere);

/* A day as people write it in the language of aff-language-private.h:
 * "1er avril 2027", "1 April 2027". */
char *_aff_doc_format_date    (guint               lang,
                               const GDate        *date);
/* The name of month 1 to 12 in the language: "avril", "April". */
const char *_aff_doc_month_name (guint              lang,
                                 GDateMonth         month);

G_END_DECLS
