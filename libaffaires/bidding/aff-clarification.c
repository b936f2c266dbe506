/* aff-clarification.c: a question put to the client about its request
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "aff-bidding-private.h"

/**
 * AffClarification:
 *
 * A question put to the client during the analysis of its request, and its
 * answer, both dated: the offer starts from a need understood, and the
 * record shows what the client said. Asked with
 * [method@Aff.Consultation.ask_question], answered with
 * [method@Aff.Consultation.answer_question].
 */

struct _AffClarification
{
  GObject parent_instance;

  char *id;
  char *question;
  GDate asked;
  char *answer;
  GDate answered;
};

G_DEFINE_FINAL_TYPE (AffClarification, aff_clarification, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_QUESTION,
  PROP_ANSWER,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static void
aff_clarification_finalize (GObject *object)
{
  AffClarification *self = AFF_CLARIFICATION (object);

  g_free (self->id);
  g_free (self->question);
  g_free (self->answer);
  G_OBJECT_CLASS (aff_clarification_parent_class)->finalize (object);
}

static void
aff_clarification_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AffClarification *self = AFF_CLARIFICATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_QUESTION:
      g_value_set_string (value, self->question);
      break;
    case PROP_ANSWER:
      g_value_set_string (value, self->answer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aff_clarification_class_init (AffClarificationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aff_clarification_finalize;
  object_class->get_property = aff_clarification_get_property;

  /**
   * AffClarification:id:
   *
   * The question's id within its consultation.
   */
  props[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * AffClarification:question:
   *
   * What was asked.
   */
  props[PROP_QUESTION] = g_param_spec_string ("question", NULL, NULL, NULL,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * AffClarification:answer:
   *
   * What the client answered, %NULL until then.
   */
  props[PROP_ANSWER] = g_param_spec_string ("answer", NULL, NULL, NULL,
                                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
aff_clarification_init (AffClarification *self)
{
  g_date_clear (&self->asked, 1);
  g_date_clear (&self->answered, 1);
}

AffClarification *
_aff_clarification_new (const char  *id,
                        const char  *question,
                        const GDate *asked)
{
  AffClarification *self = g_object_new (AFF_TYPE_CLARIFICATION, NULL);

  self->id = g_strdup (id);
  self->question = g_strdup (question);
  self->asked = *asked;
  return self;
}

void
_aff_clarification_answer (AffClarification *self,
                           const char       *answer,
                           const GDate      *date)
{
  g_free (self->answer);
  self->answer = g_strdup (answer);
  self->answered = *date;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ANSWER]);
}

/**
 * aff_clarification_get_id:
 * @self: a clarification
 *
 * Gets the question's id within its consultation.
 *
 * Returns: the id
 */
const char *
aff_clarification_get_id (AffClarification *self)
{
  g_return_val_if_fail (AFF_IS_CLARIFICATION (self), NULL);
  return self->id;
}

/**
 * aff_clarification_get_question:
 * @self: a clarification
 *
 * Gets what was asked.
 *
 * Returns: the question
 */
const char *
aff_clarification_get_question (AffClarification *self)
{
  g_return_val_if_fail (AFF_IS_CLARIFICATION (self), NULL);
  return self->question;
}

/**
 * aff_clarification_get_asked_date:
 * @self: a clarification
 *
 * Gets when the question was asked.
 *
 * Returns: (transfer none): the day it was asked
 */
const GDate *
aff_clarification_get_asked_date (AffClarification *self)
{
  g_return_val_if_fail (AFF_IS_CLARIFICATION (self), NULL);
  return &self->asked;
}

/**
 * aff_clarification_get_answer:
 * @self: a clarification
 *
 * Gets what the client answered.
 *
 * Returns: (nullable): the answer, or %NULL while unanswered
 */
const char *
aff_clarification_get_answer (AffClarification *self)
{
  g_return_val_if_fail (AFF_IS_CLARIFICATION (self), NULL);
  return self->answer;
}

/**
 * aff_clarification_get_answered_date:
 * @self: a clarification
 *
 * Gets when the client answered.
 *
 * Returns: (nullable) (transfer none): the day of the answer, or %NULL
 */
const GDate *
aff_clarification_get_answered_date (AffClarification *self)
{
  g_return_val_if_fail (AFF_IS_CLARIFICATION (self), NULL);
  return g_date_valid (&self->answered) ? &self->answered : NULL;
}

/**
 * aff_clarification_is_answered:
 * @self: a clarification
 *
 * Tells whether the client answered.
 *
 * Returns: whether there is an answer
 */
gboolean
aff_clarification_is_answered (AffClarification *self)
{
  g_return_val_if_fail (AFF_IS_CLARIFICATION (self), FALSE);
  return self->answer != NULL;
}
