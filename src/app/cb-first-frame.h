/* cb-first-frame.h — a benchmark hook: when the first frame was drawn
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* With $CASEBOOK_BENCH_FIRST_FRAME set, prints "first-frame: T" (T the
 * wall-clock time in microseconds since the epoch) on stdout once @window
 * has painted its first frame, then "settled: T" once it painted a frame
 * after its "loading" property (when it has one) went FALSE — every list it
 * shows read — and quits the application.  Otherwise does nothing.
 * build-aux/bench window uses it. */
void cb_first_frame_watch (GtkWindow *window);

G_END_DECLS
