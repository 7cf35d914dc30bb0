/* test-timex.c — date expressions, fuzzy dates and calendar dates
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib.h>

#include "cb-timex.h"
#include "cb-fuzzy-date.h"

static GDate *
make_date (const char *iso)
{
  GDate *d = g_date_new ();

  g_assert_true (cb_parse_calendar_date (iso, d));
  return d;
}

/* Joins what cb_find_timexes() finds as "text=value|text=value"
 * (value "-" when unresolved), checking every span on the way. */
static char *
describe (const char *text,
          const char *dct_iso)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GString) s = g_string_new (NULL);
  GDate *dct = dct_iso ? make_date (dct_iso) : NULL;
  guint prev_end = 0;

  found = cb_find_timexes (text, dct);
  for (guint i = 0; i < found->len; i++)
    {
      CbTimex *tx = g_ptr_array_index (found, i);

      g_assert_cmpuint (tx->span.start, <, tx->span.end);
      g_assert_cmpuint (tx->span.end, <=, strlen (text));
      g_assert_cmpuint (tx->span.start, >=, prev_end);
      g_assert_cmpint (strncmp (text + tx->span.start, tx->text, tx->span.end - tx->span.start), ==, 0);
      g_assert_cmpuint (strlen (tx->text), ==, tx->span.end - tx->span.start);
      prev_end = tx->span.end;
      if (tx->date.value != NULL)
        {
          g_assert_cmpint (tx->date.precision, !=, CB_PRECISION_NONE);
          g_assert_cmpuint (tx->date.earliest, >, 0);
          g_assert_cmpuint (tx->date.earliest, <=, tx->date.latest);
          g_assert_cmpint (tx->date.anchor, !=, CB_ANCHOR_UNRESOLVED);
        }
      else
        {
          g_assert_cmpint (tx->date.anchor, ==, CB_ANCHOR_UNRESOLVED);
          g_assert_cmpint (tx->date.precision, ==, CB_PRECISION_NONE);
        }
      g_string_append_printf (s, "%s%s=%s", i ? "|" : "", tx->text,
                              tx->date.value ? tx->date.value : "-");
    }
  if (dct)
    g_date_free (dct);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

#define assert_timexes(text, dct, expected) \
  G_STMT_START { \
    g_autofree char *got_ = describe ((text), (dct)); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

static void
test_years (void)
{
  assert_timexes ("She was convicted in 1996 on five counts.", "2018-05-31", "1996=1996");
  assert_timexes ("The 1994 indictment names eleven people.", "2018-05-31", "1994=1994");
  assert_timexes ("A 1997 newspaper story said so.", "2018-05-31", "1997=1997");
  assert_timexes ("Nothing has changed since 2016.", NULL, "2016=2016");
  assert_timexes ("Between 1972 and 1975 the plant closed twice.", NULL, "1972=1972|1975=1975");
  assert_timexes ("In 1610 the town was founded.", NULL, "1610=1610");
  assert_timexes ("1989 was the year the wall fell.", NULL, "1989=1989");
  assert_timexes ("He testified in mid-2011.", NULL, "2011=2011");
  assert_timexes ("Before the 2018 midterms, the senator's 2016 rallies drew the 2000 people.", NULL,
                  "2018=2018|2016=2016");
}

static void
test_not_years (void)
{
  assert_timexes ("The ring moved 1,000 kilograms of cocaine.", "2018-05-31", "");
  assert_timexes ("She paid $2016 in fines.", "2018-05-31", "");
  assert_timexes ("About 2016 people signed the petition.", "2018-05-31", "");
  assert_timexes ("The hearing was held in Room 1996 of the courthouse.", "2018-05-31", "");
  assert_timexes ("The office still ran Windows 2000 on its computers.", NULL, "");
  assert_timexes ("The prisoner, No. 1984, was moved.", NULL, "");
  assert_timexes ("A 1000-year-old oak stands there.", NULL, "");
  assert_timexes ("Turnout rose 2016% in a typo.", NULL, "");
  assert_timexes ("Call 555-1996 for details.", NULL, "");
  assert_timexes ("The fund grew by 1996.5 units.", NULL, "");
  assert_timexes ("He drove 1500 miles to the hearing.", NULL, "");
  assert_timexes ("Flight 1549 landed on the river.", NULL, "");
  assert_timexes ("Protesters gathered at 1600 Pennsylvania Avenue.", NULL, "");
}

static void
test_not_dates (void)
{
  /* durations, ages, quantities, times of day */
  assert_timexes ("He has spent more than two decades behind bars.", "2018-05-31", "");
  assert_timexes ("She served 21 years of a life sentence.", "2018-05-31", "");
  assert_timexes ("The meeting lasted less than an hour.", "2018-05-31", "");
  /* an impossible day after a weekday is no date (and once crashed the scanner) */
  assert_timexes ("He was arrested on Wednesday 31 Feb. 1996 and held.", "2018-05-31", "");
  assert_timexes ("He was jailed for 10 years and has been out for almost 10 years.", "2018-05-31", "");
  assert_timexes ("He is 30 years old.", "2018-05-31", "");
  assert_timexes ("The inmate, 63, is a 63-year-old grandmother.", "2018-05-31", "");
  assert_timexes ("The vote was at 10:30 in the hall.", "2018-05-31", "");
  assert_timexes ("She must serve the full 51 years before she is eligible.", "2018-05-31", "");
  assert_timexes ("It came more than 100 years after the conviction.", "2018-05-31", "");
  assert_timexes ("Over the past year the case stalled; in the last week nothing moved.", "2018-05-31", "");
  assert_timexes ("She may appeal.  May I ask?", "2018-05-31", "");
  assert_timexes ("June Carter sang there.", "2018-05-31", "");
  assert_timexes ("He read the Sunday Times and worked Saturdays.", "2018-05-31", "");
  assert_timexes ("People in their 30s and 40s were polled.", "2018-05-31", "");
}

static void
test_month_year (void)
{
  assert_timexes ("In a February 2017 letter she apologised.", NULL, "February 2017=2017-02");
  assert_timexes ("It was filed in Feb. 2017 and heard in June of 2018.", NULL,
                  "Feb. 2017=2017-02|June of 2018=2018-06");
  assert_timexes ("The retrial began in Sept. 2011.", NULL, "Sept. 2011=2011-09");
}

static void
test_full_dates (void)
{
  assert_timexes ("Agents arrested him on December 9, 2008.", NULL, "December 9, 2008=2008-12-09");
  assert_timexes ("He was freed on 6 June 2018 at dawn.", NULL, "6 June 2018=2018-06-06");
  assert_timexes ("The order is dated 2018-06-06.", NULL, "2018-06-06=2018-06-06");
  assert_timexes ("The order is dated 6/8/2018.", NULL, "6/8/2018=2018-06-08");
  assert_timexes ("It ended on Wednesday, June 6, 2018, in court.", NULL,
                  "Wednesday, June 6, 2018=2018-06-06");
  assert_timexes ("It began on the 4th of July 1976.", NULL, "4th of July 1976=1976-07-04");
  assert_timexes ("Filed Aug. 21, 2013.", NULL, "Aug. 21, 2013=2013-08-21");
  /* not a real day */
  assert_timexes ("It was due on February 30, 2018.", NULL, "");
}

static void
test_inferred_year (void)
{
  assert_timexes ("He was released on June 6.", "2018-09-05", "June 6=2018-06-06");
  assert_timexes ("The raid happened on December 20.", "2019-01-10", "December 20=2018-12-20");
  assert_timexes ("The judge will rule on January 20.", "2018-12-20", "January 20=2019-01-20");
  assert_timexes ("Her book is due to be published in October.", "2019-08-07", "October=2019-10");
  assert_timexes ("She was arrested in 2008. On December 9 she was charged.", "2020-02-19",
                  "2008=2008|December 9=2019-12-09");
  assert_timexes ("She was arrested in 2008 and on December 9 she was charged.", "2020-02-19",
                  "2008=2008|December 9=2008-12-09");
  assert_timexes ("He was to be freed in the middle of May.", "2017-05-17", "May=2017-05");
  /* without an article date the day stays unresolved */
  assert_timexes ("He was released on June 6.", NULL, "June 6=-");
}

static void
test_decades (void)
{
  assert_timexes ("She has led tours since the 1990s.", NULL, "1990s=199X");
  assert_timexes ("Music of the 1980's and the '70s.", NULL, "1980's=198X|'70s=197X");
  assert_timexes ("It started in the mid-1960s.", NULL, "1960s=196X");
  assert_timexes ("It was big in the nineties.", NULL, "nineties=199X");
  assert_timexes ("Homes built in the 2000s.", NULL, "2000s=200X");
  /* a century is no decade */
  assert_timexes ("Laws from the late 1800s.", NULL, "");
}

static void
test_seasons (void)
{
  assert_timexes ("The hearing is set for summer 2019.", NULL, "summer 2019=2019-SU");
  assert_timexes ("They met in the fall of 2016.", NULL, "fall of 2016=2016-FA");
  assert_timexes ("They met last summer.", "2019-10-01", "last summer=2019-SU");
  assert_timexes ("They met last summer.", "2019-07-15", "last summer=2018-SU");
  assert_timexes ("They meet again next spring.", "2019-07-15", "next spring=2020-SP");
}

static void
test_deictic (void)
{
  assert_timexes ("She was back at the court today, and today's hearing ran late.", "2018-09-05",
                  "today=2018-09-05|today=2018-09-05");
  assert_timexes ("He was freed yesterday and speaks tomorrow.", "2018-03-01",
                  "yesterday=2018-02-28|tomorrow=2018-03-02");
}

static void
test_relative_units (void)
{
  assert_timexes ("Just last week, the governor granted a pardon.", "2018-05-31",
                  "Just last week=2018-W21");
  /* "her" as an object pronoun before the date, and as a possessive. */
  assert_timexes ("The governor pardoned her last week.", "2018-05-31", "last week=2018-W21");
  assert_timexes ("She spent her last week in office signing pardons.", "2018-05-31", "");
  assert_timexes ("It was signed this week and will be debated next week.", "2018-05-31",
                  "this week=2018-W22|next week=2018-W23");
  assert_timexes ("The week of 31 December 2018 is ISO week 1: this week.", "2018-12-31",
                  "31 December 2018=2018-12-31|this week=2019-W01");
  assert_timexes ("He was charged last month.", "2018-01-15", "last month=2017-12");
  assert_timexes ("Earlier this year she wrote a letter.", "2018-09-05", "Earlier this year=2018");
  assert_timexes ("It happened last year and ends next year.", "2018-09-05",
                  "last year=2017|next year=2019");
  assert_timexes ("The vote is late next month.", "2018-11-20", "late next month=2018-12");
  assert_timexes ("He arrived last January.", "2018-09-05", "last January=2018-01");
  assert_timexes ("He arrives next March.", "2018-09-05", "next March=2019-03");
}

static void
test_weekdays (void)
{
  /* 2018-05-31 is a Thursday */
  assert_timexes ("She arrived at the court on Wednesday afternoon.", "2018-05-31",
                  "Wednesday=2018-05-30");
  assert_timexes ("He spoke on Thursday.", "2018-05-31", "Thursday=2018-05-31");
  assert_timexes ("He will speak on Wednesday.", "2018-05-31", "Wednesday=2018-06-06");
  assert_timexes ("The hearing is due on Monday.", "2018-05-31", "Monday=2018-06-04");
  assert_timexes ("They meet next Tuesday.", "2018-05-31", "next Tuesday=2018-06-05");
  assert_timexes ("They met last Thursday.", "2018-05-31", "last Thursday=2018-05-24");
  assert_timexes ("They met on Friday.", NULL, "Friday=-");
  assert_timexes ("Every Sunday they gather; each Monday they rest.", "2018-05-31", "");
}

static void
test_counted (void)
{
  assert_timexes ("Three months ago, she met the president.", "2018-09-05", "Three months ago=2018-06");
  assert_timexes ("He was pardoned two years ago.", "2018-09-05", "two years ago=2016");
  assert_timexes ("It closed a decade ago.", "2018-09-05", "a decade ago=2008");
  assert_timexes ("It was filed two weeks ago.", "2018-09-05", "two weeks ago=2018-W34");
  assert_timexes ("He was arrested 5 days ago.", "2018-09-05", "5 days ago=2018-08-31");
  assert_timexes ("The verdict is due three weeks from now.", "2018-09-05",
                  "three weeks from now=2018-W39");
}

static void
test_qualifiers (void)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GDate) dct = make_date ("2018-05-31");
  CbTimex *tx;

  found = cb_find_timexes ("the crime that I committed over 20 years ago.", dct);
  g_assert_cmpuint (found->len, ==, 1);
  tx = g_ptr_array_index (found, 0);
  g_assert_cmpstr (tx->text, ==, "over 20 years ago");
  g_assert_cmpstr (tx->date.value, ==, "1998");
  g_assert_cmpint (tx->date.qualifier, ==, CB_QUALIFIER_BEFORE);
  g_assert_cmpint (tx->date.anchor, ==, CB_ANCHOR_ARTICLE);
  g_assert_cmpint (tx->date.precision, ==, CB_PRECISION_YEAR);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = cb_find_timexes ("No appeal was possible before 1997.", dct);
  g_assert_cmpuint (found->len, ==, 1);
  tx = g_ptr_array_index (found, 0);
  g_assert_cmpstr (tx->text, ==, "1997");
  g_assert_cmpint (tx->date.qualifier, ==, CB_QUALIFIER_BEFORE);
  g_assert_cmpint (tx->date.anchor, ==, CB_ANCHOR_ABSOLUTE);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = cb_find_timexes ("It was built around 1950.", dct);
  g_assert_cmpuint (found->len, ==, 1);
  tx = g_ptr_array_index (found, 0);
  g_assert_cmpint (tx->date.qualifier, ==, CB_QUALIFIER_AROUND);
}

static void
test_narrative (void)
{
  assert_timexes ("Three months ago, she met him. A week later, he granted the pardon.", "2018-09-05",
                  "Three months ago=2018-06|A week later=2018-06");
  assert_timexes ("He was arrested on June 1, 2015. Two days later he was charged.", NULL,
                  "June 1, 2015=2015-06-01|Two days later=2015-06-03");
  assert_timexes ("Courts ruled in 2015, and again the following year.", NULL,
                  "2015=2015|the following year=2016");
  assert_timexes ("She was sentenced on August 21, 2013. The next day she spoke.", NULL,
                  "August 21, 2013=2013-08-21|The next day=2013-08-22");
  assert_timexes ("They voted in November 1872 and were arrested later that month.", NULL,
                  "November 1872=1872-11|later that month=1872-11");
  assert_timexes ("He was tried in 2006; a year earlier he had fled.", NULL,
                  "2006=2006|a year earlier=2005");
  /* the event a clause names lies that far before the date of the sentence */
  assert_timexes ("On January 2, 2016, two days before the men reported to prison, protesters marched.",
                  NULL, "January 2, 2016=2016-01-02|two days before=2016-01-04");
  assert_timexes ("She walked free today, seven months after the governor granted clemency.",
                  "2019-08-07", "today=2019-08-07|seven months after=2019-01");
  /* a small step from a coarse date stays inside it */
  assert_timexes ("It began in early 2020. Four days earlier, nobody knew.", NULL,
                  "2020=2020|Four days earlier=2020");
  assert_timexes ("In 1999 he moved. Later that summer he left.", NULL,
                  "1999=1999|that summer=1999-SU");
  /* nothing to anchor to */
  assert_timexes ("A week later, he granted the pardon.", NULL, "A week later=-");
}

static void
test_tense (void)
{
  /* a bare month or day goes back for a clause in the past, ahead for one in the future */
  assert_timexes ("The board reviewed the file and met him in March.", "2021-12-26", "March=2021-03");
  assert_timexes ("Most are expected to be released in April.", "2013-12-19", "April=2014-04");
  assert_timexes ("He granted it yesterday, less than a month before he leaves office on January 20.", "2000-12-23",
                  "yesterday=2000-12-22|January 20=2001-01-20");
  assert_timexes ("They have read about him since September.", "2022-01-06", "September=2021-09");
  assert_timexes ("He was released this past weekend, at 3 p.m. Sunday, and will appear later.", "2020-11-05",
                  "this past weekend=2020-W44|Sunday=2020-11-01");
}

static void
test_holidays (void)
{
  assert_timexes ("He walked out yesterday, Christmas Day, a free man.", "1921-12-26",
                  "yesterday=1921-12-25|Christmas Day=1921-12-25");
  assert_timexes ("She expects to be home for Christmas.", "2000-12-23", "Christmas=2000-12-25");
  assert_timexes ("More pardons are expected before Christmas.", "2021-01-10", "Christmas=2021-12-25");
  assert_timexes ("Thanksgiving 2018 and Labor Day 2019 and Easter 2019.", NULL,
                  "Thanksgiving 2018=2018-11-22|Labor Day 2019=2019-09-02|Easter 2019=2019-04-21");
  assert_timexes ("They sang A Christmas Carol near the Christmas tree on Easter Island.", "2020-01-10", "");
  assert_timexes ("New Year's Eve 1999 was loud.", NULL, "New Year's Eve 1999=1999-12-31");
}

static void
test_ranges_and_names (void)
{
  assert_timexes ("The war lasted 1939-1945.", NULL, "1939=1939|1945=1945");
  assert_timexes ("The hearings ran June 4-5.", "2020-11-05", "June 4=2020-06-04");
  assert_timexes ("Congress passed the Fair Sentencing Act of 2010.", NULL, "");
  assert_timexes ("By the end of 2018 the rule had changed.", NULL, "2018=2018");
}

static void
test_seasons_in_story (void)
{
  assert_timexes ("He has filed petitions since the spring and heard nothing.", "2000-12-23",
                  "the spring=2000-SP");
  assert_timexes ("The trial will begin in the fall.", "2019-07-01", "the fall=2019-FA");
  assert_timexes ("She spent the summer camp season there.", "2019-07-01", "");
}

static void
test_narrative_plausible (void)
{
  /* a step forward from the newest date would land after the article: the story
   * goes on from the previous date instead */
  assert_timexes ("He was sentenced on 2015-05-29. On 2025-01-21 he was pardoned. "
                  "He had appealed. Two years later, a court upheld the sentence, "
                  "and a year later the justices declined the case.", "2025-01-22",
                  "2015-05-29=2015-05-29|2025-01-21=2025-01-21|Two years later=2017|a year later=2018");
  assert_timexes ("She was arrested on November 8, 1946. She spent the night in jail. "
                  "The next morning a magistrate fined her.", "1947-01-01",
                  "November 8, 1946=1946-11-08|The next morning=1946-11-09");
}

static void
test_unresolved (void)
{
  g_autoptr(GPtrArray) found = cb_find_timexes ("Three months ago she wrote; today she waits. It ended in 1996.", NULL);
  CbTimex *tx;

  g_assert_cmpuint (found->len, ==, 3);
  for (guint i = 0; i < 2; i++)
    {
      tx = g_ptr_array_index (found, i);
      g_assert_null (tx->date.value);
      g_assert_cmpint (tx->date.anchor, ==, CB_ANCHOR_UNRESOLVED);
      g_assert_cmpint (tx->date.precision, ==, CB_PRECISION_NONE);
      g_assert_cmpuint (tx->date.earliest, ==, 0);
    }
  tx = g_ptr_array_index (found, 0);
  g_assert_cmpstr (tx->text, ==, "Three months ago");
  g_assert_cmpuint (tx->span.start, ==, 0);
  g_assert_cmpuint (tx->span.end, ==, 16);
  tx = g_ptr_array_index (found, 2);
  g_assert_cmpstr (tx->date.value, ==, "1996");
  g_assert_cmpint (tx->date.anchor, ==, CB_ANCHOR_ABSOLUTE);
}

static void
test_offsets (void)
{
  /* byte offsets, past multi-byte characters */
  const char *text = "Caf\xc3\xa9 \xe2\x80\x94 \xe2\x80\x9cIt ended\xe2\x80\x9d in 1996, and on 6 June 2018.";
  g_autoptr(GPtrArray) found = cb_find_timexes (text, NULL);
  CbTimex *tx;
  const char *at;

  g_assert_cmpuint (found->len, ==, 2);
  tx = g_ptr_array_index (found, 0);
  at = strstr (text, "1996");
  g_assert_cmpuint (tx->span.start, ==, at - text);
  g_assert_cmpuint (tx->span.end, ==, at - text + 4);
  tx = g_ptr_array_index (found, 1);
  at = strstr (text, "6 June");
  g_assert_cmpuint (tx->span.start, ==, at - text);
  g_assert_cmpuint (tx->span.end, ==, at - text + strlen ("6 June 2018"));
}

/* Random bytes, random UTF-8 and random soups of date words: never crash,
 * never hang, spans always inside the text and in order. */
static void
test_garbage (void)
{
  static const char * const words[] = {
    "in", "on", "1996", "June", "6", ",", "2018", "ago", "later", "three", "months", "a",
    "week", "last", "next", "Wednesday", "the", "1990s", "'", "90s", "-", "/", "today",
    "summer", "of", "before", "after", ".", "\n", "Just", "earlier", "this", "year",
    "over", "than", "more", "\xe2\x80\x94", "May", "31", "0", "9999", "following", "day",
    "that", "same", "'97", "Feb.", "$", "2100", "1000", "years", "old", "twenty", "five",
  };
  g_autoptr(GDate) dct = make_date ("2018-05-31");
  g_autoptr(GDate) odd = g_date_new_dmy (1, 1, 1);

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      guint len = g_test_rand_int_range (0, 200);
      const GDate *d = round % 3 == 0 ? NULL : round % 3 == 1 ? dct : odd;
      g_autoptr(GPtrArray) found = NULL;

      for (guint k = 0; k < len; k++)
        {
          switch (round % 3)
            {
            case 0:  /* any bytes but NUL */
              g_string_append_c (s, (char) g_test_rand_int_range (1, 256));
              break;
            case 1:  /* valid UTF-8 */
              {
                gunichar c = g_test_rand_int_range (1, 0x2FFFF);

                if (g_unichar_validate (c))
                  g_string_append_unichar (s, c);
              }
              break;
            default:  /* date-shaped word soup */
              g_string_append (s, words[g_test_rand_int_range (0, G_N_ELEMENTS (words))]);
              if (g_test_rand_bit ())
                g_string_append_c (s, ' ');
              break;
            }
        }

      found = cb_find_timexes (s->str, d);
      for (guint i = 0; i < found->len; i++)
        {
          CbTimex *tx = g_ptr_array_index (found, i);

          g_assert_cmpuint (tx->span.start, <, tx->span.end);
          g_assert_cmpuint (tx->span.end, <=, s->len);
          if (i > 0)
            g_assert_cmpuint (tx->span.start, >=, ((CbTimex *) g_ptr_array_index (found, i - 1))->span.end);
          if (tx->date.value != NULL)
            {
              CbFuzzyDate check = { 0, };

              g_assert_true (cb_fuzzy_date_set_value (&check, tx->date.value));
              g_assert_cmpuint (check.earliest, ==, tx->date.earliest);
              cb_fuzzy_date_clear (&check);
            }
        }
    }
}

static void
test_fuzzy_set_value (void)
{
  CbFuzzyDate d = { 0, };
  GDate g;

  g_assert_true (cb_fuzzy_date_set_value (&d, "1996"));
  g_assert_cmpint (d.precision, ==, CB_PRECISION_YEAR);
  g_date_clear (&g, 1);
  g_date_set_julian (&g, d.earliest);
  g_assert_cmpint (g_date_get_day (&g), ==, 1);
  g_assert_cmpint (g_date_get_month (&g), ==, 1);
  g_date_set_julian (&g, d.latest);
  g_assert_cmpint (g_date_get_day (&g), ==, 31);
  g_assert_cmpint (g_date_get_month (&g), ==, 12);
  g_assert_cmpint (g_date_get_year (&g), ==, 1996);

  g_assert_true (cb_fuzzy_date_set_value (&d, "2016-02"));
  g_assert_cmpint (d.precision, ==, CB_PRECISION_MONTH);
  g_assert_cmpuint (d.latest - d.earliest, ==, 28);  /* a leap February */

  g_assert_true (cb_fuzzy_date_set_value (&d, "2018-W21"));
  g_assert_cmpint (d.precision, ==, CB_PRECISION_WEEK);
  g_date_set_julian (&g, d.earliest);
  g_assert_cmpint (g_date_get_weekday (&g), ==, G_DATE_MONDAY);
  g_assert_cmpint (g_date_get_day (&g), ==, 21);
  g_assert_cmpint (g_date_get_month (&g), ==, 5);
  g_assert_cmpuint (d.latest - d.earliest, ==, 6);

  g_assert_true (cb_fuzzy_date_set_value (&d, "2020-W53"));
  g_assert_false (cb_fuzzy_date_set_value (&d, "2019-W53"));

  g_assert_true (cb_fuzzy_date_set_value (&d, "199X"));
  g_assert_cmpint (d.precision, ==, CB_PRECISION_DECADE);
  g_date_set_julian (&g, d.latest);
  g_assert_cmpint (g_date_get_year (&g), ==, 1999);

  g_assert_true (cb_fuzzy_date_set_value (&d, "2019-SU"));
  g_assert_cmpint (d.precision, ==, CB_PRECISION_SEASON);
  g_date_set_julian (&g, d.earliest);
  g_assert_cmpint (g_date_get_month (&g), ==, 6);

  /* Winter is no ISO week: it starts in December and ends in February. */
  g_assert_true (cb_fuzzy_date_set_value (&d, "2018-WI"));
  g_assert_cmpint (d.precision, ==, CB_PRECISION_SEASON);
  g_date_set_julian (&g, d.earliest);
  g_assert_cmpint (g_date_get_month (&g), ==, 12);
  g_date_set_julian (&g, d.latest);
  g_assert_cmpint (g_date_get_year (&g), ==, 2019);

  g_assert_true (cb_fuzzy_date_set_value (&d, "2018-05-30"));
  g_assert_cmpint (d.precision, ==, CB_PRECISION_DAY);
  g_assert_cmpuint (d.earliest, ==, d.latest);

  g_assert_false (cb_fuzzy_date_set_value (&d, "2018-02-30"));
  g_assert_false (cb_fuzzy_date_set_value (&d, "2018-13"));
  g_assert_false (cb_fuzzy_date_set_value (&d, "18"));
  g_assert_false (cb_fuzzy_date_set_value (&d, "June"));
  g_assert_false (cb_fuzzy_date_set_value (&d, ""));
  g_assert_false (cb_fuzzy_date_set_value (&d, NULL));
  /* a failed parse keeps the previous value */
  g_assert_cmpstr (d.value, ==, "2018-05-30");

  cb_fuzzy_date_clear (&d);
  g_assert_null (d.value);
  g_assert_cmpint (d.anchor, ==, CB_ANCHOR_UNRESOLVED);
}

static void
test_parse_calendar (void)
{
  static const struct { const char *text; int y, m, d; } good[] = {
    { "2018-06-08", 2018, 6, 8 },
    { "  2018-06-08T10:00:00Z", 2018, 6, 8 },
    { "June 8, 2018", 2018, 6, 8 },
    { "8 June 2018", 2018, 6, 8 },
    { "Fri, 08 Jun 2018 10:00:00 +0000", 2018, 6, 8 },
    { "Friday, June 8th, 2018", 2018, 6, 8 },
    { "Sept. 3, 2019", 2019, 9, 3 },
    { "2018/06/08", 2018, 6, 8 },
    { "06/08/2018", 2018, 6, 8 },
    { "29 February 2016", 2016, 2, 29 },
  };
  static const char * const bad[] = {
    "", "yesterday", "June 2018", "2018-02-30", "29 February 2017", "8 Juno 2018",
    "2018", "12345-01-01", "June 8, 2018, June 9, 2018", "Bob 8 June 2018",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      GDate d;

      g_assert_true (cb_parse_calendar_date (good[i].text, &d));
      g_assert_cmpint (g_date_get_year (&d), ==, good[i].y);
      g_assert_cmpint (g_date_get_month (&d), ==, good[i].m);
      g_assert_cmpint (g_date_get_day (&d), ==, good[i].d);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GDate d;

      g_assert_false (cb_parse_calendar_date (bad[i], &d));
    }
  g_assert_false (cb_parse_calendar_date (NULL, &(GDate) { 0, }));
}

/* Every value found in text parses back to the same interval (that a
 * formatted day parses back is in test-date-format.c). */
static void
test_round_trip (void)
{
  for (guint i = 0; i < 500; i++)
    {
      GDate d, back;
      CbFuzzyDate f = { 0, };
      g_autofree char *value = NULL;

      g_date_clear (&d, 1);
      g_date_set_julian (&d, g_test_rand_int_range (600000, 800000));
      value = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d),
                               g_date_get_day (&d));
      g_assert_true (cb_fuzzy_date_set_value (&f, value));
      g_assert_cmpuint (f.earliest, ==, g_date_get_julian (&d));
      g_assert_true (cb_parse_calendar_date (value, &back));
      g_assert_cmpint (g_date_compare (&d, &back), ==, 0);
      cb_fuzzy_date_clear (&f);
    }
}

static void
test_enum_strings (void)
{
  for (int p = CB_PRECISION_NONE; p <= CB_PRECISION_DECADE; p++)
    g_assert_cmpint (cb_precision_from_string (cb_precision_to_string (p)), ==, p);
  for (int q = CB_QUALIFIER_ON; q <= CB_QUALIFIER_BETWEEN; q++)
    g_assert_cmpint (cb_qualifier_from_string (cb_qualifier_to_string (q)), ==, q);
  for (int a = CB_ANCHOR_ABSOLUTE; a <= CB_ANCHOR_UNRESOLVED; a++)
    g_assert_cmpint (cb_anchor_from_string (cb_anchor_to_string (a)), ==, a);
  g_assert_cmpstr (cb_precision_to_string (CB_PRECISION_WEEK), ==, "week");
  g_assert_cmpstr (cb_qualifier_to_string (CB_QUALIFIER_BEFORE), ==, "before");
  g_assert_cmpstr (cb_anchor_to_string (CB_ANCHOR_NARRATIVE), ==, "narrative");
  g_assert_cmpint (cb_precision_from_string ("nonsense"), ==, CB_PRECISION_NONE);
}

static void
test_copy (void)
{
  CbFuzzyDate a = { 0, }, b = { 0, };

  g_assert_true (cb_fuzzy_date_set_value (&a, "2017-02"));
  a.qualifier = CB_QUALIFIER_AROUND;
  a.anchor = CB_ANCHOR_ARTICLE;
  b.value = g_strdup ("1996");
  cb_fuzzy_date_copy (&a, &b);
  g_assert_cmpstr (b.value, ==, "2017-02");
  g_assert_true (a.value != b.value);
  g_assert_cmpint (b.qualifier, ==, CB_QUALIFIER_AROUND);
  g_assert_cmpint (b.anchor, ==, CB_ANCHOR_ARTICLE);
  g_assert_cmpuint (b.earliest, ==, a.earliest);
  cb_fuzzy_date_clear (&a);
  cb_fuzzy_date_clear (&b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timex/years", test_years);
  g_test_add_func ("/timex/not-years", test_not_years);
  g_test_add_func ("/timex/not-dates", test_not_dates);
  g_test_add_func ("/timex/month-year", test_month_year);
  g_test_add_func ("/timex/full-dates", test_full_dates);
  g_test_add_func ("/timex/inferred-year", test_inferred_year);
  g_test_add_func ("/timex/decades", test_decades);
  g_test_add_func ("/timex/seasons", test_seasons);
  g_test_add_func ("/timex/deictic", test_deictic);
  g_test_add_func ("/timex/relative-units", test_relative_units);
  g_test_add_func ("/timex/weekdays", test_weekdays);
  g_test_add_func ("/timex/counted", test_counted);
  g_test_add_func ("/timex/qualifiers", test_qualifiers);
  g_test_add_func ("/timex/narrative", test_narrative);
  g_test_add_func ("/timex/tense", test_tense);
  g_test_add_func ("/timex/holidays", test_holidays);
  g_test_add_func ("/timex/ranges-and-names", test_ranges_and_names);
  g_test_add_func ("/timex/seasons-in-story", test_seasons_in_story);
  g_test_add_func ("/timex/narrative-plausible", test_narrative_plausible);
  g_test_add_func ("/timex/unresolved", test_unresolved);
  g_test_add_func ("/timex/offsets", test_offsets);
  g_test_add_func ("/timex/garbage", test_garbage);
  g_test_add_func ("/fuzzy-date/set-value", test_fuzzy_set_value);
  g_test_add_func ("/fuzzy-date/parse-calendar", test_parse_calendar);
  g_test_add_func ("/fuzzy-date/round-trip", test_round_trip);
  g_test_add_func ("/fuzzy-date/enum-strings", test_enum_strings);
  g_test_add_func ("/fuzzy-date/copy", test_copy);

  return g_test_run ();
}
