/* test-import-review.c — "New extractions need review" off: the importer
 * stores what it finds as accepted
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "cb-case-file.h"
#include "cb-event.h"
#include "cb-importer.h"
#include "cb-store.h"
#include "cb-test-support.h"

typedef struct
{
  char    *dir;
  CbStore *store;
} Fixture;

typedef struct
{
  guint suggested;
  guint accepted;
} Counts;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("casebook-import-review-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "casebook.db", NULL);
  fixture->store = cb_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  cb_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static GFile *
sample (const char *name)
{
  const char *dir = g_getenv ("CASEBOOK_SAMPLES_DIR");

  g_assert_nonnull (dir);
  return g_file_new_build_filename (dir, name, NULL);
}

static void
count_review (Counts   *counts,
              CbReview  review)
{
  if (review == CB_REVIEW_SUGGESTED)
    counts->suggested++;
  else if (review == CB_REVIEW_ACCEPTED)
    counts->accepted++;
}

/* Case files and events of the whole store by their review. */
static Counts
count_store (CbStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = cb_store_list_cases (store, &error);
  g_autoptr(GPtrArray) events = cb_store_list_events (store, 0, &error);
  Counts counts = { 0 };

  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    count_review (&counts, cb_case_file_get_review (g_ptr_array_index (cases, i)));
  for (guint i = 0; i < events->len; i++)
    count_review (&counts, cb_event_get_review (g_ptr_array_index (events, i)));
  return counts;
}

static void
import_one (CbStore    *store,
            const char *name,
            gboolean    needs_review)
{
  g_autoptr(CbImporter) importer = cb_importer_new (store);
  g_autoptr(GFile) file = sample (name);
  g_autoptr(GPtrArray) results = NULL;
  const CbImportResult *result;

  cb_importer_set_needs_review (importer, needs_review);
  results = cb_importer_import_files (importer, &file, 1, NULL, NULL, NULL);
  g_assert_cmpuint (results->len, ==, 1);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpint (result->outcome, ==, CB_IMPORT_IMPORTED);
}

static void
test_default_needs_review (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(CbImporter) importer = cb_importer_new (fixture->store);
  Counts counts;

  g_assert_true (cb_importer_get_needs_review (importer));
  import_one (fixture->store, "cyntoia-brown-released.txt", TRUE);
  counts = count_store (fixture->store);
  g_assert_cmpuint (counts.suggested, >, 0);
  g_assert_cmpuint (counts.accepted, ==, 0);
}

static void
test_accepted_at_insertion (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) cases = NULL;
  Counts counts;

  import_one (fixture->store, "cyntoia-brown-released.txt", FALSE);
  counts = count_store (fixture->store);
  g_assert_cmpuint (counts.accepted, >, 0);
  g_assert_cmpuint (counts.suggested, ==, 0);

  /* A case file came with it, accepted too. */
  cases = cb_store_list_cases (fixture->store, NULL);
  g_assert_cmpuint (cases->len, >, 0);
}

/* Only what the new article brought is accepted: what another article
 * suggested before stays a suggestion. */
static void
test_accepts_only_its_own (Fixture       *fixture,
                           gconstpointer  user_data)
{
  Counts first, both;

  import_one (fixture->store, "chelsea-manning-released.txt", TRUE);
  first = count_store (fixture->store);
  g_assert_cmpuint (first.suggested, >, 0);

  import_one (fixture->store, "hammond-ranchers-pardoned.txt", FALSE);
  both = count_store (fixture->store);
  g_assert_cmpuint (both.accepted, >, 0);
  g_assert_cmpuint (both.suggested, ==, first.suggested);
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GPtrArray **results = user_data;
  g_autoptr(GError) error = NULL;

  *results = cb_importer_import_files_finish (CB_IMPORTER (source), result, &error);
  g_assert_no_error (error);
}

/* The worker thread opens its own connection and importer: the flag goes
 * along. */
static void
test_async_keeps_the_flag (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(CbImporter) importer = cb_importer_new (fixture->store);
  g_autoptr(GFile) file = sample ("blagojevich-commutation.txt");
  g_autoptr(GPtrArray) results = NULL;
  Counts counts;

  cb_importer_set_needs_review (importer, FALSE);
  cb_importer_import_files_async (importer, &file, 1, NULL, NULL, NULL, NULL,
                                  async_done_cb, &results);
  for (guint i = 0; results == NULL && i < 100000; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (results);
  g_assert_cmpuint (results->len, ==, 1);

  counts = count_store (fixture->store);
  g_assert_cmpuint (counts.accepted, >, 0);
  g_assert_cmpuint (counts.suggested, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import-review/default-needs-review", Fixture, NULL,
              fixture_set_up, test_default_needs_review, fixture_tear_down);
  g_test_add ("/import-review/accepted-at-insertion", Fixture, NULL,
              fixture_set_up, test_accepted_at_insertion, fixture_tear_down);
  g_test_add ("/import-review/accepts-only-its-own", Fixture, NULL,
              fixture_set_up, test_accepts_only_its_own, fixture_tear_down);
  g_test_add ("/import-review/async-keeps-the-flag", Fixture, NULL,
              fixture_set_up, test_async_keeps_the_flag, fixture_tear_down);

  return g_test_run ();
}
