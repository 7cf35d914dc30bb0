/* cb-search-snippet.h — the snippet and the first match of a search hit
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One token of a text, as the full-text index's tokenizer cut it. */
typedef struct
{
  int         start;     /* byte offsets into the text, end exclusive */
  int         end;
  const char *folded;    /* the token as the index holds it (not NUL-terminated) */
  int         n_folded;
} CbSearchToken;

/* One column of the row (title, body): its text and its tokens in order. */
typedef struct
{
  const char          *text;
  int                  n_text;
  const CbSearchToken *tokens;
  guint                n_tokens;
} CbSearchColumn;

/* A query word as folded tokens (NULL-terminated): it matches where these
 * tokens follow each other, the last one as a prefix ("robber" matches
 * "robbery"). */
typedef const char * const *CbSearchPhrase;

/* What FTS5's snippet (column -1, @open, @close, @ellipsis, @max_tokens)
 * makes of the query "phrase1"* AND "phrase2"* …: the best window of at
 * most @max_tokens tokens of the best column, the matches in it between
 * @open and @close, @ellipsis where text was cut.  Newly allocated.
 *
 * *@match_start and *@match_end receive the first match in column
 * @match_column — where highlight() would put the first @open and @close —
 * in characters, end exclusive; -1 when that column has none. */
char *cb_search_snippet (const CbSearchColumn *columns,
                         guint                 n_columns,
                         const CbSearchPhrase *phrases,
                         guint                 n_phrases,
                         const char           *open,
                         const char           *close,
                         const char           *ellipsis,
                         int                   max_tokens,
                         guint                 match_column,
                         int                  *match_start,
                         int                  *match_end);

G_END_DECLS
