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
#include "cb-test-support.h"

typedef CbTestStore Fixture;

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

  cb_test_store_import (fixture, pardon_a);
  cb_test_store_import (fixture, pardon_b);

  /* One pardon, told by both articles; the conviction only by the first. */
  pardons = events_with (fixture, "Tobias Quennell", "pardoned");
  g_assert_cmpuint (pardons->len, ==, 1);
  g_assert_cmpuint (cb_event_get_source_count (g_ptr_array_index (pardons, 0)), ==, 2);
  convictions = events_with (fixture, "Tobias Quennell", "convicted");
  g_assert_cmpuint (convictions->len, ==, 1);
  g_assert_cmpuint (cb_event_get_source_count (g_ptr_array_index (convictions, 0)), ==, 1);
}

/* Sets event @event_id's date to the interval @from … @to (julian days). */
static void
set_interval (Fixture     *fixture,
              gint64       event_id,
              guint32      from,
              guint32      to,
              CbPrecision  precision)
{
  g_autoptr(GError) error = NULL;
  CbFuzzyDate date = { 0 };

  date.precision = precision;
  date.qualifier = CB_QUALIFIER_ON;
  date.earliest = from;
  date.latest = to;
  g_assert_true (cb_store_set_event_date (fixture->store, event_id, &date, &error));
  g_assert_no_error (error);
}

static guint32
julian_day (int year,
            int month,
            int day)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);

  return g_date_get_julian (date);
}

/* The same event is found however long the stored one is: a year (the
 * longest looked up by a short range of start dates) and a decade (looked
 * up among the long ones); one that ends before the new one starts is
 * another event. */
static void
test_same_event_long_dates (Fixture       *fixture,
                            gconstpointer  data)
{
  const struct
  {
    guint32     from, to;
    CbPrecision precision;
    guint       expected_events;
  } cases[] = {
    { julian_day (2015, 1, 1), julian_day (2015, 12, 31), CB_PRECISION_YEAR, 1 },
    { julian_day (2010, 1, 1), julian_day (2019, 12, 31), CB_PRECISION_DECADE, 1 },
    { julian_day (2003, 1, 1), julian_day (2015, 3, 31), CB_PRECISION_DECADE, 1 },
    { julian_day (2003, 1, 1), julian_day (2015, 2, 27), CB_PRECISION_DECADE, 2 },
    { julian_day (2014, 1, 1), julian_day (2014, 12, 31), CB_PRECISION_YEAR, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) pardons = NULL;
      g_autoptr(GPtrArray) after = NULL;
      g_autoptr(GError) error = NULL;
      gint64 first, second;

      first = cb_test_store_import (fixture, pardon_a);
      pardons = events_with (fixture, "Tobias Quennell", "pardoned");
      g_assert_cmpuint (pardons->len, ==, 1);
      set_interval (fixture, cb_event_get_id (g_ptr_array_index (pardons, 0)),
                    cases[i].from, cases[i].to, cases[i].precision);

      /* "in March 2015" */
      second = cb_test_store_import (fixture, pardon_b);
      after = events_with (fixture, "Tobias Quennell", "pardoned");
      g_assert_cmpuint (after->len, ==, cases[i].expected_events);
      if (cases[i].expected_events == 1)
        g_assert_cmpuint (cb_event_get_source_count (g_ptr_array_index (after, 0)), ==, 2);

      g_assert_true (cb_store_delete_article (fixture->store, second, &error));
      g_assert_true (cb_store_delete_article (fixture->store, first, &error));
      g_assert_no_error (error);
    }
}

static void
test_different_events_stay_apart (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GPtrArray) pardons = NULL;

  cb_test_store_import (fixture, pardon_a);
  /* Same person, same action, but another year: another event. */
  cb_test_store_import (fixture, "Title: An earlier pardon\nDate: 1999-01-10\n\n"
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

  cb_test_store_import (fixture, pardon_a);
  pardons = events_with (fixture, "Tobias Quennell", "pardoned");
  g_assert_cmpuint (pardons->len, ==, 1);
  g_assert_true (cb_store_set_event_review (fixture->store,
                                            cb_event_get_id (g_ptr_array_index (pardons, 0)),
                                            CB_REVIEW_REJECTED, &error));
  g_assert_no_error (error);

  /* Another article tells the same pardon: it does not come back. */
  cb_test_store_import (fixture, pardon_b);
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

  cb_test_store_import (fixture, pardon_a);
  case_file = find_case (fixture, "Tobias Quennell");
  g_assert_nonnull (case_file);
  g_assert_true (cb_store_set_case_review (fixture->store, cb_case_file_get_id (case_file),
                                           CB_REVIEW_REJECTED, &error));
  g_assert_no_error (error);
  g_assert_null (find_case (fixture, "Tobias Quennell"));

  cb_test_store_import (fixture, pardon_b);
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

static void delete_article (Fixture *fixture, gint64 article_id);

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

  cb_test_store_import (fixture, kessler_a);
  cb_test_store_import (fixture, kessler_b);

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

  cb_test_store_import (fixture, kessler_a);
  cb_test_store_import (fixture, kessler_b);
  suggestions = cb_store_list_merge_suggestions (fixture->store, &error);
  g_assert_cmpuint (suggestions->len, ==, 1);
  g_assert_true (cb_store_reject_merge (fixture->store,
                                        ((CbMergeSuggestion *) g_ptr_array_index (suggestions, 0))->id,
                                        &error));
  g_assert_no_error (error);

  /* Both names again in a third article: still not suggested. */
  cb_test_store_import (fixture, "Title: Both names\nDate: 2019-07-01\n\n"
                   "Ann Marie Kessler Obuya, known before her marriage as Ann Marie Kessler, "
                   "was released in 2018.\n");
  after = cb_store_list_merge_suggestions (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_cmpuint (count_persons (fixture), ==, 3);
}

static void
test_merge_rejected_survives_reimport (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 second;

  cb_test_store_import (fixture, kessler_a);
  second = cb_test_store_import (fixture, kessler_b);
  suggestions = cb_store_list_merge_suggestions (fixture->store, &error);
  g_assert_cmpuint (suggestions->len, ==, 1);
  g_assert_true (cb_store_reject_merge (fixture->store,
                                        ((CbMergeSuggestion *) g_ptr_array_index (suggestions, 0))->id,
                                        &error));
  g_assert_no_error (error);

  /* The longer name goes with its article and comes back with it. */
  delete_article (fixture, second);
  g_assert_cmpuint (count_persons (fixture), ==, 2);
  cb_test_store_import (fixture, kessler_b);
  g_assert_cmpuint (count_persons (fixture), ==, 3);
  after = cb_store_list_merge_suggestions (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 0);
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
  id = cb_test_store_import (fixture, "Title: Undated\n\n"
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

  cb_test_store_import (fixture, "Title: Sentenced\nDate: 2012-01-01\n\n"
                   "Judge Harlan Whitcombe sentenced Mara Ostrowski to ten years in prison in 2011.\n");
  defendant = find_case (fixture, "Mara Ostrowski");
  judge = find_case (fixture, "Harlan Whitcombe");
  g_assert_nonnull (defendant);
  g_assert_null (judge);
}

/* --- more: dates set later, deleted articles, merges, officials ---------- */

static guint
count_cases (Fixture *fixture)
{
  g_autoptr(GPtrArray) cases = cb_store_list_cases (fixture->store, NULL);

  g_assert_nonnull (cases);
  return cases != NULL ? cases->len : 0;
}

static guint
count_events (Fixture *fixture)
{
  g_autoptr(GPtrArray) events = cb_store_list_events (fixture->store, 0, NULL);

  g_assert_nonnull (events);
  return events != NULL ? events->len : 0;
}

/* Every event (not rejected) whose description contains @word, any case. */
static GPtrArray *
all_events_with (Fixture    *fixture,
                 const char *word)
{
  g_autoptr(GPtrArray) events = cb_store_list_events (fixture->store, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_nonnull (events);
  for (guint i = 0; i < events->len; i++)
    if (strstr (cb_event_get_description (g_ptr_array_index (events, i)), word) != NULL)
      g_ptr_array_add (found, g_object_ref (g_ptr_array_index (events, i)));
  return found;
}

static void
set_date (Fixture *fixture,
          gint64   article_id,
          int      year,
          int      month,
          int      day)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  g_assert_true (cb_store_set_article_date (fixture->store, article_id, &date, &error));
  g_assert_no_error (error);
}

static void
delete_article (Fixture *fixture,
                gint64   article_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cb_store_delete_article (fixture->store, article_id, &error));
  g_assert_no_error (error);
}

static const char pardon_undated[] =
  "Title: Undated pardon story\n\n"
  "Tobias Quennell received a pardon last week from the governor. "
  "His lawyer, Marta Ellison, said he was grateful.\n";

static void
test_set_date_joins_same_event (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) excerpts = NULL;
  gint64 undated;
  gint64 dated;

  dated = cb_test_store_import (fixture, pardon_a);
  undated = cb_test_store_import (fixture, pardon_undated);

  /* Undated, "last week" cannot be compared with March 3: two events. */
  before = events_with (fixture, "Tobias Quennell", "pardon");
  g_assert_cmpuint (before->len, ==, 2);

  /* The week before 10 March 2015 holds 3 March: one pardon, two sources. */
  set_date (fixture, undated, 2015, 3, 10);
  after = events_with (fixture, "Tobias Quennell", "pardon");
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpuint (cb_event_get_source_count (g_ptr_array_index (after, 0)), ==, 2);
  g_assert_cmpstr (cb_event_get_date (g_ptr_array_index (after, 0))->value, ==, "2015-03-03");

  excerpts = cb_store_list_excerpts (fixture->store, 0,
                                     cb_event_get_id (g_ptr_array_index (after, 0)), NULL);
  g_assert_cmpuint (excerpts->len, ==, 2);
  g_assert_cmpint (cb_excerpt_get_article_id (g_ptr_array_index (excerpts, 0)), !=,
                   cb_excerpt_get_article_id (g_ptr_array_index (excerpts, 1)));
  g_assert_true (cb_excerpt_get_article_id (g_ptr_array_index (excerpts, 0)) == dated ||
                 cb_excerpt_get_article_id (g_ptr_array_index (excerpts, 1)) == dated);
}

static void
test_set_date_far_apart_stays_apart (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GPtrArray) after = NULL;
  gint64 undated;

  cb_test_store_import (fixture, pardon_a);
  undated = cb_test_store_import (fixture, pardon_undated);

  /* A week before 2019 is not March 2015: another pardon. */
  set_date (fixture, undated, 2019, 9, 2);
  after = events_with (fixture, "Tobias Quennell", "pardon");
  g_assert_cmpuint (after->len, ==, 2);
}

static void
test_set_date_narrative_and_clear (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *month = NULL;
  g_autofree char *later = NULL;
  g_autofree char *cleared = NULL;
  g_autofree char *cleared_later = NULL;
  gint64 id;

  id = cb_test_store_import (fixture, "Title: No date\n\n"
                        "Ilse Varga was convicted of arson last month. "
                        "Two years later, Judge Peter Lindqvist denied her appeal.\n");
  set_date (fixture, id, 2020, 6, 10);
  month = event_date_value (fixture, "last month");
  g_assert_cmpstr (month, ==, "2020-05");
  /* Anchored on the date before it, which only the article's date gave. */
  later = event_date_value (fixture, "Two years later");
  g_assert_nonnull (later);
  g_assert_true (g_str_has_prefix (later, "2022"));

  /* Cleared again: nothing relative is resolved any more. */
  g_assert_true (cb_store_set_article_date (fixture->store, id, NULL, &error));
  g_assert_no_error (error);
  cleared = event_date_value (fixture, "last month");
  g_assert_cmpstr (cleared, ==, "(unresolved)");
  cleared_later = event_date_value (fixture, "Two years later");
  g_assert_cmpstr (cleared_later, ==, "(unresolved)");
}

static void
test_delete_article_and_reimport (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GPtrArray) pardons = NULL;
  g_autoptr(GPtrArray) pardons_after = NULL;
  g_autoptr(GPtrArray) convictions_after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = cb_test_store_import (fixture, pardon_a);
  pardons = events_with (fixture, "Tobias Quennell", "pardoned");
  g_assert_cmpuint (pardons->len, ==, 1);
  g_assert_true (cb_store_set_event_review (fixture->store,
                                            cb_event_get_id (g_ptr_array_index (pardons, 0)),
                                            CB_REVIEW_REJECTED, &error));
  g_assert_no_error (error);

  /* Nothing of the article stays behind. */
  delete_article (fixture, id);
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, 0);
  g_assert_cmpuint (count_events (fixture), ==, 0);
  g_assert_cmpuint (count_cases (fixture), ==, 0);
  g_assert_cmpuint (count_persons (fixture), ==, 0);

  /* The same text again: the conviction and the case come back, the
   * rejected pardon does not. */
  cb_test_store_import (fixture, pardon_a);
  pardons_after = events_with (fixture, "Tobias Quennell", "pardoned");
  g_assert_cmpuint (pardons_after->len, ==, 0);
  convictions_after = events_with (fixture, "Tobias Quennell", "convicted");
  g_assert_cmpuint (convictions_after->len, ==, 1);

  g_assert_false (cb_store_delete_article (fixture->store, 4242, &error));
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND);
}

static void
test_deleted_case_reimport (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(CbCaseFile) case_file = NULL;
  g_autoptr(CbCaseFile) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = cb_test_store_import (fixture, pardon_a);
  case_file = find_case (fixture, "Tobias Quennell");
  g_assert_nonnull (case_file);
  g_assert_true (cb_store_set_case_review (fixture->store, cb_case_file_get_id (case_file),
                                           CB_REVIEW_REJECTED, &error));
  g_assert_no_error (error);

  delete_article (fixture, id);
  g_assert_cmpuint (count_persons (fixture), ==, 0);
  cb_test_store_import (fixture, pardon_a);
  after = find_case (fixture, "Tobias Quennell");
  g_assert_null (after);
  /* The events are still suggested, just not in a case. */
  g_assert_cmpuint (count_events (fixture), >=, 2);
}

static void
test_unrejected_comes_back (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) pardons = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 event_id;
  gint64 id;

  id = cb_test_store_import (fixture, pardon_a);
  pardons = events_with (fixture, "Tobias Quennell", "pardoned");
  g_assert_cmpuint (pardons->len, ==, 1);
  event_id = cb_event_get_id (g_ptr_array_index (pardons, 0));
  g_assert_true (cb_store_set_event_review (fixture->store, event_id, CB_REVIEW_REJECTED, &error));
  g_assert_true (cb_store_set_event_review (fixture->store, event_id, CB_REVIEW_SUGGESTED, &error));
  g_assert_no_error (error);

  /* Changed mind: the rejection is forgotten. */
  delete_article (fixture, id);
  cb_test_store_import (fixture, pardon_a);
  after = events_with (fixture, "Tobias Quennell", "pardoned");
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (cb_event_get_review (g_ptr_array_index (after, 0)), ==, CB_REVIEW_SUGGESTED);
}

static void
test_rejected_undated_stays_rejected (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GPtrArray) pardons = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dated_text = NULL;
  gint64 id;

  /* Rejected while its date was unknown, then the article got a date. */
  id = cb_test_store_import (fixture, pardon_undated);
  pardons = events_with (fixture, "Tobias Quennell", "pardon");
  g_assert_cmpuint (pardons->len, ==, 1);
  g_assert_true (cb_store_set_event_review (fixture->store,
                                            cb_event_get_id (g_ptr_array_index (pardons, 0)),
                                            CB_REVIEW_REJECTED, &error));
  g_assert_no_error (error);
  set_date (fixture, id, 2015, 3, 10);

  /* The same body, now with its date in the header, after a deletion. */
  delete_article (fixture, id);
  dated_text = g_strconcat ("Title: Undated pardon story\nDate: 2015-03-10\n\n",
                            strstr (pardon_undated, "\n\n") + 2, NULL);
  cb_test_store_import (fixture, dated_text);
  after = all_events_with (fixture, "pardon");
  g_assert_cmpuint (after->len, ==, 0);
}

static void
test_delete_keeps_shared_event (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) pardons = NULL;
  g_autoptr(GPtrArray) convictions = NULL;
  gint64 first;
  gint64 second;

  first = cb_test_store_import (fixture, pardon_a);
  second = cb_test_store_import (fixture, pardon_b);
  delete_article (fixture, first);

  /* The second article still tells the pardon; the conviction only the first. */
  pardons = events_with (fixture, "Tobias Quennell", "pardoned");
  g_assert_cmpuint (pardons->len, ==, 1);
  g_assert_cmpuint (cb_event_get_source_count (g_ptr_array_index (pardons, 0)), ==, 1);
  g_assert_cmpint (cb_event_get_article_id (g_ptr_array_index (pardons, 0)), ==, second);
  convictions = events_with (fixture, "Tobias Quennell", "convicted");
  g_assert_cmpuint (convictions->len, ==, 0);
  /* The governor was named only in the first article. */
  g_assert_cmpuint (count_persons (fixture), ==, 1);

  /* Its date came from the deleted text: setting the date leaves it be. */
  set_date (fixture, second, 2015, 4, 2);
  g_clear_pointer (&pardons, g_ptr_array_unref);
  pardons = events_with (fixture, "Tobias Quennell", "pardoned");
  g_assert_cmpuint (pardons->len, ==, 1);
  g_assert_cmpstr (cb_event_get_date (g_ptr_array_index (pardons, 0))->value, ==, "2015-03-03");
}

static void
test_officials_get_no_case (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *officials[] = { "Miriam Achterberg", "Samuel Okafor", "Renata Voss" };
  g_autoptr(CbCaseFile) subject = NULL;

  cb_test_store_import (fixture, "Title: Commuted\nDate: 2019-03-04\n\n"
                   "Governor Miriam Achterberg commuted the sentence of Dorian Pell on Friday. "
                   "Prosecutor Samuel Okafor had indicted Pell in 2011, and Judge Renata Voss "
                   "sentenced him in 2012. Pell was released on Saturday.\n");
  subject = find_case (fixture, "Dorian Pell");
  g_assert_nonnull (subject);
  g_assert_cmpuint (cb_case_file_get_event_count (subject), >=, 3);
  for (guint i = 0; i < G_N_ELEMENTS (officials); i++)
    {
      g_autoptr(CbCaseFile) official = find_case (fixture, officials[i]);

      g_test_message ("official: %s", officials[i]);
      g_assert_null (official);
    }
  g_assert_cmpuint (count_cases (fixture), ==, 1);
}

static void
test_merge_joins_cases (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(CbCaseFile) kept = NULL;
  g_autoptr(CbCaseFile) gone = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(GError) error = NULL;
  gboolean alias_found = FALSE;
  guint persons_after;

  guint events_before = 0;

  cb_test_store_import (fixture, kessler_a);
  cb_test_store_import (fixture, kessler_b);
  /* A conviction under one name, a pardon under the other: two cases. */
  g_assert_cmpuint (count_cases (fixture), ==, 2);
  {
    g_autoptr(CbCaseFile) a = find_case (fixture, "Ann Marie Kessler");
    g_autoptr(CbCaseFile) b = find_case (fixture, "Ann Marie Kessler Obuya");

    g_assert_nonnull (a);
    g_assert_nonnull (b);
    events_before = cb_case_file_get_event_count (a) + cb_case_file_get_event_count (b);
  }

  suggestions = cb_store_list_merge_suggestions (fixture->store, &error);
  g_assert_cmpuint (suggestions->len, ==, 1);
  g_assert_true (cb_store_accept_merge (fixture->store,
                                        ((CbMergeSuggestion *) g_ptr_array_index (suggestions, 0))->id,
                                        &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_cases (fixture), ==, 1);
  kept = find_case (fixture, "Ann Marie Kessler Obuya");
  g_assert_nonnull (kept);
  g_assert_cmpuint (cb_case_file_get_event_count (kept), ==, events_before);
  /* Its events rest on both articles. */
  g_assert_cmpuint (cb_case_file_get_source_count (kept), ==, 2);
  gone = find_case (fixture, "Ann Marie Kessler");
  g_assert_null (gone);

  /* The shorter name is an alias of the kept person now ... */
  persons = cb_store_list_persons (fixture->store, NULL);
  for (guint i = 0; i < persons->len; i++)
    {
      CbPersonRecord *person = g_ptr_array_index (persons, i);
      const char * const *aliases = cb_person_record_get_aliases (person);

      if (g_strcmp0 (cb_person_record_get_name (person), "Ann Marie Kessler Obuya") != 0)
        continue;
      for (guint j = 0; aliases != NULL && aliases[j] != NULL; j++)
        alias_found |= g_strcmp0 (aliases[j], "Ann Marie Kessler") == 0;
    }
  g_assert_true (alias_found);

  /* ... so the next article naming her so finds her, and suggests nothing. */
  persons_after = count_persons (fixture);
  cb_test_store_import (fixture, "Title: Speech\nDate: 2019-08-01\n\n"
                   "Ann Marie Kessler spoke at a reentry conference in July 2019.\n");
  g_assert_cmpuint (count_persons (fixture), ==, persons_after);
  g_clear_pointer (&suggestions, g_ptr_array_unref);
  suggestions = cb_store_list_merge_suggestions (fixture->store, &error);
  g_assert_cmpuint (suggestions->len, ==, 0);
}

static void
test_merge_joins_same_event (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;

  /* The extension comes first this time. */
  cb_test_store_import (fixture, "Title: Pardon\nDate: 2019-06-10\n\n"
                   "Ann Marie Kessler Obuya was pardoned on June 3, 2019.\n");
  cb_test_store_import (fixture, "Title: Pardon, briefly\nDate: 2019-06-20\n\n"
                   "Ann Marie Kessler was pardoned in June 2019.\n");
  before = all_events_with (fixture, "pardoned");
  g_assert_cmpuint (before->len, ==, 2);

  suggestions = cb_store_list_merge_suggestions (fixture->store, &error);
  g_assert_cmpuint (suggestions->len, ==, 1);
  g_assert_cmpstr (((CbMergeSuggestion *) g_ptr_array_index (suggestions, 0))->keep_name, ==,
                   "Ann Marie Kessler Obuya");
  g_assert_true (cb_store_accept_merge (fixture->store,
                                        ((CbMergeSuggestion *) g_ptr_array_index (suggestions, 0))->id,
                                        &error));
  g_assert_no_error (error);

  after = all_events_with (fixture, "pardoned");
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpuint (cb_event_get_source_count (g_ptr_array_index (after, 0)), ==, 2);
  g_assert_cmpuint (count_cases (fixture), ==, 1);
}

static void
test_no_merge_other_first_name (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;

  /* Two people, one surname; and one surname alone is not a name to extend. */
  cb_test_store_import (fixture, "Title: Brothers\nDate: 2016-02-01\n\n"
                   "Emil Sandoval was convicted in 2014. His brother Victor Sandoval was "
                   "acquitted in 2015.\n");
  cb_test_store_import (fixture, "Title: Appeal\nDate: 2017-02-01\n\n"
                   "Emil Sandoval Reyes appealed in 2016.\n");
  suggestions = cb_store_list_merge_suggestions (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggestions->len, ==, 1);
  g_assert_cmpstr (((CbMergeSuggestion *) g_ptr_array_index (suggestions, 0))->other_name, ==,
                   "Emil Sandoval");
}


static void
test_similar_words_join (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) rallies = NULL;
  g_autoptr(GPtrArray) lectures = NULL;

  /* No legal action: the words of the two clauses decide. */
  cb_test_store_import (fixture, "Title: Rally\nDate: 2016-05-10\n\n"
                   "Tobias Quennell spoke at a prison reform rally in Harrow County on May 4, 2016, "
                   "his lawyer said.\n");
  cb_test_store_import (fixture, "Title: Rally again\nDate: 2016-06-01\n\n"
                   "Tobias Quennell addressed a prison reform rally in Harrow County in May 2016.\n");
  cb_test_store_import (fixture, "Title: Lecture\nDate: 2016-06-01\n\n"
                   "Tobias Quennell gave a lecture on carpentry to students at a community college "
                   "in May 2016.\n");

  rallies = all_events_with (fixture, "rally");
  g_assert_cmpuint (rallies->len, ==, 1);
  g_assert_cmpuint (cb_event_get_source_count (g_ptr_array_index (rallies, 0)), ==, 2);
  /* Same person, same month, other words: another event. */
  lectures = all_events_with (fixture, "lecture");
  g_assert_cmpuint (lectures->len, ==, 1);
  g_assert_cmpuint (cb_event_get_source_count (g_ptr_array_index (lectures, 0)), ==, 1);
}

static void
test_migrates_schema_1 (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbStore) reopened = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  guint persons, events, cases;
  sqlite3 *db = NULL;

  cb_test_store_import (fixture, kessler_a);
  cb_test_store_import (fixture, kessler_b);
  persons = count_persons (fixture);
  events = count_events (fixture);
  cases = count_cases (fixture);
  g_clear_object (&fixture->importer);
  g_clear_object (&fixture->store);

  /* Back to what schema 1 had: no table of merge suggestions, no undo
   * journal, a mention row per span. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE case_excerpt; DROP TABLE person_merge; DROP TABLE undo_action;"
                                 " DROP TABLE undo_step; PRAGMA user_version = 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  cb_test_unpack_mentions (db);
  sqlite3_close (db);

  reopened = cb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->store = g_steal_pointer (&reopened);
  g_assert_cmpint (cb_store_get_schema_version (fixture->store), ==, CB_STORE_SCHEMA_VERSION);

  /* Everything kept, and the people of schema 1 get their suggestion. */
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, 2);
  g_assert_cmpuint (count_persons (fixture), ==, persons);
  g_assert_cmpuint (count_events (fixture), ==, events);
  g_assert_cmpuint (count_cases (fixture), ==, cases);
  suggestions = cb_store_list_merge_suggestions (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggestions->len, ==, 1);
  g_assert_cmpstr (((CbMergeSuggestion *) g_ptr_array_index (suggestions, 0))->keep_name, ==,
                   "Ann Marie Kessler Obuya");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, cb_test_store_setup, fn, cb_test_store_teardown)
  ADD ("/store-review/same-event-two-articles", test_same_event_two_articles);
  ADD ("/store-review/same-event-long-dates", test_same_event_long_dates);
  ADD ("/store-review/different-events-stay-apart", test_different_events_stay_apart);
  ADD ("/store-review/rejected-event-stays-rejected", test_rejected_event_stays_rejected);
  ADD ("/store-review/rejected-case-stays-rejected", test_rejected_case_stays_rejected);
  ADD ("/store-review/unknown-ids", test_review_unknown_ids);
  ADD ("/store-review/merge-suggested-and-accepted", test_merge_suggested_and_accepted);
  ADD ("/store-review/merge-rejected-stays-rejected", test_merge_rejected_stays_rejected);
  ADD ("/store-review/merge-rejected-survives-reimport", test_merge_rejected_survives_reimport);
  ADD ("/store-review/set-article-date", test_set_article_date);
  ADD ("/store-review/judge-gets-no-case", test_judge_gets_no_case);
  ADD ("/store-review/migrates-schema-1", test_migrates_schema_1);
  ADD ("/store-review/set-date-joins-same-event", test_set_date_joins_same_event);
  ADD ("/store-review/set-date-far-apart-stays-apart", test_set_date_far_apart_stays_apart);
  ADD ("/store-review/set-date-narrative-and-clear", test_set_date_narrative_and_clear);
  ADD ("/store-review/delete-article-and-reimport", test_delete_article_and_reimport);
  ADD ("/store-review/deleted-case-reimport", test_deleted_case_reimport);
  ADD ("/store-review/unrejected-comes-back", test_unrejected_comes_back);
  ADD ("/store-review/rejected-undated-stays-rejected", test_rejected_undated_stays_rejected);
  ADD ("/store-review/delete-keeps-shared-event", test_delete_keeps_shared_event);
  ADD ("/store-review/officials-get-no-case", test_officials_get_no_case);
  ADD ("/store-review/merge-joins-cases", test_merge_joins_cases);
  ADD ("/store-review/merge-joins-same-event", test_merge_joins_same_event);
  ADD ("/store-review/no-merge-other-first-name", test_no_merge_other_first_name);
  ADD ("/store-review/similar-words-join", test_similar_words_join);
#undef ADD

  return g_test_run ();
}
