#!/usr/bin/python3
# Aff.Journal from Python: the entries that changes write, a client's
# commercial history, the hash chain, and tampering detected after reload.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import hashlib
import json
import re
import unittest

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib, Gio  # noqa: E402,F401
import afftest  # noqa: E402
from afftest import to_text, D, ymd  # noqa: E402

Status = Aff.ClientStatus
Kind = Aff.InteractionKind

ZERO_HASH = '0' * 64


def utc(*args):
    return GLib.DateTime.new_utc(*args)


def canonical(value):
    """Canonical JSON as docs/format.md describes it: no whitespace, object
    keys sorted bytewise, strings escaping only '"', '\\' and control
    characters (as \\u00xx), everything else as UTF-8."""
    if value is None:
        return 'null'
    if value is True:
        return 'true'
    if value is False:
        return 'false'
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        out = []
        for ch in value:
            if ch in '"\\':
                out.append('\\' + ch)
            elif ord(ch) < 0x20:
                out.append('\\u%04x' % ord(ch))
            else:
                out.append(ch)
        return '"' + ''.join(out) + '"'
    if isinstance(value, list):
        return '[' + ','.join(canonical(v) for v in value) + ']'
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: k.encode('utf-8'))
        return '{' + ','.join(canonical(k) + ':' + canonical(value[k]) for k in keys) + '}'
    raise TypeError(value)


def entries_of(journal):
    return [journal.get_entry(i) for i in range(journal.get_n_entries())]



AffTestCase = afftest.AffTestCase


T0 = (2026, 3, 2, 9, 30, 0)
T1 = (2026, 3, 2, 10, 15, 0)
T2 = (2026, 3, 5, 16, 0, 0)


class JournalFixture(AffTestCase):
    """A portfolio whose journal is known entry by entry.

    seq  time kind      id         action
      1  T0   client    acme       added
      2  T0   client    acme       changed (siren)
      3  T1   client    acme       status-changed prospect -> active
      4  T1   client    acme       contact-added Jean Dupont
      5  T1   client    acme       contact-changed Jean Dupont role
      6  T2   client    acme       interaction-recorded acme-1      (actor Paul Martin from here)
      7  T2   client    acme       interaction-changed acme-1
      8  T2   policy    policy     changed
      9  T2   policy    policy     labour-rate-set
     10  T2   portfolio portfolio  changed
     11  T2   client    beta       added
     12  T2   client    acme       parent-changed beta
     13  T2   client    acme       parent-changed (none)
     14  T2   client    beta       removed
    """

    def setUp(self):
        p = self.portfolio = Aff.Portfolio.new()
        p.set_actor('Claire Martin')
        p.set_fixed_time(utc(*T0))
        acme = self.acme = Aff.Client.new('acme', 'ACME Industrie')
        p.add_client(acme)                                            # 1
        acme.set_siren('732829320')                                   # 2
        p.set_fixed_time(utc(*T1))
        acme.change_status(Status.ACTIVE, D(2026, 3, 1), 'première commande')  # 3
        jean = Aff.Contact.new('Jean Dupont')
        acme.add_contact(jean)                                        # 4
        acme.lookup_contact('Jean Dupont').set_role('Acheteur')       # 5
        p.set_fixed_time(utc(*T2))
        p.set_actor('Paul Martin')
        i = self.interaction = Aff.Interaction.new(Kind.CALL, D(2026, 3, 5), 'appel')
        i.set_contact('Jean Dupont')
        p.record_interaction('acme', i)                               # 6
        i.set_summary('appel de relance')                             # 7
        p.get_policy().set_follow_up_days_prospect(20)                # 8
        p.get_policy().set_labour_rate('soudeur', Aff.Money.parse('55.00 EUR'))  # 9
        p.set_name('Agence Est')                                      # 10
        p.add_client(Aff.Client.new('beta', 'Beta'))                  # 11
        p.set_client_parent('acme', 'beta')                           # 12
        p.set_client_parent('acme', None)                             # 13
        p.remove_client('beta')                                       # 14
        self.journal = p.get_journal()

    EXPECTED = [
        (T0, 'Claire Martin', 'client', 'acme', 'added'),
        (T0, 'Claire Martin', 'client', 'acme', 'changed'),
        (T1, 'Claire Martin', 'client', 'acme', 'status-changed'),
        (T1, 'Claire Martin', 'client', 'acme', 'contact-added'),
        (T1, 'Claire Martin', 'client', 'acme', 'contact-changed'),
        (T2, 'Paul Martin', 'client', 'acme', 'interaction-recorded'),
        (T2, 'Paul Martin', 'client', 'acme', 'interaction-changed'),
        (T2, 'Paul Martin', 'policy', 'policy', 'changed'),
        (T2, 'Paul Martin', 'policy', 'policy', 'labour-rate-set'),
        (T2, 'Paul Martin', 'portfolio', 'portfolio', 'changed'),
        (T2, 'Paul Martin', 'client', 'beta', 'added'),
        (T2, 'Paul Martin', 'client', 'acme', 'parent-changed'),
        (T2, 'Paul Martin', 'client', 'acme', 'parent-changed'),
        (T2, 'Paul Martin', 'client', 'beta', 'removed'),
    ]


class TestEntries(JournalFixture):
    def test_entries(self):
        entries = entries_of(self.journal)
        self.assertEqual(len(entries), len(self.EXPECTED))
        for n, (entry, (when, actor, kind, eid, action)) in enumerate(
                zip(entries, self.EXPECTED), start=1):
            with self.subTest(sequence=n):
                self.assertEqual(entry.get_sequence(), n)
                ts = entry.get_timestamp()
                self.assertEqual(ts.get_utc_offset(), 0)
                self.assertEqual(ts.to_unix(), utc(*when).to_unix())
                self.assertEqual(entry.get_actor(), actor)
                self.assertEqual(entry.get_entity_kind(), kind)
                self.assertEqual(entry.get_entity_id(), eid)
                self.assertEqual(entry.get_action(), action)

    def test_details(self):
        e = entries_of(self.journal)
        detail = lambda n, key: e[n - 1].dup_detail(key)
        self.assertEqual(detail(2, 'property'), 'siren')
        self.assertEqual(detail(2, 'value'), '732829320')
        self.assertEqual(detail(3, 'from'), 'prospect')
        self.assertEqual(detail(3, 'to'), 'active')
        self.assertEqual(detail(3, 'date'), '2026-03-01')
        self.assertEqual(detail(3, 'reason'), 'première commande')
        self.assertEqual(detail(4, 'contact'), 'Jean Dupont')
        self.assertEqual(detail(5, 'contact'), 'Jean Dupont')
        self.assertEqual(detail(5, 'property'), 'role')
        self.assertEqual(detail(5, 'value'), 'Acheteur')
        self.assertEqual(detail(6, 'interaction'), 'acme-1')
        self.assertEqual(detail(6, 'date'), '2026-03-05')
        self.assertEqual(detail(6, 'summary'), 'appel')
        self.assertEqual(detail(7, 'interaction'), 'acme-1')
        self.assertEqual(detail(12, 'parent'), 'beta')
        self.assertIsNone(detail(1, 'no-such-detail'))
        # details are canonical JSON objects
        for entry in e:
            with self.subTest(sequence=entry.get_sequence()):
                text = entry.get_details()
                value = json.loads(text)
                self.assertIsInstance(value, dict)
                self.assertEqual(canonical(value), text)
        self.assertEqual(json.loads(e[2].get_details())['reason'], 'première commande')

    def test_chain(self):
        entries = entries_of(self.journal)
        self.assertEqual(entries[0].get_previous_hash(), ZERO_HASH)
        for before, entry in zip(entries, entries[1:]):
            self.assertEqual(entry.get_previous_hash(), before.get_hash())
        for entry in entries:
            self.assertRegex(entry.get_hash(), '^[0-9a-f]{64}$')
        self.assertEqual(len({x.get_hash() for x in entries}), len(entries))
        self.assertEqual(self.journal.get_head_hash(), entries[-1].get_hash())
        self.assertTrue(self.journal.verify())
        self.assertIsNone(Aff.Portfolio.new().get_journal().get_head_hash())
        self.assertTrue(Aff.Portfolio.new().get_journal().verify())

    def test_hashes_match_documented_format(self):
        # docs/format.md: hash = SHA-256 (hex) of
        #   previous + "\n" + canonical([hash_format, sequence, time, actor,
        #                                kind, id, action, details])
        doc = json.loads(to_text(self.portfolio))
        self.assertEqual(doc['journal']['hash_format'], 1)
        previous = ZERO_HASH
        for item in doc['journal']['entries']:
            with self.subTest(sequence=item['sequence']):
                text = previous + '\n' + canonical(
                    [1, item['sequence'], item['time'], item['actor'], item['kind'],
                     item['id'], item['action'], item['details']])
                self.assertEqual(item['previous'], previous)
                self.assertEqual(item['hash'],
                                 hashlib.sha256(text.encode('utf-8')).hexdigest())
                previous = item['hash']
        self.assertEqual(doc['journal']['entries'][0]['time'], '2026-03-02T09:30:00Z')

    def test_client_history(self):
        history = self.journal.list_entries_for('client', 'acme')
        self.assertEqual([x.get_sequence() for x in history],
                         [1, 2, 3, 4, 5, 6, 7, 12, 13])
        self.assertEqual([x.get_action() for x in history],
                         ['added', 'changed', 'status-changed', 'contact-added',
                          'contact-changed', 'interaction-recorded',
                          'interaction-changed', 'parent-changed', 'parent-changed'])
        beta = self.journal.list_entries_for('client', 'beta')
        self.assertEqual([(x.get_sequence(), x.get_action()) for x in beta],
                         [(11, 'added'), (14, 'removed')])
        policy = self.journal.list_entries_for('policy', 'policy')
        self.assertEqual([x.get_action() for x in policy], ['changed', 'labour-rate-set'])
        self.assertEqual(self.journal.list_entries_for('client', 'nobody'), [])
        self.assertEqual(self.journal.list_entries_for('policy', 'acme'), [])

    def test_refused_changes_leave_no_entry(self):
        n = self.journal.get_n_entries()
        acme = self.acme
        p = self.portfolio
        for call, args in (
                (p.add_client, (Aff.Client.new('acme', 'again'),)),
                (acme.change_status, (Status.ACTIVE, D(2026, 4, 1), 'same')),
                (acme.change_status, (Status.DORMANT, D(2026, 2, 1), 'too early')),
                (acme.set_siren, ('732829321',)),
                (acme.set_sector, ('nope',)),
                (acme.add_contact, (Aff.Contact.new('Jean Dupont'),)),
                (p.remove_client, ('nobody',)),
                (p.set_client_parent, ('acme', 'acme')),
                (p.record_interaction, ('nobody', Aff.Interaction.new(Kind.CALL, D(2026, 3, 6), 'x'))),
                (p.record_interaction, ('acme', self.interaction)),
                (p.compute_development, (D(2026, 2, 1), D(2026, 1, 1)))):
            with self.subTest(call=call.__name__):
                with self.assertRaises(GLib.Error):
                    call(*args)
                self.assertEqual(self.journal.get_n_entries(), n)
        # setting a value to what it already is changes nothing
        acme.set_siren('732829320')
        acme.set_name('ACME Industrie')
        self.assertEqual(self.journal.get_n_entries(), n)

    def test_fixed_time_is_converted_to_utc(self):
        p = self.portfolio
        p.set_fixed_time(GLib.DateTime.new(GLib.TimeZone.new_offset(2 * 3600),
                                           2026, 6, 1, 11, 30, 0))
        self.acme.set_address('1 rue de la Gare')
        last = self.journal.get_entry(self.journal.get_n_entries() - 1)
        self.assertEqual(last.get_timestamp().get_utc_offset(), 0)
        self.assertEqual(last.get_timestamp().to_unix(), utc(2026, 6, 1, 9, 30, 0).to_unix())
        self.assertEqual(last.get_action(), 'changed')
        self.assertEqual(last.dup_detail('property'), 'address')

    def test_clock(self):
        p = Aff.Portfolio.new()
        ticks = []

        def clock(*user_data):
            ticks.append(1)
            return utc(2026, 1, 1, 8, 0, len(ticks))
        p.set_clock(clock)
        p.add_client(Aff.Client.new('a', 'A'))
        p.add_client(Aff.Client.new('b', 'B'))
        j = p.get_journal()
        self.assertEqual([e.get_timestamp().get_second() for e in entries_of(j)], [1, 2])
        self.assertEqual(len(ticks), 2)


class TestReload(JournalFixture):
    def test_reload_keeps_journal(self):
        text = to_text(self.portfolio)
        q = Aff.Portfolio.new_from_data(text, -1)
        jq = q.get_journal()
        self.assertTrue(jq.verify())
        self.assertEqual(jq.get_head_hash(), self.journal.get_head_hash())
        self.assertEqual(jq.get_n_entries(), self.journal.get_n_entries())
        for a, b in zip(entries_of(self.journal), entries_of(jq)):
            self.assertEqual(
                (a.get_sequence(), a.get_timestamp().to_unix(), a.get_actor(),
                 a.get_entity_kind(), a.get_entity_id(), a.get_action(),
                 a.get_details(), a.get_previous_hash(), a.get_hash()),
                (b.get_sequence(), b.get_timestamp().to_unix(), b.get_actor(),
                 b.get_entity_kind(), b.get_entity_id(), b.get_action(),
                 b.get_details(), b.get_previous_hash(), b.get_hash()))
        self.assertEqual(jq.get_n_entries(), self.journal.get_n_entries())
        self.assertEqual(
            [x.get_action() for x in jq.list_entries_for('client', 'acme')],
            ['added', 'changed', 'status-changed', 'contact-added', 'contact-changed',
             'interaction-recorded', 'interaction-changed', 'parent-changed',
             'parent-changed'])
        # the chain continues after a reload
        q.set_fixed_time(utc(2026, 4, 1, 8, 0, 0))
        q.set_actor('Claire Martin')
        q.lookup_client('acme').change_status(Status.DORMANT, D(2026, 3, 31), 'no news')
        self.assertEqual(jq.get_n_entries(), 15)
        last = jq.get_entry(14)
        self.assertEqual(last.get_sequence(), 15)
        self.assertEqual(last.get_previous_hash(), self.journal.get_head_hash())
        self.assertEqual(last.get_action(), 'status-changed')
        self.assertEqual(last.dup_detail('from'), 'active')
        self.assertEqual(last.dup_detail('to'), 'dormant')
        self.assertTrue(jq.verify())

    def tampered(self, edit):
        """Reload the portfolio's document after edit(entries) changed it."""
        doc = json.loads(to_text(self.portfolio))
        edit(doc['journal']['entries'])
        return Aff.Portfolio.new_from_data(json.dumps(doc, ensure_ascii=False), -1)

    def assertTampered(self, portfolio, *sequences):
        e = self.assertAffError(Aff.Error.TAMPERED, portfolio.get_journal().verify)
        numbers = [int(n) for n in re.findall(r'\d+', e.message)]
        self.assertTrue(any(s in numbers for s in sequences),
                        'expected sequence %s in %r' % (' or '.join(map(str, sequences)),
                                                        e.message))
        return e

    def test_altered_detail(self):
        for k in (1, 2, 6, 11):     # entries 2, 3, 7 and 12
            with self.subTest(index=k):
                def edit(entries, k=k):
                    details = entries[k]['details']
                    key = sorted(details)[0]
                    details[key] = 'forged' if details[key] != 'forged' else 'forged!'
                q = self.tampered(edit)
                e = self.assertTampered(q, k + 1)
                # nothing before entry k + 1 is blamed
                for s in range(1, k + 1):
                    self.assertNotRegex(e.message, r'\bentry %d\b' % s)

    def test_altered_reason(self):
        # entry 3's reason, the detail a dishonest user would want to change
        def edit(entries):
            self.assertEqual(entries[2]['action'], 'status-changed')
            entries[2]['details']['reason'] = 'le client a résilié'
        self.assertTampered(self.tampered(edit), 3)

    def test_altered_other_fields(self):
        def edit_time(entries):
            entries[4]['time'] = '2026-03-01T10:15:00Z'

        def edit_actor(entries):
            entries[5]['actor'] = 'Claire Martin'

        def edit_action(entries):
            entries[13]['action'] = 'added'
        self.assertTampered(self.tampered(edit_time), 5)
        self.assertTampered(self.tampered(edit_actor), 6)
        self.assertTampered(self.tampered(edit_action), 14)

    def test_rehashed_entry(self):
        # An entry altered and given a matching hash still breaks the link
        # from the next entry, which is the first bad one.
        def edit(entries):
            item = entries[3]
            item['details']['contact'] = 'Paul Martin'
            text = item['previous'] + '\n' + canonical(
                [1, item['sequence'], item['time'], item['actor'], item['kind'],
                 item['id'], item['action'], item['details']])
            item['hash'] = hashlib.sha256(text.encode('utf-8')).hexdigest()
        self.assertTampered(self.tampered(edit), 5)

    def test_removed_entry(self):
        def edit(entries):
            del entries[6]          # entry 7
        q = self.tampered(edit)
        self.assertEqual(q.get_journal().get_n_entries(), 13)
        # entry 7 is missing; entry 8 now comes after entry 6
        self.assertTampered(q, 7, 8)

    def test_reordered_entries(self):
        def edit(entries):
            entries[8], entries[9] = entries[9], entries[8]
        self.assertTampered(self.tampered(edit), 9, 10)

    def test_untouched_document_verifies(self):
        q = self.tampered(lambda entries: None)
        self.assertTrue(q.get_journal().verify())


if __name__ == '__main__':
    unittest.main()
