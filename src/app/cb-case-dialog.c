/* cb-case-dialog.c — the small dialogs of the case files pane
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-case-dialog.h"
#include "cb-case-file.h"
#include "cb-person-record.h"

struct _CbCaseDialog
{
  GtkDialog         parent_instance;

  CbCaseDialogMode  mode;
  GArray           *choice_ids;     /* gint64, parallel to the drop-down's strings */

  GtkWidget        *entry;          /* NEW, RENAME */
  GtkTextBuffer    *notes;          /* NOTES */
  GtkDropDown      *choices;        /* NEW, MERGE */
};

G_DEFINE_FINAL_TYPE (CbCaseDialog, cb_case_dialog, GTK_TYPE_DIALOG)

static void
update_accept (CbCaseDialog *self)
{
  gboolean usable = TRUE;

  if (self->entry != NULL)
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
      usable = *text != '\0';
    }
  if (self->mode == CB_CASE_DIALOG_MERGE)
    usable = cb_case_dialog_get_choice (self) != 0;

  gtk_dialog_set_response_sensitive (GTK_DIALOG (self), GTK_RESPONSE_ACCEPT, usable);
}

static GtkWidget *
add_label (GtkBox     *box,
           const char *text,
           GtkWidget  *mnemonic_widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  if (mnemonic_widget != NULL)
    {
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic_widget);
      gtk_widget_add_css_class (label, "heading");
    }
  else
    gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (box, label);
  return label;
}

static void
fill_choices (CbCaseDialog *self,
              GPtrArray    *choices)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  gint64 none = 0;

  if (self->mode == CB_CASE_DIALOG_NEW)
    {
      gtk_string_list_append (strings, _("No one"));
      g_array_append_val (self->choice_ids, none);
    }
  for (guint i = 0; choices != NULL && i < choices->len; i++)
    {
      GObject *choice = g_ptr_array_index (choices, i);
      gint64 id;

      if (CB_IS_PERSON_RECORD (choice))
        {
          id = cb_person_record_get_id (CB_PERSON_RECORD (choice));
          gtk_string_list_append (strings, cb_person_record_get_name (CB_PERSON_RECORD (choice)));
        }
      else
        {
          id = cb_case_file_get_id (CB_CASE_FILE (choice));
          gtk_string_list_append (strings, cb_case_file_get_title (CB_CASE_FILE (choice)));
        }
      g_array_append_val (self->choice_ids, id);
    }

  self->choices = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&strings)), NULL));
  gtk_drop_down_set_expression (self->choices,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_enable_search (self->choices, TRUE);
  g_signal_connect_object (self->choices, "notify::selected",
                           G_CALLBACK (update_accept), self, G_CONNECT_SWAPPED);
}

static void
build (CbCaseDialog *self,
       const char   *case_title)
{
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  GtkWidget *content = gtk_dialog_get_content_area (GTK_DIALOG (self));
  const char *accept = NULL;
  g_autofree char *about = NULL;

  gtk_widget_set_margin_top (GTK_WIDGET (box), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (box), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (box), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (box), 18);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (box));

  switch (self->mode)
    {
    case CB_CASE_DIALOG_NEW:
      gtk_window_set_title (GTK_WINDOW (self), _("New Case File"));
      accept = _("C_reate");
      self->entry = gtk_entry_new ();
      add_label (box, _("_Title"), self->entry);
      gtk_box_append (box, self->entry);
      {
        GtkWidget *label;

        label = add_label (box, _("_Subject"), GTK_WIDGET (self->choices));
        gtk_widget_set_margin_top (label, 12);
        gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->choices));
        gtk_box_append (box, GTK_WIDGET (self->choices));
        add_label (box, _("The person the case is about: their events not in a case yet are filed in it."),
                   NULL);
      }
      break;

    case CB_CASE_DIALOG_RENAME:
      gtk_window_set_title (GTK_WINDOW (self), _("Rename Case File"));
      accept = _("_Rename");
      self->entry = gtk_entry_new ();
      add_label (box, _("_Title"), self->entry);
      gtk_box_append (box, self->entry);
      gtk_editable_set_text (GTK_EDITABLE (self->entry), case_title != NULL ? case_title : "");
      break;

    case CB_CASE_DIALOG_NOTES:
      {
        GtkWidget *scrolled = gtk_scrolled_window_new ();
        GtkWidget *view = gtk_text_view_new ();

        /* Translators: %s is the title of a case file */
        about = g_strdup_printf (_("Notes on “%s”"), case_title != NULL ? case_title : "");
        gtk_window_set_title (GTK_WINDOW (self), _("Case Notes"));
        accept = _("_Save");
        add_label (box, about, view);
        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
        self->notes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
        gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
        gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
        gtk_widget_set_size_request (scrolled, 420, 220);
        gtk_widget_set_vexpand (scrolled, TRUE);
        gtk_box_append (box, scrolled);
      }
      break;

    case CB_CASE_DIALOG_MERGE:
    default:
      gtk_window_set_title (GTK_WINDOW (self), _("Merge Case Files"));
      accept = _("_Merge");
      add_label (box, _("_Merge into"), GTK_WIDGET (self->choices));
      gtk_box_append (box, GTK_WIDGET (self->choices));
      /* Translators: %s is the title of a case file */
      about = g_strdup_printf (_("The events of “%s” move to the case file chosen, with their "
                                 "excerpts and notes; then “%s” is deleted. This can be undone."),
                               case_title != NULL ? case_title : "",
                               case_title != NULL ? case_title : "");
      add_label (box, about, NULL);
      break;
    }

  gtk_dialog_add_button (GTK_DIALOG (self), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_widget_add_css_class (gtk_dialog_add_button (GTK_DIALOG (self), accept, GTK_RESPONSE_ACCEPT),
                            self->mode == CB_CASE_DIALOG_MERGE ? "destructive-action"
                                                               : "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (self), GTK_RESPONSE_ACCEPT);

  if (self->entry != NULL)
    {
      gtk_entry_set_activates_default (GTK_ENTRY (self->entry), TRUE);
      gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 32);
      g_signal_connect_object (self->entry, "changed", G_CALLBACK (update_accept), self,
                               G_CONNECT_SWAPPED);
      gtk_widget_grab_focus (self->entry);
    }
  update_accept (self);
}

static void
cb_case_dialog_finalize (GObject *object)
{
  CbCaseDialog *self = CB_CASE_DIALOG (object);

  g_clear_pointer (&self->choice_ids, g_array_unref);

  G_OBJECT_CLASS (cb_case_dialog_parent_class)->finalize (object);
}

static void
cb_case_dialog_class_init (CbCaseDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cb_case_dialog_finalize;
}

static void
cb_case_dialog_init (CbCaseDialog *self)
{
  self->choice_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

CbCaseDialog *
cb_case_dialog_new (GtkWindow        *parent,
                    CbCaseDialogMode  mode,
                    const char       *case_title,
                    GPtrArray        *choices)
{
  CbCaseDialog *self;

  self = g_object_new (CB_TYPE_CASE_DIALOG,
                       "use-header-bar", TRUE,
                       "modal", TRUE,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "resizable", mode == CB_CASE_DIALOG_NOTES,
                       NULL);
  self->mode = mode;
  if (mode == CB_CASE_DIALOG_NEW || mode == CB_CASE_DIALOG_MERGE)
    fill_choices (self, choices);
  build (self, case_title);
  return self;
}

CbCaseDialogMode
cb_case_dialog_get_mode (CbCaseDialog *self)
{
  g_return_val_if_fail (CB_IS_CASE_DIALOG (self), CB_CASE_DIALOG_NEW);
  return self->mode;
}

void
cb_case_dialog_set_text (CbCaseDialog *self,
                         const char   *text)
{
  g_return_if_fail (CB_IS_CASE_DIALOG (self));

  if (self->entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
  else if (self->notes != NULL)
    gtk_text_buffer_set_text (self->notes, text != NULL ? text : "", -1);
}

char *
cb_case_dialog_dup_text (CbCaseDialog *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (CB_IS_CASE_DIALOG (self), NULL);

  if (self->entry != NULL)
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  if (self->notes != NULL)
    {
      gtk_text_buffer_get_bounds (self->notes, &start, &end);
      return gtk_text_buffer_get_text (self->notes, &start, &end, FALSE);
    }
  return NULL;
}

gint64
cb_case_dialog_get_choice (CbCaseDialog *self)
{
  guint selected;

  g_return_val_if_fail (CB_IS_CASE_DIALOG (self), 0);

  if (self->choices == NULL)
    return 0;
  selected = gtk_drop_down_get_selected (self->choices);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->choice_ids->len)
    return 0;
  return g_array_index (self->choice_ids, gint64, selected);
}

void
cb_case_dialog_set_choice (CbCaseDialog *self,
                           gint64        id)
{
  g_return_if_fail (CB_IS_CASE_DIALOG (self));

  for (guint i = 0; self->choices != NULL && i < self->choice_ids->len; i++)
    if (g_array_index (self->choice_ids, gint64, i) == id)
      gtk_drop_down_set_selected (self->choices, i);
}
