/* cb-test-support.c — what the test programs share
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "cb-test-support.h"

void
cb_test_store_setup (CbTestStore   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("casebook-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = cb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->importer = cb_importer_new (fixture->store);
}

void
cb_test_store_teardown (CbTestStore   *fixture,
                        gconstpointer  data)
{
  g_clear_object (&fixture->importer);
  g_clear_object (&fixture->store);
  cb_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

gint64
cb_test_store_import (CbTestStore *fixture,
                      const char  *text)
{
  g_autoptr(CbImportResult) result = cb_importer_import_text (fixture->importer, text, "test");

  g_assert_nonnull (result);
  if (result->outcome == CB_IMPORT_REJECTED)
    g_test_message ("rejected: %s", result->reason);
  g_assert_cmpint (result->outcome, ==, CB_IMPORT_IMPORTED);
  return result->article_id;
}

void
cb_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        cb_test_remove_tree (child);
      else
        g_unlink (child);
    }
  if (dir != NULL)
    g_rmdir (path);
  else
    g_unlink (path);
}

static gboolean
wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
cb_test_iterate_until (CbTestCondition  done,
                       gpointer         fixture,
                       int              seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  /* A blocking iteration must come back to look at the clock. */
  guint wake_up = g_timeout_add (10, wake_up_cb, NULL);
  gboolean result;

  while (!(result = done (fixture)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake_up);
  return result;
}

void
cb_test_drain (void)
{
  for (int i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

sqlite3 *
cb_test_open_db (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  return db;
}

gint64
cb_test_query_int (sqlite3    *db,
                   const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
cb_test_query_rows (sqlite3    *db,
                    const char *sql)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", text != NULL ? text : "NULL");
        }
      g_string_append_c (out, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

gboolean
cb_test_mentions_packed (sqlite3 *db)
{
  return cb_test_query_int (db, "SELECT count(*) FROM pragma_table_info ('mention')"
                                " WHERE name = 'spans'") == 1;
}

void
cb_test_unpack_mentions (sqlite3 *db)
{
  g_assert_true (cb_test_mentions_packed (db));
  /* The table of migration 1, filled span by span, last span first. */
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE mention_unpacked ("
                                 "  id INTEGER PRIMARY KEY,"
                                 "  article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,"
                                 "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
                                 "  span_start INTEGER NOT NULL,"
                                 "  span_end INTEGER NOT NULL,"
                                 "  CHECK (span_start <= span_end));"
                                 "INSERT INTO mention_unpacked (article_id, person_id, span_start, span_end)"
                                 "  SELECT m.article_id, m.person_id, s.value ->> 0, s.value ->> 1"
                                 "  FROM mention m, json_each (m.spans) s"
                                 "  ORDER BY m.article_id, m.person_id, s.key DESC;"
                                 "DROP TABLE mention;"
                                 "ALTER TABLE mention_unpacked RENAME TO mention;"
                                 "CREATE INDEX mention_article ON mention (article_id);"
                                 "CREATE INDEX mention_person ON mention (person_id);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
}

char *
cb_test_dump_mentions (sqlite3 *db)
{
  return cb_test_query_rows (db, cb_test_mentions_packed (db)
                                 ? "SELECT m.article_id, m.person_id, s.value ->> 0, s.value ->> 1"
                                   " FROM mention m, json_each (m.spans) s ORDER BY 1, 2, 3, 4"
                                 : "SELECT article_id, person_id, span_start, span_end"
                                   " FROM mention ORDER BY 1, 2, 3, 4");
}

CbPerson *
cb_test_person_new_va (const char *name,
                       va_list     forms)
{
  CbPerson *person = g_new0 (CbPerson, 1);
  const char *form;

  person->name = g_strdup (name);
  person->aliases = g_ptr_array_new_with_free_func (g_free);
  person->mentions = g_array_new (FALSE, FALSE, sizeof (CbSpan));
  g_ptr_array_add (person->aliases, g_strdup (name));
  while ((form = va_arg (forms, const char *)) != NULL)
    g_ptr_array_add (person->aliases, g_strdup (form));
  return person;
}
