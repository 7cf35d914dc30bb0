/* cb-extraction-json.c — the `casebook-cli extract` JSON
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cb-extraction-json.h"

static void
add_person_name (JsonBuilder        *builder,
                 const CbExtraction *extraction,
                 int                 index)
{
  if (index >= 0 && extraction->persons && (guint) index < extraction->persons->len)
    json_builder_add_string_value (builder,
                                   ((CbPerson *) g_ptr_array_index (extraction->persons, index))->name);
  else
    json_builder_add_null_value (builder);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *value)
{
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
cb_extraction_to_json (const CbExtraction *extraction)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (extraction != NULL, NULL);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "timex");
  json_builder_begin_array (builder);
  for (guint i = 0; extraction->timexes && i < extraction->timexes->len; i++)
    {
      const CbTimex *timex = g_ptr_array_index (extraction->timexes, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, timex->text ? timex->text : "");
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, timex->span.start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, timex->span.end);
      json_builder_set_member_name (builder, "value");
      add_string_or_null (builder, timex->date.value);
      json_builder_set_member_name (builder, "granularity");
      add_string_or_null (builder, cb_precision_to_string (timex->date.precision));
      json_builder_set_member_name (builder, "qualifier");
      add_string_or_null (builder, cb_qualifier_to_string (timex->date.qualifier));
      json_builder_set_member_name (builder, "anchor");
      add_string_or_null (builder, cb_anchor_to_string (timex->date.anchor));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "persons");
  json_builder_begin_array (builder);
  for (guint i = 0; extraction->persons && i < extraction->persons->len; i++)
    {
      const CbPerson *person = g_ptr_array_index (extraction->persons, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, person->name);
      json_builder_set_member_name (builder, "aliases");
      json_builder_begin_array (builder);
      for (guint a = 0; person->aliases && a < person->aliases->len; a++)
        json_builder_add_string_value (builder, g_ptr_array_index (person->aliases, a));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "quotes");
  json_builder_begin_array (builder);
  for (guint i = 0; extraction->quotes && i < extraction->quotes->len; i++)
    {
      const CbQuote *quote = g_ptr_array_index (extraction->quotes, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, quote->text ? quote->text : "");
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, quote->span.start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, quote->span.end);
      json_builder_set_member_name (builder, "speaker");
      add_person_name (builder, extraction, quote->speaker);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* Case events: dated events about someone. */
  json_builder_set_member_name (builder, "case_events");
  json_builder_begin_array (builder);
  for (guint i = 0; extraction->events && i < extraction->events->len; i++)
    {
      const CbEventMention *event = g_ptr_array_index (extraction->events, i);
      const CbTimex *timex;

      if (event->subject < 0 || extraction->persons == NULL
          || (guint) event->subject >= extraction->persons->len
          || extraction->timexes == NULL || event->timex < 0
          || (guint) event->timex >= extraction->timexes->len)
        continue;
      timex = g_ptr_array_index (extraction->timexes, event->timex);
      if (timex->date.value == NULL)
        continue;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "subject");
      add_person_name (builder, extraction, event->subject);
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, timex->date.value);
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, event->description ? event->description : "");
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, event->span.start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, event->span.end);
      json_builder_set_member_name (builder, "action");
      add_string_or_null (builder, event->action);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
