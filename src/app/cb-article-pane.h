/* cb-article-pane.h — the article text pane of the main window
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cb-store.h"
#include "cb-selection.h"

G_BEGIN_DECLS

#define CB_TYPE_ARTICLE_PANE (cb_article_pane_get_type ())
G_DECLARE_FINAL_TYPE (CbArticlePane, cb_article_pane, CB, ARTICLE_PANE, GtkWidget)

/* Properties "store" (CbStore) and "selection" (CbSelection): the pane reads
 * the store and follows the selection; it writes to the selection when the
 * user picks something, and never talks to another pane. */
void         cb_article_pane_set_store     (CbArticlePane *self,
                                            CbStore     *store);
CbStore     *cb_article_pane_get_store     (CbArticlePane *self);
void         cb_article_pane_set_selection (CbArticlePane *self,
                                            CbSelection *selection);
CbSelection *cb_article_pane_get_selection (CbArticlePane *self);
/* Reads the store again (after an import). */
void         cb_article_pane_reload        (CbArticlePane *self);
/* The text shown, the tag marking the selected span, the article shown (0 = none). */
GtkTextBuffer *cb_article_pane_get_buffer        (CbArticlePane *self);
GtkTextTag    *cb_article_pane_get_highlight_tag (CbArticlePane *self);
gint64         cb_article_pane_get_article_id    (CbArticlePane *self);
/* The tag of one kind of mark (quotes, passages, people, dates). */
GtkTextTag    *cb_article_pane_get_mark_tag      (CbArticlePane *self,
                                                  CbMarkKind     kind);
GtkTextView   *cb_article_pane_get_text_view     (CbArticlePane *self);

/* Actions: article.add-excerpt (Ctrl+E: the selected text becomes an
 * excerpt of the selected event, through win.add-excerpt),
 * article.open-person (Enter, or a click on a highlighted name: selects the
 * person's case file through win.select-case). */

G_END_DECLS
