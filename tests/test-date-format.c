/* test-date-format.c — dates and counts for people, in C.UTF-8 and in German
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The German cases need the de_DE.UTF-8 locale (build-aux/ensure-deps test
 * makes it); without it they fail, they do not skip.  The translated ones
 * read the catalog meson builds from po/de.po.
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "cb-date-format.h"
#include "cb-locale.h"

typedef struct
{
  const char  *value;     /* TIMEX3, NULL for undated */
  CbQualifier  qualifier;
  const char  *text;
} Case;

static void
use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) == NULL)
    g_error ("The locale %s is missing, so dates cannot be tested in it. Make it with "
             "`localedef -i %.5s -f UTF-8 %s` as root (build-aux/ensure-deps test does).",
             name, name, name);
}

/* No translation: only the locale's month names and number grouping. */
static void
without_translation (void)
{
  bindtextdomain (GETTEXT_PACKAGE, "/nonexistent");
}

static char *
format_value (const char  *value,
              CbQualifier  qualifier)
{
  CbFuzzyDate d = { 0, };
  char *s;

  if (value != NULL && !cb_fuzzy_date_set_value (&d, value))
    g_error ("%s is not a TIMEX3 value", value);
  d.qualifier = qualifier;
  s = cb_fuzzy_date_format (&d);
  cb_fuzzy_date_clear (&d);
  return s;
}

static void
check_cases (const Case *cases,
             guint       n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *s = format_value (cases[i].value, cases[i].qualifier);

      g_assert_cmpstr (s, ==, cases[i].text);
    }
}

static void
test_c_dates (void)
{
  static const Case cases[] = {
    { "1996", CB_QUALIFIER_ON, "1996" },
    { "2017-02", CB_QUALIFIER_ON, "February 2017" },
    { "2018-06", CB_QUALIFIER_AROUND, "c. June 2018" },
    { "2018-05-30", CB_QUALIFIER_ON, "30 May 2018" },
    { "2018-05-03", CB_QUALIFIER_ON, "3 May 2018" },
    { "1997", CB_QUALIFIER_BEFORE, "before 1997" },
    { "2001-09-11", CB_QUALIFIER_AFTER, "after 11 September 2001" },
    { "2018-W21", CB_QUALIFIER_ON, "week of 21 May 2018" },
    { "199X", CB_QUALIFIER_ON, "the 1990s" },
    { "2019-SU", CB_QUALIFIER_ON, "summer 2019" },
    { "2018-WI", CB_QUALIFIER_ON, "winter 2018" },
    { NULL, CB_QUALIFIER_ON, "undated" },
    { NULL, CB_QUALIFIER_BEFORE, "undated" },
  };

  use_locale ("C.UTF-8");
  without_translation ();
  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_c_between (void)
{
  CbFuzzyDate d = { 0, };
  GDate from, to;
  g_autofree char *days = NULL;
  g_autofree char *years = NULL;

  use_locale ("C.UTF-8");
  without_translation ();

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 3, G_DATE_MAY, 2018);
  g_date_set_dmy (&to, 9, G_DATE_MAY, 2018);
  d.precision = CB_PRECISION_DAY;
  d.qualifier = CB_QUALIFIER_BETWEEN;
  d.earliest = g_date_get_julian (&from);
  d.latest = g_date_get_julian (&to);
  days = cb_fuzzy_date_format (&d);
  g_assert_cmpstr (days, ==, "between 3 May 2018 and 9 May 2018");

  g_date_set_dmy (&from, 1, G_DATE_JANUARY, 1994);
  g_date_set_dmy (&to, 31, G_DATE_DECEMBER, 1996);
  d.precision = CB_PRECISION_YEAR;
  d.earliest = g_date_get_julian (&from);
  d.latest = g_date_get_julian (&to);
  years = cb_fuzzy_date_format (&d);
  g_assert_cmpstr (years, ==, "between 1994 and 1996");
}

/* What the window shows of a day parses back to the same day (the header
 * parser reads English dates). */
static void
test_c_round_trip (void)
{
  use_locale ("C.UTF-8");
  without_translation ();

  for (guint i = 0; i < 500; i++)
    {
      GDate d, back;
      g_autofree char *text = NULL;

      g_date_clear (&d, 1);
      g_date_set_julian (&d, g_test_rand_int_range (600000, 800000));
      text = cb_date_format_day (&d);
      g_assert_true (cb_parse_calendar_date (text, &back));
      g_assert_cmpint (g_date_compare (&d, &back), ==, 0);
    }
}

/* Counts in the window and the summaries are "%'u": grouped as the locale
 * groups them. */
static void
test_c_counts (void)
{
  g_autofree char *one = NULL;
  g_autofree char *many = NULL;

  use_locale ("C.UTF-8");
  without_translation ();
  one = g_strdup_printf (ngettext ("%'u file", "%'u files", 1), 1u);
  many = g_strdup_printf (ngettext ("%'u file", "%'u files", 1500), 1500u);
  g_assert_cmpstr (one, ==, "1 file");
  g_assert_cmpstr (many, ==, "1500 files");
}

static void
test_german_locale_dates (void)
{
  static const Case cases[] = {
    { "2017-02", CB_QUALIFIER_ON, "Februar 2017" },
    { "2018-03-30", CB_QUALIFIER_ON, "30 März 2018" },
    { "2018-12", CB_QUALIFIER_ON, "Dezember 2018" },
    { "1996", CB_QUALIFIER_ON, "1996" },
  };

  use_locale ("de_DE.UTF-8");
  without_translation ();
  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_german_locale_counts (void)
{
  g_autofree char *many = NULL;

  use_locale ("de_DE.UTF-8");
  without_translation ();
  many = g_strdup_printf ("%'u", 1500u);
  g_assert_cmpstr (many, ==, "1.500");
}

/* With the German catalog the build made: the translators' order and words. */
static void
test_german_translated (void)
{
  static const Case cases[] = {
    { "2018-05-30", CB_QUALIFIER_ON, "30. Mai 2018" },
    { "2017-02", CB_QUALIFIER_ON, "Februar 2017" },
    { "2018-06", CB_QUALIFIER_AROUND, "ca. Juni 2018" },
    { "1997", CB_QUALIFIER_BEFORE, "vor 1997" },
    { "2018-W21", CB_QUALIFIER_ON, "Woche vom 21. Mai 2018" },
    { "199X", CB_QUALIFIER_ON, "die 1990er-Jahre" },
    { "2019-SU", CB_QUALIFIER_ON, "Sommer 2019" },
    { NULL, CB_QUALIFIER_ON, "undatiert" },
  };
  g_autofree char *many = NULL;
  g_autofree char *one = NULL;

  use_locale ("de_DE.UTF-8");
  /* A program of the build tree finds the build's catalogs. */
  g_assert_cmpstr (cb_locale_get_dir (), ==, BUILD_LOCALEDIR);
  bindtextdomain (GETTEXT_PACKAGE, cb_locale_get_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  check_cases (cases, G_N_ELEMENTS (cases));

  /* Plural forms and grouping, as the case list shows them. */
  one = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u event", "%'u events", 1), 1u);
  many = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u event", "%'u events", 1500), 1500u);
  g_assert_cmpstr (one, ==, "1 Ereignis");
  g_assert_cmpstr (many, ==, "1.500 Ereignisse");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The locale of each test decides, not the caller's language list. */
  g_unsetenv ("LANGUAGE");
  /* _() and C_() of <glib/gi18n.h> use the default domain, as in the app. */
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/date-format/c/dates", test_c_dates);
  g_test_add_func ("/date-format/c/between", test_c_between);
  g_test_add_func ("/date-format/c/round-trip", test_c_round_trip);
  g_test_add_func ("/date-format/c/counts", test_c_counts);
  g_test_add_func ("/date-format/de/locale-dates", test_german_locale_dates);
  g_test_add_func ("/date-format/de/locale-counts", test_german_locale_counts);
  g_test_add_func ("/date-format/de/translated", test_german_translated);

  return g_test_run ();
}
