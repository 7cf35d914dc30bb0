/* fuzz-extract.c — the whole extraction and its JSON, with events pointing at
 * people and dates that exist
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "cb-extract.h"
#include "cb-extraction-json.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) node = NULL;
  CbExtraction *extraction;
  GDate dct;
  glong n_chars;

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
  /* cb_extract gives character offsets (the extractors' bytes converted). */
  n_chars = g_utf8_strlen (text, -1);
  extraction = cb_extract (text, g_date_valid (&dct) ? &dct : NULL);

  for (guint i = 0; i < extraction->timexes->len; i++)
    {
      const CbTimex *tx = g_ptr_array_index (extraction->timexes, i);

      FUZZ_CHECK (tx->span.start < tx->span.end && tx->span.end <= (guint) n_chars);
    }

  for (guint i = 0; i < extraction->events->len; i++)
    {
      const CbEventMention *e = g_ptr_array_index (extraction->events, i);

      FUZZ_CHECK (e->span.start < e->span.end && e->span.end <= (guint) n_chars);
      fuzz_check_string (e->description);
      FUZZ_CHECK (e->subject >= -1 && e->subject < (int) extraction->persons->len);
      FUZZ_CHECK (e->timex >= 0 && e->timex < (int) extraction->timexes->len);
      if (e->action != NULL)
        fuzz_check_string (e->action);
    }

  node = cb_extraction_to_json (extraction);
  FUZZ_CHECK (node != NULL && JSON_NODE_HOLDS_OBJECT (node));
  json = json_to_string (node, FALSE);
  fuzz_check_string (json);
  /* What the CLI prints parses back. */
  FUZZ_CHECK (json_parser_load_from_data (parser, json, -1, NULL));

  cb_extraction_free (extraction);
  return 0;
}
