/* cb-case-file.h — one case file: a person or matter followed over time
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include "cb-types.h"

G_BEGIN_DECLS

#define CB_TYPE_CASE_FILE (cb_case_file_get_type ())
G_DECLARE_FINAL_TYPE (CbCaseFile, cb_case_file, CB, CASE_FILE, GObject)

/* Properties: "id", "title", "subject-id", "subject-name", "status" (CbCaseStatus
 * as int), "status-label" (translated), "notes", "review" (CbReview as int),
 * "suggested" (boolean), "event-count", "source-count" (guint). */
CbCaseFile  *cb_case_file_new              (gint64        id,
                                            const char   *title,
                                            gint64        subject_id,
                                            const char   *subject_name,
                                            CbCaseStatus  status,
                                            const char   *notes,
                                            CbReview      review,
                                            guint         event_count,
                                            guint         source_count);
gint64       cb_case_file_get_id           (CbCaseFile *self);
const char  *cb_case_file_get_title        (CbCaseFile *self);
gint64       cb_case_file_get_subject_id   (CbCaseFile *self);
const char  *cb_case_file_get_subject_name (CbCaseFile *self);
CbCaseStatus cb_case_file_get_status       (CbCaseFile *self);
const char  *cb_case_file_get_notes        (CbCaseFile *self);
CbReview     cb_case_file_get_review       (CbCaseFile *self);
guint        cb_case_file_get_event_count  (CbCaseFile *self);
guint        cb_case_file_get_source_count (CbCaseFile *self);

G_END_DECLS
