/* bench-summary.c — a 1,000-event case from the store to a PDF file
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: build-aux/bench runs it and prints the figure beside its target.
 * Times everything `casebook-cli summary` does after opening the database:
 * reading the case, laying it out, paginating and writing the PDF.
 */

#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>

#include "cb-case-corpus.h"
#include "cb-importer.h"
#include "cb-store.h"
#include "cb-summary.h"
#include "cb-summary-render.h"

#define TARGET_SECONDS 1.0
#define RUNS 5

int
main (int    argc,
      char **argv)
{
  guint n_events = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("casebook-bench-summary-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *article = NULL;
  g_autoptr(CbStore) store = NULL;
  g_autoptr(CbImporter) importer = NULL;
  g_autoptr(CbImportResult) result = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GFile) file = NULL;
  double best = G_MAXDOUBLE, worst = 0;
  guint pages = 0;

  if (dir == NULL || n_events == 0 || n_events > 1200)
    {
      fprintf (stderr, "bench-summary: usage: bench-summary [N ≤ 1200]\n");
      return 2;
    }
  db = g_build_filename (dir, "bench.db", NULL);
  pdf = g_build_filename (dir, "summary.pdf", NULL);
  file = g_file_new_for_path (pdf);

  /* Not timed: a case with @n_events accepted events. */
  store = cb_store_open (db, &error);
  g_assert_no_error (error);
  importer = cb_importer_new (store);
  article = cb_case_corpus_article ("Roberta Quint", n_events);
  result = cb_importer_import_text (importer, article, "bench");
  events = cb_store_list_events (store, 0, &error);
  g_assert_no_error (error);
  cb_store_begin (store, NULL);
  for (guint i = 0; i < events->len; i++)
    cb_store_set_event_review (store, cb_event_get_id (g_ptr_array_index (events, i)),
                               CB_REVIEW_ACCEPTED, NULL);
  cb_store_commit (store, NULL);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(CbSummary) summary = NULL;
      g_autoptr(CbSummaryRender) render = NULL;
      gint64 start = g_get_monotonic_time ();
      gint64 case_id;
      double seconds;

      case_id = cb_summary_find_case (store, "Roberta Quint", &error);
      summary = cb_summary_new (NULL, FALSE);
      if (case_id == 0 || !cb_summary_add_case (summary, store, case_id, &error))
        {
          fprintf (stderr, "bench-summary: %s\n", error->message);
          return 2;
        }
      render = cb_summary_render_new (summary);
      if (!cb_summary_render_write_pdf (render, CB_PAPER_A4, file, NULL, &error))
        {
          fprintf (stderr, "bench-summary: %s\n", error->message);
          return 2;
        }
      seconds = (g_get_monotonic_time () - start) / 1e6;
      best = MIN (best, seconds);
      worst = MAX (worst, seconds);
      pages = cb_summary_render_get_n_pages (render);
      if (run == 0)
        printf ("  %u events (%u in the store) → %u pages of A4\n",
                cb_summary_get_case (summary, 0)->events->len, events->len, pages);
    }

  printf ("  summary to PDF: best %.3f s, worst %.3f s of %d runs (target ≤ %.1f s)\n",
          best, worst, RUNS, TARGET_SECONDS);

  g_unlink (pdf);
  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (db);
    g_rmdir (dir);
  }

  return worst <= TARGET_SECONDS ? 0 : 1;
}
