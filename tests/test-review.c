/* test-review.c — review in the panes under Xvfb: accept and reject through
 * the panes' actions, the article view's marks, Add as Excerpt, People, search
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "cb-importer.h"
#include "cb-people-dialog.h"
#include "cb-selection.h"
#include "cb-store.h"
#include "cb-window.h"
#include "cb-test-display.h"
#include "cb-test-support.h"

typedef struct
{
  char     *dir;
  CbStore  *store;
  CbWindow *window;
} Fixture;

/* Two names, one extending the other: a merge suggestion (invented people). */
static const char pardon_short[] =
  "Title: Pardon for a former mayor\nDate: 2021-03-04\n\n"
  "Governor Ilse Brandtner pardoned Orla Quennick Vayle on March 2, 2021. "
  "Orla Quennick Vayle was convicted of bribery in 2012.\n";
static const char pardon_long[] =
  "Title: A mayor's pardon, a year on\nDate: 2022-03-10\n\n"
  "Orla Quennick said on Tuesday that the pardon had changed her life. "
  "Orla Quennick was released from prison in 2016.\n";

static gboolean
cases_listed (gpointer data)
{
  Fixture *fixture = data;

  return g_list_model_get_n_items (cb_cases_pane_get_model (cb_window_get_cases_pane (fixture->window))) > 0;
}

static void
import_samples (CbStore *store)
{
  g_autoptr(CbImporter) importer = cb_importer_new (store);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GFile) samples = NULL;
  const char *samples_dir = g_getenv ("CASEBOOK_SAMPLES_DIR");

  g_assert_nonnull (samples_dir);
  samples = g_file_new_for_path (samples_dir);
  results = cb_importer_import_files (importer, &samples, 1, NULL, NULL, NULL);
  g_assert_nonnull (results);
  g_assert_cmpuint (results->len, >=, 4);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpint (((CbImportResult *) g_ptr_array_index (results, i))->outcome, ==, CB_IMPORT_IMPORTED);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  fixture->dir = g_dir_make_tmp ("casebook-review-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = cb_store_open (db, &error);
  g_assert_no_error (error);
  import_samples (fixture->store);

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

static gboolean
activate (gpointer    widget,
          const char *action,
          const char *format,
          ...)
{
  GVariant *param = NULL;
  gboolean ok;
  va_list args;

  if (format != NULL)
    {
      va_start (args, format);
      param = g_variant_new_va (format, NULL, &args);
      va_end (args);
    }
  ok = gtk_widget_activate_action_variant (GTK_WIDGET (widget), action, param);
  cb_test_drain ();
  return ok;
}

/* The first event of the timeline's list with a source span, not @except. */
static CbEvent *
event_with_span (Fixture *fixture,
                 gint64   except)
{
  GListModel *model = cb_timeline_pane_get_model (cb_window_get_timeline_pane (fixture->window));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CbEvent) event = g_list_model_get_item (model, i);

      if (cb_event_get_id (event) != except && cb_event_get_article_id (event) != 0
          && cb_event_get_end (event) > cb_event_get_start (event))
        return g_steal_pointer (&event);
    }
  return NULL;
}

static gboolean
model_has_id (GListModel *model,
              gint64      id,
              gint64    (*get_id) (gpointer))
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (get_id (item) == id)
        return TRUE;
    }
  return FALSE;
}

/* The tag covers exactly [start, end) of the buffer, and nothing else. */
static void
assert_tag_exactly (GtkTextBuffer *buffer,
                    GtkTextTag    *tag,
                    int            start,
                    int            end)
{
  GtkTextIter it;

  g_assert_cmpint (start, <, end);
  gtk_text_buffer_get_iter_at_offset (buffer, &it, start);
  g_assert_true (gtk_text_iter_starts_tag (&it, tag));
  g_assert_true (gtk_text_iter_forward_to_tag_toggle (&it, tag));
  g_assert_cmpint (gtk_text_iter_get_offset (&it), ==, end);
  g_assert_false (gtk_text_iter_forward_to_tag_toggle (&it, tag));
  gtk_text_buffer_get_iter_at_offset (buffer, &it, start);
  g_assert_false (gtk_text_iter_backward_to_tag_toggle (&it, tag));
}

/* --- cases ------------------------------------------------------------------ */

static void
test_accept_case (Fixture       *fixture,
                  gconstpointer  data)
{
  CbCasesPane *pane = cb_window_get_cases_pane (fixture->window);
  GListModel *model = cb_cases_pane_get_model (pane);
  g_autoptr(CbCaseFile) suggested = NULL;
  g_autoptr(CbCaseFile) stored = NULL;
  g_autoptr(CbCaseFile) listed = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model) && suggested == NULL; i++)
    {
      g_autoptr(CbCaseFile) item = g_list_model_get_item (model, i);

      if (cb_case_file_get_review (item) == CB_REVIEW_SUGGESTED)
        suggested = g_steal_pointer (&item);
    }
  g_assert_nonnull (suggested);

  g_assert_true (activate (fixture->window, "win.select-case", "x", cb_case_file_get_id (suggested)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (pane)));
  /* What the context menu item and Ctrl+Return run. */
  g_assert_true (activate (pane, "cases.accept", NULL));

  stored = cb_store_get_case (fixture->store, cb_case_file_get_id (suggested), NULL);
  g_assert_cmpint (cb_case_file_get_review (stored), ==, CB_REVIEW_ACCEPTED);
  /* The pane reloaded: the row says so too, and stays selected. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CbCaseFile) item = g_list_model_get_item (model, i);

      if (cb_case_file_get_id (item) == cb_case_file_get_id (suggested))
        listed = g_steal_pointer (&item);
    }
  g_assert_nonnull (listed);
  g_assert_cmpint (cb_case_file_get_review (listed), ==, CB_REVIEW_ACCEPTED);
  g_assert_cmpint (cb_selection_get_case_id (cb_window_get_selection (fixture->window)), ==,
                   cb_case_file_get_id (suggested));

  /* Accepted, it can still be rejected. */
  /* Rejected: gone from the list, the next case is picked. */
  g_assert_true (activate (pane, "cases.reject", NULL));
  g_assert_false (model_has_id (model, cb_case_file_get_id (suggested),
                                (gint64 (*) (gpointer)) cb_case_file_get_id));
  g_clear_object (&stored);
  stored = cb_store_get_case (fixture->store, cb_case_file_get_id (suggested), NULL);
  g_assert_cmpint (cb_case_file_get_review (stored), ==, CB_REVIEW_REJECTED);
  g_assert_cmpint (cb_selection_get_case_id (cb_window_get_selection (fixture->window)), !=,
                   cb_case_file_get_id (suggested));
}

/* --- events ------------------------------------------------------------------ */

static void
test_reject_event_stays_rejected (Fixture       *fixture,
                                  gconstpointer  data)
{
  CbTimelinePane *pane = cb_window_get_timeline_pane (fixture->window);
  GListModel *timeline = cb_timeline_pane_get_model (pane);
  CbSelection *selection = cb_window_get_selection (fixture->window);
  g_autoptr(CbEvent) event = NULL;
  g_autoptr(CbArticle) article = NULL;
  g_autoptr(CbImporter) importer = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *value = NULL;
  gint64 event_id, case_id, new_article = 0;
  guint returned = 0;

  event = event_with_span (fixture, 0);
  g_assert_nonnull (event);
  event_id = cb_event_get_id (event);
  case_id = cb_event_get_case_id (event);
  description = g_strdup (cb_event_get_description (event));
  value = g_strdup (cb_event_get_date (event)->value);

  g_assert_true (activate (fixture->window, "win.select-case", "x", case_id));
  g_assert_true (activate (fixture->window, "win.select-event", "x", event_id));
  g_assert_cmpint (cb_selection_get_event_id (selection), ==, event_id);
  g_assert_true (model_has_id (timeline, event_id, (gint64 (*) (gpointer)) cb_event_get_id));

  /* What the context menu item and Ctrl+Delete run. */
  g_assert_true (activate (pane, "events.reject", NULL));
  g_assert_false (model_has_id (timeline, event_id, (gint64 (*) (gpointer)) cb_event_get_id));
  g_assert_cmpint (cb_selection_get_event_id (selection), !=, event_id);

  /* The same text again, after its article was deleted: the event does
   * not come back. */
  article = cb_store_get_article (fixture->store, cb_event_get_article_id (event), &error);
  g_assert_no_error (error);
  g_assert_true (cb_store_delete_article (fixture->store, cb_article_get_id (article), &error));
  g_assert_no_error (error);
  importer = cb_importer_new (fixture->store);
  {
    g_autoptr(GFile) file = g_file_new_for_path (cb_article_get_path (article));
    g_autoptr(GPtrArray) results = cb_importer_import_files (importer, &file, 1, NULL, NULL, NULL);

    /* The file itself, with its header and date, as the user would. */
    g_assert_nonnull (results);
    g_assert_cmpuint (results->len, ==, 1);
    g_assert_cmpint (((CbImportResult *) g_ptr_array_index (results, 0))->outcome, ==, CB_IMPORT_IMPORTED);
    new_article = ((CbImportResult *) g_ptr_array_index (results, 0))->article_id;
  }
  g_assert_true (activate (fixture->window, "win.refresh", NULL));
  g_assert_true (activate (fixture->window, "win.select-case", "x", (gint64) 0));

  all = cb_store_list_events (fixture->store, 0, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      CbEvent *e = g_ptr_array_index (all, i);

      g_assert_false (g_strcmp0 (cb_event_get_description (e), description) == 0
                      && g_strcmp0 (cb_event_get_date (e)->value, value) == 0);
      returned += cb_event_get_article_id (e) == new_article;
    }
  /* The article's other events did come back. */
  g_assert_cmpuint (returned, >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (timeline); i++)
    {
      g_autoptr(CbEvent) e = g_list_model_get_item (timeline, i);

      g_assert_false (g_strcmp0 (cb_event_get_description (e), description) == 0
                      && g_strcmp0 (cb_event_get_date (e)->value, value) == 0);
    }
}

static void
test_accept_event (Fixture       *fixture,
                   gconstpointer  data)
{
  CbTimelinePane *pane = cb_window_get_timeline_pane (fixture->window);
  g_autoptr(CbEvent) event = event_with_span (fixture, 0);
  g_autoptr(GPtrArray) events = NULL;
  gboolean seen = FALSE;

  g_assert_nonnull (event);
  g_assert_cmpint (cb_event_get_review (event), ==, CB_REVIEW_SUGGESTED);
  g_assert_true (activate (fixture->window, "win.select-event", "x", cb_event_get_id (event)));
  g_assert_true (activate (pane, "events.accept", NULL));

  events = cb_store_list_events (fixture->store, 0, NULL);
  for (guint i = 0; i < events->len; i++)
    if (cb_event_get_id (g_ptr_array_index (events, i)) == cb_event_get_id (event))
      {
        seen = TRUE;
        g_assert_cmpint (cb_event_get_review (g_ptr_array_index (events, i)), ==, CB_REVIEW_ACCEPTED);
      }
  g_assert_true (seen);
  /* Still the current event. */
  g_assert_cmpint (cb_selection_get_event_id (cb_window_get_selection (fixture->window)), ==,
                   cb_event_get_id (event));
}

/* --- the article view ------------------------------------------------------------ */

static void
test_event_span_and_marks (Fixture       *fixture,
                           gconstpointer  data)
{
  CbArticlePane *pane = cb_window_get_article_pane (fixture->window);
  GtkTextBuffer *buffer = cb_article_pane_get_buffer (pane);
  g_autoptr(CbEvent) first = event_with_span (fixture, 0);
  g_autoptr(CbEvent) event = event_with_span (fixture, first != NULL ? cb_event_get_id (first) : 0);
  g_autoptr(GArray) marks = NULL;
  guint people = 0;

  g_assert_nonnull (event);
  g_assert_true (activate (fixture->window, "win.select-event", "x", cb_event_get_id (event)));
  g_assert_cmpint (cb_article_pane_get_article_id (pane), ==, cb_event_get_article_id (event));
  assert_tag_exactly (buffer, cb_article_pane_get_highlight_tag (pane),
                      cb_event_get_start (event), cb_event_get_end (event));

  /* Every mark the store lists carries its kind's tag. */
  marks = cb_store_list_article_marks (fixture->store, cb_event_get_article_id (event), NULL);
  g_assert_nonnull (marks);
  g_assert_cmpuint (marks->len, >, 0);
  for (guint i = 0; i < marks->len; i++)
    {
      const CbArticleMark *mark = &g_array_index (marks, CbArticleMark, i);
      GtkTextTag *tag = cb_article_pane_get_mark_tag (pane, mark->kind);
      GtkTextIter it;

      for (guint at = mark->start; at < mark->end; at++)
        {
          gtk_text_buffer_get_iter_at_offset (buffer, &it, (int) at);
          g_assert_true (gtk_text_iter_has_tag (&it, tag));
        }
      people += mark->kind == CB_MARK_PERSON;
    }
  g_assert_cmpuint (people, >, 0);
}

static void
test_person_opens_case (Fixture       *fixture,
                        gconstpointer  data)
{
  CbArticlePane *pane = cb_window_get_article_pane (fixture->window);
  GtkTextBuffer *buffer = cb_article_pane_get_buffer (pane);
  CbSelection *selection = cb_window_get_selection (fixture->window);
  g_autoptr(GPtrArray) articles = cb_store_list_articles (fixture->store, NULL);
  const CbArticleMark *person = NULL;
  g_autoptr(GArray) marks = NULL;
  gint64 article_id = 0;
  GtkTextIter it;

  /* A name whose case is not the one shown. */
  g_assert_true (activate (fixture->window, "win.select-case", "x", (gint64) 0));
  for (guint a = 0; a < articles->len && person == NULL; a++)
    {
      g_clear_pointer (&marks, g_array_unref);
      article_id = cb_article_get_id (g_ptr_array_index (articles, a));
      marks = cb_store_list_article_marks (fixture->store, article_id, NULL);
      for (guint i = 0; i < marks->len && person == NULL; i++)
        if (g_array_index (marks, CbArticleMark, i).kind == CB_MARK_PERSON
            && g_array_index (marks, CbArticleMark, i).case_id != 0)
          person = &g_array_index (marks, CbArticleMark, i);
    }
  g_assert_nonnull (person);

  g_assert_true (activate (fixture->window, "win.select-article", "x", article_id));
  g_assert_cmpint (cb_article_pane_get_article_id (pane), ==, article_id);
  gtk_text_buffer_get_iter_at_offset (buffer, &it, (int) person->start + 1);
  gtk_text_buffer_place_cursor (buffer, &it);
  /* Enter on the name, as a click on it does. */
  g_assert_true (activate (pane, "article.open-person", NULL));
  g_assert_cmpint (cb_selection_get_case_id (selection), ==, person->case_id);
  g_assert_cmpint (cb_selection_get_person_id (selection), ==, person->id);
}

static void
test_add_excerpt (Fixture       *fixture,
                  gconstpointer  data)
{
  CbArticlePane *pane = cb_window_get_article_pane (fixture->window);
  GtkTextBuffer *buffer = cb_article_pane_get_buffer (pane);
  CbSelection *selection = cb_window_get_selection (fixture->window);
  g_autoptr(CbEvent) event = event_with_span (fixture, 0);
  g_autoptr(GPtrArray) sources = NULL;
  g_autofree char *words = NULL;
  GtkTextIter start, end;
  gint64 excerpt_id = 0;
  int from, to;
  guint n_before;

  g_assert_nonnull (event);
  g_assert_true (activate (fixture->window, "win.select-event", "x", cb_event_get_id (event)));
  n_before = g_list_model_get_n_items (cb_excerpts_pane_get_model (cb_window_get_excerpts_pane (fixture->window)));

  /* Some words at the end of the article, which no event rests on. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_iter_backward_word_starts (&end, 1);
  gtk_text_iter_forward_word_end (&end);
  start = end;
  gtk_text_iter_backward_word_starts (&start, 4);
  gtk_text_buffer_select_range (buffer, &start, &end);
  words = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* Offsets: the pane sets its text again when the store changed. */
  from = gtk_text_iter_get_offset (&start);
  to = gtk_text_iter_get_offset (&end);

  /* What Ctrl+E and the context menu run. */
  g_assert_true (activate (pane, "article.add-excerpt", NULL));

  sources = cb_store_list_excerpts (fixture->store, 0, cb_event_get_id (event), NULL);
  for (guint i = 0; i < sources->len; i++)
    {
      CbExcerpt *x = g_ptr_array_index (sources, i);

      if (g_strcmp0 (cb_excerpt_get_text (x), words) == 0)
        {
          excerpt_id = cb_excerpt_get_id (x);
          g_assert_cmpint (cb_excerpt_get_kind (x), ==, CB_EXCERPT_PASSAGE);
          g_assert_cmpint (cb_excerpt_get_start (x), ==, from);
          g_assert_cmpint (cb_excerpt_get_end (x), ==, to);
        }
    }
  g_assert_cmpint (excerpt_id, !=, 0);

  /* The Excerpts pane lists it and it is the one picked; its span is marked. */
  g_assert_cmpuint (g_list_model_get_n_items (cb_excerpts_pane_get_model (cb_window_get_excerpts_pane (fixture->window))),
                    ==, n_before + 1);
  g_assert_cmpint (cb_selection_get_excerpt_id (selection), ==, excerpt_id);
  assert_tag_exactly (buffer, cb_article_pane_get_highlight_tag (pane), from, to);

  /* Nothing selected: nothing stored. */
  gtk_text_buffer_get_iter_at_offset (buffer, &start, from);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_true (activate (pane, "article.add-excerpt", NULL));
  g_clear_pointer (&sources, g_ptr_array_unref);
  sources = cb_store_list_excerpts (fixture->store, 0, cb_event_get_id (event), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cb_excerpts_pane_get_model (cb_window_get_excerpts_pane (fixture->window))),
                    ==, n_before + 1);
}

/* Ctrl+E with a case file selected and no event: the case gets the passage. */
static void
test_add_excerpt_to_case (Fixture       *fixture,
                          gconstpointer  data)
{
  CbArticlePane *pane = cb_window_get_article_pane (fixture->window);
  GtkTextBuffer *buffer = cb_article_pane_get_buffer (pane);
  CbSelection *selection = cb_window_get_selection (fixture->window);
  GListModel *cases = cb_cases_pane_get_model (cb_window_get_cases_pane (fixture->window));
  GListModel *excerpts = cb_excerpts_pane_get_model (cb_window_get_excerpts_pane (fixture->window));
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *words = NULL;
  CbExcerpt *added = NULL;
  GtkTextIter start, end;
  gint64 case_id = 0, article_id = 0, excerpt_id;
  guint n_all;

  /* A case file and an article that tells one of its events. */
  for (guint i = 0; i < g_list_model_get_n_items (cases) && article_id == 0; i++)
    {
      g_autoptr(CbCaseFile) case_file = g_list_model_get_item (cases, i);

      g_clear_pointer (&events, g_ptr_array_unref);
      events = cb_store_list_events (fixture->store, cb_case_file_get_id (case_file), NULL);
      for (guint j = 0; events != NULL && j < events->len && article_id == 0; j++)
        {
          article_id = cb_event_get_article_id (g_ptr_array_index (events, j));
          case_id = cb_case_file_get_id (case_file);
        }
    }
  g_assert_cmpint (article_id, !=, 0);
  g_assert_true (activate (fixture->window, "win.select-case", "x", case_id));
  g_assert_true (activate (fixture->window, "win.select-article", "x", article_id));
  g_assert_cmpint (cb_selection_get_case_id (selection), ==, case_id);
  g_assert_cmpint (cb_selection_get_event_id (selection), ==, 0);

  /* The first words of the article. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  end = start;
  gtk_text_iter_forward_word_ends (&end, 3);
  gtk_text_buffer_select_range (buffer, &start, &end);
  words = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_true (activate (pane, "article.add-excerpt", NULL));

  /* Stored, picked, and in the Excerpts pane of the case still selected. */
  excerpt_id = cb_selection_get_excerpt_id (selection);
  g_assert_cmpint (excerpt_id, !=, 0);
  g_assert_cmpint (cb_selection_get_case_id (selection), ==, case_id);
  for (guint i = 0; i < g_list_model_get_n_items (excerpts); i++)
    {
      g_autoptr(CbExcerpt) x = g_list_model_get_item (excerpts, i);

      if (cb_excerpt_get_id (x) == excerpt_id)
        added = x;
    }
  g_assert_nonnull (added);
  g_assert_cmpstr (cb_excerpt_get_text (added), ==, g_strstrip (words));
  g_assert_cmpint (cb_excerpt_get_article_id (added), ==, article_id);

  /* Neither a case nor an event selected: nothing stored. */
  all = cb_store_list_excerpts (fixture->store, 0, 0, NULL);
  n_all = all->len;
  g_clear_pointer (&all, g_ptr_array_unref);
  cb_selection_clear (selection);
  cb_test_drain ();
  g_assert_true (activate (fixture->window, "win.select-article", "x", article_id));
  g_assert_cmpint (cb_selection_get_case_id (selection), ==, 0);
  g_assert_cmpint (cb_selection_get_event_id (selection), ==, 0);
  gtk_text_buffer_get_start_iter (buffer, &start);
  end = start;
  gtk_text_iter_forward_word_ends (&end, 5);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (activate (pane, "article.add-excerpt", NULL));
  all = cb_store_list_excerpts (fixture->store, 0, 0, NULL);
  g_assert_cmpuint (all->len, ==, n_all);
}

static void
test_accept_article (Fixture       *fixture,
                     gconstpointer  data)
{
  CbArticlePane *pane = cb_window_get_article_pane (fixture->window);
  g_autoptr(CbEvent) event = event_with_span (fixture, 0);
  g_autoptr(GPtrArray) events = NULL;
  gint64 article_id;
  guint accepted = 0, others = 0;

  g_assert_nonnull (event);
  g_assert_true (activate (fixture->window, "win.select-event", "x", cb_event_get_id (event)));
  article_id = cb_article_pane_get_article_id (pane);
  g_assert_cmpint (article_id, !=, 0);

  g_assert_true (activate (pane, "article.accept-all", NULL));

  events = cb_store_list_events (fixture->store, 0, NULL);
  for (guint i = 0; i < events->len; i++)
    {
      CbEvent *e = g_ptr_array_index (events, i);

      if (cb_event_get_article_id (e) == article_id)
        {
          g_assert_cmpint (cb_event_get_review (e), ==, CB_REVIEW_ACCEPTED);
          accepted++;
        }
      else if (cb_event_get_review (e) == CB_REVIEW_SUGGESTED)
        others++;
    }
  g_assert_cmpuint (accepted, >, 0);
  g_assert_cmpuint (others, >, 0);   /* the other articles' are untouched */
  {
    g_autoptr(CbCaseFile) case_file = cb_store_get_case (fixture->store, cb_event_get_case_id (event), NULL);

    g_assert_cmpint (cb_case_file_get_review (case_file), ==, CB_REVIEW_ACCEPTED);
  }
}

/* --- people ------------------------------------------------------------------------ */

static CbPeopleDialog *
find_people_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (CB_IS_PEOPLE_DIALOG (window))
        return CB_PEOPLE_DIALOG (window);
    }
  return NULL;
}

static void
test_people_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CbImporter) importer = cb_importer_new (fixture->store);
  g_autoptr(CbImportResult) one = cb_importer_import_text (importer, pardon_short, "test");
  g_autoptr(CbImportResult) two = cb_importer_import_text (importer, pardon_long, "test");
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) after = NULL;
  CbMergeSuggestion *suggestion;
  CbPeopleDialog *dialog;
  guint n;

  g_assert_cmpint (one->outcome, ==, CB_IMPORT_IMPORTED);
  g_assert_cmpint (two->outcome, ==, CB_IMPORT_IMPORTED);
  suggestions = cb_store_list_merge_suggestions (fixture->store, NULL);
  g_assert_nonnull (suggestions);
  g_assert_cmpuint (suggestions->len, >=, 1);
  n = suggestions->len;

  g_assert_true (activate (fixture->window, "win.review-people", NULL));
  dialog = find_people_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (cb_people_dialog_get_n_suggestions (dialog), ==, n);

  /* Keep Apart: the pair is gone from the store's list and the dialog's. */
  suggestion = g_ptr_array_index (suggestions, 0);
  g_assert_true (activate (fixture->window, "win.keep-people-apart", "x", suggestion->id));
  after = cb_store_list_merge_suggestions (fixture->store, NULL);
  g_assert_cmpuint (after->len, ==, n - 1);
  g_assert_cmpuint (cb_people_dialog_get_n_suggestions (dialog), ==, n - 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  cb_test_drain ();
  g_assert_null (find_people_dialog ());
}

static void
test_merge_people (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CbImporter) importer = cb_importer_new (fixture->store);
  g_autoptr(CbImportResult) one = cb_importer_import_text (importer, pardon_short, "test");
  g_autoptr(CbImportResult) two = cb_importer_import_text (importer, pardon_long, "test");
  g_autoptr(GPtrArray) suggestions = cb_store_list_merge_suggestions (fixture->store, NULL);
  g_autoptr(GPtrArray) persons = NULL;
  CbMergeSuggestion *suggestion;

  g_assert_cmpuint (suggestions->len, >=, 1);
  suggestion = g_ptr_array_index (suggestions, 0);
  g_assert_true (activate (fixture->window, "win.merge-people", "x", suggestion->id));

  persons = cb_store_list_persons (fixture->store, NULL);
  for (guint i = 0; i < persons->len; i++)
    g_assert_cmpint (cb_person_record_get_id (g_ptr_array_index (persons, i)), !=, suggestion->other_id);
}

/* --- search ----------------------------------------------------------------------------- */

static gboolean
hits_listed (gpointer data)
{
  Fixture *fixture = data;

  return g_list_model_get_n_items (cb_window_get_search_hits (fixture->window)) > 0;
}

static void
test_search_pick_highlights (Fixture       *fixture,
                             gconstpointer  data)
{
  CbArticlePane *pane = cb_window_get_article_pane (fixture->window);
  GtkTextBuffer *buffer = cb_article_pane_get_buffer (pane);
  g_autoptr(CbSearchHit) best = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *found = NULL;
  g_autofree char *folded = NULL;
  GtkTextIter start, end;

  /* Operators and stray quotes around a word: no error, the word found. */
  gtk_editable_set_text (cb_window_get_search_entry (fixture->window), "\"pardon AND(");
  g_assert_true (cb_test_iterate_until (hits_listed, fixture, 10));

  best = g_list_model_get_item (cb_window_get_search_hits (fixture->window), 0);
  markup = cb_search_hit_dup_snippet_markup (best);
  g_assert_nonnull (strstr (markup, "<b>"));
  g_assert_cmpint (cb_search_hit_get_match_start (best), >=, 0);

  g_signal_emit_by_name (cb_window_get_search_entry (fixture->window), "activate");
  cb_test_drain ();
  g_assert_cmpint (cb_article_pane_get_article_id (pane), ==, cb_search_hit_get_article_id (best));

  /* The match is what is highlighted. */
  assert_tag_exactly (buffer, cb_article_pane_get_highlight_tag (pane),
                      cb_search_hit_get_match_start (best), cb_search_hit_get_match_end (best));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, cb_search_hit_get_match_start (best));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, cb_search_hit_get_match_end (best));
  found = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  folded = g_utf8_casefold (found, -1);
  g_assert_true (g_str_has_prefix (folded, "pardon"));

  /* Text with no word at all: no hits and no error. */
  gtk_editable_set_text (cb_window_get_search_entry (fixture->window), "-");
  cb_test_drain ();
  gtk_editable_set_text (cb_window_get_search_entry (fixture->window), "\"");
  cb_test_drain ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/review/accept-and-reject-case", test_accept_case);
  ADD ("/review/accept-event", test_accept_event);
  ADD ("/review/reject-event-stays-rejected", test_reject_event_stays_rejected);
  ADD ("/review/event-span-and-marks", test_event_span_and_marks);
  ADD ("/review/person-opens-case", test_person_opens_case);
  ADD ("/review/add-excerpt", test_add_excerpt);
  ADD ("/review/add-excerpt-to-case", test_add_excerpt_to_case);
  ADD ("/review/accept-article", test_accept_article);
  ADD ("/review/people-dialog", test_people_dialog);
  ADD ("/review/merge-people", test_merge_people);
  ADD ("/review/search-pick-highlights", test_search_pick_highlights);
#undef ADD

  return g_test_run ();
}
