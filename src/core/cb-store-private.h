/* cb-store-private.h — what the files of the store share
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "cb-store.h"

G_BEGIN_DECLS

/* What cb-store-search.c keeps for a connection. */
typedef struct _CbStoreSearch CbStoreSearch;

struct _CbStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  /* SQL text (static strings) → prepared sqlite3_stmt, kept for the life of
   * the connection. */
  GHashTable *statements;
  int         schema_version;

  /* The undo journal (cb-store-undo.c). */
  int         edit_depth;     /* nested _cb_store_edit_begin calls */
  gboolean    edit_own;       /* the edit opened the transaction */
  gboolean    edit_failed;    /* a nested edit failed: the step is rolled back */

  /* A batch of articles (cb-store-batch.c). */
  gboolean    batch_open;
  gboolean    batch_defers_fts; /* search triggers off: indexed at the commit */
  gboolean    batch_tuned;      /* cache and temp_store set for batches */
  gint64      batch_last_id;    /* the batch's articles have larger ids */
  GHashTable *batch_aliases;    /* "PERSON_ID KEY" of the aliases its articles stored */

  /* Full-text search (cb-store-search.c), set up by the first search. */
  CbStoreSearch *search;
};

/* Shared SELECT heads, so that one row reader serves several queries. */
#define ARTICLE_COLUMNS \
  "SELECT a.id, a.title, a.source, a.author, a.published, a.path, a.sha256, a.imported_at "
#define CASE_COLUMNS \
  "SELECT c.id, c.title, c.subject_id, p.name, c.status, c.notes, c.review," \
  " (SELECT count(*) FROM event e WHERE e.case_id = c.id AND e.review != 'rejected')," \
  " (SELECT count(DISTINCT x.article_id) FROM event e" \
  "    JOIN event_source es ON es.event_id = e.id" \
  "    JOIN excerpt x ON x.id = es.excerpt_id" \
  "   WHERE e.case_id = c.id AND e.review != 'rejected') " \
  "FROM case_file c LEFT JOIN person p ON p.id = c.subject_id "
#define EVENT_COLUMNS \
  "SELECT e.id, e.case_id, e.description," \
  " e.date_value, e.date_precision, e.date_qualifier, e.date_anchor, e.date_earliest, e.date_latest," \
  " e.date_text, e.review, p.name, e.article_id," \
  " (SELECT x.span_start FROM event_source es JOIN excerpt x ON x.id = es.excerpt_id" \
  "   WHERE es.event_id = e.id ORDER BY x.id LIMIT 1)," \
  " (SELECT x.span_end FROM event_source es JOIN excerpt x ON x.id = es.excerpt_id" \
  "   WHERE es.event_id = e.id ORDER BY x.id LIMIT 1)," \
  " (SELECT count(*) FROM event_source es WHERE es.event_id = e.id) " \
  "FROM event e LEFT JOIN person p ON p.id = e.subject_id "
/* Open-ended dates ("before 1997") may know only one end of the interval. */
#define EVENT_ORDER \
  "ORDER BY coalesce (e.date_earliest, e.date_latest) IS NULL," \
  " coalesce (e.date_earliest, e.date_latest), e.date_latest, e.article_id, e.id"
#define EXCERPT_COLUMNS \
  "SELECT x.id, x.article_id, a.title, a.published, x.span_start, x.span_end, x.text," \
  " x.speaker_id, p.name, x.kind," \
  " (SELECT min(es.event_id) FROM event_source es WHERE es.excerpt_id = x.id) " \
  "FROM excerpt x JOIN article a ON a.id = x.article_id" \
  " LEFT JOIN person p ON p.id = x.speaker_id "
/* x.review before x.id: the order of the excerpt_article index (schema 5). */
#define EXCERPT_ORDER \
  "ORDER BY a.published_earliest IS NULL, a.published_earliest, a.id," \
  " x.span_start, x.span_end, x.review, x.id"

/* Row readers for the heads above (cb-store.c). */
CbCaseFile   *_cb_store_read_case      (sqlite3_stmt *stmt);
CbEvent      *_cb_store_read_event     (sqlite3_stmt *stmt);
CbExcerpt    *_cb_store_read_excerpt   (sqlite3_stmt *stmt);

/* The same, as GObjects, for the readers of one row or of many. */
typedef GObject *(*CbStoreRowReader) (sqlite3_stmt *stmt);

GObject      *_cb_store_read_case_object    (sqlite3_stmt *stmt);
GObject      *_cb_store_read_event_object   (sqlite3_stmt *stmt);
GObject      *_cb_store_read_excerpt_object (sqlite3_stmt *stmt);

void          _cb_store_search_free    (CbStoreSearch *search);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbStoreSearch, _cb_store_search_free)

/* Sets @error from a SQLite result code, mapping FULL, READONLY, NOTADB and
 * CORRUPT to their CbStoreError codes.  @what says what was being done. */
void          _cb_store_set_error      (sqlite3     *db,
                                        int          rc,
                                        const char  *what,
                                        GError     **error);

/* A cached statement for @sql (a string literal: it is found by its
 * address), reset with its bindings cleared.  Never finalise it; do not use
 * one statement twice at once. */
sqlite3_stmt *_cb_store_prepare        (CbStore     *self,
                                        const char  *sql,
                                        GError     **error);

/* Steps @stmt to completion (an INSERT/UPDATE/DELETE); resets it. */
gboolean      _cb_store_step_done      (CbStore      *self,
                                        sqlite3_stmt *stmt,
                                        const char   *what,
                                        GError      **error);

gboolean      _cb_store_exec           (sqlite3     *db,
                                        const char  *sql,
                                        GError     **error);

/* Gives SQLite's page cache a memory mapping of its own, before SQLite's
 * first use in the process (cb-store-page-cache.c); later it does nothing. */
void          _cb_store_setup_page_cache (void);

/* cb-store-log-vfs.c: the name of the VFS that writes a connection's log
 * in large pieces (registered at the first call), or NULL for SQLite's
 * default; and how often a commit's frames were found still unwritten at
 * the memory barrier (never, if commits are recognised as they should). */
const char   *_cb_store_log_vfs (void);
guint         _cb_store_log_late_writes (void);

/* Brings the database up to CB_STORE_SCHEMA_VERSION through the numbered
 * migrations, all in one transaction (cb-store-migrations.c).  The caller has refused databases
 * newer than that already. */
gboolean      _cb_store_migrate        (sqlite3     *db,
                                        GError     **error);

/* Copies the database (of schema @version) to a new file beside @path,
 * NAME.schema-N.bak, never overwriting one; returns its path.  On failure
 * nothing is written and the caller must not migrate. */
char         *_cb_store_backup         (sqlite3     *db,
                                        const char  *path,
                                        int          version,
                                        GError     **error);

gboolean      _cb_store_read_user_version (sqlite3  *db,
                                           int      *version,
                                           GError  **error);

/* The form two names are compared in: NFKC, case-folded, white space
 * collapsed.  Newly allocated. */
char         *_cb_store_name_key       (const char  *name);

/* Pages of log after which a commit copies them into the database file
 * (SQLite's automatic checkpoint): 32 MB, not 4 MB, for imports. */
#define CB_STORE_WAL_AUTOCHECKPOINT 8192

/* Events dated no longer than this (a year, leap or not) are looked up
 * through event_subject_date by a short range of their start; longer ones
 * are in event_wide (schema 9), whose condition must read the same. */
#define CB_STORE_NARROW_EVENT_DAYS 366

/* Column text as a const char * (NULL for SQL NULL). */
#define CB_COLUMN_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

/* Reads a fuzzy date from 6 consecutive columns: value, precision, qualifier,
 * anchor, earliest, latest (Julian days or NULL). */
void          _cb_store_read_fuzzy_date (sqlite3_stmt *stmt,
                                         int           first_column,
                                         CbFuzzyDate  *date);

/* Binds @text, or NULL when it is NULL. */
void          _cb_store_bind_text      (sqlite3_stmt *stmt,
                                        int           column,
                                        const char   *text);
/* Binds a Julian day, or NULL for 0 ("not known"). */
void          _cb_store_bind_julian    (sqlite3_stmt *stmt,
                                        int           column,
                                        guint32       julian);

/* Whether a transaction is open on this connection. */
gboolean      _cb_store_in_transaction (CbStore *self);

/* --- cb-store-review.c: suggestions across articles --------------------- */

/* Whether the user rejected (@kind, @key) ("case", "event", "merge"). */
gboolean      _cb_store_is_rejected    (CbStore     *self,
                                        const char  *kind,
                                        const char  *key,
                                        gboolean    *rejected,
                                        GError     **error);
/* The rejection key of an event: subject's name key, action (or the
 * description's key), date value.  Newly allocated. */
char         *_cb_store_event_key      (const char *subject_key,
                                        const char *action,
                                        const char *description,
                                        const char *date_value);
gboolean      _cb_store_descriptions_similar (const char *a,
                                              const char *b);
/* An event of another article with the same subject, an overlapping date
 * and the same action (or similar words), other than @except_id:
 * *@event_id, or 0. */
gboolean      _cb_store_find_same_event (CbStore     *self,
                                         gint64       article_id,
                                         gint64       except_id,
                                         gint64       subject_id,
                                         const char  *action,
                                         const char  *description,
                                         guint32      earliest,
                                         guint32      latest,
                                         gint64      *event_id,
                                         CbReview    *review,
                                         GError     **error);
/* After @event_id's date or subject changed: when another article tells the
 * same event, @event_id's sources move to it and @event_id is deleted (or,
 * when the user rejected that one, @event_id is rejected too).  A rejected
 * @event_id has its rejection remembered under its current key. */
gboolean      _cb_store_fold_event     (CbStore  *self,
                                        gint64    event_id,
                                        GError  **error);
/* Remembers (or, with @rejected FALSE, forgets) that the user rejected
 * (@kind, @key). */
gboolean      _cb_store_remember_rejection (CbStore     *self,
                                            const char  *kind,
                                            const char  *key,
                                            gboolean     rejected,
                                            GError     **error);
/* Remembers (or, with @rejected FALSE, forgets) the rejection of an event
 * under every name its subject goes by. */
gboolean      _cb_store_remember_event_rejection (CbStore  *self,
                                                  gint64    event_id,
                                                  gboolean  rejected,
                                                  GError  **error);

/* Our own transaction, or none when the caller has one open already
 * (cb-store-review.c). */
gboolean      _cb_store_begin_own      (CbStore   *self,
                                        gboolean  *own,
                                        GError   **error);
gboolean      _cb_store_end_own        (CbStore   *self,
                                        gboolean   own,
                                        gboolean   ok,
                                        GError   **error);
/* Runs @sql (one statement with ?1 = @a, ?2 = @b, 0 = NULL) to completion. */
gboolean      _cb_store_run_ids        (CbStore     *self,
                                        const char  *sql,
                                        gint64       a,
                                        gint64       b,
                                        const char  *what,
                                        GError     **error);
/* Ids from a query with ?1 = @a (0 = NULL) whose first column is an id. */
GArray       *_cb_store_collect_ids    (CbStore     *self,
                                        const char  *sql,
                                        gint64       a,
                                        GError     **error);

/* --- cb-store-undo.c: the undo journal --------------------------------- */

/* Opens an undoable step named @label (untranslated, marked with N_()):
 * a transaction (or a savepoint in the caller's), with every change of the
 * edited tables recorded.  Nested calls join the outer step. */
gboolean      _cb_store_edit_begin     (CbStore     *self,
                                        const char  *label,
                                        GError     **error);
/* Closes it: with @ok, commits the step (clearing what could be redone);
 * otherwise rolls back everything since _cb_store_edit_begin.  Returns
 * @ok, or FALSE when committing failed (then @error is set). */
gboolean      _cb_store_edit_end       (CbStore     *self,
                                        gboolean     ok,
                                        GError     **error);

/* cb-store.c: emits "history-changed". */
void          _cb_store_emit_history_changed (CbStore *self);

/* --- cb-store-batch.c: many articles in one transaction --------------- */

/* Whether the open batch indexes its articles for search at the commit
 * (for the tests). */
gboolean      _cb_store_batch_defers_fts (CbStore *self);

/* --- cb-store-merge.c: people who may be one ---------------------------- */

/* Suggests merging @person_id with people whose names extend or shorten it. */
gboolean      _cb_store_suggest_merges (CbStore  *self,
                                        gint64    person_id,
                                        GError  **error);

/* --- cb-store-mentions.c: mention rows, a person's spans in an article --- */

/* Orders spans by start, then end. */
int           _cb_store_span_compare   (gconstpointer a,
                                        gconstpointer b);
/* Appends @spans as mention.spans holds them: "[[start,end],…]". */
void          _cb_store_spans_to_text  (GString      *out,
                                        const CbSpan *spans,
                                        guint         n_spans);
/* Appends the spans of @text (mention.spans) to @spans (CbSpan); FALSE,
 * and @spans as it was, when @text is not that form. */
gboolean      _cb_store_spans_parse    (const char   *text,
                                        GArray       *spans);
/* Merging people: @other_id's mentions become @keep_id's, one row per
 * article (an article naming both gets one row of both spans). */
gboolean      _cb_store_move_mentions  (CbStore      *self,
                                        gint64        keep_id,
                                        gint64        other_id,
                                        GError      **error);
/* Splitting a name off: the spans of @person_id's mentions that read
 * @key (a name key) go to @new_id, a new person. */
gboolean      _cb_store_split_mentions (CbStore      *self,
                                        gint64        person_id,
                                        const char   *key,
                                        gint64        new_id,
                                        GError      **error);

G_END_DECLS
