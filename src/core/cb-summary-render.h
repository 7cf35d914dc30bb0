/* cb-summary-render.h — a case summary laid out on pages with Pango and cairo
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "cb-summary.h"

G_BEGIN_DECLS

typedef enum
{
  CB_PAPER_A4 = 0,
  CB_PAPER_LETTER,
} CbPaper;

/* The paper of the user's locale (LC_PAPER): US Letter where that is the
 * custom, A4 everywhere else. */
CbPaper          cb_paper_get_default           (void);
/* "a4" or "letter", any case, or "default" for cb_paper_get_default() (the
 * values of the "paper-size" setting); FALSE for anything else. */
gboolean         cb_paper_from_string           (const char *name,
                                                 CbPaper    *paper);
/* In points (1/72 inch). */
void             cb_paper_get_size              (CbPaper     paper,
                                                 double     *width,
                                                 double     *height);

#define CB_TYPE_SUMMARY_RENDER (cb_summary_render_get_type ())
G_DECLARE_FINAL_TYPE (CbSummaryRender, cb_summary_render, CB, SUMMARY_RENDER, GObject)

/* The smallest margins the document is laid out with, in points. */
#define CB_SUMMARY_MARGIN_SIDE   54.0   /* 3/4 inch, 19 mm */
#define CB_SUMMARY_MARGIN_TOP    54.0
#define CB_SUMMARY_MARGIN_BOTTOM 60.0   /* the footer sits inside it */

CbSummaryRender *cb_summary_render_new          (CbSummary       *summary);

/* The sheet of @paper with the smallest margins below: what a summary is laid
 * out on unless told otherwise (a new one starts on cb_paper_get_default()). */
void             cb_summary_render_set_paper    (CbSummaryRender *self,
                                                 CbPaper          paper);

/* The sheet, in points, and the margins (at least the ones above are used:
 * a printer's larger hardware margins win).  Invalidates the pagination. */
void             cb_summary_render_set_page     (CbSummaryRender *self,
                                                 double           width,
                                                 double           height,
                                                 double           margin_top,
                                                 double           margin_right,
                                                 double           margin_bottom,
                                                 double           margin_left);

void             cb_summary_render_get_page_size (CbSummaryRender *self,
                                                  double          *width,
                                                  double          *height);

/* Lays out the whole document and breaks it into pages: table rows are never
 * split, a heading never ends a page, each case starts on a new page.
 * Returns the number of pages (at least 1). */
guint            cb_summary_render_paginate     (CbSummaryRender *self);
guint            cb_summary_render_get_n_pages  (CbSummaryRender *self);

/* Draws page @page (from 0) on @cr, whose user space is the sheet in points
 * with the origin at its top left corner. */
void             cb_summary_render_draw_page    (CbSummaryRender *self,
                                                 cairo_t         *cr,
                                                 guint            page);

/* The whole summary as a PDF file of @paper, replaced in one step. */
gboolean         cb_summary_render_write_pdf    (CbSummaryRender *self,
                                                 CbPaper          paper,
                                                 GFile           *file,
                                                 GCancellable    *cancellable,
                                                 GError         **error);

G_END_DECLS
