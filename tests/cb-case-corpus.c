/* cb-case-corpus.c — one generated article that makes a case with many events
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cb-case-corpus.h"

static const char * const months[] = {
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
};

static const char * const actions[] = {
  "was sentenced to a fine",
  "was released on bail",
  "was indicted by a grand jury",
  "was arrested by state police",
  "was convicted of fraud",
};

char *
cb_case_corpus_sentence (const char *name,
                         guint       index)
{
  /* One event a month from January 1900: every date differs, so no two
   * events are taken for the same one. */
  return g_strdup_printf ("On %s %u, %u, %s %s in matter %04u%s.",
                          months[index % 12], 1 + (index * 7) % 28, 1900 + index / 12,
                          name, actions[index % G_N_ELEMENTS (actions)], index + 1,
                          index % 7 == 3
                          ? ", after a hearing that lasted several days and drew a crowd of "
                            "reporters, lawyers and neighbours who had followed the matter for "
                            "years and wanted to hear the ruling read out in full"
                          : "");
}

char *
cb_case_corpus_article (const char *name,
                        guint       n_events)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (n_events <= 1200, NULL);

  g_string_append_printf (text,
                          "Title: The long record of %s\n"
                          "Date: 2024-05-01\n"
                          "Source: https://example.org/records/generated\n"
                          "\n", name);
  for (guint i = 0; i < n_events; i++)
    {
      g_autofree char *sentence = cb_case_corpus_sentence (name, i);

      g_string_append (text, sentence);
      g_string_append_c (text, i % 5 == 4 ? '\n' : ' ');
    }
  g_string_append_c (text, '\n');

  return g_string_free (text, FALSE);
}
