/* cb-timeline-view.c — the drawn timeline: events on a zoomable time axis
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Days are Julian day numbers as doubles; x = (day - start) * scale.  Each
 * event is an item in a lane: a point (a day) or a bar (a longer interval),
 * fading where its date is approximate or open-ended, and a one-line label.
 * Lanes depend only on the scale, so panning never moves an item up or down.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>
#include <glib/gi18n.h>

#include "cb-timeline-view.h"

#define AXIS_HEIGHT     46.0   /* context row, tick row, tick marks */
#define LANES_TOP       (AXIS_HEIGHT + 10.0)
#define POINT_RADIUS    5.5
#define LABEL_GAP       8.0    /* between a mark and its label */
#define LANE_GAP        16.0   /* between two items of one lane */
#define OPEN_FADE_PX    36.0   /* "before"/"after": how far the fade reaches */
#define MIN_BAR_PX      6.0
#define MAX_LABEL_PX    240.0
#define MIN_VISIBLE_DAYS 10.0
#define MAX_VISIBLE_DAYS (365.25 * 2000)

typedef struct
{
  CbEvent     *event;
  double       day0;          /* the date's interval [day0, day1) */
  double       day1;
  double       fade_days;     /* "around": uncertainty on both sides */
  gboolean     open_before;   /* "before": open towards the past */
  gboolean     open_after;    /* "after": open towards the future */
  gboolean     is_point;
  PangoLayout *label;
  PangoLayout *badge;         /* the source count, or NULL */
  double       label_w;
  double       badge_w;
  /* At layout_scale, in pixels from day 0: */
  double       mark_x0;
  double       mark_x1;
  double       left;          /* the whole item, fades and label included */
  double       right;
  double       label_x;
  gboolean     label_inside;  /* drawn over its (wide) bar */
  guint        lane;
} Item;

typedef struct
{
  GdkRGBA fg;
  GdkRGBA accent;     /* the selected label's background */
  GdkRGBA accent_fg;
  GdkRGBA base;
  GdkRGBA mark;       /* the accent, made to stand out from the base */
} Colors;

struct _CbTimelineView
{
  GtkWidget             parent_instance;

  GListModel           *model;
  GArray               *items;          /* Item, chronological */
  CbEvent              *selected;

  double                start;          /* the day at x = 0 */
  double                scale;          /* pixels per day */
  double                voffset;        /* lanes scrolled up, pixels */
  gboolean              fit_pending;    /* fit once the widget has a width */

  double                layout_scale;   /* the scale lanes were assigned at */
  double                layout_label_px;
  guint                 n_lanes;
  double                lane_height;
  double                tick_widths[3]; /* widest tick label per CbTickField */
  double                context_height;

  CbTimelineSourceFunc  source_func;
  gpointer              source_data;
  GDestroyNotify        source_destroy;

  double                pointer_x;
  double                drag_start;     /* start and voffset when a drag began */
  double                drag_voffset;
  double                pinch_scale;    /* scale when a pinch began */
};

G_DEFINE_FINAL_TYPE (CbTimelineView, cb_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->event);
  g_clear_object (&item->label);
  g_clear_object (&item->badge);
}

gboolean
cb_timeline_event_is_dated (CbEvent *event)
{
  const CbFuzzyDate *date = cb_event_get_date (event);

  return date != NULL && date->precision != CB_PRECISION_NONE
         && (date->earliest != 0 || date->latest != 0);
}

static double
width_of (CbTimelineView *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
}

static double
visible_lanes_height (CbTimelineView *self)
{
  return MAX (gtk_widget_get_height (GTK_WIDGET (self)) - LANES_TOP, 0);
}

static double
content_height (CbTimelineView *self)
{
  /* Room under the last lane for the zoom buttons floating over the view. */
  return self->n_lanes * self->lane_height + 56.0;
}

static double
max_voffset (CbTimelineView *self)
{
  return MAX (content_height (self) - visible_lanes_height (self), 0);
}

/* WCAG relative luminance and contrast ratio. */
static double
luminance (const GdkRGBA *c)
{
  double rgb[3] = { c->red, c->green, c->blue };

  for (guint i = 0; i < 3; i++)
    rgb[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : pow ((rgb[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

static double
contrast (const GdkRGBA *a,
          const GdkRGBA *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static void
get_colors (CbTimelineView *self,
            Colors         *colors)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, &colors->fg);
  if (!gtk_style_context_lookup_color (context, "theme_selected_bg_color", &colors->accent))
    gdk_rgba_parse (&colors->accent, "#3584e4");
  if (!gtk_style_context_lookup_color (context, "theme_selected_fg_color", &colors->accent_fg))
    gdk_rgba_parse (&colors->accent_fg, "#ffffff");
  if (!gtk_style_context_lookup_color (context, "theme_base_color", &colors->base))
    colors->base = (GdkRGBA) { 1, 1, 1, 1 };

  /* Some themes' selection colour (high contrast, dark) is close to the
   * view's own: the marks lean towards the text colour until they read at
   * least 3:1 against the background (WCAG's contrast for graphics). */
  colors->mark = colors->accent;
  colors->mark.alpha = 1.0;
  for (double t = 0.1; t <= 1.0 && contrast (&colors->mark, &colors->base) < 3.0; t += 0.1)
    {
      colors->mark.red = colors->accent.red + (colors->fg.red - colors->accent.red) * t;
      colors->mark.green = colors->accent.green + (colors->fg.green - colors->accent.green) * t;
      colors->mark.blue = colors->accent.blue + (colors->fg.blue - colors->accent.blue) * t;
    }
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* --- items and lanes ------------------------------------------------------ */

static int
item_compare (gconstpointer a,
              gconstpointer b)
{
  const Item *ia = a;
  const Item *ib = b;

  if (ia->day0 != ib->day0)
    return ia->day0 < ib->day0 ? -1 : 1;
  if (ia->day1 != ib->day1)
    return ia->day1 < ib->day1 ? -1 : 1;
  return 0;
}

static PangoLayout *
make_label (CbTimelineView *self,
            const char     *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

static PangoLayout *
make_badge (CbTimelineView *self,
            guint           count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

/* The day interval, the uncertainty and the look of one event. */
static void
item_init (CbTimelineView *self,
           Item           *item,
           CbEvent        *event)
{
  const CbFuzzyDate *date = cb_event_get_date (event);
  guint32 earliest = date->earliest != 0 ? date->earliest : date->latest;
  guint32 latest = date->latest != 0 ? date->latest : date->earliest;
  const char *description = cb_event_get_description (event);
  guint sources = cb_event_get_source_count (event);

  item->event = g_object_ref (event);
  item->day0 = earliest;
  item->day1 = (double) MAX (latest, earliest) + 1.0;
  item->is_point = date->precision == CB_PRECISION_DAY && item->day1 - item->day0 <= 1.0;
  item->open_before = date->qualifier == CB_QUALIFIER_BEFORE;
  item->open_after = date->qualifier == CB_QUALIFIER_AFTER;
  /* "Around June" could be May or July: fade over one more interval, at
   * least a week either side. */
  item->fade_days = date->qualifier == CB_QUALIFIER_AROUND
                    ? MAX (item->day1 - item->day0, 7.0) : 0.0;

  item->label = make_label (self, description != NULL && description[0] != '\0'
                                  ? description : _("(no description)"));
  item->badge = sources > 1 ? make_badge (self, sources) : NULL;
}

/* What zoom-to-fit leaves right of the last event, for its label. */
static double
right_pad (CbTimelineView *self)
{
  return CLAMP (width_of (self) * 0.3, OPEN_FADE_PX, MAX_LABEL_PX * 0.6);
}

static double
left_pad (CbTimelineView *self)
{
  return MIN (OPEN_FADE_PX + 12.0, width_of (self) / 6.0);
}

/* The days zoom-to-fit shows between the paddings: every event, and at
 * least MIN_VISIBLE_DAYS around a lone one. */
static void
fit_range (CbTimelineView *self,
           double         *first,
           double         *last)
{
  *first = G_MAXDOUBLE;
  *last = -G_MAXDOUBLE;
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      *first = MIN (*first, item->day0);
      *last = MAX (*last, item->day1);
    }

  if (self->items->len == 0)
    {
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      *first = g_date_get_julian (&today) - 365.0 * 5;
      *last = g_date_get_julian (&today);
    }

  if (*last - *first < MIN_VISIBLE_DAYS)
    {
      double middle = (*first + *last) / 2.0;

      *first = middle - MIN_VISIBLE_DAYS / 2.0;
      *last = middle + MIN_VISIBLE_DAYS / 2.0;
    }
}

/* Lanes for the current scale: items keep LANE_GAP pixels apart, labels included. */
static void
ensure_layout (CbTimelineView *self)
{
  double label_px = MIN (MAX_LABEL_PX, MAX (width_of (self) * 0.55, 96.0));
  g_autofree double *lefts = NULL;
  g_autofree double *rights = NULL;
  g_autofree guint *lanes = NULL;
  int text_height = 0;
  double label_limit;
  double first, last;

  if (self->layout_scale == self->scale && self->layout_label_px == label_px)
    return;

  self->layout_scale = self->scale;
  self->layout_label_px = label_px;

  lefts = g_new0 (double, MAX (self->items->len, 1));
  rights = g_new0 (double, MAX (self->items->len, 1));
  lanes = g_new0 (guint, MAX (self->items->len, 1));

  /* A label that would run past what zoom-to-fit shows goes left of its
   * mark, when it fits there. */
  fit_range (self, &first, &last);
  label_limit = last * self->scale + right_pad (self);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      double x0 = item->day0 * self->scale;
      double x1 = item->day1 * self->scale;
      double fade = item->fade_days * self->scale;
      double label_end, label_len, mark_left;
      int w, h;

      if (item->is_point)
        {
          double cx = (x0 + x1) / 2.0;

          item->mark_x0 = cx - POINT_RADIUS;
          item->mark_x1 = cx + POINT_RADIUS;
          item->label_x = item->mark_x1 + LABEL_GAP;
          fade = item->fade_days > 0 ? MAX (fade, 10.0) : 0.0;
        }
      else
        {
          item->mark_x0 = x0;
          item->mark_x1 = MAX (x1, x0 + MIN_BAR_PX);
          item->label_inside = item->mark_x1 - item->mark_x0 > 48.0;
          item->label_x = item->label_inside
                          ? item->mark_x0 + LABEL_GAP   /* inside a wide bar */
                          : item->mark_x1 + LABEL_GAP;
        }

      pango_layout_set_width (item->label, (int) (label_px * PANGO_SCALE));
      pango_layout_get_pixel_size (item->label, &w, &h);
      item->label_w = w;
      text_height = MAX (text_height, h);
      item->badge_w = 0;
      if (item->badge != NULL)
        {
          pango_layout_get_pixel_size (item->badge, &w, &h);
          item->badge_w = MAX (w + 10.0, 18.0);
        }

      label_end = item->label_x + item->label_w + (item->badge != NULL ? 6.0 + item->badge_w : 0);
      label_len = label_end - item->label_x;
      mark_left = item->mark_x0 - fade - (item->open_before ? OPEN_FADE_PX : 0);
      item->label_inside = item->label_inside && label_end <= item->mark_x1;
      if (label_end > label_limit && mark_left - LABEL_GAP - label_len >= first * self->scale - left_pad (self))
        {
          item->label_x = mark_left - LABEL_GAP - label_len;
          item->label_inside = FALSE;
        }
      else if (label_end > label_limit && label_limit - item->label_x - (label_len - item->label_w) >= 64.0)
        {
          /* Neither side has room for all of it: a shorter ellipsis. */
          pango_layout_set_width (item->label, (int) ((label_limit - item->label_x - (label_len - item->label_w)) * PANGO_SCALE));
          pango_layout_get_pixel_size (item->label, &w, NULL);
          item->label_w = w;
        }

      item->left = MIN (item->mark_x0 - fade - (item->open_before ? OPEN_FADE_PX : 0), item->label_x);
      item->right = MAX (item->mark_x1 + fade + (item->open_after ? OPEN_FADE_PX : 0),
                         item->label_x + item->label_w
                         + (item->badge != NULL ? 6.0 + item->badge_w : 0));
      lefts[i] = item->left;
      rights[i] = item->right;
    }

  self->n_lanes = cb_timeline_assign_lanes (lefts, rights, self->items->len, LANE_GAP, lanes);
  for (guint i = 0; i < self->items->len; i++)
    g_array_index (self->items, Item, i).lane = lanes[i];

  if (text_height > 0)
    self->lane_height = text_height + 12.0;
  self->voffset = CLAMP (self->voffset, 0, max_voffset (self));
}

static void
invalidate_layout (CbTimelineView *self)
{
  self->layout_scale = 0;
}

static double
lane_y (CbTimelineView *self,
        guint           lane)
{
  return LANES_TOP + lane * self->lane_height - self->voffset;
}

static Item *
find_item (CbTimelineView *self,
           CbEvent        *event,
           guint          *index)
{
  if (event == NULL)
    return NULL;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (item->event == event || cb_event_get_id (item->event) == cb_event_get_id (event))
        {
          if (index != NULL)
            *index = i;
          return item;
        }
    }

  return NULL;
}

static Item *
item_at (CbTimelineView *self,
         double          x,
         double          y)
{
  double offset = self->start * self->scale;

  ensure_layout (self);
  if (y < LANES_TOP)
    return NULL;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      double top = lane_y (self, item->lane);
      double left = item->left - offset;
      double right = item->right - offset;

      if (y >= top && y < top + self->lane_height && x >= left - 2 && x <= right + 2)
        return item;
    }

  return NULL;
}

/* --- view state ----------------------------------------------------------- */

static void
set_scale (CbTimelineView *self,
           double          scale)
{
  double w = width_of (self);

  self->scale = CLAMP (scale, w / MAX_VISIBLE_DAYS, w / MIN_VISIBLE_DAYS);
}

static void
clamp_voffset (CbTimelineView *self)
{
  ensure_layout (self);
  self->voffset = CLAMP (self->voffset, 0, max_voffset (self));
}

/* Pans (never zooms) so the item is in view, its lane too. */
static void
scroll_to_item (CbTimelineView *self,
                Item           *item)
{
  double w = width_of (self);
  double offset;
  double top;
  double margin = MIN (24.0, w / 8.0);

  ensure_layout (self);
  offset = self->start * self->scale;

  if (item->mark_x0 - offset < margin || item->mark_x1 - offset > w - margin)
    {
      /* Centre the mark, or show its start when it is wider than the view. */
      double mark_w = item->mark_x1 - item->mark_x0;
      double x = mark_w < w - 2 * margin ? (item->mark_x0 + item->mark_x1 - w) / 2.0
                                         : item->mark_x0 - margin;

      self->start = x / self->scale;
    }

  top = item->lane * self->lane_height;
  if (top < self->voffset)
    self->voffset = top;
  else if (top + self->lane_height > self->voffset + visible_lanes_height (self))
    self->voffset = top + self->lane_height - visible_lanes_height (self);
  clamp_voffset (self);
}

static char *
describe_event (CbEvent *event)
{
  g_autofree char *when = cb_fuzzy_date_format (cb_event_get_date (event));
  guint sources = cb_event_get_source_count (event);
  g_autofree char *count = g_strdup_printf (ngettext ("%u source", "%u sources", sources), sources);
  const char *review = cb_event_get_review (event) == CB_REVIEW_ACCEPTED ? _("accepted") : _("suggested");

  /* Translators: the accessible description of the selected timeline event:
   * date, description, review status, number of sources */
  return g_strdup_printf (_("%s: %s (%s, %s)"), when, cb_event_get_description (event), review, count);
}

static void
update_accessible (CbTimelineView *self)
{
  g_autofree char *text = NULL;

  if (self->selected != NULL)
    {
      g_autofree char *event = describe_event (self->selected);

      /* Translators: %s is the description of the selected event */
      text = g_strdup_printf (_("Selected: %s. Left and Right move to the previous and next event."), event);
    }
  else
    text = g_strdup_printf (ngettext ("%u dated event; Right selects the first.",
                                      "%u dated events; Right selects the first.",
                                      self->items->len), self->items->len);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
select_item (CbTimelineView *self,
             Item           *item)
{
  cb_timeline_view_set_selected (self, item != NULL ? item->event : NULL);
  if (item != NULL)
    {
      scroll_to_item (self, item);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* Keeps the view where it was when the same events come back (a refresh);
 * a different set of events is shown whole. */
static gboolean
same_events (GArray *old_items,
             GArray *new_items)
{
  if (old_items->len != new_items->len)
    return FALSE;

  for (guint i = 0; i < old_items->len; i++)
    if (cb_event_get_id (g_array_index (old_items, Item, i).event)
        != cb_event_get_id (g_array_index (new_items, Item, i).event))
      return FALSE;

  return TRUE;
}

static void
rebuild (CbTimelineView *self)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  gboolean same;
  guint ignored;

  g_array_set_clear_func (items, item_clear);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CbEvent) event = g_list_model_get_item (self->model, i);
      Item item = { 0 };

      if (!cb_timeline_event_is_dated (event))
        continue;
      item_init (self, &item, event);
      g_array_append_val (items, item);
    }
  g_array_sort (items, item_compare);

  same = same_events (self->items, items);
  g_array_unref (self->items);
  self->items = items;
  invalidate_layout (self);

  if (!same)
    {
      self->voffset = 0;
      self->fit_pending = TRUE;
      cb_timeline_view_zoom_to_fit (self);
    }

  /* The selected event may be gone, or be a fresh object with the same id. */
  if (self->selected != NULL)
    {
      Item *item = find_item (self, self->selected, &ignored);

      if (item == NULL)
        cb_timeline_view_set_selected (self, NULL);
      else
        g_set_object (&self->selected, item->event);
    }

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
items_changed_cb (CbTimelineView *self,
                  guint           position,
                  guint           removed,
                  guint           added,
                  GListModel     *model)
{
  rebuild (self);
}

/* --- drawing -------------------------------------------------------------- */

static double
tick_label_width_cb (CbTickUnit unit,
                     gpointer   user_data)
{
  CbTimelineView *self = user_data;

  return self->tick_widths[unit.field];
}

/* The widest label of each tick field in the current font, for every month. */
static void
ensure_tick_widths (CbTimelineView *self)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (self->tick_widths[CB_TICK_YEARS] > 0)
    return;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  for (int field = CB_TICK_DAYS; field <= CB_TICK_YEARS; field++)
    {
      CbTickUnit unit = { field, field == CB_TICK_YEARS ? 10 : 1 };
      double widest = 0;

      for (int month = 1; month <= 12; month++)
        {
          GDate date;
          g_autofree char *text = NULL;
          int w;

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, 28, month, 2000);
          text = cb_tick_unit_format (unit, g_date_get_julian (&date));
          pango_layout_set_text (layout, text, -1);
          pango_layout_get_pixel_size (layout, &w, NULL);
          widest = MAX (widest, w);
        }
      self->tick_widths[field] = widest;
    }
}

static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           double         x,
           double         y,
           const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_axis (CbTimelineView *self,
           GtkSnapshot    *snapshot,
           const Colors   *colors)
{
  double w = width_of (self);
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  double end_day = self->start + w / self->scale;
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoAttrList *bold = pango_attr_list_new ();
  GdkRGBA dim = with_alpha (&colors->fg, 0.6);
  GdkRGBA band = with_alpha (&colors->fg, 0.03);
  GdkRGBA rule = with_alpha (&colors->fg, 0.18);
  GdkRGBA grid = with_alpha (&colors->fg, 0.07);
  GdkRGBA mark = with_alpha (&colors->fg, 0.3);
  GdkRGBA major = with_alpha (&colors->fg, 0.45);
  CbTickUnit unit;
  CbTickUnit context;
  double last_label_end = -G_MAXDOUBLE;
  guint32 tick;
  int text_h;

  ensure_tick_widths (self);
  unit = cb_tick_unit_choose (self->scale, 16.0, tick_label_width_cb, self);

  /* The axis band, and a line under it. */
  gtk_snapshot_append_color (snapshot, &band,
                             &GRAPHENE_RECT_INIT (0, 0, w, AXIS_HEIGHT));
  gtk_snapshot_append_color (snapshot, &rule,
                             &GRAPHENE_RECT_INIT (0, AXIS_HEIGHT - 1, w, 1));

  pango_layout_set_text (layout, "0", -1);
  pango_layout_get_pixel_size (layout, NULL, &text_h);

  /* Ticks: a short mark on the axis, a faint line down through the lanes. */
  for (tick = cb_tick_unit_floor (unit, (guint32) MAX (floor (self->start), 1));
       tick != G_MAXUINT32 && tick <= end_day;
       tick = cb_tick_unit_next (unit, tick))
    {
      double x = round ((tick - self->start) * self->scale);
      g_autofree char *text = cb_tick_unit_format (unit, tick);
      int tw;

      gtk_snapshot_append_color (snapshot, &grid,
                                 &GRAPHENE_RECT_INIT (x, AXIS_HEIGHT, 1, h - AXIS_HEIGHT));
      gtk_snapshot_append_color (snapshot, &mark,
                                 &GRAPHENE_RECT_INIT (x, AXIS_HEIGHT - 7, 1, 6));

      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &tw, NULL);
      /* The chosen unit leaves room; this only guards against a label wider
       * than the measured ones. */
      if (x + 4 < last_label_end + 6 || x + 4 < 0 || x + 4 + tw > w)
        continue;
      draw_text (snapshot, layout, x + 4, AXIS_HEIGHT - 8 - text_h, &dim);
      last_label_end = x + 4 + tw;
    }

  /* Context above (months above days …): each label sticks to the left edge
   * until the next one pushes it away. */
  if (cb_tick_unit_context (unit, &context))
    {
      pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, bold);

      for (tick = cb_tick_unit_floor (context, (guint32) MAX (floor (self->start), 1));
           tick != G_MAXUINT32 && tick <= end_day;)
        {
          guint32 next = cb_tick_unit_next (context, tick);
          double x = (tick - self->start) * self->scale;
          double next_x = next != G_MAXUINT32 ? (next - self->start) * self->scale : G_MAXDOUBLE;
          g_autofree char *text = cb_tick_unit_format_long (context, tick);
          int tw;

          pango_layout_set_text (layout, text, -1);
          pango_layout_get_pixel_size (layout, &tw, NULL);
          x = MAX (x + 4, 6.0);
          x = MIN (x, next_x - tw - 10);
          /* Half pushed out: better none than a clipped one. */
          if (x >= 2 && x + tw <= w)
            draw_text (snapshot, layout, round (x), 4, &colors->fg);

          if (tick >= self->start)
            gtk_snapshot_append_color (snapshot, &major,
                                       &GRAPHENE_RECT_INIT (round ((tick - self->start) * self->scale),
                                                            AXIS_HEIGHT - 12, 1, 11));
          tick = next;
        }
    }

  pango_attr_list_unref (bold);
}

/* A horizontal fade from @alpha0 at x0 to @alpha1 at x1. */
static void
fill_fade (cairo_t       *cr,
           const GdkRGBA *color,
           double         x0,
           double         x1,
           double         y,
           double         height,
           double         alpha0,
           double         alpha1)
{
  cairo_pattern_t *pattern = cairo_pattern_create_linear (x0, 0, x1, 0);

  cairo_pattern_add_color_stop_rgba (pattern, 0, color->red, color->green, color->blue, color->alpha * alpha0);
  cairo_pattern_add_color_stop_rgba (pattern, 1, color->red, color->green, color->blue, color->alpha * alpha1);
  cairo_rectangle (cr, MIN (x0, x1), y, fabs (x1 - x0), height);
  cairo_set_source (cr, pattern);
  cairo_fill (cr);
  cairo_pattern_destroy (pattern);
}

/* An open end: a chevron pointing away from the mark. */
static void
draw_chevron (cairo_t       *cr,
              const GdkRGBA *color,
              double         x,
              double         cy,
              double         direction)
{
  cairo_move_to (cr, x - direction * 5.0, cy - 5.0);
  cairo_line_to (cr, x, cy);
  cairo_line_to (cr, x - direction * 5.0, cy + 5.0);
  set_source (cr, color, 0.8);
  cairo_set_line_width (cr, 1.75);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2.0);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* The mark of one item: uncertainty first, then the interval over it. */
static void
draw_mark (CbTimelineView *self,
           cairo_t        *cr,
           const Item     *item,
           double          offset,
           double          top,
           const Colors   *colors,
           gboolean        selected)
{
  gboolean accepted = cb_event_get_review (item->event) == CB_REVIEW_ACCEPTED;
  double cy = top + self->lane_height / 2.0;
  double x0 = item->mark_x0 - offset;
  double x1 = item->mark_x1 - offset;
  double fade = item->fade_days * self->scale;
  double bar_h = self->lane_height - 6.0;
  double band_h = item->is_point ? 4.0 : bar_h;
  double band_y = cy - band_h / 2.0;
  double fill = accepted ? 0.32 : 0.16;

  if (selected)
    fill = 0.45;

  if (item->is_point && item->fade_days > 0)
    fade = MAX (fade, 10.0);

  /* Approximate: the band fades out on both sides. */
  if (fade > 0)
    {
      double core = item->is_point ? 0.5 : fill;

      fill_fade (cr, &colors->mark, x0 - fade, x0, band_y, band_h, 0.0, core);
      fill_fade (cr, &colors->mark, x1, x1 + fade, band_y, band_h, core, 0.0);
    }

  /* Before / after: open towards one side, ending in a chevron. */
  if (item->open_before)
    {
      fill_fade (cr, &colors->mark, x0 - OPEN_FADE_PX, x0, band_y, band_h, 0.0, item->is_point ? 0.5 : fill);
      draw_chevron (cr, &colors->mark, x0 - OPEN_FADE_PX + 1, cy, -1.0);
    }
  if (item->open_after)
    {
      fill_fade (cr, &colors->mark, x1, x1 + OPEN_FADE_PX, band_y, band_h, item->is_point ? 0.5 : fill, 0.0);
      draw_chevron (cr, &colors->mark, x1 + OPEN_FADE_PX - 1, cy, 1.0);
    }

  if (item->is_point)
    {
      double cx = (x0 + x1) / 2.0;

      cairo_arc (cr, cx, cy, POINT_RADIUS, 0, 2 * G_PI);
      if (accepted || selected)
        {
          set_source (cr, &colors->mark, 1.0);
          cairo_fill (cr);
        }
      else
        {
          /* Suggested: a hollow ring, not yet a fact. */
          set_source (cr, &colors->base, 1.0);
          cairo_fill_preserve (cr);
          set_source (cr, &colors->mark, 1.0);
          cairo_set_line_width (cr, 2.0);
          cairo_stroke (cr);
        }
      return;
    }

  rounded_rect (cr, x0, band_y, x1 - x0, bar_h, 4.0);
  set_source (cr, &colors->mark, fill);
  cairo_fill_preserve (cr);
  set_source (cr, &colors->mark, selected ? 1.0 : 0.75);
  cairo_set_line_width (cr, selected ? 2.0 : 1.0);
  if (!accepted && !selected)
    {
      /* Suggested: a dashed outline. */
      static const double dashes[] = { 4.0, 3.0 };

      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* Where the label is drawn: a label over a bar that starts left of the view
 * slides along the bar so it stays readable. */
static double
label_screen_x (const Item *item,
                double      offset)
{
  double x = item->label_x - offset;
  double label_len = item->label_w + (item->badge != NULL ? 6.0 + item->badge_w : 0);

  if (item->label_inside)
    x = MAX (x, MIN (6.0, item->mark_x1 - offset - label_len - LABEL_GAP));
  return x;
}

static void
draw_items (CbTimelineView *self,
            GtkSnapshot    *snapshot,
            const Colors   *colors)
{
  double w = width_of (self);
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  double offset = self->start * self->scale;
  graphene_rect_t area = GRAPHENE_RECT_INIT (0, AXIS_HEIGHT, w, MAX (h - AXIS_HEIGHT, 0));
  cairo_t *cr;

  gtk_snapshot_push_clip (snapshot, &area);

  /* Marks, selection and badges in one cairo pass, labels over them. */
  cr = gtk_snapshot_append_cairo (snapshot, &area);
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      double top = lane_y (self, item->lane);
      gboolean selected = item->event == self->selected;

      if (top + self->lane_height < AXIS_HEIGHT || top > h
          || item->right - offset < 0 || item->left - offset > w)
        continue;

      if (selected)
        {
          double lx = label_screen_x (item, offset);

          rounded_rect (cr, lx - 5, top + 3, item->label_w + 10, self->lane_height - 6, 6.0);
          set_source (cr, &colors->accent, 1.0);
          cairo_fill (cr);
          /* The keyboard works on this item: ring it while the view has
           * the focus (GTK 4.8 reports focus-visible unreliably here). */
          if (gtk_widget_has_focus (GTK_WIDGET (self)))
            {
              rounded_rect (cr, MIN (item->mark_x0 - offset, lx) - 4, top + 0.5,
                            MAX (item->mark_x1 - offset, lx + item->label_w) - MIN (item->mark_x0 - offset, lx) + 8
                            + (item->badge != NULL ? 6 + item->badge_w : 0),
                            self->lane_height - 1, 8.0);
              set_source (cr, &colors->mark, 0.6);
              cairo_set_line_width (cr, 2.0);
              cairo_stroke (cr);
            }
        }

      draw_mark (self, cr, item, offset, top, colors, selected);

      if (item->badge != NULL)
        {
          double bx = label_screen_x (item, offset) + item->label_w + 6.0 + (selected ? 2.0 : 0.0);

          rounded_rect (cr, bx, top + self->lane_height / 2.0 - 8.0, item->badge_w, 16.0, 8.0);
          set_source (cr, &colors->fg, 0.12);
          cairo_fill (cr);
        }
    }

  /* Focused with nothing selected: ring the lanes, Right picks the first. */
  if (self->selected == NULL && gtk_widget_has_focus (GTK_WIDGET (self)))
    {
      rounded_rect (cr, 2, AXIS_HEIGHT + 2, w - 4, MAX (h - AXIS_HEIGHT - 4, 0), 6.0);
      set_source (cr, &colors->mark, 0.6);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);
    }

  /* A scroll indicator when the lanes do not all fit. */
  if (max_voffset (self) > 0)
    {
      double visible = visible_lanes_height (self);
      double total = content_height (self);
      double bar = MAX (visible * visible / total, 24.0);
      double y = LANES_TOP + (visible - bar) * (self->voffset / max_voffset (self));

      rounded_rect (cr, w - 6, y, 3, bar, 1.5);
      set_source (cr, &colors->fg, 0.25);
      cairo_fill (cr);
    }
  cairo_destroy (cr);

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      double top = lane_y (self, item->lane);
      gboolean selected = item->event == self->selected;
      int lh;

      if (top + self->lane_height < AXIS_HEIGHT || top > h
          || item->right - offset < 0 || item->left - offset > w)
        continue;

      pango_layout_get_pixel_size (item->label, NULL, &lh);
      draw_text (snapshot, item->label, label_screen_x (item, offset),
                 top + (self->lane_height - lh) / 2.0,
                 selected ? &colors->accent_fg : &colors->fg);

      if (item->badge != NULL)
        {
          int bw, bh;

          pango_layout_get_pixel_size (item->badge, &bw, &bh);
          draw_text (snapshot, item->badge,
                     label_screen_x (item, offset) + item->label_w + 6.0 + (selected ? 2.0 : 0.0)
                     + (item->badge_w - bw) / 2.0,
                     top + (self->lane_height - bh) / 2.0, &colors->fg);
        }
    }

  gtk_snapshot_pop (snapshot);
}

static void
cb_timeline_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  CbTimelineView *self = CB_TIMELINE_VIEW (widget);
  Colors colors;

  if (gtk_widget_get_width (widget) <= 0 || gtk_widget_get_height (widget) <= 0)
    return;

  get_colors (self, &colors);
  ensure_layout (self);

  draw_axis (self, snapshot, &colors);
  draw_items (self, snapshot, &colors);

  if (self->items->len == 0)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, _("No dated events"));
      GdkRGBA dim = with_alpha (&colors.fg, 0.55);
      int tw, th;

      pango_layout_get_pixel_size (layout, &tw, &th);
      draw_text (snapshot, layout, (width_of (self) - tw) / 2.0,
                 LANES_TOP + (visible_lanes_height (self) - th) / 2.0,
                 &dim);
    }
}

/* --- input ---------------------------------------------------------------- */

static gboolean
scroll_cb (CbTimelineView           *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double step = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL ? 48.0 : 1.0;

  if (state & GDK_CONTROL_MASK)
    {
      cb_timeline_view_zoom_at (self, pow (1.25, -dy), self->pointer_x);
      return TRUE;
    }

  if (state & GDK_SHIFT_MASK)
    {
      dx = dx != 0 ? dx : dy;
      dy = 0;
    }

  ensure_layout (self);
  /* The wheel scrolls the lanes when they overflow, else it moves in time. */
  if (dy != 0 && max_voffset (self) <= 0)
    {
      dx += dy;
      dy = 0;
    }

  self->start += dx * step / self->scale;
  self->voffset = CLAMP (self->voffset + dy * step, 0, max_voffset (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
motion_cb (CbTimelineView *self,
           double          x,
           double          y)
{
  self->pointer_x = x;
}

static void
drag_begin_cb (CbTimelineView *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  self->drag_start = self->start;
  self->drag_voffset = self->voffset;
}

static void
drag_update_cb (CbTimelineView *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) dx, (int) dy)
      && gtk_widget_get_cursor (GTK_WIDGET (self)) == NULL)
    return;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  self->start = self->drag_start - dx / self->scale;
  self->voffset = CLAMP (self->drag_voffset - dy, 0, max_voffset (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (CbTimelineView *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
click_released_cb (CbTimelineView  *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  Item *item = item_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (item != NULL)
    select_item (self, item);
}

static void
zoom_begin_cb (CbTimelineView   *self,
               GdkEventSequence *sequence,
               GtkGesture       *gesture)
{
  self->pinch_scale = self->scale;
}

static void
zoom_scale_changed_cb (CbTimelineView *self,
                       double          scale,
                       GtkGestureZoom *gesture)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = width_of (self) / 2.0;
  cb_timeline_view_zoom_at (self, self->pinch_scale * scale / self->scale, x);
}

static const char *
precision_label (CbPrecision precision)
{
  switch (precision)
    {
    case CB_PRECISION_DAY: return _("day");
    case CB_PRECISION_WEEK: return _("week");
    case CB_PRECISION_MONTH: return _("month");
    case CB_PRECISION_SEASON: return _("season");
    case CB_PRECISION_YEAR: return _("year");
    case CB_PRECISION_DECADE: return _("decade");
    case CB_PRECISION_NONE:
    default: return _("unknown");
    }
}

static gboolean
query_tooltip_cb (CbTimelineView *self,
                  int             x,
                  int             y,
                  gboolean        keyboard_mode,
                  GtkTooltip     *tooltip)
{
  Item *item = keyboard_mode ? find_item (self, self->selected, NULL) : item_at (self, x, y);
  const CbFuzzyDate *date;
  g_autofree char *when = NULL;
  g_autofree char *source = NULL;
  g_autofree char *description = NULL;
  g_autofree char *written = NULL;
  g_autofree char *resolution = NULL;
  g_autofree char *sources = NULL;
  g_autofree char *markup = NULL;
  const char *date_text;
  GtkWidget *label;
  guint count;

  if (item == NULL)
    return FALSE;

  date = cb_event_get_date (item->event);
  when = cb_fuzzy_date_format (date);
  date_text = cb_event_get_date_text (item->event);
  count = cb_event_get_source_count (item->event);
  if (self->source_func != NULL)
    source = self->source_func (item->event, self->source_data);

  description = g_markup_escape_text (cb_event_get_description (item->event), -1);
  if (date_text != NULL && date_text[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (date_text, -1);

      /* Translators: the date as the article wrote it, in the timeline's tooltip */
      written = g_strdup_printf (_("Written “%s”"), escaped);
    }
  /* Translators: how the timeline read a date: "read as Nov 1872, to the month" */
  resolution = g_strdup_printf (_("read as %s, to the %s%s"), when,
                                precision_label (date->precision),
                                date->anchor == CB_ANCHOR_ARTICLE ? _(" (from the article’s date)")
                                : date->anchor == CB_ANCHOR_NARRATIVE ? _(" (from the event before)")
                                : "");
  if (source != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (source, -1);

      if (count > 1)
        /* Translators: the first source of an event and how many more there are */
        sources = g_strdup_printf (ngettext ("Source: %s and %u more", "Source: %s and %u more", count - 1),
                                   escaped, count - 1);
      else
        sources = g_strdup_printf (_("Source: %s"), escaped);
    }
  else
    sources = g_strdup_printf (ngettext ("%u source", "%u sources", count), count);

  markup = g_strdup_printf ("<b>%s</b>\n%s%s%s\n%s\n<small>%s</small>",
                            description,
                            written != NULL ? written : "",
                            written != NULL ? " · " : "",
                            resolution, sources,
                            cb_event_get_review (item->event) == CB_REVIEW_ACCEPTED
                            ? _("Accepted") : _("Suggested — not reviewed yet"));
  /* A long description wraps instead of making a tooltip as wide as the screen. */
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 56);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_tooltip_set_custom (tooltip, label);
  return TRUE;
}

/* --- actions -------------------------------------------------------------- */

static double
zoom_anchor (CbTimelineView *self)
{
  Item *item = find_item (self, self->selected, NULL);
  double w = width_of (self);

  /* Zoom around the selected event when it is in view, else the middle. */
  if (item != NULL)
    {
      double x = (item->day0 + item->day1) / 2.0 * self->scale - self->start * self->scale;

      if (x >= 0 && x <= w)
        return x;
    }
  return w / 2.0;
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  CbTimelineView *self = CB_TIMELINE_VIEW (widget);

  cb_timeline_view_zoom_at (self, 1.5, zoom_anchor (self));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CbTimelineView *self = CB_TIMELINE_VIEW (widget);

  cb_timeline_view_zoom_at (self, 1 / 1.5, zoom_anchor (self));
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  cb_timeline_view_zoom_to_fit (CB_TIMELINE_VIEW (widget));
}

static void
select_step_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CbTimelineView *self = CB_TIMELINE_VIEW (widget);
  gboolean forward = g_str_equal (action_name, "timeline.select-next");
  guint index;

  if (self->items->len == 0)
    return;

  if (find_item (self, self->selected, &index) == NULL)
    index = forward ? 0 : self->items->len - 1;
  else if (forward)
    index = MIN (index + 1, self->items->len - 1);
  else
    index = index > 0 ? index - 1 : 0;

  select_item (self, &g_array_index (self->items, Item, index));
}

/* --- GObject -------------------------------------------------------------- */

static void
cb_timeline_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  CbTimelineView *self = CB_TIMELINE_VIEW (widget);

  if (self->fit_pending && width > 1)
    cb_timeline_view_zoom_to_fit (self);
  else
    {
      set_scale (self, self->scale);
      clamp_voffset (self);
    }
}

static void
cb_timeline_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 480;
    }
  else
    {
      *minimum = 180;
      *natural = 360;
    }
}

static void
cb_timeline_view_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  CbTimelineView *self = CB_TIMELINE_VIEW (widget);

  GTK_WIDGET_CLASS (cb_timeline_view_parent_class)->css_changed (widget, change);

  /* A new font: measure every label again. */
  memset (self->tick_widths, 0, sizeof self->tick_widths);
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      pango_layout_context_changed (item->label);
      if (item->badge != NULL)
        pango_layout_context_changed (item->badge);
    }
  invalidate_layout (self);
  gtk_widget_queue_draw (widget);
}

static void
cb_timeline_view_state_flags_changed (GtkWidget     *widget,
                                      GtkStateFlags  previous)
{
  /* The focus ring around the selected event. */
  gtk_widget_queue_draw (widget);
}

static void
cb_timeline_view_dispose (GObject *object)
{
  CbTimelineView *self = CB_TIMELINE_VIEW (object);

  cb_timeline_view_set_model (self, NULL);
  g_clear_object (&self->selected);
  if (self->source_destroy != NULL)
    self->source_destroy (self->source_data);
  self->source_func = NULL;
  self->source_data = NULL;
  self->source_destroy = NULL;

  G_OBJECT_CLASS (cb_timeline_view_parent_class)->dispose (object);
}

static void
cb_timeline_view_finalize (GObject *object)
{
  CbTimelineView *self = CB_TIMELINE_VIEW (object);

  g_clear_pointer (&self->items, g_array_unref);

  G_OBJECT_CLASS (cb_timeline_view_parent_class)->finalize (object);
}

static void
cb_timeline_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CbTimelineView *self = CB_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_timeline_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CbTimelineView *self = CB_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      cb_timeline_view_set_model (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      cb_timeline_view_set_selected (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_timeline_view_class_init (CbTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_timeline_view_dispose;
  object_class->finalize = cb_timeline_view_finalize;
  object_class->get_property = cb_timeline_view_get_property;
  object_class->set_property = cb_timeline_view_set_property;

  widget_class->snapshot = cb_timeline_view_snapshot;
  widget_class->measure = cb_timeline_view_measure;
  widget_class->size_allocate = cb_timeline_view_size_allocate;
  widget_class->css_changed = cb_timeline_view_css_changed;
  widget_class->state_flags_changed = cb_timeline_view_state_flags_changed;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, CB_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "timeline.select-next", NULL, select_step_action);
  gtk_widget_class_install_action (widget_class, "timeline.select-previous", NULL, select_step_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "timeline.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "timeline.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "timeline.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.select-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "timeline.select-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.select-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "timeline.select-previous", NULL);

  gtk_widget_class_set_css_name (widget_class, "cb-timeline-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);
}

static void
cb_timeline_view_init (CbTimelineView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);
  self->scale = 1.0;
  self->lane_height = 30.0;
  self->fit_pending = TRUE;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_drag_new ();
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  g_signal_connect_swapped (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline chart"),
                                  -1);
  update_accessible (self);
}

/* --- public API ----------------------------------------------------------- */

GtkWidget *
cb_timeline_view_new (void)
{
  return g_object_new (CB_TYPE_TIMELINE_VIEW, NULL);
}

void
cb_timeline_view_set_model (CbTimelineView *self,
                            GListModel     *model)
{
  g_return_if_fail (CB_IS_TIMELINE_VIEW (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb),
                             self, G_CONNECT_SWAPPED);

  /* A new model is shown whole. */
  g_array_set_size (self->items, 0);
  if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
    rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GListModel *
cb_timeline_view_get_model (CbTimelineView *self)
{
  g_return_val_if_fail (CB_IS_TIMELINE_VIEW (self), NULL);
  return self->model;
}

void
cb_timeline_view_set_selected (CbTimelineView *self,
                               CbEvent        *event)
{
  Item *item;

  g_return_if_fail (CB_IS_TIMELINE_VIEW (self));
  g_return_if_fail (event == NULL || CB_IS_EVENT (event));

  /* Only a drawn event can be selected. */
  item = find_item (self, event, NULL);
  event = item != NULL ? item->event : NULL;

  if (g_set_object (&self->selected, event))
    {
      update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
}

CbEvent *
cb_timeline_view_get_selected (CbTimelineView *self)
{
  g_return_val_if_fail (CB_IS_TIMELINE_VIEW (self), NULL);
  return self->selected;
}

CbEvent *
cb_timeline_view_get_event_at (CbTimelineView *self,
                               double          x,
                               double          y)
{
  Item *item;

  g_return_val_if_fail (CB_IS_TIMELINE_VIEW (self), NULL);

  item = item_at (self, x, y);
  return item != NULL ? item->event : NULL;
}

void
cb_timeline_view_select_id (CbTimelineView *self,
                            gint64          event_id)
{
  g_return_if_fail (CB_IS_TIMELINE_VIEW (self));

  for (guint i = 0; event_id != 0 && i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (cb_event_get_id (item->event) == event_id)
        {
          gboolean changed = item->event != self->selected;

          cb_timeline_view_set_selected (self, item->event);
          if (changed && gtk_widget_get_width (GTK_WIDGET (self)) > 1)
            scroll_to_item (self, item);
          return;
        }
    }

  cb_timeline_view_set_selected (self, NULL);
}

void
cb_timeline_view_set_source_func (CbTimelineView       *self,
                                  CbTimelineSourceFunc  func,
                                  gpointer              user_data,
                                  GDestroyNotify        destroy)
{
  g_return_if_fail (CB_IS_TIMELINE_VIEW (self));

  if (self->source_destroy != NULL)
    self->source_destroy (self->source_data);
  self->source_func = func;
  self->source_data = user_data;
  self->source_destroy = destroy;
}

void
cb_timeline_view_zoom_to_fit (CbTimelineView *self)
{
  double w;
  double first, last;
  double pad_left, pad_right;

  g_return_if_fail (CB_IS_TIMELINE_VIEW (self));

  w = gtk_widget_get_width (GTK_WIDGET (self));
  if (w <= 1)
    {
      self->fit_pending = TRUE;
      return;
    }
  self->fit_pending = FALSE;

  /* Room for the open ends and fades on the left, the last labels on the right. */
  fit_range (self, &first, &last);
  pad_left = left_pad (self);
  pad_right = right_pad (self);
  set_scale (self, MAX (w - pad_left - pad_right, w / 4.0) / (last - first));
  self->start = first - pad_left / self->scale;
  self->voffset = 0;

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cb_timeline_view_zoom_at (CbTimelineView *self,
                          double          factor,
                          double          x)
{
  double day;

  g_return_if_fail (CB_IS_TIMELINE_VIEW (self));
  g_return_if_fail (factor > 0);

  day = self->start + x / self->scale;
  set_scale (self, self->scale * factor);
  self->start = day - x / self->scale;
  clamp_voffset (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
cb_timeline_view_get_pixels_per_day (CbTimelineView *self)
{
  g_return_val_if_fail (CB_IS_TIMELINE_VIEW (self), 0);
  return self->scale;
}

double
cb_timeline_view_day_to_x (CbTimelineView *self,
                           double          julian)
{
  g_return_val_if_fail (CB_IS_TIMELINE_VIEW (self), 0);
  return (julian - self->start) * self->scale;
}

CbTickUnit
cb_timeline_view_get_tick_unit (CbTimelineView *self)
{
  ensure_tick_widths (self);
  return cb_tick_unit_choose (self->scale, 16.0, tick_label_width_cb, self);
}

guint
cb_timeline_view_get_n_lanes (CbTimelineView *self)
{
  g_return_val_if_fail (CB_IS_TIMELINE_VIEW (self), 0);
  ensure_layout (self);
  return self->n_lanes;
}

guint
cb_timeline_view_get_n_drawn (CbTimelineView *self)
{
  g_return_val_if_fail (CB_IS_TIMELINE_VIEW (self), 0);
  return self->items->len;
}

CbEvent *
cb_timeline_view_get_drawn (CbTimelineView  *self,
                            guint            index,
                            guint           *lane,
                            graphene_rect_t *mark,
                            graphene_rect_t *item_rect)
{
  const Item *item;
  double offset;
  double top;

  g_return_val_if_fail (CB_IS_TIMELINE_VIEW (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  ensure_layout (self);
  item = &g_array_index (self->items, Item, index);
  offset = self->start * self->scale;
  top = lane_y (self, item->lane);

  if (lane != NULL)
    *lane = item->lane;
  if (mark != NULL)
    {
      /* The date's own interval (a point is its day). */
      double x0 = (item->day0 - self->start) * self->scale;
      double x1 = (item->day1 - self->start) * self->scale;

      graphene_rect_init (mark, x0, top, x1 - x0, self->lane_height);
    }
  if (item_rect != NULL)
    graphene_rect_init (item_rect, item->left - offset, top,
                        item->right - item->left, self->lane_height);
  return item->event;
}
