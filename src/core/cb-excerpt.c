/* cb-excerpt.c — a span of an article: a quote or a passage
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cb-excerpt.h"

struct _CbExcerpt
{
  GObject parent_instance;

  gint64 id;
  gint64 article_id;
  char *article_title;
  char *article_published;
  guint start;
  guint end;
  char *text;
  gint64 speaker_id;
  char *speaker_name;
  CbExcerptKind kind;
  gint64 event_id;
};

G_DEFINE_FINAL_TYPE (CbExcerpt, cb_excerpt, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ARTICLE_ID,
  PROP_ARTICLE_TITLE,
  PROP_ARTICLE_PUBLISHED,
  PROP_START,
  PROP_END,
  PROP_TEXT,
  PROP_SPEAKER_ID,
  PROP_SPEAKER_NAME,
  PROP_KIND,
  PROP_EVENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cb_excerpt_finalize (GObject *object)
{
  CbExcerpt *self = CB_EXCERPT (object);

  g_clear_pointer (&self->article_title, g_free);
  g_clear_pointer (&self->article_published, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->speaker_name, g_free);

  G_OBJECT_CLASS (cb_excerpt_parent_class)->finalize (object);
}

static void
cb_excerpt_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CbExcerpt *self = CB_EXCERPT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_ARTICLE_ID:
      g_value_set_int64 (value, self->article_id);
      break;

    case PROP_ARTICLE_TITLE:
      g_value_set_string (value, self->article_title);
      break;

    case PROP_ARTICLE_PUBLISHED:
      g_value_set_string (value, self->article_published);
      break;

    case PROP_START:
      g_value_set_uint (value, self->start);
      break;

    case PROP_END:
      g_value_set_uint (value, self->end);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_SPEAKER_ID:
      g_value_set_int64 (value, self->speaker_id);
      break;

    case PROP_SPEAKER_NAME:
      g_value_set_string (value, self->speaker_name);
      break;

    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_excerpt_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CbExcerpt *self = CB_EXCERPT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_ARTICLE_ID:
      self->article_id = g_value_get_int64 (value);
      break;

    case PROP_ARTICLE_TITLE:
      self->article_title = g_value_dup_string (value);
      break;

    case PROP_ARTICLE_PUBLISHED:
      self->article_published = g_value_dup_string (value);
      break;

    case PROP_START:
      self->start = g_value_get_uint (value);
      break;

    case PROP_END:
      self->end = g_value_get_uint (value);
      break;

    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      break;

    case PROP_SPEAKER_ID:
      self->speaker_id = g_value_get_int64 (value);
      break;

    case PROP_SPEAKER_NAME:
      self->speaker_name = g_value_dup_string (value);
      break;

    case PROP_KIND:
      self->kind = (CbExcerptKind) g_value_get_int (value);
      break;

    case PROP_EVENT_ID:
      self->event_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_excerpt_class_init (CbExcerptClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cb_excerpt_finalize;
  object_class->get_property = cb_excerpt_get_property;
  object_class->set_property = cb_excerpt_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTICLE_ID] =
    g_param_spec_int64 ("article-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTICLE_TITLE] =
    g_param_spec_string ("article-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTICLE_PUBLISHED] =
    g_param_spec_string ("article-published", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START] =
    g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] =
    g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPEAKER_ID] =
    g_param_spec_int64 ("speaker-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPEAKER_NAME] =
    g_param_spec_string ("speaker-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, CB_EXCERPT_QUOTE, CB_EXCERPT_PASSAGE, CB_EXCERPT_PASSAGE,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cb_excerpt_init (CbExcerpt *self)
{
}


CbExcerpt *
cb_excerpt_new (gint64         id,
                gint64         article_id,
                const char    *article_title,
                const char    *article_published,
                guint          start,
                guint          end,
                const char    *text,
                gint64         speaker_id,
                const char    *speaker_name,
                CbExcerptKind  kind,
                gint64         event_id)
{
  return g_object_new (CB_TYPE_EXCERPT,
                       "id", id,
                       "article-id", article_id,
                       "article-title", article_title,
                       "article-published", article_published,
                       "start", start,
                       "end", end,
                       "text", text,
                       "speaker-id", speaker_id,
                       "speaker-name", speaker_name,
                       "kind", (int) kind,
                       "event-id", event_id,
                       NULL);
}

gint64
cb_excerpt_get_id (CbExcerpt *self)
{
  g_return_val_if_fail (CB_IS_EXCERPT (self), 0);
  return self->id;
}

gint64
cb_excerpt_get_article_id (CbExcerpt *self)
{
  g_return_val_if_fail (CB_IS_EXCERPT (self), 0);
  return self->article_id;
}

const char *
cb_excerpt_get_article_title (CbExcerpt *self)
{
  g_return_val_if_fail (CB_IS_EXCERPT (self), NULL);
  return self->article_title;
}

const char *
cb_excerpt_get_article_published (CbExcerpt *self)
{
  g_return_val_if_fail (CB_IS_EXCERPT (self), NULL);
  return self->article_published;
}

guint
cb_excerpt_get_start (CbExcerpt *self)
{
  g_return_val_if_fail (CB_IS_EXCERPT (self), 0);
  return self->start;
}

guint
cb_excerpt_get_end (CbExcerpt *self)
{
  g_return_val_if_fail (CB_IS_EXCERPT (self), 0);
  return self->end;
}

const char *
cb_excerpt_get_text (CbExcerpt *self)
{
  g_return_val_if_fail (CB_IS_EXCERPT (self), NULL);
  return self->text;
}

gint64
cb_excerpt_get_speaker_id (CbExcerpt *self)
{
  g_return_val_if_fail (CB_IS_EXCERPT (self), 0);
  return self->speaker_id;
}

const char *
cb_excerpt_get_speaker_name (CbExcerpt *self)
{
  g_return_val_if_fail (CB_IS_EXCERPT (self), NULL);
  return self->speaker_name;
}

CbExcerptKind
cb_excerpt_get_kind (CbExcerpt *self)
{
  g_return_val_if_fail (CB_IS_EXCERPT (self), CB_EXCERPT_PASSAGE);
  return self->kind;
}

gint64
cb_excerpt_get_event_id (CbExcerpt *self)
{
  g_return_val_if_fail (CB_IS_EXCERPT (self), 0);
  return self->event_id;
}
