/* cb-article-pane.c — the article text pane of the main window
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-article-pane.h"

struct _CbArticlePane
{
  GtkWidget          parent_instance;

  CbStore           *store;
  CbSelection       *selection;

  gint64             article_id;   /* the article shown, 0 = none */
  GtkTextTag        *highlight_tag;
  GtkTextTag        *mark_tags[CB_MARK_DATE + 1];
  GArray            *marks;        /* CbArticleMark of the article shown */
  GMenuModel        *extra_menu;   /* the text view's context menu additions */
  GtkTextMark       *span_mark;
  guint              scroll_tick_id;  /* a scroll to span_mark waiting for a frame */

  /* Template widgets */
  GtkStack          *stack;
  GtkLabel          *title_label;
  GtkLabel          *meta_label;
  GtkTextView       *text_view;
  GtkMenuButton     *menu_button;
};

G_DEFINE_FINAL_TYPE (CbArticlePane, cb_article_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "30 May 2018 · The Daily Record · by A. Writer" */
static char *
format_meta (CbArticle *article)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *published = cb_article_get_published (article);
  const char *source = cb_article_get_source (article);
  const char *author = cb_article_get_author (article);

  if (published != NULL && *published != '\0')
    {
      CbFuzzyDate date = { 0 };

      if (cb_fuzzy_date_set_value (&date, published))
        g_ptr_array_add (parts, cb_fuzzy_date_format (&date));
      else
        g_ptr_array_add (parts, g_strdup (published));
      cb_fuzzy_date_clear (&date);
    }
  else
    g_ptr_array_add (parts, g_strdup (_("Undated")));

  if (source != NULL && *source != '\0')
    g_ptr_array_add (parts, g_strdup (source));
  if (author != NULL && *author != '\0')
    /* Translators: the author of an article */
    g_ptr_array_add (parts, g_strdup_printf (_("by %s"), author));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
stop_scrolling (CbArticlePane *self)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));

  if (vadjustment != NULL)
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment));
}

static void
update_actions (CbArticlePane *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.add-excerpt", self->article_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.accept-all", self->article_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.set-date", self->article_id != 0);
}

/* Highlights the article's quotes and passages, people and dates. */
static void
apply_marks (CbArticlePane *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr(GArray) marks = NULL;
  g_autoptr(GError) error = NULL;
  int n_chars = gtk_text_buffer_get_char_count (buffer);

  g_array_set_size (self->marks, 0);
  if (self->store == NULL || self->article_id == 0)
    return;

  marks = cb_store_list_article_marks (self->store, self->article_id, &error);
  if (marks == NULL)
    {
      g_warning ("Could not read the marks of article %" G_GINT64_FORMAT ": %s",
                 self->article_id, error->message);
      return;
    }

  for (guint i = 0; i < marks->len; i++)
    {
      const CbArticleMark *mark = &g_array_index (marks, CbArticleMark, i);
      GtkTextIter start, end;

      /* The store checked the spans on the way in; a body changed since
       * would only lose its marks. */
      if (mark->end > (guint) n_chars || mark->kind > CB_MARK_DATE)
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) mark->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) mark->end);
      gtk_text_buffer_apply_tag (buffer, self->mark_tags[mark->kind], &start, &end);
      g_array_append_val (self->marks, *mark);
    }
}

/* The person named at @offset: their mark, or NULL. */
static const CbArticleMark *
person_at (CbArticlePane *self,
           int            offset)
{
  for (guint i = 0; i < self->marks->len; i++)
    {
      const CbArticleMark *mark = &g_array_index (self->marks, CbArticleMark, i);

      if (mark->kind == CB_MARK_PERSON && (int) mark->start <= offset && offset < (int) mark->end)
        return mark;
    }
  return NULL;
}

/* Follows the name at @offset to the person's case file. */
static gboolean
open_person_at (CbArticlePane *self,
                int            offset)
{
  const CbArticleMark *mark = person_at (self, offset);

  if (mark == NULL || self->selection == NULL)
    return FALSE;

  cb_selection_set_person_id (self->selection, mark->id);
  if (mark->case_id != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.select-case", "x", mark->case_id);
  return TRUE;
}

/* Light text on a dark background: the theme is dark. */
static gboolean
is_dark (CbArticlePane *self)
{
  GdkRGBA fg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self->text_view)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue > 0.5;
}

/* Backgrounds are translucent and read on either theme; the names' colour
 * is the one thing that must follow it. */
static void
update_mark_colors (CbArticlePane *self)
{
  gboolean dark = is_dark (self);

  g_object_set (self->mark_tags[CB_MARK_PERSON],
                "foreground-rgba", dark ? &(GdkRGBA) { 0.47, 0.68, 0.93, 1.0 }    /* #78aeed */
                                        : &(GdkRGBA) { 0.10, 0.37, 0.71, 1.0 },   /* #1a5fb4 */
                NULL);
}

static void
show_article (CbArticlePane *self,
              gint64         article_id)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr(CbArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *meta = NULL;
  const char *title;

  self->article_id = article_id;

  if (article_id != 0 && self->store != NULL)
    {
      article = cb_store_get_article (self->store, article_id, &error);
      if (article == NULL)
        g_debug ("Article %" G_GINT64_FORMAT " is not available: %s",
                 article_id, error->message);
    }

  /* A scroll still animating toward the old span ends here: GTK 4.8 warns
   * when the view is hidden with the animation running. */
  stop_scrolling (self);

  g_array_set_size (self->marks, 0);
  update_actions (self);

  if (article == NULL)
    {
      self->article_id = 0;
      update_actions (self);
      gtk_text_buffer_set_text (buffer, "", 0);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  title = cb_article_get_title (article);
  gtk_label_set_label (self->title_label,
                       title != NULL && *title != '\0' ? title : _("Untitled article"));
  meta = format_meta (article);
  gtk_label_set_label (self->meta_label, meta);
  gtk_text_buffer_set_text (buffer,
                            cb_article_get_body (article) != NULL ? cb_article_get_body (article) : "",
                            -1);
  apply_marks (self);
  gtk_stack_set_visible_child_name (self->stack, "article");
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  CbArticlePane *self = CB_ARTICLE_PANE (widget);

  self->scroll_tick_id = 0;
  gtk_text_view_scroll_to_mark (self->text_view, self->span_mark, 0.05, TRUE, 0.0, 0.3);
  return G_SOURCE_REMOVE;
}

/* Marks the selection's span and scrolls to it.  A span of no length (a
 * search match) grows to the end of the word found there. */
static void
show_span (CbArticlePane *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  int span_start = cb_selection_get_span_start (self->selection);
  int span_end = cb_selection_get_span_end (self->selection);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->highlight_tag, &start, &end);

  if (self->article_id == 0 || span_start < 0)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, span_start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, MAX (span_end, span_start));
  if (gtk_text_iter_equal (&start, &end) && !gtk_text_iter_ends_word (&end))
    gtk_text_iter_forward_word_end (&end);

  gtk_text_buffer_apply_tag (buffer, self->highlight_tag, &start, &end);
  gtk_text_buffer_move_mark (buffer, self->span_mark, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  /* Scrolled on the next frame: a text set just now, or a pane not yet
   * shown, has no size to scroll in. */
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

static void
update (CbArticlePane *self)
{
  gint64 article_id;

  if (self->selection == NULL)
    return;

  article_id = cb_selection_get_article_id (self->selection);
  if (article_id != self->article_id)
    show_article (self, article_id);
  show_span (self);
}

static void
add_excerpt_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CbArticlePane *self = CB_ARTICLE_PANE (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  int from = -1, to = -1;

  if (self->article_id == 0)
    return;

  /* No selection: the window says what to do. */
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    {
      from = gtk_text_iter_get_offset (&start);
      to = gtk_text_iter_get_offset (&end);
    }
  gtk_widget_activate_action (widget, "win.add-excerpt", "(xii)", self->article_id, from, to);
}

static void
accept_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CbArticlePane *self = CB_ARTICLE_PANE (widget);

  if (self->article_id != 0)
    gtk_widget_activate_action (widget, "win.accept-article", "x", self->article_id);
}

/* Set Article Date…: a dialog of the window's. */
static void
set_date_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CbArticlePane *self = CB_ARTICLE_PANE (widget);

  if (self->article_id != 0)
    gtk_widget_activate_action (widget, "win.edit-article-date", "x", self->article_id);
}

static void
open_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CbArticlePane *self = CB_ARTICLE_PANE (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter cursor;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  open_person_at (self, gtk_text_iter_get_offset (&cursor));
}

/* The character under a point of the text view, or -1. */
static int
offset_at_point (CbArticlePane *self,
                 double         x,
                 double         y)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return -1;
  return gtk_text_iter_get_offset (&iter);
}

static void
text_released_cb (CbArticlePane   *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  int offset;

  /* A click, not the end of a selection. */
  if (n_press != 1 || gtk_text_buffer_get_has_selection (buffer))
    return;
  offset = offset_at_point (self, x, y);
  if (offset >= 0)
    open_person_at (self, offset);
}

static void
text_motion_cb (CbArticlePane            *self,
                double                    x,
                double                    y,
                GtkEventControllerMotion *motion)
{
  int offset = offset_at_point (self, x, y);
  const CbArticleMark *mark = offset >= 0 ? person_at (self, offset) : NULL;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view),
                                   mark != NULL && mark->case_id != 0 ? "pointer" : NULL);
}

static gboolean
text_query_tooltip_cb (CbArticlePane *self,
                       int            x,
                       int            y,
                       gboolean       keyboard,
                       GtkTooltip    *tooltip,
                       GtkTextView   *text_view)
{
  int offset = keyboard ? -1 : offset_at_point (self, x, y);
  const CbArticleMark *mark = offset >= 0 ? person_at (self, offset) : NULL;

  if (mark == NULL || mark->case_id == 0)
    return FALSE;
  gtk_tooltip_set_text (tooltip, _("Open this person’s case file (Enter)"));
  return TRUE;
}

static void
settings_changed_cb (CbArticlePane *self)
{
  update_mark_colors (self);
}

static void
cb_article_pane_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cb_article_pane_parent_class)->map (widget);

  update_mark_colors (CB_ARTICLE_PANE (widget));
}

static void
cb_article_pane_unmap (GtkWidget *widget)
{
  stop_scrolling (CB_ARTICLE_PANE (widget));

  GTK_WIDGET_CLASS (cb_article_pane_parent_class)->unmap (widget);
}

static void
cb_article_pane_dispose (GObject *object)
{
  CbArticlePane *self = CB_ARTICLE_PANE (object);
  GtkWidget *child;

  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
  self->scroll_tick_id = 0;

  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_ARTICLE_PANE);
  /* The template's top box is not a bound child: unparent it ourselves. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->store);
  g_clear_object (&self->selection);
  g_clear_object (&self->extra_menu);
  g_clear_pointer (&self->marks, g_array_unref);

  G_OBJECT_CLASS (cb_article_pane_parent_class)->dispose (object);
}

static void
cb_article_pane_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CbArticlePane *self = CB_ARTICLE_PANE (object);

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
cb_article_pane_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CbArticlePane *self = CB_ARTICLE_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cb_article_pane_set_store (self, g_value_get_object (value));
      break;
    case PROP_SELECTION:
      cb_article_pane_set_selection (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_article_pane_class_init (CbArticlePaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_article_pane_dispose;
  object_class->get_property = cb_article_pane_get_property;
  object_class->set_property = cb_article_pane_set_property;

  widget_class->map = cb_article_pane_map;
  widget_class->unmap = cb_article_pane_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, CB_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/casebook/Casebook/cb-article-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, CbArticlePane, stack);
  gtk_widget_class_bind_template_child (widget_class, CbArticlePane, title_label);
  gtk_widget_class_bind_template_child (widget_class, CbArticlePane, meta_label);
  gtk_widget_class_bind_template_child (widget_class, CbArticlePane, text_view);
  gtk_widget_class_bind_template_child (widget_class, CbArticlePane, menu_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cb-article-pane");

  gtk_widget_class_install_action (widget_class, "article.add-excerpt", NULL, add_excerpt_action);
  gtk_widget_class_install_action (widget_class, "article.accept-all", NULL, accept_all_action);
  gtk_widget_class_install_action (widget_class, "article.set-date", NULL, set_date_action);
  gtk_widget_class_install_action (widget_class, "article.open-person", NULL, open_person_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "article.add-excerpt", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "article.open-person", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "article.open-person", NULL);
}

static void
cb_article_pane_init (CbArticlePane *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  /* Translucent backgrounds and underlines, so they read on light and dark
   * themes alike; later tags win where marks overlap: passages (the
   * events' sources, most of an article) are the quietest. */
  self->mark_tags[CB_MARK_PASSAGE] =
    gtk_text_buffer_create_tag (buffer, "passage",
                                "underline", PANGO_UNDERLINE_SINGLE_LINE,
                                "underline-rgba", &(GdkRGBA) { 0.5, 0.5, 0.5, 0.55 },
                                NULL);
  self->mark_tags[CB_MARK_QUOTE] =
    gtk_text_buffer_create_tag (buffer, "quote",
                                "background-rgba", &(GdkRGBA) { 0.57, 0.25, 0.66, 0.16 },
                                NULL);
  self->mark_tags[CB_MARK_DATE] =
    gtk_text_buffer_create_tag (buffer, "date",
                                "background-rgba", &(GdkRGBA) { 0.18, 0.76, 0.49, 0.25 },
                                NULL);
  self->mark_tags[CB_MARK_PERSON] =
    gtk_text_buffer_create_tag (buffer, "person",
                                "weight", PANGO_WEIGHT_SEMIBOLD,
                                NULL);
  /* The selected span above all of them. */
  self->highlight_tag = gtk_text_buffer_create_tag (buffer, "highlight",
                                                    "background-rgba", &(GdkRGBA) { 0.96, 0.83, 0.18, 0.45 },
                                                    NULL);
  self->marks = g_array_new (FALSE, TRUE, sizeof (CbArticleMark));
  update_mark_colors (self);

  {
    g_autoptr(GMenu) menu = g_menu_new ();
    g_autoptr(GMenu) section = g_menu_new ();
    GtkGesture *click = gtk_gesture_click_new ();
    GtkEventController *motion = gtk_event_controller_motion_new ();

    g_menu_append (section, _("Add as _Excerpt"), "article.add-excerpt");
    g_menu_append (section, _("_Accept All from This Article"), "article.accept-all");
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    self->extra_menu = G_MENU_MODEL (g_steal_pointer (&menu));
    gtk_text_view_set_extra_menu (self->text_view, self->extra_menu);
    /* The ⋮ menu has the article's own edits too. */
    {
      g_autoptr(GMenu) button_menu = g_menu_new ();
      g_autoptr(GMenu) article_section = g_menu_new ();

      g_menu_append_section (button_menu, NULL, G_MENU_MODEL (section));
      g_menu_append (article_section, _("Set Article _Date…"), "article.set-date");
      g_menu_append_section (button_menu, NULL, G_MENU_MODEL (article_section));
      gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (button_menu));
    }

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
    g_signal_connect_object (click, "released", G_CALLBACK (text_released_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));
    g_signal_connect_object (motion, "motion", G_CALLBACK (text_motion_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->text_view), motion);
    gtk_widget_set_has_tooltip (GTK_WIDGET (self->text_view), TRUE);
    g_signal_connect_object (self->text_view, "query-tooltip", G_CALLBACK (text_query_tooltip_cb),
                             self, G_CONNECT_SWAPPED);
    g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-application-prefer-dark-theme",
                             G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-theme-name",
                             G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  }
  gtk_text_buffer_get_start_iter (buffer, &start);
  self->span_mark = gtk_text_buffer_create_mark (buffer, "span", &start, TRUE);

  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_actions (self);
}

void
cb_article_pane_set_store (CbArticlePane *self,
                           CbStore       *store)
{
  g_return_if_fail (CB_IS_ARTICLE_PANE (self));
  g_return_if_fail (store == NULL || CB_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      cb_article_pane_reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
}

CbStore *
cb_article_pane_get_store (CbArticlePane *self)
{
  g_return_val_if_fail (CB_IS_ARTICLE_PANE (self), NULL);
  return self->store;
}

void
cb_article_pane_set_selection (CbArticlePane *self,
                               CbSelection   *selection)
{
  g_return_if_fail (CB_IS_ARTICLE_PANE (self));
  g_return_if_fail (selection == NULL || CB_IS_SELECTION (selection));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    {
      g_signal_connect_object (selection, "notify::article-id",
                               G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (selection, "notify::span-start",
                               G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (selection, "notify::span-end",
                               G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }

  cb_article_pane_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

CbSelection *
cb_article_pane_get_selection (CbArticlePane *self)
{
  g_return_val_if_fail (CB_IS_ARTICLE_PANE (self), NULL);
  return self->selection;
}

void
cb_article_pane_reload (CbArticlePane *self)
{
  g_return_if_fail (CB_IS_ARTICLE_PANE (self));

  if (self->selection == NULL)
    return;

  show_article (self, cb_selection_get_article_id (self->selection));
  show_span (self);
}

GtkTextBuffer *
cb_article_pane_get_buffer (CbArticlePane *self)
{
  g_return_val_if_fail (CB_IS_ARTICLE_PANE (self), NULL);
  return gtk_text_view_get_buffer (self->text_view);
}

GtkTextTag *
cb_article_pane_get_highlight_tag (CbArticlePane *self)
{
  g_return_val_if_fail (CB_IS_ARTICLE_PANE (self), NULL);
  return self->highlight_tag;
}

gint64
cb_article_pane_get_article_id (CbArticlePane *self)
{
  g_return_val_if_fail (CB_IS_ARTICLE_PANE (self), 0);
  return self->article_id;
}

GtkTextTag *
cb_article_pane_get_mark_tag (CbArticlePane *self,
                              CbMarkKind     kind)
{
  g_return_val_if_fail (CB_IS_ARTICLE_PANE (self), NULL);
  g_return_val_if_fail (kind <= CB_MARK_DATE, NULL);
  return self->mark_tags[kind];
}

GtkTextView *
cb_article_pane_get_text_view (CbArticlePane *self)
{
  g_return_val_if_fail (CB_IS_ARTICLE_PANE (self), NULL);
  return self->text_view;
}
