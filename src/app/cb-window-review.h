/* cb-window-review.h — the window's review actions: accept, reject, merge,
 * excerpts the user picks
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Installs on the CbWindow class (called from its class_init):
 *   win.accept-case (x), win.reject-case (x)        a case file's suggestion
 *   win.accept-event (x), win.reject-event (x)      an event's suggestion
 *   win.accept-article (x)     every suggestion of an article (0 = the open one)
 *   win.add-excerpt ((xii))    article, start, end: a passage for the selected event
 *   win.merge-people (x), win.keep-people-apart (x) a merge suggestion
 *   win.review-people          the People dialog of merge suggestions
 * Each goes through one store call (the place to make it an undoable step),
 * then the panes reload and the status bar says what happened. */
void _cb_window_review_class_init (GtkWidgetClass *widget_class);

G_END_DECLS
