/* aff-journal.h: the tamper-evident history of a portfolio
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <glib-object.h>

#include "aff-version-macros.h"

G_BEGIN_DECLS

/**
 * AFF_JOURNAL_HASH_FORMAT:
 *
 * The version of the canonical serialisation that journal hashes cover.
 */
#define AFF_JOURNAL_HASH_FORMAT 1

#define AFF_TYPE_JOURNAL_ENTRY (aff_journal_entry_get_type ())

typedef struct _AffJournalEntry AffJournalEntry;

AFF_AVAILABLE_IN_ALL
GType            aff_journal_entry_get_type          (void) G_GNUC_CONST;
AFF_AVAILABLE_IN_ALL
AffJournalEntry *aff_journal_entry_ref               (AffJournalEntry *entry);
AFF_AVAILABLE_IN_ALL
void             aff_journal_entry_unref             (AffJournalEntry *entry);
AFF_AVAILABLE_IN_ALL
guint64          aff_journal_entry_get_sequence      (const AffJournalEntry *entry);
AFF_AVAILABLE_IN_ALL
GDateTime       *aff_journal_entry_get_timestamp     (const AffJournalEntry *entry);
AFF_AVAILABLE_IN_ALL
const char      *aff_journal_entry_get_actor         (const AffJournalEntry *entry);
AFF_AVAILABLE_IN_ALL
const char      *aff_journal_entry_get_entity_kind   (const AffJournalEntry *entry);
AFF_AVAILABLE_IN_ALL
const char      *aff_journal_entry_get_entity_id     (const AffJournalEntry *entry);
AFF_AVAILABLE_IN_ALL
const char      *aff_journal_entry_get_action        (const AffJournalEntry *entry);
AFF_AVAILABLE_IN_ALL
const char      *aff_journal_entry_get_details       (const AffJournalEntry *entry);
AFF_AVAILABLE_IN_ALL
char            *aff_journal_entry_dup_detail        (const AffJournalEntry *entry,
                                                      const char            *key);
AFF_AVAILABLE_IN_ALL
const char      *aff_journal_entry_get_previous_hash (const AffJournalEntry *entry);
AFF_AVAILABLE_IN_ALL
const char      *aff_journal_entry_get_hash          (const AffJournalEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AffJournalEntry, aff_journal_entry_unref)

/**
 * AffClockFunc:
 * @user_data: the data given with the function
 *
 * Tells the journal what time it is. Tests and replays set one so that
 * journal timestamps are reproducible.
 *
 * Returns: (transfer full): the current instant; converted to UTC by the journal
 */
typedef GDateTime *(*AffClockFunc) (gpointer user_data);

#define AFF_TYPE_JOURNAL (aff_journal_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffJournal, aff_journal, AFF, JOURNAL, GObject)

AFF_AVAILABLE_IN_ALL
AffJournal      *aff_journal_new            (void) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
guint            aff_journal_get_n_entries  (AffJournal  *self);
AFF_AVAILABLE_IN_ALL
AffJournalEntry *aff_journal_get_entry      (AffJournal  *self,
                                             guint        index);
AFF_AVAILABLE_IN_ALL
const char      *aff_journal_get_head_hash  (AffJournal  *self);
AFF_AVAILABLE_IN_ALL
gboolean         aff_journal_verify         (AffJournal  *self,
                                             GError     **error);
AFF_AVAILABLE_IN_ALL
GPtrArray       *aff_journal_list_entries_for (AffJournal *self,
                                               const char *entity_kind,
                                               const char *entity_id);
AFF_AVAILABLE_IN_ALL
const char      *aff_journal_get_actor      (AffJournal  *self);
AFF_AVAILABLE_IN_ALL
void             aff_journal_set_actor      (AffJournal  *self,
                                             const char  *actor);
AFF_AVAILABLE_IN_ALL
void             aff_journal_set_clock      (AffJournal    *self,
                                             AffClockFunc   func,
                                             gpointer       user_data,
                                             GDestroyNotify destroy);
AFF_AVAILABLE_IN_ALL
void             aff_journal_set_fixed_time (AffJournal  *self,
                                             GDateTime   *now);

G_END_DECLS
