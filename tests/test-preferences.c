/* test-preferences.c — the Preferences window and the settings it writes,
 * and what follows them (the importer, the print paper)
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "cb-application.h"
#include "cb-preferences.h"
#include "cb-print.h"

/* The descendants of @widget of @type, depth first. */
static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect_widgets (child, type, found);
    }
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type,
             guint      index)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_widgets (widget, type, found);
  return index < found->len ? g_ptr_array_index (found, index) : NULL;
}

/* A database in a folder of its own; remove_store() deletes both. */
static CbStore *
new_store (char **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  CbStore *store;

  *dir = g_dir_make_tmp ("casebook-prefs-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "casebook.db", NULL);
  store = cb_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

static void
remove_store (CbStore *store,
              char    *dir)
{
  g_autoptr(GDir) folder = NULL;
  const char *name;

  g_object_unref (store);
  folder = g_dir_open (dir, 0, NULL);
  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
  g_free (dir);
}

static GSettings *
new_settings (void)
{
  GSettings *settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "watch-inbox");
  g_settings_reset (settings, "extractions-need-review");
  g_settings_reset (settings, "paper-size");
  return settings;
}

static void
test_keys_round_trip (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autofree char *paper = NULL;

  g_assert_true (g_settings_get_boolean (settings, "extractions-need-review"));
  paper = g_settings_get_string (settings, "paper-size");
  g_assert_cmpstr (paper, ==, "default");

  g_settings_set_boolean (settings, "extractions-need-review", FALSE);
  g_assert_false (g_settings_get_boolean (settings, "extractions-need-review"));
  g_assert_true (g_settings_set_string (settings, "paper-size", "letter"));
  g_clear_pointer (&paper, g_free);
  paper = g_settings_get_string (settings, "paper-size");
  g_assert_cmpstr (paper, ==, "letter");
  g_assert_true (g_settings_set_string (settings, "paper-size", "a4"));

  /* Only the choices of the schema. */
  g_test_expect_message ("GLib-GIO", G_LOG_LEVEL_WARNING, "*outside of valid range*");
  g_settings_set_string (settings, "paper-size", "tabloid");
  g_test_assert_expected_messages ();
  g_clear_pointer (&paper, g_free);
  paper = g_settings_get_string (settings, "paper-size");
  g_assert_cmpstr (paper, ==, "a4");
}

static void
test_window_writes_settings (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  CbPreferences *prefs = cb_preferences_new (NULL, settings);
  GtkWidget *watch = find_widget (GTK_WIDGET (prefs), GTK_TYPE_SWITCH, 0);
  GtkWidget *review = find_widget (GTK_WIDGET (prefs), GTK_TYPE_SWITCH, 1);
  GtkWidget *paper = find_widget (GTK_WIDGET (prefs), GTK_TYPE_DROP_DOWN, 0);
  g_autofree char *name = NULL;

  g_assert_nonnull (watch);
  g_assert_nonnull (review);
  g_assert_true (watch != review);
  g_assert_nonnull (paper);

  /* Defaults shown. */
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (review)));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (paper)), ==, 0);

  /* Widgets → settings. */
  gtk_switch_set_active (GTK_SWITCH (review), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "extractions-need-review"));
  g_assert_true (g_settings_get_boolean (settings, "watch-inbox"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (paper), 2);
  name = g_settings_get_string (settings, "paper-size");
  g_assert_cmpstr (name, ==, "letter");

  /* Settings → widgets. */
  g_settings_set_string (settings, "paper-size", "a4");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (paper)), ==, 1);
  g_settings_reset (settings, "extractions-need-review");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (review)));

  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* Outside a CbApplication (or without settings) the defaults hold. */
static void
test_defaults_without_application (void)
{
  char *dir = NULL;
  CbStore *store = new_store (&dir);
  g_autoptr(CbImporter) importer = cb_application_new_importer (NULL, store);

  g_assert_true (cb_importer_get_needs_review (importer));
  g_assert_cmpint (cb_application_get_paper (NULL), ==, cb_paper_get_default ());
  g_clear_object (&importer);
  remove_store (store, dir);
}

/* The print dialog starts on the paper of the preferences. */
static void
test_print_paper (void)
{
  char *dir = NULL;
  CbStore *store = new_store (&dir);
  CbPrintOperation *operation = cb_print_operation_new (store, 1);
  GtkPageSetup *setup;
  GtkPrintSettings *print_settings;

  g_assert_cmpint (cb_print_operation_get_paper (operation), ==, cb_paper_get_default ());

  cb_print_operation_set_paper (operation, CB_PAPER_LETTER);
  setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (operation));
  g_assert_nonnull (setup);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ==,
                   GTK_PAPER_NAME_LETTER);
  print_settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (operation));
  g_assert_cmpstr (gtk_print_settings_get (print_settings, GTK_PRINT_SETTINGS_PAPER_FORMAT), ==,
                   GTK_PAPER_NAME_LETTER);

  /* Landscape chosen before stays. */
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  cb_print_operation_set_paper (operation, CB_PAPER_A4);
  setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (operation));
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ==,
                   GTK_PAPER_NAME_A4);
  g_assert_cmpint (gtk_page_setup_get_orientation (setup), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_assert_cmpint (cb_print_operation_get_paper (operation), ==, CB_PAPER_A4);

  g_object_unref (operation);
  remove_store (store, dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/preferences/keys-round-trip", test_keys_round_trip);
  g_test_add_func ("/preferences/window-writes-settings", test_window_writes_settings);
  g_test_add_func ("/preferences/defaults-without-application", test_defaults_without_application);
  g_test_add_func ("/preferences/print-paper", test_print_paper);

  return g_test_run ();
}
