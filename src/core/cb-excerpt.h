/* cb-excerpt.h — a span of an article: a quote or a passage
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include "cb-types.h"

G_BEGIN_DECLS

#define CB_TYPE_EXCERPT (cb_excerpt_get_type ())
G_DECLARE_FINAL_TYPE (CbExcerpt, cb_excerpt, CB, EXCERPT, GObject)

/* Properties: "id", "article-id", "article-title", "article-published" (TIMEX3
 * or NULL), "start", "end" (character offsets into the article body), "text",
 * "speaker-id" (0 when none), "speaker-name" (NULL when none), "kind"
 * (CbExcerptKind as int), "event-id" (first event resting on it, 0 when none). */
CbExcerpt     *cb_excerpt_new                   (gint64         id,
                                                 gint64         article_id,
                                                 const char    *article_title,
                                                 const char    *article_published,
                                                 guint          start,
                                                 guint          end,
                                                 const char    *text,
                                                 gint64         speaker_id,
                                                 const char    *speaker_name,
                                                 CbExcerptKind  kind,
                                                 gint64         event_id);
gint64         cb_excerpt_get_id                (CbExcerpt *self);
gint64         cb_excerpt_get_article_id        (CbExcerpt *self);
const char    *cb_excerpt_get_article_title     (CbExcerpt *self);
const char    *cb_excerpt_get_article_published (CbExcerpt *self);
guint          cb_excerpt_get_start             (CbExcerpt *self);
guint          cb_excerpt_get_end               (CbExcerpt *self);
const char    *cb_excerpt_get_text              (CbExcerpt *self);
gint64         cb_excerpt_get_speaker_id        (CbExcerpt *self);
const char    *cb_excerpt_get_speaker_name      (CbExcerpt *self);
CbExcerptKind  cb_excerpt_get_kind              (CbExcerpt *self);
gint64         cb_excerpt_get_event_id          (CbExcerpt *self);

G_END_DECLS
