/* cb-application.h — the Casebook GtkApplication
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cb-importer.h"
#include "cb-store.h"
#include "cb-summary-render.h"

G_BEGIN_DECLS

#define CB_TYPE_APPLICATION (cb_application_get_type ())
G_DECLARE_FINAL_TYPE (CbApplication, cb_application, CB, APPLICATION, GtkApplication)

/* Options: --db PATH (else cb_store_dup_default_path(), which honours
 * $CASEBOOK_DB); `casebook FILE…` imports the files.  App actions:
 * app.quit (Ctrl+Q), app.about, app.import (the window's Import…).
 * $CASEBOOK_LOAD_SAMPLES=1 loads the samples into an empty database without
 * asking, =0 never offers them. */
CbApplication *cb_application_new       (void);
/* The open database, NULL before the first window or when it failed. */
CbStore       *cb_application_get_store (CbApplication *self);
/* The app's settings, NULL when the schema is not installed. */
GSettings     *cb_application_get_settings (CbApplication *self);

/* What follows the settings of @app, or the defaults when @app is no
 * CbApplication (tests) or has no settings: an importer for @store that
 * leaves new extractions for review unless "extractions-need-review" is off,
 * and the paper of "paper-size". */
CbImporter    *cb_application_new_importer (GtkApplication *app,
                                            CbStore        *store);
CbPaper        cb_application_get_paper    (GtkApplication *app);

G_END_DECLS
