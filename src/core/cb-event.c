/* cb-event.c — one dated event of a case, resting on one or more sources
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cb-event.h"

struct _CbEvent
{
  GObject parent_instance;

  gint64 id;
  gint64 case_id;
  char *description;
  char *date_text;
  CbReview review;
  char *subject_name;
  gint64 article_id;
  CbFuzzyDate date;
  char *date_label;  /* cb_fuzzy_date_format(), made on first use */
  guint start;
  guint end;
  guint source_count;
};

G_DEFINE_FINAL_TYPE (CbEvent, cb_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_DESCRIPTION,
  PROP_DATE_TEXT,
  PROP_DATE_LABEL,
  PROP_VALUE,
  PROP_REVIEW,
  PROP_SUBJECT_NAME,
  PROP_ARTICLE_ID,
  PROP_START,
  PROP_END,
  PROP_SOURCE_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
ensure_date_label (CbEvent *self)
{
  if (self->date_label == NULL)
    self->date_label = cb_fuzzy_date_format (&self->date);
  return self->date_label;
}

static void
cb_event_finalize (GObject *object)
{
  CbEvent *self = CB_EVENT (object);

  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->date_text, g_free);
  g_clear_pointer (&self->subject_name, g_free);
  g_clear_pointer (&self->date_label, g_free);
  cb_fuzzy_date_clear (&self->date);

  G_OBJECT_CLASS (cb_event_parent_class)->finalize (object);
}

static void
cb_event_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CbEvent *self = CB_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_DATE_TEXT:
      g_value_set_string (value, self->date_text);
      break;

    case PROP_DATE_LABEL:
      g_value_set_string (value, ensure_date_label (self));
      break;

    case PROP_VALUE:
      g_value_set_string (value, self->date.value);
      break;

    case PROP_REVIEW:
      g_value_set_int (value, self->review);
      break;

    case PROP_SUBJECT_NAME:
      g_value_set_string (value, self->subject_name);
      break;

    case PROP_ARTICLE_ID:
      g_value_set_int64 (value, self->article_id);
      break;

    case PROP_START:
      g_value_set_uint (value, self->start);
      break;

    case PROP_END:
      g_value_set_uint (value, self->end);
      break;

    case PROP_SOURCE_COUNT:
      g_value_set_uint (value, self->source_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_event_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CbEvent *self = CB_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;

    case PROP_DESCRIPTION:
      self->description = g_value_dup_string (value);
      break;

    case PROP_DATE_TEXT:
      self->date_text = g_value_dup_string (value);
      break;

    case PROP_REVIEW:
      self->review = (CbReview) g_value_get_int (value);
      break;

    case PROP_SUBJECT_NAME:
      self->subject_name = g_value_dup_string (value);
      break;

    case PROP_ARTICLE_ID:
      self->article_id = g_value_get_int64 (value);
      break;

    case PROP_START:
      self->start = g_value_get_uint (value);
      break;

    case PROP_END:
      self->end = g_value_get_uint (value);
      break;

    case PROP_SOURCE_COUNT:
      self->source_count = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_event_class_init (CbEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cb_event_finalize;
  object_class->get_property = cb_event_get_property;
  object_class->set_property = cb_event_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE_TEXT] =
    g_param_spec_string ("date-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE_LABEL] =
    g_param_spec_string ("date-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEW] =
    g_param_spec_int ("review", NULL, NULL, CB_REVIEW_SUGGESTED, CB_REVIEW_REJECTED, CB_REVIEW_SUGGESTED,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBJECT_NAME] =
    g_param_spec_string ("subject-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTICLE_ID] =
    g_param_spec_int64 ("article-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START] =
    g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] =
    g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_COUNT] =
    g_param_spec_uint ("source-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cb_event_init (CbEvent *self)
{
  cb_fuzzy_date_clear (&self->date);
}


/**
 * cb_event_new:
 * @date: (nullable): copied; %NULL for an undated event
 */
CbEvent *
cb_event_new (gint64             id,
              gint64             case_id,
              const char        *description,
              const CbFuzzyDate *date,
              const char        *date_text,
              CbReview           review,
              const char        *subject_name,
              gint64             article_id,
              guint              start,
              guint              end,
              guint              source_count)
{
  CbEvent *self;

  self = g_object_new (CB_TYPE_EVENT,
                       "id", id,
                       "case-id", case_id,
                       "description", description,
                       "date-text", date_text,
                       "review", (int) review,
                       "subject-name", subject_name,
                       "article-id", article_id,
                       "start", start,
                       "end", end,
                       "source-count", source_count,
                       NULL);

  /* The date is no property of its own (a plain struct); "value" and
   * "date-label" expose it. */
  if (date != NULL)
    cb_fuzzy_date_copy (date, &self->date);

  return self;
}

gint64
cb_event_get_id (CbEvent *self)
{
  g_return_val_if_fail (CB_IS_EVENT (self), 0);
  return self->id;
}

gint64
cb_event_get_case_id (CbEvent *self)
{
  g_return_val_if_fail (CB_IS_EVENT (self), 0);
  return self->case_id;
}

const char *
cb_event_get_description (CbEvent *self)
{
  g_return_val_if_fail (CB_IS_EVENT (self), NULL);
  return self->description;
}

const CbFuzzyDate *
cb_event_get_date (CbEvent *self)
{
  g_return_val_if_fail (CB_IS_EVENT (self), NULL);
  return &self->date;
}

const char *
cb_event_get_date_text (CbEvent *self)
{
  g_return_val_if_fail (CB_IS_EVENT (self), NULL);
  return self->date_text;
}

CbReview
cb_event_get_review (CbEvent *self)
{
  g_return_val_if_fail (CB_IS_EVENT (self), CB_REVIEW_SUGGESTED);
  return self->review;
}

const char *
cb_event_get_subject_name (CbEvent *self)
{
  g_return_val_if_fail (CB_IS_EVENT (self), NULL);
  return self->subject_name;
}

gint64
cb_event_get_article_id (CbEvent *self)
{
  g_return_val_if_fail (CB_IS_EVENT (self), 0);
  return self->article_id;
}

guint
cb_event_get_start (CbEvent *self)
{
  g_return_val_if_fail (CB_IS_EVENT (self), 0);
  return self->start;
}

guint
cb_event_get_end (CbEvent *self)
{
  g_return_val_if_fail (CB_IS_EVENT (self), 0);
  return self->end;
}

guint
cb_event_get_source_count (CbEvent *self)
{
  g_return_val_if_fail (CB_IS_EVENT (self), 0);
  return self->source_count;
}
