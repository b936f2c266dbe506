// SPDX-License-Identifier: LGPL-2.1-or-later
//
// testFinance.js: the financial follow-up from JavaScript (Aff.Ledger,
// Aff.CostEntry, Aff.Amendment, Aff.AffairStatus and the finance methods of
// Aff.Affair), on the same affair as tests/c/test-finance.c, worked by hand:
//
// - the accepted offer OFF-1 (consultation CONS-1, client acme) prices lot T1
//   at 50 000.00 of labour (500 h at 100.00) and lot T2 at 50 000.00 of
//   material, no overheads, a risk contingency of 5 000.00 and a selling
//   price of 125 000.00: cost price 105 000.00, margin 20 000.00, 16 %;
// - signed Monday 2026-04-20; the plan has T1 (10 working days) then T2 (10
//   working days), finish-start. On the French calendar (Easter 2026 is
//   5 April: Ascension Thu 14 May, Whit Monday 25 May) T1 runs 20 April –
//   4 May (Fri 1 May is a holiday) and T2 5 May – 20 May (Fri 8 May and
//   Thu 14 May are holidays); that schedule is saved as the baseline
//   "contrat";
// - on 4 May, T1 is 80 % done and T2 not started: EV = 40 000, PV = 50 000
//   (T1 all planned, T2 not yet); the actual costs to that day are
//   30 000.00 + 15 000.00 of labour; an order PO-7 of 52 000.00 of material
//   is open (its first invoice, 20 000.00, comes on 11 May). Invoice
//   F-2026-001 of 37 500.00 on 30 April, 45 000.00 received on 4 May.
//
// That is the textbook case BAC 100 000, PV 50 000, EV 40 000, AC 45 000:
// CV −5 000, SV −10 000, CPI 40/45 = 0.8889, SPI 0.8, EAC (BAC / CPI)
// 112 500, ETC 67 500, VAC −12 500, TCPI 60 000 / 55 000 = 1.0909.

import GLib from 'gi://GLib';
import Aff from 'gi://Aff?version=1';
import System from 'system';
import {AFFAIR, newAffair} from './affairFixture.js';
import {
    test, run, assertEqual, assertTrue, assertFalse, assertThrows, assertClose,
    date, iso, AssertionError,
} from './harness.js';

const E = Aff.Error;
const C = Aff.CostCategory;
const St = Aff.CostState;
const M = Aff.EacMethod;
const RM = Aff.RevenueMethod;
const K = Aff.LineKind;
const U = Aff.LineUnit;

const encoder = new TextEncoder();

const money = text => Aff.Money.parse(text);

function assertMoney(m, expected, message = '') {
    assertTrue(m !== null && m !== undefined, `${message}: a money`);
    assertEqual(m.to_string(), expected, message);
}

// Checks a list of [getter name, expected text] of a status.
function assertFigures(s, figures) {
    for (const [name, expected] of figures)
        assertMoney(s[`get_${name}`](), expected, name);
}

// A defined ratio (getter returning [true, value]), within 1e-4.
function assertRatio(s, name, expected, tolerance = 1e-4) {
    const [ok, value] = s[`get_${name}`]();
    assertTrue(ok, `${name} is defined`);
    assertClose(value, expected, tolerance, name);
    return value;
}

// --- the affair -------------------------------------------------------------------

// The affair described at the top, with `labourOverheadRate` (basis points)
// on labour and no overheads on the other kinds. With `billing`, the terms of
// the billing tests (new_finance_portfolio (&affair, 0, TRUE) of the C test):
// a 30 % advance, monthly situations, 5 % retention, payment at 45 days end
// of month (or `paymentTerms`), VAT 20 %.
function newFinanceAffair(labourOverheadRate = 0, options = {}) {
    const [p, affair] = newAffair(labourOverheadRate, options);

    const plan = affair.get_plan();
    plan.add_task(Aff.Task.new('T1', 'T1', 10));
    plan.add_task(Aff.Task.new('T2', 'T2', 10));
    plan.add_dependency('T1', 'T2', Aff.DependencyType.FINISH_START, 0);
    plan.schedule();
    assertEqual(iso(plan.lookup_task('T1').get_early_start()), '2026-04-20', 'T1 start');
    assertEqual(iso(plan.lookup_task('T1').get_early_finish()), '2026-05-04', 'T1 finish');
    assertEqual(iso(plan.lookup_task('T2').get_early_start()), '2026-05-05', 'T2 start');
    assertEqual(iso(plan.lookup_task('T2').get_early_finish()), '2026-05-20', 'T2 finish');
    plan.save_baseline('contrat');
    return [p, affair];
}

function cost(ledger, d, work, category, state, amount, document = null, commitment = null) {
    const entry = Aff.CostEntry.new(d, work, category, state, money(amount));
    entry.set_document(document);
    entry.set_commitment(commitment);
    assertTrue(ledger.add(entry), `cost ${document} added`);
}

// The costs, progress and billing of the textbook case, on 4 May and after.
function recordTextbook(affair) {
    const ledger = affair.get_ledger();
    cost(ledger, date(2026, 4, 24), 'T1', C.LABOUR, St.ACTUAL, '30000.00 EUR', 'TS-17');
    cost(ledger, date(2026, 4, 28), 'T2', C.MATERIAL, St.COMMITTED, '52000.00 EUR', 'PO-7');
    cost(ledger, date(2026, 5, 4), 'T1', C.LABOUR, St.ACTUAL, '15000.00 EUR', 'TS-18');
    // After the date of the status: not counted on 4 May.
    cost(ledger, date(2026, 5, 11), 'T2', C.MATERIAL, St.ACTUAL, '20000.00 EUR', 'FA-991', 'PO-7');
    affair.record_progress('T1', date(2026, 4, 30), 5000);
    affair.record_progress('T1', date(2026, 5, 4), 8000);
    affair.record_invoice('F-2026-001', date(2026, 4, 30), money('37500.00 EUR'));
    affair.record_payment('F-2026-001', date(2026, 5, 4), money('45000.00 EUR'));
}

const statusOn = (affair, y, m, d) => affair.compute_status(date(y, m, d));

// --- the status -------------------------------------------------------------------

test('textbook earned value on 4 May', () => {
    const [, affair] = newFinanceAffair();
    recordTextbook(affair);
    const s = statusOn(affair, 2026, 5, 4);
    assertEqual(iso(s.get_date()), '2026-05-04');
    assertEqual(s.get_affair_id(), AFFAIR);
    assertTrue(s.has_baseline(), 'baseline');
    assertFigures(s, [
        ['bac', '100000.00 EUR'],
        ['pv', '50000.00 EUR'],
        ['ev', '40000.00 EUR'],
        ['ac', '45000.00 EUR'],
        // PO-7 is not yet invoiced on 4 May
        ['open_commitments', '52000.00 EUR'],
        ['cv', '-5000.00 EUR'],
        ['sv', '-10000.00 EUR'],
        ['eac', '112500.00 EUR'],
        ['etc', '67500.00 EUR'],
        ['vac', '-12500.00 EUR'],
    ]);
    assertRatio(s, 'cpi', 40000 / 45000);
    assertRatio(s, 'cpi', 0.8889);
    assertRatio(s, 'spi', 0.8);
    assertRatio(s, 'tcpi', 60000 / 55000);
    assertRatio(s, 'tcpi', 1.0909);
    assertEqual(s.get_eac_method(), M.CPI, 'the default policy estimates by the CPI');
});

test('margin at completion, revenue and concordance on 4 May', () => {
    const [, affair] = newFinanceAffair();
    recordTextbook(affair);
    const s = statusOn(affair, 2026, 5, 4);
    // The contingency stays a reserve on top of the EAC: 112 500 + 5 000.
    assertFigures(s, [
        ['contingency', '5000.00 EUR'],
        ['cost_at_completion', '117500.00 EUR'],
        ['contract_amount', '125000.00 EUR'],
        ['revenue_at_completion', '125000.00 EUR'],
        ['margin_at_completion', '7500.00 EUR'],
        ['offer_margin', '20000.00 EUR'],
        ['margin_drift', '-12500.00 EUR'],
    ]);
    assertEqual(s.get_margin_rate(), [true, 600], 'margin rate 7 500 / 125 000');
    assertEqual(s.get_margin_rate_drift(), [true, -1000], 'margin rate drift 6 % − 16 %');

    // Cost to cost: 45 000 / 117 500 = 0.382978…; recognised 125 000 × that
    // = 47 872.340… → 47 872.34; billed 37 500: FAE 10 372.34; backlog
    // 125 000 − 47 872.34 = 77 127.66.
    assertEqual(s.get_revenue_method(), RM.COST_TO_COST);
    assertRatio(s, 'completion', 45000 / 117500);
    assertFigures(s, [
        ['recognised_revenue', '47872.34 EUR'],
        ['billed', '37500.00 EUR'],
        ['cash_received', '45000.00 EUR'],
        ['accrued_revenue', '10372.34 EUR'],
        ['deferred_revenue', '0.00 EUR'],
        ['loss_provision', '0.00 EUR'],
        ['backlog', '77127.66 EUR'],
    ]);

    // Physical 40 000 / 100 000 = 0.4, cost 45 000 / 112 500 = 0.4,
    // billing 37 500 / 125 000 = 0.3: a gap of 10 points, exactly the
    // default tolerance (1000 basis points).
    assertRatio(s, 'physical_progress', 0.4);
    assertRatio(s, 'cost_progress', 0.4);
    assertRatio(s, 'billing_progress', 0.3);
    const [concordant, gap] = s.is_concordant();
    assertTrue(concordant, 'concordant at the default tolerance');
    assertClose(gap, 0.1, 1e-9, 'gap');

    // The status is a boxed copy that keeps its figures.
    const copy = s.copy();
    assertMoney(copy.get_eac(), '112500.00 EUR', 'copy eac');
    assertEqual(iso(copy.get_date()), '2026-05-04');
});

test('concordance tolerance of the policy', () => {
    const [p, affair] = newFinanceAffair();
    recordTextbook(affair);
    p.get_policy().set_concordance_tolerance(999);
    const [concordant, gap] = statusOn(affair, 2026, 5, 4).is_concordant();
    assertFalse(concordant, 'a gap of 1000 basis points is beyond 999');
    assertClose(gap, 0.1, 1e-9, 'gap');
});

test('the four EAC methods, by the policy and by the affair', () => {
    const [p, affair] = newFinanceAffair();
    const policy = p.get_policy();
    recordTextbook(affair);
    assertEqual(affair.get_eac_method(), M.POLICY, 'an affair follows its policy by default');

    // AC + (BAC − EV) = 45 000 + 60 000
    policy.set_eac_method(M.ATYPICAL);
    let s = statusOn(affair, 2026, 5, 4);
    assertEqual(s.get_eac_method(), M.ATYPICAL);
    assertMoney(s.get_eac(), '105000.00 EUR', 'atypical');
    assertMoney(s.get_etc(), '60000.00 EUR', 'atypical etc');

    // AC + (BAC − EV) / (CPI × SPI) = 45 000 + 60 000 / (8/9 × 0.8)
    // = 45 000 + 60 000 × 1.40625 = 129 375
    policy.set_eac_method(M.COMPOSITE);
    s = statusOn(affair, 2026, 5, 4);
    assertEqual(s.get_eac_method(), M.COMPOSITE);
    assertMoney(s.get_eac(), '129375.00 EUR', 'composite');

    // Bottom-up: AC + 12 000 estimated for T1 + T2's unearned 50 000
    affair.record_remaining('T1', date(2026, 5, 4), money('12000.00 EUR'));
    policy.set_eac_method(M.BOTTOM_UP);
    s = statusOn(affair, 2026, 5, 4);
    assertEqual(s.get_eac_method(), M.BOTTOM_UP);
    assertMoney(s.get_eac(), '107000.00 EUR', 'bottom-up');

    // The affair's own method wins over the policy's...
    affair.set_eac_method(M.CPI);
    assertEqual(affair.get_eac_method(), M.CPI);
    s = statusOn(affair, 2026, 5, 4);
    assertEqual(s.get_eac_method(), M.CPI);
    assertMoney(s.get_eac(), '112500.00 EUR', 'affair CPI');

    // ...until it follows the policy again.
    affair.set_eac_method(M.POLICY);
    assertEqual(affair.get_eac_method(), M.POLICY);
    assertMoney(statusOn(affair, 2026, 5, 4).get_eac(), '107000.00 EUR', 'policy bottom-up again');

    // Before any progress the CPI is 0 and BAC / CPI undefined: the
    // estimate falls back to AC + BAC − EV, and says so. On 24 April: AC
    // 30 000, EV 0; T1 half planned, 5 of its 10 working days.
    affair.set_eac_method(M.CPI);
    s = statusOn(affair, 2026, 4, 24);
    assertRatio(s, 'cpi', 0.0);
    assertEqual(s.get_eac_method(), M.ATYPICAL, 'the fallback is reported');
    assertMoney(s.get_eac(), '130000.00 EUR', 'fallback');
    assertMoney(s.get_pv(), '25000.00 EUR', 'pv 24 April');
    assertMoney(s.get_ev(), '0.00 EUR', 'ev 24 April');
    assertMoney(s.get_ac(), '30000.00 EUR', 'ac 24 April');
});

test('nothing yet: undefined ratios', () => {
    const [, affair] = newFinanceAffair();
    // The day before the start: nothing planned, earned, spent or billed;
    // every ratio with a zero denominator is undefined, never infinite.
    const s = statusOn(affair, 2026, 4, 19);
    assertMoney(s.get_pv(), '0.00 EUR', 'pv');
    assertMoney(s.get_ev(), '0.00 EUR', 'ev');
    assertMoney(s.get_ac(), '0.00 EUR', 'ac');
    assertFalse(s.get_cpi()[0], 'CPI undefined (AC = 0)');
    assertFalse(s.get_spi()[0], 'SPI undefined (PV = 0)');
    // Cost progress AC / EAC = 0 / 100 000: defined, 0.
    assertRatio(s, 'cost_progress', 0);
    // Physical progress EV / BAC = 0; billing 0 / 125 000 = 0.
    assertRatio(s, 'physical_progress', 0);
    assertRatio(s, 'billing_progress', 0);
    // BAC / CPI is undefined: AC + BAC − EV = 100 000.
    assertMoney(s.get_eac(), '100000.00 EUR', 'eac');
    // At signature the margin at completion is the offer's.
    assertFigures(s, [
        ['margin_at_completion', '20000.00 EUR'],
        ['margin_drift', '0.00 EUR'],
        ['recognised_revenue', '0.00 EUR'],
        ['backlog', '125000.00 EUR'],
    ]);
    assertEqual(s.get_margin_rate(), [true, 1600], '20 000 / 125 000');
    assertEqual(s.get_margin_rate_drift(), [true, 0]);
    // TCPI: (100 000 − 0) / (100 000 − 0)
    assertRatio(s, 'tcpi', 1.0);
});

test('deferred revenue (PCA) and the physical revenue method', () => {
    const [p, affair] = newFinanceAffair();
    recordTextbook(affair);
    affair.record_invoice('F-2026-002', date(2026, 5, 2), money('22500.00 EUR'));
    // Billed 37 500 + 22 500 = 60 000 against 47 872.34 recognised: PCA
    // 60 000 − 47 872.34 = 12 127.66.
    let s = statusOn(affair, 2026, 5, 4);
    assertFigures(s, [
        ['billed', '60000.00 EUR'],
        ['recognised_revenue', '47872.34 EUR'],
        ['accrued_revenue', '0.00 EUR'],
        ['deferred_revenue', '12127.66 EUR'],
    ]);
    // Billing progress 60 000 / 125 000.
    assertRatio(s, 'billing_progress', 0.48);

    // Physical: completion EV / BAC = 0.4; recognised 125 000 × 0.4 =
    // 50 000; PCA 10 000; backlog 75 000.
    p.get_policy().set_revenue_method(RM.PHYSICAL);
    s = statusOn(affair, 2026, 5, 4);
    assertEqual(s.get_revenue_method(), RM.PHYSICAL);
    assertRatio(s, 'completion', 0.4);
    assertFigures(s, [
        ['recognised_revenue', '50000.00 EUR'],
        ['accrued_revenue', '0.00 EUR'],
        ['deferred_revenue', '10000.00 EUR'],
        ['backlog', '75000.00 EUR'],
    ]);
});

test('loss provision', () => {
    const [, affair] = newFinanceAffair();
    recordTextbook(affair);
    affair.record_remaining('T1', date(2026, 5, 4), money('12000.00 EUR'));
    affair.record_remaining('T2', date(2026, 5, 4), money('85000.00 EUR'));
    affair.set_eac_method(M.BOTTOM_UP);
    const s = statusOn(affair, 2026, 5, 4);
    // EAC 45 000 + 12 000 + 85 000 = 142 000; with the contingency 147 000,
    // against 125 000 of revenue: a loss of 22 000. Completion 45 000 /
    // 147 000; recognised 125 000 × 45 000 / 147 000 = 38 265.306… →
    // 38 265.31; the recognised result absorbs 45 000 − 38 265.31 =
    // 6 734.69 of the loss; the provision is the rest, 15 265.31. FAE
    // 38 265.31 − 37 500 = 765.31.
    assertRatio(s, 'completion', 45000 / 147000);
    assertFigures(s, [
        ['eac', '142000.00 EUR'],
        ['cost_at_completion', '147000.00 EUR'],
        ['margin_at_completion', '-22000.00 EUR'],
        ['margin_drift', '-42000.00 EUR'],
        ['recognised_revenue', '38265.31 EUR'],
        ['loss_provision', '15265.31 EUR'],
        ['accrued_revenue', '765.31 EUR'],
        ['deferred_revenue', '0.00 EUR'],
    ]);
    assertEqual(s.get_margin_rate(), [true, -1760], '−22 000 / 125 000');
    assertEqual(s.get_margin_rate_drift(), [true, -3360], '−17.6 % − 16 %');
});

test('overheads earn with the rest', () => {
    // 10 % on labour: 5 000 of overheads, for the whole affair.
    const [, affair] = newFinanceAffair(1000);
    recordTextbook(affair);
    assertMoney(affair.get_budget_at_completion(date(2026, 5, 4), null, C.OVERHEAD),
        '5000.00 EUR', 'overheads');
    assertMoney(affair.get_budget_at_completion(date(2026, 5, 4), 'T1', C.LABOUR),
        '50000.00 EUR', 'T1 labour');
    assertMoney(affair.get_budget_at_completion(date(2026, 5, 4), null, -1),
        '105000.00 EUR', 'everything');
    const s = statusOn(affair, 2026, 5, 4);
    assertMoney(s.get_bac(), '105000.00 EUR', 'bac');
    // The overheads earn as the direct lines do (40 000 of 100 000): 2 000;
    // they are planned over the whole plan, 20 working days from 20 April to
    // 20 May, 10 of them by 4 May: 2 500.
    assertMoney(s.get_ev(), '42000.00 EUR', 'ev');
    assertMoney(s.get_pv(), '52500.00 EUR', 'pv');
});

// --- amendments -------------------------------------------------------------------

test('an amendment proposed, then accepted', () => {
    const [, affair] = newFinanceAffair();
    const amendment = Aff.Amendment.new('AV-1', date(2026, 5, 6), money('10000.00 EUR'), 'Tubes supplémentaires');
    assertEqual(amendment.get_reference(), 'AV-1');
    assertEqual(iso(amendment.get_date()), '2026-05-06');
    assertMoney(amendment.get_revenue_change(), '10000.00 EUR', 'revenue change');
    assertEqual(amendment.get_reason(), 'Tubes supplémentaires');
    assertFalse(amendment.get_accepted_date()[0], 'not accepted yet');
    assertEqual(amendment.get_n_budget_changes(), 0);

    assertTrue(amendment.add_budget_change('T2', C.MATERIAL, money('8000.00 EUR')));
    assertThrows(() => amendment.add_budget_change('T2', C.MATERIAL, money('8000.00 USD')),
        E.CURRENCY_MISMATCH);
    assertEqual(amendment.get_n_budget_changes(), 1, 'the refused change is not added');
    const [found, work, category, change] = amendment.get_budget_change(0);
    assertTrue(found, 'change 0');
    assertEqual(work, 'T2');
    assertEqual(category, C.MATERIAL);
    assertMoney(change, '8000.00 EUR', 'change');
    assertFalse(amendment.get_budget_change(1)[0], 'no change 1');
    assertEqual(affair.list_amendments().length, 0, 'none yet');
    assertTrue(affair.add_amendment(amendment));
    let listed = affair.list_amendments();
    assertEqual(listed.map(a => a.get_reference()), ['AV-1']);
    assertFalse(listed[0].get_accepted_date()[0], 'listed as proposed');
    assertThrows(() => affair.add_amendment(amendment), E.DUPLICATE_ID);
    assertThrows(() => affair.accept_amendment('AV-9', date(2026, 5, 11)), E.NOT_FOUND);
    // Accepted before it was proposed (6 May).
    assertThrows(() => affair.accept_amendment('AV-1', date(2026, 5, 5)), E.INVALID_VALUE);

    // Proposed, it counts for nothing.
    let s = statusOn(affair, 2026, 5, 13);
    assertMoney(s.get_revenue_at_completion(), '125000.00 EUR', 'proposed: revenue');
    assertMoney(s.get_bac(), '100000.00 EUR', 'proposed: bac');

    assertTrue(affair.accept_amendment('AV-1', date(2026, 5, 11)));
    assertThrows(() => affair.accept_amendment('AV-1', date(2026, 5, 11)), E.INVALID_TRANSITION);
    // The affair keeps its own copy: the caller's amendment is unchanged.
    assertFalse(amendment.get_accepted_date()[0], 'the caller\'s copy is not accepted');
    listed = affair.list_amendments();
    const [accepted, acceptedOn] = listed[0].get_accepted_date();
    assertTrue(accepted, 'listed as accepted');
    assertEqual([acceptedOn.get_year(), acceptedOn.get_month(), acceptedOn.get_day()], [2026, 5, 11]);
    const [listedFound, listedWork, , listedChange] = listed[0].get_budget_change(0);
    assertTrue(listedFound);
    assertEqual(listedWork, 'T2');
    assertMoney(listedChange, '8000.00 EUR', 'listed change');

    // Before its acceptance, still nothing.
    s = statusOn(affair, 2026, 5, 8);
    assertMoney(s.get_revenue_at_completion(), '125000.00 EUR', '8 May: revenue');
    assertMoney(s.get_bac(), '100000.00 EUR', '8 May: bac');

    // On 13 May: revenue 125 000 + 10 000 = 135 000; T2's material budget
    // 58 000, BAC 108 000. T2 is planned 5 May – 20 May; by the 13th, 6 of
    // its 10 working days (5, 6, 7, 11, 12, 13 May): PV = 50 000 +
    // 58 000 × 6 / 10 = 84 800.
    s = statusOn(affair, 2026, 5, 13);
    assertMoney(s.get_revenue_at_completion(), '135000.00 EUR', '13 May: revenue');
    assertMoney(s.get_contract_amount(), '125000.00 EUR', '13 May: contract');
    assertMoney(s.get_bac(), '108000.00 EUR', '13 May: bac');
    assertMoney(s.get_pv(), '84800.00 EUR', '13 May: pv');
    assertMoney(affair.get_budget_at_completion(date(2026, 5, 11), 'T2', C.MATERIAL),
        '58000.00 EUR', 'T2 material on 11 May');
    assertMoney(affair.get_budget_at_completion(date(2026, 5, 10), 'T2', C.MATERIAL),
        '50000.00 EUR', 'T2 material on 10 May');
});

// --- progress, remaining-to-do, invoices -------------------------------------------

test('progress history', () => {
    const [, affair] = newFinanceAffair();
    recordTextbook(affair);
    assertFalse(affair.get_progress('T1', date(2026, 4, 29))[0], 'nothing on 29 April');
    assertEqual(affair.get_progress('T1', date(2026, 4, 30)), [true, 5000]);
    assertEqual(affair.get_progress('T1', date(2026, 5, 2)), [true, 5000], 'the latest by then');
    assertEqual(affair.get_progress('T1', date(2026, 5, 4)), [true, 8000]);
    assertFalse(affair.get_progress('T2', date(2026, 5, 4))[0], 'T2 not started');
    // A figure corrected the same day replaces the first.
    affair.record_progress('T1', date(2026, 5, 4), 7500);
    assertEqual(affair.get_progress('T1', date(2026, 5, 4)), [true, 7500]);
    // EV 37 500.
    assertMoney(statusOn(affair, 2026, 5, 4).get_ev(), '37500.00 EUR', 'ev');
    assertThrows(() => affair.record_progress('T1', date(2026, 5, 4), 10001), E.INVALID_VALUE);
    assertThrows(() => affair.record_progress('T1', date(2026, 5, 4), -1), E.INVALID_VALUE);
    assertThrows(() => affair.record_progress('T1', GLib.Date.new(), 100), E.INVALID_VALUE);
    assertThrows(() => affair.record_progress('T9', date(2026, 5, 4), 100), E.NOT_FOUND);
    assertEqual(affair.get_progress('T1', date(2026, 5, 4)), [true, 7500], 'unchanged');
});

test('remaining-to-do errors', () => {
    const [, affair] = newFinanceAffair();
    assertThrows(() => affair.record_remaining('T1', date(2026, 5, 4), money('12000.00 USD')),
        E.CURRENCY_MISMATCH);
    assertThrows(() => affair.record_remaining('T9', date(2026, 5, 4), money('12000.00 EUR')), E.NOT_FOUND);
});

test('invoices and payments', () => {
    const [, affair] = newFinanceAffair();
    recordTextbook(affair);
    const amount = money('1000.00 EUR');
    assertThrows(() => affair.record_invoice('F-2026-001', date(2026, 4, 30), amount), E.DUPLICATE_ID);
    assertThrows(() => affair.record_invoice('F 1', date(2026, 4, 30), amount), E.INVALID_VALUE);
    assertThrows(() => affair.record_invoice('F-9', date(2026, 4, 30), money('1000.00 USD')),
        E.CURRENCY_MISMATCH);
    assertThrows(() => affair.record_payment('F-9', date(2026, 4, 30), amount), E.NOT_FOUND);
    // Paid the day before the invoice.
    assertThrows(() => affair.record_payment('F-2026-001', date(2026, 4, 29), amount), E.INVALID_VALUE);
    const s = statusOn(affair, 2026, 5, 4);
    assertMoney(s.get_billed(), '37500.00 EUR', 'billed unchanged');
    assertMoney(s.get_cash_received(), '45000.00 EUR', 'cash unchanged');
    // On 30 April: billed, not yet paid.
    assertMoney(statusOn(affair, 2026, 4, 30).get_cash_received(), '0.00 EUR', 'cash 30 April');
});

// --- the ledger -------------------------------------------------------------------

test('ledger sums and open commitments', () => {
    const ledger = Aff.Ledger.new('EUR');
    assertEqual(ledger.get_currency(), 'EUR');
    assertEqual(ledger.get_n_entries(), 0);
    assertThrows(() => Aff.Ledger.new('EURO'), E.UNKNOWN_CURRENCY);

    cost(ledger, date(2026, 4, 24), 'T1', C.LABOUR, St.ACTUAL, '30000.00 EUR', 'TS-17');
    cost(ledger, date(2026, 4, 28), 'T2', C.MATERIAL, St.COMMITTED, '52000.00 EUR', 'PO-7');
    cost(ledger, date(2026, 5, 11), 'T2', C.MATERIAL, St.ACTUAL, '20000.00 EUR', 'FA-991', 'PO-7');
    cost(ledger, date(2026, 5, 20), 'T2', C.MATERIAL, St.ACTUAL, '35000.00 EUR', 'FA-1002', 'PO-7');
    cost(ledger, date(2026, 5, 21), null, C.TRAVEL, St.ACTUAL, '-150.00 EUR', 'AV-3');
    assertEqual(ledger.get_n_entries(), 5);

    // Actual: 30 000 + 20 000 + 35 000 − 150 = 84 850; by 4 May 30 000; T2
    // material 55 000; committed 52 000 (summed whole, settled or not).
    assertMoney(ledger.sum(null, St.ACTUAL, null, -1), '84850.00 EUR', 'actual');
    assertMoney(ledger.sum(date(2026, 5, 4), St.ACTUAL, null, -1), '30000.00 EUR', 'actual by 4 May');
    assertMoney(ledger.sum(date(2026, 5, 20), St.ACTUAL, null, -1), '85000.00 EUR', 'actual by 20 May');
    assertMoney(ledger.sum(null, St.ACTUAL, 'T2', C.MATERIAL), '55000.00 EUR', 'T2 material');
    assertMoney(ledger.sum(null, St.ACTUAL, null, C.TRAVEL), '-150.00 EUR', 'travel credit');
    assertMoney(ledger.sum(null, St.ACTUAL, 'nothing', -1), '0.00 EUR', 'unknown work');
    assertMoney(ledger.sum(null, St.COMMITTED, null, -1), '52000.00 EUR', 'committed');
    assertMoney(ledger.sum(date(2026, 4, 27), St.COMMITTED, null, -1), '0.00 EUR', 'committed by 27 April');

    // PO-7: 52 000 ordered; 20 000 invoiced by 11 May leaves 32 000; the
    // second invoice (35 000) goes beyond the order: nothing left, not −3 000.
    assertMoney(ledger.get_open_commitments(date(2026, 4, 27)), '0.00 EUR', 'open 27 April');
    assertMoney(ledger.get_open_commitments(date(2026, 5, 4)), '52000.00 EUR', 'open 4 May');
    assertMoney(ledger.get_open_commitments(date(2026, 5, 15)), '32000.00 EUR', 'open 15 May');
    assertMoney(ledger.get_open_commitments(date(2026, 5, 31)), '0.00 EUR', 'open 31 May');

    const entry = ledger.get_entry(2);
    assertEqual(iso(entry.get_date()), '2026-05-11');
    assertEqual(entry.get_work(), 'T2');
    assertEqual(entry.get_category(), C.MATERIAL);
    assertEqual(entry.get_state(), St.ACTUAL);
    assertMoney(entry.get_amount(), '20000.00 EUR', 'entry 2');
    assertEqual(entry.get_document(), 'FA-991');
    assertEqual(entry.get_commitment(), 'PO-7');
    assertEqual(entry.get_supplier(), null);
    assertEqual(entry.get_quantity(), 0);
    assertEqual(ledger.get_entry(4).get_work(), null, 'a cost of the whole affair');
    assertEqual(ledger.get_entry(5), null, 'past the end');

    // get_entry gives a copy: changing it leaves the ledger alone.
    entry.set_document('FA-992');
    assertEqual(entry.get_document(), 'FA-992', 'the copy changed');
    assertEqual(ledger.get_entry(2).get_document(), 'FA-991');

    // A commitment needs its order; an invoice settles an order the ledger
    // has; one order per document; one currency.
    const unnamed = Aff.CostEntry.new(date(2026, 5, 4), 'T1', C.MATERIAL, St.COMMITTED, money('10.00 EUR'));
    assertThrows(() => ledger.add(unnamed), E.INVALID_VALUE);
    unnamed.set_document('PO-7');
    assertThrows(() => ledger.add(unnamed), E.INVALID_VALUE);
    const orphan = Aff.CostEntry.new(date(2026, 5, 4), 'T1', C.MATERIAL, St.ACTUAL, money('10.00 EUR'));
    orphan.set_commitment('PO-404');
    assertThrows(() => ledger.add(orphan), E.INVALID_VALUE);
    const foreign = Aff.CostEntry.new(date(2026, 5, 4), 'T1', C.TRAVEL, St.ACTUAL, money('10.00 USD'));
    assertThrows(() => ledger.add(foreign), E.CURRENCY_MISMATCH);
    assertEqual(ledger.get_n_entries(), 5, 'nothing added');
});

test('cost entries', () => {
    const entry = Aff.CostEntry.new(date(2026, 4, 24), 'T1', C.LABOUR, St.ACTUAL, money('1234.50 EUR'));
    entry.set_quantity(12500);
    entry.set_supplier('Dupont & Fils');
    entry.set_document('TS-1');
    assertEqual(entry.get_quantity(), 12500);
    const copy = entry.copy();
    entry.set_supplier(null);
    assertEqual(copy.get_supplier(), 'Dupont & Fils');
    assertEqual(copy.get_document(), 'TS-1');
    assertEqual(copy.get_quantity(), 12500);
    assertMoney(copy.get_amount(), '1234.50 EUR', 'copy amount');
    assertEqual(entry.get_supplier(), null);
});

test('CSV import and export round trip', () => {
    const ledger = Aff.Ledger.new('EUR');
    // Columns in another order, a quoted supplier with a comma and a quote,
    // a byte-order mark, CRLF, a blank last line.
    const text =
        '\uFEFFstate,date,amount,category,work,quantity,supplier,document,commitment\r\n' +
        'actual,2026-04-24,1234.50,labour,T1,12.5,"Dupont, ""Père"" & Fils",TS-1,\r\n' +
        'committed,2026-04-28,52000,material,T2,,Inox SA,PO-7,\r\n' +
        'actual,2026-05-11,20000.00,material,T2,1,Inox SA,FA-991,PO-7\r\n' +
        '\r\n';
    assertEqual(ledger.import_csv(encoder.encode(text)), [true, 3]);
    assertEqual(ledger.get_n_entries(), 3);
    const first = ledger.get_entry(0);
    assertEqual(iso(first.get_date()), '2026-04-24');
    assertEqual(first.get_work(), 'T1');
    assertEqual(first.get_category(), C.LABOUR);
    assertEqual(first.get_state(), St.ACTUAL);
    assertEqual(first.get_supplier(), 'Dupont, "Père" & Fils');
    assertEqual(first.get_quantity(), 12500);
    assertEqual(first.get_document(), 'TS-1');
    assertEqual(first.get_commitment(), null, 'an empty field is no commitment');
    assertMoney(first.get_amount(), '1234.50 EUR', 'first amount');
    const order = ledger.get_entry(1);
    assertEqual(order.get_state(), St.COMMITTED);
    assertMoney(order.get_amount(), '52000.00 EUR', 'order amount');
    assertEqual(order.get_quantity(), 0, 'no quantity');
    assertEqual(ledger.get_entry(2).get_commitment(), 'PO-7');
    assertEqual(ledger.get_entry(2).get_quantity(), 1000);
    // 1 234.50 + 20 000.00
    assertMoney(ledger.sum(null, St.ACTUAL, null, -1), '21234.50 EUR', 'actual');
    assertMoney(ledger.get_open_commitments(date(2026, 5, 11)), '32000.00 EUR', 'open');

    const csv = ledger.to_csv();
    assertEqual(csv,
        'date,work,category,state,amount,quantity,supplier,document,commitment\r\n' +
        '2026-04-24,T1,labour,actual,1234.50,12.500,"Dupont, ""Père"" & Fils",TS-1,\r\n' +
        '2026-04-28,T2,material,committed,52000.00,,Inox SA,PO-7,\r\n' +
        '2026-05-11,T2,material,actual,20000.00,1.000,Inox SA,FA-991,PO-7\r\n');
    const again = Aff.Ledger.new('EUR');
    assertEqual(again.import_csv(encoder.encode(csv)), [true, 3]);
    assertEqual(again.to_csv(), csv);

    // Appending to a ledger: a later file may settle an order already there.
    assertEqual(again.import_csv(encoder.encode(
        'date,category,state,amount,commitment,document\n2026-05-20,material,actual,35000,PO-7,FA-1002\n')),
    [true, 1]);
    assertEqual(again.get_n_entries(), 4);
    assertMoney(again.get_open_commitments(date(2026, 5, 31)), '0.00 EUR', 'PO-7 settled beyond');

    // An empty ledger writes its header only.
    assertEqual(Aff.Ledger.new('EUR').to_csv(),
        'date,work,category,state,amount,quantity,supplier,document,commitment\r\n');
});

test('CSV import errors name the line; whole or nothing', () => {
    const HEAD = 'date,category,state,amount\n';
    const cases = [
        ['date,category,state\n', 'Line 1: the column “amount” is missing'],
        ['date,category,state,amount,colour\n', 'Line 1: unknown column “colour”'],
        ['date,category,state,amount,date\n', 'Line 1: column “date” appears twice'],
        [`${HEAD}2026-04-24,labour,actual,10\n2026-02-30,labour,actual,10\n`,
            'Line 3, column date: expected a date like 2026-03-31'],
        [`${HEAD}2026-04-24,welding,actual,10\n`, 'Line 2, column category:'],
        [`${HEAD}2026-04-24,labour,spent,10\n`, 'Line 2, column state:'],
        [`${HEAD}2026-04-24,labour,actual,10.123\n`, 'Line 2, column amount:'],
        [`${HEAD}2026-04-24,labour,actual,1e3\n`, 'Line 2, column amount:'],
        ['date,category,state,amount,quantity\n2026-04-24,labour,actual,10,1.2345\n', 'Line 2, column quantity:'],
        [`${HEAD}2026-04-24,labour,actual\n`, 'Line 2: expected 4 fields, found 3'],
        [`${HEAD}2026-04-24,labour,actual,"10\n`, 'Line 2: a quoted field is not closed'],
        [`${HEAD}2026-04-24,labour,actual,1"0\n`, 'Line 2: a quote inside an unquoted field'],
        ['date,category,state,amount,document\n2026-04-24,material,committed,10,\n',
            'Line 2: a commitment needs the reference of its order'],
        ['date,category,state,amount,document\n2026-04-24,material,committed,10,PO-1\n' +
            '2026-04-25,material,committed,10,PO-1\n',
        'Line 3: a commitment with this document is already in the ledger'],
        ['date,category,state,amount,commitment\n2026-04-24,material,actual,10,PO-404\n',
            'Line 2: it settles a commitment the ledger does not have'],
        // A field quoted over two lines counts both.
        ['date,category,state,amount,supplier\n2026-04-24,labour,actual,10,"two\nlines"\n' +
            '2026-04-24,x,actual,10,a\n', 'Line 4, column category:'],
    ];
    cases.forEach(([text, prefix], i) => {
        const ledger = Aff.Ledger.new('EUR');
        const error = assertThrows(() => ledger.import_csv(encoder.encode(text)), E.INVALID_VALUE);
        assertTrue(error.message.startsWith(prefix), `case ${i}: "${error.message}" starts with "${prefix}"`);
        assertEqual(ledger.get_n_entries(), 0, `case ${i}: whole or nothing`);
    });

    // Invalid UTF-8 on line 3, after a good line 2: nothing added.
    const good = encoder.encode(`${HEAD}2026-04-24,labour,actual,10\n`);
    const bytes = new Uint8Array(good.length + 2);
    bytes.set(good);
    bytes.set([0xff, 0x0a], good.length);
    const ledger = Aff.Ledger.new('EUR');
    assertThrows(() => ledger.import_csv(bytes), E.INVALID_VALUE, /^Line 3: the text is not valid UTF-8/);
    assertEqual(ledger.get_n_entries(), 0, 'UTF-8: whole or nothing');

    // A ledger that already has entries keeps them, and only them.
    const kept = Aff.Ledger.new('EUR');
    assertEqual(kept.import_csv(encoder.encode(`${HEAD}2026-04-24,labour,actual,10\n`)), [true, 1]);
    assertThrows(() => kept.import_csv(encoder.encode(
        `${HEAD}2026-04-25,labour,actual,20\n2026-04-26,labour,actual,x\n`)), E.INVALID_VALUE, 'Line 3, column amount:');
    assertEqual(kept.get_n_entries(), 1);
    assertMoney(kept.sum(null, St.ACTUAL, null, -1), '10.00 EUR', 'only the first import');

    // An empty byte array reaches the library as no text at all.
    assertThrows(() => Aff.Ledger.new('EUR').import_csv(new Uint8Array(0)), E.INVALID_VALUE,
        'Line 1: expected a header naming the columns');
});

// --- the journal and the document ---------------------------------------------------

test('journal, and to_data / new_from_data keep the status', () => {
    const [p, affair] = newFinanceAffair();
    const journal = p.get_journal();
    const n = journal.get_n_entries();

    recordTextbook(affair);
    assertEqual(affair.get_ledger().import_csv(
        encoder.encode('date,category,state,amount\n2026-05-12,travel,actual,80.00\n')), [true, 1]);
    const amendment = Aff.Amendment.new('AV-1', date(2026, 5, 6), money('10000.00 EUR'), 'Tubes supplémentaires');
    amendment.add_budget_change('T2', C.MATERIAL, money('8000.00 EUR'));
    affair.add_amendment(amendment);
    affair.accept_amendment('AV-1', date(2026, 5, 11));
    affair.set_eac_method(M.ATYPICAL);

    const actions = [
        'cost-added', 'cost-added', 'cost-added', 'cost-added', 'progress-recorded', 'progress-recorded',
        'invoice-recorded', 'payment-recorded', 'costs-imported', 'amendment-added', 'amendment-accepted',
        'eac-method-set',
    ];
    assertEqual(journal.get_n_entries(), n + actions.length, 'one entry per change');
    actions.forEach((action, i) => {
        const entry = journal.get_entry(n + i);
        assertEqual(entry.get_action(), action, `entry ${i}`);
        assertEqual(entry.get_entity_id(), AFFAIR, `entry ${i}`);
    });
    assertTrue(journal.verify(), 'journal verifies');
    // Computing a status only reads.
    statusOn(affair, 2026, 5, 13);
    assertEqual(journal.get_n_entries(), n + actions.length, 'compute_status journals nothing');

    const [text] = p.to_data();
    const q = Aff.Portfolio.new_from_data(text, -1);
    assertEqual(q.to_data()[0], text, 'the same bytes again');
    const loaded = q.lookup_affair(AFFAIR);
    assertTrue(loaded !== null, 'the affair is loaded');
    assertEqual(loaded.get_ledger().get_n_entries(), 5);
    assertEqual(loaded.get_ledger().to_csv(), affair.get_ledger().to_csv());
    assertEqual(loaded.get_eac_method(), M.ATYPICAL);
    assertEqual(loaded.get_progress('T1', date(2026, 5, 4)), [true, 8000]);
    // AV-1 is there, accepted on 11 May: not counted on 10 May.
    assertThrows(() => loaded.add_amendment(amendment), E.DUPLICATE_ID);
    assertThrows(() => loaded.accept_amendment('AV-1', date(2026, 5, 12)), E.INVALID_TRANSITION);
    assertMoney(statusOn(loaded, 2026, 5, 10).get_revenue_at_completion(), '125000.00 EUR', 'loaded, 10 May');
    assertMoney(loaded.get_budget_at_completion(date(2026, 5, 11), 'T2', C.MATERIAL), '58000.00 EUR',
        'loaded, T2 material on 11 May');

    // On 13 May, by AC + BAC − EV: BAC 100 000 + 8 000 = 108 000; PV
    // 84 800 (see the amendment test); EV 40 000 (T1 80 % on 4 May); AC
    // 30 000 + 15 000 + 20 000 + 80 = 65 080; EAC 65 080 + 108 000 −
    // 40 000 = 133 080; PO-7 has 52 000 − 20 000 = 32 000 open; revenue
    // 125 000 + 10 000 = 135 000.
    const expected = [
        ['bac', '108000.00 EUR'],
        ['pv', '84800.00 EUR'],
        ['ev', '40000.00 EUR'],
        ['ac', '65080.00 EUR'],
        ['eac', '133080.00 EUR'],
        ['revenue_at_completion', '135000.00 EUR'],
        ['billed', '37500.00 EUR'],
        ['cash_received', '45000.00 EUR'],
        ['open_commitments', '32000.00 EUR'],
    ];
    const before = statusOn(affair, 2026, 5, 13);
    const after = statusOn(loaded, 2026, 5, 13);
    assertFigures(before, expected);
    assertFigures(after, expected);
    assertEqual(after.get_eac_method(), M.ATYPICAL);
    assertTrue(after.has_baseline(), 'the baseline is kept');
    for (const [name] of expected)
        assertTrue(before[`get_${name}`]().equal(after[`get_${name}`]()), `${name} equal`);
});

// --- drifts and corrective actions --------------------------------------------------
//
// tests/c/test-finance.c, test_drifts and test_drift_thresholds, and the rules
// of docs/rules.md, "Drifts and corrective actions". The policy's defaults: a
// CPI below 0.95 (9500) or an SPI below 0.90 (9000) drifts; so does a margin
// rate at completion more than 2 points (200 bp) below the offer's 16 %, a
// milestone more than 5 working days late against the latest baseline, a
// concordance gap beyond 10 points (1000 bp), and actual costs more than 10 %
// (1000 bp) over a budget line, or without one.

const DK = Aff.DriftKind;

// The textbook record and 500.00 of travel on T1 on 4 May (NF-3); T1 has no
// travel budget.
function textbookWithTravel() {
    const [p, affair] = newFinanceAffair();
    recordTextbook(affair);
    cost(affair.get_ledger(), date(2026, 5, 4), 'T1', C.TRAVEL, St.ACTUAL, '500.00 EUR', 'NF-3');
    return [p, affair];
}

// A corrective action; by default Claire Martin's answer of 4 May to the CPI,
// as in test_drifts.
function answer({
    kind = DK.COST_PERFORMANCE, subject = null, on = [2026, 5, 4], analysis = 'Soudures reprises',
    action = 'Soudeur qualifié en renfort', owner = 'Claire Martin', due = [2026, 5, 29],
    effect = '-2500.00 EUR',
} = {}) {
    return Aff.CorrectiveAction.new(kind, subject, date(...on), analysis, action, owner, date(...due),
        money(effect));
}

// Paul Durand's second answer to the CPI, decided on 5 May.
const laterAnswer = () => answer({on: [2026, 5, 5], analysis: 'Idem', action: 'Contrôle renforcé',
    owner: 'Paul Durand'});

const kinds = drifts => drifts.map(d => [d.get_kind(), d.get_subject()]);

// drift_at of the C test: the kind, the subject, a message; the value and
// threshold when given.
function assertDrift(drift, kind, subject, value = null, threshold = null, tolerance = 1e-9) {
    assertTrue(drift instanceof Aff.Drift, 'an Aff.Drift');
    assertEqual(drift.get_kind(), kind, 'kind');
    assertEqual(drift.get_subject(), subject, 'subject');
    assertTrue(typeof drift.get_message() === 'string' && drift.get_message() !== '', 'a message');
    if (value !== null)
        assertClose(drift.get_value(), value, tolerance, `value of ${kind}/${subject}`);
    if (threshold !== null)
        assertClose(drift.get_threshold(), threshold, tolerance, `threshold of ${kind}/${subject}`);
    return drift;
}

function assertAction(a, [kind, subject, on, analysis, action, owner, due, effect]) {
    assertTrue(a instanceof Aff.CorrectiveAction, 'an Aff.CorrectiveAction');
    assertEqual(a.get_kind(), kind, 'action kind');
    assertEqual(a.get_subject(), subject, 'action subject');
    assertEqual(iso(a.get_date()), on, 'action date');
    assertEqual(a.get_analysis(), analysis, 'analysis');
    assertEqual(a.get_action(), action, 'action');
    assertEqual(a.get_owner(), owner, 'owner');
    assertEqual(iso(a.get_due()), due, 'due');
    assertMoney(a.get_eac_effect(), effect, 'eac effect');
}

const CLAIRE = [DK.COST_PERFORMANCE, null, '2026-05-04', 'Soudures reprises', 'Soudeur qualifié en renfort',
    'Claire Martin', '2026-05-29', '-2500.00 EUR'];
const PAUL = [DK.COST_PERFORMANCE, null, '2026-05-05', 'Idem', 'Contrôle renforcé', 'Paul Durand', '2026-05-29',
    '-2500.00 EUR'];
const TRAVEL = [DK.BUDGET_OVERRUN, 'T1/travel', '2026-05-06', 'Déplacement non prévu', 'Refacturer au client',
    'Paul Durand', '2026-06-30', '-500.00 EUR'];
const travelAnswer = () => answer({kind: DK.BUDGET_OVERRUN, subject: 'T1/travel', on: [2026, 5, 6],
    analysis: 'Déplacement non prévu', action: 'Refacturer au client', owner: 'Paul Durand', due: [2026, 6, 30],
    effect: '-500.00 EUR'});

const FOUR = [[DK.COST_PERFORMANCE, null], [DK.SCHEDULE_PERFORMANCE, null], [DK.MARGIN_EROSION, null],
    [DK.BUDGET_OVERRUN, 'T1/travel']];

test('the status behind the drifts, with 500.00 of travel', () => {
    const [, affair] = textbookWithTravel();
    const s = statusOn(affair, 2026, 5, 4);
    // AC 30 000 + 15 000 + 500; EAC 100 000 × 45 500 / 40 000 = 113 750;
    // with the contingency 118 750; margin 125 000 − 118 750 = 6 250, 5 %
    // (500 bp): 11 points below the offer's 16 %.
    assertFigures(s, [
        ['ac', '45500.00 EUR'],
        ['eac', '113750.00 EUR'],
        ['cost_at_completion', '118750.00 EUR'],
        ['margin_at_completion', '6250.00 EUR'],
    ]);
    assertRatio(s, 'cpi', 40000 / 45500, 1e-9);
    assertEqual(s.get_margin_rate(), [true, 500]);
    assertEqual(s.get_margin_rate_drift(), [true, -1100]);
    // Cost progress 45 500 / 113 750 = 0.4: still 10 points from billing.
    assertRatio(s, 'cost_progress', 0.4, 1e-9);
    assertTrue(s.is_concordant()[0], 'concordant');
});

test('drifts and their corrective actions', () => {
    const [p, affair] = textbookWithTravel();
    const may4 = date(2026, 5, 4);
    let drifts = affair.list_drifts(may4);
    // CPI 40 000 / 45 500 = 0.879 < 0.95; SPI 0.8 < 0.9; 11 points of margin
    // lost, beyond 2; no milestone; 0.4, 0.4 and 0.3 within 10 points; T1's
    // labour, 45 000 of 50 000, within 110 %; the travel has no budget.
    assertTrue(Array.isArray(drifts), 'an array');
    assertEqual(drifts.length, 4, 'four drifts');
    assertDrift(drifts[0], DK.COST_PERFORMANCE, null, 40000 / 45500, 0.95);
    assertDrift(drifts[1], DK.SCHEDULE_PERFORMANCE, null, 0.8, 0.9);
    assertDrift(drifts[2], DK.MARGIN_EROSION, null, -11.0, -2.0);
    const travel = assertDrift(drifts[3], DK.BUDGET_OVERRUN, 'T1/travel', null, 1.1);
    assertEqual(travel.get_value(), 0);
    assertEqual(travel.get_message(), 'T1/travel : 500,00\u00a0€ de coûts réels sans budget');
    drifts.forEach((d, i) => assertEqual(d.get_corrective_action(), null, `drift ${i} unanswered`));
    const n = p.get_journal().get_n_entries();
    affair.list_drifts(may4);
    assertEqual(p.get_journal().get_n_entries(), n, 'listing journals nothing');

    // Answered on 4 May; a second answer dated the 5th is not yet known on
    // the 4th.
    assertTrue(affair.record_corrective_action(answer()));
    assertTrue(affair.record_corrective_action(laterAnswer()));
    drifts = affair.list_drifts(may4);
    assertEqual(kinds(drifts), FOUR);
    const first = drifts[0].get_corrective_action();
    assertTrue(first !== null, 'answered');
    assertEqual(first.get_owner(), 'Claire Martin');
    assertAction(first, CLAIRE);
    for (const d of drifts.slice(1))
        assertEqual(d.get_corrective_action(), null, 'the others stay unanswered');
    // From 5 May on, the later answer replaces the first.
    for (const day of [5, 6]) {
        const a = affair.list_drifts(date(2026, 5, day))[0].get_corrective_action();
        assertEqual(a.get_owner(), 'Paul Durand', `${day} May`);
        assertEqual(iso(a.get_date()), '2026-05-05');
    }
    // Before 4 May neither is known: on 30 April CPI 25 000 / 30 000.
    const apr30 = affair.list_drifts(date(2026, 4, 30));
    assertDrift(apr30[0], DK.COST_PERFORMANCE, null, 25000 / 30000);
    assertEqual(apr30[0].get_corrective_action(), null);

    // Both stay recorded, in the order recorded.
    const actions = affair.list_corrective_actions();
    assertEqual(actions.length, 2);
    assertMoney(actions[0].get_eac_effect(), '-2500.00 EUR', 'first effect');
    assertEqual(iso(actions[1].get_due()), '2026-05-29');
    assertEqual(actions.map(a => a.get_owner()), ['Claire Martin', 'Paul Durand']);
    assertAction(actions[1], PAUL);
});

test('refused corrective actions', () => {
    const [p, affair] = textbookWithTravel();
    affair.record_corrective_action(answer());
    const journal = p.get_journal();
    const n = journal.get_n_entries();
    // An empty owner; due (4 May) before the decision (5 May); dollars.
    assertThrows(() => affair.record_corrective_action(answer({owner: ''})), E.INVALID_VALUE);
    assertThrows(() => affair.record_corrective_action(answer({on: [2026, 5, 5], due: [2026, 5, 4]})),
        E.INVALID_VALUE);
    assertThrows(() => affair.record_corrective_action(answer({effect: '1.00 USD'})), E.CURRENCY_MISMATCH);
    // An empty analysis or action; invalid dates.
    assertThrows(() => affair.record_corrective_action(answer({analysis: ''})), E.INVALID_VALUE);
    assertThrows(() => affair.record_corrective_action(answer({action: ''})), E.INVALID_VALUE);
    assertThrows(() => affair.record_corrective_action(Aff.CorrectiveAction.new(DK.COST_PERFORMANCE, null,
        GLib.Date.new(), 'cause', 'action', 'Claire Martin', date(2026, 5, 29), money('0.00 EUR'))),
    E.INVALID_VALUE);
    assertThrows(() => affair.record_corrective_action(Aff.CorrectiveAction.new(DK.COST_PERFORMANCE, null,
        date(2026, 5, 4), 'cause', 'action', 'Claire Martin', GLib.Date.new(), money('0.00 EUR'))),
    E.INVALID_VALUE);
    assertEqual(journal.get_n_entries(), n, 'nothing journaled');
    assertEqual(affair.list_corrective_actions().map(a => a.get_owner()), ['Claire Martin']);
    // Due the day of the decision, with no effect at all, is fine.
    assertTrue(affair.record_corrective_action(answer({due: [2026, 5, 4], effect: '0.00 EUR'})));
    assertEqual(affair.list_corrective_actions().length, 2);
});

test('corrective actions are journaled', () => {
    const [p, affair] = textbookWithTravel();
    const journal = p.get_journal();
    const n = journal.get_n_entries();
    affair.record_corrective_action(answer());
    affair.record_corrective_action(travelAnswer());
    assertEqual(journal.get_n_entries(), n + 2);
    const entries = [journal.get_entry(n), journal.get_entry(n + 1)];
    for (const e of entries) {
        assertEqual(e.get_action(), 'corrective-action-recorded');
        assertEqual(e.get_entity_kind(), 'affair');
        assertEqual(e.get_entity_id(), AFFAIR);
        assertEqual(e.get_actor(), 'Claire Martin');
    }
    const details = e => ['kind', 'subject', 'date', 'analysis', 'action', 'owner', 'due', 'eac_effect']
        .map(key => e.dup_detail(key));
    // The whole affair's drift has no subject.
    assertEqual(details(entries[0]), ['cost-performance', null, '2026-05-04', 'Soudures reprises',
        'Soudeur qualifié en renfort', 'Claire Martin', '2026-05-29', '-2500.00 EUR']);
    assertEqual(details(entries[1]), ['budget-overrun', 'T1/travel', '2026-05-06', 'Déplacement non prévu',
        'Refacturer au client', 'Paul Durand', '2026-06-30', '-500.00 EUR']);
    // The nicks of every kind, as the document spells them.
    for (const [kind, nick] of [[DK.COST_PERFORMANCE, 'cost-performance'],
        [DK.SCHEDULE_PERFORMANCE, 'schedule-performance'], [DK.MARGIN_EROSION, 'margin-erosion'],
        [DK.MILESTONE_SLIP, 'milestone-slip'], [DK.CONCORDANCE, 'concordance'],
        [DK.BUDGET_OVERRUN, 'budget-overrun']]) {
        const m = journal.get_n_entries();
        affair.record_corrective_action(answer({kind}));
        assertEqual(journal.get_entry(m).dup_detail('kind'), nick);
    }
    assertTrue(journal.verify(), 'journal verifies');
});

test('an action answers the drift of its kind and subject only', () => {
    const [, affair] = textbookWithTravel();
    // The CPI drift is the whole affair's, not T1's; the travel is not T1's
    // labour; the SPI answer answers the SPI; the margin answer comes on the
    // 5th.
    affair.record_corrective_action(answer({subject: 'T1'}));
    affair.record_corrective_action(answer({kind: DK.BUDGET_OVERRUN, subject: 'T1/labour'}));
    affair.record_corrective_action(answer({kind: DK.SCHEDULE_PERFORMANCE, owner: 'Paul Durand'}));
    affair.record_corrective_action(answer({kind: DK.MARGIN_EROSION, on: [2026, 5, 5], owner: 'Jeanne Roy'}));
    let drifts = affair.list_drifts(date(2026, 5, 4));
    assertEqual(kinds(drifts), FOUR);
    assertEqual(drifts.map(d => d.get_corrective_action()?.get_owner() ?? null),
        [null, 'Paul Durand', null, null]);
    // On 6 May: PV 50 000 + 50 000 × 2 / 10 = 60 000, SPI 40 000 / 60 000;
    // the margin answer is known; the travel gets its own.
    affair.record_corrective_action(answer({kind: DK.BUDGET_OVERRUN, subject: 'T1/travel', on: [2026, 5, 6],
        owner: 'Luc Petit', due: [2026, 5, 6]}));
    drifts = affair.list_drifts(date(2026, 5, 6));
    assertEqual(kinds(drifts), FOUR);
    assertClose(drifts[1].get_value(), 40000 / 60000, 1e-9, 'SPI on 6 May');
    assertEqual(drifts.map(d => d.get_corrective_action()?.get_owner() ?? null),
        [null, 'Paul Durand', 'Jeanne Roy', 'Luc Petit']);
    assertEqual(drifts[3].get_corrective_action().get_subject(), 'T1/travel');
});

test('undefined indicators never drift', () => {
    const [, affair] = newFinanceAffair();
    // The day before the start: CPI 0 / 0 and SPI 0 / 0 undefined, the
    // offer's margin, nothing spent, the schedule its baseline.
    assertEqual(affair.list_drifts(date(2026, 4, 19)), []);
    // The first day: PV 50 000 × 1 / 10 = 5 000, EV 0, AC 0: the CPI still
    // undefined, the SPI 0 / 5 000 = 0 defined, and drifting.
    const drifts = affair.list_drifts(date(2026, 4, 20));
    assertEqual(drifts.length, 1);
    assertDrift(drifts[0], DK.SCHEDULE_PERFORMANCE, null, 0, 0.9);
});

test('budget overruns: the budget lines first, then the ledger', () => {
    const [p, affair] = newFinanceAffair();
    const ledger = affair.get_ledger();
    // 100.00 of travel for the whole affair, before anything else.
    cost(ledger, date(2026, 4, 21), null, C.TRAVEL, St.ACTUAL, '100.00 EUR', 'NF-1');
    recordTextbook(affair);
    cost(ledger, date(2026, 5, 4), 'T2', C.EQUIPMENT, St.ACTUAL, '200.00 EUR', 'LOC-1');
    cost(ledger, date(2026, 5, 4), 'T1', C.LABOUR, St.ACTUAL, '11000.00 EUR', 'TS-19');
    cost(ledger, date(2026, 5, 11), 'T2', C.MATERIAL, St.ACTUAL, '40000.00 EUR', 'FA-992');
    const policy = p.get_policy();
    policy.set_drift_cpi_threshold(0);
    policy.set_drift_spi_threshold(0);
    policy.set_drift_margin_points(10000);
    policy.set_concordance_tolerance(10000);

    // 11 May: T1 labour 30 000 + 15 000 + 11 000 = 56 000 of 50 000 (1.12);
    // T2 material 20 000 + 40 000 = 60 000 of 50 000 (1.2; PO-7 is only
    // ordered); travel and T2's equipment without a budget. Even 100 points
    // of margin are not enough: AC 116 300, EAC 100 000 × 116 300 / 40 000 =
    // 290 750, cost at completion 295 750, margin −170 750, −13 660 bp,
    // 152.60 points below 16 %.
    let drifts = affair.list_drifts(date(2026, 5, 11));
    assertEqual(kinds(drifts), [[DK.MARGIN_EROSION, null], [DK.BUDGET_OVERRUN, 'T1/labour'],
        [DK.BUDGET_OVERRUN, 'T2/material'], [DK.BUDGET_OVERRUN, 'travel'], [DK.BUDGET_OVERRUN, 'T2/equipment']]);
    assertDrift(drifts[0], DK.MARGIN_EROSION, null, -152.6, -100.0);
    [1.12, 1.2, 0, 0].forEach((value, i) =>
        assertDrift(drifts[i + 1], DK.BUDGET_OVERRUN, drifts[i + 1].get_subject(), value, 1.1));
    const labour = drifts[1].get_message();
    for (const figure of ['T1/labour', '56\u202f000,00\u00a0€', '50\u202f000,00\u00a0€'])
        assertTrue(labour.includes(figure), `"${labour}" gives ${figure}`);
    assertTrue(drifts[2].get_message().includes('60\u202f000,00\u00a0€'), 'T2 material figure');
    assertEqual(drifts[3].get_message(), 'travel : 100,00\u00a0€ de coûts réels sans budget');
    assertEqual(drifts[4].get_message(), 'T2/equipment : 200,00\u00a0€ de coûts réels sans budget');

    // 10 May: nothing of the 11th; AC 56 300, EAC 140 750, margin −20 750,
    // −1 660 bp: 32.60 points lost, within 100.
    assertEqual(kinds(affair.list_drifts(date(2026, 5, 10))), [[DK.BUDGET_OVERRUN, 'T1/labour'],
        [DK.BUDGET_OVERRUN, 'travel'], [DK.BUDGET_OVERRUN, 'T2/equipment']]);

    // 12 %: 56 000 × 10 000 = 50 000 × 11 200 does not drift.
    policy.set_drift_overrun_rate(1200);
    drifts = affair.list_drifts(date(2026, 5, 11));
    assertEqual(kinds(drifts), [[DK.MARGIN_EROSION, null], [DK.BUDGET_OVERRUN, 'T2/material'],
        [DK.BUDGET_OVERRUN, 'travel'], [DK.BUDGET_OVERRUN, 'T2/equipment']]);
    assertDrift(drifts[1], DK.BUDGET_OVERRUN, 'T2/material', 1.2, 1.12);
    assertDrift(drifts[2], DK.BUDGET_OVERRUN, 'travel', 0, 1.12);
});

test('drift messages in the policy language', () => {
    const [p, affair] = textbookWithTravel();
    const french = affair.list_drifts(date(2026, 5, 4));
    assertTrue(p.get_policy().set_language('en'));
    const english = affair.list_drifts(date(2026, 5, 4));
    assertEqual(kinds(english), kinds(french));
    english.forEach((e, i) => {
        assertTrue(e.get_message() !== '' && e.get_message() !== french[i].get_message(), `message ${i}`);
        assertEqual(e.get_value(), french[i].get_value());
        assertEqual(e.get_threshold(), french[i].get_threshold());
    });
    const message = english[3].get_message();
    assertTrue(message.includes('T1/travel') && message.includes('€500.00') && !message.includes('coûts'),
        message);
});

test('listed drifts and actions outlive their arrays', () => {
    // (transfer container): the wrappers hold copies of the elements.
    const [, affair] = textbookWithTravel();
    affair.record_corrective_action(answer());
    affair.record_corrective_action(laterAnswer());
    const drift = affair.list_drifts(date(2026, 5, 4))[0];
    const action = affair.list_drifts(date(2026, 5, 6))[0].get_corrective_action();
    const second = affair.list_corrective_actions()[1];
    System.gc();
    for (let i = 0; i < 20; i++) {
        affair.list_drifts(date(2026, 5, 4));
        affair.list_corrective_actions();
    }
    System.gc();
    assertDrift(drift, DK.COST_PERFORMANCE, null, 40000 / 45500, 0.95);
    assertEqual(drift.get_corrective_action().get_owner(), 'Claire Martin');
    assertAction(action, PAUL);
    assertAction(second, PAUL);
    const copy = drift.copy();
    assertAction(copy.get_corrective_action(), CLAIRE);
    assertAction(travelAnswer().copy(), TRAVEL);
});

test('corrective actions survive to_data / new_from_data', () => {
    const [p, affair] = textbookWithTravel();
    affair.record_corrective_action(answer());
    affair.record_corrective_action(travelAnswer());
    const [text] = p.to_data();
    const finance = JSON.parse(text).affairs[0].finance;
    assertEqual(finance.corrective_actions, [
        {kind: 'cost-performance', date: '2026-05-04', analysis: 'Soudures reprises',
            action: 'Soudeur qualifié en renfort', owner: 'Claire Martin', due: '2026-05-29',
            eac_effect: '-2500.00 EUR'},
        {kind: 'budget-overrun', subject: 'T1/travel', date: '2026-05-06', analysis: 'Déplacement non prévu',
            action: 'Refacturer au client', owner: 'Paul Durand', due: '2026-06-30', eac_effect: '-500.00 EUR'},
    ]);
    const q = Aff.Portfolio.new_from_data(text, -1);
    assertEqual(q.to_data()[0], text, 'the same bytes again');
    assertTrue(q.get_journal().verify());
    const loaded = q.lookup_affair(AFFAIR);
    const actions = loaded.list_corrective_actions();
    assertEqual(actions.length, 2);
    assertAction(actions[0], CLAIRE);
    assertAction(actions[1], TRAVEL);
    for (const owner of [affair, loaded]) {
        const drifts = owner.list_drifts(date(2026, 5, 6));
        assertEqual(kinds(drifts), FOUR);
        assertEqual(drifts.map(d => d.get_corrective_action()?.get_owner() ?? null),
            ['Claire Martin', null, null, 'Paul Durand']);
    }
    loaded.record_corrective_action(laterAnswer());
    assertEqual(loaded.list_corrective_actions().length, 3);
    assertEqual(affair.list_corrective_actions().length, 2);
    assertTrue(q.get_journal().verify());

    // The loader refuses an action without an owner, due before its
    // decision, or in another currency, naming it.
    for (const [member, value] of [['owner', ''], ['due', '2026-05-03'], ['eac_effect', '-2500.00 USD']]) {
        const doc = JSON.parse(text);
        doc.affairs[0].finance.corrective_actions[0][member] = value;
        assertThrows(() => Aff.Portfolio.new_from_data(JSON.stringify(doc), -1), E.INVALID_DOCUMENT,
            /^\$\.affairs\[0\]\.finance\.corrective_actions\[0\]/);
    }
});

test('drift thresholds', () => {
    const [p, affair] = newFinanceAffair();
    recordTextbook(affair);
    const policy = p.get_policy();
    const plan = affair.get_plan();
    const ledger = affair.get_ledger();
    const may4 = date(2026, 5, 4);

    // Just below what the affair shows (CPI 8 888.9 not below 8 888; SPI
    // 8 000 not below 8 000; 10 points lost, not more than 10): nothing.
    policy.set_drift_cpi_threshold(8888);
    policy.set_drift_spi_threshold(8000);
    policy.set_drift_margin_points(1000);
    assertEqual(affair.list_drifts(may4), []);

    // T1's labour at exactly 110 % of its 50 000 does not drift; a cent more
    // does.
    cost(ledger, may4, 'T1', C.LABOUR, St.ACTUAL, '10000.00 EUR', 'TS-19');
    policy.set_drift_cpi_threshold(0);
    policy.set_drift_spi_threshold(0);
    policy.set_drift_margin_points(10000);
    policy.set_concordance_tolerance(10000);
    assertEqual(affair.list_drifts(may4), []);
    cost(ledger, may4, 'T1', C.LABOUR, St.ACTUAL, '0.01 EUR', 'TS-20');
    let drifts = affair.list_drifts(may4);
    assertEqual(drifts.length, 1);
    assertDrift(drifts[0], DK.BUDGET_OVERRUN, 'T1/labour', 5500001 / 5000000, 1.1, 1e-12);
    policy.set_drift_overrun_rate(100000);
    assertEqual(affair.list_drifts(may4), []);

    // A milestone after T2, in a new baseline; then T1 takes 7 working days
    // more: T1 20 – 24 April, 27 – 30 April, 4 – 7 May, 11 – 13 May, 15 May;
    // M1 slips 7 working days, beyond 5.
    const milestone = Aff.Task.new('M1', 'Réception', 0);
    plan.add_task(milestone);
    milestone.kind = Aff.TaskKind.MILESTONE;
    plan.add_dependency('T2', 'M1', Aff.DependencyType.FINISH_START, 0);
    plan.schedule();
    plan.save_baseline('avenant');
    assertEqual(affair.list_drifts(may4), [], 'on its baseline');
    plan.lookup_task('T1').duration = 17;
    plan.schedule();
    assertEqual(iso(plan.lookup_task('T1').get_early_finish()), '2026-05-15');
    drifts = affair.list_drifts(may4);
    assertEqual(drifts.length, 1);
    const slip = assertDrift(drifts[0], DK.MILESTONE_SLIP, 'M1');
    assertEqual(slip.get_value(), 7);
    assertEqual(slip.get_threshold(), 5);
    assertTrue(slip.get_message().includes('M1') && slip.get_message().includes('7'), slip.get_message());
    policy.set_drift_slip_days(6);
    assertEqual(kinds(affair.list_drifts(may4)), [[DK.MILESTONE_SLIP, 'M1']]);
    policy.set_drift_slip_days(7);
    assertEqual(affair.list_drifts(may4), []);

    // Concordance: physical 0.4; cost 55 000.01 / EAC, the EAC 100 000 ×
    // 55 000.01 / 40 000 = 137 500.025, half to even 137 500.02, so 0.4 +
    // 0.2 / 13 750 002 (in cents); billing 0.3: a gap of 0.1 + 0.2 /
    // 13 750 002, beyond 9.99 points.
    policy.set_concordance_tolerance(999);
    drifts = affair.list_drifts(may4);
    assertEqual(drifts.length, 1);
    const gap = assertDrift(drifts[0], DK.CONCORDANCE, null);
    assertClose(gap.get_value(), 0.1 + 0.2 / 13750002, 1e-12, 'gap');
    assertMoney(statusOn(affair, 2026, 5, 4).get_eac(), '137500.02 EUR', 'eac');
    policy.set_concordance_tolerance(1000);
    assertEqual(affair.list_drifts(may4), []);
});

test('one step past each threshold drifts', () => {
    const [p, affair] = newFinanceAffair();
    recordTextbook(affair);
    const policy = p.get_policy();
    // 8 888.9 < 8 889; 8 000 < 8 001; 10 points lost > 9.99.
    policy.set_drift_cpi_threshold(8889);
    policy.set_drift_spi_threshold(8001);
    policy.set_drift_margin_points(999);
    const drifts = affair.list_drifts(date(2026, 5, 4));
    assertEqual(kinds(drifts), [[DK.COST_PERFORMANCE, null], [DK.SCHEDULE_PERFORMANCE, null],
        [DK.MARGIN_EROSION, null]]);
    assertDrift(drifts[0], DK.COST_PERFORMANCE, null, 40000 / 45000, 0.8889);
    assertDrift(drifts[1], DK.SCHEDULE_PERFORMANCE, null, 0.8, 0.8001);
    assertDrift(drifts[2], DK.MARGIN_EROSION, null, -10.0, -9.99);
});

const DRIFT_SETTINGS = ['drift_cpi_threshold', 'drift_spi_threshold', 'drift_margin_points', 'drift_slip_days',
    'drift_overrun_rate'];
const settingsOf = policy => DRIFT_SETTINGS.map(name => policy[`get_${name}`]());

test('drift settings of the policy: defaults, properties, round trip', () => {
    for (const policy of [Aff.Policy.new(), newFinanceAffair()[0].get_policy()]) {
        assertEqual(settingsOf(policy), [9500, 9000, 200, 5, 1000], 'defaults');
        assertEqual(DRIFT_SETTINGS.map(name => policy[name]), [9500, 9000, 200, 5, 1000], 'properties');
    }

    const [p, affair] = newFinanceAffair();
    recordTextbook(affair);
    const policy = p.get_policy();
    const seen = [];
    const id = policy.connect('notify', (_obj, pspec) => seen.push(pspec.get_name()));
    const journal = p.get_journal();
    const n = journal.get_n_entries();
    policy.drift_cpi_threshold = 8888;
    policy.set_drift_cpi_threshold(8888);
    policy.set_drift_spi_threshold(8000);
    policy.drift_margin_points = 1000;
    policy.set_drift_slip_days(7);
    policy.set_drift_overrun_rate(2500);
    policy.disconnect(id);
    assertEqual(seen, ['drift-cpi-threshold', 'drift-spi-threshold', 'drift-margin-points', 'drift-slip-days',
        'drift-overrun-rate'], 'one notify per change');
    assertEqual(DRIFT_SETTINGS.map(name => policy[name]), [8888, 8000, 1000, 7, 2500]);
    const changes = [];
    for (let i = n; i < journal.get_n_entries(); i++) {
        const e = journal.get_entry(i);
        changes.push([e.get_entity_kind(), e.get_action(), e.get_details()]);
    }
    assertEqual(changes, [
        ['policy', 'changed', '{"property":"drift-cpi-threshold","value":8888}'],
        ['policy', 'changed', '{"property":"drift-spi-threshold","value":8000}'],
        ['policy', 'changed', '{"property":"drift-margin-points","value":1000}'],
        ['policy', 'changed', '{"property":"drift-slip-days","value":7}'],
        ['policy', 'changed', '{"property":"drift-overrun-rate","value":2500}'],
    ]);

    const [text] = p.to_data();
    const saved = JSON.parse(text).policy;
    assertEqual(DRIFT_SETTINGS.map(name => saved[name]), [8888, 8000, 1000, 7, 2500], 'saved');
    const q = Aff.Portfolio.new_from_data(text, -1);
    assertEqual(q.to_data()[0], text, 'the same bytes again');
    assertEqual(settingsOf(q.get_policy()), [8888, 8000, 1000, 7, 2500], 'loaded');
    // CPI 0.8889, SPI 0.8 and 10 points of margin lost are within them.
    assertEqual(q.lookup_affair(AFFAIR).list_drifts(date(2026, 5, 4)), []);

    // A policy saved without them loads with the defaults.
    const doc = JSON.parse(Aff.Portfolio.new().to_data()[0]);
    assertEqual(DRIFT_SETTINGS.map(name => doc.policy[name]), [9500, 9000, 200, 5, 1000], 'defaults saved');
    for (const name of DRIFT_SETTINGS)
        delete doc.policy[name];
    assertEqual(settingsOf(Aff.Portfolio.new_from_data(JSON.stringify(doc), -1).get_policy()),
        [9500, 9000, 200, 5, 1000]);
});

// --- billing ----------------------------------------------------------------------
//
// tests/c/test-finance.c, test_billing_schedule,
// test_billing_errors_and_guarantee and test_late_and_supplier_payments, and
// the rules of docs/rules.md, "Billing". The affair is the one at the top
// with the billing terms of newFinanceAffair(0, {billing: true}): a 30 %
// advance (3000 bp of the 125 000.00 contract: 37 500.00), monthly
// situations, 5 % retention (500 bp), payment at 45 days end of month, VAT
// 20 % (2000 bp). Each product is rounded half to even.

const BK = Aff.BillingKind;

const billingAffair = (paymentTerms = [45, true]) => newFinanceAffair(0, {billing: true, paymentTerms});

function dueOn(affair, y, m, d) {
    const items = affair.list_billing_due(date(y, m, d));
    assertTrue(Array.isArray(items), 'the items are a list');
    return items;
}

function invoiceFirst(affair, items, reference, y, m, d) {
    assertTrue(affair.invoice_billing_item(items[0], reference, date(y, m, d)), `${reference} invoiced`);
}

// Sets the actual start and finish of a task of the plan.
function finish(affair, id, start, end) {
    const task = affair.get_plan().lookup_task(id);
    task.set_actual_start(date(...start));
    task.set_actual_finish(date(...end));
}

const ids = milestones => milestones.map(m => m.get_id());
const steps = items => items.map(i => i.get_milestone_id());
const ITEM_FIGURES = ['amount', 'advance_recovered', 'excluding_vat', 'vat', 'including_vat', 'retention', 'payable'];

// assert_item of the C test; `figures` are amount, advance recovered,
// excluding VAT, VAT, including VAT, retention and payable.
function assertItem(item, milestone, kind, due, figures) {
    assertTrue(item instanceof Aff.BillingItem, 'a billing item');
    assertEqual(item.get_milestone_id(), milestone, 'milestone');
    assertEqual(item.get_kind(), kind, `${milestone}: kind`);
    assertEqual(iso(item.get_due_date()), due, `${milestone}: due date`);
    const reason = item.get_reason();
    assertTrue(typeof reason === 'string' && reason !== '', `${milestone}: a reason`);
    assertEqual(ITEM_FIGURES.map(name => item[`get_${name}`]().to_string()), figures, `${milestone}: figures`);
}

function assertLate(late, invoice, due, days, outstanding, interest, indemnity = '40.00 EUR') {
    assertTrue(late instanceof Aff.LatePayment, 'a late payment');
    assertEqual([late.get_invoice(), iso(late.get_due_date()), late.get_days_late(),
        late.get_outstanding().to_string(), late.get_interest().to_string(), late.get_indemnity().to_string()],
    [invoice, due, days, outstanding, interest, indemnity], `late ${invoice}`);
}

function assertSupplier(payment, document, supplier, task, accepted, amount) {
    assertTrue(payment instanceof Aff.SupplierPayment, 'a supplier payment');
    assertEqual([payment.get_document(), payment.get_supplier(), payment.get_task_id(),
        iso(payment.get_accepted()), payment.get_amount().to_string()],
    [document, supplier, task, accepted, amount], `supplier payment ${document}`);
}

function acceptanceOf(affair) {
    const [accepted, on, guarantee] = affair.get_acceptance();
    return [accepted, accepted ? iso(on) : null, accepted ? guarantee : null];
}

// The items of the C test, figures worked by hand in test_billing_schedule.
const ADVANCE_37500 = ['37500.00 EUR', '0.00 EUR', '37500.00 EUR', '7500.00 EUR', '45000.00 EUR', '0.00 EUR',
    '45000.00 EUR'];
const SITUATION_APRIL = ['31250.00 EUR', '9375.00 EUR', '21875.00 EUR', '4375.00 EUR', '26250.00 EUR',
    '1312.50 EUR', '24937.50 EUR'];
const SITUATION_MAY = ['50000.00 EUR', '15000.00 EUR', '35000.00 EUR', '7000.00 EUR', '42000.00 EUR',
    '2100.00 EUR', '39900.00 EUR'];
const BALANCE_43750 = ['43750.00 EUR', '13125.00 EUR', '30625.00 EUR', '6125.00 EUR', '36750.00 EUR',
    '1837.50 EUR', '34912.50 EUR'];
const RELEASE_5250 = ['5250.00 EUR', '0.00 EUR', '5250.00 EUR', '0.00 EUR', '5250.00 EUR', '0.00 EUR',
    '5250.00 EUR'];

test('billing terms copied from the offer', () => {
    // Without the billing option the revision's defaults: payment at 30 days,
    // not end of month, no advance, no situations, the policy's retention of
    // 500 bp and VAT of 2000 bp; so only the balance and the release.
    let [, affair] = newFinanceAffair();
    assertEqual([affair.get_advance_rate(), affair.get_progress_billing(), affair.get_retention_rate(),
        affair.get_payment_days(), affair.get_payment_end_of_month(), affair.get_vat_rate()],
    [0, false, 500, 30, false, 2000], 'default terms');
    const schedule = affair.list_billing_milestones();
    assertEqual(ids(schedule), ['solde', 'retenue']);
    assertEqual(schedule.map(m => m.get_kind()), [BK.FINAL, BK.RETENTION_RELEASE]);
    [, affair] = billingAffair();
    assertEqual([affair.get_advance_rate(), affair.get_progress_billing(), affair.get_retention_rate(),
        affair.get_payment_days(), affair.get_payment_end_of_month(), affair.get_vat_rate()],
    [3000, true, 500, 45, true, 2000], 'billing terms');
});

test('billing milestones are boxed copies', () => {
    const m = Aff.BillingMilestone.new('M-T1', BK.MILESTONE, 4000, 'T1');
    assertEqual([m.get_id(), m.get_kind(), m.get_basis_points(), m.get_task_id()], ['M-T1', BK.MILESTONE, 4000, 'T1']);
    const copy = m.copy();
    assertEqual([copy.get_id(), copy.get_kind(), copy.get_basis_points(), copy.get_task_id()],
        ['M-T1', BK.MILESTONE, 4000, 'T1']);
    assertEqual(Aff.BillingMilestone.new('A', BK.ADVANCE, 1000, null).get_task_id(), null);
    // the six kinds, in the order of the header
    assertEqual([BK.ADVANCE, BK.SITUATION, BK.MILESTONE, BK.FINAL, BK.RETENTION_RELEASE, BK.OTHER],
        [0, 1, 2, 3, 4, 5]);
});

// The whole billing of the affair, by hand. Contract 125 000, advance 30 % =
// 37 500 excluding VAT, 45 000 with VAT 20 %. The situation of 30 April: 25 %
// done (T1 half done: EV 25 000 of 100 000) → 31 250, recovering 37 500 ×
// 31 250 / 125 000 = 9 375 of the advance: 21 875 excluding VAT, 4 375 of
// VAT, 26 250 with it, 1 312.50 held (5 %), 24 937.50 to pay. The situation
// of 31 May: 65 % (EV 40 000 + 25 000) → 81 250 − 31 250 = 50 000,
// recovering 37 500 × 81 250 / 125 000 − 9 375 = 15 000: 35 000, 7 000,
// 42 000, 2 100 held, 39 900. The balance at the acceptance (15 June):
// 125 000 − 81 250 = 43 750, recovering the 13 125 left: 30 625, 6 125,
// 36 750, 1 837.50 held, 34 912.50. The retention, 5 250 (5 % of the 105 000
// of work with VAT), is released on 15 June 2027. In all the client pays
// 45 000 + 24 937.50 + 39 900 + 34 912.50 + 5 250 = 150 000, the price with
// VAT.
test('billing schedule', () => {
    const [, affair] = billingAffair();

    // The offer's terms make the schedule.
    const schedule = affair.list_billing_milestones();
    assertEqual(schedule.length, 4);
    assertEqual(ids(schedule), ['acompte', 'situations', 'solde', 'retenue']);
    assertEqual(schedule.map(m => m.get_kind()), [BK.ADVANCE, BK.SITUATION, BK.FINAL, BK.RETENTION_RELEASE]);
    assertEqual(schedule[0].get_basis_points(), 3000);
    assertEqual(schedule[0].get_task_id(), null);

    // Nothing before the signature; the advance from it.
    assertEqual(dueOn(affair, 2026, 4, 19), []);
    let items = dueOn(affair, 2026, 4, 20);
    assertEqual(items.length, 1);
    assertItem(items[0], 'acompte', BK.ADVANCE, '2026-04-20', ADVANCE_37500);
    invoiceFirst(affair, items, 'F-1', 2026, 4, 20);

    affair.record_progress('T1', date(2026, 4, 30), 5000);
    affair.record_progress('T1', date(2026, 5, 4), 8000);
    items = dueOn(affair, 2026, 5, 4);
    assertEqual(items.length, 1);
    assertItem(items[0], 'situations', BK.SITUATION, '2026-04-30', SITUATION_APRIL);
    invoiceFirst(affair, items, 'F-2', 2026, 5, 2);
    // Invoiced: nothing more until the end of May.
    assertEqual(dueOn(affair, 2026, 5, 30), []);

    affair.record_progress('T2', date(2026, 5, 29), 5000);
    items = dueOn(affair, 2026, 6, 3);
    assertEqual(items.length, 1);
    assertItem(items[0], 'situations', BK.SITUATION, '2026-05-31', SITUATION_MAY);
    invoiceFirst(affair, items, 'F-3', 2026, 6, 3);

    assertFalse(affair.get_acceptance()[0], 'not accepted yet');
    // Not before the signature (20 April).
    assertThrows(() => affair.record_acceptance(date(2026, 4, 1), false), E.INVALID_VALUE);
    assertTrue(affair.record_acceptance(date(2026, 6, 15), false));
    assertThrows(() => affair.record_acceptance(date(2026, 6, 15), false), E.INVALID_TRANSITION);
    assertEqual(acceptanceOf(affair), [true, '2026-06-15', false]);

    // The June situation is not due before the end of June; the balance is,
    // from the acceptance.
    items = dueOn(affair, 2026, 6, 15);
    assertEqual(items.length, 1);
    assertItem(items[0], 'solde', BK.FINAL, '2026-06-15', BALANCE_43750);
    invoiceFirst(affair, items, 'F-4', 2026, 6, 15);

    // Everything is billed: the progress is still 65 %, which the situations
    // billed already, and the balance billed the rest.
    assertEqual(dueOn(affair, 2027, 6, 14), []);
    items = dueOn(affair, 2027, 6, 15);
    assertEqual(items.length, 1);
    // 1 312.50 + 2 100 + 1 837.50 = 5 250 held, released without VAT
    assertItem(items[0], 'retenue', BK.RETENTION_RELEASE, '2027-06-15', RELEASE_5250);
    assertTrue(items[0].get_reason().includes('5\u202f250,00\u00a0€'), items[0].get_reason());
    invoiceFirst(affair, items, 'F-5', 2027, 6, 15);
    // Released: invoicing it again is refused.
    assertThrows(() => affair.invoice_billing_item(items[0], 'F-6', date(2027, 7, 1)), E.INVALID_TRANSITION);
    assertEqual(dueOn(affair, 2028, 1, 1), []);

    // Billed (work): 31 250 + 50 000 + 43 750 = 125 000; the advance and the
    // release are not revenue. Before the balance: 31 250 + 50 000.
    assertMoney(statusOn(affair, 2027, 6, 15).get_billed(), '125000.00 EUR', 'billed');
    assertMoney(statusOn(affair, 2026, 6, 14).get_billed(), '81250.00 EUR', 'billed on 14 June');
});

test('listed billing items outlive their arrays', () => {
    // (transfer container): the wrappers hold copies of the elements.
    const [, affair] = billingAffair();
    const item = dueOn(affair, 2026, 4, 20)[0];
    const milestone = affair.list_billing_milestones()[1];
    System.gc();
    for (let i = 0; i < 20; i++) {
        dueOn(affair, 2026, 4, 20);
        affair.list_billing_milestones();
    }
    System.gc();
    assertItem(item, 'acompte', BK.ADVANCE, '2026-04-20', ADVANCE_37500);
    assertEqual(milestone.get_id(), 'situations');
    const copy = item.copy();
    assertMoney(copy.get_payable(), '45000.00 EUR', 'copy');
    assertTrue(affair.invoice_billing_item(copy, 'F-1', date(2026, 4, 20)));
});

test('advance, situation and balance due together', () => {
    // Nothing invoiced before the acceptance: on 15 June the advance, the
    // situation of 31 May and the balance are all due, none recovering an
    // advance never invoiced. The situation: EV on 31 May 80 % of T1's
    // 50 000 = 40 000 of 100 000, 40 % of 125 000 = 50 000; VAT 10 000,
    // 60 000, 3 000 held, 57 000. The balance: 125 000 − 0 of work; VAT
    // 25 000, 150 000, 7 500 held, 142 500.
    const [, affair] = billingAffair();
    affair.record_progress('T1', date(2026, 4, 30), 5000);
    affair.record_progress('T1', date(2026, 5, 4), 8000);
    affair.record_acceptance(date(2026, 6, 15), false);
    const items = dueOn(affair, 2026, 6, 15);
    assertEqual(steps(items), ['acompte', 'situations', 'solde']);
    assertItem(items[0], 'acompte', BK.ADVANCE, '2026-04-20', ADVANCE_37500);
    assertItem(items[1], 'situations', BK.SITUATION, '2026-05-31', ['50000.00 EUR', '0.00 EUR', '50000.00 EUR',
        '10000.00 EUR', '60000.00 EUR', '3000.00 EUR', '57000.00 EUR']);
    assertItem(items[2], 'solde', BK.FINAL, '2026-06-15', ['125000.00 EUR', '0.00 EUR', '125000.00 EUR',
        '25000.00 EUR', '150000.00 EUR', '7500.00 EUR', '142500.00 EUR']);
    // No retention held yet: nothing to release a year on.
    assertEqual(steps(dueOn(affair, 2027, 6, 15)), ['acompte', 'situations', 'solde']);
});

test('billing errors and the bank guarantee', () => {
    const [, affair] = billingAffair();
    const advance = Aff.BillingMilestone.new('A', BK.ADVANCE, 1000, null);
    const advance2 = Aff.BillingMilestone.new('A2', BK.ADVANCE, 1000, null);
    const onT1 = Aff.BillingMilestone.new('M-T1', BK.MILESTONE, 4000, 'T1');
    const onT9 = Aff.BillingMilestone.new('M-T9', BK.MILESTONE, 1000, 'T9');
    const tooMuch = Aff.BillingMilestone.new('M-T2', BK.MILESTONE, 6001, 'T2');
    const final = Aff.BillingMilestone.new('S', BK.FINAL, 0, null);

    assertTrue(affair.add_billing_milestone(advance));
    // A second advance; the same id again; a final step.
    assertThrows(() => affair.add_billing_milestone(advance2), E.INVALID_VALUE);
    assertThrows(() => affair.add_billing_milestone(advance), E.INVALID_VALUE);
    assertThrows(() => affair.add_billing_milestone(final), E.INVALID_VALUE);
    assertThrows(() => affair.add_billing_milestone(onT9), E.NOT_FOUND, 'T9');
    assertTrue(affair.add_billing_milestone(onT1));
    // 4000 + 6001 > 10000
    assertThrows(() => affair.add_billing_milestone(tooMuch), E.INVALID_VALUE);
    // Its own schedule: the offer's situations no longer apply.
    const schedule = affair.list_billing_milestones();
    assertEqual(schedule.length, 4);
    assertEqual(ids(schedule), ['A', 'M-T1', 'solde', 'retenue']);
    assertEqual(schedule[1].get_task_id(), 'T1');
    assertEqual(schedule[1].get_basis_points(), 4000);

    // The advance: 10 % of 125 000 = 12 500; VAT 2 500; 15 000.
    let items = dueOn(affair, 2026, 4, 20);
    assertEqual(items.length, 1);
    assertItem(items[0], 'A', BK.ADVANCE, '2026-04-20', ['12500.00 EUR', '0.00 EUR', '12500.00 EUR',
        '2500.00 EUR', '15000.00 EUR', '0.00 EUR', '15000.00 EUR']);
    invoiceFirst(affair, items, 'F-1', 2026, 4, 20);
    assertThrows(() => affair.invoice_billing_item(items[0], 'F-9', date(2026, 4, 20)), E.INVALID_TRANSITION);
    assertThrows(() => affair.invoice_billing_item(items[0], 'F-1', date(2026, 4, 20)), E.DUPLICATE_ID);

    // T1 finished on 4 May: 40 % of 125 000 = 50 000, recovering 12 500 ×
    // 50 000 / 125 000 = 5 000; 45 000, 9 000, 54 000, 2 700 held, 51 300.
    finish(affair, 'T1', [2026, 4, 20], [2026, 5, 4]);
    assertEqual(dueOn(affair, 2026, 5, 3), [], 'not before its finish');
    items = dueOn(affair, 2026, 5, 4);
    assertEqual(items.length, 1);
    assertItem(items[0], 'M-T1', BK.MILESTONE, '2026-05-04', ['50000.00 EUR', '5000.00 EUR', '45000.00 EUR',
        '9000.00 EUR', '54000.00 EUR', '2700.00 EUR', '51300.00 EUR']);
    invoiceFirst(affair, items, 'F-2', 2026, 5, 4);

    // Accepted with a bank guarantee: the balance holds nothing back.
    // 75 000, recovering 7 500: 67 500, 13 500, 81 000.
    assertTrue(affair.record_acceptance(date(2026, 6, 15), true));
    assertEqual(acceptanceOf(affair), [true, '2026-06-15', true]);
    items = dueOn(affair, 2026, 6, 15);
    assertEqual(items.length, 2);
    assertItem(items[0], 'solde', BK.FINAL, '2026-06-15', ['75000.00 EUR', '7500.00 EUR', '67500.00 EUR',
        '13500.00 EUR', '81000.00 EUR', '0.00 EUR', '81000.00 EUR']);
    // The guarantee frees at once the 2 700 held on the milestone invoice
    // (5 % of its 54 000), without VAT.
    assertItem(items[1], 'retenue', BK.RETENTION_RELEASE, '2026-06-15', ['2700.00 EUR', '0.00 EUR',
        '2700.00 EUR', '0.00 EUR', '2700.00 EUR', '0.00 EUR', '2700.00 EUR']);
});

test('refused billing milestones', () => {
    const [p, affair] = billingAffair();
    const journal = p.get_journal();
    const n = journal.get_n_entries();
    for (const [id, kind, bp, task] of [
        ['M 1', BK.MILESTONE, 1000, 'T1'],      // not an id
        ['A', BK.ADVANCE, 0, null],             // below 1 bp
        ['A', BK.ADVANCE, 10001, null],         // beyond 10000 bp
        ['S', BK.SITUATION, 100, null],         // a share
        ['S', BK.SITUATION, 0, 'T1'],           // a task
        ['M', BK.MILESTONE, 1000, null],        // no task
        ['M', BK.MILESTONE, 0, 'T1'],           // no share
        ['M', BK.MILESTONE, 10001, 'T1'],       // beyond 10000 bp
        ['R', BK.RETENTION_RELEASE, 0, null],   // closes every schedule
        ['X', BK.OTHER, 0, null],               // by hand only
    ])
        assertThrows(() => affair.add_billing_milestone(Aff.BillingMilestone.new(id, kind, bp, task)), E.INVALID_VALUE);
    // Nothing added, nothing journaled: still the offer's terms.
    assertEqual(journal.get_n_entries(), n, 'nothing journaled');
    assertEqual(ids(affair.list_billing_milestones()), ['acompte', 'situations', 'solde', 'retenue']);
    // The situations once; milestones up to exactly 10000 bp in all.
    assertTrue(affair.add_billing_milestone(Aff.BillingMilestone.new('S', BK.SITUATION, 0, null)));
    assertThrows(() => affair.add_billing_milestone(Aff.BillingMilestone.new('S2', BK.SITUATION, 0, null)),
        E.INVALID_VALUE);
    assertTrue(affair.add_billing_milestone(Aff.BillingMilestone.new('M-T1', BK.MILESTONE, 4000, 'T1')));
    assertTrue(affair.add_billing_milestone(Aff.BillingMilestone.new('M-T2', BK.MILESTONE, 6000, 'T2')));
    assertThrows(() => affair.add_billing_milestone(Aff.BillingMilestone.new('M-T2b', BK.MILESTONE, 1, 'T2')),
        E.INVALID_VALUE);
    // Without an advance of its own, the offer's 30 % no longer applies.
    assertEqual(ids(affair.list_billing_milestones()), ['S', 'M-T1', 'M-T2', 'solde', 'retenue']);
    assertEqual(dueOn(affair, 2026, 4, 20), []);
});

test('refused invoices and acceptances', () => {
    const [p, affair] = billingAffair();
    const journal = p.get_journal();
    const items = dueOn(affair, 2026, 4, 20);
    const n = journal.get_n_entries();
    assertThrows(() => affair.invoice_billing_item(items[0], 'F 1', date(2026, 4, 20)), E.INVALID_VALUE);
    assertThrows(() => affair.invoice_billing_item(items[0], 'F-1', GLib.Date.new()), E.INVALID_VALUE);
    // The advance is due from the signature, 20 April, not on the 19th.
    assertThrows(() => affair.invoice_billing_item(items[0], 'F-1', date(2026, 4, 19)), E.INVALID_TRANSITION);
    assertThrows(() => affair.record_acceptance(GLib.Date.new(), false), E.INVALID_VALUE);
    assertFalse(affair.get_acceptance()[0]);
    assertEqual(journal.get_n_entries(), n, 'nothing journaled');
    assertEqual(dueOn(affair, 2026, 4, 20).length, 1);
    // The acceptance on the signature day is fine.
    assertTrue(affair.record_acceptance(date(2026, 4, 20), false));
});

test('an amendment changes the revenue billed', () => {
    // The schedule of test_billing_errors_and_guarantee (A: 10 %, M-T1: 40 %
    // on T1) with AV-1, +10 000, accepted on 2 May. The advance is a share of
    // the contract amount: 12 500. The milestone, of the revenue at
    // completion on its day: 40 % of 135 000 = 54 000, recovering 12 500 ×
    // 54 000 / 135 000 = 5 000: 49 000, VAT 9 800, 58 800, 2 940 held,
    // 55 860. The balance: 135 000 − 54 000 = 81 000, recovering the 7 500
    // left: 73 500, 14 700, 88 200, 4 410 held, 83 790. Released a year on:
    // 2 940 + 4 410 = 7 350. In all 15 000 + 55 860 + 83 790 + 7 350 =
    // 162 000 = 135 000 × 1.2.
    const [, affair] = billingAffair();
    affair.add_billing_milestone(Aff.BillingMilestone.new('A', BK.ADVANCE, 1000, null));
    affair.add_billing_milestone(Aff.BillingMilestone.new('M-T1', BK.MILESTONE, 4000, 'T1'));
    affair.add_amendment(Aff.Amendment.new('AV-1', date(2026, 5, 1), money('10000.00 EUR'), 'Tubes supplémentaires'));
    affair.accept_amendment('AV-1', date(2026, 5, 2));
    let items = dueOn(affair, 2026, 4, 20);
    assertItem(items[0], 'A', BK.ADVANCE, '2026-04-20', ['12500.00 EUR', '0.00 EUR', '12500.00 EUR',
        '2500.00 EUR', '15000.00 EUR', '0.00 EUR', '15000.00 EUR']);
    invoiceFirst(affair, items, 'F-1', 2026, 4, 20);
    finish(affair, 'T1', [2026, 4, 20], [2026, 5, 4]);
    items = dueOn(affair, 2026, 5, 4);
    assertEqual(items.length, 1);
    assertItem(items[0], 'M-T1', BK.MILESTONE, '2026-05-04', ['54000.00 EUR', '5000.00 EUR', '49000.00 EUR',
        '9800.00 EUR', '58800.00 EUR', '2940.00 EUR', '55860.00 EUR']);
    invoiceFirst(affair, items, 'F-2', 2026, 5, 4);
    affair.record_acceptance(date(2026, 6, 15), false);
    items = dueOn(affair, 2026, 6, 15);
    assertEqual(items.length, 1);
    assertItem(items[0], 'solde', BK.FINAL, '2026-06-15', ['81000.00 EUR', '7500.00 EUR', '73500.00 EUR',
        '14700.00 EUR', '88200.00 EUR', '4410.00 EUR', '83790.00 EUR']);
    invoiceFirst(affair, items, 'F-3', 2026, 6, 15);
    items = dueOn(affair, 2027, 6, 15);
    assertEqual(items.length, 1);
    assertItem(items[0], 'retenue', BK.RETENTION_RELEASE, '2027-06-15', ['7350.00 EUR', '0.00 EUR',
        '7350.00 EUR', '0.00 EUR', '7350.00 EUR', '0.00 EUR', '7350.00 EUR']);
    // Billed (work): 54 000 + 81 000.
    assertMoney(statusOn(affair, 2027, 6, 15).get_billed(), '135000.00 EUR', 'billed');
});

test('an invoice by hand is work billed', () => {
    // An invoice recorded by hand (kind OTHER) is work billed, with VAT at
    // the affair's 20 %, nothing recovered or held.
    //
    // F-1 the advance, 37 500, on 20 April; F-H by hand, 10 000, on 25 April:
    // VAT 2 000, 12 000 to pay. T1 half done on 30 April. The situation of 30
    // April bills the situations only: 31 250; but the advance is recovered
    // on all the work billed, F-H included: 37 500 × (10 000 + 31 250) /
    // 125 000 = 12 375; 18 875 excluding VAT, 3 775 of VAT, 22 650, 1 132.50
    // held, 21 517.50. At the acceptance (15 June) the balance is 125 000 −
    // (10 000 + 31 250) = 83 750, recovering the 25 125 left: 58 625,
    // 11 725, 70 350, 3 517.50 held, 66 832.50. The release a year on:
    // 1 132.50 + 3 517.50 = 4 650. In all 45 000 + 12 000 + 21 517.50 +
    // 66 832.50 + 4 650 = 150 000.
    const [p, affair] = billingAffair();
    const journal = p.get_journal();
    invoiceFirst(affair, dueOn(affair, 2026, 4, 20), 'F-1', 2026, 4, 20);
    const n = journal.get_n_entries();
    assertTrue(affair.record_invoice('F-H', date(2026, 4, 25), money('10000.00 EUR')));
    const e = journal.get_entry(n);
    assertEqual(e.get_action(), 'invoice-recorded');
    // VAT 10 000 × 20 % = 2 000; payable 10 000 + 2 000
    assertEqual(['invoice', 'kind', 'milestone', 'date', 'amount', 'advance_recovered', 'vat', 'retention',
        'payable'].map(key => e.dup_detail(key)),
    ['F-H', 'other', null, '2026-04-25', '10000.00 EUR', '0.00 EUR', '2000.00 EUR', '0.00 EUR', '12000.00 EUR']);
    // Billed (work): F-H, not the advance; and it is no step of the schedule.
    assertMoney(statusOn(affair, 2026, 4, 25).get_billed(), '10000.00 EUR', 'billed 25 April');
    assertEqual(dueOn(affair, 2026, 4, 29), []);

    affair.record_progress('T1', date(2026, 4, 30), 5000);
    let items = dueOn(affair, 2026, 5, 4);
    assertEqual(items.length, 1);
    assertItem(items[0], 'situations', BK.SITUATION, '2026-04-30', ['31250.00 EUR', '12375.00 EUR',
        '18875.00 EUR', '3775.00 EUR', '22650.00 EUR', '1132.50 EUR', '21517.50 EUR']);
    invoiceFirst(affair, items, 'F-2', 2026, 5, 4);
    // 10 000 + 31 250
    assertMoney(statusOn(affair, 2026, 5, 4).get_billed(), '41250.00 EUR', 'billed 4 May');

    affair.record_acceptance(date(2026, 6, 15), false);
    // No progress since 30 April: the situation of 31 May is 31 250 − 31 250
    // = 0, not due.
    items = dueOn(affair, 2026, 6, 15);
    assertEqual(items.length, 1);
    assertItem(items[0], 'solde', BK.FINAL, '2026-06-15', ['83750.00 EUR', '25125.00 EUR', '58625.00 EUR',
        '11725.00 EUR', '70350.00 EUR', '3517.50 EUR', '66832.50 EUR']);
    invoiceFirst(affair, items, 'F-3', 2026, 6, 15);
    assertMoney(statusOn(affair, 2026, 6, 15).get_billed(), '125000.00 EUR', 'billed 15 June');
    items = dueOn(affair, 2027, 6, 15);
    assertEqual(items.length, 1);
    assertItem(items[0], 'retenue', BK.RETENTION_RELEASE, '2027-06-15', ['4650.00 EUR', '0.00 EUR',
        '4650.00 EUR', '0.00 EUR', '4650.00 EUR', '0.00 EUR', '4650.00 EUR']);

    // Late on 10 July 2026, none paid. Due dates, 45 days end of month: F-1
    // 20 April + 45 = 4 June → 30 June; F-H 25 April + 45 = 9 June → 30 June;
    // F-2 4 May + 45 = 18 June → 30 June; F-3 15 June + 45 = 30 July → 31
    // July, not yet due. 10 days late at 12.15 %: 45 000 × 0.1215 × 10 / 365
    // = 149.794… → 149.79; 12 000 → 39.945… → 39.95; 21 517.50 → 71.626… →
    // 71.63.
    const late = affair.list_late_payments(date(2026, 7, 10));
    assertEqual(late.map(l => l.get_invoice()), ['F-1', 'F-H', 'F-2']);
    assertLate(late[0], 'F-1', '2026-06-30', 10, '45000.00 EUR', '149.79 EUR');
    assertLate(late[1], 'F-H', '2026-06-30', 10, '12000.00 EUR', '39.95 EUR');
    assertLate(late[2], 'F-2', '2026-06-30', 10, '21517.50 EUR', '71.63 EUR');
});

test('an invoice by hand before the balance', () => {
    // F-1 the advance (37 500) on 20 April, F-H by hand, 25 000, on 30
    // April, no progress; accepted 15 June with a bank guarantee: the balance
    // is 125 000 − 25 000 = 100 000, recovering all the 37 500: 62 500, VAT
    // 12 500, 75 000, nothing held.
    const [, affair] = billingAffair();
    invoiceFirst(affair, dueOn(affair, 2026, 4, 20), 'F-1', 2026, 4, 20);
    affair.record_invoice('F-H', date(2026, 4, 30), money('25000.00 EUR'));
    affair.record_acceptance(date(2026, 6, 15), true);
    const items = dueOn(affair, 2026, 6, 15);
    assertEqual(items.length, 1);
    assertItem(items[0], 'solde', BK.FINAL, '2026-06-15', ['100000.00 EUR', '37500.00 EUR', '62500.00 EUR',
        '12500.00 EUR', '75000.00 EUR', '0.00 EUR', '75000.00 EUR']);
    // F-H: 25 000 + 5 000 of VAT, due 30 April + 45 = 14 June → 30 June; on
    // 10 July 30 000 × 0.1215 × 10 / 365 = 99.863… → 99.86.
    const late = affair.list_late_payments(date(2026, 7, 10));
    assertEqual(late.map(l => l.get_invoice()), ['F-1', 'F-H']);
    assertLate(late[1], 'F-H', '2026-06-30', 10, '30000.00 EUR', '99.86 EUR');
});

test('billing is journaled', () => {
    const [p, affair] = billingAffair();
    const journal = p.get_journal();
    const n = journal.get_n_entries();
    affair.add_billing_milestone(Aff.BillingMilestone.new('A', BK.ADVANCE, 1000, null));
    affair.add_billing_milestone(Aff.BillingMilestone.new('M-T1', BK.MILESTONE, 4000, 'T1'));
    // Refused: not journaled.
    assertThrows(() => affair.add_billing_milestone(Aff.BillingMilestone.new('A2', BK.ADVANCE, 1000, null)),
        E.INVALID_VALUE);
    // The advance, 10 % of 125 000: 12 500, VAT 2 500, 15 000.
    invoiceFirst(affair, dueOn(affair, 2026, 4, 20), 'F-1', 2026, 4, 20);
    affair.record_acceptance(date(2026, 6, 15), true);
    // The balance: 125 000 − 0 of work, recovering the 12 500: 112 500, VAT
    // 22 500, 135 000, nothing held (guarantee).
    const items = dueOn(affair, 2026, 6, 15);
    assertEqual(steps(items), ['solde']);
    invoiceFirst(affair, items, 'F-2', 2026, 6, 16);

    const entries = [];
    for (let i = n; i < journal.get_n_entries(); i++)
        entries.push(journal.get_entry(i));
    assertEqual(entries.map(e => e.get_action()), ['billing-milestone-added', 'billing-milestone-added',
        'invoice-recorded', 'acceptance-recorded', 'invoice-recorded']);
    for (const e of entries)
        assertEqual([e.get_entity_kind(), e.get_entity_id(), e.get_actor()], ['affair', AFFAIR, 'Claire Martin']);
    assertTrue(journal.verify());

    const details = (i, keys) => keys.map(key => entries[i].dup_detail(key));
    const MILESTONE = ['milestone', 'kind', 'basis_points', 'task'];
    const INVOICE = ['invoice', 'kind', 'milestone', 'date', 'amount', 'advance_recovered', 'vat', 'retention',
        'payable'];
    assertEqual(details(0, MILESTONE), ['A', 'advance', '1000', null]);
    assertEqual(details(1, MILESTONE), ['M-T1', 'milestone', '4000', 'T1']);
    assertEqual(details(2, INVOICE), ['F-1', 'advance', 'A', '2026-04-20', '12500.00 EUR', '0.00 EUR',
        '2500.00 EUR', '0.00 EUR', '15000.00 EUR']);
    assertEqual(details(3, ['date', 'bank_guarantee']), ['2026-06-15', 'true']);
    assertEqual(details(4, INVOICE), ['F-2', 'final', 'solde', '2026-06-16', '125000.00 EUR', '12500.00 EUR',
        '22500.00 EUR', '0.00 EUR', '135000.00 EUR']);
});

test('journaled invoice kinds', () => {
    // One invoice of each step of the C test's schedule, and one by hand.
    const [p, affair] = billingAffair();
    const journal = p.get_journal();
    const n = journal.get_n_entries();
    affair.record_acceptance(date(2026, 4, 20), false);
    affair.record_progress('T1', date(2026, 4, 30), 5000);
    // On 30 April: the advance, the situation of 30 April, the balance.
    let items = dueOn(affair, 2026, 4, 30);
    assertEqual(items.map(i => i.get_kind()), [BK.ADVANCE, BK.SITUATION, BK.FINAL]);
    items.forEach((item, k) => assertTrue(affair.invoice_billing_item(item, `F-${k + 1}`, date(2026, 4, 30))));
    affair.record_invoice('F-H', date(2026, 4, 30), money('1.00 EUR'));
    // The retention held on the situation and the balance, a year after the
    // acceptance.
    items = dueOn(affair, 2027, 4, 20);
    assertEqual(items.map(i => i.get_kind()), [BK.RETENTION_RELEASE]);
    affair.invoice_billing_item(items[0], 'F-R', date(2027, 4, 20));
    const journaled = [];
    for (let i = n; i < journal.get_n_entries(); i++) {
        const e = journal.get_entry(i);
        if (e.get_action() === 'invoice-recorded')
            journaled.push(['invoice', 'kind', 'milestone'].map(key => e.dup_detail(key)));
    }
    assertEqual(journaled, [['F-1', 'advance', 'acompte'], ['F-2', 'situation', 'situations'],
        ['F-3', 'final', 'solde'], ['F-H', 'other', null], ['F-R', 'retention-release', 'retenue']]);
});

test('billing survives to_data / new_from_data', () => {
    const [p, affair] = billingAffair();
    invoiceFirst(affair, dueOn(affair, 2026, 4, 20), 'F-1', 2026, 4, 20);
    affair.record_progress('T1', date(2026, 4, 30), 5000);
    affair.record_progress('T1', date(2026, 5, 4), 8000);
    invoiceFirst(affair, dueOn(affair, 2026, 5, 4), 'F-2', 2026, 5, 2);
    affair.record_progress('T2', date(2026, 5, 29), 5000);
    invoiceFirst(affair, dueOn(affair, 2026, 6, 3), 'F-3', 2026, 6, 3);
    affair.record_payment('F-1', date(2026, 6, 1), money('20000.00 EUR'));
    affair.record_acceptance(date(2026, 6, 15), false);

    const [text] = p.to_data();
    const finance = JSON.parse(text).affairs[0].finance;
    assertEqual(finance.billing, {acceptance: '2026-06-15', bank_guarantee: false, milestones: []});
    // The invoices of the billing schedule test, figures by hand there.
    assertEqual(finance.invoices, [
        {reference: 'F-1', kind: 'advance', milestone: 'acompte', date: '2026-04-20', amount: '37500.00 EUR',
            advance_recovered: '0.00 EUR', vat: '7500.00 EUR', retention: '0.00 EUR', payable: '45000.00 EUR'},
        {reference: 'F-2', kind: 'situation', milestone: 'situations', date: '2026-05-02', amount: '31250.00 EUR',
            advance_recovered: '9375.00 EUR', vat: '4375.00 EUR', retention: '1312.50 EUR',
            payable: '24937.50 EUR'},
        {reference: 'F-3', kind: 'situation', milestone: 'situations', date: '2026-06-03', amount: '50000.00 EUR',
            advance_recovered: '15000.00 EUR', vat: '7000.00 EUR', retention: '2100.00 EUR',
            payable: '39900.00 EUR'},
    ]);
    assertEqual(finance.payments, [{invoice: 'F-1', date: '2026-06-01', amount: '20000.00 EUR'}]);

    const q = Aff.Portfolio.new_from_data(text, -1);
    assertEqual(q.to_data()[0], text, 'the same bytes again');
    assertEqual(q.get_journal().get_head_hash(), p.get_journal().get_head_hash());
    assertTrue(q.get_journal().verify());
    const loaded = q.lookup_affair(AFFAIR);
    assertEqual(ids(loaded.list_billing_milestones()), ['acompte', 'situations', 'solde', 'retenue']);
    assertEqual(acceptanceOf(loaded), [true, '2026-06-15', false]);

    for (const owner of [affair, loaded]) {
        // Billed 31 250 + 50 000.
        assertMoney(statusOn(owner, 2026, 6, 15).get_billed(), '81250.00 EUR', 'billed');
        // The balance as in the schedule test: the invoices' amounts came
        // back (work 81 250, 24 375 recovered of 37 500).
        let items = dueOn(owner, 2026, 6, 15);
        assertEqual(items.length, 1);
        assertItem(items[0], 'solde', BK.FINAL, '2026-06-15', BALANCE_43750);
        invoiceFirst(owner, items, 'F-4', 2026, 6, 15);
        // The retention held: 1 312.50 + 2 100 + 1 837.50.
        items = dueOn(owner, 2027, 6, 15);
        assertEqual(items.length, 1);
        assertItem(items[0], 'retenue', BK.RETENTION_RELEASE, '2027-06-15', RELEASE_5250);
        // Late on 10 July: F-1, 45 000 − 20 000 = 25 000, 10 days: 83.22;
        // F-2 (2 May + 45 = 16 June → 30 June) 24 937.50 × 0.1215 × 10 / 365
        // = 83.011… → 83.01; F-3 (3 June + 45 = 18 July → 31 July) and F-4
        // (15 June + 45 = 30 July → 31 July) not yet.
        const late = owner.list_late_payments(date(2026, 7, 10));
        assertEqual(late.map(l => l.get_invoice()), ['F-1', 'F-2']);
        assertLate(late[0], 'F-1', '2026-06-30', 10, '25000.00 EUR', '83.22 EUR');
        assertLate(late[1], 'F-2', '2026-06-30', 10, '24937.50 EUR', '83.01 EUR');
    }
    // The loaded affair journals what it invoices.
    const last = q.get_journal().get_entry(q.get_journal().get_n_entries() - 1);
    assertEqual([last.get_action(), last.dup_detail('invoice'), last.dup_detail('payable')],
        ['invoice-recorded', 'F-4', '34912.50 EUR']);
    assertTrue(q.get_journal().verify());
});

test('an own schedule and a bank guarantee survive to_data / new_from_data', () => {
    const [p, affair] = billingAffair();
    affair.add_billing_milestone(Aff.BillingMilestone.new('A', BK.ADVANCE, 1000, null));
    affair.add_billing_milestone(Aff.BillingMilestone.new('M-T1', BK.MILESTONE, 4000, 'T1'));
    invoiceFirst(affair, dueOn(affair, 2026, 4, 20), 'F-1', 2026, 4, 20);
    finish(affair, 'T1', [2026, 4, 20], [2026, 5, 4]);
    invoiceFirst(affair, dueOn(affair, 2026, 5, 4), 'F-2', 2026, 5, 4);
    affair.record_acceptance(date(2026, 6, 15), true);

    const [text] = p.to_data();
    const finance = JSON.parse(text).affairs[0].finance;
    assertEqual(finance.billing, {
        acceptance: '2026-06-15', bank_guarantee: true,
        milestones: [{id: 'A', kind: 'advance', basis_points: 1000},
            {id: 'M-T1', kind: 'milestone', basis_points: 4000, task: 'T1'}],
    });
    // 12 500 / VAT 2 500 / 15 000; 50 000 recovering 5 000, VAT 9 000, 2 700
    // held, 51 300.
    assertEqual(finance.invoices, [
        {reference: 'F-1', kind: 'advance', milestone: 'A', date: '2026-04-20', amount: '12500.00 EUR',
            advance_recovered: '0.00 EUR', vat: '2500.00 EUR', retention: '0.00 EUR', payable: '15000.00 EUR'},
        {reference: 'F-2', kind: 'milestone', milestone: 'M-T1', date: '2026-05-04', amount: '50000.00 EUR',
            advance_recovered: '5000.00 EUR', vat: '9000.00 EUR', retention: '2700.00 EUR',
            payable: '51300.00 EUR'},
    ]);

    const q = Aff.Portfolio.new_from_data(text, -1);
    assertEqual(q.to_data()[0], text, 'the same bytes again');
    const loaded = q.lookup_affair(AFFAIR);
    const schedule = loaded.list_billing_milestones();
    assertEqual(ids(schedule), ['A', 'M-T1', 'solde', 'retenue']);
    assertEqual([schedule[1].get_kind(), schedule[1].get_basis_points(), schedule[1].get_task_id()],
        [BK.MILESTONE, 4000, 'T1']);
    assertEqual(acceptanceOf(loaded), [true, '2026-06-15', true]);
    for (const owner of [affair, loaded]) {
        // 75 000, recovering 7 500: 67 500, 13 500, 81 000, nothing held;
        // and the 2 700 held before the guarantee, freed at the acceptance.
        const items = dueOn(owner, 2027, 6, 15);
        assertEqual(steps(items), ['solde', 'retenue']);
        assertItem(items[0], 'solde', BK.FINAL, '2026-06-15', ['75000.00 EUR', '7500.00 EUR', '67500.00 EUR',
            '13500.00 EUR', '81000.00 EUR', '0.00 EUR', '81000.00 EUR']);
    }
    // The loaded affair still refuses a second advance.
    assertThrows(() => loaded.add_billing_milestone(Aff.BillingMilestone.new('A2', BK.ADVANCE, 1000, null)),
        E.INVALID_VALUE);
});

test('billing reasons in the policy language', () => {
    // The items of "advance, situation and balance due together": the
    // advance (30 % of 125 000.00), the situation of 31 May (50 000.00 in
    // all, 0.00 billed before) and the balance (125 000.00, 0.00 billed).
    const [p, affair] = billingAffair();
    affair.record_progress('T1', date(2026, 5, 4), 8000);
    affair.record_acceptance(date(2026, 6, 15), false);
    const reasons = () => dueOn(affair, 2026, 6, 15).map(i => i.get_reason());
    assertEqual(p.get_policy().get_language(), 'fr');
    const french = reasons();
    assertEqual(french.length, 3);
    assertTrue(p.get_policy().set_language('en'));
    const english = reasons();
    assertEqual(english.length, 3);
    const words = [['acompte', 'advance'], ['situation', 'progress'], ['solde', 'balance']];
    words.forEach(([fr, en], i) => {
        assertTrue(french[i] !== english[i], `reason ${i} translated`);
        assertTrue(french[i].toLowerCase().includes(fr), `"${french[i]}" says ${fr}`);
        assertFalse(english[i].toLowerCase().includes(fr), `"${english[i]}" does not say ${fr}`);
        assertTrue(english[i].toLowerCase().includes(en), `"${english[i]}" says ${en}`);
        for (const [reason, price] of [[french[i], '125\u202f000,00\u00a0€'], [english[i], '€125,000.00']])
            assertTrue(reason.includes(price), `"${reason}" gives the price`);
    });
    for (const [list, cumulative] of [[french, '50\u202f000,00\u00a0€'], [english, '€50,000.00']]) {
        assertTrue(list[0].includes('30'), `"${list[0]}" gives the rate`);
        assertTrue(list[1].includes(cumulative), `"${list[1]}" gives the cumulative situation`);
    }
    // 40 % of 125 000 is 50 000 in all, nothing billed in situations before;
    // the month end written as each language writes dates.
    assertEqual(french[1], 'Situation au 31 mai 2026 : avancement 40,00 % de 125\u202f000,00\u00a0€, ' +
        'soit 50\u202f000,00\u00a0€ cumulés, moins 0,00\u00a0€ déjà facturés en situations');
    assertEqual(english[1], 'Progress invoice at 31 May 2026: 40.00 % done of €125,000.00, €50,000.00 in all, ' +
        'less €0.00 already billed in progress invoices');
    // Back to French.
    p.get_policy().set_language('fr');
    assertEqual(reasons(), french);
});

test('milestone and release reasons', () => {
    // A milestone of 40 % on T1 alone (no advance): 50 000, VAT 10 000,
    // 60 000, 3 000 held, 57 000; its reason names its task. Then the
    // balance at the acceptance, 75 000 + 15 000 of VAT = 90 000, 4 500
    // held; the release a year on of 3 000 + 4 500 = 7 500 names what it
    // releases.
    const [p, affair] = billingAffair();
    affair.add_billing_milestone(Aff.BillingMilestone.new('M-T1', BK.MILESTONE, 4000, 'T1'));
    finish(affair, 'T1', [2026, 4, 20], [2026, 5, 4]);
    let items = dueOn(affair, 2026, 5, 4);
    assertItem(items[0], 'M-T1', BK.MILESTONE, '2026-05-04', ['50000.00 EUR', '0.00 EUR', '50000.00 EUR',
        '10000.00 EUR', '60000.00 EUR', '3000.00 EUR', '57000.00 EUR']);
    const frenchMilestone = items[0].get_reason();
    assertTrue(frenchMilestone.includes('T1') && frenchMilestone.includes('125\u202f000,00\u00a0€'), frenchMilestone);
    invoiceFirst(affair, items, 'F-1', 2026, 5, 4);
    affair.record_acceptance(date(2026, 6, 15), false);
    invoiceFirst(affair, dueOn(affair, 2026, 6, 15), 'F-2', 2026, 6, 15);
    items = dueOn(affair, 2027, 6, 15);
    assertItem(items[0], 'retenue', BK.RETENTION_RELEASE, '2027-06-15', ['7500.00 EUR', '0.00 EUR',
        '7500.00 EUR', '0.00 EUR', '7500.00 EUR', '0.00 EUR', '7500.00 EUR']);
    const frenchRelease = items[0].get_reason();
    p.get_policy().set_language('en');
    const englishRelease = dueOn(affair, 2027, 6, 15)[0].get_reason();
    assertTrue(frenchRelease.toLowerCase().includes('retenue'), frenchRelease);
    assertTrue(englishRelease.toLowerCase().includes('retention'), englishRelease);
    assertTrue(frenchRelease !== englishRelease, 'translated');
    for (const [reason, amount] of [[frenchRelease, '7\u202f500,00\u00a0€'], [englishRelease, '€7,500.00']])
        assertTrue(reason.includes(amount), reason);
});

test('late and supplier payments', () => {
    const [, affair] = billingAffair();
    invoiceFirst(affair, dueOn(affair, 2026, 4, 20), 'F-1', 2026, 4, 20);
    // Due at 45 days end of month: 20 April + 45 days = 4 June → 30 June.
    assertEqual(affair.list_late_payments(date(2026, 6, 30)), []);
    // 10 days late on 10 July, 45 000 owed: 45 000 × 12.15 % × 10 / 365 =
    // 149.794… → 149.79, and 40 euros.
    let late = affair.list_late_payments(date(2026, 7, 10));
    assertEqual(late.length, 1);
    assertLate(late[0], 'F-1', '2026-06-30', 10, '45000.00 EUR', '149.79 EUR', '40.00 EUR');
    // The first day late, 1 July: 45 000 × 12.15 % / 365 = 14.979… → 14.98.
    assertLate(affair.list_late_payments(date(2026, 7, 1))[0], 'F-1', '2026-06-30', 1, '45000.00 EUR',
        '14.98 EUR');
    // 20 000 paid on 1 June: 25 000 owed, 25 000 × 12.15 % × 10 / 365 =
    // 83.219… → 83.22.
    assertTrue(affair.record_payment('F-1', date(2026, 6, 1), money('20000.00 EUR')));
    late = affair.list_late_payments(date(2026, 7, 10));
    assertEqual(late.length, 1);
    assertMoney(late[0].get_outstanding(), '25000.00 EUR', 'outstanding');
    assertMoney(late[0].get_interest(), '83.22 EUR', 'interest');
    // The rest paid on 11 July: late on the 10th, not on the 11th.
    affair.record_payment('F-1', date(2026, 7, 11), money('25000.00 EUR'));
    assertEqual(affair.list_late_payments(date(2026, 7, 10)).length, 1);
    assertEqual(affair.list_late_payments(date(2026, 7, 11)), []);

    // PO-7 (52 000 of material for T2) is invoiced 20 000 on 11 May; T2 is
    // accepted (finished) on 20 May: 32 000 to pay the supplier.
    recordTextbook(affair);
    finish(affair, 'T2', [2026, 5, 5], [2026, 5, 20]);
    const suppliers = affair.list_supplier_payments_due(date(2026, 5, 20));
    assertEqual(suppliers.length, 1);
    assertSupplier(suppliers[0], 'PO-7', null, 'T2', '2026-05-20', '32000.00 EUR');
    assertEqual(affair.list_supplier_payments_due(date(2026, 5, 19)), []);
    // The textbook's F-2026-001 (37 500 by hand, 45 000 with VAT, due 30
    // April + 45 = 14 June → 30 June) was paid 45 000 on 4 May: not late.
    assertEqual(affair.list_late_payments(date(2026, 7, 10)).map(l => l.get_invoice()), ['F-1']);
});

test('other payment terms', () => {
    // F-1, the advance of 45 000 with VAT, invoiced 20 April, at 60 days
    // net: due 20 April + 60 = 19 June; on 29 June 10 days late: 45 000 ×
    // 12.15 % × 10 / 365 = 149.79.
    const [, affair] = billingAffair([60, false]);
    invoiceFirst(affair, dueOn(affair, 2026, 4, 20), 'F-1', 2026, 4, 20);
    assertEqual(affair.list_late_payments(date(2026, 6, 19)), []);
    assertLate(affair.list_late_payments(date(2026, 6, 29))[0], 'F-1', '2026-06-19', 10, '45000.00 EUR',
        '149.79 EUR');
});

// docs/rules.md: "Due date: invoice date + payment days (30 when 0), then,
// for "end of month" terms, the last day of that month."
test('0 days end of month', () => {
    // 0 days end of month: 20 April + 30 days = 20 May, then the end of that
    // month, 31 May; on 1 June 1 day late: 45 000 × 12.15 % × 1 / 365 =
    // 14.979… → 14.98.
    const [, affair] = billingAffair([0, true]);
    assertEqual([affair.get_payment_days(), affair.get_payment_end_of_month()], [0, true]);
    invoiceFirst(affair, dueOn(affair, 2026, 4, 20), 'F-1', 2026, 4, 20);
    assertEqual(affair.list_late_payments(date(2026, 5, 31)), [], 'not late on 31 May');
    const late = affair.list_late_payments(date(2026, 6, 1));
    assertEqual(late.length, 1);
    assertLate(late[0], 'F-1', '2026-05-31', 1, '45000.00 EUR', '14.98 EUR');
});

test('late interest rate of the policy', () => {
    // The default, ECB 2.15 % + 10 points.
    assertEqual(Aff.Policy.new().get_late_interest_rate(), 1215);
    const [p, affair] = billingAffair();
    const policy = p.get_policy();
    assertEqual(policy.get_late_interest_rate(), 1215);
    assertEqual(policy.late_interest_rate, 1215);
    invoiceFirst(affair, dueOn(affair, 2026, 4, 20), 'F-1', 2026, 4, 20);
    const journal = p.get_journal();
    const n = journal.get_n_entries();
    policy.set_late_interest_rate(1000);
    assertEqual(policy.get_late_interest_rate(), 1000);
    assertEqual(journal.get_n_entries(), n + 1);
    const e = journal.get_entry(n);
    assertEqual([e.get_entity_kind(), e.get_action(), e.get_details()],
        ['policy', 'changed', '{"property":"late-interest-rate","value":1000}']);
    // 45 000 × 10 % × 10 / 365 = 123.287… → 123.29.
    assertMoney(affair.list_late_payments(date(2026, 7, 10))[0].get_interest(), '123.29 EUR', 'at 10 %');
    // No interest at 0, the indemnity still.
    policy.late_interest_rate = 0;
    const late = affair.list_late_payments(date(2026, 7, 10))[0];
    assertMoney(late.get_interest(), '0.00 EUR', 'at 0');
    assertMoney(late.get_indemnity(), '40.00 EUR', 'indemnity');
    // Saved and loaded with the policy.
    policy.set_late_interest_rate(1000);
    const [text] = p.to_data();
    assertEqual(JSON.parse(text).policy.late_interest_rate, 1000);
    const q = Aff.Portfolio.new_from_data(text, -1);
    assertEqual(q.get_policy().get_late_interest_rate(), 1000);
    assertMoney(q.lookup_affair(AFFAIR).list_late_payments(date(2026, 7, 10))[0].get_interest(), '123.29 EUR',
        'loaded');
});

test('supplier payments in the order of the ledger', () => {
    // PO-1: 3 000 of T1's material from Inox SA on 22 April, 1 000 invoiced
    // on 5 May (FA-1); PO-7: 52 000 for T2 on 28 April, 20 000 invoiced on
    // 11 May (FA-991); PO-9: 1 000 for the whole affair (no task); PO-3: 500
    // for T1 on 25 May. T1 finished on 4 May, T2 on 20 May.
    const [, affair] = billingAffair();
    const ledger = affair.get_ledger();
    const entry = Aff.CostEntry.new(date(2026, 4, 22), 'T1', C.MATERIAL, St.COMMITTED, money('3000.00 EUR'));
    entry.set_document('PO-1');
    entry.set_supplier('Inox SA');
    assertTrue(ledger.add(entry));
    cost(ledger, date(2026, 4, 28), 'T2', C.MATERIAL, St.COMMITTED, '52000.00 EUR', 'PO-7');
    cost(ledger, date(2026, 4, 29), null, C.MATERIAL, St.COMMITTED, '1000.00 EUR', 'PO-9');
    cost(ledger, date(2026, 5, 5), 'T1', C.MATERIAL, St.ACTUAL, '1000.00 EUR', 'FA-1', 'PO-1');
    cost(ledger, date(2026, 5, 11), 'T2', C.MATERIAL, St.ACTUAL, '20000.00 EUR', 'FA-991', 'PO-7');
    cost(ledger, date(2026, 5, 25), 'T1', C.MATERIAL, St.COMMITTED, '500.00 EUR', 'PO-3');
    // Nothing finished yet.
    assertEqual(affair.list_supplier_payments_due(date(2026, 12, 31)), []);
    finish(affair, 'T1', [2026, 4, 20], [2026, 5, 4]);
    finish(affair, 'T2', [2026, 5, 5], [2026, 5, 20]);
    assertEqual(affair.list_supplier_payments_due(date(2026, 5, 3)), []);
    // 4 May: PO-1 whole, FA-1 comes on the 5th.
    let due = affair.list_supplier_payments_due(date(2026, 5, 4));
    assertEqual(due.length, 1);
    assertSupplier(due[0], 'PO-1', 'Inox SA', 'T1', '2026-05-04', '3000.00 EUR');
    // 5 May: 3 000 − 1 000.
    assertSupplier(affair.list_supplier_payments_due(date(2026, 5, 5))[0], 'PO-1', 'Inox SA', 'T1',
        '2026-05-04', '2000.00 EUR');
    // 20 May: PO-1, then PO-7 52 000 − 20 000; PO-9 has no task.
    due = affair.list_supplier_payments_due(date(2026, 5, 20));
    assertEqual(due.map(d => d.get_document()), ['PO-1', 'PO-7']);
    assertSupplier(due[1], 'PO-7', null, 'T2', '2026-05-20', '32000.00 EUR');
    // 25 May: PO-3 too, ordered after T1's finish.
    due = affair.list_supplier_payments_due(date(2026, 5, 25));
    assertEqual(due.map(d => [d.get_document(), d.get_amount().to_string()]),
        [['PO-1', '2000.00 EUR'], ['PO-7', '32000.00 EUR'], ['PO-3', '500.00 EUR']]);
    // PO-7 settled in full on 26 May: 20 000 + 32 000.
    cost(ledger, date(2026, 5, 26), 'T2', C.MATERIAL, St.ACTUAL, '32000.00 EUR', 'FA-992', 'PO-7');
    due = affair.list_supplier_payments_due(date(2026, 5, 26));
    assertEqual(due.map(d => d.get_document()), ['PO-1', 'PO-3']);
    // A copy outlives its list.
    const copy = due[1].copy();
    due = null;
    System.gc();
    assertSupplier(copy, 'PO-3', null, 'T1', '2026-05-04', '500.00 EUR');
});

// --- close-out ----------------------------------------------------------------------
//
// tests/c/test-finance.c, carry_to_the_end and test_close_out, and the rules of
// docs/rules.md, "Close-out". The affair has the billing terms above (30 %
// advance, monthly situations, 5 % retention, VAT 20 %).

// The affair carried to its end: T1 20 April – 4 May and T2 5 – 20 May done;
// 45 000 of labour; PO-7 (52 000) invoiced 20 000 on 11 May and 32 000 on 25
// May; the advance invoiced at the signature and, all the work done by 31
// May, one situation of 125 000 (EV / BAC = 100 %) recovering the whole
// advance, 37 500 × 125 000 / 125 000: 87 500, 17 500 of VAT (20 %), 105 000,
// 5 250 held (5 %), 99 750 to pay.
function carryToTheEnd(affair) {
    const ledger = affair.get_ledger();
    cost(ledger, date(2026, 4, 28), 'T2', C.MATERIAL, St.COMMITTED, '52000.00 EUR', 'PO-7');
    cost(ledger, date(2026, 5, 4), 'T1', C.LABOUR, St.ACTUAL, '45000.00 EUR', 'TS-18');
    cost(ledger, date(2026, 5, 11), 'T2', C.MATERIAL, St.ACTUAL, '20000.00 EUR', 'FA-991', 'PO-7');
    cost(ledger, date(2026, 5, 25), 'T2', C.MATERIAL, St.ACTUAL, '32000.00 EUR', 'FA-1002', 'PO-7');
    affair.record_progress('T1', date(2026, 5, 4), 10000);
    affair.record_progress('T2', date(2026, 5, 20), 10000);
    finish(affair, 'T1', [2026, 4, 20], [2026, 5, 4]);
    finish(affair, 'T2', [2026, 5, 5], [2026, 5, 20]);
    invoiceFirst(affair, dueOn(affair, 2026, 4, 20), 'F-1', 2026, 4, 20);
    const items = dueOn(affair, 2026, 6, 1);
    assertEqual(items.length, 1, 'one situation due on 1 June');
    assertItem(items[0], 'situations', BK.SITUATION, '2026-05-31', ['125000.00 EUR', '37500.00 EUR',
        '87500.00 EUR', '17500.00 EUR', '105000.00 EUR', '5250.00 EUR', '99750.00 EUR']);
    invoiceFirst(affair, items, 'F-2', 2026, 6, 1);
}

// The REX drawn up on `on`, one good practice learned, and validated on `on`:
// the close-out's last condition.
function validateRex(affair, on) {
    const rex = affair.create_rex(on);
    rex.add_good_practice('Commander les tubes dès la signature');
    rex.validate(on);
    return rex;
}

function carriedAffair() {
    const [p, affair] = billingAffair();
    carryToTheEnd(affair);
    return [p, affair];
}

const DRIFT_BLOCKER = 'Dérive sans action corrective : ';
const NOT_ACCEPTED = 'Les travaux ne sont pas réceptionnés';
const NO_REX = "Le retour d'expérience n'est pas validé";
const CSV_TRAVEL = encoder.encode('date,category,state,amount\n2026-07-01,travel,actual,1\n');
const FOUR_ON_15_MAY = [[DK.COST_PERFORMANCE, null], [DK.SCHEDULE_PERFORMANCE, null], [DK.MARGIN_EROSION, null],
    [DK.CONCORDANCE, null]];

// On 15 May: T2 runs (its actual finish is 20 May), the work is not accepted,
// PO-7 has 52 000 − 20 000 = 32 000 open, four drifts have no corrective
// action, and no REX is validated. No invoice is due: the advance is invoiced, the situation of 30
// April is worth 125 000 × 0 / 100 000 (no progress recorded by then) and the
// balance waits for the acceptance.
test('close blockers on 15 May', () => {
    const [p, affair] = carriedAffair();
    const may15 = date(2026, 5, 15);
    // PV: T1 all planned (50 000), T2 7 of its 10 working days (5, 6, 7, 11,
    // 12, 13, 15 May): 35 000. EV: T1 100 % of 50 000, T2 nothing recorded
    // yet. AC 45 000 + 20 000. EAC 100 000 × 65 000 / 50 000 = 130 000;
    // + 5 000 of contingency: margin 125 000 − 135 000 = −10 000, −800 bp.
    const s = statusOn(affair, 2026, 5, 15);
    assertFigures(s, [
        ['pv', '85000.00 EUR'],
        ['ev', '50000.00 EUR'],
        ['ac', '65000.00 EUR'],
        ['eac', '130000.00 EUR'],
        ['margin_at_completion', '-10000.00 EUR'],
        ['open_commitments', '32000.00 EUR'],
    ]);
    assertEqual(s.get_margin_rate(), [true, -800], 'margin rate −10 000 / 125 000');
    // CPI 50 000 / 65 000 = 0.769 < 0.95; SPI 50 000 / 85 000 = 0.588 < 0.9;
    // margin −8 % − 16 % = −24 points, beyond 2; progress 0.5 (EV / BAC),
    // 0.5 (65 000 / 130 000) and 0 (nothing billed but the advance, which is
    // not work): a gap of 0.5, beyond 10 points; T1's labour 45 000 of 50 000
    // and T2's material 20 000 of 50 000 overrun nothing.
    const drifts = affair.list_drifts(may15);
    assertEqual(kinds(drifts), FOUR_ON_15_MAY);
    assertDrift(drifts[0], DK.COST_PERFORMANCE, null, 50000 / 65000);
    assertDrift(drifts[1], DK.SCHEDULE_PERFORMANCE, null, 50000 / 85000);
    assertDrift(drifts[2], DK.MARGIN_EROSION, null, -24);
    assertDrift(drifts[3], DK.CONCORDANCE, null, 0.5);

    let blockers = affair.list_close_blockers(may15);
    assertTrue(Array.isArray(blockers), 'the blockers are a list');
    assertEqual(blockers.length, 8);
    assertEqual(blockers.slice(0, 3), ["La tâche T2 n'est pas terminée", NOT_ACCEPTED,
        'Engagements non soldés : 32\u202f000,00\u00a0€']);
    assertEqual(blockers.slice(3, 7), drifts.map(d => DRIFT_BLOCKER + d.get_message()));
    assertEqual(blockers[7], NO_REX);
    // Listing journals nothing; close names every blocker, "; " between them.
    const journal = p.get_journal();
    const n = journal.get_n_entries();
    const e = assertThrows(() => affair.close(may15), E.CLOSE_BLOCKED);
    assertTrue(e.message.includes(blockers.join('; ')), e.message);
    assertFalse(affair.is_closed());
    assertEqual(journal.get_n_entries(), n, 'a refused close journals nothing');

    // A drift answered no longer blocks: the CPI answered on 15 May.
    affair.record_corrective_action(answer({on: [2026, 5, 15], effect: '0.00 EUR'}));
    blockers = affair.list_close_blockers(may15);
    assertEqual(blockers.length, 7);
    assertEqual(blockers.slice(3, 6), drifts.slice(1).map(d => DRIFT_BLOCKER + d.get_message()));
    assertEqual(blockers[6], NO_REX);
});

// On 20 April, the signature, nothing done: T1 and T2 unfinished, no
// acceptance, the advance (30 % of 125 000 = 37 500 excluding VAT) to invoice,
// no commitment, and one drift: SPI 0 / 5 000 (T1 planned 1 of its 10 days:
// 50 000 / 10), while the CPI is undefined (AC 0), the margin is the offer's
// (EAC by AC + BAC − EV = 100 000, + 5 000: 20 000, 16 %) and the three
// progress figures are 0; and no REX is validated.
test('an invoice to send blocks the close-out', () => {
    const [, affair] = billingAffair();
    const blockers = affair.list_close_blockers(date(2026, 4, 20));
    assertEqual(blockers.length, 6);
    assertEqual(blockers.slice(0, 3), ["La tâche T1 n'est pas terminée", "La tâche T2 n'est pas terminée",
        NOT_ACCEPTED]);
    assertTrue(blockers[3].startsWith('Facture à émettre : acompte (37\u202f500,00\u00a0€'), blockers[3]);
    const drifts = affair.list_drifts(date(2026, 4, 20));
    assertEqual(kinds(drifts), [[DK.SCHEDULE_PERFORMANCE, null]]);
    assertDrift(drifts[0], DK.SCHEDULE_PERFORMANCE, null, 0);
    assertEqual(blockers[4], DRIFT_BLOCKER + drifts[0].get_message());
    assertEqual(blockers[5], NO_REX);
});

test('close blockers in English', () => {
    const [p, affair] = carriedAffair();
    const may15 = date(2026, 5, 15);
    const french = affair.list_close_blockers(may15);
    assertTrue(p.get_policy().set_language('en'));
    const english = affair.list_close_blockers(may15);
    const drifts = affair.list_drifts(may15);
    assertEqual(english.length, 8);
    english.forEach((en, i) => {
        assertTrue(en !== french[i], `blocker ${i} translated: ${en}`);
        for (const word of ['tâche', 'réceptionnés', 'soldés', 'Dérive', 'action corrective'])
            assertFalse(en.includes(word), `no "${word}" in ${en}`);
    });
    assertTrue(english[0].includes('T2'), english[0]);
    assertTrue(english[2].includes('€32,000.00'), english[2]);
    assertEqual(english[7], 'The REX is not validated');
    // Each drift blocker ends with the drift's own message, in English.
    drifts.forEach((d, i) => {
        assertTrue(d.get_message() !== '', 'a drift message');
        assertTrue(english[3 + i].endsWith(`: ${d.get_message()}`), english[3 + i]);
    });
    // The acceptance and the REX alone on 15 June.
    assertEqual(affair.list_close_blockers(date(2026, 6, 15)), [english[1], english[7]]);
    p.get_policy().set_language('fr');
    assertEqual(affair.list_close_blockers(may15), french);
});

test('close-out', () => {
    const [p, affair] = carriedAffair();
    const journal = p.get_journal();
    const jun15 = date(2026, 6, 15);
    const jul1 = date(2026, 7, 1);

    // On 15 June everything is done and billed but the acceptance and the
    // REX: the tasks finished by 20 May; no invoice due (the situation of 31 May is
    // invoiced, F-2; the balance waits for the acceptance); PO-7 settled,
    // 52 000 − 20 000 − 32 000 = 0; no drift: EV 100 000, PV 100 000, AC
    // 97 000, CPI 1.031, SPI 1, EAC 97 000, margin 125 000 − 102 000 =
    // 23 000, 18.4 % (above 16 %), progress 1, 1 and 1, T2's material 52 000
    // within 110 % of 50 000.
    assertEqual(affair.list_close_blockers(jun15), [NOT_ACCEPTED, NO_REX]);
    assertThrows(() => affair.close(jun15), E.CLOSE_BLOCKED, NOT_ACCEPTED);
    assertTrue(affair.record_acceptance(jun15, false));
    // The balance, 125 000 − 125 000 invoiced, is nothing; the release of the
    // retention comes a year later and never blocks; the REX, drawn up on 15
    // June, blocks until it is validated.
    const rex = affair.create_rex(jun15);
    assertTrue(rex instanceof Aff.Rex, 'an Aff.Rex');
    assertEqual(affair.list_close_blockers(jun15), [NO_REX]);
    assertTrue(rex.add_good_practice('Commander les tubes dès la signature'));
    assertTrue(rex.validate(jun15));
    assertEqual(affair.list_close_blockers(jun15), []);
    assertFalse(affair.is_closed());
    assertEqual(affair.get_final_margin(), null);
    assertFalse(affair.get_closed_date()[0], 'no closed date yet');

    let n = journal.get_n_entries();
    assertTrue(affair.close(jun15));
    assertTrue(affair.is_closed());
    const [closed, on] = affair.get_closed_date();
    assertTrue(closed);
    assertEqual(iso(on), '2026-06-15');
    // The revenue at completion, 125 000, less the actual cost on 15 June,
    // 45 000 + 20 000 + 32 000 = 97 000.
    assertMoney(affair.get_final_margin(), '28000.00 EUR', 'final margin');

    assertEqual(journal.get_n_entries(), n + 1, 'one entry');
    const last = journal.get_entry(journal.get_n_entries() - 1);
    assertEqual([last.get_action(), last.get_entity_kind(), last.get_entity_id(), last.get_actor()],
        ['affair-closed', 'affair', AFFAIR, 'Claire Martin']);
    assertEqual(last.dup_detail('date'), '2026-06-15');
    assertEqual(last.dup_detail('final_margin'), '28000.00 EUR');
    assertTrue(journal.verify(), 'journal verifies');

    // Read-only, but for the payments and the release of the retention.
    n = journal.get_n_entries();
    const ledger = affair.get_ledger();
    assertThrows(() => affair.close(jul1), E.CLOSED);
    assertThrows(() => affair.record_progress('T1', jul1, 5000), E.CLOSED);
    assertThrows(() => affair.record_remaining('T1', jul1, money('1.00 EUR')), E.CLOSED);
    assertThrows(() => affair.record_invoice('F-9', jul1, money('45000.00 EUR')), E.CLOSED);
    assertThrows(() => ledger.import_csv(CSV_TRAVEL), E.CLOSED);
    assertThrows(() => ledger.add(Aff.CostEntry.new(jul1, null, C.TRAVEL, St.ACTUAL, money('1.00 EUR'))),
        E.CLOSED);
    assertThrows(() => affair.add_billing_milestone(Aff.BillingMilestone.new('M', BK.MILESTONE, 100, 'T1')),
        E.CLOSED);
    assertThrows(() => affair.add_amendment(Aff.Amendment.new('AV-1', jul1, money('1000.00 EUR'), 'Après coup')),
        E.CLOSED);
    assertThrows(() => affair.record_corrective_action(answer({on: [2026, 7, 1], due: [2026, 7, 31]})),
        E.CLOSED);
    // The plan is frozen with the rest.
    const plan = affair.get_plan();
    const nTasks = plan.get_n_items();
    assertThrows(() => plan.add_task(Aff.Task.new('T9', 'Extra work', 2)), E.CLOSED);
    assertThrows(() => plan.remove_task('T1'), E.CLOSED);
    assertThrows(() => plan.save_baseline('after'), E.CLOSED);
    assertThrows(() => plan.finish_task('T1', jul1), E.CLOSED);
    assertEqual(plan.get_n_items(), nTasks, 'no task added or removed');
    assertEqual(ledger.get_n_entries(), 4, 'nothing added to the ledger');
    assertEqual(affair.list_amendments(), []);
    assertEqual(affair.list_corrective_actions(), []);
    assertEqual(journal.get_n_entries(), n, 'nothing journaled');

    // The advance, 45 000 with VAT, paid on 1 July.
    assertTrue(affair.record_payment('F-1', jul1, money('45000.00 EUR')));
    assertEqual(journal.get_entry(journal.get_n_entries() - 1).get_action(), 'payment-recorded');
    // The 5 250 held on F-2, released a year after the acceptance.
    const items = dueOn(affair, 2027, 6, 15);
    assertEqual(items.length, 1);
    assertItem(items[0], 'retenue', BK.RETENTION_RELEASE, '2027-06-15', RELEASE_5250);
    invoiceFirst(affair, items, 'F-3', 2027, 6, 15);
    assertEqual(dueOn(affair, 2027, 6, 15), []);
    assertTrue(affair.is_closed());
    assertMoney(affair.get_final_margin(), '28000.00 EUR', 'final margin unchanged');
    assertTrue(journal.verify(), 'journal verifies');
});

test('the close-out survives to_data / new_from_data', () => {
    const [p, affair] = carriedAffair();
    const jun15 = date(2026, 6, 15);
    const jul1 = date(2026, 7, 1);
    affair.record_acceptance(jun15, false);
    validateRex(affair, jun15);
    affair.close(jun15);

    const [text] = p.to_data();
    const q = Aff.Portfolio.new_from_data(text, -1);
    assertEqual(q.to_data()[0], text, 'the same bytes again');
    assertTrue(q.get_journal().verify(), 'journal verifies');
    const loaded = q.lookup_affair(AFFAIR);
    assertTrue(loaded !== null && loaded !== affair, 'the affair is loaded');
    assertTrue(loaded.is_closed());
    const [closed, on] = loaded.get_closed_date();
    assertEqual([closed, iso(on)], [true, '2026-06-15']);
    // 125 000 − 97 000
    assertMoney(loaded.get_final_margin(), '28000.00 EUR', 'loaded final margin');
    assertThrows(() => loaded.close(jul1), E.CLOSED);
    assertThrows(() => loaded.record_progress('T1', jul1, 5000), E.CLOSED);
    assertThrows(() => loaded.get_ledger().import_csv(CSV_TRAVEL), E.CLOSED);
    assertEqual(loaded.get_ledger().get_n_entries(), 4);
    // The loaded affair still takes the payments and the release.
    assertTrue(loaded.record_payment('F-1', jul1, money('45000.00 EUR')));
    const items = dueOn(loaded, 2027, 6, 15);
    assertEqual(steps(items), ['retenue']);
    assertMoney(items[0].get_payable(), '5250.00 EUR');

    // An open affair stays open through the document.
    const [p2] = carriedAffair();
    const open = Aff.Portfolio.new_from_data(p2.to_data()[0], -1).lookup_affair(AFFAIR);
    assertFalse(open.is_closed());
    assertEqual(open.get_final_margin(), null);
    assertFalse(open.get_closed_date()[0]);
});

// --- dashboard ----------------------------------------------------------------------
//
// tests/c/test-finance.c, add_second_affair and test_dashboard, and the rules
// of docs/rules.md, "Dashboard", on 4 May 2026:
//
// - OFF-1 is the textbook affair (recordTextbook, default terms: 30 days
//   net): revenue 125 000; cost at completion EAC 112 500 + 5 000 = 117 500;
//   margin 7 500, 600 bp (7 500 / 125 000); drift 7 500 − 20 000 = −12 500;
//   recognised (cost to cost) 125 000 × 45 000 / 117 500 = 47 872.340… →
//   47 872.34; backlog 125 000 − 47 872.34 = 77 127.66; FAE 47 872.34 −
//   37 500 = 10 372.34; PCA 0; billed 37 500; cash 45 000; F-2026-001 (due
//   30 April + 30 = 30 May) paid in full: nothing overdue; alerts: the CPI
//   (0.889 < 0.95), the SPI (0.8 < 0.9) and the margin (10 points below 16 %,
//   beyond 2) unanswered, the progress figures 0.4, 0.4 and 0.3 within 10
//   points: 3.
// - OFF-2 (client beta, activity boilermaking): 100 h of labour at 80.00 in
//   lot L1 sold 10 000.00, signed 22 April, without plan, costs or invoices:
//   BAC 8 000, nothing earned or spent, so EAC = AC + BAC − EV = 8 000 (the
//   CPI is undefined), no contingency: cost 8 000, margin 2 000 (2000 bp),
//   the offer's, drift 0; nothing recognised, backlog 10 000; no alert (CPI
//   and SPI undefined, the progress figures all 0).
// - Totals: 135 000, 125 500, 9 500 (9 500 / 135 000 = 7.037 % → 704 bp),
//   −12 500, 47 872.34, 77 127.66 + 10 000 = 87 127.66, 10 372.34, 0,
//   37 500, 45 000, 0; 3 alerts.

const dataDir = GLib.build_filenamev([GLib.getenv('G_TEST_SRCDIR'), 'data']);

function golden(name) {
    const [, bytes] = GLib.file_get_contents(GLib.build_filenamev([dataDir, 'golden', name]));
    return new TextDecoder().decode(bytes);
}

// Revenue, cost and margin at completion, margin drift, recognised revenue,
// backlog, FAE, PCA, billed, cash received, overdue.
const ROW_FIGURES = ['revenue_at_completion', 'cost_at_completion', 'margin_at_completion', 'margin_drift',
    'recognised_revenue', 'backlog', 'accrued_revenue', 'deferred_revenue', 'billed', 'cash_received', 'overdue'];
const OFF1_ROW = ['125000.00 EUR', '117500.00 EUR', '7500.00 EUR', '-12500.00 EUR', '47872.34 EUR',
    '77127.66 EUR', '10372.34 EUR', '0.00 EUR', '37500.00 EUR', '45000.00 EUR', '0.00 EUR'];
const OFF2_ROW = ['10000.00 EUR', '8000.00 EUR', '2000.00 EUR', '0.00 EUR', '0.00 EUR', '10000.00 EUR',
    '0.00 EUR', '0.00 EUR', '0.00 EUR', '0.00 EUR', '0.00 EUR'];
const TOTAL_ROW = ['135000.00 EUR', '125500.00 EUR', '9500.00 EUR', '-12500.00 EUR', '47872.34 EUR',
    '87127.66 EUR', '10372.34 EUR', '0.00 EUR', '37500.00 EUR', '45000.00 EUR', '0.00 EUR'];
const ZERO_ROW = ROW_FIGURES.map(() => '0.00 EUR');
const CSV_HEADER = 'affair,client,currency,revenue_at_completion,cost_at_completion,margin_at_completion,' +
    'margin_rate_bp,margin_drift,recognised_revenue,backlog,accrued_revenue,deferred_revenue,billed,' +
    'cash_received,overdue,alerts\r\n';

// OFF-2 of the C test: the client beta "Beta Chimie", consultation CONS-2 in
// boilermaking (received 2 March, qualified 3 March, evaluated 5 March and
// decided GO), 100 h of labour at 80.00 in lot L1, no overheads, sold
// 10 000.00, sent 2 April, signed 22 April.
function addSecondAffair(p) {
    p.add_client(Aff.Client.new('beta', 'Beta Chimie'));
    const k = Aff.Consultation.new('CONS-2', 'beta', 'Tuyauterie CONS-2', date(2026, 3, 2), date(2026, 4, 15));
    k.set_activities(['boilermaking']);
    p.add_consultation(k);
    k.start_qualification(date(2026, 3, 3), 'analysis');
    p.evaluate_consultation('CONS-2', date(2026, 3, 5));
    p.decide_consultation('CONS-2', Aff.BidVerdict.GO, 'Direction', 'client stratégique');
    const offer = Aff.Offer.new('OFF-2', 'CONS-2');
    p.add_offer(offer);
    const rev = offer.get_current_revision();
    const line = Aff.OfferLine.new(K.LABOUR, 'Chaudronnerie', '100', U.HOUR, money('80.00 EUR'));
    line.set_lot('L1');
    rev.add_line(line);
    for (const kind of [K.LABOUR, K.MATERIAL, K.EQUIPMENT, K.SUBCONTRACT, K.TRAVEL, K.OTHER])
        rev.set_overhead_rate(kind, 0);
    rev.set_selling_price(money('10000.00 EUR'));
    rev.set_validity(date(2026, 6, 30));
    offer.send(date(2026, 4, 2));
    offer.accept(date(2026, 4, 22), 'CT-2026-021');
    const affair = p.lookup_affair('OFF-2');
    assertTrue(affair !== null, 'OFF-2 exists');
    return affair;
}

function dashboardPortfolio() {
    const [p, off1] = newFinanceAffair();
    recordTextbook(off1);
    return [p, off1, addSecondAffair(p)];
}

// assert_row of the C test; rate null for an undefined margin rate.
function assertRow(row, key, label, nAffairs, figures, rate, alerts) {
    assertTrue(row instanceof Aff.DashboardRow, 'an Aff.DashboardRow');
    assertEqual([row.get_key(), row.get_label(), row.get_n_affairs()], [key, label, nAffairs], `row ${key}`);
    assertEqual(ROW_FIGURES.map(name => row[`get_${name}`]().to_string()), figures, `figures of ${key}`);
    if (rate === null)
        assertFalse(row.get_margin_rate()[0], `no margin rate for ${key}`);
    else
        assertEqual(row.get_margin_rate(), [true, rate], `margin rate of ${key}`);
    assertEqual(row.get_n_alerts(), alerts, `alerts of ${key}`);
}

function assertDashboard(dashboard) {
    assertTrue(dashboard instanceof Aff.Dashboard, 'an Aff.Dashboard');
    assertEqual(iso(dashboard.get_date()), '2026-05-04');
    let rows = dashboard.get_rows();
    assertEqual(rows.length, 2);
    assertRow(rows[0], 'OFF-1', 'ACME Industrie', 1, OFF1_ROW, 600, 3);
    assertRow(rows[1], 'OFF-2', 'Beta Chimie', 1, OFF2_ROW, 2000, 0);
    assertRow(dashboard.get_totals(), 'total', 'Total', 2, TOTAL_ROW, 704, 3);
    rows = dashboard.get_by_client();
    assertEqual(rows.length, 2);
    assertRow(rows[0], 'acme', 'ACME Industrie', 1, OFF1_ROW, 600, 3);
    assertRow(rows[1], 'beta', 'Beta Chimie', 1, OFF2_ROW, 2000, 0);
    rows = dashboard.get_by_activity();
    assertEqual(rows.length, 2);
    assertRow(rows[0], 'pipework', 'pipework', 1, OFF1_ROW, 600, 3);
    assertRow(rows[1], 'boilermaking', 'boilermaking', 1, OFF2_ROW, 2000, 0);
}

test('the statuses behind the dashboard rows', () => {
    const [, off1, off2] = dashboardPortfolio();
    const s = statusOn(off2, 2026, 5, 4);
    assertFigures(s, [['bac', '8000.00 EUR'], ['eac', '8000.00 EUR'], ['offer_margin', '2000.00 EUR']]);
    assertFalse(s.get_cpi()[0], 'OFF-2 has no CPI');
    assertEqual(s.get_eac_method(), M.ATYPICAL);
    assertEqual(off2.list_drifts(date(2026, 5, 4)), []);
    assertEqual(off1.list_late_payments(date(2026, 5, 4)), []);
    assertEqual(kinds(off1.list_drifts(date(2026, 5, 4))),
        [[DK.COST_PERFORMANCE, null], [DK.SCHEDULE_PERFORMANCE, null], [DK.MARGIN_EROSION, null]]);
});

test('dashboard', () => {
    const [p, off1] = dashboardPortfolio();
    const journal = p.get_journal();
    const n = journal.get_n_entries();
    let dashboard = p.compute_dashboard(date(2026, 5, 4));
    assertDashboard(dashboard);
    assertEqual(journal.get_n_entries(), n, 'computing journals nothing');

    // CPI 40 000 / 45 000 = 0.889 against 0.950; SPI 0.800 against 0.900;
    // the margin rate 6 % against 16 %: 10 points down, beyond 2.
    const alerts = dashboard.list_alerts();
    assertEqual(alerts, [
        'OFF-1 : CPI de 0,889, sous le seuil de 0,950',
        'OFF-1 : SPI de 0,800, sous le seuil de 0,900',
        "OFF-1 : Taux de marge à terminaison en baisse de 10,00 points sur l'offre, au-delà de 2,00",
    ]);
    // Each is "id : drift message".
    assertEqual(alerts, off1.list_drifts(date(2026, 5, 4)).map(d => `OFF-1 : ${d.get_message()}`));

    // The alerts of the rows add up, whichever way they are summed.
    const totals = dashboard.get_totals();
    assertEqual(totals.get_n_alerts(), alerts.length);
    const sum = (rows, f) => rows.reduce((acc, r) => acc + f(r), 0);
    for (const rows of [dashboard.get_rows(), dashboard.get_by_client(), dashboard.get_by_activity()]) {
        assertEqual(sum(rows, r => r.get_n_alerts()), totals.get_n_alerts(), 'alerts add up');
        assertEqual(sum(rows, r => r.get_n_affairs()), totals.get_n_affairs(), 'affairs add up');
    }

    const copy = dashboard.copy();
    dashboard = null;
    System.gc();
    assertDashboard(copy);
});

test('dashboard rows outlive the dashboard', () => {
    const [p] = dashboardPortfolio();
    let dashboard = p.compute_dashboard(date(2026, 5, 4));
    let rows = dashboard.get_rows();
    const totals = dashboard.get_totals();
    const byActivity = dashboard.get_by_activity();
    dashboard = null;
    System.gc();
    assertRow(rows[0], 'OFF-1', 'ACME Industrie', 1, OFF1_ROW, 600, 3);
    assertRow(totals, 'total', 'Total', 2, TOTAL_ROW, 704, 3);
    assertRow(byActivity[1], 'boilermaking', 'boilermaking', 1, OFF2_ROW, 2000, 0);
    const copy = rows[1].copy();
    rows = null;
    System.gc();
    assertRow(copy, 'OFF-2', 'Beta Chimie', 1, OFF2_ROW, 2000, 0);
});

test('dashboard golden files', () => {
    const [p] = dashboardPortfolio();
    const dashboard = p.compute_dashboard(date(2026, 5, 4));
    const F = Aff.DocumentFormat;
    assertEqual(dashboard.render(F.MARKDOWN), golden('dashboard-fr.md'), 'Markdown');
    assertEqual(dashboard.render(F.HTML), golden('dashboard-fr.html'), 'HTML');
    assertEqual(dashboard.to_csv(), golden('dashboard.csv'), 'CSV');
    assertEqual(dashboard.to_svg_margins(), golden('dashboard-margins.svg'), 'SVG');
    // The CSV by hand: CRLF, the header, a line per affair, the totals.
    const csv = dashboard.to_csv();
    assertTrue(csv.startsWith(CSV_HEADER), 'the CSV header');
    assertEqual(csv.split('\r\n')[3], 'total,Total,EUR,135000.00,125500.00,9500.00,704,-12500.00,47872.34,' +
        '87127.66,10372.34,0.00,37500.00,45000.00,0.00,3');
    // The alerts of the golden Markdown are those listed.
    const listed = golden('dashboard-fr.md').split('## Alertes\n')[1].split('\n')
        .filter(line => line.startsWith('- ')).map(line => line.slice(2));
    assertEqual(listed, dashboard.list_alerts());
});

test('dashboard of an empty portfolio', () => {
    const p = Aff.Portfolio.new();
    assertEqual(p.get_policy().get_currency(), 'EUR');
    const dashboard = p.compute_dashboard(date(2026, 5, 4));
    assertEqual(iso(dashboard.get_date()), '2026-05-04');
    assertEqual(dashboard.get_rows(), []);
    assertEqual(dashboard.get_by_client(), []);
    assertEqual(dashboard.get_by_activity(), []);
    assertEqual(dashboard.list_alerts(), []);
    // Zero totals; 0 / 0 is no margin rate.
    assertRow(dashboard.get_totals(), 'total', 'Total', 0, ZERO_ROW, null, 0);
    // The header and the totals, the margin rate empty.
    assertEqual(dashboard.to_csv(),
        `${CSV_HEADER}total,Total,EUR,0.00,0.00,0.00,,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0\r\n`);
    for (const text of [dashboard.render(Aff.DocumentFormat.MARKDOWN), dashboard.render(Aff.DocumentFormat.HTML),
        dashboard.to_svg_margins()])
        assertTrue(typeof text === 'string' && text !== '', 'a rendering');
    assertTrue(dashboard.render(Aff.DocumentFormat.MARKDOWN).includes('Tableau de bord des affaires au 4 mai 2026'),
        'the title');
});

test('dashboard currency mismatch', () => {
    const [p] = dashboardPortfolio();
    const policy = p.get_policy();
    // Nothing converts: both affairs are in euros, the company now in dollars.
    assertTrue(policy.set_currency('USD'));
    assertEqual(policy.get_currency(), 'USD');
    assertThrows(() => p.compute_dashboard(date(2026, 5, 4)), E.CURRENCY_MISMATCH, 'OFF-1');
    // Back in euros, the dashboard again.
    assertTrue(policy.set_currency('EUR'));
    assertDashboard(p.compute_dashboard(date(2026, 5, 4)));
});

// OFF-1 carried to its end and closed on 15 June, with OFF-2 beside it: both
// rows, in the portfolio's order. OFF-1 on 15 June: revenue 125 000, cost at
// completion EAC 97 000 + 5 000 = 102 000, margin 23 000 (1840 bp), no alert.
test('closed affairs stay on the dashboard', () => {
    const [p, affair] = carriedAffair();
    affair.record_acceptance(date(2026, 6, 15), false);
    validateRex(affair, date(2026, 6, 15));
    affair.close(date(2026, 6, 15));
    addSecondAffair(p);
    const dashboard = p.compute_dashboard(date(2026, 6, 15));
    const rows = dashboard.get_rows();
    assertEqual(rows.map(r => r.get_key()), ['OFF-1', 'OFF-2']);
    assertEqual(['revenue_at_completion', 'cost_at_completion', 'margin_at_completion']
        .map(name => rows[0][`get_${name}`]().to_string()), ['125000.00 EUR', '102000.00 EUR', '23000.00 EUR']);
    assertEqual(rows[0].get_margin_rate(), [true, 1840]);
    assertEqual(rows[0].get_n_alerts(), 0);
});


// --- forecast -----------------------------------------------------------------------
//
// docs/rules.md, "Dashboard", the get_forecast() bullet: twelve months from
// the month of the date, each dated its first day. Billing: the items due on
// the date (excluding VAT) in the first month; the rest of the price (revenue
// at completion − work billed − the work amounts of the items due) spread
// over months 2..12 as rest × (PV(end k) − PV(end k−1)) / (BAC − PV(end of
// the first month)), each part rounded half to even, or all in the second
// month when the plan has no dates or BAC − PV(end of the first month) ≤ 0.
// Cash in: what is still owed on the invoices sent by the date, in the month
// of their due date (the first month when overdue); the payable of the items
// due, in the month they would be due if sent on the date; each month's
// billing × (1 + VAT) then × (1 − retention), each product rounded half to
// even, in the month it would be due if invoiced on the month's last day.
// Nothing beyond the twelve months.
//
// The French calendar of 2026 (Easter 5 April): May has its holidays on Fri
// 1, Fri 8, Thu 14 (Ascension) and Mon 25 (Whit Monday); June none: 22
// working days (1–5, 8–12, 15–19, 22–26, 29–30); July 14 July, a Tuesday:
// 23 weekdays − 1 = 22 (1–3, 6–10, 13–17 but the 14th, 20–24, 27–31);
// August none on a weekday (15 August is a Saturday): 3–7, 10–14, 17–21,
// 24–28, 31 = 21. 2027 (Easter 28 March): Ascension Thu 6 May, Whit Monday
// 17 May.

// The forecast expected from year-month: [first day, billing, cash in] for
// twelve months, 0.00 EUR but the 'YYYY-MM' keys of `billing` and `cashIn`.
function twelveMonths(year, month, billing = {}, cashIn = {}) {
    const out = [];
    for (let k = 0; k < 12; k++) {
        const y = year + Math.floor((month - 1 + k) / 12);
        const m = String((month - 1 + k) % 12 + 1).padStart(2, '0');
        const key = `${y}-${m}`;
        out.push([`${key}-01`, billing[key] ?? '0.00 EUR', cashIn[key] ?? '0.00 EUR']);
    }
    for (const key of [...Object.keys(billing), ...Object.keys(cashIn)])
        assertTrue(out.some(([first]) => first.startsWith(key)), `${key} is one of the twelve months`);
    return out;
}

const forecastOf = months => months.map(m => [iso(m.get_month()), m.get_billing().to_string(),
    m.get_cash_in().to_string()]);

function assertForecast(dashboard, expected) {
    const months = dashboard.get_forecast();
    assertTrue(Array.isArray(months), 'the forecast is an array');
    assertEqual(months.length, 12, 'twelve months');
    for (const m of months)
        assertTrue(m instanceof Aff.ForecastMonth, 'an Aff.ForecastMonth');
    assertEqual(forecastOf(months), expected, 'the forecast');
}

// newFinanceAffair with T2 rescheduled: no earlier than `start`, lasting
// `duration` working days; the schedule saved as the baseline "replan", the
// latest.
function replanned(start, duration, options = {}) {
    const [p, affair] = newFinanceAffair(0, options);
    const plan = affair.get_plan();
    const t2 = plan.lookup_task('T2');
    t2.set_start_no_earlier_than(date(...start));
    t2.set_duration(duration);
    plan.schedule();
    plan.save_baseline('replan');
    assertEqual(plan.list_baselines(), ['contrat', 'replan'], 'the baselines');
    return [p, affair];
}

// The two affairs of the dashboard on 4 May (tests/c/test-finance.c,
// test_dashboard), May 2026 to April 2027:
// - OFF-1, the revision's default terms (no advance, no situations, 30 days
//   net, 5 % retention, VAT 20 %), not accepted: nothing due. Work billed:
//   F-2026-001, 37 500 by hand, paid 45 000 on 4 May, so nothing owed. Rest
//   125 000 − 37 500 = 87 500. The baseline ends T2 on 20 May: PV(31 May) =
//   BAC = 100 000, BAC − PV(end of May) = 0: all of it in June. Invoiced 30
//   June at 30 days: due 30 July; 87 500 × 1.2 = 105 000, × 0.95 = 99 750 in
//   July.
// - OFF-2, no plan (no dates): 10 000 all in June; 10 000 × 1.2 = 12 000,
//   × 0.95 = 11 400 due 30 July.
// June billing 87 500 + 10 000 = 97 500; July cash in 99 750 + 11 400 =
// 111 150; every other month 0.
const DASHBOARD_FORECAST = twelveMonths(2026, 5, {'2026-06': '97500.00 EUR'}, {'2026-07': '111150.00 EUR'});

test('dashboard forecast', () => {
    const [p, off1, off2] = dashboardPortfolio();
    // What the figures come from: nothing due on either affair, 37 500 of
    // work billed on OFF-1, none on OFF-2, OFF-1's budget all planned by 31
    // May, OFF-2 at 30 days net with VAT 20 % and 5 % retention.
    assertEqual(dueOn(off1, 2026, 5, 4), []);
    assertEqual(dueOn(off2, 2026, 5, 4), []);
    assertMoney(statusOn(off1, 2026, 5, 4).get_billed(), '37500.00 EUR', 'OFF-1 billed');
    assertMoney(statusOn(off2, 2026, 5, 4).get_billed(), '0.00 EUR', 'OFF-2 billed');
    assertMoney(statusOn(off1, 2026, 5, 31).get_pv(), '100000.00 EUR', 'OFF-1 PV on 31 May');
    assertEqual([off2.get_payment_days(), off2.get_payment_end_of_month(), off2.get_vat_rate(),
        off2.get_retention_rate()], [30, false, 2000, 500]);
    const dashboard = p.compute_dashboard(date(2026, 5, 4));
    assertForecast(dashboard, DASHBOARD_FORECAST);
    // The same in the copy.
    assertForecast(dashboard.copy(), DASHBOARD_FORECAST);
});

test('forecast months outlive the dashboard', () => {
    const [p] = dashboardPortfolio();
    let dashboard = p.compute_dashboard(date(2026, 5, 4));
    let months = dashboard.get_forecast();
    dashboard = null;
    System.gc();
    assertEqual(forecastOf(months), DASHBOARD_FORECAST);
    const june = months[1].copy();
    months = null;
    System.gc();
    assertEqual(forecastOf([june]), DASHBOARD_FORECAST.slice(1, 2));
});

// The "Prévisions" table of the golden Markdown has the months of
// DASHBOARD_FORECAST, amounts as Money.format writes them in French (U+202F
// between thousands, U+00A0 before the symbol).
test('the forecast table of the golden Markdown', () => {
    const fr = {'0.00 EUR': '0,00\u00a0€', '97500.00 EUR': '97\u202f500,00\u00a0€',
        '111150.00 EUR': '111\u202f150,00\u00a0€'};
    const names = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre',
        'octobre', 'novembre', 'décembre'];
    const expected = DASHBOARD_FORECAST.map(([first, b, c]) =>
        [`${names[Number(first.slice(5, 7)) - 1]} ${first.slice(0, 4)}`, fr[b], fr[c]]);
    const table = golden('dashboard-fr.md').split('## Prévisions\n')[1].split('\n## ')[0];
    const rows = table.split('\n').filter(line => line.startsWith('| '))
        .map(line => line.replace(/^\||\|$/g, '').split('|').map(cell => cell.trim()));
    assertEqual(rows.slice(1), expected);
    // And the English render has its "Forecast" table.
    const [p] = dashboardPortfolio();
    assertTrue(p.get_policy().set_language('en'));
    assertTrue(p.compute_dashboard(date(2026, 5, 4)).render(Aff.DocumentFormat.MARKDOWN).includes('## Forecast\n'),
        'the English heading');
});

// OFF-1 alone with T2 replanned from Mon 1 June for 50 working days: June
// 1–30 (days 1–22), July 1–31 (23–44), 3–7 and 10 August (45–50). On 15
// May, nothing billed or due (default terms), so the whole 125 000 is the
// rest. BAC 100 000; PV at the month ends: May 50 000 (T1 done on 4 May, T2
// not started), June 50 000 + 50 000 × 22 / 50 = 72 000, July 50 000 +
// 44 000 = 94 000, August 100 000. BAC − PV(end of May) = 50 000:
//   June   125 000 × 22 000 / 50 000 = 55 000
//   July   125 000 × 22 000 / 50 000 = 55 000
//   August 125 000 ×  6 000 / 50 000 = 15 000
// Cash at 30 days net from each month's last day: 30 June → 30 July, 31 July
// → 30 August, 31 August → 30 September; 55 000 × 1.2 = 66 000, × 0.95 =
// 62 700; 15 000 × 1.2 = 18 000, × 0.95 = 17 100.
test('the rest of the price spread by the planned value', () => {
    const [p, affair] = replanned([2026, 6, 1], 50);
    const t2 = affair.get_plan().lookup_task('T2');
    assertEqual([iso(t2.get_early_start()), iso(t2.get_early_finish())], ['2026-06-01', '2026-08-10']);
    assertMoney(statusOn(affair, 2026, 5, 31).get_pv(), '50000.00 EUR', 'PV on 31 May');
    assertMoney(statusOn(affair, 2026, 6, 30).get_pv(), '72000.00 EUR', 'PV on 30 June');
    assertMoney(statusOn(affair, 2026, 7, 31).get_pv(), '94000.00 EUR', 'PV on 31 July');
    assertEqual(dueOn(affair, 2026, 5, 15), []);
    assertForecast(p.compute_dashboard(date(2026, 5, 15)), twelveMonths(2026, 5,
        {'2026-06': '55000.00 EUR', '2026-07': '55000.00 EUR', '2026-08': '15000.00 EUR'},
        {'2026-07': '62700.00 EUR', '2026-08': '62700.00 EUR', '2026-09': '17100.00 EUR'}));
    // On 30 June the first month is June: PV(30 June) = 72 000, BAC − 72 000
    // = 28 000; July 125 000 × 22 000 / 28 000 = 98 214.285… → 98 214.29,
    // August 125 000 × 6 000 / 28 000 = 26 785.714… → 26 785.71 (together
    // 125 000); cash 98 214.29 × 1.2 = 117 857.148 → 117 857.15, × 0.95 =
    // 111 964.2925 → 111 964.29 in August; 26 785.71 × 1.2 = 32 142.852 →
    // 32 142.85, × 0.95 = 30 535.7075 → 30 535.71 in September.
    assertForecast(p.compute_dashboard(date(2026, 6, 30)), twelveMonths(2026, 6,
        {'2026-07': '98214.29 EUR', '2026-08': '26785.71 EUR'},
        {'2026-08': '111964.29 EUR', '2026-09': '30535.71 EUR'}));
});

// T2 from 1 June for 60 working days: 22 in June, 22 in July, 16 in August
// (3–7, 10–14, 17–21, 24: finish 24 August). PV of T2's line, in cents,
// rounded half to even: June 5 000 000 × 22 / 60 = 1 833 333.33… →
// 1 833 333, July 5 000 000 × 44 / 60 = 3 666 666.67 → 3 666 667, August
// 5 000 000. On 15 May the rest is 12 500 000 cents over BAC − PV(end of
// May) = 5 000 000:
//   June   12 500 000 × 1 833 333 / 5 000 000 = 4 583 332.5 → 4 583 332
//   July   12 500 000 × 1 833 334 / 5 000 000 = 4 583 335
//   August 12 500 000 × 1 333 333 / 5 000 000 = 3 333 332.5 → 3 333 332
// each rounded on its own: 124 999.99 of the 125 000 in all. Cash:
//   4 583 332 × 1.2 = 5 499 998.4 → 5 499 998, × 0.95 = 5 224 998.1 →
//     5 224 998 in July (30 June + 30)
//   4 583 335 × 1.2 = 5 500 002, × 0.95 = 5 225 001.9 → 5 225 002 in August
//   3 333 332 × 1.2 = 3 999 998.4 → 3 999 998, × 0.95 = 3 799 998.1 →
//     3 799 998 in September.
test('each part of the forecast rounded on its own', () => {
    const [p, affair] = replanned([2026, 6, 1], 60);
    assertEqual(iso(affair.get_plan().lookup_task('T2').get_early_finish()), '2026-08-24');
    assertMoney(statusOn(affair, 2026, 6, 30).get_pv(), '68333.33 EUR', 'PV on 30 June');
    assertMoney(statusOn(affair, 2026, 7, 31).get_pv(), '86666.67 EUR', 'PV on 31 July');
    assertForecast(p.compute_dashboard(date(2026, 5, 15)), twelveMonths(2026, 5,
        {'2026-06': '45833.32 EUR', '2026-07': '45833.35 EUR', '2026-08': '33333.32 EUR'},
        {'2026-07': '52249.98 EUR', '2026-08': '52250.02 EUR', '2026-09': '37999.98 EUR'}));
});

// T2 from Mon 19 April 2027 for 20 working days: 19–23 and 26–30 April (10),
// then May 2027 without Ascension (6) and Whit Monday (17): 3, 4, 5, 7,
// 10–14, 18 (10), finish 18 May 2027. On 15 May 2026 the twelve months run
// to April 2027: PV(end of April 2027) = 50 000 + 50 000 × 10 / 20 =
// 75 000, so April 2027 bills 125 000 × 25 000 / 50 000 = 62 500; the other
// 62 500 (May 2027) is beyond, and so is the cash of April's billing (30
// April 2027 + 30 = 30 May 2027).
test('nothing beyond the twelve months of the forecast', () => {
    const [p, affair] = replanned([2027, 4, 19], 20);
    const t2 = affair.get_plan().lookup_task('T2');
    assertEqual([iso(t2.get_early_start()), iso(t2.get_early_finish())], ['2027-04-19', '2027-05-18']);
    assertForecast(p.compute_dashboard(date(2026, 5, 15)), twelveMonths(2026, 5, {'2027-04': '62500.00 EUR'}));
});

// The billing terms (30 % advance, situations, 5 % retention, VAT 20 %, 45
// days end of month), as test_billing_schedule: the advance F-1 invoiced 20
// April (45 000 with VAT, nothing held), unpaid, due 20 April + 45 = 4 June
// → 30 June; T1 half done on 30 April, 80 % on 4 May. On 4 May the
// situation of April is due: 31 250 of work, recovering 9 375: 21 875
// excluding VAT, 24 937.50 to pay, due if sent on 4 May on 4 May + 45 = 18
// June → 30 June.
//   May:    billing 21 875.
//   June:   cash 45 000 (F-1) + 24 937.50 = 69 937.50; billing the rest,
//           125 000 − 0 of work billed (the advance is not) − 31 250 =
//           93 750, all in June since PV(31 May) = BAC.
//   August: 93 750 × 1.2 = 112 500, × 0.95 = 106 875, invoiced 30 June: +
//           45 = 14 August → 31 August.
test('forecast of items due and an unpaid invoice', () => {
    const [p, affair] = billingAffair();
    invoiceFirst(affair, dueOn(affair, 2026, 4, 20), 'F-1', 2026, 4, 20);
    affair.record_progress('T1', date(2026, 4, 30), 5000);
    affair.record_progress('T1', date(2026, 5, 4), 8000);
    const items = dueOn(affair, 2026, 5, 4);
    assertEqual(items.length, 1);
    assertItem(items[0], 'situations', BK.SITUATION, '2026-04-30', SITUATION_APRIL);
    assertMoney(statusOn(affair, 2026, 5, 4).get_billed(), '0.00 EUR', 'work billed');
    // June: the rest, 125 000 − 31 250 = 93 750, less the advance not yet
    // recovered, 37 500 − 9 375 = 28 125: 65 625; paid 31 August, 65 625 ×
    // 1.2 × 0.95 = 74 812.50.
    assertForecast(p.compute_dashboard(date(2026, 5, 4)), twelveMonths(2026, 5,
        {'2026-05': '21875.00 EUR', '2026-06': '65625.00 EUR'},
        {'2026-06': '69937.50 EUR', '2026-08': '74812.50 EUR'}));
});

// The same at 60 days net: F-1 due 20 April + 60 = 19 June (June, 45 000);
// the situation, sent on 4 May, due 3 July (July, 24 937.50); June's
// 93 750 less the 28 125 of advance left, 65 625, invoiced 30 June, due 29
// August (74 812.50).
test('forecast of items due at 60 days net', () => {
    const [p, affair] = billingAffair([60, false]);
    invoiceFirst(affair, dueOn(affair, 2026, 4, 20), 'F-1', 2026, 4, 20);
    affair.record_progress('T1', date(2026, 4, 30), 5000);
    assertEqual(steps(dueOn(affair, 2026, 5, 4)), ['situations']);
    assertForecast(p.compute_dashboard(date(2026, 5, 4)), twelveMonths(2026, 5,
        {'2026-05': '21875.00 EUR', '2026-06': '65625.00 EUR'},
        {'2026-06': '45000.00 EUR', '2026-07': '24937.50 EUR', '2026-08': '74812.50 EUR'}));
});

// The billing terms; F-1 (45 000) invoiced 20 April, due 30 June, 20 000
// paid on 1 June; on 10 July 25 000 is owed and overdue: in July, the first
// month. No progress: the situation of June is 0, nothing due; nothing
// accepted. An invoice by hand of 20 July is not sent by 10 July: neither
// owed nor billed. The rest, 125 000, all in August (PV(31 July) = BAC),
// less the whole advance, 37 500, not yet recovered: 87 500, invoiced 31
// August: + 45 = 15 October → 31 October, 87 500 × 1.2 = 105 000, × 0.95 =
// 99 750.
test('an overdue invoice in the first month of the forecast', () => {
    const [p, affair] = billingAffair();
    invoiceFirst(affair, dueOn(affair, 2026, 4, 20), 'F-1', 2026, 4, 20);
    affair.record_payment('F-1', date(2026, 6, 1), money('20000.00 EUR'));
    affair.record_invoice('F-9', date(2026, 7, 20), money('10000.00 EUR'));
    assertEqual(affair.list_late_payments(date(2026, 7, 10)).map(l => [l.get_invoice(),
        l.get_outstanding().to_string()]), [['F-1', '25000.00 EUR']]);
    assertEqual(dueOn(affair, 2026, 7, 10), []);
    assertForecast(p.compute_dashboard(date(2026, 7, 10)), twelveMonths(2026, 7,
        {'2026-08': '87500.00 EUR'}, {'2026-07': '25000.00 EUR', '2026-10': '99750.00 EUR'}));
    // The alert of the late invoice, its amount as each language writes it:
    // due 30 June, 10 days late on 10 July, 45 000 − 20 000 owed.
    let alerts = p.compute_dashboard(date(2026, 7, 10)).list_alerts();
    assertEqual(alerts[alerts.length - 1],
        `${affair.get_id()} : facture F-1 impayée, 10 jours de retard, 25\u202f000,00\u00a0€ dus`);
    p.get_policy().set_language('en');
    alerts = p.compute_dashboard(date(2026, 7, 10)).list_alerts();
    assertEqual(alerts[alerts.length - 1], `${affair.get_id()}: invoice F-1 unpaid, 10 days late, €25,000.00 owed`);
});

// --- S-curve ------------------------------------------------------------------------
//
// tests/c/test-finance.c, test_s_curve, and docs/rules.md, "Dashboard": PV, EV
// and AC of compute_status at each month end from the signature's month to
// until (and until itself), evenly spaced over the 540 × 272 plot from (80,
// 48); y = 320 − value × 272 / max(BAC, values), the height value × 272 / max
// truncated to whole pixels; the BAC dashed; INVALID_VALUE before the
// signature.

function goldenBytes(name) {
    const [, bytes] = GLib.file_get_contents(GLib.build_filenamev([dataDir, 'golden', name]));
    return Array.from(bytes);
}

function textbookAffair() {
    const [p, affair] = newFinanceAffair();
    recordTextbook(affair);
    return [p, affair];
}

// The textbook affair to 15 June: points on 30 April (PV 45 000: T1 9 of its
// 10 working days, 20–24 and 27–30 April; EV 25 000: T1 half done; AC
// 30 000, TS-17), 31 May (PV 100 000; EV 40 000, T1 80 %; AC 30 000 +
// 15 000 + 20 000 (FA-991) = 65 000) and 15 June (the same). Top 100 000
// (BAC, no value above it); x = 80, 80 + 540 / 2 = 350, 620; heights × 272 /
// 100 000: PV 122.4 → 122, 272, 272 → y 198, 48, 48; EV 68, 108.8 → 108 → y
// 252, 212, 212; AC 81.6 → 81, 176.8 → 176 → y 239, 144, 144; the BAC at
// 320 − 272 = 48.
test('S-curve', () => {
    const [, affair] = textbookAffair();
    const svg = affair.to_svg_s_curve(date(2026, 6, 15));
    assertTrue(typeof svg === 'string', 'an SVG text');
    for (const part of [
        'stroke="#1565c0" points="80,198 350,48 620,48"',
        'stroke="#2e7d32" points="80,252 350,212 620,212"',
        'stroke="#c62828" points="80,239 350,144 620,144"',
        '<line x1="80" y1="48" x2="620" y2="48" stroke="#888"',
        "Courbe en S de l'affaire OFF-1 au 15 juin 2026",
    ])
        assertTrue(svg.includes(part), part);
    const bac = svg.split('<line x1="80" y1="48" x2="620" y2="48"')[1].split('>')[0];
    assertTrue(bac.includes('stroke-dasharray'), 'the BAC dashed');
    // The points' dates: the month ends, then until.
    for (const [x, day] of [[80, '2026-04-30'], [350, '2026-05-31'], [620, '2026-06-15']])
        assertTrue(svg.includes(`<text x="${x}" y="338" text-anchor="middle">${day}</text>`), day);
    // The golden file, byte for byte.
    assertEqual(Array.from(encoder.encode(svg)), goldenBytes('s-curve-fr.svg'), 's-curve-fr.svg');
    // Before the signature (20 April).
    assertThrows(() => affair.to_svg_s_curve(date(2026, 4, 1)), E.INVALID_VALUE, 'OFF-1');
    assertThrows(() => affair.to_svg_s_curve(date(2026, 4, 19)), E.INVALID_VALUE);
});

// Until the signature day itself, 20 April: a single point, until, at x =
// 80. PV 50 000 × 1 / 10 = 5 000 (T1's first day), EV 0 (no progress yet),
// AC 0 (TS-17 comes on 24 April): top 100 000, heights 13.6 → 13, 0, 0: y
// 307, 320, 320.
test('S-curve on the signature day', () => {
    const [, affair] = textbookAffair();
    const svg = affair.to_svg_s_curve(date(2026, 4, 20));
    for (const part of ['stroke="#1565c0" points="80,307"', 'stroke="#2e7d32" points="80,320"',
        'stroke="#c62828" points="80,320"', '<text x="80" y="338" text-anchor="middle">2026-04-20</text>'])
        assertTrue(svg.includes(part), part);
});

// With the policy in English: "S-curve of affair OFF-1 on 15 June 2026", the
// top of the scale as Money.format writes 100 000.00 EUR in English,
// "€100,000.00"; the same points.
test('S-curve in English', () => {
    const [p, affair] = textbookAffair();
    assertTrue(p.get_policy().set_language('en'));
    const svg = affair.to_svg_s_curve(date(2026, 6, 15));
    for (const part of ['>S-curve of affair OFF-1 on 15 June 2026</text>', '>€100,000.00</text>',
        'stroke="#1565c0" points="80,198 350,48 620,48"', 'stroke="#2e7d32" points="80,252 350,212 620,212"',
        'stroke="#c62828" points="80,239 350,144 620,144"'])
        assertTrue(svg.includes(part), part);
    assertFalse(svg.includes('Courbe en S'), 'no French title');
    assertFalse(svg === golden('s-curve-fr.svg'), 'not the French file');
});

run();
