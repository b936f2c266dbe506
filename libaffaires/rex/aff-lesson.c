/* aff-lesson.c: a lesson of a past affair, found for a new one
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "aff-money-private.h"
#include "aff-rex-private.h"
#include "aff-language-private.h"

/**
 * AffLessonQuery:
 *
 * What a new consultation or affair is about, to find the lessons of past
 * affairs that bear on it ([method@Aff.Portfolio.find_lessons]): its
 * client, its activities, tags, and the words of its description.
 */

/**
 * aff_lesson_query_new:
 * @client_id: (nullable): the client's id
 * @activities: (nullable) (array zero-terminated=1): the activities
 * @tags: (nullable) (array zero-terminated=1): tags: techniques, type of
 *   site
 * @text: (nullable): a description, whose words are looked for
 *
 * Creates a query.
 *
 * Returns: (transfer full): a new query
 */
AffLessonQuery *
aff_lesson_query_new (const char        *client_id,
                      const char *const *activities,
                      const char *const *tags,
                      const char        *text)
{
  AffLessonQuery *self = g_new0 (AffLessonQuery, 1);

  self->client_id = g_strdup (client_id);
  self->activities = activities != NULL ? g_strdupv ((char **) activities) : g_new0 (char *, 1);
  self->tags = tags != NULL ? g_strdupv ((char **) tags) : g_new0 (char *, 1);
  self->text = g_strdup (text);
  return self;
}

/**
 * aff_lesson_query_copy:
 * @self: a query
 *
 * Copies a query.
 *
 * Returns: (transfer full): a copy of @self
 */
AffLessonQuery *
aff_lesson_query_copy (const AffLessonQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return aff_lesson_query_new (self->client_id, (const char *const *) self->activities,
                               (const char *const *) self->tags, self->text);
}

/**
 * aff_lesson_query_free:
 * @self: (nullable): a query
 *
 * Frees a query.
 */
void
aff_lesson_query_free (AffLessonQuery *self)
{
  if (self == NULL)
    return;
  g_free (self->client_id);
  g_strfreev (self->activities);
  g_strfreev (self->tags);
  g_free (self->text);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffLessonQuery, aff_lesson_query, aff_lesson_query_copy, aff_lesson_query_free)

/**
 * AffLesson:
 *
 * A lesson of a validated REX found for a query: the affair it comes from,
 * what it is, its text, how well it matches and why.
 */

AffLesson *
_aff_lesson_new (const char    *affair_id,
                 AffLessonKind  kind,
                 const char    *text,
                 guint          score,
                 char         **reasons)
{
  AffLesson *self = g_new0 (AffLesson, 1);

  self->affair_id = g_strdup (affair_id);
  self->kind = kind;
  self->text = g_strdup (text);
  self->score = score;
  self->reasons = reasons;
  return self;
}

/**
 * aff_lesson_copy:
 * @self: a lesson
 *
 * Copies a lesson.
 *
 * Returns: (transfer full): a copy of @self
 */
AffLesson *
aff_lesson_copy (const AffLesson *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return _aff_lesson_new (self->affair_id, self->kind, self->text, self->score, g_strdupv (self->reasons));
}

/**
 * aff_lesson_free:
 * @self: (nullable): a lesson
 *
 * Frees a lesson.
 */
void
aff_lesson_free (AffLesson *self)
{
  if (self == NULL)
    return;
  g_free (self->affair_id);
  g_free (self->text);
  g_strfreev (self->reasons);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffLesson, aff_lesson, aff_lesson_copy, aff_lesson_free)

/**
 * aff_lesson_get_affair_id:
 * @self: a lesson
 *
 * Gets the affair whose REX the lesson comes from.
 *
 * Returns: the affair's id
 */
const char *
aff_lesson_get_affair_id (const AffLesson *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->affair_id;
}

/**
 * aff_lesson_get_kind:
 * @self: a lesson
 *
 * Gets what the lesson is.
 *
 * Returns: the kind
 */
AffLessonKind
aff_lesson_get_kind (const AffLesson *self)
{
  g_return_val_if_fail (self != NULL, AFF_LESSON_KIND_GOOD_PRACTICE);
  return self->kind;
}

/**
 * aff_lesson_get_text:
 * @self: a lesson
 *
 * Gets the lesson: the good practice, the difficulty and its solution, or
 * the improvement and its justification.
 *
 * Returns: the text
 */
const char *
aff_lesson_get_text (const AffLesson *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}

/**
 * aff_lesson_get_score:
 * @self: a lesson
 *
 * Gets how well the lesson's affair matches the query: 3 for the same
 * client, 2 for each shared activity or tag, 1 for each shared word.
 *
 * Returns: the score
 */
guint
aff_lesson_get_score (const AffLesson *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->score;
}

/**
 * aff_lesson_get_reasons:
 * @self: a lesson
 *
 * Gets why the lesson matched, one phrase per reason in the policy's
 * language ("même client", "activité : tuyauterie", "mot-clé : ATEX",
 * "mot : tubes").
 *
 * Returns: (transfer none) (array zero-terminated=1): the reasons
 */
const char *const *
aff_lesson_get_reasons (const AffLesson *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char *const *) self->reasons;
}

char *
_aff_lesson_describe (const AffLesson *lesson,
                      guint            lang)
{
  g_autofree char *why = g_strjoinv (L (" ; ", "; "), lesson->reasons);

  return g_strdup_printf (L ("%s : %s (%s)", "%s: %s (%s)"), lesson->affair_id, lesson->text, why);
}
