/* cb-window-review.c — the window's review actions: accept, reject, merge,
 * excerpts the user picks
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-lazy-list.h"
#include "cb-people-dialog.h"
#include "cb-window.h"
#include "cb-window-review.h"

#define PEOPLE_DIALOG_KEY "cb-people-dialog"

/* Every review below is one undoable step of the store, whose
 * "history-changed" reloads the panes (cb-window.c) and the People dialog
 * before the store call returns: nothing here reloads them again. */

/* The id after @id in a pane's @list (a CbLazyList), else the one before
 * it, else 0: where the review goes on. */
static gint64
neighbour_id (GListModel *list,
              gint64      id)
{
  CbLazyList *lazy;
  guint pos;

  if (!CB_IS_LAZY_LIST (list))
    return 0;
  lazy = CB_LAZY_LIST (list);
  pos = cb_lazy_list_find (lazy, id);
  if (pos == CB_LAZY_LIST_NO_POSITION)
    return 0;
  if (pos + 1 < g_list_model_get_n_items (list))
    return cb_lazy_list_get_id (lazy, pos + 1);
  if (pos > 0)
    return cb_lazy_list_get_id (lazy, pos - 1);
  return 0;
}

/* --- case files ------------------------------------------------------------ */

static void
review_case (CbWindow *self,
             gint64    case_id,
             CbReview  review)
{
  CbStore *store = cb_window_get_store (self);
  CbSelection *selection = cb_window_get_selection (self);
  g_autoptr(GError) error = NULL;
  gboolean move_on = FALSE;
  gint64 next = 0;

  if (case_id == 0)
    return;

  if (review == CB_REVIEW_REJECTED && cb_selection_get_case_id (selection) == case_id)
    {
      move_on = TRUE;
      next = neighbour_id (cb_cases_pane_get_model (cb_window_get_cases_pane (self)), case_id);
    }

  if (!cb_store_set_case_review (store, case_id, review, &error))
    {
      cb_window_show_error (self,
                            review == CB_REVIEW_REJECTED ? _("Could not reject the case file")
                                                         : _("Could not accept the case file"),
                            error);
      return;
    }

  /* A rejected case leaves the list: the review goes on with the next. */
  if (move_on)
    cb_selection_select_case (selection, next);

  cb_window_show_message (self, review == CB_REVIEW_REJECTED
                                ? _("Case file rejected: it will not be suggested again")
                                : _("Case file accepted"));
}

static void
accept_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  review_case (CB_WINDOW (widget), g_variant_get_int64 (param), CB_REVIEW_ACCEPTED);
}

static void
reject_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  review_case (CB_WINDOW (widget), g_variant_get_int64 (param), CB_REVIEW_REJECTED);
}

/* --- events ------------------------------------------------------------------ */

static void
review_event (CbWindow *self,
              gint64    event_id,
              CbReview  review)
{
  CbStore *store = cb_window_get_store (self);
  CbSelection *selection = cb_window_get_selection (self);
  g_autoptr(GError) error = NULL;
  gboolean move_on = FALSE;
  gint64 next = 0;

  if (event_id == 0)
    return;

  if (review == CB_REVIEW_REJECTED && cb_selection_get_event_id (selection) == event_id)
    {
      move_on = TRUE;
      next = neighbour_id (cb_timeline_pane_get_model (cb_window_get_timeline_pane (self)), event_id);
    }

  if (!cb_store_set_event_review (store, event_id, review, &error))
    {
      cb_window_show_error (self,
                            review == CB_REVIEW_REJECTED ? _("Could not reject the event")
                                                         : _("Could not accept the event"),
                            error);
      return;
    }

  if (move_on)
    {
      if (next != 0)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.select-event", "x", next);
      else
        cb_selection_set_event_id (selection, 0);
    }

  cb_window_show_message (self, review == CB_REVIEW_REJECTED
                                ? _("Event rejected: it will not be suggested again")
                                : _("Event accepted"));
}

static void
accept_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  review_event (CB_WINDOW (widget), g_variant_get_int64 (param), CB_REVIEW_ACCEPTED);
}

static void
reject_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  review_event (CB_WINDOW (widget), g_variant_get_int64 (param), CB_REVIEW_REJECTED);
}

/* --- an article at once --------------------------------------------------------- */

static void
accept_article_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);
  gint64 article_id = g_variant_get_int64 (param);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = 0;

  if (article_id == 0)
    article_id = cb_selection_get_article_id (cb_window_get_selection (self));
  if (article_id == 0)
    return;

  if (!cb_store_accept_article (cb_window_get_store (self), article_id, &n, &error))
    {
      cb_window_show_error (self, _("Could not accept the suggestions of the article"), error);
      return;
    }

  if (n == 0)
    message = g_strdup (_("This article has no suggestions left to accept"));
  else
    message = g_strdup_printf (ngettext ("Accepted %u suggestion from this article",
                                         "Accepted %u suggestions from this article", n), n);
  cb_window_show_message (self, message);
}

/* --- excerpts ------------------------------------------------------------------ */

static void
add_excerpt_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);
  CbSelection *selection = cb_window_get_selection (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 article_id, excerpt_id, event_id, case_id = 0;
  gint32 start, end;

  g_variant_get (param, "(xii)", &article_id, &start, &end);
  event_id = cb_selection_get_event_id (selection);

  /* The selected event gets it as a source; with no event selected, the
   * selected case file gets it (case_excerpt). */
  if (event_id == 0)
    case_id = cb_selection_get_case_id (selection);
  if (event_id == 0 && case_id == 0)
    {
      cb_window_show_message (self, _("Select an event on the timeline or a case file to attach the excerpt to"));
      return;
    }
  if (start < 0 || end <= start)
    {
      cb_window_show_message (self, _("Select the words of the article to add as an excerpt"));
      return;
    }

  excerpt_id = cb_store_add_excerpt (cb_window_get_store (self), article_id,
                                     (guint) start, (guint) end, event_id, case_id, &error);
  if (excerpt_id == 0)
    {
      cb_window_show_error (self, _("Could not add the excerpt"), error);
      return;
    }

  if (case_id != 0)
    {
      g_autoptr(CbCaseFile) case_file = cb_store_get_case (cb_window_get_store (self), case_id, NULL);

      /* TRANSLATORS: %s is the title of a case file */
      message = g_strdup_printf (_("Excerpt added to the case file “%s”"),
                                 case_file != NULL ? cb_case_file_get_title (case_file) : "");
    }
  else
    message = g_strdup (_("Excerpt added to the event"));

  /* The new excerpt, picked in the Excerpts pane. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.select-excerpt", "x", excerpt_id);
  cb_window_show_message (self, message);
}

/* --- people ----------------------------------------------------------------------- */

static void
review_merge (CbWindow *self,
              gint64    suggestion_id,
              gboolean  merge)
{
  CbStore *store = cb_window_get_store (self);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = merge ? cb_store_accept_merge (store, suggestion_id, &error)
             : cb_store_reject_merge (store, suggestion_id, &error);
  if (!ok)
    {
      cb_window_show_error (self,
                            merge ? _("Could not merge the two people")
                                  : _("Could not keep the two people apart"),
                            error);
      return;
    }

  cb_window_show_message (self, merge ? _("Merged: the two names are one person now")
                                      : _("Kept apart: the two names will not be suggested again"));
}

static void
merge_people_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  review_merge (CB_WINDOW (widget), g_variant_get_int64 (param), TRUE);
}

static void
keep_people_apart_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  review_merge (CB_WINDOW (widget), g_variant_get_int64 (param), FALSE);
}

static void
people_dialog_destroy_cb (CbWindow  *self,
                          GtkWidget *dialog)
{
  g_object_set_data (G_OBJECT (self), PEOPLE_DIALOG_KEY, NULL);
}

static void
review_people_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  CbWindow *self = CB_WINDOW (widget);
  GtkWidget *dialog = g_object_get_data (G_OBJECT (self), PEOPLE_DIALOG_KEY);

  if (dialog == NULL)
    {
      dialog = cb_people_dialog_new (self);
      g_object_set_data (G_OBJECT (self), PEOPLE_DIALOG_KEY, dialog);
      g_signal_connect_object (dialog, "destroy", G_CALLBACK (people_dialog_destroy_cb),
                               self, G_CONNECT_SWAPPED);
    }
  else
    cb_people_dialog_reload (CB_PEOPLE_DIALOG (dialog));

  gtk_window_present (GTK_WINDOW (dialog));
}

void
_cb_window_review_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (CB_TYPE_PEOPLE_DIALOG);

  gtk_widget_class_install_action (widget_class, "win.accept-case", "x", accept_case_action);
  gtk_widget_class_install_action (widget_class, "win.reject-case", "x", reject_case_action);
  gtk_widget_class_install_action (widget_class, "win.accept-event", "x", accept_event_action);
  gtk_widget_class_install_action (widget_class, "win.reject-event", "x", reject_event_action);
  gtk_widget_class_install_action (widget_class, "win.accept-article", "x", accept_article_action);
  gtk_widget_class_install_action (widget_class, "win.add-excerpt", "(xii)", add_excerpt_action);
  gtk_widget_class_install_action (widget_class, "win.merge-people", "x", merge_people_action);
  gtk_widget_class_install_action (widget_class, "win.keep-people-apart", "x", keep_people_apart_action);
  gtk_widget_class_install_action (widget_class, "win.review-people", NULL, review_people_action);
}
