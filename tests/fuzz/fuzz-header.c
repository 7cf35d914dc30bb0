/* fuzz-header.c — header blocks and front matter of any decoded text
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cb-article-header.h"
#include "cb-fuzzy-date.h"
#include "fuzz-common.h"

/* A header value: valid UTF-8 on one line, not empty. */
static void
check_value (const char *value)
{
  if (value == NULL)
    return;
  fuzz_check_string (value);
  FUZZ_CHECK (value[0] != '\0');
  FUZZ_CHECK (strchr (value, '\n') == NULL);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = fuzz_text (data, size);
  gsize len = strlen (text);
  CbArticleHeader header = { 0 };
  CbArticleHeader again = { 0 };

  cb_article_header_parse (text, &header);
  FUZZ_CHECK (header.body_offset <= len);
  FUZZ_CHECK (fuzz_is_char_boundary (text, len, header.body_offset));
  /* The body starts at the beginning of a line, or is empty (blank lines
   * only, the last without a newline). */
  FUZZ_CHECK (header.body_offset == 0 || header.body_offset == len
              || text[header.body_offset - 1] == '\n');
  check_value (header.title);
  check_value (header.date);
  check_value (header.source);
  check_value (header.author);

  /* The importer reads the Date: value as a calendar date when it can. */
  if (header.date != NULL)
    {
      GDate date;

      g_date_clear (&date, 1);
      if (cb_parse_calendar_date (header.date, &date))
        FUZZ_CHECK (g_date_valid (&date));
    }

  /* Parsing is deterministic. */
  cb_article_header_parse (text, &again);
  FUZZ_CHECK (again.body_offset == header.body_offset);
  FUZZ_CHECK (g_strcmp0 (again.title, header.title) == 0);
  FUZZ_CHECK (g_strcmp0 (again.date, header.date) == 0);
  cb_article_header_clear (&again);
  cb_article_header_clear (&header);
  return 0;
}
