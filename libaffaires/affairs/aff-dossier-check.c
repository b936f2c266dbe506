/* aff-dossier-check.c: what an affair's dossier lacks at its phase
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The check reads the whole affair (its plan, prevention plan, acceptance
 * and policy), so it lives with the affair, above the dossier.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-language-private.h"
#include "aff-doc-private.h"
#include "aff-affair-private.h"
#include "aff-finance-private.h"
#include "aff-dossier-private.h"
#include "aff-prevention-plan.h"
#include "aff-closeout.h"
#include "aff-billing.h"
#include "aff-coordination.h"
#include "aff-hazard.h"

static void
add_gap (GPtrArray         *gaps,
         AffDossierGapKind  kind,
         const char        *subject,
         char              *message)
{
  g_ptr_array_add (gaps, _aff_dossier_gap_new (kind, subject, message));
}

/* Whether a meeting of @kind was held on or before @date. */
static gboolean
held (GListModel     *meetings,
      AffMeetingKind  kind,
      const GDate    *date)
{
  guint i, n = g_list_model_get_n_items (meetings);

  for (i = 0; i < n; i++)
    {
      g_autoptr(AffMeeting) meeting = g_list_model_get_item (meetings, i);

      if (aff_meeting_get_kind (meeting) == kind && g_date_compare (aff_meeting_get_date (meeting), date) <= 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether a management report sent by @date covers the day @last. */
static gboolean
reported (GPtrArray   *reports,
          const GDate *last,
          const GDate *date)
{
  guint i;

  for (i = 0; i < reports->len; i++)
    {
      const AffReportRecord *report = g_ptr_array_index (reports, i);

      if (aff_report_record_get_variant (report) == AFF_REPORT_VARIANT_MANAGEMENT &&
          g_date_compare (aff_report_record_get_sent (report), date) <= 0 &&
          g_date_compare (aff_report_record_get_period_start (report), last) <= 0 &&
          g_date_compare (aff_report_record_get_period_end (report), last) >= 0)
        return TRUE;
    }
  return FALSE;
}

/* Each reporting period from the one of @from whose report is overdue on
 * @date: ended, and the policy's delay past, before the affair closed. */
static void
check_reports (AffDossier  *self,
               AffAffair   *affair,
               AffPolicy   *policy,
               const GDate *from,
               const GDate *date,
               guint        lang,
               GPtrArray   *gaps)
{
  AffReportingPeriod period = aff_policy_get_reporting_period (policy);
  guint delay = aff_policy_get_report_days (policy);
  g_autoptr(GPtrArray) reports = aff_dossier_list_reports (self);
  GDate start = *from, end, due, closed;

  if (period == AFF_REPORTING_PERIOD_NONE)
    return;
  g_date_clear (&closed, 1);
  aff_affair_get_closed_date (affair, &closed);
  if (period == AFF_REPORTING_PERIOD_WEEKLY)
    g_date_subtract_days (&start, g_date_get_weekday (&start) - G_DATE_MONDAY);
  else
    g_date_set_day (&start, 1);
  for (;;)
    {
      g_autofree char *first = NULL, *last = NULL, *subject = NULL;

      end = start;
      if (period == AFF_REPORTING_PERIOD_WEEKLY)
        g_date_add_days (&end, 6);
      else
        g_date_set_day (&end, g_date_get_days_in_month (g_date_get_month (&end), g_date_get_year (&end)));
      due = end;
      g_date_add_days (&due, delay);
      /* A period ended after the close-out is not reported on. */
      if (g_date_compare (&due, date) >= 0 || (g_date_valid (&closed) && g_date_compare (&end, &closed) > 0))
        return;
      if (!reported (reports, &end, date))
        {
          first = _aff_doc_format_date (lang, &start);
          last = _aff_doc_format_date (lang, &end);
          subject = aff_date_to_iso (&start);
          add_gap (gaps, AFF_DOSSIER_GAP_KIND_PERIOD_REPORT, subject,
                   g_strdup_printf (L ("Rapport de gestion de la période du %s au %s non envoyé : la politique "
                                       "demande un rapport par période, %u jours après sa fin au plus tard",
                                       "Management report for %s to %s not sent: the policy asks for one report "
                                       "per period, at most %u days after it ends"), first, last, delay));
        }
      start = end;
      g_date_add_days (&start, 1);
    }
}

/**
 * aff_dossier_check:
 * @self: the dossier of an affair
 * @date: the day of the check
 * @error: return location for a #GError
 *
 * Lists what the affair's dossier should have on @date and lacks, each
 * gap naming what is missing and why it is expected, in this order:
 *
 * - once the plan has started, a kick-off meeting held;
 * - once the plan has started, the prevention plan signed when the work
 *   requires one ([method@Aff.Affair.requires_prevention_plan]);
 * - each inspection report due and not received
 *   ([method@Aff.Plan.check_inspections]);
 * - once the work is accepted, each document of the register that belongs
 *   to a deliverable and whose latest revision is not approved;
 * - each meeting held more than [property@Aff.Policy:minutes-days] days
 *   before @date without minutes;
 * - each reporting period of the policy ([property@Aff.Policy:reporting-period],
 *   from the one of the signature) ended more than
 *   [property@Aff.Policy:report-days] days before @date, and not after the
 *   close-out, without a management report covering its last day
 *   ([method@Aff.Dossier.record_report]);
 * - each hazard applied to the plan by @date without a decision on the
 *   plan naming it (%AFF_DECISION_TARGET_PLAN), taken on or after its day.
 *
 * Returns: (transfer container) (element-type AffDossierGap): the gaps,
 *   empty when the dossier is complete; %NULL with %AFF_ERROR_NOT_FOUND
 *   when an inspection is required for a task the plan lacks
 */
GPtrArray *
aff_dossier_check (AffDossier   *self,
                   const GDate  *date,
                   GError      **error)
{
  g_autoptr(GPtrArray) gaps = NULL;
  AffAffair *affair;
  AffPlan *plan;
  AffPolicy *policy;
  g_autoptr(AffPolicy) fallback = NULL;
  GListModel *meetings, *documents, *hazards, *decisions;
  const GDate *start;
  GDate accepted;
  gboolean started;
  guint lang, i, j, n;

  g_return_val_if_fail (AFF_IS_DOSSIER (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (AFF_IS_AFFAIR (_aff_dossier_get_affair (self)), NULL);

  affair = AFF_AFFAIR (_aff_dossier_get_affair (self));
  plan = aff_affair_get_plan (affair);
  policy = _aff_affair_get_policy (affair);
  if (policy == NULL)
    policy = fallback = aff_policy_new ();
  lang = _aff_affair_language (affair);
  gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_dossier_gap_free);
  meetings = aff_dossier_get_meetings (self);
  start = aff_plan_get_start (plan);
  started = start != NULL && g_date_valid (start) && g_date_compare (start, date) <= 0;

  if (started && !held (meetings, AFF_MEETING_KIND_KICK_OFF, date))
    {
      g_autofree char *day = _aff_doc_format_date (lang, start);

      add_gap (gaps, AFF_DOSSIER_GAP_KIND_KICK_OFF, NULL,
               g_strdup_printf (L ("Pas de réunion de lancement : l'affaire a démarré le %s",
                                   "No kick-off meeting: the affair started on %s"), day));
    }
  {
    g_auto(GStrv) reasons = NULL;

    if (started && aff_affair_requires_prevention_plan (affair, &reasons) &&
        !aff_prevention_plan_is_signed (aff_plan_get_prevention_plan (plan)))
      {
        g_autofree char *why = g_strjoinv (L (" ; ", "; "), reasons);

        add_gap (gaps, AFF_DOSSIER_GAP_KIND_PREVENTION_PLAN, NULL,
                 g_strdup_printf (L ("Plan de prévention non signé alors que les travaux l'exigent : %s",
                                     "Prevention plan not signed though the work requires one: %s"), why));
      }
  }
  if (aff_plan_is_scheduled (plan))
    {
      g_autoptr(GPtrArray) issues = aff_plan_check_inspections (plan, date, error);

      if (issues == NULL)
        return NULL;
      for (i = 0; i < issues->len; i++)
        {
          const AffInspectionIssue *issue = g_ptr_array_index (issues, i);
          g_autofree char *due = NULL;

          if (aff_inspection_issue_get_kind (issue) != AFF_INSPECTION_ISSUE_KIND_REPORT_OVERDUE)
            continue;
          due = _aff_doc_format_date (lang, aff_inspection_issue_get_due (issue));
          add_gap (gaps, AFF_DOSSIER_GAP_KIND_INSPECTION_REPORT, aff_inspection_issue_get_task_id (issue),
                   g_strdup_printf (L ("Rapport de l'inspection %s attendu le %s, non reçu",
                                       "Report of inspection %s due on %s, not received"),
                                    aff_inspection_issue_get_task_id (issue), due));
        }
    }
  g_date_clear (&accepted, 1);
  documents = aff_dossier_get_documents (self);
  n = g_list_model_get_n_items (documents);
  if (aff_affair_get_acceptance (affair, &accepted, NULL) && g_date_compare (&accepted, date) <= 0)
    for (i = 0; i < n; i++)
      {
        g_autoptr(AffDocument) document = g_list_model_get_item (documents, i);
        g_autofree char *day = NULL;

        /* The latest revision of each document, once. */
        if (aff_dossier_lookup_document (self, aff_document_get_reference (document)) != document ||
            aff_document_get_deliverable (document) == NULL ||
            aff_document_get_status (document) == AFF_DOCUMENT_STATUS_APPROVED)
          continue;
        day = _aff_doc_format_date (lang, &accepted);
        add_gap (gaps, AFF_DOSSIER_GAP_KIND_DELIVERABLE_APPROVAL, aff_document_get_reference (document),
                 g_strdup_printf (L ("Livrable %s, révision %s, non approuvé par le client alors que les travaux "
                                     "sont réceptionnés depuis le %s",
                                     "Deliverable %s, revision %s, not approved by the client though the work was "
                                     "accepted on %s"),
                                  aff_document_get_reference (document), aff_document_get_revision (document), day));
      }
  n = g_list_model_get_n_items (meetings);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffMeeting) meeting = g_list_model_get_item (meetings, i);
      GDate due = *aff_meeting_get_date (meeting);
      g_autofree char *day = NULL;

      g_date_add_days (&due, aff_policy_get_minutes_days (policy));
      if (aff_meeting_get_minutes (meeting) != NULL || g_date_compare (&due, date) >= 0)
        continue;
      day = _aff_doc_format_date (lang, aff_meeting_get_date (meeting));
      add_gap (gaps, AFF_DOSSIER_GAP_KIND_MINUTES, aff_meeting_get_id (meeting),
               g_strdup_printf (L ("Compte rendu de la réunion %s du %s non rédigé : attendu sous %u jours",
                                   "Minutes of meeting %s of %s not written: expected within %u days"),
                                aff_meeting_get_id (meeting), day, aff_policy_get_minutes_days (policy)));
    }
  if (g_date_valid (aff_affair_get_signed_date (affair)))
    check_reports (self, affair, policy, aff_affair_get_signed_date (affair), date, lang, gaps);
  hazards = aff_plan_get_hazards (plan);
  decisions = aff_dossier_get_decisions (self);
  n = g_list_model_get_n_items (hazards);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffHazard) hazard = g_list_model_get_item (hazards, i);
      const GDate *day = aff_hazard_get_date (hazard);
      gboolean decided = FALSE;
      g_autofree char *text = NULL;

      if (g_date_compare (day, date) > 0)
        continue;
      for (j = 0; !decided && j < g_list_model_get_n_items (decisions); j++)
        {
          g_autoptr(AffDecision) decision = g_list_model_get_item (decisions, j);
          const char *reference = NULL;

          decided = aff_decision_get_target (decision, &reference) == AFF_DECISION_TARGET_PLAN &&
                    g_strcmp0 (reference, aff_hazard_get_id (hazard)) == 0 &&
                    g_date_compare (aff_decision_get_date (decision), day) >= 0 &&
                    g_date_compare (aff_decision_get_date (decision), date) <= 0;
        }
      if (decided)
        continue;
      text = _aff_doc_format_date (lang, day);
      add_gap (gaps, AFF_DOSSIER_GAP_KIND_REPLANNING_DECISION, aff_hazard_get_id (hazard),
               g_strdup_printf (L ("Aucune décision consignée sur la replanification après l'aléa %s du %s",
                                   "No decision recorded on the replanning after hazard %s of %s"),
                                aff_hazard_get_id (hazard), text));
    }
  return g_steal_pointer (&gaps);
}
