/* aff-error-private.h: errors about files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An error about a file begins with the file's name as people read it, so
 * that whoever sees the message (the command line prints it alone) knows
 * which file is at fault. */
void _aff_set_file_error_from_errno (GError     **error,
                                     const char  *path,
                                     int          errsv);
void _aff_prefix_file_error         (GError     **error,
                                     const char  *path);

G_END_DECLS
