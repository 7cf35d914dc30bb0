/* fuzz-persons.c — people and quotes: spans inside the text, speakers that exist
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
  GPtrArray *quotes;

  for (guint i = 0; i < persons->len; i++)
    {
      const CbPerson *p = g_ptr_array_index (persons, i);

      fuzz_check_string (p->name);
      FUZZ_CHECK (p->name[0] != '\0');
      FUZZ_CHECK (p->aliases->len > 0);
      for (guint a = 0; a < p->aliases->len; a++)
        fuzz_check_string (g_ptr_array_index (p->aliases, a));
      FUZZ_CHECK (p->mentions->len > 0);
      for (guint m = 0; m < p->mentions->len; m++)
        {
          const CbSpan *span = &g_array_index (p->mentions, CbSpan, m);

          fuzz_check_span (text, len, span, TRUE);
          /* A mention is where the person is: cb_persons_at finds them there. */
          FUZZ_CHECK (cb_persons_at (persons, span->start) >= 0);
          if (m > 0)
            FUZZ_CHECK (g_array_index (p->mentions, CbSpan, m - 1).start < span->start);
        }
    }

  quotes = cb_find_quotes (text, persons);
  for (guint i = 0; i < quotes->len; i++)
    {
      const CbQuote *q = g_ptr_array_index (quotes, i);

      fuzz_check_span (text, len, &q->span, FALSE);
      fuzz_check_string (q->text);
      FUZZ_CHECK (q->speaker >= -1 && q->speaker < (int) persons->len);
      if (i > 0)
        FUZZ_CHECK (((const CbQuote *) g_ptr_array_index (quotes, i - 1))->span.end <= q->span.start);
    }

  g_ptr_array_unref (quotes);
  g_ptr_array_unref (persons);
  return 0;
}
