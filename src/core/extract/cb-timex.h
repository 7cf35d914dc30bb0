/* cb-timex.h — date expressions and their resolution
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cb-span.h"
#include "cb-fuzzy-date.h"

G_BEGIN_DECLS

typedef struct
{
  CbSpan      span;   /* shortest span carrying the date, without a leading "on"/"in" */
  char       *text;   /* the surface text of span */
  CbFuzzyDate date;   /* value NULL and anchor UNRESOLVED when relative and @dct is NULL */
} CbTimex;

void     cb_timex_free  (CbTimex *timex);

/* Finds every date expression in @text, in text order, resolving relative ones
 * against @dct (the article's date; may be NULL) and narrative ones ("a week
 * later") against the previous resolved date.  Durations, ages, quantities and
 * numbers in names are not dates.  Returns a GPtrArray of CbTimex (owning). */
GPtrArray *cb_find_timexes (const char  *text,
                            const GDate *dct);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbTimex, cb_timex_free)

G_END_DECLS
