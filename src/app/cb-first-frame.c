/* cb-first-frame.c — a benchmark hook: when the first frame was drawn
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same code is in tests/bench/bench-empty-window.c, the floor the
 * window's figure is compared with.
 */
#include "config.h"

#include <stdio.h>

#include "cb-first-frame.h"

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (window));

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  printf ("first-frame: %" G_GINT64_FORMAT "\n", g_get_real_time ());
  fflush (stdout);
  if (app != NULL)
    g_application_quit (app);
}

static void
realize_cb (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, realize_cb, NULL);
  if (clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), widget);
}

void
cb_first_frame_watch (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_getenv ("CASEBOOK_BENCH_FIRST_FRAME") == NULL)
    return;

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    realize_cb (GTK_WIDGET (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}
