/* aff-offers-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "aff-offer-line.h"
#include "aff-offer-revision.h"
#include "aff-journal-private.h"

G_BEGIN_DECLS

gboolean  _aff_parse_quantity          (const char   *text,
                                        gint64       *thousandths);
char     *_aff_format_quantity         (gint64        thousandths);
gpointer  _aff_offer_line_get_revision (AffOfferLine *self);
void      _aff_offer_line_set_revision (AffOfferLine *self,
                                        gpointer      revision);
gboolean  _aff_offer_line_is_frozen    (AffOfferLine *self);

G_END_DECLS
