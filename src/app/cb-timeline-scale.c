/* cb-timeline-scale.c — axis ticks and label lanes of the timeline, without a widget
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-timeline-scale.h"

/* From the finest to the coarsest.  Day steps restart at each month's first,
 * month steps at each January, so a tick always falls on a calendar boundary. */
static const CbTickUnit units[] = {
  { CB_TICK_DAYS, 1 }, { CB_TICK_DAYS, 2 }, { CB_TICK_DAYS, 5 }, { CB_TICK_DAYS, 10 },
  { CB_TICK_MONTHS, 1 }, { CB_TICK_MONTHS, 3 }, { CB_TICK_MONTHS, 6 },
  { CB_TICK_YEARS, 1 }, { CB_TICK_YEARS, 2 }, { CB_TICK_YEARS, 5 },
  { CB_TICK_YEARS, 10 }, { CB_TICK_YEARS, 20 }, { CB_TICK_YEARS, 50 },
  { CB_TICK_YEARS, 100 }, { CB_TICK_YEARS, 200 }, { CB_TICK_YEARS, 500 },
  { CB_TICK_YEARS, 1000 },
};

double
cb_tick_unit_min_days (CbTickUnit unit)
{
  switch (unit.field)
    {
    case CB_TICK_DAYS:
      return unit.step;
    case CB_TICK_MONTHS:
      return 28.0 * unit.step;
    case CB_TICK_YEARS:
    default:
      return 365.0 * unit.step;
    }
}

CbTickUnit
cb_tick_unit_choose (double               px_per_day,
                     double               gap,
                     CbTickLabelWidthFunc label_width,
                     gpointer             user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      double spacing = cb_tick_unit_min_days (units[i]) * px_per_day;

      if (spacing >= label_width (units[i], user_data) + gap)
        return units[i];
    }

  return units[G_N_ELEMENTS (units) - 1];
}

const char *
cb_tick_unit_name (CbTickUnit unit)
{
  switch (unit.field)
    {
    case CB_TICK_DAYS:
      return unit.step == 1 ? "day" : unit.step == 2 ? "2 days" : unit.step == 5 ? "5 days" : "10 days";
    case CB_TICK_MONTHS:
      return unit.step == 1 ? "month" : unit.step == 3 ? "quarter" : "half-year";
    case CB_TICK_YEARS:
    default:
      switch (unit.step)
        {
        case 1: return "year";
        case 2: return "2 years";
        case 5: return "5 years";
        case 10: return "decade";
        case 20: return "20 years";
        case 50: return "50 years";
        case 100: return "century";
        case 200: return "2 centuries";
        case 500: return "5 centuries";
        default: return "millennium";
        }
    }
}

/* A day tick may fall on @day only when the next month's first is at least a
 * step away, so ticks never crowd at the end of a month. */
static gboolean
day_allowed (guint   day,
             guint   step,
             guint   days_in_month)
{
  return day == 1 || (day <= days_in_month && days_in_month + 1 - day >= step);
}

static void
date_from_julian (GDate   *date,
                  guint32  julian)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, MAX (julian, 1));
}

guint32
cb_tick_unit_floor (CbTickUnit unit,
                    guint32    julian)
{
  GDate date;
  guint step = MAX (unit.step, 1);

  date_from_julian (&date, julian);

  switch (unit.field)
    {
    case CB_TICK_DAYS:
      {
        guint dim = g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date));
        guint day = 1 + ((g_date_get_day (&date) - 1) / step) * step;

        while (!day_allowed (day, step, dim))
          day -= step;
        g_date_set_day (&date, day);
      }
      break;
    case CB_TICK_MONTHS:
      g_date_set_day (&date, 1);
      g_date_set_month (&date, 1 + ((g_date_get_month (&date) - 1) / step) * step);
      break;
    case CB_TICK_YEARS:
    default:
      {
        guint year = (g_date_get_year (&date) / step) * step;

        g_date_set_dmy (&date, 1, G_DATE_JANUARY, MAX (year, 1));
      }
      break;
    }

  return g_date_get_julian (&date);
}

guint32
cb_tick_unit_next (CbTickUnit unit,
                   guint32    tick)
{
  GDate date;
  guint step = MAX (unit.step, 1);

  date_from_julian (&date, tick);

  switch (unit.field)
    {
    case CB_TICK_DAYS:
      {
        guint dim = g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date));
        guint day = g_date_get_day (&date) + step;

        if (day != 1 && day_allowed (day, step, dim))
          g_date_set_day (&date, day);
        else
          {
            g_date_set_day (&date, 1);
            g_date_add_months (&date, 1);
          }
      }
      break;
    case CB_TICK_MONTHS:
      g_date_set_day (&date, 1);
      g_date_add_months (&date, step);
      break;
    case CB_TICK_YEARS:
    default:
      if (g_date_get_year (&date) + step >= 9999)
        return G_MAXUINT32;
      g_date_add_years (&date, step);
      break;
    }

  return g_date_get_julian (&date);
}

static char *
format_date (guint32     julian,
             const char *format)
{
  GDate date;
  g_autoptr(GDateTime) dt = NULL;

  date_from_julian (&date, julian);
  dt = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date), 0, 0, 0);
  return dt != NULL ? g_date_time_format (dt, format) : g_strdup ("");
}

char *
cb_tick_unit_format (CbTickUnit unit,
                     guint32    tick)
{
  GDate date;

  switch (unit.field)
    {
    case CB_TICK_DAYS:
      /* Translators: a tick of the timeline's axis, day and short month
       * ("30 May"); a g_date_time_format() format */
      return format_date (tick, C_("timeline tick", "%-d %b"));
    case CB_TICK_MONTHS:
      /* Translators: a month tick of the timeline's axis ("Mar") */
      return format_date (tick, C_("timeline tick", "%b"));
    case CB_TICK_YEARS:
    default:
      date_from_julian (&date, tick);
      if (unit.step == 10)
        /* Translators: a decade on the timeline's axis ("1990s") */
        return g_strdup_printf (C_("timeline tick", "%us"), (guint) g_date_get_year (&date));
      return g_strdup_printf ("%u", (guint) g_date_get_year (&date));
    }
}

gboolean
cb_tick_unit_context (CbTickUnit  unit,
                      CbTickUnit *context)
{
  switch (unit.field)
    {
    case CB_TICK_DAYS:
      *context = (CbTickUnit) { CB_TICK_MONTHS, 1 };
      return TRUE;
    case CB_TICK_MONTHS:
      *context = (CbTickUnit) { CB_TICK_YEARS, 1 };
      return TRUE;
    case CB_TICK_YEARS:
    default:
      if (unit.step >= 100)
        return FALSE;
      *context = (CbTickUnit) { CB_TICK_YEARS, unit.step < 10 ? 10 : 100 };
      return TRUE;
    }
}

char *
cb_tick_unit_format_long (CbTickUnit unit,
                          guint32    tick)
{
  GDate date;

  switch (unit.field)
    {
    case CB_TICK_DAYS:
      return format_date (tick, C_("timeline tick", "%-d %b"));
    case CB_TICK_MONTHS:
      /* Translators: a month above day ticks ("May 2017"); a g_date_time_format() format */
      return format_date (tick, C_("timeline context", "%B %Y"));
    case CB_TICK_YEARS:
    default:
      date_from_julian (&date, tick);
      if (unit.step == 1)
        return g_strdup_printf ("%u", (guint) g_date_get_year (&date));
      return g_strdup_printf (C_("timeline tick", "%us"), (guint) g_date_get_year (&date));
    }
}

guint
cb_timeline_assign_lanes (const double *starts,
                          const double *ends,
                          guint         n,
                          double        gap,
                          guint        *lanes)
{
  g_autoptr(GPtrArray) lane_spans = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  /* First fit, in the caller's order (chronological), so earlier events take
   * the upper lanes; every span of a lane is checked, not only its last one,
   * because a span may reach further left than the ones placed before it. */
  for (guint i = 0; i < n; i++)
    {
      double start = starts[i];
      double end = MAX (ends[i], starts[i]);
      guint lane;

      for (lane = 0; lane < lane_spans->len; lane++)
        {
          GArray *spans = g_ptr_array_index (lane_spans, lane);
          gboolean fits = TRUE;

          for (guint k = 0; k < spans->len / 2 && fits; k++)
            {
              const double *other = &g_array_index (spans, double, 2 * k);

              fits = end + gap <= other[0] || other[1] + gap <= start;
            }
          if (fits)
            break;
        }

      if (lane == lane_spans->len)
        g_ptr_array_add (lane_spans, g_array_new (FALSE, FALSE, sizeof (double)));

      g_array_append_val (g_ptr_array_index (lane_spans, lane), start);
      g_array_append_val (g_ptr_array_index (lane_spans, lane), end);
      lanes[i] = lane;
    }

  return lane_spans->len;
}
