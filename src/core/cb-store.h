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
} CbStoreError;

/* The schema this build writes; PRAGMA user_version of a migrated database. */
#define CB_STORE_SCHEMA_VERSION 2

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
/* Excerpts of a case (@case_id != 0), of an event (@event_id != 0), or all
 * (both 0), in article order.  GPtrArray of CbExcerpt. */
GPtrArray  *cb_store_list_excerpts   (CbStore *self,
                                      gint64   case_id,
                                      gint64   event_id,
                                      GError **error);
/* GPtrArray of CbPersonRecord, by name. */
GPtrArray  *cb_store_list_persons    (CbStore *self,
                                      GError **error);

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
