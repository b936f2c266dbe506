/* aff-solvency.h: a client's solvency assessed at a date
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
#include "aff-policy.h"

G_BEGIN_DECLS

/**
 * AffAltmanModel:
 * @AFF_ALTMAN_MODEL_AUTO: chosen from the client's sector when the assessment
 *   is added to the client: Z′ for manufacturing (NAF divisions 10 to 33), Z″
 *   for every other sector
 * @AFF_ALTMAN_MODEL_Z_PRIME: Altman's Z′ for private companies:
 *   0.717 X1 + 0.847 X2 + 3.107 X3 + 0.420 X4 + 0.998 X5; safe above 2.9,
 *   distress below 1.23
 * @AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME: Altman's Z″ for non-manufacturers:
 *   6.56 X1 + 3.26 X2 + 6.72 X3 + 1.05 X4; safe above 2.6, distress below 1.1
 *
 * The Altman score used to assess a client.
 */
typedef enum {
  AFF_ALTMAN_MODEL_AUTO,
  AFF_ALTMAN_MODEL_Z_PRIME,
  AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME,
} AffAltmanModel;

/**
 * AffSolvencyRating:
 * @AFF_SOLVENCY_RATING_SAFE: the client can be expected to pay
 * @AFF_SOLVENCY_RATING_GREY: doubtful: secure the payment terms
 * @AFF_SOLVENCY_RATING_DISTRESS: the client may not pay: no bid without guarantees
 *
 * A client's solvency, from the zone of its Altman score and its payment
 * behaviour.
 */
typedef enum {
  AFF_SOLVENCY_RATING_SAFE,
  AFF_SOLVENCY_RATING_GREY,
  AFF_SOLVENCY_RATING_DISTRESS,
} AffSolvencyRating;

#define AFF_TYPE_SOLVENCY (aff_solvency_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffSolvency, aff_solvency, AFF, SOLVENCY, GObject)

AFF_AVAILABLE_IN_ALL
AffSolvency      *aff_solvency_new                  (const GDate     *date) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
const GDate      *aff_solvency_get_date             (AffSolvency     *self);
AFF_AVAILABLE_IN_ALL
AffAltmanModel    aff_solvency_get_model            (AffSolvency     *self);
AFF_AVAILABLE_IN_ALL
void              aff_solvency_set_model            (AffSolvency     *self,
                                                     AffAltmanModel   model);
AFF_AVAILABLE_IN_ALL
AffAltmanModel    aff_altman_model_for_sector       (const char      *naf_code);

AFF_AVAILABLE_IN_ALL
const AffMoney   *aff_solvency_get_working_capital  (AffSolvency     *self);
AFF_AVAILABLE_IN_ALL
void              aff_solvency_set_working_capital  (AffSolvency     *self,
                                                     const AffMoney  *amount);
AFF_AVAILABLE_IN_ALL
const AffMoney   *aff_solvency_get_retained_earnings (AffSolvency    *self);
AFF_AVAILABLE_IN_ALL
void              aff_solvency_set_retained_earnings (AffSolvency    *self,
                                                      const AffMoney *amount);
AFF_AVAILABLE_IN_ALL
const AffMoney   *aff_solvency_get_ebit             (AffSolvency     *self);
AFF_AVAILABLE_IN_ALL
void              aff_solvency_set_ebit             (AffSolvency     *self,
                                                     const AffMoney  *amount);
AFF_AVAILABLE_IN_ALL
const AffMoney   *aff_solvency_get_book_equity      (AffSolvency     *self);
AFF_AVAILABLE_IN_ALL
void              aff_solvency_set_book_equity      (AffSolvency     *self,
                                                     const AffMoney  *amount);
AFF_AVAILABLE_IN_ALL
const AffMoney   *aff_solvency_get_total_liabilities (AffSolvency    *self);
AFF_AVAILABLE_IN_ALL
void              aff_solvency_set_total_liabilities (AffSolvency    *self,
                                                      const AffMoney *amount);
AFF_AVAILABLE_IN_ALL
const AffMoney   *aff_solvency_get_total_assets     (AffSolvency     *self);
AFF_AVAILABLE_IN_ALL
void              aff_solvency_set_total_assets     (AffSolvency     *self,
                                                     const AffMoney  *amount);
AFF_AVAILABLE_IN_ALL
const AffMoney   *aff_solvency_get_sales            (AffSolvency     *self);
AFF_AVAILABLE_IN_ALL
void              aff_solvency_set_sales            (AffSolvency     *self,
                                                     const AffMoney  *amount);

AFF_AVAILABLE_IN_ALL
int               aff_solvency_get_dso_days         (AffSolvency     *self);
AFF_AVAILABLE_IN_ALL
void              aff_solvency_set_dso_days         (AffSolvency     *self,
                                                     int              days);
AFF_AVAILABLE_IN_ALL
int               aff_solvency_get_average_days_late (AffSolvency    *self);
AFF_AVAILABLE_IN_ALL
void              aff_solvency_set_average_days_late (AffSolvency    *self,
                                                      int             days);
AFF_AVAILABLE_IN_ALL
int               aff_solvency_get_payment_incidents (AffSolvency    *self);
AFF_AVAILABLE_IN_ALL
void              aff_solvency_set_payment_incidents (AffSolvency    *self,
                                                      int             incidents);
AFF_AVAILABLE_IN_ALL
const char       *aff_solvency_get_validated_by     (AffSolvency     *self);
AFF_AVAILABLE_IN_ALL
void              aff_solvency_set_validated_by     (AffSolvency     *self,
                                                     const char      *person);

AFF_AVAILABLE_IN_ALL
gboolean          aff_solvency_compute_ratio        (AffSolvency     *self,
                                                     guint            index,
                                                     double          *ratio,
                                                     GError         **error);
AFF_AVAILABLE_IN_ALL
gboolean          aff_solvency_compute_score        (AffSolvency     *self,
                                                     double          *score,
                                                     GError         **error);
AFF_AVAILABLE_IN_ALL
gboolean          aff_solvency_compute_zone         (AffSolvency       *self,
                                                     AffSolvencyRating *zone,
                                                     GError           **error);
AFF_AVAILABLE_IN_ALL
gboolean          aff_solvency_compute_rating       (AffSolvency       *self,
                                                     AffPolicy         *policy,
                                                     AffSolvencyRating *rating,
                                                     GError           **error);
AFF_AVAILABLE_IN_ALL
gboolean          aff_solvency_is_stale             (AffSolvency     *self,
                                                     AffPolicy       *policy,
                                                     const GDate     *date);

G_END_DECLS
