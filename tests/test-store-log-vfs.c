/* test-store-log-vfs.c — the log written in large pieces loses nothing
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's connection writes its write-ahead log through
 * cb-store-log-vfs.c, which gathers the frames a commit appends.  These
 * tests have another connection (SQLite's own VFS, as the window's lists
 * and the checkpointer use) read after every commit, through transactions
 * large and small, pages spilled before the commit, savepoints rolled back
 * and the log started over; and make the log's file refuse to grow, which
 * must fail the commit and keep what was there.
 */
#include "config.h"

#include <signal.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cb-store-private.h"
#include "cb-test-support.h"

static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* "rows|bytes" of the test's table, as @db sees it. */
static char *
table_state (sqlite3 *db)
{
  return cb_test_query_rows (db, "SELECT count(*), coalesce (sum (length (v)), 0), coalesce (sum (n), 0) FROM t");
}

static void
test_readers_see_every_commit (CbTestStore   *fixture,
                               gconstpointer  data)
{
  sqlite3 *writer = fixture->store->db;
  sqlite3 *reader;
  sqlite3_vfs *vfs = NULL;
  guint late = _cb_store_log_late_writes ();
  g_autofree char *integrity = NULL;
  GRand *rand = g_rand_new_with_seed (20261123);

  /* The store's connection writes through the VFS. */
  g_assert_cmpint (sqlite3_file_control (writer, "main", SQLITE_FCNTL_VFS_POINTER, &vfs), ==, SQLITE_OK);
  g_assert_nonnull (vfs);
  g_assert_cmpstr (vfs->zName, ==, _cb_store_log_vfs ());
  g_assert_cmpstr (vfs->zName, ==, "casebook-log");

  exec_ok (writer, "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, v BLOB)");
  /* A small cache: a large transaction spills pages into the log before
   * its commit, and SQLite rewrites some of them in place. */
  exec_ok (writer, "PRAGMA cache_size = 20");
  reader = cb_test_open_db (fixture->path);

  for (guint i = 0; i < 120; i++)
    {
      guint rows = g_rand_int_range (rand, 1, i % 10 == 0 ? 400 : 40);
      g_autofree char *expected = NULL;
      g_autofree char *seen = NULL;

      exec_ok (writer, "BEGIN IMMEDIATE");
      for (guint r = 0; r < rows; r++)
        {
          g_autofree char *sql = g_strdup_printf ("INSERT INTO t (n, v) VALUES (%u, randomblob (%d))",
                                                  i, g_rand_int_range (rand, 1, 3000));
          exec_ok (writer, sql);
        }
      if (i % 7 == 3)
        {
          exec_ok (writer, "SAVEPOINT s");
          exec_ok (writer, "UPDATE t SET v = randomblob (2000) WHERE id % 3 = 0");
          exec_ok (writer, "DELETE FROM t WHERE id % 5 = 0");
          exec_ok (writer, "ROLLBACK TO s; RELEASE s");
        }
      if (i % 11 == 5)
        exec_ok (writer, "DELETE FROM t WHERE id % 4 = 1");
      expected = table_state (writer);
      exec_ok (writer, "COMMIT");

      seen = table_state (reader);
      g_assert_cmpstr (seen, ==, expected);

      /* The log starts over after a checkpoint that copied all of it. */
      if (i % 25 == 24)
        exec_ok (writer, "PRAGMA wal_checkpoint(TRUNCATE)");
    }

  integrity = cb_test_query_rows (reader, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok\n");
  /* Every commit's frames were written when the commit frame was. */
  g_assert_cmpuint (_cb_store_log_late_writes (), ==, late);

  sqlite3_close (reader);
  g_rand_free (rand);
}

static void
set_file_size_limit (rlim_t limit)
{
  struct rlimit rl;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &rl), ==, 0);
  rl.rlim_cur = MIN (limit, rl.rlim_max);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &rl), ==, 0);
}

/* The log cannot grow (a full disk, a quota): the transaction fails, the
 * other connection sees what was committed before, and once there is room
 * again the database is whole and takes new commits. */
static void
test_log_write_fails (CbTestStore   *fixture,
                      gconstpointer  data)
{
  sqlite3 *writer = fixture->store->db;
  sqlite3 *reader;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *integrity = NULL;
  GStatBuf st;
  int rc;

  exec_ok (writer, "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, v BLOB)");
  exec_ok (writer, "WITH RECURSIVE s (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 50)"
                   " INSERT INTO t (n, v) SELECT n, randomblob (1000) FROM s");
  exec_ok (writer, "PRAGMA wal_checkpoint(TRUNCATE)");
  reader = cb_test_open_db (fixture->path);
  before = table_state (reader);

  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  /* Writing past the limit fails (EFBIG) instead of raising SIGXFSZ. */
  signal (SIGXFSZ, SIG_IGN);
  set_file_size_limit ((rlim_t) st.st_size + 200 * 1024);

  exec_ok (writer, "BEGIN IMMEDIATE");
  rc = sqlite3_exec (writer, "WITH RECURSIVE s (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 400)"
                     " INSERT INTO t (n, v) SELECT n, randomblob (3000) FROM s", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (writer, "COMMIT", NULL, NULL, NULL);
  g_assert_cmpint (rc, !=, SQLITE_OK);
  if (sqlite3_get_autocommit (writer) == 0)
    exec_ok (writer, "ROLLBACK");

  set_file_size_limit (RLIM_INFINITY);
  signal (SIGXFSZ, SIG_DFL);

  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  after = table_state (reader);
  g_assert_cmpstr (after, ==, before);

  exec_ok (writer, "INSERT INTO t (n, v) VALUES (-1, randomblob (10))");
  g_assert_cmpint (cb_test_query_int (reader, "SELECT count(*) FROM t"), ==, 51);
  integrity = cb_test_query_rows (reader, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok\n");
  sqlite3_close (reader);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/log-vfs/readers-see-every-commit", CbTestStore, NULL,
              cb_test_store_setup, test_readers_see_every_commit, cb_test_store_teardown);
  g_test_add ("/store/log-vfs/log-write-fails", CbTestStore, NULL,
              cb_test_store_setup, test_log_write_fails, cb_test_store_teardown);

  return g_test_run ();
}
