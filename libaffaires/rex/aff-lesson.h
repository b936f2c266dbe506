/* aff-lesson.h: a lesson of a past affair, found for a new one
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
 * AffLessonKind:
 * @AFF_LESSON_KIND_GOOD_PRACTICE: a good practice to repeat
 * @AFF_LESSON_KIND_DIFFICULTY: a difficulty met, with its solution
 * @AFF_LESSON_KIND_IMPROVEMENT: an improvement proposed
 *
 * What a lesson is.
 */
typedef enum {
  AFF_LESSON_KIND_GOOD_PRACTICE,
  AFF_LESSON_KIND_DIFFICULTY,
  AFF_LESSON_KIND_IMPROVEMENT,
} AffLessonKind;

#define AFF_TYPE_LESSON_QUERY (aff_lesson_query_get_type ())

typedef struct _AffLessonQuery AffLessonQuery;

AFF_AVAILABLE_IN_ALL
GType               aff_lesson_query_get_type        (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffLessonQuery     *aff_lesson_query_new             (const char           *client_id,
                                                      const char *const    *activities,
                                                      const char *const    *tags,
                                                      const char           *text);
AFF_AVAILABLE_IN_ALL
AffLessonQuery     *aff_lesson_query_copy            (const AffLessonQuery *self);
AFF_AVAILABLE_IN_ALL
void                aff_lesson_query_free            (AffLessonQuery       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffLessonQuery, aff_lesson_query_free)

#define AFF_TYPE_LESSON (aff_lesson_get_type ())

typedef struct _AffLesson AffLesson;

AFF_AVAILABLE_IN_ALL
GType               aff_lesson_get_type              (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffLesson          *aff_lesson_copy                  (const AffLesson      *self);
AFF_AVAILABLE_IN_ALL
void                aff_lesson_free                  (AffLesson            *self);
AFF_AVAILABLE_IN_ALL
const char         *aff_lesson_get_affair_id         (const AffLesson      *self);
AFF_AVAILABLE_IN_ALL
AffLessonKind       aff_lesson_get_kind              (const AffLesson      *self);
AFF_AVAILABLE_IN_ALL
const char         *aff_lesson_get_text              (const AffLesson      *self);
AFF_AVAILABLE_IN_ALL
guint               aff_lesson_get_score             (const AffLesson      *self);
AFF_AVAILABLE_IN_ALL
const char *const  *aff_lesson_get_reasons           (const AffLesson      *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffLesson, aff_lesson_free)

G_END_DECLS
