/* cb-corpus.c — a deterministic generator of synthetic news articles
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cb-corpus.h"

static const char *first_names[] = {
  "Maria", "James", "Aisha", "Tomás", "Li", "Dmitri", "Grace", "Kwame", "Sofia", "Ahmed",
  "Eleanor", "Rafael", "Nadia", "Owen", "Priya", "Jean-Luc", "Chloé", "Samuel", "Ingrid", "Mateo",
};
static const char *surnames[] = {
  "Okafor", "Delgado", "Hargrove", "Nakamura", "Petrov", "O'Donnell", "Whitfield", "de la Vega",
  "Lindqvist", "Mbeki", "Castellanos", "Fairbanks", "Kowalski", "Abernathy", "Ruiz", "Sandoval",
  "Thornton", "van Dijk", "McAllister", "Brennan",
};
static const char *titles[] = { "Judge", "Gov.", "Sen.", "Dr.", "President", "Attorney General" };
static const char *months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};
static const char *actions[] = {
  "was indicted", "was convicted", "was sentenced to life in prison", "appealed the verdict",
  "petitioned for clemency", "was pardoned", "had the sentence commuted", "was released",
};
static const char *relatives[] = {
  "last week", "three months ago", "yesterday", "on Tuesday", "earlier this year",
  "two years earlier", "the following month", "a week later",
};
static const char *fillers[] = {
  "The case drew attention from advocates across the state, who said the sentence was out of proportion to the offence.",
  "Court records show that the motion was filed by a lawyer who had represented the family for years.",
  "Prosecutors declined to comment on the decision, citing the pending review of similar cases.",
  "Supporters gathered outside the courthouse, holding signs and reading letters aloud.",
  "The office of the governor said it reviews every petition it receives, though few are granted.",
  "Reform groups have pointed to the case as an example of mandatory minimum sentences gone wrong.",
};
static const char *verbs[] = { "said", "told reporters", "wrote in a letter", "added", "tweeted" };

#define PICK(rand, array) (array[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static void
append_name (GString *text,
             GRand   *rand,
             gboolean with_title)
{
  if (with_title)
    g_string_append_printf (text, "%s ", PICK (rand, titles));
  g_string_append_printf (text, "%s %s", PICK (rand, first_names), PICK (rand, surnames));
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
  int year = g_rand_int_range (rand, 1975, 2024);

  g_string_append (text, "Title: ");
  append_name (text, rand, FALSE);
  g_string_append_printf (text, " %s, No. %u\n", PICK (rand, actions), index);
  g_string_append_printf (text, "Date: %04d-%02d-%02d\n", year + 1,
                          g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
  g_string_append_printf (text, "Source: https://example.org/news/%u\n\n", index);

  while (text->len < target)
    {
      switch (g_rand_int_range (rand, 0, 5))
        {
        case 0:
          append_name (text, rand, FALSE);
          g_string_append_printf (text, " %s in %s %d.", PICK (rand, actions),
                                  PICK (rand, months), year - g_rand_int_range (rand, 0, 20));
          break;

        case 1:
          g_string_append_printf (text, "On %s %d, %d, ", PICK (rand, months),
                                  g_rand_int_range (rand, 1, 29), year - g_rand_int_range (rand, 0, 10));
          append_name (text, rand, TRUE);
          g_string_append (text, " reviewed the petition filed by the defence.");
          break;

        case 2:
          g_string_append (text, "\u201cWe never stopped believing this day would come,\u201d ");
          append_name (text, rand, FALSE);
          g_string_append_printf (text, " %s. \u201cIt took %d years.\u201d",
                                  PICK (rand, verbs), g_rand_int_range (rand, 2, 30));
          break;

        case 3:
          g_string_append_printf (text, "%c%s, ", g_ascii_toupper (PICK (rand, relatives)[0]),
                                  PICK (rand, relatives) + 1);
          append_name (text, rand, FALSE);
          g_string_append_printf (text, ", %d, %s.", g_rand_int_range (rand, 25, 80), PICK (rand, actions));
          break;

        default:
          g_string_append (text, PICK (rand, fillers));
          break;
        }
      g_string_append_c (text, g_rand_int_range (rand, 0, 3) == 0 ? '\n' : ' ');
    }
  g_string_append_c (text, '\n');

  return g_string_free (text, FALSE);
}
