/* aff-bid-statistics.h: hit rates and how verdicts compared with outcomes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <gio/gio.h>

#include "aff-version-macros.h"
#include "aff-consultation.h"
#include "aff-bid-evaluation.h"

G_BEGIN_DECLS

#define AFF_TYPE_HIT_RATE (aff_hit_rate_get_type ())

typedef struct _AffHitRate AffHitRate;

AFF_AVAILABLE_IN_ALL
GType       aff_hit_rate_get_type      (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffHitRate *aff_hit_rate_compute       (GListModel       *consultations,
                                        const char       *client_id,
                                        const char       *activity) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
AffHitRate *aff_hit_rate_copy          (const AffHitRate *self);
AFF_AVAILABLE_IN_ALL
void        aff_hit_rate_free          (AffHitRate       *self);
AFF_AVAILABLE_IN_ALL
guint       aff_hit_rate_get_n_won     (const AffHitRate *self);
AFF_AVAILABLE_IN_ALL
guint       aff_hit_rate_get_n_lost    (const AffHitRate *self);
AFF_AVAILABLE_IN_ALL
guint       aff_hit_rate_get_n_pending (const AffHitRate *self);
AFF_AVAILABLE_IN_ALL
guint       aff_hit_rate_get_n_no_go   (const AffHitRate *self);
AFF_AVAILABLE_IN_ALL
int         aff_hit_rate_get_rate      (const AffHitRate *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffHitRate, aff_hit_rate_free)

#define AFF_TYPE_VERDICT_REVIEW (aff_verdict_review_get_type ())

typedef struct _AffVerdictReview AffVerdictReview;

AFF_AVAILABLE_IN_ALL
GType             aff_verdict_review_get_type          (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffVerdictReview *aff_verdict_review_compute           (GListModel *consultations) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
AffVerdictReview *aff_verdict_review_copy              (const AffVerdictReview *self);
AFF_AVAILABLE_IN_ALL
void              aff_verdict_review_free              (AffVerdictReview *self);
AFF_AVAILABLE_IN_ALL
guint             aff_verdict_review_get_n_decided     (const AffVerdictReview *self);
AFF_AVAILABLE_IN_ALL
guint             aff_verdict_review_get_n_overridden  (const AffVerdictReview *self);
AFF_AVAILABLE_IN_ALL
guint             aff_verdict_review_get_count         (const AffVerdictReview *self,
                                                        AffBidVerdict           verdict,
                                                        AffConsultationState    outcome);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffVerdictReview, aff_verdict_review_free)

G_END_DECLS
