/* cb-list-scroll.c — scrolling a list view to a row, once it laid out the
 * rows it was just given
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cb-list-scroll.h"

#define SCROLL_KEY "cb-list-scroll"

typedef struct
{
  guint    ticks;      /* frames since the rows were replaced */
  gboolean pending;    /* a scroll waits */
  guint    position;
} Scroll;

static gboolean
tick_cb (GtkWidget     *view,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Scroll *scroll = g_object_get_data (G_OBJECT (view), SCROLL_KEY);
  gboolean pending;
  guint position;

  /* The first tick comes before that frame's layout; the second after it. */
  if (scroll != NULL && ++scroll->ticks < 2)
    return G_SOURCE_CONTINUE;

  pending = scroll != NULL && scroll->pending;
  position = scroll != NULL ? scroll->position : 0;
  g_object_set_data (G_OBJECT (view), SCROLL_KEY, NULL);
  if (pending && position < g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)))))
    gtk_widget_activate_action (view, "list.scroll-to-item", "u", position);
  return G_SOURCE_REMOVE;
}

void
cb_list_view_rows_replaced (GtkListView *view)
{
  Scroll *scroll;

  g_return_if_fail (GTK_IS_LIST_VIEW (view));

  scroll = g_object_get_data (G_OBJECT (view), SCROLL_KEY);
  if (scroll == NULL)
    {
      scroll = g_new0 (Scroll, 1);
      g_object_set_data_full (G_OBJECT (view), SCROLL_KEY, scroll, g_free);
      gtk_widget_add_tick_callback (GTK_WIDGET (view), tick_cb, NULL, NULL);
    }
  scroll->ticks = 0;
}

void
cb_list_view_scroll_to (GtkListView *view,
                        guint        position)
{
  Scroll *scroll;

  g_return_if_fail (GTK_IS_LIST_VIEW (view));

  scroll = g_object_get_data (G_OBJECT (view), SCROLL_KEY);
  if (scroll == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (view), "list.scroll-to-item", "u", position);
      return;
    }
  scroll->pending = TRUE;
  scroll->position = position;
}
