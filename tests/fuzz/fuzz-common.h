/* fuzz-common.h — invariants every libFuzzer target checks, not just "no crash"
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "cb-span.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

#define FUZZ_CHECK(cond) \
  G_STMT_START { \
    if (!(cond)) \
      { \
        fprintf (stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
        abort (); \
      } \
  } G_STMT_END

/* The extractors take decoded text: valid UTF-8 without NUL bytes.  Any
 * input becomes such a text, as the importer would make it. */
static inline char *
fuzz_text (const guint8 *data,
           size_t        size)
{
  char *text = g_utf8_make_valid ((const char *) data, size);

  for (char *p = text; *p != '\0'; p++)
    if (*p == '\r')
      *p = '\n';
  return text;
}

static inline gboolean
fuzz_is_char_boundary (const char *text,
                       gsize       len,
                       guint       offset)
{
  return offset == len || (offset < len && ((guchar) text[offset] & 0xC0) != 0x80);
}

/* A span inside @text on character boundaries; with @nonempty, not empty. */
static inline void
fuzz_check_span (const char   *text,
                 gsize         len,
                 const CbSpan *span,
                 gboolean      nonempty)
{
  FUZZ_CHECK (span->start <= span->end);
  FUZZ_CHECK (span->end <= len);
  FUZZ_CHECK (!nonempty || span->start < span->end);
  FUZZ_CHECK (fuzz_is_char_boundary (text, len, span->start));
  FUZZ_CHECK (fuzz_is_char_boundary (text, len, span->end));
}

static inline void
fuzz_check_string (const char *string)
{
  FUZZ_CHECK (string != NULL);
  FUZZ_CHECK (g_utf8_validate (string, -1, NULL));
}
