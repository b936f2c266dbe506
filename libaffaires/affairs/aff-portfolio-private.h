/* aff-portfolio-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "aff-portfolio.h"

G_BEGIN_DECLS

/* A portfolio from the tree of a whole document, as the JSON loader reads
 * it: a store that keeps the parts apart assembles the tree and gets the
 * same checks and the same error paths. */
AffPortfolio *_aff_portfolio_new_from_node (JsonNode  *root,
                                            GError   **error);

/* Gives the elements of the document's array @member ("clients",
 * "consultations", "offers", then "affairs") one at a time: *@element a
 * node lent until the next call, NULL after the last; FALSE with @error set
 * when one cannot be had. */
typedef gboolean (*AffPortfolioElements) (const char  *member,
                                          JsonNode   **element,
                                          gpointer     data,
                                          GError     **error);
/* The same, the four arrays coming from @next rather than from @root: each
 * element's tree is read and done with before the next is asked for, so
 * that a store never needs the tree of the whole document. */
AffPortfolio *_aff_portfolio_new_from_elements (JsonNode              *root,
                                                AffPortfolioElements   next,
                                                gpointer               data,
                                                GError               **error);

/* Reads, in one pass, the rows of every ledger a store left to read
 * (_aff_ledger_set_source), for a caller about to look at all of them:
 * each ledger still reads its own rows alone when it is first needed. */
typedef void (*AffPortfolioLedgersReader) (AffPortfolio *portfolio,
                                           gpointer      data);
void _aff_portfolio_set_ledgers_reader (AffPortfolio              *self,
                                        AffPortfolioLedgersReader  reader,
                                        gpointer                   data,
                                        GDestroyNotify             destroy);
/* Calls the reader once, if a store set one, then has each ledger read
 * alone what the reader could not: after the first call, no ledger is
 * left to read. */
void _aff_portfolio_read_ledgers       (AffPortfolio              *self);

/* The affairs, in order, borrowed: an array that threads may read while
 * the portfolio does not change. */
AffAffair **_aff_portfolio_peek_affairs (AffPortfolio *self,
                                         guint        *n);

G_END_DECLS
