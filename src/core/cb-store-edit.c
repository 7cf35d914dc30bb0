/* cb-store-edit.c — the user's edits of case files, events and people, each
 * one undoable step (cb-store-undo.c)
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cb-store-private.h"

/* --- input ------------------------------------------------------------------- */

/* @text without white space around it, NULL when that leaves nothing or it
 * is not UTF-8.  Newly allocated. */
static char *
clean_text (const char *text)
{
  char *copy;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, CB_STORE_ERROR, CB_STORE_ERROR_INVALID, message);
  return FALSE;
}

typedef enum { CASE_FILE, EVENT, PERSON } Kind;

/* Fails with CB_STORE_ERROR_NOT_FOUND unless there is a @kind @id. */
static gboolean
require (CbStore  *self,
         Kind      kind,
         gint64    id,
         GError  **error)
{
  static const char * const sql[] = {
    [CASE_FILE] = "SELECT id FROM case_file WHERE id = ?1",
    [EVENT] = "SELECT id FROM event WHERE id = ?1",
    [PERSON] = "SELECT id FROM person WHERE id = ?1",
  };
  g_autoptr(GArray) ids = NULL;
  g_autofree char *text = NULL;

  ids = _cb_store_collect_ids (self, sql[kind], id, error);
  if (ids == NULL)
    return FALSE;
  if (ids->len > 0 && id > 0)
    return TRUE;

  text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  switch (kind)
    {
    case CASE_FILE:
      /* TRANSLATORS: %s is a number */
      g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND,
                   _("There is no case file %s in the database."), text);
      break;
    case EVENT:
      /* TRANSLATORS: %s is a number */
      g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND,
                   _("There is no event %s in the database."), text);
      break;
    case PERSON:
    default:
      /* TRANSLATORS: %s is a number */
      g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND,
                   _("There is no person %s in the database."), text);
      break;
    }
  return FALSE;
}

#define require_case(self, id, error) require ((self), CASE_FILE, (id), (error))
#define require_event(self, id, error) require ((self), EVENT, (id), (error))
#define require_person(self, id, error) require ((self), PERSON, (id), (error))

/* Runs @sql with ?1 = @id and ?2 = @text. */
static gboolean
run_text (CbStore     *self,
          const char  *sql,
          gint64       id,
          const char  *text,
          GError     **error)
{
  sqlite3_stmt *stmt = _cb_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  _cb_store_bind_text (stmt, 2, text);
  return _cb_store_step_done (self, stmt, _("Could not store the change"), error);
}

/* One column text of the row @sql (?1 = @id) finds; NULL when none. */
static char *
query_text (CbStore     *self,
            const char  *sql,
            gint64       id,
            GError     **error)
{
  sqlite3_stmt *stmt = _cb_store_prepare (self, sql, error);
  char *text = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    text = g_strdup (CB_COLUMN_TEXT (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _cb_store_set_error (self->db, rc, _("Could not read the database"), error);
  return text;
}

/* --- case files ------------------------------------------------------------------ */

gint64
cb_store_create_case (CbStore     *self,
                      const char  *title,
                      gint64       subject_id,
                      GError     **error)
{
  g_autofree char *clean = clean_text (title);
  gint64 case_id = 0;
  gboolean ok;

  g_return_val_if_fail (CB_IS_STORE (self), 0);

  if (clean == NULL)
    return invalid (error, _("A case file needs a title."));
  if (subject_id != 0 && !require_person (self, subject_id, error))
    return 0;

  if (!_cb_store_edit_begin (self, N_("New Case"), error))
    return 0;

  ok = _cb_store_run_ids (self,
                          "INSERT INTO case_file (title, subject_id, status, review)"
                          " VALUES ('', ?1, 'open', 'accepted')",
                          subject_id, 0, _("Could not store a case file"), error);
  if (ok)
    {
      case_id = sqlite3_last_insert_rowid (self->db);
      ok = run_text (self, "UPDATE case_file SET title = ?2 WHERE id = ?1", case_id, clean, error);
    }
  /* The subject's events in no case yet go into it, as an import does. */
  if (ok && subject_id != 0)
    ok = _cb_store_run_ids (self,
                            "UPDATE event SET case_id = ?1 WHERE subject_id = ?2 AND case_id IS NULL",
                            case_id, subject_id, _("Could not store a case file"), error);

  return _cb_store_edit_end (self, ok, error) ? case_id : 0;
}

gboolean
cb_store_rename_case (CbStore     *self,
                      gint64       case_id,
                      const char  *title,
                      GError     **error)
{
  g_autofree char *clean = clean_text (title);
  gboolean ok;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  if (clean == NULL)
    return invalid (error, _("A case file needs a title."));
  if (!require_case (self, case_id, error) ||
      !_cb_store_edit_begin (self, N_("Rename Case"), error))
    return FALSE;
  ok = run_text (self, "UPDATE case_file SET title = ?2 WHERE id = ?1", case_id, clean, error);
  return _cb_store_edit_end (self, ok, error);
}

gboolean
cb_store_set_case_status (CbStore       *self,
                          gint64         case_id,
                          CbCaseStatus   status,
                          GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  if ((int) status < CB_CASE_STATUS_OPEN || status > CB_CASE_STATUS_CLOSED)
    return invalid (error, _("This is not a status a case file can have."));
  if (!require_case (self, case_id, error) ||
      !_cb_store_edit_begin (self, N_("Set Case Status"), error))
    return FALSE;
  ok = run_text (self, "UPDATE case_file SET status = ?2 WHERE id = ?1", case_id,
                 cb_case_status_to_string (status), error);
  return _cb_store_edit_end (self, ok, error);
}

gboolean
cb_store_set_case_notes (CbStore     *self,
                         gint64       case_id,
                         const char  *notes,
                         GError     **error)
{
  g_autofree char *clean = clean_text (notes);
  gboolean ok;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  if (notes != NULL && !g_utf8_validate (notes, -1, NULL))
    return invalid (error, _("The notes are not valid text."));
  if (!require_case (self, case_id, error) ||
      !_cb_store_edit_begin (self, N_("Edit Case Notes"), error))
    return FALSE;
  /* Kept as written, but nothing but white space is no notes. */
  ok = run_text (self, "UPDATE case_file SET notes = ?2 WHERE id = ?1", case_id,
                 clean != NULL ? notes : NULL, error);
  return _cb_store_edit_end (self, ok, error);
}

gboolean
cb_store_delete_case (CbStore  *self,
                      gint64    case_id,
                      GError  **error)
{
  const char *what = _("Could not delete a case file");
  gboolean ok;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  if (!require_case (self, case_id, error) ||
      !_cb_store_edit_begin (self, N_("Delete Case"), error))
    return FALSE;
  /* Explicitly rather than by ON DELETE SET NULL: the journal sees it either
   * way, this says what is meant. */
  ok = _cb_store_run_ids (self, "UPDATE event SET case_id = NULL WHERE case_id = ?1",
                          case_id, 0, what, error) &&
       _cb_store_run_ids (self, "DELETE FROM case_file WHERE id = ?1", case_id, 0, what, error);
  return _cb_store_edit_end (self, ok, error);
}

gboolean
cb_store_merge_cases (CbStore  *self,
                      gint64    keep_id,
                      gint64    other_id,
                      GError  **error)
{
  const char *what = _("Could not merge two case files");
  gboolean ok;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  if (keep_id == other_id)
    return invalid (error, _("A case file cannot be merged into itself."));
  if (!require_case (self, keep_id, error) ||
      !require_case (self, other_id, error) ||
      !_cb_store_edit_begin (self, N_("Merge Cases"), error))
    return FALSE;

  ok = _cb_store_run_ids (self, "UPDATE event SET case_id = ?1 WHERE case_id = ?2",
                          keep_id, other_id, what, error) &&
       _cb_store_run_ids (self,
                          "INSERT OR IGNORE INTO case_excerpt (case_id, excerpt_id)"
                          " SELECT ?1, excerpt_id FROM case_excerpt WHERE case_id = ?2",
                          keep_id, other_id, what, error) &&
       _cb_store_run_ids (self, "DELETE FROM case_excerpt WHERE case_id = ?1",
                          other_id, 0, what, error) &&
       _cb_store_run_ids (self,
                          "UPDATE case_file SET"
                          " subject_id = coalesce (subject_id,"
                          "  (SELECT subject_id FROM case_file WHERE id = ?2)),"
                          " review = CASE WHEN 'accepted' IN (review,"
                          "  (SELECT review FROM case_file WHERE id = ?2)) THEN 'accepted'"
                          "  ELSE review END,"
                          " notes = (SELECT CASE"
                          "   WHEN coalesce (o.notes, '') = '' THEN k.notes"
                          "   WHEN coalesce (k.notes, '') = '' THEN o.notes"
                          "   ELSE k.notes || char (10) || char (10) || o.notes END"
                          "  FROM case_file k, case_file o WHERE k.id = ?1 AND o.id = ?2)"
                          " WHERE id = ?1",
                          keep_id, other_id, what, error) &&
       _cb_store_run_ids (self, "DELETE FROM case_file WHERE id = ?1", other_id, 0, what, error);
  return _cb_store_edit_end (self, ok, error);
}

/* --- events ------------------------------------------------------------------- */

/* The TIMEX3 value of an interval known to @precision. */
static char *
timex_value (CbPrecision precision,
             guint32     earliest)
{
  g_autoptr(GDate) day = g_date_new_julian (earliest);
  int year = g_date_get_year (day);

  switch (precision)
    {
    case CB_PRECISION_DAY:
      return g_strdup_printf ("%04d-%02d-%02d", year, g_date_get_month (day), g_date_get_day (day));
    case CB_PRECISION_WEEK:
      {
        /* The ISO year of the week may be the next or the previous one. */
        guint week = g_date_get_iso8601_week_of_year (day);
        int week_year = year;

        if (week >= 52 && g_date_get_month (day) == G_DATE_JANUARY)
          week_year--;
        else if (week == 1 && g_date_get_month (day) == G_DATE_DECEMBER)
          week_year++;
        return g_strdup_printf ("%04d-W%02u", week_year, week);
      }
    case CB_PRECISION_MONTH:
      return g_strdup_printf ("%04d-%02d", year, g_date_get_month (day));
    case CB_PRECISION_DECADE:
      return g_strdup_printf ("%03dX", year / 10);
    case CB_PRECISION_SEASON:
    case CB_PRECISION_YEAR:
    case CB_PRECISION_NONE:
    default:
      return g_strdup_printf ("%04d", year);
    }
}

gboolean
cb_store_set_event_date (CbStore            *self,
                         gint64              event_id,
                         const CbFuzzyDate  *date,
                         GError            **error)
{
  g_autofree char *value = NULL;
  gboolean dated;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  dated = date->precision != CB_PRECISION_NONE;
  if ((int) date->precision < CB_PRECISION_NONE || date->precision > CB_PRECISION_DECADE ||
      (int) date->qualifier < CB_QUALIFIER_ON || date->qualifier > CB_QUALIFIER_BETWEEN)
    return invalid (error, _("This is not a date an event can have."));
  if (dated && (!g_date_valid_julian (date->earliest) || !g_date_valid_julian (date->latest)))
    return invalid (error, _("An event's date needs both ends of its interval."));
  if (dated && date->earliest > date->latest)
    return invalid (error, _("An event's date cannot end before it begins."));
  if (date->value != NULL && !g_utf8_validate (date->value, -1, NULL))
    return invalid (error, _("This is not a date an event can have."));

  if (dated)
    value = date->value != NULL ? g_strdup (date->value)
                                : timex_value (date->precision, date->earliest);

  if (!require_event (self, event_id, error) ||
      !_cb_store_edit_begin (self, N_("Set Event Date"), error))
    return FALSE;

  /* The span of the date as written goes: the article getting a date must
   * not resolve it again over what the user said.  The text stays. */
  stmt = _cb_store_prepare (self,
                            "UPDATE event SET date_value = ?2, date_precision = ?3,"
                            " date_qualifier = ?4, date_anchor = 'absolute', date_earliest = ?5,"
                            " date_latest = ?6, date_start = NULL, date_end = NULL WHERE id = ?1",
                            error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, event_id);
      _cb_store_bind_text (stmt, 2, value);
      _cb_store_bind_text (stmt, 3, cb_precision_to_string (date->precision));
      _cb_store_bind_text (stmt, 4, cb_qualifier_to_string (dated ? date->qualifier : CB_QUALIFIER_ON));
      _cb_store_bind_julian (stmt, 5, dated ? date->earliest : 0);
      _cb_store_bind_julian (stmt, 6, dated ? date->latest : 0);
      ok = _cb_store_step_done (self, stmt, _("Could not set an event's date"), error);
    }
  return _cb_store_edit_end (self, ok, error);
}

gboolean
cb_store_set_event_description (CbStore     *self,
                                gint64       event_id,
                                const char  *description,
                                GError     **error)
{
  g_autofree char *clean = clean_text (description);
  gboolean ok;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  if (clean == NULL)
    return invalid (error, _("An event needs a description."));
  if (!require_event (self, event_id, error) ||
      !_cb_store_edit_begin (self, N_("Edit Event Description"), error))
    return FALSE;
  ok = run_text (self, "UPDATE event SET description = ?2 WHERE id = ?1", event_id, clean, error);
  return _cb_store_edit_end (self, ok, error);
}

/* Both in one step: a dialog that changed both is one thing to undo. */
gboolean
cb_store_edit_event (CbStore            *self,
                     gint64              event_id,
                     const char         *description,
                     const CbFuzzyDate  *date,
                     GError            **error)
{
  gboolean ok;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  if (!require_event (self, event_id, error) ||
      !_cb_store_edit_begin (self, N_("Edit Event"), error))
    return FALSE;
  ok = description == NULL || cb_store_set_event_description (self, event_id, description, error);
  ok = ok && (date == NULL || cb_store_set_event_date (self, event_id, date, error));
  return _cb_store_edit_end (self, ok, error);
}

gboolean
cb_store_move_event (CbStore  *self,
                     gint64    event_id,
                     gint64    case_id,
                     GError  **error)
{
  gboolean ok;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  if (!require_event (self, event_id, error) ||
      (case_id != 0 && !require_case (self, case_id, error)) ||
      !_cb_store_edit_begin (self, N_("Move Event"), error))
    return FALSE;
  ok = _cb_store_run_ids (self, "UPDATE event SET case_id = ?2 WHERE id = ?1", event_id, case_id,
                          _("Could not move an event"), error);
  return _cb_store_edit_end (self, ok, error);
}

/* --- people --------------------------------------------------------------- */

static gboolean
add_name (CbStore     *self,
          gint64       person_id,
          const char  *text,
          GError     **error)
{
  g_autofree char *key = _cb_store_name_key (text);
  sqlite3_stmt *stmt = _cb_store_prepare (self,
                                          "INSERT OR IGNORE INTO alias (person_id, text, text_key)"
                                          " VALUES (?1, ?2, ?3)",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  _cb_store_bind_text (stmt, 2, text);
  _cb_store_bind_text (stmt, 3, key);
  return _cb_store_step_done (self, stmt, _("Could not store a name"), error);
}

gboolean
cb_store_rename_person (CbStore     *self,
                        gint64       person_id,
                        const char  *name,
                        GError     **error)
{
  g_autofree char *clean = clean_text (name);
  g_autofree char *key = NULL;
  g_autofree char *old = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  if (clean == NULL)
    return invalid (error, _("A person needs a name."));
  key = _cb_store_name_key (clean);
  if (!require_person (self, person_id, error) ||
      !_cb_store_edit_begin (self, N_("Rename Person"), error))
    return FALSE;

  old = query_text (self, "SELECT name FROM person WHERE id = ?1", person_id, error);
  ok = old != NULL && add_name (self, person_id, old, error) && add_name (self, person_id, clean, error);
  /* Case files named after the person follow (as a merge does). */
  if (ok)
    {
      stmt = _cb_store_prepare (self,
                                "UPDATE case_file SET title = ?2 WHERE subject_id = ?1 AND title = ?3",
                                error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, person_id);
          _cb_store_bind_text (stmt, 2, clean);
          _cb_store_bind_text (stmt, 3, old);
          ok = _cb_store_step_done (self, stmt, _("Could not rename a person"), error);
        }
    }
  if (ok)
    {
      stmt = _cb_store_prepare (self, "UPDATE person SET name = ?2, name_key = ?3 WHERE id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, person_id);
          _cb_store_bind_text (stmt, 2, clean);
          _cb_store_bind_text (stmt, 3, key);
          ok = _cb_store_step_done (self, stmt, _("Could not rename a person"), error);
        }
    }
  return _cb_store_edit_end (self, ok, error);
}

gboolean
cb_store_add_alias (CbStore     *self,
                    gint64       person_id,
                    const char  *alias,
                    GError     **error)
{
  g_autofree char *clean = clean_text (alias);
  gboolean ok;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  if (clean == NULL)
    return invalid (error, _("A name cannot be empty."));
  if (!require_person (self, person_id, error) ||
      !_cb_store_edit_begin (self, N_("Add Name"), error))
    return FALSE;
  ok = add_name (self, person_id, clean, error);
  return _cb_store_edit_end (self, ok, error);
}

/* @person_id's alias with the key of @alias, and whether it is their name. */
static gboolean
check_alias (CbStore     *self,
             gint64       person_id,
             const char  *alias,
             char       **key,
             char       **text,
             GError     **error)
{
  g_autofree char *name_key = NULL;
  sqlite3_stmt *stmt;
  int rc;

  *key = _cb_store_name_key (alias);
  *text = NULL;
  if (**key == '\0')
    return invalid (error, _("A name cannot be empty."));
  if (!require_person (self, person_id, error))
    return FALSE;

  name_key = query_text (self, "SELECT name_key FROM person WHERE id = ?1", person_id, error);
  if (name_key == NULL)
    return FALSE;
  if (strcmp (name_key, *key) == 0)
    return invalid (error, _("This is the person's name, not another name: rename them instead."));

  stmt = _cb_store_prepare (self, "SELECT text FROM alias WHERE person_id = ?1 AND text_key = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  _cb_store_bind_text (stmt, 2, *key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *text = g_strdup (CB_COLUMN_TEXT (stmt, 0));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      /* TRANSLATORS: %s is a name */
      g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not one of this person's names."), alias);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      _cb_store_set_error (self->db, rc, _("Could not read a person's names"), error);
      return FALSE;
    }
  return TRUE;
}

gboolean
cb_store_remove_alias (CbStore     *self,
                       gint64       person_id,
                       const char  *alias,
                       GError     **error)
{
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  if (!check_alias (self, person_id, alias != NULL ? alias : "", &key, &text, error) ||
      !_cb_store_edit_begin (self, N_("Remove Name"), error))
    return FALSE;
  stmt = _cb_store_prepare (self, "DELETE FROM alias WHERE person_id = ?1 AND text_key = ?2", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, person_id);
      _cb_store_bind_text (stmt, 2, key);
      ok = _cb_store_step_done (self, stmt, _("Could not remove a name"), error);
    }
  return _cb_store_edit_end (self, ok, error);
}

gint64
cb_store_split_person (CbStore     *self,
                       gint64       person_id,
                       const char  *alias,
                       GError     **error)
{
  const char *what = _("Could not split a person");
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name_key = NULL;
  g_autofree char *pair = NULL;
  sqlite3_stmt *stmt;
  gint64 new_id = 0;
  gboolean ok;

  g_return_val_if_fail (CB_IS_STORE (self), 0);

  if (!check_alias (self, person_id, alias != NULL ? alias : "", &key, &text, error) ||
      !_cb_store_edit_begin (self, N_("Split Person"), error))
    return 0;

  stmt = _cb_store_prepare (self, "INSERT INTO person (name, name_key) VALUES (?1, ?2)", error);
  ok = stmt != NULL;
  if (ok)
    {
      _cb_store_bind_text (stmt, 1, text);
      _cb_store_bind_text (stmt, 2, key);
      ok = _cb_store_step_done (self, stmt, what, error);
      new_id = sqlite3_last_insert_rowid (self->db);
    }
  if (ok)
    {
      stmt = _cb_store_prepare (self,
                                "UPDATE alias SET person_id = ?3 WHERE person_id = ?1 AND text_key = ?2",
                                error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, person_id);
          _cb_store_bind_text (stmt, 2, key);
          sqlite3_bind_int64 (stmt, 3, new_id);
          ok = _cb_store_step_done (self, stmt, what, error);
        }
    }
  /* The mentions that read the name go with it. */
  ok = ok && _cb_store_split_mentions (self, person_id, key, new_id, error);

  /* The user said they are two: not suggested as one again (the key as
   * cb-store-merge.c makes it). */
  if (ok)
    {
      name_key = query_text (self, "SELECT name_key FROM person WHERE id = ?1", person_id, error);
      ok = name_key != NULL;
    }
  if (ok)
    {
      pair = strcmp (name_key, key) <= 0 ? g_strdup_printf ("%s|%s", name_key, key)
                                         : g_strdup_printf ("%s|%s", key, name_key);
      ok = _cb_store_remember_rejection (self, "merge", pair, TRUE, error);
    }

  return _cb_store_edit_end (self, ok, error) ? new_id : 0;
}
