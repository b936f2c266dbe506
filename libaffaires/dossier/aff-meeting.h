/* aff-meeting.h: a meeting of an affair, its attendees, agenda and minutes
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
 * AffMeetingKind:
 * @AFF_MEETING_KIND_KICK_OFF: the launch of the affair (réunion de
 *   lancement)
 * @AFF_MEETING_KIND_PROGRESS_REVIEW: an internal progress review (revue
 *   d'avancement)
 * @AFF_MEETING_KIND_DESIGN_REVIEW: a design review (revue de conception)
 * @AFF_MEETING_KIND_SITE_MEETING: a site meeting (réunion de chantier)
 * @AFF_MEETING_KIND_CLIENT_MEETING: a meeting with the client
 * @AFF_MEETING_KIND_CLOSE_OUT: the close-out meeting (réunion de clôture)
 *
 * What a meeting is for.
 */
typedef enum {
  AFF_MEETING_KIND_KICK_OFF,
  AFF_MEETING_KIND_PROGRESS_REVIEW,
  AFF_MEETING_KIND_DESIGN_REVIEW,
  AFF_MEETING_KIND_SITE_MEETING,
  AFF_MEETING_KIND_CLIENT_MEETING,
  AFF_MEETING_KIND_CLOSE_OUT,
} AffMeetingKind;

#define AFF_TYPE_MEETING (aff_meeting_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffMeeting, aff_meeting, AFF, MEETING, GObject)

AFF_AVAILABLE_IN_ALL
AffMeeting     *aff_meeting_new              (const char      *id,
                                              AffMeetingKind   kind,
                                              const GDate     *date,
                                              const char      *title) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
const char     *aff_meeting_get_id           (AffMeeting      *self);
AFF_AVAILABLE_IN_ALL
AffMeetingKind  aff_meeting_get_kind         (AffMeeting      *self);
AFF_AVAILABLE_IN_ALL
const GDate    *aff_meeting_get_date         (AffMeeting      *self);
AFF_AVAILABLE_IN_ALL
const char     *aff_meeting_get_title        (AffMeeting      *self);
AFF_AVAILABLE_IN_ALL
void            aff_meeting_add_attendee     (AffMeeting      *self,
                                              const char      *name,
                                              const char      *organisation);
AFF_AVAILABLE_IN_ALL
guint           aff_meeting_get_n_attendees  (AffMeeting      *self);
AFF_AVAILABLE_IN_ALL
const char     *aff_meeting_get_attendee     (AffMeeting      *self,
                                              guint            position,
                                              const char     **organisation);
AFF_AVAILABLE_IN_ALL
const char     *aff_meeting_get_agenda       (AffMeeting      *self);
AFF_AVAILABLE_IN_ALL
void            aff_meeting_set_agenda       (AffMeeting      *self,
                                              const char      *agenda);
AFF_AVAILABLE_IN_ALL
const char     *aff_meeting_get_minutes      (AffMeeting      *self);
AFF_AVAILABLE_IN_ALL
void            aff_meeting_set_minutes      (AffMeeting      *self,
                                              const char      *minutes);
AFF_AVAILABLE_IN_ALL
gboolean        aff_meeting_is_recorded      (AffMeeting      *self);

G_END_DECLS
