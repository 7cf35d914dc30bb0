/* cb-locale.h — the locale and the message catalogs, for every program
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the catalogs are: the build's own (BUILD_LOCALEDIR, which meson
 * fills) for a program run from the build tree, else the installed ones. */
const char *cb_locale_get_dir (void);

/* setlocale (LC_ALL, ""), and the casebook text domain bound to
 * cb_locale_get_dir() in UTF-8; what every main() does first. */
void        cb_locale_init    (void);

G_END_DECLS
