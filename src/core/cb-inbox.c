/* cb-inbox.c — a watched folder whose finished text files are handed on for import
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-inbox.h"

/* Without a CHANGES_DONE hint (monitor backends other than inotify), a file
 * must be silent this many quiet periods, and at least this long. */
#define NO_HINT_FACTOR   30
#define NO_HINT_MIN_US   (30 * G_USEC_PER_SEC)

typedef struct
{
  GFile   *file;
  gint64   last_event;  /* monotonic µs */
  gboolean writer_done; /* CHANGES_DONE hint or moved in whole */
} Pending;

struct _CbInbox
{
  GObject       parent_instance;

  GFile        *folder;
  GFileMonitor *monitor;
  GHashTable   *pending;       /* path → Pending */
  guint         quiet_ms;
  guint         tick_id;
  guint         startup_id;
  GPtrArray    *startup_files; /* found by cb_inbox_start(), announced from an idle */
};

G_DEFINE_FINAL_TYPE (CbInbox, cb_inbox, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_FOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  FILES_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_object_unref (pending->file);
  g_free (pending);
}

/* Editors' swap files, browsers' partial downloads and hidden files are
 * never articles: a file is only considered under its final name. */
static gboolean
is_temporary_name (const char *name)
{
  static const char * const suffixes[] = {
    "~", ".part", ".partial", ".crdownload", ".download", ".tmp", ".swp", ".swx",
  };

  if (name == NULL || name[0] == '.' || name[0] == '#')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (name, suffixes[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_candidate (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return !is_temporary_name (name);
}

static void
announce (CbInbox   *self,
          GPtrArray *files)
{
  if (files->len > 0)
    g_signal_emit (self, signals[FILES_READY], 0, files);
}

static gboolean
tick_cb (gpointer user_data)
{
  CbInbox *self = user_data;
  g_autoptr(GPtrArray) ready = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 now = g_get_monotonic_time ();
  gint64 quiet = (gint64) self->quiet_ms * 1000;
  gint64 no_hint = MAX (quiet * NO_HINT_FACTOR, NO_HINT_MIN_US);
  GHashTableIter iter;
  Pending *pending;

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &pending))
    {
      gint64 silence = now - pending->last_event;

      if ((pending->writer_done && silence >= quiet) || silence >= no_hint)
        {
          GFileType type = g_file_query_file_type (pending->file, G_FILE_QUERY_INFO_NONE, NULL);

          /* Gone again, or not something to import: forget it. */
          if (type == G_FILE_TYPE_REGULAR || type == G_FILE_TYPE_DIRECTORY)
            g_ptr_array_add (ready, g_object_ref (pending->file));
          g_hash_table_iter_remove (&iter);
        }
    }

  if (g_hash_table_size (self->pending) == 0)
    self->tick_id = 0;

  /* The handlers may stop or restart the inbox: keep it alive meanwhile. */
  g_object_ref (self);
  announce (self, ready);
  g_object_unref (self);

  return self->tick_id != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
ensure_tick (CbInbox *self)
{
  if (self->tick_id == 0)
    {
      /* A few checks per quiet period keep the delay close to it. */
      self->tick_id = g_timeout_add (MAX (self->quiet_ms / 4, 20), tick_cb, self);
      g_source_set_name_by_id (self->tick_id, "[casebook] inbox quiet period");
    }
}

static void
touch (CbInbox  *self,
       GFile    *file,
       gboolean  writer_done)
{
  g_autofree char *path = g_file_get_path (file);
  Pending *pending;

  if (path == NULL || !is_candidate (file))
    return;

  pending = g_hash_table_lookup (self->pending, path);
  if (pending == NULL)
    {
      pending = g_new0 (Pending, 1);
      pending->file = g_object_ref (file);
      g_hash_table_insert (self->pending, g_steal_pointer (&path), pending);
    }
  pending->last_event = g_get_monotonic_time ();
  /* Once more written to, the writer is not done until it says so again. */
  pending->writer_done = writer_done;
  ensure_tick (self);
}

static void
forget (CbInbox *self,
        GFile   *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    g_hash_table_remove (self->pending, path);
}

static void
changed_cb (GFileMonitor      *monitor,
            GFile             *file,
            GFile             *other_file,
            GFileMonitorEvent  event,
            gpointer           user_data)
{
  CbInbox *self = user_data;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
      touch (self, file, FALSE);
      break;
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
      touch (self, file, TRUE);
      break;
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      /* Moved in whole: written elsewhere and finished. */
      touch (self, file, TRUE);
      break;
    case G_FILE_MONITOR_EVENT_RENAMED:
      /* "article.txt.part" → "article.txt": the download finished. */
      forget (self, file);
      if (other_file != NULL)
        touch (self, other_file, TRUE);
      break;
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      forget (self, file);
      break;
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

static gboolean
startup_cb (gpointer user_data)
{
  CbInbox *self = user_data;
  g_autoptr(GPtrArray) files = g_steal_pointer (&self->startup_files);

  self->startup_id = 0;
  if (files != NULL)
    {
      g_object_ref (self);
      announce (self, files);
      g_object_unref (self);
    }
  return G_SOURCE_REMOVE;
}

char *
cb_inbox_dup_default_path (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  /* Translators: the name of the watched folder in the documents folder */
  return g_build_filename (documents != NULL ? documents : g_get_home_dir (),
                           _("Casebook Inbox"), NULL);
}

CbInbox *
cb_inbox_new (GFile *folder)
{
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  return g_object_new (CB_TYPE_INBOX, "folder", folder, NULL);
}

GFile *
cb_inbox_get_folder (CbInbox *self)
{
  g_return_val_if_fail (CB_IS_INBOX (self), NULL);

  return self->folder;
}

void
cb_inbox_set_quiet_period (CbInbox *self,
                           guint    milliseconds)
{
  g_return_if_fail (CB_IS_INBOX (self));

  self->quiet_ms = MAX (milliseconds, 1);
}

gboolean
cb_inbox_start (CbInbox  *self,
                GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (CB_IS_INBOX (self), FALSE);

  if (self->monitor != NULL)
    return TRUE;

  if (!g_file_make_directory_with_parents (self->folder, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_autofree char *name = g_file_get_parse_name (self->folder);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not create the inbox folder “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  g_clear_error (&local_error);

  if (g_file_query_file_type (self->folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *name = g_file_get_parse_name (self->folder);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("The inbox “%s” is not a folder."), name);
      return FALSE;
    }

  self->monitor = g_file_monitor_directory (self->folder, G_FILE_MONITOR_WATCH_MOVES, NULL, &local_error);
  if (self->monitor == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (self->folder);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not watch the inbox folder “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (changed_cb), self, 0);

  /* What is already there: the importer recognises what it stored before. */
  found = g_ptr_array_new_with_free_func (g_object_unref);
  children = g_file_enumerate_children (self->folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (children, &info, &child, NULL, NULL) || info == NULL)
        break;
      if ((g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR ||
           g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY) &&
          !is_temporary_name (g_file_info_get_name (info)))
        g_ptr_array_add (found, g_object_ref (child));
    }

  if (found->len > 0)
    {
      self->startup_files = g_steal_pointer (&found);
      self->startup_id = g_idle_add (startup_cb, self);
      g_source_set_name_by_id (self->startup_id, "[casebook] inbox start-up files");
    }

  return TRUE;
}

void
cb_inbox_stop (CbInbox *self)
{
  g_return_if_fail (CB_IS_INBOX (self));

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->startup_id, g_source_remove);
  g_clear_pointer (&self->startup_files, g_ptr_array_unref);
  g_hash_table_remove_all (self->pending);
}

guint
cb_inbox_get_n_pending (CbInbox *self)
{
  g_return_val_if_fail (CB_IS_INBOX (self), 0);

  return g_hash_table_size (self->pending);
}

static void
cb_inbox_dispose (GObject *object)
{
  CbInbox *self = CB_INBOX (object);

  cb_inbox_stop (self);

  G_OBJECT_CLASS (cb_inbox_parent_class)->dispose (object);
}

static void
cb_inbox_finalize (GObject *object)
{
  CbInbox *self = CB_INBOX (object);

  g_clear_object (&self->folder);
  g_hash_table_unref (self->pending);

  G_OBJECT_CLASS (cb_inbox_parent_class)->finalize (object);
}

static void
cb_inbox_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CbInbox *self = CB_INBOX (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_inbox_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CbInbox *self = CB_INBOX (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      self->folder = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_inbox_class_init (CbInboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cb_inbox_dispose;
  object_class->finalize = cb_inbox_finalize;
  object_class->get_property = cb_inbox_get_property;
  object_class->set_property = cb_inbox_set_property;

  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CbInbox::files-ready:
   * @files: (element-type GFile): files whose writers have finished
   */
  signals[FILES_READY] =
    g_signal_new ("files-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
}

static void
cb_inbox_init (CbInbox *self)
{
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, pending_free);
  self->quiet_ms = 1000;
}
