/* cb-person-record.h — a stored person with the names they go by
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* (Named "record" to keep it apart from the extractor's plain CbPerson struct.) */
#define CB_TYPE_PERSON_RECORD (cb_person_record_get_type ())
G_DECLARE_FINAL_TYPE (CbPersonRecord, cb_person_record, CB, PERSON_RECORD, GObject)

/* Properties: "id", "name", "aliases" (GStrv), "mention-count". */
CbPersonRecord     *cb_person_record_new                (gint64              id,
                                                         const char         *name,
                                                         const char * const *aliases,
                                                         guint               mention_count);
gint64              cb_person_record_get_id             (CbPersonRecord *self);
const char         *cb_person_record_get_name           (CbPersonRecord *self);
const char * const *cb_person_record_get_aliases        (CbPersonRecord *self);
guint               cb_person_record_get_mention_count  (CbPersonRecord *self);

G_END_DECLS
