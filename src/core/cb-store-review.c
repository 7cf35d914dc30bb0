/* cb-store-review.c — what the store does with suggestions across articles:
 * one event told by two articles, merges of people, rejections that last,
 * and dates resolved again when an article gets its date
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

/* Runs @sql (one statement with ?1 = @a, ?2 = @b, 0 = NULL) to completion. */
static gboolean
run_ids (CbStore     *self,
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

/* Our own transaction, or none when the caller has one open already. */
static gboolean
begin_own (CbStore   *self,
           gboolean  *own,
           GError   **error)
{
  *own = !_cb_store_in_transaction (self);
  return !*own || cb_store_begin (self, error);
}

static gboolean
end_own (CbStore   *self,
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

/* For messages: a 64-bit id as text (no format macro in translatable strings). */
static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
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

static gboolean
remember_rejection (CbStore     *self,
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

/* The rejection key of a stored event: who, what, when. */
static gboolean
stored_event_key (CbStore     *self,
                  gint64       event_id,
                  char       **key,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cb_store_prepare (self,
                            "SELECT p.name_key, e.action, e.description, e.date_value"
                            " FROM event e LEFT JOIN person p ON p.id = e.subject_id"
                            " WHERE e.id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *key = _cb_store_event_key (CB_COLUMN_TEXT (stmt, 0), CB_COLUMN_TEXT (stmt, 1),
                                CB_COLUMN_TEXT (stmt, 2), CB_COLUMN_TEXT (stmt, 3));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *text = id_text (event_id);

      /* TRANSLATORS: %s is a number */
      g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND, _("There is no event %s in the database."), text);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      _cb_store_set_error (self->db, rc, _("Could not read an event"), error);
      return FALSE;
    }
  return TRUE;
}

gboolean
cb_store_set_event_review (CbStore   *self,
                           gint64     event_id,
                           CbReview   review,
                           GError   **error)
{
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  gboolean own, ok;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  if (!begin_own (self, &own, error))
    return FALSE;

  ok = stored_event_key (self, event_id, &key, error);
  if (ok)
    {
      stmt = _cb_store_prepare (self, "UPDATE event SET review = ?2 WHERE id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, event_id);
          _cb_store_bind_text (stmt, 2, cb_review_to_string (review));
          ok = _cb_store_step_done (self, stmt, _("Could not review an event"), error);
        }
    }
  ok = ok && remember_rejection (self, "event", key, review == CB_REVIEW_REJECTED, error);

  return end_own (self, own, ok, error);
}

gboolean
cb_store_set_case_review (CbStore   *self,
                          gint64     case_id,
                          CbReview   review,
                          GError   **error)
{
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  gboolean own, ok;
  int rc;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  if (!begin_own (self, &own, error))
    return FALSE;

  stmt = _cb_store_prepare (self,
                            "SELECT coalesce (p.name_key, c.title) FROM case_file c"
                            " LEFT JOIN person p ON p.id = c.subject_id WHERE c.id = ?1",
                            error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, case_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        key = _cb_store_name_key (CB_COLUMN_TEXT (stmt, 0));
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
  ok = ok && remember_rejection (self, "case", key, review == CB_REVIEW_REJECTED, error);

  return end_own (self, own, ok, error);
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

  /* Same person, overlapping dates, from another article. */
  stmt = _cb_store_prepare (self,
                            "SELECT id, action, description, review FROM event"
                            " WHERE subject_id = ?1 AND article_id IS NOT ?2"
                            " AND date_earliest <= ?4 AND date_latest >= ?3"
                            " ORDER BY id",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, subject_id);
  sqlite3_bind_int64 (stmt, 2, article_id);
  sqlite3_bind_int64 (stmt, 3, earliest);
  sqlite3_bind_int64 (stmt, 4, latest);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *other_action = CB_COLUMN_TEXT (stmt, 1);
      gboolean same = action != NULL && other_action != NULL
                      ? strcmp (action, other_action) == 0
                      : _cb_store_descriptions_similar (description, CB_COLUMN_TEXT (stmt, 2));

      if (same)
        {
          *event_id = sqlite3_column_int64 (stmt, 0);
          *review = cb_review_from_string (CB_COLUMN_TEXT (stmt, 3));
          break;
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

/* --- people who may be one ---------------------------------------------- */

void
cb_merge_suggestion_free (CbMergeSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->keep_name);
  g_free (suggestion->other_name);
  g_free (suggestion);
}

static char *
merge_key (const char *key_a,
           const char *key_b)
{
  /* The same pair whichever way round. */
  return g_strcmp0 (key_a, key_b) <= 0 ? g_strdup_printf ("%s|%s", key_a, key_b)
                                       : g_strdup_printf ("%s|%s", key_b, key_a);
}

gboolean
_cb_store_suggest_merges (CbStore  *self,
                          gint64    person_id,
                          GError  **error)
{
  g_autoptr(GArray) longer = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cb_store_prepare (self, "SELECT name_key FROM person WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    key = g_strdup (CB_COLUMN_TEXT (stmt, 0));
  sqlite3_reset (stmt);
  if (key == NULL)
    return TRUE;

  /* "Ann Marie Example" and "Ann Marie Example Smith": one name goes on
   * where the other ends, and the shorter has a first name and a surname.
   * Different first names never match: the whole shorter name is a prefix. */
  stmt = _cb_store_prepare (self,
                            "SELECT id, name_key FROM person WHERE id != ?1 AND ("
                            " (instr (?2, ' ') > 0 AND substr (name_key, 1, length (?2) + 1) = ?2 || ' ')"
                            " OR (instr (name_key, ' ') > 0"
                            "     AND substr (?2, 1, length (name_key) + 1) = name_key || ' '))",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  _cb_store_bind_text (stmt, 2, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 other = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (longer, other);
      g_ptr_array_add (keys, g_strdup (CB_COLUMN_TEXT (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cb_store_set_error (self->db, rc, _("Could not look for people to merge"), error);
      return FALSE;
    }

  for (guint i = 0; i < longer->len; i++)
    {
      gint64 other = g_array_index (longer, gint64, i);
      const char *other_key = g_ptr_array_index (keys, i);
      g_autofree char *pair = merge_key (key, other_key);
      gboolean rejected = FALSE;
      /* The fuller name is the one kept. */
      gboolean keep_other = strlen (other_key) > strlen (key);

      if (!_cb_store_is_rejected (self, "merge", pair, &rejected, error))
        return FALSE;
      if (rejected)
        continue;
      stmt = _cb_store_prepare (self,
                                "INSERT OR IGNORE INTO person_merge (keep_id, other_id)"
                                " SELECT ?1, ?2 WHERE NOT EXISTS (SELECT 1 FROM person_merge"
                                " WHERE keep_id = ?2 AND other_id = ?1)",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, keep_other ? other : person_id);
      sqlite3_bind_int64 (stmt, 2, keep_other ? person_id : other);
      if (!_cb_store_step_done (self, stmt, _("Could not store a merge suggestion"), error))
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
cb_store_list_merge_suggestions (CbStore  *self,
                                 GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_merge_suggestion_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CB_IS_STORE (self), NULL);

  stmt = _cb_store_prepare (self,
                            "SELECT m.id, m.keep_id, k.name, m.other_id, o.name FROM person_merge m"
                            " JOIN person k ON k.id = m.keep_id JOIN person o ON o.id = m.other_id"
                            " WHERE m.review = 'suggested' ORDER BY k.name_key, o.name_key",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CbMergeSuggestion *s = g_new0 (CbMergeSuggestion, 1);

      s->id = sqlite3_column_int64 (stmt, 0);
      s->keep_id = sqlite3_column_int64 (stmt, 1);
      s->keep_name = g_strdup (CB_COLUMN_TEXT (stmt, 2));
      s->other_id = sqlite3_column_int64 (stmt, 3);
      s->other_name = g_strdup (CB_COLUMN_TEXT (stmt, 4));
      g_ptr_array_add (list, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cb_store_set_error (self->db, rc, _("Could not list the merge suggestions"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
read_merge (CbStore  *self,
            gint64    suggestion_id,
            gint64   *keep_id,
            gint64   *other_id,
            char    **pair,
            GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cb_store_prepare (self,
                            "SELECT m.keep_id, m.other_id, k.name_key, o.name_key FROM person_merge m"
                            " JOIN person k ON k.id = m.keep_id JOIN person o ON o.id = m.other_id"
                            " WHERE m.id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, suggestion_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *keep_id = sqlite3_column_int64 (stmt, 0);
      *other_id = sqlite3_column_int64 (stmt, 1);
      *pair = merge_key (CB_COLUMN_TEXT (stmt, 2), CB_COLUMN_TEXT (stmt, 3));
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *text = id_text (suggestion_id);

      /* TRANSLATORS: %s is a number */
      g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND, _("There is no merge suggestion %s in the database."), text);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      _cb_store_set_error (self->db, rc, _("Could not read a merge suggestion"), error);
      return FALSE;
    }
  return TRUE;
}

gboolean
cb_store_accept_merge (CbStore  *self,
                       gint64    suggestion_id,
                       GError  **error)
{
  static const char * const moves[] = {
    /* Aliases the kept person lacks move; the rest go with the other person. */
    ("UPDATE alias SET person_id = ?1 WHERE person_id = ?2"
     " AND text_key NOT IN (SELECT text_key FROM alias WHERE person_id = ?1)"),
    "UPDATE mention SET person_id = ?1 WHERE person_id = ?2",
    "UPDATE event SET subject_id = ?1 WHERE subject_id = ?2",
    "UPDATE excerpt SET speaker_id = ?1 WHERE speaker_id = ?2",
    "UPDATE case_file SET subject_id = ?1 WHERE subject_id = ?2",
    "DELETE FROM person WHERE id = ?2",
  };
  g_autofree char *pair = NULL;
  gint64 keep_id = 0, other_id = 0;
  gboolean own, ok;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  if (!begin_own (self, &own, error))
    return FALSE;
  ok = read_merge (self, suggestion_id, &keep_id, &other_id, &pair, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (moves); i++)
    ok = run_ids (self, moves[i], keep_id, other_id, _("Could not merge two people"), error);
  return end_own (self, own, ok, error);
}

gboolean
cb_store_reject_merge (CbStore  *self,
                       gint64    suggestion_id,
                       GError  **error)
{
  g_autofree char *pair = NULL;
  gint64 keep_id = 0, other_id = 0;
  gboolean own, ok;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  if (!begin_own (self, &own, error))
    return FALSE;
  ok = read_merge (self, suggestion_id, &keep_id, &other_id, &pair, error) &&
       run_ids (self, "UPDATE person_merge SET review = 'rejected' WHERE id = ?1",
                suggestion_id, 0, _("Could not reject a merge"), error) &&
       remember_rejection (self, "merge", pair, TRUE, error);
  return end_own (self, own, ok, error);
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
  gboolean own, ok;
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

  if (!begin_own (self, &own, error))
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
        }
    }

  cb_fuzzy_date_clear (&published);
  return end_own (self, own, ok, error);
}
