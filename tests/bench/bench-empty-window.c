/* bench-empty-window.c — the floor of `build-aux/bench window`
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An empty GtkApplicationWindow of Casebook's default size: prints
 * "first-frame: T" (wall-clock microseconds) once its first frame is painted
 * and quits — what Casebook does with $CASEBOOK_BENCH_FIRST_FRAME set.
 */
#include "config.h"

#include <stdio.h>

#include <gtk/gtk.h>

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  printf ("first-frame: %" G_GINT64_FORMAT "\n", g_get_real_time ());
  fflush (stdout);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
realize_cb (GtkWidget *widget)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (after_paint_cb), widget);
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_title (GTK_WINDOW (window), "Empty");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkApplication) app = gtk_application_new ("io.github.casebook.BenchEmptyWindow",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
