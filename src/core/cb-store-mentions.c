/* cb-store-mentions.c — where an article names a person: one row per
 * article and person, all the spans in it
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * mention.spans (schema 7) is a JSON array of [start, end] pairs, ordered
 * by start (then end): "[[12,20],[311,319]]", Unicode character offsets
 * into article.body as every span of the schema; span_count is the number
 * of pairs (the people list sums it from the index mention_person).  One row per (article,
 * person) instead of one per span: an article names a person 4–5 times,
 * and every row cost an insert into the table and each of its indexes.
 * JSON keeps the file readable and sqlite3's json_each () can list them.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cb-store-private.h"

int
_cb_store_span_compare (gconstpointer a,
                        gconstpointer b)
{
  const CbSpan *x = a;
  const CbSpan *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return 0;
}

/* Written by hand: g_string_append_printf () was most of the time the
 * import spent on mentions. */
static void
append_offset (GString *out,
               guint    value)
{
  char digits[16];
  int n = 0;

  do
    {
      digits[n++] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  while (n > 0)
    g_string_append_c (out, digits[--n]);
}

void
_cb_store_spans_to_text (GString      *out,
                         const CbSpan *spans,
                         guint         n_spans)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < n_spans; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '[');
      append_offset (out, spans[i].start);
      g_string_append_c (out, ',');
      append_offset (out, spans[i].end);
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, ']');
}

static void
skip_space (const char **p)
{
  while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
    (*p)++;
}

static gboolean
expect (const char **p,
        char         c)
{
  skip_space (p);
  if (**p != c)
    return FALSE;
  (*p)++;
  return TRUE;
}

static gboolean
read_offset (const char **p,
             guint       *value)
{
  guint64 v = 0;

  skip_space (p);
  if (!g_ascii_isdigit (**p))
    return FALSE;
  for (; g_ascii_isdigit (**p); (*p)++)
    {
      v = v * 10 + (guint64) (**p - '0');
      if (v > G_MAXUINT)
        return FALSE;
    }
  *value = (guint) v;
  return TRUE;
}

gboolean
_cb_store_spans_parse (const char *text,
                       GArray     *spans)
{
  const char *p = text;
  guint first = spans->len;

  if (text == NULL || !expect (&p, '['))
    return FALSE;
  skip_space (&p);
  if (*p != ']')
    for (;;)
      {
        CbSpan span;

        if (!expect (&p, '[') || !read_offset (&p, &span.start) || !expect (&p, ',') ||
            !read_offset (&p, &span.end) || !expect (&p, ']') || span.start > span.end)
          goto fail;
        g_array_append_val (spans, span);
        skip_space (&p);
        if (*p != ',')
          break;
        p++;
      }
  if (!expect (&p, ']'))
    goto fail;
  skip_space (&p);
  if (*p == '\0')
    return TRUE;

fail:
  g_array_set_size (spans, first);
  return FALSE;
}

static gboolean
parse_or_fail (const char  *text,
               GArray      *spans,
               GError     **error)
{
  if (_cb_store_spans_parse (text, spans))
    return TRUE;
  g_set_error_literal (error, CB_STORE_ERROR, CB_STORE_ERROR_CORRUPT,
                       _("The database is damaged: the mentions of a person in an article "
                         "cannot be read."));
  return FALSE;
}

/* UPDATE mention SET spans = @spans WHERE (@article_id, @person_id), or an
 * INSERT of that row when @insert. */
static gboolean
write_spans (CbStore     *self,
             gboolean     insert,
             gint64       article_id,
             gint64       person_id,
             GArray      *spans,
             GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt;

  stmt = _cb_store_prepare (self,
                            insert ? "INSERT INTO mention (article_id, person_id, spans, span_count)"
                                     " VALUES (?1, ?2, ?3, ?4)"
                                   : "UPDATE mention SET spans = ?3, span_count = ?4"
                                     " WHERE article_id = ?1 AND person_id = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  _cb_store_spans_to_text (text, (const CbSpan *) (gpointer) spans->data, spans->len);
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_text (stmt, 3, text->str, (int) text->len, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, (int) spans->len);
  return _cb_store_step_done (self, stmt, _("Could not store a mention"), error);
}

typedef struct
{
  gint64  article_id;
  GArray *spans;       /* CbSpan */
  GArray *other;       /* CbSpan: the other person's spans in the article */
} ArticleSpans;

static void
article_spans_clear (gpointer data)
{
  ArticleSpans *row = data;

  g_clear_pointer (&row->spans, g_array_unref);
  g_clear_pointer (&row->other, g_array_unref);
}

static GArray *
article_spans_new (void)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (ArticleSpans));

  g_array_set_clear_func (rows, article_spans_clear);
  return rows;
}

gboolean
_cb_store_move_mentions (CbStore  *self,
                         gint64    keep_id,
                         gint64    other_id,
                         GError  **error)
{
  const char *what = _("Could not merge two people");
  g_autoptr(GArray) both = article_spans_new ();
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc = SQLITE_OK;

  /* The articles that name both: one row of both spans, in order. */
  stmt = _cb_store_prepare (self,
                            "SELECT k.article_id, k.spans, o.spans FROM mention k"
                            " JOIN mention o ON o.article_id = k.article_id AND o.person_id = ?2"
                            " WHERE k.person_id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, keep_id);
  sqlite3_bind_int64 (stmt, 2, other_id);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ArticleSpans row = { sqlite3_column_int64 (stmt, 0),
                           g_array_new (FALSE, FALSE, sizeof (CbSpan)), NULL };

      g_array_append_val (both, row);
      ok = parse_or_fail (CB_COLUMN_TEXT (stmt, 1), row.spans, error) &&
           parse_or_fail (CB_COLUMN_TEXT (stmt, 2), row.spans, error);
    }
  sqlite3_reset (stmt);
  if (!ok)
    return FALSE;
  if (rc != SQLITE_DONE)
    {
      _cb_store_set_error (self->db, rc, what, error);
      return FALSE;
    }

  for (guint i = 0; ok && i < both->len; i++)
    {
      ArticleSpans *row = &g_array_index (both, ArticleSpans, i);

      g_array_sort (row->spans, _cb_store_span_compare);
      ok = write_spans (self, FALSE, row->article_id, keep_id, row->spans, error) &&
           _cb_store_run_ids (self, "DELETE FROM mention WHERE article_id = ?1 AND person_id = ?2",
                              row->article_id, other_id, what, error);
    }

  return ok && _cb_store_run_ids (self, "UPDATE mention SET person_id = ?1 WHERE person_id = ?2",
                                  keep_id, other_id, what, error);
}

/* The row of (@article_id, @person_id) goes to @new_id as it is. */
static gboolean
move_row (CbStore  *self,
          gint64    article_id,
          gint64    person_id,
          gint64    new_id,
          GError  **error)
{
  sqlite3_stmt *stmt = _cb_store_prepare (self,
                                          "UPDATE mention SET person_id = ?3"
                                          " WHERE article_id = ?1 AND person_id = ?2",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_int64 (stmt, 3, new_id);
  return _cb_store_step_done (self, stmt, _("Could not store a mention"), error);
}

/* Whether @span of @body (@n_chars characters) reads @key. */
static gboolean
span_reads (const char *body,
            glong       n_chars,
            CbSpan      span,
            const char *key)
{
  g_autofree char *text = NULL;
  g_autofree char *read = NULL;
  const char *start, *end;

  if ((glong) span.end > n_chars)
    return FALSE;
  start = g_utf8_offset_to_pointer (body, span.start);
  end = g_utf8_offset_to_pointer (start, span.end - span.start);
  text = g_strndup (start, (gsize) (end - start));
  read = _cb_store_name_key (text);
  return strcmp (read, key) == 0;
}

gboolean
_cb_store_split_mentions (CbStore     *self,
                          gint64       person_id,
                          const char  *key,
                          gint64       new_id,
                          GError     **error)
{
  g_autoptr(GArray) rows = article_spans_new ();
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (CbSpan));
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc = SQLITE_OK;

  stmt = _cb_store_prepare (self,
                            "SELECT m.article_id, m.spans, a.body"
                            " FROM mention m JOIN article a ON a.id = m.article_id"
                            " WHERE m.person_id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *body = CB_COLUMN_TEXT (stmt, 2);
      glong n_chars = body != NULL ? g_utf8_strlen (body, -1) : 0;
      ArticleSpans row = { sqlite3_column_int64 (stmt, 0),
                           g_array_new (FALSE, FALSE, sizeof (CbSpan)),
                           g_array_new (FALSE, FALSE, sizeof (CbSpan)) };

      g_array_append_val (rows, row);
      g_array_set_size (spans, 0);
      ok = parse_or_fail (CB_COLUMN_TEXT (stmt, 1), spans, error);
      /* Those reading the name go to the new person, the rest stay. */
      for (guint i = 0; ok && i < spans->len; i++)
        {
          CbSpan span = g_array_index (spans, CbSpan, i);

          if (body != NULL && span_reads (body, n_chars, span, key))
            g_array_append_val (row.other, span);
          else
            g_array_append_val (row.spans, span);
        }
    }
  sqlite3_reset (stmt);
  if (!ok)
    return FALSE;
  if (rc != SQLITE_DONE)
    {
      _cb_store_set_error (self->db, rc, _("Could not read the mentions of a person"), error);
      return FALSE;
    }

  for (guint i = 0; ok && i < rows->len; i++)
    {
      ArticleSpans *row = &g_array_index (rows, ArticleSpans, i);

      if (row->other->len == 0)
        continue;
      if (row->spans->len == 0)
        ok = move_row (self, row->article_id, person_id, new_id, error);
      else
        ok = write_spans (self, FALSE, row->article_id, person_id, row->spans, error) &&
             write_spans (self, TRUE, row->article_id, new_id, row->other, error);
    }
  return ok;
}
