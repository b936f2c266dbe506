/* aff-error.h: the libaffaires error domain
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(AFFAIRES_INSIDE) && !defined(AFFAIRES_COMPILATION)
#error "Only <affaires.h> can be included directly."
#endif

#include <glib.h>

#include "aff-version-macros.h"

G_BEGIN_DECLS

/**
 * AFF_ERROR:
 *
 * The error domain of libaffaires. Errors in this domain are from the
 * [enum@Aff.Error] enumeration.
 */
#define AFF_ERROR (aff_error_quark ())

/**
 * AffError:
 * @AFF_ERROR_FAILED: a failure with no more specific code
 * @AFF_ERROR_INVALID_VALUE: a value given to the library is not acceptable
 *   (malformed SIREN, negative duration, unknown enumeration nick…)
 * @AFF_ERROR_INVALID_DOCUMENT: a portfolio document is not valid; the message
 *   names the JSON path and what was expected there
 * @AFF_ERROR_UNSUPPORTED_VERSION: a portfolio document was written by a newer
 *   format version than this library reads
 * @AFF_ERROR_UNKNOWN_CURRENCY: a currency code is not an ISO 4217 code with
 *   minor units
 * @AFF_ERROR_CURRENCY_MISMATCH: two amounts in different currencies were
 *   combined
 * @AFF_ERROR_OVERFLOW: an amount does not fit in 64 bits of minor units
 * @AFF_ERROR_DUPLICATE_ID: an identifier is already used by another item of
 *   the same kind
 * @AFF_ERROR_NOT_FOUND: an identifier names no known item
 * @AFF_ERROR_IN_USE: an item cannot be removed while others refer to it
 * @AFF_ERROR_INVALID_TRANSITION: a state change is not allowed from the
 *   current state; nothing was changed
 * @AFF_ERROR_TAMPERED: the journal chain does not verify; the message names
 *   the first bad entry
 * @AFF_ERROR_NOT_ASSESSABLE: a figure needed for an assessment is missing
 *   (a solvency score without total assets, say); nothing is made up
 * @AFF_ERROR_FROZEN: the item is a record that can no longer change (an offer
 *   revision once sent); start a new one instead
 * @AFF_ERROR_CHECK_FAILED: an offer did not pass its checks before sending;
 *   the message lists every problem
 * @AFF_ERROR_CYCLE: the dependencies of a plan make a cycle; the message
 *   names the tasks of one
 * @AFF_ERROR_CLOSE_BLOCKED: an affair cannot be closed yet; the message
 *   lists every blocking item
 * @AFF_ERROR_CLOSED: the affair is closed: its figures can no longer change
 * @AFF_ERROR_CONFLICT: a store was changed by someone else since it was
 *   loaded, in a way that saving would overwrite; the message names the
 *   item changed. Nothing was saved: load again and redo the change
 *
 * Error codes of the [error@Aff.Error] domain.
 */
typedef enum {
  AFF_ERROR_FAILED,
  AFF_ERROR_INVALID_VALUE,
  AFF_ERROR_INVALID_DOCUMENT,
  AFF_ERROR_UNSUPPORTED_VERSION,
  AFF_ERROR_UNKNOWN_CURRENCY,
  AFF_ERROR_CURRENCY_MISMATCH,
  AFF_ERROR_OVERFLOW,
  AFF_ERROR_DUPLICATE_ID,
  AFF_ERROR_NOT_FOUND,
  AFF_ERROR_IN_USE,
  AFF_ERROR_INVALID_TRANSITION,
  AFF_ERROR_TAMPERED,
  AFF_ERROR_NOT_ASSESSABLE,
  AFF_ERROR_FROZEN,
  AFF_ERROR_CHECK_FAILED,
  AFF_ERROR_CYCLE,
  AFF_ERROR_CLOSE_BLOCKED,
  AFF_ERROR_CLOSED,
  AFF_ERROR_CONFLICT,
} AffError;

AFF_AVAILABLE_IN_ALL
GQuark aff_error_quark (void);

G_END_DECLS
