/* aff-decision.c: a decision taken on an affair, and why
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-enum-types.h"
#include "aff-dossier-private.h"

/**
 * AffDecision:
 *
 * A decision taken on an affair: what was decided, why, by whom and when,
 * what it affects, and the meeting it was taken at, if any. The affair's
 * decision log is [method@Aff.Dossier.list_decisions].
 *
 * A decision is prepared with its setters, then added to the dossier
 * ([method@Aff.Dossier.add_decision]); from then on it is a record.
 */

G_DEFINE_FINAL_TYPE (AffDecision, aff_decision, G_TYPE_OBJECT)

static void
aff_decision_finalize (GObject *object)
{
  AffDecision *self = AFF_DECISION (object);

  g_free (self->id);
  g_free (self->statement);
  g_free (self->decided_by);
  g_free (self->rationale);
  g_free (self->reference);
  g_free (self->meeting_id);
  G_OBJECT_CLASS (aff_decision_parent_class)->finalize (object);
}

static void
aff_decision_class_init (AffDecisionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aff_decision_finalize;
}

static void
aff_decision_init (AffDecision *self)
{
  g_date_clear (&self->date, 1);
}

/**
 * aff_decision_new:
 * @id: the decision's id, unique in its dossier
 * @date: the day it was taken
 * @statement: what was decided
 * @decided_by: who decided
 *
 * Creates a decision of the affair as a whole; say what it affects with
 * [method@Aff.Decision.set_target].
 *
 * Returns: (transfer full): a new decision
 */
AffDecision *
aff_decision_new (const char  *id,
                  const GDate *date,
                  const char  *statement,
                  const char  *decided_by)
{
  AffDecision *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (statement != NULL && decided_by != NULL, NULL);

  self = g_object_new (AFF_TYPE_DECISION, NULL);
  self->id = g_strdup (id);
  self->date = *date;
  self->statement = g_strdup (statement);
  self->decided_by = g_strdup (decided_by);
  return self;
}

/**
 * aff_decision_get_id:
 * @self: a decision
 *
 * Gets the decision's id.
 *
 * Returns: the id
 */
const char *
aff_decision_get_id (AffDecision *self)
{
  g_return_val_if_fail (AFF_IS_DECISION (self), NULL);
  return self->id;
}

/**
 * aff_decision_get_date:
 * @self: a decision
 *
 * Gets the day the decision was taken.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_decision_get_date (AffDecision *self)
{
  g_return_val_if_fail (AFF_IS_DECISION (self), NULL);
  return &self->date;
}

/**
 * aff_decision_get_statement:
 * @self: a decision
 *
 * Gets what was decided.
 *
 * Returns: the statement
 */
const char *
aff_decision_get_statement (AffDecision *self)
{
  g_return_val_if_fail (AFF_IS_DECISION (self), NULL);
  return self->statement;
}

/**
 * aff_decision_get_decided_by:
 * @self: a decision
 *
 * Gets who decided.
 *
 * Returns: who decided
 */
const char *
aff_decision_get_decided_by (AffDecision *self)
{
  g_return_val_if_fail (AFF_IS_DECISION (self), NULL);
  return self->decided_by;
}

/**
 * aff_decision_get_rationale:
 * @self: a decision
 *
 * Gets why it was decided.
 *
 * Returns: (nullable): the rationale
 */
const char *
aff_decision_get_rationale (AffDecision *self)
{
  g_return_val_if_fail (AFF_IS_DECISION (self), NULL);
  return self->rationale;
}

/**
 * aff_decision_set_rationale:
 * @self: a decision not yet in a dossier
 * @rationale: (nullable): why it was decided
 *
 * Sets why it was decided.
 */
void
aff_decision_set_rationale (AffDecision *self,
                            const char  *rationale)
{
  g_return_if_fail (AFF_IS_DECISION (self));
  g_return_if_fail (!self->recorded);
  g_free (self->rationale);
  self->rationale = g_strdup (rationale);
}

/**
 * aff_decision_get_target:
 * @self: a decision
 * @reference: (out) (optional) (nullable) (transfer none): where to store
 *   what the decision names within its target (a task's id, a lot)
 *
 * Gets what the decision affects.
 *
 * Returns: the target
 */
AffDecisionTarget
aff_decision_get_target (AffDecision  *self,
                         const char  **reference)
{
  g_return_val_if_fail (AFF_IS_DECISION (self), AFF_DECISION_TARGET_AFFAIR);
  if (reference != NULL)
    *reference = self->reference;
  return self->target;
}

/**
 * aff_decision_set_target:
 * @self: a decision not yet in a dossier
 * @target: what the decision affects
 * @reference: (nullable): what it names within the target: a task's id
 *   (required for %AFF_DECISION_TARGET_TASK), a lot or task for the budget
 *
 * Sets what the decision affects.
 */
void
aff_decision_set_target (AffDecision       *self,
                         AffDecisionTarget  target,
                         const char        *reference)
{
  g_return_if_fail (AFF_IS_DECISION (self));
  g_return_if_fail (!self->recorded);
  self->target = target;
  g_free (self->reference);
  self->reference = g_strdup (reference);
}

/**
 * aff_decision_get_meeting_id:
 * @self: a decision
 *
 * Gets the meeting the decision was taken at.
 *
 * Returns: (nullable): the meeting's id
 */
const char *
aff_decision_get_meeting_id (AffDecision *self)
{
  g_return_val_if_fail (AFF_IS_DECISION (self), NULL);
  return self->meeting_id;
}

/**
 * aff_decision_set_meeting_id:
 * @self: a decision not yet in a dossier
 * @meeting_id: (nullable): the meeting it was taken at, in the same dossier
 *
 * Sets the meeting the decision was taken at.
 */
void
aff_decision_set_meeting_id (AffDecision *self,
                             const char  *meeting_id)
{
  g_return_if_fail (AFF_IS_DECISION (self));
  g_return_if_fail (!self->recorded);
  g_free (self->meeting_id);
  self->meeting_id = g_strdup (meeting_id);
}

void
_aff_decision_to_json (AffDecision *self,
                       JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  aff_json_add_string (builder, "id", self->id);
  aff_json_add_date (builder, "date", &self->date);
  aff_json_add_string (builder, "statement", self->statement);
  aff_json_add_string (builder, "decided_by", self->decided_by);
  aff_json_add_string (builder, "rationale", self->rationale);
  aff_json_add_enum (builder, "target", AFF_TYPE_DECISION_TARGET, self->target);
  aff_json_add_string (builder, "reference", self->reference);
  aff_json_add_string (builder, "meeting", self->meeting_id);
  json_builder_end_object (builder);
}

AffDecision *
_aff_decision_from_json (AffJsonReader *reader,
                         JsonNode      *node,
                         GError       **error)
{
  static const char *const members[] = { "id", "date", "statement", "decided_by", "rationale", "target",
                                         "reference", "meeting", NULL };
  g_autoptr(AffDecision) self = g_object_new (AFF_TYPE_DECISION, NULL);
  JsonObject *object;
  int target = 0;

  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "id", TRUE, &self->id, error) ||
      !aff_json_get_date (reader, object, "date", TRUE, &self->date, error) ||
      !aff_json_get_string (reader, object, "statement", TRUE, &self->statement, error) ||
      !aff_json_get_string (reader, object, "decided_by", TRUE, &self->decided_by, error) ||
      !aff_json_get_string (reader, object, "rationale", FALSE, &self->rationale, error) ||
      !aff_json_get_enum (reader, object, "target", TRUE, AFF_TYPE_DECISION_TARGET, &target, error) ||
      !aff_json_get_string (reader, object, "reference", target == AFF_DECISION_TARGET_TASK, &self->reference,
                            error) ||
      !aff_json_get_string (reader, object, "meeting", FALSE, &self->meeting_id, error))
    return NULL;
  if (!_aff_id_is_valid (self->id))
    return aff_json_reader_fail_at (reader, "id", error, _("expected an id of 1 to 64 bytes without spaces")), NULL;
  if (*self->statement == '\0')
    return aff_json_reader_fail_at (reader, "statement", error, _("expected what was decided")), NULL;
  if (*self->decided_by == '\0')
    return aff_json_reader_fail_at (reader, "decided_by", error, _("expected who decided")), NULL;
  self->target = target;
  self->recorded = TRUE;
  return g_steal_pointer (&self);
}
