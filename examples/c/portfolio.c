/* portfolio.c: the client portfolio from C, in a few lines
 *
 * Build: cc portfolio.c $(pkg-config --cflags --libs libaffaires-1)
 */
#include <glib/gstdio.h>
#include <affaires.h>

int
main (void)
{
  g_autoptr(AffPortfolio) portfolio = aff_portfolio_new ();
  g_autoptr(AffClient) client = aff_client_new ("ARC-DK", "Arcelis Dunkerque");
  g_autoptr(AffContact) contact = aff_contact_new ("Claire Martin");
  g_autoptr(AffInteraction) visit = NULL;
  g_autoptr(GDate) visited = g_date_new_dmy (15, G_DATE_SEPTEMBER, 2026);
  g_autoptr(GDate) review = g_date_new_dmy (1, G_DATE_DECEMBER, 2026);
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL, *path = NULL;
  g_autoptr(AffPortfolio) reloaded = NULL;
  GDate when;

  aff_portfolio_set_actor (portfolio, "example");
  aff_contact_set_role (contact, "maintenance manager");
  if (!aff_client_set_siren (client, "732829320", &error) ||
      !aff_client_add_contact (client, contact, &error) ||
      !aff_portfolio_add_client (portfolio, client, &error))
    goto failed;

  visit = aff_interaction_new (AFF_INTERACTION_KIND_VISIT, visited, "site visit before the shutdown");
  aff_interaction_set_contact (visit, "Claire Martin");
  if (!aff_portfolio_record_interaction (portfolio, "ARC-DK", visit, &error))
    goto failed;

  /* A prospect is followed every 30 days by default: 15 September + 30 days. */
  aff_portfolio_get_follow_up_date (portfolio, client, &when);
  g_print ("ARC-DK is due for follow-up on %04u-%02u-%02u\n", g_date_get_year (&when),
           g_date_get_month (&when), g_date_get_day (&when));
  due = aff_portfolio_list_clients_due_for_follow_up (portfolio, review);
  g_print ("%u client(s) due on 2026-12-01\n", due->len);
  if (due->len != 1 || g_date_get_day (&when) != 15 || g_date_get_month (&when) != G_DATE_OCTOBER)
    return 1;

  dir = g_dir_make_tmp ("affaires-example-XXXXXX", &error);
  if (dir == NULL)
    goto failed;
  path = g_build_filename (dir, "portfolio.json", NULL);
  if (!aff_portfolio_save_to_file (portfolio, path, &error) ||
      !(reloaded = aff_portfolio_new_from_file (path, &error)) ||
      !aff_journal_verify (aff_portfolio_get_journal (reloaded), &error))
    goto failed;
  g_print ("saved, reloaded, journal of %u entries verified\n",
           aff_journal_get_n_entries (aff_portfolio_get_journal (reloaded)));
  g_unlink (path);
  g_rmdir (dir);
  return 0;

failed:
  g_printerr ("example: %s\n", error->message);
  return 1;
}
