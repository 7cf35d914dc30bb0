/* cb-store-checkpointer.c — copying the log into the database beside an import
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In WAL mode a commit appends pages to the log; a checkpoint copies them
 * into the database file and syncs it.  Left to the importing connection,
 * the checkpoint runs inside the commit that fills the log: a 2,000-article
 * import spent 150 ms in one such commit, and the store's last checkpoint as
 * it closed took as long again.  A checkpoint does not need the write lock,
 * so a second connection on a thread of its own copies each batch as soon as
 * it is committed (PASSIVE: it never waits for, nor blocks, the importer),
 * on the core that reading and extracting leave idle most of the time.
 * The importing connection keeps its own automatic checkpoint: it then finds
 * the log copied already, and only it can start the log over.
 */

#include "config.h"

#include <sqlite3.h>

#include "cb-store.h"
#include "cb-store-private.h"

struct _CbStoreCheckpointer
{
  CbStore  *store;
  sqlite3  *db;
  GThread  *thread;
  GMutex    mutex;
  GCond     cond;
  gboolean  requested;
  gboolean  running;
  gboolean  stop;
  int       log_frames;   /* in the log at the last checkpoint */
};

static gpointer
checkpointer_thread (gpointer user_data)
{
  CbStoreCheckpointer *self = user_data;
  int log_frames = 0;

  for (;;)
    {
      g_mutex_lock (&self->mutex);
      while (!self->requested && !self->stop)
        g_cond_wait (&self->cond, &self->mutex);
      if (!self->requested)
        {
          g_mutex_unlock (&self->mutex);
          break;
        }
      self->requested = FALSE;
      self->running = TRUE;
      g_mutex_unlock (&self->mutex);

      /* Busy (another checkpoint under way) or failed: it is tried again
       * after the next commit. */
      if (sqlite3_wal_checkpoint_v2 (self->db, "main", SQLITE_CHECKPOINT_PASSIVE,
                                     &log_frames, NULL) != SQLITE_OK)
        log_frames = 0;

      g_mutex_lock (&self->mutex);
      self->running = FALSE;
      self->log_frames = log_frames;
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->mutex);
    }

  return NULL;
}

CbStoreCheckpointer *
cb_store_start_checkpointer (CbStore *store)
{
  CbStoreCheckpointer *self;
  const char *path;
  sqlite3 *db = NULL;

  g_return_val_if_fail (CB_IS_STORE (store), NULL);

  path = store->path;
  if (path == NULL || *path == '\0' || g_str_equal (path, ":memory:"))
    return NULL;

  /* A connection opens the log when it first reads: before that, SQLite
   * 3.40 takes a checkpoint request for one outside WAL mode. */
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA schema_version", NULL, NULL, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return NULL;
    }

  /* The importing connection leaves the copying to this one. */
  sqlite3_wal_autocheckpoint (store->db, 0);

  self = g_new0 (CbStoreCheckpointer, 1);
  self->store = g_object_ref (store);
  self->db = db;
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->thread = g_thread_new ("casebook-checkpoint", checkpointer_thread, self);

  return self;
}

void
cb_store_checkpointer_request (CbStoreCheckpointer *self)
{
  if (self == NULL)
    return;

  g_mutex_lock (&self->mutex);
  self->requested = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);
}

/* The log is started over by the importing connection's next transaction
 * when everything in it was copied by the time it began: once the log is
 * SETTLE_FRAMES long, that waits for the copy under way.  In a large
 * database a batch's commit adds 10,000–25,000 pages to the log, most of
 * them scattered through the file, and copying them takes about as long
 * as the importer needs for the next batch: waiting at every batch, as
 * when this was the automatic checkpoint's 8,192 pages, made the copies
 * and the batches take turns (2,000 articles added to 98,000 in 2.9 s;
 * 2.4 s letting the log grow to four times that).  The log file may grow
 * to that and a batch's pages (~250 MB) during an import; the store keeps
 * at most 64 MB of it once it starts over, none once it closes. */
#define SETTLE_FRAMES (4 * CB_STORE_WAL_AUTOCHECKPOINT)

void
cb_store_checkpointer_settle (CbStoreCheckpointer *self)
{
  if (self == NULL)
    return;

  g_mutex_lock (&self->mutex);
  if (self->log_frames >= SETTLE_FRAMES)
    while (self->requested || self->running)
      g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);
}

void
cb_store_stop_checkpointer (CbStoreCheckpointer *self)
{
  if (self == NULL)
    return;

  /* A copy asked for is made first. */
  g_mutex_lock (&self->mutex);
  self->stop = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);

  g_thread_join (self->thread);
  sqlite3_close (self->db);
  sqlite3_wal_autocheckpoint (self->store->db, CB_STORE_WAL_AUTOCHECKPOINT);
  g_object_unref (self->store);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}
