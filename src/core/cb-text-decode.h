/* cb-text-decode.h — bytes of a file to normalised UTF-8 text
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CB_DECODE_ERROR (cb_decode_error_quark ())

typedef enum
{
  CB_DECODE_ERROR_BINARY,     /* NUL bytes, or mostly not text */
  CB_DECODE_ERROR_TOO_LARGE,
  CB_DECODE_ERROR_EMPTY,      /* nothing but white space */
  CB_DECODE_ERROR_INVALID,    /* a BOM promised an encoding the bytes do not follow */
} CbDecodeError;

/* Largest file the importer accepts, in bytes (10 MiB). */
#define CB_DECODE_DEFAULT_MAX_SIZE (10 * 1024 * 1024)

GQuark  cb_decode_error_quark (void);

/* UTF-8 with or without BOM, UTF-16 LE/BE with BOM (or without one, when
 * every other byte is NUL on one side only), otherwise Windows-1252
 * when the bytes are not valid UTF-8.  CRLF and CR become LF; the BOM is
 * dropped.  @encoding (optional) receives a static name ("UTF-8", "UTF-16LE",
 * "UTF-16BE", "Windows-1252").  Messages are translatable and say why. */
char   *cb_decode_text        (const guint8 *data,
                               gsize         length,
                               gsize         max_size,
                               const char  **encoding,
                               GError      **error);

G_END_DECLS
