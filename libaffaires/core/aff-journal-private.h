/* aff-journal-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "aff-journal.h"
#include "aff-json-private.h"

G_BEGIN_DECLS

/* Appends one entry; @details (transfer full, nullable) is a JSON object. */
AffJournalEntry *_aff_journal_record (AffJournal *self,
                                      const char *entity_kind,
                                      const char *entity_id,
                                      const char *action,
                                      JsonObject *details);

/* One entry as the document has it, for a store that keeps them apart. */
void        _aff_journal_entry_to_json (const AffJournalEntry *entry,
                                        JsonBuilder           *builder);
void        _aff_journal_to_json   (AffJournal    *self,
                                    JsonBuilder   *builder);
AffJournal *_aff_journal_from_json (AffJsonReader *reader,
                                    JsonObject    *object,
                                    GError       **error);
AffJournalEntry *_aff_journal_entry_from_json (AffJsonReader *reader,
                                               JsonNode      *node,
                                               GError       **error);
/* What the journal becomes when another writer's entries @foreign (read
 * from a store, following entry @first - 1 of @self) came before the
 * entries of @self from @first on: @foreign, then those entries with new
 * sequence numbers and hashes, chained after them. NULL with
 * AFF_ERROR_TAMPERED when @foreign does not follow on. */
GPtrArray  *_aff_journal_rechain      (AffJournal  *self,
                                       guint        first,
                                       GPtrArray   *foreign,
                                       GError     **error);
/* Replaces the entries of @self from @first on by @entries. */
void        _aff_journal_replace_tail (AffJournal  *self,
                                       guint        first,
                                       GPtrArray   *entries);
/* Where a store keeps the entries of a journal it read only in part:
 * called once, when they are first needed, it gives them all, in order. */
typedef GPtrArray *(*AffJournalSource) (AffJournal  *journal,
                                        gpointer     data,
                                        GError     **error);
/* The journal, empty, holds @n_entries entries, the last of hash
 * @head_hash, that @source gives. New entries follow them at once; the
 * others are read when a query or a save needs them. Should they not
 * come, the journal says why in a warning and verify() fails with it. */
void        _aff_journal_set_source   (AffJournal       *self,
                                       guint             n_entries,
                                       const char       *head_hash,
                                       AffJournalSource  source,
                                       gpointer          data,
                                       GDestroyNotify    destroy);
gboolean    _aff_journal_check_loaded (AffJournal  *self,
                                       GError     **error);
/* Moves the entries of @source into @self, which must be empty. */
void        _aff_journal_take_entries (AffJournal *self,
                                       AffJournal *source);

/* What an entity needs to journal its own changes: the journal its owner
 * attached and the name under which its changes are filed. A part of an
 * entity (a contact of a client) files under its owner, with one more detail
 * naming the part, so that the owner's history is one query. */
typedef struct
{
  AffJournal *journal;
  const char *kind;
  char *id;
  const char *part_key;
  char *part_value;
  gboolean closed;          /* the owner was closed: no change is recorded any more */
} AffTrack;

void  _aff_track_attach   (AffTrack   *track,
                           AffJournal *journal,
                           const char *kind,
                           const char *id,
                           const char *part_key,
                           const char *part_value);
void  _aff_track_clear    (AffTrack   *track);
/* FALSE with AFF_ERROR_CLOSED, naming the owner, once it is closed. */
gboolean _aff_track_check_open (AffTrack  *track,
                                GError   **error);
void  _aff_track_record   (AffTrack   *track,
                           const char *action,
                           JsonObject *details);
void  _aff_track_property (AffTrack   *track,
                           const char *action,
                           GObject    *object,
                           GParamSpec *pspec);

JsonNode *_aff_value_to_json (const GValue *value);

G_END_DECLS

G_BEGIN_DECLS

/* Ids name entities in the journal and the document, and appear in paths and
 * messages: printable, no spaces, at most 64 bytes. */
gboolean _aff_id_is_valid (const char *id);

G_END_DECLS
