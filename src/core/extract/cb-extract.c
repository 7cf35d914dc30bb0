/* cb-extract.c — everything the extractors find in one article
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cb-extract.h"
#include "cb-scan-private.h"

void
cb_extraction_free (CbExtraction *extraction)
{
  if (extraction == NULL)
    return;
  g_clear_pointer (&extraction->sentences, g_array_unref);
  g_clear_pointer (&extraction->timexes, g_ptr_array_unref);
  g_clear_pointer (&extraction->persons, g_ptr_array_unref);
  g_clear_pointer (&extraction->quotes, g_ptr_array_unref);
  g_clear_pointer (&extraction->events, g_ptr_array_unref);
  g_free (extraction);
}

static inline void
convert_span (const guint32 *map,
              gsize          len,
              CbSpan        *span)
{
  span->start = map[MIN (span->start, len)];
  span->end = map[MIN (span->end, len)];
}

/* The extractors work in bytes; the result is in characters.  One pass over
 * the text builds a byte → character table (a lookup per offset would be
 * quadratic on long texts); plain ASCII needs no conversion at all. */
static void
convert_offsets (CbExtraction *ex,
                 const char   *body)
{
  gsize len = strlen (body);
  g_autofree guint32 *map = NULL;
  gboolean ascii = TRUE;
  guint32 chars = 0;

  for (gsize i = 0; i < len; i++)
    if ((guchar) body[i] >= 0x80)
      {
        ascii = FALSE;
        break;
      }
  if (ascii)
    return;

  map = g_new (guint32, len + 1);
  for (gsize i = 0; i < len; i++)
    {
      /* Continuation bytes map to the character they belong to. */
      if (((guchar) body[i] & 0xC0) != 0x80)
        map[i] = chars++;
      else
        map[i] = chars > 0 ? chars - 1 : 0;
    }
  map[len] = chars;
  /* An offset just past a character is the next character's start. */

  for (guint i = 0; ex->sentences && i < ex->sentences->len; i++)
    convert_span (map, len, &g_array_index (ex->sentences, CbSentence, i).span);
  for (guint i = 0; ex->timexes && i < ex->timexes->len; i++)
    convert_span (map, len, &((CbTimex *) g_ptr_array_index (ex->timexes, i))->span);
  for (guint i = 0; ex->persons && i < ex->persons->len; i++)
    {
      CbPerson *person = g_ptr_array_index (ex->persons, i);

      for (guint m = 0; person->mentions && m < person->mentions->len; m++)
        convert_span (map, len, &g_array_index (person->mentions, CbSpan, m));
    }
  for (guint i = 0; ex->quotes && i < ex->quotes->len; i++)
    convert_span (map, len, &((CbQuote *) g_ptr_array_index (ex->quotes, i))->span);
  for (guint i = 0; ex->events && i < ex->events->len; i++)
    convert_span (map, len, &((CbEventMention *) g_ptr_array_index (ex->events, i))->span);
}

CbExtraction *
cb_extract (const char  *body,
            const GDate *dct)
{
  CbExtraction *ex = g_new0 (CbExtraction, 1);
  CbScan *scan;

  g_return_val_if_fail (body != NULL, ex);

  ex->sentences = cb_split_sentences (body);
  ex->timexes = cb_find_timexes (body, dct);
  /* One scan of the text serves people, quotes and events. */
  scan = cb_scan_new (body);
  ex->persons = _cb_find_persons_in_scan (scan);
  ex->quotes = _cb_find_quotes_in_scan (scan, ex->persons);
  ex->events = _cb_find_events_in_scan (scan, ex->sentences, ex->timexes, ex->persons);
  cb_scan_free (scan);
  convert_offsets (ex, body);
  return ex;
}
