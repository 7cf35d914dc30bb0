/* cb-types.c — small enumerations shared by the store, the CLI and the window
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-types.h"

/* The strings are what the database and the JSON export store: never
 * translate or rename them. */
static const char * const review_strings[] = {
  [CB_REVIEW_SUGGESTED] = "suggested",
  [CB_REVIEW_ACCEPTED] = "accepted",
  [CB_REVIEW_REJECTED] = "rejected",
};

static const char * const case_status_strings[] = {
  [CB_CASE_STATUS_OPEN] = "open",
  [CB_CASE_STATUS_PENDING] = "pending",
  [CB_CASE_STATUS_GRANTED] = "granted",
  [CB_CASE_STATUS_DENIED] = "denied",
  [CB_CASE_STATUS_CLOSED] = "closed",
};

static const char * const excerpt_kind_strings[] = {
  [CB_EXCERPT_QUOTE] = "quote",
  [CB_EXCERPT_PASSAGE] = "passage",
};

static int
lookup (const char * const *strings,
        guint               n_strings,
        const char         *str,
        int                 fallback)
{
  if (str == NULL)
    return fallback;

  for (guint i = 0; i < n_strings; i++)
    if (g_ascii_strcasecmp (strings[i], str) == 0)
      return (int) i;

  return fallback;
}

const char *
cb_review_to_string (CbReview review)
{
  if ((guint) review >= G_N_ELEMENTS (review_strings))
    return review_strings[CB_REVIEW_SUGGESTED];
  return review_strings[review];
}

CbReview
cb_review_from_string (const char *str)
{
  return (CbReview) lookup (review_strings, G_N_ELEMENTS (review_strings),
                            str, CB_REVIEW_SUGGESTED);
}

const char *
cb_case_status_to_string (CbCaseStatus status)
{
  if ((guint) status >= G_N_ELEMENTS (case_status_strings))
    return case_status_strings[CB_CASE_STATUS_OPEN];
  return case_status_strings[status];
}

CbCaseStatus
cb_case_status_from_string (const char *str)
{
  return (CbCaseStatus) lookup (case_status_strings, G_N_ELEMENTS (case_status_strings),
                                str, CB_CASE_STATUS_OPEN);
}

const char *
cb_case_status_to_label (CbCaseStatus status)
{
  switch (status)
    {
    case CB_CASE_STATUS_PENDING:
      return _("Pending");
    case CB_CASE_STATUS_GRANTED:
      return _("Granted");
    case CB_CASE_STATUS_DENIED:
      return _("Denied");
    case CB_CASE_STATUS_CLOSED:
      return _("Closed");
    case CB_CASE_STATUS_OPEN:
    default:
      return _("Open");
    }
}

const char *
cb_excerpt_kind_to_string (CbExcerptKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (excerpt_kind_strings))
    return excerpt_kind_strings[CB_EXCERPT_PASSAGE];
  return excerpt_kind_strings[kind];
}

CbExcerptKind
cb_excerpt_kind_from_string (const char *str)
{
  return (CbExcerptKind) lookup (excerpt_kind_strings, G_N_ELEMENTS (excerpt_kind_strings),
                                 str, CB_EXCERPT_PASSAGE);
}
