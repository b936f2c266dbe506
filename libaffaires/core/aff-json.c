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

/* ---- The parser ------------------------------------------------------------
 *
 * RFC 8259 and nothing more, straight into json-glib's nodes. json-glib 1.6's
 * own parser recurses without bound, lets integers beyond 64 bits, U+0000
 * and malformed escapes through as other values, keeps the last of repeated
 * member names, and spends most of a load in its scanner and signals; this
 * one refuses all of those and names where with a JSON path. */

typedef struct
{
  char kind;            /* '{' or '[' */
  guint index;
  const char *key;      /* the member being read, as written between its quotes */
  gsize key_len;
} Frame;

typedef struct
{
  const char *data;
  const char *p;
  const char *end;
  Frame frames[AFF_JSON_MAX_DEPTH];
  guint depth;
  GString *text;        /* a string value being unescaped */
  GString *names[AFF_JSON_MAX_DEPTH];   /* the member being read, by depth */
  GError **error;
} Parser;

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

static gpointer
fail (Parser     *parser,
      const char *at,
      const char *message)
{
  g_autoptr(GString) path = g_string_new ("$");
  guint line, column, i;

  for (i = 0; i < parser->depth; i++)
    {
      const Frame *frame = &parser->frames[i];

      if (frame->kind == '[')
        g_string_append_printf (path, "[%u]", frame->index);
      else if (frame->key != NULL)
        {
          g_string_append_c (path, '.');
          g_string_append_len (path, frame->key, frame->key_len);
        }
    }
  position_of (parser->data, at, &line, &column);
  g_set_error (parser->error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT,
               _("%s: %s (line %u, column %u)"), path->str, message, line, column);
  return NULL;
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

static inline void
skip_space (Parser *parser)
{
  while (parser->p < parser->end &&
         (*parser->p == ' ' || *parser->p == '\n' || *parser->p == '\r' || *parser->p == '\t'))
    parser->p++;
}

/* The string at the opening quote, unescaped into @text; the parser is left
 * after the closing quote. */
static gboolean
read_string (Parser  *parser,
             GString *text)
{
  const char *start = parser->p++;
  const char *p = parser->p, *end = parser->end;

  g_string_truncate (text, 0);
  for (;;)
    {
      const char *run = p;
      gunichar c;

      /* U+001F raw is let through: json-glib 1.6's generator writes it so
       * (aff_json_escape_generated() says more), and documents earlier
       * versions saved with it must load. */
      while (p < end && *p != '"' && *p != '\\' && ((guchar) *p >= 0x20 || *p == 0x1F))
        p++;
      /* Before copying: a hostile string is refused without its megabytes. */
      if ((gsize) (p - start) > AFF_JSON_MAX_STRING)
        return fail (parser, start, _("a string is longer than 16 MiB")), FALSE;
      g_string_append_len (text, run, p - run);
      if (p >= end)
        return fail (parser, start, _("a string is not terminated")), FALSE;
      if (*p == '"')
        break;
      if ((guchar) *p < 0x20)
        return fail (parser, p, _("control character inside a string; write it escaped")), FALSE;
      if (p + 1 >= end)
        return fail (parser, p, _("a string has an invalid escape")), FALSE;
      switch (p[1])
        {
        case '"': case '\\': case '/': g_string_append_c (text, p[1]); break;
        case 'b': g_string_append_c (text, '\b'); break;
        case 'f': g_string_append_c (text, '\f'); break;
        case 'n': g_string_append_c (text, '\n'); break;
        case 'r': g_string_append_c (text, '\r'); break;
        case 't': g_string_append_c (text, '\t'); break;
        case 'u':
          {
            guint unit, low;

            if (!hex4 (p + 2, end, &unit))
              return fail (parser, p, _("a string has a \\u escape without four hexadecimal digits")), FALSE;
            if (unit == 0)
              return fail (parser, p, _("a string contains the character U+0000")), FALSE;
            if (unit >= 0xDC00 && unit <= 0xDFFF)
              return fail (parser, p, _("a string contains an unpaired surrogate escape")), FALSE;
            c = unit;
            if (unit >= 0xD800 && unit <= 0xDBFF)
              {
                if (end - p < 12 || p[6] != '\\' || p[7] != 'u' || !hex4 (p + 8, end, &low) ||
                    low < 0xDC00 || low > 0xDFFF)
                  return fail (parser, p, _("a string contains an unpaired surrogate escape")), FALSE;
                c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                p += 6;
              }
            g_string_append_unichar (text, c);
            p += 6;
            continue;
          }
        default:
          return fail (parser, p, _("a string has an invalid escape")), FALSE;
        }
      p += 2;
    }
  parser->p = p + 1;
  return TRUE;
}

static JsonNode *
read_number (Parser *parser)
{
  const char *start = parser->p, *p = parser->p, *end = parser->end, *digits;
  gboolean negative = FALSE, integer = TRUE, overflow = FALSE;
  guint64 magnitude = 0;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  digits = p;
  for (; p < end && g_ascii_isdigit (*p); p++)
    {
      guint digit = *p - '0';

      if (magnitude > (G_MAXUINT64 - digit) / 10)
        overflow = TRUE;
      else
        magnitude = magnitude * 10 + digit;
    }
  if (p == digits || (*digits == '0' && p - digits > 1))
    return fail (parser, start, _("a number is malformed"));
  if (p < end && *p == '.')
    {
      const char *fraction = ++p;

      integer = FALSE;
      while (p < end && g_ascii_isdigit (*p))
        p++;
      if (p == fraction)
        return fail (parser, start, _("a number is malformed"));
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      const char *exponent;

      integer = FALSE;
      if (++p < end && (*p == '+' || *p == '-'))
        p++;
      exponent = p;
      while (p < end && g_ascii_isdigit (*p))
        p++;
      if (p == exponent)
        return fail (parser, start, _("a number is malformed"));
    }
  parser->p = p;
  if (integer)
    {
      if (overflow || magnitude > (guint64) G_MAXINT64 + (negative ? 1 : 0))
        return fail (parser, start, _("a number does not fit in 64 bits"));
      return json_node_init_int (json_node_alloc (),
                                 negative ? (gint64) (0 - magnitude) : (gint64) magnitude);
    }
  else
    {
      g_autofree char *literal = g_strndup (start, p - start);
      double value = g_ascii_strtod (literal, NULL);

      if (!isfinite (value))
        return fail (parser, start, _("a number does not fit in a double"));
      return json_node_init_double (json_node_alloc (), value);
    }
}

static JsonNode *read_value (Parser *parser);

static JsonNode *
read_object (Parser *parser)
{
  Frame *frame = &parser->frames[parser->depth];
  g_autoptr(JsonObject) object = json_object_new ();
  GString *name;

  if (parser->names[parser->depth] == NULL)
    parser->names[parser->depth] = g_string_sized_new (32);
  name = parser->names[parser->depth++];

  *frame = (Frame) { '{', 0, NULL, 0 };
  parser->p++;
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == '}')
    goto done;
  for (;;)
    {
      const char *key_start = parser->p;
      JsonNode *value;
      guint size;

      if (parser->p >= parser->end || *parser->p != '"')
        return fail (parser, parser->p, _("expected a member name in double quotes"));
      if (!read_string (parser, name))
        return NULL;
      frame->key = key_start + 1;
      frame->key_len = parser->p - key_start - 2;
      skip_space (parser);
      if (parser->p >= parser->end || *parser->p != ':')
        return fail (parser, parser->p, _("expected “:” after a member name"));
      parser->p++;
      if ((value = read_value (parser)) == NULL)
        return NULL;
      /* A repeated name replaces the member: the size tells, without a
       * lookup of its own. */
      size = json_object_get_size (object);
      json_object_set_member (object, name->str, value);
      if (json_object_get_size (object) == size)
        return fail (parser, key_start, _("a member name is repeated in one object"));
      skip_space (parser);
      if (parser->p < parser->end && *parser->p == ',')
        {
          parser->p++;
          skip_space (parser);
          continue;
        }
      if (parser->p < parser->end && *parser->p == '}')
        break;
      return fail (parser, parser->p, _("expected “,” or “}”"));
    }
done:
  parser->p++;
  parser->depth--;
  return json_node_init_object (json_node_alloc (), object);
}

static JsonNode *
read_array (Parser *parser)
{
  Frame *frame = &parser->frames[parser->depth++];
  g_autoptr(JsonArray) array = json_array_new ();

  *frame = (Frame) { '[', 0, NULL, 0 };
  parser->p++;
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == ']')
    goto done;
  for (;; frame->index++)
    {
      JsonNode *value = read_value (parser);

      if (value == NULL)
        return NULL;
      json_array_add_element (array, value);
      skip_space (parser);
      if (parser->p < parser->end && *parser->p == ',')
        {
          parser->p++;
          continue;
        }
      if (parser->p < parser->end && *parser->p == ']')
        break;
      return fail (parser, parser->p, _("expected “,” or “]”"));
    }
done:
  parser->p++;
  parser->depth--;
  return json_node_init_array (json_node_alloc (), array);
}

static gboolean
literal (Parser     *parser,
         const char *word)
{
  gsize length = strlen (word);

  if ((gsize) (parser->end - parser->p) < length || memcmp (parser->p, word, length) != 0)
    return FALSE;
  parser->p += length;
  return TRUE;
}

static JsonNode *
read_value (Parser *parser)
{
  skip_space (parser);
  if (parser->p >= parser->end)
    return fail (parser, parser->p, parser->p == parser->data || parser->depth == 0
                                    ? _("the document is empty")
                                    : _("the document ends too soon"));
  switch (*parser->p)
    {
    case '{':
    case '[':
      if (parser->depth == AFF_JSON_MAX_DEPTH)
        return fail (parser, parser->p, _("nesting is deeper than 64 levels"));
      return *parser->p == '{' ? read_object (parser) : read_array (parser);
    case '"':
      if (!read_string (parser, parser->text))
        return NULL;
      return json_node_init_string (json_node_alloc (), parser->text->str);
    case 't':
      if (literal (parser, "true"))
        return json_node_init_boolean (json_node_alloc (), TRUE);
      break;
    case 'f':
      if (literal (parser, "false"))
        return json_node_init_boolean (json_node_alloc (), FALSE);
      break;
    case 'n':
      if (literal (parser, "null"))
        return json_node_init_null (json_node_alloc ());
      break;
    default:
      if (*parser->p == '-' || g_ascii_isdigit (*parser->p))
        return read_number (parser);
      break;
    }
  return fail (parser, parser->p, _("expected a value"));
}

JsonNode *
aff_json_parse (const char  *data,
                gssize       length,
                GError     **error)
{
  g_autoptr(GString) text = g_string_sized_new (256);
  Parser parser = { data, data, NULL, { { 0 } }, 0, text, { NULL }, error };
  const char *bad;
  JsonNode *root;
  guint i;

  if (length < 0)
    length = strlen (data);
  parser.end = data + length;
  if ((gsize) length > AFF_JSON_MAX_DOCUMENT)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT,
                        _("$: the document is larger than 512 MiB")), NULL;
  if (!g_utf8_validate_len (data, length, &bad))
    return fail (&parser, bad, _("the document is not valid UTF-8"));
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    return fail (&parser, data, _("the document starts with a byte order mark"));
  root = read_value (&parser);
  for (i = 0; i < AFF_JSON_MAX_DEPTH; i++)
    if (parser.names[i] != NULL)
      g_string_free (parser.names[i], TRUE);
  if (root == NULL)
    return NULL;
  skip_space (&parser);
  if (parser.p < parser.end)
    {
      json_node_unref (root);
      return fail (&parser, parser.p, _("unexpected content after the end of the document"));
    }
  return root;
}

void
aff_json_escape_generated (GString *text)
{
  /* Outside strings the byte cannot be, and inside UTF-8 sequences every
   * byte is 0x80 or more: each one is a raw U+001F in a string. */
  g_string_replace (text, "\x1F", "\\u001f", 0);
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

  /* Without printf: a load pushes a member or an index per value read. */
  if (is_identifier (name))
    {
      g_string_append_c (reader->path, '.');
      g_string_append (reader->path, name);
    }
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
  char digits[16], *p = digits + sizeof digits;

  *--p = ']';
  do
    *--p = '0' + index % 10;
  while ((index /= 10) > 0);
  *--p = '[';
  g_string_append_len (reader->path, p, digits + sizeof digits - p);
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
  /* By hand: a store reads a million of them. */
  year = (text[0] - '0') * 1000u + (text[1] - '0') * 100u + (text[2] - '0') * 10u + (text[3] - '0');
  month = (text[5] - '0') * 10u + (text[6] - '0');
  day = (text[8] - '0') * 10u + (text[9] - '0');
  if (year < 1 || month < 1 || month > 12 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

const char *
aff_enum_to_nick (GType enum_type,
                  int   value)
{
  /* Peeked, not referenced, once made: a dashboard's threads ask for
   * thousands of nicks, and the class's reference count bounced between
   * their processors. */
  GEnumClass *klass = g_type_class_peek_static (enum_type);
  GEnumValue *enum_value;
  gint64 place;

  if (klass == NULL)
    {
      /* Static types keep their class alive, so the nick outlives this unref. */
      klass = g_type_class_ref (enum_type);
      g_type_class_unref (klass);
    }
  /* glib-mkenums lists the values as declared: an enum counting from its
   * minimum has the value's entry at its place, with no search. */
  place = (gint64) value - klass->minimum;
  if (place >= 0 && place < klass->n_values && klass->values[place].value == value)
    return klass->values[place].value_nick;
  enum_value = g_enum_get_value (klass, value);
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
