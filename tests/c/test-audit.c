/* test-audit.c: the audit of an affair's dossier against the criteria of the
 * role (AffPortfolio.audit_affair, AffAudit)
 *
 * The story, told by hand. ACME Industrie (NAF 28.29B) is visited on
 * 16 February 2026; its solvency, analysed on 20 February, is SAFE
 * (Z' 3.04). Consultation CONS-1 (pipework) is received on 2 March,
 * evaluated on 5 March and decided GO. Offer OFF-1 prices T1 at 500 h of
 * labour at 100.00 and T2 at 50 000.00 of material, 5 000.00 of
 * contingency, sold 125 000.00 (margin 20 000.00, 16.00 %), a 30 % advance,
 * monthly situations, 5 % retention. It is sent on 1 April (deadline
 * 15 April), chased by a call on 13 April (the first reminder falls due
 * on 11 April, the second on 22 April, after the signature), and signed
 * on Monday 20 April (contract CT-2026-017).
 *
 * The plan: milestone J0 "Lancement", T1 "Montage" (10 working days, on
 * the client's site, hot work: a prevention plan is required), I1
 * "Contrôle des soudures" (1 day after T1, Bureau Veritas, report within
 * 3 working days) and T2 "Tubes" (10 days after T1, tied to risk RISK-1).
 * A welder is assigned 7 h a day to T1, for 8 h of capacity. Each task has
 * someone responsible. Joint inspection and signatures on 17 April.
 *
 * Delivery: kick-off R-1 on 21 April, review R-2 on 12 May, both minuted.
 * Hazard H1 on 6 May (tubes rejected, T2 three days late) is decided on
 * (D-1) on 7 May; incident I-1, told to the client on 7 May, is closed on
 * 25 May; action A-1 (due 8 May) is done on 7 May. Costs: 45 000.00 of
 * labour on 4 May, order PO-7 of 52 000.00 invoiced 20 000.00 on 11 May
 * and 32 000.00 on 25 May: 97 000.00 in all. Progress: T1 50 % on
 * 30 April, 80 % on 4 May, done on 6 May; T2 done on 25 May. Each drift of
 * the monthly reviews (30 April, 31 May) gets its corrective action
 * within the 5 days of the report; the April and May reports go out on
 * 4 May and 3 June. Invoices: the advance on 20 April, the April and May
 * situations on 30 April and 1 June. Acceptance, REX and close-out on
 * 15 June: final margin 125 000.00 − 97 000.00 = 28 000.00 (22.40 %).
 * A satisfaction survey follows on 22 June. The audit is on 30 June.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <affaires.h>
#include "test-util.h"
#include "test-offer-util.h"

typedef enum {
  STORY_COMPLETE = 0,
  STORY_NO_REMINDER_CALL = 1 << 0,     /* no call between the reminder and the signature */
  STORY_NO_SURVEY = 1 << 1,            /* no satisfaction survey after the acceptance */
  STORY_NO_MINUTES = 1 << 2,           /* R-2 held without minutes */
  STORY_NO_RESPONSIBLE = 1 << 3,       /* nobody responsible for T2 */
  STORY_NO_APRIL_REPORT = 1 << 4,      /* the April report never sent */
  STORY_NO_APRIL_ACTIONS = 1 << 5,     /* the drifts of 30 April never analysed */
  STORY_NO_IMPROVEMENT = 1 << 6,       /* a REX without improvement */
  STORY_GAPS = 0x7f,
} StoryGaps;

static void
interact (AffPortfolio       *p,
          AffInteractionKind  kind,
          int y, int m, int d,
          const char         *summary,
          int                 satisfaction)
{
  g_autoptr(GDate) date = day (y, m, d);
  g_autoptr(AffInteraction) interaction = aff_interaction_new (kind, date, summary);

  if (satisfaction >= 0)
    aff_interaction_set_satisfaction (interaction, satisfaction);
  ASSERT_OK (aff_portfolio_record_interaction (p, "acme", interaction, &error));
}

static void
set_figure (AffSolvency *s,
            void       (*setter) (AffSolvency *, const AffMoney *),
            const char  *amount)
{
  g_autoptr(AffMoney) m = money (amount);

  setter (s, m);
}

static void
progress (AffAffair  *affair,
          const char *work,
          int y, int m, int d,
          int         basis_points)
{
  g_autoptr(GDate) date = day (y, m, d);

  ASSERT_OK (aff_affair_record_progress (affair, work, date, basis_points, &error));
}

/* Invoices every item due on the day, numbering them from @first. */
static void
invoice_due (AffAffair *affair,
             int y, int m, int d,
             guint     *number)
{
  g_autoptr(GDate) date = day (y, m, d);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = aff_affair_list_billing_due (affair, date, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >, 0);
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *reference = g_strdup_printf ("F-%u", (*number)++);

      ASSERT_OK (aff_affair_invoice_billing_item (affair, g_ptr_array_index (items, i), reference, date, &error));
    }
}

/* Records, on @on, a corrective action for each drift of @review that has
 * none. */
static guint
analyse_drifts (AffAffair *affair,
                int ry, int rm, int rd,
                int y, int m, int d)
{
  g_autoptr(GDate) review = day (ry, rm, rd);
  g_autoptr(GDate) on = day (y, m, d);
  g_autoptr(GDate) due = day (2026, 6, 30);
  g_autoptr(AffMoney) effect = money ("0.00 EUR");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drifts = aff_affair_list_drifts (affair, review, &error);
  guint i, n = 0;

  g_assert_no_error (error);
  for (i = 0; i < drifts->len; i++)
    {
      const AffDrift *drift = g_ptr_array_index (drifts, i);
      g_autoptr(AffCorrectiveAction) action = NULL;

      if (aff_drift_get_corrective_action (drift) != NULL)
        continue;
      action = aff_corrective_action_new (aff_drift_get_kind (drift), aff_drift_get_subject (drift), on,
                                          "Analysé en revue mensuelle", "Plan d'action suivi en réunion",
                                          "Claire Martin", due, effect);
      ASSERT_OK (aff_affair_record_corrective_action (affair, action, &error));
      n++;
    }
  return n;
}

static AffTask *
add_task (AffPlan    *plan,
          const char *id,
          const char *name,
          guint       days,
          AffTaskKind kind)
{
  g_autoptr(AffTask) task = aff_task_new (id, name, days);

  aff_task_set_kind (task, kind);
  ASSERT_OK (aff_plan_add_task (plan, task, &error));
  return task;
}

static void
plan_the_work (AffAffair *affair,
               StoryGaps  gaps)
{
  AffPlan *plan = aff_affair_get_plan (affair);
  AffPreventionPlan *prevention = aff_plan_get_prevention_plan (plan);
  g_autoptr(AffResource) welder = aff_resource_new ("soudeur", "Soudeur", AFF_RESOURCE_KIND_PERSON);
  g_autoptr(GDate) apr17 = day (2026, 4, 17);
  const char *risks[] = { "RISK-1", NULL };
  const char *participants[] = { "Claire Martin", "J. Durand (ACME)", NULL };
  AffTask *t1, *t2, *i1;

  add_task (plan, "J0", "Lancement", 0, AFF_TASK_KIND_MILESTONE);
  t1 = add_task (plan, "T1", "Montage", 10, AFF_TASK_KIND_INTERVENTION);
  aff_task_set_dangerous_work (t1, AFF_REGULATORY_FLAGS_HOT_WORK);
  aff_task_set_raci (t1, "Paul Martin", AFF_RACI_ROLE_RESPONSIBLE);
  i1 = add_task (plan, "I1", "Contrôle des soudures", 1, AFF_TASK_KIND_INSPECTION);
  aff_task_set_party (i1, AFF_PARTY_INSPECTION_BODY);
  aff_task_set_party_name (i1, "Bureau Veritas");
  aff_task_set_regulatory_basis (i1, "Arrêté du 15 mars 2000");
  aff_task_set_report_days (i1, 3);
  aff_task_set_raci (i1, "Bureau Veritas", AFF_RACI_ROLE_RESPONSIBLE);
  t2 = add_task (plan, "T2", "Tubes", 10, AFF_TASK_KIND_TASK);
  aff_task_set_risk_ids (t2, risks);
  if (!(gaps & STORY_NO_RESPONSIBLE))
    aff_task_set_raci (t2, "Claire Martin", AFF_RACI_ROLE_RESPONSIBLE);
  ASSERT_OK (aff_plan_add_dependency (plan, "J0", "T1", AFF_DEPENDENCY_TYPE_FINISH_START, 0, &error));
  ASSERT_OK (aff_plan_add_dependency (plan, "T1", "I1", AFF_DEPENDENCY_TYPE_FINISH_START, 0, &error));
  ASSERT_OK (aff_plan_add_dependency (plan, "T1", "T2", AFF_DEPENDENCY_TYPE_FINISH_START, 0, &error));
  aff_resource_set_capacity_minutes (welder, 8 * 60);
  ASSERT_OK (aff_plan_add_resource (plan, welder, &error));
  ASSERT_OK (aff_plan_assign (plan, "T1", "soudeur", 7, &error));
  ASSERT_OK (aff_plan_schedule (plan, &error));
  assert_date (aff_task_get_early_finish (t1), 2026, 5, 4);
  assert_date (aff_task_get_early_finish (t2), 2026, 5, 20);
  ASSERT_OK (aff_plan_save_baseline (plan, "contrat", &error));
  ASSERT_OK (aff_prevention_plan_record_joint_inspection (prevention, apr17, participants, &error));
  ASSERT_OK (aff_prevention_plan_sign (prevention, "J. Durand", "ACME Industrie", AFF_PARTY_CLIENT, apr17, &error));
  ASSERT_OK (aff_prevention_plan_sign (prevention, "Claire Martin", "Tuyauterie Martin", AFF_PARTY_INTERNAL, apr17,
                                       &error));
}

static void
follow_the_work (AffPortfolio *p,
                 AffAffair    *affair,
                 StoryGaps     gaps)
{
  AffPlan *plan = aff_affair_get_plan (affair);
  AffDossier *dossier = aff_affair_get_dossier (affair);
  AffLedger *ledger = aff_affair_get_ledger (affair);
  g_autoptr(GDate) apr20 = day (2026, 4, 20);
  g_autoptr(GDate) apr21 = day (2026, 4, 21);
  g_autoptr(GDate) may6 = day (2026, 5, 6);
  g_autoptr(GDate) may7 = day (2026, 5, 7);
  g_autoptr(GDate) may8 = day (2026, 5, 8);
  g_autoptr(GDate) may11 = day (2026, 5, 11);
  g_autoptr(GDate) may12 = day (2026, 5, 12);
  g_autoptr(GDate) may25 = day (2026, 5, 25);
  g_autoptr(AffMeeting) kick_off = aff_meeting_new ("R-1", AFF_MEETING_KIND_KICK_OFF, apr21, "Lancement");
  g_autoptr(AffMeeting) review = aff_meeting_new ("R-2", AFF_MEETING_KIND_PROGRESS_REVIEW, may12, "Revue");
  g_autoptr(AffHazard) hazard = aff_hazard_new ("H1", may6, AFF_HAZARD_CAUSE_SUPPLIER, "Tubes livrés non conformes");
  g_autoptr(AffHazardImpact) impact = NULL;
  g_autoptr(AffDecision) replan = aff_decision_new ("D-1", may7, "Décaler la fin des tubes de 3 jours",
                                                    "Claire Martin");
  g_autoptr(AffAction) chase = aff_action_new ("A-1", "Relancer le fournisseur", "Claire Martin", may6, may8);
  g_autoptr(AffIncident) incident = aff_incident_new ("I-1", may6, "Livraison de tubes non conformes");
  g_autoptr(AffDocument) quality = aff_document_new ("PQ-01", "Plan qualité");
  const char *delayed[] = { "T2", NULL };
  const char *management[] = { "Direction", NULL };
  g_autoptr(GError) error = NULL;

  ASSERT_OK (aff_dossier_set_distribution (dossier, AFF_REPORT_VARIANT_MANAGEMENT, management, &error));
  aff_meeting_set_minutes (kick_off, "Lancement validé");
  ASSERT_OK (aff_dossier_add_meeting (dossier, kick_off, &error));
  ASSERT_OK (aff_dossier_add_meeting (dossier, review, &error));
  if (!(gaps & STORY_NO_MINUTES))
    ASSERT_OK (aff_dossier_record_minutes (dossier, "R-2", "Avancement conforme, tubes remplacés", &error));
  ASSERT_OK (aff_dossier_add_document (dossier, quality, apr21, &error));
  ASSERT_OK (aff_dossier_issue_document (dossier, "PQ-01", apr21, &error));

  /* April: T1 runs. */
  ASSERT_OK (aff_plan_start_task (plan, "J0", apr20, &error));
  ASSERT_OK (aff_plan_finish_task (plan, "J0", apr20, &error));
  ASSERT_OK (aff_plan_start_task (plan, "T1", apr20, &error));
  {
    guint number = 1;

    invoice_due (affair, 2026, 4, 20, &number);      /* F-1, the advance */
    progress (affair, "T1", 2026, 4, 30, 5000);
    invoice_due (affair, 2026, 4, 30, &number);      /* F-2, April's situation */

    /* May: the review of 30 April; T1 ends, the inspection, the hazard. */
    cost (ledger, 2026, 4, 28, "T2", AFF_COST_CATEGORY_MATERIAL, AFF_COST_STATE_COMMITTED, "52000.00 EUR", "PO-7",
          NULL);
    cost (ledger, 2026, 5, 4, "T1", AFF_COST_CATEGORY_LABOUR, AFF_COST_STATE_ACTUAL, "45000.00 EUR", "TS-18", NULL);
    progress (affair, "T1", 2026, 5, 4, 8000);
    if (!(gaps & STORY_NO_APRIL_REPORT))
      {
        g_autoptr(GDate) apr1 = day (2026, 4, 1);
        g_autoptr(GDate) apr30 = day (2026, 4, 30);
        g_autoptr(GDate) may4 = day (2026, 5, 4);

        ASSERT_OK (aff_dossier_record_report (dossier, AFF_REPORT_VARIANT_MANAGEMENT, apr1, apr30, may4, NULL, &error));
      }
    if (!(gaps & STORY_NO_APRIL_ACTIONS))
      g_assert_cmpuint (analyse_drifts (affair, 2026, 4, 30, 2026, 5, 5), ==, 2);
    progress (affair, "T1", 2026, 5, 6, 10000);
    ASSERT_OK (aff_plan_finish_task (plan, "T1", may6, &error));
    aff_hazard_set_task_ids (hazard, delayed);
    aff_hazard_set_delay_days (hazard, 3);
    impact = aff_plan_apply_hazard (plan, hazard, &error);
    g_assert_no_error (error);
    aff_decision_set_target (replan, AFF_DECISION_TARGET_PLAN, "H1");
    ASSERT_OK (aff_dossier_add_decision (dossier, replan, &error));
    ASSERT_OK (aff_dossier_add_action (dossier, chase, &error));
    ASSERT_OK (aff_dossier_complete_action (dossier, "A-1", may7, "Tubes de remplacement commandés", &error));
    aff_incident_set_client_informed (incident, may7, "Appel");
    aff_incident_set_hazard_id (incident, "H1");
    ASSERT_OK (aff_dossier_add_incident (dossier, incident, &error));
    ASSERT_OK (aff_plan_start_task (plan, "I1", may7, &error));
    ASSERT_OK (aff_plan_finish_task (plan, "I1", may7, &error));
    aff_task_set_report_received (aff_plan_lookup_task (plan, "I1"), may11);
    ASSERT_OK (aff_plan_start_task (plan, "T2", may7, &error));
    cost (ledger, 2026, 5, 11, "T2", AFF_COST_CATEGORY_MATERIAL, AFF_COST_STATE_ACTUAL, "20000.00 EUR", "FA-991",
          "PO-7");
    cost (ledger, 2026, 5, 25, "T2", AFF_COST_CATEGORY_MATERIAL, AFF_COST_STATE_ACTUAL, "32000.00 EUR", "FA-1002",
          "PO-7");
    progress (affair, "T2", 2026, 5, 25, 10000);
    ASSERT_OK (aff_plan_finish_task (plan, "T2", may25, &error));
    ASSERT_OK (aff_dossier_close_incident (dossier, "I-1", may25, "Tubes remplacés", &error));

    /* June: the review of 31 May, May's situation and report. */
    /* The concordance gap of April lasts until May's situation: analysed
     * in April, it carries its action; otherwise it is analysed now. */
    g_assert_cmpuint (analyse_drifts (affair, 2026, 5, 31, 2026, 6, 1), ==, gaps & STORY_NO_APRIL_ACTIONS ? 1 : 0);
    invoice_due (affair, 2026, 6, 1, &number);       /* F-3, May's situation */
    {
      g_autoptr(GDate) may1 = day (2026, 5, 1);
      g_autoptr(GDate) may31 = day (2026, 5, 31);
      g_autoptr(GDate) jun3 = day (2026, 6, 3);

      ASSERT_OK (aff_dossier_record_report (dossier, AFF_REPORT_VARIANT_MANAGEMENT, may1, may31, jun3, NULL, &error));
    }
  }
  ASSERT_OK (aff_plan_schedule (plan, &error));
  (void) p;
}

static void
close_the_affair (AffAffair *affair,
                  StoryGaps  gaps)
{
  g_autoptr(GDate) jun15 = day (2026, 6, 15);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffImprovement) improvement = aff_improvement_new ("Contrôler les tubes à réception",
                                                               "H1 : tubes non conformes découverts au montage",
                                                               "Trois jours de retard évités", "Paul Martin");
  const char *tags[] = { "tuyauterie", "soudage", NULL };
  AffRex *rex;

  ASSERT_OK (aff_affair_record_acceptance (affair, jun15, FALSE, &error));
  rex = aff_affair_create_rex (affair, jun15, &error);
  g_assert_no_error (error);
  ASSERT_OK (aff_rex_add_good_practice (rex, "Inspection commune avant le lancement", &error));
  ASSERT_OK (aff_rex_add_difficulty (rex, "Tubes non conformes", "Remplacement sous 3 jours par le fournisseur",
                                     &error));
  if (!(gaps & STORY_NO_IMPROVEMENT))
    ASSERT_OK (aff_rex_add_improvement (rex, improvement, &error));
  ASSERT_OK (aff_rex_set_tags (rex, tags, &error));
  ASSERT_OK (aff_rex_validate (rex, jun15, &error));
  ASSERT_OK (aff_affair_close (affair, jun15, &error));
}

/* The story, with the gaps asked for. */
static AffPortfolio *
new_story (StoryGaps   gaps,
           AffAffair **affair)
{
  AffPortfolio *p = new_base_portfolio ();
  AffClient *acme = aff_portfolio_lookup_client (p, "acme");
  g_autoptr(AffOffer) offer = aff_offer_new ("OFF-1", "CONS-1");
  g_autoptr(GDate) feb20 = day (2026, 2, 20);
  g_autoptr(GDate) validity = day (2026, 6, 30);
  g_autoptr(GDate) signed_on = day (2026, 4, 20);
  g_autoptr(AffMoney) contingency = money ("5000.00 EUR");
  g_autoptr(AffMoney) price = money ("125000.00 EUR");
  g_autoptr(AffSolvency) solvency = aff_solvency_new (feb20);
  g_autoptr(AffRisk) risk = aff_risk_new ("Tubes non conformes", AFF_RISK_CATEGORY_TECHNICAL, 4, 5);
  AffOfferRevision *rev;

  /* Z' = 0.717 × 0.2 + 0.847 × 0.3 + 3.107 × 0.1 + 0.420 × 0.8 + 0.998 × 2
   * = 3.04: SAFE. */
  ASSERT_OK (aff_client_set_sector (acme, "28.29B", &error));
  set_figure (solvency, aff_solvency_set_working_capital, "200000.00 EUR");
  set_figure (solvency, aff_solvency_set_retained_earnings, "300000.00 EUR");
  set_figure (solvency, aff_solvency_set_ebit, "100000.00 EUR");
  set_figure (solvency, aff_solvency_set_book_equity, "400000.00 EUR");
  set_figure (solvency, aff_solvency_set_total_liabilities, "500000.00 EUR");
  set_figure (solvency, aff_solvency_set_total_assets, "1000000.00 EUR");
  set_figure (solvency, aff_solvency_set_sales, "2000000.00 EUR");
  aff_solvency_set_validated_by (solvency, "Service financier");
  ASSERT_OK (aff_client_add_solvency (acme, solvency, &error));
  interact (p, AFF_INTERACTION_KIND_VISIT, 2026, 2, 16, "Visite de l'unité 3", -1);

  add_consultation_full (p, "CONS-1", "acme", AFF_REGULATORY_FLAGS_NONE, FALSE, TRUE);
  aff_risk_set_treatment (risk, AFF_RISK_TREATMENT_REDUCE);
  aff_risk_set_owner (risk, "Paul Martin");
  ASSERT_OK (aff_risk_register_add_risk (aff_consultation_get_risk_register (aff_portfolio_lookup_consultation (p, "CONS-1")),
                                         risk, &error));

  ASSERT_OK (aff_portfolio_add_offer (p, offer, &error));
  rev = aff_offer_get_current_revision (offer);
  add_cost_line (rev, AFF_LINE_KIND_LABOUR, "Montage", "500", AFF_LINE_UNIT_HOUR, "100.00 EUR", "T1");
  add_cost_line (rev, AFF_LINE_KIND_MATERIAL, "Tubes", "1", AFF_LINE_UNIT_LUMP_SUM, "50000.00 EUR", "T2");
  for (guint k = AFF_LINE_KIND_LABOUR; k <= AFF_LINE_KIND_OTHER; k++)
    ASSERT_OK (aff_offer_revision_set_overhead_rate (rev, k, 0, &error));
  ASSERT_OK (aff_offer_revision_set_contingency (rev, contingency, &error));
  ASSERT_OK (aff_offer_revision_set_selling_price (rev, price, &error));
  ASSERT_OK (aff_offer_revision_set_validity (rev, validity, &error));
  ASSERT_OK (aff_offer_revision_set_vat_rate (rev, 2000, &error));
  ASSERT_OK (aff_offer_revision_set_billing (rev, 3000, TRUE, 500, &error));
  ASSERT_OK (aff_offer_revision_set_payment_terms (rev, 45, TRUE, &error));
  send (offer, 2026, 4, 1);
  if (!(gaps & STORY_NO_REMINDER_CALL))
    interact (p, AFF_INTERACTION_KIND_CALL, 2026, 4, 13, "Relance de l'offre OFF-1", -1);
  ASSERT_OK (aff_offer_accept (offer, signed_on, "CT-2026-017", &error));
  *affair = aff_portfolio_lookup_affair (p, "OFF-1");
  g_assert_nonnull (*affair);

  plan_the_work (*affair, gaps);
  follow_the_work (p, *affair, gaps);
  close_the_affair (*affair, gaps);
  if (!(gaps & STORY_NO_SURVEY))
    interact (p, AFF_INTERACTION_KIND_SURVEY, 2026, 6, 22, "Enquête de fin d'affaire", 9);
  return p;
}

static void
print_audit (AffAudit *audit)
{
  g_autoptr(GPtrArray) criteria = aff_audit_get_criteria (audit);

  for (guint i = 0; i < criteria->len; i++)
    {
      const AffAuditCriterion *c = g_ptr_array_index (criteria, i);
      g_autofree char *e = g_strjoinv (" | ", (char **) aff_audit_criterion_get_evidence (c));
      g_autofree char *m = g_strjoinv (" | ", (char **) aff_audit_criterion_get_missing (c));

      g_test_message ("%-20s %d  E: %s", aff_audit_criterion_get_id (c), aff_audit_criterion_get_status (c), e);
      g_test_message ("%24s M: %s", "", m);
    }
}

static const AffAuditCriterion *
criterion (AffAudit       *audit,
           const char     *id,
           AffAuditStatus  status)
{
  const AffAuditCriterion *found = aff_audit_lookup_criterion (audit, id);

  g_assert_nonnull (found);
  if (aff_audit_criterion_get_status (found) != status)
    g_error ("%s: status %d, not %d", id, aff_audit_criterion_get_status (found), status);
  return found;
}

/* @lines, "|"-separated, are exactly @strings. */
static void
assert_lines (const char *const *strings,
              const char        *lines)
{
  g_autofree char *joined = g_strjoinv ("|", (char **) strings);

  g_assert_cmpstr (joined, ==, lines);
}

static void
assert_evidence_has (AffAudit   *audit,
                     const char *id,
                     const char *line)
{
  const char *const *evidence = aff_audit_criterion_get_evidence (aff_audit_lookup_criterion (audit, id));

  if (!g_strv_contains (evidence, line))
    {
      g_autofree char *all = g_strjoinv ("\n", (char **) evidence);

      g_error ("%s: no evidence “%s” in:\n%s", id, line, all);
    }
}

static void
test_complete (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_story (STORY_COMPLETE, &affair);
  g_autoptr(GDate) jun30 = day (2026, 6, 30);
  g_autoptr(GDate) apr19 = day (2026, 4, 19);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffAudit) audit = aff_portfolio_audit_affair (p, "OFF-1", jun30, &error);
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(AffMoney) final = money ("28000.00 EUR");
  g_autofree char *final_text = aff_money_format (final, "fr");
  g_autofree char *budget = NULL, *closed = NULL;
  guint i, score;

  g_assert_no_error (error);
  print_audit (audit);
  g_assert_cmpstr (aff_audit_get_affair_id (audit), ==, "OFF-1");
  assert_date (aff_audit_get_date (audit), 2026, 6, 30);

  /* The referential's 31 criteria, seven capabilities in order, all met. */
  criteria = aff_audit_get_criteria (audit);
  g_assert_cmpuint (criteria->len, ==, 31);
  for (i = 0; i < criteria->len; i++)
    {
      const AffAuditCriterion *c = g_ptr_array_index (criteria, i);

      if (aff_audit_criterion_get_status (c) != AFF_AUDIT_STATUS_MET)
        g_error ("%s is not met", aff_audit_criterion_get_id (c));
      g_assert_null (aff_audit_criterion_get_missing (c)[0]);
      g_assert_nonnull (aff_audit_criterion_get_evidence (c)[0]);
      if (i > 0)
        g_assert_cmpint (aff_audit_criterion_get_capability (c), >=,
                         aff_audit_criterion_get_capability (g_ptr_array_index (criteria, i - 1)));
    }
  g_assert_cmpint (aff_audit_criterion_get_capability (g_ptr_array_index (criteria, 0)), ==, AFF_CAPABILITY_CLIENTS);
  g_assert_cmpint (aff_audit_criterion_get_capability (g_ptr_array_index (criteria, 30)), ==, AFF_CAPABILITY_REX);
  g_assert_cmpuint (aff_audit_count (audit, AFF_AUDIT_STATUS_MET), ==, 31);
  g_assert_cmpuint (aff_audit_get_score (audit), ==, 100);
  for (i = AFF_CAPABILITY_CLIENTS; i <= AFF_CAPABILITY_REX; i++)
    {
      g_assert_true (aff_audit_get_capability_score (audit, i, &score));
      g_assert_cmpuint (score, ==, 100);
    }

  /* The evidence names what was found, with the journal entries. */
  assert_evidence_has (audit, "solvency", "Analyse de solvabilité du 20 février 2026 : saine (journal n° 4)");
  assert_evidence_has (audit, "offer-compliant", "Marge de 16,00\u00a0% pour un plancher de 8,00\u00a0%");
  assert_evidence_has (audit, "offer-follow-up", "Relance due le 11 avril 2026 faite");
  assert_evidence_has (audit, "prevention-plan",
                       "Plan de prévention requis : T1 (Montage) sur le site, travaux par points chauds");
  assert_evidence_has (audit, "roles", "3 tâche(s) sur 3 avec un responsable (journal n° 22, 28, 31)");
  assert_evidence_has (audit, "satisfaction-survey", "Enquête de satisfaction du 22 juin 2026 : 9 / 10");
  assert_evidence_has (audit, "drifts", "Action corrective du 5 mai 2026 (SPI) : Analysé en revue mensuelle — "
                                        "Plan d'action suivi en réunion");
  assert_evidence_has (audit, "concordance", "Avancement physique 100,0 %, coûts 100,0 %, facturation 100,0 % : "
                                             "concordants");
  assert_evidence_has (audit, "billing", "3 facture(s) émise(s) (journal n° 54, 56, 88)");
  assert_evidence_has (audit, "rex-content", "1 difficulté(s) avec leur solution");
  budget = g_strdup_printf ("Marge finale %s (22,40\u00a0%%) pour 16,00\u00a0%% à l'offre, écart de +6,40 points",
                            final_text);
  assert_evidence_has (audit, "budget", budget);
  closed = g_strdup_printf ("Affaire clôturée le 15 juin 2026, marge finale %s (journal n° 97)", final_text);
  assert_evidence_has (audit, "close-out", closed);

  /* Auditing changes nothing. */
  g_assert_cmpuint (aff_journal_get_n_entries (aff_portfolio_get_journal (p)), ==, 98);

  /* The affair is named; a day before the signature is refused. */
  g_assert_null (aff_portfolio_audit_affair (p, "OFF-9", jun30, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "OFF-9"));
  g_clear_error (&error);
  g_assert_null (aff_portfolio_audit_affair (p, "OFF-1", apr19, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "OFF-1"));
  g_clear_error (&error);
}

static void
test_gaps (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_story (STORY_GAPS, &affair);
  g_autoptr(GDate) jun30 = day (2026, 6, 30);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffAudit) audit = aff_portfolio_audit_affair (p, "OFF-1", jun30, &error);

  g_assert_no_error (error);
  print_audit (audit);

  /* Each gap the story left is named; the rest is met. */
  assert_lines (aff_audit_criterion_get_missing (criterion (audit, "client-follow-up", AFF_AUDIT_STATUS_PARTIAL)),
                "Contact dû le 18 mars 2026, non fait");
  assert_lines (aff_audit_criterion_get_evidence (aff_audit_lookup_criterion (audit, "client-follow-up")),
                "Dernier contact le 16 février 2026");
  assert_lines (aff_audit_criterion_get_missing (criterion (audit, "satisfaction-survey", AFF_AUDIT_STATUS_MISSING)),
                "Aucune enquête de satisfaction depuis la réception du 15 juin 2026");
  assert_lines (aff_audit_criterion_get_missing (criterion (audit, "offer-follow-up", AFF_AUDIT_STATUS_PARTIAL)),
                "Relance due le 11 avril 2026 sans contact avec le client avant la signature");
  assert_lines (aff_audit_criterion_get_missing (criterion (audit, "meetings", AFF_AUDIT_STATUS_PARTIAL)),
                "Compte rendu de la réunion R-2 du 12 mai 2026 non rédigé : attendu sous 7 jours");
  assert_lines (aff_audit_criterion_get_missing (criterion (audit, "roles", AFF_AUDIT_STATUS_PARTIAL)),
                "T2 (Tubes) : aucun responsable (R)");
  assert_lines (aff_audit_criterion_get_missing (criterion (audit, "reports", AFF_AUDIT_STATUS_PARTIAL)),
                "Rapport de gestion de la période du 1er avril 2026 au 30 avril 2026 non envoyé : la politique "
                "demande un rapport par période, 5 jours après sa fin au plus tard");
  /* On 30 April T1 is 50 % done: EV 25 000 for a PV of 9 of its 10
   * working days, 45 000: SPI 0.556; physical progress 25 %, no actual
   * cost yet, April's situation 31 250 of 125 000 billed: 25 %. The
   * concordance drift is analysed on 1 June only, after the report was
   * due (5 May). */
  assert_lines (aff_audit_criterion_get_missing (criterion (audit, "drifts", AFF_AUDIT_STATUS_MISSING)),
                "Au 30 avril 2026 : SPI de 0,556, sous le seuil de 0,900 — sans action corrective|"
                "Au 30 avril 2026 : Avancements discordants : physique 25,0 %, coûts 0,0 %, facturation 25,0 %, "
                "écart de 25,0 points au-delà de 10,0 — sans action corrective");
  assert_lines (aff_audit_criterion_get_missing (criterion (audit, "improvements", AFF_AUDIT_STATUS_MISSING)),
                "Aucune proposition d'amélioration");
  criterion (audit, "go-no-go", AFF_AUDIT_STATUS_MET);
  criterion (audit, "close-out", AFF_AUDIT_STATUS_MET);
  criterion (audit, "rex", AFF_AUDIT_STATUS_MET);

  /* 23 met, 5 partial, 3 missing: (2 × 23 + 5) / (2 × 31) = 82.26 %. */
  g_assert_cmpuint (aff_audit_count (audit, AFF_AUDIT_STATUS_MET), ==, 23);
  g_assert_cmpuint (aff_audit_count (audit, AFF_AUDIT_STATUS_PARTIAL), ==, 5);
  g_assert_cmpuint (aff_audit_count (audit, AFF_AUDIT_STATUS_MISSING), ==, 3);
  g_assert_cmpuint (aff_audit_count (audit, AFF_AUDIT_STATUS_NOT_APPLICABLE), ==, 0);
  g_assert_cmpuint (aff_audit_get_score (audit), ==, 82);
  /* Clients: 4 met, a partial, a missing: 9 / 12 = 75 %. */
  {
    guint score;

    g_assert_true (aff_audit_get_capability_score (audit, AFF_CAPABILITY_CLIENTS, &score));
    g_assert_cmpuint (score, ==, 75);
  }
}

/* Saved and loaded, the dossier audits the same: the schedule, which the
 * document does not keep, is computed again. */
static void
test_reloaded (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_story (STORY_GAPS, &affair);
  g_autoptr(AffPortfolio) q = NULL;
  g_autoptr(GDate) jun30 = day (2026, 6, 30);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffAudit) before = aff_portfolio_audit_affair (p, "OFF-1", jun30, &error);
  g_autoptr(AffAudit) after = NULL;
  g_autofree char *data = NULL, *text_before = NULL, *text_after = NULL;

  g_assert_no_error (error);
  data = aff_portfolio_to_data (p, NULL);
  q = aff_portfolio_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  g_assert_false (aff_plan_is_scheduled (aff_affair_get_plan (aff_portfolio_lookup_affair (q, "OFF-1"))));
  after = aff_portfolio_audit_affair (q, "OFF-1", jun30, &error);
  g_assert_no_error (error);
  text_before = aff_audit_render (before, AFF_DOCUMENT_FORMAT_MARKDOWN);
  text_after = aff_audit_render (after, AFF_DOCUMENT_FORMAT_MARKDOWN);
  g_assert_cmpstr (text_after, ==, text_before);
  g_assert_cmpuint (aff_audit_get_score (after), ==, 82);
}

/* Before the acceptance, on 12 May: what cannot be due yet does not
 * apply and does not count. */
static void
test_in_progress (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_story (STORY_COMPLETE, &affair);
  g_autoptr(GDate) may12 = day (2026, 5, 12);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffAudit) audit = aff_portfolio_audit_affair (p, "OFF-1", may12, &error);
  const char *not_accepted = "La prestation n'est pas encore réceptionnée.";
  guint score = 0;

  g_assert_no_error (error);
  print_audit (audit);
  assert_lines (aff_audit_criterion_get_evidence (criterion (audit, "satisfaction-survey",
                                                             AFF_AUDIT_STATUS_NOT_APPLICABLE)), not_accepted);
  assert_lines (aff_audit_criterion_get_evidence (criterion (audit, "close-out", AFF_AUDIT_STATUS_NOT_APPLICABLE)),
                not_accepted);
  criterion (audit, "rex", AFF_AUDIT_STATUS_NOT_APPLICABLE);
  criterion (audit, "rex-content", AFF_AUDIT_STATUS_NOT_APPLICABLE);
  criterion (audit, "improvements", AFF_AUDIT_STATUS_NOT_APPLICABLE);
  g_assert_cmpuint (aff_audit_count (audit, AFF_AUDIT_STATUS_NOT_APPLICABLE), ==, 5);
  g_assert_false (aff_audit_get_capability_score (audit, AFF_CAPABILITY_REX, &score));

  /* What happened by then counts, nothing after: the survey of 22 June,
   * the May report, the invoices of June. */
  assert_lines (aff_audit_criterion_get_evidence (criterion (audit, "commercial-actions", AFF_AUDIT_STATUS_MET)),
                "2 interaction(s) avec ACME Industrie, la dernière le 13 avril 2026 (journal n° 5, 15)");
  assert_lines (aff_audit_criterion_get_evidence (criterion (audit, "reports", AFF_AUDIT_STATUS_MET)),
                "1 rapport(s) transmis (journal n° 60)");
  assert_evidence_has (audit, "billing", "2 facture(s) émise(s) (journal n° 54, 56)");
  assert_evidence_has (audit, "dashboard", "3 ligne(s) de coûts au grand livre (journal n° 57, 58, 81)");
  criterion (audit, "hazards", AFF_AUDIT_STATUS_MET);

  /* The review of 30 April was analysed on 5 May; but since 11 May the
   * 20 000 of FA-991 put AC at 65 000 for an EV of 50 000 (T1 done, T2 not
   * measured): CPI 0.769, EAC 100 000 / 0.769 = 130 000, a margin at
   * completion of 125 000 − 130 000 − 5 000 of contingency = −10 000
   * (−8.00 %, 24 points under the offer's 16 %, under the 8 % floor);
   * cost progress 65 000 / 130 000 = 50 % against 25 % billed. Nobody
   * has analysed that yet. */
  assert_lines (aff_audit_criterion_get_missing (criterion (audit, "drifts", AFF_AUDIT_STATUS_PARTIAL)),
                "Au 12 mai 2026 : CPI de 0,769, sous le seuil de 0,950 — sans action corrective|"
                "Au 12 mai 2026 : Taux de marge à terminaison en baisse de 24,00 points sur l'offre, au-delà de "
                "2,00 — sans action corrective");
  assert_lines (aff_audit_criterion_get_missing (criterion (audit, "concordance", AFF_AUDIT_STATUS_PARTIAL)),
                "Avancement physique 50,0 %, coûts 50,0 %, facturation 25,0 % : écart au-delà de la tolérance");
  {
    g_autoptr(AffMoney) loss = money ("-10000.00 EUR");
    g_autofree char *amount = aff_money_format (loss, "fr");
    g_autofree char *line = g_strdup_printf ("Marge à terminaison %s (-8,00\u00a0%%) pour 16,00\u00a0%% à l'offre, "
                                             "écart de -24,00 points", amount);

    assert_lines (aff_audit_criterion_get_missing (criterion (audit, "budget", AFF_AUDIT_STATUS_MISSING)), line);
  }
}

/* The audit with its gaps, as a trainer reads it; the golden file was
 * checked against the story above. */
static void
test_render (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_story (STORY_GAPS, &affair);
  g_autoptr(GDate) jun30 = day (2026, 6, 30);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffAudit) audit = aff_portfolio_audit_affair (p, "OFF-1", jun30, &error);
  g_autoptr(AffAudit) english = NULL;
  g_autofree char *markdown = NULL, *html = NULL, *expected = golden ("audit-fr.md"), *text = NULL;

  g_assert_no_error (error);
  markdown = aff_audit_render (audit, AFF_DOCUMENT_FORMAT_MARKDOWN);
  if (g_strcmp0 (markdown, expected) != 0)
    g_test_message ("%s", markdown);
  g_assert_cmpstr (markdown, ==, expected);

  html = aff_audit_render (audit, AFF_DOCUMENT_FORMAT_HTML);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, "<h2>4. Coordonner les interventions internes et externes — 75 / 100</h2>"));
  g_assert_nonnull (strstr (html, "<td>T2 (Tubes) : aucun responsable (R)</td>"));

  /* In the policy's language. */
  ASSERT_OK (aff_policy_set_language (aff_portfolio_get_policy (p), "en", &error));
  english = aff_portfolio_audit_affair (p, "OFF-1", jun30, &error);
  g_assert_no_error (error);
  assert_lines (aff_audit_criterion_get_missing (aff_audit_lookup_criterion (english, "roles")),
                "T2 (Tubes): no one responsible (R)");
  text = aff_audit_render (english, AFF_DOCUMENT_FORMAT_MARKDOWN);
  g_assert_nonnull (strstr (text, "# Audit of the dossier of affair OFF-1\n"));
  g_assert_nonnull (strstr (text, "Score: 82 / 100; 23 criteria met, 5 partial, 3 missing, 0 not applicable."));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/audit/complete", test_complete);
  g_test_add_func ("/audit/gaps", test_gaps);
  g_test_add_func ("/audit/in-progress", test_in_progress);
  g_test_add_func ("/audit/reloaded", test_reloaded);
  g_test_add_func ("/audit/render", test_render);
  return g_test_run ();
}
