/* cb-people-dialog.c — people who may be one: merge or keep apart
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-people-dialog.h"

struct _CbPeopleDialog
{
  GtkWindow  parent_instance;

  CbWindow  *window;     /* weak: the dialog goes with it */
  GtkStack  *stack;
  GtkListBox *list;
  guint      n_suggestions;
};

G_DEFINE_FINAL_TYPE (CbPeopleDialog, cb_people_dialog, GTK_TYPE_WINDOW)

static void
button_clicked_cb (GtkButton      *button,
                   CbPeopleDialog *self)
{
  const char *action = g_object_get_data (G_OBJECT (button), "cb-action");
  gint64 *suggestion_id = g_object_get_data (G_OBJECT (button), "cb-suggestion-id");

  /* The window's actions are installed on its class: activated on it, not
   * through an action group of ours. */
  if (self->window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->window), action, "x", *suggestion_id);
}

static GtkWidget *
action_button (CbPeopleDialog *self,
               const char     *label,
               const char     *action,
               gint64          suggestion_id,
               const char     *style)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_object_set_data (G_OBJECT (button), "cb-action", (gpointer) action);
  g_object_set_data_full (G_OBJECT (button), "cb-suggestion-id",
                          g_memdup2 (&suggestion_id, sizeof suggestion_id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (button_clicked_cb), self, 0);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (style != NULL)
    gtk_widget_add_css_class (button, style);
  return button;
}

static GtkWidget *
create_row (CbPeopleDialog          *self,
            const CbMergeSuggestion *suggestion)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title, *subtitle;
  g_autofree char *names = NULL;
  g_autofree char *keeps = NULL;

  /* Translators: two names that may be one person's */
  names = g_strdup_printf (_("“%s” and “%s”"), suggestion->other_name, suggestion->keep_name);
  /* Translators: what merging does; %s is the name kept */
  keeps = g_strdup_printf (_("Merging keeps “%s” and its case file"), suggestion->keep_name);

  title = gtk_label_new (names);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  subtitle = gtk_label_new (keeps);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), action_button (self, _("_Keep Apart"), "win.keep-people-apart",
                                                suggestion->id, NULL));
  gtk_box_append (GTK_BOX (box), action_button (self, _("_Merge"), "win.merge-people",
                                                suggestion->id, "suggested-action"));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, names, -1);
  return row;
}

static void
cb_people_dialog_dispose (GObject *object)
{
  CbPeopleDialog *self = CB_PEOPLE_DIALOG (object);

  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (cb_people_dialog_parent_class)->dispose (object);
}

static void
cb_people_dialog_class_init (CbPeopleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_people_dialog_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cb_people_dialog_init (CbPeopleDialog *self)
{
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *intro;
  GtkWidget *scrolled;
  GtkWidget *empty;

  gtk_window_set_title (GTK_WINDOW (self), _("People"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 420);
  gtk_window_set_titlebar (GTK_WINDOW (self), header);

  intro = gtk_label_new (_("These names may belong to one person. Merging moves the "
                           "mentions, quotes, events and case files to the fuller name; "
                           "kept apart, a pair is not suggested again."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_add_css_class (intro, "dim-label");

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "rich-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Merge suggestions"), -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);

  empty = gtk_label_new (_("No names to review: every pair the articles suggested has been merged or kept apart"));
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_label_set_justify (GTK_LABEL (empty), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (empty, "dim-label");

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  gtk_box_append (GTK_BOX (box), intro);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_window_set_child (GTK_WINDOW (self), box);
}

GtkWidget *
cb_people_dialog_new (CbWindow *window)
{
  CbPeopleDialog *self;

  g_return_val_if_fail (CB_IS_WINDOW (window), NULL);

  self = g_object_new (CB_TYPE_PEOPLE_DIALOG,
                       "transient-for", window,
                       "destroy-with-parent", TRUE,
                       NULL);
  g_set_weak_pointer (&self->window, window);
  cb_people_dialog_reload (self);
  return GTK_WIDGET (self);
}

void
cb_people_dialog_reload (CbPeopleDialog *self)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (CB_IS_PEOPLE_DIALOG (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_suggestions = 0;

  if (self->window != NULL)
    {
      suggestions = cb_store_list_merge_suggestions (cb_window_get_store (self->window), &error);
      if (suggestions == NULL)
        g_warning ("Could not list the merge suggestions: %s", error->message);
    }

  for (guint i = 0; suggestions != NULL && i < suggestions->len; i++)
    gtk_list_box_append (self->list, create_row (self, g_ptr_array_index (suggestions, i)));
  self->n_suggestions = suggestions != NULL ? suggestions->len : 0;

  gtk_stack_set_visible_child_name (self->stack, self->n_suggestions > 0 ? "list" : "empty");
}

guint
cb_people_dialog_get_n_suggestions (CbPeopleDialog *self)
{
  g_return_val_if_fail (CB_IS_PEOPLE_DIALOG (self), 0);
  return self->n_suggestions;
}
