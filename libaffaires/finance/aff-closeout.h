/* aff-closeout.h: the close-out of an affair
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <glib-object.h>

#include "aff-version-macros.h"
#include "aff-money.h"
#include "aff-affair.h"

G_BEGIN_DECLS

AFF_AVAILABLE_IN_ALL
GStrv           aff_affair_list_close_blockers (AffAffair    *self,
                                                const GDate  *date,
                                                GError      **error);
AFF_AVAILABLE_IN_ALL
gboolean        aff_affair_close               (AffAffair    *self,
                                                const GDate  *date,
                                                GError      **error);
AFF_AVAILABLE_IN_ALL
gboolean        aff_affair_is_closed           (AffAffair    *self);
AFF_AVAILABLE_IN_ALL
gboolean        aff_affair_get_closed_date     (AffAffair    *self,
                                                GDate        *date);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_affair_get_final_margin    (AffAffair    *self);

G_END_DECLS
