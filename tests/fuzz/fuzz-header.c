/* fuzz-header.c — header blocks and front matter of any decoded text
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cb-article-header.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = fuzz_text (data, size);
  gsize len = strlen (text);
  CbArticleHeader header = { 0 };

  cb_article_header_parse (text, &header);
  FUZZ_CHECK (header.body_offset <= len);
  FUZZ_CHECK (fuzz_is_char_boundary (text, len, header.body_offset));
  if (header.title != NULL)
    fuzz_check_string (header.title);
  if (header.date != NULL)
    fuzz_check_string (header.date);
  if (header.source != NULL)
    fuzz_check_string (header.source);
  if (header.author != NULL)
    fuzz_check_string (header.author);
  cb_article_header_clear (&header);
  return 0;
}
