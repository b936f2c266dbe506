/* aff-prevention-plan.c: the safety prevention plan with the client
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-enum-types.h"
#include "aff-money-private.h"
#include "aff-prevention-plan.h"
#include "aff-policy.h"
#include "aff-planning-private.h"

/* ---- AffInterference ---------------------------------------------------- */

/**
 * AffInterference:
 *
 * An interference hazard of the prevention plan: a risk that comes from
 * several companies working together (co-activity), where, and the measures
 * agreed against it.
 */
struct _AffInterference
{
  char *zone;
  char *description;
  char *measures;
};

static AffInterference *
interference_new (const char *zone,
                  const char *description,
                  const char *measures)
{
  AffInterference *self = g_new (AffInterference, 1);

  self->zone = g_strdup (zone);
  self->description = g_strdup (description);
  self->measures = g_strdup (measures);
  return self;
}

/**
 * aff_interference_copy:
 * @self: an interference
 *
 * Copies an interference.
 *
 * Returns: (transfer full): a copy
 */
AffInterference *
aff_interference_copy (const AffInterference *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return interference_new (self->zone, self->description, self->measures);
}

/**
 * aff_interference_free:
 * @self: (nullable): an interference
 *
 * Frees an interference.
 */
void
aff_interference_free (AffInterference *self)
{
  if (self == NULL)
    return;
  g_free (self->zone);
  g_free (self->description);
  g_free (self->measures);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffInterference, aff_interference, aff_interference_copy, aff_interference_free)

/**
 * aff_interference_get_zone:
 * @self: an interference
 *
 * Gets where on the site the interference is.
 *
 * Returns: (nullable): the zone, or %NULL for the whole site
 */
const char *
aff_interference_get_zone (const AffInterference *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->zone;
}

/**
 * aff_interference_get_description:
 * @self: an interference
 *
 * Gets the risk.
 *
 * Returns: the description
 */
const char *
aff_interference_get_description (const AffInterference *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->description;
}

/**
 * aff_interference_get_measures:
 * @self: an interference
 *
 * Gets the measures agreed against the risk.
 *
 * Returns: the measures
 */
const char *
aff_interference_get_measures (const AffInterference *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->measures;
}

/* ---- AffSignature ------------------------------------------------------- */

/**
 * AffSignature:
 *
 * A signature of the prevention plan: who signed, for which company, on
 * which day.
 */
struct _AffSignature
{
  char *name;
  char *organisation;
  AffParty party;
  GDate date;
};

static AffSignature *
signature_new (const char  *name,
               const char  *organisation,
               AffParty     party,
               const GDate *date)
{
  AffSignature *self = g_new (AffSignature, 1);

  self->name = g_strdup (name);
  self->organisation = g_strdup (organisation);
  self->party = party;
  self->date = *date;
  return self;
}

/**
 * aff_signature_copy:
 * @self: a signature
 *
 * Copies a signature.
 *
 * Returns: (transfer full): a copy
 */
AffSignature *
aff_signature_copy (const AffSignature *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return signature_new (self->name, self->organisation, self->party, &self->date);
}

/**
 * aff_signature_free:
 * @self: (nullable): a signature
 *
 * Frees a signature.
 */
void
aff_signature_free (AffSignature *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->organisation);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffSignature, aff_signature, aff_signature_copy, aff_signature_free)

/**
 * aff_signature_get_name:
 * @self: a signature
 *
 * Gets who signed.
 *
 * Returns: the name
 */
const char *
aff_signature_get_name (const AffSignature *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

/**
 * aff_signature_get_organisation:
 * @self: a signature
 *
 * Gets the company the signatory signed for.
 *
 * Returns: the organisation
 */
const char *
aff_signature_get_organisation (const AffSignature *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->organisation;
}

/**
 * aff_signature_get_party:
 * @self: a signature
 *
 * Gets what the company is to the affair: the client (the host company),
 * the company itself, or a subcontractor.
 *
 * Returns: the party
 */
AffParty
aff_signature_get_party (const AffSignature *self)
{
  g_return_val_if_fail (self != NULL, AFF_PARTY_INTERNAL);
  return self->party;
}

/**
 * aff_signature_get_date:
 * @self: a signature
 *
 * Gets the day of the signature.
 *
 * Returns: (transfer none): the day
 */
const GDate *
aff_signature_get_date (const AffSignature *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->date;
}

/* ---- AffPreventionPlan -------------------------------------------------- */

/**
 * AffPreventionPlan:
 *
 * The prevention plan (plan de prévention) agreed with the client, the host
 * company, before external companies work on its site (French labour code,
 * articles R4512-6 and following): the joint preliminary inspection and who
 * took part, the interference hazards of the co-activity with the measures
 * against them, and the signatures.
 *
 * [method@Aff.Plan.requires_prevention_plan] says whether a written one is
 * required; while it is required and not signed by the client and the
 * company, [method@Aff.Plan.start_task] refuses to start work on the site.
 */
struct _AffPreventionPlan
{
  GObject parent_instance;

  GDate joint_inspection;
  char **participants;
  GPtrArray *interferences;     /* AffInterference */
  GPtrArray *signatures;        /* AffSignature */
  AffTrack *track;              /* the plan's, borrowed */
};

G_DEFINE_FINAL_TYPE (AffPreventionPlan, aff_prevention_plan, G_TYPE_OBJECT)

static void
aff_prevention_plan_finalize (GObject *object)
{
  AffPreventionPlan *self = AFF_PREVENTION_PLAN (object);

  g_strfreev (self->participants);
  g_ptr_array_unref (self->interferences);
  g_ptr_array_unref (self->signatures);
  G_OBJECT_CLASS (aff_prevention_plan_parent_class)->finalize (object);
}

static void
aff_prevention_plan_class_init (AffPreventionPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aff_prevention_plan_finalize;
}

static void
aff_prevention_plan_init (AffPreventionPlan *self)
{
  g_date_clear (&self->joint_inspection, 1);
  self->interferences = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_interference_free);
  self->signatures = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_signature_free);
}

AffPreventionPlan *
_aff_prevention_plan_new (AffTrack *track)
{
  AffPreventionPlan *self = g_object_new (AFF_TYPE_PREVENTION_PLAN, NULL);

  self->track = track;
  return self;
}

void
_aff_prevention_plan_detach (AffPreventionPlan *self)
{
  self->track = NULL;
}

static void
record (AffPreventionPlan *self,
        const char        *action,
        JsonObject        *details)
{
  if (self->track != NULL)
    _aff_track_record (self->track, action, details);
  else if (details != NULL)
    json_object_unref (details);
}

/**
 * aff_prevention_plan_get_joint_inspection:
 * @self: a prevention plan
 *
 * Gets the day of the joint preliminary inspection of the site.
 *
 * Returns: (transfer none) (nullable): the day, or %NULL if not held yet
 */
const GDate *
aff_prevention_plan_get_joint_inspection (AffPreventionPlan *self)
{
  g_return_val_if_fail (AFF_IS_PREVENTION_PLAN (self), NULL);
  return g_date_valid (&self->joint_inspection) ? &self->joint_inspection : NULL;
}

/**
 * aff_prevention_plan_record_joint_inspection:
 * @self: a prevention plan
 * @date: the day of the inspection
 * @participants: (array zero-terminated=1): who took part, with their
 *   company (“J. Martin (Chimie de l’Est)”)
 * @error: return location for a #GError
 *
 * Records the joint preliminary inspection (inspection commune préalable)
 * of the site, the zones of work and the equipment, by the client and the
 * external companies (article R4512-2).
 *
 * Returns: %TRUE on success; %FALSE if nobody took part, or the plan is
 *   signed already
 */
gboolean
aff_prevention_plan_record_joint_inspection (AffPreventionPlan  *self,
                                             const GDate        *date,
                                             const char *const  *participants,
                                             GError            **error)
{
  g_autofree char *iso = NULL;
  JsonObject *details;
  JsonArray *names;
  guint i;

  g_return_val_if_fail (AFF_IS_PREVENTION_PLAN (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_aff_track_check_open (self->track, error))
    return FALSE;

  if (participants == NULL || participants[0] == NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("The joint inspection must name who took part"));
      return FALSE;
    }
  if (self->signatures->len > 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_FROZEN,
                   _("The prevention plan is signed: its joint inspection is a record"));
      return FALSE;
    }
  self->joint_inspection = *date;
  g_strfreev (self->participants);
  self->participants = g_strdupv ((char **) participants);
  details = json_object_new ();
  iso = aff_date_to_iso (date);
  json_object_set_string_member (details, "date", iso);
  names = json_array_new ();
  for (i = 0; participants[i] != NULL; i++)
    json_array_add_string_element (names, participants[i]);
  json_object_set_array_member (details, "participants", names);
  record (self, "prevention-inspection-recorded", details);
  return TRUE;
}

/**
 * aff_prevention_plan_get_participants:
 * @self: a prevention plan
 *
 * Gets who took part in the joint inspection.
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the
 *   participants
 */
const char *const *
aff_prevention_plan_get_participants (AffPreventionPlan *self)
{
  g_return_val_if_fail (AFF_IS_PREVENTION_PLAN (self), NULL);
  return (const char *const *) self->participants;
}

static gboolean
non_empty (const char *text)
{
  return text != NULL && *text != '\0';
}

/**
 * aff_prevention_plan_add_interference:
 * @self: a prevention plan
 * @zone: (nullable): where on the site, or %NULL for the whole site
 * @description: the risk the co-activity brings
 * @measures: the measures agreed against it
 * @error: return location for a #GError
 *
 * Adds an interference hazard and its measures.
 *
 * Returns: %TRUE on success; %FALSE if the risk or the measures are empty,
 *   or the plan is signed already
 */
gboolean
aff_prevention_plan_add_interference (AffPreventionPlan  *self,
                                      const char         *zone,
                                      const char         *description,
                                      const char         *measures,
                                      GError            **error)
{
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_PREVENTION_PLAN (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_aff_track_check_open (self->track, error))
    return FALSE;

  if (!non_empty (description) || !non_empty (measures))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("An interference hazard needs the risk and the measures against it"));
      return FALSE;
    }
  if (self->signatures->len > 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_FROZEN,
                   _("The prevention plan is signed: a new interference needs a new plan"));
      return FALSE;
    }
  g_ptr_array_add (self->interferences, interference_new (zone, description, measures));
  details = json_object_new ();
  if (zone != NULL)
    json_object_set_string_member (details, "zone", zone);
  json_object_set_string_member (details, "description", description);
  json_object_set_string_member (details, "measures", measures);
  record (self, "prevention-interference-added", details);
  return TRUE;
}

/**
 * aff_prevention_plan_get_interferences:
 * @self: a prevention plan
 *
 * Gets the interference hazards and their measures.
 *
 * Returns: (transfer container) (element-type AffInterference): the
 *   interferences
 */
GPtrArray *
aff_prevention_plan_get_interferences (AffPreventionPlan *self)
{
  g_return_val_if_fail (AFF_IS_PREVENTION_PLAN (self), NULL);
  /* The copy frees its items as the original does. */
  return g_ptr_array_copy (self->interferences, (GCopyFunc) (void (*) (void)) aff_interference_copy, NULL);
}

/**
 * aff_prevention_plan_sign:
 * @self: a prevention plan
 * @name: who signs
 * @organisation: the company they sign for
 * @party: what the company is to the affair: %AFF_PARTY_CLIENT for the host
 *   company, %AFF_PARTY_INTERNAL for the company itself,
 *   %AFF_PARTY_SUBCONTRACTOR for a subcontractor working on the site
 * @date: the day of the signature
 * @error: return location for a #GError
 *
 * Signs the prevention plan. It can be signed only after the joint
 * inspection, and once per company.
 *
 * Returns: %TRUE on success; %FALSE if the joint inspection was not held,
 *   the day is before it, or the company signed already
 */
gboolean
aff_prevention_plan_sign (AffPreventionPlan  *self,
                          const char         *name,
                          const char         *organisation,
                          AffParty            party,
                          const GDate        *date,
                          GError            **error)
{
  g_autofree char *iso = NULL;
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_PREVENTION_PLAN (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_aff_track_check_open (self->track, error))
    return FALSE;

  if (!non_empty (name) || !non_empty (organisation))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("A signature of the prevention plan needs a name and a company"));
      return FALSE;
    }
  if (!g_date_valid (&self->joint_inspection) || g_date_compare (date, &self->joint_inspection) < 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                   _("The prevention plan cannot be signed by %s before the joint inspection of the site"),
                   organisation);
      return FALSE;
    }
  if (aff_prevention_plan_is_signed_by (self, organisation))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_DUPLICATE_ID,
                   _("The prevention plan is signed by %s already"), organisation);
      return FALSE;
    }
  g_ptr_array_add (self->signatures, signature_new (name, organisation, party, date));
  details = json_object_new ();
  iso = aff_date_to_iso (date);
  json_object_set_string_member (details, "name", name);
  json_object_set_string_member (details, "organisation", organisation);
  json_object_set_string_member (details, "party", aff_enum_to_nick (AFF_TYPE_PARTY, party));
  json_object_set_string_member (details, "date", iso);
  record (self, "prevention-signed", details);
  return TRUE;
}

/**
 * aff_prevention_plan_get_signatures:
 * @self: a prevention plan
 *
 * Gets the signatures, in the order they were given.
 *
 * Returns: (transfer container) (element-type AffSignature): the signatures
 */
GPtrArray *
aff_prevention_plan_get_signatures (AffPreventionPlan *self)
{
  g_return_val_if_fail (AFF_IS_PREVENTION_PLAN (self), NULL);
  /* The copy frees its items as the original does. */
  return g_ptr_array_copy (self->signatures, (GCopyFunc) (void (*) (void)) aff_signature_copy, NULL);
}

static gboolean
signed_as (AffPreventionPlan *self,
           AffParty           party)
{
  guint i;

  for (i = 0; i < self->signatures->len; i++)
    if (((AffSignature *) g_ptr_array_index (self->signatures, i))->party == party)
      return TRUE;
  return FALSE;
}

/**
 * aff_prevention_plan_is_signed:
 * @self: a prevention plan
 *
 * Tells whether the plan is signed by the client, the host company, and by
 * the company itself.
 *
 * Returns: whether it is signed
 */
gboolean
aff_prevention_plan_is_signed (AffPreventionPlan *self)
{
  g_return_val_if_fail (AFF_IS_PREVENTION_PLAN (self), FALSE);
  return signed_as (self, AFF_PARTY_CLIENT) && signed_as (self, AFF_PARTY_INTERNAL);
}

/* Whether the client's and the company's signatures are given by @date. */
static gboolean
signed_by_then (AffPreventionPlan *self,
                const GDate       *date)
{
  gboolean client = FALSE, company = FALSE;
  guint i;

  for (i = 0; i < self->signatures->len; i++)
    {
      AffSignature *s = g_ptr_array_index (self->signatures, i);

      if (g_date_compare (&s->date, date) > 0)
        continue;
      client |= s->party == AFF_PARTY_CLIENT;
      company |= s->party == AFF_PARTY_INTERNAL;
    }
  return client && company;
}

/**
 * aff_prevention_plan_is_signed_by:
 * @self: a prevention plan
 * @organisation: a company
 *
 * Tells whether a company signed the plan.
 *
 * Returns: whether @organisation signed
 */
gboolean
aff_prevention_plan_is_signed_by (AffPreventionPlan *self,
                                  const char        *organisation)
{
  guint i;

  g_return_val_if_fail (AFF_IS_PREVENTION_PLAN (self), FALSE);
  g_return_val_if_fail (organisation != NULL, FALSE);

  for (i = 0; i < self->signatures->len; i++)
    if (strcmp (((AffSignature *) g_ptr_array_index (self->signatures, i))->organisation, organisation) == 0)
      return TRUE;
  return FALSE;
}

/* ---- The rule ----------------------------------------------------------- */

/**
 * aff_task_is_on_site:
 * @task: a task
 *
 * Tells whether a task takes place on the client's site: an intervention,
 * an inspection, or any task given a zone of the site.
 *
 * Returns: whether the task is on the client's site
 */
gboolean
aff_task_is_on_site (AffTask *task)
{
  AffTaskKind kind;

  g_return_val_if_fail (AFF_IS_TASK (task), FALSE);
  kind = aff_task_get_kind (task);
  return kind == AFF_TASK_KIND_INTERVENTION || kind == AFF_TASK_KIND_INSPECTION ||
         aff_task_get_zone (task) != NULL;
}

/**
 * aff_plan_get_prevention_plan:
 * @self: a plan
 *
 * Gets the prevention plan of the work on the client's site.
 *
 * Returns: (transfer none): the prevention plan
 */
AffPreventionPlan *
aff_plan_get_prevention_plan (AffPlan *self)
{
  g_return_val_if_fail (AFF_IS_PLAN (self), NULL);
  return _aff_plan_get_prevention (self);
}

typedef struct
{
  guint32 julian;
  gint64 minutes;
} Work;

static int
compare_work (gconstpointer a,
              gconstpointer b)
{
  const Work *x = a, *y = b;
  return (x->julian > y->julian) - (x->julian < y->julian);
}

/* Twelve months, the period of article R4512-7: from a day to the day
 * before the same day a year later. */
static guint32
year_after (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_add_years (&date, 1);
  return g_date_get_julian (&date);
}

/**
 * aff_plan_requires_prevention_plan:
 * @self: a plan
 * @reasons: (out) (optional) (transfer full): why, one sentence per reason
 *
 * Tells whether the work requires a written prevention plan with the client
 * (French labour code, article R4512-7): when the hours that the company
 * and its subcontractors plan to work on the client's site reach 400 over
 * twelve months, or whatever the hours when a task on the site involves
 * dangerous work of the list of the arrêté of 19 March 1993. The plan of an
 * affair takes the threshold from the policy
 * ([property@Aff.Policy:prevention-plan-hours]), which a company may set
 * lower than the regulation's 400 hours.
 *
 * The hours are the effort of the tasks on the site
 * ([method@Aff.Task.is_on_site]) not done by the client, spread over the
 * working days of their last schedule; the effort of a task never
 * scheduled counts as if it all fell in the same twelve months.
 *
 * Returns: whether a written prevention plan is required
 */
gboolean
aff_plan_requires_prevention_plan (AffPlan *self,
                                   GStrv   *reasons)
{
  g_autoptr(GPtrArray) why = g_ptr_array_new_null_terminated (2, g_free, TRUE);
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (Work));
  GListModel *tasks;
  AffCalendar *calendar;
  gint64 floating = 0, best = 0, window = 0;
  guint32 best_from = 0, best_to = 0;
  guint i, n, head = 0, threshold;
  gboolean required = FALSE;

  g_return_val_if_fail (AFF_IS_PLAN (self), FALSE);

  threshold = _aff_plan_get_policy (self) != NULL ? aff_policy_get_prevention_plan_hours (_aff_plan_get_policy (self))
                                                  : 400;
  tasks = aff_plan_get_tasks (self);
  calendar = aff_plan_get_calendar (self);
  n = g_list_model_get_n_items (tasks);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffTask) task = g_list_model_get_item (tasks, i);
      const GDate *start = aff_task_get_early_start (task), *finish = aff_task_get_early_finish (task);
      gint64 minutes = aff_task_get_effort_minutes (task);
      guint days, k = 0;
      GDate day;

      if (!aff_task_is_on_site (task) || aff_task_get_party (task) == AFF_PARTY_CLIENT)
        continue;
      if (aff_task_get_dangerous_work (task) != AFF_REGULATORY_FLAGS_NONE)
        {
          g_autoptr(GFlagsClass) klass = g_type_class_ref (AFF_TYPE_REGULATORY_FLAGS);
          GFlagsValue *value = g_flags_get_first_value (klass, aff_task_get_dangerous_work (task));

          required = TRUE;
          g_ptr_array_add (why, g_strdup_printf (_("The task “%s” on the client’s site involves dangerous work of the list of the arrêté of 19 March 1993 (%s)."),
                                                     aff_task_get_id (task), value->value_nick));
        }
      if (minutes == 0)
        continue;
      if (start == NULL || finish == NULL || (days = aff_calendar_count_working_days (calendar, start, finish)) == 0)
        {
          floating += minutes;
          continue;
        }
      day = *start;
      for (; g_date_compare (&day, finish) <= 0; g_date_add_days (&day, 1))
        if (aff_calendar_is_working_day (calendar, &day))
          {
            Work w = { g_date_get_julian (&day), minutes / days + (k < (guint) (minutes % days)) };

            g_array_append_val (work, w);
            k++;
          }
    }
  /* The busiest twelve months: a window slides over the days of work. */
  g_array_sort (work, compare_work);
  for (i = 0; i < work->len; i++)
    {
      const Work *w = &g_array_index (work, Work, i);

      window += w->minutes;
      while (year_after (g_array_index (work, Work, head).julian) <= w->julian)
        window -= g_array_index (work, Work, head++).minutes;
      if (window > best)
        {
          best = window;
          best_from = g_array_index (work, Work, head).julian;
          best_to = w->julian;
        }
    }
  if (best + floating >= (gint64) threshold * 60)
    {
      required = TRUE;
      if (best_from != 0)
        {
          g_autoptr(GDate) from = g_date_new_julian (best_from);
          g_autoptr(GDate) to = g_date_new_julian (best_to);
          g_autofree char *a = aff_date_to_iso (from);
          g_autofree char *b = aff_date_to_iso (to);

          g_ptr_array_add (why, g_strdup_printf (_("The company and its subcontractors plan %" PRId64 " hours of work on the client’s site from %s to %s, %u or more within twelve months."),
                                                     (best + floating + 59) / 60, a, b, threshold));
        }
      else
        g_ptr_array_add (why, g_strdup_printf (_("The company and its subcontractors plan %" PRId64 " hours of work on the client’s site, %u or more."),
                                                   (best + floating + 59) / 60, threshold));
    }
  if (reasons != NULL)
    *reasons = (GStrv) g_ptr_array_free (g_steal_pointer (&why), FALSE);
  return required;
}

static AffTask *
find_task (AffPlan     *self,
           const char  *task_id,
           GError     **error)
{
  AffTask *task = task_id != NULL ? aff_plan_lookup_task (self, task_id) : NULL;

  if (task == NULL)
    g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND, _("The plan has no task “%s”"),
                 task_id != NULL ? task_id : "");
  return task;
}

static void
record_task_day (AffPlan     *self,
                 const char  *action,
                 const char  *task_id,
                 const GDate *date)
{
  g_autofree char *iso = aff_date_to_iso (date);
  JsonObject *details = json_object_new ();

  json_object_set_string_member (details, "task", task_id);
  json_object_set_string_member (details, "date", iso);
  _aff_track_record (_aff_plan_get_track (self), action, details);
}

/**
 * aff_plan_start_task:
 * @self: a plan
 * @task_id: the task's id
 * @date: the day it started
 * @error: return location for a #GError
 *
 * Records that a task started: its actual start, journaled in an affair's
 * plan. Work of the company or its subcontractors on the client's site
 * cannot start while a written prevention plan is required and not signed,
 * on or before that day, by the client and the company, nor, for a
 * subcontractor's task, by the subcontractor.
 *
 * Returns: %TRUE on success; %FALSE if the task is missing, started
 *   already, or the prevention plan forbids it
 */
gboolean
aff_plan_start_task (AffPlan      *self,
                     const char   *task_id,
                     const GDate  *date,
                     GError      **error)
{
  AffPreventionPlan *prevention;
  AffTask *task;

  g_return_val_if_fail (AFF_IS_PLAN (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_aff_track_check_open (_aff_plan_get_track (self), error))
    return FALSE;

  if ((task = find_task (self, task_id, error)) == NULL)
    return FALSE;
  if (aff_task_get_actual_start (task) != NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION, _("The task “%s” has started already"), task_id);
      return FALSE;
    }
  prevention = _aff_plan_get_prevention (self);
  /* The client's own people work at home: the rule is about the external
   * companies it lets in. */
  if (aff_task_is_on_site (task) && aff_task_get_party (task) != AFF_PARTY_CLIENT &&
      aff_plan_requires_prevention_plan (self, NULL))
    {
      const char *company = aff_task_get_party_name (task);

      if (!aff_prevention_plan_is_signed (prevention) || !signed_by_then (prevention, date))
        {
          g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                       _("The task “%s” is on the client’s site and the prevention plan it requires is not signed by the client and the company on that day"),
                       task_id);
          return FALSE;
        }
      if (aff_task_get_party (task) == AFF_PARTY_SUBCONTRACTOR &&
          (company == NULL || !aff_prevention_plan_is_signed_by (prevention, company)))
        {
          g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                       _("The task “%s” is the subcontractor %s’s on the client’s site, and %s has not signed the prevention plan"),
                       task_id, company != NULL ? company : "?", company != NULL ? company : "?");
          return FALSE;
        }
    }
  aff_task_set_actual_start (task, date);
  record_task_day (self, "task-started", task_id, date);
  return TRUE;
}

/**
 * aff_plan_finish_task:
 * @self: a plan
 * @task_id: the task's id
 * @date: the day it finished
 * @error: return location for a #GError
 *
 * Records that a task finished: its actual finish and a progress of 100 %,
 * journaled in an affair's plan.
 *
 * Returns: %TRUE on success; %FALSE if the task is missing, did not start,
 *   finished already, or the day is before its start
 */
gboolean
aff_plan_finish_task (AffPlan      *self,
                      const char   *task_id,
                      const GDate  *date,
                      GError      **error)
{
  AffTask *task;

  g_return_val_if_fail (AFF_IS_PLAN (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_aff_track_check_open (_aff_plan_get_track (self), error))
    return FALSE;

  if ((task = find_task (self, task_id, error)) == NULL)
    return FALSE;
  if (aff_task_get_actual_start (task) == NULL || aff_task_get_actual_finish (task) != NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                   aff_task_get_actual_start (task) == NULL ? _("The task “%s” has not started")
                                                            : _("The task “%s” has finished already"),
                   task_id);
      return FALSE;
    }
  if (g_date_compare (date, aff_task_get_actual_start (task)) < 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("The task “%s” cannot finish before it started"), task_id);
      return FALSE;
    }
  aff_task_set_actual_finish (task, date);
  aff_task_set_progress (task, 100);
  record_task_day (self, "task-finished", task_id, date);
  return TRUE;
}

/* ---- The document ------------------------------------------------------- */

void
_aff_prevention_plan_to_json (AffPreventionPlan *self,
                              JsonBuilder       *builder)
{
  guint i;

  json_builder_begin_object (builder);
  aff_json_add_date (builder, "joint_inspection", &self->joint_inspection);
  if (self->participants != NULL)
    aff_json_add_strv (builder, "participants", (const char *const *) self->participants);
  json_builder_set_member_name (builder, "interferences");
  json_builder_begin_array (builder);
  for (i = 0; i < self->interferences->len; i++)
    {
      AffInterference *x = g_ptr_array_index (self->interferences, i);

      json_builder_begin_object (builder);
      aff_json_add_string (builder, "zone", x->zone);
      aff_json_add_string (builder, "description", x->description);
      aff_json_add_string (builder, "measures", x->measures);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "signatures");
  json_builder_begin_array (builder);
  for (i = 0; i < self->signatures->len; i++)
    {
      AffSignature *x = g_ptr_array_index (self->signatures, i);

      json_builder_begin_object (builder);
      aff_json_add_string (builder, "name", x->name);
      aff_json_add_string (builder, "organisation", x->organisation);
      aff_json_add_enum (builder, "party", AFF_TYPE_PARTY, x->party);
      aff_json_add_date (builder, "date", &x->date);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static gboolean
read_interference (AffJsonReader *reader,
                   JsonNode      *element,
                   guint          index,
                   gpointer       data,
                   GError       **error)
{
  static const char *const members[] = { "zone", "description", "measures", NULL };
  AffPreventionPlan *self = data;
  g_autofree char *zone = NULL;
  g_autofree char *description = NULL;
  g_autofree char *measures = NULL;
  JsonObject *object;

  if (!(object = aff_json_expect_object (reader, element, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "zone", FALSE, &zone, error) ||
      !aff_json_get_string (reader, object, "description", TRUE, &description, error) ||
      !aff_json_get_string (reader, object, "measures", TRUE, &measures, error))
    return FALSE;
  if (!non_empty (description) || !non_empty (measures))
    return aff_json_reader_fail (reader, error, _("expected the risk and the measures, not empty"));
  g_ptr_array_add (self->interferences, interference_new (zone, description, measures));
  return TRUE;
}

static gboolean
read_signature (AffJsonReader *reader,
                JsonNode      *element,
                guint          index,
                gpointer       data,
                GError       **error)
{
  static const char *const members[] = { "name", "organisation", "party", "date", NULL };
  AffPreventionPlan *self = data;
  g_autofree char *name = NULL;
  g_autofree char *organisation = NULL;
  JsonObject *object;
  int party = 0;
  GDate date;

  g_date_clear (&date, 1);
  if (!(object = aff_json_expect_object (reader, element, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "name", TRUE, &name, error) ||
      !aff_json_get_string (reader, object, "organisation", TRUE, &organisation, error) ||
      !aff_json_get_enum (reader, object, "party", TRUE, AFF_TYPE_PARTY, &party, error) ||
      !aff_json_get_date (reader, object, "date", TRUE, &date, error))
    return FALSE;
  if (!non_empty (name))
    return aff_json_reader_fail_at (reader, "name", error, _("expected the name of who signed"));
  if (!non_empty (organisation) || aff_prevention_plan_is_signed_by (self, organisation))
    return aff_json_reader_fail_at (reader, "organisation", error, _("expected a company that signed once"));
  if (!g_date_valid (&self->joint_inspection) || g_date_compare (&date, &self->joint_inspection) < 0)
    return aff_json_reader_fail_at (reader, "date", error, _("expected a day no earlier than the joint inspection"));
  g_ptr_array_add (self->signatures, signature_new (name, organisation, party, &date));
  return TRUE;
}

gboolean
_aff_prevention_plan_from_json (AffPreventionPlan *self,
                                AffJsonReader     *reader,
                                JsonNode          *node,
                                GError           **error)
{
  static const char *const members[] = { "joint_inspection", "participants", "interferences", "signatures", NULL };
  JsonObject *object;

  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_date (reader, object, "joint_inspection", FALSE, &self->joint_inspection, error) ||
      !aff_json_get_strv (reader, object, "participants", &self->participants, error) ||
      !aff_json_read_array (reader, object, "interferences", read_interference, self, error) ||
      !aff_json_read_array (reader, object, "signatures", read_signature, self, error))
    return FALSE;
  if (self->participants != NULL && self->participants[0] == NULL)
    g_clear_pointer (&self->participants, g_strfreev);
  if (g_date_valid (&self->joint_inspection) != (self->participants != NULL))
    return aff_json_reader_fail_at (reader, "participants", error,
                                    _("expected who took part in the joint inspection, with its day"));
  return TRUE;
}
