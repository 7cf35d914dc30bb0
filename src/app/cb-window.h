/* cb-window.h — the main window: header bar and four linked panes
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cb-store.h"
#include "cb-selection.h"
#include "cb-cases-pane.h"
#include "cb-timeline-pane.h"
#include "cb-excerpts-pane.h"
#include "cb-article-pane.h"

G_BEGIN_DECLS

#define CB_TYPE_WINDOW (cb_window_get_type ())
G_DECLARE_FINAL_TYPE (CbWindow, cb_window, CB, WINDOW, GtkApplicationWindow)

/* Actions (installed on the class, so menus, buttons, shortcuts and tests
 * share them): win.select-case (x, 0 = all), win.select-event (x),
 * win.select-excerpt (x), win.select-article (x), win.import,
 * win.import-folder, win.load-samples, win.refresh, win.search,
 * win.focus-pane (i, 1–4), win.cancel-import, win.dismiss-status,
 * win.import-details, win.undo, win.redo (Ctrl+Z, Ctrl+Shift+Z),
 * win.show-message ((sb): a status message, with an Undo button when the
 * boolean is true). */

/* @application may be NULL (tests). */
CbWindow       *cb_window_new              (GtkApplication *application,
                                            CbStore        *store);
/* Restores the size, pane positions and last case from @settings, and
 * saves them there when the window goes. */
void            cb_window_track_state      (CbWindow  *self,
                                            GSettings *settings);
CbStore        *cb_window_get_store        (CbWindow *self);
CbSelection    *cb_window_get_selection    (CbWindow *self);
CbCasesPane    *cb_window_get_cases_pane    (CbWindow *self);
CbTimelinePane *cb_window_get_timeline_pane (CbWindow *self);
CbExcerptsPane *cb_window_get_excerpts_pane (CbWindow *self);
CbArticlePane  *cb_window_get_article_pane  (CbWindow *self);
GtkEditable    *cb_window_get_search_entry  (CbWindow *self);
/* Whether a pane's list is still being read (property "loading"). */
gboolean        cb_window_get_loading       (CbWindow *self);
/* The hits (CbSearchHit) of the search shown, best first. */
GListModel     *cb_window_get_search_hits   (CbWindow *self);
/* What the hits' heading says ("3 articles found"). */
const char     *cb_window_get_search_heading (CbWindow *self);

/* Imports in a worker thread, showing the progress; the panes reload at the
 * end.  Ignored (FALSE) while another import runs. */
gboolean        cb_window_import_files     (CbWindow  *self,
                                            GFile    **files,
                                            guint      n_files);
gboolean        cb_window_get_importing    (CbWindow *self);

/* A dropped or pasted text becomes an article (its first line the title). */
gboolean        cb_window_import_text      (CbWindow   *self,
                                            const char *text);
/* What a drop carries (GdkFileList, a URI list or text); queued behind a
 * running import. */
gboolean        cb_window_import_drop_value (CbWindow     *self,
                                             const GValue *value);
/* Imports what @folder receives from now on, and what is in it already.
 * @quiet_ms: how long a finished file must stay unchanged (0: the default). */
gboolean        cb_window_watch_inbox      (CbWindow  *self,
                                            GFile     *folder,
                                            guint      quiet_ms,
                                            GError   **error);
GFile          *cb_window_get_inbox_folder (CbWindow *self);
void            cb_window_stop_inbox       (CbWindow *self);
/* A message in the window's status bar (not while an import shows progress). */
void            cb_window_show_message     (CbWindow   *self,
                                            const char *message);
/* "@what: why" from @error, in the status bar. */
void            cb_window_show_error       (CbWindow   *self,
                                            const char *what,
                                            GError     *error);

/* The folder with the sample articles: the installed one, else the one in
 * the source tree (uninstalled build).  NULL when neither exists. */
char           *cb_window_dup_samples_dir  (void);

G_END_DECLS
