/* cb-store-migrations.c — the schema, one numbered migration at a time
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-store-private.h"

/* Migration N brings a database from user_version N-1 to N.  Never edit a
 * migration that has shipped: add the next one (and bump
 * CB_STORE_SCHEMA_VERSION in cb-store.h).
 *
 * Conventions: offsets are Unicode character offsets into article.body
 * (span_start inclusive, span_end exclusive); dates are Julian day numbers
 * (GDate) with NULL for "not known"; enumerations are stored as the strings
 * of cb-types.c / cb-fuzzy-date.c so the file stays readable. */
static const char * const migrations[] = {
  /* 1: the schema of DESIGN.md */
  "CREATE TABLE article ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  source TEXT,"
  "  author TEXT,"
  "  published TEXT,"                       /* TIMEX3 value, NULL when undated */
  "  published_precision TEXT NOT NULL DEFAULT 'none',"
  "  published_earliest INTEGER,"
  "  published_latest INTEGER,"
  "  imported_at TEXT NOT NULL,"            /* ISO 8601, UTC */
  "  path TEXT,"
  "  sha256 TEXT NOT NULL UNIQUE,"
  "  body TEXT NOT NULL"
  ");"

  /* External-content FTS5 index kept in sync by the triggers below. */
  "CREATE VIRTUAL TABLE article_fts USING fts5("
  "  title, body, content='article', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER article_fts_ai AFTER INSERT ON article BEGIN"
  "  INSERT INTO article_fts (rowid, title, body) VALUES (new.id, new.title, new.body);"
  "END;"
  "CREATE TRIGGER article_fts_ad AFTER DELETE ON article BEGIN"
  "  INSERT INTO article_fts (article_fts, rowid, title, body)"
  "    VALUES ('delete', old.id, old.title, old.body);"
  "END;"
  "CREATE TRIGGER article_fts_au AFTER UPDATE OF title, body ON article BEGIN"
  "  INSERT INTO article_fts (article_fts, rowid, title, body)"
  "    VALUES ('delete', old.id, old.title, old.body);"
  "  INSERT INTO article_fts (rowid, title, body) VALUES (new.id, new.title, new.body);"
  "END;"

  "CREATE TABLE person ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  name_key TEXT NOT NULL"                /* _cb_store_name_key (name) */
  ");"
  "CREATE INDEX person_name_key ON person (name_key);"

  "CREATE TABLE alias ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  text TEXT NOT NULL,"
  "  text_key TEXT NOT NULL,"
  "  UNIQUE (person_id, text_key)"
  ");"
  "CREATE INDEX alias_text_key ON alias (text_key);"

  "CREATE TABLE mention ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  span_start INTEGER NOT NULL,"
  "  span_end INTEGER NOT NULL,"
  "  CHECK (span_start <= span_end)"
  ");"
  "CREATE INDEX mention_article ON mention (article_id);"
  "CREATE INDEX mention_person ON mention (person_id);"

  "CREATE TABLE case_file ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL,"
  "  subject_id INTEGER REFERENCES person (id) ON DELETE SET NULL,"
  "  status TEXT NOT NULL DEFAULT 'open'"
  "    CHECK (status IN ('open', 'pending', 'granted', 'denied', 'closed')),"
  "  notes TEXT,"
  "  review TEXT NOT NULL DEFAULT 'suggested'"
  "    CHECK (review IN ('suggested', 'accepted', 'rejected'))"
  ");"
  "CREATE INDEX case_file_subject ON case_file (subject_id);"

  "CREATE TABLE event ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER REFERENCES case_file (id) ON DELETE SET NULL,"
  "  article_id INTEGER REFERENCES article (id) ON DELETE SET NULL,"  /* where first found */
  "  subject_id INTEGER REFERENCES person (id) ON DELETE SET NULL,"
  "  description TEXT NOT NULL,"
  "  action TEXT,"                          /* legal action or NULL */
  "  date_value TEXT,"                      /* TIMEX3 or NULL when unresolved */
  "  date_precision TEXT NOT NULL DEFAULT 'none',"
  "  date_qualifier TEXT NOT NULL DEFAULT 'on',"
  "  date_anchor TEXT NOT NULL DEFAULT 'absolute',"
  "  date_earliest INTEGER,"
  "  date_latest INTEGER,"
  "  date_text TEXT,"                       /* the surface text */
  "  date_start INTEGER,"                   /* its span in the article, to resolve */
  "  date_end INTEGER,"                     /* it again when the article gets a date */
  "  review TEXT NOT NULL DEFAULT 'suggested'"
  "    CHECK (review IN ('suggested', 'accepted', 'rejected'))"
  ");"
  "CREATE INDEX event_case ON event (case_id);"
  "CREATE INDEX event_subject ON event (subject_id);"
  "CREATE INDEX event_article ON event (article_id);"
  "CREATE INDEX event_date ON event (date_earliest, date_latest);"

  "CREATE TABLE excerpt ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,"
  "  span_start INTEGER NOT NULL,"
  "  span_end INTEGER NOT NULL,"
  "  text TEXT NOT NULL,"
  "  speaker_id INTEGER REFERENCES person (id) ON DELETE SET NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('quote', 'passage')),"
  "  review TEXT NOT NULL DEFAULT 'suggested'"
  "    CHECK (review IN ('suggested', 'accepted', 'rejected')),"
  "  CHECK (span_start <= span_end)"
  ");"
  "CREATE INDEX excerpt_article ON excerpt (article_id, span_start);"
  "CREATE INDEX excerpt_speaker ON excerpt (speaker_id);"

  "CREATE TABLE event_source ("
  "  event_id INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,"
  "  excerpt_id INTEGER NOT NULL REFERENCES excerpt (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (event_id, excerpt_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX event_source_excerpt ON event_source (excerpt_id);"

  /* What the user rejected, so that re-imports and re-extraction do not
   * suggest it again: @kind names what ("case", "event", "merge" …), @key is
   * a normalised description of it chosen by the code that rejects. */
  "CREATE TABLE rejection ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  key TEXT NOT NULL,"
  "  created_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  UNIQUE (kind, key)"
  ");",

  /* 2: people who may be one person, suggested across articles */
  "CREATE TABLE person_merge ("
  "  id INTEGER PRIMARY KEY,"
  "  keep_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  other_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  review TEXT NOT NULL DEFAULT 'suggested'"
  "    CHECK (review IN ('suggested', 'accepted', 'rejected')),"
  "  UNIQUE (keep_id, other_id)"
  ");"
  "CREATE INDEX person_merge_other ON person_merge (other_id);",

  /* 3: the undo journal (cb-store-undo.c).  A step is one user edit; its
   * actions are the SQL statements that take it back, run newest first.
   * Undoing a step makes a "redo" step of the statements that do it again.
   * AUTOINCREMENT: step ids only grow, so the newest step is the one with
   * the highest id even after older ones were trimmed. */
  "CREATE TABLE undo_step ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  kind TEXT NOT NULL CHECK (kind IN ('undo', 'redo')),"
  "  label TEXT NOT NULL,"                  /* untranslated, e.g. "Rename Case" */
  "  created_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))"
  ");"
  "CREATE INDEX undo_step_kind ON undo_step (kind, id);"
  "CREATE TABLE undo_action ("
  "  id INTEGER PRIMARY KEY,"
  "  step_id INTEGER NOT NULL REFERENCES undo_step (id) ON DELETE CASCADE,"
  "  sql TEXT NOT NULL"
  ");"
  "CREATE INDEX undo_action_step ON undo_action (step_id, id);",

  /* 4: excerpts attached to a case file itself, not to one of its events */
  "CREATE TABLE case_excerpt ("
  "  case_id INTEGER NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,"
  "  excerpt_id INTEGER NOT NULL REFERENCES excerpt (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (case_id, excerpt_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX case_excerpt_excerpt ON case_excerpt (excerpt_id);",

  /* 5: what adding an article looks up about a person's events, from the
   * index alone: "the same event in another article" (subject, overlapping
   * dates, then article and action; cb-store-review.c) and the events not
   * yet filed in a case (cb-store-add.c).  Through event_subject both read
   * every event row of the person, at every article: at 100,000 articles
   * most of an import's time. */
  "CREATE INDEX IF NOT EXISTS event_subject_date ON event"
  "  (subject_id, date_earliest, date_latest, article_id, action, review);"
  "CREATE INDEX IF NOT EXISTS event_subject_case ON event (subject_id, case_id);"
  /* The window's lists in their order from an index, without a sort or a
   * row read per item (cb-store-lists.c; EVENT_ORDER and EXCERPT_ORDER):
   * at 100,000 articles all events 1.1 s → 0.26 s, all excerpts 3.0 s →
   * 1.0 s.  event_date served no query (the order is by coalesce ()) and
   * event_subject is the head of the two above: dropped, so adding an
   * event updates no more indexes than before. */
  "DROP INDEX IF EXISTS event_date;"
  "DROP INDEX IF EXISTS event_subject;"
  "CREATE INDEX IF NOT EXISTS event_order ON event"
  "  ((coalesce (date_earliest, date_latest) IS NULL), coalesce (date_earliest, date_latest),"
  "   date_latest, article_id) WHERE review != 'rejected';"
  "DROP INDEX IF EXISTS excerpt_article;"
  "CREATE INDEX excerpt_article ON excerpt (article_id, span_start, span_end, review);"
  "CREATE INDEX IF NOT EXISTS article_published ON article"
  "  ((published_earliest IS NULL), published_earliest);",

  /* 6: partial indexes, holding only the rows their queries look for.  An
   * import files nearly every event in a case as it adds it (88 % in the
   * generated corpus) and passages have no speaker (37 % of excerpts), so
   * adding those rows no longer writes these indexes: 2,000 articles import
   * ~30 ms (3 %) faster.  The people's events in general are found through
   * event_subject_date; a term "speaker_id = ?" implies speaker_id IS NOT
   * NULL, so its queries still use excerpt_speaker. */
  "DROP INDEX IF EXISTS event_subject_case;"
  "CREATE INDEX IF NOT EXISTS event_unfiled ON event (subject_id) WHERE case_id IS NULL;"
  "DROP INDEX IF EXISTS excerpt_speaker;"
  "CREATE INDEX excerpt_speaker ON excerpt (speaker_id) WHERE speaker_id IS NOT NULL;",

  /* 7: one mention row per article and person, holding all its spans
   * (cb-store-mentions.c): spans is a JSON array of [span_start, span_end]
   * pairs ordered by start, e.g. [[12,20],[311,319]], and span_count the
   * number of pairs.  An article names a person 4–5 times on average and
   * every row cost an insert into the table and two indexes; keyed by
   * (article, person) without a rowid, the primary key also serves what
   * mention_article did.  The people list counts mentions from
   * mention_person alone (at 100,000 articles 0.1 s; reading and parsing
   * every row's spans instead took 2 s). */
  "CREATE TABLE mention_packed ("
  "  article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  span_count INTEGER NOT NULL CHECK (span_count > 0),"
  "  spans TEXT NOT NULL,"
  "  PRIMARY KEY (article_id, person_id)"
  ") WITHOUT ROWID;"
  /* As a window function group_concat () takes the rows in the window's
   * order (as an aggregate, in no order it promises): the last row of
   * each (article, person) holds all their spans, in order. */
  "INSERT INTO mention_packed (article_id, person_id, span_count, spans)"
  "  SELECT article_id, person_id, total, '[' || spans || ']' FROM"
  "  (SELECT article_id, person_id,"
  "          group_concat ('[' || span_start || ',' || span_end || ']', ',') OVER w AS spans,"
  "          row_number () OVER w AS n,"
  "          count (*) OVER (PARTITION BY article_id, person_id) AS total"
  "   FROM mention"
  "   WINDOW w AS (PARTITION BY article_id, person_id ORDER BY span_start, span_end, id))"
  "  WHERE n = total;"
  "DROP TABLE mention;"
  "ALTER TABLE mention_packed RENAME TO mention;"
  "CREATE INDEX mention_person ON mention (person_id, span_count);",

  /* 8: FTS5 merges the search index's segments once 16 of a level are
   * there, not 4.  Every batch an import commits adds a segment, and
   * merging them four by four rewrote the index again and again: 2,000
   * articles import ~100 ms (9 %) faster, while a search reads a few more
   * segments (at 100,000 articles its median stayed under 10 ms). */
  "INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', 16);",

  /* 9: the events longer than a year, for finding the same event told by
   * another article (_cb_store_find_same_event ()): the shorter ones are
   * found by a short range of event_subject_date.  A day, week, month,
   * season or year never enters this index, so adding one costs nothing
   * more.  "366" is CB_STORE_NARROW_EVENT_DAYS: the queries that use the
   * index must say the same. */
  "CREATE INDEX IF NOT EXISTS event_wide ON event (subject_id, date_earliest)"
  "  WHERE date_latest - date_earliest > 366;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CB_STORE_SCHEMA_VERSION);

/* NAME.schema-N.bak, or NAME.schema-N-2.bak … when that exists already: a
 * backup is never overwritten.  NULL when every name is taken. */
static char *
backup_path (const char *path,
             int         version)
{
  for (int i = 1; i < 100; i++)
    {
      g_autofree char *candidate = NULL;

      if (i == 1)
        candidate = g_strdup_printf ("%s.schema-%d.bak", path, version);
      else
        candidate = g_strdup_printf ("%s.schema-%d-%d.bak", path, version, i);
      /* lstat: a dangling link is taken too; SQLite would write through it. */
      if (!g_file_test (candidate, G_FILE_TEST_EXISTS)
          && !g_file_test (candidate, G_FILE_TEST_IS_SYMLINK))
        return g_steal_pointer (&candidate);
    }

  return NULL;
}

char *
_cb_store_backup (sqlite3     *db,
                  const char  *path,
                  int          version,
                  GError     **error)
{
  g_autofree char *target = backup_path (path, version);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (target == NULL)
    {
      g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_FAILED,
                   _("Could not back up the database “%s” before upgrading it: "
                     "too many backups exist beside it. It was not changed."),
                   path);
      return NULL;
    }

  /* VACUUM INTO writes a consistent copy (WAL included) and refuses a file
   * that exists, so a backup is never overwritten, not even in a race. */
  rc = sqlite3_prepare_v2 (db, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, target, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      /* TRANSLATORS: the first %s is the database, the second the backup file */
      g_set_error (error, CB_STORE_ERROR,
                   (rc & 0xff) == SQLITE_FULL ? CB_STORE_ERROR_FULL : CB_STORE_ERROR_FAILED,
                   _("Could not back up the database “%s” to “%s” before upgrading it (%s). "
                     "It was not changed."),
                   path, target, sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);

  return g_steal_pointer (&target);
}

gboolean
_cb_store_migrate (sqlite3  *db,
                   GError  **error)
{
  int version = 0;

  /* All pending migrations run in one transaction: a failure leaves the file
   * as it was.  IMMEDIATE takes the write lock first, so two connections
   * opening a fresh file at once cannot both run migration 1; the version is
   * read again under the lock. */
  if (!_cb_store_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!_cb_store_read_user_version (db, &version, error))
    goto fail;

  for (; version < CB_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *set_version = NULL;

      if (!_cb_store_exec (db, migrations[version], error))
        {
          g_prefix_error (error, _("Could not upgrade the database to schema %d: "),
                          version + 1);
          goto fail;
        }

      set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (!_cb_store_exec (db, set_version, error))
        goto fail;
    }

  if (!_cb_store_exec (db, "COMMIT", error))
    goto fail;

  return TRUE;

fail:
  if (sqlite3_get_autocommit (db) == 0)
    _cb_store_exec (db, "ROLLBACK", NULL);
  return FALSE;
}
