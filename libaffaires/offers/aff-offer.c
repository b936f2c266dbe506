/* aff-offer.c: a commercial offer answering a consultation
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-enum-types.h"
#include "aff-money-private.h"
#include "aff-offers-private.h"
#include "aff-offer.h"
#include "aff-bidding-private.h"

/**
 * AffOfferCheck:
 *
 * One problem found by [method@Aff.Offer.check]: what it is and, in words,
 * where.
 */

struct _AffOfferCheck
{
  AffOfferProblem problem;
  char *message;
};

/**
 * aff_offer_check_copy:
 * @self: a problem
 *
 * Copies a problem.
 *
 * Returns: (transfer full): a copy of @self
 */
AffOfferCheck *
aff_offer_check_copy (const AffOfferCheck *self)
{
  AffOfferCheck *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_new (AffOfferCheck, 1);
  copy->problem = self->problem;
  copy->message = g_strdup (self->message);
  return copy;
}

/**
 * aff_offer_check_free:
 * @self: (nullable): a problem
 *
 * Frees a problem.
 */
void
aff_offer_check_free (AffOfferCheck *self)
{
  if (self == NULL)
    return;
  g_free (self->message);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffOfferCheck, aff_offer_check, aff_offer_check_copy, aff_offer_check_free)

/**
 * aff_offer_check_get_problem:
 * @self: a problem
 *
 * Gets what the problem is.
 *
 * Returns: the problem
 */
AffOfferProblem
aff_offer_check_get_problem (const AffOfferCheck *self)
{
  g_return_val_if_fail (self != NULL, AFF_OFFER_PROBLEM_NO_LINES);
  return self->problem;
}

/**
 * aff_offer_check_get_message:
 * @self: a problem
 *
 * Gets the problem in words, naming the item at fault.
 *
 * Returns: the message
 */
const char *
aff_offer_check_get_message (const AffOfferCheck *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->message;
}

/**
 * AffOffer:
 *
 * A commercial offer answering a consultation: its revisions (A, B, C…),
 * each priced from cost ([class@Aff.OfferRevision]), and where it stands
 * ([enum@Aff.OfferState]).
 *
 * Before sending, [method@Aff.Offer.check] lists every problem: no line, the
 * consultation not decided GO or its deadline passed, a margin below the
 * policy floor without the management's approval
 * ([method@Aff.Offer.approve]), a requirement of the specification that no
 * line answers, a validity missing or shorter than the policy minimum,
 * dangerous work not acknowledged by a note. [method@Aff.Offer.send] refuses
 * while any remains; sending freezes the revision, moves the consultation to
 * OFFER_SENT and is journaled. [method@Aff.Offer.revise] starts the next draft
 * from the revision sent.
 */

struct _AffOffer
{
  GObject parent_instance;

  char *id;
  char *consultation_id;
  AffOfferState state;
  GListStore *revisions;
  GDate sent;
  GDate closed;
  AffLossReason loss_reason;
  char *contract_reference;
  AffClient *client;               /* set by the portfolio, not a reference */
  AffConsultation *consultation;   /* set by the portfolio, not a reference */
  AffPolicy *policy;               /* set by the portfolio, not a reference */
  AffTrack track;
};

G_DEFINE_FINAL_TYPE (AffOffer, aff_offer, G_TYPE_OBJECT)

static void
append_revision (AffOffer         *self,
                 AffOfferRevision *revision)
{
  _aff_offer_revision_set_offer (revision, self);
  g_list_store_append (self->revisions, revision);
}

static void
aff_offer_dispose (GObject *object)
{
  g_clear_object (&AFF_OFFER (object)->revisions);
  G_OBJECT_CLASS (aff_offer_parent_class)->dispose (object);
}

static void
aff_offer_finalize (GObject *object)
{
  AffOffer *self = AFF_OFFER (object);

  g_free (self->id);
  g_free (self->consultation_id);
  g_free (self->contract_reference);
  _aff_track_clear (&self->track);
  G_OBJECT_CLASS (aff_offer_parent_class)->finalize (object);
}

enum {
  ACCEPTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
aff_offer_class_init (AffOfferClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aff_offer_dispose;
  object_class->finalize = aff_offer_finalize;

  /**
   * AffOffer::accepted:
   * @self: the offer
   *
   * Emitted when the client accepted the offer
   * ([method@Aff.Offer.accept]); the portfolio that owns the offer creates
   * the affair.
   */
  signals[ACCEPTED] =
    g_signal_new ("accepted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
aff_offer_init (AffOffer *self)
{
  self->revisions = g_list_store_new (AFF_TYPE_OFFER_REVISION);
  g_date_clear (&self->sent, 1);
  g_date_clear (&self->closed, 1);
  self->loss_reason = AFF_LOSS_REASON_OTHER;
}

/**
 * aff_offer_new:
 * @id: the offer's id, unique in the portfolio
 * @consultation_id: the id of the consultation it answers
 *
 * Creates an offer; [method@Aff.Portfolio.add_offer] gives it its first
 * draft revision, A, priced with the portfolio's policy.
 *
 * Returns: (transfer full): a new offer
 */
AffOffer *
aff_offer_new (const char *id,
               const char *consultation_id)
{
  AffOffer *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (consultation_id != NULL, NULL);

  self = g_object_new (AFF_TYPE_OFFER, NULL);
  self->id = g_strdup (id);
  self->consultation_id = g_strdup (consultation_id);
  return self;
}

/**
 * aff_offer_get_id:
 * @self: an offer
 *
 * Gets the offer's id.
 *
 * Returns: the id
 */
const char *
aff_offer_get_id (AffOffer *self)
{
  g_return_val_if_fail (AFF_IS_OFFER (self), NULL);
  return self->id;
}

/**
 * aff_offer_get_consultation_id:
 * @self: an offer
 *
 * Gets the id of the consultation the offer answers.
 *
 * Returns: the consultation's id
 */
const char *
aff_offer_get_consultation_id (AffOffer *self)
{
  g_return_val_if_fail (AFF_IS_OFFER (self), NULL);
  return self->consultation_id;
}

/**
 * aff_offer_get_state:
 * @self: an offer
 *
 * Gets where the offer stands.
 *
 * Returns: the state
 */
AffOfferState
aff_offer_get_state (AffOffer *self)
{
  g_return_val_if_fail (AFF_IS_OFFER (self), AFF_OFFER_STATE_DRAFT);
  return self->state;
}

/**
 * aff_offer_get_revisions:
 * @self: an offer
 *
 * Gets every revision, the first (A) first; none is ever dropped.
 *
 * Returns: (transfer none): a list model of [class@Aff.OfferRevision]
 */
GListModel *
aff_offer_get_revisions (AffOffer *self)
{
  g_return_val_if_fail (AFF_IS_OFFER (self), NULL);
  return G_LIST_MODEL (self->revisions);
}

/**
 * aff_offer_get_current_revision:
 * @self: an offer
 *
 * Gets the latest revision: the draft being prepared, or the last one sent.
 *
 * Returns: (transfer none) (nullable): the current revision, or %NULL before
 *   the offer is in a portfolio
 */
AffOfferRevision *
aff_offer_get_current_revision (AffOffer *self)
{
  g_autoptr(AffOfferRevision) last = NULL;
  guint n;

  g_return_val_if_fail (AFF_IS_OFFER (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->revisions));
  if (n == 0)
    return NULL;
  last = g_list_model_get_item (G_LIST_MODEL (self->revisions), n - 1);
  return last;   /* the store keeps it alive */
}

/* A, B… Z, then AA, AB…: the letters offices use for document revisions. */
static char *
next_letter (const char *letter)
{
  gsize len = strlen (letter);
  char *next = g_strdup (letter);
  gssize i;

  for (i = (gssize) len - 1; i >= 0; i--)
    {
      if (next[i] != 'Z')
        {
          next[i]++;
          return next;
        }
      next[i] = 'A';
    }
  g_free (next);
  return g_strconcat ("A", letter, NULL);
}

static gboolean
require_portfolio (AffOffer  *self,
                   GError   **error)
{
  if (self->consultation == NULL || self->policy == NULL)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                        _("offer %s is not in a portfolio yet"), self->id), FALSE;
  return TRUE;
}

/**
 * aff_offer_revise:
 * @self: an offer whose current revision was sent
 * @error: return location for a #GError
 *
 * Starts the next draft revision from the one sent: same lines and terms,
 * no approval, the next letter. The offer goes into negotiation.
 *
 * Returns: (transfer none): the new draft, or %NULL with
 *   %AFF_ERROR_INVALID_TRANSITION set (nothing sent yet, or the offer is
 *   closed)
 */
AffOfferRevision *
aff_offer_revise (AffOffer  *self,
                  GError   **error)
{
  AffOfferRevision *current;
  g_autoptr(AffOfferRevision) draft = NULL;
  g_autofree char *letter = NULL;
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_OFFER (self), NULL);

  current = aff_offer_get_current_revision (self);
  if (current == NULL || !aff_offer_revision_is_frozen (current) ||
      (self->state != AFF_OFFER_STATE_SENT && self->state != AFF_OFFER_STATE_NEGOTIATION))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                        _("offer %s can be revised only once its current revision is sent"), self->id), NULL;
  letter = next_letter (aff_offer_revision_get_letter (current));
  draft = _aff_offer_revision_copy_as (current, letter);
  append_revision (self, draft);
  self->state = AFF_OFFER_STATE_NEGOTIATION;
  details = json_object_new ();
  json_object_set_string_member (details, "revision", letter);
  json_object_set_string_member (details, "from", aff_offer_revision_get_letter (current));
  _aff_track_record (&self->track, "revised", details);
  return draft;   /* the store keeps it alive */
}

/**
 * aff_offer_approve:
 * @self: an offer whose current revision is a draft
 * @approver: who in the management approves
 * @justification: why a margin below the floor is accepted
 * @error: return location for a #GError
 *
 * Records the management's approval of the current draft's margin, which a
 * margin below the policy floor needs before sending.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_INVALID_VALUE (empty
 *   approver or justification), %AFF_ERROR_FROZEN or
 *   %AFF_ERROR_INVALID_TRANSITION set
 */
gboolean
aff_offer_approve (AffOffer    *self,
                   const char  *approver,
                   const char  *justification,
                   GError     **error)
{
  AffOfferRevision *current;
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_OFFER (self), FALSE);

  if ((current = aff_offer_get_current_revision (self)) == NULL)
    return require_portfolio (self, error);
  if (approver == NULL || *approver == '\0' || justification == NULL || *justification == '\0')
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("offer %s: an approval needs who approves and why"), self->id), FALSE;
  if (!_aff_offer_revision_approve (current, approver, justification, error))
    return FALSE;
  details = json_object_new ();
  json_object_set_string_member (details, "revision", aff_offer_revision_get_letter (current));
  json_object_set_string_member (details, "approver", approver);
  json_object_set_string_member (details, "justification", justification);
  _aff_track_record (&self->track, "approved", details);
  return TRUE;
}

static void
add_problem (GPtrArray       *problems,
             AffOfferProblem  problem,
             char            *message)
{
  AffOfferCheck *check = g_new (AffOfferCheck, 1);

  check->problem = problem;
  check->message = message;
  g_ptr_array_add (problems, check);
}

static gboolean
requirement_covered (AffOfferRevision *revision,
                     const char       *id)
{
  GListModel *lines = aff_offer_revision_get_lines (revision);
  guint i, n = g_list_model_get_n_items (lines);

  for (i = 0; i < n; i++)
    {
      g_autoptr(AffOfferLine) line = g_list_model_get_item (lines, i);

      if (g_strv_contains (aff_offer_line_get_requirements (line), id))
        return TRUE;
    }
  return FALSE;
}

/**
 * aff_offer_check:
 * @self: an offer in a portfolio
 * @date: the day it would be sent
 *
 * Lists every problem that forbids sending the current revision on @date;
 * the offer can be sent when the list is empty.
 *
 * Returns: (transfer container) (element-type AffOfferCheck): the problems
 */
GPtrArray *
aff_offer_check (AffOffer    *self,
                 const GDate *date)
{
  GPtrArray *problems;
  AffOfferRevision *revision;
  AffConsultationState state;
  GListModel *requirements;
  AffRegulatoryFlags missing;
  g_autoptr(GError) error = NULL;
  const GDate *validity;
  int margin_rate;
  guint i, n;

  g_return_val_if_fail (AFF_IS_OFFER (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_offer_check_free);
  revision = aff_offer_get_current_revision (self);
  if (revision == NULL || self->consultation == NULL)
    {
      add_problem (problems, AFF_OFFER_PROBLEM_CONSULTATION_NOT_GO,
                   g_strdup_printf (_("offer %s is not in a portfolio"), self->id));
      return problems;
    }

  if (g_list_model_get_n_items (aff_offer_revision_get_lines (revision)) == 0)
    add_problem (problems, AFF_OFFER_PROBLEM_NO_LINES,
                 g_strdup_printf (_("revision %s has no cost line"), aff_offer_revision_get_letter (revision)));

  state = aff_consultation_get_state (self->consultation);
  if (state != AFF_CONSULTATION_STATE_GO && state != AFF_CONSULTATION_STATE_OFFER_SENT)
    add_problem (problems, AFF_OFFER_PROBLEM_CONSULTATION_NOT_GO,
                 g_strdup_printf (_("consultation %s is %s, not decided GO"), self->consultation_id,
                                  aff_enum_to_nick (AFF_TYPE_CONSULTATION_STATE, state)));
  /* The deadline binds the first answer; a negotiation goes on after it. */
  if (state != AFF_CONSULTATION_STATE_OFFER_SENT &&
      g_date_compare (date, aff_consultation_get_deadline (self->consultation)) > 0)
    {
      g_autofree char *deadline = aff_date_to_iso (aff_consultation_get_deadline (self->consultation));
      add_problem (problems, AFF_OFFER_PROBLEM_DEADLINE_PASSED,
                   g_strdup_printf (_("the deadline of consultation %s, %s, has passed"),
                                    self->consultation_id, deadline));
    }

  margin_rate = aff_offer_revision_get_margin_rate (revision, &error);
  if (error == NULL && margin_rate < aff_policy_get_floor_margin_rate (self->policy) &&
      aff_offer_revision_get_approver (revision) == NULL)
    add_problem (problems, AFF_OFFER_PROBLEM_MARGIN_BELOW_FLOOR,
                 g_strdup_printf (_("the margin rate, %d basis points, is below the floor of %d and not approved"),
                                  margin_rate, aff_policy_get_floor_margin_rate (self->policy)));

  requirements = aff_consultation_get_requirements (self->consultation);
  n = g_list_model_get_n_items (requirements);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffRequirement) requirement = g_list_model_get_item (requirements, i);

      if (!requirement_covered (revision, aff_requirement_get_id (requirement)))
        add_problem (problems, AFF_OFFER_PROBLEM_REQUIREMENT_NOT_COVERED,
                     g_strdup_printf (_("requirement %s (%s) is answered by no line"),
                                      aff_requirement_get_id (requirement), aff_requirement_get_text (requirement)));
    }

  validity = aff_offer_revision_get_validity (revision);
  if (validity == NULL)
    add_problem (problems, AFF_OFFER_PROBLEM_VALIDITY,
                 g_strdup_printf (_("revision %s has no validity date"), aff_offer_revision_get_letter (revision)));
  else if (g_date_days_between (date, validity) < (int) aff_policy_get_min_validity_days (self->policy))
    add_problem (problems, AFF_OFFER_PROBLEM_VALIDITY,
                 g_strdup_printf (_("the offer would be valid %d days, fewer than the %u the policy asks"),
                                  g_date_days_between (date, validity),
                                  aff_policy_get_min_validity_days (self->policy)));

  missing = aff_consultation_get_regulatory_flags (self->consultation) &
            ~aff_offer_revision_get_acknowledged_flags (revision);
  if (missing != 0)
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (AFF_TYPE_REGULATORY_FLAGS);
      g_autoptr(GString) names = g_string_new (NULL);

      for (i = 0; i < klass->n_values; i++)
        if (klass->values[i].value != 0 && (missing & klass->values[i].value))
          g_string_append_printf (names, "%s%s", names->len ? ", " : "", klass->values[i].value_nick);
      add_problem (problems, AFF_OFFER_PROBLEM_REGULATORY_NOT_ACKNOWLEDGED,
                   g_strdup_printf (_("dangerous work not acknowledged by a note: %s"), names->str));
    }
  return problems;
}

/**
 * aff_offer_send:
 * @self: an offer in a portfolio, with a draft revision
 * @date: the day it is sent
 * @error: return location for a #GError
 *
 * Sends the current revision: it must pass every check of
 * [method@Aff.Offer.check]. The revision is frozen, the offer is SENT, the
 * consultation moves to OFFER_SENT (on the first sending), and the sending is
 * journaled with the price.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_CHECK_FAILED (the message
 *   lists every problem), %AFF_ERROR_INVALID_TRANSITION or another error
 *   set and nothing changed
 */
gboolean
aff_offer_send (AffOffer     *self,
                const GDate  *date,
                GError      **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(AffMoney) price = NULL;
  g_autofree char *date_text = NULL, *price_text = NULL, *seal = NULL;
  AffOfferRevision *revision;
  JsonObject *details;
  guint i;

  g_return_val_if_fail (AFF_IS_OFFER (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (!require_portfolio (self, error))
    return FALSE;
  revision = aff_offer_get_current_revision (self);
  if (aff_offer_revision_is_frozen (revision) ||
      (self->state != AFF_OFFER_STATE_DRAFT && self->state != AFF_OFFER_STATE_NEGOTIATION))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                        _("offer %s has no draft to send"), self->id), FALSE;
  if (!g_date_valid (date))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("offer %s: sending needs a valid date"), self->id), FALSE;
  problems = aff_offer_check (self, date);
  if (problems->len > 0)
    {
      g_autoptr(GString) reasons = g_string_new (NULL);

      for (i = 0; i < problems->len; i++)
        g_string_append_printf (reasons, "%s%s", i ? "; " : "",
                                ((AffOfferCheck *) g_ptr_array_index (problems, i))->message);
      return g_set_error (error, AFF_ERROR, AFF_ERROR_CHECK_FAILED,
                          _("offer %s cannot be sent: %s"), self->id, reasons->str), FALSE;
    }
  price = aff_offer_revision_get_selling_price (revision, error);
  if (price == NULL)
    return FALSE;
  if (aff_consultation_get_state (self->consultation) == AFF_CONSULTATION_STATE_GO)
    {
      /* Saved with the consultation: never in the process's language. */
      g_autofree char *reason = g_strdup_printf ("offer %s, revision %s, sent", self->id,
                                                 aff_offer_revision_get_letter (revision));

      if (!aff_consultation_mark_offer_sent (self->consultation, date, reason, error))
        return FALSE;
    }
  aff_offer_revision_freeze (revision);
  self->state = AFF_OFFER_STATE_SENT;
  self->sent = *date;

  date_text = aff_date_to_iso (date);
  price_text = aff_money_to_string (price);
  details = json_object_new ();
  json_object_set_string_member (details, "revision", aff_offer_revision_get_letter (revision));
  json_object_set_string_member (details, "date", date_text);
  json_object_set_string_member (details, "selling_price", price_text);
  json_object_set_int_member (details, "margin_rate", aff_offer_revision_get_margin_rate (revision, NULL));
  /* What was sent, so that a hand edit of the document shows on load. */
  seal = _aff_offer_revision_seal (revision);
  if (seal != NULL)
    json_object_set_string_member (details, "seal", seal);
  _aff_track_record (&self->track, "sent", details);
  return TRUE;
}

/**
 * aff_offer_get_sent_date:
 * @self: an offer
 * @date: (out caller-allocates): where to store the day
 *
 * Gets when the current revision was last sent.
 *
 * Returns: %TRUE with @date set, %FALSE when the offer was never sent
 */
gboolean
aff_offer_get_sent_date (AffOffer *self,
                         GDate    *date)
{
  g_return_val_if_fail (AFF_IS_OFFER (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  *date = self->sent;
  return g_date_valid (&self->sent);
}

static gboolean
close_offer (AffOffer             *self,
             AffOfferState         state,
             const GDate          *date,
             AffConsultationState  consultation_state,
             const char           *consultation_reason,
             const char           *action,
             JsonObject           *details,
             GError              **error)
{
  g_autofree char *date_text = NULL;
  AffConsultationState current;

  if (!require_portfolio (self, error))
    return json_object_unref (details), FALSE;
  current = aff_consultation_get_state (self->consultation);
  /* The consultation follows where it can; a withdrawn draft leaves a
   * consultation that never got an offer to its own fate. */
  if (consultation_state == AFF_CONSULTATION_STATE_ABANDONED
      ? (current == AFF_CONSULTATION_STATE_GO || current == AFF_CONSULTATION_STATE_OFFER_SENT)
      : current == AFF_CONSULTATION_STATE_OFFER_SENT)
    {
      if (!_aff_consultation_change_state (self->consultation, consultation_state, date, consultation_reason, error))
        return json_object_unref (details), FALSE;
    }
  self->state = state;
  self->closed = *date;
  date_text = aff_date_to_iso (date);
  json_object_set_string_member (details, "date", date_text);
  _aff_track_record (&self->track, action, details);
  return TRUE;
}

static gboolean
check_date (AffOffer     *self,
            const GDate  *date,
            GError      **error)
{
  if (date == NULL || !g_date_valid (date))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("offer %s: the change needs a valid date"), self->id), FALSE;
  return TRUE;
}

/**
 * aff_offer_decline:
 * @self: an offer sent or in negotiation
 * @date: the day the client declined
 * @reason: why
 * @note: (nullable): what the client said, in words
 * @error: return location for a #GError
 *
 * Records that the client declined: the offer is DECLINED and the
 * consultation LOST, with the reason, for the loss statistics.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_INVALID_TRANSITION or
 *   %AFF_ERROR_INVALID_VALUE set and nothing changed
 */
gboolean
aff_offer_decline (AffOffer       *self,
                   const GDate    *date,
                   AffLossReason   reason,
                   const char     *note,
                   GError        **error)
{
  g_autofree char *why = NULL;
  const char *nick = aff_enum_to_nick (AFF_TYPE_LOSS_REASON, reason);
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_OFFER (self), FALSE);

  if (self->state != AFF_OFFER_STATE_SENT && self->state != AFF_OFFER_STATE_NEGOTIATION)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                        _("offer %s can be declined only once sent"), self->id), FALSE;
  if (!check_date (self, date, error))
    return FALSE;
  why = note && *note ? g_strdup_printf ("%s: %s", nick, note) : g_strdup (nick);
  details = json_object_new ();
  json_object_set_string_member (details, "reason", nick);
  if (note != NULL)
    json_object_set_string_member (details, "note", note);
  if (!close_offer (self, AFF_OFFER_STATE_DECLINED, date, AFF_CONSULTATION_STATE_LOST, why,
                    "declined", details, error))
    return FALSE;
  self->loss_reason = reason;
  return TRUE;
}

/**
 * aff_offer_withdraw:
 * @self: an open offer
 * @date: the day the company withdrew it
 * @reason: (nullable): why, in words
 * @error: return location for a #GError
 *
 * Withdraws the offer; a consultation decided GO or with an offer sent is
 * abandoned with it.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_INVALID_TRANSITION or
 *   %AFF_ERROR_INVALID_VALUE set and nothing changed
 */
gboolean
aff_offer_withdraw (AffOffer     *self,
                    const GDate  *date,
                    const char   *reason,
                    GError      **error)
{
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_OFFER (self), FALSE);

  if (self->state != AFF_OFFER_STATE_DRAFT && self->state != AFF_OFFER_STATE_SENT &&
      self->state != AFF_OFFER_STATE_NEGOTIATION)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                        _("offer %s is closed and cannot be withdrawn"), self->id), FALSE;
  if (!check_date (self, date, error))
    return FALSE;
  details = json_object_new ();
  if (reason != NULL)
    json_object_set_string_member (details, "reason", reason);
  return close_offer (self, AFF_OFFER_STATE_WITHDRAWN, date, AFF_CONSULTATION_STATE_ABANDONED,
                      reason ? reason : "offer withdrawn", "withdrawn", details, error);
}

/**
 * aff_offer_expire:
 * @self: a sent offer
 * @date: a day after the current revision's validity
 * @error: return location for a #GError
 *
 * Records that the validity passed without an answer: the offer is EXPIRED
 * and the consultation LOST.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_INVALID_TRANSITION (not
 *   sent) or %AFF_ERROR_INVALID_VALUE (still valid on @date) set
 */
gboolean
aff_offer_expire (AffOffer     *self,
                  const GDate  *date,
                  GError      **error)
{
  const GDate *validity;

  g_return_val_if_fail (AFF_IS_OFFER (self), FALSE);

  if (self->state != AFF_OFFER_STATE_SENT)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                        _("offer %s can expire only while awaiting an answer"), self->id), FALSE;
  if (!check_date (self, date, error))
    return FALSE;
  validity = aff_offer_revision_get_validity (aff_offer_get_current_revision (self));
  if (validity == NULL || g_date_compare (date, validity) <= 0)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("offer %s is still valid on that day"), self->id), FALSE;
  return close_offer (self, AFF_OFFER_STATE_EXPIRED, date, AFF_CONSULTATION_STATE_LOST, "expired",
                      "expired", json_object_new (), error);
}

/**
 * aff_offer_accept:
 * @self: an offer whose current revision was sent
 * @date: the day the contract was signed
 * @contract_reference: the client's order or contract reference
 * @error: return location for a #GError
 *
 * Records that the client accepted the revision sent: the offer is
 * ACCEPTED, the consultation WON, and the offer emits
 * [signal@Aff.Offer::accepted], on which the portfolio creates the affair.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_INVALID_TRANSITION (not
 *   sent, or a draft in progress) or %AFF_ERROR_INVALID_VALUE set and nothing
 *   changed
 */
gboolean
aff_offer_accept (AffOffer     *self,
                  const GDate  *date,
                  const char   *contract_reference,
                  GError      **error)
{
  AffOfferRevision *revision;
  g_autoptr(AffMoney) amount = NULL;
  g_autofree char *why = NULL, *amount_text = NULL;
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_OFFER (self), FALSE);

  revision = aff_offer_get_current_revision (self);
  if ((self->state != AFF_OFFER_STATE_SENT && self->state != AFF_OFFER_STATE_NEGOTIATION) ||
      revision == NULL || !aff_offer_revision_is_frozen (revision))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                        _("offer %s can be accepted only as sent, with no draft in progress"), self->id), FALSE;
  if (!check_date (self, date, error))
    return FALSE;
  if (contract_reference == NULL || *contract_reference == '\0')
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("offer %s: the acceptance needs the contract reference"), self->id), FALSE;
  amount = aff_offer_revision_get_selling_price (revision, error);
  if (amount == NULL)
    return FALSE;
  amount_text = aff_money_to_string (amount);
  why = g_strdup_printf ("contract %s", contract_reference);
  details = json_object_new ();
  json_object_set_string_member (details, "contract_reference", contract_reference);
  json_object_set_string_member (details, "revision", aff_offer_revision_get_letter (revision));
  json_object_set_string_member (details, "contract_amount", amount_text);
  if (!close_offer (self, AFF_OFFER_STATE_ACCEPTED, date, AFF_CONSULTATION_STATE_WON, why,
                    "accepted", details, error))
    return FALSE;
  g_free (self->contract_reference);
  self->contract_reference = g_strdup (contract_reference);
  g_signal_emit (self, signals[ACCEPTED], 0);
  return TRUE;
}

const char *
_aff_offer_get_contract_reference (AffOffer *self)
{
  return self->contract_reference;
}

/**
 * aff_offer_get_loss_reason:
 * @self: an offer
 *
 * Gets why the client declined.
 *
 * Returns: the reason, %AFF_LOSS_REASON_OTHER when the offer was not declined
 */
AffLossReason
aff_offer_get_loss_reason (AffOffer *self)
{
  g_return_val_if_fail (AFF_IS_OFFER (self), AFF_LOSS_REASON_OTHER);
  return self->loss_reason;
}

/**
 * aff_offer_get_closed_date:
 * @self: an offer
 * @date: (out caller-allocates): where to store the day
 *
 * Gets the day the offer was declined, withdrawn or expired.
 *
 * Returns: %TRUE with @date set, %FALSE while the offer is open
 */
gboolean
aff_offer_get_closed_date (AffOffer *self,
                           GDate    *date)
{
  g_return_val_if_fail (AFF_IS_OFFER (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  *date = self->closed;
  return g_date_valid (&self->closed);
}

/**
 * AffOfferReminder:
 *
 * An offer to chase on a day: which, why, and since when.
 */

struct _AffOfferReminder
{
  char *offer_id;
  AffReminderKind kind;
  GDate due;
};

AffOfferReminder *
_aff_offer_reminder_new (const char      *offer_id,
                         AffReminderKind  kind,
                         const GDate     *due)
{
  AffOfferReminder *self = g_new (AffOfferReminder, 1);

  self->offer_id = g_strdup (offer_id);
  self->kind = kind;
  self->due = *due;
  return self;
}

/**
 * aff_offer_reminder_copy:
 * @self: a reminder
 *
 * Copies a reminder.
 *
 * Returns: (transfer full): a copy of @self
 */
AffOfferReminder *
aff_offer_reminder_copy (const AffOfferReminder *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return _aff_offer_reminder_new (self->offer_id, self->kind, &self->due);
}

/**
 * aff_offer_reminder_free:
 * @self: (nullable): a reminder
 *
 * Frees a reminder.
 */
void
aff_offer_reminder_free (AffOfferReminder *self)
{
  if (self == NULL)
    return;
  g_free (self->offer_id);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffOfferReminder, aff_offer_reminder, aff_offer_reminder_copy, aff_offer_reminder_free)

/**
 * aff_offer_reminder_get_offer_id:
 * @self: a reminder
 *
 * Gets the id of the offer to chase.
 *
 * Returns: the offer's id
 */
const char *
aff_offer_reminder_get_offer_id (const AffOfferReminder *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->offer_id;
}

/**
 * aff_offer_reminder_get_kind:
 * @self: a reminder
 *
 * Gets why the offer is to be chased.
 *
 * Returns: the kind of reminder
 */
AffReminderKind
aff_offer_reminder_get_kind (const AffOfferReminder *self)
{
  g_return_val_if_fail (self != NULL, AFF_REMINDER_KIND_FIRST);
  return self->kind;
}

/**
 * aff_offer_reminder_get_due_date:
 * @self: a reminder
 *
 * Gets the day the reminder fell due.
 *
 * Returns: (transfer none): the due date
 */
const GDate *
aff_offer_reminder_get_due_date (const AffOfferReminder *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->due;
}

void
_aff_offer_attach (AffOffer        *self,
                   AffClient       *client,
                   AffConsultation *consultation,
                   AffPolicy       *policy,
                   AffJournal      *journal)
{
  self->client = client;
  self->consultation = consultation;
  self->policy = policy;
  _aff_track_attach (&self->track, journal, "offer", self->id, NULL, NULL);
  if (policy != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->revisions)) == 0)
    {
      g_autoptr(AffOfferRevision) first = aff_offer_revision_new ("A", policy);
      append_revision (self, first);
    }
}

void
_aff_offer_to_json (AffOffer    *self,
                    JsonBuilder *builder)
{
  guint i, n = g_list_model_get_n_items (G_LIST_MODEL (self->revisions));

  json_builder_begin_object (builder);
  aff_json_add_string (builder, "id", self->id);
  aff_json_add_string (builder, "consultation_id", self->consultation_id);
  aff_json_add_enum (builder, "state", AFF_TYPE_OFFER_STATE, self->state);
  aff_json_add_date (builder, "sent", &self->sent);
  if (self->state == AFF_OFFER_STATE_DECLINED)
    aff_json_add_enum (builder, "loss_reason", AFF_TYPE_LOSS_REASON, self->loss_reason);
  aff_json_add_date (builder, "closed", &self->closed);
  aff_json_add_string (builder, "contract_reference", self->contract_reference);
  json_builder_set_member_name (builder, "revisions");
  json_builder_begin_array (builder);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffOfferRevision) revision = g_list_model_get_item (G_LIST_MODEL (self->revisions), i);
      _aff_offer_revision_to_json (revision, builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static gboolean
read_revision (AffJsonReader *reader,
               JsonNode      *element,
               guint          index,
               gpointer       data,
               GError       **error)
{
  AffOffer *self = data;
  g_autoptr(AffOfferRevision) revision = _aff_offer_revision_from_json (reader, element, error);
  AffOfferRevision *previous;

  if (revision == NULL)
    return FALSE;
  previous = aff_offer_get_current_revision (self);
  if (previous != NULL && !aff_offer_revision_is_frozen (previous))
    return aff_json_reader_fail (reader, error, _("expected no revision after a draft: only the last may be unsent"));
  if (previous != NULL)
    {
      g_autofree char *expected = next_letter (aff_offer_revision_get_letter (previous));

      if (strcmp (expected, aff_offer_revision_get_letter (revision)) != 0)
        return aff_json_reader_fail_at (reader, "letter", error, _("expected “%s”, the letter after “%s”"),
                                        expected, aff_offer_revision_get_letter (previous));
    }
  append_revision (self, revision);
  return TRUE;
}

AffOffer *
_aff_offer_from_json (AffJsonReader *reader,
                      JsonNode      *node,
                      GError       **error)
{
  static const char *const members[] = {
    "id", "consultation_id", "state", "sent", "loss_reason", "closed", "contract_reference", "revisions", NULL
  };
  g_autoptr(AffOffer) self = NULL;
  g_autofree char *id = NULL, *consultation_id = NULL;
  JsonObject *object;
  int state = 0, loss_reason = AFF_LOSS_REASON_OTHER;

  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_enum (reader, object, "loss_reason", FALSE, AFF_TYPE_LOSS_REASON, &loss_reason, error) ||
      !aff_json_get_string (reader, object, "id", TRUE, &id, error) ||
      !aff_json_get_string (reader, object, "consultation_id", TRUE, &consultation_id, error) ||
      !aff_json_get_enum (reader, object, "state", TRUE, AFF_TYPE_OFFER_STATE, &state, error))
    return NULL;
  if (!_aff_id_is_valid (id))
    return aff_json_reader_fail_at (reader, "id", error, _("expected an id of 1 to 64 bytes without spaces")), NULL;
  self = aff_offer_new (id, consultation_id);
  self->state = state;
  self->loss_reason = loss_reason;
  if (!aff_json_get_date (reader, object, "sent", FALSE, &self->sent, error) ||
      !aff_json_get_date (reader, object, "closed", FALSE, &self->closed, error) ||
      !aff_json_get_string (reader, object, "contract_reference", FALSE, &self->contract_reference, error) ||
      !aff_json_read_array (reader, object, "revisions", read_revision, self, error))
    return NULL;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->revisions)) == 0)
    return aff_json_reader_fail_at (reader, "revisions", error, _("expected at least one revision")), NULL;
  return g_steal_pointer (&self);
}

AffClient *
_aff_offer_get_client (AffOffer *self)
{
  return self->client;
}

AffConsultation *
_aff_offer_get_consultation (AffOffer *self)
{
  return self->consultation;
}

AffPolicy *
_aff_offer_get_policy (AffOffer *self)
{
  return self->policy;
}
