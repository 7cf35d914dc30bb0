/* cb-extract.h — everything the extractors find in one article
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cb-sentences.h"
#include "cb-timex.h"
#include "cb-persons.h"
#include "cb-quotes.h"
#include "cb-events.h"

G_BEGIN_DECLS

/* Every span in a CbExtraction is in Unicode *character* offsets into the body,
 * so a GtkTextIter can jump to it and the store can keep it. */
typedef struct
{
  GArray    *sentences;  /* CbSentence */
  GPtrArray *timexes;    /* CbTimex */
  GPtrArray *persons;    /* CbPerson */
  GPtrArray *quotes;     /* CbQuote */
  GPtrArray *events;     /* CbEventMention */
} CbExtraction;

/* Runs every extractor over @body (UTF-8).  @dct is the article's date, or NULL. */
CbExtraction *cb_extract         (const char  *body,
                                  const GDate *dct);
void          cb_extraction_free (CbExtraction *extraction);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbExtraction, cb_extraction_free)

G_END_DECLS
