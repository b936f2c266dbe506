/* aff-version-macros.h: symbol visibility and availability
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <glib.h>

#include "aff-version.h"

#ifndef _AFF_EXTERN
#define _AFF_EXTERN __attribute__((visibility ("default"))) extern
#endif

#define AFF_ENCODE_VERSION(major, minor) ((major) << 16 | (minor) << 8)

#define AFF_VERSION_0_1 (AFF_ENCODE_VERSION (0, 1))
#define AFF_VERSION_CUR_STABLE (AFF_ENCODE_VERSION (AFF_MAJOR_VERSION, AFF_MINOR_VERSION))

#ifndef AFF_VERSION_MIN_REQUIRED
#define AFF_VERSION_MIN_REQUIRED (AFF_VERSION_CUR_STABLE)
#endif

#ifndef AFF_VERSION_MAX_ALLOWED
#define AFF_VERSION_MAX_ALLOWED (AFF_VERSION_CUR_STABLE)
#endif

#ifdef AFF_DISABLE_DEPRECATION_WARNINGS
#define AFF_DEPRECATED _AFF_EXTERN
#define AFF_DEPRECATED_FOR(f) _AFF_EXTERN
#define AFF_UNAVAILABLE(maj, min) _AFF_EXTERN
#else
#define AFF_DEPRECATED G_DEPRECATED _AFF_EXTERN
#define AFF_DEPRECATED_FOR(f) G_DEPRECATED_FOR (f) _AFF_EXTERN
#define AFF_UNAVAILABLE(maj, min) G_UNAVAILABLE (maj, min) _AFF_EXTERN
#endif

#define AFF_AVAILABLE_IN_ALL _AFF_EXTERN

#if AFF_VERSION_MAX_ALLOWED < AFF_VERSION_0_1
#define AFF_AVAILABLE_IN_0_1 AFF_UNAVAILABLE (0, 1)
#else
#define AFF_AVAILABLE_IN_0_1 _AFF_EXTERN
#endif
