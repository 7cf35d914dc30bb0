/* cb-test-display.h — what the window tests share
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs the default main context until @widget is mapped, at most @seconds;
 * returns whether it was. */
gboolean cb_test_wait_mapped (GtkWidget *widget,
                              int        seconds);

G_END_DECLS
