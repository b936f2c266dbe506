/* aff-risk.c: one risk of a register
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-enum-types.h"
#include "aff-money-private.h"
#include "aff-bidding-private.h"

/**
 * AffRisk:
 *
 * A risk of a consultation or an affair: what could happen (title and
 * [enum@Aff.RiskCategory]), how likely and how serious on 1–5 scales, whose
 * product is its criticality, how it is treated ([enum@Aff.RiskTreatment],
 * after ISO 31000), by whom, and when it is reviewed next.
 *
 * A risk can also carry a monetary exposure and a probability in percent;
 * their product is its expected value, which summed over a register gives
 * the contingency an offer should carry.
 *
 * Once in a register of a portfolio, its changes are journaled in the history
 * of the register's owner.
 */

struct _AffRisk
{
  GObject parent_instance;

  char *id;
  char *title;
  guint category;             /* AffRiskCategory */
  guint probability;
  guint impact;
  AffMoney *exposure;
  int probability_percent;
  guint treatment;            /* AffRiskTreatment */
  char *owner;
  guint status;               /* AffRiskStatus */
  GDate review_date;
  AffTrack track;
};

G_DEFINE_FINAL_TYPE (AffRisk, aff_risk, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_CATEGORY,
  PROP_PROBABILITY,
  PROP_IMPACT,
  PROP_EXPOSURE,
  PROP_PROBABILITY_PERCENT,
  PROP_TREATMENT,
  PROP_OWNER,
  PROP_STATUS,
  PROP_REVIEW_DATE,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static void
aff_risk_finalize (GObject *object)
{
  AffRisk *self = AFF_RISK (object);

  g_free (self->id);
  g_free (self->title);
  g_clear_pointer (&self->exposure, aff_money_free);
  g_free (self->owner);
  _aff_track_clear (&self->track);

  G_OBJECT_CLASS (aff_risk_parent_class)->finalize (object);
}

static void
aff_risk_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  AffRisk *self = AFF_RISK (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_CATEGORY: g_value_set_enum (value, self->category); break;
    case PROP_PROBABILITY: g_value_set_uint (value, self->probability); break;
    case PROP_IMPACT: g_value_set_uint (value, self->impact); break;
    case PROP_EXPOSURE: g_value_set_boxed (value, self->exposure); break;
    case PROP_PROBABILITY_PERCENT: g_value_set_int (value, self->probability_percent); break;
    case PROP_TREATMENT: g_value_set_enum (value, self->treatment); break;
    case PROP_OWNER: g_value_set_string (value, self->owner); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_REVIEW_DATE:
      g_value_set_boxed (value, g_date_valid (&self->review_date) ? &self->review_date : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aff_risk_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  AffRisk *self = AFF_RISK (object);

  switch (prop_id)
    {
    case PROP_TITLE: aff_risk_set_title (self, g_value_get_string (value)); break;
    case PROP_CATEGORY: aff_risk_set_category (self, g_value_get_enum (value)); break;
    case PROP_PROBABILITY: aff_risk_set_probability (self, g_value_get_uint (value)); break;
    case PROP_IMPACT: aff_risk_set_impact (self, g_value_get_uint (value)); break;
    case PROP_EXPOSURE: aff_risk_set_exposure (self, g_value_get_boxed (value)); break;
    case PROP_PROBABILITY_PERCENT: aff_risk_set_probability_percent (self, g_value_get_int (value)); break;
    case PROP_TREATMENT: aff_risk_set_treatment (self, g_value_get_enum (value)); break;
    case PROP_OWNER: aff_risk_set_owner (self, g_value_get_string (value)); break;
    case PROP_STATUS: aff_risk_set_status (self, g_value_get_enum (value)); break;
    case PROP_REVIEW_DATE: aff_risk_set_review_date (self, g_value_get_boxed (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aff_risk_notify (GObject    *object,
                 GParamSpec *pspec)
{
  if (pspec != props[PROP_ID])
    _aff_track_property (&AFF_RISK (object)->track, "risk-changed", object, pspec);
}

static void
aff_risk_class_init (AffRiskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = aff_risk_finalize;
  object_class->get_property = aff_risk_get_property;
  object_class->set_property = aff_risk_set_property;
  object_class->notify = aff_risk_notify;

  /**
   * AffRisk:id:
   *
   * The id the register gave the risk (`RISK-1`…); %NULL before.
   */
  props[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AffRisk:title:
   *
   * What could happen.
   */
  props[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  /**
   * AffRisk:category:
   *
   * What the risk threatens.
   */
  props[PROP_CATEGORY] = g_param_spec_enum ("category", NULL, NULL, AFF_TYPE_RISK_CATEGORY,
                                            AFF_RISK_CATEGORY_TECHNICAL, rw);
  /**
   * AffRisk:probability:
   *
   * How likely it is, from 1 (rare) to 5 (almost certain).
   */
  props[PROP_PROBABILITY] = g_param_spec_uint ("probability", NULL, NULL, 1, 5, 1, rw);
  /**
   * AffRisk:impact:
   *
   * How serious it would be, from 1 (negligible) to 5 (severe).
   */
  props[PROP_IMPACT] = g_param_spec_uint ("impact", NULL, NULL, 1, 5, 1, rw);
  /**
   * AffRisk:exposure:
   *
   * What it would cost if it happened.
   */
  props[PROP_EXPOSURE] = g_param_spec_boxed ("exposure", NULL, NULL, AFF_TYPE_MONEY, rw);
  /**
   * AffRisk:probability-percent:
   *
   * Its probability in percent for the expected value, or -1 when not estimated.
   */
  props[PROP_PROBABILITY_PERCENT] = g_param_spec_int ("probability-percent", NULL, NULL, -1, 100, -1, rw);
  /**
   * AffRisk:treatment:
   *
   * How it is treated.
   */
  props[PROP_TREATMENT] = g_param_spec_enum ("treatment", NULL, NULL, AFF_TYPE_RISK_TREATMENT,
                                             AFF_RISK_TREATMENT_NONE, rw);
  /**
   * AffRisk:owner:
   *
   * Who follows it.
   */
  props[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, NULL, rw);
  /**
   * AffRisk:status:
   *
   * Whether it may still happen.
   */
  props[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, AFF_TYPE_RISK_STATUS,
                                          AFF_RISK_STATUS_OPEN, rw);
  /**
   * AffRisk:review-date:
   *
   * When it is to be reviewed next.
   */
  props[PROP_REVIEW_DATE] = g_param_spec_boxed ("review-date", NULL, NULL, G_TYPE_DATE, rw);

  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
aff_risk_init (AffRisk *self)
{
  self->probability = 1;
  self->impact = 1;
  self->probability_percent = -1;
  g_date_clear (&self->review_date, 1);
}

/**
 * aff_risk_new:
 * @title: what could happen
 * @category: what it threatens
 * @probability: how likely, from 1 to 5
 * @impact: how serious, from 1 to 5
 *
 * Creates a risk, to be added to a register with
 * [method@Aff.RiskRegister.add_risk].
 *
 * Returns: (transfer full): a new risk
 */
AffRisk *
aff_risk_new (const char      *title,
              AffRiskCategory  category,
              guint            probability,
              guint            impact)
{
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (probability >= 1 && probability <= 5, NULL);
  g_return_val_if_fail (impact >= 1 && impact <= 5, NULL);

  return g_object_new (AFF_TYPE_RISK, "title", title, "category", category,
                       "probability", probability, "impact", impact, NULL);
}

/**
 * aff_risk_get_id:
 * @self: a risk
 *
 * Gets the id the register gave the risk.
 *
 * Returns: (nullable): the id, or %NULL before the risk is in a register
 */
const char *
aff_risk_get_id (AffRisk *self)
{
  g_return_val_if_fail (AFF_IS_RISK (self), NULL);
  return self->id;
}

void
_aff_risk_set_id (AffRisk    *self,
                  const char *id)
{
  if (g_strcmp0 (self->id, id) == 0)
    return;
  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ID]);
}

/**
 * aff_risk_get_title:
 * @self: a risk
 *
 * Gets what could happen.
 *
 * Returns: the title
 */
const char *
aff_risk_get_title (AffRisk *self)
{
  g_return_val_if_fail (AFF_IS_RISK (self), NULL);
  return self->title;
}

/**
 * aff_risk_set_title:
 * @self: a risk
 * @title: what could happen
 *
 * Sets what could happen.
 */
void
aff_risk_set_title (AffRisk    *self,
                    const char *title)
{
  g_return_if_fail (AFF_IS_RISK (self));
  g_return_if_fail (title != NULL);

  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_TITLE]);
}

/* The enumerations and small integers share one setter. */
static void
set_uint_field (AffRisk *self,
                guint   *slot,
                guint    value,
                guint    prop_id)
{
  if (*slot == value)
    return;
  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), props[prop_id]);
}

/**
 * aff_risk_get_category:
 * @self: a risk
 *
 * Gets what the risk threatens.
 *
 * Returns: the category
 */
AffRiskCategory
aff_risk_get_category (AffRisk *self)
{
  g_return_val_if_fail (AFF_IS_RISK (self), AFF_RISK_CATEGORY_TECHNICAL);
  return self->category;
}

/**
 * aff_risk_set_category:
 * @self: a risk
 * @category: what it threatens
 *
 * Sets what the risk threatens.
 */
void
aff_risk_set_category (AffRisk         *self,
                       AffRiskCategory  category)
{
  g_return_if_fail (AFF_IS_RISK (self));
  set_uint_field (self, &self->category, category, PROP_CATEGORY);
}

/**
 * aff_risk_get_probability:
 * @self: a risk
 *
 * Gets how likely the risk is.
 *
 * Returns: the probability, from 1 to 5
 */
guint
aff_risk_get_probability (AffRisk *self)
{
  g_return_val_if_fail (AFF_IS_RISK (self), 1);
  return self->probability;
}

/**
 * aff_risk_set_probability:
 * @self: a risk
 * @probability: from 1 (rare) to 5 (almost certain)
 *
 * Sets how likely the risk is.
 */
void
aff_risk_set_probability (AffRisk *self,
                          guint    probability)
{
  g_return_if_fail (AFF_IS_RISK (self));
  g_return_if_fail (probability >= 1 && probability <= 5);
  set_uint_field (self, &self->probability, probability, PROP_PROBABILITY);
}

/**
 * aff_risk_get_impact:
 * @self: a risk
 *
 * Gets how serious the risk would be.
 *
 * Returns: the impact, from 1 to 5
 */
guint
aff_risk_get_impact (AffRisk *self)
{
  g_return_val_if_fail (AFF_IS_RISK (self), 1);
  return self->impact;
}

/**
 * aff_risk_set_impact:
 * @self: a risk
 * @impact: from 1 (negligible) to 5 (severe)
 *
 * Sets how serious the risk would be.
 */
void
aff_risk_set_impact (AffRisk *self,
                     guint    impact)
{
  g_return_if_fail (AFF_IS_RISK (self));
  g_return_if_fail (impact >= 1 && impact <= 5);
  set_uint_field (self, &self->impact, impact, PROP_IMPACT);
}

/**
 * aff_risk_get_criticality:
 * @self: a risk
 *
 * Gets the risk's criticality: probability × impact.
 *
 * Returns: the criticality, from 1 to 25
 */
guint
aff_risk_get_criticality (AffRisk *self)
{
  g_return_val_if_fail (AFF_IS_RISK (self), 1);
  return self->probability * self->impact;
}

/**
 * aff_risk_get_band:
 * @self: a risk
 * @policy: the company's directives, for the thresholds
 *
 * Places the criticality in the policy's bands.
 *
 * Returns: the band
 */
AffRiskBand
aff_risk_get_band (AffRisk   *self,
                   AffPolicy *policy)
{
  guint criticality;

  g_return_val_if_fail (AFF_IS_RISK (self), AFF_RISK_BAND_LOW);
  g_return_val_if_fail (AFF_IS_POLICY (policy), AFF_RISK_BAND_LOW);

  criticality = aff_risk_get_criticality (self);
  if (criticality >= aff_policy_get_risk_critical_threshold (policy))
    return AFF_RISK_BAND_CRITICAL;
  if (criticality >= aff_policy_get_risk_high_threshold (policy))
    return AFF_RISK_BAND_HIGH;
  if (criticality >= aff_policy_get_risk_medium_threshold (policy))
    return AFF_RISK_BAND_MEDIUM;
  return AFF_RISK_BAND_LOW;
}

/**
 * aff_risk_get_exposure:
 * @self: a risk
 *
 * Gets what the risk would cost if it happened.
 *
 * Returns: (nullable) (transfer none): the exposure, or %NULL if not estimated
 */
const AffMoney *
aff_risk_get_exposure (AffRisk *self)
{
  g_return_val_if_fail (AFF_IS_RISK (self), NULL);
  return self->exposure;
}

/**
 * aff_risk_set_exposure:
 * @self: a risk
 * @exposure: (nullable): what it would cost, or %NULL
 *
 * Sets what the risk would cost if it happened.
 */
void
aff_risk_set_exposure (AffRisk        *self,
                       const AffMoney *exposure)
{
  g_return_if_fail (AFF_IS_RISK (self));

  if ((self->exposure == NULL && exposure == NULL) ||
      (self->exposure != NULL && exposure != NULL && aff_money_equal (self->exposure, exposure)))
    return;
  g_clear_pointer (&self->exposure, aff_money_free);
  if (exposure != NULL)
    self->exposure = aff_money_copy (exposure);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_EXPOSURE]);
}

/**
 * aff_risk_get_probability_percent:
 * @self: a risk
 *
 * Gets the probability in percent used for the expected value.
 *
 * Returns: the probability from 0 to 100, or -1 when not estimated
 */
int
aff_risk_get_probability_percent (AffRisk *self)
{
  g_return_val_if_fail (AFF_IS_RISK (self), -1);
  return self->probability_percent;
}

/**
 * aff_risk_set_probability_percent:
 * @self: a risk
 * @percent: from 0 to 100, or -1 for none
 *
 * Sets the probability in percent used for the expected value.
 */
void
aff_risk_set_probability_percent (AffRisk *self,
                                  int      percent)
{
  g_return_if_fail (AFF_IS_RISK (self));
  g_return_if_fail (percent >= -1 && percent <= 100);

  if (self->probability_percent == percent)
    return;
  self->probability_percent = percent;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_PROBABILITY_PERCENT]);
}

/**
 * aff_risk_compute_expected_value:
 * @self: a risk
 * @error: return location for a #GError
 *
 * Computes the risk's expected value: exposure × probability / 100, rounded
 * once to the minor unit, half to even.
 *
 * Returns: (transfer full): the expected value, or %NULL with
 *   %AFF_ERROR_NOT_ASSESSABLE set when the exposure or the percent is unset
 */
AffMoney *
aff_risk_compute_expected_value (AffRisk  *self,
                                 GError  **error)
{
  g_return_val_if_fail (AFF_IS_RISK (self), NULL);

  if (self->exposure == NULL || self->probability_percent < 0)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_ASSESSABLE,
                        _("risk %s has no %s, so no expected value"),
                        self->id ? self->id : self->title,
                        self->exposure == NULL ? _("exposure") : _("probability in percent")), NULL;
  return aff_money_multiply (self->exposure, self->probability_percent, 100, error);
}

/**
 * aff_risk_get_treatment:
 * @self: a risk
 *
 * Gets how the risk is treated.
 *
 * Returns: the treatment
 */
AffRiskTreatment
aff_risk_get_treatment (AffRisk *self)
{
  g_return_val_if_fail (AFF_IS_RISK (self), AFF_RISK_TREATMENT_NONE);
  return self->treatment;
}

/**
 * aff_risk_set_treatment:
 * @self: a risk
 * @treatment: how it is treated
 *
 * Sets how the risk is treated.
 */
void
aff_risk_set_treatment (AffRisk          *self,
                        AffRiskTreatment  treatment)
{
  g_return_if_fail (AFF_IS_RISK (self));
  set_uint_field (self, &self->treatment, treatment, PROP_TREATMENT);
}

/**
 * aff_risk_get_owner:
 * @self: a risk
 *
 * Gets who follows the risk.
 *
 * Returns: (nullable): a person's name
 */
const char *
aff_risk_get_owner (AffRisk *self)
{
  g_return_val_if_fail (AFF_IS_RISK (self), NULL);
  return self->owner;
}

/**
 * aff_risk_set_owner:
 * @self: a risk
 * @owner: (nullable): who follows it
 *
 * Sets who follows the risk.
 */
void
aff_risk_set_owner (AffRisk    *self,
                    const char *owner)
{
  g_return_if_fail (AFF_IS_RISK (self));

  if (g_strcmp0 (self->owner, owner) == 0)
    return;
  g_free (self->owner);
  self->owner = g_strdup (owner);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_OWNER]);
}

/**
 * aff_risk_get_status:
 * @self: a risk
 *
 * Gets whether the risk may still happen.
 *
 * Returns: the status
 */
AffRiskStatus
aff_risk_get_status (AffRisk *self)
{
  g_return_val_if_fail (AFF_IS_RISK (self), AFF_RISK_STATUS_OPEN);
  return self->status;
}

/**
 * aff_risk_set_status:
 * @self: a risk
 * @status: whether it may still happen
 *
 * Sets whether the risk may still happen.
 */
void
aff_risk_set_status (AffRisk       *self,
                     AffRiskStatus  status)
{
  g_return_if_fail (AFF_IS_RISK (self));
  set_uint_field (self, &self->status, status, PROP_STATUS);
}

/**
 * aff_risk_get_review_date:
 * @self: a risk
 *
 * Gets when the risk is to be reviewed next.
 *
 * Returns: (nullable) (transfer none): the review date, or %NULL
 */
const GDate *
aff_risk_get_review_date (AffRisk *self)
{
  g_return_val_if_fail (AFF_IS_RISK (self), NULL);
  return g_date_valid (&self->review_date) ? &self->review_date : NULL;
}

/**
 * aff_risk_set_review_date:
 * @self: a risk
 * @date: (nullable): when to review it, or %NULL
 *
 * Sets when the risk is to be reviewed next.
 */
void
aff_risk_set_review_date (AffRisk     *self,
                          const GDate *date)
{
  gboolean had = FALSE;

  g_return_if_fail (AFF_IS_RISK (self));

  had = g_date_valid (&self->review_date);
  if (date != NULL && !g_date_valid (date))
    date = NULL;
  if ((!had && date == NULL) || (had && date != NULL && g_date_compare (date, &self->review_date) == 0))
    return;
  if (date != NULL)
    self->review_date = *date;
  else
    g_date_clear (&self->review_date, 1);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_REVIEW_DATE]);
}

void
_aff_risk_attach (AffRisk    *self,
                  AffJournal *journal,
                  const char *kind,
                  const char *owner_id)
{
  _aff_track_attach (&self->track, journal, kind, owner_id, "risk", self->id);
}

void
_aff_risk_to_json (AffRisk     *self,
                   JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  aff_json_add_string (builder, "id", self->id);
  aff_json_add_string (builder, "title", self->title);
  aff_json_add_enum (builder, "category", AFF_TYPE_RISK_CATEGORY, self->category);
  aff_json_add_int (builder, "probability", self->probability);
  aff_json_add_int (builder, "impact", self->impact);
  aff_json_add_money (builder, "exposure", self->exposure);
  if (self->probability_percent >= 0)
    aff_json_add_int (builder, "probability_percent", self->probability_percent);
  aff_json_add_enum (builder, "treatment", AFF_TYPE_RISK_TREATMENT, self->treatment);
  aff_json_add_string (builder, "owner", self->owner);
  aff_json_add_enum (builder, "status", AFF_TYPE_RISK_STATUS, self->status);
  aff_json_add_date (builder, "review_date", &self->review_date);
  json_builder_end_object (builder);
}

AffRisk *
_aff_risk_from_json (AffJsonReader *reader,
                     JsonNode      *node,
                     GError       **error)
{
  static const char *const members[] = {
    "id", "title", "category", "probability", "impact", "exposure", "probability_percent",
    "treatment", "owner", "status", "review_date", NULL
  };
  g_autoptr(AffRisk) risk = NULL;
  g_autofree char *title = NULL;
  JsonObject *object;
  int category = 0, treatment = 0, status = 0;
  gint64 probability = 1, impact = 1, percent = -1;

  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "title", TRUE, &title, error) ||
      !aff_json_get_enum (reader, object, "category", TRUE, AFF_TYPE_RISK_CATEGORY, &category, error) ||
      !aff_json_get_int (reader, object, "probability", TRUE, 1, 5, &probability, error) ||
      !aff_json_get_int (reader, object, "impact", TRUE, 1, 5, &impact, error) ||
      !aff_json_get_int (reader, object, "probability_percent", FALSE, 0, 100, &percent, error) ||
      !aff_json_get_enum (reader, object, "treatment", TRUE, AFF_TYPE_RISK_TREATMENT, &treatment, error) ||
      !aff_json_get_enum (reader, object, "status", TRUE, AFF_TYPE_RISK_STATUS, &status, error))
    return NULL;

  risk = aff_risk_new (title, category, (guint) probability, (guint) impact);
  risk->probability_percent = (int) percent;
  risk->treatment = treatment;
  risk->status = status;
  if (!aff_json_get_string (reader, object, "id", TRUE, &risk->id, error) ||
      !aff_json_get_money (reader, object, "exposure", FALSE, &risk->exposure, error) ||
      !aff_json_get_string (reader, object, "owner", FALSE, &risk->owner, error) ||
      !aff_json_get_date (reader, object, "review_date", FALSE, &risk->review_date, error))
    return NULL;
  if (!_aff_id_is_valid (risk->id))
    return aff_json_reader_fail_at (reader, "id", error,
                                    _("expected an id of 1 to 64 bytes without spaces")), NULL;
  return g_steal_pointer (&risk);
}
