/* cb-store-bulk-review.c — accepting what one article suggested, at once
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-store-private.h"

static gboolean
article_exists (CbStore  *self,
                gint64    article_id,
                GError  **error)
{
  g_autoptr(GArray) ids = NULL;

  ids = _cb_store_collect_ids (self, "SELECT id FROM article WHERE id = ?1", article_id, error);
  if (ids == NULL)
    return FALSE;
  if (ids->len == 0)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, article_id);

      /* TRANSLATORS: %s is a number */
      g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND,
                   _("There is no article %s in the database."), text);
      return FALSE;
    }
  return TRUE;
}

gboolean
cb_store_accept_article (CbStore  *self,
                         gint64    article_id,
                         guint    *n_accepted,
                         GError  **error)
{
  g_autoptr(GArray) events = NULL;
  g_autoptr(GArray) cases = NULL;
  gboolean ok;
  guint count = 0;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  if (n_accepted != NULL)
    *n_accepted = 0;

  /* One undoable step: the single reviews inside join it. */
  if (!_cb_store_edit_begin (self, N_("Accept All from Article"), error))
    return FALSE;

  ok = article_exists (self, article_id, error);

  /* The events first: accepting one goes through the same path as a single
   * review, so nothing differs between one and many. */
  if (ok)
    {
      events = _cb_store_collect_ids (self,
                                      "SELECT e.id FROM event e WHERE e.review = 'suggested'"
                                      " AND (e.article_id = ?1 OR e.id IN"
                                      "  (SELECT es.event_id FROM event_source es"
                                      "   JOIN excerpt x ON x.id = es.excerpt_id"
                                      "   WHERE x.article_id = ?1))"
                                      " ORDER BY e.id",
                                      article_id, error);
      ok = events != NULL;
    }
  for (guint i = 0; ok && i < events->len; i++)
    {
      ok = cb_store_set_event_review (self, g_array_index (events, gint64, i),
                                      CB_REVIEW_ACCEPTED, error);
      count++;
    }

  if (ok)
    {
      cases = _cb_store_collect_ids (self,
                                     "SELECT DISTINCT c.id FROM case_file c"
                                     " JOIN event e ON e.case_id = c.id"
                                     " WHERE c.review = 'suggested' AND e.review != 'rejected'"
                                     " AND (e.article_id = ?1 OR e.id IN"
                                     "  (SELECT es.event_id FROM event_source es"
                                     "   JOIN excerpt x ON x.id = es.excerpt_id"
                                     "   WHERE x.article_id = ?1))"
                                     " ORDER BY c.id",
                                     article_id, error);
      ok = cases != NULL;
    }
  for (guint i = 0; ok && i < cases->len; i++)
    {
      ok = cb_store_set_case_review (self, g_array_index (cases, gint64, i),
                                     CB_REVIEW_ACCEPTED, error);
      count++;
    }

  ok = ok && _cb_store_run_ids (self,
                                "UPDATE excerpt SET review = 'accepted'"
                                " WHERE article_id = ?1 AND review = 'suggested'",
                                article_id, 0,
                                _("Could not accept the excerpts of an article"), error);

  ok = _cb_store_edit_end (self, ok, error);
  if (ok && n_accepted != NULL)
    *n_accepted = count;
  return ok;
}
