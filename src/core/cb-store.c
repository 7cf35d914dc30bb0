/* cb-store.c — the SQLite database: the only place with SQL
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cb-store-private.h"

G_DEFINE_FINAL_TYPE (CbStore, cb_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (cb-store-error-quark, cb_store_error)

enum {
  HISTORY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- helpers shared with the other store files -------------------------- */

void
_cb_store_set_error (sqlite3     *db,
                     int          rc,
                     const char  *what,
                     GError     **error)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      code = CB_STORE_ERROR_FULL;
      g_set_error (error, CB_STORE_ERROR, code,
                   _("%s: the disk is full. Nothing of this change was kept (%s)."),
                   what, detail);
      return;

    case SQLITE_READONLY:
      code = CB_STORE_ERROR_READ_ONLY;
      g_set_error (error, CB_STORE_ERROR, code,
                   _("%s: the database can only be read, not changed (%s)."),
                   what, detail);
      return;

    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      code = CB_STORE_ERROR_CORRUPT;
      g_set_error (error, CB_STORE_ERROR, code,
                   _("%s: the file is not a Casebook database or it is damaged (%s)."),
                   what, detail);
      return;

    default:
      g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_FAILED,
                   "%s: %s", what, detail);
      return;
    }
}

gboolean
_cb_store_exec (sqlite3     *db,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _cb_store_set_error (db, rc, _("Database error"), error);
      return FALSE;
    }

  return TRUE;
}

gboolean
_cb_store_read_user_version (sqlite3  *db,
                             int      *version,
                             GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      _cb_store_set_error (db, rc, _("Could not read the database version"), error);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  *version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

sqlite3_stmt *
_cb_store_prepare (CbStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _cb_store_set_error (self->db, rc, _("Could not prepare a database query"), error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
_cb_store_step_done (CbStore       *self,
                     sqlite3_stmt  *stmt,
                     const char    *what,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _cb_store_set_error (self->db, rc, what, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

/* _cb_store_name_key () of a text of ASCII characters only, which NFKC
 * leaves as they are and case folding only lowers: the same key, without
 * the copies normalizing and folding make.  Nearly every name and event an
 * import keys is ASCII, and the general way was 5 % of its storing thread. */
static char *
ascii_name_key (const char *name,
                gsize       length)
{
  GString *key = g_string_sized_new (length);
  gboolean space = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = name[i];

      if (g_unichar_isspace ((gunichar) c))
        {
          space = key->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      g_string_append_c (key, g_ascii_tolower (c));
    }

  return g_string_free (key, FALSE);
}

char *
_cb_store_name_key (const char *name)
{
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;
  GString *key;
  gboolean space = FALSE;
  gsize length = 0;

  if (name == NULL)
    return g_strdup ("");

  while (name[length] != '\0' && (guchar) name[length] < 0x80)
    length++;
  if (name[length] == '\0')
    return ascii_name_key (name, length);

  normalized = g_utf8_normalize (name, -1, G_NORMALIZE_ALL_COMPOSE);
  if (normalized == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (normalized, -1);

  key = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = key->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

void
_cb_store_bind_text (sqlite3_stmt *stmt,
                     int           column,
                     const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

/* Julian days are 0 for "not known" in CbFuzzyDate and NULL in the file. */
void
_cb_store_bind_julian (sqlite3_stmt *stmt,
                       int           column,
                       guint32       julian)
{
  if (julian != 0)
    sqlite3_bind_int64 (stmt, column, julian);
  else
    sqlite3_bind_null (stmt, column);
}

void
_cb_store_read_fuzzy_date (sqlite3_stmt *stmt,
                           int           first_column,
                           CbFuzzyDate  *date)
{
  int i = first_column;

  cb_fuzzy_date_clear (date);
  date->value = g_strdup (CB_COLUMN_TEXT (stmt, i));
  date->precision = cb_precision_from_string (CB_COLUMN_TEXT (stmt, i + 1));
  date->qualifier = cb_qualifier_from_string (CB_COLUMN_TEXT (stmt, i + 2));
  date->anchor = cb_anchor_from_string (CB_COLUMN_TEXT (stmt, i + 3));
  date->earliest = (guint32) sqlite3_column_int64 (stmt, i + 4);
  date->latest = (guint32) sqlite3_column_int64 (stmt, i + 5);
}

/* --- row readers ---------------------------------------------------------- */

static CbArticle *
read_article (sqlite3_stmt *stmt,
              const char   *body)
{
  CbArticle *article;

  article = cb_article_new (CB_COLUMN_TEXT (stmt, 1),
                            CB_COLUMN_TEXT (stmt, 2),
                            CB_COLUMN_TEXT (stmt, 3),
                            CB_COLUMN_TEXT (stmt, 4),
                            CB_COLUMN_TEXT (stmt, 5),
                            CB_COLUMN_TEXT (stmt, 6),
                            body);
  cb_article_set_id (article, sqlite3_column_int64 (stmt, 0));
  cb_article_set_imported_at (article, CB_COLUMN_TEXT (stmt, 7));
  return article;
}

CbCaseFile *
_cb_store_read_case (sqlite3_stmt *stmt)
{
  return cb_case_file_new (sqlite3_column_int64 (stmt, 0),
                           CB_COLUMN_TEXT (stmt, 1),
                           sqlite3_column_int64 (stmt, 2),
                           CB_COLUMN_TEXT (stmt, 3),
                           cb_case_status_from_string (CB_COLUMN_TEXT (stmt, 4)),
                           CB_COLUMN_TEXT (stmt, 5),
                           cb_review_from_string (CB_COLUMN_TEXT (stmt, 6)),
                           (guint) sqlite3_column_int (stmt, 7),
                           (guint) sqlite3_column_int (stmt, 8));
}

CbEvent *
_cb_store_read_event (sqlite3_stmt *stmt)
{
  CbFuzzyDate date = { 0 };
  CbEvent *event;

  _cb_store_read_fuzzy_date (stmt, 3, &date);
  event = cb_event_new (sqlite3_column_int64 (stmt, 0),
                        sqlite3_column_int64 (stmt, 1),
                        CB_COLUMN_TEXT (stmt, 2),
                        &date,
                        CB_COLUMN_TEXT (stmt, 9),
                        cb_review_from_string (CB_COLUMN_TEXT (stmt, 10)),
                        CB_COLUMN_TEXT (stmt, 11),
                        sqlite3_column_int64 (stmt, 12),
                        (guint) sqlite3_column_int64 (stmt, 13),
                        (guint) sqlite3_column_int64 (stmt, 14),
                        (guint) sqlite3_column_int (stmt, 15));
  cb_fuzzy_date_clear (&date);
  return event;
}

CbExcerpt *
_cb_store_read_excerpt (sqlite3_stmt *stmt)
{
  return cb_excerpt_new (sqlite3_column_int64 (stmt, 0),
                         sqlite3_column_int64 (stmt, 1),
                         CB_COLUMN_TEXT (stmt, 2),
                         CB_COLUMN_TEXT (stmt, 3),
                         (guint) sqlite3_column_int64 (stmt, 4),
                         (guint) sqlite3_column_int64 (stmt, 5),
                         CB_COLUMN_TEXT (stmt, 6),
                         sqlite3_column_int64 (stmt, 7),
                         CB_COLUMN_TEXT (stmt, 8),
                         cb_excerpt_kind_from_string (CB_COLUMN_TEXT (stmt, 9)),
                         sqlite3_column_int64 (stmt, 10));
}

/* Runs a prepared and bound @stmt and collects one object per row. */
static GPtrArray *
collect_rows (CbStore           *self,
              sqlite3_stmt      *stmt,
              CbStoreRowReader   reader,
              const char        *what,
              GError           **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, reader (stmt));

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cb_store_set_error (self->db, rc, what, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* --- object --------------------------------------------------------------- */

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
cb_store_finalize (GObject *object)
{
  CbStore *self = CB_STORE (object);

  /* Statements and the search's tokenizer must be finalised before the
   * connection closes. */
  g_clear_pointer (&self->search, _cb_store_search_free);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->batch_aliases, g_hash_table_unref);
  if (self->db != NULL)
    {
      /* Leave no log behind: the first connection of the next start reads
       * all of it to rebuild its index (WAL recovery) before the window's
       * first frame, and the read-only connections of the window's lists,
       * which may close after this one, cannot empty it.  A reader still
       * busy gets a moment, not the usual timeout. */
      if (sqlite3_db_readonly (self->db, "main") == 0)
        {
          sqlite3_busy_timeout (self->db, 250);
          sqlite3_wal_checkpoint_v2 (self->db, "main", SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
        }
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (cb_store_parent_class)->finalize (object);
}

/* --- Waiting for another connection's lock ------------------------------ */

#define LOCK_WAIT_MS 5000

static guint lock_waits;  /* atomic */

/* As sqlite3_busy_timeout (LOCK_WAIT_MS) waits — short sleeps at first,
 * longer ones later — and counts each wait for cb_store_get_lock_waits (). */
static int
wait_for_lock (void *user_data,
               int   n_calls)
{
  static const int delays[] = { 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 };
  int waited = 0, delay;

  for (int i = 0; i < n_calls; i++)
    waited += delays[MIN (i, (int) G_N_ELEMENTS (delays) - 1)];
  delay = MIN (delays[MIN (n_calls, (int) G_N_ELEMENTS (delays) - 1)], LOCK_WAIT_MS - waited);
  if (delay <= 0)
    return 0;

  g_atomic_int_inc (&lock_waits);
  g_usleep ((gulong) delay * 1000);
  return 1;
}

guint
cb_store_get_lock_waits (void)
{
  return (guint) g_atomic_int_get (&lock_waits);
}

static void
cb_store_class_init (CbStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cb_store_finalize;

  /* Before SQLite's first use (later it is refused, harmlessly): no
   * process-wide allocation statistics, which nothing here reads and which
   * take a global mutex at every malloc and free. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
  _cb_store_setup_page_cache ();

  /* After an edit, an undo or a redo was committed on this connection: what
   * can be undone changed, and so did the data. */
  signals[HISTORY_CHANGED] =
    g_signal_new ("history-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

void
_cb_store_emit_history_changed (CbStore *self)
{
  g_signal_emit (self, signals[HISTORY_CHANGED], 0);
}

static void
cb_store_init (CbStore *self)
{
  /* Keyed by the literal's address: hashing the text of each query at
   * every use was 2 % of an import. */
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            finalize_statement);
}

/* --- public API: opening ---------------------------------------------------- */

char *
cb_store_dup_default_path (void)
{
  const char *env = g_getenv ("CASEBOOK_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "casebook", "casebook.db", NULL);
}

static gboolean
is_empty_database (sqlite3   *db,
                   gboolean  *is_empty,
                   GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_master", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      _cb_store_set_error (db, rc, _("Could not read the database"), error);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  *is_empty = sqlite3_column_int64 (stmt, 0) == 0;
  sqlite3_finalize (stmt);
  return TRUE;
}

CbStore *
cb_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(CbStore) self = NULL;
  gboolean is_empty = TRUE;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strcmp (path, ":memory:") != 0)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not create the folder “%s” for the database: %s"),
                       dir, g_strerror (saved_errno));
          return NULL;
        }
    }

  self = g_object_new (CB_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        _cb_store_log_vfs ());
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not open the database “%s”"), path);
      _cb_store_set_error (self->db, rc, what, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_handler (self->db, wait_for_lock, NULL);

  /* The version comes first, before anything that could write (switching to
   * WAL writes the header): a database from a newer Casebook is left alone.
   * Reading it is also what finds out that a file is no database. */
  if (!_cb_store_read_user_version (self->db, &version, error))
    {
      if (error != NULL && g_error_matches (*error, CB_STORE_ERROR, CB_STORE_ERROR_CORRUPT))
        {
          g_clear_error (error);
          g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_CORRUPT,
                       _("“%s” is not a Casebook database, or it is damaged (%s). "
                         "It was not changed."),
                       path, sqlite3_errmsg (self->db));
        }
      return NULL;
    }

  if (version > CB_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Casebook "
                     "(schema version %d; this version knows up to %d). "
                     "It was not changed; please use a newer Casebook to open it."),
                   path, version, CB_STORE_SCHEMA_VERSION);
      return NULL;
    }

  /* Version 0 with tables in it is some other program's database: adding
   * ours to it would change it behind that program's back. */
  if (version == 0 && !is_empty_database (self->db, &is_empty, error))
    return NULL;
  if (version == 0 && !is_empty)
    {
      g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_CORRUPT,
                   _("“%s” is a database of another program, not of Casebook. "
                     "It was not changed."),
                   path);
      return NULL;
    }

  if (!_cb_store_exec (self->db, "PRAGMA foreign_keys = ON", error) ||
      !_cb_store_exec (self->db, "PRAGMA journal_mode = WAL", error) ||
      !_cb_store_exec (self->db, "PRAGMA synchronous = NORMAL", error) ||
      /* An import commits once per file: a checkpoint (and its fsync)
       * every 32 MB of log rather than every 4 MB halves an import's time;
       * the log is cut back to 64 MB after each. */
      !_cb_store_exec (self->db, "PRAGMA wal_autocheckpoint = " G_STRINGIFY (CB_STORE_WAL_AUTOCHECKPOINT), error) ||
      !_cb_store_exec (self->db, "PRAGMA journal_size_limit = 67108864", error))
    return NULL;

  /* An upgrade first copies the file as it was, so a user can go back to
   * the Casebook that wrote it. */
  if (version > 0 && version < CB_STORE_SCHEMA_VERSION && strcmp (path, ":memory:") != 0)
    {
      g_autofree char *backup = _cb_store_backup (self->db, path, version, error);

      if (backup == NULL)
        return NULL;
    }

  if (version < CB_STORE_SCHEMA_VERSION && !_cb_store_migrate (self->db, error))
    return NULL;
  /* An upgrade that rebuilt indexes leaves a log as large as they are. */
  if (version > 0 && version < CB_STORE_SCHEMA_VERSION)
    _cb_store_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);

  if (!_cb_store_read_user_version (self->db, &self->schema_version, error))
    return NULL;

  /* Schema 1 kept no merge suggestions: its people get them now, once. */
  if (version == 1 && !cb_store_suggest_merges (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
cb_store_get_path (CbStore *self)
{
  g_return_val_if_fail (CB_IS_STORE (self), NULL);
  return self->path;
}

int
cb_store_get_schema_version (CbStore *self)
{
  g_return_val_if_fail (CB_IS_STORE (self), 0);
  return self->schema_version;
}

gboolean
cb_store_begin (CbStore  *self,
                GError  **error)
{
  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  /* IMMEDIATE: take the write lock now rather than fail half-way when another
   * connection writes at the same time. */
  return _cb_store_exec (self->db, "BEGIN IMMEDIATE", error);
}

gboolean
_cb_store_in_transaction (CbStore *self)
{
  return sqlite3_get_autocommit (self->db) == 0;
}

gboolean
cb_store_in_transaction (CbStore *self)
{
  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  return _cb_store_in_transaction (self);
}

gboolean
cb_store_commit (CbStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (CB_IS_STORE (self), FALSE);

  if (!_cb_store_exec (self->db, "COMMIT", error))
    {
      cb_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

void
cb_store_rollback (CbStore *self)
{
  g_return_if_fail (CB_IS_STORE (self));

  /* SQLite may have rolled back already (after SQLITE_FULL, for example). */
  if (sqlite3_get_autocommit (self->db) == 0)
    _cb_store_exec (self->db, "ROLLBACK", NULL);
}

gint64
cb_store_get_data_version (CbStore *self)
{
  sqlite3_stmt *stmt;
  gint64 version = 0;

  g_return_val_if_fail (CB_IS_STORE (self), 0);

  stmt = _cb_store_prepare (self, "PRAGMA data_version", NULL);
  if (stmt == NULL)
    return 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return version;
}

/* --- articles ----------------------------------------------------------- */

CbArticle *
cb_store_find_article_by_sha256 (CbStore     *self,
                                 const char  *sha256,
                                 GError     **error)
{
  sqlite3_stmt *stmt;
  CbArticle *article = NULL;
  int rc;

  g_return_val_if_fail (CB_IS_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  stmt = _cb_store_prepare (self, ARTICLE_COLUMNS ", a.body FROM article a WHERE a.sha256 = ?1", error);
  if (stmt == NULL)
    return NULL;

  _cb_store_bind_text (stmt, 1, sha256);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    article = read_article (stmt, CB_COLUMN_TEXT (stmt, 8));
  else if (rc != SQLITE_DONE)
    _cb_store_set_error (self->db, rc, _("Could not look up an article"), error);
  sqlite3_reset (stmt);

  return article;
}

static void
set_no_article (gint64   id,
                GError **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  /* TRANSLATORS: %s is a number */
  g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND,
               _("There is no article %s in the database."), id_text);
}

CbArticle *
cb_store_get_article (CbStore  *self,
                      gint64    id,
                      GError  **error)
{
  sqlite3_stmt *stmt;
  CbArticle *article = NULL;
  int rc;

  g_return_val_if_fail (CB_IS_STORE (self), NULL);

  stmt = _cb_store_prepare (self, ARTICLE_COLUMNS ", a.body FROM article a WHERE a.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    article = read_article (stmt, CB_COLUMN_TEXT (stmt, 8));
  else if (rc == SQLITE_DONE)
    set_no_article (id, error);
  else
    _cb_store_set_error (self->db, rc, _("Could not read an article"), error);
  sqlite3_reset (stmt);

  return article;
}

char *
cb_store_get_article_title (CbStore  *self,
                            gint64    id,
                            GError  **error)
{
  sqlite3_stmt *stmt;
  char *title = NULL;
  int rc;

  g_return_val_if_fail (CB_IS_STORE (self), NULL);

  /* The title comes before the body in the row, whose overflow pages are
   * not read. */
  stmt = _cb_store_prepare (self, "SELECT title FROM article WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    title = g_strdup (CB_COLUMN_TEXT (stmt, 0));
  else if (rc == SQLITE_DONE)
    set_no_article (id, error);
  else
    _cb_store_set_error (self->db, rc, _("Could not read an article"), error);
  sqlite3_reset (stmt);

  return title;
}

static GObject *
read_article_without_body (sqlite3_stmt *stmt)
{
  return G_OBJECT (read_article (stmt, NULL));
}

GPtrArray *
cb_store_list_articles (CbStore  *self,
                        GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CB_IS_STORE (self), NULL);

  stmt = _cb_store_prepare (self,
                            ARTICLE_COLUMNS "FROM article a "
                            "ORDER BY a.published_earliest IS NULL, a.published_latest DESC,"
                            " a.imported_at DESC, a.id DESC",
                            error);
  if (stmt == NULL)
    return NULL;

  return collect_rows (self, stmt, read_article_without_body,
                       _("Could not list the articles"), error);
}

guint
cb_store_count_articles (CbStore *self)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (CB_IS_STORE (self), 0);

  stmt = _cb_store_prepare (self, "SELECT count(*) FROM article", NULL);
  if (stmt == NULL)
    return 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/* --- case files, events, excerpts, people ------------------------------- */

GObject *
_cb_store_read_case_object (sqlite3_stmt *stmt)
{
  return G_OBJECT (_cb_store_read_case (stmt));
}

GObject *
_cb_store_read_event_object (sqlite3_stmt *stmt)
{
  return G_OBJECT (_cb_store_read_event (stmt));
}

GObject *
_cb_store_read_excerpt_object (sqlite3_stmt *stmt)
{
  return G_OBJECT (_cb_store_read_excerpt (stmt));
}

GPtrArray *
cb_store_list_cases (CbStore  *self,
                     GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CB_IS_STORE (self), NULL);

  stmt = _cb_store_prepare (self,
                            CASE_COLUMNS "WHERE c.review != 'rejected'"
                            " ORDER BY c.title COLLATE NOCASE, c.id",
                            error);
  if (stmt == NULL)
    return NULL;

  return collect_rows (self, stmt, _cb_store_read_case_object, _("Could not list the case files"), error);
}

CbCaseFile *
cb_store_get_case (CbStore  *self,
                   gint64    id,
                   GError  **error)
{
  sqlite3_stmt *stmt;
  CbCaseFile *case_file = NULL;
  int rc;

  g_return_val_if_fail (CB_IS_STORE (self), NULL);

  stmt = _cb_store_prepare (self, CASE_COLUMNS "WHERE c.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    case_file = _cb_store_read_case (stmt);
  else if (rc == SQLITE_DONE)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      /* TRANSLATORS: %s is a number */
      g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND,
                   _("There is no case file %s in the database."), id_text);
    }
  else
    _cb_store_set_error (self->db, rc, _("Could not read a case file"), error);
  sqlite3_reset (stmt);

  return case_file;
}

GPtrArray *
cb_store_list_events (CbStore  *self,
                      gint64    case_id,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CB_IS_STORE (self), NULL);

  stmt = _cb_store_prepare (self,
                            EVENT_COLUMNS "WHERE e.review != 'rejected'"
                            " AND (?1 = 0 OR e.case_id = ?1) " EVENT_ORDER,
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, case_id);
  return collect_rows (self, stmt, _cb_store_read_event_object, _("Could not list the events"), error);
}

GPtrArray *
cb_store_list_excerpts (CbStore  *self,
                        gint64    case_id,
                        gint64    event_id,
                        GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CB_IS_STORE (self), NULL);

  /* A case's excerpts: the sources of its events, those attached to the
   * case itself and what its subject said.  IN (…): each excerpt once. */
  stmt = _cb_store_prepare (self,
                            EXCERPT_COLUMNS
                            "WHERE x.review != 'rejected' AND ("
                            " (?1 = 0 AND ?2 = 0)"
                            " OR (?2 != 0 AND x.id IN"
                            "     (SELECT excerpt_id FROM event_source WHERE event_id = ?2))"
                            " OR (?2 = 0 AND ?1 != 0 AND ("
                            "     x.id IN (SELECT es.excerpt_id FROM event_source es"
                            "              JOIN event e ON e.id = es.event_id"
                            "              WHERE e.case_id = ?1 AND e.review != 'rejected')"
                            "     OR x.id IN (SELECT excerpt_id FROM case_excerpt WHERE case_id = ?1)"
                            "     OR (x.kind = 'quote' AND x.speaker_id ="
                            "         (SELECT subject_id FROM case_file WHERE id = ?1))))"
                            ") " EXCERPT_ORDER,
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int64 (stmt, 2, event_id);
  return collect_rows (self, stmt, _cb_store_read_excerpt_object, _("Could not list the excerpts"), error);
}

GPtrArray *
cb_store_list_persons (CbStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(GHashTable) aliases = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CB_IS_STORE (self), NULL);

  /* person id → GPtrArray of alias texts */
  aliases = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                   (GDestroyNotify) g_ptr_array_unref);

  stmt = _cb_store_prepare (self, "SELECT person_id, text FROM alias ORDER BY person_id, id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 person_id = sqlite3_column_int64 (stmt, 0);
      GPtrArray *texts = g_hash_table_lookup (aliases, &person_id);

      if (texts == NULL)
        {
          texts = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (aliases, g_memdup2 (&person_id, sizeof person_id), texts);
        }
      g_ptr_array_add (texts, g_strdup (CB_COLUMN_TEXT (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cb_store_set_error (self->db, rc, _("Could not list the people"), error);
      return NULL;
    }

  stmt = _cb_store_prepare (self,
                            "SELECT p.id, p.name,"
                            /* A mention row holds all the spans of an article;
                             * mention_person has their count. */
                            " coalesce ((SELECT sum (m.span_count) FROM mention m"
                            "            WHERE m.person_id = p.id), 0)"
                            " FROM person p ORDER BY p.name COLLATE NOCASE, p.id",
                            error);
  if (stmt == NULL)
    return NULL;

  persons = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 person_id = sqlite3_column_int64 (stmt, 0);
      GPtrArray *texts = g_hash_table_lookup (aliases, &person_id);

      /* Each person comes once: terminate their alias vector. */
      if (texts != NULL)
        g_ptr_array_add (texts, NULL);

      g_ptr_array_add (persons,
                       cb_person_record_new (person_id,
                                             CB_COLUMN_TEXT (stmt, 1),
                                             texts != NULL ? (const char * const *) texts->pdata : NULL,
                                             (guint) sqlite3_column_int (stmt, 2)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cb_store_set_error (self->db, rc, _("Could not list the people"), error);
      return NULL;
    }

  return g_steal_pointer (&persons);
}

