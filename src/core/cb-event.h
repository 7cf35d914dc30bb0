/* cb-event.h — one dated event of a case, resting on one or more sources
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include "cb-types.h"
#include "extract/cb-fuzzy-date.h"
#include "cb-date-format.h"

G_BEGIN_DECLS

#define CB_TYPE_EVENT (cb_event_get_type ())
G_DECLARE_FINAL_TYPE (CbEvent, cb_event, CB, EVENT, GObject)

/* Properties: "id", "case-id" (0 when in no case), "description", "date-text"
 * (the surface text, "Just last week"), "date-label" (cb_fuzzy_date_format),
 * "value" (TIMEX3 or NULL), "review" (CbReview as int), "subject-name",
 * "article-id", "start", "end" (character offsets of the first source span),
 * "source-count". */
CbEvent           *cb_event_new              (gint64             id,
                                              gint64             case_id,
                                              const char        *description,
                                              const CbFuzzyDate *date,
                                              const char        *date_text,
                                              CbReview           review,
                                              const char        *subject_name,
                                              gint64             article_id,
                                              guint              start,
                                              guint              end,
                                              guint              source_count);
gint64             cb_event_get_id           (CbEvent *self);
gint64             cb_event_get_case_id      (CbEvent *self);
const char        *cb_event_get_description  (CbEvent *self);
const CbFuzzyDate *cb_event_get_date         (CbEvent *self);
const char        *cb_event_get_date_text    (CbEvent *self);
CbReview           cb_event_get_review       (CbEvent *self);
const char        *cb_event_get_subject_name (CbEvent *self);
gint64             cb_event_get_article_id   (CbEvent *self);
guint              cb_event_get_start        (CbEvent *self);
guint              cb_event_get_end          (CbEvent *self);
guint              cb_event_get_source_count (CbEvent *self);

G_END_DECLS
