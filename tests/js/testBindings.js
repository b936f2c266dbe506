// testBindings.js: the GJS helper module bindings/js/affaires.js.
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import GLib from 'gi://GLib';
import Aff from 'gi://Aff?version=1';
import {test, run, assertEqual, assertTrue, assertThrows} from './harness.js';

function assertTypeError(fn) {
    try {
        fn();
    } catch (e) {
        if (e instanceof TypeError)
            return;
        throw e;
    }
    throw new Error('expected a TypeError');
}
import {toGDate, fromGDate, items, minorUnits, money, describe} from '../../bindings/js/affaires.js';

test('dates go to GLib.Date and back', () => {
    const g = toGDate(new Date(2028, 1, 29, 17, 45));
    assertEqual([g.get_year(), g.get_month(), g.get_day()], [2028, 2, 29]);
    const back = fromGDate(g);
    assertEqual([back.getFullYear(), back.getMonth(), back.getDate(), back.getHours()], [2028, 1, 29, 0]);
    assertEqual(fromGDate(null), null);
    assertEqual(fromGDate(new GLib.Date()), null);
    assertTypeError(() => toGDate('2026-04-15'));
    assertTypeError(() => toGDate(new Date(NaN)));
});

test('a Date works where the API wants a day', () => {
    const k = Aff.Consultation.new('CONS-1', 'acme', 'Tuyauterie', toGDate(new Date(2026, 2, 2)),
        toGDate(new Date(2026, 3, 15)));
    const deadline = fromGDate(k.get_deadline());
    assertEqual([deadline.getFullYear(), deadline.getMonth() + 1, deadline.getDate()], [2026, 4, 15]);
});

test('minor units stay exact beyond 2^53', () => {
    // 2^53 + 1 = 9007199254740993 cents cannot be a JS number.
    assertEqual(minorUnits(money('90071992547409.93 EUR')), 9007199254740993n);
    assertEqual(minorUnits(money('-0.05 EUR')), -5n);
    assertEqual(minorUnits(money('1500 JPY')), 1500n);
    assertEqual(minorUnits(money('92233720368547758.07 EUR')), 9223372036854775807n);
    assertThrows(() => money('12,50 EUR'), Aff.Error.INVALID_VALUE);
});

test('list models walk with for…of', () => {
    const portfolio = Aff.Portfolio.new();
    for (const id of ['A', 'B', 'C'])
        assertTrue(portfolio.add_client(Aff.Client.new(id, `Client ${id}`)));
    const ids = [];
    for (const client of items(portfolio.get_clients()))
        ids.push(client.get_id());
    assertEqual(ids, ['A', 'B', 'C']);
    assertEqual([...items(portfolio.get_affairs())].length, 0);
});

test('describe names what has an id', () => {
    assertEqual(describe(Aff.Client.new('ACME', 'ACME Industrie')), 'Aff.Client ACME');
    assertEqual(describe(Aff.Offer.new('OFF-1', 'CONS-1')), 'Aff.Offer OFF-1');
    assertEqual(describe(money('10.50 EUR')), 'Aff.Money 10.50 EUR');
    assertEqual(describe(42), '42');
});

run();
