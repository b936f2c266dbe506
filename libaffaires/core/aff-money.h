/* aff-money.h: exact amounts of money
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <glib-object.h>

#include "aff-version-macros.h"

G_BEGIN_DECLS

#define AFF_TYPE_MONEY (aff_money_get_type ())

typedef struct _AffMoney AffMoney;

AFF_AVAILABLE_IN_ALL
GType      aff_money_get_type      (void) G_GNUC_CONST;

AFF_AVAILABLE_IN_ALL
AffMoney  *aff_money_new           (gint64           minor,
                                    const char      *currency,
                                    GError         **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
AffMoney  *aff_money_new_zero      (const char      *currency,
                                    GError         **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
AffMoney  *aff_money_parse         (const char      *text,
                                    GError         **error) G_GNUC_WARN_UNUSED_RESULT;

AFF_AVAILABLE_IN_ALL
AffMoney  *aff_money_copy          (const AffMoney  *money);
AFF_AVAILABLE_IN_ALL
void       aff_money_free          (AffMoney        *money);

AFF_AVAILABLE_IN_ALL
gint64     aff_money_get_minor     (const AffMoney  *money);
AFF_AVAILABLE_IN_ALL
const char *aff_money_get_currency (const AffMoney  *money);
AFF_AVAILABLE_IN_ALL
guint      aff_money_get_exponent  (const AffMoney  *money);
AFF_AVAILABLE_IN_ALL
gboolean   aff_money_is_zero       (const AffMoney  *money);
AFF_AVAILABLE_IN_ALL
gboolean   aff_money_is_negative   (const AffMoney  *money);

AFF_AVAILABLE_IN_ALL
AffMoney  *aff_money_add           (const AffMoney  *a,
                                    const AffMoney  *b,
                                    GError         **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
AffMoney  *aff_money_subtract      (const AffMoney  *a,
                                    const AffMoney  *b,
                                    GError         **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
AffMoney  *aff_money_negate        (const AffMoney  *money,
                                    GError         **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
int        aff_money_compare       (const AffMoney  *a,
                                    const AffMoney  *b,
                                    GError         **error);
AFF_AVAILABLE_IN_ALL
gboolean   aff_money_equal         (const AffMoney  *a,
                                    const AffMoney  *b);
AFF_AVAILABLE_IN_ALL
AffMoney  *aff_money_multiply      (const AffMoney  *money,
                                    gint64           numerator,
                                    gint64           denominator,
                                    GError         **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
GPtrArray *aff_money_allocate      (const AffMoney  *money,
                                    const guint     *weights,
                                    gsize            n_weights,
                                    GError         **error) G_GNUC_WARN_UNUSED_RESULT;

AFF_AVAILABLE_IN_ALL
char      *aff_money_to_string     (const AffMoney  *money) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
char      *aff_money_format        (const AffMoney  *money,
                                    const char      *locale) G_GNUC_WARN_UNUSED_RESULT;

AFF_AVAILABLE_IN_ALL
gboolean   aff_currency_get_exponent (const char    *currency,
                                      guint         *exponent);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffMoney, aff_money_free)

G_END_DECLS
