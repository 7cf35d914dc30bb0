/* test-persons.c — people, titles, aliases and what is not a person
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cb-persons.h"
#include "cb-extract.h"

static CbPerson *
find_person (GPtrArray  *persons,
             const char *name)
{
  for (guint i = 0; i < persons->len; i++)
    {
      CbPerson *p = g_ptr_array_index (persons, i);

      if (g_strcmp0 (p->name, name) == 0)
        return p;
    }
  g_error ("no person named %s among %u", name, persons->len);
}

static gboolean
has_alias (CbPerson   *person,
           const char *alias)
{
  for (guint i = 0; i < person->aliases->len; i++)
    if (g_strcmp0 (g_ptr_array_index (person->aliases, i), alias) == 0)
      return TRUE;
  return FALSE;
}

static void
test_titles_and_initials (void)
{
  g_autoptr(GPtrArray) persons = cb_find_persons (
    "U.S. District Judge Maria T. Okafor heard the motion on Monday. "
    "Judge Okafor denied it. Later Okafor wrote that the law was clear.");
  CbPerson *p;

  g_assert_cmpuint (persons->len, ==, 1);
  p = find_person (persons, "Maria T. Okafor");
  g_assert_nonnull (p);
  g_assert_true (has_alias (p, "Judge Okafor"));
  g_assert_true (has_alias (p, "Okafor"));
  g_assert_true (has_alias (p, "Judge Maria T. Okafor"));
  g_assert_cmpuint (p->mentions->len, ==, 3);
  g_assert_cmpint (p->gender, ==, CB_GENDER_FEMALE);
}

static void
test_not_people (void)
{
  g_autoptr(GPtrArray) persons = cb_find_persons (
    "The Riverside County Court met on Wednesday in the Oval Office.\n"
    "Officials at Hollow Creek Prison and Westbrook University said nothing.\n"
    "Brightline Corp. and the Daily Courier reported it. Afterwards, the Department of Labor "
    "moved to Grand Rapids, Mich., and the Keeping Up With The Neighbours show ended.\n"
    "CHICAGO, Lake Forest — Greenfield Holdings Inc said the case was over.\n"
    "Tomasz Brandt, a farmer, agreed.");

  g_assert_cmpuint (persons->len, ==, 1);
  g_assert_cmpstr (((CbPerson *) g_ptr_array_index (persons, 0))->name, ==, "Tomasz Brandt");
}

static void
test_sentence_openers (void)
{
  /* "Meanwhile" and "Eventually" open sentences; "Reading" is used in lower case. */
  g_autoptr(GPtrArray) persons = cb_find_persons (
    "Meanwhile Hollis Grant waited. Eventually Grant left.\n"
    "Reading the file took hours, and reading it again took more.");

  g_assert_cmpuint (persons->len, ==, 1);
  g_assert_cmpstr (((CbPerson *) g_ptr_array_index (persons, 0))->name, ==, "Hollis Grant");
}

static void
test_particles (void)
{
  g_autoptr(GPtrArray) persons = cb_find_persons (
    "Tomás de la Vega met Pieter van der Berg and Siobhan O'Neil. "
    "De la Vega said little; van der Berg's lawyer and O'Neil talked.");
  CbPerson *vega, *berg, *oneil;

  vega = find_person (persons, "Tomás de la Vega");
  berg = find_person (persons, "Pieter van der Berg");
  oneil = find_person (persons, "Siobhan O'Neil");
  g_assert_nonnull (vega);
  g_assert_nonnull (berg);
  g_assert_nonnull (oneil);
  g_assert_cmpuint (persons->len, ==, 3);
  g_assert_cmpuint (oneil->mentions->len, ==, 2);
  g_assert_cmpuint (berg->mentions->len, ==, 2);
}

static void
test_two_people_one_surname (void)
{
  g_autoptr(GPtrArray) persons = cb_find_persons (
    "Nadia Ferris was arrested in 2011. Her brother, Owen Ferris, hired a lawyer.\n"
    "Ferris said he would testify. Nadia stayed silent.");
  CbPerson *nadia = find_person (persons, "Nadia Ferris");
  CbPerson *owen = find_person (persons, "Owen Ferris");

  g_assert_cmpuint (persons->len, ==, 2);
  g_assert_nonnull (nadia);
  g_assert_nonnull (owen);
  /* The bare surname goes to the most recently named Ferris; the first name
   * alone to the one who has it. */
  g_assert_true (has_alias (owen, "Ferris"));
  g_assert_false (has_alias (nadia, "Ferris"));
  g_assert_true (has_alias (nadia, "Nadia"));
}

static void
test_first_name_form (void)
{
  const char *text = "Lorraine Abara Okoro served 22 years. Supporters call her Ms Lorraine. "
                     "Okoro's case drew attention.";
  g_autoptr(GPtrArray) persons = cb_find_persons (text);
  CbPerson *p;

  g_assert_cmpuint (persons->len, ==, 1);
  p = g_ptr_array_index (persons, 0);
  g_assert_cmpstr (p->name, ==, "Lorraine Abara Okoro");
  g_assert_true (has_alias (p, "Ms Lorraine"));
  g_assert_true (has_alias (p, "Okoro"));
  g_assert_cmpint (cb_persons_at (persons, strstr (text, "Okoro's") - text), ==, 0);
  g_assert_cmpint (cb_persons_at (persons, strstr (text, "served") - text), ==, -1);
}

static void
test_heading (void)
{
  g_autoptr(GPtrArray) persons = cb_find_persons (
    "WHO IS DANIEL REYES?\nDaniel Reyes was convicted in 1999. Reyes appealed.");
  CbPerson *p;

  g_assert_cmpuint (persons->len, ==, 1);
  p = g_ptr_array_index (persons, 0);
  g_assert_cmpstr (p->name, ==, "Daniel Reyes");
  g_assert_true (has_alias (p, "DANIEL REYES"));
  g_assert_cmpuint (p->mentions->len, ==, 3);
}

static void
test_extensions_and_nicknames (void)
{
  g_autoptr(GPtrArray) persons = cb_find_persons (
    "Marisol Vance Ortega spoke first. Later Marisol Vance said more, "
    "and Vance Ortega agreed. Thomas \"Tommy\" Reid laughed; Tommy Reid had been pardoned.");
  CbPerson *m = find_person (persons, "Marisol Vance Ortega");
  CbPerson *t = find_person (persons, "Thomas Reid");

  g_assert_nonnull (m);
  g_assert_nonnull (t);
  g_assert_cmpuint (persons->len, ==, 2);
  g_assert_true (has_alias (m, "Marisol Vance"));
  g_assert_true (has_alias (t, "Tommy Reid"));
}

static void
test_single_name_speaker (void)
{
  g_autoptr(GPtrArray) persons = cb_find_persons (
    "\"We are reviewing it,\" Halvorsen said in a statement. Advocates said they hoped for more.");

  g_assert_cmpuint (persons->len, ==, 1);
  g_assert_cmpstr (((CbPerson *) g_ptr_array_index (persons, 0))->name, ==, "Halvorsen");
}

static void
test_char_offsets (void)
{
  const char *body = "“Justicia,” dijo José Núñez. Núñez sonrió.";
  g_autoptr(CbExtraction) ex = cb_extract (body, NULL);
  CbPerson *p;
  CbSpan *span;
  g_autofree char *name = NULL;

  p = find_person (ex->persons, "José Núñez");
  g_assert_nonnull (p);
  g_assert_cmpuint (p->mentions->len, ==, 2);
  span = &g_array_index (p->mentions, CbSpan, 0);
  g_assert_cmpuint (span->start, ==, 17);
  g_assert_cmpuint (span->end, ==, 27);
  name = g_utf8_substring (body, span->start, span->end);
  g_assert_cmpstr (name, ==, "José Núñez");
}

/* Any text at all: no crash, no hang, sane spans. */
static void
test_robust (void)
{
  static const char *pieces[] = {
    "Jane ", "DOE ", "O'", "de ", "la ", "“", "”", "\"", ". ", "\n", "Mr. ", "Judge ",
    "'s ", "— ", "ÉLAN ", "Núñez ", "?", "the ", "H. ", "Inc ", "of ", ",", "who ", "x",
  };
  GRand *rand = g_rand_new_with_seed (42);

  for (guint round = 0; round < 300; round++)
    {
      GString *s = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 80);
      g_autoptr(GPtrArray) persons = NULL;

      for (guint k = 0; k < n; k++)
        g_string_append (s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      persons = cb_find_persons (s->str);
      for (guint i = 0; i < persons->len; i++)
        {
          CbPerson *p = g_ptr_array_index (persons, i);

          g_assert_true (g_utf8_validate (p->name, -1, NULL));
          for (guint m = 0; m < p->mentions->len; m++)
            {
              CbSpan *span = &g_array_index (p->mentions, CbSpan, m);

              g_assert_cmpuint (span->start, <, span->end);
              g_assert_cmpuint (span->end, <=, s->len);
            }
        }
      g_string_free (s, TRUE);
    }
  g_rand_free (rand);
}

/* Texts that stop in the middle of a name once read past their last token
 * (found by fuzz-persons; the sanitizer build checks the reads). */
static void
test_text_ends_mid_name (void)
{
  const char *texts[] = {
    "---\nt?itl a jury convicted him on fatter\ndate: \xef\xbf\xbd\x16\n---\nMO s.'N.",
    "The board heard Dr. J.",
    "Her lawyer, Ana \"Nana",
    "Gov. Mary Ellen O.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) persons = cb_find_persons (texts[i]);
      gsize len = strlen (texts[i]);

      for (guint p = 0; p < persons->len; p++)
        {
          CbPerson *person = g_ptr_array_index (persons, p);

          for (guint m = 0; m < person->mentions->len; m++)
            {
              CbSpan *span = &g_array_index (person->mentions, CbSpan, m);

              g_assert_cmpuint (span->start, <, span->end);
              g_assert_cmpuint (span->end, <=, len);
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/persons/titles-and-initials", test_titles_and_initials);
  g_test_add_func ("/persons/not-people", test_not_people);
  g_test_add_func ("/persons/sentence-openers", test_sentence_openers);
  g_test_add_func ("/persons/particles", test_particles);
  g_test_add_func ("/persons/two-people-one-surname", test_two_people_one_surname);
  g_test_add_func ("/persons/first-name-form", test_first_name_form);
  g_test_add_func ("/persons/heading", test_heading);
  g_test_add_func ("/persons/extensions-and-nicknames", test_extensions_and_nicknames);
  g_test_add_func ("/persons/single-name-speaker", test_single_name_speaker);
  g_test_add_func ("/persons/char-offsets", test_char_offsets);
  g_test_add_func ("/persons/text-ends-mid-name", test_text_ends_mid_name);
  g_test_add_func ("/persons/robust", test_robust);

  return g_test_run ();
}
