/* cb-test-support.h — what the test programs share: a store in a temporary
 * folder, a main loop run until something happened, cleaning up, asking
 * a database directly
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdarg.h>
#include <glib.h>
#include <sqlite3.h>

#include "cb-importer.h"
#include "cb-store.h"
#include "extract/cb-persons.h"

G_BEGIN_DECLS

/* A fixture for g_test_add(): a new database in a folder of its own, and an
 * importer on it. */
typedef struct
{
  char       *dir;
  char       *path;      /* the database, in @dir */
  CbStore    *store;
  CbImporter *importer;
} CbTestStore;

void     cb_test_store_setup    (CbTestStore   *fixture,
                                 gconstpointer  data);
/* Closes the store and removes the folder with all that is in it (the
 * database, its WAL, backups made by upgrades). */
void     cb_test_store_teardown (CbTestStore   *fixture,
                                 gconstpointer  data);
/* Imports @text, which must be imported; returns the article's id. */
gint64   cb_test_store_import   (CbTestStore   *fixture,
                                 const char    *text);

/* Removes @path and, for a folder, everything below it. */
void     cb_test_remove_tree    (const char    *path);

typedef gboolean (*CbTestCondition) (gpointer fixture);

/* Runs the default main context until @done (@fixture) holds, at most
 * @seconds; returns whether it held. */
gboolean cb_test_iterate_until  (CbTestCondition  done,
                                 gpointer         fixture,
                                 int              seconds);
/* Runs what is pending now (a relayout, a scroll an action queued). */
void     cb_test_drain          (void);

/* A connection of the test's own to @path (read-write, waits for locks). */
sqlite3 *cb_test_open_db        (const char    *path);
/* The one integer @sql answers. */
gint64   cb_test_query_int      (sqlite3       *db,
                                 const char    *sql);
/* Every row @sql answers, a line each, its columns as text separated by
 * "|" (NULL for none). */
char    *cb_test_query_rows     (sqlite3       *db,
                                 const char    *sql);

/* Mentions (cb-store-mentions.c): whether @db has schema 7's mention rows,
 * one per article and person with all its spans. */
gboolean cb_test_mentions_packed (sqlite3      *db);
/* Turns them back into the table of schemas 1–5, one row per span, for a
 * test that makes an older schema's file (the spans in reverse order, so
 * that an upgrade has to order them again). */
void     cb_test_unpack_mentions (sqlite3      *db);
/* Every span of every mention, "article|person|start|end" a line in that
 * order, in either layout. */
char    *cb_test_dump_mentions   (sqlite3      *db);

/* A person for an extraction made by hand: named @name, with @name and then
 * each of @forms (up to NULL) as aliases, and no mentions yet. */
CbPerson *cb_test_person_new_va  (const char   *name,
                                  va_list       forms);

G_END_DECLS
