/* aff-rex-private.h: what the REX module shares inside the library
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "aff-rex.h"
#include "aff-lesson.h"
#include "aff-json-private.h"
#include "aff-journal-private.h"

G_BEGIN_DECLS

struct _AffImprovement
{
  char *affair_id;            /* the REX's, once added to one */
  char *title;
  char *justification;
  char *benefit;
  char *owner;
  AffImprovementStatus status;
};

/* The affair fills the figures and the history when it creates the REX
 * (aff_affair_create_rex()); the team adds the rest. */
struct _AffRex
{
  GObject parent_instance;

  char *affair_id;
  GDate date;
  guint lang;
  AffMoney *contract_amount;
  AffMoney *revenue_at_completion;
  AffMoney *offer_margin;
  AffMoney *final_margin;
  GDate planned_finish;       /* cleared when the plan had none */
  GDate actual_finish;
  GPtrArray *history;         /* char *, NULL-terminated */
  GPtrArray *actions_taken;   /* char *, NULL-terminated */
  GPtrArray *practices;       /* char *, NULL-terminated */
  GPtrArray *difficulties;    /* char * */
  GPtrArray *solutions;       /* char *, by difficulty */
  GPtrArray *improvements;    /* AffImprovement */
  char **tags;
  GDate validated;            /* cleared until validated */
  AffTrack track;
};

AffRex  *_aff_rex_new       (const char    *affair_id,
                             const GDate   *date);
/* @lang: the language of the affair's policy, which the REX is written in. */
void     _aff_rex_attach    (AffRex        *self,
                             AffJournal    *journal,
                             const char    *affair_id,
                             guint          lang);
void     _aff_rex_to_json   (AffRex        *self,
                             JsonBuilder   *builder);
AffRex  *_aff_rex_from_json (AffJsonReader *reader,
                             JsonNode      *node,
                             const char    *affair_id,
                             const char    *currency,
                             GError       **error);

struct _AffLessonQuery
{
  char *client_id;
  char **activities;
  char **tags;
  char *text;
};

struct _AffLesson
{
  char *affair_id;
  AffLessonKind kind;
  char *text;
  guint score;
  char **reasons;
};

/* Takes @reasons. */
AffLesson *_aff_lesson_new (const char    *affair_id,
                            AffLessonKind  kind,
                            const char    *text,
                            guint          score,
                            char         **reasons);

/* "AFF-1 : the lesson (reasons ; …)", in the language @lang. */
char      *_aff_lesson_describe (const AffLesson *lesson,
                                 guint            lang);

G_END_DECLS
