/* cb-fuzzy-date.h — dates as precise as the text makes them
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CB_PRECISION_NONE = 0,   /* nothing known yet (unresolved) */
  CB_PRECISION_DAY,
  CB_PRECISION_WEEK,
  CB_PRECISION_MONTH,
  CB_PRECISION_SEASON,
  CB_PRECISION_YEAR,
  CB_PRECISION_DECADE,
} CbPrecision;

typedef enum
{
  CB_QUALIFIER_ON = 0,
  CB_QUALIFIER_AROUND,
  CB_QUALIFIER_BEFORE,
  CB_QUALIFIER_AFTER,
  CB_QUALIFIER_BETWEEN,
} CbQualifier;

/* What a date was resolved against. */
typedef enum
{
  CB_ANCHOR_ABSOLUTE = 0,  /* "in 1996": needs nothing */
  CB_ANCHOR_ARTICLE,       /* "three months ago": the article's date */
  CB_ANCHOR_NARRATIVE,     /* "a week later": the previous dated event in the text */
  CB_ANCHOR_UNRESOLVED,    /* relative, but the article has no date yet */
} CbAnchor;

/* A resolved interval of days, inclusive, as Julian day numbers (GDate). */
typedef struct
{
  char       *value;      /* TIMEX3: 1996, 2017-02, 2018-05-30, 2018-W21, 199X, 2018-SU; NULL when unresolved */
  CbPrecision precision;
  CbQualifier qualifier;
  CbAnchor    anchor;
  guint32     earliest;   /* Julian day, 0 when unresolved */
  guint32     latest;     /* Julian day, 0 when unresolved */
} CbFuzzyDate;

const char  *cb_precision_to_string  (CbPrecision precision);
CbPrecision  cb_precision_from_string (const char *str);
const char  *cb_qualifier_to_string  (CbQualifier qualifier);
CbQualifier  cb_qualifier_from_string (const char *str);
const char  *cb_anchor_to_string     (CbAnchor anchor);
CbAnchor     cb_anchor_from_string   (const char *str);

/* Fills earliest/latest/precision from a TIMEX3 value; FALSE when @value is not one. */
gboolean     cb_fuzzy_date_set_value (CbFuzzyDate *date,
                                      const char  *value);
void         cb_fuzzy_date_clear     (CbFuzzyDate *date);
void         cb_fuzzy_date_copy      (const CbFuzzyDate *src,
                                      CbFuzzyDate       *dest);

/* (cb_fuzzy_date_format() is in cb-date-format.h: text for people is not
 * the extractors' business.) */

/* Parses a calendar date as found in a header ("2018-06-08", "June 8, 2018",
 * "8 June 2018", "Fri, 08 Jun 2018 10:00:00 +0000"); FALSE when it is none. */
gboolean     cb_parse_calendar_date  (const char *text,
                                      GDate      *out);

G_END_DECLS
