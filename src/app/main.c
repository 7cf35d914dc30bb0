/* main.c — the casebook executable
 *
 * Copyright 2026 The Casebook developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cb-application.h"
#include "cb-locale.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CbApplication) app = NULL;

  cb_locale_init ();

  g_set_application_name (_("Casebook"));

  app = cb_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
