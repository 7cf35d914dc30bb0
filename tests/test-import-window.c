/* test-import-window.c — imports as users start them: drops, the inbox, other
 * writers, a queue, and cancelling a large import (under Xvfb)
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "cb-store.h"
#include "cb-window.h"
#include "cb-test-display.h"

typedef struct
{
  char     *dir;
  char     *db;
  CbStore  *store;     /* the test's own connection */
  CbWindow *window;
} Fixture;

static gboolean
wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

typedef gboolean (*Condition) (Fixture *fixture, gconstpointer data);

/* Runs the main loop until @done holds, at most @seconds. */
static gboolean
iterate_until (Condition      done,
               Fixture       *fixture,
               gconstpointer  data,
               int            seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  guint wake_up = g_timeout_add (10, wake_up_cb, NULL);
  gboolean result;

  while (!(result = done (fixture, data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake_up);
  return result;
}

static gboolean
import_finished (Fixture *fixture, gconstpointer data)
{
  return !cb_window_get_importing (fixture->window);
}

static gboolean
articles_at_least (Fixture *fixture, gconstpointer data)
{
  return cb_store_count_articles (fixture->store) >= GPOINTER_TO_UINT (data);
}

static gboolean
cases_listed_at_least (Fixture *fixture, gconstpointer data)
{
  GListModel *cases = cb_cases_pane_get_model (cb_window_get_cases_pane (fixture->window));

  return g_list_model_get_n_items (cases) >= GPOINTER_TO_UINT (data);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("casebook-import-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = cb_store_open (fixture->db, &error);
  g_assert_no_error (error);

  fixture->window = cb_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (cb_test_wait_mapped (GTK_WIDGET (fixture->window), 10));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->dir);
}

/* An invented article, different for each @n. */
static char *
article_text (guint n)
{
  static const char * const first[] = { "Marta", "Ivo", "Lena", "Tomas", "Rhea", "Oskar", "Nadia", "Piet" };
  static const char * const last[] = { "Vendell", "Okafor", "Brandt", "Quill", "Harrow", "Sato", "Lindqvist", "Moreau" };
  const char *given = first[n % G_N_ELEMENTS (first)];
  const char *family = last[(n / G_N_ELEMENTS (first)) % G_N_ELEMENTS (last)];
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "Title: Clemency file number %u\nDate: 2019-03-%02u\n\n", n, 1 + n % 28);
  g_string_append_printf (text, "%s %s was convicted of fraud in %u and sentenced to %u years in prison. ",
                          given, family, 1990 + n % 25, 2 + n % 9);
  g_string_append_printf (text, "The governor commuted the sentence of %s on Tuesday, aides said.\n\n",
                          family);
  for (guint i = 0; i < 12; i++)
    g_string_append_printf (text, "Paragraph %u of article %u: lawyers for %s said the appeal filed in %u "
                            "raised questions the court never answered.\n\n",
                            i, n, family, 1995 + (n + i) % 20);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GFile *
write_article (Fixture    *fixture,
               const char *folder,
               guint       n)
{
  g_autofree char *name = g_strdup_printf ("article-%04u.txt", n);
  g_autofree char *path = g_build_filename (folder != NULL ? folder : fixture->dir, name, NULL);
  g_autofree char *text = article_text (n);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return g_file_new_for_path (path);
}

static void
test_drop_file_list (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) a = write_article (fixture, NULL, 1);
  g_autoptr(GFile) b = write_article (fixture, NULL, 2);
  GSList *list = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  list = g_slist_append (list, a);
  list = g_slist_append (list, b);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_slist_free (list);

  g_assert_true (cb_window_import_drop_value (fixture->window, &value));
  g_assert_true (iterate_until (import_finished, fixture, NULL, 30));
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, 2);
}

static void
test_drop_uri_list (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) a = write_article (fixture, NULL, 3);
  g_autoptr(GFile) b = write_article (fixture, NULL, 4);
  g_autofree char *uri_a = g_file_get_uri (a);
  g_autofree char *uri_b = g_file_get_uri (b);
  g_autofree char *uri_list = g_strdup_printf ("# dragged from a file manager\r\n%s\r\n%s\r\n", uri_a, uri_b);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, uri_list);

  g_assert_true (cb_window_import_drop_value (fixture->window, &value));
  g_assert_true (iterate_until (import_finished, fixture, NULL, 30));
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, 2);
}

static void
test_drop_text (Fixture       *fixture,
                gconstpointer  data)
{
  const char *text = "Judge orders release of Ada Winterbourne\n"
                     "Ada Winterbourne was released on parole in March 2015, see "
                     "https://example.org/story for the ruling.\n";
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GPtrArray) articles = NULL;
  CbArticle *article;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);

  /* A text with a URL in it is a text, not a URI list. */
  g_assert_true (cb_window_import_drop_value (fixture->window, &value));
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, 1);
  articles = cb_store_list_articles (fixture->store, NULL);
  g_assert_cmpuint (articles->len, ==, 1);
  article = g_ptr_array_index (articles, 0);
  g_assert_cmpstr (cb_article_get_title (article), ==, "Judge orders release of Ada Winterbourne");
  /* The new article is the one shown. */
  g_assert_cmpint (cb_selection_get_article_id (cb_window_get_selection (fixture->window)), ==,
                   cb_article_get_id (article));

  /* The same text again is reported, not stored twice. */
  g_assert_true (cb_window_import_drop_value (fixture->window, &value));
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, 1);
}

static void
test_drop_nothing (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "   \n\t ");
  g_assert_false (cb_window_import_drop_value (fixture->window, &value));
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, 0);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static void
test_drop_feedback (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (fixture->window));
  const GType *types;
  gsize n_types = 0;
  GdkDragAction action = 0;

  /* Files, URI lists and text are accepted, as a copy. */
  g_assert_nonnull (target);
  types = gtk_drop_target_get_gtypes (target, &n_types);
  g_assert_cmpuint (n_types, ==, 2);
  g_assert_true (types[0] == GDK_TYPE_FILE_LIST);
  g_assert_true (types[1] == G_TYPE_STRING);

  /* While something is dragged over it, the window says where it lands. */
  g_signal_emit_by_name (target, "enter", 100.0, 100.0, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_COPY);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->window), "drop-active"));
  g_signal_emit_by_name (target, "leave");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (fixture->window), "drop-active"));
}

static void
test_queue (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) late = NULL;

  for (guint i = 0; i < 40; i++)
    g_ptr_array_add (first, write_article (fixture, NULL, 100 + i));
  late = write_article (fixture, NULL, 999);

  g_assert_true (cb_window_import_files (fixture->window, (GFile **) first->pdata, first->len));
  g_assert_true (cb_window_get_importing (fixture->window));
  /* Arrives while the first import runs: waits its turn, is not lost. */
  g_assert_true (cb_window_import_files (fixture->window, &late, 1));

  g_assert_true (iterate_until (articles_at_least, fixture, GUINT_TO_POINTER (41), 60));
  g_assert_true (iterate_until (import_finished, fixture, NULL, 30));
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, 41);
}

static void
test_other_writer (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *cli = g_getenv ("CASEBOOK_CLI");
  g_autoptr(GFile) file = write_article (fixture, NULL, 7);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  int status = -1;
  const char *argv[] = { cli, "--db", fixture->db, "import", path, NULL };
  GListModel *cases = cb_cases_pane_get_model (cb_window_get_cases_pane (fixture->window));
  guint before = g_list_model_get_n_items (cases);

  g_assert_nonnull (cli);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* Nobody tells the window: it notices the commit on its own. */
  g_assert_true (iterate_until (cases_listed_at_least, fixture, GUINT_TO_POINTER (before + 1), 10));
}

/* Writes an article into the inbox slowly, from another thread, keeping the
 * file open between pieces as a download or a copy over the network would. */
typedef struct
{
  char  *path;
  char  *text;
  guint  pieces;
} SlowWrite;

static gpointer
slow_write_thread (gpointer data)
{
  SlowWrite *job = data;
  FILE *out = g_fopen (job->path, "wb");
  gsize len = strlen (job->text), piece = len / job->pieces + 1;

  g_assert_nonnull (out);
  for (gsize done = 0; done < len; done += piece)
    {
      fwrite (job->text + done, 1, MIN (piece, len - done), out);
      fflush (out);
      g_usleep (300 * 1000);  /* twice the quiet period */
    }
  fclose (out);
  return NULL;
}

static void
test_inbox (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *inbox = g_build_filename (fixture->dir, "Inbox", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (inbox);
  g_autoptr(GFile) early = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GThread) thread = NULL;
  SlowWrite job = { 0 };
  gboolean saw_slow = FALSE;

  /* One file is there before the window starts watching. */
  g_assert_cmpint (g_mkdir (inbox, 0700), ==, 0);
  early = write_article (fixture, inbox, 20);

  g_assert_true (cb_window_watch_inbox (fixture->window, folder, 150, &error));
  g_assert_no_error (error);

  g_object_unref (write_article (fixture, inbox, 21));
  job.path = g_build_filename (inbox, "slow.txt", NULL);
  job.text = article_text (22);
  job.pieces = 5;
  thread = g_thread_new ("slow writer", slow_write_thread, &job);

  g_assert_true (iterate_until (articles_at_least, fixture, GUINT_TO_POINTER (3), 30));
  g_thread_join (g_steal_pointer (&thread));
  /* Time for a second, wrong import to show up. */
  {
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC;
    guint wake_up = g_timeout_add (10, wake_up_cb, NULL);

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, TRUE);
    g_source_remove (wake_up);
  }
  g_assert_true (iterate_until (import_finished, fixture, NULL, 30));

  /* Each exactly once, and the slow one whole. */
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, 3);
  articles = cb_store_list_articles (fixture->store, NULL);
  for (guint i = 0; i < articles->len; i++)
    {
      CbArticle *listed = g_ptr_array_index (articles, i);

      if (g_strcmp0 (cb_article_get_title (listed), "Clemency file number 22") == 0)
        {
          g_autoptr(CbArticle) full = cb_store_get_article (fixture->store, cb_article_get_id (listed), NULL);

          g_assert_nonnull (full);
          g_assert_true (g_str_has_suffix (job.text, cb_article_get_body (full)));
          saw_slow = TRUE;
        }
    }
  g_assert_true (saw_slow);

  g_free (job.path);
  g_free (job.text);
}

static void
test_cancel_large_import (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "many", NULL);
  g_autoptr(GFile) many = g_file_new_for_path (folder);
  g_autoptr(GHashTable) bodies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) articles = NULL;
  /* More than two batches of the importer (at most 1,000 files each,
   * cb-importer.c): the first commit shows some, and Stop comes before
   * the last file. */
  const guint n_files = 2500;
  guint stored;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < n_files; i++)
    g_object_unref (write_article (fixture, folder, i));

  g_assert_true (cb_window_import_files (fixture->window, &many, 1));
  g_assert_true (iterate_until (articles_at_least, fixture, GUINT_TO_POINTER (10), 60));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cancel-import", NULL));
  g_assert_true (iterate_until (import_finished, fixture, NULL, 30));

  stored = cb_store_count_articles (fixture->store);
  g_test_message ("stored %u of %u before the import stopped", stored, n_files);
  g_assert_cmpuint (stored, >=, 10);
  g_assert_cmpuint (stored, <, n_files);

  /* Every stored article is a whole file: nothing of the one in progress. */
  for (guint i = 0; i < n_files; i++)
    g_hash_table_add (bodies, article_text (i));
  articles = cb_store_list_articles (fixture->store, NULL);
  g_assert_cmpuint (articles->len, ==, stored);
  for (guint i = 0; i < articles->len; i++)
    {
      CbArticle *listed = g_ptr_array_index (articles, i);
      g_autoptr(CbArticle) full = cb_store_get_article (fixture->store, cb_article_get_id (listed), NULL);
      gboolean whole = FALSE;
      GHashTableIter iter;
      const char *text;

      g_assert_nonnull (full);
      g_hash_table_iter_init (&iter, bodies);
      while (!whole && g_hash_table_iter_next (&iter, (gpointer *) &text, NULL))
        whole = g_str_has_suffix (text, cb_article_get_body (full)) &&
                strlen (cb_article_get_body (full)) > 1000;
      g_assert_true (whole);
    }

  /* The window is usable again: the rest can be imported. */
  g_assert_true (cb_window_import_files (fixture->window, &many, 1));
  g_assert_true (iterate_until (import_finished, fixture, NULL, 120));
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, n_files);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/import-window/drop-file-list", test_drop_file_list);
  ADD ("/import-window/drop-uri-list", test_drop_uri_list);
  ADD ("/import-window/drop-text", test_drop_text);
  ADD ("/import-window/drop-nothing", test_drop_nothing);
  ADD ("/import-window/drop-feedback", test_drop_feedback);
  ADD ("/import-window/queue", test_queue);
  ADD ("/import-window/other-writer", test_other_writer);
  ADD ("/import-window/inbox", test_inbox);
  ADD ("/import-window/cancel-large-import", test_cancel_large_import);
#undef ADD

  return g_test_run ();
}
