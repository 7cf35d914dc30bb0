/* cb-date-format.c — fuzzy dates as text for people, in their language
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every format is a translatable g_date_time_format() format, so translators
 * choose the order of day, month and year and the words around them, and the
 * month names come from the locale (LC_TIME).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-date-format.h"

/* Julian day @jd as a GDateTime at midnight UTC; NULL outside years 1–9999. */
static GDateTime *
date_time_from_julian (guint32 jd)
{
  GDate d;

  if (jd == 0 || !g_date_valid_julian (jd))
    return NULL;
  g_date_clear (&d, 1);
  g_date_set_julian (&d, jd);
  return g_date_time_new_utc (g_date_get_year (&d), g_date_get_month (&d),
                              g_date_get_day (&d), 0, 0, 0);
}

/* @format applied to day @jd; ISO 8601 for the (odd) days GDateTime cannot
 * hold. */
static char *
format_julian (guint32     jd,
               const char *format)
{
  g_autoptr(GDateTime) dt = date_time_from_julian (jd);
  char *text = dt != NULL ? g_date_time_format (dt, format) : NULL;
  GDate d;

  if (text != NULL)
    return text;
  g_date_clear (&d, 1);
  g_date_set_julian (&d, jd);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
}

static const char *
day_format (void)
{
  /* Translators: a date known to the day, a g_date_time_format() format:
   * %-d the day, %B the month's name, %Y the year; e.g. "30 May 2018".
   * xgettext:no-c-format */
  return C_("date with day precision", "%-d %B %Y");
}

static char *
format_season (guint32 jd)
{
  GDate d;
  int month;
  const char *format;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, jd);
  month = g_date_get_month (&d);

  /* Winter is the one that begins in December of that year. */
  if (month >= 12)
    /* Translators: a season with its year, a g_date_time_format() format */
    format = C_("date with season precision", "winter %Y");
  else if (month >= 9)
    /* Translators: a season with its year, a g_date_time_format() format */
    format = C_("date with season precision", "autumn %Y");
  else if (month >= 6)
    /* Translators: a season with its year, a g_date_time_format() format */
    format = C_("date with season precision", "summer %Y");
  else
    /* Translators: a season with its year, a g_date_time_format() format */
    format = C_("date with season precision", "spring %Y");

  return format_julian (jd, format);
}

static char *
format_decade (guint32 jd)
{
  GDate d;
  g_autoptr(GDateTime) start = NULL;
  char *text = NULL;
  int year;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, jd);
  year = g_date_get_year (&d) / 10 * 10;
  start = year > 0 ? g_date_time_new_utc (year, 1, 1, 0, 0, 0) : NULL;
  if (start != NULL)
    /* Translators: a decade, a g_date_time_format() format whose %Y is the
     * decade's first year: "the 1990s".
     * xgettext:no-c-format */
    text = g_date_time_format (start, C_("date with decade precision", "the %Ys"));
  return text != NULL ? text : g_strdup_printf ("%04d", year);
}

/* The interval itself, without the qualifier; NULL when unresolved. */
static char *
format_interval (const CbFuzzyDate *date)
{
  if (date->earliest == 0 || !g_date_valid_julian (date->earliest))
    return NULL;

  switch (date->precision)
    {
    case CB_PRECISION_DAY:
      return format_julian (date->earliest, day_format ());
    case CB_PRECISION_WEEK:
      /* Translators: a week, named by its Monday: a g_date_time_format()
       * format as the date with day precision; e.g. "week of 21 May 2018".
       * xgettext:no-c-format */
      return format_julian (date->earliest, C_("date with week precision", "week of %-d %B %Y"));
    case CB_PRECISION_MONTH:
      /* Translators: a date known to the month, a g_date_time_format()
       * format: %B the month's name, %Y the year; e.g. "February 2017".
       * xgettext:no-c-format */
      return format_julian (date->earliest, C_("date with month precision", "%B %Y"));
    case CB_PRECISION_SEASON:
      return format_season (date->earliest);
    case CB_PRECISION_YEAR:
      /* Translators: a date known to the year, a g_date_time_format() format.
       * xgettext:no-c-format */
      return format_julian (date->earliest, C_("date with year precision", "%Y"));
    case CB_PRECISION_DECADE:
      return format_decade (date->earliest);
    case CB_PRECISION_NONE:
    default:
      return NULL;
    }
}

/* One end of a "between" interval, as precise as the interval. */
static char *
format_bound (const CbFuzzyDate *date,
              guint32            jd)
{
  CbFuzzyDate bound = *date;

  bound.earliest = bound.latest = jd;
  if (bound.precision != CB_PRECISION_MONTH && bound.precision != CB_PRECISION_YEAR)
    bound.precision = CB_PRECISION_DAY;
  return format_interval (&bound);
}

char *
cb_date_format_day (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  return format_julian (g_date_get_julian (date), day_format ());
}

char *
cb_fuzzy_date_format (const CbFuzzyDate *date)
{
  g_autofree char *interval = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  interval = format_interval (date);
  if (interval == NULL)
    /* Translators: a date not known (yet) */
    return g_strdup (C_("date", "undated"));

  switch (date->qualifier)
    {
    case CB_QUALIFIER_AROUND:
      /* Translators: "circa", %s is a date as above, e.g. "c. June 2018" */
      return g_strdup_printf (C_("date", "c. %s"), interval);
    case CB_QUALIFIER_BEFORE:
      /* Translators: %s is a date as above, e.g. "before 1997" */
      return g_strdup_printf (C_("date", "before %s"), interval);
    case CB_QUALIFIER_AFTER:
      /* Translators: %s is a date as above, e.g. "after 11 September 2001" */
      return g_strdup_printf (C_("date", "after %s"), interval);
    case CB_QUALIFIER_BETWEEN:
      if (g_date_valid_julian (date->latest) && date->latest > date->earliest)
        {
          g_autofree char *from = format_bound (date, date->earliest);
          g_autofree char *to = format_bound (date, date->latest);

          /* Translators: two dates as above, e.g. "between 3 May 2018 and 9 May 2018" */
          return g_strdup_printf (C_("date", "between %s and %s"), from, to);
        }
      return g_steal_pointer (&interval);
    case CB_QUALIFIER_ON:
    default:
      return g_steal_pointer (&interval);
    }
}
