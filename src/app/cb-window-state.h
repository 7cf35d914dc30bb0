/* cb-window-state.h — what the window looked like when it was closed
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cb-selection.h"
#include "cb-store.h"

G_BEGIN_DECLS

/* Restores @window's size, the positions of @panes (keyed by @pane_keys, both
 * @n_panes long) and the case last looked at (when @store still has it) from
 * @settings, and saves them there when the window goes away. */
void cb_window_state_track (GtkWindow          *window,
                            GSettings          *settings,
                            GtkPaned          **panes,
                            const char * const *pane_keys,
                            guint               n_panes,
                            CbSelection        *selection,
                            CbStore            *store);

G_END_DECLS
