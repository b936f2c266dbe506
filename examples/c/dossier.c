/* dossier.c: the follow-up file of an affair and what it lacks
 *
 * Builds a portfolio in memory with the affair won in offers.c and its
 * plan, records a kick-off, a progress review, a decision, an action and a
 * document, then checks the dossier for gaps. See examples/README.md,
 * section 5.
 *
 * Build: cc dossier.c $(pkg-config --cflags --libs libaffaires-1)
 */
#include <stdio.h>

#include <affaires.h>

/* Every date of the example is written year, month, day. */
static GDate *
day (int y, int m, int d)
{
  return g_date_new_dmy (d, m, y);
}

/* The short name of an enum value ("minutes", "kick-off"…), the one the portfolio
 * document and the journal use too. */
static const char *
nick (GType type,
      int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  return found != NULL ? found->value_nick : "?";
}

/* Sets one figure of the balance sheet, read from text such as
 * "200000.00 EUR" so that no amount goes through a floating-point number. */
static gboolean
set_figure (AffSolvency  *solvency,
            void        (*setter) (AffSolvency *, const AffMoney *),
            const char   *amount,
            GError      **error)
{
  g_autoptr(AffMoney) money = aff_money_parse (amount, error);

  if (money == NULL)
    return FALSE;
  setter (solvency, money);
  return TRUE;
}

/* The client of clients.c with the solvency assessment of bidding.c. */
static gboolean
add_client (AffPortfolio *portfolio,
            GError      **error)
{
  g_autoptr(AffClient) client = aff_client_new ("ACME", "ACME Industrie");
  g_autoptr(AffContact) contact = aff_contact_new ("Claire Martin");
  g_autoptr(GDate) visited = day (2026, 1, 12);
  g_autoptr(GDate) surveyed = day (2026, 2, 20);
  g_autoptr(GDate) assessed = day (2026, 1, 15);
  g_autoptr(AffInteraction) visit = aff_interaction_new (AFF_INTERACTION_KIND_VISIT, visited,
                                                         "visite de l'atelier");
  g_autoptr(AffInteraction) survey = aff_interaction_new (AFF_INTERACTION_KIND_SURVEY, surveyed, "enquête");
  g_autoptr(AffSolvency) solvency = aff_solvency_new (assessed);

  aff_contact_set_role (contact, "responsable maintenance");
  aff_interaction_set_satisfaction (survey, 8);
  if (!aff_client_set_siren (client, "732829320", error) ||
      !aff_client_set_sector (client, "28.29B", error) ||
      !aff_client_add_contact (client, contact, error) ||
      !aff_portfolio_add_client (portfolio, client, error) ||
      !aff_portfolio_record_interaction (portfolio, "ACME", visit, error) ||
      !aff_portfolio_record_interaction (portfolio, "ACME", survey, error))
    return FALSE;
  if (!set_figure (solvency, aff_solvency_set_working_capital, "200000.00 EUR", error) ||
      !set_figure (solvency, aff_solvency_set_retained_earnings, "300000.00 EUR", error) ||
      !set_figure (solvency, aff_solvency_set_ebit, "100000.00 EUR", error) ||
      !set_figure (solvency, aff_solvency_set_book_equity, "400000.00 EUR", error) ||
      !set_figure (solvency, aff_solvency_set_total_liabilities, "500000.00 EUR", error) ||
      !set_figure (solvency, aff_solvency_set_total_assets, "1000000.00 EUR", error) ||
      !set_figure (solvency, aff_solvency_set_sales, "2000000.00 EUR", error))
    return FALSE;
  return aff_client_add_solvency (client, solvency, error);
}

/* The consultation of bidding.c, qualified, evaluated and decided GO: an
 * offer can only be sent for a consultation the company chose to answer. */
static gboolean
add_go_consultation (AffPortfolio *portfolio,
                     GError      **error)
{
  g_autoptr(GDate) received = day (2026, 3, 2);
  g_autoptr(GDate) deadline = day (2026, 4, 15);
  g_autoptr(GDate) qualified = day (2026, 3, 3);
  g_autoptr(GDate) evaluated = day (2026, 3, 5);
  g_autoptr(AffConsultation) consultation = aff_consultation_new ("CONS-1", "ACME", "Remplacement de tuyauteries",
                                                                  received, deadline);
  const char *activities[] = { "pipework", NULL };
  g_autoptr(AffMoney) value = aff_money_parse ("120000.00 EUR", error);
  g_autoptr(AffMoney) bid_cost = NULL;
  g_autoptr(AffRisk) risk = aff_risk_new ("Délai des brides", AFF_RISK_CATEGORY_SCHEDULE, 3, 4);
  g_autoptr(AffBidEvaluation) evaluation = NULL;

  if (value == NULL || (bid_cost = aff_money_parse ("1500.00 EUR", error)) == NULL)
    return FALSE;
  aff_consultation_set_activities (consultation, activities);
  aff_consultation_set_estimated_value (consultation, value);
  aff_consultation_set_bid_cost (consultation, bid_cost);
  aff_consultation_set_expected_margin_rate (consultation, 1600);
  aff_consultation_set_estimated_hours (consultation, 800);
  aff_risk_set_treatment (risk, AFF_RISK_TREATMENT_REDUCE);
  if (!aff_risk_register_add_risk (aff_consultation_get_risk_register (consultation), risk, error) ||
      !aff_portfolio_add_consultation (portfolio, consultation, error) ||
      !aff_consultation_start_qualification (consultation, qualified, NULL, error))
    return FALSE;
  evaluation = aff_portfolio_evaluate_consultation (portfolio, "CONS-1", evaluated, error);
  return evaluation != NULL &&
         aff_portfolio_decide_consultation (portfolio, "CONS-1", AFF_BID_VERDICT_GO, "Direction",
                                            "client stratégique", error);
}

/* Adds a cost line: the quantity is text ("120") because it is an exact
 * decimal, like the unit cost. */
static gboolean
add_line (AffOfferRevision *revision,
          AffLineKind       kind,
          const char       *description,
          const char       *quantity,
          AffLineUnit       unit,
          const char       *unit_cost,
          const char       *lot,
          GError          **error)
{
  g_autoptr(AffMoney) cost = aff_money_parse (unit_cost, error);
  g_autoptr(AffOfferLine) line = NULL;

  if (cost == NULL ||
      (line = aff_offer_line_new (kind, description, quantity, unit, cost, error)) == NULL)
    return FALSE;
  /* The lots become the budget lines of the affair once the offer is won. */
  aff_offer_line_set_lot (line, lot);
  return aff_offer_revision_add_line (revision, line, error);
}

/* The offer of offers.c, sent and accepted: accepting it opens the affair
 * OFF-1, whose budget comes from the offer's lots. */
static AffAffair *
open_affair (AffPortfolio *portfolio,
             GError      **error)
{
  g_autoptr(AffOffer) offer = aff_offer_new ("OFF-1", "CONS-1");
  g_autoptr(GDate) validity = day (2026, 5, 31);
  g_autoptr(GDate) sent = day (2026, 4, 1);
  g_autoptr(GDate) signed_on = day (2026, 4, 20);
  AffOfferRevision *revision;
  AffAffair *affair;

  if (!add_client (portfolio, error) ||
      !add_go_consultation (portfolio, error) ||
      !aff_portfolio_add_offer (portfolio, offer, error))
    return NULL;
  revision = aff_offer_get_current_revision (offer);
  if (!add_line (revision, AFF_LINE_KIND_LABOUR, "Soudage", "120", AFF_LINE_UNIT_HOUR, "60.00 EUR", "T1", error) ||
      !add_line (revision, AFF_LINE_KIND_MATERIAL, "Tubes", "40", AFF_LINE_UNIT_METRE, "85.50 EUR", "T2", error) ||
      !aff_offer_revision_set_margin_rate (revision, 1500, error) ||
      !aff_offer_revision_set_validity (revision, validity, error) ||
      !aff_offer_revision_set_vat_rate (revision, 2000, error) ||
      !aff_offer_send (offer, sent, error) ||
      !aff_offer_accept (offer, signed_on, "CT-2026-001", error))
    return NULL;
  affair = aff_portfolio_lookup_affair (portfolio, "OFF-1");
  if (affair == NULL)
    g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND, "the accepted offer OFF-1 opened no affair");
  return affair;   /* owned by the portfolio */
}

/* Adds a task of @days working days, after @predecessor when not NULL. */
static gboolean
add_task (AffPlan    *plan,
          const char *id,
          const char *name,
          guint       days,
          const char *predecessor,
          GError    **error)
{
  g_autoptr(AffTask) task = aff_task_new (id, name, days);

  if (!aff_plan_add_task (plan, task, error))
    return FALSE;
  return predecessor == NULL ||
         aff_plan_add_dependency (plan, predecessor, id, AFF_DEPENDENCY_TYPE_FINISH_START, 0, error);
}

/* The affair's plan starts on the day the contract was signed (Monday
 * 20 April) on the French calendar; its tasks are named after the lots of
 * the offer so that costs and progress line up with the budget. */
static gboolean
plan_affair (AffAffair *affair,
             GError   **error)
{
  AffPlan *plan = aff_affair_get_plan (affair);

  return add_task (plan, "T1", "T1", 5, NULL, error) &&
         add_task (plan, "T2", "T2", 5, "T1", error) &&
         aff_plan_schedule (plan, error);
}

/* Adds a meeting held on @date; @minutes NULL leaves it without minutes,
 * which the check of the dossier then reports. */
static gboolean
add_meeting (AffDossier     *dossier,
             const char     *id,
             AffMeetingKind  kind,
             int y, int m, int d,
             const char     *minutes,
             GError        **error)
{
  g_autoptr(GDate) date = day (y, m, d);
  g_autoptr(AffMeeting) meeting = aff_meeting_new (id, kind, date, NULL);

  /* Once in the dossier a meeting is a record: its minutes are written
   * through the dossier, which journals them. */
  return aff_dossier_add_meeting (dossier, meeting, error) &&
         (minutes == NULL || aff_dossier_record_minutes (dossier, id, minutes, error));
}

static gboolean
run (GError **error)
{
  g_autoptr(AffPortfolio) portfolio = aff_portfolio_new ();
  /* A fixed clock and actor keep the journal, and so the output, the same
   * from one run to the next. */
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  const char *activities[] = { "pipework", "boilermaking", NULL };
  g_autoptr(GDate) apr21 = day (2026, 4, 21);
  g_autoptr(GDate) may5 = day (2026, 5, 5);
  g_autoptr(GDate) may8 = day (2026, 5, 8);
  g_autoptr(GDate) checked = day (2026, 5, 20);
  g_autoptr(AffDecision) decision = aff_decision_new ("D-1", may5, "Commander les tubes chez un second fournisseur",
                                                      "Claire Martin");
  g_autoptr(AffAction) action = aff_action_new ("A-1", "Relancer le fournisseur", "Claire Martin", may5, may8);
  g_autoptr(AffDocument) quality_plan = aff_document_new ("PQ-01", "Plan qualité");
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GPtrArray) open_actions = NULL;
  AffAffair *affair;
  AffDossier *dossier;

  aff_portfolio_set_fixed_time (portfolio, now);
  aff_portfolio_set_actor (portfolio, "exemple");
  aff_policy_set_activities (aff_portfolio_get_policy (portfolio), activities);

  if ((affair = open_affair (portfolio, error)) == NULL ||
      !plan_affair (affair, error))
    return FALSE;

  /* The dossier is the affair's memory: meetings, decisions, actions and
   * documents, each dated and journaled. */
  dossier = aff_affair_get_dossier (affair);
  if (!add_meeting (dossier, "R-1", AFF_MEETING_KIND_KICK_OFF, 2026, 4, 21, "Lancement validé", error) ||
      !add_meeting (dossier, "R-2", AFF_MEETING_KIND_PROGRESS_REVIEW, 2026, 5, 5, NULL, error) ||
      !aff_dossier_add_decision (dossier, decision, error) ||
      !aff_dossier_add_action (dossier, action, error) ||
      !aff_dossier_add_document (dossier, quality_plan, apr21, error) ||
      !aff_dossier_issue_document (dossier, "PQ-01", apr21, error))
    return FALSE;

  /* The check says what the dossier should hold by now and lacks, from the
   * policy's rules (minutes within 7 days, a report per period…). */
  gaps = aff_dossier_check (dossier, checked, error);
  if (gaps == NULL)
    return FALSE;
  for (guint i = 0; i < gaps->len; i++)
    {
      const AffDossierGap *gap = g_ptr_array_index (gaps, i);
      const char *subject = aff_dossier_gap_get_subject (gap);

      /* Some gaps, such as a missing kick-off, concern the whole affair
       * and have no subject. */
      printf ("gap %s%s%s\n", nick (AFF_TYPE_DOSSIER_GAP_KIND, aff_dossier_gap_get_kind (gap)),
              subject != NULL ? " " : "", subject != NULL ? subject : "");
    }

  /* A-1 is due on 8 May and nobody closed it: still open, and overdue. */
  open_actions = aff_dossier_list_open_actions (dossier, checked);
  printf ("open actions %u\n", open_actions->len);
  return TRUE;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;

  if (!run (&error))
    {
      g_printerr ("dossier: %s\n", error->message);
      return 1;
    }
  return 0;
}
