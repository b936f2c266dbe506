/* aff-ledger.c: the costs of an affair, committed and actual
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-enum-types.h"
#include "aff-money-private.h"
#include "aff-finance-private.h"
#include "aff-string-private.h"

/**
 * AffCostEntry:
 *
 * One cost of an affair, as a value: the ledger keeps its entries in a
 * compact form and hands out copies.
 *
 * The @work of an entry is the task or lot of the affair it is charged to
 * (an id of the plan's tasks, or a lot of the offer), or %NULL for a cost of
 * the whole affair. A committed entry (a purchase order, a subcontract) is
 * named by its @document; the actual entries that settle it (the invoices
 * received) name that document as their @commitment.
 */

struct _AffCostEntry
{
  GDate date;
  char *work;
  AffCostCategory category;
  AffCostState state;
  AffMoney *amount;
  gint64 quantity;
  char *supplier;
  char *document;
  char *commitment;
};

/**
 * aff_cost_entry_new:
 * @date: the date of the cost: of the order, of the invoice, of the work
 * @work: (nullable): the task or lot it is charged to, %NULL for the affair
 * @category: its category
 * @state: committed or actual
 * @amount: its amount excluding VAT; negative for a credit note
 *
 * Creates a cost entry, without quantity, supplier or document.
 *
 * Returns: (transfer full): a new entry
 */
AffCostEntry *
aff_cost_entry_new (const GDate     *date,
                    const char      *work,
                    AffCostCategory  category,
                    AffCostState     state,
                    const AffMoney  *amount)
{
  AffCostEntry *self;

  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (amount != NULL, NULL);

  self = g_new0 (AffCostEntry, 1);
  self->date = *date;
  self->work = g_strdup (work);
  self->category = category;
  self->state = state;
  self->amount = aff_money_copy (amount);
  return self;
}

/**
 * aff_cost_entry_copy:
 * @self: an entry
 *
 * Copies an entry.
 *
 * Returns: (transfer full): a copy of @self
 */
AffCostEntry *
aff_cost_entry_copy (const AffCostEntry *self)
{
  AffCostEntry *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = aff_cost_entry_new (&self->date, self->work, self->category, self->state, self->amount);
  copy->quantity = self->quantity;
  copy->supplier = g_strdup (self->supplier);
  copy->document = g_strdup (self->document);
  copy->commitment = g_strdup (self->commitment);
  return copy;
}

/**
 * aff_cost_entry_free:
 * @self: (nullable): an entry
 *
 * Frees an entry.
 */
void
aff_cost_entry_free (AffCostEntry *self)
{
  if (self == NULL)
    return;
  g_free (self->work);
  aff_money_free (self->amount);
  g_free (self->supplier);
  g_free (self->document);
  g_free (self->commitment);
  g_free (self);
}

AFF_DEFINE_BOXED_TYPE (AffCostEntry, aff_cost_entry, aff_cost_entry_copy, aff_cost_entry_free)

/**
 * aff_cost_entry_get_date:
 * @self: an entry
 *
 * Gets the date of the cost.
 *
 * Returns: (transfer none): the date
 */
const GDate *
aff_cost_entry_get_date (const AffCostEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->date;
}

/**
 * aff_cost_entry_get_work:
 * @self: an entry
 *
 * Gets the task or lot the cost is charged to.
 *
 * Returns: (nullable): the task or lot, %NULL for the whole affair
 */
const char *
aff_cost_entry_get_work (const AffCostEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->work;
}

/**
 * aff_cost_entry_get_category:
 * @self: an entry
 *
 * Gets the category of the cost.
 *
 * Returns: the category
 */
AffCostCategory
aff_cost_entry_get_category (const AffCostEntry *self)
{
  g_return_val_if_fail (self != NULL, AFF_COST_CATEGORY_OTHER);
  return self->category;
}

/**
 * aff_cost_entry_get_state:
 * @self: an entry
 *
 * Gets whether the cost is committed or actual.
 *
 * Returns: the state
 */
AffCostState
aff_cost_entry_get_state (const AffCostEntry *self)
{
  g_return_val_if_fail (self != NULL, AFF_COST_STATE_ACTUAL);
  return self->state;
}

/**
 * aff_cost_entry_get_amount:
 * @self: an entry
 *
 * Gets the amount of the cost, excluding VAT.
 *
 * Returns: (transfer none): the amount
 */
const AffMoney *
aff_cost_entry_get_amount (const AffCostEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->amount;
}

/**
 * aff_cost_entry_get_quantity:
 * @self: an entry
 *
 * Gets the quantity of the cost: hours for labour, units, kilograms or
 * metres for the rest, in thousandths so that it stays exact (7.5 hours is
 * 7500).
 *
 * Returns: the quantity in thousandths, 0 when none was given
 */
gint64
aff_cost_entry_get_quantity (const AffCostEntry *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->quantity;
}

/**
 * aff_cost_entry_set_quantity:
 * @self: an entry
 * @thousandths: the quantity, in thousandths
 *
 * Sets the quantity of the cost.
 */
void
aff_cost_entry_set_quantity (AffCostEntry *self,
                             gint64        thousandths)
{
  g_return_if_fail (self != NULL);
  self->quantity = thousandths;
}

#define ENTRY_STRING(field, what)                                            \
  const char *                                                               \
  aff_cost_entry_get_##field (const AffCostEntry *self)                      \
  {                                                                          \
    g_return_val_if_fail (self != NULL, NULL);                               \
    return self->field;                                                      \
  }                                                                          \
                                                                             \
  void                                                                       \
  aff_cost_entry_set_##field (AffCostEntry *self,                            \
                              const char   *value)                           \
  {                                                                          \
    g_return_if_fail (self != NULL);                                         \
    g_free (self->field);                                                    \
    self->field = g_strdup (value);                                          \
  }

/**
 * aff_cost_entry_get_supplier:
 * @self: an entry
 *
 * Gets the supplier, subcontractor or person the cost comes from.
 *
 * Returns: (nullable): the supplier
 */
/**
 * aff_cost_entry_set_supplier:
 * @self: an entry
 * @supplier: (nullable): the supplier
 *
 * Sets the supplier, subcontractor or person the cost comes from.
 */
ENTRY_STRING (supplier, "")
/**
 * aff_cost_entry_get_document:
 * @self: an entry
 *
 * Gets the reference of the document behind the cost: the purchase order
 * of a commitment, the invoice or time sheet of an actual cost.
 *
 * Returns: (nullable): the reference
 */
/**
 * aff_cost_entry_set_document:
 * @self: an entry
 * @document: (nullable): the reference
 *
 * Sets the reference of the document behind the cost. A commitment must
 * have one: its actual costs name it.
 */
ENTRY_STRING (document, "")
/**
 * aff_cost_entry_get_commitment:
 * @self: an entry
 *
 * Gets the document of the commitment an actual cost settles.
 *
 * Returns: (nullable): the commitment's document
 */
/**
 * aff_cost_entry_set_commitment:
 * @self: an entry
 * @document: (nullable): the document of a commitment of the ledger
 *
 * Says which commitment an actual cost settles, by its document.
 */
ENTRY_STRING (commitment, "")

/**
 * AffLedger:
 *
 * The costs of an affair: what has been ordered (committed, engagé) and
 * what has been incurred (actual, réalisé), by date, task or lot and
 * category, in one currency.
 *
 * Ledgers run to millions of entries: they are kept in 36 bytes each, not as
 * objects, and come in one at a time ([method@Aff.Ledger.add]) or in bulk
 * from CSV ([method@Aff.Ledger.import_csv]). Each addition is journaled:
 * an entry with its figures, an import with its count, totals and the
 * SHA-256 of its text.
 *
 * On Linux the entries, and what a status keeps of its affair's budget and
 * plan, live in memory the library asks the kernel to back with huge pages
 * (`MADV_HUGEPAGE`), which a dashboard of thousands of affairs reads much
 * faster. Memory checkers such as valgrind see each block when
 * `G_SLICE=always-malloc` is set in the environment, as for GLib's own
 * slices: the library then takes it from `g_malloc()`.
 */

/* Ledgers run to millions of entries: every byte per entry counts. The
 * rows sit in one array, sized to fit after an import; the words (works,
 * suppliers, documents) sit end to end in one block of text, numbered,
 * without a separate allocation per word. The words looked up again (works,
 * suppliers, the documents of commitments) are shared and found through an
 * open-addressing table of their numbers; the document of an actual cost,
 * an invoice or time sheet of its own, is only kept. */
#define FINDABLE 0x80000000u   /* in the table of words looked up */
#define COMMITMENT 0x40000000u /* the document of a committed row */
#define OFFSET(self, i) ((self)->offsets[i] & ~(FINDABLE | COMMITMENT))
struct _AffLedger
{
  GObject parent_instance;

  char *currency;
  AffLedgerRow *rows;
  guint n_rows;
  guint row_capacity;
  char *text;                 /* the words, each ending with a NUL */
  gsize text_length;
  gsize text_capacity;
  guint32 *offsets;           /* word number → offset in text, FINDABLE when in slots; [0] unused */
  guint n_words;              /* counting the unused [0] */
  guint word_capacity;
  guint32 *slots;             /* word numbers by hash, 0 for free */
  guint n_slots;              /* a power of two, at least twice n_findable */
  guint n_findable;
  /* The works, numbered apart from the other words, and the rows hold
   * their work's number: a scan finds a row's sums by it at once. A
   * ledger has a few works and thousands of documents. */
  guint32 *work_words;        /* by work number: its word; [0], no work, unused */
  guint n_works;              /* counting the unused [0] */
  guint work_capacity;
  guint32 *work_slots;        /* work numbers by their word's hash, 0 for free */
  guint n_work_slots;         /* 0, or a power of two at least twice n_works */
  guint n_commitments;
  /* The sum of the amounts' absolute values, held at G_MAXUINT64 once
   * past it: below 2^63, no sum of the rows overflows, in any order, and
   * a scan need not check each addition. Rows taken away leave it
   * higher than it need be, never lower. */
  guint64 magnitude;
  gboolean closed;
  AffTrack track;
  /* Rows a store reads only when they are first needed. */
  AffLedgerSource source;
  gpointer source_data;
  GDestroyNotify source_destroy;
  guint source_rows;
  GError *load_error;         /* why the store could not give them */
};

G_DEFINE_FINAL_TYPE (AffLedger, aff_ledger, G_TYPE_OBJECT)

static gboolean check_open (AffLedger  *self,
                            GError    **error);

static void forget_words_from (AffLedger *self,
                               guint      length,
                               guint      n_works);
static void trim              (AffLedger *self);
static void rows_reserve      (AffLedger *self,
                               guint      n);

/* Reads the rows a store left to read, from @source: whatever fails, the
 * ledger holds all of them or none, and remembers why. */
static void
load_from (AffLedger       *self,
           AffLedgerSource  source,
           gpointer         data)
{
  gpointer own_data = self->source_data;
  GDestroyNotify destroy = self->source_destroy;
  g_autoptr(GError) error = NULL;

  self->source = NULL;
  self->source_data = NULL;
  self->source_destroy = NULL;
  rows_reserve (self, self->source_rows);
  if (!source (self, data, &error) || self->n_rows != self->source_rows)
    {
      if (error == NULL)
        g_set_error (&error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT,
                     _("The ledger of affair “%s” has %u lines in its store, not %u"),
                     self->track.id != NULL ? self->track.id : "", self->n_rows, self->source_rows);
      g_warning ("%s", error->message);
      self->n_rows = 0;
      self->n_commitments = 0;
      forget_words_from (self, 1, 1);
      self->load_error = g_steal_pointer (&error);
    }
  trim (self);
  if (destroy != NULL)
    destroy (own_data);
}

static inline void
ensure_loaded (AffLedger *self)
{
  if (G_UNLIKELY (self->source != NULL))
    load_from (self, self->source, self->source_data);
}

gboolean
_aff_ledger_load_with (AffLedger       *self,
                       AffLedgerSource  source,
                       gpointer         data)
{
  if (self->source == NULL)
    return FALSE;
  load_from (self, source, data);
  return TRUE;
}

void
_aff_ledger_set_source (AffLedger       *self,
                        guint            n_rows,
                        AffLedgerSource  source,
                        gpointer         data,
                        GDestroyNotify   destroy)
{
  g_return_if_fail (self->n_rows == 0 && self->source == NULL);

  self->source = source;
  self->source_data = data;
  self->source_destroy = destroy;
  self->source_rows = n_rows;
}

gpointer
_aff_ledger_get_source_data (AffLedger       *self,
                             AffLedgerSource  source)
{
  return self->source == source ? self->source_data : NULL;
}

guint
_aff_ledger_peek_n_rows (AffLedger *self)
{
  return self->source != NULL ? self->source_rows : self->n_rows;
}

gboolean
_aff_ledger_check_loaded (AffLedger  *self,
                          GError    **error)
{
  ensure_loaded (self);
  if (self->load_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->load_error));
      return FALSE;
    }
  return TRUE;
}

static void
aff_ledger_finalize (GObject *object)
{
  AffLedger *self = AFF_LEDGER (object);

  g_free (self->currency);
  _aff_bulk_free (self->rows, self->row_capacity * sizeof (AffLedgerRow));
  g_free (self->text);
  g_free (self->offsets);
  g_free (self->slots);
  g_free (self->work_words);
  g_free (self->work_slots);
  _aff_track_clear (&self->track);
  if (self->source_destroy != NULL)
    self->source_destroy (self->source_data);
  g_clear_error (&self->load_error);
  G_OBJECT_CLASS (aff_ledger_parent_class)->finalize (object);
}

static void
aff_ledger_class_init (AffLedgerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aff_ledger_finalize;
}

static void
aff_ledger_init (AffLedger *self)
{
  self->n_words = 1;
  self->n_works = 1;
}

/**
 * aff_ledger_new:
 * @currency: the ISO 4217 code of the ledger's amounts
 * @error: return location for a #GError
 *
 * Creates an empty ledger. An affair has its own, in the currency of its
 * contract ([method@Aff.Affair.get_ledger]); a ledger of its own serves
 * studies and tests.
 *
 * Returns: (transfer full): a new ledger, or %NULL with
 *   %AFF_ERROR_UNKNOWN_CURRENCY set
 */
AffLedger *
aff_ledger_new (const char  *currency,
                GError     **error)
{
  AffLedger *self;
  guint exponent;

  g_return_val_if_fail (currency != NULL, NULL);

  if (!aff_currency_get_exponent (currency, &exponent))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_UNKNOWN_CURRENCY,
                   _("“%s” is not an ISO 4217 currency code"), currency);
      return NULL;
    }
  self = g_object_new (AFF_TYPE_LEDGER, NULL);
  self->currency = g_strdup (currency);
  return self;
}

/**
 * aff_ledger_get_currency:
 * @self: a ledger
 *
 * Gets the currency of the ledger's amounts.
 *
 * Returns: the ISO 4217 code
 */
const char *
aff_ledger_get_currency (AffLedger *self)
{
  g_return_val_if_fail (AFF_IS_LEDGER (self), NULL);
  return self->currency;
}

/**
 * aff_ledger_get_n_entries:
 * @self: a ledger
 *
 * Gets the number of entries.
 *
 * Returns: the number of entries
 */
guint
aff_ledger_get_n_entries (AffLedger *self)
{
  g_return_val_if_fail (AFF_IS_LEDGER (self), 0);
  ensure_loaded (self);
  return self->n_rows;
}

const AffLedgerRow *
_aff_ledger_rows (AffLedger *self,
                  guint     *n_rows)
{
  ensure_loaded (self);
  *n_rows = self->n_rows;
  return self->rows;
}

const char *
_aff_ledger_word (AffLedger *self,
                  guint32    index)
{
  ensure_loaded (self);
  return index > 0 && index < self->n_words ? self->text + OFFSET (self, index) : NULL;
}

/* Grows by half again: a ledger fed one entry at a time reallocates
 * rarely, and one fed in bulk is trimmed to size after. */
static guint
grown (guint capacity,
       guint needed)
{
  return MAX (needed, capacity + capacity / 2 + 8);
}

/* The rows are in the bulk memory: each dashboard reads them all. */
static void
rows_resize (AffLedger *self,
             guint      capacity)
{
  self->rows = _aff_bulk_realloc (self->rows, self->row_capacity * sizeof (AffLedgerRow),
                                  capacity * sizeof (AffLedgerRow));
  self->row_capacity = capacity;
}

static void
rows_reserve (AffLedger *self,
              guint      n)
{
  if (self->n_rows + n <= self->row_capacity)
    return;
  rows_resize (self, grown (self->row_capacity, self->n_rows + n));
}

/* Gives back what a bulk addition reserved beyond its need. */
static void
trim (AffLedger *self)
{
  if (self->row_capacity > self->n_rows)
    rows_resize (self, self->n_rows);
  if (self->text_capacity > self->text_length)
    {
      self->text_capacity = self->text_length;
      self->text = g_realloc (self->text, MAX (self->text_capacity, 1));
    }
  if (self->word_capacity > self->n_words)
    {
      self->word_capacity = self->n_words;
      self->offsets = g_renew (guint32, self->offsets, self->word_capacity);
    }
  if (self->work_capacity > self->n_works)
    {
      self->work_capacity = self->n_works;
      self->work_words = g_renew (guint32, self->work_words, self->work_capacity);
    }
}

static guint
slot_of (const char *word)
{
  return g_str_hash (word);
}

guint32
_aff_ledger_find_word (AffLedger  *self,
                       const char *word)
{
  guint i;

  ensure_loaded (self);
  if (word == NULL || self->n_slots == 0)
    return 0;
  for (i = slot_of (word) & (self->n_slots - 1); self->slots[i] != 0; i = (i + 1) & (self->n_slots - 1))
    if (strcmp (self->text + OFFSET (self, self->slots[i]), word) == 0)
      return self->slots[i];
  return 0;
}

static void
place (AffLedger *self,
       guint32    index)
{
  guint i;

  for (i = slot_of (self->text + OFFSET (self, index)) & (self->n_slots - 1); self->slots[i] != 0;
       i = (i + 1) & (self->n_slots - 1))
    ;
  self->slots[i] = index;
}

/* Makes *@slots an empty open-addressing table for @n numbers, at most
 * half full: a power of two of places, *@n_slots. */
static void
table_clear (guint32 **slots,
             guint    *n_slots,
             guint     n)
{
  guint size = 16;

  while (size < 2 * n)
    size *= 2;
  if (size != *n_slots)
    {
      g_free (*slots);
      *slots = g_new (guint32, size);
      *n_slots = size;
    }
  memset (*slots, 0, sizeof (guint32) * size);
}

/* Sizes the table for @n_findable words and places them. */
static void
rehash (AffLedger *self,
        guint      n_findable)
{
  guint i;

  table_clear (&self->slots, &self->n_slots, n_findable);
  self->n_findable = 0;
  for (i = 1; i < self->n_words; i++)
    if (self->offsets[i] & FINDABLE)
      {
        place (self, i);
        self->n_findable++;
      }
}

/* Adds @word to the text; a findable word already there is shared. */
static guint32
add_word (AffLedger  *self,
          const char *word,
          gboolean    findable)
{
  gsize length;
  guint32 index;

  if (word == NULL)
    return 0;
  if (findable && (index = _aff_ledger_find_word (self, word)) != 0)
    return index;
  length = strlen (word) + 1;
  if (self->text_length + length > self->text_capacity)
    {
      self->text_capacity = MAX (self->text_length + length, self->text_capacity + self->text_capacity / 2 + 64);
      self->text = g_realloc (self->text, self->text_capacity);
    }
  if (self->n_words + 1 > self->word_capacity)
    {
      self->word_capacity = grown (self->word_capacity, self->n_words + 1);
      self->offsets = g_renew (guint32, self->offsets, self->word_capacity);
    }
  memcpy (self->text + self->text_length, word, length);
  index = self->n_words++;
  self->offsets[index] = (guint32) self->text_length | (findable ? FINDABLE : 0);
  self->text_length += length;
  if (!findable)
    return index;
  if (2 * (self->n_findable + 1) > self->n_slots)
    rehash (self, self->n_findable + 1);
  else
    {
      place (self, index);
      self->n_findable++;
    }
  return index;
}

static guint32
intern (AffLedger  *self,
        const char *word)
{
  return add_word (self, word, TRUE);
}

static guint
work_slot_of (guint32 word)
{
  return (word ^ (word >> 15)) * 0x2c1b3c6du;
}

/* Sizes the table of works for @n works and places them. */
static void
rehash_works (AffLedger *self,
              guint      n)
{
  guint mask, i, j;

  table_clear (&self->work_slots, &self->n_work_slots, n);
  mask = self->n_work_slots - 1;
  for (i = 1; i < self->n_works; i++)
    {
      for (j = work_slot_of (self->work_words[i]) & mask; self->work_slots[j] != 0; j = (j + 1) & mask)
        ;
      self->work_slots[j] = i;
    }
}

/* Up to this many works, a ledger finds a work by looking at each, with
 * no table: most have a few, and ten thousand ledgers would each keep
 * one. */
#define WORKS_LISTED 8

/* The number of the work of word @word, 0 when it is no work; then, if
 * the ledger has a table of works, *@place is where it would go. */
static guint32
find_work (AffLedger *self,
           guint32    word,
           guint     *place)
{
  guint i;

  if (word == 0)
    return 0;
  if (self->n_work_slots == 0)
    {
      for (i = 1; i < self->n_works; i++)
        if (self->work_words[i] == word)
          return i;
      return 0;
    }
  for (i = work_slot_of (word) & (self->n_work_slots - 1); self->work_slots[i] != 0;
       i = (i + 1) & (self->n_work_slots - 1))
    if (self->work_words[self->work_slots[i]] == word)
      return self->work_slots[i];
  if (place != NULL)
    *place = i;
  return 0;
}

/* The number of the work of word @word (0: none), given when new. */
static guint32
add_work (AffLedger *self,
          guint32    word)
{
  guint32 number;
  guint place = 0;

  if (word == 0)
    return 0;
  if ((number = find_work (self, word, &place)) != 0)
    return number;
  if (self->n_works + 1 > self->work_capacity)
    {
      self->work_capacity = grown (self->work_capacity, self->n_works + 1);
      self->work_words = g_renew (guint32, self->work_words, self->work_capacity);
      self->work_words[0] = 0;
    }
  number = self->n_works++;
  self->work_words[number] = word;
  if (self->n_works > WORKS_LISTED && 2 * self->n_works > self->n_work_slots)
    rehash_works (self, self->n_works);
  else if (self->n_work_slots != 0)
    self->work_slots[place] = number;
  return number;
}

guint32
_aff_ledger_find_work (AffLedger  *self,
                       const char *work)
{
  return find_work (self, _aff_ledger_find_word (self, work), NULL);
}

const char *
_aff_ledger_work (AffLedger *self,
                  guint32    number)
{
  return number > 0 && number < self->n_works ? _aff_ledger_word (self, self->work_words[number]) : NULL;
}

guint
_aff_ledger_get_n_works (AffLedger *self)
{
  ensure_loaded (self);
  return self->n_works;
}

/* Puts the words of @row: the document of an actual cost is its own. */
static void
put_words (AffLedger    *self,
           AffLedgerRow *row,
           const char   *work,
           const char   *supplier,
           const char   *document,
           const char   *commitment)
{
  row->work = add_work (self, intern (self, work));
  row->supplier = intern (self, supplier);
  row->document = add_word (self, document, row->state == AFF_COST_STATE_COMMITTED);
  row->commitment = intern (self, commitment);
}

/* Words and works added by a failed import are taken back, so that it
 * leaves nothing. */
static void
forget_words_from (AffLedger *self,
                   guint      length,
                   guint      n_works)
{
  if (self->n_works > n_works)
    {
      self->n_works = n_works;
      if (self->n_work_slots != 0)
        rehash_works (self, self->n_works);
    }
  if (self->n_words <= length)
    return;
  self->text_length = OFFSET (self, length);
  self->n_words = length;
  rehash (self, self->n_words);
}

/**
 * aff_ledger_get_entry:
 * @self: a ledger
 * @position: the position of an entry, in the order they were added
 *
 * Gets a copy of an entry.
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL when @position
 *   is past the end
 */
AffCostEntry *
aff_ledger_get_entry (AffLedger *self,
                      guint      position)
{
  const AffLedgerRow *row;
  g_autoptr(AffMoney) amount = NULL;
  AffCostEntry *entry;
  GDate date;

  g_return_val_if_fail (AFF_IS_LEDGER (self), NULL);

  ensure_loaded (self);

  if (position >= self->n_rows)
    return NULL;
  row = &self->rows[position];
  g_date_clear (&date, 1);
  g_date_set_julian (&date, row->day);
  amount = aff_money_new (row->amount, self->currency, NULL);
  entry = aff_cost_entry_new (&date, _aff_ledger_work (self, row->work), row->category, row->state, amount);
  entry->quantity = row->quantity;
  entry->supplier = g_strdup (_aff_ledger_word (self, row->supplier));
  entry->document = g_strdup (_aff_ledger_word (self, row->document));
  entry->commitment = g_strdup (_aff_ledger_word (self, row->commitment));
  return entry;
}

static gboolean
is_commitment (AffLedger *self,
               guint32    index)
{
  return index != 0 && (self->offsets[index] & COMMITMENT) != 0;
}

/* Why a row may not go in, or NULL. @pending holds the documents of the
 * commitments met earlier in the same import. */
static const char *
row_problem (AffLedger          *self,
             const AffLedgerRow *row,
             const char         *document,
             const char         *commitment,
             GHashTable         *pending)
{
  if (row->category > AFF_COST_CATEGORY_OTHER)
    return _("unknown category");
  if (row->state > AFF_COST_STATE_ACTUAL)
    return _("unknown state");
  if (row->state == AFF_COST_STATE_COMMITTED && document == NULL)
    return _("a commitment needs the reference of its order (document)");
  if (row->state == AFF_COST_STATE_COMMITTED && commitment != NULL)
    return _("only an actual cost settles a commitment");
  if (row->state == AFF_COST_STATE_COMMITTED &&
      (is_commitment (self, _aff_ledger_find_word (self, document)) ||
       (pending != NULL && g_hash_table_contains (pending, document))))
    return _("a commitment with this document is already in the ledger");
  if (commitment != NULL &&
      !is_commitment (self, _aff_ledger_find_word (self, commitment)) &&
      (pending == NULL || !g_hash_table_contains (pending, commitment)))
    return _("it settles a commitment the ledger does not have");
  return NULL;
}

static void
append_row (AffLedger          *self,
            const AffLedgerRow *row)
{
  guint64 size = row->amount < 0 ? -(guint64) row->amount : (guint64) row->amount;

  rows_reserve (self, 1);
  self->rows[self->n_rows++] = *row;
  if (__builtin_add_overflow (self->magnitude, size, &self->magnitude))
    self->magnitude = G_MAXUINT64;
  if (row->state == AFF_COST_STATE_COMMITTED)
    {
      self->offsets[row->document] |= COMMITMENT;
      self->n_commitments++;
    }
}

static void
add_text (JsonObject *details,
          const char *member,
          const char *value)
{
  if (value != NULL)
    json_object_set_string_member (details, member, value);
}

/**
 * aff_ledger_add:
 * @self: a ledger
 * @entry: the entry to add
 * @error: return location for a #GError
 *
 * Adds one cost. A commitment needs a document no other commitment of the
 * ledger has; an actual cost that settles a commitment must name one the
 * ledger has.
 *
 * Returns: %TRUE if added; %FALSE with %AFF_ERROR_CURRENCY_MISMATCH,
 *   %AFF_ERROR_INVALID_VALUE (naming what is wrong) or %AFF_ERROR_CLOSED
 *   (the affair is closed) set, and nothing added
 */
gboolean
aff_ledger_add (AffLedger          *self,
                const AffCostEntry *entry,
                GError            **error)
{
  AffLedgerRow row = { 0 };
  const char *problem;
  g_autofree char *date = NULL;
  g_autofree char *amount = NULL;
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_LEDGER (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;
  if (!g_date_valid (&entry->date))
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE, _("A cost needs a valid date"));
      return FALSE;
    }
  if (g_strcmp0 (aff_money_get_currency (entry->amount), self->currency) != 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_CURRENCY_MISMATCH,
                   _("A cost in %s cannot go in a ledger in %s"),
                   aff_money_get_currency (entry->amount), self->currency);
      return FALSE;
    }
  row.day = g_date_get_julian (&entry->date);
  /* Out of range stays out of range in the row's four bits. */
  row.category = MIN ((guint) entry->category, 15u);
  row.state = MIN ((guint) entry->state, 15u);
  row.amount = aff_money_get_minor (entry->amount);
  row.quantity = entry->quantity;
  if ((problem = row_problem (self, &row, entry->document, entry->commitment, NULL)) != NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE, _("Cost of document “%s”: %s"),
                   entry->document != NULL ? entry->document : "—", problem);
      return FALSE;
    }
  put_words (self, &row, entry->work, entry->supplier, entry->document, entry->commitment);
  append_row (self, &row);

  details = json_object_new ();
  date = aff_date_to_iso (&entry->date);
  amount = aff_money_to_string (entry->amount);
  json_object_set_string_member (details, "date", date);
  add_text (details, "work", entry->work);
  json_object_set_string_member (details, "category", aff_enum_to_nick (AFF_TYPE_COST_CATEGORY, entry->category));
  json_object_set_string_member (details, "state", aff_enum_to_nick (AFF_TYPE_COST_STATE, entry->state));
  json_object_set_string_member (details, "amount", amount);
  json_object_set_int_member (details, "quantity", entry->quantity);
  add_text (details, "supplier", entry->supplier);
  add_text (details, "document", entry->document);
  add_text (details, "commitment", entry->commitment);
  _aff_track_record (&self->track, "cost-added", details);
  return TRUE;
}

/* CSV ------------------------------------------------------------------- */

static const char *const csv_columns[] = {
  "date", "work", "category", "state", "amount", "quantity", "supplier", "document", "commitment", NULL
};
enum { COL_DATE, COL_WORK, COL_CATEGORY, COL_STATE, COL_AMOUNT, COL_QUANTITY, COL_SUPPLIER,
       COL_DOCUMENT, COL_COMMITMENT, N_COLUMNS };

/* Splits one record of RFC 4180 CSV from @p, up to @end; returns the start
 * of the next record, or NULL with @problem set. Quoted fields may hold
 * commas, doubled quotes and line breaks. */
static const char *
csv_record (const char  *p,
            const char  *end,
            GPtrArray   *fields,
            guint       *lines,
            const char **problem)
{
  GString *field = g_string_new (NULL);

  g_ptr_array_set_size (fields, 0);
  *lines = 1;
  for (;;)
    {
      g_string_truncate (field, 0);
      if (p < end && *p == '"')
        {
          for (p++;; p++)
            {
              if (p >= end)
                {
                  *problem = _("a quoted field is not closed");
                  g_string_free (field, TRUE);
                  return NULL;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    p++;
                  else
                    {
                      p++;
                      break;
                    }
                }
              else if (*p == '\n')
                (*lines)++;
              g_string_append_c (field, *p);
            }
          if (p < end && *p != ',' && *p != '\n' && *p != '\r')
            {
              *problem = _("text after a quoted field");
              g_string_free (field, TRUE);
              return NULL;
            }
        }
      else
        {
          for (; p < end && *p != ',' && *p != '\n' && *p != '\r'; p++)
            {
              if (*p == '"')
                {
                  *problem = _("a quote inside an unquoted field");
                  g_string_free (field, TRUE);
                  return NULL;
                }
              g_string_append_c (field, *p);
            }
        }
      g_ptr_array_add (fields, g_strndup (field->str, field->len));
      if (p < end && *p == ',')
        {
          p++;
          continue;
        }
      if (p < end && *p == '\r')
        p++;
      if (p < end && *p == '\n')
        p++;
      g_string_free (field, TRUE);
      return p;
    }
}

gboolean
_aff_ledger_parse_nick (GType       type,
                        const char *nick,
                        guint8     *value)
{
  GEnumClass *klass = g_type_class_peek_static (type);
  guint i;

  /* A static type's class lives as long as the process: the first call
   * makes it, and the rest find it without a reference of their own. */
  if (klass == NULL)
    klass = g_type_class_ref (type);
  if (nick != NULL)
    for (i = 0; i < klass->n_values; i++)
      if (strcmp (klass->values[i].value_nick, nick) == 0)
        {
          *value = (guint8) klass->values[i].value;
          return TRUE;
        }
  return FALSE;
}

/* A decimal with at most three places, in thousandths. */
static gboolean
parse_quantity (const char *text,
                gint64     *value)
{
  g_autoptr(AffMoney) parsed = NULL;
  g_autofree char *with_unit = NULL;

  if (*text == '\0')
    {
      *value = 0;
      return TRUE;
    }
  /* The dinar of Kuwait has three decimals: the money parser reads them
   * exactly, and refuses more. */
  with_unit = g_strconcat (text, " KWD", NULL);
  if ((parsed = aff_money_parse (with_unit, NULL)) == NULL)
    return FALSE;
  *value = aff_money_get_minor (parsed);
  return TRUE;
}

static const char *
field_or_null (GPtrArray *fields,
               guint      column)
{
  const char *text = g_ptr_array_index (fields, column);

  return *text != '\0' ? text : NULL;
}

/* Reads one data record into @row; returns the column at fault, or -1. */
static int
read_record (AffLedger    *self,
             GPtrArray    *fields,
             AffLedgerRow *row,
             const char  **problem)
{
  g_autofree char *with_currency = NULL;
  g_autoptr(AffMoney) amount = NULL;
  g_autoptr(GError) error = NULL;
  guint8 category, state;
  gint64 quantity;
  GDate date;

  memset (row, 0, sizeof *row);
  if (!aff_date_from_iso (g_ptr_array_index (fields, COL_DATE), &date))
    return *problem = _("expected a date like 2026-03-31"), COL_DATE;
  row->day = g_date_get_julian (&date);
  if (!_aff_ledger_parse_nick (AFF_TYPE_COST_CATEGORY, g_ptr_array_index (fields, COL_CATEGORY), &category))
    return *problem = _("expected labour, material, equipment, subcontract, travel, overhead or other"),
           COL_CATEGORY;
  row->category = category;
  if (!_aff_ledger_parse_nick (AFF_TYPE_COST_STATE, g_ptr_array_index (fields, COL_STATE), &state))
    return *problem = _("expected committed or actual"), COL_STATE;
  row->state = state;
  with_currency = g_strconcat (g_ptr_array_index (fields, COL_AMOUNT), " ", self->currency, NULL);
  if ((amount = aff_money_parse (with_currency, &error)) == NULL)
    return *problem = _("expected an amount like 1234.50, in the ledger's currency"), COL_AMOUNT;
  row->amount = aff_money_get_minor (amount);
  if (!parse_quantity (g_ptr_array_index (fields, COL_QUANTITY), &quantity))
    return *problem = _("expected a quantity like 7.5, with at most three decimals"), COL_QUANTITY;
  row->quantity = quantity;
  return -1;
}

/**
 * aff_ledger_import_csv:
 * @self: a ledger
 * @text: (array length=length) (element-type guint8): CSV text in UTF-8
 * @length: the length of @text in bytes, or -1 if it ends with a NUL
 * @n_added: (out) (optional): where to store the number of entries added
 * @error: return location for a #GError
 *
 * Adds the costs of a CSV text (RFC 4180: commas, fields in double quotes
 * when they hold commas, quotes or line breaks), as an ERP exports them.
 * The first line names the columns, in any order: `date` (ISO 8601),
 * `category` (`labour`, `material`, `equipment`, `subcontract`, `travel`,
 * `overhead`, `other`), `state` (`committed` or `actual`) and `amount`
 * (excluding VAT, a dot before the decimals, in the ledger's currency) are
 * required; `work`, `quantity` (at most three decimals), `supplier`,
 * `document` and `commitment` may be left out or empty.
 *
 * The import is whole or nothing: on the first bad line nothing is added,
 * and the error names the line (counting the header as line 1) and the
 * column. The journal gets one entry for the import, with the number of
 * entries, the totals committed and actual, and the SHA-256 of @text.
 *
 * Returns: %TRUE if every line was added; %FALSE with
 *   %AFF_ERROR_INVALID_VALUE, %AFF_ERROR_OVERFLOW or %AFF_ERROR_CLOSED set
 */
gboolean
aff_ledger_import_csv (AffLedger   *self,
                       const char  *text,
                       gssize       length,
                       guint       *n_added,
                       GError     **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) pending = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (AffLedgerRow));
  g_autoptr(GPtrArray) pending_words = g_ptr_array_new_with_free_func (g_free);
  const char *p, *end, *problem = NULL;
  int position[N_COLUMNS];
  guint line = 1, lines = 0, words, works, n_columns = 0, i;
  gint64 totals[2] = { 0, 0 };
  g_autofree char *digest = NULL;
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_LEDGER (self), FALSE);
  g_return_val_if_fail (text != NULL || length == 0, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (!check_open (self, error))
    return FALSE;
  words = self->n_words;
  works = self->n_works;
  if (length < 0)
    length = (gssize) strlen (text);
  if (!g_utf8_validate (text, length, &p))
    {
      guint bad_line = 1;
      const char *q;

      for (q = text; q < p; q++)
        bad_line += *q == '\n';
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE, _("Line %u: the text is not valid UTF-8"), bad_line);
      return FALSE;
    }
  if (length == 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE, _("Line 1: expected a header naming the columns"));
      return FALSE;
    }
  p = text;
  end = text + length;
  /* A byte-order mark, as spreadsheets write it, is not part of a name. */
  if (end - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  for (i = 0; i < N_COLUMNS; i++)
    position[i] = -1;
  if ((p = csv_record (p, end, fields, &lines, &problem)) == NULL)
    goto bad_line;
  for (i = 0; i < fields->len; i++)
    {
      const char *name = g_ptr_array_index (fields, i);
      guint c;

      for (c = 0; csv_columns[c] != NULL && strcmp (csv_columns[c], name) != 0; c++)
        ;
      if (csv_columns[c] == NULL)
        {
          g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                       _("Line 1: unknown column “%s”; the columns are date, work, category, state, amount, "
                         "quantity, supplier, document and commitment"), name);
          return FALSE;
        }
      if (position[c] >= 0)
        {
          g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE, _("Line 1: column “%s” appears twice"), name);
          return FALSE;
        }
      position[c] = (int) i;
    }
  for (i = 0; i <= COL_AMOUNT; i++)
    if (i != COL_WORK && position[i] < 0)
      {
        g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE, _("Line 1: the column “%s” is missing"),
                     csv_columns[i]);
        return FALSE;
      }
  line += lines;

  for (i = 0; i < N_COLUMNS; i++)
    n_columns += position[i] >= 0;
  while (p < end)
    {
      g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
      AffLedgerRow row;
      int column;
      const char *document, *commitment;

      if ((p = csv_record (p, end, fields, &lines, &problem)) == NULL)
        goto bad_line;
      /* A blank line, as a file's last, says nothing. */
      if (fields->len == 1 && *(char *) g_ptr_array_index (fields, 0) == '\0')
        {
          line += lines;
          continue;
        }
      if (fields->len != n_columns)
        {
          g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                       _("Line %u: expected %u fields, found %u"), line, n_columns, fields->len);
          goto fail;
        }
      for (i = 0; i < N_COLUMNS; i++)
        g_ptr_array_add (ordered, position[i] >= 0 ? g_ptr_array_index (fields, position[i]) : "");
      if ((column = read_record (self, ordered, &row, &problem)) >= 0)
        {
          g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE, _("Line %u, column %s: %s"),
                       line, csv_columns[column], problem);
          goto fail;
        }
      document = field_or_null (ordered, COL_DOCUMENT);
      commitment = field_or_null (ordered, COL_COMMITMENT);
      if ((problem = row_problem (self, &row, document, commitment, pending)) != NULL)
        {
          g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE, _("Line %u: %s"), line, problem);
          goto fail;
        }
      put_words (self, &row, field_or_null (ordered, COL_WORK), field_or_null (ordered, COL_SUPPLIER), document,
                 commitment);
      if (row.state == AFF_COST_STATE_COMMITTED)
        {
          char *key = g_strdup (document);

          g_ptr_array_add (pending_words, key);
          g_hash_table_add (pending, key);
        }
      if (row.amount > 0 ? totals[row.state] > G_MAXINT64 - row.amount
                         : totals[row.state] < G_MININT64 - row.amount)
        {
          g_set_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW, _("Line %u: the total of the import overflows"), line);
          goto fail;
        }
      totals[row.state] += row.amount;
      g_array_append_val (added, row);
      line += lines;
    }

  rows_reserve (self, added->len);
  for (i = 0; i < added->len; i++)
    append_row (self, &g_array_index (added, AffLedgerRow, i));
  trim (self);
  if (n_added != NULL)
    *n_added = added->len;

  details = json_object_new ();
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, (gsize) length);
  json_object_set_int_member (details, "entries", added->len);
  {
    g_autoptr(AffMoney) committed = aff_money_new (totals[AFF_COST_STATE_COMMITTED], self->currency, NULL);
    g_autoptr(AffMoney) actual = aff_money_new (totals[AFF_COST_STATE_ACTUAL], self->currency, NULL);
    g_autofree char *committed_text = aff_money_to_string (committed);
    g_autofree char *actual_text = aff_money_to_string (actual);

    json_object_set_string_member (details, "committed", committed_text);
    json_object_set_string_member (details, "actual", actual_text);
  }
  json_object_set_string_member (details, "sha256", digest);
  _aff_track_record (&self->track, "costs-imported", details);
  return TRUE;

bad_line:
  g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE, _("Line %u: %s"), line, problem);
fail:
  forget_words_from (self, words, works);
  return FALSE;
}

void
_aff_csv_field (GString    *out,
                const char *text)
{
  const char *p;

  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
_aff_append_decimal (GString *out,
                gint64   value,
                guint    exponent)
{
  guint64 magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
  guint64 scale = 1;
  guint i;

  for (i = 0; i < exponent; i++)
    scale *= 10;
  if (value < 0)
    g_string_append_c (out, '-');
  g_string_append_printf (out, "%" G_GUINT64_FORMAT, magnitude / scale);
  if (exponent > 0)
    g_string_append_printf (out, ".%0*" G_GUINT64_FORMAT, (int) exponent, magnitude % scale);
}

static void
append_row_csv (AffLedger          *self,
                GString            *out,
                const AffLedgerRow *row,
                guint               exponent)
{
  GDate date;
  char iso[16];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, row->day);
  g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
  g_string_append (out, iso);
  g_string_append_c (out, ',');
  _aff_csv_field (out, _aff_ledger_work (self, row->work));
  g_string_append_c (out, ',');
  g_string_append (out, aff_enum_to_nick (AFF_TYPE_COST_CATEGORY, row->category));
  g_string_append_c (out, ',');
  g_string_append (out, aff_enum_to_nick (AFF_TYPE_COST_STATE, row->state));
  g_string_append_c (out, ',');
  _aff_append_decimal (out, row->amount, exponent);
  g_string_append_c (out, ',');
  if (row->quantity != 0)
    _aff_append_decimal (out, row->quantity, 3);
  g_string_append_c (out, ',');
  _aff_csv_field (out, _aff_ledger_word (self, row->supplier));
  g_string_append_c (out, ',');
  _aff_csv_field (out, _aff_ledger_word (self, row->document));
  g_string_append_c (out, ',');
  _aff_csv_field (out, _aff_ledger_word (self, row->commitment));
  g_string_append (out, "\r\n");
}

/**
 * aff_ledger_to_csv:
 * @self: a ledger
 *
 * Writes the entries as CSV, in the columns and form
 * [method@Aff.Ledger.import_csv] reads, every column present, lines ending
 * in CRLF as RFC 4180 says. Importing it into an empty ledger of the same
 * currency gives the same entries.
 *
 * Returns: (transfer full): the CSV text
 */
char *
aff_ledger_to_csv (AffLedger *self)
{
  GString *out;
  guint exponent = 2, i;

  g_return_val_if_fail (AFF_IS_LEDGER (self), NULL);

  ensure_loaded (self);

  aff_currency_get_exponent (self->currency, &exponent);
  out = g_string_sized_new (64 + 80 * (gsize) self->n_rows);
  g_string_append (out, "date,work,category,state,amount,quantity,supplier,document,commitment\r\n");
  for (i = 0; i < self->n_rows; i++)
    append_row_csv (self, out, &self->rows[i], exponent);
  return g_string_free (out, FALSE);
}

static gboolean
money_result (AffLedger  *self,
              gint64      minor,
              gboolean    overflow,
              AffMoney  **result,
              GError    **error)
{
  if (overflow)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_OVERFLOW, _("The sum of the costs overflows 64 bits"));
      return FALSE;
    }
  *result = aff_money_new (minor, self->currency, error);
  return *result != NULL;
}

/**
 * aff_ledger_sum:
 * @self: a ledger
 * @until: (nullable): the last day counted, %NULL for every date
 * @state: committed or actual
 * @work: (nullable): the task or lot, %NULL for every one
 * @category: an #AffCostCategory, or -1 for every category
 * @error: return location for a #GError
 *
 * Sums the entries of one state up to a date, for one task or lot, one
 * category, or all. Committed entries are summed whole, settled or not:
 * see [method@Aff.Ledger.get_open_commitments] for what remains to incur.
 *
 * Returns: (transfer full): the sum, or %NULL with %AFF_ERROR_OVERFLOW set
 */
AffMoney *
aff_ledger_sum (AffLedger     *self,
                const GDate   *until,
                AffCostState   state,
                const char    *work,
                int            category,
                GError       **error)
{
  guint32 last = G_MAXUINT32, work_index = 0;
  gint64 total = 0;
  gboolean overflow = FALSE;
  AffMoney *result = NULL;
  guint i;

  g_return_val_if_fail (AFF_IS_LEDGER (self), NULL);
  g_return_val_if_fail (until == NULL || g_date_valid (until), NULL);

  ensure_loaded (self);

  if (until != NULL)
    last = g_date_get_julian (until);
  if (work != NULL && (work_index = _aff_ledger_find_work (self, work)) == 0)
    return aff_money_new (0, self->currency, error);
  for (i = 0; i < self->n_rows; i++)
    {
      const AffLedgerRow *row = &self->rows[i];

      if (row->day > last || row->state != state || (work != NULL && row->work != work_index) ||
          (category >= 0 && row->category != category))
        continue;
      overflow |= __builtin_add_overflow (total, row->amount, &total);
    }
  money_result (self, total, overflow, &result, error);
  return result;
}

void
_aff_ledger_scan_init (AffLedgerScan *scan)
{
  memset (scan, 0, sizeof *scan);
}

void
_aff_ledger_scan_clear (AffLedgerScan *scan)
{
  g_free (scan->left);
  g_free (scan->positions);
  g_free (scan->orders);
  g_free (scan->sums);
  memset (scan, 0, sizeof *scan);
}

/* Forgets the last scan: only the sums and orders it met are reset, so
 * that a scan of a small ledger after a large one costs what the small one
 * has. Then makes room for what a ledger of @n_rows rows, @n_words words
 * and @n_works works can meet, a sum and an order a row at most: the
 * scan's loop appends without a test. */
static void
scan_reset (AffLedgerScan *scan,
            guint          n_rows,
            guint          n_words,
            guint          n_works)
{
  guint i;

  for (i = 0; i < scan->n_sums; i++)
    scan->positions[(gsize) scan->sums[i].work * SCAN_CATEGORIES + scan->sums[i].category] = 0;
  for (i = 0; i < scan->n_orders; i++)
    scan->left[scan->orders[i]] = 0;
  scan->n_orders = scan->n_sums = 0;
  if (n_words > scan->n_words)
    {
      g_free (scan->left);
      scan->n_words = MAX (n_words, scan->n_words * 2);
      scan->left = g_new0 (gint64, scan->n_words);
    }
  if (n_works > scan->n_works)
    {
      g_free (scan->positions);
      scan->n_works = MAX (n_works, scan->n_works * 2);
      scan->positions = g_new0 (guint32, (gsize) scan->n_works * SCAN_CATEGORIES);
    }
  if (n_rows > scan->capacity)
    {
      scan->capacity = MAX (MAX (n_rows, scan->capacity * 2), 16u);
      scan->orders = g_renew (guint32, scan->orders, scan->capacity);
      scan->sums = g_renew (AffLedgerSum, scan->sums, scan->capacity);
    }
  scan->actual = scan->open = 0;
}

/* @amount added to *@sum, FALSE unless @checked finds an overflow. */
static inline gboolean
add_to (gint64   *sum,
        gint64    amount,
        gboolean  checked)
{
  if (checked)
    return __builtin_add_overflow (*sum, amount, sum);
  *sum += amount;
  return FALSE;
}

/* What is left on the order @order after @amount more of it (@committed)
 * or less (an actual cost settling it). */
static inline gboolean
settle (AffLedgerScan *scan,
        guint32        order,
        gint64         amount,
        gboolean       committed,
        gboolean       checked)
{
  gint64 *left = &scan->left[order];

  if (*left == 0)
    scan->orders[scan->n_orders++] = order;
  if (committed)
    return add_to (left, amount, checked);
  if (checked)
    return __builtin_sub_overflow (*left, amount, left);
  *left -= amount;
  return FALSE;
}

/* The rows of day @last and before summed into @scan, checking each
 * addition when @checked: written once, compiled twice. */
static inline __attribute__ ((always_inline)) gboolean
scan_rows (const AffLedgerRow *row,
           const AffLedgerRow *end,
           guint32             last,
           AffLedgerScan      *scan,
           gboolean            checked)
{
  guint32 *positions = scan->positions;
  AffLedgerSum *sums = scan->sums;
  guint n_sums = 0;
  gboolean overflow = FALSE;

  for (; row < end; row++)
    {
      /* Half a kilobyte ahead: the rows of thousands of ledgers do not
       * stay in the cache from one dashboard to the next, and each ledger
       * is too short for the processor to see the stream soon. */
      __builtin_prefetch (row + 16);
      if (row->day > last)
        continue;
      if (row->state == AFF_COST_STATE_ACTUAL)
        {
          /* The sum of the row's work and category, by their numbers,
           * made when first met. */
          guint32 *position = &positions[(gsize) row->work * SCAN_CATEGORIES + row->category];

          if (G_UNLIKELY (*position == 0))
            {
              sums[n_sums] = (AffLedgerSum) { row->work, row->category, 0 };
              *position = ++n_sums;
            }
          overflow |= add_to (&sums[*position - 1].sum, row->amount, checked);
          /* What is left on each order, by the number of its document. */
          if (row->commitment != 0)
            overflow |= settle (scan, row->commitment, row->amount, FALSE, checked);
        }
      else if (row->document != 0)
        overflow |= settle (scan, row->document, row->amount, TRUE, checked);
    }
  scan->n_sums = n_sums;
  return overflow;
}

gboolean
_aff_ledger_scan (AffLedger     *self,
                  guint32        last,
                  AffLedgerScan *scan)
{
  const AffLedgerRow *end;
  gboolean overflow;
  guint i;

  ensure_loaded (self);
  scan_reset (scan, self->n_rows, self->n_words, self->n_works);
  /* NULL + 0 is undefined: no rows, no end. */
  end = self->n_rows != 0 ? self->rows + self->n_rows : self->rows;
  if (self->magnitude <= G_MAXINT64)
    overflow = scan_rows (self->rows, end, last, scan, FALSE);
  else
    overflow = scan_rows (self->rows, end, last, scan, TRUE);
/* The actual cost from its sums, not row by row: the same total, in one
   * addition a sum rather than one a row. */
  for (i = 0; i < scan->n_sums; i++)
    overflow |= __builtin_add_overflow (scan->actual, scan->sums[i].sum, &scan->actual);
  /* An order invoiced beyond its amount leaves nothing to incur: the excess
   * is an actual cost, not a negative commitment. An order met twice, its
   * sum having come back to 0 in between, is counted once. */
  for (i = 0; i < scan->n_orders; i++)
    {
      guint32 order = scan->orders[i];

      if (scan->left[order] > 0)
        {
          overflow |= __builtin_add_overflow (scan->open, scan->left[order], &scan->open);
          scan->left[order] = 0;
        }
    }
  return !overflow;
}

guint
_aff_ledger_scan_find (AffLedgerScan   *scan,
                       guint32          work,
                       AffCostCategory  category)
{
  /* A work the ledger numbered after the scan has no sum in it. */
  if ((guint) category >= SCAN_CATEGORIES || work >= scan->n_works)
    return 0;
  return scan->positions[(gsize) work * SCAN_CATEGORIES + category];
}

guint
_aff_ledger_get_n_words (AffLedger *self)
{
  ensure_loaded (self);
  return self->n_words;
}

gboolean
_aff_ledger_scan_spend (AffLedgerScan   *scan,
                        guint            position,
                        guint32         *work,
                        AffCostCategory *category,
                        gint64          *actual)
{
  const AffLedgerSum *sum;

  if (position >= scan->n_sums)
    return FALSE;
  sum = &scan->sums[position];
  *work = sum->work;
  *category = (AffCostCategory) sum->category;
  *actual = sum->sum;
  return TRUE;
}

/**
 * aff_ledger_get_open_commitments:
 * @self: a ledger
 * @until: (nullable): the last day counted, %NULL for every date
 * @error: return location for a #GError
 *
 * Sums what is committed and not yet incurred: for each commitment, its
 * amount less the actual costs that settle it, when that is positive (an
 * order invoiced beyond its amount leaves nothing open).
 *
 * Returns: (transfer full): the open commitments, or %NULL with
 *   %AFF_ERROR_OVERFLOW set
 */
AffMoney *
aff_ledger_get_open_commitments (AffLedger    *self,
                                 const GDate  *until,
                                 GError      **error)
{
  AffLedgerScan scan;
  gboolean ok;
  AffMoney *result = NULL;

  g_return_val_if_fail (AFF_IS_LEDGER (self), NULL);
  g_return_val_if_fail (until == NULL || g_date_valid (until), NULL);

  ensure_loaded (self);

  _aff_ledger_scan_init (&scan);
  ok = _aff_ledger_scan (self, until != NULL ? g_date_get_julian (until) : G_MAXUINT32, &scan);
  money_result (self, scan.open, !ok, &result, error);
  _aff_ledger_scan_clear (&scan);
  return result;
}

void
_aff_ledger_prefetch_object (AffLedger *self)
{
  _aff_prefetch_span (self, sizeof *self);
}

void
_aff_ledger_prefetch (AffLedger *self)
{
  gsize i, size = MIN ((gsize) self->n_rows * sizeof (AffLedgerRow), (gsize) 1024);

  /* The processor's own prefetcher takes the rest of the rows. */
  for (i = 0; i < size; i += 64)
    __builtin_prefetch ((const char *) self->rows + i);
  __builtin_prefetch (self->offsets);
  __builtin_prefetch (self->work_words);
  /* The first words, those of the first rows: the works among them, which
   * the status reads back. */
  for (i = 0; i < MIN (self->text_length, (gsize) 256); i += 64)
    __builtin_prefetch (self->text + i);
}

void
_aff_ledger_prefetch_works (AffLedger *self)
{
  guint i;

  if (self->source != NULL)
    return;
  for (i = 1; i < self->n_works && i <= WORKS_LISTED; i++)
    __builtin_prefetch (&self->offsets[self->work_words[i]]);
}

void
_aff_ledger_close (AffLedger *self)
{
  self->closed = TRUE;
}

static gboolean
check_open (AffLedger  *self,
            GError    **error)
{
  if (!_aff_ledger_check_loaded (self, error))
    return FALSE;
  if (!self->closed)
    return TRUE;
  g_set_error (error, AFF_ERROR, AFF_ERROR_CLOSED, _("Affair “%s” is closed: its ledger takes no more costs"),
               self->track.id != NULL ? self->track.id : "");
  return FALSE;
}

void
_aff_ledger_attach (AffLedger  *self,
                    AffJournal *journal,
                    const char *affair_id)
{
  _aff_track_attach (&self->track, journal, "affair", affair_id, NULL, NULL);
}

/* The document keeps the ledger as rows of nine values, in the order of
 * the CSV columns: objects would triple the size of a million entries. */
void
_aff_ledger_to_json (AffLedger   *self,
                     JsonBuilder *builder)
{
  guint exponent = 2, i;

  ensure_loaded (self);
  aff_currency_get_exponent (self->currency, &exponent);
  json_builder_begin_array (builder);
  for (i = 0; i < self->n_rows; i++)
    {
      const AffLedgerRow *row = &self->rows[i];
      g_autoptr(GString) amount = g_string_new (NULL);
      const guint32 words[] = { row->supplier, row->document, row->commitment };
      GDate date;
      g_autofree char *iso = NULL;
      guint k;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, row->day);
      iso = aff_date_to_iso (&date);
      _aff_append_decimal (amount, row->amount, exponent);
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, iso);
      if (row->work != 0)
        json_builder_add_string_value (builder, _aff_ledger_work (self, row->work));
      else
        json_builder_add_null_value (builder);
      json_builder_add_string_value (builder, aff_enum_to_nick (AFF_TYPE_COST_CATEGORY, row->category));
      json_builder_add_string_value (builder, aff_enum_to_nick (AFF_TYPE_COST_STATE, row->state));
      json_builder_add_string_value (builder, amount->str);
      json_builder_add_int_value (builder, row->quantity);
      for (k = 0; k < G_N_ELEMENTS (words); k++)
        if (words[k] != 0)
          json_builder_add_string_value (builder, _aff_ledger_word (self, words[k]));
        else
          json_builder_add_null_value (builder);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
}

/* A string or null, at position @k of a row. */
static gboolean
row_text (AffJsonReader  *reader,
          JsonArray      *array,
          guint           k,
          gboolean        required,
          const char    **text,
          GError        **error)
{
  JsonNode *node = json_array_get_element (array, k);
  gsize mark;

  *text = NULL;
  if (JSON_NODE_HOLDS_NULL (node) && !required)
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
      *json_node_get_string (node) != '\0')
    {
      *text = json_node_get_string (node);
      return TRUE;
    }
  /* The path only now: a million lines would each pay for it. */
  mark = aff_json_reader_push_index (reader, k);
  aff_json_reader_fail (reader, error, required ? _("expected a non-empty string")
                                                : _("expected a non-empty string or null"));
  aff_json_reader_pop (reader, mark);
  return FALSE;
}

typedef struct
{
  AffLedger *ledger;
  GPtrArray *fields;
} ReadState;

static gboolean
read_row (AffJsonReader *reader,
          JsonNode      *element,
          guint          index,
          gpointer       data,
          GError       **error)
{
  ReadState *state = data;
  AffLedger *self = state->ledger;
  const char *texts[N_COLUMNS];
  JsonArray *array;
  JsonNode *quantity;
  AffLedgerRow row;
  const char *problem = NULL;
  int column;
  guint k;

  if (!JSON_NODE_HOLDS_ARRAY (element) || json_array_get_length (array = json_node_get_array (element)) != N_COLUMNS)
    return aff_json_reader_fail (reader, error, _("expected an array of 9 values: date, work, category, state, "
                                                  "amount, quantity, supplier, document, commitment"));
  for (k = 0; k < N_COLUMNS; k++)
    {
      gboolean required = k == COL_DATE || k == COL_CATEGORY || k == COL_STATE || k == COL_AMOUNT;

      if (k == COL_QUANTITY)
        continue;
      if (!row_text (reader, array, k, required, &texts[k], error))
        return FALSE;
    }
  quantity = json_array_get_element (array, COL_QUANTITY);
  if (!JSON_NODE_HOLDS_VALUE (quantity) || json_node_get_value_type (quantity) != G_TYPE_INT64)
    {
      gsize mark = aff_json_reader_push_index (reader, COL_QUANTITY);

      aff_json_reader_fail (reader, error, _("expected a whole number of thousandths"));
      aff_json_reader_pop (reader, mark);
      return FALSE;
    }
  g_ptr_array_set_size (state->fields, 0);
  for (k = 0; k < N_COLUMNS; k++)
    g_ptr_array_add (state->fields, (gpointer) (k == COL_QUANTITY || texts[k] == NULL ? "" : texts[k]));
  if ((column = read_record (self, state->fields, &row, &problem)) >= 0)
    {
      gsize mark = aff_json_reader_push_index (reader, column);

      aff_json_reader_fail (reader, error, "%s", problem);
      aff_json_reader_pop (reader, mark);
      return FALSE;
    }
  row.quantity = json_node_get_int (quantity);
  if ((problem = row_problem (self, &row, texts[COL_DOCUMENT], texts[COL_COMMITMENT], NULL)) != NULL)
    return aff_json_reader_fail (reader, error, "%s", problem);
  put_words (self, &row, texts[COL_WORK], texts[COL_SUPPLIER], texts[COL_DOCUMENT], texts[COL_COMMITMENT]);
  append_row (self, &row);
  return TRUE;
}

const char *
_aff_ledger_load_row (AffLedger          *self,
                      const AffLedgerRow *row,
                      const char         *work,
                      const char         *supplier,
                      const char         *document,
                      const char         *commitment)
{
  AffLedgerRow copy = *row;
  const char *problem;

  if (!g_date_valid_julian (row->day))
    return _("expected a date like 2026-03-31");
  if ((problem = row_problem (self, &copy, document, commitment, NULL)) != NULL)
    return problem;
  put_words (self, &copy, work, supplier, document, commitment);
  append_row (self, &copy);
  return NULL;
}

AffLedger *
_aff_ledger_from_json (AffJsonReader *reader,
                       JsonNode      *node,
                       const char    *currency,
                       GError       **error)
{
  g_autoptr(AffLedger) self = aff_ledger_new (currency, error);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  ReadState state = { NULL, fields };
  JsonArray *array;
  guint i;

  if (self == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return aff_json_reader_fail (reader, error, _("expected an array of entries")), NULL;
  state.ledger = self;
  array = json_node_get_array (node);
  for (i = 0; i < json_array_get_length (array); i++)
    {
      gsize mark = aff_json_reader_push_index (reader, i);
      gboolean ok = read_row (reader, json_array_get_element (array, i), i, &state, error);

      aff_json_reader_pop (reader, mark);
      if (!ok)
        return NULL;
    }
  trim (self);
  return g_steal_pointer (&self);
}
