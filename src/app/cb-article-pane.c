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
  GtkTextMark       *span_mark;
  guint              scroll_tick_id;  /* a scroll to span_mark waiting for a frame */

  /* Template widgets */
  GtkStack          *stack;
  GtkLabel          *title_label;
  GtkLabel          *meta_label;
  GtkTextView       *text_view;
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

  if (article == NULL)
    {
      self->article_id = 0;
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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cb-article-pane");
}

static void
cb_article_pane_init (CbArticlePane *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  /* Translucent, so it reads on light and dark themes alike. */
  self->highlight_tag = gtk_text_buffer_create_tag (buffer, "highlight",
                                                    "background-rgba", &(GdkRGBA) { 0.96, 0.83, 0.18, 0.45 },
                                                    NULL);
  gtk_text_buffer_get_start_iter (buffer, &start);
  self->span_mark = gtk_text_buffer_create_mark (buffer, "span", &start, TRUE);

  gtk_stack_set_visible_child_name (self->stack, "empty");
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
