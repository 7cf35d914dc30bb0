/* cb-store-undo.c — the undo journal: every user edit is a step that can be
 * taken back and done again, kept in the database
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cb-store-private.h"

/* How it works (after https://www.sqlite.org/undoredo.html): TEMP triggers
 * on the tables a user edits write, for every row an edit inserts, deletes
 * or updates, the SQL statement that puts the row back as it was into
 * undo_action, under the step being recorded.  They record only while a
 * step is open — cb_undo_state.step is not NULL — so imports (other
 * connections, or this one outside a step) are never recorded.  Undoing
 * runs a step's statements newest first in one transaction, while the same
 * triggers record the statements that redo it as a new step of the other
 * kind.  Foreign keys are checked at the commit, as the statements of a
 * step come back in reverse order of the rows' dependencies.  The triggers
 * are TEMP (on this connection only) and made from the tables' columns, so
 * a later migration's new columns are journalled too. */

typedef struct
{
  const char *table;
  /* NULL: every change of a row; else only updates of these columns. */
  const char *const *columns;
} Tracked;

static const char *const article_date_columns[] = {
  "published", "published_precision", "published_earliest", "published_latest", NULL,
};

static const Tracked tracked[] = {
  { "case_file", NULL },
  { "event", NULL },
  { "event_source", NULL },
  { "case_excerpt", NULL },
  { "excerpt", NULL },
  { "person", NULL },
  { "alias", NULL },
  { "mention", NULL },
  { "person_merge", NULL },
  { "rejection", NULL },
  { "article", article_date_columns },
};

/* --- the triggers ------------------------------------------------------------ */

/* @row.column quoted as an SQL literal, as an SQL expression. */
static void
append_value (GString    *sql,
              const char *row,
              const char *column)
{
  g_string_append_printf (sql, "quote (%s.\"%s\")", row, column);
}

/* Inside an open string literal: " WHERE col = ' || quote (row.col) || ' AND …"
 * for the primary key, closing the literal. */
static void
append_where (GString    *sql,
              GPtrArray  *key,
              const char *row)
{
  for (guint i = 0; i < key->len; i++)
    {
      const char *column = g_ptr_array_index (key, i);

      g_string_append_printf (sql, "%s\"%s\" = ' || ", i == 0 ? " WHERE " : " AND ", column);
      append_value (sql, row, column);
      g_string_append (sql, " || '");
    }
  g_string_append (sql, "'");
}

static void
append_trigger_head (GString    *sql,
                     const char *table,
                     const char *event,
                     const char *suffix)
{
  g_string_append_printf (sql,
                          "CREATE TEMP TRIGGER cb_undo_%s_%s AFTER %s ON main.\"%s\""
                          " WHEN (SELECT step FROM cb_undo_state) IS NOT NULL BEGIN"
                          " INSERT INTO undo_action (step_id, sql)"
                          " SELECT step, ",
                          table, suffix, event, table);
}

static void
append_trigger_tail (GString *sql)
{
  g_string_append (sql, " FROM cb_undo_state; END;");
}

static gboolean
install_triggers (CbStore        *self,
                  const Tracked  *t,
                  GError        **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) key = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *info = g_strdup_printf ("PRAGMA main.table_info (\"%s\")", t->table);
  sqlite3_stmt *stmt = NULL;
  GPtrArray *set;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, info, -1, &stmt, NULL);
  while (rc == SQLITE_OK || rc == SQLITE_ROW)
    {
      if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        break;
      g_ptr_array_add (columns, g_strdup (CB_COLUMN_TEXT (stmt, 1)));
      if (sqlite3_column_int (stmt, 5) > 0)
        g_ptr_array_add (key, g_strdup (CB_COLUMN_TEXT (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _cb_store_set_error (self->db, rc, _("Could not prepare the undo history"), error);
      return FALSE;
    }
  if (key->len == 0)
    g_ptr_array_add (key, g_strdup ("rowid"));

  if (t->columns == NULL)
    {
      /* An inserted row is deleted again … */
      append_trigger_head (sql, t->table, "INSERT", "i");
      g_string_append_printf (sql, "'DELETE FROM \"%s\"", t->table);
      append_where (sql, key, "new");
      append_trigger_tail (sql);

      /* … a deleted one inserted again, with every column … */
      append_trigger_head (sql, t->table, "DELETE", "d");
      g_string_append_printf (sql, "'INSERT INTO \"%s\" (", t->table);
      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "",
                                (char *) g_ptr_array_index (columns, i));
      g_string_append (sql, ") VALUES (' || ");
      for (guint i = 0; i < columns->len; i++)
        {
          if (i > 0)
            g_string_append (sql, " || ', ' || ");
          append_value (sql, "old", g_ptr_array_index (columns, i));
        }
      g_string_append (sql, " || ')'");
      append_trigger_tail (sql);
    }

  /* … and an updated one gets its old values back. */
  set = columns;
  if (t->columns != NULL)
    {
      g_autofree char *list = g_strjoinv ("\", \"", (char **) t->columns);
      g_autofree char *event = g_strdup_printf ("UPDATE OF \"%s\"", list);

      set = g_ptr_array_new ();
      for (guint i = 0; t->columns[i] != NULL; i++)
        g_ptr_array_add (set, (gpointer) t->columns[i]);
      append_trigger_head (sql, t->table, event, "u");
    }
  else
    append_trigger_head (sql, t->table, "UPDATE", "u");
  g_string_append_printf (sql, "'UPDATE \"%s\" SET ", t->table);
  for (guint i = 0; i < set->len; i++)
    {
      const char *column = g_ptr_array_index (set, i);

      g_string_append_printf (sql, "%s\"%s\" = ' || ", i > 0 ? ", " : "", column);
      append_value (sql, "old", column);
      g_string_append (sql, " || '");
    }
  /* The row is found by its key as it is now. */
  append_where (sql, key, "new");
  append_trigger_tail (sql);
  if (set != columns)
    g_ptr_array_unref (set);

  return _cb_store_exec (self->db, sql->str, error);
}

/* The TEMP state row and triggers, once per connection.  Looked up each time
 * rather than remembered: a rolled back transaction takes them along. */
static gboolean
ensure_journal (CbStore  *self,
                GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cb_store_prepare (self,
                            "SELECT 1 FROM sqlite_temp_master WHERE name = 'cb_undo_state'",
                            error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      _cb_store_set_error (self->db, rc, _("Could not prepare the undo history"), error);
      return FALSE;
    }

  if (!_cb_store_exec (self->db,
                       "CREATE TEMP TABLE cb_undo_state (step INTEGER);"
                       "INSERT INTO cb_undo_state (step) VALUES (NULL);",
                       error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (tracked); i++)
    if (!install_triggers (self, &tracked[i], error))
      return FALSE;

  return TRUE;
}

/* --- steps --------------------------------------------------------------- */

static gboolean
set_recording (CbStore  *self,
               gint64    step,
               GError  **error)
{
  return _cb_store_run_ids (self, "UPDATE cb_undo_state SET step = ?1", step, 0,
                            _("Could not record the change for undo"), error);
}

static gint64
new_step (CbStore     *self,
          const char  *kind,
          const char  *label,
          GError     **error)
{
  sqlite3_stmt *stmt = _cb_store_prepare (self,
                                          "INSERT INTO undo_step (kind, label) VALUES (?1, ?2)",
                                          error);

  if (stmt == NULL)
    return 0;
  _cb_store_bind_text (stmt, 1, kind);
  _cb_store_bind_text (stmt, 2, label);
  if (!_cb_store_step_done (self, stmt, _("Could not record the change for undo"), error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

/* The newest step of @kind: its id (0 when none) and untranslated label. */
static gboolean
top_step (CbStore     *self,
          const char  *kind,
          gint64      *id,
          char       **label,
          GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *id = 0;
  stmt = _cb_store_prepare (self,
                            "SELECT id, label FROM undo_step WHERE kind = ?1"
                            " ORDER BY id DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  _cb_store_bind_text (stmt, 1, kind);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      if (label != NULL)
        *label = g_strdup (CB_COLUMN_TEXT (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _cb_store_set_error (self->db, rc, _("Could not read the undo history"), error);
      return FALSE;
    }
  return TRUE;
}

/* Keeps the newest CB_STORE_UNDO_LIMIT undo steps (their actions go with
 * them: ON DELETE CASCADE). */
static gboolean
trim_history (CbStore  *self,
              GError  **error)
{
  return _cb_store_run_ids (self,
                            "DELETE FROM undo_step WHERE kind = 'undo' AND id <= coalesce ("
                            " (SELECT id FROM undo_step WHERE kind = 'undo'"
                            "   ORDER BY id DESC LIMIT 1 OFFSET ?1), 0)",
                            CB_STORE_UNDO_LIMIT, 0,
                            _("Could not trim the undo history"), error);
}

gboolean
_cb_store_edit_begin (CbStore     *self,
                      const char  *label,
                      GError     **error)
{
  gint64 step;

  g_return_val_if_fail (label != NULL, FALSE);

  /* An edit made of other edits is one step: the outermost one's. */
  if (self->edit_depth > 0)
    {
      self->edit_depth++;
      return TRUE;
    }

  if (!ensure_journal (self, error) ||
      !_cb_store_begin_own (self, &self->edit_own, error))
    return FALSE;

  if (!_cb_store_exec (self->db, "SAVEPOINT cb_edit", error))
    {
      _cb_store_end_own (self, self->edit_own, FALSE, NULL);
      return FALSE;
    }

  step = new_step (self, "undo", label, error);
  if (step == 0 || !set_recording (self, step, error))
    {
      _cb_store_exec (self->db, "ROLLBACK TO cb_edit; RELEASE cb_edit", NULL);
      _cb_store_end_own (self, self->edit_own, FALSE, NULL);
      return FALSE;
    }

  self->edit_depth = 1;
  self->edit_failed = FALSE;
  return TRUE;
}

gboolean
_cb_store_edit_end (CbStore   *self,
                    gboolean   ok,
                    GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  GError **err = ok ? error : &local_error;   /* never set @error twice */
  gint64 step = 0;

  g_return_val_if_fail (self->edit_depth > 0, FALSE);

  if (!ok)
    self->edit_failed = TRUE;
  if (--self->edit_depth > 0)
    return ok;
  ok = ok && !self->edit_failed;

  if (ok)
    {
      sqlite3_stmt *stmt = _cb_store_prepare (self, "SELECT step FROM cb_undo_state", err);

      ok = stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW;
      if (ok)
        step = sqlite3_column_int64 (stmt, 0);
      if (stmt != NULL)
        sqlite3_reset (stmt);
    }
  ok = ok && set_recording (self, 0, err);

  /* A step that changed nothing is no step; any other one makes what could
   * be redone meaningless. */
  ok = ok && _cb_store_run_ids (self,
                                "DELETE FROM undo_step WHERE id = ?1 AND NOT EXISTS"
                                " (SELECT 1 FROM undo_action WHERE step_id = ?1)",
                                step, 0, _("Could not record the change for undo"), err);
  if (ok && sqlite3_changes (self->db) == 0)
    ok = _cb_store_run_ids (self, "DELETE FROM undo_step WHERE kind = 'redo'", 0, 0,
                            _("Could not record the change for undo"), err) &&
         trim_history (self, err);

  if (ok)
    ok = _cb_store_exec (self->db, "RELEASE cb_edit", err);
  if (!ok)
    {
      /* Takes the recording flag back too; set it again should SQLite have
       * rolled back more than the savepoint. */
      if (_cb_store_in_transaction (self))
        _cb_store_exec (self->db, "ROLLBACK TO cb_edit; RELEASE cb_edit", NULL);
      set_recording (self, 0, NULL);
    }

  if (!_cb_store_end_own (self, self->edit_own, ok, err))
    {
      set_recording (self, 0, NULL);
      return FALSE;
    }

  if (self->edit_own)
    _cb_store_emit_history_changed (self);
  return TRUE;
}

/* --- undo and redo ------------------------------------------------------- */

static GPtrArray *
step_actions (CbStore  *self,
              gint64    step,
              GError  **error)
{
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cb_store_prepare (self,
                            "SELECT sql FROM undo_action WHERE step_id = ?1 ORDER BY id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, step);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (actions, g_strdup (CB_COLUMN_TEXT (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cb_store_set_error (self->db, rc, _("Could not read the undo history"), error);
      return NULL;
    }
  return g_steal_pointer (&actions);
}

/* Runs the newest step of @from backwards, recording a step of @to. */
static gboolean
replay (CbStore     *self,
        const char  *from,
        const char  *to,
        GError     **error)
{
  g_autoptr(GPtrArray) actions = NULL;
  g_autofree char *label = NULL;
  gboolean undo = strcmp (from, "undo") == 0;
  gboolean ok;
  gint64 step = 0, recorded;
  int rc = SQLITE_OK;

  if (self->edit_depth > 0 || _cb_store_in_transaction (self))
    {
      g_set_error_literal (error, CB_STORE_ERROR, CB_STORE_ERROR_FAILED,
                           undo ? _("Cannot undo in the middle of a change.")
                                : _("Cannot redo in the middle of a change."));
      return FALSE;
    }

  if (!ensure_journal (self, error) ||
      !cb_store_begin (self, error))
    return FALSE;

  ok = top_step (self, from, &step, &label, error);
  if (ok && step == 0)
    {
      g_set_error_literal (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND,
                           undo ? _("There is nothing to undo.") : _("There is nothing to redo."));
      ok = FALSE;
    }
  ok = ok && _cb_store_exec (self->db, "PRAGMA defer_foreign_keys = ON", error);
  if (ok)
    {
      actions = step_actions (self, step, error);
      ok = actions != NULL;
    }
  if (ok)
    {
      recorded = new_step (self, to, label, error);
      ok = recorded != 0 && set_recording (self, recorded, error);
    }

  for (guint i = 0; ok && i < actions->len; i++)
    {
      rc = sqlite3_exec (self->db, g_ptr_array_index (actions, i), NULL, NULL, NULL);
      ok = rc == SQLITE_OK;
    }
  if (ok)
    ok = set_recording (self, 0, error) &&
         _cb_store_run_ids (self, "DELETE FROM undo_step WHERE id = ?1", step, 0,
                            _("Could not read the undo history"), error) &&
         (!undo || trim_history (self, error)) &&
         (rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL)) == SQLITE_OK;

  if (ok)
    {
      _cb_store_emit_history_changed (self);
      return TRUE;
    }

  if (rc != SQLITE_OK)
    {
      /* A statement (or the foreign keys at the commit) found the rows
       * changed since: an import, a deleted article.  This step and the ones
       * that depend on it cannot be replayed any more. */
      g_autofree char *detail = g_strdup (sqlite3_errmsg (self->db));
      gboolean conflict = (rc & 0xff) == SQLITE_CONSTRAINT;

      cb_store_rollback (self);
      set_recording (self, 0, NULL);
      if (conflict && cb_store_begin (self, NULL))
        {
          sqlite3_stmt *stmt = _cb_store_prepare (self,
                                                  "DELETE FROM undo_step WHERE kind = ?1 AND id <= ?2",
                                                  NULL);
          gboolean dropped = stmt != NULL;

          if (dropped)
            {
              _cb_store_bind_text (stmt, 1, from);
              sqlite3_bind_int64 (stmt, 2, step);
              dropped = _cb_store_step_done (self, stmt, "", NULL);
            }
          if (dropped && cb_store_commit (self, NULL))
            _cb_store_emit_history_changed (self);
          else
            cb_store_rollback (self);
        }

      if (conflict)
        g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_FAILED,
                     undo
                     /* TRANSLATORS: %s is what was done, e.g. "Rename Case"; then a reason */
                     ? _("Could not undo “%s”: what it changed was changed since (%s). "
                         "Nothing was changed; it was taken off the undo history.")
                     : _("Could not redo “%s”: what it changed was changed since (%s). "
                         "Nothing was changed; it was taken off the redo history."),
                     _(label), detail);
      else
        _cb_store_set_error (NULL, rc,
                             undo ? _("Could not undo") : _("Could not redo"), error);
      return FALSE;
    }

  cb_store_rollback (self);
  set_recording (self, 0, NULL);
  return FALSE;
}

/* --- public API ------------------------------------------------------------ */

static gboolean
can (CbStore     *self,
     const char  *kind,
     char       **label)
{
  g_autofree char *untranslated = NULL;
  gint64 id = 0;

  if (label != NULL)
    *label = NULL;
  if (self->schema_version < 3 || !top_step (self, kind, &id, &untranslated, NULL))
    return FALSE;
  if (id != 0 && label != NULL)
    *label = g_strdup (_(untranslated));
  return id != 0;
}

gboolean
cb_store_can_undo (CbStore  *self,
                   char    **label)
{
  g_return_val_if_fail (CB_IS_STORE (self), FALSE);
  return can (self, "undo", label);
}

gboolean
cb_store_can_redo (CbStore  *self,
                   char    **label)
{
  g_return_val_if_fail (CB_IS_STORE (self), FALSE);
  return can (self, "redo", label);
}

gboolean
cb_store_undo (CbStore  *self,
               GError  **error)
{
  g_return_val_if_fail (CB_IS_STORE (self), FALSE);
  return replay (self, "undo", "redo", error);
}

gboolean
cb_store_redo (CbStore  *self,
               GError  **error)
{
  g_return_val_if_fail (CB_IS_STORE (self), FALSE);
  return replay (self, "redo", "undo", error);
}
