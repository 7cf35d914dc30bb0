/* cb-print.c — printing a case summary: the print dialog, its preview
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-application.h"

#include "cb-print.h"
#include "cb-summary.h"
#include "cb-summary-render.h"

struct _CbPrintOperation
{
  GtkPrintOperation parent_instance;

  CbStore *store;
  gint64 case_id;
  gboolean include_suggestions;
  CbPaper paper;                       /* when the print system gives no page setup */
  GtkCheckButton *suggestions_check;   /* on the dialog's tab, while it is shown */
  CbSummaryRender *render;
  GError *error;

  /* The preview window. */
  GtkPrintOperationPreview *preview;
  GtkWidget *preview_area;
  GtkLabel *preview_label;
  guint preview_page;
};

G_DEFINE_FINAL_TYPE (CbPrintOperation, cb_print_operation, GTK_TYPE_PRINT_OPERATION)

/* The printer settings and page setup of the last print, for the next. */
static GtkPrintSettings *last_settings;
static GtkPageSetup *last_page_setup;

static char *
settings_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "casebook", name, NULL);
}

static void
load_settings (void)
{
  g_autofree char *settings_file = settings_path ("print-settings.ini");
  g_autofree char *page_file = settings_path ("page-setup.ini");

  if (last_settings == NULL)
    last_settings = gtk_print_settings_new_from_file (settings_file, NULL);
  if (last_page_setup == NULL)
    last_page_setup = gtk_page_setup_new_from_file (page_file, NULL);
}

static void
save_settings (GtkPrintOperation *operation)
{
  g_autofree char *settings_file = settings_path ("print-settings.ini");
  g_autofree char *page_file = settings_path ("page-setup.ini");
  g_autofree char *dir = g_path_get_dirname (settings_file);
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
  GtkPageSetup *page_setup = gtk_print_operation_get_default_page_setup (operation);

  if (settings != NULL)
    g_set_object (&last_settings, settings);
  if (page_setup != NULL)
    g_set_object (&last_page_setup, page_setup);

  /* Not being able to remember them is no reason to bother anyone. */
  g_mkdir_with_parents (dir, 0700);
  if (last_settings != NULL)
    gtk_print_settings_to_file (last_settings, settings_file, NULL);
  if (last_page_setup != NULL)
    gtk_page_setup_to_file (last_page_setup, page_file, NULL);
}

/* Reads the case and lays it out on @page_setup's paper, inside its
 * printable area and never closer to the edge than the summary's margins. */
static gboolean
prepare_render (CbPrintOperation *self,
                GtkPageSetup     *page_setup)
{
  g_autoptr(CbSummary) summary = cb_summary_new (NULL, self->include_suggestions);
  double width, height;
  double top = 0, right = 0, bottom = 0, left = 0;

  g_clear_object (&self->render);
  g_clear_error (&self->error);

  if (!cb_summary_add_case (summary, self->store, self->case_id, &self->error))
    return FALSE;

  cb_paper_get_size (self->paper, &width, &height);
  if (page_setup != NULL)
    {
      width = gtk_page_setup_get_paper_width (page_setup, GTK_UNIT_POINTS);
      height = gtk_page_setup_get_paper_height (page_setup, GTK_UNIT_POINTS);
      if (gtk_page_setup_get_orientation (page_setup) == GTK_PAGE_ORIENTATION_LANDSCAPE
          || gtk_page_setup_get_orientation (page_setup) == GTK_PAGE_ORIENTATION_REVERSE_LANDSCAPE)
        {
          double swap = width;

          width = height;
          height = swap;
        }
      top = gtk_page_setup_get_top_margin (page_setup, GTK_UNIT_POINTS);
      right = gtk_page_setup_get_right_margin (page_setup, GTK_UNIT_POINTS);
      bottom = gtk_page_setup_get_bottom_margin (page_setup, GTK_UNIT_POINTS);
      left = gtk_page_setup_get_left_margin (page_setup, GTK_UNIT_POINTS);
    }

  self->render = cb_summary_render_new (summary);
  cb_summary_render_set_page (self->render, width, height, top, right, bottom, left);
  cb_summary_render_paginate (self->render);

  return TRUE;
}

/* ---- the preview window --------------------------------------------------- */

static void
preview_draw_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  CbPrintOperation *self = user_data;
  double page_width, page_height, scale, x, y;

  if (self->render == NULL)
    return;

  cairo_set_source_rgb (cr, 0.82, 0.83, 0.85);
  cairo_paint (cr);

  /* The whole page, as large as fits, centred. */
  cb_summary_render_get_page_size (self->render, &page_width, &page_height);
  scale = MIN ((width - 32.0) / page_width, (height - 32.0) / page_height);
  x = (width - page_width * scale) / 2.0;
  y = (height - page_height * scale) / 2.0;

  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_rectangle (cr, x + 2, y + 3, page_width * scale, page_height * scale);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, page_width * scale, page_height * scale);
  cairo_fill (cr);

  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cb_summary_render_draw_page (self->render, cr, self->preview_page);
}

static void
preview_show_page (CbPrintOperation *self,
                   int               delta)
{
  guint n_pages = self->render != NULL ? cb_summary_render_get_n_pages (self->render) : 1;
  g_autofree char *label = NULL;

  if (delta < 0 && self->preview_page > 0)
    self->preview_page--;
  else if (delta > 0 && self->preview_page + 1 < n_pages)
    self->preview_page++;

  label = g_strdup_printf (_("Page %'u of %'u"), self->preview_page + 1, n_pages);
  gtk_label_set_label (self->preview_label, label);
  gtk_widget_queue_draw (self->preview_area);
}

static void
previous_page_cb (CbPrintOperation *self)
{
  preview_show_page (self, -1);
}

static void
next_page_cb (CbPrintOperation *self)
{
  preview_show_page (self, 1);
}

static gboolean
preview_close_cb (GtkWindow        *window,
                  CbPrintOperation *self)
{
  if (self->preview != NULL)
    gtk_print_operation_preview_end_preview (g_steal_pointer (&self->preview));
  self->preview_area = NULL;
  self->preview_label = NULL;
  g_object_unref (self);

  return FALSE;
}

static gboolean
cb_print_operation_preview (GtkPrintOperation        *operation,
                            GtkPrintOperationPreview *preview,
                            GtkPrintContext          *context,
                            GtkWindow                *parent)
{
  CbPrintOperation *self = CB_PRINT_OPERATION (operation);
  GtkWidget *window, *header, *box, *button;
  GtkPageSetup *page_setup = gtk_print_context_get_page_setup (context);
  const char *title;

  if (!prepare_render (self, page_setup != NULL ? page_setup
                                                : gtk_print_operation_get_default_page_setup (operation)))
    {
      gtk_print_operation_preview_end_preview (preview);
      return TRUE;
    }

  self->preview = preview;
  self->preview_page = 0;

  /* GTK insists on a cairo context for a preview it does not draw; the
   * window below draws the pages with the renderer itself. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t *cr = cairo_create (surface);

    gtk_print_context_set_cairo_context (context, cr, 72, 72);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  window = gtk_window_new ();
  title = _("Print Preview");
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 900);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), parent);
      gtk_window_set_modal (GTK_WINDOW (window), TRUE);
    }

  header = gtk_header_bar_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (button, _("Previous page"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (previous_page_cb), self);
  gtk_box_append (GTK_BOX (box), button);
  self->preview_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_width_chars (self->preview_label, 14);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->preview_label));
  button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_tooltip_text (button, _("Next page"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (next_page_cb), self);
  gtk_box_append (GTK_BOX (box), button);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), box);
  gtk_window_set_titlebar (GTK_WINDOW (window), header);

  self->preview_area = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->preview_area), preview_draw_cb, self, NULL);
  gtk_window_set_child (GTK_WINDOW (window), self->preview_area);

  /* The window keeps the operation until it is closed. */
  g_object_ref (self);
  g_signal_connect (window, "close-request", G_CALLBACK (preview_close_cb), self);

  preview_show_page (self, 0);
  gtk_window_present (GTK_WINDOW (window));

  return TRUE;
}

/* ---- printing --------------------------------------------------------------- */

static GtkWidget *
cb_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  CbPrintOperation *self = CB_PRINT_OPERATION (operation);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *check = gtk_check_button_new_with_mnemonic (_("Include _suggestions"));
  GtkWidget *hint = gtk_label_new (_("Events nobody has reviewed yet are printed too, marked as suggested."));

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), self->include_suggestions);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_set_margin_start (hint, 28);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), hint);

  self->suggestions_check = GTK_CHECK_BUTTON (check);
  g_object_add_weak_pointer (G_OBJECT (check), (gpointer *) &self->suggestions_check);

  return box;
}

static void
cb_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                        GtkWidget         *widget)
{
  CbPrintOperation *self = CB_PRINT_OPERATION (operation);

  if (self->suggestions_check != NULL)
    self->include_suggestions = gtk_check_button_get_active (self->suggestions_check);
}

static void
cb_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  CbPrintOperation *self = CB_PRINT_OPERATION (operation);

  if (!prepare_render (self, gtk_print_context_get_page_setup (context)))
    {
      gtk_print_operation_cancel (operation);
      return;
    }

  gtk_print_operation_set_n_pages (operation, (int) cb_summary_render_get_n_pages (self->render));
}

static void
cb_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  CbPrintOperation *self = CB_PRINT_OPERATION (operation);

  if (self->render != NULL && page_nr >= 0)
    cb_summary_render_draw_page (self->render, gtk_print_context_get_cairo_context (context),
                                 (guint) page_nr);
}

static void
cb_print_operation_finalize (GObject *object)
{
  CbPrintOperation *self = CB_PRINT_OPERATION (object);

  if (self->suggestions_check != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->suggestions_check),
                                  (gpointer *) &self->suggestions_check);
  g_clear_object (&self->store);
  g_clear_object (&self->render);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (cb_print_operation_parent_class)->finalize (object);
}

static void
cb_print_operation_class_init (CbPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = cb_print_operation_finalize;
  print_class->begin_print = cb_print_operation_begin_print;
  print_class->draw_page = cb_print_operation_draw_page;
  print_class->create_custom_widget = cb_print_operation_create_custom_widget;
  print_class->custom_widget_apply = cb_print_operation_custom_widget_apply;
  print_class->preview = cb_print_operation_preview;
}

static void
cb_print_operation_init (CbPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  /* The renderer keeps its own margins, inside the printer's. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_custom_tab_label (operation, _("Summary"));
  self->paper = cb_paper_get_default ();
}

/* ---- public API -------------------------------------------------------------- */

CbPrintOperation *
cb_print_operation_new (CbStore *store,
                        gint64   case_id)
{
  CbPrintOperation *self;

  g_return_val_if_fail (CB_IS_STORE (store), NULL);

  self = g_object_new (CB_TYPE_PRINT_OPERATION, NULL);
  self->store = g_object_ref (store);
  self->case_id = case_id;

  return self;
}

gboolean
cb_print_operation_get_include_suggestions (CbPrintOperation *self)
{
  g_return_val_if_fail (CB_IS_PRINT_OPERATION (self), FALSE);

  return self->include_suggestions;
}

void
cb_print_operation_set_include_suggestions (CbPrintOperation *self,
                                            gboolean          include_suggestions)
{
  g_return_if_fail (CB_IS_PRINT_OPERATION (self));

  self->include_suggestions = !!include_suggestions;
}

CbPaper
cb_print_operation_get_paper (CbPrintOperation *self)
{
  g_return_val_if_fail (CB_IS_PRINT_OPERATION (self), CB_PAPER_A4);

  return self->paper;
}

void
cb_print_operation_set_paper (CbPrintOperation *self,
                              CbPaper           paper)
{
  GtkPrintOperation *operation;
  GtkPageSetup *current;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autoptr(GtkPrintSettings) settings = NULL;
  GtkPaperSize *size;

  g_return_if_fail (CB_IS_PRINT_OPERATION (self));

  operation = GTK_PRINT_OPERATION (self);
  self->paper = paper;
  size = gtk_paper_size_new (paper == CB_PAPER_LETTER ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);

  /* The rest of the page setup (orientation, margins) stays as it was. */
  current = gtk_print_operation_get_default_page_setup (operation);
  page_setup = current != NULL ? gtk_page_setup_copy (current) : gtk_page_setup_new ();
  gtk_page_setup_set_paper_size (page_setup, size);
  gtk_print_operation_set_default_page_setup (operation, page_setup);

  if (gtk_print_operation_get_print_settings (operation) != NULL)
    settings = gtk_print_settings_copy (gtk_print_operation_get_print_settings (operation));
  else
    settings = gtk_print_settings_new ();
  gtk_print_settings_set_paper_size (settings, size);
  gtk_print_operation_set_print_settings (operation, settings);

  gtk_paper_size_free (size);
}

void
cb_print_case (GtkWindow *parent,
               CbStore   *store,
               gint64     case_id)
{
  g_autoptr(CbPrintOperation) self = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CbCaseFile) case_file = NULL;
  GtkPrintOperationResult result;
  GtkWidget *dialog;

  g_return_if_fail (CB_IS_STORE (store));

  self = cb_print_operation_new (store, case_id);
  case_file = cb_store_get_case (store, case_id, NULL);
  /* Also the name "Print to File" proposes. */
  if (case_file != NULL)
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), cb_case_file_get_title (case_file));

  load_settings ();
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), last_settings);
  if (last_page_setup != NULL)
    gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), last_page_setup);
  /* The paper of the preferences, whatever the last print used. */
  cb_print_operation_set_paper (self, cb_application_get_paper (parent != NULL
                                                                ? gtk_window_get_application (parent)
                                                                : NULL));

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    save_settings (GTK_PRINT_OPERATION (self));

  if (error == NULL && self->error != NULL)
    error = g_steal_pointer (&self->error);
  if (result != GTK_PRINT_OPERATION_RESULT_ERROR && error == NULL)
    return;

  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   _("The case summary could not be printed"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            error != NULL ? error->message : _("The printer reported an error."));
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}
