/* cb-store-export.c — the whole database as one JSON document
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-store-private.h"

/* Bump when the shape changes incompatibly; readers check it. */
#define EXPORT_VERSION 1

static void
set_string (JsonObject *object,
            const char *member,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

/* An integer column that may be NULL. */
static void
set_id (JsonObject   *object,
        const char   *member,
        sqlite3_stmt *stmt,
        int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    json_object_set_null_member (object, member);
  else
    json_object_set_int_member (object, member, sqlite3_column_int64 (stmt, column));
}

/* Julian day → "YYYY-MM-DD", null when not known. */
static void
set_julian (JsonObject *object,
            const char *member,
            guint32     julian)
{
  if (julian != 0 && g_date_valid_julian (julian))
    {
      g_autoptr(GDate) date = g_date_new_julian (julian);
      char iso[32];

      g_snprintf (iso, sizeof iso, "%04u-%02u-%02u",
                  (guint) g_date_get_year (date), (guint) g_date_get_month (date),
                  (guint) g_date_get_day (date));
      json_object_set_string_member (object, member, iso);
    }
  else
    {
      json_object_set_null_member (object, member);
    }
}

static gboolean
finish_rows (CbStore       *self,
             sqlite3_stmt  *stmt,
             int            rc,
             const char    *what,
             GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cb_store_set_error (self->db, rc, what, error);
      return FALSE;
    }
  return TRUE;
}

static JsonArray *
export_articles (CbStore  *self,
                 GError  **error)
{
  g_autoptr(JsonArray) articles = json_array_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cb_store_prepare (self,
                            "SELECT id, title, source, author, published, imported_at, path,"
                            " sha256, body FROM article ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *article = json_object_new ();

      json_object_set_int_member (article, "id", sqlite3_column_int64 (stmt, 0));
      set_string (article, "title", CB_COLUMN_TEXT (stmt, 1));
      set_string (article, "source", CB_COLUMN_TEXT (stmt, 2));
      set_string (article, "author", CB_COLUMN_TEXT (stmt, 3));
      set_string (article, "published", CB_COLUMN_TEXT (stmt, 4));
      set_string (article, "imported_at", CB_COLUMN_TEXT (stmt, 5));
      set_string (article, "path", CB_COLUMN_TEXT (stmt, 6));
      set_string (article, "sha256", CB_COLUMN_TEXT (stmt, 7));
      set_string (article, "body", CB_COLUMN_TEXT (stmt, 8));
      json_array_add_object_element (articles, article);
    }
  if (!finish_rows (self, stmt, rc, _("Could not export the articles"), error))
    return NULL;

  return g_steal_pointer (&articles);
}

static JsonArray *
export_persons (CbStore  *self,
                GError  **error)
{
  g_autoptr(GPtrArray) persons = cb_store_list_persons (self, error);
  g_autoptr(JsonArray) array = json_array_new ();

  if (persons == NULL)
    return NULL;

  for (guint i = 0; i < persons->len; i++)
    {
      CbPersonRecord *person = g_ptr_array_index (persons, i);
      const char * const *aliases = cb_person_record_get_aliases (person);
      JsonObject *object = json_object_new ();
      JsonArray *alias_array = json_array_new ();

      json_object_set_int_member (object, "id", cb_person_record_get_id (person));
      set_string (object, "name", cb_person_record_get_name (person));
      for (guint j = 0; aliases[j] != NULL; j++)
        json_array_add_string_element (alias_array, aliases[j]);
      json_object_set_array_member (object, "aliases", alias_array);
      json_object_set_int_member (object, "mentions", cb_person_record_get_mention_count (person));
      json_array_add_object_element (array, object);
    }

  return g_steal_pointer (&array);
}

static JsonArray *
export_event_sources (CbStore  *self,
                      gint64    event_id,
                      GError  **error)
{
  g_autoptr(JsonArray) sources = json_array_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cb_store_prepare (self,
                            "SELECT x.id, x.article_id, x.span_start, x.span_end, x.kind, x.text"
                            " FROM event_source es JOIN excerpt x ON x.id = es.excerpt_id"
                            " WHERE es.event_id = ?1 ORDER BY x.id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *source = json_object_new ();

      json_object_set_int_member (source, "excerpt_id", sqlite3_column_int64 (stmt, 0));
      json_object_set_int_member (source, "article_id", sqlite3_column_int64 (stmt, 1));
      json_object_set_int_member (source, "start", sqlite3_column_int64 (stmt, 2));
      json_object_set_int_member (source, "end", sqlite3_column_int64 (stmt, 3));
      set_string (source, "kind", CB_COLUMN_TEXT (stmt, 4));
      set_string (source, "text", CB_COLUMN_TEXT (stmt, 5));
      json_array_add_object_element (sources, source);
    }
  if (!finish_rows (self, stmt, rc, _("Could not export the sources of an event"), error))
    return NULL;

  return g_steal_pointer (&sources);
}

/* The events of case @case_id (every review state), or those in no case
 * when @case_id is 0. */
static JsonArray *
export_events (CbStore  *self,
               gint64    case_id,
               GError  **error)
{
  g_autoptr(JsonArray) events = json_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cb_store_prepare (self,
                            "SELECT e.id, e.description, e.action, e.review, p.name, e.subject_id,"
                            " e.article_id, e.date_value, e.date_precision, e.date_qualifier,"
                            " e.date_anchor, e.date_earliest, e.date_latest, e.date_text"
                            " FROM event e LEFT JOIN person p ON p.id = e.subject_id"
                            " WHERE (?1 = 0 AND e.case_id IS NULL) OR e.case_id = ?1"
                            " ORDER BY e.date_earliest IS NULL, e.date_earliest, e.date_latest, e.id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *event = json_object_new ();
      JsonObject *date_object = json_object_new ();
      CbFuzzyDate date = { 0 };
      g_autofree char *label = NULL;
      gint64 id = sqlite3_column_int64 (stmt, 0);

      _cb_store_read_fuzzy_date (stmt, 7, &date);
      label = cb_fuzzy_date_format (&date);

      json_object_set_int_member (event, "id", id);
      set_string (event, "description", CB_COLUMN_TEXT (stmt, 1));
      set_string (event, "action", CB_COLUMN_TEXT (stmt, 2));
      set_string (event, "review", CB_COLUMN_TEXT (stmt, 3));
      set_string (event, "subject", CB_COLUMN_TEXT (stmt, 4));
      set_id (event, "subject_id", stmt, 5);
      set_id (event, "article_id", stmt, 6);

      set_string (date_object, "value", date.value);
      set_string (date_object, "text", CB_COLUMN_TEXT (stmt, 13));
      set_string (date_object, "label", label);
      set_string (date_object, "precision", cb_precision_to_string (date.precision));
      set_string (date_object, "qualifier", cb_qualifier_to_string (date.qualifier));
      set_string (date_object, "anchor", cb_anchor_to_string (date.anchor));
      set_julian (date_object, "earliest", date.earliest);
      set_julian (date_object, "latest", date.latest);
      json_object_set_object_member (event, "date", date_object);

      cb_fuzzy_date_clear (&date);
      g_array_append_val (ids, id);
      json_array_add_object_element (events, event);
    }
  if (!finish_rows (self, stmt, rc, _("Could not export the events"), error))
    return NULL;

  /* The sources are read afterwards: one cached statement at a time. */
  for (guint i = 0; i < ids->len; i++)
    {
      JsonArray *sources = export_event_sources (self, g_array_index (ids, gint64, i), error);

      if (sources == NULL)
        return NULL;
      json_object_set_array_member (json_array_get_object_element (events, i), "sources", sources);
    }

  return g_steal_pointer (&events);
}

static JsonArray *
export_case_excerpts (CbStore  *self,
                      gint64    case_id,
                      GError  **error)
{
  g_autoptr(GPtrArray) excerpts = cb_store_list_excerpts (self, case_id, 0, error);
  g_autoptr(JsonArray) array = json_array_new ();

  if (excerpts == NULL)
    return NULL;

  for (guint i = 0; i < excerpts->len; i++)
    {
      CbExcerpt *excerpt = g_ptr_array_index (excerpts, i);
      JsonObject *object = json_object_new ();

      json_object_set_int_member (object, "id", cb_excerpt_get_id (excerpt));
      json_object_set_int_member (object, "article_id", cb_excerpt_get_article_id (excerpt));
      json_object_set_int_member (object, "start", cb_excerpt_get_start (excerpt));
      json_object_set_int_member (object, "end", cb_excerpt_get_end (excerpt));
      set_string (object, "kind", cb_excerpt_kind_to_string (cb_excerpt_get_kind (excerpt)));
      set_string (object, "text", cb_excerpt_get_text (excerpt));
      set_string (object, "speaker", cb_excerpt_get_speaker_name (excerpt));
      json_array_add_object_element (array, object);
    }

  return g_steal_pointer (&array);
}

static JsonArray *
export_cases (CbStore  *self,
              GError  **error)
{
  g_autoptr(JsonArray) cases = json_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cb_store_prepare (self,
                            "SELECT c.id, c.title, p.name, c.subject_id, c.status, c.review, c.notes"
                            " FROM case_file c LEFT JOIN person p ON p.id = c.subject_id"
                            " ORDER BY c.title COLLATE NOCASE, c.id",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *object = json_object_new ();
      gint64 id = sqlite3_column_int64 (stmt, 0);

      json_object_set_int_member (object, "id", id);
      set_string (object, "title", CB_COLUMN_TEXT (stmt, 1));
      set_string (object, "subject", CB_COLUMN_TEXT (stmt, 2));
      set_id (object, "subject_id", stmt, 3);
      set_string (object, "status", CB_COLUMN_TEXT (stmt, 4));
      set_string (object, "review", CB_COLUMN_TEXT (stmt, 5));
      set_string (object, "notes", CB_COLUMN_TEXT (stmt, 6));
      g_array_append_val (ids, id);
      json_array_add_object_element (cases, object);
    }
  if (!finish_rows (self, stmt, rc, _("Could not export the case files"), error))
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      JsonObject *object = json_array_get_object_element (cases, i);
      gint64 id = g_array_index (ids, gint64, i);
      JsonArray *events;
      JsonArray *excerpts;

      if ((events = export_events (self, id, error)) == NULL)
        return NULL;
      json_object_set_array_member (object, "events", events);

      if ((excerpts = export_case_excerpts (self, id, error)) == NULL)
        return NULL;
      json_object_set_array_member (object, "excerpts", excerpts);
    }

  return g_steal_pointer (&cases);
}

JsonNode *
cb_store_export_json (CbStore  *self,
                      GError  **error)
{
  g_autoptr(JsonObject) root = NULL;
  JsonArray *articles;
  JsonArray *persons;
  JsonArray *cases;
  JsonArray *unfiled;
  JsonNode *node;
  gboolean own_transaction;

  g_return_val_if_fail (CB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* One read transaction: a consistent picture even while another
   * connection imports (unless the caller has one open already). */
  own_transaction = sqlite3_get_autocommit (self->db) != 0;
  if (own_transaction && !_cb_store_exec (self->db, "BEGIN", error))
    return NULL;

  root = json_object_new ();
  json_object_set_int_member (root, "version", EXPORT_VERSION);

  if ((articles = export_articles (self, error)) == NULL)
    goto fail;
  json_object_set_array_member (root, "articles", articles);

  if ((persons = export_persons (self, error)) == NULL)
    goto fail;
  json_object_set_array_member (root, "persons", persons);

  if ((cases = export_cases (self, error)) == NULL)
    goto fail;
  json_object_set_array_member (root, "cases", cases);

  /* Events in no case file, so that the export holds the whole database. */
  if ((unfiled = export_events (self, 0, error)) == NULL)
    goto fail;
  json_object_set_array_member (root, "unfiled_events", unfiled);

  if (own_transaction)
    _cb_store_exec (self->db, "COMMIT", NULL);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, root);
  return node;

fail:
  if (own_transaction)
    _cb_store_exec (self->db, "ROLLBACK", NULL);
  return NULL;
}
