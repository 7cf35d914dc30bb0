/* bench-extract.c — extraction throughput on a generated corpus
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: build-aux/bench runs it and prints the figure beside its target.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cb-article-header.h"
#include "cb-corpus.h"
#include "extract/cb-extract.h"

int
main (int    argc,
      char **argv)
{
  guint n_articles = argc > 1 && g_ascii_isdigit (argv[1][0])
                     ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 2000;
  g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  GDate dct;
  gsize bytes = 0;
  gint64 start, elapsed;
  guint n_timexes = 0, n_persons = 0, n_quotes = 0, n_events = 0;
  double mb_per_s;

  g_date_clear (&dct, 1);
  g_date_set_dmy (&dct, 15, G_DATE_JUNE, 2020);

  /* "bench-extract FILE…": the given articles, read over and over up to
   * about 8 MB, instead of the generated corpus. */
  if (argc > 1 && !g_ascii_isdigit (argv[1][0]))
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
      gsize file_bytes = 0;

      for (int a = 1; a < argc; a++)
        {
          char *text = NULL;

          if (!g_file_get_contents (argv[a], &text, NULL, NULL))
            {
              fprintf (stderr, "bench-extract: cannot read %s\n", argv[a]);
              return 2;
            }
          g_ptr_array_add (files, text);
          file_bytes += strlen (text);
        }
      n_articles = files->len * (guint) MAX (1, 8000000 / MAX (file_bytes, 1));
      for (guint i = 0; i < n_articles; i++)
        g_ptr_array_add (texts, g_strdup (g_ptr_array_index (files, i % files->len)));
    }
  else
    for (guint i = 0; i < n_articles; i++)
      g_ptr_array_add (texts, cb_corpus_article (20261123, i, 2048, 6144));

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      CbArticleHeader header = { 0 };

      cb_article_header_parse (text, &header);
      g_ptr_array_add (bodies, g_strdup (text + header.body_offset));
      bytes += strlen (text + header.body_offset);
      cb_article_header_clear (&header);
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < bodies->len; i++)
    {
      g_autoptr(CbExtraction) extraction = cb_extract (g_ptr_array_index (bodies, i), &dct);

      n_timexes += extraction->timexes->len;
      n_persons += extraction->persons->len;
      n_quotes += extraction->quotes->len;
      n_events += extraction->events->len;
    }
  elapsed = g_get_monotonic_time () - start;

  mb_per_s = (bytes / 1e6) / (elapsed / 1e6);
  printf ("extract: %u articles, %.1f MB in %.3f s on one core: %.1f MB/s (target >= 20 MB/s) %s\n",
          n_articles, bytes / 1e6, elapsed / 1e6, mb_per_s, mb_per_s >= 20 ? "ok" : "BELOW TARGET");
  printf ("extract: found %u dates, %u people, %u quotes, %u events\n",
          n_timexes, n_persons, n_quotes, n_events);

  return mb_per_s >= 20 ? 0 : 1;
}
