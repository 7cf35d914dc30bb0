/* cb-article.c — one imported article
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cb-article.h"

struct _CbArticle
{
  GObject parent_instance;

  gint64 id;
  char *title;
  char *source;
  char *author;
  char *published;
  char *path;
  char *sha256;
  char *imported_at;
  char *body;
};

G_DEFINE_FINAL_TYPE (CbArticle, cb_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SOURCE,
  PROP_AUTHOR,
  PROP_PUBLISHED,
  PROP_PATH,
  PROP_SHA256,
  PROP_IMPORTED_AT,
  PROP_BODY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cb_article_finalize (GObject *object)
{
  CbArticle *self = CB_ARTICLE (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->published, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->imported_at, g_free);
  g_clear_pointer (&self->body, g_free);

  G_OBJECT_CLASS (cb_article_parent_class)->finalize (object);
}

static void
cb_article_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CbArticle *self = CB_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_PUBLISHED:
      g_value_set_string (value, self->published);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;

    case PROP_IMPORTED_AT:
      g_value_set_string (value, self->imported_at);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_article_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CbArticle *self = CB_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      cb_article_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_SOURCE:
      self->source = g_value_dup_string (value);
      break;

    case PROP_AUTHOR:
      self->author = g_value_dup_string (value);
      break;

    case PROP_PUBLISHED:
      self->published = g_value_dup_string (value);
      break;

    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    case PROP_SHA256:
      self->sha256 = g_value_dup_string (value);
      break;

    case PROP_IMPORTED_AT:
      cb_article_set_imported_at (self, g_value_get_string (value));
      break;

    case PROP_BODY:
      self->body = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_article_class_init (CbArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cb_article_finalize;
  object_class->get_property = cb_article_get_property;
  object_class->set_property = cb_article_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUBLISHED] =
    g_param_spec_string ("published", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMPORTED_AT] =
    g_param_spec_string ("imported-at", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cb_article_init (CbArticle *self)
{
}


/**
 * cb_article_new:
 *
 * An article not stored yet (id 0).  Every argument but @body may be %NULL;
 * @published is a TIMEX3 value ("2018-06-08", "2018-06", "2018").
 */
CbArticle *
cb_article_new (const char *title,
                const char *source,
                const char *author,
                const char *published,
                const char *path,
                const char *sha256,
                const char *body)
{
  return g_object_new (CB_TYPE_ARTICLE,
                       "title", title,
                       "source", source,
                       "author", author,
                       "published", published,
                       "path", path,
                       "sha256", sha256,
                       "body", body,
                       NULL);
}

gint64
cb_article_get_id (CbArticle *self)
{
  g_return_val_if_fail (CB_IS_ARTICLE (self), 0);
  return self->id;
}

void
cb_article_set_id (CbArticle *self,
                   gint64     id)
{
  g_return_if_fail (CB_IS_ARTICLE (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
cb_article_set_imported_at (CbArticle  *self,
                            const char *imported_at)
{
  g_return_if_fail (CB_IS_ARTICLE (self));

  if (g_strcmp0 (self->imported_at, imported_at) == 0)
    return;

  g_free (self->imported_at);
  self->imported_at = g_strdup (imported_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTED_AT]);
}

const char *
cb_article_get_title (CbArticle *self)
{
  g_return_val_if_fail (CB_IS_ARTICLE (self), NULL);
  return self->title;
}

const char *
cb_article_get_source (CbArticle *self)
{
  g_return_val_if_fail (CB_IS_ARTICLE (self), NULL);
  return self->source;
}

const char *
cb_article_get_author (CbArticle *self)
{
  g_return_val_if_fail (CB_IS_ARTICLE (self), NULL);
  return self->author;
}

const char *
cb_article_get_published (CbArticle *self)
{
  g_return_val_if_fail (CB_IS_ARTICLE (self), NULL);
  return self->published;
}

const char *
cb_article_get_path (CbArticle *self)
{
  g_return_val_if_fail (CB_IS_ARTICLE (self), NULL);
  return self->path;
}

const char *
cb_article_get_sha256 (CbArticle *self)
{
  g_return_val_if_fail (CB_IS_ARTICLE (self), NULL);
  return self->sha256;
}

const char *
cb_article_get_imported_at (CbArticle *self)
{
  g_return_val_if_fail (CB_IS_ARTICLE (self), NULL);
  return self->imported_at;
}

const char *
cb_article_get_body (CbArticle *self)
{
  g_return_val_if_fail (CB_IS_ARTICLE (self), NULL);
  return self->body;
}
