// testPortfolio.js: Aff.Portfolio from JavaScript: the client collection,
// parents, follow-up, development figures and documents.
//
// Expected values are worked out by hand from docs/rules.md.

import Aff from 'gi://Aff?version=1';
import GLib from 'gi://GLib';
import {
    test, run, assertEqual, assertTrue, assertFalse, assertThrows,
    date, iso, items, runAsync, makeTempDir, removeTree,
} from './harness.js';

const E = Aff.Error;
const S = Aff.ClientStatus;
const K = Aff.InteractionKind;

function ids(list) {
    return list.map(c => c.get_id());
}

function record(p, clientId, d, summary, {next = null, satisfaction = null} = {}) {
    const it = Aff.Interaction.new(K.CALL, d, summary);
    if (next !== null)
        it.set_next_action_date(next);
    if (satisfaction !== null)
        it.set_satisfaction(satisfaction);
    p.record_interaction(clientId, it);
    return it;
}

function portfolioWith(...clientIds) {
    const p = Aff.Portfolio.new();
    for (const id of clientIds)
        p.add_client(Aff.Client.new(id, id.toUpperCase()));
    return p;
}

test('add_client and lookup_client', () => {
    const p = Aff.Portfolio.new();
    const acme = Aff.Client.new('acme', 'ACME');
    assertTrue(p.add_client(acme));
    assertTrue(p.add_client(Aff.Client.new('beta', 'Beta')));
    assertEqual(p.lookup_client('acme'), acme);
    assertEqual(p.lookup_client('beta').get_name(), 'Beta');
    assertEqual(p.lookup_client('gamma'), null);
});

test('add_client refuses duplicate ids', () => {
    const p = portfolioWith('acme');
    assertThrows(() => p.add_client(Aff.Client.new('acme', 'Another ACME')), E.DUPLICATE_ID, 'acme');
    assertEqual(p.get_clients().get_n_items(), 1);
    assertEqual(p.lookup_client('acme').get_name(), 'ACME');
});

test('add_client validates ids', () => {
    const p = Aff.Portfolio.new();
    const bad = ['', 'a b', 'a\tb', 'tab\t', 'line\nfeed', 'nul\u0001', 'x'.repeat(65), 'é'.repeat(33)];
    for (const id of bad)
        assertThrows(() => p.add_client(Aff.Client.new(id, 'Bad')), E.INVALID_VALUE);
    assertEqual(p.get_clients().get_n_items(), 0);
    // 64 bytes is the limit; non-ASCII ids are fine ('é' is 2 bytes: 32 of them = 64 bytes).
    assertTrue(p.add_client(Aff.Client.new('x'.repeat(64), 'Long')));
    assertTrue(p.add_client(Aff.Client.new('é'.repeat(32), 'Accents')));
    assertTrue(p.add_client(Aff.Client.new('client-42_b.c', 'Punctuation')));
});

test('get_clients is a list model in insertion order', () => {
    const p = Aff.Portfolio.new();
    const model = p.get_clients();
    const changes = [];
    const handler = model.connect('items-changed', (m, pos, removed, added) => changes.push([pos, removed, added]));
    for (const id of ['zeta', 'alpha', 'mid'])
        p.add_client(Aff.Client.new(id, id));
    assertEqual(ids(items(model)), ['zeta', 'alpha', 'mid']);
    assertTrue(model.get_item(0) instanceof Aff.Client);
    p.remove_client('alpha');
    model.disconnect(handler);
    assertEqual(ids(items(model)), ['zeta', 'mid']);
    assertEqual(changes, [[0, 0, 1], [1, 0, 1], [2, 0, 1], [1, 1, 0]]);
});

test('remove_client', () => {
    const p = portfolioWith('acme', 'beta');
    assertTrue(p.remove_client('acme'));
    assertEqual(p.lookup_client('acme'), null);
    assertThrows(() => p.remove_client('acme'), E.NOT_FOUND, 'acme');
    assertThrows(() => p.remove_client('nobody'), E.NOT_FOUND, 'nobody');
    // The id is free again.
    assertTrue(p.add_client(Aff.Client.new('acme', 'ACME again')));
});

test('parents: remove refused while in use', () => {
    const p = portfolioWith('group', 'plant-a', 'plant-b');
    assertTrue(p.set_client_parent('plant-a', 'group'));
    assertTrue(p.set_client_parent('plant-b', 'group'));
    assertEqual(p.lookup_client('plant-a').get_parent_id(), 'group');
    assertThrows(() => p.remove_client('group'), E.IN_USE, 'group');
    assertTrue(p.lookup_client('group') !== null);
    assertTrue(p.set_client_parent('plant-a', null));
    assertEqual(p.lookup_client('plant-a').get_parent_id(), null);
    assertThrows(() => p.remove_client('group'), E.IN_USE);   // plant-b still names it
    p.set_client_parent('plant-b', null);
    assertTrue(p.remove_client('group'));
    // A child can go at any time.
    p.add_client(Aff.Client.new('group', 'Group'));
    p.set_client_parent('plant-a', 'group');
    assertTrue(p.remove_client('plant-a'));
    assertTrue(p.remove_client('group'));
});

test('parents: errors', () => {
    const p = portfolioWith('a', 'b', 'c');
    assertThrows(() => p.set_client_parent('nobody', 'a'), E.NOT_FOUND, 'nobody');
    assertThrows(() => p.set_client_parent('a', 'nobody'), E.NOT_FOUND, 'nobody');
    assertThrows(() => p.set_client_parent('a', 'a'), E.INVALID_VALUE);
    p.set_client_parent('b', 'a');
    p.set_client_parent('c', 'b');
    assertThrows(() => p.set_client_parent('a', 'b'), E.INVALID_VALUE);   // a -> b -> a
    assertThrows(() => p.set_client_parent('a', 'c'), E.INVALID_VALUE);   // a -> c -> b -> a
    assertEqual(p.lookup_client('a').get_parent_id(), null);
    // Re-parenting without a cycle is fine.
    assertTrue(p.set_client_parent('c', 'a'));
    assertEqual(p.lookup_client('c').get_parent_id(), 'a');
});

test('follow-up days follow the policy', () => {
    const p = portfolioWith('pro', 'act', 'dor', 'lost', 'own');
    p.lookup_client('act').change_status(S.ACTIVE, date(2026, 1, 1), '');
    p.lookup_client('dor').change_status(S.DORMANT, date(2026, 1, 1), '');
    p.lookup_client('lost').change_status(S.LOST, date(2026, 1, 1), '');
    p.lookup_client('own').set_follow_up_days(14);
    const days = id => p.get_follow_up_days(p.lookup_client(id));
    assertEqual(days('pro'), 30);
    assertEqual(days('act'), 60);
    assertEqual(days('dor'), 180);
    assertEqual(days('lost'), 0);
    assertEqual(days('own'), 14);
    const policy = p.get_policy();
    assertEqual(policy.get_follow_up_days_prospect(), 30);
    assertEqual(policy.get_follow_up_days_active(), 60);
    assertEqual(policy.get_follow_up_days_dormant(), 180);
    policy.set_follow_up_days_prospect(21);
    policy.set_follow_up_days_active(45);
    assertEqual(days('pro'), 21);
    assertEqual(days('act'), 45);
    assertEqual(days('own'), 14);
});

test('follow-up date', () => {
    const p = portfolioWith('a', 'b', 'c', 'd', 'never', 'lost');
    // Prospect, last contact 2026-03-02, 30 days -> 2026-04-01.
    record(p, 'a', date(2026, 3, 2), 'call');
    let [ok, d] = p.get_follow_up_date(p.lookup_client('a'));
    assertTrue(ok);
    assertEqual(iso(d), '2026-04-01');
    // A next action before the cadence date wins: 2026-03-10 < 2026-04-01.
    record(p, 'b', date(2026, 3, 2), 'call', {next: date(2026, 3, 10)});
    [ok, d] = p.get_follow_up_date(p.lookup_client('b'));
    assertTrue(ok);
    assertEqual(iso(d), '2026-03-10');
    // A next action after the cadence date does not postpone it.
    record(p, 'c', date(2026, 3, 2), 'call', {next: date(2026, 6, 1)});
    [ok, d] = p.get_follow_up_date(p.lookup_client('c'));
    assertEqual(iso(d), '2026-04-01');
    // Only the latest interaction's next action counts: the 2026-01-10 one said
    // 2026-01-20, but the latest (2026-02-01, no next action) gives 2026-02-01 + 30.
    record(p, 'd', date(2026, 1, 10), 'first', {next: date(2026, 1, 20)});
    record(p, 'd', date(2026, 2, 1), 'second');
    [ok, d] = p.get_follow_up_date(p.lookup_client('d'));
    assertEqual(iso(d), '2026-03-03');
    // Never contacted: no date.
    [ok] = p.get_follow_up_date(p.lookup_client('never'));
    assertFalse(ok);
    // Lost: no follow-up at all.
    record(p, 'lost', date(2026, 3, 2), 'call');
    p.lookup_client('lost').change_status(S.LOST, date(2026, 3, 3), 'gone');
    [ok] = p.get_follow_up_date(p.lookup_client('lost'));
    assertFalse(ok);
});

test('follow-up date uses the latest interaction by date, then recording order', () => {
    const p = portfolioWith('a');
    record(p, 'a', date(2026, 3, 2), 'later first', {next: date(2026, 3, 5)});
    record(p, 'a', date(2026, 1, 2), 'earlier second', {next: date(2026, 1, 3)});
    // Latest by date is 2026-03-02: min(2026-03-02 + 30 = 2026-04-01, 2026-03-05).
    let [, d] = p.get_follow_up_date(p.lookup_client('a'));
    assertEqual(iso(d), '2026-03-05');
    // Same date, recorded after: it becomes the latest; no next action -> cadence.
    record(p, 'a', date(2026, 3, 2), 'same day');
    [, d] = p.get_follow_up_date(p.lookup_client('a'));
    assertEqual(iso(d), '2026-04-01');
});

test('list_clients_due_for_follow_up', () => {
    const p = Aff.Portfolio.new();
    for (const id of ['z-never', 'c-active', 'b-prospect', 'lost', 'e-next', 'a-never', 'f-dormant', 'g-tie', 'h-tie'])
        p.add_client(Aff.Client.new(id, id));
    const c = id => p.lookup_client(id);
    c('c-active').change_status(S.ACTIVE, date(2025, 12, 1), 'order');
    c('lost').change_status(S.LOST, date(2025, 12, 1), 'gone');
    c('f-dormant').change_status(S.DORMANT, date(2025, 5, 1), 'quiet');
    record(p, 'b-prospect', date(2026, 1, 5), 'call');                          // + 30 = 2026-02-04
    record(p, 'c-active', date(2026, 1, 10), 'call');                           // + 60 = 2026-03-11
    record(p, 'e-next', date(2026, 1, 20), 'call', {next: date(2026, 1, 25)}); // next action 2026-01-25
    record(p, 'f-dormant', date(2025, 6, 1), 'call');                           // + 180 = 2025-11-28
    record(p, 'h-tie', date(2025, 12, 26), 'call');                             // + 30 = 2026-01-25
    record(p, 'g-tie', date(2025, 12, 26), 'call');                             // + 30 = 2026-01-25

    // Never contacted first (by id), then by follow-up date, then by id; lost excluded.
    assertEqual(ids(p.list_clients_due_for_follow_up(date(2026, 2, 4))),
        ['a-never', 'z-never', 'f-dormant', 'e-next', 'g-tie', 'h-tie', 'b-prospect']);
    assertEqual(ids(p.list_clients_due_for_follow_up(date(2026, 2, 3))),
        ['a-never', 'z-never', 'f-dormant', 'e-next', 'g-tie', 'h-tie']);
    assertEqual(ids(p.list_clients_due_for_follow_up(date(2025, 1, 1))), ['a-never', 'z-never']);
    assertEqual(ids(p.list_clients_due_for_follow_up(date(2026, 3, 11))),
        ['a-never', 'z-never', 'f-dormant', 'e-next', 'g-tie', 'h-tie', 'b-prospect', 'c-active']);
});

// Seven clients whose histories straddle the period 2026-01-01 .. 2026-03-31.
function developmentPortfolio() {
    const p = portfolioWith('p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7');
    const c = id => p.lookup_client(id);
    // p1 stays a prospect.
    c('p2').change_status(S.ACTIVE, date(2026, 2, 10), 'won');          // converted in the period
    c('p3').change_status(S.ACTIVE, date(2025, 12, 15), 'won');         // converted before
    c('p4').change_status(S.LOST, date(2026, 3, 1), 'lost');            // lost in the period
    c('p5').change_status(S.ACTIVE, date(2025, 6, 1), 'won');
    c('p5').change_status(S.DORMANT, date(2026, 1, 15), 'quiet');
    c('p5').change_status(S.PROSPECT, date(2026, 2, 1), 'new buyer');   // prospect again within (from, to]
    c('p5').change_status(S.ACTIVE, date(2026, 3, 31), 'won again');    // converted on the last day
    c('p6').change_status(S.ACTIVE, date(2026, 4, 2), 'won');           // converted after
    c('p7').change_status(S.ACTIVE, date(2025, 1, 1), 'won');
    c('p7').change_status(S.DORMANT, date(2026, 3, 15), 'quiet');
    record(p, 'p1', date(2025, 12, 31), 'before');
    record(p, 'p1', date(2026, 1, 1), 'first day');
    record(p, 'p2', date(2026, 3, 31), 'last day');
    record(p, 'p2', date(2026, 4, 1), 'after');
    record(p, 'p7', date(2026, 2, 14), 'inside');
    return p;
}

test('compute_development over a quarter', () => {
    const p = developmentPortfolio();
    const f = p.compute_development(date(2026, 1, 1), date(2026, 3, 31));
    // Status at 2026-03-31: p1 P, p2 A, p3 A, p4 L, p5 A, p6 P, p7 D.
    assertEqual(f.get_n_prospects(), 2);
    assertEqual(f.get_n_active(), 3);
    assertEqual(f.get_n_dormant(), 1);
    assertEqual(f.get_n_lost(), 1);
    // PROSPECT -> ACTIVE within [from, to]: p2 (02-10), p5 (03-31).
    assertEqual(f.get_n_converted(), 2);
    // Prospects at 2026-01-01: p1, p2, p4, p6; plus p5 back to prospect on 02-01.
    assertEqual(f.get_n_prospects_in_period(), 5);
    assertEqual(f.get_n_lost_in_period(), 1);
    // 2026-01-01, 2026-02-14, 2026-03-31.
    assertEqual(f.get_n_interactions(), 3);
    // 2 * 10000 / 5 = 4000 basis points.
    assertEqual(f.get_conversion_rate(), 4000);
});

test('compute_development over March (boundaries and rounding)', () => {
    const p = developmentPortfolio();
    const f = p.compute_development(date(2026, 3, 1), date(2026, 3, 31));
    // Prospects when March begins (status on the eve, 02-28): p1, p4, p5, p6;
    // p4 is lost on 03-01, within the period, so it was a prospect of the period.
    assertEqual(f.get_n_prospects_in_period(), 4);
    assertEqual(f.get_n_converted(), 1);               // p5 on 03-31
    assertEqual(f.get_n_lost_in_period(), 1);          // p4 on 03-01
    assertEqual(f.get_n_interactions(), 1);            // 03-31
    assertEqual(f.get_conversion_rate(), 2500);        // 10000 / 4
});

test('compute_development: a change to prospect on the first day is counted once', () => {
    const p = developmentPortfolio();
    // p5 becomes a prospect on 2026-02-01 = from: it was dormant on the eve, so
    // it counts once, through its change to prospect within [from, to].
    const f = p.compute_development(date(2026, 2, 1), date(2026, 2, 28));
    // Prospects on the eve (01-31): p1, p2, p4, p6; plus p5's change on 02-01.
    // Converted: p2 (02-10). 10000 / 5 = 2000.
    assertEqual(f.get_n_prospects_in_period(), 5);
    assertEqual(f.get_n_converted(), 1);
    assertEqual(f.get_conversion_rate(), 2000);
    // Status at 02-28: p1 P, p2 A, p3 A, p4 P, p5 P, p6 P, p7 A.
    assertEqual([f.get_n_prospects(), f.get_n_active(), f.get_n_dormant(), f.get_n_lost()], [4, 3, 0, 0]);
});

test('compute_development: rounding half to even, no prospect, bad period', () => {
    const p = portfolioWith('q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8');
    // 8 prospects at from, 3 converted within: 3 * 10000 / 8 = 3750 exactly.
    for (const id of ['q1', 'q2', 'q3'])
        p.lookup_client(id).change_status(S.ACTIVE, date(2026, 5, 10), 'won');
    let f = p.compute_development(date(2026, 5, 1), date(2026, 5, 31));
    assertEqual(f.get_conversion_rate(), 3750);
    const small = portfolioWith('r1', 'r2', 'r3');
    small.lookup_client('r1').change_status(S.ACTIVE, date(2026, 5, 10), 'won');
    small.lookup_client('r2').change_status(S.ACTIVE, date(2026, 5, 11), 'won');
    f = small.compute_development(date(2026, 5, 1), date(2026, 5, 31));
    assertEqual(f.get_conversion_rate(), 6667);
    // 32 prospects: 1 converted -> 312.5 -> 312 (even); 3 converted -> 937.5 -> 938 (even).
    const many = Aff.Portfolio.new();
    for (let i = 0; i < 32; i++)
        many.add_client(Aff.Client.new(`m${String(i).padStart(2, '0')}`, `M${i}`));
    many.lookup_client('m00').change_status(S.ACTIVE, date(2026, 5, 10), 'won');
    f = many.compute_development(date(2026, 5, 1), date(2026, 5, 31));
    assertEqual([f.get_n_prospects_in_period(), f.get_n_converted(), f.get_conversion_rate()], [32, 1, 312]);
    many.lookup_client('m01').change_status(S.ACTIVE, date(2026, 5, 11), 'won');
    many.lookup_client('m02').change_status(S.ACTIVE, date(2026, 5, 12), 'won');
    f = many.compute_development(date(2026, 5, 1), date(2026, 5, 31));
    assertEqual([f.get_n_prospects_in_period(), f.get_n_converted(), f.get_conversion_rate()], [32, 3, 938]);
    // No prospect at all -> 0.
    const none = Aff.Portfolio.new();
    f = none.compute_development(date(2026, 1, 1), date(2026, 12, 31));
    assertEqual([f.get_n_prospects_in_period(), f.get_conversion_rate()], [0, 0]);
    // from == to is a valid one-day period; from > to is not.
    f = p.compute_development(date(2026, 5, 10), date(2026, 5, 10));
    assertEqual(f.get_n_converted(), 3);
    assertThrows(() => p.compute_development(date(2026, 2, 1), date(2026, 1, 31)), E.INVALID_VALUE);
});

test('development figures copy', () => {
    const f = developmentPortfolio().compute_development(date(2026, 1, 1), date(2026, 3, 31));
    const g = f.copy();
    assertEqual(g.get_conversion_rate(), 4000);
    assertEqual(g.get_n_prospects_in_period(), 5);
});

test('to_data / new_from_data round trip', () => {
    const p = developmentPortfolio();
    p.set_name('Portefeuille Rhône-Alpes');
    p.lookup_client('p1').set_siren('732829320');
    p.set_client_parent('p2', 'p1');
    const [text, length] = p.to_data();
    assertEqual(length, new TextEncoder().encode(text).length, 'length is in bytes');
    const doc = JSON.parse(text);
    assertEqual(doc.format, 'libaffaires-portfolio');
    assertEqual(doc.version, 5);
    const q = Aff.Portfolio.new_from_data(text, -1);
    assertEqual(q.get_name(), 'Portefeuille Rhône-Alpes');
    assertEqual(ids(items(q.get_clients())), ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']);
    assertEqual(q.lookup_client('p1').get_siren(), '732829320');
    assertEqual(q.lookup_client('p2').get_parent_id(), 'p1');
    assertEqual(q.lookup_client('p5').get_status_at(date(2026, 2, 15)), S.PROSPECT);
    assertEqual(q.lookup_client('p5').get_status(), S.ACTIVE);
    const f = q.compute_development(date(2026, 1, 1), date(2026, 3, 31));
    assertEqual([f.get_n_converted(), f.get_n_prospects_in_period(), f.get_n_interactions(), f.get_conversion_rate()],
        [2, 5, 3, 4000]);
    // Saving what was loaded gives the same document.
    assertEqual(q.to_data()[0], text);
});

test('save_to_file_async and new_from_file_async', () => {
    const dir = makeTempDir();
    try {
        const path = GLib.build_filenamev([dir, 'portfolio.json']);
        const p = developmentPortfolio();
        const saved = runAsync(done => {
            p.save_to_file_async(path, null, (obj, res) => {
                try {
                    done(obj.save_to_file_finish(res));
                } catch (e) {
                    done(undefined, e);
                }
            });
        });
        assertTrue(saved);
        const q = runAsync(done => {
            Aff.Portfolio.new_from_file_async(path, null, (obj, res) => {
                try {
                    done(Aff.Portfolio.new_from_file_finish(res));
                } catch (e) {
                    done(undefined, e);
                }
            });
        });
        assertEqual(ids(items(q.get_clients())), ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']);
        assertEqual(q.to_data()[0], p.to_data()[0]);
        // A missing file is an error, reported through the callback.
        let error = null;
        try {
            runAsync(done => {
                Aff.Portfolio.new_from_file_async(GLib.build_filenamev([dir, 'missing.json']), null, (obj, res) => {
                    try {
                        done(Aff.Portfolio.new_from_file_finish(res));
                    } catch (e) {
                        done(undefined, e);
                    }
                });
            });
        } catch (e) {
            error = e;
        }
        assertTrue(error instanceof GLib.Error, 'missing file raises a GLib.Error');
    } finally {
        removeTree(dir);
    }
});

test('documents: minimal, wrong version, unknown members, bad values', () => {
    const empty = Aff.Portfolio.new_from_data('{"format": "libaffaires-portfolio", "version": 1}', -1);
    assertEqual(empty.get_clients().get_n_items(), 0);
    assertThrows(() => Aff.Portfolio.new_from_data('{"format": "libaffaires-portfolio", "version": 6}', -1),
        E.UNSUPPORTED_VERSION);
    assertThrows(() => Aff.Portfolio.new_from_data('{"format": "something-else", "version": 1}', -1),
        E.INVALID_DOCUMENT);
    assertThrows(() => Aff.Portfolio.new_from_data('{"format": "libaffaires-portfolio", "version": 1, "bogus": 1}', -1),
        E.INVALID_DOCUMENT, 'bogus');
    for (const text of ['', '{', '[]', 'null', '{"version": 1}', '"libaffaires-portfolio"'])
        assertThrows(() => Aff.Portfolio.new_from_data(text, -1), E.INVALID_DOCUMENT);

    // A client with a bad SIREN: the message starts with the JSON path.
    const p = portfolioWith('a', 'b', 'c');
    p.lookup_client('c').set_siren('732829320');
    const doc = JSON.parse(p.to_data()[0]);
    assertEqual(doc.clients[2].siren, '732829320');
    doc.clients[2].siren = '732829321';
    const err = assertThrows(() => Aff.Portfolio.new_from_data(JSON.stringify(doc), -1), E.INVALID_DOCUMENT);
    assertTrue(err.message.startsWith('$.clients[2].siren'), `message "${err.message}" starts with the path`);
});

test('new_from_file: a missing file is an error', () => {
    const dir = makeTempDir();
    try {
        let error = null;
        try {
            Aff.Portfolio.new_from_file(GLib.build_filenamev([dir, 'missing.json']));
        } catch (e) {
            error = e;
        }
        // The contract does not say which domain; any GLib.Error will do.
        assertTrue(error instanceof GLib.Error, `missing file raises a GLib.Error (got ${error})`);
    } finally {
        removeTree(dir);
    }
});

run();
