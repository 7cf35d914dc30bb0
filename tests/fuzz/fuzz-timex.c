/* fuzz-timex.c — dates in any text, with a fuzzer-chosen article date or none
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cb-timex.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  GDate dct;
  gboolean have_dct = FALSE;
  GPtrArray *found;
  gsize len;

  /* The first three bytes pick the article date (or none). */
  if (size >= 3)
    {
      guint year = 1 + ((data[0] << 8 | data[1]) % 9999);
      guint day = 1 + data[2] % 365;

      if (data[2] != 0xFF)
        {
          g_date_clear (&dct, 1);
          g_date_set_dmy (&dct, 1, G_DATE_JANUARY, year);
          g_date_add_days (&dct, day - 1);
          have_dct = g_date_valid (&dct);
        }
      data += 3;
      size -= 3;
    }

  text = fuzz_text (data, size);
  len = strlen (text);
  found = cb_find_timexes (text, have_dct ? &dct : NULL);
  for (guint i = 0; i < found->len; i++)
    {
      const CbTimex *tx = g_ptr_array_index (found, i);

      fuzz_check_span (text, len, &tx->span, TRUE);
      fuzz_check_string (tx->text);
      FUZZ_CHECK (strncmp (tx->text, text + tx->span.start, tx->span.end - tx->span.start) == 0);
      if (i > 0)
        FUZZ_CHECK (((const CbTimex *) g_ptr_array_index (found, i - 1))->span.end <= tx->span.start);
      if (tx->date.value != NULL)
        {
          CbFuzzyDate copy = { 0 };

          /* Every value parses back to the same interval. */
          FUZZ_CHECK (cb_fuzzy_date_set_value (&copy, tx->date.value));
          FUZZ_CHECK (tx->date.earliest <= tx->date.latest);
          FUZZ_CHECK (copy.earliest == tx->date.earliest);
          FUZZ_CHECK (copy.latest == tx->date.latest);
          cb_fuzzy_date_clear (&copy);
        }
    }
  g_ptr_array_unref (found);
  return 0;
}
