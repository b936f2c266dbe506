/* test-dossier.c: the follow-up file of an affair
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A small affair, OFF-1 (signed Mon 20 Apr 2026), followed over three
 * periods: April (kick-off), May (progress review, a hazard and its
 * incident, the quality plan revised), June (site meeting, the plan
 * revised again and approved). Every expected value is read from the
 * story below, not from the library.
 */
#include <affaires.h>

#include "test-util.h"
#include "test-offer-util.h"

#define EXPECT_CRITICAL(stmt)                                                   \
  G_STMT_START {                                                                \
    g_test_expect_message ("Aff", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");  \
    stmt;                                                                       \
    g_test_assert_expected_messages ();                                         \
  } G_STMT_END

/* OFF-1 with a plan of two tasks, T1 (5 days) then T2 (5 days), from
 * 20 April. */
static AffPortfolio *
new_dossier_portfolio (AffAffair **affair)
{
  AffPortfolio *p = new_affair_portfolio (affair);
  AffPlan *plan = aff_affair_get_plan (*affair);
  g_autoptr(AffTask) t1 = aff_task_new ("T1", "Préfabrication", 5);
  g_autoptr(AffTask) t2 = aff_task_new ("T2", "Montage", 5);

  ASSERT_OK (aff_plan_add_task (plan, t1, &error));
  ASSERT_OK (aff_plan_add_task (plan, t2, &error));
  ASSERT_OK (aff_plan_add_dependency (plan, "T1", "T2", AFF_DEPENDENCY_TYPE_FINISH_START, 0, &error));
  ASSERT_OK (aff_plan_schedule (plan, &error));
  return p;
}

static void
add_hazard (AffAffair *affair)
{
  g_autoptr(GDate) may6 = day (2026, 5, 6);
  g_autoptr(AffHazard) hazard = aff_hazard_new ("H1", may6, AFF_HAZARD_CAUSE_SUPPLIER, "Tubes livrés non conformes");
  const char *ids[] = { "T2", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(AffHazardImpact) impact = NULL;

  aff_hazard_set_task_ids (hazard, ids);
  aff_hazard_set_delay_days (hazard, 3);
  impact = aff_plan_apply_hazard (aff_affair_get_plan (affair), hazard, &error);
  g_assert_no_error (error);
}

static void
test_meetings (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_dossier_portfolio (&affair);
  AffDossier *dossier = aff_affair_get_dossier (affair);
  g_autoptr(GDate) apr21 = day (2026, 4, 21);
  g_autoptr(AffMeeting) kick_off = aff_meeting_new ("R-1", AFF_MEETING_KIND_KICK_OFF, apr21, "Lancement");
  g_autoptr(AffMeeting) again = aff_meeting_new ("R-1", AFF_MEETING_KIND_SITE_MEETING, apr21, NULL);
  g_autoptr(AffMeeting) bad = aff_meeting_new ("R 2", AFF_MEETING_KIND_SITE_MEETING, apr21, NULL);
  const char *organisation = "x";
  AffJournalEntry *entry;

  aff_meeting_add_attendee (kick_off, "Claire Martin", NULL);
  aff_meeting_add_attendee (kick_off, "Paul Durand", "ACME Mécanique");
  aff_meeting_add_attendee (kick_off, "Inès Roux", "");
  aff_meeting_set_agenda (kick_off, "Planning, sécurité, documents");
  g_assert_false (aff_meeting_is_recorded (kick_off));
  ASSERT_OK (aff_dossier_add_meeting (dossier, kick_off, &error));
  g_assert_true (aff_meeting_is_recorded (kick_off));
  g_assert_true (aff_dossier_lookup_meeting (dossier, "R-1") == kick_off);
  g_assert_null (aff_dossier_lookup_meeting (dossier, "R-2"));

  g_assert_cmpuint (aff_meeting_get_n_attendees (kick_off), ==, 3);
  g_assert_cmpstr (aff_meeting_get_attendee (kick_off, 0, &organisation), ==, "Claire Martin");
  g_assert_null (organisation);
  g_assert_cmpstr (aff_meeting_get_attendee (kick_off, 1, &organisation), ==, "Paul Durand");
  g_assert_cmpstr (organisation, ==, "ACME Mécanique");
  /* an empty organisation is the company's own */
  g_assert_cmpstr (aff_meeting_get_attendee (kick_off, 2, &organisation), ==, "Inès Roux");
  g_assert_null (organisation);
  g_assert_null (aff_meeting_get_attendee (kick_off, 3, &organisation));
  g_assert_cmpint (aff_meeting_get_kind (kick_off), ==, AFF_MEETING_KIND_KICK_OFF);
  assert_date (aff_meeting_get_date (kick_off), 2026, 4, 21);
  g_assert_cmpstr (aff_meeting_get_title (kick_off), ==, "Lancement");
  g_assert_cmpstr (aff_meeting_get_agenda (kick_off), ==, "Planning, sécurité, documents");
  g_assert_null (aff_meeting_get_minutes (kick_off));

  ASSERT_FAILS (AFF_ERROR_DUPLICATE_ID, aff_dossier_add_meeting (dossier, again, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_dossier_add_meeting (dossier, bad, &error));
  g_assert_cmpuint (g_list_model_get_n_items (aff_dossier_get_meetings (dossier)), ==, 1);

  /* a record changes only through the dossier */
  EXPECT_CRITICAL (aff_meeting_set_minutes (kick_off, "Compte rendu"));
  EXPECT_CRITICAL (aff_meeting_add_attendee (kick_off, "Quelqu'un", NULL));
  g_assert_cmpuint (aff_meeting_get_n_attendees (kick_off), ==, 3);
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_dossier_record_minutes (dossier, "R-7", "Compte rendu", &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_dossier_record_minutes (dossier, "R-1", "", &error));
  g_assert_null (aff_meeting_get_minutes (kick_off));
  ASSERT_OK (aff_dossier_record_minutes (dossier, "R-1", "Lancement validé ; PPSPS à remettre.", &error));
  g_assert_cmpstr (aff_meeting_get_minutes (kick_off), ==, "Lancement validé ; PPSPS à remettre.");

  entry = last_entry (p, "affair", "OFF-1", "meeting-added");
  assert_detail (entry, "meeting", "R-1");
  assert_detail (entry, "date", "2026-04-21");
  assert_detail (last_entry (p, "affair", "OFF-1", "minutes-recorded"), "meeting", "R-1");
  g_assert_cmpuint (count_entries (p, "affair", "OFF-1", "meeting-added"), ==, 1);
  verify_journal (p);
}

static void
test_decisions (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_dossier_portfolio (&affair);
  AffDossier *dossier = aff_affair_get_dossier (affair);
  g_autoptr(GDate) apr21 = day (2026, 4, 21);
  g_autoptr(GDate) apr20 = day (2026, 4, 20);
  g_autoptr(GDate) may7 = day (2026, 5, 7);
  g_autoptr(GDate) may12 = day (2026, 5, 12);
  g_autoptr(AffMeeting) kick_off = aff_meeting_new ("R-1", AFF_MEETING_KIND_KICK_OFF, apr21, NULL);
  g_autoptr(AffDecision) d1 = aff_decision_new ("D-1", apr21, "Préfabrication en atelier", "Claire Martin");
  g_autoptr(AffDecision) d2 = aff_decision_new ("D-2", may12, "Décaler le montage de 3 jours", "Claire Martin");
  g_autoptr(AffDecision) d3 = aff_decision_new ("D-3", may7, "Relancer le fournisseur de tubes", "Paul Durand");
  g_autoptr(AffDecision) early = aff_decision_new ("D-4", apr20, "Avant la réunion", "Claire Martin");
  g_autoptr(AffDecision) ghost = aff_decision_new ("D-5", may7, "À une réunion inconnue", "Claire Martin");
  g_autoptr(AffDecision) no_task = aff_decision_new ("D-6", may7, "Sur une tâche inconnue", "Claire Martin");
  g_autoptr(AffDecision) twin = aff_decision_new ("D-1", may7, "Même numéro", "Claire Martin");
  g_autoptr(GPtrArray) log = NULL;
  const char *reference = NULL;

  ASSERT_OK (aff_dossier_add_meeting (dossier, kick_off, &error));
  aff_decision_set_meeting_id (d1, "R-1");
  aff_decision_set_rationale (d1, "L'atelier est libre en avril");
  ASSERT_OK (aff_dossier_add_decision (dossier, d1, &error));
  aff_decision_set_target (d2, AFF_DECISION_TARGET_TASK, "T2");
  ASSERT_OK (aff_dossier_add_decision (dossier, d2, &error));
  aff_decision_set_target (d3, AFF_DECISION_TARGET_CLIENT, NULL);
  ASSERT_OK (aff_dossier_add_decision (dossier, d3, &error));

  g_assert_cmpstr (aff_decision_get_meeting_id (d1), ==, "R-1");
  g_assert_cmpstr (aff_decision_get_rationale (d1), ==, "L'atelier est libre en avril");
  g_assert_cmpint (aff_decision_get_target (d1, &reference), ==, AFF_DECISION_TARGET_AFFAIR);
  g_assert_null (reference);
  g_assert_cmpint (aff_decision_get_target (d2, &reference), ==, AFF_DECISION_TARGET_TASK);
  g_assert_cmpstr (reference, ==, "T2");
  g_assert_cmpstr (aff_decision_get_decided_by (d3), ==, "Paul Durand");
  g_assert_cmpstr (aff_decision_get_statement (d3), ==, "Relancer le fournisseur de tubes");

  /* taken before the meeting it names; at a meeting or on a task that is not there */
  aff_decision_set_meeting_id (early, "R-1");
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_dossier_add_decision (dossier, early, &error));
  aff_decision_set_meeting_id (ghost, "R-9");
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_dossier_add_decision (dossier, ghost, &error));
  aff_decision_set_target (no_task, AFF_DECISION_TARGET_TASK, "T9");
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_dossier_add_decision (dossier, no_task, &error));
  /* a decision on a task must say which */
  aff_decision_set_target (no_task, AFF_DECISION_TARGET_TASK, NULL);
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_dossier_add_decision (dossier, no_task, &error));
  ASSERT_FAILS (AFF_ERROR_DUPLICATE_ID, aff_dossier_add_decision (dossier, twin, &error));
  /* a record is not added twice */
  EXPECT_CRITICAL (g_assert_false (aff_dossier_add_decision (dossier, d1, NULL)));
  g_assert_cmpuint (g_list_model_get_n_items (aff_dossier_get_decisions (dossier)), ==, 3);

  /* the log by date: D-1 (21 Apr), D-3 (7 May), D-2 (12 May) */
  log = aff_dossier_list_decisions (dossier, NULL, NULL);
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_true (g_ptr_array_index (log, 0) == d1);
  g_assert_true (g_ptr_array_index (log, 1) == d3);
  g_assert_true (g_ptr_array_index (log, 2) == d2);
  g_clear_pointer (&log, g_ptr_array_unref);
  /* both bounds included */
  log = aff_dossier_list_decisions (dossier, may7, may12);
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_true (g_ptr_array_index (log, 0) == d3);
  g_clear_pointer (&log, g_ptr_array_unref);
  log = aff_dossier_list_decisions (dossier, NULL, apr21);
  g_assert_cmpuint (log->len, ==, 1);
  assert_detail (last_entry (p, "affair", "OFF-1", "decision-recorded"), "decision", "D-3");
  verify_journal (p);
}

static AffAction *
new_action (const char *id,
            const char *title,
            int         assigned_day,
            int         assigned_month,
            int         due_day,
            int         due_month)
{
  g_autoptr(GDate) assigned = day (2026, assigned_month, assigned_day);
  g_autoptr(GDate) due = day (2026, due_month, due_day);

  return aff_action_new (id, title, "Claire Martin", assigned, due);
}

static void
assert_ids (GPtrArray  *actions,
            const char *expected)
{
  g_autoptr(GString) ids = g_string_new (NULL);
  guint i;

  for (i = 0; i < actions->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", aff_action_get_id (g_ptr_array_index (actions, i)));
  g_assert_cmpstr (ids->str, ==, expected);
}

static void
test_actions (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_dossier_portfolio (&affair);
  AffDossier *dossier = aff_affair_get_dossier (affair);
  g_autoptr(GDate) apr21 = day (2026, 4, 21);
  g_autoptr(GDate) may4 = day (2026, 5, 4);
  g_autoptr(GDate) may15 = day (2026, 5, 15);
  g_autoptr(GDate) may20 = day (2026, 5, 20);
  g_autoptr(GDate) jun1 = day (2026, 6, 1);
  g_autoptr(AffMeeting) kick_off = aff_meeting_new ("R-1", AFF_MEETING_KIND_KICK_OFF, apr21, NULL);
  /* assigned, due */
  g_autoptr(AffAction) a1 = new_action ("A-1", "Remettre le PPSPS", 21, 4, 30, 4);
  g_autoptr(AffAction) a2 = new_action ("A-2", "Commander les tubes", 21, 4, 12, 5);
  g_autoptr(AffAction) a3 = new_action ("A-3", "Relancer le fournisseur", 6, 5, 8, 5);
  g_autoptr(AffAction) a4 = new_action ("A-4", "Mettre à jour le planning", 6, 5, 25, 5);
  g_autoptr(AffAction) a5 = new_action ("A-5", "Réunion de chantier", 6, 5, 25, 5);
  g_autoptr(AffAction) backwards = new_action ("A-6", "Dû avant d'être donné", 10, 5, 9, 5);
  g_autoptr(AffAction) lost = new_action ("A-7", "D'une réunion inconnue", 10, 5, 20, 5);
  g_autoptr(AffAction) untitled = new_action ("A-8", "", 10, 5, 20, 5);
  g_autoptr(GPtrArray) open = NULL;
  const char *reference = NULL;

  add_hazard (affair);
  ASSERT_OK (aff_dossier_add_meeting (dossier, kick_off, &error));
  aff_action_set_origin (a1, AFF_ACTION_ORIGIN_MEETING, "R-1");
  aff_action_set_origin (a2, AFF_ACTION_ORIGIN_MEETING, "R-1");
  aff_action_set_origin (a3, AFF_ACTION_ORIGIN_HAZARD, "H1");
  aff_action_set_origin (a4, AFF_ACTION_ORIGIN_DRIFT, "schedule-performance");
  ASSERT_OK (aff_dossier_add_action (dossier, a1, &error));
  ASSERT_OK (aff_dossier_add_action (dossier, a2, &error));
  ASSERT_OK (aff_dossier_add_action (dossier, a3, &error));
  ASSERT_OK (aff_dossier_add_action (dossier, a4, &error));
  ASSERT_OK (aff_dossier_add_action (dossier, a5, &error));
  g_assert_cmpint (aff_action_get_origin (a3, &reference), ==, AFF_ACTION_ORIGIN_HAZARD);
  g_assert_cmpstr (reference, ==, "H1");
  g_assert_cmpint (aff_action_get_origin (a5, &reference), ==, AFF_ACTION_ORIGIN_OTHER);
  g_assert_null (reference);
  g_assert_cmpstr (aff_action_get_owner (a1), ==, "Claire Martin");
  assert_date (aff_action_get_assigned (a3), 2026, 5, 6);
  assert_date (aff_action_get_due (a3), 2026, 5, 8);

  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_dossier_add_action (dossier, backwards, &error));
  aff_action_set_origin (lost, AFF_ACTION_ORIGIN_MEETING, "R-9");
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_dossier_add_action (dossier, lost, &error));
  aff_action_set_origin (lost, AFF_ACTION_ORIGIN_INCIDENT, "I-9");
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_dossier_add_action (dossier, lost, &error));
  aff_action_set_origin (lost, AFF_ACTION_ORIGIN_HAZARD, NULL);
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_dossier_add_action (dossier, lost, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_dossier_add_action (dossier, untitled, &error));
  g_assert_cmpuint (g_list_model_get_n_items (aff_dossier_get_actions (dossier)), ==, 5);

  /* On 4 May: A-1 (due 30 Apr) is overdue; A-2 is due 12 May; and
   * A-5 are not yet assigned. */
  open = aff_dossier_list_open_actions (dossier, may4);
  assert_ids (open, "A-1 A-2");
  g_clear_pointer (&open, g_ptr_array_unref);

  /* A-1 done on 5 May, A-3 done on 12 May. */
  {
    g_autoptr(GDate) may5 = day (2026, 5, 5);
    g_autoptr(GDate) may12 = day (2026, 5, 12);

    ASSERT_OK (aff_dossier_complete_action (dossier, "A-1", may5, "Remis au coordonnateur", &error));
    ASSERT_OK (aff_dossier_complete_action (dossier, "A-3", may12, NULL, &error));
    ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_dossier_complete_action (dossier, "A-1", may12, NULL, &error));
    ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_dossier_complete_action (dossier, "A-9", may12, NULL, &error));
    /* done before it was assigned */
    ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_dossier_complete_action (dossier, "A-4", may5, NULL, &error));
    g_assert_cmpint (aff_action_get_status (a4), ==, AFF_ACTION_STATUS_OPEN);
  }
  g_assert_cmpint (aff_action_get_status (a1), ==, AFF_ACTION_STATUS_DONE);
  assert_date (aff_action_get_closed_date (a1), 2026, 5, 5);
  g_assert_cmpstr (aff_action_get_note (a1), ==, "Remis au coordonnateur");
  g_assert_null (aff_action_get_closed_date (a2));

  /* On 15 May: A-2 (due 12 May) is overdue; are due 25 May,
   * in the order they were added. are done. */
  open = aff_dossier_list_open_actions (dossier, may15);
  assert_ids (open, "A-2 A-4 A-5");
  g_assert_true (aff_action_is_overdue_on (a2, may15));
  g_assert_false (aff_action_is_overdue_on (a4, may15));
  g_clear_pointer (&open, g_ptr_array_unref);
  /* history: on 4 May, A-1 was still open */
  g_assert_true (aff_action_is_open_on (a1, may4));
  g_assert_false (aff_action_is_open_on (a1, may15));

  /* A-5 given up on 20 May; a reason is required. */
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_dossier_cancel_action (dossier, "A-5", may20, NULL, &error));
  ASSERT_OK (aff_dossier_cancel_action (dossier, "A-5", may20, "Remplacée par la réunion du 27 mai", &error));
  g_assert_cmpint (aff_action_get_status (a5), ==, AFF_ACTION_STATUS_CANCELLED);
  g_assert_cmpstr (aff_action_get_note (a5), ==, "Remplacée par la réunion du 27 mai");

  /* On 1 June: A-2 (12 May) then A-4 (25 May), both overdue. */
  open = aff_dossier_list_open_actions (dossier, jun1);
  assert_ids (open, "A-2 A-4");
  g_clear_pointer (&open, g_ptr_array_unref);

  assert_detail (last_entry (p, "affair", "OFF-1", "action-done"), "action", "A-3");
  assert_detail (last_entry (p, "affair", "OFF-1", "action-cancelled"), "date", "2026-05-20");
  g_assert_cmpuint (count_entries (p, "affair", "OFF-1", "action-added"), ==, 5);
  EXPECT_CRITICAL (aff_action_set_origin (a2, AFF_ACTION_ORIGIN_REX, NULL));
  verify_journal (p);
}

static void
assert_revision (AffDocument       *document,
                 const char        *revision,
                 AffDocumentStatus  status)
{
  g_assert_cmpstr (aff_document_get_revision (document), ==, revision);
  g_assert_cmpint (aff_document_get_status (document), ==, status);
}

static void
test_documents (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_dossier_portfolio (&affair);
  AffDossier *dossier = aff_affair_get_dossier (affair);
  g_autoptr(GDate) apr21 = day (2026, 4, 21);
  g_autoptr(GDate) apr20 = day (2026, 4, 20);
  g_autoptr(GDate) apr24 = day (2026, 4, 24);
  g_autoptr(GDate) may4 = day (2026, 5, 4);
  g_autoptr(GDate) may11 = day (2026, 5, 11);
  g_autoptr(GDate) may13 = day (2026, 5, 13);
  g_autoptr(GDate) jun2 = day (2026, 6, 2);
  g_autoptr(GDate) jun8 = day (2026, 6, 8);
  g_autoptr(AffDocument) plan = aff_document_new ("PQ-01", "Plan qualité");
  g_autoptr(AffDocument) twin = aff_document_new ("PQ-01", "Autre plan");
  g_autoptr(GError) error = NULL;
  AffDocument *b, *c;
  GListModel *register_;

  aff_document_set_deliverable (plan, "T1");
  aff_document_set_uri (plan, "file:///affaires/OFF-1/PQ-01-A.pdf");
  g_assert_null (aff_document_get_created (plan));
  ASSERT_OK (aff_dossier_add_document (dossier, plan, apr21, &error));
  ASSERT_FAILS (AFF_ERROR_DUPLICATE_ID, aff_dossier_add_document (dossier, twin, apr21, &error));
  assert_revision (plan, "A", AFF_DOCUMENT_STATUS_DRAFT);
  assert_date (aff_document_get_created (plan), 2026, 4, 21);
  g_assert_null (aff_document_get_sent (plan));

  /* a draft is neither approved nor revised; it is not sent before it exists */
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_dossier_approve_document (dossier, "PQ-01", may4, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION,
                aff_dossier_revise_document (dossier, "PQ-01", may4, NULL, &error) != NULL);
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_dossier_issue_document (dossier, "PQ-01", apr20, &error));
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_dossier_issue_document (dossier, "PQ-02", apr24, &error));

  /* A sent on 24 April; the client comments, B made on 4 May, sent on
   * 11 May, approved on 13 May; C made on 2 June for the site changes. */
  ASSERT_OK (aff_dossier_issue_document (dossier, "PQ-01", apr24, &error));
  assert_revision (plan, "A", AFF_DOCUMENT_STATUS_ISSUED);
  /* not revised before it was sent */
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_dossier_revise_document (dossier, "PQ-01", apr21, NULL, &error) != NULL);
  assert_revision (plan, "A", AFF_DOCUMENT_STATUS_ISSUED);
  assert_date (aff_document_get_sent (plan), 2026, 4, 24);
  b = aff_dossier_revise_document (dossier, "PQ-01", may4, "file:///affaires/OFF-1/PQ-01-B.pdf", &error);
  g_assert_no_error (error);
  assert_revision (b, "B", AFF_DOCUMENT_STATUS_DRAFT);
  assert_revision (plan, "A", AFF_DOCUMENT_STATUS_SUPERSEDED);
  g_assert_cmpstr (aff_document_get_title (b), ==, "Plan qualité");
  g_assert_cmpstr (aff_document_get_deliverable (b), ==, "T1");
  g_assert_cmpstr (aff_document_get_uri (b), ==, "file:///affaires/OFF-1/PQ-01-B.pdf");
  g_assert_null (aff_document_get_sent (b));
  ASSERT_OK (aff_dossier_issue_document (dossier, "PQ-01", may11, &error));
  /* approved before it was sent */
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_dossier_approve_document (dossier, "PQ-01", may4, &error));
  ASSERT_OK (aff_dossier_approve_document (dossier, "PQ-01", may13, &error));
  assert_revision (b, "B", AFF_DOCUMENT_STATUS_APPROVED);
  assert_date (aff_document_get_approved (b), 2026, 5, 13);
  c = aff_dossier_revise_document (dossier, "PQ-01", jun2, NULL, &error);
  g_assert_no_error (error);
  assert_revision (c, "C", AFF_DOCUMENT_STATUS_DRAFT);
  assert_revision (b, "B", AFF_DOCUMENT_STATUS_SUPERSEDED);
  /* B keeps its approval */
  assert_date (aff_document_get_approved (b), 2026, 5, 13);
  g_assert_null (aff_document_get_uri (c));
  ASSERT_OK (aff_dossier_issue_document (dossier, "PQ-01", jun8, &error));

  g_assert_true (aff_dossier_lookup_document (dossier, "PQ-01") == c);
  register_ = aff_dossier_get_documents (dossier);
  g_assert_cmpuint (g_list_model_get_n_items (register_), ==, 3);
  {
    g_autoptr(AffDocument) first = g_list_model_get_item (register_, 0);

    g_assert_true (first == plan);
  }
  g_assert_cmpuint (count_entries (p, "affair", "OFF-1", "document-revised"), ==, 2);
  {
    AffJournalEntry *entry = last_entry (p, "affair", "OFF-1", "document-issued");

    assert_detail (entry, "document", "PQ-01");
    assert_detail (entry, "revision", "C");
    assert_detail (entry, "date", "2026-06-08");
  }
  EXPECT_CRITICAL (aff_document_set_uri (c, "file:///ailleurs"));
  g_assert_null (aff_document_get_uri (c));
  verify_journal (p);
}

/* After Z comes AA, as after 9 comes 10. */
static void
test_revision_letters (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_dossier_portfolio (&affair);
  AffDossier *dossier = aff_affair_get_dossier (affair);
  g_autoptr(GDate) date = day (2026, 4, 21);
  g_autoptr(AffDocument) note = aff_document_new ("NC-01", "Note de calcul");
  g_autoptr(GError) error = NULL;
  AffDocument *latest = note;
  guint i;

  ASSERT_OK (aff_dossier_add_document (dossier, note, date, &error));
  for (i = 0; i < 27; i++)
    {
      ASSERT_OK (aff_dossier_issue_document (dossier, "NC-01", date, &error));
      latest = aff_dossier_revise_document (dossier, "NC-01", date, NULL, &error);
      g_assert_nonnull (latest);
      if (i == 0)
        g_assert_cmpstr (aff_document_get_revision (latest), ==, "B");
      if (i == 24)
        g_assert_cmpstr (aff_document_get_revision (latest), ==, "Z");
      if (i == 25)
        g_assert_cmpstr (aff_document_get_revision (latest), ==, "AA");
    }
  g_assert_cmpstr (aff_document_get_revision (latest), ==, "AB");
}

static void
test_incidents (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_dossier_portfolio (&affair);
  AffDossier *dossier = aff_affair_get_dossier (affair);
  g_autoptr(GDate) may5 = day (2026, 5, 5);
  g_autoptr(GDate) may6 = day (2026, 5, 6);
  g_autoptr(GDate) may7 = day (2026, 5, 7);
  g_autoptr(GDate) may20 = day (2026, 5, 20);
  g_autoptr(AffIncident) late = aff_incident_new ("I-1", may6, "Montage retardé de 3 jours");
  g_autoptr(AffIncident) early = aff_incident_new ("I-2", may6, "Client prévenu avant les faits");
  g_autoptr(AffIncident) no_hazard = aff_incident_new ("I-3", may6, "Aléa inconnu");
  g_autoptr(GPtrArray) open = NULL;
  const char *how = NULL;

  add_hazard (affair);
  aff_incident_set_client_impact (late, "Mise en service de la ligne décalée");
  aff_incident_set_client_informed (late, may7, "Appel puis courriel à Paul Durand");
  aff_incident_set_hazard_id (late, "H1");
  ASSERT_OK (aff_dossier_add_incident (dossier, late, &error));
  assert_date (aff_incident_get_client_informed (late, &how), 2026, 5, 7);
  g_assert_cmpstr (how, ==, "Appel puis courriel à Paul Durand");
  g_assert_cmpstr (aff_incident_get_hazard_id (late), ==, "H1");
  g_assert_cmpstr (aff_incident_get_client_impact (late), ==, "Mise en service de la ligne décalée");

  aff_incident_set_client_informed (early, may5, "Courriel");
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_dossier_add_incident (dossier, early, &error));
  aff_incident_set_hazard_id (no_hazard, "H9");
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_dossier_add_incident (dossier, no_hazard, &error));

  open = aff_dossier_list_open_incidents (dossier, may7);
  g_assert_cmpuint (open->len, ==, 1);
  g_clear_pointer (&open, g_ptr_array_unref);
  open = aff_dossier_list_open_incidents (dossier, may5);
  g_assert_cmpuint (open->len, ==, 0);
  g_clear_pointer (&open, g_ptr_array_unref);

  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_dossier_close_incident (dossier, "I-1", may20, "", &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_dossier_close_incident (dossier, "I-1", may5, "Trop tôt", &error));
  ASSERT_OK (aff_dossier_close_incident (dossier, "I-1", may20, "Équipe renforcée, retard rattrapé", &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION,
                aff_dossier_close_incident (dossier, "I-1", may20, "Encore", &error));
  g_assert_cmpstr (aff_incident_get_remedy (late), ==, "Équipe renforcée, retard rattrapé");
  assert_date (aff_incident_get_closed_date (late), 2026, 5, 20);
  g_assert_true (aff_incident_is_open_on (late, may7));
  g_assert_false (aff_incident_is_open_on (late, may20));
  assert_detail (last_entry (p, "affair", "OFF-1", "incident-closed"), "incident", "I-1");
  verify_journal (p);
}

/* The three periods' dossier, saved and read back, item by item. */
static void
test_round_trip (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_dossier_portfolio (&affair);
  g_autoptr(AffPortfolio) q = NULL;
  AffDossier *dossier = aff_affair_get_dossier (affair), *read;
  g_autoptr(GDate) apr21 = day (2026, 4, 21);
  g_autoptr(GDate) may7 = day (2026, 5, 7);
  g_autoptr(GDate) may12 = day (2026, 5, 12);
  g_autoptr(GDate) jun3 = day (2026, 6, 3);
  g_autoptr(AffMeeting) r1 = aff_meeting_new ("R-1", AFF_MEETING_KIND_KICK_OFF, apr21, "Lancement");
  g_autoptr(AffMeeting) r2 = aff_meeting_new ("R-2", AFF_MEETING_KIND_PROGRESS_REVIEW, may12, NULL);
  g_autoptr(AffMeeting) r3 = aff_meeting_new ("R-3", AFF_MEETING_KIND_SITE_MEETING, jun3, NULL);
  g_autoptr(AffDecision) d1 = aff_decision_new ("D-1", may12, "Décaler le montage", "Claire Martin");
  g_autoptr(AffAction) a1 = new_action ("A-1", "Relancer le fournisseur", 12, 5, 15, 5);
  g_autoptr(AffIncident) i1 = aff_incident_new ("I-1", may7, "Montage retardé");
  g_autoptr(AffDocument) doc = aff_document_new ("PQ-01", "Plan qualité");
  g_autofree char *data = NULL, *again = NULL;
  g_autoptr(GError) error = NULL;
  AffMeeting *m;
  AffDocument *latest;
  const char *text = NULL;

  add_hazard (affair);
  aff_meeting_add_attendee (r1, "Paul Durand", "ACME Mécanique");
  aff_meeting_set_minutes (r1, "Lancement validé");
  ASSERT_OK (aff_dossier_add_meeting (dossier, r1, &error));
  ASSERT_OK (aff_dossier_add_meeting (dossier, r2, &error));
  ASSERT_OK (aff_dossier_add_meeting (dossier, r3, &error));
  aff_decision_set_meeting_id (d1, "R-2");
  aff_decision_set_target (d1, AFF_DECISION_TARGET_TASK, "T2");
  ASSERT_OK (aff_dossier_add_decision (dossier, d1, &error));
  aff_incident_set_hazard_id (i1, "H1");
  aff_incident_set_client_informed (i1, may7, "Appel");
  ASSERT_OK (aff_dossier_add_incident (dossier, i1, &error));
  aff_action_set_origin (a1, AFF_ACTION_ORIGIN_INCIDENT, "I-1");
  ASSERT_OK (aff_dossier_add_action (dossier, a1, &error));
  ASSERT_OK (aff_dossier_complete_action (dossier, "A-1", jun3, "Fait", &error));
  ASSERT_OK (aff_dossier_add_document (dossier, doc, apr21, &error));
  ASSERT_OK (aff_dossier_issue_document (dossier, "PQ-01", may7, &error));
  g_assert_nonnull (aff_dossier_revise_document (dossier, "PQ-01", may12, "file:///PQ-01-B.pdf", &error));

  data = aff_portfolio_to_data (p, NULL);
  q = aff_portfolio_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  read = aff_affair_get_dossier (aff_portfolio_lookup_affair (q, "OFF-1"));
  g_assert_cmpuint (g_list_model_get_n_items (aff_dossier_get_meetings (read)), ==, 3);
  m = aff_dossier_lookup_meeting (read, "R-1");
  g_assert_true (aff_meeting_is_recorded (m));
  g_assert_cmpstr (aff_meeting_get_minutes (m), ==, "Lancement validé");
  g_assert_cmpstr (aff_meeting_get_attendee (m, 0, &text), ==, "Paul Durand");
  g_assert_cmpstr (text, ==, "ACME Mécanique");
  g_assert_cmpint (aff_meeting_get_kind (aff_dossier_lookup_meeting (read, "R-3")), ==, AFF_MEETING_KIND_SITE_MEETING);
  g_assert_cmpint (aff_decision_get_target (aff_dossier_lookup_decision (read, "D-1"), &text), ==,
                   AFF_DECISION_TARGET_TASK);
  g_assert_cmpstr (text, ==, "T2");
  g_assert_cmpint (aff_action_get_status (aff_dossier_lookup_action (read, "A-1")), ==, AFF_ACTION_STATUS_DONE);
  assert_date (aff_action_get_closed_date (aff_dossier_lookup_action (read, "A-1")), 2026, 6, 3);
  g_assert_cmpint (aff_action_get_origin (aff_dossier_lookup_action (read, "A-1"), &text), ==,
                   AFF_ACTION_ORIGIN_INCIDENT);
  g_assert_cmpstr (aff_incident_get_hazard_id (aff_dossier_lookup_incident (read, "I-1")), ==, "H1");
  latest = aff_dossier_lookup_document (read, "PQ-01");
  assert_revision (latest, "B", AFF_DOCUMENT_STATUS_DRAFT);
  g_assert_cmpstr (aff_document_get_uri (latest), ==, "file:///PQ-01-B.pdf");
  g_assert_cmpuint (g_list_model_get_n_items (aff_dossier_get_documents (read)), ==, 2);
  g_assert_true (aff_journal_verify (aff_portfolio_get_journal (q), &error));
  /* written again, the same text */
  again = aff_portfolio_to_data (q, NULL);
  g_assert_cmpstr (again, ==, data);
  /* and the read dossier goes on: C after B */
  ASSERT_OK (aff_dossier_issue_document (read, "PQ-01", jun3, &error));
  g_assert_nonnull (aff_dossier_revise_document (read, "PQ-01", jun3, NULL, &error));
  g_assert_cmpstr (aff_document_get_revision (aff_dossier_lookup_document (read, "PQ-01")), ==, "C");
}

/* Each breach of what the methods keep true is named by its JSON path,
 * and leaves nothing loaded. */
static void
test_invalid_documents (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_dossier_portfolio (&affair);
  AffDossier *dossier = aff_affair_get_dossier (affair);
  g_autoptr(GDate) apr21 = day (2026, 4, 21);
  g_autoptr(AffMeeting) r1 = aff_meeting_new ("R-1", AFF_MEETING_KIND_KICK_OFF, apr21, NULL);
  g_autoptr(AffDecision) d1 = aff_decision_new ("D-1", apr21, "Lancer", "Claire Martin");
  g_autoptr(AffDocument) doc = aff_document_new ("PQ-01", "Plan qualité");
  g_autofree char *data = NULL;
  const struct { const char *from; const char *to; const char *path; } cases[] = {
    { "\"meeting\":\"R-1\"", "\"meeting\":\"R-9\"", "$.affairs[0].dossier.decisions[0].meeting" },
    { "\"revision\":\"A\",\"title\":\"Plan qualité\"", "\"revision\":\"B\",\"title\":\"Plan qualité\"",
      "$.affairs[0].dossier.documents[0].revision" },
    { "\"kind\":\"kick-off\"", "\"kind\":\"party\"", "$.affairs[0].dossier.meetings[0].kind" },
    { "\"title\":\"Plan qualité\",\"status\":\"issued\"", "\"title\":\"Plan qualité\",\"status\":\"superseded\"",
      "$.affairs[0].dossier.documents[0].status" },
  };
  guint i;

  ASSERT_OK (aff_dossier_add_meeting (dossier, r1, &error));
  aff_decision_set_meeting_id (d1, "R-1");
  ASSERT_OK (aff_dossier_add_decision (dossier, d1, &error));
  ASSERT_OK (aff_dossier_add_document (dossier, doc, apr21, &error));
  ASSERT_OK (aff_dossier_issue_document (dossier, "PQ-01", apr21, &error));
  data = aff_portfolio_to_data (p, NULL);
  {
    g_autofree char *compact = compact_json (data);

    for (i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GString) bad = g_string_new (compact);
        g_autoptr(GError) error = NULL;
        g_autoptr(AffPortfolio) q = NULL;

        g_assert_cmpuint (g_string_replace (bad, cases[i].from, cases[i].to, 1), ==, 1);
        q = aff_portfolio_new_from_data (bad->str, -1, &error);
        if (q != NULL)
          g_error ("%s: loaded", cases[i].path);
        g_assert_nonnull (error);
        if (!g_str_has_prefix (error->message, cases[i].path))
          g_error ("%s: %s", cases[i].path, error->message);
      }
  }
}

static void
assert_gap (GPtrArray         *gaps,
            guint              position,
            AffDossierGapKind  kind,
            const char        *subject,
            const char        *message_start)
{
  const AffDossierGap *gap = g_ptr_array_index (gaps, position);

  g_assert_cmpint (aff_dossier_gap_get_kind (gap), ==, kind);
  g_assert_cmpstr (aff_dossier_gap_get_subject (gap), ==, subject);
  if (!g_str_has_prefix (aff_dossier_gap_get_message (gap), message_start))
    g_error ("gap %u: “%s” does not start with “%s”", position, aff_dossier_gap_get_message (gap), message_start);
}

/* Distribution lists and the reports sent. */
static void
test_reports (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_dossier_portfolio (&affair);
  AffDossier *dossier = aff_affair_get_dossier (affair);
  g_autoptr(GDate) apr1 = day (2026, 4, 1);
  g_autoptr(GDate) apr30 = day (2026, 4, 30);
  g_autoptr(GDate) may4 = day (2026, 5, 4);
  g_autoptr(GPtrArray) reports = NULL;
  const char *management[] = { "Direction technique", "Contrôle de gestion", NULL };
  const char *client[] = { "Paul Durand (ACME)", NULL };
  const char *twice[] = { "Direction technique", "Direction technique", NULL };
  const char *nobody[] = { NULL };
  const char *const *list;

  g_assert_null (aff_dossier_get_distribution (dossier, AFF_REPORT_VARIANT_MANAGEMENT));
  /* nobody to send it to yet */
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_dossier_record_report (dossier, AFF_REPORT_VARIANT_MANAGEMENT, apr1, apr30,
                                                                    may4, NULL, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_dossier_set_distribution (dossier, AFF_REPORT_VARIANT_MANAGEMENT, twice,
                                                                       &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_dossier_set_distribution (dossier, AFF_REPORT_VARIANT_MANAGEMENT, nobody,
                                                                       &error));
  ASSERT_OK (aff_dossier_set_distribution (dossier, AFF_REPORT_VARIANT_MANAGEMENT, management, &error));
  ASSERT_OK (aff_dossier_set_distribution (dossier, AFF_REPORT_VARIANT_CLIENT, client, &error));
  list = aff_dossier_get_distribution (dossier, AFF_REPORT_VARIANT_MANAGEMENT);
  g_assert_cmpuint (g_strv_length ((char **) list), ==, 2);
  g_assert_cmpstr (list[1], ==, "Contrôle de gestion");

  /* sent before the period ends; a period ending before it starts */
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_dossier_record_report (dossier, AFF_REPORT_VARIANT_MANAGEMENT, apr1, may4,
                                                                    apr30, NULL, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_dossier_record_report (dossier, AFF_REPORT_VARIANT_MANAGEMENT, apr30, apr1,
                                                                    may4, NULL, &error));
  ASSERT_OK (aff_dossier_record_report (dossier, AFF_REPORT_VARIANT_MANAGEMENT, apr1, apr30, may4, NULL, &error));
  ASSERT_OK (aff_dossier_record_report (dossier, AFF_REPORT_VARIANT_CLIENT, apr1, apr30, may4, client, &error));
  reports = aff_dossier_list_reports (dossier);
  g_assert_cmpuint (reports->len, ==, 2);
  {
    const AffReportRecord *first = g_ptr_array_index (reports, 0);

    g_assert_cmpint (aff_report_record_get_variant (first), ==, AFF_REPORT_VARIANT_MANAGEMENT);
    assert_date (aff_report_record_get_period_start (first), 2026, 4, 1);
    assert_date (aff_report_record_get_period_end (first), 2026, 4, 30);
    assert_date (aff_report_record_get_sent (first), 2026, 5, 4);
    /* the distribution list, as it stood */
    g_assert_cmpstr (aff_report_record_get_recipients (first)[0], ==, "Direction technique");
    g_assert_null (aff_report_record_get_recipients (first)[2]);
  }
  {
    AffJournalEntry *entry = last_entry (p, "affair", "OFF-1", "report-sent");

    assert_detail (entry, "variant", "client");
    assert_detail (entry, "period_end", "2026-04-30");
  }
  g_assert_cmpuint (count_entries (p, "affair", "OFF-1", "distribution-set"), ==, 2);

  /* kept by the document */
  {
    g_autofree char *data = aff_portfolio_to_data (p, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(AffPortfolio) q = aff_portfolio_new_from_data (data, -1, &error);
    AffDossier *read;
    g_autoptr(GPtrArray) again = NULL;

    g_assert_no_error (error);
    read = aff_affair_get_dossier (aff_portfolio_lookup_affair (q, "OFF-1"));
    g_assert_cmpstr (aff_dossier_get_distribution (read, AFF_REPORT_VARIANT_CLIENT)[0], ==, "Paul Durand (ACME)");
    again = aff_dossier_list_reports (read);
    g_assert_cmpuint (again->len, ==, 2);
    assert_date (aff_report_record_get_sent (g_ptr_array_index (again, 1)), 2026, 5, 4);
  }
  verify_journal (p);
}

/* The dossier of OFF-1 (signed and started Monday 20 April; monthly
 * reports due 5 days after the month, minutes 7 days after a meeting;
 * T2 involves hot work in a zone of the client's site, so a prevention plan is
 * required; hazard H1 on 6 May), checked on 10 June before and after the
 * missing items are added. */
static void
test_check (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_dossier_portfolio (&affair);
  AffDossier *dossier = aff_affair_get_dossier (affair);
  AffPlan *plan = aff_affair_get_plan (affair);
  g_autoptr(GDate) apr17 = day (2026, 4, 17);
  g_autoptr(GDate) apr21 = day (2026, 4, 21);
  g_autoptr(GDate) may20 = day (2026, 5, 20);
  g_autoptr(GDate) jun8 = day (2026, 6, 8);
  g_autoptr(GDate) jun10 = day (2026, 6, 10);
  g_autoptr(AffMeeting) site = aff_meeting_new ("R-2", AFF_MEETING_KIND_SITE_MEETING, may20, NULL);
  g_autoptr(AffMeeting) recent = aff_meeting_new ("R-3", AFF_MEETING_KIND_SITE_MEETING, jun8, NULL);
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GError) error = NULL;
  const char *recipients[] = { "Direction technique", NULL };

  aff_task_set_zone (aff_plan_lookup_task (plan, "T2"), "Ligne 3");
  aff_task_set_dangerous_work (aff_plan_lookup_task (plan, "T2"), AFF_REGULATORY_FLAGS_HOT_WORK);
  add_hazard (affair);
  ASSERT_OK (aff_dossier_add_meeting (dossier, site, &error));
  ASSERT_OK (aff_dossier_add_meeting (dossier, recent, &error));
  ASSERT_OK (aff_dossier_set_distribution (dossier, AFF_REPORT_VARIANT_MANAGEMENT, recipients, &error));

  /* Before the start, nothing is expected yet. */
  gaps = aff_dossier_check (dossier, apr17, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gaps->len, ==, 0);
  g_clear_pointer (&gaps, g_ptr_array_unref);

  /* On 10 June: no kick-off; the prevention plan unsigned; R-2's minutes
   * due 27 May (R-3's are not due before 15 June); April's report due
   * 5 May and May's due 5 June; no decision after H1. */
  gaps = aff_dossier_check (dossier, jun10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gaps->len, ==, 6);
  assert_gap (gaps, 0, AFF_DOSSIER_GAP_KIND_KICK_OFF, NULL,
              "Pas de réunion de lancement : l'affaire a démarré le 20 avril 2026");
  assert_gap (gaps, 1, AFF_DOSSIER_GAP_KIND_PREVENTION_PLAN, NULL,
              "Plan de prévention non signé alors que les travaux l'exigent : ");
  g_assert_nonnull (strstr (aff_dossier_gap_get_message (g_ptr_array_index (gaps, 1)), "T2"));
  assert_gap (gaps, 2, AFF_DOSSIER_GAP_KIND_MINUTES, "R-2",
              "Compte rendu de la réunion R-2 du 20 mai 2026 non rédigé : attendu sous 7 jours");
  assert_gap (gaps, 3, AFF_DOSSIER_GAP_KIND_PERIOD_REPORT, "2026-04-01",
              "Rapport de gestion de la période du 1er avril 2026 au 30 avril 2026 non envoyé");
  assert_gap (gaps, 4, AFF_DOSSIER_GAP_KIND_PERIOD_REPORT, "2026-05-01",
              "Rapport de gestion de la période du 1er mai 2026 au 31 mai 2026 non envoyé");
  assert_gap (gaps, 5, AFF_DOSSIER_GAP_KIND_REPLANNING_DECISION, "H1",
              "Aucune décision consignée sur la replanification après l'aléa H1 du 6 mai 2026");
  g_clear_pointer (&gaps, g_ptr_array_unref);

  /* The missing items, one by one. */
  {
    g_autoptr(AffMeeting) kick_off = aff_meeting_new ("R-1", AFF_MEETING_KIND_KICK_OFF, apr21, NULL);
    g_autoptr(GDate) may7 = day (2026, 5, 7);
    g_autoptr(AffDecision) decision = aff_decision_new ("D-1", may7, "Décaler le montage", "Claire Martin");
    AffPreventionPlan *prevention = aff_plan_get_prevention_plan (plan);
    const char *present[] = { "Claire Martin", "Paul Durand", NULL };
    g_autoptr(GDate) apr22 = day (2026, 4, 22);
    g_autoptr(GDate) may1 = day (2026, 5, 1);
    g_autoptr(GDate) may31 = day (2026, 5, 31);
    g_autoptr(GDate) jun3 = day (2026, 6, 3);
    g_autoptr(GDate) apr1 = day (2026, 4, 1);
    g_autoptr(GDate) apr30 = day (2026, 4, 30);
    g_autoptr(GDate) may4 = day (2026, 5, 4);

    aff_meeting_set_minutes (kick_off, "Lancement validé");
    ASSERT_OK (aff_dossier_add_meeting (dossier, kick_off, &error));
    ASSERT_OK (aff_prevention_plan_record_joint_inspection (prevention, apr21, present, &error));
    ASSERT_OK (aff_prevention_plan_sign (prevention, "Paul Durand", "ACME Mécanique", AFF_PARTY_CLIENT, apr22, &error));
    ASSERT_OK (aff_prevention_plan_sign (prevention, "Claire Martin", "Nous", AFF_PARTY_INTERNAL, apr22, &error));
    ASSERT_OK (aff_dossier_record_minutes (dossier, "R-2", "Point chantier", &error));
    ASSERT_OK (aff_dossier_record_report (dossier, AFF_REPORT_VARIANT_MANAGEMENT, apr1, apr30, may4, NULL, &error));
    /* a client report does not stand for the management's */
    ASSERT_OK (aff_dossier_record_report (dossier, AFF_REPORT_VARIANT_CLIENT, may1, may31, jun3, recipients, &error));
    gaps = aff_dossier_check (dossier, jun10, &error);
    g_assert_cmpuint (gaps->len, ==, 2);
    assert_gap (gaps, 0, AFF_DOSSIER_GAP_KIND_PERIOD_REPORT, "2026-05-01", "Rapport de gestion");
    assert_gap (gaps, 1, AFF_DOSSIER_GAP_KIND_REPLANNING_DECISION, "H1", "Aucune décision");
    g_clear_pointer (&gaps, g_ptr_array_unref);
    ASSERT_OK (aff_dossier_record_report (dossier, AFF_REPORT_VARIANT_MANAGEMENT, may1, may31, jun3, NULL, &error));
    aff_decision_set_target (decision, AFF_DECISION_TARGET_PLAN, "H1");
    ASSERT_OK (aff_dossier_add_decision (dossier, decision, &error));
  }
  gaps = aff_dossier_check (dossier, jun10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gaps->len, ==, 0);
  g_clear_pointer (&gaps, g_ptr_array_unref);

  /* The work accepted on 12 June with a deliverable still a draft; checked
   * on 16 June, more than 7 days after R-3. */
  {
    g_autoptr(AffDocument) dossier_ouvrages = aff_document_new ("DOE-01", "Dossier des ouvrages exécutés");
    g_autoptr(AffDocument) note = aff_document_new ("NT-01", "Note interne");
    g_autoptr(GDate) jun12 = day (2026, 6, 12);
    g_autoptr(GDate) jun16 = day (2026, 6, 16);

    aff_document_set_deliverable (dossier_ouvrages, "T2");
    ASSERT_OK (aff_dossier_add_document (dossier, dossier_ouvrages, jun8, &error));
    ASSERT_OK (aff_dossier_add_document (dossier, note, jun8, &error));
    ASSERT_OK (aff_affair_record_acceptance (affair, jun12, FALSE, &error));
    gaps = aff_dossier_check (dossier, jun16, &error);
    g_assert_cmpuint (gaps->len, ==, 2);
    /* the note belongs to no deliverable; R-3's minutes are late now */
    assert_gap (gaps, 0, AFF_DOSSIER_GAP_KIND_DELIVERABLE_APPROVAL, "DOE-01",
                "Livrable DOE-01, révision A, non approuvé par le client alors que les travaux sont réceptionnés "
                "depuis le 12 juin 2026");
    assert_gap (gaps, 1, AFF_DOSSIER_GAP_KIND_MINUTES, "R-3", "Compte rendu de la réunion R-3 du 8 juin 2026");
  }
}

/* The story of the three periods, up to the end of May: 20 h at 60.00 on
 * lot-1 with the policy's 30 % overheads (BAC 1 560.00) sold 1 835.29 at a
 * 15 % margin; T1 and T2 of 5 days each from 20 April, then T3 of 20
 * days, the baseline saved; hazard H1 delays T2 by 3 days on 6 May;
 * four risks; 700.00 spent; T1 done, T2 at 40 %, lot-1 at 60 %. */
static AffPortfolio *
new_report_story (AffAffair **affair)
{
  AffPortfolio *p = new_dossier_portfolio (affair);
  AffDossier *dossier = aff_affair_get_dossier (*affair);
  g_autoptr(GDate) apr21 = day (2026, 4, 21);
  g_autoptr(GDate) may6 = day (2026, 5, 6);
  g_autoptr(GDate) may7 = day (2026, 5, 7);
  g_autoptr(GDate) may12 = day (2026, 5, 12);
  g_autoptr(GDate) may29 = day (2026, 5, 29);
  g_autoptr(AffMeeting) kick_off = aff_meeting_new ("R-1", AFF_MEETING_KIND_KICK_OFF, apr21, "Lancement");
  g_autoptr(AffMeeting) review = aff_meeting_new ("R-2", AFF_MEETING_KIND_PROGRESS_REVIEW, may12, NULL);
  g_autoptr(AffDecision) replan = aff_decision_new ("D-1", may7, "Décaler le montage de 3 jours", "Claire Martin");
  g_autoptr(AffDecision) budget = aff_decision_new ("D-2", may12, "Prendre le surcoût des tubes sur la provision",
                                                    "Claire Martin");
  g_autoptr(AffAction) chase = new_action ("A-1", "Relancer le fournisseur", 6, 5, 8, 5);
  g_autoptr(AffAction) update = new_action ("A-2", "Mettre à jour le planning", 12, 5, 2, 6);
  g_autoptr(AffIncident) incident = aff_incident_new ("I-1", may6, "Montage retardé de 3 jours");
  g_autoptr(AffDocument) quality = aff_document_new ("PQ-01", "Plan qualité");

  {
    AffPlan *plan = aff_affair_get_plan (*affair);
    g_autoptr(AffTask) t3 = aff_task_new ("T3", "Essais", 20);

    ASSERT_OK (aff_plan_add_task (plan, t3, &error));
    ASSERT_OK (aff_plan_add_dependency (plan, "T2", "T3", AFF_DEPENDENCY_TYPE_FINISH_START, 0, &error));
    ASSERT_OK (aff_plan_schedule (plan, &error));
    ASSERT_OK (aff_plan_save_baseline (plan, "contrat", &error));
  }
  add_hazard (*affair);
  /* Four risks of the consultation, criticality 4 × 5, 3 × 4, 3 × 3 and
   * 2 × 3: the report shows the first three. */
  {
    AffRiskRegister *risks = aff_consultation_get_risk_register (aff_portfolio_lookup_consultation (p, "CONS-1"));
    const struct { const char *title; guint probability, impact; } story[] = {
      { "Arrêt de la ligne prolongé", 3, 4 }, { "Tubes non conformes", 4, 5 }, { "Météo", 2, 3 },
      { "Accès au site", 3, 3 },
    };
    guint i;

    for (i = 0; i < G_N_ELEMENTS (story); i++)
      {
        g_autoptr(AffRisk) risk = aff_risk_new (story[i].title, AFF_RISK_CATEGORY_TECHNICAL, story[i].probability,
                                                story[i].impact);

        ASSERT_OK (aff_risk_register_add_risk (risks, risk, &error));
      }
  }
  aff_meeting_set_minutes (kick_off, "Lancement validé");
  ASSERT_OK (aff_dossier_add_meeting (dossier, kick_off, &error));
  ASSERT_OK (aff_dossier_add_meeting (dossier, review, &error));
  aff_decision_set_target (replan, AFF_DECISION_TARGET_PLAN, "H1");
  ASSERT_OK (aff_dossier_add_decision (dossier, replan, &error));
  aff_decision_set_target (budget, AFF_DECISION_TARGET_BUDGET, "lot-1");
  ASSERT_OK (aff_dossier_add_decision (dossier, budget, &error));
  aff_action_set_origin (chase, AFF_ACTION_ORIGIN_HAZARD, "H1");
  ASSERT_OK (aff_dossier_add_action (dossier, chase, &error));
  ASSERT_OK (aff_dossier_add_action (dossier, update, &error));
  aff_incident_set_client_impact (incident, "Mise en service décalée");
  aff_incident_set_client_informed (incident, may7, "Appel");
  aff_incident_set_hazard_id (incident, "H1");
  ASSERT_OK (aff_dossier_add_incident (dossier, incident, &error));
  ASSERT_OK (aff_dossier_add_document (dossier, quality, apr21, &error));
  ASSERT_OK (aff_dossier_issue_document (dossier, "PQ-01", may7, &error));
  ASSERT_OK (aff_ledger_import_csv (aff_affair_get_ledger (*affair),
                                    "date,work,category,state,amount\n"
                                    "2026-04-24,lot-1,labour,actual,420.00\n"
                                    "2026-05-15,lot-1,labour,actual,280.00\n", -1, NULL, &error));
  ASSERT_OK (aff_affair_record_progress (*affair, "T1", may29, 10000, &error));
  ASSERT_OK (aff_affair_record_progress (*affair, "T2", may29, 4000, &error));
  ASSERT_OK (aff_affair_record_progress (*affair, "lot-1", may29, 6000, &error));
  return p;
}

static void
test_report (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_report_story (&affair);
  g_autoptr(GDate) may1 = day (2026, 5, 1);
  g_autoptr(GDate) may31 = day (2026, 5, 31);
  g_autoptr(GError) error = NULL;
  g_autofree char *management = NULL, *client = NULL, *html = NULL;

  management = aff_affair_render_report (affair, may1, may31, AFF_DOCUMENT_FORMAT_MARKDOWN, &error);
  g_assert_no_error (error);
  client = aff_affair_render_client_report (affair, may1, may31, AFF_DOCUMENT_FORMAT_MARKDOWN, &error);
  g_assert_no_error (error);
  html = aff_affair_render_report (affair, may1, may31, AFF_DOCUMENT_FORMAT_HTML, &error);
  g_assert_no_error (error);
  /* The golden files were checked by hand against the story: T2's
   * baseline finish 4 May (1 May off) and 7 May after H1, +3; T3's 4 June
   * and 9 June (8, 14 and 25 May off); PV on 31 May = 1 560 × 26 / 30
   * working days of the whole plan = 1 352.00; EV = 60 % of 1 560 =
   * 936.00; CPI 936 / 700 = 1.337, SPI 936 / 1 352 = 0.692; EAC =
   * 1 560 × 700 / 936 = 1 166.67; margin 1 835.29 − 1 166.67 = 668.62
   * (36.43 %), 393.33 above the offer's 275.29; recognised 700 / 1 166.67
   * = 60 % of 1 835.29 = 1 101.17, nothing billed. */
  {
    g_autofree char *expected_md = golden ("report-fr.md");
    g_autofree char *expected_client = golden ("report-client-fr.md");
    g_autofree char *expected_html = golden ("report-fr.html");

    g_assert_cmpstr (management, ==, expected_md);
    g_assert_cmpstr (client, ==, expected_client);
    g_assert_cmpstr (html, ==, expected_html);
  }
  /* The client's variant leaks no cost, budget or margin, nor the decision
   * on the budget. */
  {
    /* French amounts group thousands with a narrow no-break space. */
    const char *internal[] = { "1\u202f560,00", "700,00", "668,62", "1\u202f166,67", "936,00", "arge", "Coût", "BAC",
                               "CPI", "D-2", "provision", "Risques", "Aléa H1", "Courbe", NULL };
    guint i;

    /* each is in the management's report, so that its absence proves something */
    for (i = 0; internal[i] != NULL; i++)
      {
        if (strstr (management, internal[i]) == NULL)
          g_error ("the management's report lacks “%s”", internal[i]);
        if (strstr (client, internal[i]) != NULL)
          g_error ("the client's report shows “%s”", internal[i]);
      }
  }
  /* In English when the policy says so. */
  {
    g_autofree char *english = NULL;

    g_assert_true (aff_policy_set_language (aff_portfolio_get_policy (p), "en", NULL));
    english = aff_affair_render_client_report (affair, may1, may31, AFF_DOCUMENT_FORMAT_MARKDOWN, &error);
    g_assert_no_error (error);
    {
      g_autofree char *whole = aff_affair_render_report (affair, may1, may31, AFF_DOCUMENT_FORMAT_MARKDOWN, &error);
      g_autofree char *expected = golden ("report-en.md");

      g_assert_no_error (error);
      g_assert_cmpstr (whole, ==, expected);
    }
    g_assert_true (g_str_has_prefix (english, "# Status report of affair OFF-1\n"));
    g_assert_nonnull (strstr (english, "## Progress and milestones"));
    g_assert_nonnull (strstr (english, "| T2 | Montage | 4 May 2026 | 7 May 2026 | +3 | 40 % |"));
  }
  /* A period that ends before it starts. */
  g_assert_null (aff_affair_render_report (affair, may31, may1, AFF_DOCUMENT_FORMAT_MARKDOWN, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
}

/* The portfolio's report for May: OFF-1's alerts first. On 31 May: the
 * SPI, 936 / 1 352 = 0.692, is under 0.900; physical progress 60 % (936 /
 * 1 560), cost progress 60 % (700 / 1 166.67) and billing 0 % are 60
 * points apart; R-2's minutes were due on 19 May; April's report on
 * 5 May; A-1 was due on 8 May; I-1 is open. D-1 and D-2 were decided in
 * May. */
static void
test_portfolio_report (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_report_story (&affair);
  g_autoptr(GDate) may1 = day (2026, 5, 1);
  g_autoptr(GDate) may31 = day (2026, 5, 31);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = aff_portfolio_render_report (p, may1, may31, AFF_DOCUMENT_FORMAT_MARKDOWN, &error);
  const char *expected_alerts =
    "# Rapport des affaires du 1er mai 2026 au 31 mai 2026\n\n"
    "## Alertes\n\n"
    "- OFF-1 : SPI de 0,692, sous le seuil de 0,900\n"
    "- OFF-1 : Avancements discordants : physique 60,0 %, coûts 60,0 %, facturation 0,0 %, écart de 60,0 points "
    "au-delà de 10,0\n"
    "- OFF-1 : Compte rendu de la réunion R-2 du 12 mai 2026 non rédigé : attendu sous 7 jours\n"
    "- OFF-1 : Rapport de gestion de la période du 1er avril 2026 au 30 avril 2026 non envoyé : la politique demande "
    "un rapport par période, 5 jours après sa fin au plus tard\n"
    "- OFF-1 : action A-1 en retard (Relancer le fournisseur, pour le 8 mai 2026)\n"
    "- OFF-1 : incident I-1 en cours (Montage retardé de 3 jours)\n\n"
    "## Affaires\n";
  const char *decisions;

  g_assert_no_error (error);
  if (!g_str_has_prefix (text, expected_alerts))
    g_error ("the report begins:\n%s", text);
  decisions = strstr (text, "## Décisions de la période\n\n");
  g_assert_nonnull (decisions);
  g_assert_cmpstr (decisions, ==, "## Décisions de la période\n\n"
                                  "- OFF-1, D-1 (7 mai 2026) : Décaler le montage de 3 jours\n"
                                  "- OFF-1, D-2 (12 mai 2026) : Prendre le surcoût des tubes sur la provision\n");
  /* the dashboard's tables between them */
  g_assert_nonnull (strstr (text, "| OFF-1 | ACME Industrie | 1\u202f835,29\u00a0€ |"));
  g_assert_null (aff_portfolio_render_report (p, may31, may1, AFF_DOCUMENT_FORMAT_MARKDOWN, &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE);
}

/* The policy's settings: weekly reports due 2 days after each Sunday, and
 * minutes due the day of the meeting. Signed on Monday 20 April and checked
 * on Wednesday 6 May: the weeks of 20 and 27 April were due on 28 April and
 * 5 May; the week of 4 May has not ended. R-2, held on 5 May, lacks its
 * minutes. With no periodic report asked, only the minutes are missing. */
static void
test_check_policy (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_dossier_portfolio (&affair);
  AffPolicy *policy = aff_portfolio_get_policy (p);
  AffDossier *dossier = aff_affair_get_dossier (affair);
  g_autoptr(GDate) apr20 = day (2026, 4, 20);
  g_autoptr(GDate) may5 = day (2026, 5, 5);
  g_autoptr(GDate) may6 = day (2026, 5, 6);
  g_autoptr(AffMeeting) kick_off = aff_meeting_new ("R-1", AFF_MEETING_KIND_KICK_OFF, apr20, NULL);
  g_autoptr(AffMeeting) site = aff_meeting_new ("R-2", AFF_MEETING_KIND_SITE_MEETING, may5, NULL);
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (aff_policy_get_reporting_period (policy), ==, AFF_REPORTING_PERIOD_MONTHLY);
  g_assert_cmpuint (aff_policy_get_minutes_days (policy), ==, 7);
  g_assert_cmpuint (aff_policy_get_report_days (policy), ==, 5);
  aff_policy_set_reporting_period (policy, AFF_REPORTING_PERIOD_WEEKLY);
  aff_policy_set_report_days (policy, 2);
  aff_policy_set_minutes_days (policy, 0);
  aff_meeting_set_minutes (kick_off, "Lancement");
  ASSERT_OK (aff_dossier_add_meeting (dossier, kick_off, &error));
  ASSERT_OK (aff_dossier_add_meeting (dossier, site, &error));

  gaps = aff_dossier_check (dossier, may6, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gaps->len, ==, 3);
  assert_gap (gaps, 0, AFF_DOSSIER_GAP_KIND_MINUTES, "R-2",
              "Compte rendu de la réunion R-2 du 5 mai 2026 non rédigé : attendu sous 0 jours");
  assert_gap (gaps, 1, AFF_DOSSIER_GAP_KIND_PERIOD_REPORT, "2026-04-20",
              "Rapport de gestion de la période du 20 avril 2026 au 26 avril 2026 non envoyé : la politique demande "
              "un rapport par période, 2 jours après sa fin au plus tard");
  assert_gap (gaps, 2, AFF_DOSSIER_GAP_KIND_PERIOD_REPORT, "2026-04-27",
              "Rapport de gestion de la période du 27 avril 2026 au 3 mai 2026 non envoyé");
  g_clear_pointer (&gaps, g_ptr_array_unref);

  aff_policy_set_reporting_period (policy, AFF_REPORTING_PERIOD_NONE);
  gaps = aff_dossier_check (dossier, may6, &error);
  g_assert_cmpuint (gaps->len, ==, 1);
  assert_gap (gaps, 0, AFF_DOSSIER_GAP_KIND_MINUTES, "R-2", "Compte rendu");
}

/* The REX of the report's story, drawn up on 31 May: contract 1 835.29,
 * no amendment; the offer's margin 1 835.29 − 1 560 = 275.29; the final
 * margin 1 835.29 − 700 = 1 135.29; the baseline finishes on 4 June (T3),
 * the plan on 9 June; T2 and T3 3 days late; hazard H1 from the supplier;
 * the SPI and concordance drifts of 31 May without corrective action; I-1
 * open; D-1 and D-2 taken. */
static void
test_rex (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_report_story (&affair);
  g_autoptr(GDate) may31 = day (2026, 5, 31);
  g_autoptr(GDate) may30 = day (2026, 5, 30);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffImprovement) improvement = aff_improvement_new ("Contrôler les tubes à réception",
                                                               "H1 : tubes non conformes découverts au montage",
                                                               "Trois jours de retard évités", "Paul Martin");
  g_autoptr(AffImprovement) vague = aff_improvement_new ("Faire mieux", "", "Tout", "Quelqu'un");
  g_autoptr(GPtrArray) improvements = NULL;
  const char *tags[] = { "tuyauterie", "ACME", "site industriel", NULL };
  const char *twice[] = { "ACME", "ACME", NULL };
  const char *solution = NULL;
  g_autofree char *markdown = NULL;
  AffRex *rex;
  const char *const *history, *const *actions;

  g_assert_null (aff_affair_get_rex (affair));
  rex = aff_affair_create_rex (affair, may31, &error);
  g_assert_no_error (error);
  g_assert_true (aff_affair_get_rex (affair) == rex);
  g_assert_cmpstr (aff_rex_get_affair_id (rex), ==, "OFF-1");
  assert_date (aff_rex_get_date (rex), 2026, 5, 31);
  g_assert_cmpint (aff_money_get_minor (aff_rex_get_contract_amount (rex)), ==, 183529);
  g_assert_cmpint (aff_money_get_minor (aff_rex_get_revenue_at_completion (rex)), ==, 183529);
  g_assert_cmpint (aff_money_get_minor (aff_rex_get_offer_margin (rex)), ==, 27529);
  g_assert_cmpint (aff_money_get_minor (aff_rex_get_final_margin (rex)), ==, 113529);
  assert_date (aff_rex_get_planned_finish (rex), 2026, 6, 4);
  assert_date (aff_rex_get_actual_finish (rex), 2026, 6, 9);
  history = aff_rex_get_history (rex);
  g_assert_cmpuint (g_strv_length ((char **) history), ==, 6);
  g_assert_cmpstr (history[0], ==, "La tâche T2 finit le 7 mai 2026 au lieu du 4 mai 2026 (+3 jours ouvrés)");
  g_assert_cmpstr (history[1], ==, "La tâche T3 finit le 9 juin 2026 au lieu du 4 juin 2026 (+3 jours ouvrés)");
  g_assert_cmpstr (history[2], ==, "Aléa H1 du 6 mai 2026 (cause : fournisseur) : Tubes livrés non conformes, "
                                   "3 jours ouvrés de retard");
  g_assert_cmpstr (history[3], ==, "Dérive sans action corrective : SPI de 0,692, sous le seuil de 0,900");
  g_assert_true (g_str_has_prefix (history[4], "Dérive sans action corrective : Avancements discordants"));
  g_assert_cmpstr (history[5], ==, "Incident I-1 du 6 mai 2026 : Montage retardé de 3 jours ; non clos");
  actions = aff_rex_get_actions_taken (rex);
  g_assert_cmpuint (g_strv_length ((char **) actions), ==, 2);
  g_assert_cmpstr (actions[0], ==, "Décision D-1 du 7 mai 2026 (Claire Martin) : Décaler le montage de 3 jours");
  g_assert_cmpstr (actions[1], ==, "Décision D-2 du 12 mai 2026 (Claire Martin) : Prendre le surcoût des tubes sur "
                                   "la provision");
  assert_detail (last_entry (p, "affair", "OFF-1", "rex-created"), "date", "2026-05-31");
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_affair_create_rex (affair, may31, &error) != NULL);

  /* Nothing brought out yet: not validated. */
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_rex_validate (rex, may31, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_rex_add_good_practice (rex, "", &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_rex_add_difficulty (rex, "Tubes non conformes", NULL, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_rex_add_improvement (rex, vague, &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_rex_set_tags (rex, twice, &error));
  ASSERT_OK (aff_rex_add_good_practice (rex, "Réunion de lancement avec le client sur site", &error));
  ASSERT_OK (aff_rex_add_difficulty (rex, "Tubes non conformes", "Remplacement sous 3 jours par le fournisseur",
                                     &error));
  ASSERT_OK (aff_rex_add_improvement (rex, improvement, &error));
  ASSERT_OK (aff_rex_set_tags (rex, tags, &error));
  g_assert_cmpstr (aff_rex_get_good_practices (rex)[0], ==, "Réunion de lancement avec le client sur site");
  g_assert_cmpuint (aff_rex_get_n_difficulties (rex), ==, 1);
  g_assert_cmpstr (aff_rex_get_difficulty (rex, 0, &solution), ==, "Tubes non conformes");
  g_assert_cmpstr (solution, ==, "Remplacement sous 3 jours par le fournisseur");
  g_assert_null (aff_rex_get_difficulty (rex, 1, &solution));
  improvements = aff_rex_list_improvements (rex);
  g_assert_cmpuint (improvements->len, ==, 1);
  g_assert_cmpint (aff_improvement_get_status (g_ptr_array_index (improvements, 0)), ==,
                   AFF_IMPROVEMENT_STATUS_PROPOSED);
  g_assert_cmpstr (aff_rex_get_tags (rex)[2], ==, "site industriel");

  /* Validated: frozen. */
  ASSERT_FAILS (AFF_ERROR_INVALID_VALUE, aff_rex_validate (rex, may30, &error));
  g_assert_false (aff_rex_is_validated (rex));
  ASSERT_OK (aff_rex_validate (rex, may31, &error));
  g_assert_true (aff_rex_is_validated (rex));
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_rex_add_good_practice (rex, "Encore une", &error));
  ASSERT_FAILS (AFF_ERROR_INVALID_TRANSITION, aff_rex_validate (rex, may31, &error));
  g_assert_cmpuint (count_entries (p, "affair", "OFF-1", "rex-validated"), ==, 1);

  markdown = aff_rex_render (rex, AFF_DOCUMENT_FORMAT_MARKDOWN);
  {
    g_autofree char *expected = golden ("rex-fr.md");

    g_assert_cmpstr (markdown, ==, expected);
  }

  /* Kept by the document. */
  {
    g_autofree char *data = aff_portfolio_to_data (p, NULL);
    g_autofree char *again = NULL, *rendered = NULL;
    g_autoptr(AffPortfolio) q = aff_portfolio_new_from_data (data, -1, &error);
    AffRex *read;

    g_assert_no_error (error);
    read = aff_affair_get_rex (aff_portfolio_lookup_affair (q, "OFF-1"));
    g_assert_nonnull (read);
    g_assert_true (aff_rex_is_validated (read));
    rendered = aff_rex_render (read, AFF_DOCUMENT_FORMAT_MARKDOWN);
    g_assert_cmpstr (rendered, ==, markdown);
    again = aff_portfolio_to_data (q, NULL);
    g_assert_cmpstr (again, ==, data);
    g_assert_true (aff_journal_verify (aff_portfolio_get_journal (q), &error));
  }
}

static void
assert_reasons (const AffLesson *lesson,
                const char      *expected)
{
  g_autofree char *joined = g_strjoinv ("; ", (char **) aff_lesson_get_reasons (lesson));

  g_assert_cmpstr (joined, ==, expected);
}

/* The lessons of OFF-1's validated REX (CONS-1, "Tuyauterie CONS-1",
 * activity pipework, client acme; tags tuyauterie, ACME, site industriel)
 * found for new consultations, and its improvement followed. */
static void
test_lessons (void)
{
  AffAffair *affair;
  g_autoptr(AffPortfolio) p = new_report_story (&affair);
  g_autoptr(GDate) may31 = day (2026, 5, 31);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffImprovement) improvement = aff_improvement_new ("Contrôler les tubes à réception",
                                                               "H1 : tubes non conformes découverts au montage",
                                                               "Trois jours de retard évités", "Paul Martin");
  const char *tags[] = { "tuyauterie", "ACME", "site industriel", NULL };
  const char *pipework[] = { "pipework", NULL };
  const char *painting[] = { "painting", NULL };
  const char *atex[] = { "ATEX", NULL };
  const char *tag_words[] = { "site industriel", NULL };
  g_autoptr(AffLessonQuery) related = aff_lesson_query_new ("beta", pipework, atex,
                                                            "Remplacement des tubes de la ligne 3");
  g_autoptr(AffLessonQuery) unrelated = aff_lesson_query_new ("beta", painting, NULL, "Peinture des façades");
  g_autoptr(AffLessonQuery) same_client = aff_lesson_query_new ("acme", NULL, tag_words, NULL);
  g_autoptr(GPtrArray) lessons = NULL;
  g_autoptr(GPtrArray) improvements = NULL;
  AffRex *rex = aff_affair_create_rex (affair, may31, &error);

  g_assert_no_error (error);
  ASSERT_OK (aff_rex_add_good_practice (rex, "Réunion de lancement avec le client sur site", &error));
  ASSERT_OK (aff_rex_add_difficulty (rex, "Tubes non conformes", "Remplacement sous 3 jours par le fournisseur",
                                     &error));
  ASSERT_OK (aff_rex_add_improvement (rex, improvement, &error));
  ASSERT_OK (aff_rex_set_tags (rex, tags, &error));

  /* Not validated: not a lesson yet. */
  lessons = aff_portfolio_find_lessons (p, related);
  g_assert_cmpuint (lessons->len, ==, 0);
  g_clear_pointer (&lessons, g_ptr_array_unref);
  ASSERT_OK (aff_rex_validate (rex, may31, &error));

  /* The same activity (2) and two shared words, "remplacement" in the
   * solution and "tubes" (1 each): 4 for each of the three lessons. */
  lessons = aff_portfolio_find_lessons (p, related);
  g_assert_cmpuint (lessons->len, ==, 3);
  g_assert_cmpstr (aff_lesson_get_affair_id (g_ptr_array_index (lessons, 0)), ==, "OFF-1");
  g_assert_cmpint (aff_lesson_get_kind (g_ptr_array_index (lessons, 0)), ==, AFF_LESSON_KIND_GOOD_PRACTICE);
  g_assert_cmpstr (aff_lesson_get_text (g_ptr_array_index (lessons, 0)), ==,
                   "Réunion de lancement avec le client sur site");
  g_assert_cmpint (aff_lesson_get_kind (g_ptr_array_index (lessons, 1)), ==, AFF_LESSON_KIND_DIFFICULTY);
  g_assert_cmpstr (aff_lesson_get_text (g_ptr_array_index (lessons, 1)), ==,
                   "Tubes non conformes — solution : Remplacement sous 3 jours par le fournisseur");
  g_assert_cmpint (aff_lesson_get_kind (g_ptr_array_index (lessons, 2)), ==, AFF_LESSON_KIND_IMPROVEMENT);
  g_assert_cmpstr (aff_lesson_get_text (g_ptr_array_index (lessons, 2)), ==,
                   "Contrôler les tubes à réception — pourquoi : H1 : tubes non conformes découverts au montage");
  g_assert_cmpuint (aff_lesson_get_score (g_ptr_array_index (lessons, 2)), ==, 4);
  assert_reasons (g_ptr_array_index (lessons, 0), "activité : pipework; mot : remplacement; mot : tubes");
  g_clear_pointer (&lessons, g_ptr_array_unref);

  /* Another client, activity and words: nothing. */
  lessons = aff_portfolio_find_lessons (p, unrelated);
  g_assert_cmpuint (lessons->len, ==, 0);
  g_clear_pointer (&lessons, g_ptr_array_unref);

  /* The same client (3) and a tag (2). */
  lessons = aff_portfolio_find_lessons (p, same_client);
  g_assert_cmpuint (lessons->len, ==, 3);
  g_assert_cmpuint (aff_lesson_get_score (g_ptr_array_index (lessons, 0)), ==, 5);
  assert_reasons (g_ptr_array_index (lessons, 0), "même client; mot-clé : site industriel");
  g_clear_pointer (&lessons, g_ptr_array_unref);

  /* The go / no-go of a new pipework consultation of beta shows them: the
   * same activity (2) and "tuyauterie" in both titles (1); not that of a
   * painting job. */
  {
    g_autoptr(GDate) received = day (2026, 6, 1);
    g_autoptr(GDate) deadline = day (2026, 6, 30);
    g_autoptr(GDate) evaluated = day (2026, 6, 2);
    g_autoptr(AffConsultation) painting_job = aff_consultation_new ("CONS-3", "beta", "Peinture des façades",
                                                                    received, deadline);
    g_autoptr(AffBidEvaluation) evaluation = NULL;
    const char *const *shown;

    add_client_beta (p);
    add_consultation_full (p, "CONS-2", "beta", AFF_REGULATORY_FLAGS_NONE, FALSE, FALSE);
    evaluation = aff_portfolio_evaluate_consultation (p, "CONS-2", evaluated, &error);
    g_assert_no_error (error);
    shown = aff_bid_evaluation_get_lessons (evaluation);
    g_assert_cmpuint (g_strv_length ((char **) shown), ==, 3);
    g_assert_cmpstr (shown[0], ==, "OFF-1 : Réunion de lancement avec le client sur site (activité : pipework ; "
                                   "mot : tuyauterie)");
    g_assert_true (g_str_has_prefix (shown[1], "OFF-1 : Tubes non conformes — solution : "));
    g_clear_object (&evaluation);
    aff_consultation_set_activities (painting_job, painting);
    ASSERT_OK (aff_portfolio_add_consultation (p, painting_job, &error));
    evaluation = aff_portfolio_evaluate_consultation (p, "CONS-3", evaluated, &error);
    g_assert_no_error (error);
    g_assert_null (aff_bid_evaluation_get_lessons (evaluation)[0]);
  }

  /* The improvement followed to completion, the REX validated. */
  improvements = aff_portfolio_list_improvements (p, -1);
  g_assert_cmpuint (improvements->len, ==, 1);
  g_assert_cmpstr (aff_improvement_get_affair_id (g_ptr_array_index (improvements, 0)), ==, "OFF-1");
  g_clear_pointer (&improvements, g_ptr_array_unref);
  improvements = aff_portfolio_list_improvements (p, AFF_IMPROVEMENT_STATUS_ACCEPTED);
  g_assert_cmpuint (improvements->len, ==, 0);
  g_clear_pointer (&improvements, g_ptr_array_unref);
  ASSERT_FAILS (AFF_ERROR_NOT_FOUND, aff_rex_set_improvement_status (rex, 1, AFF_IMPROVEMENT_STATUS_DONE, &error));
  ASSERT_OK (aff_rex_set_improvement_status (rex, 0, AFF_IMPROVEMENT_STATUS_ACCEPTED, &error));
  improvements = aff_portfolio_list_improvements (p, AFF_IMPROVEMENT_STATUS_ACCEPTED);
  g_assert_cmpuint (improvements->len, ==, 1);
  g_assert_cmpstr (aff_improvement_get_title (g_ptr_array_index (improvements, 0)), ==,
                   "Contrôler les tubes à réception");
  assert_detail (last_entry (p, "affair", "OFF-1", "rex-improvement-status"), "status", "accepted");
}

static const char *
margin_explanation (AffBidEvaluation *evaluation,
                    guint             score)
{
  const AffBidCriterion *margin = aff_bid_evaluation_lookup_criterion (evaluation, "margin");

  g_assert_cmpuint (aff_bid_criterion_get_score (margin), ==, score);
  return aff_bid_criterion_get_explanation (margin);
}

static AffBidEvaluation *
evaluate_with_margin (AffPortfolio *p,
                      const char   *id,
                      int           margin,
                      int           y,
                      int           m,
                      int           d)
{
  g_autoptr(GDate) date = day (y, m, d);
  g_autoptr(GError) error = NULL;
  AffBidEvaluation *evaluation;

  aff_consultation_set_expected_margin_rate (aff_portfolio_lookup_consultation (p, id), margin);
  evaluation = aff_portfolio_evaluate_consultation (p, id, date, &error);
  g_assert_no_error (error);
  return evaluation;
}

/* OFF-1, closed with 1 700 EUR spent: its offer's margin rate was
 * 275.29 / 1 835.29 = 15.00 %, its final one (1 835.29 - 1 700) / 1 835.29
 * = 7.37 %, an erosion of 7.63 points that the next pipework go / no-go
 * takes off its expected margin; the plan of the next pipework affair
 * shows OFF-1's lessons. */
static void
test_precedents (void)
{
  AffAffair *affair, *second;
  g_autoptr(AffPortfolio) p = new_report_story (&affair);
  g_autoptr(GDate) may31 = day (2026, 5, 31);
  g_autoptr(GDate) jun3 = day (2026, 6, 3);
  g_autoptr(GDate) validity = day (2026, 7, 31);
  g_autoptr(GError) error = NULL;
  g_autoptr(AffBidEvaluation) evaluation = NULL;
  g_autoptr(AffOffer) offer = aff_offer_new ("OFF-2", "CONS-2");
  g_autoptr(AffTask) task = aff_task_new ("T1", "Remplacement des tubes", 5);
  g_autoptr(GPtrArray) lessons = NULL;
  g_autofree char *plan = NULL;
  const char *painting[] = { "painting", NULL };
  AffRex *rex;

  ASSERT_OK (aff_ledger_import_csv (aff_affair_get_ledger (affair), "date,work,category,state,amount\n"
                                    "2026-05-20,lot-1,material,actual,1000.00\n", -1, NULL, &error));
  rex = aff_affair_create_rex (affair, may31, &error);
  g_assert_no_error (error);
  g_assert_cmpint (aff_money_get_minor (aff_rex_get_final_margin (rex)), ==, 13529);
  ASSERT_OK (aff_rex_add_good_practice (rex, "Réunion de lancement avec le client sur site", &error));
  ASSERT_OK (aff_rex_validate (rex, may31, &error));
  add_client_beta (p);
  add_consultation_full (p, "CONS-2", "beta", AFF_REGULATORY_FLAGS_NONE, FALSE, FALSE);
  add_consultation_full (p, "CONS-3", "beta", AFF_REGULATORY_FLAGS_NONE, FALSE, FALSE);
  add_consultation_full (p, "CONS-4", "acme", AFF_REGULATORY_FLAGS_NONE, FALSE, FALSE);
  aff_consultation_set_deadline (aff_portfolio_lookup_consultation (p, "CONS-2"), validity);
  aff_consultation_set_activities (aff_portfolio_lookup_consultation (p, "CONS-3"), painting);
  aff_consultation_set_activities (aff_portfolio_lookup_consultation (p, "CONS-4"), painting);

  /* Before the REX is validated it teaches nothing: 20 % >= 15 % scores 5. */
  evaluation = evaluate_with_margin (p, "CONS-2", 2000, 2026, 5, 30);
  g_assert_cmpstr (margin_explanation (evaluation, 5), ==,
                   "marge attendue 20,00\u00a0% pour un objectif de 15,00\u00a0% et un plancher de 8,00\u00a0%");
  g_clear_object (&evaluation);

  /* After: 20.00 - 7.63 = 12.37 %, round(5 × (1237 - 800) / (1500 - 800))
   * = round(3.12) = 3. */
  evaluation = evaluate_with_margin (p, "CONS-2", 2000, 2026, 6, 2);
  g_assert_cmpstr (margin_explanation (evaluation, 3), ==,
                   "marge attendue 20,00\u00a0%, ramenée à 12,37\u00a0% par l'érosion moyenne de 7,63 point(s) de "
                   "1 affaire(s) comparable(s) entre l'offre et la clôture (OFF-1 : 15,00\u00a0% → 7,37\u00a0%) "
                   "pour un objectif de 15,00\u00a0% et un plancher de 8,00\u00a0%");
  g_clear_object (&evaluation);

  /* Another client and activity: nothing comparable. */
  evaluation = evaluate_with_margin (p, "CONS-3", 2000, 2026, 6, 2);
  g_assert_cmpstr (margin_explanation (evaluation, 5), ==,
                   "marge attendue 20,00\u00a0% pour un objectif de 15,00\u00a0% et un plancher de 8,00\u00a0%");
  g_clear_object (&evaluation);

  /* The same client, no estimate: OFF-1's final 7.37 % stands for it,
   * below the 8 % floor: 0. */
  evaluation = evaluate_with_margin (p, "CONS-4", AFF_MARGIN_RATE_UNSET, 2026, 6, 2);
  g_assert_cmpstr (margin_explanation (evaluation, 0), ==,
                   "marge attendue non estimée : 7,37\u00a0% retenus, moyenne des marges finales de 1 affaire(s) "
                   "comparable(s) (OFF-1 : 15,00\u00a0% → 7,37\u00a0%) pour un objectif de 15,00\u00a0% et un "
                   "plancher de 8,00\u00a0%");
  g_clear_object (&evaluation);

  /* An affair does not learn from itself; an unknown one is named. */
  lessons = aff_portfolio_find_affair_lessons (p, "OFF-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lessons->len, ==, 0);
  g_clear_pointer (&lessons, g_ptr_array_unref);
  g_assert_null (aff_portfolio_find_affair_lessons (p, "OFF-9", &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "OFF-9"));
  g_clear_error (&error);

  /* The next pipework affair, OFF-2: planning it shows OFF-1's lesson. */
  ASSERT_OK (aff_portfolio_decide_consultation (p, "CONS-2", AFF_BID_VERDICT_GO, "Direction",
                                                "client à développer", &error));
  ASSERT_OK (aff_portfolio_add_offer (p, offer, &error));
  add_cost_line (aff_offer_get_current_revision (offer), AFF_LINE_KIND_LABOUR, "Soudure TIG", "10",
                 AFF_LINE_UNIT_HOUR, "60.00 EUR", "lot-1");
  ASSERT_OK (aff_offer_revision_set_margin_rate (aff_offer_get_current_revision (offer), 1500, &error));
  ASSERT_OK (aff_offer_revision_set_validity (aff_offer_get_current_revision (offer), validity, &error));
  send (offer, 2026, 6, 2);
  ASSERT_OK (aff_offer_accept (offer, jun3, "CT-2026-031", &error));
  second = aff_portfolio_lookup_affair (p, "OFF-2");
  lessons = aff_portfolio_find_affair_lessons (p, "OFF-2", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lessons->len, ==, 1);
  assert_reasons (g_ptr_array_index (lessons, 0), "activité : pipework");
  ASSERT_OK (aff_plan_add_task (aff_affair_get_plan (second), task, &error));
  ASSERT_OK (aff_plan_schedule (aff_affair_get_plan (second), &error));
  plan = aff_affair_render_management_plan (second, AFF_DOCUMENT_FORMAT_MARKDOWN, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (plan, "### Leçons des affaires passées sur ces activités\n\n"
                                  "- OFF-1 : Réunion de lancement avec le client sur site (activité : pipework)\n"));
  g_clear_pointer (&plan, g_free);
  /* OFF-1's own plan shows no lesson of its own. */
  plan = aff_affair_render_management_plan (affair, AFF_DOCUMENT_FORMAT_MARKDOWN, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (plan, "Leçons des affaires passées"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dossier/meetings", test_meetings);
  g_test_add_func ("/dossier/decisions", test_decisions);
  g_test_add_func ("/dossier/actions", test_actions);
  g_test_add_func ("/dossier/documents", test_documents);
  g_test_add_func ("/dossier/revision-letters", test_revision_letters);
  g_test_add_func ("/dossier/incidents", test_incidents);
  g_test_add_func ("/dossier/round-trip", test_round_trip);
  g_test_add_func ("/dossier/invalid-documents", test_invalid_documents);
  g_test_add_func ("/dossier/reports", test_reports);
  g_test_add_func ("/dossier/check", test_check);
  g_test_add_func ("/dossier/check-policy", test_check_policy);
  g_test_add_func ("/dossier/report", test_report);
  g_test_add_func ("/dossier/portfolio-report", test_portfolio_report);
  g_test_add_func ("/rex/create-and-validate", test_rex);
  g_test_add_func ("/rex/lessons", test_lessons);
  g_test_add_func ("/rex/precedents", test_precedents);
  return g_test_run ();
}
