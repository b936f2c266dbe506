// testBidding.js: consultations and the go / no-go from JavaScript: client
// solvency (Altman Z' and Z''), the risk register, the consultation state
// machine, the argued evaluation, the decision, statistics, and the document.
//
// Every expected value is worked out by hand from docs/rules.md ("Consultations
// and the go / no-go"); the arithmetic is in the comments.

import Aff from 'gi://Aff?version=1';
import {
    test, run, assertEqual, assertTrue, assertFalse, assertThrows, assertClose,
    date, iso, items,
} from './harness.js';

const E = Aff.Error;
const S = Aff.ClientStatus;
const CS = Aff.ConsultationState;
const V = Aff.BidVerdict;
const Z = Aff.SolvencyRating;
const M = Aff.AltmanModel;
const B = Aff.RiskBand;
const T = Aff.RiskTreatment;
const RC = Aff.RiskCategory;
// The smallest 32-bit integer (G_MININT), exported by the typelib.
const MARGIN_UNSET = Aff.MARGIN_RATE_UNSET;
if (MARGIN_UNSET !== -2147483648)
    throw new Error(`Aff.MARGIN_RATE_UNSET is ${MARGIN_UNSET}`);

const money = text => Aff.Money.parse(text);
const idOf = x => (typeof x === 'string' ? x : x.get_id());
const ids = list => list.map(idOf);
const actions = (p, kind, id) => p.get_journal().list_entries_for(kind, id).map(e => e.get_action());
const lastEntry = (p, kind, id, action) => {
    const list = p.get_journal().list_entries_for(kind, id).filter(e => e.get_action() === action);
    assertTrue(list.length > 0, `a "${action}" entry for ${kind} ${id}`);
    return list[list.length - 1];
};

// Refused transitions raise INVALID_TRANSITION and change nothing.
function refused(c, fn) {
    const before = c.get_state();
    assertThrows(fn, E.INVALID_TRANSITION);
    assertEqual(c.get_state(), before, 'state unchanged after a refused transition');
}

// --- Solvency fixtures -------------------------------------------------------

// figures: amounts in EUR (whole euros), keys as the setters' names.
function solvency(d, figures, {model = null, dso = null, late = null, incidents = null} = {}) {
    const s = Aff.Solvency.new(d);
    for (const [key, value] of Object.entries(figures)) {
        if (value !== null)
            s[`set_${key}`](typeof value === 'string' ? money(value) : money(`${value}.00 EUR`));
    }
    if (model !== null)
        s.set_model(model);
    if (dso !== null)
        s.set_dso_days(dso);
    if (late !== null)
        s.set_average_days_late(late);
    if (incidents !== null)
        s.set_payment_incidents(incidents);
    return s;
}

// Total assets 1 000 000, total liabilities 500 000:
// X1 = 200 000 / 1 000 000 = 0.2, X2 = 300 000 / 1 000 000 = 0.3,
// X3 = 100 000 / 1 000 000 = 0.1, X4 = 500 000 / 500 000 = 1.0,
// X5 = sales / 1 000 000.
function roundFigures(sales) {
    return {
        working_capital: 200000, retained_earnings: 300000, ebit: 100000,
        book_equity: 500000, total_liabilities: 500000, total_assets: 1000000, sales,
    };
}

// Sales 2 000 000 -> X5 = 2:
// Z'  = 0.1434 + 0.2541 + 0.3107 + 0.420 + 1.996 = 3.1242 > 2.9 -> SAFE;
// Z'' = 1.312 + 0.978 + 0.672 + 1.05 = 4.012 > 2.6 -> SAFE.
function safeSolvency(d, options = {}) {
    return solvency(d, roundFigures(2000000), options);
}

// --- Portfolio fixtures ------------------------------------------------------

const EVAL_DATE = date(2026, 3, 10);

// acme: ACTIVE, sector 28.29B (manufacturing -> Z'), a SAFE assessment dated
// 2025-12-31 (and, unless told otherwise, nothing else).
// beta: PROSPECT, sector 71.12B, no assessment.
function basePortfolio({acmeSolvency = 'safe'} = {}) {
    const p = Aff.Portfolio.new();
    p.set_actor('Jeanne Martin');
    p.get_policy().set_activities(['mechanical-maintenance', 'pipework']);
    const acme = Aff.Client.new('acme', 'ACME Industrie');
    acme.set_sector('28.29B');
    p.add_client(acme);
    acme.change_status(S.ACTIVE, date(2025, 1, 10), 'first order');
    if (acmeSolvency === 'safe')
        acme.add_solvency(safeSolvency(date(2025, 12, 31)));
    else if (acmeSolvency !== null)
        acme.add_solvency(acmeSolvency);
    const beta = Aff.Client.new('beta', 'Beta Chimie');
    beta.set_sector('71.12B');
    p.add_client(beta);
    return p;
}

// The GO case: received 2026-03-02, deadline 2026-04-15 (36 days after
// 2026-03-10), mechanical maintenance, margin 15 % (= target), 2 000 hours,
// bid cost 2 000.00 for 400 000.00, one MEDIUM risk (3 x 3 = 9) being reduced.
function addGoCase(p, id = 'CONS-GO', {
    client = 'acme', title = `Maintenance des compresseurs ${id}`,
    received = date(2026, 3, 2), deadline = date(2026, 4, 15),
    activities = ['mechanical-maintenance'], margin = 1500, hours = 2000,
    value = '400000.00 EUR', cost = '2000.00 EUR', risks = [[3, 3, T.REDUCE]],
} = {}) {
    const c = Aff.Consultation.new(id, client, title, received, deadline);
    c.set_activities(activities);
    c.set_expected_margin_rate(margin);
    c.set_estimated_hours(hours);
    if (value !== null)
        c.set_estimated_value(money(value));
    if (cost !== null)
        c.set_bid_cost(money(cost));
    p.add_consultation(c);
    for (const [probability, impact, treatment] of risks) {
        const r = Aff.Risk.new(`Risque ${probability}x${impact}`, RC.SCHEDULE, probability, impact);
        r.set_treatment(treatment);
        c.get_risk_register().add_risk(r);
    }
    return c;
}

function scores(evaluation) {
    const out = {};
    for (const criterion of evaluation.get_criteria())
        out[criterion.get_name()] = criterion.get_score();
    return out;
}

const GO_SCORES = {
    'activities': 5, 'solvency': 5, 'deadline': 5, 'critical-risks': 5,
    'strategic-fit': 5,  // ACTIVE
    'win-rate': 3,       // no other WON or LOST consultation
    'margin': 5,         // 1500 >= target 1500
    'risk': 4,           // highest open band MEDIUM
    'workload': 5,       // 2000 / 20000 = 10 % <= 60 %
    'bid-cost': 5,       // 200000 / 40000000 minor = 50 bp <= 100
};
// 100 x (20x5 + 15x3 + 25x5 + 20x4 + 10x5 + 10x5) / (5 x 100)
// = 100 x (100 + 45 + 125 + 80 + 50 + 50) / 500 = 100 x 450 / 500 = 90.
const GO_SCORE = 90;

// Takes a consultation of the portfolio to the given state, through the
// evaluation and the decision (always justified, so that going against the
// evaluation is allowed).
function drive(p, id, target, {qualify = null, evaluate = null, sent = null, outcome = null} = {}) {
    const c = p.lookup_consultation(id);
    const received = c.get_received();
    qualify = qualify ?? received;
    if (target === CS.ABANDONED) {
        c.abandon(qualify, 'cancelled by the client');
        return c;
    }
    c.start_qualification(qualify, 'analysis');
    if (target === CS.QUALIFYING)
        return c;
    p.evaluate_consultation(id, evaluate ?? qualify);
    const go = target !== CS.NO_GO;
    p.decide_consultation(id, go ? V.GO : V.NO_GO, 'Direction', 'argued by the management');
    if (target === CS.GO || target === CS.NO_GO)
        return c;
    c.mark_offer_sent(sent ?? evaluate ?? qualify, 'offer sent');
    if (target === CS.WON)
        c.mark_won(outcome ?? sent ?? evaluate ?? qualify, 'order received');
    else if (target === CS.LOST)
        c.mark_lost(outcome ?? sent ?? evaluate ?? qualify, 'competitor cheaper');
    return c;
}

// --- Policy additions -------------------------------------------------------

test('policy: bidding defaults, criteria and weights', () => {
    const p = Aff.Portfolio.new();
    const policy = p.get_policy();
    assertEqual([policy.get_risk_critical_threshold(), policy.get_risk_high_threshold(),
        policy.get_risk_medium_threshold()], [16, 10, 5]);
    assertEqual([policy.get_solvency_max_age_days(), policy.get_max_dso_days(),
        policy.get_max_average_days_late(), policy.get_max_payment_incidents()], [365, 90, 30, 2]);
    assertEqual([policy.get_min_preparation_days(), policy.get_deadline_warning_days(),
        policy.get_capacity_hours()], [10, 7, 20000]);
    assertEqual(policy.get_language(), 'fr');
    const names = Aff.Policy.list_bid_criteria();
    assertEqual(names, ['strategic-fit', 'win-rate', 'margin', 'risk', 'workload', 'bid-cost']);
    assertEqual(names.map(n => policy.get_bid_weight(n)), [20, 15, 25, 20, 10, 10]);
    const before = p.get_journal().get_n_entries();
    policy.set_bid_weight('margin', 30);
    assertEqual(policy.get_bid_weight('margin'), 30);
    assertThrows(() => policy.set_bid_weight('price', 10), E.INVALID_VALUE, 'price');
    assertEqual(policy.get_bid_weight('margin'), 30);
    // Journaled, as "bid-weight-set" (rules.md, policy additions).
    assertEqual(p.get_journal().get_n_entries(), before + 1);
    assertEqual(actions(p, 'policy', 'policy').slice(-1), ['bid-weight-set']);
});

// --- Solvency ------------------------------------------------------------------

test('solvency: Altman ratios, Z\' and Z\'\' on round figures', () => {
    // Sales 1 500 000 -> X5 = 1.5.
    const s = solvency(date(2025, 12, 31), roundFigures(1500000));
    assertEqual(s.get_model(), M.AUTO);
    assertEqual([s.get_dso_days(), s.get_average_days_late(), s.get_payment_incidents()], [-1, -1, -1]);
    const expected = [0.2, 0.3, 0.1, 1.0, 1.5];
    for (let i = 1; i <= 5; i++) {
        const [ok, ratio] = s.compute_ratio(i);
        assertTrue(ok);
        assertClose(ratio, expected[i - 1], 1e-12, `X${i}`);
    }
    assertThrows(() => s.compute_ratio(0), E.INVALID_VALUE);
    assertThrows(() => s.compute_ratio(6), E.INVALID_VALUE);
    // AUTO: no model yet.
    assertThrows(() => s.compute_score(), E.NOT_ASSESSABLE);
    assertThrows(() => s.compute_zone(), E.NOT_ASSESSABLE);

    // Z' = 0.717 x 0.2 + 0.847 x 0.3 + 3.107 x 0.1 + 0.420 x 1 + 0.998 x 1.5
    //    = 0.1434 + 0.2541 + 0.3107 + 0.420 + 1.497 = 2.6252 -> GREY (1.23 .. 2.9).
    s.set_model(M.Z_PRIME);
    let [ok, score] = s.compute_score();
    assertTrue(ok);
    assertClose(score, 2.6252, 1e-9, 'Z\'');
    assertEqual(s.compute_zone(), [true, Z.GREY]);

    // Z'' = 6.56 x 0.2 + 3.26 x 0.3 + 6.72 x 0.1 + 1.05 x 1
    //     = 1.312 + 0.978 + 0.672 + 1.05 = 4.012 -> SAFE (> 2.6).
    s.set_model(M.Z_DOUBLE_PRIME);
    [ok, score] = s.compute_score();
    assertTrue(ok);
    assertClose(score, 4.012, 1e-9, 'Z\'\'');
    assertEqual(s.compute_zone(), [true, Z.SAFE]);

    // Sales 2 000 000 under Z': 3.1242 -> SAFE.
    const t = safeSolvency(date(2025, 12, 31), {model: M.Z_PRIME});
    [, score] = t.compute_score();
    assertClose(score, 3.1242, 1e-9, 'Z\' with X5 = 2');
    assertEqual(t.compute_zone(), [true, Z.SAFE]);

    // Z'' distress: X1 0, X2 -200 000 / 1 000 000 = -0.2, X3 0, X4 500 000 / 1 000 000 = 0.5:
    // -0.652 + 0.525 = -0.127 < 1.1 -> DISTRESS.
    const d = solvency(date(2025, 12, 31), {
        working_capital: 0, retained_earnings: -200000, ebit: 0, book_equity: 500000,
        total_liabilities: 1000000, total_assets: 1000000,
    }, {model: M.Z_DOUBLE_PRIME});
    [, score] = d.compute_score();
    assertClose(score, -0.127, 1e-9);
    assertEqual(d.compute_zone(), [true, Z.DISTRESS]);
});

test('solvency: the zone boundaries themselves are GREY', () => {
    // X1 = 0.10, X2 = 0.30, X3 = 0.05, X4 = 600 000 / 1 000 000 = 0.60:
    // Z'' = 0.656 + 0.978 + 0.336 + 0.63 = 2.6 exactly: not > 2.6 -> GREY.
    const upper = solvency(date(2025, 12, 31), {
        working_capital: 100000, retained_earnings: 300000, ebit: 50000, book_equity: 600000,
        total_liabilities: 1000000, total_assets: 1000000,
    }, {model: M.Z_DOUBLE_PRIME});
    let [, score] = upper.compute_score();
    assertClose(score, 2.6, 1e-9);
    assertEqual(upper.compute_zone(), [true, Z.GREY]);
    // X1 = 0.20, X2 = -0.40, X3 = 0.10, X4 = 0.40:
    // Z'' = 1.312 - 1.304 + 0.672 + 0.42 = 1.1 exactly: not < 1.1 -> GREY.
    const lower = solvency(date(2025, 12, 31), {
        working_capital: 200000, retained_earnings: -400000, ebit: 100000, book_equity: 400000,
        total_liabilities: 1000000, total_assets: 1000000,
    }, {model: M.Z_DOUBLE_PRIME});
    [, score] = lower.compute_score();
    assertClose(score, 1.1, 1e-9);
    assertEqual(lower.compute_zone(), [true, Z.GREY]);
});

test('solvency: a missing figure is NOT_ASSESSABLE and named', () => {
    const figures = roundFigures(null);   // no sales
    const s = solvency(date(2025, 12, 31), figures, {model: M.Z_PRIME});
    assertThrows(() => s.compute_ratio(5), E.NOT_ASSESSABLE, /sales/i);
    assertThrows(() => s.compute_score(), E.NOT_ASSESSABLE, /sales/i);
    assertThrows(() => s.compute_zone(), E.NOT_ASSESSABLE);
    assertThrows(() => s.compute_rating(Aff.Policy.new()), E.NOT_ASSESSABLE);
    // Z'' does not need the sales: 4.012.
    s.set_model(M.Z_DOUBLE_PRIME);
    const [ok, score] = s.compute_score();
    assertTrue(ok);
    assertClose(score, 4.012, 1e-9);

    const noEbit = solvency(date(2025, 12, 31), {...roundFigures(2000000), ebit: null}, {model: M.Z_DOUBLE_PRIME});
    assertThrows(() => noEbit.compute_ratio(3), E.NOT_ASSESSABLE, /ebit/i);
    assertThrows(() => noEbit.compute_score(), E.NOT_ASSESSABLE, /ebit/i);
    // Ratios not using EBIT still work: X1 = 0.2.
    assertClose(noEbit.compute_ratio(1)[1], 0.2, 1e-12);

    const zeroAssets = solvency(date(2025, 12, 31), {...roundFigures(2000000), total_assets: 0});
    assertThrows(() => zeroAssets.compute_ratio(1), E.NOT_ASSESSABLE);
    const negativeLiabilities = solvency(date(2025, 12, 31), {...roundFigures(2000000), total_liabilities: -1});
    assertThrows(() => negativeLiabilities.compute_ratio(4), E.NOT_ASSESSABLE);
    const dollars = solvency(date(2025, 12, 31), {...roundFigures(2000000), working_capital: '200000.00 USD'});
    assertThrows(() => dollars.compute_ratio(1), E.CURRENCY_MISMATCH);
});

test('solvency: the model for a sector', () => {
    assertEqual(Aff.altman_model_for_sector('28.29B'), M.Z_PRIME);
    assertEqual(Aff.altman_model_for_sector('10.11Z'), M.Z_PRIME);   // division 10: first of section C
    assertEqual(Aff.altman_model_for_sector('33.12Z'), M.Z_PRIME);   // division 33: last of section C
    assertEqual(Aff.altman_model_for_sector('09.10Z'), M.Z_DOUBLE_PRIME);
    assertEqual(Aff.altman_model_for_sector('35.11Z'), M.Z_DOUBLE_PRIME);
    assertEqual(Aff.altman_model_for_sector('71.12B'), M.Z_DOUBLE_PRIME);
    assertEqual(Aff.altman_model_for_sector(null), M.AUTO);
    assertEqual(Aff.altman_model_for_sector('2829B'), M.AUTO);
    assertEqual(Aff.altman_model_for_sector('bogus'), M.AUTO);
});

test('solvency: rating downgraded by payment breaches', () => {
    const policy = Aff.Policy.new();
    const rating = options => safeSolvency(date(2025, 12, 31), {model: M.Z_DOUBLE_PRIME, ...options})
        .compute_rating(policy);
    // Zone SAFE (Z'' 4.012), no breach, unknown behaviour is no breach.
    assertEqual(rating({}), [true, Z.SAFE]);
    // At the limits: 90 days, 30 days late, 2 incidents -> no breach.
    assertEqual(rating({dso: 90, late: 30, incidents: 2}), [true, Z.SAFE]);
    assertEqual(rating({dso: 91}), [true, Z.GREY]);
    assertEqual(rating({late: 31}), [true, Z.GREY]);
    assertEqual(rating({incidents: 3}), [true, Z.GREY]);
    assertEqual(rating({dso: 91, late: 31}), [true, Z.DISTRESS]);
    // Three breaches: never below DISTRESS.
    assertEqual(rating({dso: 120, late: 45, incidents: 5}), [true, Z.DISTRESS]);
    // A GREY zone (Z' 2.6252) with one breach -> DISTRESS.
    const grey = solvency(date(2025, 12, 31), roundFigures(1500000), {model: M.Z_PRIME, dso: 91});
    assertEqual(grey.compute_rating(policy), [true, Z.DISTRESS]);
    // The policy limits count.
    policy.set_max_dso_days(120);
    assertEqual(rating({dso: 120}), [true, Z.SAFE]);
});

test('solvency: staleness', () => {
    const policy = Aff.Policy.new();
    const s = safeSolvency(date(2025, 3, 10));
    // 2025-03-10 -> 2026-03-10 = 365 days: not more than 365.
    assertFalse(s.is_stale(policy, date(2026, 3, 10)));
    assertTrue(s.is_stale(policy, date(2026, 3, 11)));   // 366 days
    assertFalse(s.is_stale(policy, date(2024, 1, 1)));   // dated after the date
    policy.set_solvency_max_age_days(30);
    assertTrue(s.is_stale(policy, date(2025, 4, 10)));   // 31 days
    assertFalse(s.is_stale(policy, date(2025, 4, 9)));   // 30 days
});

test('client.add_solvency and get_current_solvency', () => {
    const p = Aff.Portfolio.new();
    const acme = Aff.Client.new('acme', 'ACME');
    p.add_client(acme);
    // No sector and model AUTO: refused, nothing added.
    assertThrows(() => acme.add_solvency(safeSolvency(date(2025, 6, 30))), E.INVALID_VALUE);
    assertEqual(acme.get_solvencies().get_n_items(), 0);
    // An explicit model needs no sector.
    assertTrue(acme.add_solvency(safeSolvency(date(2024, 12, 31), {model: M.Z_DOUBLE_PRIME})));
    // AUTO resolved from the sector: 28.29B -> Z'.
    acme.set_sector('28.29B');
    const later = safeSolvency(date(2025, 12, 31));
    assertTrue(acme.add_solvency(later));
    assertEqual(later.get_model(), M.Z_PRIME);
    // Added out of date order: the list is by date.
    const middle = safeSolvency(date(2025, 6, 30));
    acme.add_solvency(middle);
    assertEqual(items(acme.get_solvencies()).map(s => iso(s.get_date())),
        ['2024-12-31', '2025-06-30', '2025-12-31']);
    // The latest assessment dated on or before the date.
    assertEqual(acme.get_current_solvency(date(2024, 12, 30)), null);
    assertEqual(iso(acme.get_current_solvency(date(2024, 12, 31)).get_date()), '2024-12-31');
    assertEqual(iso(acme.get_current_solvency(date(2025, 7, 1)).get_date()), '2025-06-30');
    assertEqual(acme.get_current_solvency(date(2026, 1, 1)), later);
    // Journaled.
    assertEqual(actions(p, 'client', 'acme').filter(a => a === 'solvency-added').length, 3);
});

// --- Risks ---------------------------------------------------------------------

test('risk: criticality and band', () => {
    const policy = Aff.Policy.new();
    const band = (pr, im) => Aff.Risk.new('r', RC.TECHNICAL, pr, im).get_band(policy);
    const r = Aff.Risk.new('Grue indisponible', RC.SAFETY, 4, 4);
    assertEqual(r.get_criticality(), 16);                // 4 x 4
    assertEqual(r.get_band(policy), B.CRITICAL);         // >= 16
    assertEqual(band(5, 3), B.HIGH);                     // 15
    assertEqual(band(3, 4), B.HIGH);                     // 12
    assertEqual(band(2, 5), B.HIGH);                     // 10 = high threshold
    assertEqual(band(3, 3), B.MEDIUM);                   // 9
    assertEqual(band(1, 5), B.MEDIUM);                   // 5 = medium threshold
    assertEqual(band(2, 2), B.LOW);                      // 4
    assertEqual(band(1, 1), B.LOW);
    assertEqual(band(5, 5), B.CRITICAL);                 // 25
    r.set_probability(2);
    assertEqual([r.get_criticality(), r.get_band(policy)], [8, B.MEDIUM]);
    // The thresholds come from the policy.
    policy.set_risk_critical_threshold(12);
    policy.set_risk_medium_threshold(9);
    assertEqual(band(3, 4), B.CRITICAL);                 // 12 >= 12
    assertEqual(band(3, 3), B.MEDIUM);                   // 9 >= 9
    assertEqual(band(2, 4), B.LOW);                      // 8 < 9
});

test('risk: expected value, half to even', () => {
    const r = Aff.Risk.new('Hausse de l\'acier', RC.ECONOMIC, 3, 4);
    assertEqual(r.get_probability_percent(), -1);
    assertEqual(r.get_exposure(), null);
    assertThrows(() => r.compute_expected_value(), E.NOT_ASSESSABLE);
    r.set_exposure(money('12345.50 EUR'));
    assertThrows(() => r.compute_expected_value(), E.NOT_ASSESSABLE);   // percent unset
    r.set_probability_percent(30);
    // 1 234 550 x 30 / 100 = 370 365 minor units.
    assertEqual(r.compute_expected_value().to_string(), '3703.65 EUR');
    // 123 450 x 5 / 100 = 6 172.5 -> 6 172 (even).
    r.set_exposure(money('1234.50 EUR'));
    r.set_probability_percent(5);
    assertEqual(r.compute_expected_value().to_string(), '61.72 EUR');
    // 123 470 x 5 / 100 = 6 173.5 -> 6 174 (even).
    r.set_exposure(money('1234.70 EUR'));
    assertEqual(r.compute_expected_value().to_string(), '61.74 EUR');
    r.set_probability_percent(0);
    assertEqual(r.compute_expected_value().to_string(), '0.00 EUR');
    r.set_probability_percent(100);
    assertEqual(r.compute_expected_value().to_string(), '1234.70 EUR');
    r.set_exposure(null);
    assertThrows(() => r.compute_expected_value(), E.NOT_ASSESSABLE);
});

function riskRegister() {
    const register = Aff.RiskRegister.new();
    const add = (title, category, pr, im, {treatment = T.NONE, status = null, exposure = null, percent = null} = {}) => {
        const r = Aff.Risk.new(title, category, pr, im);
        r.set_treatment(treatment);
        if (status !== null)
            r.set_status(status);
        if (exposure !== null)
            r.set_exposure(money(exposure));
        if (percent !== null)
            r.set_probability_percent(percent);
        assertTrue(register.add_risk(r));
        return r;
    };
    add('Accès grue', RC.SAFETY, 4, 4, {exposure: '20000.00 EUR', percent: 10});                         // RISK-1 16 CRITICAL
    add('Prix de l\'acier', RC.ECONOMIC, 3, 4, {treatment: T.SHARE, exposure: '12345.50 EUR', percent: 30}); // RISK-2 12 HIGH
    add('Fenêtre d\'arrêt', RC.SCHEDULE, 2, 5, {treatment: T.REDUCE, exposure: '5000.00 EUR'});           // RISK-3 10 HIGH, no percent
    add('Défaut de soudure', RC.TECHNICAL, 5, 5, {status: Aff.RiskStatus.CLOSED, exposure: '99999.00 EUR', percent: 50}); // RISK-4 closed
    add('Plans en retard', RC.CLIENT, 3, 3, {exposure: '1234.50 EUR', percent: 5});                      // RISK-5 9 MEDIUM
    add('Bruit', RC.ENVIRONMENT, 2, 2, {status: Aff.RiskStatus.OCCURRED, exposure: '100.00 EUR', percent: 100}); // RISK-6 occurred
    add('Pénalités', RC.CONTRACTUAL, 4, 4, {treatment: T.ACCEPT});                                      // RISK-7 16 CRITICAL, treated
    return register;
}

test('risk register: ids, lookup, removal', () => {
    const register = riskRegister();
    assertEqual(items(register.get_risks()).map(r => r.get_id()),
        ['RISK-1', 'RISK-2', 'RISK-3', 'RISK-4', 'RISK-5', 'RISK-6', 'RISK-7']);
    const r2 = register.lookup_risk('RISK-2');
    assertEqual(r2.get_title(), 'Prix de l\'acier');
    assertEqual(register.lookup_risk('RISK-99'), null);
    // A risk belongs to one register.
    assertThrows(() => register.add_risk(r2), E.INVALID_VALUE);
    assertThrows(() => Aff.RiskRegister.new().add_risk(r2), E.INVALID_VALUE);
    assertThrows(() => register.remove_risk('RISK-99'), E.NOT_FOUND, 'RISK-99');
    assertTrue(register.remove_risk('RISK-6'));
    assertEqual(register.lookup_risk('RISK-6'), null);
    assertEqual(register.get_risks().get_n_items(), 6);
    assertThrows(() => register.remove_risk('RISK-6'), E.NOT_FOUND);
});

test('risk register: summarize', () => {
    const policy = Aff.Policy.new();
    const register = riskRegister();
    // Open: RISK-1 (16), RISK-2 (12), RISK-3 (10), RISK-5 (9), RISK-7 (16).
    let s = register.summarize(policy, 3);
    assertEqual(s.get_n_open(), 5);
    assertEqual([B.LOW, B.MEDIUM, B.HIGH, B.CRITICAL].map(b => s.get_count(b)), [0, 1, 2, 2]);
    assertEqual(s.get_highest_band(), B.CRITICAL);
    assertEqual(s.get_n_untreated_critical(), 1);    // RISK-1; RISK-7 is accepted
    // By criticality, then order of addition: 16 (RISK-1), 16 (RISK-7), 12 (RISK-2).
    assertEqual(s.get_top_risks(), ['RISK-1', 'RISK-7', 'RISK-2']);
    // 2 000.00 (20 000 x 10 %) + 3 703.65 (12 345.50 x 30 %) + 61.72 (1 234.50 x 5 %, 6 172.5 -> 6 172)
    // = 5 765.37; RISK-3 has no percent, RISK-4 and RISK-6 are not open, RISK-7 has no exposure.
    assertEqual(s.get_expected_exposure().to_string(), '5765.37 EUR');
    s = register.summarize(policy, 10);
    assertEqual(s.get_top_risks(), ['RISK-1', 'RISK-7', 'RISK-2', 'RISK-3', 'RISK-5']);
    assertEqual(register.summarize(policy, 0).get_top_risks(), []);
    // Thresholds from the policy: critical 12 -> RISK-2 (12) becomes CRITICAL, but it is shared.
    policy.set_risk_critical_threshold(12);
    s = register.summarize(policy, 1);
    assertEqual([B.LOW, B.MEDIUM, B.HIGH, B.CRITICAL].map(b => s.get_count(b)), [0, 1, 1, 3]);
    assertEqual(s.get_n_untreated_critical(), 1);
    // Treating RISK-1 leaves no untreated critical risk.
    register.lookup_risk('RISK-1').set_treatment(T.REDUCE);
    assertEqual(register.summarize(policy, 1).get_n_untreated_critical(), 0);
    // An exposure in another currency than the policy's.
    const usd = Aff.Risk.new('Change', RC.ECONOMIC, 1, 1);
    usd.set_exposure(money('1000.00 USD'));
    usd.set_probability_percent(10);
    register.add_risk(usd);
    assertThrows(() => register.summarize(policy, 1), E.CURRENCY_MISMATCH);

    const empty = Aff.RiskRegister.new().summarize(Aff.Policy.new(), 5);
    assertEqual(empty.get_n_open(), 0);
    assertEqual(empty.get_highest_band(), B.LOW);
    assertEqual(empty.get_top_risks(), []);
    assertEqual(empty.get_expected_exposure().to_string(), '0.00 EUR');
});

// --- Consultations ---------------------------------------------------------------

test('consultation: properties', () => {
    const c = Aff.Consultation.new('C1', 'acme', 'Révision des pompes', date(2026, 3, 2), date(2026, 4, 15));
    assertEqual([c.get_id(), c.get_client_id(), c.get_title()], ['C1', 'acme', 'Révision des pompes']);
    assertEqual([iso(c.get_received()), iso(c.get_deadline())], ['2026-03-02', '2026-04-15']);
    assertEqual(c.get_state(), CS.RECEIVED);
    assertTrue(c.is_open());
    assertEqual(c.get_expected_margin_rate(), MARGIN_UNSET);
    assertEqual(c.get_estimated_hours(), 0);
    assertEqual(c.get_regulatory_flags(), Aff.RegulatoryFlags.NONE);
    c.set_regulatory_flags(Aff.RegulatoryFlags.ATEX | Aff.RegulatoryFlags.HOT_WORK);
    assertEqual(c.get_regulatory_flags(), 8 | 4);
    c.set_activities(['pipework', 'mechanical-maintenance']);
    assertEqual(c.get_activities(), ['pipework', 'mechanical-maintenance']);
    c.set_source(Aff.ConsultationSource.PUBLIC_TENDER);
    assertEqual(c.get_source(), Aff.ConsultationSource.PUBLIC_TENDER);
    c.set_estimated_value(money('150000.00 EUR'));
    assertEqual(c.get_estimated_value().to_string(), '150000.00 EUR');
    c.set_site('Usine de Feyzin');
    assertEqual(c.get_site(), 'Usine de Feyzin');
    assertTrue(c.get_risk_register() instanceof Aff.RiskRegister);
});

test('consultation: state machine, allowed and refused transitions', () => {
    const c = Aff.Consultation.new('C1', 'acme', 'Révision des pompes', date(2026, 3, 2), date(2026, 4, 15));
    refused(c, () => c.mark_offer_sent(date(2026, 3, 3), 'too early'));
    refused(c, () => c.mark_won(date(2026, 3, 3), 'too early'));
    refused(c, () => c.mark_lost(date(2026, 3, 3), 'too early'));
    assertFalse(c.get_state_date(CS.QUALIFYING)[0]);
    assertTrue(c.start_qualification(date(2026, 3, 5), 'analysis'));
    assertEqual(c.get_state(), CS.QUALIFYING);
    let [ok, d] = c.get_state_date(CS.QUALIFYING);
    assertTrue(ok);
    assertEqual(iso(d), '2026-03-05');
    assertFalse(c.get_state_date(CS.GO)[0]);
    // QUALIFYING leaves only through the portfolio's decision, or by abandon.
    refused(c, () => c.start_qualification(date(2026, 3, 6), 'again'));
    refused(c, () => c.mark_offer_sent(date(2026, 3, 6), 'no decision'));
    refused(c, () => c.mark_won(date(2026, 3, 6), 'no'));
    refused(c, () => c.mark_lost(date(2026, 3, 6), 'no'));
    // Dated before the previous transition.
    assertThrows(() => c.abandon(date(2026, 3, 4), 'backdated'), E.INVALID_VALUE);
    assertEqual(c.get_state(), CS.QUALIFYING);
    // Same day is fine.
    assertTrue(c.abandon(date(2026, 3, 5), 'client cancelled'));
    assertEqual(c.get_state(), CS.ABANDONED);
    assertFalse(c.is_open());
    [ok, d] = c.get_state_date(CS.ABANDONED);
    assertEqual([ok, iso(d)], [true, '2026-03-05']);
    for (const fn of [
        () => c.start_qualification(date(2026, 3, 9), ''),
        () => c.mark_offer_sent(date(2026, 3, 9), ''),
        () => c.mark_won(date(2026, 3, 9), ''),
        () => c.mark_lost(date(2026, 3, 9), ''),
        () => c.abandon(date(2026, 3, 9), ''),
    ])
        refused(c, fn);
    // Abandon straight from RECEIVED.
    const r = Aff.Consultation.new('C2', 'acme', 'Autre', date(2026, 3, 2), date(2026, 4, 15));
    assertTrue(r.abandon(date(2026, 3, 2), 'withdrawn'));
    assertEqual(r.get_state(), CS.ABANDONED);
});

test('consultation: GO, OFFER_SENT, WON, LOST, NO_GO, ABANDONED through the portfolio', () => {
    const p = basePortfolio();
    for (const id of ['A', 'B', 'C', 'D'])
        addGoCase(p, id);
    // A: GO -> OFFER_SENT -> WON.
    const a = drive(p, 'A', CS.GO, {qualify: date(2026, 3, 5), evaluate: EVAL_DATE});
    assertEqual(a.get_state(), CS.GO);
    assertTrue(a.is_open());
    refused(a, () => a.mark_won(date(2026, 3, 20), ''));
    refused(a, () => a.mark_lost(date(2026, 3, 20), ''));
    refused(a, () => a.start_qualification(date(2026, 3, 20), ''));
    assertThrows(() => a.mark_offer_sent(date(2026, 3, 9), 'before GO'), E.INVALID_VALUE);
    assertEqual(a.get_state(), CS.GO);
    assertTrue(a.mark_offer_sent(date(2026, 3, 20), 'sent'));
    assertTrue(a.is_open());
    refused(a, () => a.mark_offer_sent(date(2026, 3, 21), ''));
    refused(a, () => a.start_qualification(date(2026, 3, 21), ''));
    assertTrue(a.mark_won(date(2026, 4, 20), 'order'));
    assertEqual(a.get_state(), CS.WON);
    assertFalse(a.is_open());
    for (const fn of [() => a.mark_lost(date(2026, 5, 1), ''), () => a.abandon(date(2026, 5, 1), ''),
        () => a.mark_won(date(2026, 5, 1), ''), () => a.mark_offer_sent(date(2026, 5, 1), '')])
        refused(a, fn);
    assertEqual(iso(a.get_state_date(CS.OFFER_SENT)[1]), '2026-03-20');
    assertEqual(iso(a.get_state_date(CS.WON)[1]), '2026-04-20');
    // B: OFFER_SENT -> LOST; C: OFFER_SENT -> ABANDONED; D: GO -> ABANDONED.
    const b = drive(p, 'B', CS.LOST, {qualify: date(2026, 3, 5), evaluate: EVAL_DATE, sent: date(2026, 3, 20)});
    assertEqual(b.get_state(), CS.LOST);
    refused(b, () => b.abandon(date(2026, 5, 1), ''));
    const c = drive(p, 'C', CS.OFFER_SENT, {qualify: date(2026, 3, 5), evaluate: EVAL_DATE});
    assertTrue(c.abandon(date(2026, 3, 25), 'project cancelled'));
    const d = drive(p, 'D', CS.GO, {qualify: date(2026, 3, 5), evaluate: EVAL_DATE});
    assertTrue(d.abandon(date(2026, 3, 25), 'no resources'));
    assertEqual([c.get_state(), d.get_state()], [CS.ABANDONED, CS.ABANDONED]);
    // NO_GO is final.
    addGoCase(p, 'E');
    const e = drive(p, 'E', CS.NO_GO, {qualify: date(2026, 3, 5), evaluate: EVAL_DATE});
    assertEqual(e.get_state(), CS.NO_GO);
    assertFalse(e.is_open());
    for (const fn of [() => e.abandon(date(2026, 5, 1), ''), () => e.start_qualification(date(2026, 5, 1), ''),
        () => e.mark_offer_sent(date(2026, 5, 1), ''), () => e.mark_won(date(2026, 5, 1), '')])
        refused(e, fn);
    // The state changes are journaled with the date and the reason.
    const change = lastEntry(p, 'consultation', 'A', 'state-changed');
    assertEqual([change.dup_detail('date'), change.dup_detail('reason')], ['2026-04-20', 'order']);
});

test('consultation: requirements, questions, contributions', () => {
    const p = basePortfolio();
    const c = Aff.Consultation.new('C1', 'acme', 'Révision des pompes', date(2026, 3, 2), date(2026, 4, 15));
    p.add_consultation(c);
    assertTrue(c.is_analysis_complete());   // nothing asked yet
    assertEqual(c.add_requirement('Pompes ATEX zone 2'), 'REQ-1');
    assertEqual(c.add_requirement('Intervention pendant l\'arrêt d\'août'), 'REQ-2');
    assertEqual(items(c.get_requirements()).map(r => [r.get_id(), r.get_text()]),
        [['REQ-1', 'Pompes ATEX zone 2'], ['REQ-2', 'Intervention pendant l\'arrêt d\'août']]);

    assertEqual(c.ask_question('Quelle puissance ?', date(2026, 3, 4)), 'Q-1');
    assertEqual(c.ask_question('Accès de nuit ?', date(2026, 3, 6)), 'Q-2');
    assertFalse(c.is_analysis_complete());
    assertThrows(() => c.answer_question('Q-9', 'x', date(2026, 3, 7)), E.NOT_FOUND, 'Q-9');
    // Answered before asked.
    assertThrows(() => c.answer_question('Q-2', 'Oui', date(2026, 3, 5)), E.INVALID_VALUE);
    assertTrue(c.answer_question('Q-1', '75 kW', date(2026, 3, 5)));
    assertThrows(() => c.answer_question('Q-1', 'again', date(2026, 3, 8)), E.INVALID_VALUE);
    const q1 = items(c.get_clarifications())[0];
    assertEqual([q1.get_id(), q1.get_question(), q1.get_answer(), iso(q1.get_asked_date()),
        iso(q1.get_answered_date()), q1.is_answered()], ['Q-1', 'Quelle puissance ?', '75 kW',
        '2026-03-04', '2026-03-05', true]);
    assertFalse(items(c.get_clarifications())[1].is_answered());
    assertTrue(c.answer_question('Q-2', 'Oui', date(2026, 3, 6)));   // same day as asked
    assertTrue(c.is_analysis_complete());

    assertEqual(c.request_contribution(Aff.Department.METHODS, 'Paul Girard', 'Gamme de démontage',
        date(2026, 3, 12)), 'CON-1');
    assertEqual(c.request_contribution(Aff.Department.PURCHASING, 'Lina Roux', 'Prix des garnitures',
        date(2026, 3, 13)), 'CON-2');
    assertFalse(c.is_analysis_complete());
    assertThrows(() => c.complete_contribution('CON-9', 'x', date(2026, 3, 10)), E.NOT_FOUND, 'CON-9');
    assertTrue(c.complete_contribution('CON-1', '120 h', date(2026, 3, 10)));
    assertThrows(() => c.complete_contribution('CON-1', 'again', date(2026, 3, 11)), E.INVALID_VALUE);
    const con1 = items(c.get_contributions())[0];
    assertEqual([con1.get_department(), con1.get_who(), con1.get_what(), iso(con1.get_due_date()),
        con1.get_answer(), iso(con1.get_answered_date()), con1.is_answered()],
    [Aff.Department.METHODS, 'Paul Girard', 'Gamme de démontage', '2026-03-12', '120 h', '2026-03-10', true]);
    assertFalse(c.is_analysis_complete());
    assertTrue(c.complete_contribution('CON-2', '3 200 €', date(2026, 3, 11)));
    assertTrue(c.is_analysis_complete());

    const risk = Aff.Risk.new('Garnitures introuvables', RC.ECONOMIC, 2, 3);
    c.get_risk_register().add_risk(risk);
    c.get_risk_register().remove_risk('RISK-1');
    assertEqual(actions(p, 'consultation', 'C1'), [
        'added', 'requirement-added', 'requirement-added', 'question-asked', 'question-asked',
        'question-answered', 'question-answered', 'contribution-requested', 'contribution-requested',
        'contribution-completed', 'contribution-completed', 'risk-added', 'risk-removed',
    ]);
    assertTrue(p.get_journal().verify());
});

test('consultation: property changes are journaled', () => {
    const p = basePortfolio();
    const c = addGoCase(p, 'C1', {risks: []});
    c.set_regulatory_flags(Aff.RegulatoryFlags.ATEX | Aff.RegulatoryFlags.HOT_WORK);
    c.set_estimated_hours(3000);
    const changes = p.get_journal().list_entries_for('consultation', 'C1')
        .filter(e => e.get_action() === 'changed');
    assertEqual(changes.map(e => e.dup_detail('property')), ['regulatory-flags', 'estimated-hours']);
    // The value is recorded (not null) for every property, the flags included.
    assertEqual(changes[1].dup_detail('value'), '3000');
    const flags = changes[0].dup_detail('value');
    assertTrue(flags !== null && flags !== 'null', `regulatory-flags value recorded (got ${flags})`);
    assertTrue(p.get_journal().verify());
});

test('portfolio: add_consultation errors', () => {
    const p = basePortfolio();
    const make = (id, client = 'acme', received = date(2026, 3, 2), deadline = date(2026, 4, 15)) =>
        Aff.Consultation.new(id, client, `Affaire ${id}`, received, deadline);
    assertThrows(() => p.add_consultation(make('C1', 'nobody')), E.NOT_FOUND, 'nobody');
    assertTrue(p.add_consultation(make('C1')));
    assertEqual(p.lookup_consultation('C1').get_id(), 'C1');
    assertEqual(p.lookup_consultation('C9'), null);
    assertThrows(() => p.add_consultation(make('C1')), E.DUPLICATE_ID, 'C1');
    for (const id of ['', 'a b', 'tab\t', 'x'.repeat(65)])
        assertThrows(() => p.add_consultation(make(id)), E.INVALID_VALUE);
    // The constructor accepts a deadline before the received date; the portfolio does not.
    const backwards = make('C2', 'acme', date(2026, 3, 2), date(2026, 3, 1));
    assertEqual(iso(backwards.get_deadline()), '2026-03-01');
    assertThrows(() => p.add_consultation(backwards), E.INVALID_VALUE);
    // Same day is fine.
    assertTrue(p.add_consultation(make('C3', 'acme', date(2026, 3, 2), date(2026, 3, 2))));
    assertEqual(items(p.get_consultations()).map(c => c.get_id()), ['C1', 'C3']);
    // The client is in use.
    assertThrows(() => p.remove_client('acme'), E.IN_USE, 'acme');
    assertTrue(p.lookup_client('acme') !== null);
    assertTrue(p.remove_client('beta'));
});

test('portfolio: possible duplicates', () => {
    const p = basePortfolio();
    const add = (id, client, title, received) => {
        p.add_consultation(Aff.Consultation.new(id, client, title, received, date(2026, 6, 30)));
    };
    const dups = id => ids(p.list_possible_duplicates(id)).sort();
    // Words of 3 letters or more: C1 {maintenance, des, fours, trempe}.
    add('C1', 'acme', 'Maintenance des fours de trempe', date(2026, 3, 2));
    // C2 {maintenance, fours, trempe, ligne}: 3 common / 5 in the union >= 1/2; 18 days apart.
    add('C2', 'acme', 'MAINTENANCE fours trempe — ligne 2', date(2026, 3, 20));
    // Another client, same title: never a duplicate.
    add('C3', 'beta', 'Maintenance des fours de trempe', date(2026, 3, 2));
    // C4 {revision, des, fours}; C5 {revision, des, fours}: accents and case ignored -> 3/3.
    add('C4', 'acme', 'Révision des fours', date(2026, 4, 10));
    add('C5', 'acme', 'REVISION DES FOURS', date(2026, 4, 15));
    // C6 = C1's words, 30 days after C1 (2026-03-02 + 30 = 2026-04-01): still a duplicate.
    add('C6', 'acme', 'Maintenance des fours de trempe', date(2026, 4, 1));
    // C7: 31 days after C1 -> not C1's duplicate; 13 days after C2 (3/5), 1 day after C6 (4/4).
    add('C7', 'acme', 'Maintenance des fours de trempe', date(2026, 4, 2));
    // C1: C2 (18 d, 3/5), C6 (30 d, 4/4); C4, C5: {revision, des, fours} vs C1's: 2/5 < 1/2.
    assertEqual(dups('C1'), ['C2', 'C6']);
    // C2: C1, C6 (12 d), C7 (13 d): 3/5 each; C4 (21 d): {fours} 1/6; C5 (26 d) 1/6.
    assertEqual(dups('C2'), ['C1', 'C6', 'C7']);
    assertEqual(dups('C3'), []);
    // C4: C5 (5 d, 3/3); C6 (9 d): {des, fours} / {maintenance, des, fours, trempe, revision} = 2/5.
    assertEqual(dups('C4'), ['C5']);
    assertEqual(dups('C5'), ['C4']);
    assertEqual(dups('C6'), ['C1', 'C2', 'C7']);
    assertEqual(dups('C7'), ['C2', 'C6']);
    // Short words do not count: {pose, vanne} vs {pose, pompe} = 1/3
    // (with "de" and "la" it would be 3/5).
    add('S1', 'acme', 'Pose de la vanne', date(2026, 5, 4));
    add('S2', 'acme', 'Pose de la pompe', date(2026, 5, 5));
    assertEqual(dups('S2'), []);
    // Exactly one half: {peinture, cuve} vs {peinture, cuve, stockage, azote} = 2/4.
    add('H1', 'acme', 'Peinture cuve stockage azote', date(2026, 5, 20));
    add('H2', 'acme', 'Peinture de la cuve', date(2026, 5, 21));
    assertEqual(dups('H2'), ['H1']);
    // The "added" entry lists them.
    const added = id => lastEntry(p, 'consultation', id, 'added').get_details();
    assertTrue(added('C2').includes('"C1"'), `C2's added entry names C1: ${added('C2')}`);
    assertTrue(added('C7').includes('"C6"') && added('C7').includes('"C2"'), 'C7 names C2 and C6');
    assertFalse(added('C1').includes('"C2"'), 'C1 had no duplicate when added');
});

test('portfolio: open consultations and consultations due', () => {
    const p = basePortfolio();
    const add = (id, deadline) => {
        const c = Aff.Consultation.new(id, 'acme', `Affaire ${id}`, date(2026, 3, 1), deadline);
        p.add_consultation(c);
        return c;
    };
    add('D3', date(2026, 4, 9));
    add('D2', date(2026, 4, 8)).start_qualification(date(2026, 3, 2), 'analysis');
    add('D1', date(2026, 3, 25));
    add('B-tie', date(2026, 4, 20));
    add('A-tie', date(2026, 4, 20));
    add('X', date(2026, 4, 2)).abandon(date(2026, 3, 2), 'cancelled');
    addGoCase(p, 'G', {received: date(2026, 3, 1), deadline: date(2026, 4, 1)});
    drive(p, 'G', CS.GO, {qualify: date(2026, 3, 5), evaluate: date(2026, 3, 6)});
    // Open: by deadline, then id; X is abandoned.
    assertEqual(ids(p.list_open_consultations()), ['D1', 'G', 'D2', 'D3', 'A-tie', 'B-tie']);
    // 2026-04-01 + 7 = 2026-04-08: D1 (overdue), D2 (04-08); D3 is 04-09; G is GO.
    assertEqual(ids(p.list_consultations_due(date(2026, 4, 1))), ['D1', 'D2']);
    assertEqual(ids(p.list_consultations_due(date(2026, 3, 17))), []);       // 03-24 < 03-25
    assertEqual(ids(p.list_consultations_due(date(2026, 3, 18))), ['D1']);   // 03-25
    p.get_policy().set_deadline_warning_days(0);
    assertEqual(ids(p.list_consultations_due(date(2026, 4, 8))), ['D1', 'D2']);
});

// --- The evaluation ------------------------------------------------------------

test('evaluation: the GO case, criteria list and score by hand', () => {
    const p = basePortfolio();
    addGoCase(p);
    const ev = p.evaluate_consultation('CONS-GO', EVAL_DATE);
    assertEqual(ev.get_consultation_id(), 'CONS-GO');
    assertEqual(iso(ev.get_date()), '2026-03-10');
    const criteria = ev.get_criteria();
    assertEqual(criteria.map(c => c.get_name()), ['activities', 'solvency', 'deadline', 'critical-risks',
        'strategic-fit', 'win-rate', 'margin', 'risk', 'workload', 'bid-cost']);
    assertEqual(criteria.map(c => c.get_weight()), [0, 0, 0, 0, 20, 15, 25, 20, 10, 10]);
    assertEqual(criteria.map(c => c.is_blocking()), [true, true, true, true, false, false, false, false, false, false]);
    assertEqual(criteria.slice(0, 4).map(c => c.get_passed()), [true, true, true, true]);
    assertEqual(scores(ev), GO_SCORES);
    assertEqual(ev.get_score(), GO_SCORE);
    assertEqual(ev.get_verdict(), V.GO);
    assertEqual(ev.lookup_criterion('margin').get_score(), 5);
    assertEqual(ev.lookup_criterion('nothing'), null);
    // Justification in the policy language, and in either on demand.
    const fr = ev.render_justification('fr');
    const en = ev.render_justification('en');
    assertTrue(fr.length > 0 && en.length > 0 && fr !== en, 'two different texts');
    assertEqual(ev.get_justification(), fr);
    // Journaled.
    const entry = lastEntry(p, 'consultation', 'CONS-GO', 'evaluated');
    assertEqual([entry.dup_detail('score'), entry.dup_detail('date')], ['90', '2026-03-10']);
    assertTrue(entry.dup_detail('verdict') !== null);
    // The evaluation does not move the consultation.
    assertEqual(p.lookup_consultation('CONS-GO').get_state(), CS.RECEIVED);
});

test('evaluation: each gate failing alone gives NO_GO', () => {
    const gates = ['activities', 'solvency', 'deadline', 'critical-risks'];
    const check = (label, p, failed, expectedScore = GO_SCORE, expectedScores = GO_SCORES) => {
        const ev = p.evaluate_consultation('CONS-GO', EVAL_DATE);
        assertEqual(ev.get_verdict(), V.NO_GO, label);
        const expected = {...expectedScores, [failed]: 0};
        assertEqual(scores(ev), expected, label);
        assertEqual(gates.map(g => ev.lookup_criterion(g).get_passed()), gates.map(g => g !== failed), label);
        // The score is computed over the weighted criteria all the same.
        assertEqual(ev.get_score(), expectedScore, label);
    };
    let p = basePortfolio();
    addGoCase(p, 'CONS-GO', {activities: []});
    check('no activity', p, 'activities');
    p = basePortfolio();
    addGoCase(p, 'CONS-GO', {activities: ['mechanical-maintenance', 'painting']});
    check('an activity outside the policy', p, 'activities');

    p = basePortfolio({acmeSolvency: null});
    addGoCase(p);
    check('no solvency', p, 'solvency');
    // 2025-03-09 -> 2026-03-10 = 366 days > 365: stale.
    p = basePortfolio({acmeSolvency: safeSolvency(date(2025, 3, 9))});
    addGoCase(p);
    check('stale solvency', p, 'solvency');
    // SAFE zone, DSO 120 > 90 and 45 days late > 30: SAFE -> GREY -> DISTRESS.
    p = basePortfolio({acmeSolvency: safeSolvency(date(2025, 12, 31), {dso: 120, late: 45})});
    addGoCase(p);
    check('DISTRESS rating', p, 'solvency');
    // Z' (sector 28.29B) without sales: not assessable.
    p = basePortfolio({acmeSolvency: solvency(date(2025, 12, 31), roundFigures(null))});
    addGoCase(p);
    check('solvency not assessable', p, 'solvency');

    // 2026-03-19 - 2026-03-10 = 9 days < 10.
    p = basePortfolio();
    addGoCase(p, 'CONS-GO', {deadline: date(2026, 3, 19)});
    check('deadline too close', p, 'deadline');

    // An open 4 x 4 = 16 CRITICAL risk untreated; the risk criterion drops to 1:
    // 100 x (100 + 45 + 125 + 20x1 + 50 + 50) / 500 = 100 x 390 / 500 = 78.
    p = basePortfolio();
    addGoCase(p, 'CONS-GO', {risks: [[3, 3, T.REDUCE], [4, 4, T.NONE]]});
    check('untreated critical risk', p, 'critical-risks', 78, {...GO_SCORES, risk: 1});
});

test('evaluation: gates at their limits pass', () => {
    const pass = p => {
        const ev = p.evaluate_consultation('CONS-GO', EVAL_DATE);
        assertEqual(ev.get_criteria().slice(0, 4).map(c => c.get_passed()), [true, true, true, true]);
        return ev;
    };
    // 2025-03-10 -> 2026-03-10 = 365 days: not stale.
    let p = basePortfolio({acmeSolvency: safeSolvency(date(2025, 3, 10))});
    addGoCase(p);
    assertEqual(pass(p).get_verdict(), V.GO);
    // One breach only: SAFE -> GREY, which passes.
    p = basePortfolio({acmeSolvency: safeSolvency(date(2025, 12, 31), {dso: 120})});
    addGoCase(p);
    pass(p);
    // A later DISTRESS assessment is not the current one on 2026-03-10.
    p = basePortfolio();
    p.lookup_client('acme').add_solvency(safeSolvency(date(2026, 6, 30), {dso: 120, late: 45}));
    addGoCase(p);
    pass(p);
    // 2026-03-20 - 2026-03-10 = 10 days = min_preparation_days.
    p = basePortfolio();
    addGoCase(p, 'CONS-GO', {deadline: date(2026, 3, 20)});
    pass(p);
    // A critical risk being treated, or closed, or occurred, does not block.
    // Treated: risk band CRITICAL -> 1: score 78, still GO.
    p = basePortfolio();
    addGoCase(p, 'CONS-GO', {risks: [[3, 3, T.REDUCE], [4, 4, T.ACCEPT]]});
    let ev = pass(p);
    assertEqual([ev.lookup_criterion('risk').get_score(), ev.get_score(), ev.get_verdict()], [1, 78, V.GO]);
    p = basePortfolio();
    const c = addGoCase(p);
    const closed = Aff.Risk.new('Fermé', RC.SAFETY, 5, 5);
    closed.set_status(Aff.RiskStatus.CLOSED);
    c.get_risk_register().add_risk(closed);
    ev = pass(p);
    assertEqual([ev.lookup_criterion('risk').get_score(), ev.get_score()], [4, GO_SCORE]);
});

test('evaluation: a REVIEW case and a low-score NO_GO', () => {
    // ACTIVE 5; no history 3; margin unset 2; open HIGH risk (3 x 4 = 12) 2;
    // 13 000 / 20 000 = 65 % -> 4; bid cost unset 3:
    // 100 x (20x5 + 15x3 + 25x2 + 20x2 + 10x4 + 10x3) / 500 = 100 x 305 / 500 = 61 -> REVIEW (50..69).
    let p = basePortfolio();
    addGoCase(p, 'CONS-GO', {margin: MARGIN_UNSET, hours: 13000, cost: null, risks: [[3, 4, T.NONE]]});
    let ev = p.evaluate_consultation('CONS-GO', EVAL_DATE);
    assertEqual(scores(ev), {...GO_SCORES, 'margin': 2, 'risk': 2, 'workload': 4, 'bid-cost': 3});
    assertEqual([ev.get_score(), ev.get_verdict()], [61, V.REVIEW]);
    // The bands are the policy's: bid at 61 -> GO (61 >= 61); review at 62 -> NO_GO.
    p.get_policy().set_bid_threshold(61);
    assertEqual(p.evaluate_consultation('CONS-GO', EVAL_DATE).get_verdict(), V.GO);
    p.get_policy().set_bid_threshold(70);
    p.get_policy().set_review_threshold(62);
    assertEqual(p.evaluate_consultation('CONS-GO', EVAL_DATE).get_verdict(), V.NO_GO);

    // LOST client 1; no history 3; margin 8 % = floor 0; CRITICAL risk accepted 1;
    // 25 000 / 20 000 = 125 % -> 0; 10 000 / 100 000 = 1 000 bp -> 0:
    // 100 x (20 + 45 + 0 + 20 + 0 + 0) / 500 = 100 x 85 / 500 = 17 -> NO_GO, all gates passed.
    p = basePortfolio();
    p.lookup_client('acme').change_status(S.LOST, date(2026, 2, 1), 'gone');
    addGoCase(p, 'CONS-GO', {margin: 800, hours: 25000, value: '100000.00 EUR', cost: '10000.00 EUR',
        risks: [[4, 4, T.ACCEPT]]});
    ev = p.evaluate_consultation('CONS-GO', EVAL_DATE);
    assertEqual(ev.get_criteria().slice(0, 4).map(c => c.get_passed()), [true, true, true, true]);
    assertEqual(scores(ev), {...GO_SCORES, 'strategic-fit': 1, 'margin': 0, 'risk': 1, 'workload': 0, 'bid-cost': 0});
    assertEqual([ev.get_score(), ev.get_verdict()], [17, V.NO_GO]);
});

test('evaluation: strategic fit by client status', () => {
    const p = basePortfolio();
    addGoCase(p);
    const fit = () => p.evaluate_consultation('CONS-GO', EVAL_DATE).lookup_criterion('strategic-fit').get_score();
    assertEqual(fit(), 5);   // ACTIVE
    const acme = p.lookup_client('acme');
    acme.change_status(S.DORMANT, date(2026, 1, 1), 'quiet');
    assertEqual(fit(), 3);
    acme.change_status(S.PROSPECT, date(2026, 2, 1), 'new buyer');
    assertEqual(fit(), 4);
    acme.change_status(S.LOST, date(2026, 3, 1), 'gone');
    assertEqual(fit(), 1);
});

test('evaluation: margin score', () => {
    const p = basePortfolio();
    const c = addGoCase(p);
    const margin = m => {
        c.set_expected_margin_rate(m);
        return p.evaluate_consultation('CONS-GO', EVAL_DATE).lookup_criterion('margin').get_score();
    };
    // Target 1500, floor 800: 5 (m - 800) / 700.
    assertEqual(margin(1500), 5);
    assertEqual(margin(2500), 5);
    assertEqual(margin(800), 0);
    assertEqual(margin(-500), 0);
    assertEqual(margin(900), 1);    // 500 / 700 = 0.71
    assertEqual(margin(1010), 2);   // 1050 / 700 = 1.5 -> 2 (even)
    assertEqual(margin(1150), 2);   // 1750 / 700 = 2.5 -> 2 (even)
    assertEqual(margin(1200), 3);   // 2000 / 700 = 2.86
    assertEqual(margin(1220), 3);   // 2100 / 700 = 3
    assertEqual(margin(1290), 4);   // 2450 / 700 = 3.5 -> 4 (even)
    assertEqual(margin(1499), 5);   // 3495 / 700 = 4.99
    assertEqual(margin(MARGIN_UNSET), 2);
    // The policy's target and floor: 10 % / 0 %: 5 x 500 / 1000 = 2.5 -> 2.
    p.get_policy().set_target_margin_rate(1000);
    p.get_policy().set_floor_margin_rate(0);
    assertEqual(margin(500), 2);
    assertEqual(margin(700), 4);    // 3500 / 1000 = 3.5 -> 4
});

test('evaluation: bid cost score', () => {
    const p = basePortfolio();
    const c = addGoCase(p, 'CONS-GO', {value: '100000.00 EUR'});
    const bidCost = cost => {
        c.set_bid_cost(cost === null ? null : money(cost));
        return p.evaluate_consultation('CONS-GO', EVAL_DATE).lookup_criterion('bid-cost').get_score();
    };
    // r = cost / 100 000.00 in basis points.
    assertEqual(bidCost('500.00 EUR'), 5);     // 50
    assertEqual(bidCost('1000.00 EUR'), 5);    // 100
    assertEqual(bidCost('1500.00 EUR'), 4);    // 150
    assertEqual(bidCost('2000.00 EUR'), 4);    // 200
    assertEqual(bidCost('2500.00 EUR'), 3);    // 250
    assertEqual(bidCost('3000.00 EUR'), 3);    // 300
    assertEqual(bidCost('4000.00 EUR'), 2);    // 400
    assertEqual(bidCost('5000.00 EUR'), 2);    // 500
    assertEqual(bidCost('6000.00 EUR'), 1);    // 600
    assertEqual(bidCost('8000.00 EUR'), 1);    // 800
    assertEqual(bidCost('9000.00 EUR'), 0);    // 900
    assertEqual(bidCost('100000.00 EUR'), 0);  // 10 000
    assertEqual(bidCost(null), 3);             // unset
    assertEqual(bidCost('0.00 EUR'), 5);       // 0: a bid that costs nothing (rules.md)
    assertEqual(bidCost('-100.00 EUR'), 3);    // negative
    assertEqual(bidCost('500.00 USD'), 3);     // another currency
    c.set_estimated_value(money('-100000.00 EUR'));
    assertEqual(bidCost('500.00 EUR'), 3);     // negative value
    c.set_estimated_value(null);
    assertEqual(bidCost('500.00 EUR'), 3);     // no value
    c.set_estimated_value(money('0.00 EUR'));
    assertEqual(bidCost('500.00 EUR'), 3);     // zero value
});

test('evaluation: workload counts the consultations in GO or OFFER_SENT', () => {
    const p = basePortfolio();
    // Others: GO 6 000 h and OFFER_SENT 2 000 h count; QUALIFYING 50 000 h, WON 10 000 h do not.
    addGoCase(p, 'GO-1', {hours: 6000, received: date(2026, 2, 2)});
    addGoCase(p, 'SENT-1', {hours: 2000, received: date(2026, 2, 2)});
    addGoCase(p, 'QUAL-1', {hours: 50000, received: date(2026, 2, 2)});
    addGoCase(p, 'WON-1', {hours: 10000, received: date(2026, 2, 2)});
    const c = addGoCase(p);
    drive(p, 'GO-1', CS.GO, {qualify: date(2026, 2, 3)});
    drive(p, 'SENT-1', CS.OFFER_SENT, {qualify: date(2026, 2, 3)});
    drive(p, 'QUAL-1', CS.QUALIFYING, {qualify: date(2026, 2, 3)});
    drive(p, 'WON-1', CS.WON, {qualify: date(2026, 2, 3)});
    const workload = hours => {
        c.set_estimated_hours(hours);
        return p.evaluate_consultation('CONS-GO', EVAL_DATE).lookup_criterion('workload').get_score();
    };
    // u = (8 000 + h) / 20 000.
    assertEqual(workload(0), 5);        // 40 %
    assertEqual(workload(4000), 5);     // 60 %
    assertEqual(workload(7000), 4);     // 75 %
    assertEqual(workload(9000), 3);     // 85 %
    assertEqual(workload(11000), 2);    // 95 %
    assertEqual(workload(13000), 1);    // 105 %
    assertEqual(workload(13001), 0);    // 105.005 %
    p.get_policy().set_capacity_hours(40000);
    assertEqual(workload(16000), 5);    // 24 000 / 40 000 = 60 %
    p.get_policy().set_capacity_hours(0);
    assertEqual(workload(0), 0);
});

test('evaluation: win rate of the same client or a shared activity', () => {
    const p = basePortfolio();
    const add = (id, client, activities) => addGoCase(p, id, {client, activities,
        title: `Affaire ${id}`, received: date(2026, 1, 5), deadline: date(2026, 4, 30)});
    add('W1', 'acme', ['pipework']);
    add('L1', 'acme', ['pipework']);
    add('W2', 'beta', ['mechanical-maintenance']);
    add('W3', 'beta', ['mechanical-maintenance']);
    add('L2', 'beta', ['pipework']);
    add('X', 'acme', ['mechanical-maintenance']);
    add('N', 'acme', ['mechanical-maintenance']);
    add('A', 'acme', ['pipework']);
    add('T', 'acme', ['mechanical-maintenance']);
    const opts = {qualify: date(2026, 1, 6), evaluate: date(2026, 1, 10), sent: date(2026, 1, 20),
        outcome: date(2026, 2, 25)};
    const winRate = () => p.evaluate_consultation('T', date(2026, 3, 1)).lookup_criterion('win-rate').get_score();
    assertEqual(winRate(), 3);   // none yet
    drive(p, 'W1', CS.WON, opts);
    drive(p, 'L1', CS.LOST, opts);
    assertEqual(winRate(), 2);   // same client: 5 x 1 / 2 = 2.5 -> 2 (even)
    drive(p, 'W2', CS.WON, opts);
    assertEqual(winRate(), 3);   // shared activity: 5 x 2 / 3 = 3.33 -> 3
    drive(p, 'W3', CS.WON, opts);
    assertEqual(winRate(), 4);   // 5 x 3 / 4 = 3.75 -> 4
    // Neither the same client nor a shared activity; and states other than WON / LOST.
    drive(p, 'L2', CS.LOST, opts);
    drive(p, 'X', CS.OFFER_SENT, opts);
    drive(p, 'N', CS.NO_GO, opts);
    drive(p, 'A', CS.ABANDONED, opts);
    assertEqual(winRate(), 4);

    // Hit rates over the same consultations.
    const hit = (client, activity) => {
        const h = p.compute_hit_rate(client, activity);
        return [h.get_n_won(), h.get_n_lost(), h.get_n_pending(), h.get_n_no_go(), h.get_rate()];
    };
    // All: won W1 W2 W3, lost L1 L2, pending X, no-go N: 10000 x 3 / 5 = 6000.
    assertEqual(hit(null, null), [3, 2, 1, 1, 6000]);
    // acme: W1 / L1: 5000; X pending, N no-go.
    assertEqual(hit('acme', null), [1, 1, 1, 1, 5000]);
    // beta: W2 W3 / L2: 10000 x 2 / 3 = 6666.67 -> 6667.
    assertEqual(hit('beta', null), [2, 1, 0, 0, 6667]);
    // mechanical-maintenance: W2 W3 won, none lost: 10000; X, N.
    assertEqual(hit(null, 'mechanical-maintenance'), [2, 0, 1, 1, 10000]);
    // pipework: W1 / L1 L2: 3333.33 -> 3333.
    assertEqual(hit(null, 'pipework'), [1, 2, 0, 0, 3333]);
    assertEqual(hit('acme', 'pipework'), [1, 1, 0, 0, 5000]);
    assertEqual(hit('beta', 'pipework'), [0, 1, 0, 0, 0]);
    assertEqual(hit('nobody', null), [0, 0, 0, 0, -1]);
    assertEqual(hit(null, 'painting'), [0, 0, 0, 0, -1]);
});

test('evaluation: score rounding half to even, and all weights zero', () => {
    const p = basePortfolio();
    const policy = p.get_policy();
    // Weights: strategic-fit 1, bid-cost 39, the others 0; ACTIVE 5, bid cost 1 000 bp -> 0:
    // 100 x (1x5 + 39x0) / (5 x 40) = 500 / 200 = 2.5 -> 2 (even).
    for (const name of Aff.Policy.list_bid_criteria())
        policy.set_bid_weight(name, 0);
    policy.set_bid_weight('strategic-fit', 1);
    policy.set_bid_weight('bid-cost', 39);
    addGoCase(p, 'CONS-GO', {value: '100000.00 EUR', cost: '10000.00 EUR'});
    let ev = p.evaluate_consultation('CONS-GO', EVAL_DATE);
    assertEqual(ev.lookup_criterion('strategic-fit').get_weight(), 1);
    assertEqual(ev.lookup_criterion('margin').get_weight(), 0);
    assertEqual([ev.get_score(), ev.get_verdict()], [2, V.NO_GO]);
    // DORMANT 3: 300 / 200 = 1.5 -> 2 (even).
    p.lookup_client('acme').change_status(S.DORMANT, date(2026, 3, 1), 'quiet');
    ev = p.evaluate_consultation('CONS-GO', EVAL_DATE);
    assertEqual(ev.get_score(), 2);
    // All weights zero -> 0.
    policy.set_bid_weight('strategic-fit', 0);
    policy.set_bid_weight('bid-cost', 0);
    ev = p.evaluate_consultation('CONS-GO', EVAL_DATE);
    assertEqual([ev.get_score(), ev.get_verdict()], [0, V.NO_GO]);
});

test('evaluation: errors', () => {
    const p = basePortfolio();
    addGoCase(p);
    assertThrows(() => p.evaluate_consultation('nobody', EVAL_DATE), E.NOT_FOUND, 'nobody');
    // QUALIFYING is fine too.
    p.lookup_consultation('CONS-GO').start_qualification(date(2026, 3, 5), 'analysis');
    assertEqual(p.evaluate_consultation('CONS-GO', EVAL_DATE).get_verdict(), V.GO);
    p.decide_consultation('CONS-GO', V.GO, 'Direction', '');
    // The consultation tells its decision.
    const [decided, verdict, , by, , against] = p.lookup_consultation('CONS-GO').get_decision();
    assertEqual([decided, verdict, by, against], [true, V.GO, 'Direction', false]);
    assertEqual(p.lookup_consultation('CONS-GO').get_evaluation()[1], V.GO);
    assertThrows(() => p.evaluate_consultation('CONS-GO', EVAL_DATE), E.INVALID_TRANSITION);
    addGoCase(p, 'OLD');
    p.lookup_consultation('OLD').abandon(date(2026, 3, 3), 'cancelled');
    assertThrows(() => p.evaluate_consultation('OLD', EVAL_DATE), E.INVALID_TRANSITION);
});

test('evaluation: the consultation-evaluated signal adds a lesson', () => {
    const p = basePortfolio();
    addGoCase(p);
    const seen = [];
    const handler = p.connect('consultation-evaluated', (_p, evaluation) => {
        seen.push(evaluation.get_consultation_id());
        evaluation.add_lesson('Lors de l\'affaire 2024-017, l\'accès grue a coûté 3 jours');
    });
    const ev = p.evaluate_consultation('CONS-GO', EVAL_DATE);
    p.disconnect(handler);
    assertEqual(seen, ['CONS-GO']);
    // Emitted before returning: the returned evaluation has the lesson.
    assertEqual(ev.get_lessons(), ['Lors de l\'affaire 2024-017, l\'accès grue a coûté 3 jours']);
    const again = p.evaluate_consultation('CONS-GO', EVAL_DATE);
    assertEqual(seen.length, 1);
    assertEqual(again.get_lessons(), []);
});

// --- The decision ----------------------------------------------------------------

test('decide_consultation: preconditions', () => {
    const p = basePortfolio();
    const c = addGoCase(p);
    assertThrows(() => p.decide_consultation('nobody', V.GO, 'Direction', ''), E.NOT_FOUND);
    // RECEIVED, even evaluated: not QUALIFYING.
    p.evaluate_consultation('CONS-GO', EVAL_DATE);
    refused(c, () => p.decide_consultation('CONS-GO', V.GO, 'Direction', ''));
    // QUALIFYING but never evaluated.
    const d = addGoCase(p, 'OTHER');
    d.start_qualification(date(2026, 3, 5), 'analysis');
    const err = assertThrows(() => p.decide_consultation('OTHER', V.GO, 'Direction', ''), E.INVALID_TRANSITION);
    assertTrue(/not evaluated/.test(err.message), `message "${err.message}" says "not evaluated"`);
    assertEqual(d.get_state(), CS.QUALIFYING);
    // Evaluated (GO) and QUALIFYING.
    p.evaluate_consultation('OTHER', EVAL_DATE);
    assertThrows(() => p.decide_consultation('OTHER', V.REVIEW, 'Direction', 'x'), E.INVALID_VALUE);
    assertThrows(() => p.decide_consultation('OTHER', V.GO, '', ''), E.INVALID_VALUE);
    assertEqual(d.get_state(), CS.QUALIFYING);
    // With the evaluation: no justification needed.
    assertTrue(p.decide_consultation('OTHER', V.GO, 'Direction', ''));
    assertEqual(d.get_state(), CS.GO);
    // Dated with the evaluation's date.
    const [ok, when] = d.get_state_date(CS.GO);
    assertEqual([ok, iso(when)], [true, '2026-03-10']);
    refused(d, () => p.decide_consultation('OTHER', V.NO_GO, 'Direction', 'changed our mind'));
    const entry = lastEntry(p, 'consultation', 'OTHER', 'decided');
    assertEqual([entry.dup_detail('decided_by'), entry.dup_detail('against_evaluation')], ['Direction', 'false']);
});

test('decide_consultation: against the evaluation needs a justification', () => {
    const p = basePortfolio();
    const c = addGoCase(p);   // evaluates GO
    c.start_qualification(date(2026, 3, 5), 'analysis');
    assertEqual(p.evaluate_consultation('CONS-GO', EVAL_DATE).get_verdict(), V.GO);
    refusedValue(c, () => p.decide_consultation('CONS-GO', V.NO_GO, 'Direction', null));
    refusedValue(c, () => p.decide_consultation('CONS-GO', V.NO_GO, 'Direction', ''));
    assertTrue(p.decide_consultation('CONS-GO', V.NO_GO, 'Direction', 'Équipe mobilisée sur l\'arrêt de Feyzin'));
    assertEqual(c.get_state(), CS.NO_GO);
    let entry = lastEntry(p, 'consultation', 'CONS-GO', 'decided');
    assertEqual([entry.dup_detail('decided_by'), entry.dup_detail('justification'), entry.dup_detail('against_evaluation')],
        ['Direction', 'Équipe mobilisée sur l\'arrêt de Feyzin', 'true']);

    // NO_GO evaluation (deadline 9 days away) decided GO.
    const n = addGoCase(p, 'LATE', {deadline: date(2026, 3, 19)});
    n.start_qualification(date(2026, 3, 5), 'analysis');
    assertEqual(p.evaluate_consultation('LATE', EVAL_DATE).get_verdict(), V.NO_GO);
    refusedValue(n, () => p.decide_consultation('LATE', V.GO, 'Direction', ''));
    assertTrue(p.decide_consultation_at('LATE', V.GO, 'Direction', 'Client stratégique', date(2026, 3, 11)));
    assertEqual(n.get_state(), CS.GO);
    assertEqual(iso(n.get_state_date(CS.GO)[1]), '2026-03-11');
    entry = lastEntry(p, 'consultation', 'LATE', 'decided');
    assertEqual(entry.dup_detail('against_evaluation'), 'true');

    // NO_GO evaluation decided NO_GO: no justification needed.
    const m = addGoCase(p, 'LATE-2', {deadline: date(2026, 3, 19)});
    m.start_qualification(date(2026, 3, 5), 'analysis');
    p.evaluate_consultation('LATE-2', EVAL_DATE);
    assertTrue(p.decide_consultation('LATE-2', V.NO_GO, 'Direction', ''));
    assertEqual(lastEntry(p, 'consultation', 'LATE-2', 'decided').dup_detail('against_evaluation'), 'false');

    // After a REVIEW either decision is allowed without a justification.
    for (const [id, verdict, state] of [['REV-GO', V.GO, CS.GO], ['REV-NO', V.NO_GO, CS.NO_GO]]) {
        const r = addGoCase(p, id, {margin: MARGIN_UNSET, hours: 5000, cost: null, risks: [[3, 4, T.NONE]]});
        r.start_qualification(date(2026, 3, 5), 'analysis');
        // In GO: LATE (2 000 h), then REV-GO (5 000 h) for REV-NO: at most
        // (2 000 + 5 000 + 5 000) / 20 000 = 60 % -> 5; ACTIVE 5, no history 3, margin unset 2,
        // HIGH risk 2, bid cost unset 3: 100 x (100 + 45 + 50 + 40 + 50 + 30) / 500 = 63 -> REVIEW.
        const ev = p.evaluate_consultation(id, EVAL_DATE);
        assertEqual([ev.get_score(), ev.get_verdict()], [63, V.REVIEW], id);
        assertTrue(p.decide_consultation(id, verdict, 'Direction', ''));
        assertEqual(r.get_state(), state);
        assertEqual(lastEntry(p, 'consultation', id, 'decided').dup_detail('against_evaluation'), 'false');
    }
    assertTrue(p.get_journal().verify());
});

function refusedValue(c, fn) {
    const before = c.get_state();
    assertThrows(fn, E.INVALID_VALUE);
    assertEqual(c.get_state(), before, 'state unchanged after a refused decision');
}

// --- Verdict review, document ---------------------------------------------------

// V1 GO -> decided GO -> WON; V2 GO -> decided NO_GO (overridden); V3 NO_GO
// (deadline) -> NO_GO; V4 NO_GO -> decided GO (overridden) -> LOST; V5 REVIEW
// -> GO -> OFFER_SENT; V6 GO, not decided; V7 GO -> GO -> ABANDONED.
// Every evaluation happens before any decision, so nothing is in GO yet.
function verdictPortfolio() {
    const p = basePortfolio();
    p.get_policy().set_risk_critical_threshold(20);
    addGoCase(p, 'V1', {hours: 0});
    addGoCase(p, 'V2', {hours: 0});
    addGoCase(p, 'V3', {hours: 0, deadline: date(2026, 3, 15)});
    addGoCase(p, 'V4', {hours: 0, deadline: date(2026, 3, 15)});
    // 13 000 h -> 65 % -> 4; margin unset 2; HIGH risk 2; bid cost unset 3: 61 -> REVIEW.
    addGoCase(p, 'V5', {margin: MARGIN_UNSET, hours: 13000, cost: null, risks: [[3, 4, T.NONE]]});
    addGoCase(p, 'V6', {hours: 0});
    addGoCase(p, 'V7', {hours: 0});
    const verdicts = {};
    for (const id of ['V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'V7']) {
        p.lookup_consultation(id).start_qualification(date(2026, 3, 5), 'analysis');
        verdicts[id] = p.evaluate_consultation(id, EVAL_DATE).get_verdict();
    }
    assertEqual(verdicts, {V1: V.GO, V2: V.GO, V3: V.NO_GO, V4: V.NO_GO, V5: V.REVIEW, V6: V.GO, V7: V.GO});
    const c = id => p.lookup_consultation(id);
    p.decide_consultation('V1', V.GO, 'Direction', '');
    c('V1').mark_offer_sent(date(2026, 3, 20), 'sent');
    c('V1').mark_won(date(2026, 4, 20), 'order');
    p.decide_consultation('V2', V.NO_GO, 'Direction', 'Pas de soudeurs disponibles');
    p.decide_consultation('V3', V.NO_GO, 'Direction', '');
    p.decide_consultation('V4', V.GO, 'Direction', 'Client stratégique');
    c('V4').mark_offer_sent(date(2026, 3, 14), 'sent in a hurry');
    c('V4').mark_lost(date(2026, 4, 2), 'too expensive');
    p.decide_consultation('V5', V.GO, 'Direction', '');
    c('V5').mark_offer_sent(date(2026, 3, 25), 'sent');
    p.decide_consultation('V7', V.GO, 'Direction', '');
    c('V7').abandon(date(2026, 3, 30), 'cancelled by the client');
    // Something of everything else, for the document.
    c('V6').add_requirement('Pompes ATEX zone 2');
    c('V6').ask_question('Quelle puissance ?', date(2026, 3, 6));
    c('V6').answer_question('Q-1', '75 kW', date(2026, 3, 7));
    c('V6').ask_question('Accès de nuit ?', date(2026, 3, 8));
    c('V6').request_contribution(Aff.Department.SAFETY, 'Luc Bernard', 'Plan de prévention', date(2026, 3, 20));
    c('V6').set_regulatory_flags(Aff.RegulatoryFlags.ATEX | Aff.RegulatoryFlags.HOT_WORK);
    const risk = Aff.Risk.new('Grue', RC.SAFETY, 2, 5);
    risk.set_exposure(money('20000.00 EUR'));
    risk.set_probability_percent(10);
    risk.set_owner('Paul Girard');
    risk.set_review_date(date(2026, 3, 31));
    c('V6').get_risk_register().add_risk(risk);
    p.lookup_client('beta').add_solvency(solvency(date(2025, 12, 31), roundFigures(null), {dso: 95}));
    return p;
}

function reviewCounts(review) {
    const out = {};
    for (const [vn, v] of Object.entries(V)) {
        for (const [sn, s] of Object.entries(CS)) {
            if (typeof v !== 'number' || typeof s !== 'number')
                continue;
            const n = review.get_count(v, s);
            if (n !== 0)
                out[`${vn}/${sn}`] = n;
        }
    }
    return out;
}

const EXPECTED_COUNTS = {
    'GO/WON': 1, 'GO/NO_GO': 1, 'GO/ABANDONED': 1,
    'NO_GO/NO_GO': 1, 'NO_GO/LOST': 1,
    'REVIEW/OFFER_SENT': 1,
};

test('review_verdicts', () => {
    const p = verdictPortfolio();
    const review = p.review_verdicts();
    // Decided: V1, V2, V3, V4, V5, V7; overridden: V2 (GO -> NO_GO), V4 (NO_GO -> GO).
    assertEqual([review.get_n_decided(), review.get_n_overridden()], [6, 2]);
    assertEqual(reviewCounts(review), EXPECTED_COUNTS);
    // Hit rate: won V1, lost V4, pending V5, no-go V2 V3: 10000 x 1 / 2 = 5000.
    const h = p.compute_hit_rate(null, null);
    assertEqual([h.get_n_won(), h.get_n_lost(), h.get_n_pending(), h.get_n_no_go(), h.get_rate()], [1, 1, 1, 2, 5000]);
});

test('document: save and reload everything', () => {
    const p = verdictPortfolio();
    p.get_policy().set_capacity_hours(30000);
    p.get_policy().set_bid_weight('margin', 30);
    p.get_policy().set_language('en');
    const [text] = p.to_data();
    const q = Aff.Portfolio.new_from_data(text, -1);
    // The same document again.
    assertEqual(q.to_data()[0], text);
    assertTrue(q.get_journal().verify());
    assertEqual(q.get_journal().get_n_entries(), p.get_journal().get_n_entries());
    assertEqual(q.get_journal().get_head_hash(), p.get_journal().get_head_hash());

    const policy = q.get_policy();
    assertEqual([policy.get_capacity_hours(), policy.get_bid_weight('margin'), policy.get_language(),
        policy.get_risk_critical_threshold()], [30000, 30, 'en', 20]);

    assertEqual(items(q.get_consultations()).map(c => [c.get_id(), c.get_state()]), [
        ['V1', CS.WON], ['V2', CS.NO_GO], ['V3', CS.NO_GO], ['V4', CS.LOST],
        ['V5', CS.OFFER_SENT], ['V6', CS.QUALIFYING], ['V7', CS.ABANDONED]]);
    const v1 = q.lookup_consultation('V1');
    assertEqual([iso(v1.get_state_date(CS.GO)[1]), iso(v1.get_state_date(CS.WON)[1])], ['2026-03-10', '2026-04-20']);
    assertEqual(v1.get_estimated_value().to_string(), '400000.00 EUR');
    assertEqual(q.lookup_consultation('V5').get_expected_margin_rate(), MARGIN_UNSET);
    assertEqual(q.lookup_consultation('V5').get_estimated_hours(), 13000);

    const v6 = q.lookup_consultation('V6');
    assertEqual(v6.get_regulatory_flags(), Aff.RegulatoryFlags.ATEX | Aff.RegulatoryFlags.HOT_WORK);
    assertEqual(items(v6.get_requirements()).map(r => [r.get_id(), r.get_text()]), [['REQ-1', 'Pompes ATEX zone 2']]);
    assertEqual(items(v6.get_clarifications()).map(c => [c.get_id(), c.is_answered(), c.get_answer()]),
        [['Q-1', true, '75 kW'], ['Q-2', false, null]]);
    assertEqual(items(v6.get_contributions()).map(c => [c.get_id(), c.get_department(), c.is_answered()]),
        [['CON-1', Aff.Department.SAFETY, false]]);
    assertFalse(v6.is_analysis_complete());
    const risks = items(v6.get_risk_register().get_risks());
    assertEqual(risks.map(r => [r.get_id(), r.get_criticality(), r.get_treatment()]),
        [['RISK-1', 9, T.REDUCE], ['RISK-2', 10, T.NONE]]);
    assertEqual([risks[1].get_owner(), iso(risks[1].get_review_date()),
        risks[1].compute_expected_value().to_string()], ['Paul Girard', '2026-03-31', '2000.00 EUR']);
    // New ids continue after the loaded ones.
    assertEqual(v6.add_requirement('Délai 3 semaines'), 'REQ-2');
    assertEqual(v6.ask_question('Horaires ?', date(2026, 3, 9)), 'Q-3');

    // Solvencies with their resolved model.
    const acme = q.lookup_client('acme').get_current_solvency(EVAL_DATE);
    assertEqual([iso(acme.get_date()), acme.get_model()], ['2025-12-31', M.Z_PRIME]);
    assertClose(acme.compute_score()[1], 3.1242, 1e-9);
    const beta = q.lookup_client('beta').get_current_solvency(EVAL_DATE);
    assertEqual([beta.get_model(), beta.get_dso_days(), beta.get_sales()], [M.Z_DOUBLE_PRIME, 95, null]);
    // Z'' 4.012 SAFE, DSO 95 > 90: GREY.
    assertEqual(beta.compute_rating(policy), [true, Z.GREY]);

    // Statistics are the same.
    const review = q.review_verdicts();
    assertEqual([review.get_n_decided(), review.get_n_overridden()], [6, 2]);
    assertEqual(reviewCounts(review), EXPECTED_COUNTS);

    // The evaluation of V6 (GO on 2026-03-10) was saved: deciding NO_GO needs a justification.
    refusedValue(v6, () => q.decide_consultation('V6', V.NO_GO, 'Direction', ''));
    assertTrue(q.decide_consultation('V6', V.NO_GO, 'Direction', 'Carnet de commandes plein'));
    assertEqual(iso(v6.get_state_date(CS.NO_GO)[1]), '2026-03-10');
    assertEqual(lastEntry(q, 'consultation', 'V6', 'decided').dup_detail('against_evaluation'), 'true');
    assertTrue(q.get_journal().verify());
    // Duplicates survive too: all of V1..V7 share the template title words? No: titles
    // differ by id ("Maintenance des compresseurs V1"): {maintenance, des, compresseurs} + id
    // words of 2 letters do not count -> 3/3, all received 2026-03-02.
    assertEqual(ids(q.list_possible_duplicates('V1')).sort(), ['V2', 'V3', 'V4', 'V5', 'V6', 'V7']);
    assertEqual(ids(q.list_possible_duplicates('V1')).sort(), ids(p.list_possible_duplicates('V1')).sort());
});

test('document: the bidding additions are written in the current format', () => {
    // docs/rules.md: "Policy additions (format version 2)"; the plans of
    // affairs made it version 3, their financial follow-up 4, their dossier 5
    // (docs/format.md).
    const doc = JSON.parse(verdictPortfolio().to_data()[0]);
    assertEqual(doc.format, 'libaffaires-portfolio');
    assertEqual(doc.version, 5);
});

run();
