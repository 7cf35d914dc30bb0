/* fuzz-decode.c — any bytes: decoded to LF-only UTF-8 without NUL, or refused
 * with a message; decoding is idempotent and keeps UTF-8 input as it is
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cb-text-decode.h"
#include "fuzz-common.h"

/* @data with CRLF and lone CR turned into LF. */
static char *
lf_only (const guint8 *data,
         size_t        size)
{
  GString *out = g_string_sized_new (size);

  for (size_t i = 0; i < size; i++)
    {
      if (data[i] == '\r')
        {
          g_string_append_c (out, '\n');
          if (i + 1 < size && data[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (out, data[i]);
    }
  return g_string_free (out, FALSE);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again_error = NULL;
  const char *encoding = NULL;
  g_autofree char *text = cb_decode_text (data, size, 64 * 1024, &encoding, &error);
  g_autofree char *again = NULL;
  gsize len;

  if (text == NULL)
    {
      FUZZ_CHECK (error != NULL);
      FUZZ_CHECK (error->domain == CB_DECODE_ERROR);
      fuzz_check_string (error->message);
      FUZZ_CHECK (error->message[0] != '\0');
      return 0;
    }
  FUZZ_CHECK (error == NULL);
  FUZZ_CHECK (encoding != NULL);
  fuzz_check_string (text);
  len = strlen (text);
  FUZZ_CHECK (len > 0);
  FUZZ_CHECK (strchr (text, '\r') == NULL);

  /* UTF-8 without a byte order mark comes out as it went in, but for its
   * line endings. */
  if (g_utf8_validate_len ((const char *) data, size, NULL) && memchr (data, 0, size) == NULL
      && !(size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF))
    {
      g_autofree char *expected = lf_only (data, size);

      FUZZ_CHECK (strcmp (encoding, "UTF-8") == 0);
      FUZZ_CHECK (strcmp (text, expected) == 0);
    }

  /* Decoding decoded text changes nothing (a leading U+FEFF aside, which
   * reads as a byte order mark the second time). */
  if (!g_str_has_prefix (text, "\xEF\xBB\xBF"))
    {
      again = cb_decode_text ((const guint8 *) text, len, 0, NULL, &again_error);
      FUZZ_CHECK (again != NULL);
      FUZZ_CHECK (strcmp (again, text) == 0);
    }
  return 0;
}
