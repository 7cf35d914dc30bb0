/* cb-date-format.h — fuzzy dates as text for people, in their language
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "extract/cb-fuzzy-date.h"

G_BEGIN_DECLS

/* The one place a date becomes text for the window, the printed summaries and
 * the command line: as precise as known, with the qualifier, in the order,
 * month names and words of the current locale and translation ("30 May 2018",
 * "February 2017", "c. June 2018", "before 1997", "week of 21 May 2018",
 * "summer 2019", "the 1990s", "between 3 May 2018 and 9 May 2018";
 * "undated" when unresolved).  Newly allocated. */
char *cb_fuzzy_date_format (const CbFuzzyDate *date);

/* One calendar day, as the day-precision dates above. */
char *cb_date_format_day   (const GDate *date);

G_END_DECLS
