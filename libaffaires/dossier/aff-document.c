/* aff-document.c: one revision of a document or deliverable of an affair
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-enum-types.h"
#include "aff-dossier-private.h"

/**
 * AffDocument:
 *
 * One revision of a document or deliverable in the register of an affair:
 * its reference, revision letter (A, then B…), title, status, the task or
 * lot it belongs to, the day it was sent to the client and the day the
 * client approved it, and where the file is (a URI: the library keeps the
 * register, not the files).
 *
 * A document is prepared with its setters and added to the dossier as
 * revision A ([method@Aff.Dossier.add_document]); the dossier issues,
 * approves and revises it ([method@Aff.Dossier.revise_document] makes the
 * next revision and supersedes this one).
 */

G_DEFINE_FINAL_TYPE (AffDocument, aff_document, G_TYPE_OBJECT)

static void
aff_document_finalize (GObject *object)
{
  AffDocument *self = AFF_DOCUMENT (object);

  g_free (self->reference);
  g_free (self->revision);
  g_free (self->title);
  g_free (self->deliverable);
  g_free (self->uri);
  G_OBJECT_CLASS (aff_document_parent_class)->finalize (object);
}

static void
aff_document_class_init (AffDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aff_document_finalize;
}

static void
aff_document_init (AffDocument *self)
{
  g_date_clear (&self->created, 1);
  g_date_clear (&self->sent, 1);
  g_date_clear (&self->approved, 1);
}

/**
 * aff_document_new:
 * @reference: the document's reference, the same for all its revisions
 * @title: what the document is
 *
 * Creates revision A of a document, a draft.
 *
 * Returns: (transfer full): a new document
 */
AffDocument *
aff_document_new (const char *reference,
                  const char *title)
{
  AffDocument *self;

  g_return_val_if_fail (reference != NULL && title != NULL, NULL);

  self = g_object_new (AFF_TYPE_DOCUMENT, NULL);
  self->reference = g_strdup (reference);
  self->revision = g_strdup ("A");
  self->title = g_strdup (title);
  return self;
}

/**
 * aff_document_get_reference:
 * @self: a document
 *
 * Gets the document's reference.
 *
 * Returns: the reference
 */
const char *
aff_document_get_reference (AffDocument *self)
{
  g_return_val_if_fail (AFF_IS_DOCUMENT (self), NULL);
  return self->reference;
}

/**
 * aff_document_get_revision:
 * @self: a document
 *
 * Gets the revision letter: A for the first, then B, and AA after Z.
 *
 * Returns: the revision
 */
const char *
aff_document_get_revision (AffDocument *self)
{
  g_return_val_if_fail (AFF_IS_DOCUMENT (self), NULL);
  return self->revision;
}

/**
 * aff_document_get_title:
 * @self: a document
 *
 * Gets what the document is.
 *
 * Returns: the title
 */
const char *
aff_document_get_title (AffDocument *self)
{
  g_return_val_if_fail (AFF_IS_DOCUMENT (self), NULL);
  return self->title;
}

/**
 * aff_document_get_status:
 * @self: a document
 *
 * Gets where the revision stands.
 *
 * Returns: the status
 */
AffDocumentStatus
aff_document_get_status (AffDocument *self)
{
  g_return_val_if_fail (AFF_IS_DOCUMENT (self), AFF_DOCUMENT_STATUS_DRAFT);
  return self->status;
}

/**
 * aff_document_get_deliverable:
 * @self: a document
 *
 * Gets the task or lot the document belongs to.
 *
 * Returns: (nullable): the task's id or the lot
 */
const char *
aff_document_get_deliverable (AffDocument *self)
{
  g_return_val_if_fail (AFF_IS_DOCUMENT (self), NULL);
  return self->deliverable;
}

/**
 * aff_document_set_deliverable:
 * @self: a document not yet in a dossier
 * @deliverable: (nullable): the task's id or the lot it belongs to
 *
 * Sets the task or lot the document belongs to.
 */
void
aff_document_set_deliverable (AffDocument *self,
                              const char  *deliverable)
{
  g_return_if_fail (AFF_IS_DOCUMENT (self));
  g_return_if_fail (!self->recorded);
  g_free (self->deliverable);
  self->deliverable = g_strdup (deliverable);
}

/**
 * aff_document_get_uri:
 * @self: a document
 *
 * Gets where the file of this revision is.
 *
 * Returns: (nullable): the URI
 */
const char *
aff_document_get_uri (AffDocument *self)
{
  g_return_val_if_fail (AFF_IS_DOCUMENT (self), NULL);
  return self->uri;
}

/**
 * aff_document_set_uri:
 * @self: a document not yet in a dossier
 * @uri: (nullable): where the file is, such as
 *   `file:///affaires/OFF-1/plan-qualite-A.pdf`
 *
 * Sets where the file of this revision is.
 */
void
aff_document_set_uri (AffDocument *self,
                      const char  *uri)
{
  g_return_if_fail (AFF_IS_DOCUMENT (self));
  g_return_if_fail (!self->recorded);
  g_free (self->uri);
  self->uri = g_strdup (uri);
}

/**
 * aff_document_get_created:
 * @self: a document
 *
 * Gets the day this revision was registered.
 *
 * Returns: (transfer none) (nullable): the day, %NULL before it is in a
 *   dossier
 */
const GDate *
aff_document_get_created (AffDocument *self)
{
  g_return_val_if_fail (AFF_IS_DOCUMENT (self), NULL);
  return g_date_valid (&self->created) ? &self->created : NULL;
}

/**
 * aff_document_get_sent:
 * @self: a document
 *
 * Gets the day this revision was sent to the client.
 *
 * Returns: (transfer none) (nullable): the day, %NULL while not issued
 */
const GDate *
aff_document_get_sent (AffDocument *self)
{
  g_return_val_if_fail (AFF_IS_DOCUMENT (self), NULL);
  return g_date_valid (&self->sent) ? &self->sent : NULL;
}

/**
 * aff_document_get_approved:
 * @self: a document
 *
 * Gets the day the client approved this revision.
 *
 * Returns: (transfer none) (nullable): the day, %NULL while not approved
 */
const GDate *
aff_document_get_approved (AffDocument *self)
{
  g_return_val_if_fail (AFF_IS_DOCUMENT (self), NULL);
  return g_date_valid (&self->approved) ? &self->approved : NULL;
}

char *
_aff_document_next_revision (const char *revision)
{
  GString *next = g_string_new (revision);
  gssize i;

  /* Counting in letters: Z carries, as 9 does. */
  for (i = (gssize) next->len - 1; i >= 0; i--)
    {
      if (next->str[i] != 'Z')
        {
          next->str[i]++;
          return g_string_free (next, FALSE);
        }
      next->str[i] = 'A';
    }
  g_string_prepend_c (next, 'A');
  return g_string_free (next, FALSE);
}

static gboolean
is_revision (const char *text)
{
  const char *p;

  if (text == NULL || *text == '\0' || strlen (text) > 8)
    return FALSE;
  for (p = text; *p != '\0'; p++)
    if (*p < 'A' || *p > 'Z')
      return FALSE;
  return TRUE;
}

void
_aff_document_to_json (AffDocument *self,
                       JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  aff_json_add_string (builder, "reference", self->reference);
  aff_json_add_string (builder, "revision", self->revision);
  aff_json_add_string (builder, "title", self->title);
  aff_json_add_enum (builder, "status", AFF_TYPE_DOCUMENT_STATUS, self->status);
  aff_json_add_string (builder, "deliverable", self->deliverable);
  aff_json_add_string (builder, "uri", self->uri);
  aff_json_add_date (builder, "created", &self->created);
  aff_json_add_date (builder, "sent", &self->sent);
  aff_json_add_date (builder, "approved", &self->approved);
  json_builder_end_object (builder);
}

AffDocument *
_aff_document_from_json (AffJsonReader *reader,
                         JsonNode      *node,
                         GError       **error)
{
  static const char *const members[] = { "reference", "revision", "title", "status", "deliverable", "uri",
                                         "created", "sent", "approved", NULL };
  g_autoptr(AffDocument) self = g_object_new (AFF_TYPE_DOCUMENT, NULL);
  JsonObject *object;
  int status = 0;

  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_string (reader, object, "reference", TRUE, &self->reference, error) ||
      !aff_json_get_string (reader, object, "revision", TRUE, &self->revision, error) ||
      !aff_json_get_string (reader, object, "title", TRUE, &self->title, error) ||
      !aff_json_get_enum (reader, object, "status", TRUE, AFF_TYPE_DOCUMENT_STATUS, &status, error) ||
      !aff_json_get_string (reader, object, "deliverable", FALSE, &self->deliverable, error) ||
      !aff_json_get_string (reader, object, "uri", FALSE, &self->uri, error) ||
      !aff_json_get_date (reader, object, "created", TRUE, &self->created, error) ||
      !aff_json_get_date (reader, object, "sent", FALSE, &self->sent, error) ||
      !aff_json_get_date (reader, object, "approved", status == AFF_DOCUMENT_STATUS_APPROVED, &self->approved,
                          error))
    return NULL;
  if (!_aff_id_is_valid (self->reference))
    return aff_json_reader_fail_at (reader, "reference", error,
                                    _("expected a reference of 1 to 64 bytes without spaces")), NULL;
  if (!is_revision (self->revision))
    return aff_json_reader_fail_at (reader, "revision", error, _("expected 1 to 8 capital letters, such as “B”")),
           NULL;
  if (*self->title == '\0')
    return aff_json_reader_fail_at (reader, "title", error, _("expected what the document is")), NULL;
  if (status == AFF_DOCUMENT_STATUS_SUPERSEDED && !g_date_valid (&self->sent))
    return aff_json_reader_fail_at (reader, "sent", error, _("expected the day it was sent: only a revision sent is "
                                                             "superseded")), NULL;
  if (status == AFF_DOCUMENT_STATUS_DRAFT && g_date_valid (&self->sent))
    return aff_json_reader_fail_at (reader, "sent", error, _("expected only once the document is issued")), NULL;
  if (status != AFF_DOCUMENT_STATUS_DRAFT && !g_date_valid (&self->sent))
    return aff_json_reader_fail (reader, error, _("expected the day it was sent, “sent”")), NULL;
  if (g_date_valid (&self->sent) && g_date_compare (&self->sent, &self->created) < 0)
    return aff_json_reader_fail_at (reader, "sent", error, _("expected a day no earlier than “created”")), NULL;
  if (g_date_valid (&self->approved) && (!g_date_valid (&self->sent) ||
                                         g_date_compare (&self->approved, &self->sent) < 0))
    return aff_json_reader_fail_at (reader, "approved", error, _("expected a day no earlier than “sent”")), NULL;
  self->status = status;
  self->recorded = TRUE;
  return g_steal_pointer (&self);
}
