/* test-edit-ui.c — the edit dialogs and actions: an event's date and
 * description, an article's date, people's names; each undoable (under Xvfb)
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "cb-article-date-dialog.h"
#include "cb-event-dialog.h"
#include "cb-importer.h"
#include "cb-people-dialog.h"
#include "cb-person-record.h"
#include "cb-store.h"
#include "cb-window.h"
#include "cb-test-display.h"
#include "cb-test-support.h"
#include "cb-window-edit.h"

/* Invented articles; the second has no date, so "last week" waits for one. */
static const char article_a[] =
  "Title: Councillor convicted\nDate: 2016-02-10\n\n"
  "Helena Voss Marchetti was convicted of bribery in 2012. "
  "Marchetti appealed the verdict in March 2014.\n";
static const char article_b[] =
  "Title: Undated pardon\n\n"
  "Bruno Kastellan was pardoned last week, his lawyer said. "
  "Kastellan had been convicted of fraud in 2009.\n";

typedef struct
{
  char     *dir;
  CbStore  *store;
  CbWindow *window;
  gint64    undated_id;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbImporter) importer = NULL;
  g_autofree char *db = NULL;
  const char *texts[] = { article_a, article_b };

  fixture->dir = g_dir_make_tmp ("casebook-edit-ui-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = cb_store_open (db, &error);
  g_assert_no_error (error);

  importer = cb_importer_new (fixture->store);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(CbImportResult) result = cb_importer_import_text (importer, texts[i], "test");
      g_assert_cmpint (result->outcome, ==, CB_IMPORT_IMPORTED);
      if (i == 1)
        fixture->undated_id = result->article_id;
    }
  g_assert_cmpint (fixture->undated_id, !=, 0);

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

static void
activate (CbWindow   *window,
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
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), name, param));
  cb_test_drain ();
}

/* The stored event @id (a new reference), or NULL. */
static CbEvent *
stored_event (Fixture *fixture,
              gint64   id)
{
  g_autoptr(GPtrArray) events = cb_store_list_events (fixture->store, 0, NULL);

  for (guint i = 0; i < events->len; i++)
    if (cb_event_get_id (g_ptr_array_index (events, i)) == id)
      return g_object_ref (g_ptr_array_index (events, i));
  return NULL;
}

/* The event the timeline lists with @id, or NULL. */
static CbEvent *
listed_event (Fixture *fixture,
              gint64   id)
{
  GListModel *model = cb_timeline_pane_get_model (cb_window_get_timeline_pane (fixture->window));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CbEvent) event = g_list_model_get_item (model, i);

      if (cb_event_get_id (event) == id)
        return g_steal_pointer (&event);
    }
  return NULL;
}

/* The first stored event whose date was written as @date_text. */
static CbEvent *
event_written (Fixture    *fixture,
               const char *date_text)
{
  g_autoptr(GPtrArray) events = cb_store_list_events (fixture->store, 0, NULL);

  for (guint i = 0; i < events->len; i++)
    if (g_strcmp0 (cb_event_get_date_text (g_ptr_array_index (events, i)), date_text) == 0)
      return g_object_ref (g_ptr_array_index (events, i));
  return NULL;
}

static guint32
julian (int year, int month, int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static gboolean
save_sensitive (GtkDialog *dialog)
{
  return gtk_widget_get_sensitive (gtk_dialog_get_widget_for_response (dialog, GTK_RESPONSE_ACCEPT));
}

/* Whether a label in @widget's tree reads @text (the status bar). */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

/* --- events ------------------------------------------------------------------ */

static void
test_edit_event_dialog (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CbEvent) before = event_written (fixture, "in 2012");
  g_autoptr(CbEvent) after = NULL;
  g_autoptr(CbEvent) shown = NULL;
  g_autoptr(CbEvent) undone = NULL;
  g_autofree char *label = NULL;
  g_autofree char *old_description = NULL;
  CbFuzzyDate old_date = { 0, };
  CbEventDialog *dialog;
  gint64 id;

  if (before == NULL)
    before = event_written (fixture, "2012");
  g_assert_nonnull (before);
  id = cb_event_get_id (before);
  old_description = g_strdup (cb_event_get_description (before));
  cb_fuzzy_date_copy (cb_event_get_date (before), &old_date);
  g_assert_cmpint (old_date.precision, ==, CB_PRECISION_YEAR);

  /* The timeline lists it; F2's action opens the dialog on it. */
  cb_selection_select_case (cb_window_get_selection (fixture->window), cb_event_get_case_id (before));
  cb_test_drain ();
  activate (fixture->window, "win.select-event", "x", id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cb_window_get_timeline_pane (fixture->window)),
                                             "events.edit", NULL));
  cb_test_drain ();
  dialog = CB_EVENT_DIALOG (_cb_window_edit_get_dialog (GTK_WIDGET (fixture->window)));
  g_assert_nonnull (dialog);
  g_assert_cmpint (cb_event_dialog_get_event_id (dialog), ==, id);
  /* Opened as it is: valid, nothing changed. */
  g_assert_null (cb_event_dialog_get_problem (dialog));
  g_assert_true (save_sensitive (GTK_DIALOG (dialog)));
  g_assert_false (cb_event_dialog_get_date_changed (dialog));

  /* A period ending before it starts, a day not in its month: no Save. */
  cb_event_dialog_set_fields (dialog, CB_QUALIFIER_BETWEEN, CB_PRECISION_YEAR, 2011, 1, 1, 2010, 1, 1);
  g_assert_nonnull (cb_event_dialog_get_problem (dialog));
  g_assert_false (save_sensitive (GTK_DIALOG (dialog)));
  cb_event_dialog_set_fields (dialog, CB_QUALIFIER_ON, CB_PRECISION_DAY, 2011, 2, 30, 2011, 2, 30);
  g_assert_nonnull (cb_event_dialog_get_problem (dialog));
  g_assert_false (save_sensitive (GTK_DIALOG (dialog)));

  /* Between 2010 and 2011, and new words. */
  cb_event_dialog_set_fields (dialog, CB_QUALIFIER_BETWEEN, CB_PRECISION_YEAR, 2010, 1, 1, 2011, 1, 1);
  g_assert_null (cb_event_dialog_get_problem (dialog));
  g_assert_true (save_sensitive (GTK_DIALOG (dialog)));
  g_assert_true (cb_event_dialog_get_date_changed (dialog));
  cb_event_dialog_set_description (dialog, "Convicted, as edited by hand");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  cb_test_drain ();
  g_assert_null (_cb_window_edit_get_dialog (GTK_WIDGET (fixture->window)));

  /* In the store ... */
  after = stored_event (fixture, id);
  g_assert_nonnull (after);
  g_assert_cmpstr (cb_event_get_description (after), ==, "Convicted, as edited by hand");
  g_assert_cmpint (cb_event_get_date (after)->qualifier, ==, CB_QUALIFIER_BETWEEN);
  g_assert_cmpint (cb_event_get_date (after)->precision, ==, CB_PRECISION_YEAR);
  g_assert_cmpuint (cb_event_get_date (after)->earliest, ==, julian (2010, 1, 1));
  g_assert_cmpuint (cb_event_get_date (after)->latest, ==, julian (2011, 12, 31));
  /* ... and on the timeline. */
  shown = listed_event (fixture, id);
  g_assert_nonnull (shown);
  g_assert_cmpint (cb_event_get_date (shown)->qualifier, ==, CB_QUALIFIER_BETWEEN);
  g_assert_cmpuint (cb_event_get_date (shown)->latest, ==, julian (2011, 12, 31));
  g_assert_cmpstr (cb_event_get_description (shown), ==, "Convicted, as edited by hand");

  /* One step for the dialog: one undo takes back the date and the words. */
  g_assert_true (cb_store_can_undo (fixture->store, &label));
  g_assert_cmpstr (label, ==, "Edit Event");
  g_clear_pointer (&label, g_free);
  activate (fixture->window, "win.undo", NULL);
  undone = stored_event (fixture, id);
  g_assert_cmpint (cb_event_get_date (undone)->qualifier, ==, old_date.qualifier);
  g_assert_cmpint (cb_event_get_date (undone)->precision, ==, old_date.precision);
  g_assert_cmpuint (cb_event_get_date (undone)->earliest, ==, old_date.earliest);
  g_assert_cmpuint (cb_event_get_date (undone)->latest, ==, old_date.latest);
  g_assert_cmpstr (cb_event_get_description (undone), ==, old_description);
  g_clear_object (&shown);
  shown = listed_event (fixture, id);
  g_assert_cmpuint (cb_event_get_date (shown)->latest, ==, old_date.latest);

  /* Cancel changes nothing. */
  activate (fixture->window, "win.edit-event", "x", id);
  dialog = CB_EVENT_DIALOG (_cb_window_edit_get_dialog (GTK_WIDGET (fixture->window)));
  cb_event_dialog_set_fields (dialog, CB_QUALIFIER_AFTER, CB_PRECISION_DECADE, 1990, 1, 1, 1990, 1, 1);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  cb_test_drain ();
  g_assert_true (cb_store_can_redo (fixture->store, &label));
  g_clear_object (&undone);
  undone = stored_event (fixture, id);
  g_assert_cmpuint (cb_event_get_date (undone)->earliest, ==, old_date.earliest);
  cb_fuzzy_date_clear (&old_date);
}

static void
test_event_actions (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CbEvent) event = event_written (fixture, "in March 2014");
  g_autoptr(CbEvent) moved = NULL;
  g_autoptr(CbEvent) back = NULL;
  g_autoptr(CbEvent) dated = NULL;
  gint64 id, case_id;

  if (event == NULL)
    event = event_written (fixture, "March 2014");
  g_assert_nonnull (event);
  id = cb_event_get_id (event);
  case_id = cb_event_get_case_id (event);
  g_assert_cmpint (case_id, !=, 0);

  /* Out of its case, and back with undo. */
  activate (fixture->window, "win.move-event", "(xx)", id, (gint64) 0);
  moved = stored_event (fixture, id);
  g_assert_cmpint (cb_event_get_case_id (moved), ==, 0);
  activate (fixture->window, "win.undo", NULL);
  back = stored_event (fixture, id);
  g_assert_cmpint (cb_event_get_case_id (back), ==, case_id);

  /* A date through the action alone: "around 30 May 2013". */
  activate (fixture->window, "win.set-event-date", "(xiiuu)", id, (gint32) CB_QUALIFIER_AROUND,
            (gint32) CB_PRECISION_DAY, julian (2013, 5, 30), julian (2013, 5, 30));
  dated = stored_event (fixture, id);
  g_assert_cmpint (cb_event_get_date (dated)->qualifier, ==, CB_QUALIFIER_AROUND);
  g_assert_cmpuint (cb_event_get_date (dated)->earliest, ==, julian (2013, 5, 30));
  g_assert_true (shows_text (GTK_WIDGET (fixture->window), "Event date changed"));

  /* Bad input: a message, nothing stored. */
  activate (fixture->window, "win.set-event-description", "(xs)", id, "   ");
  g_clear_object (&dated);
  dated = stored_event (fixture, id);
  g_assert_cmpstr (cb_event_get_description (dated), ==, cb_event_get_description (event));
}

/* --- article dates ------------------------------------------------------------ */

static void
test_article_date (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CbEvent) before = event_written (fixture, "last week");
  g_autoptr(CbEvent) resolved = NULL;
  g_autoptr(CbEvent) undone = NULL;
  g_autoptr(CbArticle) article = NULL;
  CbArticleDateDialog *dialog;

  g_assert_nonnull (before);
  g_assert_null (cb_event_get_date (before)->value);

  activate (fixture->window, "win.select-article", "x", fixture->undated_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cb_window_get_article_pane (fixture->window)),
                                             "article.set-date", NULL));
  cb_test_drain ();
  dialog = CB_ARTICLE_DATE_DIALOG (_cb_window_edit_get_dialog (GTK_WIDGET (fixture->window)));
  g_assert_nonnull (dialog);
  g_assert_cmpint (cb_article_date_dialog_get_article_id (dialog), ==, fixture->undated_id);

  /* 30 February: no. */
  cb_article_date_dialog_set_fields (dialog, 2020, 2, 30);
  g_assert_false (save_sensitive (GTK_DIALOG (dialog)));
  cb_article_date_dialog_set_fields (dialog, 2020, 6, 10);
  g_assert_true (save_sensitive (GTK_DIALOG (dialog)));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  cb_test_drain ();

  article = cb_store_get_article (fixture->store, fixture->undated_id, NULL);
  g_assert_cmpstr (cb_article_get_published (article), ==, "2020-06-10");
  resolved = event_written (fixture, "last week");
  g_assert_cmpstr (cb_event_get_date (resolved)->value, ==, "2020-W23");
  g_assert_true (shows_text (GTK_WIDGET (fixture->window), "Article date set: 1 relative date resolved"));

  activate (fixture->window, "win.undo", NULL);
  undone = event_written (fixture, "last week");
  g_assert_null (cb_event_get_date (undone)->value);

  /* Not a date: a message, nothing changed. */
  activate (fixture->window, "win.set-article-date", "(xs)", fixture->undated_id, "2020-13-45");
  g_clear_object (&undone);
  undone = event_written (fixture, "last week");
  g_assert_null (cb_event_get_date (undone)->value);
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

/* The stored person @id, or NULL. */
static CbPersonRecord *
stored_person (Fixture *fixture,
               gint64   id)
{
  g_autoptr(GPtrArray) persons = cb_store_list_persons (fixture->store, NULL);

  for (guint i = 0; i < persons->len; i++)
    if (cb_person_record_get_id (g_ptr_array_index (persons, i)) == id)
      return g_object_ref (g_ptr_array_index (persons, i));
  return NULL;
}

static gint64
person_named (Fixture    *fixture,
              const char *name)
{
  g_autoptr(GPtrArray) persons = cb_store_list_persons (fixture->store, NULL);

  for (guint i = 0; i < persons->len; i++)
    if (g_strcmp0 (cb_person_record_get_name (g_ptr_array_index (persons, i)), name) == 0)
      return cb_person_record_get_id (g_ptr_array_index (persons, i));
  return 0;
}

static gboolean
has_alias (CbPersonRecord *person,
           const char     *alias)
{
  const char * const *aliases = cb_person_record_get_aliases (person);

  return aliases != NULL && g_strv_contains (aliases, alias);
}

static void
test_people_names (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CbPersonRecord) person = NULL;
  g_autoptr(GPtrArray) persons = cb_store_list_persons (fixture->store, NULL);
  CbPeopleDialog *dialog;
  gint64 id = person_named (fixture, "Bruno Kastellan");
  gint64 split_id;
  guint n_persons;

  g_assert_cmpint (id, !=, 0);
  activate (fixture->window, "win.review-people", NULL);
  dialog = find_people_dialog ();
  g_assert_nonnull (dialog);
  n_persons = cb_people_dialog_get_n_persons (dialog);
  g_assert_cmpuint (n_persons, ==, persons->len);
  cb_people_dialog_show_everyone (dialog, id);
  g_assert_cmpint (cb_people_dialog_get_person_id (dialog), ==, id);

  /* Rename: the old name stays an alias; the dialog still shows them. */
  activate (fixture->window, "win.rename-person", "(xs)", id, "Bruno K. Kastellan");
  person = stored_person (fixture, id);
  g_assert_cmpstr (cb_person_record_get_name (person), ==, "Bruno K. Kastellan");
  g_assert_true (has_alias (person, "Bruno Kastellan"));
  g_assert_cmpint (cb_people_dialog_get_person_id (dialog), ==, id);

  /* Add a name, remove it. */
  activate (fixture->window, "win.add-alias", "(xs)", id, "B. Kastellan");
  g_clear_object (&person);
  person = stored_person (fixture, id);
  g_assert_true (has_alias (person, "B. Kastellan"));
  activate (fixture->window, "win.remove-alias", "(xs)", id, "B. Kastellan");
  g_clear_object (&person);
  person = stored_person (fixture, id);
  g_assert_false (has_alias (person, "B. Kastellan"));

  /* Split off the old name: a person of its own, one more in the dialog. */
  activate (fixture->window, "win.split-person", "(xs)", id, "Bruno Kastellan");
  split_id = person_named (fixture, "Bruno Kastellan");
  g_assert_cmpint (split_id, !=, 0);
  g_assert_cmpint (split_id, !=, id);
  g_clear_object (&person);
  person = stored_person (fixture, id);
  g_assert_false (has_alias (person, "Bruno Kastellan"));
  g_assert_cmpuint (cb_people_dialog_get_n_persons (dialog), ==, n_persons + 1);

  /* Undo the split: one person again, in the dialog too. */
  activate (fixture->window, "win.undo", NULL);
  g_assert_cmpint (person_named (fixture, "Bruno Kastellan"), ==, 0);
  g_assert_cmpuint (cb_people_dialog_get_n_persons (dialog), ==, n_persons);

  /* The own name is no alias to remove: a message, nothing changed. */
  activate (fixture->window, "win.remove-alias", "(xs)", id, "Bruno K. Kastellan");
  g_clear_object (&person);
  person = stored_person (fixture, id);
  g_assert_cmpstr (cb_person_record_get_name (person), ==, "Bruno K. Kastellan");

  gtk_window_destroy (GTK_WINDOW (dialog));
  cb_test_drain ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/edit-ui/event-dialog", Fixture, NULL, fixture_setup, test_edit_event_dialog, fixture_teardown);
  g_test_add ("/edit-ui/event-actions", Fixture, NULL, fixture_setup, test_event_actions, fixture_teardown);
  g_test_add ("/edit-ui/article-date", Fixture, NULL, fixture_setup, test_article_date, fixture_teardown);
  g_test_add ("/edit-ui/people-names", Fixture, NULL, fixture_setup, test_people_names, fixture_teardown);

  return g_test_run ();
}
