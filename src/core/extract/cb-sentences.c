/* cb-sentences.c — sentence and paragraph boundaries
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cb-sentences.h"

/* Words that, followed by a period, do not end a sentence.  Compared with the
 * case as written: "No." is an abbreviation, "no." at the end of a reply is not. */
static const char * const abbreviations[] = {
  "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "St", "Jr", "Sr", "Sen", "Rep", "Gov",
  "Gen", "Lt", "Col", "Capt", "Cpt", "Sgt", "Maj", "Adm", "Cmdr", "Rev", "Hon",
  "Atty", "Supt", "Det", "Insp", "Pres", "Amb", "Fr", "Msgr", "Mt", "Ft",
  "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
  "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
  "No", "Nos", "Nr", "vs", "v", "Inc", "Co", "Corp", "Ltd", "Bros", "Dept", "Univ",
  "Ave", "Blvd", "Rd", "approx", "est", "Fig", "fig", "Vol", "vol", "pp", "p",
  "cf", "al", "ca", "Op", "Art", "Sec", "Ch", "ch", "Ps",
};

static gboolean
is_abbreviation (const char *word,
                 gsize       len)
{
  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if (abbreviations[i][0] == word[0] && strncmp (abbreviations[i], word, len) == 0
        && abbreviations[i][len] == '\0')
      return TRUE;
  return FALSE;
}

static gboolean
is_space_byte (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Closing quotes and brackets that belong to the sentence they end. */
static gsize
closer_len (const char *p)
{
  const guchar *u = (const guchar *) p;

  if (*p == '"' || *p == '\'' || *p == ')' || *p == ']')
    return 1;
  /* ’ ” » */
  if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x99 || u[2] == 0x9D))
    return 3;
  if (u[0] == 0xC2 && u[1] == 0xBB)
    return 2;
  return 0;
}

/* Can a sentence start at @p: a capital, a digit, an opening quote or bracket? */
static gboolean
starts_sentence (const char *p)
{
  const guchar *u = (const guchar *) p;
  gunichar c;

  if (g_ascii_isupper (*p) || g_ascii_isdigit (*p))
    return TRUE;
  if (*p == '"' || *p == '\'' || *p == '(' || *p == '[')
    return TRUE;
  /* ‘ “ « */
  if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x98 || u[2] == 0x9C))
    return TRUE;
  if (u[0] == 0xC2 && u[1] == 0xAB)
    return TRUE;
  if (u[0] < 0x80)
    return FALSE;
  c = g_utf8_get_char_validated (p, -1);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return FALSE;
  return g_unichar_isupper (c) || g_unichar_istitle (c);
}

/* Does the period at @dot (inside [@line_start, …)) close an abbreviation or an initial? */
static gboolean
period_is_abbreviation (const char *line_start,
                        const char *dot)
{
  const char *w = dot;
  gsize len;

  while (w > line_start && (g_ascii_isalpha (w[-1]) || w[-1] == '.'))
    w--;
  len = dot - w;
  if (len == 0)
    return FALSE;
  /* "U.S.", "a.m.", "e.g.": internal periods */
  if (memchr (w, '.', len) != NULL)
    return TRUE;
  /* an initial: "H." (but not the pronoun "I." ending a sentence) */
  if (len == 1 && g_ascii_isupper (*w) && *w != 'I')
    return TRUE;
  return is_abbreviation (w, len);
}

static void
add_sentence (GArray     *sentences,
              const char *text,
              const char *start,
              const char *end,
              guint       paragraph)
{
  CbSentence s;

  while (start < end && (is_space_byte (*start) || *start == '\n'))
    start++;
  while (end > start && (is_space_byte (end[-1]) || end[-1] == '\n'))
    end--;
  if (start == end)
    return;
  s.span.start = start - text;
  s.span.end = end - text;
  s.paragraph = paragraph;
  g_array_append_val (sentences, s);
}

GArray *
cb_split_sentences (const char *text)
{
  /* About one sentence per 100 bytes of news text. */
  GArray *sentences = g_array_sized_new (FALSE, FALSE, sizeof (CbSentence),
                                         text != NULL ? strlen (text) / 100 + 8 : 0);
  const char *line;
  guint paragraph = 0;

  if (text == NULL)
    return sentences;

  line = text;
  while (*line != '\0')
    {
      const char *eol = strchr (line, '\n');
      const char *start = line;
      const char *p;
      gboolean blank = TRUE;

      if (eol == NULL)
        eol = line + strlen (line);

      for (p = line; p < eol; p++)
        if (!is_space_byte (*p))
          {
            blank = FALSE;
            break;
          }

      if (!blank)
        {
          for (p = line; p < eol; p++)
            {
              const char *q;

              /* On to the next end mark (there is no newline before eol). */
              p += strcspn (p, ".!?\n");
              if (p >= eol)
                break;
              q = p + 1;
              /* "?!", "...", "!!!" */
              while (q < eol && (*q == '.' || *q == '!' || *q == '?'))
                q++;
              while (q < eol)
                {
                  gsize n = closer_len (q);

                  if (n == 0 || q + n > eol)
                    break;
                  q += n;
                }
              if (q >= eol || !is_space_byte (*q))
                {
                  p = q - 1;
                  continue;
                }
              {
                const char *next = q;

                while (next < eol && is_space_byte (*next))
                  next++;
                if (next >= eol || !starts_sentence (next))
                  {
                    p = q - 1;
                    continue;
                  }
                if (*p == '.' && q == p + 1 && period_is_abbreviation (line, p))
                  continue;
                add_sentence (sentences, text, start, q, paragraph);
                start = next;
                p = next - 1;
              }
            }
          add_sentence (sentences, text, start, eol, paragraph);
          paragraph++;
        }

      line = *eol == '\n' ? eol + 1 : eol;
    }

  return sentences;
}
