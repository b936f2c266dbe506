/* test-document.c: the portfolio document, its loader and hostile input
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include <affaires.h>
#include "aff-json-private.h"

static GDate *
day (guint d, GDateMonth m, guint y)
{
  return g_date_new_dmy (d, m, y);
}

/* A portfolio that uses every member the format has. */
static AffPortfolio *
build_full_portfolio (void)
{
  AffPortfolio *portfolio = aff_portfolio_new ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 2, 8, 30, 0);
  g_autoptr(AffClient) group = aff_client_new ("G1", "Groupe Métal");
  g_autoptr(AffClient) site = aff_client_new ("S1", "Métal Lorraine — site de Hayange");
  g_autoptr(AffContact) contact = aff_contact_new ("Jeanne Roux");
  g_autoptr(AffInteraction) call = NULL, survey = NULL;
  g_autoptr(AffMoney) rate = aff_money_parse ("61.50 EUR", NULL);
  g_autoptr(GDate) d1 = day (5, G_DATE_JANUARY, 2026), d2 = day (2, G_DATE_FEBRUARY, 2026);
  g_autoptr(GDate) d3 = day (20, G_DATE_FEBRUARY, 2026), next = day (1, G_DATE_MARCH, 2026);
  g_autoptr(GError) error = NULL;
  static const char *const activities[] = { "pipework", "boilermaking", NULL };

  aff_portfolio_set_fixed_time (portfolio, now);
  aff_portfolio_set_actor (portfolio, "tester \"quoted\"\n");
  aff_portfolio_set_name (portfolio, "Agence Est");
  aff_policy_set_activities (aff_portfolio_get_policy (portfolio), activities);
  g_assert_true (aff_policy_set_labour_rate (aff_portfolio_get_policy (portfolio), "welder", rate, &error));
  aff_policy_set_follow_up_days_active (aff_portfolio_get_policy (portfolio), 45);

  g_assert_true (aff_client_set_siren (site, "732829320", &error));
  g_assert_true (aff_client_set_sector (site, "24.10Z", &error));
  aff_client_set_address (site, "Rue de l'Usine\n57700 Hayange");
  aff_client_set_follow_up_days (site, 21);
  aff_contact_set_role (contact, "acheteuse");
  aff_contact_set_email (contact, "jeanne.roux@metal.example");
  aff_contact_set_phone (contact, "+33 3 82 00 00 00");
  g_assert_true (aff_client_add_contact (site, contact, &error));
  g_assert_true (aff_portfolio_add_client (portfolio, group, &error));
  g_assert_true (aff_portfolio_add_client (portfolio, site, &error));
  g_assert_true (aff_portfolio_set_client_parent (portfolio, "S1", "G1", &error));
  g_assert_true (aff_client_change_status (site, AFF_CLIENT_STATUS_ACTIVE, d2, "commande n° 1", &error));

  call = aff_interaction_new (AFF_INTERACTION_KIND_CALL, d1, "premier appel");
  aff_interaction_set_contact (call, "Jeanne Roux");
  aff_interaction_set_next_action_date (call, next);
  g_assert_true (aff_portfolio_record_interaction (portfolio, "S1", call, &error));
  survey = aff_interaction_new (AFF_INTERACTION_KIND_SURVEY, d3, "enquête \t tabulée");
  aff_interaction_set_satisfaction (survey, 7);
  g_assert_true (aff_portfolio_record_interaction (portfolio, "S1", survey, &error));
  aff_interaction_set_summary (survey, "enquête, résumé corrigé");
  g_assert_no_error (error);
  return portfolio;
}

static void
test_round_trip (void)
{
  g_autoptr(AffPortfolio) portfolio = build_full_portfolio ();
  g_autoptr(AffPortfolio) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL, *second = NULL;
  gsize length;
  AffClient *site;

  first = aff_portfolio_to_data (portfolio, &length);
  g_assert_cmpuint (length, ==, strlen (first));
  reloaded = aff_portfolio_new_from_data (first, -1, &error);
  g_assert_no_error (error);
  second = aff_portfolio_to_data (reloaded, NULL);
  g_assert_cmpstr (first, ==, second);

  g_assert_true (aff_journal_verify (aff_portfolio_get_journal (reloaded), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aff_journal_get_n_entries (aff_portfolio_get_journal (reloaded)), ==,
                    aff_journal_get_n_entries (aff_portfolio_get_journal (portfolio)));
  g_assert_cmpstr (aff_journal_get_head_hash (aff_portfolio_get_journal (reloaded)), ==,
                   aff_journal_get_head_hash (aff_portfolio_get_journal (portfolio)));

  site = aff_portfolio_lookup_client (reloaded, "S1");
  g_assert_nonnull (site);
  g_assert_cmpstr (aff_client_get_parent_id (site), ==, "G1");
  g_assert_cmpint (aff_client_get_status (site), ==, AFF_CLIENT_STATUS_ACTIVE);
  g_assert_cmpuint (g_list_model_get_n_items (aff_client_get_interactions (site)), ==, 2);
  g_assert_cmpuint (aff_policy_get_follow_up_days_active (aff_portfolio_get_policy (reloaded)), ==, 45);

  /* Changes after a reload are journaled and chain onto the loaded entries. */
  aff_client_set_name (site, "Métal Lorraine");
  g_assert_true (aff_journal_verify (aff_portfolio_get_journal (reloaded), &error));
}

static void
test_file_round_trip (void)
{
  g_autoptr(AffPortfolio) portfolio = build_full_portfolio ();
  g_autoptr(AffPortfolio) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("aff-document-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "p.json", NULL);
  g_autofree char *expected = aff_portfolio_to_data (portfolio, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n_files = 0;

  g_assert_true (aff_portfolio_save_to_file (portfolio, path, &error));
  g_assert_no_error (error);
  /* Saving again replaces the file and leaves no temporary file behind. */
  g_assert_true (aff_portfolio_save_to_file (portfolio, path, &error));
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  reloaded = aff_portfolio_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reloaded);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_save_into_missing_folder (void)
{
  g_autoptr(AffPortfolio) portfolio = aff_portfolio_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (aff_portfolio_save_to_file (portfolio, "/nonexistent-folder/p.json", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "/nonexistent-folder/p.json"));
}

static void
test_corpus (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "hostile", NULL);
  g_autofree char *manifest_path = g_build_filename (folder, "EXPECTED", NULL);
  g_autofree char *manifest = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GEnumClass) codes = g_type_class_ref (AFF_TYPE_ERROR);
  guint i, n_cases = 0;

  g_assert_true (g_file_get_contents (manifest_path, &manifest, NULL, NULL));
  lines = g_strsplit (manifest, "\n", -1);
  for (i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(AffPortfolio) portfolio = NULL;
      GEnumValue *code;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      path = g_build_filename (folder, fields[0], NULL);
      code = g_enum_get_value_by_nick (codes, fields[1]);
      g_assert_nonnull (code);

      portfolio = aff_portfolio_new_from_file (path, &error);
      if (portfolio != NULL || error == NULL || !g_error_matches (error, AFF_ERROR, code->value) ||
          strstr (error->message, fields[2]) == NULL)
        g_error ("%s: expected %s naming “%s”, got %s", fields[0], fields[1], fields[2],
                 error ? error->message : "a portfolio");
      n_cases++;
    }
  g_assert_cmpuint (n_cases, >=, 30);
}

static void
expect_invalid (const char *document,
                gsize       length,
                const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPortfolio) portfolio = aff_portfolio_new_from_data (document, length, &error);

  g_assert_null (portfolio);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT);
  if (strstr (error->message, needle) == NULL)
    g_error ("expected “%s” in “%s”", needle, error->message);
}

static void
test_deep_nesting (void)
{
  /* A million levels would overflow json-glib's recursion; the guard stops at 64. */
  gsize depth = 1000000, i;
  GString *text = g_string_new ("{\"format\":\"libaffaires-portfolio\",\"version\":1,\"clients\":");

  for (i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  expect_invalid (text->str, text->len, "nesting is deeper than 64 levels");
  expect_invalid (text->str, text->len, "$.clients[0][0]");
  g_string_free (text, TRUE);
}

static void
test_huge_string (void)
{
  gsize size = 20 * 1024 * 1024;
  GString *text = g_string_new ("{\"format\":\"libaffaires-portfolio\",\"version\":1,\"name\":\"");

  g_string_set_size (text, text->len + size);
  memset (text->str + text->len - size, 'x', size);
  g_string_append (text, "\"}");
  expect_invalid (text->str, text->len, "longer than 16 MiB");
  expect_invalid (text->str, text->len, "$.name");
  g_string_free (text, TRUE);
}

static void
test_numbers (void)
{
#define DOC(v) "{\"format\":\"libaffaires-portfolio\",\"version\":" v "}"
  const char *big = DOC ("9223372036854775808");
  const char *max = DOC ("9223372036854775807");
  const char *low = DOC ("-9223372036854775809");
  const char *inf = DOC ("1e400");
#undef DOC
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPortfolio) future = NULL;

  expect_invalid (big, strlen (big), "does not fit in 64 bits");
  expect_invalid (low, strlen (low), "does not fit in 64 bits");
  expect_invalid (inf, strlen (inf), "$.version");
  /* 2^63 − 1 is a valid integer, and a version far newer than this library. */
  future = aff_portfolio_new_from_data (max, -1, &error);
  g_assert_error (error, AFF_ERROR, AFF_ERROR_UNSUPPORTED_VERSION);
}

static void
test_every_truncation (void)
{
  g_autoptr(AffPortfolio) portfolio = build_full_portfolio ();
  gsize length, i;
  g_autofree char *text = aff_portfolio_to_data (portfolio, &length);

  /* Every proper prefix is refused: the closing brace is the document's last
   * significant byte, so nothing shorter is a whole document. */
  for (i = 0; i + 2 < length; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AffPortfolio) cut = aff_portfolio_new_from_data (text, i, &error);

      g_assert_null (cut);
      g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT);
    }
}

static void
test_random_mutations (void)
{
  g_autoptr(AffPortfolio) portfolio = build_full_portfolio ();
  gsize length;
  g_autofree char *text = aff_portfolio_to_data (portfolio, &length);
  guint round;

  /* The loader must answer every mutant with a portfolio or an error, never
   * crash; run under valgrind or ASan this finds memory errors too. */
  for (round = 0; round < 3000; round++)
    {
      g_autofree char *mutant = g_memdup2 (text, length);
      g_autoptr(GError) error = NULL;
      g_autoptr(AffPortfolio) loaded = NULL;
      guint flips = g_test_rand_int_range (1, 4), k;

      for (k = 0; k < flips; k++)
        mutant[g_test_rand_int_range (0, (gint32) length)] = (char) g_test_rand_int_range (1, 256);
      loaded = aff_portfolio_new_from_data (mutant, length, &error);
      g_assert_true ((loaded == NULL) != (error == NULL));
      if (error != NULL)
        g_assert_true (error->domain == AFF_ERROR);
    }
}

static void
test_guard_paths (void)
{
  g_autoptr(GError) error = NULL;
  const char *text = "{\"a\": [1, {\"b\": \"x\\u0000y\"}]}";

  g_assert_null (aff_json_parse (text, strlen (text), &error));
  g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "$.a[1].b"));
  g_assert_nonnull (strstr (error->message, "line 1"));
}

/* What the parser refuses, and where it says the fault is: each by RFC 8259
 * or by the library's own limits, with the place counted by hand. */
static void
test_parser_refusals (void)
{
  static const struct { const char *text; const char *where; } cases[] = {
    { "", "$: the document is empty (line 1, column 1)" },
    { " \n ", "(line 2, column 2)" },
    { "{\"a\": 1,}", "$.a: expected a member name in double quotes (line 1, column 9)" },
    { "[1, 2,]", "$[2]: expected a value (line 1, column 7)" },
    { "[1 2]", "$[0]: expected “,” or “]” (line 1, column 4)" },
    { "{\"a\" 1}", "$.a: expected “:” after a member name (line 1, column 6)" },
    { "{\"a\": 1 \"b\": 2}", "$.a: expected “,” or “}” (line 1, column 9)" },
    { "{\"a\": [1,\n  {\"b\": 01}]}", "$.a[1].b: a number is malformed (line 2, column 9)" },
    { "[1.]", "$[0]: a number is malformed" },
    { "[1e]", "$[0]: a number is malformed" },
    { "[-]", "$[0]: a number is malformed" },
    { "[+1]", "$[0]: expected a value" },
    { "[9223372036854775808]", "$[0]: a number does not fit in 64 bits" },
    { "[-9223372036854775809]", "$[0]: a number does not fit in 64 bits" },
    { "[1e309]", "$[0]: a number does not fit in a double" },
    { "{\"a\": 1, \"a\": 2}", "$.a: a member name is repeated in one object (line 1, column 10)" },
    { "{\"a\": tru}", "$.a: expected a value" },
    { "{\"a\": \"x\\qy\"}", "$.a: a string has an invalid escape (line 1, column 9)" },
    { "[\"\\ud800\"]", "$[0]: a string contains an unpaired surrogate escape" },
    { "[\"\\udc00\\ud800\"]", "$[0]: a string contains an unpaired surrogate escape" },
    { "[\"\\u12\"]", "$[0]: a string has a \\u escape without four hexadecimal digits" },
    { "[\"a\tb\"]", "$[0]: control character inside a string" },
    { "[\"abc", "$[0]: a string is not terminated (line 1, column 2)" },
    { "{\"a\": [1, 2", "$.a[1]: expected “,” or “]” (line 1, column 12)" },
    { "{\"a\": ", "$.a: the document ends too soon" },
    { "{} {}", "$: unexpected content after the end of the document (line 1, column 4)" },
    { "\f{}", "$: expected a value (line 1, column 1)" },
    { "\xEF\xBB\xBF{}", "$: the document starts with a byte order mark" },
    { "{\"a\": \"\xC3\x28\"}", "the document is not valid UTF-8 (line 1, column 8)" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = aff_json_parse (cases[i].text, strlen (cases[i].text), &error);

      g_assert_null (node);
      g_assert_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT);
      if (strstr (error->message, cases[i].where) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message, cases[i].where);
    }
}

static JsonNode *
nest (guint levels)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  JsonNode *node;
  guint i;

  for (i = 0; i < levels; i++)
    g_string_append (text, i % 2 ? "{\"k\": " : "[");
  g_string_append (text, "0");
  for (i = levels; i-- > 0;)
    g_string_append (text, i % 2 ? "}" : "]");
  node = aff_json_parse (text->str, text->len, &error);
  if (node == NULL)
    g_assert_nonnull (strstr (error->message, "nesting is deeper than 64 levels"));
  return node;
}

/* What the parser gives: the types json-glib's readers expect, and strings
 * unescaped as RFC 8259 says. */
static void
test_parser_values (void)
{
  g_autoptr(GError) error = NULL;
  const char *text = " {\"int\": -9223372036854775808, \"max\": 9223372036854775807, \"zero\": -0,"
                     " \"double\": 2.5e1, \"fraction\": 0.5, \"t\": true, \"f\": false, \"n\": null,"
                     " \"s\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00€\", \"a\": [], \"o\": {},"
                     " \"\\u0041\": 1}\r\n";
  g_autoptr(JsonNode) root = aff_json_parse (text, strlen (text), &error);
  JsonObject *object;
  JsonNode *member;
  g_autoptr(JsonNode) deepest = NULL;
  g_autoptr(JsonNode) too_deep = NULL;

  g_assert_no_error (error);
  object = json_node_get_object (root);
  g_assert_cmpuint (json_object_get_size (object), ==, 12);
  member = json_object_get_member (object, "int");
  g_assert_cmpint (json_node_get_value_type (member), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (member), ==, G_MININT64);
  g_assert_cmpint (json_object_get_int_member (object, "max"), ==, G_MAXINT64);
  member = json_object_get_member (object, "zero");
  g_assert_cmpint (json_node_get_value_type (member), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (member), ==, 0);
  member = json_object_get_member (object, "double");
  g_assert_cmpint (json_node_get_value_type (member), ==, G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_node_get_double (member), ==, 25.0);
  g_assert_cmpfloat (json_object_get_double_member (object, "fraction"), ==, 0.5);
  g_assert_true (json_object_get_boolean_member (object, "t"));
  g_assert_false (json_object_get_boolean_member (object, "f"));
  g_assert_true (json_object_get_null_member (object, "n"));
  g_assert_cmpstr (json_object_get_string_member (object, "s"), ==,
                   "\"\\/\b\f\n\r\t\xC3\xA9\xF0\x9F\x98\x80\xE2\x82\xAC");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "a")), ==, 0);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (object, "o")), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "A"), ==, 1);
  /* Members keep the order written. */
  {
    g_autoptr(GList) names = json_object_get_members (object);
    g_assert_cmpstr (names->data, ==, "int");
    g_assert_cmpstr (g_list_last (names)->data, ==, "A");
  }

  /* U+001F raw, as json-glib 1.6 writes it; any other control character
   * raw is refused (test_parser_refusals). */
  {
    g_autoptr(JsonNode) unit = aff_json_parse ("[\"a\x1F\"]", 6, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (json_array_get_string_element (json_node_get_array (unit), 0), ==, "a\x1F");
  }

  deepest = nest (AFF_JSON_MAX_DEPTH);
  g_assert_nonnull (deepest);
  too_deep = nest (AFF_JSON_MAX_DEPTH + 1);
  g_assert_null (too_deep);
}

/* The parser gives the tree json-glib's own gives, for every document the
 * project ships: json-glib is the oracle, json_node_equal() the judge. */
static void
check_agrees (const char *path)
{
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) ours = NULL;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  g_assert_true (json_parser_load_from_data (parser, text, length, &error));
  ours = aff_json_parse (text, length, &error);
  g_assert_no_error (error);
  if (!json_node_equal (ours, json_parser_get_root (parser)))
    g_error ("%s: the trees differ", path);
}

static void
test_parser_agrees_on_documents (void)
{
  const char *folders[] = { "docs/examples", "examples/training/dossiers", "tests/data" };
  const char *root = g_getenv ("AFF_SOURCE_ROOT");
  guint checked = 0, i;

  if (root == NULL)
    {
      g_test_skip ("AFF_SOURCE_ROOT is not set");
      return;
    }
  for (i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *folder = g_build_filename (root, folders[i], NULL);
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".json"))
          {
            g_autofree char *path = g_build_filename (folder, name, NULL);

            check_agrees (path);
            checked++;
          }
    }
  g_assert_cmpuint (checked, >=, 5);
}

/* A random tree, written by json-glib's generator, read back by the
 * parser: strings with every kind of character and escape, integers to
 * the 64-bit limits, doubles, nesting to the limit. */
static JsonNode *
random_tree (guint depth)
{
  guint kind = depth >= AFF_JSON_MAX_DEPTH - 1 ? g_test_rand_int_range (2, 6) : g_test_rand_int_range (0, 6);
  JsonNode *node = json_node_alloc ();
  guint n, i;

  switch (kind)
    {
    case 0:
      {
        JsonObject *object = json_object_new ();

        n = g_test_rand_int_range (0, depth < 3 ? 6 : 3);
        for (i = 0; i < n; i++)
          {
            g_autofree char *name = g_strdup_printf ("m%u\xC3\xA9\\\"%u", i, g_test_rand_int_range (0, 1000));

            json_object_set_member (object, name, random_tree (depth + 1));
          }
        json_node_init_object (node, object);
        json_object_unref (object);
        return node;
      }
    case 1:
      {
        JsonArray *array = json_array_new ();

        n = g_test_rand_int_range (0, depth < 3 ? 6 : 3);
        for (i = 0; i < n; i++)
          json_array_add_element (array, random_tree (depth + 1));
        json_node_init_array (node, array);
        json_array_unref (array);
        return node;
      }
    case 2:
      {
        static const gint64 edges[] = { 0, 1, -1, G_MAXINT64, G_MININT64, 9007199254740993 };
        guint pick = g_test_rand_int_range (0, G_N_ELEMENTS (edges) + 1);

        return json_node_init_int (node, pick < G_N_ELEMENTS (edges) ? edges[pick]
                                                                      : (gint64) g_test_rand_int () * 7919);
      }
    case 3:
      return json_node_init_double (node, g_test_rand_double_range (-1e300, 1e300));
    case 4:
      {
        g_autoptr(GString) text = g_string_new (NULL);

        n = g_test_rand_int_range (0, 40);
        for (i = 0; i < n; i++)
          {
            gunichar c;

            /* Control characters, ASCII, Latin, the BMP beyond the
             * surrogates, and the astral planes; never U+0000. */
            switch (g_test_rand_int_range (0, 5))
              {
              case 0: c = g_test_rand_int_range (1, 0x20); break;
              case 1: c = g_test_rand_int_range (0x20, 0x80); break;
              case 2: c = g_test_rand_int_range (0x80, 0x800); break;
              case 3: c = g_test_rand_int_range (0xE000, 0x10000); break;
              default: c = g_test_rand_int_range (0x10000, 0x110000); break;
              }
            g_string_append_unichar (text, c);
          }
        return json_node_init_string (node, text->str);
      }
    default:
      return g_test_rand_bit () ? json_node_init_boolean (node, g_test_rand_bit ()) : json_node_init_null (node);
    }
}

static void
test_parser_agrees_on_random_trees (void)
{
  guint round;

  for (round = 0; round < 2000; round++)
    {
      g_autoptr(JsonNode) tree = random_tree (0);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) back = NULL;
      g_autofree char *text = NULL;
      gsize length;

      g_autoptr(GString) escaped = g_string_new (NULL);
      g_autoptr(JsonNode) back_escaped = NULL;

      json_generator_set_root (generator, tree);
      json_generator_set_pretty (generator, g_test_rand_bit ());
      text = json_generator_to_data (generator, &length);
      back = aff_json_parse (text, length, &error);
      g_assert_no_error (error);
      if (!json_node_equal (tree, back))
        g_error ("round %u: the tree read back differs from the one written:\n%s", round, text);
      /* As the library writes it: no control character left raw. */
      g_string_append_len (escaped, text, length);
      aff_json_escape_generated (escaped);
      for (gsize k = 0; k < escaped->len; k++)
        g_assert_true ((guchar) escaped->str[k] >= 0x20 || escaped->str[k] == '\n');
      back_escaped = aff_json_parse (escaped->str, escaped->len, &error);
      g_assert_no_error (error);
      g_assert_true (json_node_equal (tree, back_escaped));
    }
}

/* A name holding U+001F (the unit separator, pasted from a spreadsheet):
 * json-glib 1.6 writes it raw, which a strict reader refuses, so the
 * document would save and never load again. Written escaped, it loads. */
static void
test_unit_separator_round_trip (void)
{
  g_autoptr(AffPortfolio) portfolio = aff_portfolio_new ();
  g_autoptr(AffClient) client = aff_client_new ("US", "Alpha\x1F" "Beta");
  g_autoptr(AffPortfolio) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (aff_portfolio_add_client (portfolio, client, &error));
  text = aff_portfolio_to_data (portfolio, &length);
  g_assert_null (memchr (text, 0x1F, length));
  g_assert_nonnull (strstr (text, "\"Alpha\\u001fBeta\""));
  loaded = aff_portfolio_new_from_data (text, length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aff_client_get_name (aff_portfolio_lookup_client (loaded, "US")), ==, "Alpha\x1F" "Beta");
}

static void
test_failed_load_of_file_names_it (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffPortfolio) portfolio = aff_portfolio_new_from_file ("/nonexistent/p.json", &error);

  g_assert_null (portfolio);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* An enum's nick, found at the value's place when the enum counts from its
 * minimum in order, else by a search: both written by hand here. */
static void
test_enum_nicks (void)
{
  static const GEnumValue scattered[] = {
    { 5, "FIVE", "five" },
    { -3, "MINUS_THREE", "minus-three" },
    { 6, "SIX", "six" },
    { 0, NULL, NULL },
  };
  static const GEnumValue counted[] = {
    { -1, "MINUS_ONE", "minus-one" },
    { 0, "ZERO", "zero" },
    { 1, "ONE", "one" },
    { 0, NULL, NULL },
  };
  GType scattered_type = g_enum_register_static ("TestScatteredEnum", scattered);
  GType counted_type = g_enum_register_static ("TestCountedEnum", counted);

  g_assert_cmpstr (aff_enum_to_nick (scattered_type, 5), ==, "five");
  g_assert_cmpstr (aff_enum_to_nick (scattered_type, -3), ==, "minus-three");
  g_assert_cmpstr (aff_enum_to_nick (scattered_type, 6), ==, "six");
  g_assert_cmpstr (aff_enum_to_nick (counted_type, -1), ==, "minus-one");
  g_assert_cmpstr (aff_enum_to_nick (counted_type, 0), ==, "zero");
  g_assert_cmpstr (aff_enum_to_nick (counted_type, 1), ==, "one");
  g_assert_cmpstr (aff_enum_to_nick (AFF_TYPE_COST_CATEGORY, AFF_COST_CATEGORY_LABOUR), ==, "labour");
  g_assert_cmpstr (aff_enum_to_nick (AFF_TYPE_COST_CATEGORY, AFF_COST_CATEGORY_OTHER), ==, "other");

  /* A value the enum lacks is a programming error. */
  if (g_test_subprocess ())
    {
      aff_enum_to_nick (scattered_type, 1);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*enum_value != NULL*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/round-trip", test_round_trip);
  g_test_add_func ("/document/enum-nicks", test_enum_nicks);
  g_test_add_func ("/document/parser-refusals", test_parser_refusals);
  g_test_add_func ("/document/parser-values", test_parser_values);
  g_test_add_func ("/document/parser-agrees-on-documents", test_parser_agrees_on_documents);
  g_test_add_func ("/document/parser-agrees-on-random-trees", test_parser_agrees_on_random_trees);
  g_test_add_func ("/document/unit-separator-round-trip", test_unit_separator_round_trip);
  g_test_add_func ("/document/file-round-trip", test_file_round_trip);
  g_test_add_func ("/document/save-into-missing-folder", test_save_into_missing_folder);
  g_test_add_func ("/document/failed-load-names-file", test_failed_load_of_file_names_it);
  g_test_add_func ("/document/hostile-corpus", test_corpus);
  g_test_add_func ("/document/deep-nesting", test_deep_nesting);
  g_test_add_func ("/document/huge-string", test_huge_string);
  g_test_add_func ("/document/numbers", test_numbers);
  g_test_add_func ("/document/guard-paths", test_guard_paths);
  g_test_add_func ("/document/every-truncation", test_every_truncation);
  g_test_add_func ("/document/random-mutations", test_random_mutations);

  return g_test_run ();
}
