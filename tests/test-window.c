/* test-window.c — the main window under Xvfb: linked panes driven by actions
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "cb-importer.h"
#include "cb-selection.h"
#include "cb-store.h"
#include "cb-timeline-view.h"
#include "cb-window.h"
#include "cb-test-display.h"
#include "cb-test-support.h"

typedef struct
{
  char     *dir;
  CbStore  *store;
  CbWindow *window;
} Fixture;

static gboolean
cases_listed (gpointer data)
{
  Fixture *fixture = data;

  return g_list_model_get_n_items (cb_cases_pane_get_model (cb_window_get_cases_pane (fixture->window))) > 0;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autoptr(CbImporter) importer = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GFile) samples = NULL;
  const char *samples_dir = g_getenv ("CASEBOOK_SAMPLES_DIR");
  guint imported = 0;

  g_assert_nonnull (samples_dir);

  fixture->dir = g_dir_make_tmp ("casebook-window-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = cb_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);

  importer = cb_importer_new (fixture->store);
  samples = g_file_new_for_path (samples_dir);
  results = cb_importer_import_files (importer, &samples, 1, NULL, NULL, NULL);
  g_assert_nonnull (results);
  for (guint i = 0; i < results->len; i++)
    {
      const CbImportResult *r = g_ptr_array_index (results, i);

      if (r->outcome == CB_IMPORT_REJECTED)
        g_test_message ("rejected %s: %s", r->path, r->reason);
      g_assert_cmpint (r->outcome, ==, CB_IMPORT_IMPORTED);
      imported++;
    }
  g_assert_cmpuint (imported, >=, 4);

  fixture->window = cb_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (cb_test_wait_mapped (GTK_WIDGET (fixture->window), 10));
  g_assert_true (cb_test_iterate_until (cases_listed, fixture, 10));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  cb_test_drain ();
  g_clear_object (&fixture->store);
  cb_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* The ids in a list model of CbCaseFile / CbEvent / CbExcerpt, as a string. */
static char *
model_ids (GListModel *model)
{
  GString *s = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      gint64 id = 0;

      g_object_get (item, "id", &id, NULL);
      g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", id);
    }

  return g_string_free (s, FALSE);
}

static char *
array_ids (GPtrArray *array)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < array->len; i++)
    {
      gint64 id = 0;

      g_object_get (g_ptr_array_index (array, i), "id", &id, NULL);
      g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", id);
    }

  return g_string_free (s, FALSE);
}

static void
test_opens_with_samples (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = cb_store_list_cases (fixture->store, NULL);
  g_autoptr(GPtrArray) events = cb_store_list_events (fixture->store, 0, NULL);
  g_autoptr(GPtrArray) excerpts = cb_store_list_excerpts (fixture->store, 0, 0, NULL);
  g_autofree char *want_cases = array_ids (cases);
  g_autofree char *want_events = array_ids (events);
  g_autofree char *want_excerpts = array_ids (excerpts);
  g_autofree char *got_cases = model_ids (cb_cases_pane_get_model (cb_window_get_cases_pane (fixture->window)));
  g_autofree char *got_events = model_ids (cb_timeline_pane_get_model (cb_window_get_timeline_pane (fixture->window)));
  g_autofree char *got_excerpts = model_ids (cb_excerpts_pane_get_model (cb_window_get_excerpts_pane (fixture->window)));

  g_assert_cmpuint (cases->len, >, 0);
  g_assert_cmpstr (got_cases, ==, want_cases);
  /* No case picked yet: every event and excerpt. */
  g_assert_cmpint (cb_selection_get_case_id (cb_window_get_selection (fixture->window)), ==, 0);
  g_assert_cmpuint (events->len, >, 0);
  g_assert_cmpstr (got_events, ==, want_events);
  g_assert_cmpstr (got_excerpts, ==, want_excerpts);
}

/* A case whose events are not all the events. */
static CbCaseFile *
pick_case (Fixture *fixture,
           guint    n_all_events)
{
  g_autoptr(GPtrArray) cases = cb_store_list_cases (fixture->store, NULL);

  for (guint i = 0; i < cases->len; i++)
    {
      CbCaseFile *c = g_ptr_array_index (cases, i);
      g_autoptr(GPtrArray) events = cb_store_list_events (fixture->store, cb_case_file_get_id (c), NULL);

      if (events->len > 0 && events->len < n_all_events)
        return g_object_ref (c);
    }

  return NULL;
}

static void
test_select_case_filters (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) all_events = cb_store_list_events (fixture->store, 0, NULL);
  g_autofree char *all_ids = array_ids (all_events);
  g_autoptr(CbCaseFile) case_file = pick_case (fixture, all_events->len);
  GListModel *timeline = cb_timeline_pane_get_model (cb_window_get_timeline_pane (fixture->window));
  GListModel *excerpts = cb_excerpts_pane_get_model (cb_window_get_excerpts_pane (fixture->window));
  g_autoptr(GPtrArray) case_events = NULL;
  g_autoptr(GPtrArray) case_excerpts = NULL;
  g_autofree char *want_events = NULL;
  g_autofree char *want_excerpts = NULL;
  g_autofree char *got_events = NULL;
  g_autofree char *got_excerpts = NULL;
  g_autofree char *back_to_all = NULL;
  gint64 id;

  g_assert_nonnull (case_file);
  id = cb_case_file_get_id (case_file);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.select-case", "x", id));
  cb_test_drain ();

  g_assert_cmpint (cb_selection_get_case_id (cb_window_get_selection (fixture->window)), ==, id);

  case_events = cb_store_list_events (fixture->store, id, NULL);
  want_events = array_ids (case_events);
  got_events = model_ids (timeline);
  g_assert_cmpstr (got_events, ==, want_events);
  g_assert_cmpstr (got_events, !=, all_ids);
  for (guint i = 0; i < g_list_model_get_n_items (timeline); i++)
    {
      g_autoptr(CbEvent) event = g_list_model_get_item (timeline, i);
      g_assert_cmpint (cb_event_get_case_id (event), ==, id);
    }

  case_excerpts = cb_store_list_excerpts (fixture->store, id, 0, NULL);
  want_excerpts = array_ids (case_excerpts);
  got_excerpts = model_ids (excerpts);
  g_assert_cmpstr (got_excerpts, ==, want_excerpts);

  /* 0 is "all case files" again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.select-case", "x", (gint64) 0));
  cb_test_drain ();
  back_to_all = model_ids (timeline);
  g_assert_cmpstr (back_to_all, ==, all_ids);
}

static void
assert_article_shows_span (Fixture *fixture,
                           gint64   article_id,
                           guint    start,
                           guint    end)
{
  CbArticlePane *pane = cb_window_get_article_pane (fixture->window);
  GtkTextBuffer *buffer = cb_article_pane_get_buffer (pane);
  GtkTextTag *tag = cb_article_pane_get_highlight_tag (pane);
  g_autoptr(CbArticle) article = cb_store_get_article (fixture->store, article_id, NULL);
  g_autofree char *text = NULL;
  GtkTextIter begin, finish, it;

  g_assert_nonnull (article);
  g_assert_cmpint (cb_article_pane_get_article_id (pane), ==, article_id);

  gtk_text_buffer_get_bounds (buffer, &begin, &finish);
  text = gtk_text_buffer_get_text (buffer, &begin, &finish, TRUE);
  g_assert_cmpstr (text, ==, cb_article_get_body (article));

  /* The tag covers exactly [start, end). */
  g_assert_cmpuint (start, <, end);
  gtk_text_buffer_get_iter_at_offset (buffer, &it, start);
  g_assert_true (gtk_text_iter_starts_tag (&it, tag));
  g_assert_true (gtk_text_iter_forward_to_tag_toggle (&it, tag));
  g_assert_cmpint (gtk_text_iter_get_offset (&it), ==, end);
  g_assert_true (gtk_text_iter_ends_tag (&it, tag));
  /* … and nothing else. */
  g_assert_false (gtk_text_iter_forward_to_tag_toggle (&it, tag));
  gtk_text_buffer_get_iter_at_offset (buffer, &it, start);
  g_assert_false (gtk_text_iter_backward_to_tag_toggle (&it, tag));
}

static void
test_select_event_opens_article (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) events = cb_store_list_events (fixture->store, 0, NULL);
  CbSelection *selection = cb_window_get_selection (fixture->window);
  CbEvent *event = NULL;

  /* The last event with a source: not the one the window opens with. */
  for (guint i = events->len; i > 0; i--)
    {
      CbEvent *e = g_ptr_array_index (events, i - 1);

      if (cb_event_get_article_id (e) != 0 && cb_event_get_end (e) > cb_event_get_start (e))
        {
          event = e;
          break;
        }
    }
  g_assert_nonnull (event);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.select-event", "x",
                                             cb_event_get_id (event)));
  cb_test_drain ();

  g_assert_cmpint (cb_selection_get_event_id (selection), ==, cb_event_get_id (event));
  g_assert_cmpint (cb_selection_get_article_id (selection), ==, cb_event_get_article_id (event));
  assert_article_shows_span (fixture, cb_event_get_article_id (event),
                             cb_event_get_start (event), cb_event_get_end (event));
}

static void
test_select_excerpt_opens_article (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GPtrArray) excerpts = cb_store_list_excerpts (fixture->store, 0, 0, NULL);
  CbSelection *selection = cb_window_get_selection (fixture->window);
  CbExcerpt *excerpt;

  g_assert_cmpuint (excerpts->len, >, 0);
  excerpt = g_ptr_array_index (excerpts, excerpts->len - 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.select-excerpt", "x",
                                             cb_excerpt_get_id (excerpt)));
  cb_test_drain ();

  g_assert_cmpint (cb_selection_get_excerpt_id (selection), ==, cb_excerpt_get_id (excerpt));
  assert_article_shows_span (fixture, cb_excerpt_get_article_id (excerpt),
                             cb_excerpt_get_start (excerpt), cb_excerpt_get_end (excerpt));
}

static gboolean
hits_listed (gpointer data)
{
  Fixture *fixture = data;

  return g_list_model_get_n_items (cb_window_get_search_hits (fixture->window)) > 0;
}

static void
test_search_opens_article (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) articles = cb_store_list_articles (fixture->store, NULL);
  g_auto(GStrv) words = NULL;
  const char *word = NULL;
  g_autoptr(CbSearchHit) best = NULL;
  CbArticle *article;

  /* A longer word of the title of one of the articles finds at least it. */
  g_assert_cmpuint (articles->len, >, 0);
  article = g_ptr_array_index (articles, articles->len - 1);
  words = g_strsplit_set (cb_article_get_title (article), " ,.:;'\"", -1);
  for (guint i = 0; words[i] != NULL && word == NULL; i++)
    if (g_utf8_strlen (words[i], -1) >= 6)
      word = words[i];
  g_assert_nonnull (word);

  gtk_editable_set_text (cb_window_get_search_entry (fixture->window), word);
  /* The entry waits a moment before it searches. */
  g_assert_true (cb_test_iterate_until (hits_listed, fixture, 10));

  best = g_list_model_get_item (cb_window_get_search_hits (fixture->window), 0);
  for (guint i = 0; i < g_list_model_get_n_items (cb_window_get_search_hits (fixture->window)); i++)
    {
      g_autoptr(CbSearchHit) hit = g_list_model_get_item (cb_window_get_search_hits (fixture->window), i);
      g_autoptr(CbArticle) found = cb_store_get_article (fixture->store, cb_search_hit_get_article_id (hit), NULL);
      g_autofree char *haystack = g_utf8_casefold (cb_article_get_body (found), -1);
      g_autofree char *title = g_utf8_casefold (cb_article_get_title (found), -1);
      g_autofree char *needle = g_utf8_casefold (word, -1);

      g_assert_true (strstr (haystack, needle) != NULL || strstr (title, needle) != NULL);
    }

  /* Enter opens the best hit (whatever was open before). */
  cb_selection_clear (cb_window_get_selection (fixture->window));
  cb_test_drain ();
  g_assert_cmpint (cb_article_pane_get_article_id (cb_window_get_article_pane (fixture->window)), ==, 0);
  g_signal_emit_by_name (cb_window_get_search_entry (fixture->window), "activate");
  cb_test_drain ();
  g_assert_cmpint (cb_selection_get_article_id (cb_window_get_selection (fixture->window)), ==,
                   cb_search_hit_get_article_id (best));
  g_assert_cmpint (cb_article_pane_get_article_id (cb_window_get_article_pane (fixture->window)), ==,
                   cb_search_hit_get_article_id (best));
}

/* More articles than the list shows: the heading says these are the best. */
static void
test_search_says_best (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(CbImporter) importer = cb_importer_new (fixture->store);
  g_autofree char *folder = g_build_filename (fixture->dir, "many", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GPtrArray) results = NULL;
  GListModel *hits = cb_window_get_search_hits (fixture->window);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/%02u.txt", folder, i);
      g_autofree char *text = g_strdup_printf ("Quillmarrow hearing %u\n\nThe quillmarrow"
                                               " board met on day %u and heard the petition.\n",
                                               i, i);

      g_assert_true (g_file_set_contents (name, text, -1, NULL));
    }
  results = cb_importer_import_files (importer, &file, 1, NULL, NULL, NULL);
  g_assert_cmpuint (results->len, ==, 60);

  gtk_editable_set_text (cb_window_get_search_entry (fixture->window), "quillmarrow");
  g_assert_true (cb_test_iterate_until (hits_listed, fixture, 10));
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 50);
  g_assert_cmpstr (cb_window_get_search_heading (fixture->window), ==, "The best 50 articles found");

  /* A word of three of them: all are shown, and counted. */
  gtk_editable_set_text (cb_window_get_search_entry (fixture->window), "");
  cb_test_drain ();
  gtk_editable_set_text (cb_window_get_search_entry (fixture->window), "\"day 1\"");
  g_assert_true (cb_test_iterate_until (hits_listed, fixture, 10));
  g_assert_cmpuint (g_list_model_get_n_items (hits), <, 50);
  {
    g_autofree char *expected = g_strdup_printf ("%u articles found", g_list_model_get_n_items (hits));
    g_assert_cmpstr (cb_window_get_search_heading (fixture->window), ==, expected);
  }
}

/* --- CbSelection alone ------------------------------------------------------ */

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 GString    *log)
{
  g_string_append_printf (log, "%s;", pspec->name);
}

static void
test_selection_notifies_changes_only (void)
{
  g_autoptr(CbSelection) selection = cb_selection_new ();
  g_autoptr(GString) log = g_string_new (NULL);

  g_signal_connect (selection, "notify", G_CALLBACK (count_notify_cb), log);

  cb_selection_set_case_id (selection, 7);
  cb_selection_set_case_id (selection, 7);
  g_assert_cmpstr (log->str, ==, "case-id;");

  g_string_truncate (log, 0);
  cb_selection_select_event (selection, 3, 11, 5, 9);
  g_assert_cmpint (cb_selection_get_event_id (selection), ==, 3);
  g_assert_cmpint (cb_selection_get_article_id (selection), ==, 11);
  g_assert_cmpint (cb_selection_get_span_start (selection), ==, 5);
  g_assert_cmpint (cb_selection_get_span_end (selection), ==, 9);
  g_assert_nonnull (strstr (log->str, "event-id;"));
  g_assert_nonnull (strstr (log->str, "article-id;"));
  g_assert_null (strstr (log->str, "case-id;"));

  /* Selecting the same again says nothing. */
  g_string_truncate (log, 0);
  cb_selection_select_event (selection, 3, 11, 5, 9);
  g_assert_cmpstr (log->str, ==, "");

  /* Another case: the event no longer applies, the article stays. */
  g_string_truncate (log, 0);
  cb_selection_select_case (selection, 8);
  g_assert_cmpint (cb_selection_get_event_id (selection), ==, 0);
  g_assert_cmpint (cb_selection_get_article_id (selection), ==, 11);
  g_assert_null (strstr (log->str, "article-id;"));

  /* A reversed span is no span. */
  cb_selection_set_span (selection, 9, 5);
  g_assert_cmpint (cb_selection_get_span_start (selection), ==, -1);
  g_assert_cmpint (cb_selection_get_span_end (selection), ==, -1);
}

/* The drawn timeline and the one selection follow each other. */
static void
test_timeline_view_follows_selection (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GPtrArray) all_events = cb_store_list_events (fixture->store, 0, NULL);
  g_autoptr(CbCaseFile) case_file = pick_case (fixture, all_events->len);
  CbTimelinePane *pane = cb_window_get_timeline_pane (fixture->window);
  CbTimelineView *view = CB_TIMELINE_VIEW (cb_timeline_pane_get_view (pane));
  CbSelection *selection = cb_window_get_selection (fixture->window);
  g_autoptr(GPtrArray) case_events = NULL;
  guint dated = 0;
  gint64 before;
  CbEvent *second;

  g_assert_nonnull (case_file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.select-case", "x",
                                             cb_case_file_get_id (case_file)));
  cb_test_drain ();

  /* Exactly the case's dated events are drawn. */
  case_events = cb_store_list_events (fixture->store, cb_case_file_get_id (case_file), NULL);
  for (guint i = 0; i < case_events->len; i++)
    dated += cb_timeline_event_is_dated (g_ptr_array_index (case_events, i));
  g_assert_cmpuint (dated, >, 1);
  g_assert_cmpuint (cb_timeline_view_get_n_drawn (view), ==, dated);
  for (guint i = 0; i < dated; i++)
    g_assert_cmpint (cb_event_get_case_id (cb_timeline_view_get_drawn (view, i, NULL, NULL, NULL)),
                     ==, cb_case_file_get_id (case_file));

  /* The selection → the view. */
  second = cb_timeline_view_get_drawn (view, 1, NULL, NULL, NULL);
  cb_selection_select_event (selection, cb_event_get_id (second), cb_event_get_article_id (second),
                             cb_event_get_start (second), cb_event_get_end (second));
  cb_test_drain ();
  g_assert_nonnull (cb_timeline_view_get_selected (view));
  g_assert_cmpint (cb_event_get_id (cb_timeline_view_get_selected (view)), ==, cb_event_get_id (second));

  /* The view (Left key's action) → the selection, with the event's source span. */
  before = cb_selection_get_event_id (selection);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.select-previous", NULL));
  cb_test_drain ();
  g_assert_cmpint (cb_selection_get_event_id (selection), !=, before);
  g_assert_cmpint (cb_selection_get_event_id (selection), ==,
                   cb_event_get_id (cb_timeline_view_get_drawn (view, 0, NULL, NULL, NULL)));
  g_assert_cmpint (cb_selection_get_article_id (selection), ==,
                   cb_event_get_article_id (cb_timeline_view_get_selected (view)));

  /* Alt+2 lands on the drawn timeline, where the arrow keys work. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.focus-pane", "i", 1));
  g_assert_false (gtk_window_get_focus (GTK_WINDOW (fixture->window)) == GTK_WIDGET (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.focus-pane", "i", 2));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (fixture->window)) == GTK_WIDGET (view));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/selection/notifies-changes-only", test_selection_notifies_changes_only);
  g_test_add ("/window/opens-with-samples", Fixture, NULL,
              fixture_setup, test_opens_with_samples, fixture_teardown);
  g_test_add ("/window/select-case-filters-timeline", Fixture, NULL,
              fixture_setup, test_select_case_filters, fixture_teardown);
  g_test_add ("/window/timeline-view-follows-selection", Fixture, NULL,
              fixture_setup, test_timeline_view_follows_selection, fixture_teardown);
  g_test_add ("/window/select-event-opens-article", Fixture, NULL,
              fixture_setup, test_select_event_opens_article, fixture_teardown);
  g_test_add ("/window/select-excerpt-opens-article", Fixture, NULL,
              fixture_setup, test_select_excerpt_opens_article, fixture_teardown);

  g_test_add ("/window/search-opens-article", Fixture, NULL,
              fixture_setup, test_search_opens_article, fixture_teardown);
  g_test_add ("/window/search-says-best", Fixture, NULL,
              fixture_setup, test_search_says_best, fixture_teardown);

  return g_test_run ();
}
