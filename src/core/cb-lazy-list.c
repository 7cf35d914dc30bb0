/* cb-lazy-list.c — a list model over the store that makes its rows when
 * they are shown
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cb-lazy-list.h"

/* Rows made and kept: more than a list view shows at once, so that the rows
 * on screen are the same objects each time they are asked for. */
#define CACHE_SIZE 512

struct _CbLazyList
{
  GObject       parent_instance;

  CbStore      *store;
  CbListKind    kind;
  gint64        case_id;
  GArray       *ids;          /* gint64, in the list's order */
  guint         n_dated;

  GHashTable   *cache;        /* position → item made */
  guint         n_made;       /* rows made since the list was created */
  GQueue        cache_order;  /* positions, oldest first */

  GCancellable *cancellable;  /* the load under way, or NULL */
  guint         generation;   /* of the newest load */
  GTask        *pending;      /* a load to start, or one read to apply */
  gboolean      pending_read; /* which of the two */
  guint         idle_id;      /* … in an idle after the redraws */
};

static void cb_lazy_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CbLazyList, cb_lazy_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cb_lazy_list_model_init))

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

enum {
  REPLACING,
  LOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  char       *path;
  CbListKind  kind;
  gint64      case_id;
  guint       generation;
  GArray     *ids;
  guint       n_dated;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_free (load->path);
  g_clear_pointer (&load->ids, g_array_unref);
  g_free (load);
}

static GType
item_type (CbListKind kind)
{
  switch (kind)
    {
    case CB_LIST_CASES:
      return CB_TYPE_CASE_FILE;
    case CB_LIST_EVENTS:
      return CB_TYPE_EVENT;
    case CB_LIST_EXCERPTS:
    default:
      return CB_TYPE_EXCERPT;
    }
}

static void
clear_cache (CbLazyList *self)
{
  g_hash_table_remove_all (self->cache);
  g_queue_clear (&self->cache_order);
}

/* A row deleted since the ids were read (another program wrote, and the
 * reload that follows has not come yet): an empty stand-in, because a list
 * model may not return NULL inside its length. */
static GObject *
make_stand_in (CbLazyList *self,
               gint64      id)
{
  switch (self->kind)
    {
    case CB_LIST_CASES:
      return G_OBJECT (cb_case_file_new (id, "", 0, NULL, CB_CASE_STATUS_OPEN, NULL,
                                         CB_REVIEW_SUGGESTED, 0, 0));
    case CB_LIST_EVENTS:
      {
        CbFuzzyDate date = { 0 };

        return G_OBJECT (cb_event_new (id, 0, "", &date, NULL, CB_REVIEW_SUGGESTED,
                                       NULL, 0, 0, 0, 0));
      }
    case CB_LIST_EXCERPTS:
    default:
      return G_OBJECT (cb_excerpt_new (id, 0, NULL, NULL, 0, 0, "", 0, NULL,
                                       CB_EXCERPT_PASSAGE, 0));
    }
}

/* Puts @ids in place of the rows held, in one items-changed. */
static void
replace_ids (CbLazyList *self,
             GArray     *ids,
             guint       n_dated)
{
  guint removed = self->ids->len;
  guint added = ids != NULL ? ids->len : 0;

  if (removed > 0 || added > 0)
    g_signal_emit (self, signals[REPLACING], 0, added);

  g_array_unref (self->ids);
  self->ids = ids != NULL ? g_array_ref (ids) : g_array_new (FALSE, FALSE, sizeof (gint64));
  self->n_dated = n_dated;
  clear_cache (self);

  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
}

/* Forgets the load waiting to start (it returns, cancelled, to no one) or
 * to be applied. */
static void
drop_pending (CbLazyList *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->pending != NULL && !self->pending_read)
    g_task_return_new_error (self->pending, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Replaced");
  g_clear_object (&self->pending);
}

static void
set_loading (CbLazyList   *self,
             GCancellable *cancellable)
{
  gboolean was_loading = self->cancellable != NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, cancellable);

  if (was_loading != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* --- GListModel ------------------------------------------------------------ */

static GType
cb_lazy_list_get_item_type (GListModel *model)
{
  return item_type (CB_LAZY_LIST (model)->kind);
}

static guint
cb_lazy_list_get_n_items (GListModel *model)
{
  return CB_LAZY_LIST (model)->ids->len;
}

static gpointer
cb_lazy_list_get_item (GListModel *model,
                       guint       position)
{
  CbLazyList *self = CB_LAZY_LIST (model);
  g_autoptr(GError) error = NULL;
  GObject *item;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  item = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (position));
  if (item != NULL)
    return g_object_ref (item);

  id = g_array_index (self->ids, gint64, position);
  self->n_made++;
  item = cb_store_get_list_item (self->store, self->kind, id, &error);
  if (item == NULL)
    {
      if (!g_error_matches (error, CB_STORE_ERROR, CB_STORE_ERROR_NOT_FOUND))
        g_warning ("%s", error->message);
      item = make_stand_in (self, id);
    }

  if (g_queue_get_length (&self->cache_order) >= CACHE_SIZE)
    g_hash_table_remove (self->cache, g_queue_pop_head (&self->cache_order));
  g_hash_table_insert (self->cache, GUINT_TO_POINTER (position), g_object_ref (item));
  g_queue_push_tail (&self->cache_order, GUINT_TO_POINTER (position));

  return item;
}

static void
cb_lazy_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cb_lazy_list_get_item_type;
  iface->get_n_items = cb_lazy_list_get_n_items;
  iface->get_item = cb_lazy_list_get_item;
}

/* --- loading on a thread ---------------------------------------------------- */

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  g_autoptr(CbStore) reader = NULL;
  GError *error = NULL;

  /* A connection of its own: the window's stays free for the rows shown. */
  reader = cb_store_open_read_only (load->path, &error);
  if (reader != NULL)
    load->ids = cb_store_list_ids (reader, load->kind, load->case_id, &load->n_dated,
                                   cancellable, &error);

  if (load->ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Applies the newest load's ids, or reports why there are none. */
static void
apply_load (CbLazyList *self,
            GTask      *task)
{
  LoadData *load = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* A newer load took over: it reports. */
  if (load->generation != self->generation)
    return;

  if (!g_task_propagate_boolean (task, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read a list: %s", error->message);
    }
  else
    replace_ids (self, load->ids, load->n_dated);

  set_loading (self, NULL);
  g_signal_emit (self, signals[LOADED], 0);
}

static gboolean
apply_load_cb (gpointer user_data)
{
  CbLazyList *self = user_data;
  g_autoptr(GTask) task = g_steal_pointer (&self->pending);

  self->idle_id = 0;
  apply_load (self, task);
  return G_SOURCE_REMOVE;
}

/* The rows arrive after what is waiting to be drawn (the window's first
 * frame, say): making a list view's rows for them takes a while. */
static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CbLazyList *self = CB_LAZY_LIST (object);
  LoadData *load = g_task_get_task_data (G_TASK (result));

  if (load->generation != self->generation)
    return;

  drop_pending (self);
  g_set_object (&self->pending, G_TASK (result));
  self->pending_read = TRUE;
  self->idle_id = g_idle_add_full (G_PRIORITY_LOW, apply_load_cb, self, NULL);
}

static gboolean
start_load_cb (gpointer user_data)
{
  CbLazyList *self = user_data;
  g_autoptr(GTask) task = g_steal_pointer (&self->pending);

  self->idle_id = 0;
  g_task_run_in_thread (task, load_thread);
  return G_SOURCE_REMOVE;
}

/* --- GObject ---------------------------------------------------------------- */

static void
cb_lazy_list_dispose (GObject *object)
{
  CbLazyList *self = CB_LAZY_LIST (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->generation++;
  drop_pending (self);
  clear_cache (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cb_lazy_list_parent_class)->dispose (object);
}

static void
cb_lazy_list_finalize (GObject *object)
{
  CbLazyList *self = CB_LAZY_LIST (object);

  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (cb_lazy_list_parent_class)->finalize (object);
}

static void
cb_lazy_list_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CbLazyList *self = CB_LAZY_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_lazy_list_class_init (CbLazyListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cb_lazy_list_dispose;
  object_class->finalize = cb_lazy_list_finalize;
  object_class->get_property = cb_lazy_list_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Before the rows are replaced (the old ones still there), with the new
   * number of rows: a selection model over the list is best emptied now,
   * while its view still shows the old rows. */
  signals[REPLACING] =
    g_signal_new ("replacing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /* After each load, changed or not: lists follow the selection again. */
  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cb_lazy_list_init (CbLazyList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_queue_init (&self->cache_order);
}

/* --- public API ------------------------------------------------------------- */

CbLazyList *
cb_lazy_list_new (CbStore    *store,
                  CbListKind  kind)
{
  CbLazyList *self;

  g_return_val_if_fail (CB_IS_STORE (store), NULL);

  self = g_object_new (CB_TYPE_LAZY_LIST, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  return self;
}

CbListKind
cb_lazy_list_get_kind (CbLazyList *self)
{
  g_return_val_if_fail (CB_IS_LAZY_LIST (self), CB_LIST_CASES);
  return self->kind;
}

void
cb_lazy_list_load (CbLazyList *self,
                   gint64      case_id)
{
  g_return_if_fail (CB_IS_LAZY_LIST (self));

  cb_lazy_list_load_full (self, case_id,
                          cb_store_estimate_list_size (self->store, self->kind) >= CB_LAZY_LIST_SYNC_ROWS);
}

void
cb_lazy_list_load_full (CbLazyList *self,
                        gint64      case_id,
                        gboolean    threaded)
{
  const char *path;
  gboolean other_case;

  g_return_if_fail (CB_IS_LAZY_LIST (self));

  other_case = case_id != self->case_id;
  self->case_id = case_id;
  self->generation++;
  drop_pending (self);

  /* Rows of another case would be wrong meanwhile; those of this one are
   * only a moment old. */
  if (other_case)
    replace_ids (self, NULL, 0);

  path = cb_store_get_path (self->store);
  if (!threaded || path == NULL || g_strcmp0 (path, ":memory:") == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = NULL;
      guint n_dated = 0;

      set_loading (self, NULL);
      ids = cb_store_list_ids (self->store, self->kind, case_id, &n_dated, NULL, &error);
      if (ids == NULL)
        g_warning ("Could not read a list: %s", error->message);
      replace_ids (self, ids, n_dated);
      g_signal_emit (self, signals[LOADED], 0);
    }
  else
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GTask) task = NULL;
      LoadData *load = g_new0 (LoadData, 1);

      load->path = g_strdup (path);
      load->kind = self->kind;
      load->case_id = case_id;
      load->generation = self->generation;

      set_loading (self, cancellable);
      task = g_task_new (self, cancellable, load_done_cb, NULL);
      g_task_set_source_tag (task, cb_lazy_list_load_full);
      g_task_set_task_data (task, load, load_data_free);
      /* The thread starts after what is waiting to be drawn, too: it would
       * take a core from it. */
      self->pending = g_steal_pointer (&task);
      self->pending_read = FALSE;
      self->idle_id = g_idle_add_full (G_PRIORITY_LOW, start_load_cb, self, NULL);
    }
}

gint64
cb_lazy_list_get_case_id (CbLazyList *self)
{
  g_return_val_if_fail (CB_IS_LAZY_LIST (self), 0);
  return self->case_id;
}

gboolean
cb_lazy_list_get_loading (CbLazyList *self)
{
  g_return_val_if_fail (CB_IS_LAZY_LIST (self), FALSE);
  return self->cancellable != NULL;
}

gint64
cb_lazy_list_get_id (CbLazyList *self,
                     guint       position)
{
  g_return_val_if_fail (CB_IS_LAZY_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;
  return g_array_index (self->ids, gint64, position);
}

guint
cb_lazy_list_find (CbLazyList *self,
                   gint64      id)
{
  const gint64 *ids;

  g_return_val_if_fail (CB_IS_LAZY_LIST (self), CB_LAZY_LIST_NO_POSITION);

  /* A scan of 8-byte ids: a few milliseconds for millions of rows. */
  ids = (const gint64 *) (gpointer) self->ids->data;
  for (guint i = 0; i < self->ids->len; i++)
    if (ids[i] == id)
      return i;
  return CB_LAZY_LIST_NO_POSITION;
}

guint
cb_lazy_list_find_any (CbLazyList *self,
                       GArray     *wanted)
{
  g_autoptr(GHashTable) set = NULL;
  const gint64 *ids;

  g_return_val_if_fail (CB_IS_LAZY_LIST (self), CB_LAZY_LIST_NO_POSITION);

  if (wanted == NULL || wanted->len == 0)
    return CB_LAZY_LIST_NO_POSITION;
  if (wanted->len == 1)
    return cb_lazy_list_find (self, g_array_index (wanted, gint64, 0));

  set = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < wanted->len; i++)
    g_hash_table_add (set, &g_array_index (wanted, gint64, i));

  ids = (const gint64 *) (gpointer) self->ids->data;
  for (guint i = 0; i < self->ids->len; i++)
    if (g_hash_table_contains (set, &ids[i]))
      return i;
  return CB_LAZY_LIST_NO_POSITION;
}

guint
cb_lazy_list_get_n_dated (CbLazyList *self)
{
  g_return_val_if_fail (CB_IS_LAZY_LIST (self), 0);
  return self->n_dated;
}

guint
cb_lazy_list_get_n_made (CbLazyList *self)
{
  g_return_val_if_fail (CB_IS_LAZY_LIST (self), 0);
  return self->n_made;
}
