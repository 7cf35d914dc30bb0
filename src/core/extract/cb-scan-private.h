/* cb-scan-private.h — tokens, quotation regions and word lists shared by
 * the person, quote and event extractors
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <string.h>

#include "cb-persons.h"

G_BEGIN_DECLS

typedef enum
{
  CB_TOK_WORD = 0,     /* letters, digits, inner apostrophes and hyphens */
  CB_TOK_NUMBER,       /* a word that starts with a digit */
  CB_TOK_PUNCT,        /* one character of anything else */
} CbTokKind;

typedef enum
{
  CB_TOK_CAP        = 1 << 0,  /* starts with an upper-case letter */
  CB_TOK_ALLCAPS    = 1 << 1,  /* two or more letters, all upper case */
  CB_TOK_LOWER      = 1 << 2,  /* starts with a lower-case letter */
  CB_TOK_SENT_START = 1 << 3,  /* first word of a sentence (or of a quotation) */
  CB_TOK_HEADING    = 1 << 4,  /* in a paragraph written in capitals */
  CB_TOK_QUOTE_OPEN = 1 << 5,  /* a punctuation token opening a quotation */
  CB_TOK_QUOTE_CLOSE= 1 << 6,  /* a punctuation token closing a quotation */
  CB_TOK_GLUED      = 1 << 7,  /* no white space before this token */
  CB_TOK_INNER_CAP  = 1 << 8,  /* lower case first, a capital inside ("terHorst") */
} CbTokFlags;

typedef struct
{
  guint    start;      /* bytes */
  guint    end;
  guint    para;       /* paragraph (line) index */
  guint    sent;       /* sentence index, own rough splitter */
  int      quote;      /* index into CbScan.quotes when inside one, else -1 */
  int      person;     /* filled by the users of the scan: person index or -1 */
  guint32  words;      /* bit set of the CbWords lists the token is in, and
                        * above CB_TOK_EVENT_SHIFT the events' word classes */
  gunichar ch;         /* punctuation: the character */
  guint16  flags;
  guint8   kind;
  guint8   newline;    /* a newline precedes this token */
  char     pronoun;    /* 'm', 'f' or 0, for cb_tok_pronoun() */
} CbTok;

typedef struct
{
  guint open_tok;      /* token index of the opening mark */
  guint close_tok;     /* token index of the closing mark, or last token + 1 */
  guint start;         /* bytes: first byte after the opening mark */
  guint end;           /* bytes: the closing mark (or end of the paragraph) */
  gboolean closed;
} CbQuoteRegion;

typedef struct
{
  const char *text;
  gsize       len;
  CbTok      *toks;
  guint       n_toks;
  GArray     *quotes;  /* CbQuoteRegion */
  guint       n_sents;
} CbScan;

CbScan  *cb_scan_new              (const char *text);
void     cb_scan_free             (CbScan *scan);

/* Every tok->person back to -1, for the next extractor sharing the scan. */
void     cb_scan_reset_persons    (CbScan *scan);

/* The extractors on a scan made once for all of them (cb_extract). */
GPtrArray *_cb_find_persons_in_scan (CbScan    *scan);
GPtrArray *_cb_find_quotes_in_scan  (CbScan    *scan,
                                     GPtrArray *persons);
GPtrArray *_cb_find_events_in_scan  (CbScan    *scan,
                                     GArray    *sentences,
                                     GPtrArray *timexes,
                                     GPtrArray *persons);

/* Fills tok->person from the mentions of @persons (first token of each mention). */
void     cb_scan_mark_persons     (CbScan    *scan,
                                   GPtrArray *persons);

/* Index of the first token whose start is >= @offset. */
guint    cb_scan_token_at         (CbScan *scan,
                                   guint   offset);

/* The token predicates below are asked millions of times per megabyte of
 * text, nearly always with a literal word: inline, the word's length is
 * known at compile time and most tokens fail on it. */
static inline char
cb_ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Case-insensitive (ASCII) comparison of a token with a lower-case word. */
static inline gboolean
cb_tok_is (CbScan     *scan,
           guint       i,
           const char *lower_word)
{
  gsize n = strlen (lower_word);
  const char *s;

  if (i >= scan->n_toks || scan->toks[i].end - scan->toks[i].start != n)
    return FALSE;
  s = scan->text + scan->toks[i].start;
  for (gsize k = 0; k < n; k++)
    if (cb_ascii_lower (s[k]) != cb_ascii_lower (lower_word[k]))
      return FALSE;
  return TRUE;
}

static inline gboolean
cb_tok_is_punct (CbScan  *scan,
                 guint    i,
                 gunichar ch)
{
  return i < scan->n_toks && scan->toks[i].kind == CB_TOK_PUNCT && scan->toks[i].ch == ch;
}

/* Copies the token into @buf as ASCII lower case; FALSE when it does not fit. */
static inline gboolean
cb_tok_lower (CbScan *scan,
              guint   i,
              char   *buf,
              gsize   size)
{
  const CbTok *t = &scan->toks[i];
  gsize n = t->end - t->start;

  if (n + 1 > size)
    return FALSE;
  for (gsize k = 0; k < n; k++)
    buf[k] = cb_ascii_lower (scan->text[t->start + k]);
  buf[n] = '\0';
  return TRUE;
}

/* A fixed table of lower-case words → a 32-bit value, looked up with the
 * bytes of a token in any (ASCII) case: no copy, no function call.  Built
 * once; open addressing on an FNV-1a hash. */
typedef struct
{
  const char *word;
  guint32     len;
  guint32     hash;
  guint32     value;
} CbWordSlot;

typedef struct
{
  CbWordSlot *slots;
  guint       mask;
  guint       n;
} CbWordTable;

CbWordTable *cb_word_table_new (void);
/* ORs @value into the value of @lower_word (which must stay alive). */
void         cb_word_table_add (CbWordTable *table,
                                const char  *lower_word,
                                guint32      value);

static inline guint32
cb_word_hash_lower (const char *s,
                    gsize       n)
{
  guint32 h = 2166136261u;

  for (gsize k = 0; k < n; k++)
    h = (h ^ (guchar) cb_ascii_lower (s[k])) * 16777619u;
  return h;
}

/* The value of the word @s[0..@n) compared in ASCII lower case, 0 when absent. */
static inline guint32
cb_word_table_lookup (const CbWordTable *table,
                      const char        *s,
                      gsize              n)
{
  guint32 h = cb_word_hash_lower (s, n);

  for (guint i = h & table->mask;; i = (i + 1) & table->mask)
    {
      const CbWordSlot *slot = &table->slots[i];
      gsize k;

      if (slot->word == NULL)
        return 0;
      if (slot->hash != h || slot->len != n)
        continue;
      for (k = 0; k < n && cb_ascii_lower (s[k]) == slot->word[k]; k++)
        ;
      if (k == n)
        return slot->value;
    }
}

static inline guint32
cb_word_table_lookup_tok (const CbWordTable *table,
                          CbScan            *scan,
                          guint              i)
{
  return cb_word_table_lookup (table, scan->text + scan->toks[i].start,
                               scan->toks[i].end - scan->toks[i].start);
}

typedef enum
{
  CB_WORDS_TITLE = 0,      /* president, judge, ms, dr, sen … */
  CB_WORDS_TITLE_MOD,      /* former, district, chief, deputy … */
  CB_WORDS_TITLE_MALE,
  CB_WORDS_TITLE_FEMALE,
  CB_WORDS_INSTITUTION,    /* house, court, office, university … */
  CB_WORDS_STOP,           /* capitalised words that are never names */
  CB_WORDS_PLACE_PREFIX,   /* new, north, san, fort … */
  CB_WORDS_MONTH,
  CB_WORDS_WEEKDAY,
  CB_WORDS_DETERMINER,     /* the, a, this … */
  CB_WORDS_SPEECH_VERB,    /* said, told, tweeted … */
  CB_WORDS_PARTICLE,       /* de, la, van, von … */
  CB_WORDS_NAME_SUFFIX,    /* jr, sr, ii, iii */
  CB_WORDS_COMPANY,        /* inc, corp, llc … */
  CB_WORDS_FIRST_MALE,
  CB_WORDS_FIRST_FEMALE,
  CB_N_WORDS
} CbWords;

/* The events extractor's words share the scan's word table (one lookup per
 * token serves both): cb-events.c adds them, with their values shifted left
 * by CB_TOK_EVENT_SHIFT, when the table is built. */
#define CB_TOK_EVENT_SHIFT 16
void     _cb_events_add_words    (CbWordTable *table,
                                  guint        shift);

gboolean cb_words_has            (CbWords     list,
                                  const char *lower_word);
/* The bit set (1 << CbWords) of the lists @lower_word is in. */
guint32  cb_words_classes        (const char *lower_word);

static inline gboolean
cb_tok_in (CbScan  *scan,
           guint    i,
           CbWords  list)
{
  return i < scan->n_toks && (scan->toks[i].words & (1u << list)) != 0;
}

/* Pronoun of a token: 'm' he/him/his/himself, 'f' she/her/hers/herself, 0 otherwise. */
static inline char
cb_tok_pronoun (CbScan *scan,
                guint   i)
{
  return i < scan->n_toks ? scan->toks[i].pronoun : 0;
}

/* Resolves every third-person singular pronoun outside quotations to a person
 * of @persons (subject of the current or a recent sentence first, gender
 * compatible), writing tok->person for those tokens too.  People flagged in
 * @avoid (may be NULL) are taken only when nobody else in that sentence fits.
 * Call after cb_scan_mark_persons(). */
void     cb_scan_resolve_pronouns (CbScan         *scan,
                                   GPtrArray      *persons,
                                   const gboolean *avoid);

/* Index into @persons of the person at token @i (a name or a resolved
 * pronoun), or -1. */
static inline int
cb_tok_person (CbScan *scan,
               guint   i)
{
  return i < scan->n_toks ? scan->toks[i].person : -1;
}

G_END_DECLS
