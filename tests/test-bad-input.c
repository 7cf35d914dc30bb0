/* test-bad-input.c — bad files, folders, databases and queries
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every case starts from a database holding one good article (with its
 * people, events and excerpts), does one bad thing, and checks three
 * things: the message says what happened, casebook-cli exits non-zero when
 * something failed, and the database still holds everything it held.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cb-importer.h"
#include "cb-store.h"
#include "cb-store-private.h"

#define GOOD_ARTICLE \
  "Title: Governor commutes a life sentence\n" \
  "Date: 2019-03-14\n" \
  "\n" \
  "Ada Quillon was convicted in 1996 and sentenced to life in prison in 1997. " \
  "Gov. Bram Tessaly commuted her sentence on Tuesday. " \
  "\u201cI never stopped hoping,\u201d Quillon said.\n"

typedef struct
{
  char *dir;
  char *db;
  char *before;      /* counts after the good article */
  char *immutable;   /* a file made immutable (as root), to undo */
} Fixture;

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

/* --- helpers ------------------------------------------------------------ */

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static void
run_cli (Run         *run,
         const char  *db,
         const char **args)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_strv_builder_add (builder, g_getenv ("CASEBOOK_CLI"));
  g_strv_builder_add (builder, "--db");
  g_strv_builder_add (builder, db);
  for (guint i = 0; args[i] != NULL; i++)
    g_strv_builder_add (builder, args[i]);
  argv = g_strv_builder_end (builder);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);

  g_spawn_sync (NULL, argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const void *data,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

/* What the database holds, as one comparable string. */
static char *
counts (const char *db_path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT (SELECT count(*) FROM article) || ' articles, ' ||"
                                       " (SELECT count(*) FROM person) || ' people, ' ||"
                                       " (SELECT count(*) FROM mention) || ' mentions, ' ||"
                                       " (SELECT count(*) FROM event) || ' events, ' ||"
                                       " (SELECT count(*) FROM excerpt) || ' excerpts, ' ||"
                                       " (SELECT count(*) FROM case_file) || ' cases, ' ||"
                                       " (SELECT group_concat (title, '|') FROM article)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static char *
query_text (const char *db_path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static void
assert_unchanged (Fixture *fixture)
{
  g_autofree char *now = counts (fixture->db);

  g_assert_cmpstr (now, ==, fixture->before);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static gboolean
is_root (void)
{
  return geteuid () == 0;
}

/* Imports @path with the CLI and expects one "rejected:" line naming @reason. */
static void
assert_rejected (Fixture    *fixture,
                 const char *path,
                 const char *reason)
{
  const char *args[] = { "import", path, NULL };
  Run run = { 0 };

  run_cli (&run, fixture->db, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.out, "rejected: "));
  if (strstr (run.out, reason) == NULL)
    g_test_message ("output: %s", run.out);
  g_assert_nonnull (strstr (run.out, reason));
  g_assert_cmpint (strchr (run.out, '\n') - run.out + 1, ==, strlen (run.out));
  run_clear (&run);
  assert_unchanged (fixture);
}

/* Imports @path with the CLI and expects it stored; returns its body. */
static char *
assert_imported (Fixture    *fixture,
                 const char *path,
                 const char *title)
{
  const char *args[] = { "import", path, NULL };
  g_autofree char *expected = g_strdup_printf ("(%s)\n", title);
  Run run = { 0 };

  run_cli (&run, fixture->db, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "imported: "));
  g_assert_true (g_str_has_suffix (run.out, expected));
  run_clear (&run);

  return query_text (fixture->db, "SELECT body FROM article ORDER BY id DESC LIMIT 1");
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *good = NULL;
  const char *args[] = { "import", NULL, NULL };
  Run run = { 0 };

  fixture->dir = g_dir_make_tmp ("casebook-bad-input-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "casebook.db", NULL);

  good = write_file (fixture, "good.txt", GOOD_ARTICLE, -1);
  args[1] = good;
  run_cli (&run, fixture->db, args);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_unlink (good);

  fixture->before = counts (fixture->db);
  g_assert_true (g_str_has_prefix (fixture->before, "1 articles, "));
  /* The good article brought people, events and excerpts. */
  g_assert_null (strstr (fixture->before, " 0 people"));
  g_assert_null (strstr (fixture->before, " 0 events"));
  g_assert_null (strstr (fixture->before, " 0 excerpts"));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *rm[] = { "rm", "-rf", fixture->dir, NULL };

  if (fixture->immutable != NULL)
    {
      const char *chattr[] = { "chattr", "-i", fixture->immutable, NULL };
      g_spawn_sync (NULL, (char **) chattr, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                    NULL, NULL, NULL, NULL);
      g_free (fixture->immutable);
    }
  /* Folders made unreadable by a test come back first. */
  g_chmod (fixture->dir, 0700);
  g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->before);
}

/* --- file contents -------------------------------------------------------- */

static void
test_binary (Fixture *fixture, gconstpointer data)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13,
                                'I', 'H', 'D', 'R', 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0 };
  g_autofree char *path = write_file (fixture, "picture.txt", png, sizeof png);

  assert_rejected (fixture, path, "binary data");
}

static void
test_nul_bytes (Fixture *fixture, gconstpointer data)
{
  static const char text[] = "Title: Half a story\n\nThe court met\0 on Monday and adjourned.\n";
  g_autofree char *path = write_file (fixture, "nul.txt", text, sizeof text - 1);

  assert_rejected (fixture, path, "NUL");
}

static void
test_control_characters (Fixture *fixture, gconstpointer data)
{
  GString *text = g_string_new ("Title: Noise\n\n");
  g_autofree char *path = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append_c (text, (char) (1 + i % 8));
  path = write_file (fixture, "noise.txt", text->str, text->len);
  g_string_free (text, TRUE);

  assert_rejected (fixture, path, "too many control characters");
}

static void
test_invalid_utf8 (Fixture *fixture, gconstpointer data)
{
  /* Not UTF-8: read as Windows-1252 (0xE9 is é, 0x93/0x94 are curly quotes). */
  static const char text[] = "Title: Caf\xe9 owner pardoned\n\n\x93It is over,\x94 she said on Monday.\n";
  g_autofree char *path = write_file (fixture, "latin.txt", text, -1);
  g_autofree char *body = assert_imported (fixture, path, "Café owner pardoned");

  g_assert_true (g_utf8_validate (body, -1, NULL));
  g_assert_nonnull (strstr (body, "\u201cIt is over,\u201d"));
}

static void
test_overlong_utf8 (Fixture *fixture, gconstpointer data)
{
  /* 0xC0 0xAF is an overlong "/": never accepted as UTF-8. */
  static const char text[] = "Title: Path \xc0\xaf trick\n\nThe body goes on.\n";
  g_autofree char *path = write_file (fixture, "overlong.txt", text, -1);
  g_autofree char *body = assert_imported (fixture, path, "Path \u00c0\u00af trick");
  g_autofree char *title = query_text (fixture->db, "SELECT title FROM article ORDER BY id DESC LIMIT 1");

  g_assert_true (g_utf8_validate (title, -1, NULL));
  g_assert_null (strchr (title, '/'));
  g_assert_true (g_utf8_validate (body, -1, NULL));
}

static void
test_utf8_bom_invalid (Fixture *fixture, gconstpointer data)
{
  static const char text[] = "\xef\xbb\xbfTitle: Broken\n\nA \xff byte.\n";
  g_autofree char *path = write_file (fixture, "bom-broken.txt", text, -1);

  assert_rejected (fixture, path, "UTF-8 byte order mark but is not valid UTF-8");
}

static char *
utf16 (const char *text,
       gboolean    big_endian,
       gboolean    bom,
       gsize      *length)
{
  g_autofree gunichar2 *units = g_utf8_to_utf16 (text, -1, NULL, NULL, NULL);
  GByteArray *bytes = g_byte_array_new ();
  guint8 pair[2];

  if (bom)
    {
      pair[0] = big_endian ? 0xFE : 0xFF;
      pair[1] = big_endian ? 0xFF : 0xFE;
      g_byte_array_append (bytes, pair, 2);
    }
  for (guint i = 0; units[i] != 0; i++)
    {
      pair[0] = big_endian ? units[i] >> 8 : units[i] & 0xFF;
      pair[1] = big_endian ? units[i] & 0xFF : units[i] >> 8;
      g_byte_array_append (bytes, pair, 2);
    }
  *length = bytes->len;
  return (char *) g_byte_array_free (bytes, FALSE);
}

static void
check_utf16 (Fixture  *fixture,
             gboolean  big_endian,
             gboolean  bom)
{
  gsize length = 0;
  g_autofree char *text = utf16 ("Title: Gov. Tessaly signs pardon\n\nThe pardon — signed on Friday — ends a long campaign.\n",
                                 big_endian, bom, &length);
  g_autofree char *path = write_file (fixture, "utf16.txt", text, (gssize) length);
  g_autofree char *body = assert_imported (fixture, path, "Gov. Tessaly signs pardon");

  g_assert_true (g_str_has_prefix (body, "The pardon — signed on Friday"));
}

static void
test_utf16le_bom (Fixture *fixture, gconstpointer data)
{
  check_utf16 (fixture, FALSE, TRUE);
}

static void
test_utf16be_bom (Fixture *fixture, gconstpointer data)
{
  check_utf16 (fixture, TRUE, TRUE);
}

static void
test_utf16le_no_bom (Fixture *fixture, gconstpointer data)
{
  check_utf16 (fixture, FALSE, FALSE);
}

static void
test_utf16be_no_bom (Fixture *fixture, gconstpointer data)
{
  check_utf16 (fixture, TRUE, FALSE);
}

static void
test_utf16_odd_length (Fixture *fixture, gconstpointer data)
{
  static const char text[] = "\xff\xfeT\0i\0t\0";
  g_autofree char *path = write_file (fixture, "odd.txt", text, sizeof text - 1 - 1);

  assert_rejected (fixture, path, "not a whole number of UTF-16 characters");
}

static void
test_utf16_lone_surrogate (Fixture *fixture, gconstpointer data)
{
  static const char text[] = "\xff\xfeT\0\x00\xdcx\0";
  g_autofree char *path = write_file (fixture, "surrogate.txt", text, sizeof text - 1);

  assert_rejected (fixture, path, "not valid UTF-16");
}

static void
test_empty (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = write_file (fixture, "empty.txt", "", 0);

  assert_rejected (fixture, path, "The file is empty.");
}

static void
test_whitespace_only (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = write_file (fixture, "blank.txt", " \n\t\r\n   \n\n", -1);

  assert_rejected (fixture, path, "nothing but white space");
}

static void
test_one_megabyte_line (Fixture *fixture, gconstpointer data)
{
  GString *text = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  const char *args[] = { "import", NULL, NULL };
  Run run = { 0 };

  while (text->len < 1024 * 1024)
    g_string_append (text, "The appeal was heard and denied again ");
  g_string_append_c (text, '\n');
  path = write_file (fixture, "line.txt", text->str, text->len);
  g_string_free (text, TRUE);

  args[1] = path;
  run_cli (&run, fixture->db, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "imported: "));
  /* The title is the line's beginning, not a megabyte. */
  g_assert_cmpuint (strlen (run.out), <, 1000);
  run_clear (&run);

  title = query_text (fixture->db, "SELECT title FROM article ORDER BY id DESC LIMIT 1");
  g_assert_true (g_str_has_prefix (title, "The appeal was heard"));
  g_assert_cmpuint (g_utf8_strlen (title, -1), <=, 121);
}

static void
test_fifty_megabytes (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge.txt", NULL);
  g_autofree char *line = g_strnfill (99, 'a');
  FILE *file = fopen (path, "w");

  g_assert_nonnull (file);
  for (guint i = 0; i < 500 * 1024; i++)
    fprintf (file, "%s\n", line);
  fclose (file);

  /* g_format_size() puts a no-break space before the unit. */
  assert_rejected (fixture, path, ": The file is too large (51.2\u00a0MB; the limit is 10.5\u00a0MB).\n");
}

static void
test_ten_thousand_quotes (Fixture *fixture, gconstpointer data)
{
  GString *text = g_string_new ("Title: Ten thousand voices\nDate: 2020-01-02\n\n");
  g_autofree char *path = NULL;
  g_autofree char *excerpts = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (text, "\u201cWe ask for mercy, number %u,\u201d Ada Quillon said. ", i);
  path = write_file (fixture, "quotes.txt", text->str, text->len);
  g_string_free (text, TRUE);

  g_free (assert_imported (fixture, path, "Ten thousand voices"));
  excerpts = query_text (fixture->db,
                         "SELECT count(*) FROM excerpt WHERE kind = 'quote'"
                         " AND article_id = (SELECT max(id) FROM article)");
  g_assert_cmpint (atoi (excerpts), ==, 10000);
}

static void
test_garbage_header_date (Fixture *fixture, gconstpointer data)
{
  static const char text[] = "Title: Undated report\nDate: the 45th of Smarch\n\nA week later the board met.\n";
  g_autofree char *path = write_file (fixture, "date.txt", text, -1);
  g_autofree char *published = NULL;

  g_free (assert_imported (fixture, path, "Undated report"));
  published = query_text (fixture->db, "SELECT published FROM article ORDER BY id DESC LIMIT 1");
  g_assert_null (published);
}

static void
test_sql_metacharacters (Fixture *fixture, gconstpointer data)
{
  static const char title[] = "Robert'); DROP TABLE article;-- \"%s%n\" \\ ` $x";
  g_autofree char *text = g_strdup_printf ("Title: %s\n\nConnor O'Brien-D'Arcy was convicted in 1999. "
                                           "\u201cJustice; DROP TABLE person;--,\u201d O'Brien-D'Arcy said.\n",
                                           title);
  g_autofree char *path = write_file (fixture, "meta.txt", text, -1);
  g_autofree char *stored = NULL;
  g_autofree char *person = NULL;
  const char *search[] = { "search", "DROP TABLE", NULL };
  Run run = { 0 };

  g_free (assert_imported (fixture, path, title));
  stored = query_text (fixture->db, "SELECT title FROM article ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (stored, ==, title);
  person = query_text (fixture->db, "SELECT name FROM person WHERE name LIKE 'Connor O''Brien%'");
  g_assert_cmpstr (person, ==, "Connor O'Brien-D'Arcy");

  run_cli (&run, fixture->db, search);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, title));
  run_clear (&run);
}

/* --- files that change, and odd things in folders --------------------------- */

typedef struct
{
  char     *victim;
  gboolean  done;
  void    (*spoil) (const char *path);
} Spoiler;

static void
spoil_progress_cb (const CbImportResult *result,
                   guint                 done,
                   guint                 total,
                   gpointer              user_data)
{
  Spoiler *spoiler = user_data;

  if (spoiler->done)
    return;
  spoiler->done = TRUE;
  spoiler->spoil (spoiler->victim);
}

/* Imports a folder of SPOIL_FILES articles with the importer; after the
 * first is stored, @spoil does its worst to the last (which the importer has
 * not read yet: it reads at most 16 files ahead).  Returns the last result. */
#define SPOIL_FILES 40

static CbImportResult *
import_and_spoil (Fixture  *fixture,
                  void    (*spoil) (const char *path))
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->dir, "batch", NULL);
  g_autoptr(CbStore) store = NULL;
  g_autoptr(CbImporter) importer = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  Spoiler spoiler = { 0 };
  CbImportResult *last;
  g_autofree char *after = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < SPOIL_FILES; i++)
    {
      g_autofree char *name = g_strdup_printf ("batch/%02u.txt", i);
      g_autofree char *text = g_strdup_printf ("Title: Report %u\n\nThe hearing number %u was held.\n", i, i);

      g_free (write_file (fixture, name, text, -1));
    }
  spoiler.victim = g_strdup_printf ("%s/%02u.txt", folder, SPOIL_FILES - 1);
  spoiler.spoil = spoil;

  store = cb_store_open (fixture->db, &error);
  g_assert_no_error (error);
  importer = cb_importer_new (store);
  results = cb_importer_import_files (importer, &file, 1, NULL, spoil_progress_cb, &spoiler);
  g_assert_true (spoiler.done);
  g_assert_cmpuint (results->len, ==, SPOIL_FILES);
  for (guint i = 0; i < SPOIL_FILES - 1; i++)
    g_assert_cmpint (((CbImportResult *) g_ptr_array_index (results, i))->outcome, ==, CB_IMPORT_IMPORTED);
  last = g_ptr_array_steal_index (results, SPOIL_FILES - 1);
  g_assert_cmpint (last->outcome, ==, CB_IMPORT_REJECTED);
  g_free (spoiler.victim);

  /* The others are stored, the old article kept. */
  g_clear_object (&importer);
  g_clear_object (&store);
  after = counts (fixture->db);
  g_assert_true (g_str_has_prefix (after, G_STRINGIFY (SPOIL_FILES) " articles, "));
  g_assert_nonnull (strstr (after, "Governor commutes a life sentence"));

  return last;
}

static void
spoil_remove (const char *path)
{
  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
spoil_unreadable (const char *path)
{
  if (is_root ())
    {
      /* Permissions do not stop root: a pipe takes the file's place, which
       * a careless reader would wait on for ever. */
      g_assert_cmpint (g_unlink (path), ==, 0);
      g_assert_cmpint (mkfifo (path, 0600), ==, 0);
    }
  else
    g_assert_cmpint (g_chmod (path, 0), ==, 0);
}

static void
spoil_dangling (const char *path)
{
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (symlink ("/nonexistent/casebook-target", path), ==, 0);
}

static void
test_vanishes_mid_import (Fixture *fixture, gconstpointer data)
{
  g_autoptr(CbImportResult) last = import_and_spoil (fixture, spoil_remove);

  g_assert_cmpstr (last->reason, ==, "There is no such file or folder.");
}

static void
test_unreadable_mid_import (Fixture *fixture, gconstpointer data)
{
  g_autoptr(CbImportResult) last = import_and_spoil (fixture, spoil_unreadable);

  if (is_root ())
    g_assert_cmpstr (last->reason, ==, "This is not a regular file (a pipe, socket or device); it was not read.");
  else
    g_assert_cmpstr (last->reason, ==, "You are not allowed to read this file or folder.");
}

static void
test_dangling_mid_import (Fixture *fixture, gconstpointer data)
{
  g_autoptr(CbImportResult) last = import_and_spoil (fixture, spoil_dangling);

  g_assert_cmpstr (last->reason, ==, "There is no such file or folder.");
}

static void
test_symlink_loop (Fixture *fixture, gconstpointer data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "loop", NULL);
  g_autofree char *a = g_build_filename (folder, "a.txt", NULL);
  g_autofree char *b = g_build_filename (folder, "b.txt", NULL);
  g_autofree char *inner = g_build_filename (folder, "inner", NULL);
  g_autofree char *up = g_build_filename (inner, "up", NULL);
  const char *args[] = { "import", folder, NULL };
  g_auto(GStrv) lines = NULL;
  Run run = { 0 };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (symlink (b, a), ==, 0);
  g_assert_cmpint (symlink (a, b), ==, 0);
  g_assert_cmpint (g_mkdir (inner, 0700), ==, 0);
  g_assert_cmpint (symlink ("..", up), ==, 0);   /* a folder loop as well */

  run_cli (&run, fixture->db, args);
  g_assert_cmpint (run.status, ==, 1);
  lines = g_strsplit (run.out, "\n", -1);
  /* a.txt, b.txt, and nothing walked twice. */
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  for (guint i = 0; i < 2; i++)
    g_assert_true (g_str_has_suffix (lines[i], ": This is a symbolic link to nothing that can be read."));
  run_clear (&run);
  assert_unchanged (fixture);
}

static void
test_fifo_in_folder (Fixture *fixture, gconstpointer data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "pipes", NULL);
  g_autofree char *fifo = g_build_filename (folder, "pipe.txt", NULL);
  g_autofree char *good = NULL;
  const char *args[] = { "import", folder, NULL };
  g_autofree char *after = NULL;
  Run run = { 0 };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  good = write_file (fixture, "pipes/story.txt", "Title: Next to a pipe\n\nA story.\n", -1);

  run_cli (&run, fixture->db, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "pipe.txt: This is not a regular file (a pipe, socket or device); it was not read.\n"));
  g_assert_nonnull (strstr (run.out, "imported: "));
  run_clear (&run);
  after = counts (fixture->db);
  g_assert_true (g_str_has_prefix (after, "2 articles, "));
}

static void
test_device_in_folder (Fixture *fixture, gconstpointer data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "devices", NULL);
  g_autofree char *device = g_build_filename (folder, "zero.txt", NULL);
  const char *args[] = { "import", folder, NULL };
  Run run = { 0 };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  /* /dev/zero would never end if it were read. */
  if (is_root ())
    g_assert_cmpint (mknod (device, S_IFCHR | 0600, makedev (1, 5)), ==, 0);
  else
    g_assert_cmpint (symlink ("/dev/zero", device), ==, 0);

  run_cli (&run, fixture->db, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.out, "rejected: "));
  g_assert_nonnull (strstr (run.out, "zero.txt: This is not a regular file (a pipe, socket or device); it was not read.\n"));
  run_clear (&run);
  assert_unchanged (fixture);
}

static void
test_newline_in_name (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = write_file (fixture, "two\nlines.txt", "Title: Odd name\n\nA story.\n", -1);
  const char *args[] = { "import", path, NULL };
  Run run = { 0 };

  run_cli (&run, fixture->db, args);
  g_assert_cmpint (run.status, ==, 0);
  /* One line per file, whatever the name. */
  g_assert_cmpint (strchr (run.out, '\n') - run.out + 1, ==, strlen (run.out));
  g_assert_nonnull (strstr (run.out, "two\\nlines.txt (Odd name)"));
  run_clear (&run);
}

static void
test_invalid_utf8_name (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = write_file (fixture, "caf\xe9-\xff.txt", "Title: Latin-1 name\n\nA story.\n", -1);
  g_autofree char *stored = NULL;
  const char *args[] = { "import", path, NULL };
  Run run = { 0 };

  run_cli (&run, fixture->db, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_utf8_validate (run.out, -1, NULL));
  g_assert_nonnull (strstr (run.out, "caf\ufffd-\ufffd.txt (Latin-1 name)"));
  run_clear (&run);

  stored = query_text (fixture->db, "SELECT path FROM article ORDER BY id DESC LIMIT 1");
  g_assert_true (g_utf8_validate (stored, -1, NULL));
  g_assert_true (g_str_has_suffix (stored, "caf\ufffd-\ufffd.txt"));
}

static void
test_missing_path (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "not-there.txt", NULL);

  assert_rejected (fixture, path, ": There is no such file or folder.\n");
}

static void
test_dangling_symlink_named (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "link.txt", NULL);

  g_assert_cmpint (symlink ("/nonexistent/casebook", path), ==, 0);
  assert_rejected (fixture, path, "This is a symbolic link to nothing that can be read.");
}

static void
test_bad_date_option (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = write_file (fixture, "fine.txt", "Title: Fine\n\nFine.\n", -1);
  const char *args[] = { "import", "--date", "2019-02-30", path, NULL };
  Run run = { 0 };

  run_cli (&run, fixture->db, args);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "“2019-02-30” is not a date; use YYYY-MM-DD."));
  g_assert_cmpstr (run.out, ==, "");
  run_clear (&run);
  assert_unchanged (fixture);
}

/* --- databases ------------------------------------------------------------ */

static void
test_read_only_database (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = write_file (fixture, "new.txt", "Title: Cannot be stored\n\nA story.\n", -1);
  const char *args[] = { "import", path, NULL };
  Run run = { 0 };

  if (is_root ())
    {
      /* Permissions do not stop root; the immutable attribute does. */
      const char *chattr[] = { "chattr", "+i", fixture->db, NULL };
      int status = -1;

      g_assert_true (g_spawn_sync (NULL, (char **) chattr, NULL, G_SPAWN_SEARCH_PATH,
                                   NULL, NULL, NULL, NULL, &status, NULL));
      g_assert_cmpint (status, ==, 0);
      fixture->immutable = g_strdup (fixture->db);
    }
  else
    g_assert_cmpint (g_chmod (fixture->db, 0444), ==, 0);

  run_cli (&run, fixture->db, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.out, "rejected: "));
  g_assert_nonnull (strstr (run.out, "the database can only be read, not changed"));
  run_clear (&run);
  assert_unchanged (fixture);
}

static void
test_disk_full (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbStore) store = cb_store_open (fixture->db, &error);
  g_autoptr(CbImporter) importer = NULL;
  g_autoptr(CbImportResult) result = NULL;
  g_autoptr(GString) text = g_string_new ("Title: Too much\n\n");

  g_assert_no_error (error);
  /* SQLITE_FULL, as on a full disk: no page more than there are now. */
  g_assert_cmpint (sqlite3_exec (store->db,
                                 "PRAGMA wal_checkpoint(TRUNCATE);"
                                 "PRAGMA max_page_count = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  while (text->len < 200000)
    g_string_append (text, "Bram Tessaly was convicted in 1990 and released in 2001. ");

  importer = cb_importer_new (store);
  result = cb_importer_import_text (importer, text->str, "big text");
  g_assert_cmpint (result->outcome, ==, CB_IMPORT_REJECTED);
  g_assert_nonnull (strstr (result->reason, "The article could not be stored: Nothing of “Too much” was stored: "));
  g_assert_nonnull (strstr (result->reason, "the disk is full. Nothing of this change was kept"));
  g_clear_object (&importer);
  g_clear_object (&store);
  assert_unchanged (fixture);
}

static void
test_newer_version (Fixture *fixture, gconstpointer data)
{
  const char *args[] = { "cases", NULL };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;
  Run run = { 0 };

  g_assert_cmpint (sqlite3_open (fixture->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = file_checksum (fixture->db);

  run_cli (&run, fixture->db, args);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "was written by a newer version of Casebook (schema version 99"));
  g_assert_nonnull (strstr (run.err, "It was not changed"));
  run_clear (&run);

  after = file_checksum (fixture->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_not_a_database (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = write_file (fixture, "garbage.db",
                                      "This is a letter, not a database. It goes on for a while, "
                                      "long enough to fill the header SQLite looks at first.", -1);
  g_autofree char *before = file_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *story = write_file (fixture, "story.txt", "Title: Story\n\nStory.\n", -1);
  const char *args[] = { "import", story, NULL };
  Run run = { 0 };

  run_cli (&run, path, args);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "is not a Casebook database, or it is damaged"));
  g_assert_nonnull (strstr (run.err, "It was not changed."));
  run_clear (&run);
  after = file_checksum (path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_other_programs_database (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *args[] = { "cases", NULL };
  sqlite3 *db = NULL;
  Run run = { 0 };

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = file_checksum (path);

  run_cli (&run, path, args);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "is a database of another program, not of Casebook. It was not changed."));
  run_clear (&run);
  after = file_checksum (path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_damaged_database (Fixture *fixture, gconstpointer data)
{
  g_autofree char *contents = NULL;
  g_autofree char *story = write_file (fixture, "story.txt", "Title: Story\n\nStory.\n", -1);
  const char *import[] = { "import", story, NULL };
  const char *export[] = { "export-json", NULL };
  gsize length = 0;
  Run run = { 0 };

  /* Every page but the first (the header and the schema) overwritten. */
  g_assert_true (g_file_get_contents (fixture->db, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  memset (contents + 4096, 0xA5, length - 4096);
  g_assert_true (g_file_set_contents (fixture->db, contents, length, NULL));

  run_cli (&run, fixture->db, export);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "the file is not a Casebook database or it is damaged"));
  run_clear (&run);

  run_cli (&run, fixture->db, import);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.out[0] != '\0' ? run.out : run.err, "damaged"));
  run_clear (&run);
}

static void
test_truncated_database (Fixture *fixture, gconstpointer data)
{
  const char *args[] = { "export-json", NULL };
  struct stat st;
  Run run = { 0 };

  g_assert_cmpint (g_stat (fixture->db, &st), ==, 0);
  g_assert_cmpint (truncate (fixture->db, 3000), ==, 0);

  run_cli (&run, fixture->db, args);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "damaged"));
  run_clear (&run);
}

static void
test_database_is_a_folder (Fixture *fixture, gconstpointer data)
{
  const char *args[] = { "cases", NULL };
  Run run = { 0 };

  run_cli (&run, fixture->dir, args);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "Could not open the database"));
  run_clear (&run);
  assert_unchanged (fixture);
}

/* --- hostile searches ------------------------------------------------------- */

static void
check_search (Fixture    *fixture,
              const char *query)
{
  /* "--": a query may start with a dash. */
  const char *args[] = { "search", "--", query, NULL };
  Run run = { 0 };

  run_cli (&run, fixture->db, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_utf8_validate (run.out, -1, NULL));
  run_clear (&run);
  assert_unchanged (fixture);
}

static void
test_search_fts_syntax (Fixture *fixture, gconstpointer data)
{
  const char *queries[] = { "\"", "\"unbalanced", "NEAR(life prison", "*", "life*)", "title:life",
                            "^life", "-life", "AND", "life OR OR", ")(", "{title body}: x", NULL };

  for (guint i = 0; queries[i] != NULL; i++)
    check_search (fixture, queries[i]);
}

static void
test_search_sql_injection (Fixture *fixture, gconstpointer data)
{
  check_search (fixture, "life'); DROP TABLE article; --");
  check_search (fixture, "' OR 1=1 --");
}

static void
test_search_huge_query (Fixture *fixture, gconstpointer data)
{
  GString *query = g_string_new (NULL);

  while (query->len < 100000)
    g_string_append (query, "sentence prison \"life\" ");
  check_search (fixture, query->str);
  g_string_free (query, TRUE);
}

static void
test_search_invalid_utf8 (Fixture *fixture, gconstpointer data)
{
  check_search (fixture, "life \xff\xfe prison");
}

static void
test_search_finds_after_hostile (Fixture *fixture, gconstpointer data)
{
  const char *args[] = { "search", "“commutes” (sentence)!!", NULL };
  Run run = { 0 };

  /* Punctuation around real words still finds them. */
  run_cli (&run, fixture->db, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Governor commutes a life sentence"));
  run_clear (&run);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/bad-input/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("file/binary", test_binary);
  ADD ("file/nul-bytes", test_nul_bytes);
  ADD ("file/control-characters", test_control_characters);
  ADD ("file/invalid-utf8", test_invalid_utf8);
  ADD ("file/overlong-utf8", test_overlong_utf8);
  ADD ("file/utf8-bom-invalid", test_utf8_bom_invalid);
  ADD ("file/utf16le-bom", test_utf16le_bom);
  ADD ("file/utf16be-bom", test_utf16be_bom);
  ADD ("file/utf16le-no-bom", test_utf16le_no_bom);
  ADD ("file/utf16be-no-bom", test_utf16be_no_bom);
  ADD ("file/utf16-odd-length", test_utf16_odd_length);
  ADD ("file/utf16-lone-surrogate", test_utf16_lone_surrogate);
  ADD ("file/empty", test_empty);
  ADD ("file/whitespace-only", test_whitespace_only);
  ADD ("file/one-megabyte-line", test_one_megabyte_line);
  ADD ("file/fifty-megabytes", test_fifty_megabytes);
  ADD ("file/ten-thousand-quotes", test_ten_thousand_quotes);
  ADD ("file/garbage-header-date", test_garbage_header_date);
  ADD ("file/sql-metacharacters", test_sql_metacharacters);
  ADD ("folder/vanishes-mid-import", test_vanishes_mid_import);
  ADD ("folder/unreadable-mid-import", test_unreadable_mid_import);
  ADD ("folder/dangling-mid-import", test_dangling_mid_import);
  ADD ("folder/symlink-loop", test_symlink_loop);
  ADD ("folder/fifo", test_fifo_in_folder);
  ADD ("folder/device", test_device_in_folder);
  ADD ("name/newline", test_newline_in_name);
  ADD ("name/invalid-utf8", test_invalid_utf8_name);
  ADD ("name/missing", test_missing_path);
  ADD ("name/dangling-symlink", test_dangling_symlink_named);
  ADD ("cli/bad-date-option", test_bad_date_option);
  ADD ("database/read-only", test_read_only_database);
  ADD ("database/disk-full", test_disk_full);
  ADD ("database/newer-version", test_newer_version);
  ADD ("database/not-a-database", test_not_a_database);
  ADD ("database/other-program", test_other_programs_database);
  ADD ("database/damaged", test_damaged_database);
  ADD ("database/truncated", test_truncated_database);
  ADD ("database/is-a-folder", test_database_is_a_folder);
  ADD ("search/fts-syntax", test_search_fts_syntax);
  ADD ("search/sql-injection", test_search_sql_injection);
  ADD ("search/huge-query", test_search_huge_query);
  ADD ("search/invalid-utf8", test_search_invalid_utf8);
  ADD ("search/punctuation", test_search_finds_after_hostile);

#undef ADD

  return g_test_run ();
}
