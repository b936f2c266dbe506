/* aff-consultation.c: a request for quotation or a call for tender
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-enum-types.h"
#include "aff-bidding-private.h"

/**
 * AffConsultation:
 *
 * A consultation: a client's request for quotation, or a call for tender
 * found by watch. It carries what the work is (title, description, site, the
 * activities it needs, the dangerous work it involves, the client's
 * requirements), what it may be worth, the analysis of the request (questions
 * to the client, contributions of the design and methods departments), its
 * risk register, and where it stands ([enum@Aff.ConsultationState]).
 *
 * Every transition is a method that takes the day and the reason, journals
 * them, and refuses with %AFF_ERROR_INVALID_TRANSITION what the state machine
 * does not allow. The go / no-go itself is decided through the portfolio
 * ([method@Aff.Portfolio.evaluate_consultation] then
 * [method@Aff.Portfolio.decide_consultation]), which keeps its justification.
 */

struct _AffConsultation
{
  GObject parent_instance;

  char *id;
  char *client_id;
  char *title;
  GDate received;
  GDate deadline;
  AffMoney *estimated_value;
  /* Interned: a vocabulary, which a dashboard groups the affairs by,
   * comparing addresses. */
  const char **activities;
  char *site;
  char *description;
  AffConsultationSource source;
  AffRegulatoryFlags regulatory_flags;
  int expected_margin_rate;
  guint estimated_hours;
  AffMoney *bid_cost;
  AffConsultationState state;
  AffHistory history;             /* AffConsultationState changes */
  GListStore *requirements;
  GListStore *clarifications;
  GListStore *contributions;
  AffRiskRegister *risks;

  gboolean evaluated;
  AffBidVerdict evaluation_verdict;
  guint evaluation_score;
  GDate evaluation_date;

  gboolean decided;
  AffBidVerdict decision_verdict;
  char *decided_by;
  char *decision_justification;
  gboolean against_evaluation;
  GDate decision_date;

  AffTrack track;
};

G_DEFINE_FINAL_TYPE (AffConsultation, aff_consultation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CLIENT_ID,
  PROP_TITLE,
  PROP_RECEIVED,
  PROP_DEADLINE,
  PROP_ESTIMATED_VALUE,
  PROP_ACTIVITIES,
  PROP_SITE,
  PROP_DESCRIPTION,
  PROP_SOURCE,
  PROP_REGULATORY_FLAGS,
  PROP_EXPECTED_MARGIN_RATE,
  PROP_ESTIMATED_HOURS,
  PROP_BID_COST,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static void
aff_consultation_dispose (GObject *object)
{
  AffConsultation *self = AFF_CONSULTATION (object);

  g_clear_object (&self->requirements);
  g_clear_object (&self->clarifications);
  g_clear_object (&self->contributions);
  g_clear_object (&self->risks);
  G_OBJECT_CLASS (aff_consultation_parent_class)->dispose (object);
}

static void
aff_consultation_finalize (GObject *object)
{
  AffConsultation *self = AFF_CONSULTATION (object);

  g_free (self->id);
  g_free (self->client_id);
  g_free (self->title);
  g_clear_pointer (&self->estimated_value, aff_money_free);
  g_free (self->activities);
  g_free (self->site);
  g_free (self->description);
  g_clear_pointer (&self->bid_cost, aff_money_free);
  _aff_history_clear (&self->history);
  g_free (self->decided_by);
  g_free (self->decision_justification);
  _aff_track_clear (&self->track);
  G_OBJECT_CLASS (aff_consultation_parent_class)->finalize (object);
}

static char **
string_slot (AffConsultation *self,
             guint            prop_id)
{
  switch (prop_id)
    {
    case PROP_ID: return &self->id;
    case PROP_CLIENT_ID: return &self->client_id;
    case PROP_TITLE: return &self->title;
    case PROP_SITE: return &self->site;
    case PROP_DESCRIPTION: return &self->description;
    default: return NULL;
    }
}

static AffMoney **
money_slot (AffConsultation *self,
            guint            prop_id)
{
  switch (prop_id)
    {
    case PROP_ESTIMATED_VALUE: return &self->estimated_value;
    case PROP_BID_COST: return &self->bid_cost;
    default: return NULL;
    }
}

static void
aff_consultation_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AffConsultation *self = AFF_CONSULTATION (object);

  if (string_slot (self, prop_id) != NULL)
    {
      g_value_set_string (value, *string_slot (self, prop_id));
      return;
    }
  if (money_slot (self, prop_id) != NULL)
    {
      g_value_set_boxed (value, *money_slot (self, prop_id));
      return;
    }
  switch (prop_id)
    {
    case PROP_RECEIVED:
      g_value_set_boxed (value, &self->received);
      break;
    case PROP_DEADLINE:
      g_value_set_boxed (value, &self->deadline);
      break;
    case PROP_ACTIVITIES:
      g_value_set_boxed (value, self->activities);
      break;
    case PROP_SOURCE:
      g_value_set_enum (value, self->source);
      break;
    case PROP_REGULATORY_FLAGS:
      g_value_set_flags (value, self->regulatory_flags);
      break;
    case PROP_EXPECTED_MARGIN_RATE:
      g_value_set_int (value, self->expected_margin_rate);
      break;
    case PROP_ESTIMATED_HOURS:
      g_value_set_uint (value, self->estimated_hours);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_string (AffConsultation *self,
            guint            prop_id,
            const char      *value)
{
  char **slot = string_slot (self, prop_id);

  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), props[prop_id]);
}

static void
set_money (AffConsultation *self,
           guint            prop_id,
           const AffMoney  *value)
{
  AffMoney **slot = money_slot (self, prop_id);

  if ((*slot == NULL && value == NULL) ||
      (*slot != NULL && value != NULL && aff_money_equal (*slot, value)))
    return;
  g_clear_pointer (slot, aff_money_free);
  if (value != NULL)
    *slot = aff_money_copy (value);
  g_object_notify_by_pspec (G_OBJECT (self), props[prop_id]);
}

static void
aff_consultation_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AffConsultation *self = AFF_CONSULTATION (object);
  const GDate *date;

  switch (prop_id)
    {
    case PROP_ID:
    case PROP_CLIENT_ID:
      *string_slot (self, prop_id) = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      aff_consultation_set_title (self, g_value_get_string (value));
      break;
    case PROP_SITE:
    case PROP_DESCRIPTION:
      set_string (self, prop_id, g_value_get_string (value));
      break;
    case PROP_RECEIVED:
      date = g_value_get_boxed (value);
      if (date != NULL && g_date_valid (date))
        self->received = *date;
      break;
    case PROP_DEADLINE:
      aff_consultation_set_deadline (self, g_value_get_boxed (value));
      break;
    case PROP_ESTIMATED_VALUE:
    case PROP_BID_COST:
      set_money (self, prop_id, g_value_get_boxed (value));
      break;
    case PROP_ACTIVITIES:
      aff_consultation_set_activities (self, g_value_get_boxed (value));
      break;
    case PROP_SOURCE:
      aff_consultation_set_source (self, g_value_get_enum (value));
      break;
    case PROP_REGULATORY_FLAGS:
      aff_consultation_set_regulatory_flags (self, g_value_get_flags (value));
      break;
    case PROP_EXPECTED_MARGIN_RATE:
      aff_consultation_set_expected_margin_rate (self, g_value_get_int (value));
      break;
    case PROP_ESTIMATED_HOURS:
      aff_consultation_set_estimated_hours (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aff_consultation_notify (GObject    *object,
                         GParamSpec *pspec)
{
  /* State changes are journaled with their date and reason. */
  if (pspec != props[PROP_STATE])
    _aff_track_property (&AFF_CONSULTATION (object)->track, "changed", object, pspec);
}

static void
aff_consultation_class_init (AffConsultationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = aff_consultation_dispose;
  object_class->finalize = aff_consultation_finalize;
  object_class->get_property = aff_consultation_get_property;
  object_class->set_property = aff_consultation_set_property;
  object_class->notify = aff_consultation_notify;

  /**
   * AffConsultation:id:
   *
   * The consultation's id, unique in the portfolio.
   */
  props[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, construct);
  /**
   * AffConsultation:client-id:
   *
   * The id of the client that consults.
   */
  props[PROP_CLIENT_ID] = g_param_spec_string ("client-id", NULL, NULL, NULL, construct);
  /**
   * AffConsultation:title:
   *
   * What the work is, in a line.
   */
  props[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  /**
   * AffConsultation:received:
   *
   * When the consultation was received or found.
   */
  props[PROP_RECEIVED] = g_param_spec_boxed ("received", NULL, NULL, G_TYPE_DATE, construct);
  /**
   * AffConsultation:deadline:
   *
   * When the offer is due.
   */
  props[PROP_DEADLINE] = g_param_spec_boxed ("deadline", NULL, NULL, G_TYPE_DATE, rw);
  /**
   * AffConsultation:estimated-value:
   *
   * What the work may be worth to the company, excluding VAT.
   */
  props[PROP_ESTIMATED_VALUE] = g_param_spec_boxed ("estimated-value", NULL, NULL, AFF_TYPE_MONEY, rw);
  /**
   * AffConsultation:activities:
   *
   * The activity codes the work needs, to compare with the policy's.
   */
  props[PROP_ACTIVITIES] = g_param_spec_boxed ("activities", NULL, NULL, G_TYPE_STRV, rw);
  /**
   * AffConsultation:site:
   *
   * Where the work is to be done.
   */
  props[PROP_SITE] = g_param_spec_string ("site", NULL, NULL, NULL, rw);
  /**
   * AffConsultation:description:
   *
   * The request, in words.
   */
  props[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  /**
   * AffConsultation:source:
   *
   * How the consultation was found.
   */
  props[PROP_SOURCE] = g_param_spec_enum ("source", NULL, NULL, AFF_TYPE_CONSULTATION_SOURCE,
                                          AFF_CONSULTATION_SOURCE_CLIENT_REQUEST, rw);
  /**
   * AffConsultation:regulatory-flags:
   *
   * The dangerous work it involves.
   */
  props[PROP_REGULATORY_FLAGS] = g_param_spec_flags ("regulatory-flags", NULL, NULL,
                                                     AFF_TYPE_REGULATORY_FLAGS,
                                                     AFF_REGULATORY_FLAGS_NONE, rw);
  /**
   * AffConsultation:expected-margin-rate:
   *
   * The margin rate the responsable d'affaires expects, in basis points of
   * the selling price, or %AFF_MARGIN_RATE_UNSET.
   */
  props[PROP_EXPECTED_MARGIN_RATE] = g_param_spec_int ("expected-margin-rate", NULL, NULL,
                                                       G_MININT, 10000, AFF_MARGIN_RATE_UNSET, rw);
  /**
   * AffConsultation:estimated-hours:
   *
   * The hours of work it would take, or 0 when not estimated.
   */
  props[PROP_ESTIMATED_HOURS] = g_param_spec_uint ("estimated-hours", NULL, NULL,
                                                   0, G_MAXINT, 0, rw);
  /**
   * AffConsultation:bid-cost:
   *
   * What preparing the offer would cost.
   */
  props[PROP_BID_COST] = g_param_spec_boxed ("bid-cost", NULL, NULL, AFF_TYPE_MONEY, rw);
  /**
   * AffConsultation:state:
   *
   * Where the consultation stands.
   */
  props[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, AFF_TYPE_CONSULTATION_STATE,
                                         AFF_CONSULTATION_STATE_RECEIVED,
                                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
aff_consultation_init (AffConsultation *self)
{
  g_date_clear (&self->received, 1);
  g_date_clear (&self->deadline, 1);
  g_date_clear (&self->evaluation_date, 1);
  g_date_clear (&self->decision_date, 1);
  self->activities = g_new0 (const char *, 1);
  self->expected_margin_rate = AFF_MARGIN_RATE_UNSET;
  _aff_history_init (&self->history, AFF_TYPE_CONSULTATION_STATE);
  self->requirements = g_list_store_new (AFF_TYPE_REQUIREMENT);
  self->clarifications = g_list_store_new (AFF_TYPE_CLARIFICATION);
  self->contributions = g_list_store_new (AFF_TYPE_CONTRIBUTION);
  self->risks = aff_risk_register_new ();
}

/**
 * aff_consultation_new:
 * @id: the consultation's id, unique in the portfolio
 * @client_id: the id of the client that consults
 * @title: what the work is, in a line
 * @received: when it was received or found
 * @deadline: when the offer is due
 *
 * Creates a consultation in the %AFF_CONSULTATION_STATE_RECEIVED state, to be
 * added with [method@Aff.Portfolio.add_consultation].
 *
 * Returns: (transfer full): a new consultation
 */
AffConsultation *
aff_consultation_new (const char  *id,
                      const char  *client_id,
                      const char  *title,
                      const GDate *received,
                      const GDate *deadline)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (client_id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (received != NULL && g_date_valid (received), NULL);
  g_return_val_if_fail (deadline != NULL && g_date_valid (deadline), NULL);

  return g_object_new (AFF_TYPE_CONSULTATION, "id", id, "client-id", client_id, "title", title,
                       "received", received, "deadline", deadline, NULL);
}

/**
 * aff_consultation_get_id:
 * @self: a consultation
 *
 * Gets the consultation's id.
 *
 * Returns: the id
 */
const char *
aff_consultation_get_id (AffConsultation *self)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), NULL);
  return self->id;
}

/**
 * aff_consultation_get_client_id:
 * @self: a consultation
 *
 * Gets the id of the client that consults.
 *
 * Returns: the client's id
 */
const char *
aff_consultation_get_client_id (AffConsultation *self)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), NULL);
  return self->client_id;
}

/**
 * aff_consultation_get_title:
 * @self: a consultation
 *
 * Gets what the work is, in a line.
 *
 * Returns: the title
 */
const char *
aff_consultation_get_title (AffConsultation *self)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), NULL);
  return self->title;
}

/**
 * aff_consultation_set_title:
 * @self: a consultation
 * @title: what the work is, in a line
 *
 * Sets the title.
 */
void
aff_consultation_set_title (AffConsultation *self,
                            const char      *title)
{
  g_return_if_fail (AFF_IS_CONSULTATION (self));
  g_return_if_fail (title != NULL);
  set_string (self, PROP_TITLE, title);
}

/**
 * aff_consultation_get_received:
 * @self: a consultation
 *
 * Gets when the consultation was received or found.
 *
 * Returns: (transfer none): the day it was received
 */
const GDate *
aff_consultation_get_received (AffConsultation *self)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), NULL);
  return &self->received;
}

/**
 * aff_consultation_get_deadline:
 * @self: a consultation
 *
 * Gets when the offer is due.
 *
 * Returns: (transfer none): the deadline
 */
const GDate *
aff_consultation_get_deadline (AffConsultation *self)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), NULL);
  return &self->deadline;
}

/**
 * aff_consultation_set_deadline:
 * @self: a consultation
 * @deadline: when the offer is due
 *
 * Moves the deadline (the client granted more time, say).
 */
void
aff_consultation_set_deadline (AffConsultation *self,
                               const GDate     *deadline)
{
  g_return_if_fail (AFF_IS_CONSULTATION (self));
  g_return_if_fail (deadline != NULL && g_date_valid (deadline));

  if (g_date_valid (&self->deadline) && g_date_compare (&self->deadline, deadline) == 0)
    return;
  self->deadline = *deadline;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_DEADLINE]);
}

/**
 * aff_consultation_get_estimated_value:
 * @self: a consultation
 *
 * Gets what the work may be worth.
 *
 * Returns: (nullable) (transfer none): the estimated value, or %NULL
 */
const AffMoney *
aff_consultation_get_estimated_value (AffConsultation *self)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), NULL);
  return self->estimated_value;
}

/**
 * aff_consultation_set_estimated_value:
 * @self: a consultation
 * @value: (nullable): what the work may be worth, excluding VAT
 *
 * Sets what the work may be worth.
 */
void
aff_consultation_set_estimated_value (AffConsultation *self,
                                      const AffMoney  *value)
{
  g_return_if_fail (AFF_IS_CONSULTATION (self));
  set_money (self, PROP_ESTIMATED_VALUE, value);
}

/**
 * aff_consultation_get_activities:
 * @self: a consultation
 *
 * Gets the activity codes the work needs.
 *
 * Returns: (array zero-terminated=1) (transfer none): activity codes
 */
const char * const *
aff_consultation_get_activities (AffConsultation *self)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), NULL);
  return (const char * const *) self->activities;
}

/**
 * aff_consultation_set_activities:
 * @self: a consultation
 * @activities: (array zero-terminated=1) (nullable): activity codes
 *
 * Sets the activity codes the work needs.
 */
void
_aff_consultation_prefetch (AffConsultation *self)
{
  __builtin_prefetch (self->activities);
}

static const char **
intern_strv (const char * const *strv)
{
  guint i, n = g_strv_length ((char **) strv);
  const char **interned = g_new (const char *, n + 1);

  for (i = 0; i < n; i++)
    interned[i] = g_intern_string (strv[i]);
  interned[n] = NULL;
  return interned;
}

void
aff_consultation_set_activities (AffConsultation    *self,
                                 const char * const *activities)
{
  static const char *const none[] = { NULL };

  g_return_if_fail (AFF_IS_CONSULTATION (self));

  if (activities == NULL)
    activities = none;
  if (g_strv_equal ((const char * const *) self->activities, activities))
    return;
  g_free (self->activities);
  self->activities = intern_strv (activities);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ACTIVITIES]);
}

/**
 * aff_consultation_get_site:
 * @self: a consultation
 *
 * Gets where the work is to be done.
 *
 * Returns: (nullable): the site
 */
const char *
aff_consultation_get_site (AffConsultation *self)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), NULL);
  return self->site;
}

/**
 * aff_consultation_set_site:
 * @self: a consultation
 * @site: (nullable): where the work is to be done
 *
 * Sets the site.
 */
void
aff_consultation_set_site (AffConsultation *self,
                           const char      *site)
{
  g_return_if_fail (AFF_IS_CONSULTATION (self));
  set_string (self, PROP_SITE, site);
}

/**
 * aff_consultation_get_description:
 * @self: a consultation
 *
 * Gets the request, in words.
 *
 * Returns: (nullable): the description
 */
const char *
aff_consultation_get_description (AffConsultation *self)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), NULL);
  return self->description;
}

/**
 * aff_consultation_set_description:
 * @self: a consultation
 * @description: (nullable): the request, in words
 *
 * Sets the description.
 */
void
aff_consultation_set_description (AffConsultation *self,
                                  const char      *description)
{
  g_return_if_fail (AFF_IS_CONSULTATION (self));
  set_string (self, PROP_DESCRIPTION, description);
}

/**
 * aff_consultation_get_source:
 * @self: a consultation
 *
 * Gets how the consultation was found.
 *
 * Returns: the source
 */
AffConsultationSource
aff_consultation_get_source (AffConsultation *self)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), AFF_CONSULTATION_SOURCE_CLIENT_REQUEST);
  return self->source;
}

/**
 * aff_consultation_set_source:
 * @self: a consultation
 * @source: how it was found
 *
 * Sets how the consultation was found.
 */
void
aff_consultation_set_source (AffConsultation       *self,
                             AffConsultationSource  source)
{
  g_return_if_fail (AFF_IS_CONSULTATION (self));

  if (self->source == source)
    return;
  self->source = source;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SOURCE]);
}

/**
 * aff_consultation_get_regulatory_flags:
 * @self: a consultation
 *
 * Gets the dangerous work the consultation involves.
 *
 * Returns: the flags
 */
AffRegulatoryFlags
aff_consultation_get_regulatory_flags (AffConsultation *self)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), AFF_REGULATORY_FLAGS_NONE);
  return self->regulatory_flags;
}

/**
 * aff_consultation_set_regulatory_flags:
 * @self: a consultation
 * @flags: the dangerous work it involves
 *
 * Sets the dangerous work the consultation involves.
 */
void
aff_consultation_set_regulatory_flags (AffConsultation    *self,
                                       AffRegulatoryFlags  flags)
{
  g_return_if_fail (AFF_IS_CONSULTATION (self));

  if (self->regulatory_flags == flags)
    return;
  self->regulatory_flags = flags;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_REGULATORY_FLAGS]);
}

/**
 * aff_consultation_get_expected_margin_rate:
 * @self: a consultation
 *
 * Gets the expected margin rate.
 *
 * Returns: basis points of the selling price, or %AFF_MARGIN_RATE_UNSET
 */
int
aff_consultation_get_expected_margin_rate (AffConsultation *self)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), AFF_MARGIN_RATE_UNSET);
  return self->expected_margin_rate;
}

/**
 * aff_consultation_set_expected_margin_rate:
 * @self: a consultation
 * @basis_points: the expected margin rate, from −10000 to 10000, or
 *   %AFF_MARGIN_RATE_UNSET
 *
 * Sets the margin rate the work is expected to bring.
 */
void
aff_consultation_set_expected_margin_rate (AffConsultation *self,
                                           int              basis_points)
{
  g_return_if_fail (AFF_IS_CONSULTATION (self));
  g_return_if_fail (basis_points == AFF_MARGIN_RATE_UNSET ||
                    (basis_points >= -10000 && basis_points <= 10000));

  if (self->expected_margin_rate == basis_points)
    return;
  self->expected_margin_rate = basis_points;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_EXPECTED_MARGIN_RATE]);
}

/**
 * aff_consultation_get_estimated_hours:
 * @self: a consultation
 *
 * Gets the hours of work it would take.
 *
 * Returns: the hours, or 0 when not estimated
 */
guint
aff_consultation_get_estimated_hours (AffConsultation *self)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), 0);
  return self->estimated_hours;
}

/**
 * aff_consultation_set_estimated_hours:
 * @self: a consultation
 * @hours: hours of work, up to %G_MAXINT, or 0 when not estimated
 *
 * Sets the hours of work it would take.
 */
void
aff_consultation_set_estimated_hours (AffConsultation *self,
                                      guint            hours)
{
  g_return_if_fail (AFF_IS_CONSULTATION (self));
  g_return_if_fail (hours <= G_MAXINT);

  if (self->estimated_hours == hours)
    return;
  self->estimated_hours = hours;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ESTIMATED_HOURS]);
}

/**
 * aff_consultation_get_bid_cost:
 * @self: a consultation
 *
 * Gets what preparing the offer would cost.
 *
 * Returns: (nullable) (transfer none): the bid cost, or %NULL
 */
const AffMoney *
aff_consultation_get_bid_cost (AffConsultation *self)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), NULL);
  return self->bid_cost;
}

/**
 * aff_consultation_set_bid_cost:
 * @self: a consultation
 * @cost: (nullable): what preparing the offer would cost
 *
 * Sets what preparing the offer would cost.
 */
void
aff_consultation_set_bid_cost (AffConsultation *self,
                               const AffMoney  *cost)
{
  g_return_if_fail (AFF_IS_CONSULTATION (self));
  set_money (self, PROP_BID_COST, cost);
}

/**
 * aff_consultation_get_state:
 * @self: a consultation
 *
 * Gets where the consultation stands.
 *
 * Returns: the state
 */
AffConsultationState
aff_consultation_get_state (AffConsultation *self)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), AFF_CONSULTATION_STATE_RECEIVED);
  return self->state;
}

static gboolean
state_is_open (AffConsultationState state)
{
  return state == AFF_CONSULTATION_STATE_RECEIVED || state == AFF_CONSULTATION_STATE_QUALIFYING ||
         state == AFF_CONSULTATION_STATE_GO || state == AFF_CONSULTATION_STATE_OFFER_SENT;
}

/**
 * aff_consultation_is_open:
 * @self: a consultation
 *
 * Tells whether the consultation still awaits an outcome: received,
 * qualifying, decided GO or with an offer sent.
 *
 * Returns: whether it is open
 */
gboolean
aff_consultation_is_open (AffConsultation *self)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), FALSE);
  return state_is_open (self->state);
}

static gboolean
transition_allowed (AffConsultationState from,
                    AffConsultationState to)
{
  switch (to)
    {
    case AFF_CONSULTATION_STATE_QUALIFYING:
      return from == AFF_CONSULTATION_STATE_RECEIVED;
    case AFF_CONSULTATION_STATE_GO:
    case AFF_CONSULTATION_STATE_NO_GO:
      return from == AFF_CONSULTATION_STATE_QUALIFYING;
    case AFF_CONSULTATION_STATE_OFFER_SENT:
      return from == AFF_CONSULTATION_STATE_GO;
    case AFF_CONSULTATION_STATE_WON:
    case AFF_CONSULTATION_STATE_LOST:
      return from == AFF_CONSULTATION_STATE_OFFER_SENT;
    case AFF_CONSULTATION_STATE_ABANDONED:
      return state_is_open (from);
    case AFF_CONSULTATION_STATE_RECEIVED:
    default:
      return FALSE;
    }
}

gboolean
_aff_consultation_change_state (AffConsultation      *self,
                                AffConsultationState  to,
                                const GDate          *date,
                                const char           *reason,
                                GError              **error)
{
  g_autofree char *subject = g_strdup_printf (_("consultation %s"), self->id);
  JsonObject *details;

  if (!_aff_history_check_date (&self->history, date, subject, error))
    return FALSE;
  if (!transition_allowed (self->state, to))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                        _("consultation %s cannot go from %s to %s"), self->id,
                        aff_enum_to_nick (AFF_TYPE_CONSULTATION_STATE, self->state),
                        aff_enum_to_nick (AFF_TYPE_CONSULTATION_STATE, to)), FALSE;
  if (g_date_compare (date, &self->received) < 0)
    {
      g_autofree char *received_text = aff_date_to_iso (&self->received);

      return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                          _("consultation %s: a change of state cannot be dated before it was received (%s)"),
                          self->id, received_text), FALSE;
    }

  details = _aff_history_append (&self->history, date, self->state, to, reason);
  self->state = to;
  _aff_track_record (&self->track, "state-changed", details);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_STATE]);
  return TRUE;
}

/**
 * aff_consultation_start_qualification:
 * @self: a received consultation
 * @date: the day the analysis starts
 * @reason: (nullable): why, in words
 * @error: return location for a #GError
 *
 * Starts analysing the consultation for a go / no-go.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_INVALID_TRANSITION (not
 *   received) or %AFF_ERROR_INVALID_VALUE (date) set and nothing changed
 */
gboolean
aff_consultation_start_qualification (AffConsultation  *self,
                                      const GDate      *date,
                                      const char       *reason,
                                      GError          **error)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), FALSE);
  return _aff_consultation_change_state (self, AFF_CONSULTATION_STATE_QUALIFYING, date, reason, error);
}

/**
 * aff_consultation_mark_offer_sent:
 * @self: a consultation decided GO
 * @date: the day the offer was sent
 * @reason: (nullable): a note, such as the offer's reference
 * @error: return location for a #GError
 *
 * Records that the offer was sent to the client.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_INVALID_TRANSITION or
 *   %AFF_ERROR_INVALID_VALUE set and nothing changed
 */
gboolean
aff_consultation_mark_offer_sent (AffConsultation  *self,
                                  const GDate      *date,
                                  const char       *reason,
                                  GError          **error)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), FALSE);
  return _aff_consultation_change_state (self, AFF_CONSULTATION_STATE_OFFER_SENT, date, reason, error);
}

/**
 * aff_consultation_mark_won:
 * @self: a consultation whose offer was sent
 * @date: the day the client accepted
 * @reason: (nullable): why we won, as far as known
 * @error: return location for a #GError
 *
 * Records that the client accepted the offer.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_INVALID_TRANSITION or
 *   %AFF_ERROR_INVALID_VALUE set and nothing changed
 */
gboolean
aff_consultation_mark_won (AffConsultation  *self,
                           const GDate      *date,
                           const char       *reason,
                           GError          **error)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), FALSE);
  return _aff_consultation_change_state (self, AFF_CONSULTATION_STATE_WON, date, reason, error);
}

/**
 * aff_consultation_mark_lost:
 * @self: a consultation whose offer was sent
 * @date: the day the client declined
 * @reason: (nullable): why we lost, as far as known
 * @error: return location for a #GError
 *
 * Records that the client chose another offer, or none.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_INVALID_TRANSITION or
 *   %AFF_ERROR_INVALID_VALUE set and nothing changed
 */
gboolean
aff_consultation_mark_lost (AffConsultation  *self,
                            const GDate      *date,
                            const char       *reason,
                            GError          **error)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), FALSE);
  return _aff_consultation_change_state (self, AFF_CONSULTATION_STATE_LOST, date, reason, error);
}

/**
 * aff_consultation_abandon:
 * @self: an open consultation
 * @date: the day it was dropped
 * @reason: (nullable): why (cancelled by the client, withdrawn…)
 * @error: return location for a #GError
 *
 * Drops the consultation before any outcome.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_INVALID_TRANSITION (not
 *   open) or %AFF_ERROR_INVALID_VALUE set and nothing changed
 */
gboolean
aff_consultation_abandon (AffConsultation  *self,
                          const GDate      *date,
                          const char       *reason,
                          GError          **error)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), FALSE);
  return _aff_consultation_change_state (self, AFF_CONSULTATION_STATE_ABANDONED, date, reason, error);
}

/**
 * aff_consultation_get_state_date:
 * @self: a consultation
 * @state: a state
 * @date: (out caller-allocates): where to store the day
 *
 * Finds when the consultation last entered @state.
 *
 * Returns: %TRUE with @date set, %FALSE when it never entered @state (the
 *   initial %AFF_CONSULTATION_STATE_RECEIVED is dated by the received day)
 */
gboolean
aff_consultation_get_state_date (AffConsultation      *self,
                                 AffConsultationState  state,
                                 GDate                *date)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (_aff_history_find_last (&self->history, state, date))
    return TRUE;
  if (state == AFF_CONSULTATION_STATE_RECEIVED)
    {
      *date = self->received;
      return TRUE;
    }
  return FALSE;
}

static const char *
next_id (GListStore *store,
         const char *prefix,
         char      **out)
{
  g_free (*out);
  *out = g_strdup_printf ("%s-%u", prefix, g_list_model_get_n_items (G_LIST_MODEL (store)) + 1);
  return *out;
}

/**
 * aff_consultation_add_requirement:
 * @self: a consultation
 * @text: what the client requires
 *
 * Adds a requirement of the client's specification, with the next id
 * (`REQ-1`, `REQ-2`…), so that an offer can show it answers every one.
 *
 * Returns: (transfer none): the requirement's id
 */
const char *
aff_consultation_add_requirement (AffConsultation *self,
                                  const char      *text)
{
  g_autoptr(AffRequirement) requirement = NULL;
  g_autofree char *id = NULL;
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_CONSULTATION (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  requirement = _aff_requirement_new (next_id (self->requirements, "REQ", &id), text);
  g_list_store_append (self->requirements, requirement);
  details = json_object_new ();
  json_object_set_string_member (details, "requirement", id);
  json_object_set_string_member (details, "text", text);
  _aff_track_record (&self->track, "requirement-added", details);
  return aff_requirement_get_id (requirement);
}

/**
 * aff_consultation_get_requirements:
 * @self: a consultation
 *
 * Gets the client's requirements.
 *
 * Returns: (transfer none): a list model of [class@Aff.Requirement]
 */
GListModel *
aff_consultation_get_requirements (AffConsultation *self)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), NULL);
  return G_LIST_MODEL (self->requirements);
}

/**
 * aff_consultation_ask_question:
 * @self: a consultation
 * @question: what to ask the client
 * @date: the day it was asked
 *
 * Records a question put to the client, with the next id (`Q-1`…).
 *
 * Returns: (transfer none): the question's id
 */
const char *
aff_consultation_ask_question (AffConsultation *self,
                               const char      *question,
                               const GDate     *date)
{
  g_autoptr(AffClarification) clarification = NULL;
  g_autofree char *id = NULL, *date_text = NULL;
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_CONSULTATION (self), NULL);
  g_return_val_if_fail (question != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  clarification = _aff_clarification_new (next_id (self->clarifications, "Q", &id), question, date);
  g_list_store_append (self->clarifications, clarification);
  date_text = aff_date_to_iso (date);
  details = json_object_new ();
  json_object_set_string_member (details, "question", id);
  json_object_set_string_member (details, "text", question);
  json_object_set_string_member (details, "date", date_text);
  _aff_track_record (&self->track, "question-asked", details);
  return aff_clarification_get_id (clarification);
}

/* Finds an item of @store by id, for the answer functions. */
static gpointer
lookup_by_id (GListStore  *store,
              const char  *id,
              const char *(*get_id) (gpointer))
{
  guint i, n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_strcmp0 (get_id (item), id) == 0)
        return item;   /* the store keeps it alive */
    }
  return NULL;
}

static gboolean
check_answer (AffConsultation *self,
              gpointer         item,
              const char      *what,
              const char      *id,
              gboolean         answered,
              const GDate     *since,
              const GDate     *date,
              GError         **error)
{
  if (item == NULL)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND,
                        _("consultation %s has no %s %s"), self->id, what, id), FALSE;
  if (answered)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("consultation %s: %s %s is already answered"), self->id, what, id), FALSE;
  if (date == NULL || !g_date_valid (date) || g_date_compare (date, since) < 0)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("consultation %s: %s %s cannot be answered before it was asked"),
                        self->id, what, id), FALSE;
  return TRUE;
}

static void
record_answer (AffConsultation *self,
               const char      *action,
               const char      *key,
               const char      *id,
               const char      *answer,
               const GDate     *date)
{
  g_autofree char *date_text = aff_date_to_iso (date);
  JsonObject *details = json_object_new ();

  json_object_set_string_member (details, key, id);
  json_object_set_string_member (details, "answer", answer);
  json_object_set_string_member (details, "date", date_text);
  _aff_track_record (&self->track, action, details);
}

/**
 * aff_consultation_answer_question:
 * @self: a consultation
 * @id: the question's id
 * @answer: what the client answered
 * @date: the day of the answer
 * @error: return location for a #GError
 *
 * Records the client's answer to a question.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_NOT_FOUND or
 *   %AFF_ERROR_INVALID_VALUE (already answered, dated before the question)
 *   set and nothing changed
 */
gboolean
aff_consultation_answer_question (AffConsultation  *self,
                                  const char       *id,
                                  const char       *answer,
                                  const GDate      *date,
                                  GError          **error)
{
  AffClarification *clarification;

  g_return_val_if_fail (AFF_IS_CONSULTATION (self), FALSE);
  g_return_val_if_fail (id != NULL && answer != NULL, FALSE);

  clarification = lookup_by_id (self->clarifications, id, (const char *(*) (gpointer)) aff_clarification_get_id);
  if (!check_answer (self, clarification, _("question"), id,
                     clarification && aff_clarification_is_answered (clarification),
                     clarification ? aff_clarification_get_asked_date (clarification) : NULL,
                     date, error))
    return FALSE;
  _aff_clarification_answer (clarification, answer, date);
  record_answer (self, "question-answered", "question", id, answer, date);
  return TRUE;
}

/**
 * aff_consultation_get_clarifications:
 * @self: a consultation
 *
 * Gets the questions put to the client.
 *
 * Returns: (transfer none): a list model of [class@Aff.Clarification]
 */
GListModel *
aff_consultation_get_clarifications (AffConsultation *self)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), NULL);
  return G_LIST_MODEL (self->clarifications);
}

/**
 * aff_consultation_request_contribution:
 * @self: a consultation
 * @department: the department asked
 * @who: the person asked
 * @what: what is asked
 * @due: when it is due
 *
 * Records a contribution asked of an internal department, with the next id
 * (`CON-1`…).
 *
 * Returns: (transfer none): the contribution's id
 */
const char *
aff_consultation_request_contribution (AffConsultation *self,
                                       AffDepartment    department,
                                       const char      *who,
                                       const char      *what,
                                       const GDate     *due)
{
  g_autoptr(AffContribution) contribution = NULL;
  g_autofree char *id = NULL, *due_text = NULL;
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_CONSULTATION (self), NULL);
  g_return_val_if_fail (who != NULL && what != NULL, NULL);
  g_return_val_if_fail (due != NULL && g_date_valid (due), NULL);

  contribution = _aff_contribution_new (next_id (self->contributions, "CON", &id),
                                        department, who, what, due);
  g_list_store_append (self->contributions, contribution);
  due_text = aff_date_to_iso (due);
  details = json_object_new ();
  json_object_set_string_member (details, "contribution", id);
  json_object_set_string_member (details, "department", aff_enum_to_nick (AFF_TYPE_DEPARTMENT, department));
  json_object_set_string_member (details, "who", who);
  json_object_set_string_member (details, "what", what);
  json_object_set_string_member (details, "due", due_text);
  _aff_track_record (&self->track, "contribution-requested", details);
  return aff_contribution_get_id (contribution);
}

/**
 * aff_consultation_complete_contribution:
 * @self: a consultation
 * @id: the contribution's id
 * @answer: what the department delivered
 * @date: the day it delivered
 * @error: return location for a #GError
 *
 * Records what a department delivered.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_NOT_FOUND or
 *   %AFF_ERROR_INVALID_VALUE (already completed, invalid date) set and
 *   nothing changed
 */
gboolean
aff_consultation_complete_contribution (AffConsultation  *self,
                                        const char       *id,
                                        const char       *answer,
                                        const GDate      *date,
                                        GError          **error)
{
  AffContribution *contribution;
  GDate since;

  g_return_val_if_fail (AFF_IS_CONSULTATION (self), FALSE);
  g_return_val_if_fail (id != NULL && answer != NULL, FALSE);

  /* A contribution can be delivered any day after the consultation arrived. */
  since = self->received;
  contribution = lookup_by_id (self->contributions, id, (const char *(*) (gpointer)) aff_contribution_get_id);
  if (!check_answer (self, contribution, _("contribution"), id,
                     contribution && aff_contribution_is_answered (contribution),
                     &since, date, error))
    return FALSE;
  _aff_contribution_complete (contribution, answer, date);
  record_answer (self, "contribution-completed", "contribution", id, answer, date);
  return TRUE;
}

/**
 * aff_consultation_get_contributions:
 * @self: a consultation
 *
 * Gets the contributions asked of internal departments.
 *
 * Returns: (transfer none): a list model of [class@Aff.Contribution]
 */
GListModel *
aff_consultation_get_contributions (AffConsultation *self)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), NULL);
  return G_LIST_MODEL (self->contributions);
}

/**
 * aff_consultation_is_analysis_complete:
 * @self: a consultation
 *
 * Tells whether the analysis of the request is complete: every question
 * answered and every contribution delivered.
 *
 * Returns: whether nothing is pending
 */
gboolean
aff_consultation_is_analysis_complete (AffConsultation *self)
{
  guint i, n;

  g_return_val_if_fail (AFF_IS_CONSULTATION (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->clarifications));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffClarification) item = g_list_model_get_item (G_LIST_MODEL (self->clarifications), i);
      if (!aff_clarification_is_answered (item))
        return FALSE;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->contributions));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffContribution) item = g_list_model_get_item (G_LIST_MODEL (self->contributions), i);
      if (!aff_contribution_is_answered (item))
        return FALSE;
    }
  return TRUE;
}

/**
 * aff_consultation_get_risk_register:
 * @self: a consultation
 *
 * Gets the consultation's risk register.
 *
 * Returns: (transfer none): the register
 */
AffRiskRegister *
aff_consultation_get_risk_register (AffConsultation *self)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), NULL);
  return self->risks;
}

const GDate *
_aff_consultation_get_last_change_date (AffConsultation *self)
{
  const GDate *last = _aff_history_last_date (&self->history);

  return last ? last : &self->received;
}

void
_aff_consultation_attach (AffConsultation *self,
                          AffJournal      *journal)
{
  _aff_track_attach (&self->track, journal, "consultation", self->id, NULL, NULL);
  _aff_risk_register_attach (self->risks, journal, "consultation", self->id);
}

void
_aff_consultation_set_evaluation (AffConsultation  *self,
                                  AffBidEvaluation *evaluation)
{
  g_autofree char *date_text = aff_date_to_iso (aff_bid_evaluation_get_date (evaluation));
  JsonObject *details;

  self->evaluated = TRUE;
  self->evaluation_verdict = aff_bid_evaluation_get_verdict (evaluation);
  self->evaluation_score = aff_bid_evaluation_get_score (evaluation);
  self->evaluation_date = *aff_bid_evaluation_get_date (evaluation);

  details = json_object_new ();
  json_object_set_string_member (details, "verdict",
                                 aff_enum_to_nick (AFF_TYPE_BID_VERDICT, self->evaluation_verdict));
  json_object_set_int_member (details, "score", self->evaluation_score);
  json_object_set_string_member (details, "date", date_text);
  _aff_track_record (&self->track, "evaluated", details);
}

/**
 * aff_consultation_get_evaluation:
 * @self: a consultation
 * @verdict: (out) (optional): where to store the verdict of its latest
 *   evaluation
 * @score: (out) (optional): where to store its score, from 0 to 100
 * @date: (out caller-allocates) (optional): where to store its day
 *
 * Gets what the latest go / no-go evaluation
 * ([method@Aff.Portfolio.evaluate_consultation]) found.
 *
 * Returns: %TRUE with the outputs set; %FALSE when the consultation was
 *   never evaluated
 */
gboolean
aff_consultation_get_evaluation (AffConsultation *self,
                                 AffBidVerdict   *verdict,
                                 guint           *score,
                                 GDate           *date)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), FALSE);

  if (!self->evaluated)
    return FALSE;
  if (verdict != NULL)
    *verdict = self->evaluation_verdict;
  if (score != NULL)
    *score = self->evaluation_score;
  if (date != NULL)
    *date = self->evaluation_date;
  return TRUE;
}

void
_aff_consultation_set_decision (AffConsultation *self,
                                AffBidVerdict    verdict,
                                const char      *decided_by,
                                const char      *justification,
                                gboolean         against_evaluation,
                                const GDate     *date)
{
  g_autofree char *date_text = aff_date_to_iso (date);
  JsonObject *details;

  self->decided = TRUE;
  self->decision_verdict = verdict;
  g_free (self->decided_by);
  self->decided_by = g_strdup (decided_by);
  g_free (self->decision_justification);
  self->decision_justification = g_strdup (justification);
  self->against_evaluation = against_evaluation;
  self->decision_date = *date;

  details = json_object_new ();
  json_object_set_string_member (details, "verdict", aff_enum_to_nick (AFF_TYPE_BID_VERDICT, verdict));
  json_object_set_string_member (details, "decided_by", decided_by);
  if (justification != NULL)
    json_object_set_string_member (details, "justification", justification);
  json_object_set_boolean_member (details, "against_evaluation", against_evaluation);
  json_object_set_string_member (details, "date", date_text);
  _aff_track_record (&self->track, "decided", details);
}

/**
 * aff_consultation_get_decision:
 * @self: a consultation
 * @verdict: (out) (optional): where to store the decision, GO or NO_GO
 * @date: (out caller-allocates) (optional): where to store its day
 * @decided_by: (out) (optional) (transfer none): where to store who decided
 * @justification: (out) (optional) (nullable) (transfer none): where to
 *   store why, %NULL when none was given
 * @against_evaluation: (out) (optional): where to store whether it went
 *   against the evaluation's GO or NO_GO
 *
 * Gets the go / no-go decision ([method@Aff.Portfolio.decide_consultation]).
 *
 * Returns: %TRUE with the outputs set; %FALSE when nothing is decided yet
 */
gboolean
aff_consultation_get_decision (AffConsultation  *self,
                               AffBidVerdict    *verdict,
                               GDate            *date,
                               const char      **decided_by,
                               const char      **justification,
                               gboolean         *against_evaluation)
{
  g_return_val_if_fail (AFF_IS_CONSULTATION (self), FALSE);

  if (!self->decided)
    return FALSE;
  if (verdict != NULL)
    *verdict = self->decision_verdict;
  if (date != NULL)
    *date = self->decision_date;
  if (decided_by != NULL)
    *decided_by = self->decided_by;
  if (justification != NULL)
    *justification = self->decision_justification;
  if (against_evaluation != NULL)
    *against_evaluation = self->against_evaluation;
  return TRUE;
}

/* ---- The document ------------------------------------------------------ */

void
_aff_consultation_to_json (AffConsultation *self,
                           JsonBuilder     *builder)
{
  guint i, n;

  json_builder_begin_object (builder);
  aff_json_add_string (builder, "id", self->id);
  aff_json_add_string (builder, "client_id", self->client_id);
  aff_json_add_string (builder, "title", self->title);
  aff_json_add_date (builder, "received", &self->received);
  aff_json_add_date (builder, "deadline", &self->deadline);
  aff_json_add_money (builder, "estimated_value", self->estimated_value);
  aff_json_add_strv (builder, "activities", (const char * const *) self->activities);
  aff_json_add_string (builder, "site", self->site);
  aff_json_add_string (builder, "description", self->description);
  aff_json_add_enum (builder, "source", AFF_TYPE_CONSULTATION_SOURCE, self->source);
  aff_json_add_flags (builder, "regulatory_flags", AFF_TYPE_REGULATORY_FLAGS, self->regulatory_flags);
  if (self->expected_margin_rate != AFF_MARGIN_RATE_UNSET)
    aff_json_add_int (builder, "expected_margin_rate", self->expected_margin_rate);
  if (self->estimated_hours > 0)
    aff_json_add_int (builder, "estimated_hours", self->estimated_hours);
  aff_json_add_money (builder, "bid_cost", self->bid_cost);
  aff_json_add_enum (builder, "state", AFF_TYPE_CONSULTATION_STATE, self->state);

  _aff_history_to_json (&self->history, builder, "state_history");

  json_builder_set_member_name (builder, "requirements");
  json_builder_begin_array (builder);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->requirements));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffRequirement) item = g_list_model_get_item (G_LIST_MODEL (self->requirements), i);

      json_builder_begin_object (builder);
      aff_json_add_string (builder, "id", aff_requirement_get_id (item));
      aff_json_add_string (builder, "text", aff_requirement_get_text (item));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "clarifications");
  json_builder_begin_array (builder);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->clarifications));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffClarification) item = g_list_model_get_item (G_LIST_MODEL (self->clarifications), i);

      json_builder_begin_object (builder);
      aff_json_add_string (builder, "id", aff_clarification_get_id (item));
      aff_json_add_string (builder, "question", aff_clarification_get_question (item));
      aff_json_add_date (builder, "asked", aff_clarification_get_asked_date (item));
      aff_json_add_string (builder, "answer", aff_clarification_get_answer (item));
      aff_json_add_date (builder, "answered", aff_clarification_get_answered_date (item));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "contributions");
  json_builder_begin_array (builder);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->contributions));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffContribution) item = g_list_model_get_item (G_LIST_MODEL (self->contributions), i);

      json_builder_begin_object (builder);
      aff_json_add_string (builder, "id", aff_contribution_get_id (item));
      aff_json_add_enum (builder, "department", AFF_TYPE_DEPARTMENT, aff_contribution_get_department (item));
      aff_json_add_string (builder, "who", aff_contribution_get_who (item));
      aff_json_add_string (builder, "what", aff_contribution_get_what (item));
      aff_json_add_date (builder, "due", aff_contribution_get_due_date (item));
      aff_json_add_string (builder, "answer", aff_contribution_get_answer (item));
      aff_json_add_date (builder, "answered", aff_contribution_get_answered_date (item));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "risks");
  _aff_risk_register_to_json (self->risks, builder);

  if (self->evaluated)
    {
      json_builder_set_member_name (builder, "evaluation");
      json_builder_begin_object (builder);
      aff_json_add_date (builder, "date", &self->evaluation_date);
      aff_json_add_enum (builder, "verdict", AFF_TYPE_BID_VERDICT, self->evaluation_verdict);
      aff_json_add_int (builder, "score", self->evaluation_score);
      json_builder_end_object (builder);
    }
  if (self->decided)
    {
      json_builder_set_member_name (builder, "decision");
      json_builder_begin_object (builder);
      aff_json_add_date (builder, "date", &self->decision_date);
      aff_json_add_enum (builder, "verdict", AFF_TYPE_BID_VERDICT, self->decision_verdict);
      aff_json_add_string (builder, "decided_by", self->decided_by);
      aff_json_add_string (builder, "justification", self->decision_justification);
      aff_json_add_boolean (builder, "against_evaluation", self->against_evaluation);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static gboolean
transition_allowed_int (int from,
                        int to)
{
  return transition_allowed (from, to);
}

static gboolean
history_from_json (AffJsonReader   *reader,
                   JsonObject      *object,
                   AffConsultation *self,
                   int              state,
                   GError         **error)
{
  guint n;

  if (!_aff_history_from_json (&self->history, reader, object, "state_history",
                               transition_allowed_int, error))
    return FALSE;
  /* A consultation imported without its history may be in any state. */
  n = self->history.changes->len;
  if (n > 0 && _aff_history_get (&self->history, n - 1)->to != state)
    return aff_json_reader_fail_at (reader, "state", error,
                                    _("expected “%s”, the state state_history leads to"),
                                    aff_enum_to_nick (AFF_TYPE_CONSULTATION_STATE,
                                                      _aff_history_get (&self->history, n - 1)->to));
  self->state = state;
  return TRUE;
}

/* Reads the records of one list (requirements, clarifications or
 * contributions), checking that their ids are unique. */
typedef GObject *(*ReadItem) (AffConsultation *self,
                              AffJsonReader   *reader,
                              JsonObject      *item,
                              GError         **error);

typedef struct
{
  AffConsultation *self;
  GListStore *store;
  const char *(*get_id) (gpointer);
  ReadItem read_item;
} ReadRecords;

static gboolean
read_record (AffJsonReader *reader,
             JsonNode      *element,
             guint          index,
             gpointer       data,
             GError       **error)
{
  ReadRecords *read = data;
  g_autoptr(GObject) record = NULL;
  JsonObject *item;

  if (!(item = aff_json_expect_object (reader, element, error)) ||
      !(record = read->read_item (read->self, reader, item, error)))
    return FALSE;
  if (lookup_by_id (read->store, read->get_id (record), read->get_id) != NULL)
    return aff_json_reader_fail_at (reader, "id", error, _("expected an id no other item of the list has"));
  g_list_store_append (read->store, record);
  return TRUE;
}

static gboolean
records_from_json (AffJsonReader   *reader,
                   JsonObject      *object,
                   const char      *member,
                   AffConsultation *self,
                   GListStore      *store,
                   const char      *(*get_id) (gpointer),
                   ReadItem         read_item,
                   GError         **error)
{
  ReadRecords read = { self, store, get_id, read_item };

  return aff_json_read_array (reader, object, member, read_record, &read, error);
}

static gboolean
read_id (AffJsonReader *reader,
         JsonObject    *item,
         char         **id,
         GError       **error)
{
  if (!aff_json_get_string (reader, item, "id", TRUE, id, error))
    return FALSE;
  if (!_aff_id_is_valid (*id))
    return aff_json_reader_fail_at (reader, "id", error,
                                    _("expected an id of 1 to 64 bytes without spaces"));
  return TRUE;
}

static gboolean
read_answer (AffJsonReader *reader,
             JsonObject    *item,
             const GDate   *since,
             char         **answer,
             GDate         *answered,
             GError       **error)
{
  if (!aff_json_get_string (reader, item, "answer", FALSE, answer, error) ||
      !aff_json_get_date (reader, item, "answered", FALSE, answered, error))
    return FALSE;
  if ((*answer != NULL) != g_date_valid (answered))
    return aff_json_reader_fail_at (reader, *answer ? "answered" : "answer", error,
                                    _("expected both answer and answered, or neither"));
  if (*answer != NULL && g_date_compare (answered, since) < 0)
    return aff_json_reader_fail_at (reader, "answered", error,
                                    _("expected an answer dated no earlier than the request"));
  return TRUE;
}

static GObject *
read_requirement (AffConsultation *self,
                  AffJsonReader   *reader,
                  JsonObject      *item,
                  GError         **error)
{
  static const char *const members[] = { "id", "text", NULL };
  g_autofree char *id = NULL, *text = NULL;

  if (!aff_json_check_members (reader, item, members, error) ||
      !read_id (reader, item, &id, error) ||
      !aff_json_get_string (reader, item, "text", TRUE, &text, error))
    return NULL;
  return G_OBJECT (_aff_requirement_new (id, text));
}

static GObject *
read_clarification (AffConsultation *self,
                    AffJsonReader   *reader,
                    JsonObject      *item,
                    GError         **error)
{
  static const char *const members[] = { "id", "question", "asked", "answer", "answered", NULL };
  g_autofree char *id = NULL, *question = NULL, *answer = NULL;
  AffClarification *clarification;
  GDate asked, answered;

  if (!aff_json_check_members (reader, item, members, error) ||
      !read_id (reader, item, &id, error) ||
      !aff_json_get_string (reader, item, "question", TRUE, &question, error) ||
      !aff_json_get_date (reader, item, "asked", TRUE, &asked, error) ||
      !read_answer (reader, item, &asked, &answer, &answered, error))
    return NULL;
  clarification = _aff_clarification_new (id, question, &asked);
  if (answer != NULL)
    _aff_clarification_answer (clarification, answer, &answered);
  return G_OBJECT (clarification);
}

static GObject *
read_contribution (AffConsultation *self,
                   AffJsonReader   *reader,
                   JsonObject      *item,
                   GError         **error)
{
  static const char *const members[] = {
    "id", "department", "who", "what", "due", "answer", "answered", NULL
  };
  g_autofree char *id = NULL, *who = NULL, *what = NULL, *answer = NULL;
  AffContribution *contribution;
  GDate due, answered;
  int department = 0;

  if (!aff_json_check_members (reader, item, members, error) ||
      !read_id (reader, item, &id, error) ||
      !aff_json_get_enum (reader, item, "department", TRUE, AFF_TYPE_DEPARTMENT, &department, error) ||
      !aff_json_get_string (reader, item, "who", TRUE, &who, error) ||
      !aff_json_get_string (reader, item, "what", TRUE, &what, error) ||
      !aff_json_get_date (reader, item, "due", TRUE, &due, error) ||
      !read_answer (reader, item, &self->received, &answer, &answered, error))
    return NULL;
  contribution = _aff_contribution_new (id, department, who, what, &due);
  if (answer != NULL)
    _aff_contribution_complete (contribution, answer, &answered);
  return G_OBJECT (contribution);
}

static gboolean
evaluation_from_json (AffJsonReader   *reader,
                      JsonObject      *object,
                      AffConsultation *self,
                      GError         **error)
{
  static const char *const evaluation_members[] = { "date", "verdict", "score", NULL };
  static const char *const decision_members[] = {
    "date", "verdict", "decided_by", "justification", "against_evaluation", NULL
  };
  JsonObject *evaluation, *decision;
  JsonNode *against;
  gsize mark;
  gboolean ok = TRUE;
  int verdict = 0;
  gint64 score = 0;

  if (!aff_json_get_object (reader, object, "evaluation", &evaluation, error) ||
      !aff_json_get_object (reader, object, "decision", &decision, error))
    return FALSE;
  if (evaluation != NULL)
    {
      mark = aff_json_reader_push_member (reader, "evaluation");
      ok = aff_json_check_members (reader, evaluation, evaluation_members, error) &&
           aff_json_get_date (reader, evaluation, "date", TRUE, &self->evaluation_date, error) &&
           aff_json_get_enum (reader, evaluation, "verdict", TRUE, AFF_TYPE_BID_VERDICT, &verdict, error) &&
           aff_json_get_int (reader, evaluation, "score", TRUE, 0, 100, &score, error);
      aff_json_reader_pop (reader, mark);
      if (!ok)
        return FALSE;
      self->evaluated = TRUE;
      self->evaluation_verdict = verdict;
      self->evaluation_score = (guint) score;
    }
  if (decision != NULL)
    {
      mark = aff_json_reader_push_member (reader, "decision");
      ok = aff_json_check_members (reader, decision, decision_members, error) &&
           aff_json_get_date (reader, decision, "date", TRUE, &self->decision_date, error) &&
           aff_json_get_enum (reader, decision, "verdict", TRUE, AFF_TYPE_BID_VERDICT, &verdict, error) &&
           aff_json_get_string (reader, decision, "decided_by", TRUE, &self->decided_by, error) &&
           aff_json_get_string (reader, decision, "justification", FALSE, &self->decision_justification, error);
      against = ok ? json_object_get_member (decision, "against_evaluation") : NULL;
      if (ok && verdict == AFF_BID_VERDICT_REVIEW)
        ok = aff_json_reader_fail_at (reader, "verdict", error, _("expected “go” or “no-go”"));
      else if (ok && (against == NULL || !JSON_NODE_HOLDS_VALUE (against) ||
                      json_node_get_value_type (against) != G_TYPE_BOOLEAN))
        ok = aff_json_reader_fail_at (reader, "against_evaluation", error, _("expected true or false"));
      if (ok)
        {
          gboolean expected = self->evaluated && self->evaluation_verdict != AFF_BID_VERDICT_REVIEW &&
                              self->evaluation_verdict != (AffBidVerdict) verdict;

          if (!self->evaluated)
            ok = aff_json_reader_fail (reader, error, _("expected an evaluation before a decision"));
          else if (*self->decided_by == '\0')
            ok = aff_json_reader_fail_at (reader, "decided_by", error, _("expected who decided"));
          else if (json_node_get_boolean (against) != expected)
            ok = aff_json_reader_fail_at (reader, "against_evaluation", error,
                                          expected ? _("expected true: the decision differs from the evaluation")
                                                   : _("expected false: the decision follows the evaluation"));
          else if (expected && (self->decision_justification == NULL || *self->decision_justification == '\0'))
            ok = aff_json_reader_fail_at (reader, "justification", error,
                                          _("expected the justification of a decision against the evaluation"));
        }
      aff_json_reader_pop (reader, mark);
      if (!ok)
        return FALSE;
      self->decided = TRUE;
      self->decision_verdict = verdict;
      self->against_evaluation = json_node_get_boolean (against);
    }
  return TRUE;
}

AffConsultation *
_aff_consultation_from_json (AffJsonReader *reader,
                             JsonNode      *node,
                             GError       **error)
{
  static const char *const members[] = {
    "id", "client_id", "title", "received", "deadline", "estimated_value", "activities", "site",
    "description", "source", "regulatory_flags", "expected_margin_rate", "estimated_hours",
    "bid_cost", "state", "state_history", "requirements", "clarifications", "contributions",
    "risks", "evaluation", "decision", NULL
  };
  g_autoptr(AffConsultation) self = NULL;
  g_autofree char *id = NULL, *client_id = NULL, *title = NULL;
  g_auto(GStrv) activities = NULL;
  JsonObject *object;
  GDate received, deadline;
  int source = 0, state = 0;
  gint64 margin = AFF_MARGIN_RATE_UNSET, hours = 0;

  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !read_id (reader, object, &id, error) ||
      !aff_json_get_string (reader, object, "client_id", TRUE, &client_id, error) ||
      !aff_json_get_string (reader, object, "title", TRUE, &title, error) ||
      !aff_json_get_date (reader, object, "received", TRUE, &received, error) ||
      !aff_json_get_date (reader, object, "deadline", TRUE, &deadline, error) ||
      !aff_json_get_enum (reader, object, "source", TRUE, AFF_TYPE_CONSULTATION_SOURCE, &source, error) ||
      !aff_json_get_enum (reader, object, "state", TRUE, AFF_TYPE_CONSULTATION_STATE, &state, error) ||
      !aff_json_get_int (reader, object, "expected_margin_rate", FALSE, -10000, 10000, &margin, error) ||
      !aff_json_get_int (reader, object, "estimated_hours", FALSE, 1, G_MAXINT, &hours, error) ||
      !aff_json_get_strv (reader, object, "activities", &activities, error))
    return NULL;
  if (*title == '\0')
    return aff_json_reader_fail_at (reader, "title", error, _("expected a non-empty title")), NULL;
  if (g_date_compare (&deadline, &received) < 0)
    return aff_json_reader_fail_at (reader, "deadline", error,
                                    _("expected a deadline no earlier than the received date")), NULL;

  self = aff_consultation_new (id, client_id, title, &received, &deadline);
  self->source = source;
  self->expected_margin_rate = (int) margin;
  self->estimated_hours = (guint) hours;
  if (activities != NULL)
    {
      g_free (self->activities);
      self->activities = intern_strv ((const char * const *) activities);
    }
  if (!aff_json_get_money (reader, object, "estimated_value", FALSE, &self->estimated_value, error) ||
      !aff_json_get_money (reader, object, "bid_cost", FALSE, &self->bid_cost, error) ||
      !aff_json_get_string (reader, object, "site", FALSE, &self->site, error) ||
      !aff_json_get_string (reader, object, "description", FALSE, &self->description, error) ||
      !aff_json_get_flags (reader, object, "regulatory_flags", AFF_TYPE_REGULATORY_FLAGS,
                           (guint *) &self->regulatory_flags, error) ||
      !history_from_json (reader, object, self, state, error) ||
      !records_from_json (reader, object, "requirements", self, self->requirements,
                          (const char *(*) (gpointer)) aff_requirement_get_id, read_requirement, error) ||
      !records_from_json (reader, object, "clarifications", self, self->clarifications,
                          (const char *(*) (gpointer)) aff_clarification_get_id, read_clarification, error) ||
      !records_from_json (reader, object, "contributions", self, self->contributions,
                          (const char *(*) (gpointer)) aff_contribution_get_id, read_contribution, error) ||
      !evaluation_from_json (reader, object, self, error))
    return NULL;

  if (!aff_json_read_array (reader, object, "risks", _aff_risk_register_read_risk, self->risks, error))
    return NULL;
  return g_steal_pointer (&self);
}
