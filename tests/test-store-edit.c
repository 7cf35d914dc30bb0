/* test-store-edit.c — the user's edits, their undo and redo, the journal kept
 * in the database, and the backup taken before a schema upgrade
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cb-importer.h"
#include "cb-store.h"
#include "cb-test-support.h"

/* Invented articles: one person under a shorter and a fuller name, legal
 * events, and an article without a date. */
static const char article_a[] =
  "Title: Councillor convicted\nDate: 2016-02-10\n\n"
  "Helena Voss Marchetti was convicted of bribery in 2012. "
  "Marchetti appealed the verdict in March 2014. "
  "Her brother Oskar Marchetti was sentenced to probation in 2013.\n";
static const char article_b[] =
  "Title: Clemency for a councillor\nDate: 2017-08-20\n\n"
  "Helena Voss Marchetti Adeyemi was granted clemency on Monday.\n";
static const char article_undated[] =
  "Title: Undated report\n\n"
  "Tamsin Ekwueme was pardoned last week, three years after her conviction.\n";
static const char article_late[] =
  "Title: Another case\nDate: 2018-01-05\n\n"
  "Bruno Kastellan was convicted of fraud in 2015.\n";

typedef CbTestStore Fixture;

/* Every row the user can change, as text, read through a connection of its
 * own (so it sees what was committed, nothing else). */
static char *
snapshot_file (const char *path)
{
  static const char * const queries[] = {
    "SELECT * FROM case_file ORDER BY id",
    "SELECT * FROM event ORDER BY id",
    "SELECT * FROM event_source ORDER BY event_id, excerpt_id",
    "SELECT * FROM case_excerpt ORDER BY case_id, excerpt_id",
    "SELECT * FROM excerpt ORDER BY id",
    "SELECT * FROM person ORDER BY id",
    "SELECT * FROM alias ORDER BY id",
    NULL,  /* the mentions: cb_test_dump_mentions () */
    "SELECT * FROM person_merge ORDER BY id",
    "SELECT kind, key FROM rejection ORDER BY id",
    "SELECT id, published, published_precision, published_earliest, published_latest"
    " FROM article ORDER BY id",
  };
  GString *dump = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      if (queries[q] == NULL)
        {
          g_autofree char *mentions = cb_test_dump_mentions (db);

          g_string_append_printf (dump, "## mentions\n%s", mentions);
          continue;
        }
      g_string_append_printf (dump, "## %s\n", queries[q]);
      /* A table of a later schema. */
      if (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL) != SQLITE_OK)
        continue;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);
              g_string_append_printf (dump, "%s|", text != NULL ? text : "NULL");
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

static char *
snapshot (Fixture *fixture)
{
  return snapshot_file (fixture->path);
}

static CbCaseFile *
find_case (Fixture    *fixture,
           const char *title)
{
  g_autoptr(GPtrArray) cases = cb_store_list_cases (fixture->store, NULL);

  g_assert_nonnull (cases);
  for (guint i = 0; i < cases->len; i++)
    if (g_strcmp0 (cb_case_file_get_title (g_ptr_array_index (cases, i)), title) == 0)
      return g_object_ref (g_ptr_array_index (cases, i));
  return NULL;
}

static CbPersonRecord *
find_person (Fixture    *fixture,
             const char *name)
{
  g_autoptr(GPtrArray) persons = cb_store_list_persons (fixture->store, NULL);

  g_assert_nonnull (persons);
  for (guint i = 0; i < persons->len; i++)
    if (g_strcmp0 (cb_person_record_get_name (g_ptr_array_index (persons, i)), name) == 0)
      return g_object_ref (g_ptr_array_index (persons, i));
  return NULL;
}

static gint64
first_event (Fixture *fixture,
             gint64   case_id)
{
  g_autoptr(GPtrArray) events = cb_store_list_events (fixture->store, case_id, NULL);

  g_assert_nonnull (events);
  g_assert_cmpuint (events->len, >, 0);
  return cb_event_get_id (g_ptr_array_index (events, 0));
}

/* Asserts that the edit changed the rows, that undo gives back exactly the
 * rows before and redo exactly the rows after, and the step's label. */
static void
check_undo_redo (Fixture    *fixture,
                 const char *before,
                 const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = snapshot (fixture);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;

  g_assert_cmpstr (after, !=, before);
  g_assert_true (cb_store_can_undo (fixture->store, &undo_label));
  g_assert_cmpstr (undo_label, ==, label);
  g_assert_false (cb_store_can_redo (fixture->store, NULL));

  g_assert_true (cb_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  undone = snapshot (fixture);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (cb_store_can_redo (fixture->store, &redo_label));
  g_assert_cmpstr (redo_label, ==, label);

  g_assert_true (cb_store_redo (fixture->store, &error));
  g_assert_no_error (error);
  redone = snapshot (fixture);
  g_assert_cmpstr (redone, ==, after);
  g_assert_false (cb_store_can_redo (fixture->store, NULL));
}

/* --- each edit ---------------------------------------------------------------- */

static void
test_case_edits (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbCaseFile) helena = NULL;
  g_autoptr(CbCaseFile) created = NULL;
  g_autoptr(CbPersonRecord) oskar = NULL;
  g_autofree char *before = NULL;
  gint64 case_id, other_id;

  cb_test_store_import (fixture, article_a);
  helena = find_case (fixture, "Helena Voss Marchetti");
  g_assert_nonnull (helena);
  case_id = cb_case_file_get_id (helena);
  oskar = find_person (fixture, "Oskar Marchetti");
  g_assert_nonnull (oskar);

  /* A new case with a subject takes the subject's events in no case. */
  before = snapshot (fixture);
  other_id = cb_store_create_case (fixture->store, "  Appeal of the brother  ",
                                   cb_person_record_get_id (oskar), &error);
  g_assert_no_error (error);
  g_assert_cmpint (other_id, >, 0);
  created = find_case (fixture, "Appeal of the brother");
  g_assert_nonnull (created);
  g_assert_cmpint (cb_case_file_get_review (created), ==, CB_REVIEW_ACCEPTED);
  check_undo_redo (fixture, before, "New Case");
  g_clear_pointer (&before, g_free);

  before = snapshot (fixture);
  g_assert_true (cb_store_rename_case (fixture->store, case_id, "The bribery case", &error));
  g_assert_no_error (error);
  g_clear_object (&helena);
  helena = find_case (fixture, "The bribery case");
  g_assert_nonnull (helena);
  check_undo_redo (fixture, before, "Rename Case");
  g_clear_pointer (&before, g_free);

  before = snapshot (fixture);
  g_assert_true (cb_store_set_case_status (fixture->store, case_id, CB_CASE_STATUS_GRANTED, &error));
  g_assert_no_error (error);
  check_undo_redo (fixture, before, "Set Case Status");
  g_clear_pointer (&before, g_free);

  before = snapshot (fixture);
  g_assert_true (cb_store_set_case_notes (fixture->store, case_id, "Ask the clerk for the file.", &error));
  g_assert_no_error (error);
  check_undo_redo (fixture, before, "Edit Case Notes");
  g_clear_pointer (&before, g_free);

  /* Deleting keeps the events, in no case; undo puts them back in it. */
  {
    g_autoptr(GPtrArray) events = cb_store_list_events (fixture->store, case_id, NULL);
    g_autoptr(GPtrArray) all_before = cb_store_list_events (fixture->store, 0, NULL);
    g_autoptr(GPtrArray) all_after = NULL;

    g_assert_cmpuint (events->len, >, 0);
    before = snapshot (fixture);
    g_assert_true (cb_store_delete_case (fixture->store, case_id, &error));
    g_assert_no_error (error);
    g_assert_null (cb_store_get_case (fixture->store, case_id, NULL));
    all_after = cb_store_list_events (fixture->store, 0, NULL);
    g_assert_cmpuint (all_after->len, ==, all_before->len);
    check_undo_redo (fixture, before, "Delete Case");
    g_clear_pointer (&before, g_free);
    g_assert_true (cb_store_undo (fixture->store, &error));
    g_assert_no_error (error);
    g_clear_pointer (&events, g_ptr_array_unref);
    events = cb_store_list_events (fixture->store, case_id, NULL);
    g_assert_cmpuint (events->len, >, 0);
  }

  /* Merging moves the events and keeps both notes. */
  {
    g_autoptr(GPtrArray) kept_events = cb_store_list_events (fixture->store, case_id, NULL);
    g_autoptr(GPtrArray) other_events = cb_store_list_events (fixture->store, other_id, NULL);
    g_autoptr(GPtrArray) merged = NULL;
    g_autoptr(CbCaseFile) kept = NULL;

    g_assert_true (cb_store_set_case_notes (fixture->store, other_id, "Brother's notes.", &error));
    g_assert_true (cb_store_set_case_notes (fixture->store, case_id, "Own notes.", &error));
    before = snapshot (fixture);
    g_assert_true (cb_store_merge_cases (fixture->store, case_id, other_id, &error));
    g_assert_no_error (error);
    g_assert_null (cb_store_get_case (fixture->store, other_id, NULL));
    merged = cb_store_list_events (fixture->store, case_id, NULL);
    g_assert_cmpuint (merged->len, ==, kept_events->len + other_events->len);
    kept = cb_store_get_case (fixture->store, case_id, &error);
    g_assert_cmpstr (cb_case_file_get_notes (kept), ==, "Own notes.\n\nBrother's notes.");
    check_undo_redo (fixture, before, "Merge Cases");
    g_clear_pointer (&before, g_free);
  }
}

static void
test_event_edits (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbCaseFile) helena = NULL;
  g_autoptr(CbEvent) event = NULL;
  g_autofree char *before = NULL;
  g_autofree char *formatted = NULL;
  CbFuzzyDate date = { 0 };
  GDate day;
  gint64 case_id, event_id, other_case;

  cb_test_store_import (fixture, article_a);
  helena = find_case (fixture, "Helena Voss Marchetti");
  g_assert_nonnull (helena);
  case_id = cb_case_file_get_id (helena);
  event_id = first_event (fixture, case_id);

  /* Around June 2013, month precision. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JUNE, 2013);
  date.earliest = g_date_get_julian (&day);
  g_date_set_dmy (&day, 30, G_DATE_JUNE, 2013);
  date.latest = g_date_get_julian (&day);
  date.precision = CB_PRECISION_MONTH;
  date.qualifier = CB_QUALIFIER_AROUND;
  before = snapshot (fixture);
  g_assert_true (cb_store_set_event_date (fixture->store, event_id, &date, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) events = cb_store_list_events (fixture->store, case_id, NULL);

    for (guint i = 0; i < events->len; i++)
      if (cb_event_get_id (g_ptr_array_index (events, i)) == event_id)
        event = g_object_ref (g_ptr_array_index (events, i));
  }
  g_assert_nonnull (event);
  g_assert_cmpstr (cb_event_get_date (event)->value, ==, "2013-06");
  g_assert_cmpint (cb_event_get_date (event)->qualifier, ==, CB_QUALIFIER_AROUND);
  /* The date as written stays. */
  g_assert_nonnull (cb_event_get_date_text (event));
  formatted = cb_fuzzy_date_format (cb_event_get_date (event));
  g_assert_cmpstr (formatted, !=, "undated");
  check_undo_redo (fixture, before, "Set Event Date");
  g_clear_pointer (&before, g_free);

  before = snapshot (fixture);
  g_assert_true (cb_store_set_event_description (fixture->store, event_id, "Convicted by a jury", &error));
  g_assert_no_error (error);
  check_undo_redo (fixture, before, "Edit Event Description");
  g_clear_pointer (&before, g_free);

  /* Words and date together: one step; a refused date keeps the words too. */
  before = snapshot (fixture);
  date.qualifier = CB_QUALIFIER_BEFORE;
  g_assert_true (cb_store_edit_event (fixture->store, event_id, "Sentenced, by hand", &date, &error));
  g_assert_no_error (error);
  check_undo_redo (fixture, before, "Edit Event");
  g_clear_pointer (&before, g_free);
  before = snapshot (fixture);
  date.earliest = date.latest + 1;
  g_assert_false (cb_store_edit_event (fixture->store, event_id, "Not kept", &date, &error));
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *after = snapshot (fixture);
    g_assert_cmpstr (after, ==, before);
  }
  g_clear_pointer (&before, g_free);

  other_case = cb_store_create_case (fixture->store, "Elsewhere", 0, &error);
  g_assert_no_error (error);
  before = snapshot (fixture);
  g_assert_true (cb_store_move_event (fixture->store, event_id, other_case, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) moved = cb_store_list_events (fixture->store, other_case, NULL);
    g_assert_cmpuint (moved->len, ==, 1);
  }
  check_undo_redo (fixture, before, "Move Event");
  g_clear_pointer (&before, g_free);

  before = snapshot (fixture);
  g_assert_true (cb_store_move_event (fixture->store, event_id, 0, &error));
  g_assert_no_error (error);
  check_undo_redo (fixture, before, "Move Event");
}

static void
test_person_edits (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbPersonRecord) helena = NULL;
  g_autoptr(CbPersonRecord) renamed = NULL;
  g_autofree char *before = NULL;
  g_autofree char *alias = NULL;
  const char * const *aliases;
  gint64 person_id, split_id;

  cb_test_store_import (fixture, article_a);
  helena = find_person (fixture, "Helena Voss Marchetti");
  g_assert_nonnull (helena);
  person_id = cb_person_record_get_id (helena);

  before = snapshot (fixture);
  g_assert_true (cb_store_rename_person (fixture->store, person_id, "Helena V. Marchetti", &error));
  g_assert_no_error (error);
  renamed = find_person (fixture, "Helena V. Marchetti");
  g_assert_nonnull (renamed);
  /* The old name is still one of theirs, and the case follows the name. */
  g_assert_true (g_strv_contains ((const char * const *) cb_person_record_get_aliases (renamed),
                                  "Helena Voss Marchetti"));
  {
    g_autoptr(CbCaseFile) case_file = find_case (fixture, "Helena V. Marchetti");
    g_assert_nonnull (case_file);
  }
  check_undo_redo (fixture, before, "Rename Person");
  g_clear_pointer (&before, g_free);
  g_assert_true (cb_store_undo (fixture->store, &error));

  before = snapshot (fixture);
  g_assert_true (cb_store_add_alias (fixture->store, person_id, "Councillor Marchetti", &error));
  g_assert_no_error (error);
  check_undo_redo (fixture, before, "Add Name");
  g_clear_pointer (&before, g_free);

  before = snapshot (fixture);
  g_assert_true (cb_store_remove_alias (fixture->store, person_id, "councillor  marchetti", &error));
  g_assert_no_error (error);
  check_undo_redo (fixture, before, "Remove Name");
  g_clear_pointer (&before, g_free);

  /* Split off a name that has mentions: the mentions go with it. */
  g_clear_object (&helena);
  helena = find_person (fixture, "Helena Voss Marchetti");
  aliases = cb_person_record_get_aliases (helena);
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (strcmp (aliases[i], "Helena Voss Marchetti") != 0)
      alias = g_strdup (aliases[i]);
  g_assert_nonnull (alias);
  before = snapshot (fixture);
  split_id = cb_store_split_person (fixture->store, person_id, alias, &error);
  g_assert_no_error (error);
  g_assert_cmpint (split_id, >, 0);
  {
    g_autoptr(CbPersonRecord) split = find_person (fixture, alias);

    g_assert_nonnull (split);
    g_assert_cmpint (cb_person_record_get_id (split), ==, split_id);
    g_assert_cmpuint (cb_person_record_get_mention_count (split), >, 0);
  }
  check_undo_redo (fixture, before, "Split Person");
}

/* The review functions are steps too. */
static void
test_review_steps (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbCaseFile) helena = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *before = NULL;
  GDate day;
  gint64 undated, case_id;

  cb_test_store_import (fixture, article_a);
  cb_test_store_import (fixture, article_b);
  undated = cb_test_store_import (fixture, article_undated);
  helena = find_case (fixture, "Helena Voss Marchetti");
  g_assert_nonnull (helena);
  case_id = cb_case_file_get_id (helena);

  before = snapshot (fixture);
  g_assert_true (cb_store_set_case_review (fixture->store, case_id, CB_REVIEW_REJECTED, &error));
  g_assert_no_error (error);
  check_undo_redo (fixture, before, "Reject Case");
  g_clear_pointer (&before, g_free);
  g_assert_true (cb_store_undo (fixture->store, &error));

  before = snapshot (fixture);
  g_assert_true (cb_store_set_event_review (fixture->store, first_event (fixture, case_id),
                                            CB_REVIEW_ACCEPTED, &error));
  g_assert_no_error (error);
  check_undo_redo (fixture, before, "Accept Event");
  g_clear_pointer (&before, g_free);

  suggestions = cb_store_list_merge_suggestions (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggestions->len, >, 0);
  before = snapshot (fixture);
  g_assert_true (cb_store_accept_merge (fixture->store,
                                        ((CbMergeSuggestion *) g_ptr_array_index (suggestions, 0))->id,
                                        &error));
  g_assert_no_error (error);
  check_undo_redo (fixture, before, "Merge People");
  g_clear_pointer (&before, g_free);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 14, G_DATE_MARCH, 2019);
  before = snapshot (fixture);
  g_assert_true (cb_store_set_article_date (fixture->store, undated, &day, &error));
  g_assert_no_error (error);
  check_undo_redo (fixture, before, "Set Article Date");
}

/* --- the journal ------------------------------------------------------------- */

static void
test_undo_across_reopen (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbCaseFile) helena = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *label = NULL;
  gint64 case_id;

  cb_test_store_import (fixture, article_a);
  helena = find_case (fixture, "Helena Voss Marchetti");
  case_id = cb_case_file_get_id (helena);
  before = snapshot (fixture);
  g_assert_true (cb_store_delete_case (fixture->store, case_id, &error));
  after = snapshot (fixture);

  g_clear_object (&fixture->importer);
  g_clear_object (&fixture->store);
  fixture->store = cb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->importer = cb_importer_new (fixture->store);

  g_assert_true (cb_store_can_undo (fixture->store, &label));
  g_assert_cmpstr (label, ==, "Delete Case");
  g_assert_true (cb_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  undone = snapshot (fixture);
  g_assert_cmpstr (undone, ==, before);

  /* The redo step is kept too. */
  g_clear_object (&fixture->importer);
  g_clear_object (&fixture->store);
  fixture->store = cb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->importer = cb_importer_new (fixture->store);
  g_assert_true (cb_store_redo (fixture->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&undone, g_free);
  undone = snapshot (fixture);
  g_assert_cmpstr (undone, ==, after);
}

static void
test_new_edit_clears_redo (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a, b;

  a = cb_store_create_case (fixture->store, "First", 0, &error);
  g_assert_no_error (error);
  g_assert_true (cb_store_rename_case (fixture->store, a, "First, renamed", &error));
  g_assert_true (cb_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_true (cb_store_can_redo (fixture->store, NULL));

  b = cb_store_create_case (fixture->store, "Second", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (b, >, 0);
  g_assert_false (cb_store_can_redo (fixture->store, NULL));
  g_assert_false (cb_store_redo (fixture->store, &error));
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Back to the start, and no further. */
  g_assert_true (cb_store_undo (fixture->store, &error));
  g_assert_true (cb_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_false (cb_store_can_undo (fixture->store, NULL));
  g_assert_false (cb_store_undo (fixture->store, &error));
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND);
  {
    g_autoptr(GPtrArray) cases = cb_store_list_cases (fixture->store, NULL);
    g_assert_cmpuint (cases->len, ==, 0);
  }
}

static void
test_import_between_edits (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbCaseFile) helena = NULL;
  g_autoptr(CbCaseFile) back = NULL;
  g_autofree char *label = NULL;
  gint64 case_id, created;
  guint articles;

  cb_test_store_import (fixture, article_a);
  helena = find_case (fixture, "Helena Voss Marchetti");
  case_id = cb_case_file_get_id (helena);
  g_assert_true (cb_store_rename_case (fixture->store, case_id, "Renamed", &error));
  created = cb_store_create_case (fixture->store, "Made by hand", 0, &error);
  g_assert_no_error (error);

  /* An import (here on the same connection) is no step. */
  cb_test_store_import (fixture, article_b);
  cb_test_store_import (fixture, article_late);
  articles = cb_store_count_articles (fixture->store);
  g_assert_true (cb_store_can_undo (fixture->store, &label));
  g_assert_cmpstr (label, ==, "New Case");

  g_assert_true (cb_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_null (cb_store_get_case (fixture->store, created, NULL));
  g_assert_true (cb_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  back = cb_store_get_case (fixture->store, case_id, &error);
  g_assert_cmpstr (cb_case_file_get_title (back), ==, "Helena Voss Marchetti");
  /* What the imports stored stays. */
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, articles);
  g_assert_nonnull (find_person (fixture, "Bruno Kastellan"));
  g_object_unref (find_person (fixture, "Bruno Kastellan"));
}

/* A redo whose rows an import has taken since changes nothing, says so, and
 * goes from the history. */
static void
test_redo_after_conflicting_import (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 created;

  cb_test_store_import (fixture, article_a);
  created = cb_store_create_case (fixture->store, "Made by hand", 0, &error);
  g_assert_no_error (error);
  g_assert_true (cb_store_undo (fixture->store, &error));
  /* The next case file stored takes the id the undone one had. */
  cb_test_store_import (fixture, article_late);
  g_assert_nonnull (cb_store_get_case (fixture->store, created, NULL));
  g_object_unref (cb_store_get_case (fixture->store, created, NULL));

  before = snapshot (fixture);
  g_assert_false (cb_store_redo (fixture->store, &error));
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "New Case"));
  after = snapshot (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (cb_store_can_redo (fixture->store, NULL));
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbCaseFile) helena = NULL;
  g_autoptr(CbPersonRecord) person = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CbFuzzyDate date = { 0 };
  gint64 case_id, event_id, person_id;

  cb_test_store_import (fixture, article_a);
  helena = find_case (fixture, "Helena Voss Marchetti");
  case_id = cb_case_file_get_id (helena);
  event_id = first_event (fixture, case_id);
  person = find_person (fixture, "Helena Voss Marchetti");
  person_id = cb_person_record_get_id (person);
  before = snapshot (fixture);

#define FAILS(call, code) \
  G_STMT_START { \
    g_assert_false (call); \
    g_assert_error (error, CB_STORE_ERROR, code); \
    g_test_message ("%s", error->message); \
    g_clear_error (&error); \
  } G_STMT_END

  FAILS (cb_store_create_case (fixture->store, "   ", 0, &error), CB_STORE_ERROR_INVALID);
  FAILS (cb_store_create_case (fixture->store, NULL, 0, &error), CB_STORE_ERROR_INVALID);
  FAILS (cb_store_create_case (fixture->store, "\xff\xfe", 0, &error), CB_STORE_ERROR_INVALID);
  FAILS (cb_store_create_case (fixture->store, "Fine", 999999, &error), CB_STORE_ERROR_NOT_FOUND);
  FAILS (cb_store_rename_case (fixture->store, case_id, "", &error), CB_STORE_ERROR_INVALID);
  FAILS (cb_store_rename_case (fixture->store, 999999, "Fine", &error), CB_STORE_ERROR_NOT_FOUND);
  FAILS (cb_store_set_case_status (fixture->store, case_id, 17, &error), CB_STORE_ERROR_INVALID);
  FAILS (cb_store_set_case_notes (fixture->store, -4, "x", &error), CB_STORE_ERROR_NOT_FOUND);
  FAILS (cb_store_delete_case (fixture->store, 0, &error), CB_STORE_ERROR_NOT_FOUND);
  FAILS (cb_store_merge_cases (fixture->store, case_id, case_id, &error), CB_STORE_ERROR_INVALID);
  FAILS (cb_store_merge_cases (fixture->store, case_id, 999999, &error), CB_STORE_ERROR_NOT_FOUND);
  date.precision = CB_PRECISION_DAY;
  FAILS (cb_store_set_event_date (fixture->store, event_id, &date, &error), CB_STORE_ERROR_INVALID);
  date.earliest = 800000;
  date.latest = 700000;
  FAILS (cb_store_set_event_date (fixture->store, event_id, &date, &error), CB_STORE_ERROR_INVALID);
  date.precision = 42;
  FAILS (cb_store_set_event_date (fixture->store, event_id, &date, &error), CB_STORE_ERROR_INVALID);
  FAILS (cb_store_set_event_description (fixture->store, event_id, "\n\t", &error), CB_STORE_ERROR_INVALID);
  FAILS (cb_store_move_event (fixture->store, event_id, 999999, &error), CB_STORE_ERROR_NOT_FOUND);
  FAILS (cb_store_move_event (fixture->store, 999999, case_id, &error), CB_STORE_ERROR_NOT_FOUND);
  FAILS (cb_store_rename_person (fixture->store, person_id, " ", &error), CB_STORE_ERROR_INVALID);
  FAILS (cb_store_add_alias (fixture->store, 999999, "Someone", &error), CB_STORE_ERROR_NOT_FOUND);
  FAILS (cb_store_remove_alias (fixture->store, person_id, "Helena Voss Marchetti", &error),
         CB_STORE_ERROR_INVALID);
  FAILS (cb_store_remove_alias (fixture->store, person_id, "Nobody Known", &error),
         CB_STORE_ERROR_NOT_FOUND);
  FAILS (cb_store_split_person (fixture->store, person_id, "", &error), CB_STORE_ERROR_INVALID);
  FAILS (cb_store_set_case_review (fixture->store, 999999, CB_REVIEW_REJECTED, &error),
         CB_STORE_ERROR_NOT_FOUND);
#undef FAILS

  after = snapshot (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (cb_store_can_undo (fixture->store, NULL));
}

static void
test_journal_bounded (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 case_id;
  guint undone = 0;

  case_id = cb_store_create_case (fixture->store, "Busy", 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < CB_STORE_UNDO_LIMIT + 10; i++)
    {
      g_assert_true (cb_store_set_case_status (fixture->store, case_id,
                                               i % 2 ? CB_CASE_STATUS_OPEN : CB_CASE_STATUS_PENDING,
                                               &error));
      g_assert_no_error (error);
    }
  while (cb_store_undo (fixture->store, NULL))
    undone++;
  g_assert_cmpuint (undone, ==, CB_STORE_UNDO_LIMIT);
  /* The case was made before the oldest step kept. */
  g_assert_nonnull (cb_store_get_case (fixture->store, case_id, NULL));
  g_object_unref (cb_store_get_case (fixture->store, case_id, NULL));
}

/* --- the upgrade ------------------------------------------------------------- */

static int
file_user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

/* Closes the store and makes its file what schema 1 wrote. */
static void
downgrade_to_schema_1 (Fixture *fixture)
{
  sqlite3 *db = NULL;

  g_clear_object (&fixture->importer);
  g_clear_object (&fixture->store);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE case_excerpt; DROP TABLE person_merge; DROP TABLE undo_action;"
                                 " DROP TABLE undo_step; PRAGMA user_version = 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  cb_test_unpack_mentions (db);
  sqlite3_close (db);
}

static void
test_upgrade_backs_up (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_strconcat (fixture->path, ".schema-1.bak", NULL);
  g_autofree char *second = g_strconcat (fixture->path, ".schema-1-2.bak", NULL);
  g_autofree char *rows = NULL;
  g_autofree char *backup_rows = NULL;
  g_autofree char *upgraded_rows = NULL;
  g_autofree char *contents = NULL;

  cb_test_store_import (fixture, article_a);
  downgrade_to_schema_1 (fixture);
  rows = snapshot_file (fixture->path);

  fixture->store = cb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cb_store_get_schema_version (fixture->store), ==, CB_STORE_SCHEMA_VERSION);
  g_assert_cmpint (file_user_version (fixture->path), ==, CB_STORE_SCHEMA_VERSION);

  /* The backup is the schema 1 database, with the same rows. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (file_user_version (backup), ==, 1);
  backup_rows = snapshot_file (backup);
  g_assert_cmpstr (backup_rows, ==, rows);
  upgraded_rows = snapshot_file (fixture->path);
  g_assert_cmpstr (upgraded_rows, !=, NULL);

  /* The next upgrade does not overwrite it. */
  downgrade_to_schema_1 (fixture);
  g_assert_true (g_file_set_contents (backup, "keep me", -1, NULL));
  fixture->store = cb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (backup, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  g_assert_cmpint (file_user_version (second), ==, 1);
}

/* Schema 3 → 4: a backup of schema 3, the rows kept, and the new table
 * there to attach excerpts to case files, journalled for undo. */
static void
test_upgrade_from_schema_3 (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *backup = g_strconcat (fixture->path, ".schema-3.bak", NULL);
  g_autofree char *rows = NULL;
  g_autofree char *upgraded_rows = NULL;
  g_autofree char *added_rows = NULL;
  g_autofree char *undone_rows = NULL;
  sqlite3 *db = NULL;
  gint64 article, case_id, excerpt;

  article = cb_test_store_import (fixture, article_a);
  g_clear_object (&fixture->importer);
  g_clear_object (&fixture->store);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE case_excerpt; PRAGMA user_version = 3;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  cb_test_unpack_mentions (db);
  sqlite3_close (db);
  rows = snapshot_file (fixture->path);

  fixture->store = cb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cb_store_get_schema_version (fixture->store), ==, CB_STORE_SCHEMA_VERSION);
  g_assert_cmpint (file_user_version (fixture->path), ==, CB_STORE_SCHEMA_VERSION);
  g_assert_cmpint (file_user_version (backup), ==, 3);
  upgraded_rows = snapshot_file (fixture->path);
  g_assert_cmpstr (upgraded_rows, ==, rows);

  cases = cb_store_list_cases (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, >, 0);
  case_id = cb_case_file_get_id (g_ptr_array_index (cases, 0));
  excerpt = cb_store_add_excerpt (fixture->store, article, 0, 10, 0, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (excerpt, >, 0);
  added_rows = snapshot_file (fixture->path);
  g_assert_cmpstr (added_rows, !=, rows);
  g_assert_true (cb_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  undone_rows = snapshot_file (fixture->path);
  g_assert_cmpstr (undone_rows, ==, rows);
}

static void
test_upgrade_without_backup_fails (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbStore) store = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *after = NULL;

  cb_test_store_import (fixture, article_a);
  downgrade_to_schema_1 (fixture);
  rows = snapshot_file (fixture->path);

  /* Every name a backup could take is taken. */
  for (int i = 1; i < 100; i++)
    {
      g_autofree char *name = i == 1 ? g_strdup_printf ("%s.schema-1.bak", fixture->path)
                                     : g_strdup_printf ("%s.schema-1-%d.bak", fixture->path, i);
      g_assert_true (g_file_set_contents (name, "taken", -1, NULL));
    }

  store = cb_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "not changed"));
  g_assert_cmpint (file_user_version (fixture->path), ==, 1);
  after = snapshot_file (fixture->path);
  g_assert_cmpstr (after, ==, rows);
}

static void
history_changed_cb (CbStore *store,
                    guint   *count)
{
  (*count)++;
}

static void
test_history_signal (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint count = 0;
  gint64 case_id;

  g_signal_connect (fixture->store, "history-changed", G_CALLBACK (history_changed_cb), &count);
  case_id = cb_store_create_case (fixture->store, "Signalled", 0, &error);
  g_assert_cmpuint (count, ==, 1);
  g_assert_false (cb_store_rename_case (fixture->store, case_id, "", &error));
  g_clear_error (&error);
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (cb_store_undo (fixture->store, &error));
  g_assert_cmpuint (count, ==, 2);
  g_assert_true (cb_store_redo (fixture->store, &error));
  g_assert_cmpuint (count, ==, 3);
  cb_test_store_import (fixture, article_late);
  g_assert_cmpuint (count, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, cb_test_store_setup, fn, cb_test_store_teardown)
  ADD ("/store-edit/case-edits", test_case_edits);
  ADD ("/store-edit/event-edits", test_event_edits);
  ADD ("/store-edit/person-edits", test_person_edits);
  ADD ("/store-edit/review-steps", test_review_steps);
  ADD ("/store-edit/undo-across-reopen", test_undo_across_reopen);
  ADD ("/store-edit/new-edit-clears-redo", test_new_edit_clears_redo);
  ADD ("/store-edit/import-between-edits", test_import_between_edits);
  ADD ("/store-edit/redo-after-conflicting-import", test_redo_after_conflicting_import);
  ADD ("/store-edit/bad-input", test_bad_input);
  ADD ("/store-edit/journal-bounded", test_journal_bounded);
  ADD ("/store-edit/upgrade-backs-up", test_upgrade_backs_up);
  ADD ("/store-edit/upgrade-from-schema-3", test_upgrade_from_schema_3);
  ADD ("/store-edit/upgrade-without-backup-fails", test_upgrade_without_backup_fails);
  ADD ("/store-edit/history-signal", test_history_signal);
#undef ADD

  return g_test_run ();
}
