/* test-store-mentions.c — a person's mentions in an article packed in one
 * row (schema 7): the encoding, the readers, split, merge, undo, upgrade
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cb-store.h"
#include "cb-store-private.h"
#include "cb-test-support.h"

/* Invented articles.  "Brannock" alone and in full; "Tansy Oakhurst" and
 * the fuller "Tansy Oakhurst Vell", who may be one person. */
static const char body_one[] =
  "Orla Brannock was convicted in 2004. Brannock appealed in 2006.\n"
  "Tansy Oakhurst visited Brannock. Tansy Oakhurst Vell said so.\n"
  "Orla Brannock and Brannock's lawyer spoke; Tansy Oakhurst agreed.\n";
static const char body_two[] =
  "Brannock was released in 2011. Tansy Oakhurst met Brannock.\n";

typedef CbTestStore Fixture;

/* --- building an extraction by hand ----------------------------------------- */

static void
person_free (gpointer data)
{
  CbPerson *person = data;

  g_free (person->name);
  g_ptr_array_unref (person->aliases);
  g_array_unref (person->mentions);
  g_free (person);
}

/* @name and its other @forms (NULL-terminated): a mention for every place
 * the body reads one of them that no name before took (@taken: a byte of
 * the body each), latest first (the store orders them). */
static CbPerson *
person_new (const char *body,
            GArray     *taken,
            const char *name,
            ...)
{
  CbPerson *person;
  va_list args;

  va_start (args, name);
  person = cb_test_person_new_va (name, args);
  va_end (args);

  if (taken->len == 0)
    g_array_set_size (taken, strlen (body));
  for (guint i = 0; i < person->aliases->len; i++)
    {
      const char *alias = g_ptr_array_index (person->aliases, i);

      for (const char *p = strstr (body, alias); p != NULL; p = strstr (p + 1, alias))
        {
          gsize at = (gsize) (p - body);
          CbSpan span;

          if (g_array_index (taken, gboolean, at))
            continue;
          for (gsize b = at; b < at + strlen (alias); b++)
            g_array_index (taken, gboolean, b) = TRUE;
          span.start = (guint) g_utf8_pointer_to_offset (body, p);
          span.end = span.start + (guint) g_utf8_strlen (alias, -1);
          g_array_prepend_val (person->mentions, span);
        }
    }
  return person;
}

static CbExtraction *
extraction_new (void)
{
  CbExtraction *extraction = g_new0 (CbExtraction, 1);

  extraction->persons = g_ptr_array_new_with_free_func (person_free);
  return extraction;
}

static void
extraction_free (CbExtraction *extraction)
{
  g_ptr_array_unref (extraction->persons);
  g_free (extraction);
}

typedef CbExtraction TestExtraction;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestExtraction, extraction_free)

static gint64
add_article (Fixture      *fixture,
             const char   *title,
             const char   *body,
             CbExtraction *extraction)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbArticle) article = cb_article_new (title, NULL, NULL, "2012-01-01", NULL, NULL, body);
  gint64 id = cb_store_add_article (fixture->store, article, extraction, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* One article: Orla Brannock (in full and as "Brannock"), Tansy Oakhurst
 * Vell once, Tansy Oakhurst twice, her mentions brought by two extracted
 * persons ("TANSY OAKHURST" has the same name key: one stored person). */
static gint64
add_one (Fixture *fixture)
{
  g_autoptr(TestExtraction) x = extraction_new ();
  g_autoptr(GArray) taken = g_array_new (FALSE, TRUE, sizeof (gboolean));
  CbPerson *tansy, *shout;

  g_ptr_array_add (x->persons, person_new (body_one, taken, "Orla Brannock", "Brannock", NULL));
  g_ptr_array_add (x->persons, person_new (body_one, taken, "Tansy Oakhurst Vell", NULL));
  tansy = person_new (body_one, taken, "Tansy Oakhurst", NULL);
  g_assert_cmpuint (tansy->mentions->len, ==, 2);
  shout = person_new (body_one, taken, "TANSY OAKHURST", NULL);
  g_assert_cmpuint (shout->mentions->len, ==, 0);
  g_array_append_val (shout->mentions, g_array_index (tansy->mentions, CbSpan, 1));
  g_array_remove_index (tansy->mentions, 1);
  g_ptr_array_add (x->persons, tansy);
  g_ptr_array_add (x->persons, shout);
  return add_article (fixture, "One", body_one, x);
}

static gint64
add_two (Fixture *fixture)
{
  g_autoptr(TestExtraction) x = extraction_new ();
  g_autoptr(GArray) taken = g_array_new (FALSE, TRUE, sizeof (gboolean));

  g_ptr_array_add (x->persons, person_new (body_two, taken, "Brannock", NULL));
  g_ptr_array_add (x->persons, person_new (body_two, taken, "Tansy Oakhurst", NULL));
  return add_article (fixture, "Two", body_two, x);
}

/* --- reading it back ------------------------------------------------------ */

/* The mention rows as stored, with names for the people. */
static char *
mention_rows (Fixture *fixture)
{
  sqlite3 *db = cb_test_open_db (fixture->path);
  char *rows = cb_test_query_rows (db, "SELECT a.title, p.name, m.span_count, m.spans FROM mention m"
                               " JOIN article a ON a.id = m.article_id"
                               " JOIN person p ON p.id = m.person_id ORDER BY a.id, p.name");

  sqlite3_close (db);
  return rows;
}

/* The text of every span of @person_id's mentions in @body's article. */
static char *
spans_read (Fixture    *fixture,
            gint64      article_id,
            gint64      person_id,
            const char *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) marks = cb_store_list_article_marks (fixture->store, article_id, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < marks->len; i++)
    {
      const CbArticleMark *mark = &g_array_index (marks, CbArticleMark, i);
      const char *start = g_utf8_offset_to_pointer (body, mark->start);
      const char *end = g_utf8_offset_to_pointer (body, mark->end);

      if (mark->kind == CB_MARK_PERSON && mark->id == person_id)
        g_string_append_printf (out, "%.*s;", (int) (end - start), start);
    }
  return g_string_free (out, FALSE);
}

static CbPersonRecord *
find_person (Fixture    *fixture,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) persons = cb_store_list_persons (fixture->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < persons->len; i++)
    if (strcmp (cb_person_record_get_name (g_ptr_array_index (persons, i)), name) == 0)
      return g_object_ref (g_ptr_array_index (persons, i));
  return NULL;
}

static guint
mention_count (Fixture    *fixture,
               const char *name)
{
  g_autoptr(CbPersonRecord) person = find_person (fixture, name);

  g_assert_nonnull (person);
  return cb_person_record_get_mention_count (person);
}

/* --- the tests ------------------------------------------------------------ */

static void
test_encoding (void)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (CbSpan));
  g_autoptr(GString) text = g_string_new (NULL);
  const CbSpan two[] = { { 0, 0 }, { 7, 4294967295u } };
  static const char * const bad[] = {
    "", "[", "[[1,2]", "[[1,2],]", "[[1 2]]", "[[1,2,3]]", "[[2,1]]", "[[-1,2]]",
    "[[1,2]] x", "[[1,4294967296]]", "[[1.5,2]]", "{}", "[1,2]",
  };

  /* Round trip, the empty list and the extremes included. */
  _cb_store_spans_to_text (text, two, 0);
  g_assert_cmpstr (text->str, ==, "[]");
  g_assert_true (_cb_store_spans_parse (text->str, spans));
  g_assert_cmpuint (spans->len, ==, 0);
  g_string_truncate (text, 0);
  _cb_store_spans_to_text (text, two, 2);
  g_assert_cmpstr (text->str, ==, "[[0,0],[7,4294967295]]");
  g_assert_true (_cb_store_spans_parse (text->str, spans));
  g_assert_cmpuint (spans->len, ==, 2);
  g_assert_cmpuint (g_array_index (spans, CbSpan, 1).start, ==, 7);
  g_assert_cmpuint (g_array_index (spans, CbSpan, 1).end, ==, 4294967295u);

  /* JSON as another program may write it, spaces and all. */
  g_assert_true (_cb_store_spans_parse (" [ [3, 9] ,[10,12] ] ", spans));
  g_assert_cmpuint (spans->len, ==, 4);
  g_assert_cmpuint (g_array_index (spans, CbSpan, 3).end, ==, 12);

  /* Anything else is refused and leaves the list as it was. */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (_cb_store_spans_parse (bad[i], spans));
      g_assert_cmpuint (spans->len, ==, 4);
    }
  g_assert_false (_cb_store_spans_parse (NULL, spans));
}

/* One row per article and person, its spans in order, whichever extracted
 * persons brought them; the marks and the counts read them all. */
static void
test_packed_rows (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *rows = NULL;
  g_autofree char *read = NULL;
  g_autoptr(CbPersonRecord) orla = NULL;
  g_autoptr(CbPersonRecord) tansy = NULL;
  g_autoptr(CbPersonRecord) vell = NULL;
  gint64 one;

  one = add_one (fixture);
  add_two (fixture);

  rows = mention_rows (fixture);
  g_assert_cmpstr (rows, ==,
                   "One|Orla Brannock|5|[[0,13],[37,45],[87,95],[126,139],[144,152]]\n"
                   "One|Tansy Oakhurst|2|[[64,78],[169,183]]\n"
                   "One|Tansy Oakhurst Vell|1|[[97,116]]\n"
                   "Two|Orla Brannock|2|[[0,8],[50,58]]\n"
                   "Two|Tansy Oakhurst|1|[[31,45]]\n");

  orla = find_person (fixture, "Orla Brannock");
  tansy = find_person (fixture, "Tansy Oakhurst");
  vell = find_person (fixture, "Tansy Oakhurst Vell");
  g_assert_cmpuint (cb_person_record_get_mention_count (orla), ==, 7);
  g_assert_cmpuint (cb_person_record_get_mention_count (tansy), ==, 3);
  g_assert_cmpuint (cb_person_record_get_mention_count (vell), ==, 1);

  read = spans_read (fixture, one, cb_person_record_get_id (orla), body_one);
  g_assert_cmpstr (read, ==, "Orla Brannock;Brannock;Brannock;Orla Brannock;Brannock;");
  g_clear_pointer (&read, g_free);
  read = spans_read (fixture, one, cb_person_record_get_id (vell), body_one);
  g_assert_cmpstr (read, ==, "Tansy Oakhurst Vell;");
}

/* The rows exactly as stored, for comparing before and after. */
static char *
raw_rows (Fixture *fixture)
{
  sqlite3 *db = cb_test_open_db (fixture->path);
  char *rows = cb_test_query_rows (db, "SELECT * FROM mention ORDER BY article_id, person_id");

  sqlite3_close (db);
  return rows;
}

static void
check_undo_redo (Fixture    *fixture,
                 const char *before,
                 const char *after)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *raw_after = raw_rows (fixture);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_true (cb_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  undone = raw_rows (fixture);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (cb_store_redo (fixture->store, &error));
  g_assert_no_error (error);
  redone = raw_rows (fixture);
  g_assert_cmpstr (redone, ==, raw_after);
  g_assert_cmpstr (redone, !=, before);
  g_clear_pointer (&redone, g_free);
  redone = mention_rows (fixture);
  g_assert_cmpstr (redone, ==, after);
}

/* Splitting "Brannock" off Orla Brannock: a row whose spans all read it
 * moves, one with both is cut in two; undo gives the spans back. */
static void
test_split (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbPersonRecord) orla = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *read = NULL;
  gint64 one, split_id;

  one = add_one (fixture);
  add_two (fixture);
  orla = find_person (fixture, "Orla Brannock");
  before = raw_rows (fixture);

  split_id = cb_store_split_person (fixture->store, cb_person_record_get_id (orla), "Brannock", &error);
  g_assert_no_error (error);
  g_assert_cmpint (split_id, >, 0);
  after = mention_rows (fixture);
  g_assert_cmpstr (after, ==,
                   "One|Brannock|3|[[37,45],[87,95],[144,152]]\n"
                   "One|Orla Brannock|2|[[0,13],[126,139]]\n"
                   "One|Tansy Oakhurst|2|[[64,78],[169,183]]\n"
                   "One|Tansy Oakhurst Vell|1|[[97,116]]\n"
                   "Two|Brannock|2|[[0,8],[50,58]]\n"
                   "Two|Tansy Oakhurst|1|[[31,45]]\n");
  g_assert_cmpuint (mention_count (fixture, "Orla Brannock"), ==, 2);
  g_assert_cmpuint (mention_count (fixture, "Brannock"), ==, 5);
  read = spans_read (fixture, one, split_id, body_one);
  g_assert_cmpstr (read, ==, "Brannock;Brannock;Brannock;");

  check_undo_redo (fixture, before, after);
  g_assert_true (cb_store_undo (fixture->store, &error));
  g_assert_cmpuint (mention_count (fixture, "Orla Brannock"), ==, 7);
  g_assert_null (find_person (fixture, "Brannock"));
}

/* Merging Tansy Oakhurst into Tansy Oakhurst Vell: an article naming both
 * keeps one row of both their spans, in order; undo gives both rows back. */
static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 suggestion = 0;

  add_one (fixture);
  add_two (fixture);
  before = raw_rows (fixture);

  suggestions = cb_store_list_merge_suggestions (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < suggestions->len; i++)
    {
      CbMergeSuggestion *s = g_ptr_array_index (suggestions, i);

      if (strcmp (s->keep_name, "Tansy Oakhurst Vell") == 0 && strcmp (s->other_name, "Tansy Oakhurst") == 0)
        suggestion = s->id;
    }
  g_assert_cmpint (suggestion, >, 0);
  g_assert_true (cb_store_accept_merge (fixture->store, suggestion, &error));
  g_assert_no_error (error);

  after = mention_rows (fixture);
  g_assert_cmpstr (after, ==,
                   "One|Orla Brannock|5|[[0,13],[37,45],[87,95],[126,139],[144,152]]\n"
                   "One|Tansy Oakhurst Vell|3|[[64,78],[97,116],[169,183]]\n"
                   "Two|Orla Brannock|2|[[0,8],[50,58]]\n"
                   "Two|Tansy Oakhurst Vell|1|[[31,45]]\n");
  g_assert_cmpuint (mention_count (fixture, "Tansy Oakhurst Vell"), ==, 4);
  g_assert_null (find_person (fixture, "Tansy Oakhurst"));

  check_undo_redo (fixture, before, after);
  g_assert_true (cb_store_undo (fixture->store, &error));
  g_assert_cmpuint (mention_count (fixture, "Tansy Oakhurst"), ==, 3);
  g_assert_cmpuint (mention_count (fixture, "Tansy Oakhurst Vell"), ==, 1);
}

/* An article goes with its mention rows, and a person only it named. */
static void
test_delete_article (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  gint64 one;

  one = add_one (fixture);
  add_two (fixture);
  g_assert_true (cb_store_delete_article (fixture->store, one, &error));
  g_assert_no_error (error);
  rows = mention_rows (fixture);
  g_assert_cmpstr (rows, ==,
                   "Two|Orla Brannock|2|[[0,8],[50,58]]\n"
                   "Two|Tansy Oakhurst|1|[[31,45]]\n");
  g_assert_null (find_person (fixture, "Tansy Oakhurst Vell"));
  g_assert_cmpuint (mention_count (fixture, "Orla Brannock"), ==, 2);
}

/* A schema 6 file (a row per span, here in reverse order) is upgraded to
 * the same rows as storing them anew, spans in order, counts the same. */
static void
test_upgrade (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_strconcat (fixture->path, ".schema-6.bak", NULL);
  g_autofree char *packed = NULL;
  g_autofree char *spans = NULL;
  g_autofree char *old_spans = NULL;
  g_autofree char *upgraded = NULL;
  g_autofree char *upgraded_spans = NULL;
  sqlite3 *db;

  add_one (fixture);
  add_two (fixture);
  packed = raw_rows (fixture);
  g_clear_object (&fixture->importer);
  g_clear_object (&fixture->store);

  db = cb_test_open_db (fixture->path);
  spans = cb_test_dump_mentions (db);
  cb_test_unpack_mentions (db);
  g_assert_false (cb_test_mentions_packed (db));
  g_assert_cmpint (cb_test_query_int (db, "SELECT count(*) FROM mention"), ==, 11);
  old_spans = cb_test_dump_mentions (db);
  g_assert_cmpstr (old_spans, ==, spans);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 6", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  fixture->store = cb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cb_store_get_schema_version (fixture->store), ==, CB_STORE_SCHEMA_VERSION);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  upgraded = raw_rows (fixture);
  g_assert_cmpstr (upgraded, ==, packed);
  db = cb_test_open_db (fixture->path);
  upgraded_spans = cb_test_dump_mentions (db);
  g_assert_cmpint (cb_test_query_int (db, "SELECT count(*) FROM sqlite_schema"
                                          " WHERE name IN ('mention_article', 'mention_packed')"), ==, 0);
  sqlite3_close (db);
  g_assert_cmpstr (upgraded_spans, ==, spans);
  g_assert_cmpuint (mention_count (fixture, "Orla Brannock"), ==, 7);
  g_assert_cmpuint (mention_count (fixture, "Tansy Oakhurst"), ==, 3);
  g_assert_cmpuint (mention_count (fixture, "Tansy Oakhurst Vell"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-mentions/encoding", test_encoding);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, cb_test_store_setup, fn, cb_test_store_teardown)
  ADD ("/store-mentions/packed-rows", test_packed_rows);
  ADD ("/store-mentions/split", test_split);
  ADD ("/store-mentions/merge", test_merge);
  ADD ("/store-mentions/delete-article", test_delete_article);
  ADD ("/store-mentions/upgrade", test_upgrade);
#undef ADD

  return g_test_run ();
}
