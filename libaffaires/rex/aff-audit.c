/* aff-audit.c: the audit of an affair's dossier against the criteria of the
 * role
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "aff-money-private.h"
#include "aff-language-private.h"
#include "aff-doc-private.h"
#include "aff-audit-private.h"

/* The observable criteria of the qualification referential, capability by
 * capability, as a dossier can show them. The order is the report's. */
static const struct
{
  const char *id;
  AffCapability capability;
  const char *title[N_LANGS];
} criteria[] = {
  { "commercial-actions", AFF_CAPABILITY_CLIENTS,
    { "La traçabilité des actions commerciales est assurée", "Commercial actions are traced" } },
  { "client-follow-up", AFF_CAPABILITY_CLIENTS,
    { "Le client est suivi par des contacts réguliers", "The client is followed by regular contacts" } },
  { "satisfaction-survey", AFF_CAPABILITY_CLIENTS,
    { "La satisfaction du client est mesurée après la prestation", "Client satisfaction is surveyed after the work" } },
  { "go-no-go", AFF_CAPABILITY_CLIENTS,
    { "La décision de répondre est évaluée, justifiée et tracée",
      "The decision to bid is evaluated, justified and traced" } },
  { "solvency", AFF_CAPABILITY_CLIENTS,
    { "La solvabilité du client est vérifiée", "The client's solvency is checked" } },
  { "bid-risks", AFF_CAPABILITY_CLIENTS,
    { "Les risques techniques et économiques sont mesurés et traités",
      "Technical and economic risks are measured and treated" } },
  { "offer-on-time", AFF_CAPABILITY_OFFERS,
    { "L'offre est remise dans le délai de la consultation", "The offer is submitted by the consultation's deadline" } },
  { "offer-compliant", AFF_CAPABILITY_OFFERS,
    { "L'offre respecte les directives de l'entreprise et le besoin du client",
      "The offer complies with the company's directives and the client's need" } },
  { "offer-follow-up", AFF_CAPABILITY_OFFERS,
    { "L'offre est relancée méthodiquement jusqu'au contrat", "The offer is followed up methodically until the contract" } },
  { "offer-history", AFF_CAPABILITY_OFFERS,
    { "L'historique de l'offre est archivé", "The offer's history is archived" } },
  { "plan-baseline", AFF_CAPABILITY_ORGANISATION,
    { "Le planning est établi et sa référence figée", "The schedule is built and its baseline saved" } },
  { "milestones", AFF_CAPABILITY_ORGANISATION,
    { "Le planning est jalonné en fonction des risques identifiés", "The schedule has milestones set by the risks" } },
  { "resources", AFF_CAPABILITY_ORGANISATION,
    { "Les ressources sont affectées et dimensionnées", "Resources are assigned and sized" } },
  { "prevention-plan", AFF_CAPABILITY_ORGANISATION,
    { "Le plan de prévention est établi avec l'entreprise utilisatrice",
      "The prevention plan is drawn up with the host company" } },
  { "meetings", AFF_CAPABILITY_COORDINATION,
    { "Les réunions de lancement et de suivi sont tenues et leurs comptes rendus rédigés",
      "Kick-off and follow-up meetings are held and minuted" } },
  { "roles", AFF_CAPABILITY_COORDINATION,
    { "Les tâches et les rôles sont répartis dans l'équipe", "Tasks and roles are allotted in the team" } },
  { "hazards", AFF_CAPABILITY_COORDINATION,
    { "Le planning est adapté aux aléas par des décisions tracées",
      "The schedule is adapted to hazards by recorded decisions" } },
  { "inspections", AFF_CAPABILITY_COORDINATION,
    { "Les inspections sont planifiées et leurs rapports reçus à temps",
      "Inspections are planned and their reports received in time" } },
  { "reports", AFF_CAPABILITY_FOLLOW_UP,
    { "Les rapports de suivi sont rédigés et transmis", "Progress reports are written and sent" } },
  { "documents", AFF_CAPABILITY_FOLLOW_UP,
    { "Le dossier documentaire est tenu à jour", "The document register is kept up to date" } },
  { "client-relation", AFF_CAPABILITY_FOLLOW_UP,
    { "Le client est informé des incidents qui le touchent", "The client is told of the incidents that affect it" } },
  { "actions", AFF_CAPABILITY_FOLLOW_UP,
    { "Les actions décidées sont suivies jusqu'à leur terme", "Actions decided are followed to completion" } },
  { "dashboard", AFF_CAPABILITY_FINANCE,
    { "Le tableau de bord de marge et d'en-cours est renseigné", "The margin and WIP dashboard is kept" } },
  { "drifts", AFF_CAPABILITY_FINANCE,
    { "Les dérives sont analysées et leurs actions correctives justifiées",
      "Drifts are analysed and their corrective actions justified" } },
  { "concordance", AFF_CAPABILITY_FINANCE,
    { "L'avancement physique concorde avec les coûts et la facturation",
      "Physical progress matches costs and billing" } },
  { "budget", AFF_CAPABILITY_FINANCE,
    { "Les objectifs budgétaires sont tenus", "Budget objectives are held" } },
  { "billing", AFF_CAPABILITY_FINANCE,
    { "La facturation suit l'avancement", "Billing follows progress" } },
  { "close-out", AFF_CAPABILITY_FINANCE,
    { "La clôture de l'affaire est réalisée", "The affair is closed out" } },
  { "rex", AFF_CAPABILITY_REX,
    { "Le retour d'expérience est réalisé et validé", "The lessons learned are drawn up and validated" } },
  { "rex-content", AFF_CAPABILITY_REX,
    { "Actions menées, bonnes pratiques, difficultés et solutions sont capitalisées",
      "Actions taken, good practices, difficulties and solutions are recorded" } },
  { "improvements", AFF_CAPABILITY_REX,
    { "Des propositions d'amélioration sont apportées et justifiées", "Improvements are proposed and justified" } },
};

static const char *const capability_titles[][N_LANGS] = {
  { "Développer et gérer un portefeuille clients", "Develop and manage a client portfolio" },
  { "Réaliser et suivre une proposition commerciale", "Build and follow a commercial offer" },
  { "Organiser un projet de réalisation d'une prestation", "Organise the delivery project" },
  { "Coordonner les interventions internes et externes", "Coordinate the internal and external interventions" },
  { "Gérer le suivi opérationnel de l'affaire et sa documentation", "Follow the affair and its documentation" },
  { "Assurer la gestion financière de l'affaire", "Manage the affair's finances" },
  { "Réaliser un retour d'expérience", "Draw the lessons learned" },
};

static const char *const status_words[][N_LANGS] = {
  { "Satisfait", "Met" },
  { "Partiel", "Partial" },
  { "Manquant", "Missing" },
  { "Sans objet", "Not applicable" },
};

/**
 * AffAuditCriterion:
 *
 * One observable criterion of the audit: what the referential asks, what
 * the dossier shows of it ([method@Aff.AuditCriterion.get_evidence]: the
 * journal entries, documents and figures found) and what it lacks
 * ([method@Aff.AuditCriterion.get_missing]).
 */
struct _AffAuditCriterion
{
  char *id;
  AffCapability capability;
  char *title;
  AffAuditStatus status;
  char **evidence;
  char **missing;
};

static AffAuditCriterion *
criterion_new (const char         *id,
               AffCapability       capability,
               const char         *title,
               AffAuditStatus      status,
               const char *const  *evidence,
               const char *const  *missing)
{
  AffAuditCriterion *self = g_new0 (AffAuditCriterion, 1);

  self->id = g_strdup (id);
  self->capability = capability;
  self->title = g_strdup (title);
  self->status = status;
  self->evidence = evidence != NULL ? g_strdupv ((char **) evidence) : g_new0 (char *, 1);
  self->missing = missing != NULL ? g_strdupv ((char **) missing) : g_new0 (char *, 1);
  return self;
}

/**
 * aff_audit_criterion_copy:
 * @self: a criterion
 *
 * Copies a criterion.
 *
 * Returns: (transfer full): a copy of @self
 */
AffAuditCriterion *
aff_audit_criterion_copy (const AffAuditCriterion *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return criterion_new (self->id, self->capability, self->title, self->status,
                        (const char *const *) self->evidence, (const char *const *) self->missing);
}

/**
 * aff_audit_criterion_free:
 * @self: (nullable): a criterion
 *
 * Frees a criterion.
 */
void
aff_audit_criterion_free (AffAuditCriterion *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->title);
  g_strfreev (self->evidence);
  g_strfreev (self->missing);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffAuditCriterion, aff_audit_criterion, aff_audit_criterion_copy, aff_audit_criterion_free)

/**
 * aff_audit_criterion_get_id:
 * @self: a criterion
 *
 * Gets the criterion's id, such as `go-no-go` or `drifts`; the ids are
 * listed with [method@Aff.Portfolio.audit_affair].
 *
 * Returns: the id
 */
const char *
aff_audit_criterion_get_id (const AffAuditCriterion *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id;
}

/**
 * aff_audit_criterion_get_capability:
 * @self: a criterion
 *
 * Gets the capability of the referential the criterion belongs to.
 *
 * Returns: the capability
 */
AffCapability
aff_audit_criterion_get_capability (const AffAuditCriterion *self)
{
  g_return_val_if_fail (self != NULL, AFF_CAPABILITY_CLIENTS);
  return self->capability;
}

/**
 * aff_audit_criterion_get_title:
 * @self: a criterion
 *
 * Gets what the criterion asks, in the policy's language.
 *
 * Returns: the title
 */
const char *
aff_audit_criterion_get_title (const AffAuditCriterion *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

/**
 * aff_audit_criterion_get_status:
 * @self: a criterion
 *
 * Gets what the audit found.
 *
 * Returns: the status
 */
AffAuditStatus
aff_audit_criterion_get_status (const AffAuditCriterion *self)
{
  g_return_val_if_fail (self != NULL, AFF_AUDIT_STATUS_MISSING);
  return self->status;
}

/**
 * aff_audit_criterion_get_evidence:
 * @self: a criterion
 *
 * Gets what the dossier shows for the criterion, one fact a line: the
 * journal entries (by their sequence number), the documents and the
 * figures found. For a criterion that does not apply, why.
 *
 * Returns: (transfer none) (array zero-terminated=1): the evidence
 */
const char *const *
aff_audit_criterion_get_evidence (const AffAuditCriterion *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char *const *) self->evidence;
}

/**
 * aff_audit_criterion_get_missing:
 * @self: a criterion
 *
 * Gets what the dossier lacks for the criterion, one gap a line; empty when
 * it is met.
 *
 * Returns: (transfer none) (array zero-terminated=1): the gaps
 */
const char *const *
aff_audit_criterion_get_missing (const AffAuditCriterion *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char *const *) self->missing;
}

/**
 * AffAudit:
 *
 * The audit of an affair's dossier on a day against the observable
 * criteria of the responsable d'affaires' referential, grouped by its
 * seven capabilities ([method@Aff.Portfolio.audit_affair]): for each, MET,
 * PARTIAL, MISSING or NOT_APPLICABLE, with the evidence found or what is
 * missing, and a score. What trainers and trainees check the exercises
 * with, and what a manager reads before a project review.
 *
 * The score counts 2 points for a criterion met and 1 for a partial one,
 * out of 2 for each criterion that applies: round_half_even(100 × points /
 * (2 × applicable)).
 */
struct _AffAudit
{
  GObject parent_instance;

  char *affair_id;
  char *client_name;
  GDate date;
  guint lang;
  GPtrArray *criteria;   /* AffAuditCriterion, in the table's order */
};

G_DEFINE_FINAL_TYPE (AffAudit, aff_audit, G_TYPE_OBJECT)

static void
aff_audit_finalize (GObject *object)
{
  AffAudit *self = AFF_AUDIT (object);

  g_free (self->affair_id);
  g_free (self->client_name);
  g_ptr_array_unref (self->criteria);
  G_OBJECT_CLASS (aff_audit_parent_class)->finalize (object);
}

static void
aff_audit_class_init (AffAuditClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aff_audit_finalize;
}

static void
aff_audit_init (AffAudit *self)
{
  self->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_audit_criterion_free);
}

AffAudit *
_aff_audit_new (const char  *affair_id,
                const char  *client_name,
                const GDate *date,
                guint        lang)
{
  AffAudit *self = g_object_new (AFF_TYPE_AUDIT, NULL);
  guint i;

  self->affair_id = g_strdup (affair_id);
  self->client_name = g_strdup (client_name);
  self->date = *date;
  self->lang = lang;
  for (i = 0; i < G_N_ELEMENTS (criteria); i++)
    g_ptr_array_add (self->criteria, criterion_new (criteria[i].id, criteria[i].capability,
                                                    criteria[i].title[lang], AFF_AUDIT_STATUS_MISSING, NULL, NULL));
  return self;
}

static char **
take_strv (GPtrArray *lines)
{
  if (lines == NULL)
    return g_new0 (char *, 1);
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}

void
_aff_audit_set (AffAudit       *self,
                const char     *id,
                AffAuditStatus  status,
                GPtrArray      *evidence,
                GPtrArray      *missing)
{
  guint i;

  for (i = 0; i < self->criteria->len; i++)
    {
      AffAuditCriterion *criterion = g_ptr_array_index (self->criteria, i);

      if (strcmp (criterion->id, id) != 0)
        continue;
      criterion->status = status;
      g_strfreev (criterion->evidence);
      g_strfreev (criterion->missing);
      criterion->evidence = take_strv (evidence);
      criterion->missing = take_strv (missing);
      return;
    }
  g_assert_not_reached ();
}

/**
 * aff_audit_get_affair_id:
 * @self: an audit
 *
 * Gets the id of the affair audited.
 *
 * Returns: the affair's id
 */
const char *
aff_audit_get_affair_id (AffAudit *self)
{
  g_return_val_if_fail (AFF_IS_AUDIT (self), NULL);
  return self->affair_id;
}

/**
 * aff_audit_get_date:
 * @self: an audit
 *
 * Gets the day the dossier was audited on.
 *
 * Returns: (transfer none): the date
 */
const GDate *
aff_audit_get_date (AffAudit *self)
{
  g_return_val_if_fail (AFF_IS_AUDIT (self), NULL);
  return &self->date;
}

/**
 * aff_audit_get_criteria:
 * @self: an audit
 *
 * Gets the criteria, capability by capability, in the referential's order.
 *
 * Returns: (transfer container) (element-type AffAuditCriterion): the
 *   criteria
 */
GPtrArray *
aff_audit_get_criteria (AffAudit *self)
{
  GPtrArray *result;
  guint i;

  g_return_val_if_fail (AFF_IS_AUDIT (self), NULL);

  result = g_ptr_array_new_full (self->criteria->len, (GDestroyNotify) aff_audit_criterion_free);
  for (i = 0; i < self->criteria->len; i++)
    g_ptr_array_add (result, aff_audit_criterion_copy (g_ptr_array_index (self->criteria, i)));
  return result;
}

/**
 * aff_audit_lookup_criterion:
 * @self: an audit
 * @id: a criterion's id
 *
 * Finds a criterion by its id.
 *
 * Returns: (transfer none) (nullable): the criterion, or %NULL for an
 *   unknown id
 */
const AffAuditCriterion *
aff_audit_lookup_criterion (AffAudit   *self,
                            const char *id)
{
  guint i;

  g_return_val_if_fail (AFF_IS_AUDIT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (i = 0; i < self->criteria->len; i++)
    {
      AffAuditCriterion *criterion = g_ptr_array_index (self->criteria, i);

      if (strcmp (criterion->id, id) == 0)
        return criterion;
    }
  return NULL;
}

/**
 * aff_audit_count:
 * @self: an audit
 * @status: a status
 *
 * Counts the criteria with @status.
 *
 * Returns: how many criteria have @status
 */
guint
aff_audit_count (AffAudit       *self,
                 AffAuditStatus  status)
{
  guint i, n = 0;

  g_return_val_if_fail (AFF_IS_AUDIT (self), 0);

  for (i = 0; i < self->criteria->len; i++)
    n += ((AffAuditCriterion *) g_ptr_array_index (self->criteria, i))->status == status;
  return n;
}

/* The score of the criteria of @capability, or of all when it is -1;
 * FALSE when none applies. */
static gboolean
score_of (AffAudit *self,
          int       capability,
          guint    *score)
{
  gint64 points = 0, applicable = 0, value = 0;
  guint i;

  for (i = 0; i < self->criteria->len; i++)
    {
      const AffAuditCriterion *criterion = g_ptr_array_index (self->criteria, i);

      if ((capability >= 0 && (int) criterion->capability != capability) ||
          criterion->status == AFF_AUDIT_STATUS_NOT_APPLICABLE)
        continue;
      applicable++;
      points += criterion->status == AFF_AUDIT_STATUS_MET ? 2 : criterion->status == AFF_AUDIT_STATUS_PARTIAL;
    }
  if (applicable == 0)
    return FALSE;
  _aff_round_half_even (points * 100, applicable * 2, &value);
  if (score != NULL)
    *score = (guint) value;
  return TRUE;
}

/**
 * aff_audit_get_score:
 * @self: an audit
 *
 * Gets the summary score: 2 points for each criterion met, 1 for each
 * partial one, out of 2 for each criterion that applies, as a percentage
 * rounded half to even.
 *
 * Returns: the score, from 0 to 100
 */
guint
aff_audit_get_score (AffAudit *self)
{
  guint score = 0;

  g_return_val_if_fail (AFF_IS_AUDIT (self), 0);
  score_of (self, -1, &score);
  return score;
}

/**
 * aff_audit_get_capability_score:
 * @self: an audit
 * @capability: a capability
 * @score: (out) (optional): where to store the score, from 0 to 100
 *
 * Gets the score of one capability, counted as [method@Aff.Audit.get_score]
 * counts them all.
 *
 * Returns: %TRUE with @score set; %FALSE when none of the capability's
 *   criteria applies
 */
gboolean
aff_audit_get_capability_score (AffAudit      *self,
                                AffCapability  capability,
                                guint         *score)
{
  g_return_val_if_fail (AFF_IS_AUDIT (self), FALSE);
  g_return_val_if_fail (capability <= AFF_CAPABILITY_REX, FALSE);
  return score_of (self, (int) capability, score);
}

static char *
join_lines (char **lines,
            guint  lang)
{
  return g_strjoinv (L (" ; ", "; "), lines);
}

/**
 * aff_audit_render:
 * @self: an audit
 * @format: %AFF_DOCUMENT_FORMAT_MARKDOWN or %AFF_DOCUMENT_FORMAT_HTML
 *
 * Writes the audit in the policy's language: the affair, the day, the
 * summary score and the count of each status, then for each capability
 * its score and a table of its criteria with their status, the evidence
 * found and what is missing.
 *
 * Returns: (transfer full): the document
 */
char *
aff_audit_render (AffAudit          *self,
                  AffDocumentFormat  format)
{
  static const gboolean numeric[] = { FALSE, FALSE, FALSE, FALSE };
  g_autofree char *title = NULL, *day = NULL, *summary = NULL;
  guint lang, capability, i;
  AffDoc doc;

  g_return_val_if_fail (AFF_IS_AUDIT (self), NULL);
  g_return_val_if_fail (format == AFF_DOCUMENT_FORMAT_MARKDOWN || format == AFF_DOCUMENT_FORMAT_HTML, NULL);

  lang = self->lang;
  title = g_strdup_printf (L ("Audit du dossier de l'affaire %s", "Audit of the dossier of affair %s"), self->affair_id);
  _aff_doc_begin (&doc, format, L ("fr", "en"), title);
  _aff_doc_heading (&doc, 1, title);
  day = _aff_doc_format_date (lang, &self->date);
  summary = g_strdup_printf (L ("Client %s, dossier audité le %s. Score : %u / 100 ; %u critère(s) satisfait(s), "
                                "%u partiel(s), %u manquant(s), %u sans objet.",
                                "Client %s, dossier audited on %s. Score: %u / 100; %u criteria met, %u partial, "
                                "%u missing, %u not applicable."),
                             self->client_name, day, aff_audit_get_score (self),
                             aff_audit_count (self, AFF_AUDIT_STATUS_MET),
                             aff_audit_count (self, AFF_AUDIT_STATUS_PARTIAL),
                             aff_audit_count (self, AFF_AUDIT_STATUS_MISSING),
                             aff_audit_count (self, AFF_AUDIT_STATUS_NOT_APPLICABLE));
  _aff_doc_paragraph (&doc, summary);

  for (capability = AFF_CAPABILITY_CLIENTS; capability <= AFF_CAPABILITY_REX; capability++)
    {
      const char *columns[] = {
        L ("Critère", "Criterion"), L ("Statut", "Status"), L ("Constats", "Evidence"),
        L ("Manques", "Missing"), NULL
      };
      g_autofree char *heading = NULL;
      guint score;

      if (score_of (self, (int) capability, &score))
        heading = g_strdup_printf ("%u. %s — %u / 100", capability + 1, capability_titles[capability][lang], score);
      else
        heading = g_strdup_printf (L ("%u. %s — sans objet", "%u. %s — not applicable"), capability + 1,
                                   capability_titles[capability][lang]);
      _aff_doc_heading (&doc, 2, heading);
      _aff_doc_table_begin (&doc, columns, numeric);
      for (i = 0; i < self->criteria->len; i++)
        {
          const AffAuditCriterion *criterion = g_ptr_array_index (self->criteria, i);
          g_autofree char *evidence = NULL, *missing = NULL;
          const char *cells[5];

          if (criterion->capability != capability)
            continue;
          evidence = join_lines (criterion->evidence, lang);
          missing = join_lines (criterion->missing, lang);
          cells[0] = criterion->title;
          cells[1] = status_words[criterion->status][lang];
          cells[2] = evidence;
          cells[3] = missing;
          cells[4] = NULL;
          _aff_doc_table_row (&doc, FALSE, cells, numeric);
        }
      _aff_doc_table_end (&doc);
    }
  return _aff_doc_finish (&doc);
}
