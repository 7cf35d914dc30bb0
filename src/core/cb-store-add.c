/* cb-store-add.c — storing an article with what was extracted from it
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cb_store_add_article_full(): the article, its people (found by name or
 * alias, or new), mentions, quotes, events (joined to the same event told
 * by another article, or new, in their case file) and the passages they
 * rest on — all of it or nothing, in a transaction or a savepoint of the
 * caller's batch.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cb-store-private.h"

typedef struct
{
  CbStore            *self;
  const CbExtraction *extraction;
  const char         *body;
  GArray             *char_to_byte;  /* gsize per character offset, plus the end */
  gint64              article_id;
  gint64             *person_ids;    /* per extracted person */
  char              **person_keys;   /* per extracted person: its name key */
  gboolean           *person_new;    /* per extracted person: stored by this article */
  gint64             *case_ids;      /* per extracted person: the case their events go in, or 0 */

  /* The article's new events, passages and sources, inserted after all of
   * its events were looked at, with ids given here (what SQLite would give:
   * one more than the largest, in order). */
  GArray             *new_events;    /* NewEvent */
  gint64              next_event_id;
  GArray             *passages;      /* CbSpan, in the order of first use */
  GHashTable         *passage_ids;   /* span key → index in passages */
  gint64              first_passage_id;
  GArray             *sources;       /* SourceRow */

  /* In a batch: the aliases this article stored (or found stored), which
   * the batch knows once the article is kept (see add_alias ()). */
  GPtrArray          *aliases_stored;  /* "PERSON_ID KEY" */
} AddContext;

typedef struct
{
  gint64                id;
  const CbEventMention *mention;
  const CbTimex        *timex;        /* or NULL: undated */
  gint64                subject_id;
  gint64                case_id;
  char                 *description;
  char                 *date_text;
} NewEvent;

static void
new_event_clear (gpointer data)
{
  NewEvent *event = data;

  g_free (event->description);
  g_free (event->date_text);
}

typedef struct
{
  gint64 event_id;
  gint64 excerpt_id;
} SourceRow;

static guint
context_n_chars (AddContext *ctx)
{
  return ctx->char_to_byte->len - 1;
}

/* _cb_store_step_done() for the add path, which runs it a hundred times an
 * article: @what (marked with N_()) is translated only when it is needed. */
static gboolean
step_done (AddContext    *ctx,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _cb_store_set_error (ctx->self->db, rc, _(what), error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

/* @what is marked with N_(). */
static gboolean
check_span (AddContext  *ctx,
            const char  *what,
            guint        index,
            CbSpan       span,
            GError     **error)
{
  if (span.start > span.end || span.end > context_n_chars (ctx))
    {
      g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_FAILED,
                   _("The extraction is inconsistent: %s %u spans characters %u–%u "
                     "of a text of %u characters."),
                   _(what), index, span.start, span.end, context_n_chars (ctx));
      return FALSE;
    }

  return TRUE;
}

/* Resolves an index into the extracted persons; -1 means "nobody".  @what
 * is marked with N_(). */
static gboolean
check_person_index (AddContext  *ctx,
                    const char  *what,
                    guint        index,
                    int          person,
                    gint64      *person_id,
                    GError     **error)
{
  guint n_persons = ctx->extraction->persons != NULL ? ctx->extraction->persons->len : 0;

  if (person < -1 || (person >= 0 && (guint) person >= n_persons))
    {
      g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_FAILED,
                   _("The extraction is inconsistent: %s %u names person %d of %u."),
                   _(what), index, person, n_persons);
      return FALSE;
    }

  *person_id = person >= 0 ? ctx->person_ids[person] : 0;
  return TRUE;
}

static char *
body_slice (AddContext *ctx,
            CbSpan      span)
{
  gsize start = g_array_index (ctx->char_to_byte, gsize, span.start);
  gsize end = g_array_index (ctx->char_to_byte, gsize, span.end);

  return g_strndup (ctx->body + start, end - start);
}

static gboolean
insert_article (AddContext  *ctx,
                CbArticle   *article,
                const char  *sha256,
                const char  *imported_at,
                GError     **error)
{
  CbFuzzyDate published = { 0 };
  sqlite3_stmt *stmt;
  const char *value = cb_article_get_published (article);
  gboolean ok;

  stmt = _cb_store_prepare (ctx->self,
                            "INSERT INTO article (title, source, author, published,"
                            " published_precision, published_earliest, published_latest,"
                            " imported_at, path, sha256, body)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                            error);
  if (stmt == NULL)
    return FALSE;

  /* A published value that is no TIMEX3 is kept as text but gives no interval. */
  if (value != NULL && !cb_fuzzy_date_set_value (&published, value))
    cb_fuzzy_date_clear (&published);

  _cb_store_bind_text (stmt, 1, cb_article_get_title (article) != NULL ? cb_article_get_title (article) : "");
  _cb_store_bind_text (stmt, 2, cb_article_get_source (article));
  _cb_store_bind_text (stmt, 3, cb_article_get_author (article));
  _cb_store_bind_text (stmt, 4, value);
  _cb_store_bind_text (stmt, 5, cb_precision_to_string (published.precision));
  _cb_store_bind_julian (stmt, 6, published.earliest);
  _cb_store_bind_julian (stmt, 7, published.latest);
  _cb_store_bind_text (stmt, 8, imported_at);
  _cb_store_bind_text (stmt, 9, cb_article_get_path (article));
  _cb_store_bind_text (stmt, 10, sha256);
  /* The body outlives the statement's step: no copy of 2-6 KB. */
  sqlite3_bind_text (stmt, 11, ctx->body, -1, SQLITE_STATIC);
  cb_fuzzy_date_clear (&published);

  ok = step_done (ctx, stmt, N_("Could not store the article"), error);
  if (ok)
    ctx->article_id = sqlite3_last_insert_rowid (ctx->self->db);

  return ok;
}

/* @key is @text's name key, or NULL to work it out. */
static gboolean
add_alias (AddContext  *ctx,
           gint64       person_id,
           const char  *text,
           const char  *key,
           GError     **error)
{
  g_autofree char *own_key = NULL;
  g_autofree char *pair = NULL;
  sqlite3_stmt *stmt;

  if (key == NULL)
    key = own_key = _cb_store_name_key (text);

  if (*key == '\0')
    return TRUE;

  /* A person comes back in article after article, with the same names:
   * most of these inserts are ignored.  Inside a batch nobody else writes,
   * so an alias an earlier article of the batch stored is still there. */
  if (ctx->aliases_stored != NULL)
    {
      pair = g_strdup_printf ("%" G_GINT64_FORMAT " %s", person_id, key);
      if (g_hash_table_contains (ctx->self->batch_aliases, pair))
        return TRUE;
    }

  stmt = _cb_store_prepare (ctx->self,
                            "INSERT OR IGNORE INTO alias (person_id, text, text_key)"
                            " VALUES (?1, ?2, ?3)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person_id);
  _cb_store_bind_text (stmt, 2, text);
  _cb_store_bind_text (stmt, 3, key);

  if (!step_done (ctx, stmt, N_("Could not store a name"), error))
    return FALSE;
  if (pair != NULL)
    g_ptr_array_add (ctx->aliases_stored, g_steal_pointer (&pair));
  return TRUE;
}

/* An article's rows are inserted up to 8 a statement: a statement's
 * run opens a cursor on its table, on each of its indexes and on the rows
 * its foreign keys name, which cost as much as the row itself.  A list is
 * stored in runs of 8, 4, 2 and 1 rows; each size is a statement of its own,
 * indexed by its log2 ([0] one row … [3] eight rows). */
#define MAX_ROWS 8
#define INSERTS_BY_SIZE(insert, row) \
  { insert, insert row, insert row row row, insert row row row row row row row }

static guint
rows_to_insert (guint  n_left,
                guint *size_index)
{
  guint rows = MAX_ROWS;

  *size_index = 3;
  while (rows > n_left)
    {
      rows /= 2;
      *size_index -= 1;
    }
  return rows;
}

/* Binds row @index of a list to @stmt's parameters from @first on. */
typedef void (*BindRow) (AddContext   *ctx,
                         sqlite3_stmt *stmt,
                         int           first,
                         guint         index,
                         gpointer      rows);

/* Inserts @n_rows rows with @inserts (by size, as above), each taking
 * @n_params parameters; with @article, ?1 is the article's id in every row.
 * @what is marked with N_(). */
static gboolean
insert_rows (AddContext          *ctx,
             const char * const   inserts[4],
             gboolean             article,
             int                  n_params,
             guint                n_rows,
             BindRow              bind_row,
             gpointer             rows,
             const char          *what,
             GError             **error)
{
  int first = article ? 2 : 1;
  guint done = 0;

  while (done < n_rows)
    {
      guint size_index;
      guint n = rows_to_insert (n_rows - done, &size_index);
      sqlite3_stmt *stmt = _cb_store_prepare (ctx->self, inserts[size_index], error);

      if (stmt == NULL)
        return FALSE;

      if (article)
        sqlite3_bind_int64 (stmt, 1, ctx->article_id);
      for (guint r = 0; r < n; r++, done++)
        bind_row (ctx, stmt, first + n_params * (int) r, done, rows);
      if (!step_done (ctx, stmt, what, error))
        return FALSE;
    }

  return TRUE;
}

/* One row per person the article names, all its spans in one text
 * (cb-store-mentions.c). */
#define MENTION_INSERT \
  "INSERT INTO mention (article_id, person_id, span_count, spans) VALUES (?1, ?, ?, ?)"
#define MENTION_ROW ", (?1, ?, ?, ?)"

static const char * const mention_inserts[] = INSERTS_BY_SIZE (MENTION_INSERT, MENTION_ROW);

typedef struct
{
  gint64 person_id;
  guint  count;
  gsize  spans;        /* offset of its text in MentionRows.texts */
  gsize  length;
} MentionRow;

typedef struct
{
  GArray  *rows;       /* MentionRow */
  GString *texts;      /* every row's spans, one after the other */
} MentionRows;

static void
bind_mention (AddContext   *ctx,
              sqlite3_stmt *stmt,
              int           first,
              guint         index,
              gpointer      data)
{
  MentionRows *rows = data;
  const MentionRow *row = &g_array_index (rows->rows, MentionRow, index);

  sqlite3_bind_int64 (stmt, first, row->person_id);
  sqlite3_bind_int (stmt, first + 1, (int) row->count);
  sqlite3_bind_text (stmt, first + 2, rows->texts->str + row->spans, (int) row->length, SQLITE_STATIC);
}

/* The mentions of every extracted person, once all of them have their id:
 * one row per stored person, in the order they first come (two names of
 * the article can be one person's). */
static gboolean
store_mentions (AddContext  *ctx,
                GError     **error)
{
  GPtrArray *persons = ctx->extraction->persons;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (MentionRow));
  g_autoptr(GString) texts = g_string_new (NULL);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (CbSpan));
  MentionRows data = { rows, texts };

  for (guint p = 0; persons != NULL && p < persons->len; p++)
    {
      gint64 person_id = ctx->person_ids[p];
      gboolean seen = FALSE;
      MentionRow row = { person_id, 0, 0, 0 };

      for (guint q = 0; q < p && !seen; q++)
        seen = ctx->person_ids[q] == person_id;
      if (seen)
        continue;

      g_array_set_size (spans, 0);
      for (guint q = p; q < persons->len; q++)
        {
          const CbPerson *person = g_ptr_array_index (persons, q);

          if (ctx->person_ids[q] != person_id || person->mentions == NULL)
            continue;
          for (guint i = 0; i < person->mentions->len; i++)
            if (!check_span (ctx, N_("a mention of a person"), i,
                             g_array_index (person->mentions, CbSpan, i), error))
              return FALSE;
          g_array_append_vals (spans, person->mentions->data, person->mentions->len);
        }
      if (spans->len == 0)
        continue;

      g_array_sort (spans, _cb_store_span_compare);
      row.count = spans->len;
      row.spans = texts->len;
      _cb_store_spans_to_text (texts, (const CbSpan *) (gpointer) spans->data, spans->len);
      row.length = texts->len - row.spans;
      g_array_append_val (rows, row);
    }

  return insert_rows (ctx, mention_inserts, TRUE, 3, rows->len, bind_mention, &data,
                      N_("Could not store a mention"), error);
}

/* Matches @person to a stored person whose name or any alias equals its full
 * name (case-insensitively), or stores a new one; adds the aliases missing. */
static gboolean
store_person (AddContext      *ctx,
              guint            index,
              const CbPerson  *person,
              GError         **error)
{
  const char *key;
  sqlite3_stmt *stmt;
  gint64 person_id = 0;
  gboolean has_name_alias = FALSE;
  int rc;

  if (person == NULL || person->name == NULL || !g_utf8_validate (person->name, -1, NULL))
    {
      g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_FAILED,
                   _("The extraction is inconsistent: person %u has no valid name."), index);
      return FALSE;
    }

  key = ctx->person_keys[index] = _cb_store_name_key (person->name);

  /* The person of lowest id with the name or an alias reading it (two
   * minimums from the indexes: a UNION sorted its rows in a temporary
   * table).  When the lowest has the alias, it need not be added. */
  stmt = _cb_store_prepare (ctx->self,
                            "SELECT (SELECT min (id) FROM person WHERE name_key = ?1),"
                            " (SELECT min (person_id) FROM alias WHERE text_key = ?1)",
                            error);
  if (stmt == NULL)
    return FALSE;

  _cb_store_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gint64 by_name = sqlite3_column_int64 (stmt, 0);
      gint64 by_alias = sqlite3_column_int64 (stmt, 1);

      person_id = by_name != 0 && (by_alias == 0 || by_name < by_alias) ? by_name : by_alias;
      has_name_alias = person_id != 0 && person_id == by_alias;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _cb_store_set_error (ctx->self->db, rc, _("Could not look up a person"), error);
      return FALSE;
    }

  if (person_id == 0)
    {
      stmt = _cb_store_prepare (ctx->self,
                                "INSERT INTO person (name, name_key) VALUES (?1, ?2)",
                                error);
      if (stmt == NULL)
        return FALSE;

      _cb_store_bind_text (stmt, 1, person->name);
      _cb_store_bind_text (stmt, 2, key);
      if (!step_done (ctx, stmt, N_("Could not store a person"), error))
        return FALSE;
      person_id = sqlite3_last_insert_rowid (ctx->self->db);
      ctx->person_new[index] = TRUE;
    }

  ctx->person_ids[index] = person_id;

  if ((!has_name_alias && !add_alias (ctx, person_id, person->name, key, error)) ||
      !_cb_store_suggest_merges (ctx->self, person_id, error))
    return FALSE;

  for (guint i = 0; person->aliases != NULL && i < person->aliases->len; i++)
    {
      const char *alias = g_ptr_array_index (person->aliases, i);

      if (alias == NULL || !g_utf8_validate (alias, -1, NULL))
        continue;
      if (!add_alias (ctx, person_id, alias, NULL, error))
        return FALSE;
    }

  return TRUE;
}

#define QUOTE_INSERT \
  "INSERT INTO excerpt (article_id, span_start, span_end, text, speaker_id, kind, review)" \
  " VALUES (?1, ?, ?, ?, ?, 'quote', 'suggested')"
#define QUOTE_ROW ", (?1, ?, ?, ?, ?, 'quote', 'suggested')"

static const char * const quote_inserts[] = INSERTS_BY_SIZE (QUOTE_INSERT, QUOTE_ROW);

typedef struct
{
  GPtrArray *quotes;       /* CbQuote */
  gint64    *speaker_ids;  /* per quote */
  GPtrArray *slices;       /* texts cut from the body, kept until inserted */
} QuoteRows;

static void
bind_quote (AddContext   *ctx,
            sqlite3_stmt *stmt,
            int           first,
            guint         index,
            gpointer      data)
{
  QuoteRows *rows = data;
  const CbQuote *quote = g_ptr_array_index (rows->quotes, index);
  const char *text = quote->text;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      text = body_slice (ctx, quote->span);
      g_ptr_array_add (rows->slices, (char *) text);
    }

  sqlite3_bind_int64 (stmt, first, quote->span.start);
  sqlite3_bind_int64 (stmt, first + 1, quote->span.end);
  sqlite3_bind_text (stmt, first + 2, text, -1, SQLITE_STATIC);
  if (rows->speaker_ids[index] != 0)
    sqlite3_bind_int64 (stmt, first + 3, rows->speaker_ids[index]);
}

static gboolean
store_quotes (AddContext  *ctx,
              GError     **error)
{
  GPtrArray *quotes = ctx->extraction->quotes;
  guint n_quotes = quotes != NULL ? quotes->len : 0;
  g_autofree gint64 *speaker_ids = g_new0 (gint64, MAX (n_quotes, 1));
  g_autoptr(GPtrArray) slices = g_ptr_array_new_with_free_func (g_free);
  QuoteRows rows = { quotes, speaker_ids, slices };

  for (guint i = 0; i < n_quotes; i++)
    {
      const CbQuote *quote = g_ptr_array_index (quotes, i);

      if (!check_span (ctx, N_("quote"), i, quote->span, error) ||
          !check_person_index (ctx, N_("quote"), i, quote->speaker, &speaker_ids[i], error))
        return FALSE;
    }

  return insert_rows (ctx, quote_inserts, TRUE, 4, n_quotes, bind_quote, &rows,
                      N_("Could not store an excerpt"), error);
}

/* The id of the passage at @span of this article: two events resting on
 * the same clause share one passage excerpt. */
static gint64
passage_id (AddContext *ctx,
            CbSpan      span)
{
  gint64 key = ((gint64) span.start << 32) | span.end;
  gpointer index;

  if (!g_hash_table_lookup_extended (ctx->passage_ids, &key, NULL, &index))
    {
      index = GUINT_TO_POINTER (ctx->passages->len);
      g_hash_table_insert (ctx->passage_ids, g_memdup2 (&key, sizeof key), index);
      g_array_append_val (ctx->passages, span);
    }
  return ctx->first_passage_id + GPOINTER_TO_UINT (index);
}

/* The passage at @span of this article becomes a source of @event_id. */
static void
add_event_source (AddContext *ctx,
                  gint64      event_id,
                  CbSpan      span)
{
  SourceRow row = { event_id, passage_id (ctx, span) };

  g_array_append_val (ctx->sources, row);
}

/* Looks at one extracted event: a suggestion rejected before is dropped, an
 * event told by another article already gains a source, any other is a new
 * event (inserted by insert_new_events()). */
static gboolean
store_event (AddContext            *ctx,
             guint                  index,
             const CbEventMention  *mention,
             GError               **error)
{
  GPtrArray *timexes = ctx->extraction->timexes;
  guint n_timexes = timexes != NULL ? timexes->len : 0;
  const CbTimex *timex = NULL;
  g_autofree char *description = NULL;
  gint64 subject_id = 0;
  NewEvent event = { 0 };

  if (!check_span (ctx, N_("event"), index, mention->span, error) ||
      !check_person_index (ctx, N_("event"), index, mention->subject, &subject_id, error))
    return FALSE;

  /* -1 is taken as "undated"; anything else must name a found date. */
  if (mention->timex < -1 || (mention->timex >= 0 && (guint) mention->timex >= n_timexes))
    {
      g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_FAILED,
                   _("The extraction is inconsistent: event %u names date %d of %u."),
                   index, mention->timex, n_timexes);
      return FALSE;
    }
  if (mention->timex >= 0)
    {
      timex = g_ptr_array_index (timexes, mention->timex);
      if (!check_span (ctx, N_("date"), (guint) mention->timex, timex->span, error))
        return FALSE;
    }

  if (mention->description != NULL && g_utf8_validate (mention->description, -1, NULL))
    description = g_strdup (mention->description);
  else
    description = body_slice (ctx, mention->span);

  /* Rejected once (from any article): not suggested again. */
  {
    const char *subject_key = mention->subject >= 0 ? ctx->person_keys[mention->subject] : NULL;
    g_autofree char *key = NULL;
    gboolean rejected = FALSE;

    key = _cb_store_event_key (subject_key, mention->action, description,
                               timex != NULL ? timex->date.value : NULL);
    if (!_cb_store_is_rejected (ctx->self, "event", key, &rejected, error))
      return FALSE;
    if (rejected)
      return TRUE;
  }

  /* Told by another article already: one event, one more source.  (Only
   * other articles' events are looked at, so this article's new events can
   * wait to be inserted.) */
  if (timex != NULL && timex->date.value != NULL)
    {
      CbReview review = CB_REVIEW_SUGGESTED;
      gint64 event_id = 0;

      if (!_cb_store_find_same_event (ctx->self, ctx->article_id, 0, subject_id, mention->action,
                                      description, timex->date.earliest, timex->date.latest,
                                      &event_id, &review, error))
        return FALSE;
      if (event_id != 0)
        {
          if (review != CB_REVIEW_REJECTED)
            add_event_source (ctx, event_id, mention->span);
          return TRUE;
        }
    }

  event.id = ctx->next_event_id++;
  event.mention = mention;
  event.timex = timex;
  event.subject_id = subject_id;
  event.case_id = mention->subject >= 0 ? ctx->case_ids[mention->subject] : 0;
  event.description = g_steal_pointer (&description);
  if (timex != NULL)
    event.date_text = timex->text != NULL && g_utf8_validate (timex->text, -1, NULL)
                      ? g_strdup (timex->text) : body_slice (ctx, timex->span);
  g_array_append_val (ctx->new_events, event);

  add_event_source (ctx, event.id, mention->span);
  return TRUE;
}

/* The largest id @sql reads (SELECT max (id) …), to number the article's
 * new rows from. */
static gboolean
read_last_id (AddContext  *ctx,
              const char  *sql,
              gint64      *last_id,
              GError     **error)
{
  sqlite3_stmt *stmt = _cb_store_prepare (ctx->self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  *last_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _cb_store_set_error (ctx->self->db, rc, _("Could not read the database"), error);
      return FALSE;
    }
  return TRUE;
}

#define EVENT_INSERT \
  "INSERT INTO event (article_id, id, subject_id, description, action," \
  " date_value, date_precision, date_qualifier, date_anchor, date_earliest, date_latest," \
  " date_text, date_start, date_end, case_id, review)" \
  " VALUES (?1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'suggested')"
#define EVENT_ROW ", (?1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'suggested')"
#define EVENT_PARAMS 14

static const char * const event_inserts[] = INSERTS_BY_SIZE (EVENT_INSERT, EVENT_ROW);

static void
bind_new_event (AddContext   *ctx,
                sqlite3_stmt *stmt,
                int           first,
                guint         index,
                gpointer      rows)
{
  const NewEvent *event = &g_array_index ((GArray *) rows, NewEvent, index);
  const CbTimex *timex = event->timex;

  sqlite3_bind_int64 (stmt, first, event->id);
  if (event->subject_id != 0)
    sqlite3_bind_int64 (stmt, first + 1, event->subject_id);
  sqlite3_bind_text (stmt, first + 2, event->description, -1, SQLITE_STATIC);
  if (event->mention->action != NULL)
    sqlite3_bind_text (stmt, first + 3, event->mention->action, -1, SQLITE_STATIC);
  if (timex != NULL)
    {
      if (timex->date.value != NULL)
        sqlite3_bind_text (stmt, first + 4, timex->date.value, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, first + 5, cb_precision_to_string (timex->date.precision), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, first + 6, cb_qualifier_to_string (timex->date.qualifier), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, first + 7, cb_anchor_to_string (timex->date.anchor), -1, SQLITE_STATIC);
      _cb_store_bind_julian (stmt, first + 8, timex->date.earliest);
      _cb_store_bind_julian (stmt, first + 9, timex->date.latest);
      sqlite3_bind_text (stmt, first + 10, event->date_text, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, first + 11, timex->span.start);
      sqlite3_bind_int64 (stmt, first + 12, timex->span.end);
    }
  else
    {
      sqlite3_bind_text (stmt, first + 5, cb_precision_to_string (CB_PRECISION_NONE), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, first + 6, cb_qualifier_to_string (CB_QUALIFIER_ON), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, first + 7, cb_anchor_to_string (CB_ANCHOR_UNRESOLVED), -1, SQLITE_STATIC);
    }
  if (event->case_id != 0)
    sqlite3_bind_int64 (stmt, first + 13, event->case_id);
}

#define PASSAGE_INSERT \
  "INSERT INTO excerpt (article_id, id, span_start, span_end, text, kind, review)" \
  " VALUES (?1, ?, ?, ?, ?, 'passage', 'suggested')"
#define PASSAGE_ROW ", (?1, ?, ?, ?, ?, 'passage', 'suggested')"

static const char * const passage_inserts[] = INSERTS_BY_SIZE (PASSAGE_INSERT, PASSAGE_ROW);

/* The passages were numbered from first_passage_id as they were first used. */
static void
bind_passage (AddContext   *ctx,
              sqlite3_stmt *stmt,
              int           first,
              guint         index,
              gpointer      rows)
{
  CbSpan span = g_array_index ((GArray *) rows, CbSpan, index);
  gsize start = g_array_index (ctx->char_to_byte, gsize, span.start);
  gsize end = g_array_index (ctx->char_to_byte, gsize, span.end);

  sqlite3_bind_int64 (stmt, first, ctx->first_passage_id + index);
  sqlite3_bind_int64 (stmt, first + 1, span.start);
  sqlite3_bind_int64 (stmt, first + 2, span.end);
  /* The body outlives the step: its slice needs no copy. */
  sqlite3_bind_text (stmt, first + 3, ctx->body + start, (int) (end - start), SQLITE_STATIC);
}

#define SOURCE_INSERT "INSERT OR IGNORE INTO event_source (event_id, excerpt_id) VALUES (?, ?)"
#define SOURCE_ROW ", (?, ?)"

static const char * const source_inserts[] = INSERTS_BY_SIZE (SOURCE_INSERT, SOURCE_ROW);

static void
bind_source (AddContext   *ctx,
             sqlite3_stmt *stmt,
             int           first,
             guint         index,
             gpointer      rows)
{
  const SourceRow *row = &g_array_index ((GArray *) rows, SourceRow, index);

  sqlite3_bind_int64 (stmt, first, row->event_id);
  sqlite3_bind_int64 (stmt, first + 1, row->excerpt_id);
}

/* Every extracted event, looked at in order, then the new events, the
 * passages they rest on and their sources inserted. */
static gboolean
store_events (AddContext  *ctx,
              GError     **error)
{
  GPtrArray *events = ctx->extraction->events;

  if (events == NULL || events->len == 0)
    return TRUE;

  if (!read_last_id (ctx, "SELECT max (id) FROM event", &ctx->next_event_id, error) ||
      !read_last_id (ctx, "SELECT max (id) FROM excerpt", &ctx->first_passage_id, error))
    return FALSE;
  ctx->next_event_id++;
  ctx->first_passage_id++;

  for (guint i = 0; i < events->len; i++)
    if (!store_event (ctx, i, g_ptr_array_index (events, i), error))
      return FALSE;

  return insert_rows (ctx, event_inserts, TRUE, EVENT_PARAMS, ctx->new_events->len,
                      bind_new_event, ctx->new_events, N_("Could not store an event"), error) &&
         insert_rows (ctx, passage_inserts, TRUE, 4, ctx->passages->len,
                      bind_passage, ctx->passages, N_("Could not store an excerpt"), error) &&
         insert_rows (ctx, source_inserts, FALSE, 2, ctx->sources->len,
                      bind_source, ctx->sources, N_("Could not store the source of an event"), error);
}

/* The case of @person_id: an existing one (0 when the user rejected it, so it
 * does not come back), or a new suggested one when @create. */
static gboolean
find_or_create_case (AddContext  *ctx,
                     gint64       person_id,
                     gboolean     create,
                     gint64      *case_id,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *review = NULL;
  int rc;

  *case_id = 0;

  /* The lowest case not rejected, else the lowest rejected one; chosen
   * here, as an ORDER BY made SQLite sort in a temporary table. */
  stmt = _cb_store_prepare (ctx->self,
                            "SELECT id, review FROM case_file WHERE subject_id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *row_review = CB_COLUMN_TEXT (stmt, 1);
      gboolean rejected = cb_review_from_string (row_review) == CB_REVIEW_REJECTED;
      gboolean best_rejected = review != NULL && cb_review_from_string (review) == CB_REVIEW_REJECTED;

      if (*case_id == 0 || (best_rejected && !rejected)
          || (best_rejected == rejected && id < *case_id))
        {
          *case_id = id;
          g_free (review);
          review = g_strdup (row_review);
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cb_store_set_error (ctx->self->db, rc, _("Could not look up a case file"), error);
      return FALSE;
    }

  if (*case_id != 0)
    {
      if (cb_review_from_string (review) == CB_REVIEW_REJECTED)
        *case_id = 0;
      return TRUE;
    }

  if (!create)
    return TRUE;

  /* A case of this name rejected before (its person since deleted or
   * stored anew) stays rejected. */
  {
    g_autofree char *key = NULL;
    gboolean rejected = FALSE;

    stmt = _cb_store_prepare (ctx->self, "SELECT name_key FROM person WHERE id = ?1", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, person_id);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      key = g_strdup (CB_COLUMN_TEXT (stmt, 0));
    sqlite3_reset (stmt);
    if (key != NULL && !_cb_store_is_rejected (ctx->self, "case", key, &rejected, error))
      return FALSE;
    if (rejected)
      return TRUE;
  }

  stmt = _cb_store_prepare (ctx->self,
                            "INSERT INTO case_file (title, subject_id, status, review)"
                            " SELECT name, id, 'open', 'suggested' FROM person WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person_id);
  if (!step_done (ctx, stmt, N_("Could not store a case file"), error))
    return FALSE;

  *case_id = sqlite3_last_insert_rowid (ctx->self->db);
  return TRUE;
}

/* Every subject of a legal event gets a case file, found or made before the
 * events are stored so that they are inserted in it (filing them afterwards
 * rewrote each event row and two of its indexes). */
static gboolean
find_cases (AddContext  *ctx,
            GError     **error)
{
  GPtrArray *events = ctx->extraction->events;
  guint n_persons = ctx->extraction->persons != NULL ? ctx->extraction->persons->len : 0;
  g_autofree gboolean *legal = g_new0 (gboolean, MAX (n_persons, 1));
  g_autofree gboolean *subject = g_new0 (gboolean, MAX (n_persons, 1));

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      const CbEventMention *mention = g_ptr_array_index (events, i);

      gint64 subject_id;

      /* Checked here already: the events are stored after this. */
      if (!check_person_index (ctx, N_("event"), i, mention->subject, &subject_id, error))
        return FALSE;
      if (mention->subject < 0)
        continue;
      subject[mention->subject] = TRUE;
      if (cb_event_mention_is_legal (mention))
        legal[mention->subject] = TRUE;
    }

  for (guint p = 0; p < n_persons; p++)
    if (subject[p] && !find_or_create_case (ctx, ctx->person_ids[p], legal[p], &ctx->case_ids[p], error))
      return FALSE;

  return TRUE;
}

/* A subject who has a case file (now or from an earlier article) has all
 * their events not yet filed put in it: those of earlier articles, told
 * before the case was made.  A person this article stored has none. */
static gboolean
file_earlier_events (AddContext  *ctx,
                     GError     **error)
{
  guint n_persons = ctx->extraction->persons != NULL ? ctx->extraction->persons->len : 0;

  for (guint p = 0; p < n_persons; p++)
    {
      sqlite3_stmt *stmt;

      if (ctx->case_ids[p] == 0 || ctx->person_new[p])
        continue;

      stmt = _cb_store_prepare (ctx->self,
                                "UPDATE event SET case_id = ?1"
                                " WHERE subject_id = ?2 AND case_id IS NULL",
                                error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, ctx->case_ids[p]);
      sqlite3_bind_int64 (stmt, 2, ctx->person_ids[p]);
      if (!step_done (ctx, stmt, N_("Could not file an event in its case"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_article_in_transaction (AddContext  *ctx,
                            CbArticle   *article,
                            const char  *sha256,
                            const char  *imported_at,
                            GError     **error)
{
  const CbExtraction *extraction = ctx->extraction;
  sqlite3_stmt *stmt;
  int rc;

  /* Checked under the write lock, so that two connections importing the
   * same text cannot both pass.  The title is all it needs. */
  stmt = _cb_store_prepare (ctx->self, "SELECT title FROM article WHERE sha256 = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_DUPLICATE,
                 _("The same text is stored already as “%s”; it was not stored again."),
                 CB_COLUMN_TEXT (stmt, 0));
  else if (rc != SQLITE_DONE)
    _cb_store_set_error (ctx->self->db, rc, _("Could not look up an article"), error);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;

  if (!insert_article (ctx, article, sha256, imported_at, error))
    return FALSE;

  if (extraction == NULL)
    return TRUE;

  for (guint i = 0; extraction->persons != NULL && i < extraction->persons->len; i++)
    if (!store_person (ctx, i, g_ptr_array_index (extraction->persons, i), error))
      return FALSE;

  if (!store_mentions (ctx, error))
    return FALSE;

  if (!store_quotes (ctx, error) || !find_cases (ctx, error))
    return FALSE;

  if (!store_events (ctx, error))
    return FALSE;

  return file_earlier_events (ctx, error);
}

/* CB_STORE_ADD_ACCEPTED: what this article brought (its excerpts, the
 * events they are sources of, and those events' case files) is accepted,
 * unless the user rejected it before. */
static gboolean
accept_findings (AddContext  *ctx,
                 GError     **error)
{
  static const char * const updates[] = {
    "UPDATE excerpt SET review = 'accepted' WHERE article_id = ?1 AND review = 'suggested'",
    "UPDATE event SET review = 'accepted' WHERE review = 'suggested' AND id IN"
    " (SELECT es.event_id FROM event_source es JOIN excerpt x ON x.id = es.excerpt_id"
    "  WHERE x.article_id = ?1)",
    "UPDATE case_file SET review = 'accepted' WHERE review = 'suggested' AND id IN"
    " (SELECT e.case_id FROM event e JOIN event_source es ON es.event_id = e.id"
    "  JOIN excerpt x ON x.id = es.excerpt_id WHERE x.article_id = ?1)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (updates); i++)
    {
      sqlite3_stmt *stmt = _cb_store_prepare (ctx->self, updates[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ctx->article_id);
      if (!step_done (ctx, stmt, N_("Could not accept what the article brought"), error))
        return FALSE;
    }
  return TRUE;
}

/* A statement without parameters, prepared once (within a batch, every
 * article opens and releases its savepoint). */
static gboolean
run_cached (CbStore     *self,
            const char  *sql,
            GError     **error)
{
  sqlite3_stmt *stmt = _cb_store_prepare (self, sql, error);

  return stmt != NULL && _cb_store_step_done (self, stmt, sql, error);
}

gint64
cb_store_add_article (CbStore             *self,
                      CbArticle           *article,
                      const CbExtraction  *extraction,
                      GError             **error)
{
  return cb_store_add_article_full (self, article, extraction, CB_STORE_ADD_NONE, error);
}

gint64
cb_store_add_article_full (CbStore             *self,
                           CbArticle           *article,
                           const CbExtraction  *extraction,
                           CbStoreAddFlags      flags,
                           GError             **error)
{
  g_autoptr(GArray) char_to_byte = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *imported_at = NULL;
  g_autofree gint64 *person_ids = NULL;
  g_autofree gint64 *case_ids = NULL;
  g_autoptr(GArray) new_events = NULL;
  g_autoptr(GArray) passages = NULL;
  g_autoptr(GHashTable) passage_ids = NULL;
  g_autoptr(GArray) sources = NULL;
  g_autoptr(GPtrArray) aliases_stored = NULL;
  g_auto(GStrv) person_keys = NULL;
  g_autofree gboolean *person_new = NULL;
  GError *local_error = NULL;
  const char *body;
  gboolean nested;
  gboolean ok;
  AddContext ctx = { 0 };

  g_return_val_if_fail (CB_IS_STORE (self), 0);
  g_return_val_if_fail (CB_IS_ARTICLE (article), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  body = cb_article_get_body (article);
  if (body == NULL || !g_utf8_validate (body, -1, NULL))
    {
      g_set_error (error, CB_STORE_ERROR, CB_STORE_ERROR_FAILED,
                   _("The article “%s” has no text in UTF-8; nothing was stored."),
                   cb_article_get_title (article) != NULL ? cb_article_get_title (article) : "");
      return 0;
    }

  sha256 = g_strdup (cb_article_get_sha256 (article));
  if (sha256 == NULL)
    sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body, -1);

  /* Character offset → byte offset, once, for checking and slicing spans. */
  {
    gsize n_bytes = strlen (body);
    gsize n_chars = 0;
    gsize *offsets;

    /* At most one character per byte, plus the end. */
    char_to_byte = g_array_sized_new (FALSE, FALSE, sizeof (gsize), n_bytes + 1);
    g_array_set_size (char_to_byte, n_bytes + 1);
    offsets = (gsize *) (gpointer) char_to_byte->data;
    /* The body is valid UTF-8: a character starts at every byte that is
     * not a continuation byte (10xxxxxx). */
    for (gsize i = 0; i < n_bytes; i++)
      if (((guchar) body[i] & 0xC0) != 0x80)
        offsets[n_chars++] = i;
    offsets[n_chars] = n_bytes;
    g_array_set_size (char_to_byte, n_chars + 1);
  }

  now = g_date_time_new_now_utc ();
  imported_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  if (extraction != NULL && extraction->persons != NULL)
    {
      person_ids = g_new0 (gint64, extraction->persons->len + 1);
      person_keys = g_new0 (char *, extraction->persons->len + 1);
      person_new = g_new0 (gboolean, extraction->persons->len + 1);
      case_ids = g_new0 (gint64, extraction->persons->len + 1);
    }

  ctx.self = self;
  ctx.extraction = extraction;
  ctx.body = body;
  ctx.char_to_byte = char_to_byte;
  ctx.person_ids = person_ids;
  ctx.person_keys = person_keys;
  ctx.person_new = person_new;
  ctx.case_ids = case_ids;
  ctx.new_events = new_events = g_array_new (FALSE, TRUE, sizeof (NewEvent));
  g_array_set_clear_func (new_events, new_event_clear);
  ctx.passages = passages = g_array_new (FALSE, FALSE, sizeof (CbSpan));
  ctx.passage_ids = passage_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  ctx.sources = sources = g_array_new (FALSE, FALSE, sizeof (SourceRow));
  if (self->batch_aliases != NULL)
    ctx.aliases_stored = aliases_stored = g_ptr_array_new_with_free_func (g_free);

  /* Inside a transaction of the caller a savepoint keeps "nothing of it on
   * failure" without nesting BEGIN. */
  nested = sqlite3_get_autocommit (self->db) == 0;
  if (nested ? !run_cached (self, "SAVEPOINT add_article", error)
             : !_cb_store_exec (self->db, "BEGIN IMMEDIATE", error))
    return 0;

  ok = add_article_in_transaction (&ctx, article, sha256, imported_at, &local_error);
  if (ok && (flags & CB_STORE_ADD_ACCEPTED) != 0)
    ok = accept_findings (&ctx, &local_error);

  if (ok)
    ok = nested ? run_cached (self, "RELEASE add_article", &local_error)
                : _cb_store_exec (self->db, "COMMIT", &local_error);

  if (!ok)
    {
      if (sqlite3_get_autocommit (self->db) == 0)
        {
          if (nested)
            _cb_store_exec (self->db, "ROLLBACK TO add_article; RELEASE add_article", NULL);
          else
            _cb_store_exec (self->db, "ROLLBACK", NULL);
        }
      if (g_error_matches (local_error, CB_STORE_ERROR, CB_STORE_ERROR_DUPLICATE))
        g_propagate_error (error, local_error);
      else
        g_propagate_prefixed_error (error, local_error, _("Nothing of “%s” was stored: "),
                                    cb_article_get_title (article) != NULL
                                    ? cb_article_get_title (article) : sha256);
      return 0;
    }

  /* Kept: what it stored is the batch's. */
  for (guint i = 0; aliases_stored != NULL && i < aliases_stored->len; i++)
    g_hash_table_add (self->batch_aliases, g_steal_pointer (&g_ptr_array_index (aliases_stored, i)));

  cb_article_set_id (article, ctx.article_id);
  cb_article_set_imported_at (article, imported_at);

  return ctx.article_id;
}

