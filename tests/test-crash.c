/* test-crash.c — `casebook-cli import` killed half-way loses nothing stored
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 2,000 generated articles are imported by casebook-cli; once some hundreds
 * are stored (the test polls the count: no timing), the process gets
 * SIGKILL.  Then the database must pass PRAGMA integrity_check, every stored
 * article must have exactly what a clean import of the same files gives it
 * (mentions, excerpts, event sources), and importing the folder again must
 * store exactly the rest.
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bench/cb-corpus.h"
#include "cb-test-support.h"

#define N_FILES 2000
#define KILL_AFTER 300

static char *
write_corpus (const char *dir)
{
  char *folder = g_build_filename (dir, "articles", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < N_FILES; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("article-%04u.txt", i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *text = cb_corpus_article (77, i, 1024, 3072);

      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
    }

  return folder;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* sha256 → "mentions/excerpts/sources" for every stored article. */
static GHashTable *
article_contents (sqlite3 *db)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT a.sha256,"
                                       " (SELECT count(*) FROM mention m WHERE m.article_id = a.id),"
                                       " (SELECT count(*) FROM excerpt x WHERE x.article_id = a.id),"
                                       " (SELECT count(*) FROM event_source es JOIN excerpt x"
                                       "   ON x.id = es.excerpt_id WHERE x.article_id = a.id)"
                                       " FROM article a", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (table, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup_printf ("%lld/%lld/%lld",
                                          (long long) sqlite3_column_int64 (stmt, 1),
                                          (long long) sqlite3_column_int64 (stmt, 2),
                                          (long long) sqlite3_column_int64 (stmt, 3)));
  sqlite3_finalize (stmt);
  return table;
}

static void
run_import (const char *db_path,
            const char *folder,
            guint      *imported,
            guint      *duplicates)
{
  const char *argv[] = { g_getenv ("CASEBOOK_CLI"), "--db", db_path, "import", folder, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  *imported = *duplicates = 0;
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "imported: "))
        (*imported)++;
      else if (g_str_has_prefix (lines[i], "duplicate: "))
        (*duplicates)++;
    }
}

static void
test_kill_during_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("casebook-crash-XXXXXX", &error);
  g_autofree char *folder = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *clean_path = NULL;
  g_autofree char *integrity = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GHashTable) killed = NULL;
  g_autoptr(GHashTable) clean = NULL;
  GHashTableIter iter;
  gpointer key, value;
  sqlite3 *db;
  gint64 stored = 0;
  guint imported, duplicates;

  g_assert_no_error (error);
  folder = write_corpus (dir);
  db_path = g_build_filename (dir, "killed.db", NULL);
  clean_path = g_build_filename (dir, "clean.db", NULL);

  /* The reference: the same files, imported without interruption. */
  run_import (clean_path, folder, &imported, &duplicates);
  g_assert_cmpuint (imported + duplicates, ==, N_FILES);

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                              g_getenv ("CASEBOOK_CLI"), "--db", db_path, "import", folder, NULL);
  g_assert_no_error (error);

  /* Wait for the schema, then for KILL_AFTER articles; poll, never sleep a
   * fixed time.  The import takes seconds: it cannot be over before we look. */
  while (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    g_usleep (1000);
  db = cb_test_open_db (db_path);
  while (stored < KILL_AFTER)
    {
      sqlite3_stmt *stmt = NULL;

      g_usleep (2000);
      if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM article", -1, &stmt, NULL) == SQLITE_OK
          && sqlite3_step (stmt) == SQLITE_ROW)
        stored = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
    }
  g_subprocess_force_exit (process);   /* SIGKILL */
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
  sqlite3_close (db);

  /* What the killed import left. */
  db = cb_test_open_db (db_path);
  integrity = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (cb_test_query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  stored = cb_test_query_int (db, "SELECT count(*) FROM article");
  g_assert_cmpint (stored, >=, KILL_AFTER);
  g_assert_cmpint (stored, <, N_FILES);

  killed = article_contents (db);
  sqlite3_close (db);
  db = cb_test_open_db (clean_path);
  clean = article_contents (db);
  sqlite3_close (db);

  /* Every article stored is whole: what a clean import gives it. */
  g_hash_table_iter_init (&iter, killed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_assert_nonnull (g_hash_table_lookup (clean, key));
      g_assert_cmpstr (value, ==, g_hash_table_lookup (clean, key));
    }

  /* Again: exactly the rest is stored, and then it all is as a clean import. */
  run_import (db_path, folder, &imported, &duplicates);
  g_assert_cmpuint (duplicates, ==, stored);
  g_assert_cmpuint (imported, ==, g_hash_table_size (clean) - stored);

  db = cb_test_open_db (db_path);
  g_clear_pointer (&integrity, g_free);
  integrity = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_clear_pointer (&killed, g_hash_table_unref);
  killed = article_contents (db);
  sqlite3_close (db);
  g_assert_cmpuint (g_hash_table_size (killed), ==, g_hash_table_size (clean));
  g_hash_table_iter_init (&iter, clean);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpstr (value, ==, g_hash_table_lookup (killed, key));

  {
    const char *argv[] = { "rm", "-rf", dir, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/kill-during-import", test_kill_during_import);

  return g_test_run ();
}
