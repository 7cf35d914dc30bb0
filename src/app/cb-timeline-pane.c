/* cb-timeline-pane.c — the events pane of the main window
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-article.h"
#include "cb-context-menu.h"
#include "cb-lazy-list.h"
#include "cb-list-scroll.h"
#include "cb-timeline-pane.h"
#include "cb-timeline-view.h"

/* More events than this are not drawn: at hundreds of thousands the marks
 * say nothing and laying them out would make every one of them.  The List
 * shows any number. */
#define MAX_DRAWN_EVENTS 5000

struct _CbTimelinePane
{
  GtkWidget           parent_instance;

  CbStore            *store;
  CbSelection        *selection;

  CbLazyList         *events;         /* CbEvent of the selected case, chronological */
  GtkSingleSelection *list_selection;
  gint64              case_id;        /* the case listed */
  gboolean            syncing;        /* the pane itself moves the list selection */
  GtkSliceListModel  *undated;        /* the events without a date (the last ones), listed apart */
  GHashTable         *source_titles;  /* article id → title, for the tooltips */

  /* Template widgets */
  GtkStack           *stack;
  GtkStack           *mode_stack;
  GtkStack           *chart_stack;
  GtkLabel           *too_many_label;
  GtkLabel           *empty_label;
  GtkListView        *list_view;
  GtkLabel           *subtitle_label;
  CbTimelineView     *timeline_view;
  GtkWidget          *undated_box;
  GtkLabel           *undated_label;
  GtkListBox         *undated_list;

  GMenuModel         *review_menu;    /* the events' context menu: review */
};

G_DEFINE_FINAL_TYPE (CbTimelinePane, cb_timeline_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
find_position (CbTimelinePane *self,
               gint64          event_id)
{
  guint pos;

  if (event_id == 0 || self->events == NULL)
    return GTK_INVALID_LIST_POSITION;

  pos = cb_lazy_list_find (self->events, event_id);
  return pos != CB_LAZY_LIST_NO_POSITION ? pos : GTK_INVALID_LIST_POSITION;
}

/* Whether the chart draws the events (not too many of them). */
static gboolean
is_drawn (CbTimelinePane *self)
{
  return self->events != NULL
         && g_list_model_get_n_items (G_LIST_MODEL (self->events)) <= MAX_DRAWN_EVENTS;
}

static void
select_event (CbTimelinePane *self,
              CbEvent        *event)
{
  if (self->syncing || self->selection == NULL || event == NULL)
    return;

  cb_selection_select_event (self->selection,
                             cb_event_get_id (event),
                             cb_event_get_article_id (event),
                             cb_event_get_start (event),
                             cb_event_get_end (event));
}

/* The undated events are the list's last ones. */
static void
sync_undated_list (CbTimelinePane *self,
                   guint           pos)
{
  guint offset = gtk_slice_list_model_get_offset (self->undated);
  guint size = g_list_model_get_n_items (G_LIST_MODEL (self->undated));

  if (pos != GTK_INVALID_LIST_POSITION && pos >= offset && pos - offset < size)
    gtk_list_box_select_row (self->undated_list, gtk_list_box_get_row_at_index (self->undated_list, pos - offset));
  else
    gtk_list_box_unselect_all (self->undated_list);
}

/* Shows the selection's event in the list without writing back to it. */
static void
sync_from_selection (CbTimelinePane *self)
{
  guint pos;

  if (self->selection == NULL)
    return;

  pos = find_position (self, cb_selection_get_event_id (self->selection));

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->list_selection, pos);
  cb_timeline_view_select_id (self->timeline_view, cb_selection_get_event_id (self->selection));
  sync_undated_list (self, pos);
  self->syncing = FALSE;

  if (pos != GTK_INVALID_LIST_POSITION)
    cb_list_view_scroll_to (self->list_view, pos);
}

static void
update_subtitle (CbTimelinePane *self)
{
  g_autoptr(CbCaseFile) case_file = NULL;
  guint n = self->events != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->events)) : 0;
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;

  if (self->store != NULL && self->case_id != 0)
    case_file = cb_store_get_case (self->store, self->case_id, NULL);

  if (self->events != NULL && cb_lazy_list_get_loading (self->events) && n == 0)
    count = g_strdup (_("loading events…"));
  else
    count = g_strdup_printf (ngettext ("%'u event", "%'u events", n), n);
  if (case_file != NULL)
    /* Translators: a case file's title and its number of events */
    text = g_strdup_printf (_("%s · %s"), cb_case_file_get_title (case_file), count);
  else
    /* Translators: the number of events in all case files */
    text = g_strdup_printf (_("All case files · %s"), count);

  gtk_label_set_label (self->subtitle_label, text);
}

/* The undated events under the chart (when it draws), or why it does not. */
static void
update_chart (CbTimelinePane *self)
{
  guint n = self->events != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->events)) : 0;
  guint n_dated = self->events != NULL ? cb_lazy_list_get_n_dated (self->events) : 0;
  guint n_undated = is_drawn (self) ? n - MIN (n_dated, n) : 0;
  g_autofree char *text = NULL;

  gtk_slice_list_model_set_offset (self->undated, MIN (n_dated, n));
  gtk_slice_list_model_set_size (self->undated, n_undated);
  gtk_widget_set_visible (self->undated_box, n_undated > 0);
  /* Translators: the heading of the events the timeline cannot place */
  text = g_strdup_printf (ngettext ("Undated · %'u event", "Undated · %'u events", n_undated), n_undated);
  gtk_label_set_label (self->undated_label, text);

  if (is_drawn (self))
    {
      cb_timeline_view_set_model (self->timeline_view, G_LIST_MODEL (self->events));
      gtk_stack_set_visible_child_name (self->chart_stack, "drawn");
    }
  else
    {
      g_autofree char *message = NULL;

      cb_timeline_view_set_model (self->timeline_view, NULL);
      message = g_strdup_printf (ngettext ("%'u event is too many to draw at once.",
                                           "%'u events are too many to draw at once.", n), n);
      gtk_label_set_label (self->too_many_label, message);
      gtk_stack_set_visible_child_name (self->chart_stack, "too-many");
    }
}

static void
list_selected_cb (CbTimelinePane     *self,
                  GParamSpec         *pspec,
                  GtkSingleSelection *list_selection)
{
  CbEvent *item;

  if (self->syncing || self->selection == NULL)
    return;

  item = gtk_single_selection_get_selected_item (list_selection);
  select_event (self, item);
}

static void
view_selected_cb (CbTimelinePane *self,
                  GParamSpec     *pspec,
                  CbTimelineView *view)
{
  select_event (self, cb_timeline_view_get_selected (view));
}

static void
undated_row_selected_cb (CbTimelinePane *self,
                         GtkListBoxRow  *row,
                         GtkListBox     *list)
{
  g_autoptr(CbEvent) event = NULL;

  if (row == NULL)
    return;
  event = g_list_model_get_item (G_LIST_MODEL (self->undated), gtk_list_box_row_get_index (row));
  select_event (self, event);
}

static void
show_list_clicked_cb (CbTimelinePane *self)
{
  gtk_stack_set_visible_child_name (self->mode_stack, "list");
}

static void
zoom_in_clicked_cb (CbTimelinePane *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->timeline_view), "timeline.zoom-in", NULL);
}

static void
zoom_out_clicked_cb (CbTimelinePane *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->timeline_view), "timeline.zoom-out", NULL);
}

static void
zoom_fit_clicked_cb (CbTimelinePane *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->timeline_view), "timeline.zoom-fit", NULL);
}

static GtkWidget *
create_undated_row_cb (gpointer item,
                       gpointer user_data)
{
  CbEvent *event = item;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (cb_event_get_description (event));
  const char *date_text = cb_event_get_date_text (event);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);

  if (date_text != NULL && date_text[0] != '\0')
    {
      /* Translators: an undated event's date as written, which could not be placed */
      g_autofree char *text = g_strdup_printf (_("“%s”, not placed yet"), date_text);
      GtkWidget *caption = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_widget_add_css_class (caption, "caption");
      gtk_box_append (GTK_BOX (box), caption);
    }

  gtk_widget_set_tooltip_text (box, cb_event_get_description (event));
  return box;
}

/* The tooltip's source: the title of the article the event was found in. */
static char *
source_title_cb (CbEvent  *event,
                 gpointer  user_data)
{
  CbTimelinePane *self = user_data;
  gint64 article_id = cb_event_get_article_id (event);
  char *title;

  if (self->store == NULL || article_id == 0)
    return NULL;

  title = g_hash_table_lookup (self->source_titles, &article_id);
  if (title == NULL)
    {
      gint64 *key;

      title = cb_store_get_article_title (self->store, article_id, NULL);
      if (title == NULL)
        return NULL;
      key = g_new (gint64, 1);
      *key = article_id;
      g_hash_table_insert (self->source_titles, key, title);
    }

  return g_strdup (title);
}

static void
case_id_changed_cb (CbTimelinePane *self)
{
  if (self->case_id != cb_selection_get_case_id (self->selection))
    cb_timeline_pane_reload (self);
}

static void update_review_actions (CbTimelinePane *self);

static void
event_id_changed_cb (CbTimelinePane *self)
{
  sync_from_selection (self);
  update_review_actions (self);
}

/* --- Review: accept or reject the current event's suggestion ---------------- */

/* The selection's event, when this pane lists it. */
static CbEvent *
current_event (CbTimelinePane *self)
{
  guint pos;

  if (self->selection == NULL)
    return NULL;
  pos = find_position (self, cb_selection_get_event_id (self->selection));
  if (pos == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->events), pos);
}

static void
update_review_actions (CbTimelinePane *self)
{
  g_autoptr(CbEvent) event = current_event (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.accept",
                                 event != NULL && cb_event_get_review (event) != CB_REVIEW_ACCEPTED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.reject", event != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.context-menu", event != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.edit", event != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.move", event != NULL);
}

/* The window's actions do the work, so menus, keys and tests share them. */
static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_autoptr(CbEvent) event = current_event (CB_TIMELINE_PANE (widget));

  if (event != NULL)
    gtk_widget_activate_action (widget,
                                g_str_equal (action_name, "events.accept") ? "win.accept-event" : "win.reject-event",
                                "x", cb_event_get_id (event));
}

/* Edit Event… and Move to Case…: dialogs of the window's. */
static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  g_autoptr(CbEvent) event = current_event (CB_TIMELINE_PANE (widget));

  if (event != NULL)
    gtk_widget_activate_action (widget,
                                g_str_equal (action_name, "events.edit") ? "win.edit-event" : "win.move-event-to-case",
                                "x", cb_event_get_id (event));
}

static void
review_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CbTimelinePane *self = CB_TIMELINE_PANE (widget);
  gboolean chart = g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "chart") == 0;
  GtkWidget *target = chart ? GTK_WIDGET (self->timeline_view) : GTK_WIDGET (self->list_view);
  g_autoptr(CbEvent) event = current_event (self);
  double x = 24, y = 12;

  if (event == NULL)
    return;

  /* On the chart, under the event's mark. */
  if (chart)
    {
      guint n = cb_timeline_view_get_n_drawn (self->timeline_view);

      for (guint i = 0; i < n; i++)
        {
          graphene_rect_t mark, item;

          CbEvent *drawn = cb_timeline_view_get_drawn (self->timeline_view, i, NULL, &mark, &item);

          if (drawn != NULL && cb_event_get_id (drawn) == cb_event_get_id (event))
            {
              x = item.origin.x + MIN (item.size.width, 40);
              y = item.origin.y + item.size.height;
              break;
            }
        }
    }
  cb_context_menu_popup (widget, self->review_menu, target, x, y);
}

static void
review_list_pressed_cb (CbTimelinePane  *self,
                         int              n_press,
                         double           x,
                         double           y,
                         GtkGestureClick *gesture)
{
  g_autoptr(CbEvent) event = NULL;

  if (!cb_context_menu_select_row_at (GTK_WIDGET (self->list_view), x, y)
      || (event = current_event (self)) == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  cb_context_menu_popup (GTK_WIDGET (self), self->review_menu, GTK_WIDGET (self->list_view), x, y);
}

static void
review_view_pressed_cb (CbTimelinePane  *self,
                         int              n_press,
                         double           x,
                         double           y,
                         GtkGestureClick *gesture)
{
  CbEvent *event = cb_timeline_view_get_event_at (self->timeline_view, x, y);

  if (event == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self->timeline_view));
  select_event (self, event);
  cb_context_menu_popup (GTK_WIDGET (self), self->review_menu, GTK_WIDGET (self->timeline_view), x, y);
}

static void
setup_review (CbTimelinePane *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edit_section = g_menu_new ();
  GtkGesture *gesture;

  g_menu_append (menu, _("_Accept Event"), "events.accept");
  g_menu_append (menu, _("_Reject Event"), "events.reject");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit_section));
  g_menu_append (edit_section, _("_Edit Event…"), "events.edit");
  g_menu_append (edit_section, _("_Move to Case…"), "events.move");
  self->review_menu = G_MENU_MODEL (g_steal_pointer (&menu));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (review_list_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (review_view_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->timeline_view), GTK_EVENT_CONTROLLER (gesture));

  update_review_actions (self);
}

static void
review_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "events.accept", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "events.reject", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "events.context-menu", NULL, review_menu_action);
  gtk_widget_class_install_action (widget_class, "events.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "events.move", NULL, edit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "events.edit", NULL);
  /* The keypad's first: a menu shows the last key bound to its action. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "events.accept", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "events.accept", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, GDK_CONTROL_MASK, "events.reject", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "events.reject", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "events.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "events.context-menu", NULL);
}

/* --- The list -------------------------------------------------------------- */

/* Before the rows are replaced: nothing selected, so that the selection
 * model does not look for its item among every new row (it would make them
 * all) while the list view still shows the old rows; and no chart drawing
 * more events than it can. */
static void
list_changing_cb (CbTimelinePane *self,
                  guint           n_items)
{
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->list_selection, GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;
  cb_list_view_rows_replaced (self->list_view);
  if (n_items > MAX_DRAWN_EVENTS)
    cb_timeline_view_set_model (self->timeline_view, NULL);
}

/* After each load: the chart, the counts and the selection's event. */
static void
list_loaded_cb (CbTimelinePane *self)
{
  guint n = self->events != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->events)) : 0;
  gboolean loading = self->events != NULL && cb_lazy_list_get_loading (self->events);

  gtk_label_set_label (self->empty_label, loading ? _("Loading events…") : _("No dated events yet"));
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "content" : "empty");
  update_chart (self);
  update_subtitle (self);
  sync_from_selection (self);
  update_review_actions (self);
}

static void
set_list (CbTimelinePane *self,
          CbLazyList     *events)
{
  if (self->events != NULL)
    g_signal_handlers_disconnect_by_data (self->events, self);
  cb_timeline_view_set_model (self->timeline_view, NULL);
  g_clear_object (&self->events);
  self->events = events;
  if (events != NULL)
    {
      g_signal_connect_object (events, "replacing", G_CALLBACK (list_changing_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (events, "loaded", G_CALLBACK (list_loaded_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (events, "notify::loading", G_CALLBACK (list_loaded_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_single_selection_set_model (self->list_selection, G_LIST_MODEL (events));
  gtk_slice_list_model_set_model (self->undated, G_LIST_MODEL (events));
}

static void
cb_timeline_pane_dispose (GObject *object)
{
  CbTimelinePane *self = CB_TIMELINE_PANE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_TIMELINE_PANE);
  /* The template's top box is not a bound child: unparent it ourselves. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->store);
  g_clear_object (&self->selection);
  g_clear_object (&self->list_selection);
  g_clear_object (&self->undated);
  if (self->events != NULL)
    g_signal_handlers_disconnect_by_data (self->events, self);
  g_clear_object (&self->events);
  g_clear_pointer (&self->source_titles, g_hash_table_unref);
  g_clear_object (&self->review_menu);

  G_OBJECT_CLASS (cb_timeline_pane_parent_class)->dispose (object);
}

static void
cb_timeline_pane_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CbTimelinePane *self = CB_TIMELINE_PANE (object);

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
cb_timeline_pane_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CbTimelinePane *self = CB_TIMELINE_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cb_timeline_pane_set_store (self, g_value_get_object (value));
      break;
    case PROP_SELECTION:
      cb_timeline_pane_set_selection (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* An event about nobody in particular shows no empty subject line. */
static gboolean
has_text_cb (gpointer    this_,
             const char *text)
{
  return text != NULL && text[0] != '\0';
}

/* Entering the pane (Alt+2, Tab) lands on the events, not on the mode switcher. */
static gboolean
cb_timeline_pane_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  CbTimelinePane *self = CB_TIMELINE_PANE (widget);

  if (gtk_widget_get_focus_child (widget) == NULL && direction == GTK_DIR_TAB_FORWARD
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "content") == 0)
    {
      GtkWidget *target = g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "chart") == 0
                          ? GTK_WIDGET (self->timeline_view) : GTK_WIDGET (self->list_view);

      if (gtk_widget_child_focus (target, direction))
        return TRUE;
    }

  return GTK_WIDGET_CLASS (cb_timeline_pane_parent_class)->focus (widget, direction);
}

static void
cb_timeline_pane_class_init (CbTimelinePaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_timeline_pane_dispose;
  object_class->get_property = cb_timeline_pane_get_property;
  object_class->set_property = cb_timeline_pane_set_property;
  widget_class->focus = cb_timeline_pane_focus;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, CB_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CB_TYPE_EVENT);
  g_type_ensure (CB_TYPE_TIMELINE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/casebook/Casebook/cb-timeline-pane.ui");
  gtk_widget_class_bind_template_callback (widget_class, has_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, undated_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_out_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_fit_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, CbTimelinePane, stack);
  gtk_widget_class_bind_template_child (widget_class, CbTimelinePane, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, CbTimelinePane, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, CbTimelinePane, too_many_label);
  gtk_widget_class_bind_template_child (widget_class, CbTimelinePane, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, show_list_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, CbTimelinePane, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, CbTimelinePane, undated_box);
  gtk_widget_class_bind_template_child (widget_class, CbTimelinePane, undated_label);
  gtk_widget_class_bind_template_child (widget_class, CbTimelinePane, undated_list);
  gtk_widget_class_bind_template_child (widget_class, CbTimelinePane, list_view);
  gtk_widget_class_bind_template_child (widget_class, CbTimelinePane, subtitle_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cb-timeline-pane");

  review_class_init (widget_class);
}

static void
cb_timeline_pane_init (CbTimelinePane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The events come with the store. */
  self->list_selection = g_object_new (GTK_TYPE_SINGLE_SELECTION,
                                       "autoselect", FALSE,
                                       "can-unselect", TRUE,
                                       NULL);
  g_signal_connect_object (self->list_selection, "notify::selected",
                           G_CALLBACK (list_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->list_selection));

  self->source_titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  cb_timeline_view_set_source_func (self->timeline_view, source_title_cb, self, NULL);
  g_signal_connect_object (self->timeline_view, "notify::selected",
                           G_CALLBACK (view_selected_cb), self, G_CONNECT_SWAPPED);

  self->undated = gtk_slice_list_model_new (NULL, 0, 0);
  gtk_list_box_bind_model (self->undated_list, G_LIST_MODEL (self->undated),
                           create_undated_row_cb, NULL, NULL);

  setup_review (self);

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
cb_timeline_pane_set_store (CbTimelinePane *self,
                            CbStore        *store)
{
  g_return_if_fail (CB_IS_TIMELINE_PANE (self));
  g_return_if_fail (store == NULL || CB_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      set_list (self, store != NULL ? cb_lazy_list_new (store, CB_LIST_EVENTS) : NULL);
      cb_timeline_pane_reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
}

CbStore *
cb_timeline_pane_get_store (CbTimelinePane *self)
{
  g_return_val_if_fail (CB_IS_TIMELINE_PANE (self), NULL);
  return self->store;
}

void
cb_timeline_pane_set_selection (CbTimelinePane *self,
                                CbSelection    *selection)
{
  g_return_if_fail (CB_IS_TIMELINE_PANE (self));
  g_return_if_fail (selection == NULL || CB_IS_SELECTION (selection));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    {
      g_signal_connect_object (selection, "notify::case-id",
                               G_CALLBACK (case_id_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (selection, "notify::event-id",
                               G_CALLBACK (event_id_changed_cb), self, G_CONNECT_SWAPPED);
    }

  cb_timeline_pane_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

CbSelection *
cb_timeline_pane_get_selection (CbTimelinePane *self)
{
  g_return_val_if_fail (CB_IS_TIMELINE_PANE (self), NULL);
  return self->selection;
}

void
cb_timeline_pane_reload (CbTimelinePane *self)
{
  g_return_if_fail (CB_IS_TIMELINE_PANE (self));

  self->case_id = self->selection != NULL ? cb_selection_get_case_id (self->selection) : 0;

  g_hash_table_remove_all (self->source_titles);
  if (self->events != NULL)
    cb_lazy_list_load (self->events, self->case_id);
  else
    list_loaded_cb (self);
}

GListModel *
cb_timeline_pane_get_model (CbTimelinePane *self)
{
  g_return_val_if_fail (CB_IS_TIMELINE_PANE (self), NULL);
  return self->events != NULL ? G_LIST_MODEL (self->events) : NULL;
}

GtkWidget *
cb_timeline_pane_get_view (CbTimelinePane *self)
{
  g_return_val_if_fail (CB_IS_TIMELINE_PANE (self), NULL);
  return GTK_WIDGET (self->timeline_view);
}
