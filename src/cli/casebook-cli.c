/* casebook-cli.c — a thin command-line front over libcasebook-core
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cb-article-header.h"
#include "cb-extraction-json.h"
#include "cb-importer.h"
#include "cb-locale.h"
#include "cb-store.h"
#include "cb-summary.h"
#include "cb-summary-render.h"
#include "cb-text-decode.h"
#include "extract/cb-extract.h"

/* Exit codes: 0 success, 1 the work was done but something was refused
 * (a rejected file), 2 usage errors or nothing could be done. */
enum { EXIT_OK = 0, EXIT_REJECTED = 1, EXIT_FAILED = 2 };

typedef int (*CommandFunc) (const char *db_path,
                            int         argc,
                            char      **argv);

typedef struct
{
  const char  *name;
  CommandFunc  run;
  const char  *summary;
} Command;

static int run_import      (const char *db_path, int argc, char **argv);
static int run_extract     (const char *db_path, int argc, char **argv);
static int run_cases       (const char *db_path, int argc, char **argv);
static int run_search      (const char *db_path, int argc, char **argv);
static int run_export_json (const char *db_path, int argc, char **argv);
static int run_summary     (const char *db_path, int argc, char **argv);

static const Command commands[] = {
  { "import",      run_import,      N_("Import text files and folders into the database") },
  { "extract",     run_extract,     N_("Print what the extractors find in one file, as JSON") },
  { "cases",       run_cases,       N_("List the case files") },
  { "search",      run_search,      N_("Search the articles") },
  { "export-json", run_export_json, N_("Write the whole database as JSON") },
  { "summary",     run_summary,     N_("Write a printable case summary as PDF") },
};

static void
print_error (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static void
print_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("casebook-cli: %s\n", message);
}

/* Parses @argv with @entries; prints the error and returns FALSE on bad usage. */
static gboolean
parse_command_options (const char    *command,
                       const char    *parameters,
                       const char    *summary,
                       GOptionEntry  *entries,
                       int           *argc,
                       char        ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_strdup_printf ("casebook-cli %s", command);

  /* GOption's usage line is "PRGNAME [OPTION…] PARAMETERS". */
  g_set_prgname (program);
  context = g_option_context_new (parameters);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      print_error ("%s", error->message);
      g_printerr (_("Try “casebook-cli %s --help”.\n"), command);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_date_option (const char *text,
                   GDate      *date)
{
  if (text == NULL)
    return FALSE;

  if (!cb_parse_calendar_date (text, date))
    {
      print_error (_("“%s” is not a date; use YYYY-MM-DD."), text);
      return FALSE;
    }

  return TRUE;
}

static CbStore *
open_store (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  CbStore *store;

  if (db_path == NULL)
    db_path = default_path = cb_store_dup_default_path ();

  store = cb_store_open (db_path, &error);
  if (store == NULL)
    print_error (_("Could not open the database “%s”: %s"), db_path, error->message);

  return store;
}

/* Text for a terminal line: newlines and tabs become spaces. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text != NULL ? text : "");

  for (char *p = line; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        *p = ' ';
    }

  return line;
}

/* A path for a terminal line: control characters (a newline in a file
 * name) are written as escapes, so each result stays one line. */
static char *
escaped_path (const char *path)
{
  GString *line = g_string_new (NULL);

  for (const char *p = path != NULL ? path : ""; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\n')
        g_string_append (line, "\\n");
      else if (c == '\t')
        g_string_append (line, "\\t");
      else if (c == '\r')
        g_string_append (line, "\\r");
      else if (c < 0x20 || c == 0x7F)
        g_string_append_printf (line, "\\x%02x", c);
      else
        g_string_append_c (line, (char) c);
    }

  return g_string_free (line, FALSE);
}

static int
run_import (const char *db_path,
            int         argc,
            char      **argv)
{
  g_autofree char *date_text = NULL;
  g_autoptr(CbStore) store = NULL;
  g_autoptr(CbImporter) importer = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) results = NULL;
  GDate date;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("Use this publication date for every file"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!parse_command_options ("import", _("PATH…"),
                              _("Imports text files, and the text files in folders (recursively).\n"
                                "Prints one line per file: imported, duplicate or rejected with the reason.\n"
                                "Exits with 1 when a file was rejected."),
                              entries, &argc, &argv))
    return EXIT_FAILED;

  if (argc < 2)
    {
      print_error (_("import needs at least one file or folder."));
      return EXIT_FAILED;
    }

  g_date_clear (&date, 1);
  if (date_text != NULL && !parse_date_option (date_text, &date))
    return EXIT_FAILED;

  store = open_store (db_path);
  if (store == NULL)
    return EXIT_FAILED;

  importer = cb_importer_new (store);
  if (g_date_valid (&date))
    cb_importer_set_date (importer, &date);

  files = g_ptr_array_new_with_free_func (g_object_unref);
  for (int i = 1; i < argc; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (argv[i]));

  results = cb_importer_import_files (importer, (GFile **) files->pdata, files->len,
                                      NULL, NULL, NULL);

  for (guint i = 0; i < results->len; i++)
    {
      const CbImportResult *result = g_ptr_array_index (results, i);
      g_autofree char *title = one_line (result->title);
      g_autofree char *reason = one_line (result->reason);
      g_autofree char *path = escaped_path (result->path);

      /* The three prefixes are a contract with scripts: never translated. */
      switch (result->outcome)
        {
        case CB_IMPORT_IMPORTED:
          g_print ("imported: %s (%s)\n", path, title);
          break;

        case CB_IMPORT_DUPLICATE:
          g_print ("duplicate: %s (of %s)\n", path, title);
          break;

        case CB_IMPORT_REJECTED:
        default:
          g_print ("rejected: %s: %s\n", path, reason);
          status = EXIT_REJECTED;
          break;
        }
    }

  return status;
}

static int
run_extract (const char *db_path,
             int         argc,
             char      **argv)
{
  g_autofree char *date_text = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CbExtraction) extraction = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  CbArticleHeader header = { 0 };
  gsize length = 0;
  GDate date;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The article’s date (overrides its Date: header)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!parse_command_options ("extract", _("FILE"),
                              _("Prints the dates, people, quotes and case events found in FILE as one JSON\n"
                                "object. Offsets are Unicode character offsets into the body (after any\n"
                                "header block). Touches no database."),
                              entries, &argc, &argv))
    return EXIT_FAILED;

  if (argc != 2)
    {
      print_error (_("extract needs exactly one file."));
      return EXIT_FAILED;
    }

  g_date_clear (&date, 1);
  if (date_text != NULL && !parse_date_option (date_text, &date))
    return EXIT_FAILED;

  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  text = cb_decode_text ((const guint8 *) contents, length, CB_DECODE_DEFAULT_MAX_SIZE,
                         NULL, &error);
  if (text == NULL)
    {
      print_error (_("%s: %s"), argv[1], error->message);
      return EXIT_FAILED;
    }

  cb_article_header_parse (text, &header);
  if (!g_date_valid (&date) && header.date != NULL)
    cb_parse_calendar_date (header.date, &date);

  extraction = cb_extract (text + header.body_offset, g_date_valid (&date) ? &date : NULL);
  cb_article_header_clear (&header);

  node = cb_extraction_to_json (extraction);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  json = json_generator_to_data (generator, NULL);
  g_print ("%s\n", json);

  return EXIT_OK;
}

static int
run_cases (const char *db_path,
           int         argc,
           char      **argv)
{
  g_autoptr(CbStore) store = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };

  if (!parse_command_options ("cases", "",
                              _("Prints one line per case file: id, title, status and number of events,\n"
                                "separated by tabs."),
                              entries, &argc, &argv))
    return EXIT_FAILED;

  if (argc != 1)
    {
      print_error (_("cases takes no arguments."));
      return EXIT_FAILED;
    }

  store = open_store (db_path);
  if (store == NULL)
    return EXIT_FAILED;

  cases = cb_store_list_cases (store, &error);
  if (cases == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  for (guint i = 0; i < cases->len; i++)
    {
      CbCaseFile *case_file = g_ptr_array_index (cases, i);
      g_autofree char *title = one_line (cb_case_file_get_title (case_file));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%u\n",
               cb_case_file_get_id (case_file),
               title,
               cb_case_status_to_string (cb_case_file_get_status (case_file)),
               cb_case_file_get_event_count (case_file));
    }

  return EXIT_OK;
}

static int
run_search (const char *db_path,
            int         argc,
            char      **argv)
{
  g_autoptr(CbStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  int limit = 50;
  GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Show at most N hits (default 50)"), N_("N") },
    { NULL }
  };

  if (!parse_command_options ("search", _("QUERY…"),
                              _("Searches titles and texts of the articles. Prints one line per hit:\n"
                                "article id, title and a snippet with the matches in [brackets],\n"
                                "separated by tabs. Any text is a valid query."),
                              entries, &argc, &argv))
    return EXIT_FAILED;

  if (argc < 2)
    {
      print_error (_("search needs a query."));
      return EXIT_FAILED;
    }

  if (limit <= 0)
    {
      print_error (_("--limit must be a positive number."));
      return EXIT_FAILED;
    }

  store = open_store (db_path);
  if (store == NULL)
    return EXIT_FAILED;

  query = g_strjoinv (" ", argv + 1);
  hits = cb_store_search (store, query, (guint) limit, &error);
  if (hits == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      CbSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *title = one_line (cb_search_hit_get_title (hit));
      g_autofree char *plain = cb_search_hit_dup_snippet_plain (hit);
      g_autofree char *snippet = one_line (plain);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\n",
               cb_search_hit_get_article_id (hit), title, snippet);
    }

  return EXIT_OK;
}

static int
run_export_json (const char *db_path,
                 int         argc,
                 char      **argv)
{
  g_autoptr(CbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };

  if (!parse_command_options ("export-json", "",
                              _("Writes every article, person and case file as one JSON document:\n"
                                "{\"version\":1,\"articles\":[…],\"persons\":[…],\"cases\":[…]}"),
                              entries, &argc, &argv))
    return EXIT_FAILED;

  if (argc != 1)
    {
      print_error (_("export-json takes no arguments besides -o FILE."));
      return EXIT_FAILED;
    }

  store = open_store (db_path);
  if (store == NULL)
    return EXIT_FAILED;

  node = cb_store_export_json (store, &error);
  if (node == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);

  if (output != NULL)
    {
      if (!json_generator_to_file (generator, output, &error))
        {
          print_error (_("Could not write “%s”: %s"), output, error->message);
          return EXIT_FAILED;
        }
    }
  else
    {
      g_autofree char *json = json_generator_to_data (generator, NULL);
      g_print ("%s\n", json);
    }

  return EXIT_OK;
}

static int
run_summary (const char *db_path,
             int         argc,
             char      **argv)
{
  g_autoptr(CbStore) store = NULL;
  g_autoptr(CbSummary) summary = NULL;
  g_autoptr(CbSummaryRender) render = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *paper_name = NULL;
  gboolean all = FALSE;
  gboolean include_suggestions = FALSE;
  CbPaper paper = cb_paper_get_default ();
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the PDF to FILE (required)"), N_("FILE") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all,
      N_("Every case file in one document, each from a new page"), NULL },
    { "include-suggestions", 0, 0, G_OPTION_ARG_NONE, &include_suggestions,
      N_("Include what has not been reviewed yet, marked as suggested"), NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name,
      N_("Paper size: a4 or letter (default: from the locale)"), N_("SIZE") },
    { NULL }
  };

  if (!parse_command_options ("summary", _("CASE | --all"),
                              _("Writes the summary of a case file as PDF: its people, a chronology of\n"
                                "its events with numbered sources, key excerpts and the list of sources.\n"
                                "CASE is a case file’s number or title (see “casebook-cli cases”).\n"
                                "Only accepted events are printed unless --include-suggestions is given."),
                              entries, &argc, &argv))
    return EXIT_FAILED;

  if (all ? argc != 1 : argc != 2)
    {
      print_error (all ? _("summary --all takes no case.")
                       : _("summary needs exactly one case (a number or a title), or --all."));
      return EXIT_FAILED;
    }

  if (output == NULL || *output == '\0')
    {
      print_error (_("summary needs -o FILE.pdf."));
      return EXIT_FAILED;
    }

  if (paper_name != NULL && !cb_paper_from_string (paper_name, &paper))
    {
      print_error (_("Unknown paper size “%s”; use a4 or letter."), paper_name);
      return EXIT_FAILED;
    }

  store = open_store (db_path);
  if (store == NULL)
    return EXIT_FAILED;

  summary = cb_summary_new (NULL, include_suggestions);
  if (all)
    {
      if (!cb_summary_add_all_cases (summary, store, &error))
        {
          print_error ("%s", error->message);
          return EXIT_FAILED;
        }
    }
  else
    {
      gint64 case_id = cb_summary_find_case (store, argv[1], &error);

      if (case_id == 0 || !cb_summary_add_case (summary, store, case_id, &error))
        {
          print_error ("%s", error->message);
          return EXIT_FAILED;
        }
    }

  render = cb_summary_render_new (summary);
  file = g_file_new_for_commandline_arg (output);
  if (!cb_summary_render_write_pdf (render, paper, file, NULL, &error))
    {
      print_error (_("Could not write “%s”: %s"), output, error->message);
      return EXIT_FAILED;
    }

  return EXIT_OK;
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: casebook-cli [--db PATH] COMMAND [OPTION…] [ARGUMENT…]"));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  --db PATH    %s\n",
           _("The database to use (default: $CASEBOOK_DB, else $XDG_DATA_HOME/casebook/casebook.db)"));
  fprintf (stream, "  --version    %s\n", _("Print the version"));
  fprintf (stream, "  -h, --help   %s\n", _("Show this help"));
  fprintf (stream, "\n%s\n", _("Run “casebook-cli COMMAND --help” for a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  const char *db_path = NULL;
  int i;

  cb_locale_init ();

  /* Global options come before the command; each command parses its own. */
  for (i = 1; i < argc && argv[i][0] == '-'; i++)
    {
      if (g_str_equal (argv[i], "--db"))
        {
          if (i + 1 >= argc)
            {
              print_error (_("--db needs a path."));
              return EXIT_FAILED;
            }
          db_path = argv[++i];
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        db_path = argv[i] + strlen ("--db=");
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_usage (stdout);
          return EXIT_OK;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          g_print ("casebook-cli %s\n", PACKAGE_VERSION);
          return EXIT_OK;
        }
      else
        {
          print_error (_("Unknown option “%s”."), argv[i]);
          print_usage (stderr);
          return EXIT_FAILED;
        }
    }

  if (db_path != NULL && *db_path == '\0')
    {
      print_error (_("--db needs a path."));
      return EXIT_FAILED;
    }

  if (i >= argc)
    {
      print_usage (stderr);
      return EXIT_FAILED;
    }

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      if (g_str_equal (argv[i], commands[c].name))
        return commands[c].run (db_path, argc - i, argv + i);
    }

  print_error (_("Unknown command “%s”."), argv[i]);
  print_usage (stderr);
  return EXIT_FAILED;
}
