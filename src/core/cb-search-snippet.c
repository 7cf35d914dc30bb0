/* cb-search-snippet.c — the snippet and the first match of a search hit
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * FTS5's snippet() and highlight() need the row positioned by a MATCH
 * query, and a MATCH query for one row costs a seek in every segment of
 * the index for every term: most of a search's time once the ranking is
 * cheap.  The hits' rows are read directly instead, and this file makes
 * from their tokens the snippet FTS5 would: the same scoring of windows
 * (1000 for each query word seen, 1 for each repeat, 100 more for a window
 * that starts a sentence, 120 for the start of the text), the same
 * centring, cuts and markers.  tests/test-search-rank.c compares the two.
 */
#include "config.h"

#include <string.h>

#include "cb-search-snippet.h"

/* Where a query word matches: FTS5's "phrase instance". */
typedef struct
{
  guint column;
  int   position;   /* token number in the column */
  guint phrase;
  int   size;       /* tokens */
} Instance;

static gboolean
phrase_matches_at (const CbSearchColumn *column,
                   guint                 position,
                   CbSearchPhrase        phrase,
                   int                  *size)
{
  guint n = 0;

  /* Most tokens differ in the first byte. */
  if (phrase[0] == NULL || position >= column->n_tokens
      || column->tokens[position].n_folded == 0
      || column->tokens[position].folded[0] != phrase[0][0])
    return FALSE;
  while (phrase[n] != NULL)
    n++;
  if (n == 0 || position + n > column->n_tokens)
    return FALSE;

  for (guint k = 0; k < n; k++)
    {
      const CbSearchToken *token = &column->tokens[position + k];
      size_t length = strlen (phrase[k]);

      /* All but the last whole, the last as a prefix. */
      if ((size_t) token->n_folded < length
          || (k + 1 < n && (size_t) token->n_folded != length)
          || memcmp (token->folded, phrase[k], length) != 0)
        return FALSE;
    }

  *size = (int) n;
  return TRUE;
}

/* Every instance, by column, then position, then phrase: xInst()'s order. */
static GArray *
find_instances (const CbSearchColumn *columns,
                guint                 n_columns,
                const CbSearchPhrase *phrases,
                guint                 n_phrases)
{
  GArray *instances = g_array_new (FALSE, FALSE, sizeof (Instance));

  for (guint c = 0; c < n_columns; c++)
    for (guint t = 0; t < columns[c].n_tokens; t++)
      for (guint p = 0; p < n_phrases; p++)
        {
          Instance instance = { c, (int) t, p, 0 };

          if (phrase_matches_at (&columns[c], t, phrases[p], &instance.size))
            g_array_append_val (instances, instance);
        }

  return instances;
}

/* The tokens that begin a sentence: the first, and each after a '.' or
 * ':' and white space. */
static GArray *
find_sentences (const CbSearchColumn *column)
{
  GArray *firsts = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint t = 0; t < column->n_tokens; t++)
    {
      int start = column->tokens[t].start;
      int i;
      char c = 0;

      if (t == 0)
        {
          g_array_append_val (firsts, t);
          continue;
        }
      for (i = start - 1; i >= 0; i--)
        {
          c = column->text[i];
          if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        }
      if (i != start - 1 && (c == '.' || c == ':'))
        {
          int first = (int) t;

          g_array_append_val (firsts, first);
        }
    }

  return firsts;
}

/* The score of the window of @max_tokens from @position in @column, and
 * (when @adjusted is not NULL) where to start it to centre its matches. */
static int
score_window (GArray  *instances,
              guint    n_phrases,
              guint    column,
              int      position,
              int      max_tokens,
              int      column_size,
              int     *adjusted)
{
  g_autofree gboolean *seen = g_new0 (gboolean, MAX (n_phrases, 1));
  gint64 end = (gint64) position + max_tokens;
  int score = 0;
  int first = -1;
  int last = 0;

  for (guint i = 0; i < instances->len; i++)
    {
      Instance *instance = &g_array_index (instances, Instance, i);

      if (instance->column != column || instance->position < position || instance->position >= end)
        continue;
      score += seen[instance->phrase] ? 1 : 1000;
      seen[instance->phrase] = TRUE;
      if (first < 0)
        first = instance->position;
      last = instance->position + instance->size;
    }

  if (adjusted != NULL)
    {
      gint64 start = first - (max_tokens - (last - first)) / 2;

      if (start + max_tokens > column_size)
        start = column_size - max_tokens;
      if (start < 0)
        start = 0;
      *adjusted = (int) start;
    }

  return score;
}

/* Coalesced runs of instances in one column: FTS5's CInstIter. */
typedef struct
{
  GArray *instances;
  guint   column;
  guint   next;
  int     start;     /* token numbers, -1 at the end */
  int     end;
} Runs;

static void
runs_next (Runs *runs)
{
  runs->start = -1;
  runs->end = -1;
  while (runs->next < runs->instances->len)
    {
      Instance *instance = &g_array_index (runs->instances, Instance, runs->next);

      if (instance->column == runs->column)
        {
          int end = instance->position - 1 + instance->size;

          if (runs->start < 0)
            {
              runs->start = instance->position;
              runs->end = end;
            }
          else if (instance->position <= runs->end)
            runs->end = MAX (runs->end, end);
          else
            break;
        }
      runs->next++;
    }
}

static void
runs_init (Runs   *runs,
           GArray *instances,
           guint   column)
{
  runs->instances = instances;
  runs->column = column;
  runs->next = 0;
  runs_next (runs);
}

/* FTS5's highlight callback over tokens [range_start, range_end] of
 * @column (range_end -1: all of it). */
static void
highlight (GString              *out,
           const CbSearchColumn *column,
           Runs                 *runs,
           int                   range_start,
           int                   range_end,
           const char           *open,
           const char           *close)
{
  gboolean is_open = FALSE;
  int offset = 0;

  for (guint t = 0; t < column->n_tokens; t++)
    {
      const CbSearchToken *token = &column->tokens[t];
      int position = (int) t;

      if (range_end >= 0)
        {
          if (position < range_start || position > range_end)
            continue;
          if (range_start > 0 && position == range_start)
            offset = token->start;
        }

      if (is_open && (position <= runs->start || runs->start < 0) && token->start > offset)
        {
          g_string_append (out, close);
          is_open = FALSE;
        }

      if (position == runs->start && !is_open)
        {
          g_string_append_len (out, column->text + offset, token->start - offset);
          g_string_append (out, open);
          offset = token->start;
          is_open = TRUE;
        }

      if (position == runs->end)
        {
          if (!is_open)
            {
              g_string_append (out, open);
              is_open = TRUE;
            }
          g_string_append_len (out, column->text + offset, token->end - offset);
          offset = token->end;
          runs_next (runs);
        }

      if (position == range_end)
        {
          if (is_open)
            {
              if (runs->start >= 0 && position >= runs->start)
                {
                  g_string_append_len (out, column->text + offset, token->end - offset);
                  offset = token->end;
                }
              g_string_append (out, close);
              is_open = FALSE;
            }
          g_string_append_len (out, column->text + offset, token->end - offset);
          offset = token->end;
        }
    }

  if (is_open)
    g_string_append (out, close);
  /* What follows the last token: the rest when the window reaches the end. */
  if (range_end < 0 || range_end >= (int) column->n_tokens - 1)
    g_string_append_len (out, column->text + offset, column->n_text - offset);
}

char *
cb_search_snippet (const CbSearchColumn *columns,
                   guint                 n_columns,
                   const CbSearchPhrase *phrases,
                   guint                 n_phrases,
                   const char           *open,
                   const char           *close,
                   const char           *ellipsis,
                   int                   max_tokens,
                   guint                 match_column,
                   int                  *match_start,
                   int                  *match_end)
{
  g_autoptr(GArray) instances = find_instances (columns, n_columns, phrases, n_phrases);
  GString *out = g_string_new (NULL);
  guint best_column = 0;
  int best_start = 0;
  int best_score = 0;
  Runs runs;

  g_return_val_if_fail (n_columns > 0, NULL);

  /* The best window: for each instance, the window centred on it and the
   * one from the start of its sentence. */
  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(GArray) sentences = find_sentences (&columns[c]);
      int size = (int) columns[c].n_tokens;

      for (guint i = 0; i < instances->len; i++)
        {
          Instance *instance = &g_array_index (instances, Instance, i);
          int adjusted = 0;
          int score;
          guint s;

          if (instance->column != c)
            continue;
          score = score_window (instances, n_phrases, c, instance->position, max_tokens, size, &adjusted);
          if (score > best_score)
            {
              best_score = score;
              best_column = c;
              best_start = adjusted;
            }

          if (sentences->len == 0 || size <= max_tokens)
            continue;
          for (s = 0; s + 1 < sentences->len; s++)
            if (g_array_index (sentences, int, s + 1) > instance->position)
              break;
          if (g_array_index (sentences, int, s) < instance->position)
            {
              int first = g_array_index (sentences, int, s);

              score = score_window (instances, n_phrases, c, first, max_tokens, size, NULL);
              score += first == 0 ? 120 : 100;
              if (score > best_score)
                {
                  best_score = score;
                  best_column = c;
                  best_start = first;
                }
            }
        }
    }

  if (best_start > 0)
    g_string_append (out, ellipsis);
  runs_init (&runs, instances, best_column);
  while (runs.start >= 0 && runs.start < best_start)
    runs_next (&runs);
  highlight (out, &columns[best_column], &runs, best_start, best_start + max_tokens - 1, open, close);
  if (best_start + max_tokens - 1 < (int) columns[best_column].n_tokens - 1)
    g_string_append (out, ellipsis);

  /* highlight() of the whole column: its first run. */
  *match_start = -1;
  *match_end = -1;
  if (match_column < n_columns)
    {
      const CbSearchColumn *column = &columns[match_column];

      runs_init (&runs, instances, match_column);
      if (runs.start >= 0 && runs.end >= runs.start && (guint) runs.end < column->n_tokens)
        {
          *match_start = (int) g_utf8_pointer_to_offset (column->text,
                                                         column->text + column->tokens[runs.start].start);
          *match_end = (int) g_utf8_pointer_to_offset (column->text,
                                                       column->text + column->tokens[runs.end].end);
        }
    }

  return g_string_free (out, FALSE);
}
