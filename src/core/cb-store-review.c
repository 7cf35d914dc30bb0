/* cb-store-review.c — what the store does with suggestions across articles:
 * one event told by two articles, rejections that last, and dates resolved
 * again when an article gets its date
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <sqlite3.h>

#include "cb-store.h"
#include "cb-store-private.h"
#include "extract/cb-timex.h"

/* --- small helpers ---------------------------------------------------------- */

gboolean
_cb_store_run_ids (CbStore     *self,
                   const char  *sql,
                   gint64       a,
                   gint64       b,
                   const char  *what,
                   GError     **error)
{
  sqlite3_stmt *stmt = _cb_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (a != 0)
    sqlite3_bind_int64 (stmt, 1, a);
  if (b != 0)
    sqlite3_bind_int64 (stmt, 2, b);
  return _cb_store_step_done (self, stmt, what, error);
}

GArray *
_cb_store_collect_ids (CbStore     *self,
                       const char  *sql,
                       gint64       a,
                       GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = _cb_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (a != 0)
    sqlite3_bind_int64 (stmt, 1, a);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cb_store_set_error (self->db, rc, _("Could not read the database"), error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
_cb_store_begin_own (CbStore   *self,
                     gboolean  *own,
                     GError   **error)
{
  *own = !_cb_store_in_transaction (self);
  return !*own || cb_store_begin (self, error);
}

gboolean
_cb_store_end_own (CbStore   *self,
                   gboolean   own,
                   gboolean   ok,
                   GError   **error)
{
  if (!own)
    return ok;
  if (ok)
    return cb_store_commit (self, error);
  cb_store_rollback (self);
  return FALSE;
}

/* The name of a review step in the undo history. */
static const char *
review_label (CbReview    review,
              const char *accept,
              const char *reject,
              const char *suggest)
{
  switch (review)
    {
    case CB_REVIEW_ACCEPTED:
      return accept;
    case CB_REVIEW_REJECTED:
      return reject;
    case CB_REVIEW_SUGGESTED:
    default:
      return suggest;
    }
}

/* For messages: a 64-bit id as text (no format macro in translatable strings). */
static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* Every name key @person_id goes by: its name and its aliases.  A person
 * merged, or named otherwise by the next article, is still recognised. */
static GPtrArray *
person_name_keys (CbStore  *self,
                  gint64    person_id,
                  GError  **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cb_store_prepare (self,
                            "SELECT name_key FROM person WHERE id = ?1"
                            " UNION SELECT text_key FROM alias WHERE person_id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (keys, g_strdup (CB_COLUMN_TEXT (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cb_store_set_error (self->db, rc, _("Could not read a person's names"), error);
      return NULL;
    }
  return g_steal_pointer (&keys);
}

/* --- rejections ------------------------------------------------------------- */

gboolean
_cb_store_is_rejected (CbStore     *self,
                       const char  *kind,
                       const char  *key,
                       gboolean    *rejected,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cb_store_prepare (self, "SELECT 1 FROM rejection WHERE kind = ?1 AND key = ?2", error);
  if (stmt == NULL)
    return FALSE;
  _cb_store_bind_text (stmt, 1, kind);
  _cb_store_bind_text (stmt, 2, key);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _cb_store_set_error (self->db, rc, _("Could not look up a rejection"), error);
      return FALSE;
    }
  *rejected = rc == SQLITE_ROW;
  return TRUE;
}

gboolean
_cb_store_remember_rejection (CbStore     *self,
                    const char  *kind,
                    const char  *key,
                    gboolean     rejected,
                    GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _cb_store_prepare (self,
                            rejected
                            ? "INSERT OR IGNORE INTO rejection (kind, key) VALUES (?1, ?2)"
                            : "DELETE FROM rejection WHERE kind = ?1 AND key = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  _cb_store_bind_text (stmt, 1, kind);
  _cb_store_bind_text (stmt, 2, key);
  return _cb_store_step_done (self, stmt, _("Could not store a rejection"), error);
}

static gboolean
remember_rejections (CbStore     *self,
                     const char  *kind,
                     GPtrArray   *keys,
                     gboolean     rejected,
                     GError     **error)
{
  for (guint i = 0; i < keys->len; i++)
    if (!_cb_store_remember_rejection (self, kind, g_ptr_array_index (keys, i), rejected, error))
      return FALSE;
  return TRUE;
}

char *
_cb_store_event_key (const char *subject_key,
                     const char *action,
                     const char *description,
                     const char *date_value)
{
  g_autofree char *what = _cb_store_name_key (action != NULL ? action : description);

  return g_strdup_printf ("%s|%s|%s", subject_key != NULL ? subject_key : "",
                          what, date_value != NULL ? date_value : "");
}

/* The rejection keys of a stored event: who (under each of their names),
 * what, when. */
static GPtrArray *
stored_event_keys (CbStore  *self,
                   gint64    event_id,
                   GError  **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *action = NULL;
  g_autofree char *description = NULL;
  g_autofree char *date_value = NULL;
  gint64 subject_id = 0;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cb_store_prepare (self,
                            "SELECT subject_id, action, description, date_value"
                            " FROM event WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      subject_id = sqlite3_column_int64 (stmt, 0);
      action = g_strdup (CB_COLUMN_TEXT (stmt, 1));
      description = g_strdup (CB_COLUMN_TEXT (stmt, 2));
      date_value = g_strdup (CB_COLUMN_TEXT (stmt, 3));
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *text = id_text (event_id);

      /* TRANSLATORS: %s is a number */
      g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND, _("There is no event %s in the database."), text);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _cb_store_set_error (self->db, rc, _("Could not read an event"), error);
      return NULL;
    }

  if (subject_id != 0)
    {
      names = person_name_keys (self, subject_id, error);
      if (names == NULL)
        return NULL;
    }
  if (names == NULL || names->len == 0)
    g_ptr_array_add (keys, _cb_store_event_key (NULL, action, description, date_value));
  for (guint i = 0; names != NULL && i < names->len; i++)
    g_ptr_array_add (keys, _cb_store_event_key (g_ptr_array_index (names, i), action,
                                                description, date_value));
  return g_steal_pointer (&keys);
}

gboolean
_cb_store_remember_event_rejection (CbStore  *self,
                                    gint64    event_id,
                                    gboolean  rejected,
                                    GError  **error)
{
  g_autoptr(GPtrArray) keys = stored_event_keys (self, event_id, error);

  return keys != NULL && remember_rejections (self, "event", keys, rejected, error);
}

gboolean
cb_store_set_event_review (CbStore   *self,
                           gint64     event_id,
                           CbReview   review,
                           GError   **error)
{
  gboolean ok;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  if (!_cb_store_edit_begin (self, review_label (review, N_("Accept Event"), N_("Reject Event"), N_("Mark Event as Suggested")), error))
    return FALSE;

  /* Read first: an unknown id is an error, not a silent no-op. */
  ok = _cb_store_remember_event_rejection (self, event_id, review == CB_REVIEW_REJECTED, error);
  if (ok)
    {
      sqlite3_stmt *stmt = _cb_store_prepare (self, "UPDATE event SET review = ?2 WHERE id = ?1", error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, event_id);
          _cb_store_bind_text (stmt, 2, cb_review_to_string (review));
          ok = _cb_store_step_done (self, stmt, _("Could not review an event"), error);
        }
    }

  return _cb_store_edit_end (self, ok, error);
}

gboolean
cb_store_set_case_review (CbStore   *self,
                          gint64     case_id,
                          CbReview   review,
                          GError   **error)
{
  g_autoptr(GPtrArray) keys = NULL;
  g_autofree char *title = NULL;
  sqlite3_stmt *stmt;
  gint64 subject_id = 0;
  gboolean ok;
  int rc;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  if (!_cb_store_edit_begin (self, review_label (review, N_("Accept Case"), N_("Reject Case"), N_("Mark Case as Suggested")), error))
    return FALSE;

  stmt = _cb_store_prepare (self, "SELECT subject_id, title FROM case_file WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, case_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          subject_id = sqlite3_column_int64 (stmt, 0);
          title = g_strdup (CB_COLUMN_TEXT (stmt, 1));
        }
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          g_autofree char *text = id_text (case_id);

          /* TRANSLATORS: %s is a number */
          g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND,
                       _("There is no case file %s in the database."), text);
          ok = FALSE;
        }
      else if (rc != SQLITE_ROW)
        {
          _cb_store_set_error (self->db, rc, _("Could not read a case file"), error);
          ok = FALSE;
        }
    }

  /* A case is remembered by its subject, under each of their names (a case
   * without a subject by its title). */
  if (ok && subject_id != 0)
    {
      keys = person_name_keys (self, subject_id, error);
      ok = keys != NULL;
    }
  if (ok && (keys == NULL || keys->len == 0))
    {
      g_clear_pointer (&keys, g_ptr_array_unref);
      keys = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (keys, _cb_store_name_key (title));
    }

  if (ok)
    {
      stmt = _cb_store_prepare (self, "UPDATE case_file SET review = ?2 WHERE id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, case_id);
          _cb_store_bind_text (stmt, 2, cb_review_to_string (review));
          ok = _cb_store_step_done (self, stmt, _("Could not review a case file"), error);
        }
    }
  ok = ok && remember_rejections (self, "case", keys, review == CB_REVIEW_REJECTED, error);

  return _cb_store_edit_end (self, ok, error);
}

/* --- one event, several articles ------------------------------------------- */

/* Content words of a description: letters and digits, four or more
 * characters, case-folded. */
static GHashTable *
content_words (const char *text)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);
  GString *word = g_string_new (NULL);

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (g_utf8_strlen (word->str, -1) >= 4)
        g_hash_table_add (words, g_strdup (word->str));
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  return words;
}

/* Most of the shorter description's content words are in the other. */
gboolean
_cb_store_descriptions_similar (const char *a,
                                const char *b)
{
  g_autoptr(GHashTable) wa = content_words (a);
  g_autoptr(GHashTable) wb = content_words (b);
  GHashTable *small = g_hash_table_size (wa) <= g_hash_table_size (wb) ? wa : wb;
  GHashTable *large = small == wa ? wb : wa;
  GHashTableIter iter;
  const char *word;
  guint shared = 0;

  if (g_hash_table_size (small) < 3)
    return FALSE;
  g_hash_table_iter_init (&iter, small);
  while (g_hash_table_iter_next (&iter, (gpointer *) &word, NULL))
    if (g_hash_table_contains (large, word))
      shared++;
  return shared * 5 >= g_hash_table_size (small) * 3;
}

gboolean
_cb_store_find_same_event (CbStore     *self,
                           gint64       article_id,
                           gint64       except_id,
                           gint64       subject_id,
                           const char  *action,
                           const char  *description,
                           guint32      earliest,
                           guint32      latest,
                           gint64      *event_id,
                           CbReview    *review,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *event_id = 0;
  if (subject_id == 0 || earliest == 0 || latest == 0)
    return TRUE;

  /* Same person, overlapping dates, from another article; the first of
   * them (lowest id) that tells the same.  In the index's order, not sorted
   * by id: a sort costs SQLite a temporary table at every event added.
   *
   * "Begins before @latest" alone would read all the person's earlier
   * events, and a person in many articles has hundreds.  An event at most
   * CB_STORE_NARROW_EVENT_DAYS long (a day … a year) that overlaps begins
   * no earlier than that before @earliest, so the first half reads a short
   * range of event_subject_date; the longer events (decades, intervals
   * set by hand) are few, and the second half reads them from event_wide. */
  stmt = _cb_store_prepare (self,
                            "SELECT id, action, description, review FROM event"
                            " WHERE subject_id = ?1 AND date_earliest >= ?6 AND date_earliest <= ?4"
                            " AND date_latest >= ?3 AND article_id IS NOT ?2 AND id != ?5"
                            " UNION ALL "
                            "SELECT id, action, description, review FROM event"
                            " WHERE subject_id = ?1"
                            " AND date_latest - date_earliest > " G_STRINGIFY (CB_STORE_NARROW_EVENT_DAYS)
                            " AND date_earliest < ?6 AND date_latest >= ?3"
                            " AND article_id IS NOT ?2 AND id != ?5",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, subject_id);
  sqlite3_bind_int64 (stmt, 2, article_id);
  sqlite3_bind_int64 (stmt, 3, earliest);
  sqlite3_bind_int64 (stmt, 4, latest);
  sqlite3_bind_int64 (stmt, 5, except_id);
  sqlite3_bind_int64 (stmt, 6, (gint64) earliest - CB_STORE_NARROW_EVENT_DAYS);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *other_action = CB_COLUMN_TEXT (stmt, 1);
      gboolean same;

      if (*event_id != 0 && id > *event_id)
        continue;
      same = action != NULL && other_action != NULL
             ? strcmp (action, other_action) == 0
             : _cb_store_descriptions_similar (description, CB_COLUMN_TEXT (stmt, 2));
      if (same)
        {
          *event_id = id;
          *review = cb_review_from_string (CB_COLUMN_TEXT (stmt, 3));
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _cb_store_set_error (self->db, rc, _("Could not look for the same event"), error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_cb_store_fold_event (CbStore  *self,
                      gint64    event_id,
                      GError  **error)
{
  g_autofree char *action = NULL;
  g_autofree char *description = NULL;
  sqlite3_stmt *stmt;
  gint64 article_id = 0, subject_id = 0, case_id = 0, same_id = 0;
  guint32 earliest = 0, latest = 0;
  CbReview review = CB_REVIEW_SUGGESTED;
  CbReview same_review = CB_REVIEW_SUGGESTED;
  int rc;

  stmt = _cb_store_prepare (self,
                            "SELECT article_id, subject_id, action, description, date_earliest,"
                            " date_latest, review, case_id FROM event WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      article_id = sqlite3_column_int64 (stmt, 0);
      subject_id = sqlite3_column_int64 (stmt, 1);
      action = g_strdup (CB_COLUMN_TEXT (stmt, 2));
      description = g_strdup (CB_COLUMN_TEXT (stmt, 3));
      earliest = (guint32) sqlite3_column_int64 (stmt, 4);
      latest = (guint32) sqlite3_column_int64 (stmt, 5);
      review = cb_review_from_string (CB_COLUMN_TEXT (stmt, 6));
      case_id = sqlite3_column_int64 (stmt, 7);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      _cb_store_set_error (self->db, rc, _("Could not read an event"), error);
      return FALSE;
    }

  /* Its date or subject may have changed: what the user rejected stays
   * rejected under what it is now. */
  if (review == CB_REVIEW_REJECTED)
    return _cb_store_remember_event_rejection (self, event_id, TRUE, error);

  if (!_cb_store_find_same_event (self, article_id, event_id, subject_id, action, description,
                                  earliest, latest, &same_id, &same_review, error))
    return FALSE;
  if (same_id == 0)
    return TRUE;

  if (same_review == CB_REVIEW_REJECTED)
    {
      /* The user said no to this event once; an event they accepted in
       * another article is not overruled, it stays apart. */
      if (review == CB_REVIEW_ACCEPTED)
        return TRUE;
      return _cb_store_run_ids (self, "UPDATE event SET review = 'rejected' WHERE id = ?1",
                                event_id, 0, _("Could not review an event"), error) &&
             _cb_store_remember_event_rejection (self, event_id, TRUE, error);
    }

  /* One event: the first told keeps its date and description, gains the
   * sources, and is accepted when either was. */
  if (!_cb_store_run_ids (self,
                          "INSERT OR IGNORE INTO event_source (event_id, excerpt_id)"
                          " SELECT ?1, excerpt_id FROM event_source WHERE event_id = ?2",
                          same_id, event_id, _("Could not join two events"), error))
    return FALSE;
  if (review == CB_REVIEW_ACCEPTED &&
      !_cb_store_run_ids (self, "UPDATE event SET review = 'accepted' WHERE id = ?1",
                          same_id, 0, _("Could not join two events"), error))
    return FALSE;
  if (case_id != 0 &&
      !_cb_store_run_ids (self, "UPDATE event SET case_id = ?2 WHERE id = ?1 AND case_id IS NULL",
                          same_id, case_id, _("Could not join two events"), error))
    return FALSE;
  return _cb_store_run_ids (self, "DELETE FROM event WHERE id = ?1", event_id, 0,
                            _("Could not join two events"), error);
}

/* --- an article's date, and the dates that depend on it ------------------ */

gboolean
cb_store_set_article_date (CbStore      *self,
                           gint64        article_id,
                           const GDate  *date,
                           GError      **error)
{
  g_autoptr(CbArticle) article = NULL;
  g_autoptr(GPtrArray) timexes = NULL;
  g_autoptr(GHashTable) by_span = NULL;
  g_autofree guint32 *char_of_byte = NULL;
  g_autofree char *value = NULL;
  CbFuzzyDate published = { 0 };
  const char *body;
  sqlite3_stmt *stmt;
  gboolean ok;
  gsize len;
  guint32 chars = 0;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);
  g_return_val_if_fail (date == NULL || g_date_valid (date), FALSE);

  article = cb_store_get_article (self, article_id, error);
  if (article == NULL)
    return FALSE;
  body = cb_article_get_body (article);

  if (date != NULL)
    {
      value = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                               g_date_get_month (date), g_date_get_day (date));
      cb_fuzzy_date_set_value (&published, value);
    }

  /* The extractors count bytes, the store characters. */
  len = strlen (body);
  char_of_byte = g_new (guint32, len + 1);
  for (gsize i = 0; i < len; i++)
    char_of_byte[i] = ((guchar) body[i] & 0xC0) != 0x80 ? chars++ : (chars > 0 ? chars - 1 : 0);
  char_of_byte[len] = chars;

  timexes = cb_find_timexes (body, date);
  by_span = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < timexes->len; i++)
    {
      CbTimex *tx = g_ptr_array_index (timexes, i);
      gint64 *key = g_new (gint64, 1);

      tx->span.start = char_of_byte[MIN (tx->span.start, len)];
      tx->span.end = char_of_byte[MIN (tx->span.end, len)];
      /* The span, packed as a key: start in the high half. */
      *key = ((gint64) tx->span.start << 32) | tx->span.end;
      g_hash_table_insert (by_span, key, tx);
    }

  if (!_cb_store_edit_begin (self, N_("Set Article Date"), error))
    {
      cb_fuzzy_date_clear (&published);
      return FALSE;
    }

  stmt = _cb_store_prepare (self,
                            "UPDATE article SET published = ?2, published_precision = ?3,"
                            " published_earliest = ?4, published_latest = ?5 WHERE id = ?1",
                            error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, article_id);
      _cb_store_bind_text (stmt, 2, value);
      _cb_store_bind_text (stmt, 3, cb_precision_to_string (published.precision));
      _cb_store_bind_julian (stmt, 4, published.earliest);
      _cb_store_bind_julian (stmt, 5, published.latest);
      ok = _cb_store_step_done (self, stmt, _("Could not set the article's date"), error);
    }

  /* Every event dated by a span of this article takes what that span says
   * now; a span the extractor no longer sees as a date is left as it was. */
  if (ok)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
      int rc;

      stmt = _cb_store_prepare (self,
                                "SELECT id, date_start, date_end FROM event"
                                " WHERE article_id = ?1 AND date_start IS NOT NULL",
                                error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, article_id);
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            {
              gint64 id = sqlite3_column_int64 (stmt, 0);
              gint64 key = (sqlite3_column_int64 (stmt, 1) << 32) | sqlite3_column_int64 (stmt, 2);

              g_array_append_val (ids, id);
              g_array_append_val (keys, key);
            }
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE)
            {
              _cb_store_set_error (self->db, rc, _("Could not read the article's events"), error);
              ok = FALSE;
            }
        }

      for (guint i = 0; ok && i < ids->len; i++)
        {
          const CbTimex *tx = g_hash_table_lookup (by_span, &g_array_index (keys, gint64, i));

          if (tx == NULL)
            continue;
          stmt = _cb_store_prepare (self,
                                    "UPDATE event SET date_value = ?2, date_precision = ?3,"
                                    " date_qualifier = ?4, date_anchor = ?5, date_earliest = ?6,"
                                    " date_latest = ?7 WHERE id = ?1",
                                    error);
          ok = stmt != NULL;
          if (!ok)
            break;
          sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
          _cb_store_bind_text (stmt, 2, tx->date.value);
          _cb_store_bind_text (stmt, 3, cb_precision_to_string (tx->date.precision));
          _cb_store_bind_text (stmt, 4, cb_qualifier_to_string (tx->date.qualifier));
          _cb_store_bind_text (stmt, 5, cb_anchor_to_string (tx->date.anchor));
          _cb_store_bind_julian (stmt, 6, tx->date.earliest);
          _cb_store_bind_julian (stmt, 7, tx->date.latest);
          ok = _cb_store_step_done (self, stmt, _("Could not resolve an event's date again"), error);
          /* Dated now, it may be an event another article told already. */
          ok = ok && _cb_store_fold_event (self, g_array_index (ids, gint64, i), error);
        }
    }

  cb_fuzzy_date_clear (&published);
  return _cb_store_edit_end (self, ok, error);
}
