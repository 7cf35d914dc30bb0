/* cb-article-date-dialog.h — set the date an article was published
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CB_TYPE_ARTICLE_DATE_DIALOG (cb_article_date_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CbArticleDateDialog, cb_article_date_dialog, CB, ARTICLE_DATE_DIALOG, GtkDialog)

/* A modal dialog over @parent for the article @article_id titled @title;
 * @date (may be NULL or invalid: today) fills the fields.  It answers
 * GTK_RESPONSE_ACCEPT, sensitive only when the day is within its month. */
CbArticleDateDialog *cb_article_date_dialog_new  (GtkWindow           *parent,
                                                  gint64               article_id,
                                                  const char          *title,
                                                  const GDate         *date);
gint64   cb_article_date_dialog_get_article_id   (CbArticleDateDialog *self);
/* FALSE when the fields give no valid date. */
gboolean cb_article_date_dialog_get_date         (CbArticleDateDialog *self,
                                                  GDate               *date);
void     cb_article_date_dialog_set_fields       (CbArticleDateDialog *self,
                                                  int                  year,
                                                  int                  month,
                                                  int                  day);

G_END_DECLS
