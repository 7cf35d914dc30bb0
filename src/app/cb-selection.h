/* cb-selection.h — the window's one selection: what every pane follows
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CB_TYPE_SELECTION (cb_selection_get_type ())
G_DECLARE_FINAL_TYPE (CbSelection, cb_selection, CB, SELECTION, GObject)

/* Properties (gint64, 0 = nothing): "case-id", "event-id", "excerpt-id",
 * "article-id", "person-id"; and the span of the article to highlight,
 * "span-start" / "span-end" (int, character offsets, -1 = no span).  Each is
 * notified only when its value really changes; the select_*() calls change
 * several at once and notify after all of them are set, so an observer
 * always sees a consistent selection. */
CbSelection *cb_selection_new            (void);

gint64       cb_selection_get_case_id    (CbSelection *self);
gint64       cb_selection_get_event_id   (CbSelection *self);
gint64       cb_selection_get_excerpt_id (CbSelection *self);
gint64       cb_selection_get_article_id (CbSelection *self);
gint64       cb_selection_get_person_id  (CbSelection *self);
int          cb_selection_get_span_start (CbSelection *self);
int          cb_selection_get_span_end   (CbSelection *self);

void         cb_selection_set_case_id    (CbSelection *self, gint64 case_id);
void         cb_selection_set_event_id   (CbSelection *self, gint64 event_id);
void         cb_selection_set_excerpt_id (CbSelection *self, gint64 excerpt_id);
void         cb_selection_set_article_id (CbSelection *self, gint64 article_id);
void         cb_selection_set_person_id  (CbSelection *self, gint64 person_id);
void         cb_selection_set_span       (CbSelection *self,
                                          int          start,
                                          int          end);

/* A case file (0 = all cases): the event and excerpt picked in the previous
 * case no longer apply, so they are cleared; the article stays open. */
void         cb_selection_select_case    (CbSelection *self,
                                          gint64       case_id);
/* An event and the article span it rests on (@article_id 0 when it has no
 * source). */
void         cb_selection_select_event   (CbSelection *self,
                                          gint64       event_id,
                                          gint64       article_id,
                                          int          start,
                                          int          end);
/* An excerpt, its article span and the event resting on it (0 = none,
 * which keeps the current event). */
void         cb_selection_select_excerpt (CbSelection *self,
                                          gint64       excerpt_id,
                                          gint64       event_id,
                                          gint64       article_id,
                                          int          start,
                                          int          end);
/* An article, e.g. from a search hit, optionally at a span (-1 = none). */
void         cb_selection_select_article (CbSelection *self,
                                          gint64       article_id,
                                          int          start,
                                          int          end);
/* Back to nothing selected. */
void         cb_selection_clear          (CbSelection *self);

G_END_DECLS
