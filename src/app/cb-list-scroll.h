/* cb-list-scroll.h — scrolling a list view to a row once it laid out its rows
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Scrolls @view to @position ("list.scroll-to-item") after its next layout.
 * GTK 4.8 scrolls a list that has not laid out its new rows yet to a blank
 * place (far into a long list, one row shows); the rows of a list just
 * filled are laid out at the next frame.  A newer request replaces one
 * waiting. */
void cb_list_view_scroll_to (GtkListView *view,
                             guint        position);

G_END_DECLS
