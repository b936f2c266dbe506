/* aff-json.c: strict reading and canonical writing of JSON
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-json-private.h"

/* ---- The guard: a lexical pass before json-glib sees the bytes ---------- */

typedef struct
{
  char kind;            /* '{' or '[' */
  gboolean expect_key;
  guint index;
  const char *key;
  gsize key_len;
} Frame;

typedef struct
{
  const char *data;
  gsize length;
  Frame frames[AFF_JSON_MAX_DEPTH];
  GHashTable *keys[AFF_JSON_MAX_DEPTH];   /* member names seen, per open object */
  guint depth;
} Guard;

static void
position_of (const char *data,
             const char *at,
             guint      *line,
             guint      *column)
{
  const char *p;

  *line = 1;
  *column = 1;
  for (p = data; p < at; p++)
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) *p & 0xC0) != 0x80)
        (*column)++;
    }
}

static gboolean
guard_fail (Guard      *guard,
            const char *at,
            GError    **error,
            const char *message)
{
  g_autoptr(GString) path = g_string_new ("$");
  guint line, column, i;

  for (i = 0; i < guard->depth; i++)
    {
      const Frame *frame = &guard->frames[i];

      if (frame->kind == '[')
        g_string_append_printf (path, "[%u]", frame->index);
      else if (frame->key != NULL)
        {
          g_string_append_c (path, '.');
          g_string_append_len (path, frame->key, frame->key_len);
        }
    }
  position_of (guard->data, at, &line, &column);
  g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT,
               _("%s: %s (line %u, column %u)"), path->str, message, line, column);
  return FALSE;
}

static gboolean
hex4 (const char *p,
      const char *end,
      guint      *value)
{
  guint i;

  *value = 0;
  if (end - p < 4)
    return FALSE;
  for (i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return FALSE;
      *value = *value * 16 + g_ascii_xdigit_value (p[i]);
    }
  return TRUE;
}

/* Scans the string starting at the opening quote; returns the byte after
 * the closing quote, or NULL with @error set. An unterminated string returns
 * the end of the data with *@unterminated set, left for json-glib to report. */
static const char *
guard_string (Guard       *guard,
              const char  *p,
              gboolean    *unterminated,
              GError     **error)
{
  const char *start = p++;
  const char *end = guard->data + guard->length;

  while (p < end && *p != '"')
    {
      if ((gsize) (p - start) > AFF_JSON_MAX_STRING)
        return guard_fail (guard, start, error, _("a string is longer than 16 MiB")), NULL;
      if ((guchar) *p < 0x20)
        return guard_fail (guard, p, error, _("control character inside a string; write it escaped")), NULL;
      if (*p == '\\' && p + 1 < end && p[1] == 'u')
        {
          guint unit, low;

          if (!hex4 (p + 2, end, &unit))
            return guard_fail (guard, p, error, _("a string has a \\u escape without four hexadecimal digits")), NULL;
          if (unit == 0)
            return guard_fail (guard, p, error, _("a string contains the character U+0000")), NULL;
          if (unit >= 0xDC00 && unit <= 0xDFFF)
            return guard_fail (guard, p, error, _("a string contains an unpaired surrogate escape")), NULL;
          if (unit >= 0xD800 && unit <= 0xDBFF)
            {
              if (end - p < 12 || p[6] != '\\' || p[7] != 'u' || !hex4 (p + 8, end, &low) ||
                  low < 0xDC00 || low > 0xDFFF)
                return guard_fail (guard, p, error, _("a string contains an unpaired surrogate escape")), NULL;
              p += 12;
              continue;
            }
          p += 6;
          continue;
        }
      /* json-glib 1.6 lets malformed escapes through as garbled text. */
      if (*p == '\\' && (p + 1 >= end || strchr ("\"\\/bfnrt", p[1]) == NULL || p[1] == '\0'))
        return guard_fail (guard, p, error, _("a string has an invalid escape")), NULL;
      p += (*p == '\\') ? 2 : 1;
    }
  if (p >= end)
    return *unterminated = TRUE, end;
  return p + 1;
}

static const char *
guard_number (Guard       *guard,
              const char  *p,
              GError     **error)
{
  const char *start = p;
  const char *end = guard->data + guard->length;
  gboolean integer = TRUE;
  guint64 magnitude = 0;
  gboolean overflow = FALSE;
  gboolean negative = FALSE;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  for (; p < end && g_ascii_isdigit (*p); p++)
    {
      guint digit = *p - '0';

      if (magnitude > (G_MAXUINT64 - digit) / 10)
        overflow = TRUE;
      else
        magnitude = magnitude * 10 + digit;
    }
  for (; p < end && (g_ascii_isdigit (*p) || *p == '.' || *p == 'e' || *p == 'E' ||
                     *p == '+' || *p == '-'); p++)
    integer = FALSE;

  if (integer && (overflow || magnitude > (guint64) G_MAXINT64 + (negative ? 1 : 0)))
    return guard_fail (guard, start, error, _("a number does not fit in 64 bits")), NULL;
  if (!integer)
    {
      g_autofree char *literal = g_strndup (start, p - start);

      if (!isfinite (g_ascii_strtod (literal, NULL)))
        return guard_fail (guard, start, error, _("a number does not fit in a double")), NULL;
    }
  return p;
}

/* Refuses what would make json-glib recurse without bound, allocate without
 * bound, or silently change a value (integers beyond 64 bits, U+0000 cutting
 * a string short), and names where it is with a JSON path. */
static gboolean
guard_scan (Guard       *guard,
            GError     **error)
{
  const char *p = guard->data, *end = guard->data + guard->length;
  gboolean done = FALSE;

  while (p < end)
    {
      Frame *top = guard->depth ? &guard->frames[guard->depth - 1] : NULL;

      if (done && !g_ascii_isspace (*p))
        return guard_fail (guard, p, error, _("unexpected content after the end of the document"));
      switch (*p)
        {
        case '{':
        case '[':
          if (guard->depth == AFF_JSON_MAX_DEPTH)
            return guard_fail (guard, p, error, _("nesting is deeper than 64 levels"));
          guard->frames[guard->depth] = (Frame) { *p, *p == '{', 0, NULL, 0 };
          if (*p == '{' && guard->keys[guard->depth] != NULL)
            g_hash_table_remove_all (guard->keys[guard->depth]);
          guard->depth++;
          p++;
          break;
        case '}':
        case ']':
          if (guard->depth > 0 && --guard->depth == 0)
            done = TRUE;
          p++;
          break;
        case ',':
          if (top != NULL && top->kind == '[')
            top->index++;
          else if (top != NULL)
            top->expect_key = TRUE;
          p++;
          break;
        case '"':
          {
            const char *start = p;
            gboolean unterminated = FALSE;

            p = guard_string (guard, p, &unterminated, error);
            if (p == NULL)
              return FALSE;
            if (unterminated)
              return TRUE;
            if (top != NULL && top->kind == '{' && top->expect_key)
              {
                GHashTable **keys = &guard->keys[guard->depth - 1];
                char *key = g_strndup (start + 1, p - start - 2);

                top->expect_key = FALSE;
                if (*keys == NULL)
                  *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
                if (!g_hash_table_add (*keys, key))
                  {
                    top->key = NULL;
                    return guard_fail (guard, start, error, _("a member name is repeated in one object"));
                  }
                top->key = start + 1;
                top->key_len = p - start - 2;
              }
            else if (guard->depth == 0)
              done = TRUE;
          }
          break;
        default:
          if (*p == '-' || g_ascii_isdigit (*p))
            {
              p = guard_number (guard, p, error);
              if (p == NULL)
                return FALSE;
              done = guard->depth == 0;
            }
          else
            p++;
          break;
        }
    }
  return TRUE;
}

/* Refuses what would make json-glib recurse without bound, allocate without
 * bound, silently change a value (integers beyond 64 bits, U+0000 cutting a
 * string short) or silently drop one (a repeated member name, a second
 * document after the first), and names where it is with a JSON path. */
gboolean
aff_json_guard (const char  *data,
                gsize        length,
                GError     **error)
{
  Guard guard = { data, length, { { 0 } }, { NULL }, 0 };
  const char *bad;
  gboolean ok;
  guint i;

  if (length > AFF_JSON_MAX_DOCUMENT)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT,
                        _("$: the document is larger than 512 MiB")), FALSE;
  if (!g_utf8_validate_len (data, length, &bad))
    return guard_fail (&guard, bad, error, _("the document is not valid UTF-8"));
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    return guard_fail (&guard, data, error, _("the document starts with a byte order mark"));

  ok = guard_scan (&guard, error);
  for (i = 0; i < AFF_JSON_MAX_DEPTH; i++)
    if (guard.keys[i] != NULL)
      g_hash_table_unref (guard.keys[i]);
  return ok;
}

JsonNode *
aff_json_parse (const char  *data,
                gssize       length,
                GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (length < 0)
    length = strlen (data);
  if (!aff_json_guard (data, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      int line = 0, column = 0;
      const char *message = local_error->message;
      const char *colon = strstr (message, "<data>:");

      /* json-glib writes "<data>:LINE:COL: Parse error: …". */
      if (colon != NULL && sscanf (colon, "<data>:%d:%d:", &line, &column) == 2)
        {
          const char *rest = strstr (colon, ": ");

          rest = rest ? strstr (rest + 2, ": ") : NULL;
          g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT,
                       _("$: not valid JSON at line %d, column %d: %s"),
                       line, column, rest ? rest + 2 : message);
        }
      else
        g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT,
                     _("$: not valid JSON (line unknown): %s"), message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT,
                   _("$: the document is empty (line 1)"));
      return NULL;
    }
  return json_node_ref (root);
}

/* ---- The reader: paths and typed members ------------------------------- */

void
aff_json_reader_init (AffJsonReader *reader)
{
  reader->path = g_string_new ("$");
}

void
aff_json_reader_clear (AffJsonReader *reader)
{
  if (reader->path != NULL)
    g_string_free (reader->path, TRUE);
  reader->path = NULL;
}

static gboolean
is_identifier (const char *name)
{
  const char *p;

  if (*name == '\0' || g_ascii_isdigit (*name))
    return FALSE;
  for (p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

gsize
aff_json_reader_push_member (AffJsonReader *reader,
                             const char    *name)
{
  gsize mark = reader->path->len;

  if (is_identifier (name))
    g_string_append_printf (reader->path, ".%s", name);
  else
    {
      g_autofree char *escaped = g_strescape (name, NULL);
      g_string_append_printf (reader->path, "[\"%s\"]", escaped);
    }
  return mark;
}

gsize
aff_json_reader_push_index (AffJsonReader *reader,
                            guint          index)
{
  gsize mark = reader->path->len;

  g_string_append_printf (reader->path, "[%u]", index);
  return mark;
}

void
aff_json_reader_pop (AffJsonReader *reader,
                     gsize          mark)
{
  g_string_truncate (reader->path, mark);
}

static void
set_document_error (AffJsonReader *reader,
                    GError       **error,
                    const char    *format,
                    va_list        args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  /* Translators: a JSON path, then what is wrong there. */
  g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT, _("%s: %s"),
               reader->path->str, message);
}

gboolean
aff_json_reader_fail (AffJsonReader *reader,
                      GError       **error,
                      const char    *format,
                      ...)
{
  va_list args;

  va_start (args, format);
  set_document_error (reader, error, format, args);
  va_end (args);
  return FALSE;
}

gboolean
aff_json_reader_fail_at (AffJsonReader *reader,
                         const char    *member,
                         GError       **error,
                         const char    *format,
                         ...)
{
  gsize mark = aff_json_reader_push_member (reader, member);
  va_list args;

  va_start (args, format);
  set_document_error (reader, error, format, args);
  va_end (args);
  aff_json_reader_pop (reader, mark);
  return FALSE;
}

gboolean
aff_json_check_members (AffJsonReader     *reader,
                        JsonObject        *object,
                        const char *const *allowed,
                        GError           **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    if (!g_strv_contains (allowed, name))
      return aff_json_reader_fail_at (reader, name, error, _("unexpected member"));
  return TRUE;
}

JsonObject *
aff_json_expect_object (AffJsonReader *reader,
                        JsonNode      *node,
                        GError       **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      aff_json_reader_fail (reader, error, _("expected an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

static JsonNode *
member_or_missing (AffJsonReader *reader,
                   JsonObject    *object,
                   const char    *member,
                   gboolean       required,
                   GError       **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && required)
    aff_json_reader_fail_at (reader, member, error, _("missing required member"));
  return node;
}

gboolean
aff_json_get_array (AffJsonReader *reader,
                    JsonObject    *object,
                    const char    *member,
                    JsonArray    **out,
                    GError       **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return aff_json_reader_fail_at (reader, member, error, _("expected an array"));
  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
aff_json_get_object (AffJsonReader *reader,
                     JsonObject    *object,
                     const char    *member,
                     JsonObject   **out,
                     GError       **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return aff_json_reader_fail_at (reader, member, error, _("expected an object"));
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
holds_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
aff_json_get_string (AffJsonReader *reader,
                     JsonObject    *object,
                     const char    *member,
                     gboolean       required,
                     char         **out,
                     GError       **error)
{
  JsonNode *node = member_or_missing (reader, object, member, required, error);

  *out = NULL;
  if (node == NULL)
    return !required;
  if (!holds_string (node))
    return aff_json_reader_fail_at (reader, member, error, _("expected a string"));
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

gboolean
aff_json_get_int (AffJsonReader *reader,
                  JsonObject    *object,
                  const char    *member,
                  gboolean       required,
                  gint64         min,
                  gint64         max,
                  gint64        *out,
                  GError       **error)
{
  JsonNode *node = member_or_missing (reader, object, member, required, error);
  gint64 value;

  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      (value = json_node_get_int (node)) < min || value > max)
    return aff_json_reader_fail_at (reader, member, error,
                                    _("expected a whole number from %" PRId64
                                      " to %" PRId64),
                                    min, max);
  *out = value;
  return TRUE;
}

gboolean
aff_json_get_date (AffJsonReader *reader,
                   JsonObject    *object,
                   const char    *member,
                   gboolean       required,
                   GDate         *out,
                   GError       **error)
{
  JsonNode *node = member_or_missing (reader, object, member, required, error);

  g_date_clear (out, 1);
  if (node == NULL)
    return !required;
  if (!holds_string (node) || !aff_date_from_iso (json_node_get_string (node), out))
    return aff_json_reader_fail_at (reader, member, error,
                                    _("expected a calendar date written YYYY-MM-DD"));
  return TRUE;
}

gboolean
aff_json_get_money (AffJsonReader *reader,
                    JsonObject    *object,
                    const char    *member,
                    gboolean       required,
                    AffMoney     **out,
                    GError       **error)
{
  JsonNode *node = member_or_missing (reader, object, member, required, error);
  g_autoptr(GError) local_error = NULL;

  *out = NULL;
  if (node == NULL)
    return !required;
  if (!holds_string (node))
    return aff_json_reader_fail_at (reader, member, error,
                                    _("expected an amount written like “1234.56 EUR”"));
  *out = aff_money_parse (json_node_get_string (node), &local_error);
  if (*out == NULL)
    return aff_json_reader_fail_at (reader, member, error, "%s", local_error->message);
  return TRUE;
}

gboolean
aff_json_get_enum (AffJsonReader *reader,
                   JsonObject    *object,
                   const char    *member,
                   gboolean       required,
                   GType          enum_type,
                   int           *out,
                   GError       **error)
{
  JsonNode *node = member_or_missing (reader, object, member, required, error);
  g_autoptr(GEnumClass) klass = NULL;
  g_autoptr(GString) nicks = NULL;
  GEnumValue *value = NULL;
  guint i;

  if (node == NULL)
    return !required;
  klass = g_type_class_ref (enum_type);
  if (holds_string (node))
    value = g_enum_get_value_by_nick (klass, json_node_get_string (node));
  if (value != NULL)
    {
      *out = value->value;
      return TRUE;
    }
  nicks = g_string_new (NULL);
  for (i = 0; i < klass->n_values; i++)
    g_string_append_printf (nicks, "%s“%s”", i ? ", " : "", klass->values[i].value_nick);
  return aff_json_reader_fail_at (reader, member, error, _("expected one of %s"), nicks->str);
}

gboolean
aff_json_read_array (AffJsonReader      *reader,
                     JsonObject         *object,
                     const char         *member,
                     AffJsonElementFunc  func,
                     gpointer            data,
                     GError            **error)
{
  JsonArray *array;
  guint i, n;

  if (!aff_json_get_array (reader, object, member, &array, error))
    return FALSE;
  n = array ? json_array_get_length (array) : 0;
  for (i = 0; i < n; i++)
    {
      gsize mark = aff_json_reader_push_member (reader, member);
      gboolean ok;

      aff_json_reader_push_index (reader, i);
      ok = func (reader, json_array_get_element (array, i), i, data, error);
      aff_json_reader_pop (reader, mark);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Flags are written as the array of their nicks, each once. */
gboolean
aff_json_get_flags (AffJsonReader *reader,
                    JsonObject    *object,
                    const char    *member,
                    GType          flags_type,
                    guint         *out,
                    GError       **error)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (flags_type);
  g_auto(GStrv) nicks = NULL;
  guint i;

  *out = 0;
  if (!aff_json_get_strv (reader, object, member, &nicks, error))
    return FALSE;
  for (i = 0; nicks != NULL && nicks[i] != NULL; i++)
    {
      GFlagsValue *value = g_flags_get_value_by_nick (klass, nicks[i]);
      gsize mark;

      if (value != NULL && value->value != 0 && (*out & value->value) == 0)
        {
          *out |= value->value;
          continue;
        }
      mark = aff_json_reader_push_member (reader, member);
      aff_json_reader_push_index (reader, i);
      aff_json_reader_fail (reader, error, value != NULL && value->value != 0
                                           ? _("expected each value once")
                                           : _("expected a known value such as “%s”"),
                            klass->values[klass->n_values > 1 && klass->values[0].value == 0].value_nick);
      aff_json_reader_pop (reader, mark);
      return FALSE;
    }
  return TRUE;
}

gboolean
aff_json_get_strv (AffJsonReader *reader,
                   JsonObject    *object,
                   const char    *member,
                   char        ***out,
                   GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  guint i, n;

  *out = NULL;
  if (!aff_json_get_array (reader, object, member, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;
  n = json_array_get_length (array);
  for (i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!holds_string (node))
        {
          gsize mark = aff_json_reader_push_member (reader, member);
          aff_json_reader_push_index (reader, i);
          aff_json_reader_fail (reader, error, _("expected a string"));
          aff_json_reader_pop (reader, mark);
          return FALSE;
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* ---- Writing ----------------------------------------------------------- */

void
aff_json_add_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

void
aff_json_add_int (JsonBuilder *builder,
                  const char  *member,
                  gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
aff_json_add_boolean (JsonBuilder *builder,
                      const char  *member,
                      gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

gboolean
aff_json_get_boolean (AffJsonReader *reader,
                      JsonObject    *object,
                      const char    *member,
                      gboolean      *out,
                      GError       **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return aff_json_reader_fail_at (reader, member, error, _("expected true or false"));
  *out = json_node_get_boolean (node);
  return TRUE;
}

void
aff_json_add_date (JsonBuilder *builder,
                   const char  *member,
                   const GDate *date)
{
  g_autofree char *text = NULL;

  if (date == NULL || !g_date_valid (date))
    return;
  text = aff_date_to_iso (date);
  aff_json_add_string (builder, member, text);
}

void
aff_json_add_money (JsonBuilder    *builder,
                    const char     *member,
                    const AffMoney *money)
{
  g_autofree char *text = NULL;

  if (money == NULL)
    return;
  text = aff_money_to_string (money);
  aff_json_add_string (builder, member, text);
}

void
aff_json_add_enum (JsonBuilder *builder,
                   const char  *member,
                   GType        enum_type,
                   int          value)
{
  aff_json_add_string (builder, member, aff_enum_to_nick (enum_type, value));
}

void
aff_json_add_flags (JsonBuilder *builder,
                    const char  *member,
                    GType        flags_type,
                    guint        flags)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (flags_type);
  guint i;

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (i = 0; i < klass->n_values; i++)
    if (klass->values[i].value != 0 && (flags & klass->values[i].value) == klass->values[i].value)
      json_builder_add_string_value (builder, klass->values[i].value_nick);
  json_builder_end_array (builder);
}

void
aff_json_add_strv (JsonBuilder        *builder,
                   const char         *member,
                   const char * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (; values != NULL && *values != NULL; values++)
    json_builder_add_string_value (builder, *values);
  json_builder_end_array (builder);
}

void
aff_json_write_canonical_string (GString    *out,
                        const char *text)
{
  const char *p;

  g_string_append_c (out, '"');
  for (p = text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

gboolean
aff_json_write_canonical (GString  *out,
                          JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      return TRUE;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint i, n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            if (!aff_json_write_canonical (out, json_array_get_element (array, i)))
              return FALSE;
          }
        g_string_append_c (out, ']');
        return TRUE;
      }

    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GPtrArray) keys = g_ptr_array_new ();
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        guint i;

        json_object_iter_init (&iter, object);
        while (json_object_iter_next (&iter, &name, &member))
          g_ptr_array_add (keys, (gpointer) name);
        g_ptr_array_sort (keys, compare_keys);
        g_string_append_c (out, '{');
        for (i = 0; i < keys->len; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            aff_json_write_canonical_string (out, keys->pdata[i]);
            g_string_append_c (out, ':');
            if (!aff_json_write_canonical (out, json_object_get_member (object, keys->pdata[i])))
              return FALSE;
          }
        g_string_append_c (out, '}');
        return TRUE;
      }

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          aff_json_write_canonical_string (out, json_node_get_string (node));
          return TRUE;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          return TRUE;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          return TRUE;
        default:
          /* Fractional numbers have no single spelling, so they cannot be hashed. */
          return FALSE;
        }
    default:
      return FALSE;
    }
}

/* ---- Dates and enumerations -------------------------------------------- */

char *
aff_date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

gboolean
aff_date_from_iso (const char *text,
                   GDate      *date)
{
  guint year, month, day, i;

  g_date_clear (date, 1);
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (year < 1 || month < 1 || month > 12 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

const char *
aff_enum_to_nick (GType enum_type,
                  int   value)
{
  GEnumClass *klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  /* Static types keep their class alive, so the nick outlives this unref. */
  g_type_class_unref (klass);
  g_return_val_if_fail (enum_value != NULL, NULL);
  return enum_value->value_nick;
}

char *
aff_json_seal (JsonNode *node)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (!aff_json_write_canonical (text, node))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text->str, text->len);
}
