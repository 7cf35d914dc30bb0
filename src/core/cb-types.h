/* cb-types.h — small enumerations shared by the store, the CLI and the window
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Everything the extractors find arrives as a suggestion. */
typedef enum
{
  CB_REVIEW_SUGGESTED = 0,
  CB_REVIEW_ACCEPTED,
  CB_REVIEW_REJECTED,
} CbReview;

typedef enum
{
  CB_CASE_STATUS_OPEN = 0,
  CB_CASE_STATUS_PENDING,
  CB_CASE_STATUS_GRANTED,
  CB_CASE_STATUS_DENIED,
  CB_CASE_STATUS_CLOSED,
} CbCaseStatus;

typedef enum
{
  CB_EXCERPT_QUOTE = 0,
  CB_EXCERPT_PASSAGE,
} CbExcerptKind;

const char    *cb_review_to_string           (CbReview review);
CbReview       cb_review_from_string         (const char *str);
const char    *cb_case_status_to_string      (CbCaseStatus status);
CbCaseStatus   cb_case_status_from_string    (const char *str);
/* Translatable, for display ("Open", "Granted" …). */
const char    *cb_case_status_to_label       (CbCaseStatus status);
const char    *cb_excerpt_kind_to_string     (CbExcerptKind kind);
CbExcerptKind  cb_excerpt_kind_from_string   (const char *str);

G_END_DECLS
