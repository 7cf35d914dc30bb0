/* cb-drop.c — what a drop onto the window carries, as the importer takes it
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cb-drop.h"

void
cb_drop_get_gtypes (GType types[CB_DROP_N_GTYPES])
{
  types[0] = GDK_TYPE_FILE_LIST;
  types[1] = G_TYPE_STRING;
}

/* A text/uri-list (RFC 2483): URIs one per line, "#" comments.  Browsers and
 * file managers offer file drops as such a string to clients that ask for
 * text; a sentence that happens to hold a URI is not one. */
static GPtrArray *
files_from_uri_list (const char *text)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (line[0] == '\0' || line[0] == '#')
        continue;
      if (strchr (line, ' ') != NULL || !g_uri_is_valid (line, G_URI_FLAGS_NONE, NULL))
        return NULL;
      g_ptr_array_add (files, g_file_new_for_uri (line));
    }

  return files->len > 0 ? g_steal_pointer (&files) : NULL;
}

gboolean
cb_drop_parse_value (const GValue  *value,
                     GPtrArray    **files,
                     char         **text)
{
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);
  g_return_val_if_fail (files != NULL && *files == NULL, FALSE);
  g_return_val_if_fail (text != NULL && *text == NULL, FALSE);

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *list = gdk_file_list_get_files (g_value_get_boxed (value));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (GSList *l = list; l != NULL; l = l->next)
        g_ptr_array_add (array, g_object_ref (l->data));
      g_slist_free (list);
      if (array->len == 0)
        return FALSE;
      *files = g_steal_pointer (&array);
      return TRUE;
    }

  if (G_VALUE_HOLDS_STRING (value))
    {
      const char *string = g_value_get_string (value);
      g_autofree char *trimmed = NULL;

      if (string == NULL)
        return FALSE;
      trimmed = g_strstrip (g_strdup (string));
      if (trimmed[0] == '\0')
        return FALSE;
      if ((*files = files_from_uri_list (trimmed)) != NULL)
        return TRUE;
      *text = g_strdup (string);
      return TRUE;
    }

  return FALSE;
}
