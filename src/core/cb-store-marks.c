/* cb-store-marks.c — what the article view highlights: excerpts, people, dates
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-store-private.h"

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const CbArticleMark *x = a;
  const CbArticleMark *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return (int) x->kind - (int) y->kind;
}

/* @mark with the span @start–@end, unless that is empty or out of range. */
static void
add_mark (GArray              *marks,
          const CbArticleMark *mark,
          gint64               start,
          gint64               end)
{
  CbArticleMark copy = *mark;

  if (start < 0 || end <= start || end > G_MAXUINT)
    return;
  copy.start = (guint) start;
  copy.end = (guint) end;
  g_array_append_val (marks, copy);
}

GArray *
cb_store_list_article_marks (CbStore  *self,
                             gint64    article_id,
                             GError  **error)
{
  g_autoptr(GArray) marks = g_array_new (FALSE, TRUE, sizeof (CbArticleMark));
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (CbSpan));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CB_IS_STORE (self), NULL);

  /* One query: kind, start, end, id, case, and a person's spans (one
   * mention row holds all of them: cb-store-mentions.c).  A person's case
   * is the one they are the subject of (accepted first). */
  stmt = _cb_store_prepare (self,
                            "SELECT CASE x.kind WHEN 'quote' THEN 0 ELSE 1 END,"
                            " x.span_start, x.span_end, x.id, 0, NULL"
                            " FROM excerpt x WHERE x.article_id = ?1 AND x.review != 'rejected'"
                            " UNION ALL "
                            "SELECT 2, NULL, NULL, m.person_id,"
                            " coalesce ((SELECT c.id FROM case_file c"
                            "            WHERE c.subject_id = m.person_id AND c.review != 'rejected'"
                            "            ORDER BY c.review = 'accepted' DESC, c.id LIMIT 1), 0),"
                            " m.spans"
                            " FROM mention m WHERE m.article_id = ?1"
                            " UNION ALL "
                            "SELECT 3, e.date_start, e.date_end, e.id, coalesce (e.case_id, 0), NULL"
                            " FROM event e WHERE e.article_id = ?1 AND e.review != 'rejected'"
                            " AND e.date_start IS NOT NULL AND e.date_end > e.date_start",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CbArticleMark mark = { 0 };

      mark.kind = (CbMarkKind) sqlite3_column_int (stmt, 0);
      mark.id = sqlite3_column_int64 (stmt, 3);
      mark.case_id = sqlite3_column_int64 (stmt, 4);
      if (mark.kind == CB_MARK_PERSON)
        {
          /* Unreadable spans mark nothing, as an empty span never did. */
          g_array_set_size (spans, 0);
          _cb_store_spans_parse (CB_COLUMN_TEXT (stmt, 5), spans);
          for (guint i = 0; i < spans->len; i++)
            add_mark (marks, &mark, g_array_index (spans, CbSpan, i).start,
                      g_array_index (spans, CbSpan, i).end);
        }
      else
        add_mark (marks, &mark, sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cb_store_set_error (self->db, rc, _("Could not read the marks of an article"), error);
      return NULL;
    }

  g_array_sort (marks, compare_marks);

  /* Two events dated by the same words: one mark. */
  for (guint i = 1; i < marks->len; )
    {
      const CbArticleMark *prev = &g_array_index (marks, CbArticleMark, i - 1);
      const CbArticleMark *mark = &g_array_index (marks, CbArticleMark, i);

      if (mark->kind == CB_MARK_DATE && prev->kind == CB_MARK_DATE
          && mark->start == prev->start && mark->end == prev->end)
        g_array_remove_index (marks, i);
      else
        i++;
    }
  return g_steal_pointer (&marks);
}
