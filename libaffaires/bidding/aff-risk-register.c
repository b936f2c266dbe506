/* aff-risk-register.c: the risks of a consultation or an affair
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-money-private.h"
#include "aff-bidding-private.h"

/**
 * AffRiskRegister:
 *
 * The risks of a consultation, and later of the affair it becomes: each
 * [class@Aff.Risk] gets an id (`RISK-1`, `RISK-2`…) when added, and
 * [method@Aff.RiskRegister.summarize] gives the view a go / no-go or a
 * review needs: how many open risks in each band, the worst ones, those
 * critical and still untreated, and the expected exposure that an offer's
 * contingency should cover.
 */

/**
 * AffRiskSummary:
 *
 * A summary of the open risks of a register at the time it was made.
 */

struct _AffRiskSummary
{
  guint counts[AFF_RISK_BAND_CRITICAL + 1];
  guint n_open;
  guint n_untreated_critical;
  AffRiskBand highest_band;
  char **top_risks;
  AffMoney *expected_exposure;
};

static AffRiskSummary *
summary_copy (const AffRiskSummary *self)
{
  AffRiskSummary *copy = g_memdup2 (self, sizeof *self);

  copy->top_risks = g_strdupv (self->top_risks);
  copy->expected_exposure = aff_money_copy (self->expected_exposure);
  return copy;
}

/**
 * aff_risk_summary_copy:
 * @self: a summary
 *
 * Copies a summary.
 *
 * Returns: (transfer full): a copy of @self
 */
AffRiskSummary *
aff_risk_summary_copy (const AffRiskSummary *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return summary_copy (self);
}

/**
 * aff_risk_summary_free:
 * @self: (nullable): a summary
 *
 * Frees a summary.
 */
void
aff_risk_summary_free (AffRiskSummary *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->top_risks);
  aff_money_free (self->expected_exposure);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffRiskSummary, aff_risk_summary, aff_risk_summary_copy, aff_risk_summary_free)

/**
 * aff_risk_summary_get_n_open:
 * @self: a summary
 *
 * Gets the number of open risks.
 *
 * Returns: the open risks
 */
guint
aff_risk_summary_get_n_open (const AffRiskSummary *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_open;
}

/**
 * aff_risk_summary_get_count:
 * @self: a summary
 * @band: a band
 *
 * Gets the number of open risks in a band.
 *
 * Returns: the open risks in @band
 */
guint
aff_risk_summary_get_count (const AffRiskSummary *self,
                            AffRiskBand           band)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (band <= AFF_RISK_BAND_CRITICAL, 0);
  return self->counts[band];
}

/**
 * aff_risk_summary_get_n_untreated_critical:
 * @self: a summary
 *
 * Gets the number of open critical risks whose treatment is not decided.
 *
 * Returns: the untreated critical risks
 */
guint
aff_risk_summary_get_n_untreated_critical (const AffRiskSummary *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_untreated_critical;
}

/**
 * aff_risk_summary_get_highest_band:
 * @self: a summary
 *
 * Gets the band of the worst open risk.
 *
 * Returns: the highest band, %AFF_RISK_BAND_LOW when no risk is open
 */
AffRiskBand
aff_risk_summary_get_highest_band (const AffRiskSummary *self)
{
  g_return_val_if_fail (self != NULL, AFF_RISK_BAND_LOW);
  return self->highest_band;
}

/**
 * aff_risk_summary_get_top_risks:
 * @self: a summary
 *
 * Gets the ids of the worst open risks, by criticality (ties in the order
 * they were added).
 *
 * Returns: (array zero-terminated=1) (transfer none): risk ids
 */
const char * const *
aff_risk_summary_get_top_risks (const AffRiskSummary *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->top_risks;
}

/**
 * aff_risk_summary_get_expected_exposure:
 * @self: a summary
 *
 * Gets the sum of the expected values of the open risks that have an
 * exposure and a probability in percent.
 *
 * Returns: (transfer none): the expected exposure, in the policy currency
 */
const AffMoney *
aff_risk_summary_get_expected_exposure (const AffRiskSummary *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->expected_exposure;
}

struct _AffRiskRegister
{
  GObject parent_instance;

  GListStore *risks;
  guint next_number;
  AffTrack track;
};

G_DEFINE_FINAL_TYPE (AffRiskRegister, aff_risk_register, G_TYPE_OBJECT)

static void
aff_risk_register_dispose (GObject *object)
{
  AffRiskRegister *self = AFF_RISK_REGISTER (object);

  g_clear_object (&self->risks);
  G_OBJECT_CLASS (aff_risk_register_parent_class)->dispose (object);
}

static void
aff_risk_register_finalize (GObject *object)
{
  _aff_track_clear (&AFF_RISK_REGISTER (object)->track);
  G_OBJECT_CLASS (aff_risk_register_parent_class)->finalize (object);
}

static void
aff_risk_register_class_init (AffRiskRegisterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aff_risk_register_dispose;
  object_class->finalize = aff_risk_register_finalize;
}

static void
aff_risk_register_init (AffRiskRegister *self)
{
  self->risks = g_list_store_new (AFF_TYPE_RISK);
  self->next_number = 1;
}

/**
 * aff_risk_register_new:
 *
 * Creates an empty register. Consultations have their own; a standalone one
 * serves what-if studies.
 *
 * Returns: (transfer full): a new register
 */
AffRiskRegister *
aff_risk_register_new (void)
{
  return g_object_new (AFF_TYPE_RISK_REGISTER, NULL);
}

static gboolean
find_risk (AffRiskRegister *self,
           const char      *id,
           guint           *position)
{
  guint i, n = g_list_model_get_n_items (G_LIST_MODEL (self->risks));

  for (i = 0; i < n; i++)
    {
      g_autoptr(AffRisk) risk = g_list_model_get_item (G_LIST_MODEL (self->risks), i);

      if (g_strcmp0 (aff_risk_get_id (risk), id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static JsonObject *
describe_risk (AffRisk *risk)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  _aff_risk_to_json (risk, builder);
  node = json_builder_get_root (builder);
  return json_node_dup_object (node);
}

/**
 * aff_risk_register_add_risk:
 * @self: a register
 * @risk: a risk in no register yet
 * @error: return location for a #GError
 *
 * Adds a risk and gives it the next id, `RISK-<n>`.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_INVALID_VALUE set when the
 *   risk is already in a register
 */
gboolean
aff_risk_register_add_risk (AffRiskRegister  *self,
                            AffRisk          *risk,
                            GError          **error)
{
  g_autofree char *id = NULL;
  guint position;

  g_return_val_if_fail (AFF_IS_RISK_REGISTER (self), FALSE);
  g_return_val_if_fail (AFF_IS_RISK (risk), FALSE);

  if (aff_risk_get_id (risk) != NULL)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("risk %s is already in a register"), aff_risk_get_id (risk)), FALSE;
  do
    {
      g_free (id);
      id = g_strdup_printf ("RISK-%u", self->next_number++);
    }
  while (find_risk (self, id, &position));
  _aff_risk_set_id (risk, id);
  g_list_store_append (self->risks, risk);
  _aff_track_record (&self->track, "risk-added", describe_risk (risk));
  _aff_risk_attach (risk, self->track.journal, self->track.kind, self->track.id);
  return TRUE;
}

/**
 * aff_risk_register_remove_risk:
 * @self: a register
 * @id: a risk id
 * @error: return location for a #GError
 *
 * Removes a risk (one recorded by mistake; a risk that can no longer happen
 * is closed instead, with [method@Aff.Risk.set_status]).
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_NOT_FOUND set otherwise
 */
gboolean
aff_risk_register_remove_risk (AffRiskRegister  *self,
                               const char       *id,
                               GError          **error)
{
  g_autoptr(AffRisk) risk = NULL;
  JsonObject *details;
  guint position;

  g_return_val_if_fail (AFF_IS_RISK_REGISTER (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!find_risk (self, id, &position))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND,
                        _("the register has no risk %s"), id), FALSE;
  risk = g_list_model_get_item (G_LIST_MODEL (self->risks), position);
  g_list_store_remove (self->risks, position);
  _aff_risk_attach (risk, NULL, NULL, NULL);
  details = json_object_new ();
  json_object_set_string_member (details, "risk", id);
  _aff_track_record (&self->track, "risk-removed", details);
  return TRUE;
}

/**
 * aff_risk_register_lookup_risk:
 * @self: a register
 * @id: a risk id
 *
 * Looks a risk up by id.
 *
 * Returns: (transfer none) (nullable): the risk, or %NULL
 */
AffRisk *
aff_risk_register_lookup_risk (AffRiskRegister *self,
                               const char      *id)
{
  g_autoptr(AffRisk) risk = NULL;
  guint position;

  g_return_val_if_fail (AFF_IS_RISK_REGISTER (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!find_risk (self, id, &position))
    return NULL;
  risk = g_list_model_get_item (G_LIST_MODEL (self->risks), position);
  return risk;   /* the store keeps it alive */
}

/**
 * aff_risk_register_get_risks:
 * @self: a register
 *
 * Gets the risks of the register.
 *
 * Returns: (transfer none): a list model of [class@Aff.Risk], in the order
 *   they were added
 */
GListModel *
aff_risk_register_get_risks (AffRiskRegister *self)
{
  g_return_val_if_fail (AFF_IS_RISK_REGISTER (self), NULL);
  return G_LIST_MODEL (self->risks);
}

static int
compare_by_criticality (gconstpointer a,
                        gconstpointer b)
{
  AffRisk *ra = *(AffRisk * const *) a, *rb = *(AffRisk * const *) b;
  guint ca = aff_risk_get_criticality (ra), cb = aff_risk_get_criticality (rb);

  return (ca < cb) - (ca > cb);
}

/**
 * aff_risk_register_summarize:
 * @self: a register
 * @policy: the company's directives, for the bands and the currency
 * @n_top: how many of the worst risks to name
 * @error: return location for a #GError
 *
 * Summarises the open risks: counts by band, the highest band, the critical
 * ones without a treatment, the @n_top worst by criticality, and the
 * expected exposure (the sum of the expected values of those that have an
 * exposure and a probability in percent).
 *
 * Returns: (transfer full): the summary, or %NULL with
 *   %AFF_ERROR_CURRENCY_MISMATCH set when an exposure is not in the policy
 *   currency
 */
AffRiskSummary *
aff_risk_register_summarize (AffRiskRegister  *self,
                             AffPolicy        *policy,
                             guint             n_top,
                             GError          **error)
{
  g_autoptr(AffRiskSummary) summary = NULL;
  g_autoptr(GPtrArray) open = NULL;
  guint i, n;

  g_return_val_if_fail (AFF_IS_RISK_REGISTER (self), NULL);
  g_return_val_if_fail (AFF_IS_POLICY (policy), NULL);

  summary = g_new0 (AffRiskSummary, 1);
  summary->expected_exposure = aff_money_new_zero (aff_policy_get_currency (policy), error);
  if (summary->expected_exposure == NULL)
    return NULL;
  open = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->risks));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffRisk) risk = g_list_model_get_item (G_LIST_MODEL (self->risks), i);
      AffRiskBand band;

      if (aff_risk_get_status (risk) != AFF_RISK_STATUS_OPEN)
        continue;
      band = aff_risk_get_band (risk, policy);
      summary->counts[band]++;
      summary->n_open++;
      summary->highest_band = MAX (summary->highest_band, band);
      if (band == AFF_RISK_BAND_CRITICAL && aff_risk_get_treatment (risk) == AFF_RISK_TREATMENT_NONE)
        summary->n_untreated_critical++;
      if (aff_risk_get_exposure (risk) != NULL && aff_risk_get_probability_percent (risk) >= 0)
        {
          g_autoptr(AffMoney) value = aff_risk_compute_expected_value (risk, error);
          AffMoney *sum;

          if (value == NULL)
            return NULL;
          sum = aff_money_add (summary->expected_exposure, value, error);
          if (sum == NULL)
            {
              g_prefix_error (error, _("risk %s: "), aff_risk_get_id (risk));
              return NULL;
            }
          aff_money_free (summary->expected_exposure);
          summary->expected_exposure = sum;
        }
      g_ptr_array_add (open, g_object_ref (risk));
    }

  /* A stable sort keeps the order of addition among equals. */
  g_ptr_array_sort (open, compare_by_criticality);
  summary->top_risks = g_new0 (char *, MIN (n_top, open->len) + 1);
  for (i = 0; i < MIN (n_top, open->len); i++)
    summary->top_risks[i] = g_strdup (aff_risk_get_id (g_ptr_array_index (open, i)));
  return g_steal_pointer (&summary);
}

void
_aff_risk_register_attach (AffRiskRegister *self,
                           AffJournal      *journal,
                           const char      *kind,
                           const char      *owner_id)
{
  guint i, n = g_list_model_get_n_items (G_LIST_MODEL (self->risks));

  _aff_track_attach (&self->track, journal, kind, owner_id, NULL, NULL);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffRisk) risk = g_list_model_get_item (G_LIST_MODEL (self->risks), i);
      _aff_risk_attach (risk, journal, kind, owner_id);
    }
}

void
_aff_risk_register_to_json (AffRiskRegister *self,
                            JsonBuilder     *builder)
{
  guint i, n = g_list_model_get_n_items (G_LIST_MODEL (self->risks));

  json_builder_begin_array (builder);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffRisk) risk = g_list_model_get_item (G_LIST_MODEL (self->risks), i);
      _aff_risk_to_json (risk, builder);
    }
  json_builder_end_array (builder);
}

gboolean
_aff_risk_register_read_risk (AffJsonReader *reader,
                              JsonNode      *element,
                              guint          index,
                              gpointer       data,
                              GError       **error)
{
  AffRiskRegister *self = data;
  g_autoptr(AffRisk) risk = _aff_risk_from_json (reader, element, error);
  const char *id;
  guint position, number;

  if (risk == NULL)
    return FALSE;
  id = aff_risk_get_id (risk);
  if (find_risk (self, id, &position))
    return aff_json_reader_fail_at (reader, "id", error, _("expected an id no other risk has"));
  /* New risks continue after the highest RISK-<n> loaded. */
  if (sscanf (id, "RISK-%u", &number) == 1 && number >= self->next_number)
    self->next_number = number + 1;
  g_list_store_append (self->risks, risk);
  return TRUE;
}
