/* test-lazy-list.c — the lists the window reads lazily: the same rows in the
 * same order as the store's list functions, changes after an edit, rows by
 * id, and reading on a thread
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "cb-lazy-list.h"
#include "cb-store.h"
#include "cb-test-support.h"

typedef CbTestStore Fixture;

/* The sample articles the application offers on first run. */
static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  const char *dir_path = g_getenv ("CASEBOOK_SAMPLES_DIR");
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  cb_test_store_setup (fixture, data);
  g_assert_nonnull (dir_path);
  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *text = NULL;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      cb_test_store_import (fixture, text);
      n++;
    }
  g_assert_cmpuint (n, >, 2);
}

/* items-changed as "position-removed+added", one per emission. */
static void
record_changes_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   GString    *changes)
{
  if (changes->len > 0)
    g_string_append_c (changes, ' ');
  g_string_append_printf (changes, "%u-%u+%u", position, removed, added);
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static gint64
object_id (GObject *item)
{
  if (CB_IS_CASE_FILE (item))
    return cb_case_file_get_id (CB_CASE_FILE (item));
  if (CB_IS_EVENT (item))
    return cb_event_get_id (CB_EVENT (item));
  return cb_excerpt_get_id (CB_EXCERPT (item));
}

/* @list holds what @expected (from cb_store_list_*) holds, in its order,
 * with the same fields. */
static void
assert_same_rows (CbLazyList *list,
                  GPtrArray  *expected)
{
  GListModel *model = G_LIST_MODEL (list);

  g_assert_nonnull (expected);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      GObject *want = g_ptr_array_index (expected, i);
      g_autoptr(GObject) got = g_list_model_get_item (model, i);

      g_assert_nonnull (got);
      g_assert_true (G_OBJECT_TYPE (got) == G_OBJECT_TYPE (want));
      g_assert_cmpint (object_id (got), ==, object_id (want));
      g_assert_cmpint (cb_lazy_list_get_id (list, i), ==, object_id (want));
      g_assert_cmpuint (cb_lazy_list_find (list, object_id (want)), ==, i);

      if (CB_IS_CASE_FILE (want))
        {
          g_assert_cmpstr (cb_case_file_get_title (CB_CASE_FILE (got)), ==, cb_case_file_get_title (CB_CASE_FILE (want)));
          g_assert_cmpuint (cb_case_file_get_event_count (CB_CASE_FILE (got)), ==,
                            cb_case_file_get_event_count (CB_CASE_FILE (want)));
        }
      else if (CB_IS_EVENT (want))
        {
          g_assert_cmpstr (cb_event_get_description (CB_EVENT (got)), ==, cb_event_get_description (CB_EVENT (want)));
          g_assert_cmpint (cb_event_get_article_id (CB_EVENT (got)), ==, cb_event_get_article_id (CB_EVENT (want)));
          g_assert_cmpuint (cb_event_get_start (CB_EVENT (got)), ==, cb_event_get_start (CB_EVENT (want)));
        }
      else
        {
          g_assert_cmpstr (cb_excerpt_get_text (CB_EXCERPT (got)), ==, cb_excerpt_get_text (CB_EXCERPT (want)));
          g_assert_cmpint (cb_excerpt_get_event_id (CB_EXCERPT (got)), ==, cb_excerpt_get_event_id (CB_EXCERPT (want)));
        }
    }
}

static guint
count_dated (GPtrArray *events)
{
  guint n = 0;

  for (guint i = 0; i < events->len; i++)
    {
      const CbFuzzyDate *date = cb_event_get_date (g_ptr_array_index (events, i));

      if (date != NULL && (date->earliest != 0 || date->latest != 0))
        n++;
    }
  return n;
}

static void
test_same_as_store (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CbLazyList) cases = cb_lazy_list_new (fixture->store, CB_LIST_CASES);
  g_autoptr(CbLazyList) events = cb_lazy_list_new (fixture->store, CB_LIST_EVENTS);
  g_autoptr(CbLazyList) excerpts = cb_lazy_list_new (fixture->store, CB_LIST_EXCERPTS);
  g_autoptr(GPtrArray) all_cases = cb_store_list_cases (fixture->store, NULL);
  g_autoptr(GPtrArray) all_events = cb_store_list_events (fixture->store, 0, NULL);
  g_autoptr(GPtrArray) all_excerpts = cb_store_list_excerpts (fixture->store, 0, 0, NULL);

  g_assert_cmpuint (all_cases->len, >, 1);
  g_assert_cmpuint (all_events->len, >, 10);
  g_assert_cmpuint (all_excerpts->len, >, 10);

  /* Empty until loaded. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (events)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (events)) == CB_TYPE_EVENT);

  cb_lazy_list_load (cases, 0);
  cb_lazy_list_load (events, 0);
  cb_lazy_list_load (excerpts, 0);
  g_assert_false (cb_lazy_list_get_loading (events));
  assert_same_rows (cases, all_cases);
  assert_same_rows (events, all_events);
  assert_same_rows (excerpts, all_excerpts);
  g_assert_cmpuint (cb_lazy_list_get_n_dated (events), ==, count_dated (all_events));
  g_assert_cmpuint (cb_lazy_list_get_n_dated (events), >, 0);

  /* Each case's events and excerpts. */
  for (guint i = 0; i < all_cases->len; i++)
    {
      gint64 case_id = cb_case_file_get_id (g_ptr_array_index (all_cases, i));
      g_autoptr(GPtrArray) case_events = cb_store_list_events (fixture->store, case_id, NULL);
      g_autoptr(GPtrArray) case_excerpts = cb_store_list_excerpts (fixture->store, case_id, 0, NULL);

      cb_lazy_list_load (events, case_id);
      cb_lazy_list_load (excerpts, case_id);
      g_assert_cmpint (cb_lazy_list_get_case_id (events), ==, case_id);
      assert_same_rows (events, case_events);
      assert_same_rows (excerpts, case_excerpts);
      g_assert_cmpuint (cb_lazy_list_get_n_dated (events), ==, count_dated (case_events));
    }
}

static void
test_rows_made_once (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CbLazyList) events = cb_lazy_list_new (fixture->store, CB_LIST_EVENTS);
  g_autoptr(GObject) first = NULL;
  g_autoptr(GObject) again = NULL;
  guint n;

  cb_lazy_list_load (events, 0);
  n = g_list_model_get_n_items (G_LIST_MODEL (events));
  g_assert_cmpuint (n, >, 2);
  g_assert_cmpuint (cb_lazy_list_get_n_made (events), ==, 0);

  /* The rows asked for are made, once: a view gets the same objects back. */
  first = g_list_model_get_item (G_LIST_MODEL (events), 1);
  again = g_list_model_get_item (G_LIST_MODEL (events), 1);
  g_assert_true (first == again);
  g_assert_cmpuint (cb_lazy_list_get_n_made (events), ==, 1);

  /* Past the end: nothing. */
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (events), n));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (events), G_MAXUINT));
  g_assert_cmpint (cb_lazy_list_get_id (events, n), ==, 0);
  g_assert_cmpuint (cb_lazy_list_find (events, G_MAXINT64), ==, CB_LAZY_LIST_NO_POSITION);
  g_assert_cmpuint (cb_lazy_list_find_any (events, NULL), ==, CB_LAZY_LIST_NO_POSITION);
}

static void
test_changes_after_edit (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CbLazyList) cases = cb_lazy_list_new (fixture->store, CB_LIST_CASES);
  g_autoptr(CbCaseFile) before = NULL;
  g_autoptr(CbCaseFile) after = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  guint loaded = 0;
  gint64 case_id;
  guint n;

  g_signal_connect (cases, "items-changed", G_CALLBACK (record_changes_cb), changes);
  g_signal_connect (cases, "loaded", G_CALLBACK (count_cb), &loaded);
  cb_lazy_list_load (cases, 0);
  n = g_list_model_get_n_items (G_LIST_MODEL (cases));
  expected = g_strdup_printf ("0-0+%u", n);
  g_assert_cmpstr (changes->str, ==, expected);
  g_assert_cmpuint (loaded, ==, 1);

  /* The first case renamed to come last: one change over the whole list,
   * and the row there is made anew, with the new title. */
  before = g_list_model_get_item (G_LIST_MODEL (cases), 0);
  case_id = cb_case_file_get_id (before);
  g_assert_true (cb_store_rename_case (fixture->store, case_id, "Zz renamed matter", &error));
  g_assert_no_error (error);
  g_string_truncate (changes, 0);
  cb_lazy_list_load (cases, 0);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("0-%u+%u", n, n);
  g_assert_cmpstr (changes->str, ==, expected);
  g_assert_cmpuint (loaded, ==, 2);
  g_assert_cmpuint (cb_lazy_list_find (cases, case_id), ==, n - 1);
  after = g_list_model_get_item (G_LIST_MODEL (cases), n - 1);
  g_assert_true (after != before);
  g_assert_cmpstr (cb_case_file_get_title (after), ==, "Zz renamed matter");

  /* A deleted case leaves the list. */
  g_assert_true (cb_store_delete_case (fixture->store, case_id, &error));
  g_assert_no_error (error);
  g_string_truncate (changes, 0);
  cb_lazy_list_load (cases, 0);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("0-%u+%u", n, n - 1);
  g_assert_cmpstr (changes->str, ==, expected);
  g_assert_cmpuint (cb_lazy_list_find (cases, case_id), ==, CB_LAZY_LIST_NO_POSITION);
}

static gboolean
not_loading (gpointer list)
{
  return !cb_lazy_list_get_loading (list);
}

static void
test_threaded (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(CbLazyList) excerpts = cb_lazy_list_new (fixture->store, CB_LIST_EXCERPTS);
  g_autoptr(CbLazyList) events = cb_lazy_list_new (fixture->store, CB_LIST_EVENTS);
  g_autoptr(GPtrArray) all_excerpts = cb_store_list_excerpts (fixture->store, 0, 0, NULL);
  g_autoptr(GPtrArray) all_events = cb_store_list_events (fixture->store, 0, NULL);
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autofree char *expected = NULL;
  guint loaded = 0;

  g_signal_connect (excerpts, "items-changed", G_CALLBACK (record_changes_cb), changes);
  g_signal_connect (excerpts, "loaded", G_CALLBACK (count_cb), &loaded);

  /* On a thread: nothing yet when the call returns, everything (in one
   * change) once it reported. */
  cb_lazy_list_load_full (excerpts, 0, TRUE);
  g_assert_true (cb_lazy_list_get_loading (excerpts));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (excerpts)), ==, 0);
  g_assert_true (cb_test_iterate_until (not_loading, excerpts, 20));
  expected = g_strdup_printf ("0-0+%u", all_excerpts->len);
  g_assert_cmpstr (changes->str, ==, expected);
  g_assert_cmpuint (loaded, ==, 1);
  assert_same_rows (excerpts, all_excerpts);

  /* A newer load replaces one under way: one report, the newer one's. */
  cb_lazy_list_load_full (events, 0, TRUE);
  cb_lazy_list_load_full (events, 0, TRUE);
  g_signal_connect (events, "loaded", G_CALLBACK (count_cb), &loaded);
  g_assert_true (cb_test_iterate_until (not_loading, events, 20));
  assert_same_rows (events, all_events);
  g_assert_cmpuint (cb_lazy_list_get_n_dated (events), ==, count_dated (all_events));
  g_assert_cmpuint (loaded, ==, 2);
}

static void
test_lookups (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = cb_store_list_cases (fixture->store, NULL);
  g_autoptr(GPtrArray) events = cb_store_list_events (fixture->store, 0, NULL);
  g_autoptr(GPtrArray) excerpts = cb_store_list_excerpts (fixture->store, 0, 0, NULL);
  g_autoptr(GError) error = NULL;
  CbEvent *want = g_ptr_array_index (events, events->len / 2);
  CbExcerpt *excerpt = g_ptr_array_index (excerpts, excerpts->len / 2);
  g_autoptr(CbEvent) event = NULL;
  g_autoptr(CbExcerpt) got_excerpt = NULL;
  g_autoptr(GPtrArray) article_events = NULL;
  g_autoptr(GArray) sources = NULL;
  g_autoptr(GArray) at = NULL;
  guint n_article_events = 0;

  event = cb_store_get_event (fixture->store, cb_event_get_id (want), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cb_event_get_description (event), ==, cb_event_get_description (want));
  got_excerpt = cb_store_get_excerpt (fixture->store, cb_excerpt_get_id (excerpt), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cb_excerpt_get_text (got_excerpt), ==, cb_excerpt_get_text (excerpt));
  g_assert_null (cb_store_get_event (fixture->store, G_MAXINT64, &error));
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Case files to choose from: those listed, without their counts. */
  {
    g_autoptr(GPtrArray) choices = cb_store_list_case_choices (fixture->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (choices->len, ==, cases->len);
    for (guint i = 0; i < cases->len; i++)
      {
        CbCaseFile *choice = g_ptr_array_index (choices, i);
        CbCaseFile *listed = g_ptr_array_index (cases, i);

        g_assert_cmpint (cb_case_file_get_id (choice), ==, cb_case_file_get_id (listed));
        g_assert_cmpstr (cb_case_file_get_title (choice), ==, cb_case_file_get_title (listed));
        g_assert_cmpuint (cb_case_file_get_event_count (choice), ==, 0);
      }
  }

  /* The first event with a source, of all and of each case. */
  for (guint c = 0; c <= cases->len; c++)
    {
      gint64 case_id = c < cases->len ? cb_case_file_get_id (g_ptr_array_index (cases, c)) : 0;
      g_autoptr(GPtrArray) listed = cb_store_list_events (fixture->store, case_id, NULL);
      g_autoptr(CbEvent) first = cb_store_find_first_sourced_event (fixture->store, case_id, &error);
      gint64 want_id = 0;

      g_assert_no_error (error);
      for (guint i = 0; i < listed->len && want_id == 0; i++)
        if (cb_event_get_article_id (g_ptr_array_index (listed, i)) != 0)
          want_id = cb_event_get_id (g_ptr_array_index (listed, i));
      g_assert_cmpint (first != NULL ? cb_event_get_id (first) : 0, ==, want_id);
    }

  /* An article's events. */
  article_events = cb_store_list_article_events (fixture->store, cb_event_get_article_id (want), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    if (cb_event_get_article_id (g_ptr_array_index (events, i)) == cb_event_get_article_id (want))
      {
        g_assert_cmpuint (n_article_events, <, article_events->len);
        g_assert_cmpint (cb_event_get_id (g_ptr_array_index (article_events, n_article_events)), ==,
                         cb_event_get_id (g_ptr_array_index (events, i)));
        n_article_events++;
      }
  g_assert_cmpuint (n_article_events, ==, article_events->len);

  /* The excerpt an event rests on, and the excerpts over its span. */
  for (guint i = 0; i < excerpts->len && sources == NULL; i++)
    {
      CbExcerpt *source = g_ptr_array_index (excerpts, i);
      gint64 event_id = cb_excerpt_get_event_id (source);
      guint k;

      if (event_id == 0)
        continue;
      sources = cb_store_list_source_ids (fixture->store, event_id, &error);
      g_assert_no_error (error);
      for (k = 0; k < sources->len; k++)
        if (g_array_index (sources, gint64, k) == cb_excerpt_get_id (source))
          break;
      g_assert_cmpuint (k, <, sources->len);

      at = cb_store_list_excerpt_ids_at (fixture->store, cb_excerpt_get_article_id (source),
                                         cb_excerpt_get_start (source), cb_excerpt_get_end (source),
                                         &error);
      g_assert_no_error (error);
      for (k = 0; k < at->len; k++)
        if (g_array_index (at, gint64, k) == cb_excerpt_get_id (source))
          break;
      g_assert_cmpuint (k, <, at->len);
    }
  g_assert_nonnull (sources);
}

/* The window's lists keep read-only connections that may close after the
 * store: the store empties the log when it closes, or the next start reads
 * all of it before its first frame (WAL recovery). */
static void
test_no_log_left (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbStore) reader = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autoptr(GArray) ids = NULL;
  GStatBuf info;

  reader = cb_store_open_read_only (fixture->path, &error);
  g_assert_no_error (error);
  ids = cb_store_list_ids (reader, CB_LIST_EVENTS, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 0);

  /* Something written, so the log holds pages. */
  g_assert_cmpint (cb_store_create_case (fixture->store, "Written last", 0, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (wal, &info), ==, 0);
  g_assert_cmpint (info.st_size, >, 0);

  g_clear_object (&fixture->importer);   /* it holds the store */
  g_clear_object (&fixture->store);
  g_assert_true (g_stat (wal, &info) != 0 || info.st_size == 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/lazy-list/same-as-store", Fixture, NULL, setup, test_same_as_store, cb_test_store_teardown);
  g_test_add ("/lazy-list/rows-made-once", Fixture, NULL, setup, test_rows_made_once, cb_test_store_teardown);
  g_test_add ("/lazy-list/changes-after-edit", Fixture, NULL, setup, test_changes_after_edit, cb_test_store_teardown);
  g_test_add ("/lazy-list/threaded", Fixture, NULL, setup, test_threaded, cb_test_store_teardown);
  g_test_add ("/lazy-list/lookups", Fixture, NULL, setup, test_lookups, cb_test_store_teardown);
  g_test_add ("/lazy-list/no-log-left", Fixture, NULL, setup, test_no_log_left, cb_test_store_teardown);

  return g_test_run ();
}
