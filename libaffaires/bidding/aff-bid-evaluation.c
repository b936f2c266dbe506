/* aff-bid-evaluation.c: the argued go / no-go of a consultation
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-language-private.h"
#include "aff-error.h"
#include "aff-enum-types.h"
#include "aff-money-private.h"
#include "aff-bidding-private.h"

/**
 * AffBidCriterion:
 *
 * One criterion of a go / no-go evaluation: a gate that must pass (blocking,
 * weight 0) or a weighted criterion scored from 0 to 5, with the explanation
 * of its score in words.
 */

/**
 * AffBidEvaluation:
 *
 * The argued go / no-go of a consultation at a date.
 *
 * Eliminatory gates come first: the work is within the company's activities,
 * the client's solvency is assessed, recent and not in distress, the
 * deadline leaves the policy's minimum preparation time, and no critical risk
 * is left without a treatment. Any failing gate makes the verdict NO_GO.
 * Then weighted criteria, each scored from 0 to 5 by a stated rule
 * (strategic fit, past win rate, expected margin against target, risk level,
 * workload against capacity, cost of bidding), give a score out of 100; the
 * policy's thresholds turn it into GO, REVIEW (the management decides) or
 * NO_GO. `docs/rules.md` gives every rule.
 *
 * [method@Aff.BidEvaluation.get_justification] writes the whole reasoning as a
 * text a manager can read and sign, in French by default. Other modules add
 * the lessons of similar past affairs with
 * [method@Aff.BidEvaluation.add_lesson] from the portfolio's
 * [signal@Aff.Portfolio::consultation-evaluated] signal.
 */

struct _AffBidCriterion
{
  char *name;
  guint weight;
  guint score;
  gboolean blocking;
  gboolean passed;
  char *explanations[N_LANGS];
  guint language;
};

static void
criterion_free (AffBidCriterion *self)
{
  guint i;

  if (self == NULL)
    return;
  g_free (self->name);
  for (i = 0; i < N_LANGS; i++)
    g_free (self->explanations[i]);
  g_free (self);
}

/**
 * aff_bid_criterion_copy:
 * @self: a criterion
 *
 * Copies a criterion.
 *
 * Returns: (transfer full): a copy of @self
 */
AffBidCriterion *
aff_bid_criterion_copy (const AffBidCriterion *self)
{
  AffBidCriterion *copy;
  guint i;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->name = g_strdup (self->name);
  for (i = 0; i < N_LANGS; i++)
    copy->explanations[i] = g_strdup (self->explanations[i]);
  return copy;
}

/**
 * aff_bid_criterion_free:
 * @self: (nullable): a criterion
 *
 * Frees a criterion.
 */
void
aff_bid_criterion_free (AffBidCriterion *self)
{
  criterion_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffBidCriterion, aff_bid_criterion, aff_bid_criterion_copy, aff_bid_criterion_free)

/**
 * aff_bid_criterion_get_name:
 * @self: a criterion
 *
 * Gets the criterion's name: `activities`, `solvency`, `deadline`,
 * `critical-risks` for the gates, or a name of
 * [func@Aff.Policy.list_bid_criteria].
 *
 * Returns: the name
 */
const char *
aff_bid_criterion_get_name (const AffBidCriterion *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

/**
 * aff_bid_criterion_get_weight:
 * @self: a criterion
 *
 * Gets the criterion's weight in the score (0 for a gate).
 *
 * Returns: the weight
 */
guint
aff_bid_criterion_get_weight (const AffBidCriterion *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->weight;
}

/**
 * aff_bid_criterion_get_score:
 * @self: a criterion
 *
 * Gets the criterion's score (for a gate, 5 when it passes and 0 otherwise).
 *
 * Returns: the score, from 0 to 5
 */
guint
aff_bid_criterion_get_score (const AffBidCriterion *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->score;
}

/**
 * aff_bid_criterion_is_blocking:
 * @self: a criterion
 *
 * Tells whether the criterion is an eliminatory gate.
 *
 * Returns: whether failing it makes the verdict NO_GO
 */
gboolean
aff_bid_criterion_is_blocking (const AffBidCriterion *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->blocking;
}

/**
 * aff_bid_criterion_get_passed:
 * @self: a criterion
 *
 * Tells whether a gate passed; a weighted criterion passes when it scores
 * above 0.
 *
 * Returns: whether the criterion passed
 */
gboolean
aff_bid_criterion_get_passed (const AffBidCriterion *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->passed;
}

/**
 * aff_bid_criterion_get_explanation:
 * @self: a criterion
 *
 * Gets why the criterion scored what it did, in the policy's language.
 *
 * Returns: the explanation
 */
const char *
aff_bid_criterion_get_explanation (const AffBidCriterion *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->explanations[self->language];
}

struct _AffBidEvaluation
{
  GObject parent_instance;

  char *consultation_id;
  char *title;
  char *client_id;
  char *client_name;
  GDate date;
  AffBidVerdict verdict;
  guint score;
  guint bid_threshold;
  guint review_threshold;
  guint language;
  GPtrArray *criteria;    /* AffBidCriterion */
  GPtrArray *lessons;     /* char *, NULL-terminated */
};

G_DEFINE_FINAL_TYPE (AffBidEvaluation, aff_bid_evaluation, G_TYPE_OBJECT)

static void
aff_bid_evaluation_finalize (GObject *object)
{
  AffBidEvaluation *self = AFF_BID_EVALUATION (object);

  g_free (self->consultation_id);
  g_free (self->title);
  g_free (self->client_id);
  g_free (self->client_name);
  g_ptr_array_unref (self->criteria);
  g_ptr_array_unref (self->lessons);
  G_OBJECT_CLASS (aff_bid_evaluation_parent_class)->finalize (object);
}

static void
aff_bid_evaluation_class_init (AffBidEvaluationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aff_bid_evaluation_finalize;
}

static void
aff_bid_evaluation_init (AffBidEvaluation *self)
{
  g_date_clear (&self->date, 1);
  self->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) criterion_free);
  self->lessons = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->lessons, NULL);
}

/* ---- Writing in two languages ------------------------------------------ */

static char *
format_money (const AffMoney *money,
              guint           language)
{
  return aff_money_format (money, language == LANG_FR ? "fr" : "en");
}

static char *
format_score (double score,
              guint  language)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", score));

  if (language == LANG_FR)
    g_strdelimit (text, ".", ',');
  return text;
}

static char *
format_date (const GDate *date)
{
  return aff_date_to_iso (date);
}

static AffBidCriterion *
criterion_new (const char *name,
               guint       weight,
               gboolean    blocking,
               guint       score,
               char       *fr,
               char       *en)
{
  AffBidCriterion *criterion = g_new0 (AffBidCriterion, 1);

  criterion->name = g_strdup (name);
  criterion->weight = weight;
  criterion->blocking = blocking;
  criterion->score = score;
  criterion->passed = score > 0;
  criterion->explanations[LANG_FR] = fr;
  criterion->explanations[LANG_EN] = en;
  return criterion;
}

/* ---- The gates --------------------------------------------------------- */

static AffBidCriterion *
gate_activities (AffConsultation *consultation,
                 AffPolicy       *policy)
{
  const char * const *needed = aff_consultation_get_activities (consultation);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autofree char *list = g_strjoinv (", ", (char **) needed);
  guint i;

  if (needed[0] == NULL)
    return criterion_new ("activities", 0, TRUE, 0,
                          g_strdup ("les activités que le travail demande ne sont pas indiquées"),
                          g_strdup ("the activities the work needs are not stated"));
  for (i = 0; needed[i] != NULL; i++)
    if (!aff_policy_performs_activity (policy, needed[i]))
      g_string_append_printf (missing, "%s%s", missing->len ? ", " : "", needed[i]);
  if (missing->len > 0)
    return criterion_new ("activities", 0, TRUE, 0,
                          g_strdup_printf ("hors des activités de l'entreprise : %s", missing->str),
                          g_strdup_printf ("outside the company's activities: %s", missing->str));
  return criterion_new ("activities", 0, TRUE, 5,
                        g_strdup_printf ("toutes les activités demandées (%s) sont celles de l'entreprise", list),
                        g_strdup_printf ("every activity needed (%s) is one of the company's", list));
}

static const char *
rating_name (AffSolvencyRating rating,
             guint             language)
{
  static const char *const names[][N_LANGS] = {
    { "saine", "safe" }, { "en zone grise", "grey" }, { "en difficulté", "distress" },
  };
  return names[rating][language];
}

static AffBidCriterion *
gate_solvency (AffClient   *client,
               AffPolicy   *policy,
               const GDate *date)
{
  AffSolvency *assessment = aff_client_get_current_solvency (client, date);
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *score_fr = NULL, *score_en = NULL;
  AffSolvencyRating rating;
  double score = 0;
  const char *model, *validator;

  if (assessment == NULL)
    return criterion_new ("solvency", 0, TRUE, 0,
                          g_strdup ("aucune évaluation de solvabilité du client à cette date ; la demander au service financier"),
                          g_strdup ("no solvency assessment of the client at this date; ask the finance department"));
  when = format_date (aff_solvency_get_date (assessment));
  if (aff_solvency_is_stale (assessment, policy, date))
    return criterion_new ("solvency", 0, TRUE, 0,
                          g_strdup_printf ("l'évaluation du %s a plus de %u jours ; la faire renouveler",
                                           when, aff_policy_get_solvency_max_age_days (policy)),
                          g_strdup_printf ("the assessment of %s is more than %u days old; have it renewed",
                                           when, aff_policy_get_solvency_max_age_days (policy)));
  if (!aff_solvency_compute_rating (assessment, policy, &rating, &error) ||
      !aff_solvency_compute_score (assessment, &score, NULL))
    return criterion_new ("solvency", 0, TRUE, 0,
                          g_strdup_printf ("l'évaluation du %s ne permet pas de conclure : %s", when, error->message),
                          g_strdup_printf ("the assessment of %s is not conclusive: %s", when, error->message));
  model = aff_solvency_get_model (assessment) == AFF_ALTMAN_MODEL_Z_PRIME ? "Z′" : "Z″";
  validator = aff_solvency_get_validated_by (assessment);
  score_fr = format_score (score, LANG_FR);
  score_en = format_score (score, LANG_EN);
  if (rating == AFF_SOLVENCY_RATING_DISTRESS)
    return criterion_new ("solvency", 0, TRUE, 0,
                          g_strdup_printf ("client en difficulté (%s = %s, évaluation du %s)", model, score_fr, when),
                          g_strdup_printf ("client in distress (%s = %s, assessed on %s)", model, score_en, when));
  return criterion_new ("solvency", 0, TRUE, 5,
                        g_strdup_printf ("solvabilité %s (%s = %s, évaluation du %s%s%s)",
                                         rating_name (rating, LANG_FR), model, score_fr, when,
                                         validator ? ", validée par " : "", validator ? validator : ""),
                        g_strdup_printf ("solvency %s (%s = %s, assessed on %s%s%s)",
                                         rating_name (rating, LANG_EN), model, score_en, when,
                                         validator ? ", validated by " : "", validator ? validator : ""));
}

static AffBidCriterion *
gate_deadline (AffConsultation *consultation,
               AffPolicy       *policy,
               const GDate     *date)
{
  int days = g_date_days_between (date, aff_consultation_get_deadline (consultation));
  guint minimum = aff_policy_get_min_preparation_days (policy);
  g_autofree char *deadline = format_date (aff_consultation_get_deadline (consultation));

  if (days < 0 || (guint) days < minimum)
    return criterion_new ("deadline", 0, TRUE, 0,
                          g_strdup_printf ("%d jours jusqu'à la remise du %s, moins que les %u jours nécessaires à une offre sérieuse",
                                           days, deadline, minimum),
                          g_strdup_printf ("%d days until the deadline of %s, fewer than the %u days a proper offer needs",
                                           days, deadline, minimum));
  return criterion_new ("deadline", 0, TRUE, 5,
                        g_strdup_printf ("%d jours jusqu'à la remise du %s (au moins %u demandés)", days, deadline, minimum),
                        g_strdup_printf ("%d days until the deadline of %s (at least %u needed)", days, deadline, minimum));
}

static AffBidCriterion *
gate_critical_risks (const AffRiskSummary *summary)
{
  guint untreated = aff_risk_summary_get_n_untreated_critical (summary);

  if (untreated > 0)
    return criterion_new ("critical-risks", 0, TRUE, 0,
                          g_strdup_printf ("%u risque(s) critique(s) sans traitement décidé", untreated),
                          g_strdup_printf ("%u critical risk(s) without a decided treatment", untreated));
  return criterion_new ("critical-risks", 0, TRUE, 5,
                        g_strdup_printf ("aucun risque critique sans traitement (%u critique(s) traité(s))",
                                         aff_risk_summary_get_count (summary, AFF_RISK_BAND_CRITICAL)),
                        g_strdup_printf ("no critical risk left untreated (%u critical, treated)",
                                         aff_risk_summary_get_count (summary, AFF_RISK_BAND_CRITICAL)));
}

/* ---- The weighted criteria --------------------------------------------- */

static guint
round_score (gint64 numerator,
             gint64 denominator)
{
  gint64 value = 0;

  _aff_round_half_even (numerator, denominator, &value);
  return (guint) CLAMP (value, 0, 5);
}

static AffBidCriterion *
criterion_strategic_fit (AffClient *client,
                         guint      weight)
{
  static const guint scores[] = { 4, 5, 3, 1 };   /* by AffClientStatus */
  static const char *const status_fr[] = { "prospect à développer", "client actif", "client dormant à réactiver", "client perdu" };
  static const char *const status_en[] = { "prospect to develop", "active client", "dormant client to reactivate", "lost client" };
  AffClientStatus status = aff_client_get_status (client);

  return criterion_new ("strategic-fit", weight, FALSE, scores[status],
                        g_strdup (status_fr[status]), g_strdup (status_en[status]));
}

static gboolean
shares_activity (AffConsultation *a,
                 AffConsultation *b)
{
  const char * const *mine = aff_consultation_get_activities (a);
  guint i;

  for (i = 0; mine[i] != NULL; i++)
    if (g_strv_contains (aff_consultation_get_activities (b), mine[i]))
      return TRUE;
  return FALSE;
}

static AffBidCriterion *
criterion_win_rate (AffConsultation         *consultation,
                    AffConsultation * const *consultations,
                    guint                    n,
                    guint                    weight)
{
  guint i, won = 0, lost = 0;

  for (i = 0; i < n; i++)
    {
      AffConsultation *other = consultations[i];
      AffConsultationState state = aff_consultation_get_state (other);

      if (other == consultation ||
          (state != AFF_CONSULTATION_STATE_WON && state != AFF_CONSULTATION_STATE_LOST))
        continue;
      if (g_strcmp0 (aff_consultation_get_client_id (other), aff_consultation_get_client_id (consultation)) != 0 &&
          !shares_activity (consultation, other))
        continue;
      if (state == AFF_CONSULTATION_STATE_WON)
        won++;
      else
        lost++;
    }
  if (won + lost == 0)
    return criterion_new ("win-rate", weight, FALSE, 3,
                          g_strdup ("aucun précédent avec ce client ou ces activités : score neutre"),
                          g_strdup ("no past outcome with this client or these activities: neutral score"));
  return criterion_new ("win-rate", weight, FALSE, round_score (5 * (gint64) won, won + lost),
                        g_strdup_printf ("%u gagnée(s) sur %u consultation(s) comparable(s) conclue(s)", won, won + lost),
                        g_strdup_printf ("%u won of %u comparable consultation(s) concluded", won, won + lost));
}

/* "AFF-1 : 20,00 % → 16,00 % ; AFF-2 : …", at most five then how many more. */
static char *
describe_precedents (GArray *precedents,
                     guint   language)
{
  GString *text = g_string_new (NULL);
  guint i;

  for (i = 0; i < precedents->len && i < 5; i++)
    {
      const AffMarginPrecedent *precedent = &g_array_index (precedents, AffMarginPrecedent, i);
      g_autofree char *offer = _aff_language_rate (language, precedent->offer_rate);
      g_autofree char *final = _aff_language_rate (language, precedent->final_rate);

      g_string_append_printf (text, language == LANG_FR ? "%s%s : %s → %s" : "%s%s: %s → %s",
                              i == 0 ? "" : language == LANG_FR ? " ; " : "; ",
                              precedent->affair_id, offer, final);
    }
  if (precedents->len > 5)
    g_string_append_printf (text, language == LANG_FR ? " ; et %u autre(s)" : "; and %u more", precedents->len - 5);
  return g_string_free (text, FALSE);
}

static char *
format_points (int   basis_points,
               guint language)
{
  int magnitude = ABS (basis_points);

  return g_strdup_printf (language == LANG_FR ? "%s%d,%02d point(s)" : "%s%d.%02d point(s)",
                          basis_points < 0 ? "-" : "", magnitude / 100, magnitude % 100);
}

/* The expected margin, corrected by what similar past affairs did to
 * theirs: their mean erosion from the offer to the close-out is taken off
 * (a mean gain is not added, by prudence), and without an estimate their
 * mean final margin stands for it. */
static char *
explain_margin (int     margin,
                int     retained,
                int     erosion,
                GArray *precedents,
                guint   language)
{
  g_autofree char *m = margin != AFF_MARGIN_RATE_UNSET ? _aff_language_rate (language, margin) : NULL;
  g_autofree char *r = retained != AFF_MARGIN_RATE_UNSET ? _aff_language_rate (language, retained) : NULL;
  g_autofree char *e = format_points (erosion, language), *list = NULL;
  guint n = precedents != NULL ? precedents->len : 0;

  if (n == 0)
    return margin == AFF_MARGIN_RATE_UNSET
           ? g_strdup (language == LANG_FR ? "marge attendue non estimée" : "expected margin not estimated")
           : g_strdup_printf (language == LANG_FR ? "marge attendue %s" : "expected margin %s", m);
  list = describe_precedents (precedents, language);
  if (margin == AFF_MARGIN_RATE_UNSET)
    return g_strdup_printf (language == LANG_FR
                            ? "marge attendue non estimée : %s retenus, moyenne des marges finales de %u affaire(s) comparable(s) (%s)"
                            : "expected margin not estimated: %s retained, the mean final margin of %u comparable affair(s) (%s)",
                            r, n, list);
  if (erosion > 0)
    return g_strdup_printf (language == LANG_FR
                            ? "marge attendue %s, ramenée à %s par l'érosion moyenne de %s de %u affaire(s) comparable(s) entre l'offre et la clôture (%s)"
                            : "expected margin %s, brought down to %s by the mean erosion of %s of %u comparable affair(s) from offer to close-out (%s)",
                            m, r, e, n, list);
  return g_strdup_printf (language == LANG_FR
                          ? "marge attendue %s, maintenue : %u affaire(s) comparable(s) ont tenu leur marge (%s)"
                          : "expected margin %s, kept: %u comparable affair(s) held their margin (%s)",
                          m, n, list);
}

static AffBidCriterion *
criterion_margin (AffConsultation *consultation,
                  AffPolicy       *policy,
                  GArray          *precedents,
                  guint            weight)
{
  int margin = aff_consultation_get_expected_margin_rate (consultation), retained = margin;
  int target = aff_policy_get_target_margin_rate (policy);
  int floor = aff_policy_get_floor_margin_rate (policy);
  g_autofree char *t_fr = NULL, *t_en = NULL, *f_fr = NULL, *f_en = NULL, *e_fr = NULL, *e_en = NULL;
  gint64 erosion = 0, final = 0, erosions = 0, finals = 0;
  guint score, i, n = precedents != NULL ? precedents->len : 0;

  for (i = 0; i < n; i++)
    {
      const AffMarginPrecedent *precedent = &g_array_index (precedents, AffMarginPrecedent, i);

      erosions += (gint64) precedent->offer_rate - precedent->final_rate;
      finals += precedent->final_rate;
    }
  if (n > 0)
    {
      _aff_round_half_even (erosions, n, &erosion);
      _aff_round_half_even (finals, n, &final);
      if (margin == AFF_MARGIN_RATE_UNSET)
        retained = (int) final;
      else if (erosion > 0)
        retained = (int) MAX ((gint64) margin - erosion, -G_MAXINT);
    }
  if (retained == AFF_MARGIN_RATE_UNSET)
    return criterion_new ("margin", weight, FALSE, 2,
                          explain_margin (margin, retained, 0, NULL, LANG_FR),
                          explain_margin (margin, retained, 0, NULL, LANG_EN));
  if (retained >= target)
    score = 5;
  else if (retained <= floor)
    score = 0;
  else
    score = round_score (5 * (gint64) (retained - floor), target - floor);
  e_fr = explain_margin (margin, retained, (int) erosion, precedents, LANG_FR);
  e_en = explain_margin (margin, retained, (int) erosion, precedents, LANG_EN);
  t_fr = _aff_language_rate (LANG_FR, target);
  t_en = _aff_language_rate (LANG_EN, target);
  f_fr = _aff_language_rate (LANG_FR, floor);
  f_en = _aff_language_rate (LANG_EN, floor);
  return criterion_new ("margin", weight, FALSE, score,
                        g_strdup_printf ("%s pour un objectif de %s et un plancher de %s", e_fr, t_fr, f_fr),
                        g_strdup_printf ("%s against a target of %s and a floor of %s", e_en, t_en, f_en));
}

static AffBidCriterion *
criterion_risk (const AffRiskSummary *summary,
                guint                 weight)
{
  static const guint scores[] = { 5, 4, 2, 1 };   /* by AffRiskBand */
  static const char *const band_fr[] = { "faible", "moyen", "élevé", "critique (traité)" };
  static const char *const band_en[] = { "low", "medium", "high", "critical (treated)" };
  AffRiskBand band = aff_risk_summary_get_highest_band (summary);
  guint open = aff_risk_summary_get_n_open (summary);

  if (open == 0)
    return criterion_new ("risk", weight, FALSE, 5,
                          g_strdup ("aucun risque ouvert au registre"),
                          g_strdup ("no open risk in the register"));
  return criterion_new ("risk", weight, FALSE, scores[band],
                        g_strdup_printf ("%u risque(s) ouvert(s), le plus grave de niveau %s", open, band_fr[band]),
                        g_strdup_printf ("%u open risk(s), the worst %s", open, band_en[band]));
}

static AffBidCriterion *
criterion_workload (AffConsultation         *consultation,
                    AffConsultation * const *consultations,
                    guint                    n,
                    AffPolicy               *policy,
                    guint                    weight)
{
  static const guint bands[] = { 60, 75, 85, 95, 105 };
  guint64 load = aff_consultation_get_estimated_hours (consultation), capacity;
  guint i, score;

  for (i = 0; i < n; i++)
    {
      AffConsultation *other = consultations[i];
      AffConsultationState state = aff_consultation_get_state (other);

      if (other != consultation &&
          (state == AFF_CONSULTATION_STATE_GO || state == AFF_CONSULTATION_STATE_OFFER_SENT))
        load += aff_consultation_get_estimated_hours (other);
    }
  capacity = aff_policy_get_capacity_hours (policy);
  if (capacity == 0)
    return criterion_new ("workload", weight, FALSE, 0,
                          g_strdup ("aucune capacité déclarée dans la politique"),
                          g_strdup ("the policy declares no capacity"));
  for (score = 5, i = 0; i < G_N_ELEMENTS (bands) && 100 * load > bands[i] * capacity; i++)
    score--;
  return criterion_new ("workload", weight, FALSE, score,
                        g_strdup_printf ("%" G_GUINT64_FORMAT " h engagées ou en jeu avec celle-ci, pour une capacité de %"
                                         G_GUINT64_FORMAT " h", load, capacity),
                        g_strdup_printf ("%" G_GUINT64_FORMAT " h committed or at stake with this one, for a capacity of %"
                                         G_GUINT64_FORMAT " h", load, capacity));
}

static AffBidCriterion *
criterion_bid_cost (AffConsultation *consultation,
                    guint            weight)
{
  static const gint64 bands[] = { 100, 200, 300, 500, 800 };
  const AffMoney *cost = aff_consultation_get_bid_cost (consultation);
  const AffMoney *value = aff_consultation_get_estimated_value (consultation);
  g_autofree char *c_fr = NULL, *c_en = NULL, *v_fr = NULL, *v_en = NULL, *r_fr = NULL, *r_en = NULL;
  gint64 ratio = 0;
  guint score, i;

  if (cost == NULL || value == NULL || aff_money_is_negative (cost) ||
      aff_money_is_negative (value) || aff_money_is_zero (value) ||
      strcmp (aff_money_get_currency (cost), aff_money_get_currency (value)) != 0)
    return criterion_new ("bid-cost", weight, FALSE, 3,
                          g_strdup ("coût de la réponse ou valeur estimée inconnus : score neutre"),
                          g_strdup ("bid cost or estimated value unknown: neutral score"));
  _aff_round_half_even ((AffInt128) _aff_money_minor (cost) * 10000, _aff_money_minor (value), &ratio);
  for (score = 5, i = 0; i < G_N_ELEMENTS (bands) && ratio > bands[i]; i++)
    score--;
  c_fr = format_money (cost, LANG_FR);
  c_en = format_money (cost, LANG_EN);
  v_fr = format_money (value, LANG_FR);
  v_en = format_money (value, LANG_EN);
  r_fr = _aff_language_rate (LANG_FR, (int) CLAMP (ratio, -G_MAXINT, G_MAXINT));
  r_en = _aff_language_rate (LANG_EN, (int) CLAMP (ratio, -G_MAXINT, G_MAXINT));
  return criterion_new ("bid-cost", weight, FALSE, score,
                        g_strdup_printf ("répondre coûte %s pour une affaire estimée à %s, soit %s", c_fr, v_fr, r_fr),
                        g_strdup_printf ("bidding costs %s for an affair estimated at %s, that is %s", c_en, v_en, r_en));
}

/**
 * aff_bid_evaluation_compute:
 * @consultation: the consultation to evaluate
 * @client: the client that consults
 * @policy: the company's directives
 * @consultations: (nullable): every consultation of the portfolio (a list
 *   model of [class@Aff.Consultation]), for the past win rate and the
 *   current workload
 * @date: the day of the evaluation
 * @error: return location for a #GError
 *
 * Evaluates a consultation as `docs/rules.md` describes. This is the engine
 * behind [method@Aff.Portfolio.evaluate_consultation], which also records the
 * evaluation; calling it directly records nothing (what-if studies).
 *
 * Returns: (transfer full): the evaluation, or %NULL with
 *   %AFF_ERROR_INVALID_VALUE (the client is not the consultation's, invalid
 *   date) or %AFF_ERROR_CURRENCY_MISMATCH (a risk exposure not in the policy
 *   currency) set
 */
AffBidEvaluation *
aff_bid_evaluation_compute (AffConsultation  *consultation,
                            AffClient        *client,
                            AffPolicy        *policy,
                            GListModel       *consultations,
                            const GDate      *date,
                            GError          **error)
{
  g_autoptr(GPtrArray) items = NULL;
  guint i, n;

  g_return_val_if_fail (consultations == NULL || G_IS_LIST_MODEL (consultations), NULL);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  n = consultations != NULL ? g_list_model_get_n_items (consultations) : 0;
  /* Both criteria that read the others walk them: once, here. */
  for (i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (consultations, i));
  return _aff_bid_evaluation_compute (consultation, client, policy, (AffConsultation * const *) items->pdata,
                                      items->len, NULL, date, error);
}

AffBidEvaluation *
_aff_bid_evaluation_compute (AffConsultation         *consultation,
                             AffClient               *client,
                             AffPolicy               *policy,
                             AffConsultation * const *consultations,
                             guint                    n_consultations,
                             GArray                  *precedents,
                             const GDate             *date,
                             GError                 **error)
{
  g_autoptr(AffBidEvaluation) self = NULL;
  g_autoptr(AffRiskSummary) summary = NULL;
  const char * const *names = aff_policy_list_bid_criteria ();
  gint64 sum = 0, weights = 0, score = 0;
  gboolean gates_passed = TRUE;
  guint i;

  g_return_val_if_fail (AFF_IS_CONSULTATION (consultation), NULL);
  g_return_val_if_fail (AFF_IS_CLIENT (client), NULL);
  g_return_val_if_fail (AFF_IS_POLICY (policy), NULL);
  g_return_val_if_fail (consultations != NULL || n_consultations == 0, NULL);
  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("consultation %s: the evaluation needs a valid date"),
                        aff_consultation_get_id (consultation)), NULL;
  if (g_strcmp0 (aff_client_get_id (client), aff_consultation_get_client_id (consultation)) != 0)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("consultation %s is from client %s, not %s"), aff_consultation_get_id (consultation),
                        aff_consultation_get_client_id (consultation), aff_client_get_id (client)), NULL;
  summary = aff_risk_register_summarize (aff_consultation_get_risk_register (consultation), policy, 3, error);
  if (summary == NULL)
    return NULL;

  self = g_object_new (AFF_TYPE_BID_EVALUATION, NULL);
  self->consultation_id = g_strdup (aff_consultation_get_id (consultation));
  self->title = g_strdup (aff_consultation_get_title (consultation));
  self->client_id = g_strdup (aff_client_get_id (client));
  self->client_name = g_strdup (aff_client_get_name (client));
  self->date = *date;
  self->bid_threshold = aff_policy_get_bid_threshold (policy);
  self->review_threshold = aff_policy_get_review_threshold (policy);
  self->language = _aff_language_index (aff_policy_get_language (policy));

  g_ptr_array_add (self->criteria, gate_activities (consultation, policy));
  g_ptr_array_add (self->criteria, gate_solvency (client, policy, date));
  g_ptr_array_add (self->criteria, gate_deadline (consultation, policy, date));
  g_ptr_array_add (self->criteria, gate_critical_risks (summary));
  g_ptr_array_add (self->criteria, criterion_strategic_fit (client, aff_policy_get_bid_weight (policy, names[0])));
  g_ptr_array_add (self->criteria, criterion_win_rate (consultation, consultations, n_consultations,
                                                       aff_policy_get_bid_weight (policy, names[1])));
  g_ptr_array_add (self->criteria, criterion_margin (consultation, policy, precedents,
                                                     aff_policy_get_bid_weight (policy, names[2])));
  g_ptr_array_add (self->criteria, criterion_risk (summary, aff_policy_get_bid_weight (policy, names[3])));
  g_ptr_array_add (self->criteria, criterion_workload (consultation, consultations, n_consultations, policy,
                                                       aff_policy_get_bid_weight (policy, names[4])));
  g_ptr_array_add (self->criteria, criterion_bid_cost (consultation, aff_policy_get_bid_weight (policy, names[5])));

  for (i = 0; i < self->criteria->len; i++)
    {
      AffBidCriterion *criterion = g_ptr_array_index (self->criteria, i);

      criterion->language = self->language;
      if (criterion->blocking)
        gates_passed = gates_passed && criterion->passed;
      else
        {
          sum += (gint64) criterion->weight * criterion->score;
          weights += criterion->weight;
        }
    }
  if (weights > 0)
    _aff_round_half_even ((AffInt128) sum * 100, weights * 5, &score);
  self->score = (guint) score;

  if (!gates_passed || self->score < self->review_threshold)
    self->verdict = AFF_BID_VERDICT_NO_GO;
  else if (self->score >= self->bid_threshold)
    self->verdict = AFF_BID_VERDICT_GO;
  else
    self->verdict = AFF_BID_VERDICT_REVIEW;
  return g_steal_pointer (&self);
}

/**
 * aff_bid_evaluation_get_consultation_id:
 * @self: an evaluation
 *
 * Gets the id of the consultation evaluated.
 *
 * Returns: the consultation's id
 */
const char *
aff_bid_evaluation_get_consultation_id (AffBidEvaluation *self)
{
  g_return_val_if_fail (AFF_IS_BID_EVALUATION (self), NULL);
  return self->consultation_id;
}

/**
 * aff_bid_evaluation_get_date:
 * @self: an evaluation
 *
 * Gets the day of the evaluation.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_bid_evaluation_get_date (AffBidEvaluation *self)
{
  g_return_val_if_fail (AFF_IS_BID_EVALUATION (self), NULL);
  return &self->date;
}

/**
 * aff_bid_evaluation_get_verdict:
 * @self: an evaluation
 *
 * Gets the verdict.
 *
 * Returns: GO, REVIEW or NO_GO
 */
AffBidVerdict
aff_bid_evaluation_get_verdict (AffBidEvaluation *self)
{
  g_return_val_if_fail (AFF_IS_BID_EVALUATION (self), AFF_BID_VERDICT_NO_GO);
  return self->verdict;
}

/**
 * aff_bid_evaluation_get_score:
 * @self: an evaluation
 *
 * Gets the score of the weighted criteria, normalised to 100.
 *
 * Returns: the score, from 0 to 100
 */
guint
aff_bid_evaluation_get_score (AffBidEvaluation *self)
{
  g_return_val_if_fail (AFF_IS_BID_EVALUATION (self), 0);
  return self->score;
}

/**
 * aff_bid_evaluation_get_criteria:
 * @self: an evaluation
 *
 * Gets the criteria: the four gates, then the weighted criteria in the order
 * of [func@Aff.Policy.list_bid_criteria].
 *
 * Returns: (transfer container) (element-type AffBidCriterion): the criteria
 */
GPtrArray *
aff_bid_evaluation_get_criteria (AffBidEvaluation *self)
{
  GPtrArray *copy;
  guint i;

  g_return_val_if_fail (AFF_IS_BID_EVALUATION (self), NULL);

  copy = g_ptr_array_new_full (self->criteria->len, (GDestroyNotify) criterion_free);
  for (i = 0; i < self->criteria->len; i++)
    g_ptr_array_add (copy, aff_bid_criterion_copy (g_ptr_array_index (self->criteria, i)));
  return copy;
}

/**
 * aff_bid_evaluation_lookup_criterion:
 * @self: an evaluation
 * @name: a criterion name
 *
 * Looks a criterion up by name.
 *
 * Returns: (transfer none) (nullable): the criterion, or %NULL
 */
const AffBidCriterion *
aff_bid_evaluation_lookup_criterion (AffBidEvaluation *self,
                                     const char       *name)
{
  guint i;

  g_return_val_if_fail (AFF_IS_BID_EVALUATION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (i = 0; i < self->criteria->len; i++)
    {
      AffBidCriterion *criterion = g_ptr_array_index (self->criteria, i);

      if (strcmp (criterion->name, name) == 0)
        return criterion;
    }
  return NULL;
}

/**
 * aff_bid_evaluation_add_lesson:
 * @self: an evaluation
 * @lesson: a lesson of a similar past affair, in words
 *
 * Adds a lesson to show with the evaluation. The REX module does it from
 * [signal@Aff.Portfolio::consultation-evaluated].
 */
void
aff_bid_evaluation_add_lesson (AffBidEvaluation *self,
                               const char       *lesson)
{
  g_return_if_fail (AFF_IS_BID_EVALUATION (self));
  g_return_if_fail (lesson != NULL);

  g_ptr_array_insert (self->lessons, self->lessons->len - 1, g_strdup (lesson));
}

/**
 * aff_bid_evaluation_get_lessons:
 * @self: an evaluation
 *
 * Gets the lessons added to the evaluation.
 *
 * Returns: (array zero-terminated=1) (transfer none): the lessons
 */
const char * const *
aff_bid_evaluation_get_lessons (AffBidEvaluation *self)
{
  g_return_val_if_fail (AFF_IS_BID_EVALUATION (self), NULL);
  return (const char * const *) self->lessons->pdata;
}

static const char *
criterion_label (const char *name,
                 guint       language)
{
  static const char *const labels[][3] = {
    { "activities", "Activités", "Activities" },
    { "solvency", "Solvabilité du client", "Client solvency" },
    { "deadline", "Délai de préparation", "Preparation time" },
    { "critical-risks", "Risques critiques", "Critical risks" },
    { "strategic-fit", "Adéquation stratégique", "Strategic fit" },
    { "win-rate", "Taux de réussite passé", "Past win rate" },
    { "margin", "Marge attendue", "Expected margin" },
    { "risk", "Niveau de risque", "Risk level" },
    { "workload", "Charge de travail", "Workload" },
    { "bid-cost", "Coût de la réponse", "Cost of bidding" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (labels); i++)
    if (strcmp (labels[i][0], name) == 0)
      return labels[i][1 + language];
  return name;
}

/**
 * aff_bid_evaluation_render_justification:
 * @self: an evaluation
 * @language: `fr` or `en`; anything else gives French
 *
 * Writes the evaluation as an argued text: the consultation, the verdict and
 * score against the thresholds, every gate and criterion with its reason,
 * the conclusion, and the lessons of similar affairs.
 *
 * Returns: (transfer full): the justification
 */
char *
aff_bid_evaluation_render_justification (AffBidEvaluation *self,
                                         const char       *language)
{
  static const char *const verdicts[][N_LANGS] = {
    { "GO — répondre", "GO — bid" },
    { "À EXAMINER — la direction décide", "REVIEW — the management decides" },
    { "NO GO — ne pas répondre", "NO GO — do not bid" },
  };
  guint lang = _aff_language_index (language);
  g_autofree char *date = NULL;
  g_autoptr(GString) failed = g_string_new (NULL);
  GString *text;
  guint i;

  g_return_val_if_fail (AFF_IS_BID_EVALUATION (self), NULL);

  date = format_date (&self->date);
  text = g_string_new (NULL);
  g_string_append_printf (text, L ("Consultation %s « %s » — client %s (%s)\n",
                                             "Consultation %s “%s” — client %s (%s)\n"),
                          self->consultation_id, self->title, self->client_name, self->client_id);
  g_string_append_printf (text, L ("Évaluation du %s : %s, score %u/100 (réponse à partir de %u, examen par la direction à partir de %u).\n",
                                             "Evaluated on %s: %s, score %u/100 (bid from %u, management review from %u).\n"),
                          date, verdicts[self->verdict][lang], self->score, self->bid_threshold, self->review_threshold);

  g_string_append (text, L ("\nCritères éliminatoires :\n", "\nEliminatory gates:\n"));
  for (i = 0; i < self->criteria->len; i++)
    {
      AffBidCriterion *criterion = g_ptr_array_index (self->criteria, i);

      if (!criterion->blocking)
        continue;
      g_string_append_printf (text, L ("- %s : %s — %s.\n", "- %s: %s — %s.\n"),
                              criterion_label (criterion->name, lang),
                              criterion->passed ? L ("satisfait", "passed")
                                                : L ("NON SATISFAIT", "FAILED"),
                              criterion->explanations[lang]);
      if (!criterion->passed)
        g_string_append_printf (failed, "%s%s", failed->len ? ", " : "", criterion_label (criterion->name, lang));
    }

  g_string_append (text, L ("\nCritères pondérés :\n", "\nWeighted criteria:\n"));
  for (i = 0; i < self->criteria->len; i++)
    {
      AffBidCriterion *criterion = g_ptr_array_index (self->criteria, i);

      if (criterion->blocking)
        continue;
      g_string_append_printf (text, L ("- %s (poids %u) : %u/5 — %s.\n", "- %s (weight %u): %u/5 — %s.\n"),
                              criterion_label (criterion->name, lang), criterion->weight, criterion->score,
                              criterion->explanations[lang]);
    }

  g_string_append (text, L ("\nConclusion : ", "\nConclusion: "));
  if (failed->len > 0)
    g_string_append_printf (text, L ("critère(s) éliminatoire(s) non satisfait(s) (%s) : ne pas répondre en l'état.\n",
                                               "eliminatory gate(s) failed (%s): do not bid as things stand.\n"),
                            failed->str);
  else if (self->verdict == AFF_BID_VERDICT_GO)
    g_string_append (text, L ("le score atteint le seuil de réponse : répondre.\n",
                                        "the score reaches the bid threshold: bid.\n"));
  else if (self->verdict == AFF_BID_VERDICT_REVIEW)
    g_string_append (text, L ("le score est entre le seuil d'examen et le seuil de réponse : la direction décide.\n",
                                        "the score lies between the review and bid thresholds: the management decides.\n"));
  else
    g_string_append (text, L ("le score est sous le seuil d'examen : ne pas répondre.\n",
                                        "the score is below the review threshold: do not bid.\n"));

  if (self->lessons->len > 1)
    {
      g_string_append (text, L ("\nEnseignements d'affaires similaires :\n",
                                          "\nLessons from similar affairs:\n"));
      for (i = 0; i + 1 < self->lessons->len; i++)
        g_string_append_printf (text, "- %s\n", (char *) g_ptr_array_index (self->lessons, i));
    }
  return g_string_free (text, FALSE);
}

/**
 * aff_bid_evaluation_get_justification:
 * @self: an evaluation
 *
 * Writes the evaluation as an argued text in the policy's language (French
 * by default); see [method@Aff.BidEvaluation.render_justification].
 *
 * Returns: (transfer full): the justification
 */
char *
aff_bid_evaluation_get_justification (AffBidEvaluation *self)
{
  g_return_val_if_fail (AFF_IS_BID_EVALUATION (self), NULL);
  return aff_bid_evaluation_render_justification (self, self->language == LANG_EN ? "en" : "fr");
}
