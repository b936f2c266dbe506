/* aff-offer-line.h: one priced line of an offer
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
 * AffLineKind:
 * @AFF_LINE_KIND_LABOUR: the company's own labour
 * @AFF_LINE_KIND_MATERIAL: material and supplies
 * @AFF_LINE_KIND_EQUIPMENT: equipment and its hire
 * @AFF_LINE_KIND_SUBCONTRACT: work subcontracted
 * @AFF_LINE_KIND_TRAVEL: travel and accommodation
 * @AFF_LINE_KIND_OTHER: any other cost
 *
 * What a line of an offer costs; each kind carries its own overhead rate.
 */
typedef enum {
  AFF_LINE_KIND_LABOUR,
  AFF_LINE_KIND_MATERIAL,
  AFF_LINE_KIND_EQUIPMENT,
  AFF_LINE_KIND_SUBCONTRACT,
  AFF_LINE_KIND_TRAVEL,
  AFF_LINE_KIND_OTHER,
} AffLineKind;

/**
 * AffLineUnit:
 * @AFF_LINE_UNIT_HOUR: hours
 * @AFF_LINE_UNIT_DAY: days
 * @AFF_LINE_UNIT_UNIT: units (pieces)
 * @AFF_LINE_UNIT_METRE: metres
 * @AFF_LINE_UNIT_KILOGRAM: kilograms
 * @AFF_LINE_UNIT_LUMP_SUM: a lump sum (forfait), quantity 1
 *
 * The unit a line's quantity is counted in.
 */
typedef enum {
  AFF_LINE_UNIT_HOUR,
  AFF_LINE_UNIT_DAY,
  AFF_LINE_UNIT_UNIT,
  AFF_LINE_UNIT_METRE,
  AFF_LINE_UNIT_KILOGRAM,
  AFF_LINE_UNIT_LUMP_SUM,
} AffLineUnit;

#define AFF_TYPE_OFFER_LINE (aff_offer_line_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffOfferLine, aff_offer_line, AFF, OFFER_LINE, GObject)

AFF_AVAILABLE_IN_ALL
AffOfferLine   *aff_offer_line_new              (AffLineKind      kind,
                                                 const char      *description,
                                                 const char      *quantity,
                                                 AffLineUnit      unit,
                                                 const AffMoney  *unit_cost,
                                                 GError         **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
AffOfferLine   *aff_offer_line_new_labour       (const char      *description,
                                                 const char      *hours,
                                                 const char      *skill,
                                                 AffPolicy       *policy,
                                                 GError         **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
AffLineKind     aff_offer_line_get_kind         (AffOfferLine    *self);
AFF_AVAILABLE_IN_ALL
const char     *aff_offer_line_get_description  (AffOfferLine    *self);
AFF_AVAILABLE_IN_ALL
char           *aff_offer_line_dup_quantity     (AffOfferLine    *self);
AFF_AVAILABLE_IN_ALL
gint64          aff_offer_line_get_quantity_thousandths (AffOfferLine *self);
AFF_AVAILABLE_IN_ALL
AffLineUnit     aff_offer_line_get_unit         (AffOfferLine    *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_offer_line_get_unit_cost    (AffOfferLine    *self);
AFF_AVAILABLE_IN_ALL
const char     *aff_offer_line_get_skill        (AffOfferLine    *self);
AFF_AVAILABLE_IN_ALL
const char     *aff_offer_line_get_lot          (AffOfferLine    *self);
AFF_AVAILABLE_IN_ALL
void            aff_offer_line_set_lot          (AffOfferLine    *self,
                                                 const char      *lot);
AFF_AVAILABLE_IN_ALL
const char * const *aff_offer_line_get_requirements (AffOfferLine *self);
AFF_AVAILABLE_IN_ALL
void            aff_offer_line_set_requirements (AffOfferLine    *self,
                                                 const char * const *requirement_ids);
AFF_AVAILABLE_IN_ALL
AffMoney       *aff_offer_line_compute_cost     (AffOfferLine    *self,
                                                 GError         **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
