/* test-sentences.c — sentence and paragraph boundaries
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib.h>

#include "cb-sentences.h"

/* The sentences of @text as "paragraph:text" joined by " | ". */
static char *
describe (const char *text)
{
  g_autoptr(GArray) sentences = cb_split_sentences (text);
  g_autoptr(GString) s = g_string_new (NULL);
  guint prev_end = 0, prev_par = 0;

  for (guint i = 0; i < sentences->len; i++)
    {
      CbSentence *sent = &g_array_index (sentences, CbSentence, i);

      g_assert_cmpuint (sent->span.start, <, sent->span.end);
      g_assert_cmpuint (sent->span.end, <=, strlen (text));
      g_assert_cmpuint (sent->span.start, >=, prev_end);
      g_assert_cmpuint (sent->paragraph, >=, prev_par);
      g_assert_false (g_ascii_isspace (text[sent->span.start]));
      g_assert_false (g_ascii_isspace (text[sent->span.end - 1]));
      prev_end = sent->span.end;
      prev_par = sent->paragraph;
      g_string_append_printf (s, "%s%u:%.*s", i ? " | " : "", sent->paragraph,
                              (int) (sent->span.end - sent->span.start), text + sent->span.start);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

#define assert_sentences(text, expected) \
  G_STMT_START { \
    g_autofree char *got_ = describe (text); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

static void
test_basic (void)
{
  assert_sentences ("The court met. It ruled! Did it appeal? Yes.",
                    "0:The court met. | 0:It ruled! | 0:Did it appeal? | 0:Yes.");
  assert_sentences ("No stop at the end", "0:No stop at the end");
  assert_sentences ("", "");
  assert_sentences ("   \n\n  ", "");
  /* a lower-case word after the stop does not start a sentence */
  assert_sentences ("It cost 3.5 million. the end", "0:It cost 3.5 million. the end");
  assert_sentences ("The vote was 7-2. 2018 was different.", "0:The vote was 7-2. | 0:2018 was different.");
}

static void
test_abbreviations (void)
{
  assert_sentences ("Mr. Smith met Dr. Jones and Sen. Ortiz. They talked.",
                    "0:Mr. Smith met Dr. Jones and Sen. Ortiz. | 0:They talked.");
  assert_sentences ("U.S. District Judge Samuel H. Mayfield ruled. The U.S. Supreme Court agreed.",
                    "0:U.S. District Judge Samuel H. Mayfield ruled. | 0:The U.S. Supreme Court agreed.");
  assert_sentences ("It was filed Jan. 5 at 9 a.m. Friday in St. Louis by Gov. Lee Jr. and Lt. Col. Ray.",
                    "0:It was filed Jan. 5 at 9 a.m. Friday in St. Louis by Gov. Lee Jr. and Lt. Col. Ray.");
  assert_sentences ("The case is Roe vs. Wade. It is No. 1 on the list.",
                    "0:The case is Roe vs. Wade. | 0:It is No. 1 on the list.");
  assert_sentences ("I did. I said so.", "0:I did. | 0:I said so.");
}

static void
test_quotes (void)
{
  assert_sentences ("\"She is a model inmate.\" He said so.",
                    "0:\"She is a model inmate.\" | 0:He said so.");
  assert_sentences ("He said: \xe2\x80\x9cIt is over.\xe2\x80\x9d Then he left.",
                    "0:He said: \xe2\x80\x9cIt is over.\xe2\x80\x9d | 0:Then he left.");
  assert_sentences ("It ended. \"Nobody forgot,\" she said.",
                    "0:It ended. | 0:\"Nobody forgot,\" she said.");
  assert_sentences ("Really?! (Yes.) Fine.", "0:Really?! | 0:(Yes.) | 0:Fine.");
}

static void
test_paragraphs (void)
{
  assert_sentences ("First line without stop\nSecond line. Third sentence.\n\nNew paragraph",
                    "0:First line without stop | 1:Second line. | 1:Third sentence. | 2:New paragraph");
  assert_sentences ("  Indented.  \r\nNext.", "0:Indented. | 1:Next.");
  assert_sentences ("A heading\nBody text Mr.\nSmith", "0:A heading | 1:Body text Mr. | 2:Smith");
}

static void
test_offsets (void)
{
  const char *text = "Caf\xc3\xa9 opened. \xc3\x89milie came.";
  g_autoptr(GArray) sentences = cb_split_sentences (text);
  CbSentence *s;

  g_assert_cmpuint (sentences->len, ==, 2);
  s = &g_array_index (sentences, CbSentence, 0);
  g_assert_cmpuint (s->span.start, ==, 0);
  g_assert_cmpuint (s->span.end, ==, strlen ("Caf\xc3\xa9 opened."));
  s = &g_array_index (sentences, CbSentence, 1);
  g_assert_cmpuint (s->span.start, ==, strlen ("Caf\xc3\xa9 opened. "));
  g_assert_cmpuint (s->span.end, ==, strlen (text));
}

static void
test_garbage (void)
{
  static const char * const pieces[] = {
    ".", "!", "?", " ", "\n", "\"", "\xe2\x80\x9d", "\xe2\x80\x9c", "Mr", "U.S.", "A", "a",
    "1", "\xc3\x89", "\xff", "\xe2\x80", "'", ")", "\t", "\r",
  };

  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      g_autoptr(GArray) sentences = NULL;
      guint len = g_test_rand_int_range (0, 120);

      for (guint k = 0; k < len; k++)
        {
          if (round % 2)
            g_string_append_c (s, (char) g_test_rand_int_range (1, 256));
          else
            g_string_append (s, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
        }
      sentences = cb_split_sentences (s->str);
      for (guint i = 0; i < sentences->len; i++)
        {
          CbSentence *sent = &g_array_index (sentences, CbSentence, i);

          g_assert_cmpuint (sent->span.start, <, sent->span.end);
          g_assert_cmpuint (sent->span.end, <=, s->len);
          if (i > 0)
            g_assert_cmpuint (sent->span.start, >=, g_array_index (sentences, CbSentence, i - 1).span.end);
        }
    }
  {
    g_autoptr(GArray) none = cb_split_sentences (NULL);

    g_assert_cmpuint (none->len, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sentences/basic", test_basic);
  g_test_add_func ("/sentences/abbreviations", test_abbreviations);
  g_test_add_func ("/sentences/quotes", test_quotes);
  g_test_add_func ("/sentences/paragraphs", test_paragraphs);
  g_test_add_func ("/sentences/offsets", test_offsets);
  g_test_add_func ("/sentences/garbage", test_garbage);

  return g_test_run ();
}
