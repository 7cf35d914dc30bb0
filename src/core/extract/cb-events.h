/* cb-events.h — dated clauses that become suggested events
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cb-span.h"
#include "cb-fuzzy-date.h"

G_BEGIN_DECLS

typedef struct
{
  CbSpan      span;         /* the clause the event rests on */
  char       *description;  /* the clause text, tidied */
  int         subject;      /* index into persons, or -1 */
  int         timex;        /* index into timexes */
  char       *action;       /* legal action ("convicted", "pardoned", …) or NULL */
} CbEventMention;

void       cb_event_mention_free (CbEventMention *event);

/* One event per dated clause of @text.  @sentences is a GArray of CbSentence,
 * @timexes and @persons the results of cb_find_timexes() and cb_find_persons().
 * Returns a GPtrArray of CbEventMention (owning). */
GPtrArray *cb_find_events (const char *text,
                           GArray     *sentences,
                           GPtrArray  *timexes,
                           GPtrArray  *persons);

/* TRUE when the event's action is one that opens a case file (indicted,
 * convicted, sentenced, appealed, petitioned, pardoned, commuted, released,
 * denied clemency …). */
gboolean   cb_event_mention_is_legal (const CbEventMention *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbEventMention, cb_event_mention_free)

G_END_DECLS
