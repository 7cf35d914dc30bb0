/* cb-case-corpus.h — one generated article that makes a case with many events
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An article (with a header block) in which @name goes through @n_events
 * legal events, each on its own day and told in its own sentence that names
 * "matter NNNN" (from 0001); every seventh sentence is long enough to take
 * several lines in a table.  At most 1,200 events. */
char *cb_case_corpus_article (const char *name,
                              guint       n_events);

/* The sentence of event @index (from 0), as the article tells it. */
char *cb_case_corpus_sentence (const char *name,
                               guint       index);

G_END_DECLS
