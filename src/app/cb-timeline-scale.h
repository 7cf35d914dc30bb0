/* cb-timeline-scale.h — axis ticks and label lanes of the timeline, without a widget
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Days are Julian day numbers (GDate), as in CbFuzzyDate. */
typedef enum
{
  CB_TICK_DAYS = 0,
  CB_TICK_MONTHS,
  CB_TICK_YEARS,
} CbTickField;

/* One step of the axis: a day, 3 months, a decade (10 years) … */
typedef struct
{
  CbTickField field;
  guint       step;
} CbTickUnit;

/* How wide (pixels) the widest label of @unit is drawn. */
typedef double (*CbTickLabelWidthFunc) (CbTickUnit unit,
                                        gpointer   user_data);

/* The finest unit whose ticks are far enough apart at @px_per_day that their
 * labels (plus @gap pixels) never touch; the coarsest one when none is. */
CbTickUnit  cb_tick_unit_choose     (double               px_per_day,
                                     double               gap,
                                     CbTickLabelWidthFunc label_width,
                                     gpointer             user_data);
/* "day", "month", "quarter", "year", "decade", "century" … for tests and debugging. */
const char *cb_tick_unit_name       (CbTickUnit unit);
/* The shortest distance between two ticks of @unit, in days. */
double      cb_tick_unit_min_days   (CbTickUnit unit);
/* The last tick at or before @julian, and the tick after @tick. */
guint32     cb_tick_unit_floor      (CbTickUnit unit,
                                     guint32    julian);
guint32     cb_tick_unit_next       (CbTickUnit unit,
                                     guint32    tick);
/* The label of the tick: "30 May", "Mar", "2017", "1990s".  Newly allocated. */
char       *cb_tick_unit_format     (CbTickUnit unit,
                                     guint32    tick);
/* The longer periods that give ticks of @unit their context (months above
 * days, years above months, decades above years); FALSE when none does. */
gboolean    cb_tick_unit_context    (CbTickUnit  unit,
                                     CbTickUnit *context);
/* The label of a context tick: "May 2017", "2017", "1990s".  Newly allocated. */
char       *cb_tick_unit_format_long (CbTickUnit unit,
                                      guint32    tick);

/* Gives each of the @n spans [@starts[i], @ends[i]), in order, the lowest
 * lane in which it keeps at least @gap from every span placed before it;
 * returns the number of lanes. */
guint       cb_timeline_assign_lanes (const double *starts,
                                      const double *ends,
                                      guint         n,
                                      double        gap,
                                      guint        *lanes);

G_END_DECLS
