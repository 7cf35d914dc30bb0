/* test-store-excerpts.c — review in bulk, excerpts the user picks, the marks
 * of the article view, and search text that must never fail
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cb-importer.h"
#include "cb-store.h"
#include "cb-test-support.h"

typedef CbTestStore Fixture;

/* Invented people and places: the rules must work on articles nobody has seen. */
static const char commuted[] =
  "Title: Governor commutes sentence\nDate: 2016-05-12\n\n"
  "Governor Harriet Vance commuted the sentence of Marcus Ollender on May 10, 2016. "
  "Ollender was convicted of robbery in 1999. "
  "\"I am grateful to everyone who wrote letters,\" Marcus Ollender said on Wednesday.\n";
static const char paroled[] =
  "Title: Parole for a teacher\nDate: 2018-02-02\n\n"
  "Édith Moreau-Lindqvist was paroled in January 2018 after a campaign by her former pupils. "
  "Moreau-Lindqvist was convicted of fraud in 2009.\n";

/* One integer from the database, read on a connection of our own. */
static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
body_of (Fixture *fixture,
         gint64   article_id)
{
  g_autoptr(CbArticle) article = cb_store_get_article (fixture->store, article_id, NULL);

  g_assert_nonnull (article);
  return g_strdup (cb_article_get_body (article));
}

/* The character offset of @needle in @body. */
static guint
offset_of (const char *body,
           const char *needle)
{
  const char *at = strstr (body, needle);

  g_assert_nonnull (at);
  return (guint) g_utf8_pointer_to_offset (body, at);
}

static CbEvent *
event_with (Fixture    *fixture,
            const char *word)
{
  g_autoptr(GPtrArray) events = cb_store_list_events (fixture->store, 0, NULL);

  for (guint i = 0; events != NULL && i < events->len; i++)
    if (strstr (cb_event_get_description (g_ptr_array_index (events, i)), word) != NULL)
      return g_object_ref (g_ptr_array_index (events, i));
  return NULL;
}

/* --- both are one undoable step ----------------------------------------------- */

static void
test_undo_excerpt_and_accept_all (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbEvent) parole = NULL;
  g_autofree char *body = NULL;
  g_autofree char *label = NULL;
  const char *phrase = "after a campaign by her former pupils";
  gint64 article, excerpt, passages, suggested;
  guint start, n_accepted = 0;

  article = cb_test_store_import (fixture, paroled);
  body = body_of (fixture, article);
  parole = event_with (fixture, "paroled");
  g_assert_nonnull (parole);
  passages = query_int (fixture, "SELECT count(*) FROM excerpt");
  suggested = query_int (fixture, "SELECT count(*) FROM event WHERE review = 'suggested'");
  g_assert_cmpint (suggested, >, 0);

  start = offset_of (body, phrase);
  excerpt = cb_store_add_excerpt (fixture->store, article, start, start + (guint) g_utf8_strlen (phrase, -1),
                                  cb_event_get_id (parole), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (excerpt, >, 0);
  g_assert_true (cb_store_can_undo (fixture->store, &label));
  g_assert_cmpstr (label, ==, "Add Excerpt");
  g_clear_pointer (&label, g_free);

  g_assert_true (cb_store_accept_article (fixture->store, article, &n_accepted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_accepted, >, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM event WHERE review = 'suggested'"), ==, 0);
  g_assert_true (cb_store_can_undo (fixture->store, &label));
  g_assert_cmpstr (label, ==, "Accept All from Article");

  /* The whole bulk review comes back in one undo, then the excerpt. */
  g_assert_true (cb_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM event WHERE review = 'suggested'"), ==, suggested);
  g_assert_true (cb_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM excerpt"), ==, passages);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM event_source WHERE excerpt_id NOT IN (SELECT id FROM excerpt)"), ==, 0);

  g_assert_true (cb_store_redo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM excerpt"), ==, passages + 1);
}

/* --- accept all from one article --------------------------------------------- */

static void
test_accept_article (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbEvent) robbery = NULL;
  g_autoptr(CbEvent) fraud = NULL;
  gint64 first, second;
  guint n = 0;

  first = cb_test_store_import (fixture, commuted);
  second = cb_test_store_import (fixture, paroled);

  robbery = event_with (fixture, "robbery");
  fraud = event_with (fixture, "fraud");
  g_assert_nonnull (robbery);
  g_assert_nonnull (fraud);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM event WHERE review != 'suggested'"), ==, 0);

  /* What the user rejected before stays rejected. */
  g_assert_true (cb_store_set_event_review (fixture->store, cb_event_get_id (robbery),
                                            CB_REVIEW_REJECTED, &error));
  g_assert_no_error (error);

  g_assert_true (cb_store_accept_article (fixture->store, first, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, >=, 2);   /* at least the commutation and its case */

  {
    g_autofree char *sql = NULL;

    sql = g_strdup_printf ("SELECT count(*) FROM event WHERE article_id = %" G_GINT64_FORMAT
                           " AND review = 'suggested'", first);
    g_assert_cmpint (query_int (fixture, sql), ==, 0);
    g_free (sql);
    sql = g_strdup_printf ("SELECT count(*) FROM event WHERE article_id = %" G_GINT64_FORMAT
                           " AND review = 'accepted'", first);
    g_assert_cmpint (query_int (fixture, sql), ==, (gint64) n - 1);
    g_free (sql);
    sql = g_strdup_printf ("SELECT review = 'rejected' FROM event WHERE id = %" G_GINT64_FORMAT,
                           cb_event_get_id (robbery));
    g_assert_cmpint (query_int (fixture, sql), ==, 1);
    g_free (sql);
    sql = g_strdup_printf ("SELECT count(*) FROM excerpt WHERE article_id = %" G_GINT64_FORMAT
                           " AND review = 'suggested'", first);
    g_assert_cmpint (query_int (fixture, sql), ==, 0);
    g_free (sql);
    /* The other article's suggestions are untouched. */
    sql = g_strdup_printf ("SELECT count(*) FROM event WHERE article_id = %" G_GINT64_FORMAT
                           " AND review != 'suggested'", second);
    g_assert_cmpint (query_int (fixture, sql), ==, 0);
    g_free (sql);
    sql = g_strdup_printf ("SELECT count(*) FROM event WHERE id = %" G_GINT64_FORMAT
                           " AND review = 'suggested'", cb_event_get_id (fraud));
    g_assert_cmpint (query_int (fixture, sql), ==, 1);
    g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM case_file WHERE review = 'accepted'"), ==, 1);
    g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM case_file WHERE review = 'suggested'"), ==, 1);
  }

  /* Twice is harmless; an unknown article changes nothing. */
  g_assert_true (cb_store_accept_article (fixture->store, first, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_false (cb_store_accept_article (fixture->store, second + 100, &n, &error));
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM case_file WHERE review = 'suggested'"), ==, 1);
}

/* --- excerpts the user picks ----------------------------------------------------- */

static void
test_add_excerpt (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbEvent) parole = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autofree char *body = NULL;
  g_autofree char *expected = NULL;
  const char *phrase = "after a campaign by her former pupils";
  gint64 article, excerpt, again;
  gint64 before;
  guint start, end;
  gboolean found = FALSE;

  article = cb_test_store_import (fixture, paroled);
  body = body_of (fixture, article);
  parole = event_with (fixture, "paroled");
  g_assert_nonnull (parole);

  /* Character offsets, not bytes: the body starts with "É". */
  start = offset_of (body, phrase);
  end = start + (guint) g_utf8_strlen (phrase, -1);
  expected = g_utf8_substring (body, start, end);
  g_assert_cmpstr (expected, ==, phrase);

  /* White space around the selection is left out. */
  excerpt = cb_store_add_excerpt (fixture->store, article, start - 1, end, cb_event_get_id (parole), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (excerpt, >, 0);

  sources = cb_store_list_excerpts (fixture->store, 0, cb_event_get_id (parole), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sources->len; i++)
    {
      CbExcerpt *x = g_ptr_array_index (sources, i);

      if (cb_excerpt_get_id (x) != excerpt)
        continue;
      found = TRUE;
      g_assert_cmpstr (cb_excerpt_get_text (x), ==, phrase);
      g_assert_cmpuint (cb_excerpt_get_start (x), ==, start);
      g_assert_cmpuint (cb_excerpt_get_end (x), ==, end);
      g_assert_cmpint (cb_excerpt_get_kind (x), ==, CB_EXCERPT_PASSAGE);
      g_assert_cmpint (cb_excerpt_get_article_id (x), ==, article);
    }
  g_assert_true (found);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT review = 'accepted' FROM excerpt WHERE id = %"
                                            G_GINT64_FORMAT, excerpt);
    g_assert_cmpint (query_int (fixture, sql), ==, 1);
  }

  /* The same passage again: stored once. */
  again = cb_store_add_excerpt (fixture->store, article, start, end, cb_event_get_id (parole), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, excerpt);

  /* Without an event: an excerpt of the article alone. */
  again = cb_store_add_excerpt (fixture->store, article, 0, 6, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, >, excerpt);

  /* Bad spans and unknown ids store nothing. */
  before = query_int (fixture, "SELECT count(*) FROM excerpt");
  g_assert_cmpint (cb_store_add_excerpt (fixture->store, article, 5, 5, 0, 0, &error), ==, 0);
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (cb_store_add_excerpt (fixture->store, article, 9, 3, 0, 0, &error), ==, 0);
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (cb_store_add_excerpt (fixture->store, article, 3, (guint) g_utf8_strlen (body, -1) + 1,
                                         0, 0, &error), ==, 0);
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (cb_store_add_excerpt (fixture->store, article, G_MAXUINT - 1, G_MAXUINT, 0, 0, &error), ==, 0);
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_FAILED);
  g_clear_error (&error);
  /* A blank selection: the space between two words. */
  start = offset_of (body, " was paroled");
  g_assert_cmpint (cb_store_add_excerpt (fixture->store, article, start, start + 1, 0, 0, &error), ==, 0);
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (cb_store_add_excerpt (fixture->store, article + 1, 0, 3, 0, 0, &error), ==, 0);
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (cb_store_add_excerpt (fixture->store, article, 0, 3,
                                         cb_event_get_id (parole) + 100, 0, &error), ==, 0);
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM excerpt"), ==, before);
}

/* --- excerpts of a case file alone --------------------------------------------- */

static gint64
case_titled (Fixture    *fixture,
             const char *words)
{
  g_autoptr(GPtrArray) cases = cb_store_list_cases (fixture->store, NULL);

  for (guint i = 0; cases != NULL && i < cases->len; i++)
    if (strstr (cb_case_file_get_title (g_ptr_array_index (cases, i)), words) != NULL)
      return cb_case_file_get_id (g_ptr_array_index (cases, i));
  return 0;
}

/* How many of @case_id's excerpts are @excerpt_id (0, or 1: never twice). */
static guint
times_listed (Fixture *fixture,
              gint64   case_id,
              gint64   excerpt_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) excerpts = cb_store_list_excerpts (fixture->store, case_id, 0, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < excerpts->len; i++)
    if (cb_excerpt_get_id (g_ptr_array_index (excerpts, i)) == excerpt_id)
      n++;
  return n;
}

static void
test_case_excerpt (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbEvent) parole = NULL;
  g_autofree char *body = NULL;
  g_autofree char *label = NULL;
  const char *phrase = "her former pupils";
  gint64 article, teacher, other, excerpt, again, before, links;
  guint start, end;

  article = cb_test_store_import (fixture, paroled);
  cb_test_store_import (fixture, commuted);
  body = body_of (fixture, article);
  teacher = case_titled (fixture, "Moreau-Lindqvist");
  other = case_titled (fixture, "Ollender");
  g_assert_cmpint (teacher, !=, 0);
  g_assert_cmpint (other, !=, 0);
  start = offset_of (body, phrase);
  end = start + (guint) g_utf8_strlen (phrase, -1);

  /* Attached to the case itself: listed for it, not for the other case. */
  excerpt = cb_store_add_excerpt (fixture->store, article, start, end, 0, teacher, &error);
  g_assert_no_error (error);
  g_assert_cmpint (excerpt, >, 0);
  g_assert_cmpuint (times_listed (fixture, teacher, excerpt), ==, 1);
  g_assert_cmpuint (times_listed (fixture, other, excerpt), ==, 0);
  g_assert_true (cb_store_can_undo (fixture->store, &label));
  g_assert_cmpstr (label, ==, "Add Excerpt");

  /* Undo takes the excerpt and its link away; redo brings both back. */
  g_assert_true (cb_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (times_listed (fixture, teacher, excerpt), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM case_excerpt"), ==, 0);
  g_assert_true (cb_store_redo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (times_listed (fixture, teacher, excerpt), ==, 1);

  /* A passage that is an event's source too is listed once. */
  parole = event_with (fixture, "paroled");
  g_assert_nonnull (parole);
  again = cb_store_add_excerpt (fixture->store, article, start, end, cb_event_get_id (parole), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, excerpt);
  g_assert_cmpint (cb_event_get_case_id (parole), ==, teacher);
  g_assert_cmpuint (times_listed (fixture, teacher, excerpt), ==, 1);

  /* An unknown case stores nothing. */
  before = query_int (fixture, "SELECT count(*) FROM excerpt");
  links = query_int (fixture, "SELECT count(*) FROM case_excerpt");
  g_assert_cmpint (cb_store_add_excerpt (fixture->store, article, 0, 6, 0, teacher + other + 100, &error),
                   ==, 0);
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM excerpt"), ==, before);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM case_excerpt"), ==, links);

  /* Merging cases moves the link to the case kept. */
  g_assert_true (cb_store_merge_cases (fixture->store, other, teacher, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (times_listed (fixture, other, excerpt), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM case_excerpt"), ==, 1);

  /* Deleting the case takes the link along, not the excerpt. */
  g_assert_true (cb_store_delete_case (fixture->store, other, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM case_excerpt"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM excerpt"), ==, before);
}

/* --- what the article view marks ------------------------------------------------ */

static void
test_article_marks (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) marks = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) excerpts = NULL;
  g_autofree char *body = NULL;
  gint64 article, subject_case = 0;
  guint persons = 0, quotes = 0, dates = 0, passages = 0;
  gboolean date_found = FALSE;

  article = cb_test_store_import (fixture, commuted);
  cb_test_store_import (fixture, paroled);
  body = body_of (fixture, article);

  cases = cb_store_list_cases (fixture->store, NULL);
  for (guint i = 0; i < cases->len; i++)
    if (strcmp (cb_case_file_get_title (g_ptr_array_index (cases, i)), "Marcus Ollender") == 0)
      subject_case = cb_case_file_get_id (g_ptr_array_index (cases, i));
  g_assert_cmpint (subject_case, !=, 0);

  marks = cb_store_list_article_marks (fixture->store, article, &error);
  g_assert_no_error (error);
  g_assert_nonnull (marks);

  for (guint i = 0; i < marks->len; i++)
    {
      const CbArticleMark *mark = &g_array_index (marks, CbArticleMark, i);
      g_autofree char *text = g_utf8_substring (body, mark->start, mark->end);

      g_assert_cmpuint (mark->start, <, mark->end);
      if (i > 0)
        g_assert_cmpuint (g_array_index (marks, CbArticleMark, i - 1).start, <=, mark->start);

      switch (mark->kind)
        {
        case CB_MARK_PERSON:
          persons++;
          /* A name as written; the subject's mentions lead to their case. */
          g_assert_true (g_str_has_suffix (text, "Ollender") || g_str_has_suffix (text, "Vance"));
          if (g_str_has_suffix (text, "Ollender"))
            g_assert_cmpint (mark->case_id, ==, subject_case);
          else
            g_assert_cmpint (mark->case_id, ==, 0);
          break;
        case CB_MARK_QUOTE:
          quotes++;
          g_assert_nonnull (strstr (text, "grateful"));
          break;
        case CB_MARK_PASSAGE:
          passages++;
          break;
        case CB_MARK_DATE:
          dates++;
          if (strcmp (text, "May 10, 2016") == 0)
            date_found = TRUE;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_assert_cmpuint (persons, >=, 3);
  g_assert_cmpuint (quotes, ==, 1);
  g_assert_cmpuint (passages, >=, 2);   /* the sources of the events */
  g_assert_cmpuint (dates, >=, 2);
  g_assert_true (date_found);

  /* A rejected event takes its date mark along. */
  {
    g_autoptr(CbEvent) robbery = event_with (fixture, "robbery");
    g_autoptr(GArray) after = NULL;
    guint dates_after = 0;

    g_assert_true (cb_store_set_event_review (fixture->store, cb_event_get_id (robbery),
                                              CB_REVIEW_REJECTED, &error));
    after = cb_store_list_article_marks (fixture->store, article, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < after->len; i++)
      if (g_array_index (after, CbArticleMark, i).kind == CB_MARK_DATE)
        dates_after++;
    g_assert_cmpuint (dates_after, ==, dates - 1);
  }

  /* No marks for an article that does not exist: an empty list. */
  g_clear_pointer (&marks, g_array_unref);
  marks = cb_store_list_article_marks (fixture->store, article + 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (marks->len, ==, 0);
}

/* --- search ------------------------------------------------------------------------ */

static void
test_search_any_text (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char * const hostile[] = {
    "\"", "\"robbery", "robbery\"", "\"\"\"", "AND(", "AND (", "OR", "NOT", "-", "- -", "--",
    "*", "**", "robb*", "*robb", "NEAR", "NEAR(", "NEAR(robbery sentence, 3)", "robbery NEAR/2 sentence",
    "body:robbery", "title:", ":", "^", "(", ")", "()", "{", "}", "[", "]", "+", "'", "`",
    "robbery AND", "AND robbery", "robbery OR", "NOT robbery", "\"unbalanced quote",
    "'; DROP TABLE article; --", "\\", "%", "_", "\t\n", "\xc2\xa0", "🙂", "É", "ǅ",
    "a\"b\"c\"", "robbery*\"(", "x AND( y OR", "\"NEAR\"", "NEAR/",
  };
  g_autofree char *body = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  CbSearchHit *hit;
  gint64 article;
  guint articles;

  article = cb_test_store_import (fixture, commuted);
  cb_test_store_import (fixture, paroled);
  articles = cb_store_count_articles (fixture->store);
  body = body_of (fixture, article);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) h = cb_store_search (fixture->store, hostile[i], 10, &error);

      g_test_message ("query %u: %s", i, hostile[i]);
      g_assert_no_error (error);
      g_assert_nonnull (h);
      g_assert_cmpuint (h->len, <=, articles);
    }
  /* Words inside the noise still count. */
  {
    g_autoptr(GPtrArray) h = cb_store_search (fixture->store, "x AND( robb*\"", 10, NULL);

    g_assert_nonnull (h);
    g_assert_cmpuint (h->len, ==, 0);   /* "x" is in neither article */
    g_clear_pointer (&h, g_ptr_array_unref);
    h = cb_store_search (fixture->store, "\"robb* AND(", 10, NULL);
    g_assert_cmpuint (h->len, ==, 1);
    g_clear_pointer (&h, g_ptr_array_unref);
    /* Operators typed as such are not words to find. */
    h = cb_store_search (fixture->store, "robbery AND sentence NOT", 10, NULL);
    g_assert_cmpuint (h->len, ==, 1);
    g_clear_pointer (&h, g_ptr_array_unref);
    h = cb_store_search (fixture->store, "robbery OR fraud", 10, NULL);
    g_assert_cmpuint (h->len, ==, 0);   /* words are AND-ed: no article has both */
  }
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, articles);

  /* The match's span in the body: exactly the word found. */
  hits = cb_store_search (fixture->store, "ROBBER", 10, NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (cb_search_hit_get_article_id (hit), ==, article);
  g_assert_cmpint (cb_search_hit_get_match_start (hit), ==, (int) offset_of (body, "robbery"));
  g_assert_cmpint (cb_search_hit_get_match_end (hit), ==, (int) offset_of (body, "robbery") + 7);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* After a character that takes two bytes. */
  hits = cb_store_search (fixture->store, "pupils", 10, NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  {
    g_autofree char *other = body_of (fixture, cb_search_hit_get_article_id (hit));
    g_autofree char *word = g_utf8_substring (other, cb_search_hit_get_match_start (hit),
                                              cb_search_hit_get_match_end (hit));

    g_assert_cmpstr (word, ==, "pupils");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-excerpts/accept-article", Fixture, NULL,
              cb_test_store_setup, test_accept_article, cb_test_store_teardown);
  g_test_add ("/store-excerpts/add-excerpt", Fixture, NULL,
              cb_test_store_setup, test_add_excerpt, cb_test_store_teardown);
  g_test_add ("/store-excerpts/undo", Fixture, NULL,
              cb_test_store_setup, test_undo_excerpt_and_accept_all, cb_test_store_teardown);
  g_test_add ("/store-excerpts/case-excerpt", Fixture, NULL,
              cb_test_store_setup, test_case_excerpt, cb_test_store_teardown);
  g_test_add ("/store-excerpts/article-marks", Fixture, NULL,
              cb_test_store_setup, test_article_marks, cb_test_store_teardown);
  g_test_add ("/store-excerpts/search-any-text", Fixture, NULL,
              cb_test_store_setup, test_search_any_text, cb_test_store_teardown);

  return g_test_run ();
}
