/* cb-list-scroll.h — scrolling a list view to a row, once it laid out the
 * rows it was just given
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 scrolls a list view that has not laid out its new rows yet to a
 * blank place (far into a long list, one row shows).  Call this when the
 * view's rows are replaced: until it laid them out (the next frame),
 * cb_list_view_scroll_to() waits. */
void cb_list_view_rows_replaced (GtkListView *view);

/* Scrolls @view to @position ("list.scroll-to-item"): at once, or after the
 * layout of rows just replaced (a newer request replaces one waiting). */
void cb_list_view_scroll_to     (GtkListView *view,
                                 guint        position);

G_END_DECLS
