/* aff-history-private.h: the dated changes of a state machine
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "aff-json-private.h"

G_BEGIN_DECLS

/* One change, between values of an enumeration. */
typedef struct
{
  GDate date;
  int from;
  int to;
  char *reason;
} AffHistoryChange;

/* The dated changes of a client's status, a consultation's state, and the
 * state machines that come after them: kept in date order, read back by
 * date, written to and read from the document the same way. */
typedef struct
{
  GArray *changes;      /* AffHistoryChange */
  GType enum_type;
} AffHistory;

typedef gboolean (*AffHistoryAllowed) (int from,
                                       int to);

void        _aff_history_init        (AffHistory        *self,
                                      GType              enum_type);
void        _aff_history_clear       (AffHistory        *self);
const AffHistoryChange *_aff_history_get (AffHistory    *self,
                                          guint          index);
const GDate *_aff_history_last_date  (AffHistory        *self);
gboolean    _aff_history_check_date  (AffHistory        *self,
                                      const GDate       *date,
                                      const char        *subject,
                                      GError           **error);
JsonObject *_aff_history_append      (AffHistory        *self,
                                      const GDate       *date,
                                      int                from,
                                      int                to,
                                      const char        *reason);
int         _aff_history_state_at    (AffHistory        *self,
                                      const GDate       *date,
                                      int                initial);
gboolean    _aff_history_find_last   (AffHistory        *self,
                                      int                state,
                                      GDate             *date);
void        _aff_history_to_json     (AffHistory        *self,
                                      JsonBuilder       *builder,
                                      const char        *member);
gboolean    _aff_history_from_json   (AffHistory        *self,
                                      AffJsonReader     *reader,
                                      JsonObject        *object,
                                      const char        *member,
                                      AffHistoryAllowed  allowed,
                                      GError           **error);

G_END_DECLS
