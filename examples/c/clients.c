/* clients.c: a client, its people and the commercial follow-up
 *
 * Builds a portfolio in memory with one client, records two interactions
 * with it and asks the portfolio when the client should next be contacted.
 * See examples/README.md, section 1.
 *
 * Build: cc clients.c $(pkg-config --cflags --libs libaffaires-1)
 */
#include "story.h"   /* day (), iso () and the portfolio of every example */

/* Records one dated interaction; @satisfaction is AFF_SATISFACTION_NONE
 * unless the interaction measured it. */
static gboolean
record (AffPortfolio        *portfolio,
        AffInteractionKind   kind,
        int y, int m, int d,
        const char          *summary,
        int                  satisfaction,
        GError             **error)
{
  g_autoptr(GDate) date = day (y, m, d);
  g_autoptr(AffInteraction) interaction = aff_interaction_new (kind, date, summary);

  if (satisfaction != AFF_SATISFACTION_NONE)
    aff_interaction_set_satisfaction (interaction, satisfaction);
  return aff_portfolio_record_interaction (portfolio, "ACME", interaction, error);
}

static gboolean
run (GError **error)
{
  g_autoptr(AffPortfolio) portfolio = story_new_portfolio ();
  g_autoptr(AffClient) client = aff_client_new ("ACME", "ACME Industrie");
  g_autoptr(AffContact) contact = aff_contact_new ("Claire Martin");
  g_autoptr(GDate) review = day (2026, 4, 1);
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GString) due_ids = g_string_new (NULL);
  g_autofree char *follow_up_text = NULL;
  GDate follow_up;

  /* The SIREN and the NAF code are checked: a typo is an error, not data. */
  aff_contact_set_role (contact, "responsable maintenance");
  if (!aff_client_set_siren (client, "732829320", error) ||
      !aff_client_set_sector (client, "28.29B", error) ||
      !aff_client_add_contact (client, contact, error) ||
      !aff_portfolio_add_client (portfolio, client, error))
    return FALSE;

  /* Interactions go through the portfolio so that they are journaled. */
  if (!record (portfolio, AFF_INTERACTION_KIND_VISIT, 2026, 1, 12, "visite de l'atelier",
               AFF_SATISFACTION_NONE, error) ||
      !record (portfolio, AFF_INTERACTION_KIND_SURVEY, 2026, 2, 20, "enquête", 8, error))
    return FALSE;

  printf ("client %s %s\n", aff_client_get_id (client), aff_client_get_name (client));
  printf ("interactions %u\n", g_list_model_get_n_items (aff_client_get_interactions (client)));
  /* Only the survey measured satisfaction: the visit does not count. */
  printf ("satisfaction %.2f\n", aff_client_get_satisfaction_average (client));

  /* A prospect is followed every 30 days by default, counted from the
   * last interaction (the survey of 20 February). */
  if (!aff_portfolio_get_follow_up_date (portfolio, client, &follow_up))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE, "ACME has no follow-up date");
      return FALSE;
    }
  follow_up_text = iso (&follow_up);
  printf ("follow-up %s\n", follow_up_text);

  due = aff_portfolio_list_clients_due_for_follow_up (portfolio, review);
  for (guint i = 0; i < due->len; i++)
    g_string_append_printf (due_ids, "%s%s", i > 0 ? ", " : "",
                            aff_client_get_id (g_ptr_array_index (due, i)));
  printf ("due on 2026-04-01: %s\n", due_ids->str);
  return TRUE;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;

  if (!run (&error))
    {
      g_printerr ("clients: %s\n", error->message);
      return 1;
    }
  return 0;
}
