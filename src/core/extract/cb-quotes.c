/* cb-quotes.c — quoted speech and who said it
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Quotation regions come from the shared scanner (straight and curly marks,
 * quotations running over paragraphs).  A region is direct speech when a verb
 * of saying attributes it — after it ("…," she said / said Doe / Doe, a
 * lawyer, said), before it (Doe said: "…" / Doe said the ruling was "…") or
 * through "according to" — or when it is a whole sentence of its own, which
 * then continues the previous speaker (split quotes, quote paragraphs).
 * Quoted words inside a sentence without attribution (scare quotes, titles)
 * are not speech.
 */

#include "config.h"

#include <string.h>

#include "cb-quotes.h"
#include "cb-persons.h"
#include "cb-scan-private.h"

void
cb_quote_free (CbQuote *quote)
{
  if (quote == NULL)
    return;
  g_free (quote->text);
  g_free (quote);
}

static gboolean
is_sentence_end (CbScan *scan,
                 guint   i)
{
  const CbTok *t = &scan->toks[i];

  return t->kind == CB_TOK_PUNCT && (t->ch == '.' || t->ch == '!' || t->ch == '?');
}

/* Words that may follow a verb of saying in an attribution after a quotation:
 * "she said in a statement", "he told reporters", "said Doe". */
static gboolean
attribution_tail_ok (CbScan *scan,
                     guint   verb,
                     guint   para)
{
  static const char *ok[] = {
    "in", "on", "at", "to", "during", "after", "before", "today", "yesterday",
    "this", "last", "of", "about", "while", "as", "when", "via", "from", "with",
    "later", "earlier", "then", "recently", "afterwards", "again", "once", "by",
    "through", "outside", "inside", "under", "over", "now", "repeatedly",
    "quietly", "simply", "firmly", "softly", "bluntly", "flatly", "tearfully",
    "reporters", "journalists", "told", "and", "but", "adding", "noting",
    "explaining", "referring", "according", "for", "following", "shortly",
    NULL
  };
  guint n = verb + 1;

  if (n >= scan->n_toks || scan->toks[n].para != para)
    return TRUE;
  if (scan->toks[n].kind == CB_TOK_PUNCT)
    return TRUE;
  if (scan->toks[n].person >= 0 || (scan->toks[n].flags & CB_TOK_CAP))
    return TRUE;
  if (cb_tok_in (scan, n, CB_WORDS_WEEKDAY) || cb_tok_in (scan, n, CB_WORDS_MONTH))
    return TRUE;
  if ((cb_tok_is (scan, verb, "told") || cb_tok_is (scan, verb, "tells")
       || cb_tok_is (scan, verb, "asked") || cb_tok_is (scan, verb, "wrote")
       || cb_tok_is (scan, verb, "tweeted") || cb_tok_is (scan, verb, "posted"))
      && (cb_tok_is (scan, n, "the") || cb_tok_is (scan, n, "a") || cb_tok_is (scan, n, "an")
          || cb_tok_is (scan, n, "his") || cb_tok_is (scan, n, "her")
          || cb_tok_is (scan, n, "their") || cb_tok_is (scan, n, "him")
          || cb_tok_is (scan, n, "them") || cb_tok_is (scan, n, "us")
          || cb_tok_is (scan, n, "me")))
    return TRUE;
  for (guint k = 0; ok[k]; k++)
    if (cb_tok_is (scan, n, ok[k]))
      return TRUE;
  return FALSE;
}

/* The person a stretch [from, to) names outside quotations: the first
 * name or resolved pronoun; -1 when none. */
static int
first_person_in (CbScan *scan,
                 guint   from,
                 guint   to)
{
  for (guint i = from; i < to && i < scan->n_toks; i++)
    if (scan->toks[i].quote < 0 && scan->toks[i].person >= 0)
      return scan->toks[i].person;
  return -1;
}

/* Attribution after the closing mark.  Returns TRUE when found. */
static gboolean
attribution_after (CbScan              *scan,
                   const CbQuoteRegion *r,
                   int                 *speaker)
{
  guint para, i, v = G_MAXUINT;
  gboolean content_ends_stop;

  if (!r->closed || r->close_tok + 1 >= scan->n_toks)
    return FALSE;
  para = scan->toks[r->close_tok].para;
  i = r->close_tok + 1;
  content_ends_stop = r->close_tok > r->open_tok + 1 && is_sentence_end (scan, r->close_tok - 1);
  while (i < scan->n_toks && scan->toks[i].kind == CB_TOK_PUNCT
         && (scan->toks[i].ch == ',' || scan->toks[i].ch == 0x2014 || scan->toks[i].ch == '-'))
    {
      content_ends_stop = FALSE;
      i++;
    }
  if (i >= scan->n_toks || scan->toks[i].para != para || scan->toks[i].quote >= 0)
    return FALSE;

  /* "according to Doe", unless it opens the next sentence */
  if (cb_tok_is (scan, i, "according") && cb_tok_is (scan, i + 1, "to")
      && !(content_ends_stop && (scan->toks[i].flags & CB_TOK_CAP)))
    {
      *speaker = first_person_in (scan, i + 2, MIN (i + 8, scan->n_toks));
      return TRUE;
    }

  /* The verb: right here ("said Doe") or after a subject of a few words. */
  for (guint k = i; k < i + 14 && k < scan->n_toks; k++)
    {
      const CbTok *t = &scan->toks[k];

      if (t->para != para || t->quote >= 0 || is_sentence_end (scan, k) || t->ch == ';')
        break;
      if (cb_tok_in (scan, k, CB_WORDS_SPEECH_VERB) && t->person < 0)
        {
          v = k;
          break;
        }
    }
  if (v == G_MAXUINT)
    return FALSE;
  if (!attribution_tail_ok (scan, v, para))
    return FALSE;
  /* A quotation ending a sentence followed by "Doe added that …" is a new
   * sentence, not an attribution. */
  if (content_ends_stop && cb_tok_is (scan, v + 1, "that"))
    return FALSE;

  if (v == i)
    {
      /* Inverted: "said Doe", "said the lawyer". */
      guint to = v + 1;

      while (to < scan->n_toks && to < v + 10 && scan->toks[to].para == para
             && scan->toks[to].kind != CB_TOK_PUNCT)
        to++;
      *speaker = first_person_in (scan, v + 1, to);
    }
  else
    {
      /* The subject before the verb must look like a subject: no more than
       * two words unless an apposition or a name is there. */
      *speaker = first_person_in (scan, i, v);
      if (*speaker < 0 && v - i > 5 && !cb_tok_is_punct (scan, v - 1, ','))
        return FALSE;
    }
  return TRUE;
}

/* Attribution before the opening mark: a verb of saying earlier in the same
 * sentence ("Doe said:", "Doe told the court that the sentence was "…""). */
static gboolean
attribution_before (CbScan              *scan,
                    const CbQuoteRegion *r,
                    int                 *speaker)
{
  guint o = r->open_tok;
  guint sent = scan->toks[o].sent, para = scan->toks[o].para;
  guint start = o, v = G_MAXUINT;

  /* The sentence start, not crossing another quotation. */
  while (start > 0 && scan->toks[start - 1].sent == sent && scan->toks[start - 1].para == para
         && scan->toks[start - 1].quote < 0)
    start--;

  for (guint k = o; k > start && k + 16 > o; k--)
    {
      guint j = k - 1;

      if (cb_tok_is (scan, j, "according") && cb_tok_is (scan, j + 1, "to"))
        {
          *speaker = first_person_in (scan, j + 2, o);
          return TRUE;
        }
      if (cb_tok_in (scan, j, CB_WORDS_SPEECH_VERB) && scan->toks[j].person < 0)
        {
          v = j;
          break;
        }
    }
  if (v == G_MAXUINT)
    return FALSE;
  *speaker = first_person_in (scan, start, v);
  if (*speaker < 0)
    *speaker = first_person_in (scan, v + 1, o);
  return TRUE;
}

/* Does the quotation stand as a sentence of its own? */
static gboolean
is_standalone (CbScan              *scan,
               const CbQuoteRegion *r)
{
  guint o = r->open_tok;
  const CbTok *prev;

  if (o == 0 || scan->toks[o].newline || scan->toks[o - 1].para != scan->toks[o].para)
    return TRUE;
  prev = &scan->toks[o - 1];
  if (prev->kind == CB_TOK_PUNCT
      && (prev->ch == '.' || prev->ch == '!' || prev->ch == '?' || prev->ch == ':'
          || (prev->flags & CB_TOK_QUOTE_CLOSE)))
    return TRUE;
  return FALSE;
}

static char *
quote_text (CbScan              *scan,
            const CbQuoteRegion *r,
            guint               *start,
            guint               *end)
{
  const char *text = scan->text;
  guint s = r->start, e = r->end;
  GString *out;

  while (s < e && g_ascii_isspace (text[s]))
    s++;
  while (e > s && g_ascii_isspace (text[e - 1]))
    e--;
  *start = s;
  *end = e;

  /* Drop the opening marks of continued paragraphs. */
  out = g_string_sized_new (e - s);
  for (guint i = r->open_tok + 1; i < r->close_tok && i < scan->n_toks; i++)
    {
      const CbTok *t = &scan->toks[i];

      if (t->start < s || t->end > e)
        continue;
      if (t->flags & CB_TOK_QUOTE_OPEN)
        continue;
      if (out->len > 0 && !(t->flags & CB_TOK_GLUED))
        g_string_append_c (out, t->newline ? '\n' : ' ');
      g_string_append_len (out, text + t->start, t->end - t->start);
    }
  return g_string_free (out, FALSE);
}

GPtrArray *
_cb_find_quotes_in_scan (CbScan    *scan,
                         GPtrArray *persons)
{
  GPtrArray *quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_quote_free);
  int last_speaker = -1;
  guint last_para = 0, last_close = 0;
  gboolean have_last = FALSE;

  cb_scan_reset_persons (scan);
  cb_scan_mark_persons (scan, persons);
  cb_scan_resolve_pronouns (scan, persons, NULL);

  for (guint q = 0; q < scan->quotes->len; q++)
    {
      const CbQuoteRegion *r = &g_array_index (scan->quotes, CbQuoteRegion, q);
      guint words = 0;
      int speaker = -1;
      gboolean attributed = FALSE, standalone, first_cap = FALSE;
      CbQuote *quote;
      guint start, end;

      for (guint i = r->open_tok + 1; i < r->close_tok && i < scan->n_toks; i++)
        if (scan->toks[i].kind != CB_TOK_PUNCT)
          {
            if (words == 0)
              first_cap = (scan->toks[i].flags & CB_TOK_LOWER) == 0;
            words++;
          }
      if (words == 0)
        continue;

      standalone = is_standalone (scan, r);
      /* Words quoted inside a sentence ("lasted "less than an hour", the …")
       * take no attribution from what follows them. */
      /* "Doe said: \"…\"" names the speaker before the colon. */
      if (cb_tok_is_punct (scan, r->open_tok - 1, ':'))
        attributed = attribution_before (scan, r, &speaker);
      if (!attributed
          && (standalone || (r->open_tok > 0 && scan->toks[r->open_tok - 1].kind == CB_TOK_PUNCT)))
        attributed = attribution_after (scan, r, &speaker);
      if (!attributed)
        attributed = attribution_before (scan, r, &speaker);

      if (!attributed)
        {
          if (!standalone || !first_cap)
            continue;   /* words in quotation marks inside a sentence */
          /* A quotation sentence of its own: the previous speaker goes on
           * when nobody else was named in between. */
          if (have_last && last_speaker >= 0 && scan->toks[r->open_tok].para <= last_para + 1)
            {
              gboolean other = FALSE;

              for (guint i = last_close; i < r->open_tok; i++)
                if (scan->toks[i].quote < 0 && scan->toks[i].person >= 0
                    && scan->toks[i].person != last_speaker)
                  other = TRUE;
              if (!other)
                speaker = last_speaker;
            }
          if (speaker < 0 && words <= 3)
            continue;
        }
      else if (speaker < 0 && words <= 3 && !standalone)
        continue;

      quote = g_new0 (CbQuote, 1);
      quote->text = quote_text (scan, r, &start, &end);
      quote->span.start = start;
      quote->span.end = end;
      quote->speaker = speaker;
      g_ptr_array_add (quotes, quote);

      have_last = TRUE;
      last_speaker = speaker;
      last_para = scan->toks[MIN (r->close_tok, scan->n_toks - 1)].para;
      last_close = MIN (r->close_tok + 1, scan->n_toks);
    }

  return quotes;
}

GPtrArray *
cb_find_quotes (const char *text,
                GPtrArray  *persons)
{
  CbScan *scan;
  GPtrArray *quotes;

  g_return_val_if_fail (text != NULL, g_ptr_array_new_with_free_func ((GDestroyNotify) cb_quote_free));

  scan = cb_scan_new (text);
  quotes = _cb_find_quotes_in_scan (scan, persons);
  cb_scan_free (scan);
  return quotes;
}
