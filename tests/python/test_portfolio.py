#!/usr/bin/python3
# Aff.Portfolio from Python: clients, parents, follow-up, development
# figures, and saving / loading (sync and async).
#
# Expected values are hand calculations from docs/rules.md.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib, Gio  # noqa: E402
import afftest  # noqa: E402
from afftest import D, ymd, to_text  # noqa: E402

Status = Aff.ClientStatus
Kind = Aff.InteractionKind


class AffTestCase(afftest.AffTestCase):
    def record(self, portfolio, client_id, kind, date, summary='',
               next_action=None, satisfaction=None, contact=None):
        i = Aff.Interaction.new(kind, date, summary)
        if next_action is not None:
            i.set_next_action_date(next_action)
        if satisfaction is not None:
            i.set_satisfaction(satisfaction)
        if contact is not None:
            i.set_contact(contact)
        self.assertTrue(portfolio.record_interaction(client_id, i))
        return i


class TestClients(AffTestCase):
    def test_add_lookup_order(self):
        p = Aff.Portfolio.new()
        clients = p.get_clients()
        self.assertIsInstance(clients, Gio.ListModel)
        self.assertEqual(clients.get_n_items(), 0)
        changes = []
        clients.connect('items-changed', lambda m, pos, rem, add: changes.append((pos, rem, add)))
        for cid in ('zeta', 'alpha', 'mu'):
            self.assertTrue(p.add_client(Aff.Client.new(cid, cid.title())))
        self.assertEqual(changes, [(0, 0, 1), (1, 0, 1), (2, 0, 1)])
        self.assertEqual([c.get_id() for c in clients], ['zeta', 'alpha', 'mu'])
        self.assertEqual(p.lookup_client('alpha').get_name(), 'Alpha')
        self.assertIs(p.lookup_client('alpha'), clients.get_item(1))
        self.assertIsNone(p.lookup_client('beta'))

    def test_duplicate(self):
        p = Aff.Portfolio.new()
        first = Aff.Client.new('acme', 'ACME')
        p.add_client(first)
        e = self.assertAffError(Aff.Error.DUPLICATE_ID, p.add_client,
                                Aff.Client.new('acme', 'Other ACME'))
        self.assertIn('acme', e.message)
        self.assertEqual(p.get_clients().get_n_items(), 1)
        self.assertIs(p.lookup_client('acme'), first)

    def test_invalid_ids(self):
        p = Aff.Portfolio.new()
        for cid in ('', 'a b', 'a\tb', 'a\nb', ' acme', 'acme ', 'a\x01b',
                    'x' * 65, '\u00e9' * 33):   # 33 x 2 bytes = 66 bytes
            with self.subTest(cid=cid):
                self.assertAffError(Aff.Error.INVALID_VALUE, p.add_client,
                                    Aff.Client.new(cid, 'Name'))
        self.assertEqual(p.get_clients().get_n_items(), 0)
        # 64 bytes is still fine
        self.assertTrue(p.add_client(Aff.Client.new('x' * 64, 'Long')))
        self.assertTrue(p.add_client(Aff.Client.new('\u00e9' * 32, 'Accents')))

    def test_remove(self):
        p = Aff.Portfolio.new()
        for cid in ('a', 'b', 'c'):
            p.add_client(Aff.Client.new(cid, cid))
        changes = []
        p.get_clients().connect('items-changed',
                                lambda m, pos, rem, add: changes.append((pos, rem, add)))
        e = self.assertAffError(Aff.Error.NOT_FOUND, p.remove_client, 'nobody')
        self.assertIn('nobody', e.message)
        self.assertTrue(p.remove_client('b'))
        self.assertEqual(changes, [(1, 1, 0)])
        self.assertIsNone(p.lookup_client('b'))
        self.assertEqual([c.get_id() for c in p.get_clients()], ['a', 'c'])
        self.assertAffError(Aff.Error.NOT_FOUND, p.remove_client, 'b')
        # the id is free again
        self.assertTrue(p.add_client(Aff.Client.new('b', 'b again')))

    def test_parent(self):
        p = Aff.Portfolio.new()
        for cid in ('group', 'plant', 'site', 'other'):
            p.add_client(Aff.Client.new(cid, cid))
        self.assertTrue(p.set_client_parent('plant', 'group'))
        self.assertTrue(p.set_client_parent('site', 'plant'))
        self.assertEqual(p.lookup_client('plant').get_parent_id(), 'group')
        self.assertEqual(p.lookup_client('site').get_parent_id(), 'plant')

        self.assertAffError(Aff.Error.NOT_FOUND, p.set_client_parent, 'nobody', 'group')
        self.assertAffError(Aff.Error.NOT_FOUND, p.set_client_parent, 'other', 'nobody')
        self.assertAffError(Aff.Error.INVALID_VALUE, p.set_client_parent, 'other', 'other')
        # group -> site would close group -> site -> plant -> group
        self.assertAffError(Aff.Error.INVALID_VALUE, p.set_client_parent, 'group', 'site')
        self.assertAffError(Aff.Error.INVALID_VALUE, p.set_client_parent, 'plant', 'site')
        self.assertIsNone(p.lookup_client('group').get_parent_id())
        self.assertEqual(p.lookup_client('plant').get_parent_id(), 'group')

        # a parent named by another client cannot go
        e = self.assertAffError(Aff.Error.IN_USE, p.remove_client, 'group')
        self.assertIn('group', e.message)
        self.assertIsNotNone(p.lookup_client('group'))
        self.assertEqual(p.get_clients().get_n_items(), 4)
        # a child can
        self.assertTrue(p.remove_client('site'))
        self.assertAffError(Aff.Error.IN_USE, p.remove_client, 'group')
        # once the link is cleared, the parent can go
        self.assertTrue(p.set_client_parent('plant', None))
        self.assertIsNone(p.lookup_client('plant').get_parent_id())
        self.assertTrue(p.remove_client('group'))
        self.assertEqual([c.get_id() for c in p.get_clients()], ['plant', 'other'])


class TestFollowUp(AffTestCase):
    def test_policy_defaults(self):
        policy = Aff.Portfolio.new().get_policy()
        self.assertEqual(policy.get_follow_up_days_prospect(), 30)
        self.assertEqual(policy.get_follow_up_days_active(), 60)
        self.assertEqual(policy.get_follow_up_days_dormant(), 180)

    def test_follow_up_days(self):
        p = Aff.Portfolio.new()
        c = Aff.Client.new('acme', 'ACME')
        p.add_client(c)
        self.assertEqual(p.get_follow_up_days(c), 30)
        c.change_status(Status.ACTIVE, D(2026, 1, 1), 'order')
        self.assertEqual(p.get_follow_up_days(c), 60)
        c.change_status(Status.DORMANT, D(2026, 2, 1), 'quiet')
        self.assertEqual(p.get_follow_up_days(c), 180)
        p.get_policy().set_follow_up_days_dormant(120)
        self.assertEqual(p.get_follow_up_days(c), 120)
        c.set_follow_up_days(15)
        self.assertEqual(p.get_follow_up_days(c), 15)
        c.change_status(Status.LOST, D(2026, 3, 1), 'gone')
        self.assertEqual(p.get_follow_up_days(c), 0)   # LOST: none, even with an override

    def build(self):
        """Clients whose follow-up dates are worked out by hand below."""
        p = Aff.Portfolio.new()
        R = self.record
        for cid in ('juliet', 'india', 'hotel', 'golf', 'foxtrot', 'echo',
                    'delta', 'charlie', 'bravo', 'alpha', 'kilo', 'lima'):
            p.add_client(Aff.Client.new(cid, cid.title()))
        L = p.lookup_client
        # alpha, hotel: prospects never contacted -> always due, no date
        # bravo: prospect, call 2026-05-01 + 30 = 2026-05-31
        R(p, 'bravo', Kind.CALL, D(2026, 5, 1))
        # kilo: same date as bravo -> ordered by id after bravo
        R(p, 'kilo', Kind.EMAIL, D(2026, 5, 1))
        # charlie: active, visit 2026-05-15 + 60 = 2026-07-14
        L('charlie').change_status(Status.ACTIVE, D(2026, 1, 10), 'order')
        R(p, 'charlie', Kind.VISIT, D(2026, 5, 15))
        # delta: active, 2026-06-01 + 60 = 2026-07-31 but next action
        # 2026-06-10 is earlier -> 2026-06-10
        L('delta').change_status(Status.ACTIVE, D(2026, 1, 10), 'order')
        R(p, 'delta', Kind.MEETING, D(2026, 6, 1), next_action=D(2026, 6, 10))
        # echo: dormant, 2025-12-01 + 180 days = 2026-05-30
        # (Dec 30 + Jan 31 + Feb 28 + Mar 31 + Apr 30 = 150 -> Apr 30, +30 -> May 30)
        L('echo').change_status(Status.ACTIVE, D(2025, 1, 1), 'order')
        L('echo').change_status(Status.DORMANT, D(2025, 11, 1), 'quiet')
        R(p, 'echo', Kind.CALL, D(2025, 12, 1))
        # foxtrot: lost -> never listed, no date
        L('foxtrot').change_status(Status.LOST, D(2026, 2, 1), 'competitor')
        R(p, 'foxtrot', Kind.CALL, D(2026, 1, 5))
        # golf: prospect with its own cadence 10: 2026-06-25 + 10 = 2026-07-05
        L('golf').set_follow_up_days(10)
        R(p, 'golf', Kind.TRADE_SHOW, D(2026, 6, 25))
        # india: active; latest interaction by date is 2026-06-20 (next action
        # 2026-06-22) although an older one with next action 2026-09-01 was
        # recorded after it -> min(2026-06-20 + 60 = 2026-08-19, 2026-06-22)
        L('india').change_status(Status.ACTIVE, D(2026, 1, 10), 'order')
        R(p, 'india', Kind.CALL, D(2026, 6, 20), next_action=D(2026, 6, 22))
        R(p, 'india', Kind.VISIT, D(2026, 4, 1), next_action=D(2026, 9, 1))
        # juliet: active, 2026-05-01 + 60 = 2026-06-30: due on that very day
        L('juliet').change_status(Status.ACTIVE, D(2026, 1, 10), 'order')
        R(p, 'juliet', Kind.CALL, D(2026, 5, 1))
        # lima: active, two interactions on 2026-06-01; the one recorded last
        # is the latest and has no next action, so the first one's
        # 2026-06-05 does not count -> 2026-06-01 + 60 = 2026-07-31
        L('lima').change_status(Status.ACTIVE, D(2026, 1, 10), 'order')
        R(p, 'lima', Kind.CALL, D(2026, 6, 1), next_action=D(2026, 6, 5))
        R(p, 'lima', Kind.EMAIL, D(2026, 6, 1))
        return p

    def test_follow_up_dates(self):
        p = self.build()
        expected = {
            'alpha': None, 'hotel': None, 'foxtrot': None,
            'bravo': (2026, 5, 31), 'kilo': (2026, 5, 31),
            'charlie': (2026, 7, 14), 'delta': (2026, 6, 10),
            'echo': (2026, 5, 30), 'golf': (2026, 7, 5),
            'india': (2026, 6, 22), 'juliet': (2026, 6, 30),
            'lima': (2026, 7, 31),
        }
        for cid, date in expected.items():
            with self.subTest(client=cid):
                ok, got = p.get_follow_up_date(p.lookup_client(cid))
                if date is None:
                    self.assertFalse(ok)
                else:
                    self.assertTrue(ok)
                    self.assertEqual(ymd(got), date)

    def test_due_list(self):
        p = self.build()
        due = p.list_clients_due_for_follow_up(D(2026, 6, 30))
        # never contacted first (by id), then by follow-up date, then id:
        # echo 05-30, bravo 05-31, kilo 05-31, delta 06-10, india 06-22,
        # juliet 06-30. Not due: charlie 07-14, golf 07-05, lima 07-31;
        # foxtrot is lost.
        self.assertEqual([c.get_id() for c in due],
                         ['alpha', 'hotel', 'echo', 'bravo', 'kilo', 'delta',
                          'india', 'juliet'])
        # the day before, juliet (06-30) is not due yet
        due = p.list_clients_due_for_follow_up(D(2026, 6, 29))
        self.assertEqual([c.get_id() for c in due],
                         ['alpha', 'hotel', 'echo', 'bravo', 'kilo', 'delta', 'india'])
        # far in the past only the never-contacted are due
        due = p.list_clients_due_for_follow_up(D(2020, 1, 1))
        self.assertEqual([c.get_id() for c in due], ['alpha', 'hotel'])

    def test_due_list_policy_tweak(self):
        p = self.build()
        # active cadence 45: charlie 2026-05-15 + 45 = 2026-06-29 -> due;
        # juliet 2026-05-01 + 45 = 2026-06-15; lima 2026-06-01 + 45 = 2026-07-16;
        # india min(2026-06-20 + 45 = 2026-08-04, 2026-06-22) = 2026-06-22;
        # delta min(2026-07-16, 2026-06-10) = 2026-06-10
        p.get_policy().set_follow_up_days_active(45)
        due = p.list_clients_due_for_follow_up(D(2026, 6, 30))
        self.assertEqual([c.get_id() for c in due],
                         ['alpha', 'hotel', 'echo', 'bravo', 'kilo', 'delta',
                          'juliet', 'india', 'charlie'])
        # a client-specific cadence wins over the policy:
        # charlie 2026-05-15 + 90 = 2026-08-13 -> no longer due
        p.lookup_client('charlie').set_follow_up_days(90)
        ok, date = p.get_follow_up_date(p.lookup_client('charlie'))
        self.assertTrue(ok)
        self.assertEqual(ymd(date), (2026, 8, 13))
        due = p.list_clients_due_for_follow_up(D(2026, 6, 30))
        self.assertNotIn('charlie', [c.get_id() for c in due])


class TestDevelopment(AffTestCase):
    def build(self):
        p = Aff.Portfolio.new()
        for cid in 'ABCDEFGH':
            p.add_client(Aff.Client.new(cid, 'Client ' + cid))
        L = p.lookup_client
        # A: prospect throughout
        # B: prospect -> active 2026-03-01
        L('B').change_status(Status.ACTIVE, D(2026, 3, 1), 'first order')
        # C: active since 2025-06-01, dormant 2026-04-01
        L('C').change_status(Status.ACTIVE, D(2025, 6, 1), 'order')
        L('C').change_status(Status.DORMANT, D(2026, 4, 1), 'quiet')
        # D: prospect, lost 2026-05-01
        L('D').change_status(Status.LOST, D(2026, 5, 1), 'no budget')
        # E: prospect, converted only after the period (2026-07-15)
        L('E').change_status(Status.ACTIVE, D(2026, 7, 15), 'order')
        # F: active 2025-03-01, dormant 2025-09-01, prospect again 2026-02-01,
        #    active 2026-06-30 (last day of the period)
        L('F').change_status(Status.ACTIVE, D(2025, 3, 1), 'order')
        L('F').change_status(Status.DORMANT, D(2025, 9, 1), 'quiet')
        L('F').change_status(Status.PROSPECT, D(2026, 2, 1), 'new project')
        L('F').change_status(Status.ACTIVE, D(2026, 6, 30), 'order')
        # G: converted on the first day of the period
        L('G').change_status(Status.ACTIVE, D(2026, 1, 1), 'order')
        # H: lost 2025-10-01, prospect again on the first day of the period
        L('H').change_status(Status.LOST, D(2025, 10, 1), 'gone')
        L('H').change_status(Status.PROSPECT, D(2026, 1, 1), 'back')
        # interactions: in the period A 02-01, B 03-01, C 06-30, D 01-01 (4);
        # outside A 2025-12-15, E 2026-07-01
        self.record(p, 'A', Kind.CALL, D(2025, 12, 15))
        self.record(p, 'A', Kind.CALL, D(2026, 2, 1))
        self.record(p, 'B', Kind.VISIT, D(2026, 3, 1))
        self.record(p, 'C', Kind.EMAIL, D(2026, 6, 30))
        self.record(p, 'D', Kind.WATCH, D(2026, 1, 1))
        self.record(p, 'E', Kind.CALL, D(2026, 7, 1))
        return p

    def assertFigures(self, f, **expected):
        got = {name: getattr(f, 'get_' + name)() for name in expected}
        self.assertEqual(got, expected)

    def test_period(self):
        p = self.build()
        f = p.compute_development(D(2026, 1, 1), D(2026, 6, 30))
        # status at 2026-06-30: A P, B A, C D, D L, E P, F A, G A, H P
        # converted P->A in [01-01, 06-30]: B, F (06-30), G (01-01) = 3
        # prospects on the eve (2025-12-31): A, B, D, E, G = 5 (C active,
        # F dormant, H lost), plus changes to P in [01-01, 06-30]: H (01-01),
        # F (02-01) = 7
        # lost in period: D = 1; interactions in period: 4
        # conversion: 3 * 10000 / 7 = 4285.71 -> 4286 bp
        self.assertFigures(f, n_prospects=3, n_active=3, n_dormant=1, n_lost=1,
                           n_converted=3, n_prospects_in_period=7,
                           n_lost_in_period=1, n_interactions=4,
                           conversion_rate=4286)
        # the same figures straight from the clients model
        g = Aff.DevelopmentFigures.compute(p.get_clients(), D(2026, 1, 1), D(2026, 6, 30))
        self.assertFigures(g, n_prospects=3, n_active=3, n_dormant=1, n_lost=1,
                           n_converted=3, n_prospects_in_period=7,
                           n_lost_in_period=1, n_interactions=4,
                           conversion_rate=4286)

    def test_earlier_period(self):
        p = self.build()
        f = p.compute_development(D(2025, 1, 1), D(2025, 12, 31))
        # status at 2025-12-31: A B D E G P; C A; F D(ormant); H L
        # converted in 2025: C (06-01), F (03-01) = 2
        # prospects on the eve (2024-12-31): all 8; changes to P in 2025: none -> 8
        # lost in 2025: H = 1; interactions in 2025: A 12-15 = 1
        # conversion 2 * 10000 / 8 = 2500
        self.assertFigures(f, n_prospects=5, n_active=1, n_dormant=1, n_lost=1,
                           n_converted=2, n_prospects_in_period=8,
                           n_lost_in_period=1, n_interactions=1,
                           conversion_rate=2500)

    def test_single_day_and_errors(self):
        p = self.build()
        f = p.compute_development(D(2026, 6, 30), D(2026, 6, 30))
        # F converts on 06-30; on the eve (06-29) the prospects are A, E,
        # F (prospect again since 02-01) and H = 4, no change to P on 06-30
        # conversion 1 * 10000 / 4 = 2500; one interaction (C) that day
        self.assertFigures(f, n_prospects=3, n_active=3, n_converted=1,
                           n_prospects_in_period=4, n_lost_in_period=0,
                           n_interactions=1, conversion_rate=2500)
        self.assertAffError(Aff.Error.INVALID_VALUE, p.compute_development,
                            D(2026, 7, 1), D(2026, 6, 30))

    def test_empty(self):
        f = Aff.Portfolio.new().compute_development(D(2026, 1, 1), D(2026, 12, 31))
        self.assertFigures(f, n_prospects=0, n_active=0, n_dormant=0, n_lost=0,
                           n_converted=0, n_prospects_in_period=0,
                           n_lost_in_period=0, n_interactions=0,
                           conversion_rate=0)

    def test_conversion_rounding(self):
        # 32 prospects on the eve of from; 10000 / 32 = 312.5 bp
        p = Aff.Portfolio.new()
        for n in range(32):
            p.add_client(Aff.Client.new('p%02d' % n, 'Prospect %d' % n))
        frm, to = D(2026, 1, 1), D(2026, 12, 31)
        p.lookup_client('p00').change_status(Status.ACTIVE, D(2026, 3, 1), 'order')
        # 1 / 32 -> 312.5 -> half to even -> 312
        self.assertEqual(p.compute_development(frm, to).get_conversion_rate(), 312)
        p.lookup_client('p01').change_status(Status.ACTIVE, D(2026, 3, 1), 'order')
        p.lookup_client('p02').change_status(Status.ACTIVE, D(2026, 3, 1), 'order')
        # 3 / 32 -> 937.5 -> 938
        self.assertEqual(p.compute_development(frm, to).get_conversion_rate(), 938)
        # 3 prospects only: 1 / 3 -> 3333.3 -> 3333; 2 / 3 -> 6666.7 -> 6667
        q = Aff.Portfolio.new()
        for cid in ('x', 'y', 'z'):
            q.add_client(Aff.Client.new(cid, cid))
        q.lookup_client('x').change_status(Status.ACTIVE, D(2026, 3, 1), 'order')
        self.assertEqual(q.compute_development(frm, to).get_conversion_rate(), 3333)
        q.lookup_client('y').change_status(Status.ACTIVE, D(2026, 3, 1), 'order')
        self.assertEqual(q.compute_development(frm, to).get_conversion_rate(), 6667)


class TestPersistence(AffTestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix='aff-test-')
        self.addCleanup(self.tmp.cleanup)

    def path(self, name='portfolio.json'):
        return os.path.join(self.tmp.name, name)

    def build(self):
        p = Aff.Portfolio.new()
        p.set_actor('Claire Martin')
        p.set_fixed_time(GLib.DateTime.new_utc(2026, 3, 2, 9, 30, 0))
        p.set_name('Agence Est')
        policy = p.get_policy()
        policy.set_follow_up_days_prospect(20)
        policy.set_follow_up_days_active(45)
        policy.set_target_margin_rate(1800)
        policy.set_labour_rate('technicien', Aff.Money.parse('62.50 EUR'))
        group = Aff.Client.new('groupe-acme', 'Groupe ACME')
        p.add_client(group)
        acme = Aff.Client.new('acme-67', 'ACME Strasbourg')
        p.add_client(acme)
        acme.set_siren('732829320')
        acme.set_sector('28.29B')
        acme.set_address('12 rue des Forges\n67000 Strasbourg')
        acme.set_follow_up_days(15)
        contact = Aff.Contact.new('Jean Dupont')
        contact.set_role('Responsable maintenance')
        contact.set_email('jean.dupont@acme.fr')
        contact.set_phone('+33 3 88 00 00 00')
        acme.add_contact(contact)
        p.set_client_parent('acme-67', 'groupe-acme')
        acme.change_status(Status.ACTIVE, D(2026, 2, 1), 'première commande')
        self.record(p, 'acme-67', Kind.VISIT, D(2026, 2, 10), 'visite du site',
                    contact='Jean Dupont', next_action=D(2026, 3, 1))
        self.record(p, 'acme-67', Kind.SURVEY, D(2026, 2, 20), 'enquête',
                    satisfaction=8)
        beta = Aff.Client.new('beta', 'Béta Mécanique')
        p.add_client(beta)
        beta.set_siren('542107651')
        beta.change_status(Status.LOST, D(2026, 1, 15), 'concurrent moins cher')
        return p

    def check_loaded(self, q):
        self.assertEqual(q.get_name(), 'Agence Est')
        policy = q.get_policy()
        self.assertEqual(policy.get_follow_up_days_prospect(), 20)
        self.assertEqual(policy.get_follow_up_days_active(), 45)
        self.assertEqual(policy.get_target_margin_rate(), 1800)
        rate = policy.get_labour_rate('technicien')
        self.assertEqual((rate.get_minor(), rate.get_currency()), (6250, 'EUR'))
        self.assertEqual([c.get_id() for c in q.get_clients()],
                         ['groupe-acme', 'acme-67', 'beta'])
        acme = q.lookup_client('acme-67')
        self.assertEqual(acme.get_name(), 'ACME Strasbourg')
        self.assertEqual(acme.get_siren(), '732829320')
        self.assertEqual(acme.get_sector(), '28.29B')
        self.assertEqual(acme.get_address(), '12 rue des Forges\n67000 Strasbourg')
        self.assertEqual(acme.get_follow_up_days(), 15)
        self.assertEqual(acme.get_parent_id(), 'groupe-acme')
        self.assertEqual(acme.get_status(), Status.ACTIVE)
        self.assertEqual(acme.get_status_at(D(2026, 1, 31)), Status.PROSPECT)
        self.assertEqual(acme.get_status_at(D(2026, 2, 1)), Status.ACTIVE)
        jean = acme.lookup_contact('Jean Dupont')
        self.assertEqual((jean.get_role(), jean.get_email(), jean.get_phone()),
                         ('Responsable maintenance', 'jean.dupont@acme.fr',
                          '+33 3 88 00 00 00'))
        inter = list(acme.get_interactions())
        self.assertEqual([i.get_id() for i in inter], ['acme-67-1', 'acme-67-2'])
        self.assertEqual(inter[0].get_kind(), Kind.VISIT)
        self.assertEqual(ymd(inter[0].get_date()), (2026, 2, 10))
        self.assertEqual(inter[0].get_contact(), 'Jean Dupont')
        self.assertEqual(ymd(inter[0].get_next_action_date()), (2026, 3, 1))
        self.assertEqual(inter[0].get_satisfaction(), -1)
        self.assertEqual(inter[1].get_satisfaction(), 8)
        self.assertEqual(inter[1].get_summary(), 'enquête')
        beta = q.lookup_client('beta')
        self.assertEqual(beta.get_name(), 'Béta Mécanique')
        self.assertEqual(beta.get_status(), Status.LOST)
        self.assertEqual(beta.get_status_at(D(2026, 1, 14)), Status.PROSPECT)
        # the parent link still protects the parent
        self.assertAffError(Aff.Error.IN_USE, q.remove_client, 'groupe-acme')
        # a new interaction continues the numbering
        i = self.record(q, 'acme-67', Kind.CALL, D(2026, 3, 5), 'relance')
        self.assertEqual(i.get_id(), 'acme-67-3')

    def test_data_round_trip(self):
        p = self.build()
        text = to_text(p)
        doc = json.loads(text)
        self.assertEqual(doc['format'], 'libaffaires-portfolio')
        self.assertEqual(doc['version'], 5)
        q = Aff.Portfolio.new_from_data(text, -1)
        self.assertEqual(to_text(q), text)
        self.assertTrue(q.get_journal().verify())
        self.assertEqual(q.get_journal().get_n_entries(), p.get_journal().get_n_entries())
        self.assertEqual(q.get_journal().get_head_hash(), p.get_journal().get_head_hash())
        self.check_loaded(q)

    def test_file_round_trip(self):
        p = self.build()
        path = self.path()
        self.assertTrue(p.save_to_file(path))
        # atomic save leaves no temporary file behind
        self.assertEqual(os.listdir(self.tmp.name), ['portfolio.json'])
        with open(path, encoding='utf-8') as f:
            self.assertEqual(f.read(), to_text(p))
        q = Aff.Portfolio.new_from_file(path)
        self.assertEqual(to_text(q), to_text(p))
        self.assertTrue(q.get_journal().verify())
        self.check_loaded(q)
        # saving over an existing file replaces it
        q.set_name('Agence Est (copie)')
        self.assertTrue(q.save_to_file(path))
        self.assertEqual(os.listdir(self.tmp.name), ['portfolio.json'])
        self.assertEqual(Aff.Portfolio.new_from_file(path).get_name(), 'Agence Est (copie)')

    def test_empty_round_trip(self):
        p = Aff.Portfolio.new()
        text = to_text(p)
        self.assertEqual(to_text(Aff.Portfolio.new_from_data(text, -1)), text)

    def run_loop(self, start):
        loop = GLib.MainLoop()
        box = {}

        def done(value=None, error=None):
            box['value'], box['error'] = value, error
            loop.quit()

        def give_up():
            box['timed_out'] = True
            loop.quit()
            return GLib.SOURCE_REMOVE
        start(done)
        timeout = GLib.timeout_add_seconds(30, give_up)
        loop.run()
        if 'timed_out' not in box:
            GLib.source_remove(timeout)
        self.assertIn('value', box, 'async operation did not finish')
        return box['value'], box['error']

    def save_async(self, p, path):
        def start(done):
            def cb(source, result, *data):
                try:
                    done(value=source.save_to_file_finish(result))
                except GLib.Error as e:
                    done(error=e)
            p.save_to_file_async(path, None, cb, None)
        return self.run_loop(start)

    def load_async(self, path):
        def start(done):
            def cb(source, result, *data):
                try:
                    done(value=Aff.Portfolio.new_from_file_finish(result))
                except GLib.Error as e:
                    done(error=e)
            Aff.Portfolio.new_from_file_async(path, None, cb, None)
        return self.run_loop(start)

    def test_async_round_trip(self):
        p = self.build()
        path = self.path()
        ok, error = self.save_async(p, path)
        self.assertIsNone(error)
        self.assertTrue(ok)
        self.assertEqual(os.listdir(self.tmp.name), ['portfolio.json'])
        q, error = self.load_async(path)
        self.assertIsNone(error)
        self.assertIsInstance(q, Aff.Portfolio)
        self.assertEqual(to_text(q), to_text(p))
        self.assertTrue(q.get_journal().verify())
        self.check_loaded(q)

    def test_async_errors(self):
        q, error = self.load_async(self.path('missing.json'))
        self.assertIsNone(q)
        self.assertIsInstance(error, GLib.Error)
        bad = self.path('bad.json')
        with open(bad, 'w') as f:
            f.write('{"format": "libaffaires-portfolio", "version": 1, "bogus": true}')
        q, error = self.load_async(bad)
        self.assertIsNone(q)
        self.assertTrue(error.matches(Aff.error_quark(), Aff.Error.INVALID_DOCUMENT),
                        error.message)
        _, error = self.save_async(Aff.Portfolio.new(),
                                   os.path.join(self.tmp.name, 'no', 'such', 'dir.json'))
        self.assertIsInstance(error, GLib.Error)

    def test_file_errors(self):
        with self.assertRaises(GLib.Error):
            Aff.Portfolio.new_from_file(self.path('missing.json'))
        with self.assertRaises(GLib.Error):
            Aff.Portfolio.new().save_to_file(os.path.join(self.tmp.name, 'no', 'x.json'))
        # bytes that are not UTF-8
        bad = self.path('latin1.json')
        with open(bad, 'wb') as f:
            f.write(b'{"format": "libaffaires-portfolio", "version": 1, "name": "\xe9"}')
        self.assertAffError(Aff.Error.INVALID_DOCUMENT, Aff.Portfolio.new_from_file, bad)

    def test_invalid_documents(self):
        load = Aff.Portfolio.new_from_data
        e = self.assertAffError(Aff.Error.UNSUPPORTED_VERSION, load,
                                '{"format": "libaffaires-portfolio", "version": 6}', -1)
        for text in ('', 'not json', '[]', '{}', '{"format": "other", "version": 1}',
                     '{"format": "libaffaires-portfolio", "version": "1"}',
                     '{"format": "libaffaires-portfolio", "version": 1, "bogus": 1}',
                     '{"format": "libaffaires-portfolio", "version": 1, "clients": {}}',
                     '{"format": "libaffaires-portfolio", "version": 1'):
            with self.subTest(text=text[:60]):
                e = self.assertAffError(Aff.Error.INVALID_DOCUMENT, load, text, -1)
        e = self.assertAffError(Aff.Error.INVALID_DOCUMENT, load,
                                '{"format": "libaffaires-portfolio", "version": 1, "bogus": 1}', -1)
        self.assertTrue(e.message.startswith('$'), e.message)
        e = self.assertAffError(Aff.Error.INVALID_DOCUMENT, load,
                                '{"format": "other", "version": 1}', -1)
        self.assertTrue(e.message.startswith('$.format'), e.message)

    def test_hostile_documents(self):
        # Run in a child process so that a crash is reported, not fatal.
        script = textwrap.dedent('''
            import sys
            import gi
            gi.require_version('Aff', '1')
            from gi.repository import Aff, GLib
            depth = 100000
            docs = ['[' * depth + ']' * depth,
                    '{"a":' * depth + '1' + '}' * depth,
                    '{"format": "libaffaires-portfolio", "version": 1, "clients": ['
                    + '[' * depth + ']' * depth + ']}',
                    '{"format": "libaffaires-portfolio", "version": 1e400}',
                    '{"format": "libaffaires-portfolio", "version": 1, "name": "'
                    + 'x' * (64 << 20) + '"',
                    '{"format": "libaffaires-portfolio", "version": 1, "clients": '
                    '[{"id": 12345678901234567890123456789}]}']
            for doc in docs:
                try:
                    Aff.Portfolio.new_from_data(doc, -1)
                except GLib.Error as e:
                    print(e.code)
                else:
                    print('loaded')
        ''')
        res = subprocess.run([sys.executable, '-c', script], capture_output=True,
                             text=True, timeout=300)
        self.assertEqual(res.returncode, 0, res.stderr[-2000:])
        codes = res.stdout.split()
        self.assertEqual(len(codes), 6, res.stdout)
        for code in codes[:3] + codes[4:]:
            self.assertEqual(code, str(int(Aff.Error.INVALID_DOCUMENT)))
        self.assertIn(codes[3], (str(int(Aff.Error.INVALID_DOCUMENT)),
                                 str(int(Aff.Error.UNSUPPORTED_VERSION))))

    def test_invalid_client_path(self):
        doc = json.loads(to_text(self.build()))
        doc['clients'][2]['siren'] = '732829321'   # check digit off by one
        e = self.assertAffError(Aff.Error.INVALID_DOCUMENT, Aff.Portfolio.new_from_data,
                                json.dumps(doc), -1)
        self.assertTrue(e.message.startswith('$.clients[2].siren'), e.message)
        doc = json.loads(to_text(self.build()))
        doc['clients'][1]['unknown_member'] = True
        e = self.assertAffError(Aff.Error.INVALID_DOCUMENT, Aff.Portfolio.new_from_data,
                                json.dumps(doc), -1)
        self.assertTrue(e.message.startswith('$.clients[1]'), e.message)


if __name__ == '__main__':
    unittest.main()
