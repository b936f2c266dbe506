// testOfferFollowup.js: the follow-up and the outcome of an offer from
// JavaScript: the policy's reminder settings, decline, withdraw, expire, the
// reminders (portfolio.list_offer_reminders) and the round trip of all of it.
//
// Every expected value is worked out by hand from docs/rules.md, "Offer
// follow-up and outcome (without the affair yet)".
//
// The fixtures:
//   clients acme and beta, neither with a solvency assessment, so every
//   evaluation is NO_GO and the management decides GO anyway with a
//   justification (the consultation is GO, dated 2026-03-05).
//   CONS-1, CONS-2, CONS-5 (acme) and CONS-3 (beta): received 2026-03-02,
//   deadline 2026-04-15, no requirement, no dangerous work, qualified
//   2026-03-03, evaluated 2026-03-05, decided GO.
//   CONS-4 (acme): same dates, left QUALIFYING.
//   An offer: one material line 10 m x 50.00 EUR, margin rate 1500 (above the
//   800 floor), a validity at least 30 days after the sending day: it passes
//   every check when sent on or before the deadline.
//
// The reference timeline (default policy: first 10, second 21, warning 3):
//   sent S = 2026-04-01, validity V = 2026-06-30
//   FIRST S + 10 = 2026-04-11; SECOND S + 21 = 2026-04-22;
//   VALIDITY_ENDING V - 3 = 2026-06-27; EXPIRED from V + 1 = 2026-07-01.

import GLib from 'gi://GLib';
import Aff from 'gi://Aff?version=1';
import {
    test, run, assertEqual, assertTrue, assertFalse, assertThrows,
    date, iso, items,
} from './harness.js';

const E = Aff.Error;
const S = Aff.OfferState;
const CS = Aff.ConsultationState;
const L = Aff.LossReason;
const FIRST = Aff.ReminderKind.FIRST;
const SECOND = Aff.ReminderKind.SECOND;
const ENDING = Aff.ReminderKind.VALIDITY_ENDING;
const EXPIRED = Aff.ReminderKind.EXPIRED;

function newPortfolio() {
    const p = Aff.Portfolio.new();
    p.set_actor('Claire Martin');
    p.set_fixed_time(GLib.DateTime.new_utc(2026, 4, 1, 9, 0, 0));
    p.get_policy().set_activities(['pipework']);
    p.add_client(Aff.Client.new('acme', 'ACME Industrie'));
    p.add_client(Aff.Client.new('beta', 'Beta Chimie'));
    const consultation = (id, client, go) => {
        const k = Aff.Consultation.new(id, client, `Tuyauterie ${id}`, date(2026, 3, 2), date(2026, 4, 15));
        k.set_activities(['pipework']);
        p.add_consultation(k);
        k.start_qualification(date(2026, 3, 3), 'analysis');
        if (go) {
            p.evaluate_consultation(id, date(2026, 3, 5));
            p.decide_consultation(id, Aff.BidVerdict.GO, 'Direction', 'client stratégique');
            assertEqual(k.get_state(), CS.GO, `${id} GO`);
        }
    };
    consultation('CONS-1', 'acme', true);
    consultation('CONS-2', 'acme', true);
    consultation('CONS-3', 'beta', true);
    consultation('CONS-4', 'acme', false);
    consultation('CONS-5', 'acme', true);
    return p;
}

// An offer ready to be sent: one line, margin 1500, the validity [y, m, d].
function draftOffer(p, id, consultationId, validity) {
    const offer = Aff.Offer.new(id, consultationId);
    p.add_offer(offer);
    const rev = offer.get_current_revision();
    rev.add_line(Aff.OfferLine.new(Aff.LineKind.MATERIAL, 'Tubes inox DN50', '10',
        Aff.LineUnit.METRE, Aff.Money.parse('50.00 EUR')));
    rev.set_margin_rate(1500);
    rev.set_validity(date(...validity));
    return offer;
}

function sentOffer(p, id, consultationId, sent, validity) {
    const offer = draftOffer(p, id, consultationId, validity);
    offer.send(date(...sent));
    assertEqual(offer.get_state(), S.SENT, `${id} SENT`);
    return offer;
}

function revise(offer) {
    const rev = offer.revise();
    assertTrue(rev !== null, 'a new revision');
    assertEqual(offer.get_state(), S.NEGOTIATION, 'NEGOTIATION');
    return rev;
}

function call(p, client, when) {
    p.record_interaction(client, Aff.Interaction.new(Aff.InteractionKind.CALL, date(...when), "Relance de l'offre"));
}

// get_closed_date() as "YYYY-MM-DD", null when not closed.
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

function assertStateChange(p, id, from, to, when, reason = null) {
    const e = lastEntry(p, 'consultation', id, 'state-changed');
    assertEqual(e.dup_detail('from'), from, `${id} from`);
    assertEqual(e.dup_detail('to'), to, `${id} to`);
    assertEqual(e.dup_detail('date'), when, `${id} date`);
    if (reason !== null)
        assertEqual(e.dup_detail('reason'), reason, `${id} reason`);
}

// expected: [offerId, kind, "YYYY-MM-DD" or null when the contract does not
// fix the due date (EXPIRED)].
function assertReminders(p, when, expected) {
    const got = p.list_offer_reminders(date(...when)).map(r =>
        [r.get_offer_id(), r.get_kind(), iso(r.get_due_date())]);
    const label = `reminders on ${when.join('-')}: ${JSON.stringify(got)}`;
    assertEqual(got.length, expected.length, label);
    expected.forEach((x, i) => {
        assertEqual(got[i][0], x[0], label);
        assertEqual(got[i][1], x[1], label);
        assertTrue(got[i][2] !== null, label);
        if (x[2] !== null)
            assertEqual(got[i][2], x[2], label);
    });
}

const verify = p => assertTrue(p.get_journal().verify(), 'journal verifies');

// --- policy ----------------------------------------------------------------

test('policy: defaults 10, 21, 3', () => {
    for (const policy of [Aff.Policy.new(), Aff.Portfolio.new().get_policy()]) {
        assertEqual(policy.get_offer_reminder_days(), 10);
        assertEqual(policy.get_offer_second_reminder_days(), 21);
        assertEqual(policy.get_validity_warning_days(), 3);
        assertEqual(policy.offer_second_reminder_days, 21);
        assertEqual(policy.validity_warning_days, 3);
    }
    const policy = Aff.Policy.new();
    policy.set_offer_second_reminder_days(36500);
    policy.validity_warning_days = 0;
    assertEqual(policy.get_offer_second_reminder_days(), 36500);
    assertEqual(policy.get_validity_warning_days(), 0);
});

test('policy: settings journaled', () => {
    const p = Aff.Portfolio.new();
    p.set_fixed_time(GLib.DateTime.new_utc(2026, 1, 5, 8, 0, 0));
    p.set_actor('alice');
    const policy = p.get_policy();
    const journal = p.get_journal();
    policy.set_offer_second_reminder_days(21);
    policy.set_validity_warning_days(3);
    assertEqual(journal.get_n_entries(), 0, 'defaults set again: no entry');
    policy.set_offer_second_reminder_days(28);
    policy.set_offer_second_reminder_days(28);
    policy.set_validity_warning_days(5);
    policy.set_validity_warning_days(0);
    policy.set_offer_reminder_days(0);
    assertEqual(journal.get_n_entries(), 4);
    assertEqual(journal.list_entries_for('policy', 'policy').map(e =>
        [e.get_entity_kind(), e.get_entity_id(), e.get_actor(), e.get_action(), e.get_details()]), [
        ['policy', 'policy', 'alice', 'changed', '{"property":"offer-second-reminder-days","value":28}'],
        ['policy', 'policy', 'alice', 'changed', '{"property":"validity-warning-days","value":5}'],
        ['policy', 'policy', 'alice', 'changed', '{"property":"validity-warning-days","value":0}'],
        ['policy', 'policy', 'alice', 'changed', '{"property":"offer-reminder-days","value":0}'],
    ]);
    verify(p);
    const [text] = p.to_data();
    const q = Aff.Portfolio.new_from_data(text, -1);
    const qp = q.get_policy();
    assertEqual([qp.get_offer_reminder_days(), qp.get_offer_second_reminder_days(),
        qp.get_validity_warning_days()], [0, 28, 0]);
    assertEqual(q.get_journal().get_n_entries(), 4);
    verify(q);
});

// --- decline ---------------------------------------------------------------

test('decline from SENT, then refused twice', () => {
    const p = newPortfolio();
    const offer = sentOffer(p, 'OFF-1', 'CONS-1', [2026, 4, 1], [2026, 6, 30]);
    const k = p.lookup_consultation('CONS-1');
    assertEqual(offer.get_loss_reason(), L.OTHER, 'OTHER before');
    assertEqual(closed(offer), null);
    assertEqual(k.get_state(), CS.OFFER_SENT);

    offer.decline(date(2026, 4, 20), L.PRICE, 'concurrent 12 % moins cher');
    assertEqual(offer.get_state(), S.DECLINED);
    assertEqual(offer.get_loss_reason(), L.PRICE);
    assertEqual(closed(offer), '2026-04-20');
    assertEqual(k.get_state(), CS.LOST);
    assertEqual(stateDate(k, CS.LOST), '2026-04-20');
    assertFalse(k.is_open());
    assertStateChange(p, 'CONS-1', 'offer-sent', 'lost', '2026-04-20', 'price: concurrent 12 % moins cher');
    const e = lastEntry(p, 'offer', 'OFF-1', 'declined');
    assertEqual(e.dup_detail('date'), '2026-04-20');
    assertEqual(e.dup_detail('reason'), 'price');
    assertEqual(e.dup_detail('note'), 'concurrent 12 % moins cher');

    assertThrows(() => offer.decline(date(2026, 4, 25), L.TECHNICAL, 'autre'), E.INVALID_TRANSITION);
    assertEqual(offer.get_loss_reason(), L.PRICE);
    assertEqual(closed(offer), '2026-04-20');
    assertEqual(stateDate(k, CS.LOST), '2026-04-20');
    assertEqual(entries(p, 'offer', 'OFF-1', 'declined').length, 1);
    assertThrows(() => offer.withdraw(date(2026, 4, 26), 'trop tard'), E.INVALID_TRANSITION);
    assertThrows(() => offer.expire(date(2026, 7, 1)), E.INVALID_TRANSITION);
    assertEqual(offer.get_state(), S.DECLINED);
    assertEqual(k.get_state(), CS.LOST);
    verify(p);
});

test('decline from NEGOTIATION, no note: the nick alone', () => {
    const p = newPortfolio();
    const offer = sentOffer(p, 'OFF-1', 'CONS-1', [2026, 4, 1], [2026, 6, 30]);
    const k = p.lookup_consultation('CONS-1');
    revise(offer);
    offer.decline(date(2026, 5, 4), L.LEAD_TIME, null);
    assertEqual(offer.get_state(), S.DECLINED);
    assertEqual(offer.get_loss_reason(), L.LEAD_TIME);
    assertEqual(closed(offer), '2026-05-04');
    assertEqual(k.get_state(), CS.LOST);
    assertEqual(stateDate(k, CS.LOST), '2026-05-04');
    assertStateChange(p, 'CONS-1', 'offer-sent', 'lost', '2026-05-04', 'lead-time');
    const e = lastEntry(p, 'offer', 'OFF-1', 'declined');
    assertEqual(e.dup_detail('date'), '2026-05-04');
    assertEqual(e.dup_detail('reason'), 'lead-time');
    verify(p);
});

test('decline: every reason in the consultation reason', () => {
    const cases = [[L.PRICE, 'price'], [L.LEAD_TIME, 'lead-time'], [L.TECHNICAL, 'technical'],
        [L.RELATIONSHIP, 'relationship'], [L.NO_DECISION, 'no-decision'], [L.OTHER, 'other']];
    for (const [reason, nick] of cases) {
        const p = newPortfolio();
        const offer = sentOffer(p, 'OFF-1', 'CONS-1', [2026, 4, 1], [2026, 6, 30]);
        offer.decline(date(2026, 4, 2), reason, 'la note');
        assertEqual(offer.get_loss_reason(), reason);
        assertStateChange(p, 'CONS-1', 'offer-sent', 'lost', '2026-04-02', `${nick}: la note`);
    }
});

test('decline and expire refused from DRAFT', () => {
    const p = newPortfolio();
    const offer = draftOffer(p, 'OFF-1', 'CONS-1', [2026, 6, 30]);
    const k = p.lookup_consultation('CONS-1');
    const n = p.get_journal().get_n_entries();
    assertThrows(() => offer.decline(date(2026, 4, 20), L.PRICE, 'trop cher'), E.INVALID_TRANSITION);
    assertEqual(offer.get_state(), S.DRAFT);
    assertEqual(offer.get_loss_reason(), L.OTHER);
    assertEqual(closed(offer), null);
    assertEqual(k.get_state(), CS.GO);
    assertThrows(() => offer.expire(date(2026, 7, 1)), E.INVALID_TRANSITION);
    assertEqual(offer.get_state(), S.DRAFT);
    assertEqual(p.get_journal().get_n_entries(), n);
});

// --- withdraw --------------------------------------------------------------

test('withdraw from DRAFT: GO abandoned, QUALIFYING kept', () => {
    const p = newPortfolio();
    const onGo = draftOffer(p, 'OFF-2', 'CONS-2', [2026, 6, 30]);
    const onQualifying = draftOffer(p, 'OFF-4', 'CONS-4', [2026, 6, 30]);
    const k2 = p.lookup_consultation('CONS-2');
    const k4 = p.lookup_consultation('CONS-4');

    onGo.withdraw(date(2026, 4, 8), 'plan de charge');
    assertEqual(onGo.get_state(), S.WITHDRAWN);
    assertEqual(closed(onGo), '2026-04-08');
    assertEqual(onGo.get_loss_reason(), L.OTHER);
    assertEqual(k2.get_state(), CS.ABANDONED);
    assertEqual(stateDate(k2, CS.ABANDONED), '2026-04-08');
    assertStateChange(p, 'CONS-2', 'go', 'abandoned', '2026-04-08');
    assertEqual(entries(p, 'offer', 'OFF-2', 'withdrawn').length, 1);

    onQualifying.withdraw(date(2026, 4, 9), 'doublon');
    assertEqual(onQualifying.get_state(), S.WITHDRAWN);
    assertEqual(closed(onQualifying), '2026-04-09');
    assertEqual(k4.get_state(), CS.QUALIFYING);
    assertEqual(entries(p, 'consultation', 'CONS-4', 'state-changed').length, 1);
    assertEqual(entries(p, 'offer', 'OFF-4', 'withdrawn').length, 1);

    assertThrows(() => onGo.withdraw(date(2026, 4, 10), 'encore'), E.INVALID_TRANSITION);
    assertThrows(() => onGo.decline(date(2026, 4, 10), L.PRICE, null), E.INVALID_TRANSITION);
    assertThrows(() => onGo.send(date(2026, 4, 10)), E.INVALID_TRANSITION);
    assertEqual(onGo.get_state(), S.WITHDRAWN);
    assertEqual(closed(onGo), '2026-04-08');
    assertEqual(entries(p, 'offer', 'OFF-2', 'withdrawn').length, 1);
    verify(p);
});

test('withdraw from SENT and from NEGOTIATION', () => {
    const p = newPortfolio();
    const o1 = sentOffer(p, 'OFF-1', 'CONS-1', [2026, 4, 1], [2026, 6, 30]);
    const o2 = sentOffer(p, 'OFF-2', 'CONS-2', [2026, 4, 2], [2026, 6, 30]);
    const k1 = p.lookup_consultation('CONS-1');
    const k2 = p.lookup_consultation('CONS-2');

    o1.withdraw(date(2026, 4, 15), 'erreur de chiffrage');
    assertEqual(o1.get_state(), S.WITHDRAWN);
    assertEqual(closed(o1), '2026-04-15');
    assertEqual(k1.get_state(), CS.ABANDONED);
    assertEqual(stateDate(k1, CS.ABANDONED), '2026-04-15');
    assertStateChange(p, 'CONS-1', 'offer-sent', 'abandoned', '2026-04-15');
    assertEqual(entries(p, 'offer', 'OFF-1', 'withdrawn').length, 1);
    assertThrows(() => o1.expire(date(2026, 7, 1)), E.INVALID_TRANSITION);

    revise(o2);
    o2.withdraw(date(2026, 5, 2), null);
    assertEqual(o2.get_state(), S.WITHDRAWN);
    assertEqual(closed(o2), '2026-05-02');
    assertEqual(k2.get_state(), CS.ABANDONED);
    assertEqual(stateDate(k2, CS.ABANDONED), '2026-05-02');
    verify(p);
});

test('withdraw refused when DECLINED', () => {
    const p = newPortfolio();
    const offer = sentOffer(p, 'OFF-1', 'CONS-1', [2026, 4, 1], [2026, 6, 30]);
    offer.decline(date(2026, 4, 20), L.RELATIONSHIP, 'fournisseur historique');
    assertThrows(() => offer.withdraw(date(2026, 4, 21), 'sans objet'), E.INVALID_TRANSITION);
    assertEqual(offer.get_state(), S.DECLINED);
    assertEqual(closed(offer), '2026-04-20');
    assertEqual(p.lookup_consultation('CONS-1').get_state(), CS.LOST);
    assertEqual(entries(p, 'offer', 'OFF-1', 'withdrawn').length, 0);
});

// --- expire ------------------------------------------------------------------

test('expire: refused up to the validity day, allowed the day after', () => {
    const p = newPortfolio();
    const offer = sentOffer(p, 'OFF-1', 'CONS-1', [2026, 4, 1], [2026, 6, 30]);
    const k = p.lookup_consultation('CONS-1');
    const n = p.get_journal().get_n_entries();
    for (const when of [[2026, 4, 20], [2026, 6, 29], [2026, 6, 30]])
        assertThrows(() => offer.expire(date(...when)), E.INVALID_VALUE);
    assertEqual(offer.get_state(), S.SENT);
    assertEqual(closed(offer), null);
    assertEqual(k.get_state(), CS.OFFER_SENT);
    assertEqual(p.get_journal().get_n_entries(), n);

    offer.expire(date(2026, 7, 1));
    assertEqual(offer.get_state(), S.EXPIRED);
    assertEqual(closed(offer), '2026-07-01');
    assertEqual(k.get_state(), CS.LOST);
    assertEqual(stateDate(k, CS.LOST), '2026-07-01');
    assertStateChange(p, 'CONS-1', 'offer-sent', 'lost', '2026-07-01', 'expired');
    assertEqual(entries(p, 'offer', 'OFF-1', 'expired').length, 1);

    assertThrows(() => offer.expire(date(2026, 7, 2)), E.INVALID_TRANSITION);
    assertThrows(() => offer.decline(date(2026, 7, 2), L.NO_DECISION, null), E.INVALID_TRANSITION);
    assertThrows(() => offer.withdraw(date(2026, 7, 2), 'trop tard'), E.INVALID_TRANSITION);
    assertEqual(offer.get_state(), S.EXPIRED);
    assertEqual(closed(offer), '2026-07-01');
    assertEqual(entries(p, 'offer', 'OFF-1', 'expired').length, 1);
    verify(p);
});

test("expire: the current revision's validity", () => {
    const p = newPortfolio();
    const offer = sentOffer(p, 'OFF-1', 'CONS-1', [2026, 4, 1], [2026, 6, 30]);
    const b = revise(offer);
    assertThrows(() => offer.expire(date(2026, 8, 1)), E.INVALID_TRANSITION);
    assertEqual(offer.get_state(), S.NEGOTIATION);
    b.set_validity(date(2026, 7, 31));
    offer.send(date(2026, 4, 10));
    assertThrows(() => offer.expire(date(2026, 7, 1)), E.INVALID_VALUE);
    assertThrows(() => offer.expire(date(2026, 7, 31)), E.INVALID_VALUE);
    offer.expire(date(2026, 8, 1));
    assertEqual(offer.get_state(), S.EXPIRED);
    assertEqual(closed(offer), '2026-08-01');
    assertEqual(stateDate(p.lookup_consultation('CONS-1'), CS.LOST), '2026-08-01');
});

// --- reminders ------------------------------------------------------------------

test('reminders: the timeline of one offer', () => {
    const p = newPortfolio();
    sentOffer(p, 'OFF-1', 'CONS-1', [2026, 4, 1], [2026, 6, 30]);
    for (const when of [[2026, 3, 31], [2026, 4, 1], [2026, 4, 10]])
        assertReminders(p, when, []);
    assertReminders(p, [2026, 4, 11], [['OFF-1', FIRST, '2026-04-11']]);
    assertReminders(p, [2026, 4, 21], [['OFF-1', FIRST, '2026-04-11']]);
    assertReminders(p, [2026, 4, 22], [['OFF-1', SECOND, '2026-04-22']]);
    assertReminders(p, [2026, 6, 26], [['OFF-1', SECOND, '2026-04-22']]);
    assertReminders(p, [2026, 6, 27], [['OFF-1', ENDING, '2026-06-27']]);
    assertReminders(p, [2026, 6, 30], [['OFF-1', ENDING, '2026-06-27']]);
    assertReminders(p, [2026, 7, 1], [['OFF-1', EXPIRED, null]]);
    assertReminders(p, [2026, 12, 31], [['OFF-1', EXPIRED, null]]);
});

test('reminders: cleared by an interaction of the client', () => {
    const p = newPortfolio();
    sentOffer(p, 'OFF-1', 'CONS-1', [2026, 4, 1], [2026, 6, 30]);
    call(p, 'acme', [2026, 4, 5]);
    assertReminders(p, [2026, 4, 11], [['OFF-1', FIRST, '2026-04-11']]);
    call(p, 'beta', [2026, 4, 11]);
    assertReminders(p, [2026, 4, 11], [['OFF-1', FIRST, '2026-04-11']]);
    call(p, 'acme', [2026, 4, 12]);
    assertReminders(p, [2026, 4, 11], [['OFF-1', FIRST, '2026-04-11']]);
    assertReminders(p, [2026, 4, 12], []);
    assertReminders(p, [2026, 4, 21], []);
    assertReminders(p, [2026, 4, 22], [['OFF-1', SECOND, '2026-04-22']]);
    call(p, 'acme', [2026, 4, 22]);
    assertReminders(p, [2026, 4, 22], []);
    assertReminders(p, [2026, 6, 26], []);
    assertReminders(p, [2026, 6, 27], [['OFF-1', ENDING, '2026-06-27']]);
    call(p, 'acme', [2026, 6, 30]);
    assertReminders(p, [2026, 6, 29], [['OFF-1', ENDING, '2026-06-27']]);
    assertReminders(p, [2026, 6, 30], []);
    call(p, 'acme', [2026, 7, 1]);
    assertReminders(p, [2026, 7, 1], [['OFF-1', EXPIRED, null]]);
});

test('reminders: only offers awaiting an answer', () => {
    const p = newPortfolio();
    draftOffer(p, 'OFF-4', 'CONS-4', [2026, 6, 30]);
    revise(sentOffer(p, 'OFF-1', 'CONS-1', [2026, 4, 1], [2026, 6, 30]));
    sentOffer(p, 'OFF-2', 'CONS-2', [2026, 4, 1], [2026, 6, 30]).decline(date(2026, 4, 5), L.PRICE, null);
    sentOffer(p, 'OFF-3', 'CONS-3', [2026, 4, 1], [2026, 6, 30]).withdraw(date(2026, 4, 5), 'erreur');
    const expired = sentOffer(p, 'OFF-5', 'CONS-5', [2026, 4, 1], [2026, 5, 10]);
    assertReminders(p, [2026, 5, 11], [['OFF-5', EXPIRED, null]]);
    expired.expire(date(2026, 5, 11));
    for (const when of [[2026, 4, 11], [2026, 4, 22], [2026, 6, 27], [2026, 7, 1]])
        assertReminders(p, when, []);
});

test('reminders: from the latest sending', () => {
    const p = newPortfolio();
    const offer = sentOffer(p, 'OFF-1', 'CONS-1', [2026, 4, 1], [2026, 6, 30]);
    const b = revise(offer);
    assertReminders(p, [2026, 4, 11], []);
    b.set_validity(date(2026, 7, 31));
    offer.send(date(2026, 4, 10));
    assertReminders(p, [2026, 4, 19], []);
    assertReminders(p, [2026, 4, 20], [['OFF-1', FIRST, '2026-04-20']]);
    assertReminders(p, [2026, 5, 1], [['OFF-1', SECOND, '2026-05-01']]);
    assertReminders(p, [2026, 7, 1], [['OFF-1', SECOND, '2026-05-01']]);
    assertReminders(p, [2026, 7, 28], [['OFF-1', ENDING, '2026-07-28']]);
    assertReminders(p, [2026, 8, 1], [['OFF-1', EXPIRED, null]]);
});

test('reminders: ordered by due date, then offer id', () => {
    // Added OFF-3, OFF-1, OFF-2.
    //   OFF-2 (acme) sent 03-31, V 06-30: FIRST 04-10, SECOND 04-21, ENDING 06-27
    //   OFF-1 (acme) sent 04-01, V 06-30: FIRST 04-11, SECOND 04-22, ENDING 06-27
    //   OFF-3 (beta) sent 04-01, V 05-10: FIRST 04-11, SECOND 04-22, ENDING 05-07
    const p = newPortfolio();
    sentOffer(p, 'OFF-3', 'CONS-3', [2026, 4, 1], [2026, 5, 10]);
    sentOffer(p, 'OFF-1', 'CONS-1', [2026, 4, 1], [2026, 6, 30]);
    sentOffer(p, 'OFF-2', 'CONS-2', [2026, 3, 31], [2026, 6, 30]);
    assertReminders(p, [2026, 4, 10], [['OFF-2', FIRST, '2026-04-10']]);
    assertReminders(p, [2026, 4, 13], [
        ['OFF-2', FIRST, '2026-04-10'], ['OFF-1', FIRST, '2026-04-11'], ['OFF-3', FIRST, '2026-04-11']]);
    assertReminders(p, [2026, 4, 21], [
        ['OFF-1', FIRST, '2026-04-11'], ['OFF-3', FIRST, '2026-04-11'], ['OFF-2', SECOND, '2026-04-21']]);
    assertReminders(p, [2026, 5, 7], [
        ['OFF-2', SECOND, '2026-04-21'], ['OFF-1', SECOND, '2026-04-22'], ['OFF-3', ENDING, '2026-05-07']]);
    assertReminders(p, [2026, 5, 11], [
        ['OFF-2', SECOND, '2026-04-21'], ['OFF-1', SECOND, '2026-04-22'], ['OFF-3', EXPIRED, null]]);
    // OFF-3's EXPIRED is due 05-10 or 05-11: before 06-27 either way
    assertReminders(p, [2026, 6, 27], [
        ['OFF-3', EXPIRED, null], ['OFF-1', ENDING, '2026-06-27'], ['OFF-2', ENDING, '2026-06-27']]);
    // an acme call on 04-21 clears OFF-1's FIRST and OFF-2's SECOND
    call(p, 'acme', [2026, 4, 21]);
    assertReminders(p, [2026, 4, 21], [['OFF-3', FIRST, '2026-04-11']]);
});

test('reminders: settings, 0 disables', () => {
    let p = newPortfolio();
    p.get_policy().set_offer_reminder_days(0);
    sentOffer(p, 'OFF-1', 'CONS-1', [2026, 4, 1], [2026, 6, 30]);
    for (const when of [[2026, 4, 1], [2026, 4, 11], [2026, 4, 21]])
        assertReminders(p, when, []);
    assertReminders(p, [2026, 4, 22], [['OFF-1', SECOND, '2026-04-22']]);

    p = newPortfolio();
    p.get_policy().set_offer_second_reminder_days(0);
    sentOffer(p, 'OFF-1', 'CONS-1', [2026, 4, 1], [2026, 6, 30]);
    assertReminders(p, [2026, 4, 22], [['OFF-1', FIRST, '2026-04-11']]);
    assertReminders(p, [2026, 6, 26], [['OFF-1', FIRST, '2026-04-11']]);
    assertReminders(p, [2026, 6, 27], [['OFF-1', ENDING, '2026-06-27']]);

    p = newPortfolio();
    p.get_policy().set_validity_warning_days(0);
    sentOffer(p, 'OFF-1', 'CONS-1', [2026, 4, 1], [2026, 6, 30]);
    assertReminders(p, [2026, 6, 27], [['OFF-1', SECOND, '2026-04-22']]);
    assertReminders(p, [2026, 6, 30], [['OFF-1', SECOND, '2026-04-22']]);
    assertReminders(p, [2026, 7, 1], [['OFF-1', EXPIRED, null]]);

    p = newPortfolio();
    let policy = p.get_policy();
    policy.set_offer_reminder_days(0);
    policy.set_offer_second_reminder_days(0);
    policy.set_validity_warning_days(0);
    sentOffer(p, 'OFF-1', 'CONS-1', [2026, 4, 1], [2026, 6, 30]);
    assertReminders(p, [2026, 4, 1], []);
    assertReminders(p, [2026, 6, 30], []);
    assertReminders(p, [2026, 7, 1], [['OFF-1', EXPIRED, null]]);

    // first 5 -> 04-06, second 30 -> 05-01, warning 10 -> 06-20
    p = newPortfolio();
    policy = p.get_policy();
    policy.set_offer_reminder_days(5);
    policy.set_offer_second_reminder_days(30);
    policy.set_validity_warning_days(10);
    sentOffer(p, 'OFF-1', 'CONS-1', [2026, 4, 1], [2026, 6, 30]);
    assertReminders(p, [2026, 4, 5], []);
    assertReminders(p, [2026, 4, 6], [['OFF-1', FIRST, '2026-04-06']]);
    assertReminders(p, [2026, 4, 30], [['OFF-1', FIRST, '2026-04-06']]);
    assertReminders(p, [2026, 5, 1], [['OFF-1', SECOND, '2026-05-01']]);
    assertReminders(p, [2026, 6, 19], [['OFF-1', SECOND, '2026-05-01']]);
    assertReminders(p, [2026, 6, 20], [['OFF-1', ENDING, '2026-06-20']]);

    // the latest by due date whatever the kind: second 28 -> 04-29 after the
    // validity warning 05-01 - 3 = 04-28
    p = newPortfolio();
    p.get_policy().set_offer_second_reminder_days(28);
    sentOffer(p, 'OFF-1', 'CONS-1', [2026, 4, 1], [2026, 5, 1]);
    assertReminders(p, [2026, 4, 27], [['OFF-1', FIRST, '2026-04-11']]);
    assertReminders(p, [2026, 4, 28], [['OFF-1', ENDING, '2026-04-28']]);
    assertReminders(p, [2026, 4, 29], [['OFF-1', SECOND, '2026-04-29']]);
    assertReminders(p, [2026, 5, 1], [['OFF-1', SECOND, '2026-04-29']]);
    assertReminders(p, [2026, 5, 2], [['OFF-1', EXPIRED, null]]);
});

// --- round trip --------------------------------------------------------------------

test('save and reload: states, loss reason, closed date, journal', () => {
    const p = newPortfolio();
    p.get_policy().set_offer_second_reminder_days(25);
    p.get_policy().set_validity_warning_days(5);
    sentOffer(p, 'OFF-1', 'CONS-1', [2026, 4, 1], [2026, 6, 30])
        .decline(date(2026, 4, 20), L.TECHNICAL, 'variante refusée');
    sentOffer(p, 'OFF-2', 'CONS-2', [2026, 4, 1], [2026, 6, 30]).withdraw(date(2026, 4, 21), 'erreur');
    sentOffer(p, 'OFF-3', 'CONS-3', [2026, 4, 1], [2026, 5, 10]).expire(date(2026, 5, 11));
    draftOffer(p, 'OFF-4', 'CONS-4', [2026, 6, 30]).withdraw(date(2026, 4, 9), 'doublon');
    sentOffer(p, 'OFF-5', 'CONS-5', [2026, 4, 2], [2026, 6, 30]);

    const [text] = p.to_data();
    const q = Aff.Portfolio.new_from_data(text, -1);
    const [text2] = q.to_data();
    assertEqual(text2, text, 'to_data equal');

    const summary = portfolio => items(portfolio.get_offers()).map(o =>
        [o.get_id(), o.get_state(), o.get_loss_reason(), closed(o)]);
    assertEqual(summary(q), summary(p));
    assertEqual(summary(q), [
        ['OFF-1', S.DECLINED, L.TECHNICAL, '2026-04-20'],
        ['OFF-2', S.WITHDRAWN, L.OTHER, '2026-04-21'],
        ['OFF-3', S.EXPIRED, L.OTHER, '2026-05-11'],
        ['OFF-4', S.WITHDRAWN, L.OTHER, '2026-04-09'],
        ['OFF-5', S.SENT, L.OTHER, null],
    ]);
    assertEqual(['CONS-1', 'CONS-2', 'CONS-3', 'CONS-4', 'CONS-5'].map(id => q.lookup_consultation(id).get_state()),
        [CS.LOST, CS.ABANDONED, CS.LOST, CS.QUALIFYING, CS.OFFER_SENT]);
    assertEqual(stateDate(q.lookup_consultation('CONS-3'), CS.LOST), '2026-05-11');
    assertStateChange(q, 'CONS-1', 'offer-sent', 'lost', '2026-04-20', 'technical: variante refusée');
    assertEqual(q.get_policy().get_offer_second_reminder_days(), 25);
    assertEqual(q.get_policy().get_validity_warning_days(), 5);

    // OFF-5 (sent 04-02): FIRST 04-12, SECOND 04-27, ENDING 06-25
    assertReminders(p, [2026, 4, 12], [['OFF-5', FIRST, '2026-04-12']]);
    assertReminders(q, [2026, 4, 12], [['OFF-5', FIRST, '2026-04-12']]);
    assertReminders(q, [2026, 4, 27], [['OFF-5', SECOND, '2026-04-27']]);
    assertReminders(q, [2026, 6, 25], [['OFF-5', ENDING, '2026-06-25']]);

    assertEqual(q.get_journal().get_n_entries(), p.get_journal().get_n_entries());
    assertEqual(q.get_journal().get_head_hash(), p.get_journal().get_head_hash());
    verify(q);

    assertThrows(() => q.lookup_offer('OFF-1').decline(date(2026, 7, 1), L.PRICE, null), E.INVALID_TRANSITION);
    const o = q.lookup_offer('OFF-5');
    o.decline(date(2026, 5, 2), L.NO_DECISION, 'projet reporté');
    assertEqual(o.get_loss_reason(), L.NO_DECISION);
    assertStateChange(q, 'CONS-5', 'offer-sent', 'lost', '2026-05-02', 'no-decision: projet reporté');
    assertReminders(q, [2026, 5, 2], []);
    verify(q);
});

test('find offers by client, state and sending date', () => {
    // OFF-1 (acme) sent 2026-04-01, OFF-2 (acme) sent 2026-04-10, OFF-3
    // (beta) sent 2026-04-05, OFF-5 (acme) never sent.
    const p = newPortfolio();
    const v = [2026, 6, 30];
    sentOffer(p, 'OFF-1', 'CONS-1', [2026, 4, 1], v);
    sentOffer(p, 'OFF-2', 'CONS-2', [2026, 4, 10], v);
    sentOffer(p, 'OFF-3', 'CONS-3', [2026, 4, 5], v);
    draftOffer(p, 'OFF-5', 'CONS-5', v);
    const ids = (client, state, from, to) =>
        p.find_offers(client, state, from && date(...from), to && date(...to)).map(o => o.get_id());

    assertEqual(ids(null, null, null, null), ['OFF-1', 'OFF-2', 'OFF-3', 'OFF-5']);
    assertEqual(ids('acme', null, null, null), ['OFF-1', 'OFF-2', 'OFF-5']);
    assertEqual(ids('zeta', null, null, null), []);
    assertEqual(ids(null, 'sent', null, null), ['OFF-1', 'OFF-2', 'OFF-3']);
    assertEqual(ids(null, 'draft', null, null), ['OFF-5']);
    assertEqual(ids(null, null, [2026, 4, 2], [2026, 4, 10]), ['OFF-2', 'OFF-3']);
    assertEqual(ids(null, null, null, [2026, 4, 1]), ['OFF-1']);
    assertEqual(ids('acme', 'sent', [2026, 4, 2], null), ['OFF-2']);
    assertThrows(() => p.find_offers(null, 'open', null, null), Aff.Error.INVALID_VALUE);
});

run();
