/* cb-store-excerpt-edit.c — passages the user picks in an article
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cb-store-private.h"

/* The body's characters [@start, @end), or NULL with @error set: an unknown
 * article, or a span that is not inside the body. */
static char *
read_span (CbStore  *self,
           gint64    article_id,
           guint     start,
           guint     end,
           GError  **error)
{
  sqlite3_stmt *stmt;
  char *text = NULL;
  gint64 n_chars = 0;
  int rc;

  /* substr() and length() count characters of TEXT, as the offsets do. */
  stmt = _cb_store_prepare (self,
                            "SELECT length (body), substr (body, ?2 + 1, ?3 - ?2) FROM article WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_int64 (stmt, 3, end);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      n_chars = sqlite3_column_int64 (stmt, 0);
      text = g_strdup (CB_COLUMN_TEXT (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, article_id);

      /* TRANSLATORS: %s is a number */
      g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND,
                   _("There is no article %s in the database."), id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _cb_store_set_error (self->db, rc, _("Could not read an article"), error);
      return NULL;
    }

  if (start >= end || (gint64) end > n_chars || text == NULL)
    {
      g_free (text);
      g_set_error_literal (error, CB_STORE_ERROR, CB_STORE_ERROR_FAILED,
                           _("The excerpt is not a part of the article’s text: nothing was stored."));
      return NULL;
    }

  return text;
}

static gboolean
event_exists (CbStore  *self,
              gint64    event_id,
              GError  **error)
{
  g_autoptr(GArray) ids = _cb_store_collect_ids (self, "SELECT id FROM event WHERE id = ?1",
                                                 event_id, error);

  if (ids == NULL)
    return FALSE;
  if (ids->len == 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, event_id);

      /* TRANSLATORS: %s is a number */
      g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND,
                   _("There is no event %s in the database."), id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
case_exists (CbStore  *self,
             gint64    case_id,
             GError  **error)
{
  g_autoptr(GArray) ids = _cb_store_collect_ids (self, "SELECT id FROM case_file WHERE id = ?1",
                                                 case_id, error);

  if (ids == NULL)
    return FALSE;
  if (ids->len == 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);

      /* TRANSLATORS: %s is a number */
      g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND,
                   _("There is no case file %s in the database."), id);
      return FALSE;
    }
  return TRUE;
}

/* Moves [*start, *end) past white space at either end of @text (its
 * characters).  FALSE when nothing but white space is left. */
static gboolean
trim_span (char   **text,
           guint   *start,
           guint   *end)
{
  const char *p = *text;
  const char *last;
  char *trimmed;

  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    {
      p = g_utf8_next_char (p);
      (*start)++;
    }
  if (*p == '\0')
    return FALSE;

  last = *text + strlen (*text);
  for (;;)
    {
      const char *prev = g_utf8_prev_char (last);

      if (prev < p || !g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      last = prev;
      (*end)--;
    }

  trimmed = g_strndup (p, last - p);
  g_free (*text);
  *text = trimmed;
  return TRUE;
}

gint64
cb_store_add_excerpt (CbStore  *self,
                      gint64    article_id,
                      guint     start,
                      guint     end,
                      gint64    event_id,
                      gint64    case_id,
                      GError  **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) same = NULL;
  sqlite3_stmt *stmt;
  gint64 excerpt_id = 0;
  gboolean ok;

  g_return_val_if_fail (CB_IS_STORE (self), 0);

  if (!_cb_store_edit_begin (self, N_("Add Excerpt"), error))
    return 0;

  text = read_span (self, article_id, start, end, error);
  ok = text != NULL;
  if (ok && !trim_span (&text, &start, &end))
    {
      g_set_error_literal (error, CB_STORE_ERROR, CB_STORE_ERROR_FAILED,
                           _("The excerpt holds nothing but white space: nothing was stored."));
      ok = FALSE;
    }
  ok = ok && (event_id == 0 || event_exists (self, event_id, error));
  ok = ok && (case_id == 0 || case_exists (self, case_id, error));

  /* The same passage picked again, or the one an event already rests on. */
  if (ok)
    {
      stmt = _cb_store_prepare (self,
                                "SELECT id FROM excerpt WHERE article_id = ?1 AND kind = 'passage'"
                                " AND span_start = ?2 AND span_end = ?3 ORDER BY id LIMIT 1",
                                error);
      ok = stmt != NULL;
      if (ok)
        {
          int rc;

          sqlite3_bind_int64 (stmt, 1, article_id);
          sqlite3_bind_int64 (stmt, 2, start);
          sqlite3_bind_int64 (stmt, 3, end);
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            excerpt_id = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
          if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            {
              _cb_store_set_error (self->db, rc, _("Could not look up an excerpt"), error);
              ok = FALSE;
            }
        }
    }

  if (ok && excerpt_id != 0)
    ok = _cb_store_run_ids (self, "UPDATE excerpt SET review = 'accepted' WHERE id = ?1",
                            excerpt_id, 0, _("Could not store an excerpt"), error);
  else if (ok)
    {
      stmt = _cb_store_prepare (self,
                                "INSERT INTO excerpt (article_id, span_start, span_end, text, kind, review)"
                                " VALUES (?1, ?2, ?3, ?4, 'passage', 'accepted')",
                                error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, article_id);
          sqlite3_bind_int64 (stmt, 2, start);
          sqlite3_bind_int64 (stmt, 3, end);
          _cb_store_bind_text (stmt, 4, text);
          ok = _cb_store_step_done (self, stmt, _("Could not store an excerpt"), error);
          if (ok)
            excerpt_id = sqlite3_last_insert_rowid (self->db);
        }
    }

  if (ok && event_id != 0)
    ok = _cb_store_run_ids (self,
                            "INSERT OR IGNORE INTO event_source (event_id, excerpt_id) VALUES (?1, ?2)",
                            event_id, excerpt_id,
                            _("Could not store the source of an event"), error);
  if (ok && case_id != 0)
    ok = _cb_store_run_ids (self,
                            "INSERT OR IGNORE INTO case_excerpt (case_id, excerpt_id) VALUES (?1, ?2)",
                            case_id, excerpt_id,
                            _("Could not attach an excerpt to a case file"), error);

  if (!_cb_store_edit_end (self, ok, error))
    return 0;
  return excerpt_id;
}
