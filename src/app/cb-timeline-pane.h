/* cb-timeline-pane.h — the events pane of the main window
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cb-store.h"
#include "cb-selection.h"

G_BEGIN_DECLS

#define CB_TYPE_TIMELINE_PANE (cb_timeline_pane_get_type ())
G_DECLARE_FINAL_TYPE (CbTimelinePane, cb_timeline_pane, CB, TIMELINE_PANE, GtkWidget)

/* Properties "store" (CbStore) and "selection" (CbSelection): the pane reads
 * the store and follows the selection; it writes to the selection when the
 * user picks something, and never talks to another pane. */
void         cb_timeline_pane_set_store     (CbTimelinePane *self,
                                             CbStore     *store);
CbStore     *cb_timeline_pane_get_store     (CbTimelinePane *self);
void         cb_timeline_pane_set_selection (CbTimelinePane *self,
                                             CbSelection *selection);
CbSelection *cb_timeline_pane_get_selection (CbTimelinePane *self);
/* Reads the store again (after an import). */
void         cb_timeline_pane_reload        (CbTimelinePane *self);
/* The events listed (CbEvent), in the order shown. */
/* The drawn timeline (the "Timeline" mode; "List" shows the same events). */
GtkWidget   *cb_timeline_pane_get_view   (CbTimelinePane *self);
GListModel  *cb_timeline_pane_get_model  (CbTimelinePane *self);

G_END_DECLS
