/* aff-portfolio-report.c: the report of all the affairs for the management
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-language-private.h"
#include "aff-doc-private.h"
#include "aff-affair-private.h"
#include "aff-finance-private.h"
#include "aff-dossier-private.h"
#include "aff-portfolio.h"
#include "aff-dashboard.h"

/* What needs the management's attention in one affair at @end: its
 * dashboard alerts, then what its dossier lacks, its overdue actions and
 * its open incidents. */
static gboolean
affair_alerts (AffAffair    *affair,
               const GDate  *end,
               guint         lang,
               GPtrArray    *lines,
               GError      **error)
{
  AffDossier *dossier = aff_affair_get_dossier (affair);
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  const char *id = aff_affair_get_id (affair);
  guint i;

  if ((gaps = aff_dossier_check (dossier, end, error)) == NULL)
    return FALSE;
  for (i = 0; i < gaps->len; i++)
    g_ptr_array_add (lines, g_strdup_printf (L ("%s : %s", "%s: %s"), id,
                                             aff_dossier_gap_get_message (g_ptr_array_index (gaps, i))));
  actions = aff_dossier_list_open_actions (dossier, end);
  for (i = 0; i < actions->len; i++)
    {
      AffAction *action = g_ptr_array_index (actions, i);
      g_autofree char *due = NULL;

      if (!aff_action_is_overdue_on (action, end))
        continue;
      due = _aff_doc_format_date (lang, aff_action_get_due (action));
      g_ptr_array_add (lines, g_strdup_printf (L ("%s : action %s en retard (%s, pour le %s)",
                                                  "%s: action %s overdue (%s, due %s)"),
                                               id, aff_action_get_id (action), aff_action_get_title (action), due));
    }
  incidents = aff_dossier_list_open_incidents (dossier, end);
  for (i = 0; i < incidents->len; i++)
    {
      AffIncident *incident = g_ptr_array_index (incidents, i);

      g_ptr_array_add (lines, g_strdup_printf (L ("%s : incident %s en cours (%s)", "%s: incident %s open (%s)"), id,
                                               aff_incident_get_id (incident), aff_incident_get_description (incident)));
    }
  return TRUE;
}

/**
 * aff_portfolio_render_report:
 * @self: a portfolio
 * @period_start: the first day of the period
 * @period_end: the last day of the period, no earlier than @period_start
 * @format: Markdown or HTML
 * @error: return location for a #GError
 *
 * Writes the report of all the affairs for the management, in the
 * policy's language: the alerts first, affair by affair in the portfolio's
 * order (the dashboard's alerts on @period_end, then what each dossier
 * lacks, [method@Aff.Dossier.check], its overdue actions and its open
 * incidents), then the dashboard's tables on @period_end (affairs, clients,
 * activities and forecast, see [method@Aff.Portfolio.compute_dashboard]),
 * then the decisions of the period of each affair.
 *
 * Returns: (transfer full): the document, or %NULL with
 *   %AFF_ERROR_INVALID_VALUE (the period), or the error of the dashboard or
 *   of a dossier's check set
 */
char *
aff_portfolio_render_report (AffPortfolio       *self,
                             const GDate        *period_start,
                             const GDate        *period_end,
                             AffDocumentFormat   format,
                             GError            **error)
{
  g_autoptr(AffDashboard) dashboard = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *from = NULL, *to = NULL, *title = NULL;
  GListModel *affairs;
  AffDoc doc;
  guint lang, i, j, n;

  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (period_start != NULL && g_date_valid (period_start), NULL);
  g_return_val_if_fail (period_end != NULL && g_date_valid (period_end), NULL);

  if (g_date_compare (period_end, period_start) < 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE, _("The report's period ends before it starts"));
      return NULL;
    }
  if ((dashboard = aff_portfolio_compute_dashboard (self, period_end, error)) == NULL)
    return NULL;
  lang = _aff_language_index (aff_policy_get_language (aff_portfolio_get_policy (self)));
  /* The dashboard's alerts come affair by affair; each affair's dossier
   * follows its own. */
  alerts = _aff_dashboard_list_alert_texts (dashboard);
  affairs = aff_portfolio_get_affairs (self);
  n = g_list_model_get_n_items (affairs);
  {
    g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func (g_free);

    for (i = 0; i < n; i++)
      {
        g_autoptr(AffAffair) affair = g_list_model_get_item (affairs, i);
        g_autofree char *prefix = g_strdup_printf (L ("%s : ", "%s: "), aff_affair_get_id (affair));
        g_autoptr(GPtrArray) log = NULL;

        for (j = 0; j < alerts->len; j++)
          if (g_str_has_prefix (g_ptr_array_index (alerts, j), prefix))
            g_ptr_array_add (ordered, g_strdup (g_ptr_array_index (alerts, j)));
        if (!affair_alerts (affair, period_end, lang, ordered, error))
          return NULL;
        log = aff_dossier_list_decisions (aff_affair_get_dossier (affair), period_start, period_end);
        for (j = 0; j < log->len; j++)
          {
            AffDecision *decision = g_ptr_array_index (log, j);
            g_autofree char *day = _aff_doc_format_date (lang, aff_decision_get_date (decision));

            g_ptr_array_add (decisions, g_strdup_printf (L ("%s, %s (%s) : %s", "%s, %s (%s): %s"),
                                                         aff_affair_get_id (affair), aff_decision_get_id (decision),
                                                         day, aff_decision_get_statement (decision)));
          }
      }
    g_ptr_array_unref (alerts);
    alerts = g_steal_pointer (&ordered);
  }

  from = _aff_doc_format_date (lang, period_start);
  to = _aff_doc_format_date (lang, period_end);
  title = g_strdup_printf (L ("Rapport des affaires du %s au %s", "Affairs report, %s to %s"), from, to);
  _aff_doc_begin (&doc, format, lang == LANG_EN ? "en" : "fr", title);
  _aff_doc_heading (&doc, 1, title);
  _aff_doc_heading (&doc, 2, L ("Alertes", "Alerts"));
  if (alerts->len == 0)
    _aff_doc_paragraph (&doc, L ("Aucune alerte.", "No alert."));
  _aff_doc_list (&doc, alerts);
  _aff_dashboard_write_tables (dashboard, &doc);
  _aff_doc_heading (&doc, 2, L ("Décisions de la période", "Decisions of the period"));
  if (decisions->len == 0)
    _aff_doc_paragraph (&doc, L ("Aucune décision.", "No decision."));
  _aff_doc_list (&doc, decisions);
  return _aff_doc_finish (&doc);
}
