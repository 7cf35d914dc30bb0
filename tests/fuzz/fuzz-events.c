/* fuzz-events.c — dated events in any text: clauses, subjects, dates
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cb-events.h"
#include "cb-persons.h"
#include "cb-sentences.h"
#include "cb-timex.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  gsize len;
  GDate dct;
  GArray *sentences;
  GPtrArray *timexes, *persons, *events;

  /* The first byte chooses whether the article has a date. */
  g_date_clear (&dct, 1);
  g_date_set_dmy (&dct, 15, G_DATE_JUNE, 2018);
  if (size > 0)
    {
      if (data[0] & 1)
        g_date_clear (&dct, 1);
      data++;
      size--;
    }

  text = fuzz_text (data, size);
  len = strlen (text);
  sentences = cb_split_sentences (text);
  timexes = cb_find_timexes (text, g_date_valid (&dct) ? &dct : NULL);
  persons = cb_find_persons (text);
  events = cb_find_events (text, sentences, timexes, persons);

  for (guint i = 0; i < events->len; i++)
    {
      const CbEventMention *e = g_ptr_array_index (events, i);
      g_autofree char *spaced = NULL;

      fuzz_check_span (text, len, &e->span, TRUE);
      fuzz_check_string (e->description);
      FUZZ_CHECK (e->description[0] != '\0');
      /* The description is the clause with its white space tidied. */
      FUZZ_CHECK (fuzz_is_subsequence (e->description, text, e->span.start, e->span.end));
      spaced = g_strndup (text + e->span.start, e->span.end - e->span.start);
      FUZZ_CHECK (fuzz_is_subsequence (spaced, e->description, 0, strlen (e->description)));
      FUZZ_CHECK (e->subject >= -1 && e->subject < (int) persons->len);
      FUZZ_CHECK (e->timex >= 0 && e->timex < (int) timexes->len);
      FUZZ_CHECK (cb_event_mention_is_legal (e) == (e->action != NULL));
      if (e->action != NULL)
        {
          fuzz_check_string (e->action);
          FUZZ_CHECK (e->action[0] != '\0');
        }
    }

  g_ptr_array_unref (events);
  g_ptr_array_unref (persons);
  g_ptr_array_unref (timexes);
  g_array_unref (sentences);
  return 0;
}
