/* cb-locale.c — the locale and the message catalogs, for every program
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "cb-locale.h"

const char *
cb_locale_get_dir (void)
{
  static const char *dir;

  if (g_once_init_enter (&dir))
    {
      /* A program of the build tree reads the catalogs built beside it, so
       * `build-aux/run` speaks the user's language before any install. */
      g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
      const char *found = LOCALEDIR;

      if (exe != NULL && g_str_has_prefix (exe, BUILD_ROOT G_DIR_SEPARATOR_S)
          && g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
        found = BUILD_LOCALEDIR;
      g_once_init_leave (&dir, found);
    }
  return dir;
}

void
cb_locale_init (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, cb_locale_get_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
