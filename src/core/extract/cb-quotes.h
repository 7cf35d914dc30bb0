/* cb-quotes.h — quoted speech and who said it
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cb-span.h"

G_BEGIN_DECLS

typedef struct
{
  CbSpan span;      /* the quoted words, without the quotation marks */
  char  *text;
  int    speaker;   /* index into the persons array, or -1 when the text never says */
} CbQuote;

void       cb_quote_free  (CbQuote *quote);

/* Finds direct speech in @text (straight and curly quotes, split quotes,
 * attribution before or after, pronouns resolved to the nearest compatible
 * person of @persons).  Scare quotes of three words or fewer without
 * attribution are skipped.  Returns a GPtrArray of CbQuote (owning). */
GPtrArray *cb_find_quotes (const char *text,
                           GPtrArray  *persons);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbQuote, cb_quote_free)

G_END_DECLS
