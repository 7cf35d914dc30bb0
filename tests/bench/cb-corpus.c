/* cb-corpus.c — a deterministic generator of synthetic news articles
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each article follows one person through a case (the way a news story
 * does): who they are, what happened when — absolute dates ("in March
 * 1996"), dates relative to the article ("three months ago") and to other
 * events ("a year later") — what the people around them said, and some
 * background.  Names come from pools large enough that a corpus of 100,000
 * articles has thousands of people, of whom some come back in several
 * articles.  No sentence or quote is used twice in one article.
 */

#include "config.h"

#include <string.h>

#include "cb-corpus.h"

static const char *first_names[] = {
  "Maria", "James", "Aisha", "Tomás", "Li", "Dmitri", "Grace", "Kwame", "Sofia", "Ahmed",
  "Eleanor", "Rafael", "Nadia", "Owen", "Priya", "Jean-Luc", "Chloé", "Samuel", "Ingrid", "Mateo",
  "Harriet", "Desmond", "Yusuf", "Lucia", "Bernard", "Ayesha", "Gideon", "Marguerite", "Tobias",
  "Wanda", "Ezekiel", "Rosalind", "Cornelius", "Imani", "Florence", "Lamar", "Odette", "Reuben",
  "Svetlana", "Thaddeus", "Beatriz", "Clement", "Delphine", "Ignatius", "Josefa", "Leopold",
  "Mirela", "Nathaniel", "Oksana", "Percival",
};
static const char *surnames[] = {
  "Okafor", "Delgado", "Hargrove", "Nakamura", "Petrov", "O'Donnell", "Whitfield", "de la Vega",
  "Lindqvist", "Mbeki", "Castellanos", "Fairbanks", "Kowalski", "Abernathy", "Ruiz", "Sandoval",
  "Thornton", "van Dijk", "McAllister", "Brennan", "Quillfeather", "Ashdown", "Blackwood",
  "Carrington", "Dunmore", "Ellsworth", "Fenwick", "Galloway", "Holloway", "Ironside", "Jessup",
  "Kettering", "Lockhart", "Merriweather", "Northcott", "Oyelaran", "Pemberton", "Radcliffe",
  "Stroud", "Tolliver", "Underhill", "Vasquez-Moreno", "Wakefield", "Yarborough", "Zielinski",
  "Achterberg", "Bramwell", "Coldwater", "Drummond", "Eastgate", "Fairweather", "Greenhalgh",
  "Hollingsworth", "Ingleby", "Jarrow", "Kingsley", "Langford", "Marchetti", "Nettleton",
  "Ormsby",
};
static const char *titles[] = { "Judge", "Gov.", "Sen.", "Dr.", "Attorney General", "Rep." };
static const char *roles[] = {
  "a lawyer for the family", "the public defender", "a former cellmate", "a sister of the prisoner",
  "a pastor who visited the prison", "a retired warden", "a law professor", "the prosecutor",
};
static const char *months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};
static const char *weekdays[] = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" };

/* The life of a case, in order; the story walks along it. */
static const char *steps[] = {
  "was arrested", "was indicted", "was convicted", "was sentenced to life in prison",
  "appealed the verdict", "petitioned for clemency", "had the sentence commuted", "was released",
};
static const char *steps_alt[] = {
  "was taken into custody", "was charged", "was found guilty", "was sentenced to 25 years",
  "lost an appeal", "asked the governor for a pardon", "was granted clemency", "walked out of prison",
};
/* How far apart two steps are, in words. */
static const char *gaps[] = {
  "A week later", "Two months later", "The following year", "A year later",
  "Three years later", "Months later",
};
/* Dates relative to the article's own. */
static const char *relatives[] = {
  "Last week", "Three months ago", "Yesterday", "Earlier this year", "Two years ago",
  "Last month", "This morning", "Just last week",
};

static const char *quotes[] = {
  "We never stopped believing this day would come.",
  "It took %d years, but the truth finally caught up with the file.",
  "The sentence never fit the crime, and everyone in that courtroom knew it.",
  "I wrote to every office in the capital. Most letters came back unopened.",
  "Mercy is not weakness. It is the law remembering that it serves people.",
  "My mother visited every Sunday for %d years and never missed one.",
  "The board heard the petition in twenty minutes and decided in five.",
  "There was no evidence placing my client at the scene, none at all.",
  "I am not asking anyone to forget what happened. I am asking them to look at who I am now.",
  "We will keep pressing until every case like this one is reviewed.",
  "The governor read the file himself; that is rare, and it mattered.",
  "Nobody should die in prison for a first offence that hurt no one.",
  "The prosecutors made their case and the jury made its decision.",
  "I taught myself to read in there, then I taught %d other men.",
  "The law changed years ago; the people it sentenced were left behind.",
  "It is a good day for the family and a hard day for the victims.",
  "We filed the motion in March and heard nothing until the autumn.",
  "She was twenty-three when she went in. She is a grandmother now.",
  "Our office reviews every petition it receives, whatever the outcome.",
  "I kept every letter. There are %d of them in a box under my bed.",
  "The judge said his hands were tied by the statute.",
  "Second chances are not a loophole; they are how justice corrects itself.",
  "I cried when the phone rang. I thought it was bad news again.",
  "The record speaks for itself: not a single violation in %d years.",
  "This decision was reviewed carefully and we stand by it.",
  "He mentors younger inmates and runs the prison library.",
  "We are studying the ruling and will decide on the next steps.",
  "Nothing about this case was ordinary, from the arrest to the appeal.",
  "The campaign started with a handful of letters and grew into thousands.",
  "I owe my freedom to strangers who read about me and did not look away.",
};
static const char *verbs[] = {
  "said", "told reporters", "wrote in a letter", "added", "said in a statement",
  "told the local paper", "said on the courthouse steps", "recalled",
};

static const char *fillers[] = {
  "The case drew attention from advocates across the state, who said the sentence was out of proportion to the offence.",
  "Court records show that the motion was filed by a lawyer who had represented the family for years.",
  "Prosecutors declined to comment on the decision, citing the pending review of similar cases.",
  "Supporters gathered outside the courthouse, holding signs and reading letters aloud.",
  "The office of the governor said it reviews every petition it receives, though few are granted.",
  "Reform groups have pointed to the case as an example of mandatory minimum sentences gone wrong.",
  "The state's clemency board meets four times a year and hears only a fraction of the requests.",
  "A petition signed by more than ten thousand people was delivered to the capitol in the spring.",
  "The original trial lasted three days, and the jury deliberated for less than an afternoon.",
  "Several former jurors have since said they did not know the length of the sentence they triggered.",
  "The department of corrections confirmed the transfer but gave no further details.",
  "Legal scholars say the ruling could affect hundreds of people serving similar sentences.",
  "The family has kept a website about the case for more than a decade.",
  "Local churches organised a vigil that drew several hundred people.",
  "The sentencing guidelines in force at the time left the court little discretion.",
  "Victims' advocates urged the board to consider the harm done to the community.",
  "An editorial in the regional paper called the sentence a relic of another era.",
  "Lawmakers introduced a bill last session that would allow such cases to be reviewed.",
  "The prison where the sentence was served has since been closed.",
  "Records obtained under the freedom of information act show the petition was delayed twice.",
  "The hearing was open to the public, and the gallery was full.",
  "Attempts to reach the district attorney's office were unsuccessful.",
  "Over the years the case passed through five courts and three administrations.",
  "Work programmes and classes behind bars were cited in the petition as evidence of change.",
};

#define PICK(rand, array) (array[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

typedef struct
{
  char *first;
  char *surname;
} Name;

/* Deals the indices 0..n-1 in a random order; the next one each call,
 * reshuffled when all were dealt (so nothing repeats before that). */
typedef struct
{
  guint *order;
  guint  n;
  guint  next;
} Deck;

static void
deck_init (Deck  *deck,
           GRand *rand,
           guint  n)
{
  deck->order = g_new (guint, n);
  deck->n = n;
  deck->next = n;
  for (guint i = 0; i < n; i++)
    deck->order[i] = i;
}

static guint
deck_draw (Deck  *deck,
           GRand *rand)
{
  if (deck->next == deck->n)
    {
      for (guint i = deck->n - 1; i > 0; i--)
        {
          guint j = (guint) g_rand_int_range (rand, 0, (gint32) i + 1);
          guint t = deck->order[i];

          deck->order[i] = deck->order[j];
          deck->order[j] = t;
        }
      deck->next = 0;
    }
  return deck->order[deck->next++];
}

static void
pick_name (GRand *rand,
           Name  *name)
{
  name->first = (char *) PICK (rand, first_names);
  name->surname = (char *) PICK (rand, surnames);
}

static void
append_quote (GString    *text,
              GRand      *rand,
              Deck       *quote_deck,
              const Name *speaker,
              const char *role,
              gboolean    first_time)
{
  const char *quote = quotes[deck_draw (quote_deck, rand)];

  g_string_append (text, "\u201c");
  if (strstr (quote, "%d") != NULL)
    {
      /* The templates' only directive is one %d. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      g_string_append_printf (text, quote, g_rand_int_range (rand, 2, 40));
#pragma GCC diagnostic pop
    }
  else
    g_string_append (text, quote);
  /* News style: the quote's full stop becomes a comma before "X said". */
  if (text->str[text->len - 1] == '.')
    text->str[text->len - 1] = ',';
  g_string_append (text, "\u201d ");

  if (first_time && role != NULL)
    g_string_append_printf (text, "%s %s, %s, %s.", speaker->first, speaker->surname,
                            role, PICK (rand, verbs));
  else if (first_time)
    g_string_append_printf (text, "%s %s %s.", speaker->first, speaker->surname, PICK (rand, verbs));
  else
    g_string_append_printf (text, "%s %s.", speaker->surname, PICK (rand, verbs));
}

char *
cb_corpus_article (guint32 seed,
                   guint   index,
                   gsize   min_size,
                   gsize   max_size)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ (index * 2654435761u));
  GString *text = g_string_new (NULL);
  gsize target = min_size + (max_size > min_size ? g_rand_int_range (rand, 0, max_size - min_size) : 0);
  int pub_year = g_rand_int_range (rand, 1980, 2025);
  int pub_month = g_rand_int_range (rand, 1, 13);
  int year;
  guint step = 0;
  Name subject, others[3];
  const char *other_roles[3];
  gboolean introduced[3] = { FALSE, FALSE, FALSE };
  Name official;
  const char *official_title = PICK (rand, titles);
  Deck quote_deck, filler_deck;
  guint sentence = 0;
  guint official_said = (guint) g_rand_int_range (rand, 0, 2);

  pick_name (rand, &subject);
  pick_name (rand, &official);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      pick_name (rand, &others[i]);
      other_roles[i] = PICK (rand, roles);
    }
  deck_init (&quote_deck, rand, G_N_ELEMENTS (quotes));
  deck_init (&filler_deck, rand, G_N_ELEMENTS (fillers));

  /* The case began years before the article. */
  year = pub_year - g_rand_int_range (rand, 3, 30);
  step = (guint) g_rand_int_range (rand, 0, 3);

  g_string_append_printf (text, "Title: %s %s %s, No. %u\n", subject.first, subject.surname,
                          steps[6 + index % 2], index);
  g_string_append_printf (text, "Date: %04d-%02d-%02d\n", pub_year, pub_month,
                          g_rand_int_range (rand, 1, 29));
  g_string_append_printf (text, "Source: https://example.org/news/%u\n\n", index);

  /* The lead: who and what, dated relative to the article. */
  g_string_append_printf (text, "%s, %s %s %s, %s said.\n\n", PICK (rand, relatives),
                          subject.first, subject.surname,
                          g_rand_boolean (rand) ? steps[6] : steps_alt[6],
                          g_rand_boolean (rand) ? "the governor's office" : "court officials");

  while (text->len < target)
    {
      gsize start = text->len;

      switch (sentence++ % 6)
        {
        case 0:
        case 3:
          /* The next step of the case, dated absolutely or after the last. */
          /* The lead told the end; the body tells how it came to that. */
          if (step < 6)
            {
              const char *what = g_rand_boolean (rand) ? steps[step] : steps_alt[step];

              if (step == 0 || g_rand_int_range (rand, 0, 3) > 0)
                {
                  year += g_rand_int_range (rand, 0, 3);
                  if (step == 0)
                    g_string_append_printf (text, "%s %s %s in %s %d.", subject.first,
                                            subject.surname, what, PICK (rand, months), year);
                  else if (g_rand_boolean (rand))
                    g_string_append_printf (text, "%s %s in %s %d.", subject.surname, what,
                                            PICK (rand, months), year);
                  else
                    g_string_append_printf (text, "On %s %d, %d, %s %s.", PICK (rand, months),
                                            g_rand_int_range (rand, 1, 29), year,
                                            subject.surname, what);
                }
              else
                g_string_append_printf (text, "%s, %s %s.", PICK (rand, gaps), subject.surname, what);
              step++;
            }
          else
            g_string_append (text, fillers[deck_draw (&filler_deck, rand)]);
          break;

        case 1:
        case 4:
          {
            guint who = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (others) + 1);

            if (who == G_N_ELEMENTS (others))
              append_quote (text, rand, &quote_deck, &subject, NULL, sentence < 3);
            else
              {
                append_quote (text, rand, &quote_deck, &others[who], other_roles[who],
                              !introduced[who]);
                introduced[who] = TRUE;
              }
          }
          break;

        case 2:
          g_string_append (text, fillers[deck_draw (&filler_deck, rand)]);
          break;

        default:
          switch (official_said < 2 ? official_said++ : 2)
            {
            case 0:
              g_string_append_printf (text, "On %s, %s %s %s met with the family.",
                                      PICK (rand, weekdays), official_title,
                                      official.first, official.surname);
              break;
            case 1:
              g_string_append_printf (text, "%s %s %s reviewed the petition in %s %d.",
                                      official_title, official.first, official.surname,
                                      PICK (rand, months), year + 1);
              break;
            default:
              g_string_append (text, fillers[deck_draw (&filler_deck, rand)]);
              break;
            }
          break;
        }
      /* "de la Vega was charged …" starts a sentence with a capital. */
      text->str[start] = g_ascii_toupper (text->str[start]);
      g_string_append (text, g_rand_int_range (rand, 0, 3) == 0 ? "\n\n" : " ");
    }
  g_string_append_c (text, '\n');

  g_free (quote_deck.order);
  g_free (filler_deck.order);

  return g_string_free (text, FALSE);
}
