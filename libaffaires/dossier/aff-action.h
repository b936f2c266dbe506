/* aff-action.h: an action assigned on an affair, and its follow-up
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

/**
 * AffActionStatus:
 * @AFF_ACTION_STATUS_OPEN: still to do
 * @AFF_ACTION_STATUS_DONE: done
 * @AFF_ACTION_STATUS_CANCELLED: given up, with the reason
 *
 * Where an action stands.
 */
typedef enum {
  AFF_ACTION_STATUS_OPEN,
  AFF_ACTION_STATUS_DONE,
  AFF_ACTION_STATUS_CANCELLED,
} AffActionStatus;

/**
 * AffActionOrigin:
 * @AFF_ACTION_ORIGIN_OTHER: none of the others
 * @AFF_ACTION_ORIGIN_MEETING: a meeting (the reference is its id)
 * @AFF_ACTION_ORIGIN_DRIFT: a drift (the reference is its subject or kind)
 * @AFF_ACTION_ORIGIN_HAZARD: a hazard of the plan (the reference is its id)
 * @AFF_ACTION_ORIGIN_INCIDENT: a client incident (the reference is its id)
 * @AFF_ACTION_ORIGIN_REX: a lesson learned
 *
 * What an action comes from.
 */
typedef enum {
  AFF_ACTION_ORIGIN_OTHER,
  AFF_ACTION_ORIGIN_MEETING,
  AFF_ACTION_ORIGIN_DRIFT,
  AFF_ACTION_ORIGIN_HAZARD,
  AFF_ACTION_ORIGIN_INCIDENT,
  AFF_ACTION_ORIGIN_REX,
} AffActionOrigin;

#define AFF_TYPE_ACTION (aff_action_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffAction, aff_action, AFF, ACTION, GObject)

AFF_AVAILABLE_IN_ALL
AffAction       *aff_action_new             (const char       *id,
                                             const char       *title,
                                             const char       *owner,
                                             const GDate      *assigned,
                                             const GDate      *due) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
const char      *aff_action_get_id          (AffAction        *self);
AFF_AVAILABLE_IN_ALL
const char      *aff_action_get_title       (AffAction        *self);
AFF_AVAILABLE_IN_ALL
const char      *aff_action_get_owner       (AffAction        *self);
AFF_AVAILABLE_IN_ALL
const GDate     *aff_action_get_assigned    (AffAction        *self);
AFF_AVAILABLE_IN_ALL
const GDate     *aff_action_get_due         (AffAction        *self);
AFF_AVAILABLE_IN_ALL
AffActionOrigin  aff_action_get_origin      (AffAction        *self,
                                             const char      **reference);
AFF_AVAILABLE_IN_ALL
void             aff_action_set_origin      (AffAction        *self,
                                             AffActionOrigin   origin,
                                             const char       *reference);
AFF_AVAILABLE_IN_ALL
AffActionStatus  aff_action_get_status      (AffAction        *self);
AFF_AVAILABLE_IN_ALL
const GDate     *aff_action_get_closed_date (AffAction        *self);
AFF_AVAILABLE_IN_ALL
const char      *aff_action_get_note        (AffAction        *self);
AFF_AVAILABLE_IN_ALL
gboolean         aff_action_is_open_on      (AffAction        *self,
                                             const GDate      *date);
AFF_AVAILABLE_IN_ALL
gboolean         aff_action_is_overdue_on   (AffAction        *self,
                                             const GDate      *date);

G_END_DECLS
