/* cb-timeline-view.h — the drawn timeline: events on a zoomable time axis
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cb-event.h"
#include "cb-timeline-scale.h"

G_BEGIN_DECLS

#define CB_TYPE_TIMELINE_VIEW (cb_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (CbTimelineView, cb_timeline_view, CB, TIMELINE_VIEW, GtkWidget)

/* The title of the source an event rests on, for its tooltip; newly allocated or NULL. */
typedef char *(*CbTimelineSourceFunc) (CbEvent  *event,
                                       gpointer  user_data);

/* Properties: "model" (GListModel of CbEvent; undated events are not drawn),
 * "selected" (the CbEvent picked, or NULL).
 * Actions: timeline.zoom-in, timeline.zoom-out, timeline.zoom-fit,
 * timeline.select-next, timeline.select-previous (bound to +, -, 0, Right, Left). */
GtkWidget  *cb_timeline_view_new                (void);

void        cb_timeline_view_set_model          (CbTimelineView *self,
                                                 GListModel     *model);
GListModel *cb_timeline_view_get_model          (CbTimelineView *self);

void        cb_timeline_view_set_selected       (CbTimelineView *self,
                                                 CbEvent        *event);
CbEvent    *cb_timeline_view_get_selected       (CbTimelineView *self);
/* The drawn event at (@x, @y), or NULL (a context menu's target). */
CbEvent    *cb_timeline_view_get_event_at       (CbTimelineView *self,
                                                 double          x,
                                                 double          y);
/* Selects the drawn event with this id (0 or an unknown id: none). */
void        cb_timeline_view_select_id          (CbTimelineView *self,
                                                 gint64          event_id);

void        cb_timeline_view_set_source_func    (CbTimelineView       *self,
                                                 CbTimelineSourceFunc  func,
                                                 gpointer              user_data,
                                                 GDestroyNotify        destroy);

/* Shows every drawn event. */
void        cb_timeline_view_zoom_to_fit        (CbTimelineView *self);
/* Zooms by @factor (> 1 closer) keeping the day under @x (pixels) in place. */
void        cb_timeline_view_zoom_at            (CbTimelineView *self,
                                                 double          factor,
                                                 double          x);

/* The geometry, for tests and the accessible description. */
double      cb_timeline_view_get_pixels_per_day (CbTimelineView *self);
double      cb_timeline_view_day_to_x           (CbTimelineView *self,
                                                 double          julian);
CbTickUnit  cb_timeline_view_get_tick_unit      (CbTimelineView *self);
guint       cb_timeline_view_get_n_lanes        (CbTimelineView *self);
guint       cb_timeline_view_get_n_drawn        (CbTimelineView *self);
/* The @index-th drawn event (chronological): its lane, and the extent of its
 * mark (the date's interval, without the uncertainty) and its whole item
 * (mark, fades and label) in pixels. */
CbEvent    *cb_timeline_view_get_drawn          (CbTimelineView  *self,
                                                 guint            index,
                                                 guint           *lane,
                                                 graphene_rect_t *mark,
                                                 graphene_rect_t *item);

/* Whether an event has a date to draw (earliest or latest known). */
gboolean    cb_timeline_event_is_dated          (CbEvent *event);

G_END_DECLS
