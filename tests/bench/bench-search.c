/* bench-search.c — full-text search over a large database
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: bench-search DB [QUERY…] — runs each query of a fixed set 5 times through
 * cb_store_search() (what the search box and `casebook-cli search` do, 50
 * hits) and prints the median and the 95th percentile in milliseconds, and
 * then each query on one line for the floor (build-aux/bench runs `grep -ril`
 * on the same files with them).  QUERY… replaces the fixed set (to look
 * at one query with perf).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cb-store.h"

static const char *fixed_queries[] = {
  "clemency", "pardon", "Okafor", "Maria Delgado", "life in prison", "commuted",
  "governor petition", "courthouse", "appeal", "Quillfeather", "released",
  "letters", "jury", "mercy", "Lindqvist", "granted clemency", "warden", "vigil",
  "sentencing guidelines", "campaign",
};

/* The CPU time of this thread: on a machine shared with other work, the
 * wall clock also counts the time others had the processor. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1000000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbStore) store = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  const char **queries = fixed_queries;
  guint n_queries = G_N_ELEMENTS (fixed_queries);
  g_autofree double *per_query = NULL;
  guint hits = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-search DB [QUERY…]\n");
      return 2;
    }
  if (argc > 2)
    {
      queries = (const char **) argv + 2;
      n_queries = (guint) argc - 2;
    }
  per_query = g_new0 (double, n_queries * 5);

  store = cb_store_open (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "bench-search: %s\n", error->message);
      return 2;
    }

  /* Once through, not timed: the first query reads the index from disk. */
  for (guint q = 0; q < n_queries; q++)
    g_ptr_array_unref (cb_store_search (store, queries[q], 50, NULL));

  for (guint run = 0; run < 5; run++)
    for (guint q = 0; q < n_queries; q++)
      {
        gint64 start = g_get_monotonic_time ();
        double cpu_start = cpu_ms ();
        g_autoptr(GPtrArray) results = cb_store_search (store, queries[q], 50, &error);
        double ms = (g_get_monotonic_time () - start) / 1000.0;
        double cpu = cpu_ms () - cpu_start;

        if (results == NULL)
          {
            fprintf (stderr, "bench-search: %s\n", error->message);
            return 2;
          }
        hits += results->len;
        g_array_append_val (times, ms);
        g_array_append_val (cpu_times, cpu);
        per_query[q * 5 + run] = cpu;
      }

  g_array_sort (times, compare_doubles);
  printf ("search-median-ms: %.2f\n", g_array_index (times, double, times->len / 2));
  printf ("search-p95-ms: %.2f\n", g_array_index (times, double, (times->len * 95) / 100));
  g_array_sort (cpu_times, compare_doubles);
  printf ("search-median-cpu-ms: %.2f\n", g_array_index (cpu_times, double, cpu_times->len / 2));
  printf ("search-p95-cpu-ms: %.2f\n", g_array_index (cpu_times, double, (cpu_times->len * 95) / 100));
  printf ("search-queries: %u, %u hits\n", (guint) n_queries, hits / 5);
  /* Where the time goes: each query's median CPU time of 5. */
  for (guint q = 0; q < n_queries; q++)
    {
      qsort (per_query + q * 5, 5, sizeof (double), compare_doubles);
      printf ("query-median-cpu-ms: %7.2f  %s\n", per_query[q * 5 + 2], queries[q]);
    }
  for (guint q = 0; q < n_queries; q++)
    printf ("query: %s\n", queries[q]);

  return 0;
}
