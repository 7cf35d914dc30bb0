/* cb-people-dialog.c — people who may be one: merge or keep apart
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-people-dialog.h"
#include "cb-person-record.h"

struct _CbPeopleDialog
{
  GtkWindow  parent_instance;

  CbWindow  *window;     /* weak: the dialog goes with it */
  GtkStack  *pages;      /* "suggestions", "everyone" */
  GtkStack  *stack;
  GtkListBox *list;
  guint      n_suggestions;

  /* Everyone: the people on the left, the chosen one's names on the right. */
  GtkListBox *persons;
  GArray     *person_ids;    /* gint64, one a row */
  gint64      person_id;     /* the person shown, 0 = none */
  GtkStack   *detail_stack;  /* "person", "none" */
  GtkEditable *name_entry;
  GtkListBox *aliases;
  GtkEditable *alias_entry;
  GtkWidget  *add_button;
  GtkWidget  *rename_button;
};

static void reload_persons (CbPeopleDialog *self);

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

/* --- Everyone: rename, names, split off ------------------------------------------- */

static void
person_edit (CbPeopleDialog *self,
             const char     *action,
             const char     *name)
{
  if (self->window != NULL && self->person_id != 0 && name != NULL && *name != '\0')
    gtk_widget_activate_action (GTK_WIDGET (self->window), action, "(xs)", self->person_id, name);
}

static void
alias_button_clicked_cb (GtkButton      *button,
                         CbPeopleDialog *self)
{
  person_edit (self, g_object_get_data (G_OBJECT (button), "cb-action"),
               g_object_get_data (G_OBJECT (button), "cb-name"));
}

static void
rename_cb (CbPeopleDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (self->name_entry)));

  person_edit (self, "win.rename-person", name);
}

static void
add_alias_cb (CbPeopleDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (self->alias_entry)));

  if (*name == '\0')
    return;
  gtk_editable_set_text (self->alias_entry, "");
  person_edit (self, "win.add-alias", name);
}

static void
entries_changed_cb (CbPeopleDialog *self)
{
  g_autofree char *alias = g_strstrip (g_strdup (gtk_editable_get_text (self->alias_entry)));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (self->name_entry)));

  gtk_widget_set_sensitive (self->add_button, *alias != '\0');
  gtk_widget_set_sensitive (self->rename_button, *name != '\0');
}

static GtkWidget *
alias_button (CbPeopleDialog *self,
              const char     *label,
              const char     *accessible,
              const char     *action,
              const char     *alias)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_object_set_data (G_OBJECT (button), "cb-action", (gpointer) action);
  g_object_set_data_full (G_OBJECT (button), "cb-name", g_strdup (alias), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (alias_button_clicked_cb), self, 0);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return button;
}

static GtkWidget *
create_alias_row (CbPeopleDialog *self,
                  const char     *alias)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (alias);
  /* Translators: accessible names of buttons; %s is a name */
  g_autofree char *split = g_strdup_printf (_("Split off “%s” as a person of their own"), alias);
  g_autofree char *remove = g_strdup_printf (_("Remove the name “%s”"), alias);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), alias_button (self, _("_Split Off"), split, "win.split-person", alias));
  gtk_box_append (GTK_BOX (box), alias_button (self, _("_Remove"), remove, "win.remove-alias", alias));
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, alias, -1);
  return row;
}

/* Shows @person's names on the right (NULL: nobody chosen). */
static void
show_person (CbPeopleDialog *self,
             CbPersonRecord *person)
{
  const char * const *aliases;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->aliases))) != NULL)
    gtk_list_box_remove (self->aliases, child);

  self->person_id = person != NULL ? cb_person_record_get_id (person) : 0;
  gtk_stack_set_visible_child_name (self->detail_stack, person != NULL ? "person" : "none");
  if (person == NULL)
    return;

  gtk_editable_set_text (self->name_entry, cb_person_record_get_name (person));
  aliases = cb_person_record_get_aliases (person);
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (g_strcmp0 (aliases[i], cb_person_record_get_name (person)) != 0)
      gtk_list_box_append (self->aliases, create_alias_row (self, aliases[i]));
  if (gtk_widget_get_first_child (GTK_WIDGET (self->aliases)) == NULL)
    {
      GtkWidget *none = gtk_label_new (_("No other names"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_margin_top (none, 6);
      gtk_widget_set_margin_bottom (none, 6);
      gtk_list_box_append (self->aliases, none);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (none)), FALSE);
      gtk_widget_set_focusable (gtk_widget_get_parent (none), FALSE);
    }
}

static void
person_selected_cb (CbPeopleDialog *self,
                    GtkListBoxRow  *row)
{
  CbPersonRecord *person = row != NULL ? g_object_get_data (G_OBJECT (row), "cb-person") : NULL;

  show_person (self, person);
}

static GtkWidget *
create_person_row (CbPersonRecord *person)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (cb_person_record_get_name (person));
  const char * const *aliases = cb_person_record_get_aliases (person);
  guint n_other = 0;

  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (g_strcmp0 (aliases[i], cb_person_record_get_name (person)) != 0)
      n_other++;

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), title);
  {
    g_autofree char *text = n_other > 0 ? g_strdup_printf (ngettext ("%u other name", "%u other names",
                                                                      n_other), n_other)
                                         : g_strdup (_("No other names"));
    GtkWidget *subtitle = gtk_label_new (text);

    gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
    gtk_widget_add_css_class (subtitle, "dim-label");
    gtk_widget_add_css_class (subtitle, "caption");
    gtk_box_append (GTK_BOX (box), subtitle);
  }
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "cb-person", g_object_ref (person), g_object_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cb_person_record_get_name (person), -1);
  return row;
}

static void
reload_persons (CbPeopleDialog *self)
{
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(GError) error = NULL;
  gint64 keep = self->person_id;
  GtkListBoxRow *select = NULL;
  GtkWidget *child;

  g_signal_handlers_block_by_func (self->persons, person_selected_cb, self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->persons))) != NULL)
    gtk_list_box_remove (self->persons, child);
  g_array_set_size (self->person_ids, 0);

  if (self->window != NULL)
    {
      persons = cb_store_list_persons (cb_window_get_store (self->window), &error);
      if (persons == NULL)
        g_warning ("Could not list the people: %s", error->message);
    }
  for (guint i = 0; persons != NULL && i < persons->len; i++)
    {
      CbPersonRecord *person = g_ptr_array_index (persons, i);
      GtkWidget *row = create_person_row (person);
      gint64 id = cb_person_record_get_id (person);

      gtk_list_box_append (self->persons, row);
      g_array_append_val (self->person_ids, id);
      if (id == keep)
        select = GTK_LIST_BOX_ROW (row);
    }
  g_signal_handlers_unblock_by_func (self->persons, person_selected_cb, self);

  /* The person shown stays shown, with their names as they are now; else
   * the first. */
  if (select == NULL)
    select = gtk_list_box_get_row_at_index (self->persons, 0);
  if (select != NULL)
    gtk_list_box_select_row (self->persons, select);
  person_selected_cb (self, select);
}

static GtkWidget *
heading (const char *text,
         GtkWidget  *mnemonic_widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  if (mnemonic_widget != NULL)
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic_widget);
  return label;
}

static GtkWidget *
create_everyone_page (CbPeopleDialog *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *detail = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row, *label, *aliases_scrolled, *none;

  self->persons = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->persons, GTK_SELECTION_BROWSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->persons), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->persons),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("People"), -1);
  g_signal_connect_object (self->persons, "row-selected", G_CALLBACK (person_selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->persons));
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_size_request (scrolled, 200, -1);
  gtk_box_append (GTK_BOX (page), scrolled);

  /* The name. */
  self->name_entry = GTK_EDITABLE (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->name_entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  self->rename_button = gtk_button_new_with_mnemonic (_("Re_name"));
  g_signal_connect_object (self->rename_button, "clicked", G_CALLBACK (rename_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_entry, "activate", G_CALLBACK (rename_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (detail), heading (_("_Name"), GTK_WIDGET (self->name_entry)));
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->name_entry));
  gtk_box_append (GTK_BOX (row), self->rename_button);
  gtk_box_append (GTK_BOX (detail), row);
  label = gtk_label_new (_("The old name stays one of their names."));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (detail), label);

  /* Their other names. */
  self->aliases = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->aliases, GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->aliases),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Other names"), -1);
  aliases_scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (aliases_scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (aliases_scrolled), GTK_WIDGET (self->aliases));
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (aliases_scrolled), TRUE);
  gtk_widget_set_vexpand (aliases_scrolled, TRUE);
  label = heading (_("_Other names"), GTK_WIDGET (self->aliases));
  gtk_widget_set_margin_top (label, 12);
  gtk_box_append (GTK_BOX (detail), label);
  gtk_box_append (GTK_BOX (detail), aliases_scrolled);

  /* A name to add. */
  self->alias_entry = GTK_EDITABLE (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->alias_entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->alias_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Another name"), -1);
  self->add_button = gtk_button_new_with_mnemonic (_("_Add Name"));
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (add_alias_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->alias_entry, "activate", G_CALLBACK (add_alias_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->alias_entry, "changed", G_CALLBACK (entries_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_entry, "changed", G_CALLBACK (entries_changed_cb), self, G_CONNECT_SWAPPED);
  label = heading (_("Add _another name"), GTK_WIDGET (self->alias_entry));
  gtk_widget_set_margin_top (label, 12);
  gtk_box_append (GTK_BOX (detail), label);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->alias_entry));
  gtk_box_append (GTK_BOX (row), self->add_button);
  gtk_box_append (GTK_BOX (detail), row);
  entries_changed_cb (self);

  none = gtk_label_new (_("Choose a person to edit their names"));
  gtk_widget_add_css_class (none, "dim-label");
  self->detail_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->detail_stack, detail, "person");
  gtk_stack_add_named (self->detail_stack, none, "none");
  gtk_widget_set_hexpand (GTK_WIDGET (self->detail_stack), TRUE);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->detail_stack));
  return page;
}

static void
cb_people_dialog_dispose (GObject *object)
{
  CbPeopleDialog *self = CB_PEOPLE_DIALOG (object);

  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (cb_people_dialog_parent_class)->dispose (object);
}

static void
cb_people_dialog_finalize (GObject *object)
{
  CbPeopleDialog *self = CB_PEOPLE_DIALOG (object);

  g_clear_pointer (&self->person_ids, g_array_unref);

  G_OBJECT_CLASS (cb_people_dialog_parent_class)->finalize (object);
}

static void
cb_people_dialog_class_init (CbPeopleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_people_dialog_dispose;
  object_class->finalize = cb_people_dialog_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cb_people_dialog_init (CbPeopleDialog *self)
{
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *switcher = gtk_stack_switcher_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *everyone;
  GtkWidget *intro;
  GtkWidget *scrolled;
  GtkWidget *empty;

  gtk_window_set_title (GTK_WINDOW (self), _("People"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 460);
  gtk_window_set_titlebar (GTK_WINDOW (self), header);
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

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

  everyone = create_everyone_page (self);
  gtk_widget_set_margin_start (everyone, 18);
  gtk_widget_set_margin_end (everyone, 18);
  gtk_widget_set_margin_top (everyone, 18);
  gtk_widget_set_margin_bottom (everyone, 18);

  self->pages = GTK_STACK (gtk_stack_new ());
  gtk_stack_page_set_use_underline (gtk_stack_add_titled (self->pages, box, "suggestions",
                                                          _("_Suggestions")), TRUE);
  gtk_stack_page_set_use_underline (gtk_stack_add_titled (self->pages, everyone, "everyone",
                                                          _("_Everyone")), TRUE);
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->pages);
  gtk_header_bar_set_title_widget (GTK_HEADER_BAR (header), switcher);
  gtk_window_set_child (GTK_WINDOW (self), GTK_WIDGET (self->pages));
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
  /* Edits, undo and redo change the names: show them as they are. */
  g_signal_connect_object (cb_window_get_store (window), "history-changed",
                           G_CALLBACK (cb_people_dialog_reload), self, G_CONNECT_SWAPPED);
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
  reload_persons (self);
}

guint
cb_people_dialog_get_n_suggestions (CbPeopleDialog *self)
{
  g_return_val_if_fail (CB_IS_PEOPLE_DIALOG (self), 0);
  return self->n_suggestions;
}

void
cb_people_dialog_show_everyone (CbPeopleDialog *self,
                                gint64          person_id)
{
  g_return_if_fail (CB_IS_PEOPLE_DIALOG (self));

  gtk_stack_set_visible_child_name (self->pages, "everyone");
  for (guint i = 0; i < self->person_ids->len; i++)
    if (g_array_index (self->person_ids, gint64, i) == person_id)
      gtk_list_box_select_row (self->persons, gtk_list_box_get_row_at_index (self->persons, i));
}

gint64
cb_people_dialog_get_person_id (CbPeopleDialog *self)
{
  g_return_val_if_fail (CB_IS_PEOPLE_DIALOG (self), 0);
  return self->person_id;
}

guint
cb_people_dialog_get_n_persons (CbPeopleDialog *self)
{
  g_return_val_if_fail (CB_IS_PEOPLE_DIALOG (self), 0);
  return self->person_ids->len;
}
