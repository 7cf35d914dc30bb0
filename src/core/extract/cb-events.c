/* cb-events.c — dated clauses that become suggested events
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every date expression gives one event: its clause (the sentence cut at
 * semicolons, dashes and ", but"/", while"), the legal action named there
 * and the person it concerns.  The person is the one the action is done to:
 * "pardon Jane Doe", "a pardon for Doe", "Doe's conviction", "Doe was
 * convicted", "getting Doe released", "Doe appealed"; without such a pattern,
 * a person in the clause who is not the one granting, urging or saying;
 * failing that, the person of the last such pattern (the case being told).
 * A sentence that names a legal action done to someone but carries no date
 * of its own takes the date the narrative is at (the last one, close by).
 */

#include "config.h"

#include <string.h>

#include "cb-events.h"
#include "cb-sentences.h"
#include "cb-timex.h"
#include "cb-persons.h"
#include "cb-scan-private.h"

void
cb_event_mention_free (CbEventMention *event)
{
  if (event == NULL)
    return;
  g_free (event->description);
  g_free (event->action);
  g_free (event);
}

gboolean
cb_event_mention_is_legal (const CbEventMention *event)
{
  return event != NULL && event->action != NULL;
}

/* ----------------------------------------------------------------- triggers */

typedef struct
{
  const char *word;
  const char *action;
  guint8      kind;   /* 'v' transitive verb form, 'i' patient-subject verb, 'n' noun,
                       * 'a' verb whose subject is always the one acting */
} Trigger;

static const Trigger triggers[] = {
  { "indicted", "indicted", 'v' }, { "indictment", "indicted", 'n' }, { "indict", "indicted", 'v' },
  { "charged", "charged", 'v' }, { "charges", "charged", 'n' },
  { "arrested", "arrested", 'v' }, { "arrest", "arrested", 'n' },
  { "convicted", "convicted", 'v' }, { "conviction", "convicted", 'n' },
  { "convictions", "convicted", 'n' }, { "guilty", "convicted", 'n' },
  { "sentenced", "sentenced", 'v' }, { "sentencing", "sentenced", 'n' },
  { "sentence", "sentenced", 'n' },
  { "appealed", "appealed", 'i' }, { "appeal", "appealed", 'n' }, { "appeals", "appealed", 'n' },
  { "petitioned", "petitioned", 'i' }, { "petition", "petitioned", 'n' },
  { "pardoned", "pardoned", 'v' }, { "pardon", "pardoned", 'n' }, { "pardons", "pardoned", 'n' },
  { "commuted", "commuted", 'v' }, { "commutation", "commuted", 'n' }, { "commute", "commuted", 'v' },
  { "released", "released", 'v' }, { "release", "released", 'n' }, { "freed", "released", 'v' },
  { "clemency", "clemency", 'n' },
  { "paroled", "paroled", 'v' }, { "parole", "paroled", 'n' },
  { "acquitted", "acquitted", 'v' }, { "acquittal", "acquitted", 'n' },
  { "exonerated", "exonerated", 'v' }, { "exoneration", "exonerated", 'n' },
  { "executed", "executed", 'v' }, { "execution", "executed", 'n' },
  { "pleaded", "pleaded guilty", 'i' }, { "pled", "pleaded guilty", 'i' },
  { "imprisoned", "imprisoned", 'v' }, { "jailed", "imprisoned", 'v' },
  { "incarcerated", "imprisoned", 'v' }, { "detained", "arrested", 'v' },
  { "tried", "tried", 'v' }, { "trial", "tried", 'n' },
  { "extradited", "extradited", 'v' }, { "deported", "deported", 'v' },
  { "resentenced", "sentenced", 'v' },
  { "commuting", "commuted", 'v' }, { "commutes", "commuted", 'v' },
  { "pardoning", "pardoned", 'v' }, { "releasing", "released", 'v' },
  { "releases", "released", 'v' }, { "convicts", "convicted", 'v' },
  { "arrests", "arrested", 'v' }, { "indicts", "indicted", 'v' },
  { "sentences", "sentenced", 'v' }, { "imposed", "sentenced", 'a' },
  { "confessed", "confessed", 'i' }, { "confessing", "confessed", 'i' },
  { "confession", "confessed", 'n' },
  { "impeached", "impeached", 'v' }, { "impeachment", "impeached", 'n' },
};

/* Verbs whose subject acts on someone else's case. */
static const char *agent_verbs[] = {
  "granted", "grants", "grant", "issued", "issues", "signed", "signs", "approved",
  "denied", "denies", "rejected", "rejects", "urged", "urges", "asked", "asks",
  "lobbied", "met", "meets", "called", "calls", "announced", "ordered", "orders",
  "commuted", "commutes", "pardoned", "pardons", "sentenced", "convicted",
  "indicted", "charged", "arrested", "championed", "backed", "supported",
  "opposed", "argued", "prosecuted", "represented", "represents", "defended",
  "sought", "recommended", "recommends", "refused", "declined", "overturned",
  "upheld", "vacated", "reduced", "freed", "wrote", "tweeted", "said", "says",
  "told", "visited", "thanked", "praised", "criticized", "criticised",
  "praised", "reached", "campaigned", "pushed", "pressed", "advocated",
  "filed", "heard", "ruled", "presided", "oversaw", "oversees", "decided",
  "will", "would", "could", "has", "had", "have", "is", "was", "did",
  NULL
};

/* Auxiliaries and adverbs between a subject and its verb. */
static const char *aux_words[] = {
  "was", "were", "is", "are", "be", "been", "being", "has", "have", "had",
  "got", "gets", "get", "later", "eventually", "also", "then", "never", "not",
  "finally", "first", "subsequently", "ultimately", "once", "again", "soon",
  "reportedly", "allegedly", "wrongly", "wrongfully", "formally", "federally",
  "initially", "originally", "officially", "posthumously",
  NULL
};

/* The words the events extractor asks about, in the scan's word table (see
 * CB_TOK_EVENT_SHIFT): the low byte is the index of the word's trigger + 1,
 * then flags. */
#define EV_TRIGGER_MASK 0xffu
#define EV_AGENT        (1u << 8)
#define EV_AUX          (1u << 9)
#define EV_BITS         0x3ffu
/* Not in the table: the word ends in "-ly". */
#define EV_LY           (1u << 10)
/* Words longer than this are in none of the lists. */
#define EV_MAX_LEN 23

void
_cb_events_add_words (CbWordTable *table,
                      guint        shift)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (triggers) < EV_TRIGGER_MASK);
  g_assert (shift + 10 <= 30);
  for (guint k = 0; k < G_N_ELEMENTS (triggers); k++)
    if (((cb_word_table_lookup (table, triggers[k].word, strlen (triggers[k].word)) >> shift)
         & EV_TRIGGER_MASK) == 0)
      cb_word_table_add (table, triggers[k].word, (k + 1) << shift);
  for (guint k = 0; agent_verbs[k]; k++)
    cb_word_table_add (table, agent_verbs[k], EV_AGENT << shift);
  for (guint k = 0; aux_words[k]; k++)
    cb_word_table_add (table, aux_words[k], EV_AUX << shift);
}

static inline guint32
event_word (CbScan *scan,
            guint   i)
{
  const CbTok *t = &scan->toks[i];
  guint32 v = (t->words >> CB_TOK_EVENT_SHIFT) & EV_BITS;
  gsize n = t->end - t->start;

  if (n >= 2 && n <= EV_MAX_LEN && cb_ascii_lower (scan->text[t->end - 2]) == 'l'
      && cb_ascii_lower (scan->text[t->end - 1]) == 'y')
    v |= EV_LY;
  return v;
}

static const Trigger *
trigger_at (CbScan *scan,
            guint   i)
{
  guint32 v;

  if (i >= scan->n_toks || scan->toks[i].kind != CB_TOK_WORD)
    return NULL;
  v = event_word (scan, i) & EV_TRIGGER_MASK;
  return v ? &triggers[v - 1] : NULL;
}

static gboolean
is_agent_verb (CbScan *scan,
               guint   i)
{
  if (i >= scan->n_toks)
    return FALSE;
  if (cb_tok_in (scan, i, CB_WORDS_SPEECH_VERB))
    return TRUE;
  return (event_word (scan, i) & EV_AGENT) != 0;
}

static gboolean
is_aux_or_adverb (CbScan *scan,
                  guint   i)
{
  if (i >= scan->n_toks || scan->toks[i].kind != CB_TOK_WORD)
    return FALSE;
  return (event_word (scan, i) & (EV_AUX | EV_LY)) != 0;
}

static gboolean
is_possessive_person (CbScan *scan,
                      guint   i)
{
  const CbTok *t = &scan->toks[i];
  const char *s = scan->text + t->start;
  gsize n = t->end - t->start;

  if (t->person < 0)
    return FALSE;
  if (cb_tok_is (scan, i, "his") || cb_tok_is (scan, i, "her") || cb_tok_is (scan, i, "whose"))
    return TRUE;
  return (n > 2 && s[n - 2] == '\'' && s[n - 1] == 's')
         || (n > 4 && memcmp (s + n - 4, "\xe2\x80\x99s", 4) == 0);
}

/* A clause (or the sentence around a date) reaches at most this many tokens
 * either side of the date: real clauses are far shorter, and a sentence of
 * thousands of words (a list, or no punctuation at all) must not make every
 * date in it cost the whole sentence. */
#define CLAUSE_MAX_REACH 60

typedef struct
{
  guint from;            /* clause tokens [from, to) */
  guint to;
  gboolean in_quote;     /* the date is inside a quotation: count persons there too */
} Clause;

static gboolean
tok_counts (CbScan       *scan,
            const Clause *c,
            guint         i)
{
  return c->in_quote || scan->toks[i].quote < 0;
}

/* The token naming the patient of the trigger at @t by pattern, or -1. */
static int
patient_of (CbScan       *scan,
            const Clause *c,
            guint         t,
            const Trigger *trig)
{
  /* "Doe's conviction", "her 1997 sentence", "his racially charged conviction" */
  for (guint k = 1; k <= 4 && t >= c->from + k; k++)
    {
      guint j = t - k;

      if (!tok_counts (scan, c, j))
        break;
      if (is_possessive_person (scan, j))
        return j;
      if (scan->toks[j].kind == CB_TOK_PUNCT || scan->toks[j].person >= 0
          || (scan->toks[j].flags & CB_TOK_CAP) || is_aux_or_adverb (scan, j)
          || is_agent_verb (scan, j))
        break;
    }

  /* "pardon Jane Doe", "a pardon for Doe", "the release of Doe", "commuted
   * Doe's sentence": a person soon after, over prepositions, articles and
   * adjectives. */
  /* A petition "for" someone else concerns that person. */
  if (trig->kind != 'i' || cb_tok_is (scan, t + 1, "for") || cb_tok_is (scan, t + 1, "on"))
    {
      guint skipped = 0;

      for (guint j = t + 1; j < c->to && j < t + 12; j++)
        {
          const CbTok *tok = &scan->toks[j];

          if (!tok_counts (scan, c, j))
            break;
          if (tok->person >= 0)
            {
              /* "pardon Doe" but not "sentenced by Judge Roe". */
              if (j > t + 1 && cb_tok_is (scan, j - 1, "by"))
                break;
              return j;
            }
          if (tok->kind == CB_TOK_PUNCT)
            {
              if (tok->ch == '.' && j > 0 && (tok->flags & CB_TOK_GLUED))
                continue;
              /* "pardoned four men …: Jane Doe, …" */
              if (tok->ch == ':' && j + 1 < c->to && scan->toks[j + 1].person >= 0)
                continue;
              break;
            }
          if (cb_tok_is (scan, j, "by") || cb_tok_is (scan, j, "that")
              || cb_tok_is (scan, j, "in") || cb_tok_is (scan, j, "after"))
            break;
          if (tok->flags & CB_TOK_CAP)
            {
              /* A title before the name ("President", "Judge"). */
              if (cb_tok_in (scan, j, CB_WORDS_TITLE) || cb_tok_in (scan, j, CB_WORDS_TITLE_MOD))
                continue;
              break;
            }
          if (++skipped > 4)
            break;
        }
    }

  if (trig->kind == 'a')
    return -1;

  /* "Doe and Roe, who go on trial": a person a few words before a noun. */
  if (trig->kind == 'n')
    for (guint k = 1; k <= 3 && t >= c->from + k; k++)
      {
        guint j = t - k;

        if (!tok_counts (scan, c, j) || scan->toks[j].kind == CB_TOK_PUNCT || is_agent_verb (scan, j))
          break;
        if (scan->toks[j].person >= 0)
          {
            if (is_possessive_person (scan, j) || k == 1)
              break;
            return j;
          }
      }

  /* "Doe was granted clemency", "Doe received a pardon": the one who gets
   * (or is refused) what the noun names. */
  if (trig->kind == 'n')
    {
      /* Given to the subject only in the passive ("was granted"); the
       * others in the active voice too ("received"). */
      static const char * const receiving[] = {
        "granted", "given", "awarded", "offered", "denied", "refused",
        "received", "receives", "won", "wins", "got", "gets", "sought", "seeks",
        "requested", "requests",
      };
      const guint n_passive_only = 6;
      guint j = t, verb;
      gboolean is_receiving = FALSE, passive_only = FALSE;

      while (j > c->from && (cb_tok_is (scan, j - 1, "a") || cb_tok_is (scan, j - 1, "an")
                             || cb_tok_is (scan, j - 1, "the") || cb_tok_is (scan, j - 1, "full")
                             || cb_tok_is (scan, j - 1, "posthumous")))
        j--;
      for (guint k = 0; j > c->from && k < G_N_ELEMENTS (receiving) && !is_receiving; k++)
        if (cb_tok_is (scan, j - 1, receiving[k]))
          {
            is_receiving = TRUE;
            passive_only = k < n_passive_only;
          }
      if (is_receiving)
        {
          verb = --j;
          while (j > c->from && is_aux_or_adverb (scan, j - 1))
            j--;
          if ((!passive_only || j < verb) && j > c->from && tok_counts (scan, c, j - 1)
              && scan->toks[j - 1].person >= 0 && !is_possessive_person (scan, j - 1))
            return j - 1;
        }
    }

  /* "Doe was convicted", "Doe, 45, was sentenced", "Doe appealed",
   * "getting Doe released". */
  {
    guint j = t;

    while (j > c->from && is_aux_or_adverb (scan, j - 1))
      j--;
    if (j > c->from && tok_counts (scan, c, j - 1) && scan->toks[j - 1].person >= 0
        && !is_possessive_person (scan, j - 1))
      {
        gboolean passive = j < t;   /* an auxiliary came between */

        if (passive || trig->kind == 'i' || trig->kind == 'n')
          return trig->kind == 'n' && !passive ? -1 : (int) (j - 1);
        /* "Doe released from prison" vs "Roe pardoned the boxer". */
        if (t + 1 >= c->to || scan->toks[t + 1].kind == CB_TOK_PUNCT
            || cb_tok_is (scan, t + 1, "yesterday") || cb_tok_is (scan, t + 1, "today")
            || cb_tok_is (scan, t + 1, "from") || cb_tok_is (scan, t + 1, "in")
            || cb_tok_is (scan, t + 1, "on") || cb_tok_is (scan, t + 1, "for")
            || cb_tok_is (scan, t + 1, "of") || cb_tok_is (scan, t + 1, "after")
            || cb_tok_is (scan, t + 1, "to") || cb_tok_is (scan, t + 1, "at"))
          return j - 1;
      }
    /* "Doe, 66, was convicted", "Doe, a shoemaker who …, was arrested". */
    if (j < t && j > c->from && cb_tok_is_punct (scan, j - 1, ','))
      for (guint m = j - 1; m > c->from && m + 30 > j; m--)
        if (cb_tok_is_punct (scan, m - 1, ',') && m >= 2 && scan->toks[m - 2].person >= 0
            && tok_counts (scan, c, m - 2))
          return m - 2;
  }
  return -1;
}

static gboolean
weak_trigger (CbScan *scan,
              guint   i)
{
  return cb_tok_is (scan, i, "sentence") || cb_tok_is (scan, i, "conviction")
         || cb_tok_is (scan, i, "convictions") || cb_tok_is (scan, i, "charges")
         || cb_tok_is (scan, i, "guilty");
}

typedef struct
{
  guint tok;
  guint distance;
} TriggerRank;

static int
compare_ranks (gconstpointer a,
               gconstpointer b)
{
  const TriggerRank *ra = a, *rb = b;

  if (ra->distance != rb->distance)
    return ra->distance < rb->distance ? -1 : 1;
  return ra->tok < rb->tok ? -1 : ra->tok > rb->tok;
}

/* The triggers of the clause, nearest to the date first. */
static void
clause_triggers (CbScan       *scan,
                 const Clause *c,
                 guint         date_tok,
                 GArray       *out)
{
  g_autoptr(GArray) ranks = g_array_new (FALSE, FALSE, sizeof (TriggerRank));

  g_array_set_size (out, 0);
  for (guint i = c->from; i < c->to; i++)
    {
      const Trigger *trig;
      TriggerRank rank;

      if (!tok_counts (scan, c, i))
        continue;
      trig = trigger_at (scan, i);
      if (trig == NULL)
        continue;
      /* "racially charged" is no charge. */
      if (trig->word[0] == 'c' && strcmp (trig->word, "charged") == 0 && i > 0 && scan->toks[i - 1].kind == CB_TOK_WORD
          && scan->toks[i - 1].end - scan->toks[i - 1].start > 2
          && g_str_has_suffix (scan->text + scan->toks[i - 1].end - 2, "ly"))
        continue;
      /* Nouns that are usually the object of another action ("commuted
       * her sentence") count as farther away. */
      rank.tok = i;
      rank.distance = (i > date_tok ? i - date_tok : date_tok - i) + (weak_trigger (scan, i) ? 6 : 0);
      g_array_append_val (ranks, rank);
    }
  /* By distance to the date; earlier wins ties.  (A sort, not insertion:
   * a long sentence may hold thousands of triggers.) */
  g_array_sort (ranks, compare_ranks);
  for (guint r = 0; r < ranks->len; r++)
    g_array_append_val (out, g_array_index (ranks, TriggerRank, r).tok);
}

/* The action of trigger @i; a denial nearby turns clemency, parole, pardons
 * and appeals into "denied …". */
static char *
trigger_action (CbScan       *scan,
                const Clause *c,
                guint         i)
{
  const Trigger *trig = trigger_at (scan, i);
  gboolean denied = FALSE, granted = FALSE;

  for (guint k = (i > c->from + 6 ? i - 6 : c->from); k < i; k++)
    {
      if (cb_tok_is (scan, k, "denied") || cb_tok_is (scan, k, "rejected")
          || cb_tok_is (scan, k, "refused") || cb_tok_is (scan, k, "declined")
          || cb_tok_is (scan, k, "denies") || cb_tok_is (scan, k, "rejects")
          || cb_tok_is (scan, k, "down"))
        denied = TRUE;
      if (cb_tok_is (scan, k, "granted") || cb_tok_is (scan, k, "grants")
          || cb_tok_is (scan, k, "grant"))
        granted = TRUE;
    }
  if (denied)
    {
      if (strcmp (trig->action, "clemency") == 0 || strcmp (trig->action, "pardoned") == 0
          || strcmp (trig->action, "commuted") == 0)
        return g_strdup ("denied clemency");
      if (strcmp (trig->action, "paroled") == 0)
        return g_strdup ("denied parole");
      if (strcmp (trig->action, "appealed") == 0)
        return g_strdup ("appeal denied");
    }
  if (strcmp (trig->action, "clemency") == 0)
    return g_strdup (granted ? "granted clemency" : "clemency sought");
  return g_strdup (trig->action);
}

/* Officials act on cases: people ever named with an office ("Judge",
 * "Gov.", "President") rather than an honorific ("Ms", "Dr"). */
static gboolean *
find_officials (CbScan    *scan,
                GPtrArray *persons)
{
  static const char *honorifics[] = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "sir",
    "dame", "lady", "lord", "madam", "madame", "mme", "mlle", "herr", "frau",
    "monsieur", "senor", "señor", "senora", "señora", "uncle", "aunt", "saint",
    "father", "fr", "sister", "brother", "rev", "reverend", "pastor", "rabbi",
    "imam", "king", "queen", "prince", "princess", "duke", "duchess", "chef",
    NULL
  };
  gboolean *officials = g_new0 (gboolean, persons ? persons->len + 1 : 1);

  for (guint i = 1; persons && i < scan->n_toks; i++)
    {
      int p = scan->toks[i].person;
      guint t = i - 1;
      char buf[24];
      gboolean honorific = FALSE;

      if (p < 0 || scan->toks[t].person == p || cb_tok_pronoun (scan, i))
        continue;
      if (cb_tok_is_punct (scan, t, '.') && t > 0)
        t--;
      if (!cb_tok_in (scan, t, CB_WORDS_TITLE) || !cb_tok_lower (scan, t, buf, sizeof buf))
        continue;
      for (guint k = 0; honorifics[k]; k++)
        if (strcmp (buf, honorifics[k]) == 0)
          honorific = TRUE;
      if (!honorific)
        officials[p] = TRUE;
    }
  return officials;
}

/* Adds to @group the person at token @j and those listed with it ("A, B and
 * C"); a relative pronoun brings the list before it ("A and B, who …"). */
static void
collect_group (CbScan *scan,
               guint   j,
               guint   limit,
               GArray *group)
{
  int p = scan->toks[j].person;
  guint k;

  g_array_append_val (group, p);
  if ((cb_tok_is (scan, j, "who") || cb_tok_is (scan, j, "whose")) && j >= 2)
    {
      /* Walk back over "X, Y and Z, who". */
      k = j - 2;
      while (k > 0)
        {
          int q;

          while (k > 0 && scan->toks[k - 1].person >= 0 && scan->toks[k - 1].person == scan->toks[k].person)
            k--;
          if (k < 2 || !(cb_tok_is_punct (scan, k - 1, ',') || cb_tok_is (scan, k - 1, "and")))
            break;
          q = scan->toks[k - 2].person;
          if (q < 0 || q == p)
            break;
          g_array_append_val (group, q);
          k -= 2;
        }
      return;
    }
  k = j + 1;
  while (k < limit)
    {
      int q;

      while (k < limit && scan->toks[k].person == scan->toks[k - 1].person)
        k++;
      if (k + 1 >= limit)
        break;
      if (cb_tok_is_punct (scan, k, ',') && cb_tok_is (scan, k + 1, "and"))
        k++;
      if (!(cb_tok_is_punct (scan, k, ',') || cb_tok_is (scan, k, "and")))
        break;
      q = scan->toks[k + 1].person;
      if (q < 0)
        break;
      g_array_append_val (group, q);
      k += 2;
    }
}

static gboolean
acted_by (CbScan       *scan,
          const Clause *c,
          guint         i)
{
  /* "by Judge Doe", "a request from the Justice Secretary, Doe" */
  for (guint k = i; k > c->from && k + 6 > i; k--)
    {
      if (cb_tok_is (scan, k - 1, "by") || cb_tok_is (scan, k - 1, "from"))
        return TRUE;
      if (scan->toks[k - 1].person >= 0 && scan->toks[k - 1].person != scan->toks[i].person)
        return FALSE;
    }
  return FALSE;
}

/* Fills @group with the people the clause is about; TRUE when a pattern
 * names them explicitly. */
static gboolean
clause_subjects (CbScan         *scan,
                 const Clause   *c,
                 GArray         *trigs,
                 const gboolean *officials,
                 GArray         *topic,
                 GArray         *group)
{
  g_array_set_size (group, 0);

  if (trigs->len > 0)
    {
      for (guint t = 0; t < trigs->len; t++)
        {
          guint i = g_array_index (trigs, guint, t);
          int j = patient_of (scan, c, i, trigger_at (scan, i));

          if (j >= 0)
            {
              collect_group (scan, j, c->to, group);
              return TRUE;
            }
        }
      /* Someone in the clause who is not acting on the case. */
      for (guint i = c->from; i < c->to; i++)
        {
          guint j;
          int p = scan->toks[i].person;

          if (!tok_counts (scan, c, i) || p < 0)
            continue;
          if (i + 1 < c->to && scan->toks[i + 1].person == p)
            continue;   /* not the last word of the name yet */
          if (officials[p] || acted_by (scan, c, i))
            continue;
          j = i + 1;
          while (j < c->to && is_aux_or_adverb (scan, j) && !cb_tok_is (scan, j, "has")
                 && !cb_tok_is (scan, j, "had"))
            j++;
          if (j < c->to && is_agent_verb (scan, j))
            continue;
          g_array_append_val (group, p);
          return FALSE;
        }
      if (topic->len > 0)
        g_array_append_vals (group, topic->data, topic->len);
      return FALSE;
    }
  /* No legal action: the first person named, officials last. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = c->from; i < c->to; i++)
      if (tok_counts (scan, c, i) && scan->toks[i].person >= 0)
        {
          int p = scan->toks[i].person;

          if (pass == 0 && (officials[p] || acted_by (scan, c, i)))
            continue;
          g_array_append_val (group, p);
          return FALSE;
        }
  return FALSE;
}

static gboolean
is_clause_break (CbScan *scan,
                 guint   i)
{
  const CbTok *t = &scan->toks[i];

  if (t->kind == CB_TOK_PUNCT)
    return t->ch == ';' || ((t->ch == 0x2014 || t->ch == 0x2013) && !(t->flags & CB_TOK_GLUED));
  if (i > 0 && cb_tok_is_punct (scan, i - 1, ','))
    return cb_tok_is (scan, i, "but") || cb_tok_is (scan, i, "while")
           || cb_tok_is (scan, i, "although") || cb_tok_is (scan, i, "whereas")
           || cb_tok_is (scan, i, "though");
  return FALSE;
}

static char *
tidy (const char *text,
      guint       start,
      guint       end)
{
  char *s = g_malloc (end > start ? end - start + 1 : 1);
  gboolean space = FALSE, plain = TRUE;
  gsize n = 0;

  /* Mostly the text has single spaces and nothing else to tidy: then it is
   * a copy. */
  if (end > start)
    {
      const guchar *u = (const guchar *) text + start, *e = (const guchar *) text + end;

      for (; u < e; u++)
        if (*u <= ' ' && (*u != ' ' || u == (const guchar *) text + start || u + 1 >= e || u[1] <= ' '))
          {
            plain = FALSE;
            break;
          }
    }
  if (plain)
    {
      n = end > start ? end - start : 0;
      memcpy (s, text + start, n);
      s[n] = '\0';
      return s;
    }

  for (guint k = start; k < end; k++)
    {
      char ch = text[k];

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

static CbEventMention *
make_event (CbScan       *scan,
            const Clause *c,
            int           timex,
            int           subject,
            char         *action)
{
  CbEventMention *event = g_new0 (CbEventMention, 1);
  guint to = c->to > c->from ? c->to - 1 : c->from;

  event->span.start = scan->toks[c->from].start;
  event->span.end = scan->toks[to].end;
  event->description = tidy (scan->text, event->span.start, event->span.end);
  event->subject = subject;
  event->timex = timex;
  event->action = action;
  return event;
}

/* Legal events that named nobody go to the first people an action is
 * then done to, when they come within two paragraphs. */
static void
add_pending (GPtrArray *events,
             GPtrArray *pending,
             GArray    *group,
             guint      para)
{
  for (guint k = 0; k < pending->len; k++)
    {
      CbEventMention *e = g_ptr_array_index (pending, k);

      for (guint g = 0; g < group->len; g++)
        {
          CbEventMention *copy = g_new0 (CbEventMention, 1);

          copy->span = e->span;
          copy->description = g_strdup (e->description);
          copy->timex = e->timex;
          copy->action = g_strdup (e->action);
          copy->subject = g_array_index (group, int, g);
          g_ptr_array_add (events, copy);
        }
    }
  g_ptr_array_set_size (pending, 0);
  (void) para;
}

/* "was never charged", "did not appeal" */
static gboolean
negated (CbScan *scan,
         guint   from,
         guint   trigger)
{
  for (guint k = trigger; k > from && k + 4 > trigger; k--)
    if (cb_tok_is (scan, k - 1, "never") || cb_tok_is (scan, k - 1, "not")
        || cb_tok_is (scan, k - 1, "no") || cb_tok_is (scan, k - 1, "without"))
      return TRUE;
  return FALSE;
}

/* "Doe, who …": the relative pronoun stands for the person before it. */
static void
mark_relatives (CbScan *scan)
{
  for (guint i = 2; i < scan->n_toks; i++)
    if ((cb_tok_is (scan, i, "who") || cb_tok_is (scan, i, "whose"))
        && scan->toks[i].person < 0 && cb_tok_is_punct (scan, i - 1, ',')
        && scan->toks[i - 2].person >= 0)
      scan->toks[i].person = scan->toks[i - 2].person;
}

GPtrArray *
_cb_find_events_in_scan (CbScan    *scan,
                         GArray    *sentences,
                         GPtrArray *timexes,
                         GPtrArray *persons)
{
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_event_mention_free);
  g_autoptr(GArray) trigs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) group = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) topic = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree guint *sent_start = NULL;
  g_autofree gboolean *officials = NULL;
  guint tx = 0, topic_para = 0;
  int last_tx = -1;
  guint last_tx_para = 0, last_tx_sent = 0;
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();   /* CbEventMention *, not owned */
  guint pending_para = 0;

  /* Clauses follow the scanner's own sentences, which agree with the
   * quotation and pronoun logic; @sentences is not needed beyond that. */
  (void) sentences;

  if (scan->n_toks == 0 || timexes == NULL)
    return events;
  cb_scan_reset_persons (scan);
  cb_scan_mark_persons (scan, persons);
  officials = find_officials (scan, persons);
  /* The one a legal action concerns is seldom the official acting on it. */
  cb_scan_resolve_pronouns (scan, persons, officials);
  mark_relatives (scan);

  sent_start = g_new0 (guint, scan->n_sents + 1);
  sent_start[scan->n_sents] = scan->n_toks;
  for (guint i = scan->n_toks; i > 0; i--)
    sent_start[scan->toks[i - 1].sent] = i - 1;

  for (guint si = 0; si < scan->n_sents; si++)
    {
      guint from = sent_start[si], to = sent_start[si + 1];
      guint para = scan->toks[from].para;
      guint end_byte = to < scan->n_toks ? scan->toks[to].start : scan->len;
      gboolean dated = FALSE;

      if (topic->len > 0 && para > topic_para + 4)
        g_array_set_size (topic, 0);
      if (pending->len > 0 && para > pending_para + 2)
        g_ptr_array_set_size (pending, 0);

      while (tx < timexes->len)
        {
          CbTimex *timex = g_ptr_array_index (timexes, tx);
          Clause c;
          guint k, near_from, near_to;
          char *action = NULL;
          gboolean explicit_patient;

          if (timex->span.start >= end_byte)
            break;
          k = cb_scan_token_at (scan, timex->span.start);
          if (k < from)
            k = from;
          if (k >= to)
            k = to - 1;
          /* The clause stays within reach of its date, so the work per date
           * does not grow with the sentence. */
          near_from = k > from + CLAUSE_MAX_REACH ? k - CLAUSE_MAX_REACH : from;
          near_to = MIN (to, k + 1 + CLAUSE_MAX_REACH);
          c.from = k;
          while (c.from > near_from && !is_clause_break (scan, c.from))
            c.from--;
          if (is_clause_break (scan, c.from) && c.from < k)
            c.from++;
          c.to = k + 1;
          while (c.to < near_to && !is_clause_break (scan, c.to))
            c.to++;
          c.in_quote = scan->toks[k].quote >= 0;

          clause_triggers (scan, &c, k, trigs);
          if (trigs->len > 0)
            action = trigger_action (scan, &c, g_array_index (trigs, guint, 0));
          explicit_patient = clause_subjects (scan, &c, trigs, officials, topic, group);
          if (group->len == 0)
            {
              /* Nobody in the clause: look at the whole sentence. */
              Clause whole = { near_from, near_to, c.in_quote };

              clause_triggers (scan, &whole, k, trigs);
              explicit_patient = clause_subjects (scan, &whole, trigs, officials, topic, group);
            }
          if (explicit_patient)
            {
              g_array_set_size (topic, 0);
              g_array_append_vals (topic, group->data, group->len);
              topic_para = para;
              add_pending (events, pending, group, para);
            }
          if (group->len == 0)
            {
              g_ptr_array_add (events, make_event (scan, &c, tx, -1, g_strdup (action)));
              /* "The president pardoned 15 people on Tuesday." — who they
               * are comes in the next paragraphs. */
              if (action != NULL)
                {
                  g_ptr_array_add (pending, g_ptr_array_index (events, events->len - 1));
                  pending_para = para;
                }
            }
          for (guint g = 0; g < group->len; g++)
            g_ptr_array_add (events, make_event (scan, &c, tx, g_array_index (group, int, g),
                                                 g_strdup (action)));
          g_free (action);
          dated = TRUE;
          last_tx = tx;
          last_tx_para = para;
          last_tx_sent = si;
          tx++;
        }

      if (!dated)
        {
          /* A legal action done to someone, undated: the narrative's date. */
          Clause c = { from, to, FALSE };

          clause_triggers (scan, &c, from, trigs);
          if (trigs->len > 0 && !negated (scan, from, g_array_index (trigs, guint, 0))
              && clause_subjects (scan, &c, trigs, officials, topic, group))
            {
              g_array_set_size (topic, 0);
              g_array_append_vals (topic, group->data, group->len);
              topic_para = para;
              add_pending (events, pending, group, para);
              if (last_tx >= 0 && para <= last_tx_para + 2 && si <= last_tx_sent + 6)
                for (guint g = 0; g < group->len; g++)
                  g_ptr_array_add (events, make_event (scan, &c, last_tx, g_array_index (group, int, g),
                                                       trigger_action (scan, &c, g_array_index (trigs, guint, 0))));
            }
        }
    }

  return events;
}

GPtrArray *
cb_find_events (const char *text,
                GArray     *sentences,
                GPtrArray  *timexes,
                GPtrArray  *persons)
{
  CbScan *scan;
  GPtrArray *events;

  g_return_val_if_fail (text != NULL, g_ptr_array_new_with_free_func ((GDestroyNotify) cb_event_mention_free));

  scan = cb_scan_new (text);
  events = _cb_find_events_in_scan (scan, sentences, timexes, persons);
  cb_scan_free (scan);
  return events;
}
