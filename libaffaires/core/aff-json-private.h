/* aff-json-private.h: strict reading and canonical writing of JSON
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "aff-money.h"

G_BEGIN_DECLS


/* Limits that keep a hostile document from exhausting the stack or memory. */
#define AFF_JSON_MAX_DEPTH 64
#define AFF_JSON_MAX_STRING (16 * 1024 * 1024)
#define AFF_JSON_MAX_DOCUMENT ((gsize) 512 * 1024 * 1024)

/* The one JSON value @data holds, strictly as RFC 8259 says, or NULL with
 * AFF_ERROR_INVALID_DOCUMENT naming the JSON path, line and column. Also
 * refused: nesting deeper than AFF_JSON_MAX_DEPTH, strings and documents
 * beyond the limits, integers beyond 64 bits, U+0000, a repeated member
 * name, a byte order mark. An integer literal gives an int node; one with
 * a fraction or an exponent a double. */
JsonNode   *aff_json_parse           (const char  *data,
                                      gssize       length,
                                      GError     **error);

/* json-glib 1.6's generator escapes U+0000 to U+001E but writes U+001F
 * raw, which RFC 8259 forbids and strict readers refuse: this escapes it
 * in text the generator wrote. */
void        aff_json_escape_generated (GString    *text);

/* The JSON path of the member being read, for error messages. */
typedef struct
{
  GString *path;
} AffJsonReader;

void        aff_json_reader_init     (AffJsonReader *reader);
void        aff_json_reader_clear    (AffJsonReader *reader);
gsize       aff_json_reader_push_member (AffJsonReader *reader,
                                         const char    *name);
gsize       aff_json_reader_push_index  (AffJsonReader *reader,
                                         guint          index);
void        aff_json_reader_pop      (AffJsonReader *reader,
                                      gsize          mark);
gboolean    aff_json_reader_fail     (AffJsonReader *reader,
                                      GError       **error,
                                      const char    *format,
                                      ...) G_GNUC_PRINTF (3, 4);
gboolean    aff_json_reader_fail_at  (AffJsonReader *reader,
                                      const char    *member,
                                      GError       **error,
                                      const char    *format,
                                      ...) G_GNUC_PRINTF (4, 5);

gboolean    aff_json_check_members   (AffJsonReader     *reader,
                                      JsonObject        *object,
                                      const char *const *allowed,
                                      GError           **error);
JsonObject *aff_json_expect_object   (AffJsonReader *reader,
                                      JsonNode      *node,
                                      GError       **error);
gboolean    aff_json_get_array       (AffJsonReader *reader,
                                      JsonObject    *object,
                                      const char    *member,
                                      JsonArray    **out,
                                      GError       **error);
gboolean    aff_json_get_object      (AffJsonReader *reader,
                                      JsonObject    *object,
                                      const char    *member,
                                      JsonObject   **out,
                                      GError       **error);
gboolean    aff_json_get_string      (AffJsonReader *reader,
                                      JsonObject    *object,
                                      const char    *member,
                                      gboolean       required,
                                      char         **out,
                                      GError       **error);
gboolean    aff_json_get_int         (AffJsonReader *reader,
                                      JsonObject    *object,
                                      const char    *member,
                                      gboolean       required,
                                      gint64         min,
                                      gint64         max,
                                      gint64        *out,
                                      GError       **error);
/* A required true or false. */
gboolean    aff_json_get_boolean     (AffJsonReader *reader,
                                      JsonObject    *object,
                                      const char    *member,
                                      gboolean      *out,
                                      GError       **error);
gboolean    aff_json_get_date        (AffJsonReader *reader,
                                      JsonObject    *object,
                                      const char    *member,
                                      gboolean       required,
                                      GDate         *out,
                                      GError       **error);
gboolean    aff_json_get_money       (AffJsonReader *reader,
                                      JsonObject    *object,
                                      const char    *member,
                                      gboolean       required,
                                      AffMoney     **out,
                                      GError       **error);
gboolean    aff_json_get_enum        (AffJsonReader *reader,
                                      JsonObject    *object,
                                      const char    *member,
                                      gboolean       required,
                                      GType          enum_type,
                                      int           *out,
                                      GError       **error);
/* Calls @func on each element of the array @member, with the reader's path
 * at that element; stops at the first failure. An absent member is empty. */
typedef gboolean (*AffJsonElementFunc) (AffJsonReader *reader,
                                        JsonNode      *element,
                                        guint          index,
                                        gpointer       data,
                                        GError       **error);

gboolean    aff_json_read_array      (AffJsonReader      *reader,
                                      JsonObject         *object,
                                      const char         *member,
                                      AffJsonElementFunc  func,
                                      gpointer            data,
                                      GError            **error);
gboolean    aff_json_get_flags       (AffJsonReader *reader,
                                      JsonObject    *object,
                                      const char    *member,
                                      GType          flags_type,
                                      guint         *out,
                                      GError       **error);
gboolean    aff_json_get_strv        (AffJsonReader *reader,
                                      JsonObject    *object,
                                      const char    *member,
                                      char        ***out,
                                      GError       **error);

/* Writing. Optional members are left out when unset. */
void        aff_json_add_string      (JsonBuilder   *builder,
                                      const char    *member,
                                      const char    *value);
void        aff_json_add_int         (JsonBuilder   *builder,
                                      const char    *member,
                                      gint64         value);
void        aff_json_add_boolean     (JsonBuilder   *builder,
                                      const char    *member,
                                      gboolean       value);
void        aff_json_add_date        (JsonBuilder   *builder,
                                      const char    *member,
                                      const GDate   *date);
void        aff_json_add_money       (JsonBuilder   *builder,
                                      const char    *member,
                                      const AffMoney *money);
void        aff_json_add_enum        (JsonBuilder   *builder,
                                      const char    *member,
                                      GType          enum_type,
                                      int            value);
void        aff_json_add_flags       (JsonBuilder   *builder,
                                      const char    *member,
                                      GType          flags_type,
                                      guint          flags);
void        aff_json_add_strv        (JsonBuilder   *builder,
                                      const char    *member,
                                      const char * const *values);

/* Canonical JSON for hashing: sorted keys, no whitespace, minimal escaping. */
gboolean    aff_json_write_canonical (GString       *out,
                                      JsonNode      *node);
void        aff_json_write_canonical_string (GString    *out,
                                             const char *text);
/* The SHA-256 of @node's canonical form, in lowercase hexadecimal: the
 * seal the journal keeps of a record that must not change any more. NULL
 * when @node holds what has no canonical form (a fraction). */
char       *aff_json_seal            (JsonNode      *node);

/* Dates as ISO 8601 calendar dates (YYYY-MM-DD). */
char       *aff_date_to_iso          (const GDate   *date);
gboolean    aff_date_from_iso        (const char    *text,
                                      GDate         *date);
const char *aff_enum_to_nick         (GType          enum_type,
                                      int            value);

G_END_DECLS
