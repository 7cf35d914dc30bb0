/* cb-store-lists.c — what lazy lists read: ids in order, rows by id, and
 * single rows the window looks for
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-store-private.h"

/* Rows between two looks at the cancellable of a long read. */
#define CANCEL_CHECK_ROWS 16384

/* The filters below are those of cb_store_list_cases, _events and
 * _excerpts (cb-store.c): test-lazy-list compares the two.  A case's
 * excerpts are one IN (… UNION …) so SQLite starts from the case's rows
 * instead of testing every excerpt. */
#define CASE_IDS \
  "SELECT c.id, 0 FROM case_file c WHERE c.review != 'rejected'" \
  " ORDER BY c.title COLLATE NOCASE, c.id"
#define EVENT_IDS_HEAD \
  "SELECT e.id, coalesce (e.date_earliest, e.date_latest) IS NOT NULL FROM event e "
#define EXCERPT_IDS_HEAD \
  "SELECT x.id, 0 FROM excerpt x JOIN article a ON a.id = x.article_id "
#define CASE_EXCERPT_IDS \
  "x.id IN (SELECT es.excerpt_id FROM event_source es JOIN event e ON e.id = es.event_id" \
  "         WHERE e.case_id = ?1 AND e.review != 'rejected'" \
  "         UNION SELECT excerpt_id FROM case_excerpt WHERE case_id = ?1" \
  "         UNION SELECT q.id FROM excerpt q WHERE q.kind = 'quote'" \
  "               AND q.speaker_id = (SELECT subject_id FROM case_file WHERE id = ?1))"

CbStore *
cb_store_open_read_only (const char  *path,
                         GError     **error)
{
  g_autoptr(CbStore) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CB_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not open the database “%s”"), path);
      _cb_store_set_error (self->db, rc, what, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (!_cb_store_read_user_version (self->db, &self->schema_version, error))
    return NULL;
  if (self->schema_version != CB_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_FAILED,
                   _("The database “%s” has schema version %d, not %d."),
                   path, self->schema_version, CB_STORE_SCHEMA_VERSION);
      return NULL;
    }

  return g_steal_pointer (&self);
}

static const char *
ids_sql (CbListKind kind,
         gint64     case_id)
{
  switch (kind)
    {
    case CB_LIST_CASES:
      return CASE_IDS;
    case CB_LIST_EVENTS:
      return case_id != 0
             ? EVENT_IDS_HEAD "WHERE e.case_id = ?1 AND e.review != 'rejected' " EVENT_ORDER
             : EVENT_IDS_HEAD "WHERE e.review != 'rejected' " EVENT_ORDER;
    case CB_LIST_EXCERPTS:
    default:
      return case_id != 0
             ? EXCERPT_IDS_HEAD "WHERE x.review != 'rejected' AND " CASE_EXCERPT_IDS " " EXCERPT_ORDER
             : EXCERPT_IDS_HEAD "WHERE x.review != 'rejected' " EXCERPT_ORDER;
    }
}

GArray *
cb_store_list_ids (CbStore       *self,
                   CbListKind     kind,
                   gint64         case_id,
                   guint         *n_dated,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  guint dated = 0;
  guint rows = 0;
  int rc;

  g_return_val_if_fail (CB_IS_STORE (self), NULL);

  stmt = _cb_store_prepare (self, ids_sql (kind, case_id), error);
  if (stmt == NULL)
    return NULL;
  if (case_id != 0)
    sqlite3_bind_int64 (stmt, 1, case_id);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      dated += sqlite3_column_int (stmt, 1) != 0;
      if (++rows % CANCEL_CHECK_ROWS == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cb_store_set_error (self->db, rc, _("Could not list what the window shows"), error);
      return NULL;
    }

  if (n_dated != NULL)
    *n_dated = dated;
  return g_steal_pointer (&ids);
}

GObject *
cb_store_get_list_item (CbStore     *self,
                        CbListKind   kind,
                        gint64       id,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  GObject *item = NULL;
  int rc;

  g_return_val_if_fail (CB_IS_STORE (self), NULL);

  switch (kind)
    {
    case CB_LIST_CASES:
      stmt = _cb_store_prepare (self, CASE_COLUMNS "WHERE c.id = ?1", error);
      break;
    case CB_LIST_EVENTS:
      stmt = _cb_store_prepare (self, EVENT_COLUMNS "WHERE e.id = ?1", error);
      break;
    case CB_LIST_EXCERPTS:
    default:
      stmt = _cb_store_prepare (self, EXCERPT_COLUMNS "WHERE x.id = ?1", error);
      break;
    }
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (kind == CB_LIST_CASES)
        item = G_OBJECT (_cb_store_read_case (stmt));
      else if (kind == CB_LIST_EVENTS)
        item = G_OBJECT (_cb_store_read_event (stmt));
      else
        item = G_OBJECT (_cb_store_read_excerpt (stmt));
    }
  else if (rc == SQLITE_DONE)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      if (kind == CB_LIST_CASES)
        /* TRANSLATORS: %s is a number */
        g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND,
                     _("There is no case file %s in the database."), id_text);
      else if (kind == CB_LIST_EVENTS)
        /* TRANSLATORS: %s is a number */
        g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND,
                     _("There is no event %s in the database."), id_text);
      else
        /* TRANSLATORS: %s is a number */
        g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND,
                     _("There is no excerpt %s in the database."), id_text);
    }
  else
    _cb_store_set_error (self->db, rc, _("Could not read what the window shows"), error);
  sqlite3_reset (stmt);

  return item;
}

gint64
cb_store_estimate_list_size (CbStore    *self,
                             CbListKind  kind)
{
  sqlite3_stmt *stmt;
  gint64 size = 0;

  g_return_val_if_fail (CB_IS_STORE (self), 0);

  /* max(id) is one look at the end of the table's b-tree. */
  if (kind == CB_LIST_CASES)
    stmt = _cb_store_prepare (self, "SELECT max(id) FROM case_file", NULL);
  else if (kind == CB_LIST_EVENTS)
    stmt = _cb_store_prepare (self, "SELECT max(id) FROM event", NULL);
  else
    stmt = _cb_store_prepare (self, "SELECT max(id) FROM excerpt", NULL);

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    size = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return size;
}

/* The row of @stmt (bound already) read by @reader, or NULL with
 * CB_STORE_ERROR_NOT_FOUND. */
static GObject *
read_one (CbStore           *self,
          sqlite3_stmt      *stmt,
          CbStoreRowReader   reader,
          const char        *not_found,
          GError           **error)
{
  GObject *item = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    item = reader (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND, not_found);
  else
    _cb_store_set_error (self->db, rc, _("Could not read the database"), error);
  sqlite3_reset (stmt);
  return item;
}

CbEvent *
cb_store_get_event (CbStore  *self,
                    gint64    id,
                    GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CB_IS_STORE (self), NULL);

  stmt = _cb_store_prepare (self, EVENT_COLUMNS "WHERE e.id = ?1 AND e.review != 'rejected'", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return CB_EVENT (read_one (self, stmt, _cb_store_read_event_object,
                             _("There is no such event in the database."), error));
}

CbExcerpt *
cb_store_get_excerpt (CbStore  *self,
                      gint64    id,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CB_IS_STORE (self), NULL);

  stmt = _cb_store_prepare (self, EXCERPT_COLUMNS "WHERE x.id = ?1 AND x.review != 'rejected'", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return CB_EXCERPT (read_one (self, stmt, _cb_store_read_excerpt_object,
                               _("There is no such excerpt in the database."), error));
}

/* Collects the first column of @stmt's rows (bound already). */
static GArray *
collect_ids (CbStore       *self,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cb_store_set_error (self->db, rc, _("Could not find the excerpts"), error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

CbEvent *
cb_store_find_first_sourced_event (CbStore  *self,
                                   gint64    case_id,
                                   GError  **error)
{
  sqlite3_stmt *stmt;
  CbEvent *event = NULL;
  int rc;

  g_return_val_if_fail (CB_IS_STORE (self), NULL);

  if (case_id != 0)
    stmt = _cb_store_prepare (self,
                              EVENT_COLUMNS "WHERE e.case_id = ?1 AND e.review != 'rejected'"
                              " AND e.article_id IS NOT NULL " EVENT_ORDER " LIMIT 1",
                              error);
  else
    stmt = _cb_store_prepare (self,
                              EVENT_COLUMNS "WHERE e.review != 'rejected'"
                              " AND e.article_id IS NOT NULL " EVENT_ORDER " LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;
  if (case_id != 0)
    sqlite3_bind_int64 (stmt, 1, case_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    event = _cb_store_read_event (stmt);
  else if (rc != SQLITE_DONE)
    _cb_store_set_error (self->db, rc, _("Could not list the events"), error);
  sqlite3_reset (stmt);

  return event;
}

GArray *
cb_store_list_source_ids (CbStore  *self,
                          gint64    event_id,
                          GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CB_IS_STORE (self), NULL);

  stmt = _cb_store_prepare (self,
                            "SELECT es.excerpt_id FROM event_source es"
                            " JOIN excerpt x ON x.id = es.excerpt_id"
                            " WHERE es.event_id = ?1 AND x.review != 'rejected'"
                            " ORDER BY es.excerpt_id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  return collect_ids (self, stmt, error);
}

GArray *
cb_store_list_excerpt_ids_at (CbStore  *self,
                              gint64    article_id,
                              guint     start,
                              guint     end,
                              GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CB_IS_STORE (self), NULL);

  stmt = _cb_store_prepare (self,
                            "SELECT id FROM excerpt"
                            " WHERE article_id = ?1 AND review != 'rejected'"
                            " AND span_start < max (?3, ?2 + 1) AND span_end > ?2"
                            " ORDER BY span_start, span_end, id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_int64 (stmt, 3, end);
  return collect_ids (self, stmt, error);
}

GPtrArray *
cb_store_list_article_events (CbStore  *self,
                              gint64    article_id,
                              GError  **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CB_IS_STORE (self), NULL);

  stmt = _cb_store_prepare (self,
                            EVENT_COLUMNS "WHERE e.article_id = ?1 AND e.review != 'rejected' "
                            EVENT_ORDER,
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (events, _cb_store_read_event (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cb_store_set_error (self->db, rc, _("Could not list the events"), error);
      return NULL;
    }
  return g_steal_pointer (&events);
}

gboolean
cb_store_has_articles (CbStore *self)
{
  sqlite3_stmt *stmt;
  gboolean any = FALSE;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  stmt = _cb_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM article)", NULL);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    any = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);

  return any;
}

GPtrArray *
cb_store_list_case_choices (CbStore  *self,
                            GError  **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CB_IS_STORE (self), NULL);

  /* CASE_COLUMNS without the two counts. */
  stmt = _cb_store_prepare (self,
                            "SELECT c.id, c.title, c.subject_id, p.name, c.status, c.notes, c.review, 0, 0"
                            " FROM case_file c LEFT JOIN person p ON p.id = c.subject_id"
                            " WHERE c.review != 'rejected' ORDER BY c.title COLLATE NOCASE, c.id",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (cases, _cb_store_read_case (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cb_store_set_error (self->db, rc, _("Could not list the case files"), error);
      return NULL;
    }
  return g_steal_pointer (&cases);
}
