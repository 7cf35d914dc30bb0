/* cb-store-search.c — full-text search over titles and bodies
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every word typed is a prefix ("robber" finds "robbery"), the words are
 * AND-ed and the hits are ranked with BM25, as FTS5's bm25() ranks the
 * query "word1"* AND "word2"*, with the same snippets.  What keeps that
 * fast when a word is in nearly every one of 100,000 articles:
 *
 * - FTS5 answers "word"* by copying and merging the doclist of every term
 *   with that prefix before it returns a row, on every query.  Here the
 *   terms are looked up in the index first, one seek each (an fts5vocab
 *   table), and the word becomes ("term" OR "terms" …), which FTS5 reads
 *   lazily and can seek in.  A prefix with very many terms stays "word"*.
 * - bm25() reads the length of each matching article with one query per
 *   row, ORDER BY rank sorts every match, and each row costs FTS5 an
 *   evaluation of the whole AND (and OR) expression.  Here one call of
 *   cb_search_gather() walks each term on its own (xQueryPhrase(), no SQL
 *   row per match): the first word's articles are the candidates, the
 *   other words are counted (their IDF needs it) and give their frequency
 *   for the candidates only; the lengths come from a copy in memory made
 *   once per change of the database.  The score is bm25()'s, a word's terms
 *   counted as that word, and a heap keeps the best LIMIT.
 * - snippet() ran for every match before the sort, and for one row it
 *   needs a MATCH query (a seek in every segment for every term): the
 *   hits' rows are read directly and cb-search-snippet.c makes the same
 *   snippet from their tokens.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cb-search-snippet.h"
#include "cb-store-private.h"

/* A word whose prefix has more terms than this stays a prefix query. */
#define MAX_TERMS_PER_WORD 32
/* Articles are numbered from 1 up: arrays by rowid stop here (4 bytes an
 * article for the lengths); beyond, FTS5 is asked. */
#define MAX_ROWID_INDEX (1 << 24)

/* BM25's constants, those of FTS5's bm25(). */
#define BM25_K1 1.2
#define BM25_B  0.75

struct _CbStoreSearch
{
  fts5_api       *api;
  fts5_tokenizer  tokenizer;
  Fts5Tokenizer  *tokenizer_instance;

  /* Tokens per article (title and body), by rowid; 0 = not known. */
  GArray         *doc_len;
  gint64          n_rows;         /* rows of the docsize table */
  gint64          data_version;
  gint64          total_changes;
};

/* One query word. */
typedef struct
{
  char      *text;      /* as typed */
  GPtrArray *tokens;    /* as the index tokenizes it, NULL-terminated */
  GPtrArray *terms;     /* the index terms it is a prefix of; NULL: "text"* */
} SearchWord;

/* A ranked match; lower scores are better, as with FTS5's rank. */
typedef struct
{
  double score;
  gint64 rowid;
} Ranked;

/* An article that has a word: how often (FTS5's phrase instances, all
 * terms of the word together) and its length in tokens. */
typedef struct
{
  gint64  rowid;
  guint32 frequency;
  guint32 length;
} WordMatch;

/* What cb_search_gather() needs and fills, bound as a pointer. */
typedef struct
{
  guint          n_words;
  guint          n_phrases;
  const guint   *phrase_word;  /* phrase → word, words in order */
  const guint32 *doc_len;
  guint          n_doc_len;
  gboolean       done;
  sqlite3_int64  rows;         /* in the table */
  sqlite3_int64  tokens;
  /* The articles with every word so far, by rowid (WordMatch; its
   * frequency unused), and for each word its frequency in each of them
   * (guint32 arrays alongside) and the number of articles with it. */
  GArray        *candidates;
  GPtrArray     *frequencies;
  gint64        *word_hits;
} GatherContext;

/* One phrase's rows, as xQueryPhrase() walks them: for the first word
 * every row goes into @matches; for the others a row is counted once in
 * @seen (a bit per rowid), and its frequency added in @frequency when it
 * is a candidate. */
typedef struct
{
  GatherContext *gather;
  GArray        *matches;
  gboolean       sorted;
  GArray        *seen;         /* guint8 bits, by rowid */
  GHashTable    *seen_beyond;  /* rowids from MAX_ROWID_INDEX on */
  gint64         n_seen;
  guint32       *frequency;
  guint          next;         /* candidate */
  gint64         last;         /* rowid */
} PhraseWalk;

#define GATHER_POINTER "cb-search-gather"

/* --- the query ------------------------------------------------------------ */

static void
search_word_free (SearchWord *word)
{
  g_free (word->text);
  g_clear_pointer (&word->tokens, g_ptr_array_unref);
  g_clear_pointer (&word->terms, g_ptr_array_unref);
  g_free (word);
}

/* FTS5's operators, typed as such: "fraud AND pardon" means the words. */
static gboolean
is_operator_word (const char *word)
{
  return strcmp (word, "AND") == 0 || strcmp (word, "OR") == 0
         || strcmp (word, "NOT") == 0 || strcmp (word, "NEAR") == 0;
}

/* Any user text → its words: runs of letters, digits and marks; upper-case
 * operator words are left out when other words remain. */
static GPtrArray *
split_words (const char *text)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *words = g_ptr_array_new_with_free_func ((GDestroyNotify) search_word_free);
  GString *word = g_string_new (NULL);
  guint operators = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_string_free (word, TRUE);
      return words;
    }

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean word_char = c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c));

      if (word_char)
        g_string_append_unichar (word, c);
      else if (word->len > 0)
        {
          if (is_operator_word (word->str))
            operators++;
          g_ptr_array_add (all, g_strdup (word->str));
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);

  for (guint i = 0; i < all->len; i++)
    {
      const char *w = g_ptr_array_index (all, i);
      SearchWord *search_word;

      if (operators < all->len && is_operator_word (w))
        continue;
      search_word = g_new0 (SearchWord, 1);
      search_word->text = g_strdup (w);
      g_ptr_array_add (words, search_word);
    }

  return words;
}

static void
append_quoted (GString    *query,
               const char *text)
{
  g_string_append_c (query, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, *p);
    }
  g_string_append_c (query, '"');
}

/* The FTS5 expression of one word: its terms OR-ed, or the prefix query. */
static void
append_word (GString          *query,
             const SearchWord *word)
{
  if (word->terms == NULL)
    {
      append_quoted (query, word->text);
      g_string_append_c (query, '*');
      return;
    }

  if (word->terms->len > 1)
    g_string_append_c (query, '(');
  for (guint i = 0; i < word->terms->len; i++)
    {
      if (i > 0)
        g_string_append (query, " OR ");
      append_quoted (query, g_ptr_array_index (word->terms, i));
    }
  if (word->terms->len > 1)
    g_string_append_c (query, ')');
}

static char *
build_match (GPtrArray *words)
{
  GString *query = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      if (i > 0)
        g_string_append (query, " AND ");
      append_word (query, g_ptr_array_index (words, i));
    }

  return g_string_free (query, FALSE);
}

/* --- the tokenizer and the terms of a prefix -------------------------------- */

static int
collect_token_cb (void       *data,
                  int         flags,
                  const char *token,
                  int         n_token,
                  int         start,
                  int         end)
{
  GPtrArray *tokens = data;

  if ((flags & FTS5_TOKEN_COLOCATED) == 0)
    g_ptr_array_add (tokens, g_strndup (token, n_token));
  return SQLITE_OK;
}

/* Fills @word->tokens with the word as article_fts tokenizes it, and
 * @word->terms with the index terms that begin with it.  Leaves the terms
 * NULL (a prefix query) when the word is not one token or has more than
 * MAX_TERMS_PER_WORD terms. */
static gboolean
find_terms (CbStore     *self,
            SearchWord  *word,
            GError     **error)
{
  CbStoreSearch *search = self->search;
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *next = NULL;
  g_autofree char *upper = NULL;
  const char *prefix;
  sqlite3_stmt *stmt;
  int rc;

  rc = search->tokenizer.xTokenize (search->tokenizer_instance, tokens, FTS5_TOKENIZE_QUERY,
                                    word->text, (int) strlen (word->text), collect_token_cb);
  if (rc != SQLITE_OK)
    g_ptr_array_set_size (tokens, 0);
  g_ptr_array_add (tokens, NULL);
  word->tokens = tokens;
  if (tokens->len != 2)
    return TRUE;

  prefix = g_ptr_array_index (tokens, 0);
  /* No term has a byte 0xff (it is not UTF-8): every term that begins
   * with the prefix sorts below this. */
  upper = g_strconcat (prefix, "\xff", NULL);
  next = g_strdup (prefix);

  stmt = _cb_store_prepare (self,
                            "SELECT term FROM temp.cb_search_vocab"
                            " WHERE term >= ?1 AND term < ?2 LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;

  for (;;)
    {
      const char *term;

      sqlite3_reset (stmt);
      _cb_store_bind_text (stmt, 1, next);
      _cb_store_bind_text (stmt, 2, upper);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        break;
      if (rc != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          _cb_store_set_error (self->db, rc, _("Could not search the articles"), error);
          return FALSE;
        }

      term = CB_COLUMN_TEXT (stmt, 0);
      if (term == NULL || !g_str_has_prefix (term, prefix))
        break;
      if (terms->len == MAX_TERMS_PER_WORD)
        {
          /* Too many: FTS5's own prefix query is the better plan. */
          sqlite3_reset (stmt);
          return TRUE;
        }
      g_ptr_array_add (terms, g_strdup (term));
      /* The next term sorts after this one: no term holds a byte 0x01. */
      g_free (next);
      next = g_strconcat (term, "\x01", NULL);
    }
  sqlite3_reset (stmt);

  word->terms = g_steal_pointer (&terms);
  return TRUE;
}

/* --- the lengths of the articles -------------------------------------------- */

static gboolean
read_varint (const guint8 **p,
             const guint8  *end,
             guint64       *value)
{
  guint64 v = 0;

  /* SQLite's varint: 7 bits a byte, high bit set while more follow, the
   * ninth byte whole. */
  for (int i = 0; i < 9; i++)
    {
      guint8 byte;

      if (*p >= end)
        return FALSE;
      byte = *(*p)++;
      if (i == 8)
        {
          *value = (v << 8) | byte;
          return TRUE;
        }
      v = (v << 7) | (byte & 0x7f);
      if ((byte & 0x80) == 0)
        {
          *value = v;
          return TRUE;
        }
    }

  return FALSE;
}

/* The token count of each article, from FTS5's docsize table, read again
 * when the database changed since (here or on another connection).  Any
 * failure leaves lengths unknown, and walk_phrase_cb() asks FTS5. */
static void
refresh_doc_lengths (CbStore *self)
{
  CbStoreSearch *search = self->search;
  sqlite3_stmt *stmt;
  gint64 version = -1;
  gint64 changes = sqlite3_total_changes64 (self->db);

  stmt = _cb_store_prepare (self, "PRAGMA data_version", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  if (version >= 0 && version == search->data_version && changes == search->total_changes)
    return;

  g_array_set_size (search->doc_len, 0);
  search->n_rows = 0;
  search->data_version = -1;

  stmt = _cb_store_prepare (self, "SELECT id, sz FROM article_fts_docsize", NULL);
  if (stmt == NULL)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const guint8 *p = sqlite3_column_blob (stmt, 1);
      const guint8 *end = p + sqlite3_column_bytes (stmt, 1);
      guint64 total = 0;
      guint64 size;

      search->n_rows++;
      if (id <= 0 || id >= MAX_ROWID_INDEX || p == NULL)
        continue;
      while (p < end && read_varint (&p, end, &size))
        total += size;
      if ((guint) id >= search->doc_len->len)
        g_array_set_size (search->doc_len, (guint) id + 1);
      g_array_index (search->doc_len, guint32, id) = (guint32) MIN (total, G_MAXUINT32);
    }
  sqlite3_reset (stmt);

  search->data_version = version;
  search->total_changes = changes;
}

/* --- auxiliary functions ---------------------------------------------------- */

static gboolean
ranked_worse (const Ranked *a,
              const Ranked *b)
{
  return a->score > b->score || (a->score == b->score && a->rowid > b->rowid);
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  return ranked_worse (a, b) ? 1 : ranked_worse (b, a) ? -1 : 0;
}

/* @best is a heap of the best @limit matches (-1: all) with the worst on
 * top: a match no better than that one costs one comparison. */
static void
keep_if_better (GArray *best,
                gint64  limit,
                double  score,
                gint64  rowid)
{
  Ranked ranked = { score, rowid };
  Ranked *heap = (Ranked *) (gpointer) best->data;
  guint n = best->len;
  guint i = 0;

  if (limit < 0 || n < (guint) limit)
    {
      g_array_append_val (best, ranked);
      heap = (Ranked *) (gpointer) best->data;
      /* Up. */
      for (i = n; i > 0 && ranked_worse (&heap[i], &heap[(i - 1) / 2]); i = (i - 1) / 2)
        {
          Ranked swap = heap[i];

          heap[i] = heap[(i - 1) / 2];
          heap[(i - 1) / 2] = swap;
        }
      return;
    }

  if (n == 0 || !ranked_worse (&heap[0], &ranked))
    return;

  /* Replace the worst, then down. */
  heap[0] = ranked;
  for (;;)
    {
      guint worst = i;
      guint left = 2 * i + 1;
      guint right = left + 1;
      Ranked swap;

      if (left < n && ranked_worse (&heap[left], &heap[worst]))
        worst = left;
      if (right < n && ranked_worse (&heap[right], &heap[worst]))
        worst = right;
      if (worst == i)
        break;
      swap = heap[i];
      heap[i] = heap[worst];
      heap[worst] = swap;
      i = worst;
    }
}

static int
compare_word_matches (gconstpointer a,
                      gconstpointer b)
{
  gint64 x = ((const WordMatch *) a)->rowid, y = ((const WordMatch *) b)->rowid;

  return x < y ? -1 : x > y;
}

static guint32
phrase_frequency (const Fts5ExtensionApi *api,
                  Fts5Context            *fts,
                  int                    *rc)
{
  Fts5PhraseIter iter;
  int column, offset;
  guint32 n = 0;

  *rc = api->xPhraseFirst (fts, 0, &iter, &column, &offset);
  for (; *rc == SQLITE_OK && column >= 0; api->xPhraseNext (fts, &iter, &column, &offset))
    n++;
  return n;
}

/* xQueryPhrase() callback: one row with the phrase. */
static int
walk_phrase_cb (const Fts5ExtensionApi *api,
                Fts5Context            *fts,
                void                   *data)
{
  PhraseWalk *walk = data;
  GatherContext *gather = walk->gather;
  WordMatch match = { api->xRowid (fts), 0, 0 };
  int rc = SQLITE_OK;

  if (walk->matches == NULL)
    {
      GArray *candidates = gather->candidates;
      guint64 bit = (guint64) match.rowid;

      if (match.rowid <= 0 || match.rowid >= MAX_ROWID_INDEX)
        {
          if (g_hash_table_add (walk->seen_beyond, g_memdup2 (&match.rowid, sizeof match.rowid)))
            walk->n_seen++;
        }
      else
        {
          if (bit / 8 >= walk->seen->len)
            g_array_set_size (walk->seen, (guint) (bit / 8) + 1 + walk->seen->len / 2);
          if ((g_array_index (walk->seen, guint8, bit / 8) & (1 << (bit % 8))) == 0)
            {
              g_array_index (walk->seen, guint8, bit / 8) |= 1 << (bit % 8);
              walk->n_seen++;
            }
        }
      /* Only the candidates need the frequency: rows come by rowid (should
       * that change, the search starts over). */
      if (match.rowid < walk->last)
        walk->next = 0;
      walk->last = match.rowid;
      while (walk->next < candidates->len
             && g_array_index (candidates, WordMatch, walk->next).rowid < match.rowid)
        walk->next++;
      if (walk->next < candidates->len
          && g_array_index (candidates, WordMatch, walk->next).rowid == match.rowid)
        walk->frequency[walk->next] += phrase_frequency (api, fts, &rc);
      return rc;
    }

  match.frequency = phrase_frequency (api, fts, &rc);
  if (rc != SQLITE_OK)
    return rc;
  if (match.rowid > 0 && match.rowid < gather->n_doc_len && gather->doc_len[match.rowid] > 0)
    match.length = gather->doc_len[match.rowid];
  else
    {
      int n = 0;

      rc = api->xColumnSize (fts, -1, &n);
      if (rc != SQLITE_OK)
        return rc;
      match.length = (guint32) MAX (n, 0);
    }

  if (walk->matches->len > 0
      && g_array_index (walk->matches, WordMatch, walk->matches->len - 1).rowid >= match.rowid)
    walk->sorted = FALSE;
  g_array_append_val (walk->matches, match);
  return SQLITE_OK;
}

/* @a and @b (by rowid) as one, the frequencies of a row in both added. */
static GArray *
merge_matches (GArray *a,
               GArray *b)
{
  GArray *merged = g_array_sized_new (FALSE, FALSE, sizeof (WordMatch), MAX (a->len, b->len));
  guint i = 0, j = 0;

  while (i < a->len || j < b->len)
    {
      WordMatch *x = i < a->len ? &g_array_index (a, WordMatch, i) : NULL;
      WordMatch *y = j < b->len ? &g_array_index (b, WordMatch, j) : NULL;

      if (y == NULL || (x != NULL && x->rowid < y->rowid))
        {
          g_array_append_val (merged, *x);
          i++;
        }
      else if (x == NULL || y->rowid < x->rowid)
        {
          g_array_append_val (merged, *y);
          j++;
        }
      else
        {
          WordMatch both = *x;

          both.frequency += y->frequency;
          g_array_append_val (merged, both);
          i++;
          j++;
        }
    }

  return merged;
}

/* The first word: its rows are the candidates. */
static int
gather_first_word (const Fts5ExtensionApi *api,
                   Fts5Context            *fts,
                   GatherContext          *gather,
                   guint                   first_phrase,
                   guint                   end_phrase)
{
  GArray *matches = NULL;
  guint32 *frequency;
  int rc = SQLITE_OK;

  for (guint p = first_phrase; p < end_phrase && rc == SQLITE_OK; p++)
    {
      PhraseWalk walk = { gather, g_array_new (FALSE, FALSE, sizeof (WordMatch)), TRUE,
                          NULL, NULL, 0, NULL, 0, G_MININT64 };

      rc = api->xQueryPhrase (fts, (int) p, &walk, walk_phrase_cb);
      if (!walk.sorted)
        g_array_sort (walk.matches, compare_word_matches);
      if (matches == NULL)
        matches = g_steal_pointer (&walk.matches);
      else
        {
          GArray *merged = merge_matches (matches, walk.matches);

          g_array_unref (matches);
          matches = merged;
        }
      g_clear_pointer (&walk.matches, g_array_unref);
    }
  if (matches == NULL)
    matches = g_array_new (FALSE, FALSE, sizeof (WordMatch));

  frequency = g_new (guint32, MAX (matches->len, 1));
  for (guint i = 0; i < matches->len; i++)
    frequency[i] = g_array_index (matches, WordMatch, i).frequency;
  gather->candidates = matches;
  g_ptr_array_add (gather->frequencies, frequency);
  gather->word_hits[0] = matches->len;
  return rc;
}

/* Another word: counted, and the candidates without it dropped. */
static int
gather_next_word (const Fts5ExtensionApi *api,
                  Fts5Context            *fts,
                  GatherContext          *gather,
                  guint                   word,
                  guint                   first_phrase,
                  guint                   end_phrase)
{
  g_autoptr(GArray) seen = g_array_new (FALSE, TRUE, sizeof (guint8));
  g_autoptr(GHashTable) seen_beyond = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint32 *frequency = g_new0 (guint32, MAX (gather->candidates->len, 1));
  GArray *candidates = gather->candidates;
  gint64 n_seen = 0;
  guint kept = 0;
  int rc = SQLITE_OK;

  g_array_set_size (seen, gather->n_doc_len / 8 + 1);
  g_ptr_array_add (gather->frequencies, frequency);
  for (guint p = first_phrase; p < end_phrase && rc == SQLITE_OK; p++)
    {
      PhraseWalk walk = { gather, NULL, TRUE, seen, seen_beyond, 0, frequency, 0, G_MININT64 };

      rc = api->xQueryPhrase (fts, (int) p, &walk, walk_phrase_cb);
      n_seen += walk.n_seen;
    }
  gather->word_hits[word] = n_seen;

  /* Keep the candidates this word is in, with their frequencies. */
  for (guint i = 0; i < candidates->len; i++)
    {
      if (frequency[i] == 0)
        continue;
      g_array_index (candidates, WordMatch, kept) = g_array_index (candidates, WordMatch, i);
      for (guint w = 0; w <= word; w++)
        ((guint32 *) g_ptr_array_index (gather->frequencies, w))[kept] =
          ((guint32 *) g_ptr_array_index (gather->frequencies, w))[i];
      kept++;
    }
  g_array_set_size (candidates, kept);
  return rc;
}

/* cb_search_gather(article_fts, CONTEXT), called once: every row of each
 * phrase of the query on its own, through xQueryPhrase() (no SQL row, no
 * AND or OR of FTS5 for each).  The first word's rows are the candidates;
 * the other words are counted, and give their frequency for the
 * candidates only. */
static void
cb_search_gather (const Fts5ExtensionApi  *api,
                  Fts5Context             *fts,
                  sqlite3_context         *context,
                  int                      n_values,
                  sqlite3_value          **values)
{
  GatherContext *gather = n_values == 1 ? sqlite3_value_pointer (values[0], GATHER_POINTER) : NULL;
  guint first_phrase = 0;
  int rc;

  if (gather == NULL || (guint) api->xPhraseCount (fts) != gather->n_phrases)
    {
      sqlite3_result_error (context, "cb_search_gather: wrong arguments", -1);
      return;
    }
  if (gather->done)
    return;
  gather->done = TRUE;

  rc = api->xRowCount (fts, &gather->rows);
  if (rc == SQLITE_OK)
    rc = api->xColumnTotalSize (fts, -1, &gather->tokens);

  for (guint w = 0; w < gather->n_words && rc == SQLITE_OK; w++)
    {
      guint end_phrase = first_phrase;

      while (end_phrase < gather->n_phrases && gather->phrase_word[end_phrase] == w)
        end_phrase++;
      if (w == 0)
        rc = gather_first_word (api, fts, gather, first_phrase, end_phrase);
      else
        rc = gather_next_word (api, fts, gather, w, first_phrase, end_phrase);
      first_phrase = end_phrase;
      /* No article has the words so far: none has them all. */
      if (gather->candidates->len == 0)
        break;
    }

  if (rc != SQLITE_OK)
    sqlite3_result_error_code (context, rc);
  else
    sqlite3_result_int (context, 1);
}

/* --- setting up a connection ------------------------------------------------ */

static gboolean
search_setup (CbStore  *self,
              GError  **error)
{
  g_autoptr(CbStoreSearch) search = NULL;
  const char *args[] = { "remove_diacritics", "2" };
  sqlite3_stmt *stmt = NULL;
  void *tokenizer_data = NULL;
  int rc;

  if (self->search != NULL)
    return TRUE;

  search = g_new0 (CbStoreSearch, 1);
  search->doc_len = g_array_new (FALSE, TRUE, sizeof (guint32));
  search->data_version = -1;

  rc = sqlite3_prepare_v2 (self->db, "SELECT fts5(?1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, &search->api, "fts5_api_ptr", NULL);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_ROW ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_OK && (search->api == NULL || search->api->iVersion < 2))
    rc = SQLITE_ERROR;

  /* The tokenizer of article_fts (cb-store-migrations.c): the same words
   * as the index holds. */
  if (rc == SQLITE_OK)
    rc = search->api->xFindTokenizer (search->api, "unicode61", &tokenizer_data, &search->tokenizer);
  if (rc == SQLITE_OK)
    rc = search->tokenizer.xCreate (tokenizer_data, args, G_N_ELEMENTS (args),
                                    &search->tokenizer_instance);
  if (rc == SQLITE_OK)
    rc = search->api->xCreateFunction (search->api, "cb_search_gather", NULL, cb_search_gather, NULL);
  /* The index's terms, in order; a temporary table, nothing is written to
   * the database. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db,
                       "CREATE VIRTUAL TABLE IF NOT EXISTS temp.cb_search_vocab"
                       " USING fts5vocab (main, article_fts, instance)",
                       NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _cb_store_set_error (self->db, rc, _("Could not search the articles"), error);
      return FALSE;
    }

  self->search = g_steal_pointer (&search);
  return TRUE;
}

void
_cb_store_search_free (CbStoreSearch *search)
{
  if (search == NULL)
    return;
  if (search->tokenizer_instance != NULL)
    search->tokenizer.xDelete (search->tokenizer_instance);
  g_clear_pointer (&search->doc_len, g_array_unref);
  g_free (search);
}

/* --- searching -------------------------------------------------------------- */

/* The rowids of the best @limit matches (all for -1), best first, by the
 * bm25() of "word1"* AND "word2"* …, @match.  Each word's articles are
 * gathered on their own, with the number of them that its IDF needs, and
 * the articles that have every word are scored here. */
static GArray *
rank_matches (CbStore     *self,
              GPtrArray   *words,
              const char  *match,
              gint64       limit,
              GError     **error)
{
  g_autoptr(GPtrArray) frequencies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) best = g_array_new (FALSE, FALSE, sizeof (Ranked));
  g_autoptr(GArray) candidates = NULL;
  g_autofree guint *phrase_word = NULL;
  g_autofree double *idf = g_new0 (double, words->len);
  g_autofree gint64 *word_hits = g_new0 (gint64, words->len);
  GatherContext gather = { 0 };
  guint n_phrases = 0;
  sqlite3_stmt *stmt;
  double avgdl;
  int rc;

  for (guint w = 0; w < words->len; w++)
    {
      SearchWord *word = g_ptr_array_index (words, w);

      n_phrases += word->terms != NULL ? word->terms->len : 1;
    }
  /* FTS5 numbers the phrases as they come in the query. */
  phrase_word = g_new0 (guint, n_phrases);
  for (guint w = 0, p = 0; w < words->len; w++)
    {
      SearchWord *word = g_ptr_array_index (words, w);
      guint n = word->terms != NULL ? word->terms->len : 1;

      for (guint i = 0; i < n; i++)
        phrase_word[p++] = w;
    }

  gather.n_words = words->len;
  gather.n_phrases = n_phrases;
  gather.phrase_word = phrase_word;
  gather.doc_len = (const guint32 *) (gpointer) self->search->doc_len->data;
  gather.n_doc_len = self->search->doc_len->len;
  gather.frequencies = frequencies;
  gather.word_hits = word_hits;

  /* On the first row with every word, if there is one. */
  stmt = _cb_store_prepare (self,
                            "SELECT cb_search_gather (article_fts, ?2) FROM article_fts"
                            " WHERE article_fts MATCH ?1 LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;
  _cb_store_bind_text (stmt, 1, match);
  sqlite3_bind_pointer (stmt, 2, &gather, GATHER_POINTER, NULL);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  candidates = gather.candidates;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _cb_store_set_error (self->db, rc, _("Could not search the articles"), error);
      return NULL;
    }
  if (candidates == NULL || frequencies->len != words->len)
    return g_steal_pointer (&rowids);

  /* bm25()'s numbers: the mean length, and each word's IDF from the number
   * of articles that have it (in half of them or more: a small constant).
   * One word: the same factor for every match, it cannot change the order. */
  avgdl = gather.rows > 0 ? (double) gather.tokens / (double) gather.rows : 1.0;
  for (guint w = 0; w < words->len; w++)
    {
      double hits = (double) word_hits[w];

      idf[w] = words->len == 1 ? 1.0 : log (((double) gather.rows - hits + 0.5) / (hits + 0.5));
      if (idf[w] <= 0.0)
        idf[w] = 1e-6;
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      const WordMatch *candidate = &g_array_index (candidates, WordMatch, i);
      double length = candidate->length;
      double score = 0;

      /* As bm25(): the words in query order. */
      for (guint w = 0; w < words->len; w++)
        {
          double frequency = ((guint32 *) g_ptr_array_index (frequencies, w))[i];

          score += idf[w] * ((frequency * (BM25_K1 + 1.0))
                             / (frequency + BM25_K1 * (1 - BM25_B + BM25_B * length / avgdl)));
        }
      keep_if_better (best, limit, -1.0 * score, candidate->rowid);
    }

  g_array_sort (best, compare_ranked);
  for (guint i = 0; i < best->len; i++)
    g_array_append_val (rowids, g_array_index (best, Ranked, i).rowid);

  return g_steal_pointer (&rowids);
}

typedef struct
{
  GArray  *tokens;     /* CbSearchToken, .folded an offset into @folded until done */
  GString *folded;
} TokenSink;

static int
collect_column_token_cb (void       *data,
                         int         flags,
                         const char *token,
                         int         n_token,
                         int         start,
                         int         end)
{
  TokenSink *sink = data;
  CbSearchToken t = { start, end, GSIZE_TO_POINTER (sink->folded->len), n_token };

  if ((flags & FTS5_TOKEN_COLOCATED) != 0)
    return SQLITE_OK;
  g_string_append_len (sink->folded, token, n_token);
  g_array_append_val (sink->tokens, t);
  return SQLITE_OK;
}

/* @text's tokens as the index has them; NULL on a tokenizer error. */
static GArray *
tokenize_column (CbStoreSearch *search,
                 const char    *text,
                 int            n_text,
                 GString       *folded)
{
  TokenSink sink = { g_array_new (FALSE, FALSE, sizeof (CbSearchToken)), folded };
  int rc = SQLITE_OK;

  g_string_truncate (folded, 0);
  if (n_text > 0)
    rc = search->tokenizer.xTokenize (search->tokenizer_instance, &sink, FTS5_TOKENIZE_DOCUMENT,
                                      text, n_text, collect_column_token_cb);
  if (rc != SQLITE_OK)
    {
      g_array_unref (sink.tokens);
      return NULL;
    }
  for (guint i = 0; i < sink.tokens->len; i++)
    {
      CbSearchToken *t = &g_array_index (sink.tokens, CbSearchToken, i);

      t->folded = folded->str + GPOINTER_TO_SIZE (t->folded);
    }
  return sink.tokens;
}

/* The hit of article @id: its title, the snippet and the first match in
 * the body, from the article's row (no MATCH query: see
 * cb-search-snippet.c).  NULL with no error when the article is gone. */
static CbSearchHit *
make_hit (CbStore     *self,
          GPtrArray   *words,
          gint64       id,
          GError     **error)
{
  g_autofree CbSearchPhrase *phrases = g_new0 (CbSearchPhrase, words->len);
  g_autoptr(GString) title_folded = g_string_new (NULL);
  g_autoptr(GString) body_folded = g_string_new (NULL);
  g_autoptr(GArray) title_tokens = NULL;
  g_autoptr(GArray) body_tokens = NULL;
  g_autofree char *snippet = NULL;
  CbSearchColumn columns[2];
  CbSearchHit *hit;
  sqlite3_stmt *stmt;
  int match_start = -1;
  int match_end = -1;
  int rc;

  stmt = _cb_store_prepare (self, "SELECT title, body FROM article WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        _cb_store_set_error (self->db, rc, _("Could not search the articles"), error);
      return NULL;
    }

  /* The columns of article_fts: title, body. */
  columns[0].text = CB_COLUMN_TEXT (stmt, 0);
  columns[0].n_text = sqlite3_column_bytes (stmt, 0);
  columns[1].text = CB_COLUMN_TEXT (stmt, 1);
  columns[1].n_text = sqlite3_column_bytes (stmt, 1);
  if (columns[0].text == NULL)
    columns[0].text = "";
  if (columns[1].text == NULL)
    columns[1].text = "";
  title_tokens = tokenize_column (self->search, columns[0].text, columns[0].n_text, title_folded);
  body_tokens = tokenize_column (self->search, columns[1].text, columns[1].n_text, body_folded);
  if (title_tokens == NULL || body_tokens == NULL)
    {
      sqlite3_reset (stmt);
      _cb_store_set_error (self->db, SQLITE_ERROR, _("Could not search the articles"), error);
      return NULL;
    }
  columns[0].tokens = (const CbSearchToken *) (gpointer) title_tokens->data;
  columns[0].n_tokens = title_tokens->len;
  columns[1].tokens = (const CbSearchToken *) (gpointer) body_tokens->data;
  columns[1].n_tokens = body_tokens->len;

  for (guint w = 0; w < words->len; w++)
    phrases[w] = (CbSearchPhrase) ((SearchWord *) g_ptr_array_index (words, w))->tokens->pdata;

  snippet = cb_search_snippet (columns, G_N_ELEMENTS (columns), phrases, words->len,
                               CB_SEARCH_MATCH_START, CB_SEARCH_MATCH_END, "…", 16,
                               1, &match_start, &match_end);
  hit = cb_search_hit_new_full (id, columns[0].text, snippet, match_start, match_end);
  sqlite3_reset (stmt);

  return hit;
}

static GPtrArray *
search_in_snapshot (CbStore     *self,
                    const char  *query,
                    guint        limit,
                    GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) words = split_words (query);
  g_autoptr(GArray) rowids = NULL;
  g_autofree char *match = NULL;

  if (words->len == 0)
    return g_steal_pointer (&hits);

  for (guint w = 0; w < words->len; w++)
    {
      SearchWord *word = g_ptr_array_index (words, w);

      if (!find_terms (self, word, error))
        return NULL;
      /* A word in no article: nothing has them all. */
      if (word->terms != NULL && word->terms->len == 0)
        return g_steal_pointer (&hits);
    }

  refresh_doc_lengths (self);
  match = build_match (words);
  rowids = rank_matches (self, words, match, limit > 0 ? (gint64) limit : -1, error);
  if (rowids == NULL)
    return NULL;
  if (rowids->len == 0)
    return g_steal_pointer (&hits);

  for (guint i = 0; i < rowids->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      CbSearchHit *hit = make_hit (self, words, g_array_index (rowids, gint64, i), &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (hit != NULL)
        g_ptr_array_add (hits, hit);
    }

  return g_steal_pointer (&hits);
}

GPtrArray *
cb_store_search (CbStore     *self,
                 const char  *query,
                 guint        limit,
                 GError     **error)
{
  GPtrArray *hits;
  GError *local_error = NULL;

  g_return_val_if_fail (CB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!search_setup (self, error))
    return NULL;

  /* One read transaction: the ranking, the lengths and the hits see the
   * same articles even while another connection imports. */
  if (!_cb_store_exec (self->db, "SAVEPOINT cb_search", error))
    return NULL;
  hits = search_in_snapshot (self, query, limit, &local_error);
  if (hits == NULL)
    _cb_store_exec (self->db, "ROLLBACK TO cb_search", NULL);
  _cb_store_exec (self->db, "RELEASE cb_search", NULL);

  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return hits;
}
