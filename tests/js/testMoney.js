// testMoney.js: Aff.Money from JavaScript: construction, parsing, printing,
// overflow-checked arithmetic, half-to-even scaling and allocation.
//
// Expected values are worked out by hand from docs/rules.md.

import Aff from 'gi://Aff?version=1';
import {test, run, assertEqual, assertTrue, assertFalse, assertThrows} from './harness.js';

const E = Aff.Error;

function eur(minor) {
    return Aff.Money.new(minor, 'EUR');
}

function str(money) {
    return money.to_string();
}

// INT64_MAX = 9223372036854775807 minor units, which JS numbers cannot hold
// exactly (2^53 is the limit), so the extremes are built from text.
const INT64_MAX_EUR = '92233720368547758.07 EUR';
const INT64_MIN_EUR = '-92233720368547758.08 EUR';

test('new keeps minor units and currency', () => {
    const m = Aff.Money.new(123456, 'EUR');
    assertEqual(m.get_minor(), 123456);
    assertEqual(m.get_currency(), 'EUR');
    assertEqual(m.get_exponent(), 2);
    assertFalse(m.is_zero());
    assertFalse(m.is_negative());
    assertTrue(Aff.Money.new(-5, 'EUR').is_negative());
});

test('new_zero', () => {
    const z = Aff.Money.new_zero('JPY');
    assertTrue(z.is_zero());
    assertEqual(z.get_minor(), 0);
    assertEqual(z.get_currency(), 'JPY');
    assertEqual(str(Aff.Money.new_zero('EUR')), '0.00 EUR');
});

test('currency exponents', () => {
    const expected = {
        EUR: 2, USD: 2, GBP: 2, CHF: 2,
        JPY: 0, KRW: 0, XOF: 0, XAF: 0, CLP: 0, ISK: 0, VND: 0,
        KWD: 3, BHD: 3, JOD: 3, OMR: 3, TND: 3, IQD: 3, LYD: 3,
        CLF: 4, UYW: 4,
    };
    for (const [code, exponent] of Object.entries(expected)) {
        assertEqual(Aff.Money.new(1, code).get_exponent(), exponent, code);
        assertEqual(Aff.currency_get_exponent(code), [true, exponent], `currency_get_exponent(${code})`);
    }
    assertEqual(Aff.currency_get_exponent('XXX')[0], false, 'XXX has no minor unit');
});

test('new refuses unknown currencies', () => {
    for (const code of ['XXX', 'XAU', 'eur', 'EURO', 'EU', ''])
        assertThrows(() => Aff.Money.new(100, code), E.UNKNOWN_CURRENCY);
    assertThrows(() => Aff.Money.new_zero('XAU'), E.UNKNOWN_CURRENCY);
});

test('parse valid amounts', () => {
    const cases = [
        ['1234.56 EUR', 123456, 'EUR'],
        ['-0.05 EUR', -5, 'EUR'],
        ['1500 JPY', 1500, 'JPY'],
        ['12.5 EUR', 1250, 'EUR'],    // fewer fraction digits are padded
        ['+12.5 EUR', 1250, 'EUR'],
        ['12 EUR', 1200, 'EUR'],
        ['0 EUR', 0, 'EUR'],
        ['1.234 KWD', 1234, 'KWD'],
        ['1.2 KWD', 1200, 'KWD'],
        ['1.2345 CLF', 12345, 'CLF'],
        ['-1500 JPY', -1500, 'JPY'],
    ];
    for (const [text, minor, currency] of cases) {
        const m = Aff.Money.parse(text);
        assertEqual(m.get_minor(), minor, text);
        assertEqual(m.get_currency(), currency, text);
    }
});

test('parse refuses malformed text', () => {
    const bad = [
        '1.234 EUR',     // more fraction digits than the exponent
        '1.5 JPY',
        '12,50 EUR',
        '',
        ' 1 EUR',
        '1 EUR ',
        '1e3 EUR',
        '1  EUR',
        'EUR',
        '1',
        '1EUR',
        '--1 EUR',
        'abc EUR',
        '0x10 EUR',
        '1.2.3 EUR',
    ];
    for (const text of bad)
        assertThrows(() => Aff.Money.parse(text), E.INVALID_VALUE);
});

test('parse: well-formed amount with a bad code is UNKNOWN_CURRENCY', () => {
    assertThrows(() => Aff.Money.parse('12.50 XXX'), E.UNKNOWN_CURRENCY);
    assertThrows(() => Aff.Money.parse('1 XAU'), E.UNKNOWN_CURRENCY);
});

test('parse: digits that do not fit in int64 are OVERFLOW', () => {
    // INT64_MAX is 9223372036854775807: one more minor unit does not fit.
    assertThrows(() => Aff.Money.parse('92233720368547758.08 EUR'), E.OVERFLOW);
    assertThrows(() => Aff.Money.parse('-92233720368547758.09 EUR'), E.OVERFLOW);
    assertThrows(() => Aff.Money.parse('99999999999999999999 JPY'), E.OVERFLOW);
    assertThrows(() => Aff.Money.parse('123456789012345678901234567890.00 EUR'), E.OVERFLOW);
    // The extremes themselves are fine and print back exactly.
    assertEqual(str(Aff.Money.parse(INT64_MAX_EUR)), INT64_MAX_EUR);
    assertEqual(str(Aff.Money.parse(INT64_MIN_EUR)), INT64_MIN_EUR);
    assertEqual(str(Aff.Money.parse('9223372036854775807 JPY')), '9223372036854775807 JPY');
});

test('to_string', () => {
    assertEqual(str(eur(123456)), '1234.56 EUR');
    assertEqual(str(eur(-5)), '-0.05 EUR');
    assertEqual(str(Aff.Money.new(1500, 'JPY')), '1500 JPY');
    assertEqual(str(eur(0)), '0.00 EUR');
    assertEqual(str(Aff.Money.new(1234, 'KWD')), '1.234 KWD');
    assertEqual(str(eur(7)), '0.07 EUR');
    assertEqual(str(eur(-123456)), '-1234.56 EUR');
    assertEqual(str(Aff.Money.new(5, 'CLF')), '0.0005 CLF');
});

test('parse and to_string round-trip', () => {
    for (const text of ['1234.56 EUR', '-0.05 EUR', '1500 JPY', '0.00 EUR', '1.234 KWD', '-7.0001 CLF'])
        assertEqual(str(Aff.Money.parse(text)), text);
});

test('format fr', () => {
    const NNBSP = '\u202f', NBSP = '\u00a0';
    for (const locale of ['fr', 'fr_FR', 'fr_FR.UTF-8'])
        assertEqual(eur(123456).format(locale), `1${NNBSP}234,56${NBSP}€`, locale);
    assertEqual(eur(-123456789).format('fr_FR'), `-1${NNBSP}234${NNBSP}567,89${NBSP}€`);
    assertEqual(Aff.Money.new(1500, 'JPY').format('fr'), `1${NNBSP}500${NBSP}¥`);
    assertEqual(Aff.Money.new(123456, 'USD').format('fr'), `1${NNBSP}234,56${NBSP}$`);
    assertEqual(Aff.Money.new(123456, 'GBP').format('fr'), `1${NNBSP}234,56${NBSP}£`);
    assertEqual(eur(5).format('fr'), `0,05${NBSP}€`);
    assertEqual(eur(99999).format('fr'), `999,99${NBSP}€`);   // no group separator below 1000
    // Codes without a symbol print the code.
    assertEqual(Aff.Money.new(123456, 'CHF').format('fr'), `1${NNBSP}234,56${NBSP}CHF`);
});

test('format en and de', () => {
    const NBSP = '\u00a0';
    for (const locale of ['en', 'en_US', 'en_GB'])
        assertEqual(eur(123456).format(locale), '€1,234.56', locale);
    assertEqual(eur(-123456).format('en'), '-€1,234.56');
    assertEqual(Aff.Money.new(123456789, 'USD').format('en_US'), '$1,234,567.89');
    assertEqual(Aff.Money.new(1500, 'JPY').format('en'), '¥1,500');
    for (const locale of ['de', 'de_DE'])
        assertEqual(eur(123456).format(locale), `1.234,56${NBSP}€`, locale);
    assertEqual(eur(123456789).format('de'), `1.234.567,89${NBSP}€`);
});

test('format without a known locale is to_string', () => {
    const m = eur(123456);
    for (const locale of [null, 'C', 'POSIX', 'xx_YY', 'tlh'])
        assertEqual(m.format(locale), '1234.56 EUR', String(locale));
    assertEqual(Aff.Money.new(-5, 'KWD').format(null), '-0.005 KWD');
});

test('add and subtract', () => {
    assertEqual(str(eur(123456).add(eur(44))), '1235.00 EUR');
    assertEqual(str(eur(5).subtract(eur(10))), '-0.05 EUR');
    assertEqual(str(eur(-5).add(eur(5))), '0.00 EUR');
    // Operands are immutable.
    const a = eur(100);
    a.add(eur(1));
    assertEqual(a.get_minor(), 100);
});

test('arithmetic refuses mixed currencies', () => {
    const e = eur(100), u = Aff.Money.new(100, 'USD');
    assertThrows(() => e.add(u), E.CURRENCY_MISMATCH);
    assertThrows(() => e.subtract(u), E.CURRENCY_MISMATCH);
    assertThrows(() => e.compare(u), E.CURRENCY_MISMATCH);
    assertFalse(e.equal(u));
});

test('arithmetic overflow', () => {
    const max = Aff.Money.parse(INT64_MAX_EUR);
    const min = Aff.Money.parse(INT64_MIN_EUR);
    const cent = Aff.Money.parse('0.01 EUR');
    assertThrows(() => max.add(cent), E.OVERFLOW);
    assertThrows(() => min.subtract(cent), E.OVERFLOW);
    assertThrows(() => cent.negate().add(min), E.OVERFLOW);
    assertThrows(() => min.negate(), E.OVERFLOW);     // -INT64_MIN does not fit
    assertThrows(() => max.subtract(min), E.OVERFLOW);
    // Right at the edge it still works: MAX - 0.01 + 0.01 = MAX; -MAX fits.
    assertEqual(str(max.subtract(cent).add(cent)), INT64_MAX_EUR);
    assertEqual(str(max.negate()), '-92233720368547758.07 EUR');
    assertEqual(str(min.add(cent)), '-92233720368547758.07 EUR');
});

test('negate', () => {
    assertEqual(str(eur(123456).negate()), '-1234.56 EUR');
    assertEqual(str(eur(-5).negate()), '0.05 EUR');
    assertTrue(eur(0).negate().is_zero());
});

test('compare and equal', () => {
    assertEqual(eur(1).compare(eur(2)), -1);
    assertEqual(eur(2).compare(eur(2)), 0);
    assertEqual(eur(3).compare(eur(2)), 1);
    assertEqual(eur(-300).compare(eur(2)), -1);
    assertEqual(Aff.Money.parse(INT64_MAX_EUR).compare(Aff.Money.parse(INT64_MIN_EUR)), 1);
    assertTrue(eur(125).equal(Aff.Money.parse('1.25 EUR')));
    assertFalse(eur(125).equal(eur(126)));
    // Same number of minor units, different currencies: not equal.
    assertFalse(Aff.Money.new(125, 'JPY').equal(eur(125)));
});

test('copy', () => {
    const m = eur(4242);
    const c = m.copy();
    assertTrue(m.equal(c));
    assertEqual(str(c), '42.42 EUR');
});

test('multiply rounds half to even', () => {
    const cases = [
        // [amount text, numerator, denominator, expected]
        ['100.00 EUR', 1, 3, '33.33 EUR'],     // 3333.33… -> 3333
        ['100.00 EUR', 2, 3, '66.67 EUR'],     // 6666.66… -> 6667
        ['0.05 EUR', 1, 2, '0.02 EUR'],        // 2.5 -> 2 (even)
        ['0.15 EUR', 1, 2, '0.08 EUR'],        // 7.5 -> 8 (even)
        ['0.25 EUR', 1, 2, '0.12 EUR'],        // 12.5 -> 12
        ['0.35 EUR', 1, 2, '0.18 EUR'],        // 17.5 -> 18
        ['-0.05 EUR', 1, 2, '-0.02 EUR'],      // -2.5 -> -2
        ['-0.15 EUR', 1, 2, '-0.08 EUR'],      // -7.5 -> -8
        ['0.05 EUR', 1, -2, '-0.02 EUR'],      // negative denominator: -2.5 -> -2
        ['0.05 EUR', -1, -2, '0.02 EUR'],      // 5 * -1 / -2 = 2.5 -> 2
        ['-0.15 EUR', -1, 2, '0.08 EUR'],      // -15 * -1 / 2 = 7.5 -> 8
        ['1000.00 EUR', 1950, 10000, '195.00 EUR'],
        ['1000.00 EUR', 0, 7, '0.00 EUR'],
        ['1234.56 EUR', 1, 1, '1234.56 EUR'],
        ['0.01 EUR', 1, 3, '0.00 EUR'],        // 0.33 -> 0
        ['0.02 EUR', 1, 3, '0.01 EUR'],        // 0.67 -> 1
        ['1001 JPY', 1, 2, '500 JPY'],         // 500.5 -> 500 (even)
        ['1003 JPY', 1, 2, '502 JPY'],         // 501.5 -> 502 (even)
        ['10.000 KWD', 1, 8, '1.250 KWD'],
    ];
    for (const [text, num, den, expected] of cases)
        assertEqual(str(Aff.Money.parse(text).multiply(num, den)), expected, `${text} * ${num}/${den}`);
});

test('multiply uses an exact intermediate', () => {
    // INT64_MAX * 3 / 3 overflows 64 bits in the middle but the result fits.
    const max = Aff.Money.parse(INT64_MAX_EUR);
    assertEqual(str(max.multiply(3, 3)), INT64_MAX_EUR);
    // (INT64_MAX * 1) / 2 = 4611686018427387903.5 -> 4611686018427387904 (even)
    assertEqual(str(max.multiply(1, 2)), '46116860184273879.04 EUR');
});

test('multiply errors', () => {
    assertThrows(() => eur(100).multiply(1, 0), E.INVALID_VALUE);
    const max = Aff.Money.parse(INT64_MAX_EUR);
    assertThrows(() => max.multiply(2, 1), E.OVERFLOW);
    assertThrows(() => Aff.Money.parse(INT64_MIN_EUR).multiply(-1, 1), E.OVERFLOW);
});

test('allocate: largest remainder', () => {
    const minors = parts => parts.map(p => p.get_minor());
    // 10000 / 3 = 3333 r 1 each (remainders equal) -> the extra cent to the first.
    assertEqual(minors(eur(10000).allocate([1, 1, 1])), [3334, 3333, 3333]);
    // 5*3/10 = 1.5, 5*7/10 = 3.5: floors 1+3 = 4, one unit left, remainders tie -> first.
    assertEqual(minors(eur(5).allocate([3, 7])), [2, 3]);
    // 100*1/6 = 16.67, 100*2/6 = 33.33, 100*3/6 = 50: floors 99, extra to the first (.67).
    assertEqual(minors(eur(100).allocate([1, 2, 3])), [17, 33, 50]);
    // 100*2/7 = 28.57, 100*5/7 = 71.43: floors 99, extra to the first.
    assertEqual(minors(eur(100).allocate([2, 5])), [29, 71]);
    // Zero weights get nothing.
    assertEqual(minors(eur(100).allocate([0, 1, 0])), [0, 100, 0]);
    assertEqual(minors(eur(100).allocate([7])), [100]);
    // Negative amounts: allocate |amount| and negate.
    assertEqual(minors(eur(-10000).allocate([1, 1, 1])), [-3334, -3333, -3333]);
    assertEqual(minors(eur(-5).allocate([3, 7])), [-2, -3]);
    // Zero amount.
    assertEqual(minors(eur(0).allocate([1, 2])), [0, 0]);
});

test('allocate: parts keep the currency and sum to the amount', () => {
    const amount = Aff.Money.parse('1234.57 EUR');
    const parts = amount.allocate([13, 29, 31, 7, 20]);
    assertEqual(parts.length, 5);
    let total = Aff.Money.new_zero('EUR');
    for (const p of parts) {
        assertEqual(p.get_currency(), 'EUR');
        total = total.add(p);
    }
    assertTrue(total.equal(amount));
    // 123457 * w / 100: 16049.41, 35802.53, 38271.67, 8641.99, 24691.40 -> floors sum
    // 123454, 3 units left -> to the remainders .99, .67, .53.
    assertEqual(parts.map(p => p.get_minor()), [16049, 35803, 38272, 8642, 24691]);
    const yen = Aff.Money.new(1000, 'JPY').allocate([1, 1, 1]);
    assertEqual(yen.map(str), ['334 JPY', '333 JPY', '333 JPY']);
});

test('allocate: invalid weights', () => {
    assertThrows(() => eur(100).allocate([]), E.INVALID_VALUE);
    assertThrows(() => eur(100).allocate([0]), E.INVALID_VALUE);
    assertThrows(() => eur(100).allocate([0, 0, 0]), E.INVALID_VALUE);
});

test('allocate: extremes', () => {
    // INT64_MAX by [1, 1]: 9223372036854775807 = 2 * 4611686018427387903 + 1.
    const parts = Aff.Money.parse(INT64_MAX_EUR).allocate([1, 1]);
    assertEqual(parts.map(str), ['46116860184273879.04 EUR', '46116860184273879.03 EUR']);
    // INT64_MIN: |amount| = 2^63 must not overflow on the way: 2^62 each.
    const neg = Aff.Money.parse(INT64_MIN_EUR).allocate([1, 1]);
    assertEqual(neg.map(str), ['-46116860184273879.04 EUR', '-46116860184273879.04 EUR']);
});

run();
