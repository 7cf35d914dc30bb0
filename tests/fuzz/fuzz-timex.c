/* fuzz-timex.c — dates in any text, against a fixed article date, a
 * fuzzer-chosen one and none
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cb-timex.h"
#include "cb-date-format.h"
#include "fuzz-common.h"

static void
check_timexes (const char  *text,
               const GDate *dct)
{
  gsize len = strlen (text);
  GPtrArray *found = cb_find_timexes (text, dct);

  for (guint i = 0; i < found->len; i++)
    {
      const CbTimex *tx = g_ptr_array_index (found, i);
      g_autofree char *formatted = NULL;

      fuzz_check_span (text, len, &tx->span, TRUE);
      fuzz_check_string (tx->text);
      FUZZ_CHECK (strlen (tx->text) == tx->span.end - tx->span.start);
      FUZZ_CHECK (strncmp (tx->text, text + tx->span.start, tx->span.end - tx->span.start) == 0);
      if (i > 0)
        FUZZ_CHECK (((const CbTimex *) g_ptr_array_index (found, i - 1))->span.end <= tx->span.start);
      FUZZ_CHECK (tx->date.precision <= CB_PRECISION_DECADE);
      FUZZ_CHECK (tx->date.qualifier <= CB_QUALIFIER_BETWEEN);
      FUZZ_CHECK (tx->date.anchor <= CB_ANCHOR_UNRESOLVED);
      /* Nothing rests on an article date that is not there. */
      FUZZ_CHECK (dct != NULL || tx->date.anchor != CB_ANCHOR_ARTICLE);
      if (tx->date.value != NULL)
        {
          CbFuzzyDate copy = { 0 };

          FUZZ_CHECK (tx->date.anchor != CB_ANCHOR_UNRESOLVED);
          /* Every value parses back to the same interval. */
          FUZZ_CHECK (cb_fuzzy_date_set_value (&copy, tx->date.value));
          FUZZ_CHECK (tx->date.earliest > 0);
          FUZZ_CHECK (tx->date.earliest <= tx->date.latest);
          FUZZ_CHECK (copy.earliest == tx->date.earliest);
          FUZZ_CHECK (copy.latest == tx->date.latest);
          cb_fuzzy_date_clear (&copy);
        }
      else
        {
          FUZZ_CHECK (tx->date.earliest == 0 && tx->date.latest == 0);
        }
      formatted = cb_fuzzy_date_format (&tx->date);
      fuzz_check_string (formatted);
    }
  g_ptr_array_unref (found);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = fuzz_text (data, size);
  GDate dct;

  /* The whole input against a fixed date and against none. */
  g_date_clear (&dct, 1);
  g_date_set_dmy (&dct, 15, G_DATE_JUNE, 2018);
  check_timexes (text, &dct);
  check_timexes (text, NULL);

  /* The first three bytes choose an article date, any day of years
   * 1 to 9999; the rest is the text. */
  if (size >= 3)
    {
      g_autofree char *rest = fuzz_text (data + 3, size - 3);
      guint year = 1 + ((data[0] << 8 | data[1]) % 9999);

      g_date_set_dmy (&dct, 1, G_DATE_JANUARY, year);
      g_date_add_days (&dct, data[2] % 365);
      check_timexes (rest, &dct);
    }
  return 0;
}
