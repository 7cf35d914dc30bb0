/* cb-event-dialog.h — edit an event: its description and its date
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cb-event.h"

G_BEGIN_DECLS

#define CB_TYPE_EVENT_DIALOG (cb_event_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CbEventDialog, cb_event_dialog, CB, EVENT_DIALOG, GtkDialog)

/* A modal dialog over @parent showing @event.  It answers
 * GTK_RESPONSE_ACCEPT, whose Save button is sensitive only when the date is
 * valid (a day within its month, the end of "between" not before its start). */
CbEventDialog *cb_event_dialog_new             (GtkWindow     *parent,
                                                CbEvent       *event);
gint64         cb_event_dialog_get_event_id    (CbEventDialog *self);
/* The description typed, newly allocated. */
char          *cb_event_dialog_dup_description (CbEventDialog *self);
void           cb_event_dialog_set_description (CbEventDialog *self,
                                                const char    *description);
/* Fills @date (value NULL) from the fields; FALSE when they are not valid. */
gboolean       cb_event_dialog_get_date        (CbEventDialog *self,
                                                CbFuzzyDate   *date);
/* Whether the fields give another date than the event had. */
gboolean       cb_event_dialog_get_date_changed (CbEventDialog *self);
/* Sets the fields: @end_* are used for CB_QUALIFIER_BETWEEN only; months
 * are 1–12. */
void           cb_event_dialog_set_fields      (CbEventDialog *self,
                                                CbQualifier    qualifier,
                                                CbPrecision    precision,
                                                int            year,
                                                int            month,
                                                int            day,
                                                int            end_year,
                                                int            end_month,
                                                int            end_day);
/* Why Save is insensitive, or NULL. */
const char    *cb_event_dialog_get_problem     (CbEventDialog *self);

/* The date fields' helpers, shared with the article date dialog. */
GtkWidget     *_cb_month_drop_down_new         (void);

G_END_DECLS
