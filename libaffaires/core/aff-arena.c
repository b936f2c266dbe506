/* aff-arena.c: the blocks arenas share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "aff-arena-private.h"

/* At most this many blocks wait for the next arena: a dashboard of 10^4
 * affairs uses about a hundred; past that, they go back to the allocator. */
#define KEPT_BLOCKS 256

static GMutex kept_lock;
static gpointer kept[KEPT_BLOCKS];
static guint n_kept;

gpointer
_aff_arena_block_new (void)
{
  gpointer block = NULL;

  g_mutex_lock (&kept_lock);
  if (n_kept > 0)
    block = kept[--n_kept];
  g_mutex_unlock (&kept_lock);
  return block != NULL ? block : g_malloc (AFF_ARENA_BLOCK);
}

void
_aff_arena_block_free (gpointer block)
{
  g_mutex_lock (&kept_lock);
  if (n_kept < KEPT_BLOCKS)
    {
      kept[n_kept++] = block;
      block = NULL;
    }
  g_mutex_unlock (&kept_lock);
  g_free (block);
}
