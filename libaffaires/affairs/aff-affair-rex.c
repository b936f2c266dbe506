/* aff-affair-rex.c: drawing up the REX of an affair from its history
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The REX reads the whole affair (offer figures, plan, ledger, dossier,
 * client), so it is drawn up by the affair, above the REX module.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-enum-types.h"
#include "aff-language-private.h"
#include "aff-doc-private.h"
#include "aff-affair-private.h"
#include "aff-finance-private.h"
#include "aff-dossier-private.h"
#include "aff-rex-private.h"
#include "aff-hazard.h"
#include "aff-client.h"
#include "aff-interaction.h"
#include "aff-closeout.h"
#include "aff-drift.h"

static const char *const cause_words[][5] = {
  { "interne", "client", "sous-traitant", "météo", "fournisseur" },
  { "internal", "client", "subcontractor", "weather", "supplier" },
};

static void
add (GPtrArray *strings,
     char      *text)
{
  g_ptr_array_add (strings, text);
}

/* The plan: its latest baseline's finish, the actual one, and each task
 * finished later than planned. */
static void
plan_history (AffRex    *rex,
              AffPlan   *plan,
              guint      lang)
{
  g_auto(GStrv) baselines = aff_plan_list_baselines (plan);
  const char *baseline = baselines[0] != NULL ? baselines[g_strv_length (baselines) - 1] : NULL;
  GListModel *tasks = G_LIST_MODEL (plan);
  guint i, n = g_list_model_get_n_items (tasks);
  gboolean all_finished = n > 0;

  for (i = 0; i < n; i++)
    {
      g_autoptr(AffTask) task = g_list_model_get_item (tasks, i);
      const GDate *actual = aff_task_get_actual_finish (task);
      GDate start, finish;

      if (baseline != NULL && aff_plan_get_baseline_dates (plan, baseline, aff_task_get_id (task), &start, &finish) &&
          (!g_date_valid (&rex->planned_finish) || g_date_compare (&finish, &rex->planned_finish) > 0))
        rex->planned_finish = finish;
      if (actual == NULL || !g_date_valid (actual))
        all_finished = FALSE;
      else if (!g_date_valid (&rex->actual_finish) || g_date_compare (actual, &rex->actual_finish) > 0)
        rex->actual_finish = *actual;
    }
  if (!all_finished)
    {
      const GDate *finish = aff_plan_get_finish (plan);

      g_date_clear (&rex->actual_finish, 1);
      if (finish != NULL)
        rex->actual_finish = *finish;
    }
  if (baseline != NULL && _aff_plan_ensure_scheduled (plan))
    {
      g_autoptr(GPtrArray) slips = aff_plan_compare_to_baseline (plan, baseline, NULL);

      for (i = 0; slips != NULL && i < slips->len; i++)
        {
          const AffSlip *slip = g_ptr_array_index (slips, i);
          g_autofree char *was = NULL, *is = NULL;

          if (aff_slip_get_finish_slip (slip) <= 0)
            continue;
          was = _aff_doc_format_date (lang, aff_slip_get_baseline_finish (slip));
          is = _aff_doc_format_date (lang, aff_slip_get_finish (slip));
          add (rex->history, g_strdup_printf (L ("La tâche %s finit le %s au lieu du %s (+%d jours ouvrés)",
                                                 "Task %s finishes on %s instead of %s (+%d working days)"),
                                              aff_slip_get_task_id (slip), is, was, aff_slip_get_finish_slip (slip)));
        }
    }
}

/**
 * aff_affair_create_rex:
 * @self: an affair
 * @date: the day the REX is drawn up, usually that of the close-out
 * @error: return location for a #GError
 *
 * Draws up the affair's REX ([class@Aff.Rex]), filled in from its history
 * as it stands on @date:
 *
 * - the contract amount, the revenue at completion with the amendments
 *   accepted by then, the offer's margin and the final margin (revenue at
 *   completion less the actual cost, as the close-out fixes it);
 * - the finish of the plan's latest baseline and the actual one (the last
 *   actual finish of the tasks, or the plan's as last scheduled while a
 *   task is unfinished);
 * - what happened: each task finishing later than in its baseline, each hazard
 *   with its cause, each drift of @date with its corrective action, each
 *   incident of the dossier dated by @date, and each satisfaction survey of
 *   the client since the signature;
 * - the actions taken: the decisions of the dossier and the corrective
 *   actions, by day.
 *
 * An affair has one REX. Journaled.
 *
 * Returns: (transfer none): the REX, or %NULL with
 *   %AFF_ERROR_INVALID_TRANSITION (the affair has one), %AFF_ERROR_CLOSED
 *   or the error of a figure set
 */
AffRex *
aff_affair_create_rex (AffAffair    *self,
                       const GDate  *date,
                       GError      **error)
{
  g_autoptr(AffAffairStatus) status = NULL;
  g_autoptr(GPtrArray) drifts = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(AffRex) rex = NULL;
  g_autofree char *iso = NULL;
  AffPlan *plan = aff_affair_get_plan (self);
  AffDossier *dossier = aff_affair_get_dossier (self);
  AffClient *client = _aff_affair_get_client (self);
  GListModel *hazards, *incidents;
  JsonObject *details;
  guint lang, i, n;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (aff_affair_get_rex (self) != NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION, _("Affair “%s” has a REX already"),
                   aff_affair_get_id (self));
      return NULL;
    }
  if (aff_affair_is_closed (self))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_CLOSED, _("Affair “%s” is closed: it can no longer change"),
                   aff_affair_get_id (self));
      return NULL;
    }
  if ((status = aff_affair_compute_status (self, date, error)) == NULL ||
      (drifts = aff_affair_list_drifts (self, date, error)) == NULL)
    return NULL;
  lang = _aff_affair_language (self);
  rex = _aff_rex_new (aff_affair_get_id (self), date);
  rex->contract_amount = aff_money_copy (aff_affair_get_contract_amount (self));
  rex->revenue_at_completion = aff_money_copy (aff_affair_status_get_revenue_at_completion (status));
  rex->offer_margin = aff_money_copy (aff_affair_status_get_offer_margin (status));
  if ((rex->final_margin = aff_money_subtract (aff_affair_status_get_revenue_at_completion (status),
                                               aff_affair_status_get_ac (status), error)) == NULL)
    return NULL;
  plan_history (rex, plan, lang);

  hazards = aff_plan_get_hazards (plan);
  n = g_list_model_get_n_items (hazards);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffHazard) hazard = g_list_model_get_item (hazards, i);
      g_autofree char *day = _aff_doc_format_date (lang, aff_hazard_get_date (hazard));

      add (rex->history, g_strdup_printf (L ("Aléa %s du %s (cause : %s) : %s, %u jours ouvrés de retard",
                                             "Hazard %s of %s (cause: %s): %s, %u working days of delay"),
                                          aff_hazard_get_id (hazard), day,
                                          cause_words[lang == LANG_EN][MIN (aff_hazard_get_cause (hazard), 4u)],
                                          aff_hazard_get_description (hazard) != NULL
                                          ? aff_hazard_get_description (hazard) : "",
                                          aff_hazard_get_delay_days (hazard)));
    }
  for (i = 0; i < drifts->len; i++)
    {
      const AffDrift *drift = g_ptr_array_index (drifts, i);
      const AffCorrectiveAction *action = aff_drift_get_corrective_action (drift);

      add (rex->history, action != NULL
                         ? g_strdup_printf (L ("Dérive : %s ; action corrective : %s (%s)",
                                               "Drift: %s; corrective action: %s (%s)"),
                                            aff_drift_get_message (drift), aff_corrective_action_get_action (action),
                                            aff_corrective_action_get_owner (action))
                         : g_strdup_printf (L ("Dérive sans action corrective : %s", "Drift without corrective action: %s"),
                                            aff_drift_get_message (drift)));
    }
  incidents = aff_dossier_get_incidents (dossier);
  n = g_list_model_get_n_items (incidents);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffIncident) incident = g_list_model_get_item (incidents, i);
      g_autofree char *day = NULL;

      if (g_date_compare (aff_incident_get_date (incident), date) > 0)
        continue;
      day = _aff_doc_format_date (lang, aff_incident_get_date (incident));
      add (rex->history, aff_incident_get_remedy (incident) != NULL
                         ? g_strdup_printf (L ("Incident %s du %s : %s ; remède : %s", "Incident %s of %s: %s; remedy: %s"),
                                            aff_incident_get_id (incident), day,
                                            aff_incident_get_description (incident),
                                            aff_incident_get_remedy (incident))
                         : g_strdup_printf (L ("Incident %s du %s : %s ; non clos", "Incident %s of %s: %s; not closed"),
                                            aff_incident_get_id (incident), day,
                                            aff_incident_get_description (incident)));
    }
  if (client != NULL)
    {
      GListModel *interactions = aff_client_get_interactions (client);

      n = g_list_model_get_n_items (interactions);
      for (i = 0; i < n; i++)
        {
          g_autoptr(AffInteraction) interaction = g_list_model_get_item (interactions, i);
          const GDate *day = aff_interaction_get_date (interaction);
          g_autofree char *text = NULL;

          if (aff_interaction_get_kind (interaction) != AFF_INTERACTION_KIND_SURVEY ||
              g_date_compare (day, aff_affair_get_signed_date (self)) < 0 || g_date_compare (day, date) > 0)
            continue;
          text = _aff_doc_format_date (lang, day);
          add (rex->history, g_strdup_printf (L ("Satisfaction du client au %s : %d sur 10",
                                                 "Client satisfaction on %s: %d out of 10"),
                                              text, aff_interaction_get_satisfaction (interaction)));
        }
    }

  decisions = aff_dossier_list_decisions (dossier, NULL, date);
  for (i = 0; i < decisions->len; i++)
    {
      AffDecision *decision = g_ptr_array_index (decisions, i);
      g_autofree char *day = _aff_doc_format_date (lang, aff_decision_get_date (decision));

      add (rex->actions_taken, g_strdup_printf (L ("Décision %s du %s (%s) : %s", "Decision %s of %s (%s): %s"),
                                                aff_decision_get_id (decision), day,
                                                aff_decision_get_decided_by (decision),
                                                aff_decision_get_statement (decision)));
    }
  actions = aff_affair_list_corrective_actions (self);
  for (i = 0; i < actions->len; i++)
    {
      const AffCorrectiveAction *action = g_ptr_array_index (actions, i);
      g_autofree char *day = NULL;

      if (g_date_compare (aff_corrective_action_get_date (action), date) > 0)
        continue;
      day = _aff_doc_format_date (lang, aff_corrective_action_get_date (action));
      add (rex->actions_taken, g_strdup_printf (L ("Action corrective du %s (%s) : %s", "Corrective action of %s (%s): %s"),
                                                day, aff_corrective_action_get_owner (action),
                                                aff_corrective_action_get_action (action)));
    }
  _aff_affair_set_rex (self, rex);
  details = json_object_new ();
  iso = aff_date_to_iso (date);
  json_object_set_string_member (details, "date", iso);
  _aff_finance_record (_aff_affair_get_finance (self), "rex-created", details);
  return rex;
}
