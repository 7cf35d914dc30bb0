/* cb-corpus.h — a deterministic generator of synthetic news articles
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Article @index of a corpus seeded with @seed: template sentences with varied
 * names, dates, quotes and legal events, between @min_size and @max_size bytes,
 * with a header block (Title, Date, Source).  Same arguments, same text. */
char *cb_corpus_article (guint32 seed,
                         guint   index,
                         gsize   min_size,
                         gsize   max_size);

G_END_DECLS
