/* cb-fuzzy-date.c — dates as precise as the text makes them
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cb-fuzzy-date.h"

static const char * const precision_names[] = {
  "none", "day", "week", "month", "season", "year", "decade",
};

static const char * const qualifier_names[] = {
  "on", "around", "before", "after", "between",
};

static const char * const anchor_names[] = {
  "absolute", "article", "narrative", "unresolved",
};

static const char * const season_codes[] = { "SP", "SU", "FA", "WI" };

const char *
cb_precision_to_string (CbPrecision precision)
{
  if ((guint) precision >= G_N_ELEMENTS (precision_names))
    return "none";
  return precision_names[precision];
}

CbPrecision
cb_precision_from_string (const char *str)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (precision_names); i++)
    if (g_ascii_strcasecmp (str, precision_names[i]) == 0)
      return (CbPrecision) i;
  return CB_PRECISION_NONE;
}

const char *
cb_qualifier_to_string (CbQualifier qualifier)
{
  if ((guint) qualifier >= G_N_ELEMENTS (qualifier_names))
    return "on";
  return qualifier_names[qualifier];
}

CbQualifier
cb_qualifier_from_string (const char *str)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (qualifier_names); i++)
    if (g_ascii_strcasecmp (str, qualifier_names[i]) == 0)
      return (CbQualifier) i;
  return CB_QUALIFIER_ON;
}

const char *
cb_anchor_to_string (CbAnchor anchor)
{
  if ((guint) anchor >= G_N_ELEMENTS (anchor_names))
    return "unresolved";
  return anchor_names[anchor];
}

CbAnchor
cb_anchor_from_string (const char *str)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (anchor_names); i++)
    if (g_ascii_strcasecmp (str, anchor_names[i]) == 0)
      return (CbAnchor) i;
  return CB_ANCHOR_UNRESOLVED;
}

/* Reads exactly @n ASCII digits at *@p; advances *@p. */
static gboolean
read_digits (const char **p,
             guint        n,
             int         *out)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *out = v;
  return TRUE;
}

static guint32
julian (int year, int month, int day)
{
  GDate d;

  if (!g_date_valid_dmy (day, month, year))
    return 0;
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);
  return g_date_get_julian (&d);
}

gboolean
cb_fuzzy_date_set_value (CbFuzzyDate *date,
                         const char  *value)
{
  const char *p = value;
  int year, month, day, week;
  CbPrecision precision;
  guint32 earliest, latest;

  g_return_val_if_fail (date != NULL, FALSE);

  if (value == NULL)
    return FALSE;

  /* Decade: 199X */
  if (strlen (value) == 4 && value[3] == 'X')
    {
      if (!read_digits (&p, 3, &year) || year == 0)
        return FALSE;
      earliest = julian (year * 10, 1, 1);
      latest = julian (year * 10 + 9, 12, 31);
      precision = CB_PRECISION_DECADE;
      goto done;
    }

  if (!read_digits (&p, 4, &year) || year < 1 || year > 9990)
    return FALSE;

  if (*p == '\0')
    {
      earliest = julian (year, 1, 1);
      latest = julian (year, 12, 31);
      precision = CB_PRECISION_YEAR;
      goto done;
    }

  if (*p++ != '-')
    return FALSE;

  /* "W21" is a week; "WI" is winter, below. */
  if (*p == 'W' && g_ascii_isdigit (p[1]))
    {
      GDate d;
      guint jan4_wd;

      p++;
      if (!read_digits (&p, 2, &week) || *p != '\0' || week < 1 || week > 53)
        return FALSE;
      /* ISO week 1 holds January 4th. */
      g_date_clear (&d, 1);
      g_date_set_dmy (&d, 4, 1, year);
      jan4_wd = g_date_get_weekday (&d);
      g_date_subtract_days (&d, jan4_wd - 1);
      g_date_add_days (&d, (week - 1) * 7);
      if (week == 53)
        {
          GDate thu = d;

          g_date_add_days (&thu, 3);
          if (g_date_get_year (&thu) != year)
            return FALSE;
        }
      earliest = g_date_get_julian (&d);
      latest = earliest + 6;
      precision = CB_PRECISION_WEEK;
      goto done;
    }

  for (guint i = 0; i < G_N_ELEMENTS (season_codes); i++)
    if (strcmp (p, season_codes[i]) == 0)
      {
        /* Meteorological seasons; winter is the one that starts in December. */
        static const int first_month[] = { 3, 6, 9, 12 };
        int last_month = first_month[i] + 2;
        int last_year = year;

        if (last_month > 12)
          {
            last_month -= 12;
            last_year++;
          }
        earliest = julian (year, first_month[i], 1);
        latest = julian (last_year, last_month,
                         g_date_get_days_in_month (last_month, last_year));
        precision = CB_PRECISION_SEASON;
        goto done;
      }

  if (!read_digits (&p, 2, &month) || month < 1 || month > 12)
    return FALSE;

  if (*p == '\0')
    {
      earliest = julian (year, month, 1);
      latest = julian (year, month, g_date_get_days_in_month (month, year));
      precision = CB_PRECISION_MONTH;
      goto done;
    }

  if (*p++ != '-' || !read_digits (&p, 2, &day) || *p != '\0')
    return FALSE;
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  earliest = latest = julian (year, month, day);
  precision = CB_PRECISION_DAY;

done:
  if (earliest == 0 || latest == 0)
    return FALSE;
  g_free (date->value);
  date->value = g_strdup (value);
  date->precision = precision;
  date->earliest = earliest;
  date->latest = latest;
  return TRUE;
}

void
cb_fuzzy_date_clear (CbFuzzyDate *date)
{
  g_return_if_fail (date != NULL);

  g_clear_pointer (&date->value, g_free);
  date->precision = CB_PRECISION_NONE;
  date->qualifier = CB_QUALIFIER_ON;
  date->anchor = CB_ANCHOR_UNRESOLVED;
  date->earliest = 0;
  date->latest = 0;
}

void
cb_fuzzy_date_copy (const CbFuzzyDate *src,
                    CbFuzzyDate       *dest)
{
  g_return_if_fail (src != NULL);
  g_return_if_fail (dest != NULL);

  if (src == dest)
    return;
  g_free (dest->value);
  *dest = *src;
  dest->value = g_strdup (src->value);
}

/* ---- cb_parse_calendar_date ------------------------------------------- */

static const char * const month_prefixes[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

/* 1–12 when @word (ASCII letters, any case) names a month in English, else 0. */
static int
month_from_word (const char *word,
                 gsize       len)
{
  static const char * const full[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
  };
  char buf[12];

  if (len < 3 || len >= sizeof buf)
    return 0;
  for (gsize i = 0; i < len; i++)
    buf[i] = g_ascii_tolower (word[i]);
  buf[len] = '\0';

  for (guint i = 0; i < 12; i++)
    {
      if (len == 3 && memcmp (buf, month_prefixes[i], 3) == 0)
        return i + 1;
      if (strcmp (buf, full[i]) == 0)
        return i + 1;
    }
  if (strcmp (buf, "sept") == 0)
    return 9;
  return 0;
}

/* Words that may stand around a written date: weekdays, ordinal suffixes, "of". */
static gboolean
is_filler_word (const char *word,
                gsize       len)
{
  static const char * const words[] = {
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "st", "nd", "rd", "th", "of", "the",
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strlen (words[i]) == len && g_ascii_strncasecmp (word, words[i], len) == 0)
      return TRUE;
  return FALSE;
}

gboolean
cb_parse_calendar_date (const char *text,
                        GDate      *out)
{
  int nums[3];
  guint n_nums = 0;
  guint num_len[3];
  int month = 0;
  int day = 0, year = 0;
  const char *p;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  while (g_ascii_isspace (*text))
    text++;

  /* ISO 8601: 2018-06-08, optionally followed by a time. */
  p = text;
  if (read_digits (&p, 4, &year) && *p == '-')
    {
      p++;
      if (!read_digits (&p, 2, &month) || *p != '-')
        return FALSE;
      p++;
      if (!read_digits (&p, 2, &day))
        return FALSE;
      if (*p != '\0' && *p != 'T' && *p != 't' && !g_ascii_isspace (*p))
        return FALSE;
      if (!g_date_valid_dmy (day, month, year))
        return FALSE;
      g_date_clear (out, 1);
      g_date_set_dmy (out, day, month, year);
      return TRUE;
    }

  /* Words and numbers: "June 8, 2018", "8 June 2018", "Fri, 08 Jun 2018 10:00:00 +0000".
   * Only the first three numbers count; a time (with ':') ends the date. */
  month = 0;
  for (p = text; *p != '\0';)
    {
      if (g_ascii_isalpha (*p))
        {
          const char *w = p;
          int m;

          while (g_ascii_isalpha (*p))
            p++;
          m = month_from_word (w, p - w);
          if (m != 0)
            {
              if (month != 0)
                return FALSE;
              month = m;
            }
          else if (month != 0 && n_nums >= 2)
            break;  /* a time zone name or the like after the date */
          else if (!is_filler_word (w, p - w))
            return FALSE;
        }
      else if (g_ascii_isdigit (*p))
        {
          const char *d = p;
          int v = 0;

          while (g_ascii_isdigit (*p) && p - d < 6)
            v = v * 10 + (*p++ - '0');
          if (g_ascii_isdigit (*p))
            return FALSE;
          if (*p == ':')
            break;
          if (n_nums == 3)
            return FALSE;
          num_len[n_nums] = p - d;
          nums[n_nums++] = v;
        }
      else if (*p == ',' || *p == '.' || *p == ' ' || *p == '\t' || *p == '-' || *p == '/')
        p++;
      else if (*p == '+')
        break;
      else
        return FALSE;
    }

  if (month != 0)
    {
      if (n_nums != 2)
        return FALSE;
      if (num_len[0] <= 2 && num_len[1] == 4)
        {
          day = nums[0];
          year = nums[1];
        }
      else if (num_len[0] == 4 && num_len[1] <= 2)
        {
          year = nums[0];
          day = nums[1];
        }
      else
        return FALSE;
    }
  else
    {
      /* Numeric with slashes: 2018/06/08 or (US) 06/08/2018. */
      if (n_nums != 3)
        return FALSE;
      if (num_len[0] == 4 && num_len[1] <= 2 && num_len[2] <= 2)
        {
          year = nums[0];
          month = nums[1];
          day = nums[2];
        }
      else if (num_len[0] <= 2 && num_len[1] <= 2 && num_len[2] == 4)
        {
          month = nums[0];
          day = nums[1];
          year = nums[2];
        }
      else
        return FALSE;
    }

  if (year < 1 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}
