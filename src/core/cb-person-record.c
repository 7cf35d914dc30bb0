/* cb-person-record.c — a stored person with the names they go by
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cb-person-record.h"

struct _CbPersonRecord
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char **aliases;
  guint mention_count;
};

G_DEFINE_FINAL_TYPE (CbPersonRecord, cb_person_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ALIASES,
  PROP_MENTION_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cb_person_record_finalize (GObject *object)
{
  CbPersonRecord *self = CB_PERSON_RECORD (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->aliases, g_strfreev);

  G_OBJECT_CLASS (cb_person_record_parent_class)->finalize (object);
}

static void
cb_person_record_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CbPersonRecord *self = CB_PERSON_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ALIASES:
      g_value_set_boxed (value, self->aliases);
      break;

    case PROP_MENTION_COUNT:
      g_value_set_uint (value, self->mention_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_person_record_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CbPersonRecord *self = CB_PERSON_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_ALIASES:
      self->aliases = g_value_dup_boxed (value);
      break;

    case PROP_MENTION_COUNT:
      self->mention_count = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_person_record_class_init (CbPersonRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cb_person_record_finalize;
  object_class->get_property = cb_person_record_get_property;
  object_class->set_property = cb_person_record_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALIASES] =
    g_param_spec_boxed ("aliases", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MENTION_COUNT] =
    g_param_spec_uint ("mention-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cb_person_record_init (CbPersonRecord *self)
{
}



/**
 * cb_person_record_new:
 * @aliases: (nullable): every name the person goes by, the name included
 */
CbPersonRecord *
cb_person_record_new (gint64              id,
                      const char         *name,
                      const char * const *aliases,
                      guint               mention_count)
{
  return g_object_new (CB_TYPE_PERSON_RECORD,
                       "id", id,
                       "name", name,
                       "aliases", aliases,
                       "mention-count", mention_count,
                       NULL);
}

gint64
cb_person_record_get_id (CbPersonRecord *self)
{
  g_return_val_if_fail (CB_IS_PERSON_RECORD (self), 0);
  return self->id;
}

const char *
cb_person_record_get_name (CbPersonRecord *self)
{
  g_return_val_if_fail (CB_IS_PERSON_RECORD (self), NULL);
  return self->name;
}

/* Never NULL: an empty vector when the person has no alias. */
const char * const *
cb_person_record_get_aliases (CbPersonRecord *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (CB_IS_PERSON_RECORD (self), NULL);
  return self->aliases != NULL ? (const char * const *) self->aliases : empty;
}

guint
cb_person_record_get_mention_count (CbPersonRecord *self)
{
  g_return_val_if_fail (CB_IS_PERSON_RECORD (self), 0);
  return self->mention_count;
}
