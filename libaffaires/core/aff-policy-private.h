/* aff-policy-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "aff-policy.h"
#include "aff-journal-private.h"

G_BEGIN_DECLS

/* What an affair's status and its drifts read of the policy: a dashboard
 * reads them for each of thousands of affairs, in one call rather than a
 * getter each. */
typedef struct
{
  AffEacMethod eac_method;
  AffRevenueMethod revenue_method;
  guint concordance_tolerance;
  guint drift_cpi_threshold;
  guint drift_spi_threshold;
  guint drift_margin_points;
  guint drift_slip_days;
  guint drift_overrun_rate;
  guint language;             /* _aff_language_index() of the language */
} AffPolicyLimits;

/* A policy's limits, or a new policy's for @self %NULL (an affair outside
 * a portfolio). */
void       _aff_policy_get_limits (AffPolicy       *self,
                                   AffPolicyLimits *limits);

void       _aff_policy_attach    (AffPolicy     *self,
                                  AffJournal    *journal);
void       _aff_policy_to_json   (AffPolicy     *self,
                                  JsonBuilder   *builder);
AffPolicy *_aff_policy_from_json (AffJsonReader *reader,
                                  JsonObject    *object,
                                  GError       **error);

G_END_DECLS
