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
  guint8      kind;   /* 'v' transitive verb form, 'i' patient-subject verb, 'n' noun */
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
};

static GHashTable *
trigger_table (void)
{
  static GHashTable *table = NULL;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint k = 0; k < G_N_ELEMENTS (triggers); k++)
        g_hash_table_insert (t, (gpointer) triggers[k].word, (gpointer) &triggers[k]);
      g_once_init_leave (&table, t);
    }
  return table;
}

static const Trigger *
trigger_at (CbScan *scan,
            guint   i)
{
  char buf[24];

  if (i >= scan->n_toks || scan->toks[i].kind != CB_TOK_WORD || !cb_tok_lower (scan, i, buf, sizeof buf))
    return NULL;
  return g_hash_table_lookup (trigger_table (), buf);
}

/* Verbs whose subject acts on someone else's case. */
static gboolean
is_agent_verb (CbScan *scan,
               guint   i)
{
  static const char *verbs[] = {
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
  char buf[24];

  if (!cb_tok_lower (scan, i, buf, sizeof buf))
    return FALSE;
  for (guint k = 0; verbs[k]; k++)
    if (strcmp (buf, verbs[k]) == 0)
      return TRUE;
  return cb_words_has (CB_WORDS_SPEECH_VERB, buf);
}

static gboolean
is_aux_or_adverb (CbScan *scan,
                  guint   i)
{
  static const char *aux[] = {
    "was", "were", "is", "are", "be", "been", "being", "has", "have", "had",
    "got", "gets", "get", "later", "eventually", "also", "then", "never", "not",
    "finally", "first", "subsequently", "ultimately", "once", "again", "soon",
    "reportedly", "allegedly", "wrongly", "wrongfully", "formally", "federally",
    "initially", "originally", "officially", "posthumously", "who", "had",
    NULL
  };
  char buf[24];

  if (i >= scan->n_toks || scan->toks[i].kind != CB_TOK_WORD || !cb_tok_lower (scan, i, buf, sizeof buf))
    return FALSE;
  for (guint k = 0; aux[k]; k++)
    if (strcmp (buf, aux[k]) == 0)
      return TRUE;
  return g_str_has_suffix (buf, "ly");
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
  if (cb_tok_is (scan, i, "his") || cb_tok_is (scan, i, "her"))
    return TRUE;
  return (n > 2 && s[n - 2] == '\'' && s[n - 1] == 's')
         || (n > 4 && memcmp (s + n - 4, "\xe2\x80\x99s", 4) == 0);
}

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

/* The patient of the trigger at @t by pattern, or -1. */
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
        return scan->toks[j].person;
      if (scan->toks[j].kind == CB_TOK_PUNCT || scan->toks[j].person >= 0
          || (scan->toks[j].flags & CB_TOK_CAP))
        break;
    }

  /* "pardon Jane Doe", "a pardon for Doe", "the release of Doe", "commuted
   * Doe's sentence": a person soon after, over prepositions, articles and
   * adjectives. */
  if (trig->kind != 'i')
    {
      guint skipped = 0;

      for (guint j = t + 1; j < c->to && j < t + 7; j++)
        {
          const CbTok *tok = &scan->toks[j];

          if (!tok_counts (scan, c, j))
            break;
          if (tok->person >= 0)
            {
              /* "pardon Doe" but not "sentenced by Judge Roe". */
              if (j > t + 1 && cb_tok_is (scan, j - 1, "by"))
                break;
              return tok->person;
            }
          if (tok->kind == CB_TOK_PUNCT)
            {
              if (tok->ch == '.' && j > 0 && (tok->flags & CB_TOK_GLUED))
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
          return trig->kind == 'n' && !passive ? -1 : scan->toks[j - 1].person;
        /* "Doe released from prison" vs "Roe pardoned the boxer". */
        if (t + 1 >= c->to || scan->toks[t + 1].kind == CB_TOK_PUNCT
            || cb_tok_is (scan, t + 1, "from") || cb_tok_is (scan, t + 1, "in")
            || cb_tok_is (scan, t + 1, "on") || cb_tok_is (scan, t + 1, "for")
            || cb_tok_is (scan, t + 1, "of") || cb_tok_is (scan, t + 1, "after")
            || cb_tok_is (scan, t + 1, "to") || cb_tok_is (scan, t + 1, "at"))
          return scan->toks[j - 1].person;
      }
  }
  return -1;
}

/* The action named in the clause: the first trigger; a denial turns
 * clemency, parole, pardons and appeals into "denied …". */
static char *
clause_action (CbScan       *scan,
               const Clause *c,
               guint        *first_trigger)
{
  gboolean denied = FALSE;

  for (guint i = c->from; i < c->to; i++)
    {
      const Trigger *trig;

      if (!tok_counts (scan, c, i))
        continue;
      if (cb_tok_is (scan, i, "denied") || cb_tok_is (scan, i, "rejected")
          || cb_tok_is (scan, i, "refused") || cb_tok_is (scan, i, "declined")
          || cb_tok_is (scan, i, "denies") || cb_tok_is (scan, i, "rejects"))
        denied = TRUE;
      trig = trigger_at (scan, i);
      if (trig == NULL)
        continue;
      /* "racially charged", "charges" of a crime are not charges filed
       * unless a person is charged: keep the weak ones only with context. */
      if (strcmp (trig->word, "charged") == 0 && i > 0 && scan->toks[i - 1].kind == CB_TOK_WORD
          && g_str_has_suffix (scan->text + scan->toks[i - 1].end - 2, "ly"))
        continue;
      *first_trigger = i;
      if (denied || (i + 1 < c->to && (cb_tok_is (scan, i - 1, "denied") || cb_tok_is (scan, i - 1, "rejected"))))
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
        {
          for (guint k = c->from; k < i; k++)
            if (cb_tok_is (scan, k, "granted") || cb_tok_is (scan, k, "grants")
                || cb_tok_is (scan, k, "grant"))
              return g_strdup ("granted clemency");
          return g_strdup ("clemency sought");
        }
      return g_strdup (trig->action);
    }
  return NULL;
}

typedef struct
{
  int  subject;
  gboolean explicit_patient;
} Subject;

static Subject
clause_subject (CbScan       *scan,
                const Clause *c,
                int           topic,
                gboolean      has_trigger)
{
  Subject s = { -1, FALSE };

  if (has_trigger)
    {
      for (guint i = c->from; i < c->to; i++)
        {
          const Trigger *trig;
          int p;

          if (!tok_counts (scan, c, i))
            continue;
          trig = trigger_at (scan, i);
          if (trig == NULL)
            continue;
          p = patient_of (scan, c, i, trig);
          if (p >= 0)
            {
              s.subject = p;
              s.explicit_patient = TRUE;
              return s;
            }
        }
      /* Someone in the clause who is not acting on the case. */
      for (guint i = c->from; i < c->to; i++)
        {
          guint j;

          if (!tok_counts (scan, c, i) || scan->toks[i].person < 0)
            continue;
          if (i + 1 < c->to && scan->toks[i + 1].person == scan->toks[i].person)
            continue;   /* not the last word of the name yet */
          j = i + 1;
          while (j < c->to && is_aux_or_adverb (scan, j) && !cb_tok_is (scan, j, "has")
                 && !cb_tok_is (scan, j, "had"))
            j++;
          if (j < c->to && is_agent_verb (scan, j))
            continue;
          /* A title marks an official acting on the case ("the president"). */
          if (i > 0 && cb_tok_in (scan, i - 1, CB_WORDS_TITLE) && scan->toks[i - 1].person < 0
              && !cb_tok_in (scan, i - 1, CB_WORDS_TITLE_FEMALE)
              && !cb_tok_in (scan, i - 1, CB_WORDS_TITLE_MALE))
            continue;
          s.subject = scan->toks[i].person;
          return s;
        }
      if (topic >= 0)
        {
          s.subject = topic;
          return s;
        }
    }
  for (guint i = c->from; i < c->to; i++)
    if (tok_counts (scan, c, i) && scan->toks[i].person >= 0)
      {
        s.subject = scan->toks[i].person;
        return s;
      }
  return s;
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
  GString *s = g_string_sized_new (end - start);
  gboolean space = FALSE;

  for (guint k = start; k < end; k++)
    {
      char ch = text[k];

      if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r')
        space = TRUE;
      else
        {
          if (space && s->len)
            g_string_append_c (s, ' ');
          space = FALSE;
          g_string_append_c (s, ch);
        }
    }
  return g_string_free (s, FALSE);
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

GPtrArray *
cb_find_events (const char *text,
                GArray     *sentences,
                GPtrArray  *timexes,
                GPtrArray  *persons)
{
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_event_mention_free);
  CbScan *scan;
  guint tx = 0;
  int topic = -1;
  guint topic_para = 0;
  int last_tx = -1;
  guint last_tx_para = 0, last_tx_sent = 0;

  g_return_val_if_fail (text != NULL, events);
  if (sentences == NULL || sentences->len == 0)
    return events;

  scan = cb_scan_new (text);
  if (scan->n_toks == 0)
    {
      cb_scan_free (scan);
      return events;
    }
  cb_scan_mark_persons (scan, persons);
  cb_scan_resolve_pronouns (scan, persons);

  for (guint si = 0; si < sentences->len; si++)
    {
      const CbSentence *sent = &g_array_index (sentences, CbSentence, si);
      guint from = cb_scan_token_at (scan, sent->span.start);
      guint to = cb_scan_token_at (scan, sent->span.end);
      gboolean dated = FALSE;

      if (from >= to)
        {
          /* Skip the timexes of an empty sentence. */
          while (timexes && tx < timexes->len
                 && ((CbTimex *) g_ptr_array_index (timexes, tx))->span.start < sent->span.end)
            tx++;
          continue;
        }
      if (topic >= 0 && sent->paragraph > topic_para + 4)
        topic = -1;

      while (timexes && tx < timexes->len)
        {
          CbTimex *timex = g_ptr_array_index (timexes, tx);
          Clause c;
          guint k, first_trigger = 0;
          char *action;
          Subject subj;

          if (timex->span.start >= sent->span.end)
            break;
          if (timex->span.start < sent->span.start)
            {
              tx++;
              continue;
            }
          k = cb_scan_token_at (scan, timex->span.start);
          if (k >= to)
            k = to - 1;
          c.from = k;
          while (c.from > from && !is_clause_break (scan, c.from))
            c.from--;
          if (is_clause_break (scan, c.from) && c.from < k)
            c.from++;
          c.to = k + 1;
          while (c.to < to && !is_clause_break (scan, c.to))
            c.to++;
          c.in_quote = scan->toks[k].quote >= 0;

          action = clause_action (scan, &c, &first_trigger);
          subj = clause_subject (scan, &c, topic, action != NULL);
          if (subj.subject < 0)
            {
              /* Nobody in the clause: look at the whole sentence. */
              Clause whole = { from, to, c.in_quote };

              subj = clause_subject (scan, &whole, topic, action != NULL);
            }
          if (subj.explicit_patient)
            {
              topic = subj.subject;
              topic_para = sent->paragraph;
            }
          g_ptr_array_add (events, make_event (scan, &c, tx, subj.subject, action));
          dated = TRUE;
          last_tx = tx;
          last_tx_para = sent->paragraph;
          last_tx_sent = si;
          tx++;
        }

      if (!dated)
        {
          /* A legal action done to someone, undated: the narrative's date. */
          Clause c = { from, to, FALSE };
          guint first_trigger = 0;
          char *action = clause_action (scan, &c, &first_trigger);

          if (action != NULL)
            {
              Subject subj = clause_subject (scan, &c, -1, TRUE);

              if (subj.explicit_patient)
                {
                  topic = subj.subject;
                  topic_para = sent->paragraph;
                  if (last_tx >= 0 && sent->paragraph <= last_tx_para + 2 && si <= last_tx_sent + 6)
                    {
                      g_ptr_array_add (events, make_event (scan, &c, last_tx, subj.subject,
                                                           g_steal_pointer (&action)));
                    }
                }
            }
          g_free (action);
        }
    }

  cb_scan_free (scan);
  return events;
}
