/* cb-preferences.c — the Preferences window: the inbox folder, review, paper
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-inbox.h"
#include "cb-preferences.h"
#include "cb-summary-render.h"

struct _CbPreferences
{
  GtkWindow             parent_instance;

  GSettings            *settings;
  GtkWidget            *watch_switch;
  GtkWidget            *folder_label;
  GtkWidget            *folder_button;
  GtkWidget            *reset_button;
  GtkWidget            *review_switch;
  GtkWidget            *paper_dropdown;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (CbPreferences, cb_preferences, GTK_TYPE_WINDOW)

static char *
dup_inbox_path (CbPreferences *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "inbox-folder");

  return path[0] != '\0' ? g_steal_pointer (&path) : cb_inbox_dup_default_path ();
}

static void
update_folder (CbPreferences *self)
{
  g_autofree char *path = dup_inbox_path (self);
  g_autofree char *custom = g_settings_get_string (self->settings, "inbox-folder");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *shown = g_file_get_parse_name (file);

  gtk_label_set_label (GTK_LABEL (self->folder_label), shown);
  gtk_widget_set_tooltip_text (self->folder_label, shown);
  gtk_widget_set_sensitive (self->reset_button, custom[0] != '\0');
}

static void
chooser_response_cb (CbPreferences        *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        g_settings_set_string (self->settings, "inbox-folder", path);
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}

static void
choose_folder_cb (CbPreferences *self)
{
  g_autofree char *path = dup_inbox_path (self);
  g_autoptr(GFile) current = g_file_new_for_path (path);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Inbox Folder"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (g_file_query_exists (current, NULL))
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), current, NULL);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
reset_folder_cb (CbPreferences *self)
{
  g_settings_reset (self->settings, "inbox-folder");
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle,
         GtkWidget  *suffix,
         GtkWidget **title_label)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *sub = gtk_label_new (subtitle);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
  /* A path shows both ends; a sentence wraps. */
  if (title_label != NULL)
    gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_MIDDLE);
  else
    gtk_label_set_max_width_chars (GTK_LABEL (sub), 40);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_widget_add_css_class (sub, "caption");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), label);
  gtk_box_append (GTK_BOX (labels), sub);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), suffix);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (suffix),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, sub, NULL,
                                  -1);
  if (title_label != NULL)
    *title_label = sub;
  return row;
}

/* The "paper-size" values in the order of the drop-down. */
static const char * const paper_values[] = { "default", "a4", "letter" };

static gboolean
paper_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *name = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (paper_values); i++)
    if (g_strcmp0 (name, paper_values[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
paper_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  if (i >= G_N_ELEMENTS (paper_values))
    return NULL;
  return g_variant_new_string (paper_values[i]);
}

static GtkWidget *
new_paper_dropdown (void)
{
  /* Translators: %s is the paper of the user's region, "A4" or "US Letter" */
  g_autofree char *regional = g_strdup_printf (_("Regional Default (%s)"),
                                               cb_paper_get_default () == CB_PAPER_LETTER
                                               ? _("US Letter") : _("A4"));
  const char *names[] = { regional, _("A4"), _("US Letter"), NULL };

  return gtk_drop_down_new_from_strings (names);
}

/* A heading, a line saying what the section is about, a boxed list. */
static GtkWidget *
add_section (GtkWidget  *page,
             const char *title,
             const char *explanation)
{
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  if (gtk_widget_get_first_child (page) != NULL)
    gtk_widget_set_margin_top (heading, 12);
  gtk_box_append (GTK_BOX (page), heading);

  if (explanation != NULL)
    {
      GtkWidget *label = gtk_label_new (explanation);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (page), label);
    }

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (page), list);
  return list;
}

static void
cb_preferences_dispose (GObject *object)
{
  CbPreferences *self = CB_PREFERENCES (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cb_preferences_parent_class)->dispose (object);
}

static void
cb_preferences_class_init (CbPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_preferences_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cb_preferences_init (CbPreferences *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list;
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_window_set_title (GTK_WINDOW (self), _("Preferences"));
  gtk_window_set_titlebar (GTK_WINDOW (self), gtk_header_bar_new ());
  gtk_window_set_default_size (GTK_WINDOW (self), 560, -1);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  gtk_widget_set_margin_start (page, 24);
  gtk_widget_set_margin_end (page, 24);
  gtk_widget_set_margin_top (page, 24);
  gtk_widget_set_margin_bottom (page, 24);

  list = add_section (page, _("Inbox"),
                      _("Text files saved or moved into the inbox folder are imported "
                        "once they are complete, while Casebook is open."));

  self->watch_switch = gtk_switch_new ();
  gtk_list_box_append (GTK_LIST_BOX (list),
                       new_row (_("Watch the Inbox Folder"),
                                _("Import new articles from it on their own"),
                                self->watch_switch, NULL));

  self->folder_button = gtk_button_new_with_mnemonic (_("_Choose…"));
  self->reset_button = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  gtk_widget_set_tooltip_text (self->reset_button, _("Use the default folder"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reset_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Use the default folder"), -1);
  gtk_widget_add_css_class (self->reset_button, "flat");
  gtk_box_append (GTK_BOX (buttons), self->reset_button);
  gtk_box_append (GTK_BOX (buttons), self->folder_button);
  gtk_list_box_append (GTK_LIST_BOX (list),
                       new_row (_("Inbox Folder"), "", buttons, &self->folder_label));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->folder_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->folder_label, NULL,
                                  -1);

  list = add_section (page, _("Review"), NULL);
  self->review_switch = gtk_switch_new ();
  gtk_list_box_append (GTK_LIST_BOX (list),
                       new_row (_("New Extractions Need Review"),
                                _("Case files, events and excerpts found in new articles "
                                  "arrive as suggestions; when off they are accepted"),
                                self->review_switch, NULL));

  list = add_section (page, _("Printing"), NULL);
  self->paper_dropdown = new_paper_dropdown ();
  gtk_list_box_append (GTK_LIST_BOX (list),
                       new_row (_("Paper Size"),
                                _("For printed case summaries"),
                                self->paper_dropdown, NULL));

  gtk_window_set_child (GTK_WINDOW (self), page);

  g_signal_connect_object (self->folder_button, "clicked", G_CALLBACK (choose_folder_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reset_button, "clicked", G_CALLBACK (reset_folder_cb),
                           self, G_CONNECT_SWAPPED);
}

CbPreferences *
cb_preferences_new (GtkWindow *parent,
                    GSettings *settings)
{
  CbPreferences *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CB_TYPE_PREFERENCES, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "watch-inbox", self->watch_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "extractions-need-review", self->review_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "paper-size", self->paper_dropdown, "selected",
                                G_SETTINGS_BIND_DEFAULT, paper_get_mapping, paper_set_mapping,
                                NULL, NULL);
  g_signal_connect_object (settings, "changed::inbox-folder", G_CALLBACK (update_folder),
                           self, G_CONNECT_SWAPPED);
  update_folder (self);
  return self;
}
