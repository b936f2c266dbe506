/* affaires.h: the one header users of libaffaires include
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#define AFFAIRES_INSIDE

#include "aff-version-macros.h"
#include "aff-version.h"
#include "aff-enum-types.h"
#include "aff-error.h"
#include "aff-money.h"
#include "aff-journal.h"
#include "aff-policy.h"
#include "aff-contact.h"
#include "aff-interaction.h"
#include "aff-solvency.h"
#include "aff-client.h"
#include "aff-development-figures.h"
#include "aff-risk.h"
#include "aff-risk-register.h"
#include "aff-requirement.h"
#include "aff-clarification.h"
#include "aff-contribution.h"
#include "aff-consultation.h"
#include "aff-bid-evaluation.h"
#include "aff-bid-statistics.h"
#include "aff-offer-line.h"
#include "aff-offer-revision.h"
#include "aff-offer.h"
#include "aff-offer-analysis.h"
#include "aff-calendar.h"
#include "aff-task.h"
#include "aff-plan.h"
#include "aff-plan-export.h"
#include "aff-resource.h"
#include "aff-hazard.h"
#include "aff-prevention-plan.h"
#include "aff-coordination.h"
#include "aff-ledger.h"
#include "aff-affair-status.h"
#include "aff-drift.h"
#include "aff-billing.h"
#include "aff-closeout.h"
#include "aff-affair.h"
#include "aff-portfolio.h"
#include "aff-dashboard.h"

#undef AFFAIRES_INSIDE
