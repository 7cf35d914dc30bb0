/* fuzz-decode.c — any bytes: decoded to LF-only UTF-8 without NUL, or refused
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cb-text-decode.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  const char *encoding = NULL;
  g_autofree char *text = cb_decode_text (data, size, 64 * 1024, &encoding, &error);

  if (text == NULL)
    {
      FUZZ_CHECK (error != NULL);
      fuzz_check_string (error->message);
      return 0;
    }
  FUZZ_CHECK (error == NULL);
  FUZZ_CHECK (encoding != NULL);
  fuzz_check_string (text);
  FUZZ_CHECK (strchr (text, '\r') == NULL);
  return 0;
}
