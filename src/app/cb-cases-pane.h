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
/* Actions, on the selected case (disabled when "All Case Files" is):
 * cases.new (Ctrl+N in the window; a dialog), cases.create ((sx): title,
 * subject person id or 0), cases.rename (F2; a dialog), cases.rename-to (s),
 * case.status (s, stateful: "open", "pending", "granted", "denied",
 * "closed"; the state is the selected case's status), cases.edit-notes (a dialog),
 * cases.set-notes (s), cases.delete (Delete), cases.merge-into (a dialog),
 * cases.merge-into-case (x: the case kept), cases.menu (Menu, Shift+F10: the
 * context menu, also on a right click).  Every edit is one undoable step of
 * the store; the window reloads the panes when the store says so. */

/* Reads the store again (after an import). */
void         cb_cases_pane_reload        (CbCasesPane *self);
/* The case files listed (CbCaseFile), without the "All Case Files" row. */
GListModel  *cb_cases_pane_get_model     (CbCasesPane *self);
/* The dialog the pane has open (new case, rename, notes, merge), or NULL:
 * for tests. */
GtkWindow   *cb_cases_pane_get_dialog    (CbCasesPane *self);

G_END_DECLS
