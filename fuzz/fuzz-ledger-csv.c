/* fuzz-ledger-csv.c: libFuzzer harness for the CSV import of a ledger
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every input must be imported whole or refused whole, never crash, hang or
 * leak. What is imported is written back as CSV, which must import into a
 * new ledger as the same entries; the sums and open commitments must be
 * computed or refused with an error.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <affaires.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(AffLedger) ledger = aff_ledger_new ("EUR", NULL);
  g_autoptr(GError) error = NULL;
  guint added = 99;

  if (!aff_ledger_import_csv (ledger, (const char *) data, (gssize) size, &added, &error))
    {
      /* Refused whole, with a reason. */
      if (error == NULL || added != 0 || aff_ledger_get_n_entries (ledger) != 0 || *error->message == '\0')
        abort ();
      return 0;
    }
  if (error != NULL || added != aff_ledger_get_n_entries (ledger))
    abort ();
  {
    g_autofree char *csv = aff_ledger_to_csv (ledger);
    g_autofree char *again_csv = NULL;
    g_autoptr(AffLedger) again = aff_ledger_new ("EUR", NULL);
    g_autoptr(GError) again_error = NULL;

    if (!aff_ledger_import_csv (again, csv, -1, NULL, &again_error))
      {
        g_printerr ("%s\n%s\n", csv, again_error->message);
        abort ();
      }
    again_csv = aff_ledger_to_csv (again);
    if (strcmp (csv, again_csv) != 0)
      abort ();
  }
  {
    g_autoptr(GError) sum_error = NULL;
    g_autoptr(AffMoney) actual = aff_ledger_sum (ledger, NULL, AFF_COST_STATE_ACTUAL, NULL, -1, &sum_error);
    g_autoptr(GError) open_error = NULL;
    g_autoptr(AffMoney) open = aff_ledger_get_open_commitments (ledger, NULL, &open_error);

    if ((actual == NULL) == (sum_error == NULL) || (open == NULL) == (open_error == NULL))
      abort ();
  }
  return 0;
}
