/* cb-print.h — printing a case summary: the print dialog, its preview
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cb-store.h"
#include "cb-summary-render.h"

G_BEGIN_DECLS

#define CB_TYPE_PRINT_OPERATION (cb_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (CbPrintOperation, cb_print_operation, CB, PRINT_OPERATION, GtkPrintOperation)

/* The summary of case file @case_id, laid out by the same renderer as
 * `casebook-cli summary`.  The dialog has a "Summary" tab with an "Include
 * suggestions" check box; Preview shows the pages in a window of its own. */
CbPrintOperation *cb_print_operation_new                     (CbStore          *store,
                                                              gint64            case_id);
gboolean          cb_print_operation_get_include_suggestions (CbPrintOperation *self);
void              cb_print_operation_set_include_suggestions (CbPrintOperation *self,
                                                              gboolean          include_suggestions);

/* The paper the dialog starts with (and the summary is laid out on when the
 * print system gives no page setup); a new operation has the locale's. */
CbPaper           cb_print_operation_get_paper               (CbPrintOperation *self);
void              cb_print_operation_set_paper               (CbPrintOperation *self,
                                                              CbPaper           paper);

/* Shows the print dialog for @case_id over @parent on the paper of the
 * "paper-size" setting; remembers the printer settings and page setup for
 * next time; says so in a dialog when printing
 * fails. */
void              cb_print_case                              (GtkWindow        *parent,
                                                              CbStore          *store,
                                                              gint64            case_id);

G_END_DECLS
