/* aff-rex.c: the lessons learned of an affair (retour d'expérience)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-enum-types.h"
#include "aff-money-private.h"
#include "aff-language-private.h"
#include "aff-doc-private.h"
#include "aff-rex-private.h"

/* Improvements ------------------------------------------------------------- */

/**
 * AffImprovement:
 *
 * An improvement a REX proposes: what to change, why (the justification
 * drawn from the affair), the benefit expected, who carries it and where
 * it stands ([enum@Aff.ImprovementStatus]).
 */

/**
 * aff_improvement_new:
 * @title: what to change
 * @justification: why, from what the affair showed
 * @benefit: the benefit expected
 * @owner: who carries it
 *
 * Creates a proposed improvement.
 *
 * Returns: (transfer full): a new improvement
 */
AffImprovement *
aff_improvement_new (const char *title,
                     const char *justification,
                     const char *benefit,
                     const char *owner)
{
  AffImprovement *self;

  g_return_val_if_fail (title != NULL && justification != NULL && benefit != NULL && owner != NULL, NULL);

  self = g_new0 (AffImprovement, 1);
  self->title = g_strdup (title);
  self->justification = g_strdup (justification);
  self->benefit = g_strdup (benefit);
  self->owner = g_strdup (owner);
  return self;
}

/**
 * aff_improvement_copy:
 * @self: an improvement
 *
 * Copies an improvement.
 *
 * Returns: (transfer full): a copy of @self
 */
AffImprovement *
aff_improvement_copy (const AffImprovement *self)
{
  AffImprovement *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = aff_improvement_new (self->title, self->justification, self->benefit, self->owner);
  copy->status = self->status;
  copy->affair_id = g_strdup (self->affair_id);
  return copy;
}

/**
 * aff_improvement_free:
 * @self: (nullable): an improvement
 *
 * Frees an improvement.
 */
void
aff_improvement_free (AffImprovement *self)
{
  if (self == NULL)
    return;
  g_free (self->affair_id);
  g_free (self->title);
  g_free (self->justification);
  g_free (self->benefit);
  g_free (self->owner);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffImprovement, aff_improvement, aff_improvement_copy, aff_improvement_free)

#define IMPROVEMENT_GETTER(field)                                            \
  const char *                                                               \
  aff_improvement_get_##field (const AffImprovement *self)                   \
  {                                                                          \
    g_return_val_if_fail (self != NULL, NULL);                               \
    return self->field;                                                      \
  }

/**
 * aff_improvement_get_affair_id:
 * @self: an improvement
 *
 * Gets the affair whose REX proposes the improvement.
 *
 * Returns: (nullable): the affair's id, %NULL until added to a REX
 */
IMPROVEMENT_GETTER (affair_id)
/**
 * aff_improvement_get_title:
 * @self: an improvement
 *
 * Gets what to change.
 *
 * Returns: the title
 */
IMPROVEMENT_GETTER (title)
/**
 * aff_improvement_get_justification:
 * @self: an improvement
 *
 * Gets why the change is proposed.
 *
 * Returns: the justification
 */
IMPROVEMENT_GETTER (justification)
/**
 * aff_improvement_get_benefit:
 * @self: an improvement
 *
 * Gets the benefit expected.
 *
 * Returns: the benefit
 */
IMPROVEMENT_GETTER (benefit)
/**
 * aff_improvement_get_owner:
 * @self: an improvement
 *
 * Gets who carries the improvement.
 *
 * Returns: the owner
 */
IMPROVEMENT_GETTER (owner)

/**
 * aff_improvement_get_status:
 * @self: an improvement
 *
 * Gets where the improvement stands.
 *
 * Returns: the status
 */
AffImprovementStatus
aff_improvement_get_status (const AffImprovement *self)
{
  g_return_val_if_fail (self != NULL, AFF_IMPROVEMENT_STATUS_PROPOSED);
  return self->status;
}

/* The REX ------------------------------------------------------------------ */

/**
 * AffRex:
 *
 * The lessons learned of an affair, written at its close-out
 * ([method@Aff.Affair.create_rex]). The affair fills in its objectives
 * against what happened (contract amount and amendments, the offer's
 * margin against the final margin, planned against actual finish, the
 * history of hazards, slips, drifts and incidents) and the actions taken
 * (decisions and corrective actions). The team adds the good practices, the
 * difficulties met with their solutions, the improvements proposed and the
 * tags that will find the REX again. Once validated, it is frozen; the
 * affair cannot be closed without it.
 */

G_DEFINE_FINAL_TYPE (AffRex, aff_rex, G_TYPE_OBJECT)

static void
aff_rex_finalize (GObject *object)
{
  AffRex *self = AFF_REX (object);

  g_free (self->affair_id);
  g_clear_pointer (&self->contract_amount, aff_money_free);
  g_clear_pointer (&self->revenue_at_completion, aff_money_free);
  g_clear_pointer (&self->offer_margin, aff_money_free);
  g_clear_pointer (&self->final_margin, aff_money_free);
  g_ptr_array_unref (self->history);
  g_ptr_array_unref (self->actions_taken);
  g_ptr_array_unref (self->practices);
  g_ptr_array_unref (self->difficulties);
  g_ptr_array_unref (self->solutions);
  g_ptr_array_unref (self->improvements);
  g_strfreev (self->tags);
  _aff_track_clear (&self->track);
  G_OBJECT_CLASS (aff_rex_parent_class)->finalize (object);
}

static void
aff_rex_class_init (AffRexClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aff_rex_finalize;
}

static void
aff_rex_init (AffRex *self)
{
  g_date_clear (&self->date, 1);
  g_date_clear (&self->planned_finish, 1);
  g_date_clear (&self->actual_finish, 1);
  g_date_clear (&self->validated, 1);
  self->history = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->actions_taken = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->practices = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->difficulties = g_ptr_array_new_with_free_func (g_free);
  self->solutions = g_ptr_array_new_with_free_func (g_free);
  self->improvements = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_improvement_free);
  self->tags = g_new0 (char *, 1);
}

AffRex *
_aff_rex_new (const char  *affair_id,
              const GDate *date)
{
  AffRex *self = g_object_new (AFF_TYPE_REX, NULL);

  self->affair_id = g_strdup (affair_id);
  self->date = *date;
  return self;
}

void
_aff_rex_attach (AffRex     *self,
                 AffJournal *journal,
                 const char *affair_id,
                 guint       lang)
{
  self->lang = lang;
  if (journal != NULL)
    _aff_track_attach (&self->track, journal, "affair", affair_id, NULL, NULL);
  else
    _aff_track_clear (&self->track);
}

/**
 * aff_rex_get_affair_id:
 * @self: a REX
 *
 * Gets the affair the REX is about.
 *
 * Returns: the affair's id
 */
const char *
aff_rex_get_affair_id (AffRex *self)
{
  g_return_val_if_fail (AFF_IS_REX (self), NULL);
  return self->affair_id;
}

/**
 * aff_rex_get_date:
 * @self: a REX
 *
 * Gets the day the REX was drawn up: its figures are the affair's on that
 * day.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_rex_get_date (AffRex *self)
{
  g_return_val_if_fail (AFF_IS_REX (self), NULL);
  return &self->date;
}

#define REX_MONEY(name, doc)                                                 \
  const AffMoney *                                                           \
  aff_rex_get_##name (AffRex *self)                                          \
  {                                                                          \
    g_return_val_if_fail (AFF_IS_REX (self), NULL);                          \
    return self->name;                                                       \
  }

/**
 * aff_rex_get_contract_amount:
 * @self: a REX
 *
 * Gets the amount of the contract as signed.
 *
 * Returns: (transfer none): the amount
 */
REX_MONEY (contract_amount, NULL)
/**
 * aff_rex_get_revenue_at_completion:
 * @self: a REX
 *
 * Gets the contract amount with the amendments accepted by the REX's day.
 *
 * Returns: (transfer none): the amount
 */
REX_MONEY (revenue_at_completion, NULL)
/**
 * aff_rex_get_offer_margin:
 * @self: a REX
 *
 * Gets the margin of the accepted offer: contract amount less its costs,
 * overheads and contingency.
 *
 * Returns: (transfer none): the margin
 */
REX_MONEY (offer_margin, NULL)
/**
 * aff_rex_get_final_margin:
 * @self: a REX
 *
 * Gets the margin on the REX's day as the close-out fixes it: revenue at
 * completion less the actual cost.
 *
 * Returns: (transfer none): the margin
 */
REX_MONEY (final_margin, NULL)

/**
 * aff_rex_get_planned_finish:
 * @self: a REX
 *
 * Gets the finish of the plan's latest baseline: the last of its tasks'.
 *
 * Returns: (transfer none) (nullable): the day, %NULL without a baseline
 */
const GDate *
aff_rex_get_planned_finish (AffRex *self)
{
  g_return_val_if_fail (AFF_IS_REX (self), NULL);
  return g_date_valid (&self->planned_finish) ? &self->planned_finish : NULL;
}

/**
 * aff_rex_get_actual_finish:
 * @self: a REX
 *
 * Gets the day the work finished: the last actual finish of the tasks, or
 * the plan's finish as last scheduled when a task is not finished.
 *
 * Returns: (transfer none) (nullable): the day, %NULL without a plan
 */
const GDate *
aff_rex_get_actual_finish (AffRex *self)
{
  g_return_val_if_fail (AFF_IS_REX (self), NULL);
  return g_date_valid (&self->actual_finish) ? &self->actual_finish : NULL;
}

/**
 * aff_rex_get_history:
 * @self: a REX
 *
 * Gets what happened against the objectives, one sentence each in the
 * policy's language: the tasks finished later than planned, the hazards
 * and their causes, the drifts and their corrective actions, the incidents.
 *
 * Returns: (transfer none) (array zero-terminated=1): the sentences
 */
const char *const *
aff_rex_get_history (AffRex *self)
{
  g_return_val_if_fail (AFF_IS_REX (self), NULL);
  return (const char *const *) self->history->pdata;
}

/**
 * aff_rex_get_actions_taken:
 * @self: a REX
 *
 * Gets the actions taken during the affair: its decisions and its
 * corrective actions, in the order of their days.
 *
 * Returns: (transfer none) (array zero-terminated=1): the sentences
 */
const char *const *
aff_rex_get_actions_taken (AffRex *self)
{
  g_return_val_if_fail (AFF_IS_REX (self), NULL);
  return (const char *const *) self->actions_taken->pdata;
}

static gboolean
check_open (AffRex  *self,
            GError **error)
{
  if (!g_date_valid (&self->validated))
    return TRUE;
  g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
               _("The REX of affair “%s” is validated: it can no longer change"), self->affair_id);
  return FALSE;
}

static gboolean
check_text (AffRex      *self,
            const char  *text,
            const char  *what,
            GError     **error)
{
  if (text != NULL && *text != '\0')
    return TRUE;
  g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE, _("REX of affair “%s”: %s is empty"), self->affair_id, what);
  return FALSE;
}

static void
record_text (AffRex     *self,
             const char *action,
             const char *key,
             const char *text)
{
  JsonObject *details = json_object_new ();

  json_object_set_string_member (details, key, text);
  _aff_track_record (&self->track, action, details);
}

/**
 * aff_rex_add_good_practice:
 * @self: a REX not yet validated
 * @practice: (nullable): a good practice the affair brought out; %NULL or
 *   empty is refused
 * @error: return location for a #GError
 *
 * Adds a good practice. Journaled.
 *
 * Returns: %TRUE if added; %FALSE with %AFF_ERROR_INVALID_VALUE or
 *   %AFF_ERROR_INVALID_TRANSITION (validated) set
 */
gboolean
aff_rex_add_good_practice (AffRex      *self,
                           const char  *practice,
                           GError     **error)
{
  g_return_val_if_fail (AFF_IS_REX (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_open (self, error) || !check_text (self, practice, _("the good practice"), error))
    return FALSE;
  g_ptr_array_add (self->practices, g_strdup (practice));
  record_text (self, "rex-practice-added", "practice", practice);
  return TRUE;
}

/**
 * aff_rex_get_good_practices:
 * @self: a REX
 *
 * Gets the good practices, in the order added.
 *
 * Returns: (transfer none) (array zero-terminated=1): the practices
 */
const char *const *
aff_rex_get_good_practices (AffRex *self)
{
  g_return_val_if_fail (AFF_IS_REX (self), NULL);
  return (const char *const *) self->practices->pdata;
}

/**
 * aff_rex_add_difficulty:
 * @self: a REX not yet validated
 * @difficulty: (nullable): a difficulty met; %NULL or empty is refused
 * @solution: (nullable): the solution found; %NULL or empty is refused
 * @error: return location for a #GError
 *
 * Adds a difficulty with its solution. Journaled.
 *
 * Returns: %TRUE if added; %FALSE with %AFF_ERROR_INVALID_VALUE or
 *   %AFF_ERROR_INVALID_TRANSITION (validated) set
 */
gboolean
aff_rex_add_difficulty (AffRex      *self,
                        const char  *difficulty,
                        const char  *solution,
                        GError     **error)
{
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_REX (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_open (self, error) || !check_text (self, difficulty, _("the difficulty"), error) ||
      !check_text (self, solution, _("the solution"), error))
    return FALSE;
  g_ptr_array_add (self->difficulties, g_strdup (difficulty));
  g_ptr_array_add (self->solutions, g_strdup (solution));
  details = json_object_new ();
  json_object_set_string_member (details, "difficulty", difficulty);
  json_object_set_string_member (details, "solution", solution);
  _aff_track_record (&self->track, "rex-difficulty-added", details);
  return TRUE;
}

/**
 * aff_rex_get_n_difficulties:
 * @self: a REX
 *
 * Gets the number of difficulties.
 *
 * Returns: the number of difficulties
 */
guint
aff_rex_get_n_difficulties (AffRex *self)
{
  g_return_val_if_fail (AFF_IS_REX (self), 0);
  return self->difficulties->len;
}

/**
 * aff_rex_get_difficulty:
 * @self: a REX
 * @position: the difficulty's position, from 0
 * @solution: (out) (optional) (nullable) (transfer none): where to store
 *   its solution
 *
 * Gets a difficulty and its solution.
 *
 * Returns: (nullable): the difficulty, or %NULL past the end
 */
const char *
aff_rex_get_difficulty (AffRex       *self,
                        guint         position,
                        const char  **solution)
{
  g_return_val_if_fail (AFF_IS_REX (self), NULL);

  if (solution != NULL)
    *solution = position < self->solutions->len ? g_ptr_array_index (self->solutions, position) : NULL;
  return position < self->difficulties->len ? g_ptr_array_index (self->difficulties, position) : NULL;
}

/**
 * aff_rex_add_improvement:
 * @self: a REX not yet validated
 * @improvement: a proposed improvement, its title, justification, benefit
 *   and owner not empty
 * @error: return location for a #GError
 *
 * Adds a copy of an improvement proposal. Journaled.
 *
 * Returns: %TRUE if added; %FALSE with %AFF_ERROR_INVALID_VALUE or
 *   %AFF_ERROR_INVALID_TRANSITION (validated) set
 */
gboolean
aff_rex_add_improvement (AffRex                *self,
                         const AffImprovement  *improvement,
                         GError               **error)
{
  g_return_val_if_fail (AFF_IS_REX (self), FALSE);
  g_return_val_if_fail (improvement != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_open (self, error) || !check_text (self, improvement->title, _("an improvement's title"), error) ||
      !check_text (self, improvement->justification, _("an improvement's justification"), error) ||
      !check_text (self, improvement->benefit, _("an improvement's benefit"), error) ||
      !check_text (self, improvement->owner, _("an improvement's owner"), error))
    return FALSE;
  g_ptr_array_add (self->improvements, aff_improvement_copy (improvement));
  g_free (((AffImprovement *) g_ptr_array_index (self->improvements, self->improvements->len - 1))->affair_id);
  ((AffImprovement *) g_ptr_array_index (self->improvements, self->improvements->len - 1))->affair_id =
    g_strdup (self->affair_id);
  record_text (self, "rex-improvement-added", "improvement", improvement->title);
  return TRUE;
}

/**
 * aff_rex_set_improvement_status:
 * @self: a REX
 * @position: the improvement's position, from 0, in the order added
 * @status: where it stands now
 * @error: return location for a #GError
 *
 * Follows an improvement to completion. Unlike the rest of the REX, the
 * status still changes once it is validated: that is how proposals are
 * tracked ([method@Aff.Portfolio.list_improvements]). Journaled.
 *
 * Returns: %TRUE if set; %FALSE with %AFF_ERROR_NOT_FOUND (no such
 *   position) set
 */
gboolean
aff_rex_set_improvement_status (AffRex                *self,
                                guint                  position,
                                AffImprovementStatus   status,
                                GError               **error)
{
  AffImprovement *improvement;
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_REX (self), FALSE);
  g_return_val_if_fail (status <= AFF_IMPROVEMENT_STATUS_REJECTED, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (position >= self->improvements->len)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND, _("The REX of affair “%s” has no improvement %u"),
                   self->affair_id, position);
      return FALSE;
    }
  improvement = g_ptr_array_index (self->improvements, position);
  if (improvement->status == status)
    return TRUE;
  improvement->status = status;
  details = json_object_new ();
  json_object_set_string_member (details, "improvement", improvement->title);
  json_object_set_string_member (details, "status", aff_enum_to_nick (AFF_TYPE_IMPROVEMENT_STATUS, status));
  _aff_track_record (&self->track, "rex-improvement-status", details);
  return TRUE;
}

/**
 * aff_rex_list_improvements:
 * @self: a REX
 *
 * Lists copies of the improvements, in the order added.
 *
 * Returns: (transfer container) (element-type AffImprovement): the
 *   improvements
 */
GPtrArray *
aff_rex_list_improvements (AffRex *self)
{
  GPtrArray *result;
  guint i;

  g_return_val_if_fail (AFF_IS_REX (self), NULL);

  result = g_ptr_array_new_full (self->improvements->len, (GDestroyNotify) aff_improvement_free);
  for (i = 0; i < self->improvements->len; i++)
    g_ptr_array_add (result, aff_improvement_copy (g_ptr_array_index (self->improvements, i)));
  return result;
}

/**
 * aff_rex_set_tags:
 * @self: a REX not yet validated
 * @tags: (array zero-terminated=1): the words that will find it again:
 *   activities, techniques, the client, the type of site; each non-empty
 *   and once
 * @error: return location for a #GError
 *
 * Sets the tags. Journaled.
 *
 * Returns: %TRUE if set; %FALSE with %AFF_ERROR_INVALID_VALUE or
 *   %AFF_ERROR_INVALID_TRANSITION (validated) set
 */
gboolean
aff_rex_set_tags (AffRex             *self,
                  const char *const  *tags,
                  GError            **error)
{
  JsonObject *details;
  JsonArray *words;
  guint i, j;

  g_return_val_if_fail (AFF_IS_REX (self), FALSE);
  g_return_val_if_fail (tags != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;
  for (i = 0; tags[i] != NULL; i++)
    {
      if (!check_text (self, tags[i], _("a tag"), error))
        return FALSE;
      for (j = 0; j < i; j++)
        if (strcmp (tags[i], tags[j]) == 0)
          {
            g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE, _("REX of affair “%s”: the tag “%s” is given twice"),
                         self->affair_id, tags[i]);
            return FALSE;
          }
    }
  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **) tags);
  details = json_object_new ();
  words = json_array_new ();
  for (i = 0; tags[i] != NULL; i++)
    json_array_add_string_element (words, tags[i]);
  json_object_set_array_member (details, "tags", words);
  _aff_track_record (&self->track, "rex-tags-set", details);
  return TRUE;
}

/**
 * aff_rex_get_tags:
 * @self: a REX
 *
 * Gets the tags.
 *
 * Returns: (transfer none) (array zero-terminated=1): the tags
 */
const char *const *
aff_rex_get_tags (AffRex *self)
{
  g_return_val_if_fail (AFF_IS_REX (self), NULL);
  return (const char *const *) self->tags;
}

/**
 * aff_rex_validate:
 * @self: a REX not yet validated
 * @date: the day it is validated, no earlier than it was drawn up
 * @error: return location for a #GError
 *
 * Validates the REX: from then on it is frozen. It must bring out at least
 * one lesson (a good practice, a difficulty or an improvement). Journaled.
 *
 * Returns: %TRUE if validated; %FALSE with %AFF_ERROR_INVALID_VALUE (no
 *   lesson, the day) or %AFF_ERROR_INVALID_TRANSITION (already validated)
 *   set
 */
gboolean
aff_rex_validate (AffRex       *self,
                  const GDate  *date,
                  GError      **error)
{
  g_autofree char *iso = NULL;

  g_return_val_if_fail (AFF_IS_REX (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;
  if (self->practices->len == 0 && self->difficulties->len == 0 && self->improvements->len == 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("REX of affair “%s”: no good practice, difficulty or improvement to validate"), self->affair_id);
      return FALSE;
    }
  if (g_date_compare (date, &self->date) < 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("REX of affair “%s”: validated before it was drawn up"), self->affair_id);
      return FALSE;
    }
  self->validated = *date;
  iso = aff_date_to_iso (date);
  record_text (self, "rex-validated", "date", iso);
  return TRUE;
}

/**
 * aff_rex_is_validated:
 * @self: a REX
 *
 * Tells whether the REX is validated, and so frozen.
 *
 * Returns: %TRUE if validated
 */
gboolean
aff_rex_is_validated (AffRex *self)
{
  g_return_val_if_fail (AFF_IS_REX (self), FALSE);
  return g_date_valid (&self->validated);
}

static const char *const status_words[][4] = {
  { "proposée", "acceptée", "réalisée", "rejetée" },
  { "proposed", "accepted", "done", "rejected" },
};

static void
strings_list (AffDoc    *doc,
              GPtrArray *strings,
              guint      lang,
              const char *none)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  guint i;

  for (i = 0; i < strings->len; i++)
    if (g_ptr_array_index (strings, i) != NULL)
      g_ptr_array_add (items, g_ptr_array_index (strings, i));
  if (items->len == 0)
    _aff_doc_paragraph (doc, none);
  _aff_doc_list (doc, items);
}

static void
money_row (AffDoc         *doc,
           const char     *label,
           const AffMoney *money,
           const char     *locale)
{
  g_autofree char *text = money != NULL ? aff_money_format (money, locale) : g_strdup ("—");

  _aff_doc_figure_row (doc, label, text);
}

static void
date_row (AffDoc      *doc,
          guint        lang,
          const char  *label,
          const GDate *date)
{
  g_autofree char *text = g_date_valid (date) ? _aff_doc_format_date (lang, date) : g_strdup ("—");

  _aff_doc_figure_row (doc, label, text);
}

/**
 * aff_rex_render:
 * @self: a REX
 * @format: Markdown or HTML
 *
 * Writes the REX, in the language of the affair's policy: its state, the
 * objectives against the actuals, what happened, the actions taken, the
 * good practices, the difficulties and their solutions, the improvements
 * proposed and the tags.
 *
 * Returns: (transfer full): the document
 */
char *
aff_rex_render (AffRex            *self,
                AffDocumentFormat  format)
{
  guint lang, i;
  const char *locale;
  g_autofree char *title = NULL, *drawn = NULL, *state = NULL;
  const char *columns[] = { NULL, NULL, NULL };
  const gboolean numeric[] = { FALSE, TRUE };
  AffDoc doc;

  g_return_val_if_fail (AFF_IS_REX (self), NULL);

  lang = self->lang;
  locale = lang == LANG_EN ? "en" : "fr";
  title = g_strdup_printf (L ("Retour d'expérience de l'affaire %s", "Lessons learned from affair %s"), self->affair_id);
  _aff_doc_begin (&doc, format, locale, title);
  _aff_doc_heading (&doc, 1, title);
  drawn = _aff_doc_format_date (lang, &self->date);
  if (g_date_valid (&self->validated))
    {
      g_autofree char *on = _aff_doc_format_date (lang, &self->validated);

      state = g_strdup_printf (L ("Établi le %s, validé le %s.", "Drawn up on %s, validated on %s."), drawn, on);
    }
  else
    state = g_strdup_printf (L ("Établi le %s, non validé.", "Drawn up on %s, not validated."), drawn);
  _aff_doc_paragraph (&doc, state);

  _aff_doc_heading (&doc, 2, L ("Objectifs et réalisé", "Objectives and actuals"));
  columns[0] = L ("Élément", "Item");
  columns[1] = L ("Valeur", "Value");
  _aff_doc_table_begin (&doc, columns, numeric);
  money_row (&doc, L ("Montant du contrat", "Contract amount"), self->contract_amount, locale);
  money_row (&doc, L ("Chiffre d'affaires à terminaison, avenants compris", "Revenue at completion, amendments included"),
             self->revenue_at_completion, locale);
  money_row (&doc, L ("Marge de l'offre", "Margin of the offer"), self->offer_margin, locale);
  money_row (&doc, L ("Marge finale", "Final margin"), self->final_margin, locale);
  date_row (&doc, lang, L ("Fin prévue (référence)", "Planned finish (baseline)"), &self->planned_finish);
  date_row (&doc, lang, L ("Fin réelle", "Actual finish"), &self->actual_finish);
  _aff_doc_table_end (&doc);

  _aff_doc_heading (&doc, 2, L ("Ce qui s'est passé", "What happened"));
  strings_list (&doc, self->history, lang, L ("Rien à signaler.", "Nothing to report."));
  _aff_doc_heading (&doc, 2, L ("Actions menées", "Actions taken"));
  strings_list (&doc, self->actions_taken, lang, L ("Aucune.", "None."));
  _aff_doc_heading (&doc, 2, L ("Bonnes pratiques", "Good practices"));
  strings_list (&doc, self->practices, lang, L ("Aucune.", "None."));
  _aff_doc_heading (&doc, 2, L ("Difficultés et solutions", "Difficulties and solutions"));
  {
    g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

    for (i = 0; i < self->difficulties->len; i++)
      g_ptr_array_add (lines, g_strdup_printf (L ("%s — solution : %s", "%s — solution: %s"),
                                               (char *) g_ptr_array_index (self->difficulties, i),
                                               (char *) g_ptr_array_index (self->solutions, i)));
    strings_list (&doc, lines, lang, L ("Aucune.", "None."));
  }
  _aff_doc_heading (&doc, 2, L ("Améliorations proposées", "Improvements proposed"));
  {
    g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

    for (i = 0; i < self->improvements->len; i++)
      {
        const AffImprovement *improvement = g_ptr_array_index (self->improvements, i);

        g_ptr_array_add (lines, g_strdup_printf (L ("%s (%s, %s) — pourquoi : %s ; bénéfice attendu : %s",
                                                    "%s (%s, %s) — why: %s; expected benefit: %s"),
                                                 improvement->title, improvement->owner,
                                                 status_words[lang == LANG_EN][improvement->status],
                                                 improvement->justification, improvement->benefit));
      }
    strings_list (&doc, lines, lang, L ("Aucune.", "None."));
  }
  if (self->tags[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", self->tags);
      g_autofree char *line = g_strdup_printf (L ("Mots-clés : %s", "Tags: %s"), joined);

      _aff_doc_paragraph (&doc, line);
    }
  return _aff_doc_finish (&doc);
}

/* The document ------------------------------------------------------------ */

static void
add_strings (JsonBuilder *builder,
             const char  *member,
             GPtrArray   *strings)
{
  guint i;

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (i = 0; i < strings->len; i++)
    if (g_ptr_array_index (strings, i) != NULL)
      json_builder_add_string_value (builder, g_ptr_array_index (strings, i));
  json_builder_end_array (builder);
}

void
_aff_rex_to_json (AffRex      *self,
                  JsonBuilder *builder)
{
  guint i;

  json_builder_begin_object (builder);
  aff_json_add_date (builder, "date", &self->date);
  aff_json_add_money (builder, "contract_amount", self->contract_amount);
  aff_json_add_money (builder, "revenue_at_completion", self->revenue_at_completion);
  aff_json_add_money (builder, "offer_margin", self->offer_margin);
  aff_json_add_money (builder, "final_margin", self->final_margin);
  aff_json_add_date (builder, "planned_finish", &self->planned_finish);
  aff_json_add_date (builder, "actual_finish", &self->actual_finish);
  add_strings (builder, "history", self->history);
  add_strings (builder, "actions_taken", self->actions_taken);
  add_strings (builder, "good_practices", self->practices);
  json_builder_set_member_name (builder, "difficulties");
  json_builder_begin_array (builder);
  for (i = 0; i < self->difficulties->len; i++)
    {
      json_builder_begin_object (builder);
      aff_json_add_string (builder, "difficulty", g_ptr_array_index (self->difficulties, i));
      aff_json_add_string (builder, "solution", g_ptr_array_index (self->solutions, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "improvements");
  json_builder_begin_array (builder);
  for (i = 0; i < self->improvements->len; i++)
    {
      const AffImprovement *improvement = g_ptr_array_index (self->improvements, i);

      json_builder_begin_object (builder);
      aff_json_add_string (builder, "title", improvement->title);
      aff_json_add_string (builder, "justification", improvement->justification);
      aff_json_add_string (builder, "benefit", improvement->benefit);
      aff_json_add_string (builder, "owner", improvement->owner);
      aff_json_add_enum (builder, "status", AFF_TYPE_IMPROVEMENT_STATUS, improvement->status);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  aff_json_add_strv (builder, "tags", (const char *const *) self->tags);
  aff_json_add_date (builder, "validated", &self->validated);
  json_builder_end_object (builder);
}

/* A list of non-empty sentences at @member. */
static gboolean
read_strings (AffJsonReader  *reader,
              JsonObject     *object,
              const char     *member,
              GPtrArray      *out,
              GError        **error)
{
  g_auto(GStrv) strings = NULL;
  guint i;

  if (!aff_json_get_strv (reader, object, member, &strings, error))
    return FALSE;
  for (i = 0; strings != NULL && strings[i] != NULL; i++)
    {
      if (*strings[i] == '\0')
        return aff_json_reader_fail_at (reader, member, error, _("expected sentences, not an empty one"));
      g_ptr_array_add (out, g_strdup (strings[i]));
    }
  return TRUE;
}

static gboolean
read_difficulty (AffJsonReader *reader,
                 JsonNode      *element,
                 guint          index,
                 gpointer       data,
                 GError       **error)
{
  static const char *const members[] = { "difficulty", "solution", NULL };
  AffRex *self = data;
  g_autofree char *difficulty = NULL, *solution = NULL;
  JsonObject *object;

  if (!(object = aff_json_expect_object (reader, element, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "difficulty", TRUE, &difficulty, error) ||
      !aff_json_get_string (reader, object, "solution", TRUE, &solution, error))
    return FALSE;
  if (*difficulty == '\0' || *solution == '\0')
    return aff_json_reader_fail (reader, error, _("expected a difficulty and its solution"));
  g_ptr_array_add (self->difficulties, g_steal_pointer (&difficulty));
  g_ptr_array_add (self->solutions, g_steal_pointer (&solution));
  return TRUE;
}

static gboolean
read_improvement (AffJsonReader *reader,
                  JsonNode      *element,
                  guint          index,
                  gpointer       data,
                  GError       **error)
{
  static const char *const members[] = { "title", "justification", "benefit", "owner", "status", NULL };
  AffRex *self = data;
  AffImprovement *improvement = g_new0 (AffImprovement, 1);
  JsonObject *object;
  int status = 0;

  g_ptr_array_add (self->improvements, improvement);
  if (!(object = aff_json_expect_object (reader, element, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "title", TRUE, &improvement->title, error) ||
      !aff_json_get_string (reader, object, "justification", TRUE, &improvement->justification, error) ||
      !aff_json_get_string (reader, object, "benefit", TRUE, &improvement->benefit, error) ||
      !aff_json_get_string (reader, object, "owner", TRUE, &improvement->owner, error) ||
      !aff_json_get_enum (reader, object, "status", TRUE, AFF_TYPE_IMPROVEMENT_STATUS, &status, error))
    return FALSE;
  if (*improvement->title == '\0' || *improvement->justification == '\0' || *improvement->benefit == '\0' ||
      *improvement->owner == '\0')
    return aff_json_reader_fail (reader, error, _("expected an improvement with its justification, benefit and "
                                                  "owner"));
  improvement->status = status;
  improvement->affair_id = g_strdup (self->affair_id);
  return TRUE;
}

AffRex *
_aff_rex_from_json (AffJsonReader *reader,
                    JsonNode      *node,
                    const char    *affair_id,
                    const char    *currency,
                    GError       **error)
{
  static const char *const members[] = { "date", "contract_amount", "revenue_at_completion", "offer_margin",
                                         "final_margin", "planned_finish", "actual_finish", "history",
                                         "actions_taken", "good_practices", "difficulties", "improvements", "tags",
                                         "validated", NULL };
  g_autoptr(AffRex) self = g_object_new (AFF_TYPE_REX, NULL);
  g_auto(GStrv) tags = NULL;
  AffMoney **figures[] = { &self->contract_amount, &self->revenue_at_completion, &self->offer_margin,
                           &self->final_margin };
  const char *names[] = { "contract_amount", "revenue_at_completion", "offer_margin", "final_margin" };
  JsonObject *object;
  guint i;

  self->affair_id = g_strdup (affair_id);
  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_date (reader, object, "date", TRUE, &self->date, error))
    return NULL;
  for (i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      if (!aff_json_get_money (reader, object, names[i], TRUE, figures[i], error))
        return NULL;
      if (strcmp (aff_money_get_currency (*figures[i]), currency) != 0)
        return aff_json_reader_fail_at (reader, names[i], error, _("expected an amount in %s"), currency), NULL;
    }
  if (!aff_json_get_date (reader, object, "planned_finish", FALSE, &self->planned_finish, error) ||
      !aff_json_get_date (reader, object, "actual_finish", FALSE, &self->actual_finish, error) ||
      !read_strings (reader, object, "history", self->history, error) ||
      !read_strings (reader, object, "actions_taken", self->actions_taken, error) ||
      !read_strings (reader, object, "good_practices", self->practices, error) ||
      !aff_json_read_array (reader, object, "difficulties", read_difficulty, self, error) ||
      !aff_json_read_array (reader, object, "improvements", read_improvement, self, error) ||
      !aff_json_get_strv (reader, object, "tags", &tags, error) ||
      !aff_json_get_date (reader, object, "validated", FALSE, &self->validated, error))
    return NULL;
  if (tags != NULL)
    {
      g_strfreev (self->tags);
      self->tags = g_steal_pointer (&tags);
    }
  if (g_date_valid (&self->validated) && g_date_compare (&self->validated, &self->date) < 0)
    return aff_json_reader_fail_at (reader, "validated", error, _("expected a day no earlier than “date”")), NULL;
  return g_steal_pointer (&self);
}
