// testAffair.js: the acceptance of an offer (Aff.Offer.accept) and the affair
// the portfolio creates from it (Aff.Affair, Aff.BudgetItem) from JavaScript:
// the refused cases, lookup_affair / get_affairs and the round trip.
//
// Every expected value is worked out by hand from docs/rules.md, "Acceptance:
// the offer becomes an affair" (and "Revisions" for the pricing).
//
// The fixtures:
//   clients acme and beta, no solvency assessment: every evaluation NO_GO,
//   the management decides GO anyway (the consultation is GO, 2026-03-05).
//   CONS-1, CONS-2 (acme) and CONS-3 (beta): received 2026-03-02, deadline
//   2026-04-15, no requirement, no dangerous work. Default policy (overheads
//   labour 3000, material 1000, subcontract 800, travel 500; floor margin 800).
//
// The full offer (revision A), validity 2026-06-30, sent 2026-04-01:
//   L1 material    10 m    x   50.00 = 10000 x 5000 / 1000 =  50000  lot-1
//   L2 labour      20 h    x   60.00 = 20000 x 6000 / 1000 = 120000  lot-1
//   L3 subcontract  1 lump x 1500.00 =                       150000  lot-2
//   L4 material    12.5 kg x   8.40 = 12500 x  840 / 1000 =  10500  lot-1
//   L5 travel       3 d    x   95.50 =  3000 x 9550 / 1000 =  28650  no lot
//   L6 labour      7.5 h   x   55.00 =  7500 x 5500 / 1000 =  41250  lot-2
//   direct = 400400; budget by (lot, kind), first appearance:
//     (lot-1, material) 50000 + 10500 = 60500; (lot-1, labour) 120000;
//     (lot-2, subcontract) 150000; (null, travel) 28650; (lot-2, labour) 41250
//   overheads: 48375 + 6050 + 12000 + 1432 (1432.5 half to even) = 67857
//   contingency 100000; cost price 568257; margin 1500: 5682570000 / 8500 =
//   668537.65 -> 668538 ("6685.38 EUR").
//   VAT 1000, lead time 56, payment 45 days end of month, advance 3000,
//   progress billing, retention 300.
// Revision B (remove L6, margin 1200, lead time 70), sent 2026-04-10:
//   direct 359150; overheads 36000 + 6050 + 12000 + 1432 = 55482; cost 514632;
//   selling 5146320000 / 8800 = 584809.09 -> 584809 ("5848.09 EUR").

import GLib from 'gi://GLib';
import Aff from 'gi://Aff?version=1';
import {
    test, run, assertEqual, assertTrue, assertFalse, assertThrows,
    date, iso, items, makeTempDir, removeTree,
} from './harness.js';

const E = Aff.Error;
const S = Aff.OfferState;
const CS = Aff.ConsultationState;
const K = Aff.LineKind;
const U = Aff.LineUnit;

const DIRECT_A = 400400, OVERHEADS_A = 67857, CONTINGENCY = 100000, SELLING_A = 668538;
const DIRECT_B = 359150, OVERHEADS_B = 55482, SELLING_B = 584809;
const BUDGET_A = [
    ['lot-1', K.MATERIAL, 60500],
    ['lot-1', K.LABOUR, 120000],
    ['lot-2', K.SUBCONTRACT, 150000],
    [null, K.TRAVEL, 28650],
    ['lot-2', K.LABOUR, 41250],
];

function newPortfolio() {
    const p = Aff.Portfolio.new();
    p.set_actor('Claire Martin');
    p.set_fixed_time(GLib.DateTime.new_utc(2026, 4, 1, 9, 0, 0));
    p.get_policy().set_activities(['pipework']);
    p.add_client(Aff.Client.new('acme', 'ACME Industrie'));
    p.add_client(Aff.Client.new('beta', 'Beta Chimie'));
    for (const [id, client] of [['CONS-1', 'acme'], ['CONS-2', 'acme'], ['CONS-3', 'beta']]) {
        const k = Aff.Consultation.new(id, client, `Tuyauterie ${id}`, date(2026, 3, 2), date(2026, 4, 15));
        k.set_activities(['pipework']);
        p.add_consultation(k);
        k.start_qualification(date(2026, 3, 3), 'analysis');
        p.evaluate_consultation(id, date(2026, 3, 5));
        p.decide_consultation(id, Aff.BidVerdict.GO, 'Direction', 'client stratégique');
        assertEqual(k.get_state(), CS.GO, `${id} GO`);
    }
    return p;
}

function line(kind, description, quantity, unit, cost, lot) {
    const l = Aff.OfferLine.new(kind, description, quantity, unit, Aff.Money.parse(cost));
    l.set_lot(lot);
    return l;
}

function fullOffer(p, id, consultationId) {
    const offer = Aff.Offer.new(id, consultationId);
    p.add_offer(offer);
    const rev = offer.get_current_revision();
    for (const l of [
        line(K.MATERIAL, 'Tubes inox DN50', '10', U.METRE, '50.00 EUR', 'lot-1'),
        line(K.LABOUR, 'Soudure TIG', '20', U.HOUR, '60.00 EUR', 'lot-1'),
        line(K.SUBCONTRACT, 'Radiographie', '1', U.LUMP_SUM, '1500.00 EUR', 'lot-2'),
        line(K.MATERIAL, 'Brides DN50', '12.5', U.KILOGRAM, '8.40 EUR', 'lot-1'),
        line(K.TRAVEL, 'Déplacements', '3', U.DAY, '95.50 EUR', null),
        line(K.LABOUR, 'Montage', '7.5', U.HOUR, '55.00 EUR', 'lot-2'),
    ])
        rev.add_line(l);
    rev.set_contingency(Aff.Money.parse('1000.00 EUR'));
    rev.set_margin_rate(1500);
    rev.set_vat_rate(1000);
    rev.set_lead_time_days(56);
    rev.set_payment_terms(45, true);
    rev.set_billing(3000, true, 300);
    rev.set_validity(date(2026, 6, 30));
    return offer;
}

function sentOffer(p, id, consultationId) {
    const offer = fullOffer(p, id, consultationId);
    offer.send(date(2026, 4, 1));
    assertEqual(offer.get_state(), S.SENT, `${id} SENT`);
    return offer;
}

function closed(offer) {
    const [ok, d] = offer.get_closed_date();
    return ok ? iso(d) : null;
}

function stateDate(k, state) {
    const [ok, d] = k.get_state_date(state);
    return ok ? iso(d) : null;
}

const entries = (p, kind, id, action) =>
    p.get_journal().list_entries_for(kind, id).filter(e => action === undefined || e.get_action() === action);

function lastEntry(p, kind, id, action) {
    const found = entries(p, kind, id, action);
    assertTrue(found.length > 0, `an entry "${action}" for ${kind} ${id}`);
    return found[found.length - 1];
}

function eur(m) {
    assertTrue(m !== null && m !== undefined, 'a money');
    assertEqual(m.get_currency(), 'EUR');
    return m.get_minor();
}

const eurOrZero = m => (m === null || m === undefined ? 0 : eur(m));
const budget = a => a.get_budget().map(i => [i.get_lot(), i.get_kind(), eur(i.get_amount())]);
const verify = p => assertTrue(p.get_journal().verify(), 'journal verifies');
const nEntries = p => p.get_journal().get_n_entries();

function counter(offer) {
    const c = {n: 0, states: []};
    offer.connect('accepted', o => {
        c.n++;
        c.states.push(o.get_state());
    });
    return c;
}

function assertAffairA(a, id, client, consultationId) {
    assertTrue(a !== null && a !== undefined, `affair ${id}`);
    assertTrue(a instanceof Aff.Affair, 'an Aff.Affair');
    assertEqual(a.get_id(), id, 'id');
    assertEqual(a.get_offer_id(), id, 'offer id');
    assertEqual(a.get_client_id(), client, 'client id');
    assertEqual(a.get_consultation_id(), consultationId, 'consultation id');
    assertEqual(a.get_revision(), 'A', 'revision');
    assertEqual(a.get_contract_reference(), 'CT-2026-017', 'contract reference');
    assertEqual(iso(a.get_signed_date()), '2026-04-20', 'signed date');
    assertEqual(eur(a.get_contract_amount()), SELLING_A, 'contract amount');
    assertEqual(a.get_contract_amount().to_string(), '6685.38 EUR');
    assertEqual(a.get_vat_rate(), 1000, 'VAT rate');
    assertEqual(a.get_lead_time_days(), 56, 'lead time');
    assertEqual(a.get_payment_days(), 45, 'payment days');
    assertTrue(a.get_payment_end_of_month(), 'end of month');
    assertEqual(a.get_advance_rate(), 3000, 'advance');
    assertTrue(a.get_progress_billing(), 'progress billing');
    assertEqual(a.get_retention_rate(), 300, 'retention');
    assertEqual(budget(a), BUDGET_A, 'budget');
    assertEqual(eur(a.get_budget_total()), DIRECT_A, 'budget total');
    assertEqual(eur(a.get_overheads()), OVERHEADS_A, 'overheads');
    assertEqual(eur(a.get_contingency()), CONTINGENCY, 'contingency');
}

function assertNoAffair(p, id) {
    assertEqual(p.lookup_affair(id), null, 'no affair');
    assertEqual(entries(p, 'affair', id, 'created').length, 0, 'no "created"');
    assertEqual(entries(p, 'offer', id, 'accepted').length, 0, 'no "accepted"');
}

// --- the fixture ---------------------------------------------------------------

test('fixture pricing', () => {
    const p = newPortfolio();
    const rev = fullOffer(p, 'OFF-1', 'CONS-1').get_current_revision();
    assertEqual(eur(rev.get_direct_cost()), DIRECT_A);
    assertEqual(eur(rev.get_overheads()), OVERHEADS_A);
    assertEqual(eur(rev.get_cost_price()), 568257);
    assertEqual(eur(rev.get_selling_price()), SELLING_A);
    assertEqual(p.lookup_affair('OFF-1'), null);
    assertEqual(items(p.get_affairs()).length, 0);
});

// --- acceptance -------------------------------------------------------------------

test('accept from SENT: offer, consultation, journal, signal, affair', () => {
    const p = newPortfolio();
    const offer = sentOffer(p, 'OFF-1', 'CONS-1');
    const k = p.lookup_consultation('CONS-1');
    const c = counter(offer);
    const before = nEntries(p);

    offer.accept(date(2026, 4, 20), 'CT-2026-017');

    assertEqual(offer.get_state(), S.ACCEPTED, 'ACCEPTED');
    assertEqual(closed(offer), '2026-04-20', 'closed date');
    assertEqual(c.n, 1, 'accepted emitted once');
    assertEqual(c.states, [S.ACCEPTED], 'state when emitted');

    assertEqual(k.get_state(), CS.WON, 'WON');
    assertEqual(stateDate(k, CS.WON), '2026-04-20');
    assertFalse(k.is_open());
    const sc = lastEntry(p, 'consultation', 'CONS-1', 'state-changed');
    assertEqual([sc.dup_detail('from'), sc.dup_detail('to'), sc.dup_detail('date'), sc.dup_detail('reason')],
        ['offer-sent', 'won', '2026-04-20', 'contract CT-2026-017']);

    const accepted = entries(p, 'offer', 'OFF-1', 'accepted');
    assertEqual(accepted.length, 1, 'one "accepted"');
    const e = accepted[0];
    assertEqual(e.dup_detail('date'), '2026-04-20');
    assertEqual(e.dup_detail('contract_reference'), 'CT-2026-017');
    assertEqual(e.dup_detail('revision'), 'A');
    assertEqual(e.dup_detail('contract_amount'), '6685.38 EUR');
    assertEqual(e.get_actor(), 'Claire Martin');

    assertAffairA(p.lookup_affair('OFF-1'), 'OFF-1', 'acme', 'CONS-1');
    const list = items(p.get_affairs());
    assertEqual(list.length, 1);
    assertTrue(list[0] === p.lookup_affair('OFF-1'), 'same object');

    const created = entries(p, 'affair', 'OFF-1', 'created');
    assertEqual(created.length, 1, 'one "created"');
    const cr = created[0];
    assertEqual([cr.get_entity_kind(), cr.get_entity_id(), cr.get_action()], ['affair', 'OFF-1', 'created']);
    assertTrue(cr.get_sequence() > e.get_sequence(), 'created after accepted');
    for (const text of ['CT-2026-017', 'CONS-1', 'lot-2'])
        assertTrue(cr.get_details().includes(text), `details mention ${text}`);
    assertTrue(nEntries(p) >= before + 3, 'at least three entries');
    verify(p);

    // twice: refused, nothing changed
    const n = nEntries(p);
    assertThrows(() => offer.accept(date(2026, 4, 22), 'CT-2026-018'), E.INVALID_TRANSITION);
    assertEqual(offer.get_state(), S.ACCEPTED);
    assertEqual(closed(offer), '2026-04-20');
    assertEqual(c.n, 1);
    assertEqual(nEntries(p), n);
    assertEqual(items(p.get_affairs()).length, 1);
    assertAffairA(p.lookup_affair('OFF-1'), 'OFF-1', 'acme', 'CONS-1');

    assertThrows(() => offer.decline(date(2026, 4, 23), Aff.LossReason.PRICE, null), E.INVALID_TRANSITION);
    assertThrows(() => offer.withdraw(date(2026, 4, 23), 'non'), E.INVALID_TRANSITION);
    assertThrows(() => offer.send(date(2026, 4, 23)), E.INVALID_TRANSITION);
    assertEqual(offer.get_state(), S.ACCEPTED);
    assertEqual(k.get_state(), CS.WON);
    verify(p);
});

test('accept after a negotiation: the affair comes from B', () => {
    const p = newPortfolio();
    const offer = sentOffer(p, 'OFF-1', 'CONS-1');
    const k = p.lookup_consultation('CONS-1');
    const c = counter(offer);
    const b = offer.revise();
    assertEqual(offer.get_state(), S.NEGOTIATION);
    assertEqual(b.get_letter(), 'B');
    b.remove_line(5);
    b.set_margin_rate(1200);
    b.set_lead_time_days(70);
    b.set_validity(date(2026, 6, 30));
    assertEqual(eur(b.get_direct_cost()), DIRECT_B);
    assertEqual(eur(b.get_overheads()), OVERHEADS_B);
    assertEqual(eur(b.get_selling_price()), SELLING_B);

    // a draft B in progress: refused, nothing changed
    const n = nEntries(p);
    assertThrows(() => offer.accept(date(2026, 4, 8), 'CT-2026-017'), E.INVALID_TRANSITION);
    assertEqual(offer.get_state(), S.NEGOTIATION);
    assertEqual(closed(offer), null);
    assertEqual(k.get_state(), CS.OFFER_SENT);
    assertEqual(nEntries(p), n);
    assertEqual(c.n, 0);
    assertNoAffair(p, 'OFF-1');

    offer.send(date(2026, 4, 10));
    offer.accept(date(2026, 4, 20), 'CT-2026-017');
    assertEqual(offer.get_state(), S.ACCEPTED);
    assertEqual(closed(offer), '2026-04-20');
    assertEqual(c.n, 1);
    assertEqual(k.get_state(), CS.WON);
    const e = lastEntry(p, 'offer', 'OFF-1', 'accepted');
    assertEqual([e.dup_detail('revision'), e.dup_detail('contract_amount'),
        e.dup_detail('contract_reference'), e.dup_detail('date')],
    ['B', '5848.09 EUR', 'CT-2026-017', '2026-04-20']);

    const a = p.lookup_affair('OFF-1');
    assertTrue(a !== null, 'an affair');
    assertEqual(a.get_revision(), 'B');
    assertEqual(eur(a.get_contract_amount()), SELLING_B);
    assertEqual(a.get_lead_time_days(), 70);
    assertEqual([a.get_vat_rate(), a.get_payment_days(), a.get_payment_end_of_month(),
        a.get_advance_rate(), a.get_progress_billing(), a.get_retention_rate()],
    [1000, 45, true, 3000, true, 300]);
    assertEqual(budget(a), BUDGET_A.slice(0, 4));
    assertEqual(eur(a.get_budget_total()), DIRECT_B);
    assertEqual(eur(a.get_overheads()), OVERHEADS_B);
    assertEqual(eurOrZero(a.get_contingency()), eurOrZero(b.get_contingency()));
    assertEqual(entries(p, 'affair', 'OFF-1', 'created').length, 1);
    verify(p);
});

// --- refused ------------------------------------------------------------------------

test('refused from DRAFT', () => {
    const p = newPortfolio();
    const offer = fullOffer(p, 'OFF-1', 'CONS-1');
    const c = counter(offer);
    const n = nEntries(p);
    assertThrows(() => offer.accept(date(2026, 4, 20), 'CT-2026-017'), E.INVALID_TRANSITION);
    assertEqual(offer.get_state(), S.DRAFT);
    assertEqual(closed(offer), null);
    assertEqual(p.lookup_consultation('CONS-1').get_state(), CS.GO);
    assertEqual(nEntries(p), n);
    assertEqual(c.n, 0);
    assertNoAffair(p, 'OFF-1');
    assertEqual(items(p.get_affairs()).length, 0);
});

test('refused after DECLINED', () => {
    const p = newPortfolio();
    const offer = sentOffer(p, 'OFF-1', 'CONS-1');
    const c = counter(offer);
    offer.decline(date(2026, 4, 15), Aff.LossReason.PRICE, null);
    const n = nEntries(p);
    assertThrows(() => offer.accept(date(2026, 4, 20), 'CT-2026-017'), E.INVALID_TRANSITION);
    assertEqual(offer.get_state(), S.DECLINED);
    assertEqual(closed(offer), '2026-04-15');
    assertEqual(p.lookup_consultation('CONS-1').get_state(), CS.LOST);
    assertEqual(nEntries(p), n);
    assertEqual(c.n, 0);
    assertNoAffair(p, 'OFF-1');
});

test('refused with an empty reference', () => {
    const p = newPortfolio();
    const offer = sentOffer(p, 'OFF-1', 'CONS-1');
    const c = counter(offer);
    const n = nEntries(p);
    assertThrows(() => offer.accept(date(2026, 4, 20), ''), E.INVALID_VALUE);
    assertEqual(offer.get_state(), S.SENT);
    assertEqual(closed(offer), null);
    assertEqual(p.lookup_consultation('CONS-1').get_state(), CS.OFFER_SENT);
    assertEqual(nEntries(p), n);
    assertEqual(c.n, 0);
    assertNoAffair(p, 'OFF-1');
    offer.accept(date(2026, 4, 20), 'CT-2026-017');
    assertAffairA(p.lookup_affair('OFF-1'), 'OFF-1', 'acme', 'CONS-1');
});

// --- portfolio ------------------------------------------------------------------------

test('lookup_affair and get_affairs', () => {
    const p = newPortfolio();
    const o1 = sentOffer(p, 'OFF-1', 'CONS-1');
    sentOffer(p, 'OFF-2', 'CONS-2');
    const o3 = sentOffer(p, 'OFF-3', 'CONS-3');
    assertTrue(p.get_affairs().get_item_type() === Aff.Affair.$gtype, 'item type');
    assertEqual(items(p.get_affairs()).length, 0);
    o3.accept(date(2026, 4, 20), 'CT-2026-017');
    o1.accept(date(2026, 4, 20), 'CT-2026-017');
    const list = items(p.get_affairs());
    assertEqual(list.map(a => a.get_id()).sort(), ['OFF-1', 'OFF-3']);
    for (const a of list)
        assertTrue(p.lookup_affair(a.get_id()) === a, 'lookup gives the same object');
    assertAffairA(p.lookup_affair('OFF-1'), 'OFF-1', 'acme', 'CONS-1');
    assertAffairA(p.lookup_affair('OFF-3'), 'OFF-3', 'beta', 'CONS-3');
    for (const missing of ['OFF-2', 'CONS-1', 'nope'])
        assertEqual(p.lookup_affair(missing), null, missing);
    verify(p);
});

test('save and reload', () => {
    const p = newPortfolio();
    sentOffer(p, 'OFF-1', 'CONS-1').accept(date(2026, 4, 20), 'CT-2026-017');
    sentOffer(p, 'OFF-2', 'CONS-2');
    sentOffer(p, 'OFF-3', 'CONS-3').accept(date(2026, 4, 20), 'CT-2026-017');

    const [text] = p.to_data();
    assertTrue(text.includes('"affairs"'), 'an "affairs" member');
    const q = Aff.Portfolio.new_from_data(text, -1);
    const [text2] = q.to_data();
    assertEqual(text2, text, 'to_data equal');
    assertEqual(items(q.get_affairs()).map(a => a.get_id()), items(p.get_affairs()).map(a => a.get_id()));
    assertAffairA(q.lookup_affair('OFF-1'), 'OFF-1', 'acme', 'CONS-1');
    assertAffairA(q.lookup_affair('OFF-3'), 'OFF-3', 'beta', 'CONS-3');
    assertEqual(q.lookup_affair('OFF-2'), null);
    const o = q.lookup_offer('OFF-1');
    assertEqual(o.get_state(), S.ACCEPTED);
    assertEqual(closed(o), '2026-04-20');
    assertEqual(q.lookup_consultation('CONS-1').get_state(), CS.WON);
    assertEqual(stateDate(q.lookup_consultation('CONS-1'), CS.WON), '2026-04-20');
    assertEqual(nEntries(q), nEntries(p));
    assertEqual(q.get_journal().get_head_hash(), p.get_journal().get_head_hash());
    verify(q);

    assertThrows(() => o.accept(date(2026, 4, 25), 'CT-X'), E.INVALID_TRANSITION);
    q.lookup_offer('OFF-2').accept(date(2026, 4, 25), 'CT-2026-020');
    assertEqual(q.lookup_affair('OFF-2').get_contract_reference(), 'CT-2026-020');
    assertEqual(items(q.get_affairs()).length, 3);
    verify(q);

    const dir = makeTempDir();
    try {
        const path = GLib.build_filenamev([dir, 'portfolio.json']);
        p.save_to_file(path);
        const r = Aff.Portfolio.new_from_file(path);
        const [text3] = r.to_data();
        assertEqual(text3, text, 'file round trip');
        assertAffairA(r.lookup_affair('OFF-1'), 'OFF-1', 'acme', 'CONS-1');
        verify(r);
    } finally {
        removeTree(dir);
    }
});

run();
