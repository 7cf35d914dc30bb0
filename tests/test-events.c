/* test-events.c — dated clauses, their legal action and whom they concern
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dates are made by hand here (value and span), so these tests exercise
 * the event rules alone, whatever the date extractor finds.
 */

#include "config.h"

#include <string.h>

#include "cb-events.h"
#include "cb-extract.h"

typedef struct
{
  GArray    *sentences;
  GPtrArray *timexes;
  GPtrArray *persons;
  GPtrArray *events;
} Found;

static void
found_clear (Found *f)
{
  g_clear_pointer (&f->sentences, g_array_unref);
  g_clear_pointer (&f->timexes, g_ptr_array_unref);
  g_clear_pointer (&f->persons, g_ptr_array_unref);
  g_clear_pointer (&f->events, g_ptr_array_unref);
}

/* @dates: NULL-terminated pairs of (surface text, TIMEX3 value); each surface
 * is looked up after the previous one. */
static void
run (Found       *f,
     const char  *text,
     const char **dates)
{
  const char *from = text;

  f->sentences = g_array_new (FALSE, TRUE, sizeof (CbSentence));
  f->timexes = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_timex_free);
  for (guint i = 0; dates[i] != NULL; i += 2)
    {
      const char *at = strstr (from, dates[i]);
      CbTimex *timex = g_new0 (CbTimex, 1);

      g_assert_nonnull (at);
      timex->span.start = at - text;
      timex->span.end = timex->span.start + strlen (dates[i]);
      timex->text = g_strdup (dates[i]);
      timex->date.value = g_strdup (dates[i + 1]);
      g_ptr_array_add (f->timexes, timex);
      from = at + strlen (dates[i]);
    }
  f->persons = cb_find_persons (text);
  f->events = cb_find_events (text, f->sentences, f->timexes, f->persons);
}

static const char *
subject (Found *f,
         guint  i)
{
  CbEventMention *e = g_ptr_array_index (f->events, i);

  return e->subject < 0 ? NULL : ((CbPerson *) g_ptr_array_index (f->persons, e->subject))->name;
}

static const char *
action (Found *f,
        guint  i)
{
  return ((CbEventMention *) g_ptr_array_index (f->events, i))->action;
}

static int
timex_of (Found *f,
          guint  i)
{
  return ((CbEventMention *) g_ptr_array_index (f->events, i))->timex;
}

static void
test_official_object_pronoun (void)
{
  Found f = { 0, };
  const char *dates[] = { "June 2011", "2011-06", "December 2011", "2011-12", NULL };

  /* "him" is the one sentenced, not the judge acting in the same clause. */
  run (&f, "At a retrial in June 2011, a jury convicted Tom Brack on 17 counts. "
           "U.S. District Judge Nora Ellery sentenced him to 14 years in December 2011.", dates);
  g_assert_cmpuint (f.events->len, ==, 2);
  g_assert_cmpstr (subject (&f, 1), ==, "Tom Brack");
  g_assert_cmpstr (action (&f, 1), ==, "sentenced");
  found_clear (&f);
}

static void
test_receiving_a_noun (void)
{
  Found f = { 0, };
  const char *granted[] = { "on Monday", "2019-05-27", NULL };
  const char *received[] = { "In 2016", "2016", NULL };
  const char *active[] = { "on Monday", "2019-05-27", NULL };

  /* Passive "was granted clemency": the one who gets it. */
  run (&f, "Ann Kessler was granted clemency on Monday.", granted);
  g_assert_cmpuint (f.events->len, ==, 1);
  g_assert_cmpstr (subject (&f, 0), ==, "Ann Kessler");
  g_assert_cmpstr (action (&f, 0), ==, "granted clemency");
  found_clear (&f);

  run (&f, "In 2016 Ivo Marsh received a full pardon from the governor.", received);
  g_assert_cmpuint (f.events->len, ==, 1);
  g_assert_cmpstr (subject (&f, 0), ==, "Ivo Marsh");
  found_clear (&f);

  /* Active "granted clemency": the official acts, the pardoned is named after. */
  run (&f, "Governor Tom Reyes granted clemency on Monday to Ann Kessler.", active);
  g_assert_cmpuint (f.events->len, ==, 1);
  g_assert_cmpstr (subject (&f, 0), ==, "Ann Kessler");
  found_clear (&f);
}

static void
test_passive_and_pronoun (void)
{
  Found f = { 0, };
  const char *dates[] = { "2004", "2004", "2005", "2005", NULL };

  run (&f, "Dana Whitfield was convicted in 2004 of fraud. She was sentenced in 2005 to 30 years.", dates);
  g_assert_cmpuint (f.events->len, ==, 2);
  g_assert_cmpstr (subject (&f, 0), ==, "Dana Whitfield");
  g_assert_cmpstr (action (&f, 0), ==, "convicted");
  g_assert_cmpstr (subject (&f, 1), ==, "Dana Whitfield");
  g_assert_cmpstr (action (&f, 1), ==, "sentenced");
  g_assert_true (cb_event_mention_is_legal (g_ptr_array_index (f.events, 1)));
  found_clear (&f);
}

static void
test_object_and_possessive (void)
{
  Found f = { 0, };
  const char *dates[] = { "2019", "2019", "Friday", "2021-03-05", NULL };

  run (&f, "Pastor Eli Brandt urged Gov. Lena Marsh to pardon Dana Whitfield in 2019.\n"
           "Marsh commuted Whitfield's sentence on Friday.", dates);
  g_assert_cmpuint (f.events->len, ==, 2);
  g_assert_cmpstr (subject (&f, 0), ==, "Dana Whitfield");
  g_assert_cmpstr (action (&f, 0), ==, "pardoned");
  g_assert_cmpstr (subject (&f, 1), ==, "Dana Whitfield");
  g_assert_cmpstr (action (&f, 1), ==, "commuted");
  found_clear (&f);
}

static void
test_agent_and_topic (void)
{
  Found f = { 0, };
  const char *dates[] = { "In March", "2021-03", "A week later", "2021-03-12", NULL };

  /* The one granting the pardon is not the one it concerns. */
  run (&f, "In March, Omar Haddad petitioned for a pardon for Celia Ramos.\n"
           "A week later, Gov. Lena Marsh granted the pardon.", dates);
  g_assert_cmpuint (f.events->len, ==, 2);
  g_assert_cmpstr (subject (&f, 0), ==, "Celia Ramos");
  g_assert_cmpstr (subject (&f, 1), ==, "Celia Ramos");
  g_assert_cmpstr (action (&f, 1), ==, "pardoned");
  found_clear (&f);
}

static void
test_list_of_people (void)
{
  Found f = { 0, };
  const char *dates[] = { "On Friday", "2003-01-10", NULL };

  run (&f, "On Friday he pardoned three men who had been sentenced to death: "
           "Ali Hassan, Benito Ortiz and Carl Nye.", dates);
  g_assert_cmpuint (f.events->len, ==, 3);
  g_assert_cmpstr (subject (&f, 0), ==, "Ali Hassan");
  g_assert_cmpstr (subject (&f, 1), ==, "Benito Ortiz");
  g_assert_cmpstr (subject (&f, 2), ==, "Carl Nye");
  found_clear (&f);
}

static void
test_relative_and_apposition (void)
{
  Found f = { 0, };
  const char *dates[] = { "December 1955", "1955-12", "in 1921", "1921", NULL };

  run (&f, "The case recalls that of Ruby Marsh, who was arrested in December 1955.\n"
           "Jonas Pell, 66, a union organiser, was released in 1921.", dates);
  g_assert_cmpuint (f.events->len, ==, 2);
  g_assert_cmpstr (subject (&f, 0), ==, "Ruby Marsh");
  g_assert_cmpstr (action (&f, 0), ==, "arrested");
  g_assert_cmpstr (subject (&f, 1), ==, "Jonas Pell");
  g_assert_cmpstr (action (&f, 1), ==, "released");
  found_clear (&f);
}

static void
test_undated_action_takes_narrative_date (void)
{
  Found f = { 0, };
  const char *dates[] = { "today", "2018-09-05", NULL };

  run (&f, "Hana Ito visited the prison today.\nShe is working on getting Paulo Reis released from jail.", dates);
  g_assert_cmpuint (f.events->len, ==, 2);
  g_assert_cmpstr (subject (&f, 0), ==, "Hana Ito");
  g_assert_null (action (&f, 0));
  g_assert_false (cb_event_mention_is_legal (g_ptr_array_index (f.events, 0)));
  g_assert_cmpstr (subject (&f, 1), ==, "Paulo Reis");
  g_assert_cmpstr (action (&f, 1), ==, "released");
  g_assert_cmpint (timex_of (&f, 1), ==, 0);
  found_clear (&f);
}

static void
test_denied_clemency (void)
{
  Found f = { 0, };
  const char *dates[] = { "in 2016", "2016", NULL };

  run (&f, "The board denied clemency to Ivo Marek in 2016.", dates);
  g_assert_cmpuint (f.events->len, ==, 1);
  g_assert_cmpstr (subject (&f, 0), ==, "Ivo Marek");
  g_assert_cmpstr (action (&f, 0), ==, "denied clemency");
  found_clear (&f);
}

static void
test_description_is_clause (void)
{
  Found f = { 0, };
  const char *dates[] = { "in 2002", "2002", NULL };
  CbEventMention *e;

  run (&f, "Tariq Bello was  convicted in 2002;\nhis brother was never charged.", dates);
  g_assert_cmpuint (f.events->len, ==, 1);
  e = g_ptr_array_index (f.events, 0);
  g_assert_cmpstr (e->description, ==, "Tariq Bello was convicted in 2002");
  g_assert_cmpuint (e->span.start, ==, 0);
  found_clear (&f);
}

static void
test_extract_offsets (void)
{
  /* Every span of cb_extract() is in characters. */
  const char *body = "Zoë Ågren was pardoned on June 6, 2018. “It is over,” said Ågren.";
  GDate dct;
  g_autoptr(CbExtraction) ex = NULL;

  g_date_clear (&dct, 1);
  g_date_set_dmy (&dct, 8, G_DATE_JUNE, 2018);
  ex = cb_extract (body, &dct);
  g_assert_cmpuint (ex->persons->len, ==, 1);
  g_assert_cmpuint (ex->quotes->len, ==, 1);
  for (guint i = 0; i < ex->events->len; i++)
    {
      CbEventMention *e = g_ptr_array_index (ex->events, i);
      g_autofree char *slice = g_utf8_substring (body, e->span.start, e->span.end);

      g_assert_true (g_str_has_prefix (slice, "Zoë Ågren was pardoned"));
      g_assert_cmpstr (e->action, ==, "pardoned");
      g_assert_cmpint (e->subject, ==, 0);
    }
  for (guint i = 0; i < ex->timexes->len; i++)
    {
      CbTimex *t = g_ptr_array_index (ex->timexes, i);
      g_autofree char *slice = g_utf8_substring (body, t->span.start, t->span.end);

      g_assert_cmpstr (slice, ==, t->text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/events/passive-and-pronoun", test_passive_and_pronoun);
  g_test_add_func ("/events/object-and-possessive", test_object_and_possessive);
  g_test_add_func ("/events/agent-and-topic", test_agent_and_topic);
  g_test_add_func ("/events/list-of-people", test_list_of_people);
  g_test_add_func ("/events/relative-and-apposition", test_relative_and_apposition);
  g_test_add_func ("/events/undated-action", test_undated_action_takes_narrative_date);
  g_test_add_func ("/events/denied-clemency", test_denied_clemency);
  g_test_add_func ("/events/receiving-a-noun", test_receiving_a_noun);
  g_test_add_func ("/events/official-object-pronoun", test_official_object_pronoun);
  g_test_add_func ("/events/description", test_description_is_clause);
  g_test_add_func ("/events/extract-offsets", test_extract_offsets);

  return g_test_run ();
}
