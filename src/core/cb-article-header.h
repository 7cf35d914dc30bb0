/* cb-article-header.h — the metadata block at the top of an article file
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char  *title;        /* from Title:, else the body's first non-empty line */
  char  *date;         /* the Date: value as written, or NULL */
  char  *source;       /* Source: or URL:, or NULL */
  char  *author;       /* Author: or By:, or NULL */
  gsize  body_offset;  /* byte offset of the body in the text */
} CbArticleHeader;

/* Reads an optional header block (Key: value lines, then a blank line) or
 * "---" front matter at the start of @text (normalised UTF-8, LF).  Unknown
 * keys are ignored; a first block that is not all "Key: value" lines is body.
 * Always succeeds; fills @header. */
void cb_article_header_parse (const char      *text,
                              CbArticleHeader *header);
void cb_article_header_clear (CbArticleHeader *header);

G_END_DECLS
