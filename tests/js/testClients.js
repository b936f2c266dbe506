// testClients.js: Aff.Client, Aff.Contact and Aff.Interaction from JavaScript:
// SIREN and NAF validation, status history, contacts, interactions and
// satisfaction figures.
//
// Expected values are worked out by hand from docs/rules.md.

import Aff from 'gi://Aff?version=1';
import {
    test, run, assertEqual, assertTrue, assertFalse, assertClose, assertThrows,
    date, iso, items,
} from './harness.js';

const E = Aff.Error;
const S = Aff.ClientStatus;
const K = Aff.InteractionKind;

// Independent Luhn check (SIREN = 8 digits + Luhn check digit).
function luhn(digits) {
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
        let d = Number(digits[digits.length - 1 - i]);
        if (i % 2 === 1) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    return sum % 10 === 0;
}

function interaction(kind, d, summary, {contact = null, next = null, satisfaction = null} = {}) {
    const it = Aff.Interaction.new(kind, d, summary);
    if (contact !== null)
        it.set_contact(contact);
    if (next !== null)
        it.set_next_action_date(next);
    if (satisfaction !== null)
        it.set_satisfaction(satisfaction);
    return it;
}

test('new client starts as a prospect', () => {
    const c = Aff.Client.new('acme', 'ACME Industrie');
    assertEqual(c.get_id(), 'acme');
    assertEqual(c.get_name(), 'ACME Industrie');
    assertEqual(c.get_status(), S.PROSPECT);
    assertEqual(c.get_siren(), null);
    assertEqual(c.get_sector(), null);
    assertEqual(c.get_follow_up_days(), 0);
    assertEqual(c.get_parent_id(), null);
    assertEqual(c.get_contacts().get_n_items(), 0);
    assertEqual(c.get_interactions().get_n_items(), 0);
    assertEqual(c.get_last_interaction(), null);
    // Properties mirror the accessors.
    assertEqual(c.id, 'acme');
    assertEqual(c.name, 'ACME Industrie');
});

test('setters and notify', () => {
    const c = Aff.Client.new('acme', 'ACME');
    const notified = [];
    const id = c.connect('notify', (obj, pspec) => notified.push(pspec.get_name()));
    c.set_name('ACME SAS');
    c.set_name('ACME SAS');   // unchanged: no second notification
    c.set_address('1 rue de la Forge, 69000 Lyon');
    c.set_follow_up_days(14);
    c.disconnect(id);
    assertEqual(c.get_name(), 'ACME SAS');
    assertEqual(c.get_address(), '1 rue de la Forge, 69000 Lyon');
    assertEqual(c.get_follow_up_days(), 14);
    assertEqual(notified.filter(n => n === 'name').length, 1);
    assertTrue(notified.includes('address'));
    assertTrue(notified.includes('follow-up-days'));
});

test('SIREN examples agree with an independent Luhn check', () => {
    for (const s of ['732829320', '542107651', '443061841'])
        assertTrue(luhn(s), s);
    assertFalse(luhn('732829321'));
});

test('set_siren accepts valid SIRENs', () => {
    const c = Aff.Client.new('acme', 'ACME');
    for (const s of ['732829320', '542107651', '443061841']) {
        assertTrue(c.set_siren(s), s);
        assertEqual(c.get_siren(), s);
        assertTrue(Aff.siren_is_valid(s), s);
    }
    assertTrue(c.set_siren(null));
    assertEqual(c.get_siren(), null);
});

test('set_siren refuses invalid SIRENs and keeps the old value', () => {
    const c = Aff.Client.new('acme', 'ACME');
    c.set_siren('732829320');
    for (const s of ['732829321', '12345678', '73282932A', '7328293200', '', ' 732829320', '732 829 320', '７３２８２９３２０']) {
        assertThrows(() => c.set_siren(s), E.INVALID_VALUE);
        assertFalse(Aff.siren_is_valid(s), s);
        assertEqual(c.get_siren(), '732829320', `after ${s}`);
    }
});

test('set_sector takes NAF rev. 2 codes', () => {
    const c = Aff.Client.new('acme', 'ACME');
    for (const naf of ['28.29B', '33.12Z', '71.12B']) {
        assertTrue(c.set_sector(naf));
        assertEqual(c.get_sector(), naf);
    }
    for (const bad of ['2829B', '28.29', '28-29B', 'AB.CDE', '28.2B', '281.29B', '', '28.29BB']) {
        assertThrows(() => c.set_sector(bad), E.INVALID_VALUE);
        assertEqual(c.get_sector(), '71.12B', `after ${bad}`);
    }
    assertTrue(c.set_sector(null));
    assertEqual(c.get_sector(), null);
});

test('change_status and get_status_at', () => {
    const c = Aff.Client.new('acme', 'ACME');
    assertTrue(c.change_status(S.ACTIVE, date(2026, 2, 10), 'first order'));
    assertEqual(c.get_status(), S.ACTIVE);
    assertTrue(c.change_status(S.DORMANT, date(2026, 6, 1), 'no order for months'));
    assertTrue(c.change_status(S.ACTIVE, date(2026, 6, 1), 'order again'));   // same day is not earlier
    assertTrue(c.change_status(S.LOST, date(2026, 9, 30), 'went to a competitor'));
    assertEqual(c.get_status(), S.LOST);

    assertEqual(c.get_status_at(date(2026, 1, 1)), S.PROSPECT);   // before the first change
    assertEqual(c.get_status_at(date(2026, 2, 9)), S.PROSPECT);
    assertEqual(c.get_status_at(date(2026, 2, 10)), S.ACTIVE);    // on the day of the change
    assertEqual(c.get_status_at(date(2026, 5, 31)), S.ACTIVE);
    assertEqual(c.get_status_at(date(2026, 6, 1)), S.ACTIVE);     // last change of that day wins
    assertEqual(c.get_status_at(date(2026, 9, 29)), S.ACTIVE);
    assertEqual(c.get_status_at(date(2026, 9, 30)), S.LOST);
    assertEqual(c.get_status_at(date(2030, 1, 1)), S.LOST);
});

test('change_status refuses a non-change and changes nothing', () => {
    const c = Aff.Client.new('acme', 'ACME');
    assertThrows(() => c.change_status(S.PROSPECT, date(2026, 1, 5), 'again'), E.INVALID_TRANSITION);
    assertEqual(c.get_status(), S.PROSPECT);
    c.change_status(S.ACTIVE, date(2026, 2, 10), 'order');
    assertThrows(() => c.change_status(S.ACTIVE, date(2026, 3, 1), 'again'), E.INVALID_TRANSITION);
    assertEqual(c.get_status_at(date(2026, 3, 1)), S.ACTIVE);
});

test('change_status refuses changes out of date order', () => {
    const c = Aff.Client.new('acme', 'ACME');
    c.change_status(S.ACTIVE, date(2026, 2, 10), 'order');
    assertThrows(() => c.change_status(S.LOST, date(2026, 2, 9), 'backdated'), E.INVALID_VALUE);
    assertEqual(c.get_status(), S.ACTIVE);
    assertEqual(c.get_status_at(date(2026, 2, 9)), S.PROSPECT);
    // Any status other than the current one is allowed, e.g. back to prospect.
    assertTrue(c.change_status(S.PROSPECT, date(2026, 2, 11), 'contract cancelled'));
    assertEqual(c.get_status(), S.PROSPECT);
});

test('contacts', () => {
    const c = Aff.Client.new('acme', 'ACME');
    const marie = Aff.Contact.new('Marie Dupont');
    marie.set_role('Responsable maintenance');
    marie.set_email('marie.dupont@acme.fr');
    marie.set_phone('+33 4 72 00 00 01');
    assertTrue(c.add_contact(marie));
    const paul = Aff.Contact.new('Paul Martin');
    paul.role = 'Acheteur';           // as a GObject property
    assertTrue(c.add_contact(paul));

    const list = items(c.get_contacts());
    assertEqual(list.map(x => x.get_name()), ['Marie Dupont', 'Paul Martin']);
    assertTrue(list[0] instanceof Aff.Contact);
    assertEqual(list[0].get_role(), 'Responsable maintenance');
    assertEqual(list[0].get_email(), 'marie.dupont@acme.fr');
    assertEqual(list[0].get_phone(), '+33 4 72 00 00 01');
    assertEqual(list[1].get_role(), 'Acheteur');
    assertEqual(list[1].get_email(), null);

    assertEqual(c.lookup_contact('Paul Martin').get_role(), 'Acheteur');
    assertEqual(c.lookup_contact('Nobody'), null);
});

test('add_contact refuses duplicates and bad e-mail addresses', () => {
    const c = Aff.Client.new('acme', 'ACME');
    c.add_contact(Aff.Contact.new('Marie Dupont'));
    assertThrows(() => c.add_contact(Aff.Contact.new('Marie Dupont')), E.DUPLICATE_ID, 'Marie Dupont');
    for (const email of ['marie', 'marie@acme', '@acme.fr', 'marie@', 'marie acme.fr']) {
        const bad = Aff.Contact.new(`Bad ${email}`);
        bad.set_email(email);
        assertThrows(() => c.add_contact(bad), E.INVALID_VALUE);
    }
    assertEqual(c.get_contacts().get_n_items(), 1);
});

test('contacts list model emits items-changed', () => {
    const c = Aff.Client.new('acme', 'ACME');
    const model = c.get_contacts();
    const changes = [];
    const id = model.connect('items-changed', (m, position, removed, added) => changes.push([position, removed, added]));
    c.add_contact(Aff.Contact.new('A'));
    c.add_contact(Aff.Contact.new('B'));
    model.disconnect(id);
    assertEqual(changes, [[0, 0, 1], [1, 0, 1]]);
});

test('interaction defaults', () => {
    const it = Aff.Interaction.new(K.VISIT, date(2026, 3, 2), 'Site visit');
    assertEqual(it.get_kind(), K.VISIT);
    assertEqual(iso(it.get_date()), '2026-03-02');
    assertEqual(it.get_summary(), 'Site visit');
    assertEqual(it.get_contact(), null);
    assertEqual(it.get_next_action_date(), null);
    assertEqual(it.get_satisfaction(), -1);
    assertEqual(Aff.SATISFACTION_NONE, -1);
    assertEqual(it.get_id(), null);
    it.set_next_action_date(date(2026, 3, 20));
    assertEqual(iso(it.get_next_action_date()), '2026-03-20');
    it.set_next_action_date(null);
    assertEqual(it.get_next_action_date(), null);
});

test('record_interaction gives ids and orders by date', () => {
    const p = Aff.Portfolio.new();
    const c = Aff.Client.new('acme', 'ACME');
    p.add_client(c);
    p.add_client(Aff.Client.new('beta', 'Beta'));
    const a = interaction(K.CALL, date(2026, 3, 10), 'A');
    const b = interaction(K.VISIT, date(2026, 1, 5), 'B');
    const cc = interaction(K.EMAIL, date(2026, 3, 10), 'C');
    const other = interaction(K.CALL, date(2026, 2, 1), 'other client');
    assertTrue(p.record_interaction('acme', a));
    assertTrue(p.record_interaction('acme', b));
    assertTrue(p.record_interaction('beta', other));
    assertTrue(p.record_interaction('acme', cc));
    // Ids count per client, in recording order.
    assertEqual(a.get_id(), 'acme-1');
    assertEqual(b.get_id(), 'acme-2');
    assertEqual(cc.get_id(), 'acme-3');
    assertEqual(other.get_id(), 'beta-1');
    // Ordered by date; same date keeps the recording order.
    assertEqual(items(c.get_interactions()).map(i => i.get_summary()), ['B', 'A', 'C']);
    assertEqual(c.get_last_interaction().get_summary(), 'C');
});

test('record_interaction errors', () => {
    const p = Aff.Portfolio.new();
    const c = Aff.Client.new('acme', 'ACME');
    p.add_client(c);
    p.add_client(Aff.Client.new('beta', 'Beta'));
    c.add_contact(Aff.Contact.new('Marie Dupont'));

    assertThrows(() => p.record_interaction('nobody', interaction(K.CALL, date(2026, 1, 1), 'x')),
        E.NOT_FOUND, 'nobody');
    assertThrows(() => p.record_interaction('acme',
        interaction(K.CALL, date(2026, 1, 1), 'x', {contact: 'Jean Inconnu'})), E.NOT_FOUND, 'Jean Inconnu');
    assertEqual(c.get_interactions().get_n_items(), 0);

    const it = interaction(K.CALL, date(2026, 1, 1), 'call', {contact: 'Marie Dupont'});
    assertTrue(p.record_interaction('acme', it));
    assertThrows(() => p.record_interaction('acme', it), E.INVALID_VALUE);
    assertThrows(() => p.record_interaction('beta', it), E.INVALID_VALUE);
    assertEqual(c.get_interactions().get_n_items(), 1);
    assertEqual(p.lookup_client('beta').get_interactions().get_n_items(), 0);
    assertEqual(it.get_contact(), 'Marie Dupont');
});

test('satisfaction average', () => {
    const p = Aff.Portfolio.new();
    const c = Aff.Client.new('acme', 'ACME');
    p.add_client(c);
    assertEqual(c.get_satisfaction_average(), -1.0);
    p.record_interaction('acme', interaction(K.CALL, date(2026, 1, 5), 'no score'));
    assertEqual(c.get_satisfaction_average(), -1.0);
    p.record_interaction('acme', interaction(K.SURVEY, date(2026, 2, 5), 's1', {satisfaction: 6}));
    p.record_interaction('acme', interaction(K.SURVEY, date(2026, 3, 5), 's2', {satisfaction: 9}));
    p.record_interaction('acme', interaction(K.SURVEY, date(2026, 4, 5), 's3', {satisfaction: 0}));
    // (6 + 9 + 0) / 3 = 5; the unscored call does not count.
    assertClose(c.get_satisfaction_average(), 5.0);
    p.record_interaction('acme', interaction(K.SURVEY, date(2026, 5, 5), 's4', {satisfaction: 10}));
    assertClose(c.get_satisfaction_average(), 25 / 4);
});

test('satisfaction trend', () => {
    const p = Aff.Portfolio.new();
    const c = Aff.Client.new('acme', 'ACME');
    p.add_client(c);
    assertEqual(c.get_satisfaction_trend(), 0.0);
    p.record_interaction('acme', interaction(K.SURVEY, date(2026, 1, 1), 'a', {satisfaction: 6}));
    assertEqual(c.get_satisfaction_trend(), 0.0);        // one score
    p.record_interaction('acme', interaction(K.CALL, date(2026, 6, 1), 'unscored'));
    assertEqual(c.get_satisfaction_trend(), 0.0);        // still one score
    // 6 on 2026-01-01, 8 on 2027-01-01 (365 days later): +2 points per 365 days.
    p.record_interaction('acme', interaction(K.SURVEY, date(2027, 1, 1), 'b', {satisfaction: 8}));
    assertClose(c.get_satisfaction_trend(), 2.0, 1e-9);
    // Add 5 on 2028-01-01 (730 days after the first): x = 0, 365, 730; y = 6, 8, 5.
    // slope = sum((x - 365)(y - 19/3)) / sum((x - 365)^2)
    //       = (-365 * (6 - 19/3) + 365 * (5 - 19/3)) / (2 * 365^2) = -1/2 per 365 days.
    p.record_interaction('acme', interaction(K.SURVEY, date(2028, 1, 1), 'c', {satisfaction: 5}));
    assertClose(c.get_satisfaction_trend(), -0.5, 1e-9);
});

test('satisfaction trend with all scores on one date is 0', () => {
    const p = Aff.Portfolio.new();
    const c = Aff.Client.new('acme', 'ACME');
    p.add_client(c);
    p.record_interaction('acme', interaction(K.SURVEY, date(2026, 1, 1), 'a', {satisfaction: 2}));
    p.record_interaction('acme', interaction(K.SURVEY, date(2026, 1, 1), 'b', {satisfaction: 9}));
    assertEqual(c.get_satisfaction_trend(), 0.0);
    assertClose(c.get_satisfaction_average(), 5.5);
});

run();
