/* bench-corpus.c — writes the generated corpus as files
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: bench-corpus DIR N — writes articles 0…N-1 of the benchmark corpus
 * (2–6 KB each) to DIR/NNN/article-NNNNNN.txt, 1,000 to a folder.  The same N
 * gives the same files, byte for byte.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cb-corpus.h"

#define CB_BENCH_SEED 20261123

int
main (int    argc,
      char **argv)
{
  guint n_articles;
  guint64 bytes = 0;

  if (argc != 3 || !g_ascii_isdigit (argv[2][0]))
    {
      fprintf (stderr, "usage: bench-corpus DIR N\n");
      return 2;
    }
  n_articles = (guint) g_ascii_strtoull (argv[2], NULL, 10);

  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *folder = g_strdup_printf ("%s/%03u", argv[1], i / 1000);
      g_autofree char *path = g_strdup_printf ("%s/article-%06u.txt", folder, i);
      g_autofree char *text = cb_corpus_article (CB_BENCH_SEED, i, 2048, 6144);

      if (i % 1000 == 0 && g_mkdir_with_parents (folder, 0755) != 0)
        {
          fprintf (stderr, "bench-corpus: cannot create %s\n", folder);
          return 1;
        }
      if (!g_file_set_contents (path, text, -1, &error))
        {
          fprintf (stderr, "bench-corpus: %s\n", error->message);
          return 1;
        }
      bytes += strlen (text);
    }

  printf ("%u articles, %.1f MB in %s\n", n_articles, bytes / 1e6, argv[1]);
  return 0;
}
