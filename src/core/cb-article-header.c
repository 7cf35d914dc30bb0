/* cb-article-header.c — the metadata block at the top of an article file
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two forms are recognised at the start of the text (after blank lines):
 *
 *   Title: Pardon granted            ---
 *   Date: 2018-06-08                 title: "Pardon granted"
 *   Source: https://example.org      date: 2018-06-08
 *                                    ---
 *   Body text …                      Body text …
 *
 * A key block counts only when every line of the first paragraph is a
 * "Key: value" line AND at least one key is one we know: an article that
 * opens with "Note: something" (alone or followed by more prose) stays body.
 */
#include "config.h"

#include <string.h>

#include "cb-article-header.h"

/* Titles taken from the body are cut to about this many characters. */
#define TITLE_MAX_CHARS 120
/* A key is a short label: "Title", "Published on", "Source-URL". */
#define KEY_MAX_CHARS 32

typedef enum
{
  KEY_UNKNOWN,
  KEY_TITLE,
  KEY_DATE,
  KEY_SOURCE,
  KEY_AUTHOR,
} KeyKind;

static KeyKind
classify_key (const char *key,
              gsize       len)
{
  static const struct { const char *name; KeyKind kind; } keys[] = {
    { "title", KEY_TITLE },
    { "headline", KEY_TITLE },
    { "date", KEY_DATE },
    { "published", KEY_DATE },
    { "source", KEY_SOURCE },
    { "url", KEY_SOURCE },
    { "link", KEY_SOURCE },
    { "author", KEY_AUTHOR },
    { "authors", KEY_AUTHOR },
    { "by", KEY_AUTHOR },
    { "byline", KEY_AUTHOR },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (keys); i++)
    if (strlen (keys[i].name) == len && g_ascii_strncasecmp (key, keys[i].name, len) == 0)
      return keys[i].kind;

  return KEY_UNKNOWN;
}

/* Line [line, line_end) is "Key: value"?  Fills the key and value spans
 * (value trimmed).  The key starts with a letter and holds letters, digits,
 * spaces, '-' and '_'; the colon is followed by white space or the end of the
 * line, so "https://…" or "10:30" are not keys. */
static gboolean
split_key_line (const char  *line,
                const char  *line_end,
                const char **key,
                gsize       *key_len,
                const char **value,
                gsize       *value_len)
{
  const char *p = line;
  const char *k_end;
  const char *v;
  const char *v_end;

  while (p < line_end && (*p == ' ' || *p == '\t'))
    p++;
  if (p >= line_end || !g_ascii_isalpha (*p))
    return FALSE;

  *key = p;
  while (p < line_end && (g_ascii_isalnum (*p) || *p == ' ' || *p == '-' || *p == '_'))
    p++;
  if (p >= line_end || *p != ':')
    return FALSE;

  k_end = p;
  while (k_end > *key && k_end[-1] == ' ')
    k_end--;
  if (k_end - *key > KEY_MAX_CHARS)
    return FALSE;

  p++;  /* the colon */
  if (p < line_end && *p != ' ' && *p != '\t')
    return FALSE;

  v = p;
  while (v < line_end && g_ascii_isspace (*v))
    v++;
  v_end = line_end;
  while (v_end > v && g_ascii_isspace (v_end[-1]))
    v_end--;

  *key_len = k_end - *key;
  *value = v;
  *value_len = v_end - v;
  return TRUE;
}

static const char *
line_end_of (const char *line)
{
  const char *nl = strchr (line, '\n');

  return nl != NULL ? nl : line + strlen (line);
}

static const char *
next_line (const char *line_end)
{
  return *line_end == '\n' ? line_end + 1 : line_end;
}

static gboolean
is_blank (const char *line,
          const char *line_end)
{
  for (; line < line_end; line++)
    if (!g_ascii_isspace (*line))
      return FALSE;
  return TRUE;
}

static const char *
skip_blank_lines (const char *p)
{
  while (*p)
    {
      const char *end = line_end_of (p);

      if (!is_blank (p, end))
        break;
      p = next_line (end);
    }
  return p;
}

static char *
dup_value (const char *value,
           gsize       len,
           gboolean    unquote)
{
  if (unquote && len >= 2 &&
      ((value[0] == '"' && value[len - 1] == '"') ||
       (value[0] == '\'' && value[len - 1] == '\'')))
    {
      value++;
      len -= 2;
    }

  if (len == 0)
    return NULL;

  return g_strndup (value, len);
}

static void
set_field (CbArticleHeader *header,
           KeyKind          kind,
           const char      *value,
           gsize            len,
           gboolean         unquote)
{
  char **field = NULL;

  switch (kind)
    {
    case KEY_TITLE: field = &header->title; break;
    case KEY_DATE: field = &header->date; break;
    case KEY_SOURCE: field = &header->source; break;
    case KEY_AUTHOR: field = &header->author; break;
    case KEY_UNKNOWN:
    default:
      return;
    }

  /* The first occurrence of a key wins. */
  if (*field == NULL)
    *field = dup_value (value, len, unquote);
}

static gboolean
is_fence (const char *line,
          const char *line_end)
{
  const char *p = line;

  if (line_end - line < 3 || strncmp (line, "---", 3) != 0)
    return FALSE;
  for (p += 3; p < line_end; p++)
    if (*p != ' ' && *p != '\t')
      return FALSE;
  return TRUE;
}

/* "---" front matter; returns where the body starts, or NULL. */
static const char *
parse_front_matter (const char      *start,
                    CbArticleHeader *header)
{
  const char *end = line_end_of (start);
  const char *line;

  if (!is_fence (start, end) || *end != '\n')
    return NULL;

  /* Find the closing fence first: without one this is no front matter. */
  for (line = next_line (end); *line; line = next_line (line_end_of (line)))
    {
      const char *le = line_end_of (line);

      if (is_fence (line, le) || (le - line == 3 && strncmp (line, "...", 3) == 0))
        break;
    }
  if (*line == '\0')
    return NULL;

  {
    const char *closing = line;

    for (line = next_line (end); line < closing; line = next_line (line_end_of (line)))
      {
        const char *le = line_end_of (line);
        const char *key, *value;
        gsize key_len, value_len;

        /* Indented lines continue a YAML value we do not read. */
        if (*line == ' ' || *line == '\t')
          continue;
        if (split_key_line (line, le, &key, &key_len, &value, &value_len))
          set_field (header, classify_key (key, key_len), value, value_len, TRUE);
      }

    return skip_blank_lines (next_line (line_end_of (closing)));
  }
}

/* "Key: value" lines then a blank line; returns where the body starts, or NULL. */
static const char *
parse_key_block (const char      *start,
                 CbArticleHeader *header)
{
  const char *line;
  const char *le = start;
  gboolean known = FALSE;

  for (line = start; *line; line = next_line (le))
    {
      const char *key, *value;
      gsize key_len, value_len;

      le = line_end_of (line);
      if (is_blank (line, le))
        break;
      if (!split_key_line (line, le, &key, &key_len, &value, &value_len))
        return NULL;
      if (classify_key (key, key_len) != KEY_UNKNOWN)
        known = TRUE;
    }

  /* The block must end in a blank line, and name something we know. */
  if (*line == '\0' || !known)
    return NULL;

  for (line = start; *line; line = next_line (le))
    {
      const char *key, *value;
      gsize key_len, value_len;

      le = line_end_of (line);
      if (is_blank (line, le))
        break;
      if (split_key_line (line, le, &key, &key_len, &value, &value_len))
        set_field (header, classify_key (key, key_len), value, value_len, FALSE);
    }

  return skip_blank_lines (line);
}

/* The first non-empty line of @body, without Markdown heading marks, trimmed,
 * and cut on a word boundary when very long. */
static char *
title_from_body (const char *body)
{
  const char *line = skip_blank_lines (body);
  const char *le;
  g_autofree char *title = NULL;
  const char *cut;
  const char *space;

  if (*line == '\0')
    return NULL;

  le = line_end_of (line);
  while (line < le && *line == '#')
    line++;
  title = g_strstrip (g_strndup (line, le - line));
  if (*title == '\0')
    return NULL;

  if (g_utf8_strlen (title, -1) <= TITLE_MAX_CHARS)
    return g_steal_pointer (&title);

  cut = g_utf8_offset_to_pointer (title, TITLE_MAX_CHARS);
  /* Back to the last space, unless that throws away most of the title. */
  for (space = cut; space > title && *space != ' '; space--)
    ;
  if (space - title >= TITLE_MAX_CHARS / 2)
    cut = space;
  while (cut > title && (cut[-1] == ' ' || cut[-1] == ',' || cut[-1] == ';' || cut[-1] == ':'))
    cut--;

  return g_strdup_printf ("%.*s…", (int) (cut - title), title);
}

void
cb_article_header_parse (const char      *text,
                         CbArticleHeader *header)
{
  const char *start;
  const char *body = NULL;

  g_return_if_fail (text != NULL);
  g_return_if_fail (header != NULL);

  memset (header, 0, sizeof *header);

  start = skip_blank_lines (text);

  body = parse_front_matter (start, header);
  if (body == NULL)
    body = parse_key_block (start, header);

  if (body == NULL)
    {
      /* No header: nothing half-read may remain. */
      cb_article_header_clear (header);
      body = start;
    }

  header->body_offset = body - text;

  if (header->title == NULL)
    header->title = title_from_body (body);
}

void
cb_article_header_clear (CbArticleHeader *header)
{
  g_return_if_fail (header != NULL);

  g_clear_pointer (&header->title, g_free);
  g_clear_pointer (&header->date, g_free);
  g_clear_pointer (&header->source, g_free);
  g_clear_pointer (&header->author, g_free);
  header->body_offset = 0;
}
