/* aff-arena-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <string.h>
#include <glib.h>

#include "aff-bulk-private.h"

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
      arena->blocks = g_slist_prepend (arena->blocks, _aff_bulk_alloc (AFF_ARENA_BLOCK));
      arena->next = arena->blocks->data;
      arena->left = AFF_ARENA_BLOCK;
    }
  result = memset (arena->next, 0, size);
  arena->next += size;
  arena->left -= size;
  return result;
}

static inline char *
_aff_arena_strdup (AffArena   *arena,
                   const char *text)
{
  gsize size;

  if (text == NULL)
    return NULL;
  size = strlen (text) + 1;
  return memcpy (_aff_arena_alloc0 (arena, size), text, size);
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
  GSList *link;

  /* A dashboard's blocks wait in the bulk memory for the next one's. */
  for (link = arena->blocks; link != NULL; link = link->next)
    _aff_bulk_free (link->data, AFF_ARENA_BLOCK);
  g_slist_free (arena->blocks);
  g_slist_free_full (arena->large, g_free);
  arena->blocks = NULL;
  arena->large = NULL;
  arena->next = NULL;
  arena->left = 0;
}

G_END_DECLS
