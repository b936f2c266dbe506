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

G_END_DECLS
