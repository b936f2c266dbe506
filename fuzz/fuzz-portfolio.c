/* fuzz-portfolio.c: libFuzzer harness for the portfolio document loader
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every input must give a portfolio or an error, never a crash, a hang or a
 * leak. A loaded portfolio is written back and reloaded: what the loader
 * accepts, the writer must write in a form the loader accepts again. Each
 * affair's plan is then scheduled and its views made, which a hostile plan
 * (cycles, durations and lags at their bounds, dates near 9999) must fail
 * cleanly or pass. The financial views of each affair (status, drifts,
 * billing, late and supplier payments, close-out blockers, S-curve) and
 * the portfolio's dashboard, two months and a year after each signature,
 * must give a result or an error.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <affaires.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Each call gives its result or an error, whatever the document held. */
#define RESULT_OR_ERROR(call, free_func)                                      \
  G_STMT_START {                                                              \
    GError *error_ = NULL;                                                    \
    gpointer result_ = (gpointer) (call);                                     \
    g_assert ((result_ != NULL) != (error_ != NULL));                         \
    if (result_ != NULL)                                                      \
      free_func (result_);                                                    \
    g_clear_error (&error_);                                                  \
  } G_STMT_END

static void
finance_views (AffPortfolio *portfolio,
               AffAffair    *affair)
{
  static const int offsets[] = { 60, 400 };
  guint k;

  for (k = 0; k < G_N_ELEMENTS (offsets); k++)
    {
      GDate date = *aff_affair_get_signed_date (affair);

      /* Dates a year short of the calendar's end are left out: the views
       * look beyond the date they are given. */
      if (g_date_get_year (&date) > 9000)
        return;
      g_date_add_days (&date, offsets[k]);
      RESULT_OR_ERROR (aff_affair_compute_status (affair, &date, &error_), aff_affair_status_free);
      RESULT_OR_ERROR (aff_affair_list_drifts (affair, &date, &error_), g_ptr_array_unref);
      RESULT_OR_ERROR (aff_affair_list_billing_due (affair, &date, &error_), g_ptr_array_unref);
      RESULT_OR_ERROR (aff_affair_list_late_payments (affair, &date, &error_), g_ptr_array_unref);
      RESULT_OR_ERROR (aff_affair_list_supplier_payments_due (affair, &date, &error_), g_ptr_array_unref);
      RESULT_OR_ERROR (aff_affair_list_close_blockers (affair, &date, &error_), g_strfreev);
      RESULT_OR_ERROR (aff_affair_to_svg_s_curve (affair, &date, &error_), g_free);
      RESULT_OR_ERROR (aff_portfolio_compute_dashboard (portfolio, &date, &error_), aff_dashboard_free);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPortfolio) portfolio = NULL;

  portfolio = aff_portfolio_new_from_data ((const char *) data, (gssize) size, &error);
  if (portfolio == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }
  g_assert (error == NULL);
  {
    gsize length;
    g_autofree char *text = aff_portfolio_to_data (portfolio, &length);
    g_autoptr(AffPortfolio) again = aff_portfolio_new_from_data (text, (gssize) length, &error);
    g_autofree char *text_again = NULL;

    /* abort () rather than g_error (): libFuzzer saves the input on SIGABRT. */
    if (again == NULL)
      {
        g_printerr ("a loaded portfolio did not reload: %s\n", error->message);
        abort ();
      }
    text_again = aff_portfolio_to_data (again, NULL);
    if (strcmp (text, text_again) != 0)
      {
        g_printerr ("a reloaded portfolio wrote a different document\n");
        abort ();
      }
    (void) aff_journal_verify (aff_portfolio_get_journal (portfolio), NULL);
  }
  {
    GListModel *affairs = aff_portfolio_get_affairs (portfolio);
    guint i, n = g_list_model_get_n_items (affairs);

    for (i = 0; i < n; i++)
      {
        g_autoptr(AffAffair) affair = g_list_model_get_item (affairs, i);
        AffPlan *plan = aff_affair_get_plan (affair);
        g_autoptr(GError) local = NULL;

        finance_views (portfolio, affair);
        if (!aff_plan_schedule (plan, &local))
          {
            g_assert (local != NULL);
            continue;
          }
        g_free (aff_plan_to_csv (plan, NULL));
        g_free (aff_affair_render_management_plan (affair, AFF_DOCUMENT_FORMAT_HTML, NULL));
        g_clear_pointer (&local, g_error_free);
        g_ptr_array_unref (aff_plan_list_coactivities (plan, NULL));
        (void) aff_affair_requires_prevention_plan (affair, NULL);
      }
  }
  return 0;
}
