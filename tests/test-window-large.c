/* test-window-large.c — the window on a store with tens of thousands of
 * events: lists read on threads, rows made only for what is shown, the
 * drawn timeline left to the cases it can draw
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "cb-case-corpus.h"
#include "cb-lazy-list.h"
#include "cb-selection.h"
#include "cb-store.h"
#include "cb-timeline-view.h"
#include "cb-window.h"
#include "cb-test-display.h"
#include "cb-test-support.h"

/* Articles of EVENTS_PER_ARTICLE events each, every one about another
 * (invented) person: 21,000 events in 2,100 case files. */
#define N_ARTICLES 2100
#define EVENTS_PER_ARTICLE 10

/* Invented name parts; every pair is one person. */
static const char * const first_names[] = {
  "Arlo", "Brisa", "Corin", "Delphine", "Emrys", "Fenna", "Galen", "Hester",
  "Ivo", "Jessamy", "Kester", "Liesel", "Marek", "Nerys", "Orrin",
};
static const char * const name_starts[] = {
  "Vand", "Korr", "Mell", "Brant", "Quill", "Tarr", "Wex", "Yarn", "Holl", "Fenn",
  "Gask", "Pell", "Strom", "Dunn",
};
static const char * const name_ends[] = {
  "ick", "ow", "ane", "ester", "ing", "ard", "ley", "mont", "ridge", "by",
};

typedef struct
{
  char     *dir;
  char     *path;
  CbStore  *store;
  CbWindow *window;
} Fixture;

static char *
person_name (guint i)
{
  guint n_first = G_N_ELEMENTS (first_names);
  guint n_start = G_N_ELEMENTS (name_starts);
  guint n_end = G_N_ELEMENTS (name_ends);

  g_assert_cmpuint (i, <, n_first * n_start * n_end);
  return g_strdup_printf ("%s %s%s", first_names[i % n_first],
                          name_starts[(i / n_first) % n_start],
                          name_ends[i / (n_first * n_start)]);
}

/* The articles go in through the store (extracted here, one transaction):
 * quicker than the importer's transaction per file. */
static void
fill_store (CbStore *store)
{
  g_autoptr(GError) error = NULL;
  GDate dct;

  g_date_clear (&dct, 1);
  g_date_set_dmy (&dct, 1, G_DATE_MAY, 2024);

  g_assert_true (cb_store_begin (store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autofree char *name = person_name (i);
      g_autofree char *title = g_strdup_printf ("The record of %s", name);
      g_autoptr(GString) body = g_string_new (NULL);
      g_autoptr(CbExtraction) extraction = NULL;
      g_autoptr(CbArticle) article = NULL;

      for (guint k = 0; k < EVENTS_PER_ARTICLE; k++)
        {
          g_autofree char *sentence = cb_case_corpus_sentence (name, k);

          g_string_append (body, sentence);
          g_string_append_c (body, ' ');
        }
      extraction = cb_extract (body->str, &dct);
      article = cb_article_new (title, "https://example.org/records", NULL, "2024-05-01",
                                NULL, NULL, body->str);
      g_assert_cmpint (cb_store_add_article (store, article, extraction, &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_true (cb_store_commit (store, &error));
  g_assert_no_error (error);
}

static gboolean
window_settled (gpointer data)
{
  Fixture *fixture = data;

  return !cb_window_get_loading (fixture->window);
}

/* The store is made once for all the tests (a copy of it would do too). */
static char *store_path;
static char *store_dir;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = cb_store_open (store_path, &error);
  g_assert_no_error (error);

  fixture->window = cb_window_new (NULL, fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  cb_test_drain ();
  g_clear_object (&fixture->store);
}

static CbLazyList *
lazy (GListModel *model)
{
  g_assert_true (CB_IS_LAZY_LIST (model));
  return CB_LAZY_LIST (model);
}

static void
test_first_frame (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *cases = cb_cases_pane_get_model (cb_window_get_cases_pane (fixture->window));
  GListModel *events = cb_timeline_pane_get_model (cb_window_get_timeline_pane (fixture->window));
  GListModel *excerpts = cb_excerpts_pane_get_model (cb_window_get_excerpts_pane (fixture->window));
  GtkWidget *view = cb_timeline_pane_get_view (cb_window_get_timeline_pane (fixture->window));
  CbSelection *selection = cb_window_get_selection (fixture->window);
  g_autoptr(GArray) all_events = cb_store_list_ids (fixture->store, CB_LIST_EVENTS, 0, NULL, NULL, NULL);
  g_autoptr(GArray) all_excerpts = cb_store_list_ids (fixture->store, CB_LIST_EXCERPTS, 0, NULL, NULL, NULL);
  g_autoptr(GArray) all_cases = cb_store_list_ids (fixture->store, CB_LIST_CASES, 0, NULL, NULL, NULL);

  g_assert_cmpuint (all_events->len, >=, N_ARTICLES * EVENTS_PER_ARTICLE);
  g_assert_cmpuint (all_cases->len, >=, N_ARTICLES);

  /* Too many rows to read before the window shows: they are read on
   * threads, and the window says so. */
  g_assert_true (cb_window_get_loading (fixture->window));
  g_assert_true (cb_lazy_list_get_loading (lazy (events)));
  g_assert_true (cb_test_wait_mapped (GTK_WIDGET (fixture->window), 20));
  g_assert_true (cb_test_iterate_until (window_settled, fixture, 60));
  cb_test_drain ();

  /* Every list holds all its rows ... */
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, all_cases->len);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, all_events->len);
  g_assert_cmpuint (g_list_model_get_n_items (excerpts), ==, all_excerpts->len);
  g_assert_cmpint (cb_lazy_list_get_id (lazy (events), 0), ==, g_array_index (all_events, gint64, 0));

  /* ... but made only those a list view shows (at most 200 around what it
   * shows, GTK 4.8), not one for each. */
  g_assert_cmpuint (cb_lazy_list_get_n_made (lazy (cases)), >, 0);
  g_assert_cmpuint (cb_lazy_list_get_n_made (lazy (cases)), <, 1000);
  g_assert_cmpuint (cb_lazy_list_get_n_made (lazy (events)), <, 1000);
  g_assert_cmpuint (cb_lazy_list_get_n_made (lazy (excerpts)), <, 1000);

  /* The first event with a source was opened, in every pane. */
  g_assert_cmpint (cb_selection_get_event_id (selection), !=, 0);
  g_assert_cmpint (cb_selection_get_article_id (selection), !=, 0);

  /* All case files hold too many events to draw: the chart draws none. */
  g_assert_null (cb_timeline_view_get_model (CB_TIMELINE_VIEW (view)));
  g_assert_cmpuint (cb_timeline_view_get_n_drawn (CB_TIMELINE_VIEW (view)), ==, 0);
}

/* The first GtkListView below @widget. */
static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_case_and_event (Fixture       *fixture,
                     gconstpointer  data)
{
  GListModel *events = cb_timeline_pane_get_model (cb_window_get_timeline_pane (fixture->window));
  GListModel *excerpts = cb_excerpts_pane_get_model (cb_window_get_excerpts_pane (fixture->window));
  GtkWidget *view = cb_timeline_pane_get_view (cb_window_get_timeline_pane (fixture->window));
  CbSelection *selection = cb_window_get_selection (fixture->window);
  g_autoptr(GArray) all_events = cb_store_list_ids (fixture->store, CB_LIST_EVENTS, 0, NULL, NULL, NULL);
  g_autoptr(GArray) cases = cb_store_list_ids (fixture->store, CB_LIST_CASES, 0, NULL, NULL, NULL);
  g_autoptr(GArray) case_events = NULL;
  g_autoptr(GArray) sources = NULL;
  gint64 last_event;
  gint64 case_id = g_array_index (cases, gint64, cases->len / 2);
  guint made;

  g_assert_true (cb_test_iterate_until (window_settled, fixture, 60));

  /* An event far down the list of all events: found by id, listed where it
   * is, its source picked in the excerpts, without making every row. */
  last_event = g_array_index (all_events, gint64, all_events->len - 3);
  made = cb_lazy_list_get_n_made (lazy (events));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.select-event", "x", last_event);
  cb_test_drain ();
  g_assert_cmpint (cb_selection_get_event_id (selection), ==, last_event);
  sources = cb_store_list_source_ids (fixture->store, last_event, NULL);
  g_assert_cmpuint (sources->len, >, 0);
  g_assert_cmpuint (cb_lazy_list_get_n_made (lazy (events)) - made, <, 1000);
  {
    GtkWidget *list_view = find_list_view (GTK_WIDGET (cb_window_get_excerpts_pane (fixture->window)));
    guint pos = cb_lazy_list_find (lazy (excerpts), g_array_index (sources, gint64, 0));

    /* The excerpts pane's list selection is on that source. */
    g_assert_cmpuint (pos, !=, CB_LAZY_LIST_NO_POSITION);
    g_assert_nonnull (list_view);
    g_assert_true (gtk_selection_model_is_selected (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)), pos));
  }

  /* One case: its few events are drawn. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.select-case", "x", case_id);
  g_assert_true (cb_test_iterate_until (window_settled, fixture, 60));
  cb_test_drain ();
  case_events = cb_store_list_ids (fixture->store, CB_LIST_EVENTS, case_id, NULL, NULL, NULL);
  g_assert_cmpuint (case_events->len, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, case_events->len);
  g_assert_true (cb_timeline_view_get_model (CB_TIMELINE_VIEW (view)) == events);
  g_assert_cmpuint (cb_timeline_view_get_n_drawn (CB_TIMELINE_VIEW (view)), ==, case_events->len);
  g_assert_cmpint (cb_selection_get_case_id (selection), ==, case_id);
  g_assert_cmpint (cb_selection_get_event_id (selection), ==, g_array_index (case_events, gint64, 0));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbStore) store = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);

  store_dir = g_dir_make_tmp ("casebook-large-XXXXXX", &error);
  g_assert_no_error (error);
  store_path = g_build_filename (store_dir, "large.db", NULL);
  store = cb_store_open (store_path, &error);
  g_assert_no_error (error);
  fill_store (store);
  g_clear_object (&store);

  g_test_add ("/window-large/first-frame", Fixture, NULL, fixture_setup, test_first_frame, fixture_teardown);
  g_test_add ("/window-large/case-and-event", Fixture, NULL, fixture_setup, test_case_and_event, fixture_teardown);

  status = g_test_run ();
  cb_test_remove_tree (store_dir);
  g_free (store_path);
  g_free (store_dir);
  return status;
}
