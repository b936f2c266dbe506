// testOfferPricing.js: offers, pricing from cost, from JavaScript: lines
// (quantities, costs, labour from the policy), revisions (defaults, overheads
// by kind, contingency, margin rate or selling price, VAT, terms) and freezing.
//
// Every expected value is worked out by hand from docs/rules.md ("Offers:
// pricing from cost"); the arithmetic is in the comments. Amounts are in
// minor units (cents for EUR).

import Aff from 'gi://Aff?version=1';
import {
    test, run, assertEqual, assertTrue, assertFalse, assertThrows,
    date, iso, items,
} from './harness.js';

const E = Aff.Error;
const K = Aff.LineKind;
const U = Aff.LineUnit;

// Money from its canonical text; a bare number is EUR.
const money = text => Aff.Money.parse(text.includes(' ') ? text : `${text} EUR`);

function minor(m, currency = 'EUR') {
    assertTrue(m !== null && m !== undefined, 'an amount');
    assertEqual(m.get_currency(), currency, 'currency');
    return m.get_minor();
}

function weldingPolicy() {
    const policy = Aff.Policy.new();
    assertTrue(policy.set_labour_rate('welder', money('58.00')));
    return policy;
}

const line = (kind, quantity, unit, cost, description = 'ligne') =>
    Aff.OfferLine.new(kind, description, quantity, unit, money(cost));

function prices(rev, currency = 'EUR') {
    return [
        minor(rev.get_direct_cost(), currency), minor(rev.get_overheads(), currency),
        minor(rev.get_cost_price(), currency), minor(rev.get_selling_price(), currency),
        minor(rev.get_margin(), currency), rev.get_margin_rate(),
        minor(rev.get_vat(), currency), minor(rev.get_total_including_vat(), currency),
    ];
}

// The worked example. Lines:
//   L1 labour      120.5 h "welder" x 58.00  = 120500 x 5800 / 1000  = 698900             6 989.00
//   L2 material    85.250 m x 12.37          = 85250 x 1237 / 1000   = 105454.25 -> 105454  1 054.54
//   L3 material    4 kg x 25.01              = 4000 x 2501 / 1000    = 10004                100.04
//   L4 equipment   4.5 days x 137.50         = 4500 x 13750 / 1000   = 61875                618.75
//   L5 subcontract lump sum 1 x 2 400.00                             = 240000             2 400.00
//   L6 travel      3 days x 95.00            = 3000 x 9500 / 1000    = 28500                285.00
//   L7 other       lump sum 1 x 150.25                               = 15025                150.25
// Direct cost = 698900 + 105454 + 10004 + 61875 + 240000 + 28500 + 15025 = 1159758 (11 597.58)
// Overheads by kind (default rates), each rounded half to even:
//   labour      698900 x 3000 / 10000 = 209670
//   material    (105454 + 10004 = 115458) x 1000 / 10000 = 11545.8 -> 11546
//               (line by line it would be 10545 + 1000 = 11545: the rounding is by kind)
//   equipment   61875 x 1000 / 10000 = 6187.5 -> 6188 (tie, to even)
//   subcontract 240000 x 800 / 10000 = 19200
//   travel      28500 x 500 / 10000 = 1425
//   other       15025 x 1000 / 10000 = 1502.5 -> 1502 (tie, to even)
//   sum = 209670 + 11546 + 6188 + 19200 + 1425 + 1502 = 249531 (2 495.31)
// Contingency 500.00 = 50000.
// Cost price = 1159758 + 249531 + 50000 = 1459289 (14 592.89)
const DIRECT = 1159758;
const OVERHEADS = 249531;
const COST = 1459289;
// At a 15 % margin rate:
//   selling = 1459289 x 10000 / 8500 = 29185780 / 17 = 1716810 + 10/17 (0.588) -> 1716811 (17 168.11)
//   margin = 1716811 - 1459289 = 257522 (2 575.22)
//   margin rate = 257522 x 10000 / 1716811: 1716811 x 1500 = 2575216500, remainder 3500 (0.002) -> 1500
//   VAT = 1716811 x 2000 / 10000 = 343362.2 -> 343362 (3 433.62)
//   total = 1716811 + 343362 = 2060173 (20 601.73)
const AT_15 = [DIRECT, OVERHEADS, COST, 1716811, 257522, 1500, 343362, 2060173];

function workedExample(policy) {
    const rev = Aff.OfferRevision.new('A', policy);
    const lines = [
        Aff.OfferLine.new_labour('Soudure TIG', '120.5', 'welder', policy),
        line(K.MATERIAL, '85.250', U.METRE, '12.37', 'Tube inox DN50'),
        line(K.MATERIAL, '4', U.KILOGRAM, '25.01', 'Brides'),
        line(K.EQUIPMENT, '4.5', U.DAY, '137.50', 'Nacelle'),
        line(K.SUBCONTRACT, '1', U.LUMP_SUM, '2400.00', 'Radiographie'),
        line(K.TRAVEL, '3', U.DAY, '95.00', 'Déplacements'),
        line(K.OTHER, '1', U.LUMP_SUM, '150.25', 'Frais de dossier'),
    ];
    assertEqual(lines.map(l => minor(l.compute_cost())),
        [698900, 105454, 10004, 61875, 240000, 28500, 15025], 'line costs');
    for (const l of lines)
        assertTrue(rev.add_line(l));
    assertTrue(rev.set_contingency(money('500.00')));
    return rev;
}

test('worked example: at cost, then a 15 % margin rate', () => {
    const rev = workedExample(weldingPolicy());
    assertEqual(rev.get_lines().get_n_items(), 7);
    assertEqual(minor(rev.get_contingency()), 50000);
    // No margin rate nor price: the price is the cost price.
    // VAT = 1459289 x 0.2 = 291857.8 -> 291858; total 1751147
    assertEqual(prices(rev), [DIRECT, OVERHEADS, COST, COST, 0, 0, 291858, 1751147]);
    assertTrue(rev.set_margin_rate(1500));
    assertEqual(prices(rev), AT_15);
    assertEqual(rev.get_selling_price().to_string(), '17168.11 EUR');
    assertEqual(rev.get_total_including_vat().to_string(), '20601.73 EUR');
});

test('worked example: negative margin rate and no contingency', () => {
    const rev = workedExample(weldingPolicy());
    // -10 %: 1459289 x 10000 / 11000 = 1326626.36 -> 1326626; margin -132663;
    // rate -132663 x 10000 / 1326626 = -1000.003 -> -1000; VAT 265325.2 -> 265325; total 1591951
    assertTrue(rev.set_margin_rate(-1000));
    assertEqual(prices(rev), [DIRECT, OVERHEADS, COST, 1326626, -132663, -1000, 265325, 1591951]);
    // cost = 1159758 + 249531 = 1409289; at 15 %: 28185780 / 17, 17 x 1657987 = 28185779 -> 1657987;
    // margin 248698; rate 2486980000 / 1657987 = 1499.9997 -> 1500; VAT 331597.4 -> 331597
    assertTrue(rev.set_margin_rate(1500));
    assertTrue(rev.set_contingency(null));
    assertEqual(prices(rev), [DIRECT, OVERHEADS, 1409289, 1657987, 248698, 1500, 331597, 1989584]);
});

test('worked example: selling price set directly', () => {
    const rev = workedExample(weldingPolicy());
    // 18 000.00: margin 1800000 - 1459289 = 340711; rate 3407110000 / 1800000 = 1892.84 -> 1893;
    // VAT 360000; total 2160000
    assertTrue(rev.set_selling_price(money('18000.00')));
    assertEqual(prices(rev), [DIRECT, OVERHEADS, COST, 1800000, 340711, 1893, 360000, 2160000]);
    // the margin rate replaces the price ...
    assertTrue(rev.set_margin_rate(1500));
    assertEqual(prices(rev), AT_15);
    // ... and the price the margin rate; 14 000.00 is below cost: margin -59289;
    // rate -592890000 / 1400000 = -423.49 -> -423; VAT 280000; total 1680000
    assertTrue(rev.set_selling_price(money('14000.00')));
    assertEqual(prices(rev), [DIRECT, OVERHEADS, COST, 1400000, -59289, -423, 280000, 1680000]);
    // zero: margin = -cost, margin rate 0
    assertTrue(rev.set_selling_price(money('0.00')));
    assertEqual(prices(rev), [DIRECT, OVERHEADS, COST, 0, -COST, 0, 0, 0]);
    assertThrows(() => rev.set_selling_price(money('-0.01')), E.INVALID_VALUE);
    assertThrows(() => rev.set_selling_price(money('18000.00 USD')), E.CURRENCY_MISMATCH);
    assertEqual(prices(rev), [DIRECT, OVERHEADS, COST, 0, -COST, 0, 0, 0]);
});

test('worked example: overhead rate of the revision', () => {
    const rev = workedExample(weldingPolicy());
    // labour 35 %: 698900 x 0.35 = 244615; overheads 249531 - 209670 + 244615 = 284476;
    // cost 1159758 + 284476 + 50000 = 1494234; VAT 298846.8 -> 298847; total 1793081
    assertTrue(rev.set_overhead_rate(K.LABOUR, 3500));
    assertEqual(rev.get_overhead_rate(K.LABOUR), 3500);
    assertEqual(prices(rev), [DIRECT, 284476, 1494234, 1494234, 0, 0, 298847, 1793081]);
    assertTrue(rev.set_overhead_rate(K.OTHER, 10000));
    assertThrows(() => rev.set_overhead_rate(K.OTHER, 10001), E.INVALID_VALUE);
    assertEqual(rev.get_overhead_rate(K.OTHER), 10000);
});

test('line cost: half-even ties', () => {
    const cases = [
        ['0.5', '0.05 EUR', 2],     // 500 x 5 / 1000 = 2.5 -> 2 (0.02)
        ['1.5', '0.05 EUR', 8],     // 1500 x 5 / 1000 = 7.5 -> 8 (0.08)
        ['2.5', '0.01 EUR', 2],     // 2.5 -> 2
        ['0.125', '0.20 EUR', 2],   // 125 x 20 / 1000 = 2.5 -> 2
        ['0.375', '0.20 EUR', 8],   // 7.5 -> 8
        ['0.5', '1 JPY', 0],        // 0.5 -> 0
        ['1.5', '1 JPY', 2],        // 1.5 -> 2
        ['3.5', '1 JPY', 4],        // 3.5 -> 4
        ['0.001', '0.01 EUR', 0],   // 0.001 -> 0
        ['0.501', '0.01 EUR', 1],   // 0.501 -> 1
    ];
    for (const [quantity, cost, expected] of cases) {
        const c = line(K.MATERIAL, quantity, U.UNIT, cost).compute_cost();
        assertEqual([c.get_minor(), c.get_currency()], [expected, cost.split(' ')[1]], `${quantity} x ${cost}`);
    }
    assertEqual(line(K.MATERIAL, '0.5', U.UNIT, '0.05').compute_cost().to_string(), '0.02 EUR');
    assertEqual(line(K.MATERIAL, '1.5', U.UNIT, '0.05').compute_cost().to_string(), '0.08 EUR');
});

test('line cost: large and overflowing', () => {
    // 900 000 000 000 x 100 000.00 = 9 000 000 000 000 000 000 minor units (< 2^63 - 1);
    // the text avoids the 53-bit precision of JS numbers.
    const big = line(K.MATERIAL, '900000000000', U.UNIT, '100000.00');
    assertEqual(big.compute_cost().to_string(), '90000000000000000.00 EUR');
    // 999 999 999 999 x 100 000.00 = 9 999 999 999 990 000 000 > 9 223 372 036 854 775 807
    const tooBig = line(K.MATERIAL, '999999999999', U.UNIT, '100000.00');
    assertThrows(() => tooBig.compute_cost(), E.OVERFLOW);
});

test('quantities: valid, normalised, invalid; lump sum; unit cost', () => {
    const valid = [
        ['12', '12', 12000], ['12.5', '12.5', 12500], ['0.125', '0.125', 125],
        ['12.500', '12.5', 12500], ['007', '7', 7000], ['007.250', '7.25', 7250],
        ['1.000', '1', 1000], ['0.5', '0.5', 500], ['120.5', '120.5', 120500],
        ['999999999999.999', '999999999999.999', 999999999999999],
        ['1000000000000', '1000000000000', 1000000000000000],   // 10^12 is not beyond
    ];
    for (const [text, normalised, thousandths] of valid) {
        const l = line(K.MATERIAL, text, U.METRE, '1.00');
        assertEqual([l.dup_quantity(), l.get_quantity_thousandths()], [normalised, thousandths], `"${text}"`);
    }
    const invalid = ['1,5', '1e3', '-1', '', '1.2345', '0.0001', '12.5000', 'abc', ' 12', '12 ',
        '1.2.3', '1000000000000.001', '1000000000001', '10000000000000'];
    for (const text of invalid)
        assertThrows(() => line(K.MATERIAL, text, U.METRE, '1.00'), E.INVALID_VALUE);
    for (const text of ['2', '0.5', '3.000'])
        assertThrows(() => line(K.SUBCONTRACT, text, U.LUMP_SUM, '100.00'), E.INVALID_VALUE);
    assertEqual(line(K.SUBCONTRACT, '1', U.LUMP_SUM, '100.00').dup_quantity(), '1');
    assertThrows(() => line(K.OTHER, '1', U.LUMP_SUM, '-0.01'), E.INVALID_VALUE);
    assertEqual(line(K.OTHER, '3', U.UNIT, '0.00').compute_cost().to_string(), '0.00 EUR');
});

test('lines: labour from the policy rate, properties', () => {
    const policy = weldingPolicy();
    const labour = Aff.OfferLine.new_labour('Soudure TIG', '120.5', 'welder', policy);
    assertEqual(labour.get_kind(), K.LABOUR);
    assertEqual(labour.get_unit(), U.HOUR);
    assertEqual(labour.get_description(), 'Soudure TIG');
    assertEqual(labour.get_skill(), 'welder');
    assertEqual(labour.get_unit_cost().to_string(), '58.00 EUR');
    assertEqual(labour.dup_quantity(), '120.5');
    assertEqual(labour.get_quantity_thousandths(), 120500);
    // 120.5 x 58.00 = 6 989.00
    assertEqual(labour.compute_cost().to_string(), '6989.00 EUR');
    assertThrows(() => Aff.OfferLine.new_labour('Peinture', '10', 'painter', policy), E.NOT_FOUND);
    assertThrows(() => Aff.OfferLine.new_labour('Soudure', '1,5', 'welder', policy), E.INVALID_VALUE);

    const tube = line(K.MATERIAL, '85.250', U.METRE, '12.37', 'Tube inox DN50');
    assertEqual(tube.get_kind(), K.MATERIAL);
    assertEqual(tube.get_unit(), U.METRE);
    assertEqual(tube.get_description(), 'Tube inox DN50');
    assertEqual(tube.get_skill(), null);
    assertEqual(tube.get_lot(), null);
    const none = tube.get_requirements();
    assertTrue(none === null || none.length === 0, 'no requirements');
    assertEqual(tube.dup_quantity(), '85.25');
    // 85.250 x 12.37 = 1 054.5425 -> 1 054.54
    assertEqual(tube.compute_cost().to_string(), '1054.54 EUR');
    tube.set_lot('Lot 2');
    assertEqual(tube.get_lot(), 'Lot 2');
    tube.set_lot(null);
    assertEqual(tube.get_lot(), null);
    tube.set_requirements(['REQ-1', 'REQ-3']);
    assertEqual(tube.get_requirements(), ['REQ-1', 'REQ-3']);
});

test('revision: lines, currency, one revision per line, remove, contingency', () => {
    const policy = weldingPolicy();
    const a = Aff.OfferRevision.new('A', policy);
    const b = Aff.OfferRevision.new('B', policy);
    const tube = line(K.MATERIAL, '85.250', U.METRE, '12.37');
    const nacelle = line(K.EQUIPMENT, '4.5', U.DAY, '137.50');
    assertThrows(() => a.add_line(line(K.MATERIAL, '1', U.UNIT, '1000.00 USD')), E.CURRENCY_MISMATCH);
    assertEqual(a.get_lines().get_n_items(), 0);
    assertTrue(a.add_line(tube));
    assertTrue(a.add_line(nacelle));
    const got = items(a.get_lines());
    assertTrue(got.length === 2 && got[0] === tube && got[1] === nacelle, 'lines in order');
    // already in a revision, another or the same
    assertThrows(() => b.add_line(tube), E.INVALID_VALUE);
    assertThrows(() => a.add_line(tube), E.INVALID_VALUE);
    assertEqual([a.get_lines().get_n_items(), b.get_lines().get_n_items()], [2, 0]);
    // direct 105454 + 61875 = 167329; overheads 10545.4 -> 10545 + 6187.5 -> 6188 = 16733;
    // cost 184062; VAT 36812.4 -> 36812; total 220874
    assertEqual(prices(a), [167329, 16733, 184062, 184062, 0, 0, 36812, 220874]);
    assertThrows(() => a.remove_line(2), E.NOT_FOUND);
    assertEqual(a.get_lines().get_n_items(), 2);
    assertTrue(a.remove_line(0));
    assertEqual(a.get_lines().get_n_items(), 1);
    assertTrue(a.get_lines().get_item(0) === nacelle, 'nacelle left');
    // 61875 + 6188 = 68063; VAT 13612.6 -> 13613; total 81676
    assertEqual(prices(a), [61875, 6188, 68063, 68063, 0, 0, 13613, 81676]);
    assertThrows(() => a.remove_line(1), E.NOT_FOUND);
    assertThrows(() => a.set_contingency(money('1.00 USD')), E.CURRENCY_MISMATCH);
    assertThrows(() => a.set_contingency(money('-1.00')), E.INVALID_VALUE);
    assertTrue(a.set_contingency(money('19.37')));
    // 68063 + 1937 = 70000; VAT 14000; total 84000
    assertEqual(prices(a), [61875, 6188, 70000, 70000, 0, 0, 14000, 84000]);
});

test('revision: margin rate limits', () => {
    const rev = Aff.OfferRevision.new('A', Aff.Policy.new());
    assertTrue(rev.set_overhead_rate(K.OTHER, 0));
    assertTrue(rev.add_line(line(K.OTHER, '1', U.LUMP_SUM, '100.00')));
    assertThrows(() => rev.set_margin_rate(10000), E.INVALID_VALUE);
    assertThrows(() => rev.set_margin_rate(-10000), E.INVALID_VALUE);
    // refused: still at cost 10000; VAT 2000; total 12000
    assertEqual(prices(rev), [10000, 0, 10000, 10000, 0, 0, 2000, 12000]);
    // 9999: 10000 x 10000 / 1 = 100000000; margin 99990000; rate 9999; VAT 20000000
    assertTrue(rev.set_margin_rate(9999));
    assertEqual(prices(rev), [10000, 0, 10000, 100000000, 99990000, 9999, 20000000, 120000000]);
    // -9999: 100000000 / 19999 = 5000.25 -> 5000; margin -5000; rate -10000; VAT 1000
    assertTrue(rev.set_margin_rate(-9999));
    assertEqual(prices(rev), [10000, 0, 10000, 5000, -5000, -10000, 1000, 6000]);
});

test('revision: selling price and VAT ties', () => {
    const policy = Aff.Policy.new();
    const two = Aff.OfferRevision.new('A', policy);
    const six = Aff.OfferRevision.new('A', policy);
    for (const [rev, cost] of [[two, '0.02'], [six, '0.06']]) {
        assertTrue(rev.set_overhead_rate(K.OTHER, 0));
        assertTrue(rev.add_line(line(K.OTHER, '1', U.LUMP_SUM, cost)));
        assertTrue(rev.set_margin_rate(2000));
    }
    // 2 x 10000 / 8000 = 2.5 -> 2; margin 0; VAT 0.4 -> 0
    assertEqual(prices(two), [2, 0, 2, 2, 0, 0, 0, 2]);
    // 6 x 10000 / 8000 = 7.5 -> 8; margin 2; rate 2 x 10000 / 8 = 2500; VAT 1.6 -> 2
    assertEqual(prices(six), [6, 0, 6, 8, 2, 2500, 2, 10]);

    const rev = Aff.OfferRevision.new('A', policy);
    // 5.5 %: 100 x 550 / 10000 = 5.5 -> 6 (to even); 300 x 550 / 10000 = 16.5 -> 16
    assertTrue(rev.set_vat_rate(550));
    assertEqual(rev.get_vat_rate(), 550);
    assertTrue(rev.set_selling_price(money('1.00')));
    assertEqual(prices(rev), [0, 0, 0, 100, 100, 10000, 6, 106]);
    assertTrue(rev.set_selling_price(money('3.00')));
    assertEqual(prices(rev), [0, 0, 0, 300, 300, 10000, 16, 316]);
    assertTrue(rev.set_vat_rate(0));
    assertTrue(rev.set_vat_rate(10000));
    assertThrows(() => rev.set_vat_rate(10001), E.INVALID_VALUE);
    assertThrows(() => rev.set_vat_rate(-1), E.INVALID_VALUE);
    assertEqual(rev.get_vat_rate(), 10000);
});

test('revision: defaults, copied from the policy at creation', () => {
    const policy = Aff.Policy.new();
    const rev = Aff.OfferRevision.new('A', policy);
    assertEqual(rev.get_letter(), 'A');
    assertEqual(rev.get_currency(), 'EUR');
    assertFalse(rev.is_frozen());
    assertEqual(rev.get_lines().get_n_items(), 0);
    assertEqual([K.LABOUR, K.MATERIAL, K.EQUIPMENT, K.SUBCONTRACT, K.TRAVEL, K.OTHER]
        .map(k => rev.get_overhead_rate(k)), [3000, 1000, 1000, 800, 500, 1000]);
    assertEqual(rev.get_vat_rate(), 2000);
    assertEqual([rev.get_payment_days(), rev.get_payment_end_of_month()], [30, false]);
    assertEqual([rev.get_advance_rate(), rev.get_progress_billing(), rev.get_retention_rate()], [0, false, 500]);
    const contingency = rev.get_contingency();
    assertTrue(contingency === null || contingency.is_zero(), 'no contingency');
    assertEqual(rev.get_lead_time_days(), 0);
    assertEqual(rev.get_validity(), null);
    // empty: 0.00 everywhere, margin rate 0 since the selling price is 0
    assertEqual(prices(rev), [0, 0, 0, 0, 0, 0, 0, 0]);

    const changed = Aff.Policy.new();
    assertTrue(changed.set_currency('USD'));
    assertTrue(changed.set_overhead_rate('labour', 3500));
    assertTrue(changed.set_overhead_rate('travel', 0));
    changed.set_default_vat_rate(550);
    changed.set_retention_rate(300);
    const r2 = Aff.OfferRevision.new('B', changed);
    assertEqual([r2.get_letter(), r2.get_currency()], ['B', 'USD']);
    assertEqual([r2.get_overhead_rate(K.LABOUR), r2.get_overhead_rate(K.TRAVEL), r2.get_overhead_rate(K.MATERIAL)],
        [3500, 0, 1000]);
    assertEqual([r2.get_vat_rate(), r2.get_retention_rate()], [550, 300]);
    assertEqual(r2.get_cost_price().to_string(), '0.00 USD');
    // copied: a later change of the policy does not alter the revision
    assertTrue(changed.set_overhead_rate('labour', 4000));
    assertTrue(changed.set_overhead_rate('material', 1200));
    assertEqual([r2.get_overhead_rate(K.LABOUR), r2.get_overhead_rate(K.MATERIAL)], [3500, 1000]);
    assertTrue(policy.set_overhead_rate('labour', 4000));
    assertEqual(rev.get_overhead_rate(K.LABOUR), 3000);
});

test('revision: payment terms, billing, lead time, validity', () => {
    const rev = Aff.OfferRevision.new('A', Aff.Policy.new());
    const terms = () => [rev.get_payment_days(), rev.get_payment_end_of_month()];
    const billing = () => [rev.get_advance_rate(), rev.get_progress_billing(), rev.get_retention_rate()];
    // Code de commerce L441-10: 60 days, or 45 days end of month
    assertTrue(rev.set_payment_terms(60, false));
    assertEqual(terms(), [60, false]);
    assertThrows(() => rev.set_payment_terms(61, false), E.INVALID_VALUE);
    assertEqual(terms(), [60, false]);
    assertTrue(rev.set_payment_terms(45, true));
    assertEqual(terms(), [45, true]);
    assertThrows(() => rev.set_payment_terms(46, true), E.INVALID_VALUE);
    assertThrows(() => rev.set_payment_terms(60, true), E.INVALID_VALUE);
    assertEqual(terms(), [45, true]);
    // advance 0..10000, retention 0..500 (loi 71-584)
    assertTrue(rev.set_billing(3000, true, 500));
    assertEqual(billing(), [3000, true, 500]);
    assertThrows(() => rev.set_billing(3000, true, 501), E.INVALID_VALUE);
    assertThrows(() => rev.set_billing(10001, false, 0), E.INVALID_VALUE);
    assertThrows(() => rev.set_billing(-1, false, 0), E.INVALID_VALUE);
    assertThrows(() => rev.set_billing(0, false, -1), E.INVALID_VALUE);
    assertEqual(billing(), [3000, true, 500]);
    assertTrue(rev.set_billing(10000, false, 0));
    assertEqual(billing(), [10000, false, 0]);
    assertTrue(rev.set_lead_time_days(36500));
    assertThrows(() => rev.set_lead_time_days(36501), E.INVALID_VALUE);
    assertEqual(rev.get_lead_time_days(), 36500);
    assertTrue(rev.set_lead_time_days(42));
    assertEqual(rev.get_lead_time_days(), 42);
    assertTrue(rev.set_validity(date(2026, 6, 30)));
    assertEqual(iso(rev.get_validity()), '2026-06-30');
});

test('revision: freeze refuses every change, getters and prices still work', () => {
    const policy = weldingPolicy();
    const rev = workedExample(policy);
    assertTrue(rev.set_margin_rate(1500));
    assertTrue(rev.set_payment_terms(45, true));
    assertTrue(rev.set_billing(3000, false, 500));
    assertTrue(rev.set_lead_time_days(56));
    assertTrue(rev.set_validity(date(2026, 6, 30)));
    rev.freeze();
    assertTrue(rev.is_frozen());

    const extra = line(K.MATERIAL, '100', U.UNIT, '0.12');
    const refused = {
        add_line: () => rev.add_line(extra),
        remove_line: () => rev.remove_line(0),
        set_overhead_rate: () => rev.set_overhead_rate(K.LABOUR, 2000),
        set_contingency: () => rev.set_contingency(money('0.01')),
        'set_contingency(null)': () => rev.set_contingency(null),
        set_margin_rate: () => rev.set_margin_rate(2000),
        set_selling_price: () => rev.set_selling_price(money('20000.00')),
        set_vat_rate: () => rev.set_vat_rate(1000),
        set_lead_time_days: () => rev.set_lead_time_days(10),
        set_validity: () => rev.set_validity(date(2026, 9, 30)),
        set_payment_terms: () => rev.set_payment_terms(30, false),
        set_billing: () => rev.set_billing(0, true, 0),
    };
    for (const [name, fn] of Object.entries(refused)) {
        try {
            assertThrows(fn, E.FROZEN);
        } catch (e) {
            e.message = `${name}: ${e.message}`;
            throw e;
        }
    }
    // nothing changed
    assertTrue(rev.is_frozen());
    assertEqual(rev.get_lines().get_n_items(), 7);
    assertEqual(rev.get_overhead_rate(K.LABOUR), 3000);
    assertEqual(minor(rev.get_contingency()), 50000);
    assertEqual(rev.get_vat_rate(), 2000);
    assertEqual(rev.get_lead_time_days(), 56);
    assertEqual(iso(rev.get_validity()), '2026-06-30');
    assertEqual([rev.get_payment_days(), rev.get_payment_end_of_month()], [45, true]);
    assertEqual([rev.get_advance_rate(), rev.get_progress_billing(), rev.get_retention_rate()], [3000, false, 500]);
    assertEqual(prices(rev), AT_15);
    // the refused line did not go into the frozen revision: it is still free
    const other = Aff.OfferRevision.new('B', policy);
    assertTrue(other.add_line(extra));
    assertEqual(other.get_lines().get_n_items(), 1);
    rev.freeze();
    assertTrue(rev.is_frozen());
});

run();
