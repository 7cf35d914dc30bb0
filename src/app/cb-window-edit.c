/* cb-window-edit.c — the window's edit actions: events, article dates,
 * people
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-article-date-dialog.h"
#include "cb-event-dialog.h"
#include "cb-window.h"
#include "cb-window-edit.h"

#define EDIT_DIALOG_KEY "cb-edit-dialog"

/* The stored event @event_id (0: the selected one), not rejected, or NULL. */
static CbEvent *
find_event (CbWindow *self,
            gint64    event_id)
{
  if (event_id == 0)
    event_id = cb_selection_get_event_id (cb_window_get_selection (self));
  if (event_id == 0)
    return NULL;

  return cb_store_get_event (cb_window_get_store (self), event_id, NULL);
}

/* One dialog at a time: a new one replaces the one open. */
static void
edit_dialog_destroy_cb (CbWindow  *self,
                        GtkWidget *dialog)
{
  if (g_object_get_data (G_OBJECT (self), EDIT_DIALOG_KEY) == dialog)
    g_object_set_data (G_OBJECT (self), EDIT_DIALOG_KEY, NULL);
}

static void
show_dialog (CbWindow  *self,
             GtkWidget *dialog,
             GCallback  response_cb)
{
  GtkWidget *open = g_object_get_data (G_OBJECT (self), EDIT_DIALOG_KEY);

  if (open != NULL)
    gtk_window_destroy (GTK_WINDOW (open));
  g_object_set_data (G_OBJECT (self), EDIT_DIALOG_KEY, dialog);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (edit_dialog_destroy_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", response_cb, self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- events ------------------------------------------------------------------ */

/* A qualifier and a precision from an action's parameter, checked. */
static gboolean
set_date_kind (CbWindow    *self,
               CbFuzzyDate *date,
               gint32       qualifier,
               gint32       precision)
{
  if (qualifier < CB_QUALIFIER_ON || qualifier > CB_QUALIFIER_BETWEEN ||
      precision < CB_PRECISION_NONE || precision > CB_PRECISION_DECADE)
    {
      cb_window_show_message (self, _("Could not change the date: not a known kind of date"));
      return FALSE;
    }
  date->qualifier = qualifier;
  date->precision = precision;
  return TRUE;
}

static void
set_event_date_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  CbFuzzyDate date = { 0, };
  gint64 event_id;
  gint32 qualifier, precision;

  g_variant_get (param, "(xiiuu)", &event_id, &qualifier, &precision, &date.earliest, &date.latest);
  if (!set_date_kind (self, &date, qualifier, precision))
    return;

  if (!cb_store_set_event_date (cb_window_get_store (self), event_id, &date, &error))
    cb_window_show_error (self, _("Could not change the date"), error);
  else
    cb_window_show_message (self, _("Event date changed"));
}

static void
set_event_description_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *description;
  gint64 event_id;

  g_variant_get (param, "(x&s)", &event_id, &description);
  if (!cb_store_set_event_description (cb_window_get_store (self), event_id, description, &error))
    cb_window_show_error (self, _("Could not change the description"), error);
  else
    cb_window_show_message (self, _("Event description changed"));
}

static void
change_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  CbFuzzyDate date = { 0, };
  const char *description;
  gint64 event_id;
  gint32 qualifier, precision;

  g_variant_get (param, "(x&siiuu)", &event_id, &description, &qualifier, &precision,
                 &date.earliest, &date.latest);
  if (!set_date_kind (self, &date, qualifier, precision))
    return;

  if (!cb_store_edit_event (cb_window_get_store (self), event_id, description, &date, &error))
    cb_window_show_error (self, _("Could not change the event"), error);
  else
    cb_window_show_message (self, _("Event changed"));
}

static void
event_dialog_response_cb (CbWindow      *self,
                          int            response,
                          CbEventDialog *dialog)
{
  gint64 event_id = cb_event_dialog_get_event_id (dialog);
  g_autofree char *description = cb_event_dialog_dup_description (dialog);
  g_autoptr(CbEvent) event = NULL;
  CbFuzzyDate date;
  gboolean date_changed = cb_event_dialog_get_date_changed (dialog);
  gboolean valid = cb_event_dialog_get_date (dialog, &date);
  gboolean description_changed;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response != GTK_RESPONSE_ACCEPT || !valid)
    return;

  /* Only what changed, and one step in the history however much did. */
  event = find_event (self, event_id);
  g_strstrip (description);
  description_changed = event != NULL
                        && g_strcmp0 (description, cb_event_get_description (event)) != 0;
  if (description_changed && date_changed)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.change-event", "(xsiiuu)", event_id,
                                description, (gint32) date.qualifier, (gint32) date.precision,
                                date.earliest, date.latest);
  else if (description_changed)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.set-event-description", "(xs)",
                                event_id, description);
  else if (date_changed)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.set-event-date", "(xiiuu)", event_id,
                                (gint32) date.qualifier, (gint32) date.precision,
                                date.earliest, date.latest);
}

static void
edit_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);
  g_autoptr(CbEvent) event = find_event (self, g_variant_get_int64 (param));

  if (event == NULL)
    {
      cb_window_show_message (self, _("Select an event on the timeline to edit it"));
      return;
    }
  show_dialog (self, GTK_WIDGET (cb_event_dialog_new (GTK_WINDOW (self), event)),
               G_CALLBACK (event_dialog_response_cb));
}

static void
move_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 event_id, case_id;

  g_variant_get (param, "(xx)", &event_id, &case_id);
  if (!cb_store_move_event (cb_window_get_store (self), event_id, case_id, &error))
    cb_window_show_error (self, _("Could not move the event"), error);
  else
    cb_window_show_message (self, case_id != 0 ? _("Event moved to the case file")
                                               : _("Event taken out of its case file"));
}

static void
move_dialog_response_cb (CbWindow  *self,
                         int        response,
                         GtkDialog *dialog)
{
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "cb-case-ids");
  GtkDropDown *choices = g_object_get_data (G_OBJECT (dialog), "cb-choices");
  gint64 *event_id = g_object_get_data (G_OBJECT (dialog), "cb-event-id");
  guint selected = gtk_drop_down_get_selected (choices);
  gint64 event = *event_id;
  gint64 case_id;

  if (response != GTK_RESPONSE_ACCEPT || selected >= ids->len)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  case_id = g_array_index (ids, gint64, selected);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.move-event", "(xx)", event, case_id);
}

static void
move_event_to_case_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);
  g_autoptr(CbEvent) event = find_event (self, g_variant_get_int64 (param));
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkWidget *dialog, *box, *label, *choices;
  gint64 none = 0, event_id;
  guint current = 0;

  if (event == NULL)
    {
      g_array_unref (ids);
      cb_window_show_message (self, _("Select an event on the timeline to move it"));
      return;
    }
  cases = cb_store_list_case_choices (cb_window_get_store (self), &error);
  if (cases == NULL)
    g_warning ("Could not list the case files: %s", error->message);

  gtk_string_list_append (strings, _("No case file"));
  g_array_append_val (ids, none);
  for (guint i = 0; cases != NULL && i < cases->len; i++)
    {
      CbCaseFile *item = g_ptr_array_index (cases, i);
      gint64 id = cb_case_file_get_id (item);

      if (id == cb_event_get_case_id (event))
        current = ids->len;
      gtk_string_list_append (strings, cb_case_file_get_title (item));
      g_array_append_val (ids, id);
    }

  dialog = g_object_new (GTK_TYPE_DIALOG, "use-header-bar", TRUE, "modal", TRUE,
                         "transient-for", self, "destroy-with-parent", TRUE,
                         "resizable", FALSE, "title", _("Move Event"), NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  choices = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&strings)), NULL);
  gtk_drop_down_set_expression (GTK_DROP_DOWN (choices),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (choices), TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (choices), current);
  label = gtk_label_new_with_mnemonic (_("_Case file"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), choices);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), choices);
  gtk_box_append (GTK_BOX (gtk_dialog_get_content_area (GTK_DIALOG (dialog))), box);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_widget_add_css_class (gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Move"), GTK_RESPONSE_ACCEPT),
                            "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);

  event_id = cb_event_get_id (event);
  g_object_set_data_full (G_OBJECT (dialog), "cb-case-ids", ids, (GDestroyNotify) g_array_unref);
  g_object_set_data (G_OBJECT (dialog), "cb-choices", choices);
  g_object_set_data_full (G_OBJECT (dialog), "cb-event-id", g_memdup2 (&event_id, sizeof event_id), g_free);
  gtk_widget_grab_focus (choices);
  show_dialog (self, dialog, G_CALLBACK (move_dialog_response_cb));
}

/* --- article dates ------------------------------------------------------------ */

/* The article's events (as first source) whose date is still unresolved,
 * and those dated from the article's date or the text around them. */
static void
count_relative (CbWindow *self,
                gint64    article_id,
                guint    *unresolved,
                guint    *relative)
{
  g_autoptr(GPtrArray) events = cb_store_list_article_events (cb_window_get_store (self), article_id, NULL);

  *unresolved = *relative = 0;
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      CbEvent *event = g_ptr_array_index (events, i);
      const CbFuzzyDate *date = cb_event_get_date (event);

      if (date == NULL)
        continue;
      if (date->anchor == CB_ANCHOR_UNRESOLVED)
        *unresolved += 1;
      else if (date->anchor == CB_ANCHOR_ARTICLE || date->anchor == CB_ANCHOR_NARRATIVE)
        *relative += 1;
    }
}

static void
set_article_date_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *text;
  gint64 article_id;
  guint unresolved_before, unresolved_after, relative_before, relative_after;
  GDate date;

  g_variant_get (param, "(x&s)", &article_id, &text);
  g_date_clear (&date, 1);
  if (*text != '\0')
    {
      int y, m, d;

      if (sscanf (text, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
        {
          cb_window_show_message (self, _("Could not set the article’s date: not a date"));
          return;
        }
      g_date_set_dmy (&date, d, m, y);
    }

  count_relative (self, article_id, &unresolved_before, &relative_before);
  if (!cb_store_set_article_date (cb_window_get_store (self), article_id,
                                  g_date_valid (&date) ? &date : NULL, &error))
    {
      cb_window_show_error (self, _("Could not set the article’s date"), error);
      return;
    }
  count_relative (self, article_id, &unresolved_after, &relative_after);

  if (!g_date_valid (&date))
    message = g_strdup (_("Article date cleared"));
  else if (unresolved_before > unresolved_after)
    message = g_strdup_printf (ngettext ("Article date set: %u relative date resolved",
                                         "Article date set: %u relative dates resolved",
                                         unresolved_before - unresolved_after),
                               unresolved_before - unresolved_after);
  else if (relative_after > 0)
    message = g_strdup_printf (ngettext ("Article date set: %u relative date read again",
                                         "Article date set: %u relative dates read again",
                                         relative_after),
                               relative_after);
  else
    message = g_strdup (_("Article date set"));
  cb_window_show_message (self, message);
}

static void
article_date_response_cb (CbWindow            *self,
                          int                  response,
                          CbArticleDateDialog *dialog)
{
  gint64 article_id = cb_article_date_dialog_get_article_id (dialog);
  char text[16];
  GDate date;
  gboolean valid = cb_article_date_dialog_get_date (dialog, &date);

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response != GTK_RESPONSE_ACCEPT || !valid)
    return;

  g_snprintf (text, sizeof text, "%04d-%02d-%02d", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-article-date", "(xs)", article_id, text);
}

static void
edit_article_date_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);
  gint64 article_id = g_variant_get_int64 (param);
  g_autoptr(CbArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  if (article_id == 0)
    article_id = cb_selection_get_article_id (cb_window_get_selection (self));
  if (article_id == 0)
    {
      cb_window_show_message (self, _("Open an article to set its date"));
      return;
    }
  article = cb_store_get_article (cb_window_get_store (self), article_id, &error);
  if (article == NULL)
    {
      cb_window_show_error (self, _("Could not open the article"), error);
      return;
    }

  g_date_clear (&date, 1);
  if (cb_article_get_published (article) != NULL)
    cb_parse_calendar_date (cb_article_get_published (article), &date);
  show_dialog (self,
               GTK_WIDGET (cb_article_date_dialog_new (GTK_WINDOW (self), article_id,
                                                       cb_article_get_title (article), &date)),
               G_CALLBACK (article_date_response_cb));
}

/* --- people ------------------------------------------------------------------------ */

static void
person_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);
  CbStore *store = cb_window_get_store (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gint64 person_id;
  gboolean ok;

  g_variant_get (param, "(xs)", &person_id, &name);
  g_strstrip (name);

  if (g_str_equal (action_name, "win.rename-person"))
    {
      ok = cb_store_rename_person (store, person_id, name, &error);
      /* Translators: %s is a person's new name */
      message = ok ? g_strdup_printf (_("Renamed to “%s”: the old name stays one of their names"), name)
                   : g_strdup (_("Could not rename the person"));
    }
  else if (g_str_equal (action_name, "win.add-alias"))
    {
      ok = cb_store_add_alias (store, person_id, name, &error);
      /* Translators: %s is a name */
      message = ok ? g_strdup_printf (_("“%s” added to their names"), name)
                   : g_strdup (_("Could not add the name"));
    }
  else if (g_str_equal (action_name, "win.remove-alias"))
    {
      ok = cb_store_remove_alias (store, person_id, name, &error);
      /* Translators: %s is a name */
      message = ok ? g_strdup_printf (_("“%s” removed from their names"), name)
                   : g_strdup (_("Could not remove the name"));
    }
  else
    {
      ok = cb_store_split_person (store, person_id, name, &error) != 0;
      /* Translators: %s is a name */
      message = ok ? g_strdup_printf (_("“%s” is a person of their own now"), name)
                   : g_strdup (_("Could not split off the name"));
    }

  if (!ok)
    cb_window_show_error (self, message, error);
  else
    cb_window_show_message (self, message);
}

void
_cb_window_edit_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.edit-event", "x", edit_event_action);
  gtk_widget_class_install_action (widget_class, "win.change-event", "(xsiiuu)", change_event_action);
  gtk_widget_class_install_action (widget_class, "win.set-event-date", "(xiiuu)", set_event_date_action);
  gtk_widget_class_install_action (widget_class, "win.set-event-description", "(xs)",
                                   set_event_description_action);
  gtk_widget_class_install_action (widget_class, "win.move-event", "(xx)", move_event_action);
  gtk_widget_class_install_action (widget_class, "win.move-event-to-case", "x", move_event_to_case_action);
  gtk_widget_class_install_action (widget_class, "win.edit-article-date", "x", edit_article_date_action);
  gtk_widget_class_install_action (widget_class, "win.set-article-date", "(xs)", set_article_date_action);
  gtk_widget_class_install_action (widget_class, "win.rename-person", "(xs)", person_action);
  gtk_widget_class_install_action (widget_class, "win.add-alias", "(xs)", person_action);
  gtk_widget_class_install_action (widget_class, "win.remove-alias", "(xs)", person_action);
  gtk_widget_class_install_action (widget_class, "win.split-person", "(xs)", person_action);
}

GtkWindow *
_cb_window_edit_get_dialog (GtkWidget *window)
{
  return g_object_get_data (G_OBJECT (window), EDIT_DIALOG_KEY);
}
