/* aff-arena-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <string.h>
#include <glib.h>

G_BEGIN_DECLS

/* Memory handed out in large blocks and given back all at once: a
 * dashboard makes a row per affair and tens of thousands of drifts, and
 * freeing the last one's left the allocator a slow search per block. One
 * arena is used by one thread at a time. */
typedef struct
{
  GSList *blocks;             /* the newest first */
  GSList *large;              /* allocations larger than a block, one each */
  char *next;
  gsize left;
} AffArena;

#define AFF_ARENA_BLOCK ((gsize) 64 * 1024)

/* Blocks of AFF_ARENA_BLOCK bytes kept from one arena for the next: a
 * dashboard's blocks, freed and made again, would otherwise come back from
 * the kernel as fresh pages, faulted in one by one. */
gpointer _aff_arena_block_new  (void);
void     _aff_arena_block_free (gpointer block);

static inline gpointer
_aff_arena_alloc0 (AffArena *arena,
                   gsize     size)
{
  gpointer result;

  size = (size + 15) & ~(gsize) 15;
  if (size > AFF_ARENA_BLOCK)
    {
      arena->large = g_slist_prepend (arena->large, g_malloc0 (size));
      return arena->large->data;
    }
  if (size > arena->left)
    {
      arena->blocks = g_slist_prepend (arena->blocks, _aff_arena_block_new ());
      arena->next = arena->blocks->data;
      arena->left = AFF_ARENA_BLOCK;
    }
  result = memset (arena->next, 0, size);
  arena->next += size;
  arena->left -= size;
  return result;
}

/* Moves the blocks of @from into @to, which will free them. */
static inline void
_aff_arena_take (AffArena *to,
                 AffArena *from)
{
  to->blocks = g_slist_concat (from->blocks, to->blocks);
  to->large = g_slist_concat (from->large, to->large);
  from->blocks = NULL;
  from->large = NULL;
  from->next = NULL;
  from->left = 0;
}

static inline void
_aff_arena_clear (AffArena *arena)
{
  g_slist_free_full (arena->blocks, _aff_arena_block_free);
  g_slist_free_full (arena->large, g_free);
  arena->blocks = NULL;
  arena->large = NULL;
  arena->next = NULL;
  arena->left = 0;
}

G_END_DECLS
