// SPDX-License-Identifier: LGPL-2.1-or-later
//
// testStore.js: the stores from JavaScript: Aff.Store (open, load, save,
// close, get_path), Aff.JsonStore and Aff.SqliteStore.
//
// What a store saved is checked by loading it with another store object;
// when the sqlite3 command-line shell is on the PATH, the database is also
// read with it, read-only, independently of the library.
//
// The portfolio (built through the public API, as testFinance.js does):
// Claire Martin, clock fixed at 2026-04-01 09:00 UTC, the client acme, the
// consultation CONS-1 decided GO, the offer OFF-1 (T1: 500 h of labour at
// 100.00; T2: 50 000.00 of material; no overheads, contingency 5 000.00,
// selling price 125 000.00) sent on 2026-04-01 and accepted on 2026-04-20,
// which makes the affair OFF-1. Its ledger gets the five lines of COSTS,
// whose amounts, in cents, are worked out by hand:
//
//   30 000.00 + 52 000.00 + 20 000.00 + 123.45 - 0.05
//   = 3 000 000 + 5 200 000 + 2 000 000 + 12 345 - 5 = 10 212 340 cents,
//
// of which actual: 3 000 000 + 2 000 000 + 12 345 - 5 = 5 012 340.

import GLib from 'gi://GLib';
import Gio from 'gi://Gio';
import Aff from 'gi://Aff?version=1';
import {
    test, run, assertEqual, assertTrue, assertFalse, assertThrows, fail,
    date, makeTempDir, removeTree,
} from './harness.js';
import {AFFAIR, newAffair} from './affairFixture.js';

const E = Aff.Error;
const C = Aff.CostCategory;
const ACTUAL = Aff.CostState.ACTUAL;
const COMMITTED = Aff.CostState.COMMITTED;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const money = text => Aff.Money.parse(text);

// [day, work, category, state, amount, cents by hand, supplier, document, commitment]
const COSTS = [
    [[2026, 4, 24], 'T1', C.LABOUR, ACTUAL, '30000.00 EUR', 3000000, null, 'TS-17', null],
    [[2026, 4, 28], 'T2', C.MATERIAL, COMMITTED, '52000.00 EUR', 5200000, 'Inox SA', 'PO-7', null],
    [[2026, 5, 11], 'T2', C.MATERIAL, ACTUAL, '20000.00 EUR', 2000000, 'Inox SA', 'FA-991', 'PO-7'],
    [[2026, 5, 12], null, C.TRAVEL, ACTUAL, '123.45 EUR', 12345, 'Dupont, "Père" & Fils', 'NF-3', null],
    [[2026, 5, 13], 'T1', C.LABOUR, ACTUAL, '-0.05 EUR', -5, null, 'AV-1', null],
];
const COSTS_TOTAL = 10212340;
const COSTS_ACTUAL = 5012340;
assertEqual(COSTS.reduce((s, c) => s + c[5], 0), COSTS_TOTAL, 'the hand sum');

// --- the portfolio ----------------------------------------------------------------

// The portfolio of the top comment, its affair's ledger empty: [portfolio, affair].
function newPortfolio() {
    return newAffair();
}

function book(affair, [y, m, d], work, category, state, amount, supplier = null, document = null,
    commitment = null) {
    const entry = Aff.CostEntry.new(date(y, m, d), work, category, state, money(amount));
    entry.set_supplier(supplier);
    entry.set_document(document);
    entry.set_commitment(commitment);
    assertTrue(affair.get_ledger().add(entry), `cost ${amount} added`);
}

// The portfolio with the five costs of COSTS.
function newStory() {
    const [p, affair] = newPortfolio();
    for (const [day, work, category, state, amount, , supplier, document, commitment] of COSTS)
        book(affair, day, work, category, state, amount, supplier, document, commitment);
    return p;
}

function recordCall(p, client, day) {
    const call = Aff.Interaction.new(Aff.InteractionKind.CALL, date(2026, 5, day), "point d'avancement");
    assertTrue(p.record_interaction(client, call), `call of ${day} May recorded`);
}

const text = p => p.to_data()[0];
const verify = p => assertTrue(p.get_journal().verify(), 'the journal verifies');
const nJournal = p => p.get_journal().get_n_entries();
const ledgerOf = p => p.lookup_affair(AFFAIR).get_ledger();

// --- files ------------------------------------------------------------------------

function readBytes(path) {
    const [ok, contents] = GLib.file_get_contents(path);
    assertTrue(ok, `${path} read`);
    return contents;
}

function assertSameBytes(actual, expected, message) {
    assertEqual(actual.length, expected.length, `${message}: length`);
    for (let i = 0; i < actual.length; i++) {
        if (actual[i] !== expected[i])
            fail(`${message}: bytes differ at ${i}`);
    }
}

const exists = path => GLib.file_test(path, GLib.FileTest.EXISTS);

function copyFile(from, to) {
    Gio.File.new_for_path(from).copy(Gio.File.new_for_path(to), Gio.FileCopyFlags.OVERWRITE, null, null);
}

// Runs fn(folder) in a new temporary folder, removed afterwards.
function inTempDir(fn) {
    const folder = makeTempDir();
    try {
        fn(folder);
    } finally {
        removeTree(folder);
    }
    assertFalse(exists(folder), 'the temporary folder is removed');
}

// The rows a query gives (fields split on |), read by the sqlite3 shell,
// read-only; null when there is no sqlite3 shell.
const SQLITE3 = GLib.find_program_in_path('sqlite3');
if (SQLITE3 === null)
    print('# no sqlite3 shell on the PATH: the SQL checks are skipped, the reload checks remain');

function sql(path, query) {
    if (SQLITE3 === null)
        return null;
    const [, out, err, status] = GLib.spawn_sync(null,
        [SQLITE3, '-readonly', '-batch', '-noheader', '-separator', '|', path, query],
        null, GLib.SpawnFlags.DEFAULT, null);
    if (!GLib.spawn_check_wait_status(status))
        fail(`sqlite3 ${query}: ${decoder.decode(err)}`);
    return decoder.decode(out).split('\n').filter(l => l !== '');
}

// One value of a query, or null without the shell.
function sqlValue(path, query) {
    const rows = sql(path, query);
    if (rows === null)
        return null;
    assertEqual(rows.length, 1, `one row for ${query}`);
    return rows[0];
}

function assertSql(path, query, expected, message = query) {
    const value = sqlValue(path, query);
    if (value !== null)
        assertEqual(value, String(expected), message);
}

// --- 1. round trip ----------------------------------------------------------------

test('SQLite round trip: same document, journal verifies', () => inTempDir(folder => {
    const path = `${folder}/portfolio.sqlite`;
    const story = newStory();
    const writer = Aff.SqliteStore.new(path);
    const reader = Aff.SqliteStore.new(path);
    assertTrue(writer instanceof Aff.Store, 'an Aff.Store');
    assertEqual(writer.get_path(), path, 'get_path');
    assertFalse(exists(path), 'nothing written before a save');

    assertTrue(writer.save(story), 'saved');
    assertTrue(exists(path), 'the database exists');

    const loaded = reader.load();
    assertTrue(loaded !== story, 'a new portfolio');
    assertEqual(text(loaded), text(story), 'to_data equal');
    verify(loaded);
    assertEqual(nJournal(loaded), nJournal(story), 'journal entries');
    assertEqual(ledgerOf(loaded).get_n_entries(), COSTS.length, 'ledger lines');
    assertEqual(ledgerOf(loaded).sum(null, ACTUAL, null, -1).get_minor(), COSTS_ACTUAL, 'actual cost');

    assertSql(path, 'SELECT count(*) FROM client', 1);
    assertSql(path, 'SELECT count(*) FROM consultation', 1);
    assertSql(path, 'SELECT count(*) FROM offer', 1);
    assertSql(path, 'SELECT count(*) FROM affair', 1);
    assertSql(path, 'SELECT count(*) FROM ledger', COSTS.length);
    assertSql(path, 'SELECT sum(amount) FROM ledger', COSTS_TOTAL);
    assertSql(path, 'SELECT count(*) FROM journal', nJournal(story));
    assertSql(path, 'PRAGMA user_version', Aff.SQLITE_STORE_SCHEMA_VERSION);
    assertSql(path, 'PRAGMA journal_mode', 'wal');
    assertEqual(Aff.SQLITE_STORE_SCHEMA_VERSION, 1, 'schema version');
    writer.close();
    reader.close();
}));

test('dashboard after a SQLite load: ledgers read in one scan, as loaded', () => inTempDir(folder => {
    const path = `${folder}/portfolio.sqlite`;
    const story = newStory();
    assertTrue(Aff.SqliteStore.new(path).save(story), 'saved');
    const loaded = Aff.SqliteStore.new(path).load();
    const otherStore = Aff.SqliteStore.new(path);
    const other = otherStore.load();
    book(other.lookup_affair('OFF-1'), [2026, 5, 14], 'T1', Aff.CostCategory.LABOUR, ACTUAL, '1.00 EUR');
    assertTrue(otherStore.save(other), 'the other process saved a line more');
    const day = date(2026, 5, 31);
    assertEqual(loaded.compute_dashboard(day).to_csv(), story.compute_dashboard(day).to_csv(),
        'the dashboard of the portfolio saved');
    assertEqual(ledgerOf(loaded).get_n_entries(), COSTS.length, 'the lines as loaded');
    assertEqual(ledgerOf(loaded).sum(null, ACTUAL, null, -1).get_minor(), COSTS_ACTUAL, 'actual cost');
}));

test('SQLite load of nothing: NOENT, nothing created', () => inTempDir(folder => {
    const path = `${folder}/none.sqlite`;
    let error = null;
    try {
        Aff.SqliteStore.new(path).load();
    } catch (e) {
        error = e;
    }
    assertTrue(error instanceof GLib.Error, 'a GLib.Error');
    assertTrue(error.matches(GLib.file_error_quark(), GLib.FileError.NOENT), 'G_FILE_ERROR_NOENT');
    assertFalse(exists(path), 'a load creates nothing');
}));

// --- 2. conversion and Aff.Store.open ---------------------------------------------

test('JSON → SQLite → JSON gives the same bytes', () => inTempDir(folder => {
    const jsonPath = `${folder}/portfolio.json`;
    const dbPath = `${folder}/portfolio.sqlite`;
    const backPath = `${folder}/back.json`;
    assertTrue(newStory().save_to_file(jsonPath), 'JSON written');
    const original = readBytes(jsonPath);

    const json = Aff.Store.open(jsonPath);
    assertTrue(json instanceof Aff.JsonStore, 'JsonStore for x.json');
    const fromJson = json.load();
    const sqlite = Aff.Store.open(dbPath);
    assertTrue(sqlite instanceof Aff.SqliteStore, 'SqliteStore for a new x.sqlite');
    assertTrue(sqlite.save(fromJson), 'saved into SQLite');
    sqlite.close();

    const fromSqlite = Aff.Store.open(dbPath).load();
    verify(fromSqlite);
    const back = Aff.Store.open(backPath);
    assertTrue(back instanceof Aff.JsonStore, 'JsonStore for back.json');
    assertTrue(back.save(fromSqlite), 'saved back to JSON');
    assertSameBytes(readBytes(backPath), original, 'the JSON back');
    assertSameBytes(encoder.encode(text(fromSqlite)), original, 'to_data of the SQLite portfolio');
}));

test('Aff.Store.open picks by name for a new file, by content for an existing one', () => inTempDir(folder => {
    const kind = name => {
        const store = Aff.Store.open(`${folder}/${name}`);
        return store instanceof Aff.SqliteStore ? 'sqlite' : store instanceof Aff.JsonStore ? 'json' : '?';
    };
    assertEqual(kind('new.json'), 'json', 'new.json');
    assertEqual(kind('new.sqlite'), 'sqlite', 'new.sqlite');
    assertEqual(kind('new.sqlite3'), 'sqlite', 'new.sqlite3');
    assertEqual(kind('new.db'), 'sqlite', 'new.db');
    assertEqual(kind('new'), 'json', 'new');
    assertEqual(kind('new.txt'), 'json', 'new.txt');
    const children = Gio.File.new_for_path(folder).enumerate_children('standard::name',
        Gio.FileQueryInfoFlags.NONE, null);
    assertEqual(children.next_file(null), null, 'opening creates nothing');
    children.close(null);

    const dbPath = `${folder}/portfolio.sqlite`;
    const writer = Aff.SqliteStore.new(dbPath);
    assertTrue(writer.save(newStory()), 'database written');
    // closed, so that the file holds all that was saved (WAL checkpointed)
    // before it is copied
    writer.close();
    const expected = text(Aff.SqliteStore.new(dbPath).load());
    for (const name of ['renamed.data', 'disguised.json', 'no-suffix']) {
        copyFile(dbPath, `${folder}/${name}`);
        const store = Aff.Store.open(`${folder}/${name}`);
        assertTrue(store instanceof Aff.SqliteStore, `SqliteStore for a database named ${name}`);
        assertEqual(store.get_path(), `${folder}/${name}`, 'its path');
        assertEqual(text(store.load()), expected, `${name} loads the portfolio`);
        store.close();
    }
    // a JSON document named like a database is a JSON store
    assertTrue(newStory().save_to_file(`${folder}/document.sqlite`), 'JSON written');
    const store = Aff.Store.open(`${folder}/document.sqlite`);
    assertTrue(store instanceof Aff.JsonStore, 'JsonStore for a JSON document named .sqlite');
    verify(store.load());
}));

// --- 3. incremental save ----------------------------------------------------------

test('SQLite saves what changed, and appends the new lines', () => inTempDir(folder => {
    const path = `${folder}/portfolio.sqlite`;
    assertTrue(Aff.SqliteStore.new(path).save(newStory()), 'first save');

    const store = Aff.SqliteStore.new(path);
    const portfolio = store.load();
    // a second store loads now: what it may still save tells which rows
    // the first store's saves touched
    const witness = Aff.SqliteStore.new(path);
    const seen = witness.load();
    const n0 = nJournal(portfolio);
    assertSql(path, 'SELECT count(*) FROM journal', n0);

    // a call to the client: the client's row only, one journal entry
    recordCall(portfolio, 'acme', 6);
    assertEqual(nJournal(portfolio), n0 + 1, 'one entry for the call');
    store.close();  // opened again by the save
    assertTrue(store.save(portfolio), 'the call saved');
    assertSql(path, "SELECT version FROM client WHERE id = 'acme'", 2);
    assertSql(path, "SELECT version FROM consultation WHERE id = 'CONS-1'", 1);
    assertSql(path, "SELECT version FROM offer WHERE id = 'OFF-1'", 1);
    assertSql(path, "SELECT version FROM affair WHERE id = 'OFF-1'", 1);
    assertSql(path, 'SELECT count(*) FROM journal', n0 + 1);
    assertSql(path, 'SELECT count(*) FROM ledger', COSTS.length);

    // three costs: the affair's row, three ledger rows appended
    const added = [[[2026, 5, 6], '100.00 EUR', 10000], [[2026, 5, 7], '200.00 EUR', 20000],
        [[2026, 5, 8], '300.50 EUR', 30050]];
    for (const [day, amount] of added)
        book(portfolio.lookup_affair(AFFAIR), day, 'T2', C.MATERIAL, ACTUAL, amount);
    assertTrue(store.save(portfolio), 'the costs saved');
    assertSql(path, "SELECT version FROM affair WHERE id = 'OFF-1'", 2);
    assertSql(path, "SELECT version FROM client WHERE id = 'acme'", 2);
    assertSql(path, "SELECT version FROM consultation WHERE id = 'CONS-1'", 1);
    assertSql(path, "SELECT version FROM offer WHERE id = 'OFF-1'", 1);
    assertSql(path, 'SELECT count(*) FROM ledger', COSTS.length + 3);
    // 10 212 340 + 10 000 + 20 000 + 30 050
    assertSql(path, 'SELECT sum(amount) FROM ledger', 10272390);
    const rows = sql(path, 'SELECT line, day, amount FROM ledger WHERE line >= 5 ORDER BY line');
    if (rows !== null)
        assertEqual(rows, ['5|2026-05-06|10000', '6|2026-05-07|20000', '7|2026-05-08|30050'], 'new lines');
    assertSql(path, 'SELECT count(*) FROM journal', n0 + 4);
    // saving again without a change adds nothing
    assertTrue(store.save(portfolio), 'saved again');
    assertSql(path, 'SELECT count(*) FROM journal', n0 + 4);
    assertSql(path, 'SELECT count(*) FROM ledger', COSTS.length + 3);

    // reloaded: the whole portfolio, the ledger grown by exactly three
    const reloaded = Aff.SqliteStore.new(path).load();
    assertEqual(text(reloaded), text(portfolio), 'the store holds the portfolio');
    verify(reloaded);
    assertEqual(ledgerOf(reloaded).get_n_entries(), COSTS.length + 3, 'ledger lines');
    assertEqual(ledgerOf(reloaded).sum(null, ACTUAL, null, -1).get_minor(), COSTS_ACTUAL + 60050, 'actual cost');

    // the witness loaded before both saves: the consultation and the offer
    // rows were not touched, so a change to the consultation goes in ...
    seen.lookup_consultation('CONS-1').set_activities(['pipework', 'welding']);
    assertTrue(witness.save(seen), 'the witness saves a change to an untouched row');
    assertSql(path, "SELECT version FROM consultation WHERE id = 'CONS-1'", 2);
    // ... while the client and the affair rows were: a change to either is refused
    recordCall(seen, 'acme', 9);
    assertThrows(() => witness.save(seen), E.CONFLICT, 'client acme');
    store.close();
    witness.close();
}));

// --- 4. conflicts -----------------------------------------------------------------

test('SQLite conflict on one entity; disjoint changes both go in', () => inTempDir(folder => {
    const path = `${folder}/portfolio.sqlite`;
    assertTrue(Aff.SqliteStore.new(path).save(newStory()), 'first save');
    const first = Aff.SqliteStore.new(path);
    const second = Aff.SqliteStore.new(path);
    const mine = first.load();
    let theirs = second.load();
    const n0 = nJournal(mine);

    // both change the client acme: the first to save wins
    recordCall(mine, 'acme', 6);
    assertTrue(first.save(mine), 'the first saves');
    const committed = text(Aff.SqliteStore.new(path).load());
    recordCall(theirs, 'acme', 7);
    book(theirs.lookup_affair(AFFAIR), [2026, 5, 7], 'T2', C.MATERIAL, ACTUAL, '999.00 EUR');
    const e = assertThrows(() => second.save(theirs), E.CONFLICT, 'client acme');
    assertTrue(e.message.includes(path), 'the message names the store');
    assertThrows(() => second.save(theirs), E.CONFLICT, 'client acme');
    // nothing of the second's save went in
    const after = Aff.SqliteStore.new(path).load();
    assertEqual(text(after), committed, 'the store is unchanged');
    assertEqual(nJournal(after), n0 + 1, 'journal entries');
    assertEqual(ledgerOf(after).get_n_entries(), COSTS.length, 'ledger lines');
    assertSql(path, 'SELECT count(*) FROM ledger', COSTS.length);
    assertSql(path, 'SELECT sum(amount) FROM ledger', COSTS_TOTAL);
    assertSql(path, "SELECT version FROM affair WHERE id = 'OFF-1'", 1);

    // the second starts again; the first books a cost, the second adds a client
    theirs = second.load();
    book(mine.lookup_affair(AFFAIR), [2026, 5, 8], 'T2', C.MATERIAL, ACTUAL, '10.00 EUR');
    assertTrue(first.save(mine), 'the first saves its cost');
    const nTheirs = nJournal(theirs);
    theirs.add_client(Aff.Client.new('beta', 'Beta Chimie'));
    const nAdded = nJournal(theirs) - nTheirs;
    assertTrue(nAdded >= 1, 'the new client is journaled');
    assertTrue(second.save(theirs), 'the second saves its client');
    // their journal holds the first's entry before their own, and verifies
    assertEqual(nJournal(theirs), nTheirs + 1 + nAdded, 'their journal');
    verify(theirs);

    // a third store loads both changes, with a journal that verifies
    const third = Aff.SqliteStore.new(path);
    const reloaded = third.load();
    verify(reloaded);
    assertEqual(reloaded.lookup_client('beta').get_name(), 'Beta Chimie', 'the new client');
    assertEqual(ledgerOf(reloaded).get_n_entries(), COSTS.length + 1, 'the new cost');
    assertEqual(ledgerOf(reloaded).get_entry(COSTS.length).get_amount().get_minor(), 1000, '10.00');
    assertEqual(nJournal(reloaded), n0 + 1 + 1 + nAdded, 'journal entries');
    assertEqual(reloaded.get_journal().get_head_hash(), theirs.get_journal().get_head_hash(), 'head hash');
    // 10 212 340 + 1 000
    assertSql(path, 'SELECT sum(amount) FROM ledger', 10213340);
    for (const store of [first, second, third])
        store.close();
}));

// --- 5. the JSON store's guard ----------------------------------------------------

test('JSON store: conflict when the file changed behind its back', () => inTempDir(folder => {
    const path = `${folder}/portfolio.json`;
    const store = Aff.JsonStore.new(path);
    assertEqual(store.get_path(), path, 'get_path');
    assertTrue(store.save(newStory()), 'saved');
    let portfolio = store.load();
    recordCall(portfolio, 'acme', 6);
    assertTrue(store.save(portfolio), 'saved after a change');
    assertSameBytes(readBytes(path), encoder.encode(text(portfolio)), 'the file');

    // another writer (another store on the file) replaces it
    const other = Aff.JsonStore.new(path);
    const theirs = other.load();
    recordCall(theirs, 'acme', 7);
    assertTrue(other.save(theirs), 'the other saves');
    let left = readBytes(path);
    assertSameBytes(left, encoder.encode(text(theirs)), 'the other\'s file');

    recordCall(portfolio, 'acme', 8);
    assertThrows(() => store.save(portfolio), E.CONFLICT, path);
    assertSameBytes(readBytes(path), left, 'the file as the other left it');

    // a file replaced by a plain write
    portfolio = store.load();
    const plain = encoder.encode(text(newStory()));
    assertTrue(GLib.file_set_contents(path, plain), 'replaced');
    recordCall(portfolio, 'acme', 8);
    assertThrows(() => store.save(portfolio), E.CONFLICT, path);
    assertSameBytes(readBytes(path), plain, 'the file as replaced');

    // loaded again, the change goes in
    portfolio = store.load();
    recordCall(portfolio, 'acme', 8);
    assertTrue(store.save(portfolio), 'saved after a new load');

    // edited in place (same inode, one more byte)
    const stream = Gio.File.new_for_path(path).append_to(Gio.FileCreateFlags.NONE, null);
    stream.write_all(encoder.encode('\n'), null);
    stream.close(null);
    left = readBytes(path);
    recordCall(portfolio, 'acme', 9);
    assertThrows(() => store.save(portfolio), E.CONFLICT, path);
    assertSameBytes(readBytes(path), left, 'the file as edited');

    // removed: a conflict, and nothing recreated
    portfolio = store.load();
    recordCall(portfolio, 'acme', 9);
    Gio.File.new_for_path(path).delete(null);
    assertThrows(() => store.save(portfolio), E.CONFLICT, path);
    assertFalse(exists(path), 'still removed');
}));

// --- 6. the bulk path -------------------------------------------------------------

const BULK_LINES = 20000;
const CATEGORIES = ['labour', 'material', 'equipment', 'subcontract', 'travel', 'overhead', 'other'];

// Cents as the decimal text import_csv reads ("-12.05").
function decimal(c) {
    const a = Math.abs(c);
    return `${c < 0 ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

// A decimal text with two decimals in cents, parsed here.
function cents(t) {
    const m = /^(-?)(\d+)\.(\d\d)$/.exec(t);
    if (m === null)
        fail(`not an amount: ${t}`);
    return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}

// n lines [day, work, category, state, cents]: days over two years from
// 2025-01-01, T1 and T2 in turn, the seven categories, amounts from 0.01 to
// 25 000.00, one in a thousand a credit.
function bulkRows(n) {
    const rows = [];
    const start = Date.UTC(2025, 0, 1);
    for (let i = 0; i < n; i++) {
        let c = (i * 7919) % 2500000 + 1;
        if (i % 1000 === 999)
            c = -c;
        const day = new Date(start + (i % 730) * 86400000).toISOString().slice(0, 10);
        rows.push([day, i % 2 === 0 ? 'T1' : 'T2', CATEGORIES[i % 7], 'actual', c]);
    }
    return rows;
}

test('bulk: one import, one export, one save of 20 000 lines', () => inTempDir(folder => {
    const rows = bulkRows(BULK_LINES);
    const total = rows.reduce((s, r) => s + r[4], 0);
    const csvText = `date,work,category,state,amount\n${
        rows.map(([d, w, c, s, a]) => `${d},${w},${c},${s},${decimal(a)}`).join('\n')}\n`;

    const [p, affair] = newPortfolio();
    const ledger = affair.get_ledger();
    const n0 = nJournal(p);

    // one call to import
    assertEqual(ledger.import_csv(encoder.encode(csvText)), [true, BULK_LINES], 'import_csv');
    assertEqual(ledger.get_n_entries(), BULK_LINES, 'entries');
    assertEqual(nJournal(p), n0 + 1, 'one journal entry for the import');

    // one call to export
    const exported = ledger.to_csv();
    const lines = exported.split('\r\n');
    assertEqual(lines.pop(), '', 'CRLF after the last line');
    assertEqual(lines.length, BULK_LINES + 1, 'header and lines');
    assertEqual(lines[0], 'date,work,category,state,amount,quantity,supplier,document,commitment', 'header');
    let sum = 0;
    for (let i = 1; i < lines.length; i++) {
        const f = lines[i].split(',');
        const [d, w, c, s, a] = rows[i - 1];
        if (f.length !== 9 || f[0] !== d || f[1] !== w || f[2] !== c || f[3] !== s || cents(f[4]) !== a)
            fail(`line ${i + 1} of the export: ${lines[i]}, expected ${rows[i - 1]}`);
        sum += cents(f[4]);
    }
    assertEqual(sum, total, 'the total of the export');

    // one call to save, checked by another store's load
    const path = `${folder}/bulk.sqlite`;
    const store = Aff.SqliteStore.new(path);
    assertTrue(store.save(p), 'saved');
    store.close();
    assertSql(path, 'SELECT count(*) FROM ledger', BULK_LINES);
    assertSql(path, 'SELECT sum(amount) FROM ledger', total);
    const reloaded = Aff.SqliteStore.new(path).load();
    const again = ledgerOf(reloaded);
    assertEqual(again.get_n_entries(), BULK_LINES, 'entries reloaded');
    assertEqual(again.sum(null, ACTUAL, null, -1).get_minor(), total, 'total reloaded');
    assertEqual(again.to_csv(), exported, 'the export of the reloaded ledger');
    verify(reloaded);
}));

// --- seals --------------------------------------------------------------------------

test('a sent revision edited by hand: refused on load, or by verify() from SQLite', () => inTempDir(folder => {
    const path = `${folder}/portfolio.json`;
    newStory().save_to_file(path);
    const [, bytes] = GLib.file_get_contents(path);
    const doc = JSON.parse(decoder.decode(bytes));
    assertEqual(doc.offers[0].revisions[0].vat_rate, 2000, 'VAT as sent');
    doc.offers[0].revisions[0].vat_rate = 550;
    GLib.file_set_contents(path, JSON.stringify(doc));
    assertThrows(() => Aff.Portfolio.new_from_file(path), E.TAMPERED,
        '$.offers[0].revisions[0]: revision A of offer OFF-1');

    const db = `${folder}/portfolio.sqlite`;
    const writer = Aff.SqliteStore.new(db);
    writer.save(newStory());
    writer.close();
    if (sql(db, 'SELECT 1') === null)
        return;
    const [ok, , err, status] = GLib.spawn_sync(null,
        [SQLITE3, db, "UPDATE offer SET body = json_set(body, '$.revisions[0].vat_rate', 550)"],
        null, GLib.SpawnFlags.DEFAULT, null);
    assertTrue(ok && GLib.spawn_check_wait_status(status), decoder.decode(err));
    const store = Aff.SqliteStore.new(db);
    const p = store.load();
    assertTrue(p.get_journal().verify(), 'the chain is whole');
    assertThrows(() => p.verify(), E.TAMPERED, 'revision A of offer OFF-1');
    store.close();
}));

run();
