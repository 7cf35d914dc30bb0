/* cb-search-hit.c — one article found by a full-text search
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cb-search-hit.h"

struct _CbSearchHit
{
  GObject parent_instance;

  gint64 article_id;
  char *title;
  char *snippet;
  int match_start;
  int match_end;
};

G_DEFINE_FINAL_TYPE (CbSearchHit, cb_search_hit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ARTICLE_ID,
  PROP_TITLE,
  PROP_SNIPPET,
  PROP_SNIPPET_MARKUP,
  PROP_MATCH_START,
  PROP_MATCH_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cb_search_hit_finalize (GObject *object)
{
  CbSearchHit *self = CB_SEARCH_HIT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->snippet, g_free);

  G_OBJECT_CLASS (cb_search_hit_parent_class)->finalize (object);
}

static void
cb_search_hit_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CbSearchHit *self = CB_SEARCH_HIT (object);

  switch (prop_id)
    {
    case PROP_ARTICLE_ID:
      g_value_set_int64 (value, self->article_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;

    case PROP_SNIPPET_MARKUP:
      g_value_take_string (value, cb_search_hit_dup_snippet_markup (self));
      break;

    case PROP_MATCH_START:
      g_value_set_int (value, self->match_start);
      break;

    case PROP_MATCH_END:
      g_value_set_int (value, self->match_end);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_search_hit_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CbSearchHit *self = CB_SEARCH_HIT (object);

  switch (prop_id)
    {
    case PROP_ARTICLE_ID:
      self->article_id = g_value_get_int64 (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_SNIPPET:
      self->snippet = g_value_dup_string (value);
      break;

    case PROP_MATCH_START:
      self->match_start = g_value_get_int (value);
      break;

    case PROP_MATCH_END:
      self->match_end = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_search_hit_class_init (CbSearchHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cb_search_hit_finalize;
  object_class->get_property = cb_search_hit_get_property;
  object_class->set_property = cb_search_hit_set_property;

  properties[PROP_ARTICLE_ID] =
    g_param_spec_int64 ("article-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNIPPET_MARKUP] =
    g_param_spec_string ("snippet-markup", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MATCH_START] =
    g_param_spec_int ("match-start", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MATCH_END] =
    g_param_spec_int ("match-end", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cb_search_hit_init (CbSearchHit *self)
{
}


/* Replaces the match markers of @snippet by @open and @close, escaping the
 * rest with @escape when it is set. */
static char *
render_snippet (const char *snippet,
                const char *open,
                const char *close,
                gboolean    escape)
{
  GString *out = g_string_new (NULL);
  const char *p = snippet != NULL ? snippet : "";

  while (*p != '\0')
    {
      gsize run = strcspn (p, CB_SEARCH_MATCH_START CB_SEARCH_MATCH_END);

      if (run > 0)
        {
          if (escape)
            {
              g_autofree char *escaped = g_markup_escape_text (p, (gssize) run);
              g_string_append (out, escaped);
            }
          else
            {
              g_string_append_len (out, p, (gssize) run);
            }
          p += run;
        }

      if (*p == CB_SEARCH_MATCH_START[0])
        {
          g_string_append (out, open);
          p++;
        }
      else if (*p == CB_SEARCH_MATCH_END[0])
        {
          g_string_append (out, close);
          p++;
        }
    }

  return g_string_free (out, FALSE);
}

CbSearchHit *
cb_search_hit_new (gint64      article_id,
                   const char *title,
                   const char *snippet,
                   int         match_start)
{
  return cb_search_hit_new_full (article_id, title, snippet, match_start, -1);
}

CbSearchHit *
cb_search_hit_new_full (gint64      article_id,
                        const char *title,
                        const char *snippet,
                        int         match_start,
                        int         match_end)
{
  match_start = MAX (match_start, -1);
  if (match_start < 0 || match_end < match_start)
    match_end = -1;

  return g_object_new (CB_TYPE_SEARCH_HIT,
                       "article-id", article_id,
                       "title", title,
                       "snippet", snippet,
                       "match-start", match_start,
                       "match-end", match_end,
                       NULL);
}

gint64
cb_search_hit_get_article_id (CbSearchHit *self)
{
  g_return_val_if_fail (CB_IS_SEARCH_HIT (self), 0);
  return self->article_id;
}

const char *
cb_search_hit_get_title (CbSearchHit *self)
{
  g_return_val_if_fail (CB_IS_SEARCH_HIT (self), NULL);
  return self->title;
}

const char *
cb_search_hit_get_snippet (CbSearchHit *self)
{
  g_return_val_if_fail (CB_IS_SEARCH_HIT (self), NULL);
  return self->snippet;
}

/* Pango markup: the text escaped, the matches in bold. */
char *
cb_search_hit_dup_snippet_markup (CbSearchHit *self)
{
  g_return_val_if_fail (CB_IS_SEARCH_HIT (self), NULL);
  return render_snippet (self->snippet, "<b>", "</b>", TRUE);
}

char *
cb_search_hit_dup_snippet_plain (CbSearchHit *self)
{
  g_return_val_if_fail (CB_IS_SEARCH_HIT (self), NULL);
  return render_snippet (self->snippet, "[", "]", FALSE);
}

int
cb_search_hit_get_match_start (CbSearchHit *self)
{
  g_return_val_if_fail (CB_IS_SEARCH_HIT (self), -1);
  return self->match_start;
}

int
cb_search_hit_get_match_end (CbSearchHit *self)
{
  g_return_val_if_fail (CB_IS_SEARCH_HIT (self), -1);
  return self->match_end;
}
