/* test-management-plan.c: the project management plan of an affair
 * (AffAffair.render_management_plan)
 *
 * The scenario (the same in tests/python/test_management_plan.py and
 * tests/js/testManagementPlan.js): replacing the tube bundle of heat
 * exchanger E-101 for the client raffinerie-rhone, over Easter 2027.
 *
 * The sale:
 *   consultation AO-2027-003 "Remplacement du faisceau de l’échangeur E-101",
 *   received 2027-01-04, deadline 2027-01-22, site "Raffinerie du Rhône,
 *   Feyzin", dangerous work at height, hot work and lifting; qualified
 *   2027-01-05, evaluated 2027-01-07, decided GO. Its risk register:
 *     RISK-1 "Retard de fabrication du faisceau", schedule, 3 x 4 = 12 (high:
 *       10 <= 12 < 16), exposure 6 000,00 €, reduce, Marc Petit, review
 *       1 March 2027, named by ACH;
 *     RISK-2 "Corrosion de la calandre découverte au démontage", technical,
 *       2 x 5 = 10 (high), exposure 15 000,00 €, share, Claire Martin,
 *       named by REM;
 *     RISK-3 "Chute de hauteur au montage de l’échafaudage", safety,
 *       2 x 4 = 8 (medium: 5 <= 8 < 10), reduce, Paul Girard, named by ECH.
 *   Listed the most critical first: RISK-1 (12), RISK-2 (10), RISK-3 (8).
 *   Offer OF-2027-005, revision A, sent 2027-01-20 and accepted 2027-02-01
 *   as contract CT-2027-042, default policy overheads:
 *     labour 252 h x 55.00 = 13 860.00, overheads 30 % = 4 158.00
 *     material "Faisceau tubulaire inox 316L" 38 000.00, overheads 10 % = 3 800.00
 *     subcontract "Échafaudage et épreuve" 5 700.00, overheads 8 % = 456.00
 *     contingency 2 000.00; cost price 13 860 + 38 000 + 5 700 + 8 414
 *     + 2 000 = 67 974.00; margin 15 %: 6 797 400 / 0.85 = 7 996 941.18
 *     cents -> 79 969,41 € excl. VAT. Lead time 80 working days.
 *
 * The calendar: French; 2027 has Easter Monday 29 March, Ascension
 * Thursday 6 May and Whit Monday 17 May in the period (1 and 8 May are
 * Saturdays). Working days a month: February from the 2nd 19, March 22
 * (29 off), April 22, May 1-11 6 (3, 4, 5, 7, 10, 11), May 12-27 11
 * (12-14, 18-21, 24-27).
 *
 * The plan starts on the signed date, Monday 1 February 2027; the contract
 * ends 80 working days after it: 19 + 22 + 22 = 63 by 30 April, then 3, 4,
 * 5, 7, 10, 11 (69), 12, 13, 14 (72), 18, 19, 20, 21 (76), 24, 25, 26, 27
 * (80): Thursday 27 May 2027.
 *
 *   id    kind           party (name)                        days  links
 *   J0    milestone      client Raffinerie du Rhône           0
 *   REV   design review  internal                             5    J0 FS
 *   ACH   purchase       supplier Tubes et Échangeurs de Lyon 30   REV FS
 *   LIV   milestone      supplier (same)                      0    ACH FS
 *   CONS  intervention   client, Chaufferie B                 2    J0 FS, starts no earlier than 22 Mar
 *   ECH   subcontract    Échafaudages Martin & Fils, Ch. B    4    CONS SS
 *   REM   intervention   internal, Chaufferie B               6    ECH FS, LIV FS
 *   EPR   inspection     Bureau de contrôle Sud-Est, Ch. B    1    REM FS
 *   MES   intervention   internal, Chaufferie B               2    EPR FS lag 2
 *   DOE   task           internal                             3    EPR FS
 *   SUIVI task           client                               20   MES FS
 *   J1    milestone      client                               0    SUIVI FS, DOE FS
 *
 * The schedule, by hand:
 *   J0 1 Feb (no predecessor: the plan's first day). REV 1-5 Feb.
 *   ACH 30 d from Mon 8 Feb: 8-12, 15-19, 22-26 Feb, 1-5, 8-12, 15-19 Mar:
 *   finishes Fri 19 Mar. LIV 19 Mar. CONS 22-23 Mar. ECH 22-25 Mar.
 *   REM from Fri 26 Mar: 26, 30, 31 Mar, 1, 2, 5 Apr (Easter Monday off):
 *   finishes 5 Apr. EPR 6 Apr. MES: the day after EPR is 7 Apr, plus 2
 *   working days: 9 Apr; 9, 12 Apr. DOE 7-9 Apr. SUIVI from 13 Apr: 13-16,
 *   19-23, 26-30 Apr (14), 3, 4, 5, 7 (Ascension off), 10, 11 May (20):
 *   finishes 11 May. J1 11 May = the plan's finish; 11 May to 27 May leaves
 *   11 working days to the contractual end.
 *   Late dates from 11 May: SUIVI, MES, EPR, REM, ECH are critical; CONS
 *   too (ECH starts with it). REM starts 26 Mar at the latest, so LIV may
 *   be as late as 25 Mar: total float 22, 23, 24, 25 = 4; ACH finishes 25
 *   Mar at the latest, so starts 30 working days before: 12 Feb (order by
 *   12 Feb, float 4); REV then finishes by 11 Feb, float 4; J0 float 4.
 *   DOE may finish 11 May: late start 7 May (7, 10, 11), total float from
 *   7 Apr to 7 May = 21 working days (7-9, 12-16, 19-23, 26-30 Apr, 3-5 May).
 *   Critical path by early start: CONS, ECH, REM, EPR, MES, SUIVI, J1.
 *
 * Inspection EPR: report within 3 working days of 6 Apr: 7, 8, 9 Apr, due
 * 9 Apr, the day MES (which needs it) starts: too late, by 0 days.
 * Monthly reports: first working days of March, April and May 2027 up to
 * 11 May: Mon 1 Mar, Thu 1 Apr, Mon 3 May (1 May Saturday).
 * Co-activity: CONS (client) and ECH (subcontractor) share Chaufferie B on
 * 22-23 Mar. On-site hours of the company and its subcontractors: ECH 64 +
 * REM 84 + EPR 7 + MES 14 = 169 h, under 400; the plan is required for the
 * dangerous work of ECH (at height) and REM (hot work, lifting).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <locale.h>
#include <string.h>

#include <affaires.h>

#include "test-offer-util.h"

#define AFFAIR "OF-2027-005"
#define CLIENT_NAME "Raffinerie du Rhône"
#define SUPPLIER "Tubes et Échangeurs de Lyon"
#define SCAFFOLDER "Échafaudages Martin & Fils"
#define BODY "Bureau de contrôle Sud-Est"
#define ZONE "Chaufferie B"

typedef struct
{
  const char *id, *name;
  guint days;
  AffTaskKind kind;
  AffParty party;
  const char *party_name, *zone, *deliverable;
  guint effort_hours;
} Spec;

static const Spec specs[] = {
  { "J0", "Ordre de service", 0, AFF_TASK_KIND_MILESTONE, AFF_PARTY_CLIENT, CLIENT_NAME, NULL, NULL, 0 },
  { "REV", "Revue de conception du faisceau", 5, AFF_TASK_KIND_DESIGN_REVIEW, AFF_PARTY_INTERNAL, NULL, NULL,
    "Plans et mode opératoire de soudage approuvés", 0 },
  { "ACH", "Fabrication du faisceau tubulaire", 30, AFF_TASK_KIND_PURCHASE, AFF_PARTY_SUPPLIER, SUPPLIER, NULL, NULL, 0 },
  { "LIV", "Faisceau livré sur site", 0, AFF_TASK_KIND_MILESTONE, AFF_PARTY_SUPPLIER, SUPPLIER, NULL, NULL, 0 },
  { "CONS", "Consignation et vidange de l’échangeur", 2, AFF_TASK_KIND_INTERVENTION, AFF_PARTY_CLIENT, CLIENT_NAME,
    ZONE, NULL, 16 },
  { "ECH", "Échafaudage et décalorifugeage", 4, AFF_TASK_KIND_SUBCONTRACT, AFF_PARTY_SUBCONTRACTOR, SCAFFOLDER,
    ZONE, NULL, 64 },
  { "REM", "Remplacement du faisceau tubulaire", 6, AFF_TASK_KIND_INTERVENTION, AFF_PARTY_INTERNAL, NULL, ZONE,
    "Échangeur E-101 remis en état", 84 },
  { "EPR", "Épreuve hydraulique", 1, AFF_TASK_KIND_INSPECTION, AFF_PARTY_INSPECTION_BODY, BODY, ZONE,
    "Dossier des ouvrages exécutés", 7 },
  { "MES", "Remise en service et essais", 2, AFF_TASK_KIND_INTERVENTION, AFF_PARTY_INTERNAL, NULL, ZONE,
    "Procès-verbal de remise en service", 14 },
  { "DOE", "Dossier des ouvrages exécutés", 3, AFF_TASK_KIND_TASK, AFF_PARTY_INTERNAL, NULL, NULL,
    "Dossier des ouvrages exécutés", 0 },
  { "SUIVI", "Marche probatoire", 20, AFF_TASK_KIND_TASK, AFF_PARTY_CLIENT, CLIENT_NAME, NULL, NULL, 0 },
  { "J1", "Réception", 0, AFF_TASK_KIND_MILESTONE, AFF_PARTY_CLIENT, CLIENT_NAME, NULL, NULL, 0 },
};

typedef struct
{
  const char *pred, *succ;
  AffDependencyType type;
  int lag;
} Link;

static const Link links[] = {
  { "J0", "REV", AFF_DEPENDENCY_TYPE_FINISH_START, 0 },
  { "REV", "ACH", AFF_DEPENDENCY_TYPE_FINISH_START, 0 },
  { "ACH", "LIV", AFF_DEPENDENCY_TYPE_FINISH_START, 0 },
  { "J0", "CONS", AFF_DEPENDENCY_TYPE_FINISH_START, 0 },
  { "CONS", "ECH", AFF_DEPENDENCY_TYPE_START_START, 0 },
  { "ECH", "REM", AFF_DEPENDENCY_TYPE_FINISH_START, 0 },
  { "LIV", "REM", AFF_DEPENDENCY_TYPE_FINISH_START, 0 },
  { "REM", "EPR", AFF_DEPENDENCY_TYPE_FINISH_START, 0 },
  { "EPR", "MES", AFF_DEPENDENCY_TYPE_FINISH_START, 2 },
  { "EPR", "DOE", AFF_DEPENDENCY_TYPE_FINISH_START, 0 },
  { "MES", "SUIVI", AFF_DEPENDENCY_TYPE_FINISH_START, 0 },
  { "SUIVI", "J1", AFF_DEPENDENCY_TYPE_FINISH_START, 0 },
  { "DOE", "J1", AFF_DEPENDENCY_TYPE_FINISH_START, 0 },
};

typedef struct
{
  const char *task, *person;
  AffRaciRole role;
} Raci;

static const Raci roles[] = {
  { "REV", "Émilie Roux", AFF_RACI_ROLE_RESPONSIBLE },
  { "REV", "Claire Martin", AFF_RACI_ROLE_ACCOUNTABLE },
  { "REV", "Jean Durand", AFF_RACI_ROLE_CONSULTED },
  { "ACH", "Marc Petit", AFF_RACI_ROLE_RESPONSIBLE },
  { "ACH", "Claire Martin", AFF_RACI_ROLE_ACCOUNTABLE },
  { "ACH", "Paul Girard", AFF_RACI_ROLE_INFORMED },
  { "ECH", "Paul Girard", AFF_RACI_ROLE_ACCOUNTABLE },
  { "ECH", "Claire Martin", AFF_RACI_ROLE_INFORMED },
  { "REM", "Paul Girard", AFF_RACI_ROLE_RESPONSIBLE },
  { "REM", "Claire Martin", AFF_RACI_ROLE_ACCOUNTABLE },
  { "REM", "Émilie Roux", AFF_RACI_ROLE_CONSULTED },
  { "EPR", "Émilie Roux", AFF_RACI_ROLE_RESPONSIBLE },
  { "EPR", "Claire Martin", AFF_RACI_ROLE_ACCOUNTABLE },
  { "MES", "Paul Girard", AFF_RACI_ROLE_RESPONSIBLE },
  { "MES", "Claire Martin", AFF_RACI_ROLE_ACCOUNTABLE },
  { "MES", "Jean Durand", AFF_RACI_ROLE_INFORMED },
  { "DOE", "Émilie Roux", AFF_RACI_ROLE_RESPONSIBLE },
  { "DOE", "Claire Martin", AFF_RACI_ROLE_ACCOUNTABLE },
  { "J1", "Claire Martin", AFF_RACI_ROLE_RESPONSIBLE },
  { "J1", "Jean Durand", AFF_RACI_ROLE_ACCOUNTABLE },
};

static void
add_risk (AffRiskRegister  *reg,
          const char       *title,
          AffRiskCategory   category,
          guint             probability,
          guint             impact,
          const char       *exposure,
          AffRiskTreatment  treatment,
          const char       *owner,
          GDate            *review)
{
  g_autoptr(AffRisk) risk = aff_risk_new (title, category, probability, impact);

  if (exposure != NULL)
    {
      g_autoptr(AffMoney) m = money (exposure);
      aff_risk_set_exposure (risk, m);
    }
  aff_risk_set_treatment (risk, treatment);
  aff_risk_set_owner (risk, owner);
  aff_risk_set_review_date (risk, review);
  ASSERT_OK (aff_risk_register_add_risk (reg, risk, &error));
}

/* The portfolio up to the accepted offer: transfer full. */
static AffPortfolio *
sell (void)
{
  AffPortfolio *p = aff_portfolio_new ();
  AffPolicy *policy = aff_portfolio_get_policy (p);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 2, 1, 8, 0, 0);
  g_autoptr(AffClient) client = aff_client_new ("raffinerie-rhone", CLIENT_NAME);
  g_autoptr(GDate) received = day (2027, 1, 4), deadline = day (2027, 1, 22);
  g_autoptr(GDate) qualified = day (2027, 1, 5), evaluated = day (2027, 1, 7);
  g_autoptr(GDate) sent = day (2027, 1, 20), validity = day (2027, 3, 31), signed_on = day (2027, 2, 1);
  g_autoptr(GDate) review = day (2027, 3, 1);
  g_autoptr(AffConsultation) k = aff_consultation_new ("AO-2027-003", "raffinerie-rhone",
                                                       "Remplacement du faisceau de l’échangeur E-101",
                                                       received, deadline);
  g_autoptr(AffOffer) offer = aff_offer_new (AFFAIR, "AO-2027-003");
  g_autoptr(AffBidEvaluation) evaluation = NULL;
  g_autoptr(AffMoney) contingency = money ("2000.00 EUR");
  g_autoptr(GError) local_error = NULL;
  const char *activities[] = { "pipework", NULL };
  AffRiskRegister *reg;
  AffOfferRevision *rev;

  aff_portfolio_set_actor (p, "Claire Martin");
  aff_portfolio_set_fixed_time (p, now);
  aff_policy_set_activities (policy, activities);
  ASSERT_OK (aff_policy_set_presentation (policy, "company-name", "Tuyauteries du Rhône", &error));
  ASSERT_OK (aff_portfolio_add_client (p, client, &error));

  aff_consultation_set_activities (k, activities);
  aff_consultation_set_site (k, "Raffinerie du Rhône, Feyzin");
  aff_consultation_set_regulatory_flags (k, AFF_REGULATORY_FLAGS_WORK_AT_HEIGHT | AFF_REGULATORY_FLAGS_HOT_WORK |
                                            AFF_REGULATORY_FLAGS_LIFTING);
  ASSERT_OK (aff_portfolio_add_consultation (p, k, &error));
  ASSERT_OK (aff_consultation_start_qualification (k, qualified, "analysis", &error));
  evaluation = aff_portfolio_evaluate_consultation (p, "AO-2027-003", evaluated, &local_error);
  g_assert_no_error (local_error);
  ASSERT_OK (aff_portfolio_decide_consultation (p, "AO-2027-003", AFF_BID_VERDICT_GO, "Direction",
                                                "client stratégique", &error));
  reg = aff_consultation_get_risk_register (k);
  add_risk (reg, "Retard de fabrication du faisceau", AFF_RISK_CATEGORY_SCHEDULE, 3, 4, "6000.00 EUR",
            AFF_RISK_TREATMENT_REDUCE, "Marc Petit", review);
  add_risk (reg, "Corrosion de la calandre découverte au démontage", AFF_RISK_CATEGORY_TECHNICAL, 2, 5,
            "15000.00 EUR", AFF_RISK_TREATMENT_SHARE, "Claire Martin", NULL);
  add_risk (reg, "Chute de hauteur au montage de l’échafaudage", AFF_RISK_CATEGORY_SAFETY, 2, 4, NULL,
            AFF_RISK_TREATMENT_REDUCE, "Paul Girard", NULL);

  ASSERT_OK (aff_portfolio_add_offer (p, offer, &error));
  rev = aff_offer_get_current_revision (offer);
  add_cost_line (rev, AFF_LINE_KIND_LABOUR, "Remplacement du faisceau", "252", AFF_LINE_UNIT_HOUR, "55.00 EUR", NULL);
  add_cost_line (rev, AFF_LINE_KIND_MATERIAL, "Faisceau tubulaire inox 316L", "1", AFF_LINE_UNIT_LUMP_SUM,
                 "38000.00 EUR", NULL);
  add_cost_line (rev, AFF_LINE_KIND_SUBCONTRACT, "Échafaudage et épreuve", "1", AFF_LINE_UNIT_LUMP_SUM,
                 "5700.00 EUR", NULL);
  ASSERT_OK (aff_offer_revision_set_contingency (rev, contingency, &error));
  ASSERT_OK (aff_offer_revision_set_margin_rate (rev, 1500, &error));
  ASSERT_OK (aff_offer_revision_set_lead_time_days (rev, 80, &error));
  ASSERT_OK (aff_offer_revision_set_validity (rev, validity, &error));
  ASSERT_OK (aff_offer_revision_acknowledge (rev, AFF_REGULATORY_FLAGS_WORK_AT_HEIGHT | AFF_REGULATORY_FLAGS_HOT_WORK |
                                                 AFF_REGULATORY_FLAGS_LIFTING,
                                             "Travail en hauteur, permis de feu et plan de levage", &error));
  ASSERT_OK (aff_offer_send (offer, sent, &error));
  ASSERT_OK (aff_offer_accept (offer, signed_on, "CT-2027-042", &error));
  return p;
}

static void
build_plan (AffPlan *plan)
{
  g_autoptr(GDate) window = day (2027, 3, 22);
  g_autoptr(GDate) inspected = day (2027, 3, 16), signed_on = day (2027, 3, 18);
  const char *participants[] = { "Claire Martin (Tuyauteries du Rhône)", "Jean Durand (" CLIENT_NAME ")",
                                 "Luc Martin (" SCAFFOLDER ")", NULL };
  const char *risk1[] = { "RISK-1", NULL }, *risk2[] = { "RISK-2", NULL }, *risk3[] = { "RISK-3", NULL };
  AffPreventionPlan *prevention;
  AffTask *task;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      g_autoptr(AffTask) t = aff_task_new (specs[i].id, specs[i].name, specs[i].days);

      aff_task_set_kind (t, specs[i].kind);
      aff_task_set_party (t, specs[i].party);
      aff_task_set_party_name (t, specs[i].party_name);
      aff_task_set_zone (t, specs[i].zone);
      aff_task_set_deliverable (t, specs[i].deliverable);
      aff_task_set_effort_hours (t, specs[i].effort_hours);
      ASSERT_OK (aff_plan_add_task (plan, t, &error));
    }
  for (i = 0; i < G_N_ELEMENTS (links); i++)
    ASSERT_OK (aff_plan_add_dependency (plan, links[i].pred, links[i].succ, links[i].type, links[i].lag, &error));
  for (i = 0; i < G_N_ELEMENTS (roles); i++)
    aff_task_set_raci (aff_plan_lookup_task (plan, roles[i].task), roles[i].person, roles[i].role);

  aff_task_set_start_no_earlier_than (aff_plan_lookup_task (plan, "CONS"), window);
  aff_task_set_dangerous_work (aff_plan_lookup_task (plan, "ECH"), AFF_REGULATORY_FLAGS_WORK_AT_HEIGHT);
  aff_task_set_dangerous_work (aff_plan_lookup_task (plan, "REM"),
                               AFF_REGULATORY_FLAGS_HOT_WORK | AFF_REGULATORY_FLAGS_LIFTING);
  aff_task_set_risk_ids (aff_plan_lookup_task (plan, "ACH"), risk1);
  aff_task_set_risk_ids (aff_plan_lookup_task (plan, "REM"), risk2);
  aff_task_set_risk_ids (aff_plan_lookup_task (plan, "ECH"), risk3);
  task = aff_plan_lookup_task (plan, "EPR");
  aff_task_set_regulatory_basis (task, "Arrêté du 20 novembre 2017, requalification périodique");
  aff_task_set_report_days (task, 3);
  aff_task_set_required_for (task, "MES");

  {
    g_autoptr(AffResource) welders = aff_resource_new ("SOUD", "Équipe de soudage", AFF_RESOURCE_KIND_TEAM);
    g_autoptr(AffResource) crane = aff_resource_new ("GRUE", "Grue mobile 60 t", AFF_RESOURCE_KIND_EQUIPMENT);
    g_autoptr(AffResource) foreman = aff_resource_new ("PGI", "Paul Girard", AFF_RESOURCE_KIND_PERSON);
    g_autoptr(AffMoney) welder_rate = money ("52.00 EUR"), crane_rate = money ("145.00 EUR");
    g_autoptr(AffMoney) foreman_rate = money ("65.00 EUR");

    aff_resource_set_capacity_hours (welders, 14);
    aff_resource_set_cost_rate (welders, welder_rate);
    aff_resource_set_capacity_hours (crane, 8);
    aff_resource_set_cost_rate (crane, crane_rate);
    aff_resource_set_cost_rate (foreman, foreman_rate);
    ASSERT_OK (aff_plan_add_resource (plan, welders, &error));
    ASSERT_OK (aff_plan_add_resource (plan, crane, &error));
    ASSERT_OK (aff_plan_add_resource (plan, foreman, &error));
    ASSERT_OK (aff_plan_assign (plan, "REM", "SOUD", 14, &error));
    ASSERT_OK (aff_plan_assign_total (plan, "REM", "GRUE", 12, &error));
    ASSERT_OK (aff_plan_assign (plan, "REM", "PGI", 7, &error));
    ASSERT_OK (aff_plan_assign (plan, "MES", "PGI", 7, &error));
  }

  ASSERT_OK (aff_plan_schedule (plan, &error));

  prevention = aff_plan_get_prevention_plan (plan);
  ASSERT_OK (aff_prevention_plan_record_joint_inspection (prevention, inspected, participants, &error));
  ASSERT_OK (aff_prevention_plan_add_interference (prevention, ZONE,
                                                   "Levage du faisceau au-dessus de la circulation des exploitants",
                                                   "Zone balisée, levage hors des relèves de poste, chef de manœuvre",
                                                   &error));
  ASSERT_OK (aff_prevention_plan_sign (prevention, "Jean Durand", CLIENT_NAME, AFF_PARTY_CLIENT, signed_on, &error));
  ASSERT_OK (aff_prevention_plan_sign (prevention, "Claire Martin", "Tuyauteries du Rhône", AFF_PARTY_INTERNAL,
                                       signed_on, &error));
  ASSERT_OK (aff_prevention_plan_sign (prevention, "Luc Martin", SCAFFOLDER, AFF_PARTY_SUBCONTRACTOR, signed_on,
                                       &error));
}

static AffPortfolio *
story (void)
{
  AffPortfolio *p = sell ();
  AffAffair *affair = aff_portfolio_lookup_affair (p, AFFAIR);

  g_assert_nonnull (affair);
  build_plan (aff_affair_get_plan (affair));
  return p;
}

static char *
render (AffPortfolio      *p,
        AffDocumentFormat  format)
{
  g_autoptr(GError) error = NULL;
  char *text = aff_affair_render_management_plan (aff_portfolio_lookup_affair (p, AFFAIR), format, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static void
test_golden (void)
{
  g_autoptr(AffPortfolio) p = story ();
  g_autofree char *md = render (p, AFF_DOCUMENT_FORMAT_MARKDOWN);
  g_autofree char *html = render (p, AFF_DOCUMENT_FORMAT_HTML);
  g_autofree char *md_golden = golden ("management-plan-fr.md");
  g_autofree char *html_golden = golden ("management-plan-fr.html");
  g_autofree char *en = NULL, *en_golden = golden ("management-plan-en.md");

  g_assert_cmpstr (md, ==, md_golden);
  g_assert_cmpstr (html, ==, html_golden);
  ASSERT_OK (aff_policy_set_language (aff_portfolio_get_policy (p), "en", &error));
  en = render (p, AFF_DOCUMENT_FORMAT_MARKDOWN);
  g_assert_cmpstr (en, ==, en_golden);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("the document lacks “%s”", part);
}

/* The figures of the header, each worked out by hand, as the document
 * writes them. */
static void
test_hand_checks (void)
{
  g_autoptr(AffPortfolio) p = story ();
  g_autofree char *md = render (p, AFF_DOCUMENT_FORMAT_MARKDOWN);
  g_autofree char *en = NULL;

  /* Identity: the price, the signature and the contractual end. */
  assert_contains (md, "**Montant du contrat :** 79\u202f969,41\u00a0€ HT  \n");
  assert_contains (md, "**Signé le :** 1er février 2027  \n");
  assert_contains (md, "**Délai contractuel :** 80 jours ouvrés  \n");
  assert_contains (md, "**Fin contractuelle :** 27 mai 2027, tenue avec 11 jours ouvrés de marge\n");
  assert_contains (md, "**Fin prévue :** 11 mai 2027  \n");

  /* Easter Monday: REM runs 26 March to 5 April; Ascension: SUIVI ends
   * 11 May. */
  assert_contains (md, "| REM Remplacement du faisceau tubulaire | intervention sur site | Tuyauteries du Rhône | "
                       "26 mars 2027 | 5 avril 2027 | oui | 0 |\n");
  assert_contains (md, "| SUIVI Marche probatoire | tâche | Raffinerie du Rhône (client) | 13 avril 2027 | "
                       "11 mai 2027 | oui | 0 |\n");
  assert_contains (md, "| DOE Dossier des ouvrages exécutés | tâche | Tuyauteries du Rhône | 7 avril 2027 | "
                       "9 avril 2027 | non | 21 |\n");

  /* The milestones: LIV on 19 March, as late as 25 March, float 4. */
  assert_contains (md, "| J0 Ordre de service | 1er février 2027 | 5 février 2027 | 4 | non |\n");
  assert_contains (md, "| LIV Faisceau livré sur site | 19 mars 2027 | 25 mars 2027 | 4 | non |\n");
  assert_contains (md, "| J1 Réception | 11 mai 2027 | 11 mai 2027 | 0 | oui |\n");

  /* The critical path, by early start. */
  assert_contains (md, "- CONS Consignation et vidange de l’échangeur : du 22 mars 2027 au 23 mars 2027\n"
                       "- ECH Échafaudage et décalorifugeage : du 22 mars 2027 au 25 mars 2027\n"
                       "- REM Remplacement du faisceau tubulaire : du 26 mars 2027 au 5 avril 2027\n"
                       "- EPR Épreuve hydraulique : 6 avril 2027\n"
                       "- MES Remise en service et essais : du 9 avril 2027 au 12 avril 2027\n"
                       "- SUIVI Marche probatoire : du 13 avril 2027 au 11 mai 2027\n"
                       "- J1 Réception : 11 mai 2027\n\n");

  /* The purchase: 30 working days, ordered by 12 February. */
  assert_contains (md, "| ACH Fabrication du faisceau tubulaire | " SUPPLIER " | 30 | 8 février 2027 | "
                       "12 février 2027 | 25 mars 2027 | non |\n");

  /* The inspection's report is due on 9 April, the day MES starts. */
  assert_contains (md, "| 6 avril 2027 | 3 | 9 avril 2027 | MES |\n");
  assert_contains (md, "- EPR : le rapport est dû le 9 avril 2027, le jour où commence MES");

  /* The monthly reports: 1 March, 1 April and 3 May (1 May is a
   * Saturday), none after the finish. */
  assert_contains (md, "| 1er mars 2027 | Rapport mensuel d’avancement | Raffinerie du Rhône (client) |\n");
  assert_contains (md, "| 1er avril 2027 | Rapport mensuel d’avancement | Raffinerie du Rhône (client) |\n");
  assert_contains (md, "| 3 mai 2027 | Rapport mensuel d’avancement | Raffinerie du Rhône (client) |\n");
  g_assert_null (strstr (md, "1er mai 2027"));
  g_assert_null (strstr (md, "1er février 2027 | Rapport mensuel"));
  assert_contains (md, "| 1er février 2027 | Réunion de lancement");
  assert_contains (md, "| 5 février 2027 | Revue de conception : REV Revue de conception du faisceau | "
                       "Claire Martin, Émilie Roux, Jean Durand |\n");
  assert_contains (md, "| 19 mars 2027 | Revue de jalon : LIV Faisceau livré sur site | Tuyauteries du Rhône, "
                       "Raffinerie du Rhône (client), " SUPPLIER " (fournisseur) |\n");

  /* The co-activity and the hours on the site: 64 + 84 + 7 + 14 = 169. */
  assert_contains (md, "| Chaufferie B | du 22 mars 2027 au 23 mars 2027 | CONS (Raffinerie du Rhône (client)) et "
                       "ECH (" SCAFFOLDER " (sous-traitant)) |\n");
  assert_contains (md, ": 169 h.\n");
  assert_contains (md, "- ECH Échafaudage et décalorifugeage, en zone Chaufferie B : travail en hauteur\n"
                       "- REM Remplacement du faisceau tubulaire, en zone Chaufferie B : travaux par points chauds, "
                       "opérations de levage\n\n");

  /* The RACI matrix reads alphabetically, accents aside. */
  assert_contains (md, "| Personne | REV | ACH | ECH | REM | EPR | MES | DOE | J1 |\n"
                       "|---|---|---|---|---|---|---|---|---|\n"
                       "| Claire Martin | A | A | I | A | A | A | A | R |\n"
                       "| Émilie Roux | R |  |  | C | R |  | R |  |\n"
                       "| Jean Durand | C |  |  |  |  | I |  | A |\n");

  /* The risks, the most critical first, with the tasks that name them. */
  assert_contains (md, "| RISK-1 Retard de fabrication du faisceau | délai | ouvert | 3 × 4 = 12 | élevé | "
                       "6\u202f000,00\u00a0€ | réduire | Marc Petit | 1er mars 2027 | ACH |\n");
  assert_contains (md, "| RISK-3 Chute de hauteur au montage de l’échafaudage | sécurité | ouvert | 2 × 4 = 8 | "
                       "moyen |  | réduire | Paul Girard |  | ECH |\n");

  ASSERT_OK (aff_policy_set_language (aff_portfolio_get_policy (p), "en", &error));
  en = render (p, AFF_DOCUMENT_FORMAT_MARKDOWN);
  assert_contains (en, "**Contract amount:** €79,969.41 excl. VAT  \n");
  assert_contains (en, "| 3 May 2027 | Monthly progress report | Raffinerie du Rhône (client) |\n");
  assert_contains (en, "| LIV Faisceau livré sur site | 19 March 2027 | 25 March 2027 | 4 | no |\n");
}

/* Nothing depends on the clock, the time zone or the locale. */
static void
test_no_clock_no_locale (void)
{
  g_autoptr(AffPortfolio) p = story ();
  g_autofree char *md = render (p, AFF_DOCUMENT_FORMAT_MARKDOWN);
  g_autofree char *other = NULL, *c_locale = NULL;
  g_autoptr(GDateTime) later = g_date_time_new_utc (2031, 12, 31, 23, 0, 0);
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *tz = g_strdup (g_getenv ("TZ"));

  aff_portfolio_set_fixed_time (p, later);
  g_setenv ("TZ", "Pacific/Kiritimati", TRUE);
  other = render (p, AFF_DOCUMENT_FORMAT_MARKDOWN);
  g_assert_cmpstr (other, ==, md);

  g_assert_nonnull (setlocale (LC_ALL, "C"));
  c_locale = render (p, AFF_DOCUMENT_FORMAT_MARKDOWN);
  g_assert_cmpstr (c_locale, ==, md);
  setlocale (LC_ALL, saved);
  if (tz != NULL)
    g_setenv ("TZ", tz, TRUE);
  else
    g_unsetenv ("TZ");
}

static void
test_not_scheduled (void)
{
  g_autoptr(AffPortfolio) p = sell ();
  AffAffair *affair = aff_portfolio_lookup_affair (p, AFFAIR);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffTask) extra = aff_task_new ("X", "Nettoyage", 1);
  char *text;

  /* Never scheduled. */
  text = aff_affair_render_management_plan (affair, AFF_DOCUMENT_FORMAT_MARKDOWN, &error);
  g_assert_null (text);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION);
  g_assert_nonnull (strstr (error->message, AFFAIR));
  g_clear_error (&error);

  /* Changed since it was. */
  build_plan (aff_affair_get_plan (affair));
  ASSERT_OK (aff_plan_add_task (aff_affair_get_plan (affair), extra, &error));
  text = aff_affair_render_management_plan (affair, AFF_DOCUMENT_FORMAT_HTML, &error);
  g_assert_null (text);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION);
  g_assert_nonnull (strstr (error->message, AFFAIR));
}

/* An affair a binding keeps after its portfolio is gone has no register
 * and no policy: the document says so, in French. */
static void
test_outside_portfolio (void)
{
  AffPortfolio *p = story ();
  g_autoptr(AffAffair) affair = g_object_ref (aff_portfolio_lookup_affair (p, AFFAIR));
  g_autoptr(GError) error = NULL;
  g_autofree char *md = NULL;

  ASSERT_OK (aff_policy_set_language (aff_portfolio_get_policy (p), "en", &error));
  g_object_unref (p);
  md = aff_affair_render_management_plan (affair, AFF_DOCUMENT_FORMAT_MARKDOWN, &error);
  g_assert_no_error (error);
  assert_contains (md, "# Plan de management de projet, affaire OF-2027-005\n");
  assert_contains (md, "Cette affaire n’est rattachée à aucun portefeuille : le registre des risques de sa "
                       "consultation n’est pas disponible.");
  assert_contains (md, "- ACH : risque RISK-1\n");
  /* Without the policy, the company's teams go by their kind. */
  assert_contains (md, "| interne | équipe interne | REV, REM, DOE, MES |\n");
  g_assert_null (strstr (md, "**Objet :**"));
}

/* A hazard is listed with the parties of the tasks it delays; an
 * inspection planned in time has no issue; escaping holds. */
static void
test_hazard_and_escaping (void)
{
  g_autoptr(AffPortfolio) p = story ();
  AffPlan *plan = aff_affair_get_plan (aff_portfolio_lookup_affair (p, AFFAIR));
  g_autoptr(GDate) when = day (2027, 3, 1);
  g_autoptr(AffHazard) hazard = aff_hazard_new ("AL-1", when, AFF_HAZARD_CAUSE_SUPPLIER,
                                                "Tubes <316L> livrés en retard | lot *2*");
  g_autoptr(AffHazardImpact) impact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *md = NULL, *html = NULL;
  const char *ids[] = { "ACH", NULL };

  aff_hazard_set_task_ids (hazard, ids);
  aff_hazard_set_delay_days (hazard, 3);
  impact = aff_plan_apply_hazard (plan, hazard, &error);
  g_assert_no_error (error);
  aff_task_set_report_days (aff_plan_lookup_task (plan, "EPR"), 2);
  ASSERT_OK (aff_plan_schedule (plan, &error));
  md = render (p, AFF_DOCUMENT_FORMAT_MARKDOWN);
  html = render (p, AFF_DOCUMENT_FORMAT_HTML);
  /* ACH takes 33 days from 8 February: 24 March; LIV keeps 1 day of float. */
  assert_contains (md, "| LIV Faisceau livré sur site | 24 mars 2027 | 25 mars 2027 | 1 | non |\n");
  assert_contains (md, "- AL-1, 1er mars 2027 (cause : fournisseur) : Tubes \\<316L\\> livrés en retard \\| lot \\*2\\* ; "
                       "3 jours ouvrés de plus ; tâches ACH ; à signaler à " SUPPLIER " (fournisseur)\n");
  assert_contains (html, "<li>AL-1, 1er mars 2027 (cause : fournisseur) : Tubes &lt;316L&gt; livrés en retard | lot *2*");
  /* Report within 2 days of 6 April: 8 April, before MES on 9 April. */
  assert_contains (md, "Vérification au 1er février 2027, début du plan : aucune anomalie.");
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"fr\">"));
  g_assert_true (g_str_has_suffix (html, "</body>\n</html>\n"));
}

/* A plan without tasks has a start and nothing else to say; an inspection
 * required for a task the plan lacks is reported, not checked. */
static void
test_bare_plan (void)
{
  g_autoptr(AffPortfolio) p = sell ();
  AffPlan *plan = aff_affair_get_plan (aff_portfolio_lookup_affair (p, AFFAIR));
  g_autoptr(AffTask) inspection = aff_task_new ("EPR", "Épreuve hydraulique", 1);
  g_autofree char *md = NULL, *again = NULL;

  ASSERT_OK (aff_plan_schedule (plan, &error));
  md = render (p, AFF_DOCUMENT_FORMAT_MARKDOWN);
  assert_contains (md, "**Début :** 1er février 2027  \n**Fin prévue :** 1er février 2027  \n");
  assert_contains (md, "Le plan n’a pas de jalon.");
  assert_contains (md, "Aucune tâche ne produit de livrable.");
  assert_contains (md, "Le plan ne définit aucune ressource.");
  assert_contains (md, "Un plan de prévention écrit n’est pas requis");
  g_assert_null (strstr (md, "Rapport mensuel"));

  aff_task_set_kind (inspection, AFF_TASK_KIND_INSPECTION);
  aff_task_set_required_for (inspection, "MES");
  ASSERT_OK (aff_plan_add_task (plan, inspection, &error));
  ASSERT_OK (aff_plan_schedule (plan, &error));
  again = render (p, AFF_DOCUMENT_FORMAT_MARKDOWN);
  assert_contains (again, "EPR est requis pour MES, que le plan n’a pas : le contrôle ne peut être vérifié.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/management-plan/golden", test_golden);
  g_test_add_func ("/management-plan/hand-checks", test_hand_checks);
  g_test_add_func ("/management-plan/no-clock-no-locale", test_no_clock_no_locale);
  g_test_add_func ("/management-plan/not-scheduled", test_not_scheduled);
  g_test_add_func ("/management-plan/outside-portfolio", test_outside_portfolio);
  g_test_add_func ("/management-plan/hazard-and-escaping", test_hazard_and_escaping);
  g_test_add_func ("/management-plan/bare-plan", test_bare_plan);
  return g_test_run ();
}
