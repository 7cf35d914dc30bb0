/* cb-excerpts-pane.h — the excerpts pane of the main window
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cb-store.h"
#include "cb-selection.h"

G_BEGIN_DECLS

#define CB_TYPE_EXCERPTS_PANE (cb_excerpts_pane_get_type ())
G_DECLARE_FINAL_TYPE (CbExcerptsPane, cb_excerpts_pane, CB, EXCERPTS_PANE, GtkWidget)

/* Properties "store" (CbStore) and "selection" (CbSelection): the pane reads
 * the store and follows the selection; it writes to the selection when the
 * user picks something, and never talks to another pane. */
void         cb_excerpts_pane_set_store     (CbExcerptsPane *self,
                                             CbStore     *store);
CbStore     *cb_excerpts_pane_get_store     (CbExcerptsPane *self);
void         cb_excerpts_pane_set_selection (CbExcerptsPane *self,
                                             CbSelection *selection);
CbSelection *cb_excerpts_pane_get_selection (CbExcerptsPane *self);
/* Reads the store again (after an import). */
void         cb_excerpts_pane_reload        (CbExcerptsPane *self);
/* The excerpts listed (CbExcerpt), in the order shown. */
GListModel  *cb_excerpts_pane_get_model  (CbExcerptsPane *self);

G_END_DECLS
