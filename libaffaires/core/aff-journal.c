/* aff-journal.c: the tamper-evident history of a portfolio
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-money-private.h"
#include "aff-journal-private.h"

/**
 * AffJournalEntry:
 *
 * One change recorded in an [class@Aff.Journal]: when (UTC), who (the actor),
 * which entity (a kind such as `client` and an id), what action, and its
 * details as a JSON object.
 *
 * Each entry carries the SHA-256 hash of the previous entry and its own hash
 * over a canonical serialisation of its fields (see `docs/format.md`), so
 * that altering, removing, inserting or reordering an entry breaks the chain.
 */

/**
 * AffJournal:
 *
 * The append-only history of every change made through the API to a
 * portfolio.
 *
 * Entries are chained by SHA-256 hashes; [method@Aff.Journal.verify] finds the
 * first entry that was altered, removed, inserted or reordered. Removing the
 * last entries leaves a valid shorter chain, so an application that must
 * detect that too keeps [method@Aff.Journal.get_head_hash] somewhere else
 * (a countersignature, another system) and compares.
 *
 * The journal's timestamps come from a clock the caller can set
 * ([method@Aff.Journal.set_clock]); nothing else in the library reads the
 * wall clock.
 */

#define ZERO_HASH "0000000000000000000000000000000000000000000000000000000000000000"

struct _AffJournalEntry
{
  gatomicrefcount ref_count;
  guint64 sequence;
  GDateTime *timestamp;
  char *time_text;
  char *actor;
  char *kind;
  char *id;
  char *action;
  JsonNode *details;
  char *details_text;
  char previous[65];
  char hash[65];
};

AFF_DEFINE_BOXED_TYPE (AffJournalEntry, aff_journal_entry,
                     aff_journal_entry_ref, aff_journal_entry_unref)

struct _AffJournal
{
  GObject parent_instance;

  GPtrArray *entries;         /* from entry n_pending on */
  char *actor;
  AffClockFunc clock;
  gpointer clock_data;
  GDestroyNotify clock_destroy;
  /* The first n_pending entries, which a store reads only when they are
   * first needed; the last of them has the hash pending_head. */
  guint n_pending;
  char pending_head[65];
  AffJournalSource source;
  gpointer source_data;
  GDestroyNotify source_destroy;
  GError *load_error;         /* why the store could not give them */
};

G_DEFINE_FINAL_TYPE (AffJournal, aff_journal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTOR,
  PROP_N_ENTRIES,
  N_PROPS
};

enum {
  ENTRY_ADDED,
  N_SIGNALS
};

static GParamSpec *props[N_PROPS];
static guint signals[N_SIGNALS];

/**
 * aff_journal_entry_ref:
 * @entry: an entry
 *
 * Gets @entry.
 *
 * Returns: (transfer full): @entry
 */
AffJournalEntry *
aff_journal_entry_ref (AffJournalEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);
  g_atomic_ref_count_inc (&entry->ref_count);
  return entry;
}

/**
 * aff_journal_entry_unref:
 * @entry: (transfer full): an entry
 *
 * Drops a reference.
 */
void
aff_journal_entry_unref (AffJournalEntry *entry)
{
  g_return_if_fail (entry != NULL);
  if (!g_atomic_ref_count_dec (&entry->ref_count))
    return;
  g_clear_pointer (&entry->timestamp, g_date_time_unref);
  g_free (entry->time_text);
  g_free (entry->actor);
  g_free (entry->kind);
  g_free (entry->id);
  g_free (entry->action);
  g_clear_pointer (&entry->details, json_node_unref);
  g_free (entry->details_text);
  g_free (entry);
}

/**
 * aff_journal_entry_get_sequence:
 * @entry: an entry
 *
 * Gets the entry's position in the journal, counting from 1.
 *
 * Returns: the entry's position in the journal, counting from 1
 */
guint64
aff_journal_entry_get_sequence (const AffJournalEntry *entry)
{
  g_return_val_if_fail (entry != NULL, 0);
  return entry->sequence;
}

/**
 * aff_journal_entry_get_timestamp:
 * @entry: an entry
 *
 * Gets when the change was made, in UTC.
 *
 * Returns: (transfer none): when the change was made, in UTC
 */
GDateTime *
aff_journal_entry_get_timestamp (const AffJournalEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);
  return entry->timestamp;
}

/**
 * aff_journal_entry_get_actor:
 * @entry: an entry
 *
 * Gets who made the change.
 *
 * Returns: who made the change
 */
const char *
aff_journal_entry_get_actor (const AffJournalEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);
  return entry->actor;
}

/**
 * aff_journal_entry_get_entity_kind:
 * @entry: an entry
 *
 * Gets the kind of entity changed: `client`, `policy`, `portfolio`….
 *
 * Returns: the kind of entity changed: `client`, `policy`, `portfolio`…
 */
const char *
aff_journal_entry_get_entity_kind (const AffJournalEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);
  return entry->kind;
}

/**
 * aff_journal_entry_get_entity_id:
 * @entry: an entry
 *
 * Gets the id of the entity changed.
 *
 * Returns: the id of the entity changed
 */
const char *
aff_journal_entry_get_entity_id (const AffJournalEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);
  return entry->id;
}

/**
 * aff_journal_entry_get_action:
 * @entry: an entry
 *
 * Gets what was done: `added`, `changed`, `status-changed`….
 *
 * Returns: what was done: `added`, `changed`, `status-changed`…
 */
const char *
aff_journal_entry_get_action (const AffJournalEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);
  return entry->action;
}

/**
 * aff_journal_entry_get_details:
 * @entry: an entry
 *
 * The details of the change as canonical JSON: an object with sorted keys and
 * no whitespace, exactly what the entry's hash covers.
 *
 * Returns: the details as JSON text
 */
const char *
aff_journal_entry_get_details (const AffJournalEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);
  return entry->details_text;
}

/**
 * aff_journal_entry_dup_detail:
 * @entry: an entry
 * @key: the name of a detail
 *
 * Reads one detail. Strings are returned as they are; numbers, booleans and
 * structured values as their canonical JSON text.
 *
 * Returns: (transfer full) (nullable): the detail, or %NULL when the entry
 *   has no such detail
 */
char *
aff_journal_entry_dup_detail (const AffJournalEntry *entry,
                              const char            *key)
{
  JsonNode *node;
  GString *text;

  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  node = json_object_get_member (json_node_get_object (entry->details), key);
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  text = g_string_new (NULL);
  aff_json_write_canonical (text, node);
  return g_string_free (text, FALSE);
}

/**
 * aff_journal_entry_get_previous_hash:
 * @entry: an entry
 *
 * Gets the hash of the previous entry, in lowercase hexadecimal (64 zeros for
 * the first entry).
 *
 * Returns: the hash of the previous entry, in lowercase hexadecimal (64
 *   zeros for the first entry)
 */
const char *
aff_journal_entry_get_previous_hash (const AffJournalEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);
  return entry->previous;
}

/**
 * aff_journal_entry_get_hash:
 * @entry: an entry
 *
 * Gets the entry's SHA-256 hash, in lowercase hexadecimal.
 *
 * Returns: the entry's SHA-256 hash, in lowercase hexadecimal
 */
const char *
aff_journal_entry_get_hash (const AffJournalEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);
  return entry->hash;
}

static char *
compute_hash (const AffJournalEntry *entry)
{
  g_autoptr(GString) text = g_string_new (entry->previous);

  g_string_append_printf (text, "\n[%d,%" G_GUINT64_FORMAT ",",
                          AFF_JOURNAL_HASH_FORMAT, entry->sequence);
  aff_json_write_canonical_string (text, entry->time_text);
  g_string_append_c (text, ',');
  aff_json_write_canonical_string (text, entry->actor);
  g_string_append_c (text, ',');
  aff_json_write_canonical_string (text, entry->kind);
  g_string_append_c (text, ',');
  aff_json_write_canonical_string (text, entry->id);
  g_string_append_c (text, ',');
  aff_json_write_canonical_string (text, entry->action);
  g_string_append_c (text, ',');
  g_string_append (text, entry->details_text);
  g_string_append_c (text, ']');
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text->str, text->len);
}

static gpointer
copy_entry (gconstpointer entry,
            gpointer      data)
{
  return aff_journal_entry_ref ((AffJournalEntry *) entry);
}

/* Reads the entries a store left to read, whatever fails: the journal
 * then holds them all, or remembers why it cannot. */
static void
load_now (AffJournal *self)
{
  AffJournalSource source = self->source;
  gpointer data = self->source_data;
  GDestroyNotify destroy = self->source_destroy;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loaded = NULL;

  self->source = NULL;
  self->source_data = NULL;
  self->source_destroy = NULL;
  loaded = source (self, data, &error);
  if (loaded != NULL &&
      (loaded->len != self->n_pending ||
       (loaded->len > 0 &&
        strcmp (((AffJournalEntry *) g_ptr_array_index (loaded, loaded->len - 1))->hash, self->pending_head) != 0)))
    {
      g_set_error (&error, AFF_ERROR, AFF_ERROR_TAMPERED,
                   _("the journal's store holds %u entries ending otherwise than the %u it had when loaded"),
                   loaded->len, self->n_pending);
      g_clear_pointer (&loaded, g_ptr_array_unref);
    }
  /* Numbered from 1 without a gap, as a document's are: a store's rows
   * could say otherwise, and a copy would carry it on. */
  for (guint i = 0; loaded != NULL && i < loaded->len; i++)
    if (((AffJournalEntry *) g_ptr_array_index (loaded, i))->sequence != i + 1)
      {
        g_set_error (&error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT,
                     _("journal entry %u of the store says it is entry %" PRIu64),
                     i + 1, ((AffJournalEntry *) g_ptr_array_index (loaded, i))->sequence);
        g_clear_pointer (&loaded, g_ptr_array_unref);
      }
  if (loaded == NULL)
    {
      g_warning ("%s", error->message);
      self->load_error = g_steal_pointer (&error);
    }
  else
    {
      g_ptr_array_extend (loaded, self->entries, copy_entry, NULL);
      g_ptr_array_unref (self->entries);
      self->entries = g_steal_pointer (&loaded);
      self->n_pending = 0;
    }
  if (destroy != NULL)
    destroy (data);
}

static inline void
ensure_loaded (AffJournal *self)
{
  if (G_UNLIKELY (self->source != NULL))
    load_now (self);
}

void
_aff_journal_set_source (AffJournal       *self,
                         guint             n_entries,
                         const char       *head_hash,
                         AffJournalSource  source,
                         gpointer          data,
                         GDestroyNotify    destroy)
{
  g_return_if_fail (self->entries->len == 0 && self->n_pending == 0 && self->source == NULL);

  if (n_entries == 0)
    {
      if (destroy != NULL)
        destroy (data);
      return;
    }
  self->n_pending = n_entries;
  g_strlcpy (self->pending_head, head_hash, sizeof self->pending_head);
  self->source = source;
  self->source_data = data;
  self->source_destroy = destroy;
}

gboolean
_aff_journal_check_loaded (AffJournal  *self,
                           GError     **error)
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
aff_journal_finalize (GObject *object)
{
  AffJournal *self = AFF_JOURNAL (object);

  g_ptr_array_unref (self->entries);
  g_free (self->actor);
  if (self->clock_destroy != NULL)
    self->clock_destroy (self->clock_data);
  if (self->source_destroy != NULL)
    self->source_destroy (self->source_data);
  g_clear_error (&self->load_error);

  G_OBJECT_CLASS (aff_journal_parent_class)->finalize (object);
}

static void
aff_journal_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AffJournal *self = AFF_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;
    case PROP_N_ENTRIES:
      g_value_set_uint (value, self->n_pending + self->entries->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aff_journal_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AffJournal *self = AFF_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_ACTOR:
      aff_journal_set_actor (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aff_journal_class_init (AffJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aff_journal_finalize;
  object_class->get_property = aff_journal_get_property;
  object_class->set_property = aff_journal_set_property;

  /**
   * AffJournal:actor:
   *
   * Who makes the changes recorded from now on.
   */
  props[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AffJournal:n-entries:
   *
   * The number of entries.
   */
  props[PROP_N_ENTRIES] =
    g_param_spec_uint ("n-entries", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, props);

  /**
   * AffJournal::entry-added:
   * @self: the journal
   * @entry: the new entry
   *
   * Emitted after an entry is appended.
   */
  signals[ENTRY_ADDED] =
    g_signal_new ("entry-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  AFF_TYPE_JOURNAL_ENTRY | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
aff_journal_init (AffJournal *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_journal_entry_unref);
  self->actor = g_strdup (g_get_user_name ());
}

/**
 * aff_journal_new:
 *
 * Creates an empty journal. Portfolios create their own; a standalone journal
 * is useful to tests and tools.
 *
 * Returns: (transfer full): a new journal
 */
AffJournal *
aff_journal_new (void)
{
  return g_object_new (AFF_TYPE_JOURNAL, NULL);
}

/**
 * aff_journal_get_n_entries:
 * @self: a journal
 *
 * Gets the number of entries.
 *
 * Returns: the number of entries
 */
guint
aff_journal_get_n_entries (AffJournal *self)
{
  g_return_val_if_fail (AFF_IS_JOURNAL (self), 0);
  return self->n_pending + self->entries->len;
}

/**
 * aff_journal_get_entry:
 * @self: a journal
 * @index: a position from 0 to [method@Aff.Journal.get_n_entries] − 1
 *
 * Gets the entry at @index, or %NULL past the end.
 *
 * Returns: (transfer none) (nullable): the entry at @index, or %NULL past the end
 */
AffJournalEntry *
aff_journal_get_entry (AffJournal *self,
                       guint       index)
{
  g_return_val_if_fail (AFF_IS_JOURNAL (self), NULL);
  if (index >= self->n_pending + self->entries->len)
    return NULL;
  /* The entries appended since a store loaded the journal need no reading. */
  if (index < self->n_pending)
    ensure_loaded (self);
  if (index < self->n_pending)
    return NULL;
  return g_ptr_array_index (self->entries, index - self->n_pending);
}

/**
 * aff_journal_get_head_hash:
 * @self: a journal
 *
 * The hash of the last entry. Kept outside the document, it lets a later
 * reader detect that entries were cut from the end.
 *
 * Returns: (nullable): the last entry's hash, or %NULL for an empty journal
 */
const char *
aff_journal_get_head_hash (AffJournal *self)
{
  g_return_val_if_fail (AFF_IS_JOURNAL (self), NULL);
  if (self->entries->len == 0)
    return self->n_pending > 0 ? self->pending_head : NULL;
  return ((AffJournalEntry *) g_ptr_array_index (self->entries, self->entries->len - 1))->hash;
}

/**
 * aff_journal_verify:
 * @self: a journal
 * @error: return location for a #GError
 *
 * Checks the whole chain: sequence numbers, each entry's link to the previous
 * one, and each entry's own hash.
 *
 * Returns: %TRUE if the chain is intact; %FALSE with %AFF_ERROR_TAMPERED set,
 *   naming the first bad entry, otherwise
 */
gboolean
aff_journal_verify (AffJournal  *self,
                    GError     **error)
{
  const char *previous = ZERO_HASH;
  guint i;

  g_return_val_if_fail (AFF_IS_JOURNAL (self), FALSE);

  if (!_aff_journal_check_loaded (self, error))
    return FALSE;
  for (i = 0; i < self->entries->len; i++)
    {
      AffJournalEntry *entry = g_ptr_array_index (self->entries, i);
      g_autofree char *hash = NULL;

      if (entry->sequence != (guint64) i + 1)
        return g_set_error (error, AFF_ERROR, AFF_ERROR_TAMPERED,
                            _("journal entry %u carries sequence number %" PRIu64
                              ": entries were removed, inserted or reordered"),
                            i + 1, entry->sequence), FALSE;
      if (strcmp (entry->previous, previous) != 0)
        return g_set_error (error, AFF_ERROR, AFF_ERROR_TAMPERED,
                            _("journal entry %" PRIu64
                              " does not follow the entry before it: the chain is broken"),
                            entry->sequence), FALSE;
      hash = compute_hash (entry);
      if (strcmp (hash, entry->hash) != 0)
        return g_set_error (error, AFF_ERROR, AFF_ERROR_TAMPERED,
                            _("journal entry %" PRIu64
                              " (%s %s, %s) was altered: its hash does not match its content"),
                            entry->sequence, entry->kind, entry->id, entry->action), FALSE;
      previous = entry->hash;
    }
  return TRUE;
}

/**
 * aff_journal_list_entries_for:
 * @self: a journal
 * @entity_kind: a kind of entity, such as `client`
 * @entity_id: (nullable): an entity id, or %NULL for every entity of the kind
 *
 * The history of one entity (a client's commercial history, say), oldest first.
 *
 * Returns: (transfer container) (element-type AffJournalEntry): the entries
 */
GPtrArray *
aff_journal_list_entries_for (AffJournal *self,
                              const char *entity_kind,
                              const char *entity_id)
{
  GPtrArray *result;
  guint i;

  g_return_val_if_fail (AFF_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (entity_kind != NULL, NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_journal_entry_unref);
  ensure_loaded (self);
  for (i = 0; i < self->entries->len; i++)
    {
      AffJournalEntry *entry = g_ptr_array_index (self->entries, i);

      if (strcmp (entry->kind, entity_kind) == 0 &&
          (entity_id == NULL || strcmp (entry->id, entity_id) == 0))
        g_ptr_array_add (result, aff_journal_entry_ref (entry));
    }
  return result;
}

/**
 * aff_journal_get_actor:
 * @self: a journal
 *
 * Gets who makes the changes recorded from now on.
 *
 * Returns: (nullable): who makes the changes recorded from now on
 */
const char *
aff_journal_get_actor (AffJournal *self)
{
  g_return_val_if_fail (AFF_IS_JOURNAL (self), NULL);
  return self->actor;
}

/**
 * aff_journal_set_actor:
 * @self: a journal
 * @actor: (nullable): a person or system name; %NULL for the login name
 *
 * Sets who makes the changes recorded from now on.
 */
void
aff_journal_set_actor (AffJournal *self,
                       const char *actor)
{
  g_return_if_fail (AFF_IS_JOURNAL (self));

  if (actor == NULL)
    actor = g_get_user_name ();
  if (g_strcmp0 (self->actor, actor) == 0)
    return;
  g_free (self->actor);
  self->actor = g_strdup (actor);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ACTOR]);
}

/**
 * aff_journal_set_clock:
 * @self: a journal
 * @func: (nullable) (scope notified) (closure user_data) (destroy destroy):
 *   the clock, or %NULL for the system's UTC clock
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 *
 * Sets where entry timestamps come from.
 */
void
aff_journal_set_clock (AffJournal     *self,
                       AffClockFunc    func,
                       gpointer        user_data,
                       GDestroyNotify  destroy)
{
  g_return_if_fail (AFF_IS_JOURNAL (self));

  if (self->clock_destroy != NULL)
    self->clock_destroy (self->clock_data);
  self->clock = func;
  self->clock_data = user_data;
  self->clock_destroy = destroy;
}

static GDateTime *
fixed_clock (gpointer user_data)
{
  return g_date_time_ref (user_data);
}

/**
 * aff_journal_set_fixed_time:
 * @self: a journal
 * @now: (nullable): the instant every new entry will carry, or %NULL to go
 *   back to the system clock
 *
 * Stops the journal's clock at @now: tests and replays use it so that
 * timestamps, and so hashes, are reproducible.
 */
void
aff_journal_set_fixed_time (AffJournal *self,
                            GDateTime  *now)
{
  g_return_if_fail (AFF_IS_JOURNAL (self));

  if (now == NULL)
    aff_journal_set_clock (self, NULL, NULL, NULL);
  else
    aff_journal_set_clock (self, fixed_clock, g_date_time_ref (now),
                           (GDestroyNotify) g_date_time_unref);
}

static GDateTime *
journal_now (AffJournal *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->clock != NULL)
    now = self->clock (self->clock_data);
  if (now == NULL)
    now = g_date_time_new_now_utc ();
  return g_date_time_to_utc (now);
}

AffJournalEntry *
_aff_journal_record (AffJournal *self,
                     const char *entity_kind,
                     const char *entity_id,
                     const char *action,
                     JsonObject *details)
{
  AffJournalEntry *entry;
  GString *text;
  gboolean hashable;

  g_return_val_if_fail (AFF_IS_JOURNAL (self), NULL);

  entry = g_new0 (AffJournalEntry, 1);
  g_atomic_ref_count_init (&entry->ref_count);
  entry->sequence = self->n_pending + self->entries->len + 1;
  entry->timestamp = journal_now (self);
  entry->time_text = g_date_time_format_iso8601 (entry->timestamp);
  entry->actor = g_strdup (self->actor ? self->actor : "");
  entry->kind = g_strdup (entity_kind);
  entry->id = g_strdup (entity_id);
  entry->action = g_strdup (action);
  if (details == NULL)
    details = json_object_new ();
  entry->details = json_node_init_object (json_node_alloc (), details);
  json_object_unref (details);
  text = g_string_new (NULL);
  hashable = aff_json_write_canonical (text, entry->details);
  g_assert (hashable);
  entry->details_text = g_string_free (text, FALSE);
  g_strlcpy (entry->previous, aff_journal_get_head_hash (self) != NULL ? aff_journal_get_head_hash (self) : ZERO_HASH,
             sizeof entry->previous);
  {
    g_autofree char *hash = compute_hash (entry);
    g_strlcpy (entry->hash, hash, sizeof entry->hash);
  }

  g_ptr_array_add (self->entries, entry);
  g_signal_emit (self, signals[ENTRY_ADDED], 0, entry);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_N_ENTRIES]);
  return entry;
}

void
_aff_journal_entry_to_json (const AffJournalEntry *entry,
                            JsonBuilder           *builder)
{
  json_builder_begin_object (builder);
  aff_json_add_int (builder, "sequence", (gint64) entry->sequence);
  aff_json_add_string (builder, "time", entry->time_text);
  aff_json_add_string (builder, "actor", entry->actor);
  aff_json_add_string (builder, "kind", entry->kind);
  aff_json_add_string (builder, "id", entry->id);
  aff_json_add_string (builder, "action", entry->action);
  json_builder_set_member_name (builder, "details");
  json_builder_add_value (builder, json_node_copy (entry->details));
  aff_json_add_string (builder, "previous", entry->previous);
  aff_json_add_string (builder, "hash", entry->hash);
  json_builder_end_object (builder);
}

void
_aff_journal_to_json (AffJournal  *self,
                      JsonBuilder *builder)
{
  guint i;

  ensure_loaded (self);
  json_builder_begin_object (builder);
  aff_json_add_int (builder, "hash_format", AFF_JOURNAL_HASH_FORMAT);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (i = 0; i < self->entries->len; i++)
    _aff_journal_entry_to_json (g_ptr_array_index (self->entries, i), builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static gboolean
is_hex_hash (const char *text)
{
  gsize i;

  for (i = 0; text[i]; i++)
    if (!g_ascii_isdigit (text[i]) && !(text[i] >= 'a' && text[i] <= 'f'))
      return FALSE;
  return i == 64;
}

static AffJournalEntry *
entry_from_json (AffJsonReader *reader,
                 JsonNode      *node,
                 GError       **error)
{
  static const char *const members[] = {
    "sequence", "time", "actor", "kind", "id", "action", "details", "previous", "hash", NULL
  };
  g_autoptr(AffJournalEntry) entry = g_new0 (AffJournalEntry, 1);
  g_autofree char *previous = NULL, *hash = NULL, *canonical_time = NULL;
  JsonObject *object, *details;
  JsonNode *details_node;
  GString *text;
  gint64 sequence;

  g_atomic_ref_count_init (&entry->ref_count);
  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_int (reader, object, "sequence", TRUE, 1, G_MAXINT64, &sequence, error) ||
      !aff_json_get_string (reader, object, "time", TRUE, &entry->time_text, error) ||
      !aff_json_get_string (reader, object, "actor", TRUE, &entry->actor, error) ||
      !aff_json_get_string (reader, object, "kind", TRUE, &entry->kind, error) ||
      !aff_json_get_string (reader, object, "id", TRUE, &entry->id, error) ||
      !aff_json_get_string (reader, object, "action", TRUE, &entry->action, error) ||
      !aff_json_get_object (reader, object, "details", &details, error) ||
      !aff_json_get_string (reader, object, "previous", TRUE, &previous, error) ||
      !aff_json_get_string (reader, object, "hash", TRUE, &hash, error))
    return NULL;
  if (details == NULL)
    return aff_json_reader_fail_at (reader, "details", error, _("missing required member")), NULL;
  entry->sequence = (guint64) sequence;
  entry->details = details_node = json_node_init_object (json_node_alloc (), details);
  entry->timestamp = g_date_time_new_from_iso8601 (entry->time_text, NULL);
  if (entry->timestamp != NULL)
    canonical_time = g_date_time_format_iso8601 (entry->timestamp);
  if (entry->timestamp == NULL || strcmp (canonical_time, entry->time_text) != 0)
    {
      aff_json_reader_fail_at (reader, "time", error,
                               _("expected a UTC timestamp written like 2026-01-10T09:00:00Z"));
      return NULL;
    }
  text = g_string_new (NULL);
  if (!aff_json_write_canonical (text, details_node))
    {
      g_string_free (text, TRUE);
      aff_json_reader_fail_at (reader, "details", error,
                               _("expected strings, whole numbers, booleans, arrays and objects only"));
      return NULL;
    }
  entry->details_text = g_string_free (text, FALSE);
  if (!is_hex_hash (previous))
    return aff_json_reader_fail_at (reader, "previous", error,
                                    _("expected 64 lowercase hexadecimal digits")), NULL;
  if (!is_hex_hash (hash))
    return aff_json_reader_fail_at (reader, "hash", error,
                                    _("expected 64 lowercase hexadecimal digits")), NULL;
  memcpy (entry->previous, previous, 65);
  memcpy (entry->hash, hash, 65);
  return g_steal_pointer (&entry);
}

static gboolean
read_entry (AffJsonReader *reader,
            JsonNode      *element,
            guint          index,
            gpointer       data,
            GError       **error)
{
  AffJournal *journal = data;
  AffJournalEntry *entry = entry_from_json (reader, element, error);

  if (entry == NULL)
    return FALSE;
  g_ptr_array_add (journal->entries, entry);
  return TRUE;
}

AffJournal *
_aff_journal_from_json (AffJsonReader *reader,
                        JsonObject    *object,
                        GError       **error)
{
  static const char *const members[] = { "hash_format", "entries", NULL };
  g_autoptr(AffJournal) journal = aff_journal_new ();
  gint64 hash_format;

  if (!aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_int (reader, object, "hash_format", TRUE,
                         AFF_JOURNAL_HASH_FORMAT, AFF_JOURNAL_HASH_FORMAT, &hash_format, error))
    return NULL;
  if (!json_object_has_member (object, "entries"))
    return aff_json_reader_fail_at (reader, "entries", error, _("missing required member")), NULL;
  if (!aff_json_read_array (reader, object, "entries", read_entry, journal, error))
    return NULL;
  return g_steal_pointer (&journal);
}

AffJournalEntry *
_aff_journal_entry_from_json (AffJsonReader *reader,
                              JsonNode      *node,
                              GError       **error)
{
  return entry_from_json (reader, node, error);
}

GPtrArray *
_aff_journal_rechain (AffJournal  *self,
                      guint        first,
                      GPtrArray   *foreign,
                      GError     **error)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_journal_entry_unref);
  const char *previous;
  guint i;

  g_return_val_if_fail (first >= self->n_pending && first <= self->n_pending + self->entries->len, NULL);

  previous = first == 0 ? ZERO_HASH : first == self->n_pending ? self->pending_head
           : ((AffJournalEntry *) g_ptr_array_index (self->entries, first - self->n_pending - 1))->hash;
  for (i = 0; i < foreign->len; i++)
    {
      AffJournalEntry *entry = g_ptr_array_index (foreign, i);
      g_autofree char *hash = compute_hash (entry);

      if (entry->sequence != (guint64) first + i + 1 || strcmp (entry->previous, previous) != 0 ||
          strcmp (hash, entry->hash) != 0)
        return g_set_error (error, AFF_ERROR, AFF_ERROR_TAMPERED,
                            _("journal entry %" PRIu64 " (%s %s, %s) does not follow the entries loaded: "
                              "the chain is broken"),
                            entry->sequence, entry->kind, entry->id, entry->action), NULL;
      g_ptr_array_add (chain, aff_journal_entry_ref (entry));
      previous = entry->hash;
    }
  for (i = first - self->n_pending; i < self->entries->len; i++)
    {
      const AffJournalEntry *own = g_ptr_array_index (self->entries, i);
      AffJournalEntry *entry = g_new0 (AffJournalEntry, 1);
      g_autofree char *hash = NULL;

      g_atomic_ref_count_init (&entry->ref_count);
      entry->sequence = (guint64) first + chain->len + 1;
      entry->timestamp = g_date_time_ref (own->timestamp);
      entry->time_text = g_strdup (own->time_text);
      entry->actor = g_strdup (own->actor);
      entry->kind = g_strdup (own->kind);
      entry->id = g_strdup (own->id);
      entry->action = g_strdup (own->action);
      entry->details = json_node_copy (own->details);
      entry->details_text = g_strdup (own->details_text);
      g_strlcpy (entry->previous, previous, sizeof entry->previous);
      hash = compute_hash (entry);
      g_strlcpy (entry->hash, hash, sizeof entry->hash);
      g_ptr_array_add (chain, entry);
      previous = entry->hash;
    }
  return g_steal_pointer (&chain);
}

void
_aff_journal_replace_tail (AffJournal *self,
                           guint       first,
                           GPtrArray  *entries)
{
  g_return_if_fail (first >= self->n_pending && first <= self->n_pending + self->entries->len);

  g_ptr_array_remove_range (self->entries, first - self->n_pending, self->entries->len - (first - self->n_pending));
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (self->entries, aff_journal_entry_ref (g_ptr_array_index (entries, i)));
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_N_ENTRIES]);
}

void
_aff_journal_take_entries (AffJournal *self,
                           AffJournal *source)
{
  g_return_if_fail (self->entries->len == 0 && self->n_pending == 0);

  g_ptr_array_extend_and_steal (self->entries, g_steal_pointer (&source->entries));
  source->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_journal_entry_unref);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_N_ENTRIES]);
}

/* ---- Tracking an entity's changes -------------------------------------- */

void
_aff_track_attach (AffTrack   *track,
                   AffJournal *journal,
                   const char *kind,
                   const char *id,
                   const char *part_key,
                   const char *part_value)
{
  gboolean closed = track->closed;

  _aff_track_clear (track);
  track->closed = closed;
  track->journal = journal ? g_object_ref (journal) : NULL;
  track->kind = kind;
  track->id = g_strdup (id);
  track->part_key = part_key;
  track->part_value = g_strdup (part_value);
}

void
_aff_track_clear (AffTrack *track)
{
  g_clear_object (&track->journal);
  g_clear_pointer (&track->id, g_free);
  g_clear_pointer (&track->part_value, g_free);
  track->kind = NULL;
  track->part_key = NULL;
}

gboolean
_aff_track_check_open (AffTrack  *track,
                       GError   **error)
{
  if (!track->closed)
    return TRUE;
  g_set_error (error, AFF_ERROR, AFF_ERROR_CLOSED, _("Affair “%s” is closed: it can no longer change"),
               track->id != NULL ? track->id : "");
  return FALSE;
}

void
_aff_track_record (AffTrack   *track,
                   const char *action,
                   JsonObject *details)
{
  if (track->journal == NULL)
    {
      if (details != NULL)
        json_object_unref (details);
      return;
    }
  if (details == NULL)
    details = json_object_new ();
  if (track->part_key != NULL)
    json_object_set_string_member (details, track->part_key, track->part_value);
  _aff_journal_record (track->journal, track->kind, track->id, action, details);
}

JsonNode *
_aff_value_to_json (const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    return g_value_get_string (value) ? json_node_init_string (json_node_alloc (), g_value_get_string (value))
                                      : json_node_new (JSON_NODE_NULL);
  if (type == G_TYPE_BOOLEAN)
    return json_node_init_boolean (json_node_alloc (), g_value_get_boolean (value));
  if (type == G_TYPE_INT)
    return json_node_init_int (json_node_alloc (), g_value_get_int (value));
  if (type == G_TYPE_UINT)
    return json_node_init_int (json_node_alloc (), g_value_get_uint (value));
  if (type == G_TYPE_INT64)
    return json_node_init_int (json_node_alloc (), g_value_get_int64 (value));
  if (G_TYPE_IS_ENUM (type))
    return json_node_init_string (json_node_alloc (),
                                  aff_enum_to_nick (type, g_value_get_enum (value)));
  if (G_TYPE_IS_FLAGS (type))
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
      guint flags = g_value_get_flags (value), i;
      JsonArray *array = json_array_new ();
      JsonNode *node;

      for (i = 0; i < klass->n_values; i++)
        if (klass->values[i].value != 0 && (flags & klass->values[i].value) == klass->values[i].value)
          json_array_add_string_element (array, klass->values[i].value_nick);
      node = json_node_init_array (json_node_alloc (), array);
      json_array_unref (array);
      return node;
    }
  if (type == G_TYPE_DATE)
    {
      const GDate *date = g_value_get_boxed (value);
      g_autofree char *text = NULL;

      if (date == NULL || !g_date_valid (date))
        return json_node_new (JSON_NODE_NULL);
      text = aff_date_to_iso (date);
      return json_node_init_string (json_node_alloc (), text);
    }
  if (type == AFF_TYPE_MONEY)
    {
      const AffMoney *money = g_value_get_boxed (value);
      g_autofree char *text = NULL;

      if (money == NULL)
        return json_node_new (JSON_NODE_NULL);
      text = aff_money_to_string (money);
      return json_node_init_string (json_node_alloc (), text);
    }
  if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);
      JsonArray *array = json_array_new ();
      JsonNode *node;

      for (; strv != NULL && *strv != NULL; strv++)
        json_array_add_string_element (array, *strv);
      node = json_node_init_array (json_node_alloc (), array);
      json_array_unref (array);
      return node;
    }
  g_return_val_if_reached (json_node_new (JSON_NODE_NULL));
}

void
_aff_track_property (AffTrack   *track,
                     const char *action,
                     GObject    *object,
                     GParamSpec *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;
  JsonObject *details;

  if (track->journal == NULL)
    return;
  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, pspec->name, &value);
  details = json_object_new ();
  json_object_set_string_member (details, "property", pspec->name);
  json_object_set_member (details, "value", _aff_value_to_json (&value));
  _aff_track_record (track, action, details);
}

gboolean
_aff_id_is_valid (const char *id)
{
  const char *p;

  if (id == NULL || *id == '\0' || strlen (id) > 64 || !g_utf8_validate (id, -1, NULL))
    return FALSE;
  for (p = id; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || c == 0x00A0 || c == 0x202F)
        return FALSE;
    }
  return TRUE;
}
