/* test-import-batch.c — importing in batches stores what one transaction
 * per article stored
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importer commits whole articles in batches, and a batch of the store
 * indexes its articles for search only at the commit.  These tests compare
 * a folder imported that way, table by table and term by term of the search
 * index, with the same texts stored one transaction each; and they check
 * what a batch keeps when one of its articles fails, when it is rolled back,
 * and that a trigger the batch does not know about keeps working.
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bench/cb-corpus.h"
#include "cb-store-private.h"
#include "cb-test-support.h"
#include "extract/cb-extract.h"

#define N_FILES 40

/* --- reading a database back ---------------------------------------------- */

/* Everything the database holds, ids included, but when and from where
 * the articles were imported; and every entry of the search index. */
static char *
dump_database (const char *path)
{
  static const char * const queries[] = {
    "SELECT id, title, source, author, published, published_precision, published_earliest,"
    " published_latest, sha256, body FROM article ORDER BY id",
    "SELECT * FROM person ORDER BY id",
    "SELECT * FROM alias ORDER BY id",
    NULL,  /* the mentions: cb_test_dump_mentions () */
    "SELECT * FROM case_file ORDER BY id",
    "SELECT * FROM event ORDER BY id",
    "SELECT * FROM event_source ORDER BY event_id, excerpt_id",
    "SELECT * FROM excerpt ORDER BY id",
    "SELECT * FROM person_merge ORDER BY id",
    "SELECT * FROM rejection ORDER BY id",
    "SELECT * FROM case_excerpt ORDER BY case_id, excerpt_id",
    /* The search index, term by term: which article, column and position. */
    "SELECT term, doc, col, offset FROM temp.index_terms ORDER BY term, doc, col, offset",
  };
  GString *out = g_string_new (NULL);
  sqlite3 *db = cb_test_open_db (path);

  g_assert_cmpint (sqlite3_exec (db, "CREATE VIRTUAL TABLE temp.index_terms"
                                 " USING fts5vocab (main, article_fts, 'instance')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *rows = queries[i] != NULL ? cb_test_query_rows (db, queries[i])
                                                 : cb_test_dump_mentions (db);

      g_string_append_printf (out, "== %s\n%s", queries[i] != NULL ? queries[i] : "mentions", rows);
    }

  /* And the index agrees with the articles it indexes. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO article_fts (article_fts) VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  return g_string_free (out, FALSE);
}

/* --- a folder of generated articles --------------------------------------- */

typedef struct
{
  CbTestStore  base;
  char        *folder;
  GPtrArray   *texts;   /* char *, the files' contents in order */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  cb_test_store_setup (&fixture->base, data);

  fixture->folder = g_build_filename (fixture->base.dir, "articles", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->folder, 0700), ==, 0);
  fixture->texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < N_FILES; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("article-%04u.txt", i);
      g_autofree char *path = g_build_filename (fixture->folder, name, NULL);
      /* The last file repeats the first: a duplicate inside the batch. */
      char *text = cb_corpus_article (31, i < N_FILES - 1 ? i : 0, 1024, 4096);

      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
      g_ptr_array_add (fixture->texts, text);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->folder);
  g_ptr_array_unref (fixture->texts);
  cb_test_store_teardown (&fixture->base, data);
}

typedef struct
{
  guint calls;
  guint imported_seen;
} ProgressLog;

static void
count_progress_cb (const CbImportResult *result,
                   guint                 done,
                   guint                 total,
                   gpointer              user_data)
{
  ProgressLog *log = user_data;

  log->calls++;
  g_assert_cmpuint (done, ==, log->calls);
  g_assert_cmpuint (total, ==, N_FILES);
  if (result->outcome == CB_IMPORT_IMPORTED)
    log->imported_seen++;
}

/* A folder imported at once (in batches) stores exactly what storing each
 * text in a transaction of its own stores, search index included. */
static void
test_batch_same_as_one_by_one (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->folder);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(CbStore) single = NULL;
  g_autoptr(CbImporter) single_importer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *single_path = g_build_filename (fixture->base.dir, "single.db", NULL);
  g_autofree char *batched_dump = NULL;
  g_autofree char *single_dump = NULL;
  const CbImportResult *first, *last;
  ProgressLog log = { 0, 0 };

  results = cb_importer_import_files (fixture->base.importer, &folder, 1, NULL,
                                      count_progress_cb, &log);
  g_assert_cmpuint (results->len, ==, N_FILES);
  g_assert_cmpuint (log.calls, ==, N_FILES);
  g_assert_cmpuint (log.imported_seen, ==, N_FILES - 1);
  for (guint i = 0; i < N_FILES - 1; i++)
    {
      const CbImportResult *result = g_ptr_array_index (results, i);

      g_assert_cmpint (result->outcome, ==, CB_IMPORT_IMPORTED);
      g_assert_cmpint (result->article_id, ==, i + 1);
    }
  first = g_ptr_array_index (results, 0);
  last = g_ptr_array_index (results, N_FILES - 1);
  g_assert_cmpint (last->outcome, ==, CB_IMPORT_DUPLICATE);
  g_assert_cmpint (last->article_id, ==, first->article_id);
  g_assert_cmpstr (last->title, ==, first->title);

  /* The batch checked no references as it stored them (see
   * set_foreign_key_checks ()): none dangles, and the connection checks
   * them again. */
  {
    sqlite3 *db = cb_test_open_db (fixture->base.path);
    g_autofree char *dangling = cb_test_query_rows (db, "PRAGMA foreign_key_check");

    g_assert_cmpstr (dangling, ==, "");
    g_assert_cmpint (cb_test_query_int (db, "SELECT count(*) FROM event_source"), >, 0);
    sqlite3_close (db);
  }
  g_assert_cmpint (cb_test_query_int (fixture->base.store->db, "PRAGMA foreign_keys"), ==, 1);

  /* The batch was committed: another connection sees it all. */
  g_clear_object (&fixture->base.importer);
  g_clear_object (&fixture->base.store);

  /* The reference: each text on its own, one transaction each, indexed by
   * the search triggers as it is stored. */
  single = cb_store_open (single_path, &error);
  g_assert_no_error (error);
  single_importer = cb_importer_new (single);
  for (guint i = 0; i < N_FILES; i++)
    {
      g_autoptr(CbImportResult) result =
        cb_importer_import_text (single_importer, g_ptr_array_index (fixture->texts, i), "text");

      g_assert_cmpint (result->outcome, ==, i < N_FILES - 1 ? CB_IMPORT_IMPORTED : CB_IMPORT_DUPLICATE);
      g_assert_false (cb_store_in_transaction (single));
    }
  g_clear_object (&single_importer);
  g_clear_object (&single);

  batched_dump = dump_database (fixture->base.path);
  single_dump = dump_database (single_path);
  g_assert_nonnull (strstr (batched_dump, "== SELECT term"));
  g_assert_cmpuint (strlen (batched_dump), >, 100000);
  g_assert_cmpstr (batched_dump, ==, single_dump);
}

/* While a folder is imported, a second connection copies each committed
 * batch into the database file: when the import returns (the importer's
 * store still open, so it made no checkpoint of its own) the file alone,
 * without its log, holds every article.  Left to SQLite, 40 articles are
 * far too few for a checkpoint.  The importing connection gets its
 * automatic checkpoint back. */
static void
test_batch_checkpointed_beside (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->folder);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *copy = g_build_filename (fixture->base.dir, "file-alone.db", NULL);
  gsize length = 0;
  sqlite3 *db;

  results = cb_importer_import_files (fixture->base.importer, &folder, 1, NULL, NULL, NULL);
  g_assert_cmpuint (results->len, ==, N_FILES);

  g_assert_true (g_file_get_contents (fixture->base.path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (copy, contents, (gssize) length, &error));
  g_assert_no_error (error);

  db = cb_test_open_db (copy);
  g_assert_cmpint (cb_test_query_int (db, "SELECT count(*) FROM article"), ==, N_FILES - 1);
  g_assert_cmpint (cb_test_query_int (db, "SELECT count(*) FROM event"), >, 0);
  sqlite3_close (db);

  g_assert_cmpint (cb_test_query_int (fixture->base.store->db, "PRAGMA wal_autocheckpoint"),
                   ==, CB_STORE_WAL_AUTOCHECKPOINT);
}

/* The database fills up half-way through a batch (SQLite may then roll the
 * whole transaction back): the results still say exactly what is stored —
 * every article reported imported is there, whole, and nothing else. */
static void
test_batch_disk_full (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->folder);
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *limit = NULL;
  sqlite3 *db;
  guint imported = 0, rejected = 0;

  /* Room for a few articles only. */
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                           cb_test_query_int (fixture->base.store->db, "PRAGMA page_count") + 60);
  g_assert_cmpint (sqlite3_exec (fixture->base.store->db, limit, NULL, NULL, NULL), ==, SQLITE_OK);

  results = cb_importer_import_files (fixture->base.importer, &folder, 1, NULL, NULL, NULL);
  g_assert_cmpuint (results->len, ==, N_FILES);
  g_assert_false (cb_store_in_transaction (fixture->base.store));
  g_assert_cmpint (cb_test_query_int (fixture->base.store->db, "PRAGMA foreign_keys"), ==, 1);

  db = cb_test_open_db (fixture->base.path);
  for (guint i = 0; i < N_FILES; i++)
    {
      const CbImportResult *result = g_ptr_array_index (results, i);
      g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                           g_ptr_array_index (fixture->texts, i), -1);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM article WHERE sha256 = '%s'", sha);
      g_autofree char *sql_id = NULL;

      if (result->outcome == CB_IMPORT_IMPORTED)
        {
          imported++;
          sql_id = g_strdup_printf ("SELECT count(*) FROM article WHERE sha256 = '%s' AND id = %"
                                    G_GINT64_FORMAT, sha, result->article_id);
          g_assert_cmpint (cb_test_query_int (db, sql_id), ==, 1);
        }
      else if (result->outcome == CB_IMPORT_REJECTED)
        {
          rejected++;
          g_assert_nonnull (result->reason);
          g_assert_cmpint (cb_test_query_int (db, sql), ==, 0);
        }
    }
  g_assert_cmpuint (imported, >, 0);
  g_assert_cmpuint (rejected, >, 0);
  g_assert_cmpint (cb_test_query_int (db, "SELECT count(*) FROM article"), ==, imported);
  /* Nothing of the rejected ones, and the index holds the imported ones. */
  g_assert_cmpint (cb_test_query_int (db, "SELECT count(*) FROM mention WHERE article_id NOT IN"
                                  " (SELECT id FROM article)"), ==, 0);
  g_assert_cmpint (cb_test_query_int (db, "SELECT count(*) FROM excerpt WHERE article_id NOT IN"
                                  " (SELECT id FROM article)"), ==, 0);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO article_fts (article_fts) VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Another connection of the process that wants to write while a batch is
 * open: a thread that waits for the write lock, then counts the articles
 * it finds stored. */
typedef struct
{
  const char *path;
  guint       waits_before;
  gint        articles_seen;  /* atomic; -1 until the writer is through */
} Writer;

static gpointer
writer_thread (gpointer user_data)
{
  Writer *writer = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CbStore) store = cb_store_open (writer->path, &error);
  guint count;

  g_assert_no_error (error);
  g_assert_true (cb_store_begin (store, &error));
  g_assert_no_error (error);
  count = cb_store_count_articles (store);
  g_assert_true (cb_store_commit (store, &error));
  g_assert_no_error (error);
  g_atomic_int_set (&writer->articles_seen, (gint) count);
  return NULL;
}

typedef struct
{
  Writer   writer;
  GThread *thread;
  guint    start_at;   /* the file after which the writer starts */
  gboolean got_in;     /* it finished while the import went on */
} WriterDuringImport;

/* Waits (up to 10 s) for @done to hold. */
static gboolean
wait_until (gboolean (*done) (WriterDuringImport *), WriterDuringImport *data)
{
  for (guint i = 0; i < 10000; i++)
    {
      if (done (data))
        return TRUE;
      g_usleep (1000);
    }
  return FALSE;
}

static gboolean
writer_is_waiting (WriterDuringImport *data)
{
  return cb_store_get_lock_waits () != data->writer.waits_before;
}

static gboolean
writer_is_through (WriterDuringImport *data)
{
  return g_atomic_int_get (&data->writer.articles_seen) >= 0;
}

/* Called on the importing thread between files, while the batch is open. */
static void
start_writer_cb (const CbImportResult *result,
                 guint                 done,
                 guint                 total,
                 gpointer              user_data)
{
  WriterDuringImport *data = user_data;

  if (done == data->start_at)
    {
      data->writer.waits_before = cb_store_get_lock_waits ();
      data->thread = g_thread_new ("writer", writer_thread, &data->writer);
      /* The writer waits for the batch's lock before the next file. */
      g_assert_true (wait_until (writer_is_waiting, data));
    }
  else if (done == data->start_at + 1)
    {
      /* The batch committed after that file, well within its length. */
      data->got_in = wait_until (writer_is_through, data);
    }
}

/* An edit made while a folder is imported (the window's connection) waits
 * for the batch under way no longer than the next file. */
static void
test_batch_lets_writer_in (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->folder);
  g_autoptr(GPtrArray) results = NULL;
  WriterDuringImport during = { { fixture->base.path, 0, -1 }, NULL, 5, FALSE };

  results = cb_importer_import_files (fixture->base.importer, &folder, 1, NULL,
                                      start_writer_cb, &during);
  g_thread_join (during.thread);
  g_assert_true (during.got_in);
  /* It saw the files stored up to then, committed early: not all of them. */
  g_assert_cmpint (g_atomic_int_get (&during.writer.articles_seen), ==, during.start_at + 1);
  g_assert_cmpuint (results->len, ==, N_FILES);
  g_assert_cmpuint (cb_store_count_articles (fixture->base.store), ==, N_FILES - 1);
}

/* --- the store's batches ------------------------------------------------------ */

static CbArticle *
article_for (const char    *text,
             CbExtraction **extraction)
{
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  *extraction = cb_extract (text, NULL);
  return cb_article_new ("A title", NULL, NULL, "2020-01-01", NULL, sha, text);
}

static guint
search_count (CbStore    *store,
              const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = cb_store_search (store, query, 100, &error);

  g_assert_no_error (error);
  return hits->len;
}

/* A failing article leaves nothing and the batch goes on; after the commit
 * the batch's articles are found by search; a rolled-back batch leaves
 * nothing and the search triggers work again.  Only inside the batch are
 * references not checked. */
static void
test_store_batch (CbTestStore   *fixture,
                  gconstpointer  data)
{
  const char *texts[] = {
    "The board heard Wilhelmina Quartermaine in 2019. \"I am sorry,\" Quartermaine said.",
    "Wilhelmina Quartermaine was released in March 2021 after the governor's decision.",
    "Bartholomew Oyelaran-Finch was sentenced to life in prison in 1998.",
  };
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  gint64 id;

  g_assert_true (cb_store_begin_batch (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_true (cb_store_in_transaction (fixture->store));
  g_assert_cmpint (cb_test_query_int (fixture->store->db, "PRAGMA foreign_keys"), ==, 0);

  for (guint i = 0; i < 2; i++)
    {
      CbExtraction *extraction = NULL;
      g_autoptr(CbArticle) article = article_for (texts[i], &extraction);

      id = cb_store_add_article (fixture->store, article, extraction, &error);
      g_assert_no_error (error);
      g_assert_cmpint (id, ==, i + 1);
      cb_extraction_free (extraction);
    }

  /* An extraction whose mention runs past the text: nothing of it stays. */
  {
    CbExtraction *extraction = NULL;
    g_autoptr(CbArticle) article = article_for (texts[2], &extraction);
    CbPerson *person;

    g_assert_cmpuint (extraction->persons->len, >, 0);
    person = g_ptr_array_index (extraction->persons, 0);
    g_array_index (person->mentions, CbSpan, 0).end = 100000;
    id = cb_store_add_article (fixture->store, article, extraction, &error);
    g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_FAILED);
    g_assert_cmpint (id, ==, 0);
    g_clear_error (&error);
    cb_extraction_free (extraction);
  }
  g_assert_true (cb_store_in_transaction (fixture->store));
  g_assert_true (cb_store_commit_batch (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_false (cb_store_in_transaction (fixture->store));
  g_assert_cmpint (cb_test_query_int (fixture->store->db, "PRAGMA foreign_keys"), ==, 1);

  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, 2);
  g_assert_cmpuint (search_count (fixture->store, "Quartermaine"), ==, 2);
  g_assert_cmpuint (search_count (fixture->store, "governor"), ==, 1);
  g_assert_cmpuint (search_count (fixture->store, "Oyelaran"), ==, 0);

  db = cb_test_open_db (fixture->path);
  g_assert_cmpint (cb_test_query_int (db, "SELECT count(*) FROM person WHERE name LIKE '%Oyelaran%'"), ==, 0);
  g_assert_cmpint (cb_test_query_int (db, "SELECT count(*) FROM mention WHERE article_id > 2"), ==, 0);
  g_assert_cmpint (cb_test_query_int (db, "SELECT count(*) FROM excerpt WHERE article_id > 2"), ==, 0);
  g_assert_cmpint (cb_test_query_int (db, "SELECT count(*) FROM mention"), >, 0);
  sqlite3_close (db);

  /* Rolled back: nothing stays, and an article stored afterwards, outside
   * a batch, is indexed by the triggers again. */
  g_assert_true (cb_store_begin_batch (fixture->store, &error));
  {
    CbExtraction *extraction = NULL;
    g_autoptr(CbArticle) article = article_for (texts[2], &extraction);

    id = cb_store_add_article (fixture->store, article, extraction, &error);
    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
    cb_extraction_free (extraction);
  }
  cb_store_rollback_batch (fixture->store);
  g_assert_false (cb_store_in_transaction (fixture->store));
  g_assert_cmpint (cb_test_query_int (fixture->store->db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, 2);
  g_assert_cmpuint (search_count (fixture->store, "Oyelaran"), ==, 0);

  {
    CbExtraction *extraction = NULL;
    g_autoptr(CbArticle) article = article_for (texts[2], &extraction);

    id = cb_store_add_article (fixture->store, article, extraction, &error);
    g_assert_no_error (error);
    cb_extraction_free (extraction);
  }
  g_assert_cmpuint (search_count (fixture->store, "Oyelaran"), ==, 1);
}

/* A batch remembers the names its articles stored, to skip storing them
 * again; an article that fails leaves none of its names behind, neither in
 * the database nor in what the batch remembers: told again in the same
 * batch, the person gets every name, as on its own. */
static void
test_store_batch_failed_names (CbTestStore   *fixture,
                               gconstpointer  data)
{
  const char *text = "Bartholomew Oyelaran-Finch was sentenced to life in prison in 1998."
                     " Oyelaran-Finch appealed in 2001, and Mr. Oyelaran-Finch was released in 2009.";
  g_autoptr(GError) error = NULL;
  g_autofree char *in_batch = NULL;
  g_autofree char *alone = NULL;
  g_autofree char *alone_path = g_build_filename (fixture->dir, "alone.db", NULL);
  sqlite3 *db;
  gint64 id;

  g_assert_true (cb_store_begin_batch (fixture->store, &error));
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      CbExtraction *extraction = NULL;
      g_autoptr(CbArticle) article = article_for (text, &extraction);

      /* The first attempt fails after its names were stored. */
      if (attempt == 0)
        {
          CbPerson *person = g_ptr_array_index (extraction->persons, 0);

          g_assert_cmpuint (person->aliases->len, >, 0);
          g_array_index (person->mentions, CbSpan, 0).end = 100000;
        }
      id = cb_store_add_article (fixture->store, article, extraction, &error);
      if (attempt == 0)
        {
          g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_FAILED);
          g_clear_error (&error);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpint (id, >, 0);
        }
      cb_extraction_free (extraction);
      /* The same text twice is one article. */
      if (attempt == 1)
        text = "Bartholomew Oyelaran-Finch, 61, was released in 2009. Oyelaran-Finch said little.";
    }
  g_assert_true (cb_store_commit_batch (fixture->store, &error));
  g_assert_no_error (error);

  db = cb_test_open_db (fixture->path);
  in_batch = cb_test_query_rows (db, "SELECT person_id, text, text_key FROM alias ORDER BY 1, 3");
  sqlite3_close (db);
  g_assert_cmpuint (strlen (in_batch), >, 0);

  /* The same two articles, one transaction each. */
  {
    g_autoptr(CbStore) store = cb_store_open (alone_path, &error);
    const char *texts[] = {
      "Bartholomew Oyelaran-Finch was sentenced to life in prison in 1998."
      " Oyelaran-Finch appealed in 2001, and Mr. Oyelaran-Finch was released in 2009.",
      text,
    };

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        CbExtraction *extraction = NULL;
        g_autoptr(CbArticle) article = article_for (texts[i], &extraction);

        g_assert_cmpint (cb_store_add_article (store, article, extraction, &error), >, 0);
        g_assert_no_error (error);
        cb_extraction_free (extraction);
      }
  }
  db = cb_test_open_db (alone_path);
  alone = cb_test_query_rows (db, "SELECT person_id, text, text_key FROM alias ORDER BY 1, 3");
  sqlite3_close (db);
  g_assert_cmpstr (in_batch, ==, alone);
}

/* A trigger the batch does not know (here one added by another program)
 * is not turned off: it runs for every article, and the search index is
 * still complete. */
static void
test_store_batch_other_trigger (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->folder);
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *dump = NULL;
  sqlite3 *db;

  db = cb_test_open_db (fixture->base.path);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE arrivals (article_id INTEGER);"
                                 "CREATE TRIGGER count_arrivals AFTER INSERT ON article BEGIN"
                                 "  INSERT INTO arrivals VALUES (new.id);"
                                 "END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  results = cb_importer_import_files (fixture->base.importer, &folder, 1, NULL, NULL, NULL);
  g_assert_cmpuint (results->len, ==, N_FILES);

  db = cb_test_open_db (fixture->base.path);
  g_assert_cmpint (cb_test_query_int (db, "SELECT count(*) FROM arrivals"), ==, N_FILES - 1);
  g_assert_cmpint (cb_test_query_int (db, "SELECT count(*) FROM article"), ==, N_FILES - 1);
  g_assert_cmpint (sqlite3_exec (db, "CREATE VIRTUAL TABLE temp.index_terms"
                                 " USING fts5vocab (main, article_fts, 'instance')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (cb_test_query_int (db, "SELECT count(DISTINCT doc) FROM temp.index_terms"), ==, N_FILES - 1);
  sqlite3_close (db);
}

/* A batch on a fresh database does defer the search index: should the
 * schema's search trigger change, this fails rather than imports silently
 * going back to indexing article by article. */
static void
test_store_batch_defers (CbTestStore   *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cb_store_begin_batch (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_true (_cb_store_batch_defers_fts (fixture->store));
  g_assert_true (cb_store_commit_batch (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_false (_cb_store_batch_defers_fts (fixture->store));
}

/* Whether SQLite runs @sql through the index @index. */
static gboolean
plan_uses (sqlite3    *db,
           const char *sql,
           const char *index)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autofree char *needle = g_strconcat (" INDEX ", index, " ", NULL);
  sqlite3_stmt *stmt = NULL;
  gboolean uses = FALSE;

  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (strstr ((const char *) sqlite3_column_text (stmt, 3), needle) != NULL)
      uses = TRUE;
  sqlite3_finalize (stmt);
  return uses;
}

/* Schema 5 adds the indexes adding an article looks a person's events up
 * with (schema 6 makes the unfiled events' one partial, schema 8 tunes the
 * search index's merging, schema 9 adds the long events'); a schema 4 file
 * gets them, after a backup, with its rows unchanged. */
static void
test_schema_5_indexes (CbTestStore   *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_strconcat (fixture->path, ".schema-4.bak", NULL);
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db;

  text = cb_corpus_article (5, 1, 1024, 2048);
  cb_test_store_import (fixture, text);
  g_clear_object (&fixture->importer);
  g_clear_object (&fixture->store);

  db = cb_test_open_db (fixture->path);
  g_assert_cmpint (sqlite3_exec (db, "DROP INDEX event_subject_date; DROP INDEX event_unfiled;"
                                 " DROP INDEX event_wide;"
                                 " PRAGMA user_version = 4;", NULL, NULL, NULL), ==, SQLITE_OK);
  cb_test_unpack_mentions (db);
  sqlite3_close (db);
  before = dump_database (fixture->path);

  fixture->store = cb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cb_store_get_schema_version (fixture->store), ==, CB_STORE_SCHEMA_VERSION);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));

  db = cb_test_open_db (fixture->path);
  g_assert_cmpint (cb_test_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                                  " AND name IN ('event_subject_date', 'event_unfiled')"), ==, 2);
  g_assert_cmpint (cb_test_query_int (db, "PRAGMA user_version"), ==, CB_STORE_SCHEMA_VERSION);
  /* The partial indexes (schema 6) still serve the queries of their kind. */
  g_assert_true (plan_uses (db, "UPDATE event SET case_id = 1 WHERE subject_id = 2 AND case_id IS NULL",
                            "event_unfiled"));
  g_assert_true (plan_uses (db, "SELECT id FROM excerpt WHERE speaker_id = 3", "excerpt_speaker"));
  /* The same event told again is looked for in a short range of dates, and
   * among the long events (schema 9): the condition of the query must be
   * the partial index's. */
  g_assert_true (plan_uses (db, "SELECT id, description FROM event WHERE subject_id = ?1 AND date_earliest >= ?6"
                            " AND date_earliest <= ?4 AND date_latest >= ?3 AND article_id IS NOT ?2 AND id != ?5",
                            "event_subject_date"));
  g_assert_true (plan_uses (db, "SELECT id, description FROM event WHERE subject_id = ?1"
                            " AND date_latest - date_earliest > " G_STRINGIFY (CB_STORE_NARROW_EVENT_DAYS)
                            " AND date_earliest < ?6 AND date_latest >= ?3 AND article_id IS NOT ?2 AND id != ?5",
                            "event_wide"));
  /* FTS5 merges 16 segments at a time (schema 8). */
  g_assert_cmpint (cb_test_query_int (db, "SELECT v FROM article_fts_config WHERE k = 'automerge'"), ==, 16);
  sqlite3_close (db);
  after = dump_database (fixture->path);
  g_assert_cmpstr (after, ==, before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import-batch/same-as-one-by-one", Fixture, NULL,
              fixture_set_up, test_batch_same_as_one_by_one, fixture_tear_down);
  g_test_add ("/import-batch/checkpointed-beside", Fixture, NULL,
              fixture_set_up, test_batch_checkpointed_beside, fixture_tear_down);
  g_test_add ("/import-batch/disk-full", Fixture, NULL,
              fixture_set_up, test_batch_disk_full, fixture_tear_down);
  g_test_add ("/import-batch/lets-writer-in", Fixture, NULL,
              fixture_set_up, test_batch_lets_writer_in, fixture_tear_down);
  g_test_add ("/import-batch/other-trigger", Fixture, NULL,
              fixture_set_up, test_store_batch_other_trigger, fixture_tear_down);
  g_test_add ("/store-batch/failure-and-rollback", CbTestStore, NULL,
              cb_test_store_setup, test_store_batch, cb_test_store_teardown);
  g_test_add ("/store-batch/failed-article-names", CbTestStore, NULL,
              cb_test_store_setup, test_store_batch_failed_names, cb_test_store_teardown);
  g_test_add ("/store/schema-5-indexes", CbTestStore, NULL,
              cb_test_store_setup, test_schema_5_indexes, cb_test_store_teardown);
  g_test_add ("/store-batch/defers-search-index", CbTestStore, NULL,
              cb_test_store_setup, test_store_batch_defers, cb_test_store_teardown);

  return g_test_run ();
}
