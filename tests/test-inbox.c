/* test-inbox.c — the watched inbox folder: only finished files are announced
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cb-inbox.h"

#define QUIET_MS 150

typedef struct
{
  char       *dir;
  CbInbox    *inbox;
  GMainLoop  *loop;
  GPtrArray  *announced;  /* basenames, in order */
  GPtrArray  *contents;   /* the file's text when it was announced */
} Fixture;

static void
files_ready_cb (CbInbox   *inbox,
                GPtrArray *files,
                Fixture   *fixture)
{
  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      char *contents = NULL;

      g_ptr_array_add (fixture->announced, g_file_get_basename (file));
      if (!g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL))
        contents = g_strdup ("(unreadable)");
      g_ptr_array_add (fixture->contents, contents);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) folder = NULL;

  fixture->dir = g_dir_make_tmp ("casebook-inbox-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->loop = g_main_loop_new (NULL, FALSE);
  fixture->announced = g_ptr_array_new_with_free_func (g_free);
  fixture->contents = g_ptr_array_new_with_free_func (g_free);

  /* A folder that does not exist yet: start() creates it. */
  {
    g_autofree char *inbox_path = g_build_filename (fixture->dir, "Inbox", NULL);

    folder = g_file_new_for_path (inbox_path);
  }
  fixture->inbox = cb_inbox_new (folder);
  cb_inbox_set_quiet_period (fixture->inbox, QUIET_MS);
  g_signal_connect (fixture->inbox, "files-ready", G_CALLBACK (files_ready_cb), fixture);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->inbox);
  g_main_loop_unref (fixture->loop);
  g_ptr_array_unref (fixture->announced);
  g_ptr_array_unref (fixture->contents);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
inbox_path (Fixture    *fixture,
            const char *name)
{
  return g_build_filename (fixture->dir, "Inbox", name, NULL);
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds. */
static void
run_for (Fixture *fixture,
         guint    ms)
{
  g_timeout_add (ms, quit_cb, fixture->loop);
  g_main_loop_run (fixture->loop);
}

/* Runs until @n files were announced, failing after a generous limit. */
static void
run_until_announced (Fixture *fixture,
                     guint    n)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (fixture->announced->len < n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      run_for (fixture, 20);
    }
}

static void
write_file (const char *path,
            const char *text)
{
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static void
test_existing_files (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "Inbox", NULL);
  g_autofree char *a = inbox_path (fixture, "waiting.txt");
  g_autofree char *hidden = inbox_path (fixture, ".hidden.txt");
  g_autofree char *partial = inbox_path (fixture, "download.txt.part");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  write_file (a, "Waiting since yesterday\n\nText.");
  write_file (hidden, "An editor's file");
  write_file (partial, "Half a download");

  g_assert_true (cb_inbox_start (fixture->inbox, &error));
  g_assert_no_error (error);
  run_until_announced (fixture, 1);
  run_for (fixture, 2 * QUIET_MS);

  g_assert_cmpuint (fixture->announced->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->announced, 0), ==, "waiting.txt");
}

static void
test_creates_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "Inbox", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_true (cb_inbox_start (fixture->inbox, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
}

static void
test_unusable_folder (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (fixture->dir, "Inbox", NULL);
  g_autoptr(GError) error = NULL;

  /* A plain file where the folder should be. */
  write_file (blocker, "not a folder");
  g_assert_false (cb_inbox_start (fixture->inbox, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Inbox"));
}

typedef struct
{
  GOutputStream *out;
  guint          chunks_left;
  Fixture       *fixture;
  guint          announced_while_writing;
} SlowWriter;

static const char chunk[] = "A line of an article that arrives slowly, one piece at a time.\n";
#define N_CHUNKS 5

static gboolean
write_chunk_cb (gpointer user_data)
{
  SlowWriter *writer = user_data;

  writer->announced_while_writing += writer->fixture->announced->len;
  g_assert_true (g_output_stream_write_all (writer->out, chunk, strlen (chunk), NULL, NULL, NULL));
  g_assert_true (g_output_stream_flush (writer->out, NULL, NULL));
  if (--writer->chunks_left > 0)
    return G_SOURCE_CONTINUE;

  g_assert_true (g_output_stream_close (writer->out, NULL, NULL));
  g_main_loop_quit (writer->fixture->loop);
  return G_SOURCE_REMOVE;
}

static void
test_slow_writer (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = inbox_path (fixture, "slow.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  SlowWriter writer = { 0 };

  g_assert_true (cb_inbox_start (fixture->inbox, NULL));
  run_for (fixture, 50);

  out = g_file_create (file, G_FILE_CREATE_NONE, NULL, NULL);
  g_assert_nonnull (out);
  writer.out = G_OUTPUT_STREAM (out);
  writer.chunks_left = N_CHUNKS;
  writer.fixture = fixture;
  for (guint i = 0; i < N_CHUNKS; i++)
    g_string_append (expected, chunk);

  /* Pauses twice the quiet period long while the file stays open. */
  g_timeout_add (2 * QUIET_MS, write_chunk_cb, &writer);
  g_main_loop_run (fixture->loop);

  g_assert_cmpuint (writer.announced_while_writing, ==, 0);
  run_until_announced (fixture, 1);
  run_for (fixture, 3 * QUIET_MS);

  /* Once, whole. */
  g_assert_cmpuint (fixture->announced->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->contents, 0), ==, expected->str);
  g_assert_cmpuint (cb_inbox_get_n_pending (fixture->inbox), ==, 0);
}

static void
test_moves_and_renames (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *outside = g_build_filename (fixture->dir, "elsewhere.txt", NULL);
  g_autofree char *moved = inbox_path (fixture, "moved-in.txt");
  g_autofree char *partial = inbox_path (fixture, "fetched.txt.part");
  g_autofree char *final = inbox_path (fixture, "fetched.txt");
  g_autofree char *doomed = inbox_path (fixture, "doomed.txt");

  g_assert_true (cb_inbox_start (fixture->inbox, NULL));
  run_for (fixture, 50);

  write_file (outside, "Written elsewhere, then moved in.");
  g_assert_cmpint (g_rename (outside, moved), ==, 0);

  write_file (partial, "A finished download.");
  run_for (fixture, 20);
  g_assert_cmpint (g_rename (partial, final), ==, 0);

  /* Gone before its quiet period ends: nothing to announce. */
  write_file (doomed, "Deleted at once.");
  g_assert_cmpint (g_unlink (doomed), ==, 0);

  run_until_announced (fixture, 2);
  run_for (fixture, 3 * QUIET_MS);

  g_assert_cmpuint (fixture->announced->len, ==, 2);
  {
    gboolean saw_moved = FALSE, saw_fetched = FALSE;

    for (guint i = 0; i < fixture->announced->len; i++)
      {
        const char *name = g_ptr_array_index (fixture->announced, i);

        saw_moved |= g_strcmp0 (name, "moved-in.txt") == 0;
        saw_fetched |= g_strcmp0 (name, "fetched.txt") == 0;
      }
    g_assert_true (saw_moved);
    g_assert_true (saw_fetched);
  }
}

static void
test_changed_again (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = inbox_path (fixture, "edited.txt");

  g_assert_true (cb_inbox_start (fixture->inbox, NULL));
  run_for (fixture, 50);

  write_file (path, "First version.");
  run_until_announced (fixture, 1);
  write_file (path, "Second version, saved later.");
  run_until_announced (fixture, 2);

  g_assert_cmpstr (g_ptr_array_index (fixture->contents, 0), ==, "First version.");
  g_assert_cmpstr (g_ptr_array_index (fixture->contents, 1), ==, "Second version, saved later.");
}

static void
test_default_path (void)
{
  g_autofree char *path = cb_inbox_dup_default_path ();

  g_assert_true (g_path_is_absolute (path));
  g_assert_true (g_str_has_suffix (path, "Casebook Inbox"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/inbox/existing-files", test_existing_files);
  ADD ("/inbox/creates-folder", test_creates_folder);
  ADD ("/inbox/unusable-folder", test_unusable_folder);
  ADD ("/inbox/slow-writer", test_slow_writer);
  ADD ("/inbox/moves-and-renames", test_moves_and_renames);
  ADD ("/inbox/changed-again", test_changed_again);
#undef ADD
  g_test_add_func ("/inbox/default-path", test_default_path);

  return g_test_run ();
}
