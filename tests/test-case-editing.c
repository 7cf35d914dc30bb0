/* test-case-editing.c — editing case files in the window, with undo and
 * redo, driven through the actions (under Xvfb)
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "cb-case-dialog.h"
#include "cb-importer.h"
#include "cb-store.h"
#include "cb-window.h"
#include "cb-test-display.h"
#include "cb-test-support.h"

/* Invented articles. */
static const char article_a[] =
  "Title: Councillor convicted\nDate: 2016-02-10\n\n"
  "Helena Voss Marchetti was convicted of bribery in 2012. "
  "Marchetti appealed the verdict in March 2014.\n";
static const char article_b[] =
  "Title: Another case\nDate: 2018-01-05\n\n"
  "Bruno Kastellan was convicted of fraud in 2015. Kastellan was sentenced in 2016.\n";

typedef struct
{
  char     *dir;
  CbStore  *store;
  CbWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbImporter) importer = NULL;
  g_autofree char *db = NULL;
  const char *texts[] = { article_a, article_b };

  fixture->dir = g_dir_make_tmp ("casebook-editing-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = cb_store_open (db, &error);
  g_assert_no_error (error);

  importer = cb_importer_new (fixture->store);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(CbImportResult) result = cb_importer_import_text (importer, texts[i], "test");
      g_assert_cmpint (result->outcome, ==, CB_IMPORT_IMPORTED);
    }

  fixture->window = cb_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (cb_test_wait_mapped (GTK_WIDGET (fixture->window), 10));
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

static GtkWidget *
pane (Fixture *fixture)
{
  return GTK_WIDGET (cb_window_get_cases_pane (fixture->window));
}

/* The case listed with @title, or NULL. */
static CbCaseFile *
listed (Fixture    *fixture,
        const char *title)
{
  GListModel *model = cb_cases_pane_get_model (cb_window_get_cases_pane (fixture->window));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CbCaseFile) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (cb_case_file_get_title (item), title) == 0)
        return g_steal_pointer (&item);
    }
  return NULL;
}

/* The ids of the events the timeline shows. */
static char *
timeline_ids (Fixture *fixture)
{
  GListModel *model = cb_timeline_pane_get_model (cb_window_get_timeline_pane (fixture->window));
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CbEvent) event = g_list_model_get_item (model, i);
      g_string_append_printf (ids, "%" G_GINT64_FORMAT ",", cb_event_get_id (event));
    }
  return g_string_free (ids, FALSE);
}

static void
select_case (Fixture *fixture,
             gint64   case_id)
{
  cb_selection_select_case (cb_window_get_selection (fixture->window), case_id);
  cb_test_drain ();
}

static void
activate (GtkWidget  *widget,
          const char *name,
          const char *format,
          ...)
{
  GVariant *param = NULL;
  va_list args;

  if (format != NULL)
    {
      va_start (args, format);
      param = g_variant_new_va (format, NULL, &args);
      va_end (args);
    }
  g_assert_true (gtk_widget_activate_action_variant (widget, name, param));
  cb_test_drain ();
}

static void
test_create_rename_delete_undo (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(CbCaseFile) made = NULL;
  g_autoptr(CbCaseFile) renamed = NULL;
  g_autoptr(CbCaseFile) helena = NULL;
  g_autoptr(CbCaseFile) back = NULL;
  g_autoptr(GPtrArray) all_events = NULL;
  g_autofree char *label = NULL;
  g_autofree char *events = NULL;
  g_autofree char *events_back = NULL;
  g_autofree char *events_all = NULL;
  gint64 made_id, helena_id;
  guint n_events;

  /* Create: in the list model, in the store, and selected. */
  activate (pane (fixture), "cases.create", "(sx)", "Hand-made case", (gint64) 0);
  made = listed (fixture, "Hand-made case");
  g_assert_nonnull (made);
  made_id = cb_case_file_get_id (made);
  g_assert_nonnull (cb_store_get_case (fixture->store, made_id, NULL));
  g_object_unref (cb_store_get_case (fixture->store, made_id, NULL));
  g_assert_cmpint (cb_selection_get_case_id (cb_window_get_selection (fixture->window)), ==, made_id);
  g_assert_true (cb_store_can_undo (fixture->store, &label));
  g_assert_cmpstr (label, ==, "New Case");

  /* Rename the selected case. */
  activate (pane (fixture), "cases.rename-to", "s", "Renamed by hand");
  g_assert_null (listed (fixture, "Hand-made case"));
  renamed = listed (fixture, "Renamed by hand");
  g_assert_nonnull (renamed);

  /* Delete a case with events: gone, its events kept. */
  helena = listed (fixture, "Helena Voss Marchetti");
  g_assert_nonnull (helena);
  helena_id = cb_case_file_get_id (helena);
  select_case (fixture, helena_id);
  events = timeline_ids (fixture);
  g_assert_cmpstr (events, !=, "");
  all_events = cb_store_list_events (fixture->store, 0, NULL);
  n_events = all_events->len;
  activate (pane (fixture), "cases.delete", NULL);
  g_assert_null (listed (fixture, "Helena Voss Marchetti"));
  g_assert_null (cb_store_get_case (fixture->store, helena_id, NULL));
  g_assert_cmpint (cb_selection_get_case_id (cb_window_get_selection (fixture->window)), ==, 0);
  g_clear_pointer (&all_events, g_ptr_array_unref);
  all_events = cb_store_list_events (fixture->store, 0, NULL);
  g_assert_cmpuint (all_events->len, ==, n_events);

  /* Undo: back, with its events. */
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  back = listed (fixture, "Helena Voss Marchetti");
  g_assert_nonnull (back);
  g_assert_cmpint (cb_case_file_get_id (back), ==, helena_id);
  select_case (fixture, helena_id);
  events_back = timeline_ids (fixture);
  g_assert_cmpstr (events_back, ==, events);

  /* Redo: gone again. */
  activate (GTK_WIDGET (fixture->window), "win.redo", NULL);
  g_assert_null (listed (fixture, "Helena Voss Marchetti"));
  select_case (fixture, 0);
  events_all = timeline_ids (fixture);
  g_assert_cmpstr (events_all, !=, "");

  /* Undo all the way back; the rename and the creation too. */
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_null (listed (fixture, "Renamed by hand"));
  g_assert_nonnull (listed (fixture, "Hand-made case"));
  g_object_unref (listed (fixture, "Hand-made case"));
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_null (listed (fixture, "Hand-made case"));
  g_assert_false (cb_store_can_undo (fixture->store, NULL));
}

static void
test_new_case_dialog (Fixture       *fixture,
                      gconstpointer  data)
{
  CbCasesPane *cases = cb_window_get_cases_pane (fixture->window);
  GtkWindow *dialog;
  g_autoptr(CbCaseFile) made = NULL;

  activate (pane (fixture), "cases.new", NULL);
  dialog = cb_cases_pane_get_dialog (cases);
  g_assert_nonnull (dialog);
  g_assert_true (CB_IS_CASE_DIALOG (dialog));
  g_assert_true (gtk_window_get_modal (dialog));

  /* Nothing typed: nothing to create. */
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  cb_test_drain ();
  g_assert_null (cb_cases_pane_get_dialog (cases));
  g_assert_false (cb_store_can_undo (fixture->store, NULL));

  activate (pane (fixture), "cases.new", NULL);
  dialog = cb_cases_pane_get_dialog (cases);
  cb_case_dialog_set_text (CB_CASE_DIALOG (dialog), "From the dialog");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  cb_test_drain ();
  g_assert_null (cb_cases_pane_get_dialog (cases));
  made = listed (fixture, "From the dialog");
  g_assert_nonnull (made);

  /* Rename through its dialog. */
  activate (pane (fixture), "cases.rename", NULL);
  dialog = cb_cases_pane_get_dialog (cases);
  g_assert_nonnull (dialog);
  {
    g_autofree char *text = cb_case_dialog_dup_text (CB_CASE_DIALOG (dialog));
    g_assert_cmpstr (text, ==, "From the dialog");
  }
  cb_case_dialog_set_text (CB_CASE_DIALOG (dialog), "Renamed in the dialog");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  cb_test_drain ();
  g_assert_nonnull (listed (fixture, "Renamed in the dialog"));
  g_object_unref (listed (fixture, "Renamed in the dialog"));
}

static void
test_status_notes_merge (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CbCaseFile) helena = listed (fixture, "Helena Voss Marchetti");
  g_autoptr(CbCaseFile) bruno = listed (fixture, "Bruno Kastellan");
  g_autoptr(CbCaseFile) after = NULL;
  g_autoptr(GPtrArray) helena_events = NULL;
  g_autoptr(GPtrArray) bruno_events = NULL;
  g_autoptr(GPtrArray) merged = NULL;
  gint64 helena_id, bruno_id;

  g_assert_nonnull (helena);
  g_assert_nonnull (bruno);
  helena_id = cb_case_file_get_id (helena);
  bruno_id = cb_case_file_get_id (bruno);

  /* "All Case Files" is no case: nothing to rename or delete. */
  select_case (fixture, 0);
  gtk_widget_activate_action (pane (fixture), "cases.delete", NULL);
  cb_test_drain ();
  g_assert_false (cb_store_can_undo (fixture->store, NULL));
  g_assert_nonnull (cb_store_get_case (fixture->store, helena_id, NULL));
  g_object_unref (cb_store_get_case (fixture->store, helena_id, NULL));

  select_case (fixture, helena_id);
  activate (pane (fixture), "case.status", "s", "granted");
  after = cb_store_get_case (fixture->store, helena_id, NULL);
  g_assert_cmpint (cb_case_file_get_status (after), ==, CB_CASE_STATUS_GRANTED);
  g_clear_object (&after);
  after = listed (fixture, "Helena Voss Marchetti");
  g_assert_cmpint (cb_case_file_get_status (after), ==, CB_CASE_STATUS_GRANTED);
  g_clear_object (&after);

  activate (pane (fixture), "cases.set-notes", "s", "Call the clerk.");
  after = cb_store_get_case (fixture->store, helena_id, NULL);
  g_assert_cmpstr (cb_case_file_get_notes (after), ==, "Call the clerk.");
  g_clear_object (&after);

  /* Merge Helena's case into Bruno's: the events move. */
  helena_events = cb_store_list_events (fixture->store, helena_id, NULL);
  bruno_events = cb_store_list_events (fixture->store, bruno_id, NULL);
  activate (pane (fixture), "cases.merge-into-case", "x", bruno_id);
  g_assert_null (listed (fixture, "Helena Voss Marchetti"));
  merged = cb_store_list_events (fixture->store, bruno_id, NULL);
  g_assert_cmpuint (merged->len, ==, helena_events->len + bruno_events->len);
  g_assert_cmpint (cb_selection_get_case_id (cb_window_get_selection (fixture->window)), ==, bruno_id);

  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_nonnull (listed (fixture, "Helena Voss Marchetti"));
  g_object_unref (listed (fixture, "Helena Voss Marchetti"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/case-editing/create-rename-delete-undo", Fixture, NULL,
              fixture_setup, test_create_rename_delete_undo, fixture_teardown);
  g_test_add ("/case-editing/new-case-dialog", Fixture, NULL,
              fixture_setup, test_new_case_dialog, fixture_teardown);
  g_test_add ("/case-editing/status-notes-merge", Fixture, NULL,
              fixture_setup, test_status_notes_merge, fixture_teardown);

  return g_test_run ();
}
