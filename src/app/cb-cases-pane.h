/* cb-cases-pane.h — the case files pane of the main window
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cb-store.h"
#include "cb-selection.h"

G_BEGIN_DECLS

#define CB_TYPE_CASES_PANE (cb_cases_pane_get_type ())
G_DECLARE_FINAL_TYPE (CbCasesPane, cb_cases_pane, CB, CASES_PANE, GtkWidget)

/* Properties "store" (CbStore) and "selection" (CbSelection): the pane reads
 * the store and follows the selection; it writes to the selection when the
 * user picks something, and never talks to another pane. */
void         cb_cases_pane_set_store     (CbCasesPane *self,
                                          CbStore     *store);
CbStore     *cb_cases_pane_get_store     (CbCasesPane *self);
void         cb_cases_pane_set_selection (CbCasesPane *self,
                                          CbSelection *selection);
CbSelection *cb_cases_pane_get_selection (CbCasesPane *self);
/* Reads the store again (after an import). */
void         cb_cases_pane_reload        (CbCasesPane *self);
/* The case files listed (CbCaseFile), without the "All Case Files" row. */
GListModel  *cb_cases_pane_get_model     (CbCasesPane *self);

G_END_DECLS
