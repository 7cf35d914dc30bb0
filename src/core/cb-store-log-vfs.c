/* cb-store-log-vfs.c — the write-ahead log written in large pieces
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A commit appends every page the transaction changed to the log, each as
 * two writes: the frame's 24-byte header, then the page.  An import's batch
 * in a large database changes 10,000–25,000 pages, and two system calls a
 * page were half of the commit (in this virtual machine a call costs a few
 * microseconds).  This VFS sits on SQLite's own ("unix") and gathers what a
 * connection appends to its log into one buffer, written out in one call:
 *
 * - only writes that go on where the previous one ended are gathered; any
 *   other (a page rewritten in place, checksums written again, the log's
 *   header as it starts over) first writes out what is gathered, then itself;
 * - a frame whose header marks a commit is written out with its page, before
 *   SQLite makes the commit visible to other connections in the shared index
 *   (which it does right after writing that frame), so nobody ever reads a
 *   committed frame the file does not hold yet, and a failed write is the
 *   commit's error, as before;
 * - reading, syncing, truncating, asking the size and closing write out
 *   first, and so does the database's memory barrier, which SQLite calls
 *   before it publishes a commit: should a commit's frame ever not be
 *   recognised, it is still written before anyone can look for it (counted
 *   by _cb_store_log_late_writes () for the tests).
 *
 * A crash loses only what was not committed, as without it: SQLite does not
 * sync the log at a commit (synchronous = NORMAL), so a committed frame was
 * in the operating system's hands after the commit either way.
 */
#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "cb-store-private.h"

/* SQLite's unix VFS writes less than 128 KB a call (it masks the length
 * with 0x1ffff, and takes a write it cannot finish for a full disk). */
#define BUFFER_SIZE (64 * 1024)
#define FRAME_HEADER_SIZE 24

typedef struct _LogFile LogFile;

/* A file opened through this VFS; the file of the VFS below follows it in
 * the same allocation (szOsFile). */
struct _LogFile
{
  sqlite3_file  base;
  sqlite3_file *real;

  /* The database: its log, while both are open. */
  LogFile      *log;

  /* The log. */
  LogFile      *database;
  char         *buffer;
  sqlite3_int64 buffer_start;   /* file offset of buffer[0] */
  int           buffer_length;
  sqlite3_int64 last_end;       /* where the previous write ended, or -1 */
  gboolean      commit_frame;   /* the last write was a commit frame's header */
};

static sqlite3_vfs *below;
static sqlite3_vfs log_vfs;
static guint late_writes;  /* atomic */

static int
write_out (LogFile *self)
{
  int rc;

  if (self->buffer_length == 0)
    return SQLITE_OK;
  rc = self->real->pMethods->xWrite (self->real, self->buffer, self->buffer_length, self->buffer_start);
  self->buffer_length = 0;
  return rc;
}

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static int real_fetch (sqlite3_file *file, sqlite3_int64 offset, int amount, void **pointer);

/* --- the log's methods -------------------------------------------------- */

static int
log_write (sqlite3_file *file,
           const void   *data,
           int           amount,
           sqlite3_int64 offset)
{
  LogFile *self = (LogFile *) file;
  gboolean was_commit_frame = self->commit_frame;
  int rc = SQLITE_OK;

  /* Bytes 4–7 of a frame header: the database's size after a commit, 0 in
   * the other frames. */
  self->commit_frame = amount == FRAME_HEADER_SIZE && read_be32 ((const guchar *) data + 4) != 0;

  if (self->buffer == NULL && offset == self->last_end)
    self->buffer = sqlite3_malloc (BUFFER_SIZE);

  /* Not where the last write ended (or no memory for gathering): out now. */
  if (offset != self->last_end || amount > BUFFER_SIZE || self->buffer == NULL)
    {
      rc = write_out (self);
      if (rc == SQLITE_OK)
        rc = self->real->pMethods->xWrite (self->real, data, amount, offset);
      self->last_end = rc == SQLITE_OK ? offset + amount : -1;
      /* Written already: a commit frame's page need not wait for anything. */
      self->commit_frame = self->commit_frame && rc == SQLITE_OK;
      return rc;
    }

  if (self->buffer_length + amount > BUFFER_SIZE)
    {
      rc = write_out (self);
      if (rc != SQLITE_OK)
        {
          self->last_end = -1;
          return rc;
        }
    }
  if (self->buffer_length == 0)
    self->buffer_start = offset;
  memcpy (self->buffer + self->buffer_length, data, amount);
  self->buffer_length += amount;
  self->last_end = offset + amount;

  /* A commit frame's page: out now, before SQLite publishes the commit. */
  if (was_commit_frame && !self->commit_frame)
    {
      rc = write_out (self);
      if (rc != SQLITE_OK)
        self->last_end = -1;
    }
  return rc;
}

static int
log_read (sqlite3_file *file,
          void         *data,
          int           amount,
          sqlite3_int64 offset)
{
  LogFile *self = (LogFile *) file;
  int rc = write_out (self);

  return rc != SQLITE_OK ? rc : self->real->pMethods->xRead (self->real, data, amount, offset);
}

static int
log_truncate (sqlite3_file *file,
              sqlite3_int64 size)
{
  LogFile *self = (LogFile *) file;
  int rc = write_out (self);

  self->last_end = -1;
  return rc != SQLITE_OK ? rc : self->real->pMethods->xTruncate (self->real, size);
}

static int
log_sync (sqlite3_file *file,
          int           flags)
{
  LogFile *self = (LogFile *) file;
  int rc = write_out (self);

  return rc != SQLITE_OK ? rc : self->real->pMethods->xSync (self->real, flags);
}

static int
log_file_size (sqlite3_file  *file,
               sqlite3_int64 *size)
{
  LogFile *self = (LogFile *) file;
  int rc = write_out (self);

  return rc != SQLITE_OK ? rc : self->real->pMethods->xFileSize (self->real, size);
}

static int
log_file_control (sqlite3_file *file,
                  int           op,
                  void         *arg)
{
  LogFile *self = (LogFile *) file;
  int rc = write_out (self);

  return rc != SQLITE_OK ? rc : self->real->pMethods->xFileControl (self->real, op, arg);
}

static int
log_fetch (sqlite3_file  *file,
           sqlite3_int64  offset,
           int            amount,
           void         **pointer)
{
  LogFile *self = (LogFile *) file;
  int rc = write_out (self);

  *pointer = NULL;
  return rc != SQLITE_OK ? rc : real_fetch (file, offset, amount, pointer);
}

static int
any_close (sqlite3_file *file)
{
  LogFile *self = (LogFile *) file;
  int rc = write_out (self);
  int close_rc;

  if (self->database != NULL)
    self->database->log = NULL;
  if (self->log != NULL)
    self->log->database = NULL;
  sqlite3_free (self->buffer);
  self->buffer = NULL;

  close_rc = self->real->pMethods->xClose (self->real);
  return rc != SQLITE_OK ? rc : close_rc;
}

/* --- passed on as they are ---------------------------------------------- */

static int
real_write (sqlite3_file *file, const void *data, int amount, sqlite3_int64 offset)
{
  sqlite3_file *real = ((LogFile *) file)->real;
  return real->pMethods->xWrite (real, data, amount, offset);
}

static int
real_read (sqlite3_file *file, void *data, int amount, sqlite3_int64 offset)
{
  sqlite3_file *real = ((LogFile *) file)->real;
  return real->pMethods->xRead (real, data, amount, offset);
}

static int
real_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  sqlite3_file *real = ((LogFile *) file)->real;
  return real->pMethods->xTruncate (real, size);
}

static int
real_sync (sqlite3_file *file, int flags)
{
  sqlite3_file *real = ((LogFile *) file)->real;
  return real->pMethods->xSync (real, flags);
}

static int
real_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  sqlite3_file *real = ((LogFile *) file)->real;
  return real->pMethods->xFileSize (real, size);
}

static int
real_lock (sqlite3_file *file, int lock)
{
  sqlite3_file *real = ((LogFile *) file)->real;
  return real->pMethods->xLock (real, lock);
}

static int
real_unlock (sqlite3_file *file, int lock)
{
  sqlite3_file *real = ((LogFile *) file)->real;
  return real->pMethods->xUnlock (real, lock);
}

static int
real_check_reserved_lock (sqlite3_file *file, int *out)
{
  sqlite3_file *real = ((LogFile *) file)->real;
  return real->pMethods->xCheckReservedLock (real, out);
}

static int
real_file_control (sqlite3_file *file, int op, void *arg)
{
  sqlite3_file *real = ((LogFile *) file)->real;
  return real->pMethods->xFileControl (real, op, arg);
}

static int
real_sector_size (sqlite3_file *file)
{
  sqlite3_file *real = ((LogFile *) file)->real;
  return real->pMethods->xSectorSize (real);
}

static int
real_device_characteristics (sqlite3_file *file)
{
  sqlite3_file *real = ((LogFile *) file)->real;
  return real->pMethods->xDeviceCharacteristics (real);
}

/* Shared memory came with version 2 of the methods, memory mapping with 3:
 * a file below that has not got them is treated as SQLite would. */
static int
real_shm_map (sqlite3_file *file, int region, int size, int extend, void volatile **pointer)
{
  sqlite3_file *real = ((LogFile *) file)->real;

  if (real->pMethods->iVersion < 2)
    return SQLITE_IOERR_SHMMAP;
  return real->pMethods->xShmMap (real, region, size, extend, pointer);
}

static int
real_shm_lock (sqlite3_file *file, int offset, int n, int flags)
{
  sqlite3_file *real = ((LogFile *) file)->real;

  if (real->pMethods->iVersion < 2)
    return SQLITE_IOERR_SHMLOCK;
  return real->pMethods->xShmLock (real, offset, n, flags);
}

static int
real_shm_unmap (sqlite3_file *file, int delete_flag)
{
  sqlite3_file *real = ((LogFile *) file)->real;

  if (real->pMethods->iVersion < 2)
    return SQLITE_OK;
  return real->pMethods->xShmUnmap (real, delete_flag);
}

static int
real_fetch (sqlite3_file *file, sqlite3_int64 offset, int amount, void **pointer)
{
  sqlite3_file *real = ((LogFile *) file)->real;

  *pointer = NULL;
  if (real->pMethods->iVersion < 3)
    return SQLITE_OK;
  return real->pMethods->xFetch (real, offset, amount, pointer);
}

static int
real_unfetch (sqlite3_file *file, sqlite3_int64 offset, void *pointer)
{
  sqlite3_file *real = ((LogFile *) file)->real;

  if (real->pMethods->iVersion < 3)
    return SQLITE_OK;
  return real->pMethods->xUnfetch (real, offset, pointer);
}

/* The database's barrier comes before SQLite publishes a commit in the
 * shared index: the log's frames must be in the file by then. */
static void
database_shm_barrier (sqlite3_file *file)
{
  LogFile *self = (LogFile *) file;

  if (self->log != NULL && self->log->buffer_length > 0)
    {
      g_atomic_int_inc (&late_writes);
      if (write_out (self->log) != SQLITE_OK)
        self->log->last_end = -1;
    }
  if (self->real->pMethods->iVersion >= 2)
    self->real->pMethods->xShmBarrier (self->real);
}

static const sqlite3_io_methods log_methods = {
  3,
  any_close,
  log_read,
  log_write,
  log_truncate,
  log_sync,
  log_file_size,
  real_lock,
  real_unlock,
  real_check_reserved_lock,
  log_file_control,
  real_sector_size,
  real_device_characteristics,
  real_shm_map,
  real_shm_lock,
  database_shm_barrier,
  real_shm_unmap,
  log_fetch,
  real_unfetch,
};

static const sqlite3_io_methods other_methods = {
  3,
  any_close,
  real_read,
  real_write,
  real_truncate,
  real_sync,
  real_file_size,
  real_lock,
  real_unlock,
  real_check_reserved_lock,
  real_file_control,
  real_sector_size,
  real_device_characteristics,
  real_shm_map,
  real_shm_lock,
  database_shm_barrier,
  real_shm_unmap,
  real_fetch,
  real_unfetch,
};

/* --- the VFS ------------------------------------------------------------ */

static int
vfs_open (sqlite3_vfs  *vfs,
          const char   *name,
          sqlite3_file *file,
          int           flags,
          int          *out_flags)
{
  LogFile *self = (LogFile *) file;
  int rc;

  memset (self, 0, sizeof (LogFile));
  self->real = (sqlite3_file *) (self + 1);
  self->last_end = -1;

  rc = below->xOpen (below, name, self->real, flags, out_flags);
  if (rc != SQLITE_OK)
    {
      self->base.pMethods = NULL;
      return rc;
    }

  /* The other files (journals, temporary files) are passed through; the
   * database's barrier looks after its log. */
  if ((flags & SQLITE_OPEN_WAL) != 0 && name != NULL)
    {
      sqlite3_file *database = sqlite3_database_file_object (name);

      self->base.pMethods = &log_methods;
      if (database != NULL && database->pMethods == &other_methods)
        {
          self->database = (LogFile *) database;
          self->database->log = self;
        }
    }
  else
    {
      self->base.pMethods = &other_methods;
    }
  return SQLITE_OK;
}

static int
vfs_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return below->xDelete (below, name, sync_dir);
}

static int
vfs_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return below->xAccess (below, name, flags, out);
}

static int
vfs_full_pathname (sqlite3_vfs *vfs, const char *name, int n_out, char *out)
{
  return below->xFullPathname (below, name, n_out, out);
}

static void *
vfs_dl_open (sqlite3_vfs *vfs, const char *name)
{
  return below->xDlOpen (below, name);
}

static void
vfs_dl_error (sqlite3_vfs *vfs, int n, char *message)
{
  below->xDlError (below, n, message);
}

static void (*vfs_dl_sym (sqlite3_vfs *vfs, void *handle, const char *symbol)) (void)
{
  return below->xDlSym (below, handle, symbol);
}

static void
vfs_dl_close (sqlite3_vfs *vfs, void *handle)
{
  below->xDlClose (below, handle);
}

static int
vfs_randomness (sqlite3_vfs *vfs, int n, char *out)
{
  return below->xRandomness (below, n, out);
}

static int
vfs_sleep (sqlite3_vfs *vfs, int microseconds)
{
  return below->xSleep (below, microseconds);
}

static int
vfs_current_time (sqlite3_vfs *vfs, double *out)
{
  return below->xCurrentTime (below, out);
}

static int
vfs_get_last_error (sqlite3_vfs *vfs, int n, char *out)
{
  return below->xGetLastError (below, n, out);
}

static int
vfs_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return below->xCurrentTimeInt64 (below, out);
}

const char *
_cb_store_log_vfs (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      below = sqlite3_vfs_find (NULL);
      if (below != NULL && below->iVersion >= 2 && below->xCurrentTimeInt64 != NULL)
        {
          log_vfs.iVersion = 2;
          log_vfs.szOsFile = (int) sizeof (LogFile) + below->szOsFile;
          log_vfs.mxPathname = below->mxPathname;
          log_vfs.zName = "casebook-log";
          log_vfs.xOpen = vfs_open;
          log_vfs.xDelete = vfs_delete;
          log_vfs.xAccess = vfs_access;
          log_vfs.xFullPathname = vfs_full_pathname;
          log_vfs.xDlOpen = vfs_dl_open;
          log_vfs.xDlError = vfs_dl_error;
          log_vfs.xDlSym = vfs_dl_sym;
          log_vfs.xDlClose = vfs_dl_close;
          log_vfs.xRandomness = vfs_randomness;
          log_vfs.xSleep = vfs_sleep;
          log_vfs.xCurrentTime = vfs_current_time;
          log_vfs.xGetLastError = vfs_get_last_error;
          log_vfs.xCurrentTimeInt64 = vfs_current_time_int64;
          if (sqlite3_vfs_register (&log_vfs, 0) != SQLITE_OK)
            log_vfs.zName = NULL;
        }
      g_once_init_leave (&registered, 1);
    }

  return log_vfs.zName;
}

guint
_cb_store_log_late_writes (void)
{
  return (guint) g_atomic_int_get (&late_writes);
}
