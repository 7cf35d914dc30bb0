/* fuzz-persons.c — people in any text: names, aliases and mentions
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cb-persons.h"
#include "fuzz-common.h"

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const CbSpan *sa = a, *sb = b;

  return sa->start < sb->start ? -1 : sa->start > sb->start;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = fuzz_text (data, size);
  gsize len = strlen (text);
  GPtrArray *persons = cb_find_persons (text);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (CbSpan));

  fuzz_check_persons (text, len, persons);

  /* A piece of text names one person at most: no two mentions overlap. */
  for (guint i = 0; i < persons->len; i++)
    {
      const CbPerson *p = g_ptr_array_index (persons, i);

      g_array_append_vals (all, p->mentions->data, p->mentions->len);
    }
  g_array_sort (all, compare_spans);
  for (guint m = 1; m < all->len; m++)
    FUZZ_CHECK (g_array_index (all, CbSpan, m - 1).end <= g_array_index (all, CbSpan, m).start);

  g_ptr_array_unref (persons);
  return 0;
}
