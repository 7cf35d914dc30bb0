/* cb-sentences.h — sentence and paragraph boundaries
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cb-span.h"

G_BEGIN_DECLS

typedef struct
{
  CbSpan span;       /* byte offsets, trimmed of surrounding white space */
  guint  paragraph;  /* index of the paragraph (lines separated by a newline) */
} CbSentence;

/* Splits UTF-8 @text into sentences: ". ! ?" followed by space and a capital,
 * a quote or a digit, not after abbreviations (Mr. Dr. U.S. Jan. St. initials …);
 * every newline ends a sentence.  Returns a GArray of CbSentence. */
GArray *cb_split_sentences (const char *text);

G_END_DECLS
