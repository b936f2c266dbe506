/* affaires: the command-line face of libaffaires
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Exit codes: 0 success, 1 user error (bad arguments, an operation refused),
 * 2 invalid input file, 3 the journal does not verify, 4 input/output failure.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include <affaires.h>

#include "demo-affair.h"

enum {
  EXIT_OK = 0,
  EXIT_USER = 1,
  EXIT_INVALID_INPUT = 2,
  EXIT_TAMPERED = 3,
  EXIT_IO = 4,
};

static char *portfolio_path = NULL;
static gboolean force = FALSE;
static gboolean show_version = FALSE;
static char *date_text = NULL;
static char *format_text = NULL;
static gboolean json_output = FALSE;

static const GOptionEntry global_entries[] = {
  { "portfolio", 'p', 0, G_OPTION_ARG_FILENAME, &portfolio_path,
    N_("Portfolio document to use (default: the user data folder)"), N_("FILE") },
  { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
    N_("Let demo replace a portfolio that is not a demo"), NULL },
  { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text,
    N_("Day of a computation, YYYY-MM-DD (default: today)"), N_("DATE") },
  { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
    N_("Format of a document: md (Markdown, the default) or html"), N_("FORMAT") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &json_output, N_("Write machine-readable JSON"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, &show_version, N_("Print the version and exit"), NULL },
  { NULL }
};

#define DEMO_NAME "libaffaires demo"

static char *
default_portfolio_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "libaffaires", "portfolio.json", NULL);
}

static int
exit_code_for (const GError *error)
{
  if (error->domain == AFF_ERROR &&
      (error->code == AFF_ERROR_INVALID_DOCUMENT || error->code == AFF_ERROR_UNSUPPORTED_VERSION))
    return EXIT_INVALID_INPUT;
  if (error->domain == AFF_ERROR && error->code == AFF_ERROR_TAMPERED)
    return EXIT_TAMPERED;
  if (error->domain == G_FILE_ERROR || error->domain == G_IO_ERROR)
    return EXIT_IO;
  return EXIT_USER;
}

static int
fail (const GError *error)
{
  g_printerr (_("affaires: %s\n"), error->message);
  return exit_code_for (error);
}

static GDate *
date_new (guint day, GDateMonth month, guint year)
{
  return g_date_new_dmy (day, month, year);
}

static gboolean
add_client (AffPortfolio *portfolio,
            const char   *id,
            const char   *name,
            const char   *siren,
            const char   *sector,
            const char   *address,
            GError      **error)
{
  g_autoptr(AffClient) client = aff_client_new (id, name);

  aff_client_set_address (client, address);
  return aff_client_set_siren (client, siren, error) &&
         aff_client_set_sector (client, sector, error) &&
         aff_portfolio_add_client (portfolio, client, error);
}

static gboolean
add_contact (AffPortfolio *portfolio,
             const char   *client_id,
             const char   *name,
             const char   *role,
             const char   *email,
             const char   *phone,
             GError      **error)
{
  g_autoptr(AffContact) contact = aff_contact_new (name);

  aff_contact_set_role (contact, role);
  aff_contact_set_email (contact, email);
  aff_contact_set_phone (contact, phone);
  return aff_client_add_contact (aff_portfolio_lookup_client (portfolio, client_id), contact, error);
}

static gboolean
record (AffPortfolio       *portfolio,
        const char         *client_id,
        AffInteractionKind  kind,
        GDate              *date,
        const char         *contact,
        const char         *summary,
        GDate              *next_action,
        int                 satisfaction,
        GError            **error)
{
  g_autoptr(AffInteraction) interaction = aff_interaction_new (kind, date, summary);
  gboolean ok;

  aff_interaction_set_contact (interaction, contact);
  aff_interaction_set_next_action_date (interaction, next_action);
  aff_interaction_set_satisfaction (interaction, satisfaction);
  ok = aff_portfolio_record_interaction (portfolio, client_id, interaction, error);
  g_date_free (date);
  if (next_action != NULL)
    g_date_free (next_action);
  if (ok)
    g_print (_("  recorded %s with %s on %s\n"), aff_interaction_get_id (interaction), client_id,
             summary);
  return ok;
}

static gboolean
change_status (AffPortfolio    *portfolio,
               const char      *client_id,
               AffClientStatus  status,
               GDate           *date,
               const char      *reason,
               GError         **error)
{
  gboolean ok = aff_client_change_status (aff_portfolio_lookup_client (portfolio, client_id),
                                          status, date, reason, error);
  g_date_free (date);
  return ok;
}

static AffMoney *
money (const char *text)
{
  return aff_money_parse (text, NULL);
}

/* The consultation part of the demo: a request from ARC-DK, analysed,
 * evaluated and decided. */
static AffBidEvaluation *
demo_consultation (AffPortfolio  *portfolio,
                   GError       **error)
{
  static const char *const activities[] = { "pipework", "boilermaking", NULL };
  static const struct {
    void (*set) (AffSolvency *, const AffMoney *);
    const char *amount;
  } figures[] = {
    { aff_solvency_set_working_capital, "120000000.00 EUR" },
    { aff_solvency_set_retained_earnings, "210000000.00 EUR" },
    { aff_solvency_set_ebit, "95000000.00 EUR" },
    { aff_solvency_set_book_equity, "340000000.00 EUR" },
    { aff_solvency_set_total_liabilities, "510000000.00 EUR" },
    { aff_solvency_set_total_assets, "850000000.00 EUR" },
    { aff_solvency_set_sales, "1200000000.00 EUR" },
  };
  AffClient *client = aff_portfolio_lookup_client (portfolio, "ARC-DK");
  g_autoptr(GDate) assessed = date_new (30, G_DATE_JUNE, 2026);
  g_autoptr(GDate) received = date_new (16, G_DATE_NOVEMBER, 2026);
  g_autoptr(GDate) deadline = date_new (18, G_DATE_DECEMBER, 2026);
  g_autoptr(GDate) qualified = date_new (17, G_DATE_NOVEMBER, 2026);
  g_autoptr(GDate) answered = date_new (19, G_DATE_NOVEMBER, 2026);
  g_autoptr(GDate) due = date_new (21, G_DATE_NOVEMBER, 2026);
  g_autoptr(GDate) evaluated = date_new (23, G_DATE_NOVEMBER, 2026);
  g_autoptr(AffSolvency) solvency = aff_solvency_new (assessed);
  g_autoptr(AffConsultation) consultation = NULL;
  g_autoptr(AffRisk) flanges = NULL, hot_work = NULL;
  g_autoptr(AffMoney) value = money ("480000.00 EUR"), cost = money ("3800.00 EUR");
  g_autoptr(AffMoney) flanges_exposure = money ("25000.00 EUR"), hot_work_exposure = money ("60000.00 EUR");
  g_autoptr(AffBidEvaluation) evaluation = NULL;
  AffRiskRegister *register_;
  const char *question, *contribution;
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_autoptr(AffMoney) amount = money (figures[i].amount);
      figures[i].set (solvency, amount);
    }
  aff_solvency_set_validated_by (solvency, "S. Leroy (finance)");
  aff_solvency_set_dso_days (solvency, 58);
  aff_solvency_set_payment_incidents (solvency, 0);
  if (!aff_client_add_solvency (client, solvency, error))
    return NULL;

  consultation = aff_consultation_new ("CONS-2026-041", "ARC-DK",
                                       "Arrêt HF4 2027 : remplacement des tuyauteries de vent chaud",
                                       received, deadline);
  aff_consultation_set_activities (consultation, activities);
  aff_consultation_set_estimated_value (consultation, value);
  aff_consultation_set_bid_cost (consultation, cost);
  aff_consultation_set_expected_margin_rate (consultation, 1600);
  aff_consultation_set_estimated_hours (consultation, 3200);
  aff_consultation_set_site (consultation, "Arcelis Dunkerque, haut fourneau 4");
  aff_consultation_set_regulatory_flags (consultation, AFF_REGULATORY_FLAGS_HOT_WORK |
                                         AFF_REGULATORY_FLAGS_WORK_AT_HEIGHT |
                                         AFF_REGULATORY_FLAGS_CONFINED_SPACE);
  if (!aff_portfolio_add_consultation (portfolio, consultation, error) ||
      !aff_consultation_start_qualification (consultation, qualified, "demande complète reçue", error))
    return NULL;
  aff_consultation_add_requirement (consultation, "Tuyauteries DN 600 calorifugées, 85 m, NF EN 13480");
  aff_consultation_add_requirement (consultation, "Travaux pendant l'arrêt de 21 jours");
  aff_consultation_add_requirement (consultation, "Contrôle radiographique de 100 % des soudures");
  question = aff_consultation_ask_question (consultation, "Le levage est-il fourni par le site ?", qualified);
  contribution = aff_consultation_request_contribution (consultation, AFF_DEPARTMENT_METHODS, "M. Petit",
                                                        "modes opératoires de soudage et heures", due);
  if (!aff_consultation_answer_question (consultation, question, "Oui, grue de 80 t du site", answered, error) ||
      !aff_consultation_complete_contribution (consultation, contribution, "3 200 h dont essais", answered, error))
    return NULL;

  register_ = aff_consultation_get_risk_register (consultation);
  flanges = aff_risk_new ("Retard de livraison des brides forgées", AFF_RISK_CATEGORY_SCHEDULE, 3, 4);
  aff_risk_set_exposure (flanges, flanges_exposure);
  aff_risk_set_probability_percent (flanges, 30);
  aff_risk_set_treatment (flanges, AFF_RISK_TREATMENT_REDUCE);
  aff_risk_set_owner (flanges, "achats");
  hot_work = aff_risk_new ("Travaux par point chaud près d'une zone ATEX", AFF_RISK_CATEGORY_SAFETY, 2, 5);
  aff_risk_set_exposure (hot_work, hot_work_exposure);
  aff_risk_set_probability_percent (hot_work, 10);
  aff_risk_set_treatment (hot_work, AFF_RISK_TREATMENT_REDUCE);
  aff_risk_set_owner (hot_work, "QHSE");
  if (!aff_risk_register_add_risk (register_, flanges, error) ||
      !aff_risk_register_add_risk (register_, hot_work, error))
    return NULL;

  evaluation = aff_portfolio_evaluate_consultation (portfolio, "CONS-2026-041", evaluated, error);
  if (evaluation == NULL)
    return NULL;
  if (!aff_portfolio_decide_consultation (portfolio, "CONS-2026-041", aff_bid_evaluation_get_verdict (evaluation)
                                          == AFF_BID_VERDICT_NO_GO ? AFF_BID_VERDICT_NO_GO : AFF_BID_VERDICT_GO,
                                          "Directeur d'agence", "conforme à l'évaluation", error))
    return NULL;
  return g_steal_pointer (&evaluation);
}

/* The offer part of the demo: the GO consultation priced from cost and sent. */
static AffOffer *
demo_offer (AffPortfolio  *portfolio,
            GError       **error)
{
  static const char *const req1[] = { "REQ-1", NULL };
  static const char *const req2[] = { "REQ-2", NULL };
  static const char *const req3[] = { "REQ-3", NULL };
  AffPolicy *policy = aff_portfolio_get_policy (portfolio);
  g_autoptr(AffOffer) offer = aff_offer_new ("OF-2026-118", "CONS-2026-041");
  g_autoptr(AffOfferLine) welding = NULL, pipes = NULL, radiography = NULL, scaffolding = NULL;
  g_autoptr(AffMoney) pipe_cost = money ("412.60 EUR"), radiography_cost = money ("18500.00 EUR");
  g_autoptr(AffMoney) scaffolding_cost = money ("1850.00 EUR"), contingency = money ("9000.00 EUR");
  g_autoptr(GDate) validity = date_new (31, G_DATE_MARCH, 2027);
  g_autoptr(GDate) sent = date_new (10, G_DATE_DECEMBER, 2026);
  AffOfferRevision *revision;

  if (!aff_portfolio_add_offer (portfolio, offer, error))
    return NULL;
  revision = aff_offer_get_current_revision (offer);
  if (!(welding = aff_offer_line_new_labour ("Préfabrication et soudage", "2400", "welder", policy, error)) ||
      !(pipes = aff_offer_line_new (AFF_LINE_KIND_MATERIAL, "Tube DN 600 calorifugé", "85",
                                    AFF_LINE_UNIT_METRE, pipe_cost, error)) ||
      !(radiography = aff_offer_line_new (AFF_LINE_KIND_SUBCONTRACT, "Radiographie de 100 % des soudures", "1",
                                          AFF_LINE_UNIT_LUMP_SUM, radiography_cost, error)) ||
      !(scaffolding = aff_offer_line_new (AFF_LINE_KIND_EQUIPMENT, "Échafaudage et nacelle", "21",
                                          AFF_LINE_UNIT_DAY, scaffolding_cost, error)))
    return NULL;
  aff_offer_line_set_requirements (welding, req2);
  aff_offer_line_set_requirements (pipes, req1);
  aff_offer_line_set_requirements (radiography, req3);
  /* The lots are the tasks of the plan, so that the budget spreads over
   * them. */
  aff_offer_line_set_lot (welding, "MONTAGE");
  aff_offer_line_set_lot (pipes, "APPRO");
  aff_offer_line_set_lot (radiography, "RADIO");
  aff_offer_line_set_lot (scaffolding, "MONTAGE");
  if (!aff_offer_revision_add_line (revision, welding, error) ||
      !aff_offer_revision_add_line (revision, pipes, error) ||
      !aff_offer_revision_add_line (revision, radiography, error) ||
      !aff_offer_revision_add_line (revision, scaffolding, error) ||
      !aff_offer_revision_set_contingency (revision, contingency, error) ||
      !aff_offer_revision_set_margin_rate (revision, aff_policy_get_target_margin_rate (policy), error) ||
      !aff_offer_revision_set_validity (revision, validity, error) ||
      !aff_offer_revision_set_payment_terms (revision, 45, TRUE, error) ||
      !aff_offer_revision_set_billing (revision, 1000, TRUE, 500, error) ||
      !aff_offer_revision_acknowledge (revision, AFF_REGULATORY_FLAGS_HOT_WORK | AFF_REGULATORY_FLAGS_WORK_AT_HEIGHT |
                                       AFF_REGULATORY_FLAGS_CONFINED_SPACE,
                                       "Permis de feu, travail en hauteur et espace confiné gérés "
                                       "dans le plan de prévention établi avec le site", error) ||
      !aff_offer_send (offer, sent, error))
    return NULL;
  return g_steal_pointer (&offer);
}

static AffPortfolio *
build_demo (GError **error)
{
  g_autoptr(AffPortfolio) portfolio = aff_portfolio_new ();
  AffPolicy *policy = aff_portfolio_get_policy (portfolio);
  static const char *const activities[] = {
    "mechanical-maintenance", "pipework", "boilermaking", "industrial-electricity", NULL
  };
  static const char *const rates[][2] = {
    { "welder", "58.00 EUR" }, { "pipefitter", "52.00 EUR" },
    { "electrician", "54.00 EUR" }, { "design-engineer", "75.00 EUR" },
  };
  gsize i;

  aff_portfolio_set_actor (portfolio, "demo");
  aff_portfolio_set_name (portfolio, DEMO_NAME);
  aff_policy_set_activities (policy, activities);
  if (!aff_policy_set_presentation (policy, "company-name", "Maintenance Industrielle du Nord", error) ||
      !aff_policy_set_presentation (policy, "company-address", "ZI des Dunes\n59760 Grande-Synthe", error) ||
      !aff_policy_set_presentation (policy, "company-identity",
                                    "SAS au capital de 400 000 € — SIREN 732 829 320 — RCS Dunkerque", error) ||
      !aff_policy_set_presentation (policy, "signatory-name", "Julien Delattre", error) ||
      !aff_policy_set_presentation (policy, "signatory-title", "Chargé d'affaires", error))
    return NULL;
  for (i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      g_autoptr(AffMoney) rate = aff_money_parse (rates[i][1], error);

      if (rate == NULL || !aff_policy_set_labour_rate (policy, rates[i][0], rate, error))
        return NULL;
    }
  g_print (_("Policy: %u activities, %zu labour rates, target margin %d.%02d %%\n"),
           g_strv_length ((char **) aff_policy_get_activities (policy)), G_N_ELEMENTS (rates),
           aff_policy_get_target_margin_rate (policy) / 100,
           aff_policy_get_target_margin_rate (policy) % 100);

  if (!add_client (portfolio, "GRP-ARCELIS", "Arcelis Groupe", "412345670", "24.10Z",
                   "12 avenue de la Sidérurgie\n92400 Courbevoie", error) ||
      !add_client (portfolio, "ARC-DK", "Arcelis Dunkerque", "382765436", "24.10Z",
                   "Route du Port\n59140 Dunkerque", error) ||
      !add_client (portfolio, "CHIM-RHONE", "Chimie du Rhône", "518392048", "20.14Z",
                   "Plateforme chimique\n69190 Saint-Fons", error) ||
      !add_client (portfolio, "PAP-VOSGES", "Papeteries des Vosges", "452108764", "17.12Z",
                   "1 rue du Moulin\n88100 Saint-Dié-des-Vosges", error) ||
      !aff_portfolio_set_client_parent (portfolio, "ARC-DK", "GRP-ARCELIS", error))
    return NULL;
  g_print (_("Clients: 4 added (ARC-DK is a site of the group GRP-ARCELIS)\n"));

  if (!add_contact (portfolio, "ARC-DK", "Claire Martin", "maintenance manager",
                    "claire.martin@arcelis.example", "+33 3 28 00 00 01", error) ||
      !add_contact (portfolio, "ARC-DK", "Yves Roussel", "buyer",
                    "yves.roussel@arcelis.example", NULL, error) ||
      !add_contact (portfolio, "CHIM-RHONE", "Nadia Benali", "works engineer",
                    "n.benali@chimie-rhone.example", NULL, error) ||
      !add_contact (portfolio, "PAP-VOSGES", "Marc Didier", "technical director", NULL,
                    "+33 3 29 00 00 02", error))
    return NULL;
  g_print (_("Contacts: 4 added\n"));

  g_print (_("Commercial actions:\n"));
  if (!change_status (portfolio, "GRP-ARCELIS", AFF_CLIENT_STATUS_ACTIVE,
                      date_new (6, G_DATE_JANUARY, 2025), "framework agreement signed", error) ||
      !change_status (portfolio, "ARC-DK", AFF_CLIENT_STATUS_ACTIVE,
                      date_new (3, G_DATE_FEBRUARY, 2026), "first order: blast furnace shutdown", error) ||
      !change_status (portfolio, "PAP-VOSGES", AFF_CLIENT_STATUS_ACTIVE,
                      date_new (10, G_DATE_MARCH, 2024), "boiler overhaul ordered", error) ||
      !change_status (portfolio, "PAP-VOSGES", AFF_CLIENT_STATUS_DORMANT,
                      date_new (30, G_DATE_JUNE, 2025), "no work since the overhaul", error) ||
      !record (portfolio, "ARC-DK", AFF_INTERACTION_KIND_VISIT, date_new (15, G_DATE_SEPTEMBER, 2026),
               "Claire Martin", "site visit before the 2027 shutdown",
               date_new (15, G_DATE_DECEMBER, 2026), AFF_SATISFACTION_NONE, error) ||
      !record (portfolio, "ARC-DK", AFF_INTERACTION_KIND_SURVEY, date_new (20, G_DATE_OCTOBER, 2026),
               "Claire Martin", "end-of-job satisfaction survey", NULL, 8, error) ||
      !record (portfolio, "CHIM-RHONE", AFF_INTERACTION_KIND_TRADE_SHOW, date_new (2, G_DATE_OCTOBER, 2026),
               "Nadia Benali", "met at the Lyon maintenance show",
               date_new (20, G_DATE_NOVEMBER, 2026), AFF_SATISFACTION_NONE, error) ||
      !record (portfolio, "PAP-VOSGES", AFF_INTERACTION_KIND_CALL, date_new (12, G_DATE_MAY, 2026),
               "Marc Didier", "asked about the 2027 investment plan", NULL, AFF_SATISFACTION_NONE,
               error))
    return NULL;
  return g_steal_pointer (&portfolio);
}

static void
print_follow_up (AffPortfolio *portfolio,
                 const GDate  *date)
{
  g_autoptr(GPtrArray) due = aff_portfolio_list_clients_due_for_follow_up (portfolio, date);
  char text[32];
  guint i;

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  g_print (_("Due for follow-up on %s:\n"), text);
  for (i = 0; i < due->len; i++)
    {
      AffClient *client = g_ptr_array_index (due, i);
      GDate when;

      if (aff_portfolio_get_follow_up_date (portfolio, client, &when))
        {
          char due_text[32];

          g_date_strftime (due_text, sizeof due_text, "%Y-%m-%d", &when);
          g_print (_("  %-12s %-24s since %s\n"), aff_client_get_id (client),
                   aff_client_get_name (client), due_text);
        }
      else
        g_print (_("  %-12s %-24s never contacted\n"), aff_client_get_id (client),
                 aff_client_get_name (client));
    }
}

static gboolean
is_demo_file (const char *path)
{
  g_autoptr(AffPortfolio) existing = aff_portfolio_new_from_file (path, NULL);

  return existing != NULL && g_strcmp0 (aff_portfolio_get_name (existing), DEMO_NAME) == 0;
}

static int
run_demo (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(AffDevelopmentFigures) figures = NULL;
  g_autoptr(GDate) review = date_new (1, G_DATE_DECEMBER, 2026);
  g_autoptr(GDate) year_start = date_new (1, G_DATE_JANUARY, 2026);
  g_autofree char *folder = g_path_get_dirname (path);
  AffClient *arc;

  if (g_file_test (path, G_FILE_TEST_EXISTS) && !force && !is_demo_file (path))
    {
      g_printerr (_("affaires: %s exists and is not a demo portfolio; "
                    "pass --portfolio FILE to write the demo elsewhere, or --force to replace it\n"),
                  path);
      return EXIT_USER;
    }

  g_print (_("Building a demo portfolio\n"));
  portfolio = build_demo (&error);
  if (portfolio == NULL)
    return fail (error);

  print_follow_up (portfolio, review);

  arc = aff_portfolio_lookup_client (portfolio, "ARC-DK");
  g_print (_("Satisfaction of ARC-DK: %.1f / 10\n"), aff_client_get_satisfaction_average (arc));
  figures = aff_portfolio_compute_development (portfolio, year_start, review, &error);
  if (figures == NULL)
    return fail (error);
  g_print (_("Development in 2026: %u active, %u prospects, %u dormant; %u converted of %u prospects "
             "(%d.%02d %%), %u commercial actions\n"),
           aff_development_figures_get_n_active (figures),
           aff_development_figures_get_n_prospects (figures),
           aff_development_figures_get_n_dormant (figures),
           aff_development_figures_get_n_converted (figures),
           aff_development_figures_get_n_prospects_in_period (figures),
           aff_development_figures_get_conversion_rate (figures) / 100,
           aff_development_figures_get_conversion_rate (figures) % 100,
           aff_development_figures_get_n_interactions (figures));

  {
    g_autoptr(AffBidEvaluation) evaluation = demo_consultation (portfolio, &error);
    g_autofree char *justification = NULL;

    if (evaluation == NULL)
      return fail (error);
    justification = aff_bid_evaluation_get_justification (evaluation);
    g_print (_("\nConsultation CONS-2026-041 evaluated and decided; its justification:\n\n%s\n"), justification);
  }

  {
    g_autoptr(AffOffer) offer = demo_offer (portfolio, &error);
    AffOfferRevision *revision;
    g_autoptr(AffMoney) cost = NULL, price = NULL, total = NULL;
    g_autofree char *cost_text = NULL, *price_text = NULL, *total_text = NULL;

    if (offer == NULL)
      return fail (error);
    revision = aff_offer_get_current_revision (offer);
    cost = aff_offer_revision_get_cost_price (revision, NULL);
    price = aff_offer_revision_get_selling_price (revision, NULL);
    total = aff_offer_revision_get_total_including_vat (revision, NULL);
    cost_text = aff_money_format (cost, "fr");
    price_text = aff_money_format (price, "fr");
    total_text = aff_money_format (total, "fr");
    g_print (_("Offer OF-2026-118, revision %s, sent on 2026-12-10: cost price %s, selling price %s excl. VAT "
               "(margin rate %d bp), %s incl. VAT\n"), aff_offer_revision_get_letter (revision),
             cost_text, price_text, aff_offer_revision_get_margin_rate (revision, NULL), total_text);

    {
      g_autoptr(GDate) signed_date = date_new (15, G_DATE_JANUARY, 2027);
      g_autoptr(GPtrArray) budget = NULL;
      AffAffair *affair;
      guint i;

      if (!record (portfolio, "ARC-DK", AFF_INTERACTION_KIND_CALL, date_new (5, G_DATE_JANUARY, 2027),
                   "Yves Roussel", "offer OF-2026-118 followed up: order expected mid-January", NULL,
                   AFF_SATISFACTION_NONE, &error) ||
          !aff_offer_accept (offer, signed_date, "CDE-ARC-2027-0042", &error))
        return fail (error);
      affair = aff_portfolio_lookup_affair (portfolio, "OF-2026-118");
      budget = aff_affair_get_budget (affair);
      g_print (_("Accepted on 2027-01-15 (order CDE-ARC-2027-0042): affair %s created, initial budget:\n"),
               aff_affair_get_id (affair));
      for (i = 0; i < budget->len; i++)
        {
          AffBudgetItem *item = g_ptr_array_index (budget, i);
          g_autofree char *amount = aff_money_format (aff_budget_item_get_amount (item), "fr");
          g_autoptr(GEnumClass) kinds = g_type_class_ref (AFF_TYPE_LINE_KIND);

          g_print ("  %-12s %s\n", g_enum_get_value (kinds, aff_budget_item_get_kind (item))->value_nick, amount);
        }
      g_print ("\n");
    }
  }

  {
    g_autofree char *documents = g_build_filename (folder, "demo", NULL);

    if (!demo_carry_out (portfolio, documents, &error))
      return fail (error);
  }

  if (!aff_journal_verify (aff_portfolio_get_journal (portfolio), &error))
    return fail (error);
  g_print (_("Journal: %u entries, chain verified\n"),
           aff_journal_get_n_entries (aff_portfolio_get_journal (portfolio)));

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_printerr (_("affaires: cannot create %s: %s\n"), folder, g_strerror (errno));
      return EXIT_IO;
    }
  if (!aff_portfolio_save_to_file (portfolio, path, &error))
    return fail (error);
  g_print (_("Saved to %s\n"), path);
  return EXIT_OK;
}

static AffPortfolio *
open_portfolio (const char *path,
                int        *code)
{
  g_autoptr(GError) error = NULL;
  AffPortfolio *portfolio = aff_portfolio_new_from_file (path, &error);

  if (portfolio == NULL)
    *code = fail (error);
  return portfolio;
}

static int
run_client_list (const char *path)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = open_portfolio (path, &code);
  GListModel *clients;
  guint i;

  if (portfolio == NULL)
    return code;
  clients = aff_portfolio_get_clients (portfolio);
  for (i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(AffClient) client = g_list_model_get_item (clients, i);
      g_autoptr(GEnumClass) klass = g_type_class_ref (AFF_TYPE_CLIENT_STATUS);

      g_print ("%-12s %-9s %s\n", aff_client_get_id (client),
               g_enum_get_value (klass, aff_client_get_status (client))->value_nick,
               aff_client_get_name (client));
    }
  return EXIT_OK;
}

static int
run_journal (const char *path,
             gboolean    verify_only)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = open_portfolio (path, &code);
  g_autoptr(GError) error = NULL;
  AffJournal *journal;
  guint i;

  if (portfolio == NULL)
    return code;
  journal = aff_portfolio_get_journal (portfolio);
  if (!verify_only)
    for (i = 0; i < aff_journal_get_n_entries (journal); i++)
      {
        AffJournalEntry *entry = aff_journal_get_entry (journal, i);
        g_autofree char *when = g_date_time_format_iso8601 (aff_journal_entry_get_timestamp (entry));

        g_print ("%4" G_GUINT64_FORMAT "  %s  %-8s %s %s %s %s\n",
                 aff_journal_entry_get_sequence (entry), when, aff_journal_entry_get_actor (entry),
                 aff_journal_entry_get_entity_kind (entry), aff_journal_entry_get_entity_id (entry),
                 aff_journal_entry_get_action (entry), aff_journal_entry_get_details (entry));
      }
  if (!aff_journal_verify (journal, &error))
    return fail (error);
  g_print (_("journal: %u entries, chain verified\n"), aff_journal_get_n_entries (journal));
  return EXIT_OK;
}

static int
run_check (const char *path)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = open_portfolio (path, &code);

  if (portfolio == NULL)
    return code;
  g_print (_("%s: valid portfolio document, %u clients\n"), path,
           g_list_model_get_n_items (aff_portfolio_get_clients (portfolio)));
  return EXIT_OK;
}

/* The day of --date, or today: the tool's clock, never the library's. */
static gboolean
parse_day (GDate *date)
{
  if (date_text == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      return TRUE;
    }
  g_date_clear (date, 1);
  g_date_set_parse (date, date_text);
  if (strlen (date_text) != 10 || date_text[4] != '-' || date_text[7] != '-' || !g_date_valid (date))
    {
      g_printerr (_("affaires: --date %s: expected a day as YYYY-MM-DD\n"), date_text);
      return FALSE;
    }
  g_date_set_dmy (date, (GDateDay) atoi (date_text + 8), (GDateMonth) atoi (date_text + 5),
                  (GDateYear) atoi (date_text));
  return g_date_valid (date);
}

static gboolean
parse_format (AffDocumentFormat *format)
{
  if (format_text == NULL || strcmp (format_text, "md") == 0 || strcmp (format_text, "markdown") == 0)
    *format = AFF_DOCUMENT_FORMAT_MARKDOWN;
  else if (strcmp (format_text, "html") == 0)
    *format = AFF_DOCUMENT_FORMAT_HTML;
  else
    {
      g_printerr (_("affaires: --format %s: expected md or html\n"), format_text);
      return FALSE;
    }
  return TRUE;
}

static void
print_strv (JsonBuilder       *builder,
            const char        *member,
            const char *const *strings)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strings[i] != NULL; i++)
    json_builder_add_string_value (builder, strings[i]);
  json_builder_end_array (builder);
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* affaires rex audit AFFAIR: the audit of its dossier, as a document or,
 * with --json, as data. Exit 0 whatever the findings: the audit ran. */
static int
run_rex_audit (const char *path,
               const char *affair_id)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AffAudit) audit = NULL;
  AffDocumentFormat format;
  GDate day;

  if (affair_id == NULL)
    {
      g_printerr (_("affaires: rex audit needs the id of an affair\n"));
      return EXIT_USER;
    }
  if (!parse_day (&day) || !parse_format (&format))
    return EXIT_USER;
  if ((portfolio = open_portfolio (path, &code)) == NULL)
    return code;
  if ((audit = aff_portfolio_audit_affair (portfolio, affair_id, &day, &error)) == NULL)
    return fail (error);
  if (json_output)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(GPtrArray) criteria = aff_audit_get_criteria (audit);
      g_autoptr(GEnumClass) statuses = g_type_class_ref (AFF_TYPE_AUDIT_STATUS);
      g_autoptr(GEnumClass) capabilities = g_type_class_ref (AFF_TYPE_CAPABILITY);
      char iso[16];

      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &day);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "affair");
      json_builder_add_string_value (builder, affair_id);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, iso);
      json_builder_set_member_name (builder, "score");
      json_builder_add_int_value (builder, aff_audit_get_score (audit));
      json_builder_set_member_name (builder, "criteria");
      json_builder_begin_array (builder);
      for (guint i = 0; i < criteria->len; i++)
        {
          const AffAuditCriterion *criterion = g_ptr_array_index (criteria, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, aff_audit_criterion_get_id (criterion));
          json_builder_set_member_name (builder, "capability");
          json_builder_add_string_value (builder, g_enum_get_value (capabilities,
                                         aff_audit_criterion_get_capability (criterion))->value_nick);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, aff_audit_criterion_get_title (criterion));
          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder, g_enum_get_value (statuses,
                                         aff_audit_criterion_get_status (criterion))->value_nick);
          print_strv (builder, "evidence", aff_audit_criterion_get_evidence (criterion));
          print_strv (builder, "missing", aff_audit_criterion_get_missing (criterion));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_json (builder);
    }
  else
    {
      g_autofree char *text = aff_audit_render (audit, format);

      g_print ("%s", text);
    }
  return EXIT_OK;
}

/* affaires rex render AFFAIR: its lessons learned. */
static int
run_rex_render (const char *path,
                const char *affair_id)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autofree char *text = NULL;
  AffDocumentFormat format;
  AffAffair *affair;

  if (affair_id == NULL)
    {
      g_printerr (_("affaires: rex render needs the id of an affair\n"));
      return EXIT_USER;
    }
  if (!parse_format (&format))
    return EXIT_USER;
  if ((portfolio = open_portfolio (path, &code)) == NULL)
    return code;
  if ((affair = aff_portfolio_lookup_affair (portfolio, affair_id)) == NULL)
    {
      g_printerr (_("affaires: %s: the portfolio has no affair “%s”\n"), path, affair_id);
      return EXIT_USER;
    }
  if (aff_affair_get_rex (affair) == NULL)
    {
      g_printerr (_("affaires: affair %s has no lessons learned yet\n"), affair_id);
      return EXIT_USER;
    }
  text = aff_rex_render (aff_affair_get_rex (affair), format);
  g_print ("%s", text);
  return EXIT_OK;
}

/* affaires rex lessons [AFFAIR]: the lessons of the other affairs about
 * its activities, or every improvement proposed and its status. */
static int
run_rex_lessons (const char *path,
                 const char *affair_id)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  if ((portfolio = open_portfolio (path, &code)) == NULL)
    return code;
  if (affair_id == NULL)
    {
      g_autoptr(GEnumClass) statuses = g_type_class_ref (AFF_TYPE_IMPROVEMENT_STATUS);

      found = aff_portfolio_list_improvements (portfolio, -1);
      for (guint i = 0; i < found->len; i++)
        {
          const AffImprovement *improvement = g_ptr_array_index (found, i);

          g_print ("%-14s %-10s %s (%s)\n", aff_improvement_get_affair_id (improvement),
                   g_enum_get_value (statuses, aff_improvement_get_status (improvement))->value_nick,
                   aff_improvement_get_title (improvement), aff_improvement_get_owner (improvement));
        }
      return EXIT_OK;
    }
  if ((found = aff_portfolio_find_affair_lessons (portfolio, affair_id, &error)) == NULL)
    return fail (error);
  for (guint i = 0; i < found->len; i++)
    {
      const AffLesson *lesson = g_ptr_array_index (found, i);
      /* Translators: the separator between the reasons a lesson was found */
      g_autofree char *why = g_strjoinv (_("; "), (char **) aff_lesson_get_reasons (lesson));

      g_print ("%-14s %2u  %s (%s)\n", aff_lesson_get_affair_id (lesson), aff_lesson_get_score (lesson),
               aff_lesson_get_text (lesson), why);
    }
  return EXIT_OK;
}

/* affaires finance dashboard: the portfolio dashboard on the day. */
static int
run_finance_dashboard (const char *path)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(AffDashboard) dashboard = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AffDocumentFormat format;
  GDate day;

  if (!parse_day (&day) || !parse_format (&format))
    return EXIT_USER;
  if ((portfolio = open_portfolio (path, &code)) == NULL)
    return code;
  if ((dashboard = aff_portfolio_compute_dashboard (portfolio, &day, &error)) == NULL)
    return fail (error);
  text = aff_dashboard_render (dashboard, format);
  g_print ("%s", text);
  return EXIT_OK;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *command, *sub;

  setlocale (LC_ALL, "");
  textdomain (GETTEXT_PACKAGE);
  context = g_option_context_new (_("COMMAND [ARGS…] — the work of a responsable d’affaires"));
  g_option_context_add_main_entries (context, global_entries, NULL);
  g_option_context_set_summary (context,
    _("Commands:\n"
      "  demo                 create a demo portfolio and show what it holds\n"
      "  client list          list the clients of the portfolio\n"
      "  journal show         print the journal and verify its chain\n"
      "  journal verify       verify the journal's chain\n"
      "  check [FILE]         validate a portfolio document\n"
      "  finance dashboard    the margin and WIP dashboard on --date (--format md|html)\n"
      "  rex render AFFAIR    the lessons learned of an affair (--format md|html)\n"
      "  rex lessons [AFFAIR] the lessons of other affairs about its activities;\n"
      "                       without an affair, every improvement proposed\n"
      "  rex audit AFFAIR     the audit of an affair's dossier on --date against the\n"
      "                       criteria of the role (--format md|html, or --json)"));
  g_option_context_set_description (context,
    _("Exit status: 0 success, 1 user error, 2 invalid input file, "
      "3 journal does not verify, 4 input/output failure."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr (_("affaires: %s\n"), error->message);
      return EXIT_USER;
    }
  if (show_version)
    {
      g_print ("affaires %s\n", AFF_VERSION_S);
      return EXIT_OK;
    }
  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      return EXIT_USER;
    }

  path = portfolio_path ? g_strdup (portfolio_path) : default_portfolio_path ();
  command = argv[1];
  sub = argc > 2 ? argv[2] : NULL;
  if (strcmp (command, "demo") == 0)
    return run_demo (path);
  if (strcmp (command, "client") == 0 && g_strcmp0 (sub, "list") == 0)
    return run_client_list (path);
  if (strcmp (command, "journal") == 0 && (g_strcmp0 (sub, "show") == 0 || g_strcmp0 (sub, "verify") == 0))
    return run_journal (path, strcmp (sub, "verify") == 0);
  if (strcmp (command, "check") == 0)
    return run_check (sub ? sub : path);
  if (strcmp (command, "rex") == 0 && g_strcmp0 (sub, "audit") == 0)
    return run_rex_audit (path, argc > 3 ? argv[3] : NULL);
  if (strcmp (command, "rex") == 0 && g_strcmp0 (sub, "render") == 0)
    return run_rex_render (path, argc > 3 ? argv[3] : NULL);
  if (strcmp (command, "rex") == 0 && g_strcmp0 (sub, "lessons") == 0)
    return run_rex_lessons (path, argc > 3 ? argv[3] : NULL);
  if (strcmp (command, "finance") == 0 && g_strcmp0 (sub, "dashboard") == 0)
    return run_finance_dashboard (path);

  g_printerr (_("affaires: unknown command “%s%s%s”; see affaires --help\n"),
              command, sub ? " " : "", sub ? sub : "");
  return EXIT_USER;
}
