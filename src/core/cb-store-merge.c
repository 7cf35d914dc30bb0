/* cb-store-merge.c — people who may be one person: suggested across the
 * corpus ("Ann Example" and "Ann Example Smith"), never merged without the
 * user, and merged with everything they have when the user accepts
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

/* For messages: a 64-bit id as text (no format macro in translatable strings). */
static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

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
   * Different first names never match: the whole shorter name is a prefix.
   * Both directions are index lookups (a scan of every person for every
   * person of every article made a large import quadratic): the longer
   * names are the range of keys that start with "KEY ", the shorter ones
   * are the prefixes of KEY that end before one of its spaces. */
  if (strchr (key, ' ') != NULL)
    {
      stmt = _cb_store_prepare (self,
                                "SELECT id, name_key FROM person"
                                " WHERE name_key >= ?2 || ' ' AND name_key < ?2 || '!' AND id != ?1",
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
    }

  for (const char *space = strchr (key, ' '); space != NULL; space = strchr (space + 1, ' '))
    {
      g_autofree char *prefix = g_strndup (key, space - key);

      /* The shorter name needs two words of its own. */
      if (strchr (prefix, ' ') == NULL)
        continue;

      stmt = _cb_store_prepare (self, "SELECT id, name_key FROM person WHERE name_key = ?2 AND id != ?1",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, person_id);
      _cb_store_bind_text (stmt, 2, prefix);
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


/* The first case file of @person_id, the rejected last; 0 when none. */
static gboolean
case_of_person (CbStore  *self,
                gint64    person_id,
                gint64   *case_id,
                GError  **error)
{
  g_autoptr(GArray) ids = _cb_store_collect_ids (self,
                                                 "SELECT id FROM case_file WHERE subject_id = ?1"
                                                 " ORDER BY review = 'rejected', id",
                                                 person_id, error);

  if (ids == NULL)
    return FALSE;
  *case_id = ids->len > 0 ? g_array_index (ids, gint64, 0) : 0;
  return TRUE;
}

/* The cases of @other_id become the case of @keep_id: when @keep_id has one,
 * the events, notes and status of the others join it (accepted when either
 * was) and the others go; otherwise they pass to @keep_id, retitled when
 * they bore the other's name. */
static gboolean
merge_cases (CbStore  *self,
             gint64    keep_id,
             gint64    other_id,
             GError  **error)
{
  g_autoptr(GArray) others = NULL;
  const char *what = _("Could not merge two case files");
  gint64 keep_case = 0;

  if (!case_of_person (self, keep_id, &keep_case, error))
    return FALSE;

  if (keep_case == 0)
    return _cb_store_run_ids (self,
                              "UPDATE case_file SET subject_id = ?1,"
                              " title = CASE WHEN title = (SELECT name FROM person WHERE id = ?2)"
                              "  THEN (SELECT name FROM person WHERE id = ?1) ELSE title END"
                              " WHERE subject_id = ?2",
                              keep_id, other_id, what, error);

  others = _cb_store_collect_ids (self, "SELECT id FROM case_file WHERE subject_id = ?1",
                                  other_id, error);
  if (others == NULL)
    return FALSE;

  for (guint i = 0; i < others->len; i++)
    {
      gint64 other_case = g_array_index (others, gint64, i);

      if (!_cb_store_run_ids (self, "UPDATE event SET case_id = ?1 WHERE case_id = ?2",
                              keep_case, other_case, what, error) ||
          !_cb_store_run_ids (self,
                              "INSERT OR IGNORE INTO case_excerpt (case_id, excerpt_id)"
                              " SELECT ?1, excerpt_id FROM case_excerpt WHERE case_id = ?2",
                              keep_case, other_case, what, error) ||
          !_cb_store_run_ids (self, "DELETE FROM case_excerpt WHERE case_id = ?1",
                              other_case, 0, what, error) ||
          !_cb_store_run_ids (self,
                              "UPDATE case_file SET"
                              " review = (SELECT CASE"
                              "   WHEN 'accepted' IN (k.review, o.review) THEN 'accepted'"
                              "   WHEN 'suggested' IN (k.review, o.review) THEN 'suggested'"
                              "   ELSE 'rejected' END"
                              "  FROM case_file k, case_file o WHERE k.id = ?1 AND o.id = ?2),"
                              " status = CASE WHEN status = 'open'"
                              "  THEN (SELECT status FROM case_file WHERE id = ?2) ELSE status END,"
                              " notes = (SELECT CASE"
                              "   WHEN coalesce (o.notes, '') = '' THEN k.notes"
                              "   WHEN coalesce (k.notes, '') = '' THEN o.notes"
                              "   ELSE k.notes || char (10) || char (10) || o.notes END"
                              "  FROM case_file k, case_file o WHERE k.id = ?1 AND o.id = ?2)"
                              " WHERE id = ?1",
                              keep_case, other_case, what, error) ||
          !_cb_store_run_ids (self, "DELETE FROM case_file WHERE id = ?1",
                              other_case, 0, what, error))
        return FALSE;
    }

  /* Events of either name not filed yet go into the case, as on import. */
  return _cb_store_run_ids (self,
                            "UPDATE event SET case_id = ?1 WHERE subject_id = ?2 AND case_id IS NULL"
                            " AND (SELECT review FROM case_file WHERE id = ?1) != 'rejected'",
                            keep_case, keep_id, what, error);
}

gboolean
cb_store_accept_merge (CbStore  *self,
                       gint64    suggestion_id,
                       GError  **error)
{
  static const char * const moves[] = {
    /* The other's name becomes one of the kept person's names, so that the
     * next article naming them that way finds the kept person. */
    "INSERT OR IGNORE INTO alias (person_id, text, text_key)"
    " SELECT ?1, name, name_key FROM person WHERE id = ?2",
    /* Aliases the kept person lacks move; the rest go with the other person. */
    "UPDATE alias SET person_id = ?1 WHERE person_id = ?2"
    " AND text_key NOT IN (SELECT text_key FROM alias WHERE person_id = ?1)",
    "UPDATE event SET subject_id = ?1 WHERE subject_id = ?2",
    "UPDATE excerpt SET speaker_id = ?1 WHERE speaker_id = ?2",
  };
  static const char * const after_cases[] = {
    /* Other suggestions about the other person now concern the kept one. */
    "UPDATE OR IGNORE person_merge SET keep_id = ?1 WHERE keep_id = ?2",
    "UPDATE OR IGNORE person_merge SET other_id = ?1 WHERE other_id = ?2",
    "DELETE FROM person_merge WHERE keep_id = other_id",
    "DELETE FROM person WHERE id = ?2",
  };
  const char *what = _("Could not merge two people");
  g_autoptr(GArray) events = NULL;
  g_autofree char *pair = NULL;
  gint64 keep_id = 0, other_id = 0;
  gboolean ok;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  if (!_cb_store_edit_begin (self, N_("Merge People"), error))
    return FALSE;
  /* Accepting a pair rejected before is the user changing their mind. */
  ok = read_merge (self, suggestion_id, &keep_id, &other_id, &pair, error) &&
       _cb_store_remember_rejection (self, "merge", pair, FALSE, error);
  if (ok)
    {
      events = _cb_store_collect_ids (self, "SELECT id FROM event WHERE subject_id = ?1",
                                      other_id, error);
      ok = events != NULL;
    }
  for (guint i = 0; ok && i < G_N_ELEMENTS (moves); i++)
    ok = _cb_store_run_ids (self, moves[i], keep_id, other_id, what, error);
  ok = ok && _cb_store_move_mentions (self, keep_id, other_id, error);
  ok = ok && merge_cases (self, keep_id, other_id, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (after_cases); i++)
    ok = _cb_store_run_ids (self, after_cases[i], keep_id, other_id, what, error);
  /* An event both names were told doing, from two articles, is one event. */
  for (guint i = 0; ok && i < events->len; i++)
    ok = _cb_store_fold_event (self, g_array_index (events, gint64, i), error);
  ok = ok && _cb_store_suggest_merges (self, keep_id, error);
  return _cb_store_edit_end (self, ok, error);
}

gboolean
cb_store_reject_merge (CbStore  *self,
                       gint64    suggestion_id,
                       GError  **error)
{
  g_autofree char *pair = NULL;
  gint64 keep_id = 0, other_id = 0;
  gboolean ok;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  if (!_cb_store_edit_begin (self, N_("Reject Merge"), error))
    return FALSE;
  ok = read_merge (self, suggestion_id, &keep_id, &other_id, &pair, error) &&
       _cb_store_run_ids (self, "UPDATE person_merge SET review = 'rejected' WHERE id = ?1",
                          suggestion_id, 0, _("Could not reject a merge"), error) &&
       _cb_store_remember_rejection (self, "merge", pair, TRUE, error);
  return _cb_store_edit_end (self, ok, error);
}

gboolean
cb_store_suggest_merges (CbStore  *self,
                         GError  **error)
{
  g_autoptr(GArray) persons = NULL;
  gboolean own, ok;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  if (!_cb_store_begin_own (self, &own, error))
    return FALSE;
  persons = _cb_store_collect_ids (self, "SELECT id FROM person ORDER BY id", 0, error);
  ok = persons != NULL;
  for (guint i = 0; ok && i < persons->len; i++)
    ok = _cb_store_suggest_merges (self, g_array_index (persons, gint64, i), error);
  return _cb_store_end_own (self, own, ok, error);
}
