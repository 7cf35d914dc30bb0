/* cb-search-hit.h — one article found by a full-text search
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The snippet marks each match between CB_SEARCH_MATCH_START and
 * CB_SEARCH_MATCH_END; both are control characters that never occur in a
 * stored body, so the CLI and the window can render them their own way. */
#define CB_SEARCH_MATCH_START "\x02"
#define CB_SEARCH_MATCH_END   "\x03"

#define CB_TYPE_SEARCH_HIT (cb_search_hit_get_type ())
G_DECLARE_FINAL_TYPE (CbSearchHit, cb_search_hit, CB, SEARCH_HIT, GObject)

/* Properties: "article-id", "title", "snippet" (with the markers above),
 * "snippet-markup" (Pango markup, matches in bold), "match-start" (character
 * offset of the first match in the body, or -1 when the match is in the title). */
CbSearchHit *cb_search_hit_new                 (gint64      article_id,
                                                const char *title,
                                                const char *snippet,
                                                int         match_start);
gint64       cb_search_hit_get_article_id      (CbSearchHit *self);
const char  *cb_search_hit_get_title           (CbSearchHit *self);
const char  *cb_search_hit_get_snippet         (CbSearchHit *self);
char        *cb_search_hit_dup_snippet_markup  (CbSearchHit *self);
/* The snippet with matches between [ and ], for terminals. */
char        *cb_search_hit_dup_snippet_plain   (CbSearchHit *self);
int          cb_search_hit_get_match_start     (CbSearchHit *self);
/* The first match in the body is [match-start, match-end), character
 * offsets; -1 when the body has no match (a title match) or, for the end,
 * when it is not known. */
CbSearchHit *cb_search_hit_new_full            (gint64      article_id,
                                                const char *title,
                                                const char *snippet,
                                                int         match_start,
                                                int         match_end);
int          cb_search_hit_get_match_end       (CbSearchHit *self);

G_END_DECLS
