/* cb-window-edit.h — the window's edit actions: events, article dates,
 * people
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Installs on the CbWindow class (called from its class_init):
 *   win.edit-event (x)          the Edit Event dialog (0 = the selected event)
 *   win.set-event-date ((xiiuu))  event, CbQualifier, CbPrecision, earliest,
 *                               latest (Julian days); precision 0 clears it
 *   win.set-event-description ((xs))
 *   win.move-event ((xx))       event, case (0 = none)
 *   win.move-event-to-case (x)  a dialog choosing the case (0 = selected event)
 *   win.edit-article-date (x)   the Set Article Date dialog (0 = the open article)
 *   win.set-article-date ((xs)) article, "YYYY-MM-DD" ("" clears it)
 *   win.rename-person ((xs)), win.add-alias ((xs)), win.remove-alias ((xs)),
 *   win.split-person ((xs))     person id and a name
 * Each edit is one store call, one undoable step; the store's
 * history-changed reloads the panes; the status bar says what happened. */
void       _cb_window_edit_class_init (GtkWidgetClass *widget_class);

/* The dialog the edit actions have open (tests), or NULL. */
GtkWindow *_cb_window_edit_get_dialog (GtkWidget      *window);

G_END_DECLS
