/* affaires: the command-line face of libaffaires
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Exit codes: 0 success, 1 user error (bad arguments, an operation refused),
 * 2 invalid input file, 3 the journal does not verify, 4 input/output failure.
 */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include <affaires.h>

#include "demo-affair.h"

enum {
  EXIT_OK = 0,
  EXIT_USER = 1,
  EXIT_INVALID_INPUT = 2,
  EXIT_TAMPERED = 3,
  EXIT_IO = 4,
  EXIT_CONFLICT = 5,
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
  { "json", 0, 0, G_OPTION_ARG_NONE, &json_output,
    N_("Write machine-readable JSON: the data, the document, or what a change did"), NULL },
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
  if (error->domain == AFF_ERROR && error->code == AFF_ERROR_CONFLICT)
    return EXIT_CONFLICT;
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

static void
iso_date (const GDate *date,
          char         text[16])
{
  g_date_strftime (text, 16, "%Y-%m-%d", date);
}

/* Where open_portfolio() keeps, on the portfolio, the number of journal
 * entries the document held: the entries a command appended are those
 * that follow, which --json lists; a portfolio the command created, without
 * it, counts from 0. */
#define JOURNAL_MARK "affaires-journal-mark"
/* And the store it came from, which saves it back: a JSON document or a
 * SQLite database, as aff_store_open() tells from the file. */
#define STORE "affaires-store"

static AffPortfolio *
open_portfolio (const char *path,
                int        *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffStore) store = aff_store_open (path, &error);
  AffPortfolio *portfolio = store != NULL ? aff_store_load (store, &error) : NULL;

  if (portfolio == NULL)
    {
      *code = fail (error);
      return NULL;
    }
  g_object_set_data (G_OBJECT (portfolio), JOURNAL_MARK,
                     GUINT_TO_POINTER (aff_journal_get_n_entries (aff_portfolio_get_journal (portfolio))));
  g_object_set_data_full (G_OBJECT (portfolio), STORE, g_steal_pointer (&store), g_object_unref);
  return portfolio;
}

/* Writes the portfolio back, atomically: on failure the previous file
 * stays whole. A portfolio the command made goes to the store of @path,
 * created; one it opened goes back to its own, which refuses to save over
 * what someone else saved since. */
static int
save_portfolio (AffPortfolio *portfolio,
                const char   *path)
{
  g_autoptr(GError) error = NULL;
  AffStore *store;
  g_autofree char *folder = g_path_get_dirname (path);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_printerr (_("affaires: cannot create %s: %s\n"), folder, g_strerror (errno));
      return EXIT_IO;
    }
  store = g_object_get_data (G_OBJECT (portfolio), STORE);
  if (store == NULL)
    {
      if ((store = aff_store_open (path, &error)) == NULL)
        return fail (error);
      g_object_set_data_full (G_OBJECT (portfolio), STORE, store, g_object_unref);
    }
  if (!aff_store_save (store, portfolio, &error))
    return fail (error);
  return EXIT_OK;
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

/* The clients to contact again on @date, as the demo and client due
 * print them. */
static void
print_follow_up (AffPortfolio *portfolio,
                 const GDate  *date)
{
  g_autoptr(GPtrArray) due = aff_portfolio_list_clients_due_for_follow_up (portfolio, date);
  char text[16];
  guint i;

  iso_date (date, text);
  g_print (_("Due for follow-up on %s:\n"), text);
  for (i = 0; i < due->len; i++)
    {
      AffClient *client = g_ptr_array_index (due, i);
      GDate when;

      if (aff_portfolio_get_follow_up_date (portfolio, client, &when))
        {
          iso_date (&when, text);
          g_print (_("  %-12s %-24s since %s\n"), aff_client_get_id (client),
                   aff_client_get_name (client), text);
        }
      else
        g_print (_("  %-12s %-24s never contacted\n"), aff_client_get_id (client),
                 aff_client_get_name (client));
    }
}

static gboolean
is_demo_file (const char *path)
{
  g_autoptr(AffStore) store = aff_store_open (path, NULL);
  g_autoptr(AffPortfolio) existing = store != NULL ? aff_store_load (store, NULL) : NULL;

  return existing != NULL && g_strcmp0 (aff_portfolio_get_name (existing), DEMO_NAME) == 0;
}

/* Builds the demo into @path, telling its story, and writes its documents
 * into @documents, adding to @written the files it wrote. */
static int
run_demo (const char *path,
          const char *documents,
          GPtrArray  *written)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(AffDevelopmentFigures) figures = NULL;
  g_autoptr(GDate) review = date_new (1, G_DATE_DECEMBER, 2026);
  g_autoptr(GDate) year_start = date_new (1, G_DATE_JANUARY, 2026);
  AffClient *arc;
  int code;

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

  if (!demo_carry_out (portfolio, documents, written, &error))
    return fail (error);

  if (!aff_journal_verify (aff_portfolio_get_journal (portfolio), &error))
    return fail (error);
  g_print (_("Journal: %u entries, chain verified\n"),
           aff_journal_get_n_entries (aff_portfolio_get_journal (portfolio)));

  if ((code = save_portfolio (portfolio, path)) != EXIT_OK)
    return code;
  g_print (_("Saved to %s\n"), path);
  return EXIT_OK;
}

static const char *
nick_of (GType type,
         int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  return found != NULL ? found->value_nick : "?";
}

/* Reads @text as one of the nicks of the enumeration @type; @what names
 * the argument in the message. */
static gboolean
parse_nick (GType       type,
            const char *what,
            const char *text,
            int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value_by_nick (klass, text);

  if (found == NULL)
    {
      g_autoptr(GString) nicks = g_string_new (NULL);

      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (nicks, "%s%s", i > 0 ? ", " : "", klass->values[i].value_nick);
      g_printerr (_("affaires: %s: “%s” is not one of %s\n"), what, text, nicks->str);
      return FALSE;
    }
  *value = found->value;
  return TRUE;
}

/* Reads a day written YYYY-MM-DD, given to @option. */
static gboolean
parse_iso_day (const char *option,
               const char *text,
               GDate      *date)
{
  guint64 year = 0, month = 0, day = 0;
  gboolean digits = strlen (text) == 10 && text[4] == '-' && text[7] == '-';

  for (guint i = 0; digits && i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      digits = FALSE;
  if (digits)
    {
      year = g_ascii_strtoull (text, NULL, 10);
      month = g_ascii_strtoull (text + 5, NULL, 10);
      day = g_ascii_strtoull (text + 8, NULL, 10);
    }
  if (!digits || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_printerr (_("affaires: %s %s: expected a day as YYYY-MM-DD\n"), option, text);
      return FALSE;
    }
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* The day of --date, or today: the tool's clock, never the library's. */
static gboolean
parse_day (GDate *date)
{
  if (date_text == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (date, 1);
      g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      return TRUE;
    }
  return parse_iso_day ("--date", date_text, date);
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

/* An amount for people, in the conventions of the user's locale (plain
 * "1234.56 EUR" under C). */
static char *
format_money (const AffMoney *money)
{
  return aff_money_format (money, setlocale (LC_MONETARY, NULL));
}

/* The work (task or lot) given on the command line: "-" for the whole
 * affair. */
static const char *
work_or_null (const char *work)
{
  return strcmp (work, "-") == 0 || *work == '\0' ? NULL : work;
}

/* An error of an affair's ledger or progress, naming the affair when the
 * library's message does not. */
static int
fail_in_affair (GError     *error,
                const char *affair_id)
{
  if (strstr (error->message, affair_id) == NULL)
    g_prefix_error (&error, _("affair %s: "), affair_id);
  return fail (error);
}

/* The same for an offer. */
static int
fail_in_offer (GError     *error,
               const char *offer_id)
{
  if (strstr (error->message, offer_id) == NULL)
    g_prefix_error (&error, _("offer %s: "), offer_id);
  return fail (error);
}

/* The portfolio with its affair @affair_id in *@affair, or NULL with
 * *@code set: the commands on an affair name it when it is missing, the
 * library's lookup being silent. */
static AffPortfolio *
open_affair (const char  *path,
             const char  *affair_id,
             AffAffair  **affair,
             int         *code)
{
  g_autoptr(AffPortfolio) portfolio = open_portfolio (path, code);

  if (portfolio == NULL)
    return NULL;
  if ((*affair = aff_portfolio_lookup_affair (portfolio, affair_id)) == NULL)
    {
      g_printerr (_("affaires: %s: the portfolio has no affair “%s”\n"), path, affair_id);
      *code = EXIT_USER;
      return NULL;
    }
  return g_steal_pointer (&portfolio);
}

/* The portfolio with the lessons learned of its affair @affair_id in
 * *@rex, or NULL with *@code set: rex create draws them up before anything
 * is added to them. */
static AffPortfolio *
open_rex (const char  *path,
          const char  *affair_id,
          AffRex     **rex,
          int         *code)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) portfolio = open_affair (path, affair_id, &affair, code);

  if (portfolio == NULL)
    return NULL;
  if ((*rex = aff_affair_get_rex (affair)) == NULL)
    {
      g_printerr (_("affaires: affair %s has no lessons learned yet\n"), affair_id);
      *code = EXIT_USER;
      return NULL;
    }
  return g_steal_pointer (&portfolio);
}

/* The portfolio with its affair, for a command dated by --date: the day
 * in *@day and as text in @text; --date is checked first, so that a
 * mistyped day is reported without reading the file. */
static AffPortfolio *
open_affair_on_day (const char  *path,
                    const char  *affair_id,
                    GDate       *day,
                    char         text[16],
                    AffAffair  **affair,
                    int         *code)
{
  if (!parse_day (day))
    {
      *code = EXIT_USER;
      return NULL;
    }
  iso_date (day, text);
  return open_affair (path, affair_id, affair, code);
}

/* The portfolio for a document of the day (audit, dashboard): --date and
 * --format are checked first, so that a mistyped option is reported
 * without reading the file. */
static AffPortfolio *
open_for_document (const char        *path,
                   GDate             *day,
                   AffDocumentFormat *format,
                   int               *code)
{
  if (!parse_day (day) || !parse_format (format))
    {
      *code = EXIT_USER;
      return NULL;
    }
  return open_portfolio (path, code);
}

static AffClient *
find_client (AffPortfolio *portfolio,
             const char   *path,
             const char   *client_id)
{
  AffClient *client = aff_portfolio_lookup_client (portfolio, client_id);

  if (client == NULL)
    g_printerr (_("affaires: %s: the portfolio has no client “%s”\n"), path, client_id);
  return client;
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

/* Sets @member to @value, a node it takes, or to null for NULL: what is
 * unknown (no satisfaction measured, an index without its denominator, a
 * date not set) is written null, never as a made-up 0 or "". */
static void
add_value (JsonBuilder *builder,
           const char  *member,
           JsonNode    *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static JsonNode *
int_node (gint64 value)
{
  return json_node_init_int (json_node_alloc (), value);
}

static JsonNode *
double_node (double value)
{
  return json_node_init_double (json_node_alloc (), value);
}

static JsonNode *
boolean_node (gboolean value)
{
  return json_node_init_boolean (json_node_alloc (), value);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  add_value (builder, member, value != NULL ? json_node_init_string (json_node_alloc (), value) : NULL);
}

static void
add_date (JsonBuilder *builder,
          const char  *member,
          const GDate *date)
{
  char text[16];

  if (date == NULL || !g_date_valid (date))
    {
      add_string (builder, member, NULL);
      return;
    }
  iso_date (date, text);
  add_string (builder, member, text);
}

static void
add_money (JsonBuilder    *builder,
           const char     *member,
           const AffMoney *money)
{
  g_autofree char *text = money != NULL ? aff_money_to_string (money) : NULL;

  add_string (builder, member, text);
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(GString) text = g_string_new (NULL);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  json_generator_to_gstring (generator, text);
  /* json-glib 1.6 writes U+001F raw, which strict readers (Python's json
   * among them) refuse. */
  g_string_replace (text, "\x1F", "\\u001f", 0);
  g_print ("%s\n", text->str);
}

/* Every --json document but the lists of client list and rex lessons is
 * one object: this closes it and prints the document. */
static void
print_json_object (JsonBuilder *builder)
{
  json_builder_end_object (builder);
  print_json (builder);
}

/* An entry of the journal, its details as the JSON object they are rather
 * than as the text the library keeps them in. */
static void
journal_entry_to_json (JsonBuilder     *builder,
                       AffJournalEntry *entry)
{
  g_autofree char *when = g_date_time_format_iso8601 (aff_journal_entry_get_timestamp (entry));
  const char *details = aff_journal_entry_get_details (entry);
  JsonNode *details_node = NULL;

  if (details != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      /* Details that do not parse stay as the text they are, rather than
       * being lost. */
      if (json_parser_load_from_data (parser, details, -1, NULL) && json_parser_get_root (parser) != NULL)
        details_node = json_node_copy (json_parser_get_root (parser));
      else
        details_node = json_node_init_string (json_node_alloc (), details);
    }
  json_builder_begin_object (builder);
  add_value (builder, "sequence", int_node ((gint64) aff_journal_entry_get_sequence (entry)));
  add_string (builder, "timestamp", when);
  add_string (builder, "actor", aff_journal_entry_get_actor (entry));
  add_string (builder, "entity_kind", aff_journal_entry_get_entity_kind (entry));
  add_string (builder, "entity_id", aff_journal_entry_get_entity_id (entry));
  add_string (builder, "action", aff_journal_entry_get_action (entry));
  add_value (builder, "details", details_node);
  json_builder_end_object (builder);
}

/* @member: the entries of @journal from the index @first on. */
static void
add_journal_entries (JsonBuilder *builder,
                     const char  *member,
                     AffJournal  *journal,
                     guint        first)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = first; i < aff_journal_get_n_entries (journal); i++)
    journal_entry_to_json (builder, aff_journal_get_entry (journal, i));
  json_builder_end_array (builder);
}

/* The facts a change tells besides its sentence (an id given, a date
 * computed, a list), for --json: an object the command fills with the
 * add_*() helpers and hands to save_and_tell(), which closes it. */
static JsonBuilder *
begin_facts (void)
{
  JsonBuilder *facts = json_builder_new ();

  json_builder_begin_object (facts);
  return facts;
}

/* Saves the portfolio a command changed, then tells what it did: nothing
 * is printed when the save fails, so that what is read was kept. With
 * --json, every change answers with the same object instead of the
 * sentence: the file, the sentence, the journal entries this run appended,
 * then the members of @facts (NULL for none), so that a script learns what
 * happened without parsing a translated sentence. */
G_GNUC_PRINTF (4, 5)
static int
save_and_tell (AffPortfolio *portfolio,
               const char   *path,
               JsonBuilder  *facts,
               const char   *format,
               ...)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *message = NULL;
  AffJournal *journal = aff_portfolio_get_journal (portfolio);
  /* Counted before the save: a store may put another's entries before ours. */
  guint appended = aff_journal_get_n_entries (journal) -
                   GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (portfolio), JOURNAL_MARK));
  va_list args;
  gsize length;
  int code;

  if ((code = save_portfolio (portfolio, path)) != EXIT_OK)
    return code;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (!json_output)
    {
      g_print ("%s", message);
      return EXIT_OK;
    }
  if ((length = strlen (message)) > 0 && message[length - 1] == '\n')
    message[length - 1] = '\0';
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "portfolio", path);
  add_string (builder, "message", message);
  add_journal_entries (builder, "journal", journal, aff_journal_get_n_entries (journal) - appended);
  if (facts != NULL)
    {
      g_autoptr(JsonNode) root = NULL;
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_builder_end_object (facts);
      root = json_builder_get_root (facts);
      json_object_iter_init_ordered (&iter, json_node_get_object (root));
      while (json_object_iter_next_ordered (&iter, &name, &value))
        add_value (builder, name, json_node_copy (value));
    }
  print_json_object (builder);
  return EXIT_OK;
}

/* The lists of an item on a day (invoices due, drifts, gaps of the
 * dossier, problems of an offer) share their JSON: an object with the item
 * as @kind, the day and the list as @member, which this opens and
 * print_affair_list() closes. */
static void
begin_list (JsonBuilder *builder,
            const char  *kind,
            const char  *id,
            const GDate *day,
            const char  *member)
{
  json_builder_begin_object (builder);
  if (kind != NULL)
    add_string (builder, kind, id);
  add_date (builder, "date", day);
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
}

static void
begin_affair_list (JsonBuilder *builder,
                   const char  *affair_id,
                   const GDate *day,
                   const char  *member)
{
  begin_list (builder, "affair", affair_id, day, member);
}

static void
print_affair_list (JsonBuilder *builder)
{
  json_builder_end_array (builder);
  print_json_object (builder);
}

/* Prints and frees the audit the library rendered: the renderers hand
 * their text over to the caller. */
static void
print_document (char *text)
{
  g_print ("%s", text);
  g_free (text);
}

/* One line of a table: the label padded to @width characters, not bytes,
 * so that translated labels with accents stay aligned. */
static void
print_row (const char *label,
           guint       width,
           const char *value)
{
  glong length = g_utf8_strlen (label, -1);

  g_print ("  %s", label);
  for (glong i = length; i < (glong) width; i++)
    g_print (" ");
  g_print (" %s\n", value);
}

/* ---- The commands ------------------------------------------------------- */

/* The options of the subcommands, set by the parse of the command line. */
static gboolean show_help = FALSE;
static char *opt_siren = NULL;
static char *opt_naf = NULL;
static char *opt_address = NULL;
static char *opt_contact = NULL;
static int opt_satisfaction = G_MININT;
static char *opt_received = NULL;
static char *opt_deadline = NULL;
static char **opt_activities = NULL;
static char *opt_by = NULL;
static char *opt_why = NULL;
static char *opt_supplier = NULL;
static char *opt_document = NULL;
static char *opt_commitment = NULL;
static char *opt_benefit = NULL;
static char *opt_owner = NULL;
static char *opt_kind = NULL;
static char *opt_analysis = NULL;
static char *opt_action = NULL;
static char *opt_due = NULL;
static char *opt_effect = NULL;
static char *opt_minutes = NULL;
static char *opt_note = NULL;
static char **opt_to = NULL;
static char *opt_validity = NULL;
static char *opt_lot = NULL;
static char **opt_requirements = NULL;
static char *opt_skill = NULL;
static char *opt_measures = NULL;
static char *opt_output = NULL;

static const GOptionEntry help_entries[] = {
  { "help", 'h', 0, G_OPTION_ARG_NONE, &show_help, N_("Show the help of the command and exit"), NULL },
  { NULL }
};

static const GOptionEntry no_entries[] = { { NULL } };

static const GOptionEntry client_add_entries[] = {
  { "siren", 0, 0, G_OPTION_ARG_STRING, &opt_siren, N_("The SIREN of the company, 9 digits"), N_("SIREN") },
  { "naf", 0, 0, G_OPTION_ARG_STRING, &opt_naf, N_("Its sector, as a NAF code such as 24.10Z"), N_("CODE") },
  { "address", 0, 0, G_OPTION_ARG_STRING, &opt_address, N_("Its postal address"), N_("TEXT") },
  { NULL }
};

static const GOptionEntry client_interaction_entries[] = {
  { "contact", 0, 0, G_OPTION_ARG_STRING, &opt_contact, N_("The contact it was held with, one of the client's"),
    N_("NAME") },
  { "satisfaction", 0, 0, G_OPTION_ARG_INT, &opt_satisfaction,
    N_("The satisfaction the client expressed, from 0 to 10"), N_("N") },
  { NULL }
};

static const GOptionEntry consultation_add_entries[] = {
  { "received", 0, 0, G_OPTION_ARG_STRING, &opt_received, N_("The day it was received (required)"), N_("DATE") },
  { "deadline", 0, 0, G_OPTION_ARG_STRING, &opt_deadline, N_("The day the offer is due (required)"), N_("DATE") },
  { "activity", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_activities,
    N_("An activity the work needs; repeat it for each"), N_("ACTIVITY") },
  { NULL }
};

static const GOptionEntry consultation_decide_entries[] = {
  { "by", 0, 0, G_OPTION_ARG_STRING, &opt_by, N_("Who takes the decision (required)"), N_("NAME") },
  { "why", 0, 0, G_OPTION_ARG_STRING, &opt_why,
    N_("Why; required to decide against the evaluation"), N_("TEXT") },
  { NULL }
};

static const GOptionEntry finance_cost_entries[] = {
  { "supplier", 0, 0, G_OPTION_ARG_STRING, &opt_supplier, N_("The supplier or subcontractor"), N_("NAME") },
  { "document", 0, 0, G_OPTION_ARG_STRING, &opt_document,
    N_("The document of the cost: an order for a commitment, an invoice for an actual cost"), N_("REF") },
  { "commitment", 0, 0, G_OPTION_ARG_STRING, &opt_commitment,
    N_("The order an actual cost settles"), N_("REF") },
  { NULL }
};

static const GOptionEntry rex_improvement_entries[] = {
  { "why", 0, 0, G_OPTION_ARG_STRING, &opt_why, N_("Why it is proposed (required)"), N_("TEXT") },
  { "benefit", 0, 0, G_OPTION_ARG_STRING, &opt_benefit, N_("What it is expected to bring (required)"), N_("TEXT") },
  { "owner", 0, 0, G_OPTION_ARG_STRING, &opt_owner, N_("Who carries it out (required)"), N_("NAME") },
  { NULL }
};

static char **opt_tasks = NULL;
static int opt_delay = 0;

static const GOptionEntry plan_hazard_entries[] = {
  { "task", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_tasks, N_("A task the hazard delays (repeat)"), N_("TASK") },
  { "delay", 0, 0, G_OPTION_ARG_INT, &opt_delay, N_("Working days of delay"), N_("DAYS") },
  { NULL }
};

static const GOptionEntry plan_task_entries[] = {
  { "kind", 0, 0, G_OPTION_ARG_STRING, &opt_kind, N_("What the task is (default: task)"), N_("KIND") },
  { NULL }
};

static const GOptionEntry finance_action_entries[] = {
  { "analysis", 0, 0, G_OPTION_ARG_STRING, &opt_analysis, N_("Why the affair drifted (required)"), N_("TEXT") },
  { "action", 0, 0, G_OPTION_ARG_STRING, &opt_action, N_("What is done about it (required)"), N_("TEXT") },
  { "owner", 0, 0, G_OPTION_ARG_STRING, &opt_owner, N_("Who carries it out (required)"), N_("NAME") },
  { "due", 0, 0, G_OPTION_ARG_STRING, &opt_due, N_("The day it is due (required)"), N_("DATE") },
  { "effect", 0, 0, G_OPTION_ARG_STRING, &opt_effect,
    N_("What it changes in the estimate at completion, excluding VAT"), N_("AMOUNT") },
  { NULL }
};

static const GOptionEntry dossier_meeting_entries[] = {
  { "minutes", 0, 0, G_OPTION_ARG_STRING, &opt_minutes, N_("Its minutes"), N_("TEXT") },
  { NULL }
};

static const GOptionEntry dossier_action_entries[] = {
  { "owner", 0, 0, G_OPTION_ARG_STRING, &opt_owner, N_("Who carries it out (required)"), N_("NAME") },
  { "due", 0, 0, G_OPTION_ARG_STRING, &opt_due, N_("The day it is due (required)"), N_("DATE") },
  { NULL }
};

static const GOptionEntry dossier_report_entries[] = {
  { "to", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_to,
    N_("A recipient; repeat it for each (default: the distribution list)"), N_("NAME") },
  { NULL }
};

static const GOptionEntry dossier_done_entries[] = {
  { "note", 0, 0, G_OPTION_ARG_STRING, &opt_note, N_("What was done"), N_("TEXT") },
  { NULL }
};

static const GOptionEntry offer_new_entries[] = {
  { "validity", 0, 0, G_OPTION_ARG_STRING, &opt_validity,
    N_("The last day its first revision is valid; sending needs it"), N_("DATE") },
  { NULL }
};

static const GOptionEntry offer_line_entries[] = {
  { "lot", 0, 0, G_OPTION_ARG_STRING, &opt_lot, N_("The lot or task of the plan it belongs to"), N_("LOT") },
  { "requirement", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_requirements,
    N_("A requirement of the consultation it answers; repeat it for each"), N_("REQ") },
  { "skill", 0, 0, G_OPTION_ARG_STRING, &opt_skill,
    N_("For labour in hours: the skill, priced at the policy's rate"), N_("SKILL") },
  { NULL }
};

static const GOptionEntry offer_decline_entries[] = {
  { "note", 0, 0, G_OPTION_ARG_STRING, &opt_note, N_("What the client said"), N_("TEXT") },
  { NULL }
};

static const GOptionEntry offer_approve_entries[] = {
  { "by", 0, 0, G_OPTION_ARG_STRING, &opt_by, N_("Who in the management approves (required)"), N_("NAME") },
  { "why", 0, 0, G_OPTION_ARG_STRING, &opt_why, N_("Why the margin is accepted (required)"), N_("TEXT") },
  { NULL }
};

static const GOptionEntry offer_acknowledge_entries[] = {
  { "measures", 0, 0, G_OPTION_ARG_STRING, &opt_measures,
    N_("How the offer provides for the work, as the client reads it (required)"), N_("TEXT") },
  { NULL }
};

/* One --output for every command that writes a document, so that it reads
 * the same in each --help and a script need not redirect the standard
 * output, which would leave half a file behind a failure. */
#define OUTPUT_ENTRY \
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, \
    N_("Write the document into FILE, replaced whole, instead of the standard output"), N_("FILE") }

static const GOptionEntry document_entries[] = {
  OUTPUT_ENTRY,
  { NULL }
};

static const GOptionEntry export_document_entries[] = {
  { "document", 0, 0, G_OPTION_ARG_STRING, &opt_document,
    N_("report (the default), client-report, management-plan or rex"), N_("DOCUMENT") },
  OUTPUT_ENTRY,
  { NULL }
};

/* ---- Files and documents ------------------------------------------------ */

#define PROGRESS_THRESHOLD (1024 * 1024)
#define PROGRESS_CHUNK (64 * 1024)

/* Whether reading or writing @size bytes tells its progress: on a
 * terminal only, where a carriage return rewrites the line, and for a file
 * large enough to make the wait noticeable. */
static gboolean
progress_wanted (gsize size)
{
  return isatty (STDERR_FILENO) && size > PROGRESS_THRESHOLD;
}

/* Whether finance import-costs tells its progress reading @file, whose
 * size it then gives. */
static gboolean
shows_progress (const char *file,
                gsize      *size)
{
  GStatBuf info;

  if (g_stat (file, &info) != 0 || info.st_size < 0 || !progress_wanted ((gsize) info.st_size))
    return FALSE;
  *size = (gsize) info.st_size;
  return TRUE;
}

/* Rewrites the line of progress on the standard error. */
G_GNUC_PRINTF (1, 2)
static void
show_progress (const char *format,
               ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("\r%s", text);
}

/* Reads @file whole, telling the bytes read as they come against its
 * @size: the only progress the tool can measure, the library importing in
 * one call. */
static gboolean
read_with_progress (const char  *file,
                    gsize        size,
                    char       **text,
                    gsize       *length,
                    GError     **error)
{
  g_autoptr(GString) contents = g_string_new (NULL);
  FILE *stream = g_fopen (file, "rb");
  char buffer[PROGRESS_CHUNK];
  gsize n;

  if (stream == NULL)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("cannot open %s: %s"), file,
                   g_strerror (saved));
      return FALSE;
    }
  while ((n = fread (buffer, 1, sizeof buffer, stream)) > 0)
    {
      g_string_append_len (contents, buffer, (gssize) n);
      show_progress (_("Reading %s: %zu of %zu kB…"), file, contents->len / 1024, size / 1024);
    }
  if (ferror (stream))
    {
      int saved = errno;

      fclose (stream);
      g_printerr ("\n");
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("cannot read %s: %s"), file,
                   g_strerror (saved));
      return FALSE;
    }
  fclose (stream);
  g_printerr ("\n");
  *length = contents->len;
  *text = g_string_free (g_steal_pointer (&contents), FALSE);
  return TRUE;
}

/* Writes @length bytes of @text into @file through a temporary file beside
 * it, synced, then renamed over it: a reader never finds half a document,
 * and on a failure the file that was there stays whole. It goes in chunks
 * so that a large document can tell its progress. */
static gboolean
write_atomically (const char  *file,
                  const char  *text,
                  gsize        length,
                  GError     **error)
{
  g_autofree char *temporary = g_strconcat (file, ".XXXXXX", NULL);
  gboolean progress = progress_wanted (length);
  gsize written = 0;
  int fd, saved = 0;

  if ((fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0666)) < 0)
    saved = errno;
  while (fd >= 0 && saved == 0 && written < length)
    {
      gssize n = write (fd, text + written, MIN (length - written, (gsize) PROGRESS_CHUNK));

      if (n > 0)
        written += (gsize) n;
      else if (n == 0 || errno != EINTR)
        saved = n == 0 ? EIO : errno;
      if (progress)
        show_progress (_("%s: written %zu / %zu KiB"), file, written / 1024, length / 1024);
    }
  if (fd >= 0 && saved == 0 && fsync (fd) != 0)
    saved = errno;
  if (fd >= 0 && close (fd) != 0 && saved == 0)
    saved = errno;
  if (fd >= 0 && saved == 0 && g_rename (temporary, file) != 0)
    saved = errno;
  if (fd >= 0 && saved != 0)
    g_unlink (temporary);
  if (progress)
    g_printerr ("\n");
  if (saved != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("cannot write %s: %s"), file,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

#define MEDIA_TYPE_CSV "text/csv"
#define MEDIA_TYPE_SVG "image/svg+xml"
#define MEDIA_TYPE_ICALENDAR "text/calendar"

static const char *
media_type_of (AffDocumentFormat format)
{
  return format == AFF_DOCUMENT_FORMAT_HTML ? "text/html" : "text/markdown";
}

/* Hands over a document the library rendered, and frees it: on the
 * standard output, or into --output; with --json, wrapped in an object
 * with its @media_type, or saying where it went, so that a script never
 * has to tell a document from a message. */
static int
emit_document (char       *text,
               const char *media_type)
{
  g_autofree char *document = text;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = strlen (document);

  if (opt_output != NULL && !write_atomically (opt_output, document, length, &error))
    return fail (error);
  if (!json_output)
    {
      if (opt_output != NULL)
        g_print (ngettext ("Wrote %s (%zu byte)\n", "Wrote %s (%zu bytes)\n", (gulong) length), opt_output, length);
      else
        g_print ("%s", document);
      return EXIT_OK;
    }
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  if (opt_output != NULL)
    {
      add_string (builder, "written", opt_output);
      add_value (builder, "bytes", int_node ((gint64) length));
    }
  add_string (builder, "media_type", media_type);
  if (opt_output == NULL)
    add_string (builder, "document", document);
  print_json_object (builder);
  return EXIT_OK;
}

static void
print_nothing (const char *text)
{
}

/* affaires demo */
static int
cmd_demo (const char  *path,
          char       **args)
{
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *documents = g_build_filename (folder, "demo", NULL);
  int code;

  /* The story of the demo is for people: with --json it is muted, and one
   * object says where the portfolio and the documents went instead. */
  if (json_output)
    g_set_print_handler (print_nothing);
  code = run_demo (path, documents, written);
  if (!json_output)
    return code;
  g_set_print_handler (NULL);
  if (code != EXIT_OK)
    return code;
  json_builder_begin_object (builder);
  add_string (builder, "portfolio", path);
  add_string (builder, "output_folder", documents);
  g_ptr_array_add (written, NULL);
  print_strv (builder, "files", (const char *const *) written->pdata);
  print_json_object (builder);
  return EXIT_OK;
}

/* affaires client list */
static int
cmd_client_list (const char  *path,
                 char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = open_portfolio (path, &code);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *clients;
  guint i;

  if (portfolio == NULL)
    return code;
  clients = aff_portfolio_get_clients (portfolio);
  json_builder_begin_array (builder);
  for (i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(AffClient) client = g_list_model_get_item (clients, i);
      const char *status = nick_of (AFF_TYPE_CLIENT_STATUS, aff_client_get_status (client));

      if (json_output)
        {
          json_builder_begin_object (builder);
          add_string (builder, "id", aff_client_get_id (client));
          add_string (builder, "status", status);
          add_string (builder, "name", aff_client_get_name (client));
          json_builder_end_object (builder);
        }
      else
        g_print ("%-12s %-9s %s\n", aff_client_get_id (client), status, aff_client_get_name (client));
    }
  json_builder_end_array (builder);
  if (json_output)
    print_json (builder);
  return EXIT_OK;
}

/* affaires client add ID NAME: a prospect; the first client of a portfolio
 * not written yet creates it. */
static int
cmd_client_add (const char  *path,
                char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) facts = begin_facts ();
  g_autofree char *creation = NULL, *addition = NULL;
  gboolean created = !g_file_test (path, G_FILE_TEST_EXISTS);

  if (created)
    portfolio = aff_portfolio_new ();
  else if ((portfolio = open_portfolio (path, &code)) == NULL)
    return code;
  if (!add_client (portfolio, args[0], args[1], opt_siren, opt_naf, opt_address, &error))
    return fail (error);
  creation = created ? g_strdup_printf (_("Portfolio %s created\n"), path) : g_strdup ("");
  addition = g_strdup_printf (_("Client %s added: %s, prospect\n"), args[0], args[1]);
  add_value (facts, "created", boolean_node (created));
  return save_and_tell (portfolio, path, facts, "%s%s", creation, addition);
}

/* The members of an interaction, into the object open in @builder: client
 * show lists them, client interaction tells those of the one recorded. */
static void
add_interaction_members (JsonBuilder    *builder,
                         AffInteraction *interaction)
{
  int satisfaction = aff_interaction_get_satisfaction (interaction);

  add_string (builder, "id", aff_interaction_get_id (interaction));
  add_date (builder, "date", aff_interaction_get_date (interaction));
  add_string (builder, "kind", nick_of (AFF_TYPE_INTERACTION_KIND, aff_interaction_get_kind (interaction)));
  add_string (builder, "contact", aff_interaction_get_contact (interaction));
  add_string (builder, "summary", aff_interaction_get_summary (interaction));
  add_value (builder, "satisfaction", satisfaction >= 0 ? int_node (satisfaction) : NULL);
  add_date (builder, "next_action", aff_interaction_get_next_action_date (interaction));
}

#define LAST_INTERACTIONS 5

/* affaires client show ID: who the client is and where the relation
 * stands. */
static int
cmd_client_show (const char  *path,
                 char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = open_portfolio (path, &code);
  AffClient *client;
  GListModel *contacts, *interactions;
  guint n_contacts, n_interactions, first, i;
  double satisfaction;
  gboolean has_follow_up;
  GDate follow_up;
  char text[16];
  const char *status;

  if (portfolio == NULL)
    return code;
  if ((client = find_client (portfolio, path, args[0])) == NULL)
    return EXIT_USER;
  contacts = aff_client_get_contacts (client);
  interactions = aff_client_get_interactions (client);
  n_contacts = g_list_model_get_n_items (contacts);
  n_interactions = g_list_model_get_n_items (interactions);
  first = n_interactions > LAST_INTERACTIONS ? n_interactions - LAST_INTERACTIONS : 0;
  satisfaction = aff_client_get_satisfaction_average (client);
  has_follow_up = aff_portfolio_get_follow_up_date (portfolio, client, &follow_up);
  status = nick_of (AFF_TYPE_CLIENT_STATUS, aff_client_get_status (client));

  if (json_output)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "id", aff_client_get_id (client));
      add_string (builder, "name", aff_client_get_name (client));
      add_string (builder, "status", status);
      add_string (builder, "siren", aff_client_get_siren (client));
      add_string (builder, "naf", aff_client_get_sector (client));
      add_string (builder, "address", aff_client_get_address (client));
      add_string (builder, "parent", aff_client_get_parent_id (client));
      json_builder_set_member_name (builder, "contacts");
      json_builder_begin_array (builder);
      for (i = 0; i < n_contacts; i++)
        {
          g_autoptr(AffContact) contact = g_list_model_get_item (contacts, i);

          json_builder_begin_object (builder);
          add_string (builder, "name", aff_contact_get_name (contact));
          add_string (builder, "role", aff_contact_get_role (contact));
          add_string (builder, "email", aff_contact_get_email (contact));
          add_string (builder, "phone", aff_contact_get_phone (contact));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "last_interactions");
      json_builder_begin_array (builder);
      for (i = n_interactions; i > first; i--)
        {
          g_autoptr(AffInteraction) interaction = g_list_model_get_item (interactions, i - 1);

          json_builder_begin_object (builder);
          add_interaction_members (builder, interaction);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      add_value (builder, "satisfaction", satisfaction >= 0 ? double_node (satisfaction) : NULL);
      add_date (builder, "follow_up", has_follow_up ? &follow_up : NULL);
      print_json_object (builder);
      return EXIT_OK;
    }

  g_print ("%s — %s\n", aff_client_get_id (client), aff_client_get_name (client));
  g_print (_("  Status: %s\n"), status);
  if (aff_client_get_siren (client) != NULL)
    g_print (_("  SIREN: %s\n"), aff_client_get_siren (client));
  if (aff_client_get_sector (client) != NULL)
    g_print (_("  NAF code: %s\n"), aff_client_get_sector (client));
  if (aff_client_get_address (client) != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (aff_client_get_address (client), "\n", -1);
      g_autofree char *address = g_strjoinv (", ", lines);

      g_print (_("  Address: %s\n"), address);
    }
  if (aff_client_get_parent_id (client) != NULL)
    g_print (_("  Parent company: %s\n"), aff_client_get_parent_id (client));
  g_print (_("Contacts: %u\n"), n_contacts);
  for (i = 0; i < n_contacts; i++)
    {
      g_autoptr(AffContact) contact = g_list_model_get_item (contacts, i);
      const char *details[] = { aff_contact_get_role (contact), aff_contact_get_email (contact),
                                aff_contact_get_phone (contact) };

      g_print ("  %s", aff_contact_get_name (contact));
      for (guint j = 0; j < G_N_ELEMENTS (details); j++)
        if (details[j] != NULL)
          g_print (", %s", details[j]);
      g_print ("\n");
    }
  g_print (_("Last interactions: %u of %u\n"), n_interactions - first, n_interactions);
  for (i = n_interactions; i > first; i--)
    {
      g_autoptr(AffInteraction) interaction = g_list_model_get_item (interactions, i - 1);
      int score = aff_interaction_get_satisfaction (interaction);

      iso_date (aff_interaction_get_date (interaction), text);
      g_print ("  %s  %-12s %-10s %s", text, aff_interaction_get_id (interaction),
               nick_of (AFF_TYPE_INTERACTION_KIND, aff_interaction_get_kind (interaction)),
               aff_interaction_get_summary (interaction));
      if (aff_interaction_get_contact (interaction) != NULL)
        g_print (" (%s)", aff_interaction_get_contact (interaction));
      if (score >= 0)
        g_print (_(", satisfaction %d / 10"), score);
      g_print ("\n");
    }
  if (satisfaction >= 0)
    g_print (_("Satisfaction: %.1f / 10\n"), satisfaction);
  else
    g_print (_("Satisfaction: not measured\n"));
  if (has_follow_up)
    {
      iso_date (&follow_up, text);
      g_print (_("Next follow-up: %s\n"), text);
    }
  else if (aff_client_get_status (client) == AFF_CLIENT_STATUS_LOST)
    g_print (_("Next follow-up: none, the client is lost\n"));
  else
    g_print (_("Next follow-up: now, never contacted\n"));
  return EXIT_OK;
}

/* affaires client interaction ID KIND SUMMARY: a commercial action. */
static int
cmd_client_interaction (const char  *path,
                        char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(AffInteraction) interaction = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) facts = begin_facts ();
  int kind;
  GDate day;
  char text[16];

  /* Translators: the KIND of "affaires client interaction ID KIND SUMMARY" */
  if (!parse_nick (AFF_TYPE_INTERACTION_KIND, _("KIND"), args[1], &kind) || !parse_day (&day))
    return EXIT_USER;
  if (opt_satisfaction != G_MININT && (opt_satisfaction < 0 || opt_satisfaction > 10))
    {
      g_printerr (_("affaires: --satisfaction %d: expected a score from 0 to 10\n"), opt_satisfaction);
      return EXIT_USER;
    }
  if ((portfolio = open_portfolio (path, &code)) == NULL)
    return code;
  interaction = aff_interaction_new (kind, &day, args[2]);
  aff_interaction_set_contact (interaction, opt_contact);
  if (opt_satisfaction != G_MININT)
    aff_interaction_set_satisfaction (interaction, opt_satisfaction);
  if (!aff_portfolio_record_interaction (portfolio, args[0], interaction, &error))
    return fail (error);
  add_interaction_members (facts, interaction);
  iso_date (&day, text);
  return save_and_tell (portfolio, path, facts, _("Interaction %s recorded with %s on %s\n"),
                        aff_interaction_get_id (interaction), args[0], text);
}

/* affaires client due: the clients to contact again by --date. */
static int
cmd_client_due (const char  *path,
                char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GDate day;

  if (!parse_day (&day))
    return EXIT_USER;
  if ((portfolio = open_portfolio (path, &code)) == NULL)
    return code;
  if (!json_output)
    {
      print_follow_up (portfolio, &day);
      return EXIT_OK;
    }
  due = aff_portfolio_list_clients_due_for_follow_up (portfolio, &day);
  json_builder_begin_object (builder);
  add_date (builder, "date", &day);
  json_builder_set_member_name (builder, "due");
  json_builder_begin_array (builder);
  for (guint i = 0; i < due->len; i++)
    {
      AffClient *client = g_ptr_array_index (due, i);
      GDate since;

      json_builder_begin_object (builder);
      add_string (builder, "id", aff_client_get_id (client));
      add_string (builder, "name", aff_client_get_name (client));
      add_date (builder, "since", aff_portfolio_get_follow_up_date (portfolio, client, &since) ? &since : NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  print_json_object (builder);
  return EXIT_OK;
}

/* affaires consultation add ID CLIENT TITLE --received D --deadline D */
static int
cmd_consultation_add (const char  *path,
                      char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(AffConsultation) consultation = NULL;
  g_autoptr(GPtrArray) duplicates = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) facts = begin_facts ();
  g_autoptr(GString) told = g_string_new (NULL);
  static const char *const none[] = { NULL };
  GDate received, deadline;
  char text[16];

  if (opt_received == NULL || opt_deadline == NULL)
    {
      g_printerr (_("affaires: consultation %s: --received and --deadline are required\n"), args[0]);
      return EXIT_USER;
    }
  if (!parse_iso_day ("--received", opt_received, &received) || !parse_iso_day ("--deadline", opt_deadline, &deadline))
    return EXIT_USER;
  if ((portfolio = open_portfolio (path, &code)) == NULL)
    return code;
  consultation = aff_consultation_new (args[0], args[1], args[2], &received, &deadline);
  aff_consultation_set_activities (consultation, opt_activities != NULL ? (const char *const *) opt_activities : none);
  if (!aff_portfolio_add_consultation (portfolio, consultation, &error))
    return fail (error);
  iso_date (&deadline, text);
  g_string_append_printf (told, _("Consultation %s added for %s, due on %s\n"), args[0], args[1], text);
  duplicates = aff_portfolio_list_possible_duplicates (portfolio, args[0]);
  json_builder_set_member_name (facts, "possible_duplicates");
  json_builder_begin_array (facts);
  for (guint i = 0; i < duplicates->len; i++)
    {
      AffConsultation *other = g_ptr_array_index (duplicates, i);

      g_string_append_printf (told, _("  possible duplicate of %s: %s\n"), aff_consultation_get_id (other),
                              aff_consultation_get_title (other));
      json_builder_begin_object (facts);
      add_string (facts, "id", aff_consultation_get_id (other));
      add_string (facts, "title", aff_consultation_get_title (other));
      json_builder_end_object (facts);
    }
  json_builder_end_array (facts);
  return save_and_tell (portfolio, path, facts, "%s", told->str);
}

/* affaires consultation evaluate ID: the go / no-go on --date, recorded,
 * and its justification. */
static int
cmd_consultation_evaluate (const char  *path,
                           char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(AffBidEvaluation) evaluation = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) facts = begin_facts ();
  g_autoptr(GPtrArray) criteria = NULL;
  g_autofree char *justification = NULL, *head = NULL;
  const char *verdict;
  GDate day;
  char text[16];

  if (!parse_day (&day))
    return EXIT_USER;
  if ((portfolio = open_portfolio (path, &code)) == NULL)
    return code;
  if ((evaluation = aff_portfolio_evaluate_consultation (portfolio, args[0], &day, &error)) == NULL)
    return fail (error);
  verdict = nick_of (AFF_TYPE_BID_VERDICT, aff_bid_evaluation_get_verdict (evaluation));
  justification = aff_bid_evaluation_get_justification (evaluation);
  criteria = aff_bid_evaluation_get_criteria (evaluation);
  add_string (facts, "consultation", args[0]);
  add_date (facts, "date", &day);
  add_string (facts, "verdict", verdict);
  add_value (facts, "score", int_node (aff_bid_evaluation_get_score (evaluation)));
  json_builder_set_member_name (facts, "criteria");
  json_builder_begin_array (facts);
  for (guint i = 0; i < criteria->len; i++)
    {
      const AffBidCriterion *criterion = g_ptr_array_index (criteria, i);

      json_builder_begin_object (facts);
      add_string (facts, "name", aff_bid_criterion_get_name (criterion));
      add_value (facts, "blocking", boolean_node (aff_bid_criterion_is_blocking (criterion)));
      add_value (facts, "weight", int_node (aff_bid_criterion_get_weight (criterion)));
      add_value (facts, "score", int_node (aff_bid_criterion_get_score (criterion)));
      add_value (facts, "passed", boolean_node (aff_bid_criterion_get_passed (criterion)));
      add_string (facts, "explanation", aff_bid_criterion_get_explanation (criterion));
      json_builder_end_object (facts);
    }
  json_builder_end_array (facts);
  add_string (facts, "justification", justification);
  iso_date (&day, text);
  head = g_strdup_printf (_("Consultation %s evaluated on %s: %s, score %u / 100\n\n"), args[0], text, verdict,
                          aff_bid_evaluation_get_score (evaluation));
  return save_and_tell (portfolio, path, facts, "%s%s", head, justification);
}

/* affaires consultation decide ID go|no-go --by NAME [--why TEXT]: the
 * decision, dated by the evaluation; a consultation still as received is
 * qualified on that day first. */
static int
cmd_consultation_decide (const char  *path,
                         char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) facts = begin_facts ();
  AffConsultation *consultation;
  AffBidVerdict verdict, evaluated;
  gboolean against = FALSE;
  GDate day;

  if (strcmp (args[1], "go") == 0)
    verdict = AFF_BID_VERDICT_GO;
  else if (strcmp (args[1], "no-go") == 0)
    verdict = AFF_BID_VERDICT_NO_GO;
  else
    {
      g_printerr (_("affaires: consultation %s: “%s” is not a decision; expected go or no-go\n"), args[0], args[1]);
      return EXIT_USER;
    }
  if ((portfolio = open_portfolio (path, &code)) == NULL)
    return code;
  consultation = aff_portfolio_lookup_consultation (portfolio, args[0]);
  if (consultation != NULL && aff_consultation_get_state (consultation) == AFF_CONSULTATION_STATE_RECEIVED &&
      aff_consultation_get_evaluation (consultation, NULL, NULL, &day) &&
      !aff_consultation_start_qualification (consultation, &day, NULL, &error))
    return fail (error);
  if (!aff_portfolio_decide_consultation (portfolio, args[0], verdict, opt_by, opt_why, &error))
    return fail (error);
  aff_consultation_get_decision (consultation, NULL, NULL, NULL, NULL, &against);
  add_value (facts, "against_evaluation", boolean_node (against));
  if (against && aff_consultation_get_evaluation (consultation, &evaluated, NULL, NULL))
    return save_and_tell (portfolio, path, facts, _("Consultation %s: %s decided by %s, against the evaluation (%s)\n"),
                          args[0], args[1], opt_by, nick_of (AFF_TYPE_BID_VERDICT, evaluated));
  return save_and_tell (portfolio, path, facts, _("Consultation %s: %s decided by %s\n"), args[0], args[1], opt_by);
}

/* The portfolio of @path with the consultation @id in *@consultation, or
 * NULL with *@code set and the consultation named. */
static AffPortfolio *
open_consultation (const char       *path,
                   const char       *id,
                   AffConsultation **consultation,
                   int              *code)
{
  g_autoptr(AffPortfolio) portfolio = open_portfolio (path, code);

  if (portfolio == NULL)
    return NULL;
  if ((*consultation = aff_portfolio_lookup_consultation (portfolio, id)) == NULL)
    {
      g_printerr (_("affaires: %s: the portfolio has no consultation “%s”\n"), path, id);
      *code = EXIT_USER;
      return NULL;
    }
  return g_steal_pointer (&portfolio);
}

/* affaires consultation requirement ID TEXT: the library numbers it; its
 * id is what offer line --requirement names. */
static int
cmd_consultation_requirement (const char  *path,
                              char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(JsonBuilder) facts = begin_facts ();
  AffConsultation *consultation;
  const char *id;

  if ((portfolio = open_consultation (path, args[0], &consultation, &code)) == NULL)
    return code;
  id = aff_consultation_add_requirement (consultation, args[1]);
  add_string (facts, "id", id);
  return save_and_tell (portfolio, path, facts, _("Consultation %s: requirement %s added\n"), args[0], id);
}

static gboolean parse_regulatory_flag (const char         *text,
                                       AffRegulatoryFlags *flag);

/* affaires consultation works ID FLAG...: the dangerous work the request
 * involves (hot work, height, ATEX…), which the offer must then
 * acknowledge before it goes out, and which may require a prevention plan. */
static int
cmd_consultation_works (const char  *path,
                        char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autofree char *works = NULL;
  AffRegulatoryFlags flags = AFF_REGULATORY_FLAGS_NONE, flag;
  AffConsultation *consultation;

  for (guint i = 1; args[i] != NULL; i++)
    {
      if (!parse_regulatory_flag (args[i], &flag))
        return EXIT_USER;
      flags |= flag;
    }
  if ((portfolio = open_consultation (path, args[0], &consultation, &code)) == NULL)
    return code;
  aff_consultation_set_regulatory_flags (consultation, flags);
  works = g_strjoinv (", ", args + 1);
  return save_and_tell (portfolio, path, NULL, _("Consultation %s: dangerous work %s\n"), args[0], works);
}

/* An amount given on the command line: one without its currency is in
 * @currency, the one of the ledger or the offer it goes into. */
static AffMoney *
parse_money (const char  *currency,
             const char  *text,
             GError     **error)
{
  g_autofree char *with_currency = NULL;

  if (strchr (text, ' ') != NULL)
    return aff_money_parse (text, error);
  with_currency = g_strconcat (text, " ", currency, NULL);
  return aff_money_parse (with_currency, error);
}

static AffMoney *
parse_amount (AffAffair   *affair,
              const char  *text,
              GError     **error)
{
  return parse_money (aff_ledger_get_currency (aff_affair_get_ledger (affair)), text, error);
}

/* affaires finance cost AFFAIR WORK CATEGORY STATE AMOUNT */
static int
cmd_finance_cost (const char  *path,
                  char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(AffMoney) amount = NULL;
  g_autoptr(AffCostEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *amount_text = NULL;
  const char *work = work_or_null (args[1]);
  AffAffair *affair;
  AffLedger *ledger;
  int category, state;
  GDate day;
  char text[16];

  /* Translators: the CATEGORY and STATE of "affaires finance cost" */
  if (!parse_nick (AFF_TYPE_COST_CATEGORY, _("CATEGORY"), args[2], &category) ||
      !parse_nick (AFF_TYPE_COST_STATE, _("STATE"), args[3], &state) ||
      !parse_day (&day))
    return EXIT_USER;
  if ((portfolio = open_affair (path, args[0], &affair, &code)) == NULL)
    return code;
  ledger = aff_affair_get_ledger (affair);
  if ((amount = parse_amount (affair, args[4], &error)) == NULL)
    return fail (error);
  entry = aff_cost_entry_new (&day, work, category, state, amount);
  aff_cost_entry_set_supplier (entry, opt_supplier);
  aff_cost_entry_set_document (entry, opt_document);
  aff_cost_entry_set_commitment (entry, opt_commitment);
  if (!aff_ledger_add (ledger, entry, &error))
    return fail_in_affair (error, args[0]);
  amount_text = format_money (amount);
  iso_date (&day, text);
  if (work != NULL)
    return save_and_tell (portfolio, path, NULL, _("Affair %s: %s %s cost of %s charged to %s on %s\n"), args[0],
                          args[3], args[2], amount_text, work, text);
  return save_and_tell (portfolio, path, NULL, _("Affair %s: %s %s cost of %s charged to the whole affair on %s\n"),
                        args[0], args[3], args[2], amount_text, text);
}

/* The lines of costs of a CSV: every line but the header. */
static guint
count_csv_lines (const char *text,
                 gsize       length)
{
  guint n = 0;

  for (gsize i = 0; i < length; i++)
    if (text[i] == '\n' && i + 1 < length)
      n++;
  return n;
}

/* affaires finance import-costs AFFAIR FILE.csv: whole or nothing. */
static int
cmd_finance_import_costs (const char  *path,
                          char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) facts = begin_facts ();
  g_autofree char *text = NULL;
  gsize length;
  guint n_added = 0, n_lines = 0;
  gsize size = 0;
  gboolean progress = shows_progress (args[1], &size);
  AffAffair *affair;
  gboolean imported;

  if ((portfolio = open_affair (path, args[0], &affair, &code)) == NULL)
    return code;
  if (!(progress ? read_with_progress (args[1], size, &text, &length, &error)
                 : g_file_get_contents (args[1], &text, &length, &error)))
    return fail (error);
  if (progress)
    {
      n_lines = count_csv_lines (text, length);
      g_printerr (ngettext ("Importing %u line…", "Importing %u lines…", n_lines), n_lines);
    }
  imported = aff_ledger_import_csv (aff_affair_get_ledger (affair), text, (gssize) length, &n_added, &error);
  if (progress)
    g_printerr (imported ? _(" done\n") : _(" failed\n"));
  if (!imported)
    {
      g_printerr (_("affaires: %s: %s\n"), args[1], error->message);
      /* A line the import cannot read makes the file invalid input; a
       * closed affair is the user's error. */
      return g_error_matches (error, AFF_ERROR, AFF_ERROR_CLOSED) ? EXIT_USER : EXIT_INVALID_INPUT;
    }
  add_string (facts, "affair", args[0]);
  add_string (facts, "file", args[1]);
  add_value (facts, "entries", int_node (n_added));
  return save_and_tell (portfolio, path, facts,
                        ngettext ("Affair %s: %u cost imported from %s\n", "Affair %s: %u costs imported from %s\n",
                                  n_added),
                        args[0], n_added, args[1]);
}

/* affaires finance progress AFFAIR WORK PERCENT_BP */
static int
cmd_finance_progress (const char  *path,
                      char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  const char *work = work_or_null (args[1]);
  gint64 basis_points;
  AffAffair *affair;
  GDate day;
  char text[16];

  if (!g_ascii_string_to_signed (args[2], 10, G_MININT, G_MAXINT, &basis_points, NULL))
    {
      g_printerr (_("affaires: %s: expected a progress in basis points, from 0 to 10000\n"), args[2]);
      return EXIT_USER;
    }
  if (!parse_day (&day))
    return EXIT_USER;
  if ((portfolio = open_affair (path, args[0], &affair, &code)) == NULL)
    return code;
  if (!aff_affair_record_progress (affair, work, &day, (int) basis_points, &error))
    return fail_in_affair (error, args[0]);
  iso_date (&day, text);
  return save_and_tell (portfolio, path, NULL, _("Affair %s: progress of %s on %s: %d.%02d %%\n"), args[0],
                        work != NULL ? work : args[0], text, (int) basis_points / 100, (int) basis_points % 100);
}

static void
billing_item_to_json (JsonBuilder          *builder,
                      const AffBillingItem *item)
{
  json_builder_begin_object (builder);
  add_string (builder, "milestone", aff_billing_item_get_milestone_id (item));
  add_string (builder, "kind", nick_of (AFF_TYPE_BILLING_KIND, aff_billing_item_get_kind (item)));
  add_date (builder, "due_date", aff_billing_item_get_due_date (item));
  add_string (builder, "reason", aff_billing_item_get_reason (item));
  add_money (builder, "amount", aff_billing_item_get_amount (item));
  add_money (builder, "advance_recovered", aff_billing_item_get_advance_recovered (item));
  add_money (builder, "excluding_vat", aff_billing_item_get_excluding_vat (item));
  add_money (builder, "vat", aff_billing_item_get_vat (item));
  add_money (builder, "including_vat", aff_billing_item_get_including_vat (item));
  add_money (builder, "retention", aff_billing_item_get_retention (item));
  add_money (builder, "payable", aff_billing_item_get_payable (item));
  json_builder_end_object (builder);
}

/* The invoices of @affair_id due on @day, or NULL after the error was
 * printed. */
static GPtrArray *
list_billing_due (AffAffair   *affair,
                  const char  *affair_id,
                  const GDate *day,
                  int         *code)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = aff_affair_list_billing_due (affair, day, &error);

  if (items == NULL)
    *code = fail_in_affair (error, affair_id);
  return items;
}

/* affaires finance billing AFFAIR: the invoices to issue on --date. */
static int
cmd_finance_billing (const char  *path,
                     char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GPtrArray) items = NULL;
  AffAffair *affair;
  GDate day;
  char text[16];

  if ((portfolio = open_affair_on_day (path, args[0], &day, text, &affair, &code)) == NULL ||
      (items = list_billing_due (affair, args[0], &day, &code)) == NULL)
    return code;
  if (json_output)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      begin_affair_list (builder, args[0], &day, "due");
      for (guint i = 0; i < items->len; i++)
        billing_item_to_json (builder, g_ptr_array_index (items, i));
      print_affair_list (builder);
      return EXIT_OK;
    }
  if (items->len == 0)
    {
      g_print (_("Affair %s: nothing to invoice on %s\n"), args[0], text);
      return EXIT_OK;
    }
  g_print (_("Affair %s: invoices to issue on %s\n"), args[0], text);
  for (guint i = 0; i < items->len; i++)
    {
      const AffBillingItem *item = g_ptr_array_index (items, i);
      g_autofree char *excluding = format_money (aff_billing_item_get_excluding_vat (item));
      g_autofree char *including = format_money (aff_billing_item_get_including_vat (item));
      g_autofree char *payable = format_money (aff_billing_item_get_payable (item));

      g_print (_("  %-12s %-18s %s excl. VAT, %s incl. VAT, %s payable\n"), aff_billing_item_get_milestone_id (item),
               nick_of (AFF_TYPE_BILLING_KIND, aff_billing_item_get_kind (item)), excluding, including, payable);
      if (aff_billing_item_get_reason (item) != NULL)
        g_print ("    %s\n", aff_billing_item_get_reason (item));
    }
  return EXIT_OK;
}

/* affaires finance invoice AFFAIR REFERENCE: the first invoice due on
 * --date issued, in the order of the schedule, so that calling it again
 * issues the next. */
static int
cmd_finance_invoice (const char  *path,
                     char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) facts = begin_facts ();
  g_autofree char *excluding = NULL, *including = NULL;
  const AffBillingItem *item;
  AffAffair *affair;
  GDate day;
  char text[16];

  if ((portfolio = open_affair_on_day (path, args[0], &day, text, &affair, &code)) == NULL ||
      (items = list_billing_due (affair, args[0], &day, &code)) == NULL)
    return code;
  if (items->len == 0)
    {
      g_printerr (_("affaires: affair %s: nothing to invoice on %s\n"), args[0], text);
      return EXIT_USER;
    }
  item = g_ptr_array_index (items, 0);
  if (!aff_affair_invoice_billing_item (affair, item, args[1], &day, &error))
    return fail_in_affair (error, args[0]);
  excluding = format_money (aff_billing_item_get_excluding_vat (item));
  including = format_money (aff_billing_item_get_including_vat (item));
  add_string (facts, "invoice", args[1]);
  json_builder_set_member_name (facts, "billing_item");
  billing_item_to_json (facts, item);
  return save_and_tell (portfolio, path, facts,
                        _("Affair %s: invoice %s of %s issued on %s: %s excl. VAT, %s incl. VAT\n"),
                        args[0], args[1], aff_billing_item_get_milestone_id (item), text, excluding, including);
}

/* affaires finance accept AFFAIR: the client's acceptance of the work
 * (réception) on --date. */
static int
cmd_finance_accept (const char  *path,
                    char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  AffAffair *affair;
  GDate day;
  char text[16];

  if ((portfolio = open_affair_on_day (path, args[0], &day, text, &affair, &code)) == NULL)
    return code;
  /* The retention stays held: a bank guarantee is the exception. */
  if (!aff_affair_record_acceptance (affair, &day, FALSE, &error))
    return fail_in_affair (error, args[0]);
  return save_and_tell (portfolio, path, NULL, _("Affair %s: work accepted on %s; the final invoice is due\n"), args[0],
                        text);
}

/* affaires finance close AFFAIR: the close-out on --date, or what blocks
 * it, every item, so that one run tells all that is left to do. */
static int
cmd_finance_close (const char  *path,
                   char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) blockers = NULL;
  g_autoptr(JsonBuilder) facts = begin_facts ();
  g_autofree char *margin = NULL;
  AffAffair *affair;
  GDate day;
  char text[16];

  if ((portfolio = open_affair_on_day (path, args[0], &day, text, &affair, &code)) == NULL)
    return code;
  if ((blockers = aff_affair_list_close_blockers (affair, &day, &error)) == NULL)
    return fail_in_affair (error, args[0]);
  if (blockers[0] != NULL)
    {
      g_printerr (_("affaires: affair %s cannot be closed on %s:\n"), args[0], text);
      for (guint i = 0; blockers[i] != NULL; i++)
        g_printerr ("  - %s\n", blockers[i]);
      return EXIT_USER;
    }
  if (!aff_affair_close (affair, &day, &error))
    return fail_in_affair (error, args[0]);
  margin = format_money (aff_affair_get_final_margin (affair));
  add_money (facts, "final_margin", aff_affair_get_final_margin (affair));
  return save_and_tell (portfolio, path, facts, _("Affair %s closed on %s: final margin %s\n"), args[0], text, margin);
}

static const struct {
  const char *member;
  const char *label;
  const AffMoney *(*get) (const AffAffairStatus *);
} money_figures[] = {
  { "bac", N_("Budget at completion (BAC)"), aff_affair_status_get_bac },
  { "pv", N_("Planned value (PV)"), aff_affair_status_get_pv },
  { "ev", N_("Earned value (EV)"), aff_affair_status_get_ev },
  { "ac", N_("Actual cost (AC)"), aff_affair_status_get_ac },
  { "open_commitments", N_("Open commitments"), aff_affair_status_get_open_commitments },
  { "cv", N_("Cost variance (CV)"), aff_affair_status_get_cv },
  { "sv", N_("Schedule variance (SV)"), aff_affair_status_get_sv },
  { "eac", N_("Estimate at completion (EAC)"), aff_affair_status_get_eac },
  { "etc", N_("Estimate to complete (ETC)"), aff_affair_status_get_etc },
  { "vac", N_("Variance at completion (VAC)"), aff_affair_status_get_vac },
  { "contingency", N_("Contingency"), aff_affair_status_get_contingency },
  { "cost_at_completion", N_("Cost at completion"), aff_affair_status_get_cost_at_completion },
  { "contract_amount", N_("Contract amount"), aff_affair_status_get_contract_amount },
  { "revenue_at_completion", N_("Revenue at completion"), aff_affair_status_get_revenue_at_completion },
  { "margin_at_completion", N_("Margin at completion"), aff_affair_status_get_margin_at_completion },
  { "offer_margin", N_("Margin of the offer"), aff_affair_status_get_offer_margin },
  { "margin_drift", N_("Margin drift"), aff_affair_status_get_margin_drift },
  { "recognised_revenue", N_("Recognised revenue"), aff_affair_status_get_recognised_revenue },
  { "billed", N_("Billed"), aff_affair_status_get_billed },
  { "cash_received", N_("Cash received"), aff_affair_status_get_cash_received },
  { "accrued_revenue", N_("Accrued revenue (invoices to issue)"), aff_affair_status_get_accrued_revenue },
  { "deferred_revenue", N_("Deferred revenue"), aff_affair_status_get_deferred_revenue },
  { "loss_provision", N_("Loss provision"), aff_affair_status_get_loss_provision },
  { "backlog", N_("Backlog"), aff_affair_status_get_backlog },
};

static const struct {
  const char *member;
  const char *label;
  gboolean (*get) (const AffAffairStatus *, double *);
  gboolean percent;
} ratio_figures[] = {
  { "cpi", N_("Cost performance index (CPI)"), aff_affair_status_get_cpi, FALSE },
  { "spi", N_("Schedule performance index (SPI)"), aff_affair_status_get_spi, FALSE },
  { "tcpi", N_("To-complete performance index (TCPI)"), aff_affair_status_get_tcpi, FALSE },
  { "physical_progress", N_("Physical progress"), aff_affair_status_get_physical_progress, TRUE },
  { "cost_progress", N_("Cost progress"), aff_affair_status_get_cost_progress, TRUE },
  { "billing_progress", N_("Billing progress"), aff_affair_status_get_billing_progress, TRUE },
  { "completion", N_("Completion"), aff_affair_status_get_completion, TRUE },
};

/* affaires finance status AFFAIR: its figures on --date. */
static int
cmd_finance_status (const char  *path,
                    char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(AffAffairStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  AffAffair *affair;
  gboolean concordant, has_rate, has_drift;
  int rate = 0, drift = 0;
  double gap = 0;
  guint width = 0, i;
  GDate day;
  char text[16];

  if (!parse_day (&day))
    return EXIT_USER;
  if ((portfolio = open_affair (path, args[0], &affair, &code)) == NULL)
    return code;
  if ((status = aff_affair_compute_status (affair, &day, &error)) == NULL)
    return fail (error);
  has_rate = aff_affair_status_get_margin_rate (status, &rate);
  has_drift = aff_affair_status_get_margin_rate_drift (status, &drift);
  concordant = aff_affair_status_is_concordant (status, &gap);

  if (json_output)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "affair", args[0]);
      add_date (builder, "date", &day);
      add_string (builder, "eac_method", nick_of (AFF_TYPE_EAC_METHOD, aff_affair_status_get_eac_method (status)));
      add_string (builder, "revenue_method",
                  nick_of (AFF_TYPE_REVENUE_METHOD, aff_affair_status_get_revenue_method (status)));
      add_value (builder, "has_baseline", boolean_node (aff_affair_status_has_baseline (status)));
      for (i = 0; i < G_N_ELEMENTS (money_figures); i++)
        add_money (builder, money_figures[i].member, money_figures[i].get (status));
      for (i = 0; i < G_N_ELEMENTS (ratio_figures); i++)
        {
          double value;

          add_value (builder, ratio_figures[i].member,
                     ratio_figures[i].get (status, &value) ? double_node (value) : NULL);
        }
      add_value (builder, "margin_rate_bp", has_rate ? int_node (rate) : NULL);
      add_value (builder, "margin_rate_drift_bp", has_drift ? int_node (drift) : NULL);
      add_value (builder, "concordant", boolean_node (concordant));
      add_value (builder, "concordance_gap", double_node (gap));
      print_json_object (builder);
      return EXIT_OK;
    }

  for (i = 0; i < G_N_ELEMENTS (money_figures); i++)
    width = MAX (width, (guint) g_utf8_strlen (_(money_figures[i].label), -1));
  for (i = 0; i < G_N_ELEMENTS (ratio_figures); i++)
    width = MAX (width, (guint) g_utf8_strlen (_(ratio_figures[i].label), -1));
  iso_date (&day, text);
  g_print (_("Affair %s on %s (EAC method: %s)\n"), args[0], text,
           nick_of (AFF_TYPE_EAC_METHOD, aff_affair_status_get_eac_method (status)));
  for (i = 0; i < G_N_ELEMENTS (money_figures); i++)
    {
      g_autofree char *value = format_money (money_figures[i].get (status));

      print_row (_(money_figures[i].label), width, value);
    }
  for (i = 0; i < G_N_ELEMENTS (ratio_figures); i++)
    {
      g_autofree char *value = NULL;
      double ratio;

      if (!ratio_figures[i].get (status, &ratio))
        value = g_strdup (_("undefined"));
      else if (ratio_figures[i].percent)
        value = g_strdup_printf ("%.1f %%", ratio * 100);
      else
        value = g_strdup_printf ("%.2f", ratio);
      print_row (_(ratio_figures[i].label), width, value);
    }
  if (has_rate)
    {
      g_autofree char *value = g_strdup_printf ("%s%d.%02d %%", rate < 0 ? "-" : "", ABS (rate) / 100,
                                                ABS (rate) % 100);

      print_row (_("Margin rate at completion"), width, value);
    }
  if (has_drift)
    {
      g_autofree char *value = g_strdup_printf (_("%d bp"), drift);

      print_row (_("Margin rate drift"), width, value);
    }
  print_row (_("Progress concordant"), width, concordant ? _("yes") : _("no"));
  return EXIT_OK;
}

/* The journal printed and verified, or verified only. With --json the
 * chain is verified first, so that a journal that does not verify prints
 * no entries: the object says it verified. */
static int
show_journal (const char *path,
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
  if (json_output)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      if (!aff_portfolio_verify (portfolio, &error))
        return fail (error);
      json_builder_begin_object (builder);
      if (verify_only)
        add_value (builder, "entries", int_node (aff_journal_get_n_entries (journal)));
      else
        add_journal_entries (builder, "entries", journal, 0);
      add_value (builder, "verified", boolean_node (TRUE));
      add_string (builder, "head_hash", aff_journal_get_head_hash (journal));
      print_json_object (builder);
      return EXIT_OK;
    }
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
  if (!aff_portfolio_verify (portfolio, &error))
    return fail (error);
  g_print (_("journal: %u entries, chain verified\n"), aff_journal_get_n_entries (journal));
  return EXIT_OK;
}

/* affaires journal show */
static int
cmd_journal_show (const char  *path,
                  char       **args)
{
  return show_journal (path, FALSE);
}

/* affaires journal verify */
static int
cmd_journal_verify (const char  *path,
                    char       **args)
{
  return show_journal (path, TRUE);
}

/* affaires check [FILE] */
static int
cmd_check (const char  *path,
           char       **args)
{
  int code = EXIT_OK;
  const char *file = args[0] != NULL ? args[0] : path;
  g_autoptr(AffPortfolio) portfolio = open_portfolio (file, &code);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  static const struct {
    const char *member;
    GListModel *(*get) (AffPortfolio *);
  } lists[] = {
    { "clients", aff_portfolio_get_clients },
    { "consultations", aff_portfolio_get_consultations },
    { "offers", aff_portfolio_get_offers },
    { "affairs", aff_portfolio_get_affairs },
  };

  if (portfolio == NULL)
    return code;
  if (!json_output)
    {
      g_print (_("%s: valid portfolio document, %u clients\n"), file,
               g_list_model_get_n_items (aff_portfolio_get_clients (portfolio)));
      return EXIT_OK;
    }
  json_builder_begin_object (builder);
  add_string (builder, "file", file);
  add_value (builder, "valid", boolean_node (TRUE));
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    add_value (builder, lists[i].member, int_node (g_list_model_get_n_items (lists[i].get (portfolio))));
  add_value (builder, "journal_entries",
             int_node (aff_journal_get_n_entries (aff_portfolio_get_journal (portfolio))));
  print_json_object (builder);
  return EXIT_OK;
}

static guint
count_cost_lines (AffPortfolio *portfolio)
{
  GListModel *affairs = aff_portfolio_get_affairs (portfolio);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (affairs); i++)
    {
      g_autoptr(AffAffair) affair = g_list_model_get_item (affairs, i);

      n += aff_ledger_get_n_entries (aff_affair_get_ledger (affair));
    }
  return n;
}

static const char *
store_kind (AffStore *store)
{
  return AFF_IS_SQLITE_STORE (store) ? _("SQLite database") : _("JSON document");
}

/* affaires convert TO: the portfolio copied into another store, whole,
 * then read back from it and compared, so that "without loss" is checked
 * on every conversion rather than promised. */
static int
cmd_convert (const char  *path,
             char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = open_portfolio (path, &code);
  g_autoptr(AffStore) target = NULL;
  g_autoptr(AffStore) check = NULL;
  g_autoptr(AffPortfolio) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL, *copied = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  AffJournal *journal;
  guint n_lines;

  if (portfolio == NULL)
    return code;
  if (g_file_test (args[0], G_FILE_TEST_EXISTS) && !force)
    {
      g_printerr (_("affaires: %s exists; pass --force to replace it\n"), args[0]);
      return EXIT_USER;
    }
  journal = aff_portfolio_get_journal (portfolio);
  if (!aff_portfolio_verify (portfolio, &error) ||
      (target = aff_store_open (args[0], &error)) == NULL ||
      !aff_store_save (target, portfolio, &error))
    return fail (error);
  aff_store_close (target);
  if ((check = aff_store_open (args[0], &error)) == NULL ||
      (copy = aff_store_load (check, &error)) == NULL ||
      !aff_portfolio_verify (copy, &error))
    return fail (error);
  original = aff_portfolio_to_data (portfolio, NULL);
  copied = aff_portfolio_to_data (copy, NULL);
  if (strcmp (original, copied) != 0)
    {
      g_printerr (_("affaires: %s does not read back as %s: the conversion lost something\n"), args[0], path);
      return EXIT_IO;
    }
  n_lines = count_cost_lines (portfolio);
  if (!json_output)
    {
      g_print (_("Converted %s (%s) into %s (%s): %u clients, %u affairs, %u cost lines, "
                 "%u journal entries, chain verified\n"),
               path, store_kind (g_object_get_data (G_OBJECT (portfolio), STORE)), args[0], store_kind (target),
               g_list_model_get_n_items (aff_portfolio_get_clients (portfolio)),
               g_list_model_get_n_items (aff_portfolio_get_affairs (portfolio)), n_lines,
               aff_journal_get_n_entries (journal));
      return EXIT_OK;
    }
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "from", path);
  add_string (builder, "to", args[0]);
  add_string (builder, "store", AFF_IS_SQLITE_STORE (target) ? "sqlite" : "json");
  add_value (builder, "clients", int_node (g_list_model_get_n_items (aff_portfolio_get_clients (portfolio))));
  add_value (builder, "affairs", int_node (g_list_model_get_n_items (aff_portfolio_get_affairs (portfolio))));
  add_value (builder, "cost_lines", int_node (n_lines));
  add_value (builder, "journal_entries", int_node (aff_journal_get_n_entries (journal)));
  add_value (builder, "verified", boolean_node (TRUE));
  print_json_object (builder);
  return EXIT_OK;
}

/* Whether to colour what is printed: on a terminal only, so that what a
 * script or a test reads stays plain, never in JSON, and never when
 * NO_COLOR is set to something (https://no-color.org). */
static gboolean
use_colour (void)
{
  const char *no_colour = g_getenv ("NO_COLOR");

  return !json_output && isatty (STDOUT_FILENO) && (no_colour == NULL || *no_colour == '\0');
}

/* The audit in Markdown with the status of each criterion coloured. The
 * words are in the policy's language, which the tool does not know: the
 * cell is found after the criterion's title instead, and a row not found
 * stays plain. Takes @text. */
static char *
colour_audit (char     *text,
              AffAudit *audit)
{
  static const char *const colours[] = {
    [AFF_AUDIT_STATUS_MET] = "\033[32m",
    [AFF_AUDIT_STATUS_PARTIAL] = "\033[33m",
    [AFF_AUDIT_STATUS_MISSING] = "\033[31m",
  };
  g_autoptr(GPtrArray) criteria = aff_audit_get_criteria (audit);
  GString *coloured = g_string_new (NULL);
  const char *rest = text;

  for (guint i = 0; i < criteria->len; i++)
    {
      const AffAuditCriterion *criterion = g_ptr_array_index (criteria, i);
      guint status = aff_audit_criterion_get_status (criterion);
      g_autofree char *row = g_strdup_printf ("| %s | ", aff_audit_criterion_get_title (criterion));
      const char *cell, *end;

      if (status >= G_N_ELEMENTS (colours) || colours[status] == NULL ||
          (cell = strstr (rest, row)) == NULL || (end = strstr (cell + strlen (row), " |")) == NULL)
        continue;
      cell += strlen (row);
      g_string_append_len (coloured, rest, cell - rest);
      g_string_append_printf (coloured, "%s%.*s\033[0m", colours[status], (int) (end - cell), cell);
      rest = end;
    }
  g_string_append (coloured, rest);
  g_free (text);
  return g_string_free (coloured, FALSE);
}

/* affaires rex audit AFFAIR: the audit of its dossier, as a document or,
 * with --json, as data. Exit 0 whatever the findings: the audit ran. */
static int
cmd_rex_audit (const char  *path,
               char       **args)
{
  int code = EXIT_OK;
  const char *affair_id = args[0];
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AffAudit) audit = NULL;
  AffDocumentFormat format;
  GDate day;

  if ((portfolio = open_for_document (path, &day, &format, &code)) == NULL)
    return code;
  if ((audit = aff_portfolio_audit_affair (portfolio, affair_id, &day, &error)) == NULL)
    return fail (error);
  if (json_output)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(GPtrArray) criteria = aff_audit_get_criteria (audit);

      json_builder_begin_object (builder);
      add_string (builder, "affair", affair_id);
      add_date (builder, "date", &day);
      add_value (builder, "score", int_node (aff_audit_get_score (audit)));
      json_builder_set_member_name (builder, "criteria");
      json_builder_begin_array (builder);
      for (guint i = 0; i < criteria->len; i++)
        {
          const AffAuditCriterion *criterion = g_ptr_array_index (criteria, i);

          json_builder_begin_object (builder);
          add_string (builder, "id", aff_audit_criterion_get_id (criterion));
          add_string (builder, "capability",
                      nick_of (AFF_TYPE_CAPABILITY, aff_audit_criterion_get_capability (criterion)));
          add_string (builder, "title", aff_audit_criterion_get_title (criterion));
          add_string (builder, "status", nick_of (AFF_TYPE_AUDIT_STATUS, aff_audit_criterion_get_status (criterion)));
          print_strv (builder, "evidence", aff_audit_criterion_get_evidence (criterion));
          print_strv (builder, "missing", aff_audit_criterion_get_missing (criterion));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      print_json_object (builder);
    }
  else if (format == AFF_DOCUMENT_FORMAT_MARKDOWN && use_colour ())
    print_document (colour_audit (aff_audit_render (audit, format), audit));
  else
    print_document (aff_audit_render (audit, format));
  return EXIT_OK;
}

/* affaires rex render AFFAIR: its lessons learned. */
static int
cmd_rex_render (const char  *path,
                char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  AffDocumentFormat format;
  AffRex *rex;

  if (!parse_format (&format))
    return EXIT_USER;
  if ((portfolio = open_rex (path, args[0], &rex, &code)) == NULL)
    return code;
  return emit_document (aff_rex_render (rex, format), media_type_of (format));
}

/* affaires rex create AFFAIR: its lessons learned drawn up on --date,
 * from its history. */
static int
cmd_rex_create (const char  *path,
                char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  AffAffair *affair;
  GDate day;
  char text[16];

  if ((portfolio = open_affair_on_day (path, args[0], &day, text, &affair, &code)) == NULL)
    return code;
  if (aff_affair_create_rex (affair, &day, &error) == NULL)
    return fail_in_affair (error, args[0]);
  return save_and_tell (portfolio, path, NULL, _("Affair %s: lessons learned drawn up on %s\n"), args[0], text);
}

/* affaires rex practice AFFAIR TEXT */
static int
cmd_rex_practice (const char  *path,
                  char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  AffRex *rex;

  if ((portfolio = open_rex (path, args[0], &rex, &code)) == NULL)
    return code;
  if (!aff_rex_add_good_practice (rex, args[1], &error))
    return fail (error);
  return save_and_tell (portfolio, path, NULL, _("Affair %s: good practice added to the lessons learned\n"), args[0]);
}

/* affaires rex difficulty AFFAIR TEXT SOLUTION */
static int
cmd_rex_difficulty (const char  *path,
                    char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  AffRex *rex;

  if ((portfolio = open_rex (path, args[0], &rex, &code)) == NULL)
    return code;
  if (!aff_rex_add_difficulty (rex, args[1], args[2], &error))
    return fail (error);
  return save_and_tell (portfolio, path, NULL,
                        _("Affair %s: difficulty and its solution added to the lessons learned\n"), args[0]);
}

/* affaires rex improvement AFFAIR TITLE --why TEXT --benefit TEXT --owner
 * NAME: the options are checked here, before the file is read, so that the
 * message names them rather than the library's fields. */
static int
cmd_rex_improvement (const char  *path,
                     char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(AffImprovement) improvement = NULL;
  g_autoptr(GError) error = NULL;
  AffRex *rex;

  if (opt_why == NULL || opt_benefit == NULL || opt_owner == NULL)
    {
      g_printerr (_("affaires: affair %s, improvement “%s”: --why, --benefit and --owner are required\n"), args[0],
                  args[1]);
      return EXIT_USER;
    }
  if ((portfolio = open_rex (path, args[0], &rex, &code)) == NULL)
    return code;
  improvement = aff_improvement_new (args[1], opt_why, opt_benefit, opt_owner);
  if (!aff_rex_add_improvement (rex, improvement, &error))
    return fail (error);
  return save_and_tell (portfolio, path, NULL,
                        _("Affair %s: improvement “%s” proposed, carried by %s\n"), args[0], args[1], opt_owner);
}

/* affaires rex validate AFFAIR: frozen from --date on. */
static int
cmd_rex_validate (const char  *path,
                  char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  AffRex *rex;
  GDate day;
  char text[16];

  if (!parse_day (&day))
    return EXIT_USER;
  if ((portfolio = open_rex (path, args[0], &rex, &code)) == NULL)
    return code;
  if (!aff_rex_validate (rex, &day, &error))
    return fail (error);
  iso_date (&day, text);
  return save_and_tell (portfolio, path, NULL, _("Affair %s: lessons learned validated on %s\n"), args[0], text);
}

/* An improvement of rex lessons, as a line or into the list of --json. */
static void
print_improvement (JsonBuilder          *builder,
                   const AffImprovement *improvement)
{
  const char *status = nick_of (AFF_TYPE_IMPROVEMENT_STATUS, aff_improvement_get_status (improvement));

  if (!json_output)
    {
      g_print ("%-14s %-10s %s (%s)\n", aff_improvement_get_affair_id (improvement), status,
               aff_improvement_get_title (improvement), aff_improvement_get_owner (improvement));
      return;
    }
  json_builder_begin_object (builder);
  add_string (builder, "affair", aff_improvement_get_affair_id (improvement));
  add_string (builder, "status", status);
  add_string (builder, "title", aff_improvement_get_title (improvement));
  add_string (builder, "owner", aff_improvement_get_owner (improvement));
  json_builder_end_object (builder);
}

/* A lesson of rex lessons, the same way. */
static void
print_lesson (JsonBuilder     *builder,
              const AffLesson *lesson)
{
  if (!json_output)
    {
      /* Translators: the separator between the reasons a lesson was found */
      g_autofree char *why = g_strjoinv (_("; "), (char **) aff_lesson_get_reasons (lesson));

      g_print ("%-14s %2u  %s (%s)\n", aff_lesson_get_affair_id (lesson), aff_lesson_get_score (lesson),
               aff_lesson_get_text (lesson), why);
      return;
    }
  json_builder_begin_object (builder);
  add_string (builder, "affair", aff_lesson_get_affair_id (lesson));
  add_value (builder, "score", int_node (aff_lesson_get_score (lesson)));
  add_string (builder, "text", aff_lesson_get_text (lesson));
  print_strv (builder, "reasons", aff_lesson_get_reasons (lesson));
  json_builder_end_object (builder);
}

/* affaires rex lessons [AFFAIR]: the lessons of the other affairs about
 * its activities, or every improvement proposed and its status. */
static int
cmd_rex_lessons (const char  *path,
                 char       **args)
{
  int code = EXIT_OK;
  const char *affair_id = args[0];
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if ((portfolio = open_portfolio (path, &code)) == NULL)
    return code;
  if (affair_id == NULL)
    found = aff_portfolio_list_improvements (portfolio, -1);
  else if ((found = aff_portfolio_find_affair_lessons (portfolio, affair_id, &error)) == NULL)
    return fail (error);
  json_builder_begin_array (builder);
  for (guint i = 0; i < found->len; i++)
    if (affair_id == NULL)
      print_improvement (builder, g_ptr_array_index (found, i));
    else
      print_lesson (builder, g_ptr_array_index (found, i));
  json_builder_end_array (builder);
  if (json_output)
    print_json (builder);
  return EXIT_OK;
}

/* The dashboard of the portfolio on --date, or NULL with *@code set; in
 * *@format the one of --format, which a CSV export does without. */
static AffDashboard *
compute_dashboard (const char        *path,
                   AffDocumentFormat *format,
                   int               *code)
{
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  AffDocumentFormat ignored;
  AffDashboard *dashboard;
  GDate day;

  if ((portfolio = open_for_document (path, &day, format != NULL ? format : &ignored, code)) == NULL)
    return NULL;
  if ((dashboard = aff_portfolio_compute_dashboard (portfolio, &day, &error)) == NULL)
    *code = fail (error);
  return dashboard;
}

/* affaires finance dashboard: the portfolio dashboard on the day. */
static int
cmd_finance_dashboard (const char  *path,
                       char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffDashboard) dashboard = NULL;
  AffDocumentFormat format;

  if ((dashboard = compute_dashboard (path, &format, &code)) == NULL)
    return code;
  return emit_document (aff_dashboard_render (dashboard, format), media_type_of (format));
}

/* ---- The plan of an affair ---------------------------------------------- */

/* The portfolio with the plan of its affair @affair_id in *@plan, or NULL
 * with *@code set; @scheduled for the baseline and the exports, which need
 * the dates the document does not keep: they are computed again. */
static AffPortfolio *
open_plan (const char  *path,
           const char  *affair_id,
           gboolean     scheduled,
           AffPlan    **plan,
           int         *code)
{
  g_autoptr(GError) error = NULL;
  AffAffair *affair;
  g_autoptr(AffPortfolio) portfolio = open_affair (path, affair_id, &affair, code);

  if (portfolio == NULL)
    return NULL;
  *plan = aff_affair_get_plan (affair);
  if (scheduled && !aff_plan_schedule (*plan, &error))
    {
      *code = fail_in_affair (error, affair_id);
      return NULL;
    }
  return g_steal_pointer (&portfolio);
}

/* affaires plan start|finish AFFAIR TASK: the day is --date, and the
 * library's rules (the prevention plan signed before work on site, no
 * finish before the start) decide. */
static int
record_task_day (const char  *path,
                 char       **args,
                 gboolean     finish)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  AffAffair *affair;
  AffPlan *plan;
  GDate day;
  char text[16];

  if ((portfolio = open_affair_on_day (path, args[0], &day, text, &affair, &code)) == NULL)
    return code;
  plan = aff_affair_get_plan (affair);
  if (!(finish ? aff_plan_finish_task : aff_plan_start_task) (plan, args[1], &day, &error))
    return fail_in_affair (error, args[0]);
  if (finish)
    return save_and_tell (portfolio, path, NULL, _("Affair %s: task %s finished on %s\n"), args[0], args[1], text);
  return save_and_tell (portfolio, path, NULL, _("Affair %s: task %s started on %s\n"), args[0], args[1], text);
}

/* affaires plan start AFFAIR TASK */
static int
cmd_plan_start (const char  *path,
                char       **args)
{
  return record_task_day (path, args, FALSE);
}

/* affaires plan finish AFFAIR TASK */
static int
cmd_plan_finish (const char  *path,
                 char       **args)
{
  return record_task_day (path, args, TRUE);
}

/* affaires plan task AFFAIR ID NAME DAYS [--kind KIND] */
static int
cmd_plan_task (const char  *path,
               char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(AffTask) task = NULL;
  g_autoptr(GError) error = NULL;
  int kind = AFF_TASK_KIND_TASK;
  guint64 days;
  AffPlan *plan;

  if (opt_kind != NULL && !parse_nick (AFF_TYPE_TASK_KIND, "--kind", opt_kind, &kind))
    return EXIT_USER;
  if (!g_ascii_string_to_unsigned (args[3], 10, 0, G_MAXUINT16, &days, NULL))
    {
      g_printerr (_("affaires: task %s: “%s” is not a duration in working days\n"), args[1], args[3]);
      return EXIT_USER;
    }
  if ((portfolio = open_plan (path, args[0], FALSE, &plan, &code)) == NULL)
    return code;
  task = aff_task_new (args[1], args[2], (guint) days);
  aff_task_set_kind (task, kind);
  if (!aff_plan_add_task (plan, task, &error))
    return fail_in_affair (error, args[0]);
  return save_and_tell (portfolio, path, NULL,
                        ngettext ("Affair %s: %s %s added, %u working day\n",
                                  "Affair %s: %s %s added, %u working days\n", (gulong) days),
                        args[0], nick_of (AFF_TYPE_TASK_KIND, kind), args[1], (guint) days);
}

/* affaires plan depend AFFAIR FROM TO: finish to start, without lag, the
 * link of nearly every plan of the trade. */
static int
cmd_plan_depend (const char  *path,
                 char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  AffPlan *plan;

  if ((portfolio = open_plan (path, args[0], FALSE, &plan, &code)) == NULL)
    return code;
  if (!aff_plan_add_dependency (plan, args[1], args[2], AFF_DEPENDENCY_TYPE_FINISH_START, 0, &error))
    return fail_in_affair (error, args[0]);
  return save_and_tell (portfolio, path, NULL,
                        _("Affair %s: %s finishes before %s starts\n"), args[0], args[1], args[2]);
}

/* A party without a name, in words. */
static const char *
party_word (AffParty party)
{
  switch (party)
    {
    case AFF_PARTY_CLIENT:
      return _("the client");
    case AFF_PARTY_SUBCONTRACTOR:
      return _("a subcontractor");
    case AFF_PARTY_SUPPLIER:
      return _("a supplier");
    case AFF_PARTY_INSPECTION_BODY:
      return _("an inspection body");
    case AFF_PARTY_INTERNAL:
    default:
      return _("the company's team");
    }
}

/* @member: the tasks of the slips. */
static void
add_slips (JsonBuilder *builder,
           const char  *member,
           GPtrArray   *slips)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < slips->len; i++)
    json_builder_add_string_value (builder, aff_slip_get_task_id (g_ptr_array_index (slips, i)));
  json_builder_end_array (builder);
}

/* The tasks of the slips, joined by ", ", or "none". */
static char *
join_slips (GPtrArray *slips)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < slips->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", aff_slip_get_task_id (g_ptr_array_index (slips, i)));
  return slips->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : g_strdup (_("none"));
}

/* affaires plan hazard AFFAIR ID CAUSE DESCRIPTION --task T --delay N: the
 * plan replanned around what happened on --date, and what moved, which
 * milestones slipped and whom to tell, since a hazard is first a message
 * to the parties it affects. */
static int
cmd_plan_hazard (const char  *path,
                 char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AffHazard) hazard = NULL;
  g_autoptr(AffHazardImpact) impact = NULL;
  g_autoptr(GPtrArray) moved = NULL, slipped = NULL, parties = NULL;
  g_autofree char *moved_text = NULL, *slipped_text = NULL;
  g_autoptr(GString) tell = g_string_new (NULL);
  g_autoptr(JsonBuilder) facts = begin_facts ();
  int cause;
  AffPlan *plan;
  GDate day;
  char before[16], after[16];

  if (!parse_day (&day) || !parse_nick (AFF_TYPE_HAZARD_CAUSE, _("CAUSE"), args[2], &cause))
    return EXIT_USER;
  if (opt_delay < 0)
    {
      g_printerr (_("affaires: --delay %d: expected working days, 0 or more\n"), opt_delay);
      return EXIT_USER;
    }
  if ((portfolio = open_plan (path, args[0], TRUE, &plan, &code)) == NULL)
    return code;
  hazard = aff_hazard_new (args[1], &day, (AffHazardCause) cause, args[3]);
  aff_hazard_set_task_ids (hazard, (const char *const *) opt_tasks);
  aff_hazard_set_delay_days (hazard, (guint) opt_delay);
  if ((impact = aff_plan_apply_hazard (plan, hazard, &error)) == NULL)
    return fail_in_affair (error, args[0]);
  moved = aff_hazard_impact_get_moved_tasks (impact);
  slipped = aff_hazard_impact_get_slipped_milestones (impact);
  parties = aff_hazard_impact_get_parties_to_notify (impact);
  moved_text = join_slips (moved);
  slipped_text = join_slips (slipped);
  add_date (facts, "finish_before", aff_hazard_impact_get_finish_before (impact));
  add_date (facts, "finish_after", aff_hazard_impact_get_finish_after (impact));
  add_slips (facts, "moved", moved);
  add_slips (facts, "milestones_slipped", slipped);
  json_builder_set_member_name (facts, "to_tell");
  json_builder_begin_array (facts);
  /* A party without a name is the company's own team, or the client. */
  for (guint i = 0; i < parties->len; i++)
    {
      const AffPartyTasks *party = g_ptr_array_index (parties, i);
      const char *name = aff_party_tasks_get_name (party);

      g_string_append_printf (tell, "%s%s", i > 0 ? ", " : "",
                              name != NULL ? name : party_word (aff_party_tasks_get_party (party)));
      json_builder_begin_object (facts);
      add_string (facts, "party", nick_of (AFF_TYPE_PARTY, aff_party_tasks_get_party (party)));
      add_string (facts, "name", name);
      print_strv (facts, "tasks", aff_party_tasks_get_task_ids (party));
      json_builder_end_object (facts);
    }
  json_builder_end_array (facts);
  if (parties->len == 0)
    g_string_append (tell, _("nobody"));
  iso_date (aff_hazard_impact_get_finish_before (impact), before);
  iso_date (aff_hazard_impact_get_finish_after (impact), after);
  return save_and_tell (portfolio, path, facts,
                        _("Affair %s: hazard %s applied, finish %s → %s\nMoved: %s\nMilestones slipped: %s\n"
                          "To tell: %s\n"),
                        args[0], args[1], before, after, moved_text, slipped_text, tell->str);
}

/* affaires plan schedule AFFAIR: the dates computed and saved, since the
 * Gantt chart, the baseline and the calendar need them. */
static int
cmd_plan_schedule (const char  *path,
                   char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) critical = NULL;
  g_autoptr(GString) path_text = g_string_new (NULL);
  g_autoptr(JsonBuilder) facts = begin_facts ();
  AffPlan *plan;
  char text[16];

  if ((portfolio = open_plan (path, args[0], FALSE, &plan, &code)) == NULL)
    return code;
  if (!aff_plan_schedule (plan, &error))
    return fail_in_affair (error, args[0]);
  critical = aff_plan_get_critical_path (plan);
  add_date (facts, "finish", aff_plan_get_finish (plan));
  json_builder_set_member_name (facts, "critical_path");
  json_builder_begin_array (facts);
  for (guint i = 0; i < critical->len; i++)
    {
      const char *task_id = aff_task_get_id (g_ptr_array_index (critical, i));

      g_string_append_printf (path_text, "%s%s", i > 0 ? " → " : "", task_id);
      json_builder_add_string_value (facts, task_id);
    }
  json_builder_end_array (facts);
  iso_date (aff_plan_get_finish (plan), text);
  return save_and_tell (portfolio, path, facts,
                        _("Affair %s: scheduled, finishing on %s\nCritical path: %s\n"), args[0], text, path_text->str);
}

/* affaires plan baseline AFFAIR NAME: the dates of the plan as scheduled
 * now, kept under NAME. */
static int
cmd_plan_baseline (const char  *path,
                   char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  AffPlan *plan;

  if ((portfolio = open_plan (path, args[0], TRUE, &plan, &code)) == NULL)
    return code;
  if (!aff_plan_save_baseline (plan, args[1], &error))
    return fail_in_affair (error, args[0]);
  return save_and_tell (portfolio, path, NULL, _("Affair %s: baseline “%s” saved\n"), args[0], args[1]);
}

/* affaires plan gantt AFFAIR: the chart in SVG, with the day of --date
 * marked when it is given. */
static int
cmd_plan_gantt (const char  *path,
                char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(AffGanttOptions) options = aff_gantt_options_new ();
  g_autoptr(GError) error = NULL;
  AffPlan *plan;
  char *svg;
  GDate day;

  if (date_text != NULL)
    {
      if (!parse_day (&day))
        return EXIT_USER;
      aff_gantt_options_set_status_date (options, &day);
    }
  if ((portfolio = open_plan (path, args[0], TRUE, &plan, &code)) == NULL)
    return code;
  aff_gantt_options_set_title (options, args[0]);
  if ((svg = aff_plan_to_svg_gantt (plan, options, &error)) == NULL)
    return fail_in_affair (error, args[0]);
  return emit_document (svg, MEDIA_TYPE_SVG);
}

/* affaires plan ics AFFAIR: the events of the plan in iCalendar. */
static int
cmd_plan_ics (const char  *path,
              char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  AffPlan *plan;
  char *calendar;

  if ((portfolio = open_plan (path, args[0], TRUE, &plan, &code)) == NULL)
    return code;
  /* The affair's id as the domain of the UIDs: the tasks of two affairs
   * may share an id, their events must not. */
  if ((calendar = aff_plan_to_icalendar (plan, args[0], &error)) == NULL)
    return fail_in_affair (error, args[0]);
  return emit_document (calendar, MEDIA_TYPE_ICALENDAR);
}

/* ---- Drifts and corrective actions -------------------------------------- */

/* affaires finance action AFFAIR KIND SUBJECT --analysis TEXT --action TEXT
 * --owner NAME --due DATE [--effect AMOUNT]: the options are checked
 * before the file is read, so that the message names them. */
static int
cmd_finance_action (const char  *path,
                    char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(AffMoney) effect = NULL;
  g_autoptr(AffCorrectiveAction) action = NULL;
  g_autoptr(GError) error = NULL;
  const char *subject = work_or_null (args[2]);
  AffAffair *affair;
  int kind;
  GDate day, due;
  char text[16];

  if (opt_analysis == NULL || opt_action == NULL || opt_owner == NULL || opt_due == NULL)
    {
      g_printerr (_("affaires: affair %s, drift %s: --analysis, --action, --owner and --due are required\n"), args[0],
                  args[1]);
      return EXIT_USER;
    }
  /* Translators: the KIND of "affaires finance action" */
  if (!parse_nick (AFF_TYPE_DRIFT_KIND, _("KIND"), args[1], &kind) || !parse_iso_day ("--due", opt_due, &due))
    return EXIT_USER;
  if ((portfolio = open_affair_on_day (path, args[0], &day, text, &affair, &code)) == NULL)
    return code;
  /* Without --effect, the action leaves the estimate as it is: an effect
   * of zero, in the ledger's currency. */
  if ((effect = parse_amount (affair, opt_effect != NULL ? opt_effect : "0.00", &error)) == NULL)
    return fail (error);
  action = aff_corrective_action_new (kind, subject, &day, opt_analysis, opt_action, opt_owner, &due, effect);
  if (!aff_affair_record_corrective_action (affair, action, &error))
    return fail_in_affair (error, args[0]);
  return save_and_tell (portfolio, path, NULL, _("Affair %s: corrective action of the %s drift of %s recorded on %s, "
                                           "carried by %s\n"), args[0], args[1], subject != NULL ? subject : args[0],
                        text, opt_owner);
}

static void
corrective_action_to_json (JsonBuilder               *builder,
                           const AffCorrectiveAction *action)
{
  json_builder_begin_object (builder);
  add_date (builder, "date", aff_corrective_action_get_date (action));
  add_string (builder, "analysis", aff_corrective_action_get_analysis (action));
  add_string (builder, "action", aff_corrective_action_get_action (action));
  add_string (builder, "owner", aff_corrective_action_get_owner (action));
  add_date (builder, "due", aff_corrective_action_get_due (action));
  add_money (builder, "eac_effect", aff_corrective_action_get_eac_effect (action));
  json_builder_end_object (builder);
}

/* affaires finance drifts AFFAIR: the drifts on --date, each with the
 * corrective action that answers it, or none. */
static int
cmd_finance_drifts (const char  *path,
                    char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GPtrArray) drifts = NULL;
  g_autoptr(GError) error = NULL;
  AffAffair *affair;
  GDate day;
  char text[16];

  if ((portfolio = open_affair_on_day (path, args[0], &day, text, &affair, &code)) == NULL)
    return code;
  if ((drifts = aff_affair_list_drifts (affair, &day, &error)) == NULL)
    return fail_in_affair (error, args[0]);
  if (json_output)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      begin_affair_list (builder, args[0], &day, "drifts");
      for (guint i = 0; i < drifts->len; i++)
        {
          const AffDrift *drift = g_ptr_array_index (drifts, i);
          const AffCorrectiveAction *action = aff_drift_get_corrective_action (drift);

          json_builder_begin_object (builder);
          add_string (builder, "kind", nick_of (AFF_TYPE_DRIFT_KIND, aff_drift_get_kind (drift)));
          add_string (builder, "subject", aff_drift_get_subject (drift));
          add_value (builder, "value", double_node (aff_drift_get_value (drift)));
          add_value (builder, "threshold", double_node (aff_drift_get_threshold (drift)));
          add_string (builder, "message", aff_drift_get_message (drift));
          if (action != NULL)
            {
              json_builder_set_member_name (builder, "corrective_action");
              corrective_action_to_json (builder, action);
            }
          else
            add_value (builder, "corrective_action", NULL);
          json_builder_end_object (builder);
        }
      print_affair_list (builder);
      return EXIT_OK;
    }
  if (drifts->len == 0)
    {
      g_print (_("Affair %s: no drift on %s\n"), args[0], text);
      return EXIT_OK;
    }
  g_print (_("Affair %s: drifts on %s\n"), args[0], text);
  for (guint i = 0; i < drifts->len; i++)
    {
      const AffDrift *drift = g_ptr_array_index (drifts, i);
      const AffCorrectiveAction *action = aff_drift_get_corrective_action (drift);
      const char *subject = aff_drift_get_subject (drift);

      g_print ("  %-20s %-8s %s\n", nick_of (AFF_TYPE_DRIFT_KIND, aff_drift_get_kind (drift)),
               subject != NULL ? subject : "-", aff_drift_get_message (drift));
      if (action != NULL)
        {
          char due[16];

          iso_date (aff_corrective_action_get_due (action), due);
          g_print (_("    corrective action: %s (%s, due on %s)\n"), aff_corrective_action_get_action (action),
                   aff_corrective_action_get_owner (action), due);
        }
      else
        g_print (_("    no corrective action\n"));
    }
  return EXIT_OK;
}

/* ---- The dossier of an affair ------------------------------------------- */

/* The portfolio with the dossier of its affair, for a command dated by
 * --date, as open_affair_on_day() gives the affair. */
static AffPortfolio *
open_dossier_on_day (const char   *path,
                     const char   *affair_id,
                     GDate        *day,
                     char          text[16],
                     AffDossier  **dossier,
                     int          *code)
{
  AffAffair *affair;
  AffPortfolio *portfolio = open_affair_on_day (path, affair_id, day, text, &affair, code);

  if (portfolio != NULL)
    *dossier = aff_affair_get_dossier (affair);
  return portfolio;
}

/* affaires dossier meeting AFFAIR ID KIND TITLE [--minutes TEXT]: held on
 * --date. */
static int
cmd_dossier_meeting (const char  *path,
                     char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(AffMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  AffDossier *dossier;
  int kind;
  GDate day;
  char text[16];

  /* Translators: the KIND of "affaires dossier meeting" */
  if (!parse_nick (AFF_TYPE_MEETING_KIND, _("KIND"), args[2], &kind))
    return EXIT_USER;
  if ((portfolio = open_dossier_on_day (path, args[0], &day, text, &dossier, &code)) == NULL)
    return code;
  meeting = aff_meeting_new (args[1], kind, &day, args[3]);
  if (!aff_dossier_add_meeting (dossier, meeting, &error) ||
      (opt_minutes != NULL && !aff_dossier_record_minutes (dossier, args[1], opt_minutes, &error)))
    return fail_in_affair (error, args[0]);
  if (opt_minutes != NULL)
    return save_and_tell (portfolio, path, NULL, _("Affair %s: %s meeting %s held on %s, with its minutes\n"), args[0],
                          args[2], args[1], text);
  return save_and_tell (portfolio, path, NULL,
                        _("Affair %s: %s meeting %s held on %s\n"), args[0], args[2], args[1], text);
}

/* affaires dossier minutes AFFAIR MEETING TEXT */
static int
cmd_dossier_minutes (const char  *path,
                     char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  AffAffair *affair;

  if ((portfolio = open_affair (path, args[0], &affair, &code)) == NULL)
    return code;
  if (!aff_dossier_record_minutes (aff_affair_get_dossier (affair), args[1], args[2], &error))
    return fail_in_affair (error, args[0]);
  return save_and_tell (portfolio, path, NULL, _("Affair %s: minutes of meeting %s recorded\n"), args[0], args[1]);
}

/* affaires dossier action AFFAIR ID TITLE --owner NAME --due DATE: assigned
 * on --date. */
static int
cmd_dossier_action (const char  *path,
                    char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(AffAction) action = NULL;
  g_autoptr(GError) error = NULL;
  AffDossier *dossier;
  GDate day, due;
  char text[16], due_text[16];

  if (opt_owner == NULL || opt_due == NULL)
    {
      g_printerr (_("affaires: affair %s, action %s: --owner and --due are required\n"), args[0], args[1]);
      return EXIT_USER;
    }
  if (!parse_iso_day ("--due", opt_due, &due))
    return EXIT_USER;
  if ((portfolio = open_dossier_on_day (path, args[0], &day, text, &dossier, &code)) == NULL)
    return code;
  action = aff_action_new (args[1], args[2], opt_owner, &day, &due);
  if (!aff_dossier_add_action (dossier, action, &error))
    return fail_in_affair (error, args[0]);
  iso_date (&due, due_text);
  return save_and_tell (portfolio, path, NULL, _("Affair %s: action %s assigned to %s on %s, due on %s\n"), args[0],
                        args[1], opt_owner, text, due_text);
}

/* affaires dossier done AFFAIR ACTION [--note TEXT]: done on --date. */
static int
cmd_dossier_done (const char  *path,
                  char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  AffDossier *dossier;
  GDate day;
  char text[16];

  if ((portfolio = open_dossier_on_day (path, args[0], &day, text, &dossier, &code)) == NULL)
    return code;
  if (!aff_dossier_complete_action (dossier, args[1], &day, opt_note, &error))
    return fail_in_affair (error, args[0]);
  return save_and_tell (portfolio, path, NULL, _("Affair %s: action %s done on %s\n"), args[0], args[1], text);
}

/* affaires dossier document AFFAIR REFERENCE TITLE: into the register on
 * --date, as a draft. */
static int
cmd_dossier_document (const char  *path,
                      char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(AffDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  AffDossier *dossier;
  GDate day;
  char text[16];

  if ((portfolio = open_dossier_on_day (path, args[0], &day, text, &dossier, &code)) == NULL)
    return code;
  document = aff_document_new (args[1], args[2]);
  if (!aff_dossier_add_document (dossier, document, &day, &error))
    return fail_in_affair (error, args[0]);
  return save_and_tell (portfolio, path, NULL, _("Affair %s: document %s added to the register on %s\n"), args[0],
                        args[1], text);
}

/* affaires dossier report AFFAIR START END [--to NAME…]: a management
 * report of that period sent on --date, by default to the dossier's
 * distribution list. */
static int
cmd_dossier_report (const char  *path,
                    char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  AffDossier *dossier;
  GDate day, start, end;
  char text[16];

  if (!parse_iso_day ("START", args[1], &start) || !parse_iso_day ("END", args[2], &end))
    return EXIT_USER;
  if ((portfolio = open_dossier_on_day (path, args[0], &day, text, &dossier, &code)) == NULL)
    return code;
  if (!aff_dossier_record_report (dossier, AFF_REPORT_VARIANT_MANAGEMENT, &start, &end, &day,
                                  (const char *const *) opt_to, &error))
    return fail_in_affair (error, args[0]);
  return save_and_tell (portfolio, path, NULL, _("Affair %s: management report from %s to %s sent on %s\n"), args[0],
                        args[1], args[2], text);
}

/* affaires dossier check AFFAIR: what the dossier lacks on --date. Exit 0
 * whatever it lacks: the check ran. */
static int
cmd_dossier_check (const char  *path,
                   char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GError) error = NULL;
  AffDossier *dossier;
  GDate day;
  char text[16];

  if ((portfolio = open_dossier_on_day (path, args[0], &day, text, &dossier, &code)) == NULL)
    return code;
  if ((gaps = aff_dossier_check (dossier, &day, &error)) == NULL)
    return fail_in_affair (error, args[0]);
  if (json_output)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      begin_affair_list (builder, args[0], &day, "gaps");
      for (guint i = 0; i < gaps->len; i++)
        {
          const AffDossierGap *gap = g_ptr_array_index (gaps, i);

          json_builder_begin_object (builder);
          add_string (builder, "kind", nick_of (AFF_TYPE_DOSSIER_GAP_KIND, aff_dossier_gap_get_kind (gap)));
          add_string (builder, "subject", aff_dossier_gap_get_subject (gap));
          add_string (builder, "message", aff_dossier_gap_get_message (gap));
          json_builder_end_object (builder);
        }
      print_affair_list (builder);
      return EXIT_OK;
    }
  if (gaps->len == 0)
    {
      g_print (_("Affair %s: the dossier lacks nothing on %s\n"), args[0], text);
      return EXIT_OK;
    }
  g_print (_("Affair %s: the dossier lacks on %s\n"), args[0], text);
  for (guint i = 0; i < gaps->len; i++)
    {
      const AffDossierGap *gap = g_ptr_array_index (gaps, i);

      g_print ("  %-22s %s\n", nick_of (AFF_TYPE_DOSSIER_GAP_KIND, aff_dossier_gap_get_kind (gap)),
               aff_dossier_gap_get_message (gap));
    }
  return EXIT_OK;
}

/* ---- Offers ------------------------------------------------------------- */

/* The portfolio with its offer @offer_id in *@offer, or NULL with *@code
 * set, as open_affair() gives an affair. */
static AffPortfolio *
open_offer (const char  *path,
            const char  *offer_id,
            AffOffer   **offer,
            int         *code)
{
  g_autoptr(AffPortfolio) portfolio = open_portfolio (path, code);

  if (portfolio == NULL)
    return NULL;
  if ((*offer = aff_portfolio_lookup_offer (portfolio, offer_id)) == NULL)
    {
      g_printerr (_("affaires: %s: the portfolio has no offer “%s”\n"), path, offer_id);
      *code = EXIT_USER;
      return NULL;
    }
  return g_steal_pointer (&portfolio);
}

/* The portfolio with its offer, for a command dated by --date, as
 * open_affair_on_day() gives an affair. */
static AffPortfolio *
open_offer_on_day (const char  *path,
                   const char  *offer_id,
                   GDate       *day,
                   char         text[16],
                   AffOffer   **offer,
                   int         *code)
{
  if (!parse_day (day))
    {
      *code = EXIT_USER;
      return NULL;
    }
  iso_date (day, text);
  return open_offer (path, offer_id, offer, code);
}

/* affaires offer new ID CONSULTATION [--validity DATE]: the library gives
 * it its first draft, A, priced with the portfolio's policy. */
static int
cmd_offer_new (const char  *path,
               char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(AffOffer) offer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) facts = begin_facts ();
  AffOfferRevision *revision;
  GDate validity;

  if (opt_validity != NULL && !parse_iso_day ("--validity", opt_validity, &validity))
    return EXIT_USER;
  if ((portfolio = open_portfolio (path, &code)) == NULL)
    return code;
  offer = aff_offer_new (args[0], args[1]);
  if (!aff_portfolio_add_offer (portfolio, offer, &error))
    return fail (error);
  revision = aff_offer_get_current_revision (offer);
  if (opt_validity != NULL && !aff_offer_revision_set_validity (revision, &validity, &error))
    return fail_in_offer (error, args[0]);
  add_string (facts, "revision", aff_offer_revision_get_letter (revision));
  return save_and_tell (portfolio, path, facts, _("Offer %s added for consultation %s: draft revision %s\n"), args[0],
                        args[1], aff_offer_revision_get_letter (revision));
}

/* The line of offer line: at the policy's rate of --skill for labour, or
 * at UNIT_COST; a unit cost given with --skill would be silently dropped,
 * so it must be "-". */
static AffOfferLine *
new_offer_line (AffPortfolio      *portfolio,
                AffOfferRevision  *revision,
                char             **args,
                int                kind,
                int                unit,
                GError           **error)
{
  g_autoptr(AffMoney) unit_cost = NULL;

  if (opt_skill != NULL)
    {
      if (kind != AFF_LINE_KIND_LABOUR || unit != AFF_LINE_UNIT_HOUR || strcmp (args[5], "-") != 0)
        return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                            _("line “%s”: --skill %s prices labour in hours at the policy's rate; "
                              "give the unit hour and the unit cost -"), args[2], opt_skill), NULL;
      return aff_offer_line_new_labour (args[2], args[3], opt_skill, aff_portfolio_get_policy (portfolio), error);
    }
  if ((unit_cost = parse_money (aff_offer_revision_get_currency (revision), args[5], error)) == NULL)
    return NULL;
  return aff_offer_line_new (kind, args[2], args[3], unit, unit_cost, error);
}

/* affaires offer line ID KIND DESCRIPTION QUANTITY UNIT UNIT_COST: a line
 * added to the current draft. */
static int
cmd_offer_line (const char  *path,
                char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(AffOfferLine) line = NULL;
  g_autoptr(AffMoney) cost = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) facts = begin_facts ();
  g_autofree char *cost_text = NULL;
  AffOfferRevision *revision;
  AffOffer *offer;
  int kind, unit;

  /* Translators: the KIND and UNIT of "affaires offer line" */
  if (!parse_nick (AFF_TYPE_LINE_KIND, _("KIND"), args[1], &kind) ||
      !parse_nick (AFF_TYPE_LINE_UNIT, _("UNIT"), args[4], &unit))
    return EXIT_USER;
  if ((portfolio = open_offer (path, args[0], &offer, &code)) == NULL)
    return code;
  revision = aff_offer_get_current_revision (offer);
  if ((line = new_offer_line (portfolio, revision, args, kind, unit, &error)) == NULL)
    return fail_in_offer (error, args[0]);
  aff_offer_line_set_lot (line, opt_lot);
  if (opt_requirements != NULL)
    aff_offer_line_set_requirements (line, (const char *const *) opt_requirements);
  if ((cost = aff_offer_line_compute_cost (line, &error)) == NULL ||
      !aff_offer_revision_add_line (revision, line, &error))
    return fail_in_offer (error, args[0]);
  cost_text = format_money (cost);
  add_string (facts, "revision", aff_offer_revision_get_letter (revision));
  add_money (facts, "direct_cost", cost);
  return save_and_tell (portfolio, path, facts,
                        _("Offer %s, revision %s: %s line “%s” added, direct cost %s\n"),
                        args[0], aff_offer_revision_get_letter (revision), args[1], args[2], cost_text);
}

/* affaires offer margin ID BASIS_POINTS: the current draft priced from its
 * cost at that margin rate on the selling price. */
static int
cmd_offer_margin (const char  *path,
                  char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(AffMoney) price = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *price_text = NULL;
  g_autoptr(JsonBuilder) facts = begin_facts ();
  AffOfferRevision *revision;
  AffOffer *offer;
  gint64 basis_points;

  if (!g_ascii_string_to_signed (args[1], 10, -10000, 9999, &basis_points, NULL))
    {
      g_printerr (_("affaires: offer %s: “%s” is not a margin rate in basis points, below 10000\n"), args[0],
                  args[1]);
      return EXIT_USER;
    }
  if ((portfolio = open_offer (path, args[0], &offer, &code)) == NULL)
    return code;
  revision = aff_offer_get_current_revision (offer);
  if (!aff_offer_revision_set_margin_rate (revision, (int) basis_points, &error) ||
      (price = aff_offer_revision_get_selling_price (revision, &error)) == NULL)
    return fail_in_offer (error, args[0]);
  price_text = format_money (price);
  add_string (facts, "revision", aff_offer_revision_get_letter (revision));
  add_money (facts, "selling_price", price);
  return save_and_tell (portfolio, path, facts,
                        _("Offer %s, revision %s: margin rate %d bp, selling price %s excl. VAT\n"),
                        args[0], aff_offer_revision_get_letter (revision), (int) basis_points, price_text);
}

/* affaires offer check ID: what forbids sending it on --date. Exit 0
 * whatever it finds: the check ran. */
static int
cmd_offer_check (const char  *path,
                 char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  AffOffer *offer;
  GDate day;
  char text[16];

  if ((portfolio = open_offer_on_day (path, args[0], &day, text, &offer, &code)) == NULL)
    return code;
  problems = aff_offer_check (offer, &day);
  if (json_output)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      begin_list (builder, "offer", args[0], &day, "problems");
      for (guint i = 0; i < problems->len; i++)
        {
          const AffOfferCheck *check = g_ptr_array_index (problems, i);

          json_builder_begin_object (builder);
          add_string (builder, "kind", nick_of (AFF_TYPE_OFFER_PROBLEM, aff_offer_check_get_problem (check)));
          add_string (builder, "message", aff_offer_check_get_message (check));
          json_builder_end_object (builder);
        }
      print_affair_list (builder);
      return EXIT_OK;
    }
  if (problems->len == 0)
    {
      g_print (_("Offer %s can be sent on %s\n"), args[0], text);
      return EXIT_OK;
    }
  g_print (_("Offer %s cannot be sent on %s:\n"), args[0], text);
  for (guint i = 0; i < problems->len; i++)
    {
      const AffOfferCheck *check = g_ptr_array_index (problems, i);

      g_print ("  %-28s %s\n", nick_of (AFF_TYPE_OFFER_PROBLEM, aff_offer_check_get_problem (check)),
               aff_offer_check_get_message (check));
    }
  return EXIT_OK;
}

/* affaires offer send ID: the current draft sent on --date, frozen. */
static int
cmd_offer_send (const char  *path,
                char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(AffMoney) price = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *price_text = NULL;
  g_autoptr(JsonBuilder) facts = begin_facts ();
  AffOfferRevision *revision;
  AffOffer *offer;
  GDate day;
  char text[16];

  if ((portfolio = open_offer_on_day (path, args[0], &day, text, &offer, &code)) == NULL)
    return code;
  revision = aff_offer_get_current_revision (offer);
  if (!aff_offer_send (offer, &day, &error) || (price = aff_offer_revision_get_selling_price (revision, &error)) == NULL)
    return fail_in_offer (error, args[0]);
  price_text = format_money (price);
  add_string (facts, "revision", aff_offer_revision_get_letter (revision));
  add_money (facts, "selling_price", price);
  return save_and_tell (portfolio, path, facts, _("Offer %s, revision %s, sent on %s: %s excl. VAT\n"), args[0],
                        aff_offer_revision_get_letter (revision), text, price_text);
}

/* affaires offer accept ID CONTRACT: accepted on --date; the library opens
 * the affair, under the offer's id. */
static int
cmd_offer_accept (const char  *path,
                  char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) facts = begin_facts ();
  gboolean opened;
  AffOffer *offer;
  GDate day;
  char text[16];

  if ((portfolio = open_offer_on_day (path, args[0], &day, text, &offer, &code)) == NULL)
    return code;
  if (!aff_offer_accept (offer, &day, args[1], &error))
    return fail_in_offer (error, args[0]);
  opened = aff_portfolio_lookup_affair (portfolio, args[0]) != NULL;
  add_string (facts, "affair", opened ? args[0] : NULL);
  if (opened)
    return save_and_tell (portfolio, path, facts,
                          _("Offer %s accepted on %s (contract %s): affair %s opened\n"),
                          args[0], text, args[1], args[0]);
  return save_and_tell (portfolio, path, facts, _("Offer %s accepted on %s (contract %s)\n"), args[0], text, args[1]);
}

/* affaires offer decline ID REASON [--note TEXT]: declined on --date, the
 * reason kept for the loss statistics. */
static int
cmd_offer_decline (const char  *path,
                   char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  AffOffer *offer;
  int reason;
  GDate day;
  char text[16];

  /* Translators: the REASON of "affaires offer decline" */
  if (!parse_nick (AFF_TYPE_LOSS_REASON, _("REASON"), args[1], &reason))
    return EXIT_USER;
  if ((portfolio = open_offer_on_day (path, args[0], &day, text, &offer, &code)) == NULL)
    return code;
  if (!aff_offer_decline (offer, &day, reason, opt_note, &error))
    return fail_in_offer (error, args[0]);
  return save_and_tell (portfolio, path, NULL, _("Offer %s declined on %s: %s\n"), args[0], text, args[1]);
}

/* affaires offer approve ID --by NAME --why TEXT: the options are checked
 * before the file is read, so that the message names them. */
static int
cmd_offer_approve (const char  *path,
                   char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  AffOffer *offer;

  if (opt_by == NULL || opt_why == NULL)
    {
      g_printerr (_("affaires: offer %s: --by and --why are required\n"), args[0]);
      return EXIT_USER;
    }
  if ((portfolio = open_offer (path, args[0], &offer, &code)) == NULL)
    return code;
  if (!aff_offer_approve (offer, opt_by, opt_why, &error))
    return fail_in_offer (error, args[0]);
  return save_and_tell (portfolio, path, NULL, _("Offer %s, revision %s: margin approved by %s\n"), args[0],
                        aff_offer_revision_get_letter (aff_offer_get_current_revision (offer)), opt_by);
}

/* Reads @text as one of the dangerous works; "none" is left out, as
 * acknowledging no work would say nothing. */
static gboolean
parse_regulatory_flag (const char         *text,
                       AffRegulatoryFlags *flag)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (AFF_TYPE_REGULATORY_FLAGS);
  GFlagsValue *found = g_flags_get_value_by_nick (klass, text);

  if (found == NULL || found->value == AFF_REGULATORY_FLAGS_NONE)
    {
      g_autoptr(GString) nicks = g_string_new (NULL);
      /* Translators: the FLAG of "affaires offer acknowledge" */
      const char *what = _("FLAG");

      for (guint i = 0; i < klass->n_values; i++)
        if (klass->values[i].value != AFF_REGULATORY_FLAGS_NONE)
          g_string_append_printf (nicks, "%s%s", nicks->len > 0 ? ", " : "", klass->values[i].value_nick);
      g_printerr (_("affaires: %s: “%s” is not one of %s\n"), what, text, nicks->str);
      return FALSE;
    }
  *flag = (AffRegulatoryFlags) found->value;
  return TRUE;
}

/* affaires offer acknowledge ID FLAG... --measures TEXT: the dangerous
 * work acknowledged on the current draft, with the note the client reads. */
static int
cmd_offer_acknowledge (const char  *path,
                       char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *works = NULL;
  AffRegulatoryFlags flags = AFF_REGULATORY_FLAGS_NONE, flag;
  AffOfferRevision *revision;
  AffOffer *offer;

  if (opt_measures == NULL)
    {
      g_printerr (_("affaires: offer %s: --measures is required\n"), args[0]);
      return EXIT_USER;
    }
  for (guint i = 1; args[i] != NULL; i++)
    {
      if (!parse_regulatory_flag (args[i], &flag))
        return EXIT_USER;
      flags |= flag;
    }
  if ((portfolio = open_offer (path, args[0], &offer, &code)) == NULL)
    return code;
  revision = aff_offer_get_current_revision (offer);
  if (!aff_offer_revision_acknowledge (revision, flags, opt_measures, &error))
    return fail_in_offer (error, args[0]);
  works = g_strjoinv (", ", args + 1);
  return save_and_tell (portfolio, path, NULL, _("Offer %s, revision %s: dangerous work acknowledged: %s\n"), args[0],
                        aff_offer_revision_get_letter (revision), works);
}

/* affaires offer render ID: the current revision as the client reads it. */
static int
cmd_offer_render (const char  *path,
                  char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  AffDocumentFormat format;
  AffOffer *offer;
  char *document;

  if (!parse_format (&format))
    return EXIT_USER;
  if ((portfolio = open_offer (path, args[0], &offer, &code)) == NULL)
    return code;
  if ((document = aff_offer_revision_render (aff_offer_get_current_revision (offer), format, &error)) == NULL)
    return fail_in_offer (error, args[0]);
  return emit_document (document, media_type_of (format));
}

/* affaires offer remind: the offers sent to chase on --date. */
static int
cmd_offer_remind (const char  *path,
                  char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  GDate day;
  char text[16], due[16];

  if (!parse_day (&day))
    return EXIT_USER;
  if ((portfolio = open_portfolio (path, &code)) == NULL)
    return code;
  reminders = aff_portfolio_list_offer_reminders (portfolio, &day);
  if (json_output)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      begin_list (builder, NULL, NULL, &day, "reminders");
      for (guint i = 0; i < reminders->len; i++)
        {
          const AffOfferReminder *reminder = g_ptr_array_index (reminders, i);

          json_builder_begin_object (builder);
          add_string (builder, "offer", aff_offer_reminder_get_offer_id (reminder));
          add_string (builder, "kind", nick_of (AFF_TYPE_REMINDER_KIND, aff_offer_reminder_get_kind (reminder)));
          add_date (builder, "due_date", aff_offer_reminder_get_due_date (reminder));
          json_builder_end_object (builder);
        }
      print_affair_list (builder);
      return EXIT_OK;
    }
  iso_date (&day, text);
  if (reminders->len == 0)
    {
      g_print (_("No offer to chase on %s\n"), text);
      return EXIT_OK;
    }
  g_print (_("Offers to chase on %s:\n"), text);
  for (guint i = 0; i < reminders->len; i++)
    {
      const AffOfferReminder *reminder = g_ptr_array_index (reminders, i);

      iso_date (aff_offer_reminder_get_due_date (reminder), due);
      g_print (_("  %-14s %-16s due since %s\n"), aff_offer_reminder_get_offer_id (reminder),
               nick_of (AFF_TYPE_REMINDER_KIND, aff_offer_reminder_get_kind (reminder)), due);
    }
  return EXIT_OK;
}

/* ---- Exports ------------------------------------------------------------ */

/* affaires export csv AFFAIR: the ledger, in the columns finance
 * import-costs reads back. */
static int
cmd_export_csv (const char  *path,
                char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  AffAffair *affair;

  if ((portfolio = open_affair (path, args[0], &affair, &code)) == NULL)
    return code;
  return emit_document (aff_ledger_to_csv (aff_affair_get_ledger (affair)), MEDIA_TYPE_CSV);
}

/* affaires export dashboard-csv: the rows of the dashboard on --date. */
static int
cmd_export_dashboard_csv (const char  *path,
                          char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffDashboard) dashboard = NULL;

  if ((dashboard = compute_dashboard (path, NULL, &code)) == NULL)
    return code;
  return emit_document (aff_dashboard_to_csv (dashboard), MEDIA_TYPE_CSV);
}

/* affaires export svg AFFAIR: the S-curve from the signature to --date. */
static int
cmd_export_svg (const char  *path,
                char       **args)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  AffAffair *affair;
  char *svg;
  GDate day;
  char text[16];

  if ((portfolio = open_affair_on_day (path, args[0], &day, text, &affair, &code)) == NULL)
    return code;
  if ((svg = aff_affair_to_svg_s_curve (affair, &day, &error)) == NULL)
    return fail_in_affair (error, args[0]);
  return emit_document (svg, MEDIA_TYPE_SVG);
}

/* The documents of export md and export html, in the order of --help. */
typedef enum {
  EXPORT_REPORT,
  EXPORT_CLIENT_REPORT,
  EXPORT_MANAGEMENT_PLAN,
  EXPORT_REX,
} ExportDocument;

static const char *const export_documents[] = { "report", "client-report", "management-plan", "rex" };

static gboolean
parse_export_document (ExportDocument *document)
{
  if (opt_document == NULL)
    {
      *document = EXPORT_REPORT;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (export_documents); i++)
    if (strcmp (opt_document, export_documents[i]) == 0)
      {
        *document = (ExportDocument) i;
        return TRUE;
      }
  g_printerr (_("affaires: --document %s: expected report, client-report, management-plan or rex\n"), opt_document);
  return FALSE;
}

/* The document of an affair in @format. The reports cover the calendar
 * month of --date, as the monthly review does; the management plan needs
 * the dates of the plan, which the document does not keep: they are
 * computed again, and nothing is saved. */
static int
export_document (const char        *path,
                 char             **args,
                 AffDocumentFormat  format)
{
  int code = EXIT_OK;
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  ExportDocument document;
  AffAffair *affair;
  AffPlan *plan;
  AffRex *rex;
  char *text = NULL;
  GDate day, first, last;
  char day_text[16];

  if (!parse_export_document (&document))
    return EXIT_USER;
  if ((portfolio = open_affair_on_day (path, args[0], &day, day_text, &affair, &code)) == NULL)
    return code;
  first = last = day;
  g_date_set_day (&first, 1);
  g_date_set_day (&last, g_date_get_days_in_month (g_date_get_month (&day), g_date_get_year (&day)));
  switch (document)
    {
    case EXPORT_REPORT:
      text = aff_affair_render_report (affair, &first, &last, format, &error);
      break;
    case EXPORT_CLIENT_REPORT:
      text = aff_affair_render_client_report (affair, &first, &last, format, &error);
      break;
    case EXPORT_MANAGEMENT_PLAN:
      plan = aff_affair_get_plan (affair);
      if (aff_plan_is_scheduled (plan) || aff_plan_schedule (plan, &error))
        text = aff_affair_render_management_plan (affair, format, &error);
      break;
    case EXPORT_REX:
      if ((rex = aff_affair_get_rex (affair)) == NULL)
        {
          g_printerr (_("affaires: affair %s has no lessons learned yet\n"), args[0]);
          return EXIT_USER;
        }
      text = aff_rex_render (rex, format);
      break;
    default:
      g_assert_not_reached ();
    }
  if (text == NULL)
    return fail_in_affair (g_steal_pointer (&error), args[0]);
  return emit_document (text, media_type_of (format));
}

/* affaires export md AFFAIR [--document DOCUMENT] */
static int
cmd_export_md (const char  *path,
               char       **args)
{
  return export_document (path, args, AFF_DOCUMENT_FORMAT_MARKDOWN);
}

/* affaires export html AFFAIR [--document DOCUMENT] */
static int
cmd_export_html (const char  *path,
                 char       **args)
{
  return export_document (path, args, AFF_DOCUMENT_FORMAT_HTML);
}

/* ---- The table of commands ---------------------------------------------- */

typedef struct {
  const char *command;
  const char *subcommand;       /* NULL for a command without one */
  const char *parameters;       /* translatable; NULL for none */
  guint min_args;
  guint max_args;
  const char *summary;          /* translatable, one line */
  const char *details;          /* translatable, NULL for none */
  const GOptionEntry *entries;
  int (*run) (const char *path, char **args);
} Command;

static const Command commands[] = {
  { "demo", NULL, NULL, 0, 0,
    N_("build a demo portfolio and show what it holds"),
    N_("Builds a demo portfolio, walks one affair through the seven capabilities\n"
       "of the role, saves it and writes its documents into the folder demo/\n"
       "beside it. It replaces a portfolio that is not a demo only with --force."),
    no_entries, cmd_demo },
  { "client", "add", N_("ID NAME"), 2, 2,
    N_("add a prospect"),
    N_("The first client of a portfolio that does not exist yet creates it."),
    client_add_entries, cmd_client_add },
  { "client", "list", NULL, 0, 0,
    N_("list the clients of the portfolio"), NULL,
    no_entries, cmd_client_list },
  { "client", "show", N_("ID"), 1, 1,
    N_("a client and where the relation stands"), NULL,
    no_entries, cmd_client_show },
  { "client", "interaction", N_("ID KIND SUMMARY"), 3, 3,
    N_("record a commercial action on --date"),
    N_("KIND is call, visit, email, meeting, survey, trade-show or watch."),
    client_interaction_entries, cmd_client_interaction },
  { "client", "due", NULL, 0, 0,
    N_("the clients due for follow-up on --date"), NULL,
    no_entries, cmd_client_due },
  { "consultation", "add", N_("ID CLIENT TITLE"), 3, 3,
    N_("add a consultation received"), NULL,
    consultation_add_entries, cmd_consultation_add },
  { "consultation", "evaluate", N_("ID"), 1, 1,
    N_("its go / no-go on --date, justified"), NULL,
    no_entries, cmd_consultation_evaluate },
  { "consultation", "decide", N_("ID go|no-go"), 2, 2,
    N_("record the go / no-go decision"),
    N_("The decision is dated by the evaluation; a consultation still as received\n"
       "is qualified on that day first. Deciding against the evaluation needs --why."),
    consultation_decide_entries, cmd_consultation_decide },
  { "consultation", "requirement", N_("ID TEXT"), 2, 2,
    N_("add a requirement of the client's specification"),
    N_("It is numbered REQ-1, REQ-2…; each line of an offer names those it answers\n"
       "with --requirement, and an offer is sent only once every one is answered."),
    no_entries, cmd_consultation_requirement },
  { "consultation", "works", N_("ID FLAG..."), 2, 9,
    N_("say which dangerous work the request involves"),
    N_("FLAG is work-at-height, confined-space, hot-work, atex, asbestos, electrical,\n"
       "lifting, ionising-radiation or chemical; the offer then acknowledges it\n"
       "(offer acknowledge)."),
    no_entries, cmd_consultation_works },
  { "finance", "cost", N_("AFFAIR WORK CATEGORY STATE AMOUNT"), 5, 5,
    N_("add a cost to an affair on --date"),
    N_("WORK is a task or lot of the affair, or - for the whole affair.\n"
       "CATEGORY is labour, material, equipment, subcontract, travel, overhead\n"
       "or other; STATE is committed or actual. AMOUNT excludes VAT: 1234.50 in\n"
       "the ledger's currency, or 1234.50 EUR; put -- before a negative amount."),
    finance_cost_entries, cmd_finance_cost },
  { "finance", "import-costs", N_("AFFAIR FILE.csv"), 2, 2,
    N_("import a CSV of costs, whole or nothing"),
    N_("The first line names the columns: date, category, state and amount, and\n"
       "optionally work, quantity, supplier, document and commitment. A bad line\n"
       "is named and nothing is imported (exit status 2)."),
    no_entries, cmd_finance_import_costs },
  { "finance", "progress", N_("AFFAIR WORK PERCENT_BP"), 3, 3,
    N_("record a physical progress on --date"),
    N_("WORK is a task or lot of the affair, or - for the whole affair;\n"
       "PERCENT_BP is in basis points: 4250 stands for 42.5 per cent."),
    no_entries, cmd_finance_progress },
  { "finance", "status", N_("AFFAIR"), 1, 1,
    N_("the figures of an affair on --date"), NULL,
    no_entries, cmd_finance_status },
  { "finance", "billing", N_("AFFAIR"), 1, 1,
    N_("the invoices to issue on --date"), NULL,
    no_entries, cmd_finance_billing },
  { "finance", "invoice", N_("AFFAIR REFERENCE"), 2, 2,
    N_("issue the first invoice due on --date"),
    N_("The invoices due are those of finance billing, in the order of the billing\n"
       "schedule; REFERENCE is the number of the invoice."),
    no_entries, cmd_finance_invoice },
  { "finance", "accept", N_("AFFAIR"), 1, 1,
    N_("record the client's acceptance of the work on --date"), NULL,
    no_entries, cmd_finance_accept },
  { "finance", "close", N_("AFFAIR"), 1, 1,
    N_("close an affair on --date, or list what blocks it"),
    N_("The tasks must be finished, the work accepted and invoiced, the\n"
       "commitments settled, the drifts and actions dealt with and the lessons\n"
       "learned validated; what is left is listed (exit status 1)."),
    no_entries, cmd_finance_close },
  { "finance", "dashboard", NULL, 0, 0,
    N_("the margin and WIP dashboard on --date"), NULL,
    document_entries, cmd_finance_dashboard },
  { "journal", "show", NULL, 0, 0,
    N_("print the journal and verify its chain"), NULL,
    no_entries, cmd_journal_show },
  { "journal", "verify", NULL, 0, 0,
    N_("verify the journal's chain"), NULL,
    no_entries, cmd_journal_verify },
  { "check", NULL, N_("[FILE]"), 0, 1,
    N_("validate a portfolio document"), NULL,
    no_entries, cmd_check },
  { "convert", NULL, N_("TO"), 1, 1,
    N_("copy the portfolio into another store, JSON or SQLite"),
    N_("Copies the portfolio of --portfolio, journal included, into the store TO: a\n"
       "SQLite database when TO ends in .sqlite, .sqlite3 or .db, a JSON document\n"
       "otherwise. The copy is read back and compared with the original, and its\n"
       "journal verified. An existing TO is replaced only with --force."),
    no_entries, cmd_convert },
  { "rex", "create", N_("AFFAIR"), 1, 1,
    N_("draw up the lessons learned of an affair on --date"),
    N_("They are filled in from its history: its figures, its plan against the\n"
       "baseline, its hazards, drifts, incidents and the actions taken."),
    no_entries, cmd_rex_create },
  { "rex", "practice", N_("AFFAIR TEXT"), 2, 2,
    N_("add a good practice to its lessons learned"), NULL,
    no_entries, cmd_rex_practice },
  { "rex", "difficulty", N_("AFFAIR TEXT SOLUTION"), 3, 3,
    N_("add a difficulty and how it was solved"), NULL,
    no_entries, cmd_rex_difficulty },
  { "rex", "improvement", N_("AFFAIR TITLE"), 2, 2,
    N_("propose an improvement"), NULL,
    rex_improvement_entries, cmd_rex_improvement },
  { "rex", "validate", N_("AFFAIR"), 1, 1,
    N_("validate the lessons learned on --date"),
    N_("They need a good practice, a difficulty or an improvement; once validated\n"
       "they no longer change, but for the status of their improvements."),
    no_entries, cmd_rex_validate },
  { "rex", "render", N_("AFFAIR"), 1, 1,
    N_("the lessons learned of an affair"), NULL,
    document_entries, cmd_rex_render },
  { "rex", "lessons", N_("[AFFAIR]"), 0, 1,
    N_("lessons of other affairs, or every improvement"), NULL,
    no_entries, cmd_rex_lessons },
  { "rex", "audit", N_("AFFAIR"), 1, 1,
    N_("audit an affair's dossier on --date"),
    NULL, no_entries, cmd_rex_audit },
  { "plan", "task", N_("AFFAIR ID NAME DAYS"), 4, 4,
    N_("add a task to the plan of an affair"),
    N_("DAYS is its duration in working days, 0 for a milestone. KIND is task,\n"
       "milestone, design-review, inspection, purchase, subcontract or intervention."),
    plan_task_entries, cmd_plan_task },
  { "plan", "depend", N_("AFFAIR FROM TO"), 3, 3,
    N_("make a task wait for the end of another"), NULL,
    no_entries, cmd_plan_depend },
  { "plan", "schedule", N_("AFFAIR"), 1, 1,
    N_("schedule the plan: its finish and critical path"), NULL,
    no_entries, cmd_plan_schedule },
  { "plan", "hazard", N_("AFFAIR ID CAUSE DESCRIPTION"), 4, 4,
    N_("apply a hazard on --date and say what it moves"),
    N_("CAUSE is internal, client, subcontractor, weather or supplier. The plan is\n"
       "scheduled again; the milestones that slip and the parties to tell are listed."),
    plan_hazard_entries, cmd_plan_hazard },
  { "plan", "baseline", N_("AFFAIR NAME"), 2, 2,
    N_("save the scheduled dates as a baseline"), NULL,
    no_entries, cmd_plan_baseline },
  { "plan", "start", N_("AFFAIR TASK"), 2, 2,
    N_("record that a task started on --date"),
    N_("Work on the client's site needs the prevention plan signed by then."),
    no_entries, cmd_plan_start },
  { "plan", "finish", N_("AFFAIR TASK"), 2, 2,
    N_("record that a task finished on --date"), NULL,
    no_entries, cmd_plan_finish },
  { "plan", "gantt", N_("AFFAIR"), 1, 1,
    N_("the Gantt chart of the plan, in SVG"),
    N_("With --date, the day is marked on the chart."),
    document_entries, cmd_plan_gantt },
  { "plan", "ics", N_("AFFAIR"), 1, 1,
    N_("the meetings of the plan, in iCalendar"), NULL,
    document_entries, cmd_plan_ics },
  { "finance", "drifts", N_("AFFAIR"), 1, 1,
    N_("the drifts of an affair on --date and their actions"), NULL,
    no_entries, cmd_finance_drifts },
  { "finance", "action", N_("AFFAIR KIND SUBJECT"), 3, 3,
    N_("record the corrective action of a drift on --date"),
    N_("KIND is cost-performance, schedule-performance, margin-erosion,\n"
       "milestone-slip, concordance or budget-overrun; SUBJECT is the task, lot or\n"
       "milestone of the drift, or - for none, as finance drifts names them."),
    finance_action_entries, cmd_finance_action },
  { "dossier", "meeting", N_("AFFAIR ID KIND TITLE"), 4, 4,
    N_("record a meeting held on --date"),
    N_("KIND is kick-off, progress-review, design-review, site-meeting,\n"
       "client-meeting or close-out."),
    dossier_meeting_entries, cmd_dossier_meeting },
  { "dossier", "minutes", N_("AFFAIR MEETING TEXT"), 3, 3,
    N_("record the minutes of a meeting"), NULL,
    no_entries, cmd_dossier_minutes },
  { "dossier", "action", N_("AFFAIR ID TITLE"), 3, 3,
    N_("assign an action on --date"), NULL,
    dossier_action_entries, cmd_dossier_action },
  { "dossier", "done", N_("AFFAIR ACTION"), 2, 2,
    N_("record that an action was done on --date"), NULL,
    dossier_done_entries, cmd_dossier_done },
  { "dossier", "document", N_("AFFAIR REFERENCE TITLE"), 3, 3,
    N_("add a document to the register on --date"), NULL,
    no_entries, cmd_dossier_document },
  { "dossier", "report", N_("AFFAIR START END"), 3, 3,
    N_("record a management report sent on --date"),
    N_("START and END are the first and last days of the period it covers; it goes\n"
       "to each --to, or to the distribution list of the dossier."),
    dossier_report_entries, cmd_dossier_report },
  { "dossier", "check", N_("AFFAIR"), 1, 1,
    N_("what the dossier lacks on --date"), NULL,
    no_entries, cmd_dossier_check },
  { "offer", "new", N_("ID CONSULTATION"), 2, 2,
    N_("add an offer answering a consultation"),
    N_("Its first revision, A, is a draft priced with the policy of the portfolio."),
    offer_new_entries, cmd_offer_new },
  { "offer", "line", N_("ID KIND DESCRIPTION QUANTITY UNIT UNIT_COST"), 6, 6,
    N_("add a cost line to the draft of an offer"),
    N_("KIND is labour, material, equipment, subcontract, travel or other; UNIT is\n"
       "hour, day, unit, metre, kilogram or lump-sum. UNIT_COST excludes VAT, in\n"
       "the offer's currency or with its own; with --skill, labour is in hours at\n"
       "the policy's rate and UNIT_COST is -."),
    offer_line_entries, cmd_offer_line },
  { "offer", "margin", N_("ID BASIS_POINTS"), 2, 2,
    N_("price the draft from its cost at a margin rate"),
    N_("The rate is on the selling price, in basis points: 1500 stands for 15 per cent."),
    no_entries, cmd_offer_margin },
  { "offer", "check", N_("ID"), 1, 1,
    N_("what forbids sending an offer on --date"), NULL,
    no_entries, cmd_offer_check },
  { "offer", "send", N_("ID"), 1, 1,
    N_("send the draft of an offer on --date"),
    N_("It must pass every check of offer check; the revision sent no longer changes."),
    no_entries, cmd_offer_send },
  { "offer", "accept", N_("ID CONTRACT"), 2, 2,
    N_("record that the client accepted an offer on --date"),
    N_("CONTRACT is the reference of the order; the affair opens under the offer's id."),
    no_entries, cmd_offer_accept },
  { "offer", "decline", N_("ID REASON"), 2, 2,
    N_("record that the client declined an offer on --date"),
    N_("REASON is price, lead-time, technical, relationship, no-decision or other."),
    offer_decline_entries, cmd_offer_decline },
  { "offer", "approve", N_("ID"), 1, 1,
    N_("approve a margin of the draft below the policy's floor"),
    N_("An offer whose margin is below the floor is sent only once the management\n"
       "approved it: --by and --why are required."),
    offer_approve_entries, cmd_offer_approve },
  { "offer", "acknowledge", N_("ID FLAG…"), 2, G_MAXUINT,
    N_("acknowledge dangerous work in the draft of an offer"),
    N_("FLAG is work-at-height, confined-space, hot-work, atex, asbestos, electrical,\n"
       "lifting, ionising-radiation or chemical; --measures, required, says how the\n"
       "offer provides for it."),
    offer_acknowledge_entries, cmd_offer_acknowledge },
  { "offer", "render", N_("ID"), 1, 1,
    N_("the current revision of an offer, as the client reads it"), NULL,
    document_entries, cmd_offer_render },
  { "offer", "remind", NULL, 0, 0,
    N_("the offers sent to chase on --date"), NULL,
    no_entries, cmd_offer_remind },
  { "export", "csv", N_("AFFAIR"), 1, 1,
    N_("the ledger of an affair, in CSV"),
    N_("The columns are those finance import-costs reads back."),
    document_entries, cmd_export_csv },
  { "export", "dashboard-csv", NULL, 0, 0,
    N_("the rows of the dashboard on --date, in CSV"), NULL,
    document_entries, cmd_export_dashboard_csv },
  { "export", "svg", N_("AFFAIR"), 1, 1,
    N_("the S-curve of an affair until --date, in SVG"), NULL,
    document_entries, cmd_export_svg },
  { "export", "md", N_("AFFAIR"), 1, 1,
    N_("a document of an affair, in Markdown"),
    N_("DOCUMENT is report (the default) or client-report, for the calendar month of\n"
       "--date, management-plan or rex, the lessons learned."),
    export_document_entries, cmd_export_md },
  { "export", "html", N_("AFFAIR"), 1, 1,
    N_("a document of an affair, as an HTML page"),
    N_("DOCUMENT is report (the default) or client-report, for the calendar month of\n"
       "--date, management-plan or rex, the lessons learned."),
    export_document_entries, cmd_export_html },
  /* The same commands as plan gantt and plan ics, so that every file the
   * tool writes is found under export. */
  { "export", "gantt", N_("AFFAIR"), 1, 1,
    N_("the Gantt chart of the plan, in SVG"),
    N_("With --date, the day is marked on the chart."),
    document_entries, cmd_plan_gantt },
  { "export", "ics", N_("AFFAIR"), 1, 1,
    N_("the meetings of the plan, in iCalendar"), NULL,
    document_entries, cmd_plan_ics },
};

/* "client add ID NAME", translated. */
static char *
command_usage_translated (const Command *command)
{
  const char *parameters = command->parameters != NULL ? _(command->parameters) : NULL;

  if (command->subcommand == NULL)
    return g_strjoin (" ", command->command, parameters, NULL);
  return g_strjoin (" ", command->command, command->subcommand, parameters, NULL);
}

#define USAGE_WIDTH 26

/* The commands of the table, or those of @only: one line each. */
static char *
list_commands (const char *only)
{
  GString *text = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = NULL;
      glong length;

      if (only != NULL && strcmp (commands[i].command, only) != 0)
        continue;
      usage = command_usage_translated (&commands[i]);
      length = g_utf8_strlen (usage, -1);
      g_string_append_printf (text, "\n  %s", usage);
      if (length > USAGE_WIDTH)
        g_string_append_printf (text, "\n  %*s", USAGE_WIDTH, "");
      else
        g_string_append_printf (text, "%*s", (int) (USAGE_WIDTH - length), "");
      g_string_append_printf (text, " %s", _(commands[i].summary));
    }
  g_string_append (text, "\n\n");
  g_string_append (text, _("Each command prints its usage and options with --help, as in: affaires client add --help."));
  return g_string_free (text, FALSE);
}

static const char *
exit_status_text (void)
{
  return _("Exit status: 0 success, 1 user error, 2 invalid input file, "
           "3 journal does not verify, 4 input/output failure, "
           "5 someone else saved the portfolio since it was read.");
}

/* A context with @entries, the command's own options, then the global
 * ones, all in one list. */
static GOptionContext *
new_context (const char         *parameters,
             const GOptionEntry *entries)
{
  static GOptionEntry all[32];
  GOptionContext *context = g_option_context_new (parameters);
  const GOptionEntry *lists[] = { entries, global_entries, help_entries };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    for (guint j = 0; lists[i] != NULL && lists[i][j].long_name != NULL; j++)
      {
        g_assert (n + 1 < G_N_ELEMENTS (all));
        all[n++] = lists[i][j];
      }
  memset (&all[n], 0, sizeof all[n]);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, all, GETTEXT_PACKAGE);
  g_option_context_set_description (context, exit_status_text ());
  return context;
}

static void
print_help (GOptionContext *context,
            gboolean        to_stderr)
{
  g_autofree char *help = g_option_context_get_help (context, FALSE, NULL);

  if (to_stderr)
    g_printerr ("%s", help);
  else
    g_print ("%s", help);
}

/* Parses the options of @context; FALSE when that ends the run, with
 * *@code: a bad option (the user's error, as fail() counts it), or --help
 * or --version answered before the words of the command are checked. */
static gboolean
parse_options (GOptionContext   *context,
               int              *argc,
               char           ***argv,
               int              *code)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *code = fail (error);
      return FALSE;
    }
  if (show_help)
    {
      print_help (context, FALSE);
      *code = EXIT_OK;
      return FALSE;
    }
  if (show_version)
    {
      g_print ("affaires %s\n", AFF_VERSION_S);
      *code = EXIT_OK;
      return FALSE;
    }
  return TRUE;
}

static const Command *
find_command (const char *command,
              const char *subcommand,
              gboolean   *known_command)
{
  *known_command = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (commands[i].command, command) != 0)
        continue;
      *known_command = TRUE;
      if (commands[i].subcommand == NULL || g_strcmp0 (commands[i].subcommand, subcommand) == 0)
        return &commands[i];
    }
  return NULL;
}

/* An option whose value is the next argument, of those that may come
 * before the words of the command: the global ones, and --output, which
 * sits with them in a script. */
static gboolean
takes_value (const char *arg)
{
  static const char *const options[] = { "-p", "--portfolio", "-d", "--date", "--format", "-o", "--output" };

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    if (strcmp (arg, options[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The positions of the first two words that are not options, global
 * options coming before, after or between them; 0 for none. */
static void
find_words (int    argc,
            char **argv,
            int   *first,
            int   *second)
{
  *first = *second = 0;
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        break;
      if (argv[i][0] == '-' && argv[i][1] != '\0')
        {
          i += takes_value (argv[i]);
          continue;
        }
      if (*first == 0)
        *first = i;
      else
        {
          *second = i;
          return;
        }
    }
}

/* The overview: affaires [--help], affaires COMMAND --help for a command
 * with subcommands, and an unknown command. */
static int
run_overview (int         argc,
              char      **argv,
              const char *command,
              const char *subcommand,
              gboolean    known_command)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *summary = list_commands (known_command ? command : NULL);
  g_autofree char *parameters = NULL;
  int code;

  if (known_command)
    parameters = g_strdup_printf (_("%s SUBCOMMAND [ARGS…]"), command);
  context = new_context (parameters != NULL ? parameters
                                            : _("COMMAND [ARGS…] — the work of a responsable d’affaires"),
                         NULL);
  g_option_context_set_summary (context, summary);
  if (!parse_options (context, &argc, &argv, &code))
    return code;
  if (command == NULL)
    {
      print_help (context, TRUE);
      return EXIT_USER;
    }
  if (known_command && subcommand == NULL)
    {
      g_printerr (_("affaires: %s needs a subcommand; see affaires %s --help\n"), command, command);
      return EXIT_USER;
    }
  g_printerr (_("affaires: unknown command “%s%s%s”; see affaires --help\n"),
              command, subcommand ? " " : "", subcommand ? subcommand : "");
  return EXIT_USER;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *path = NULL;
  g_autofree char *usage = NULL;
  g_autofree char *summary = NULL;
  g_autofree char **rest = NULL;
  const Command *command;
  gboolean known_command;
  int first, second, n_rest = 0, code;
  guint n_args;

  setlocale (LC_ALL, "");
  textdomain (GETTEXT_PACKAGE);

  find_words (argc, argv, &first, &second);
  if (first == 0)
    return run_overview (argc, argv, NULL, NULL, FALSE);
  command = find_command (argv[first], second > 0 ? argv[second] : NULL, &known_command);
  if (command == NULL)
    return run_overview (argc, argv, argv[first], second > 0 ? argv[second] : NULL, known_command);

  /* The command words out, the options and arguments of the command stay. */
  rest = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    if (i != first && (i != second || command->subcommand == NULL))
      rest[n_rest++] = argv[i];

  usage = command_usage_translated (command);
  context = new_context (usage, command->entries);
  summary = command->details != NULL ? g_strconcat (_(command->summary), "\n\n", _(command->details), NULL)
                                     : g_strdup (_(command->summary));
  g_option_context_set_summary (context, summary);
  if (!parse_options (context, &n_rest, &rest, &code))
    return code;
  rest[n_rest] = NULL;
  /* What follows a "--" is an argument, even -100.00: the "--" goes. */
  for (int i = 1; i < n_rest; i++)
    if (strcmp (rest[i], "--") == 0)
      {
        memmove (rest + i, rest + i + 1, (gsize) (n_rest - i) * sizeof *rest);
        n_rest--;
        break;
      }
  n_args = (guint) n_rest - 1;
  if (n_args < command->min_args || n_args > command->max_args)
    {
      g_autofree char *name = g_strjoin (" ", command->command, command->subcommand, NULL);

      g_printerr (_("affaires: %s: expected %s; see affaires %s --help\n"), name, usage, name);
      return EXIT_USER;
    }

  path = portfolio_path ? g_strdup (portfolio_path) : default_portfolio_path ();
  return command->run (path, rest + 1);
}
