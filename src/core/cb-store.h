/* cb-store.h — the SQLite database: the only place with SQL
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cb-article.h"
#include "cb-case-file.h"
#include "cb-event.h"
#include "cb-excerpt.h"
#include "cb-person-record.h"
#include "cb-search-hit.h"
#include "extract/cb-extract.h"

G_BEGIN_DECLS

#define CB_STORE_ERROR (cb_store_error_quark ())

typedef enum
{
  CB_STORE_ERROR_FAILED,
  CB_STORE_ERROR_TOO_NEW,     /* written by a newer Casebook: refused, never modified */
  CB_STORE_ERROR_CORRUPT,     /* not a database, or a damaged one */
  CB_STORE_ERROR_READ_ONLY,
  CB_STORE_ERROR_FULL,        /* the disk is full */
  CB_STORE_ERROR_NOT_FOUND,
  CB_STORE_ERROR_DUPLICATE,   /* an article with the same text is stored already */
  CB_STORE_ERROR_INVALID,     /* an edit with bad input (an empty title …): nothing changed */
} CbStoreError;

/* The schema this build writes; PRAGMA user_version of a migrated database. */
#define CB_STORE_SCHEMA_VERSION 9

#define CB_TYPE_STORE (cb_store_get_type ())
G_DECLARE_FINAL_TYPE (CbStore, cb_store, CB, STORE, GObject)

GQuark      cb_store_error_quark     (void);

/* $CASEBOOK_DB when set, otherwise $XDG_DATA_HOME/casebook/casebook.db. */
char       *cb_store_dup_default_path (void);

/* Opens (creating folders and file as needed) and migrates.  WAL, foreign keys,
 * a busy timeout.  A database of a newer schema fails with CB_STORE_ERROR_TOO_NEW
 * and is not modified.  Each CbStore is one connection: threads open their own. */
CbStore    *cb_store_open            (const char *path,
                                      GError    **error);
const char *cb_store_get_path        (CbStore *self);
int         cb_store_get_schema_version (CbStore *self);

/* Explicit transactions (not nested). */
gboolean    cb_store_begin           (CbStore *self, GError **error);
gboolean    cb_store_commit          (CbStore *self, GError **error);
void        cb_store_rollback        (CbStore *self);
/* Whether a transaction (cb_store_begin's or any other) is open on this
 * connection. */
gboolean    cb_store_in_transaction  (CbStore *self);

/* A batch: one transaction for many cb_store_add_article_full() calls
 * (each article still whole or not at all, in a savepoint of its own).
 * Their search index entries are written once, at the commit, instead of
 * article by article; until then cb_store_search() does not find them.
 * Not inside another transaction.  cb_store_commit_batch() rolls
 * everything of the batch back when it fails. */
gboolean    cb_store_begin_batch     (CbStore *self, GError **error);
gboolean    cb_store_commit_batch    (CbStore *self, GError **error);
void        cb_store_rollback_batch  (CbStore *self);

/* How many times a connection of this process has had to wait for another
 * to give up the write lock (a count that only grows): an import's batch
 * commits early when it changes, so that the window's edit waits moments,
 * not the whole batch. */
guint       cb_store_get_lock_waits  (void);

/* Beside a long import: a thread with a connection of its own that copies
 * the log into the database file after each commit it is told of, so that
 * the importing connection does not.  NULL when there is no file. */
typedef struct _CbStoreCheckpointer CbStoreCheckpointer;

CbStoreCheckpointer *cb_store_start_checkpointer   (CbStore             *self);
void                 cb_store_checkpointer_request (CbStoreCheckpointer *checkpointer);
void                 cb_store_checkpointer_settle  (CbStoreCheckpointer *checkpointer);
void                 cb_store_stop_checkpointer    (CbStoreCheckpointer *checkpointer);

/* Changes whenever another connection commits (PRAGMA data_version). */
gint64      cb_store_get_data_version (CbStore *self);

/* --- Articles ----------------------------------------------------------- */

/* The stored article whose text has @sha256, or NULL (no error) when none. */
CbArticle  *cb_store_find_article_by_sha256 (CbStore    *self,
                                             const char *sha256,
                                             GError    **error);

/* Stores @article (its body, metadata, FTS entry) and everything in
 * @extraction as suggestions — people (matched to stored people by name or
 * alias), mentions, quotes as excerpts, events with their source passages,
 * and a suggested case file for each person who is the subject of a legal
 * event — in ONE transaction: on failure nothing of it is stored.  Sets the
 * article's id and returns it, or 0 on error.  A sha256 already stored fails
 * with CB_STORE_ERROR_DUPLICATE. */
gint64      cb_store_add_article     (CbStore            *self,
                                      CbArticle          *article,
                                      const CbExtraction *extraction,
                                      GError            **error);

typedef enum
{
  CB_STORE_ADD_NONE     = 0,
  CB_STORE_ADD_ACCEPTED = 1 << 0,  /* what is found is stored as accepted, not
                                    * suggested (events it joins, their case
                                    * files); what was rejected stays so */
} CbStoreAddFlags;

gint64      cb_store_add_article_full (CbStore            *self,
                                       CbArticle          *article,
                                       const CbExtraction *extraction,
                                       CbStoreAddFlags     flags,
                                       GError            **error);

/* With the body. */
CbArticle  *cb_store_get_article     (CbStore *self,
                                      gint64   id,
                                      GError **error);
/* Just the title, without reading the body: NULL with
 * CB_STORE_ERROR_NOT_FOUND when there is no such article. */
char       *cb_store_get_article_title (CbStore *self,
                                        gint64   id,
                                        GError **error);
/* Without bodies, newest first.  GPtrArray of CbArticle. */
GPtrArray  *cb_store_list_articles   (CbStore *self,
                                      GError **error);
guint       cb_store_count_articles  (CbStore *self);

/* Deletes an article with its mentions and excerpts, in one transaction.
 * Events resting on it alone go (unless accepted), events other articles
 * tell too keep those sources; suggested case files left without events and
 * people nothing refers to any more go too.  What the user rejected stays
 * rejected: importing the same text again does not bring it back.  An
 * unknown id fails with CB_STORE_ERROR_NOT_FOUND. */
gboolean    cb_store_delete_article  (CbStore *self,
                                      gint64   article_id,
                                      GError **error);

/* --- Case files, events, excerpts, people ------------------------------- */

/* Every case file not rejected, by title.  GPtrArray of CbCaseFile. */
GPtrArray  *cb_store_list_cases      (CbStore *self,
                                      GError **error);
CbCaseFile *cb_store_get_case        (CbStore *self,
                                      gint64   id,
                                      GError **error);
/* Events not rejected, chronological (undated last); @case_id 0 = all.
 * GPtrArray of CbEvent. */
GPtrArray  *cb_store_list_events     (CbStore *self,
                                      gint64   case_id,
                                      GError **error);
/* Excerpts of a case (@case_id != 0: the sources of its events, those
 * attached to the case itself, what its subject said), of an event
 * (@event_id != 0), or all (both 0), in article order.  GPtrArray of
 * CbExcerpt. */
GPtrArray  *cb_store_list_excerpts   (CbStore *self,
                                      gint64   case_id,
                                      gint64   event_id,
                                      GError **error);
/* GPtrArray of CbPersonRecord, by name. */
GPtrArray  *cb_store_list_persons    (CbStore *self,
                                      GError **error);

/* --- Lists read lazily (cb-store-lists.c) ---------------------------------
 *
 * What the window's lists hold: the ids of a list in its order, read in one
 * query, and a row by id when it is shown (CbLazyList). */

typedef enum
{
  CB_LIST_CASES,     /* cb_store_list_cases () */
  CB_LIST_EVENTS,    /* cb_store_list_events (@case_id) */
  CB_LIST_EXCERPTS,  /* cb_store_list_excerpts (@case_id, 0) */
} CbListKind;

/* A connection that only reads, for a thread of its own (no migration: a
 * database of another schema fails with CB_STORE_ERROR_FAILED). */
CbStore    *cb_store_open_read_only   (const char   *path,
                                       GError      **error);
/* The ids the list of @kind (filtered by @case_id, 0 = all) holds, in the
 * same order as the cb_store_list_* function; GArray of gint64.  For
 * events, *@n_dated (may be NULL) gets how many have a date: they come
 * first.  @cancellable stops a long read (G_IO_ERROR_CANCELLED). */
GArray     *cb_store_list_ids         (CbStore      *self,
                                       CbListKind    kind,
                                       gint64        case_id,
                                       guint        *n_dated,
                                       GCancellable *cancellable,
                                       GError      **error);
/* One row of such a list: a CbCaseFile, CbEvent or CbExcerpt, whatever its
 * review; CB_STORE_ERROR_NOT_FOUND when there is none with @id. */
GObject    *cb_store_get_list_item    (CbStore      *self,
                                       CbListKind    kind,
                                       gint64        id,
                                       GError      **error);
/* At least as many rows as a list of @kind can have, cheaply (the largest
 * id): whether reading it may take long. */
gint64      cb_store_estimate_list_size (CbStore    *self,
                                         CbListKind  kind);

/* An event or excerpt not rejected (what the lists show), or NULL with
 * CB_STORE_ERROR_NOT_FOUND. */
CbEvent    *cb_store_get_event        (CbStore      *self,
                                       gint64        id,
                                       GError      **error);
CbExcerpt  *cb_store_get_excerpt      (CbStore      *self,
                                       gint64        id,
                                       GError      **error);
/* The first event with a source article, in cb_store_list_events order,
 * of @case_id (0 = all); NULL (no error) when there is none. */
CbEvent    *cb_store_find_first_sourced_event (CbStore  *self,
                                               gint64    case_id,
                                               GError  **error);
/* The excerpts @event_id rests on (GArray of gint64). */
GArray     *cb_store_list_source_ids  (CbStore      *self,
                                       gint64        event_id,
                                       GError      **error);
/* The excerpts of @article_id overlapping [@start, @end) (an empty span:
 * those holding @start), not rejected (GArray of gint64). */
GArray     *cb_store_list_excerpt_ids_at (CbStore   *self,
                                          gint64     article_id,
                                          guint      start,
                                          guint      end,
                                          GError   **error);
/* The case files of cb_store_list_cases() without their counts (0): what
 * a choice of one needs.  Counting the sources of thousands of cases takes
 * seconds.  GPtrArray of CbCaseFile. */
GPtrArray  *cb_store_list_case_choices (CbStore     *self,
                                        GError     **error);
/* Whether any article is stored: one row read, where counting them reads
 * an index of every article. */
gboolean    cb_store_has_articles     (CbStore      *self);
/* The events not rejected that were first found in @article_id, in
 * cb_store_list_events order.  GPtrArray of CbEvent. */
GPtrArray  *cb_store_list_article_events (CbStore   *self,
                                          gint64     article_id,
                                          GError   **error);

/* --- Review --------------------------------------------------------------- */

/* Accepts, rejects or returns to "suggested" an event or a case file.  A
 * rejection is remembered by what it was — an event by who (under every
 * name the person goes by), what (the legal action, else the description)
 * and when (the date value); a case file by its subject's names — so the
 * same suggestion from another article, or from the same text imported
 * again after the article was deleted, does not come back.  Returning it to
 * suggested or accepting it forgets the rejection.  Unknown ids fail with
 * CB_STORE_ERROR_NOT_FOUND. */
gboolean    cb_store_set_event_review (CbStore  *self,
                                       gint64    event_id,
                                       CbReview  review,
                                       GError  **error);
gboolean    cb_store_set_case_review  (CbStore  *self,
                                       gint64    case_id,
                                       CbReview  review,
                                       GError  **error);

/* Sets, changes or (with NULL) clears an article's date and resolves every
 * date of its events again against it — relative ones ("last week", "on
 * Tuesday") and those that follow them ("two years later") — in one
 * transaction.  An event dated this way that another article told already
 * (same subject, overlapping dates, same action or similar words) becomes
 * one event with the sources of both.  Unknown ids fail with
 * CB_STORE_ERROR_NOT_FOUND. */
gboolean    cb_store_set_article_date (CbStore      *self,
                                       gint64        article_id,
                                       const GDate  *date,
                                       GError      **error);

/* Two stored people whose names may be one person's: one name's words
 * begin the other's ("Ann Example" and "Ann Example Smith"; the shorter has
 * at least two words, so the first names agree).  Suggested whenever an
 * article brings such a name in, never merged without the user; different
 * first names sharing a surname are never suggested. */
typedef struct
{
  gint64  id;
  gint64  keep_id;     /* the fuller name, kept when accepted */
  char   *keep_name;
  gint64  other_id;
  char   *other_name;
} CbMergeSuggestion;

void        cb_merge_suggestion_free  (CbMergeSuggestion *suggestion);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbMergeSuggestion, cb_merge_suggestion_free)

/* Open suggestions.  GPtrArray of CbMergeSuggestion. */
GPtrArray  *cb_store_list_merge_suggestions (CbStore  *self,
                                             GError  **error);
/* Merges, in one transaction: the other's name becomes an alias of the
 * kept person, and aliases, mentions, events, quotes and case files move to
 * the kept person (two case files become one, with the events of both);
 * an event both names were told doing in two articles becomes one event.
 * The other person is deleted. */
gboolean    cb_store_accept_merge     (CbStore  *self,
                                       gint64    suggestion_id,
                                       GError  **error);
/* The pair is not suggested again, whichever articles name them. */
gboolean    cb_store_reject_merge     (CbStore  *self,
                                       gint64    suggestion_id,
                                       GError  **error);
/* Looks at every stored person for names that extend one another (as each
 * import does for the people it brings in), e.g. after an upgrade from a
 * schema without suggestions.  Rejected pairs stay rejected. */
gboolean    cb_store_suggest_merges   (CbStore  *self,
                                       GError  **error);

/* --- Edits ---------------------------------------------------------------
 *
 * Every function here, and every review function above (set_event_review,
 * set_case_review, accept_merge, reject_merge, set_article_date), is one
 * undoable step, in one transaction: on failure nothing changed.  The undo
 * journal is kept in the database (the last CB_STORE_UNDO_LIMIT steps), so
 * it survives closing and reopening; imports are never steps and do not
 * clear it.  A new edit clears what could be redone.  Bad input (an empty
 * title, an unknown id) fails with CB_STORE_ERROR_INVALID or
 * CB_STORE_ERROR_NOT_FOUND and changes nothing.  After each committed edit,
 * undo or redo the store emits "history-changed". */

#define CB_STORE_UNDO_LIMIT 200

/* Whether there is a step to undo (redo); *@label (may be NULL) gets its
 * translated name, e.g. "Rename Case", to free. */
gboolean    cb_store_can_undo         (CbStore  *self,
                                       char    **label);
gboolean    cb_store_can_redo         (CbStore  *self,
                                       char    **label);
/* Takes back the newest step (does it again) in one transaction.  Nothing to
 * undo fails with CB_STORE_ERROR_NOT_FOUND.  A step that can no longer be
 * taken back (what it changed was changed since by an import or a deleted
 * article) changes nothing, fails with CB_STORE_ERROR_FAILED and leaves the
 * history without it and the steps before it. */
gboolean    cb_store_undo             (CbStore  *self,
                                       GError  **error);
gboolean    cb_store_redo             (CbStore  *self,
                                       GError  **error);

/* A new accepted case file; @subject_id 0 for none.  Returns its id, 0 on
 * error. */
gint64      cb_store_create_case      (CbStore      *self,
                                       const char   *title,
                                       gint64        subject_id,
                                       GError      **error);
gboolean    cb_store_rename_case      (CbStore      *self,
                                       gint64        case_id,
                                       const char   *title,
                                       GError      **error);
gboolean    cb_store_set_case_status  (CbStore      *self,
                                       gint64        case_id,
                                       CbCaseStatus  status,
                                       GError      **error);
/* @notes NULL or "" clears them. */
gboolean    cb_store_set_case_notes   (CbStore      *self,
                                       gint64        case_id,
                                       const char   *notes,
                                       GError      **error);
/* Its events stay, in no case. */
gboolean    cb_store_delete_case      (CbStore      *self,
                                       gint64        case_id,
                                       GError      **error);
/* @other_id's events (and with them their excerpts) and the excerpts
 * attached to it move to @keep_id, the
 * notes of both are kept, the subject and status of @keep_id (the other's
 * when @keep_id has none); then @other_id is deleted. */
gboolean    cb_store_merge_cases      (CbStore      *self,
                                       gint64        keep_id,
                                       gint64        other_id,
                                       GError      **error);

/* Sets an event's date as the user gives it: @date's precision (NONE
 * clears the date), qualifier and interval (earliest ≤ latest, Julian days,
 * both known); @date->value may be NULL, then the TIMEX3 value follows from
 * the interval and the precision.  The date as written in the article is
 * kept, and the article getting another date no longer changes this one. */
gboolean    cb_store_set_event_date   (CbStore            *self,
                                       gint64              event_id,
                                       const CbFuzzyDate  *date,
                                       GError            **error);
gboolean    cb_store_set_event_description (CbStore     *self,
                                            gint64       event_id,
                                            const char  *description,
                                            GError     **error);
/* The description and the date (either may be NULL: unchanged) as one
 * step of the history; nothing changes if either is refused. */
gboolean    cb_store_edit_event       (CbStore            *self,
                                       gint64              event_id,
                                       const char         *description,
                                       const CbFuzzyDate  *date,
                                       GError            **error);
/* @case_id 0 takes it out of its case. */
gboolean    cb_store_move_event       (CbStore      *self,
                                       gint64        event_id,
                                       gint64        case_id,
                                       GError      **error);

/* The old name stays one of the person's names (an alias), so the next
 * article naming them that way still finds them. */
gboolean    cb_store_rename_person    (CbStore      *self,
                                       gint64        person_id,
                                       const char   *name,
                                       GError      **error);
gboolean    cb_store_add_alias        (CbStore      *self,
                                       gint64        person_id,
                                       const char   *alias,
                                       GError      **error);
/* The person's own name is not an alias to remove (rename them instead). */
gboolean    cb_store_remove_alias     (CbStore      *self,
                                       gint64        person_id,
                                       const char   *alias,
                                       GError      **error);
/* @alias (one of @person_id's names, not their name) becomes a person of
 * its own, with the mentions of that name; the two are not suggested for
 * merging again.  Returns the new person's id, 0 on error. */
gint64      cb_store_split_person     (CbStore      *self,
                                       gint64        person_id,
                                       const char   *alias,
                                       GError      **error);
/* --- Review in bulk (cb-store-bulk-review.c) ----------------------------- */

/* Accepts, in one transaction, every suggestion @article_id brought: the
 * events it tells (as a source or where first found), the case files those
 * events are filed in, and its quotes and passages.  What the user rejected
 * stays rejected.  *@n_accepted (may be NULL) counts the events and case
 * files accepted.  An unknown id fails with CB_STORE_ERROR_NOT_FOUND. */
gboolean    cb_store_accept_article   (CbStore  *self,
                                       gint64    article_id,
                                       guint    *n_accepted,
                                       GError  **error);

/* --- Excerpts the user picks (cb-store-excerpt-edit.c) -------------------- */

/* Stores the characters [@start, @end) of an article's body (white space
 * at either end left out) as an accepted passage and, with @event_id != 0,
 * makes it a source of that event; with @case_id != 0, attaches it to that
 * case file itself.  The same passage picked twice is stored once.  A span
 * outside the body, empty or blank fails with CB_STORE_ERROR_FAILED and
 * stores nothing; unknown ids fail with CB_STORE_ERROR_NOT_FOUND.  Returns
 * the excerpt's id, or 0 on error. */
gint64      cb_store_add_excerpt      (CbStore  *self,
                                       gint64    article_id,
                                       guint     start,
                                       guint     end,
                                       gint64    event_id,
                                       gint64    case_id,
                                       GError  **error);

/* What the article view highlights (cb-store-marks.c). */
typedef enum
{
  CB_MARK_QUOTE = 0,   /* an excerpt: @id is the excerpt */
  CB_MARK_PASSAGE,     /* an excerpt: @id is the excerpt */
  CB_MARK_PERSON,      /* a mention: @id is the person, @case_id their case (0 = none) */
  CB_MARK_DATE,        /* the date of an event found here: @id is the event */
} CbMarkKind;

typedef struct
{
  CbMarkKind kind;
  guint      start;    /* character offsets into the body, end exclusive */
  guint      end;
  gint64     id;
  gint64     case_id;
} CbArticleMark;

/* The marks of an article, by start: excerpts and mentions not rejected,
 * and the dates of its events that are not rejected (the spans of dates no
 * event rests on are not stored).  GArray of CbArticleMark. */
GArray     *cb_store_list_article_marks (CbStore  *self,
                                         gint64    article_id,
                                         GError  **error);

/* --- Search --------------------------------------------------------------- */

/* Full-text search over titles and bodies.  Any text is accepted: it is
 * turned into a safe FTS5 query (words as prefix terms, AND-ed), never a
 * syntax error.  GPtrArray of CbSearchHit, best first, at most @limit. */
GPtrArray  *cb_store_search          (CbStore    *self,
                                      const char *query,
                                      guint       limit,
                                      GError    **error);

/* --- Export --------------------------------------------------------------- */

/* {"version":1,"articles":[...],"persons":[...],"cases":[...]} — every
 * article with its metadata and body, every person with aliases, every case
 * with its events (date, description, review, sources) and excerpts. */
JsonNode   *cb_store_export_json     (CbStore *self,
                                      GError **error);

G_END_DECLS
