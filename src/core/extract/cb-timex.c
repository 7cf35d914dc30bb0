/* cb-timex.c — date expressions and their resolution
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hand-written scanner: the text is cut once into words, numbers and
 * punctuation, every word is looked up once in a small keyword table, and the
 * rules below look at a few tokens around each candidate (a number, a month, a
 * weekday, "today", "last", "ago" …).  No regular expressions run over the
 * text, so the cost is linear and small.
 */
#include "config.h"

#include <string.h>

#include "cb-timex.h"

/* ---- tokens ------------------------------------------------------------ */

typedef enum
{
  TOK_WORD,
  TOK_NUM,
  TOK_PUNCT,
} TokKind;

enum
{
  F_CAP        = 1 << 0,  /* word starts with an upper-case letter */
  F_SPACE      = 1 << 1,  /* white space between the previous token and this one */
  F_NEWLINE    = 1 << 2,  /* a newline between the previous token and this one */
  F_SENT_START = 1 << 3,  /* first token of a sentence */
};

enum
{
  SUF_NONE,   /* 1996 */
  SUF_S,      /* 1990s */
  SUF_ORD,    /* 6th */
  SUF_OTHER,  /* 10am, 4G */
};

typedef enum
{
  KW_NONE = 0,
  KW_MONTH,       /* val: 1–12, +100 when abbreviated */
  KW_WEEKDAY,     /* val: 1 (Monday) – 7 (Sunday) */
  KW_DEICTIC,     /* today/yesterday/tomorrow, val: day offset */
  KW_THIS,
  KW_LAST,
  KW_NEXT,
  KW_PAST,
  KW_COMING,
  KW_PREVIOUS,
  KW_FOLLOWING,
  KW_SAME,
  KW_THAT,
  KW_UNIT,        /* val: Unit, +100 when plural */
  KW_AGO,
  KW_LATER,
  KW_EARLIER,
  KW_AFTER,
  KW_BEFORE,
  KW_FROM,
  KW_NOW,
  KW_HENCE,
  KW_JUST,        /* just, only, exactly */
  KW_EARLY,
  KW_MID,
  KW_LATE,
  KW_THE,
  KW_A,           /* a, an */
  KW_NUMWORD,     /* val: the number */
  KW_SEASON,      /* val: 0 spring, 1 summer, 2 autumn, 3 winter */
  KW_DECWORD,     /* twenties … nineties, val: 2–9 */
  KW_PREP,        /* in, since, until, by, during, of, to, through … */
  KW_ON,
  KW_AROUND,      /* around, about, circa */
  KW_OVER,        /* over, more (than) */
  KW_THAN,
  KW_NEARLY,      /* nearly, almost */
  KW_VAGUE,       /* some, roughly, approximately, least, less, under */
  KW_FUTURE,      /* will, shall, 'll, due, scheduled, expected, upcoming … */
  KW_DET,         /* his, her, their, full, entire … */
  KW_DURATION,    /* for, spent, served, within, throughout … */
  KW_NUMBERING,   /* room, page, flight, no … */
  KW_QUANTITY,    /* people, votes, km … */
  KW_OLD,
  KW_DAYPART,     /* morning, afternoon, evening, night */
  KW_WEEKDAYS,    /* plural weekday: recurring, not a date */
  KW_PASTVERB,    /* was, had, met, said …: the clause tells of the past */
  KW_HOLIDAY,     /* val: Holiday */
  KW_HOLIDAY_PART,/* the first word of a two-word holiday, val: Holiday */
} Keyword;

typedef enum
{
  HOLIDAY_NONE,
  HOLIDAY_CHRISTMAS,
  HOLIDAY_CHRISTMAS_EVE,
  HOLIDAY_NEW_YEAR,
  HOLIDAY_NEW_YEARS_EVE,
  HOLIDAY_INDEPENDENCE,
  HOLIDAY_HALLOWEEN,
  HOLIDAY_THANKSGIVING,
  HOLIDAY_VALENTINE,
  HOLIDAY_EASTER,
  HOLIDAY_GOOD_FRIDAY,
  HOLIDAY_LABOR,
  HOLIDAY_MEMORIAL,
  HOLIDAY_VETERANS,
  HOLIDAY_ELECTION,
  HOLIDAY_JUNETEENTH,
  HOLIDAY_BOXING,
} Holiday;

typedef enum
{
  UNIT_DAY,
  UNIT_WEEK,
  UNIT_FORTNIGHT,
  UNIT_WEEKEND,
  UNIT_MONTH,
  UNIT_YEAR,
  UNIT_DECADE,
} Unit;

typedef struct
{
  guint   start;
  guint   end;
  guint   sentence;
  guint8  kind;
  guint8  flags;
  guint8  ndigits;
  guint8  suffix;
  guint16 kw;
  gint16  val;
  gint32  num;      /* TOK_NUM: value (capped); TOK_PUNCT: the character */
} Tok;

typedef struct
{
  const char *word;
  Keyword     kw;
  int         val;
} KeywordEntry;

static const KeywordEntry keyword_entries[] = {
  { "january", KW_MONTH, 1 }, { "jan", KW_MONTH, 101 },
  { "february", KW_MONTH, 2 }, { "feb", KW_MONTH, 102 },
  { "march", KW_MONTH, 3 }, { "mar", KW_MONTH, 103 },
  { "april", KW_MONTH, 4 }, { "apr", KW_MONTH, 104 },
  { "may", KW_MONTH, 5 },
  { "june", KW_MONTH, 6 }, { "jun", KW_MONTH, 106 },
  { "july", KW_MONTH, 7 }, { "jul", KW_MONTH, 107 },
  { "august", KW_MONTH, 8 }, { "aug", KW_MONTH, 108 },
  { "september", KW_MONTH, 9 }, { "sep", KW_MONTH, 109 }, { "sept", KW_MONTH, 109 },
  { "october", KW_MONTH, 10 }, { "oct", KW_MONTH, 110 },
  { "november", KW_MONTH, 11 }, { "nov", KW_MONTH, 111 },
  { "december", KW_MONTH, 12 }, { "dec", KW_MONTH, 112 },
  { "monday", KW_WEEKDAY, 1 }, { "tuesday", KW_WEEKDAY, 2 }, { "wednesday", KW_WEEKDAY, 3 },
  { "thursday", KW_WEEKDAY, 4 }, { "friday", KW_WEEKDAY, 5 }, { "saturday", KW_WEEKDAY, 6 },
  { "sunday", KW_WEEKDAY, 7 },
  { "mondays", KW_WEEKDAYS, 1 }, { "tuesdays", KW_WEEKDAYS, 2 }, { "wednesdays", KW_WEEKDAYS, 3 },
  { "thursdays", KW_WEEKDAYS, 4 }, { "fridays", KW_WEEKDAYS, 5 }, { "saturdays", KW_WEEKDAYS, 6 },
  { "sundays", KW_WEEKDAYS, 7 },
  { "today", KW_DEICTIC, 0 }, { "yesterday", KW_DEICTIC, -1 }, { "tomorrow", KW_DEICTIC, 1 },
  { "this", KW_THIS, 0 }, { "last", KW_LAST, 0 }, { "next", KW_NEXT, 0 },
  { "past", KW_PAST, 0 }, { "coming", KW_COMING, 0 }, { "previous", KW_PREVIOUS, 0 },
  { "prior", KW_PREVIOUS, 0 }, { "following", KW_FOLLOWING, 0 }, { "same", KW_SAME, 0 },
  { "that", KW_THAT, 0 },
  { "day", KW_UNIT, UNIT_DAY }, { "days", KW_UNIT, 100 + UNIT_DAY },
  { "week", KW_UNIT, UNIT_WEEK }, { "weeks", KW_UNIT, 100 + UNIT_WEEK },
  { "fortnight", KW_UNIT, UNIT_FORTNIGHT }, { "fortnights", KW_UNIT, 100 + UNIT_FORTNIGHT },
  { "weekend", KW_UNIT, UNIT_WEEKEND }, { "weekends", KW_UNIT, 100 + UNIT_WEEKEND },
  { "month", KW_UNIT, UNIT_MONTH }, { "months", KW_UNIT, 100 + UNIT_MONTH },
  { "year", KW_UNIT, UNIT_YEAR }, { "years", KW_UNIT, 100 + UNIT_YEAR },
  { "decade", KW_UNIT, UNIT_DECADE }, { "decades", KW_UNIT, 100 + UNIT_DECADE },
  { "ago", KW_AGO, 0 }, { "later", KW_LATER, 0 }, { "earlier", KW_EARLIER, 0 },
  { "after", KW_AFTER, 0 }, { "afterward", KW_LATER, 0 }, { "afterwards", KW_LATER, 0 },
  { "before", KW_BEFORE, 0 }, { "from", KW_FROM, 0 }, { "now", KW_NOW, 0 },
  { "hence", KW_HENCE, 0 },
  { "just", KW_JUST, 0 }, { "only", KW_JUST, 0 }, { "exactly", KW_JUST, 0 },
  { "early", KW_EARLY, 0 }, { "mid", KW_MID, 0 }, { "late", KW_LATE, 0 },
  { "the", KW_THE, 0 }, { "a", KW_A, 1 }, { "an", KW_A, 1 },
  { "one", KW_NUMWORD, 1 }, { "two", KW_NUMWORD, 2 }, { "three", KW_NUMWORD, 3 },
  { "four", KW_NUMWORD, 4 }, { "five", KW_NUMWORD, 5 }, { "six", KW_NUMWORD, 6 },
  { "seven", KW_NUMWORD, 7 }, { "eight", KW_NUMWORD, 8 }, { "nine", KW_NUMWORD, 9 },
  { "ten", KW_NUMWORD, 10 }, { "eleven", KW_NUMWORD, 11 }, { "twelve", KW_NUMWORD, 12 },
  { "thirteen", KW_NUMWORD, 13 }, { "fourteen", KW_NUMWORD, 14 }, { "fifteen", KW_NUMWORD, 15 },
  { "sixteen", KW_NUMWORD, 16 }, { "seventeen", KW_NUMWORD, 17 }, { "eighteen", KW_NUMWORD, 18 },
  { "nineteen", KW_NUMWORD, 19 }, { "twenty", KW_NUMWORD, 20 }, { "thirty", KW_NUMWORD, 30 },
  { "forty", KW_NUMWORD, 40 }, { "fifty", KW_NUMWORD, 50 }, { "sixty", KW_NUMWORD, 60 },
  { "seventy", KW_NUMWORD, 70 }, { "eighty", KW_NUMWORD, 80 }, { "ninety", KW_NUMWORD, 90 },
  { "hundred", KW_NUMWORD, 100 },
  { "spring", KW_SEASON, 0 }, { "summer", KW_SEASON, 1 }, { "fall", KW_SEASON, 2 },
  { "autumn", KW_SEASON, 2 }, { "winter", KW_SEASON, 3 },
  { "twenties", KW_DECWORD, 2 }, { "thirties", KW_DECWORD, 3 }, { "forties", KW_DECWORD, 4 },
  { "fifties", KW_DECWORD, 5 }, { "sixties", KW_DECWORD, 6 }, { "seventies", KW_DECWORD, 7 },
  { "eighties", KW_DECWORD, 8 }, { "nineties", KW_DECWORD, 9 },
  { "in", KW_PREP, 0 }, { "since", KW_PREP, 1 }, { "until", KW_PREP, 2 }, { "till", KW_PREP, 2 },
  { "by", KW_PREP, 3 }, { "during", KW_PREP, 4 }, { "of", KW_PREP, 5 }, { "to", KW_PREP, 6 },
  { "through", KW_PREP, 7 }, { "between", KW_PREP, 8 }, { "and", KW_PREP, 9 },
  { "or", KW_PREP, 10 }, { "year-end", KW_PREP, 11 }, { "circa", KW_AROUND, 0 },
  { "on", KW_ON, 0 },
  { "around", KW_AROUND, 0 }, { "about", KW_AROUND, 0 },
  { "over", KW_OVER, 0 }, { "more", KW_OVER, 0 }, { "than", KW_THAN, 0 },
  { "nearly", KW_NEARLY, 0 }, { "almost", KW_NEARLY, 0 },
  { "some", KW_VAGUE, 0 }, { "roughly", KW_VAGUE, 0 }, { "approximately", KW_VAGUE, 0 },
  { "least", KW_VAGUE, 0 }, { "less", KW_VAGUE, 0 }, { "under", KW_VAGUE, 0 },
  { "several", KW_VAGUE, 0 }, { "few", KW_VAGUE, 0 }, { "many", KW_VAGUE, 0 },
  { "will", KW_FUTURE, 0 }, { "shall", KW_FUTURE, 0 }, { "ll", KW_FUTURE, 0 },
  { "due", KW_FUTURE, 0 }, { "scheduled", KW_FUTURE, 0 }, { "expected", KW_FUTURE, 0 },
  { "upcoming", KW_FUTURE, 0 }, { "planned", KW_FUTURE, 0 }, { "plans", KW_FUTURE, 0 },
  { "slated", KW_FUTURE, 0 },
  { "his", KW_DET, 0 }, { "her", KW_DET, 0 }, { "their", KW_DET, 0 }, { "its", KW_DET, 0 },
  { "my", KW_DET, 0 }, { "our", KW_DET, 0 }, { "your", KW_DET, 0 }, { "those", KW_DET, 0 },
  { "these", KW_DET, 0 }, { "full", KW_DET, 0 }, { "entire", KW_DET, 0 },
  { "whole", KW_DET, 0 }, { "first", KW_DET, 0 }, { "another", KW_DET, 0 },
  { "additional", KW_DET, 0 }, { "further", KW_DET, 0 }, { "extra", KW_DET, 0 },
  { "for", KW_DURATION, 0 }, { "spent", KW_DURATION, 0 }, { "served", KW_DURATION, 0 },
  { "serve", KW_DURATION, 0 }, { "serving", KW_DURATION, 0 }, { "within", KW_DURATION, 0 },
  { "throughout", KW_DURATION, 0 }, { "lasted", KW_DURATION, 0 },
  { "room", KW_NUMBERING, 0 }, { "suite", KW_NUMBERING, 0 }, { "apartment", KW_NUMBERING, 0 },
  { "apt", KW_NUMBERING, 0 }, { "flight", KW_NUMBERING, 0 }, { "route", KW_NUMBERING, 0 },
  { "highway", KW_NUMBERING, 0 }, { "interstate", KW_NUMBERING, 0 }, { "page", KW_NUMBERING, 0 },
  { "pages", KW_NUMBERING, 0 }, { "no", KW_NUMBERING, 0 }, { "nos", KW_NUMBERING, 0 },
  { "number", KW_NUMBERING, 0 }, { "chapter", KW_NUMBERING, 0 }, { "section", KW_NUMBERING, 0 },
  { "article", KW_NUMBERING, 0 }, { "rule", KW_NUMBERING, 0 }, { "form", KW_NUMBERING, 0 },
  { "model", KW_NUMBERING, 0 }, { "channel", KW_NUMBERING, 0 }, { "platform", KW_NUMBERING, 0 },
  { "gate", KW_NUMBERING, 0 }, { "exit", KW_NUMBERING, 0 }, { "unit", KW_NUMBERING, 0 },
  { "block", KW_NUMBERING, 0 }, { "lot", KW_NUMBERING, 0 }, { "bus", KW_NUMBERING, 0 },
  { "level", KW_NUMBERING, 0 }, { "volume", KW_NUMBERING, 0 }, { "vol", KW_NUMBERING, 0 },
  { "issue", KW_NUMBERING, 0 }, { "episode", KW_NUMBERING, 0 }, { "version", KW_NUMBERING, 0 },
  { "grade", KW_NUMBERING, 0 }, { "code", KW_NUMBERING, 0 }, { "track", KW_NUMBERING, 0 },
  { "pp", KW_NUMBERING, 0 }, { "p", KW_NUMBERING, 0 }, { "bill", KW_NUMBERING, 0 },
  { "people", KW_QUANTITY, 0 }, { "persons", KW_QUANTITY, 0 }, { "votes", KW_QUANTITY, 0 },
  { "men", KW_QUANTITY, 0 }, { "women", KW_QUANTITY, 0 }, { "children", KW_QUANTITY, 0 },
  { "km", KW_QUANTITY, 0 }, { "kg", KW_QUANTITY, 0 }, { "mg", KW_QUANTITY, 0 },
  { "lb", KW_QUANTITY, 0 }, { "lbs", KW_QUANTITY, 0 }, { "ft", KW_QUANTITY, 0 },
  { "mph", KW_QUANTITY, 0 }, { "miles", KW_QUANTITY, 0 }, { "meters", KW_QUANTITY, 0 },
  { "metres", KW_QUANTITY, 0 }, { "feet", KW_QUANTITY, 0 }, { "pounds", KW_QUANTITY, 0 },
  { "dollars", KW_QUANTITY, 0 }, { "euros", KW_QUANTITY, 0 }, { "acres", KW_QUANTITY, 0 },
  { "tons", KW_QUANTITY, 0 }, { "tonnes", KW_QUANTITY, 0 }, { "percent", KW_QUANTITY, 0 },
  { "per", KW_QUANTITY, 0 }, { "hours", KW_QUANTITY, 0 }, { "hrs", KW_QUANTITY, 0 },
  { "gmt", KW_QUANTITY, 0 }, { "utc", KW_QUANTITY, 0 }, { "million", KW_QUANTITY, 0 },
  { "billion", KW_QUANTITY, 0 }, { "thousand", KW_QUANTITY, 0 }, { "m", KW_QUANTITY, 0 },
  { "cm", KW_QUANTITY, 0 }, { "mm", KW_QUANTITY, 0 }, { "g", KW_QUANTITY, 0 },
  { "old", KW_OLD, 0 },
  { "morning", KW_DAYPART, 0 }, { "afternoon", KW_DAYPART, 0 }, { "evening", KW_DAYPART, 0 },
  { "night", KW_DAYPART, 0 }, { "tonight", KW_DAYPART, 0 },
  { "was", KW_PASTVERB, 0 }, { "were", KW_PASTVERB, 0 }, { "had", KW_PASTVERB, 0 },
  { "did", KW_PASTVERB, 0 }, { "said", KW_PASTVERB, 0 }, { "met", KW_PASTVERB, 0 },
  { "told", KW_PASTVERB, 0 }, { "went", KW_PASTVERB, 0 }, { "came", KW_PASTVERB, 0 },
  { "took", KW_PASTVERB, 0 }, { "gave", KW_PASTVERB, 0 }, { "made", KW_PASTVERB, 0 },
  { "left", KW_PASTVERB, 0 }, { "began", KW_PASTVERB, 0 }, { "saw", KW_PASTVERB, 0 },
  { "got", KW_PASTVERB, 0 }, { "held", KW_PASTVERB, 0 }, { "sent", KW_PASTVERB, 0 },
  { "won", KW_PASTVERB, 0 }, { "lost", KW_PASTVERB, 0 }, { "paid", KW_PASTVERB, 0 },
  { "ran", KW_PASTVERB, 0 }, { "sat", KW_PASTVERB, 0 }, { "stood", KW_PASTVERB, 0 },
  { "wrote", KW_PASTVERB, 0 }, { "spoke", KW_PASTVERB, 0 }, { "brought", KW_PASTVERB, 0 },
  { "thought", KW_PASTVERB, 0 }, { "found", KW_PASTVERB, 0 }, { "became", KW_PASTVERB, 0 },
  { "fell", KW_PASTVERB, 0 }, { "felt", KW_PASTVERB, 0 }, { "kept", KW_PASTVERB, 0 },
  { "heard", KW_PASTVERB, 0 }, { "read", KW_PASTVERB, 0 }, { "put", KW_PASTVERB, 0 },
  { "set", KW_PASTVERB, 0 }, { "chose", KW_PASTVERB, 0 }, { "fled", KW_PASTVERB, 0 },
  { "flew", KW_PASTVERB, 0 }, { "knew", KW_PASTVERB, 0 }, { "led", KW_PASTVERB, 0 },
  { "christmas", KW_HOLIDAY, HOLIDAY_CHRISTMAS }, { "xmas", KW_HOLIDAY, HOLIDAY_CHRISTMAS },
  { "halloween", KW_HOLIDAY, HOLIDAY_HALLOWEEN }, { "thanksgiving", KW_HOLIDAY, HOLIDAY_THANKSGIVING },
  { "easter", KW_HOLIDAY, HOLIDAY_EASTER }, { "juneteenth", KW_HOLIDAY, HOLIDAY_JUNETEENTH },
  { "independence", KW_HOLIDAY_PART, HOLIDAY_INDEPENDENCE },
  { "valentine", KW_HOLIDAY_PART, HOLIDAY_VALENTINE },
  { "labor", KW_HOLIDAY_PART, HOLIDAY_LABOR }, { "labour", KW_HOLIDAY_PART, HOLIDAY_LABOR },
  { "memorial", KW_HOLIDAY_PART, HOLIDAY_MEMORIAL }, { "veterans", KW_HOLIDAY_PART, HOLIDAY_VETERANS },
  { "election", KW_HOLIDAY_PART, HOLIDAY_ELECTION }, { "boxing", KW_HOLIDAY_PART, HOLIDAY_BOXING },
  { "good", KW_HOLIDAY_PART, HOLIDAY_GOOD_FRIDAY }, { "new", KW_HOLIDAY_PART, HOLIDAY_NEW_YEAR },
};

/* Words of the closed keyword list are short and ASCII; an open-addressing
 * table keyed by the lower-cased word keeps the lookup to a hash and a memcmp. */
#define KW_TABLE_SIZE 1024
#define KW_MAX_LEN    14

typedef struct
{
  char   word[KW_MAX_LEN + 1];
  guint8 len;
  guint8 kw;
  gint16 val;
} KwSlot;

static KwSlot kw_table[KW_TABLE_SIZE];

static guint
kw_hash (const char *s,
         gsize       len)
{
  guint h = 2166136261u;

  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) s[i]) * 16777619u;
  return h;
}

static gpointer
kw_table_init (gpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (keyword_entries); i++)
    {
      const KeywordEntry *e = &keyword_entries[i];
      gsize len = strlen (e->word);
      guint h = kw_hash (e->word, len) & (KW_TABLE_SIZE - 1);

      g_assert (len <= KW_MAX_LEN);
      while (kw_table[h].len != 0)
        h = (h + 1) & (KW_TABLE_SIZE - 1);
      memcpy (kw_table[h].word, e->word, len);
      kw_table[h].len = len;
      kw_table[h].kw = e->kw;
      kw_table[h].val = e->val;
    }
  return NULL;
}

/* @hash: kw_hash (@lower, @len), worked out by the caller on the way. */
static inline void
kw_lookup (const char *lower,
           gsize       len,
           guint       hash,
           Tok        *tok)
{
  guint h = hash & (KW_TABLE_SIZE - 1);

  while (kw_table[h].len != 0)
    {
      gsize k = 0;

      if (kw_table[h].len == len)
        for (k = 0; k < len && kw_table[h].word[k] == lower[k]; k++)
          ;
      if (kw_table[h].len == len && k == len)
        {
          tok->kw = kw_table[h].kw;
          tok->val = kw_table[h].val;
          return;
        }
      h = (h + 1) & (KW_TABLE_SIZE - 1);
    }
}

static gboolean
is_ws (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Abbreviations after which a period does not end a sentence (for the scanner's
 * own notion of "same sentence"; cb-sentences.c has the fuller list). */
static gboolean
is_title_abbreviation (const char *text,
                       const Tok  *word)
{
  static const char * const abbrs[] = {
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Sen", "Rep", "Gov", "Gen", "Lt",
    "Col", "Capt", "Sgt", "Prof", "Rev", "No", "vs", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc", "Co", "Corp",
  };
  gsize len = word->end - word->start;

  if (len == 1)
    return TRUE;  /* initials, "U.S." */
  for (guint i = 0; i < G_N_ELEMENTS (abbrs); i++)
    if (strlen (abbrs[i]) == len && memcmp (abbrs[i], text + word->start, len) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_closing_quote (gint32 ch)
{
  return ch == '"' || ch == '\'' || ch == ')' || ch == 0x2019 || ch == 0x201D;
}

/* The tokens of @text (g_free() them), their number in @n_toks.  Grown by
 * hand: an append per token is too dear as a call. */
static Tok *
tokenize (const char *text,
          gsize      *n_toks)
{
  gsize cap = strlen (text) / 4 + 16, n_out = 0;
  Tok *toks = g_new (Tok, cap);
  const char *p = text;
  guint8 pending = F_NEWLINE;
  guint sentence = 0;
  gboolean stop = FALSE;  /* the previous token ended a sentence if space follows */

  while (*p != '\0')
    {
      guchar c = (guchar) *p;
      Tok t = { 0, };

      if (c == '\n')
        {
          pending |= F_SPACE | F_NEWLINE;
          p++;
          continue;
        }
      if (is_ws (c))
        {
          pending |= F_SPACE;
          p++;
          continue;
        }

      t.start = p - text;
      t.flags = pending;

      if (g_ascii_isdigit (c))
        {
          gint64 v = 0;
          guint n = 0;
          const char *s;

          while (g_ascii_isdigit (*p))
            {
              if (v < 100000000)
                v = v * 10 + (*p - '0');
              n++;
              p++;
            }
          t.kind = TOK_NUM;
          t.num = (gint32) v;
          t.ndigits = MIN (n, 255);
          s = p;
          while (g_ascii_isalpha (*p))
            p++;
          if (p == s)
            t.suffix = SUF_NONE;
          else if (p - s == 1 && (*s == 's' || *s == 'S'))
            t.suffix = SUF_S;
          else if (p - s == 2 &&
                   (g_ascii_strncasecmp (s, "st", 2) == 0 || g_ascii_strncasecmp (s, "nd", 2) == 0 ||
                    g_ascii_strncasecmp (s, "rd", 2) == 0 || g_ascii_strncasecmp (s, "th", 2) == 0))
            t.suffix = SUF_ORD;
          else
            t.suffix = SUF_OTHER;
        }
      else if (g_ascii_isalpha (c))
        {
          char lower[KW_MAX_LEN + 1];
          gsize len = 0;
          guint hash = 2166136261u;  /* kw_hash() of lower, letter by letter */
          gboolean ascii = TRUE;

          t.kind = TOK_WORD;
          if (g_ascii_isupper (c))
            t.flags |= F_CAP;
          for (;;)
            {
              guchar d = (guchar) *p;

              if (g_ascii_isalpha (d))
                {
                  if (len < KW_MAX_LEN)
                    {
                      lower[len] = d | 0x20;  /* ASCII letter to lower case */
                      hash = (hash ^ (guchar) lower[len]) * 16777619u;
                    }
                  len++;
                  p++;
                }
              else if (d >= 0x80)
                {
                  gunichar u = g_utf8_get_char_validated (p, -1);

                  if (u == (gunichar) -1 || u == (gunichar) -2 || !g_unichar_isalpha (u))
                    break;
                  ascii = FALSE;
                  p = g_utf8_next_char (p);
                }
              else
                break;
            }
          if (ascii && len <= KW_MAX_LEN)
            kw_lookup (lower, len, hash, &t);
        }
      else if (c >= 0x80)
        {
          gunichar u = g_utf8_get_char_validated (p, -1);

          if (u == (gunichar) -1 || u == (gunichar) -2)
            {
              t.kind = TOK_PUNCT;
              t.num = 0xFFFD;
              p++;
            }
          else if (g_unichar_isalpha (u))
            {
              /* a word that starts with a non-ASCII letter: never a keyword */
              t.kind = TOK_WORD;
              if (g_unichar_isupper (u) || g_unichar_istitle (u))
                t.flags |= F_CAP;
              for (;;)
                {
                  if (g_ascii_isalpha (*p))
                    p++;
                  else if ((guchar) *p >= 0x80)
                    {
                      gunichar w = g_utf8_get_char_validated (p, -1);

                      if (w == (gunichar) -1 || w == (gunichar) -2 || !g_unichar_isalpha (w))
                        break;
                      p = g_utf8_next_char (p);
                    }
                  else
                    break;
                }
            }
          else if (g_unichar_isspace (u))
            {
              pending |= F_SPACE;
              p = g_utf8_next_char (p);
              continue;
            }
          else
            {
              t.kind = TOK_PUNCT;
              t.num = (gint32) u;
              p = g_utf8_next_char (p);
            }
        }
      else
        {
          t.kind = TOK_PUNCT;
          t.num = c;
          p++;
        }

      t.end = p - text;

      /* Sentences, roughly: a newline, or . ! ? (and closing quotes) then space. */
      if ((pending & F_NEWLINE) || (stop && (pending & F_SPACE)))
        {
          if (n_out > 0)
            sentence++;
          t.flags |= F_SENT_START;
          stop = FALSE;
        }
      if (t.kind == TOK_PUNCT && (t.num == '!' || t.num == '?'))
        stop = TRUE;
      else if (t.kind == TOK_PUNCT && t.num == '.')
        {
          const Tok *prev = n_out > 0 ? &toks[n_out - 1] : NULL;

          stop = !(prev != NULL && prev->kind == TOK_WORD && !(t.flags & F_SPACE) &&
                   ((prev->flags & F_CAP) || prev->end - prev->start == 1) &&  /* a.m. */
                   is_title_abbreviation (text, prev));
        }
      else if (!(t.kind == TOK_PUNCT && is_closing_quote (t.num) && !(t.flags & F_SPACE)))
        stop = FALSE;

      t.sentence = sentence;
      if (n_out == cap)
        {
          cap *= 2;
          toks = g_renew (Tok, toks, cap);
        }
      toks[n_out++] = t;
      pending = 0;
    }

  *n_toks = n_out;
  return toks;
}

/* ---- resolution -------------------------------------------------------- */

typedef struct
{
  gboolean    resolved;
  CbPrecision prec;
  GDate       point;      /* a day inside the interval meant */
  CbQualifier qual;
  CbAnchor    anchor;
} Res;

typedef struct
{
  const char *text;
  const Tok  *t;
  guint       n;
  const GDate *dct;
  GPtrArray  *out;

  guint       next_free;      /* first token not consumed by an emitted timex */

  gboolean    have_last;      /* the last resolved date, for narrative anchors */
  Res         last;

  gboolean    have_sent;      /* the last date of any kind, and its sentence */
  guint       sent_index;
  Res         sent_res;

  gboolean    have_year;      /* the last explicitly written year, and its sentence */
  int         year;
  guint       year_sentence;

  Res         hist[16];       /* the latest resolved dates, newest at (n_hist - 1) % 16 */
  guint       n_hist;
} Ctx;

static gboolean
date_in_range (int year)
{
  return year >= 2 && year <= 9990;
}

static void
res_set_dmy (Res        *r,
             int         day,
             int         month,
             int         year,
             CbPrecision prec)
{
  /* A coarse date stands at the middle of its interval, so that a small
   * narrative step ("four days earlier" after "in 2020") stays inside it. */
  switch (prec)
    {
    case CB_PRECISION_MONTH:
      day = 15;
      break;
    case CB_PRECISION_SEASON:
      day = 15;
      month = month % 12 + 1;
      year += month == 1;
      break;
    case CB_PRECISION_YEAR:
      day = 1;
      month = 7;
      break;
    case CB_PRECISION_DECADE:
      day = 1;
      month = 7;
      year = year / 10 * 10 + 5;
      break;
    case CB_PRECISION_NONE:
    case CB_PRECISION_DAY:
    case CB_PRECISION_WEEK:
    default:
      break;
    }
  g_date_clear (&r->point, 1);
  g_date_set_dmy (&r->point, day, month, year);
  r->prec = prec;
  r->resolved = TRUE;
}

/* Moves @d by @n (signed) units; FALSE when it would leave the calendar. */
static gboolean
shift_date (GDate *d,
            Unit   unit,
            int    n)
{
  int year = g_date_get_year (d);
  int years = 0;

  switch (unit)
    {
    case UNIT_DAY:
    case UNIT_WEEK:
    case UNIT_FORTNIGHT:
    case UNIT_WEEKEND:
      {
        int days = n * (unit == UNIT_DAY ? 1 : unit == UNIT_FORTNIGHT ? 14 : 7);

        if (ABS (days) > 365 * 1000 || !date_in_range (year + days / 365 + (days < 0 ? -1 : 1)))
          return FALSE;
        if (days >= 0)
          g_date_add_days (d, days);
        else
          g_date_subtract_days (d, -days);
        return TRUE;
      }
    case UNIT_MONTH:
      if (ABS (n) > 12 * 1000 || !date_in_range (year + n / 12 + (n < 0 ? -1 : 1)))
        return FALSE;
      if (n >= 0)
        g_date_add_months (d, n);
      else
        g_date_subtract_months (d, -n);
      return TRUE;
    case UNIT_YEAR:
      years = n;
      break;
    case UNIT_DECADE:
      years = n * 10;
      break;
    default:
      return FALSE;
    }
  if (!date_in_range (year + years))
    return FALSE;
  if (years >= 0)
    g_date_add_years (d, years);
  else
    g_date_subtract_years (d, -years);
  return TRUE;
}

static CbPrecision
unit_precision (Unit unit)
{
  switch (unit)
    {
    case UNIT_DAY:
      return CB_PRECISION_DAY;
    case UNIT_WEEK:
    case UNIT_FORTNIGHT:
    case UNIT_WEEKEND:
      return CB_PRECISION_WEEK;
    case UNIT_MONTH:
      return CB_PRECISION_MONTH;
    case UNIT_YEAR:
    case UNIT_DECADE:
    default:
      return CB_PRECISION_YEAR;
    }
}

/* Writes @v as @width digits with leading zeros; @v is in [0, 10^width). */
static char *
put_digits (char *p,
            int   v,
            int   width)
{
  for (int k = width - 1; k >= 0; k--)
    {
      p[k] = '0' + v % 10;
      v /= 10;
    }
  return p + width;
}

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" (@n_parts 1 to 3) like "%04d-%02d-%02d",
 * without printf: a value per date, and printf showed in the profiles. */
static char *
date_value (int y,
            int m,
            int d,
            int n_parts)
{
  char *s, *p;

  if (y < 0 || y > 9999)
    return n_parts == 3 ? g_strdup_printf ("%04d-%02d-%02d", y, m, d)
           : n_parts == 2 ? g_strdup_printf ("%04d-%02d", y, m) : g_strdup_printf ("%04d", y);
  p = s = g_malloc (11);
  p = put_digits (p, y, 4);
  if (n_parts >= 2)
    {
      *p++ = '-';
      p = put_digits (p, m, 2);
    }
  if (n_parts >= 3)
    {
      *p++ = '-';
      p = put_digits (p, d, 2);
    }
  *p = '\0';
  return s;
}

static char *
res_value (const Res *r)
{
  const GDate *d = &r->point;
  int y, m;

  if (!r->resolved || !g_date_valid (d))
    return NULL;
  y = g_date_get_year (d);
  m = g_date_get_month (d);

  switch (r->prec)
    {
    case CB_PRECISION_DAY:
      return date_value (y, m, g_date_get_day (d), 3);
    case CB_PRECISION_WEEK:
      {
        GDate thu = *d;
        int wd = g_date_get_weekday (d);

        /* the ISO week belongs to the year of its Thursday */
        if (wd < 4)
          g_date_add_days (&thu, 4 - wd);
        else if (wd > 4)
          g_date_subtract_days (&thu, wd - 4);
        return g_strdup_printf ("%04d-W%02d", g_date_get_year (&thu),
                                g_date_get_iso8601_week_of_year (d));
      }
    case CB_PRECISION_MONTH:
      return date_value (y, m, 0, 2);
    case CB_PRECISION_SEASON:
      {
        static const char * const codes[] = { "WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU",
                                               "FA", "FA", "FA", "WI" };
        return g_strdup_printf ("%04d-%s", m <= 2 ? y - 1 : y, codes[m - 1]);
      }
    case CB_PRECISION_YEAR:
      return date_value (y, 0, 0, 1);
    case CB_PRECISION_DECADE:
      return g_strdup_printf ("%03dX", y / 10);
    case CB_PRECISION_NONE:
    default:
      return NULL;
    }
}

static void
emit (Ctx       *ctx,
      guint      first,
      guint      last,
      const Res *r)
{
  CbTimex *tx = g_new0 (CbTimex, 1);
  g_autofree char *value = res_value (r);

  tx->span.start = ctx->t[first].start;
  tx->span.end = ctx->t[last].end;
  tx->text = g_strndup (ctx->text + tx->span.start, tx->span.end - tx->span.start);
  tx->date.qualifier = r->qual;

  if (value != NULL && cb_fuzzy_date_set_value (&tx->date, value))
    {
      tx->date.anchor = r->anchor;
      ctx->have_last = TRUE;
      ctx->last = *r;
      ctx->hist[ctx->n_hist++ % G_N_ELEMENTS (ctx->hist)] = *r;
    }
  else
    {
      g_clear_pointer (&tx->date.value, g_free);
      tx->date.precision = CB_PRECISION_NONE;
      tx->date.anchor = CB_ANCHOR_UNRESOLVED;
      tx->date.earliest = tx->date.latest = 0;
    }

  ctx->have_sent = TRUE;
  ctx->sent_index = ctx->t[last].sentence;
  ctx->sent_res = *r;
  if (tx->date.value == NULL)
    ctx->sent_res.resolved = FALSE;

  g_ptr_array_add (ctx->out, tx);
  ctx->next_free = last + 1;
}

/* ---- token helpers ----------------------------------------------------- */

static inline const Tok *
tok (const Ctx *ctx,
     guint      i)
{
  static const Tok none = { 0, 0, 0, TOK_PUNCT, 0, 0, 0, KW_NONE, 0, 0 };

  return i < ctx->n ? &ctx->t[i] : &none;
}

static inline gboolean
is_kw (const Ctx *ctx,
       guint      i,
       Keyword    kw)
{
  return i < ctx->n && ctx->t[i].kind == TOK_WORD && ctx->t[i].kw == kw;
}

static inline gboolean
is_punct (const Ctx *ctx,
          guint      i,
          gunichar   ch)
{
  return i < ctx->n && ctx->t[i].kind == TOK_PUNCT && (gunichar) ctx->t[i].num == ch;
}

/* Token @i touches the one before it (no white space between). */
static inline gboolean
glued (const Ctx *ctx,
       guint      i)
{
  return i < ctx->n && !(ctx->t[i].flags & F_SPACE);
}

static inline gboolean
is_dash (gint32 ch)
{
  return ch == '-' || ch == 0x2013 || ch == 0x2014;
}

static gboolean
is_apostrophe (const Ctx *ctx,
               guint      i)
{
  return is_punct (ctx, i, '\'') || is_punct (ctx, i, 0x2019) || is_punct (ctx, i, 0x2018);
}

/* The keyword of the word before @i, looking through a glued hyphen ("mid-June"). */
static guint
prev_word (const Ctx *ctx,
           guint      i)
{
  if (i == 0)
    return G_MAXUINT;
  if (ctx->t[i - 1].kind == TOK_PUNCT && ctx->t[i - 1].num == '-' && glued (ctx, i) &&
      i >= 2 && glued (ctx, i - 1))
    return i - 2;
  return i - 1;
}

static gboolean word_is (const Ctx  *ctx,
                         guint       i,
                         const char *word);

static gboolean
same_sentence (const Ctx *ctx,
               guint      a,
               guint      b)
{
  return a < ctx->n && b < ctx->n && ctx->t[a].sentence == ctx->t[b].sentence;
}

/* -1 when the word at @i marks the past (was, met, convicted, since), +1 the
 * future (will, due, scheduled, next), 0 when it says nothing. */
static int
word_tense (const Ctx *ctx,
            guint      i)
{
  const Tok *t = &ctx->t[i];
  const char *w;
  gsize len;

  if (t->kind != TOK_WORD)
    return 0;
  switch (t->kw)
    {
    case KW_FUTURE:
    case KW_NEXT:
    case KW_COMING:
      return 1;
    case KW_PASTVERB:
    case KW_AGO:
      return -1;
    case KW_PREP:
      return t->val == 1 /* since */ ? -1 : 0;
    case KW_NONE:
      break;
    default:
      return 0;
    }
  /* a regular past tense: lower-case, "-ed", not "hundred", "need", "indeed";
   * after "be"/"is" it is a passive that says nothing of the time ("is to be released") */
  w = ctx->text + t->start;
  len = t->end - t->start;
  if (len >= 5 && !(t->flags & F_CAP) && w[len - 2] == 'e' && w[len - 1] == 'd' &&
      w[len - 3] != 'e' && !(len == 7 && memcmp (w, "hundred", 7) == 0))
    {
      if (i > 0 && (word_is (ctx, i - 1, "be") || word_is (ctx, i - 1, "is") ||
                    word_is (ctx, i - 1, "are") || word_is (ctx, i - 1, "am") ||
                    word_is (ctx, i - 1, "being") || word_is (ctx, i - 1, "get")))
        return 0;
      return -1;
    }
  return 0;
}

static gboolean
is_clause_break (const Tok *t)
{
  return t->kind == TOK_PUNCT &&
         (t->num == ',' || t->num == ';' || t->num == ':' || t->num == 0x2014 || t->num == '(' ||
          t->num == ')' || t->num == '"' || t->num == 0x201C || t->num == 0x201D);
}

/* The tense of the clause around tokens @first–@last: the nearest marker
 * before the date (back to a subordinate clause's start: "… before he leaves
 * office on January 20"), else the first one after it ("On March 3, the court
 * ruled"). */
static int
clause_tense (const Ctx *ctx,
              guint      first,
              guint      last)
{
  for (guint k = 1; k <= 12 && k <= first; k++)
    {
      guint i = first - k;
      const Tok *t = &ctx->t[i];
      int tense;

      if (!same_sentence (ctx, i, first))
        break;
      if (t->kind == TOK_PUNCT && t->num != ',' && is_clause_break (t))
        break;
      if (k > 1 && t->kind == TOK_WORD && (t->kw == KW_BEFORE || t->kw == KW_AFTER || word_is (ctx, i, "until") ||
                                  word_is (ctx, i, "when") || word_is (ctx, i, "while") ||
                                  word_is (ctx, i, "because") || word_is (ctx, i, "although") ||
                                  word_is (ctx, i, "if") || word_is (ctx, i, "once")))
        break;
      tense = word_tense (ctx, i);
      if (tense != 0)
        return tense;
    }
  for (guint i = last + 1, n = 0; i < ctx->n && n < 10 && same_sentence (ctx, i, last); i++, n++)
    {
      int tense;

      if (is_clause_break (&ctx->t[i]))
        {
          if (i == last + 1)
            continue;
          break;
        }
      tense = word_tense (ctx, i);
      if (tense != 0)
        return tense;
    }
  return 0;
}

static gboolean
future_cue (const Ctx *ctx,
            guint      i)
{
  return clause_tense (ctx, i, i) > 0;
}

/* A lower-case word that looks plural ("people", "kilograms", "inmates"). */
static gboolean
looks_plural (const Ctx *ctx,
              guint      i)
{
  const Tok *t = tok (ctx, i);
  const char *w = ctx->text + t->start;
  gsize len = t->end - t->start;

  if (t->kind != TOK_WORD || (t->flags & F_CAP))
    return FALSE;
  if (t->kw == KW_QUANTITY)
    return TRUE;
  if (t->kw != KW_NONE || len < 4 || w[len - 1] != 's')
    return FALSE;
  return !(w[len - 2] == 's' || w[len - 2] == 'u' || w[len - 2] == 'i');
}

/* ---- the dct-relative building blocks ---------------------------------- */

static Res
res_unresolved (CbAnchor anchor)
{
  Res r = { 0, };

  r.resolved = FALSE;
  r.anchor = anchor;
  return r;
}

static Res
res_from_dct (const Ctx *ctx)
{
  Res r = res_unresolved (CB_ANCHOR_UNRESOLVED);

  /* far from the calendar's edges, so that a step of a few days stays valid */
  if (ctx->dct != NULL && g_date_valid (ctx->dct) && date_in_range (g_date_get_year (ctx->dct)))
    {
      r.resolved = TRUE;
      r.point = *ctx->dct;
      r.prec = CB_PRECISION_DAY;
      r.anchor = CB_ANCHOR_ARTICLE;
    }
  return r;
}

/* Month @month of the year nearest to the article date (forward only when @future). */
static Res
resolve_month (const Ctx *ctx,
               int        month,
               int        day,
               int        tense,
               guint      at)
{
  Res r = res_from_dct (ctx);
  int y, best_y = 0;
  gint64 best = G_MAXINT64;

  /* a year written in the same sentence wins ("in 2008 … on December 9") */
  if (ctx->have_year && ctx->year_sentence == tok (ctx, at)->sentence &&
      (day == 0 || g_date_valid_dmy (day, month, ctx->year)))
    {
      res_set_dmy (&r, day ? day : 1, month, ctx->year, day ? CB_PRECISION_DAY : CB_PRECISION_MONTH);
      r.anchor = CB_ANCHOR_ABSOLUTE;
      return r;
    }
  if (!r.resolved)
    return r;

  y = g_date_get_year (ctx->dct);
  for (int cy = y - 1; cy <= y + 1; cy++)
    {
      GDate c;
      gint64 dist;

      if (!g_date_valid_dmy (day ? day : 1, month, cy))
        continue;
      g_date_clear (&c, 1);
      g_date_set_dmy (&c, day ? day : 1, month, cy);
      if (day == 0)
        {
          /* compare months, not days */
          dist = (gint64) (cy * 12 + month) - (gint64) (y * 12 + g_date_get_month (ctx->dct));
          if ((tense > 0 && dist < 0) || (tense < 0 && dist > 0))
            continue;
          dist = ABS (dist) * 2 + (dist > 0);  /* ties go to the past */
        }
      else
        {
          dist = (gint64) g_date_get_julian (&c) - (gint64) g_date_get_julian (ctx->dct);
          if ((tense > 0 && dist <= 0) || (tense < 0 && dist > 0))
            continue;
          dist = ABS (dist) * 2 + (dist > 0);
        }
      if (dist < best)
        {
          best = dist;
          best_y = cy;
        }
    }
  if (best_y == 0)
    return res_unresolved (CB_ANCHOR_UNRESOLVED);
  res_set_dmy (&r, day ? day : 1, month, best_y, day ? CB_PRECISION_DAY : CB_PRECISION_MONTH);
  r.anchor = CB_ANCHOR_ARTICLE;
  return r;
}

static Res
res_absolute (int         day,
              int         month,
              int         year,
              CbPrecision prec)
{
  Res r = { 0, };

  if (!date_in_range (year) || !g_date_valid_dmy (day, month, year))
    return res_unresolved (CB_ANCHOR_UNRESOLVED);
  res_set_dmy (&r, day, month, year, prec);
  r.anchor = CB_ANCHOR_ABSOLUTE;
  return r;
}

/* One step of @n @unit from the story's last date.  A step forward that lands
 * after the article's date in a clause that is not about the future cannot be
 * meant from that date ("2025-01-21: pardoned. … He appealed. Two years
 * later, …"): then the latest earlier date that gives a possible one is used. */
static gboolean
narrative_shift (const Ctx *ctx,
                 Unit       unit,
                 int        n,
                 guint      first,
                 guint      last,
                 Res       *out)
{
  guint depth = MIN (ctx->n_hist, G_N_ELEMENTS (ctx->hist));
  gboolean check = n > 0 && ctx->dct != NULL && clause_tense (ctx, first, last) <= 0;

  if (!ctx->have_last)
    return FALSE;

  for (guint k = 0; check && k < depth; k++)
    {
      Res r = ctx->hist[(ctx->n_hist - 1 - k) % G_N_ELEMENTS (ctx->hist)];

      if (!shift_date (&r.point, unit, n))
        continue;
      if (g_date_compare (&r.point, ctx->dct) > 0)
        continue;
      r.prec = MAX (r.prec, unit_precision (unit));
      r.anchor = CB_ANCHOR_NARRATIVE;
      *out = r;
      return TRUE;
    }

  *out = ctx->last;
  if (!shift_date (&out->point, unit, n))
    return FALSE;
  out->prec = MAX (out->prec, unit_precision (unit));
  out->anchor = CB_ANCHOR_NARRATIVE;
  return TRUE;
}

/* ---- matchers ---------------------------------------------------------- */

/* A plausible four-digit year at @i in a context that makes it one. */
static gboolean
year_ok (const Ctx *ctx,
         guint      i,
         gboolean   after_month)
{
  const Tok *t = tok (ctx, i);
  guint pw;
  gboolean strong = after_month;

  if (t->kind != TOK_NUM || t->ndigits != 4 || t->suffix != SUF_NONE)
    return FALSE;
  if (t->num < 1000 || t->num > 2100)
    return FALSE;

  /* glued to other numbers or symbols: 1,996  1996.5  $2016  2016%  555-1996 */
  if (i > 0 && glued (ctx, i))
    {
      const Tok *p = &ctx->t[i - 1];

      if (p->kind == TOK_NUM || p->kind == TOK_WORD)
        return FALSE;
      if (p->kind == TOK_PUNCT &&
          (p->num == '$' || p->num == 0xA3 || p->num == 0x20AC || p->num == '#' ||
           p->num == '.' || p->num == ',' || p->num == ':' || p->num == '/' ||
           ((p->num == '-' || p->num == 0x2013) && i >= 2 && ctx->t[i - 2].kind == TOK_NUM && glued (ctx, i - 1))))
        return FALSE;
    }
  if (i + 1 < ctx->n && glued (ctx, i + 1))
    {
      const Tok *nx = &ctx->t[i + 1];

      if (nx->kind == TOK_PUNCT && (nx->num == '%' || nx->num == 0xB0) )
        return FALSE;
      if (nx->kind == TOK_PUNCT && (nx->num == '.' || nx->num == ',' || nx->num == ':' ||
                                     nx->num == '/' || is_dash (nx->num)) &&
          tok (ctx, i + 2)->kind == TOK_NUM && glued (ctx, i + 2))
        return FALSE;
      if (nx->kind == TOK_PUNCT && is_dash (nx->num) && tok (ctx, i + 2)->kind == TOK_WORD &&
          glued (ctx, i + 2) &&
          (tok (ctx, i + 2)->kw == KW_UNIT || tok (ctx, i + 2)->kw == KW_OLD))
        return FALSE;  /* a 1000-year-old tree */
    }

  /* what follows: 2016 people, 2016 years, 2016 km */
  {
    const Tok *nx = tok (ctx, i + 1);

    if (nx->kind == TOK_WORD && (nx->kw == KW_UNIT || nx->kw == KW_OLD || nx->kw == KW_QUANTITY))
      return FALSE;
  }

  pw = i > 0 ? i - 1 : G_MAXUINT;
  if (pw != G_MAXUINT && same_sentence (ctx, pw, i))
    {
      const Tok *p = &ctx->t[pw];

      if (p->kind == TOK_PUNCT && p->num == '.' && pw > 0 && is_kw (ctx, pw - 1, KW_NUMBERING))
        return FALSE;  /* No. 1996 */
      /* a year in a name: "the Fair Sentencing Act of 2010", "Class of 1996" */
      if (p->kind == TOK_WORD && p->kw == KW_PREP && p->val == 5 && pw > 0 &&
          same_sentence (ctx, pw - 1, pw) && ctx->t[pw - 1].kind == TOK_WORD &&
          (ctx->t[pw - 1].flags & F_CAP) && ctx->t[pw - 1].kw == KW_NONE)
        return FALSE;
      if (p->kind == TOK_PUNCT && p->num == '-' && glued (ctx, pw) && pw > 0 && is_kw (ctx, pw - 1, KW_MID))
        strong = TRUE;   /* mid-1996 */
      if (p->kind == TOK_WORD)
        {
          switch (p->kw)
            {
            case KW_NUMBERING:
            case KW_THAN:
            case KW_NEARLY:
            case KW_VAGUE:
            case KW_OVER:
            case KW_NUMWORD:
              return FALSE;
            case KW_PREP:
            case KW_AFTER:
            case KW_BEFORE:
            case KW_FROM:
            case KW_EARLY:
            case KW_MID:
            case KW_LATE:
            case KW_AROUND:
            case KW_SEASON:
            case KW_MONTH:
              strong = TRUE;
              break;
            case KW_UNIT:
              /* "the year 2000" */
              if (p->val == UNIT_YEAR)
                strong = TRUE;
              break;
            case KW_NONE:
              /* Windows 2000, Room 1996: a name with a number */
              if ((p->flags & F_CAP) && !(p->flags & F_SENT_START) && !after_month)
                return FALSE;
              break;
            default:
              break;
            }
        }
    }

  /* early years need a preposition ("in 1610"); "at 1600 Main Street" is an address */
  if (t->num < 1800 && !strong)
    return FALSE;
  if (pw != G_MAXUINT && word_is (ctx, pw, "at") && !after_month)
    return FALSE;
  if (!strong && looks_plural (ctx, i + 1))
    {
      /* "the 2018 midterms", "his 2016 campaigns" are years; "2016 people" is not */
      gboolean determiner = pw != G_MAXUINT && same_sentence (ctx, pw, i) &&
                            (is_kw (ctx, pw, KW_THE) || is_kw (ctx, pw, KW_DET) ||
                             (word_is (ctx, pw, "s") && pw > 0 && is_apostrophe (ctx, pw - 1)));

      if (!determiner || t->num < 1900 || tok (ctx, i + 1)->kw == KW_QUANTITY)
        return FALSE;
    }
  return TRUE;
}

static CbQualifier
qualifier_before (const Ctx *ctx,
                  guint      i)
{
  const Tok *p;

  if (i == 0)
    return CB_QUALIFIER_ON;
  p = &ctx->t[i - 1];
  if (p->kind != TOK_WORD || p->sentence != ctx->t[i].sentence)
    return CB_QUALIFIER_ON;
  switch (p->kw)
    {
    case KW_BEFORE:
      return CB_QUALIFIER_BEFORE;
    case KW_AFTER:
      return CB_QUALIFIER_AFTER;
    case KW_AROUND:
      return CB_QUALIFIER_AROUND;
    default:
      if (p->end - p->start == 5 && g_ascii_strncasecmp (ctx->text + p->start, "prior", 5) == 0)
        return CB_QUALIFIER_BEFORE;
      return CB_QUALIFIER_ON;
    }
}

/* Day of month at @i: 1–31, plain or ordinal. */
static int
day_at (const Ctx *ctx,
        guint      i)
{
  const Tok *t = tok (ctx, i);

  if (t->kind != TOK_NUM || t->ndigits > 2 || (t->suffix != SUF_NONE && t->suffix != SUF_ORD))
    return 0;
  if (t->num < 1 || t->num > 31)
    return 0;
  /* 6:30, 6.5, 6-year-old */
  if (glued (ctx, i + 1) && tok (ctx, i + 1)->kind == TOK_PUNCT)
    {
      gint32 ch = tok (ctx, i + 1)->num;

      /* "June 4-5" is a range of days: keep the first */
      if (is_dash (ch) && glued (ctx, i + 2) && tok (ctx, i + 2)->kind == TOK_NUM &&
          tok (ctx, i + 2)->ndigits <= 2 && tok (ctx, i + 2)->suffix == SUF_NONE)
        return t->num;
      if ((ch == ':' || ch == '.' || ch == '/' || is_dash (ch) || ch == '%') &&
          glued (ctx, i + 2) && tok (ctx, i + 2)->kind != TOK_PUNCT)
        return 0;
    }
  return t->num;
}

/* Is the word at @i a month name used as one? */
static int
month_at (const Ctx *ctx,
          guint      i)
{
  const Tok *t = tok (ctx, i);
  int m;

  if (t->kind != TOK_WORD || t->kw != KW_MONTH || !(t->flags & F_CAP))
    return 0;
  m = t->val;
  if (m > 100)
    {
      /* "Jan." / "Jan 5" but not the name Jan */
      m -= 100;
      if (!(is_punct (ctx, i + 1, '.') && glued (ctx, i + 1)) && tok (ctx, i + 1)->kind != TOK_NUM)
        return 0;
    }
  return m;
}

/* Index after the month token (skipping an abbreviation's period). */
static guint
after_month (const Ctx *ctx,
             guint      i)
{
  if (tok (ctx, i)->val > 100 && is_punct (ctx, i + 1, '.') && glued (ctx, i + 1))
    return i + 2;
  return i + 1;
}

/* "June 6, 2018", "June 6", "June 2018", "June of 2018", bare "June" after a cue. */
static gboolean
match_month (Ctx   *ctx,
             guint  i,
             guint  first)
{
  int month = month_at (ctx, i);
  guint j, k;
  int day;
  Res r;

  if (month == 0)
    return FALSE;
  j = after_month (ctx, i);

  day = day_at (ctx, j);
  if (day != 0 && same_sentence (ctx, i, j))
    {
      k = j + 1;
      if (is_punct (ctx, k, ',') && year_ok (ctx, k + 1, TRUE))
        k++;
      if (year_ok (ctx, k, TRUE) && same_sentence (ctx, j, k))
        {
          r = res_absolute (day, month, tok (ctx, k)->num, CB_PRECISION_DAY);
          if (!r.resolved)
            {
              ctx->next_free = k + 1;  /* "February 30, 2018": no date, and not 2018 either */
              return TRUE;
            }
          ctx->have_year = TRUE;
          ctx->year = tok (ctx, k)->num;
          ctx->year_sentence = tok (ctx, k)->sentence;
          r.qual = qualifier_before (ctx, first);
          emit (ctx, first, k, &r);
          return TRUE;
        }
      if (!g_date_valid_dmy (day, month, 2000))
        return FALSE;
      r = resolve_month (ctx, month, day, clause_tense (ctx, first, j), i);
      r.qual = qualifier_before (ctx, first);
      emit (ctx, first, j, &r);
      return TRUE;
    }

  k = j;
  if (is_kw (ctx, k, KW_PREP) && tok (ctx, k)->val == 5 /* of */)
    k++;
  else if (is_punct (ctx, k, ','))
    k++;
  if (year_ok (ctx, k, TRUE) && same_sentence (ctx, i, k))
    {
      r = res_absolute (1, month, tok (ctx, k)->num, CB_PRECISION_MONTH);
      if (!r.resolved)
        return FALSE;
      ctx->have_year = TRUE;
      ctx->year = tok (ctx, k)->num;
      ctx->year_sentence = tok (ctx, k)->sentence;
      r.qual = qualifier_before (ctx, first);
      emit (ctx, first, k, &r);
      return TRUE;
    }

  /* a bare month needs a cue before it: in May, since March, early June, last April */
  if (first == i)
    {
      guint p = prev_word (ctx, i);
      const Tok *pt = tok (ctx, p);

      if (p == G_MAXUINT || !same_sentence (ctx, p, i) || pt->kind != TOK_WORD)
        return FALSE;
      if (!(pt->kw == KW_PREP || pt->kw == KW_ON || pt->kw == KW_EARLY || pt->kw == KW_MID ||
            pt->kw == KW_LATE || pt->kw == KW_AFTER || pt->kw == KW_BEFORE || pt->kw == KW_FROM ||
            pt->kw == KW_AROUND))
        return FALSE;
      /* "of May" only after a time word: "the middle of May", "the end of May" */
      if (pt->kw == KW_PREP && (pt->val == 5 || pt->val == 9 || pt->val == 10))
        {
          const Tok *pp = tok (ctx, p - 1);
          static const char * const okay[] = {
            "middle", "end", "beginning", "start", "month", "rest", "part", "first", "last",
            "days", "weeks", "week", "weekend", "half", "ides",
          };
          gboolean found = FALSE;

          for (guint q = 0; p > 0 && q < G_N_ELEMENTS (okay); q++)
            if (pp->kind == TOK_WORD && pp->end - pp->start == strlen (okay[q]) &&
                g_ascii_strncasecmp (ctx->text + pp->start, okay[q], pp->end - pp->start) == 0)
              found = TRUE;
          if (pt->val == 9 || pt->val == 10)
            found = p > 0 && tok (ctx, p - 1)->kw == KW_MONTH;  /* "May and June" */
          if (!found)
            return FALSE;
        }
      /* May / March / August as other words: a name follows ("June Carter") */
      if (tok (ctx, j)->kind == TOK_WORD && (tok (ctx, j)->flags & F_CAP) && same_sentence (ctx, i, j) &&
          tok (ctx, j)->kw == KW_NONE)
        return FALSE;
    }
  r = resolve_month (ctx, month, 0, clause_tense (ctx, first, j - 1), i);
  r.qual = qualifier_before (ctx, first);
  emit (ctx, first, j - 1, &r);
  return TRUE;
}

/* "6 June 2018", "6th of June", "6 June" */
static gboolean
match_day_month (Ctx   *ctx,
                 guint  i)
{
  int day = day_at (ctx, i);
  guint j = i + 1, k;
  int month;
  Res r;

  if (day == 0)
    return FALSE;
  if (is_kw (ctx, j, KW_PREP) && tok (ctx, j)->val == 5)
    j++;
  month = month_at (ctx, j);
  if (month == 0 || !same_sentence (ctx, i, j))
    return FALSE;
  k = after_month (ctx, j);
  if (is_punct (ctx, k, ',') && year_ok (ctx, k + 1, TRUE))
    k++;
  if (year_ok (ctx, k, TRUE) && same_sentence (ctx, i, k))
    {
      r = res_absolute (day, month, tok (ctx, k)->num, CB_PRECISION_DAY);
      if (!r.resolved)
        {
          ctx->next_free = k + 1;
          return TRUE;
        }
      ctx->have_year = TRUE;
      ctx->year = tok (ctx, k)->num;
      ctx->year_sentence = tok (ctx, k)->sentence;
      r.qual = qualifier_before (ctx, i);
      emit (ctx, i, k, &r);
      return TRUE;
    }
  if (!g_date_valid_dmy (day, month, 2000))
    return FALSE;
  r = resolve_month (ctx, month, day, clause_tense (ctx, i, after_month (ctx, j) - 1), i);
  r.qual = qualifier_before (ctx, i);
  emit (ctx, i, after_month (ctx, j) - 1, &r);
  return TRUE;
}

/* 2018-06-06, 2018/06/06, 6/6/2018 */
static gboolean
match_numeric_date (Ctx   *ctx,
                    guint  i)
{
  const Tok *a = tok (ctx, i), *b = tok (ctx, i + 2), *c = tok (ctx, i + 4);
  gint32 s1 = tok (ctx, i + 1)->num, s2 = tok (ctx, i + 3)->num;
  int y, m, d;
  Res r;

  if (i + 4 >= ctx->n)
    return FALSE;
  for (guint k = i + 1; k <= i + 4; k++)
    if (!glued (ctx, k))
      return FALSE;
  if (tok (ctx, i + 1)->kind != TOK_PUNCT || tok (ctx, i + 3)->kind != TOK_PUNCT || s1 != s2 ||
      (s1 != '-' && s1 != '/'))
    return FALSE;
  if (a->kind != TOK_NUM || b->kind != TOK_NUM || c->kind != TOK_NUM ||
      a->suffix != SUF_NONE || b->suffix != SUF_NONE || c->suffix != SUF_NONE)
    return FALSE;
  /* more digits glued on: a phone number or a serial */
  if (glued (ctx, i + 5) && (tok (ctx, i + 5)->kind == TOK_NUM ||
                             (tok (ctx, i + 5)->kind == TOK_PUNCT && (tok (ctx, i + 5)->num == s1 || tok (ctx, i + 5)->num == '.') &&
                              tok (ctx, i + 6)->kind == TOK_NUM && glued (ctx, i + 6))))
    return FALSE;
  if (i > 0 && glued (ctx, i) && ctx->t[i - 1].kind != TOK_WORD &&
      (ctx->t[i - 1].kind == TOK_NUM || ctx->t[i - 1].num == s1))
    return FALSE;

  if (a->ndigits == 4 && b->ndigits <= 2 && c->ndigits <= 2)
    {
      y = a->num;
      m = b->num;
      d = c->num;
    }
  else if (s1 == '/' && a->ndigits <= 2 && b->ndigits <= 2 && c->ndigits == 4)
    {
      /* month first, as American papers write it */
      m = a->num;
      d = b->num;
      y = c->num;
    }
  else
    return FALSE;
  if (y < 1000 || y > 2100 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  r = res_absolute (d, m, y, CB_PRECISION_DAY);
  if (!r.resolved)
    return FALSE;
  ctx->have_year = TRUE;
  ctx->year = y;
  ctx->year_sentence = a->sentence;
  r.qual = qualifier_before (ctx, i);
  emit (ctx, i, i + 4, &r);
  return TRUE;
}

/* 1990s, 1990's, '90s, the 90s */
static gboolean
match_decade (Ctx   *ctx,
              guint  i,
              guint  first)
{
  const Tok *t = tok (ctx, i);
  guint last = i;
  int year;
  Res r;

  if (t->kind != TOK_NUM || t->num % 10 != 0)
    return FALSE;

  if (t->ndigits == 4 && t->num >= 1000 && t->num <= 2090)
    {
      /* "the 1800s" is a century, which a decade value would get wrong */
      if (t->num % 100 == 0 && t->num < 2000)
        return FALSE;
      if (t->suffix == SUF_S)
        ;
      else if (t->suffix == SUF_NONE && is_apostrophe (ctx, i + 1) && glued (ctx, i + 1) &&
               tok (ctx, i + 2)->kind == TOK_WORD && glued (ctx, i + 2) &&
               tok (ctx, i + 2)->end - tok (ctx, i + 2)->start == 1 &&
               ctx->text[tok (ctx, i + 2)->start] == 's')
        last = i + 2;
      else
        return FALSE;
      if (glued (ctx, i) && i > 0 && ctx->t[i - 1].kind == TOK_PUNCT && ctx->t[i - 1].num == '$')
        return FALSE;
      year = t->num;
    }
  else if (t->ndigits == 2 && t->suffix == SUF_S)
    {
      /* two digits need an apostrophe or "the": "the '90s", "the 90s" (not "in her 30s") */
      gboolean apo = i > 0 && is_apostrophe (ctx, i - 1) && glued (ctx, i);
      guint p = apo ? i - 2 : i - 1;

      if (i == 0 || (apo && i < 2))
        return FALSE;
      while (p != G_MAXUINT && p > 0 && (is_kw (ctx, p, KW_EARLY) || is_kw (ctx, p, KW_MID) ||
                                         is_kw (ctx, p, KW_LATE) || is_punct (ctx, p, '-')))
        p--;
      if (!apo && !is_kw (ctx, p, KW_THE))
        return FALSE;
      if (!apo && is_kw (ctx, p, KW_THE) && !is_kw (ctx, p, KW_THE))
        return FALSE;
      year = t->num >= 30 ? 1900 + t->num : 2000 + t->num;
      if (apo && first == i)
        first = i - 1;
    }
  else
    return FALSE;

  r = res_absolute (1, 1, year, CB_PRECISION_DECADE);
  r.qual = qualifier_before (ctx, first);
  emit (ctx, first, last, &r);
  return TRUE;
}

/* "the nineties", "the mid-eighties" */
static gboolean
match_decade_word (Ctx   *ctx,
                   guint  i)
{
  guint p = prev_word (ctx, i);
  Res r;

  if (p != G_MAXUINT && (is_kw (ctx, p, KW_EARLY) || is_kw (ctx, p, KW_MID) || is_kw (ctx, p, KW_LATE)))
    p = prev_word (ctx, p);
  if (p == G_MAXUINT || !is_kw (ctx, p, KW_THE))
    return FALSE;
  r = res_absolute (1, 1, 1900 + 10 * tok (ctx, i)->val, CB_PRECISION_DECADE);
  emit (ctx, i, i, &r);
  return TRUE;
}

/* "2010-2015", "1939–1945": two years */
static gboolean
match_year_range (Ctx   *ctx,
                  guint  i)
{
  const Tok *a = tok (ctx, i), *b = tok (ctx, i + 2);
  Res r;

  if (a->kind != TOK_NUM || a->ndigits != 4 || a->suffix != SUF_NONE ||
      !glued (ctx, i + 1) || !glued (ctx, i + 2) || !is_dash (tok (ctx, i + 1)->num) ||
      tok (ctx, i + 1)->kind != TOK_PUNCT ||
      b->kind != TOK_NUM || b->ndigits != 4 || b->suffix != SUF_NONE)
    return FALSE;
  if (a->num < 1600 || b->num > 2100 || b->num <= a->num || b->num - a->num > 100)
    return FALSE;
  if (i > 0 && glued (ctx, i) && ctx->t[i - 1].kind != TOK_WORD && ctx->t[i - 1].num != '(')
    return FALSE;
  if (glued (ctx, i + 3) && tok (ctx, i + 3)->kind != TOK_PUNCT)
    return FALSE;
  if (glued (ctx, i + 3) && (is_dash (tok (ctx, i + 3)->num) || tok (ctx, i + 3)->num == '.') &&
      glued (ctx, i + 4) && tok (ctx, i + 4)->kind == TOK_NUM)
    return FALSE;
  r = res_absolute (1, 1, a->num, CB_PRECISION_YEAR);
  emit (ctx, i, i, &r);
  r = res_absolute (1, 1, b->num, CB_PRECISION_YEAR);
  emit (ctx, i + 2, i + 2, &r);
  ctx->have_year = TRUE;
  ctx->year = b->num;
  ctx->year_sentence = b->sentence;
  return TRUE;
}

static gboolean
match_year (Ctx   *ctx,
            guint  i,
            guint  first)
{
  Res r;

  if (!year_ok (ctx, i, FALSE))
    return FALSE;
  r = res_absolute (1, 1, tok (ctx, i)->num, CB_PRECISION_YEAR);
  if (!r.resolved)
    return FALSE;
  ctx->have_year = TRUE;
  ctx->year = tok (ctx, i)->num;
  ctx->year_sentence = tok (ctx, i)->sentence;
  r.qual = qualifier_before (ctx, first);
  emit (ctx, first, i, &r);
  return TRUE;
}

/* "summer 2019", "the summer of 2019", "last summer", "this fall" */
static gboolean
match_season (Ctx   *ctx,
              guint  i)
{
  static const int first_month[] = { 3, 6, 9, 12 };
  int season = tok (ctx, i)->val;
  guint k = i + 1;
  Res r;

  if (is_kw (ctx, k, KW_PREP) && tok (ctx, k)->val == 5)
    k++;
  if (!year_ok (ctx, k, TRUE) || !same_sentence (ctx, i, k))
    return FALSE;
  r = res_absolute (1, first_month[season], tok (ctx, k)->num, CB_PRECISION_SEASON);
  if (!r.resolved)
    return FALSE;
  emit (ctx, i, k, &r);
  return TRUE;
}

/* The season @season of the story: the latest one begun by the article date
 * (or the next one, when the clause speaks of the future). */
static Res
resolve_season (const Ctx *ctx,
                int        season,
                int        tense)
{
  static const int first_month[] = { 3, 6, 9, 12 };
  Res r = res_from_dct (ctx);
  int y;

  if (!r.resolved)
    return r;
  y = g_date_get_year (&r.point);
  for (int sy = y - 1; sy <= y + 1; sy++)
    {
      GDate start;

      g_date_clear (&start, 1);
      g_date_set_dmy (&start, 1, first_month[season], sy);
      if (tense > 0 ? g_date_compare (&start, ctx->dct) > 0 : g_date_compare (&start, ctx->dct) <= 0)
        {
          res_set_dmy (&r, 1, first_month[season], sy, CB_PRECISION_SEASON);
          if (tense > 0)
            return r;  /* the first one ahead */
        }
    }
  return r;
}

/* "in the spring", "since the summer", "that fall" (the story's year) */
static gboolean
match_season_phrase (Ctx   *ctx,
                     guint  i)
{
  static const int first_month[] = { 3, 6, 9, 12 };
  int season = tok (ctx, i)->val;
  guint p = i - 1;
  Res r;

  if (i == 0 || !same_sentence (ctx, i - 1, i))
    return FALSE;
  if (is_kw (ctx, p, KW_THAT) && ctx->have_last && ctx->last.prec <= CB_PRECISION_YEAR)
    {
      r = ctx->last;
      res_set_dmy (&r, 1, first_month[season], g_date_get_year (&ctx->last.point), CB_PRECISION_SEASON);
      r.anchor = CB_ANCHOR_NARRATIVE;
      r.qual = CB_QUALIFIER_ON;
      emit (ctx, p, i, &r);
      return TRUE;
    }
  if (!is_kw (ctx, p, KW_THE) || p == 0 || !same_sentence (ctx, p - 1, p))
    return FALSE;
  if (!(is_kw (ctx, p - 1, KW_PREP) || is_kw (ctx, p - 1, KW_BEFORE) || is_kw (ctx, p - 1, KW_AFTER) ||
        is_kw (ctx, p - 1, KW_EARLY) || is_kw (ctx, p - 1, KW_LATE)))
    return FALSE;
  if (is_kw (ctx, p - 1, KW_PREP) && (tok (ctx, p - 1)->val == 5 || tok (ctx, p - 1)->val >= 8))
    return FALSE;  /* "of the summer", "and the fall" */
  /* "the summer camp", "the fall of Rome" */
  if (same_sentence (ctx, i, i + 1))
    {
      static const char * const nouns[] = {
        "camp", "camps", "school", "term", "session", "semester", "season", "break", "months",
        "collection", "program", "programme", "games", "solstice", "equinox", "festival",
        "issue", "edition", "meeting", "sale", "sales", "vacation", "holidays", "heat", "sun",
        "rains", "storm", "storms", "tour", "league", "job", "jobs", "house", "home",
      };

      if (is_kw (ctx, i + 1, KW_PREP) && tok (ctx, i + 1)->val == 5)
        return FALSE;
      for (guint q = 0; q < G_N_ELEMENTS (nouns); q++)
        if (word_is (ctx, i + 1, nouns[q]))
          return FALSE;
    }
  r = resolve_season (ctx, season, clause_tense (ctx, p, i));
  r.qual = CB_QUALIFIER_ON;
  emit (ctx, p, i, &r);
  return TRUE;
}

/* The day of @holiday in @year. */
static gboolean
holiday_date (Holiday holiday,
              int     year,
              GDate  *out)
{
  int month = 0, day = 0;

  if (!date_in_range (year))
    return FALSE;
  g_date_clear (out, 1);
  switch (holiday)
    {
    case HOLIDAY_CHRISTMAS: month = 12; day = 25; break;
    case HOLIDAY_CHRISTMAS_EVE: month = 12; day = 24; break;
    case HOLIDAY_BOXING: month = 12; day = 26; break;
    case HOLIDAY_NEW_YEAR: month = 1; day = 1; break;
    case HOLIDAY_NEW_YEARS_EVE: month = 12; day = 31; break;
    case HOLIDAY_INDEPENDENCE: month = 7; day = 4; break;
    case HOLIDAY_HALLOWEEN: month = 10; day = 31; break;
    case HOLIDAY_VALENTINE: month = 2; day = 14; break;
    case HOLIDAY_VETERANS: month = 11; day = 11; break;
    case HOLIDAY_JUNETEENTH: month = 6; day = 19; break;
    case HOLIDAY_THANKSGIVING:  /* fourth Thursday of November */
      g_date_set_dmy (out, 1, 11, year);
      g_date_add_days (out, (G_DATE_THURSDAY - g_date_get_weekday (out) + 7) % 7 + 21);
      return TRUE;
    case HOLIDAY_LABOR:  /* first Monday of September */
      g_date_set_dmy (out, 1, 9, year);
      g_date_add_days (out, (G_DATE_MONDAY - g_date_get_weekday (out) + 7) % 7);
      return TRUE;
    case HOLIDAY_MEMORIAL:  /* last Monday of May */
      g_date_set_dmy (out, 31, 5, year);
      g_date_subtract_days (out, (g_date_get_weekday (out) - G_DATE_MONDAY + 7) % 7);
      return TRUE;
    case HOLIDAY_ELECTION:  /* the Tuesday after the first Monday of November */
      g_date_set_dmy (out, 2, 11, year);
      g_date_add_days (out, (G_DATE_TUESDAY - g_date_get_weekday (out) + 7) % 7);
      return TRUE;
    case HOLIDAY_EASTER:
    case HOLIDAY_GOOD_FRIDAY:
      {
        /* the anonymous Gregorian algorithm */
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;

        month = (h + l - 7 * m + 114) / 31;
        day = (h + l - 7 * m + 114) % 31 + 1;
        g_date_set_dmy (out, day, month, year);
        if (holiday == HOLIDAY_GOOD_FRIDAY)
          g_date_subtract_days (out, 2);
        return TRUE;
      }
    case HOLIDAY_NONE:
    default:
      return FALSE;
    }
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

static gboolean
word_is (const Ctx  *ctx,
         guint       i,
         const char *word)
{
  const Tok *t = tok (ctx, i);
  gsize len = strlen (word);

  return i < ctx->n && t->kind == TOK_WORD && t->end - t->start == len &&
         g_ascii_strncasecmp (ctx->text + t->start, word, len) == 0;
}

/* "Christmas", "Christmas Day 1921", "New Year's Eve", "Thanksgiving", "Labor Day" */
static gboolean
match_holiday (Ctx   *ctx,
               guint  i)
{
  static const char * const not_the_day[] = {
    "tree", "trees", "season", "seasons", "holiday", "holidays", "shopping", "party", "parties",
    "card", "cards", "gift", "gifts", "lights", "market", "markets", "carol", "carols", "music",
    "songs", "song", "movie", "movies", "special", "break", "period", "week", "weekend", "spirit",
    "decorations", "present", "presents", "list", "sales", "rush", "travel", "weeks", "island",
    "parade", "dinner", "bunny", "egg", "eggs", "costume", "costumes", "candy", "turkey",
  };
  const Tok *t = tok (ctx, i);
  Holiday h = t->val;
  guint last = i, k;
  Res r;

  if (!(t->flags & F_CAP))
    return FALSE;

  if (t->kw == KW_HOLIDAY_PART)
    {
      guint j = i + 1;

      if (!glued (ctx, j) && h == HOLIDAY_VALENTINE)
        return FALSE;
      if (h == HOLIDAY_NEW_YEAR)
        {
          if (!word_is (ctx, j, "year"))
            return FALSE;
          j++;
          if (is_apostrophe (ctx, j) && glued (ctx, j) && word_is (ctx, j + 1, "s"))
            j += 2;
          if (word_is (ctx, j, "eve"))
            h = HOLIDAY_NEW_YEARS_EVE;
          else if (!word_is (ctx, j, "day"))
            {
              /* "New Year's" alone, but not "the new year" */
              if (j == i + 2)
                return FALSE;
              j--;
            }
        }
      else if (h == HOLIDAY_GOOD_FRIDAY)
        {
          if (!word_is (ctx, j, "friday"))
            return FALSE;
        }
      else
        {
          if ((h == HOLIDAY_VALENTINE || h == HOLIDAY_VETERANS) && is_apostrophe (ctx, j) && glued (ctx, j))
            j += word_is (ctx, j + 1, "s") ? 2 : 1;
          if (!word_is (ctx, j, "day"))
            return FALSE;
        }
      if (!(tok (ctx, j)->flags & F_CAP) || !same_sentence (ctx, i, j))
        return FALSE;
      last = j;
    }
  else
    {
      if (word_is (ctx, i + 1, "eve") && (tok (ctx, i + 1)->flags & F_CAP) && h == HOLIDAY_CHRISTMAS)
        {
          h = HOLIDAY_CHRISTMAS_EVE;
          last = i + 1;
        }
      else if ((word_is (ctx, i + 1, "day") || word_is (ctx, i + 1, "sunday")) &&
               (tok (ctx, i + 1)->flags & F_CAP))
        last = i + 1;
      else if (tok (ctx, i + 1)->kind == TOK_WORD && (tok (ctx, i + 1)->flags & F_CAP) &&
               tok (ctx, i + 1)->kw == KW_NONE && same_sentence (ctx, i, i + 1))
        return FALSE;  /* "Christmas Carol", "Easter Island": a name */
      else if (tok (ctx, i + 1)->kind == TOK_WORD && !(tok (ctx, i + 1)->flags & F_CAP))
        {
          for (guint q = 0; q < G_N_ELEMENTS (not_the_day); q++)
            if (word_is (ctx, i + 1, not_the_day[q]))
              return FALSE;
        }
    }

  /* a written year: "Christmas 2018", "Christmas Day, 1921", "Easter of 2016" */
  k = last + 1;
  if (is_punct (ctx, k, ',') || (is_kw (ctx, k, KW_PREP) && tok (ctx, k)->val == 5))
    k++;
  if (year_ok (ctx, k, TRUE) && same_sentence (ctx, last, k))
    {
      GDate d;

      if (!holiday_date (h, tok (ctx, k)->num, &d))
        return FALSE;
      r = res_absolute (g_date_get_day (&d), g_date_get_month (&d), g_date_get_year (&d), CB_PRECISION_DAY);
      r.qual = qualifier_before (ctx, i);
      emit (ctx, i, k, &r);
      return TRUE;
    }

  r = res_from_dct (ctx);
  if (ctx->have_year && ctx->year_sentence == t->sentence)
    {
      GDate d;

      if (!holiday_date (h, ctx->year, &d))
        return FALSE;
      r = res_absolute (g_date_get_day (&d), g_date_get_month (&d), g_date_get_year (&d), CB_PRECISION_DAY);
    }
  else if (r.resolved)
    {
      int tense = clause_tense (ctx, i, last);
      int y = g_date_get_year (ctx->dct);
      gint64 best = G_MAXINT64;
      gboolean found = FALSE;

      for (int cy = y - 1; cy <= y + 1; cy++)
        {
          GDate d;
          gint64 dist;

          if (!holiday_date (h, cy, &d))
            continue;
          dist = (gint64) g_date_get_julian (&d) - (gint64) g_date_get_julian (ctx->dct);
          if ((tense > 0 && dist < 0) || (tense < 0 && dist > 0))
            continue;
          dist = ABS (dist) * 2 + (dist > 0);
          if (dist < best)
            {
              best = dist;
              r.point = d;
              found = TRUE;
            }
        }
      if (!found)
        r = res_unresolved (CB_ANCHOR_UNRESOLVED);
      r.prec = CB_PRECISION_DAY;
    }
  r.qual = qualifier_before (ctx, i);
  emit (ctx, i, last, &r);
  return TRUE;
}

/* The offset: "three", "3", "a", "twenty-five" at @i; returns tokens used (0: none). */
static guint
count_at (const Ctx *ctx,
          guint      i,
          int       *value)
{
  const Tok *t = tok (ctx, i);

  if (t->kind == TOK_NUM && t->suffix == SUF_NONE && t->ndigits <= 3 && t->num > 0)
    {
      if (glued (ctx, i) && i > 0 && ctx->t[i - 1].kind != TOK_WORD &&
          (ctx->t[i - 1].num == ',' || ctx->t[i - 1].num == '.' || ctx->t[i - 1].num == '$'))
        return 0;
      *value = t->num;
      return 1;
    }
  if (t->kind == TOK_WORD && (t->kw == KW_NUMWORD || t->kw == KW_A))
    {
      *value = t->val;
      if (t->kw == KW_NUMWORD && t->val >= 20 && t->val < 100 && is_punct (ctx, i + 1, '-') &&
          glued (ctx, i + 1) && is_kw (ctx, i + 2, KW_NUMWORD) && glued (ctx, i + 2) &&
          tok (ctx, i + 2)->val < 10)
        {
          *value += tok (ctx, i + 2)->val;
          return 3;
        }
      return 1;
    }
  return 0;
}

/* Vague quantifiers before a count: "over 20", "more than a", "nearly two", "about". */
static guint
vague_before (const Ctx   *ctx,
              guint        i,
              CbQualifier *qual)
{
  guint p;

  *qual = CB_QUALIFIER_ON;
  if (i == 0)
    return i;
  p = i - 1;
  if (!same_sentence (ctx, p, i) || ctx->t[p].kind != TOK_WORD)
    return i;
  switch (ctx->t[p].kw)
    {
    case KW_OVER:
      *qual = CB_QUALIFIER_BEFORE;
      return p;
    case KW_THAN:
      if (p > 0 && is_kw (ctx, p - 1, KW_OVER))
        {
          *qual = CB_QUALIFIER_BEFORE;
          return p - 1;
        }
      if (p > 0 && is_kw (ctx, p - 1, KW_VAGUE))
        {
          *qual = CB_QUALIFIER_AFTER;  /* less than */
          return p - 1;
        }
      return i;
    case KW_NEARLY:
      *qual = CB_QUALIFIER_AFTER;
      return p;
    case KW_AROUND:
      *qual = CB_QUALIFIER_AROUND;
      return p;
    case KW_VAGUE:
      if (ctx->t[p].end - ctx->t[p].start == 5 &&
          g_ascii_strncasecmp (ctx->text + ctx->t[p].start, "least", 5) == 0)
        {
          *qual = CB_QUALIFIER_BEFORE;
          return p > 0 && ctx->t[p - 1].kind == TOK_WORD ? p - 1 : p;  /* at least */
        }
      *qual = CB_QUALIFIER_AROUND;
      return p;
    default:
      return i;
    }
}

/* Could the token at @i start an absolute date?  Then "two days before June 5"
 * is left for that date. */
static gboolean
absolute_date_follows (const Ctx *ctx,
                       guint      i)
{
  const Tok *t = tok (ctx, i);

  if (t->kind == TOK_NUM)
    return TRUE;
  if (t->kind == TOK_WORD && (t->kw == KW_MONTH || t->kw == KW_WEEKDAY || t->kw == KW_DEICTIC ||
                              t->kw == KW_HOLIDAY || t->kw == KW_HOLIDAY_PART || t->kw == KW_LAST ||
                              t->kw == KW_THIS || t->kw == KW_NEXT))
    return TRUE;
  if (is_kw (ctx, i, KW_ON) || (is_kw (ctx, i, KW_PREP) && tok (ctx, i)->val == 0))
    return absolute_date_follows (ctx, i + 1);
  return FALSE;
}

/* "three months ago", "a week later", "two years earlier", ", three days before the vote" */
static gboolean
match_counted (Ctx   *ctx,
               guint  i)
{
  int n = 0;
  guint used = count_at (ctx, i, &n);
  guint u, rel, first;
  Unit unit;
  const Tok *ut, *rt;
  CbQualifier qual;
  Res r;
  int sign;

  if (used == 0)
    return FALSE;
  u = i + used;
  ut = tok (ctx, u);
  if (ut->kind != TOK_WORD || ut->kw != KW_UNIT || !same_sentence (ctx, i, u))
    return FALSE;
  unit = ut->val % 100;
  if (unit == UNIT_WEEKEND)
    return FALSE;
  rel = u + 1;
  rt = tok (ctx, rel);
  if (rt->kind != TOK_WORD || !same_sentence (ctx, u, rel))
    return FALSE;

  first = vague_before (ctx, i, &qual);
  if (first < ctx->next_free)
    first = i;

  /* "the two years later", "his 20 years before": a noun phrase, a duration */
  if (tok (ctx, i)->kw != KW_A && i > 0 && same_sentence (ctx, i - 1, i) &&
      (is_kw (ctx, i - 1, KW_THE) || is_kw (ctx, i - 1, KW_DET) || is_kw (ctx, i - 1, KW_DURATION)))
    return FALSE;

  switch (rt->kw)
    {
    case KW_AGO:
      r = res_from_dct (ctx);
      if (r.resolved)
        {
          if (!shift_date (&r.point, unit, -n))
            return FALSE;
          r.prec = unit_precision (unit);
        }
      r.qual = qual;
      emit (ctx, first, rel, &r);
      return TRUE;

    case KW_FROM:
      if (!is_kw (ctx, rel + 1, KW_NOW))
        return FALSE;
      rel++;
      G_GNUC_FALLTHROUGH;
    case KW_HENCE:
      r = res_from_dct (ctx);
      if (r.resolved)
        {
          if (!shift_date (&r.point, unit, n))
            return FALSE;
          r.prec = unit_precision (unit);
        }
      r.qual = qual;
      emit (ctx, first, rel, &r);
      return TRUE;

    case KW_LATER:
    case KW_EARLIER:
      sign = rt->kw == KW_LATER ? 1 : -1;
      goto narrative;

    case KW_AFTER:
    case KW_BEFORE:
      sign = rt->kw == KW_AFTER ? 1 : -1;
      {
        const Tok *nx = tok (ctx, rel + 1);

        /* "a year before," / "a week after." : relative to the story so far */
        if (rel + 1 >= ctx->n || !same_sentence (ctx, rel, rel + 1) ||
            (nx->kind == TOK_PUNCT && (nx->num == ',' || nx->num == '.' || nx->num == ';')))
          goto narrative;
        if (absolute_date_follows (ctx, rel + 1))
          return FALSE;
        /* ", three months after <an event>": the event happened that long before
         * the date this sentence already gave; vague counts cannot be placed */
        if (qual != CB_QUALIFIER_ON)
          return FALSE;
        {
          guint p = i;

          while (p > 0 && is_kw (ctx, p - 1, KW_JUST) && same_sentence (ctx, p - 1, i))
            p--;
          if (p == 0 || !same_sentence (ctx, p - 1, i) || tok (ctx, p - 1)->kind != TOK_PUNCT)
            return FALSE;
          if (!ctx->have_sent || ctx->sent_index != tok (ctx, i)->sentence)
            return FALSE;
          first = p;
        }
        r = ctx->sent_res;
        if (r.resolved)
          {
            if (!shift_date (&r.point, unit, -sign * n))
              return FALSE;
            r.prec = MAX (r.prec, unit_precision (unit));
            r.anchor = CB_ANCHOR_NARRATIVE;
          }
        else
          r.anchor = CB_ANCHOR_UNRESOLVED;
        r.qual = CB_QUALIFIER_ON;
        emit (ctx, first, rel, &r);
        return TRUE;
      }

    default:
      return FALSE;
    }

narrative:
  if (ctx->have_last)
    {
      if (!narrative_shift (ctx, unit, sign * n, first, rel, &r))
        return FALSE;
    }
  else
    {
      r = res_from_dct (ctx);
      if (r.resolved)
        {
          if (!shift_date (&r.point, unit, sign * n))
            return FALSE;
          r.prec = unit_precision (unit);
        }
    }
  r.qual = qual;
  emit (ctx, first, rel, &r);
  return TRUE;
}

/* Bring a weekday to the nearest such day: back (≤ dct) or forward (> dct). */
static Res
resolve_weekday (const Ctx *ctx,
                 int        weekday,
                 int        direction)  /* -1: at or before, -2: strictly before, 1: after */
{
  Res r = res_from_dct (ctx);
  int wd;

  if (!r.resolved)
    return r;
  wd = g_date_get_weekday (&r.point);
  if (direction == 1)
    g_date_add_days (&r.point, ((weekday - wd) + 7) % 7 == 0 ? 7 : ((weekday - wd) + 7) % 7);
  else
    {
      int back = ((wd - weekday) + 7) % 7;

      if (back == 0 && direction == -2)
        back = 7;
      g_date_subtract_days (&r.point, back);
    }
  r.prec = CB_PRECISION_DAY;
  return r;
}

/* "Wednesday", "Wednesday, June 6, 2018" */
static gboolean
match_weekday (Ctx   *ctx,
               guint  i,
               guint  first)
{
  const Tok *t = tok (ctx, i);
  guint p = i > 0 ? i - 1 : G_MAXUINT;
  guint j = i + 1;
  Res r;

  if (!(t->flags & F_CAP))
    return FALSE;
  /* "every Sunday": a habit, not a day */
  if (p != G_MAXUINT && (word_is (ctx, p, "every") || word_is (ctx, p, "each")))
    return FALSE;

  /* a full date follows: let it carry the day, keep the weekday in the span */
  if (is_punct (ctx, j, ',') && same_sentence (ctx, i, j + 1))
    j++;
  if (same_sentence (ctx, i, j) && j < ctx->n)
    {
      if (month_at (ctx, j) != 0 && day_at (ctx, after_month (ctx, j)) != 0)
        return match_month (ctx, j, first);
      if (day_at (ctx, j) != 0 && (month_at (ctx, j + 1) != 0 ||
                                   (is_kw (ctx, j + 1, KW_PREP) && month_at (ctx, j + 2) != 0)))
        {
          guint before = ctx->out->len;

          if (match_day_month (ctx, j))
            {
              CbTimex *tx;

              /* "Wednesday 31 Feb. 1996" is consumed but not a date */
              if (ctx->out->len == before)
                return TRUE;
              tx = g_ptr_array_index (ctx->out, ctx->out->len - 1);
              tx->span.start = ctx->t[first].start;
              g_free (tx->text);
              tx->text = g_strndup (ctx->text + tx->span.start, tx->span.end - tx->span.start);
              return TRUE;
            }
        }
    }

  /* "Sunday Times", "Friday Night Lights": a name goes on */
  if (!(p != G_MAXUINT && same_sentence (ctx, p, i) &&
        (is_kw (ctx, p, KW_ON) || is_kw (ctx, p, KW_PREP) || is_kw (ctx, p, KW_LAST) ||
         is_kw (ctx, p, KW_NEXT) || is_kw (ctx, p, KW_THIS) || is_kw (ctx, p, KW_EARLY) ||
         is_kw (ctx, p, KW_LATE))))
    {
      const Tok *nx = tok (ctx, i + 1);

      if (nx->kind == TOK_WORD && (nx->flags & F_CAP) && nx->kw == KW_NONE && same_sentence (ctx, i, i + 1))
        return FALSE;
    }

  if (first < i && is_kw (ctx, first, KW_LAST))
    r = resolve_weekday (ctx, t->val, -2);
  else if (first < i && is_kw (ctx, first, KW_NEXT))
    r = resolve_weekday (ctx, t->val, 1);
  else if (first < i && is_kw (ctx, first, KW_THIS))
    r = resolve_weekday (ctx, t->val, future_cue (ctx, first) ? 1 : -1);
  else
    r = resolve_weekday (ctx, t->val, future_cue (ctx, i) ? 1 : -1);
  r.qual = qualifier_before (ctx, first);
  emit (ctx, first, i, &r);
  return TRUE;
}

/* this/last/next + week/month/year/weekend/season/month name/weekday */
/* "her" is a possessive in "her last week in office" but the object of the
 * verb in "the governor pardoned her last week": only a phrase that goes on
 * after the unit makes it a possessive. */
static gboolean
her_is_object (const Ctx *ctx,
               guint      det,
               guint      unit)
{
  static const char * const goes_on[] = {
    "in", "of", "at", "as", "on", "with", "behind", "inside", "before",
  };

  if (!word_is (ctx, det, "her"))
    return FALSE;
  if (unit + 1 < ctx->n && same_sentence (ctx, unit, unit + 1))
    for (guint k = 0; k < G_N_ELEMENTS (goes_on); k++)
      if (word_is (ctx, unit + 1, goes_on[k]))
        return FALSE;
  return TRUE;
}

static gboolean
match_deictic_unit (Ctx   *ctx,
                    guint  i)
{
  const Tok *t = tok (ctx, i);
  guint j = i + 1, first = i;
  const Tok *u = tok (ctx, j);
  int dir;
  Res r;

  if (!same_sentence (ctx, i, j) || u->kind != TOK_WORD)
    return FALSE;
  dir = t->kw == KW_LAST ? -1 : t->kw == KW_NEXT ? 1 : 0;
  if (t->kw == KW_THIS && u->kw == KW_PAST)
    {
      /* "this past weekend" */
      j++;
      u = tok (ctx, j);
      dir = -1;
      if (!same_sentence (ctx, i, j) || u->kind != TOK_WORD)
        return FALSE;
    }

  /* "the last week", "the next year": a duration or a narrative step */
  if (i > 0 && same_sentence (ctx, i - 1, i) &&
      (is_kw (ctx, i - 1, KW_THE) || is_kw (ctx, i - 1, KW_DET) || is_kw (ctx, i - 1, KW_DURATION) ||
       is_kw (ctx, i - 1, KW_OVER)) &&
      !her_is_object (ctx, i - 1, j))
    return FALSE;

  /* "Just last week", "earlier this year", "late last month" */
  if (i > 0 && i - 1 >= ctx->next_free && same_sentence (ctx, i - 1, i) &&
      (is_kw (ctx, i - 1, KW_JUST) || is_kw (ctx, i - 1, KW_EARLIER) || is_kw (ctx, i - 1, KW_LATER) ||
       is_kw (ctx, i - 1, KW_EARLY) || is_kw (ctx, i - 1, KW_LATE)))
    first = i - 1;

  if (u->kw == KW_WEEKDAY)
    return match_weekday (ctx, j, first);

  r = res_from_dct (ctx);

  if (u->kw == KW_MONTH && (u->flags & F_CAP) && u->val < 100)
    {
      int month = u->val;

      if (r.resolved)
        {
          int y = g_date_get_year (&r.point), m = g_date_get_month (&r.point);

          if (dir < 0 && month >= m)
            y--;
          else if (dir > 0 && month <= m)
            y++;
          res_set_dmy (&r, 1, month, y, CB_PRECISION_MONTH);
        }
      emit (ctx, first, j, &r);
      return TRUE;
    }

  if (u->kw == KW_SEASON)
    {
      static const int first_month[] = { 3, 6, 9, 12 };
      int season = u->val;

      if (r.resolved)
        {
          int y = g_date_get_year (&r.point), m = g_date_get_month (&r.point);
          int cur = m <= 2 ? 3 : (m - 3) / 3;  /* the season the dct is in */
          int sy = m <= 2 ? y - 1 : y;        /* the year that season starts in */

          if (dir < 0)
            sy = season < cur ? sy : sy - 1;
          else if (dir > 0)
            sy = season > cur ? sy : sy + 1;
          else
            sy = (season == 3 && m <= 2) ? y - 1 : y;
          res_set_dmy (&r, 1, first_month[season], sy, CB_PRECISION_SEASON);
        }
      emit (ctx, first, j, &r);
      return TRUE;
    }

  if (u->kw != KW_UNIT || u->val >= 100)
    return FALSE;
  if (u->val == UNIT_DAY || u->val == UNIT_FORTNIGHT)
    return FALSE;
  if (u->val == UNIT_DECADE && dir != 0)
    return FALSE;  /* "the last decade" is a duration */

  if (r.resolved)
    {
      if (!shift_date (&r.point, u->val, dir))
        return FALSE;
      r.prec = u->val == UNIT_DECADE ? CB_PRECISION_DECADE : unit_precision (u->val);
    }
  emit (ctx, first, j, &r);
  return TRUE;
}

/* "the following year", "the next day", "the previous month", "later that year",
 * "the same day": one step from the last date of the story. */
static gboolean
match_narrative_step (Ctx   *ctx,
                      guint  i)
{
  const Tok *t = tok (ctx, i);
  guint j = i + 1, first = i;
  const Tok *u;
  Unit unit;
  int step;
  Res r;

  if (t->kw == KW_SAME && is_kw (ctx, i + 1, KW_UNIT))
    step = 0;
  else if (t->kw == KW_THAT)
    {
      if (is_kw (ctx, j, KW_SAME))
        j++;
      else if (!(i > 0 && (is_kw (ctx, i - 1, KW_LATER) || is_kw (ctx, i - 1, KW_EARLIER))))
        return FALSE;
      step = 0;
    }
  else if (t->kw == KW_FOLLOWING || t->kw == KW_NEXT)
    step = 1;
  else if (t->kw == KW_PREVIOUS)
    step = -1;
  else
    return FALSE;

  u = tok (ctx, j);
  if (!same_sentence (ctx, i, j))
    return FALSE;
  if (is_kw (ctx, j, KW_DAYPART) && step != 0 && !word_is (ctx, j, "tonight"))
    unit = UNIT_DAY;  /* "the next morning", "the previous night" */
  else if (is_kw (ctx, j, KW_UNIT) && u->val < 100)
    unit = u->val;
  else
    return FALSE;
  if (unit == UNIT_DECADE || unit == UNIT_FORTNIGHT || unit == UNIT_WEEKEND)
    return FALSE;

  if (t->kw != KW_THAT)
    {
      /* "the following year", not "in the next year" (a span of time ahead) */
      if (i == 0 || !is_kw (ctx, i - 1, KW_THE) || !same_sentence (ctx, i - 1, i))
        return FALSE;
      if (i >= 2 && same_sentence (ctx, i - 2, i) &&
          (is_kw (ctx, i - 2, KW_DURATION) || is_kw (ctx, i - 2, KW_OVER) ||
           (is_kw (ctx, i - 2, KW_PREP) && t->kw == KW_NEXT)))
        return FALSE;
      first = i - 1;
    }
  else if (i > 0 && (is_kw (ctx, i - 1, KW_LATER) || is_kw (ctx, i - 1, KW_EARLIER)))
    first = i - 1;

  if (t->kw == KW_NEXT && !ctx->have_last)
    return FALSE;

  if (ctx->have_last)
    {
      if (!narrative_shift (ctx, unit, step, first, j, &r))
        return FALSE;
    }
  else
    r = res_unresolved (CB_ANCHOR_UNRESOLVED);
  r.qual = CB_QUALIFIER_ON;
  emit (ctx, first, j, &r);
  return TRUE;
}

/* "the day before" / "the day after" at the end of a clause */
static gboolean
match_day_before (Ctx   *ctx,
                  guint  i)
{
  const Tok *u = tok (ctx, i + 1), *rel = tok (ctx, i + 2), *nx = tok (ctx, i + 3);
  int sign;
  Res r;

  if (!is_kw (ctx, i + 1, KW_UNIT) || (u->val != UNIT_DAY && u->val != UNIT_WEEK &&
                                        u->val != UNIT_MONTH && u->val != UNIT_YEAR))
    return FALSE;
  if (rel->kind != TOK_WORD || (rel->kw != KW_BEFORE && rel->kw != KW_AFTER))
    return FALSE;
  if (!same_sentence (ctx, i, i + 2))
    return FALSE;
  if (i + 3 < ctx->n && same_sentence (ctx, i + 2, i + 3) &&
      !(nx->kind == TOK_PUNCT && (nx->num == ',' || nx->num == '.' || nx->num == ';')))
    return FALSE;
  if (!ctx->have_last)
    return FALSE;
  sign = rel->kw == KW_AFTER ? 1 : -1;
  r = ctx->last;
  if (!shift_date (&r.point, u->val, sign))
    return FALSE;
  r.prec = MAX (r.prec, unit_precision (u->val));
  r.anchor = CB_ANCHOR_NARRATIVE;
  r.qual = CB_QUALIFIER_ON;
  emit (ctx, i, i + 2, &r);
  return TRUE;
}

/* '97 (a year after a preposition) */
static gboolean
match_short_year (Ctx   *ctx,
                  guint  i)
{
  const Tok *t = tok (ctx, i + 1);
  int year;
  Res r;

  if (t->kind != TOK_NUM || !glued (ctx, i + 1))
    return FALSE;
  if (t->ndigits == 2 && t->suffix == SUF_S)
    return match_decade (ctx, i + 1, i);
  if (t->ndigits != 2 || t->suffix != SUF_NONE)
    return FALSE;
  if (i == 0 || !(is_kw (ctx, i - 1, KW_PREP) || is_kw (ctx, i - 1, KW_MONTH) ||
                  is_kw (ctx, i - 1, KW_SEASON)))
    return FALSE;
  if (glued (ctx, i + 2) && tok (ctx, i + 2)->kind != TOK_WORD && tok (ctx, i + 2)->num != ',' &&
      tok (ctx, i + 2)->num != '.')
    return FALSE;
  if (tok (ctx, i + 2)->kind == TOK_WORD && glued (ctx, i + 2))
    return FALSE;
  year = t->num;
  if (ctx->dct != NULL && g_date_valid (ctx->dct))
    year += year <= (int) (g_date_get_year (ctx->dct) % 100) ? 2000 : 1900;
  else
    year += year <= 30 ? 2000 : 1900;
  r = res_absolute (1, 1, year, CB_PRECISION_YEAR);
  if (is_kw (ctx, i - 1, KW_MONTH) && month_at (ctx, i - 1) != 0 && (i - 1) >= ctx->next_free)
    {
      r = res_absolute (1, month_at (ctx, i - 1), year, CB_PRECISION_MONTH);
      emit (ctx, i - 1, i + 1, &r);
      return TRUE;
    }
  if (is_kw (ctx, i - 1, KW_SEASON))
    return FALSE;
  emit (ctx, i, i + 1, &r);
  return TRUE;
}

static void
scan (Ctx *ctx)
{
  for (guint i = 0; i < ctx->n; i = MAX (i + 1, ctx->next_free))
    {
      const Tok *t = &ctx->t[i];

      if (t->kind == TOK_NUM)
        {
          if (match_numeric_date (ctx, i) || match_day_month (ctx, i) ||
              match_decade (ctx, i, i) || match_counted (ctx, i) || match_year_range (ctx, i) ||
              match_year (ctx, i, i))
            continue;
          continue;
        }
      if (t->kind == TOK_PUNCT)
        {
          if (is_apostrophe (ctx, i) && !(i > 0 && glued (ctx, i) && ctx->t[i - 1].kind == TOK_WORD))
            match_short_year (ctx, i);
          continue;
        }
      switch (t->kw)
        {
        case KW_NONE:
          break;
        case KW_MONTH:
          match_month (ctx, i, i);
          break;
        case KW_WEEKDAY:
          match_weekday (ctx, i, i);
          break;
        case KW_DEICTIC:
          {
            Res r = res_from_dct (ctx);

            if (r.resolved)
              g_date_add_days (&r.point, t->val >= 0 ? t->val : 0),
              g_date_subtract_days (&r.point, t->val < 0 ? -t->val : 0);
            emit (ctx, i, i, &r);
          }
          break;
        case KW_THIS:
        case KW_LAST:
        case KW_NEXT:
          if (!match_deictic_unit (ctx, i) && t->kw == KW_NEXT)
            match_narrative_step (ctx, i);
          break;
        case KW_FOLLOWING:
        case KW_PREVIOUS:
        case KW_SAME:
        case KW_THAT:
          match_narrative_step (ctx, i);
          break;
        case KW_THE:
          match_day_before (ctx, i);
          break;
        case KW_NUMWORD:
        case KW_A:
          match_counted (ctx, i);
          break;
        case KW_SEASON:
          if (!match_season (ctx, i))
            match_season_phrase (ctx, i);
          break;
        case KW_HOLIDAY:
        case KW_HOLIDAY_PART:
          match_holiday (ctx, i);
          break;
        case KW_DECWORD:
          match_decade_word (ctx, i);
          break;
        default:
          break;
        }
    }
}

void
cb_timex_free (CbTimex *timex)
{
  if (timex == NULL)
    return;
  g_free (timex->text);
  g_free (timex->date.value);
  g_free (timex);
}

GPtrArray *
cb_find_timexes (const char  *text,
                 const GDate *dct)
{
  static GOnce once = G_ONCE_INIT;
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_timex_free);
  g_autofree Tok *toks = NULL;
  gsize n_toks = 0;
  Ctx ctx = { 0, };

  if (text == NULL)
    return out;
  g_once (&once, kw_table_init, NULL);

  toks = tokenize (text, &n_toks);
  ctx.text = text;
  ctx.t = toks;
  ctx.n = n_toks;
  ctx.dct = (dct != NULL && g_date_valid (dct)) ? dct : NULL;
  ctx.out = out;
  scan (&ctx);
  return out;
}
