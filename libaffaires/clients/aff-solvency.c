/* aff-solvency.c: a client's solvency assessed at a date
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-enum-types.h"
#include "aff-money-private.h"
#include "aff-clients-private.h"

/**
 * AffSolvency:
 *
 * An assessment of a client's ability to pay, made at a date with the finance
 * department: figures from its last financial statements, its payment
 * behaviour, and who in finance validated it.
 *
 * The figures give Altman's ratios X1 to X5 and a Z score: Z′ for private
 * manufacturing companies, Z″ for the others (see [enum@Aff.AltmanModel]).
 * The score falls in a zone (safe, grey, distress) that the payment behaviour
 * can only worsen, into a [enum@Aff.SolvencyRating]. Nothing is made up: a
 * missing figure gives %AFF_ERROR_NOT_ASSESSABLE, never a guessed score.
 *
 * Once added to a client ([method@Aff.Client.add_solvency]) the assessment is
 * a record of what was known then: its figures can no longer change.
 */

enum {
  FIGURE_WORKING_CAPITAL,
  FIGURE_RETAINED_EARNINGS,
  FIGURE_EBIT,
  FIGURE_BOOK_EQUITY,
  FIGURE_TOTAL_LIABILITIES,
  FIGURE_TOTAL_ASSETS,
  FIGURE_SALES,
  N_FIGURES
};

/* Names as in the document and in messages. */
static const char *const figure_names[N_FIGURES] = {
  "working_capital", "retained_earnings", "ebit", "book_equity",
  "total_liabilities", "total_assets", "sales",
};

struct _AffSolvency
{
  GObject parent_instance;

  GDate date;
  AffAltmanModel model;
  AffMoney *figures[N_FIGURES];
  int dso_days;
  int average_days_late;
  int payment_incidents;
  char *validated_by;
  gboolean frozen;
};

G_DEFINE_FINAL_TYPE (AffSolvency, aff_solvency, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATE,
  PROP_MODEL,
  PROP_DSO_DAYS,
  PROP_AVERAGE_DAYS_LATE,
  PROP_PAYMENT_INCIDENTS,
  PROP_VALIDATED_BY,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static void
aff_solvency_finalize (GObject *object)
{
  AffSolvency *self = AFF_SOLVENCY (object);
  guint i;

  for (i = 0; i < N_FIGURES; i++)
    g_clear_pointer (&self->figures[i], aff_money_free);
  g_free (self->validated_by);

  G_OBJECT_CLASS (aff_solvency_parent_class)->finalize (object);
}

static int *
behaviour_slot (AffSolvency *self,
                guint        prop_id)
{
  switch (prop_id)
    {
    case PROP_DSO_DAYS: return &self->dso_days;
    case PROP_AVERAGE_DAYS_LATE: return &self->average_days_late;
    case PROP_PAYMENT_INCIDENTS: return &self->payment_incidents;
    default: return NULL;
    }
}

static void
aff_solvency_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AffSolvency *self = AFF_SOLVENCY (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_boxed (value, &self->date);
      break;
    case PROP_MODEL:
      g_value_set_enum (value, self->model);
      break;
    case PROP_VALIDATED_BY:
      g_value_set_string (value, self->validated_by);
      break;
    default:
      if (behaviour_slot (self, prop_id) != NULL)
        g_value_set_int (value, *behaviour_slot (self, prop_id));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_behaviour (AffSolvency *self,
               guint        prop_id,
               int          value)
{
  int *slot = behaviour_slot (self, prop_id);

  g_return_if_fail (!self->frozen);
  g_return_if_fail (value >= -1);

  if (*slot == value)
    return;
  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), props[prop_id]);
}

static void
aff_solvency_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AffSolvency *self = AFF_SOLVENCY (object);
  const GDate *date;

  switch (prop_id)
    {
    case PROP_DATE:
      date = g_value_get_boxed (value);
      if (date != NULL && g_date_valid (date))
        self->date = *date;
      break;
    case PROP_MODEL:
      aff_solvency_set_model (self, g_value_get_enum (value));
      break;
    case PROP_VALIDATED_BY:
      aff_solvency_set_validated_by (self, g_value_get_string (value));
      break;
    default:
      if (behaviour_slot (self, prop_id) != NULL)
        set_behaviour (self, prop_id, g_value_get_int (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aff_solvency_class_init (AffSolvencyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aff_solvency_finalize;
  object_class->get_property = aff_solvency_get_property;
  object_class->set_property = aff_solvency_set_property;

  /**
   * AffSolvency:date:
   *
   * The day of the assessment.
   */
  props[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * AffSolvency:model:
   *
   * The Altman model the score uses.
   */
  props[PROP_MODEL] =
    g_param_spec_enum ("model", NULL, NULL, AFF_TYPE_ALTMAN_MODEL, AFF_ALTMAN_MODEL_AUTO,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AffSolvency:dso-days:
   *
   * The client's days sales outstanding with the company, or -1 when unknown.
   */
  props[PROP_DSO_DAYS] =
    g_param_spec_int ("dso-days", NULL, NULL, -1, 36500, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AffSolvency:average-days-late:
   *
   * How late the client pays on average, in days, or -1 when unknown.
   */
  props[PROP_AVERAGE_DAYS_LATE] =
    g_param_spec_int ("average-days-late", NULL, NULL, -1, 36500, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AffSolvency:payment-incidents:
   *
   * Payment incidents recorded (unpaid bills, disputes, collection), or -1
   * when unknown.
   */
  props[PROP_PAYMENT_INCIDENTS] =
    g_param_spec_int ("payment-incidents", NULL, NULL, -1, 36500, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AffSolvency:validated-by:
   *
   * Who in the finance department validated the assessment.
   */
  props[PROP_VALIDATED_BY] =
    g_param_spec_string ("validated-by", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
aff_solvency_init (AffSolvency *self)
{
  g_date_clear (&self->date, 1);
  self->dso_days = -1;
  self->average_days_late = -1;
  self->payment_incidents = -1;
}

/**
 * aff_solvency_new:
 * @date: the day of the assessment
 *
 * Creates an empty assessment; set the figures known, then add it to the
 * client with [method@Aff.Client.add_solvency].
 *
 * Returns: (transfer full): a new assessment
 */
AffSolvency *
aff_solvency_new (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_object_new (AFF_TYPE_SOLVENCY, "date", date, NULL);
}

/**
 * aff_solvency_get_date:
 * @self: an assessment
 *
 * Gets the day of the assessment.
 *
 * Returns: (transfer none): the day of the assessment
 */
const GDate *
aff_solvency_get_date (AffSolvency *self)
{
  g_return_val_if_fail (AFF_IS_SOLVENCY (self), NULL);
  return &self->date;
}

/**
 * aff_solvency_get_model:
 * @self: an assessment
 *
 * Gets the Altman model of the score.
 *
 * Returns: the model
 */
AffAltmanModel
aff_solvency_get_model (AffSolvency *self)
{
  g_return_val_if_fail (AFF_IS_SOLVENCY (self), AFF_ALTMAN_MODEL_AUTO);
  return self->model;
}

/**
 * aff_solvency_set_model:
 * @self: an assessment not yet added to a client
 * @model: the Altman model, or %AFF_ALTMAN_MODEL_AUTO to take it from the
 *   client's sector
 *
 * Chooses the Altman model of the score.
 */
void
aff_solvency_set_model (AffSolvency    *self,
                        AffAltmanModel  model)
{
  g_return_if_fail (AFF_IS_SOLVENCY (self));
  g_return_if_fail (!self->frozen);

  if (self->model == model)
    return;
  self->model = model;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_MODEL]);
}

/**
 * aff_altman_model_for_sector:
 * @naf_code: (nullable): a NAF rév. 2 code such as `28.29B`
 *
 * Chooses Altman's model from a sector: manufacturing (NAF section C,
 * divisions 10 to 33) is scored with Z′, every other sector with Z″, which
 * leaves out the sales-to-assets ratio that varies too much between
 * industries.
 *
 * Returns: %AFF_ALTMAN_MODEL_Z_PRIME or %AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME, or
 *   %AFF_ALTMAN_MODEL_AUTO when @naf_code is %NULL or not a NAF code
 */
AffAltmanModel
aff_altman_model_for_sector (const char *naf_code)
{
  int division;

  if (naf_code == NULL || !_aff_naf_is_valid (naf_code))
    return AFF_ALTMAN_MODEL_AUTO;
  division = (naf_code[0] - '0') * 10 + (naf_code[1] - '0');
  return division >= 10 && division <= 33 ? AFF_ALTMAN_MODEL_Z_PRIME : AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME;
}

static void
set_figure (AffSolvency    *self,
            guint           figure,
            const AffMoney *amount)
{
  g_return_if_fail (!self->frozen);

  g_clear_pointer (&self->figures[figure], aff_money_free);
  if (amount != NULL)
    self->figures[figure] = aff_money_copy (amount);
}

#define FIGURE_ACCESSORS(name, FIGURE)                                         \
  const AffMoney *                                                             \
  aff_solvency_get_##name (AffSolvency *self)                                  \
  {                                                                            \
    g_return_val_if_fail (AFF_IS_SOLVENCY (self), NULL);                       \
    return self->figures[FIGURE];                                              \
  }                                                                            \
  void                                                                         \
  aff_solvency_set_##name (AffSolvency    *self,                               \
                           const AffMoney *amount)                             \
  {                                                                            \
    g_return_if_fail (AFF_IS_SOLVENCY (self));                                 \
    set_figure (self, FIGURE, amount);                                         \
  }

/**
 * aff_solvency_get_working_capital:
 * @self: an assessment
 *
 * Gets the working capital (current assets minus current liabilities).
 *
 * Returns: (nullable) (transfer none): the working capital, or %NULL if unknown
 */
/**
 * aff_solvency_set_working_capital:
 * @self: an assessment not yet added to a client
 * @amount: (nullable): the working capital, or %NULL if unknown
 *
 * Sets the working capital (current assets minus current liabilities).
 */
FIGURE_ACCESSORS (working_capital, FIGURE_WORKING_CAPITAL)
/**
 * aff_solvency_get_retained_earnings:
 * @self: an assessment
 *
 * Gets the retained earnings (réserves and report à nouveau).
 *
 * Returns: (nullable) (transfer none): the retained earnings, or %NULL if unknown
 */
/**
 * aff_solvency_set_retained_earnings:
 * @self: an assessment not yet added to a client
 * @amount: (nullable): the retained earnings, or %NULL if unknown
 *
 * Sets the retained earnings.
 */
FIGURE_ACCESSORS (retained_earnings, FIGURE_RETAINED_EARNINGS)
/**
 * aff_solvency_get_ebit:
 * @self: an assessment
 *
 * Gets the earnings before interest and taxes (résultat d'exploitation).
 *
 * Returns: (nullable) (transfer none): the EBIT, or %NULL if unknown
 */
/**
 * aff_solvency_set_ebit:
 * @self: an assessment not yet added to a client
 * @amount: (nullable): the EBIT, or %NULL if unknown
 *
 * Sets the earnings before interest and taxes.
 */
FIGURE_ACCESSORS (ebit, FIGURE_EBIT)
/**
 * aff_solvency_get_book_equity:
 * @self: an assessment
 *
 * Gets the book value of equity (capitaux propres).
 *
 * Returns: (nullable) (transfer none): the book equity, or %NULL if unknown
 */
/**
 * aff_solvency_set_book_equity:
 * @self: an assessment not yet added to a client
 * @amount: (nullable): the book equity, or %NULL if unknown
 *
 * Sets the book value of equity.
 */
FIGURE_ACCESSORS (book_equity, FIGURE_BOOK_EQUITY)
/**
 * aff_solvency_get_total_liabilities:
 * @self: an assessment
 *
 * Gets the total liabilities (dettes).
 *
 * Returns: (nullable) (transfer none): the total liabilities, or %NULL if unknown
 */
/**
 * aff_solvency_set_total_liabilities:
 * @self: an assessment not yet added to a client
 * @amount: (nullable): the total liabilities, or %NULL if unknown
 *
 * Sets the total liabilities.
 */
FIGURE_ACCESSORS (total_liabilities, FIGURE_TOTAL_LIABILITIES)
/**
 * aff_solvency_get_total_assets:
 * @self: an assessment
 *
 * Gets the total assets (total du bilan).
 *
 * Returns: (nullable) (transfer none): the total assets, or %NULL if unknown
 */
/**
 * aff_solvency_set_total_assets:
 * @self: an assessment not yet added to a client
 * @amount: (nullable): the total assets, or %NULL if unknown
 *
 * Sets the total assets.
 */
FIGURE_ACCESSORS (total_assets, FIGURE_TOTAL_ASSETS)
/**
 * aff_solvency_get_sales:
 * @self: an assessment
 *
 * Gets the sales of the year (chiffre d'affaires).
 *
 * Returns: (nullable) (transfer none): the sales, or %NULL if unknown
 */
/**
 * aff_solvency_set_sales:
 * @self: an assessment not yet added to a client
 * @amount: (nullable): the sales, or %NULL if unknown
 *
 * Sets the sales of the year.
 */
FIGURE_ACCESSORS (sales, FIGURE_SALES)

/**
 * aff_solvency_get_dso_days:
 * @self: an assessment
 *
 * Gets the client's days sales outstanding.
 *
 * Returns: the days sales outstanding, or -1 when unknown
 */
int
aff_solvency_get_dso_days (AffSolvency *self)
{
  g_return_val_if_fail (AFF_IS_SOLVENCY (self), -1);
  return self->dso_days;
}

/**
 * aff_solvency_set_dso_days:
 * @self: an assessment not yet added to a client
 * @days: days sales outstanding (receivables including VAT × days / revenue
 *   including VAT), or -1 when unknown
 *
 * Sets the client's days sales outstanding.
 */
void
aff_solvency_set_dso_days (AffSolvency *self,
                           int          days)
{
  g_return_if_fail (AFF_IS_SOLVENCY (self));
  set_behaviour (self, PROP_DSO_DAYS, days);
}

/**
 * aff_solvency_get_average_days_late:
 * @self: an assessment
 *
 * Gets how late the client pays on average.
 *
 * Returns: days late on average, or -1 when unknown
 */
int
aff_solvency_get_average_days_late (AffSolvency *self)
{
  g_return_val_if_fail (AFF_IS_SOLVENCY (self), -1);
  return self->average_days_late;
}

/**
 * aff_solvency_set_average_days_late:
 * @self: an assessment not yet added to a client
 * @days: days late on average, or -1 when unknown
 *
 * Sets how late the client pays on average.
 */
void
aff_solvency_set_average_days_late (AffSolvency *self,
                                    int          days)
{
  g_return_if_fail (AFF_IS_SOLVENCY (self));
  set_behaviour (self, PROP_AVERAGE_DAYS_LATE, days);
}

/**
 * aff_solvency_get_payment_incidents:
 * @self: an assessment
 *
 * Gets the payment incidents recorded.
 *
 * Returns: the incidents, or -1 when unknown
 */
int
aff_solvency_get_payment_incidents (AffSolvency *self)
{
  g_return_val_if_fail (AFF_IS_SOLVENCY (self), -1);
  return self->payment_incidents;
}

/**
 * aff_solvency_set_payment_incidents:
 * @self: an assessment not yet added to a client
 * @incidents: payment incidents recorded, or -1 when unknown
 *
 * Sets the payment incidents recorded.
 */
void
aff_solvency_set_payment_incidents (AffSolvency *self,
                                    int          incidents)
{
  g_return_if_fail (AFF_IS_SOLVENCY (self));
  set_behaviour (self, PROP_PAYMENT_INCIDENTS, incidents);
}

/**
 * aff_solvency_get_validated_by:
 * @self: an assessment
 *
 * Gets who in finance validated the assessment.
 *
 * Returns: (nullable): a person's name
 */
const char *
aff_solvency_get_validated_by (AffSolvency *self)
{
  g_return_val_if_fail (AFF_IS_SOLVENCY (self), NULL);
  return self->validated_by;
}

/**
 * aff_solvency_set_validated_by:
 * @self: an assessment not yet added to a client
 * @person: (nullable): who in finance validated it
 *
 * Sets who in finance validated the assessment.
 */
void
aff_solvency_set_validated_by (AffSolvency *self,
                               const char  *person)
{
  g_return_if_fail (AFF_IS_SOLVENCY (self));
  g_return_if_fail (!self->frozen);

  if (g_strcmp0 (self->validated_by, person) == 0)
    return;
  g_free (self->validated_by);
  self->validated_by = g_strdup (person);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_VALIDATED_BY]);
}

static gboolean
require_figure (AffSolvency     *self,
                guint            figure,
                gboolean         positive,
                const AffMoney **out,
                GError         **error)
{
  const AffMoney *amount = self->figures[figure];

  if (amount == NULL)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_ASSESSABLE,
                        _("the solvency assessment lacks %s"), figure_names[figure]), FALSE;
  if (positive && _aff_money_minor (amount) <= 0)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_ASSESSABLE,
                        _("the solvency assessment needs a positive %s"), figure_names[figure]), FALSE;
  *out = amount;
  return TRUE;
}

/**
 * aff_solvency_compute_ratio:
 * @self: an assessment
 * @index: 1 to 5, for Altman's X1 to X5
 * @ratio: (out): the ratio
 * @error: return location for a #GError
 *
 * Computes one of Altman's ratios: X1 working capital / total assets,
 * X2 retained earnings / total assets, X3 EBIT / total assets, X4 book equity
 * / total liabilities, X5 sales / total assets.
 *
 * Returns: %TRUE with @ratio set; %FALSE with %AFF_ERROR_NOT_ASSESSABLE (a
 *   figure missing, a divisor not positive), %AFF_ERROR_CURRENCY_MISMATCH or
 *   %AFF_ERROR_INVALID_VALUE (index out of range) set
 */
gboolean
aff_solvency_compute_ratio (AffSolvency  *self,
                            guint         index,
                            double       *ratio,
                            GError      **error)
{
  static const guint numerators[] = {
    FIGURE_WORKING_CAPITAL, FIGURE_RETAINED_EARNINGS, FIGURE_EBIT, FIGURE_BOOK_EQUITY, FIGURE_SALES
  };
  static const guint denominators[] = {
    FIGURE_TOTAL_ASSETS, FIGURE_TOTAL_ASSETS, FIGURE_TOTAL_ASSETS, FIGURE_TOTAL_LIABILITIES, FIGURE_TOTAL_ASSETS
  };
  const AffMoney *numerator, *denominator;

  g_return_val_if_fail (AFF_IS_SOLVENCY (self), FALSE);
  g_return_val_if_fail (ratio != NULL, FALSE);

  if (index < 1 || index > 5)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("Altman ratios are X1 to X5, not X%u"), index), FALSE;
  if (!require_figure (self, numerators[index - 1], FALSE, &numerator, error) ||
      !require_figure (self, denominators[index - 1], TRUE, &denominator, error))
    return FALSE;
  if (strcmp (aff_money_get_currency (numerator), aff_money_get_currency (denominator)) != 0)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH,
                        _("the solvency figures %s and %s are in different currencies"),
                        figure_names[numerators[index - 1]], figure_names[denominators[index - 1]]), FALSE;
  *ratio = (double) _aff_money_minor (numerator) / (double) _aff_money_minor (denominator);
  return TRUE;
}

/**
 * aff_solvency_compute_score:
 * @self: an assessment whose model is chosen
 * @score: (out): the Z′ or Z″ score
 * @error: return location for a #GError
 *
 * Computes the Altman score of the assessment's model.
 *
 * Returns: %TRUE with @score set; %FALSE with %AFF_ERROR_NOT_ASSESSABLE (model
 *   not chosen, figure missing) or %AFF_ERROR_CURRENCY_MISMATCH set
 */
gboolean
aff_solvency_compute_score (AffSolvency  *self,
                            double       *score,
                            GError      **error)
{
  static const double z_prime[] = { 0.717, 0.847, 3.107, 0.420, 0.998 };
  static const double z_double_prime[] = { 6.56, 3.26, 6.72, 1.05, 0 };
  const double *coefficients;
  guint i, n;
  double sum = 0;

  g_return_val_if_fail (AFF_IS_SOLVENCY (self), FALSE);
  g_return_val_if_fail (score != NULL, FALSE);

  switch (self->model)
    {
    case AFF_ALTMAN_MODEL_Z_PRIME:
      coefficients = z_prime;
      n = 5;
      break;
    case AFF_ALTMAN_MODEL_Z_DOUBLE_PRIME:
      coefficients = z_double_prime;
      n = 4;
      break;
    case AFF_ALTMAN_MODEL_AUTO:
    default:
      return g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_ASSESSABLE,
                          _("the solvency assessment has no Altman model yet: set it, "
                            "or add the assessment to a client whose sector is known")), FALSE;
    }
  for (i = 0; i < n; i++)
    {
      double ratio;

      if (!aff_solvency_compute_ratio (self, i + 1, &ratio, error))
        return FALSE;
      sum += coefficients[i] * ratio;
    }
  *score = sum;
  return TRUE;
}

/**
 * aff_solvency_compute_zone:
 * @self: an assessment whose model is chosen
 * @zone: (out): the zone of the score
 * @error: return location for a #GError
 *
 * Places the score in Altman's zones: for Z′ safe above 2.9 and distress below
 * 1.23, for Z″ safe above 2.6 and distress below 1.1; grey in between, the
 * boundaries included.
 *
 * Returns: %TRUE with @zone set; %FALSE with @error set as
 *   [method@Aff.Solvency.compute_score] does
 */
gboolean
aff_solvency_compute_zone (AffSolvency       *self,
                           AffSolvencyRating *zone,
                           GError           **error)
{
  double score, safe, distress;

  g_return_val_if_fail (AFF_IS_SOLVENCY (self), FALSE);
  g_return_val_if_fail (zone != NULL, FALSE);

  if (!aff_solvency_compute_score (self, &score, error))
    return FALSE;
  safe = self->model == AFF_ALTMAN_MODEL_Z_PRIME ? 2.9 : 2.6;
  distress = self->model == AFF_ALTMAN_MODEL_Z_PRIME ? 1.23 : 1.1;
  if (score > safe)
    *zone = AFF_SOLVENCY_RATING_SAFE;
  else if (score < distress)
    *zone = AFF_SOLVENCY_RATING_DISTRESS;
  else
    *zone = AFF_SOLVENCY_RATING_GREY;
  return TRUE;
}

/**
 * aff_solvency_compute_rating:
 * @self: an assessment whose model is chosen
 * @policy: the company's directives, for the payment thresholds
 * @rating: (out): the rating
 * @error: return location for a #GError
 *
 * Rates the client: the zone of its score, worsened one level (safe to grey,
 * grey to distress) for each breach of the policy's payment thresholds
 * (days sales outstanding, average days late, payment incidents). Unknown
 * payment figures count as no breach.
 *
 * Returns: %TRUE with @rating set; %FALSE with @error set as
 *   [method@Aff.Solvency.compute_score] does
 */
gboolean
aff_solvency_compute_rating (AffSolvency       *self,
                             AffPolicy         *policy,
                             AffSolvencyRating *rating,
                             GError           **error)
{
  AffSolvencyRating zone;
  int level;

  g_return_val_if_fail (AFF_IS_SOLVENCY (self), FALSE);
  g_return_val_if_fail (AFF_IS_POLICY (policy), FALSE);
  g_return_val_if_fail (rating != NULL, FALSE);

  if (!aff_solvency_compute_zone (self, &zone, error))
    return FALSE;
  level = zone;
  if (self->dso_days >= 0 && (guint) self->dso_days > aff_policy_get_max_dso_days (policy))
    level++;
  if (self->average_days_late >= 0 &&
      (guint) self->average_days_late > aff_policy_get_max_average_days_late (policy))
    level++;
  if (self->payment_incidents >= 0 &&
      (guint) self->payment_incidents > aff_policy_get_max_payment_incidents (policy))
    level++;
  *rating = MIN (level, AFF_SOLVENCY_RATING_DISTRESS);
  return TRUE;
}

/**
 * aff_solvency_is_stale:
 * @self: an assessment
 * @policy: the company's directives, for the maximum age
 * @date: the day it would be used
 *
 * Tells whether the assessment is too old to decide on at @date: more days
 * have passed since it was made than the policy's maximum age.
 *
 * Returns: whether the assessment must be renewed
 */
gboolean
aff_solvency_is_stale (AffSolvency *self,
                       AffPolicy   *policy,
                       const GDate *date)
{
  g_return_val_if_fail (AFF_IS_SOLVENCY (self), TRUE);
  g_return_val_if_fail (AFF_IS_POLICY (policy), TRUE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), TRUE);

  return g_date_days_between (&self->date, date) > (gint) aff_policy_get_solvency_max_age_days (policy);
}

gboolean
_aff_solvency_resolve_model (AffSolvency  *self,
                             const char   *client_id,
                             const char   *sector,
                             GError      **error)
{
  if (self->model != AFF_ALTMAN_MODEL_AUTO)
    return TRUE;
  self->model = aff_altman_model_for_sector (sector);
  if (self->model == AFF_ALTMAN_MODEL_AUTO)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("client %s: set its sector, or the assessment's Altman model, "
                          "before adding a solvency assessment"), client_id), FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_MODEL]);
  return TRUE;
}

void
_aff_solvency_freeze (AffSolvency *self)
{
  self->frozen = TRUE;
}

JsonObject *
_aff_solvency_describe (AffSolvency *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  _aff_solvency_to_json (self, builder);
  node = json_builder_get_root (builder);
  return json_node_dup_object (node);
}

static void
add_behaviour (JsonBuilder *builder,
               const char  *member,
               int          value)
{
  if (value >= 0)
    aff_json_add_int (builder, member, value);
}

void
_aff_solvency_to_json (AffSolvency *self,
                       JsonBuilder *builder)
{
  guint i;

  json_builder_begin_object (builder);
  aff_json_add_date (builder, "date", &self->date);
  aff_json_add_enum (builder, "model", AFF_TYPE_ALTMAN_MODEL, self->model);
  for (i = 0; i < N_FIGURES; i++)
    aff_json_add_money (builder, figure_names[i], self->figures[i]);
  add_behaviour (builder, "dso_days", self->dso_days);
  add_behaviour (builder, "average_days_late", self->average_days_late);
  add_behaviour (builder, "payment_incidents", self->payment_incidents);
  aff_json_add_string (builder, "validated_by", self->validated_by);
  json_builder_end_object (builder);
}

AffSolvency *
_aff_solvency_from_json (AffJsonReader *reader,
                         JsonNode      *node,
                         GError       **error)
{
  static const char *const members[] = {
    "date", "model", "working_capital", "retained_earnings", "ebit", "book_equity",
    "total_liabilities", "total_assets", "sales", "dso_days", "average_days_late",
    "payment_incidents", "validated_by", NULL
  };
  g_autoptr(AffSolvency) solvency = NULL;
  JsonObject *object;
  GDate date;
  int model = 0;
  gint64 dso = -1, late = -1, incidents = -1;
  guint i;

  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_date (reader, object, "date", TRUE, &date, error) ||
      !aff_json_get_enum (reader, object, "model", TRUE, AFF_TYPE_ALTMAN_MODEL, &model, error) ||
      !aff_json_get_int (reader, object, "dso_days", FALSE, 0, 36500, &dso, error) ||
      !aff_json_get_int (reader, object, "average_days_late", FALSE, 0, 36500, &late, error) ||
      !aff_json_get_int (reader, object, "payment_incidents", FALSE, 0, 36500, &incidents, error))
    return NULL;
  if (model == AFF_ALTMAN_MODEL_AUTO)
    return aff_json_reader_fail_at (reader, "model", error,
                                    _("expected “z-prime” or “z-double-prime”")), NULL;

  solvency = aff_solvency_new (&date);
  solvency->model = model;
  solvency->dso_days = (int) dso;
  solvency->average_days_late = (int) late;
  solvency->payment_incidents = (int) incidents;
  for (i = 0; i < N_FIGURES; i++)
    if (!aff_json_get_money (reader, object, figure_names[i], FALSE, &solvency->figures[i], error))
      return NULL;
  if (!aff_json_get_string (reader, object, "validated_by", FALSE, &solvency->validated_by, error))
    return NULL;
  solvency->frozen = TRUE;
  return g_steal_pointer (&solvency);
}
