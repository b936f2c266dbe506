/* aff-affair-render.c: the project management plan of an affair
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-affair-private.h"
#include "aff-coordination.h"
#include "aff-doc-private.h"
#include "aff-planning-private.h"
#include "aff-error.h"
#include "aff-hazard.h"
#include "aff-language-private.h"
#include "aff-rex-private.h"
#include "aff-prevention-plan.h"
#include "aff-resource.h"
#include "aff-risk-register.h"

/* The words of the document, in the languages of aff_policy_set_language(),
 * indexed by the enumerations' values. */
static const char *const task_kinds[N_LANGS][7] = {
  { "tâche", "jalon", "revue de conception", "contrôle réglementaire", "achat", "sous-traitance",
    "intervention sur site" },
  { "task", "milestone", "design review", "inspection", "purchase", "subcontract", "site intervention" },
};

/* R, A, C and I read the same in both languages. */
static const char *const raci_letters[5] = { "", "R", "A", "C", "I" };

static const char *const risk_categories[N_LANGS][7] = {
  { "technique", "économique", "délai", "sécurité", "environnement", "contractuel", "client" },
  { "technical", "economic", "schedule", "safety", "environment", "contractual", "client" },
};

static const char *const treatments[N_LANGS][5] = {
  { "à décider", "éviter", "réduire", "partager", "accepter" },
  { "to be decided", "avoid", "reduce", "share", "accept" },
};

static const char *const risk_statuses[N_LANGS][3] = {
  { "ouvert", "survenu", "clos" },
  { "open", "occurred", "closed" },
};

static const char *const bands[N_LANGS][4] = {
  { "faible", "moyen", "élevé", "critique" },
  { "low", "medium", "high", "critical" },
};

static const char *const resource_kinds[N_LANGS][4] = {
  { "personne", "équipe", "équipement", "sous-traitant" },
  { "person", "team", "equipment", "subcontractor" },
};

static const char *const hazard_causes[N_LANGS][5] = {
  { "interne", "client", "sous-traitant", "météo", "fournisseur" },
  { "internal", "client", "subcontractor", "weather", "supplier" },
};

/* The dangerous work of the arrêté of 19 March 1993, by bit of
 * AffRegulatoryFlags. */
static const char *const dangerous_work[N_LANGS][9] = {
  { "travail en hauteur", "espace confiné", "travaux par points chauds", "atmosphère explosive (ATEX)",
    "amiante", "travaux électriques au voisinage de pièces nues sous tension", "opérations de levage",
    "rayonnements ionisants", "agents chimiques dangereux" },
  { "work at height", "confined space", "hot work", "explosive atmosphere (ATEX)",
    "asbestos", "electrical work near live parts", "lifting operations",
    "ionising radiation", "dangerous chemical agents" },
};

#define WORD(table, value) ((guint) (value) < G_N_ELEMENTS ((table)[0]) ? (table)[lang][(value)] : "")

typedef struct
{
  AffDoc doc;
  guint lang;
  AffAffair *affair;
  AffPlan *plan;
  AffPolicy *policy;                    /* nullable */
  AffConsultation *consultation;        /* nullable */
  GPtrArray *tasks;                     /* AffTask, in the plan's order */
  GPtrArray *parties;                   /* AffPartyTasks */
  GStrv people;                         /* of the RACI matrix, in reading order */
  const GDate *finish;                  /* the start for a plan without tasks */
} ManagementPlan;

static const gboolean text3[] = { FALSE, FALSE, FALSE };

/* "REM Remplacement du faisceau": how the document names a task. */
static char *
task_ref (AffTask *task)
{
  if (aff_task_get_name (task) == NULL)
    return g_strdup (aff_task_get_id (task));
  return g_strdup_printf ("%s %s", aff_task_get_id (task), aff_task_get_name (task));
}

static char *
format_span (guint        lang,
             const GDate *from,
             const GDate *to)
{
  g_autofree char *a = _aff_doc_format_date (lang, from);
  g_autofree char *b = NULL;

  if (g_date_compare (from, to) == 0)
    return g_steal_pointer (&a);
  b = _aff_doc_format_date (lang, to);
  return g_strdup_printf (L ("du %s au %s", "%s to %s"), a, b);
}

/* Minutes as hours and minutes: "14 h", "7 h 30". */
static char *
format_hours (guint minutes)
{
  if (minutes % 60 == 0)
    return g_strdup_printf ("%u h", minutes / 60);
  return g_strdup_printf ("%u h %02u", minutes / 60, minutes % 60);
}

static char *
format_days (guint lang,
             int   days)
{
  return g_strdup_printf (days == 1 || days == -1 ? L ("%d jour ouvré", "%d working day")
                                                  : L ("%d jours ouvrés", "%d working days"), days);
}

static char *
join (GPtrArray  *words,
      const char *separator)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? separator : "", (const char *) g_ptr_array_index (words, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
join_strv (const char *const *words)
{
  return words != NULL ? g_strjoinv (", ", (char **) words) : g_strdup ("");
}

/* Who a party is, for people: "Raffinerie du Rhône (client)"; the company's
 * own teams go by the company's name. */
static char *
party_label (ManagementPlan *self,
             AffParty        party,
             const char     *name)
{
  guint lang = self->lang;
  const char *company = self->policy ? aff_policy_get_presentation (self->policy, "company-name") : NULL;

  if (party == AFF_PARTY_INTERNAL)
    return g_strdup (name != NULL ? name : company != NULL ? company : L ("équipe interne", "internal team"));
  if (name == NULL)
    return g_strdup (_aff_party_word (lang, party));
  return g_strdup_printf ("%s (%s)", name, _aff_party_word (lang, party));
}

static char *
first_party_label (ManagementPlan *self,
                   AffParty        party)
{
  for (guint i = 0; i < self->parties->len; i++)
    {
      AffPartyTasks *p = g_ptr_array_index (self->parties, i);

      if (aff_party_tasks_get_party (p) == party)
        return party_label (self, party, aff_party_tasks_get_name (p));
    }
  return party_label (self, party, NULL);
}

static char *
task_party_label (ManagementPlan *self,
                  AffTask        *task)
{
  return party_label (self, aff_task_get_party (task), aff_task_get_party_name (task));
}

static void
write_identity (ManagementPlan *self)
{
  guint lang = self->lang;
  AffAffair *affair = self->affair;
  const char *locale = L ("fr", "en");
  const GDate *end = aff_plan_get_contract_end (self->plan);
  g_autofree char *amount = aff_money_format (aff_affair_get_contract_amount (affair), locale);
  g_autofree char *amount_text = g_strdup_printf (L ("%s HT", "%s excl. VAT"), amount);
  g_autofree char *offer = g_strdup_printf (L ("%s, révision %s", "%s, revision %s"),
                                            aff_affair_get_offer_id (affair), aff_affair_get_revision (affair));
  g_autofree char *lead = format_days (lang, (int) aff_affair_get_lead_time_days (affair));
  g_autofree char *client = NULL;
  g_autofree char *start = _aff_doc_format_date (lang, aff_plan_get_start (self->plan));
  g_autofree char *review = g_strdup_printf (L ("Ce plan est à revoir avec le client à la réunion de "
                                                "lancement, le %s.",
                                                "This plan is to be reviewed with the client at the kick-off "
                                                "meeting, on %s."), start);
  const char *company = self->policy ? aff_policy_get_presentation (self->policy, "company-name") : NULL;

  _aff_doc_paragraph_begin (&self->doc, "references");
  client = _aff_affair_get_client (affair) != NULL
           ? g_strdup_printf ("%s (%s)", aff_client_get_name (_aff_affair_get_client (affair)),
                              aff_affair_get_client_id (affair))
           : g_strdup (aff_affair_get_client_id (affair));
  _aff_doc_paragraph_line (&self->doc, TRUE, L ("Client :", "Client:"), client);
  if (self->consultation != NULL)
    {
      _aff_doc_paragraph_line (&self->doc, FALSE, L ("Objet :", "Subject:"),
                               aff_consultation_get_title (self->consultation));
      _aff_doc_paragraph_line (&self->doc, FALSE, L ("Consultation :", "Request for quotation:"),
                               aff_consultation_get_id (self->consultation));
      if (aff_consultation_get_site (self->consultation) != NULL)
        _aff_doc_paragraph_line (&self->doc, FALSE, L ("Lieu d’intervention :", "Site:"),
                                 aff_consultation_get_site (self->consultation));
    }
  if (company != NULL)
    _aff_doc_paragraph_line (&self->doc, FALSE, L ("Titulaire :", "Contractor:"), company);
  _aff_doc_paragraph_line (&self->doc, FALSE, L ("Contrat :", "Contract:"), aff_affair_get_contract_reference (affair));
  _aff_doc_paragraph_line (&self->doc, FALSE, L ("Offre acceptée :", "Accepted offer:"), offer);
  _aff_doc_paragraph_line (&self->doc, FALSE, L ("Montant du contrat :", "Contract amount:"), amount_text);
  if (g_date_valid (aff_affair_get_signed_date (affair)))
    {
      g_autofree char *signed_on = _aff_doc_format_date (lang, aff_affair_get_signed_date (affair));
      _aff_doc_paragraph_line (&self->doc, FALSE, L ("Signé le :", "Signed on:"), signed_on);
    }
  _aff_doc_paragraph_line (&self->doc, FALSE, L ("Délai contractuel :", "Contractual lead time:"), lead);
  if (end != NULL)
    {
      g_autofree char *day = _aff_doc_format_date (lang, end);
      _aff_doc_paragraph_line (&self->doc, FALSE, L ("Fin contractuelle :", "Contractual end:"), day);
    }
  _aff_doc_paragraph_end (&self->doc);
  _aff_doc_paragraph (&self->doc, review);
}

static void
write_organisation (ManagementPlan *self)
{
  guint lang = self->lang;
  guint i, j, n_people = g_strv_length (self->people);
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autoptr(GPtrArray) with_roles = g_ptr_array_new ();
  g_autofree gboolean *numeric = NULL;

  _aff_doc_heading (&self->doc, 2, L ("1. Organisation et rôles", "1. Organisation and roles"));
  _aff_doc_heading (&self->doc, 3, L ("Parties", "Parties"));
  {
    const char *columns3[] = { L ("Partie", "Party"), L ("Nom", "Name"), L ("Tâches", "Tasks"), NULL };

    _aff_doc_table_begin (&self->doc, columns3, text3);
    for (i = 0; i < self->parties->len; i++)
      {
        AffPartyTasks *p = g_ptr_array_index (self->parties, i);
        AffParty party = aff_party_tasks_get_party (p);
        g_autofree char *name = party == AFF_PARTY_INTERNAL ? party_label (self, party, aff_party_tasks_get_name (p))
                                                           : g_strdup (aff_party_tasks_get_name (p));
        g_autofree char *tasks = join_strv (aff_party_tasks_get_task_ids (p));
        const char *cells[] = { _aff_party_word (lang, party), name != NULL ? name : "", tasks, NULL };

        _aff_doc_table_row (&self->doc, FALSE, cells, text3);
      }
    _aff_doc_table_end (&self->doc);
  }

  _aff_doc_heading (&self->doc, 3, L ("Matrice RACI", "RACI matrix"));
  if (n_people == 0)
    {
      _aff_doc_paragraph (&self->doc, L ("Aucun rôle n’est encore attribué sur les tâches.",
                                         "No role is given on the tasks yet."));
      return;
    }
  _aff_doc_paragraph (&self->doc, L ("R : réalise ; A : approuve et répond de la tâche ; C : consulté avant ; "
                                     "I : informé après.",
                                     "R: responsible, does the work; A: accountable, approves it; "
                                     "C: consulted before; I: informed after."));
  /* A column for each task that gives someone a part, in the plan's order. */
  g_ptr_array_add (columns, (gpointer) L ("Personne", "Person"));
  for (i = 0; i < self->tasks->len; i++)
    {
      AffTask *task = g_ptr_array_index (self->tasks, i);
      g_auto(GStrv) names = aff_task_list_raci (task);

      if (names[0] == NULL)
        continue;
      g_ptr_array_add (with_roles, task);
      g_ptr_array_add (columns, (gpointer) aff_task_get_id (task));
    }
  g_ptr_array_add (columns, NULL);
  numeric = g_new0 (gboolean, columns->len);
  _aff_doc_table_begin (&self->doc, (const char * const *) columns->pdata, numeric);
  for (i = 0; i < n_people; i++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new ();

      g_ptr_array_add (cells, self->people[i]);
      for (j = 0; j < with_roles->len; j++)
        g_ptr_array_add (cells, (gpointer) raci_letters[aff_task_get_raci (g_ptr_array_index (with_roles, j),
                                                                           self->people[i])]);
      g_ptr_array_add (cells, NULL);
      _aff_doc_table_row (&self->doc, FALSE, (const char * const *) cells->pdata, numeric);
    }
  _aff_doc_table_end (&self->doc);
}

static void
write_deliverables (ManagementPlan *self)
{
  guint lang = self->lang;
  const char *columns[] = { L ("Livrable", "Deliverable"), L ("Tâches", "Tasks"), L ("Remis le", "Due on"), NULL };
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint i, j;

  _aff_doc_heading (&self->doc, 2, L ("2. Livrables", "2. Deliverables"));
  /* Each deliverable once, in the order the plan first names it. */
  for (i = 0; i < self->tasks->len; i++)
    {
      const char *deliverable = aff_task_get_deliverable (g_ptr_array_index (self->tasks, i));

      if (deliverable != NULL && !g_ptr_array_find_with_equal_func (names, deliverable, g_str_equal, NULL))
        g_ptr_array_add (names, (gpointer) deliverable);
    }
  if (names->len == 0)
    {
      _aff_doc_paragraph (&self->doc, L ("Aucune tâche ne produit de livrable.", "No task produces a deliverable."));
      return;
    }
  _aff_doc_table_begin (&self->doc, columns, text3);
  for (i = 0; i < names->len; i++)
    {
      g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *tasks = NULL, *due = NULL;
      const GDate *last = NULL;
      const char *cells[4];

      /* Delivered when its last task finishes. */
      for (j = 0; j < self->tasks->len; j++)
        {
          AffTask *task = g_ptr_array_index (self->tasks, j);
          g_autofree char *span = NULL;

          if (g_strcmp0 (aff_task_get_deliverable (task), g_ptr_array_index (names, i)) != 0)
            continue;
          span = format_span (lang, aff_task_get_early_start (task), aff_task_get_early_finish (task));
          g_ptr_array_add (refs, g_strdup_printf ("%s (%s)", aff_task_get_id (task), span));
          if (last == NULL || g_date_compare (aff_task_get_early_finish (task), last) > 0)
            last = aff_task_get_early_finish (task);
        }
      tasks = join (refs, L (" ; ", "; "));
      due = _aff_doc_format_date (lang, last);
      cells[0] = g_ptr_array_index (names, i);
      cells[1] = tasks;
      cells[2] = due;
      cells[3] = NULL;
      _aff_doc_table_row (&self->doc, FALSE, cells, text3);
    }
  _aff_doc_table_end (&self->doc);
}

static void
write_schedule (ManagementPlan *self)
{
  static const gboolean task_numeric[] = { FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, TRUE };
  static const gboolean milestone_numeric[] = { FALSE, FALSE, FALSE, TRUE, FALSE };
  guint lang = self->lang;
  AffCalendar *calendar = aff_plan_get_calendar (self->plan);
  const GDate *finish = self->finish, *end = aff_plan_get_contract_end (self->plan);
  g_autoptr(GPtrArray) critical = aff_plan_get_critical_path (self->plan);
  g_autoptr(GPtrArray) violations = aff_plan_get_violations (self->plan);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *start_text = _aff_doc_format_date (lang, aff_plan_get_start (self->plan));
  g_autofree char *finish_text = _aff_doc_format_date (lang, finish);
  gboolean any_milestone = FALSE;
  guint i;

  _aff_doc_heading (&self->doc, 2, L ("3. Jalons et chemin critique", "3. Milestones and critical path"));
  _aff_doc_paragraph_begin (&self->doc, NULL);
  _aff_doc_paragraph_line (&self->doc, TRUE, L ("Début :", "Start:"), start_text);
  _aff_doc_paragraph_line (&self->doc, FALSE, L ("Fin prévue :", "Planned finish:"), finish_text);
  if (end != NULL)
    {
      g_autofree char *end_text = _aff_doc_format_date (lang, end);
      g_autofree char *days = NULL, *line = NULL;

      /* The working days between the two, the later one counted. */
      if (g_date_compare (finish, end) <= 0)
        {
          days = format_days (lang, (int) aff_calendar_count_working_days (calendar, finish, end) -
                                    aff_calendar_is_working_day (calendar, finish));
          line = g_strdup_printf (L ("%s, tenue avec %s de marge", "%s, held with %s to spare"), end_text, days);
        }
      else
        {
          days = format_days (lang, (int) aff_calendar_count_working_days (calendar, end, finish) -
                                    aff_calendar_is_working_day (calendar, end));
          line = g_strdup_printf (L ("%s, dépassée de %s", "%s, overrun by %s"), end_text, days);
        }
      _aff_doc_paragraph_line (&self->doc, FALSE, L ("Fin contractuelle :", "Contractual end:"), line);
    }
  _aff_doc_paragraph_end (&self->doc);
  _aff_doc_paragraph (&self->doc, L ("Les dates sont des jours ouvrés du calendrier du plan ; la marge totale est "
                                     "le nombre de jours ouvrés dont une tâche peut glisser sans retarder la fin.",
                                     "Dates are working days of the plan’s calendar; the total float is the number "
                                     "of working days a task can slip without delaying the finish."));

  _aff_doc_heading (&self->doc, 3, L ("Tâches", "Tasks"));
  {
    const char *columns[] = {
      L ("Tâche", "Task"), L ("Nature", "Kind"), L ("Réalisée par", "Done by"), L ("Début", "Start"),
      L ("Fin", "Finish"), L ("Critique", "Critical"), L ("Marge totale", "Total float"), NULL
    };

    _aff_doc_table_begin (&self->doc, columns, task_numeric);
    for (i = 0; i < self->tasks->len; i++)
      {
        AffTask *task = g_ptr_array_index (self->tasks, i);
        g_autofree char *ref = task_ref (task), *who = task_party_label (self, task);
        g_autofree char *from = _aff_doc_format_date (lang, aff_task_get_early_start (task));
        g_autofree char *to = _aff_doc_format_date (lang, aff_task_get_early_finish (task));
        g_autofree char *slack = g_strdup_printf ("%d", aff_task_get_total_float (task));
        const char *cells[] = {
          ref, WORD (task_kinds, aff_task_get_kind (task)), who, from, to,
          aff_task_is_critical (task) ? L ("oui", "yes") : L ("non", "no"), slack, NULL
        };

        any_milestone = any_milestone || aff_task_get_kind (task) == AFF_TASK_KIND_MILESTONE;
        _aff_doc_table_row (&self->doc, FALSE, cells, task_numeric);
      }
    _aff_doc_table_end (&self->doc);
  }

  _aff_doc_heading (&self->doc, 3, L ("Jalons", "Milestones"));
  if (!any_milestone)
    _aff_doc_paragraph (&self->doc, L ("Le plan n’a pas de jalon.", "The plan has no milestone."));
  else
    {
      const char *columns[] = {
        L ("Jalon", "Milestone"), L ("Date", "Date"), L ("Au plus tard", "Latest"),
        L ("Marge totale", "Total float"), L ("Critique", "Critical"), NULL
      };

      _aff_doc_table_begin (&self->doc, columns, milestone_numeric);
      for (i = 0; i < self->tasks->len; i++)
        {
          AffTask *task = g_ptr_array_index (self->tasks, i);
          g_autofree char *ref = NULL, *date = NULL, *late = NULL, *slack = NULL;
          const char *cells[6];

          if (aff_task_get_kind (task) != AFF_TASK_KIND_MILESTONE)
            continue;
          ref = task_ref (task);
          date = _aff_doc_format_date (lang, aff_task_get_early_finish (task));
          late = _aff_doc_format_date (lang, aff_task_get_late_finish (task));
          slack = g_strdup_printf ("%d", aff_task_get_total_float (task));
          cells[0] = ref;
          cells[1] = date;
          cells[2] = late;
          cells[3] = slack;
          cells[4] = aff_task_is_critical (task) ? L ("oui", "yes") : L ("non", "no");
          cells[5] = NULL;
          _aff_doc_table_row (&self->doc, FALSE, cells, milestone_numeric);
        }
      _aff_doc_table_end (&self->doc);
    }

  _aff_doc_heading (&self->doc, 3, L ("Chemin critique", "Critical path"));
  _aff_doc_paragraph (&self->doc, L ("Toute dérive d’une de ces tâches retarde d’autant la fin de l’affaire.",
                                     "Any slip of one of these tasks delays the end of the affair as much."));
  for (i = 0; i < critical->len; i++)
    {
      AffTask *task = g_ptr_array_index (critical, i);
      g_autofree char *ref = task_ref (task);
      g_autofree char *span = format_span (lang, aff_task_get_early_start (task), aff_task_get_early_finish (task));

      g_ptr_array_add (items, g_strdup_printf (L ("%s : %s", "%s: %s"), ref, span));
    }
  _aff_doc_list (&self->doc, items);

  if (violations->len > 0)
    {
      g_ptr_array_set_size (items, 0);
      _aff_doc_paragraph (&self->doc, L ("Échéances non tenues :", "Deadlines not met:"));
      for (i = 0; i < violations->len; i++)
        {
          AffViolation *v = g_ptr_array_index (violations, i);
          g_autofree char *deadline = _aff_doc_format_date (lang, aff_violation_get_deadline (v));
          g_autofree char *late = _aff_doc_format_date (lang, aff_violation_get_finish (v));
          g_autofree char *days = format_days (lang, aff_violation_get_days_missed (v));

          g_ptr_array_add (items, g_strdup_printf (L ("%s doit finir au plus tard le %s et finit le %s : %s de retard.",
                                                      "%s must finish by %s and finishes on %s: %s late."),
                                                   aff_violation_get_task_id (v), deadline, late, days));
        }
      _aff_doc_list (&self->doc, items);
    }
}

/* The tasks that name @risk_id, with their ids. */
static char *
tasks_of_risk (ManagementPlan *self,
               const char     *risk_id)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < self->tasks->len; i++)
    {
      AffTask *task = g_ptr_array_index (self->tasks, i);
      const char *const *risks = aff_task_get_risk_ids (task);

      if (risks != NULL && g_strv_contains (risks, risk_id))
        g_ptr_array_add (ids, (gpointer) aff_task_get_id (task));
    }
  return join (ids, ", ");
}

static int
compare_criticality (gconstpointer a,
                     gconstpointer b)
{
  AffRisk *x = *(AffRisk **) a, *y = *(AffRisk **) b;
  guint cx = aff_risk_get_criticality (x), cy = aff_risk_get_criticality (y);

  return (cx < cy) - (cx > cy);
}

/* The lessons of the other affairs about these activities, read while
 * planning: the five most relevant, when there are any. */
static void
write_lessons (ManagementPlan *self)
{
  AffPortfolio *portfolio = _aff_affair_get_portfolio (self->affair);
  g_autoptr(GPtrArray) lessons = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint lang = self->lang, i;

  if (portfolio == NULL ||
      (lessons = aff_portfolio_find_affair_lessons (portfolio, aff_affair_get_id (self->affair), NULL)) == NULL ||
      lessons->len == 0)
    return;
  items = g_ptr_array_new_with_free_func (g_free);
  for (i = 0; i < lessons->len && i < 5; i++)
    g_ptr_array_add (items, _aff_lesson_describe (g_ptr_array_index (lessons, i), lang));
  _aff_doc_heading (&self->doc, 3, L ("Leçons des affaires passées sur ces activités",
                                      "Lessons of past affairs about these activities"));
  _aff_doc_list (&self->doc, items);
}

static void
write_risks (ManagementPlan *self)
{
  static const gboolean numeric[] = { FALSE, FALSE, FALSE, TRUE, FALSE, TRUE, FALSE, FALSE, FALSE, FALSE };
  guint lang = self->lang;
  const char *locale = L ("fr", "en");
  AffRiskRegister *reg = self->consultation ? aff_consultation_get_risk_register (self->consultation) : NULL;
  GListModel *risks = reg ? aff_risk_register_get_risks (reg) : NULL;
  g_autoptr(AffPolicy) fallback = self->policy ? NULL : aff_policy_new ();
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) loose = g_ptr_array_new_with_free_func (g_free);
  guint i, n = risks ? g_list_model_get_n_items (risks) : 0;

  _aff_doc_heading (&self->doc, 2, L ("4. Risques et traitements", "4. Risks and treatments"));
  if (self->consultation == NULL)
    _aff_doc_paragraph (&self->doc, L ("Cette affaire n’est rattachée à aucun portefeuille : le registre des risques "
                                       "de sa consultation n’est pas disponible.",
                                       "This affair belongs to no portfolio: the risk register of its request for "
                                       "quotation is not available."));
  else if (n == 0)
    {
      g_autofree char *text = g_strdup_printf (L ("Le registre des risques de la consultation %s est vide.",
                                                  "The risk register of request for quotation %s is empty."),
                                               aff_consultation_get_id (self->consultation));
      _aff_doc_paragraph (&self->doc, text);
    }
  else
    {
      const char *columns[] = {
        L ("Risque", "Risk"), L ("Catégorie", "Category"), L ("Statut", "Status"),
        L ("P × I", "P × I"), L ("Niveau", "Level"), L ("Exposition", "Exposure"),
        L ("Traitement", "Treatment"), L ("Responsable", "Owner"), L ("Revue", "Review"),
        L ("Tâches liées", "Linked tasks"), NULL
      };
      g_autofree char *intro = g_strdup_printf (L ("Registre des risques de la consultation %s, du plus critique "
                                                   "au moins critique (probabilité × impact, sur 1 à 5 chacun).",
                                                   "Risk register of request for quotation %s, the most critical "
                                                   "first (probability × impact, each from 1 to 5)."),
                                                aff_consultation_get_id (self->consultation));

      for (i = 0; i < n; i++)
        g_ptr_array_add (sorted, g_list_model_get_item (risks, i));
      g_ptr_array_sort (sorted, compare_criticality);
      _aff_doc_paragraph (&self->doc, intro);
      _aff_doc_table_begin (&self->doc, columns, numeric);
      for (i = 0; i < sorted->len; i++)
        {
          AffRisk *risk = g_ptr_array_index (sorted, i);
          g_autofree char *title = g_strdup_printf ("%s %s", aff_risk_get_id (risk), aff_risk_get_title (risk));
          g_autofree char *score = g_strdup_printf ("%u × %u = %u", aff_risk_get_probability (risk),
                                                    aff_risk_get_impact (risk), aff_risk_get_criticality (risk));
          const AffMoney *exposed = aff_risk_get_exposure (risk);
          g_autofree char *exposure = exposed ? aff_money_format (exposed, locale) : g_strdup ("");
          g_autofree char *review = aff_risk_get_review_date (risk)
                                    ? _aff_doc_format_date (lang, aff_risk_get_review_date (risk)) : g_strdup ("");
          g_autofree char *tasks = tasks_of_risk (self, aff_risk_get_id (risk));
          const char *cells[] = {
            title, WORD (risk_categories, aff_risk_get_category (risk)),
            WORD (risk_statuses, aff_risk_get_status (risk)), score,
            WORD (bands, aff_risk_get_band (risk, self->policy ? self->policy : fallback)), exposure,
            WORD (treatments, aff_risk_get_treatment (risk)),
            aff_risk_get_owner (risk) ? aff_risk_get_owner (risk) : "", review, tasks, NULL
          };

          _aff_doc_table_row (&self->doc, FALSE, cells, numeric);
        }
      _aff_doc_table_end (&self->doc);
    }

  /* The risks the tasks name that the register cannot tell about. */
  for (i = 0; i < self->tasks->len; i++)
    {
      AffTask *task = g_ptr_array_index (self->tasks, i);
      const char *const *ids = aff_task_get_risk_ids (task);

      for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
        if (reg == NULL || aff_risk_register_lookup_risk (reg, ids[k]) == NULL)
          g_ptr_array_add (loose, g_strdup_printf (reg == NULL ? L ("%s : risque %s", "%s: risk %s")
                                                               : L ("%s : risque %s, absent du registre",
                                                                    "%s: risk %s, not in the register"),
                                                   aff_task_get_id (task), ids[k]));
    }
  if (loose->len > 0)
    {
      _aff_doc_paragraph (&self->doc, L ("Risques cités par les tâches :", "Risks the tasks name:"));
      _aff_doc_list (&self->doc, loose);
    }
  write_lessons (self);
}

static void
write_resources (ManagementPlan *self)
{
  static const gboolean numeric[] = { FALSE, FALSE, TRUE, TRUE, FALSE };
  guint lang = self->lang;
  const char *locale = L ("fr", "en");
  GListModel *resources = aff_plan_get_resources (self->plan);
  g_autoptr(GPtrArray) assignments = aff_plan_get_assignments (self->plan);
  g_autoptr(GPtrArray) overloads = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  guint i, n = g_list_model_get_n_items (resources);

  _aff_doc_heading (&self->doc, 2, L ("5. Ressources", "5. Resources"));
  if (n == 0)
    {
      _aff_doc_paragraph (&self->doc, L ("Le plan ne définit aucune ressource.", "The plan defines no resource."));
      return;
    }
  {
    const char *columns[] = {
      L ("Ressource", "Resource"), L ("Nature", "Kind"), L ("Capacité par jour", "Capacity a day"),
      L ("Coût horaire", "Hourly cost"), L ("Affectations", "Assignments"), NULL
    };

    _aff_doc_table_begin (&self->doc, columns, numeric);
  }
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffResource) resource = g_list_model_get_item (resources, i);
      g_autoptr(GPtrArray) uses = g_ptr_array_new_with_free_func (g_free);
      const char *label = aff_resource_get_name (resource);
      g_autofree char *name = g_strdup_printf ("%s %s", aff_resource_get_id (resource), label ? label : "");
      g_autofree char *capacity = format_hours (aff_resource_get_capacity_minutes (resource));
      g_autofree char *rate = NULL, *rate_text = NULL, *assigned = NULL;
      const char *cells[6];

      if (aff_resource_get_cost_rate (resource) != NULL)
        {
          rate = aff_money_format (aff_resource_get_cost_rate (resource), locale);
          rate_text = g_strdup_printf ("%s/h", rate);
        }
      for (guint k = 0; k < assignments->len; k++)
        {
          AffAssignment *a = g_ptr_array_index (assignments, k);
          g_autofree char *hours = NULL;

          if (strcmp (aff_assignment_get_resource_id (a), aff_resource_get_id (resource)) != 0)
            continue;
          if (aff_assignment_get_minutes_per_day (a) > 0)
            {
              hours = format_hours (aff_assignment_get_minutes_per_day (a));
              g_ptr_array_add (uses, g_strdup_printf (L ("%s : %s par jour", "%s: %s a day"),
                                                      aff_assignment_get_task_id (a), hours));
            }
          else
            {
              hours = format_hours (aff_assignment_get_total_minutes (a));
              g_ptr_array_add (uses, g_strdup_printf (L ("%s : %s au total", "%s: %s in all"),
                                                      aff_assignment_get_task_id (a), hours));
            }
        }
      assigned = join (uses, L (" ; ", "; "));
      cells[0] = g_strstrip (name);
      cells[1] = WORD (resource_kinds, aff_resource_get_kind (resource));
      cells[2] = capacity;
      cells[3] = rate_text ? rate_text : "";
      cells[4] = assigned;
      cells[5] = NULL;
      _aff_doc_table_row (&self->doc, FALSE, cells, numeric);
    }
  _aff_doc_table_end (&self->doc);

  overloads = aff_plan_list_overallocations (self->plan, NULL);
  if (overloads == NULL || overloads->len == 0)
    {
      _aff_doc_paragraph (&self->doc, L ("Aucune ressource n’est chargée au-delà de sa capacité.",
                                         "No resource is loaded beyond its capacity."));
      return;
    }
  _aff_doc_paragraph (&self->doc, L ("Surcharges à lever :", "Overloads to resolve:"));
  for (i = 0; i < overloads->len; i++)
    {
      AffLoad *load = g_ptr_array_index (overloads, i);
      g_autofree char *day = _aff_doc_format_date (lang, aff_load_get_date (load));
      g_autofree char *used = format_hours (aff_load_get_load_minutes (load));
      g_autofree char *capacity = format_hours (aff_load_get_capacity_minutes (load));
      g_autofree char *tasks = join_strv (aff_load_get_task_ids (load));

      g_ptr_array_add (items, g_strdup_printf (L ("%s, %s : %s pour une capacité de %s (%s)",
                                                  "%s, %s: %s for a capacity of %s (%s)"),
                                               aff_load_get_resource_id (load), day, used, capacity, tasks));
    }
  _aff_doc_list (&self->doc, items);
}

static void
write_purchases (ManagementPlan *self)
{
  static const gboolean purchase_numeric[] = { FALSE, FALSE, TRUE, FALSE, FALSE, FALSE, FALSE };
  static const gboolean package_numeric[] = { FALSE, FALSE, FALSE, FALSE, FALSE, FALSE };
  guint lang = self->lang;
  g_autoptr(GPtrArray) purchases = aff_plan_list_purchases (self->plan, NULL);
  g_autoptr(GPtrArray) packages = aff_plan_list_work_packages (self->plan);
  guint i;

  _aff_doc_heading (&self->doc, 2, L ("6. Achats et sous-traitance", "6. Purchases and subcontracting"));
  _aff_doc_heading (&self->doc, 3, L ("Achats", "Purchases"));
  if (purchases == NULL || purchases->len == 0)
    _aff_doc_paragraph (&self->doc, L ("Le plan ne prévoit aucun achat.", "The plan has no purchase."));
  else
    {
      const char *columns[] = {
        L ("Achat", "Purchase"), L ("Fournisseur", "Supplier"), L ("Délai (jours ouvrés)", "Lead time (working days)"),
        L ("Commande au plus tôt", "Order from"), L ("Commande au plus tard", "Order by"),
        L ("Livraison nécessaire le", "Needed by"), L ("Commandé", "Ordered"), NULL
      };

      _aff_doc_paragraph (&self->doc, L ("Commander au plus tard à la date indiquée, sans quoi la fin de l’affaire "
                                         "recule ; les achats les plus urgents d’abord.",
                                         "Order by the date given, or the end of the affair moves back; the most "
                                         "urgent purchases first."));
      _aff_doc_table_begin (&self->doc, columns, purchase_numeric);
      for (i = 0; i < purchases->len; i++)
        {
          AffPurchase *p = g_ptr_array_index (purchases, i);
          AffTask *task = aff_plan_lookup_task (self->plan, aff_purchase_get_task_id (p));
          g_autofree char *ref = task_ref (task);
          g_autofree char *lead = g_strdup_printf ("%u", aff_purchase_get_lead_time_days (p));
          g_autofree char *from = _aff_doc_format_date (lang, aff_purchase_get_earliest_order (p));
          g_autofree char *by = _aff_doc_format_date (lang, aff_purchase_get_order_by (p));
          g_autofree char *needed = _aff_doc_format_date (lang, aff_purchase_get_needed_by (p));
          const char *cells[] = {
            ref, aff_purchase_get_supplier (p) ? aff_purchase_get_supplier (p) : "", lead, from, by, needed,
            aff_purchase_is_ordered (p) ? L ("oui", "yes") : L ("non", "no"), NULL
          };

          _aff_doc_table_row (&self->doc, FALSE, cells, purchase_numeric);
        }
      _aff_doc_table_end (&self->doc);
    }

  _aff_doc_heading (&self->doc, 3, L ("Sous-traitance", "Subcontracting"));
  if (packages->len == 0)
    {
      _aff_doc_paragraph (&self->doc, L ("Aucun lot n’est sous-traité.", "No work package is subcontracted."));
      return;
    }
  {
    const char *columns[] = {
      L ("Lot", "Work package"), L ("Sous-traitant", "Subcontractor"), L ("Dates", "Dates"),
      L ("Attend", "Waits for"), L ("Attendu par", "Awaited by"), NULL
    };

    _aff_doc_paragraph (&self->doc, L ("Les points de coordination sont les tâches d’autres parties que le lot "
                                       "attend, et celles qui l’attendent.",
                                       "The coordination points are the tasks of other parties the package waits "
                                       "for, and those that wait for it."));
    _aff_doc_table_begin (&self->doc, columns, package_numeric);
  }
  for (i = 0; i < packages->len; i++)
    {
      AffWorkPackage *wp = g_ptr_array_index (packages, i);
      AffTask *task = aff_plan_lookup_task (self->plan, aff_work_package_get_task_id (wp));
      g_autofree char *ref = task_ref (task);
      g_autofree char *span = format_span (lang, aff_task_get_early_start (task), aff_task_get_early_finish (task));
      g_autofree char *inputs = join_strv (aff_work_package_get_inputs (wp));
      g_autofree char *outputs = join_strv (aff_work_package_get_outputs (wp));
      const char *cells[] = {
        ref, aff_work_package_get_subcontractor (wp) ? aff_work_package_get_subcontractor (wp) : "",
        span, inputs, outputs, NULL
      };

      _aff_doc_table_row (&self->doc, FALSE, cells, package_numeric);
    }
  _aff_doc_table_end (&self->doc);
}

char *
_aff_inspection_issue_text (guint                     lang,
                            const AffInspectionIssue *issue)
{
  const char *id = aff_inspection_issue_get_task_id (issue);
  const char *needs = aff_inspection_issue_get_required_for (issue);
  int days = aff_inspection_issue_get_days (issue);
  g_autofree char *due = NULL, *late = NULL;

  if (aff_inspection_issue_get_due (issue) != NULL)
    due = _aff_doc_format_date (lang, aff_inspection_issue_get_due (issue));
  late = format_days (lang, days);
  switch (aff_inspection_issue_get_kind (issue))
    {
    case AFF_INSPECTION_ISSUE_KIND_NO_BODY:
      return g_strdup_printf (L ("%s : aucun organisme agréé n’est désigné.", "%s: no accredited body is named."), id);
    case AFF_INSPECTION_ISSUE_KIND_NO_BASIS:
      return g_strdup_printf (L ("%s : aucun référentiel réglementaire n’est indiqué.",
                                 "%s: no regulatory basis is given."), id);
    case AFF_INSPECTION_ISSUE_KIND_REPORT_OVERDUE:
      return g_strdup_printf (L ("%s : le rapport, dû le %s, n’est pas reçu (%s de retard).",
                                 "%s: the report, due on %s, is not received (%s late)."), id, due, late);
    case AFF_INSPECTION_ISSUE_KIND_REPORT_LATE:
      return g_strdup_printf (L ("%s : le rapport, dû le %s, a été reçu avec %s de retard.",
                                 "%s: the report, due on %s, was received %s late."), id, due, late);
    case AFF_INSPECTION_ISSUE_KIND_TOO_LATE:
    default:
      if (days == 0)
        return g_strdup_printf (L ("%s : le rapport est dû le %s, le jour où commence %s, qui en a besoin ; "
                                   "avancer le contrôle ou retarder %s.",
                                   "%s: the report is due on %s, the day %s, which needs it, starts; "
                                   "inspect earlier or start %s later."), id, due, needs, needs);
      return g_strdup_printf (L ("%s : le rapport est dû le %s, %s après le début de %s, qui en a besoin ; "
                                 "avancer le contrôle ou retarder %s.",
                                 "%s: the report is due on %s, %s after %s, which needs it, starts; "
                                 "inspect earlier or start %s later."), id, due, late, needs, needs);
    }
}

static void
write_inspections (ManagementPlan *self)
{
  static const gboolean numeric[] = { FALSE, FALSE, FALSE, FALSE, TRUE, FALSE, FALSE };
  guint lang = self->lang;
  const GDate *start = aff_plan_get_start (self->plan);
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *start_text = _aff_doc_format_date (lang, start);
  g_autofree char *intro = NULL;
  gboolean any = FALSE;
  guint i;

  _aff_doc_heading (&self->doc, 2, L ("7. Contrôles réglementaires", "7. Regulatory inspections"));
  for (i = 0; i < self->tasks->len && !any; i++)
    any = aff_task_get_kind (g_ptr_array_index (self->tasks, i)) == AFF_TASK_KIND_INSPECTION;
  if (!any)
    {
      _aff_doc_paragraph (&self->doc, L ("Le plan ne prévoit aucun contrôle par un organisme agréé.",
                                         "The plan has no inspection by an accredited body."));
      return;
    }
  {
    const char *columns[] = {
      L ("Contrôle", "Inspection"), L ("Organisme", "Body"), L ("Référentiel", "Regulatory basis"),
      L ("Dates", "Dates"), L ("Rapport sous (jours ouvrés)", "Report within (working days)"),
      L ("Rapport dû le", "Report due on"), L ("Requis pour", "Required for"), NULL
    };

    _aff_doc_table_begin (&self->doc, columns, numeric);
  }
  for (i = 0; i < self->tasks->len; i++)
    {
      AffTask *task = g_ptr_array_index (self->tasks, i);
      const GDate *finish = aff_task_get_actual_finish (task);
      g_autofree char *ref = NULL, *span = NULL, *report = NULL, *due_text = NULL;
      g_autoptr(GDate) due = NULL;
      const char *cells[8];

      if (aff_task_get_kind (task) != AFF_TASK_KIND_INSPECTION)
        continue;
      ref = task_ref (task);
      span = format_span (lang, aff_task_get_early_start (task), aff_task_get_early_finish (task));
      report = g_strdup_printf ("%u", aff_task_get_report_days (task));
      due = aff_calendar_add_working_days (aff_plan_get_calendar (self->plan),
                                           finish ? finish : aff_task_get_early_finish (task),
                                           (int) aff_task_get_report_days (task), NULL);
      due_text = due ? _aff_doc_format_date (lang, due) : g_strdup ("");
      cells[0] = ref;
      cells[1] = aff_task_get_party_name (task) ? aff_task_get_party_name (task) : "";
      cells[2] = aff_task_get_regulatory_basis (task) ? aff_task_get_regulatory_basis (task) : "";
      cells[3] = span;
      cells[4] = report;
      cells[5] = due_text;
      cells[6] = aff_task_get_required_for (task) ? aff_task_get_required_for (task) : "";
      cells[7] = NULL;
      _aff_doc_table_row (&self->doc, FALSE, cells, numeric);
    }
  _aff_doc_table_end (&self->doc);

  issues = aff_plan_check_inspections (self->plan, start, NULL);
  if (issues == NULL)
    {
      /* Only an inspection required for a task the plan does not have
       * stops the check. */
      for (i = 0; i < self->tasks->len; i++)
        {
          AffTask *task = g_ptr_array_index (self->tasks, i);
          const char *needs = aff_task_get_required_for (task);
          g_autofree char *missing = NULL;

          if (aff_task_get_kind (task) != AFF_TASK_KIND_INSPECTION || needs == NULL ||
              aff_plan_lookup_task (self->plan, needs) != NULL)
            continue;
          missing = g_strdup_printf (L ("%s est requis pour %s, que le plan n’a pas : le contrôle ne peut être "
                                        "vérifié.",
                                        "%s is required for %s, which the plan does not have: the inspection "
                                        "cannot be checked."), aff_task_get_id (task), needs);
          _aff_doc_paragraph (&self->doc, missing);
        }
      return;
    }
  if (issues->len == 0)
    {
      intro = g_strdup_printf (L ("Vérification au %s, début du plan : aucune anomalie.",
                                  "Check on %s, the start of the plan: nothing to correct."), start_text);
      _aff_doc_paragraph (&self->doc, intro);
      return;
    }
  intro = g_strdup_printf (L ("Vérification au %s, début du plan :", "Check on %s, the start of the plan:"), start_text);
  _aff_doc_paragraph (&self->doc, intro);
  for (i = 0; i < issues->len; i++)
    g_ptr_array_add (items, _aff_inspection_issue_text (lang, g_ptr_array_index (issues, i)));
  _aff_doc_list (&self->doc, items);
}

char *
_aff_dangerous_work_text (guint              lang,
                          AffRegulatoryFlags work)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new ();

  for (guint bit = 0; bit < G_N_ELEMENTS (dangerous_work[0]); bit++)
    if (work & (1u << bit))
      g_ptr_array_add (words, (gpointer) dangerous_work[lang][bit]);
  return join (words, ", ");
}

static void
write_prevention (ManagementPlan *self)
{
  static const gboolean signature_numeric[] = { FALSE, FALSE, FALSE, FALSE };
  guint lang = self->lang;
  AffPreventionPlan *prevention = aff_plan_get_prevention_plan (self->plan);
  g_auto(GStrv) reasons = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) interferences = aff_prevention_plan_get_interferences (prevention);
  g_autoptr(GPtrArray) signatures = aff_prevention_plan_get_signatures (prevention);
  g_autoptr(GPtrArray) coactivities = aff_plan_list_coactivities (self->plan, NULL);
  g_autoptr(GPtrArray) unsigned_parties = g_ptr_array_new ();
  const GDate *inspection = aff_prevention_plan_get_joint_inspection (prevention);
  gboolean required = aff_affair_requires_prevention_plan (self->affair, &reasons);
  guint minutes = 0, n_dangerous = 0, i;
  gboolean on_site_subcontractor = FALSE;

  _aff_doc_heading (&self->doc, 2, L ("8. Plan de prévention", "8. Prevention plan"));

  /* The reasons come as sentences in the process's language: the document
   * says them again in its own, from the tasks. Each dangerous task gives
   * one sentence; one more means the hours reach the threshold. */
  for (i = 0; i < self->tasks->len; i++)
    {
      AffTask *task = g_ptr_array_index (self->tasks, i);
      g_autofree char *ref = NULL, *work = NULL;

      if (!aff_task_is_on_site (task) || aff_task_get_party (task) == AFF_PARTY_CLIENT)
        continue;
      minutes += aff_task_get_effort_minutes (task);
      on_site_subcontractor = on_site_subcontractor || aff_task_get_party (task) == AFF_PARTY_SUBCONTRACTOR;
      if (aff_task_get_party (task) == AFF_PARTY_SUBCONTRACTOR && aff_task_get_party_name (task) != NULL &&
          !aff_prevention_plan_is_signed_by (prevention, aff_task_get_party_name (task)) &&
          !g_ptr_array_find_with_equal_func (unsigned_parties, aff_task_get_party_name (task), g_str_equal, NULL))
        g_ptr_array_add (unsigned_parties, (gpointer) aff_task_get_party_name (task));
      if (aff_task_get_dangerous_work (task) == AFF_REGULATORY_FLAGS_NONE)
        continue;
      n_dangerous++;
      ref = task_ref (task);
      work = _aff_dangerous_work_text (lang, aff_task_get_dangerous_work (task));
      if (aff_task_get_zone (task) != NULL)
        g_ptr_array_add (items, g_strdup_printf (L ("%s, en zone %s : %s", "%s, in zone %s: %s"),
                                                 ref, aff_task_get_zone (task), work));
      else
        g_ptr_array_add (items, g_strdup_printf (L ("%s : %s", "%s: %s"), ref, work));
    }
  if (reasons != NULL && g_strv_length (reasons) > n_dangerous)
    g_ptr_array_add (items, g_strdup (L ("les heures de travail prévues sur le site par l’entreprise et ses "
                                         "sous-traitants atteignent 400 heures sur douze mois",
                                         "the hours the company and its subcontractors plan to work on the site "
                                         "reach 400 within twelve months")));
  {
    g_autofree char *hours = format_hours (minutes);
    g_autofree char *text = g_strdup_printf (L ("Heures de travail prévues sur le site du client par l’entreprise et "
                                                "ses sous-traitants : %s.",
                                                "Hours the company and its subcontractors plan to work on the "
                                                "client’s site: %s."), hours);

    if (required)
      _aff_doc_paragraph (&self->doc, L ("Un plan de prévention écrit est requis (Code du travail, articles R4512-6 "
                                         "et suivants), pour les raisons suivantes :",
                                         "A written prevention plan is required (French labour code, articles "
                                         "R4512-6 and following), for these reasons:"));
    else
      _aff_doc_paragraph (&self->doc, L ("Un plan de prévention écrit n’est pas requis : moins de 400 heures sur le "
                                         "site et aucun travail dangereux ; l’inspection commune préalable reste due "
                                         "avant toute intervention d’une entreprise extérieure.",
                                         "A written prevention plan is not required: under 400 hours on the site "
                                         "and no dangerous work; the joint preliminary inspection is still due "
                                         "before any external company works there."));
    _aff_doc_list (&self->doc, items);
    _aff_doc_paragraph (&self->doc, text);
  }

  _aff_doc_paragraph_begin (&self->doc, NULL);
  if (inspection != NULL)
    {
      g_autofree char *day = _aff_doc_format_date (lang, inspection);
      g_autofree char *who = join_strv (aff_prevention_plan_get_participants (prevention));
      g_autofree char *line = who[0] != '\0' ? g_strdup_printf (L ("%s, avec %s", "%s, with %s"), day, who)
                                             : g_strdup (day);

      _aff_doc_paragraph_line (&self->doc, TRUE, L ("Inspection commune préalable :", "Joint preliminary inspection:"),
                               line);
    }
  else
    _aff_doc_paragraph_line (&self->doc, TRUE, L ("Inspection commune préalable :", "Joint preliminary inspection:"),
                             L ("pas encore tenue", "not held yet"));
  _aff_doc_paragraph_end (&self->doc);

  _aff_doc_heading (&self->doc, 3, L ("Interférences et mesures", "Interferences and measures"));
  if (interferences->len == 0)
    _aff_doc_paragraph (&self->doc, L ("Aucune interférence n’est encore analysée.", "No interference is analysed yet."));
  else
    {
      const char *columns[] = { L ("Zone", "Zone"), L ("Interférence", "Interference"), L ("Mesures", "Measures"), NULL };

      _aff_doc_table_begin (&self->doc, columns, text3);
      for (i = 0; i < interferences->len; i++)
        {
          AffInterference *f = g_ptr_array_index (interferences, i);
          const char *cells[] = {
            aff_interference_get_zone (f) ? aff_interference_get_zone (f) : "",
            aff_interference_get_description (f), aff_interference_get_measures (f), NULL
          };

          _aff_doc_table_row (&self->doc, FALSE, cells, text3);
        }
      _aff_doc_table_end (&self->doc);
    }

  _aff_doc_heading (&self->doc, 3, L ("Co-activités", "Co-activities"));
  if (coactivities == NULL || coactivities->len == 0)
    _aff_doc_paragraph (&self->doc, L ("Aucune partie ne partage une zone du site avec une autre aux mêmes dates.",
                                       "No party shares a zone of the site with another on the same days."));
  else
    {
      const char *columns[] = { L ("Zone", "Zone"), L ("Dates", "Dates"), L ("Tâches", "Tasks"), NULL };

      _aff_doc_table_begin (&self->doc, columns, text3);
      for (i = 0; i < coactivities->len; i++)
        {
          AffCoactivity *c = g_ptr_array_index (coactivities, i);
          AffTask *first = aff_plan_lookup_task (self->plan, aff_coactivity_get_first_task_id (c));
          AffTask *second = aff_plan_lookup_task (self->plan, aff_coactivity_get_second_task_id (c));
          g_autofree char *span = format_span (lang, aff_coactivity_get_from (c), aff_coactivity_get_to (c));
          g_autofree char *a = task_party_label (self, first), *b = task_party_label (self, second);
          g_autofree char *tasks = g_strdup_printf (L ("%s (%s) et %s (%s)", "%s (%s) and %s (%s)"),
                                                    aff_task_get_id (first), a, aff_task_get_id (second), b);
          const char *cells[] = { aff_coactivity_get_zone (c), span, tasks, NULL };

          _aff_doc_table_row (&self->doc, FALSE, cells, text3);
        }
      _aff_doc_table_end (&self->doc);
    }

  _aff_doc_heading (&self->doc, 3, L ("Signatures", "Signatures"));
  if (signatures->len > 0)
    {
      const char *columns[] = { L ("Nom", "Name"), L ("Organisation", "Organisation"), L ("Partie", "Party"),
                                L ("Date", "Date"), NULL };

      _aff_doc_table_begin (&self->doc, columns, signature_numeric);
      for (i = 0; i < signatures->len; i++)
        {
          AffSignature *s = g_ptr_array_index (signatures, i);
          g_autofree char *day = _aff_doc_format_date (lang, aff_signature_get_date (s));
          const char *cells[] = {
            aff_signature_get_name (s), aff_signature_get_organisation (s),
            _aff_party_word (lang, aff_signature_get_party (s)), day, NULL
          };

          _aff_doc_table_row (&self->doc, FALSE, cells, signature_numeric);
        }
      _aff_doc_table_end (&self->doc);
    }
  g_ptr_array_set_size (items, 0);
  g_ptr_array_add (items, g_strdup (aff_prevention_plan_is_signed (prevention)
                                    ? L ("Le plan de prévention est signé par le client et par l’entreprise.",
                                         "The prevention plan is signed by the client and by the company.")
                                    : required
                                    ? L ("Le plan de prévention n’est pas encore signé par le client et par "
                                         "l’entreprise : aucun travail ne peut commencer sur le site.",
                                         "The prevention plan is not signed by the client and by the company yet: "
                                         "no work may start on the site.")
                                    : L ("Le plan de prévention n’est pas signé.", "The prevention plan is not signed.")));
  if (unsigned_parties->len > 0)
    {
      g_autofree char *names = join (unsigned_parties, ", ");

      g_ptr_array_add (items, g_strdup_printf (L ("Sous-traitants à faire signer avant leur intervention : %s.",
                                                  "Subcontractors to sign before they work on the site: %s."), names));
    }
  else if (on_site_subcontractor)
    g_ptr_array_add (items, g_strdup (L ("Chaque sous-traitant intervenant sur le site a signé.",
                                         "Every subcontractor working on the site has signed.")));
  _aff_doc_list (&self->doc, items);
}

/* ---- Communication plan --------------------------------------------------- */

typedef enum {
  EVENT_KICK_OFF,
  EVENT_MILESTONE,
  EVENT_DESIGN_REVIEW,
  EVENT_REPORT,
} EventKind;

typedef struct
{
  GDate date;
  EventKind kind;
  guint order;
  char *what;
  char *who;
} Event;

static void
event_clear (gpointer data)
{
  Event *e = data;

  g_free (e->what);
  g_free (e->who);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *x = a, *y = b;
  int c = g_date_compare (&x->date, &y->date);

  if (c != 0)
    return c;
  if (x->kind != y->kind)
    return (int) x->kind - (int) y->kind;
  return (x->order > y->order) - (x->order < y->order);
}

static void
add_event (GArray      *events,
           const GDate *date,
           EventKind    kind,
           char        *what,
           char        *who)
{
  Event e = { *date, kind, events->len, what, who };

  g_array_append_val (events, e);
}

/* Adds @label to @labels unless it is there already; takes it. */
static void
add_once (GPtrArray *labels,
          char      *label)
{
  if (g_ptr_array_find_with_equal_func (labels, label, g_str_equal, NULL))
    g_free (label);
  else
    g_ptr_array_add (labels, label);
}

/* The first working day of each month from the month after the start to
 * the finish. */
static void
add_monthly_reports (ManagementPlan *self,
                     GArray         *events)
{
  guint lang = self->lang;
  AffCalendar *calendar = aff_plan_get_calendar (self->plan);
  const GDate *start = aff_plan_get_start (self->plan), *finish = self->finish;
  GDate month;

  g_date_clear (&month, 1);
  g_date_set_dmy (&month, 1, g_date_get_month (start), g_date_get_year (start));
  for (g_date_add_months (&month, 1); g_date_compare (&month, finish) <= 0; g_date_add_months (&month, 1))
    {
      g_autoptr(GDate) day = aff_calendar_add_working_days (calendar, &month, 0, NULL);

      if (day == NULL || g_date_compare (day, finish) > 0)
        break;
      add_event (events, day, EVENT_REPORT, g_strdup (L ("Rapport mensuel d’avancement", "Monthly progress report")),
                 first_party_label (self, AFF_PARTY_CLIENT));
    }
}

static void
write_communication (ManagementPlan *self)
{
  guint lang = self->lang;
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  g_autoptr(GPtrArray) everyone = g_ptr_array_new_with_free_func (g_free);
  GListModel *hazards = aff_plan_get_hazards (self->plan);
  guint i, n_hazards = g_list_model_get_n_items (hazards);

  g_array_set_clear_func (events, event_clear);
  _aff_doc_heading (&self->doc, 2, L ("9. Plan de communication", "9. Communication plan"));

  for (i = 0; i < self->parties->len; i++)
    {
      AffPartyTasks *p = g_ptr_array_index (self->parties, i);

      add_once (everyone, party_label (self, aff_party_tasks_get_party (p), aff_party_tasks_get_name (p)));
    }
  add_event (events, aff_plan_get_start (self->plan), EVENT_KICK_OFF,
             g_strdup (L ("Réunion de lancement : revue du plan de management avec le client",
                          "Kick-off meeting: review of the management plan with the client")),
             join (everyone, ", "));

  for (i = 0; i < self->tasks->len; i++)
    {
      AffTask *task = g_ptr_array_index (self->tasks, i);
      g_autoptr(GPtrArray) who = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *ref = NULL;

      if (aff_task_get_kind (task) == AFF_TASK_KIND_MILESTONE)
        {
          /* The company and the client review each milestone, with the
           * party that reaches it. */
          ref = task_ref (task);
          add_once (who, first_party_label (self, AFF_PARTY_INTERNAL));
          add_once (who, first_party_label (self, AFF_PARTY_CLIENT));
          add_once (who, task_party_label (self, task));
          add_event (events, aff_task_get_early_finish (task), EVENT_MILESTONE,
                     g_strdup_printf (L ("Revue de jalon : %s", "Milestone review: %s"), ref), join (who, ", "));
        }
      else if (aff_task_get_kind (task) == AFF_TASK_KIND_DESIGN_REVIEW)
        {
          /* Those who do, approve and are consulted hold the review when
           * the task ends. */
          ref = task_ref (task);
          for (guint k = 0; self->people[k] != NULL; k++)
            {
              AffRaciRole role = aff_task_get_raci (task, self->people[k]);

              if (role == AFF_RACI_ROLE_RESPONSIBLE || role == AFF_RACI_ROLE_ACCOUNTABLE ||
                  role == AFF_RACI_ROLE_CONSULTED)
                add_once (who, g_strdup (self->people[k]));
            }
          if (who->len == 0)
            add_once (who, task_party_label (self, task));
          add_event (events, aff_task_get_early_finish (task), EVENT_DESIGN_REVIEW,
                     g_strdup_printf (L ("Revue de conception : %s", "Design review: %s"), ref), join (who, ", "));
        }
    }
  add_monthly_reports (self, events);
  g_array_sort (events, compare_events);

  {
    const char *columns[] = { L ("Date", "Date"), L ("Événement", "Event"), L ("Participants", "Participants"), NULL };

    _aff_doc_table_begin (&self->doc, columns, text3);
    for (i = 0; i < events->len; i++)
      {
        Event *e = &g_array_index (events, Event, i);
        g_autofree char *day = _aff_doc_format_date (lang, &e->date);
        const char *cells[] = { day, e->what, e->who, NULL };

        _aff_doc_table_row (&self->doc, FALSE, cells, text3);
      }
    _aff_doc_table_end (&self->doc);
  }

  _aff_doc_paragraph (&self->doc, L ("Tout aléa est signalé sans délai aux parties qu’il affecte : celles des tâches "
                                     "qu’il retarde et, dès qu’un jalon glisse ou que la fin contractuelle n’est plus "
                                     "tenue, le client.",
                                     "Every hazard is told at once to the parties it affects: those of the tasks it "
                                     "delays and, as soon as a milestone slips or the contractual end no longer "
                                     "holds, the client."));
  if (n_hazards == 0)
    {
      _aff_doc_paragraph (&self->doc, L ("Aucun aléa n’est enregistré dans le plan.", "No hazard is recorded in the plan."));
      return;
    }
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) assignments = aff_plan_get_assignments (self->plan);

    _aff_doc_paragraph (&self->doc, L ("Aléas enregistrés :", "Hazards recorded:"));
    for (i = 0; i < n_hazards; i++)
      {
        g_autoptr(AffHazard) hazard = g_list_model_get_item (hazards, i);
        g_autoptr(GPtrArray) ids = g_ptr_array_new ();
        g_autoptr(GPtrArray) who = g_ptr_array_new_with_free_func (g_free);
        const char *const *named = aff_hazard_get_task_ids (hazard);
        const char *resource = aff_hazard_get_resource_id (hazard);
        g_autofree char *day = _aff_doc_format_date (lang, aff_hazard_get_date (hazard));
        g_autofree char *effect = NULL, *tasks = NULL, *parties_text = NULL;

        if (resource != NULL)
          {
            g_autofree char *span = format_span (lang, aff_hazard_get_unavailable_from (hazard),
                                                 aff_hazard_get_unavailable_to (hazard));

            effect = g_strdup_printf (L ("ressource %s indisponible %s", "resource %s unavailable %s"), resource, span);
            for (guint k = 0; k < assignments->len; k++)
              {
                AffAssignment *a = g_ptr_array_index (assignments, k);

                if (strcmp (aff_assignment_get_resource_id (a), resource) == 0 &&
                    !g_ptr_array_find_with_equal_func (ids, aff_assignment_get_task_id (a), g_str_equal, NULL))
                  g_ptr_array_add (ids, (gpointer) aff_assignment_get_task_id (a));
              }
          }
        else
          {
            g_autofree char *days = format_days (lang, (int) aff_hazard_get_delay_days (hazard));

            effect = g_strdup_printf (L ("%s de plus", "%s more"), days);
            for (guint k = 0; named != NULL && named[k] != NULL; k++)
              g_ptr_array_add (ids, (gpointer) named[k]);
          }
        for (guint k = 0; k < ids->len; k++)
          {
            AffTask *task = aff_plan_lookup_task (self->plan, g_ptr_array_index (ids, k));

            if (task != NULL)
              add_once (who, task_party_label (self, task));
          }
        tasks = join (ids, ", ");
        parties_text = join (who, ", ");
        g_ptr_array_add (items, g_strdup_printf (L ("%s, %s (cause : %s) : %s ; %s ; tâches %s ; à signaler à %s",
                                                    "%s, %s (cause: %s): %s; %s; tasks %s; to tell %s"),
                                                 aff_hazard_get_id (hazard), day,
                                                 WORD (hazard_causes, aff_hazard_get_cause (hazard)),
                                                 aff_hazard_get_description (hazard) ? aff_hazard_get_description (hazard) : "",
                                                 effect, tasks, parties_text));
      }
    _aff_doc_list (&self->doc, items);
  }
}

/**
 * aff_affair_render_management_plan:
 * @self: an affair
 * @format: the format to write
 * @error: return location for a #GError
 *
 * Writes the project management plan (plan de management de projet) of the
 * affair, ready to review with the client at the kick-off meeting, in the
 * policy's language (see [method@Aff.Policy.set_language]), French by
 * default or when the affair belongs to no portfolio:
 *
 * - the affair's identity: client, contract, amount, signature, lead time
 *   and contractual end;
 * - the organisation: the parties and their tasks
 *   ([method@Aff.Plan.list_parties]) and the RACI matrix, a row for each
 *   person ([method@Aff.Plan.list_people], in alphabetical order whatever
 *   the locale) and a column for each task that gives someone a part;
 * - the deliverables, each with its tasks and the day its last task
 *   finishes;
 * - the schedule: the tasks with their early dates and total float, the
 *   milestones, the critical path ([method@Aff.Plan.get_critical_path]),
 *   the deadlines missed, and the margin to the contractual end;
 * - the risks of the consultation's register, the most critical first, with
 *   their treatment and the tasks that name them
 *   ([method@Aff.Task.get_risk_ids]); an affair outside a portfolio says
 *   the register is not available; then the five most relevant lessons of
 *   other affairs about its activities
 *   ([method@Aff.Portfolio.find_affair_lessons]), when there are any;
 * - the resources, their capacity and assignments, and any overload;
 * - the purchases with their order-by dates
 *   ([method@Aff.Plan.list_purchases]) and the subcontracted work packages
 *   with their coordination points ([method@Aff.Plan.list_work_packages]);
 * - the regulatory inspections with their body, basis and report, and the
 *   issues [method@Aff.Plan.check_inspections] finds on the plan's start
 *   date;
 * - the prevention plan: whether it is required and why
 *   ([method@Aff.Plan.requires_prevention_plan]), the joint inspection, the
 *   interferences, the co-activities ([method@Aff.Plan.list_coactivities])
 *   and the signatures;
 * - the communication plan: the kick-off meeting on the plan's start day, a
 *   review at each milestone, each design review when it ends, a monthly
 *   progress report to the client on the first working day of each month of
 *   the plan's calendar from the month after the start to the finish, and
 *   the rule that every hazard is told to the parties it affects, with the
 *   hazards recorded ([method@Aff.Plan.get_hazards]).
 *
 * Dates are working days of the plan's calendar and are written in full
 * ("1er février 2027"); amounts follow the language's conventions. Nothing
 * depends on the clock or on the process's locale.
 *
 * In HTML the result is a complete standalone page with an A4 print style
 * sheet; in Markdown, CommonMark with pipe tables.
 *
 * Returns: (transfer full): the document, or %NULL with
 *   %AFF_ERROR_INVALID_TRANSITION set when the plan is not scheduled or
 *   changed since it was
 */
char *
aff_affair_render_management_plan (AffAffair          *self,
                                   AffDocumentFormat   format,
                                   GError            **error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) parties_list = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_auto(GStrv) listed = NULL;
  g_autofree char *title = NULL;
  const char *text;
  GListModel *model;
  ManagementPlan mp = { 0 };
  guint lang, i, n;

  g_return_val_if_fail (AFF_IS_AFFAIR (self), NULL);
  g_return_val_if_fail (format == AFF_DOCUMENT_FORMAT_MARKDOWN || format == AFF_DOCUMENT_FORMAT_HTML, NULL);

  mp.affair = self;
  mp.plan = aff_affair_get_plan (self);
  if (!aff_plan_is_scheduled (mp.plan))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                        _("the management plan of affair %s cannot be written: its plan is not scheduled, "
                          "or changed since it was; schedule it first"),
                        aff_affair_get_id (self)), NULL;

  mp.policy = _aff_affair_get_policy (self);
  mp.consultation = _aff_affair_get_consultation (self);
  lang = mp.lang = _aff_language_index (mp.policy ? aff_policy_get_language (mp.policy) : NULL);

  model = aff_plan_get_tasks (mp.plan);
  n = g_list_model_get_n_items (model);
  tasks = g_ptr_array_new_full (n, g_object_unref);
  for (i = 0; i < n; i++)
    g_ptr_array_add (tasks, g_list_model_get_item (model, i));
  mp.tasks = tasks;
  parties_list = aff_plan_list_parties (mp.plan);
  mp.parties = parties_list;
  /* In alphabetical order, accents and case aside, in every locale. */
  listed = aff_plan_list_people (mp.plan);
  mp.people = listed;
  mp.finish = aff_plan_get_finish (mp.plan) ? aff_plan_get_finish (mp.plan) : aff_plan_get_start (mp.plan);

  title = g_strdup_printf (L ("Plan de management de projet, affaire %s", "Project management plan, affair %s"),
                           aff_affair_get_id (self));
  _aff_doc_begin (&mp.doc, format, L ("fr", "en"), title);
  if (mp.policy != NULL && (text = aff_policy_get_presentation (mp.policy, "header")) != NULL)
    {
      _aff_doc_paragraph_begin (&mp.doc, "header");
      _aff_doc_paragraph_text (&mp.doc, TRUE, text);
      _aff_doc_paragraph_end (&mp.doc);
    }
  _aff_doc_heading (&mp.doc, 1, title);
  write_identity (&mp);
  write_organisation (&mp);
  write_deliverables (&mp);
  write_schedule (&mp);
  write_risks (&mp);
  write_resources (&mp);
  write_purchases (&mp);
  write_inspections (&mp);
  write_prevention (&mp);
  write_communication (&mp);
  return _aff_doc_finish (&mp.doc);
}
