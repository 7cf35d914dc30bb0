/* test-window-state.c — the window comes back as it was left: size, panes,
 * last case
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "cb-case-file.h"
#include "cb-importer.h"
#include "cb-window.h"
#include "cb-test-support.h"

#define APP_ID "io.github.casebook.Casebook"

typedef struct
{
  char      *dir;
  char      *db;
  CbStore   *store;
  GSettings *settings;
} Fixture;

static void
wait_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_get_mapped (widget));
  cb_test_drain ();
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbImporter) importer = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GFile) samples = g_file_new_for_path (g_getenv ("CASEBOOK_SAMPLES_DIR"));

  fixture->dir = g_dir_make_tmp ("casebook-window-state-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = cb_store_open (fixture->db, &error);
  g_assert_no_error (error);

  importer = cb_importer_new (fixture->store);
  results = cb_importer_import_files (importer, &samples, 1, NULL, NULL, NULL);
  g_assert_nonnull (results);

  /* The memory backend (GSETTINGS_BACKEND=memory) is one per process:
   * start each test from the defaults. */
  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "window-width");
  g_settings_reset (fixture->settings, "window-height");
  g_settings_reset (fixture->settings, "window-maximized");
  g_settings_reset (fixture->settings, "cases-pane-position");
  g_settings_reset (fixture->settings, "timeline-pane-position");
  g_settings_reset (fixture->settings, "excerpts-pane-position");
  g_settings_reset (fixture->settings, "last-case");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->db, "-shm", NULL);

  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);
  g_unlink (fixture->db);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->dir);
}

/* The window's GtkPaned, outermost first. */
static void
collect_paned (GtkWidget *widget,
               GPtrArray *out)
{
  if (GTK_IS_PANED (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_paned (child, out);
}

static CbWindow *
open_window (Fixture *fixture)
{
  CbWindow *window = cb_window_new (NULL, fixture->store);

  cb_window_track_state (window, fixture->settings);
  gtk_window_present (GTK_WINDOW (window));
  wait_mapped (GTK_WIDGET (window));
  return window;
}

static gint64
some_case (Fixture *fixture,
           guint    index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = cb_store_list_cases (fixture->store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, >, index);
  return cb_case_file_get_id (g_ptr_array_index (cases, index));
}

static void
test_saved_when_closed (Fixture       *fixture,
                        gconstpointer  data)
{
  CbWindow *window = open_window (fixture);
  g_autoptr(GPtrArray) panes = g_ptr_array_new ();
  gint64 case_id = some_case (fixture, 1);

  collect_paned (GTK_WIDGET (window), panes);
  g_assert_cmpuint (panes->len, ==, 3);
  /* The size first: dividers set for a wider window would be moved to fit
   * its panes' minimum widths whenever the new size arrives. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  cb_test_drain ();
  gtk_paned_set_position (g_ptr_array_index (panes, 0), 231);
  gtk_paned_set_position (g_ptr_array_index (panes, 1), 341);
  gtk_paned_set_position (g_ptr_array_index (panes, 2), 180);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.select-case", "x", case_id);
  cb_test_drain ();

  /* Nothing is written while the window is open. */
  g_assert_cmpint (g_settings_get_int (fixture->settings, "cases-pane-position"), ==, -1);

  gtk_window_destroy (GTK_WINDOW (window));
  cb_test_drain ();

  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (fixture->settings, "window-maximized"));
  g_assert_cmpint (g_settings_get_int (fixture->settings, "cases-pane-position"), ==, 231);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "timeline-pane-position"), ==, 341);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "excerpts-pane-position"), ==, 180);
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "last-case"), ==, case_id);
}

static void
test_restored_when_opened (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) panes = g_ptr_array_new ();
  gint64 case_id = some_case (fixture, 2);
  CbWindow *window;
  int width = 0, height = 0;

  g_settings_set_int (fixture->settings, "window-width", 1200);
  g_settings_set_int (fixture->settings, "window-height", 640);
  g_settings_set_int (fixture->settings, "cases-pane-position", 222);
  g_settings_set_int (fixture->settings, "timeline-pane-position", 310);
  g_settings_set_int (fixture->settings, "excerpts-pane-position", 260);
  g_settings_set_int64 (fixture->settings, "last-case", case_id);

  window = open_window (fixture);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1200);
  g_assert_cmpint (height, ==, 640);
  collect_paned (GTK_WIDGET (window), panes);
  g_assert_cmpuint (panes->len, ==, 3);
  g_assert_cmpint (gtk_paned_get_position (g_ptr_array_index (panes, 0)), ==, 222);
  g_assert_cmpint (gtk_paned_get_position (g_ptr_array_index (panes, 1)), ==, 310);
  g_assert_cmpint (gtk_paned_get_position (g_ptr_array_index (panes, 2)), ==, 260);
  g_assert_cmpint (cb_selection_get_case_id (cb_window_get_selection (window)), ==, case_id);

  gtk_window_destroy (GTK_WINDOW (window));
  cb_test_drain ();
}

/* A case deleted since, or a database swapped: all case files, no error;
 * a nonsensical saved size: the template's. */
static void
test_stale_state_ignored (Fixture       *fixture,
                          gconstpointer  data)
{
  CbWindow *window;
  int width = 0, height = 0;

  g_settings_set_int64 (fixture->settings, "last-case", 987654);
  g_settings_set_int (fixture->settings, "window-width", 3);
  g_settings_set_int (fixture->settings, "window-height", -20);

  window = open_window (fixture);
  g_assert_cmpint (cb_selection_get_case_id (cb_window_get_selection (window)), ==, 0);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, >=, 360);
  g_assert_cmpint (height, >=, 360);

  gtk_window_destroy (GTK_WINDOW (window));
  cb_test_drain ();
  /* The broken size is not written back either. */
  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-width"), >=, 360);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/window-state/saved-when-closed", Fixture, NULL,
              fixture_setup, test_saved_when_closed, fixture_teardown);
  g_test_add ("/window-state/restored-when-opened", Fixture, NULL,
              fixture_setup, test_restored_when_opened, fixture_teardown);
  g_test_add ("/window-state/stale-state-ignored", Fixture, NULL,
              fixture_setup, test_stale_state_ignored, fixture_teardown);

  return g_test_run ();
}
