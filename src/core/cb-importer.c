/* cb-importer.c — files and folders into the store
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import runs in two steps: the files and folders given are expanded into
 * a flat list of candidate files first (so progress knows the total), then
 * each candidate is read, decoded, parsed, extracted and stored on its own.
 * A file that fails becomes a REJECTED result with the reason; the loop goes
 * on.  Each article is stored by cb_store_add_article_full() in a savepoint
 * of its own inside a batch transaction (see "Storing in batches"), so a
 * failure leaves nothing of that file behind and a commit only ever holds
 * whole articles.
 *
 * Folders are walked following symbolic links, and every folder's file id
 * (device and inode for local files) is remembered: a link back to a folder
 * already seen is skipped, so loops end.  Files are only ever opened when
 * their type is "regular": pipes, sockets and devices are reported, never
 * read — opening a FIFO for reading would block until a writer came along.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cb-importer.h"
#include "cb-article-header.h"
#include "cb-text-decode.h"
#include "extract/cb-extract.h"
#include "extract/cb-fuzzy-date.h"

struct _CbImporter
{
  GObject   parent_instance;

  CbStore  *store;
  GDate     date;       /* the override; valid only when has_date */
  gboolean  has_date;
  gsize     max_size;
  gboolean  needs_review;
};

/* One file found while expanding what was given. */
typedef struct
{
  GFile   *file;
  char    *display;
  char    *reject_reason;  /* set: report this, never open the file */
  guint64  size;
} Candidate;

/* Shared by the worker thread and the progress idles it posts; the caller's
 * progress_notify runs when the last of them is done, on the caller's context. */
typedef struct
{
  gatomicrefcount       ref_count;
  CbImportProgressFunc  func;
  gpointer              data;
  GDestroyNotify        notify;
  GMainContext         *context;
} ProgressClosure;

typedef struct
{
  ProgressClosure *closure;
  CbImportResult  *result;
  guint            done;
  guint            total;
} ProgressCall;

typedef struct
{
  GPtrArray       *files;      /* GFile */
  char            *db_path;
  GDate            date;
  gboolean         has_date;
  gsize            max_size;
  gboolean         needs_review;
  ProgressClosure *progress;
} ImportTaskData;

G_DEFINE_FINAL_TYPE (CbImporter, cb_importer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define QUERY_ATTRIBUTES \
  G_FILE_ATTRIBUTE_STANDARD_NAME "," \
  G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
  G_FILE_ATTRIBUTE_STANDARD_SIZE "," \
  G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN "," \
  G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK "," \
  G_FILE_ATTRIBUTE_ID_FILE

/* --- Results ------------------------------------------------------------ */

void
cb_import_result_free (CbImportResult *result)
{
  if (result == NULL)
    return;

  g_free (result->path);
  g_free (result->title);
  g_free (result->reason);
  g_free (result);
}

static CbImportResult *
import_result_new (const char      *path,
                   CbImportOutcome  outcome,
                   const char      *title,
                   const char      *reason,
                   gint64           article_id)
{
  CbImportResult *result = g_new0 (CbImportResult, 1);

  result->path = g_strdup (path);
  result->outcome = outcome;
  result->title = g_strdup (title);
  result->reason = g_strdup (reason);
  result->article_id = article_id;

  return result;
}

static CbImportResult *
import_result_copy (const CbImportResult *result)
{
  return import_result_new (result->path, result->outcome, result->title,
                            result->reason, result->article_id);
}

static CbImportResult *
rejected (const char *path,
          const char *reason)
{
  return import_result_new (path, CB_IMPORT_REJECTED, NULL, reason, 0);
}

/* --- Expanding files and folders ---------------------------------------- */

static void
candidate_free (Candidate *candidate)
{
  g_clear_object (&candidate->file);
  g_free (candidate->display);
  g_free (candidate->reject_reason);
  g_free (candidate);
}

static char *
dup_display_name (GFile *file)
{
  const char *path = g_file_peek_path (file);

  /* A name that is no UTF-8 gets U+FFFD where its bad bytes are: results
   * and the stored path are text. */
  return path != NULL ? g_filename_display_name (path) : g_file_get_uri (file);
}

/* A sentence for a GIO error; GIO's own messages repeat the path the result
 * already shows, so the common cases get a plain sentence of their own. */
static char *
io_error_reason (const GError *error,
                 gboolean      folder)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return g_strdup (_("There is no such file or folder."));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return g_strdup (_("You are not allowed to read this file or folder."));

  if (folder)
    return g_strdup_printf (_("The folder could not be read: %s"), error->message);
  return g_strdup_printf (_("The file could not be read: %s"), error->message);
}

static void
add_candidate (GPtrArray  *candidates,
               GFile      *file,
               guint64     size,
               const char *reject_reason)
{
  Candidate *candidate = g_new0 (Candidate, 1);

  candidate->file = g_object_ref (file);
  candidate->display = dup_display_name (file);
  candidate->reject_reason = g_strdup (reject_reason);
  candidate->size = size;
  g_ptr_array_add (candidates, candidate);
}

static int
compare_infos_by_name (gconstpointer a,
                       gconstpointer b)
{
  GFileInfo *info_a = *(GFileInfo **) a;
  GFileInfo *info_b = *(GFileInfo **) b;

  return g_strcmp0 (g_file_info_get_name (info_a), g_file_info_get_name (info_b));
}

static void expand_file (GFile        *file,
                         GFileInfo    *info,
                         GHashTable   *visited,
                         GPtrArray    *candidates,
                         GCancellable *cancellable);

static void
expand_folder (GFile        *folder,
               GFileInfo    *info,
               GHashTable   *visited,
               GPtrArray    *candidates,
               GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;
  char *key;

  /* A folder reached twice (a link loop, or two links to one folder) is
   * walked once. */
  id = g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE);
  key = id != NULL ? g_strdup (id) : g_file_get_uri (folder);
  if (!g_hash_table_add (visited, key))
    return;

  /* Without NOFOLLOW: a link to a folder or file is taken for its target,
   * and the visited ids keep that from looping. */
  enumerator = g_file_enumerate_children (folder, QUERY_ATTRIBUTES,
                                          G_FILE_QUERY_INFO_NONE,
                                          cancellable, &error);
  if (enumerator == NULL)
    {
      g_autofree char *reason = io_error_reason (error, TRUE);
      add_candidate (candidates, folder, 0, reason);
      return;
    }

  children = g_ptr_array_new_with_free_func (g_object_unref);
  for (;;)
    {
      GFileInfo *child_info = g_file_enumerator_next_file (enumerator, cancellable, &error);

      if (child_info == NULL)
        break;
      g_ptr_array_add (children, child_info);
    }

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *reason =
        g_strdup_printf (_("The folder could not be read completely: %s"), error->message);
      add_candidate (candidates, folder, 0, reason);
    }

  /* Alphabetical, so an import is reproducible. */
  g_ptr_array_sort (children, compare_infos_by_name);

  for (guint i = 0; i < children->len; i++)
    {
      GFileInfo *child_info = g_ptr_array_index (children, i);
      g_autoptr(GFile) child = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        return;

      /* Hidden files and folders (".git", ".notes.txt") are not articles. */
      if (g_file_info_get_is_hidden (child_info))
        continue;

      child = g_file_enumerator_get_child (enumerator, child_info);
      expand_file (child, child_info, visited, candidates, cancellable);
    }
}

static void
expand_file (GFile        *file,
             GFileInfo    *info,
             GHashTable   *visited,
             GPtrArray    *candidates,
             GCancellable *cancellable)
{
  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_DIRECTORY:
      expand_folder (file, info, visited, candidates, cancellable);
      break;

    case G_FILE_TYPE_REGULAR:
      add_candidate (candidates, file, g_file_info_get_size (info), NULL);
      break;

    case G_FILE_TYPE_SPECIAL:
      add_candidate (candidates, file, 0,
                     _("This is not a regular file (a pipe, socket or device); it was not read."));
      break;

    case G_FILE_TYPE_SYMBOLIC_LINK:
      /* Following it failed: a dangling link, or one that points to itself. */
      add_candidate (candidates, file, 0,
                     _("This is a symbolic link to nothing that can be read."));
      break;

    case G_FILE_TYPE_UNKNOWN:
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_MOUNTABLE:
    default:
      add_candidate (candidates, file, 0,
                     _("This is not a file or folder that can be imported."));
      break;
    }
}

static GPtrArray *
expand_files (GFile        **files,
              guint          n_files,
              GCancellable  *cancellable)
{
  g_autoptr(GHashTable) visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GError) error = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      /* What was named explicitly is imported even when hidden or a link. */
      info = g_file_query_info (files[i], QUERY_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                                cancellable, &error);
      if (info == NULL)
        {
          g_autofree char *reason = io_error_reason (error, FALSE);

          add_candidate (candidates, files[i], 0, reason);
          continue;
        }

      expand_file (files[i], info, visited, candidates, cancellable);
    }

  return candidates;
}

/* --- Importing one text ------------------------------------------------- */

static char *
too_large_reason (guint64 size,
                  gsize   max_size)
{
  g_autofree char *size_str = g_format_size (size);
  g_autofree char *max_str = g_format_size (max_size);

  /* The same sentence as cb_decode_text() gives. */
  return g_strdup_printf (_("The file is too large (%s; the limit is %s)."),
                          size_str, max_str);
}

static CbImportResult *
duplicate_of (CbArticle  *stored,
              const char *display)
{
  return import_result_new (display, CB_IMPORT_DUPLICATE,
                            cb_article_get_title (stored), NULL,
                            cb_article_get_id (stored));
}

/* What the importer needs to read a file without the store: everything up
 * to the extraction runs on this, on a thread of its own during a folder
 * import, while the calling thread stores the file before. */
typedef struct
{
  GDate    date;
  gboolean has_date;
  gsize    max_size;
} ReadOptions;

/* A file read, decoded and extracted, ready to store — or its rejection. */
typedef struct
{
  CbImportResult *rejected;
  char           *display;
  char           *sha256;
  char           *title;
  CbArticle      *article;
  CbExtraction   *extraction;
} Prepared;

static void
prepared_free (Prepared *prepared)
{
  if (prepared == NULL)
    return;

  cb_import_result_free (prepared->rejected);
  g_free (prepared->display);
  g_free (prepared->sha256);
  g_free (prepared->title);
  g_clear_object (&prepared->article);
  g_clear_pointer (&prepared->extraction, cb_extraction_free);
  g_free (prepared);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Prepared, prepared_free)

static Prepared *
prepared_rejected (const char *display,
                   const char *reason)
{
  Prepared *prepared = g_new0 (Prepared, 1);

  prepared->display = g_strdup (display);
  prepared->rejected = rejected (display, reason);
  return prepared;
}

static void
read_options_init (ReadOptions *options,
                   CbImporter  *self)
{
  options->date = self->date;
  options->has_date = self->has_date;
  options->max_size = self->max_size;
}

/* @text is decoded, normalised UTF-8.  @display names it in the result,
 * @article_path is what the article remembers as its origin (may be NULL),
 * @fallback_title names an article without a title line.  Touches no store. */
static Prepared *
prepare_decoded (const ReadOptions *options,
                 const char        *text,
                 const char        *display,
                 const char        *article_path,
                 const char        *fallback_title)
{
  g_autofree char *published = NULL;
  CbArticleHeader header = { 0 };
  Prepared *prepared = g_new0 (Prepared, 1);
  const char *body;
  const char *title;
  GDate date;
  gboolean has_date = FALSE;

  prepared->display = g_strdup (display);
  prepared->sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  cb_article_header_parse (text, &header);
  body = text + header.body_offset;

  g_date_clear (&date, 1);
  if (options->has_date)
    {
      date = options->date;
      has_date = TRUE;
    }
  else if (header.date != NULL && cb_parse_calendar_date (header.date, &date) && g_date_valid (&date))
    {
      has_date = TRUE;
    }

  if (has_date)
    published = g_strdup_printf ("%04u-%02u-%02u",
                                 (guint) g_date_get_year (&date),
                                 (guint) g_date_get_month (&date),
                                 (guint) g_date_get_day (&date));

  title = header.title;
  if (title == NULL || *title == '\0')
    title = fallback_title != NULL ? fallback_title : _("Untitled article");
  prepared->title = g_strdup (title);

  prepared->extraction = cb_extract (body, has_date ? &date : NULL);
  prepared->article = cb_article_new (title, header.source, header.author, published,
                                      article_path, prepared->sha256, body);

  cb_article_header_clear (&header);

  return prepared;
}

/* Reads a whole local file, or fails without blocking when it is not a
 * regular file (any more): it was one when listed, but a pipe put in its
 * place would block open() and read() for ever, a device would never end.
 * At most @max_size bytes: more is CB_DECODE_ERROR_TOO_LARGE with
 * *@length set to the size. */
static gboolean
load_regular_file (GFile   *file,
                   gsize    max_size,
                   char   **contents,
                   gsize   *length,
                   GError **error)
{
  const char *path = g_file_peek_path (file);
  g_autofree char *buffer = NULL;
  struct stat st;
  gsize capacity;
  gsize done = 0;
  int fd;

  *contents = NULL;
  *length = 0;

  if (path == NULL)
    return g_file_load_contents (file, NULL, contents, length, NULL, error);

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return FALSE;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_close (fd, NULL);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("This is not a regular file (a pipe, socket or device); it was not read."));
      return FALSE;
    }

  if ((guint64) st.st_size > max_size)
    {
      g_close (fd, NULL);
      *length = (gsize) st.st_size;
      g_set_error_literal (error, CB_DECODE_ERROR, CB_DECODE_ERROR_TOO_LARGE, "");
      return FALSE;
    }

  /* The file may grow while it is read: the buffer grows with it, up to
   * one byte more than allowed, which tells a file too large. */
  capacity = (gsize) st.st_size + 1;
  buffer = g_malloc (capacity + 1);
  for (;;)
    {
      gssize n;

      if (done == capacity)
        {
          if (done > max_size)
            break;
          capacity = MIN (capacity * 2, max_size + 1);
          buffer = g_realloc (buffer, capacity + 1);
        }

      n = read (fd, buffer + done, capacity - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_close (fd, NULL);
          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          return FALSE;
        }
      if (n == 0)
        break;
      done += (gsize) n;
    }
  g_close (fd, NULL);

  *length = done;
  if (done > max_size)
    {
      g_set_error_literal (error, CB_DECODE_ERROR, CB_DECODE_ERROR_TOO_LARGE, "");
      return FALSE;
    }

  buffer[done] = '\0';
  *length = done;
  *contents = g_steal_pointer (&buffer);
  return TRUE;
}

/* Reads, decodes and extracts one candidate file.  Touches no store. */
static Prepared *
prepare_candidate (const ReadOptions *options,
                   Candidate         *candidate)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *basename = NULL;
  gsize length = 0;

  if (candidate->reject_reason != NULL)
    return prepared_rejected (candidate->display, candidate->reject_reason);

  /* Checked before reading: a huge file is never loaded into memory. */
  if (candidate->size > options->max_size)
    {
      g_autofree char *reason = too_large_reason (candidate->size, options->max_size);
      return prepared_rejected (candidate->display, reason);
    }

  /* Not cancellable: a file once started is finished; cancelling stops
   * between files. */
  if (!load_regular_file (candidate->file, options->max_size, &contents, &length, &error))
    {
      g_autofree char *reason = NULL;

      if (g_error_matches (error, CB_DECODE_ERROR, CB_DECODE_ERROR_TOO_LARGE))
        reason = too_large_reason (length, options->max_size);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
        reason = g_strdup (error->message);
      else
        reason = io_error_reason (error, FALSE);
      return prepared_rejected (candidate->display, reason);
    }

  text = cb_decode_text ((const guint8 *) contents, length, options->max_size, NULL, &error);
  if (text == NULL)
    return prepared_rejected (candidate->display, error->message);
  g_clear_pointer (&contents, g_free);

  basename = g_file_get_basename (candidate->file);

  return prepare_decoded (options, text, candidate->display, candidate->display, basename);
}

/* Stores what prepare_*() made, on the importer's own connection. */
static CbImportResult *
store_prepared (CbImporter *self,
                Prepared   *prepared)
{
  g_autoptr(CbArticle) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (prepared->rejected != NULL)
    return g_steal_pointer (&prepared->rejected);

  /* The store finds a text stored already (under the write lock, so this
   * holds against other connections too); only then is it looked up. */
  id = cb_store_add_article_full (self->store, prepared->article, prepared->extraction,
                                  self->needs_review ? CB_STORE_ADD_NONE : CB_STORE_ADD_ACCEPTED,
                                  &error);
  if (id == 0 && g_error_matches (error, CB_STORE_ERROR, CB_STORE_ERROR_DUPLICATE))
    {
      g_clear_error (&error);
      stored = cb_store_find_article_by_sha256 (self->store, prepared->sha256, &error);
      if (stored != NULL)
        return duplicate_of (stored, prepared->display);
      if (error != NULL)
        {
          g_autofree char *reason =
            g_strdup_printf (_("The database could not be searched for this text: %s"), error->message);
          return rejected (prepared->display, reason);
        }
      return import_result_new (prepared->display, CB_IMPORT_DUPLICATE, prepared->title, NULL, 0);
    }
  if (id == 0)
    {
      g_autofree char *reason =
        g_strdup_printf (_("The article could not be stored: %s"),
                         error != NULL ? error->message : _("unknown error"));
      return rejected (prepared->display, reason);
    }

  return import_result_new (prepared->display, CB_IMPORT_IMPORTED, prepared->title, NULL, id);
}

/* --- Reading ahead on a second thread ----------------------------------- */

/* While the calling thread stores file N (SQLite's part, most of the
 * time), a reader thread reads, decodes and extracts the files after it, at
 * most READ_AHEAD of them.  Results stay in order; each file is still
 * stored whole (or not at all) by the calling thread, so nothing about
 * what a failure or a cancellation keeps changes. */
#define READ_AHEAD 16

/* A waiting reader is woken when the files read ahead fall to half, not at
 * every file taken: a wake-up (a futex call, a context switch on the
 * storing thread's core) per file was 3 % of an import. */
#define READ_AHEAD_LOW (READ_AHEAD / 2)

typedef struct
{
  GMutex       mutex;
  GCond        cond;
  GPtrArray   *candidates;   /* Candidate, owned by the caller */
  ReadOptions  options;
  Prepared   **slots;        /* one per candidate; set by the reader */
  guint        n_read;       /* candidates prepared so far */
  guint        n_taken;      /* taken by the storing thread */
  gboolean     reader_waits; /* for room to read ahead */
  gboolean     taker_waits;  /* for the next file */
  gboolean     stop;
} ReadAhead;

static gpointer
read_ahead_thread (gpointer user_data)
{
  ReadAhead *ahead = user_data;

  for (guint i = 0; i < ahead->candidates->len; i++)
    {
      Prepared *prepared;

      g_mutex_lock (&ahead->mutex);
      while (!ahead->stop && i >= ahead->n_taken + READ_AHEAD)
        {
          ahead->reader_waits = TRUE;
          g_cond_wait (&ahead->cond, &ahead->mutex);
        }
      ahead->reader_waits = FALSE;
      if (ahead->stop)
        {
          g_mutex_unlock (&ahead->mutex);
          break;
        }
      g_mutex_unlock (&ahead->mutex);

      prepared = prepare_candidate (&ahead->options, g_ptr_array_index (ahead->candidates, i));

      g_mutex_lock (&ahead->mutex);
      ahead->slots[i] = prepared;
      ahead->n_read = i + 1;
      if (ahead->taker_waits)
        g_cond_broadcast (&ahead->cond);
      g_mutex_unlock (&ahead->mutex);
    }

  return NULL;
}

/* File @index, waiting for the reader until @deadline (monotonic time; 0
 * for ever): NULL when it has not been read by then. */
static Prepared *
read_ahead_take (ReadAhead *ahead,
                 guint      index,
                 gint64     deadline)
{
  Prepared *prepared;

  g_mutex_lock (&ahead->mutex);
  while (ahead->n_read <= index)
    {
      ahead->taker_waits = TRUE;
      if (deadline == 0)
        {
          g_cond_wait (&ahead->cond, &ahead->mutex);
        }
      else if (!g_cond_wait_until (&ahead->cond, &ahead->mutex, deadline) &&
               ahead->n_read <= index)
        {
          ahead->taker_waits = FALSE;
          g_mutex_unlock (&ahead->mutex);
          return NULL;
        }
    }
  ahead->taker_waits = FALSE;
  prepared = g_steal_pointer (&ahead->slots[index]);
  ahead->n_taken = index + 1;
  if (ahead->reader_waits && ahead->n_read - ahead->n_taken <= READ_AHEAD_LOW)
    g_cond_broadcast (&ahead->cond);
  g_mutex_unlock (&ahead->mutex);

  return prepared;
}

/* --- Storing in batches ------------------------------------------------- */

/* A transaction per file made every article pay for its own search index
 * segment, the index pages it touched and a WAL commit: at 2,000 files that
 * was most of an import's time.  Files are stored in batches instead
 * (cb_store_begin_batch()): one transaction holds the articles stored during
 * the batch's length (BATCH_USEC or more, see below; or BATCH_MAX of them),
 * each in a savepoint of its own
 * (cb_store_add_article_full() nests), so a file that fails leaves nothing
 * and the batch goes on.  A batch also commits when it is due while the
 * storing thread waits for the reader (a slow disk, one file dropped on the
 * window; committing at every wait made twice the commits, for files read a
 * moment later), when the import is cancelled and at the end — so a commit
 * only ever holds whole articles, a crash loses at most the last second of
 * finished files, and another process waits at most that long for the
 * write lock.  Should the commit fail (or SQLite roll the transaction back
 * on its own, as on a full disk), the batch's files are stored again one
 * transaction each, and their results are what that gives. */
#define BATCH_USEC (200 * G_TIME_SPAN_MILLISECOND)
#define BATCH_MAX  1000

/* A commit writes every page the batch changed, and in a large database
 * nearly every row added to an index by person, case or date lands on a
 * page of its own: at 100,000 articles a commit took half of a 200 ms
 * batch.  Batches then grow, up to a second, until their commit takes no
 * more than 1/BATCH_COMMIT_SHARE of their time (at 98,000 articles 2,000
 * more imported in 2.1 s instead of 2.9 s; a small database keeps 200 ms,
 * where a longer batch only delayed the last commit's work to the end).
 * Another connection of the process that waits for the write lock
 * (an edit in the window) makes the batch commit at once. */
#define BATCH_USEC_MAX      (1000 * G_TIME_SPAN_MILLISECOND)
#define BATCH_COMMIT_SHARE  8

typedef struct
{
  gboolean   open;       /* the importer's transaction is open */
  gint64     started;    /* monotonic time it was opened */
  gint64     length;     /* how long it may stay open, in µs */
  guint      lock_waits; /* cb_store_get_lock_waits () when it was opened */
  GPtrArray *prepared;   /* Prepared stored in it */
  GArray    *indices;    /* guint: the index in the results of each */
  CbStoreCheckpointer *checkpointer;  /* or NULL */
} Batch;

static void
batch_init (Batch *batch)
{
  batch->open = FALSE;
  batch->length = BATCH_USEC;
  batch->checkpointer = NULL;
  batch->prepared = g_ptr_array_new_with_free_func ((GDestroyNotify) prepared_free);
  batch->indices = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
batch_clear (Batch *batch)
{
  g_clear_pointer (&batch->checkpointer, cb_store_stop_checkpointer);
  g_clear_pointer (&batch->prepared, g_ptr_array_unref);
  g_clear_pointer (&batch->indices, g_array_unref);
}

/* The batch's transaction is gone: each of its files again, on its own. */
static void
batch_store_again (CbImporter *self,
                   Batch      *batch,
                   GPtrArray  *results)
{
  batch->open = FALSE;
  cb_store_rollback_batch (self->store);

  for (guint i = 0; i < batch->prepared->len; i++)
    {
      guint index = g_array_index (batch->indices, guint, i);

      cb_import_result_free (g_ptr_array_index (results, index));
      g_ptr_array_index (results, index) =
        store_prepared (self, g_ptr_array_index (batch->prepared, i));
    }

  g_ptr_array_set_size (batch->prepared, 0);
  g_array_set_size (batch->indices, 0);
}

static void
batch_commit (CbImporter *self,
              Batch      *batch,
              GPtrArray  *results)
{
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (!batch->open)
    return;

  batch->open = FALSE;
  start = g_get_monotonic_time ();
  if (!cb_store_commit_batch (self->store, &error))
    {
      g_debug ("A batch of %u files could not be committed (%s); storing them one by one",
               batch->prepared->len, error->message);
      batch_store_again (self, batch, results);
      return;
    }
  batch->length = CLAMP ((g_get_monotonic_time () - start) * BATCH_COMMIT_SHARE,
                         BATCH_USEC, BATCH_USEC_MAX);

  cb_store_checkpointer_request (batch->checkpointer);
  g_ptr_array_set_size (batch->prepared, 0);
  g_array_set_size (batch->indices, 0);
}

/* Stores @prepared (taking it) in the open batch, opening one when needed,
 * and appends its result to @results. */
static void
batch_store (CbImporter *self,
             Batch      *batch,
             Prepared   *prepared,
             GPtrArray  *results)
{
  guint index = results->len;

  if (prepared->rejected != NULL)
    {
      g_ptr_array_add (results, store_prepared (self, prepared));
      prepared_free (prepared);
      return;
    }

  /* Inside a transaction of the caller, the caller commits. */
  if (!batch->open && !cb_store_in_transaction (self->store))
    {
      cb_store_checkpointer_settle (batch->checkpointer);
      /* When even that fails (the database is locked), the file tries on
       * its own and reports why it could not be stored. */
      batch->open = cb_store_begin_batch (self->store, NULL);
      batch->started = g_get_monotonic_time ();
      batch->lock_waits = cb_store_get_lock_waits ();
    }

  g_ptr_array_add (results, store_prepared (self, prepared));
  if (!batch->open)
    {
      prepared_free (prepared);
      return;
    }

  g_ptr_array_add (batch->prepared, prepared);
  g_array_append_val (batch->indices, index);

  if (!cb_store_in_transaction (self->store))
    batch_store_again (self, batch, results);
}

static gboolean
batch_is_full (Batch *batch)
{
  return batch->open
         && (batch->prepared->len >= BATCH_MAX
             || g_get_monotonic_time () - batch->started >= batch->length
             || cb_store_get_lock_waits () != batch->lock_waits);
}

/* --- Importing candidates ----------------------------------------------- */

/* --- The worker thread -------------------------------------------------- */

static ProgressClosure *
progress_closure_ref (ProgressClosure *closure)
{
  g_atomic_ref_count_inc (&closure->ref_count);
  return closure;
}

static gboolean
run_notify_cb (gpointer user_data)
{
  ProgressClosure *closure = user_data;

  if (closure->notify != NULL)
    closure->notify (closure->data);
  g_main_context_unref (closure->context);
  g_free (closure);

  return G_SOURCE_REMOVE;
}

static void
progress_closure_unref (ProgressClosure *closure)
{
  GSource *source;

  if (!g_atomic_ref_count_dec (&closure->ref_count))
    return;

  if (g_main_context_is_owner (closure->context))
    {
      run_notify_cb (closure);
      return;
    }

  /* The caller's data is theirs to free, on their thread. */
  source = g_idle_source_new ();
  g_source_set_callback (source, run_notify_cb, closure, NULL);
  g_source_set_static_name (source, "[casebook] import progress notify");
  g_source_attach (source, closure->context);
  g_source_unref (source);
}

static void
progress_call_free (ProgressCall *call)
{
  cb_import_result_free (call->result);
  progress_closure_unref (call->closure);
  g_free (call);
}

static gboolean
progress_call_cb (gpointer user_data)
{
  ProgressCall *call = user_data;

  if (call->closure->func != NULL)
    call->closure->func (call->result, call->done, call->total, call->closure->data);

  return G_SOURCE_REMOVE;
}

static void
thread_progress_cb (const CbImportResult *result,
                    guint                 done,
                    guint                 total,
                    gpointer              user_data)
{
  ProgressClosure *closure = user_data;
  ProgressCall *call;
  GSource *source;

  if (closure->func == NULL)
    return;

  call = g_new0 (ProgressCall, 1);
  call->closure = progress_closure_ref (closure);
  call->result = import_result_copy (result);
  call->done = done;
  call->total = total;

  /* An idle source rather than g_main_context_invoke(): when the caller's
   * context is the global default and nobody iterates it right now,
   * invoke() would acquire it and run the callback on this thread. */
  source = g_idle_source_new ();
  g_source_set_callback (source, progress_call_cb, call, (GDestroyNotify) progress_call_free);
  g_source_set_static_name (source, "[casebook] import progress");
  g_source_attach (source, closure->context);
  g_source_unref (source);
}

static void
import_task_data_free (ImportTaskData *data)
{
  g_clear_pointer (&data->files, g_ptr_array_unref);
  g_free (data->db_path);
  if (data->progress != NULL)
    progress_closure_unref (data->progress);
  g_free (data);
}

static void
import_files_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ImportTaskData *data = task_data;
  g_autoptr(CbStore) store = NULL;
  g_autoptr(CbImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *results;

  /* One connection per thread: SQLite handles are not shared. */
  store = cb_store_open (data->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  importer = cb_importer_new (store);
  if (data->has_date)
    cb_importer_set_date (importer, &data->date);
  cb_importer_set_max_size (importer, data->max_size);
  cb_importer_set_needs_review (importer, data->needs_review);

  results = cb_importer_import_files (importer,
                                      (GFile **) data->files->pdata, data->files->len,
                                      cancellable, thread_progress_cb, data->progress);

  g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

/* --- GObject ------------------------------------------------------------ */

static void
cb_importer_dispose (GObject *object)
{
  CbImporter *self = CB_IMPORTER (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (cb_importer_parent_class)->dispose (object);
}

static void
cb_importer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CbImporter *self = CB_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_importer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CbImporter *self = CB_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_importer_class_init (CbImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cb_importer_dispose;
  object_class->get_property = cb_importer_get_property;
  object_class->set_property = cb_importer_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cb_importer_init (CbImporter *self)
{
  g_date_clear (&self->date, 1);
  self->max_size = CB_DECODE_DEFAULT_MAX_SIZE;
  self->needs_review = TRUE;
}

/* --- Public API --------------------------------------------------------- */

CbImporter *
cb_importer_new (CbStore *store)
{
  g_return_val_if_fail (CB_IS_STORE (store), NULL);

  return g_object_new (CB_TYPE_IMPORTER, "store", store, NULL);
}

void
cb_importer_set_date (CbImporter  *self,
                      const GDate *date)
{
  g_return_if_fail (CB_IS_IMPORTER (self));

  if (date != NULL && g_date_valid (date))
    {
      self->date = *date;
      self->has_date = TRUE;
    }
  else
    {
      g_date_clear (&self->date, 1);
      self->has_date = FALSE;
    }
}

void
cb_importer_set_max_size (CbImporter *self,
                          gsize       max_size)
{
  g_return_if_fail (CB_IS_IMPORTER (self));

  self->max_size = max_size > 0 ? max_size : CB_DECODE_DEFAULT_MAX_SIZE;
}

void
cb_importer_set_needs_review (CbImporter *self,
                              gboolean    needs_review)
{
  g_return_if_fail (CB_IS_IMPORTER (self));

  self->needs_review = !!needs_review;
}

gboolean
cb_importer_get_needs_review (CbImporter *self)
{
  g_return_val_if_fail (CB_IS_IMPORTER (self), TRUE);

  return self->needs_review;
}

/* Each file allocates and frees a few hundred kilobytes (the text, its
 * extraction, SQLite's statement memory).  glibc hands memory above 128 KB
 * at the top of the heap back to the kernel on free(), so every file paid
 * for brk() calls and TLB flushes — a third of an import's time.  Keeping
 * up to 32 MB is cheap and process-wide, so it is done once. */
static void
keep_freed_memory (void)
{
#ifdef __GLIBC__
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      mallopt (M_TRIM_THRESHOLD, 32 * 1024 * 1024);
      g_once_init_leave (&done, 1);
    }
#endif
}

GPtrArray *
cb_importer_import_files (CbImporter           *self,
                          GFile               **files,
                          guint                 n_files,
                          GCancellable         *cancellable,
                          CbImportProgressFunc  progress,
                          gpointer              user_data)
{
  g_autoptr(GPtrArray) candidates = NULL;
  ReadAhead ahead = { 0 };
  Batch batch;
  GThread *reader = NULL;
  GPtrArray *results;

  g_return_val_if_fail (CB_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);

  keep_freed_memory ();

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_import_result_free);
  candidates = expand_files (files, n_files, cancellable);

  ahead.candidates = candidates;
  read_options_init (&ahead.options, self);
  ahead.slots = g_new0 (Prepared *, candidates->len + 1);
  g_mutex_init (&ahead.mutex);
  g_cond_init (&ahead.cond);
  if (candidates->len > 1)
    reader = g_thread_new ("casebook-read-ahead", read_ahead_thread, &ahead);

  batch_init (&batch);
  if (reader != NULL)
    batch.checkpointer = cb_store_start_checkpointer (self->store);

  for (guint i = 0; i < candidates->len; i++)
    {
      Prepared *prepared;

      /* Between files only: what was imported stays imported. */
      if (g_cancellable_is_cancelled (cancellable))
        break;

      if (reader != NULL)
        {
          /* Nothing to store by the time the batch is due (a slow disk,
           * one file dropped on the window): what is stored is committed. */
          prepared = batch.open ? read_ahead_take (&ahead, i, batch.started + batch.length) : NULL;
          if (prepared == NULL)
            {
              batch_commit (self, &batch, results);
              prepared = read_ahead_take (&ahead, i, 0);
            }
        }
      else
        {
          prepared = prepare_candidate (&ahead.options, g_ptr_array_index (candidates, i));
        }

      batch_store (self, &batch, prepared, results);
      if (batch_is_full (&batch))
        batch_commit (self, &batch, results);

      /* The file is stored in the open batch: only a crash before its
       * commit, a fraction of a second away, can still lose it. */
      if (progress != NULL)
        progress (g_ptr_array_index (results, i), i + 1, candidates->len, user_data);
    }
  batch_commit (self, &batch, results);
  batch_clear (&batch);

  if (reader != NULL)
    {
      g_mutex_lock (&ahead.mutex);
      ahead.stop = TRUE;
      g_cond_broadcast (&ahead.cond);
      g_mutex_unlock (&ahead.mutex);
      g_thread_join (reader);
    }
  for (guint i = 0; i < candidates->len; i++)
    prepared_free (ahead.slots[i]);
  g_free (ahead.slots);
  g_mutex_clear (&ahead.mutex);
  g_cond_clear (&ahead.cond);

  return results;
}

CbImportResult *
cb_importer_import_text (CbImporter *self,
                         const char *text,
                         const char *origin)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *decoded = NULL;
  g_autoptr(Prepared) prepared = NULL;
  ReadOptions options;
  const char *display;

  g_return_val_if_fail (CB_IS_IMPORTER (self), NULL);

  display = origin != NULL ? origin : _("Dropped text");

  if (text == NULL)
    return rejected (display, _("There is no text to import."));

  /* The same checks and line endings as a file (it is valid UTF-8 already,
   * or it is treated as Windows-1252 like a file would be). */
  decoded = cb_decode_text ((const guint8 *) text, strlen (text), self->max_size, NULL, &error);
  if (decoded == NULL)
    return rejected (display, error->message);

  read_options_init (&options, self);
  prepared = prepare_decoded (&options, decoded, display, NULL, display);

  return store_prepared (self, prepared);
}

void
cb_importer_import_files_async (CbImporter           *self,
                                GFile               **files,
                                guint                 n_files,
                                GCancellable         *cancellable,
                                CbImportProgressFunc  progress,
                                gpointer              progress_data,
                                GDestroyNotify        progress_notify,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTaskData *data;

  g_return_if_fail (CB_IS_IMPORTER (self));
  g_return_if_fail (files != NULL || n_files == 0);

  data = g_new0 (ImportTaskData, 1);
  data->files = g_ptr_array_new_full (n_files, g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (data->files, g_object_ref (files[i]));
  data->db_path = g_strdup (cb_store_get_path (self->store));
  data->date = self->date;
  data->has_date = self->has_date;
  data->max_size = self->max_size;
  data->needs_review = self->needs_review;

  data->progress = g_new0 (ProgressClosure, 1);
  g_atomic_ref_count_init (&data->progress->ref_count);
  data->progress->func = progress;
  data->progress->data = progress_data;
  data->progress->notify = progress_notify;
  data->progress->context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cb_importer_import_files_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_task_data_free);
  /* Cancelled or not, the caller gets the results of the files done. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, import_files_thread);
}

GPtrArray *
cb_importer_import_files_finish (CbImporter    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (CB_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
