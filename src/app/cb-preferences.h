/* cb-preferences.h — the Preferences window: the inbox folder
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CB_TYPE_PREFERENCES (cb_preferences_get_type ())
G_DECLARE_FINAL_TYPE (CbPreferences, cb_preferences, CB, PREFERENCES, GtkWindow)

/* Edits @settings (the application's schema) directly: every change is
 * saved at once, as GNOME preferences are. */
CbPreferences *cb_preferences_new (GtkWindow *parent,
                                   GSettings *settings);

G_END_DECLS
