/* cb-people-dialog.h — people who may be one: merge or keep apart
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cb-window.h"

G_BEGIN_DECLS

#define CB_TYPE_PEOPLE_DIALOG (cb_people_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CbPeopleDialog, cb_people_dialog, CB, PEOPLE_DIALOG, GtkWindow)

/* Lists the store's open merge suggestions; each row's Merge and Keep Apart
 * buttons activate win.merge-people / win.keep-people-apart on @window. */
GtkWidget *cb_people_dialog_new             (CbWindow       *window);
void       cb_people_dialog_reload          (CbPeopleDialog *self);
/* The suggestions listed (for tests). */
guint      cb_people_dialog_get_n_suggestions (CbPeopleDialog *self);

G_END_DECLS
