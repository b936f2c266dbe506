/* demo-affair.c: the demo's affair carried from the signature to the
 * lessons learned, and the documents it leaves
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Affair OF-2026-118, Arcelis Dunkerque, signed on Friday 15 January 2027:
 * supply (APPRO, 15 working days from Monday 18 January), the replacement
 * on the site during the shutdown (MONTAGE, 15 days, hot work at height)
 * and the radiographic inspection (RADIO, 3 days, Institut de Soudure),
 * then the acceptance. The forged flanges come three days late (hazard H1),
 * the drifts of each monthly review are analysed, the work is accepted on
 * 12 March, and the affair closed with its lessons learned on 19 March.
 */
#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <affaires.h>

#include "demo-affair.h"

#define TRY(call) G_STMT_START { if (!(call)) return FALSE; } G_STMT_END

static GDate *
ymd (int y, int m, int d)
{
  return g_date_new_dmy (d, m, y);
}

static gboolean
add_task (AffPlan     *plan,
          const char  *id,
          const char  *name,
          guint        days,
          AffTaskKind  kind,
          const char  *responsible,
          GError     **error)
{
  g_autoptr(AffTask) task = aff_task_new (id, name, days);

  aff_task_set_kind (task, kind);
  if (responsible != NULL)
    aff_task_set_raci (task, responsible, AFF_RACI_ROLE_RESPONSIBLE);
  aff_task_set_raci (task, "Chargé d'affaires", responsible != NULL ? AFF_RACI_ROLE_ACCOUNTABLE
                                                                    : AFF_RACI_ROLE_INFORMED);
  return aff_plan_add_task (plan, task, error);
}

static gboolean
plan_the_work (AffAffair  *affair,
               GError    **error)
{
  static const char *const flanges[] = { "RISK-1", NULL };
  static const char *const hot_work[] = { "RISK-2", NULL };
  static const char *const participants[] = { "Claire Martin (Arcelis)", "Chargé d'affaires", "Chef de chantier",
                                              NULL };
  static const struct { const char *from, *to; } links[] = {
    { "J0", "APPRO" }, { "APPRO", "MONTAGE" }, { "MONTAGE", "RADIO" }, { "RADIO", "J1" },
  };
  AffPlan *plan = aff_affair_get_plan (affair);
  AffPreventionPlan *prevention = aff_plan_get_prevention_plan (plan);
  g_autoptr(GDate) start = ymd (2027, 1, 18);
  g_autoptr(AffResource) welders = aff_resource_new ("soudeurs", "Équipe de soudeurs", AFF_RESOURCE_KIND_TEAM);
  AffTask *task;
  gsize i;

  aff_plan_set_start (plan, start);
  TRY (add_task (plan, "J0", "Lancement", 0, AFF_TASK_KIND_MILESTONE, NULL, error));
  TRY (add_task (plan, "APPRO", "Approvisionnement des tubes et brides", 15, AFF_TASK_KIND_PURCHASE,
                 "Service achats", error));
  TRY (add_task (plan, "MONTAGE", "Remplacement des tuyauteries pendant l'arrêt", 15, AFF_TASK_KIND_INTERVENTION,
                 "Chef de chantier", error));
  TRY (add_task (plan, "RADIO", "Contrôle radiographique des soudures", 3, AFF_TASK_KIND_INSPECTION,
                 "Institut de Soudure", error));
  TRY (add_task (plan, "J1", "Réception", 0, AFF_TASK_KIND_MILESTONE, NULL, error));
  aff_task_set_risk_ids (aff_plan_lookup_task (plan, "APPRO"), flanges);
  task = aff_plan_lookup_task (plan, "MONTAGE");
  aff_task_set_risk_ids (task, hot_work);
  aff_task_set_dangerous_work (task, AFF_REGULATORY_FLAGS_HOT_WORK | AFF_REGULATORY_FLAGS_WORK_AT_HEIGHT);
  task = aff_plan_lookup_task (plan, "RADIO");
  aff_task_set_party (task, AFF_PARTY_INSPECTION_BODY);
  aff_task_set_party_name (task, "Institut de Soudure");
  aff_task_set_regulatory_basis (task, "NF EN 13480-5, contrôle des soudures");
  aff_task_set_report_days (task, 5);
  for (i = 0; i < G_N_ELEMENTS (links); i++)
    TRY (aff_plan_add_dependency (plan, links[i].from, links[i].to, AFF_DEPENDENCY_TYPE_FINISH_START, 0, error));

  /* Twenty welders, 160 hours a day; the 2 400 hours over 15 days ask 160. */
  aff_resource_set_capacity_minutes (welders, 160 * 60);
  TRY (aff_plan_add_resource (plan, welders, error));
  TRY (aff_plan_assign (plan, "MONTAGE", "soudeurs", 160, error));
  TRY (aff_plan_schedule (plan, error));
  TRY (aff_plan_save_baseline (plan, "contrat", error));

  TRY (aff_prevention_plan_record_joint_inspection (prevention, start, participants, error));
  TRY (aff_prevention_plan_sign (prevention, "Claire Martin", "Arcelis Dunkerque", AFF_PARTY_CLIENT, start, error));
  TRY (aff_prevention_plan_sign (prevention, "Chargé d'affaires", "Maintenance Industrielle du Nord",
                                 AFF_PARTY_INTERNAL, start, error));
  return TRUE;
}

static gboolean
cost (AffAffair       *affair,
      int y, int m, int d,
      const char      *work,
      AffCostCategory  category,
      AffCostState     state,
      const char      *amount,
      const char      *supplier,
      const char      *document,
      const char      *commitment,
      GError         **error)
{
  g_autoptr(GDate) date = ymd (y, m, d);
  g_autoptr(AffMoney) value = aff_money_parse (amount, error);
  g_autoptr(AffCostEntry) entry = NULL;

  if (value == NULL)
    return FALSE;
  entry = aff_cost_entry_new (date, work, category, state, value);
  aff_cost_entry_set_supplier (entry, supplier);
  aff_cost_entry_set_document (entry, document);
  aff_cost_entry_set_commitment (entry, commitment);
  return aff_ledger_add (aff_affair_get_ledger (affair), entry, error);
}

static gboolean
progress (AffAffair  *affair,
          const char *work,
          int y, int m, int d,
          int         basis_points,
          GError    **error)
{
  g_autoptr(GDate) date = ymd (y, m, d);

  return aff_affair_record_progress (affair, work, date, basis_points, error);
}

/* Sends the invoices due on the day: F-2027-001, F-2027-002… */
static gboolean
invoice_due (AffAffair *affair,
             int y, int m, int d,
             guint     *number,
             GError   **error)
{
  g_autoptr(GDate) date = ymd (y, m, d);
  g_autoptr(GPtrArray) items = aff_affair_list_billing_due (affair, date, error);
  guint i;

  if (items == NULL)
    return FALSE;
  for (i = 0; i < items->len; i++)
    {
      g_autofree char *reference = g_strdup_printf ("F-2027-%03u", (*number)++);

      TRY (aff_affair_invoice_billing_item (affair, g_ptr_array_index (items, i), reference, date, error));
    }
  return TRUE;
}

/* The monthly review: each drift without a corrective action gets one,
 * recorded two days later, as the management report goes out. */
static gboolean
review (AffAffair *affair,
        int y, int m, int d,
        guint     *n_actions,
        GError   **error)
{
  g_autoptr(GDate) day = ymd (y, m, d);
  g_autoptr(GDate) on = ymd (y, m, d);
  g_autoptr(GDate) due = NULL;
  g_autoptr(GPtrArray) drifts = aff_affair_list_drifts (affair, day, error);
  guint i;

  if (drifts == NULL)
    return FALSE;
  g_date_add_days (on, 2);
  due = g_date_copy (on);
  g_date_add_days (due, 14);
  for (i = 0; i < drifts->len; i++)
    {
      const AffDrift *drift = g_ptr_array_index (drifts, i);
      g_autoptr(AffCorrectiveAction) action = NULL;
      g_autoptr(AffMoney) effect = aff_money_parse ("0.00 EUR", NULL);
      const char *analysis, *what;

      if (aff_drift_get_corrective_action (drift) != NULL)
        continue;
      switch (aff_drift_get_kind (drift))
        {
        case AFF_DRIFT_KIND_COST_PERFORMANCE:
          analysis = "Heures de montage au-dessus du prévu : reprises de soudures après le retard des brides";
          what = "Renfort d'un soudeur qualifié, suivi quotidien des heures";
          break;
        case AFF_DRIFT_KIND_SCHEDULE_PERFORMANCE:
          analysis = "Montage décalé par la livraison tardive des brides forgées (aléa H1)";
          what = "Travail en deux postes pendant une semaine";
          break;
        case AFF_DRIFT_KIND_MARGIN_EROSION:
          analysis = "La projection des coûts actuels érode la marge de l'offre";
          what = "Revue des achats restants et demande d'avenant pour les reprises";
          break;
        case AFF_DRIFT_KIND_MILESTONE_SLIP:
          analysis = "Réception décalée par l'aléa H1";
          what = "Date de réception confirmée au client en réunion de chantier";
          break;
        case AFF_DRIFT_KIND_CONCORDANCE:
          analysis = "La facturation suit la situation mensuelle, en retard sur l'avancement";
          what = "Situation de travaux émise à la fin du mois";
          break;
        case AFF_DRIFT_KIND_BUDGET_OVERRUN:
        default:
          analysis = "Poste dépassé";
          what = "Arbitrage sur la provision pour risques";
          break;
        }
      action = aff_corrective_action_new (aff_drift_get_kind (drift), aff_drift_get_subject (drift), on, analysis,
                                          what, "Chargé d'affaires", due, effect);
      TRY (aff_affair_record_corrective_action (affair, action, error));
      (*n_actions)++;
    }
  return TRUE;
}

static gboolean
report (AffDossier *dossier,
        int y, int m,
        int sent_day,
        GError    **error)
{
  g_autoptr(GDate) start = ymd (y, m, 1);
  g_autoptr(GDate) end = ymd (y, m, g_date_get_days_in_month (m, y));
  g_autoptr(GDate) sent = ymd (m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, sent_day);

  return aff_dossier_record_report (dossier, AFF_REPORT_VARIANT_MANAGEMENT, start, end, sent, NULL, error);
}

static gboolean
meeting (AffDossier     *dossier,
         const char     *id,
         AffMeetingKind  kind,
         int y, int m, int d,
         const char     *title,
         const char     *minutes,
         GError        **error)
{
  g_autoptr(GDate) date = ymd (y, m, d);
  g_autoptr(AffMeeting) item = aff_meeting_new (id, kind, date, title);

  aff_meeting_set_minutes (item, minutes);
  return aff_dossier_add_meeting (dossier, item, error);
}

static gboolean
run_the_work (AffPortfolio *portfolio,
              AffAffair    *affair,
              guint        *n_actions,
              GError      **error)
{
  static const char *const management[] = { "Directeur d'agence", NULL };
  static const char *const late[] = { "APPRO", NULL };
  AffPlan *plan = aff_affair_get_plan (affair);
  AffDossier *dossier = aff_affair_get_dossier (affair);
  g_autoptr(GDate) jan18 = ymd (2027, 1, 18), jan20 = ymd (2027, 1, 20), feb3 = ymd (2027, 2, 3);
  g_autoptr(GDate) feb4 = ymd (2027, 2, 4), feb5 = ymd (2027, 2, 5), feb10 = ymd (2027, 2, 10);
  g_autoptr(GDate) feb11 = ymd (2027, 2, 11), mar3 = ymd (2027, 3, 3), mar4 = ymd (2027, 3, 4);
  g_autoptr(GDate) mar8 = ymd (2027, 3, 8), mar10 = ymd (2027, 3, 10), mar12 = ymd (2027, 3, 12);
  g_autoptr(AffHazard) hazard = aff_hazard_new ("H1", feb3, AFF_HAZARD_CAUSE_SUPPLIER,
                                                "Brides forgées livrées avec trois jours de retard");
  g_autoptr(AffHazardImpact) impact = NULL;
  g_autoptr(AffDecision) replan = aff_decision_new ("D-1", feb4, "Décaler le montage de trois jours et travailler "
                                                    "en deux postes la première semaine", "Chargé d'affaires");
  g_autoptr(AffAction) chase = aff_action_new ("A-1", "Relancer la forge et obtenir une date ferme",
                                               "Service achats", feb3, feb5);
  g_autoptr(AffIncident) incident = aff_incident_new ("I-1", feb3, "Livraison des brides forgées retardée");
  g_autoptr(AffDocument) quality = aff_document_new ("PQ-01", "Plan qualité de l'affaire");
  g_autoptr(AffDocument) records = aff_document_new ("DOE-01", "Dossier des ouvrages exécutés");
  g_autoptr(AffInteraction) survey = NULL;
  guint number = 1;

  TRY (aff_dossier_set_distribution (dossier, AFF_REPORT_VARIANT_MANAGEMENT, management, error));
  TRY (meeting (dossier, "R-1", AFF_MEETING_KIND_KICK_OFF, 2027, 1, 18, "Réunion de lancement",
                "Planning, plan de prévention et points d'arrêt validés avec le site", error));
  TRY (aff_dossier_add_document (dossier, quality, jan18, error));
  TRY (aff_dossier_issue_document (dossier, "PQ-01", jan18, error));
  TRY (aff_dossier_approve_document (dossier, "PQ-01", jan20, error));
  aff_document_set_deliverable (records, "Dossier de fin de travaux");
  TRY (aff_dossier_add_document (dossier, records, jan20, error));

  /* January: the advance, the orders, the supply under way. */
  TRY (invoice_due (affair, 2027, 1, 15, &number, error));
  TRY (aff_plan_start_task (plan, "J0", jan18, error));
  TRY (aff_plan_finish_task (plan, "J0", jan18, error));
  TRY (aff_plan_start_task (plan, "APPRO", jan18, error));
  TRY (cost (affair, 2027, 1, 19, "APPRO", AFF_COST_CATEGORY_MATERIAL, AFF_COST_STATE_COMMITTED, "35071.00 EUR",
             "Aciers du Nord", "CDE-AN-0107", NULL, error));
  TRY (cost (affair, 2027, 1, 25, "RADIO", AFF_COST_CATEGORY_SUBCONTRACT, AFF_COST_STATE_COMMITTED, "18500.00 EUR",
             "Institut de Soudure", "CDE-IS-0112", NULL, error));
  TRY (progress (affair, "APPRO", 2027, 1, 29, 5000, error));
  TRY (invoice_due (affair, 2027, 1, 31, &number, error));
  TRY (review (affair, 2027, 1, 31, n_actions, error));
  TRY (report (dossier, 2027, 1, 2, error));

  /* February: the flanges late, the shutdown, the site. */
  aff_hazard_set_task_ids (hazard, late);
  aff_hazard_set_delay_days (hazard, 3);
  impact = aff_plan_apply_hazard (plan, hazard, error);
  if (impact == NULL)
    return FALSE;
  aff_incident_set_client_informed (incident, feb3, "Appel à Claire Martin");
  aff_incident_set_hazard_id (incident, "H1");
  TRY (aff_dossier_add_incident (dossier, incident, error));
  aff_decision_set_target (replan, AFF_DECISION_TARGET_PLAN, "H1");
  TRY (aff_dossier_add_decision (dossier, replan, error));
  TRY (aff_dossier_add_action (dossier, chase, error));
  TRY (aff_dossier_complete_action (dossier, "A-1", feb4, "Livraison confirmée au 10 février", error));
  TRY (cost (affair, 2027, 2, 10, "APPRO", AFF_COST_CATEGORY_MATERIAL, AFF_COST_STATE_ACTUAL, "35071.00 EUR",
             "Aciers du Nord", "FA-AN-0288", "CDE-AN-0107", error));
  TRY (progress (affair, "APPRO", 2027, 2, 10, 10000, error));
  TRY (aff_plan_finish_task (plan, "APPRO", feb10, error));
  TRY (aff_dossier_close_incident (dossier, "I-1", feb10, "Brides reçues et contrôlées", error));
  TRY (aff_plan_start_task (plan, "MONTAGE", feb11, error));
  TRY (meeting (dossier, "R-2", AFF_MEETING_KIND_SITE_MEETING, 2027, 2, 18, "Réunion de chantier",
                "Montage conforme au planning replanifié ; aucune réserve sécurité", error));
  TRY (cost (affair, 2027, 2, 26, "MONTAGE", AFF_COST_CATEGORY_EQUIPMENT, AFF_COST_STATE_ACTUAL, "38850.00 EUR",
             "Échafaudages de Flandre", "FA-EF-0412", NULL, error));
  TRY (cost (affair, 2027, 2, 26, "MONTAGE", AFF_COST_CATEGORY_LABOUR, AFF_COST_STATE_ACTUAL, "87000.00 EUR",
             NULL, "POINTAGE-2027-02", NULL, error));
  /* Accounting charges the overheads of the offer (50 632.10 in all) to
   * the site month by month. */
  TRY (cost (affair, 2027, 2, 26, "MONTAGE", AFF_COST_CATEGORY_OVERHEAD, AFF_COST_STATE_ACTUAL, "30000.00 EUR",
             NULL, "FG-2027-02", NULL, error));
  TRY (progress (affair, "MONTAGE", 2027, 2, 26, 6000, error));
  TRY (invoice_due (affair, 2027, 2, 28, &number, error));
  TRY (review (affair, 2027, 2, 28, n_actions, error));
  TRY (report (dossier, 2027, 2, 2, error));

  /* March: the end of the site, the inspection, the acceptance. */
  TRY (cost (affair, 2027, 3, 3, "MONTAGE", AFF_COST_CATEGORY_LABOUR, AFF_COST_STATE_ACTUAL, "52200.00 EUR",
             NULL, "POINTAGE-2027-03", NULL, error));
  TRY (cost (affair, 2027, 3, 3, "MONTAGE", AFF_COST_CATEGORY_OVERHEAD, AFF_COST_STATE_ACTUAL, "20632.10 EUR",
             NULL, "FG-2027-03", NULL, error));
  TRY (progress (affair, "MONTAGE", 2027, 3, 3, 10000, error));
  TRY (aff_plan_finish_task (plan, "MONTAGE", mar3, error));
  TRY (aff_plan_start_task (plan, "RADIO", mar4, error));
  TRY (aff_plan_finish_task (plan, "RADIO", mar8, error));
  TRY (progress (affair, "RADIO", 2027, 3, 8, 10000, error));
  aff_task_set_report_received (aff_plan_lookup_task (plan, "RADIO"), mar10);
  TRY (cost (affair, 2027, 3, 10, "RADIO", AFF_COST_CATEGORY_SUBCONTRACT, AFF_COST_STATE_ACTUAL, "18500.00 EUR",
             "Institut de Soudure", "FA-IS-0301", "CDE-IS-0112", error));
  TRY (meeting (dossier, "R-3", AFF_MEETING_KIND_CLIENT_MEETING, 2027, 3, 12, "Réception des travaux",
                "Réception prononcée sans réserve", error));
  TRY (aff_plan_start_task (plan, "J1", mar12, error));
  TRY (aff_plan_finish_task (plan, "J1", mar12, error));
  TRY (aff_dossier_issue_document (dossier, "DOE-01", mar10, error));
  TRY (aff_dossier_approve_document (dossier, "DOE-01", mar12, error));
  TRY (aff_affair_record_acceptance (affair, mar12, FALSE, error));
  TRY (invoice_due (affair, 2027, 3, 12, &number, error));
  TRY (aff_plan_schedule (plan, error));
  /* The acceptance review: the reception came later than the baseline. */
  TRY (review (affair, 2027, 3, 12, n_actions, error));

  survey = aff_interaction_new (AFF_INTERACTION_KIND_SURVEY, mar12, "Enquête de fin d'affaire, arrêt HF4");
  aff_interaction_set_contact (survey, "Claire Martin");
  aff_interaction_set_satisfaction (survey, 9);
  TRY (aff_portfolio_record_interaction (portfolio, "ARC-DK", survey, error));
  (void) mar8;
  return TRUE;
}

static gboolean
close_the_affair (AffAffair  *affair,
                  GError    **error)
{
  static const char *const tags[] = { "tuyauterie", "arrêt de haut fourneau", "soudage", "Arcelis", NULL };
  g_autoptr(GDate) mar19 = ymd (2027, 3, 19);
  g_autoptr(AffImprovement) order_early = aff_improvement_new (
    "Commander les brides forgées dès la signature",
    "H1 : trois jours de retard sur un délai de forge de six semaines",
    "Le montage tient la date d'arrêt sans travail en deux postes", "Service achats");
  AffRex *rex = aff_affair_create_rex (affair, mar19, error);

  if (rex == NULL)
    return FALSE;
  TRY (aff_rex_add_good_practice (rex, "Inspection commune et plan de prévention signés le jour du lancement",
                                  error));
  TRY (aff_rex_add_good_practice (rex, "Revue mensuelle des dérives avec une action écrite pour chacune", error));
  TRY (aff_rex_add_difficulty (rex, "Brides forgées livrées en retard",
                               "Montage replanifié en deux postes, client informé le jour même", error));
  TRY (aff_rex_add_improvement (rex, order_early, error));
  TRY (aff_rex_set_tags (rex, tags, error));
  TRY (aff_rex_validate (rex, mar19, error));
  return aff_affair_close (affair, mar19, error);
}

/* Writes @text into @folder/@name, and adds the file to @written. */
static gboolean
write_file (const char  *folder,
            const char  *name,
            const char  *text,
            GPtrArray   *written,
            GError     **error)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  if (text == NULL || !g_file_set_contents (path, text, -1, error))
    return FALSE;
  if (written != NULL)
    g_ptr_array_add (written, g_steal_pointer (&path));
  return TRUE;
}

static gboolean
write_documents (AffPortfolio *portfolio,
                 AffAffair    *affair,
                 const char   *folder,
                 GPtrArray    *written,
                 GError      **error)
{
  AffOffer *offer = aff_portfolio_lookup_offer (portfolio, aff_affair_get_id (affair));
  g_autoptr(GDate) feb1 = ymd (2027, 2, 1), feb28 = ymd (2027, 2, 28), mar31 = ymd (2027, 3, 31);
  g_autoptr(AffGanttOptions) options = aff_gantt_options_new ();
  g_autoptr(AffAudit) audit = NULL;
  g_autofree char *offer_html = NULL, *gantt = NULL, *curve = NULL, *report_html = NULL;
  g_autofree char *audit_html = NULL, *audit_md = NULL, *rex_md = NULL, *plan_html = NULL;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("cannot create %s: %s"), folder,
                   g_strerror (saved));
      return FALSE;
    }
  aff_gantt_options_set_title (options, "OF-2026-118 — arrêt HF4");
  aff_gantt_options_set_baseline (options, "contrat");
  aff_gantt_options_set_status_date (options, feb28);
  if ((offer_html = aff_offer_revision_render (aff_offer_get_current_revision (offer), AFF_DOCUMENT_FORMAT_HTML,
                                               error)) == NULL ||
      (plan_html = aff_affair_render_management_plan (affair, AFF_DOCUMENT_FORMAT_HTML, error)) == NULL ||
      (gantt = aff_plan_to_svg_gantt (aff_affair_get_plan (affair), options, error)) == NULL ||
      (curve = aff_affair_to_svg_s_curve (affair, mar31, error)) == NULL ||
      (report_html = aff_affair_render_report (affair, feb1, feb28, AFF_DOCUMENT_FORMAT_HTML, error)) == NULL ||
      (audit = aff_portfolio_audit_affair (portfolio, aff_affair_get_id (affair), mar31, error)) == NULL)
    return FALSE;
  audit_html = aff_audit_render (audit, AFF_DOCUMENT_FORMAT_HTML);
  audit_md = aff_audit_render (audit, AFF_DOCUMENT_FORMAT_MARKDOWN);
  rex_md = aff_rex_render (aff_affair_get_rex (affair), AFF_DOCUMENT_FORMAT_MARKDOWN);
  TRY (write_file (folder, "offre.html", offer_html, written, error));
  TRY (write_file (folder, "plan-de-management.html", plan_html, written, error));
  TRY (write_file (folder, "gantt.svg", gantt, written, error));
  TRY (write_file (folder, "courbe-en-s.svg", curve, written, error));
  TRY (write_file (folder, "rapport-fevrier.html", report_html, written, error));
  TRY (write_file (folder, "retour-experience.md", rex_md, written, error));
  TRY (write_file (folder, "audit.html", audit_html, written, error));
  TRY (write_file (folder, "audit.md", audit_md, written, error));
  g_print (_("Audit of the dossier on 2027-03-31: score %u / 100, %u criteria met, %u partial, %u missing, "
             "%u not applicable\n"), aff_audit_get_score (audit), aff_audit_count (audit, AFF_AUDIT_STATUS_MET),
           aff_audit_count (audit, AFF_AUDIT_STATUS_PARTIAL), aff_audit_count (audit, AFF_AUDIT_STATUS_MISSING),
           aff_audit_count (audit, AFF_AUDIT_STATUS_NOT_APPLICABLE));
  return TRUE;
}

/* A second affair, still running at the end of March 2027: the
 * replacement of the tube bundle of exchanger E-204 at Chimie du Rhône,
 * signed on 8 February. Its costs come from the ERP (see
 * examples/python/erp_sync.py). */
static gboolean
second_affair (AffPortfolio  *portfolio,
               GError       **error)
{
  static const char *const activities[] = { "boilermaking", NULL };
  static const char *const links[][2] = { { "FAISC", "POSE" } };
  AffPolicy *policy = aff_portfolio_get_policy (portfolio);
  g_autoptr(GDate) received = ymd (2027, 1, 11), deadline = ymd (2027, 1, 29), qualified = ymd (2027, 1, 12);
  g_autoptr(GDate) evaluated = ymd (2027, 1, 14), sent = ymd (2027, 1, 25), validity = ymd (2027, 3, 31);
  g_autoptr(GDate) signed_on = ymd (2027, 2, 8), start = ymd (2027, 2, 8);
  g_autoptr(AffConsultation) consultation = aff_consultation_new ("CONS-2027-006", "CHIM-RHONE",
                                                                  "Remplacement du faisceau de l'échangeur E-204",
                                                                  received, deadline);
  g_autoptr(AffMoney) value = aff_money_parse ("68000.00 EUR", NULL);
  g_autoptr(AffMoney) bundle_cost = aff_money_parse ("41800.00 EUR", NULL);
  g_autoptr(AffOffer) offer = aff_offer_new ("OF-2027-009", "CONS-2027-006");
  g_autoptr(AffOfferLine) fitting = NULL, bundle = NULL;
  g_autoptr(AffBidEvaluation) evaluation = NULL;
  AffOfferRevision *revision;
  AffAffair *affair;
  AffPlan *plan;
  gsize i;

  aff_consultation_set_activities (consultation, activities);
  aff_consultation_set_estimated_value (consultation, value);
  aff_consultation_set_expected_margin_rate (consultation, 1500);
  aff_consultation_set_estimated_hours (consultation, 320);
  TRY (aff_portfolio_add_consultation (portfolio, consultation, error));
  TRY (aff_consultation_start_qualification (consultation, qualified, "cahier des charges reçu", error));
  if ((evaluation = aff_portfolio_evaluate_consultation (portfolio, "CONS-2027-006", evaluated, error)) == NULL)
    return FALSE;
  TRY (aff_portfolio_decide_consultation (portfolio, "CONS-2027-006", AFF_BID_VERDICT_GO, "Directeur d'agence",
                                          "client à développer sur la plateforme de Saint-Fons", error));
  TRY (aff_portfolio_add_offer (portfolio, offer, error));
  revision = aff_offer_get_current_revision (offer);
  if (!(fitting = aff_offer_line_new_labour ("Dépose et repose du faisceau", "320", "pipefitter", policy, error)) ||
      !(bundle = aff_offer_line_new (AFF_LINE_KIND_MATERIAL, "Faisceau tubulaire neuf", "1", AFF_LINE_UNIT_LUMP_SUM,
                                     bundle_cost, error)))
    return FALSE;
  aff_offer_line_set_lot (fitting, "POSE");
  aff_offer_line_set_lot (bundle, "FAISC");
  TRY (aff_offer_revision_add_line (revision, fitting, error));
  TRY (aff_offer_revision_add_line (revision, bundle, error));
  TRY (aff_offer_revision_set_margin_rate (revision, aff_policy_get_target_margin_rate (policy), error));
  TRY (aff_offer_revision_set_validity (revision, validity, error));
  TRY (aff_offer_revision_set_payment_terms (revision, 45, TRUE, error));
  TRY (aff_offer_revision_set_billing (revision, 0, TRUE, 500, error));
  TRY (aff_offer_send (offer, sent, error));
  TRY (aff_offer_accept (offer, signed_on, "CR-2027-019", error));

  affair = aff_portfolio_lookup_affair (portfolio, "OF-2027-009");
  plan = aff_affair_get_plan (affair);
  aff_plan_set_start (plan, start);
  TRY (add_task (plan, "FAISC", "Fabrication du faisceau", 25, AFF_TASK_KIND_PURCHASE, "Service achats", error));
  TRY (add_task (plan, "POSE", "Dépose et repose pendant l'arrêt", 5, AFF_TASK_KIND_INTERVENTION, "Chef de chantier",
                 error));
  for (i = 0; i < G_N_ELEMENTS (links); i++)
    TRY (aff_plan_add_dependency (plan, links[i][0], links[i][1], AFF_DEPENDENCY_TYPE_FINISH_START, 0, error));
  TRY (aff_plan_schedule (plan, error));
  TRY (aff_plan_save_baseline (plan, "contrat", error));
  TRY (cost (affair, 2027, 2, 10, "FAISC", AFF_COST_CATEGORY_MATERIAL, AFF_COST_STATE_COMMITTED, "41800.00 EUR",
             "Échangeurs du Rhône", "CDE-ER-0214", NULL, error));
  TRY (progress (affair, "FAISC", 2027, 3, 15, 5000, error));
  return TRUE;
}

gboolean
demo_carry_out (AffPortfolio  *portfolio,
                const char    *folder,
                GPtrArray     *written,
                GError       **error)
{
  AffAffair *affair = aff_portfolio_lookup_affair (portfolio, "OF-2026-118");
  g_autofree char *margin = NULL;
  guint n_actions = 0;

  g_return_val_if_fail (affair != NULL, FALSE);

  TRY (plan_the_work (affair, error));
  g_print (_("Plan: supply, shutdown work, radiography, baseline \"contrat\", prevention plan signed on 2027-01-18\n"));
  TRY (run_the_work (portfolio, affair, &n_actions, error));
  g_print (_("Delivery: hazard H1 replanned, %u drift(s) analysed with a corrective action, "
             "accepted on 2027-03-12\n"), n_actions);
  TRY (close_the_affair (affair, error));
  margin = aff_money_format (aff_affair_get_final_margin (affair), "fr");
  g_print (_("Closed on 2027-03-19 with its lessons learned: final margin %s\n"), margin);
  TRY (write_documents (portfolio, affair, folder, written, error));
  TRY (second_affair (portfolio, error));
  g_print (_("Affair OF-2027-009 (Chimie du Rhône) signed on 2027-02-08, still running\n"));
  g_print (_("Documents written to %s: offre.html, plan-de-management.html, gantt.svg, courbe-en-s.svg, "
             "rapport-fevrier.html, retour-experience.md, audit.html, audit.md\n"), folder);
  return TRUE;
}
