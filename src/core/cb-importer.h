/* cb-importer.h — files and folders into the store
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "cb-store.h"

G_BEGIN_DECLS

typedef enum
{
  CB_IMPORT_IMPORTED,
  CB_IMPORT_DUPLICATE,
  CB_IMPORT_REJECTED,
} CbImportOutcome;

typedef struct
{
  char            *path;        /* as given or found (display form) */
  CbImportOutcome  outcome;
  char            *title;       /* IMPORTED: the title; DUPLICATE: the stored article's title */
  char            *reason;      /* REJECTED: why, translatable sentence */
  gint64           article_id;  /* IMPORTED / DUPLICATE: the stored article */
} CbImportResult;

void cb_import_result_free (CbImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbImportResult, cb_import_result_free)

/* Called after each file, on the thread doing the import. */
typedef void (*CbImportProgressFunc) (const CbImportResult *result,
                                      guint                 done,
                                      guint                 total,
                                      gpointer              user_data);

#define CB_TYPE_IMPORTER (cb_importer_get_type ())
G_DECLARE_FINAL_TYPE (CbImporter, cb_importer, CB, IMPORTER, GObject)

CbImporter *cb_importer_new          (CbStore *store);
/* Overrides every file's header Date (as `casebook-cli import --date`). */
void        cb_importer_set_date     (CbImporter  *self,
                                      const GDate *date);
void        cb_importer_set_max_size (CbImporter *self,
                                      gsize       max_size);
/* TRUE (the default): what the extractors find is stored as suggestions for
 * the user to review; FALSE: as accepted (see CB_STORE_ADD_ACCEPTED). */
void        cb_importer_set_needs_review (CbImporter *self,
                                          gboolean    needs_review);
gboolean    cb_importer_get_needs_review (CbImporter *self);

/* Expands folders recursively (text files are recognised by content, hidden
 * files and folders skipped, symlink loops survived) and imports each file
 * whole or not at all: a failure stores nothing of that file and does not
 * stop the others.  Files are committed in batches of whole articles, a
 * fraction of a second of work each (and at the end, or when cancelled);
 * inside a transaction of the caller they are left for the caller to commit.
 * Stops between files when @cancellable is cancelled.  @progress comes once
 * the file is stored in the open batch; should that batch fail to commit, its
 * files are stored again one by one and the results returned say what that
 * gave.  Returns a GPtrArray of CbImportResult, one per file, in order. */
GPtrArray      *cb_importer_import_files (CbImporter           *self,
                                          GFile               **files,
                                          guint                 n_files,
                                          GCancellable         *cancellable,
                                          CbImportProgressFunc  progress,
                                          gpointer              user_data);

/* Imports one text that did not come from a file (a drop of plain text);
 * @origin names it in the result. */
CbImportResult *cb_importer_import_text  (CbImporter *self,
                                          const char *text,
                                          const char *origin);

/* The same in a GTask thread with its own connection to the store's database;
 * @progress is called on the main context of the caller (the thread-default
 * one when the call is made), and @progress_notify there once no more
 * progress can come.  When @cancellable is cancelled the import stops between
 * files and _finish() still returns the results of the files finished (they
 * stay stored) — not an error; it fails only when the database cannot be
 * opened. */
void            cb_importer_import_files_async  (CbImporter           *self,
                                                 GFile               **files,
                                                 guint                 n_files,
                                                 GCancellable         *cancellable,
                                                 CbImportProgressFunc  progress,
                                                 gpointer              progress_data,
                                                 GDestroyNotify        progress_notify,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GPtrArray      *cb_importer_import_files_finish (CbImporter   *self,
                                                 GAsyncResult *result,
                                                 GError      **error);

G_END_DECLS
