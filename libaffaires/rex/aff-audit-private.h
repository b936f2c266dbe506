/* aff-audit-private.h: how the portfolio fills an audit
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "aff-audit.h"

G_BEGIN_DECLS

/* Every criterion starts MISSING with nothing found; @lang is the
 * policy's, which the titles and the render are written in. */
AffAudit *_aff_audit_new (const char     *affair_id,
                          const char     *client_name,
                          const GDate    *date,
                          guint           lang);
/* Sets the criterion @id (one of the table's); takes @evidence and
 * @missing (char *, nullable). */
void      _aff_audit_set (AffAudit       *self,
                          const char     *id,
                          AffAuditStatus  status,
                          GPtrArray      *evidence,
                          GPtrArray      *missing);

G_END_DECLS
