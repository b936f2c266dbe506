/* aff-calendar.h: working days
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

#define AFF_TYPE_CALENDAR (aff_calendar_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffCalendar, aff_calendar, AFF, CALENDAR, GObject)

AFF_AVAILABLE_IN_ALL
AffCalendar *aff_calendar_new                (void) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
AffCalendar *aff_calendar_new_french         (gboolean        alsace_moselle) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
AffCalendar *aff_calendar_copy               (AffCalendar    *self) G_GNUC_WARN_UNUSED_RESULT;

AFF_AVAILABLE_IN_ALL
gboolean     aff_calendar_get_french         (AffCalendar    *self);
AFF_AVAILABLE_IN_ALL
gboolean     aff_calendar_get_alsace_moselle (AffCalendar    *self);
AFF_AVAILABLE_IN_ALL
gboolean     aff_calendar_get_working_weekday (AffCalendar   *self,
                                               GDateWeekday   weekday);
AFF_AVAILABLE_IN_ALL
void         aff_calendar_set_working_weekday (AffCalendar   *self,
                                               GDateWeekday   weekday,
                                               gboolean       working);
AFF_AVAILABLE_IN_ALL
gboolean     aff_calendar_add_holiday        (AffCalendar    *self,
                                              const GDate    *date,
                                              const char     *name,
                                              GError        **error);
AFF_AVAILABLE_IN_ALL
gboolean     aff_calendar_add_exception      (AffCalendar    *self,
                                              const GDate    *from,
                                              const GDate    *to,
                                              gboolean        working,
                                              const char     *reason,
                                              GError        **error);
AFF_AVAILABLE_IN_ALL
const char  *aff_calendar_get_day_name       (AffCalendar    *self,
                                              const GDate    *date);
AFF_AVAILABLE_IN_ALL
GPtrArray   *aff_calendar_list_holidays      (AffCalendar    *self,
                                              GDateYear       year);

AFF_AVAILABLE_IN_ALL
gboolean     aff_calendar_is_working_day     (AffCalendar    *self,
                                              const GDate    *date);
AFF_AVAILABLE_IN_ALL
GDate       *aff_calendar_add_working_days   (AffCalendar    *self,
                                              const GDate    *date,
                                              int             n,
                                              GError        **error);
AFF_AVAILABLE_IN_ALL
guint        aff_calendar_count_working_days (AffCalendar    *self,
                                              const GDate    *from,
                                              const GDate    *to);

G_END_DECLS
