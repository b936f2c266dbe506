/* aff-policy-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "aff-policy.h"
#include "aff-journal-private.h"

G_BEGIN_DECLS

void       _aff_policy_attach    (AffPolicy     *self,
                                  AffJournal    *journal);
void       _aff_policy_to_json   (AffPolicy     *self,
                                  JsonBuilder   *builder);
AffPolicy *_aff_policy_from_json (AffJsonReader *reader,
                                  JsonObject    *object,
                                  GError       **error);

G_END_DECLS
