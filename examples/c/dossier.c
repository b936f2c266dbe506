/* dossier.c: the follow-up file of an affair and what it lacks
 *
 * Starts from the affair won in offers.c and its plan (from story.h),
 * records a kick-off, a progress review, a decision, an action and a
 * document, then checks the dossier for gaps. See examples/README.md,
 * section 5.
 *
 * Build: cc dossier.c $(pkg-config --cflags --libs libaffaires-1)
 */
#include "story.h"   /* the affair OFF-1 of offers.c and its plan */

/* Adds a meeting held on @date; @minutes NULL leaves it without minutes,
 * which the check of the dossier then reports. */
static gboolean
add_meeting (AffDossier     *dossier,
             const char     *id,
             AffMeetingKind  kind,
             int y, int m, int d,
             const char     *minutes,
             GError        **error)
{
  g_autoptr(GDate) date = day (y, m, d);
  g_autoptr(AffMeeting) meeting = aff_meeting_new (id, kind, date, NULL);

  /* Once in the dossier a meeting is a record: its minutes are written
   * through the dossier, which journals them. */
  return aff_dossier_add_meeting (dossier, meeting, error) &&
         (minutes == NULL || aff_dossier_record_minutes (dossier, id, minutes, error));
}

static gboolean
run (GError **error)
{
  g_autoptr(AffPortfolio) portfolio = story_new_portfolio ();
  g_autoptr(GDate) apr21 = day (2026, 4, 21);
  g_autoptr(GDate) may5 = day (2026, 5, 5);
  g_autoptr(GDate) may8 = day (2026, 5, 8);
  g_autoptr(GDate) checked = day (2026, 5, 20);
  g_autoptr(AffDecision) decision = aff_decision_new ("D-1", may5, "Commander les tubes chez un second fournisseur",
                                                      "Claire Martin");
  g_autoptr(AffAction) action = aff_action_new ("A-1", "Relancer le fournisseur", "Claire Martin", may5, may8);
  g_autoptr(AffDocument) quality_plan = aff_document_new ("PQ-01", "Plan qualité");
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GPtrArray) open_actions = NULL;
  AffAffair *affair;
  AffDossier *dossier;

  /* The affair of offers.c and its plan (story.h). */
  if ((affair = story_open_affair (portfolio, error)) == NULL ||
      !story_plan_affair (affair, error))
    return FALSE;

  /* The dossier is the affair's memory: meetings, decisions, actions and
   * documents, each dated and journaled. */
  dossier = aff_affair_get_dossier (affair);
  if (!add_meeting (dossier, "R-1", AFF_MEETING_KIND_KICK_OFF, 2026, 4, 21, "Lancement validé", error) ||
      !add_meeting (dossier, "R-2", AFF_MEETING_KIND_PROGRESS_REVIEW, 2026, 5, 5, NULL, error) ||
      !aff_dossier_add_decision (dossier, decision, error) ||
      !aff_dossier_add_action (dossier, action, error) ||
      !aff_dossier_add_document (dossier, quality_plan, apr21, error) ||
      !aff_dossier_issue_document (dossier, "PQ-01", apr21, error))
    return FALSE;

  /* The check says what the dossier should hold by now and lacks, from the
   * policy's rules (minutes within 7 days, a report per period…). */
  gaps = aff_dossier_check (dossier, checked, error);
  if (gaps == NULL)
    return FALSE;
  for (guint i = 0; i < gaps->len; i++)
    {
      const AffDossierGap *gap = g_ptr_array_index (gaps, i);
      const char *subject = aff_dossier_gap_get_subject (gap);

      /* Some gaps, such as a missing kick-off, concern the whole affair
       * and have no subject. */
      printf ("gap %s%s%s\n", nick (AFF_TYPE_DOSSIER_GAP_KIND, aff_dossier_gap_get_kind (gap)),
              subject != NULL ? " " : "", subject != NULL ? subject : "");
    }

  /* A-1 is due on 8 May and nobody closed it: still open, and overdue. */
  open_actions = aff_dossier_list_open_actions (dossier, checked);
  printf ("open actions %u\n", open_actions->len);
  return TRUE;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;

  if (!run (&error))
    {
      g_printerr ("dossier: %s\n", error->message);
      return 1;
    }
  return 0;
}
