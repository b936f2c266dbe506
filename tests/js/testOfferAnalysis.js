// testOfferAnalysis.js: comparing two revisions (Aff.OfferRevision.compare,
// Aff.RevisionDiff, Aff.LineDiff) and the pipeline of a portfolio
// (portfolio.compute_pipeline, Aff.Pipeline) from JavaScript.
//
// Every expected value is worked out by hand from docs/rules.md, "Comparing
// revisions and the pipeline" (with "Revisions" for the pricing). Default
// policy: overheads labour 3000, material 1000, equipment 1000, subcontract
// 800, travel 500; floor margin 800.
//
// Revision A (standalone, EUR), margin rate 1500:
//   labour      "Soudure TIG"      20 h x   60.00 = 120000  lot-1
//   material    "Tubes inox DN50"  10 m x   50.00 =  50000  lot-1
//   travel      "Déplacements"      3 d x   95.50 =  28650  no lot
//   material    "Tubes inox DN50"   5 m x   52.00 =  26000  lot-1 (same key)
//   subcontract "Radiographie"      1 lump 1500.00 = 150000  lot-2
//   direct 374650; overheads 36000 + 7600 + 1432 (1432.5) + 12000 = 57032;
//   cost 431682; selling 4316820000 / 8500 = 507861.18 -> 507861; margin
//   76179; rate 761790000 / 507861 = 1499.99 -> 1500.
// Revision B, margin rate 1200:
//   labour      "Soudure TIG"      25 h x   60.00 = 150000  lot-1 (quantity changed)
//   material    "Tubes inox DN50"  10 m x   50.00 =  50000  lot-1
//   subcontract "Radiographie"      1 lump 1500.00 = 150000  lot-2
//   labour      "Soudure TIG"       8 h x   60.00 =  48000  lot-2 (new key)
//   equipment   "Nacelle"           2 d x  180.00 =  36000  lot-2 (added)
//   ("Déplacements" removed)
//   direct 434000; overheads 59400 + 5000 + 12000 + 3600 = 80000; cost 514000;
//   selling 5140000000 / 8800 = 584090.91 -> 584091; margin 70091; rate 1200.
// B.compare(A): selling +76230, cost +82318, margin -6088, rate -300.
//
// The pipeline portfolio (one material line "Tubes" 1 x cost per offer,
// validity 2026-06-30, sent 2026-04-01):
//   OFF-1 SENT 1000.00 at 1200 -> 125000
//   OFF-2 NEGOTIATION 2000.00: A 2000 (275000) sent, draft B 1200 -> 250000
//   OFF-3 ACCEPTED 4000.00: A 1200 (500000), B 2000 (550000) sent, accepted
//   OFF-4 DECLINED 1000.00: A 1000 (122222, rate 1000) sent, draft B 500
//   OFF-5 EXPIRED 1000.00 at 3000 (157143); OFF-6 WITHDRAWN; OFF-7 DRAFT
//   n_open 2, open 375000, hit 3333, weighted 124987.5 -> 124988, won 2000,
//   lost 1000.

import GLib from 'gi://GLib';
import Aff from 'gi://Aff?version=1';
import {
    test, run, assertEqual, assertTrue, assertThrows, date,
} from './harness.js';

const E = Aff.Error;
const S = Aff.OfferState;
const CS = Aff.ConsultationState;
const K = Aff.LineKind;
const U = Aff.LineUnit;

function line(kind, description, quantity, unit, cost, lot) {
    const l = Aff.OfferLine.new(kind, description, quantity, unit, Aff.Money.parse(cost));
    l.set_lot(lot);
    return l;
}

function revisionA(policy) {
    const a = Aff.OfferRevision.new('A', policy);
    for (const l of [
        line(K.LABOUR, 'Soudure TIG', '20', U.HOUR, '60.00 EUR', 'lot-1'),
        line(K.MATERIAL, 'Tubes inox DN50', '10', U.METRE, '50.00 EUR', 'lot-1'),
        line(K.TRAVEL, 'Déplacements', '3', U.DAY, '95.50 EUR', null),
        line(K.MATERIAL, 'Tubes inox DN50', '5', U.METRE, '52.00 EUR', 'lot-1'),
        line(K.SUBCONTRACT, 'Radiographie', '1', U.LUMP_SUM, '1500.00 EUR', 'lot-2'),
    ])
        a.add_line(l);
    a.set_margin_rate(1500);
    return a;
}

function revisionB(policy) {
    const b = Aff.OfferRevision.new('B', policy);
    for (const l of [
        line(K.LABOUR, 'Soudure TIG', '25', U.HOUR, '60.00 EUR', 'lot-1'),
        line(K.MATERIAL, 'Tubes inox DN50', '10', U.METRE, '50.00 EUR', 'lot-1'),
        line(K.SUBCONTRACT, 'Radiographie', '1', U.LUMP_SUM, '1500.00 EUR', 'lot-2'),
        line(K.LABOUR, 'Soudure TIG', '8', U.HOUR, '60.00 EUR', 'lot-2'),
        line(K.EQUIPMENT, 'Nacelle', '2', U.DAY, '180.00 EUR', 'lot-2'),
    ])
        b.add_line(l);
    b.set_margin_rate(1200);
    return b;
}

function minor(m, currency = 'EUR') {
    assertTrue(m !== null && m !== undefined, 'money expected');
    assertEqual(m.get_currency(), currency, 'currency');
    return m.get_minor();
}

function minorOrNull(m) {
    return m === null || m === undefined ? null : minor(m);
}

function diffLines(diff) {
    return diff.get_lines().map(d => [
        d.get_description(), d.get_kind(), d.get_lot(),
        minorOrNull(d.get_before()), minorOrNull(d.get_after()), minor(d.get_delta()),
    ]);
}

function totals(diff) {
    return [minor(diff.get_selling_delta()), minor(diff.get_cost_delta()),
        minor(diff.get_margin_delta()), diff.get_margin_rate_delta()];
}

const B_FROM_A = [
    ['Soudure TIG', K.LABOUR, 'lot-1', 120000, 150000, 30000],
    ['Tubes inox DN50', K.MATERIAL, 'lot-1', 76000, 50000, -26000],
    ['Déplacements', K.TRAVEL, null, 28650, null, -28650],
    ['Radiographie', K.SUBCONTRACT, 'lot-2', 150000, 150000, 0],
    ['Soudure TIG', K.LABOUR, 'lot-2', null, 48000, 48000],
    ['Nacelle', K.EQUIPMENT, 'lot-2', null, 36000, 36000],
];

const A_FROM_B = [
    ['Soudure TIG', K.LABOUR, 'lot-1', 150000, 120000, -30000],
    ['Tubes inox DN50', K.MATERIAL, 'lot-1', 50000, 76000, 26000],
    ['Radiographie', K.SUBCONTRACT, 'lot-2', 150000, 150000, 0],
    ['Soudure TIG', K.LABOUR, 'lot-2', 48000, null, -48000],
    ['Nacelle', K.EQUIPMENT, 'lot-2', 36000, null, -36000],
    ['Déplacements', K.TRAVEL, null, null, 28650, 28650],
];

const A_SAME = [
    ['Soudure TIG', K.LABOUR, 'lot-1', 120000, 120000, 0],
    ['Tubes inox DN50', K.MATERIAL, 'lot-1', 76000, 76000, 0],
    ['Déplacements', K.TRAVEL, null, 28650, 28650, 0],
    ['Radiographie', K.SUBCONTRACT, 'lot-2', 150000, 150000, 0],
];

function newPortfolio(n) {
    const p = Aff.Portfolio.new();
    p.set_actor('Claire Martin');
    p.set_fixed_time(GLib.DateTime.new_utc(2026, 4, 1, 9, 0, 0));
    p.get_policy().set_activities(['pipework']);
    p.add_client(Aff.Client.new('acme', 'ACME Industrie'));
    for (let i = 1; i <= n; i++) {
        const id = `CONS-${i}`;
        const k = Aff.Consultation.new(id, 'acme', `Tuyauterie ${id}`, date(2026, 3, 2), date(2026, 4, 15));
        k.set_activities(['pipework']);
        p.add_consultation(k);
        k.start_qualification(date(2026, 3, 3), 'analysis');
        p.evaluate_consultation(id, date(2026, 3, 5));
        p.decide_consultation(id, Aff.BidVerdict.GO, 'Direction', 'client stratégique');
        assertEqual(k.get_state(), CS.GO, `${id} GO`);
    }
    return p;
}

function simpleOffer(p, id, consultationId, cost, rate) {
    const offer = Aff.Offer.new(id, consultationId);
    p.add_offer(offer);
    const rev = offer.get_current_revision();
    rev.add_line(line(K.MATERIAL, 'Tubes', '1', U.UNIT, cost, null));
    rev.set_margin_rate(rate);
    rev.set_validity(date(2026, 6, 30));
    return offer;
}

function send(offer, y = 2026, m = 4, d = 1) {
    offer.send(date(y, m, d));
    assertEqual(offer.get_state(), S.SENT, `${offer.get_id()} SENT`);
}

function revise(offer, rate) {
    const b = offer.revise();
    assertTrue(offer.get_current_revision() === b, 'current revision is the new one');
    b.set_margin_rate(rate);
    assertEqual(offer.get_state(), S.NEGOTIATION, 'NEGOTIATION');
    return b;
}

function selling(rev) {
    return minor(rev.get_selling_price());
}

function pipelineValues(pl, currency = 'EUR') {
    return [pl.get_n_open(), minor(pl.get_open_total(), currency),
        minor(pl.get_weighted_total(), currency), pl.get_hit_rate(),
        pl.get_average_margin_won(), pl.get_average_margin_lost()];
}

test('fixture pricing', () => {
    const policy = Aff.Policy.new();
    const a = revisionA(policy);
    const b = revisionB(policy);
    assertEqual(minor(a.get_direct_cost()), 374650, 'A direct');
    assertEqual(minor(a.get_overheads()), 57032, 'A overheads');
    assertEqual(minor(a.get_cost_price()), 431682, 'A cost');
    assertEqual(selling(a), 507861, 'A selling');
    assertEqual(minor(a.get_margin()), 76179, 'A margin');
    assertEqual(a.get_margin_rate(), 1500, 'A rate');
    assertEqual(minor(b.get_direct_cost()), 434000, 'B direct');
    assertEqual(minor(b.get_overheads()), 80000, 'B overheads');
    assertEqual(minor(b.get_cost_price()), 514000, 'B cost');
    assertEqual(selling(b), 584091, 'B selling');
    assertEqual(minor(b.get_margin()), 70091, 'B margin');
    assertEqual(b.get_margin_rate(), 1200, 'B rate');
});

test('compare B from A', () => {
    const policy = Aff.Policy.new();
    const a = revisionA(policy);
    const b = revisionB(policy);
    const diff = b.compare(a);
    assertTrue(diff instanceof Aff.RevisionDiff, 'a RevisionDiff');
    assertEqual(totals(diff), [76230, 82318, -6088, -300], 'totals');
    const lines = diffLines(diff);
    assertEqual(lines, B_FROM_A, 'lines');
    assertEqual(lines.reduce((s, l) => s + l[5], 0), 434000 - 374650, 'sum of line deltas');
    assertEqual(a.get_lines().get_n_items(), 5, 'A unchanged');
    assertEqual(b.get_lines().get_n_items(), 5, 'B unchanged');
    assertEqual(selling(a), 507861, 'A price unchanged');
    assertEqual(selling(b), 584091, 'B price unchanged');
});

test('compare A from B', () => {
    const policy = Aff.Policy.new();
    const diff = revisionA(policy).compare(revisionB(policy));
    assertEqual(totals(diff), [-76230, -82318, 6088, 300], 'totals');
    assertEqual(diffLines(diff), A_FROM_B, 'lines');
});

test('compare identical revisions', () => {
    const policy = Aff.Policy.new();
    const a = revisionA(policy);
    const a2 = revisionA(policy);
    assertEqual(totals(a2.compare(a)), [0, 0, 0, 0], 'copy totals');
    assertEqual(diffLines(a2.compare(a)), A_SAME, 'copy lines');
    assertEqual(totals(a.compare(a)), [0, 0, 0, 0], 'self totals');
    assertEqual(diffLines(a.compare(a)), A_SAME, 'self lines');
    const empty = Aff.OfferRevision.new('B', policy).compare(Aff.OfferRevision.new('A', policy));
    assertEqual(totals(empty), [0, 0, 0, 0], 'empty totals');
    assertEqual(empty.get_lines().length, 0, 'empty lines');
});

test('compare currency mismatch', () => {
    const eur = Aff.Policy.new();
    const usd = Aff.Policy.new();
    usd.set_currency('USD');
    const a = revisionA(eur);
    const u = Aff.OfferRevision.new('B', usd);
    assertEqual(u.get_currency(), 'USD', 'USD revision');
    u.add_line(line(K.LABOUR, 'Soudure TIG', '20', U.HOUR, '60.00 USD', 'lot-1'));
    assertThrows(() => u.compare(a), E.CURRENCY_MISMATCH);
    assertThrows(() => a.compare(u), E.CURRENCY_MISMATCH);
    assertThrows(() => Aff.OfferRevision.new('B', usd).compare(Aff.OfferRevision.new('A', eur)),
        E.CURRENCY_MISMATCH);
});

test('compare an offer\'s revisions', () => {
    // A = B: Tubes 100000 + travel 2 d x 100.00 = 20000; overheads 11000;
    // cost 131000; 1310000000 / 8800 = 148863.6 -> 148864, margin 17864,
    // rate 1200. B without travel at 2000: cost 110000, selling 137500,
    // margin 27500.
    const p = newPortfolio(1);
    const offer = simpleOffer(p, 'OFF-1', 'CONS-1', '1000.00 EUR', 1200);
    const a = offer.get_current_revision();
    a.add_line(line(K.TRAVEL, 'Déplacements', '2', U.DAY, '100.00 EUR', null));
    assertEqual(selling(a), 148864, 'A selling');
    send(offer);
    const b = offer.revise();
    const same = b.compare(a);
    assertEqual(totals(same), [0, 0, 0, 0], 'fresh revision totals');
    assertEqual(diffLines(same), [
        ['Tubes', K.MATERIAL, null, 100000, 100000, 0],
        ['Déplacements', K.TRAVEL, null, 20000, 20000, 0],
    ], 'fresh revision lines');
    b.remove_line(1);
    b.set_margin_rate(2000);
    const diff = b.compare(a);
    assertEqual(totals(diff), [137500 - 148864, 110000 - 131000, 27500 - 17864, 800], 'totals');
    assertEqual(diffLines(diff), [
        ['Tubes', K.MATERIAL, null, 100000, 100000, 0],
        ['Déplacements', K.TRAVEL, null, 20000, null, -20000],
    ], 'lines');
});

test('pipeline of an empty portfolio', () => {
    const pl = Aff.Portfolio.new().compute_pipeline();
    assertTrue(pl instanceof Aff.Pipeline, 'a Pipeline');
    assertEqual(pipelineValues(pl), [0, 0, 0, -1, -1, -1], 'EUR');
    const q = Aff.Portfolio.new();
    q.get_policy().set_currency('USD');
    assertEqual(pipelineValues(q.compute_pipeline(), 'USD'), [0, 0, 0, -1, -1, -1], 'USD');
});

test('pipeline with open offers only', () => {
    const p = newPortfolio(3);
    send(simpleOffer(p, 'OFF-1', 'CONS-1', '1000.00 EUR', 1200));
    simpleOffer(p, 'OFF-2', 'CONS-2', '2000.00 EUR', 1200);
    const o3 = simpleOffer(p, 'OFF-3', 'CONS-3', '4000.00 EUR', 1200);
    send(o3);
    o3.withdraw(date(2026, 4, 5), "client a changé d'avis");
    assertEqual(o3.get_state(), S.WITHDRAWN, 'withdrawn');
    assertEqual(pipelineValues(p.compute_pipeline()), [1, 125000, 0, -1, -1, -1], 'pipeline');
});

test('pipeline with every state', () => {
    const p = newPortfolio(7);
    const o1 = simpleOffer(p, 'OFF-1', 'CONS-1', '1000.00 EUR', 1200);
    send(o1);
    assertEqual(selling(o1.get_current_revision()), 125000, 'OFF-1');

    const o2 = simpleOffer(p, 'OFF-2', 'CONS-2', '2000.00 EUR', 2000);
    assertEqual(selling(o2.get_current_revision()), 275000, 'OFF-2 A');
    send(o2);
    assertEqual(selling(revise(o2, 1200)), 250000, 'OFF-2 B');

    const o3 = simpleOffer(p, 'OFF-3', 'CONS-3', '4000.00 EUR', 1200);
    assertEqual(selling(o3.get_current_revision()), 500000, 'OFF-3 A');
    send(o3);
    const r3 = revise(o3, 2000);
    assertEqual(selling(r3), 550000, 'OFF-3 B');
    assertEqual(r3.get_margin_rate(), 2000, 'OFF-3 B rate');
    send(o3, 2026, 4, 10);
    o3.accept(date(2026, 4, 20), 'CT-2026-017');
    assertEqual(o3.get_state(), S.ACCEPTED, 'OFF-3 accepted');

    const o4 = simpleOffer(p, 'OFF-4', 'CONS-4', '1000.00 EUR', 1000);
    assertEqual(selling(o4.get_current_revision()), 122222, 'OFF-4 A');
    assertEqual(o4.get_current_revision().get_margin_rate(), 1000, 'OFF-4 A rate');
    send(o4);
    const r4 = revise(o4, 500);
    assertEqual(selling(r4), 115789, 'OFF-4 B');
    assertEqual(r4.get_margin_rate(), 500, 'OFF-4 B rate');
    o4.decline(date(2026, 4, 20), Aff.LossReason.PRICE, 'trop cher');
    assertEqual(o4.get_state(), S.DECLINED, 'OFF-4 declined');

    const o5 = simpleOffer(p, 'OFF-5', 'CONS-5', '1000.00 EUR', 3000);
    assertEqual(selling(o5.get_current_revision()), 157143, 'OFF-5');
    send(o5);
    o5.expire(date(2026, 7, 1));
    assertEqual(o5.get_state(), S.EXPIRED, 'OFF-5 expired');

    const o6 = simpleOffer(p, 'OFF-6', 'CONS-6', '1000.00 EUR', 1200);
    send(o6);
    o6.withdraw(date(2026, 4, 5), "client a changé d'avis");
    assertEqual(o6.get_state(), S.WITHDRAWN, 'OFF-6 withdrawn');

    const o7 = simpleOffer(p, 'OFF-7', 'CONS-7', '1000.00 EUR', 1200);
    assertEqual(o7.get_state(), S.DRAFT, 'OFF-7 draft');
    assertEqual(o1.get_state(), S.SENT, 'OFF-1 sent');
    assertEqual(o2.get_state(), S.NEGOTIATION, 'OFF-2 negotiation');

    assertEqual(pipelineValues(p.compute_pipeline()), [2, 375000, 124988, 3333, 2000, 1000], 'pipeline');
});

test('pipeline losses by reason', () => {
    // OFF-1 (125000) and OFF-2 (2000.00 at 2000: 275000) lost on price,
    // OFF-3 (1000.00 at 1000: 122222) on the technical answer.
    const p = newPortfolio(3);
    const o1 = simpleOffer(p, 'OFF-1', 'CONS-1', '1000.00 EUR', 1200);
    const o2 = simpleOffer(p, 'OFF-2', 'CONS-2', '2000.00 EUR', 2000);
    const o3 = simpleOffer(p, 'OFF-3', 'CONS-3', '1000.00 EUR', 1000);
    for (const o of [o1, o2, o3])
        send(o);
    o1.decline(date(2026, 4, 20), Aff.LossReason.PRICE, null);
    o2.decline(date(2026, 4, 20), Aff.LossReason.PRICE, 'trop cher');
    o3.decline(date(2026, 4, 20), Aff.LossReason.TECHNICAL, 'procédé refusé');
    const pl = p.compute_pipeline();
    const R = Aff.LossReason;
    const expected = new Map([[R.PRICE, [2, 400000]], [R.TECHNICAL, [1, 122222]]]);
    for (const reason of [R.PRICE, R.LEAD_TIME, R.TECHNICAL, R.RELATIONSHIP, R.NO_DECISION, R.OTHER]) {
        assertEqual([pl.get_n_lost(reason), minor(pl.get_lost_total(reason))],
            expected.get(reason) ?? [0, 0], `reason ${reason}`);
    }
    assertEqual(pl.get_hit_rate(), 0, 'hit rate');
});

test('pipeline averages rounded half to even', () => {
    // won 1201, 1202 -> 1201.5 -> 1202; lost 1200, 1201 -> 1200.5 -> 1200;
    // hit 2 / 4 = 5000; open at 1501: 1100000000 / 8499 -> 129427;
    // weighted 64713.5 -> 64714.
    const p = newPortfolio(5);
    [[1201, 125014], [1202, 125028], [1200, 125000], [1201, 125014]].forEach(([rate, price], i) => {
        const o = simpleOffer(p, `OFF-${i + 1}`, `CONS-${i + 1}`, '1000.00 EUR', rate);
        assertEqual(selling(o.get_current_revision()), price, `OFF-${i + 1} price`);
        assertEqual(o.get_current_revision().get_margin_rate(), rate, `OFF-${i + 1} rate`);
        send(o);
        if (i < 2)
            o.accept(date(2026, 4, 20), 'CT-2026-017');
        else
            o.decline(date(2026, 4, 20), Aff.LossReason.PRICE, null);
    });
    const o5 = simpleOffer(p, 'OFF-5', 'CONS-5', '1000.00 EUR', 1501);
    assertEqual(selling(o5.get_current_revision()), 129427, 'OFF-5 price');
    send(o5);
    assertEqual(pipelineValues(p.compute_pipeline()), [1, 129427, 64714, 5000, 1202, 1200], 'pipeline');
});

run();
