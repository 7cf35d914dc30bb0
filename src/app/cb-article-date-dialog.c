/* cb-article-date-dialog.c — set the date an article was published
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-article-date-dialog.h"
#include "cb-event-dialog.h"

struct _CbArticleDateDialog
{
  GtkDialog      parent_instance;

  gint64         article_id;
  GtkSpinButton *year;
  GtkDropDown   *month;
  GtkSpinButton *day;
  GtkLabel      *problem;
};

G_DEFINE_FINAL_TYPE (CbArticleDateDialog, cb_article_date_dialog, GTK_TYPE_DIALOG)

static void
update (CbArticleDateDialog *self)
{
  GDate date;
  gboolean valid = cb_article_date_dialog_get_date (self, &date);

  gtk_widget_set_visible (GTK_WIDGET (self->problem), !valid);
  gtk_dialog_set_response_sensitive (GTK_DIALOG (self), GTK_RESPONSE_ACCEPT, valid);
}

static void
cb_article_date_dialog_class_init (CbArticleDateDialogClass *klass)
{
}

static void
cb_article_date_dialog_init (CbArticleDateDialog *self)
{
}

static void
build (CbArticleDateDialog *self,
       const char          *title)
{
  GtkWidget *content = gtk_dialog_get_content_area (GTK_DIALOG (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *fields = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label, *about;
  g_autofree char *about_text = NULL;

  gtk_window_set_title (GTK_WINDOW (self), _("Set Article Date"));
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_box_append (GTK_BOX (content), box);

  self->year = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 9999, 1));
  self->month = GTK_DROP_DOWN (_cb_month_drop_down_new ());
  self->day = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 31, 1));
  gtk_spin_button_set_numeric (self->year, TRUE);
  gtk_spin_button_set_numeric (self->day, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->year), 5);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->day), 2);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->year), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Year"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->month), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Month"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->day), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Day"), -1);

  label = gtk_label_new_with_mnemonic (_("_Published on"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->day));
  gtk_box_append (GTK_BOX (box), label);

  gtk_box_append (GTK_BOX (fields), GTK_WIDGET (self->day));
  gtk_box_append (GTK_BOX (fields), GTK_WIDGET (self->month));
  gtk_box_append (GTK_BOX (fields), GTK_WIDGET (self->year));
  gtk_box_append (GTK_BOX (box), fields);

  self->problem = GTK_LABEL (gtk_label_new (_("That month does not have so many days")));
  gtk_label_set_xalign (self->problem, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem), "error");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->problem));

  /* Translators: %s is an article's title */
  about_text = g_strdup_printf (_("Dates in “%s” such as “last week” or “on Tuesday” "
                                  "are read again from this date."), title != NULL ? title : "");
  about = gtk_label_new (about_text);
  gtk_label_set_xalign (GTK_LABEL (about), 0);
  gtk_label_set_wrap (GTK_LABEL (about), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (about), 40);
  gtk_widget_add_css_class (about, "dim-label");
  gtk_widget_set_margin_top (about, 6);
  gtk_box_append (GTK_BOX (box), about);

  gtk_dialog_add_button (GTK_DIALOG (self), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_widget_add_css_class (gtk_dialog_add_button (GTK_DIALOG (self), _("_Set Date"), GTK_RESPONSE_ACCEPT),
                            "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (self), GTK_RESPONSE_ACCEPT);

  g_signal_connect_object (self->year, "value-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->day, "value-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->month, "notify::selected", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
}

CbArticleDateDialog *
cb_article_date_dialog_new (GtkWindow   *parent,
                            gint64       article_id,
                            const char  *title,
                            const GDate *date)
{
  CbArticleDateDialog *self;

  self = g_object_new (CB_TYPE_ARTICLE_DATE_DIALOG,
                       "use-header-bar", TRUE,
                       "modal", TRUE,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "resizable", FALSE,
                       NULL);
  self->article_id = article_id;
  build (self, title);

  if (date != NULL && g_date_valid (date))
    cb_article_date_dialog_set_fields (self, g_date_get_year (date), g_date_get_month (date),
                                       g_date_get_day (date));
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      cb_article_date_dialog_set_fields (self, g_date_time_get_year (now), g_date_time_get_month (now),
                                         g_date_time_get_day_of_month (now));
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->day));
  return self;
}

gint64
cb_article_date_dialog_get_article_id (CbArticleDateDialog *self)
{
  g_return_val_if_fail (CB_IS_ARTICLE_DATE_DIALOG (self), 0);
  return self->article_id;
}

gboolean
cb_article_date_dialog_get_date (CbArticleDateDialog *self,
                                 GDate               *date)
{
  int year = gtk_spin_button_get_value_as_int (self->year);
  int month = (int) gtk_drop_down_get_selected (self->month) + 1;
  int day = gtk_spin_button_get_value_as_int (self->day);

  g_return_val_if_fail (CB_IS_ARTICLE_DATE_DIALOG (self), FALSE);

  g_date_clear (date, 1);
  if (month < 1 || month > 12 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

void
cb_article_date_dialog_set_fields (CbArticleDateDialog *self,
                                   int                  year,
                                   int                  month,
                                   int                  day)
{
  g_return_if_fail (CB_IS_ARTICLE_DATE_DIALOG (self));

  gtk_spin_button_set_value (self->year, CLAMP (year, 1, 9999));
  gtk_drop_down_set_selected (self->month, CLAMP (month, 1, 12) - 1);
  gtk_spin_button_set_value (self->day, CLAMP (day, 1, 31));
  update (self);
}
