/* cb-persons.h — people named in a text, with their aliases
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cb-span.h"

G_BEGIN_DECLS

typedef enum
{
  CB_GENDER_UNKNOWN = 0,
  CB_GENDER_FEMALE,
  CB_GENDER_MALE,
} CbGender;

typedef struct
{
  char      *name;      /* the fullest form used, without titles ("Samuel H. Mays") */
  GPtrArray *aliases;   /* char *: every distinct surface form, name included */
  GArray    *mentions;  /* CbSpan: every occurrence, in text order */
  CbGender   gender;    /* from titles, given names and pronouns in the text */
} CbPerson;

void       cb_person_free   (CbPerson *person);

/* Finds the people in @text.  Surname-only, first-name and titled forms join
 * the most recent compatible full name; two people sharing a surname stay apart.
 * Returns a GPtrArray of CbPerson (owning), in order of first mention. */
GPtrArray *cb_find_persons  (const char *text);

/* Index into @persons of the person whose mentions include the span starting
 * at @start, or -1. */
int        cb_persons_at    (GPtrArray *persons,
                             guint      start);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbPerson, cb_person_free)

G_END_DECLS
