/* cb-persons.c — people named in a text, with their aliases
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Capitalised runs of words are cut into an optional title prefix
 * ("U.S. District Judge") and a name ("Samuel H. Mays").  Runs that look like
 * organisations, places, works or sentence openers are dropped by general
 * cues: institutional head words, a preceding determiner, "X of Y", company
 * suffixes, capitalised function words inside the run, words that the text
 * also uses in lower case.  Full names (two words or more) make the people;
 * single words and headings join them (surname, first name, titled forms) or,
 * with a title or a verb of saying, make a person of their own.
 */

#include "config.h"

#include <string.h>

#include "cb-persons.h"
#include "cb-scan-private.h"

typedef enum
{
  CAND_FULL,      /* two name words or more */
  CAND_SINGLE,    /* one name word */
  CAND_HEADING,   /* a run of a heading written in capitals */
} CandKind;

typedef struct
{
  CandKind  kind;
  guint     run_start;   /* byte: start of the title prefix or of the name */
  guint     start;       /* byte: start of the name */
  guint     end;         /* byte: end of the name, without a possessive */
  guint     first_tok;   /* token of the first name word */
  guint     last_tok;    /* token after the name */
  GPtrArray *words;      /* char *: lower-case name words, initials without their dot */
  gboolean  titled;
  gboolean  evidence;    /* a title or a verb of saying makes a single word a person */
  CbGender  title_gender;
  int       person;
  guint     nick_tok;    /* token of a quoted nickname inside the name, or 0 */
  guint     gap_start;   /* bytes of that nickname with its marks */
  guint     gap_end;
} Cand;

typedef struct
{
  GPtrArray *forms;       /* GPtrArray of words (char *), every form of two words or more */
  GPtrArray *aliases;     /* char *: surface forms */
  GArray    *mentions;    /* CbSpan */
  char      *name;        /* surface of the fullest form, without titles */
  guint      name_words;
  guint      name_pos;
  int        last_pos;    /* byte of the latest mention seen so far, -1 none */
  guint      first_pos;
  gboolean   surname_used;
  gboolean   firstname_used;
  int        female_votes;
  int        male_votes;
  CbGender   strong_gender;
} Build;

static void
cand_clear (gpointer data)
{
  Cand *cand = data;

  g_clear_pointer (&cand->words, g_ptr_array_unref);
}

static void
build_free (gpointer data)
{
  Build *b = data;

  g_ptr_array_unref (b->forms);
  g_ptr_array_unref (b->aliases);
  if (b->mentions)
    g_array_unref (b->mentions);
  g_free (b->name);
  g_free (b);
}

void
cb_person_free (CbPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->name);
  g_clear_pointer (&person->aliases, g_ptr_array_unref);
  g_clear_pointer (&person->mentions, g_array_unref);
  g_free (person);
}

/* ------------------------------------------------------------ word helpers */

/* A lower-case name word of the text, interned: within one text, equal words
 * are one pointer, so that comparing names compares pointers, and what the
 * word lists say of a word is looked up once. */
typedef struct
{
  guint32 classes;      /* cb_words_classes() of the word */
  guint32 hash;         /* bytes_hash() */
  gsize   len;
  guint8  initial;      /* one character long */
  guint8  wanted;       /* a sentence-initial word: does the text use it in lower case? */
  guint8  lower_used;   /* … it does */
  char    str[];
} Word;

#define WORD_OF(s) ((Word *) ((char *) (s) - G_STRUCT_OFFSET (Word, str)))

static inline gboolean
word_in (const char *word,
         CbWords     list)
{
  return (WORD_OF (word)->classes & (1u << list)) != 0;
}

static inline gboolean
is_initial_word (const char *w)
{
  return WORD_OF (w)->initial;
}

/* The words of one text and, per token, its word; plus which
 * sentence-initial words the text also uses in lower case. */
typedef struct
{
  Word       **slots;       /* open addressing on Word.hash; the Words are owned */
  guint        mask;
  guint        n_words;
  const char **down;        /* per token: its Word's str, NULL until asked */
  guint64      lengths;     /* bit n: some wanted word has n bytes */
  guint        n_wanted;
  GSList      *blocks;      /* the Words live in these, freed together */
  char        *free_space;
  gsize        n_free;
} Lexicon;

static inline guint32
bytes_hash (const char *s,
            gsize       n)
{
  guint32 h = 2166136261u;

  for (gsize k = 0; k < n; k++)
    h = (h ^ (guchar) s[k]) * 16777619u;
  return h;
}

static void
lexicon_init (Lexicon *lex,
              guint    n_toks)
{
  memset (lex, 0, sizeof *lex);
  lex->mask = 255;
  lex->slots = g_new0 (Word *, lex->mask + 1);
  lex->down = g_new0 (const char *, MAX (n_toks, 1));
}

static void
lexicon_clear (Lexicon *lex)
{
  g_slist_free_full (lex->blocks, g_free);
  g_free (lex->slots);
  g_free (lex->down);
}

/* Room for a Word of @n bytes: words come and go with their text, so they
 * are cut from larger blocks rather than allocated one by one. */
static Word *
lexicon_alloc (Lexicon *lex,
               gsize    n)
{
  gsize size = (sizeof (Word) + n + 1 + 7) & ~(gsize) 7;
  Word *word;

  if (size > lex->n_free)
    {
      gsize block = MAX (size, 4096);

      lex->free_space = g_malloc (block);
      lex->n_free = block;
      lex->blocks = g_slist_prepend (lex->blocks, lex->free_space);
    }
  word = (Word *) lex->free_space;
  lex->free_space += size;
  lex->n_free -= size;
  return word;
}

/* The word of exactly these bytes, or NULL. */
static Word *
lexicon_find (Lexicon    *lex,
              const char *s,
              gsize       n,
              guint32     h)
{
  for (guint i = h & lex->mask; lex->slots[i] != NULL; i = (i + 1) & lex->mask)
    {
      Word *w = lex->slots[i];

      if (w->hash == h && w->len == n && memcmp (w->str, s, n) == 0)
        return w;
    }
  return NULL;
}

static void
lexicon_put (Lexicon *lex,
             Word    *word)
{
  guint i = word->hash & lex->mask;

  while (lex->slots[i] != NULL)
    i = (i + 1) & lex->mask;
  lex->slots[i] = word;
}

static const char *
intern (Lexicon    *lex,
        const char *str,
        gsize       n)
{
  guint32 h = bytes_hash (str, n);
  Word *word = lexicon_find (lex, str, n, h);

  if (word == NULL)
    {
      if (2 * (lex->n_words + 1) > lex->mask + 1)
        {
          Word **old = lex->slots;
          guint old_size = lex->mask + 1;

          lex->mask = 2 * old_size - 1;
          lex->slots = g_new0 (Word *, lex->mask + 1);
          for (guint i = 0; i < old_size; i++)
            if (old[i] != NULL)
              lexicon_put (lex, old[i]);
          g_free (old);
        }
      word = lexicon_alloc (lex, n);
      memcpy (word->str, str, n);
      word->str[n] = '\0';
      word->hash = h;
      word->len = n;
      word->classes = cb_words_classes (word->str);
      word->initial = g_utf8_strlen (word->str, -1) == 1;
      word->wanted = FALSE;
      word->lower_used = FALSE;
      lexicon_put (lex, word);
      lex->n_words++;
    }
  return word->str;
}

/* The token in lower case, without a possessive. */
static const char *
tok_down (Lexicon *lex,
          CbScan  *scan,
          guint    i)
{
  const CbTok *t = &scan->toks[i];
  gsize n = t->end - t->start;
  char small[64];
  char *down = NULL;
  g_autofree char *big = NULL;

  if (lex->down[i] != NULL)
    return lex->down[i];

  /* Most words are ASCII: lower them in place of a Unicode case map. */
  for (gsize k = 0; k < n; k++)
    if ((guchar) scan->text[t->start + k] >= 0x80)
      {
        g_autofree char *s = g_strndup (scan->text + t->start, n);

        down = big = g_utf8_strdown (s, -1);
        n = strlen (down);
        break;
      }
  if (down == NULL)
    {
      down = n < sizeof small ? small : (big = g_malloc (n + 1));
      for (gsize k = 0; k < n; k++)
        down[k] = cb_ascii_lower (scan->text[t->start + k]);
      down[n] = '\0';
    }

  /* Possessives and the typographic apostrophe. */
  if (n > 3 && down[n - 2] == '\'' && down[n - 1] == 's')
    down[n -= 2] = '\0';
  else if (n > 5 && memcmp (down + n - 4, "\xe2\x80\x99s", 4) == 0)
    down[n -= 4] = '\0';
  lex->down[i] = intern (lex, down, n);
  return lex->down[i];
}

static gboolean
tok_is_word (CbScan *scan,
             guint   i)
{
  return i < scan->n_toks && scan->toks[i].kind == CB_TOK_WORD;
}

static gboolean
tok_is_cap_word (CbScan *scan,
                 guint   i)
{
  return tok_is_word (scan, i) && (scan->toks[i].flags & (CB_TOK_CAP | CB_TOK_INNER_CAP));
}

static gboolean
tok_is_initial (CbScan *scan,
                guint   i)
{
  return tok_is_cap_word (scan, i) && scan->toks[i].end - scan->toks[i].start == 1
         && cb_tok_is_punct (scan, i + 1, '.') && (scan->toks[i + 1].flags & CB_TOK_GLUED);
}

/* "U.S.": single letters joined by full stops without spaces. */
static gboolean
tok_is_dotted_acronym (CbScan *scan,
                       guint   i)
{
  return tok_is_initial (scan, i) && i + 2 < scan->n_toks
         && tok_is_cap_word (scan, i + 2) && (scan->toks[i + 2].flags & CB_TOK_GLUED)
         && scan->toks[i + 2].end - scan->toks[i + 2].start == 1;
}

static gboolean
tok_possessive (CbScan *scan,
                guint   i,
                guint  *name_end)
{
  const CbTok *t = &scan->toks[i];
  const char *s = scan->text + t->start;
  gsize n = t->end - t->start;

  if (n > 3 && (s[n - 2] == '\'') && (s[n - 1] == 's' || s[n - 1] == 'S'))
    {
      *name_end = t->end - 2;
      return TRUE;
    }
  if (n > 5 && memcmp (s + n - 4, "\xe2\x80\x99", 3) == 0 && (s[n - 1] == 's' || s[n - 1] == 'S'))
    {
      *name_end = t->end - 4;
      return TRUE;
    }
  *name_end = t->end;
  return FALSE;
}

static gboolean
has_digit (CbScan *scan,
           guint   i)
{
  for (guint k = scan->toks[i].start; k < scan->toks[i].end; k++)
    if (g_ascii_isdigit (scan->text[k]))
      return TRUE;
  return FALSE;
}

/* -------------------------------------------- words the text uses in lower case */

static void
lower_set_want (Lexicon    *lex,
                const char *word)
{
  Word *w = WORD_OF (word);

  if (w->len >= 64)
    return;
  lex->lengths |= G_GUINT64_CONSTANT (1) << w->len;
  if (!w->wanted)
    lex->n_wanted++;
  w->wanted = TRUE;
}

static void
lower_set_fill (Lexicon *lex,
                CbScan  *scan)
{
  if (lex->n_wanted == 0)
    return;
  for (guint i = 0; i < scan->n_toks; i++)
    {
      const CbTok *t = &scan->toks[i];
      gsize n = t->end - t->start;
      const char *s = scan->text + t->start;
      Word *w;

      if (!(t->flags & CB_TOK_LOWER) || n >= 64 || !(lex->lengths & (G_GUINT64_CONSTANT (1) << n)))
        continue;
      w = lexicon_find (lex, s, n, bytes_hash (s, n));
      if (w != NULL && w->wanted)
        w->lower_used = TRUE;
    }
}

static gboolean
lower_set_has (const char *word)
{
  return WORD_OF (word)->lower_used;
}

/* ------------------------------------------------------------- candidates */

static gboolean
is_title_at (CbScan *scan,
             guint   i)
{
  return cb_tok_in (scan, i, CB_WORDS_TITLE);
}

/* Skips an abbreviation's full stop glued to token @i. */
static guint
skip_dot (CbScan *scan,
          guint   i)
{
  if (cb_tok_is_punct (scan, i + 1, '.') && (scan->toks[i + 1].flags & CB_TOK_GLUED))
    return i + 2;
  return i + 1;
}

/* A speech verb right after the name ("Doe said"), after an apposition
 * ("Doe, a lawyer, said") or right before it after a quotation (", said Doe"). */
static gboolean
speech_evidence (CbScan *scan,
                 guint   first,
                 guint   after)
{
  guint i = after;

  if (i < scan->n_toks && scan->toks[i].para == scan->toks[first].para)
    {
      if (cb_tok_in (scan, i, CB_WORDS_SPEECH_VERB))
        return TRUE;
      if (cb_tok_is_punct (scan, i, ','))
        {
          for (guint k = i + 1; k < i + 12 && k < scan->n_toks; k++)
            {
              if (scan->toks[k].para != scan->toks[first].para)
                break;
              if (scan->toks[k].kind == CB_TOK_PUNCT && scan->toks[k].ch != ',')
                break;
              if (cb_tok_is_punct (scan, k, ','))
                {
                  if (cb_tok_in (scan, k + 1, CB_WORDS_SPEECH_VERB))
                    return TRUE;
                  break;
                }
            }
        }
    }
  if (first >= 2 && cb_tok_in (scan, first - 1, CB_WORDS_SPEECH_VERB)
      && scan->toks[first - 2].kind == CB_TOK_PUNCT)
    return TRUE;
  if (first >= 2 && cb_tok_is (scan, first - 1, "to") && cb_tok_is (scan, first - 2, "according"))
    return TRUE;
  return FALSE;
}

/* Builds the candidate for the run of capitalised tokens [@run, @stop). */
static gboolean
is_given_name (const char *word)
{
  return word_in (word, CB_WORDS_FIRST_MALE) || word_in (word, CB_WORDS_FIRST_FEMALE);
}

/* Name word arrays as hash keys: their words are interned, so the pointers
 * say it all. */
static guint
words_hash (gconstpointer key)
{
  const GPtrArray *words = key;
  guint h = words->len;

  for (guint k = 0; k < words->len; k++)
    h = h * 31 + g_direct_hash (g_ptr_array_index (words, k));
  return h;
}

static gboolean
words_same (gconstpointer a,
            gconstpointer b)
{
  const GPtrArray *wa = a, *wb = b;

  if (wa->len != wb->len)
    return FALSE;
  for (guint k = 0; k < wa->len; k++)
    if (g_ptr_array_index (wa, k) != g_ptr_array_index (wb, k))
      return FALSE;
  return TRUE;
}

static gboolean
is_locative (CbScan *scan,
             guint   i)
{
  static const char *preps[] = {
    "in", "near", "at", "outside", "across", "throughout", "into", "toward",
    "towards", "around", "between", "within", NULL
  };

  if (scan->toks[i].flags & CB_TOK_CAP)
    return FALSE;
  for (guint k = 0; preps[k]; k++)
    if (cb_tok_is (scan, i, preps[k]))
      return TRUE;
  return FALSE;
}

/* "SAN JUAN, Puerto Rico —": the place of a dateline. */
static gboolean
is_dateline (CbScan *scan,
             guint   run)
{
  guint k;

  if (run < 2 || !cb_tok_is_punct (scan, run - 1, ','))
    return FALSE;
  k = run - 1;
  while (k > 0 && (scan->toks[k - 1].flags & CB_TOK_ALLCAPS)
         && scan->toks[k - 1].para == scan->toks[run].para)
    k--;
  return k < run - 1 && (k == 0 || scan->toks[k].newline);
}

/* "Richmond, Va.", "Terre Haute, Ind.": a place with its state. */
static gboolean
before_state (CbScan *scan,
              guint   last)
{
  guint n;

  if (!cb_tok_is_punct (scan, last, ',') || !tok_is_cap_word (scan, last + 1))
    return FALSE;
  if (cb_tok_in (scan, last + 1, CB_WORDS_NAME_SUFFIX))
    return FALSE;
  n = scan->toks[last + 1].end - scan->toks[last + 1].start;
  if ((scan->toks[last + 1].flags & CB_TOK_ALLCAPS) && n == 2)
    return TRUE;
  return n >= 2 && n <= 5 && cb_tok_is_punct (scan, last + 2, '.') && (scan->toks[last + 2].flags & CB_TOK_GLUED);
}

static void
run_to_cand (CbScan     *scan,
             Lexicon    *lower,
             guint       run,
             guint       stop,
             GArray     *cands,
             gboolean    pass_lower,
             GHashTable *not_people)
{
  Cand cand = { 0, };
  guint name = run;
  int title = -1;
  guint n_free = 0;
  guint last = stop;       /* token after the last name word */
  guint name_end;
  gboolean possessive = FALSE;
  guint n_name_words = 0;
  gboolean has_initial = FALSE;

  /* The title prefix: titles, title modifiers, acronyms and at most one other
   * word at the start ("Texas Gov."), ending with a title followed by a name. */
  for (guint i = run; i < stop; i = skip_dot (scan, i))
    {
      if (scan->toks[i].kind != CB_TOK_WORD)
        continue;
      if (is_title_at (scan, i))
        {
          guint next = skip_dot (scan, i);

          if (next < stop && !cb_tok_in (scan, next, CB_WORDS_TITLE) &&
              !cb_tok_in (scan, next, CB_WORDS_TITLE_MOD))
            {
              title = i;
              name = next;
              break;
            }
          continue;
        }
      if (cb_tok_in (scan, i, CB_WORDS_TITLE_MOD) || (scan->toks[i].flags & CB_TOK_ALLCAPS)
          || tok_is_dotted_acronym (scan, i) || (i > run && tok_is_initial (scan, i - 2)
                                                 && tok_is_dotted_acronym (scan, i - 2)))
        continue;
      if (++n_free > 1 || i != run)
        break;
    }
  if (title < 0)
    {
      name = run;
      /* Leading acronyms ("US", "U.S.") are not part of a name. */
      while (name < stop && ((scan->toks[name].flags & CB_TOK_ALLCAPS)
                             || tok_is_dotted_acronym (scan, name)))
        name = tok_is_dotted_acronym (scan, name) ? name + 4 : name + 1;
    }
  else
    {
      cand.titled = TRUE;
      if (cb_tok_in (scan, title, CB_WORDS_TITLE_MALE))
        cand.title_gender = CB_GENDER_MALE;
      else if (cb_tok_in (scan, title, CB_WORDS_TITLE_FEMALE))
        cand.title_gender = CB_GENDER_FEMALE;
    }

  /* Sentence openers and function words at the start are not names. */
  while (name < stop && scan->toks[name].kind == CB_TOK_WORD)
    {
      const char *w = tok_down (lower, scan, name);
      gboolean drop = (word_in (w, CB_WORDS_STOP) && !tok_is_initial (scan, name))
                      || word_in (w, CB_WORDS_WEEKDAY)
                      || (word_in (w, CB_WORDS_MONTH) && title < 0);

      /* "Eventually Doe left": an adverb opening the sentence. */
      if (!drop && (scan->toks[name].flags & CB_TOK_SENT_START) && name + 1 < stop
          && WORD_OF (w)->len >= 6 && g_str_has_suffix (w, "ly") && !is_given_name (w))
        drop = TRUE;
      if (!drop && !cand.titled && (scan->toks[name].flags & CB_TOK_SENT_START)
          && !word_in (w, CB_WORDS_PARTICLE)
          && (pass_lower ? lower_set_has (w) : FALSE)
          && !word_in (w, CB_WORDS_FIRST_MALE) && !word_in (w, CB_WORDS_FIRST_FEMALE))
        drop = TRUE;
      if (!drop)
        break;
      name++;
      if (!pass_lower)
        lower_set_want (lower, w);
    }
  if (name >= stop)
    return;

  /* The name words; a capitalised function word inside makes the run the
   * title of a work ("Keeping Up With The …"). */
  /* (The first pass wants the words, not the name.) */
  cand.words = pass_lower ? g_ptr_array_sized_new (stop - name) : NULL;
  for (guint i = name; i < stop; i++)
    {
      const CbTok *t = &scan->toks[i];
      const char *w;

      if (t->kind != CB_TOK_WORD)
        continue;
      if (t->quote >= 0 && t->quote != scan->toks[name].quote && i > name)
        {
          cand.nick_tok = i;
          cand.gap_start = scan->toks[i - 1].start;
          cand.gap_end = scan->toks[MIN (i + 1, scan->n_toks - 1)].end;
          continue;
        }
      w = tok_down (lower, scan, i);
      if (!pass_lower && (t->flags & CB_TOK_SENT_START))
        lower_set_want (lower, w);
      if ((t->flags & CB_TOK_CAP) && i > name && !tok_is_initial (scan, i)
          && (word_in (w, CB_WORDS_STOP) || word_in (w, CB_WORDS_WEEKDAY)))
        goto reject;
      if (has_digit (scan, i))
        goto reject;
      if (word_in (w, CB_WORDS_MONTH) && i + 1 < scan->n_toks
          && scan->toks[i + 1].kind == CB_TOK_NUMBER)
        {
          last = i;
          break;
        }
      if (!(t->flags & CB_TOK_LOWER) || (t->flags & CB_TOK_INNER_CAP) || i == name)
        {
          if (tok_is_initial (scan, i))
            has_initial = TRUE;
          else
            n_name_words++;
        }
      if (cand.words != NULL)
        g_ptr_array_add (cand.words, (gpointer) w);
      last = skip_dot (scan, i);
      if (last > stop)
        last = stop;
    }
  /* The first pass only learns which words it wants to know about; nothing
   * below wants any. */
  if (!pass_lower)
    goto reject;

  /* Trailing particles do not end a name. */
  while (cand.words->len > 0 && last > name)
    {
      guint lt = last - 1;

      if (scan->toks[lt].kind == CB_TOK_PUNCT)
        lt--;
      if ((scan->toks[lt].flags & CB_TOK_LOWER) && !(scan->toks[lt].flags & CB_TOK_INNER_CAP))
        {
          g_ptr_array_remove_index (cand.words, cand.words->len - 1);
          last = lt;
        }
      else
        break;
    }
  if (cand.words->len == 0 || n_name_words == 0)
    goto reject;

  {
    guint lt = last - 1;

    if (scan->toks[lt].kind == CB_TOK_PUNCT)
      {
        /* A name ending with an initial keeps its dot ("Jr." too). */
        name_end = scan->toks[lt].end;
      }
    else
      possessive = tok_possessive (scan, lt, &name_end);
  }

  cand.first_tok = name;
  cand.last_tok = last;
  cand.start = scan->toks[name].start;
  cand.end = name_end;
  cand.run_start = scan->toks[title >= 0 ? (guint) run : name].start;
  cand.person = -1;
  if (title >= 0)
    {
      /* The titled form starts at the first title or modifier word. */
      cand.run_start = scan->toks[run].start;
    }

  /* Organisations, places, works. */
  for (guint w = 0; w < cand.words->len; w++)
    {
      const char *word = g_ptr_array_index (cand.words, w);

      if (w == 0 && cand.words->len > 1 && is_given_name (word))
        continue;
      if (word_in (word, CB_WORDS_INSTITUTION))
        {
          const char *first_word = g_ptr_array_index (cand.words, 0);

          /* "Grace Park": a given name before a head word at the end. */
          if (!(w == cand.words->len - 1 && w > 0 && !possessive
                && (word_in (first_word, CB_WORDS_FIRST_MALE)
                    || word_in (first_word, CB_WORDS_FIRST_FEMALE))))
            goto reject_cue;
        }
    }
  if (!cand.titled)
    {
      const char *first_word = g_ptr_array_index (cand.words, 0);

      if (run > 0 && cb_tok_in (scan, name - 1, CB_WORDS_DETERMINER) && name == run
          && scan->toks[name - 1].para == scan->toks[name].para)
        goto reject_cue;
      if (word_in (first_word, CB_WORDS_PLACE_PREFIX) && cand.words->len > 1)
        goto reject_cue;
      if (n_name_words > 4)
        goto reject;
      if (!possessive && name == run && run > 0 && is_locative (scan, run - 1)
          && !is_given_name (first_word))
        goto reject_cue;
      if (name == run && is_dateline (scan, run))
        goto reject_cue;
      if (!possessive && before_state (scan, last))
        goto reject_cue;
    }
  if (last < scan->n_toks && cb_tok_in (scan, last, CB_WORDS_COMPANY)
      && scan->toks[last].para == scan->toks[name].para)
    goto reject_cue;
  if (!possessive && cb_tok_is (scan, last, "of") && tok_is_cap_word (scan, last + 1)
      && !cand.titled)
    goto reject_cue;
  if (name > 1 && cb_tok_is (scan, name - 1, "of") && name == run
      && tok_is_cap_word (scan, name - 2) && !(scan->toks[name - 2].flags & CB_TOK_SENT_START))
    goto reject_cue;  /* "University of X" */

  cand.kind = n_name_words >= 2 || (n_name_words == 1 && has_initial) ? CAND_FULL : CAND_SINGLE;
  cand.evidence = cand.titled || speech_evidence (scan, name, last);
  if (cand.kind == CAND_SINGLE && !cand.titled && (scan->toks[name].flags & CB_TOK_SENT_START))
    {
      const char *w = g_ptr_array_index (cand.words, cand.words->len - 1);
      gsize n = strlen (w);

      /* "Advocates said …": a plural noun opening a sentence. */
      if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i')
        cand.evidence = FALSE;
    }
  g_array_append_val (cands, cand);
  return;

reject_cue:
  /* The same words elsewhere name the same organisation or place. */
  if (not_people != NULL && cand.words->len >= 2)
    g_hash_table_add (not_people, g_steal_pointer (&cand.words));
reject:
  cand_clear (&cand);
}

/* Runs of words in capitals inside a heading paragraph. */
static void
heading_to_cand (Lexicon *lex,
                 CbScan  *scan,
                 guint    run,
                 guint    stop,
                 GArray  *cands)
{
  Cand cand = { 0, };

  cand.kind = CAND_HEADING;
  cand.first_tok = run;
  cand.last_tok = stop;
  cand.start = scan->toks[run].start;
  cand.end = scan->toks[stop - 1].end;
  cand.run_start = cand.start;
  cand.person = -1;
  cand.words = g_ptr_array_sized_new (stop - run);
  for (guint i = run; i < stop; i++)
    g_ptr_array_add (cand.words, (gpointer) (scan->toks[i].kind == CB_TOK_WORD
                                             ? tok_down (lex, scan, i) : intern (lex, ".", 1)));
  g_array_append_val (cands, cand);
}

static void
find_candidates (CbScan     *scan,
                 Lexicon    *lower,
                 GArray     *cands,
                 gboolean    pass_lower,
                 GHashTable *not_people)
{
  guint i = 0;

  while (i < scan->n_toks)
    {
      const CbTok *t = &scan->toks[i];
      guint j;

      if (!tok_is_cap_word (scan, i))
        {
          i++;
          continue;
        }

      if (t->flags & CB_TOK_HEADING)
        {
          j = i;
          while (j < scan->n_toks && scan->toks[j].para == t->para
                 && (tok_is_cap_word (scan, j) || (cb_tok_is_punct (scan, j, '.') && j > i)))
            j++;
          if (pass_lower)
            heading_to_cand (lower, scan, i, j, cands);
          i = j;
          continue;
        }

      /* The run: capitalised words, initials and abbreviations with their
       * dots, lower-case particles between capitalised words. */
      j = i;
      while (j < scan->n_toks && scan->toks[j].para == t->para)
        {
          /* A nickname in quotation marks: I. Lewis "Scooter" Doe. */
          if (j > i && (scan->toks[j].flags & CB_TOK_QUOTE_OPEN) && tok_is_cap_word (scan, j + 1)
              && j + 3 < scan->n_toks && (scan->toks[j + 2].flags & CB_TOK_QUOTE_CLOSE)
              && tok_is_cap_word (scan, j + 3) && scan->toks[j + 3].para == t->para)
            {
              j += 3;
              continue;
            }
          if (j > i && !tok_is_cap_word (scan, j) && !cb_tok_is_punct (scan, j, '.'))
            {
              if (cb_tok_in (scan, j, CB_WORDS_PARTICLE))
                {
                  guint k = j;

                  /* "de la Cruz", "van der Zwaan" */
                  while (k < j + 3 && cb_tok_in (scan, k, CB_WORDS_PARTICLE)
                         && scan->toks[k].para == t->para)
                    k++;
                  if (tok_is_cap_word (scan, k) && scan->toks[k].para == t->para)
                    {
                      j = k;
                      continue;
                    }
                }
              break;
            }
          if (cb_tok_is_punct (scan, j, '.'))
            {
              /* Only the dot of an initial or of an abbreviated title. */
              if (!(scan->toks[j].flags & CB_TOK_GLUED) || j == i
                  || !(scan->toks[j - 1].end - scan->toks[j - 1].start == 1
                       || cb_tok_in (scan, j - 1, CB_WORDS_TITLE)
                       || cb_tok_is (scan, j - 1, "jr") || cb_tok_is (scan, j - 1, "sr")
                       || cb_tok_in (scan, j - 1, CB_WORDS_PARTICLE))
                  || (j + 1 < scan->n_toks && (scan->toks[j + 1].flags & CB_TOK_SENT_START)
                      && scan->toks[j - 1].end - scan->toks[j - 1].start > 1)
                  || !tok_is_cap_word (scan, j + 1) || scan->toks[j + 1].para != t->para)
                {
                  /* "Peter Doe Jr." keeps its dot. */
                  if (j > i && (scan->toks[j].flags & CB_TOK_GLUED)
                      && (cb_tok_is (scan, j - 1, "jr") || cb_tok_is (scan, j - 1, "sr")))
                    j++;
                  break;
                }
              j++;
              continue;
            }
          /* A word in capitals after a name word ends the run ("… REAL"). */
          if (j > i && (scan->toks[j].flags & CB_TOK_ALLCAPS)
              && !(scan->toks[j - 1].flags & CB_TOK_ALLCAPS) && !cb_tok_is_punct (scan, j - 1, '.')
              && !cb_tok_in (scan, j, CB_WORDS_NAME_SUFFIX))
            break;
          j++;
          /* A possessive ends the name. */
          {
            guint e;

            if (tok_possessive (scan, j - 1, &e))
              break;
          }
        }
      run_to_cand (scan, lower, i, j, cands, pass_lower, not_people);
      i = j > i ? j : i + 1;
    }
}

/* ----------------------------------------------------------------- joining */

static gboolean
words_equal (GPtrArray *a,
             guint      ai,
             GPtrArray *b,
             guint      bi,
             guint      n)
{
  for (guint k = 0; k < n; k++)
    if (g_ptr_array_index (a, ai + k) != g_ptr_array_index (b, bi + k))
      return FALSE;
  return TRUE;
}

/* Is @small a contiguous part of @big? */
static gboolean
words_contain (GPtrArray *big,
               GPtrArray *small)
{
  if (small->len > big->len || small->len == 0)
    return FALSE;
  for (guint s = 0; s + small->len <= big->len; s++)
    if (words_equal (big, s, small, 0, small->len))
      return TRUE;
  return FALSE;
}

/* Two full forms of one person: one contains the other, or they share the
 * first and last words ("Samuel Mays" / "Samuel H. Mays"). */
static gboolean
forms_compatible (GPtrArray *a,
                  GPtrArray *b)
{
  const char *af, *al, *bf, *bl;

  if (words_contain (a, b) || words_contain (b, a))
    {
      /* "Jane Doe" inside "Mary Jane Doe" is fine; but a two-word form that is
       * only the tail of a longer one must share more than a surname. */
      return TRUE;
    }
  af = g_ptr_array_index (a, 0);
  bf = g_ptr_array_index (b, 0);
  al = g_ptr_array_index (a, a->len - 1);
  bl = g_ptr_array_index (b, b->len - 1);
  if (al != bl)
    {
      gsize la = strlen (al), lb = strlen (bl);

      /* "thousands of Jane Does": the plural of a name is that name. */
      if (!(a->len == b->len && words_equal (a, 0, b, 0, a->len - 1)
            && ((la == lb + 1 && al[lb] == 's' && strncmp (al, bl, lb) == 0)
                || (lb == la + 1 && bl[la] == 's' && strncmp (al, bl, la) == 0))))
        return FALSE;
    }
  if (af == bf)
    return TRUE;
  /* "Patty" and "Patricia", "Jon" and "Jonathan": a short form of the
   * first name with the same surname. */
  {
    gsize la = strlen (af), lb = strlen (bf);

    if (la >= 3 && lb >= 3 && strncmp (af, bf, 3) == 0 && MIN (la, lb) <= 5
        && !is_initial_word (af) && !is_initial_word (bf))
      return TRUE;
  }
  /* "J. Doe" and "Jane Doe". */
  if ((is_initial_word (af) || is_initial_word (bf))
      && g_utf8_get_char (af) == g_utf8_get_char (bf))
    return TRUE;
  return FALSE;
}

static GPtrArray *
words_copy (GPtrArray *words)
{
  GPtrArray *copy = g_ptr_array_sized_new (words->len);

  for (guint k = 0; k < words->len; k++)
    g_ptr_array_add (copy, g_ptr_array_index (words, k));
  return copy;
}

static Build *
build_new (void)
{
  Build *b = g_new0 (Build, 1);

  b->forms = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  b->aliases = g_ptr_array_new_with_free_func (g_free);
  b->mentions = g_array_new (FALSE, FALSE, sizeof (CbSpan));
  b->last_pos = -1;
  return b;
}

static void
build_add_form (Build     *b,
                GPtrArray *words)
{
  for (guint k = 0; k < b->forms->len; k++)
    {
      GPtrArray *f = g_ptr_array_index (b->forms, k);

      if (f->len == words->len && words_equal (f, 0, words, 0, f->len))
        return;
    }
  g_ptr_array_add (b->forms, words_copy (words));
}

/* The text of [@start, @end) without the bytes [@gap_start, @gap_end) (a
 * nickname), each run of white space made one space. */
static char *
surface (const char *text,
         guint       start,
         guint       end,
         guint       gap_start,
         guint       gap_end)
{
  char *s = g_malloc (end > start ? end - start + 1 : 1);
  gboolean gap = gap_end > gap_start && gap_start >= start && gap_end <= end;
  gboolean space = FALSE;
  gsize n = 0;

  for (guint k = start; k < end; k++)
    {
      char ch;

      if (gap && k == gap_start)
        {
          k = gap_end - 1;
          continue;
        }
      ch = text[k];
      if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r')
        space = TRUE;
      else
        {
          if (space && n > 0)
            s[n++] = ' ';
          space = FALSE;
          s[n++] = ch;
        }
    }
  s[n] = '\0';
  return s;
}

static void
build_add_alias_str (Build *b,
                     char  *alias)
{
  if (*alias == '\0')
    {
      g_free (alias);
      return;
    }
  for (guint k = 0; k < b->aliases->len; k++)
    if (strcmp (g_ptr_array_index (b->aliases, k), alias) == 0)
      {
        g_free (alias);
        return;
      }
  g_ptr_array_add (b->aliases, alias);
}

/* Does @word name @b as a surname-like word (any word but the first of a
 * full form) or as a first name? */
static gboolean
build_has_word (Build      *b,
                const char *word,
                gboolean    first)
{
  for (guint k = 0; k < b->forms->len; k++)
    {
      GPtrArray *f = g_ptr_array_index (b->forms, k);

      if (first)
        {
          if (f->len >= 2 && g_ptr_array_index (f, 0) == word)
            return TRUE;
        }
      else
        {
          for (guint w = (f->len >= 2 ? 1 : 0); w < f->len; w++)
            if (g_ptr_array_index (f, w) == word && !is_initial_word (word))
              return TRUE;
        }
    }
  return FALSE;
}

/* Picks among @cands (indices into @builds) the person a short form at @pos
 * refers to: people named by their first name alone are passed over when
 * another fits, people already called by this short form are preferred,
 * then the most recently mentioned; with nobody before @pos, the first
 * mentioned after it. */
static int
choose (GPtrArray *builds,
        GArray    *cands,
        guint      pos,
        gboolean   surname)
{
  int best = -1;
  gboolean any_before = FALSE, any_not_first = FALSE, any_used = FALSE;

  for (guint k = 0; k < cands->len; k++)
    {
      Build *b = g_ptr_array_index (builds, g_array_index (cands, int, k));

      if (b->last_pos >= 0 && (guint) b->last_pos < pos)
        {
          any_before = TRUE;
          if (!b->firstname_used || !surname)
            any_not_first = TRUE;
          if (surname ? b->surname_used : b->firstname_used)
            any_used = TRUE;
        }
    }

  for (guint k = 0; k < cands->len; k++)
    {
      int idx = g_array_index (cands, int, k);
      Build *b = g_ptr_array_index (builds, idx);

      if (any_before)
        {
          if (b->last_pos < 0 || (guint) b->last_pos >= pos)
            continue;
          if (surname && any_not_first && b->firstname_used)
            continue;
          if (any_used && !(surname ? b->surname_used : b->firstname_used)
              && (!surname || !any_not_first || !b->firstname_used))
            {
              /* Prefer those already called so, unless far less recent. */
              continue;
            }
          if (best < 0 || b->last_pos > ((Build *) g_ptr_array_index (builds, best))->last_pos)
            best = idx;
        }
      else
        {
          if (best < 0 || b->first_pos < ((Build *) g_ptr_array_index (builds, best))->first_pos)
            best = idx;
        }
    }
  return best;
}

static void
add_mention (Build  *b,
             Cand   *cand,
             CbScan *scan)
{
  CbSpan span = { cand->start, cand->end };
  char *name = surface (scan->text, cand->start, cand->end, cand->gap_start, cand->gap_end);

  g_array_append_val (b->mentions, span);
  if ((int) cand->start > b->last_pos)
    b->last_pos = cand->start;
  if (cand->kind != CAND_HEADING)
    {
      guint n = 1;

      for (const char *c = name; *c; c++)
        if (*c == ' ')
          n++;
      if (b->name == NULL || n > b->name_words)
        {
          g_free (b->name);
          b->name = g_strdup (name);
          b->name_words = n;
        }
    }
  build_add_alias_str (b, name);
  if (cand->gap_end > cand->gap_start)
    build_add_alias_str (b, surface (scan->text, cand->start, cand->end, 0, 0));
  if (cand->titled && cand->run_start < cand->start)
    {
      /* "Judge Samuel H. Mays" besides "U.S. District Judge Samuel H. Mays". */
      guint t = cb_scan_token_at (scan, cand->start);

      for (guint k = cb_scan_token_at (scan, cand->run_start); k < t; k++)
        if (cb_tok_in (scan, k, CB_WORDS_TITLE))
          {
            build_add_alias_str (b, surface (scan->text, scan->toks[k].start, cand->end,
                                             cand->gap_start, cand->gap_end));
            break;
          }
      build_add_alias_str (b, surface (scan->text, cand->run_start, cand->end,
                                       cand->gap_start, cand->gap_end));
    }
  if (cand->title_gender != CB_GENDER_UNKNOWN)
    b->strong_gender = cand->title_gender;
}

static void
join_full (Lexicon   *lex,
           GPtrArray *builds,
           GArray    *cands,
           CbScan    *scan)
{
  /* A form seen before names the same person again: no need to compare it
   * with everybody (long texts repeat names a lot). */
  g_autoptr(GHashTable) seen = g_hash_table_new (words_hash, words_same);

  for (guint c = 0; c < cands->len; c++)
    {
      Cand *cand = &g_array_index (cands, Cand, c);
      int best = -1;
      gpointer found;

      if (cand->kind != CAND_FULL)
        continue;
      if (g_hash_table_lookup_extended (seen, cand->words, NULL, &found))
        {
          best = GPOINTER_TO_INT (found);
          ((Build *) g_ptr_array_index (builds, best))->last_pos = cand->start;
          cand->person = best;
          continue;
        }
      for (guint p = 0; p < builds->len; p++)
        {
          Build *b = g_ptr_array_index (builds, p);

          for (guint f = 0; f < b->forms->len; f++)
            if (forms_compatible (g_ptr_array_index (b->forms, f), cand->words))
              {
                if (best < 0 || b->last_pos > ((Build *) g_ptr_array_index (builds, best))->last_pos)
                  best = p;
                break;
              }
        }
      if (best < 0)
        {
          Build *b = build_new ();

          b->first_pos = cand->start;
          g_ptr_array_add (builds, b);
          best = builds->len - 1;
        }
      build_add_form (g_ptr_array_index (builds, best), cand->words);
      if (cand->nick_tok > 0)
        {
          /* "Scooter Doe" names the same person later. */
          g_autoptr(GPtrArray) nick = g_ptr_array_new ();

          g_ptr_array_add (nick, (gpointer) tok_down (lex, scan, cand->nick_tok));
          g_ptr_array_add (nick, g_ptr_array_index (cand->words, cand->words->len - 1));
          build_add_form (g_ptr_array_index (builds, best), nick);
        }
      ((Build *) g_ptr_array_index (builds, best))->last_pos = cand->start;
      cand->person = best;
      g_hash_table_insert (seen, cand->words, GINT_TO_POINTER (best));
    }
  /* Recency is recomputed in text order by join_short(). */
  for (guint p = 0; p < builds->len; p++)
    ((Build *) g_ptr_array_index (builds, p))->last_pos = -1;
}

/* Matches a heading run against the forms of the people, longest first. */
static int
match_heading (GPtrArray *builds,
               Cand      *cand,
               guint     *from,
               guint     *to)
{
  GPtrArray *w = cand->words;

  for (guint len = MIN (w->len, 5); len >= 1; len--)
    for (guint s = 0; s + len <= w->len; s++)
      {
        g_autoptr(GPtrArray) sub = g_ptr_array_new ();

        for (guint k = s; k < s + len; k++)
          g_ptr_array_add (sub, g_ptr_array_index (w, k));
        for (guint p = 0; p < builds->len; p++)
          {
            Build *b = g_ptr_array_index (builds, p);

            for (guint f = 0; f < b->forms->len; f++)
              {
                GPtrArray *form = g_ptr_array_index (b->forms, f);

                if ((len >= 2 && words_contain (form, sub))
                    || (len == 1 && form->len >= 2 && build_has_word (b, g_ptr_array_index (sub, 0), FALSE)))
                  {
                    *from = s;
                    *to = s + len;
                    return p;
                  }
              }
          }
      }
  return -1;
}

static void
join_short (GPtrArray *builds,
            GArray    *cands,
            CbScan    *scan)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint c = 0; c < cands->len; c++)
    {
      Cand *cand = &g_array_index (cands, Cand, c);
      const char *word;
      int p = -1;
      gboolean surname = TRUE;

      if (cand->kind == CAND_FULL)
        {
          Build *b = g_ptr_array_index (builds, cand->person);

          add_mention (b, cand, scan);
          continue;
        }
      if (cand->kind == CAND_HEADING)
        {
          guint from = 0, to = 0;

          p = match_heading (builds, cand, &from, &to);
          if (p >= 0)
            {
              guint t = cand->first_tok;

              cand->start = scan->toks[t + from].start;
              cand->end = scan->toks[t + to - 1].end;
              cand->run_start = cand->start;
              cand->person = p;
              add_mention (g_ptr_array_index (builds, p), cand, scan);
            }
          continue;
        }

      word = g_ptr_array_index (cand->words, cand->words->len - 1);
      g_array_set_size (matches, 0);
      for (guint b = 0; b < builds->len; b++)
        if (build_has_word (g_ptr_array_index (builds, b), word, FALSE))
          g_array_append_val (matches, b);
      if (matches->len == 0)
        {
          surname = FALSE;
          for (guint b = 0; b < builds->len; b++)
            if (build_has_word (g_ptr_array_index (builds, b), word, TRUE))
              g_array_append_val (matches, b);
        }
      if (matches->len > 0)
        p = choose (builds, matches, cand->start, surname);
      else if (cand->evidence)
        {
          Build *b = build_new ();

          b->first_pos = cand->start;
          build_add_form (b, cand->words);
          g_ptr_array_add (builds, b);
          p = builds->len - 1;
        }
      if (p < 0)
        continue;
      {
        Build *b = g_ptr_array_index (builds, p);

        cand->person = p;
        if (surname)
          b->surname_used = TRUE;
        else
          b->firstname_used = TRUE;
        add_mention (b, cand, scan);
      }
    }
}

/* ------------------------------------------------------------------ gender */

static void
infer_gender (GPtrArray *builds,
              GPtrArray *persons,
              CbScan    *scan)
{
  for (guint p = 0; p < builds->len; p++)
    {
      Build *b = g_ptr_array_index (builds, p);

      if (b->strong_gender == CB_GENDER_UNKNOWN)
        {
          for (guint f = 0; f < b->forms->len; f++)
            {
              GPtrArray *form = g_ptr_array_index (b->forms, f);
              const char *first = g_ptr_array_index (form, 0);
              gboolean m, w;

              if (form->len < 2)
                continue;
              m = word_in (first, CB_WORDS_FIRST_MALE);
              w = word_in (first, CB_WORDS_FIRST_FEMALE);
              if (m != w)
                {
                  b->strong_gender = m ? CB_GENDER_MALE : CB_GENDER_FEMALE;
                  break;
                }
            }
        }
    }

  /* Pronoun votes: a pronoun outside quotations goes to the nearest person
   * before it in its sentence, or, at the start of a sentence, to the only
   * person of the previous sentence. */
  cb_scan_mark_persons (scan, persons);
  {
    int prev_sent_person = -1, cur_sent_person = -1;
    guint cur_sent = G_MAXUINT;
    int nearest = -1;
    gboolean prev_single = FALSE, cur_single = TRUE;

    for (guint i = 0; i < scan->n_toks; i++)
      {
        const CbTok *t = &scan->toks[i];
        char pr;

        if (t->sent != cur_sent)
          {
            prev_sent_person = cur_sent_person;
            prev_single = cur_single && cur_sent_person >= 0;
            cur_sent_person = -1;
            cur_single = TRUE;
            cur_sent = t->sent;
            nearest = -1;
          }
        if (t->quote >= 0)
          continue;
        if (t->person >= 0)
          {
            if (cur_sent_person >= 0 && cur_sent_person != t->person)
              cur_single = FALSE;
            cur_sent_person = t->person;
            nearest = t->person;
            continue;
          }
        pr = cb_tok_pronoun (scan, i);
        /* Only subject pronouns: "her" and "his" often belong to someone else. */
        if (pr == 0 || !(cb_tok_is (scan, i, "he") || cb_tok_is (scan, i, "she")))
          continue;
        {
          int who = nearest;

          if (who < 0 && prev_single && (t->flags & CB_TOK_SENT_START))
            who = prev_sent_person;
          if (who >= 0)
            {
              Build *b = g_ptr_array_index (builds, who);

              if (pr == 'm')
                b->male_votes++;
              else
                b->female_votes++;
            }
        }
      }
  }

  for (guint p = 0; p < builds->len; p++)
    {
      Build *b = g_ptr_array_index (builds, p);
      CbPerson *person = g_ptr_array_index (persons, p);

      if (b->strong_gender != CB_GENDER_UNKNOWN)
        person->gender = b->strong_gender;
      else if (b->female_votes > 2 * b->male_votes)
        person->gender = CB_GENDER_FEMALE;
      else if (b->male_votes > 2 * b->female_votes)
        person->gender = CB_GENDER_MALE;
    }
}

/* ------------------------------------------------------------------ public */

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const CbSpan *sa = a, *sb = b;

  return (sa->start > sb->start) - (sa->start < sb->start);
}

static int
compare_builds (gconstpointer a,
                gconstpointer b)
{
  const Build *ba = *(Build * const *) a, *bb = *(Build * const *) b;
  guint sa = g_array_index (ba->mentions, CbSpan, 0).start;
  guint sb = g_array_index (bb->mentions, CbSpan, 0).start;

  return (sa > sb) - (sa < sb);
}

GPtrArray *
_cb_find_persons_in_scan (CbScan *scan)
{
  GPtrArray *persons = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_person_free);
  g_autoptr(GPtrArray) builds = g_ptr_array_new_with_free_func (build_free);
  g_autoptr(GArray) cands = g_array_new (FALSE, FALSE, sizeof (Cand));
  Lexicon lower;
  g_autoptr(GHashTable) not_people = g_hash_table_new_full (words_hash, words_same,
                                                            (GDestroyNotify) g_ptr_array_unref, NULL);
  const char *text = scan->text;
  guint kept = 0;

  cb_scan_reset_persons (scan);
  g_array_set_clear_func (cands, cand_clear);
  lexicon_init (&lower, scan->n_toks);

  /* First pass: which sentence-initial words does the text also use in lower
   * case?  Second pass: the candidates. */
  find_candidates (scan, &lower, cands, FALSE, NULL);
  g_array_set_size (cands, 0);
  lower_set_fill (&lower, scan);
  find_candidates (scan, &lower, cands, TRUE, not_people);
  /* Drop the candidates whose words name an organisation or place
   * elsewhere, keeping the others in order. */
  for (guint c = 0; c < cands->len; c++)
    {
      Cand *cand = &g_array_index (cands, Cand, c);

      if (!cand->titled && cand->kind != CAND_HEADING
          && g_hash_table_contains (not_people, cand->words))
        {
          cand_clear (cand);
          continue;
        }
      if (kept != c)
        {
          g_array_index (cands, Cand, kept) = *cand;
          cand->words = NULL;
        }
      kept++;
    }
  g_array_set_size (cands, kept);

  join_full (&lower, builds, cands, scan);
  join_short (builds, cands, scan);

  /* Drop people with no mention (cannot happen, but keep the output sane),
   * order mentions and people. */
  for (guint p = builds->len; p > 0; p--)
    if (((Build *) g_ptr_array_index (builds, p - 1))->mentions->len == 0)
      g_ptr_array_remove_index (builds, p - 1);
  for (guint p = 0; p < builds->len; p++)
    g_array_sort (((Build *) g_ptr_array_index (builds, p))->mentions, compare_spans);
  g_ptr_array_sort (builds, compare_builds);

  for (guint p = 0; p < builds->len; p++)
    {
      Build *b = g_ptr_array_index (builds, p);
      CbPerson *person = g_new0 (CbPerson, 1);

      if (b->name != NULL)
        person->name = g_strdup (b->name);
      else
        {
          CbSpan first = g_array_index (b->mentions, CbSpan, 0);

          person->name = g_strndup (text + first.start, first.end - first.start);
        }
      person->aliases = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (person->aliases, g_strdup (person->name));
      for (guint a = 0; a < b->aliases->len; a++)
        if (strcmp (g_ptr_array_index (b->aliases, a), person->name) != 0)
          g_ptr_array_add (person->aliases, g_strdup (g_ptr_array_index (b->aliases, a)));
      person->mentions = g_array_ref (b->mentions);
      g_ptr_array_add (persons, person);
    }

  infer_gender (builds, persons, scan);

  /* The builds and candidates hold words of the lexicon. */
  g_clear_pointer (&builds, g_ptr_array_unref);
  g_clear_pointer (&cands, g_array_unref);
  lexicon_clear (&lower);
  return persons;
}

GPtrArray *
cb_find_persons (const char *text)
{
  CbScan *scan;
  GPtrArray *persons;

  g_return_val_if_fail (text != NULL, g_ptr_array_new_with_free_func ((GDestroyNotify) cb_person_free));

  scan = cb_scan_new (text);
  persons = _cb_find_persons_in_scan (scan);
  cb_scan_free (scan);
  return persons;
}

int
cb_persons_at (GPtrArray *persons,
               guint      start)
{
  if (persons == NULL)
    return -1;
  for (guint p = 0; p < persons->len; p++)
    {
      CbPerson *person = g_ptr_array_index (persons, p);
      guint lo = 0, hi = person->mentions ? person->mentions->len : 0;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          CbSpan *span = &g_array_index (person->mentions, CbSpan, mid);

          if (span->start == start)
            return p;
          if (span->start < start)
            lo = mid + 1;
          else
            hi = mid;
        }
    }
  return -1;
}
