/* cb-context-menu.h — right-click and Menu-key menus of the panes
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows @model as a popover menu pointing at (@x, @y) of @widget.  The
 * popover is a child of @owner (a pane whose dispose unparents all its
 * children), made once and reused; @model's actions resolve from @owner. */
void cb_context_menu_popup      (GtkWidget  *owner,
                                 GMenuModel *model,
                                 GtkWidget  *widget,
                                 double      x,
                                 double      y);

/* In a list view, makes the row under (@x, @y) of @list_view the selected
 * one, so a context menu acts on what was clicked.  FALSE when no row is
 * there. */
gboolean cb_context_menu_select_row_at (GtkWidget *list_view,
                                        double     x,
                                        double     y);

G_END_DECLS
