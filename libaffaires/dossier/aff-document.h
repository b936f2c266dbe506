/* aff-document.h: one revision of a document or deliverable of an affair
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
 * AffDocumentStatus:
 * @AFF_DOCUMENT_STATUS_DRAFT: being written
 * @AFF_DOCUMENT_STATUS_ISSUED: sent to the client (diffusé)
 * @AFF_DOCUMENT_STATUS_APPROVED: approved by the client (visé, approuvé)
 * @AFF_DOCUMENT_STATUS_SUPERSEDED: replaced by a later revision
 *
 * Where a revision of a document stands.
 */
typedef enum {
  AFF_DOCUMENT_STATUS_DRAFT,
  AFF_DOCUMENT_STATUS_ISSUED,
  AFF_DOCUMENT_STATUS_APPROVED,
  AFF_DOCUMENT_STATUS_SUPERSEDED,
} AffDocumentStatus;

#define AFF_TYPE_DOCUMENT (aff_document_get_type ())

AFF_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AffDocument, aff_document, AFF, DOCUMENT, GObject)

AFF_AVAILABLE_IN_ALL
AffDocument       *aff_document_new               (const char   *reference,
                                                   const char   *title) G_GNUC_WARN_UNUSED_RESULT;
AFF_AVAILABLE_IN_ALL
const char        *aff_document_get_reference     (AffDocument  *self);
AFF_AVAILABLE_IN_ALL
const char        *aff_document_get_revision      (AffDocument  *self);
AFF_AVAILABLE_IN_ALL
const char        *aff_document_get_title         (AffDocument  *self);
AFF_AVAILABLE_IN_ALL
AffDocumentStatus  aff_document_get_status        (AffDocument  *self);
AFF_AVAILABLE_IN_ALL
const char        *aff_document_get_deliverable   (AffDocument  *self);
AFF_AVAILABLE_IN_ALL
void               aff_document_set_deliverable   (AffDocument  *self,
                                                   const char   *deliverable);
AFF_AVAILABLE_IN_ALL
const char        *aff_document_get_uri           (AffDocument  *self);
AFF_AVAILABLE_IN_ALL
void               aff_document_set_uri           (AffDocument  *self,
                                                   const char   *uri);
AFF_AVAILABLE_IN_ALL
const GDate       *aff_document_get_created       (AffDocument  *self);
AFF_AVAILABLE_IN_ALL
const GDate       *aff_document_get_sent          (AffDocument  *self);
AFF_AVAILABLE_IN_ALL
const GDate       *aff_document_get_approved      (AffDocument  *self);

G_END_DECLS
