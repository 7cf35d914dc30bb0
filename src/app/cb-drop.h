/* cb-drop.h — what a drop onto the window carries, as the importer takes it
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The types a drop target should accept, most specific first. */
#define CB_DROP_N_GTYPES 2
void               cb_drop_get_gtypes  (GType types[CB_DROP_N_GTYPES]);

/* Turns a dropped @value into files (a GdkFileList, or a string that is a
 * text/uri-list: every line a URI or a "#" comment) or, for any other
 * string, the text itself.  Exactly one of *@files (GPtrArray of GFile) and
 * *@text is set on success; FALSE when the value holds nothing to import. */
gboolean           cb_drop_parse_value (const GValue  *value,
                                        GPtrArray    **files,
                                        char         **text);

G_END_DECLS
