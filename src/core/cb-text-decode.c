/* cb-text-decode.c — bytes of a file to normalised UTF-8 text
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The order of the checks matters: the size first (no work on a huge file),
 * then the byte order mark (it decides the encoding and makes NUL bytes
 * legitimate for UTF-16), then NUL bytes, then UTF-8 validity, and only then
 * Windows-1252 as the fallback every byte sequence decodes in.  The decoded
 * text is checked last for being mostly control characters (binary data
 * without NUL bytes) and for being nothing but white space.
 *
 * Windows-1252 leaves five bytes undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
 * They become U+FFFD REPLACEMENT CHARACTER in the text and count as control
 * characters for the "mostly not text" check: one stray byte in a letter
 * keeps the letter, a file full of them is rejected as binary.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cb-text-decode.h"

G_DEFINE_QUARK (cb-decode-error-quark, cb_decode_error)

/* More than this share of control characters (per mille) and the text is
 * taken for binary data.  Real text has tabs and newlines and nearly nothing
 * else below U+0020; binary data without NUL bytes is full of them. */
#define BINARY_CONTROL_PER_MILLE 100

/* Windows-1252 0x80–0x9F; 0 marks the five undefined bytes. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, /* 80–87 */
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,      /* 88–8F */
  0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, /* 90–97 */
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178, /* 98–9F */
};

static void
append_unichar_normalised (GString  *out,
                           gunichar  c,
                           gboolean *after_cr)
{
  /* CRLF and a lone CR both become LF. */
  if (c == '\r')
    {
      g_string_append_c (out, '\n');
      *after_cr = TRUE;
      return;
    }
  if (c == '\n' && *after_cr)
    {
      *after_cr = FALSE;
      return;
    }
  *after_cr = FALSE;

  if (c < 0x80)
    g_string_append_c (out, (char) c);
  else
    g_string_append_unichar (out, c);
}

static gboolean
decode_utf16 (const guint8  *data,
              gsize          length,
              gboolean       big_endian,
              GString       *out,
              GError       **error)
{
  gboolean after_cr = FALSE;
  gsize i;

  if (length % 2 != 0)
    {
      g_set_error (error, CB_DECODE_ERROR, CB_DECODE_ERROR_INVALID,
                   _("The file is UTF-16 but its length is not a whole number of UTF-16 characters."));
      return FALSE;
    }

  for (i = 0; i < length; i += 2)
    {
      gunichar2 unit = big_endian ? (data[i] << 8) | data[i + 1]
                                  : (data[i + 1] << 8) | data[i];
      gunichar c;

      if (unit == 0)
        {
          g_set_error (error, CB_DECODE_ERROR, CB_DECODE_ERROR_BINARY,
                       _("The file contains binary data (NUL characters), not text."));
          return FALSE;
        }

      if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          gunichar2 low;

          if (i + 3 >= length)
            goto invalid;
          low = big_endian ? (data[i + 2] << 8) | data[i + 3]
                           : (data[i + 3] << 8) | data[i + 2];
          if (low < 0xDC00 || low > 0xDFFF)
            goto invalid;
          c = 0x10000 + (((gunichar) unit - 0xD800) << 10) + ((gunichar) low - 0xDC00);
          i += 2;
        }
      else if (unit >= 0xDC00 && unit <= 0xDFFF)
        goto invalid;
      else
        c = unit;

      append_unichar_normalised (out, c, &after_cr);
    }

  return TRUE;

invalid:
  g_set_error (error, CB_DECODE_ERROR, CB_DECODE_ERROR_INVALID,
               _("The file is UTF-16 but not valid UTF-16."));
  return FALSE;
}

static void
decode_utf8 (const guint8 *data,
             gsize         length,
             GString      *out)
{
  gboolean after_cr = FALSE;
  gsize i;

  /* Already validated: only the line endings change, byte by byte. */
  for (i = 0; i < length; i++)
    {
      guint8 b = data[i];

      if (b == '\r')
        {
          g_string_append_c (out, '\n');
          after_cr = TRUE;
          continue;
        }
      if (b == '\n' && after_cr)
        {
          after_cr = FALSE;
          continue;
        }
      after_cr = FALSE;
      g_string_append_c (out, (char) b);
    }
}

static void
decode_cp1252 (const guint8 *data,
               gsize         length,
               GString      *out)
{
  gboolean after_cr = FALSE;
  gsize i;

  for (i = 0; i < length; i++)
    {
      guint8 b = data[i];
      gunichar c;

      if (b >= 0x80 && b <= 0x9F)
        {
          c = cp1252_high[b - 0x80];
          if (c == 0)
            c = 0xFFFD;
        }
      else
        c = b;  /* 0xA0–0xFF are Latin-1 */

      append_unichar_normalised (out, c, &after_cr);
    }
}

/* UTF-16 without a byte order mark (Notepad's "Unicode" without one, some
 * exports): text mostly in the first 256 code points has a NUL in every
 * other byte, always on the same side — never on the other.  Binary data
 * has NULs on both sides. */
static gboolean
guess_utf16 (const guint8 *data,
             gsize         length,
             gboolean     *big_endian)
{
  gsize n = MIN (length, 65536) & ~(gsize) 1;
  gsize zero_even = 0, zero_odd = 0;

  if (length % 2 != 0 || n < 4)
    return FALSE;

  for (gsize i = 0; i < n; i += 2)
    {
      zero_even += data[i] == 0;
      zero_odd += data[i + 1] == 0;
    }

  /* At least a third of the characters ASCII, and no NUL on the other side. */
  if (zero_odd * 3 >= n / 2 && zero_even == 0)
    {
      *big_endian = FALSE;
      return TRUE;
    }
  if (zero_even * 3 >= n / 2 && zero_odd == 0)
    {
      *big_endian = TRUE;
      return TRUE;
    }

  return FALSE;
}

static gboolean
is_control_like (gunichar c)
{
  if (c == '\n' || c == '\t' || c == '\f' || c == '\v')
    return FALSE;
  if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F))
    return TRUE;
  /* Undefined Windows-1252 bytes and replaced garbage. */
  return c == 0xFFFD;
}

static gboolean
check_text (const char  *text,
            GError     **error)
{
  const char *p;
  gsize n_chars = 0;
  gsize n_control = 0;
  gboolean all_space = TRUE;

  for (p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      n_chars++;
      if (is_control_like (c))
        n_control++;
      if (all_space && !g_unichar_isspace (c) && c != 0xFEFF && c != 0x200B)
        all_space = FALSE;
    }

  if (n_chars == 0)
    {
      g_set_error (error, CB_DECODE_ERROR, CB_DECODE_ERROR_EMPTY,
                   _("The file is empty."));
      return FALSE;
    }

  if (n_control * 1000 > n_chars * BINARY_CONTROL_PER_MILLE)
    {
      g_set_error (error, CB_DECODE_ERROR, CB_DECODE_ERROR_BINARY,
                   _("The file looks like binary data (too many control characters), not text."));
      return FALSE;
    }

  if (all_space)
    {
      g_set_error (error, CB_DECODE_ERROR, CB_DECODE_ERROR_EMPTY,
                   _("The file contains nothing but white space."));
      return FALSE;
    }

  return TRUE;
}

char *
cb_decode_text (const guint8  *data,
                gsize          length,
                gsize          max_size,
                const char   **encoding,
                GError       **error)
{
  g_autoptr(GString) out = NULL;
  gboolean big_endian = FALSE;
  const char *enc;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (encoding != NULL)
    *encoding = NULL;

  if (max_size == 0)
    max_size = CB_DECODE_DEFAULT_MAX_SIZE;

  if (length > max_size)
    {
      g_autofree char *size_str = g_format_size (length);
      g_autofree char *max_str = g_format_size (max_size);

      g_set_error (error, CB_DECODE_ERROR, CB_DECODE_ERROR_TOO_LARGE,
                   _("The file is too large (%s; the limit is %s)."),
                   size_str, max_str);
      return NULL;
    }

  if (length == 0)
    {
      g_set_error (error, CB_DECODE_ERROR, CB_DECODE_ERROR_EMPTY,
                   _("The file is empty."));
      return NULL;
    }

  out = g_string_sized_new (length + 1);

  if (length >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    {
      enc = "UTF-16LE";
      if (!decode_utf16 (data + 2, length - 2, FALSE, out, error))
        return NULL;
    }
  else if (length >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    {
      enc = "UTF-16BE";
      if (!decode_utf16 (data + 2, length - 2, TRUE, out, error))
        return NULL;
    }
  else if (memchr (data, 0, length) != NULL && guess_utf16 (data, length, &big_endian))
    {
      enc = big_endian ? "UTF-16BE" : "UTF-16LE";
      if (!decode_utf16 (data, length, big_endian, out, error))
        return NULL;
    }
  else if (memchr (data, 0, length) != NULL)
    {
      g_set_error (error, CB_DECODE_ERROR, CB_DECODE_ERROR_BINARY,
                   _("The file contains binary data (NUL bytes), not text."));
      return NULL;
    }
  else if (length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      enc = "UTF-8";
      if (!g_utf8_validate_len ((const char *) data + 3, length - 3, NULL))
        {
          g_set_error (error, CB_DECODE_ERROR, CB_DECODE_ERROR_INVALID,
                       _("The file starts with a UTF-8 byte order mark but is not valid UTF-8."));
          return NULL;
        }
      decode_utf8 (data + 3, length - 3, out);
    }
  else if (g_utf8_validate_len ((const char *) data, length, NULL))
    {
      enc = "UTF-8";
      decode_utf8 (data, length, out);
    }
  else
    {
      enc = "Windows-1252";
      decode_cp1252 (data, length, out);
    }

  if (!check_text (out->str, error))
    return NULL;

  if (encoding != NULL)
    *encoding = enc;

  return g_string_free (g_steal_pointer (&out), FALSE);
}
