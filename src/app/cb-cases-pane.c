/* cb-cases-pane.c — the case files pane of the main window
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-case-dialog.h"
#include "cb-cases-pane.h"
#include "cb-lazy-list.h"
#include "cb-list-scroll.h"

struct _CbCasesPane
{
  GtkWidget           parent_instance;

  CbStore            *store;
  CbSelection        *selection;

  CbLazyList         *cases;          /* CbCaseFile, as the store lists them */
  GListStore         *all_row;        /* one CbCaseFile with id 0: "All Case Files" */
  GListStore         *models;         /* all_row, then cases: flattened into one list */
  GtkSingleSelection *list_selection;
  gboolean            syncing;        /* the pane itself moves the list selection */
  GSimpleAction      *status_action;  /* case.status: the selected case's status */
  CbCaseDialog       *dialog;         /* the dialog open, if any */
  GtkWidget          *context_menu;   /* GtkPopoverMenu */

  /* Template widgets */
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkLabel           *empty_label;
  GMenuModel         *case_menu;
};

G_DEFINE_FINAL_TYPE (CbCasesPane, cb_cases_pane, GTK_TYPE_WIDGET)

/* The row template in cb-cases-pane.ui sits in CDATA, which xgettext does not
 * read; its builder translates these at run time from the catalog. */
static const char * const row_template_strings[] G_GNUC_UNUSED = {
  N_("Suggested"),
  N_("Found by the extractor; not reviewed yet"),
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
case_subtitle_cb (gpointer    this_,
                  CbCaseFile *item)
{
  const char *subject;
  g_autofree char *events = NULL;

  if (item == NULL)
    return NULL;

  if (cb_case_file_get_id (item) == 0)
    return g_strdup (_("Every event and excerpt"));

  subject = cb_case_file_get_subject_name (item);
  events = g_strdup_printf (ngettext ("%'u event", "%'u events",
                                      cb_case_file_get_event_count (item)),
                            cb_case_file_get_event_count (item));

  if (subject == NULL || *subject == '\0'
      || g_strcmp0 (subject, cb_case_file_get_title (item)) == 0)
    /* Translators: status of a case file, then the number of events */
    return g_strdup_printf (_("%s · %s"),
                            cb_case_status_to_label (cb_case_file_get_status (item)),
                            events);

  /* Translators: subject of a case file, its status and the number of events */
  return g_strdup_printf (_("%s · %s · %s"), subject,
                          cb_case_status_to_label (cb_case_file_get_status (item)),
                          events);
}

/* The row of @case_id: "All Case Files" first, then the cases. */
static guint
find_position (CbCasesPane *self,
               gint64       case_id)
{
  guint pos;

  if (case_id == 0)
    return 0;
  if (self->cases == NULL)
    return GTK_INVALID_LIST_POSITION;

  pos = cb_lazy_list_find (self->cases, case_id);
  return pos != CB_LAZY_LIST_NO_POSITION ? pos + 1 : GTK_INVALID_LIST_POSITION;
}

/* Shows the selection's case in the list without writing back to it. */
static void
sync_from_selection (CbCasesPane *self)
{
  guint pos;

  if (self->selection == NULL)
    return;

  pos = find_position (self, cb_selection_get_case_id (self->selection));

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->list_selection, pos);
  self->syncing = FALSE;

  if (pos != GTK_INVALID_LIST_POSITION)
    cb_list_view_scroll_to (self->list_view, pos);
}

static void
list_selected_cb (CbCasesPane        *self,
                  GParamSpec         *pspec,
                  GtkSingleSelection *list_selection)
{
  CbCaseFile *item;

  if (self->syncing || self->selection == NULL)
    return;

  item = gtk_single_selection_get_selected_item (list_selection);
  if (item != NULL)
    cb_selection_select_case (self->selection, cb_case_file_get_id (item));
}

static void update_actions (CbCasesPane *self);

static void
case_id_changed_cb (CbCasesPane *self)
{
  sync_from_selection (self);
  update_actions (self);
}

/* --- Editing ------------------------------------------------------------------ */

static gint64
selected_case_id (CbCasesPane *self)
{
  return self->selection != NULL ? cb_selection_get_case_id (self->selection) : 0;
}

/* The selected case file as listed, or NULL. */
static CbCaseFile *
selected_case (CbCasesPane *self)
{
  guint pos = find_position (self, selected_case_id (self));

  if (pos == GTK_INVALID_LIST_POSITION || selected_case_id (self) == 0)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->list_selection), pos);
}

/* The actions that need a case are enabled only with one selected. */
static void
update_actions (CbCasesPane *self)
{
  g_autoptr(CbCaseFile) item = selected_case (self);
  gboolean has_case = item != NULL;
  gboolean has_store = self->store != NULL;
  CbCaseStatus status = has_case ? cb_case_file_get_status (item) : CB_CASE_STATUS_OPEN;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.new", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.create", has_store);
  for (guint i = 0; i < 9; i++)
    {
      static const char * const names[] = {
        "cases.rename", "cases.rename-to", "cases.menu", "cases.edit-notes", "cases.set-notes",
        "cases.delete", "cases.merge-into", "cases.merge-into-case", "cases.new",
      };
      gboolean enabled = has_case && has_store;

      if (g_str_equal (names[i], "cases.new"))
        continue;

      if (g_str_has_prefix (names[i], "cases.merge"))
        enabled = enabled && self->cases != NULL
                  && g_list_model_get_n_items (G_LIST_MODEL (self->cases)) > 1;
      gtk_widget_action_set_enabled (GTK_WIDGET (self), names[i], enabled);
    }

  g_simple_action_set_enabled (self->status_action, has_case && has_store);
  g_simple_action_set_state (self->status_action,
                             g_variant_new_string (cb_case_status_to_string (status)));
}

/* Says what went wrong, or that a destructive edit can be undone, in the
 * window's status bar. */
static void
tell (CbCasesPane *self,
      const char  *message,
      gboolean     undoable)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "(sb)", message, undoable);
}

static void
report (CbCasesPane *self,
        GError      *error)
{
  g_warning ("%s", error->message);
  tell (self, error->message, FALSE);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CbCasesPane *self = CB_CASES_PANE (widget);
  g_autoptr(GError) error = NULL;
  const char *title = NULL;
  gint64 subject_id = 0, case_id;

  g_variant_get (param, "(&sx)", &title, &subject_id);
  case_id = cb_store_create_case (self->store, title, subject_id, &error);
  if (case_id == 0)
    {
      report (self, error);
      return;
    }
  /* The store told the window, which reloaded the panes: pick the new case. */
  cb_cases_pane_reload (self);
  cb_selection_select_case (self->selection, case_id);
}

static void
rename_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CbCasesPane *self = CB_CASES_PANE (widget);
  g_autoptr(GError) error = NULL;

  if (!cb_store_rename_case (self->store, selected_case_id (self),
                             g_variant_get_string (param, NULL), &error))
    report (self, error);
}

static void
set_notes_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CbCasesPane *self = CB_CASES_PANE (widget);
  g_autoptr(GError) error = NULL;

  if (!cb_store_set_case_notes (self->store, selected_case_id (self),
                                g_variant_get_string (param, NULL), &error))
    report (self, error);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CbCasesPane *self = CB_CASES_PANE (widget);
  g_autoptr(CbCaseFile) item = selected_case (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (item == NULL)
    return;
  /* No question first: it can be undone, and the status bar says how. */
  if (!cb_store_delete_case (self->store, cb_case_file_get_id (item), &error))
    {
      report (self, error);
      return;
    }
  /* Translators: %s is the title of a case file */
  message = g_strdup_printf (_("Case file “%s” deleted; its events were kept"),
                             cb_case_file_get_title (item));
  tell (self, message, TRUE);
}

static void
merge_into_case_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  CbCasesPane *self = CB_CASES_PANE (widget);
  g_autoptr(CbCaseFile) item = selected_case (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 keep_id = g_variant_get_int64 (param);

  if (item == NULL)
    return;
  if (!cb_store_merge_cases (self->store, keep_id, cb_case_file_get_id (item), &error))
    {
      report (self, error);
      return;
    }
  cb_selection_select_case (self->selection, keep_id);
  /* Translators: %s is the title of a case file */
  message = g_strdup_printf (_("Case file “%s” merged"), cb_case_file_get_title (item));
  tell (self, message, TRUE);
}

/* case.status (s, stateful): the Set Status menu's radio items. */
static void
status_change_cb (CbCasesPane   *self,
                  GVariant      *value,
                  GSimpleAction *action)
{
  CbCaseStatus status = cb_case_status_from_string (g_variant_get_string (value, NULL));
  g_autoptr(GError) error = NULL;

  if (selected_case_id (self) == 0)
    return;
  if (!cb_store_set_case_status (self->store, selected_case_id (self), status, &error))
    report (self, error);
  /* The window reloaded the list; the state follows the case. */
  update_actions (self);
}

static void
dialog_response_cb (CbCasesPane  *self,
                    int           response,
                    CbCaseDialog *dialog)
{
  g_autofree char *text = cb_case_dialog_dup_text (dialog);
  gint64 choice = cb_case_dialog_get_choice (dialog);
  CbCaseDialogMode mode = cb_case_dialog_get_mode (dialog);

  if (self->dialog == dialog)
    self->dialog = NULL;
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  switch (mode)
    {
    case CB_CASE_DIALOG_NEW:
      gtk_widget_activate_action (GTK_WIDGET (self), "cases.create", "(sx)", text, choice);
      break;
    case CB_CASE_DIALOG_RENAME:
      gtk_widget_activate_action (GTK_WIDGET (self), "cases.rename-to", "s", text);
      break;
    case CB_CASE_DIALOG_NOTES:
      gtk_widget_activate_action (GTK_WIDGET (self), "cases.set-notes", "s", text);
      break;
    case CB_CASE_DIALOG_MERGE:
    default:
      gtk_widget_activate_action (GTK_WIDGET (self), "cases.merge-into-case", "x", choice);
      break;
    }
}

static void
open_dialog (CbCasesPane      *self,
             CbCaseDialogMode  mode)
{
  g_autoptr(CbCaseFile) item = selected_case (self);
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));

  if (mode == CB_CASE_DIALOG_NEW)
    choices = cb_store_list_persons (self->store, &error);
  else if (mode == CB_CASE_DIALOG_MERGE)
    {
      /* Titles only: not a row of the list made for each case. */
      choices = cb_store_list_case_choices (self->store, &error);
      for (guint i = 0; choices != NULL && item != NULL && i < choices->len; i++)
        if (cb_case_file_get_id (g_ptr_array_index (choices, i)) == cb_case_file_get_id (item))
          {
            g_ptr_array_remove_index (choices, i);
            break;
          }
    }
  if (error != NULL)
    g_warning ("Could not list the choices: %s", error->message);

  self->dialog = cb_case_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, mode,
                                     item != NULL ? cb_case_file_get_title (item) : NULL,
                                     choices);
  if (mode == CB_CASE_DIALOG_NOTES && item != NULL)
    cb_case_dialog_set_text (self->dialog, cb_case_file_get_notes (item));
  g_signal_connect_object (self->dialog, "response", G_CALLBACK (dialog_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->dialog));
}

static void
dialog_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CbCasesPane *self = CB_CASES_PANE (widget);

  if (g_str_equal (action_name, "cases.new"))
    open_dialog (self, CB_CASE_DIALOG_NEW);
  else if (g_str_equal (action_name, "cases.rename"))
    open_dialog (self, CB_CASE_DIALOG_RENAME);
  else if (g_str_equal (action_name, "cases.edit-notes"))
    open_dialog (self, CB_CASE_DIALOG_NOTES);
  else
    open_dialog (self, CB_CASE_DIALOG_MERGE);
}

/* The context menu, pointing at @x, @y of the pane. */
static void
popup_menu_at (CbCasesPane *self,
               double       x,
               double       y)
{
  if (self->context_menu == NULL)
    {
      self->context_menu = gtk_popover_menu_new_from_model (self->case_menu);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* Shift+F10, the Menu key: the menu of the focused row (else the list). */
static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CbCasesPane *self = CB_CASES_PANE (widget);
  GtkWidget *row = gtk_widget_get_focus_child (GTK_WIDGET (self->list_view));
  graphene_rect_t bounds;

  if ((row == NULL || !gtk_widget_compute_bounds (row, GTK_WIDGET (self), &bounds))
      && !gtk_widget_compute_bounds (GTK_WIDGET (self->list_view), GTK_WIDGET (self), &bounds))
    graphene_rect_init (&bounds, 0, 0, 0, 0);
  popup_menu_at (self, bounds.origin.x + 24, bounds.origin.y + MIN (bounds.size.height, 40));
}

/* A right click selects the row under it and opens its menu. */
static void
row_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                GtkListItem     *list_item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  CbCasesPane *self = CB_CASES_PANE (gtk_widget_get_ancestor (row, CB_TYPE_CASES_PANE));
  graphene_point_t point;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_single_selection_set_selected (self->list_selection, gtk_list_item_get_position (list_item));
  if (!gtk_widget_compute_point (row, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    point = GRAPHENE_POINT_INIT (x, y);
  popup_menu_at (self, point.x, point.y);
}

/* --- Review: accept or reject the selected case's suggestion -------------- */

static CbCaseFile *
review_selected_case (CbCasesPane *self)
{
  CbCaseFile *item = gtk_single_selection_get_selected_item (self->list_selection);

  return item != NULL && cb_case_file_get_id (item) != 0 ? item : NULL;
}

static void
update_review_actions (CbCasesPane *self)
{
  CbCaseFile *item = review_selected_case (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.accept",
                                 item != NULL && cb_case_file_get_review (item) != CB_REVIEW_ACCEPTED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.reject", item != NULL);
}

/* The window's actions do the work, so menus, keys and tests share them. */
static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CbCaseFile *item = review_selected_case (CB_CASES_PANE (widget));

  if (item != NULL)
    gtk_widget_activate_action (widget,
                                g_str_equal (action_name, "cases.accept") ? "win.accept-case" : "win.reject-case",
                                "x", cb_case_file_get_id (item));
}

/* Accept and Reject are a section of the case menu (ui/cb-cases-pane.ui). */
static void
setup_review (CbCasesPane *self)
{
  g_signal_connect_object (self->list_selection, "notify::selected-item",
                           G_CALLBACK (update_review_actions), self, G_CONNECT_SWAPPED);
  update_review_actions (self);
}

static void
review_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "cases.accept", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "cases.reject", NULL, review_action);
  /* The keypad's first: a menu shows the last key bound to its action. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "cases.accept", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "cases.accept", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, GDK_CONTROL_MASK, "cases.reject", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "cases.reject", NULL);
}

/* --- The list -------------------------------------------------------------- */

/* Before the rows are replaced: nothing selected, so that the selection
 * model does not look for its item among every new row (it would make them
 * all); the list view still shows the old rows. */
static void
list_changing_cb (CbCasesPane *self)
{
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->list_selection, GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;
  cb_list_view_rows_replaced (self->list_view);
}

/* After each load: the selection's case shown again. */
static void
list_loaded_cb (CbCasesPane *self)
{
  gboolean loading = self->cases != NULL && cb_lazy_list_get_loading (self->cases);
  guint n = self->cases != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->cases)) : 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  if (loading)
    gtk_label_set_label (self->empty_label, _("Loading case files…"));
  /* Articles without a case yet: importing more is not the only way on. */
  else if (n == 0 && self->store != NULL && cb_store_has_articles (self->store))
    gtk_label_set_label (self->empty_label,
                         _("No case files yet — none of the articles names a person in a legal case"));
  else
    gtk_label_set_label (self->empty_label, _("No case files yet — import articles with Import…"));

  /* A case that went away (rejected, deleted) leaves nothing to filter by. */
  if (!loading && self->selection != NULL
      && find_position (self, cb_selection_get_case_id (self->selection)) == GTK_INVALID_LIST_POSITION)
    cb_selection_select_case (self->selection, 0);

  sync_from_selection (self);
  update_actions (self);
}

static void
set_list (CbCasesPane *self,
          CbLazyList  *cases)
{
  if (self->cases != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->cases, self);
      list_changing_cb (self);
      g_list_store_remove (self->models, 1);
      g_clear_object (&self->cases);
    }

  self->cases = cases;
  if (cases == NULL)
    return;

  g_signal_connect_object (cases, "replacing", G_CALLBACK (list_changing_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cases, "loaded", G_CALLBACK (list_loaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cases, "notify::loading", G_CALLBACK (list_loaded_cb), self, G_CONNECT_SWAPPED);
  g_list_store_append (self->models, cases);
}

static void
cb_cases_pane_dispose (GObject *object)
{
  CbCasesPane *self = CB_CASES_PANE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_CASES_PANE);
  /* The template's top box is not a bound child: unparent it ourselves. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  self->dialog = NULL;
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_object (&self->status_action);
  g_clear_object (&self->store);
  g_clear_object (&self->selection);
  g_clear_object (&self->list_selection);
  if (self->cases != NULL)
    g_signal_handlers_disconnect_by_data (self->cases, self);
  g_clear_object (&self->cases);
  g_clear_object (&self->all_row);
  g_clear_object (&self->models);

  G_OBJECT_CLASS (cb_cases_pane_parent_class)->dispose (object);
}

static void
cb_cases_pane_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CbCasesPane *self = CB_CASES_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_cases_pane_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CbCasesPane *self = CB_CASES_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cb_cases_pane_set_store (self, g_value_get_object (value));
      break;
    case PROP_SELECTION:
      cb_cases_pane_set_selection (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_cases_pane_class_init (CbCasesPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_cases_pane_dispose;
  object_class->get_property = cb_cases_pane_get_property;
  object_class->set_property = cb_cases_pane_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, CB_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The row template names the type. */
  g_type_ensure (CB_TYPE_CASE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/casebook/Casebook/cb-cases-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, CbCasesPane, stack);
  gtk_widget_class_bind_template_child (widget_class, CbCasesPane, list_view);
  gtk_widget_class_bind_template_child (widget_class, CbCasesPane, empty_label);
  gtk_widget_class_bind_template_child (widget_class, CbCasesPane, case_menu);
  gtk_widget_class_bind_template_callback (widget_class, case_subtitle_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_pressed_cb);

  gtk_widget_class_install_action (widget_class, "cases.new", NULL, dialog_action);
  gtk_widget_class_install_action (widget_class, "cases.rename", NULL, dialog_action);
  gtk_widget_class_install_action (widget_class, "cases.edit-notes", NULL, dialog_action);
  gtk_widget_class_install_action (widget_class, "cases.merge-into", NULL, dialog_action);
  gtk_widget_class_install_action (widget_class, "cases.create", "(sx)", create_action);
  gtk_widget_class_install_action (widget_class, "cases.rename-to", "s", rename_to_action);
  gtk_widget_class_install_action (widget_class, "cases.set-notes", "s", set_notes_action);
  gtk_widget_class_install_action (widget_class, "cases.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "cases.merge-into-case", "x", merge_into_case_action);
  gtk_widget_class_install_action (widget_class, "cases.menu", NULL, menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "cases.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "cases.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "cases.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "cases.menu", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cb-cases-pane");

  review_class_init (widget_class);
}

static void
cb_cases_pane_init (CbCasesPane *self)
{
  g_autoptr(CbCaseFile) all = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  {
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

    self->status_action = g_simple_action_new_stateful ("status", G_VARIANT_TYPE_STRING,
                                                        g_variant_new_string ("open"));
    g_signal_connect_object (self->status_action, "change-state",
                             G_CALLBACK (status_change_cb), self, G_CONNECT_SWAPPED);
    g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->status_action));
    gtk_widget_insert_action_group (GTK_WIDGET (self), "case", G_ACTION_GROUP (group));
  }

  self->all_row = g_list_store_new (CB_TYPE_CASE_FILE);
  all = cb_case_file_new (0, _("All Case Files"), 0, NULL, CB_CASE_STATUS_OPEN,
                          NULL, CB_REVIEW_ACCEPTED, 0, 0);
  g_list_store_append (self->all_row, all);

  /* "All" above the cases, one list for the keyboard; the cases come with
   * the store. */
  self->models = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->models, self->all_row);

  self->list_selection = gtk_single_selection_new (G_LIST_MODEL (gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->models)))));
  gtk_single_selection_set_autoselect (self->list_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->list_selection, TRUE);
  gtk_single_selection_set_selected (self->list_selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->list_selection, "notify::selected",
                           G_CALLBACK (list_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->list_selection));
  setup_review (self);

  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_actions (self);
}

void
cb_cases_pane_set_store (CbCasesPane *self,
                         CbStore     *store)
{
  g_return_if_fail (CB_IS_CASES_PANE (self));
  g_return_if_fail (store == NULL || CB_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      set_list (self, store != NULL ? cb_lazy_list_new (store, CB_LIST_CASES) : NULL);
      cb_cases_pane_reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
}

CbStore *
cb_cases_pane_get_store (CbCasesPane *self)
{
  g_return_val_if_fail (CB_IS_CASES_PANE (self), NULL);
  return self->store;
}

void
cb_cases_pane_set_selection (CbCasesPane *self,
                             CbSelection *selection)
{
  g_return_if_fail (CB_IS_CASES_PANE (self));
  g_return_if_fail (selection == NULL || CB_IS_SELECTION (selection));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    g_signal_connect_object (selection, "notify::case-id",
                             G_CALLBACK (case_id_changed_cb), self, G_CONNECT_SWAPPED);

  sync_from_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

CbSelection *
cb_cases_pane_get_selection (CbCasesPane *self)
{
  g_return_val_if_fail (CB_IS_CASES_PANE (self), NULL);
  return self->selection;
}

void
cb_cases_pane_reload (CbCasesPane *self)
{
  g_return_if_fail (CB_IS_CASES_PANE (self));

  if (self->cases != NULL)
    cb_lazy_list_load (self->cases, 0);
  else
    list_loaded_cb (self);
}

GListModel *
cb_cases_pane_get_model (CbCasesPane *self)
{
  g_return_val_if_fail (CB_IS_CASES_PANE (self), NULL);
  return self->cases != NULL ? G_LIST_MODEL (self->cases) : NULL;
}

GtkWindow *
cb_cases_pane_get_dialog (CbCasesPane *self)
{
  g_return_val_if_fail (CB_IS_CASES_PANE (self), NULL);
  return self->dialog != NULL ? GTK_WINDOW (self->dialog) : NULL;
}
