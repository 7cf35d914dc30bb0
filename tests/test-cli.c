/* test-cli.c — casebook-cli as a script would use it
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs casebook-cli with @args (NULL-terminated) and @env_db as $CASEBOOK_DB. */
static void
run_cli_env (Run         *run,
             const char  *env_db,
             const char **args)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_strv_builder_add (builder, g_getenv ("CASEBOOK_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_strv_builder_add (builder, args[i]);
  argv = g_strv_builder_end (builder);

  envp = g_environ_setenv (envp, "CASEBOOK_DB", env_db, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);

  g_spawn_sync (NULL, argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
run_cli (Run         *run,
         const char **args)
{
  run_cli_env (run, "/nonexistent/casebook-cli-test.db", args);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("casebook-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "casebook.db", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
    }
  g_remove (path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

static guint
count_lines_with_prefix (const char *text,
                         const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], prefix))
        n++;
    }
  return n;
}

static guint
count_samples (void)
{
  g_autoptr(GDir) dir = g_dir_open (g_getenv ("CASEBOOK_SAMPLES_DIR"), 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".txt"))
        n++;
    }
  return n;
}

static void
import_samples (Fixture *fixture)
{
  Run run = { 0 };
  const char *args[] = { "--db", fixture->db, "import", g_getenv ("CASEBOOK_SAMPLES_DIR"), NULL };

  run_cli (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines_with_prefix (run.out, "imported: "), ==, count_samples ());
  run_clear (&run);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_help (void)
{
  const char *commands[] = { "import", "extract", "cases", "search", "export-json" };
  Run run = { 0 };
  const char *top[] = { "--help", NULL };

  run_cli (&run, top);
  g_assert_cmpint (run.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (run.out, commands[i]));
  run_clear (&run);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *args[] = { commands[i], "--help", NULL };

      run_cli (&run, args);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, commands[i]));
      g_assert_nonnull (strstr (run.out, "--help"));
      run_clear (&run);
    }
}

static void
test_bad_usage (void)
{
  Run run = { 0 };
  const char *unknown[] = { "frobnicate", NULL };
  const char *no_paths[] = { "import", NULL };
  const char *bad_date[] = { "extract", "--date", "yesterday-ish", "/dev/null", NULL };

  run_cli (&run, unknown);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "frobnicate"));
  run_clear (&run);

  run_cli (&run, no_paths);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_cmpstr (run.out, ==, "");
  run_clear (&run);

  run_cli (&run, bad_date);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "yesterday-ish"));
  run_clear (&run);
}

static void
test_import_duplicate_rejected (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *binary = g_build_filename (fixture->dir, "photo.txt", NULL);
  const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  const char *again[] = { "--db", fixture->db, "import", g_getenv ("CASEBOOK_SAMPLES_DIR"), NULL };
  const char *bad[] = { "--db", fixture->db, "import", binary, NULL };
  const char *cases[] = { "--db", fixture->db, "cases", NULL };
  g_autofree char *before = NULL;
  Run run = { 0 };
  guint n = count_samples ();

  g_assert_cmpuint (n, >=, 4);
  import_samples (fixture);

  run_cli (&run, cases);
  g_assert_cmpint (run.status, ==, 0);
  before = g_strdup (run.out);
  run_clear (&run);

  run_cli (&run, again);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines_with_prefix (run.out, "duplicate: "), ==, n);
  g_assert_cmpuint (count_lines_with_prefix (run.out, "imported: "), ==, 0);
  g_assert_nonnull (strstr (run.out, " (of "));
  run_clear (&run);

  g_assert_true (g_file_set_contents (binary, (const char *) png, sizeof png, NULL));
  run_cli (&run, bad);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_lines_with_prefix (run.out, "rejected: "), ==, 1);
  g_assert_nonnull (strstr (run.out, binary));
  run_clear (&run);

  /* Nothing stored was touched by either run. */
  run_cli (&run, cases);
  g_assert_cmpstr (run.out, ==, before);
  run_clear (&run);
}

static void
test_cases (Fixture       *fixture,
            gconstpointer  data)
{
  const char *args[] = { "--db", fixture->db, "cases", NULL };
  g_auto(GStrv) lines = NULL;
  Run run = { 0 };
  guint n_cases = 0;

  import_samples (fixture);
  run_cli (&run, args);
  g_assert_cmpint (run.status, ==, 0);

  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      char *end = NULL;

      if (*lines[i] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      g_assert_cmpint (g_ascii_strtoll (fields[0], &end, 10), >, 0);
      g_assert_cmpint (*end, ==, '\0');
      g_assert_cmpstr (fields[1], !=, "");
      g_assert_true (g_strv_contains ((const char *[]) { "open", "pending", "granted", "denied", "closed", NULL },
                                      fields[2]));
      n_cases++;
    }
  /* Every sample article is about someone's clemency case. */
  g_assert_cmpuint (n_cases, >=, 1);
  run_clear (&run);
}

/* Text of the body between character offsets, as the offsets promise. */
static char *
body_substring (const char *body,
                gint64      start,
                gint64      end)
{
  const char *a = g_utf8_offset_to_pointer (body, start);
  const char *b = g_utf8_offset_to_pointer (body, end);

  return g_strndup (a, b - a);
}

static void
test_extract (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "article.txt", NULL);
  /* A header block, non-ASCII text before the dates so byte and character
   * offsets differ, an absolute and a relative date. */
  const char *body =
    "Défense lawyers for Héloïse Marchetti said the appeal was filed in 2011.\n"
    "Marchetti was sentenced in March 2012, and the governor pardoned her last week.\n";
  g_autofree char *text = g_strdup_printf ("Title: A pardon\nDate: 2020-06-10\n\n%s", body);
  const char *args[] = { "extract", path, NULL };
  const char *args_date[] = { "extract", "--date", "2021-01-15", path, NULL };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) root_date = NULL;
  JsonObject *object;
  JsonArray *timex;
  gboolean saw_2011 = FALSE, saw_relative = FALSE;
  Run run = { 0 };

  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  run_cli (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  run_clear (&run);

  object = json_node_get_object (root);
  g_assert_true (json_object_has_member (object, "timex"));
  g_assert_true (json_object_has_member (object, "persons"));
  g_assert_true (json_object_has_member (object, "quotes"));
  g_assert_true (json_object_has_member (object, "case_events"));

  timex = json_object_get_array_member (object, "timex");
  g_assert_cmpuint (json_array_get_length (timex), >=, 2);
  for (guint i = 0; i < json_array_get_length (timex); i++)
    {
      JsonObject *t = json_array_get_object_element (timex, i);
      g_autofree char *span = body_substring (body,
                                              json_object_get_int_member (t, "start"),
                                              json_object_get_int_member (t, "end"));

      g_assert_true (json_object_has_member (t, "granularity"));
      g_assert_true (json_object_has_member (t, "value"));
      /* Offsets are characters into the body, after the header. */
      g_assert_cmpstr (span, ==, json_object_get_string_member (t, "text"));
      if (g_strcmp0 (json_object_get_string_member (t, "text"), "2011") == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (t, "value"), ==, "2011");
          saw_2011 = TRUE;
        }
      if (g_str_has_suffix (json_object_get_string_member (t, "text"), "last week"))
        {
          /* Resolved against the header's Date: 2020-06-10 is in ISO week 24. */
          g_assert_cmpstr (json_object_get_string_member (t, "value"), ==, "2020-W23");
          saw_relative = TRUE;
        }
    }
  g_assert_true (saw_2011);
  g_assert_true (saw_relative);

  /* --date overrides the header. */
  run_cli (&run, args_date);
  g_assert_cmpint (run.status, ==, 0);
  root_date = parse_json (run.out);
  run_clear (&run);
  timex = json_object_get_array_member (json_node_get_object (root_date), "timex");
  saw_relative = FALSE;
  for (guint i = 0; i < json_array_get_length (timex); i++)
    {
      JsonObject *t = json_array_get_object_element (timex, i);

      if (g_str_has_suffix (json_object_get_string_member (t, "text"), "last week"))
        {
          g_assert_cmpstr (json_object_get_string_member (t, "value"), ==, "2021-W01");
          saw_relative = TRUE;
        }
    }
  g_assert_true (saw_relative);

  /* extract touches no database: $CASEBOOK_DB points nowhere writable and
   * nothing was created in the fixture folder. */
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

static void
test_extract_bad_file (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "nul.txt", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.txt", NULL);
  const char *args[] = { "extract", path, NULL };
  const char *args_missing[] = { "extract", missing, NULL };
  Run run = { 0 };

  g_assert_true (g_file_set_contents (path, "text\0with a NUL", 15, NULL));
  run_cli (&run, args);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "nul.txt"));
  g_assert_cmpstr (run.out, ==, "");
  run_clear (&run);

  run_cli (&run, args_missing);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "missing.txt"));
  run_clear (&run);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  const char *hostile[] = { "\"", "AND(", "*", "NEAR", "title:", "'; DROP TABLE article; --", "((", "-", NULL };
  const char *word[] = { "--db", fixture->db, "search", "pardon", NULL };
  Run run = { 0 };
  g_auto(GStrv) lines = NULL;

  import_samples (fixture);

  run_cli (&run, word);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      g_assert_cmpint (g_ascii_strtoll (fields[0], NULL, 10), >, 0);
      /* The match is marked in the snippet. */
      g_assert_nonnull (strchr (fields[2], '['));
    }
  run_clear (&run);

  for (guint i = 0; hostile[i] != NULL; i++)
    {
      const char *args[] = { "--db", fixture->db, "search", hostile[i], NULL };

      run_cli (&run, args);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      run_clear (&run);
    }
}

static void
test_export_json (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "export.json", NULL);
  g_autofree char *contents = NULL;
  const char *args[] = { "--db", fixture->db, "export-json", "-o", out, NULL };
  const char *args_stdout[] = { "--db", fixture->db, "export-json", NULL };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) root_stdout = NULL;
  JsonObject *object;
  Run run = { 0 };

  import_samples (fixture);
  run_cli (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  root = parse_json (contents);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "articles")), ==,
                    count_samples ());
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "persons")), >, 0);
  g_assert_true (json_object_has_member (object, "cases"));

  run_cli (&run, args_stdout);
  g_assert_cmpint (run.status, ==, 0);
  root_stdout = parse_json (run.out);
  g_assert_true (json_node_equal (root, root_stdout));
  run_clear (&run);
}

static void
test_env_db (Fixture       *fixture,
             gconstpointer  data)
{
  const char *import[] = { "import", g_getenv ("CASEBOOK_SAMPLES_DIR"), NULL };
  const char *cases[] = { "--db", fixture->db, "cases", NULL };
  Run run = { 0 };

  /* Without --db, $CASEBOOK_DB names the database. */
  run_cli_env (&run, fixture->db, import);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (g_file_test (fixture->db, G_FILE_TEST_IS_REGULAR));

  run_cli (&run, cases);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, !=, "");
  run_clear (&run);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
test_newer_database_refused (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *import[] = { "--db", fixture->db, "import", g_getenv ("CASEBOOK_SAMPLES_DIR"), NULL };
  const char *cases[] = { "--db", fixture->db, "cases", NULL };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;
  Run run = { 0 };

  g_assert_cmpint (sqlite3_open (fixture->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999; CREATE TABLE future (x);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = file_checksum (fixture->db);

  run_cli (&run, import);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_cmpuint (count_lines_with_prefix (run.out, "imported: "), ==, 0);
  g_assert_nonnull (strstr (run.err, fixture->db));
  run_clear (&run);

  run_cli (&run, cases);
  g_assert_cmpint (run.status, !=, 0);
  run_clear (&run);

  after = file_checksum (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("CASEBOOK_CLI"));
  g_assert_nonnull (g_getenv ("CASEBOOK_SAMPLES_DIR"));

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/bad-usage", test_bad_usage);
  g_test_add ("/cli/import/duplicate-and-rejected", Fixture, NULL,
              fixture_setup, test_import_duplicate_rejected, fixture_teardown);
  g_test_add ("/cli/cases", Fixture, NULL, fixture_setup, test_cases, fixture_teardown);
  g_test_add ("/cli/extract/json", Fixture, NULL, fixture_setup, test_extract, fixture_teardown);
  g_test_add ("/cli/extract/bad-file", Fixture, NULL, fixture_setup, test_extract_bad_file, fixture_teardown);
  g_test_add ("/cli/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/cli/export-json", Fixture, NULL, fixture_setup, test_export_json, fixture_teardown);
  g_test_add ("/cli/env-db", Fixture, NULL, fixture_setup, test_env_db, fixture_teardown);
  g_test_add ("/cli/newer-database-refused", Fixture, NULL,
              fixture_setup, test_newer_database_refused, fixture_teardown);

  return g_test_run ();
}
