/* cb-test-display.c — what the window tests share
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cb-test-display.h"
#include "cb-test-support.h"

static gboolean
widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

gboolean
cb_test_wait_mapped (GtkWidget *widget,
                     int        seconds)
{
  return cb_test_iterate_until (widget_mapped, widget, seconds);
}
