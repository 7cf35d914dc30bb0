/* cb-inbox.h — a watched folder whose finished text files are handed on for import
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CB_TYPE_INBOX (cb_inbox_get_type ())
G_DECLARE_FINAL_TYPE (CbInbox, cb_inbox, CB, INBOX, GObject)

/* The default inbox: "$XDG_DOCUMENTS_DIR/Casebook Inbox" (the home folder
 * when there is no documents folder). */
char       *cb_inbox_dup_default_path (void);

/* Watches @folder (not yet: call cb_inbox_start()).  A file is "ready" once
 * its writer has finished — the monitor's CHANGES_DONE hint, or a move into
 * the folder — and nothing changed it during the quiet period; files that
 * never get a hint (other monitor backends) are ready after a longer
 * silence.  Each ready file is announced through the "files-ready" signal
 * (a GPtrArray of GFile, batched), again when it changes later. */
CbInbox    *cb_inbox_new              (GFile *folder);
GFile      *cb_inbox_get_folder       (CbInbox *self);

/* The quiet period, in milliseconds (default 1000). */
void        cb_inbox_set_quiet_period (CbInbox *self,
                                       guint    milliseconds);

/* Creates the folder when missing, starts watching, and announces the
 * regular files already in it (the importer skips those it stored before). */
gboolean    cb_inbox_start            (CbInbox  *self,
                                       GError  **error);
void        cb_inbox_stop             (CbInbox *self);

/* Files seen but not announced yet (being written, or in the quiet period). */
guint       cb_inbox_get_n_pending    (CbInbox *self);

G_END_DECLS
