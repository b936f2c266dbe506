/* aff-offer-analysis.h: what changed between revisions, and the pipeline
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <gio/gio.h>

#include "aff-version-macros.h"
#include "aff-money.h"
#include "aff-offer-line.h"

G_BEGIN_DECLS

#define AFF_TYPE_LINE_DIFF (aff_line_diff_get_type ())

typedef struct _AffLineDiff AffLineDiff;

AFF_AVAILABLE_IN_ALL
GType           aff_line_diff_get_type        (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffLineDiff    *aff_line_diff_copy            (const AffLineDiff *self);
AFF_AVAILABLE_IN_ALL
void            aff_line_diff_free            (AffLineDiff       *self);
AFF_AVAILABLE_IN_ALL
const char     *aff_line_diff_get_description (const AffLineDiff *self);
AFF_AVAILABLE_IN_ALL
AffLineKind     aff_line_diff_get_kind        (const AffLineDiff *self);
AFF_AVAILABLE_IN_ALL
const char     *aff_line_diff_get_lot         (const AffLineDiff *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_line_diff_get_before      (const AffLineDiff *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_line_diff_get_after       (const AffLineDiff *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_line_diff_get_delta       (const AffLineDiff *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffLineDiff, aff_line_diff_free)

#define AFF_TYPE_REVISION_DIFF (aff_revision_diff_get_type ())

typedef struct _AffRevisionDiff AffRevisionDiff;

AFF_AVAILABLE_IN_ALL
GType            aff_revision_diff_get_type          (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffRevisionDiff *aff_revision_diff_copy              (const AffRevisionDiff *self);
AFF_AVAILABLE_IN_ALL
void             aff_revision_diff_free              (AffRevisionDiff       *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_revision_diff_get_selling_delta (const AffRevisionDiff *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_revision_diff_get_cost_delta    (const AffRevisionDiff *self);
AFF_AVAILABLE_IN_ALL
const AffMoney  *aff_revision_diff_get_margin_delta  (const AffRevisionDiff *self);
AFF_AVAILABLE_IN_ALL
int              aff_revision_diff_get_margin_rate_delta (const AffRevisionDiff *self);
AFF_AVAILABLE_IN_ALL
GPtrArray       *aff_revision_diff_get_lines         (const AffRevisionDiff *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffRevisionDiff, aff_revision_diff_free)

/**
 * AffLossReason:
 * @AFF_LOSS_REASON_PRICE: a cheaper competitor
 * @AFF_LOSS_REASON_LEAD_TIME: a faster competitor, or a date we could not meet
 * @AFF_LOSS_REASON_TECHNICAL: the technical answer did not convince
 * @AFF_LOSS_REASON_RELATIONSHIP: the client chose a supplier it knows better
 * @AFF_LOSS_REASON_NO_DECISION: the client did not go ahead
 * @AFF_LOSS_REASON_OTHER: any other reason, told in the note
 *
 * Why a client declined an offer.
 */
typedef enum {
  AFF_LOSS_REASON_PRICE,
  AFF_LOSS_REASON_LEAD_TIME,
  AFF_LOSS_REASON_TECHNICAL,
  AFF_LOSS_REASON_RELATIONSHIP,
  AFF_LOSS_REASON_NO_DECISION,
  AFF_LOSS_REASON_OTHER,
} AffLossReason;

#define AFF_TYPE_PIPELINE (aff_pipeline_get_type ())

typedef struct _AffPipeline AffPipeline;

AFF_AVAILABLE_IN_ALL
GType           aff_pipeline_get_type               (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffPipeline    *aff_pipeline_compute                (GListModel        *offers,
                                                     const char        *currency,
                                                     GError           **error) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
AffPipeline    *aff_pipeline_copy                   (const AffPipeline *self);
AFF_AVAILABLE_IN_ALL
void            aff_pipeline_free                   (AffPipeline       *self);
AFF_AVAILABLE_IN_ALL
guint           aff_pipeline_get_n_open             (const AffPipeline *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_pipeline_get_open_total         (const AffPipeline *self);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_pipeline_get_weighted_total     (const AffPipeline *self);
AFF_AVAILABLE_IN_ALL
int             aff_pipeline_get_hit_rate           (const AffPipeline *self);
AFF_AVAILABLE_IN_ALL
int             aff_pipeline_get_average_margin_won (const AffPipeline *self);
AFF_AVAILABLE_IN_ALL
int             aff_pipeline_get_average_margin_lost (const AffPipeline *self);
AFF_AVAILABLE_IN_ALL
guint           aff_pipeline_get_n_lost             (const AffPipeline *self,
                                                     AffLossReason      reason);
AFF_AVAILABLE_IN_ALL
const AffMoney *aff_pipeline_get_lost_total         (const AffPipeline *self,
                                                     AffLossReason      reason);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffPipeline, aff_pipeline_free)

G_END_DECLS
