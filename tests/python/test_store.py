#!/usr/bin/python3
# The stores from Python: Aff.Store (open, load, save, close, get_path),
# Aff.JsonStore and Aff.SqliteStore, through the typelib.
#
# What the SQLite store writes is checked in the database itself, with
# Python's own sqlite3 module on a read-only connection, never through the
# store that wrote it.
#
# The portfolio (built through the public API, as tests/python/test_finance.py
# does): Claire Martin, clock fixed at 2026-04-01 09:00 UTC, the client acme,
# the consultation CONS-1 decided GO, the offer OFF-1 (T1: 500 h of labour at
# 100.00; T2: 50 000.00 of material; no overheads, contingency 5 000.00,
# selling price 125 000.00) sent on 2026-04-01 and accepted on 2026-04-20,
# which makes the affair OFF-1. Its ledger gets the five lines of COSTS below,
# whose amounts, in cents, are worked out by hand:
#
#   30 000.00 + 52 000.00 + 20 000.00 + 123.45 - 0.05
#   = 3 000 000 + 5 200 000 + 2 000 000 + 12 345 - 5 = 10 212 340 cents.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import contextlib
import csv
import datetime
import io
import json
import os
import shutil
import sqlite3
import tempfile
import unittest
import urllib.parse

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib  # noqa: E402
import afftest  # noqa: E402
from afftest import D, to_text  # noqa: E402
from test_finance import new_finance_portfolio  # noqa: E402

E = Aff.Error
Cat = Aff.CostCategory
ACTUAL = Aff.CostState.ACTUAL
COMMITTED = Aff.CostState.COMMITTED

AFFAIR = 'OFF-1'

# (day, work, category, state, amount, amount in cents by hand, quantity in
#  thousandths, supplier, document, commitment)
COSTS = [
    ((2026, 4, 24), 'T1', Cat.LABOUR, ACTUAL, '30000.00 EUR', 3000000, 300000, None, 'TS-17', None),
    ((2026, 4, 28), 'T2', Cat.MATERIAL, COMMITTED, '52000.00 EUR', 5200000, 0, 'Inox SA', 'PO-7', None),
    ((2026, 5, 11), 'T2', Cat.MATERIAL, ACTUAL, '20000.00 EUR', 2000000, 0, 'Inox SA', 'FA-991', 'PO-7'),
    ((2026, 5, 12), None, Cat.TRAVEL, ACTUAL, '123.45 EUR', 12345, 0, 'Dupont, "Père" & Fils', 'NF-3', None),
    ((2026, 5, 13), 'T1', Cat.LABOUR, ACTUAL, '-0.05 EUR', -5, 0, None, 'AV-1', None),
]
COSTS_TOTAL = 10212340
assert sum(c[5] for c in COSTS) == COSTS_TOTAL

CATEGORY_NICKS = {Cat.LABOUR: 'labour', Cat.MATERIAL: 'material', Cat.EQUIPMENT: 'equipment',
                  Cat.SUBCONTRACT: 'subcontract', Cat.TRAVEL: 'travel', Cat.OVERHEAD: 'overhead',
                  Cat.OTHER: 'other'}
STATE_NICKS = {ACTUAL: 'actual', COMMITTED: 'committed'}

ENTITY_TABLES = ('client', 'consultation', 'offer', 'affair')


def M(text):
    return Aff.Money.parse(text)


# ---- The portfolio, through the public API --------------------------------

def new_portfolio():
    """The portfolio of the top comment, its affair's ledger still empty:
    (portfolio, affair); the affair of the finance tests, without a plan."""
    return new_finance_portfolio(with_plan=False)


def book(affair, day, work, category, state, amount, quantity=0, supplier=None, document=None,
         commitment=None):
    entry = Aff.CostEntry.new(D(*day), work, category, state, M(amount))
    entry.set_quantity(quantity)
    entry.set_supplier(supplier)
    entry.set_document(document)
    entry.set_commitment(commitment)
    assert affair.get_ledger().add(entry)


def new_story():
    """The portfolio with the five costs of COSTS."""
    p, affair = new_portfolio()
    for day, work, category, state, amount, _cents, quantity, supplier, document, commitment in COSTS:
        book(affair, day, work, category, state, amount, quantity, supplier, document, commitment)
    return p


def record_call(p, client, day):
    call = Aff.Interaction.new(Aff.InteractionKind.CALL, D(2026, 5, day), "point d'avancement")
    assert p.record_interaction(client, call)


# ---- The database, read independently --------------------------------------

class Database:
    """A read-only sqlite3 connection to a store's database."""

    def __init__(self, path):
        uri = 'file:%s?mode=ro' % urllib.parse.quote(path)
        self.connection = sqlite3.connect(uri, uri=True)

    def close(self):
        self.connection.close()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def value(self, sql, *params):
        rows = self.connection.execute(sql, params).fetchall()
        assert len(rows) == 1 and len(rows[0]) == 1, (sql, rows)
        return rows[0][0]

    def rows(self, sql, *params):
        return self.connection.execute(sql, params).fetchall()

    def dump(self):
        """Every row of every table, in a stable order: what the database
        holds, to compare before and after."""
        tables = [r[0] for r in self.rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: sorted(self.rows('SELECT * FROM "%s"' % t), key=repr) for t in tables}


def query(path, sql, *params):
    with Database(path) as db:
        return db.value(sql, *params)


def dump(path):
    with Database(path) as db:
        return db.dump()


def version(path, table, eid):
    return query(path, 'SELECT version FROM %s WHERE id = ?' % table, eid)


def remove_database(path):
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)


def cents(text):
    """The amount of a decimal text with two decimals ('-12.05') in cents,
    parsed here rather than by the library."""
    sign = -1 if text.startswith('-') else 1
    whole, _, fraction = text.lstrip('-').partition('.')
    assert len(fraction) == 2 and whole.isdigit() and fraction.isdigit(), text
    return sign * (int(whole) * 100 + int(fraction))


def decimal(c):
    """Cents as the decimal text import_csv reads ('-12.05')."""
    return '%s%d.%02d' % ('-' if c < 0 else '', abs(c) // 100, abs(c) % 100)


class StoreTestCase(afftest.AffTestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix='libaffaires-store-')
        self.folder = self.tmp.name
        self.db_path = os.path.join(self.folder, 'portfolio.sqlite')
        self.json_path = os.path.join(self.folder, 'portfolio.json')

    def tearDown(self):
        self.tmp.cleanup()
        self.assertFalse(os.path.exists(self.folder))

    def assertVerifies(self, p):
        self.assertTrue(p.get_journal().verify())

    def assertConflict(self, store, portfolio, *words):
        e = self.assertAffError(E.CONFLICT, store.save, portfolio)
        for word in words:
            self.assertIn(word, e.message)
        return e


# ---- 1. Round trip ---------------------------------------------------------

class RoundTripTest(StoreTestCase):
    def test_sqlite_round_trip(self):
        story = new_story()
        n_entries = story.get_journal().get_n_entries()
        writer = Aff.SqliteStore.new(self.db_path)
        reader = Aff.SqliteStore.new(self.db_path)
        self.assertIsInstance(writer, Aff.Store)
        self.assertEqual(writer.get_path(), self.db_path)
        self.assertFalse(os.path.exists(self.db_path), 'nothing written before a save')

        self.assertTrue(writer.save(story))

        with Database(self.db_path) as db:
            self.assertEqual(db.value('SELECT count(*) FROM client'), 1)
            self.assertEqual(db.value('SELECT count(*) FROM consultation'), 1)
            self.assertEqual(db.value('SELECT count(*) FROM offer'), 1)
            self.assertEqual(db.value('SELECT count(*) FROM affair'), 1)
            self.assertEqual(db.value('SELECT count(*) FROM ledger'), len(COSTS))
            self.assertEqual(db.value("SELECT count(*) FROM ledger WHERE affair_id = 'OFF-1'"), 5)
            self.assertEqual(db.value('SELECT count(*) FROM journal'), n_entries)
            self.assertEqual(db.value('SELECT min(sequence) FROM journal') + n_entries - 1,
                             db.value('SELECT max(sequence) FROM journal'))
            # the amounts booked, summed by hand at the top
            self.assertEqual(db.value('SELECT sum(amount) FROM ledger'), COSTS_TOTAL)
            self.assertEqual(db.value('PRAGMA user_version'), Aff.SQLITE_STORE_SCHEMA_VERSION)
            self.assertEqual(Aff.SQLITE_STORE_SCHEMA_VERSION, 1)
            self.assertEqual(db.value('PRAGMA journal_mode'), 'wal')
            # the ids and references of the rows
            self.assertEqual(db.rows('SELECT id, version FROM client'), [('acme', 1)])
            self.assertEqual(db.rows('SELECT id, client_id, version FROM consultation'), [('CONS-1', 'acme', 1)])
            self.assertEqual(db.rows('SELECT id, consultation_id, version FROM offer'), [('OFF-1', 'CONS-1', 1)])
            self.assertEqual(db.rows('SELECT id, offer_id, client_id, version FROM affair'),
                             [('OFF-1', 'OFF-1', 'acme', 1)])
            # every cost line a row of its own, as booked
            expected = [(i, '%04d-%02d-%02d' % c[0], c[1], CATEGORY_NICKS[c[2]], STATE_NICKS[c[3]], c[5], c[6],
                         c[7], c[8], c[9]) for i, c in enumerate(COSTS)]
            self.assertEqual(db.rows('SELECT line, day, work, category, state, amount, quantity, supplier,'
                                     ' document, commitment FROM ledger ORDER BY line'), expected)
            # the affair's body holds its document JSON without the lines
            body = json.loads(db.value('SELECT body FROM affair'))
            self.assertEqual(body['id'], AFFAIR)
            self.assertNotIn('ledger', body.get('finance', {}))
            client = json.loads(db.value('SELECT body FROM client'))
            self.assertEqual(client['name'], 'ACME Industrie')

        loaded = reader.load()
        self.assertIsNot(loaded, story)
        self.assertEqual(to_text(loaded), to_text(story))
        self.assertVerifies(loaded)
        self.assertEqual(loaded.get_journal().get_n_entries(), n_entries)
        self.assertEqual(loaded.lookup_affair(AFFAIR).get_ledger().get_n_entries(), len(COSTS))
        # 30 000.00 + 20 000.00 + 123.45 - 0.05 of the actual lines, by hand
        self.assertEqual(loaded.lookup_affair(AFFAIR).get_ledger().sum(None, ACTUAL, None, -1).get_minor(),
                         5012340)
        writer.close()
        reader.close()

    def test_dashboard_after_a_load(self):
        # The dashboard reads the ledgers the store left to read, in one
        # scan: the same dashboard as before saving, with the lines the
        # ledger had when loaded, not one another process added since.
        p = new_story()
        self.assertTrue(Aff.SqliteStore.new(self.db_path).save(p))
        loaded = Aff.SqliteStore.new(self.db_path).load()
        other_store = Aff.SqliteStore.new(self.db_path)
        other = other_store.load()
        book(other.lookup_affair(AFFAIR), (2026, 5, 14), 'T1', Cat.LABOUR, ACTUAL, '1.00 EUR')
        self.assertTrue(other_store.save(other))
        day = D(2026, 5, 31)
        self.assertEqual(loaded.compute_dashboard(day).to_csv(), p.compute_dashboard(day).to_csv())
        ledger = loaded.lookup_affair(AFFAIR).get_ledger()
        self.assertEqual(ledger.get_n_entries(), len(COSTS))
        # by hand: 30 000.00 + 20 000.00 + 123.45 - 0.05
        self.assertEqual(ledger.sum(None, ACTUAL, None, -1).get_minor(), 5012340)

    def test_load_of_nothing(self):
        store = Aff.SqliteStore.new(self.db_path)
        with self.assertRaises(GLib.Error) as cm:
            store.load()
        self.assertTrue(cm.exception.matches(GLib.file_error_quark(), GLib.FileError.NOENT))
        self.assertFalse(os.path.exists(self.db_path), 'a load creates nothing')


# ---- 2. Conversion and Aff.Store.open -------------------------------------

class ConversionTest(StoreTestCase):
    def test_json_sqlite_json(self):
        story = new_story()
        back_path = os.path.join(self.folder, 'back.json')
        self.assertTrue(story.save_to_file(self.json_path))
        with open(self.json_path, 'rb') as f:
            original = f.read()

        json_store = Aff.Store.open(self.json_path)
        self.assertIsInstance(json_store, Aff.JsonStore)
        from_json = json_store.load()
        sqlite_store = Aff.Store.open(self.db_path)
        self.assertIsInstance(sqlite_store, Aff.SqliteStore)
        self.assertTrue(sqlite_store.save(from_json))
        sqlite_store.close()

        from_sqlite = Aff.Store.open(self.db_path).load()
        self.assertVerifies(from_sqlite)
        json_back = Aff.Store.open(back_path)
        self.assertIsInstance(json_back, Aff.JsonStore)
        self.assertTrue(json_back.save(from_sqlite))
        with open(back_path, 'rb') as f:
            back = f.read()
        self.assertEqual(back, original)
        self.assertEqual(to_text(from_sqlite).encode('utf-8'), original)

    def test_open_picks_the_store(self):
        def kind(name):
            return type(Aff.Store.open(os.path.join(self.folder, name)))

        # new files: by name
        self.assertIs(kind('new.json'), Aff.JsonStore)
        self.assertIs(kind('new.sqlite'), Aff.SqliteStore)
        self.assertIs(kind('new.sqlite3'), Aff.SqliteStore)
        self.assertIs(kind('new.db'), Aff.SqliteStore)
        self.assertIs(kind('new'), Aff.JsonStore)
        self.assertIs(kind('new.txt'), Aff.JsonStore)
        self.assertEqual(os.listdir(self.folder), [], 'opening creates nothing')

        # existing files: by content, whatever the name
        writer = Aff.SqliteStore.new(self.db_path)
        self.assertTrue(writer.save(new_story()))
        # closed, so that the file holds all that was saved (WAL
        # checkpointed) before it is copied
        writer.close()
        for name in ('renamed.data', 'disguised.json', 'no-suffix'):
            path = os.path.join(self.folder, name)
            shutil.copyfile(self.db_path, path)
            store = Aff.Store.open(path)
            self.assertIsInstance(store, Aff.SqliteStore, name)
            self.assertEqual(store.get_path(), path)
            self.assertEqual(to_text(store.load()), to_text(Aff.SqliteStore.new(self.db_path).load()), name)
            store.close()
        self.assertIs(kind('portfolio.sqlite'), Aff.SqliteStore)
        # a JSON document named like a database is a JSON store
        disguised = os.path.join(self.folder, 'document.sqlite')
        self.assertTrue(new_story().save_to_file(disguised))
        store = Aff.Store.open(disguised)
        self.assertIsInstance(store, Aff.JsonStore)
        self.assertVerifies(store.load())

    def test_open_unreadable(self):
        if os.geteuid() == 0:
            self.skipTest('root reads every file')
        path = os.path.join(self.folder, 'locked.json')
        with open(path, 'w') as f:
            f.write('{}')
        os.chmod(path, 0)
        with self.assertRaises(GLib.Error) as cm:
            Aff.Store.open(path)
        self.assertTrue(cm.exception.matches(GLib.file_error_quark(), GLib.FileError.ACCES))


# ---- 3. Incremental save ---------------------------------------------------

class IncrementalSaveTest(StoreTestCase):
    def test_saves_what_changed(self):
        first = Aff.SqliteStore.new(self.db_path)
        self.assertTrue(first.save(new_story()))
        first.close()
        del first

        store = Aff.SqliteStore.new(self.db_path)
        portfolio = store.load()
        before = dump(self.db_path)
        n_journal = len(before['journal'])

        # a call to the client: the client's row only, one journal entry
        record_call(portfolio, 'acme', 6)
        self.assertTrue(store.save(portfolio))
        after = dump(self.db_path)
        self.assertEqual(version(self.db_path, 'client', 'acme'), 2)
        self.assertEqual(version(self.db_path, 'consultation', 'CONS-1'), 1)
        self.assertEqual(version(self.db_path, 'offer', 'OFF-1'), 1)
        self.assertEqual(version(self.db_path, 'affair', 'OFF-1'), 1)
        self.assertNotEqual(after['client'], before['client'])
        for table in ('meta', 'consultation', 'offer', 'affair', 'ledger'):
            self.assertEqual(after[table], before[table], table)
        self.assertEqual(len(after['journal']), n_journal + 1)
        self.assertTrue(set(before['journal']) <= set(after['journal']), 'journal rows appended only')
        body = json.loads(query(self.db_path, "SELECT body FROM client WHERE id = 'acme'"))
        self.assertIn("point d'avancement", json.dumps(body, ensure_ascii=False))

        # three costs: the affair's row, three ledger rows appended
        before = after
        added = [((2026, 5, 6), '100.00 EUR', 10000), ((2026, 5, 7), '200.00 EUR', 20000),
                 ((2026, 5, 8), '300.50 EUR', 30050)]
        affair = portfolio.lookup_affair(AFFAIR)
        for day, amount, _c in added:
            book(affair, day, 'T2', Cat.MATERIAL, ACTUAL, amount)
        self.assertTrue(store.save(portfolio))
        after = dump(self.db_path)
        self.assertEqual(version(self.db_path, 'affair', 'OFF-1'), 2)
        self.assertEqual(version(self.db_path, 'client', 'acme'), 2)
        self.assertEqual(version(self.db_path, 'consultation', 'CONS-1'), 1)
        self.assertEqual(version(self.db_path, 'offer', 'OFF-1'), 1)
        for table in ('meta', 'client', 'consultation', 'offer'):
            self.assertEqual(after[table], before[table], table)
        self.assertEqual(len(after['ledger']), len(before['ledger']) + len(added))
        self.assertTrue(set(before['ledger']) <= set(after['ledger']), 'the old lines untouched')
        with Database(self.db_path) as db:
            self.assertEqual(db.value('SELECT count(*) FROM ledger'), len(COSTS) + 3)
            self.assertEqual(db.rows('SELECT line, day, amount FROM ledger WHERE line >= 5 ORDER BY line'),
                             [(5, '2026-05-06', 10000), (6, '2026-05-07', 20000), (7, '2026-05-08', 30050)])
            # 10 212 340 + 10 000 + 20 000 + 30 050
            self.assertEqual(db.value('SELECT sum(amount) FROM ledger'), 10272390)
        self.assertEqual(len(after['journal']), n_journal + 1 + 3)

        # saving again without a change writes nothing
        before = after
        self.assertTrue(store.save(portfolio))
        self.assertEqual(dump(self.db_path), before)

        # what is in the store is the portfolio
        reloaded = Aff.SqliteStore.new(self.db_path).load()
        self.assertEqual(to_text(reloaded), to_text(portfolio))
        self.assertVerifies(reloaded)
        store.close()


# ---- 4. Conflicts between two stores on one database ----------------------

class ConflictTest(StoreTestCase):
    def test_conflicts(self):
        self.assertTrue(Aff.SqliteStore.new(self.db_path).save(new_story()))
        first = Aff.SqliteStore.new(self.db_path)
        second = Aff.SqliteStore.new(self.db_path)
        mine = first.load()
        theirs = second.load()
        n_journal = query(self.db_path, 'SELECT count(*) FROM journal')

        # both change the client acme: the first to save wins
        record_call(mine, 'acme', 6)
        self.assertTrue(first.save(mine))
        committed = dump(self.db_path)
        record_call(theirs, 'acme', 7)
        book(theirs.lookup_affair(AFFAIR), (2026, 5, 7), 'T2', Cat.MATERIAL, ACTUAL, '999.00 EUR')
        self.assertConflict(second, theirs, 'client acme', self.db_path)
        # nothing of the second's save went in; trying again changes nothing
        self.assertEqual(dump(self.db_path), committed)
        self.assertConflict(second, theirs, 'client acme')
        self.assertEqual(dump(self.db_path), committed)
        self.assertEqual(query(self.db_path, 'SELECT count(*) FROM journal'), n_journal + 1)
        self.assertEqual(query(self.db_path, 'SELECT count(*) FROM ledger'), len(COSTS))
        self.assertEqual(query(self.db_path, 'SELECT sum(amount) FROM ledger'), COSTS_TOTAL)
        self.assertEqual(version(self.db_path, 'client', 'acme'), 2)
        self.assertEqual(version(self.db_path, 'affair', 'OFF-1'), 1)

        # the second starts again from the store; the first books a cost on
        # the affair, the second adds a client: both saves go in
        theirs = second.load()
        book(mine.lookup_affair(AFFAIR), (2026, 5, 8), 'T2', Cat.MATERIAL, ACTUAL, '10.00 EUR')
        self.assertTrue(first.save(mine))
        n_theirs = theirs.get_journal().get_n_entries()
        theirs.add_client(Aff.Client.new('beta', 'Beta Chimie'))
        n_added = theirs.get_journal().get_n_entries() - n_theirs
        self.assertGreaterEqual(n_added, 1)
        self.assertTrue(second.save(theirs))
        # their journal holds the first's entry before their own, and verifies
        self.assertEqual(theirs.get_journal().get_n_entries(), n_theirs + n_added + 1)
        self.assertVerifies(theirs)

        with Database(self.db_path) as db:
            self.assertEqual(db.value('SELECT count(*) FROM journal'), n_journal + 1 + 1 + n_added)
            self.assertEqual(db.rows('SELECT id, version FROM client ORDER BY position'),
                             [('acme', 2), ('beta', 1)])
            self.assertEqual(db.value('SELECT count(*) FROM ledger'), len(COSTS) + 1)
            # 10 212 340 + 1 000
            self.assertEqual(db.value('SELECT sum(amount) FROM ledger'), 10213340)
            self.assertEqual(db.value("SELECT version FROM affair WHERE id = 'OFF-1'"), 2)

        # a third store loads both changes, with a journal that verifies
        third = Aff.SqliteStore.new(self.db_path)
        reloaded = third.load()
        self.assertVerifies(reloaded)
        self.assertIsNotNone(reloaded.lookup_client('beta'))
        self.assertEqual(reloaded.lookup_client('beta').get_name(), 'Beta Chimie')
        ledger = reloaded.lookup_affair(AFFAIR).get_ledger()
        self.assertEqual(ledger.get_n_entries(), len(COSTS) + 1)
        self.assertEqual(ledger.get_entry(len(COSTS)).get_amount().get_minor(), 1000)
        self.assertEqual(reloaded.get_journal().get_n_entries(), n_journal + 2 + n_added)
        self.assertEqual(reloaded.get_journal().get_head_hash(), theirs.get_journal().get_head_hash())
        for store in (first, second, third):
            store.close()

    def test_two_writers_add_clients(self):
        # "When another one saved since this portfolio was loaded, a save
        # whose changes touch other entities goes through": two new clients
        # are two other entities, each row placed after the last.
        self.assertTrue(Aff.SqliteStore.new(self.db_path).save(new_story()))
        first = Aff.SqliteStore.new(self.db_path)
        second = Aff.SqliteStore.new(self.db_path)
        mine = first.load()
        theirs = second.load()
        theirs.add_client(Aff.Client.new('beta', 'Beta Chimie'))
        self.assertTrue(second.save(theirs))
        mine.add_client(Aff.Client.new('gamma', 'Gamma'))
        self.assertTrue(first.save(mine))
        reloaded = Aff.SqliteStore.new(self.db_path).load()
        self.assertIsNotNone(reloaded.lookup_client('beta'))
        self.assertIsNotNone(reloaded.lookup_client('gamma'))
        self.assertVerifies(reloaded)

    def test_save_over_a_save_as(self):
        # Another store replaces the portfolio ("save as", a portfolio it did
        # not load) after this one loaded: the save of a change made on what
        # was loaded must not go over it, and says the store was replaced.
        self.assertTrue(Aff.SqliteStore.new(self.db_path).save(new_story()))
        store = Aff.SqliteStore.new(self.db_path)
        portfolio = store.load()
        other, _affair = new_portfolio()
        other.lookup_client('acme').set_name('Other ACME')
        self.assertTrue(Aff.SqliteStore.new(self.db_path).save(other))
        replaced = dump(self.db_path)
        portfolio.lookup_client('acme').set_name('Mine')
        try:
            self.assertConflict(store, portfolio, 'replaced')
            self.assertEqual(dump(self.db_path), replaced)
        finally:
            store.close()


# ---- 5. The JSON store's guard ---------------------------------------------

class JsonStoreTest(StoreTestCase):
    def read(self):
        with open(self.json_path, 'rb') as f:
            return f.read()

    def test_conflict(self):
        store = Aff.JsonStore.new(self.json_path)
        self.assertEqual(store.get_path(), self.json_path)
        self.assertTrue(store.save(new_story()))
        portfolio = store.load()
        record_call(portfolio, 'acme', 6)
        self.assertTrue(store.save(portfolio))
        self.assertEqual(self.read(), to_text(portfolio).encode('utf-8'))

        # another writer (another store on the file) replaces it
        other = Aff.JsonStore.new(self.json_path)
        theirs = other.load()
        record_call(theirs, 'acme', 7)
        self.assertTrue(other.save(theirs))
        left = self.read()
        self.assertEqual(left, to_text(theirs).encode('utf-8'))

        record_call(portfolio, 'acme', 8)
        self.assertConflict(store, portfolio, self.json_path)
        self.assertEqual(self.read(), left)
        self.assertConflict(store, portfolio, self.json_path)
        self.assertEqual(self.read(), left)

        # loaded again, the change can be made and saved
        portfolio = store.load()
        self.assertEqual(to_text(portfolio).encode('utf-8'), left)
        record_call(portfolio, 'acme', 8)
        self.assertTrue(store.save(portfolio))
        self.assertEqual(self.read(), to_text(portfolio).encode('utf-8'))

        # the file edited in place (same inode, one more byte)
        with open(self.json_path, 'ab') as f:
            f.write(b'\n')
        left = self.read()
        record_call(portfolio, 'acme', 9)
        self.assertConflict(store, portfolio, self.json_path)
        self.assertEqual(self.read(), left)

        # removed behind its back: a conflict too, and nothing recreated
        portfolio = store.load()
        record_call(portfolio, 'acme', 9)
        os.unlink(self.json_path)
        self.assertConflict(store, portfolio, self.json_path)
        self.assertFalse(os.path.exists(self.json_path))

        # a portfolio the store did not load is a "save as"
        self.assertTrue(store.save(new_story()))
        self.assertEqual(self.read(), to_text(new_story()).encode('utf-8'))


# ---- 6. The bulk path -------------------------------------------------------

BULK_LINES = 100000
CATEGORIES = ('labour', 'material', 'equipment', 'subcontract', 'travel', 'overhead', 'other')


def bulk_rows(n):
    """n cost lines (day, work, category, state, cents), made up here:
    days over two years, T1 and T2 in turn, the seven categories, amounts
    from 0.01 to 25 000.00 with one in a thousand a credit (negative)."""
    start = datetime.date(2025, 1, 1)
    rows = []
    for i in range(n):
        c = (i * 7919) % 2500000 + 1
        if i % 1000 == 999:
            c = -c
        rows.append(((start + datetime.timedelta(days=i % 730)).isoformat(),
                     'T1' if i % 2 == 0 else 'T2', CATEGORIES[i % 7], 'actual', c))
    return rows


def bulk_csv(rows):
    lines = ['date,work,category,state,amount']
    lines += ['%s,%s,%s,%s,%s' % (day, work, category, state, decimal(c))
              for day, work, category, state, c in rows]
    return '\n'.join(lines) + '\n'


class BulkTest(StoreTestCase):
    def test_import_export_save(self):
        rows = bulk_rows(BULK_LINES)
        total = sum(r[4] for r in rows)
        by_category = {}
        for r in rows:
            by_category[r[2]] = by_category.get(r[2], 0) + r[4]
        text = bulk_csv(rows)
        self.assertEqual(text.count('\n'), BULK_LINES + 1)

        p, affair = new_portfolio()
        ledger = affair.get_ledger()
        n_journal = p.get_journal().get_n_entries()

        # one call to import
        self.assertEqual(ledger.import_csv(text.encode('utf-8')), (True, BULK_LINES))
        self.assertEqual(ledger.get_n_entries(), BULK_LINES)
        self.assertEqual(p.get_journal().get_n_entries(), n_journal + 1, 'one journal entry for the import')

        # one call to export
        exported = ledger.to_csv()
        self.assertTrue(exported.endswith('\r\n'))
        lines = exported.split('\r\n')
        self.assertEqual(lines[-1], '')
        self.assertEqual(len(lines) - 1, BULK_LINES + 1)
        parsed = list(csv.reader(io.StringIO(exported, newline='')))
        self.assertEqual(parsed[0], ['date', 'work', 'category', 'state', 'amount', 'quantity', 'supplier',
                                     'document', 'commitment'])
        body = [dict(zip(parsed[0], r)) for r in parsed[1:]]
        self.assertEqual(len(body), BULK_LINES)
        self.assertEqual(sum(cents(r['amount']) for r in body), total)
        self.assertEqual([(r['date'], r['work'], r['category'], r['state'], cents(r['amount'])) for r in body],
                         rows)

        # one call to save
        store = Aff.SqliteStore.new(self.db_path)
        self.assertTrue(store.save(p))
        with Database(self.db_path) as db:
            self.assertEqual(db.value('SELECT count(*) FROM ledger'), BULK_LINES)
            self.assertEqual(db.value("SELECT count(*) FROM ledger WHERE affair_id = 'OFF-1'"), BULK_LINES)
            self.assertEqual(db.value('SELECT sum(amount) FROM ledger'), total)
            self.assertEqual(db.value('SELECT min(line) FROM ledger'), 0)
            self.assertEqual(db.value('SELECT max(line) FROM ledger'), BULK_LINES - 1)
            self.assertEqual(dict(db.rows('SELECT category, sum(amount) FROM ledger GROUP BY category')),
                             by_category)
            self.assertEqual(db.value("SELECT count(*) FROM ledger WHERE amount < 0"), BULK_LINES // 1000)
            self.assertEqual(db.value('SELECT count(*) FROM journal'), p.get_journal().get_n_entries())
        store.close()

        # and back
        reloaded = Aff.SqliteStore.new(self.db_path).load()
        again = reloaded.lookup_affair(AFFAIR).get_ledger()
        self.assertEqual(again.get_n_entries(), BULK_LINES)
        self.assertEqual(again.sum(None, ACTUAL, None, -1).get_minor(), total)
        self.assertEqual(again.to_csv(), exported)
        self.assertVerifies(reloaded)



# ---- 7. Seals: what was sent stays what was sent ---------------------------

class SealTest(StoreTestCase):
    def test_document_edited_by_hand(self):
        # The revision sent, edited in the document: the journal's chain is
        # whole, but loading names the revision changed.
        self.assertTrue(new_story().save_to_file(self.json_path))
        with open(self.json_path, encoding='utf-8') as f:
            doc = json.load(f)
        self.assertEqual(doc['offers'][0]['revisions'][0]['vat_rate'], 2000)
        doc['offers'][0]['revisions'][0]['vat_rate'] = 550
        with open(self.json_path, 'w', encoding='utf-8') as f:
            json.dump(doc, f)
        e = self.assertAffError(E.TAMPERED, Aff.Portfolio.new_from_file, self.json_path)
        self.assertIn('$.offers[0].revisions[0]: revision A of offer OFF-1', e.message)

    def test_sqlite_row_edited_by_hand(self):
        self.assertTrue(Aff.SqliteStore.new(self.db_path).save(new_story()))
        with contextlib.closing(sqlite3.connect(self.db_path)) as db:
            db.execute("UPDATE offer SET body = json_set(body, '$.revisions[0].vat_rate', 550)")
            db.commit()
        store = Aff.SqliteStore.new(self.db_path)
        try:
            p = store.load()
            self.assertVerifies(p)
            e = self.assertAffError(E.TAMPERED, p.verify)
            self.assertIn('revision A of offer OFF-1', e.message)
        finally:
            store.close()

if __name__ == '__main__':
    unittest.main()
