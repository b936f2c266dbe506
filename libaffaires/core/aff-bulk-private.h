/* aff-bulk-private.h: where the library keeps the data it scans in bulk
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Memory for what a dashboard reads for every affair: the ledgers' rows,
 * what each affair keeps of its budget and plan, the dashboard's own
 * blocks. A portfolio of 10^4 affairs spreads them over a heap of a
 * gigabyte, and on a virtual machine the walk of the page tables for each
 * 4 KiB page cost a third of the dashboard; so this memory comes from
 * chunks the kernel is asked to back with huge pages (Linux's
 * MADV_HUGEPAGE), as NumPy does for its arrays.
 *
 * Blocks are sized like g_slice_alloc()'s: the caller gives the size back
 * on free. Freed blocks are kept for the next block of their size class,
 * not given back to the system, except those over a megabyte, which have
 * a mapping of their own. Thread-safe.
 *
 * Where huge pages cannot be asked for, under AddressSanitizer (which
 * must see each block), and when G_SLICE contains "always-malloc" (as for
 * valgrind), it is g_malloc() and g_free(). */

/* Uninitialised, never NULL (aborts like g_malloc() when out of memory);
 * NULL for 0 bytes. */
gpointer _aff_bulk_alloc   (gsize    size);
/* Keeps the first MIN (@old_size, @new_size) bytes. */
gpointer _aff_bulk_realloc (gpointer mem,
                            gsize    old_size,
                            gsize    new_size);
void     _aff_bulk_free    (gpointer mem,
                            gsize    size);
/* The bytes of the blocks handed out and not freed, rounded to their size
 * classes: 0 when the blocks come from g_malloc(), which counts them.
 * Exported, though in no public header, for the dashboard benchmark, which
 * counts a ledger's memory with the shared library its users have. */
__attribute__ ((visibility ("default")))
gsize    _aff_bulk_get_in_use (void);

/* Asks the processor for every line of the @size bytes at @start, which
 * need not begin one: objects are aligned on 16 bytes, not 64. */
static inline void
_aff_prefetch_span (gconstpointer start,
                    gsize         size)
{
  const char *p = start, *end = p + size;

  for (; p < end; p += 64)
    __builtin_prefetch (p);
  if (size > 0)
    __builtin_prefetch (end - 1);
}

G_END_DECLS
