/* test-timeline-view.c — the drawn timeline under Xvfb: ticks, lanes, keys, zoom
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "cb-timeline-scale.h"
#include "cb-timeline-view.h"

/* --- helpers -------------------------------------------------------------- */

static guint32
julian (int year,
        int month,
        int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/* An invented event dated by a TIMEX3 value ("2016-02", "1990", "2011-06-14"). */
static CbEvent *
make_event (gint64       id,
            const char  *value,
            CbQualifier  qualifier,
            const char  *description,
            CbReview     review,
            guint        sources)
{
  CbFuzzyDate date = { 0 };
  CbEvent *event;

  if (value != NULL)
    g_assert_true (cb_fuzzy_date_set_value (&date, value));
  date.qualifier = qualifier;
  event = cb_event_new (id, 1, description, &date, value, review, "Ada Quill",
                        0, 0, 10, sources);
  cb_fuzzy_date_clear (&date);
  return event;
}

static GListStore *
make_events (void)
{
  GListStore *store = g_list_store_new (CB_TYPE_EVENT);
  struct { const char *value; CbQualifier qualifier; const char *text; } rows[] = {
    { "1994", CB_QUALIFIER_ON, "The harbour authority was founded" },
    { "1998-03-02", CB_QUALIFIER_ON, "A first complaint reached the council" },
    { "1998-03-05", CB_QUALIFIER_ON, "The council opened an inquiry into the harbour dues" },
    { "1998-03-06", CB_QUALIFIER_AROUND, "Inspectors visited the docks" },
    { "2003-11", CB_QUALIFIER_ON, "The inquiry reported" },
    { "2005", CB_QUALIFIER_BEFORE, "Two clerks left the authority" },
    { "2011-06-14", CB_QUALIFIER_ON, "A court fined the authority" },
    { "2012", CB_QUALIFIER_AFTER, "The fine was appealed" },
    { NULL, CB_QUALIFIER_ON, "Someone said it would happen again" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(CbEvent) event = make_event (i + 1, rows[i].value, rows[i].qualifier, rows[i].text,
                                             i % 2 ? CB_REVIEW_ACCEPTED : CB_REVIEW_SUGGESTED,
                                             i == 2 ? 3 : 1);
      g_list_store_append (store, event);
    }

  return store;
}

static gboolean
wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
view_allocated (GtkWidget *view)
{
  return gtk_widget_get_mapped (view) && gtk_widget_get_width (view) > 100;
}

/* Runs the main loop until the view has its size, at most a few seconds. */
static void
wait_for_view (GtkWidget *view)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint wake_up = g_timeout_add (10, wake_up_cb, NULL);

  while (!view_allocated (view) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);

  g_source_remove (wake_up);
  g_assert_true (view_allocated (view));
}

typedef struct
{
  GtkWidget  *window;
  GtkWidget  *view;
  GListStore *events;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->events = make_events ();
  fixture->view = cb_timeline_view_new ();
  cb_timeline_view_set_model (CB_TIMELINE_VIEW (fixture->view), G_LIST_MODEL (fixture->events));

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 420);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->view);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_view (fixture->view);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->events);
}

/* --- ticks ---------------------------------------------------------------- */

/* Every label of every unit is taken 40 pixels wide. */
static double
fixed_width_cb (CbTickUnit unit,
                gpointer   user_data)
{
  return 40.0;
}

static const char *
unit_for (double visible_days,
          double width)
{
  return cb_tick_unit_name (cb_tick_unit_choose (width / visible_days, 16.0, fixed_width_cb, NULL));
}

static void
test_tick_unit_for_range (void)
{
  /* 40 + 16 pixels a label: the finest unit with ticks that far apart. */
  g_assert_cmpstr (unit_for (365.25 * 150, 1000), ==, "decade");
  g_assert_cmpstr (unit_for (365.25 * 400, 1000), ==, "50 years");
  g_assert_cmpstr (unit_for (365.25 * 12, 1000), ==, "year");
  g_assert_cmpstr (unit_for (365.25 * 1, 1000), ==, "month");
  g_assert_cmpstr (unit_for (365.25 * 2, 1000), ==, "quarter");
  g_assert_cmpstr (unit_for (14, 1000), ==, "day");
  g_assert_cmpstr (unit_for (60, 1000), ==, "5 days");
  /* Beyond the coarsest unit: still the coarsest, never a crash. */
  g_assert_cmpstr (unit_for (365.25 * 1e6, 100), ==, "millennium");

  /* The chosen unit is the finest whose labels fit, at any zoom. */
  for (double ppd = 0.0005; ppd < 500; ppd *= 1.37)
    {
      CbTickUnit unit = cb_tick_unit_choose (ppd, 16.0, fixed_width_cb, NULL);

      if (g_str_equal (cb_tick_unit_name (unit), "millennium"))
        continue;
      g_assert_cmpfloat (cb_tick_unit_min_days (unit) * ppd, >=, 56.0);
    }
}

static void
test_tick_iteration (void)
{
  CbTickUnit decade = { CB_TICK_YEARS, 10 };
  CbTickUnit quarter = { CB_TICK_MONTHS, 3 };
  CbTickUnit five_days = { CB_TICK_DAYS, 5 };
  g_autofree char *label = NULL;
  guint32 tick;
  GDate date;

  tick = cb_tick_unit_floor (decade, julian (1996, 7, 4));
  g_assert_cmpuint (tick, ==, julian (1990, 1, 1));
  label = cb_tick_unit_format (decade, tick);
  g_assert_cmpstr (label, ==, "1990s");
  g_assert_cmpuint (cb_tick_unit_next (decade, tick), ==, julian (2000, 1, 1));

  tick = cb_tick_unit_floor (quarter, julian (2017, 5, 20));
  g_assert_cmpuint (tick, ==, julian (2017, 4, 1));
  g_assert_cmpuint (cb_tick_unit_next (quarter, tick), ==, julian (2017, 7, 1));

  /* Day ticks restart at each month and never crowd its end: no tick closer
   * than the step to the next one, across a whole leap year. */
  tick = cb_tick_unit_floor (five_days, julian (2016, 1, 1));
  while (tick < julian (2017, 1, 1))
    {
      guint32 next = cb_tick_unit_next (five_days, tick);

      g_assert_cmpuint (next, >=, tick + 5);
      g_assert_cmpuint (next, <, tick + 2 * 5);
      g_date_clear (&date, 1);
      g_date_set_julian (&date, next);
      g_assert_cmpuint ((g_date_get_day (&date) - 1) % 5, ==, 0);
      tick = next;
    }
}

/* The widget's own choice, with its real fonts, follows the zoom. */
static void
test_view_tick_unit_follows_zoom (Fixture       *fixture,
                                  gconstpointer  data)
{
  CbTimelineView *view = CB_TIMELINE_VIEW (fixture->view);
  CbTickUnit unit;

  /* 1994–2012 in 900 pixels: years (or coarser), never days or months. */
  unit = cb_timeline_view_get_tick_unit (view);
  g_assert_cmpint (unit.field, ==, CB_TICK_YEARS);

  /* About 40 days across: days. */
  cb_timeline_view_zoom_at (view, cb_timeline_view_get_pixels_per_day (view) > 0
                                  ? (900.0 / 40.0) / cb_timeline_view_get_pixels_per_day (view) : 1, 0);
  unit = cb_timeline_view_get_tick_unit (view);
  g_assert_cmpint (unit.field, ==, CB_TICK_DAYS);

  /* About 2 years across: months. */
  cb_timeline_view_zoom_at (view, (900.0 / 730.0) / cb_timeline_view_get_pixels_per_day (view), 0);
  unit = cb_timeline_view_get_tick_unit (view);
  g_assert_cmpint (unit.field, ==, CB_TICK_MONTHS);
}

/* --- lanes ---------------------------------------------------------------- */

static void
test_lanes_never_overlap (void)
{
  const guint n = 400;
  g_autofree double *starts = g_new (double, n);
  g_autofree double *ends = g_new (double, n);
  g_autofree guint *lanes = g_new (guint, n);
  guint n_lanes;
  const double gap = 8.0;

  for (guint i = 0; i < n; i++)
    {
      starts[i] = g_test_rand_double_range (0, 2000);
      ends[i] = starts[i] + g_test_rand_double_range (1, 300);
    }

  n_lanes = cb_timeline_assign_lanes (starts, ends, n, gap, lanes);
  g_assert_cmpuint (n_lanes, >, 1);
  g_assert_cmpuint (n_lanes, <=, n);

  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (lanes[i], <, n_lanes);
      for (guint j = i + 1; j < n; j++)
        if (lanes[i] == lanes[j])
          g_assert_true (ends[i] + gap <= starts[j] || ends[j] + gap <= starts[i]);
    }

  /* Spans that do not touch share the first lane. */
  starts[0] = 0; ends[0] = 10;
  starts[1] = 20; ends[1] = 30;
  starts[2] = 5; ends[2] = 25;
  g_assert_cmpuint (cb_timeline_assign_lanes (starts, ends, 3, gap, lanes), ==, 2);
  g_assert_cmpuint (lanes[0], ==, 0);
  g_assert_cmpuint (lanes[1], ==, 0);
  g_assert_cmpuint (lanes[2], ==, 1);
}

/* In the widget, at several zooms: no two items of a lane overlap, labels included. */
static void
test_view_lanes_never_overlap (Fixture       *fixture,
                               gconstpointer  data)
{
  CbTimelineView *view = CB_TIMELINE_VIEW (fixture->view);

  for (int zoom = 0; zoom < 6; zoom++)
    {
      guint n = cb_timeline_view_get_n_drawn (view);

      for (guint i = 0; i < n; i++)
        for (guint j = i + 1; j < n; j++)
          {
            graphene_rect_t a, b;
            guint lane_a, lane_b;

            cb_timeline_view_get_drawn (view, i, &lane_a, NULL, &a);
            cb_timeline_view_get_drawn (view, j, &lane_b, NULL, &b);
            g_assert_cmpfloat (a.size.width, >, 0);
            if (lane_a == lane_b)
              g_assert_false (graphene_rect_intersection (&a, &b, NULL));
          }

      cb_timeline_view_zoom_at (view, 2.5, 450);
    }
}

/* --- selection, zoom, geometry -------------------------------------------- */

/* Whether pressing @keyval (no modifier) in @widget activates @action. */
static gboolean
has_key_binding (GtkWidget  *widget,
                 guint       keyval,
                 const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *shortcut_action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0
              && GTK_IS_NAMED_ACTION (shortcut_action)
              && g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (shortcut_action)), action))
            return TRUE;
        }
    }

  return FALSE;
}

static void
test_view_arrow_keys_select (Fixture       *fixture,
                             gconstpointer  data)
{
  CbTimelineView *view = CB_TIMELINE_VIEW (fixture->view);
  guint notified = 0;
  CbEvent *first;
  CbEvent *second;

  /* The undated event is not drawn. */
  g_assert_cmpuint (cb_timeline_view_get_n_drawn (view), ==, 8);
  g_signal_connect_swapped (view, "notify::selected", G_CALLBACK (g_atomic_int_inc), &notified);

  g_assert_null (cb_timeline_view_get_selected (view));
  g_assert_true (gtk_widget_activate_action (fixture->view, "timeline.select-next", NULL));
  first = cb_timeline_view_get_selected (view);
  g_assert_nonnull (first);
  g_assert_cmpint (cb_event_get_id (first), ==, 1);   /* 1994, the earliest */
  g_assert_cmpuint (notified, ==, 1);

  /* A screen reader hears which event is selected. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, "Timeline chart");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                "Selected: 1994: The harbour authority was founded (suggested, 1 source). "
                                "Left and Right move to the previous and next event.");

  gtk_widget_activate_action (fixture->view, "timeline.select-next", NULL);
  second = cb_timeline_view_get_selected (view);
  g_assert_cmpint (cb_event_get_id (second), ==, 2);
  g_assert_cmpuint (notified, ==, 2);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                "Selected: 2 March 1998: A first complaint reached the council (accepted, 1 source). "
                                "Left and Right move to the previous and next event.");

  gtk_widget_activate_action (fixture->view, "timeline.select-previous", NULL);
  g_assert_true (cb_timeline_view_get_selected (view) == first);
  /* At the first event, Left stays there and says nothing. */
  gtk_widget_activate_action (fixture->view, "timeline.select-previous", NULL);
  g_assert_true (cb_timeline_view_get_selected (view) == first);
  g_assert_cmpuint (notified, ==, 3);

  /* Right and Left are the keys of these actions. */
  g_assert_true (has_key_binding (fixture->view, GDK_KEY_Right, "timeline.select-next"));
  g_assert_true (has_key_binding (fixture->view, GDK_KEY_Left, "timeline.select-previous"));
  g_assert_true (has_key_binding (fixture->view, GDK_KEY_0, "timeline.zoom-fit"));
  g_assert_false (has_key_binding (fixture->view, GDK_KEY_Up, "timeline.select-next"));
  g_assert_true (gtk_widget_get_focusable (fixture->view));

  /* Selecting from outside, by id; an undated or unknown id selects nothing. */
  cb_timeline_view_select_id (view, 7);
  g_assert_cmpint (cb_event_get_id (cb_timeline_view_get_selected (view)), ==, 7);
  cb_timeline_view_select_id (view, 9);
  g_assert_null (cb_timeline_view_get_selected (view));

  /* Keeping to the selection scrolls it into view. */
  cb_timeline_view_zoom_at (view, 200, 0);
  gtk_widget_activate_action (fixture->view, "timeline.select-previous", NULL);
  {
    graphene_rect_t mark;
    guint n = cb_timeline_view_get_n_drawn (view);
    CbEvent *selected = cb_timeline_view_get_selected (view);

    for (guint i = 0; i < n; i++)
      if (cb_timeline_view_get_drawn (view, i, NULL, &mark, NULL) == selected)
        break;
    g_assert_cmpfloat (mark.origin.x + mark.size.width, >=, 0);
    g_assert_cmpfloat (mark.origin.x, <=, gtk_widget_get_width (fixture->view));
  }
}

static void
test_view_zoom_to_fit (Fixture       *fixture,
                       gconstpointer  data)
{
  CbTimelineView *view = CB_TIMELINE_VIEW (fixture->view);
  double width = gtk_widget_get_width (fixture->view);
  guint n = cb_timeline_view_get_n_drawn (view);
  guint outside = 0;

  /* Far in and away: most events out of sight. */
  cb_timeline_view_zoom_at (view, 300, 0);
  gtk_widget_activate_action (fixture->view, "timeline.zoom-out", NULL);
  for (guint i = 0; i < n; i++)
    {
      graphene_rect_t mark;

      cb_timeline_view_get_drawn (view, i, NULL, &mark, NULL);
      if (mark.origin.x < 0 || mark.origin.x + mark.size.width > width)
        outside++;
    }
  g_assert_cmpuint (outside, >, 0);

  g_assert_true (gtk_widget_activate_action (fixture->view, "timeline.zoom-fit", NULL));
  for (guint i = 0; i < n; i++)
    {
      graphene_rect_t mark, item;

      cb_timeline_view_get_drawn (view, i, NULL, &mark, &item);
      g_assert_cmpfloat (mark.origin.x, >=, 0);
      g_assert_cmpfloat (mark.origin.x + mark.size.width, <=, width);
      /* Uncertainty and labels too. */
      g_assert_cmpfloat (item.origin.x, >=, 0);
      g_assert_cmpfloat (item.origin.x + item.size.width, <=, width);
    }
  /* And not a point: the events use most of the width. */
  {
    graphene_rect_t first, last;

    cb_timeline_view_get_drawn (view, 0, NULL, &first, NULL);
    cb_timeline_view_get_drawn (view, n - 1, NULL, &last, NULL);
    g_assert_cmpfloat (last.origin.x + last.size.width - first.origin.x, >, width / 2);
  }

  /* A lone day: shown with its label, not at the edge. */
  {
    g_autoptr(GListStore) lone = g_list_store_new (CB_TYPE_EVENT);
    g_autoptr(CbEvent) event = make_event (77, "2016-01-04", CB_QUALIFIER_ON,
                                           "A single event with a rather long description to show",
                                           CB_REVIEW_SUGGESTED, 1);
    graphene_rect_t mark, item;

    g_list_store_append (lone, event);
    cb_timeline_view_set_model (view, G_LIST_MODEL (lone));
    g_assert_cmpuint (cb_timeline_view_get_n_drawn (view), ==, 1);
    cb_timeline_view_get_drawn (view, 0, NULL, &mark, &item);
    g_assert_cmpfloat (item.origin.x, >=, 0);
    g_assert_cmpfloat (item.origin.x + item.size.width, <=, width);
    g_assert_cmpfloat (mark.origin.x, >, width / 4);
  }
}

static void
test_view_month_spans_month (Fixture       *fixture,
                             gconstpointer  data)
{
  CbTimelineView *view = CB_TIMELINE_VIEW (fixture->view);
  guint n = cb_timeline_view_get_n_drawn (view);
  double days_in_month = julian (2003, 12, 1) - julian (2003, 11, 1);
  gboolean found = FALSE;

  /* Close enough for a month to be wide. */
  cb_timeline_view_zoom_at (view, 40, cb_timeline_view_day_to_x (view, julian (2003, 11, 15)));

  for (guint i = 0; i < n; i++)
    {
      graphene_rect_t mark;
      CbEvent *event = cb_timeline_view_get_drawn (view, i, NULL, &mark, NULL);

      if (cb_event_get_id (event) != 5)   /* "2003-11" */
        continue;
      found = TRUE;
      g_assert_cmpint (cb_event_get_date (event)->precision, ==, CB_PRECISION_MONTH);
      g_assert_cmpfloat_with_epsilon (mark.origin.x,
                                      cb_timeline_view_day_to_x (view, julian (2003, 11, 1)), 0.5);
      g_assert_cmpfloat_with_epsilon (mark.size.width,
                                      days_in_month * cb_timeline_view_get_pixels_per_day (view), 0.5);
      g_assert_cmpfloat (mark.size.width, >, 20);
    }
  g_assert_true (found);
}

/* A refreshed model with the same events keeps the zoom; other events are shown whole. */
static void
test_view_refresh_keeps_zoom (Fixture       *fixture,
                              gconstpointer  data)
{
  CbTimelineView *view = CB_TIMELINE_VIEW (fixture->view);
  g_autoptr(GListStore) again = make_events ();
  g_autoptr(CbEvent) lone = make_event (42, "1850", CB_QUALIFIER_ON, "An older event", CB_REVIEW_SUGGESTED, 1);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  double zoomed;

  cb_timeline_view_zoom_at (view, 8, 100);
  zoomed = cb_timeline_view_get_pixels_per_day (view);
  cb_timeline_view_select_id (view, 3);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (again)); i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (again), i));
  g_list_store_splice (fixture->events, 0, g_list_model_get_n_items (G_LIST_MODEL (fixture->events)),
                       items->pdata, items->len);
  g_assert_cmpfloat (cb_timeline_view_get_pixels_per_day (view), ==, zoomed);
  g_assert_cmpint (cb_event_get_id (cb_timeline_view_get_selected (view)), ==, 3);

  g_list_store_append (fixture->events, lone);
  g_assert_cmpfloat (cb_timeline_view_get_pixels_per_day (view), <, zoomed);
  g_assert_cmpfloat (cb_timeline_view_day_to_x (view, julian (1850, 1, 1)), >=, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* The accessible description is checked: a context that records it. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/tick-unit-for-range", test_tick_unit_for_range);
  g_test_add_func ("/timeline/tick-iteration", test_tick_iteration);
  g_test_add_func ("/timeline/lanes-never-overlap", test_lanes_never_overlap);
  g_test_add ("/timeline/view/tick-unit-follows-zoom", Fixture, NULL,
              fixture_setup, test_view_tick_unit_follows_zoom, fixture_teardown);
  g_test_add ("/timeline/view/lanes-never-overlap", Fixture, NULL,
              fixture_setup, test_view_lanes_never_overlap, fixture_teardown);
  g_test_add ("/timeline/view/arrow-keys-select", Fixture, NULL,
              fixture_setup, test_view_arrow_keys_select, fixture_teardown);
  g_test_add ("/timeline/view/zoom-to-fit", Fixture, NULL,
              fixture_setup, test_view_zoom_to_fit, fixture_teardown);
  g_test_add ("/timeline/view/month-spans-month", Fixture, NULL,
              fixture_setup, test_view_month_spans_month, fixture_teardown);
  g_test_add ("/timeline/view/refresh-keeps-zoom", Fixture, NULL,
              fixture_setup, test_view_refresh_keeps_zoom, fixture_teardown);

  return g_test_run ();
}
