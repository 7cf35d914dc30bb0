/* cb-summary.h — what a printed case summary says, gathered from the store
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cb-store.h"

G_BEGIN_DECLS

/* One person of a case and what they are in it ("Subject", "Quoted"). */
typedef struct
{
  char *name;
  char *role;
} CbSummaryPerson;

/* One row of the chronology. */
typedef struct
{
  char     *date;         /* as precise as known: "1996", "Feb 2017", "c. June 2018" */
  char     *description;
  GArray   *sources;      /* guint source numbers, ascending */
  gboolean  suggested;
} CbSummaryEvent;

typedef struct
{
  char     *text;
  char     *speaker;      /* NULL when nobody is known to have said it */
  gboolean  quote;        /* a quote rather than a passage */
  guint     source;       /* its source number */
  gboolean  suggested;
} CbSummaryExcerpt;

typedef struct
{
  guint  number;          /* 1, 2, … in the order they are first cited */
  char  *title;
  char  *date;            /* the article's date, or NULL */
  char  *location;        /* its URL, else the file it was imported from, or NULL */
} CbSummarySource;

typedef struct
{
  char      *title;
  char      *subject;     /* NULL when the case has no subject */
  char      *status;      /* translated: "Open", "Granted" … */
  char      *notes;       /* NULL when there are none */
  gboolean   suggested;   /* the case file itself is not reviewed yet */
  GPtrArray *people;      /* CbSummaryPerson, subject first */
  GPtrArray *events;      /* CbSummaryEvent, chronological */
  GPtrArray *excerpts;    /* CbSummaryExcerpt, in article order */
  GPtrArray *sources;     /* CbSummarySource, by number */
} CbSummaryCase;

#define CB_TYPE_SUMMARY (cb_summary_get_type ())
G_DECLARE_FINAL_TYPE (CbSummary, cb_summary, CB, SUMMARY, GObject)

/* An empty summary.  @generated is when it is made (NULL = now); with
 * @include_suggestions the facts nobody has reviewed yet are included and
 * marked, otherwise only accepted ones are. */
CbSummary           *cb_summary_new                     (GDateTime *generated,
                                                         gboolean   include_suggestions);

/* Reads one case file and what belongs to it from @store and appends it. */
gboolean             cb_summary_add_case                (CbSummary *self,
                                                         CbStore   *store,
                                                         gint64     case_id,
                                                         GError   **error);
/* Every case file: reviewed ones, and suggested ones too when the summary
 * includes suggestions.  FALSE with an error when there is none to print. */
gboolean             cb_summary_add_all_cases           (CbSummary *self,
                                                         CbStore   *store,
                                                         GError   **error);

guint                cb_summary_get_n_cases             (CbSummary *self);
const CbSummaryCase *cb_summary_get_case                (CbSummary *self,
                                                         guint      index);
gboolean             cb_summary_get_include_suggestions (CbSummary *self);
/* "Generated on 5 March 2026", translated. */
const char          *cb_summary_get_generated_label     (CbSummary *self);

/* The id of the case file @id_or_title names: a number is an id, anything
 * else a title (exact, then ignoring case).  0 with CB_STORE_ERROR_NOT_FOUND
 * when none matches. */
gint64               cb_summary_find_case               (CbStore    *store,
                                                         const char *id_or_title,
                                                         GError    **error);

G_END_DECLS
