/* cb-span.h — a half-open range of offsets into a text
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Inside the extractors offsets are UTF-8 *byte* offsets into the body;
 * cb_extract() converts every span of its result to Unicode *character*
 * offsets before handing it out (see cb-extract.h). */
typedef struct
{
  guint start;
  guint end;
} CbSpan;

G_END_DECLS
