/* cb-application.h — the Casebook GtkApplication
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cb-store.h"

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

G_END_DECLS
