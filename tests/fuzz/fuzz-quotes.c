/* fuzz-quotes.c — quotations in any text: spans, words and speakers
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cb-persons.h"
#include "cb-quotes.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = fuzz_text (data, size);
  gsize len = strlen (text);
  GPtrArray *persons = cb_find_persons (text);
  GPtrArray *quotes = cb_find_quotes (text, persons);
  GPtrArray *alone = cb_find_quotes (text, NULL);

  for (guint i = 0; i < quotes->len; i++)
    {
      const CbQuote *q = g_ptr_array_index (quotes, i);

      fuzz_check_span (text, len, &q->span, FALSE);
      fuzz_check_string (q->text);
      /* The quoted words come from the span, in their order. */
      FUZZ_CHECK (fuzz_is_subsequence (q->text, text, q->span.start, q->span.end));
      FUZZ_CHECK (q->speaker >= -1 && q->speaker < (int) persons->len);
      if (i > 0)
        FUZZ_CHECK (((const CbQuote *) g_ptr_array_index (quotes, i - 1))->span.end <= q->span.start);
    }

  /* Without people the same text gives quotes without speakers. */
  for (guint i = 0; i < alone->len; i++)
    {
      const CbQuote *q = g_ptr_array_index (alone, i);

      fuzz_check_span (text, len, &q->span, FALSE);
      fuzz_check_string (q->text);
      FUZZ_CHECK (q->speaker == -1);
    }

  g_ptr_array_unref (alone);
  g_ptr_array_unref (quotes);
  g_ptr_array_unref (persons);
  return 0;
}
