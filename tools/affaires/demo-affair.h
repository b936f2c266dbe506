/* demo-affair.h: the demo's affair carried to its close-out
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <affaires.h>

/* Plans, delivers, bills, reports on and closes the demo's affair
 * OF-2026-118, then writes its documents into @folder, adding the path of
 * each file written to @written, an array of strings it owns, unless it
 * is %NULL. */
gboolean demo_carry_out (AffPortfolio  *portfolio,
                         const char    *folder,
                         GPtrArray     *written,
                         GError       **error);
