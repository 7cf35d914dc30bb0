/* test-store.c — the SQLite store: migrations, round-trips, search, rollback, export
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "cb-store.h"
/* For the error-mapping test: the connection behind a CbStore. */
#include "cb-store-private.h"
#include "cb-test-support.h"

/* Invented article: non-ASCII letters and curly quotes before the spans make
 * character and byte offsets differ. */
static const char body_one[] =
  "Tomás Ríos-Ballard was convicted in 2009 of wire fraud.\n"
  "“I never stopped believing the truth would come out,” Ríos-Ballard said.\n"
  "His lawyer filed an appeal for Ríos-Ballard in March 2012.\n"
  "Greta Lindqvist joined the defence team in 2011.\n"
  "In 2015, Ríos-Ballard was released after the appeal & a retrial <finally>.\n";

static const char body_two[] =
  "TOMÁS RÍOS-BALLARD spoke at a conference on sentencing reform in 2019.\n"
  "Mr Ríos-Ballard now advises the commission.\n";

/* --- fixtures ------------------------------------------------------------ */

typedef struct
{
  char    *dir;
  char    *path;
  CbStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("casebook-store-XXXXXX", &error);
  g_assert_no_error (error);
  /* A folder that does not exist yet: the store creates it. */
  fixture->path = g_build_filename (fixture->dir, "nested", "folder", "casebook.db", NULL);
  fixture->store = cb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
    }
  g_remove (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("casebook-store-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static char *
file_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* --- building an extraction by hand ----------------------------------------- */

/* The span of the first @needle at or after byte @from, in characters. */
static CbSpan
span_of (const char *body,
         const char *needle)
{
  const char *found = strstr (body, needle);
  CbSpan span;

  g_assert_nonnull (found);
  span.start = (guint) g_utf8_pointer_to_offset (body, found);
  span.end = span.start + (guint) g_utf8_strlen (needle, -1);
  return span;
}

static CbPerson *
person_new (const char *body,
            const char *name,
            ...)
{
  CbPerson *person;
  va_list args;

  va_start (args, name);
  person = cb_test_person_new_va (name, args);
  va_end (args);

  /* One mention per alias occurrence (first occurrence is enough here). */
  for (guint i = 0; i < person->aliases->len; i++)
    {
      const char *form = g_ptr_array_index (person->aliases, i);
      if (strstr (body, form) != NULL)
        {
          CbSpan span = span_of (body, form);
          g_array_append_val (person->mentions, span);
        }
    }

  return person;
}

static CbTimex *
timex_new (const char *body,
           const char *text,
           const char *value)
{
  CbTimex *timex = g_new0 (CbTimex, 1);

  timex->span = span_of (body, text);
  timex->text = g_strdup (text);
  cb_fuzzy_date_clear (&timex->date);
  g_assert_true (cb_fuzzy_date_set_value (&timex->date, value));
  timex->date.anchor = CB_ANCHOR_ABSOLUTE;
  return timex;
}

static CbQuote *
quote_new (const char *body,
           const char *text,
           int         speaker)
{
  CbQuote *quote = g_new0 (CbQuote, 1);

  quote->span = span_of (body, text);
  quote->text = g_strdup (text);
  quote->speaker = speaker;
  return quote;
}

static CbEventMention *
event_new (const char *body,
           const char *clause,
           int         subject,
           int         timex,
           const char *action)
{
  CbEventMention *event = g_new0 (CbEventMention, 1);

  event->span = span_of (body, clause);
  event->description = g_strdup (clause);
  event->subject = subject;
  event->timex = timex;
  event->action = g_strdup (action);
  return event;
}

/* Freed here rather than with cb_extraction_free(): the test builds its own
 * structures and does not depend on the extractors. */
static void
test_person_free (gpointer data)
{
  CbPerson *person = data;

  g_free (person->name);
  g_ptr_array_unref (person->aliases);
  g_array_unref (person->mentions);
  g_free (person);
}

static void
test_timex_free (gpointer data)
{
  CbTimex *timex = data;

  g_free (timex->text);
  cb_fuzzy_date_clear (&timex->date);
  g_free (timex);
}

static void
test_quote_free (gpointer data)
{
  CbQuote *quote = data;

  g_free (quote->text);
  g_free (quote);
}

static void
test_event_free (gpointer data)
{
  CbEventMention *event = data;

  g_free (event->description);
  g_free (event->action);
  g_free (event);
}

static CbExtraction *
extraction_new (void)
{
  CbExtraction *extraction = g_new0 (CbExtraction, 1);

  extraction->sentences = g_array_new (FALSE, FALSE, sizeof (CbSentence));
  extraction->timexes = g_ptr_array_new_with_free_func (test_timex_free);
  extraction->persons = g_ptr_array_new_with_free_func (test_person_free);
  extraction->quotes = g_ptr_array_new_with_free_func (test_quote_free);
  extraction->events = g_ptr_array_new_with_free_func (test_event_free);
  return extraction;
}

static void
extraction_free (CbExtraction *extraction)
{
  g_array_unref (extraction->sentences);
  g_ptr_array_unref (extraction->timexes);
  g_ptr_array_unref (extraction->persons);
  g_ptr_array_unref (extraction->quotes);
  g_ptr_array_unref (extraction->events);
  g_free (extraction);
}

typedef CbExtraction TestExtraction;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestExtraction, extraction_free)

/* Persons: 0 Tomás Ríos-Ballard, 1 Greta Lindqvist.
 * Events: 0 convicted 2009 (legal), 1 appeal March 2012 (no action),
 *         2 Lindqvist 2011 (no action), 3 released 2015 (legal). */
static CbExtraction *
extraction_one (void)
{
  const char *b = body_one;
  CbExtraction *x = extraction_new ();

  g_ptr_array_add (x->persons, person_new (b, "Tomás Ríos-Ballard", "Ríos-Ballard", NULL));
  g_ptr_array_add (x->persons, person_new (b, "Greta Lindqvist", NULL));

  g_ptr_array_add (x->timexes, timex_new (b, "2009", "2009"));
  g_ptr_array_add (x->timexes, timex_new (b, "March 2012", "2012-03"));
  g_ptr_array_add (x->timexes, timex_new (b, "2011", "2011"));
  g_ptr_array_add (x->timexes, timex_new (b, "2015", "2015"));

  g_ptr_array_add (x->quotes, quote_new (b, "I never stopped believing the truth would come out,", 0));

  g_ptr_array_add (x->events, event_new (b, "Tomás Ríos-Ballard was convicted in 2009 of wire fraud", 0, 0, "convicted"));
  g_ptr_array_add (x->events, event_new (b, "His lawyer filed an appeal for Ríos-Ballard in March 2012", 0, 1, NULL));
  g_ptr_array_add (x->events, event_new (b, "Greta Lindqvist joined the defence team in 2011", 1, 2, NULL));
  g_ptr_array_add (x->events, event_new (b, "In 2015, Ríos-Ballard was released", 0, 3, "released"));

  return x;
}

/* The same person under an upper-case form, one non-legal event. */
static CbExtraction *
extraction_two (void)
{
  const char *b = body_two;
  CbExtraction *x = extraction_new ();

  g_ptr_array_add (x->persons, person_new (b, "TOMÁS RÍOS-BALLARD", "Mr Ríos-Ballard", NULL));
  g_ptr_array_add (x->timexes, timex_new (b, "2019", "2019"));
  g_ptr_array_add (x->events, event_new (b, "TOMÁS RÍOS-BALLARD spoke at a conference on sentencing reform in 2019", 0, 0, NULL));
  return x;
}

static CbArticle *
article_new (const char *title,
             const char *published,
             const char *body)
{
  return cb_article_new (title, "https://example.org/news", "A. Reporter",
                         published, "/tmp/article.txt", NULL, body);
}

static gint64
add_article (CbStore            *store,
             const char         *title,
             const char         *published,
             const char         *body,
             const CbExtraction *extraction)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbArticle) article = article_new (title, published, body);
  gint64 id;

  id = cb_store_add_article (store, article, extraction, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (cb_article_get_id (article), ==, id);
  return id;
}

static guint
count_of (GPtrArray *array)
{
  g_assert_nonnull (array);
  return array != NULL ? array->len : 0;
}

typedef struct
{
  guint articles;
  guint persons;
  guint events;
  guint excerpts;
  guint cases;
} Counts;

static Counts
counts (CbStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) persons = cb_store_list_persons (store, &error);
  g_autoptr(GPtrArray) events = cb_store_list_events (store, 0, &error);
  g_autoptr(GPtrArray) excerpts = cb_store_list_excerpts (store, 0, 0, &error);
  g_autoptr(GPtrArray) cases = cb_store_list_cases (store, &error);
  Counts c;

  g_assert_no_error (error);
  c.articles = cb_store_count_articles (store);
  c.persons = count_of (persons);
  c.events = count_of (events);
  c.excerpts = count_of (excerpts);
  c.cases = count_of (cases);
  return c;
}

static void
assert_counts_equal (Counts a,
                     Counts b)
{
  g_assert_cmpuint (a.articles, ==, b.articles);
  g_assert_cmpuint (a.persons, ==, b.persons);
  g_assert_cmpuint (a.events, ==, b.events);
  g_assert_cmpuint (a.excerpts, ==, b.excerpts);
  g_assert_cmpuint (a.cases, ==, b.cases);
}

/* --- migrations and opening ------------------------------------------------ */

static int
pragma_int (const char *path,
            const char *pragma)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_migrations_fresh (Fixture       *fixture,
                       gconstpointer  data)
{
  g_assert_cmpint (cb_store_get_schema_version (fixture->store), ==, CB_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (cb_store_get_path (fixture->store), ==, fixture->path);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (pragma_int (fixture->path, "PRAGMA user_version"), ==, CB_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, 0);
}

static void
test_migrations_wal (Fixture       *fixture,
                     gconstpointer  data)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_migrations_reopen (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TestExtraction) extraction = extraction_one ();
  g_autoptr(CbStore) reopened = NULL;
  g_autoptr(CbArticle) article = NULL;
  gint64 id;

  id = add_article (fixture->store, "Fraud conviction overturned", "2016-01-04", body_one, extraction);
  g_clear_object (&fixture->store);

  reopened = cb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cb_store_get_schema_version (reopened), ==, CB_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (cb_store_count_articles (reopened), ==, 1);

  article = cb_store_get_article (reopened, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cb_article_get_body (article), ==, body_one);
  g_assert_cmpuint (counts (reopened).cases, ==, 1);
}

static void
test_migrations_too_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CbStore) store = NULL;
  sqlite3 *db = NULL;

  /* A database "from the future", in rollback-journal mode. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE future_things (id INTEGER PRIMARY KEY, x TEXT);"
                                 "INSERT INTO future_things (x) VALUES ('keep me');"
                                 "PRAGMA user_version = 999;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  before = file_checksum (path);

  store = cb_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "999"));
  g_assert_nonnull (strstr (error->message, G_STRINGIFY (CB_STORE_SCHEMA_VERSION)));

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  /* Not switched to WAL either. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (pragma_int (path, "PRAGMA user_version"), ==, 999);

  remove_tree (dir);
}

/* What a name key is, worked out the long way: NFKC, case folded, runs of
 * white space made one space, none at the ends. */
static char *
reference_name_key (const char *name)
{
  g_autofree char *normalized = g_utf8_normalize (name, -1, G_NORMALIZE_ALL_COMPOSE);
  g_autofree char *folded = g_utf8_casefold (normalized, -1);
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) key = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        g_string_append_c (key, ' ');
      else
        g_string_append_unichar (key, c);
    }
  words = g_strsplit (key->str, " ", -1);
  g_string_truncate (key, 0);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (key->len > 0)
        g_string_append_c (key, ' ');
      g_string_append (key, words[i]);
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* Name keys: the ASCII ones (worked out without normalizing) and the others
 * are the same as the long way's. */
static void
test_name_key (void)
{
  const char *names[] = {
    "Jo Writer", "  MARY   o'NEILL\t", "a\r\nb\fc", "Dr. J. R. Smith-Jones", "x", "",
    "   ", "Ünal Çelik", "ＦＵＬＬ Ｗｉｄｔｈ", "Ǆ ligature", "Straße  MAIER", "ÉLODIE\u00a0Dupont",
  };
  g_autofree char *empty = _cb_store_name_key (NULL);

  g_assert_cmpstr (empty, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *key = _cb_store_name_key (names[i]);
      g_autofree char *expected = reference_name_key (names[i]);

      g_assert_cmpstr (key, ==, expected);
    }
  {
    g_autofree char *key = _cb_store_name_key ("  MARY   o'NEILL\t");

    g_assert_cmpstr (key, ==, "mary o'neill");
  }
}

/* Where the kernel has 2 MB pages, SQLite keeps the pages it reads in the
 * mapping of cb-store-page-cache.c (set up before its first use), not in
 * pages malloc()ed one by one; elsewhere it keeps its own way. */
static void
test_page_cache_mapping (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *setting = NULL;
  gboolean huge_pages = FALSE;
  int used = 0, highwater = 0;

  if (g_file_get_contents ("/sys/kernel/mm/transparent_hugepage/enabled", &setting, NULL, NULL))
    huge_pages = strstr (setting, "[always]") != NULL || strstr (setting, "[madvise]") != NULL;

  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, 0);
  g_assert_cmpint (sqlite3_status (SQLITE_STATUS_PAGECACHE_USED, &used, &highwater, FALSE), ==, SQLITE_OK);
  if (huge_pages)
    g_assert_cmpint (used, >, 0);
  else
    g_assert_cmpint (used, ==, 0);
  g_assert_cmpint (sqlite3_status (SQLITE_STATUS_PAGECACHE_OVERFLOW, &used, &highwater, FALSE), ==, SQLITE_OK);
  g_assert_cmpint (used, ==, 0);
}

static void
test_open_corrupt (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CbStore) store = NULL;
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < 64; i++)
    g_string_append (text, "These are plain notes, certainly not an SQLite database.\n");
  g_file_set_contents (path, text->str, (gssize) text->len, &error);
  g_assert_no_error (error);
  g_string_free (text, TRUE);

  before = file_checksum (path);
  store = cb_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  remove_tree (dir);
}

static void
test_open_foreign (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "other-app.sqlite", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CbStore) store = NULL;
  sqlite3 *db = NULL;

  /* Another program's SQLite file: no user_version, tables of its own. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE bookmarks (url TEXT);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  before = file_checksum (path);
  store = cb_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_CORRUPT);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  remove_tree (dir);
}

static void
test_default_path (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("CASEBOOK_DB"));
  g_autofree char *from_env = NULL;
  g_autofree char *fallback = NULL;

  g_setenv ("CASEBOOK_DB", "/somewhere/else.db", TRUE);
  from_env = cb_store_dup_default_path ();
  g_assert_cmpstr (from_env, ==, "/somewhere/else.db");

  g_unsetenv ("CASEBOOK_DB");
  fallback = cb_store_dup_default_path ();
  g_assert_true (g_str_has_suffix (fallback, G_DIR_SEPARATOR_S "casebook" G_DIR_SEPARATOR_S "casebook.db"));
  g_assert_true (g_str_has_prefix (fallback, g_get_user_data_dir ()));

  if (saved != NULL)
    g_setenv ("CASEBOOK_DB", saved, TRUE);
}

/* --- articles ------------------------------------------------------------------ */

static void
test_article_round_trip (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbArticle) article = NULL;
  g_autoptr(CbArticle) stored = NULL;
  g_autoptr(CbArticle) by_sha = NULL;
  g_autoptr(CbArticle) missing = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *title = NULL;
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body_one, -1);
  gint64 id, older_id;

  article = cb_article_new ("Fraud conviction overturned", "https://example.org/a", "Jo Writer",
                            "2016-01-04", "/data/a.txt", sha256, body_one);
  id = cb_store_add_article (fixture->store, article, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (cb_article_get_id (article), ==, id);
  g_assert_nonnull (cb_article_get_imported_at (article));
  g_assert_true (g_str_has_suffix (cb_article_get_imported_at (article), "Z"));

  /* An undated article, without metadata: newest-first lists it after dated ones. */
  older_id = add_article (fixture->store, "Notes", NULL, body_two, NULL);

  stored = cb_store_get_article (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cb_article_get_id (stored), ==, id);
  g_assert_cmpstr (cb_article_get_title (stored), ==, "Fraud conviction overturned");
  g_assert_cmpstr (cb_article_get_source (stored), ==, "https://example.org/a");
  g_assert_cmpstr (cb_article_get_author (stored), ==, "Jo Writer");
  g_assert_cmpstr (cb_article_get_published (stored), ==, "2016-01-04");
  g_assert_cmpstr (cb_article_get_path (stored), ==, "/data/a.txt");
  g_assert_cmpstr (cb_article_get_sha256 (stored), ==, sha256);
  g_assert_cmpstr (cb_article_get_imported_at (stored), ==, cb_article_get_imported_at (article));
  g_assert_cmpstr (cb_article_get_body (stored), ==, body_one);

  by_sha = cb_store_find_article_by_sha256 (fixture->store, sha256, &error);
  g_assert_no_error (error);
  g_assert_nonnull (by_sha);
  g_assert_cmpint (cb_article_get_id (by_sha), ==, id);
  g_assert_null (cb_store_find_article_by_sha256 (fixture->store, "0000", &error));
  g_assert_no_error (error);

  list = cb_store_list_articles (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (cb_article_get_id (g_ptr_array_index (list, 0)), ==, id);
  g_assert_cmpint (cb_article_get_id (g_ptr_array_index (list, 1)), ==, older_id);
  g_assert_null (cb_article_get_body (g_ptr_array_index (list, 0)));
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, 2);

  missing = cb_store_get_article (fixture->store, id + 100, &error);
  g_assert_null (missing);
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The title alone, as the timeline's tooltips ask for it. */
  title = cb_store_get_article_title (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (title, ==, "Fraud conviction overturned");
  g_assert_null (cb_store_get_article_title (fixture->store, id + 100, &error));
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND);
}

/* --- extraction round-trip ------------------------------------------------------ */

static CbPersonRecord *
find_person (GPtrArray  *persons,
             const char *name)
{
  for (guint i = 0; i < persons->len; i++)
    if (g_strcmp0 (cb_person_record_get_name (g_ptr_array_index (persons, i)), name) == 0)
      return g_ptr_array_index (persons, i);
  return NULL;
}

static gboolean
strv_has (const char * const *strv,
          const char         *str)
{
  return g_strv_contains (strv, str);
}

static char *
body_substring (const char *body,
                guint       start,
                guint       end)
{
  const char *p = g_utf8_offset_to_pointer (body, start);
  const char *q = g_utf8_offset_to_pointer (body, end);

  return g_strndup (p, (gsize) (q - p));
}

static void
test_extraction_round_trip (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TestExtraction) one = extraction_one ();
  g_autoptr(TestExtraction) two = extraction_two ();
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) case_events = NULL;
  g_autoptr(GPtrArray) all_events = NULL;
  g_autoptr(GPtrArray) case_excerpts = NULL;
  g_autoptr(GPtrArray) event_excerpts = NULL;
  g_autoptr(CbCaseFile) case_file = NULL;
  CbPersonRecord *tomas, *greta;
  CbCaseFile *the_case;
  CbEvent *event;
  CbExcerpt *quote = NULL;
  gint64 article_one, article_two;
  guint n_quotes = 0, n_passages = 0;

  article_one = add_article (fixture->store, "Fraud conviction overturned", "2016-01-04", body_one, one);

  /* People: two, with aliases and mentions. */
  persons = cb_store_list_persons (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (persons->len, ==, 2);
  tomas = find_person (persons, "Tomás Ríos-Ballard");
  greta = find_person (persons, "Greta Lindqvist");
  g_assert_nonnull (tomas);
  g_assert_nonnull (greta);
  g_assert_true (strv_has (cb_person_record_get_aliases (tomas), "Ríos-Ballard"));
  g_assert_cmpuint (cb_person_record_get_mention_count (tomas), ==, 2);
  g_assert_cmpuint (cb_person_record_get_mention_count (greta), ==, 1);

  /* One suggested case, for the subject of the legal events only. */
  cases = cb_store_list_cases (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  the_case = g_ptr_array_index (cases, 0);
  g_assert_cmpstr (cb_case_file_get_title (the_case), ==, "Tomás Ríos-Ballard");
  g_assert_cmpint (cb_case_file_get_subject_id (the_case), ==, cb_person_record_get_id (tomas));
  g_assert_cmpstr (cb_case_file_get_subject_name (the_case), ==, "Tomás Ríos-Ballard");
  g_assert_cmpint (cb_case_file_get_status (the_case), ==, CB_CASE_STATUS_OPEN);
  g_assert_cmpint (cb_case_file_get_review (the_case), ==, CB_REVIEW_SUGGESTED);
  /* All three of the subject's events, the non-legal appeal included. */
  g_assert_cmpuint (cb_case_file_get_event_count (the_case), ==, 3);
  g_assert_cmpuint (cb_case_file_get_source_count (the_case), ==, 1);

  case_file = cb_store_get_case (fixture->store, cb_case_file_get_id (the_case), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cb_case_file_get_title (case_file), ==, cb_case_file_get_title (the_case));

  /* Events: chronological, with dates, spans and subjects. */
  case_events = cb_store_list_events (fixture->store, cb_case_file_get_id (the_case), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (case_events->len, ==, 3);

  event = g_ptr_array_index (case_events, 0);
  g_assert_cmpstr (cb_event_get_date (event)->value, ==, "2009");
  g_assert_cmpint (cb_event_get_date (event)->precision, ==, CB_PRECISION_YEAR);
  g_assert_cmpint (cb_event_get_date (event)->anchor, ==, CB_ANCHOR_ABSOLUTE);
  g_assert_cmpuint (cb_event_get_date (event)->earliest, >, 0);
  g_assert_cmpstr (cb_event_get_date_text (event), ==, "2009");
  g_assert_cmpstr (cb_event_get_description (event), ==, "Tomás Ríos-Ballard was convicted in 2009 of wire fraud");
  g_assert_cmpstr (cb_event_get_subject_name (event), ==, "Tomás Ríos-Ballard");
  g_assert_cmpint (cb_event_get_review (event), ==, CB_REVIEW_SUGGESTED);
  g_assert_cmpint (cb_event_get_article_id (event), ==, article_one);
  g_assert_cmpint (cb_event_get_case_id (event), ==, cb_case_file_get_id (the_case));
  g_assert_cmpuint (cb_event_get_source_count (event), ==, 1);
  {
    g_autofree char *slice = body_substring (body_one, cb_event_get_start (event), cb_event_get_end (event));
    g_autofree char *value = NULL;
    g_autofree char *label = NULL;

    g_assert_cmpstr (slice, ==, "Tomás Ríos-Ballard was convicted in 2009 of wire fraud");
    g_object_get (event, "value", &value, "date-label", &label, NULL);
    g_assert_cmpstr (value, ==, "2009");
    g_assert_nonnull (label);
    g_assert_nonnull (strstr (label, "2009"));
  }

  event = g_ptr_array_index (case_events, 1);
  g_assert_cmpstr (cb_event_get_date (event)->value, ==, "2012-03");
  {
    g_autofree char *slice = body_substring (body_one, cb_event_get_start (event), cb_event_get_end (event));
    g_assert_cmpstr (slice, ==, "His lawyer filed an appeal for Ríos-Ballard in March 2012");
  }
  event = g_ptr_array_index (case_events, 2);
  g_assert_cmpstr (cb_event_get_date (event)->value, ==, "2015");

  /* The other person's event is in no case. */
  all_events = cb_store_list_events (fixture->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all_events->len, ==, 4);
  g_assert_cmpstr (cb_event_get_date (g_ptr_array_index (all_events, 1))->value, ==, "2011");
  g_assert_cmpint (cb_event_get_case_id (g_ptr_array_index (all_events, 1)), ==, 0);
  g_assert_cmpstr (cb_event_get_subject_name (g_ptr_array_index (all_events, 1)), ==, "Greta Lindqvist");

  /* Excerpts of the case: three passages and the subject's quote. */
  case_excerpts = cb_store_list_excerpts (fixture->store, cb_case_file_get_id (the_case), 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < case_excerpts->len; i++)
    {
      CbExcerpt *excerpt = g_ptr_array_index (case_excerpts, i);
      g_autofree char *slice = body_substring (body_one, cb_excerpt_get_start (excerpt),
                                               cb_excerpt_get_end (excerpt));

      g_assert_cmpstr (cb_excerpt_get_text (excerpt), ==, slice);
      g_assert_cmpint (cb_excerpt_get_article_id (excerpt), ==, article_one);
      g_assert_cmpstr (cb_excerpt_get_article_title (excerpt), ==, "Fraud conviction overturned");
      g_assert_cmpstr (cb_excerpt_get_article_published (excerpt), ==, "2016-01-04");
      if (i > 0)
        g_assert_cmpuint (cb_excerpt_get_start (excerpt), >=,
                          cb_excerpt_get_start (g_ptr_array_index (case_excerpts, i - 1)));

      if (cb_excerpt_get_kind (excerpt) == CB_EXCERPT_QUOTE)
        {
          quote = excerpt;
          n_quotes++;
        }
      else
        {
          g_assert_cmpint (cb_excerpt_get_event_id (excerpt), >, 0);
          n_passages++;
        }
    }
  g_assert_cmpuint (n_quotes, ==, 1);
  g_assert_cmpuint (n_passages, ==, 3);
  g_assert_nonnull (quote);
  g_assert_cmpstr (cb_excerpt_get_text (quote), ==, "I never stopped believing the truth would come out,");
  g_assert_cmpstr (cb_excerpt_get_speaker_name (quote), ==, "Tomás Ríos-Ballard");
  g_assert_cmpint (cb_excerpt_get_speaker_id (quote), ==, cb_person_record_get_id (tomas));
  g_assert_cmpint (cb_excerpt_get_event_id (quote), ==, 0);

  /* Excerpts of one event: its source passage. */
  event = g_ptr_array_index (case_events, 2);
  event_excerpts = cb_store_list_excerpts (fixture->store, 0, cb_event_get_id (event), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (event_excerpts->len, ==, 1);
  g_assert_cmpstr (cb_excerpt_get_text (g_ptr_array_index (event_excerpts, 0)), ==,
                   "In 2015, Ríos-Ballard was released");
  g_assert_cmpint (cb_excerpt_get_event_id (g_ptr_array_index (event_excerpts, 0)), ==,
                   cb_event_get_id (event));

  /* A second article names the same person in capitals: matched, not
   * duplicated; its event joins the existing case. */
  article_two = add_article (fixture->store, "Reform conference", "2019-10-02", body_two, two);
  g_assert_cmpint (article_two, !=, article_one);

  g_clear_pointer (&persons, g_ptr_array_unref);
  persons = cb_store_list_persons (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (persons->len, ==, 2);
  tomas = find_person (persons, "Tomás Ríos-Ballard");
  g_assert_nonnull (tomas);
  g_assert_true (strv_has (cb_person_record_get_aliases (tomas), "Mr Ríos-Ballard"));
  g_assert_cmpuint (cb_person_record_get_mention_count (tomas), ==, 4);

  g_clear_pointer (&cases, g_ptr_array_unref);
  cases = cb_store_list_cases (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpuint (cb_case_file_get_event_count (g_ptr_array_index (cases, 0)), ==, 4);
  g_assert_cmpuint (cb_case_file_get_source_count (g_ptr_array_index (cases, 0)), ==, 2);
}

/* --- search ------------------------------------------------------------------ */

static GPtrArray *
search (CbStore    *store,
        const char *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = cb_store_search (store, query, 20, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

/* Pango markup is XML-like: the snippet must parse inside one element. */
static void
assert_valid_markup (const char *markup)
{
  static const GMarkupParser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wrapped = g_strdup_printf ("<markup>%s</markup>", markup);

  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_markup_parse_context_parse (context, wrapped, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  static const char * const hostile[] = {
    "\"", "\"\"", "AND(", "AND", "OR", "NOT", "*", "NEAR", "NEAR(a b)", "a NEAR/2 b",
    "'; DROP TABLE article; --", "title:fraud", "^fraud", "(", ")", "{fraud}", "-fraud",
    "+", "...", "“”‘’", "\\", "%_", "fraud*\"", "\x01\x02\x03", "🙂", "",
  };
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *plain = NULL;
  CbSearchHit *hit;
  gint64 one, two;

  one = add_article (fixture->store, "Fraud conviction overturned", "2016-01-04", body_one, NULL);
  two = add_article (fixture->store, "Reform conference", "2019-10-02", body_two, NULL);

  /* A word of the body: its character offset, a marked snippet. */
  hits = search (fixture->store, "released");
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (cb_search_hit_get_article_id (hit), ==, one);
  g_assert_cmpstr (cb_search_hit_get_title (hit), ==, "Fraud conviction overturned");
  g_assert_cmpint (cb_search_hit_get_match_start (hit), ==,
                   (int) g_utf8_pointer_to_offset (body_one, strstr (body_one, "released")));
  g_assert_nonnull (strstr (cb_search_hit_get_snippet (hit),
                            CB_SEARCH_MATCH_START "released" CB_SEARCH_MATCH_END));
  markup = cb_search_hit_dup_snippet_markup (hit);
  g_assert_nonnull (strstr (markup, "<b>released</b>"));
  g_assert_null (strchr (markup, '\x02'));
  assert_valid_markup (markup);
  plain = cb_search_hit_dup_snippet_plain (hit);
  g_assert_nonnull (strstr (plain, "[released]"));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Prefix, case and diacritics: "TOMAS" finds "Tomás" / "TOMÁS". */
  hits = search (fixture->store, "tomas");
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture->store, "CONVIC");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Words are AND-ed. */
  hits = search (fixture->store, "conference commission");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (cb_search_hit_get_article_id (g_ptr_array_index (hits, 0)), ==, two);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture->store, "conference fraud");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A match in the title only has no body offset. */
  hits = search (fixture->store, "overturned");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (cb_search_hit_get_match_start (g_ptr_array_index (hits, 0)), ==, -1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Punctuation around words is ignored, quotes cannot break the query. */
  hits = search (fixture->store, "\"released\" ((*^");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GPtrArray) h = search (fixture->store, hostile[i]);
      g_assert_cmpuint (h->len, <=, 2);
    }

  hits = search (fixture->store, "");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture->store, " ?!.,;:-- ");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Nothing was dropped. */
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, 2);
  hits = search (fixture->store, "wire");
  g_assert_cmpuint (hits->len, ==, 1);
}

static void
test_search_hit_markup (void)
{
  g_autoptr(CbSearchHit) hit = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *from_property = NULL;

  hit = cb_search_hit_new (7, "T", "a <b> & " CB_SEARCH_MATCH_START "x&y" CB_SEARCH_MATCH_END " end", 12);
  markup = cb_search_hit_dup_snippet_markup (hit);
  g_assert_cmpstr (markup, ==, "a &lt;b&gt; &amp; <b>x&amp;y</b> end");
  assert_valid_markup (markup);
  plain = cb_search_hit_dup_snippet_plain (hit);
  g_assert_cmpstr (plain, ==, "a <b> & [x&y] end");
  g_object_get (hit, "snippet-markup", &from_property, NULL);
  g_assert_cmpstr (from_property, ==, markup);
  g_assert_cmpint (cb_search_hit_get_match_start (hit), ==, 12);
}

/* --- duplicates and rollback -------------------------------------------------- */

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TestExtraction) first = extraction_one ();
  g_autoptr(TestExtraction) again = extraction_one ();
  g_autoptr(CbArticle) copy = NULL;
  Counts before;
  gint64 id;

  add_article (fixture->store, "Fraud conviction overturned", "2016-01-04", body_one, first);
  before = counts (fixture->store);

  copy = article_new ("Same text, other title", NULL, body_one);
  id = cb_store_add_article (fixture->store, copy, again, &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "Fraud conviction overturned"));
  g_assert_cmpint (cb_article_get_id (copy), ==, 0);
  assert_counts_equal (before, counts (fixture->store));
}

static void
assert_add_fails_cleanly (Fixture      *fixture,
                          CbExtraction *extraction,
                          const char   *unique_word)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbArticle) article = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *body = g_strdup_printf ("%s\nThe word %s appears only here.\n", body_one, unique_word);
  Counts before = counts (fixture->store);
  gint64 id;

  article = article_new ("Broken extraction", "2016-01-04", body);
  id = cb_store_add_article (fixture->store, article, extraction, &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_FAILED);
  g_assert_cmpint (cb_article_get_id (article), ==, 0);

  assert_counts_equal (before, counts (fixture->store));
  hits = search (fixture->store, unique_word);
  g_assert_cmpuint (hits->len, ==, 0);
}

static void
test_rollback (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TestExtraction) good = extraction_two ();
  g_autoptr(TestExtraction) bad_speaker = extraction_one ();
  g_autoptr(TestExtraction) bad_timex = extraction_one ();
  g_autoptr(TestExtraction) bad_subject = extraction_one ();
  g_autoptr(TestExtraction) bad_span = extraction_one ();
  CbQuote *quote;
  CbEventMention *event;
  Counts after;

  /* Something stored before, so that "unchanged" is not just "empty". */
  add_article (fixture->store, "Reform conference", "2019-10-02", body_two, good);

  /* The article and its people are written before the bad quote is met:
   * what fails is the transaction, not an up-front check. */
  quote = g_ptr_array_index (bad_speaker->quotes, 0);
  quote->speaker = 5;
  assert_add_fails_cleanly (fixture, bad_speaker, "zanzibarquote");

  event = g_ptr_array_index (bad_timex->events, 3);
  event->timex = 42;
  assert_add_fails_cleanly (fixture, bad_timex, "zanzibartimex");

  event = g_ptr_array_index (bad_subject->events, 2);
  event->subject = -7;
  assert_add_fails_cleanly (fixture, bad_subject, "zanzibarsubject");

  event = g_ptr_array_index (bad_span->events, 1);
  event->span.end = 100000;
  assert_add_fails_cleanly (fixture, bad_span, "zanzibarspan");

  /* The connection is usable afterwards and the valid import still works. */
  quote->speaker = 0;
  add_article (fixture->store, "Fraud conviction overturned", "2016-01-04", body_one, bad_speaker);
  after = counts (fixture->store);
  g_assert_cmpuint (after.articles, ==, 2);
  g_assert_cmpuint (after.persons, ==, 2);
  g_assert_cmpuint (after.cases, ==, 1);
}

static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TestExtraction) one = extraction_one ();
  g_autoptr(CbArticle) article = NULL;
  g_autoptr(GString) big = g_string_new (body_one);
  Counts before;
  gint64 id;

  add_article (fixture->store, "Reform conference", "2019-10-02", body_two, NULL);
  before = counts (fixture->store);

  /* A file that may not grow stands in for a full disk. */
  {
    sqlite3_stmt *stmt = NULL;
    g_autofree char *limit = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (fixture->store->db, "PRAGMA page_count", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    limit = g_strdup_printf ("PRAGMA max_page_count = %d", sqlite3_column_int (stmt, 0) + 2);
    sqlite3_finalize (stmt);
    g_assert_cmpint (sqlite3_exec (fixture->store->db, limit, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  for (guint i = 0; i < 2000; i++)
    g_string_append (big, "Padding sentence number so many that the file has to grow.\n");

  article = article_new ("Too big", "2016-01-04", big->str);
  id = cb_store_add_article (fixture->store, article, one, &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, CB_STORE_ERROR, CB_STORE_ERROR_FULL);
  assert_counts_equal (before, counts (fixture->store));
}

static void
test_error_mapping (void)
{
  struct { int rc; int code; } cases[] = {
    { SQLITE_FULL, CB_STORE_ERROR_FULL },
    { SQLITE_READONLY, CB_STORE_ERROR_READ_ONLY },
    { SQLITE_READONLY_DBMOVED, CB_STORE_ERROR_READ_ONLY },
    { SQLITE_NOTADB, CB_STORE_ERROR_CORRUPT },
    { SQLITE_CORRUPT, CB_STORE_ERROR_CORRUPT },
    { SQLITE_IOERR, CB_STORE_ERROR_FAILED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      _cb_store_set_error (NULL, cases[i].rc, "Testing", &error);
      g_assert_error (error, CB_STORE_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, "Testing"));
    }
}

static void
test_caller_transaction (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TestExtraction) one = extraction_one ();
  Counts before = counts (fixture->store);

  /* Inside the caller's transaction the caller decides. */
  g_assert_true (cb_store_begin (fixture->store, &error));
  g_assert_no_error (error);
  add_article (fixture->store, "Fraud conviction overturned", "2016-01-04", body_one, one);
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, 1);
  cb_store_rollback (fixture->store);
  assert_counts_equal (before, counts (fixture->store));

  g_assert_true (cb_store_begin (fixture->store, &error));
  add_article (fixture->store, "Fraud conviction overturned", "2016-01-04", body_one, one);
  g_assert_true (cb_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts (fixture->store).articles, ==, 1);
  g_assert_cmpuint (counts (fixture->store).events, ==, 4);
}

static void
test_data_version (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbStore) other = cb_store_open (fixture->path, &error);
  gint64 before;

  g_assert_no_error (error);
  before = cb_store_get_data_version (fixture->store);
  g_assert_cmpint (cb_store_get_data_version (fixture->store), ==, before);

  add_article (other, "Reform conference", "2019-10-02", body_two, NULL);
  g_assert_cmpint (cb_store_get_data_version (fixture->store), !=, before);
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, 1);
}

/* --- export --------------------------------------------------------------------- */

static void
test_export_json (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TestExtraction) one = extraction_one ();
  g_autoptr(TestExtraction) two = extraction_two ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  JsonObject *root, *the_case, *first_event, *date;
  JsonArray *articles, *persons, *cases, *events, *sources;

  add_article (fixture->store, "Fraud conviction overturned", "2016-01-04", body_one, one);
  add_article (fixture->store, "Reform conference", "2019-10-02", body_two, two);

  node = cb_store_export_json (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);

  articles = json_object_get_array_member (root, "articles");
  g_assert_cmpuint (json_array_get_length (articles), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (articles, 0), "body"),
                   ==, body_one);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (articles, 1), "published"),
                   ==, "2019-10-02");

  persons = json_object_get_array_member (root, "persons");
  g_assert_cmpuint (json_array_get_length (persons), ==, 2);

  cases = json_object_get_array_member (root, "cases");
  g_assert_cmpuint (json_array_get_length (cases), ==, 1);
  the_case = json_array_get_object_element (cases, 0);
  g_assert_cmpstr (json_object_get_string_member (the_case, "title"), ==, "Tomás Ríos-Ballard");
  g_assert_cmpstr (json_object_get_string_member (the_case, "status"), ==, "open");
  g_assert_cmpstr (json_object_get_string_member (the_case, "review"), ==, "suggested");

  events = json_object_get_array_member (the_case, "events");
  g_assert_cmpuint (json_array_get_length (events), ==, 4);
  first_event = json_array_get_object_element (events, 0);
  date = json_object_get_object_member (first_event, "date");
  g_assert_cmpstr (json_object_get_string_member (date, "value"), ==, "2009");
  g_assert_cmpstr (json_object_get_string_member (date, "precision"), ==, "year");
  g_assert_cmpstr (json_object_get_string_member (date, "earliest"), ==, "2009-01-01");
  g_assert_cmpstr (json_object_get_string_member (date, "latest"), ==, "2009-12-31");
  g_assert_cmpstr (json_object_get_string_member (first_event, "review"), ==, "suggested");
  sources = json_object_get_array_member (first_event, "sources");
  g_assert_cmpuint (json_array_get_length (sources), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sources, 0), "text"),
                   ==, "Tomás Ríos-Ballard was convicted in 2009 of wire fraud");

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (the_case, "excerpts")), ==, 5);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "unfiled_events")), ==, 1);
}

/* --- model objects ------------------------------------------------------------ */

static void
test_types (void)
{
  for (int r = CB_REVIEW_SUGGESTED; r <= CB_REVIEW_REJECTED; r++)
    g_assert_cmpint (cb_review_from_string (cb_review_to_string (r)), ==, r);
  for (int s = CB_CASE_STATUS_OPEN; s <= CB_CASE_STATUS_CLOSED; s++)
    {
      g_assert_cmpint (cb_case_status_from_string (cb_case_status_to_string (s)), ==, s);
      g_assert_nonnull (cb_case_status_to_label (s));
    }
  for (int k = CB_EXCERPT_QUOTE; k <= CB_EXCERPT_PASSAGE; k++)
    g_assert_cmpint (cb_excerpt_kind_from_string (cb_excerpt_kind_to_string (k)), ==, k);
  g_assert_cmpstr (cb_review_to_string (CB_REVIEW_ACCEPTED), ==, "accepted");
  g_assert_cmpstr (cb_case_status_to_string (CB_CASE_STATUS_GRANTED), ==, "granted");
  g_assert_cmpint (cb_review_from_string ("nonsense"), ==, CB_REVIEW_SUGGESTED);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_model_properties (void)
{
  g_autoptr(CbArticle) article = article_new ("Title", "2018", "Body");
  g_autoptr(CbCaseFile) case_file = NULL;
  g_autoptr(CbPersonRecord) person = NULL;
  g_autoptr(CbExcerpt) excerpt = NULL;
  const char *aliases[] = { "Ada Okonkwo", "Okonkwo", NULL };
  g_auto(GStrv) aliases_out = NULL;
  g_autofree char *label = NULL;
  gboolean suggested = FALSE;
  guint notified = 0;
  gint64 id = -1;
  int status = -1;

  g_signal_connect (article, "notify::id", G_CALLBACK (count_notify_cb), &notified);
  cb_article_set_id (article, 12);
  cb_article_set_id (article, 12);
  g_assert_cmpuint (notified, ==, 1);
  g_object_get (article, "id", &id, NULL);
  g_assert_cmpint (id, ==, 12);
  g_assert_true (g_object_class_find_property (G_OBJECT_GET_CLASS (article), "body")->flags & G_PARAM_CONSTRUCT_ONLY);

  case_file = cb_case_file_new (3, "Ada Okonkwo", 9, "Ada Okonkwo", CB_CASE_STATUS_GRANTED,
                                NULL, CB_REVIEW_SUGGESTED, 4, 2);
  g_object_get (case_file, "status", &status, "status-label", &label, "suggested", &suggested, NULL);
  g_assert_cmpint (status, ==, CB_CASE_STATUS_GRANTED);
  g_assert_cmpstr (label, ==, cb_case_status_to_label (CB_CASE_STATUS_GRANTED));
  g_assert_true (suggested);
  g_assert_cmpuint (cb_case_file_get_event_count (case_file), ==, 4);
  g_assert_false (g_object_class_find_property (G_OBJECT_GET_CLASS (case_file), "status-label")->flags & G_PARAM_WRITABLE);

  person = cb_person_record_new (9, "Ada Okonkwo", aliases, 5);
  g_object_get (person, "aliases", &aliases_out, NULL);
  g_assert_cmpuint (g_strv_length (aliases_out), ==, 2);
  g_assert_cmpstr (cb_person_record_get_aliases (person)[1], ==, "Okonkwo");

  excerpt = cb_excerpt_new (1, 2, "Title", NULL, 5, 9, "text", 0, NULL, CB_EXCERPT_QUOTE, 0);
  g_assert_cmpint (cb_excerpt_get_kind (excerpt), ==, CB_EXCERPT_QUOTE);
  g_assert_cmpuint (cb_excerpt_get_end (excerpt), ==, 9);
  g_assert_null (cb_excerpt_get_speaker_name (excerpt));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store/migrations/fresh", test_migrations_fresh);
  ADD ("/store/migrations/wal", test_migrations_wal);
  ADD ("/store/migrations/reopen", test_migrations_reopen);
  g_test_add_func ("/store/migrations/too-new", test_migrations_too_new);
  ADD ("/store/open/page-cache", test_page_cache_mapping);
  g_test_add_func ("/store/name-key", test_name_key);
  g_test_add_func ("/store/open/corrupt", test_open_corrupt);
  g_test_add_func ("/store/open/foreign-database", test_open_foreign);
  g_test_add_func ("/store/open/default-path", test_default_path);
  ADD ("/store/article/round-trip", test_article_round_trip);
  ADD ("/store/extraction/round-trip", test_extraction_round_trip);
  ADD ("/store/search/words-and-hostile-queries", test_search);
  g_test_add_func ("/store/search/snippet-markup", test_search_hit_markup);
  ADD ("/store/import/duplicate", test_duplicate);
  ADD ("/store/import/rollback", test_rollback);
  ADD ("/store/import/caller-transaction", test_caller_transaction);
  ADD ("/store/import/disk-full", test_disk_full);
  g_test_add_func ("/store/errors/mapping", test_error_mapping);
  ADD ("/store/data-version", test_data_version);
  ADD ("/store/export/json", test_export_json);
  g_test_add_func ("/store/types/strings", test_types);
  g_test_add_func ("/store/model/properties", test_model_properties);
#undef ADD

  return g_test_run ();
}
