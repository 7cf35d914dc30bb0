/* cb-application.c — the Casebook GtkApplication
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-application.h"
#include "cb-first-frame.h"
#include "cb-inbox.h"
#include "cb-preferences.h"
#include "cb-window.h"

struct _CbApplication
{
  GtkApplication  parent_instance;

  char           *db_path;      /* --db, NULL for the default */
  char           *inbox_path;   /* --inbox, NULL for the settings' choice */
  CbStore        *store;
  GSettings      *settings;     /* NULL when the schema is not installed */
  gboolean        store_failed; /* the error was shown; quit when it closes */
};

G_DEFINE_FINAL_TYPE (CbApplication, cb_application, GTK_TYPE_APPLICATION)

static CbWindow *
get_window (CbApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return CB_IS_WINDOW (window) ? CB_WINDOW (window) : NULL;
}

static void
error_response_cb (GtkDialog *dialog,
                   int        response,
                   gpointer   user_data)
{
  /* The application quits with its last window. */
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
show_store_error (CbApplication *self,
                  const GError  *error)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (NULL, 0, GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   _("Could Not Open the Case Database"));
  /* The store's message names the file and says what was kept. */
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_set_title (GTK_WINDOW (dialog), _("Casebook"));
  g_signal_connect (dialog, "response", G_CALLBACK (error_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opens the database once; on failure shows why and returns NULL. */
static CbStore *
ensure_store (CbApplication *self)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store != NULL || self->store_failed)
    return self->store;

  path = self->db_path != NULL ? g_strdup (self->db_path) : cb_store_dup_default_path ();
  self->store = cb_store_open (path, &error);
  if (self->store == NULL)
    {
      self->store_failed = TRUE;
      show_store_error (self, error);
    }

  return self->store;
}

static void
samples_response_cb (GtkDialog *dialog,
                     int        response,
                     gpointer   user_data)
{
  CbWindow *window = CB_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (response == GTK_RESPONSE_ACCEPT && window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.load-samples", NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* First run: an empty database gets the offer of the sample articles. */
static void
offer_samples (CbApplication *self,
               CbWindow      *window)
{
  const char *answer = g_getenv ("CASEBOOK_LOAD_SAMPLES");
  g_autofree char *samples = NULL;
  GtkWidget *dialog;
  GtkWidget *button;

  if (cb_store_has_articles (self->store))
    return;

  if (g_strcmp0 (answer, "1") == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.load-samples", NULL);
      return;
    }
  if (g_strcmp0 (answer, "0") == 0)
    return;

  samples = cb_window_dup_samples_dir ();
  if (samples == NULL)
    return;
  if (self->settings != NULL && g_settings_get_boolean (self->settings, "samples-offered"))
    return;

  dialog = gtk_message_dialog_new (GTK_WINDOW (window),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Load the Sample Articles?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("Casebook comes with a few short articles about real "
                                              "clemency cases, so you can try case files, the timeline "
                                              "and excerpts before importing your own articles."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Not Now"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Load Samples"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_signal_connect (dialog, "response", G_CALLBACK (samples_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));

  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "samples-offered", TRUE);
}

/* --inbox for this session, else the folder of the settings (when watching
 * is on), else the default folder. */
static void
apply_inbox (CbApplication *self)
{
  CbWindow *window = get_window (self);
  g_autofree char *path = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  GFile *current;

  if (window == NULL)
    return;

  if (self->inbox_path != NULL)
    path = g_strdup (self->inbox_path);
  else if (self->settings == NULL)
    path = cb_inbox_dup_default_path ();
  else if (g_settings_get_boolean (self->settings, "watch-inbox"))
    {
      path = g_settings_get_string (self->settings, "inbox-folder");
      if (path[0] == '\0')
        {
          g_free (path);
          path = cb_inbox_dup_default_path ();
        }
    }

  current = cb_window_get_inbox_folder (window);
  if (path == NULL)
    {
      if (current != NULL)
        cb_window_stop_inbox (window);
      return;
    }

  folder = g_file_new_for_path (path);
  if (current != NULL && g_file_equal (current, folder))
    return;
  if (!cb_window_watch_inbox (window, folder, 0, &error))
    cb_window_show_message (window, error->message);
}

static CbWindow *
present_window (CbApplication *self,
                gboolean       offer)
{
  CbWindow *window = get_window (self);

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }

  if (ensure_store (self) == NULL)
    return NULL;

  window = cb_window_new (GTK_APPLICATION (self), self->store);
  if (self->settings != NULL)
    cb_window_track_state (window, self->settings);
  cb_first_frame_watch (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  apply_inbox (self);
  if (offer)
    offer_samples (self, window);

  return window;
}

/* --- Actions ---------------------------------------------------------------- */

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  CbApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Destroying a window changes the list: copy it first. */
  windows = g_list_copy (windows);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  CbApplication *self = user_data;
  static const char *authors[] = { "The Casebook developers", NULL };

  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  /* Without the installed icon, a generic one rather than a broken image. */
  gtk_show_about_dialog (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "program-name", _("Casebook"),
                         "logo-icon-name", gtk_icon_theme_has_icon (theme, APP_ID)
                                           ? APP_ID : "x-office-document",
                         "version", PACKAGE_VERSION,
                         "comments", _("Case files, timelines and sourced excerpts from news articles"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  CbApplication *self = user_data;
  CbPreferences *preferences;

  if (self->settings == NULL)
    {
      CbWindow *window = get_window (self);

      if (window != NULL)
        cb_window_show_message (window, _("Preferences need Casebook to be installed."));
      return;
    }
  preferences = cb_preferences_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                    self->settings);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
help_shown_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CbApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  CbWindow *window = get_window (self);

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) && window != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why, e.g. that no web browser is installed */
      message = g_strdup_printf (_("Could not open the help: %s"), error->message);
      cb_window_show_message (window, message);
    }
}

/* The help is one HTML page: it opens in the web browser, which every
 * desktop has, where a help viewer may be missing. */
static void
help_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  CbApplication *self = user_data;
  CbWindow *window = present_window (self, FALSE);
  const char *dirs[] = { HELPDIR, SOURCE_HELPDIR };

  if (window == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *page = g_build_filename (dirs[i], "index.html", NULL);

      if (g_file_test (page, G_FILE_TEST_IS_REGULAR))
        {
          g_autoptr(GFile) file = g_file_new_for_path (page);
          g_autofree char *uri = g_file_get_uri (file);

          gtk_show_uri_full (GTK_WINDOW (window), uri, GDK_CURRENT_TIME, NULL,
                             help_shown_cb, g_object_ref (self));
          return;
        }
    }
  cb_window_show_message (window, _("The help is not installed."));
}

static void
import_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  CbWindow *window = present_window (CB_APPLICATION (user_data), FALSE);

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "help", help_action },
  { "import", import_action },
};

/* --- GApplication ----------------------------------------------------------- */

static int
cb_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  CbApplication *self = CB_APPLICATION (app);
  g_autofree char *db = NULL;

  g_autofree char *inbox = NULL;

  if (g_variant_dict_lookup (options, "db", "^ay", &db))
    {
      g_free (self->db_path);
      self->db_path = g_steal_pointer (&db);
    }
  if (g_variant_dict_lookup (options, "inbox", "^ay", &inbox))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (inbox);

      g_free (self->inbox_path);
      self->inbox_path = g_file_get_path (file);
    }

  /* Another database than the default wants its own process, not the window
   * of an instance already running on the default one. */
  if (self->db_path != NULL || self->inbox_path != NULL || g_getenv ("CASEBOOK_DB") != NULL)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
cb_application_startup (GApplication *app)
{
  CbApplication *self = CB_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *help_accels[] = { "F1", NULL };
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (cb_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);

  gtk_css_provider_load_from_resource (css, "/io/github/casebook/Casebook/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  /* The uninstalled build runs without the schema; it only loses the
   * memory of the first-run offer. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      g_signal_connect_object (self->settings, "changed::watch-inbox",
                               G_CALLBACK (apply_inbox), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::inbox-folder",
                               G_CALLBACK (apply_inbox), self, G_CONNECT_SWAPPED);
    }

  gtk_window_set_default_icon_name (APP_ID);
}

static void
cb_application_activate (GApplication *app)
{
  present_window (CB_APPLICATION (app), TRUE);
}

static void
cb_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  CbWindow *window = present_window (CB_APPLICATION (app), FALSE);

  if (window != NULL && n_files > 0)
    cb_window_import_files (window, files, n_files);
}

static void
cb_application_finalize (GObject *object)
{
  CbApplication *self = CB_APPLICATION (object);

  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->inbox_path, g_free);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cb_application_parent_class)->finalize (object);
}

static void
cb_application_class_init (CbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cb_application_finalize;

  app_class->handle_local_options = cb_application_handle_local_options;
  app_class->startup = cb_application_startup;
  app_class->activate = cb_application_activate;
  app_class->open = cb_application_open;
}

static void
cb_application_init (CbApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The case database to open (default: $CASEBOOK_DB, else the one in your data folder)"),
      N_("PATH") },
    { "inbox", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Watch this folder for new articles in this session, instead of the inbox of the preferences"),
      N_("FOLDER") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Import the FILEs (articles as text) into Casebook."));
}

CbApplication *
cb_application_new (void)
{
  return g_object_new (CB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/casebook/Casebook",
                       NULL);
}

CbStore *
cb_application_get_store (CbApplication *self)
{
  g_return_val_if_fail (CB_IS_APPLICATION (self), NULL);
  return self->store;
}

GSettings *
cb_application_get_settings (CbApplication *self)
{
  g_return_val_if_fail (CB_IS_APPLICATION (self), NULL);

  return self->settings;
}

static GSettings *
settings_of (GtkApplication *app)
{
  return CB_IS_APPLICATION (app) ? CB_APPLICATION (app)->settings : NULL;
}

CbImporter *
cb_application_new_importer (GtkApplication *app,
                             CbStore        *store)
{
  CbImporter *importer = cb_importer_new (store);
  GSettings *settings = settings_of (app);

  if (settings != NULL)
    cb_importer_set_needs_review (importer,
                                  g_settings_get_boolean (settings, "extractions-need-review"));
  return importer;
}

CbPaper
cb_application_get_paper (GtkApplication *app)
{
  GSettings *settings = settings_of (app);
  g_autofree char *name = settings != NULL ? g_settings_get_string (settings, "paper-size") : NULL;
  CbPaper paper = cb_paper_get_default ();

  if (name != NULL)
    cb_paper_from_string (name, &paper);
  return paper;
}
