// testJournal.js: the portfolio journal from JavaScript: the entries written
// for each change, the hash chain (recomputed here independently, following
// docs/format.md §8), saving and reloading, and tamper detection.

import Aff from 'gi://Aff?version=1';
import GLib from 'gi://GLib';
import {
    test, run, assertEqual, assertTrue, assertFalse, assertThrows, fail,
    date, items, makeTempDir, removeTree,
} from './harness.js';

const E = Aff.Error;
const S = Aff.ClientStatus;
const K = Aff.InteractionKind;
const ZEROS = '0'.repeat(64);

// --- An independent implementation of the entry hash (docs/format.md §8) ---

const encoder = new TextEncoder();

function compareUtf8(a, b) {
    const x = encoder.encode(a), y = encoder.encode(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
        if (x[i] !== y[i])
            return x[i] - y[i];
    }
    return x.length - y.length;
}

function canonicalString(s) {
    let out = '"';
    for (const ch of s) {
        const code = ch.codePointAt(0);
        if (ch === '"')
            out += '\\"';
        else if (ch === '\\')
            out += '\\\\';
        else if (code < 0x20)
            out += `\\u00${code.toString(16).padStart(2, '0')}`;
        else
            out += ch;
    }
    return `${out}"`;
}

function canonical(value) {
    if (value === null)
        return 'null';
    switch (typeof value) {
    case 'boolean':
        return value ? 'true' : 'false';
    case 'number':
        if (!Number.isSafeInteger(value))
            fail(`not a canonical integer: ${value}`);
        return String(value);
    case 'string':
        return canonicalString(value);
    }
    if (Array.isArray(value))
        return `[${value.map(canonical).join(',')}]`;
    const keys = Object.keys(value).sort(compareUtf8);
    return `{${keys.map(k => `${canonicalString(k)}:${canonical(value[k])}`).join(',')}}`;
}

function sha256(text) {
    return GLib.compute_checksum_for_string(GLib.ChecksumType.SHA256, text, -1);
}

// The hash of a document entry (a parsed member of journal.entries).
function entryHash(e) {
    const c = canonical([1, e.sequence, e.time, e.actor, e.kind, e.id, e.action, e.details]);
    return sha256(`${e.previous}\n${c}`);
}

// --- Helpers ---

const T1 = () => GLib.DateTime.new_utc(2026, 1, 15, 9, 30, 0);
const T2 = () => GLib.DateTime.new_utc(2026, 2, 10, 14, 0, 0);
const T3 = () => GLib.DateTime.new_utc(2026, 4, 1, 8, 15, 30);

function entries(journal) {
    const out = [];
    for (let i = 0; i < journal.get_n_entries(); i++)
        out.push(journal.get_entry(i));
    return out;
}

function summary(e) {
    return [e.get_entity_kind(), e.get_entity_id(), e.get_action()];
}

function details(e) {
    return JSON.parse(e.get_details());
}

// Builds the journal scenario; every step writes exactly one entry.
function scenario() {
    const p = Aff.Portfolio.new();
    p.set_actor('alice');
    p.set_fixed_time(T1());
    const acme = Aff.Client.new('acme', 'ACME Industrie');
    p.add_client(acme);                                                  // 1
    p.add_client(Aff.Client.new('group', 'Groupe ACME'));                // 2
    acme.set_siren('732829320');                                         // 3
    const marie = Aff.Contact.new('Marie Dupont');
    marie.set_role('Responsable maintenance');
    acme.add_contact(marie);                                             // 4

    p.set_actor('bob');
    p.set_fixed_time(T2());
    acme.change_status(S.ACTIVE, date(2026, 2, 10), 'won the "four n° 2" tender');  // 5
    const it = Aff.Interaction.new(K.MEETING, date(2026, 2, 12), 'Kick-off meeting');
    it.set_contact('Marie Dupont');
    it.set_satisfaction(7);
    p.record_interaction('acme', it);                                    // 6
    marie.set_phone('+33 4 72 00 00 01');                                // 7
    it.set_summary('Kick-off meeting on site');                          // 8
    p.set_client_parent('acme', 'group');                                // 9
    p.get_policy().set_follow_up_days_prospect(21);                      // 10
    p.get_policy().set_labour_rate('welder', Aff.Money.parse('65.50 EUR'));  // 11
    p.set_name('Portefeuille Rhône – maintenance');                      // 12
    p.add_client(Aff.Client.new('tmp', 'Temporary'));                    // 13
    p.remove_client('tmp');                                              // 14
    return p;
}

const SCENARIO = [
    ['client', 'acme', 'added'],
    ['client', 'group', 'added'],
    ['client', 'acme', 'changed'],
    ['client', 'acme', 'contact-added'],
    ['client', 'acme', 'status-changed'],
    ['client', 'acme', 'interaction-recorded'],
    ['client', 'acme', 'contact-changed'],
    ['client', 'acme', 'interaction-changed'],
    ['client', 'acme', 'parent-changed'],
    ['policy', 'policy', 'changed'],
    ['policy', 'policy', 'labour-rate-set'],
    ['portfolio', 'portfolio', 'changed'],
    ['client', 'tmp', 'added'],
    ['client', 'tmp', 'removed'],
];

// --- Tests ---

test('the canonical form and hash agree with the worked example of docs/format.md', () => {
    const e = {
        sequence: 1, time: '2026-01-05T08:00:00Z', actor: 'claire.martin',
        kind: 'portfolio', id: 'portfolio', action: 'changed',
        details: {value: 'Portefeuille Moselle – maintenance industrielle', property: 'name'},
        previous: ZEROS,
    };
    assertEqual(canonical([1, 1, e.time, e.actor, e.kind, e.id, e.action, e.details]),
        '[1,1,"2026-01-05T08:00:00Z","claire.martin","portfolio","portfolio","changed",' +
        '{"property":"name","value":"Portefeuille Moselle – maintenance industrielle"}]');
    assertEqual(entryHash(e), '2a9556c24fc4189a2f36a769e80f6d5472ad25a73acb35bdcc1ffe82902de5ae');
});

test('an empty journal', () => {
    const p = Aff.Portfolio.new();
    const j = p.get_journal();
    assertEqual(j.get_n_entries(), 0);
    assertTrue(j.verify());
    const standalone = Aff.Journal.new();
    assertEqual(standalone.get_n_entries(), 0);
    assertTrue(standalone.verify());
    assertEqual(standalone.list_entries_for('client', null), []);
});

test('an empty journal has no head hash', () => {
    assertEqual(Aff.Journal.new().get_head_hash(), null);
});

test('one entry per change, with kind, id and action', () => {
    const p = scenario();
    const list = entries(p.get_journal());
    assertEqual(list.map(summary), SCENARIO);
    assertEqual(list.map(e => e.get_sequence()), SCENARIO.map((_, i) => i + 1));
});

test('actor and timestamp come from the portfolio', () => {
    const list = entries(scenario().get_journal());
    assertEqual(list.map(e => e.get_actor()), [...Array(4).fill('alice'), ...Array(10).fill('bob')]);
    for (const [i, e] of list.entries()) {
        const ts = e.get_timestamp();
        assertEqual(ts.get_utc_offset(), 0, `entry ${i + 1} is UTC`);
        assertEqual(ts.to_unix(), (i < 4 ? T1() : T2()).to_unix(), `entry ${i + 1} timestamp`);
    }
    assertEqual(entries(scenario().get_journal())[0].get_timestamp().format_iso8601(), '2026-01-15T09:30:00Z');
});

test('details of each entry', () => {
    const list = entries(scenario().get_journal());
    // The contract does not list the details of "added"; the name is the least they hold.
    assertEqual(details(list[0]).name, 'ACME Industrie');
    assertEqual(details(list[2]), {property: 'siren', value: '732829320'});
    assertEqual(details(list[3]).contact, 'Marie Dupont');
    assertEqual(details(list[4]), {
        from: 'prospect', to: 'active', date: '2026-02-10', reason: 'won the "four n° 2" tender',
    });
    const rec = details(list[5]);
    assertEqual([rec.interaction, rec.kind, rec.date, rec.summary, rec.contact, rec.satisfaction],
        ['acme-1', 'meeting', '2026-02-12', 'Kick-off meeting', 'Marie Dupont', 7]);
    assertEqual(details(list[6]), {contact: 'Marie Dupont', property: 'phone', value: '+33 4 72 00 00 01'});
    assertEqual(details(list[7]).interaction, 'acme-1');
    assertEqual(details(list[8]), {parent: 'group'});
    assertEqual(details(list[9]).value, 21);
    assertEqual(details(list[10]), {rate: '65.50 EUR', skill: 'welder'});
    assertEqual(details(list[11]), {property: 'name', value: 'Portefeuille Rhône – maintenance'});
});

test('details are canonical JSON and dup_detail reads one', () => {
    for (const e of entries(scenario().get_journal()))
        assertEqual(e.get_details(), canonical(details(e)), `entry ${e.get_sequence()}`);
    const status = entries(scenario().get_journal())[4];
    // Strings as they are; numbers as JSON text.
    assertEqual(status.dup_detail('reason'), 'won the "four n° 2" tender');
    assertEqual(status.dup_detail('to'), 'active');
    assertEqual(status.dup_detail('nothing'), null);
    assertEqual(entries(scenario().get_journal())[5].dup_detail('satisfaction'), '7');
});

test('the hash chain', () => {
    const p = scenario();
    const j = p.get_journal();
    const list = entries(j);
    assertEqual(list[0].get_previous_hash(), ZEROS);
    for (let i = 0; i < list.length; i++) {
        assertTrue(/^[0-9a-f]{64}$/.test(list[i].get_hash()), `entry ${i + 1} hash is lowercase hex`);
        if (i > 0)
            assertEqual(list[i].get_previous_hash(), list[i - 1].get_hash(), `entry ${i + 1} previous`);
    }
    assertEqual(j.get_head_hash(), list[list.length - 1].get_hash());
    assertTrue(j.verify());
});

test('hashes recomputed independently from the document', () => {
    const p = scenario();
    const doc = JSON.parse(p.to_data()[0]);
    assertEqual(doc.journal.hash_format, 1);
    const list = entries(p.get_journal());
    assertEqual(doc.journal.entries.length, list.length);
    doc.journal.entries.forEach((e, i) => {
        assertEqual(e.sequence, i + 1);
        assertEqual(e.time, i < 4 ? '2026-01-15T09:30:00Z' : '2026-02-10T14:00:00Z');
        assertEqual(e.hash, entryHash(e), `entry ${i + 1} hash`);
        assertEqual(e.previous, i === 0 ? ZEROS : doc.journal.entries[i - 1].hash);
        assertEqual(e.hash, list[i].get_hash());
    });
});

test('list_entries_for: a client\'s commercial history', () => {
    const j = scenario().get_journal();
    const acme = j.list_entries_for('client', 'acme');
    assertEqual(acme.map(e => e.get_action()), [
        'added', 'changed', 'contact-added', 'status-changed', 'interaction-recorded',
        'contact-changed', 'interaction-changed', 'parent-changed',
    ]);
    assertEqual(acme.map(e => e.get_sequence()), [1, 3, 4, 5, 6, 7, 8, 9]);
    assertEqual(j.list_entries_for('client', 'tmp').map(e => e.get_action()), ['added', 'removed']);
    assertEqual(j.list_entries_for('policy', 'policy').map(e => e.get_action()), ['changed', 'labour-rate-set']);
    assertEqual(j.list_entries_for('client', null).length, 11);
    assertEqual(j.list_entries_for('client', 'nobody'), []);
    assertEqual(j.list_entries_for('offer', null), []);
});

test('failed changes write no entry', () => {
    const p = scenario();
    const j = p.get_journal();
    const n = j.get_n_entries();
    const head = j.get_head_hash();
    const acme = p.lookup_client('acme');
    assertThrows(() => p.add_client(Aff.Client.new('acme', 'dup')), E.DUPLICATE_ID);
    assertThrows(() => acme.set_siren('732829321'), E.INVALID_VALUE);
    assertThrows(() => acme.change_status(S.ACTIVE, date(2026, 3, 1), 'again'), E.INVALID_TRANSITION);
    assertThrows(() => acme.add_contact(Aff.Contact.new('Marie Dupont')), E.DUPLICATE_ID);
    assertThrows(() => p.remove_client('group'), E.IN_USE);
    assertThrows(() => p.set_client_parent('group', 'acme'), E.INVALID_VALUE);
    assertEqual(j.get_n_entries(), n);
    assertEqual(j.get_head_hash(), head);
});

test('set_clock feeds the timestamps', () => {
    const p = Aff.Portfolio.new();
    let calls = 0;
    p.set_clock(() => {
        calls++;
        return GLib.DateTime.new_utc(2026, 5, 1, 12, 0, calls);
    });
    p.add_client(Aff.Client.new('a', 'A'));
    p.add_client(Aff.Client.new('b', 'B'));
    assertTrue(calls >= 2, 'the clock was called');
    const [a, b] = entries(p.get_journal());
    const base = GLib.DateTime.new_utc(2026, 5, 1, 12, 0, 0).to_unix();
    assertTrue(a.get_timestamp().to_unix() > base && a.get_timestamp().to_unix() <= base + calls);
    assertTrue(b.get_timestamp().to_unix() > a.get_timestamp().to_unix());
    assertTrue(p.get_journal().verify());
});

test('save to a file, reload, verify and continue the chain', () => {
    const dir = makeTempDir();
    try {
        const path = GLib.build_filenamev([dir, 'portfolio.json']);
        const p = scenario();
        assertTrue(p.save_to_file(path));
        const q = Aff.Portfolio.new_from_file(path);
        const j = q.get_journal();
        assertTrue(j.verify());
        const before = entries(p.get_journal()), after = entries(j);
        assertEqual(after.length, before.length, 'loading adds no entry');
        for (let i = 0; i < before.length; i++) {
            const x = before[i], y = after[i];
            assertEqual([y.get_sequence(), y.get_actor(), ...summary(y), y.get_details(), y.get_previous_hash(), y.get_hash()],
                [x.get_sequence(), x.get_actor(), ...summary(x), x.get_details(), x.get_previous_hash(), x.get_hash()]);
            assertEqual(y.get_timestamp().to_unix(), x.get_timestamp().to_unix());
        }
        assertEqual(j.get_head_hash(), p.get_journal().get_head_hash());

        // The reloaded data matches.
        const acme = q.lookup_client('acme');
        assertEqual(acme.get_siren(), '732829320');
        assertEqual(acme.get_status(), S.ACTIVE);
        assertEqual(acme.get_parent_id(), 'group');
        assertEqual(items(acme.get_contacts()).map(c => [c.get_name(), c.get_role(), c.get_phone()]),
            [['Marie Dupont', 'Responsable maintenance', '+33 4 72 00 00 01']]);
        assertEqual(items(acme.get_interactions()).map(i => [i.get_id(), i.get_summary(), i.get_satisfaction()]),
            [['acme-1', 'Kick-off meeting on site', 7]]);
        assertEqual(q.get_policy().get_follow_up_days_prospect(), 21);
        assertEqual(q.get_name(), 'Portefeuille Rhône – maintenance');

        // New entries continue the chain.
        const head = j.get_head_hash();
        q.set_actor('carol');
        q.set_fixed_time(T3());
        acme.set_sector('28.29B');
        assertEqual(j.get_n_entries(), 15);
        const last = j.get_entry(14);
        assertEqual(last.get_sequence(), 15);
        assertEqual(last.get_previous_hash(), head);
        assertEqual(last.get_actor(), 'carol');
        assertEqual(last.get_timestamp().to_unix(), T3().to_unix());
        assertEqual(details(last), {property: 'sector', value: '28.29B'});
        assertTrue(j.verify());

        // And survive another round trip, byte for byte.
        assertTrue(q.save_to_file(path));
        const [ok, bytes] = GLib.file_get_contents(path);
        assertTrue(ok);
        const text = new TextDecoder().decode(bytes);
        assertEqual(text, q.to_data()[0]);
        const r = Aff.Portfolio.new_from_data(text, -1);
        assertTrue(r.get_journal().verify());
        assertEqual(r.get_journal().get_head_hash(), last.get_hash());
        assertEqual(JSON.parse(text).journal.entries[14].time, '2026-04-01T08:15:30Z');
    } finally {
        removeTree(dir);
    }
});

test('to_data / new_from_data keep the journal', () => {
    const p = scenario();
    const [text] = p.to_data();
    const q = Aff.Portfolio.new_from_data(text, -1);
    assertTrue(q.get_journal().verify());
    assertEqual(q.get_journal().get_head_hash(), p.get_journal().get_head_hash());
    assertEqual(q.to_data()[0], text);
});

// Returns the document with `edit(doc)` applied, reloaded.
function tampered(p, edit) {
    const doc = JSON.parse(p.to_data()[0]);
    edit(doc);
    return Aff.Portfolio.new_from_data(JSON.stringify(doc, null, 2), -1);
}

function assertTamperedAt(portfolio, sequence) {
    const err = assertThrows(() => portfolio.get_journal().verify(), E.TAMPERED);
    if (!new RegExp(`(^|\\D)${sequence}(\\D|$)`).test(err.message))
        fail(`TAMPERED message "${err.message}" does not name entry ${sequence}`);
}

test('reformatting the document does not break the chain', () => {
    const p = scenario();
    // Pretty-printed, with the members of each details object in reverse order.
    const q = tampered(p, doc => {
        for (const e of doc.journal.entries)
            e.details = Object.fromEntries(Object.entries(e.details).reverse());
    });
    assertTrue(q.get_journal().verify());
});

test('tampering with the details of one entry is detected', () => {
    const p = scenario();
    const seq = 5;   // the status change
    const q = tampered(p, doc => {
        const e = doc.journal.entries[seq - 1];
        assertEqual([e.sequence, e.action], [seq, 'status-changed']);
        const d = JSON.parse(JSON.stringify(e.details));
        d.reason = 'won the tender without a fight';
        e.details = d;
    });
    // The document still loads, so that it can be inspected.
    assertEqual(q.get_journal().get_n_entries(), 14);
    assertEqual(q.get_journal().get_entry(seq - 1).dup_detail('reason'), 'won the tender without a fight');
    assertTamperedAt(q, seq);
});

test('tampering with the last entry, an actor or a time is detected', () => {
    const p = scenario();
    assertTamperedAt(tampered(p, doc => {
        doc.journal.entries[13].details.name = 'Someone else';
    }), 14);
    assertTamperedAt(tampered(p, doc => {
        doc.journal.entries[1].actor = 'mallory';
    }), 2);
    assertTamperedAt(tampered(p, doc => {
        doc.journal.entries[2].time = '2026-01-15T09:30:01Z';
    }), 3);
    // Forging the altered entry's own hash moves the break to the next entry.
    assertTamperedAt(tampered(p, doc => {
        const e = doc.journal.entries[6];
        e.details.value = '+33 9 99 99 99 99';
        e.hash = entryHash(e);
    }), 8);
});

test('removed or reordered entries are detected', () => {
    const p = scenario();
    // Remove entry 3 and renumber the rest: entry 3 (formerly 4) no longer checks.
    assertTamperedAt(tampered(p, doc => {
        doc.journal.entries.splice(2, 1);
        doc.journal.entries.forEach((e, i) => {
            e.sequence = i + 1;
        });
    }), 3);
    // Swap entries 6 and 7, renumbered.
    assertTamperedAt(tampered(p, doc => {
        const es = doc.journal.entries;
        [es[5], es[6]] = [es[6], es[5]];
        es.forEach((e, i) => {
            e.sequence = i + 1;
        });
    }), 6);
});

test('a gap in the sequence loads, and verify names where it is (docs/format.md §8)', () => {
    const p = scenario();
    // The loader checks the form of entries; the chain is verify()'s job, so a
    // tampered document can still be opened and inspected.
    const removed = tampered(p, doc => {
        doc.journal.entries.splice(2, 1);
    });
    assertThrows(() => removed.get_journal().verify(), E.TAMPERED, 'journal entry 3 ');
    const renumbered = tampered(p, doc => {
        doc.journal.entries[0].sequence = 2;
    });
    assertThrows(() => renumbered.get_journal().verify(), E.TAMPERED, 'journal entry 1 ');
});

test('cutting the last entries is caught by comparing head hashes', () => {
    const p = scenario();
    const kept = p.get_journal().get_head_hash();
    const q = tampered(p, doc => {
        doc.journal.entries.splice(12);
    });
    assertTrue(q.get_journal().verify());        // a valid, shorter chain
    assertFalse(q.get_journal().get_head_hash() === kept);
});

run();
