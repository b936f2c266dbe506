/* aff-error.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-error-private.h"

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

void
_aff_set_file_error_from_errno (GError     **error,
                                const char  *path,
                                int          errsv)
{
  g_autofree char *name = g_filename_display_name (path);

  /* Translators: a file, then what went wrong with it. */
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv), _("%s: %s"),
               name, g_strerror (errsv));
}

void
_aff_prefix_file_error (GError     **error,
                        const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  /* Translators: a file, before what went wrong with it. */
  g_prefix_error (error, _("%s: "), name);
}
