/* aff-policy.c: the company's general directives
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-enum-types.h"
#include "aff-policy-private.h"
#include "aff-language-private.h"

/**
 * AffPolicy:
 *
 * The company's general directives that every responsable d'affaires works
 * to: the activities it performs (a consultation outside them is a no-go),
 * its currency, the hourly labour rates by skill, the target and floor margin
 * rates, the thresholds of the go / no-go, the prevention-plan rule and the
 * retention rate, and the cadences of commercial follow-up.
 *
 * Rates are integers in basis points (1 % = 100). Every change made to the
 * policy of a portfolio is journaled.
 */

struct _AffPolicy
{
  GObject parent_instance;

  char *currency;
  char **activities;
  GHashTable *labour_rates;   /* skill → AffMoney */
  int values[48];             /* the integer properties, indexed by PROP_* */
  char *language;
  guint tables[2][8];         /* by RateTable, then by position in its names */
  char *presentation[8];      /* by position in presentation_keys; NULL when unset */
  AffTrack track;
};

G_DEFINE_FINAL_TYPE (AffPolicy, aff_policy, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CURRENCY,
  PROP_ACTIVITIES,
  /* integer properties from here on, stored in values[] */
  PROP_TARGET_MARGIN_RATE,
  PROP_FLOOR_MARGIN_RATE,
  PROP_BID_THRESHOLD,
  PROP_REVIEW_THRESHOLD,
  PROP_PREVENTION_PLAN_HOURS,
  PROP_RETENTION_RATE,
  PROP_FOLLOW_UP_DAYS_PROSPECT,
  PROP_FOLLOW_UP_DAYS_ACTIVE,
  PROP_FOLLOW_UP_DAYS_DORMANT,
  PROP_OFFER_REMINDER_DAYS,
  PROP_RISK_CRITICAL_THRESHOLD,
  PROP_RISK_HIGH_THRESHOLD,
  PROP_RISK_MEDIUM_THRESHOLD,
  PROP_SOLVENCY_MAX_AGE_DAYS,
  PROP_MAX_DSO_DAYS,
  PROP_MAX_AVERAGE_DAYS_LATE,
  PROP_MAX_PAYMENT_INCIDENTS,
  PROP_MIN_PREPARATION_DAYS,
  PROP_DEADLINE_WARNING_DAYS,
  PROP_CAPACITY_HOURS,
  PROP_DEFAULT_VAT_RATE,
  PROP_MIN_VALIDITY_DAYS,
  PROP_OFFER_SECOND_REMINDER_DAYS,
  PROP_VALIDITY_WARNING_DAYS,
  PROP_EAC_METHOD,
  PROP_REVENUE_METHOD,
  PROP_CONCORDANCE_TOLERANCE,
  PROP_DRIFT_CPI_THRESHOLD,
  PROP_DRIFT_SPI_THRESHOLD,
  PROP_DRIFT_MARGIN_POINTS,
  PROP_DRIFT_SLIP_DAYS,
  PROP_DRIFT_OVERRUN_RATE,
  PROP_LATE_INTEREST_RATE,
  PROP_REPORTING_PERIOD,
  PROP_MINUTES_DAYS,
  PROP_REPORT_DAYS,
  N_PROPS,
  /* not in values[]: */
  PROP_LANGUAGE = N_PROPS,
  N_ALL_PROPS
};

G_STATIC_ASSERT (N_PROPS <= 48);

#define FIRST_INT_PROP PROP_TARGET_MARGIN_RATE

typedef struct
{
  const char *name;
  const char *json;   /* member in the document; NULL for follow_up_days.* */
  int min, max, fallback;
  const char *blurb;
  GType (*enum_type) (void);   /* an enumeration, written by its nick */
} IntProp;

/* Defaults a mid-size French industrial-services company would start from:
 * a 15 % target margin and 8 % floor, the 70/50 go / no-go bands, the 400 h
 * prevention-plan threshold of article R4512-7 and the 5 % retention cap of
 * loi 71-584. */
static const IntProp int_props[N_PROPS - FIRST_INT_PROP] = {
  { "target-margin-rate", "target_margin_rate", -10000, 10000, 1500,
    "Margin rate aimed at on offers, in basis points of the selling price" },
  { "floor-margin-rate", "floor_margin_rate", -10000, 10000, 800,
    "Margin rate below which an offer needs management approval, in basis points" },
  { "bid-threshold", "bid_threshold", 0, 100, 70,
    "Go / no-go score from which the company bids" },
  { "review-threshold", "review_threshold", 0, 100, 50,
    "Go / no-go score from which a consultation is reviewed rather than declined" },
  { "prevention-plan-hours", "prevention_plan_hours", 0, G_MAXINT, 400,
    "Hours of work over twelve months on a client's site that require a written prevention plan" },
  { "retention-rate", "retention_rate", 0, 10000, 500,
    "Retention (retenue de garantie) held on each payment, in basis points" },
  { "follow-up-days-prospect", NULL, 0, 36500, 30,
    "Days between contacts with a prospect" },
  { "follow-up-days-active", NULL, 0, 36500, 60,
    "Days between contacts with an active client" },
  { "follow-up-days-dormant", NULL, 0, 36500, 180,
    "Days between contacts with a dormant client" },
  { "offer-reminder-days", "offer_reminder_days", 0, 36500, 10,
    "Days after sending an offer before the first reminder" },
  { "risk-critical-threshold", "risk_critical_threshold", 1, 25, 16,
    "Criticality (probability × impact) from which a risk is critical" },
  { "risk-high-threshold", "risk_high_threshold", 1, 25, 10,
    "Criticality from which a risk is high" },
  { "risk-medium-threshold", "risk_medium_threshold", 1, 25, 5,
    "Criticality from which a risk is medium" },
  { "solvency-max-age-days", "solvency_max_age_days", 0, 36500, 365,
    "Days after which a solvency assessment is stale and must be renewed" },
  { "max-dso-days", "max_dso_days", 0, 36500, 90,
    "Days sales outstanding above which a client's payment behaviour is a concern" },
  { "max-average-days-late", "max_average_days_late", 0, 36500, 30,
    "Average days late above which a client's payment behaviour is a concern" },
  { "max-payment-incidents", "max_payment_incidents", 0, 36500, 2,
    "Payment incidents above which a client's payment behaviour is a concern" },
  { "min-preparation-days", "min_preparation_days", 0, 36500, 10,
    "Fewest days between a go / no-go and the deadline to prepare a proper offer" },
  { "deadline-warning-days", "deadline_warning_days", 0, 36500, 7,
    "Days before a deadline from which an undecided consultation is flagged" },
  { "capacity-hours", "capacity_hours", 0, G_MAXINT, 20000,
    "Hours of work the company can take on in offers being prepared or awaiting an answer" },
  { "default-vat-rate", "default_vat_rate", 0, 10000, 2000,
    "The VAT rate new offers start with, in basis points (20 % in France)" },
  { "min-validity-days", "min_validity_days", 0, 36500, 30,
    "The shortest validity an offer may be sent with, in days" },
  { "offer-second-reminder-days", "offer_second_reminder_days", 0, 36500, 21,
    "Days after sending an offer before the second reminder" },
  { "validity-warning-days", "validity_warning_days", 0, 36500, 3,
    "Days before an offer's validity ends when it is chased once more" },
  { "eac-method", "eac_method", AFF_EAC_METHOD_CPI, AFF_EAC_METHOD_BOTTOM_UP, AFF_EAC_METHOD_CPI,
    "How affairs estimate their cost at completion, unless an affair says otherwise",
    aff_eac_method_get_type },
  { "revenue-method", "revenue_method", AFF_REVENUE_METHOD_COST_TO_COST, AFF_REVENUE_METHOD_PHYSICAL,
    AFF_REVENUE_METHOD_COST_TO_COST,
    "How the percentage of completion that recognises revenue is measured",
    aff_revenue_method_get_type },
  { "concordance-tolerance", "concordance_tolerance", 0, 10000, 1000,
    "Gap between physical, cost and billing progress beyond which an affair is flagged, in basis points" },
  { "drift-cpi-threshold", "drift_cpi_threshold", 0, 100000, 9500,
    "CPI below which an affair drifts, in basis points of 1 (9500: 0.95)" },
  { "drift-spi-threshold", "drift_spi_threshold", 0, 100000, 9000,
    "SPI below which an affair drifts, in basis points of 1 (9000: 0.90)" },
  { "drift-margin-points", "drift_margin_points", 0, 10000, 200,
    "Margin rate lost against the offer's beyond which an affair drifts, in basis points (200: 2 points)" },
  { "drift-slip-days", "drift_slip_days", 0, 36500, 5,
    "Working days a milestone may slip against the baseline before the affair drifts" },
  { "drift-overrun-rate", "drift_overrun_rate", 0, 100000, 1000,
    "Overrun of a budget line beyond which an affair drifts, in basis points of the line (1000: 10 %)" },
  /* The ECB's main refinancing rate (2.15 % since June 2025) plus 10
   * points, the rate of Code de commerce L441-10 when the contract sets
   * none; it changes every half-year. */
  { "late-interest-rate", "late_interest_rate", 0, 100000, 1215,
    "Yearly interest rate on late payments, in basis points" },
  { "reporting-period", "reporting_period", AFF_REPORTING_PERIOD_NONE, AFF_REPORTING_PERIOD_MONTHLY,
    AFF_REPORTING_PERIOD_MONTHLY, "How often the management wants a status report of each affair",
    aff_reporting_period_get_type },
  { "minutes-days", "minutes_days", 0, 365, 7,
    "Days after a meeting within which its minutes are expected" },
  { "report-days", "report_days", 0, 365, 5,
    "Days after a reporting period within which its report is expected" },
};

/* The weighted criteria of the go / no-go, in the order evaluations list
 * them, with their default weights (summing to 100). */
static const char *const bid_criteria[] = {
  "strategic-fit", "win-rate", "margin", "risk", "workload", "bid-cost", NULL
};
static const guint default_bid_weights[] = { 20, 15, 25, 20, 10, 10 };

/* Overheads by kind of cost, in basis points of the direct cost: the
 * structure costs a line draws on (supervision, premises, tools, purchasing). */
static const char *const overhead_kinds[] = {
  "labour", "material", "equipment", "subcontract", "travel", "other", NULL
};
static const guint default_overheads[] = { 3000, 1000, 1000, 800, 500, 1000 };

/* Named integers the policy keeps as tables: one way to read, write, check
 * and journal them. */
typedef struct
{
  const char *member;      /* in the document */
  const char *action;      /* in the journal */
  const char *key;         /* the detail naming the entry */
  const char *value_key;   /* the detail holding its value */
  const char *const *names;
  const guint *defaults;
  guint max;
} RateTable;

enum { TABLE_BID_WEIGHTS, TABLE_OVERHEADS, N_TABLES };

/* The company's presentation standards: what every document it sends a
 * client carries, in the order a document prints them. */
static const char *const presentation_keys[] = {
  "company-name", "company-address", "company-identity", "header",
  "legal-mentions", "signatory-name", "signatory-title", NULL
};
#define N_PRESENTATION_KEYS 7
/* A legal mentions block is a paragraph or two, not a book. */
#define MAX_PRESENTATION_LENGTH 4096

static const RateTable rate_tables[N_TABLES] = {
  { "bid_weights", "bid-weight-set", "criterion", "weight", bid_criteria, default_bid_weights, 100 },
  { "overhead_rates", "overhead-rate-set", "kind", "rate", overhead_kinds, default_overheads, 10000 },
};

static GParamSpec *props[N_ALL_PROPS];

static void
aff_policy_finalize (GObject *object)
{
  AffPolicy *self = AFF_POLICY (object);

  g_free (self->currency);
  g_free (self->language);
  for (guint i = 0; i < N_PRESENTATION_KEYS; i++)
    g_free (self->presentation[i]);
  g_strfreev (self->activities);
  g_hash_table_unref (self->labour_rates);
  _aff_track_clear (&self->track);

  G_OBJECT_CLASS (aff_policy_parent_class)->finalize (object);
}

static void
aff_policy_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AffPolicy *self = AFF_POLICY (object);

  switch (prop_id)
    {
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_ACTIVITIES:
      g_value_set_boxed (value, self->activities);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    default:
      if (prop_id >= FIRST_INT_PROP && prop_id < N_PROPS)
        {
          if (G_IS_PARAM_SPEC_ENUM (pspec))
            g_value_set_enum (value, self->values[prop_id]);
          else if (G_IS_PARAM_SPEC_INT (pspec))
            g_value_set_int (value, self->values[prop_id]);
          else
            g_value_set_uint (value, (guint) self->values[prop_id]);
        }
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_int (AffPolicy *self,
         guint      prop_id,
         int        value)
{
  const IntProp *info = &int_props[prop_id - FIRST_INT_PROP];

  g_return_if_fail (value >= info->min && value <= info->max);

  if (self->values[prop_id] == value)
    return;
  self->values[prop_id] = value;
  g_object_notify_by_pspec (G_OBJECT (self), props[prop_id]);
}

static void
aff_policy_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AffPolicy *self = AFF_POLICY (object);

  switch (prop_id)
    {
    case PROP_CURRENCY:
      aff_policy_set_currency (self, g_value_get_string (value), NULL);
      break;
    case PROP_ACTIVITIES:
      aff_policy_set_activities (self, g_value_get_boxed (value));
      break;
    case PROP_LANGUAGE:
      {
        g_autoptr(GError) error = NULL;

        if (!aff_policy_set_language (self, g_value_get_string (value), &error))
          g_warning ("%s", error->message);
      }
      break;
    default:
      if (prop_id >= FIRST_INT_PROP && prop_id < N_PROPS)
        set_int (self, prop_id, G_IS_PARAM_SPEC_ENUM (pspec) ? g_value_get_enum (value)
                                : G_IS_PARAM_SPEC_INT (pspec) ? g_value_get_int (value)
                                : (int) g_value_get_uint (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aff_policy_notify (GObject    *object,
                   GParamSpec *pspec)
{
  _aff_track_property (&AFF_POLICY (object)->track, "changed", object, pspec);
}

static void
aff_policy_class_init (AffPolicyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  guint i;

  object_class->finalize = aff_policy_finalize;
  object_class->get_property = aff_policy_get_property;
  object_class->set_property = aff_policy_set_property;
  object_class->notify = aff_policy_notify;

  /**
   * AffPolicy:currency:
   *
   * The ISO 4217 code of the company's currency, in which labour rates are given.
   */
  props[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, "EUR",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AffPolicy:activities:
   *
   * The codes of the activities the company performs (`mechanical-maintenance`,
   * `pipework`, …). A consultation whose work needs another activity does not
   * fit the company.
   */
  props[PROP_ACTIVITIES] =
    g_param_spec_boxed ("activities", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AffPolicy:target-margin-rate:
   *
   * The margin rate aimed at on offers, in basis points of the selling price.
   */
  /**
   * AffPolicy:floor-margin-rate:
   *
   * The margin rate below which an offer needs management approval, in basis points.
   */
  /**
   * AffPolicy:bid-threshold:
   *
   * The go / no-go score (0–100) from which the company bids.
   */
  /**
   * AffPolicy:review-threshold:
   *
   * The go / no-go score (0–100) from which a consultation is reviewed rather
   * than declined.
   */
  /**
   * AffPolicy:prevention-plan-hours:
   *
   * Hours of work on a client's site over twelve months from which a written
   * prevention plan is required (400 in the French labour code).
   */
  /**
   * AffPolicy:retention-rate:
   *
   * The retention held on each payment, in basis points (at most 5 %).
   */
  /**
   * AffPolicy:follow-up-days-prospect:
   *
   * Days between two contacts with a prospect.
   */
  /**
   * AffPolicy:follow-up-days-active:
   *
   * Days between two contacts with an active client.
   */
  /**
   * AffPolicy:follow-up-days-dormant:
   *
   * Days between two contacts with a dormant client.
   */
  /**
   * AffPolicy:offer-reminder-days:
   *
   * Days after an offer is sent before its first reminder.
   */
  /**
   * AffPolicy:risk-critical-threshold:
   *
   * The criticality (probability × impact) from which a risk is critical.
   */
  /**
   * AffPolicy:risk-high-threshold:
   *
   * The criticality from which a risk is high.
   */
  /**
   * AffPolicy:risk-medium-threshold:
   *
   * The criticality from which a risk is medium.
   */
  /**
   * AffPolicy:solvency-max-age-days:
   *
   * Days after which a solvency assessment is stale and must be renewed.
   */
  /**
   * AffPolicy:max-dso-days:
   *
   * Days sales outstanding above which a client's payment behaviour worsens
   * its solvency rating.
   */
  /**
   * AffPolicy:max-average-days-late:
   *
   * Average days late above which a client's payment behaviour worsens its
   * solvency rating.
   */
  /**
   * AffPolicy:max-payment-incidents:
   *
   * Payment incidents above which a client's payment behaviour worsens its
   * solvency rating.
   */
  /**
   * AffPolicy:min-preparation-days:
   *
   * The fewest days between a go / no-go and the deadline for a proper offer.
   */
  /**
   * AffPolicy:deadline-warning-days:
   *
   * Days before a deadline from which an undecided consultation is flagged.
   */
  /**
   * AffPolicy:default-vat-rate:
   *
   * The VAT rate new offers start with, in basis points (20 % in France).
   */
  /**
   * AffPolicy:min-validity-days:
   *
   * The shortest validity, in days from sending, an offer may be sent with.
   */
  /**
   * AffPolicy:offer-second-reminder-days:
   *
   * Days after an offer is sent before its second reminder; 0 for none.
   */
  /**
   * AffPolicy:validity-warning-days:
   *
   * Days before an offer's validity ends when it is chased once more; 0 for
   * none.
   */
  /**
   * AffPolicy:eac-method:
   *
   * How affairs estimate their cost at completion, unless an affair says
   * otherwise.
   */
  /**
   * AffPolicy:revenue-method:
   *
   * How the percentage of completion that recognises revenue is measured.
   */
  /**
   * AffPolicy:concordance-tolerance:
   *
   * The largest gap allowed between an affair's physical, cost and billing
   * progress, in basis points.
   */
  /**
   * AffPolicy:late-interest-rate:
   *
   * The yearly interest rate on late payments, in basis points: by default
   * the ECB's main refinancing rate (2.15 % since June 2025) plus 10
   * points, as Code de commerce L441-10 sets when the contract does not.
   */
  /**
   * AffPolicy:reporting-period:
   *
   * How often the management wants a status report of each affair: a
   * dossier lacks one for each period ended without a report sent
   * ([method@Aff.Dossier.check]).
   */
  /**
   * AffPolicy:minutes-days:
   *
   * The days after a meeting within which its minutes are expected; later,
   * the dossier lacks them.
   */
  /**
   * AffPolicy:report-days:
   *
   * The days after a reporting period ends within which its report is
   * expected; later, the dossier lacks it.
   */
  /**
   * AffPolicy:drift-cpi-threshold:
   *
   * The CPI below which an affair drifts, in basis points of 1.
   */
  /**
   * AffPolicy:drift-spi-threshold:
   *
   * The SPI below which an affair drifts, in basis points of 1.
   */
  /**
   * AffPolicy:drift-margin-points:
   *
   * The margin rate an affair may lose against its offer's before it
   * drifts, in basis points.
   */
  /**
   * AffPolicy:drift-slip-days:
   *
   * The working days a milestone may slip against the baseline before the
   * affair drifts.
   */
  /**
   * AffPolicy:drift-overrun-rate:
   *
   * The overrun of a budget line beyond which an affair drifts, in basis
   * points of the line.
   */
  /**
   * AffPolicy:capacity-hours:
   *
   * Hours of work the company can take on in offers being prepared or
   * awaiting an answer.
   */
  for (i = FIRST_INT_PROP; i < N_PROPS; i++)
    {
      const IntProp *info = &int_props[i - FIRST_INT_PROP];
      GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

      if (info->enum_type != NULL)
        props[i] = g_param_spec_enum (info->name, NULL, info->blurb, info->enum_type (),
                                      info->fallback, flags);
      else if (info->min < 0)
        props[i] = g_param_spec_int (info->name, NULL, info->blurb,
                                     info->min, info->max, info->fallback, flags);
      else
        props[i] = g_param_spec_uint (info->name, NULL, info->blurb,
                                      (guint) info->min, (guint) info->max,
                                      (guint) info->fallback, flags);
    }

  /**
   * AffPolicy:language:
   *
   * The language of the texts the library writes for people, such as the
   * justification of a go / no-go: `fr` (the default) or `en`.
   */
  props[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "fr",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_ALL_PROPS, props);
}

static void
aff_policy_init (AffPolicy *self)
{
  guint i;

  self->currency = g_strdup ("EUR");
  self->activities = g_new0 (char *, 1);
  self->labour_rates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) aff_money_free);
  for (i = FIRST_INT_PROP; i < N_PROPS; i++)
    self->values[i] = int_props[i - FIRST_INT_PROP].fallback;
  self->language = g_strdup ("fr");
  for (i = 0; i < N_TABLES; i++)
    {
      guint j;

      for (j = 0; rate_tables[i].names[j] != NULL; j++)
        self->tables[i][j] = rate_tables[i].defaults[j];
    }
}

/**
 * aff_policy_new:
 *
 * Creates a policy with the defaults of a mid-size French industrial-services
 * company: EUR, a 15 % target margin and an 8 % floor, go / no-go bands at 70
 * and 50, a prevention plan from 400 hours, 5 % retention, follow-up every 30
 * days for prospects, 60 for active clients, 180 for dormant ones, and a first
 * offer reminder after 10 days.
 *
 * Returns: (transfer full): a new policy
 */
AffPolicy *
aff_policy_new (void)
{
  return g_object_new (AFF_TYPE_POLICY, NULL);
}

/**
 * aff_policy_get_currency:
 * @self: a policy
 *
 * Gets the ISO 4217 code of the company's currency.
 *
 * Returns: the ISO 4217 code of the company's currency
 */
const char *
aff_policy_get_currency (AffPolicy *self)
{
  g_return_val_if_fail (AFF_IS_POLICY (self), NULL);
  return self->currency;
}

/**
 * aff_policy_set_currency:
 * @self: a policy
 * @currency: an ISO 4217 code
 * @error: return location for a #GError
 *
 * Changes the company's currency. Refused while labour rates are set in
 * another currency, since nothing converts them.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_UNKNOWN_CURRENCY or
 *   %AFF_ERROR_CURRENCY_MISMATCH set
 */
gboolean
aff_policy_set_currency (AffPolicy   *self,
                         const char  *currency,
                         GError     **error)
{
  g_return_val_if_fail (AFF_IS_POLICY (self), FALSE);

  if (!aff_currency_get_exponent (currency, NULL))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_UNKNOWN_CURRENCY,
                        _("“%s” is not an ISO 4217 currency code with minor units"),
                        currency ? currency : "(null)"), FALSE;
  if (strcmp (self->currency, currency) == 0)
    return TRUE;
  if (g_hash_table_size (self->labour_rates) > 0)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH,
                        _("cannot change the policy currency to %s while labour rates are in %s"),
                        currency, self->currency), FALSE;
  g_free (self->currency);
  self->currency = g_strdup (currency);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CURRENCY]);
  return TRUE;
}

/**
 * aff_policy_get_activities:
 * @self: a policy
 *
 * Gets the activity codes.
 *
 * Returns: (array zero-terminated=1) (transfer none): the activity codes
 */
const char * const *
aff_policy_get_activities (AffPolicy *self)
{
  g_return_val_if_fail (AFF_IS_POLICY (self), NULL);
  return (const char * const *) self->activities;
}

/**
 * aff_policy_set_activities:
 * @self: a policy
 * @activities: (array zero-terminated=1) (nullable): activity codes
 *
 * Sets the activities the company performs.
 */
void
aff_policy_set_activities (AffPolicy          *self,
                           const char * const *activities)
{
  static const char *const none[] = { NULL };

  g_return_if_fail (AFF_IS_POLICY (self));

  if (activities == NULL)
    activities = none;
  if (g_strv_equal ((const char * const *) self->activities, activities))
    return;
  g_strfreev (self->activities);
  self->activities = g_strdupv ((char **) activities);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ACTIVITIES]);
}

/**
 * aff_policy_performs_activity:
 * @self: a policy
 * @activity: an activity code
 *
 * Tells whether the company performs @activity.
 *
 * Returns: whether the company performs @activity
 */
gboolean
aff_policy_performs_activity (AffPolicy  *self,
                              const char *activity)
{
  g_return_val_if_fail (AFF_IS_POLICY (self), FALSE);
  g_return_val_if_fail (activity != NULL, FALSE);
  return g_strv_contains ((const char * const *) self->activities, activity);
}

/**
 * aff_policy_set_labour_rate:
 * @self: a policy
 * @skill: a skill, such as `welder` or `design-engineer`
 * @hourly_rate: (nullable): the hourly cost of that skill, in the policy
 *   currency; %NULL removes the skill
 * @error: return location for a #GError
 *
 * Sets the hourly labour rate of a skill, used to price labour lines.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_CURRENCY_MISMATCH or
 *   %AFF_ERROR_INVALID_VALUE (empty skill, negative rate) set
 */
gboolean
aff_policy_set_labour_rate (AffPolicy       *self,
                            const char      *skill,
                            const AffMoney  *hourly_rate,
                            GError         **error)
{
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_POLICY (self), FALSE);
  g_return_val_if_fail (skill != NULL, FALSE);

  if (*skill == '\0')
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("a labour rate needs a skill name")), FALSE;
  if (hourly_rate != NULL && strcmp (aff_money_get_currency (hourly_rate), self->currency) != 0)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH,
                        _("the labour rate of “%s” is in %s, the policy currency is %s"),
                        skill, aff_money_get_currency (hourly_rate), self->currency), FALSE;
  if (hourly_rate != NULL && aff_money_is_negative (hourly_rate))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("the labour rate of “%s” is negative"), skill), FALSE;

  if (hourly_rate == NULL)
    {
      if (!g_hash_table_remove (self->labour_rates, skill))
        return TRUE;
    }
  else
    {
      AffMoney *old = g_hash_table_lookup (self->labour_rates, skill);

      if (old != NULL && aff_money_equal (old, hourly_rate))
        return TRUE;
      g_hash_table_insert (self->labour_rates, g_strdup (skill), aff_money_copy (hourly_rate));
    }

  details = json_object_new ();
  json_object_set_string_member (details, "skill", skill);
  if (hourly_rate != NULL)
    {
      g_autofree char *text = aff_money_to_string (hourly_rate);
      json_object_set_string_member (details, "rate", text);
    }
  else
    json_object_set_null_member (details, "rate");
  _aff_track_record (&self->track, "labour-rate-set", details);
  return TRUE;
}

/**
 * aff_policy_get_labour_rate:
 * @self: a policy
 * @skill: a skill
 *
 * Gets the hourly rate of @skill, or %NULL when the policy has none.
 *
 * Returns: (transfer full) (nullable): the hourly rate of @skill, or %NULL
 *   when the policy has none
 */
AffMoney *
aff_policy_get_labour_rate (AffPolicy  *self,
                            const char *skill)
{
  AffMoney *rate;

  g_return_val_if_fail (AFF_IS_POLICY (self), NULL);
  g_return_val_if_fail (skill != NULL, NULL);

  rate = g_hash_table_lookup (self->labour_rates, skill);
  return rate ? aff_money_copy (rate) : NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * aff_policy_list_skills:
 * @self: a policy
 *
 * Gets the skills that have a labour rate, sorted.
 *
 * Returns: (transfer full) (array zero-terminated=1): the skills that have a
 *   labour rate, sorted
 */
char **
aff_policy_list_skills (AffPolicy *self)
{
  g_autofree const char **keys = NULL;
  guint n, i;
  char **result;

  g_return_val_if_fail (AFF_IS_POLICY (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->labour_rates, &n);
  qsort (keys, n, sizeof *keys, compare_strings);
  result = g_new0 (char *, n + 1);
  for (i = 0; i < n; i++)
    result[i] = g_strdup (keys[i]);
  return result;
}

void
_aff_policy_get_limits (AffPolicy       *self,
                        AffPolicyLimits *limits)
{
  g_autoptr(AffPolicy) fallback = NULL;

  if (self == NULL)
    self = fallback = aff_policy_new ();
  *limits = (AffPolicyLimits) {
    .eac_method = self->values[PROP_EAC_METHOD],
    .revenue_method = self->values[PROP_REVENUE_METHOD],
    .concordance_tolerance = self->values[PROP_CONCORDANCE_TOLERANCE],
    .drift_cpi_threshold = self->values[PROP_DRIFT_CPI_THRESHOLD],
    .drift_spi_threshold = self->values[PROP_DRIFT_SPI_THRESHOLD],
    .drift_margin_points = self->values[PROP_DRIFT_MARGIN_POINTS],
    .drift_slip_days = self->values[PROP_DRIFT_SLIP_DAYS],
    .drift_overrun_rate = self->values[PROP_DRIFT_OVERRUN_RATE],
    .language = _aff_language_index (self->language),
  };
}

#define INT_ACCESSORS(type, name, PROP)                                      \
  type                                                                       \
  aff_policy_get_##name (AffPolicy *self)                                    \
  {                                                                          \
    g_return_val_if_fail (AFF_IS_POLICY (self), 0);                          \
    return (type) self->values[PROP];                                        \
  }                                                                          \
  void                                                                       \
  aff_policy_set_##name (AffPolicy *self,                                    \
                         type       value)                                   \
  {                                                                          \
    g_return_if_fail (AFF_IS_POLICY (self));                                 \
    set_int (self, PROP, (int) value);                                       \
  }

/**
 * aff_policy_get_eac_method:
 * @self: a policy
 *
 * Gets how affairs estimate their cost at completion, unless an affair says
 * otherwise ([method@Aff.Affair.set_eac_method]).
 *
 * Returns: the method, never %AFF_EAC_METHOD_POLICY
 */
/**
 * aff_policy_set_eac_method:
 * @self: a policy
 * @value: a method other than %AFF_EAC_METHOD_POLICY
 *
 * Sets how affairs estimate their cost at completion. The default is
 * %AFF_EAC_METHOD_CPI.
 */
INT_ACCESSORS (AffEacMethod, eac_method, PROP_EAC_METHOD)
/**
 * aff_policy_get_revenue_method:
 * @self: a policy
 *
 * Gets how the percentage of completion that recognises revenue is
 * measured.
 *
 * Returns: the method
 */
/**
 * aff_policy_set_revenue_method:
 * @self: a policy
 * @value: the method
 *
 * Sets how the percentage of completion that recognises revenue is
 * measured. The default is %AFF_REVENUE_METHOD_COST_TO_COST.
 */
INT_ACCESSORS (AffRevenueMethod, revenue_method, PROP_REVENUE_METHOD)
/**
 * aff_policy_get_concordance_tolerance:
 * @self: a policy
 *
 * Gets the largest gap allowed between an affair's physical progress, cost
 * progress and billing progress, in basis points (1000: 10 points).
 *
 * Returns: the tolerance, in basis points
 */
/**
 * aff_policy_set_concordance_tolerance:
 * @self: a policy
 * @value: a gap in basis points, from 0 to 10000
 *
 * Sets the largest gap allowed between an affair's physical progress, cost
 * progress and billing progress.
 */
INT_ACCESSORS (guint, concordance_tolerance, PROP_CONCORDANCE_TOLERANCE)
/**
 * aff_policy_get_late_interest_rate:
 * @self: a policy
 *
 * Gets the yearly interest rate on late payments, in basis points.
 *
 * Returns: the rate
 */
/**
 * aff_policy_set_late_interest_rate:
 * @self: a policy
 * @value: a yearly rate in basis points, from 0 to 100000
 *
 * Sets the yearly interest rate on late payments. The default, 1215, is the
 * ECB's main refinancing rate of June 2025 (2.15 %) plus 10 points; the
 * legal rate follows the ECB's each half-year.
 */
INT_ACCESSORS (guint, late_interest_rate, PROP_LATE_INTEREST_RATE)
/**
 * aff_policy_get_reporting_period:
 * @self: a policy
 *
 * Gets how often the management wants a status report of each affair.
 *
 * Returns: the period
 */
/**
 * aff_policy_set_reporting_period:
 * @self: a policy
 * @value: the period
 *
 * Sets how often the management wants a status report of each affair. The
 * default is %AFF_REPORTING_PERIOD_MONTHLY.
 */
INT_ACCESSORS (AffReportingPeriod, reporting_period, PROP_REPORTING_PERIOD)
/**
 * aff_policy_get_minutes_days:
 * @self: a policy
 *
 * Gets the days after a meeting within which its minutes are expected.
 *
 * Returns: the days
 */
/**
 * aff_policy_set_minutes_days:
 * @self: a policy
 * @value: days, from 0 to 365
 *
 * Sets the days after a meeting within which its minutes are expected. The
 * default is 7.
 */
INT_ACCESSORS (guint, minutes_days, PROP_MINUTES_DAYS)
/**
 * aff_policy_get_report_days:
 * @self: a policy
 *
 * Gets the days after a reporting period ends within which its report is
 * expected.
 *
 * Returns: the days
 */
/**
 * aff_policy_set_report_days:
 * @self: a policy
 * @value: days, from 0 to 365
 *
 * Sets the days after a reporting period ends within which its report is
 * expected. The default is 5.
 */
INT_ACCESSORS (guint, report_days, PROP_REPORT_DAYS)
/**
 * aff_policy_get_drift_cpi_threshold:
 * @self: a policy
 *
 * Gets the CPI below which an affair drifts, in basis points of 1 (9500: 0.95).
 *
 * Returns: the threshold
 */
/**
 * aff_policy_set_drift_cpi_threshold:
 * @self: a policy
 * @value: a threshold in basis points of 1, from 0 to 100000
 *
 * Sets the CPI below which an affair drifts, in basis points of 1 (9500: 0.95).
 */
INT_ACCESSORS (guint, drift_cpi_threshold, PROP_DRIFT_CPI_THRESHOLD)
/**
 * aff_policy_get_drift_spi_threshold:
 * @self: a policy
 *
 * Gets the SPI below which an affair drifts, in basis points of 1 (9000: 0.90).
 *
 * Returns: the threshold
 */
/**
 * aff_policy_set_drift_spi_threshold:
 * @self: a policy
 * @value: a threshold in basis points of 1, from 0 to 100000
 *
 * Sets the SPI below which an affair drifts, in basis points of 1 (9000: 0.90).
 */
INT_ACCESSORS (guint, drift_spi_threshold, PROP_DRIFT_SPI_THRESHOLD)
/**
 * aff_policy_get_drift_margin_points:
 * @self: a policy
 *
 * Gets the margin rate an affair may lose against its offer's before it drifts, in basis points (200: 2 points).
 *
 * Returns: the threshold
 */
/**
 * aff_policy_set_drift_margin_points:
 * @self: a policy
 * @value: basis points, from 0 to 10000
 *
 * Sets the margin rate an affair may lose against its offer's before it drifts, in basis points (200: 2 points).
 */
INT_ACCESSORS (guint, drift_margin_points, PROP_DRIFT_MARGIN_POINTS)
/**
 * aff_policy_get_drift_slip_days:
 * @self: a policy
 *
 * Gets the working days a milestone may slip against the baseline before the affair drifts.
 *
 * Returns: the threshold
 */
/**
 * aff_policy_set_drift_slip_days:
 * @self: a policy
 * @value: working days, from 0 to 36500
 *
 * Sets the working days a milestone may slip against the baseline before the affair drifts.
 */
INT_ACCESSORS (guint, drift_slip_days, PROP_DRIFT_SLIP_DAYS)
/**
 * aff_policy_get_drift_overrun_rate:
 * @self: a policy
 *
 * Gets the overrun of a budget line beyond which an affair drifts, in basis points of the line (1000: 10 %).
 *
 * Returns: the threshold
 */
/**
 * aff_policy_set_drift_overrun_rate:
 * @self: a policy
 * @value: basis points, from 0 to 100000
 *
 * Sets the overrun of a budget line beyond which an affair drifts, in basis points of the line (1000: 10 %).
 */
INT_ACCESSORS (guint, drift_overrun_rate, PROP_DRIFT_OVERRUN_RATE)
/**
 * aff_policy_get_target_margin_rate:
 * @self: a policy
 *
 * Gets the target margin rate, in basis points.
 *
 * Returns: the target margin rate, in basis points
 */
/**
 * aff_policy_set_target_margin_rate:
 * @self: a policy
 * @value: a rate in basis points, from −10000 to 10000
 *
 * Sets the margin rate aimed at on offers.
 */
INT_ACCESSORS (int, target_margin_rate, PROP_TARGET_MARGIN_RATE)
/**
 * aff_policy_get_floor_margin_rate:
 * @self: a policy
 *
 * Gets the floor margin rate, in basis points.
 *
 * Returns: the floor margin rate, in basis points
 */
/**
 * aff_policy_set_floor_margin_rate:
 * @self: a policy
 * @value: a rate in basis points, from −10000 to 10000
 *
 * Sets the margin rate below which an offer needs management approval.
 */
INT_ACCESSORS (int, floor_margin_rate, PROP_FLOOR_MARGIN_RATE)
/**
 * aff_policy_get_bid_threshold:
 * @self: a policy
 *
 * Gets the go / no-go score from which the company bids.
 *
 * Returns: the go / no-go score from which the company bids
 */
/**
 * aff_policy_set_bid_threshold:
 * @self: a policy
 * @value: a score from 0 to 100
 *
 * Sets the go / no-go score from which the company bids.
 */
INT_ACCESSORS (guint, bid_threshold, PROP_BID_THRESHOLD)
/**
 * aff_policy_get_review_threshold:
 * @self: a policy
 *
 * Gets the go / no-go score from which a consultation is reviewed.
 *
 * Returns: the go / no-go score from which a consultation is reviewed
 */
/**
 * aff_policy_set_review_threshold:
 * @self: a policy
 * @value: a score from 0 to 100
 *
 * Sets the go / no-go score from which a consultation is reviewed rather
 * than declined.
 */
INT_ACCESSORS (guint, review_threshold, PROP_REVIEW_THRESHOLD)
/**
 * aff_policy_get_prevention_plan_hours:
 * @self: a policy
 *
 * Gets the hours from which a written prevention plan is required.
 *
 * Returns: the hours from which a written prevention plan is required
 */
/**
 * aff_policy_set_prevention_plan_hours:
 * @self: a policy
 * @value: hours of work over twelve months, up to %G_MAXINT
 *
 * Sets the hours from which a written prevention plan is required.
 */
INT_ACCESSORS (guint, prevention_plan_hours, PROP_PREVENTION_PLAN_HOURS)
/**
 * aff_policy_get_retention_rate:
 * @self: a policy
 *
 * Gets the retention rate, in basis points.
 *
 * Returns: the retention rate, in basis points
 */
/**
 * aff_policy_set_retention_rate:
 * @self: a policy
 * @value: a rate in basis points, from 0 to 10000
 *
 * Sets the retention held on each payment.
 */
INT_ACCESSORS (int, retention_rate, PROP_RETENTION_RATE)
/**
 * aff_policy_get_follow_up_days_prospect:
 * @self: a policy
 *
 * Gets days between two contacts with a prospect.
 *
 * Returns: days between two contacts with a prospect
 */
/**
 * aff_policy_set_follow_up_days_prospect:
 * @self: a policy
 * @value: a number of days, from 0 to 36500
 *
 * Sets the days between two contacts with a prospect.
 */
INT_ACCESSORS (guint, follow_up_days_prospect, PROP_FOLLOW_UP_DAYS_PROSPECT)
/**
 * aff_policy_get_follow_up_days_active:
 * @self: a policy
 *
 * Gets days between two contacts with an active client.
 *
 * Returns: days between two contacts with an active client
 */
/**
 * aff_policy_set_follow_up_days_active:
 * @self: a policy
 * @value: a number of days, from 0 to 36500
 *
 * Sets the days between two contacts with an active client.
 */
INT_ACCESSORS (guint, follow_up_days_active, PROP_FOLLOW_UP_DAYS_ACTIVE)
/**
 * aff_policy_get_follow_up_days_dormant:
 * @self: a policy
 *
 * Gets days between two contacts with a dormant client.
 *
 * Returns: days between two contacts with a dormant client
 */
/**
 * aff_policy_set_follow_up_days_dormant:
 * @self: a policy
 * @value: a number of days, from 0 to 36500
 *
 * Sets the days between two contacts with a dormant client.
 */
INT_ACCESSORS (guint, follow_up_days_dormant, PROP_FOLLOW_UP_DAYS_DORMANT)
/**
 * aff_policy_get_offer_reminder_days:
 * @self: a policy
 *
 * Gets days after an offer is sent before its first reminder.
 *
 * Returns: days after an offer is sent before its first reminder
 */
/**
 * aff_policy_set_offer_reminder_days:
 * @self: a policy
 * @value: a number of days, from 0 to 36500
 *
 * Sets the days after an offer is sent before its first reminder.
 */
INT_ACCESSORS (guint, offer_reminder_days, PROP_OFFER_REMINDER_DAYS)
/**
 * aff_policy_get_risk_critical_threshold:
 * @self: a policy
 *
 * Gets the criticality from which a risk is critical.
 *
 * Returns: the criticality from which a risk is critical
 */
/**
 * aff_policy_set_risk_critical_threshold:
 * @self: a policy
 * @value: a criticality from 1 to 25
 *
 * Sets the criticality from which a risk is critical.
 */
INT_ACCESSORS (guint, risk_critical_threshold, PROP_RISK_CRITICAL_THRESHOLD)
/**
 * aff_policy_get_risk_high_threshold:
 * @self: a policy
 *
 * Gets the criticality from which a risk is high.
 *
 * Returns: the criticality from which a risk is high
 */
/**
 * aff_policy_set_risk_high_threshold:
 * @self: a policy
 * @value: a criticality from 1 to 25
 *
 * Sets the criticality from which a risk is high.
 */
INT_ACCESSORS (guint, risk_high_threshold, PROP_RISK_HIGH_THRESHOLD)
/**
 * aff_policy_get_risk_medium_threshold:
 * @self: a policy
 *
 * Gets the criticality from which a risk is medium.
 *
 * Returns: the criticality from which a risk is medium
 */
/**
 * aff_policy_set_risk_medium_threshold:
 * @self: a policy
 * @value: a criticality from 1 to 25
 *
 * Sets the criticality from which a risk is medium.
 */
INT_ACCESSORS (guint, risk_medium_threshold, PROP_RISK_MEDIUM_THRESHOLD)
/**
 * aff_policy_get_solvency_max_age_days:
 * @self: a policy
 *
 * Gets the days after which a solvency assessment is stale.
 *
 * Returns: the days after which a solvency assessment is stale
 */
/**
 * aff_policy_set_solvency_max_age_days:
 * @self: a policy
 * @value: a number of days, from 0 to 36500
 *
 * Sets the days after which a solvency assessment is stale.
 */
INT_ACCESSORS (guint, solvency_max_age_days, PROP_SOLVENCY_MAX_AGE_DAYS)
/**
 * aff_policy_get_max_dso_days:
 * @self: a policy
 *
 * Gets the days sales outstanding above which payment behaviour is a concern.
 *
 * Returns: the days sales outstanding above which payment behaviour is a concern
 */
/**
 * aff_policy_set_max_dso_days:
 * @self: a policy
 * @value: a number of days, from 0 to 36500
 *
 * Sets the days sales outstanding above which payment behaviour is a concern.
 */
INT_ACCESSORS (guint, max_dso_days, PROP_MAX_DSO_DAYS)
/**
 * aff_policy_get_max_average_days_late:
 * @self: a policy
 *
 * Gets the average days late above which payment behaviour is a concern.
 *
 * Returns: the average days late above which payment behaviour is a concern
 */
/**
 * aff_policy_set_max_average_days_late:
 * @self: a policy
 * @value: a number of days, from 0 to 36500
 *
 * Sets the average days late above which payment behaviour is a concern.
 */
INT_ACCESSORS (guint, max_average_days_late, PROP_MAX_AVERAGE_DAYS_LATE)
/**
 * aff_policy_get_max_payment_incidents:
 * @self: a policy
 *
 * Gets the payment incidents above which payment behaviour is a concern.
 *
 * Returns: the payment incidents above which payment behaviour is a concern
 */
/**
 * aff_policy_set_max_payment_incidents:
 * @self: a policy
 * @value: a number of incidents, from 0 to 36500
 *
 * Sets the payment incidents above which payment behaviour is a concern.
 */
INT_ACCESSORS (guint, max_payment_incidents, PROP_MAX_PAYMENT_INCIDENTS)
/**
 * aff_policy_get_min_preparation_days:
 * @self: a policy
 *
 * Gets the fewest days between a go / no-go and the deadline.
 *
 * Returns: the fewest days between a go / no-go and the deadline
 */
/**
 * aff_policy_set_min_preparation_days:
 * @self: a policy
 * @value: a number of days, from 0 to 36500
 *
 * Sets the fewest days between a go / no-go and the deadline.
 */
INT_ACCESSORS (guint, min_preparation_days, PROP_MIN_PREPARATION_DAYS)
/**
 * aff_policy_get_deadline_warning_days:
 * @self: a policy
 *
 * Gets the days before a deadline from which an undecided consultation is flagged.
 *
 * Returns: the days before a deadline from which an undecided consultation is flagged
 */
/**
 * aff_policy_set_deadline_warning_days:
 * @self: a policy
 * @value: a number of days, from 0 to 36500
 *
 * Sets the days before a deadline from which an undecided consultation is flagged.
 */
INT_ACCESSORS (guint, deadline_warning_days, PROP_DEADLINE_WARNING_DAYS)
/**
 * aff_policy_get_capacity_hours:
 * @self: a policy
 *
 * Gets the hours of work the company can take on in offers being prepared or awaiting an answer.
 *
 * Returns: the hours of work the company can take on in offers being prepared or awaiting an answer
 */
/**
 * aff_policy_set_capacity_hours:
 * @self: a policy
 * @value: a number of hours, up to %G_MAXINT
 *
 * Sets the hours of work the company can take on in offers being prepared or awaiting an answer.
 */
INT_ACCESSORS (guint, capacity_hours, PROP_CAPACITY_HOURS)
/**
 * aff_policy_get_default_vat_rate:
 * @self: a policy
 *
 * Gets the VAT rate new offers start with.
 *
 * Returns: the rate in basis points
 */
/**
 * aff_policy_set_default_vat_rate:
 * @self: a policy
 * @value: a rate in basis points, from 0 to 10000
 *
 * Sets the VAT rate new offers start with.
 */
INT_ACCESSORS (guint, default_vat_rate, PROP_DEFAULT_VAT_RATE)
/**
 * aff_policy_get_min_validity_days:
 * @self: a policy
 *
 * Gets the shortest validity an offer may be sent with.
 *
 * Returns: a number of days
 */
/**
 * aff_policy_set_min_validity_days:
 * @self: a policy
 * @value: a number of days, from 0 to 36500
 *
 * Sets the shortest validity an offer may be sent with.
 */
INT_ACCESSORS (guint, min_validity_days, PROP_MIN_VALIDITY_DAYS)
/**
 * aff_policy_get_offer_second_reminder_days:
 * @self: a policy
 *
 * Gets the days after an offer is sent before its second reminder.
 *
 * Returns: a number of days, 0 for none
 */
/**
 * aff_policy_set_offer_second_reminder_days:
 * @self: a policy
 * @value: a number of days, from 0 (none) to 36500
 *
 * Sets the days after an offer is sent before its second reminder.
 */
INT_ACCESSORS (guint, offer_second_reminder_days, PROP_OFFER_SECOND_REMINDER_DAYS)
/**
 * aff_policy_get_validity_warning_days:
 * @self: a policy
 *
 * Gets the days before an offer's validity ends when it is chased once more.
 *
 * Returns: a number of days, 0 for none
 */
/**
 * aff_policy_set_validity_warning_days:
 * @self: a policy
 * @value: a number of days, from 0 (none) to 36500
 *
 * Sets the days before an offer's validity ends when it is chased once more.
 */
INT_ACCESSORS (guint, validity_warning_days, PROP_VALIDITY_WARNING_DAYS)

/**
 * aff_policy_get_language:
 * @self: a policy
 *
 * Gets the language of the texts the library writes for people.
 *
 * Returns: `fr` or `en`
 */
const char *
aff_policy_get_language (AffPolicy *self)
{
  g_return_val_if_fail (AFF_IS_POLICY (self), NULL);
  return self->language;
}

/**
 * aff_policy_set_language:
 * @self: a policy
 * @language: `fr` or `en`
 * @error: return location for a #GError
 *
 * Sets the language of the texts the library writes for people, such as the
 * justification of a go / no-go.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_INVALID_VALUE set for a
 *   language the library has no texts in
 */
gboolean
aff_policy_set_language (AffPolicy   *self,
                         const char  *language,
                         GError     **error)
{
  g_return_val_if_fail (AFF_IS_POLICY (self), FALSE);

  if (g_strcmp0 (language, "fr") != 0 && g_strcmp0 (language, "en") != 0)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("“%s” is not a language the library writes: use fr or en"),
                        language ? language : "(null)"), FALSE;
  if (strcmp (self->language, language) == 0)
    return TRUE;
  g_free (self->language);
  self->language = g_strdup (language);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LANGUAGE]);
  return TRUE;
}

/**
 * aff_policy_list_bid_criteria:
 *
 * The names of the weighted criteria of the go / no-go, in the order
 * evaluations list them: `strategic-fit`, `win-rate`, `margin`, `risk`,
 * `workload`, `bid-cost`.
 *
 * Returns: (array zero-terminated=1) (transfer none): the criteria names
 */
const char * const *
aff_policy_list_bid_criteria (void)
{
  return bid_criteria;
}

static int
table_index (guint       table,
             const char *name)
{
  int i;

  for (i = 0; name != NULL && rate_tables[table].names[i] != NULL; i++)
    if (strcmp (rate_tables[table].names[i], name) == 0)
      return i;
  return -1;
}

static gboolean
table_set (AffPolicy   *self,
           guint        table,
           const char  *name,
           guint        value,
           GError     **error)
{
  const RateTable *info = &rate_tables[table];
  int index = table_index (table, name);
  JsonObject *details;

  if (index < 0)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("“%s” is not one of the policy’s %s"), name ? name : "(null)", info->member), FALSE;
  if (value > info->max)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("%s of %s must be from 0 to %u, not %u"), info->member, name, info->max, value), FALSE;
  if (self->tables[table][index] == value)
    return TRUE;
  self->tables[table][index] = value;
  details = json_object_new ();
  json_object_set_string_member (details, info->key, name);
  json_object_set_int_member (details, info->value_key, value);
  _aff_track_record (&self->track, info->action, details);
  return TRUE;
}

/**
 * aff_policy_get_bid_weight:
 * @self: a policy
 * @criterion: a name from [func@Aff.Policy.list_bid_criteria]
 *
 * Gets the weight of a go / no-go criterion.
 *
 * Returns: the weight, from 0 to 100; 0 for an unknown criterion
 */
guint
aff_policy_get_bid_weight (AffPolicy  *self,
                           const char *criterion)
{
  int index = table_index (TABLE_BID_WEIGHTS, criterion);

  g_return_val_if_fail (AFF_IS_POLICY (self), 0);
  return index < 0 ? 0 : self->tables[TABLE_BID_WEIGHTS][index];
}

/**
 * aff_policy_set_bid_weight:
 * @self: a policy
 * @criterion: a name from [func@Aff.Policy.list_bid_criteria]
 * @weight: from 0 (ignored) to 100
 * @error: return location for a #GError
 *
 * Sets the weight of a go / no-go criterion. Weights need not sum to 100:
 * scores are normalised by their sum.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_INVALID_VALUE set for an
 *   unknown criterion or a weight above 100
 */
gboolean
aff_policy_set_bid_weight (AffPolicy   *self,
                           const char  *criterion,
                           guint        weight,
                           GError     **error)
{
  g_return_val_if_fail (AFF_IS_POLICY (self), FALSE);
  return table_set (self, TABLE_BID_WEIGHTS, criterion, weight, error);
}

/**
 * aff_policy_list_overhead_kinds:
 *
 * The kinds of cost that carry an overhead rate: `labour`, `material`,
 * `equipment`, `subcontract`, `travel`, `other` (the kinds of the lines of
 * an offer).
 *
 * Returns: (array zero-terminated=1) (transfer none): the kinds
 */
const char * const *
aff_policy_list_overhead_kinds (void)
{
  return overhead_kinds;
}

/**
 * aff_policy_get_overhead_rate:
 * @self: a policy
 * @kind: a name from [func@Aff.Policy.list_overhead_kinds]
 *
 * Gets the overhead rate of a kind of cost: what the structure adds to each
 * unit of direct cost (30 % on labour, 10 % on material… by default).
 *
 * Returns: the rate in basis points of the direct cost; 0 for an unknown kind
 */
guint
aff_policy_get_overhead_rate (AffPolicy  *self,
                              const char *kind)
{
  int index = table_index (TABLE_OVERHEADS, kind);

  g_return_val_if_fail (AFF_IS_POLICY (self), 0);
  return index < 0 ? 0 : self->tables[TABLE_OVERHEADS][index];
}

/**
 * aff_policy_set_overhead_rate:
 * @self: a policy
 * @kind: a name from [func@Aff.Policy.list_overhead_kinds]
 * @basis_points: from 0 to 10000
 * @error: return location for a #GError
 *
 * Sets the overhead rate of a kind of cost.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_INVALID_VALUE set for an
 *   unknown kind or a rate above 10000
 */
gboolean
aff_policy_set_overhead_rate (AffPolicy   *self,
                              const char  *kind,
                              guint        basis_points,
                              GError     **error)
{
  g_return_val_if_fail (AFF_IS_POLICY (self), FALSE);
  return table_set (self, TABLE_OVERHEADS, kind, basis_points, error);
}

static int
presentation_index (const char *key)
{
  for (int i = 0; key != NULL && presentation_keys[i] != NULL; i++)
    if (strcmp (presentation_keys[i], key) == 0)
      return i;
  return -1;
}

/**
 * aff_policy_list_presentation_keys:
 *
 * The presentation standards a policy holds for the documents sent to
 * clients: `company-name`, `company-address`, `company-identity` (legal form,
 * capital, SIREN, RCS, VAT number), `header` (the line opening each
 * document), `legal-mentions` (closing the document: general terms of sale,
 * late-payment penalties, the 40 € recovery indemnity), `signatory-name` and
 * `signatory-title`.
 *
 * Returns: (transfer none) (array zero-terminated=1): the keys
 */
const char * const *
aff_policy_list_presentation_keys (void)
{
  return presentation_keys;
}

/**
 * aff_policy_get_presentation:
 * @self: a policy
 * @key: a name from [func@Aff.Policy.list_presentation_keys]
 *
 * Gets one of the company's presentation standards.
 *
 * Returns: (nullable): the text, or %NULL when unset or for an unknown key
 */
const char *
aff_policy_get_presentation (AffPolicy  *self,
                             const char *key)
{
  int index = presentation_index (key);

  g_return_val_if_fail (AFF_IS_POLICY (self), NULL);
  return index < 0 ? NULL : self->presentation[index];
}

/**
 * aff_policy_set_presentation:
 * @self: a policy
 * @key: a name from [func@Aff.Policy.list_presentation_keys]
 * @text: (nullable): the text, several lines allowed; %NULL or empty to unset
 * @error: return location for a #GError
 *
 * Sets one of the company's presentation standards, used when an offer is
 * rendered (see [method@Aff.OfferRevision.render]).
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_INVALID_VALUE set for an
 *   unknown key, or a text that is not UTF-8 or longer than 4096 bytes
 */
gboolean
aff_policy_set_presentation (AffPolicy   *self,
                             const char  *key,
                             const char  *text,
                             GError     **error)
{
  int index = presentation_index (key);
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_POLICY (self), FALSE);

  if (index < 0)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("“%s” is not one of the policy’s presentation standards"),
                        key ? key : "(null)"), FALSE;
  if (text != NULL && *text == '\0')
    text = NULL;
  if (text != NULL && (!g_utf8_validate (text, -1, NULL) || strlen (text) > MAX_PRESENTATION_LENGTH))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("The presentation standard %s must be UTF-8 text of at most %d bytes"),
                        key, MAX_PRESENTATION_LENGTH), FALSE;
  if (g_strcmp0 (self->presentation[index], text) == 0)
    return TRUE;
  g_free (self->presentation[index]);
  self->presentation[index] = g_strdup (text);
  details = json_object_new ();
  json_object_set_string_member (details, "key", key);
  if (text != NULL)
    json_object_set_string_member (details, "text", text);
  else
    json_object_set_null_member (details, "text");
  _aff_track_record (&self->track, "presentation-set", details);
  return TRUE;
}

void
_aff_policy_attach (AffPolicy  *self,
                    AffJournal *journal)
{
  _aff_track_attach (&self->track, journal, "policy", "policy", NULL, NULL);
}

static const char *const follow_up_members[] = { "prospect", "active", "dormant", NULL };

void
_aff_policy_to_json (AffPolicy   *self,
                     JsonBuilder *builder)
{
  g_auto(GStrv) skills = aff_policy_list_skills (self);
  guint i;

  json_builder_begin_object (builder);
  aff_json_add_string (builder, "currency", self->currency);
  aff_json_add_strv (builder, "activities", (const char * const *) self->activities);
  json_builder_set_member_name (builder, "labour_rates");
  json_builder_begin_object (builder);
  for (i = 0; skills[i] != NULL; i++)
    aff_json_add_money (builder, skills[i], g_hash_table_lookup (self->labour_rates, skills[i]));
  json_builder_end_object (builder);
  for (i = FIRST_INT_PROP; i < N_PROPS; i++)
    {
      const IntProp *info = &int_props[i - FIRST_INT_PROP];

      if (info->json != NULL && info->enum_type != NULL)
        aff_json_add_enum (builder, info->json, info->enum_type (), self->values[i]);
      else if (info->json != NULL)
        aff_json_add_int (builder, info->json, self->values[i]);
    }
  json_builder_set_member_name (builder, "follow_up_days");
  json_builder_begin_object (builder);
  for (i = 0; follow_up_members[i] != NULL; i++)
    aff_json_add_int (builder, follow_up_members[i], self->values[PROP_FOLLOW_UP_DAYS_PROSPECT + i]);
  json_builder_end_object (builder);
  aff_json_add_string (builder, "language", self->language);
  for (i = 0; i < N_TABLES; i++)
    {
      guint j;

      json_builder_set_member_name (builder, rate_tables[i].member);
      json_builder_begin_object (builder);
      for (j = 0; rate_tables[i].names[j] != NULL; j++)
        aff_json_add_int (builder, rate_tables[i].names[j], self->tables[i][j]);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "presentation");
  json_builder_begin_object (builder);
  for (i = 0; i < N_PRESENTATION_KEYS; i++)
    if (self->presentation[i] != NULL)
      aff_json_add_string (builder, presentation_keys[i], self->presentation[i]);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static gboolean
read_int_prop (AffJsonReader *reader,
               JsonObject    *object,
               const char    *member,
               AffPolicy     *policy,
               guint          prop_id,
               GError       **error)
{
  const IntProp *info = &int_props[prop_id - FIRST_INT_PROP];
  gint64 value = policy->values[prop_id];

  if (info->enum_type != NULL)
    {
      int nick_value = policy->values[prop_id];

      if (!aff_json_get_enum (reader, object, member, FALSE, info->enum_type (), &nick_value, error))
        return FALSE;
      if (nick_value < info->min || nick_value > info->max)
        return aff_json_reader_fail_at (reader, member, error, _("expected a method a policy can set"));
      policy->values[prop_id] = nick_value;
      return TRUE;
    }
  if (!aff_json_get_int (reader, object, member, FALSE, info->min, info->max, &value, error))
    return FALSE;
  policy->values[prop_id] = (int) value;
  return TRUE;
}

AffPolicy *
_aff_policy_from_json (AffJsonReader *reader,
                       JsonObject    *object,
                       GError       **error)
{
  static const char *const members[] = {
    "currency", "activities", "labour_rates", "target_margin_rate", "floor_margin_rate",
    "bid_threshold", "review_threshold", "prevention_plan_hours", "retention_rate",
    "follow_up_days", "offer_reminder_days", "risk_critical_threshold", "risk_high_threshold",
    "risk_medium_threshold", "solvency_max_age_days", "max_dso_days", "max_average_days_late",
    "max_payment_incidents", "min_preparation_days", "deadline_warning_days", "capacity_hours",
    "language", "bid_weights", "overhead_rates", "default_vat_rate", "min_validity_days",
    "offer_second_reminder_days", "validity_warning_days", "presentation", "eac_method",
    "revenue_method", "concordance_tolerance", "drift_cpi_threshold", "drift_spi_threshold",
    "drift_margin_points", "drift_slip_days", "drift_overrun_rate", "late_interest_rate", "reporting_period",
    "minutes_days", "report_days", NULL
  };
  g_autoptr(AffPolicy) policy = aff_policy_new ();
  g_autofree char *currency = NULL, *language = NULL;
  g_auto(GStrv) activities = NULL;
  JsonObject *rates, *follow_up, *presentation;
  guint i;

  if (!aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "currency", FALSE, &currency, error) ||
      !aff_json_get_strv (reader, object, "activities", &activities, error) ||
      !aff_json_get_object (reader, object, "labour_rates", &rates, error) ||
      !aff_json_get_object (reader, object, "follow_up_days", &follow_up, error) ||
      !aff_json_get_object (reader, object, "presentation", &presentation, error) ||
      !aff_json_get_string (reader, object, "language", FALSE, &language, error))
    return NULL;

  if (language != NULL && !aff_policy_set_language (policy, language, NULL))
    return aff_json_reader_fail_at (reader, "language", error, _("expected “fr” or “en”")), NULL;
  for (i = 0; i < N_TABLES; i++)
    {
      const RateTable *info = &rate_tables[i];
      JsonObject *table;
      gsize mark;
      gboolean ok;
      guint j;

      if (!aff_json_get_object (reader, object, info->member, &table, error))
        return NULL;
      if (table == NULL)
        continue;
      mark = aff_json_reader_push_member (reader, info->member);
      ok = aff_json_check_members (reader, table, info->names, error);
      for (j = 0; ok && info->names[j] != NULL; j++)
        {
          gint64 value = policy->tables[i][j];

          ok = aff_json_get_int (reader, table, info->names[j], FALSE, 0, info->max, &value, error);
          policy->tables[i][j] = (guint) value;
        }
      aff_json_reader_pop (reader, mark);
      if (!ok)
        return NULL;
    }

  if (currency != NULL)
    {
      if (!aff_currency_get_exponent (currency, NULL))
        return aff_json_reader_fail_at (reader, "currency", error,
                                        _("expected an ISO 4217 currency code such as EUR")), NULL;
      g_free (policy->currency);
      policy->currency = g_steal_pointer (&currency);
    }
  if (activities != NULL)
    {
      g_strfreev (policy->activities);
      policy->activities = g_steal_pointer (&activities);
    }
  for (i = FIRST_INT_PROP; i < N_PROPS; i++)
    if (int_props[i - FIRST_INT_PROP].json != NULL &&
        !read_int_prop (reader, object, int_props[i - FIRST_INT_PROP].json, policy, i, error))
      return NULL;
  if (policy->values[PROP_RISK_MEDIUM_THRESHOLD] > policy->values[PROP_RISK_HIGH_THRESHOLD] ||
      policy->values[PROP_RISK_HIGH_THRESHOLD] > policy->values[PROP_RISK_CRITICAL_THRESHOLD])
    return aff_json_reader_fail_at (reader, "risk_high_threshold", error,
                                    _("expected risk thresholds with medium ≤ high ≤ critical")), NULL;
  if (policy->values[PROP_REVIEW_THRESHOLD] > policy->values[PROP_BID_THRESHOLD])
    return aff_json_reader_fail_at (reader, "review_threshold", error,
                                    _("expected a score no higher than bid_threshold (%d)"),
                                    policy->values[PROP_BID_THRESHOLD]), NULL;

  if (follow_up != NULL)
    {
      gsize mark = aff_json_reader_push_member (reader, "follow_up_days");
      gboolean ok = aff_json_check_members (reader, follow_up, follow_up_members, error);

      for (i = 0; ok && follow_up_members[i] != NULL; i++)
        ok = read_int_prop (reader, follow_up, follow_up_members[i], policy,
                            PROP_FOLLOW_UP_DAYS_PROSPECT + i, error);
      aff_json_reader_pop (reader, mark);
      if (!ok)
        return NULL;
    }

  if (rates != NULL)
    {
      gsize mark = aff_json_reader_push_member (reader, "labour_rates");
      JsonObjectIter iter;
      const char *skill;
      JsonNode *node;

      json_object_iter_init (&iter, rates);
      while (json_object_iter_next (&iter, &skill, &node))
        {
          g_autoptr(AffMoney) rate = NULL;
          g_autoptr(GError) local_error = NULL;

          if (!aff_json_get_money (reader, rates, skill, TRUE, &rate, error))
            return aff_json_reader_pop (reader, mark), NULL;
          if (!aff_policy_set_labour_rate (policy, skill, rate, &local_error))
            {
              aff_json_reader_fail_at (reader, skill, error, "%s", local_error->message);
              aff_json_reader_pop (reader, mark);
              return NULL;
            }
        }
      aff_json_reader_pop (reader, mark);
    }
  if (presentation != NULL)
    {
      gsize mark = aff_json_reader_push_member (reader, "presentation");
      gboolean ok = aff_json_check_members (reader, presentation, presentation_keys, error);

      for (i = 0; ok && i < N_PRESENTATION_KEYS; i++)
        {
          g_autofree char *text = NULL;
          g_autoptr(GError) local_error = NULL;

          ok = aff_json_get_string (reader, presentation, presentation_keys[i], FALSE, &text, error);
          if (ok && !aff_policy_set_presentation (policy, presentation_keys[i], text, &local_error))
            ok = (aff_json_reader_fail_at (reader, presentation_keys[i], error, "%s", local_error->message), FALSE);
        }
      aff_json_reader_pop (reader, mark);
      if (!ok)
        return NULL;
    }
  return g_steal_pointer (&policy);
}
