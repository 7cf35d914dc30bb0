/* cb-first-frame.c — a benchmark hook: when the first frame was drawn, and
 * when the window had read everything it shows
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first half is in tests/bench/bench-empty-window.c too, the floor the
 * window's figure is compared with.
 */
#include "config.h"

#include <stdio.h>

#include "cb-first-frame.h"

static void
print_time (const char *what)
{
  printf ("%s: %" G_GINT64_FORMAT "\n", what, g_get_real_time ());
  fflush (stdout);
}

static void
quit (GtkWindow *window)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (window));

  if (app != NULL)
    g_application_quit (app);
}

static gboolean
is_loading (GtkWindow *window)
{
  gboolean loading = FALSE;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (window), "loading") != NULL)
    g_object_get (window, "loading", &loading, NULL);
  return loading;
}

/* The frame drawn after the lists were read. */
static void
settled_paint_cb (GdkFrameClock *clock,
                  GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, settled_paint_cb, window);
  print_time ("settled");
  quit (window);
}

static void
wait_for_paint (GtkWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  g_signal_connect (clock, "after-paint", G_CALLBACK (settled_paint_cb), window);
  gtk_widget_queue_draw (GTK_WIDGET (window));
}

static void
loading_cb (GtkWindow *window)
{
  if (is_loading (window))
    return;
  g_signal_handlers_disconnect_by_func (window, loading_cb, NULL);
  wait_for_paint (window);
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  print_time ("first-frame");

  /* Work put off past the first frame still counts: "settled" is the first
   * frame after every list of the window was read. */
  if (is_loading (window))
    g_signal_connect (window, "notify::loading", G_CALLBACK (loading_cb), NULL);
  else
    wait_for_paint (window);
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
