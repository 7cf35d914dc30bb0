/* cb-context-menu.c — right-click and Menu-key menus of the panes
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cb-context-menu.h"

#define POPOVER_KEY "cb-context-menu"

void
cb_context_menu_popup (GtkWidget  *owner,
                       GMenuModel *model,
                       GtkWidget  *widget,
                       double      x,
                       double      y)
{
  GtkWidget *popover = g_object_get_data (G_OBJECT (owner), POPOVER_KEY);
  graphene_point_t point;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (G_IS_MENU_MODEL (model));

  if (popover == NULL || gtk_widget_get_parent (popover) != owner)
    {
      popover = gtk_popover_menu_new_from_model (model);
      gtk_widget_set_parent (popover, owner);
      gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
      gtk_widget_set_halign (popover, GTK_ALIGN_START);
      /* The owner's dispose unparents it; the data only points at it. */
      g_object_set_data (G_OBJECT (owner), POPOVER_KEY, popover);
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (popover), model);

  if (!gtk_widget_compute_point (widget, owner, &GRAPHENE_POINT_INIT (x, y), &point))
    point = GRAPHENE_POINT_INIT (x, y);

  gtk_popover_set_pointing_to (GTK_POPOVER (popover),
                               &(GdkRectangle) { (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (popover));
}

gboolean
cb_context_menu_select_row_at (GtkWidget *list_view,
                               double     x,
                               double     y)
{
  GtkWidget *row = gtk_widget_pick (list_view, x, y, GTK_PICK_DEFAULT);

  /* Up to the list's own child: the row widget, which knows its item. */
  while (row != NULL && gtk_widget_get_parent (row) != list_view)
    row = gtk_widget_get_parent (row);
  if (row == NULL || row == list_view)
    return FALSE;

  return gtk_widget_activate_action (row, "listitem.select", "(bb)", FALSE, FALSE);
}
