/* aff-affair-render.c: the project management plan of an affair
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "aff-affair-private.h"
