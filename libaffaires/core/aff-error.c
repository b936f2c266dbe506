/* aff-error.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "aff-error.h"

/* Messages for people go through gettext; the library binds its own domain
 * when it is loaded, since it has no init function for callers to forget.
 * AFF_LOCALEDIR points an uninstalled build (its tests) at the catalogues
 * it compiled; an installed library needs nothing. */
__attribute__((constructor)) static void
aff_i18n_init (void)
{
  const char *folder = g_getenv ("AFF_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, folder != NULL && *folder != '\0' ? folder : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

/**
 * aff_error_quark:
 *
 * The quark of the [error@Aff.Error] domain.
 *
 * Returns: the error domain quark
 */
G_DEFINE_QUARK (aff-error-quark, aff_error)
