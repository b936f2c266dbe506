/* aff-contribution.c: an internal contribution asked for an offer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "aff-enum-types.h"
#include "aff-bidding-private.h"

/**
 * AffContribution:
 *
 * A contribution asked of an internal department while a consultation is
 * analysed: a design study, a method statement, supplier prices… who was
 * asked, what, by when, and the answer with its date. Requested with
 * [method@Aff.Consultation.request_contribution], completed with
 * [method@Aff.Consultation.complete_contribution].
 */

struct _AffContribution
{
  GObject parent_instance;

  char *id;
  AffDepartment department;
  char *who;
  char *what;
  GDate due;
  char *answer;
  GDate answered;
};

G_DEFINE_FINAL_TYPE (AffContribution, aff_contribution, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DEPARTMENT,
  PROP_WHO,
  PROP_WHAT,
  PROP_ANSWER,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static void
aff_contribution_finalize (GObject *object)
{
  AffContribution *self = AFF_CONTRIBUTION (object);

  g_free (self->id);
  g_free (self->who);
  g_free (self->what);
  g_free (self->answer);
  G_OBJECT_CLASS (aff_contribution_parent_class)->finalize (object);
}

static void
aff_contribution_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AffContribution *self = AFF_CONTRIBUTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_DEPARTMENT:
      g_value_set_enum (value, self->department);
      break;
    case PROP_WHO:
      g_value_set_string (value, self->who);
      break;
    case PROP_WHAT:
      g_value_set_string (value, self->what);
      break;
    case PROP_ANSWER:
      g_value_set_string (value, self->answer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aff_contribution_class_init (AffContributionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aff_contribution_finalize;
  object_class->get_property = aff_contribution_get_property;

  /**
   * AffContribution:id:
   *
   * The contribution's id within its consultation.
   */
  props[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * AffContribution:department:
   *
   * The department asked.
   */
  props[PROP_DEPARTMENT] = g_param_spec_enum ("department", NULL, NULL, AFF_TYPE_DEPARTMENT,
                                              AFF_DEPARTMENT_DESIGN,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * AffContribution:who:
   *
   * The person asked.
   */
  props[PROP_WHO] = g_param_spec_string ("who", NULL, NULL, NULL,
                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * AffContribution:what:
   *
   * What was asked.
   */
  props[PROP_WHAT] = g_param_spec_string ("what", NULL, NULL, NULL,
                                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * AffContribution:answer:
   *
   * What the department delivered, %NULL until then.
   */
  props[PROP_ANSWER] = g_param_spec_string ("answer", NULL, NULL, NULL,
                                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
aff_contribution_init (AffContribution *self)
{
  g_date_clear (&self->due, 1);
  g_date_clear (&self->answered, 1);
}

AffContribution *
_aff_contribution_new (const char    *id,
                       AffDepartment  department,
                       const char    *who,
                       const char    *what,
                       const GDate   *due)
{
  AffContribution *self = g_object_new (AFF_TYPE_CONTRIBUTION, NULL);

  self->id = g_strdup (id);
  self->department = department;
  self->who = g_strdup (who);
  self->what = g_strdup (what);
  self->due = *due;
  return self;
}

void
_aff_contribution_complete (AffContribution *self,
                            const char      *answer,
                            const GDate     *date)
{
  g_free (self->answer);
  self->answer = g_strdup (answer);
  self->answered = *date;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ANSWER]);
}

/**
 * aff_contribution_get_id:
 * @self: a contribution
 *
 * Gets the contribution's id within its consultation.
 *
 * Returns: the id
 */
const char *
aff_contribution_get_id (AffContribution *self)
{
  g_return_val_if_fail (AFF_IS_CONTRIBUTION (self), NULL);
  return self->id;
}

/**
 * aff_contribution_get_department:
 * @self: a contribution
 *
 * Gets the department asked.
 *
 * Returns: the department
 */
AffDepartment
aff_contribution_get_department (AffContribution *self)
{
  g_return_val_if_fail (AFF_IS_CONTRIBUTION (self), AFF_DEPARTMENT_OTHER);
  return self->department;
}

/**
 * aff_contribution_get_who:
 * @self: a contribution
 *
 * Gets the person asked.
 *
 * Returns: a name
 */
const char *
aff_contribution_get_who (AffContribution *self)
{
  g_return_val_if_fail (AFF_IS_CONTRIBUTION (self), NULL);
  return self->who;
}

/**
 * aff_contribution_get_what:
 * @self: a contribution
 *
 * Gets what was asked.
 *
 * Returns: the request
 */
const char *
aff_contribution_get_what (AffContribution *self)
{
  g_return_val_if_fail (AFF_IS_CONTRIBUTION (self), NULL);
  return self->what;
}

/**
 * aff_contribution_get_due_date:
 * @self: a contribution
 *
 * Gets when the contribution is due.
 *
 * Returns: (transfer none): the due date
 */
const GDate *
aff_contribution_get_due_date (AffContribution *self)
{
  g_return_val_if_fail (AFF_IS_CONTRIBUTION (self), NULL);
  return &self->due;
}

/**
 * aff_contribution_get_answer:
 * @self: a contribution
 *
 * Gets what the department delivered.
 *
 * Returns: (nullable): the answer, or %NULL while pending
 */
const char *
aff_contribution_get_answer (AffContribution *self)
{
  g_return_val_if_fail (AFF_IS_CONTRIBUTION (self), NULL);
  return self->answer;
}

/**
 * aff_contribution_get_answered_date:
 * @self: a contribution
 *
 * Gets when the department delivered.
 *
 * Returns: (nullable) (transfer none): the day of the answer, or %NULL
 */
const GDate *
aff_contribution_get_answered_date (AffContribution *self)
{
  g_return_val_if_fail (AFF_IS_CONTRIBUTION (self), NULL);
  return g_date_valid (&self->answered) ? &self->answered : NULL;
}

/**
 * aff_contribution_is_answered:
 * @self: a contribution
 *
 * Tells whether the department delivered.
 *
 * Returns: whether there is an answer
 */
gboolean
aff_contribution_is_answered (AffContribution *self)
{
  g_return_val_if_fail (AFF_IS_CONTRIBUTION (self), FALSE);
  return self->answer != NULL;
}
