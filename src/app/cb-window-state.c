/* cb-window-state.c — what the window looked like when it was closed
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cb-window-state.h"

/* Below this a saved size is a mistake (a broken settings file, a test) and
 * the template's size is kept. */
#define MIN_WINDOW_SIDE 360

typedef struct
{
  GSettings   *settings;
  GPtrArray   *panes;      /* GtkPaned, weak: they live as long as the window */
  char       **pane_keys;
  CbSelection *selection;
} WindowState;

static void
window_state_free (gpointer data)
{
  WindowState *state = data;

  g_clear_object (&state->settings);
  g_clear_pointer (&state->panes, g_ptr_array_unref);
  g_clear_pointer (&state->pane_keys, g_strfreev);
  g_clear_object (&state->selection);
  g_free (state);
}

/* Saved once, when the window goes (closed, or destroyed by app.quit): a
 * position written at every step of a drag would only wear the disk. */
static void
save_state_cb (GtkWidget   *window,
               WindowState *state)
{
  int width = 0, height = 0;
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (window));

  g_settings_delay (state->settings);

  /* The default size follows the window as the user resizes it, but not
   * while maximized, so the unmaximized size survives. */
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  if (width >= MIN_WINDOW_SIDE && height >= MIN_WINDOW_SIDE)
    {
      g_settings_set_int (state->settings, "window-width", width);
      g_settings_set_int (state->settings, "window-height", height);
    }
  g_settings_set_boolean (state->settings, "window-maximized", maximized);

  for (guint i = 0; i < state->panes->len; i++)
    {
      GtkPaned *paned = g_ptr_array_index (state->panes, i);
      gboolean position_set = FALSE;

      g_object_get (paned, "position-set", &position_set, NULL);
      if (position_set)
        g_settings_set_int (state->settings, state->pane_keys[i],
                            gtk_paned_get_position (paned));
    }

  if (state->selection != NULL)
    g_settings_set_int64 (state->settings, "last-case",
                          cb_selection_get_case_id (state->selection));

  g_settings_apply (state->settings);
}

static void
restore_last_case (WindowState *state,
                   CbStore     *store)
{
  gint64 case_id = g_settings_get_int64 (state->settings, "last-case");
  g_autoptr(CbCaseFile) case_file = NULL;

  if (case_id <= 0 || state->selection == NULL || store == NULL)
    return;

  /* Deleted since, or another database: "All Case Files" it is. */
  case_file = cb_store_get_case (store, case_id, NULL);
  if (case_file != NULL)
    cb_selection_select_case (state->selection, case_id);
}

void
cb_window_state_track (GtkWindow          *window,
                       GSettings          *settings,
                       GtkPaned          **panes,
                       const char * const *pane_keys,
                       guint               n_panes,
                       CbSelection        *selection,
                       CbStore            *store)
{
  WindowState *state;
  int width, height;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (n_panes == 0 || (panes != NULL && pane_keys != NULL));
  g_return_if_fail (selection == NULL || CB_IS_SELECTION (selection));

  state = g_new0 (WindowState, 1);
  state->settings = g_object_ref (settings);
  state->panes = g_ptr_array_new ();
  state->pane_keys = g_new0 (char *, n_panes + 1);
  state->selection = selection != NULL ? g_object_ref (selection) : NULL;

  width = g_settings_get_int (settings, "window-width");
  height = g_settings_get_int (settings, "window-height");
  if (width >= MIN_WINDOW_SIDE && height >= MIN_WINDOW_SIDE)
    gtk_window_set_default_size (window, width, height);
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (window);

  for (guint i = 0; i < n_panes; i++)
    {
      int position = g_settings_get_int (settings, pane_keys[i]);

      g_return_if_fail (GTK_IS_PANED (panes[i]));
      g_ptr_array_add (state->panes, panes[i]);
      state->pane_keys[i] = g_strdup (pane_keys[i]);
      /* -1: never moved; the template's position stays. */
      if (position >= 0)
        gtk_paned_set_position (panes[i], position);
    }

  restore_last_case (state, store);

  g_object_set_data_full (G_OBJECT (window), "cb-window-state", state, window_state_free);
  g_signal_connect (window, "unrealize", G_CALLBACK (save_state_cb), state);
}
