/* aff-bulk.c: blocks on huge pages for the data scanned in bulk
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "aff-bulk-private.h"

#if defined(__SANITIZE_ADDRESS__)
#define BULK_MALLOC_ONLY 1
#elif defined(__has_feature)
#if __has_feature (address_sanitizer)
#define BULK_MALLOC_ONLY 1
#endif
#endif

#if !defined(BULK_MALLOC_ONLY) && defined(__linux__)
#include <pthread.h>
#include <sys/mman.h>
#if defined(MADV_HUGEPAGE)
#define BULK_CHUNKS 1
#endif
#endif

#ifdef BULK_CHUNKS

#define HUGE_PAGE ((gsize) 2 << 20)
/* Sixteen huge pages: a portfolio of 10^4 affairs takes a few dozen. */
#define CHUNK ((gsize) 32 << 20)
/* Larger blocks are mapped on their own, and unmapped when freed. */
#define LARGEST_CLASS ((gsize) 1 << 20)
/* Thirty-two classes a power of two, so that no more than 1/32 of a block
 * is lost to its rounding: a ledger's rows are most of the memory of an
 * affair. Up to 512 bytes, every multiple of 16. */
#define N_CLASSES (32 + (20 - 9) * 32)

typedef struct _FreeBlock FreeBlock;
struct _FreeBlock
{
  FreeBlock *next;
};

/* A POSIX mutex, not a GMutex: ThreadSanitizer sees it, and this code is
 * Linux's alone. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static FreeBlock *free_blocks[N_CLASSES];
static char *next, *end;    /* what is left of the newest chunk */
static gsize in_use;

static guint
size_class (gsize  size,
            gsize *rounded)
{
  guint k, shift;
  gsize q;

  if (size <= 512)
    {
      q = (size + 15) / 16;
      *rounded = q * 16;
      return (guint) q - 1;
    }
  k = g_bit_storage (size - 1) - 1;     /* 2^k < size <= 2^(k + 1), k >= 9 */
  shift = k - 5;
  q = (size - 1) >> shift;              /* 32 to 63 */
  *rounded = (q + 1) << shift;
  return 32 + (k - 9) * 32 + (guint) (q - 32);
}

static gsize
class_size (guint c)
{
  guint j = c - 32;

  if (c < 32)
    return ((gsize) c + 1) * 16;
  return ((gsize) 33 + j % 32) << (9 + j / 32 - 5);
}

static gsize
round_to_huge_pages (gsize size)
{
  return (size + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
}

/* @size bytes on a boundary of a huge page: the kernel backs with huge
 * pages only the aligned ones. */
static char *
map_huge (gsize size)
{
  char *base = mmap (NULL, size + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  char *aligned;
  gsize before;

  if (base == MAP_FAILED)
    g_error ("%s: failed to map %" G_GSIZE_FORMAT " bytes", G_STRLOC, size);
  aligned = (char *) (((guintptr) base + HUGE_PAGE - 1) & ~(guintptr) (HUGE_PAGE - 1));
  before = (gsize) (aligned - base);
  if (before > 0)
    munmap (base, before);
  munmap (aligned + size, HUGE_PAGE - before);
  /* Where the kernel has no huge pages, the chunk still serves. */
  madvise (aligned, size, MADV_HUGEPAGE);
  return aligned;
}

static void
push_free (guint  c,
           char  *block)
{
  FreeBlock *free_block = (FreeBlock *) (gpointer) block;

  free_block->next = free_blocks[c];
  free_blocks[c] = free_block;
}

/* Under the lock. The room left in the newest chunk goes to the free
 * blocks before a chunk is mapped, not lost. */
static char *
carve (gsize rounded)
{
  char *block;

  if ((gsize) (end - next) < rounded)
    {
      while ((gsize) (end - next) >= 16)
        {
          gsize room = MIN ((gsize) (end - next), LARGEST_CLASS), size;
          guint c = size_class (room, &size);

          /* The class that holds @room may be larger than it. */
          if (size > room)
            size = class_size (--c);
          push_free (c, next);
          next += size;
        }
      next = map_huge (CHUNK);
      end = next + CHUNK;
    }
  block = next;
  next += rounded;
  return block;
}

static gboolean
use_chunks (void)
{
  /* 0 until decided, then 1 for chunks, 2 for g_malloc(): threads that
   * decide at once decide alike. */
  static int mode;
  int seen = __atomic_load_n (&mode, __ATOMIC_RELAXED);

  if (seen == 0)
    {
      const char *slice = g_getenv ("G_SLICE");

      seen = slice == NULL || strstr (slice, "always-malloc") == NULL ? 1 : 2;
      __atomic_store_n (&mode, seen, __ATOMIC_RELAXED);
    }
  return seen == 1;
}

#endif /* BULK_CHUNKS */

gpointer
_aff_bulk_alloc (gsize size)
{
#ifdef BULK_CHUNKS
  if (size > 0 && use_chunks ())
    {
      gsize rounded;
      gpointer block;
      guint c;

      if (size > LARGEST_CLASS)
        {
          rounded = round_to_huge_pages (size);
          block = map_huge (rounded);
          pthread_mutex_lock (&lock);
          in_use += rounded;
          pthread_mutex_unlock (&lock);
          return block;
        }
      c = size_class (size, &rounded);
      pthread_mutex_lock (&lock);
      if (free_blocks[c] != NULL)
        {
          block = free_blocks[c];
          free_blocks[c] = free_blocks[c]->next;
        }
      else
        block = carve (rounded);
      in_use += rounded;
      pthread_mutex_unlock (&lock);
      return block;
    }
#endif
  return g_malloc (size);
}

void
_aff_bulk_free (gpointer mem,
                gsize    size)
{
#ifdef BULK_CHUNKS
  if (mem != NULL && use_chunks ())
    {
      gsize rounded;
      guint c;

      if (size > LARGEST_CLASS)
        {
          rounded = round_to_huge_pages (size);
          munmap (mem, rounded);
          pthread_mutex_lock (&lock);
          in_use -= rounded;
          pthread_mutex_unlock (&lock);
          return;
        }
      c = size_class (size, &rounded);
      pthread_mutex_lock (&lock);
      push_free (c, mem);
      in_use -= rounded;
      pthread_mutex_unlock (&lock);
      return;
    }
#endif
  g_free (mem);
}

gpointer
_aff_bulk_realloc (gpointer mem,
                   gsize    old_size,
                   gsize    new_size)
{
#ifdef BULK_CHUNKS
  if (use_chunks ())
    {
      gpointer block;
      gsize old_rounded, new_rounded;

      if (mem == NULL)
        return _aff_bulk_alloc (new_size);
      if (new_size == 0)
        {
          _aff_bulk_free (mem, old_size);
          return NULL;
        }
      /* The block already holds @new_size when both round alike. */
      if (old_size > LARGEST_CLASS && new_size > LARGEST_CLASS)
        {
          if (round_to_huge_pages (old_size) == round_to_huge_pages (new_size))
            return mem;
        }
      else if (old_size <= LARGEST_CLASS && new_size <= LARGEST_CLASS &&
               size_class (old_size, &old_rounded) == size_class (new_size, &new_rounded))
        return mem;
      block = _aff_bulk_alloc (new_size);
      memcpy (block, mem, MIN (old_size, new_size));
      _aff_bulk_free (mem, old_size);
      return block;
    }
#endif
  return g_realloc (mem, new_size);
}

gsize
_aff_bulk_get_in_use (void)
{
  gsize result = 0;

#ifdef BULK_CHUNKS
  pthread_mutex_lock (&lock);
  result = in_use;
  pthread_mutex_unlock (&lock);
#endif
  return result;
}
