/* cb-excerpts-pane.c — the excerpts pane of the main window
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-excerpts-pane.h"

struct _CbExcerptsPane
{
  GtkWidget           parent_instance;

  CbStore            *store;
  CbSelection        *selection;

  GListStore         *excerpts;       /* CbExcerpt of the selected case, in article order */
  GtkSingleSelection *list_selection;
  gint64              case_id;        /* the case listed */
  gboolean            syncing;        /* the pane itself moves the list selection */

  /* Template widgets */
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (CbExcerptsPane, cb_excerpts_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
excerpt_text_cb (gpointer   this_,
                 CbExcerpt *item)
{
  g_autofree char *text = NULL;

  if (item == NULL)
    return NULL;

  /* One line per excerpt row: the article's paragraph breaks would only
   * waste the few lines a row shows. */
  text = g_strdup (cb_excerpt_get_text (item));
  g_strdelimit (text, "\n", ' ');
  g_strstrip (text);

  if (cb_excerpt_get_kind (item) == CB_EXCERPT_QUOTE)
    /* Translators: a quotation as shown in the excerpts list */
    return g_strdup_printf (_("“%s”"), text);

  return g_steal_pointer (&text);
}

/* "Speaker · 18 Aug 2020 · Title": who said it, when and where. */
static char *
excerpt_source_cb (gpointer   this_,
                   CbExcerpt *item)
{
  const char *speaker;
  const char *title;
  const char *published;
  g_autofree char *when = NULL;

  if (item == NULL)
    return NULL;

  speaker = cb_excerpt_get_speaker_name (item);
  title = cb_excerpt_get_article_title (item);
  if (title == NULL || *title == '\0')
    title = _("Untitled article");

  published = cb_excerpt_get_article_published (item);
  if (published != NULL && *published != '\0')
    {
      CbFuzzyDate date = { 0 };

      if (cb_fuzzy_date_set_value (&date, published))
        when = cb_fuzzy_date_format (&date);
      cb_fuzzy_date_clear (&date);
    }

  /* The date before the title: a long title is what gets cut short. */
  if (speaker != NULL && *speaker != '\0' && when != NULL)
    /* Translators: who said it · when · in which article */
    return g_strdup_printf (_("%s · %s · %s"), speaker, when, title);
  if (speaker != NULL && *speaker != '\0')
    /* Translators: who said it · in which article */
    return g_strdup_printf (_("%s · %s"), speaker, title);
  if (when != NULL)
    /* Translators: when · in which article */
    return g_strdup_printf (_("%s · %s"), when, title);

  return g_strdup (title);
}

static guint
find_position (CbExcerptsPane *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->excerpts));
  gint64 excerpt_id = cb_selection_get_excerpt_id (self->selection);
  gint64 event_id = cb_selection_get_event_id (self->selection);
  gint64 article_id = cb_selection_get_article_id (self->selection);
  int span_start = cb_selection_get_span_start (self->selection);
  int span_end = cb_selection_get_span_end (self->selection);
  guint overlapping = GTK_INVALID_LIST_POSITION;

  if (excerpt_id == 0 && event_id == 0)
    return GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CbExcerpt) item = g_list_model_get_item (G_LIST_MODEL (self->excerpts), i);

      if (excerpt_id != 0)
        {
          if (cb_excerpt_get_id (item) == excerpt_id)
            return i;
          continue;
        }

      /* An event: its own source first, else an excerpt over its span. */
      if (cb_excerpt_get_event_id (item) == event_id)
        return i;
      if (overlapping == GTK_INVALID_LIST_POSITION
          && span_start >= 0
          && cb_excerpt_get_article_id (item) == article_id
          && (int) cb_excerpt_get_start (item) < MAX (span_end, span_start + 1)
          && (int) cb_excerpt_get_end (item) > span_start)
        overlapping = i;
    }

  return overlapping;
}

/* Shows the selection's excerpt (or the source of its event) in the list
 * without writing back to the selection. */
static void
sync_from_selection (CbExcerptsPane *self)
{
  guint pos;

  if (self->selection == NULL)
    return;

  pos = find_position (self);

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->list_selection, pos);
  self->syncing = FALSE;

  if (pos != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", pos);
}

static void
list_selected_cb (CbExcerptsPane     *self,
                  GParamSpec         *pspec,
                  GtkSingleSelection *list_selection)
{
  CbExcerpt *item;

  if (self->syncing || self->selection == NULL)
    return;

  item = gtk_single_selection_get_selected_item (list_selection);
  if (item != NULL)
    cb_selection_select_excerpt (self->selection,
                                 cb_excerpt_get_id (item),
                                 cb_excerpt_get_event_id (item),
                                 cb_excerpt_get_article_id (item),
                                 cb_excerpt_get_start (item),
                                 cb_excerpt_get_end (item));
}

static void
case_id_changed_cb (CbExcerptsPane *self)
{
  if (self->case_id != cb_selection_get_case_id (self->selection))
    cb_excerpts_pane_reload (self);
}

static void
selected_changed_cb (CbExcerptsPane *self)
{
  sync_from_selection (self);
}

static void
cb_excerpts_pane_dispose (GObject *object)
{
  CbExcerptsPane *self = CB_EXCERPTS_PANE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_EXCERPTS_PANE);
  /* The template's top box is not a bound child: unparent it ourselves. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->store);
  g_clear_object (&self->selection);
  g_clear_object (&self->list_selection);
  g_clear_object (&self->excerpts);

  G_OBJECT_CLASS (cb_excerpts_pane_parent_class)->dispose (object);
}

static void
cb_excerpts_pane_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CbExcerptsPane *self = CB_EXCERPTS_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_excerpts_pane_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CbExcerptsPane *self = CB_EXCERPTS_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cb_excerpts_pane_set_store (self, g_value_get_object (value));
      break;
    case PROP_SELECTION:
      cb_excerpts_pane_set_selection (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_excerpts_pane_class_init (CbExcerptsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_excerpts_pane_dispose;
  object_class->get_property = cb_excerpts_pane_get_property;
  object_class->set_property = cb_excerpts_pane_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, CB_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CB_TYPE_EXCERPT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/casebook/Casebook/cb-excerpts-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, CbExcerptsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, CbExcerptsPane, list_view);
  gtk_widget_class_bind_template_callback (widget_class, excerpt_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, excerpt_source_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cb-excerpts-pane");
}

static void
cb_excerpts_pane_init (CbExcerptsPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->excerpts = g_list_store_new (CB_TYPE_EXCERPT);
  self->list_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->excerpts)));
  gtk_single_selection_set_autoselect (self->list_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->list_selection, TRUE);
  gtk_single_selection_set_selected (self->list_selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->list_selection, "notify::selected",
                           G_CALLBACK (list_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->list_selection));

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
cb_excerpts_pane_set_store (CbExcerptsPane *self,
                            CbStore        *store)
{
  g_return_if_fail (CB_IS_EXCERPTS_PANE (self));
  g_return_if_fail (store == NULL || CB_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      cb_excerpts_pane_reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
}

CbStore *
cb_excerpts_pane_get_store (CbExcerptsPane *self)
{
  g_return_val_if_fail (CB_IS_EXCERPTS_PANE (self), NULL);
  return self->store;
}

void
cb_excerpts_pane_set_selection (CbExcerptsPane *self,
                                CbSelection    *selection)
{
  g_return_if_fail (CB_IS_EXCERPTS_PANE (self));
  g_return_if_fail (selection == NULL || CB_IS_SELECTION (selection));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    {
      g_signal_connect_object (selection, "notify::case-id",
                               G_CALLBACK (case_id_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (selection, "notify::event-id",
                               G_CALLBACK (selected_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (selection, "notify::excerpt-id",
                               G_CALLBACK (selected_changed_cb), self, G_CONNECT_SWAPPED);
    }

  cb_excerpts_pane_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

CbSelection *
cb_excerpts_pane_get_selection (CbExcerptsPane *self)
{
  g_return_val_if_fail (CB_IS_EXCERPTS_PANE (self), NULL);
  return self->selection;
}

void
cb_excerpts_pane_reload (CbExcerptsPane *self)
{
  g_autoptr(GPtrArray) excerpts = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CB_IS_EXCERPTS_PANE (self));

  self->case_id = self->selection != NULL ? cb_selection_get_case_id (self->selection) : 0;

  if (self->store != NULL)
    {
      excerpts = cb_store_list_excerpts (self->store, self->case_id, 0, &error);
      if (excerpts == NULL)
        g_warning ("Could not list the excerpts: %s", error->message);
    }

  /* One splice: the view sees a single exact change. */
  self->syncing = TRUE;
  g_list_store_splice (self->excerpts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->excerpts)),
                       excerpts != NULL ? excerpts->pdata : NULL,
                       excerpts != NULL ? excerpts->len : 0);
  self->syncing = FALSE;

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->excerpts)) > 0
                                    ? "list" : "empty");
  sync_from_selection (self);
}

GListModel *
cb_excerpts_pane_get_model (CbExcerptsPane *self)
{
  g_return_val_if_fail (CB_IS_EXCERPTS_PANE (self), NULL);
  return G_LIST_MODEL (self->excerpts);
}
