/* cb-window.c — the main window: header bar and four linked panes
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-application.h"
#include "cb-drop.h"
#include "cb-importer.h"
#include "cb-inbox.h"
#include "cb-lazy-list.h"
#include "cb-print.h"
#include "cb-window.h"
#include "cb-window-state.h"
#include "cb-window-review.h"
#include "cb-window-edit.h"
#include "casebook-resources.h"

#define SEARCH_LIMIT 50
/* How often the window looks for commits of other programs (casebook-cli,
 * another window). */
#define POLL_SECONDS 1

struct _CbWindow
{
  GtkApplicationWindow  parent_instance;

  CbStore              *store;
  CbSelection          *selection;

  GListStore           *hits;            /* CbSearchHit of the current search */
  GtkSingleSelection   *hits_selection;

  GtkFileChooserNative *chooser;
  GCancellable         *import_cancellable;  /* non-NULL while importing */
  char                 *import_details;      /* why files of the last import were rejected */
  GPtrArray            *queued_files;        /* GFile waiting for the running import */
  gboolean              import_from_inbox;   /* the running import: only inbox files */
  gboolean              queued_from_inbox;   /* the queued files: only inbox files */
  CbInbox              *inbox;
  gint64                data_version;        /* of the store when last reloaded */
  guint                 poll_id;
  guint                 hide_status_id;
  GMenu                *undo_section;        /* Undo/Redo items of the main menu */
  int                   first_event_wanted;  /* FIRST_EVENT_*: to pick once the events are read */
  gboolean              loading;             /* a pane's list is being read */

  /* Template widgets */
  GtkSearchEntry       *search_entry;
  GtkRevealer          *status_revealer;
  GtkLabel             *status_label;
  GtkProgressBar       *progress_bar;
  GtkWidget            *import_button;
  GtkWidget            *cancel_button;
  GtkWidget            *details_button;
  GtkWidget            *dismiss_button;
  GtkWidget            *undo_button;
  GMenu                *primary_menu;
  CbCasesPane          *cases_pane;
  CbTimelinePane       *timeline_pane;
  CbExcerptsPane       *excerpts_pane;
  CbArticlePane        *article_pane;
  GtkStack             *middle_stack;
  GtkLabel             *search_heading;
  GtkStack             *search_stack;
  GtkListView          *search_list_view;
  GtkPaned             *cases_paned;
  GtkPaned             *timeline_paned;
  GtkPaned             *excerpts_paned;
};

G_DEFINE_FINAL_TYPE (CbWindow, cb_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTION,
  PROP_LOADING,
  N_PROPS
};

/* What select_first_event waits for the events list to do. */
enum {
  FIRST_EVENT_NONE,
  FIRST_EVENT_IF_NO_EVENT,    /* a case was picked */
  FIRST_EVENT_IF_NOTHING,     /* neither an event nor an article is open */
};

/* How many of the first events listed select_first_event looks at before it
 * asks the store. */
#define FIRST_EVENT_LOOKAHEAD 64

static GParamSpec *properties[N_PROPS];

static void
update_actions (CbWindow *self)
{
  gboolean importing = self->import_cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", !importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-folder", !importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-samples", !importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", importing);
  /* Printing prints the selected case. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print",
                                 self->selection != NULL
                                 && cb_selection_get_case_id (self->selection) != 0);
}

static gboolean
hide_status_cb (gpointer user_data)
{
  CbWindow *self = user_data;

  self->hide_status_id = 0;
  gtk_revealer_set_reveal_child (self->status_revealer, FALSE);
  return G_SOURCE_REMOVE;
}

static void
show_status (CbWindow   *self,
             const char *message,
             gboolean    busy)
{
  g_clear_handle_id (&self->hide_status_id, g_source_remove);
  gtk_label_set_label (self->status_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  gtk_widget_set_visible (self->cancel_button, busy);
  gtk_widget_set_visible (self->dismiss_button, !busy);
  gtk_widget_set_visible (self->details_button, !busy && self->import_details != NULL);
  gtk_widget_set_visible (self->undo_button, FALSE);
  gtk_revealer_set_reveal_child (self->status_revealer, TRUE);
}

/* Opens the first event with a source in the case shown, so that every pane
 * has something to show.  The events pane lists them in that order already:
 * one of its first rows is the one, without a query over every event (all
 * case files hold hundreds of thousands).  While it reads them, the choice
 * waits for it (@wanted says on what condition). */
static void
select_first_event_when (CbWindow *self,
                         int       wanted)
{
  GListModel *events = cb_timeline_pane_get_model (self->timeline_pane);
  gint64 case_id = cb_selection_get_case_id (self->selection);
  g_autoptr(CbEvent) first = NULL;
  gboolean listed;
  guint n;

  listed = CB_IS_LAZY_LIST (events) && cb_lazy_list_get_case_id (CB_LAZY_LIST (events)) == case_id;
  if (listed && cb_lazy_list_get_loading (CB_LAZY_LIST (events)))
    {
      self->first_event_wanted = wanted;
      return;
    }
  self->first_event_wanted = FIRST_EVENT_NONE;

  n = listed ? g_list_model_get_n_items (events) : 0;
  for (guint i = 0; i < MIN (n, FIRST_EVENT_LOOKAHEAD) && first == NULL; i++)
    {
      g_autoptr(CbEvent) event = g_list_model_get_item (events, i);

      if (cb_event_get_article_id (event) != 0)
        first = g_steal_pointer (&event);
    }
  if (first == NULL && (!listed || n > FIRST_EVENT_LOOKAHEAD))
    first = cb_store_find_first_sourced_event (self->store, case_id, NULL);

  if (first != NULL)
    cb_selection_select_event (self->selection,
                               cb_event_get_id (first),
                               cb_event_get_article_id (first),
                               cb_event_get_start (first),
                               cb_event_get_end (first));
}

static void
select_first_event (CbWindow *self)
{
  select_first_event_when (self, FIRST_EVENT_IF_NO_EVENT);
}

static void
select_first_event_if_none (CbWindow *self)
{
  if (cb_selection_get_article_id (self->selection) == 0
      && cb_selection_get_event_id (self->selection) == 0)
    select_first_event_when (self, FIRST_EVENT_IF_NOTHING);
}

/* The events list was read: the first event, if one was waited for and
 * the user did not pick something meanwhile. */
static void
events_loaded_cb (CbWindow *self)
{
  int wanted = self->first_event_wanted;

  self->first_event_wanted = FIRST_EVENT_NONE;
  if (wanted == FIRST_EVENT_IF_NO_EVENT && cb_selection_get_event_id (self->selection) == 0)
    select_first_event (self);
  else if (wanted == FIRST_EVENT_IF_NOTHING)
    select_first_event_if_none (self);
}

/* "loading": whether any pane's list is still being read. */
static void
list_loading_cb (CbWindow *self)
{
  GListModel *models[] = {
    cb_cases_pane_get_model (self->cases_pane),
    cb_timeline_pane_get_model (self->timeline_pane),
    cb_excerpts_pane_get_model (self->excerpts_pane),
  };
  gboolean loading = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    if (CB_IS_LAZY_LIST (models[i]) && cb_lazy_list_get_loading (CB_LAZY_LIST (models[i])))
      loading = TRUE;

  if (loading != self->loading)
    {
      self->loading = loading;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
}

static void
watch_lists (CbWindow *self)
{
  GListModel *models[] = {
    cb_cases_pane_get_model (self->cases_pane),
    cb_timeline_pane_get_model (self->timeline_pane),
    cb_excerpts_pane_get_model (self->excerpts_pane),
  };

  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    if (models[i] != NULL)
      g_signal_connect_object (models[i], "notify::loading", G_CALLBACK (list_loading_cb),
                               self, G_CONNECT_SWAPPED);
  if (models[1] != NULL)
    g_signal_connect_object (models[1], "loaded", G_CALLBACK (events_loaded_cb),
                             self, G_CONNECT_SWAPPED);
  list_loading_cb (self);
}

/* A case picked without an event (from the list, or win.select-case): its
 * first event opens, rather than an article of another case staying open. */
static void
case_changed_cb (CbWindow *self)
{
  if (cb_selection_get_event_id (self->selection) == 0)
    select_first_event (self);
  update_actions (self);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);
  gint64 case_id = cb_selection_get_case_id (self->selection);

  if (case_id != 0)
    cb_print_case (GTK_WINDOW (self), self->store, case_id);
}

static void update_undo_actions (CbWindow *self);

static void
reload (CbWindow *self)
{
  update_undo_actions (self);
  /* The cases first: a case that went away resets the filter the others use. */
  cb_cases_pane_reload (self->cases_pane);
  cb_timeline_pane_reload (self->timeline_pane);
  cb_excerpts_pane_reload (self->excerpts_pane);
  cb_article_pane_reload (self->article_pane);
}

/* --- Undo and redo ---------------------------------------------------------- */

/* Enables win.undo and win.redo as the store's journal allows, and names the
 * steps in the main menu ("Undo Rename Case"). */
static void
update_undo_actions (CbWindow *self)
{
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;
  g_autofree char *undo_item = NULL;
  g_autofree char *redo_item = NULL;
  gboolean can_undo = cb_store_can_undo (self->store, &undo_label);
  gboolean can_redo = cb_store_can_redo (self->store, &redo_label);

  if (self->undo_section == NULL)
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);

  /* Translators: %s names what is undone, e.g. "Rename Case" */
  undo_item = can_undo ? g_strdup_printf (_("_Undo %s"), undo_label) : g_strdup (_("_Undo"));
  /* Translators: %s names what is redone, e.g. "Rename Case" */
  redo_item = can_redo ? g_strdup_printf (_("_Redo %s"), redo_label) : g_strdup (_("_Redo"));
  g_menu_remove_all (self->undo_section);
  g_menu_append (self->undo_section, undo_item, "win.undo");
  g_menu_append (self->undo_section, redo_item, "win.redo");
}

/* An edit, an undo or a redo was committed: every pane reads the store again. */
static void
history_changed_cb (CbWindow *self)
{
  reload (self);
}

static void
undo_redo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);
  gboolean undo = g_str_equal (action_name, "win.undo");
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;

  if (!(undo ? cb_store_can_undo (self->store, &label) : cb_store_can_redo (self->store, &label)))
    return;
  if (!(undo ? cb_store_undo (self->store, &error) : cb_store_redo (self->store, &error)))
    {
      show_status (self, error->message, FALSE);
      reload (self);
      return;
    }

  /* Translators: %s names what was undone, e.g. "Delete Case" */
  message = g_strdup_printf (undo ? _("Undone: %s") : _("Redone: %s"), label);
  show_status (self, message, FALSE);
  self->hide_status_id = g_timeout_add_seconds (5, hide_status_cb, self);
  select_first_event_if_none (self);
}

/* win.show-message ((sb)): a message in the status bar, with an Undo button
 * when the boolean says the change can be undone ("Case “X” deleted").
 * Panes tell the user this way without knowing the window. */
static void
show_message_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);
  const char *message = NULL;
  gboolean undoable = FALSE;

  g_variant_get (param, "(&sb)", &message, &undoable);
  if (self->import_cancellable != NULL)
    return;
  show_status (self, message, FALSE);
  gtk_widget_set_visible (self->undo_button, undoable);
  self->hide_status_id = g_timeout_add_seconds (undoable ? 10 : 6, hide_status_cb, self);
}

/* Ctrl+N anywhere in the window: a new case file. */
static gboolean
new_case_shortcut_cb (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  return gtk_widget_activate_action (GTK_WIDGET (CB_WINDOW (widget)->cases_pane), "cases.new", NULL);
}

static void
undo_init (CbWindow *self)
{
  self->undo_section = g_menu_new ();
  g_menu_prepend_section (self->primary_menu, NULL, G_MENU_MODEL (self->undo_section));
  g_signal_connect_object (self->store, "history-changed",
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  update_undo_actions (self);
}

static void
undo_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, CbWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, primary_menu);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.show-message", "(sb)", show_message_action);
  /* The last binding of an action is the one menus show. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, new_case_shortcut_cb, NULL);
}

/* --- Search ---------------------------------------------------------------- */

static char *
hit_snippet_cb (gpointer     this_,
                CbSearchHit *item)
{
  if (item == NULL)
    return NULL;
  return cb_search_hit_dup_snippet_markup (item);
}

static void
open_hit (CbWindow    *self,
          CbSearchHit *hit)
{
  int start = cb_search_hit_get_match_start (hit);
  int end = cb_search_hit_get_match_end (hit);

  /* The match highlighted (a match in the title only: the article's top). */
  cb_selection_select_article (self->selection,
                               cb_search_hit_get_article_id (hit),
                               start, end >= start ? end : start);
}

static void
search_hit_activate_cb (CbWindow    *self,
                        guint        position,
                        GtkListView *list_view)
{
  g_autoptr(CbSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->hits_selection), position);

  if (hit != NULL)
    open_hit (self, hit);
}

static void
hits_selected_cb (CbWindow           *self,
                  GParamSpec         *pspec,
                  GtkSingleSelection *hits_selection)
{
  CbSearchHit *hit = gtk_single_selection_get_selected_item (hits_selection);

  if (hit != NULL)
    open_hit (self, hit);
}

static void
search_changed_cb (CbWindow       *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gboolean more;
  guint n;

  if (*stripped == '\0')
    {
      gtk_stack_set_visible_child_name (self->middle_stack, "excerpts");
      g_list_store_remove_all (self->hits);
      return;
    }

  /* One more than is shown tells whether there were more. */
  hits = cb_store_search (self->store, stripped, SEARCH_LIMIT + 1, &error);
  if (hits == NULL)
    g_warning ("Search failed: %s", error->message);
  more = hits != NULL && hits->len > SEARCH_LIMIT;
  if (more)
    g_ptr_array_set_size (hits, SEARCH_LIMIT);

  g_signal_handlers_block_by_func (self->hits_selection, hits_selected_cb, self);
  g_list_store_splice (self->hits, 0, g_list_model_get_n_items (G_LIST_MODEL (self->hits)),
                       hits != NULL ? hits->pdata : NULL,
                       hits != NULL ? hits->len : 0);
  gtk_single_selection_set_selected (self->hits_selection, GTK_INVALID_LIST_POSITION);
  g_signal_handlers_unblock_by_func (self->hits_selection, hits_selected_cb, self);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->hits));
  if (more)
    heading = g_strdup_printf (ngettext ("The best %'u article found", "The best %'u articles found", n), n);
  else
    heading = g_strdup_printf (ngettext ("%'u article found", "%'u articles found", n), n);
  gtk_label_set_label (self->search_heading, heading);
  gtk_stack_set_visible_child_name (self->search_stack, n > 0 ? "hits" : "none");
  gtk_stack_set_visible_child_name (self->middle_stack, "search");
}

static void
search_activate_cb (CbWindow       *self,
                    GtkSearchEntry *entry)
{
  g_autoptr(CbSearchHit) hit = NULL;

  /* Enter opens the best hit. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->hits)) == 0)
    return;
  gtk_single_selection_set_selected (self->hits_selection, 0);
  hit = g_list_model_get_item (G_LIST_MODEL (self->hits), 0);
  open_hit (self, hit);
}

static void
stop_search_cb (CbWindow       *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* --- Import ---------------------------------------------------------------- */

static void
import_progress_cb (const CbImportResult *result,
                    guint                 done,
                    guint                 total,
                    gpointer              user_data)
{
  CbWindow *self = user_data;
  g_autofree char *message = NULL;

  if (self->import_cancellable == NULL)
    return;

  /* Translators: progress of an import, "Importing 2 of 5 files…" */
  message = g_strdup_printf (ngettext ("Importing %'u of %'u file…", "Importing %'u of %'u files…", total),
                             MIN (done + 1, total), total);
  gtk_label_set_label (self->status_label, message);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0.0);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CbWindow) self = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) message = g_string_new (NULL);
  g_autoptr(GString) details = g_string_new (NULL);
  guint imported = 0, duplicates = 0, rejected = 0;
  gboolean cancelled;

  cancelled = g_cancellable_is_cancelled (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  update_actions (self);

  results = cb_importer_import_files_finish (CB_IMPORTER (object), result, &error);
  if (results == NULL)
    {
      show_status (self, error->message, FALSE);
      return;
    }

  for (guint i = 0; i < results->len; i++)
    {
      const CbImportResult *r = g_ptr_array_index (results, i);

      switch (r->outcome)
        {
        case CB_IMPORT_IMPORTED:
          imported++;
          break;
        case CB_IMPORT_DUPLICATE:
          duplicates++;
          break;
        case CB_IMPORT_REJECTED:
        default:
          rejected++;
          if (details->len > 0)
            g_string_append_c (details, '\n');
          /* Translators: a file that was not imported, and why */
          g_string_append_printf (details, _("%s: %s"), r->path, r->reason != NULL ? r->reason : "");
          break;
        }
    }

  g_string_append_printf (message, ngettext ("Imported %'u article", "Imported %'u articles", imported), imported);
  if (duplicates > 0)
    {
      g_string_append (message, " · ");
      g_string_append_printf (message, ngettext ("%'u already stored", "%'u already stored", duplicates), duplicates);
    }
  if (rejected > 0)
    {
      g_string_append (message, " · ");
      g_string_append_printf (message, ngettext ("%'u file not imported", "%'u files not imported", rejected), rejected);
    }
  if (cancelled)
    {
      g_string_append (message, " · ");
      g_string_append (message, _("stopped"));
    }

  g_clear_pointer (&self->import_details, g_free);
  if (details->len > 0)
    self->import_details = g_strdup (details->str);
  /* The inbox is looked through at every start: what it held already is
   * not news. */
  if (self->import_from_inbox && imported == 0 && rejected == 0 && !cancelled)
    gtk_revealer_set_reveal_child (self->status_revealer, FALSE);
  else
    {
      show_status (self, message->str, FALSE);
      /* Rejections stay until dismissed: their reasons are behind Details. */
      if (rejected == 0)
        self->hide_status_id = g_timeout_add_seconds (8, hide_status_cb, self);
    }

  self->data_version = cb_store_get_data_version (self->store);
  reload (self);
  select_first_event_if_none (self);

  /* What arrived meanwhile (drops, the inbox) goes next, unless the user
   * stopped the import. */
  if (self->queued_files->len > 0)
    {
      g_autoptr(GPtrArray) next = g_steal_pointer (&self->queued_files);

      gboolean from_inbox = self->queued_from_inbox;

      self->queued_files = g_ptr_array_new_with_free_func (g_object_unref);
      if (!cancelled)
        {
          cb_window_import_files (self, (GFile **) next->pdata, next->len);
          self->import_from_inbox = from_inbox;
        }
    }
}

/* --- Drag and drop, text ------------------------------------------------------ */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CbWindow      *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-active");
  return cb_window_import_drop_value (self, value);
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               CbWindow      *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-active");
  if (self->import_cancellable == NULL)
    show_status (self, _("Drop to import as articles"), FALSE);
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget *target,
               CbWindow      *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-active");
  if (self->import_cancellable == NULL)
    {
      g_clear_handle_id (&self->hide_status_id, g_source_remove);
      self->hide_status_id = g_timeout_add (300, hide_status_cb, self);
    }
}

static void
setup_drop_target (CbWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[CB_DROP_N_GTYPES];

  cb_drop_get_gtypes (types);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  g_signal_connect_object (target, "enter", G_CALLBACK (drop_enter_cb), self, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* --- Other writers, the inbox ------------------------------------------------- */

static gboolean
poll_store_cb (gpointer user_data)
{
  CbWindow *self = user_data;
  gint64 version = cb_store_get_data_version (self->store);

  /* Our own import reloads when it is done. */
  if (version != self->data_version && self->import_cancellable == NULL)
    {
      self->data_version = version;
      reload (self);
      select_first_event_if_none (self);
    }
  return G_SOURCE_CONTINUE;
}

static void
inbox_files_ready_cb (CbInbox   *inbox,
                      GPtrArray *files,
                      CbWindow  *self)
{
  gboolean idle = self->import_cancellable == NULL;
  gboolean queue_was_inbox = self->queued_files->len == 0 || self->queued_from_inbox;

  cb_window_import_files (self, (GFile **) files->pdata, files->len);
  if (idle)
    self->import_from_inbox = TRUE;
  else
    self->queued_from_inbox = queue_was_inbox;
}

/* --- File chooser ------------------------------------------------------------ */

static void
chooser_response_cb (CbWindow             *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      n = g_list_model_get_n_items (files);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      if (array->len > 0)
        cb_window_import_files (self, (GFile **) array->pdata, array->len);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}

static void
show_chooser (CbWindow             *self,
              GtkFileChooserAction  action)
{
  g_autoptr(GtkFileFilter) text_filter = NULL;
  g_autoptr(GtkFileFilter) all_filter = NULL;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (action == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                               ? _("Import Folders")
                                               : _("Import Articles"),
                                               GTK_WINDOW (self), action,
                                               _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      text_filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (text_filter, _("Text Files"));
      gtk_file_filter_add_mime_type (text_filter, "text/*");
      all_filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (all_filter, _("All Files"));
      gtk_file_filter_add_pattern (all_filter, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), text_filter);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all_filter);
    }

  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* --- Actions ----------------------------------------------------------------- */

static void
select_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);

  cb_selection_select_case (self->selection, g_variant_get_int64 (param));
}

static void
select_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);
  gint64 event_id = g_variant_get_int64 (param);
  gint64 case_id = cb_selection_get_case_id (self->selection);
  g_autoptr(CbEvent) event = cb_store_get_event (self->store, event_id, NULL);

  if (event == NULL)
    {
      g_debug ("No event %" G_GINT64_FORMAT " to select", event_id);
      return;
    }

  /* An event of another case: show that case, or the event is not listed. */
  if (case_id != 0 && case_id != cb_event_get_case_id (event))
    cb_selection_select_case (self->selection, cb_event_get_case_id (event));
  cb_selection_select_event (self->selection, event_id,
                             cb_event_get_article_id (event),
                             cb_event_get_start (event),
                             cb_event_get_end (event));
}

static void
select_excerpt_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);
  gint64 excerpt_id = g_variant_get_int64 (param);
  g_autoptr(CbExcerpt) excerpt = cb_store_get_excerpt (self->store, excerpt_id, NULL);

  if (excerpt == NULL)
    {
      g_debug ("No excerpt %" G_GINT64_FORMAT " to select", excerpt_id);
      return;
    }

  cb_selection_select_excerpt (self->selection, excerpt_id,
                               cb_excerpt_get_event_id (excerpt),
                               cb_excerpt_get_article_id (excerpt),
                               cb_excerpt_get_start (excerpt),
                               cb_excerpt_get_end (excerpt));
}

static void
select_article_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);

  cb_selection_select_article (self->selection, g_variant_get_int64 (param), -1, -1);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  show_chooser (CB_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
import_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  show_chooser (CB_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

static void
load_samples_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);
  g_autofree char *dir = cb_window_dup_samples_dir ();
  g_autoptr(GFile) file = NULL;

  if (dir == NULL)
    {
      show_status (self, _("The sample articles are not installed"), FALSE);
      return;
    }

  file = g_file_new_for_path (dir);
  cb_window_import_files (self, &file, 1);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  reload (CB_WINDOW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
focus_pane_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);
  GtkWidget *pane;

  switch (g_variant_get_int32 (param))
    {
    case 1: pane = GTK_WIDGET (self->cases_pane); break;
    case 2: pane = GTK_WIDGET (self->timeline_pane); break;
    case 3: pane = gtk_stack_get_visible_child (self->middle_stack); break;
    case 4: pane = GTK_WIDGET (self->article_pane); break;
    default: return;
    }

  gtk_widget_child_focus (pane, GTK_DIR_TAB_FORWARD);
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

static void
details_response_cb (GtkDialog *dialog,
                     int        response,
                     gpointer   user_data)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
import_details_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);
  GtkWidget *dialog;

  if (self->import_details == NULL)
    return;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_INFO, GTK_BUTTONS_CLOSE,
                                   _("Files Not Imported"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("Nothing of these files was stored; the other files were imported.\n\n%s"),
                                            self->import_details);
  g_signal_connect (dialog, "response", G_CALLBACK (details_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
dismiss_status_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  hide_status_cb (widget);
}

/* --- GObject --------------------------------------------------------------- */

static void
cb_window_constructed (GObject *object)
{
  CbWindow *self = CB_WINDOW (object);

  G_OBJECT_CLASS (cb_window_parent_class)->constructed (object);

  g_return_if_fail (CB_IS_STORE (self->store));

  /* The selection first, so the first load already follows it. */
  cb_cases_pane_set_selection (self->cases_pane, self->selection);
  cb_timeline_pane_set_selection (self->timeline_pane, self->selection);
  cb_excerpts_pane_set_selection (self->excerpts_pane, self->selection);
  cb_article_pane_set_selection (self->article_pane, self->selection);

  cb_cases_pane_set_store (self->cases_pane, self->store);
  cb_timeline_pane_set_store (self->timeline_pane, self->store);
  cb_excerpts_pane_set_store (self->excerpts_pane, self->store);
  cb_article_pane_set_store (self->article_pane, self->store);

  g_signal_connect_object (self->selection, "notify::case-id",
                           G_CALLBACK (case_changed_cb), self, G_CONNECT_SWAPPED);
  watch_lists (self);

  select_first_event_if_none (self);
  update_actions (self);
  undo_init (self);

  self->data_version = cb_store_get_data_version (self->store);
  self->poll_id = g_timeout_add_seconds (POLL_SECONDS, poll_store_cb, self);
  g_source_set_name_by_id (self->poll_id, "[casebook] poll for other writers");
}

static void
cb_window_dispose (GObject *object)
{
  CbWindow *self = CB_WINDOW (object);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_pointer (&self->import_details, g_free);
  g_clear_handle_id (&self->hide_status_id, g_source_remove);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  cb_window_stop_inbox (self);
  g_clear_pointer (&self->queued_files, g_ptr_array_unref);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_WINDOW);

  g_clear_object (&self->hits_selection);
  g_clear_object (&self->hits);
  g_clear_object (&self->undo_section);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cb_window_parent_class)->dispose (object);
}

static void
cb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CbWindow *self = CB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CbWindow *self = CB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_window_class_init (CbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cb_window_constructed;
  object_class->dispose = cb_window_dispose;
  object_class->get_property = cb_window_get_property;
  object_class->set_property = cb_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, CB_TYPE_SELECTION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Whether a pane's list is still being read (on a thread). */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Referencing the bundle keeps the linker from dropping it out of the
   * static library; its constructor registers it. */
  g_return_if_fail (casebook_get_resource () != NULL);

  g_type_ensure (CB_TYPE_CASES_PANE);
  g_type_ensure (CB_TYPE_TIMELINE_PANE);
  g_type_ensure (CB_TYPE_EXCERPTS_PANE);
  g_type_ensure (CB_TYPE_ARTICLE_PANE);
  g_type_ensure (CB_TYPE_SEARCH_HIT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/casebook/Casebook/cb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CbWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, status_revealer);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, details_button);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, dismiss_button);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, cases_pane);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, timeline_pane);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, excerpts_pane);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, article_pane);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, middle_stack);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, search_heading);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, search_stack);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, search_list_view);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, cases_paned);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, timeline_paned);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, excerpts_paned);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_hit_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, hit_snippet_cb);

  gtk_widget_class_install_action (widget_class, "win.select-case", "x", select_case_action);
  gtk_widget_class_install_action (widget_class, "win.select-event", "x", select_event_action);
  gtk_widget_class_install_action (widget_class, "win.select-excerpt", "x", select_excerpt_action);
  gtk_widget_class_install_action (widget_class, "win.select-article", "x", select_article_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, import_folder_action);
  gtk_widget_class_install_action (widget_class, "win.load-samples", NULL, load_samples_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.focus-pane", "i", focus_pane_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-status", NULL, dismiss_status_action);
  gtk_widget_class_install_action (widget_class, "win.import-details", NULL, import_details_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  undo_class_init (widget_class);
  /* Accept, reject, merge, excerpts: cb-window-review.c */
  _cb_window_review_class_init (widget_class);
  _cb_window_edit_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.import-folder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh", NULL);
  for (int i = 1; i <= 4; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_ALT_MASK,
                                         "win.focus-pane", "i", i);
}

static void
cb_window_init (CbWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* GTK 4.8 names a button with a text label both by that text and by the
   * label inside it ("Stop Stop"): the accessible label (set in the
   * template, without the mnemonic) is enough. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->import_button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->cancel_button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->details_button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  self->selection = cb_selection_new ();
  self->queued_files = g_ptr_array_new_with_free_func (g_object_unref);
  setup_drop_target (self);

  self->hits = g_list_store_new (CB_TYPE_SEARCH_HIT);
  self->hits_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->hits)));
  gtk_single_selection_set_autoselect (self->hits_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->hits_selection, TRUE);
  g_signal_connect_object (self->hits_selection, "notify::selected",
                           G_CALLBACK (hits_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->search_list_view, GTK_SELECTION_MODEL (self->hits_selection));
}

/* --- Public API ------------------------------------------------------------ */

CbWindow *
cb_window_new (GtkApplication *application,
               CbStore        *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CB_IS_STORE (store), NULL);

  return g_object_new (CB_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

void
cb_window_track_state (CbWindow  *self,
                       GSettings *settings)
{
  static const char * const pane_keys[] = {
    "cases-pane-position", "timeline-pane-position", "excerpts-pane-position"
  };
  GtkPaned *panes[] = { self->cases_paned, self->timeline_paned, self->excerpts_paned };

  g_return_if_fail (CB_IS_WINDOW (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  cb_window_state_track (GTK_WINDOW (self), settings, panes, pane_keys, G_N_ELEMENTS (panes),
                         self->selection, self->store);
}

CbStore *
cb_window_get_store (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);
  return self->store;
}

CbSelection *
cb_window_get_selection (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);
  return self->selection;
}

CbCasesPane *
cb_window_get_cases_pane (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);
  return self->cases_pane;
}

CbTimelinePane *
cb_window_get_timeline_pane (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);
  return self->timeline_pane;
}

CbExcerptsPane *
cb_window_get_excerpts_pane (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);
  return self->excerpts_pane;
}

CbArticlePane *
cb_window_get_article_pane (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);
  return self->article_pane;
}

gboolean
cb_window_get_loading (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), FALSE);
  return self->loading;
}

GtkEditable *
cb_window_get_search_entry (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

GListModel *
cb_window_get_search_hits (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->hits);
}

const char *
cb_window_get_search_heading (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);
  return gtk_label_get_label (self->search_heading);
}

gboolean
cb_window_get_importing (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), FALSE);
  return self->import_cancellable != NULL;
}

gboolean
cb_window_import_files (CbWindow  *self,
                        GFile    **files,
                        guint      n_files)
{
  g_autoptr(CbImporter) importer = NULL;

  g_return_val_if_fail (CB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (files != NULL || n_files == 0, FALSE);

  if (n_files == 0)
    return FALSE;

  if (self->import_cancellable != NULL)
    {
      /* One import at a time (one writer thread); these go next. */
      for (guint i = 0; i < n_files; i++)
        g_ptr_array_add (self->queued_files, g_object_ref (files[i]));
      self->queued_from_inbox = FALSE;
      return TRUE;
    }

  self->import_from_inbox = FALSE;

  self->import_cancellable = g_cancellable_new ();
  update_actions (self);

  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  g_clear_pointer (&self->import_details, g_free);
  show_status (self, _("Importing…"), TRUE);

  importer = cb_application_new_importer (gtk_window_get_application (GTK_WINDOW (self)),
                                          self->store);
  cb_importer_import_files_async (importer, files, n_files,
                                  self->import_cancellable,
                                  import_progress_cb, g_object_ref (self), g_object_unref,
                                  import_done_cb, g_object_ref (self));
  return TRUE;
}

gboolean
cb_window_import_text (CbWindow   *self,
                       const char *text)
{
  g_autoptr(CbImporter) importer = NULL;
  g_autoptr(CbImportResult) result = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (CB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  /* One short text: stored here, on the window's own connection. */
  importer = cb_application_new_importer (gtk_window_get_application (GTK_WINDOW (self)),
                                          self->store);
  result = cb_importer_import_text (importer, text, _("Dropped text"));

  g_clear_pointer (&self->import_details, g_free);
  switch (result->outcome)
    {
    case CB_IMPORT_IMPORTED:
      /* Translators: %s is the title of the new article */
      message = g_strdup_printf (_("Imported “%s”"), result->title);
      break;
    case CB_IMPORT_DUPLICATE:
      /* Translators: %s is the title of the stored article */
      message = g_strdup_printf (_("This text is stored already, as “%s”"), result->title);
      break;
    case CB_IMPORT_REJECTED:
    default:
      /* Translators: %s says why */
      message = g_strdup_printf (_("The dropped text was not imported: %s"), result->reason);
      break;
    }
  show_status (self, message, FALSE);
  if (result->outcome != CB_IMPORT_REJECTED)
    self->hide_status_id = g_timeout_add_seconds (8, hide_status_cb, self);

  if (result->outcome == CB_IMPORT_IMPORTED)
    {
      reload (self);
      cb_selection_select_article (self->selection, result->article_id, -1, -1);
    }
  return result->outcome != CB_IMPORT_REJECTED;
}

gboolean
cb_window_import_drop_value (CbWindow     *self,
                             const GValue *value)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (CB_IS_WINDOW (self), FALSE);

  if (!cb_drop_parse_value (value, &files, &text))
    return FALSE;
  if (files != NULL)
    return cb_window_import_files (self, (GFile **) files->pdata, files->len);
  return cb_window_import_text (self, text);
}

gboolean
cb_window_watch_inbox (CbWindow  *self,
                       GFile     *folder,
                       guint      quiet_ms,
                       GError   **error)
{
  g_autoptr(CbInbox) inbox = NULL;

  g_return_val_if_fail (CB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  inbox = cb_inbox_new (folder);
  if (quiet_ms > 0)
    cb_inbox_set_quiet_period (inbox, quiet_ms);
  g_signal_connect_object (inbox, "files-ready", G_CALLBACK (inbox_files_ready_cb), self, 0);
  if (!cb_inbox_start (inbox, error))
    return FALSE;

  cb_window_stop_inbox (self);
  self->inbox = g_steal_pointer (&inbox);
  return TRUE;
}

void
cb_window_stop_inbox (CbWindow *self)
{
  g_return_if_fail (CB_IS_WINDOW (self));

  if (self->inbox != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->inbox, self);
      cb_inbox_stop (self->inbox);
      g_clear_object (&self->inbox);
    }
}

void
cb_window_show_message (CbWindow   *self,
                        const char *message)
{
  g_return_if_fail (CB_IS_WINDOW (self));

  if (self->import_cancellable == NULL)
    show_status (self, message, FALSE);
}

void
cb_window_show_error (CbWindow   *self,
                      const char *what,
                      GError     *error)
{
  /* Translators: what could not be done, then why */
  g_autofree char *message = g_strdup_printf (_("%s: %s"), what, error->message);

  cb_window_show_message (self, message);
}

GFile *
cb_window_get_inbox_folder (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);

  return self->inbox != NULL ? cb_inbox_get_folder (self->inbox) : NULL;
}

char *
cb_window_dup_samples_dir (void)
{
  if (g_file_test (SAMPLESDIR, G_FILE_TEST_IS_DIR))
    return g_strdup (SAMPLESDIR);
  if (g_file_test (SOURCE_SAMPLESDIR, G_FILE_TEST_IS_DIR))
    return g_strdup (SOURCE_SAMPLESDIR);
  return NULL;
}
