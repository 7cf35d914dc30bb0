/* test-store-review.c — suggestions across articles: one event with two
 * sources, rejections that last, merges of people, dates resolved again
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cb-importer.h"
#include "cb-store.h"

typedef struct
{
  char       *dir;
  char       *path;
  CbStore    *store;
  CbImporter *importer;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("casebook-review-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = cb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->importer = cb_importer_new (fixture->store);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&fixture->importer);
  g_clear_object (&fixture->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
import (Fixture    *fixture,
        const char *text)
{
  g_autoptr(CbImportResult) result = cb_importer_import_text (fixture->importer, text, "test");

  g_assert_nonnull (result);
  if (result->outcome == CB_IMPORT_REJECTED)
    g_test_message ("rejected: %s", result->reason);
  g_assert_cmpint (result->outcome, ==, CB_IMPORT_IMPORTED);
  return result->article_id;
}

/* The case file titled @title, or NULL. */
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

/* The events of @title's case whose description contains @word. */
static GPtrArray *
events_with (Fixture    *fixture,
             const char *title,
             const char *word)
{
  g_autoptr(CbCaseFile) case_file = find_case (fixture, title);
  g_autoptr(GPtrArray) events = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  if (case_file == NULL)
    return found;
  events = cb_store_list_events (fixture->store, cb_case_file_get_id (case_file), NULL);
  g_assert_nonnull (events);
  for (guint i = 0; i < events->len; i++)
    if (strstr (cb_event_get_description (g_ptr_array_index (events, i)), word) != NULL)
      g_ptr_array_add (found, g_object_ref (g_ptr_array_index (events, i)));
  return found;
}

static const char pardon_a[] =
  "Title: Governor pardons former treasurer\nDate: 2015-03-10\n\n"
  "Governor Lydia Farnsworth pardoned Tobias Quennell on March 3, 2015. "
  "Quennell had been convicted of fraud in 2004.\n";
static const char pardon_b[] =
  "Title: A pardon, years later\nDate: 2015-04-01\n\n"
  "Tobias Quennell was pardoned in March 2015, his lawyer said. He spent six years in prison.\n";

static void
test_same_event_two_articles (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) pardons = NULL;
  g_autoptr(GPtrArray) convictions = NULL;

  import (fixture, pardon_a);
  import (fixture, pardon_b);

  /* One pardon, told by both articles; the conviction only by the first. */
  pardons = events_with (fixture, "Tobias Quennell", "pardoned");
  g_assert_cmpuint (pardons->len, ==, 1);
  g_assert_cmpuint (cb_event_get_source_count (g_ptr_array_index (pardons, 0)), ==, 2);
  convictions = events_with (fixture, "Tobias Quennell", "convicted");
  g_assert_cmpuint (convictions->len, ==, 1);
  g_assert_cmpuint (cb_event_get_source_count (g_ptr_array_index (convictions, 0)), ==, 1);
}

static void
test_different_events_stay_apart (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GPtrArray) pardons = NULL;

  import (fixture, pardon_a);
  /* Same person, same action, but another year: another event. */
  import (fixture, "Title: An earlier pardon\nDate: 1999-01-10\n\n"
                   "Tobias Quennell was pardoned in 1998 for a minor offence.\n");

  pardons = events_with (fixture, "Tobias Quennell", "pardoned");
  g_assert_cmpuint (pardons->len, ==, 2);
}

static void
test_rejected_event_stays_rejected (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GPtrArray) pardons = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  import (fixture, pardon_a);
  pardons = events_with (fixture, "Tobias Quennell", "pardoned");
  g_assert_cmpuint (pardons->len, ==, 1);
  g_assert_true (cb_store_set_event_review (fixture->store,
                                            cb_event_get_id (g_ptr_array_index (pardons, 0)),
                                            CB_REVIEW_REJECTED, &error));
  g_assert_no_error (error);

  /* Another article tells the same pardon: it does not come back. */
  import (fixture, pardon_b);
  after = events_with (fixture, "Tobias Quennell", "pardoned");
  g_assert_cmpuint (after->len, ==, 0);
}

static void
test_rejected_case_stays_rejected (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(CbCaseFile) case_file = NULL;
  g_autoptr(CbCaseFile) after = NULL;
  g_autoptr(GError) error = NULL;

  import (fixture, pardon_a);
  case_file = find_case (fixture, "Tobias Quennell");
  g_assert_nonnull (case_file);
  g_assert_true (cb_store_set_case_review (fixture->store, cb_case_file_get_id (case_file),
                                           CB_REVIEW_REJECTED, &error));
  g_assert_no_error (error);
  g_assert_null (find_case (fixture, "Tobias Quennell"));

  import (fixture, pardon_b);
  after = find_case (fixture, "Tobias Quennell");
  g_assert_null (after);
}

static void
test_review_unknown_ids (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cb_store_set_event_review (fixture->store, 4242, CB_REVIEW_ACCEPTED, &error));
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cb_store_set_case_review (fixture->store, 4242, CB_REVIEW_ACCEPTED, &error));
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cb_store_accept_merge (fixture->store, 4242, &error));
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND);
}

static const char kessler_a[] =
  "Title: Treasurer convicted\nDate: 2019-05-01\n\n"
  "Ann Marie Kessler was convicted of embezzlement in 2010. "
  "Her sister Ruth Kessler testified at the trial in 2009.\n";
static const char kessler_b[] =
  "Title: Clemency for a former treasurer\nDate: 2019-06-01\n\n"
  "Ann Marie Kessler Obuya was pardoned on Monday.\n";

static guint
count_persons (Fixture *fixture)
{
  g_autoptr(GPtrArray) persons = cb_store_list_persons (fixture->store, NULL);

  g_assert_nonnull (persons);
  return persons != NULL ? persons->len : 0;
}

static void
test_merge_suggested_and_accepted (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  const CbMergeSuggestion *s;
  guint persons_before;

  import (fixture, kessler_a);
  import (fixture, kessler_b);

  /* The extension is suggested; the sister with another first name is not. */
  suggestions = cb_store_list_merge_suggestions (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggestions->len, ==, 1);
  s = g_ptr_array_index (suggestions, 0);
  g_assert_cmpstr (s->keep_name, ==, "Ann Marie Kessler Obuya");
  g_assert_cmpstr (s->other_name, ==, "Ann Marie Kessler");

  /* Nothing is merged before the user says so. */
  persons_before = count_persons (fixture);
  g_assert_cmpuint (persons_before, ==, 3);

  g_assert_true (cb_store_accept_merge (fixture->store, s->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_persons (fixture), ==, persons_before - 1);
  after = cb_store_list_merge_suggestions (fixture->store, &error);
  g_assert_cmpuint (after->len, ==, 0);

  /* The conviction now belongs to the kept person. */
  {
    g_autoptr(GPtrArray) events = cb_store_list_events (fixture->store, 0, NULL);
    gboolean found = FALSE;

    for (guint i = 0; i < events->len; i++)
      {
        CbEvent *event = g_ptr_array_index (events, i);

        if (strstr (cb_event_get_description (event), "embezzlement") != NULL)
          {
            g_assert_cmpstr (cb_event_get_subject_name (event), ==, "Ann Marie Kessler Obuya");
            found = TRUE;
          }
      }
    g_assert_true (found);
  }
}

static void
test_merge_rejected_stays_rejected (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  import (fixture, kessler_a);
  import (fixture, kessler_b);
  suggestions = cb_store_list_merge_suggestions (fixture->store, &error);
  g_assert_cmpuint (suggestions->len, ==, 1);
  g_assert_true (cb_store_reject_merge (fixture->store,
                                        ((CbMergeSuggestion *) g_ptr_array_index (suggestions, 0))->id,
                                        &error));
  g_assert_no_error (error);

  /* Both names again in a third article: still not suggested. */
  import (fixture, "Title: Both names\nDate: 2019-07-01\n\n"
                   "Ann Marie Kessler Obuya, known before her marriage as Ann Marie Kessler, "
                   "was released in 2018.\n");
  after = cb_store_list_merge_suggestions (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_cmpuint (count_persons (fixture), ==, 3);
}

/* The date of the event whose date was written @date_text. */
static char *
event_date_value (Fixture    *fixture,
                  const char *date_text)
{
  g_autoptr(GPtrArray) events = cb_store_list_events (fixture->store, 0, NULL);

  for (guint i = 0; i < events->len; i++)
    {
      CbEvent *event = g_ptr_array_index (events, i);

      if (g_strcmp0 (cb_event_get_date_text (event), date_text) == 0)
        return g_strdup (cb_event_get_date (event)->value != NULL
                         ? cb_event_get_date (event)->value : "(unresolved)");
    }
  return NULL;
}

static void
test_set_article_date (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbArticle) article = NULL;
  g_autofree char *before = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *absolute = NULL;
  GDate date;
  gint64 id;

  /* No date in the header: "last week" cannot be resolved yet. */
  id = import (fixture, "Title: Undated\n\n"
                        "Ilse Varga was pardoned last week, her lawyer said. "
                        "She had been convicted of arson in 2009.\n");
  before = event_date_value (fixture, "last week");
  g_assert_cmpstr (before, ==, "(unresolved)");

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 10, G_DATE_JUNE, 2020);
  g_assert_true (cb_store_set_article_date (fixture->store, id, &date, &error));
  g_assert_no_error (error);
  resolved = event_date_value (fixture, "last week");
  g_assert_cmpstr (resolved, ==, "2020-W23");
  article = cb_store_get_article (fixture->store, id, NULL);
  g_assert_cmpstr (cb_article_get_published (article), ==, "2020-06-10");

  /* Another date: resolved again; the absolute date does not move. */
  g_date_set_dmy (&date, 15, G_DATE_JANUARY, 2021);
  g_assert_true (cb_store_set_article_date (fixture->store, id, &date, &error));
  moved = event_date_value (fixture, "last week");
  g_assert_cmpstr (moved, ==, "2021-W01");
  absolute = event_date_value (fixture, "2009");
  g_assert_cmpstr (absolute, ==, "2009");

  g_assert_false (cb_store_set_article_date (fixture->store, 4242, &date, &error));
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND);
}

static void
test_judge_gets_no_case (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CbCaseFile) defendant = NULL;
  g_autoptr(CbCaseFile) judge = NULL;

  import (fixture, "Title: Sentenced\nDate: 2012-01-01\n\n"
                   "Judge Harlan Whitcombe sentenced Mara Ostrowski to ten years in prison in 2011.\n");
  defendant = find_case (fixture, "Mara Ostrowski");
  judge = find_case (fixture, "Harlan Whitcombe");
  g_assert_nonnull (defendant);
  g_assert_null (judge);
}

static void
test_migrates_schema_1 (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbStore) reopened = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  sqlite3 *db = NULL;

  import (fixture, kessler_a);
  g_clear_object (&fixture->importer);
  g_clear_object (&fixture->store);

  /* Back to what schema 1 had: no merge suggestions. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE person_merge; PRAGMA user_version = 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  reopened = cb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cb_store_get_schema_version (reopened), ==, CB_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (cb_store_count_articles (reopened), ==, 1);
  suggestions = cb_store_list_merge_suggestions (reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggestions->len, ==, 0);
  fixture->store = g_steal_pointer (&reopened);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/store-review/same-event-two-articles", test_same_event_two_articles);
  ADD ("/store-review/different-events-stay-apart", test_different_events_stay_apart);
  ADD ("/store-review/rejected-event-stays-rejected", test_rejected_event_stays_rejected);
  ADD ("/store-review/rejected-case-stays-rejected", test_rejected_case_stays_rejected);
  ADD ("/store-review/unknown-ids", test_review_unknown_ids);
  ADD ("/store-review/merge-suggested-and-accepted", test_merge_suggested_and_accepted);
  ADD ("/store-review/merge-rejected-stays-rejected", test_merge_rejected_stays_rejected);
  ADD ("/store-review/set-article-date", test_set_article_date);
  ADD ("/store-review/judge-gets-no-case", test_judge_gets_no_case);
  ADD ("/store-review/migrates-schema-1", test_migrates_schema_1);
#undef ADD

  return g_test_run ();
}
