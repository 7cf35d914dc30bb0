/* cb-article.h — one imported article
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CB_TYPE_ARTICLE (cb_article_get_type ())
G_DECLARE_FINAL_TYPE (CbArticle, cb_article, CB, ARTICLE, GObject)

/* Properties (all read-only after construction, except "id" which the store sets
 * on insert): "id" (gint64), "title", "source", "author", "published" (TIMEX3
 * value or NULL), "path", "sha256", "imported-at" (ISO 8601 string), "body"
 * (NULL when the article was listed without its text). */
CbArticle  *cb_article_new             (const char *title,
                                        const char *source,
                                        const char *author,
                                        const char *published,
                                        const char *path,
                                        const char *sha256,
                                        const char *body);
gint64      cb_article_get_id          (CbArticle *self);
void        cb_article_set_id          (CbArticle *self,
                                        gint64     id);
const char *cb_article_get_title       (CbArticle *self);
const char *cb_article_get_source      (CbArticle *self);
const char *cb_article_get_author      (CbArticle *self);
const char *cb_article_get_published   (CbArticle *self);
const char *cb_article_get_path        (CbArticle *self);
const char *cb_article_get_sha256      (CbArticle *self);
const char *cb_article_get_imported_at (CbArticle *self);
void        cb_article_set_imported_at (CbArticle  *self,
                                        const char *imported_at);
const char *cb_article_get_body        (CbArticle *self);

G_END_DECLS
