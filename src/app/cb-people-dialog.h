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

/* Two pages.  Suggestions lists the store's open merge suggestions; each
 * row's Merge and Keep Apart buttons activate win.merge-people /
 * win.keep-people-apart on @window.  Everyone lists the people, and edits
 * the chosen one's names through win.rename-person, win.add-alias,
 * win.remove-alias and win.split-person.  It follows the store's
 * history-changed. */
GtkWidget *cb_people_dialog_new             (CbWindow       *window);
void       cb_people_dialog_reload          (CbPeopleDialog *self);
/* The suggestions listed (for tests). */
guint      cb_people_dialog_get_n_suggestions (CbPeopleDialog *self);
/* Shows the Everyone page with @person_id chosen (0: as it is). */
void       cb_people_dialog_show_everyone   (CbPeopleDialog *self,
                                             gint64          person_id);
/* The person whose names are shown, 0 = none (for tests). */
gint64     cb_people_dialog_get_person_id   (CbPeopleDialog *self);
guint      cb_people_dialog_get_n_persons   (CbPeopleDialog *self);

G_END_DECLS
