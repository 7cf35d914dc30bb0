/* cb-lazy-list.h — a list model over the store that makes its rows when
 * they are shown
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cb-store.h"

G_BEGIN_DECLS

#define CB_LAZY_LIST_NO_POSITION G_MAXUINT

/* Lists whose table holds fewer rows than this are read at once, on the
 * calling thread; longer ones on a thread of their own. */
#define CB_LAZY_LIST_SYNC_ROWS 1000

#define CB_TYPE_LAZY_LIST (cb_lazy_list_get_type ())
G_DECLARE_FINAL_TYPE (CbLazyList, cb_lazy_list, CB, LAZY_LIST, GObject)

/* A GListModel of CbCaseFile, CbEvent or CbExcerpt (as @kind says) in the
 * order of cb_store_list_cases / _events / _excerpts.  It holds only the
 * ids; g_list_model_get_item() reads a row by id and keeps the last few
 * made.  Empty until cb_lazy_list_load().
 *
 * Signals: "replacing" (guint n_items) just before the rows are replaced
 * by @n_items others in one items-changed; "loaded" after each load,
 * whether anything changed or not.
 * Property "loading": a load is under way (on a thread). */
CbLazyList *cb_lazy_list_new          (CbStore     *store,
                                       CbListKind   kind);
CbListKind  cb_lazy_list_get_kind     (CbLazyList  *self);

/* Reads the list of @case_id (0 = all) again.  Small tables are read before
 * this returns; large ones on a thread (with a connection of its own) and
 * the model changes, in one items-changed, when that is done.  Loading
 * another case first empties the list; loading the same one keeps the
 * old rows until the new ones are there.  A newer load replaces one under
 * way. */
void        cb_lazy_list_load         (CbLazyList  *self,
                                       gint64       case_id);
/* Like cb_lazy_list_load(), always on a thread when @threaded (tests). */
void        cb_lazy_list_load_full    (CbLazyList  *self,
                                       gint64       case_id,
                                       gboolean     threaded);
gint64      cb_lazy_list_get_case_id  (CbLazyList  *self);
gboolean    cb_lazy_list_get_loading  (CbLazyList  *self);

/* The id at @position, or 0 past the end. */
gint64      cb_lazy_list_get_id       (CbLazyList  *self,
                                       guint        position);
/* The position of @id, or CB_LAZY_LIST_NO_POSITION. */
guint       cb_lazy_list_find         (CbLazyList  *self,
                                       gint64       id);
/* The first position holding any of @ids (GArray of gint64), or
 * CB_LAZY_LIST_NO_POSITION. */
guint       cb_lazy_list_find_any     (CbLazyList  *self,
                                       GArray      *ids);
/* Events: how many have a date (they come first; the undated follow). */
guint       cb_lazy_list_get_n_dated  (CbLazyList  *self);
/* How many rows were read from the store for g_list_model_get_item() (not
 * from the cache) since the list was made: what tests see laziness by. */
guint       cb_lazy_list_get_n_made   (CbLazyList  *self);

G_END_DECLS
