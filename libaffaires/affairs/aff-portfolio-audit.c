/* aff-portfolio-audit.c: the audit of an affair's dossier against the
 * observable criteria of the responsable d'affaires' referential
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-enum-types.h"
#include "aff-language-private.h"
#include "aff-doc-private.h"
#include "aff-money-private.h"
#include "aff-affair-private.h"
#include "aff-bidding-private.h"
#include "aff-clients-private.h"
#include "aff-planning-private.h"
#include "aff-rex-private.h"
#include "aff-audit-private.h"
#include "aff-portfolio.h"
#include "aff-prevention-plan.h"
#include "aff-closeout.h"
#include "aff-json-private.h"

/* What every criterion reads, gathered once. */
typedef struct
{
  AffPortfolio *portfolio;
  AffAffair *affair;
  AffClient *client;               /* nullable */
  AffConsultation *consultation;   /* nullable */
  AffOffer *offer;                 /* nullable */
  AffPlan *plan;
  AffDossier *dossier;
  AffPolicy *policy;
  AffJournal *journal;
  const GDate *date;
  guint lang;
  GPtrArray *gaps;                 /* AffDossierGap on the day */
  gboolean accepted;
  GDate acceptance;
  AffAudit *audit;
} Audit;

static GPtrArray *
lines_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

/* A fresh list in *@lines, whatever a criterion that did not apply left. */
static void
reset (GPtrArray **lines)
{
  g_clear_pointer (lines, g_ptr_array_unref);
  *lines = lines_new ();
}

/* Takes *@evidence and *@missing: the status is worked out from them
 * before they go. */
static void
set (Audit          *a,
     const char     *id,
     AffAuditStatus  status,
     GPtrArray     **evidence,
     GPtrArray     **missing)
{
  _aff_audit_set (a->audit, id, status, evidence != NULL ? g_steal_pointer (evidence) : NULL,
                  missing != NULL ? g_steal_pointer (missing) : NULL);
}

/* A criterion that does not apply, and why. */
static void
set_not_applicable (Audit      *a,
                    const char *id,
                    const char *why)
{
  GPtrArray *evidence = lines_new ();

  g_ptr_array_add (evidence, g_strdup (why));
  set (a, id, AFF_AUDIT_STATUS_NOT_APPLICABLE, &evidence, NULL);
}

static char *
day_text (Audit       *a,
          const GDate *date)
{
  return _aff_doc_format_date (a->lang, date);
}

/* "+6,40 points", with its sign. */
static char *
points_text (guint lang,
             int   basis_points)
{
  int magnitude = ABS (basis_points);

  return g_strdup_printf (L ("%s%d,%02d points", "%s%d.%02d points"), basis_points < 0 ? "-" : "+", magnitude / 100,
                          magnitude % 100);
}

/* Whether the entry happened by the audit's day: by the "date" (or, for a
 * report, "sent") its details give, when they give one. */
static gboolean
entry_by_date (Audit           *a,
               AffJournalEntry *entry)
{
  g_autofree char *text = aff_journal_entry_dup_detail (entry, "date");
  GDate date;

  if (text == NULL)
    text = aff_journal_entry_dup_detail (entry, "sent");
  return text == NULL || !aff_date_from_iso (text, &date) || g_date_compare (&date, a->date) <= 0;
}

/* Whether @action is one of @wanted, alternatives split by "|". */
static gboolean
action_matches (const char *action,
                const char *wanted)
{
  size_t length = strlen (action);
  const char *p = wanted;

  for (;;)
    {
      const char *bar = strchr (p, '|');
      size_t span = bar != NULL ? (size_t) (bar - p) : strlen (p);

      if (span == length && strncmp (p, action, length) == 0)
        return TRUE;
      if (bar == NULL)
        return FALSE;
      p = bar + 1;
    }
}

/* "journal n° 3, 7" for the entries of @action (or of any of "a|b") on
 * the entity, or NULL. */
static char *
cite (Audit      *a,
      const char *kind,
      const char *id,
      const char *action)
{
  g_autoptr(GPtrArray) entries = aff_journal_list_entries_for (a->journal, kind, id);
  g_autoptr(GString) text = g_string_new (NULL);
  guint lang = a->lang, i;

  for (i = 0; i < entries->len; i++)
    {
      AffJournalEntry *entry = g_ptr_array_index (entries, i);

      if (!action_matches (aff_journal_entry_get_action (entry), action) || !entry_by_date (a, entry))
        continue;
      g_string_append_printf (text, "%s%" G_GUINT64_FORMAT, text->len == 0 ? L ("journal n° ", "journal no. ") : ", ",
                              aff_journal_entry_get_sequence (entry));
    }
  return text->len == 0 ? NULL : g_strdup (text->str);
}

/* Adds "@fact (journal n° …)" to @lines. */
static void
add_cited (Audit      *a,
           GPtrArray  *lines,
           char       *fact,
           const char *kind,
           const char *id,
           const char *action)
{
  g_autofree char *refs = cite (a, kind, id, action);

  g_ptr_array_add (lines, refs != NULL ? g_strdup_printf ("%s (%s)", fact, refs) : g_strdup (fact));
  g_free (fact);
}

/* Adds the message of each gap of @kind to @missing; returns how many. */
static guint
gaps_of (Audit            *a,
         AffDossierGapKind kind,
         GPtrArray        *missing)
{
  guint i, n = 0;

  for (i = 0; i < a->gaps->len; i++)
    {
      const AffDossierGap *gap = g_ptr_array_index (a->gaps, i);

      if (aff_dossier_gap_get_kind (gap) != kind)
        continue;
      g_ptr_array_add (missing, g_strdup (aff_dossier_gap_get_message (gap)));
      n++;
    }
  return n;
}

static const char *
verdict_word (guint         lang,
              AffBidVerdict verdict)
{
  switch (verdict)
    {
    case AFF_BID_VERDICT_GO:
      return "GO";
    case AFF_BID_VERDICT_REVIEW:
      return L ("À REVOIR", "REVIEW");
    case AFF_BID_VERDICT_NO_GO:
    default:
      return "NO GO";
    }
}

static const char *
rating_word (guint             lang,
             AffSolvencyRating rating)
{
  switch (rating)
    {
    case AFF_SOLVENCY_RATING_SAFE:
      return L ("saine", "safe");
    case AFF_SOLVENCY_RATING_GREY:
      return L ("zone grise", "grey zone");
    case AFF_SOLVENCY_RATING_DISTRESS:
    default:
      return L ("en difficulté", "in distress");
    }
}

static AffAuditStatus
status_of (guint found,
           guint wanted)
{
  return found == 0 ? AFF_AUDIT_STATUS_MISSING : found < wanted ? AFF_AUDIT_STATUS_PARTIAL : AFF_AUDIT_STATUS_MET;
}

/* ---- 1. The client portfolio ------------------------------------------- */

static void
audit_client (Audit *a)
{
  guint lang = a->lang;
  g_autoptr(GPtrArray) evidence = lines_new ();
  g_autoptr(GPtrArray) follow_evidence = lines_new ();
  g_autoptr(GPtrArray) follow_missing = lines_new ();
  g_autoptr(GPtrArray) survey_evidence = lines_new ();
  g_autoptr(GPtrArray) survey_missing = lines_new ();
  AffInteraction *last = NULL, *survey = NULL;
  GListModel *interactions;
  guint i, n, counted = 0;
  GDate due;

  if (a->client == NULL)
    {
      set_not_applicable (a, "commercial-actions", L ("Le client de l'affaire n'est pas au portefeuille.",
                                                      "The affair's client is not in the portfolio."));
      set_not_applicable (a, "client-follow-up", L ("Le client de l'affaire n'est pas au portefeuille.",
                                                    "The affair's client is not in the portfolio."));
      set_not_applicable (a, "satisfaction-survey", L ("Le client de l'affaire n'est pas au portefeuille.",
                                                       "The affair's client is not in the portfolio."));
      return;
    }
  interactions = aff_client_get_interactions (a->client);
  n = g_list_model_get_n_items (interactions);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffInteraction) interaction = g_list_model_get_item (interactions, i);

      if (g_date_compare (aff_interaction_get_date (interaction), a->date) > 0)
        continue;
      counted++;
      last = interaction;
      if (aff_interaction_get_kind (interaction) == AFF_INTERACTION_KIND_SURVEY && a->accepted &&
          g_date_compare (aff_interaction_get_date (interaction), &a->acceptance) >= 0)
        survey = interaction;
    }

  /* Traced commercial actions. */
  if (counted > 0)
    {
      g_autofree char *on = day_text (a, aff_interaction_get_date (last));

      add_cited (a, evidence, g_strdup_printf (L ("%u interaction(s) avec %s, la dernière le %s",
                                                  "%u interaction(s) with %s, the last on %s"),
                                               counted, aff_client_get_name (a->client), on),
                 "client", aff_client_get_id (a->client), "interaction-recorded");
      set (a, "commercial-actions", AFF_AUDIT_STATUS_MET, &evidence, NULL);
    }
  else
    {
      GPtrArray *missing = lines_new ();

      g_ptr_array_add (missing, g_strdup_printf (L ("Aucune interaction enregistrée avec %s",
                                                    "No interaction recorded with %s"), aff_client_get_name (a->client)));
      set (a, "commercial-actions", AFF_AUDIT_STATUS_MISSING, NULL, &missing);
    }

  /* Regular follow-up: the next contact not overdue on the day. */
  if (counted == 0)
    {
      g_ptr_array_add (follow_missing, g_strdup (L ("Le client n'a jamais été contacté", "The client was never contacted")));
      set (a, "client-follow-up", AFF_AUDIT_STATUS_MISSING, NULL, &follow_missing);
    }
  else if (aff_portfolio_get_follow_up_date (a->portfolio, a->client, &due) && g_date_compare (&due, a->date) < 0)
    {
      g_autofree char *on = day_text (a, &due);
      g_autofree char *last_on = day_text (a, aff_interaction_get_date (last));

      g_ptr_array_add (follow_evidence, g_strdup_printf (L ("Dernier contact le %s", "Last contact on %s"), last_on));
      g_ptr_array_add (follow_missing, g_strdup_printf (L ("Contact dû le %s, non fait", "Contact due on %s, not made"), on));
      set (a, "client-follow-up", AFF_AUDIT_STATUS_PARTIAL, &follow_evidence,
           &follow_missing);
    }
  else
    {
      g_autofree char *last_on = day_text (a, aff_interaction_get_date (last));

      g_ptr_array_add (follow_evidence, g_strdup_printf (L ("Dernier contact le %s, aucun contact en retard",
                                                            "Last contact on %s, no contact overdue"), last_on));
      set (a, "client-follow-up", AFF_AUDIT_STATUS_MET, &follow_evidence, NULL);
    }

  /* Satisfaction surveyed once the work is accepted. */
  if (!a->accepted)
    set_not_applicable (a, "satisfaction-survey", L ("La prestation n'est pas encore réceptionnée.",
                                                     "The work is not accepted yet."));
  else if (survey != NULL)
    {
      g_autofree char *on = day_text (a, aff_interaction_get_date (survey));

      g_ptr_array_add (survey_evidence, aff_interaction_get_satisfaction (survey) > 0
                       ? g_strdup_printf (L ("Enquête de satisfaction du %s : %d / 10", "Satisfaction survey of %s: %d / 10"),
                                          on, aff_interaction_get_satisfaction (survey))
                       : g_strdup_printf (L ("Enquête de satisfaction du %s", "Satisfaction survey of %s"), on));
      set (a, "satisfaction-survey", AFF_AUDIT_STATUS_MET, &survey_evidence, NULL);
    }
  else
    {
      g_autofree char *on = day_text (a, &a->acceptance);

      g_ptr_array_add (survey_missing, g_strdup_printf (L ("Aucune enquête de satisfaction depuis la réception du %s",
                                                           "No satisfaction survey since the acceptance of %s"), on));
      set (a, "satisfaction-survey", AFF_AUDIT_STATUS_MISSING, NULL, &survey_missing);
    }
}

static void
audit_bid (Audit *a)
{
  guint lang = a->lang;
  const char *id = a->consultation != NULL ? aff_consultation_get_id (a->consultation) : NULL;
  g_autoptr(GPtrArray) evidence = lines_new ();
  g_autoptr(GPtrArray) missing = lines_new ();
  AffBidVerdict verdict = AFF_BID_VERDICT_NO_GO, decision = AFF_BID_VERDICT_NO_GO;
  gboolean evaluated, decided, against = FALSE;
  guint score = 0, i, n, untreated = 0;
  GDate evaluated_on, reference;
  GListModel *risks;

  if (a->consultation == NULL)
    {
      const char *why = L ("L'affaire n'est rattachée à aucune consultation du portefeuille.",
                           "The affair belongs to no consultation of the portfolio.");

      set_not_applicable (a, "go-no-go", why);
      set_not_applicable (a, "solvency", why);
      set_not_applicable (a, "bid-risks", why);
      return;
    }

  /* The go / no-go, evaluated then decided. */
  evaluated = aff_consultation_get_evaluation (a->consultation, &verdict, &score, &evaluated_on);
  decided = aff_consultation_get_decision (a->consultation, &decision, NULL, NULL, NULL, &against);
  if (evaluated)
    {
      g_autofree char *on = day_text (a, &evaluated_on);

      add_cited (a, evidence, g_strdup_printf (L ("%s évaluée le %s : score %u / 100, verdict %s",
                                                  "%s evaluated on %s: score %u / 100, verdict %s"),
                                               id, on, score, verdict_word (lang, verdict)),
                 "consultation", id, "evaluated");
    }
  else
    g_ptr_array_add (missing, g_strdup_printf (L ("%s n'a pas été évaluée (go / no-go)",
                                                  "%s was not evaluated (go / no-go)"), id));
  if (decided)
    add_cited (a, evidence, g_strdup_printf (against ? L ("Décision %s contre l'évaluation, justifiée",
                                                          "Decision %s against the evaluation, justified")
                                                     : L ("Décision %s", "Decision %s"),
                                             verdict_word (lang, decision)),
               "consultation", id, "decided");
  else
    g_ptr_array_add (missing, g_strdup_printf (L ("La décision de répondre à %s n'est pas enregistrée",
                                                  "The decision to bid for %s is not recorded"), id));
  set (a, "go-no-go", status_of ((guint) evaluated + (guint) decided, 2), &evidence,
       &missing);

  /* The solvency, checked by the evaluation's day. */
  reset (&evidence);
  reset (&missing);
  reference = evaluated ? evaluated_on : *aff_consultation_get_received (a->consultation);
  {
    AffSolvency *found = NULL;
    AffSolvencyRating rating;
    GListModel *solvencies = a->client != NULL ? aff_client_get_solvencies (a->client) : NULL;
    g_autofree char *ref = day_text (a, &reference);

    n = solvencies != NULL ? g_list_model_get_n_items (solvencies) : 0;
    for (i = 0; i < n; i++)
      {
        g_autoptr(AffSolvency) solvency = g_list_model_get_item (solvencies, i);

        if (g_date_compare (aff_solvency_get_date (solvency), &reference) <= 0 &&
            (found == NULL || g_date_compare (aff_solvency_get_date (solvency), aff_solvency_get_date (found)) >= 0))
          found = solvency;
      }
    if (found == NULL)
      {
        g_ptr_array_add (missing, g_strdup_printf (L ("Aucune analyse de solvabilité du client au %s",
                                                      "No solvency analysis of the client by %s"), ref));
        set (a, "solvency", AFF_AUDIT_STATUS_MISSING, NULL, &missing);
      }
    else
      {
        g_autofree char *on = day_text (a, aff_solvency_get_date (found));
        gboolean rated = aff_solvency_compute_rating (found, a->policy, &rating, NULL);

        add_cited (a, evidence, rated
                   ? g_strdup_printf (L ("Analyse de solvabilité du %s : %s", "Solvency analysis of %s: %s"), on,
                                      rating_word (lang, rating))
                   : g_strdup_printf (L ("Analyse de solvabilité du %s", "Solvency analysis of %s"), on),
                   "client", aff_client_get_id (a->client), "solvency-added");
        if (aff_solvency_is_stale (found, a->policy, &reference))
          g_ptr_array_add (missing, g_strdup_printf (L ("L'analyse était périmée le %s", "The analysis was stale on %s"),
                                                     ref));
        set (a, "solvency", missing->len > 0 ? AFF_AUDIT_STATUS_PARTIAL : AFF_AUDIT_STATUS_MET,
             &evidence, &missing);
      }
  }

  /* The risks, measured and treated. */
  reset (&evidence);
  reset (&missing);
  risks = aff_risk_register_get_risks (aff_consultation_get_risk_register (a->consultation));
  n = g_list_model_get_n_items (risks);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffRisk) risk = g_list_model_get_item (risks, i);

      if (aff_risk_get_status (risk) == AFF_RISK_STATUS_OPEN && aff_risk_get_treatment (risk) == AFF_RISK_TREATMENT_NONE)
        {
          untreated++;
          g_ptr_array_add (missing, g_strdup_printf (L ("Risque %s (%s) sans traitement", "Risk %s (%s) not treated"),
                                                     aff_risk_get_id (risk), aff_risk_get_title (risk)));
        }
    }
  if (n == 0)
    {
      g_ptr_array_add (missing, g_strdup_printf (L ("Le registre des risques de %s est vide",
                                                    "The risk register of %s is empty"), id));
      set (a, "bid-risks", AFF_AUDIT_STATUS_MISSING, NULL, &missing);
      return;
    }
  add_cited (a, evidence, g_strdup_printf (L ("%u risque(s) évalué(s) au registre de %s, %u traité(s)",
                                              "%u risk(s) assessed in the register of %s, %u treated"),
                                           n, id, n - untreated),
             "consultation", id, "risk-added");
  set (a, "bid-risks", untreated > 0 ? AFF_AUDIT_STATUS_PARTIAL : AFF_AUDIT_STATUS_MET, &evidence,
       &missing);
}

/* ---- 2. The offer ------------------------------------------------------ */

static void
audit_offer (Audit *a)
{
  guint lang = a->lang, i, n;
  const char *id = aff_affair_get_offer_id (a->affair);
  g_autoptr(GPtrArray) evidence = lines_new ();
  g_autoptr(GPtrArray) missing = lines_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *sent_on = NULL, *signed_on = NULL;
  const GDate *deadline = a->consultation != NULL ? aff_consultation_get_deadline (a->consultation) : NULL;
  const GDate *signed_date = aff_affair_get_signed_date (a->affair);
  GDate sent, reminder;
  guint days;

  if (a->offer == NULL || !aff_offer_get_sent_date (a->offer, &sent))
    {
      const char *why = L ("L'offre de l'affaire n'est pas au portefeuille.", "The affair's offer is not in the portfolio.");

      set_not_applicable (a, "offer-on-time", why);
      set_not_applicable (a, "offer-compliant", why);
      set_not_applicable (a, "offer-follow-up", why);
      set_not_applicable (a, "offer-history", why);
      return;
    }
  sent_on = day_text (a, &sent);

  /* Submitted by the deadline. */
  if (deadline != NULL)
    {
      g_autofree char *by = day_text (a, deadline);

      if (g_date_compare (&sent, deadline) <= 0)
        add_cited (a, evidence, g_strdup_printf (L ("%s envoyée le %s pour une remise au %s",
                                                    "%s sent on %s for a deadline of %s"), id, sent_on, by),
                   "offer", id, "sent");
      else
        g_ptr_array_add (missing, g_strdup_printf (L ("%s envoyée le %s, après la date de remise du %s",
                                                      "%s sent on %s, after the deadline of %s"), id, sent_on, by));
    }
  else
    add_cited (a, evidence, g_strdup_printf (L ("%s envoyée le %s, la consultation ne fixait pas de date de remise",
                                                "%s sent on %s, the consultation set no deadline"), id, sent_on),
               "offer", id, "sent");
  set (a, "offer-on-time", missing->len > 0 ? AFF_AUDIT_STATUS_MISSING : AFF_AUDIT_STATUS_MET,
       &evidence, &missing);

  /* Compliant with the directives when it was sent. */
  reset (&evidence);
  reset (&missing);
  problems = aff_offer_check (a->offer, &sent);
  /* The consultation has moved on since (won): only what the offer itself
   * said counts. */
  for (i = 0; problems != NULL && i < problems->len; i++)
    if (aff_offer_check_get_problem (g_ptr_array_index (problems, i)) != AFF_OFFER_PROBLEM_CONSULTATION_NOT_GO)
      g_ptr_array_add (missing, g_strdup (aff_offer_check_get_message (g_ptr_array_index (problems, i))));
  if (missing->len == 0)
    g_ptr_array_add (evidence, g_strdup_printf (L ("La vérification de %s au %s ne relève aucun problème",
                                                   "The check of %s on %s finds no problem"), id, sent_on));
  {
    AffOfferRevision *revision = aff_offer_get_current_revision (a->offer);
    int margin = aff_offer_revision_get_margin_rate (revision, NULL);
    g_autofree char *m = _aff_language_rate (lang, margin), *f = _aff_language_rate (lang, aff_policy_get_floor_margin_rate (a->policy));

    g_ptr_array_add (evidence, aff_offer_revision_get_approver (revision) != NULL
                     ? g_strdup_printf (L ("Marge de %s pour un plancher de %s, approuvée par %s",
                                           "Margin of %s for a floor of %s, approved by %s"), m, f,
                                        aff_offer_revision_get_approver (revision))
                     : g_strdup_printf (L ("Marge de %s pour un plancher de %s", "Margin of %s for a floor of %s"), m, f));
  }
  set (a, "offer-compliant", missing->len > 0 ? AFF_AUDIT_STATUS_PARTIAL : AFF_AUDIT_STATUS_MET,
       &evidence, &missing);

  /* Followed up until the contract: each reminder the policy sets before
   * the signature was made by a contact. */
  reset (&evidence);
  reset (&missing);
  signed_on = day_text (a, signed_date);
  add_cited (a, evidence, g_strdup_printf (L ("Contrat %s signé le %s", "Contract %s signed on %s"),
                                           aff_affair_get_contract_reference (a->affair), signed_on),
             "offer", id, "accepted");
  {
    guint offsets[] = { aff_policy_get_offer_reminder_days (a->policy),
                        aff_policy_get_offer_second_reminder_days (a->policy) };

    for (i = 0; i < G_N_ELEMENTS (offsets); i++)
      {
        g_autofree char *on = NULL;
        GDate end = *signed_date;

        if (offsets[i] == 0)
          continue;
        reminder = sent;
        g_date_add_days (&reminder, offsets[i]);
        if (g_date_compare (&reminder, signed_date) >= 0)
          continue;
        g_date_subtract_days (&end, 1);
        on = day_text (a, &reminder);
        if (a->client != NULL && _aff_client_contacted_between (a->client, &reminder, &end))
          g_ptr_array_add (evidence, g_strdup_printf (L ("Relance due le %s faite", "Reminder due on %s made"), on));
        else
          g_ptr_array_add (missing, g_strdup_printf (L ("Relance due le %s sans contact avec le client avant la signature",
                                                        "Reminder due on %s without a contact with the client before "
                                                        "the signature"), on));
      }
  }
  set (a, "offer-follow-up", missing->len > 0 ? AFF_AUDIT_STATUS_PARTIAL : AFF_AUDIT_STATUS_MET,
       &evidence, &missing);

  /* Its history archived: every revision kept, each sent one frozen. */
  reset (&evidence);
  n = g_list_model_get_n_items (aff_offer_get_revisions (a->offer));
  days = (guint) g_date_days_between (&sent, signed_date);
  add_cited (a, evidence, g_strdup_printf (L ("%u révision(s) conservée(s), la révision %s acceptée %u jour(s) après "
                                              "l'envoi",
                                              "%u revision(s) kept, revision %s accepted %u day(s) after sending"),
                                           n, aff_affair_get_revision (a->affair), days),
             "offer", id, "revised");
  set (a, "offer-history", AFF_AUDIT_STATUS_MET, &evidence, NULL);
}

/* ---- 3. The organisation ----------------------------------------------- */

static void
audit_organisation (Audit *a)
{
  guint lang = a->lang, i, n, milestones = 0, with_risks = 0;
  const char *affair_id = aff_affair_get_id (a->affair);
  g_autoptr(GPtrArray) evidence = lines_new ();
  g_autoptr(GPtrArray) missing = lines_new ();
  g_auto(GStrv) baselines = aff_plan_list_baselines (a->plan);
  g_autoptr(GPtrArray) assignments = aff_plan_get_assignments (a->plan);
  g_auto(GStrv) reasons = NULL;
  g_autoptr(GError) failure = NULL;
  GListModel *tasks = aff_plan_get_tasks (a->plan);
  gboolean scheduled;

  /* A schedule and its baseline. The schedule is computed, not kept in
   * the document: a plan just loaded is scheduled first, which changes
   * none of its data. */
  scheduled = _aff_plan_ensure_scheduled (a->plan) || aff_plan_schedule (a->plan, &failure);
  /* Scheduling is a computation, not journaled: the tasks added are. */
  if (scheduled)
    add_cited (a, evidence, g_strdup_printf (L ("Planning de %u tâche(s) ordonnancé", "Schedule of %u task(s) computed"),
                                             g_list_model_get_n_items (tasks)),
               "affair", affair_id, "task-added");
  else
    g_ptr_array_add (missing, g_strdup_printf (L ("Le planning ne peut être ordonnancé : %s",
                                                  "The plan cannot be scheduled: %s"), failure->message));
  if (baselines[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", baselines);

      add_cited (a, evidence, g_strdup_printf (L ("Référence(s) enregistrée(s) : %s", "Baseline(s) saved: %s"), names),
                 "affair", affair_id, "baseline-saved");
    }
  else
    g_ptr_array_add (missing, g_strdup (L ("Aucune référence de planning enregistrée", "No baseline saved")));
  set (a, "plan-baseline", status_of ((guint) scheduled + (baselines[0] != NULL), 2), &evidence,
       &missing);

  /* Milestones, and tasks set by the risks. */
  reset (&evidence);
  reset (&missing);
  n = g_list_model_get_n_items (tasks);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffTask) task = g_list_model_get_item (tasks, i);
      const char *const *risks = aff_task_get_risk_ids (task);

      milestones += aff_task_get_kind (task) == AFF_TASK_KIND_MILESTONE;
      with_risks += risks != NULL && risks[0] != NULL;
    }
  if (milestones > 0)
    g_ptr_array_add (evidence, g_strdup_printf (L ("%u jalon(s)", "%u milestone(s)"), milestones));
  else
    g_ptr_array_add (missing, g_strdup (L ("Aucun jalon au planning", "No milestone in the schedule")));
  if (with_risks > 0)
    g_ptr_array_add (evidence, g_strdup_printf (L ("%u tâche(s) rattachée(s) à un risque du registre",
                                                   "%u task(s) tied to a risk of the register"), with_risks));
  else
    g_ptr_array_add (missing, g_strdup (L ("Aucune tâche ne traite un risque identifié",
                                           "No task deals with an identified risk")));
  set (a, "milestones", status_of ((milestones > 0) + (with_risks > 0), 2), &evidence,
       &missing);

  /* Resources assigned, without overload. */
  reset (&evidence);
  reset (&missing);
  if (assignments->len == 0)
    {
      g_ptr_array_add (missing, g_strdup (L ("Aucune ressource affectée aux tâches", "No resource assigned to the tasks")));
      set (a, "resources", AFF_AUDIT_STATUS_MISSING, NULL, &missing);
    }
  else
    {
      g_autoptr(GPtrArray) overloads = scheduled ? aff_plan_list_overallocations (a->plan, NULL) : NULL;
      g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);

      add_cited (a, evidence, g_strdup_printf (L ("%u affectation(s) de ressources", "%u resource assignment(s)"),
                                               assignments->len),
                 "affair", affair_id, "resource-assigned");
      for (i = 0; overloads != NULL && i < overloads->len; i++)
        {
          const AffLoad *load = g_ptr_array_index (overloads, i);
          g_autofree char *on = NULL;

          /* The first overloaded day of each resource. */
          if (!g_hash_table_add (named, (gpointer) aff_load_get_resource_id (load)))
            continue;
          on = day_text (a, aff_load_get_date (load));
          g_ptr_array_add (missing, g_strdup_printf (L ("%s surchargé à partir du %s", "%s overloaded from %s"),
                                                     aff_load_get_resource_id (load), on));
        }
      set (a, "resources", missing->len > 0 ? AFF_AUDIT_STATUS_PARTIAL : AFF_AUDIT_STATUS_MET,
           &evidence, &missing);
    }

  /* The prevention plan, when the work needs one. */
  reset (&evidence);
  reset (&missing);
  if (!aff_affair_requires_prevention_plan (a->affair, &reasons))
    set_not_applicable (a, "prevention-plan", L ("Les travaux ne demandent pas de plan de prévention.",
                                                 "The work needs no prevention plan."));
  else
    {
      AffPreventionPlan *prevention = aff_plan_get_prevention_plan (a->plan);
      const GDate *inspected = aff_prevention_plan_get_joint_inspection (prevention);
      guint dangerous = 0;

      /* The plan's reasons are in the process's language: say them again
       * in the policy's, from the tasks. */
      for (i = 0; i < n; i++)
        {
          g_autoptr(AffTask) task = g_list_model_get_item (tasks, i);
          g_autofree char *work = NULL;

          if (!aff_task_is_on_site (task) || aff_task_get_party (task) == AFF_PARTY_CLIENT ||
              aff_task_get_dangerous_work (task) == AFF_REGULATORY_FLAGS_NONE)
            continue;
          dangerous++;
          work = _aff_dangerous_work_text (lang, aff_task_get_dangerous_work (task));
          g_ptr_array_add (evidence, g_strdup_printf (L ("Plan de prévention requis : %s (%s) sur le site, %s",
                                                         "Prevention plan required: %s (%s) on the site, %s"),
                                                      aff_task_get_id (task), aff_task_get_name (task), work));
        }
      if (g_strv_length (reasons) > dangerous)
        g_ptr_array_add (evidence, g_strdup (L ("Plan de prévention requis : heures prévues sur le site au seuil de la "
                                                "politique ou au-delà",
                                                "Prevention plan required: hours planned on the site at or over the "
                                                "policy's threshold")));
      if (inspected != NULL)
        {
          g_autofree char *on = day_text (a, inspected);

          add_cited (a, evidence, g_strdup_printf (L ("Inspection commune préalable le %s", "Joint inspection on %s"), on),
                     "affair", affair_id, "prevention-inspection-recorded");
        }
      else
        g_ptr_array_add (missing, g_strdup (L ("Pas d'inspection commune préalable", "No joint inspection")));
      if (aff_prevention_plan_is_signed (prevention))
        add_cited (a, evidence, g_strdup (L ("Plan signé par l'entreprise utilisatrice et l'entreprise extérieure",
                                             "Plan signed by the host and the contractor")),
                   "affair", affair_id, "prevention-signed");
      else
        g_ptr_array_add (missing, g_strdup (L ("Plan de prévention non signé", "Prevention plan not signed")));
      set (a, "prevention-plan", status_of ((inspected != NULL) + aff_prevention_plan_is_signed (prevention), 2),
           &evidence, &missing);
    }
}

/* ---- 4. The coordination ----------------------------------------------- */

static void
audit_coordination (Audit *a)
{
  guint lang = a->lang, i, n, gaps, working = 0, responsible = 0, inspections = 0;
  const char *affair_id = aff_affair_get_id (a->affair);
  g_autoptr(GPtrArray) evidence = lines_new ();
  g_autoptr(GPtrArray) missing = lines_new ();
  GListModel *meetings = aff_dossier_get_meetings (a->dossier);
  GListModel *tasks = aff_plan_get_tasks (a->plan);
  GListModel *hazards = aff_plan_get_hazards (a->plan);
  guint held = 0;

  /* Meetings held and minuted. */
  n = g_list_model_get_n_items (meetings);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffMeeting) meeting = g_list_model_get_item (meetings, i);

      held += g_date_compare (aff_meeting_get_date (meeting), a->date) <= 0;
    }
  gaps = gaps_of (a, AFF_DOSSIER_GAP_KIND_KICK_OFF, missing) + gaps_of (a, AFF_DOSSIER_GAP_KIND_MINUTES, missing);
  if (held > 0)
    add_cited (a, evidence, g_strdup_printf (L ("%u réunion(s) tenue(s)", "%u meeting(s) held"), held),
               "affair", affair_id, "minutes-recorded");
  else if (gaps == 0)
    g_ptr_array_add (missing, g_strdup (L ("Aucune réunion tenue", "No meeting held")));
  set (a, "meetings", held == 0 ? AFF_AUDIT_STATUS_MISSING : missing->len > 0 ? AFF_AUDIT_STATUS_PARTIAL
                                                                             : AFF_AUDIT_STATUS_MET,
       &evidence, &missing);

  /* Roles: someone responsible for each task of work. */
  reset (&evidence);
  reset (&missing);
  n = g_list_model_get_n_items (tasks);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffTask) task = g_list_model_get_item (tasks, i);
      g_auto(GStrv) people = NULL;
      gboolean found = FALSE;

      if (aff_task_get_kind (task) == AFF_TASK_KIND_MILESTONE)
        continue;
      inspections += aff_task_get_kind (task) == AFF_TASK_KIND_INSPECTION;
      working++;
      people = aff_task_list_raci (task);
      for (guint k = 0; people[k] != NULL && !found; k++)
        found = aff_task_get_raci (task, people[k]) == AFF_RACI_ROLE_RESPONSIBLE;
      if (found)
        responsible++;
      else
        g_ptr_array_add (missing, g_strdup_printf (L ("%s (%s) : aucun responsable (R)", "%s (%s): no one responsible (R)"),
                                                   aff_task_get_id (task), aff_task_get_name (task)));
    }
  if (working == 0)
    set_not_applicable (a, "roles", L ("Le planning n'a pas de tâche.", "The plan has no task."));
  else
    {
      if (responsible > 0)
        add_cited (a, evidence, g_strdup_printf (L ("%u tâche(s) sur %u avec un responsable",
                                                    "%u task(s) of %u with someone responsible"), responsible, working),
                   "affair", affair_id, "task-raci-set");
      set (a, "roles", status_of (responsible, working), &evidence, &missing);
    }

  /* Hazards, each followed by a decision on the plan. */
  reset (&evidence);
  reset (&missing);
  n = 0;
  for (i = 0; i < g_list_model_get_n_items (hazards); i++)
    {
      g_autoptr(AffHazard) hazard = g_list_model_get_item (hazards, i);

      n += g_date_compare (aff_hazard_get_date (hazard), a->date) <= 0;
    }
  if (n == 0)
    set_not_applicable (a, "hazards", L ("Aucun aléa enregistré.", "No hazard recorded."));
  else
    {
      gaps = gaps_of (a, AFF_DOSSIER_GAP_KIND_REPLANNING_DECISION, missing);
      add_cited (a, evidence, g_strdup_printf (L ("%u aléa(s), %u suivi(s) d'une décision de replanification",
                                                  "%u hazard(s), %u followed by a replanning decision"), n, n - MIN (gaps, n)),
                 "affair", affair_id, "hazard-applied");
      set (a, "hazards", status_of (n - MIN (gaps, n), n), &evidence, &missing);
    }

  /* Inspections planned, with their bodies, and their reports in time. */
  reset (&evidence);
  reset (&missing);
  if (inspections == 0)
    set_not_applicable (a, "inspections", L ("Le planning ne comporte pas d'inspection réglementaire.",
                                             "The plan has no regulatory inspection."));
  else if (!aff_plan_is_scheduled (a->plan))
    {
      g_ptr_array_add (missing, g_strdup (L ("Le planning n'est pas ordonnancé : les inspections ne peuvent être vérifiées",
                                             "The plan is not scheduled: the inspections cannot be checked")));
      set (a, "inspections", AFF_AUDIT_STATUS_PARTIAL, NULL, &missing);
    }
  else
    {
      g_autoptr(GPtrArray) issues = aff_plan_check_inspections (a->plan, a->date, NULL);

      g_ptr_array_add (evidence, g_strdup_printf (L ("%u inspection(s) planifiée(s)", "%u inspection(s) planned"),
                                                  inspections));
      for (i = 0; issues != NULL && i < issues->len; i++)
        g_ptr_array_add (missing, _aff_inspection_issue_text (lang, g_ptr_array_index (issues, i)));
      set (a, "inspections", missing->len > 0 ? AFF_AUDIT_STATUS_PARTIAL : AFF_AUDIT_STATUS_MET,
           &evidence, &missing);
    }
}

/* ---- 5. The follow-up and the documentation ---------------------------- */

static void
audit_follow_up (Audit *a)
{
  guint lang = a->lang, i, n, sent = 0, gaps, informed = 0, incidents = 0, overdue = 0, actions = 0;
  const char *affair_id = aff_affair_get_id (a->affair);
  g_autoptr(GPtrArray) evidence = lines_new ();
  g_autoptr(GPtrArray) missing = lines_new ();
  g_autoptr(GPtrArray) reports = aff_dossier_list_reports (a->dossier);
  GListModel *documents = aff_dossier_get_documents (a->dossier);
  GListModel *incident_list = aff_dossier_get_incidents (a->dossier);
  GListModel *action_list = aff_dossier_get_actions (a->dossier);

  /* Reports written and sent for each period. */
  for (i = 0; i < reports->len; i++)
    sent += g_date_compare (aff_report_record_get_sent (g_ptr_array_index (reports, i)), a->date) <= 0;
  gaps = gaps_of (a, AFF_DOSSIER_GAP_KIND_PERIOD_REPORT, missing);
  if (sent == 0 && gaps == 0)
    set_not_applicable (a, "reports", L ("Aucune période de compte rendu n'est encore échue.",
                                         "No reporting period has ended yet."));
  else
    {
      if (sent > 0)
        add_cited (a, evidence, g_strdup_printf (L ("%u rapport(s) transmis", "%u report(s) sent"), sent),
                   "affair", affair_id, "report-sent");
      set (a, "reports", sent == 0 ? AFF_AUDIT_STATUS_MISSING : gaps > 0 ? AFF_AUDIT_STATUS_PARTIAL : AFF_AUDIT_STATUS_MET,
           &evidence, &missing);
    }

  /* The document register kept. */
  reset (&evidence);
  reset (&missing);
  n = g_list_model_get_n_items (documents);
  gaps = gaps_of (a, AFF_DOSSIER_GAP_KIND_DELIVERABLE_APPROVAL, missing);
  if (n == 0)
    g_ptr_array_add (missing, g_strdup (L ("Aucun document au registre", "No document in the register")));
  else
    add_cited (a, evidence, g_strdup_printf (L ("%u document(s) au registre", "%u document(s) in the register"), n),
               "affair", affair_id, "document-added");
  set (a, "documents", n == 0 ? AFF_AUDIT_STATUS_MISSING : gaps > 0 ? AFF_AUDIT_STATUS_PARTIAL : AFF_AUDIT_STATUS_MET,
       &evidence, &missing);

  /* The client told of the incidents. */
  reset (&evidence);
  reset (&missing);
  n = g_list_model_get_n_items (incident_list);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffIncident) incident = g_list_model_get_item (incident_list, i);
      const GDate *told;

      if (g_date_compare (aff_incident_get_date (incident), a->date) > 0)
        continue;
      incidents++;
      told = aff_incident_get_client_informed (incident, NULL);
      if (told != NULL && g_date_compare (told, a->date) <= 0)
        informed++;
      else
        g_ptr_array_add (missing, g_strdup_printf (L ("Client non informé de l'incident %s (%s)",
                                                      "Client not told of incident %s (%s)"),
                                                   aff_incident_get_id (incident), aff_incident_get_description (incident)));
    }
  if (incidents == 0)
    set_not_applicable (a, "client-relation", L ("Aucun incident enregistré.", "No incident recorded."));
  else
    {
      if (informed > 0)
        g_ptr_array_add (evidence, g_strdup_printf (L ("Client informé de %u incident(s) sur %u",
                                                       "Client told of %u incident(s) of %u"), informed, incidents));
      set (a, "client-relation", status_of (informed, incidents), &evidence,
           &missing);
    }

  /* Actions followed: none left open past its due date. */
  reset (&evidence);
  reset (&missing);
  n = g_list_model_get_n_items (action_list);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffAction) action = g_list_model_get_item (action_list, i);
      const GDate *closed = aff_action_get_closed_date (action);
      const GDate *due = aff_action_get_due (action);

      actions++;
      if ((closed == NULL || g_date_compare (closed, a->date) > 0) && aff_action_get_status (action) != AFF_ACTION_STATUS_CANCELLED &&
          due != NULL && g_date_compare (due, a->date) < 0)
        {
          g_autofree char *on = day_text (a, due);

          overdue++;
          g_ptr_array_add (missing, g_strdup_printf (L ("Action %s (%s) en retard, due le %s",
                                                        "Action %s (%s) overdue, due on %s"),
                                                     aff_action_get_id (action), aff_action_get_title (action), on));
        }
    }
  if (actions == 0)
    set_not_applicable (a, "actions", L ("Aucune action enregistrée.", "No action recorded."));
  else
    {
      add_cited (a, evidence, g_strdup_printf (L ("%u action(s) suivie(s), %u en retard", "%u action(s) followed, %u overdue"),
                                               actions, overdue),
                 "affair", affair_id, "action-done");
      set (a, "actions", status_of (actions - overdue, actions), &evidence, &missing);
    }
}

/* ---- 6. The finances --------------------------------------------------- */

/* The latest day of progress recorded by the audit's day, from the journal. */
static gboolean
last_progress (Audit *a,
               GDate *last)
{
  g_autoptr(GPtrArray) entries = aff_journal_list_entries_for (a->journal, "affair", aff_affair_get_id (a->affair));
  gboolean found = FALSE;
  guint i;

  for (i = 0; i < entries->len; i++)
    {
      AffJournalEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *text = NULL;
      GDate date;

      if (strcmp (aff_journal_entry_get_action (entry), "progress-recorded") != 0 ||
          (text = aff_journal_entry_dup_detail (entry, "date")) == NULL ||
          !aff_date_from_iso (text, &date) || g_date_compare (&date, a->date) > 0)
        continue;
      if (!found || g_date_compare (&date, last) > 0)
        *last = date;
      found = TRUE;
    }
  return found;
}

static const char *
drift_word (guint        lang,
            AffDriftKind kind)
{
  switch (kind)
    {
    case AFF_DRIFT_KIND_COST_PERFORMANCE:
      return "CPI";
    case AFF_DRIFT_KIND_SCHEDULE_PERFORMANCE:
      return "SPI";
    case AFF_DRIFT_KIND_MARGIN_EROSION:
      return L ("érosion de marge", "margin erosion");
    case AFF_DRIFT_KIND_MILESTONE_SLIP:
      return L ("glissement du jalon", "slip of milestone");
    case AFF_DRIFT_KIND_CONCORDANCE:
      return L ("concordance des avancements", "progress concordance");
    case AFF_DRIFT_KIND_BUDGET_OVERRUN:
    default:
      return L ("dépassement du budget", "budget overrun");
    }
}

/* The drifts of each periodic review (the end of each reporting period,
 * monthly when the policy asks for none, from the signature to the
 * close-out) and of the day: each must have a corrective action for its
 * kind and subject, by the review's report at the latest
 * ([property@Aff.Policy:report-days] after it), on the day itself. A drift
 * found at several reviews counts once. Milestone slips count on the day
 * only: the plan keeps no history of its schedules. */
static void
audit_drifts (Audit       *a,
              GPtrArray   *today,
              const GDate *closed,
              gboolean     is_closed,
              GPtrArray   *evidence,
              GPtrArray   *missing,
              guint       *analysed,
              guint       *found)
{
  guint lang = a->lang, i, j;
  g_autoptr(GPtrArray) actions = aff_affair_list_corrective_actions (a->affair);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) reviews = g_array_new (FALSE, FALSE, sizeof (GDate));
  AffReportingPeriod period = aff_policy_get_reporting_period (a->policy);
  const GDate *limit = is_closed && g_date_compare (closed, a->date) < 0 ? closed : a->date;
  GDate review = *aff_affair_get_signed_date (a->affair);

  for (i = 0; i < actions->len; i++)
    {
      const AffCorrectiveAction *action = g_ptr_array_index (actions, i);
      g_autofree char *on = NULL, *subject = NULL;

      if (g_date_compare (aff_corrective_action_get_date (action), a->date) > 0)
        continue;
      on = day_text (a, aff_corrective_action_get_date (action));
      subject = aff_corrective_action_get_subject (action) != NULL
                ? g_strdup_printf ("%s %s", drift_word (lang, aff_corrective_action_get_kind (action)),
                                   aff_corrective_action_get_subject (action))
                : g_strdup (drift_word (lang, aff_corrective_action_get_kind (action)));
      g_ptr_array_add (evidence, g_strdup_printf (L ("Action corrective du %s (%s) : %s — %s",
                                                     "Corrective action of %s (%s): %s — %s"),
                                                  on, subject,
                                                  aff_corrective_action_get_analysis (action),
                                                  aff_corrective_action_get_action (action)));
    }

  /* The reviews: the last day of each period, then the day itself. */
  for (;;)
    {
      if (period == AFF_REPORTING_PERIOD_WEEKLY)
        g_date_add_days (&review, 7 - g_date_get_weekday (&review));
      else
        g_date_set_day (&review, g_date_get_days_in_month (g_date_get_month (&review), g_date_get_year (&review)));
      if (g_date_compare (&review, limit) >= 0)
        break;
      g_array_append_val (reviews, review);
      g_date_add_days (&review, 1);
    }
  g_array_append_val (reviews, *limit);

  *analysed = *found = 0;
  for (i = 0; i < reviews->len; i++)
    {
      const GDate *on = &g_array_index (reviews, GDate, i);
      gboolean last = i + 1 == reviews->len;
      g_autoptr(GPtrArray) drifts = last ? (today != NULL ? g_ptr_array_ref (today) : NULL) : aff_affair_list_drifts (a->affair, on, NULL);
      GDate by = *on;

      if (drifts == NULL)
        continue;
      if (!last)
        g_date_add_days (&by, aff_policy_get_report_days (a->policy));
      if (g_date_compare (&by, a->date) > 0)
        by = *a->date;
      for (j = 0; j < drifts->len; j++)
        {
          const AffDrift *drift = g_ptr_array_index (drifts, j);
          char *key = g_strdup_printf ("%d\n%s", aff_drift_get_kind (drift), aff_drift_get_subject (drift));
          gboolean done = aff_drift_get_corrective_action (drift) != NULL;
          guint k;

          /* The plan keeps no history of its schedules: a milestone's slip
           * on a past review would be measured on today's schedule. */
          if (!last && aff_drift_get_kind (drift) == AFF_DRIFT_KIND_MILESTONE_SLIP)
            {
              g_free (key);
              continue;
            }
          if (!g_hash_table_add (seen, key))
            continue;
          for (k = 0; !done && k < actions->len; k++)
            {
              const AffCorrectiveAction *action = g_ptr_array_index (actions, k);

              done = aff_corrective_action_get_kind (action) == aff_drift_get_kind (drift) &&
                     g_strcmp0 (aff_corrective_action_get_subject (action), aff_drift_get_subject (drift)) == 0 &&
                     g_date_compare (aff_corrective_action_get_date (action), &by) <= 0;
            }
          (*found)++;
          if (done)
            (*analysed)++;
          else
            {
              g_autofree char *day = day_text (a, on);

              g_ptr_array_add (missing, g_strdup_printf (L ("Au %s : %s — sans action corrective",
                                                            "On %s: %s — no corrective action"),
                                                         day, aff_drift_get_message (drift)));
            }
        }
    }
}

static void
audit_finance (Audit                 *a,
               const AffAffairStatus *status)
{
  guint lang = a->lang, i, with_action = 0;
  const char *affair_id = aff_affair_get_id (a->affair);
  const char *locale = L ("fr", "en");
  g_autoptr(GPtrArray) evidence = lines_new ();
  g_autoptr(GPtrArray) missing = lines_new ();
  g_autoptr(GPtrArray) drifts = aff_affair_list_drifts (a->affair, a->date, NULL);
  g_autoptr(GPtrArray) due = aff_affair_list_billing_due (a->affair, a->date, NULL);
  g_autoptr(GPtrArray) payments = aff_affair_list_supplier_payments_due (a->affair, a->date, NULL);
  GArray *invoices = _aff_finance_get_invoices (_aff_affair_get_finance (a->affair));
  guint n_rows = 0, entries = 0;
  const AffLedgerRow *rows = _aff_ledger_rows (aff_affair_get_ledger (a->affair), &n_rows);
  guint32 today = g_date_get_julian (a->date);
  guint invoiced = 0, kept = 0, found = 0;
  GDate progress, closed, horizon;
  gboolean is_closed = aff_affair_get_closed_date (a->affair, &closed) && g_date_compare (&closed, a->date) <= 0;
  int rate = 0, drift = 0;

  /* The dashboard kept: costs entered and progress recorded within the
   * last reporting period (a month when the policy asks for none). */
  for (i = 0; i < n_rows; i++)
    entries += rows[i].day <= today;
  if (entries > 0)
    {
      add_cited (a, evidence, g_strdup_printf (L ("%u ligne(s) de coûts au grand livre", "%u cost line(s) in the ledger"),
                                               entries),
                 "affair", affair_id, "cost-added|costs-imported");
      kept++;
    }
  else
    g_ptr_array_add (missing, g_strdup (L ("Aucun coût saisi", "No cost entered")));
  horizon = *a->date;
  if (aff_policy_get_reporting_period (a->policy) == AFF_REPORTING_PERIOD_WEEKLY)
    g_date_subtract_days (&horizon, 7);
  else
    g_date_subtract_months (&horizon, 1);
  if (last_progress (a, &progress))
    {
      g_autofree char *on = day_text (a, &progress);

      add_cited (a, evidence, g_strdup_printf (L ("Avancement physique relevé, en dernier le %s",
                                                  "Physical progress recorded, last on %s"), on),
                 "affair", affair_id, "progress-recorded");
      if (is_closed || g_date_compare (&progress, &horizon) >= 0)
        kept++;
      else
        g_ptr_array_add (missing, g_strdup_printf (L ("Aucun avancement relevé depuis le %s", "No progress recorded since %s"),
                                                   on));
    }
  else
    g_ptr_array_add (missing, g_strdup (L ("Aucun avancement physique relevé", "No physical progress recorded")));
  set (a, "dashboard", status_of (kept, 2), &evidence, &missing);

  /* Drifts, at each review and on the day. */
  reset (&evidence);
  reset (&missing);
  audit_drifts (a, drifts, &closed, is_closed, evidence, missing, &with_action, &found);
  if (drifts == NULL)
    g_ptr_array_add (missing, g_strdup (L ("Les indicateurs du jour ne peuvent être calculés",
                                           "The indicators of the day cannot be computed")));
  if (found == 0 && evidence->len == 0)
    set_not_applicable (a, "drifts", L ("Aucune dérive détectée.", "No drift detected."));
  else
    set (a, "drifts", drifts == NULL ? AFF_AUDIT_STATUS_PARTIAL : status_of (with_action, found), &evidence, &missing);

  /* Concordance of physical progress, costs and billing. */
  reset (&evidence);
  reset (&missing);
  {
    double physical = 0, cost = 0, billing = 0, gap = 0;

    if (status == NULL || !aff_affair_status_get_physical_progress (status, &physical) ||
        !aff_affair_status_get_cost_progress (status, &cost))
      set_not_applicable (a, "concordance", L ("L'avancement ou les coûts ne sont pas encore mesurables.",
                                               "Progress or costs cannot be measured yet."));
    else
      {
        g_autofree char *p = _aff_language_decimal (lang, physical * 100, 1), *c = _aff_language_decimal (lang, cost * 100, 1), *b = NULL;
        gboolean concordant = aff_affair_status_is_concordant (status, &gap);

        b = aff_affair_status_get_billing_progress (status, &billing) ? _aff_language_decimal (lang, billing * 100, 1) : g_strdup ("–");
        g_ptr_array_add (concordant ? evidence : missing,
                         g_strdup_printf (concordant ? L ("Avancement physique %s %%, coûts %s %%, facturation %s %% : "
                                                          "concordants",
                                                          "Physical progress %s%%, costs %s%%, billing %s%%: consistent")
                                                     : L ("Avancement physique %s %%, coûts %s %%, facturation %s %% : "
                                                          "écart au-delà de la tolérance",
                                                          "Physical progress %s%%, costs %s%%, billing %s%%: gap beyond "
                                                          "the tolerance"), p, c, b));
        set (a, "concordance", concordant ? AFF_AUDIT_STATUS_MET : AFF_AUDIT_STATUS_PARTIAL,
             &evidence, &missing);
      }
  }

  /* The budget held: the margin at completion, or the final margin once
   * closed, against the offer's. */
  reset (&evidence);
  reset (&missing);
  if (status == NULL || !aff_affair_status_get_margin_rate (status, &rate) ||
      !aff_affair_status_get_margin_rate_drift (status, &drift))
    set_not_applicable (a, "budget", L ("La marge à terminaison ne peut être calculée.",
                                        "The margin at completion cannot be computed."));
  else
    {
      int offer = rate - drift, tolerance = (int) aff_policy_get_drift_margin_points (a->policy);
      int floor = aff_policy_get_floor_margin_rate (a->policy);
      const AffMoney *margin = aff_affair_status_get_margin_at_completion (status);
      const AffMoney *revenue = aff_affair_status_get_revenue_at_completion (status);
      gint64 final = 0;
      g_autofree char *r = NULL, *o = NULL, *d = NULL, *m = NULL;
      char *fact;

      if (is_closed && _aff_money_minor (revenue) > 0 &&
          _aff_round_half_even ((AffInt128) _aff_money_minor (aff_affair_get_final_margin (a->affair)) * 10000,
                                _aff_money_minor (revenue), &final))
        {
          margin = aff_affair_get_final_margin (a->affair);
          rate = (int) CLAMP (final, -G_MAXINT, G_MAXINT);
          drift = rate - offer;
        }
      r = _aff_language_rate (lang, rate);
      o = _aff_language_rate (lang, offer);
      d = points_text (lang, drift);
      m = aff_money_format (margin, locale);
      fact = g_strdup_printf (is_closed ? L ("Marge finale %s (%s) pour %s à l'offre, écart de %s",
                                             "Final margin %s (%s) against %s in the offer, a gap of %s")
                                        : L ("Marge à terminaison %s (%s) pour %s à l'offre, écart de %s",
                                             "Margin at completion %s (%s) against %s in the offer, a gap of %s"),
                              m, r, o, d);

      if (-drift <= tolerance)
        {
          g_ptr_array_add (evidence, fact);
          set (a, "budget", AFF_AUDIT_STATUS_MET, &evidence, NULL);
        }
      else
        {
          g_ptr_array_add (missing, fact);
          set (a, "budget", rate >= floor ? AFF_AUDIT_STATUS_PARTIAL : AFF_AUDIT_STATUS_MISSING, NULL,
               &missing);
        }
    }

  /* Billing as the work advances, supplier payments passed on. */
  reset (&evidence);
  reset (&missing);
  for (i = 0; i < invoices->len; i++)
    invoiced += g_date_compare (&g_array_index (invoices, AffBill, i).date, a->date) <= 0;
  if (_aff_finance_get_milestones (_aff_affair_get_finance (a->affair))->len == 0 && invoiced == 0)
    {
      g_ptr_array_add (missing, g_strdup (L ("Aucun échéancier de facturation ni facture", "No billing schedule nor invoice")));
      set (a, "billing", AFF_AUDIT_STATUS_MISSING, NULL, &missing);
    }
  else
    {
      if (invoiced > 0)
        add_cited (a, evidence, g_strdup_printf (L ("%u facture(s) émise(s)", "%u invoice(s) issued"), invoiced),
                   "affair", affair_id, "invoice-recorded");
      for (i = 0; due != NULL && i < due->len; i++)
        {
          const AffBillingItem *item = g_ptr_array_index (due, i);
          g_autofree char *on = NULL, *amount = NULL;

          if (g_date_compare (aff_billing_item_get_due_date (item), a->date) >= 0)
            continue;
          on = day_text (a, aff_billing_item_get_due_date (item));
          amount = aff_money_format (aff_billing_item_get_excluding_vat (item), locale);
          g_ptr_array_add (missing, g_strdup_printf (L ("À facturer depuis le %s : %s, %s HT",
                                                        "To invoice since %s: %s, %s excluding VAT"),
                                                     on, aff_billing_item_get_reason (item), amount));
        }
      for (i = 0; payments != NULL && i < payments->len; i++)
        {
          const AffSupplierPayment *payment = g_ptr_array_index (payments, i);
          g_autofree char *amount = aff_money_format (aff_supplier_payment_get_amount (payment), locale);

          g_ptr_array_add (missing, g_strdup_printf (L ("Paiement de %s à transmettre (%s) : %s",
                                                        "Payment to %s to pass on (%s): %s"),
                                                     aff_supplier_payment_get_supplier (payment),
                                                     aff_supplier_payment_get_document (payment), amount));
        }
      set (a, "billing", invoiced == 0 && missing->len > 0 ? AFF_AUDIT_STATUS_MISSING
                         : missing->len > 0 ? AFF_AUDIT_STATUS_PARTIAL : AFF_AUDIT_STATUS_MET,
           &evidence, &missing);
    }

  /* The close-out, once the work is accepted. */
  reset (&evidence);
  reset (&missing);
  if (is_closed)
    {
      g_autofree char *on = day_text (a, &closed);
      g_autofree char *margin = aff_money_format (aff_affair_get_final_margin (a->affair), locale);

      add_cited (a, evidence, g_strdup_printf (L ("Affaire clôturée le %s, marge finale %s", "Affair closed on %s, final margin %s"),
                                               on, margin),
                 "affair", affair_id, "affair-closed");
      set (a, "close-out", AFF_AUDIT_STATUS_MET, &evidence, NULL);
    }
  else if (!a->accepted)
    set_not_applicable (a, "close-out", L ("La prestation n'est pas encore réceptionnée.", "The work is not accepted yet."));
  else
    {
      g_auto(GStrv) blockers = aff_affair_list_close_blockers (a->affair, a->date, NULL);

      g_ptr_array_add (missing, g_strdup (L ("Prestation réceptionnée, affaire non clôturée",
                                             "Work accepted, affair not closed")));
      for (i = 0; blockers != NULL && blockers[i] != NULL; i++)
        g_ptr_array_add (missing, g_strdup (blockers[i]));
      set (a, "close-out", AFF_AUDIT_STATUS_MISSING, NULL, &missing);
    }
}

/* ---- 7. The lessons learned -------------------------------------------- */

static void
audit_rex (Audit *a)
{
  guint lang = a->lang, i, parts = 0, justified = 0;
  const char *affair_id = aff_affair_get_id (a->affair);
  AffRex *rex = aff_affair_get_rex (a->affair);
  g_autoptr(GPtrArray) evidence = lines_new ();
  g_autoptr(GPtrArray) missing = lines_new ();
  gboolean drawn = rex != NULL && g_date_compare (&rex->date, a->date) <= 0;
  gboolean validated = drawn && g_date_valid (&rex->validated) && g_date_compare (&rex->validated, a->date) <= 0;

  if (!drawn && !a->accepted)
    {
      const char *why = L ("La prestation n'est pas encore réceptionnée.", "The work is not accepted yet.");

      set_not_applicable (a, "rex", why);
      set_not_applicable (a, "rex-content", why);
      set_not_applicable (a, "improvements", why);
      return;
    }
  if (!drawn)
    {
      const char *text = L ("Aucun retour d'expérience établi", "No lessons learned drawn up");
      GPtrArray *m1 = lines_new (), *m2 = lines_new (), *m3 = lines_new ();

      g_ptr_array_add (m1, g_strdup (text));
      g_ptr_array_add (m2, g_strdup (text));
      g_ptr_array_add (m3, g_strdup (text));
      set (a, "rex", AFF_AUDIT_STATUS_MISSING, NULL, &m1);
      set (a, "rex-content", AFF_AUDIT_STATUS_MISSING, NULL, &m2);
      set (a, "improvements", AFF_AUDIT_STATUS_MISSING, NULL, &m3);
      return;
    }

  /* Drawn up and validated. */
  {
    g_autofree char *on = day_text (a, &rex->date);

    add_cited (a, evidence, g_strdup_printf (L ("Retour d'expérience établi le %s", "Lessons learned drawn up on %s"), on),
               "affair", affair_id, "rex-created");
  }
  if (validated)
    {
      g_autofree char *on = day_text (a, &rex->validated);

      add_cited (a, evidence, g_strdup_printf (L ("Validé et figé le %s", "Validated and frozen on %s"), on),
                 "affair", affair_id, "rex-validated");
    }
  else
    g_ptr_array_add (missing, g_strdup (L ("Le retour d'expérience n'est pas validé", "The lessons learned are not validated")));
  set (a, "rex", validated ? AFF_AUDIT_STATUS_MET : AFF_AUDIT_STATUS_PARTIAL, &evidence,
       &missing);

  /* Actions, good practices, difficulties and their solutions. */
  reset (&evidence);
  reset (&missing);
  {
    guint counts[] = { g_strv_length ((char **) rex->actions_taken->pdata), g_strv_length ((char **) rex->practices->pdata),
                       rex->difficulties->len };
    const char *found[][N_LANGS] = {
      { "action(s) menée(s) répertoriée(s)", "action(s) taken listed" },
      { "bonne(s) pratique(s)", "good practice(s)" },
      { "difficulté(s) avec leur solution", "difficult(y/ies) with their solution" },
    };
    const char *lacking[][N_LANGS] = {
      { "Aucune action menée répertoriée", "No action taken listed" },
      { "Aucune bonne pratique mise en évidence", "No good practice brought out" },
      { "Aucune synthèse des difficultés et des solutions", "No summary of difficulties and solutions" },
    };

    for (i = 0; i < G_N_ELEMENTS (counts); i++)
      {
        if (counts[i] > 0)
          {
            parts++;
            g_ptr_array_add (evidence, g_strdup_printf ("%u %s", counts[i], found[i][lang]));
          }
        else
          g_ptr_array_add (missing, g_strdup (lacking[i][lang]));
      }
  }
  set (a, "rex-content", status_of (parts, 3), &evidence, &missing);

  /* Improvements, each justified, with a benefit and an owner. */
  reset (&evidence);
  reset (&missing);
  for (i = 0; i < rex->improvements->len; i++)
    {
      const AffImprovement *improvement = g_ptr_array_index (rex->improvements, i);

      if (*improvement->justification != '\0' && *improvement->benefit != '\0' && *improvement->owner != '\0')
        {
          justified++;
          g_ptr_array_add (evidence, g_strdup_printf (L ("%s (%s)", "%s (%s)"), improvement->title, improvement->owner));
        }
      else
        g_ptr_array_add (missing, g_strdup_printf (L ("%s : justification, bénéfice ou responsable manquant",
                                                      "%s: justification, benefit or owner missing"),
                                                   improvement->title));
    }
  if (rex->improvements->len == 0)
    g_ptr_array_add (missing, g_strdup (L ("Aucune proposition d'amélioration", "No improvement proposed")));
  set (a, "improvements", status_of (justified, MAX (rex->improvements->len, 1)), &evidence,
       &missing);
}

/**
 * aff_portfolio_audit_affair:
 * @self: a portfolio
 * @affair_id: the id of an affair of the portfolio
 * @date: the day of the audit
 * @error: return location for a #GError
 *
 * Audits the dossier of an affair on @date against the observable criteria
 * of the responsable d'affaires' referential ([class@Aff.Audit]). Only what
 * the portfolio held by @date counts: interactions, meetings, hazards,
 * progress and invoices dated after it are left out. The criteria, by
 * capability:
 *
 * 1. `commercial-actions` (interactions with the client), `client-follow-up`
 *    (no contact overdue, [method@Aff.Portfolio.get_follow_up_date]),
 *    `satisfaction-survey` (a survey since the acceptance), `go-no-go`
 *    (evaluated and decided), `solvency` (an analysis by the evaluation,
 *    not stale), `bid-risks` (a register whose open risks are treated);
 * 2. `offer-on-time` (sent by the deadline), `offer-compliant`
 *    ([method@Aff.Offer.check] on the day it was sent), `offer-follow-up`
 *    (each reminder of the policy due before the signature made by a
 *    contact), `offer-history` (its revisions kept);
 * 3. `plan-baseline` (scheduled, a baseline saved), `milestones` (milestones
 *    and tasks tied to risks), `resources` (assigned, no overload),
 *    `prevention-plan` (joint inspection and signatures, when required);
 * 4. `meetings` (held, kick-off and minutes per [method@Aff.Dossier.check]),
 *    `roles` (someone responsible for each task), `hazards` (each followed
 *    by a replanning decision), `inspections`
 *    ([method@Aff.Plan.check_inspections]);
 * 5. `reports` (one sent for each period ended), `documents` (a register,
 *    deliverables approved once accepted), `client-relation` (the client
 *    told of each incident), `actions` (none open past its due date);
 * 6. `dashboard` (costs entered, progress recorded within the last
 *    reporting period), `drifts` (each drift of the monthly reviews, or
 *    weekly per [property@Aff.Policy:reporting-period], with a corrective
 *    action by the review's report, and each drift of the day with one),
 *    `concordance` ([method@Aff.AffairStatus.is_concordant]), `budget` (the
 *    margin rate at completion within the policy's drift of the offer's;
 *    below it PARTIAL, below the floor MISSING), `billing` (no billing item
 *    due before @date left uninvoiced, no supplier payment waiting),
 *    `close-out` (closed once accepted);
 * 7. `rex` (drawn up and validated), `rex-content` (actions taken, good
 *    practices, difficulties with solutions), `improvements` (each
 *    justified, with a benefit and an owner).
 *
 * A criterion that cannot apply yet (no hazard, work not accepted…) is
 * %AFF_AUDIT_STATUS_NOT_APPLICABLE, with why. The audit changes no data
 * and is not journaled; a plan not scheduled (a document just loaded) is
 * scheduled, which only computes its dates.
 *
 * Returns: (transfer full): the audit, or %NULL with %AFF_ERROR_NOT_FOUND
 *   (unknown affair) or %AFF_ERROR_INVALID_VALUE (a date before the
 *   signature) set
 */
AffAudit *
aff_portfolio_audit_affair (AffPortfolio  *self,
                            const char    *affair_id,
                            const GDate   *date,
                            GError       **error)
{
  g_autoptr(AffAffairStatus) status = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  AffAffair *affair;
  Audit a = { 0 };

  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (affair_id != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);

  if ((affair = aff_portfolio_lookup_affair (self, affair_id)) == NULL)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND, _("the portfolio has no affair “%s”"), affair_id), NULL;
  if (!g_date_valid (date) || g_date_compare (date, aff_affair_get_signed_date (affair)) < 0)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("affair %s: the audit needs a valid date on or after the signature"), affair_id), NULL;
  if ((gaps = aff_dossier_check (aff_affair_get_dossier (affair), date, error)) == NULL)
    return NULL;

  a.portfolio = self;
  a.affair = affair;
  a.client = aff_portfolio_lookup_client (self, aff_affair_get_client_id (affair));
  a.consultation = _aff_affair_get_consultation (affair);
  a.offer = aff_portfolio_lookup_offer (self, aff_affair_get_offer_id (affair));
  a.plan = aff_affair_get_plan (affair);
  a.dossier = aff_affair_get_dossier (affair);
  a.policy = aff_portfolio_get_policy (self);
  a.journal = aff_portfolio_get_journal (self);
  a.date = date;
  a.lang = _aff_language_index (aff_policy_get_language (a.policy));
  a.gaps = gaps;
  g_date_clear (&a.acceptance, 1);
  a.accepted = aff_affair_get_acceptance (affair, &a.acceptance, NULL) && g_date_compare (&a.acceptance, date) <= 0;
  a.audit = _aff_audit_new (affair_id, a.client != NULL ? aff_client_get_name (a.client) : aff_affair_get_client_id (affair),
                            date, a.lang);
  /* An affair whose figures cannot be computed (an overflow) is still
   * audited: the financial criteria say so. */
  status = aff_affair_compute_status (affair, date, NULL);

  audit_client (&a);
  audit_bid (&a);
  audit_offer (&a);
  audit_organisation (&a);
  audit_coordination (&a);
  audit_follow_up (&a);
  audit_finance (&a, status);
  audit_rex (&a);
  return a.audit;
}
