/* cb-store-batch.c — many articles in one transaction
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A transaction per article cost an import most of its time: every commit
 * wrote the index pages each article touched, and FTS5 wrote a segment of
 * its own for every article (it flushes what it holds at each statement
 * savepoint once it is part of the transaction, and every INSERT of an
 * article's people, excerpts and events opens one), then spent as long
 * again merging those segments.  A batch stores many articles, each still
 * in a savepoint of its own, in one transaction, and indexes them for
 * search with one statement just before the commit: with the search
 * triggers off for the batch, FTS5 takes no part in the transaction until
 * then.  Only the connection that opened the batch is affected.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <sqlite3.h>

#include "cb-store.h"
#include "cb-store-private.h"

/* What the article_fts_ai trigger does, as it is stored (schema 1): the
 * batch does the same for all its articles at once. */
#define FTS_INSERT_TRIGGER \
  "CREATE TRIGGER article_fts_ai AFTER INSERT ON article BEGIN" \
  "  INSERT INTO article_fts (rowid, title, body) VALUES (new.id, new.title, new.body);" \
  "END"

/* Turning the triggers off is only right when the search index is all
 * they keep: any other trigger (a newer schema's, the undo journal's TEMP
 * ones) leaves them on and the batch indexes article by article. */
static gboolean
only_search_triggers (CbStore  *self,
                      gboolean *only,
                      GError  **error)
{
  sqlite3_stmt *stmt;
  int n_other = 0;
  gboolean insert_trigger_known = FALSE;
  int rc;

  stmt = _cb_store_prepare (self,
                            "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'"
                            " UNION ALL "
                            "SELECT name, sql FROM sqlite_temp_schema WHERE type = 'trigger'",
                            error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = CB_COLUMN_TEXT (stmt, 0);
      const char *sql = CB_COLUMN_TEXT (stmt, 1);

      /* Deleting and changing articles: never done while adding them. */
      if (g_strcmp0 (name, "article_fts_ad") == 0 || g_strcmp0 (name, "article_fts_au") == 0)
        continue;
      if (g_strcmp0 (name, "article_fts_ai") == 0 && g_strcmp0 (sql, FTS_INSERT_TRIGGER) == 0)
        insert_trigger_known = TRUE;
      else
        n_other++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cb_store_set_error (self->db, rc, _("Could not read the database"), error);
      return FALSE;
    }

  *only = insert_trigger_known && n_other == 0;
  return TRUE;
}

static void
set_triggers (CbStore  *self,
              gboolean  enabled)
{
  /* Prepared statements are re-prepared on their next use. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, enabled ? 1 : 0, NULL);
}

/* A batch only adds rows, and every id it writes it has just read or made
 * under the write lock, so checking each reference again (a parent lookup
 * per reference, three for an event) is all cost: about 8 % of an import.
 * SQLite changes the setting only outside a transaction; like the
 * triggers', the change makes prepared statements re-prepare. */
static void
set_foreign_key_checks (CbStore  *self,
                        gboolean  enabled)
{
  _cb_store_exec (self->db, enabled ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF", NULL);
}

/* Once per connection, before its first batch: a batch's savepoints and
 * the pages it changes stay in memory instead of spilling to temporary
 * files and the log at every article.  The TEMP database is dropped when
 * temp_store changes, so a connection with anything in it (the window's
 * undo journal) keeps its setting. */
static void
tune_for_batches (CbStore *self)
{
  sqlite3_stmt *stmt;
  gboolean temp_empty = FALSE;

  if (self->batch_tuned)
    return;
  self->batch_tuned = TRUE;

  _cb_store_exec (self->db, "PRAGMA cache_size = -32768", NULL);

  stmt = _cb_store_prepare (self, "SELECT count(*) FROM sqlite_temp_schema", NULL);
  if (stmt == NULL)
    return;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    temp_empty = sqlite3_column_int64 (stmt, 0) == 0;
  sqlite3_reset (stmt);
  if (temp_empty)
    _cb_store_exec (self->db, "PRAGMA temp_store = MEMORY", NULL);
}

gboolean
cb_store_begin_batch (CbStore  *self,
                      GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean defer = FALSE;
  int rc;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);
  g_return_val_if_fail (!_cb_store_in_transaction (self), FALSE);

  tune_for_batches (self);
  set_foreign_key_checks (self, FALSE);

  if (!cb_store_begin (self, error))
    {
      set_foreign_key_checks (self, TRUE);
      return FALSE;
    }

  /* Under the write lock: the schema and the last id cannot change. */
  if (!only_search_triggers (self, &defer, error))
    {
      cb_store_rollback_batch (self);
      return FALSE;
    }

  self->batch_open = TRUE;
  self->batch_defers_fts = FALSE;
  self->batch_aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!defer)
    return TRUE;

  stmt = _cb_store_prepare (self, "SELECT coalesce (max (id), 0) FROM article", error);
  if (stmt == NULL)
    {
      cb_store_rollback_batch (self);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    self->batch_last_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _cb_store_set_error (self->db, rc, _("Could not read the database"), error);
      cb_store_rollback_batch (self);
      return FALSE;
    }

  /* New articles get ids above every stored one, and nobody else writes
   * until the commit: the batch's articles are those above batch_last_id. */
  set_triggers (self, FALSE);
  self->batch_defers_fts = TRUE;
  return TRUE;
}

gboolean
cb_store_commit_batch (CbStore  *self,
                       GError  **error)
{
  gboolean ok;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->batch_open, FALSE);

  if (self->batch_defers_fts)
    {
      sqlite3_stmt *stmt;

      set_triggers (self, TRUE);
      self->batch_defers_fts = FALSE;

      /* SQLite may have rolled the batch back on its own (a full disk). */
      if (!_cb_store_in_transaction (self))
        {
          cb_store_rollback_batch (self);
          g_set_error_literal (error, CB_STORE_ERROR, CB_STORE_ERROR_FAILED,
                               _("The articles could not be stored; nothing of them was kept."));
          return FALSE;
        }

      stmt = _cb_store_prepare (self,
                                "INSERT INTO article_fts (rowid, title, body)"
                                " SELECT id, title, body FROM article WHERE id > ?1",
                                error);
      if (stmt == NULL)
        {
          cb_store_rollback_batch (self);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, self->batch_last_id);
      if (!_cb_store_step_done (self, stmt, _("Could not index the articles for search"), error))
        {
          cb_store_rollback_batch (self);
          return FALSE;
        }
    }

  self->batch_open = FALSE;
  g_clear_pointer (&self->batch_aliases, g_hash_table_unref);
  ok = cb_store_commit (self, error);
  set_foreign_key_checks (self, TRUE);
  return ok;
}

void
cb_store_rollback_batch (CbStore *self)
{
  g_return_if_fail (CB_IS_STORE (self));

  if (self->batch_defers_fts)
    set_triggers (self, TRUE);
  self->batch_defers_fts = FALSE;
  self->batch_open = FALSE;
  g_clear_pointer (&self->batch_aliases, g_hash_table_unref);
  cb_store_rollback (self);
  set_foreign_key_checks (self, TRUE);
}

gboolean
_cb_store_batch_defers_fts (CbStore *self)
{
  return self->batch_open && self->batch_defers_fts;
}
