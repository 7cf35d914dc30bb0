/* cb-summary-render.c — a case summary laid out on pages with Pango and cairo
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is a list of blocks (a title, a heading, a table row, an
 * excerpt …), each a few Pango layouts at fixed offsets.  Pagination places
 * whole blocks on pages; only a block taller than a page is cut, between two
 * of its lines.  Layouts are made once, on a context of its own at 72 dpi
 * without hinting, so what is measured is exactly what a PDF surface or a
 * printer draws, at any scale.
 */
#include "config.h"

#include <langinfo.h>
#include <stdint.h>
#include <string.h>

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "cb-summary-render.h"

/* Fonts: sans for structure, serif for what the sources say. */
#define FONT_KICKER     "Sans Bold 7.5"
#define FONT_TITLE      "Sans Bold 20"
#define FONT_META       "Sans 9"
#define FONT_HEADING    "Sans Bold 11"
#define FONT_TABLE_HEAD "Sans Bold 7"
#define FONT_DATE       "Sans 8.5"
#define FONT_BODY       "Serif 9.5"
#define FONT_QUOTE      "Serif Italic 9.5"
#define FONT_SMALL      "Sans 8"
#define FONT_FURNITURE  "Sans 7.5"

#define DATE_COLUMN     84.0   /* points: "between 12 Sept 2018 and …" wraps */
#define NUMBER_COLUMN   26.0
#define ROW_PADDING      4.5
#define HEADING_ABOVE   16.0
#define HEADING_BELOW    7.0
#define QUOTE_INDENT    14.0
#define FURNITURE_GAP   22.0   /* from the text area to the running header/footer */

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_TEXT,
  BLOCK_PERSON,
  BLOCK_TABLE_HEAD,
  BLOCK_ROW,
  BLOCK_EXCERPT,
  BLOCK_SOURCE,
} BlockKind;

enum
{
  BLOCK_KEEP_WITH_NEXT = 1 << 0,   /* never the last block of a page */
  BLOCK_NEW_PAGE = 1 << 1,         /* starts a page (each case) */
  BLOCK_SUGGESTED = 1 << 2,        /* tinted */
  BLOCK_RULE_BELOW = 1 << 3,       /* a hairline under it */
};

#define MAX_COLUMNS 3

typedef struct
{
  BlockKind    kind;
  guint        flags;
  guint        case_index;
  double       height;
  PangoLayout *layouts[MAX_COLUMNS];
  double       x[MAX_COLUMNS];
  double       y[MAX_COLUMNS];
  guint        table_head;         /* a row's column header block, G_MAXUINT for none */
} Block;

/* The part [from, to) of a block, drawn at @y below the top of the text area. */
typedef struct
{
  guint  block;
  double from;
  double to;
  double y;
} Placement;

typedef struct
{
  guint first;          /* into placements */
  guint n;
  guint case_index;
  gboolean case_start;  /* the first page of its case: no running header */
} Page;

struct _CbSummaryRender
{
  GObject parent_instance;

  CbSummary *summary;
  PangoContext *context;

  double width, height;
  double top, right, bottom, left;

  GArray *blocks;        /* Block; empty until laid out */
  GArray *placements;    /* Placement */
  GArray *pages;         /* Page */
  gboolean paginated;
};

G_DEFINE_FINAL_TYPE (CbSummaryRender, cb_summary_render, G_TYPE_OBJECT)

/* ---- paper ----------------------------------------------------------------- */

CbPaper
cb_paper_get_default (void)
{
  /* glibc hands LC_PAPER's sizes in millimetres out as the pointer's value;
   * Letter is 216 × 279 (Legal, 216 × 356, is no default paper anywhere). */
#if defined (_NL_PAPER_HEIGHT) && defined (_NL_PAPER_WIDTH)
  int height = (int) (intptr_t) nl_langinfo (_NL_PAPER_HEIGHT);
  int width = (int) (intptr_t) nl_langinfo (_NL_PAPER_WIDTH);

  if (height == 279 && width == 216)
    return CB_PAPER_LETTER;
#endif
  return CB_PAPER_A4;
}

gboolean
cb_paper_from_string (const char *name,
                      CbPaper    *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (name != NULL && g_ascii_strcasecmp (name, "default") == 0)
    *paper = cb_paper_get_default ();
  else if (name != NULL && g_ascii_strcasecmp (name, "a4") == 0)
    *paper = CB_PAPER_A4;
  else if (name != NULL && g_ascii_strcasecmp (name, "letter") == 0)
    *paper = CB_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

void
cb_paper_get_size (CbPaper  paper,
                   double  *width,
                   double  *height)
{
  if (paper == CB_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 595.276;   /* 210 × 297 mm */
      *height = 841.89;
    }
}

/* ---- blocks ---------------------------------------------------------------- */

static void
block_clear (gpointer data)
{
  Block *block = data;

  for (guint i = 0; i < MAX_COLUMNS; i++)
    g_clear_object (&block->layouts[i]);
}

static double
content_width (CbSummaryRender *self)
{
  return MAX (self->width - self->left - self->right, 72.0);
}

static double
content_height (CbSummaryRender *self)
{
  return MAX (self->height - self->top - self->bottom, 72.0);
}

static PangoLayout *
new_layout (CbSummaryRender *self,
            const char      *font,
            double           width,
            const char      *markup)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, pango_units_from_double (width));
  /* Long words and URLs break between characters when nothing else fits. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.y + logical.height);
}

/* Appends a block whose layouts are given as (layout, x, y) triples ending
 * with NULL; its height is the tallest column plus @pad above and below. */
static guint
add_block (CbSummaryRender *self,
           BlockKind        kind,
           guint            flags,
           guint            case_index,
           double           pad,
           ...)
{
  Block block = { 0 };
  PangoLayout *layout;
  guint n = 0;
  va_list args;

  block.kind = kind;
  block.flags = flags;
  block.case_index = case_index;
  block.table_head = G_MAXUINT;

  va_start (args, pad);
  while ((layout = va_arg (args, PangoLayout *)) != NULL)
    {
      double x = va_arg (args, double);
      double y = va_arg (args, double);

      g_assert (n < MAX_COLUMNS);
      block.layouts[n] = layout;
      block.x[n] = x;
      block.y[n] = y + pad;
      block.height = MAX (block.height, block.y[n] + layout_height (layout));
      n++;
    }
  va_end (args);

  block.height += pad;
  g_array_append_val (self->blocks, block);

  return self->blocks->len - 1;
}

/* How far down @small must go for its first baseline to meet @big's. */
static double
baseline_offset (PangoLayout *big,
                 PangoLayout *small)
{
  return MAX (pango_units_to_double (pango_layout_get_baseline (big) - pango_layout_get_baseline (small)), 0.0);
}

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

static char *
format_numbers (GArray *numbers)
{
  GString *text = g_string_new ("[");

  for (guint i = 0; i < numbers->len; i++)
    g_string_append_printf (text, "%s%u", i > 0 ? ", " : "", g_array_index (numbers, guint, i));
  g_string_append_c (text, ']');

  return g_string_free (text, FALSE);
}

static void
add_heading (CbSummaryRender *self,
             guint            case_index,
             const char      *text)
{
  g_autofree char *markup = escape (text);
  PangoLayout *layout = new_layout (self, FONT_HEADING, content_width (self), markup);

  add_block (self, BLOCK_HEADING, BLOCK_KEEP_WITH_NEXT | BLOCK_RULE_BELOW, case_index, 0,
             layout, 0.0, HEADING_ABOVE, NULL);
  /* Room between the rule and what follows. */
  g_array_index (self->blocks, Block, self->blocks->len - 1).height += HEADING_BELOW;
}

static void
add_note (CbSummaryRender *self,
          guint            case_index,
          const char      *text)
{
  g_autofree char *escaped = escape (text);
  g_autofree char *markup = g_strdup_printf ("<span foreground='#555555' style='italic'>%s</span>",
                                             escaped);

  add_block (self, BLOCK_TEXT, 0, case_index, ROW_PADDING,
             new_layout (self, FONT_BODY, content_width (self), markup), 0.0, 0.0, NULL);
}

static void
add_title (CbSummaryRender     *self,
           guint                case_index,
           const CbSummaryCase *summary_case)
{
  double width = content_width (self);
  g_autofree char *kicker = NULL;
  g_autofree char *title = escape (summary_case->title);
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *status = escape (summary_case->status);
  PangoLayout *kicker_layout, *title_layout, *meta_layout;
  double y;

  /* Translators: printed small, in capitals, above the case's title */
  kicker = g_strdup_printf ("<span letter_spacing='500' foreground='#5a6b7d'>%s</span>",
                            _("CASE SUMMARY"));
  kicker_layout = new_layout (self, FONT_KICKER, width, kicker);
  title_layout = new_layout (self, FONT_TITLE, width, title);

  if (summary_case->subject != NULL)
    {
      g_autofree char *subject = escape (summary_case->subject);

      g_string_append_printf (meta, "<span foreground='#5a6b7d'>%s</span>  %s     ",
                              _("Subject"), subject);
    }
  g_string_append_printf (meta, "<span foreground='#5a6b7d'>%s</span>  %s     ",
                          _("Status"), status);
  g_string_append_printf (meta, "<span foreground='#5a6b7d'>%s</span>  %'u     "
                          "<span foreground='#5a6b7d'>%s</span>  %'u",
                          _("Events"), summary_case->events->len,
                          _("Sources"), summary_case->sources->len);
  if (summary_case->suggested)
    g_string_append_printf (meta, "\n<span foreground='#8a5a00'>%s</span>",
                            _("This case file was suggested by Casebook and has not been reviewed yet."));
  meta_layout = new_layout (self, FONT_META, width, meta->str);

  y = layout_height (kicker_layout) + 3.0;
  add_block (self, BLOCK_TITLE, BLOCK_NEW_PAGE | BLOCK_RULE_BELOW, case_index, 0,
             kicker_layout, 0.0, 0.0,
             title_layout, 0.0, y,
             meta_layout, 0.0, y + layout_height (title_layout) + 6.0,
             NULL);
  g_array_index (self->blocks, Block, self->blocks->len - 1).height += 6.0;
}

static void
add_people (CbSummaryRender     *self,
            guint                case_index,
            const CbSummaryCase *summary_case)
{
  double width = content_width (self);
  double name_width = MIN (width * 0.4, 200.0);

  add_heading (self, case_index, _("People involved"));
  if (summary_case->people->len == 0)
    {
      add_note (self, case_index, _("No people are recorded for this case."));
      return;
    }

  for (guint i = 0; i < summary_case->people->len; i++)
    {
      const CbSummaryPerson *person = g_ptr_array_index (summary_case->people, i);
      g_autofree char *name = escape (person->name);
      g_autofree char *role = escape (person->role);
      g_autofree char *role_markup = g_strdup_printf ("<span foreground='#444444'>%s</span>", role);

      add_block (self, BLOCK_PERSON, 0, case_index, 2.5,
                 new_layout (self, FONT_META, name_width - 8.0, name), 0.0, 0.0,
                 new_layout (self, FONT_META, width - name_width, role_markup), name_width, 0.0,
                 NULL);
    }
}

static void
add_chronology (CbSummaryRender     *self,
                guint                case_index,
                const CbSummaryCase *summary_case,
                gboolean             include_suggestions)
{
  double width = content_width (self);
  g_autofree char *date_head = NULL;
  g_autofree char *what_head = NULL;
  guint head;

  add_heading (self, case_index, _("Chronology"));
  if (summary_case->events->len == 0)
    {
      add_note (self, case_index,
                include_suggestions
                ? _("No events are recorded for this case.")
                : _("No event of this case has been accepted yet."));
      return;
    }

  /* Translators: column headings of the chronology, printed in capitals */
  date_head = g_strdup_printf ("<span letter_spacing='300' foreground='#5a6b7d'>%s</span>", _("DATE"));
  what_head = g_strdup_printf ("<span letter_spacing='300' foreground='#5a6b7d'>%s</span>",
                               _("WHAT HAPPENED"));
  head = add_block (self, BLOCK_TABLE_HEAD, BLOCK_KEEP_WITH_NEXT | BLOCK_RULE_BELOW, case_index, 3.0,
                    new_layout (self, FONT_TABLE_HEAD, DATE_COLUMN - 8.0, date_head), 0.0, 0.0,
                    new_layout (self, FONT_TABLE_HEAD, width - DATE_COLUMN, what_head), DATE_COLUMN, 0.0,
                    NULL);

  for (guint i = 0; i < summary_case->events->len; i++)
    {
      const CbSummaryEvent *event = g_ptr_array_index (summary_case->events, i);
      g_autofree char *date = escape (event->date);
      g_autofree char *description = escape (event->description);
      g_autofree char *numbers = format_numbers (event->sources);
      g_autofree char *date_markup = NULL;
      g_autofree char *markup = NULL;
      PangoLayout *date_layout, *text_layout;
      guint row;

      if (event->suggested)
        date_markup = g_strdup_printf ("%s\n<span size='smaller' style='italic' foreground='#8a5a00'>%s</span>",
                                       date, _("suggested"));
      else
        date_markup = g_strdup (date);
      markup = event->sources->len > 0
        ? g_strdup_printf ("%s\u00a0<span font='Sans 7' foreground='#5a6b7d'>%s</span>", description, numbers)
        : g_strdup (description);

      date_layout = new_layout (self, FONT_DATE, DATE_COLUMN - 8.0, date_markup);
      text_layout = new_layout (self, FONT_BODY, width - DATE_COLUMN, markup);
      row = add_block (self, BLOCK_ROW,
                       BLOCK_RULE_BELOW | (event->suggested ? BLOCK_SUGGESTED : 0),
                       case_index, ROW_PADDING,
                       date_layout, 0.0, baseline_offset (text_layout, date_layout),
                       text_layout, DATE_COLUMN, 0.0,
                       NULL);
      g_array_index (self->blocks, Block, row).table_head = head;
    }
}

static void
add_excerpts (CbSummaryRender     *self,
              guint                case_index,
              const CbSummaryCase *summary_case)
{
  double width = content_width (self);

  if (summary_case->excerpts->len == 0)
    return;

  add_heading (self, case_index, _("Key excerpts"));
  for (guint i = 0; i < summary_case->excerpts->len; i++)
    {
      const CbSummaryExcerpt *excerpt = g_ptr_array_index (summary_case->excerpts, i);
      g_autofree char *text = escape (excerpt->text);
      g_autofree char *quoted = NULL;
      g_autoptr(GString) by = g_string_new ("<span foreground='#444444'>");
      PangoLayout *text_layout;

      /* Translators: a quote as printed: “%s” */
      quoted = excerpt->quote ? g_strdup_printf (_("“%s”"), text) : g_strdup (text);
      text_layout = new_layout (self, excerpt->quote ? FONT_QUOTE : FONT_BODY,
                                width - QUOTE_INDENT, quoted);

      if (excerpt->speaker != NULL)
        {
          g_autofree char *speaker = escape (excerpt->speaker);

          g_string_append_printf (by, "— %s  ", speaker);
        }
      g_string_append_printf (by, "<span foreground='#5a6b7d'>[%u]</span>", excerpt->source);
      if (excerpt->suggested)
        g_string_append_printf (by, "  <span style='italic' foreground='#8a5a00'>%s</span>",
                                _("suggested"));
      g_string_append (by, "</span>");

      add_block (self, BLOCK_EXCERPT, excerpt->suggested ? BLOCK_SUGGESTED : 0, case_index, 5.0,
                 text_layout, QUOTE_INDENT, 0.0,
                 new_layout (self, FONT_SMALL, width - QUOTE_INDENT, by->str),
                 QUOTE_INDENT, layout_height (text_layout) + 2.5,
                 NULL);
    }
}

static void
add_sources (CbSummaryRender     *self,
             guint                case_index,
             const CbSummaryCase *summary_case)
{
  double width = content_width (self);

  if (summary_case->sources->len == 0)
    return;

  add_heading (self, case_index, _("Sources"));
  for (guint i = 0; i < summary_case->sources->len; i++)
    {
      const CbSummarySource *source = g_ptr_array_index (summary_case->sources, i);
      g_autofree char *number = g_strdup_printf ("<span foreground='#5a6b7d'>[%u]</span>", source->number);
      g_autofree char *title = escape (source->title);
      g_autoptr(GString) markup = g_string_new (NULL);
      PangoLayout *number_layout, *text_layout;

      g_string_append (markup, title);
      if (source->date != NULL || source->location != NULL)
        {
          g_autofree char *date = escape (source->date);
          g_autofree char *location = escape (source->location);

          g_string_append_printf (markup, "\n<span font='Sans 8' foreground='#444444' insert_hyphens='false'>%s%s%s</span>",
                                  date, source->date != NULL && source->location != NULL ? "  ·  " : "",
                                  location);
        }

      number_layout = new_layout (self, FONT_SMALL, NUMBER_COLUMN, number);
      text_layout = new_layout (self, FONT_BODY, width - NUMBER_COLUMN, markup->str);
      add_block (self, BLOCK_SOURCE, 0, case_index, 3.0,
                 number_layout, 0.0, baseline_offset (text_layout, number_layout),
                 text_layout, NUMBER_COLUMN, 0.0,
                 NULL);
    }
}

static void
build_blocks (CbSummaryRender *self)
{
  gboolean include_suggestions = cb_summary_get_include_suggestions (self->summary);

  g_array_set_size (self->blocks, 0);

  for (guint c = 0; c < cb_summary_get_n_cases (self->summary); c++)
    {
      const CbSummaryCase *summary_case = cb_summary_get_case (self->summary, c);

      add_title (self, c, summary_case);
      if (include_suggestions)
        add_note (self, c, _("This summary includes suggestions: what is marked “suggested” was "
                             "found by Casebook in the articles and has not been reviewed."));
      if (summary_case->notes != NULL)
        {
          g_autofree char *notes = escape (summary_case->notes);

          add_heading (self, c, _("Notes"));
          add_block (self, BLOCK_TEXT, 0, c, ROW_PADDING,
                     new_layout (self, FONT_BODY, content_width (self), notes), 0.0, 0.0, NULL);
        }
      add_people (self, c, summary_case);
      add_chronology (self, c, summary_case, include_suggestions);
      add_excerpts (self, c, summary_case);
      add_sources (self, c, summary_case);
    }

  if (self->blocks->len == 0)
    add_note (self, 0, _("There is nothing to print."));
}

/* ---- pagination ---------------------------------------------------------- */

static const Block *
get_block (CbSummaryRender *self,
           guint            index)
{
  return &g_array_index (self->blocks, Block, index);
}

static void
start_page (CbSummaryRender *self,
            guint            case_index,
            gboolean         case_start)
{
  Page page = { self->placements->len, 0, case_index, case_start };

  g_array_append_val (self->pages, page);
}

static void
place (CbSummaryRender *self,
       guint            block,
       double           from,
       double           to,
       double           y)
{
  Placement placement = { block, from, to, y };

  g_array_append_val (self->placements, placement);
  g_array_index (self->pages, Page, self->pages->len - 1).n++;
}

/* Where a block taller than @limit may be cut: the bottom of the last line
 * of its tallest column above @limit (relative to the block's top), or
 * @limit itself when even one line does not fit. */
static double
cut_before (const Block *block,
            double       from,
            double       limit)
{
  double best = from;
  guint tallest = 0;
  PangoLayoutIter *iter;

  for (guint i = 1; i < MAX_COLUMNS && block->layouts[i] != NULL; i++)
    if (block->y[i] + layout_height (block->layouts[i])
        > block->y[tallest] + layout_height (block->layouts[tallest]))
      tallest = i;

  iter = pango_layout_get_iter (block->layouts[tallest]);
  do
    {
      int y0, y1;
      double bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      bottom = block->y[tallest] + pango_units_to_double (y1);
      if (bottom > limit)
        break;
      if (bottom > from)
        best = bottom;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return best > from ? best : limit;
}

guint
cb_summary_render_paginate (CbSummaryRender *self)
{
  double page_height, y = 0;

  g_return_val_if_fail (CB_IS_SUMMARY_RENDER (self), 0);

  if (self->paginated)
    return self->pages->len;

  build_blocks (self);
  g_array_set_size (self->placements, 0);
  g_array_set_size (self->pages, 0);
  page_height = content_height (self);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = get_block (self, i);
      double need = block->height;
      double from = 0;

      if (self->pages->len == 0
          || ((block->flags & BLOCK_NEW_PAGE) && y > 0))
        {
          start_page (self, block->case_index, TRUE);
          y = 0;
        }

      /* A heading (and a table's column header) goes with what follows it. */
      for (guint j = i; j + 1 < self->blocks->len
             && (get_block (self, j)->flags & BLOCK_KEEP_WITH_NEXT)
             && !(get_block (self, j + 1)->flags & BLOCK_NEW_PAGE); j++)
        need += get_block (self, j + 1)->height;
      need = MIN (need, page_height);

      if (y > 0 && y + need > page_height)
        {
          start_page (self, block->case_index, FALSE);
          y = 0;
          /* A table that goes on repeats its column header. */
          if (block->table_head != G_MAXUINT)
            {
              const Block *head = get_block (self, block->table_head);

              place (self, block->table_head, 0, head->height, 0);
              y = head->height;
            }
        }

      /* Only a block taller than a whole page is cut, between two lines. */
      while (block->height - from > page_height - y)
        {
          double to = cut_before (block, from, from + page_height - y);

          /* Always some progress, whatever the page. */
          to = MAX (to, from + 1.0);

          place (self, i, from, to, y);
          from = to;
          start_page (self, block->case_index, FALSE);
          y = 0;
          block = get_block (self, i);
        }

      place (self, i, from, block->height, y);
      y += block->height - from;
    }

  self->paginated = TRUE;
  return self->pages->len;
}

guint
cb_summary_render_get_n_pages (CbSummaryRender *self)
{
  g_return_val_if_fail (CB_IS_SUMMARY_RENDER (self), 0);

  return cb_summary_render_paginate (self);
}

/* ---- drawing --------------------------------------------------------------- */

static void
set_color (cairo_t *cr,
           guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static void
hairline (cairo_t *cr,
          double   x0,
          double   x1,
          double   y,
          double   width,
          guint32  rgb)
{
  set_color (cr, rgb);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static void
draw_block (CbSummaryRender *self,
            cairo_t         *cr,
            const Block     *block)
{
  double width = content_width (self);

  if (block->flags & BLOCK_SUGGESTED)
    {
      set_color (cr, 0xfbf6ea);
      cairo_rectangle (cr, -4.0, 0, width + 8.0, block->height);
      cairo_fill (cr);
    }

  switch (block->kind)
    {
    case BLOCK_TITLE:
      hairline (cr, 0, width, block->height - 1.0, 1.5, 0x2b4a6f);
      break;
    case BLOCK_HEADING:
      hairline (cr, 0, width, block->height - HEADING_BELOW + 2.0, 0.5, 0x9aa8b6);
      break;
    case BLOCK_TABLE_HEAD:
      hairline (cr, 0, width, block->height, 0.75, 0x9aa8b6);
      break;
    case BLOCK_ROW:
      hairline (cr, 0, width, block->height, 0.35, 0xd5dbe1);
      break;
    case BLOCK_EXCERPT:
      set_color (cr, 0xb8c3ce);
      cairo_rectangle (cr, 2.0, 5.0, 2.0, block->height - 10.0);
      cairo_fill (cr);
      break;
    case BLOCK_TEXT:
    case BLOCK_PERSON:
    case BLOCK_SOURCE:
    default:
      break;
    }

  set_color (cr, 0x1a1a1a);
  for (guint i = 0; i < MAX_COLUMNS && block->layouts[i] != NULL; i++)
    {
      cairo_move_to (cr, block->x[i], block->y[i]);
      pango_cairo_show_layout (cr, block->layouts[i]);
    }
}

/* Later pages of a case say which case they belong to. */
static void
draw_header (CbSummaryRender *self,
             cairo_t         *cr,
             const Page      *page)
{
  const CbSummaryCase *summary_case;
  g_autofree char *title = NULL;
  g_autofree char *markup = NULL;
  g_autoptr(PangoLayout) header = NULL;
  double width = content_width (self);
  double y;

  if (page->case_start || page->case_index >= cb_summary_get_n_cases (self->summary))
    return;

  summary_case = cb_summary_get_case (self->summary, page->case_index);
  title = escape (summary_case->title);
  markup = g_strdup_printf ("%s — %s", title, _("Case summary"));
  header = new_layout (self, FONT_FURNITURE, width, markup);
  pango_layout_set_ellipsize (header, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (header, -1);

  y = self->top - FURNITURE_GAP - layout_height (header);
  set_color (cr, 0x5a6b7d);
  cairo_move_to (cr, self->left, y);
  pango_cairo_show_layout (cr, header);
  hairline (cr, self->left, self->left + width, y + layout_height (header) + 4.0, 0.5, 0x9aa8b6);
}

static void
draw_footer (CbSummaryRender *self,
             cairo_t         *cr,
             guint            index)
{
  double width = content_width (self);
  g_autofree char *page_text = NULL;
  g_autofree char *generated = NULL;
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  double y;

  /* Translators: the footer of every printed page */
  page_text = g_strdup_printf (_("Page %'u of %'u"), index + 1, self->pages->len);
  generated = g_markup_printf_escaped ("%s · Casebook", cb_summary_get_generated_label (self->summary));

  y = self->height - self->bottom + FURNITURE_GAP;
  hairline (cr, self->left, self->left + width, y - 5.0, 0.5, 0x9aa8b6);
  set_color (cr, 0x5a6b7d);
  left = new_layout (self, FONT_FURNITURE, width * 0.7, generated);
  cairo_move_to (cr, self->left, y);
  pango_cairo_show_layout (cr, left);
  right = new_layout (self, FONT_FURNITURE, width * 0.3, page_text);
  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
  cairo_move_to (cr, self->left + width * 0.7, y);
  pango_cairo_show_layout (cr, right);
}

void
cb_summary_render_draw_page (CbSummaryRender *self,
                             cairo_t         *cr,
                             guint            page)
{
  const Page *p;

  g_return_if_fail (CB_IS_SUMMARY_RENDER (self));
  g_return_if_fail (cr != NULL);

  cb_summary_render_paginate (self);
  g_return_if_fail (page < self->pages->len);

  p = &g_array_index (self->pages, Page, page);

  cairo_save (cr);
  /* In reading order: what a text extractor or a screen reader meets first. */
  draw_header (self, cr, p);
  for (guint i = p->first; i < p->first + p->n; i++)
    {
      const Placement *placement = &g_array_index (self->placements, Placement, i);
      const Block *block = get_block (self, placement->block);
      gboolean cut = placement->from > 0 || placement->to < block->height;

      cairo_save (cr);
      cairo_translate (cr, self->left, self->top + placement->y - placement->from);
      if (cut)
        {
          /* Wide enough for the tint of a suggestion. */
          cairo_rectangle (cr, -8.0, placement->from, content_width (self) + 16.0,
                           placement->to - placement->from);
          cairo_clip (cr);
        }
      draw_block (self, cr, block);
      cairo_restore (cr);
    }
  draw_footer (self, cr, page);
  cairo_restore (cr);
}

/* ---- PDF ----------------------------------------------------------------- */

typedef struct
{
  GOutputStream *stream;
  GCancellable *cancellable;
  GError *error;
} WriteClosure;

static cairo_status_t
write_cb (void                *user_data,
          const unsigned char *data,
          unsigned int         length)
{
  WriteClosure *closure = user_data;

  if (closure->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (closure->stream, data, length, NULL,
                                  closure->cancellable, &closure->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

gboolean
cb_summary_render_write_pdf (CbSummaryRender  *self,
                             CbPaper           paper,
                             GFile            *file,
                             GCancellable     *cancellable,
                             GError          **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  WriteClosure closure = { NULL, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  guint n_pages;

  g_return_val_if_fail (CB_IS_SUMMARY_RENDER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  cb_paper_get_size (paper, &width, &height);
  cb_summary_render_set_page (self, width, height, 0, 0, 0, 0);
  n_pages = cb_summary_render_paginate (self);

  /* Written next to the file and renamed over it when complete. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (stream == NULL)
    return FALSE;
  closure.stream = G_OUTPUT_STREAM (stream);

  surface = cairo_pdf_surface_create_for_stream (write_cb, &closure, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Casebook " PACKAGE_VERSION);
  if (cb_summary_get_n_cases (self->summary) > 0)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                    cb_summary_get_case (self->summary, 0)->title);

  for (guint i = 0; i < n_pages; i++)
    {
      const Page *page = &g_array_index (self->pages, Page, i);
      cairo_t *cr = cairo_create (surface);

      /* One bookmark per case, for a document with many. */
      if (page->case_start && page->case_index < cb_summary_get_n_cases (self->summary))
        {
          g_autofree char *link = g_strdup_printf ("page=%u", i + 1);

          cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT,
                                         cb_summary_get_case (self->summary, page->case_index)->title,
                                         link, 0);
        }
      cb_summary_render_draw_page (self, cr, i);
      cairo_show_page (cr);
      cairo_destroy (cr);
    }

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (closure.error != NULL)
    {
      g_propagate_error (error, closure.error);
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not make the PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}

/* ---- GObject ------------------------------------------------------------- */

static void
cb_summary_render_finalize (GObject *object)
{
  CbSummaryRender *self = CB_SUMMARY_RENDER (object);

  g_clear_object (&self->summary);
  g_clear_object (&self->context);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);

  G_OBJECT_CLASS (cb_summary_render_parent_class)->finalize (object);
}

static void
cb_summary_render_class_init (CbSummaryRenderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cb_summary_render_finalize;
}

static void
cb_summary_render_init (CbSummaryRender *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
  self->placements = g_array_new (FALSE, TRUE, sizeof (Placement));
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
}

/* ---- public API ------------------------------------------------------------ */

CbSummaryRender *
cb_summary_render_new (CbSummary *summary)
{
  CbSummaryRender *self;
  cairo_font_options_t *options;

  g_return_val_if_fail (CB_IS_SUMMARY (summary), NULL);

  self = g_object_new (CB_TYPE_SUMMARY_RENDER, NULL);
  self->summary = g_object_ref (summary);

  /* Device-independent metrics: measured once, drawn anywhere. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);

  cb_summary_render_set_paper (self, cb_paper_get_default ());

  return self;
}

void
cb_summary_render_set_paper (CbSummaryRender *self,
                             CbPaper          paper)
{
  double width, height;

  g_return_if_fail (CB_IS_SUMMARY_RENDER (self));

  cb_paper_get_size (paper, &width, &height);
  cb_summary_render_set_page (self, width, height, 0, 0, 0, 0);
}

void
cb_summary_render_set_page (CbSummaryRender *self,
                            double           width,
                            double           height,
                            double           margin_top,
                            double           margin_right,
                            double           margin_bottom,
                            double           margin_left)
{
  g_return_if_fail (CB_IS_SUMMARY_RENDER (self));

  self->width = width;
  self->height = height;
  self->top = MAX (margin_top, CB_SUMMARY_MARGIN_TOP);
  self->right = MAX (margin_right, CB_SUMMARY_MARGIN_SIDE);
  self->bottom = MAX (margin_bottom, CB_SUMMARY_MARGIN_BOTTOM);
  self->left = MAX (margin_left, CB_SUMMARY_MARGIN_SIDE);
  self->paginated = FALSE;
}

void
cb_summary_render_get_page_size (CbSummaryRender *self,
                                 double          *width,
                                 double          *height)
{
  g_return_if_fail (CB_IS_SUMMARY_RENDER (self));

  *width = self->width;
  *height = self->height;
}
