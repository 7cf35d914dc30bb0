/* cb-selection.c — the window's one selection: what every pane follows
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cb-selection.h"

struct _CbSelection
{
  GObject parent_instance;

  gint64 case_id;
  gint64 event_id;
  gint64 excerpt_id;
  gint64 article_id;
  gint64 person_id;
  int    span_start;
  int    span_end;
};

G_DEFINE_FINAL_TYPE (CbSelection, cb_selection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CASE_ID,
  PROP_EVENT_ID,
  PROP_EXCERPT_ID,
  PROP_ARTICLE_ID,
  PROP_PERSON_ID,
  PROP_SPAN_START,
  PROP_SPAN_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_id (CbSelection *self,
        gint64      *field,
        gint64       value,
        guint        prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_offset (CbSelection *self,
            int         *field,
            int          value,
            guint        prop)
{
  if (value < 0)
    value = -1;
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
cb_selection_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CbSelection *self = CB_SELECTION (object);

  switch (prop_id)
    {
    case PROP_CASE_ID:    g_value_set_int64 (value, self->case_id); break;
    case PROP_EVENT_ID:   g_value_set_int64 (value, self->event_id); break;
    case PROP_EXCERPT_ID: g_value_set_int64 (value, self->excerpt_id); break;
    case PROP_ARTICLE_ID: g_value_set_int64 (value, self->article_id); break;
    case PROP_PERSON_ID:  g_value_set_int64 (value, self->person_id); break;
    case PROP_SPAN_START: g_value_set_int (value, self->span_start); break;
    case PROP_SPAN_END:   g_value_set_int (value, self->span_end); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_selection_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CbSelection *self = CB_SELECTION (object);

  switch (prop_id)
    {
    case PROP_CASE_ID:    cb_selection_set_case_id (self, g_value_get_int64 (value)); break;
    case PROP_EVENT_ID:   cb_selection_set_event_id (self, g_value_get_int64 (value)); break;
    case PROP_EXCERPT_ID: cb_selection_set_excerpt_id (self, g_value_get_int64 (value)); break;
    case PROP_ARTICLE_ID: cb_selection_set_article_id (self, g_value_get_int64 (value)); break;
    case PROP_PERSON_ID:  cb_selection_set_person_id (self, g_value_get_int64 (value)); break;
    case PROP_SPAN_START:
      set_offset (self, &self->span_start, g_value_get_int (value), PROP_SPAN_START);
      break;
    case PROP_SPAN_END:
      set_offset (self, &self->span_end, g_value_get_int (value), PROP_SPAN_END);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_selection_class_init (CbSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = cb_selection_get_property;
  object_class->set_property = cb_selection_set_property;

  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_EXCERPT_ID] =
    g_param_spec_int64 ("excerpt-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ARTICLE_ID] =
    g_param_spec_int64 ("article-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SPAN_START] =
    g_param_spec_int ("span-start", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_SPAN_END] =
    g_param_spec_int ("span-end", NULL, NULL, -1, G_MAXINT, -1, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cb_selection_init (CbSelection *self)
{
  self->span_start = -1;
  self->span_end = -1;
}

CbSelection *
cb_selection_new (void)
{
  return g_object_new (CB_TYPE_SELECTION, NULL);
}

gint64
cb_selection_get_case_id (CbSelection *self)
{
  g_return_val_if_fail (CB_IS_SELECTION (self), 0);
  return self->case_id;
}

gint64
cb_selection_get_event_id (CbSelection *self)
{
  g_return_val_if_fail (CB_IS_SELECTION (self), 0);
  return self->event_id;
}

gint64
cb_selection_get_excerpt_id (CbSelection *self)
{
  g_return_val_if_fail (CB_IS_SELECTION (self), 0);
  return self->excerpt_id;
}

gint64
cb_selection_get_article_id (CbSelection *self)
{
  g_return_val_if_fail (CB_IS_SELECTION (self), 0);
  return self->article_id;
}

gint64
cb_selection_get_person_id (CbSelection *self)
{
  g_return_val_if_fail (CB_IS_SELECTION (self), 0);
  return self->person_id;
}

int
cb_selection_get_span_start (CbSelection *self)
{
  g_return_val_if_fail (CB_IS_SELECTION (self), -1);
  return self->span_start;
}

int
cb_selection_get_span_end (CbSelection *self)
{
  g_return_val_if_fail (CB_IS_SELECTION (self), -1);
  return self->span_end;
}

void
cb_selection_set_case_id (CbSelection *self,
                          gint64       case_id)
{
  g_return_if_fail (CB_IS_SELECTION (self));
  set_id (self, &self->case_id, MAX (case_id, 0), PROP_CASE_ID);
}

void
cb_selection_set_event_id (CbSelection *self,
                           gint64       event_id)
{
  g_return_if_fail (CB_IS_SELECTION (self));
  set_id (self, &self->event_id, MAX (event_id, 0), PROP_EVENT_ID);
}

void
cb_selection_set_excerpt_id (CbSelection *self,
                             gint64       excerpt_id)
{
  g_return_if_fail (CB_IS_SELECTION (self));
  set_id (self, &self->excerpt_id, MAX (excerpt_id, 0), PROP_EXCERPT_ID);
}

void
cb_selection_set_article_id (CbSelection *self,
                             gint64       article_id)
{
  g_return_if_fail (CB_IS_SELECTION (self));
  set_id (self, &self->article_id, MAX (article_id, 0), PROP_ARTICLE_ID);
}

void
cb_selection_set_person_id (CbSelection *self,
                            gint64       person_id)
{
  g_return_if_fail (CB_IS_SELECTION (self));
  set_id (self, &self->person_id, MAX (person_id, 0), PROP_PERSON_ID);
}

void
cb_selection_set_span (CbSelection *self,
                       int          start,
                       int          end)
{
  g_return_if_fail (CB_IS_SELECTION (self));

  if (start < 0 || end < start)
    start = end = -1;

  g_object_freeze_notify (G_OBJECT (self));
  set_offset (self, &self->span_start, start, PROP_SPAN_START);
  set_offset (self, &self->span_end, end, PROP_SPAN_END);
  g_object_thaw_notify (G_OBJECT (self));
}

void
cb_selection_select_case (CbSelection *self,
                          gint64       case_id)
{
  g_return_if_fail (CB_IS_SELECTION (self));

  g_object_freeze_notify (G_OBJECT (self));
  cb_selection_set_case_id (self, case_id);
  cb_selection_set_event_id (self, 0);
  cb_selection_set_excerpt_id (self, 0);
  g_object_thaw_notify (G_OBJECT (self));
}

void
cb_selection_select_event (CbSelection *self,
                           gint64       event_id,
                           gint64       article_id,
                           int          start,
                           int          end)
{
  g_return_if_fail (CB_IS_SELECTION (self));

  g_object_freeze_notify (G_OBJECT (self));
  cb_selection_set_event_id (self, event_id);
  cb_selection_set_excerpt_id (self, 0);
  if (article_id > 0)
    {
      cb_selection_set_article_id (self, article_id);
      cb_selection_set_span (self, start, end);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
cb_selection_select_excerpt (CbSelection *self,
                             gint64       excerpt_id,
                             gint64       event_id,
                             gint64       article_id,
                             int          start,
                             int          end)
{
  g_return_if_fail (CB_IS_SELECTION (self));

  g_object_freeze_notify (G_OBJECT (self));
  cb_selection_set_excerpt_id (self, excerpt_id);
  if (event_id > 0)
    cb_selection_set_event_id (self, event_id);
  cb_selection_set_article_id (self, article_id);
  cb_selection_set_span (self, start, end);
  g_object_thaw_notify (G_OBJECT (self));
}

void
cb_selection_select_article (CbSelection *self,
                             gint64       article_id,
                             int          start,
                             int          end)
{
  g_return_if_fail (CB_IS_SELECTION (self));

  g_object_freeze_notify (G_OBJECT (self));
  cb_selection_set_event_id (self, 0);
  cb_selection_set_excerpt_id (self, 0);
  cb_selection_set_article_id (self, article_id);
  cb_selection_set_span (self, start, end);
  g_object_thaw_notify (G_OBJECT (self));
}

void
cb_selection_clear (CbSelection *self)
{
  g_return_if_fail (CB_IS_SELECTION (self));

  g_object_freeze_notify (G_OBJECT (self));
  cb_selection_set_case_id (self, 0);
  cb_selection_set_event_id (self, 0);
  cb_selection_set_excerpt_id (self, 0);
  cb_selection_set_article_id (self, 0);
  cb_selection_set_person_id (self, 0);
  cb_selection_set_span (self, -1, -1);
  g_object_thaw_notify (G_OBJECT (self));
}
