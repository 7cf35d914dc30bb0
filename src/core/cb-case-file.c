/* cb-case-file.c — one case file: a person or matter followed over time
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cb-case-file.h"

struct _CbCaseFile
{
  GObject parent_instance;

  gint64 id;
  char *title;
  gint64 subject_id;
  char *subject_name;
  CbCaseStatus status;
  char *notes;
  CbReview review;
  guint event_count;
  guint source_count;
};

G_DEFINE_FINAL_TYPE (CbCaseFile, cb_case_file, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUBJECT_ID,
  PROP_SUBJECT_NAME,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_NOTES,
  PROP_REVIEW,
  PROP_SUGGESTED,
  PROP_EVENT_COUNT,
  PROP_SOURCE_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cb_case_file_finalize (GObject *object)
{
  CbCaseFile *self = CB_CASE_FILE (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subject_name, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (cb_case_file_parent_class)->finalize (object);
}

static void
cb_case_file_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CbCaseFile *self = CB_CASE_FILE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBJECT_ID:
      g_value_set_int64 (value, self->subject_id);
      break;

    case PROP_SUBJECT_NAME:
      g_value_set_string (value, self->subject_name);
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, cb_case_status_to_label (self->status));
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_REVIEW:
      g_value_set_int (value, self->review);
      break;

    case PROP_SUGGESTED:
      g_value_set_boolean (value, self->review == CB_REVIEW_SUGGESTED);
      break;

    case PROP_EVENT_COUNT:
      g_value_set_uint (value, self->event_count);
      break;

    case PROP_SOURCE_COUNT:
      g_value_set_uint (value, self->source_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_case_file_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CbCaseFile *self = CB_CASE_FILE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_SUBJECT_ID:
      self->subject_id = g_value_get_int64 (value);
      break;

    case PROP_SUBJECT_NAME:
      self->subject_name = g_value_dup_string (value);
      break;

    case PROP_STATUS:
      self->status = (CbCaseStatus) g_value_get_int (value);
      break;

    case PROP_NOTES:
      self->notes = g_value_dup_string (value);
      break;

    case PROP_REVIEW:
      self->review = (CbReview) g_value_get_int (value);
      break;

    case PROP_EVENT_COUNT:
      self->event_count = g_value_get_uint (value);
      break;

    case PROP_SOURCE_COUNT:
      self->source_count = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_case_file_class_init (CbCaseFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cb_case_file_finalize;
  object_class->get_property = cb_case_file_get_property;
  object_class->set_property = cb_case_file_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBJECT_ID] =
    g_param_spec_int64 ("subject-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBJECT_NAME] =
    g_param_spec_string ("subject-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, CB_CASE_STATUS_OPEN, CB_CASE_STATUS_CLOSED, CB_CASE_STATUS_OPEN,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEW] =
    g_param_spec_int ("review", NULL, NULL, CB_REVIEW_SUGGESTED, CB_REVIEW_REJECTED, CB_REVIEW_SUGGESTED,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUGGESTED] =
    g_param_spec_boolean ("suggested", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT_COUNT] =
    g_param_spec_uint ("event-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_COUNT] =
    g_param_spec_uint ("source-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cb_case_file_init (CbCaseFile *self)
{
}


CbCaseFile *
cb_case_file_new (gint64        id,
                  const char   *title,
                  gint64        subject_id,
                  const char   *subject_name,
                  CbCaseStatus  status,
                  const char   *notes,
                  CbReview      review,
                  guint         event_count,
                  guint         source_count)
{
  return g_object_new (CB_TYPE_CASE_FILE,
                       "id", id,
                       "title", title,
                       "subject-id", subject_id,
                       "subject-name", subject_name,
                       "status", (int) status,
                       "notes", notes,
                       "review", (int) review,
                       "event-count", event_count,
                       "source-count", source_count,
                       NULL);
}

gint64
cb_case_file_get_id (CbCaseFile *self)
{
  g_return_val_if_fail (CB_IS_CASE_FILE (self), 0);
  return self->id;
}

const char *
cb_case_file_get_title (CbCaseFile *self)
{
  g_return_val_if_fail (CB_IS_CASE_FILE (self), NULL);
  return self->title;
}

gint64
cb_case_file_get_subject_id (CbCaseFile *self)
{
  g_return_val_if_fail (CB_IS_CASE_FILE (self), 0);
  return self->subject_id;
}

const char *
cb_case_file_get_subject_name (CbCaseFile *self)
{
  g_return_val_if_fail (CB_IS_CASE_FILE (self), NULL);
  return self->subject_name;
}

CbCaseStatus
cb_case_file_get_status (CbCaseFile *self)
{
  g_return_val_if_fail (CB_IS_CASE_FILE (self), CB_CASE_STATUS_OPEN);
  return self->status;
}

const char *
cb_case_file_get_notes (CbCaseFile *self)
{
  g_return_val_if_fail (CB_IS_CASE_FILE (self), NULL);
  return self->notes;
}

CbReview
cb_case_file_get_review (CbCaseFile *self)
{
  g_return_val_if_fail (CB_IS_CASE_FILE (self), CB_REVIEW_SUGGESTED);
  return self->review;
}

guint
cb_case_file_get_event_count (CbCaseFile *self)
{
  g_return_val_if_fail (CB_IS_CASE_FILE (self), 0);
  return self->event_count;
}

guint
cb_case_file_get_source_count (CbCaseFile *self)
{
  g_return_val_if_fail (CB_IS_CASE_FILE (self), 0);
  return self->source_count;
}
