/* cb-event-dialog.c — edit an event: its description and its date
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-event-dialog.h"

/* The precision drop-down's items, in order. */
static const CbPrecision precisions[] = {
  CB_PRECISION_DAY, CB_PRECISION_MONTH, CB_PRECISION_YEAR, CB_PRECISION_DECADE,
};

typedef struct
{
  GtkWidget *box;
  GtkSpinButton *year;
  GtkDropDown   *month;    /* 0 = January */
  GtkSpinButton *day;
} DateFields;

struct _CbEventDialog
{
  GtkDialog      parent_instance;

  gint64         event_id;
  CbFuzzyDate    initial;      /* what the fields gave when the dialog opened */
  gboolean       had_date;
  char          *problem;

  GtkTextBuffer *description;
  GtkDropDown   *qualifier;
  GtkDropDown   *precision;
  DateFields     start;
  DateFields     end;
  GtkWidget     *end_label;
  GtkLabel      *problem_label;
};

G_DEFINE_FINAL_TYPE (CbEventDialog, cb_event_dialog, GTK_TYPE_DIALOG)

GtkWidget *
_cb_month_drop_down_new (void)
{
  const char *months[] = {
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
  };
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    gtk_string_list_append (strings, _(months[i]));
  return gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&strings)), NULL);
}

static GtkWidget *
drop_down_new (const char * const *items)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  for (guint i = 0; items[i] != NULL; i++)
    gtk_string_list_append (strings, items[i]);
  return gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&strings)), NULL);
}

static void
label_widget (GtkWidget  *widget,
              const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static CbPrecision
current_precision (CbEventDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->precision);

  return i < G_N_ELEMENTS (precisions) ? precisions[i] : CB_PRECISION_DAY;
}

/* The first and last day of the interval the fields @f name at @precision;
 * FALSE (with self->problem set) when the day is not in the month. */
static gboolean
fields_interval (CbEventDialog *self,
                 DateFields    *f,
                 CbPrecision    precision,
                 guint32       *first,
                 guint32       *last)
{
  int year = gtk_spin_button_get_value_as_int (f->year);
  GDateMonth month = gtk_drop_down_get_selected (f->month) + 1;
  int day = gtk_spin_button_get_value_as_int (f->day);
  GDate date;

  if (month < G_DATE_JANUARY || month > G_DATE_DECEMBER)
    month = G_DATE_JANUARY;
  if (!g_date_valid_year (year))
    {
      g_free (self->problem);
      self->problem = g_strdup (_("The year must be between 1 and 9999"));
      return FALSE;
    }

  switch (precision)
    {
    case CB_PRECISION_DAY:
      if (day < 1 || day > g_date_get_days_in_month (month, year))
        {
          g_free (self->problem);
          /* Translators: %d is a number of days */
          self->problem = g_strdup_printf (_("That month has %d days"),
                                           g_date_get_days_in_month (month, year));
          return FALSE;
        }
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, day, month, year);
      *first = *last = g_date_get_julian (&date);
      break;
    case CB_PRECISION_MONTH:
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, month, year);
      *first = g_date_get_julian (&date);
      *last = *first + g_date_get_days_in_month (month, year) - 1;
      break;
    case CB_PRECISION_DECADE:
      year -= year % 10;
      if (year < 1)
        year = 1;
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, year);
      *first = g_date_get_julian (&date);
      g_date_set_dmy (&date, 31, G_DATE_DECEMBER, MIN (year - year % 10 + 9, 9999));
      *last = g_date_get_julian (&date);
      break;
    case CB_PRECISION_YEAR:
    default:
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, year);
      *first = g_date_get_julian (&date);
      g_date_set_dmy (&date, 31, G_DATE_DECEMBER, year);
      *last = g_date_get_julian (&date);
      break;
    }
  return TRUE;
}

static gboolean
compute_date (CbEventDialog *self,
              CbFuzzyDate   *date)
{
  CbPrecision precision = current_precision (self);
  CbQualifier qualifier = gtk_drop_down_get_selected (self->qualifier);
  guint32 first, last, end_first, end_last;

  g_clear_pointer (&self->problem, g_free);
  if (qualifier > CB_QUALIFIER_BETWEEN)
    qualifier = CB_QUALIFIER_ON;

  if (!fields_interval (self, &self->start, precision, &first, &last))
    return FALSE;
  if (qualifier == CB_QUALIFIER_BETWEEN)
    {
      if (!fields_interval (self, &self->end, precision, &end_first, &end_last))
        return FALSE;
      if (end_last < last)
        {
          self->problem = g_strdup (_("The end of the period must not be before its start"));
          return FALSE;
        }
      last = end_last;
    }

  memset (date, 0, sizeof *date);
  date->precision = precision;
  date->qualifier = qualifier;
  date->anchor = CB_ANCHOR_ABSOLUTE;
  date->earliest = first;
  date->latest = last;
  return TRUE;
}

static void
update (CbEventDialog *self)
{
  CbPrecision precision = current_precision (self);
  gboolean between = gtk_drop_down_get_selected (self->qualifier) == CB_QUALIFIER_BETWEEN;
  CbFuzzyDate date;
  gboolean valid;

  for (int i = 0; i < 2; i++)
    {
      DateFields *f = i == 0 ? &self->start : &self->end;

      gtk_widget_set_sensitive (GTK_WIDGET (f->month), precision == CB_PRECISION_DAY ||
                                                      precision == CB_PRECISION_MONTH);
      gtk_widget_set_sensitive (GTK_WIDGET (f->day), precision == CB_PRECISION_DAY);
    }
  gtk_widget_set_visible (self->end.box, between);
  gtk_widget_set_visible (self->end_label, between);

  valid = compute_date (self, &date);
  gtk_label_set_text (self->problem_label, self->problem != NULL ? self->problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), self->problem != NULL);
  gtk_dialog_set_response_sensitive (GTK_DIALOG (self), GTK_RESPONSE_ACCEPT, valid);
}

static void
date_fields_init (CbEventDialog *self,
                  DateFields    *f,
                  gboolean       end)
{
  f->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  f->year = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 9999, 1));
  f->month = GTK_DROP_DOWN (_cb_month_drop_down_new ());
  f->day = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 31, 1));
  gtk_spin_button_set_numeric (f->year, TRUE);
  gtk_spin_button_set_numeric (f->day, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (f->year), 5);
  gtk_editable_set_width_chars (GTK_EDITABLE (f->day), 2);

  label_widget (GTK_WIDGET (f->year), end ? _("Year of the end") : _("Year"));
  label_widget (GTK_WIDGET (f->month), end ? _("Month of the end") : _("Month"));
  label_widget (GTK_WIDGET (f->day), end ? _("Day of the end") : _("Day"));

  gtk_box_append (GTK_BOX (f->box), GTK_WIDGET (f->day));
  gtk_box_append (GTK_BOX (f->box), GTK_WIDGET (f->month));
  gtk_box_append (GTK_BOX (f->box), GTK_WIDGET (f->year));

  g_signal_connect_object (f->year, "value-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (f->day, "value-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (f->month, "notify::selected", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
}

static void
set_date_fields (DateFields *f,
                 int         year,
                 int         month,
                 int         day)
{
  gtk_spin_button_set_value (f->year, CLAMP (year, 1, 9999));
  gtk_drop_down_set_selected (f->month, CLAMP (month, 1, 12) - 1);
  gtk_spin_button_set_value (f->day, CLAMP (day, 1, 31));
}

static void
set_from_julian (DateFields *f,
                 guint32     julian)
{
  GDate date;

  g_date_clear (&date, 1);
  if (julian == 0 || !g_date_valid_julian (julian))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      set_date_fields (f, g_date_time_get_year (now), g_date_time_get_month (now),
                       g_date_time_get_day_of_month (now));
      return;
    }
  g_date_set_julian (&date, julian);
  set_date_fields (f, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
}

static GtkWidget *
grid_label (GtkGrid    *grid,
            const char *text,
            GtkWidget  *mnemonic_widget,
            int         row)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
  if (mnemonic_widget != NULL)
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic_widget);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  return label;
}

static void
build (CbEventDialog *self,
       CbEvent       *event)
{
  const char *qualifiers[] = { C_("date", "On"), C_("date", "Around"), C_("date", "Before"),
                               C_("date", "After"), C_("date", "Between"), NULL };
  const char *precision_names[] = { _("Day"), _("Month"), _("Year"), _("Decade"), NULL };
  const CbFuzzyDate *date = cb_event_get_date (event);
  GtkWidget *content = gtk_dialog_get_content_area (GTK_DIALOG (self));
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *label, *written;
  const char *date_text = cb_event_get_date_text (event);
  g_autofree char *read_as = cb_fuzzy_date_format (date);
  g_autofree char *written_text = NULL;
  guint precision_index = 2;

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Event"));
  gtk_grid_set_row_spacing (grid, 12);
  gtk_grid_set_column_spacing (grid, 12);
  gtk_widget_set_margin_top (GTK_WIDGET (grid), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (grid), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (grid), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (grid), 18);
  gtk_widget_set_vexpand (GTK_WIDGET (grid), TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (grid));

  /* The description. */
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  self->description = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (self->description, cb_event_get_description (event) != NULL
                                               ? cb_event_get_description (event) : "", -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, 380, 96);
  gtk_widget_set_hexpand (scrolled, TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  label = grid_label (grid, _("_Description"), view, 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 6);
  gtk_grid_attach (grid, scrolled, 1, 0, 1, 1);

  /* How the article wrote it, read-only. */
  if (date_text != NULL && *date_text != '\0')
    /* Translators: the date as the article wrote it, then how it was read */
    written_text = g_strdup_printf (_("“%s” (read as %s)"), date_text, read_as);
  else
    written_text = g_strdup_printf (_("Not written in the article (read as %s)"), read_as);
  written = gtk_label_new (written_text);
  gtk_label_set_xalign (GTK_LABEL (written), 0);
  gtk_label_set_wrap (GTK_LABEL (written), TRUE);
  gtk_label_set_selectable (GTK_LABEL (written), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (written), 48);
  label = grid_label (grid, _("As written"), NULL, 1);
  gtk_grid_attach (grid, written, 1, 1, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (written), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);

  /* Qualifier and precision. */
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *precision_label;

    self->qualifier = GTK_DROP_DOWN (drop_down_new (qualifiers));
    self->precision = GTK_DROP_DOWN (drop_down_new (precision_names));
    label_widget (GTK_WIDGET (self->qualifier), _("Qualifier"));
    label_widget (GTK_WIDGET (self->precision), _("Precision"));
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->qualifier));
    precision_label = gtk_label_new_with_mnemonic (_("_Precision"));
    gtk_widget_add_css_class (precision_label, "dim-label");
    gtk_widget_set_margin_start (precision_label, 12);
    gtk_label_set_mnemonic_widget (GTK_LABEL (precision_label), GTK_WIDGET (self->precision));
    gtk_box_append (GTK_BOX (box), precision_label);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->precision));
    grid_label (grid, _("_Date"), GTK_WIDGET (self->qualifier), 2);
    gtk_grid_attach (grid, box, 1, 2, 1, 1);
  }

  /* The date, and the end of a period. */
  date_fields_init (self, &self->start, FALSE);
  date_fields_init (self, &self->end, TRUE);
  gtk_grid_attach (grid, self->start.box, 1, 3, 1, 1);
  self->end_label = grid_label (grid, C_("date", "and"), NULL, 4);
  gtk_grid_attach (grid, self->end.box, 1, 4, 1, 1);

  self->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->problem_label, 0);
  gtk_label_set_wrap (self->problem_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
  gtk_grid_attach (grid, GTK_WIDGET (self->problem_label), 1, 5, 1, 1);

  /* The event's date in the fields. */
  self->had_date = date != NULL && date->precision != CB_PRECISION_NONE && date->earliest != 0;
  if (self->had_date)
    {
      switch (date->precision)
        {
        case CB_PRECISION_DAY: case CB_PRECISION_WEEK: precision_index = 0; break;
        case CB_PRECISION_MONTH: case CB_PRECISION_SEASON: precision_index = 1; break;
        case CB_PRECISION_DECADE: precision_index = 3; break;
        default: precision_index = 2; break;
        }
      gtk_drop_down_set_selected (self->qualifier, MIN (date->qualifier, CB_QUALIFIER_BETWEEN));
      set_from_julian (&self->start, date->earliest);
      set_from_julian (&self->end, date->latest);
    }
  else
    {
      set_from_julian (&self->start, 0);
      set_from_julian (&self->end, 0);
    }
  gtk_drop_down_set_selected (self->precision, precision_index);

  g_signal_connect_object (self->qualifier, "notify::selected", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->precision, "notify::selected", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  gtk_dialog_add_button (GTK_DIALOG (self), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_widget_add_css_class (gtk_dialog_add_button (GTK_DIALOG (self), _("_Save"), GTK_RESPONSE_ACCEPT),
                            "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (self), GTK_RESPONSE_ACCEPT);

  update (self);
  if (!compute_date (self, &self->initial))
    memset (&self->initial, 0, sizeof self->initial);
  update (self);
  gtk_widget_grab_focus (view);
}

static void
cb_event_dialog_finalize (GObject *object)
{
  CbEventDialog *self = CB_EVENT_DIALOG (object);

  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (cb_event_dialog_parent_class)->finalize (object);
}

static void
cb_event_dialog_class_init (CbEventDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cb_event_dialog_finalize;
}

static void
cb_event_dialog_init (CbEventDialog *self)
{
}

CbEventDialog *
cb_event_dialog_new (GtkWindow *parent,
                     CbEvent   *event)
{
  CbEventDialog *self;

  g_return_val_if_fail (CB_IS_EVENT (event), NULL);

  self = g_object_new (CB_TYPE_EVENT_DIALOG,
                       "use-header-bar", TRUE,
                       "modal", TRUE,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->event_id = cb_event_get_id (event);
  build (self, event);
  return self;
}

gint64
cb_event_dialog_get_event_id (CbEventDialog *self)
{
  g_return_val_if_fail (CB_IS_EVENT_DIALOG (self), 0);
  return self->event_id;
}

char *
cb_event_dialog_dup_description (CbEventDialog *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (CB_IS_EVENT_DIALOG (self), NULL);

  gtk_text_buffer_get_bounds (self->description, &start, &end);
  return gtk_text_buffer_get_text (self->description, &start, &end, FALSE);
}

void
cb_event_dialog_set_description (CbEventDialog *self,
                                 const char    *description)
{
  g_return_if_fail (CB_IS_EVENT_DIALOG (self));
  gtk_text_buffer_set_text (self->description, description != NULL ? description : "", -1);
}

gboolean
cb_event_dialog_get_date (CbEventDialog *self,
                          CbFuzzyDate   *date)
{
  g_return_val_if_fail (CB_IS_EVENT_DIALOG (self), FALSE);
  return compute_date (self, date);
}

gboolean
cb_event_dialog_get_date_changed (CbEventDialog *self)
{
  CbFuzzyDate date;

  g_return_val_if_fail (CB_IS_EVENT_DIALOG (self), FALSE);

  if (!compute_date (self, &date))
    return FALSE;
  return date.precision != self->initial.precision ||
         date.qualifier != self->initial.qualifier ||
         date.earliest != self->initial.earliest ||
         date.latest != self->initial.latest;
}

void
cb_event_dialog_set_fields (CbEventDialog *self,
                            CbQualifier    qualifier,
                            CbPrecision    precision,
                            int            year,
                            int            month,
                            int            day,
                            int            end_year,
                            int            end_month,
                            int            end_day)
{
  g_return_if_fail (CB_IS_EVENT_DIALOG (self));

  gtk_drop_down_set_selected (self->qualifier, qualifier);
  for (guint i = 0; i < G_N_ELEMENTS (precisions); i++)
    if (precisions[i] == precision)
      gtk_drop_down_set_selected (self->precision, i);
  set_date_fields (&self->start, year, month, day);
  set_date_fields (&self->end, end_year, end_month, end_day);
  update (self);
}

const char *
cb_event_dialog_get_problem (CbEventDialog *self)
{
  g_return_val_if_fail (CB_IS_EVENT_DIALOG (self), NULL);
  return self->problem;
}
