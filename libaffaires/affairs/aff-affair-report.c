/* aff-affair-report.c: the status report of an affair for a period
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One report, two readers: the management sees costs, margins, risks and
 * hazards; the client sees progress, billing, incidents, decisions and
 * actions, never an internal cost or a margin.
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
#include "aff-plan-export.h"
#include "aff-hazard.h"
#include "aff-dashboard.h"
#include "aff-consultation.h"
#include "aff-risk-register.h"
#include "aff-client.h"

typedef struct
{
  AffAffair *affair;
  AffDossier *dossier;
  AffPlan *plan;
  const GDate *start;
  const GDate *end;
  gboolean client;            /* the client's variant */
  guint lang;
  const char *locale;
  AffDoc doc;
} Report;

static char *
day_text (Report      *r,
          const GDate *date)
{
  return date != NULL && g_date_valid (date) ? _aff_doc_format_date (r->lang, date) : g_strdup ("—");
}

static gboolean
within (const GDate *date,
        const GDate *from,
        const GDate *to)
{
  return g_date_compare (date, from) >= 0 && g_date_compare (date, to) <= 0;
}

static void
references (Report *r)
{
  guint lang = r->lang;
  AffClient *client = _aff_affair_get_client (r->affair);
  g_autofree char *from = day_text (r, r->start), *to = day_text (r, r->end);
  g_autofree char *period = g_strdup_printf (L ("du %s au %s", "%s to %s"), from, to);

  _aff_doc_paragraph_begin (&r->doc, "references");
  _aff_doc_paragraph_line (&r->doc, TRUE, L ("Client :", "Client:"),
                           client != NULL ? aff_client_get_name (client) : aff_affair_get_client_id (r->affair));
  _aff_doc_paragraph_line (&r->doc, FALSE, L ("Contrat :", "Contract:"),
                           aff_affair_get_contract_reference (r->affair));
  _aff_doc_paragraph_line (&r->doc, FALSE, L ("Période :", "Period:"), period);
  _aff_doc_paragraph_line (&r->doc, FALSE, L ("Destinataires :", "For:"),
                           r->client ? L ("le client", "the client") : L ("la direction", "the management"));
  _aff_doc_paragraph_end (&r->doc);
}

/* Each task: its baseline finish, its finish as scheduled now, the slip in
 * working days, and its physical progress at the end of the period. */
static void
progress (Report *r)
{
  guint lang = r->lang;
  const char *columns[] = { L ("Tâche", "Task"), L ("Libellé", "Name"), L ("Fin de référence", "Baseline finish"),
                            L ("Fin prévue", "Planned finish"), L ("Glissement (j. ouvrés)", "Slip (working days)"),
                            L ("Avancement", "Progress"), NULL };
  const gboolean numeric[] = { FALSE, FALSE, FALSE, FALSE, TRUE, TRUE };
  g_auto(GStrv) baselines = aff_plan_list_baselines (r->plan);
  const char *baseline = baselines[0] != NULL ? baselines[g_strv_length (baselines) - 1] : NULL;
  GListModel *tasks = G_LIST_MODEL (r->plan);
  guint i, n = g_list_model_get_n_items (tasks);

  _aff_doc_heading (&r->doc, 2, L ("Avancement et jalons", "Progress and milestones"));
  if (n == 0)
    {
      _aff_doc_paragraph (&r->doc, L ("Le plan n'a pas de tâche.", "The plan has no task."));
      return;
    }
  _aff_doc_table_begin (&r->doc, columns, numeric);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffTask) task = g_list_model_get_item (tasks, i);
      GDate base_start, base_finish;
      const GDate *finish = aff_task_is_scheduled (task) ? aff_task_get_early_finish (task) : NULL;
      g_autofree char *base_text = NULL, *finish_text = NULL, *slip = NULL, *done = NULL, *name = NULL;
      gboolean has_base;
      int bp = 0;

      g_date_clear (&base_start, 1);
      g_date_clear (&base_finish, 1);
      has_base = baseline != NULL && aff_plan_get_baseline_dates (r->plan, baseline, aff_task_get_id (task),
                                                                  &base_start, &base_finish);
      base_text = day_text (r, has_base ? &base_finish : NULL);
      finish_text = day_text (r, finish);
      if (has_base && finish != NULL)
        {
          g_autoptr(GPtrArray) slips = aff_plan_compare_to_baseline (r->plan, baseline, NULL);
          int late = 0;
          guint k;

          for (k = 0; slips != NULL && k < slips->len; k++)
            if (strcmp (aff_slip_get_task_id (g_ptr_array_index (slips, k)), aff_task_get_id (task)) == 0)
              late = aff_slip_get_finish_slip (g_ptr_array_index (slips, k));
          slip = late == 0 ? g_strdup ("0") : g_strdup_printf ("%+d", late);
        }
      if (aff_affair_get_progress (r->affair, aff_task_get_id (task), r->end, &bp))
        done = _aff_language_decimal (r->lang, bp / 100.0, bp % 100 != 0 ? 1 : 0);
      name = aff_task_get_kind (task) == AFF_TASK_KIND_MILESTONE
             ? g_strdup_printf (L ("%s (jalon)", "%s (milestone)"), aff_task_get_name (task))
             : g_strdup (aff_task_get_name (task));
      {
        g_autofree char *percent = done != NULL ? g_strdup_printf ("%s %%", done) : g_strdup ("—");
        const char *cells[] = { aff_task_get_id (task), name, base_text, finish_text, slip != NULL ? slip : "—",
                                percent, NULL };

        _aff_doc_table_row (&r->doc, FALSE, cells, numeric);
      }
    }
  _aff_doc_table_end (&r->doc);
}

static void
money_row (Report         *r,
           const char     *label,
           const AffMoney *money)
{
  g_autofree char *text = aff_money_format (money, r->locale);

  _aff_doc_figure_row (&r->doc, label, text);
}

static void
ratio_row (Report     *r,
           const char *label,
           gboolean    defined,
           double      value)
{
  g_autofree char *text = defined ? _aff_language_decimal (r->lang, value, 3) : g_strdup ("—");

  _aff_doc_figure_row (&r->doc, label, text);
}

static gboolean
finances (Report  *r,
          GError **error)
{
  guint lang = r->lang;
  const char *columns[] = { L ("Indicateur", "Indicator"), L ("Valeur", "Value"), NULL };
  const gboolean numeric[] = { FALSE, TRUE };
  g_autoptr(AffAffairStatus) s = aff_affair_compute_status (r->affair, r->end, error);
  g_autoptr(AffMoney) to_bill = NULL;
  gboolean defined;
  double value = 0;
  int rate = 0;

  if (s == NULL)
    return FALSE;
  _aff_doc_heading (&r->doc, 2, r->client ? L ("Facturation", "Billing") : L ("Finances", "Finances"));
  _aff_doc_table_begin (&r->doc, columns, numeric);
  if (r->client)
    {
      /* What the client already knows: the price, its invoices and
       * payments; nothing of the costs. */
      if ((to_bill = aff_money_subtract (aff_affair_status_get_revenue_at_completion (s),
                                         aff_affair_status_get_billed (s), error)) == NULL)
        return FALSE;
      money_row (r, L ("Montant du marché, avenants compris", "Contract amount, amendments included"),
                 aff_affair_status_get_revenue_at_completion (s));
      money_row (r, L ("Facturé", "Billed"), aff_affair_status_get_billed (s));
      money_row (r, L ("Payé", "Paid"), aff_affair_status_get_cash_received (s));
      money_row (r, L ("Reste à facturer", "Still to bill"), to_bill);
      _aff_doc_table_end (&r->doc);
      return TRUE;
    }
  money_row (r, L ("Budget à terminaison (BAC)", "Budget at completion (BAC)"), aff_affair_status_get_bac (s));
  money_row (r, L ("Valeur planifiée (PV)", "Planned value (PV)"), aff_affair_status_get_pv (s));
  money_row (r, L ("Valeur acquise (EV)", "Earned value (EV)"), aff_affair_status_get_ev (s));
  money_row (r, L ("Coût réel (AC)", "Actual cost (AC)"), aff_affair_status_get_ac (s));
  defined = aff_affair_status_get_cpi (s, &value);
  ratio_row (r, "CPI", defined, value);
  defined = aff_affair_status_get_spi (s, &value);
  ratio_row (r, "SPI", defined, value);
  money_row (r, L ("Estimation à terminaison (EAC)", "Estimate at completion (EAC)"), aff_affair_status_get_eac (s));
  money_row (r, L ("Marge à terminaison", "Margin at completion"), aff_affair_status_get_margin_at_completion (s));
  {
    g_autofree char *figure = aff_affair_status_get_margin_rate (s, &rate)
                              ? _aff_language_decimal (lang, rate / 100.0, 2) : NULL;
    g_autofree char *text = figure != NULL ? g_strdup_printf ("%s %%", figure) : g_strdup ("—");

    _aff_doc_figure_row (&r->doc, L ("Taux de marge à terminaison", "Margin rate at completion"), text);
  }
  money_row (r, L ("Dérive de marge sur l'offre", "Margin drift against the offer"),
             aff_affair_status_get_margin_drift (s));
  money_row (r, L ("Facturé", "Billed"), aff_affair_status_get_billed (s));
  money_row (r, L ("Encaissé", "Cash received"), aff_affair_status_get_cash_received (s));
  money_row (r, L ("Factures à établir (FAE)", "Accrued revenue"), aff_affair_status_get_accrued_revenue (s));
  money_row (r, L ("Produits constatés d'avance (PCA)", "Deferred revenue"), aff_affair_status_get_deferred_revenue (s));
  _aff_doc_table_end (&r->doc);
  return TRUE;
}

static int
compare_risks (gconstpointer a,
               gconstpointer b)
{
  AffRisk *x = *(AffRisk **) a, *y = *(AffRisk **) b;

  return (int) aff_risk_get_criticality (y) - (int) aff_risk_get_criticality (x);
}

/* The three most critical risks still open, from the consultation's
 * register. */
static void
risks (Report *r)
{
  guint lang = r->lang;
  AffConsultation *consultation = _aff_affair_get_consultation (r->affair);
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GListModel *all;
  guint i, n;

  _aff_doc_heading (&r->doc, 2, L ("Risques principaux", "Top risks"));
  all = consultation != NULL ? aff_risk_register_get_risks (aff_consultation_get_risk_register (consultation)) : NULL;
  n = all != NULL ? g_list_model_get_n_items (all) : 0;
  for (i = 0; i < n; i++)
    {
      AffRisk *risk = g_list_model_get_item (all, i);

      if (aff_risk_get_status (risk) == AFF_RISK_STATUS_OPEN)
        g_ptr_array_add (open, risk);
      else
        g_object_unref (risk);
    }
  g_ptr_array_sort (open, compare_risks);
  for (i = 0; i < open->len && i < 3; i++)
    {
      AffRisk *risk = g_ptr_array_index (open, i);

      g_ptr_array_add (lines, g_strdup_printf (L ("%s : %s (criticité %u)", "%s: %s (criticality %u)"),
                                               aff_risk_get_id (risk), aff_risk_get_title (risk),
                                               aff_risk_get_criticality (risk)));
    }
  if (lines->len == 0)
    _aff_doc_paragraph (&r->doc, L ("Aucun risque ouvert.", "No open risk."));
  _aff_doc_list (&r->doc, lines);
}

static void
hazards_and_incidents (Report *r)
{
  guint lang = r->lang;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GListModel *incidents = aff_dossier_get_incidents (r->dossier);
  guint i, n;

  _aff_doc_heading (&r->doc, 2, r->client ? L ("Incidents", "Incidents") : L ("Aléas et incidents", "Hazards and incidents"));
  if (!r->client)
    {
      GListModel *hazards = aff_plan_get_hazards (r->plan);

      n = g_list_model_get_n_items (hazards);
      for (i = 0; i < n; i++)
        {
          g_autoptr(AffHazard) hazard = g_list_model_get_item (hazards, i);
          g_autofree char *day = NULL;

          if (!within (aff_hazard_get_date (hazard), r->start, r->end))
            continue;
          day = day_text (r, aff_hazard_get_date (hazard));
          g_ptr_array_add (lines, g_strdup_printf (L ("Aléa %s du %s : %s, %u jours ouvrés de retard",
                                                      "Hazard %s of %s: %s, %u working days of delay"),
                                                   aff_hazard_get_id (hazard), day,
                                                   aff_hazard_get_description (hazard) != NULL
                                                   ? aff_hazard_get_description (hazard) : "",
                                                   aff_hazard_get_delay_days (hazard)));
        }
    }
  /* The incidents of the period, and those still open: every report shows
   * them until they are closed. */
  n = g_list_model_get_n_items (incidents);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffIncident) incident = g_list_model_get_item (incidents, i);
      g_autofree char *day = NULL, *state = NULL;
      const GDate *closed = aff_incident_get_closed_date (incident);

      if (!aff_incident_is_open_on (incident, r->end) && !within (aff_incident_get_date (incident), r->start, r->end) &&
          !(closed != NULL && within (closed, r->start, r->end)))
        continue;
      if (g_date_compare (aff_incident_get_date (incident), r->end) > 0)
        continue;
      day = day_text (r, aff_incident_get_date (incident));
      if (closed != NULL && g_date_compare (closed, r->end) <= 0)
        {
          g_autofree char *on = day_text (r, closed);

          state = g_strdup_printf (L ("clos le %s : %s", "closed on %s: %s"), on, aff_incident_get_remedy (incident));
        }
      else
        state = g_strdup (L ("en cours", "open"));
      g_ptr_array_add (lines, g_strdup_printf (L ("Incident %s du %s : %s%s%s (%s)", "Incident %s of %s: %s%s%s (%s)"),
                                               aff_incident_get_id (incident), day,
                                               aff_incident_get_description (incident),
                                               aff_incident_get_client_impact (incident) != NULL ? L (" ; impact : ", "; impact: ") : "",
                                               aff_incident_get_client_impact (incident) != NULL
                                               ? aff_incident_get_client_impact (incident) : "",
                                               state));
    }
  if (lines->len == 0)
    _aff_doc_paragraph (&r->doc, r->client ? L ("Aucun incident.", "No incident.")
                                            : L ("Aucun aléa ni incident.", "No hazard or incident."));
  _aff_doc_list (&r->doc, lines);
}

static void
decisions (Report *r)
{
  guint lang = r->lang;
  g_autoptr(GPtrArray) log = aff_dossier_list_decisions (r->dossier, r->start, r->end);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  guint i;

  _aff_doc_heading (&r->doc, 2, L ("Décisions de la période", "Decisions of the period"));
  for (i = 0; i < log->len; i++)
    {
      AffDecision *decision = g_ptr_array_index (log, i);
      g_autofree char *day = NULL;

      /* A decision on the budget speaks of costs. */
      if (r->client && aff_decision_get_target (decision, NULL) == AFF_DECISION_TARGET_BUDGET)
        continue;
      day = day_text (r, aff_decision_get_date (decision));
      g_ptr_array_add (lines, g_strdup_printf (L ("%s (%s, %s) : %s", "%s (%s, %s): %s"), aff_decision_get_id (decision),
                                               day, aff_decision_get_decided_by (decision),
                                               aff_decision_get_statement (decision)));
    }
  if (lines->len == 0)
    _aff_doc_paragraph (&r->doc, L ("Aucune décision.", "No decision."));
  _aff_doc_list (&r->doc, lines);
}

static void
actions (Report *r)
{
  guint lang = r->lang;
  g_autoptr(GPtrArray) open = aff_dossier_list_open_actions (r->dossier, r->end);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  guint i;

  _aff_doc_heading (&r->doc, 2, L ("Actions ouvertes", "Open actions"));
  for (i = 0; i < open->len; i++)
    {
      AffAction *action = g_ptr_array_index (open, i);
      g_autofree char *due = day_text (r, aff_action_get_due (action));

      g_ptr_array_add (lines, g_strdup_printf (L ("%s : %s — %s, pour le %s%s", "%s: %s — %s, due %s%s"),
                                               aff_action_get_id (action), aff_action_get_title (action),
                                               aff_action_get_owner (action), due,
                                               aff_action_is_overdue_on (action, r->end) ? L (" (en retard)", " (overdue)")
                                                                                          : ""));
    }
  if (lines->len == 0)
    _aff_doc_paragraph (&r->doc, L ("Aucune action ouverte.", "No open action."));
  _aff_doc_list (&r->doc, lines);
}

/* The tasks that start or finish in the next period, as long as this one. */
static void
next_steps (Report *r)
{
  guint lang = r->lang;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GListModel *tasks = G_LIST_MODEL (r->plan);
  GDate from = *r->end, to;
  guint i, n = g_list_model_get_n_items (tasks);

  g_date_add_days (&from, 1);
  to = from;
  g_date_add_days (&to, g_date_days_between (r->start, r->end));
  _aff_doc_heading (&r->doc, 2, L ("Prochaines étapes", "Next steps"));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffTask) task = g_list_model_get_item (tasks, i);
      const GDate *start, *finish;
      g_autofree char *day = NULL;

      if (!aff_task_is_scheduled (task))
        continue;
      start = aff_task_get_early_start (task);
      finish = aff_task_get_early_finish (task);
      if (within (start, &from, &to))
        {
          day = day_text (r, start);
          g_ptr_array_add (lines, g_strdup_printf (L ("%s %s : début le %s", "%s %s: starts on %s"),
                                                   aff_task_get_id (task), aff_task_get_name (task), day));
        }
      else if (within (finish, &from, &to))
        {
          day = day_text (r, finish);
          g_ptr_array_add (lines, g_strdup_printf (L ("%s %s : fin le %s", "%s %s: finishes on %s"),
                                                   aff_task_get_id (task), aff_task_get_name (task), day));
        }
    }
  if (lines->len == 0)
    _aff_doc_paragraph (&r->doc, L ("Pas d'étape de plan dans la période suivante.",
                                    "No step of the plan in the next period."));
  _aff_doc_list (&r->doc, lines);
}

static gboolean
charts (Report  *r,
        GError **error)
{
  guint lang = r->lang;
  g_autofree char *gantt = NULL, *curve = NULL;
  const char *elsewhere = L ("dans la version HTML", "in the HTML version");

  if (g_list_model_get_n_items (G_LIST_MODEL (r->plan)) == 0 || !aff_plan_is_scheduled (r->plan))
    return TRUE;
  _aff_doc_heading (&r->doc, 2, L ("Graphiques", "Charts"));
  if ((gantt = aff_plan_to_svg_gantt (r->plan, NULL, error)) == NULL)
    return FALSE;
  _aff_doc_figure (&r->doc, gantt, L ("Planning (Gantt)", "Schedule (Gantt)"), elsewhere);
  /* The S-curve draws the actual cost: the management's only. */
  if (!r->client)
    {
      if ((curve = aff_affair_to_svg_s_curve (r->affair, r->end, error)) == NULL)
        return FALSE;
      _aff_doc_figure (&r->doc, curve, L ("Courbe en S : valeur planifiée, valeur acquise, coût réel",
                                          "S-curve: planned value, earned value, actual cost"), elsewhere);
    }
  return TRUE;
}

static char *
render (AffAffair          *self,
        const GDate        *period_start,
        const GDate        *period_end,
        AffReportVariant    variant,
        AffDocumentFormat   format,
        GError            **error)
{
  Report r = { 0 };
  g_autofree char *title = NULL, *text = NULL;
  guint lang;

  if (g_date_compare (period_end, period_start) < 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("Affair “%s”: the report's period ends before it starts"), aff_affair_get_id (self));
      return NULL;
    }
  lang = _aff_affair_language (self);
  r.affair = self;
  r.dossier = aff_affair_get_dossier (self);
  r.plan = aff_affair_get_plan (self);
  r.start = period_start;
  r.end = period_end;
  r.client = variant == AFF_REPORT_VARIANT_CLIENT;
  r.lang = lang;
  r.locale = lang == LANG_EN ? "en" : "fr";
  title = g_strdup_printf (L ("Rapport d'avancement de l'affaire %s", "Status report of affair %s"),
                           aff_affair_get_id (self));
  _aff_doc_begin (&r.doc, format, r.locale, title);
  _aff_doc_heading (&r.doc, 1, title);
  references (&r);
  progress (&r);
  if (!finances (&r, error))
    goto failed;
  if (!r.client)
    risks (&r);
  hazards_and_incidents (&r);
  decisions (&r);
  actions (&r);
  next_steps (&r);
  if (!charts (&r, error))
    goto failed;
  return _aff_doc_finish (&r.doc);

failed:
  text = _aff_doc_finish (&r.doc);
  return NULL;
}

/**
 * aff_affair_render_report:
 * @self: an affair
 * @period_start: the first day of the period
 * @period_end: the last day of the period, no earlier than @period_start
 * @format: Markdown or HTML
 * @error: return location for a #GError
 *
 * Writes the status report of the affair for a period for the management,
 * in the policy's language: the references; progress and milestones (each task's baseline
 * and planned finish, its slip in working days and its physical progress
 * at the end of the period); the finances at the end of the period
 * (earned value, estimate and margin at completion, billing, cash and work
 * in progress) or, for the client, the billing only; the three most
 * critical open risks (management only); the hazards of the period
 * (management only) and the client incidents of the period or still open;
 * the decisions of the period (for the client, none on the budget); the
 * actions open at its end, overdue ones first; the next steps, the tasks
 * starting or finishing in a period as long just after; and in HTML the
 * Gantt chart and, for the management, the S-curve.
 *
 * [method@Aff.Affair.render_client_report] writes the client's variant.
 * Nothing is journaled: the report is sent with
 * [method@Aff.Dossier.record_report].
 *
 * Returns: (transfer full): the document, or %NULL with
 *   %AFF_ERROR_INVALID_VALUE (the period) or the error of a figure set
 */
char *
aff_affair_render_report (AffAffair          *self,
                          const GDate        *period_start,
                          const GDate        *period_end,
                          AffDocumentFormat   format,
                          GError            **error)
{
  g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);
  g_return_val_if_fail (period_start != NULL && g_date_valid (period_start), NULL);
  g_return_val_if_fail (period_end != NULL && g_date_valid (period_end), NULL);

  return render (self, period_start, period_end, AFF_REPORT_VARIANT_MANAGEMENT, format, error);
}

/**
 * aff_affair_render_client_report:
 * @self: an affair
 * @period_start: the first day of the period
 * @period_end: the last day of the period, no earlier than @period_start
 * @format: Markdown or HTML
 * @error: return location for a #GError
 *
 * Writes the status report of the affair for a period for the client: the
 * report of [method@Aff.Affair.render_report] without an internal cost, a
 * budget or a margin. The finances are the billing only (the contract
 * amount with its amendments, billed, paid and still to bill); the risks,
 * the hazards, the decisions on the budget and the S-curve are left out.
 *
 * Returns: (transfer full): the document, or %NULL with
 *   %AFF_ERROR_INVALID_VALUE (the period) or the error of a figure set
 */
char *
aff_affair_render_client_report (AffAffair          *self,
                                 const GDate        *period_start,
                                 const GDate        *period_end,
                                 AffDocumentFormat   format,
                                 GError            **error)
{
  g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);
  g_return_val_if_fail (period_start != NULL && g_date_valid (period_start), NULL);
  g_return_val_if_fail (period_end != NULL && g_date_valid (period_end), NULL);

  return render (self, period_start, period_end, AFF_REPORT_VARIANT_CLIENT, format, error);
}
