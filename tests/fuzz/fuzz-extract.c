/* fuzz-extract.c — the whole extraction and its JSON: character offsets
 * inside the text, events pointing at people and dates that exist, and
 * JSON that parses back to what was extracted
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "cb-extract.h"
#include "cb-extraction-json.h"
#include "fuzz-common.h"

/* A span in characters, inside a text of @n_chars characters. */
static void
check_char_span (const CbSpan *span,
                 glong         n_chars,
                 gboolean      nonempty)
{
  FUZZ_CHECK (span->start <= span->end);
  FUZZ_CHECK (span->end <= (guint) n_chars);
  FUZZ_CHECK (!nonempty || span->start < span->end);
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  FUZZ_CHECK (node != NULL && JSON_NODE_HOLDS_ARRAY (node));
  return json_node_get_array (node);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root;
  JsonArray *array;
  CbExtraction *extraction;
  GDate dct;
  glong n_chars;

  /* The first byte chooses the article's year (1900 to 2027) or no date. */
  g_date_clear (&dct, 1);
  if (size > 0)
    {
      if ((data[0] & 1) == 0)
        g_date_set_dmy (&dct, 15, G_DATE_JUNE, 1900 + (data[0] >> 1));
      data++;
      size--;
    }

  text = fuzz_text (data, size);
  n_chars = g_utf8_strlen (text, -1);
  extraction = cb_extract (text, g_date_valid (&dct) ? &dct : NULL);

  /* cb_extract gives character offsets (the extractors' bytes converted). */
  for (guint i = 0; i < extraction->sentences->len; i++)
    check_char_span (&g_array_index (extraction->sentences, CbSentence, i).span, n_chars, TRUE);
  for (guint i = 0; i < extraction->timexes->len; i++)
    {
      const CbTimex *tx = g_ptr_array_index (extraction->timexes, i);
      const char *at;
      const char *past;

      check_char_span (&tx->span, n_chars, TRUE);
      /* Its surface text is what the converted span points at. */
      at = g_utf8_offset_to_pointer (text, tx->span.start);
      past = g_utf8_offset_to_pointer (text, tx->span.end);
      FUZZ_CHECK ((gsize) (past - at) == strlen (tx->text));
      FUZZ_CHECK (strncmp (at, tx->text, past - at) == 0);
    }
  for (guint i = 0; i < extraction->persons->len; i++)
    {
      const CbPerson *p = g_ptr_array_index (extraction->persons, i);

      for (guint m = 0; m < p->mentions->len; m++)
        check_char_span (&g_array_index (p->mentions, CbSpan, m), n_chars, TRUE);
    }
  for (guint i = 0; i < extraction->quotes->len; i++)
    {
      const CbQuote *q = g_ptr_array_index (extraction->quotes, i);

      check_char_span (&q->span, n_chars, FALSE);
      FUZZ_CHECK (q->speaker >= -1 && q->speaker < (int) extraction->persons->len);
    }
  for (guint i = 0; i < extraction->events->len; i++)
    {
      const CbEventMention *e = g_ptr_array_index (extraction->events, i);

      check_char_span (&e->span, n_chars, TRUE);
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

  /* What the CLI prints parses back to what was extracted. */
  FUZZ_CHECK (json_parser_load_from_data (parser, json, -1, NULL));
  FUZZ_CHECK (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  root = json_node_get_object (json_parser_get_root (parser));

  array = member_array (root, "timex");
  FUZZ_CHECK (json_array_get_length (array) == extraction->timexes->len);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const CbTimex *tx = g_ptr_array_index (extraction->timexes, i);
      JsonObject *o = json_array_get_object_element (array, i);
      const char *value = json_object_get_string_member_with_default (o, "value", NULL);

      FUZZ_CHECK (g_strcmp0 (json_object_get_string_member (o, "text"), tx->text) == 0);
      FUZZ_CHECK (json_object_get_int_member (o, "start") == tx->span.start);
      FUZZ_CHECK (json_object_get_int_member (o, "end") == tx->span.end);
      FUZZ_CHECK (g_strcmp0 (value, tx->date.value) == 0);
      FUZZ_CHECK (cb_precision_from_string (json_object_get_string_member (o, "granularity"))
                  == tx->date.precision);
      FUZZ_CHECK (cb_qualifier_from_string (json_object_get_string_member (o, "qualifier"))
                  == tx->date.qualifier);
      FUZZ_CHECK (cb_anchor_from_string (json_object_get_string_member (o, "anchor"))
                  == tx->date.anchor);
    }

  array = member_array (root, "persons");
  FUZZ_CHECK (json_array_get_length (array) == extraction->persons->len);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const CbPerson *p = g_ptr_array_index (extraction->persons, i);
      JsonObject *o = json_array_get_object_element (array, i);

      FUZZ_CHECK (g_strcmp0 (json_object_get_string_member (o, "name"), p->name) == 0);
      FUZZ_CHECK (json_array_get_length (member_array (o, "aliases")) == p->aliases->len);
    }

  array = member_array (root, "quotes");
  FUZZ_CHECK (json_array_get_length (array) == extraction->quotes->len);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const CbQuote *q = g_ptr_array_index (extraction->quotes, i);
      JsonObject *o = json_array_get_object_element (array, i);

      FUZZ_CHECK (g_strcmp0 (json_object_get_string_member (o, "text"), q->text) == 0);
      FUZZ_CHECK (json_object_get_int_member (o, "start") == q->span.start);
      FUZZ_CHECK (json_object_get_int_member (o, "end") == q->span.end);
    }

  /* Case events: dated, about someone, with values that parse. */
  array = member_array (root, "case_events");
  FUZZ_CHECK (json_array_get_length (array) <= extraction->events->len);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      CbFuzzyDate date = { 0 };

      FUZZ_CHECK (json_object_get_string_member (o, "subject") != NULL);
      FUZZ_CHECK (cb_fuzzy_date_set_value (&date, json_object_get_string_member (o, "value")));
      FUZZ_CHECK (json_object_get_int_member (o, "start") < json_object_get_int_member (o, "end"));
      FUZZ_CHECK (json_object_get_int_member (o, "end") <= n_chars);
      cb_fuzzy_date_clear (&date);
    }

  cb_extraction_free (extraction);
  return 0;
}
