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
#include "cb-persons.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

/* A critical or a warning from GLib or from our own code is a bug the
 * fuzzer found, as much as a crash. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

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

/* Whether the non-space bytes of @needle come, in order, among those of
 * text[start, end): a tidied or re-joined copy of a span keeps its words. */
static inline gboolean
fuzz_is_subsequence (const char *needle,
                     const char *text,
                     guint       start,
                     guint       end)
{
  guint k = start;

  for (const char *p = needle; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      while (k < end && text[k] != *p)
        k++;
      if (k == end)
        return FALSE;
      k++;
    }
  return TRUE;
}

/* Every person's names and mentions: valid, inside the text, in order. */
static inline void
fuzz_check_persons (const char *text,
                    gsize       len,
                    GPtrArray  *persons)
{
  for (guint i = 0; i < persons->len; i++)
    {
      const CbPerson *p = g_ptr_array_index (persons, i);

      fuzz_check_string (p->name);
      FUZZ_CHECK (p->name[0] != '\0');
      FUZZ_CHECK (p->aliases->len > 0);
      for (guint a = 0; a < p->aliases->len; a++)
        fuzz_check_string (g_ptr_array_index (p->aliases, a));
      FUZZ_CHECK (p->mentions->len > 0);
      FUZZ_CHECK (p->gender == CB_GENDER_UNKNOWN || p->gender == CB_GENDER_FEMALE
                  || p->gender == CB_GENDER_MALE);
      for (guint m = 0; m < p->mentions->len; m++)
        {
          const CbSpan *span = &g_array_index (p->mentions, CbSpan, m);

          fuzz_check_span (text, len, span, TRUE);
          /* A mention is where the person is: cb_persons_at finds them there. */
          FUZZ_CHECK (cb_persons_at (persons, span->start) >= 0);
          if (m > 0)
            FUZZ_CHECK (g_array_index (p->mentions, CbSpan, m - 1).start < span->start);
        }
    }
}
