/* aff-error.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "aff-error.h"

/**
 * aff_error_quark:
 *
 * The quark of the [error@Aff.Error] domain.
 *
 * Returns: the error domain quark
 */
G_DEFINE_QUARK (aff-error-quark, aff_error)
