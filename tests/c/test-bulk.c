/* test-bulk.c: the private bulk memory (aff-bulk.c), where the ledgers'
 * rows and what each affair keeps of its budget and plan live.
 *
 * The sizes the blocks round to are worked out by hand from the rule of
 * the size classes: every multiple of 16 up to 512 bytes, then 32 classes
 * a power of two (a step of 2^(k - 5) between 2^k and 2^(k + 1)), and
 * above a megabyte, whole huge pages of 2 MiB.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "aff-bulk-private.h"

/* Where the blocks come from chunks of huge pages rather than g_malloc():
 * Linux, without AddressSanitizer, without G_SLICE=always-malloc. */
static gboolean
expect_chunks (void)
{
#if defined(__linux__) && !defined(__SANITIZE_ADDRESS__)
  const char *slice = g_getenv ("G_SLICE");

  return slice == NULL || strstr (slice, "always-malloc") == NULL;
#else
  return FALSE;
#endif
}

static void
fill (guint8 *block,
      gsize   size,
      guint8  seed)
{
  for (gsize i = 0; i < size; i++)
    block[i] = (guint8) (seed + i * 7);
}

static gboolean
holds (const guint8 *block,
       gsize         size,
       guint8        seed)
{
  for (gsize i = 0; i < size; i++)
    if (block[i] != (guint8) (seed + i * 7))
      return FALSE;
  return TRUE;
}

/* Blocks of every kind of size, each filled, do not overlap. */
static void
test_blocks (void)
{
  static const gsize sizes[] = { 1, 15, 16, 17, 255, 256, 257, 300, 3600, 4096, 100000,
                                 1 << 20, (1 << 20) + 1, 3 << 20 };
  gpointer blocks[G_N_ELEMENTS (sizes)];
  guint i;

  for (i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      blocks[i] = _aff_bulk_alloc (sizes[i]);
      g_assert_nonnull (blocks[i]);
      /* g_malloc()'s alignment, which the rows' and the kept blocks'
       * eight-byte figures need. */
      g_assert_cmpuint ((guintptr) blocks[i] % 16, ==, 0);
      fill (blocks[i], sizes[i], (guint8) i);
    }
  for (i = 0; i < G_N_ELEMENTS (sizes); i++)
    g_assert_true (holds (blocks[i], sizes[i], (guint8) i));
  for (i = 0; i < G_N_ELEMENTS (sizes); i++)
    _aff_bulk_free (blocks[i], sizes[i]);
  g_assert_null (_aff_bulk_alloc (0));
  _aff_bulk_free (NULL, 0);
}

/* What is counted in use: the sizes the blocks round to. */
static void
test_in_use (void)
{
  static const struct { gsize size, rounded; } cases[] = {
    { 1, 16 },
    { 17, 32 },                   /* the next multiple of 16 */
    { 256, 256 },
    { 300, 304 },
    { 512, 512 },
    { 513, 528 },                 /* 512 < 513 <= 1024: steps of 16 */
    { 3600, 3648 },               /* 2048 < 3600 <= 4096: steps of 64, 57 of them */
    { 4096, 4096 },
    { 100000, 100352 },           /* 65536 < 100000 <= 131072: steps of 2048, 49 */
    { 1 << 20, 1 << 20 },
    { (1 << 20) + 1, 2 << 20 },   /* over a megabyte: huge pages */
    { 5 << 20, 6 << 20 },
  };
  guint i;

  if (!expect_chunks ())
    {
      g_test_skip ("the blocks come from g_malloc() here, which counts them itself");
      return;
    }
  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize before = _aff_bulk_get_in_use ();
      gpointer block = _aff_bulk_alloc (cases[i].size);

      g_test_message ("%" G_GSIZE_FORMAT " bytes", cases[i].size);
      g_assert_cmpuint (_aff_bulk_get_in_use () - before, ==, cases[i].rounded);
      if (cases[i].size > 1 << 20)
        g_assert_cmpuint ((guintptr) block % (2 << 20), ==, 0);
      _aff_bulk_free (block, cases[i].size);
      g_assert_cmpuint (_aff_bulk_get_in_use (), ==, before);
    }
}

/* A block freed serves the next of its class; within its class a
 * reallocation keeps the block. */
static void
test_reuse (void)
{
  gpointer a, b, c;

  if (!expect_chunks ())
    {
      g_test_skip ("the blocks come from g_malloc() here");
      return;
    }
  a = _aff_bulk_alloc (3600);
  _aff_bulk_free (a, 3600);
  b = _aff_bulk_alloc (3620);        /* 3584 < 3620 <= 3648: the same class */
  g_assert_true (b == a);
  c = _aff_bulk_realloc (b, 3620, 3648);
  g_assert_true (c == b);
  c = _aff_bulk_realloc (c, 3648, 3649);   /* the next class */
  g_assert_true (c != b);
  _aff_bulk_free (c, 3649);
}

/* Growing and shrinking keeps the first bytes, across the classes and the
 * mappings of their own. */
static void
test_realloc (void)
{
  static const gsize steps[] = { 20, 36, 100, 1000, 3600, 70000, 1 << 20, (1 << 20) + 5, 7 << 20, 3600, 40, 0 };
  gsize size = 0, kept;
  guint8 *block = NULL;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      kept = MIN (size, steps[i]);
      block = _aff_bulk_realloc (block, size, steps[i]);
      g_assert_true (holds (block, kept, 42));
      size = steps[i];
      fill (block, size, 42);
    }
  g_assert_null (block);
}

typedef struct
{
  guint seed;
  gboolean intact;
} Worker;

/* Blocks made, grown and freed by several threads at once stay each its
 * own. */
static gpointer
work (gpointer data)
{
  Worker *worker = data;
  GRand *rand = g_rand_new_with_seed (worker->seed);
  guint8 *blocks[64] = { NULL };
  gsize sizes[64] = { 0 };
  guint i, round;

  worker->intact = TRUE;
  for (round = 0; round < 8000; round++)
    {
      guint slot = g_rand_int_range (rand, 0, 64);
      gsize size = g_rand_int_range (rand, 0, 5) == 0 ? g_rand_int_range (rand, 0, 100000)
                                                       : g_rand_int_range (rand, 0, 5000);
      guint8 seed = (guint8) (slot * 3 + worker->seed);

      worker->intact &= holds (blocks[slot], sizes[slot], seed);
      blocks[slot] = _aff_bulk_realloc (blocks[slot], sizes[slot], size);
      sizes[slot] = size;
      fill (blocks[slot], size, seed);
    }
  for (i = 0; i < 64; i++)
    {
      worker->intact &= holds (blocks[i], sizes[i], (guint8) (i * 3 + worker->seed));
      _aff_bulk_free (blocks[i], sizes[i]);
    }
  g_rand_free (rand);
  return NULL;
}

static void
test_threads (void)
{
  Worker workers[4];
  GThread *threads[4];
  gsize before = _aff_bulk_get_in_use ();
  guint i;

  for (i = 0; i < 4; i++)
    {
      workers[i].seed = 20261130 + i;
      threads[i] = g_thread_new ("bulk", work, &workers[i]);
    }
  for (i = 0; i < 4; i++)
    {
      g_thread_join (threads[i]);
      g_assert_true (workers[i].intact);
    }
  g_assert_cmpuint (_aff_bulk_get_in_use (), ==, before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bulk/blocks", test_blocks);
  g_test_add_func ("/bulk/in-use", test_in_use);
  g_test_add_func ("/bulk/reuse", test_reuse);
  g_test_add_func ("/bulk/realloc", test_realloc);
  g_test_add_func ("/bulk/threads", test_threads);
  return g_test_run ();
}
