/* test-summary.c — printable case summaries, read back from the PDF
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDFs are written by `casebook-cli summary` and read back with
 * pdftotext (poppler-utils): what a reader would copy out of the document.
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "cb-case-corpus.h"
#include "cb-importer.h"
#include "cb-store.h"
#include "cb-summary.h"
#include "cb-summary-render.h"

typedef struct
{
  char *dir;
  char *db;
  CbStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("casebook-summary-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "casebook.db", NULL);
  fixture->store = cb_store_open (fixture->db, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->store);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->dir);
}

static void
import_samples (Fixture *fixture)
{
  g_autoptr(CbImporter) importer = cb_importer_new (fixture->store);
  g_autoptr(GFile) samples = g_file_new_for_path (g_getenv ("CASEBOOK_SAMPLES_DIR"));
  g_autoptr(GPtrArray) results = NULL;

  results = cb_importer_import_files (importer, &samples, 1, NULL, NULL, NULL);
  g_assert_cmpuint (results->len, >=, 5);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpint (((CbImportResult *) g_ptr_array_index (results, i))->outcome, ==, CB_IMPORT_IMPORTED);
}

static void
import_text (Fixture    *fixture,
             const char *text)
{
  g_autoptr(CbImporter) importer = cb_importer_new (fixture->store);
  g_autoptr(CbImportResult) result = cb_importer_import_text (importer, text, "test");

  g_assert_cmpint (result->outcome, ==, CB_IMPORT_IMPORTED);
}

/* Runs a command line; returns its exit status, stdout in @out. */
static int
run (const char * const *argv,
     char              **out,
     char              **err)
{
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);

  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

/* casebook-cli --db DB summary ARGS… -o DIR/NAME; returns the PDF's path. */
static char *
write_summary (Fixture    *fixture,
               const char *name,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *pdf = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("CASEBOOK_CLI"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, fixture->db);
  g_ptr_array_add (argv, (gpointer) "summary");
  va_start (args, name);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, (gpointer) "-o");
  g_ptr_array_add (argv, pdf);
  g_ptr_array_add (argv, NULL);

  if (run ((const char * const *) argv->pdata, &out, &err) != 0)
    g_error ("casebook-cli summary failed: %s", err);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  return g_steal_pointer (&pdf);
}

/* Text without any white space: what wraps where does not matter. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The squeezed text of pages @first to @last (from 1; 0 = all). */
static char *
pdf_text (const char *pdf,
          guint       first,
          guint       last)
{
  g_autofree char *f = g_strdup_printf ("%u", first);
  g_autofree char *l = g_strdup_printf ("%u", last);
  g_autofree char *out = NULL;
  const char *pages[] = { "pdftotext", "-raw", "-enc", "UTF-8", "-f", f, "-l", l, pdf, "-", NULL };
  const char *all[] = { "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL };

  g_assert_cmpint (run (first > 0 ? pages : all, &out, NULL), ==, 0);

  return squeeze (out);
}

static guint
pdf_pages (const char *pdf)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "pdfinfo", pdf, NULL };
  const char *pages;

  g_assert_cmpint (run (argv, &out, NULL), ==, 0);
  pages = strstr (out, "\nPages:");
  g_assert_nonnull (pages);

  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

static void
assert_contains (const char *haystack,
                 const char *what,
                 const char *text)
{
  g_autofree char *needle = squeeze (text);

  if (strstr (haystack, needle) == NULL)
    g_error ("the summary lacks %s “%s”", what, text);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The sources an accepted event rests on, and its own text, appear. */
static void
assert_event_printed (Fixture    *fixture,
                      const char *text,
                      CbEvent    *event)
{
  g_autoptr(GPtrArray) sources = NULL;
  g_autofree char *date = cb_fuzzy_date_format (cb_event_get_date (event));

  assert_contains (text, "the date", date);
  assert_contains (text, "the event", cb_event_get_description (event));

  sources = cb_store_list_excerpts (fixture->store, 0, cb_event_get_id (event), NULL);
  g_assert_nonnull (sources);
  for (guint s = 0; s < sources->len; s++)
    {
      CbExcerpt *excerpt = g_ptr_array_index (sources, s);
      g_autoptr(CbArticle) article = cb_store_get_article (fixture->store,
                                                           cb_excerpt_get_article_id (excerpt), NULL);

      assert_contains (text, "the excerpt", cb_excerpt_get_text (excerpt));
      assert_contains (text, "the source's title", cb_article_get_title (article));
      assert_contains (text, "the source's address", cb_article_get_source (article));
    }
}

/* Accepts each sample case and its events but one, which stays a suggestion. */
static void
test_samples (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  guint checked_events = 0;

  import_samples (fixture);
  cases = cb_store_list_cases (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, >=, 5);

  for (guint c = 0; c < cases->len; c++)
    {
      CbCaseFile *case_file = g_ptr_array_index (cases, c);
      gint64 case_id = cb_case_file_get_id (case_file);
      g_autoptr(GPtrArray) events = cb_store_list_events (fixture->store, case_id, NULL);
      g_autoptr(GPtrArray) excerpts = NULL;
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
      g_autofree char *name = g_strdup_printf ("case-%s.pdf", id);
      g_autofree char *name_all = g_strdup_printf ("case-%s-all.pdf", id);
      g_autofree char *pdf = NULL;
      g_autofree char *pdf_all = NULL;
      g_autofree char *text = NULL;
      g_autofree char *text_all = NULL;
      g_autofree char *left_out = NULL;
      CbEvent *suggested = NULL;

      g_assert_true (cb_store_set_case_review (fixture->store, case_id, CB_REVIEW_ACCEPTED, &error));
      g_assert_no_error (error);

      /* The one left a suggestion is told in words no other event uses. */
      for (guint i = 0; i < events->len && events->len > 1 && suggested == NULL; i++)
        {
          CbEvent *event = g_ptr_array_index (events, i);
          gboolean unique = TRUE;

          for (guint j = 0; j < events->len; j++)
            if (j != i && strstr (cb_event_get_description (g_ptr_array_index (events, j)),
                                  cb_event_get_description (event)) != NULL)
              unique = FALSE;
          if (unique)
            suggested = event;
        }
      for (guint i = 0; i < events->len; i++)
        {
          CbEvent *event = g_ptr_array_index (events, i);

          if (event != suggested)
            g_assert_true (cb_store_set_event_review (fixture->store, cb_event_get_id (event),
                                                      CB_REVIEW_ACCEPTED, &error));
          g_assert_no_error (error);
        }

      pdf = write_summary (fixture, name, id, NULL);
      text = pdf_text (pdf, 0, 0);
      assert_contains (text, "the title", cb_case_file_get_title (case_file));
      assert_contains (text, "the subject", cb_case_file_get_subject_name (case_file));
      assert_contains (text, "the status", cb_case_status_to_label (cb_case_file_get_status (case_file)));
      assert_contains (text, "the generated-on line", "Generated on");

      for (guint i = 0; i < events->len; i++)
        {
          CbEvent *event = g_ptr_array_index (events, i);

          if (event == suggested)
            continue;
          assert_event_printed (fixture, text, event);
          checked_events++;
        }

      /* The subject's own words, which no event rests on, come too. */
      excerpts = cb_store_list_excerpts (fixture->store, case_id, 0, NULL);
      for (guint i = 0; i < excerpts->len; i++)
        {
          CbExcerpt *excerpt = g_ptr_array_index (excerpts, i);

          if (cb_excerpt_get_event_id (excerpt) == 0)
            assert_contains (text, "the quote", cb_excerpt_get_text (excerpt));
        }

      if (suggested == NULL)
        continue;

      /* Left out unless asked for, then marked. */
      left_out = squeeze (cb_event_get_description (suggested));
      g_assert_null (strstr (text, left_out));
      g_assert_null (strstr (text, "suggested"));

      pdf_all = write_summary (fixture, name_all, cb_case_file_get_title (case_file),
                               "--include-suggestions", NULL);
      text_all = pdf_text (pdf_all, 0, 0);
      g_assert_nonnull (strstr (text_all, left_out));
      g_assert_nonnull (strstr (text_all, "suggested"));
      assert_event_printed (fixture, text_all, suggested);
    }

  g_assert_cmpuint (checked_events, >=, 20);
}

/* --all: every case, each from its own page, numbered through. */
static void
test_all_cases (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *nothing = g_build_filename (fixture->dir, "nothing.pdf", NULL);
  const char *argv[] = { g_getenv ("CASEBOOK_CLI"), "--db", fixture->db, "summary", "--all",
                         "-o", nothing, NULL };
  guint pages;

  import_samples (fixture);
  cases = cb_store_list_cases (fixture->store, NULL);

  /* Nothing accepted yet: nothing to print, and a reason. */
  g_assert_cmpint (run (argv, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "include suggestions"));
  g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));

  pdf = write_summary (fixture, "all.pdf", "--all", "--include-suggestions", NULL);
  pages = pdf_pages (pdf);
  g_assert_cmpuint (pages, >=, cases->len);

  for (guint i = 0; i < cases->len; i++)
    {
      CbCaseFile *case_file = g_ptr_array_index (cases, i);
      g_autofree char *first = NULL;
      guint found = 0;

      /* Each case's title heads a page of its own. */
      for (guint p = 1; p <= pages && found == 0; p++)
        {
          g_autofree char *page = pdf_text (pdf, p, p);
          g_autofree char *title = squeeze (cb_case_file_get_title (case_file));

          if (g_str_has_prefix (page, "CASESUMMARY") && strncmp (page + strlen ("CASESUMMARY"), title, strlen (title)) == 0)
            found = p;
        }
      g_assert_cmpuint (found, >, 0);
    }
}

/* A long case: "Page N of M" on every page, every row whole on one page. */
static void
check_long_case (Fixture    *fixture,
                 const char *paper)
{
  const char *name = "Roberta Quint";
  g_autofree char *pdf_name = g_strdup_printf ("long-%s.pdf", paper);
  g_autofree char *pdf = write_summary (fixture, pdf_name, name, "--include-suggestions",
                                        "--paper", paper, NULL);
  guint pages = pdf_pages (pdf);
  g_autofree guint *page_of = g_new0 (guint, 1000);
  g_autofree char **texts = g_new0 (char *, pages + 1);

  g_assert_cmpuint (pages, >, 15);
  for (guint p = 1; p <= pages; p++)
    {
      g_autofree char *footer = g_strdup_printf ("Page%uof%u", p, pages);

      texts[p - 1] = pdf_text (pdf, p, p);
      g_assert_cmpuint (count (texts[p - 1], footer), ==, 1);
      /* The chronology goes on with its column headings. */
      if (p > 1 && strstr (texts[p - 1], "matter") != NULL)
        g_assert_nonnull (strstr (texts[p - 1], "DATEWHATHAPPENED"));
    }

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *sentence = cb_case_corpus_sentence (name, i);
      g_autofree char *row = squeeze (sentence);

      for (guint p = 0; p < pages; p++)
        if (strstr (texts[p], row) != NULL)
          {
            g_assert_cmpuint (page_of[i], ==, 0);
            page_of[i] = p + 1;
          }
      if (page_of[i] == 0)
        g_error ("event %u is not whole on any page", i + 1);
      /* Chronological: never an earlier page than the row before. */
      if (i > 0)
        g_assert_cmpuint (page_of[i], >=, page_of[i - 1]);
    }

  for (guint p = 0; p < pages; p++)
    g_free (texts[p]);
}

static void
test_long_case (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *article = cb_case_corpus_article ("Roberta Quint", 1000);
  g_autoptr(GPtrArray) events = NULL;

  import_text (fixture, article);
  events = cb_store_list_events (fixture->store, 0, NULL);
  g_assert_cmpuint (events->len, ==, 1000);

  check_long_case (fixture, "a4");
  check_long_case (fixture, "letter");
}

/* Greek and Chinese render (and come back out as text); a very long word and
 * a URL without a break wrap inside the margins. */
static void
test_scripts_and_wrapping (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *title = "Υπόθεση Νικολάου — 林小雨案";
  const char *url = "https://example.org/archive/2015/03/a-very-long-address-without-any-space-"
                    "that-goes-on-and-on-well-past-the-width-of-any-printed-page-whatsoever/index.html";
  const char *word = "Pneumonoultramicroscopicsilicovolcanoconiosisandsoonandsoforthwithoutend";
  g_autofree char *article = g_strdup_printf ("Title: %s\nDate: 2015-03-20\nSource: %s\n\n"
                                              "On March 3, 2015, Irene Nikolaou was sentenced to "
                                              "two years after a %s dispute.\n",
                                              title, url, word);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bbox = NULL;
  const char *argv[] = { "pdftotext", "-bbox", NULL, "-", NULL };
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  double width, height;
  guint words = 0;

  import_text (fixture, article);
  pdf = write_summary (fixture, "scripts.pdf", "Irene Nikolaou", "--include-suggestions",
                       "--paper", "a4", NULL);
  text = pdf_text (pdf, 0, 0);
  assert_contains (text, "the Greek and Chinese title", title);
  assert_contains (text, "the long address", url);
  assert_contains (text, "the long word", word);

  /* No word may reach into the right margin. */
  cb_paper_get_size (CB_PAPER_A4, &width, &height);
  argv[2] = pdf;
  g_assert_cmpint (run (argv, &bbox, NULL), ==, 0);
  regex = g_regex_new ("xMax=\"([0-9.]+)\"", 0, 0, NULL);
  g_regex_match (regex, bbox, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *x = g_match_info_fetch (match, 1);

      g_assert_cmpfloat (g_ascii_strtod (x, NULL), <=, width - CB_SUMMARY_MARGIN_SIDE + 1.0);
      words++;
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (words, >, 20);
}

/* Wrong use says what is wrong and exits with 2. */
static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  const char *cli = g_getenv ("CASEBOOK_CLI");
  g_autofree char *pdf = g_build_filename (fixture->dir, "x.pdf", NULL);
  struct { const char *argv[10]; const char *message; } cases[] = {
    { { cli, "--db", fixture->db, "summary", "No Such Case", "-o", pdf, NULL }, "No Such Case" },
    { { cli, "--db", fixture->db, "summary", "999", "-o", pdf, NULL }, "999" },
    { { cli, "--db", fixture->db, "summary", "1", NULL }, "-o" },
    { { cli, "--db", fixture->db, "summary", "-o", pdf, NULL }, "--all" },
    { { cli, "--db", fixture->db, "summary", "1", "--paper", "a5", "-o", pdf, NULL }, "a5" },
    { { cli, "--db", fixture->db, "summary", "--bogus", NULL }, "--bogus" },
  };
  g_autofree char *help = NULL;
  const char *help_argv[] = { cli, "summary", "--help", NULL };

  import_samples (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run (cases[i].argv, &out, &err), ==, 2);
      g_assert_nonnull (strstr (err, cases[i].message));
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }

  g_assert_cmpint (run (help_argv, &help, NULL), ==, 0);
  g_assert_nonnull (strstr (help, "--include-suggestions"));
  g_assert_nonnull (strstr (help, "--paper"));
}

/* The model itself: a case found by title in any case, sources numbered in
 * the order they are cited. */
static void
test_model (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbSummary) summary = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_local (2021, 6, 4, 9, 0, 0);
  const CbSummaryCase *summary_case;
  gint64 id;

  import_samples (fixture);
  id = cb_summary_find_case (fixture->store, "chelsea manning", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  summary = cb_summary_new (when, TRUE);
  g_assert_true (cb_summary_add_case (summary, fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cb_summary_get_generated_label (summary), ==, "Generated on 4 June 2021");

  summary_case = cb_summary_get_case (summary, 0);
  g_assert_cmpstr (summary_case->title, ==, "Chelsea Manning");
  g_assert_cmpuint (summary_case->events->len, >, 3);
  g_assert_cmpuint (summary_case->sources->len, ==, 1);
  g_assert_cmpuint (((CbSummarySource *) g_ptr_array_index (summary_case->sources, 0))->number, ==, 1);
  g_assert_cmpstr (((CbSummaryPerson *) g_ptr_array_index (summary_case->people, 0))->name, ==,
                   "Chelsea Manning");
  for (guint i = 0; i < summary_case->events->len; i++)
    {
      CbSummaryEvent *event = g_ptr_array_index (summary_case->events, i);

      g_assert_true (event->suggested);
      g_assert_cmpuint (event->sources->len, ==, 1);
    }

  /* Nothing accepted: nothing in the chronology. */
  g_clear_object (&summary);
  summary = cb_summary_new (when, FALSE);
  g_assert_true (cb_summary_add_case (summary, fixture->store, id, &error));
  g_assert_cmpuint (cb_summary_get_case (summary, 0)->events->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/summary/model", Fixture, NULL, fixture_set_up, test_model, fixture_tear_down);
  g_test_add ("/summary/samples", Fixture, NULL, fixture_set_up, test_samples, fixture_tear_down);
  g_test_add ("/summary/all-cases", Fixture, NULL, fixture_set_up, test_all_cases, fixture_tear_down);
  g_test_add ("/summary/long-case", Fixture, NULL, fixture_set_up, test_long_case, fixture_tear_down);
  g_test_add ("/summary/scripts-and-wrapping", Fixture, NULL, fixture_set_up,
              test_scripts_and_wrapping, fixture_tear_down);
  g_test_add ("/summary/usage", Fixture, NULL, fixture_set_up, test_usage, fixture_tear_down);

  return g_test_run ();
}
