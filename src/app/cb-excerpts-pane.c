/* cb-excerpts-pane.c — the excerpts pane of the main window
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-excerpts-pane.h"
#include "cb-lazy-list.h"
#include "cb-list-scroll.h"

struct _CbExcerptsPane
{
  GtkWidget           parent_instance;

  CbStore            *store;
  CbSelection        *selection;

  CbLazyList         *excerpts;       /* CbExcerpt of the selected case, in article order */
  GtkSingleSelection *list_selection;
  gint64              case_id;        /* the case listed */
  gboolean            syncing;        /* the pane itself moves the list selection */

  /* Template widgets */
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkLabel           *empty_label;
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

/* The selection's excerpt, else a source of its event, else an excerpt over
 * the event's span: their ids come from the store, their place from the
 * list's ids, so no row is made to find them. */
static guint
find_position (CbExcerptsPane *self)
{
  gint64 excerpt_id = cb_selection_get_excerpt_id (self->selection);
  gint64 event_id = cb_selection_get_event_id (self->selection);
  gint64 article_id = cb_selection_get_article_id (self->selection);
  int span_start = cb_selection_get_span_start (self->selection);
  int span_end = cb_selection_get_span_end (self->selection);
  g_autoptr(GArray) ids = NULL;
  guint pos;

  if (self->excerpts == NULL || (excerpt_id == 0 && event_id == 0))
    return GTK_INVALID_LIST_POSITION;

  if (excerpt_id != 0)
    pos = cb_lazy_list_find (self->excerpts, excerpt_id);
  else
    {
      ids = cb_store_list_source_ids (self->store, event_id, NULL);
      pos = cb_lazy_list_find_any (self->excerpts, ids);
      if (pos == CB_LAZY_LIST_NO_POSITION && span_start >= 0 && article_id != 0)
        {
          g_clear_pointer (&ids, g_array_unref);
          ids = cb_store_list_excerpt_ids_at (self->store, article_id, (guint) span_start,
                                              (guint) MAX (span_end, span_start), NULL);
          pos = cb_lazy_list_find_any (self->excerpts, ids);
        }
    }

  return pos != CB_LAZY_LIST_NO_POSITION ? pos : GTK_INVALID_LIST_POSITION;
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
    cb_list_view_scroll_to (self->list_view, pos);
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

/* --- The list -------------------------------------------------------------- */

/* Before the rows are replaced: nothing selected, so that the selection
 * model does not look for its item among every new row (it would make them
 * all); the list view still shows the old rows. */
static void
list_changing_cb (CbExcerptsPane *self)
{
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->list_selection, GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;
  cb_list_view_rows_replaced (self->list_view);
}

/* After each load: the selection's excerpt shown again. */
static void
list_loaded_cb (CbExcerptsPane *self)
{
  guint n = self->excerpts != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->excerpts)) : 0;
  gboolean loading = self->excerpts != NULL && cb_lazy_list_get_loading (self->excerpts);

  gtk_label_set_label (self->empty_label, loading ? _("Loading excerpts…")
                                                  : _("No excerpts yet"));
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  sync_from_selection (self);
}

static void
set_list (CbExcerptsPane *self,
          CbLazyList     *excerpts)
{
  if (self->excerpts != NULL)
    g_signal_handlers_disconnect_by_data (self->excerpts, self);
  g_clear_object (&self->excerpts);
  self->excerpts = excerpts;
  if (excerpts != NULL)
    {
      g_signal_connect_object (excerpts, "replacing", G_CALLBACK (list_changing_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (excerpts, "loaded", G_CALLBACK (list_loaded_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (excerpts, "notify::loading", G_CALLBACK (list_loaded_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_single_selection_set_model (self->list_selection, G_LIST_MODEL (excerpts));
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
  if (self->excerpts != NULL)
    g_signal_handlers_disconnect_by_data (self->excerpts, self);
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
  gtk_widget_class_bind_template_child (widget_class, CbExcerptsPane, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, excerpt_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, excerpt_source_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cb-excerpts-pane");
}

static void
cb_excerpts_pane_init (CbExcerptsPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The excerpts come with the store. */
  self->list_selection = g_object_new (GTK_TYPE_SINGLE_SELECTION,
                                       "autoselect", FALSE,
                                       "can-unselect", TRUE,
                                       NULL);
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
      set_list (self, store != NULL ? cb_lazy_list_new (store, CB_LIST_EXCERPTS) : NULL);
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
  g_return_if_fail (CB_IS_EXCERPTS_PANE (self));

  self->case_id = self->selection != NULL ? cb_selection_get_case_id (self->selection) : 0;

  if (self->excerpts != NULL)
    cb_lazy_list_load (self->excerpts, self->case_id);
  else
    list_loaded_cb (self);
}

GListModel *
cb_excerpts_pane_get_model (CbExcerptsPane *self)
{
  g_return_val_if_fail (CB_IS_EXCERPTS_PANE (self), NULL);
  return self->excerpts != NULL ? G_LIST_MODEL (self->excerpts) : NULL;
}
