/* cb-case-dialog.h — the small dialogs of the case files pane: new case,
 * rename, notes, merge into another case
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  CB_CASE_DIALOG_NEW = 0,   /* a title and a subject (choices: CbPersonRecord) */
  CB_CASE_DIALOG_RENAME,    /* a title */
  CB_CASE_DIALOG_NOTES,     /* notes, several lines */
  CB_CASE_DIALOG_MERGE,     /* another case (choices: CbCaseFile) */
} CbCaseDialogMode;

#define CB_TYPE_CASE_DIALOG (cb_case_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CbCaseDialog, cb_case_dialog, CB, CASE_DIALOG, GtkDialog)

/* A modal dialog over @parent; @case_title names the case it is about
 * (NULL for a new one); @choices (GPtrArray of CbPersonRecord or CbCaseFile,
 * may be NULL) fills the drop-down.  It answers GTK_RESPONSE_ACCEPT, whose
 * button is sensitive only when the input is usable. */
CbCaseDialog *cb_case_dialog_new           (GtkWindow        *parent,
                                            CbCaseDialogMode  mode,
                                            const char       *case_title,
                                            GPtrArray        *choices);
CbCaseDialogMode cb_case_dialog_get_mode   (CbCaseDialog *self);
void          cb_case_dialog_set_text      (CbCaseDialog *self,
                                            const char   *text);
/* The title or notes typed, newly allocated. */
char         *cb_case_dialog_dup_text      (CbCaseDialog *self);
/* The id of the person or case chosen, 0 for none. */
gint64        cb_case_dialog_get_choice    (CbCaseDialog *self);
void          cb_case_dialog_set_choice    (CbCaseDialog *self,
                                            gint64        id);

G_END_DECLS
