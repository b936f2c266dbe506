// affaires.js: what GJS scripts of libaffaires want and GObject
// Introspection cannot give by itself.
//
//   import {toGDate, fromGDate, items, minorUnits, money, describe} from './affaires.js';
//
// - Dates: a JavaScript Date (its local calendar day) to a GLib.Date and
//   back, so that scripts keep their own dates.
// - Money: JavaScript numbers hold integers exactly only up to 2^53, and
//   Aff.Money counts in 64 bits; minorUnits() gives the exact count as a
//   BigInt, read from the canonical text, never through a double.
// - List models: items() walks any Gio.ListModel (the portfolio's clients,
//   offers, affairs…) with for…of.
// - describe(): "Aff.Client ACME" for what has an id, to print and debug.
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import GLib from 'gi://GLib';
import Aff from 'gi://Aff?version=1';

/** A JavaScript Date's calendar day (local time) as a GLib.Date. */
export function toGDate(date) {
    if (!(date instanceof Date) || Number.isNaN(date.getTime()))
        throw new TypeError('toGDate() wants a valid Date');
    return GLib.Date.new_dmy(date.getDate(), date.getMonth() + 1, date.getFullYear());
}

/** A GLib.Date as a JavaScript Date at local midnight; null for null or an
 * invalid date. */
export function fromGDate(gdate) {
    if (gdate === null || gdate === undefined || !gdate.valid())
        return null;
    return new Date(gdate.get_year(), gdate.get_month() - 1, gdate.get_day());
}

/** The exact count of minor units of an Aff.Money, as a BigInt. */
export function minorUnits(amount) {
    const [digits] = amount.to_string().split(' ');
    return BigInt(digits.replace('.', ''));
}

/** Aff.Money from its text, "1234.56 EUR"; throws the library's GLib.Error
 * on bad text. */
export function money(text) {
    return Aff.Money.parse(text);
}

/** Every item of a Gio.ListModel, in order. */
export function* items(model) {
    const n = model.get_n_items();
    for (let i = 0; i < n; i++)
        yield model.get_item(i);
}

/** "Aff.Client ACME" for an object or record with an id; its string
 * otherwise. */
export function describe(value) {
    if (value instanceof Aff.Money)
        return `Aff.Money ${value.to_string()}`;
    if (value && typeof value.get_id === 'function')
        return `Aff.${value.constructor.name.replace(/^Aff_/, '')} ${value.get_id()}`;
    return String(value);
}
