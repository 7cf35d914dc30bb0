/* cb-cases-pane.c — the case files pane of the main window
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-cases-pane.h"

struct _CbCasesPane
{
  GtkWidget           parent_instance;

  CbStore            *store;
  CbSelection        *selection;

  GListStore         *cases;          /* CbCaseFile, as the store lists them */
  GListStore         *all_row;        /* one CbCaseFile with id 0: "All Case Files" */
  GtkSingleSelection *list_selection;
  gboolean            syncing;        /* the pane itself moves the list selection */

  /* Template widgets */
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkLabel           *empty_label;
};

G_DEFINE_FINAL_TYPE (CbCasesPane, cb_cases_pane, GTK_TYPE_WIDGET)

/* The row template in cb-cases-pane.ui sits in CDATA, which xgettext does not
 * read; its builder translates these at run time from the catalog. */
static const char * const row_template_strings[] G_GNUC_UNUSED = {
  N_("Suggested"),
  N_("Found by the extractor; not reviewed yet"),
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
case_subtitle_cb (gpointer    this_,
                  CbCaseFile *item)
{
  const char *subject;
  g_autofree char *events = NULL;

  if (item == NULL)
    return NULL;

  if (cb_case_file_get_id (item) == 0)
    return g_strdup (_("Every event and excerpt"));

  subject = cb_case_file_get_subject_name (item);
  events = g_strdup_printf (ngettext ("%'u event", "%'u events",
                                      cb_case_file_get_event_count (item)),
                            cb_case_file_get_event_count (item));

  if (subject == NULL || *subject == '\0'
      || g_strcmp0 (subject, cb_case_file_get_title (item)) == 0)
    /* Translators: status of a case file, then the number of events */
    return g_strdup_printf (_("%s · %s"),
                            cb_case_status_to_label (cb_case_file_get_status (item)),
                            events);

  /* Translators: subject of a case file, its status and the number of events */
  return g_strdup_printf (_("%s · %s · %s"), subject,
                          cb_case_status_to_label (cb_case_file_get_status (item)),
                          events);
}

static guint
find_position (CbCasesPane *self,
               gint64       case_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list_selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CbCaseFile) item = g_list_model_get_item (G_LIST_MODEL (self->list_selection), i);

      if (cb_case_file_get_id (item) == case_id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Shows the selection's case in the list without writing back to it. */
static void
sync_from_selection (CbCasesPane *self)
{
  guint pos;

  if (self->selection == NULL)
    return;

  pos = find_position (self, cb_selection_get_case_id (self->selection));

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->list_selection, pos);
  self->syncing = FALSE;

  if (pos != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", pos);
}

static void
list_selected_cb (CbCasesPane        *self,
                  GParamSpec         *pspec,
                  GtkSingleSelection *list_selection)
{
  CbCaseFile *item;

  if (self->syncing || self->selection == NULL)
    return;

  item = gtk_single_selection_get_selected_item (list_selection);
  if (item != NULL)
    cb_selection_select_case (self->selection, cb_case_file_get_id (item));
}

static void
case_id_changed_cb (CbCasesPane *self)
{
  sync_from_selection (self);
}

static void
cb_cases_pane_dispose (GObject *object)
{
  CbCasesPane *self = CB_CASES_PANE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_CASES_PANE);
  /* The template's top box is not a bound child: unparent it ourselves. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->store);
  g_clear_object (&self->selection);
  g_clear_object (&self->list_selection);
  g_clear_object (&self->cases);
  g_clear_object (&self->all_row);

  G_OBJECT_CLASS (cb_cases_pane_parent_class)->dispose (object);
}

static void
cb_cases_pane_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CbCasesPane *self = CB_CASES_PANE (object);

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
cb_cases_pane_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CbCasesPane *self = CB_CASES_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cb_cases_pane_set_store (self, g_value_get_object (value));
      break;
    case PROP_SELECTION:
      cb_cases_pane_set_selection (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_cases_pane_class_init (CbCasesPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_cases_pane_dispose;
  object_class->get_property = cb_cases_pane_get_property;
  object_class->set_property = cb_cases_pane_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, CB_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The row template names the type. */
  g_type_ensure (CB_TYPE_CASE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/casebook/Casebook/cb-cases-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, CbCasesPane, stack);
  gtk_widget_class_bind_template_child (widget_class, CbCasesPane, list_view);
  gtk_widget_class_bind_template_child (widget_class, CbCasesPane, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, case_subtitle_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cb-cases-pane");
}

static void
cb_cases_pane_init (CbCasesPane *self)
{
  g_autoptr(CbCaseFile) all = NULL;
  GListStore *models;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cases = g_list_store_new (CB_TYPE_CASE_FILE);
  self->all_row = g_list_store_new (CB_TYPE_CASE_FILE);
  all = cb_case_file_new (0, _("All Case Files"), 0, NULL, CB_CASE_STATUS_OPEN,
                          NULL, CB_REVIEW_ACCEPTED, 0, 0);
  g_list_store_append (self->all_row, all);

  /* "All" above the cases, one list for the keyboard. */
  models = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (models, self->all_row);
  g_list_store_append (models, self->cases);

  self->list_selection = gtk_single_selection_new (G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (models))));
  gtk_single_selection_set_autoselect (self->list_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->list_selection, TRUE);
  gtk_single_selection_set_selected (self->list_selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->list_selection, "notify::selected",
                           G_CALLBACK (list_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->list_selection));

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
cb_cases_pane_set_store (CbCasesPane *self,
                         CbStore     *store)
{
  g_return_if_fail (CB_IS_CASES_PANE (self));
  g_return_if_fail (store == NULL || CB_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      cb_cases_pane_reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
}

CbStore *
cb_cases_pane_get_store (CbCasesPane *self)
{
  g_return_val_if_fail (CB_IS_CASES_PANE (self), NULL);
  return self->store;
}

void
cb_cases_pane_set_selection (CbCasesPane *self,
                             CbSelection *selection)
{
  g_return_if_fail (CB_IS_CASES_PANE (self));
  g_return_if_fail (selection == NULL || CB_IS_SELECTION (selection));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    g_signal_connect_object (selection, "notify::case-id",
                             G_CALLBACK (case_id_changed_cb), self, G_CONNECT_SWAPPED);

  sync_from_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

CbSelection *
cb_cases_pane_get_selection (CbCasesPane *self)
{
  g_return_val_if_fail (CB_IS_CASES_PANE (self), NULL);
  return self->selection;
}

void
cb_cases_pane_reload (CbCasesPane *self)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CB_IS_CASES_PANE (self));

  if (self->store != NULL)
    {
      cases = cb_store_list_cases (self->store, &error);
      if (cases == NULL)
        g_warning ("Could not list the case files: %s", error->message);
    }

  self->syncing = TRUE;
  g_list_store_splice (self->cases, 0, g_list_model_get_n_items (G_LIST_MODEL (self->cases)),
                       cases != NULL ? cases->pdata : NULL,
                       cases != NULL ? cases->len : 0);
  self->syncing = FALSE;

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->cases)) > 0
                                    ? "list" : "empty");
  /* Articles without a case yet: importing more is not the only way on. */
  if (self->store != NULL && cb_store_count_articles (self->store) > 0)
    gtk_label_set_label (self->empty_label,
                         _("No case files yet — none of the articles names a person in a legal case"));
  else
    gtk_label_set_label (self->empty_label, _("No case files yet — import articles with Import…"));

  /* A case that went away (rejected, deleted) leaves nothing to filter by. */
  if (self->selection != NULL
      && find_position (self, cb_selection_get_case_id (self->selection)) == GTK_INVALID_LIST_POSITION)
    cb_selection_select_case (self->selection, 0);

  sync_from_selection (self);
}

GListModel *
cb_cases_pane_get_model (CbCasesPane *self)
{
  g_return_val_if_fail (CB_IS_CASES_PANE (self), NULL);
  return G_LIST_MODEL (self->cases);
}
