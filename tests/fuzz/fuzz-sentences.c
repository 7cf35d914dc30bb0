/* fuzz-sentences.c — sentence spans: inside the text, in order, not overlapping
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cb-sentences.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = fuzz_text (data, size);
  gsize len = strlen (text);
  GArray *sentences = cb_split_sentences (text);

  for (guint i = 0; i < sentences->len; i++)
    {
      const CbSentence *s = &g_array_index (sentences, CbSentence, i);

      fuzz_check_span (text, len, &s->span, TRUE);
      if (i > 0)
        {
          const CbSentence *prev = &g_array_index (sentences, CbSentence, i - 1);

          FUZZ_CHECK (prev->span.end <= s->span.start);
          FUZZ_CHECK (prev->paragraph <= s->paragraph);
        }
    }
  g_array_unref (sentences);
  return 0;
}
