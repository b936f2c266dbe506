// testOffer.js: offers in the portfolio from JavaScript: adding an offer
// (revision A from the policy), the checks before sending (each problem
// alone), sending, revising, sending again during the negotiation, and the
// round trip of all of it.
//
// Every expected value is worked out by hand from docs/rules.md ("Offers
// (Aff.Offer)", "Revisions (Aff.OfferRevision)"); the arithmetic is in the
// comments. Amounts are in minor units (cents for EUR).
//
// The fixtures:
//   acme: a client without any solvency assessment, so every evaluation fails
//     the solvency gate (NO_GO); the management decides GO anyway, with a
//     justification: the consultation is GO, dated with the evaluation.
//   CONS-1: received 2026-03-02, deadline 2026-04-15, requirements REQ-1
//     ("Tubes inox") and REQ-2 ("Soudure qualifiée"), hot work and work at
//     height; qualified 2026-03-03, evaluated 2026-03-05, decided GO.
//   CONS-2: same dates, no requirement, no dangerous work; left QUALIFYING.
//   CONS-3: same dates, no requirement, no dangerous work; decided GO.
//   The policy: defaults (floor margin 800, min validity 30 days) but the
//   subcontract overhead rate 1200 and the default VAT rate 550.
//
// OFF-1, revision A:
//   L1 material "Tubes inox DN50" 10 m x 50.00 = 10000 x 5000 / 1000 =  50000, answers REQ-1
//   L2 labour   "Soudure TIG"     20 h x 60.00 = 20000 x 6000 / 1000 = 120000, answers REQ-2, lot "lot-1"
//   direct = 170000; overheads labour 120000 x 3000 / 10000 = 36000,
//   material 50000 x 1000 / 10000 = 5000 -> 41000; cost price 211000.
//   margin rate 1500: selling 211000 x 10000 / 8500 = 248235.29 -> 248235
//     ("2482.35 EUR"); margin 37235; rate 372350000 / 248235 = 1499.99 -> 1500
//   margin rate 700: selling 2110000000 / 9300 = 226881.72 -> 226882;
//     margin 15882; rate 158820000 / 226882 = 700.01 -> 700 (< 800)
//   margin rate 800: selling 2110000000 / 9200 = 229347.83 -> 229348;
//     margin 18348; rate 183480000 / 229348 = 800.007 -> 800 (not below 800)
// Revision B adds L3 travel 2 days x 100.00 = 20000: direct 190000,
//   overheads 36000 + 5000 + 1000 = 42000, cost 232000, selling at 1500 =
//   2320000000 / 8500 = 272941.18 -> 272941 ("2729.41 EUR"), margin 40941,
//   rate 409410000 / 272941 = 1499.99 -> 1500.

import GLib from 'gi://GLib';
import Aff from 'gi://Aff?version=1';
import {
    test, run, assertEqual, assertTrue, assertFalse, assertThrows,
    date, iso, items,
} from './harness.js';

const E = Aff.Error;
const K = Aff.LineKind;
const U = Aff.LineUnit;
const S = Aff.OfferState;
const P = Aff.OfferProblem;
const CS = Aff.ConsultationState;
const F = Aff.RegulatoryFlags;

const COST_A = 211000;
const SELLING_A = 248235;
const COST_B = 232000;
const SELLING_B = 272941;
const CHECK_DAY = date(2026, 4, 1);
const VALIDITY = date(2026, 6, 30);
const NOTES = ['Permis de feu', 'Travail en hauteur : nacelle'];

// Money from its canonical text; a bare number is EUR.
const money = text => Aff.Money.parse(text.includes(' ') ? text : `${text} EUR`);

function minor(m) {
    assertTrue(m !== null && m !== undefined, 'an amount');
    assertEqual(m.get_currency(), 'EUR', 'currency');
    return m.get_minor();
}

function line(kind, description, quantity, unit, cost, requirements = []) {
    const l = Aff.OfferLine.new(kind, description, quantity, unit, money(cost));
    l.set_requirements(requirements);
    return l;
}

const problems = (offer, d) => offer.check(d).map(c => c.get_problem());

// get_sent_date() as "YYYY-MM-DD", null when never sent.
function sentDate(offer) {
    const [ok, d] = offer.get_sent_date();
    return ok ? iso(d) : null;
}

const notesOf = rev => [...(rev.get_notes() ?? [])];
const reqsOf = l => [...(l.get_requirements() ?? [])];

function newPortfolio() {
    const p = Aff.Portfolio.new();
    p.set_actor('Claire Martin');
    p.set_fixed_time(GLib.DateTime.new_utc(2026, 4, 1, 9, 0, 0));
    const policy = p.get_policy();
    policy.set_activities(['pipework']);
    policy.set_overhead_rate('subcontract', 1200);
    policy.set_default_vat_rate(550);
    p.add_client(Aff.Client.new('acme', 'ACME Industrie'));
    const consultation = (id, requirements, flags, go) => {
        const k = Aff.Consultation.new(id, 'acme', `Tuyauterie ${id}`, date(2026, 3, 2), date(2026, 4, 15));
        k.set_activities(['pipework']);
        k.set_regulatory_flags(flags);
        p.add_consultation(k);
        for (const text of requirements)
            k.add_requirement(text);
        k.start_qualification(date(2026, 3, 3), 'analysis');
        if (go) {
            p.evaluate_consultation(id, date(2026, 3, 5));
            p.decide_consultation(id, Aff.BidVerdict.GO, 'Direction', 'client stratégique');
            assertEqual(k.get_state(), CS.GO, `${id} GO`);
        }
    };
    consultation('CONS-1', ['Tubes inox', 'Soudure qualifiée'], F.HOT_WORK | F.WORK_AT_HEIGHT, true);
    consultation('CONS-2', [], F.NONE, false);
    consultation('CONS-3', [], F.NONE, true);
    return p;
}

function addOffer(p, id, consultationId) {
    const offer = Aff.Offer.new(id, consultationId);
    p.add_offer(offer);
    return offer;
}

function addLinesA(rev) {
    const l1 = line(K.MATERIAL, 'Tubes inox DN50', '10', U.METRE, '50.00', ['REQ-1']);
    const l2 = line(K.LABOUR, 'Soudure TIG', '20', U.HOUR, '60.00', ['REQ-2']);
    l2.set_lot('lot-1');
    rev.add_line(l1);
    rev.add_line(l2);
}

// OFF-1 on CONS-1, revision A passing every check on 2026-04-01.
function validOffer(p) {
    const offer = addOffer(p, 'OFF-1', 'CONS-1');
    const rev = offer.get_current_revision();
    addLinesA(rev);
    rev.set_margin_rate(1500);
    rev.set_validity(VALIDITY);
    rev.acknowledge(F.HOT_WORK, NOTES[0]);
    rev.acknowledge(F.WORK_AT_HEIGHT, NOTES[1]);
    return offer;
}

const offerEntries = (p, id) => p.get_journal().list_entries_for('offer', id);

function lastEntry(p, id, action) {
    const found = offerEntries(p, id).filter(e => e.get_action() === action);
    assertTrue(found.length > 0, `an entry "${action}" for ${id}`);
    return found[found.length - 1];
}

// The whole story of OFF-1: approved at 700 then back to 1500, sent on
// 2026-04-02, revised to B (one more line), sent again on 2026-04-20 (after
// the deadline); OFF-3 stays an approved draft without lines.
function negotiated() {
    const p = newPortfolio();
    const offer = validOffer(p);
    const a = offer.get_current_revision();
    a.set_margin_rate(700);
    offer.approve('Direction', 'client stratégique');
    a.set_margin_rate(1500);
    offer.send(date(2026, 4, 2));
    const b = offer.revise();
    b.add_line(line(K.TRAVEL, 'Déplacements', '2', U.DAY, '100.00'));
    b.set_validity(date(2026, 7, 31));
    offer.send(date(2026, 4, 20));
    const off3 = addOffer(p, 'OFF-3', 'CONS-3');
    off3.approve('Direction', 'étude offerte');
    off3.get_current_revision().set_validity(VALIDITY);
    return p;
}

// --- add_offer ------------------------------------------------------------------

test('before add_offer: no revision, send refused', () => {
    const offer = Aff.Offer.new('OFF-1', 'CONS-1');
    assertEqual(offer.get_id(), 'OFF-1');
    assertEqual(offer.get_consultation_id(), 'CONS-1');
    assertEqual(offer.get_current_revision(), null);
    assertEqual(offer.get_revisions().get_n_items(), 0);
    assertThrows(() => offer.send(CHECK_DAY), E.INVALID_TRANSITION);
});

test('add_offer: revision A, a draft from the policy', () => {
    const p = newPortfolio();
    const offer = addOffer(p, 'OFF-1', 'CONS-1');
    assertEqual(offer.get_state(), S.DRAFT);
    assertEqual(sentDate(offer), null);
    const revs = items(offer.get_revisions());
    assertEqual(revs.length, 1);
    const rev = offer.get_current_revision();
    assertTrue(revs[0] === rev, 'the current revision is the first');
    assertEqual(rev.get_letter(), 'A');
    assertEqual(rev.get_currency(), 'EUR');
    assertFalse(rev.is_frozen());
    assertEqual(rev.get_lines().get_n_items(), 0);
    assertEqual([K.LABOUR, K.MATERIAL, K.EQUIPMENT, K.SUBCONTRACT, K.TRAVEL, K.OTHER]
        .map(k => rev.get_overhead_rate(k)), [3000, 1000, 1000, 1200, 500, 1000]);
    assertEqual(rev.get_vat_rate(), 550);
    assertEqual(rev.get_retention_rate(), 500);
    assertEqual(rev.get_payment_days(), 30);
    assertEqual(rev.get_validity(), null);
    assertEqual(rev.get_approver(), null);
    assertEqual(rev.get_acknowledged_flags(), F.NONE);
    assertEqual(notesOf(rev), []);
});

test('add_offer: NOT_FOUND, DUPLICATE_ID, INVALID_VALUE, nothing added', () => {
    const p = newPortfolio();
    addOffer(p, 'OFF-1', 'CONS-1');
    assertThrows(() => p.add_offer(Aff.Offer.new('OFF-9', 'CONS-404')), E.NOT_FOUND);
    assertThrows(() => p.add_offer(Aff.Offer.new('OFF-1', 'CONS-3')), E.DUPLICATE_ID);
    assertThrows(() => p.add_offer(Aff.Offer.new('', 'CONS-1')), E.INVALID_VALUE);
    assertThrows(() => p.add_offer(Aff.Offer.new('OFF 2', 'CONS-1')), E.INVALID_VALUE);
    assertThrows(() => p.add_offer(Aff.Offer.new('O'.repeat(65), 'CONS-1')), E.INVALID_VALUE);
    assertEqual(items(p.get_offers()).map(o => o.get_id()), ['OFF-1']);
    assertEqual(p.lookup_offer('OFF-9'), null);
    assertEqual(p.lookup_offer('OFF 2'), null);
});

test('lookup_offer, get_offers and the journal "added"', () => {
    const p = newPortfolio();
    const n = p.get_journal().get_n_entries();
    const o1 = addOffer(p, 'OFF-1', 'CONS-1');
    const o3 = addOffer(p, 'OFF-3', 'CONS-3');
    const o2 = addOffer(p, 'OFF-2', 'CONS-2');
    assertTrue(p.lookup_offer('OFF-1') === o1, 'lookup OFF-1');
    assertTrue(p.lookup_offer('OFF-2') === o2, 'lookup OFF-2');
    assertTrue(p.lookup_offer('OFF-3') === o3, 'lookup OFF-3');
    assertEqual(p.lookup_offer('OFF-4'), null);
    assertEqual(items(p.get_offers()).map(o => o.get_id()), ['OFF-1', 'OFF-3', 'OFF-2']);
    assertEqual(p.get_journal().get_n_entries(), n + 3);
    for (const id of ['OFF-1', 'OFF-2', 'OFF-3']) {
        const entries = offerEntries(p, id);
        assertEqual(entries.map(e => e.get_action()), ['added'], id);
        assertEqual(entries[0].get_entity_kind(), 'offer');
        assertEqual(entries[0].get_entity_id(), id);
        assertEqual(entries[0].get_actor(), 'Claire Martin');
    }
    assertTrue(p.get_journal().verify());
});

// --- check -------------------------------------------------------------------------

test('check: a fresh draft lists every problem, in order', () => {
    // No line; price 0 so margin rate 0 < 800; REQ-1 and REQ-2 uncovered;
    // no validity; hot work and work at height not acknowledged.
    const p = newPortfolio();
    const offer = addOffer(p, 'OFF-1', 'CONS-1');
    const checks = offer.check(CHECK_DAY);
    assertEqual(checks.map(c => c.get_problem()), [
        P.NO_LINES, P.MARGIN_BELOW_FLOOR, P.REQUIREMENT_NOT_COVERED,
        P.REQUIREMENT_NOT_COVERED, P.VALIDITY, P.REGULATORY_NOT_ACKNOWLEDGED,
    ]);
    assertTrue(checks[2].get_message().includes('REQ-1'), checks[2].get_message());
    assertTrue(checks[3].get_message().includes('REQ-2'), checks[3].get_message());
    for (const c of checks)
        assertTrue(c.get_message().length > 0, 'a message');
});

test('check: a fully valid offer is clean', () => {
    const p = newPortfolio();
    const offer = validOffer(p);
    const rev = offer.get_current_revision();
    assertEqual(minor(rev.get_cost_price()), COST_A);
    assertEqual(minor(rev.get_selling_price()), SELLING_A);
    assertEqual(rev.get_margin_rate(), 1500);
    assertEqual(problems(offer, CHECK_DAY), []);
    assertEqual(offer.get_state(), S.DRAFT);
    assertFalse(rev.is_frozen());
});

test('check: VALIDITY missing alone, then NO_LINES alone', () => {
    // OFF-3 on CONS-3. One lump sum 1000.00 = 100000, overhead 10 % = 10000,
    // cost 110000; at 1500: 1100000000 / 8500 = 129411.76 -> 129412.
    const p = newPortfolio();
    const offer = addOffer(p, 'OFF-3', 'CONS-3');
    const rev = offer.get_current_revision();
    rev.add_line(line(K.OTHER, 'Étude', '1', U.LUMP_SUM, '1000.00'));
    rev.set_margin_rate(1500);
    assertEqual(minor(rev.get_selling_price()), 129412);
    assertEqual(problems(offer, CHECK_DAY), [P.VALIDITY]);
    rev.set_validity(VALIDITY);
    assertEqual(problems(offer, CHECK_DAY), []);
    rev.remove_line(0);
    assertEqual(rev.get_margin_rate(), 0);
    assertEqual(problems(offer, CHECK_DAY), [P.NO_LINES, P.MARGIN_BELOW_FLOOR]);
    offer.approve('Direction', 'étude offerte');
    const checks = offer.check(CHECK_DAY);
    assertEqual(checks.map(c => c.get_problem()), [P.NO_LINES]);
    assertThrows(() => rev.remove_line(0), E.NOT_FOUND);
    assertThrows(() => offer.send(CHECK_DAY), E.CHECK_FAILED, checks[0].get_message());
});

test('check: CONSULTATION_NOT_GO alone, the consultation still QUALIFYING', () => {
    const p = newPortfolio();
    const k = p.lookup_consultation('CONS-2');
    const offer = addOffer(p, 'OFF-2', 'CONS-2');
    const rev = offer.get_current_revision();
    rev.add_line(line(K.OTHER, 'Étude', '1', U.LUMP_SUM, '1000.00'));
    rev.set_margin_rate(1500);
    rev.set_validity(VALIDITY);
    const checks = offer.check(CHECK_DAY);
    assertEqual(checks.map(c => c.get_problem()), [P.CONSULTATION_NOT_GO]);
    assertEqual(k.get_state(), CS.QUALIFYING);
    assertThrows(() => offer.send(CHECK_DAY), E.CHECK_FAILED, checks[0].get_message());
    assertEqual(k.get_state(), CS.QUALIFYING);
    assertEqual(offer.get_state(), S.DRAFT);
    assertFalse(rev.is_frozen());
});

test('check: DEADLINE_PASSED alone, the day after the deadline', () => {
    const p = newPortfolio();
    const offer = validOffer(p);
    assertEqual(problems(offer, date(2026, 4, 15)), []);
    assertEqual(problems(offer, date(2026, 4, 16)), [P.DEADLINE_PASSED]);
});

test('check: MARGIN_BELOW_FLOOR alone, cleared by approve()', () => {
    const p = newPortfolio();
    const offer = validOffer(p);
    const rev = offer.get_current_revision();
    rev.set_margin_rate(700);
    assertEqual(minor(rev.get_selling_price()), 226882);
    assertEqual(rev.get_margin_rate(), 700);
    assertEqual(problems(offer, CHECK_DAY), [P.MARGIN_BELOW_FLOOR]);
    rev.set_margin_rate(800);
    assertEqual(minor(rev.get_selling_price()), 229348);
    assertEqual(rev.get_margin_rate(), 800);
    assertEqual(problems(offer, CHECK_DAY), []);
    rev.set_margin_rate(700);
    assertThrows(() => offer.approve('', 'client stratégique'), E.INVALID_VALUE);
    assertThrows(() => offer.approve('Direction', ''), E.INVALID_VALUE);
    assertEqual(rev.get_approver(), null);
    assertEqual(problems(offer, CHECK_DAY), [P.MARGIN_BELOW_FLOOR]);
    const n = p.get_journal().get_n_entries();
    offer.approve('Direction', 'client stratégique');
    assertEqual(rev.get_approver(), 'Direction');
    assertEqual(rev.get_approval_justification(), 'client stratégique');
    assertEqual(problems(offer, CHECK_DAY), []);
    assertEqual(p.get_journal().get_n_entries(), n + 1);
    assertEqual(lastEntry(p, 'OFF-1', 'approved').get_sequence(), n + 1);
});

test('check: REQUIREMENT_NOT_COVERED, one per uncovered requirement', () => {
    const p = newPortfolio();
    const offer = validOffer(p);
    const [l1, l2] = items(offer.get_current_revision().get_lines());
    l2.set_requirements([]);
    let checks = offer.check(CHECK_DAY);
    assertEqual(checks.map(c => c.get_problem()), [P.REQUIREMENT_NOT_COVERED]);
    assertTrue(checks[0].get_message().includes('REQ-2'), checks[0].get_message());
    assertFalse(checks[0].get_message().includes('REQ-1'), checks[0].get_message());
    l1.set_requirements([]);
    checks = offer.check(CHECK_DAY);
    assertEqual(checks.map(c => c.get_problem()), [P.REQUIREMENT_NOT_COVERED, P.REQUIREMENT_NOT_COVERED]);
    assertTrue(checks[0].get_message().includes('REQ-1'), checks[0].get_message());
    assertTrue(checks[1].get_message().includes('REQ-2'), checks[1].get_message());
    l1.set_requirements(['REQ-2', 'REQ-1']);
    assertEqual(problems(offer, CHECK_DAY), []);
});

test('check: VALIDITY missing, 29 days, exactly 30 days', () => {
    const p = newPortfolio();
    const offer = addOffer(p, 'OFF-1', 'CONS-1');
    const rev = offer.get_current_revision();
    addLinesA(rev);
    rev.set_margin_rate(1500);
    rev.acknowledge(F.HOT_WORK | F.WORK_AT_HEIGHT, 'Permis de feu, nacelle');
    assertEqual(problems(offer, CHECK_DAY), [P.VALIDITY]);
    rev.set_validity(date(2026, 4, 30));
    assertEqual(problems(offer, CHECK_DAY), [P.VALIDITY]);
    rev.set_validity(date(2026, 5, 1));
    assertEqual(problems(offer, CHECK_DAY), []);
    assertEqual(problems(offer, date(2026, 4, 2)), [P.VALIDITY]);
});

test('check: REGULATORY_NOT_ACKNOWLEDGED, cleared by acknowledge()', () => {
    const p = newPortfolio();
    const offer = addOffer(p, 'OFF-1', 'CONS-1');
    const rev = offer.get_current_revision();
    addLinesA(rev);
    rev.set_margin_rate(1500);
    rev.set_validity(VALIDITY);
    assertEqual(problems(offer, CHECK_DAY), [P.REGULATORY_NOT_ACKNOWLEDGED]);
    assertThrows(() => rev.acknowledge(F.NONE, 'rien'), E.INVALID_VALUE);
    assertThrows(() => rev.acknowledge(F.HOT_WORK, ''), E.INVALID_VALUE);
    assertEqual(rev.get_acknowledged_flags(), F.NONE);
    rev.acknowledge(F.HOT_WORK, NOTES[0]);
    const checks = offer.check(CHECK_DAY);
    assertEqual(checks.map(c => c.get_problem()), [P.REGULATORY_NOT_ACKNOWLEDGED]);
    assertTrue(checks[0].get_message().includes('work-at-height'), checks[0].get_message());
    assertFalse(checks[0].get_message().includes('hot-work'), checks[0].get_message());
    rev.acknowledge(F.WORK_AT_HEIGHT, NOTES[1]);
    assertEqual(problems(offer, CHECK_DAY), []);
    assertEqual(rev.get_acknowledged_flags(), F.HOT_WORK | F.WORK_AT_HEIGHT);
    assertEqual(notesOf(rev), NOTES);
});

// --- send ----------------------------------------------------------------------------

test('send: CHECK_FAILED lists every problem, nothing changes', () => {
    const p = newPortfolio();
    const offer = addOffer(p, 'OFF-1', 'CONS-1');
    const n = p.get_journal().get_n_entries();
    const messages = offer.check(CHECK_DAY).map(c => c.get_message());
    assertEqual(messages.length, 6);
    const e = assertThrows(() => offer.send(CHECK_DAY), E.CHECK_FAILED);
    for (const m of messages)
        assertTrue(e.message.includes(m), `${JSON.stringify(e.message)} lists ${JSON.stringify(m)}`);
    assertEqual(offer.get_state(), S.DRAFT);
    assertFalse(offer.get_current_revision().is_frozen());
    assertEqual(sentDate(offer), null);
    assertEqual(p.lookup_consultation('CONS-1').get_state(), CS.GO);
    assertEqual(p.get_journal().get_n_entries(), n);
});

test('send: frozen, SENT, dated, consultation OFFER_SENT, journaled; again refused', () => {
    const p = newPortfolio();
    const offer = validOffer(p);
    const k = p.lookup_consultation('CONS-1');
    const a = offer.get_current_revision();
    assertThrows(() => offer.revise(), E.INVALID_TRANSITION);
    offer.send(date(2026, 4, 2));
    assertTrue(a.is_frozen());
    assertEqual(offer.get_state(), S.SENT);
    assertEqual(sentDate(offer), '2026-04-02');
    assertTrue(offer.get_current_revision() === a, 'still revision A');
    assertEqual(k.get_state(), CS.OFFER_SENT);
    const [ok, when] = k.get_state_date(CS.OFFER_SENT);
    assertTrue(ok);
    assertEqual(iso(when), '2026-04-02');
    const e = lastEntry(p, 'OFF-1', 'sent');
    assertEqual(e.get_entity_kind(), 'offer');
    assertEqual(e.dup_detail('revision'), 'A');
    assertEqual(e.dup_detail('date'), '2026-04-02');
    assertEqual(e.dup_detail('selling_price'), '2482.35 EUR');
    assertEqual(e.dup_detail('margin_rate'), '1500');
    const n = p.get_journal().get_n_entries();
    assertThrows(() => offer.send(date(2026, 4, 3)), E.INVALID_TRANSITION);
    assertThrows(() => offer.approve('Direction', 'trop tard'), E.FROZEN);
    assertThrows(() => a.set_margin_rate(1000), E.FROZEN);
    assertThrows(() => a.add_line(line(K.OTHER, 'Divers', '1', U.LUMP_SUM, '10.00')), E.FROZEN);
    assertEqual(a.get_margin_rate(), 1500);
    assertEqual(a.get_lines().get_n_items(), 2);
    assertEqual(sentDate(offer), '2026-04-02');
    assertEqual(offer.get_state(), S.SENT);
    assertEqual(p.get_journal().get_n_entries(), n);
    assertTrue(p.get_journal().verify());
});

// --- revise ----------------------------------------------------------------------------

test('revise: B copies the lines as new objects, no approval, NEGOTIATION', () => {
    const p = newPortfolio();
    const offer = validOffer(p);
    const a = offer.get_current_revision();
    a.set_margin_rate(700);
    offer.approve('Direction', 'client stratégique');
    a.set_margin_rate(1500);
    offer.send(date(2026, 4, 2));
    const b = offer.revise();
    assertEqual(b.get_letter(), 'B');
    assertTrue(offer.get_current_revision() === b, 'B is current');
    const revs = items(offer.get_revisions());
    assertEqual(revs.length, 2);
    assertTrue(revs[0] === a && revs[1] === b, 'revisions A, B');
    assertEqual(offer.get_state(), S.NEGOTIATION);
    assertFalse(b.is_frozen());
    assertTrue(a.is_frozen());
    assertEqual(b.get_approver(), null);
    assertEqual(b.get_approval_justification(), null);
    assertEqual(a.get_approver(), 'Direction');
    const la = items(a.get_lines());
    const lb = items(b.get_lines());
    assertEqual(lb.length, 2);
    la.forEach((x, i) => {
        const y = lb[i];
        assertTrue(x !== y, 'a new line object');
        assertEqual(y.get_kind(), x.get_kind());
        assertEqual(y.get_description(), x.get_description());
        assertEqual(y.dup_quantity(), x.dup_quantity());
        assertEqual(y.get_unit(), x.get_unit());
        assertTrue(y.get_unit_cost().equal(x.get_unit_cost()), 'same unit cost');
        assertEqual(reqsOf(y), reqsOf(x));
        assertEqual(minor(y.compute_cost()), minor(x.compute_cost()));
    });
    assertEqual(lb[1].get_lot(), 'lot-1');
    assertEqual(minor(b.get_cost_price()), COST_A);
    assertEqual(minor(b.get_selling_price()), SELLING_A);
    assertEqual(b.get_margin_rate(), 1500);
    assertEqual(b.get_vat_rate(), 550);
    assertEqual(b.get_overhead_rate(K.SUBCONTRACT), 1200);
    assertEqual(b.get_acknowledged_flags(), F.HOT_WORK | F.WORK_AT_HEIGHT);
    assertEqual(notesOf(b), NOTES);
    const e = lastEntry(p, 'OFF-1', 'revised');
    assertEqual(e.dup_detail('revision'), 'B');
    assertEqual(e.dup_detail('from'), 'A');
    // no approval kept: below the floor B needs its own
    b.set_margin_rate(700);
    assertEqual(problems(offer, date(2026, 4, 10)), [P.MARGIN_BELOW_FLOOR]);
    b.set_margin_rate(1500);
    // changing B changes nothing in A
    lb[0].set_requirements(['REQ-1', 'REQ-2']);
    assertEqual(reqsOf(la[0]), ['REQ-1']);
    b.remove_line(1);
    assertThrows(() => offer.revise(), E.INVALID_TRANSITION);
    assertEqual(a.get_lines().get_n_items(), 2);
    assertEqual(minor(a.get_selling_price()), SELLING_A);
});

test('second send during the negotiation, after the deadline; A unchanged', () => {
    const p = negotiated();
    const offer = p.lookup_offer('OFF-1');
    const k = p.lookup_consultation('CONS-1');
    const [a, b] = items(offer.get_revisions());
    assertEqual(offer.get_state(), S.SENT);
    assertTrue(offer.get_current_revision() === b, 'B is current');
    assertTrue(b.is_frozen());
    assertEqual(sentDate(offer), '2026-04-20');
    assertEqual(minor(b.get_cost_price()), COST_B);
    assertEqual(minor(b.get_selling_price()), SELLING_B);
    assertEqual(k.get_state(), CS.OFFER_SENT);
    assertEqual(iso(k.get_state_date(CS.OFFER_SENT)[1]), '2026-04-02');
    const e = lastEntry(p, 'OFF-1', 'sent');
    assertEqual(e.dup_detail('revision'), 'B');
    assertEqual(e.dup_detail('date'), '2026-04-20');
    assertEqual(e.dup_detail('selling_price'), '2729.41 EUR');
    assertEqual(e.dup_detail('margin_rate'), '1500');
    assertTrue(a.is_frozen());
    assertEqual(a.get_lines().get_n_items(), 2);
    assertEqual(minor(a.get_cost_price()), COST_A);
    assertEqual(minor(a.get_selling_price()), SELLING_A);
    assertEqual(a.get_approver(), 'Direction');
    const keep = ['added', 'approved', 'sent', 'revised'];
    assertEqual(offerEntries(p, 'OFF-1').map(x => x.get_action()).filter(x => keep.includes(x)),
        ['added', 'approved', 'sent', 'revised', 'sent']);
    assertThrows(() => offer.send(date(2026, 4, 21)), E.INVALID_TRANSITION);
    assertTrue(p.get_journal().verify());
});

test('check during the negotiation: no deadline, no GO needed', () => {
    const p = newPortfolio();
    const offer = validOffer(p);
    offer.send(date(2026, 4, 2));
    const b = offer.revise();
    assertEqual(problems(offer, date(2026, 5, 31)), []);
    assertEqual(problems(offer, date(2026, 6, 1)), [P.VALIDITY]);
    b.set_validity(date(2026, 12, 31));
    assertEqual(problems(offer, date(2026, 9, 1)), []);
});

// --- save and reload ----------------------------------------------------------------

function describe(p) {
    return items(p.get_offers()).map(offer => ({
        id: offer.get_id(),
        consultation: offer.get_consultation_id(),
        state: offer.get_state(),
        sent: sentDate(offer),
        revisions: items(offer.get_revisions()).map(r => ({
            letter: r.get_letter(),
            frozen: r.is_frozen(),
            lines: items(r.get_lines()).map(l => [
                l.get_kind(), l.get_description(), l.dup_quantity(), l.get_unit(),
                l.get_unit_cost().to_string(), l.get_lot(), reqsOf(l),
            ]),
            approver: r.get_approver(),
            justification: r.get_approval_justification(),
            notes: notesOf(r),
            ack: r.get_acknowledged_flags(),
            validity: iso(r.get_validity()),
            marginRate: r.get_margin_rate(),
            selling: r.get_selling_price().to_string(),
            vat: r.get_vat_rate(),
        })),
    }));
}

test('save and reload: everything preserved, to_data stable, journal verifies', () => {
    const p = negotiated();
    const [text] = p.to_data();
    const q = Aff.Portfolio.new_from_data(text, -1);
    assertEqual(q.to_data()[0], text);
    assertEqual(describe(q), describe(p));
    const o = q.lookup_offer('OFF-1');
    assertEqual(o.get_state(), S.SENT);
    assertEqual(sentDate(o), '2026-04-20');
    const [a, b] = items(o.get_revisions());
    assertTrue(o.get_current_revision() === b, 'B is current');
    assertEqual([a.get_letter(), b.get_letter()], ['A', 'B']);
    assertTrue(a.is_frozen());
    assertTrue(b.is_frozen());
    assertEqual(a.get_lines().get_n_items(), 2);
    assertEqual(b.get_lines().get_n_items(), 3);
    const l2 = a.get_lines().get_item(1);
    assertEqual([l2.get_kind(), l2.get_description(), l2.dup_quantity(), l2.get_unit(),
        l2.get_unit_cost().to_string(), l2.get_lot(), reqsOf(l2)],
    [K.LABOUR, 'Soudure TIG', '20', U.HOUR, '60.00 EUR', 'lot-1', ['REQ-2']]);
    assertEqual(a.get_approver(), 'Direction');
    assertEqual(a.get_approval_justification(), 'client stratégique');
    assertEqual(b.get_approver(), null);
    for (const r of [a, b]) {
        assertEqual(notesOf(r), NOTES);
        assertEqual(r.get_acknowledged_flags(), F.HOT_WORK | F.WORK_AT_HEIGHT);
    }
    assertEqual(minor(a.get_selling_price()), SELLING_A);
    assertEqual(minor(b.get_selling_price()), SELLING_B);
    assertEqual(iso(b.get_validity()), '2026-07-31');
    const o3 = q.lookup_offer('OFF-3');
    assertEqual(o3.get_state(), S.DRAFT);
    assertEqual(sentDate(o3), null);
    assertFalse(o3.get_current_revision().is_frozen());
    assertEqual(o3.get_current_revision().get_approver(), 'Direction');
    assertEqual(problems(o3, CHECK_DAY), [P.NO_LINES]);
    const k = q.lookup_consultation('CONS-1');
    assertEqual(k.get_state(), CS.OFFER_SENT);
    assertEqual(iso(k.get_state_date(CS.OFFER_SENT)[1]), '2026-04-02');
    assertEqual(q.get_journal().get_n_entries(), p.get_journal().get_n_entries());
    assertEqual(q.get_journal().get_head_hash(), p.get_journal().get_head_hash());
    assertTrue(q.get_journal().verify());
    // the loaded offer goes on: C from B, journaled
    const c = o.revise();
    assertEqual(c.get_letter(), 'C');
    assertEqual(o.get_state(), S.NEGOTIATION);
    const e = lastEntry(q, 'OFF-1', 'revised');
    assertEqual([e.dup_detail('revision'), e.dup_detail('from')], ['C', 'B']);
    assertTrue(q.get_journal().verify());
});

test('contingency from the risk register', () => {
    // 10 000.00 at 30 % -> 3 000.00; 2 000.00 at 50 % -> 1 000.00;
    // 5 000.00 without a probability in percent -> nothing: 400000.
    const p = newPortfolio();
    const offer = addOffer(p, 'OFF-1', 'CONS-1');
    const register = p.lookup_consultation('CONS-1').get_risk_register();
    for (const [title, exposure, percent] of [['Soudures refusées', '10000.00 EUR', 30],
        ['Retard des tubes', '2000.00 EUR', 50], ['Accès au site', '5000.00 EUR', -1]]) {
        const risk = Aff.Risk.new(title, Aff.RiskCategory.TECHNICAL, 2, 3);
        risk.set_exposure(Aff.Money.parse(exposure));
        risk.set_probability_percent(percent);
        register.add_risk(risk);
    }
    const rev = offer.get_current_revision();
    rev.set_contingency_from_risks();
    assertEqual(minor(rev.get_contingency()), 400000);
    const loose = Aff.OfferRevision.new('A', p.get_policy());
    assertThrows(() => loose.set_contingency_from_risks(), Aff.Error.NOT_ASSESSABLE);
});

run();
