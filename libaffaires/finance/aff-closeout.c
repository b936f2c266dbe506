/* aff-closeout.c: the close-out of an affair
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-language-private.h"
#include "aff-money-private.h"
#include "aff-policy.h"
#include "aff-affair-status.h"
#include "aff-billing.h"
#include "aff-closeout.h"
#include "aff-drift.h"
#include "aff-dossier.h"
#include "aff-affair-private.h"
#include "aff-finance-private.h"
#include "aff-dossier-private.h"

/**
 * aff_affair_list_close_blockers:
 * @self: an affair
 * @date: the day of the close-out
 * @error: return location for a #GError
 *
 * Lists what keeps the affair from being closed on @date, one sentence each
 * in the policy's language, in this order: each task of the plan without an
 * actual finish on or before @date; the acceptance of the work, when not
 * recorded by then; each invoice due on @date other than the release of the
 * retention, which comes a year after the acceptance
 * ([method@Aff.Affair.list_billing_due]); the commitments still open on
 * @date; each drift of @date without a corrective action
 * ([method@Aff.Affair.list_drifts]); each action of the dossier still open
 * on @date ([method@Aff.Dossier.list_open_actions]); the REX, when not
 * validated ([method@Aff.Affair.create_rex]).
 *
 * Returns: (transfer full): the blocking items, empty when the affair can
 *   be closed; %NULL with %AFF_ERROR_OVERFLOW set
 */
GStrv
aff_affair_list_close_blockers (AffAffair    *self,
                                const GDate  *date,
                                GError      **error)
{
  g_autoptr(GPtrArray) blockers = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) drifts = NULL;
  g_autoptr(AffMoney) open = NULL;
  GListModel *tasks;
  GDate accepted;
  guint lang, i, n;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  lang = _aff_affair_language (self);
  blockers = g_ptr_array_new_with_free_func (g_free);
  tasks = G_LIST_MODEL (aff_affair_get_plan (self));
  n = g_list_model_get_n_items (tasks);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffTask) task = g_list_model_get_item (tasks, i);
      const GDate *finish = aff_task_get_actual_finish (task);

      if (finish == NULL || !g_date_valid (finish) || g_date_compare (finish, date) > 0)
        g_ptr_array_add (blockers, g_strdup_printf (L ("La tâche %s n'est pas terminée",
                                                           "Task %s is not finished"),
                                                        aff_task_get_id (task)));
    }
  g_date_clear (&accepted, 1);
  if (!aff_affair_get_acceptance (self, &accepted, NULL) || g_date_compare (&accepted, date) > 0)
    g_ptr_array_add (blockers, g_strdup (L ("Les travaux ne sont pas réceptionnés", "The work is not accepted")));
  if ((due = aff_affair_list_billing_due (self, date, error)) == NULL)
    return NULL;
  for (i = 0; i < due->len; i++)
    {
      const AffBillingItem *item = g_ptr_array_index (due, i);
      g_autofree char *amount = NULL;

      if (aff_billing_item_get_kind (item) == AFF_BILLING_KIND_RETENTION_RELEASE)
        continue;
      amount = _aff_money_format_in (lang, aff_billing_item_get_excluding_vat (item));
      g_ptr_array_add (blockers, g_strdup_printf (L ("Facture à émettre : %s (%s hors taxes)",
                                                         "Invoice to send: %s (%s excluding VAT)"),
                                                      aff_billing_item_get_milestone_id (item), amount));
    }
  if ((open = aff_ledger_get_open_commitments (aff_affair_get_ledger (self), date, error)) == NULL)
    return NULL;
  if (!aff_money_is_zero (open))
    {
      g_autofree char *amount = _aff_money_format_in (lang, open);

      g_ptr_array_add (blockers, g_strdup_printf (L ("Engagements non soldés : %s",
                                                         "Commitments still open: %s"), amount));
    }
  if ((drifts = aff_affair_list_drifts (self, date, error)) == NULL)
    return NULL;
  for (i = 0; i < drifts->len; i++)
    {
      const AffDrift *drift = g_ptr_array_index (drifts, i);

      if (aff_drift_get_corrective_action (drift) == NULL)
        g_ptr_array_add (blockers, g_strdup_printf (L ("Dérive sans action corrective : %s",
                                                           "Drift without a corrective action: %s"),
                                                        aff_drift_get_message (drift)));
    }
  {
    g_autoptr(GPtrArray) actions = aff_dossier_list_open_actions (aff_affair_get_dossier (self), date);

    for (i = 0; i < actions->len; i++)
      g_ptr_array_add (blockers, g_strdup_printf (L ("Action ouverte : %s (%s)", "Open action: %s (%s)"),
                                                  aff_action_get_id (g_ptr_array_index (actions, i)),
                                                  aff_action_get_title (g_ptr_array_index (actions, i))));
  }
  if (aff_affair_get_rex (self) == NULL || !aff_rex_is_validated (aff_affair_get_rex (self)))
    g_ptr_array_add (blockers, g_strdup (L ("Le retour d'expérience n'est pas validé", "The REX is not validated")));
  g_ptr_array_add (blockers, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&blockers), FALSE);
}

/**
 * aff_affair_close:
 * @self: an affair
 * @date: the day of the close-out
 * @error: return location for a #GError
 *
 * Runs the close-out procedure: when nothing blocks it
 * ([method@Aff.Affair.list_close_blockers]), the affair is closed on @date
 * and its final margin fixed: the revenue at completion less the actual
 * cost, both on @date, every cost being in and the contingency no longer
 * needed. From then on its ledger, progress, remaining-to-do, amendments,
 * billing schedule, acceptance, corrective actions and invoices refuse
 * changes with %AFF_ERROR_CLOSED, but for the release of the retention and
 * the client's payments, which come after. Its plan is frozen too: the
 * methods that change it fail with %AFF_ERROR_CLOSED, and its setters and
 * its tasks' are programming errors. Journaled.
 *
 * Returns: %TRUE if closed; %FALSE with %AFF_ERROR_CLOSE_BLOCKED (the
 *   message lists every blocking item), %AFF_ERROR_CLOSED (already closed)
 *   or %AFF_ERROR_OVERFLOW set
 */
gboolean
aff_affair_close (AffAffair    *self,
                  const GDate  *date,
                  GError      **error)
{
  AffFinance *finance;
  g_auto(GStrv) blockers = NULL;
  g_autoptr(AffAffairStatus) status = NULL;
  g_autoptr(AffMoney) margin = NULL;
  g_autofree char *iso = NULL, *margin_text = NULL, *seal = NULL;
  AffMoney **final_margin;
  GDate *closed;
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  finance = _aff_affair_get_finance (self);
  if (!_aff_finance_check_open (finance, aff_affair_get_id (self), error) ||
      (blockers = aff_affair_list_close_blockers (self, date, error)) == NULL)
    return FALSE;
  if (blockers[0] != NULL)
    {
      g_autofree char *list = g_strjoinv ("; ", blockers);

      g_set_error (error, AFF_ERROR, AFF_ERROR_CLOSE_BLOCKED, _("Affair “%s” cannot be closed: %s"),
                   aff_affair_get_id (self), list);
      return FALSE;
    }
  if ((status = aff_affair_compute_status (self, date, error)) == NULL ||
      (margin = aff_money_subtract (aff_affair_status_get_revenue_at_completion (status),
                                    aff_affair_status_get_ac (status), error)) == NULL)
    return FALSE;
  closed = _aff_finance_get_closed (finance, &final_margin);
  *closed = *date;
  *final_margin = aff_money_copy (margin);
  _aff_ledger_close (aff_affair_get_ledger (self));
  _aff_plan_close (aff_affair_get_plan (self));
  _aff_dossier_close (aff_affair_get_dossier (self));

  details = json_object_new ();
  iso = aff_date_to_iso (date);
  margin_text = aff_money_to_string (margin);
  json_object_set_string_member (details, "date", iso);
  json_object_set_string_member (details, "final_margin", margin_text);
  /* What was closed, so that a hand edit of the document shows on load. */
  seal = _aff_affair_seal (self);
  if (seal != NULL)
    json_object_set_string_member (details, "seal", seal);
  _aff_finance_record (finance, "affair-closed", details);
  return TRUE;
}

/**
 * aff_affair_is_closed:
 * @self: an affair
 *
 * Tells whether the affair went through its close-out.
 *
 * Returns: %TRUE if closed
 */
gboolean
aff_affair_is_closed (AffAffair *self)
{
  AffMoney **margin;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), FALSE);
  return g_date_valid (_aff_finance_get_closed (_aff_affair_get_finance (self), &margin));
}

/**
 * aff_affair_get_closed_date:
 * @self: an affair
 * @date: (out caller-allocates) (optional): where to store the date
 *
 * Gets the day the affair was closed.
 *
 * Returns: %TRUE if closed
 */
gboolean
aff_affair_get_closed_date (AffAffair *self,
                            GDate     *date)
{
  AffMoney **margin;
  GDate *closed;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), FALSE);

  closed = _aff_finance_get_closed (_aff_affair_get_finance (self), &margin);
  if (!g_date_valid (closed))
    return FALSE;
  if (date != NULL)
    *date = *closed;
  return TRUE;
}

/**
 * aff_affair_get_final_margin:
 * @self: an affair
 *
 * Gets the margin fixed at the close-out.
 *
 * Returns: (transfer none) (nullable): the final margin, or %NULL while the
 *   affair is open
 */
const AffMoney *
aff_affair_get_final_margin (AffAffair *self)
{
  AffMoney **margin;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);
  _aff_finance_get_closed (_aff_affair_get_finance (self), &margin);
  return *margin;
}
