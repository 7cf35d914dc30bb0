/* test-importer.c — decoding, header blocks and importing files and folders
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every fixture is written by the test into a fresh temporary folder.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "cb-article-header.h"
#include "cb-importer.h"
#include "cb-store.h"
#include "cb-text-decode.h"

/* --- Helpers -------------------------------------------------------------- */

static char *
decode_ok (const char *data,
           gsize       length,
           const char *expected_encoding)
{
  g_autoptr(GError) error = NULL;
  const char *encoding = NULL;
  char *text;

  text = cb_decode_text ((const guint8 *) data, length, 0, &encoding, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpstr (encoding, ==, expected_encoding);

  return text;
}

static void
decode_fails (const char *data,
              gsize       length,
              gsize       max_size,
              int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *encoding = "unchanged";

  text = cb_decode_text ((const guint8 *) data, length, max_size, &encoding, &error);
  g_assert_null (text);
  g_assert_error (error, CB_DECODE_ERROR, code);
  /* A sentence for the user, not a code. */
  g_assert_cmpuint (strlen (error->message), >, 15);
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_assert_null (encoding);
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("casebook-importer-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
write_fixture (const char *dir,
               const char *relative,
               const char *data,
               gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static void
rm_rf (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_SYMLINK) ||
              !g_file_test (child, G_FILE_TEST_IS_DIR))
            g_unlink (child);
          else
            rm_rf (child);
        }
      g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

typedef struct
{
  char       *dir;
  char       *db_path;
  CbStore    *store;
  CbImporter *importer;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = make_tmp_dir ();
  fixture->db_path = g_build_filename (fixture->dir, "casebook.db", NULL);
  fixture->store = cb_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
  fixture->importer = cb_importer_new (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->importer);
  g_clear_object (&fixture->store);
  rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

/* The articles live under "in/" so the database beside them is not imported. */
static char *
in_path (Fixture    *fixture,
         const char *relative)
{
  return g_build_filename (fixture->dir, "in", relative, NULL);
}

static void
write_in (Fixture    *fixture,
          const char *relative,
          const char *data)
{
  g_autofree char *rel = g_build_filename ("in", relative, NULL);

  write_fixture (fixture->dir, rel, data, -1);
}

static GPtrArray *
import_paths (Fixture     *fixture,
              const char **relatives)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; relatives[i] != NULL; i++)
    {
      g_autofree char *path = in_path (fixture, relatives[i]);
      g_ptr_array_add (files, g_file_new_for_path (path));
    }

  return cb_importer_import_files (fixture->importer, (GFile **) files->pdata, files->len,
                                   NULL, NULL, NULL);
}

static const CbImportResult *
find_result (GPtrArray  *results,
             const char *suffix)
{
  for (guint i = 0; i < results->len; i++)
    {
      const CbImportResult *result = g_ptr_array_index (results, i);

      if (g_str_has_suffix (result->path, suffix))
        return result;
    }

  return NULL;
}

static const CbImportResult *
expect_result (GPtrArray       *results,
               const char      *suffix,
               CbImportOutcome  outcome)
{
  const CbImportResult *result = find_result (results, suffix);

  if (result == NULL)
    g_error ("no result for %s", suffix);
  if (result->outcome != outcome)
    g_error ("%s: outcome %d, expected %d (%s)", suffix, result->outcome, outcome,
             result->reason ? result->reason : "no reason");

  if (outcome == CB_IMPORT_REJECTED)
    {
      g_assert_nonnull (result->reason);
      g_assert_cmpint (result->article_id, ==, 0);
    }
  else
    {
      g_assert_nonnull (result->title);
      g_assert_cmpint (result->article_id, >, 0);
    }

  return result;
}

static const char article_a[] =
  "Title: Parole board hears the case of a river pilot\n"
  "Date: 2019-03-14\n"
  "Source: https://news.example.org/pilot\n"
  "Author: Dana Whitcombe\n"
  "\n"
  "Rosa Delgado, a river pilot, was convicted in 2004. The parole board met on Tuesday.\n";

static const char article_b[] =
  "A second article about a clemency petition\n"
  "\n"
  "Martin Okafor filed a petition in March 2016. It was denied a year later.\n";

static const char article_c[] =
  "# Notes from a courtroom\n"
  "\n"
  "The appeal of Ines Brandvold was heard in 2011 and decided in 2012.\n";

/* --- Decoding ------------------------------------------------------------- */

static void
test_decode_utf8 (void)
{
  static const char data[] = "Caf\xc3\xa9 au lait \xe2\x80\x94 \xe2\x80\x9cquoted\xe2\x80\x9d\n";
  g_autofree char *text = decode_ok (data, sizeof data - 1, "UTF-8");

  g_assert_cmpstr (text, ==, data);
}

static void
test_decode_utf8_bom (void)
{
  static const char data[] = "\xef\xbb\xbfNa\xc3\xafve text\n";
  g_autofree char *text = decode_ok (data, sizeof data - 1, "UTF-8");

  /* The BOM is gone. */
  g_assert_cmpstr (text, ==, "Na\xc3\xafve text\n");
}

static void
test_decode_utf8_bom_invalid (void)
{
  static const char data[] = "\xef\xbb\xbf" "Broken \xe9 byte";

  decode_fails (data, sizeof data - 1, 0, CB_DECODE_ERROR_INVALID);
}

static void
test_decode_utf16le (void)
{
  /* BOM, "Ré€", CRLF, "x", U+1F600 as a surrogate pair */
  static const char data[] =
    "\xff\xfe" "R\0" "\xe9\0" "\xac\x20" "\r\0\n\0" "x\0" "\x3d\xd8\x00\xde";
  g_autofree char *text = decode_ok (data, sizeof data - 1, "UTF-16LE");

  g_assert_cmpstr (text, ==, "R\xc3\xa9\xe2\x82\xac\nx\xf0\x9f\x98\x80");
}

static void
test_decode_utf16be (void)
{
  static const char data[] = "\xfe\xff" "\0H" "\0\xe9" "\0\r" "\0l" "\x20\x19" "\0s";
  g_autofree char *text = decode_ok (data, sizeof data - 1, "UTF-16BE");

  g_assert_cmpstr (text, ==, "H\xc3\xa9\nl\xe2\x80\x99s");
}

static void
test_decode_utf16_invalid (void)
{
  /* A lone high surrogate followed by an ordinary character. */
  static const char lone[] = "\xff\xfe" "a\0" "\x3d\xd8" "b\0";
  /* An odd number of bytes after the BOM. */
  static const char odd[] = "\xfe\xff" "\0a\0";
  /* A low surrogate on its own. */
  static const char low[] = "\xfe\xff" "\xdc\x01" "\0a";

  decode_fails (lone, sizeof lone - 1, 0, CB_DECODE_ERROR_INVALID);
  decode_fails (odd, sizeof odd - 1, 0, CB_DECODE_ERROR_INVALID);
  decode_fails (low, sizeof low - 1, 0, CB_DECODE_ERROR_INVALID);
}

static void
test_decode_cp1252 (void)
{
  /* “Quoted” – €5 … it’s Š Œ ™ and Latin-1 é */
  static const char data[] = "\x93Quoted\x94 \x96 \x80" "5 \x85 it\x92s \x8a \x8c \x99 and \xe9";
  g_autofree char *text = decode_ok (data, sizeof data - 1, "Windows-1252");

  g_assert_cmpstr (text, ==,
                   "\xe2\x80\x9cQuoted\xe2\x80\x9d \xe2\x80\x93 \xe2\x82\xac" "5 "
                   "\xe2\x80\xa6 it\xe2\x80\x99s \xc5\xa0 \xc5\x92 \xe2\x84\xa2 and \xc3\xa9");
}

static void
test_decode_cp1252_table (void)
{
  /* Every defined byte of 0x80–0x9F, in order. */
  static const gunichar expected[] = {
    0x20AC, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030,
    0x0160, 0x2039, 0x0152, 0x017D, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x017E, 0x0178,
  };
  g_autoptr(GString) data = g_string_new ("Letters: ");
  g_autofree char *text = NULL;
  const char *p;
  guint n = 0;

  for (guint b = 0x80; b <= 0x9F; b++)
    if (b != 0x81 && b != 0x8D && b != 0x8F && b != 0x90 && b != 0x9D)
      {
        g_string_append_c (data, (char) b);
        g_string_append_c (data, ' ');
      }

  text = decode_ok (data->str, data->len, "Windows-1252");
  p = text + strlen ("Letters: ");
  for (; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ')
        continue;
      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      g_assert_cmphex (c, ==, expected[n]);
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
}

static void
test_decode_cp1252_undefined (void)
{
  /* One undefined byte in a letter: the letter survives with U+FFFD. */
  static const char one[] = "A long enough letter with one odd byte \x81 in the middle of it.";
  /* Nothing but undefined bytes: not text. */
  static const char many[] = "\x81\x8d\x8f\x90\x9d\x81\x8d\x8f\x90\x9d ab";
  g_autofree char *text = decode_ok (one, sizeof one - 1, "Windows-1252");

  g_assert_nonnull (strstr (text, "byte \xef\xbf\xbd in"));
  decode_fails (many, sizeof many - 1, 0, CB_DECODE_ERROR_BINARY);
}

static void
test_decode_crlf (void)
{
  static const char data[] = "one\r\ntwo\r\n\r\nthree\r\n";
  g_autofree char *text = decode_ok (data, sizeof data - 1, "UTF-8");

  g_assert_cmpstr (text, ==, "one\ntwo\n\nthree\n");
}

static void
test_decode_cr (void)
{
  static const char data[] = "one\rtwo\r\rthree\r";
  /* Mixed with Windows-1252: the line endings change the same way. */
  static const char mixed[] = "caf\xe9\rbar\r\nbaz\n";
  g_autofree char *text = decode_ok (data, sizeof data - 1, "UTF-8");
  g_autofree char *text2 = decode_ok (mixed, sizeof mixed - 1, "Windows-1252");

  g_assert_cmpstr (text, ==, "one\ntwo\n\nthree\n");
  g_assert_cmpstr (text2, ==, "caf\xc3\xa9\nbar\nbaz\n");
}

static void
test_decode_nul (void)
{
  static const char data[] = "Looks like text\0but has a NUL byte.";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  decode_fails (data, sizeof data - 1, 0, CB_DECODE_ERROR_BINARY);

  text = cb_decode_text ((const guint8 *) data, sizeof data - 1, 0, NULL, &error);
  g_assert_nonnull (strstr (error->message, "NUL"));

  /* A NUL character in UTF-16 is binary too. */
  {
    static const char utf16[] = "\xff\xfe" "a\0" "\0\0" "b\0";
    decode_fails (utf16, sizeof utf16 - 1, 0, CB_DECODE_ERROR_BINARY);
  }
}

static void
test_decode_png (void)
{
  /* The PNG signature and an IHDR chunk: NUL bytes. */
  static const char png[] =
    "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xff\x61";
  /* Binary without a single NUL byte: mostly control characters. */
  static const char no_nul[] =
    "\x89PNG\r\n\x1a\n\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14"
    "\x15\x16\x17\x18\x19\x1b\x1c\x1d\x1e\x1f\x7f\xfe\xfd";

  decode_fails (png, sizeof png - 1, 0, CB_DECODE_ERROR_BINARY);
  decode_fails (no_nul, sizeof no_nul - 1, 0, CB_DECODE_ERROR_BINARY);
}

static void
test_decode_empty (void)
{
  decode_fails ("", 0, 0, CB_DECODE_ERROR_EMPTY);
  /* A BOM and nothing else is empty too. */
  decode_fails ("\xef\xbb\xbf", 3, 0, CB_DECODE_ERROR_EMPTY);
  decode_fails ("\xff\xfe", 2, 0, CB_DECODE_ERROR_EMPTY);
}

static void
test_decode_whitespace (void)
{
  static const char data[] = "  \r\n\t\n   \n\xc2\xa0\n";

  decode_fails (data, sizeof data - 1, 0, CB_DECODE_ERROR_EMPTY);
}

static void
test_decode_too_large (void)
{
  static const char data[] = "Forty bytes of perfectly ordinary text.\n";
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (sizeof data - 1, ==, 40);
  decode_fails (data, sizeof data - 1, 39, CB_DECODE_ERROR_TOO_LARGE);

  /* Exactly at the limit is fine. */
  text = cb_decode_text ((const guint8 *) data, sizeof data - 1, 40, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, data);
}

/* --- Header block ----------------------------------------------------------- */

static void
test_header_key_block (void)
{
  static const char text[] =
    "Title:  Governor commutes a sentence  \n"
    "DATE: 2015-11-20\n"
    "url: https://example.com/a?b=c\n"
    "By: Priya Raman\n"
    "\n"
    "\n"
    "The governor commuted the sentence.\n";
  CbArticleHeader header;

  cb_article_header_parse (text, &header);
  g_assert_cmpstr (header.title, ==, "Governor commutes a sentence");
  g_assert_cmpstr (header.date, ==, "2015-11-20");
  g_assert_cmpstr (header.source, ==, "https://example.com/a?b=c");
  g_assert_cmpstr (header.author, ==, "Priya Raman");
  g_assert_cmpstr (text + header.body_offset, ==, "The governor commuted the sentence.\n");
  cb_article_header_clear (&header);
  g_assert_null (header.title);
  g_assert_null (header.source);
}

static void
test_header_source_and_author (void)
{
  static const char text[] =
    "Source: The Evening Ledger\n"
    "Author: Tomas Ekdahl\n"
    "\n"
    "First line of the body\n"
    "Second line.\n";
  CbArticleHeader header;

  cb_article_header_parse (text, &header);
  g_assert_cmpstr (header.source, ==, "The Evening Ledger");
  g_assert_cmpstr (header.author, ==, "Tomas Ekdahl");
  g_assert_null (header.date);
  /* No Title: the body's first line. */
  g_assert_cmpstr (header.title, ==, "First line of the body");
  g_assert_cmpstr (text + header.body_offset, ==, "First line of the body\nSecond line.\n");
  cb_article_header_clear (&header);
}

static void
test_header_front_matter (void)
{
  static const char text[] =
    "---\n"
    "title: \"A pardon, at last\"\n"
    "date: '2021-01-19'\n"
    "source: https://example.net/pardon\n"
    "tags:\n"
    "  - clemency\n"
    "author: Lena Vos\n"
    "---\n"
    "\n"
    "Body text here.\n";
  CbArticleHeader header;

  cb_article_header_parse (text, &header);
  g_assert_cmpstr (header.title, ==, "A pardon, at last");
  g_assert_cmpstr (header.date, ==, "2021-01-19");
  g_assert_cmpstr (header.source, ==, "https://example.net/pardon");
  g_assert_cmpstr (header.author, ==, "Lena Vos");
  g_assert_cmpstr (text + header.body_offset, ==, "Body text here.\n");
  cb_article_header_clear (&header);
}

static void
test_header_front_matter_unclosed (void)
{
  static const char text[] = "---\ntitle: Never closed\n\nSome text.\n";
  CbArticleHeader header;

  cb_article_header_parse (text, &header);
  g_assert_cmpuint (header.body_offset, ==, 0);
  g_assert_null (header.date);
  g_assert_cmpstr (header.title, !=, "Never closed");
  cb_article_header_clear (&header);
}

static void
test_header_none (void)
{
  static const char text[] =
    "\n\n   A court reduces a sentence   \n"
    "\n"
    "The court reduced the sentence on appeal: the judge said so.\n";
  CbArticleHeader header;

  cb_article_header_parse (text, &header);
  g_assert_cmpstr (header.title, ==, "A court reduces a sentence");
  g_assert_null (header.date);
  g_assert_null (header.source);
  g_assert_null (header.author);
  /* Only the leading blank lines are skipped: the title line is body. */
  g_assert_true (g_str_has_prefix (text + header.body_offset, "   A court reduces"));
  cb_article_header_clear (&header);
}

static void
test_header_note_is_body (void)
{
  static const char text[] =
    "Note: something unusual happened at the hearing\n"
    "and the lawyers asked for a recess.\n"
    "\n"
    "More text.\n";
  /* A first paragraph of only unknown keys is body too. */
  static const char only_unknown[] =
    "Update: the board will meet again\n"
    "\n"
    "More text.\n";
  CbArticleHeader header;

  cb_article_header_parse (text, &header);
  g_assert_cmpuint (header.body_offset, ==, 0);
  g_assert_cmpstr (header.title, ==, "Note: something unusual happened at the hearing");
  cb_article_header_clear (&header);

  cb_article_header_parse (only_unknown, &header);
  g_assert_cmpuint (header.body_offset, ==, 0);
  g_assert_cmpstr (header.title, ==, "Update: the board will meet again");
  cb_article_header_clear (&header);
}

static void
test_header_unknown_keys (void)
{
  static const char text[] =
    "Title: Known and unknown\n"
    "Tags: clemency, parole\n"
    "Word-count: 812\n"
    "Date: June 3, 2020\n"
    "\n"
    "Body.\n";
  CbArticleHeader header;

  cb_article_header_parse (text, &header);
  g_assert_cmpstr (header.title, ==, "Known and unknown");
  g_assert_cmpstr (header.date, ==, "June 3, 2020");
  g_assert_null (header.source);
  g_assert_cmpstr (text + header.body_offset, ==, "Body.\n");
  cb_article_header_clear (&header);
}

static void
test_header_not_keys (void)
{
  /* A URL or a time is not a "Key: value" line; a header needs a blank line after it. */
  static const char url[] = "Title: x\nhttps://example.org/a\n\nBody\n";
  static const char no_blank[] = "Title: Only a header\nDate: 2020-01-01\n";
  CbArticleHeader header;

  cb_article_header_parse (url, &header);
  g_assert_cmpuint (header.body_offset, ==, 0);
  g_assert_cmpstr (header.title, ==, "Title: x");
  cb_article_header_clear (&header);

  cb_article_header_parse (no_blank, &header);
  g_assert_cmpuint (header.body_offset, ==, 0);
  g_assert_null (header.date);
  cb_article_header_clear (&header);
}

static void
test_header_long_title (void)
{
  g_autoptr(GString) text = g_string_new ("");
  CbArticleHeader header;
  glong n_chars;

  for (int i = 0; i < 30; i++)
    g_string_append (text, "w\xc3\xb6rdy ");   /* 6 characters each */
  g_string_append (text, "\n\nBody.\n");

  cb_article_header_parse (text->str, &header);
  n_chars = g_utf8_strlen (header.title, -1);
  g_assert_cmpint (n_chars, <=, 121);
  g_assert_cmpint (n_chars, >=, 60);
  g_assert_true (g_str_has_suffix (header.title, "w\xc3\xb6rdy\xe2\x80\xa6"));
  g_assert_true (g_utf8_validate (header.title, -1, NULL));
  g_assert_cmpuint (header.body_offset, ==, 0);
  cb_article_header_clear (&header);
}

/* --- Importing ------------------------------------------------------------ */

static void
test_import_folder (Fixture       *fixture,
                    gconstpointer  user_data)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  g_autofree char *in = in_path (fixture, "");
  g_autofree char *fifo = in_path (fixture, "nested/pipe.txt");
  g_autofree char *loop = in_path (fixture, "nested/deeper/back-up");
  g_autofree char *self_link = in_path (fixture, "self-link");
  g_autofree char *png_path = g_build_filename ("in", "picture.txt", NULL);
  g_autoptr(GPtrArray) results = NULL;
  const char *top[] = { "", NULL };
  const CbImportResult *result;

  write_in (fixture, "a.txt", article_a);
  write_in (fixture, "nested/b", article_b);              /* no extension */
  write_in (fixture, "nested/deeper/c.md", article_c);
  write_in (fixture, ".hidden.txt", "A hidden note that must not be imported.\n");
  write_in (fixture, ".git/config.txt", "Hidden folder content, never imported.\n");
  write_fixture (fixture->dir, png_path, png, sizeof png - 1);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  /* A link from deep inside back to the top: a loop. */
  g_assert_cmpint (symlink (in, loop), ==, 0);
  /* A link to itself cannot be followed at all. */
  g_assert_cmpint (symlink (self_link, self_link), ==, 0);

  /* A FIFO opened for reading would block: fail instead of hanging. */
  alarm (30);
  results = import_paths (fixture, top);
  alarm (0);

  result = expect_result (results, "/a.txt", CB_IMPORT_IMPORTED);
  g_assert_cmpstr (result->title, ==, "Parole board hears the case of a river pilot");
  result = expect_result (results, "/nested/b", CB_IMPORT_IMPORTED);
  g_assert_cmpstr (result->title, ==, "A second article about a clemency petition");
  result = expect_result (results, "/c.md", CB_IMPORT_IMPORTED);
  g_assert_cmpstr (result->title, ==, "Notes from a courtroom");

  result = expect_result (results, "/picture.txt", CB_IMPORT_REJECTED);
  g_assert_nonnull (strstr (result->reason, "binary"));
  expect_result (results, "/pipe.txt", CB_IMPORT_REJECTED);
  expect_result (results, "/self-link", CB_IMPORT_REJECTED);

  g_assert_null (find_result (results, ".hidden.txt"));
  g_assert_null (find_result (results, "config.txt"));
  /* The loop was walked once: every file appears once. */
  g_assert_cmpuint (results->len, ==, 6);
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, 3);
}

static void
test_import_stored_article (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(CbArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  const char *names[] = { "a.txt", NULL };
  const CbImportResult *result;
  const char *body_start;

  write_in (fixture, "a.txt", article_a);
  results = import_paths (fixture, names);
  g_assert_cmpuint (results->len, ==, 1);
  result = expect_result (results, "/a.txt", CB_IMPORT_IMPORTED);

  article = cb_store_get_article (fixture->store, result->article_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cb_article_get_title (article), ==, "Parole board hears the case of a river pilot");
  g_assert_cmpstr (cb_article_get_source (article), ==, "https://news.example.org/pilot");
  g_assert_cmpstr (cb_article_get_author (article), ==, "Dana Whitcombe");
  g_assert_cmpstr (cb_article_get_published (article), ==, "2019-03-14");
  g_assert_true (g_str_has_suffix (cb_article_get_path (article), "/in/a.txt"));

  /* The body is what follows the header; the hash is of the whole text. */
  body_start = strstr (article_a, "Rosa");
  g_assert_cmpstr (cb_article_get_body (article), ==, body_start);
  sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, article_a, -1);
  g_assert_cmpstr (cb_article_get_sha256 (article), ==, sha);
}

static void
test_import_duplicates (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(CbStore) store2 = NULL;
  g_autoptr(CbImporter) importer2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *copy_path = NULL;
  const char *batch[] = { "a.txt", "copy-of-a.txt", "b.txt", NULL };
  const CbImportResult *a, *copy;

  write_in (fixture, "a.txt", article_a);
  write_in (fixture, "copy-of-a.txt", article_a);
  write_in (fixture, "b.txt", article_b);

  /* Within one batch: the second copy is a duplicate of the first. */
  first = import_paths (fixture, batch);
  g_assert_cmpuint (first->len, ==, 3);
  a = expect_result (first, "/a.txt", CB_IMPORT_IMPORTED);
  copy = expect_result (first, "/copy-of-a.txt", CB_IMPORT_DUPLICATE);
  g_assert_cmpint (copy->article_id, ==, a->article_id);
  g_assert_cmpstr (copy->title, ==, a->title);
  expect_result (first, "/b.txt", CB_IMPORT_IMPORTED);
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, 2);

  /* Across runs: a new connection, a new importer, the same text. */
  store2 = cb_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  importer2 = cb_importer_new (store2);
  copy_path = in_path (fixture, "copy-of-a.txt");
  file = g_file_new_for_path (copy_path);
  second = cb_importer_import_files (importer2, &file, 1, NULL, NULL, NULL);
  g_assert_cmpuint (second->len, ==, 1);
  copy = expect_result (second, "/copy-of-a.txt", CB_IMPORT_DUPLICATE);
  g_assert_cmpint (copy->article_id, ==, a->article_id);
  g_assert_cmpstr (copy->title, ==, "Parole board hears the case of a river pilot");
  g_assert_cmpuint (cb_store_count_articles (store2), ==, 2);

  /* The same text in another encoding and line endings is the same text. */
  {
    g_autofree char *crlf = NULL;
    g_auto(GStrv) lines = g_strsplit (article_b, "\n", -1);
    g_autoptr(GPtrArray) third = NULL;
    const char *names[] = { "b-crlf.txt", NULL };

    crlf = g_strjoinv ("\r\n", lines);
    write_in (fixture, "b-crlf.txt", crlf);
    third = import_paths (fixture, names);
    expect_result (third, "/b-crlf.txt", CB_IMPORT_DUPLICATE);
  }
}

static void
test_import_rejected_continues (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "a.txt", "empty.txt", "binary.dat", "missing.txt", "c.md", "big.txt", NULL };
  g_autoptr(GString) big = g_string_new ("");

  write_in (fixture, "a.txt", article_a);
  write_in (fixture, "empty.txt", "\n \n");
  write_fixture (fixture->dir, "in/binary.dat", "\x7f" "ELF\x02\x01\x01\0\0\0\0", 12);
  write_in (fixture, "c.md", article_c);
  while (big->len < 2048)
    g_string_append (big, "A line of a long article that goes on and on.\n");
  write_in (fixture, "big.txt", big->str);

  cb_importer_set_max_size (fixture->importer, 1024);
  results = import_paths (fixture, names);
  g_assert_cmpuint (results->len, ==, 6);

  /* In order, one per file. */
  g_assert_true (g_str_has_suffix (((CbImportResult *) results->pdata[0])->path, "/a.txt"));
  g_assert_true (g_str_has_suffix (((CbImportResult *) results->pdata[5])->path, "/big.txt"));

  expect_result (results, "/a.txt", CB_IMPORT_IMPORTED);
  expect_result (results, "/empty.txt", CB_IMPORT_REJECTED);
  expect_result (results, "/binary.dat", CB_IMPORT_REJECTED);
  g_assert_nonnull (strstr (expect_result (results, "/missing.txt", CB_IMPORT_REJECTED)->reason,
                            "no such file"));
  expect_result (results, "/c.md", CB_IMPORT_IMPORTED);
  g_assert_nonnull (strstr (expect_result (results, "/big.txt", CB_IMPORT_REJECTED)->reason,
                            "too large"));

  /* The rejected files left nothing behind. */
  articles = cb_store_list_articles (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 2);
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, 2);
}

static void
test_import_date_override (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(CbArticle) with_header = NULL;
  g_autoptr(CbArticle) without_header = NULL;
  const char *names[] = { "a.txt", "b.txt", NULL };
  GDate date;

  write_in (fixture, "a.txt", article_a);   /* Date: 2019-03-14 */
  write_in (fixture, "b.txt", article_b);   /* no date */

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 2, G_DATE_FEBRUARY, 2020);
  cb_importer_set_date (fixture->importer, &date);

  results = import_paths (fixture, names);
  with_header = cb_store_get_article (fixture->store,
                                      expect_result (results, "/a.txt", CB_IMPORT_IMPORTED)->article_id,
                                      NULL);
  without_header = cb_store_get_article (fixture->store,
                                         expect_result (results, "/b.txt", CB_IMPORT_IMPORTED)->article_id,
                                         NULL);
  g_assert_cmpstr (cb_article_get_published (with_header), ==, "2020-02-02");
  g_assert_cmpstr (cb_article_get_published (without_header), ==, "2020-02-02");
}

static void
test_import_no_date (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(CbArticle) article = NULL;
  const char *names[] = { "b.txt", "odd-date.txt", NULL };

  write_in (fixture, "b.txt", article_b);
  write_in (fixture, "odd-date.txt", "Title: A date nobody can read\nDate: sometime soon\n\nText.\n");

  results = import_paths (fixture, names);
  article = cb_store_get_article (fixture->store,
                                  expect_result (results, "/b.txt", CB_IMPORT_IMPORTED)->article_id,
                                  NULL);
  g_assert_null (cb_article_get_published (article));
  g_clear_object (&article);

  article = cb_store_get_article (fixture->store,
                                  expect_result (results, "/odd-date.txt", CB_IMPORT_IMPORTED)->article_id,
                                  NULL);
  g_assert_null (cb_article_get_published (article));
  g_assert_cmpstr (cb_article_get_title (article), ==, "A date nobody can read");
}

typedef struct
{
  GCancellable *cancellable;
  guint         calls;
  guint         last_total;
  GThread      *thread;
  gboolean      notified;
} ProgressLog;

static void
cancel_after_first_cb (const CbImportResult *result,
                       guint                 done,
                       guint                 total,
                       gpointer              user_data)
{
  ProgressLog *log = user_data;

  log->calls++;
  log->last_total = total;
  g_assert_cmpuint (done, ==, log->calls);
  if (done == 1)
    g_cancellable_cancel (log->cancellable);
}

static void
test_import_cancel (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) results = NULL;
  const char *names[] = { "a.txt", "b.txt", "c.md" };
  ProgressLog log = { cancellable, 0, 0, NULL, FALSE };

  write_in (fixture, "a.txt", article_a);
  write_in (fixture, "b.txt", article_b);
  write_in (fixture, "c.md", article_c);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = in_path (fixture, names[i]);
      g_ptr_array_add (files, g_file_new_for_path (path));
    }

  results = cb_importer_import_files (fixture->importer, (GFile **) files->pdata, files->len,
                                      cancellable, cancel_after_first_cb, &log);
  /* The first file was finished and kept; the others never started. */
  g_assert_cmpuint (log.calls, ==, 1);
  g_assert_cmpuint (log.last_total, ==, 3);
  g_assert_cmpuint (results->len, ==, 1);
  expect_result (results, "/a.txt", CB_IMPORT_IMPORTED);
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, 1);
}

static void
test_import_text (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(CbImportResult) result = NULL;
  g_autoptr(CbImportResult) again = NULL;
  g_autoptr(CbImportResult) empty = NULL;
  g_autoptr(CbArticle) article = NULL;

  result = cb_importer_import_text (fixture->importer,
                                    "A dropped paragraph\r\n\r\nIt was dropped on the window in 2022.\r\n",
                                    "Dropped text");
  g_assert_cmpint (result->outcome, ==, CB_IMPORT_IMPORTED);
  g_assert_cmpstr (result->path, ==, "Dropped text");
  g_assert_cmpstr (result->title, ==, "A dropped paragraph");

  article = cb_store_get_article (fixture->store, result->article_id, NULL);
  g_assert_cmpstr (cb_article_get_body (article), ==,
                   "A dropped paragraph\n\nIt was dropped on the window in 2022.\n");

  again = cb_importer_import_text (fixture->importer,
                                   "A dropped paragraph\n\nIt was dropped on the window in 2022.\n",
                                   "Dropped again");
  g_assert_cmpint (again->outcome, ==, CB_IMPORT_DUPLICATE);
  g_assert_cmpint (again->article_id, ==, result->article_id);

  empty = cb_importer_import_text (fixture->importer, "   \n", "Blank drop");
  g_assert_cmpint (empty->outcome, ==, CB_IMPORT_REJECTED);
  g_assert_nonnull (empty->reason);
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, 1);
}

typedef struct
{
  ProgressLog  log;
  GPtrArray   *results;
  GError      *error;
  gboolean     done;
} AsyncState;

static void
async_progress_cb (const CbImportResult *result,
                   guint                 done,
                   guint                 total,
                   gpointer              user_data)
{
  AsyncState *state = user_data;

  /* On the caller's thread, never the worker's. */
  g_assert_true (g_thread_self () == state->log.thread);
  g_assert_nonnull (result->path);
  state->log.calls++;
  state->log.last_total = total;
  g_assert_cmpuint (done, ==, state->log.calls);
  if (state->log.cancellable != NULL && done == 1)
    g_cancellable_cancel (state->log.cancellable);
}

static void
async_notify_cb (gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_thread_self () == state->log.thread);
  state->log.notified = TRUE;
}

static void
async_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncState *state = user_data;

  state->results = cb_importer_import_files_finish (CB_IMPORTER (object), result, &state->error);
  state->done = TRUE;
}

static void
run_async (Fixture      *fixture,
           GFile       **files,
           guint         n_files,
           AsyncState   *state)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  state->log.thread = g_thread_self ();
  cb_importer_import_files_async (fixture->importer, files, n_files, state->log.cancellable,
                                  async_progress_cb, state, async_notify_cb,
                                  async_done_cb, state);

  /* Bounded: a hang fails the test instead of blocking it. */
  while ((!state->done || !state->log.notified) && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  g_assert_true (state->done);
  g_assert_true (state->log.notified);
}

static void
test_import_async (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *in = in_path (fixture, "");
  AsyncState state = { 0 };

  write_in (fixture, "a.txt", article_a);
  write_in (fixture, "sub/b.txt", article_b);
  write_in (fixture, "sub/c.md", article_c);
  write_in (fixture, "sub/same-as-a.txt", article_a);
  folder = g_file_new_for_path (in);

  run_async (fixture, &folder, 1, &state);
  g_assert_no_error (state.error);
  g_assert_cmpuint (state.results->len, ==, 4);
  g_assert_cmpuint (state.log.calls, ==, 4);
  g_assert_cmpuint (state.log.last_total, ==, 4);
  expect_result (state.results, "/a.txt", CB_IMPORT_IMPORTED);
  expect_result (state.results, "/same-as-a.txt", CB_IMPORT_DUPLICATE);

  /* The worker wrote through its own connection; this one sees it. */
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, 3);
  g_ptr_array_unref (state.results);
}

static void
test_import_async_cancel (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  AsyncState state = { 0 };

  /* Enough files that the worker cannot finish before the cancel lands. */
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("file-%03u.txt", i);
      g_autofree char *text = g_strdup_printf ("Article number %u\n\nThe hearing number %u was in %u.\n",
                                               i, i, 1990 + i % 30);
      g_autofree char *path = in_path (fixture, name);

      write_in (fixture, name, text);
      g_ptr_array_add (files, g_file_new_for_path (path));
    }

  state.log.cancellable = cancellable;
  run_async (fixture, (GFile **) files->pdata, files->len, &state);
  g_assert_no_error (state.error);

  /* What was finished is kept and reported; the rest was not started. */
  g_assert_cmpuint (state.results->len, >=, 1);
  g_test_message ("cancelled after %u of 200 files", state.results->len);
  g_assert_cmpuint (state.results->len, <, 200);
  g_assert_cmpuint (state.log.calls, ==, state.results->len);
  g_assert_cmpuint (cb_store_count_articles (fixture->store), ==, state.results->len);
  g_ptr_array_unref (state.results);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/decode/utf8", test_decode_utf8);
  g_test_add_func ("/decode/utf8-bom", test_decode_utf8_bom);
  g_test_add_func ("/decode/utf8-bom-invalid", test_decode_utf8_bom_invalid);
  g_test_add_func ("/decode/utf16le-bom", test_decode_utf16le);
  g_test_add_func ("/decode/utf16be-bom", test_decode_utf16be);
  g_test_add_func ("/decode/utf16-invalid", test_decode_utf16_invalid);
  g_test_add_func ("/decode/windows-1252", test_decode_cp1252);
  g_test_add_func ("/decode/windows-1252-table", test_decode_cp1252_table);
  g_test_add_func ("/decode/windows-1252-undefined", test_decode_cp1252_undefined);
  g_test_add_func ("/decode/crlf", test_decode_crlf);
  g_test_add_func ("/decode/lone-cr", test_decode_cr);
  g_test_add_func ("/decode/nul-is-binary", test_decode_nul);
  g_test_add_func ("/decode/png-is-binary", test_decode_png);
  g_test_add_func ("/decode/empty", test_decode_empty);
  g_test_add_func ("/decode/whitespace-only", test_decode_whitespace);
  g_test_add_func ("/decode/too-large", test_decode_too_large);

  g_test_add_func ("/header/key-block", test_header_key_block);
  g_test_add_func ("/header/source-and-author", test_header_source_and_author);
  g_test_add_func ("/header/front-matter", test_header_front_matter);
  g_test_add_func ("/header/front-matter-unclosed", test_header_front_matter_unclosed);
  g_test_add_func ("/header/none-first-line-title", test_header_none);
  g_test_add_func ("/header/note-line-is-body", test_header_note_is_body);
  g_test_add_func ("/header/unknown-keys", test_header_unknown_keys);
  g_test_add_func ("/header/not-keys", test_header_not_keys);
  g_test_add_func ("/header/long-title", test_header_long_title);

#define ADD_IMPORT_TEST(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)

  ADD_IMPORT_TEST ("/import/folder-recursive", test_import_folder);
  ADD_IMPORT_TEST ("/import/stored-article", test_import_stored_article);
  ADD_IMPORT_TEST ("/import/duplicates", test_import_duplicates);
  ADD_IMPORT_TEST ("/import/rejected-continues", test_import_rejected_continues);
  ADD_IMPORT_TEST ("/import/date-override", test_import_date_override);
  ADD_IMPORT_TEST ("/import/no-date", test_import_no_date);
  ADD_IMPORT_TEST ("/import/cancel-between-files", test_import_cancel);
  ADD_IMPORT_TEST ("/import/text", test_import_text);
  ADD_IMPORT_TEST ("/import/async", test_import_async);
  ADD_IMPORT_TEST ("/import/async-cancel", test_import_async_cancel);

  return g_test_run ();
}
