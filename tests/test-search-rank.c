/* test-search-rank.c — cb_store_search() against FTS5's own answer
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cb_store_search() no longer asks FTS5 for the ranking, the snippets and
 * the first match (cb-store-search.c, cb-search-snippet.c); what it
 * returns must still be what FTS5's bm25(), snippet() and highlight() give
 * for the query "word1"* AND "word2"*: the same articles in the same order,
 * the same snippets, the same match.  A generated corpus has words in most
 * articles and in few, words with several terms ("pardon", "pardoned"), a
 * prefix of more terms than are looked up one by one, sentences and
 * articles of very different lengths.
 */
#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "cb-store.h"
#include "cb-test-support.h"

typedef CbTestStore Fixture;

/* What FTS5 says for @query (plain words), limit 50 as the window asks. */
typedef struct
{
  gint64 id;
  char  *snippet;
  int    match_start;
  int    match_end;
} Expected;

static void
expected_clear (gpointer data)
{
  g_free (((Expected *) data)->snippet);
}

/* The query cb_store_search() made before it did the work itself. */
static char *
prefix_query (const char *words)
{
  g_auto(GStrv) split = g_strsplit (words, " ", -1);
  GString *query = g_string_new (NULL);

  for (guint i = 0; split[i] != NULL; i++)
    {
      if (*split[i] == '\0')
        continue;
      if (query->len > 0)
        g_string_append (query, " AND ");
      g_string_append_printf (query, "\"%s\"*", split[i]);
    }
  return g_string_free (query, FALSE);
}

static GArray *
fts5_answer (Fixture    *fixture,
             const char *words)
{
  g_autofree char *query = prefix_query (words);
  GArray *expected = g_array_new (FALSE, TRUE, sizeof (Expected));
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_array_set_clear_func (expected, expected_clear);
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT rowid, snippet (article_fts, -1, char(2), char(3), '…', 16),"
                                       " highlight (article_fts, 1, char(2), char(3))"
                                       " FROM article_fts WHERE article_fts MATCH ?1"
                                       " ORDER BY rank, rowid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *highlighted = (const char *) sqlite3_column_text (stmt, 2);
      const char *open = strchr (highlighted, '\x02');
      const char *close = open != NULL ? strchr (open, '\x03') : NULL;
      Expected e = {
        sqlite3_column_int64 (stmt, 0),
        g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        open != NULL ? (int) g_utf8_pointer_to_offset (highlighted, open) : -1,
        close != NULL ? (int) g_utf8_pointer_to_offset (highlighted, close) - 1 : -1,
      };

      g_array_append_val (expected, e);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return expected;
}

static void
assert_same_answer (Fixture    *fixture,
                    const char *words,
                    guint       limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) expected = fts5_answer (fixture, words);
  g_autoptr(GPtrArray) hits = cb_store_search (fixture->store, words, limit, &error);
  guint n = limit > 0 ? MIN (limit, expected->len) : expected->len;

  g_test_message ("query “%s”: %u matches", words, expected->len);
  g_assert_no_error (error);
  g_assert_nonnull (hits);
  g_assert_cmpuint (hits->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      CbSearchHit *hit = g_ptr_array_index (hits, i);
      Expected *e = &g_array_index (expected, Expected, i);

      g_assert_cmpint (cb_search_hit_get_article_id (hit), ==, e->id);
      g_assert_cmpstr (cb_search_hit_get_snippet (hit), ==, e->snippet);
      g_assert_cmpint (cb_search_hit_get_match_start (hit), ==, e->match_start);
      g_assert_cmpint (cb_search_hit_get_match_end (hit), ==, e->match_end);
    }
}

static gint64
add (Fixture    *fixture,
     const char *title,
     const char *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbArticle) article = cb_article_new (title, NULL, NULL, NULL, NULL, NULL, body);
  gint64 id = cb_store_add_article (fixture->store, article, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Words by how many articles have them; "zed…" are 40 terms of one prefix. */
static const char * const common[] = { "court", "appeal", "appealed", "judge", "hearing" };
static const char * const middle[] = { "pardon", "pardoned", "pardons", "clemency", "Tomás", "governor" };
static const char * const rare[] = { "quokka", "petition", "petitioned", "vigil" };
static const char * const filler[] = {
  "the", "a", "of", "and", "in", "was", "said", "on", "by", "for", "with", "after", "before",
  "lawyer", "family", "state", "office", "year", "case", "county",
};

static void
generate_corpus (Fixture *fixture,
                 guint    n_articles)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);

  for (guint a = 0; a < n_articles; a++)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      g_autoptr(GString) title = g_string_new ("Report ");
      guint length = 5 + g_rand_int_range (rand, 0, a % 7 == 0 ? 400 : 80);

      if (g_rand_int_range (rand, 0, 4) == 0)
        g_string_append_printf (title, "%s ", middle[g_rand_int_range (rand, 0, G_N_ELEMENTS (middle))]);
      g_string_append_printf (title, "%u", a);

      for (guint w = 0; w < length; w++)
        {
          int dice = g_rand_int_range (rand, 0, 100);
          const char *word;

          if (dice < 12)
            word = common[g_rand_int_range (rand, 0, G_N_ELEMENTS (common))];
          else if (dice < 16)
            word = middle[g_rand_int_range (rand, 0, G_N_ELEMENTS (middle))];
          else if (dice < 17 && a % 3 == 0)
            word = rare[g_rand_int_range (rand, 0, G_N_ELEMENTS (rare))];
          else
            word = filler[g_rand_int_range (rand, 0, G_N_ELEMENTS (filler))];

          if (dice >= 97)
            g_string_append_printf (body, "zed%c%c ", 'a' + (a + w) % 26, 'a' + (a * w) % 2);
          g_string_append (body, word);
          /* Sentences: a full stop or a colon, then white space. */
          if (g_rand_int_range (rand, 0, 9) == 0)
            g_string_append (body, g_rand_boolean (rand) ? ".\n" : ": ");
          else
            g_string_append_c (body, g_rand_int_range (rand, 0, 12) == 0 ? ',' : ' ');
          if (g_rand_int_range (rand, 0, 12) == 0)
            g_string_append (body, "— ");
        }
      add (fixture, title->str, body->str);
    }
}

static const char * const queries[] = {
  "court", "appeal", "pardon", "pardoned", "clemency", "tomas", "TOMÁS", "quokka", "petition",
  "vigil", "zed", "zeda", "hearing judge", "court appeal pardon", "pardon petition",
  "clemency governor", "the court", "report", "REPORT 1", "a", "pardon pardon", "tomas TOMÁS court",
  "governor quokka", "zed court",
};

static void
test_same_as_fts5 (Fixture       *fixture,
                   gconstpointer  data)
{
  generate_corpus (fixture, 120);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      assert_same_answer (fixture, queries[i], 0);
      assert_same_answer (fixture, queries[i], 50);
      assert_same_answer (fixture, queries[i], 3);
    }
}

/* A word in no article: no hits, and none of the others is looked at. */
static void
test_unknown_word (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  generate_corpus (fixture, 20);
  hits = cb_store_search (fixture->store, "court nosuchword", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
  assert_same_answer (fixture, "court nosuchword", 50);
}

/* The lengths of the articles are kept between searches: a change, here
 * or through another connection, must not leave them stale.  An article
 * deleted and another added gets the same id with another length. */
static void
test_changes_between_searches (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbStore) other = NULL;
  gint64 last, again;

  generate_corpus (fixture, 30);
  last = add (fixture, "Last", "pardon pardon court and a long tail of words that make it long");
  assert_same_answer (fixture, "pardon court", 50);

  g_assert_true (cb_store_delete_article (fixture->store, last, &error));
  g_assert_no_error (error);
  again = add (fixture, "Again", "pardon court");
  g_assert_cmpint (again, ==, last);
  assert_same_answer (fixture, "pardon court", 50);
  assert_same_answer (fixture, "pardon", 50);

  /* Another connection, as the importer's thread has. */
  other = cb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (cb_store_delete_article (other, again, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CbArticle) article = cb_article_new ("Third", NULL, NULL, NULL, NULL, NULL,
                                                   "pardon pardon pardon pardon court, and more words than before"
                                                   " to be longer than it was");

    g_assert_cmpint (cb_store_add_article (other, article, NULL, &error), ==, last);
    g_assert_no_error (error);
  }
  assert_same_answer (fixture, "pardon court", 50);
  assert_same_answer (fixture, "pardon", 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/search-rank/same-as-fts5", Fixture, NULL,
              cb_test_store_setup, test_same_as_fts5, cb_test_store_teardown);
  g_test_add ("/search-rank/unknown-word", Fixture, NULL,
              cb_test_store_setup, test_unknown_word, cb_test_store_teardown);
  g_test_add ("/search-rank/changes-between-searches", Fixture, NULL,
              cb_test_store_setup, test_changes_between_searches, cb_test_store_teardown);

  return g_test_run ();
}
