/* test-quotes.c — direct speech and its speakers
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cb-persons.h"
#include "cb-quotes.h"
#include "cb-extract.h"

typedef struct
{
  GPtrArray *persons;
  GPtrArray *quotes;
} Found;

static void
found_clear (Found *f)
{
  g_clear_pointer (&f->quotes, g_ptr_array_unref);
  g_clear_pointer (&f->persons, g_ptr_array_unref);
}

static void
run (Found      *f,
     const char *text)
{
  f->persons = cb_find_persons (text);
  f->quotes = cb_find_quotes (text, f->persons);
}

static const char *
speaker (Found *f,
         guint  i)
{
  CbQuote *q = g_ptr_array_index (f->quotes, i);

  if (q->speaker < 0)
    return NULL;
  return ((CbPerson *) g_ptr_array_index (f->persons, q->speaker))->name;
}

static const char *
quote_text (Found *f,
            guint  i)
{
  return ((CbQuote *) g_ptr_array_index (f->quotes, i))->text;
}

static void
test_attribution_after (void)
{
  Found f = { 0, };

  run (&f, "Dana Whitfield spent 19 years in prison.\n"
           "\"We will appeal this ruling,\" said Ruth Calloway, her lawyer.\n"
           "\"It is a good day,\" Whitfield told reporters on Tuesday.");
  g_assert_cmpuint (f.quotes->len, ==, 2);
  g_assert_cmpstr (quote_text (&f, 0), ==, "We will appeal this ruling,");
  g_assert_cmpstr (speaker (&f, 0), ==, "Ruth Calloway");
  g_assert_cmpstr (speaker (&f, 1), ==, "Dana Whitfield");
  found_clear (&f);
}

static void
test_attribution_before (void)
{
  Found f = { 0, };

  run (&f, "Marcus Delacroix, the county prosecutor, told the court: \"The sentence stands.\" "
           "According to Irene Sato, \"nothing in the record supports a pardon.\"");
  g_assert_cmpuint (f.quotes->len, ==, 2);
  g_assert_cmpstr (speaker (&f, 0), ==, "Marcus Delacroix");
  g_assert_cmpstr (speaker (&f, 1), ==, "Irene Sato");
  found_clear (&f);
}

static void
test_split_quote (void)
{
  Found f = { 0, };

  run (&f, "Ms. Harriet Osei waited outside.\n"
           "\u201CThe sentence was unjust,\u201D she said. \u201CNobody should serve that long for a first offence.\u201D");
  g_assert_cmpuint (f.quotes->len, ==, 2);
  g_assert_cmpstr (quote_text (&f, 0), ==, "The sentence was unjust,");
  g_assert_cmpstr (speaker (&f, 0), ==, "Harriet Osei");
  g_assert_cmpstr (speaker (&f, 1), ==, "Harriet Osei");
  found_clear (&f);
}

static void
test_pronoun_speaker (void)
{
  Found f = { 0, };

  /* "he" is the man of the previous sentence, not the nearer woman. */
  run (&f, "Samuel Kent, a lawyer, met Harriet Osei on Monday.\n"
           "\"She deserves a second chance,\" he said.\n"
           "Mrs. Joan Pruett visited too. \"I have waited long enough for this day,\" she said.");
  g_assert_cmpuint (f.quotes->len, ==, 2);
  g_assert_cmpstr (speaker (&f, 0), ==, "Samuel Kent");
  g_assert_cmpstr (speaker (&f, 1), ==, "Joan Pruett");
  found_clear (&f);
}

static void
test_scare_quotes (void)
{
  Found f = { 0, };

  run (&f, "The judge called it a \"clerical matter\" and moved on. "
           "A hearing that lasted \"less than an hour\", the clerk noted, ended the case. "
           "The film \"Forty Years Behind the Wall\" opened.");
  g_assert_cmpuint (f.quotes->len, ==, 0);
  found_clear (&f);
}

static void
test_paragraphs (void)
{
  Found f = { 0, };

  run (&f, "Paulette Imbert recalled the day.\n"
           "\"I walked out with nothing but a paper bag and a bus ticket home.\n"
           "\"Nobody was there to meet me,\" Imbert said.\n"
           "\"I started again from zero.\"");
  g_assert_cmpuint (f.quotes->len, ==, 2);
  g_assert_true (g_str_has_prefix (quote_text (&f, 0), "I walked out"));
  g_assert_nonnull (strstr (quote_text (&f, 0), "Nobody was there"));
  g_assert_cmpstr (speaker (&f, 0), ==, "Paulette Imbert");
  /* A quotation paragraph of its own goes on with the last speaker. */
  g_assert_cmpstr (speaker (&f, 1), ==, "Paulette Imbert");
  found_clear (&f);
}

static void
test_unattributed (void)
{
  Found f = { 0, };

  run (&f, "The sign on the gate read: \"Visitors must register at the front desk.\"");
  g_assert_cmpuint (f.quotes->len, ==, 1);
  g_assert_null (speaker (&f, 0));
  found_clear (&f);
}

static void
test_char_offsets (void)
{
  const char *body = "José Núñez walked out. “I am free at last,” said Núñez.";
  g_autoptr(CbExtraction) ex = cb_extract (body, NULL);
  CbQuote *q;
  g_autofree char *slice = NULL;

  g_assert_cmpuint (ex->quotes->len, ==, 1);
  q = g_ptr_array_index (ex->quotes, 0);
  g_assert_cmpuint (q->span.start, ==, 24);
  slice = g_utf8_substring (body, q->span.start, q->span.end);
  g_assert_cmpstr (slice, ==, "I am free at last,");
  g_assert_cmpstr (q->text, ==, slice);
  g_assert_cmpint (q->speaker, ==, 0);
}

static void
test_robust (void)
{
  static const char *pieces[] = {
    "\"", "“", "”", "‘", "’", "he said", " she said. ", "Mara Voss ", ",", ".", "\n",
    "according to ", "Voss ", "told ", ":", "word ", "ÉTÉ ", " ",
  };
  GRand *rand = g_rand_new_with_seed (7);

  for (guint round = 0; round < 300; round++)
    {
      GString *s = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 60);
      Found f = { 0, };

      for (guint k = 0; k < n; k++)
        g_string_append (s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      run (&f, s->str);
      for (guint i = 0; i < f.quotes->len; i++)
        {
          CbQuote *q = g_ptr_array_index (f.quotes, i);

          g_assert_cmpuint (q->span.start, <=, q->span.end);
          g_assert_cmpuint (q->span.end, <=, s->len);
          g_assert_true (g_utf8_validate (q->text, -1, NULL));
          g_assert_cmpint (q->speaker, <, (int) f.persons->len);
        }
      found_clear (&f);
      g_string_free (s, TRUE);
    }
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quotes/attribution-after", test_attribution_after);
  g_test_add_func ("/quotes/attribution-before", test_attribution_before);
  g_test_add_func ("/quotes/split", test_split_quote);
  g_test_add_func ("/quotes/pronoun-speaker", test_pronoun_speaker);
  g_test_add_func ("/quotes/scare-quotes", test_scare_quotes);
  g_test_add_func ("/quotes/paragraphs", test_paragraphs);
  g_test_add_func ("/quotes/unattributed", test_unattributed);
  g_test_add_func ("/quotes/char-offsets", test_char_offsets);
  g_test_add_func ("/quotes/robust", test_robust);

  return g_test_run ();
}
