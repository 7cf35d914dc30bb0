/* cb-store-delete.c — taking an article out of the database, and what only
 * it held with it
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "cb-store.h"
#include "cb-store-private.h"

/* What is left without the article: events with no source but the article
 * (unless the user accepted them), suggested case files with no event,
 * people nothing refers to.  Events told by other articles too stay, found
 * now in the next one.  The rejection table is not touched: what the user
 * rejected stays rejected when the article comes back. */
static const char * const tidy_up[] = {
  "DELETE FROM event WHERE review != 'accepted'"
  " AND NOT EXISTS (SELECT 1 FROM event_source es WHERE es.event_id = event.id)"
  " AND (article_id IS NULL OR article_id = ?1)",
  /* The date's span was in the article gone: it cannot be resolved again. */
  "UPDATE event SET date_start = NULL, date_end = NULL,"
  " article_id = (SELECT x.article_id FROM event_source es JOIN excerpt x ON x.id = es.excerpt_id"
  "               WHERE es.event_id = event.id ORDER BY x.article_id LIMIT 1)"
  " WHERE article_id IS NULL",
  "DELETE FROM case_file WHERE review != 'accepted'"
  " AND NOT EXISTS (SELECT 1 FROM event e WHERE e.case_id = case_file.id)"
  " AND NOT EXISTS (SELECT 1 FROM case_excerpt ce WHERE ce.case_id = case_file.id)"
  " AND (notes IS NULL OR notes = '')",
  "DELETE FROM person WHERE"
  " NOT EXISTS (SELECT 1 FROM mention m WHERE m.person_id = person.id)"
  " AND NOT EXISTS (SELECT 1 FROM event e WHERE e.subject_id = person.id)"
  " AND NOT EXISTS (SELECT 1 FROM excerpt x WHERE x.speaker_id = person.id)"
  " AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c.subject_id = person.id)",
};

gboolean
cb_store_delete_article (CbStore  *self,
                         gint64    article_id,
                         GError  **error)
{
  const char *what = _("Could not delete the article");
  g_autoptr(CbArticle) article = NULL;
  gboolean own, ok;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  if (!_cb_store_begin_own (self, &own, error))
    return FALSE;

  /* An unknown id is an error (CB_STORE_ERROR_NOT_FOUND). */
  article = cb_store_get_article (self, article_id, error);
  ok = article != NULL;

  /* Mentions and excerpts go with the article (ON DELETE CASCADE), and with
   * the excerpts the event sources resting on them. */
  ok = ok && _cb_store_run_ids (self, "DELETE FROM article WHERE id = ?1",
                                article_id, 0, what, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (tidy_up); i++)
    ok = _cb_store_run_ids (self, tidy_up[i], article_id, 0, what, error);

  return _cb_store_end_own (self, own, ok, error);
}
