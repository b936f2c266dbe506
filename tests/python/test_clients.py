#!/usr/bin/python3
# Aff.Client, Aff.Contact and Aff.Interaction from Python.
#
# Expected values are hand calculations from docs/rules.md.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import unittest

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib, Gio  # noqa: E402
import afftest  # noqa: E402
from afftest import D, ymd  # noqa: E402

Status = Aff.ClientStatus
Kind = Aff.InteractionKind



AffTestCase = afftest.AffTestCase


class TestClient(AffTestCase):
    def test_new(self):
        c = Aff.Client.new('acme', 'ACME Industrie')
        self.assertEqual(c.get_id(), 'acme')
        self.assertEqual(c.get_name(), 'ACME Industrie')
        self.assertEqual(c.get_status(), Status.PROSPECT)
        self.assertIsNone(c.get_siren())
        self.assertIsNone(c.get_sector())
        self.assertIsNone(c.get_parent_id())
        self.assertEqual(c.get_follow_up_days(), 0)
        self.assertEqual(len(c.get_contacts()), 0)
        self.assertEqual(len(c.get_interactions()), 0)
        self.assertIsNone(c.get_last_interaction())
        self.assertEqual(c.props.id, 'acme')
        self.assertEqual(c.props.name, 'ACME Industrie')

    def test_simple_properties(self):
        c = Aff.Client.new('acme', 'ACME')
        notified = []
        c.connect('notify::name', lambda obj, pspec: notified.append(pspec.name))
        c.set_name('ACME Industrie SAS')
        c.set_name('ACME Industrie SAS')    # no change, no notify
        self.assertEqual(notified, ['name'])
        self.assertEqual(c.get_name(), 'ACME Industrie SAS')
        c.set_address('12 rue des Forges, 67000 Strasbourg')
        self.assertEqual(c.get_address(), '12 rue des Forges, 67000 Strasbourg')
        c.set_follow_up_days(15)
        self.assertEqual(c.get_follow_up_days(), 15)
        c.set_follow_up_days(0)
        self.assertEqual(c.get_follow_up_days(), 0)


class TestSiren(AffTestCase):
    # Luhn by hand for 732829320 (doubling every second digit from the right):
    #   digits 7 3 2 8 2 9 3 2 0 -> 7 6 2 16->7 2 18->9 3 4 0 = 40, 40 % 10 == 0
    # and 732829321 sums to 41: rejected.
    VALID = ('732829320', '542107651', '443061841')
    INVALID = ('732829321', '12345678', '73282932A', '7328293200', '',
               ' 732829320', '732829320 ', '732 829 320',
               '\uff17\uff13\uff12\uff18\uff12\uff19\uff13\uff12\uff10',  # full-width
               '542107650')

    def test_valid(self):
        c = Aff.Client.new('acme', 'ACME')
        for siren in self.VALID:
            with self.subTest(siren=siren):
                self.assertTrue(Aff.siren_is_valid(siren))
                self.assertTrue(c.set_siren(siren))
                self.assertEqual(c.get_siren(), siren)

    def test_invalid(self):
        c = Aff.Client.new('acme', 'ACME')
        c.set_siren('732829320')
        for siren in self.INVALID:
            with self.subTest(siren=siren):
                self.assertFalse(Aff.siren_is_valid(siren))
                self.assertAffError(Aff.Error.INVALID_VALUE, c.set_siren, siren)
                # a refused value changes nothing
                self.assertEqual(c.get_siren(), '732829320')

    def test_clear(self):
        c = Aff.Client.new('acme', 'ACME')
        c.set_siren('542107651')
        c.set_siren(None)
        self.assertIsNone(c.get_siren())


class TestSector(AffTestCase):
    def test_valid(self):
        c = Aff.Client.new('acme', 'ACME')
        for naf in ('28.29B', '33.12Z', '71.12B', '01.11Z'):
            with self.subTest(naf=naf):
                self.assertTrue(c.set_sector(naf))
                self.assertEqual(c.get_sector(), naf)
        c.set_sector(None)
        self.assertIsNone(c.get_sector())

    def test_invalid(self):
        c = Aff.Client.new('acme', 'ACME')
        c.set_sector('33.12Z')
        for naf in ('2829B', '28.29', '28.291', 'AB.CDE', '28,29B', '128.29B',
                    '28.29BB', '', ' 28.29B', '2.829B', '28.2B9'):
            with self.subTest(naf=naf):
                self.assertAffError(Aff.Error.INVALID_VALUE, c.set_sector, naf)
                self.assertEqual(c.get_sector(), '33.12Z')


class TestStatus(AffTestCase):
    def test_changes_and_history(self):
        c = Aff.Client.new('acme', 'ACME')
        notified = []
        c.connect('notify::status', lambda *a: notified.append(c.get_status()))
        self.assertEqual(c.get_status_at(D(2020, 1, 1)), Status.PROSPECT)

        self.assertTrue(c.change_status(Status.ACTIVE, D(2026, 3, 1), 'first order'))
        self.assertEqual(c.get_status(), Status.ACTIVE)
        self.assertEqual(notified, [Status.ACTIVE])

        # same status -> INVALID_TRANSITION, nothing changes
        self.assertAffError(Aff.Error.INVALID_TRANSITION, c.change_status,
                            Status.ACTIVE, D(2026, 4, 1), 'again')
        # dated before the latest change -> INVALID_VALUE, nothing changes
        self.assertAffError(Aff.Error.INVALID_VALUE, c.change_status,
                            Status.DORMANT, D(2026, 2, 28), 'too early')
        self.assertEqual(c.get_status(), Status.ACTIVE)
        self.assertEqual(notified, [Status.ACTIVE])

        c.change_status(Status.DORMANT, D(2026, 9, 1), 'no orders')
        # same day as the latest change is not "before" it
        c.change_status(Status.LOST, D(2026, 9, 1), 'went to a competitor')
        # any other change is allowed, even back from LOST
        c.change_status(Status.PROSPECT, D(2027, 1, 10), 'new management')
        self.assertEqual(c.get_status(), Status.PROSPECT)

        expected = [
            (D(2026, 2, 28), Status.PROSPECT),   # before the first change
            (D(2026, 3, 1), Status.ACTIVE),      # on the change date
            (D(2026, 4, 1), Status.ACTIVE),      # refused change left no trace
            (D(2026, 8, 31), Status.ACTIVE),
            (D(2026, 9, 1), Status.LOST),        # last of two changes that day
            (D(2027, 1, 9), Status.LOST),
            (D(2027, 1, 10), Status.PROSPECT),
            (D(2040, 1, 1), Status.PROSPECT),
        ]
        for date, status in expected:
            with self.subTest(date=ymd(date)):
                self.assertEqual(c.get_status_at(date), status)

    def test_no_change_before_first(self):
        c = Aff.Client.new('acme', 'ACME')
        c.change_status(Status.LOST, D(2026, 5, 5), 'no budget')
        self.assertEqual(c.get_status_at(D(2026, 5, 4)), Status.PROSPECT)
        self.assertEqual(c.get_status_at(D(2026, 5, 5)), Status.LOST)


class TestContacts(AffTestCase):
    def make_contact(self, name, role=None, email=None, phone=None):
        contact = Aff.Contact.new(name)
        if role is not None:
            contact.set_role(role)
        if email is not None:
            contact.props.email = email
        if phone is not None:
            contact.set_phone(phone)
        return contact

    def test_add_and_lookup(self):
        c = Aff.Client.new('acme', 'ACME')
        jean = self.make_contact('Jean Dupont', 'Responsable maintenance',
                                 'jean.dupont@acme.fr', '+33 3 88 00 00 00')
        marie = self.make_contact('Marie Curie', 'Acheteuse')
        self.assertTrue(c.add_contact(jean))
        self.assertTrue(c.add_contact(marie))
        contacts = c.get_contacts()
        self.assertIsInstance(contacts, Gio.ListModel)
        self.assertEqual(contacts.get_n_items(), 2)
        self.assertEqual(sorted(x.get_name() for x in contacts),
                         ['Jean Dupont', 'Marie Curie'])
        found = c.lookup_contact('Jean Dupont')
        self.assertIsNotNone(found)
        self.assertEqual(found.get_role(), 'Responsable maintenance')
        self.assertEqual(found.get_email(), 'jean.dupont@acme.fr')
        self.assertEqual(found.get_phone(), '+33 3 88 00 00 00')
        self.assertEqual(found.props.role, 'Responsable maintenance')
        self.assertIsNone(c.lookup_contact('Marie Curie').get_email())
        self.assertIsNone(c.lookup_contact('Paul Martin'))

    def test_duplicate(self):
        c = Aff.Client.new('acme', 'ACME')
        c.add_contact(self.make_contact('Jean Dupont', 'Responsable maintenance'))
        e = self.assertAffError(Aff.Error.DUPLICATE_ID, c.add_contact,
                                self.make_contact('Jean Dupont', 'Directeur'))
        self.assertIn('Jean Dupont', e.message)
        self.assertEqual(c.get_contacts().get_n_items(), 1)
        self.assertEqual(c.lookup_contact('Jean Dupont').get_role(),
                         'Responsable maintenance')

    def test_email(self):
        c = Aff.Client.new('acme', 'ACME')
        for i, email in enumerate(('jean.dupont', 'jean@acme', '@acme.fr',
                                   'jean@', 'jean@@acme.fr', 'jean@acme.',
                                   'jean dupont@acme.fr')):
            with self.subTest(email=email):
                self.assertAffError(Aff.Error.INVALID_VALUE, c.add_contact,
                                    self.make_contact('Bad %d' % i, email=email))
                self.assertIsNone(c.lookup_contact('Bad %d' % i))
        self.assertEqual(c.get_contacts().get_n_items(), 0)
        for i, email in enumerate(('marie@site.acme.fr',
                                   'j.dupont+rfq@acme-industrie.com')):
            with self.subTest(email=email):
                self.assertTrue(c.add_contact(self.make_contact('Good %d' % i,
                                                                email=email)))
        self.assertEqual(c.get_contacts().get_n_items(), 2)


class TestInteractions(AffTestCase):
    def setUp(self):
        self.portfolio = Aff.Portfolio.new()
        self.client = Aff.Client.new('acme', 'ACME')
        self.portfolio.add_client(self.client)
        self.client.add_contact(Aff.Contact.new('Jean Dupont'))

    def record(self, kind, date, summary, satisfaction=None, contact=None,
               next_action=None, client_id='acme'):
        i = Aff.Interaction.new(kind, date, summary)
        if satisfaction is not None:
            i.set_satisfaction(satisfaction)
        if contact is not None:
            i.set_contact(contact)
        if next_action is not None:
            i.set_next_action_date(next_action)
        self.assertTrue(self.portfolio.record_interaction(client_id, i))
        return i

    def test_new_interaction(self):
        i = Aff.Interaction.new(Kind.SURVEY, D(2026, 3, 10), 'annual survey')
        self.assertEqual(i.get_kind(), Kind.SURVEY)
        self.assertEqual(ymd(i.get_date()), (2026, 3, 10))
        self.assertEqual(i.get_summary(), 'annual survey')
        self.assertIsNone(i.get_contact())
        self.assertIsNone(i.get_next_action_date())
        self.assertEqual(i.get_satisfaction(), -1)
        self.assertEqual(i.props.satisfaction, -1)
        i.props.satisfaction = 9
        self.assertEqual(i.get_satisfaction(), 9)
        i.set_next_action_date(D(2026, 4, 1))
        self.assertEqual(ymd(i.get_next_action_date()), (2026, 4, 1))
        i.set_next_action_date(None)
        self.assertIsNone(i.get_next_action_date())

    def test_ids_and_order(self):
        i1 = self.record(Kind.CALL, D(2026, 3, 10), 'first call')
        i2 = self.record(Kind.VISIT, D(2026, 2, 1), 'site visit')
        i3 = self.record(Kind.EMAIL, D(2026, 3, 10), 'e-mail, same day as the call')
        i4 = self.record(Kind.MEETING, D(2026, 1, 15), 'meeting', contact='Jean Dupont')
        # ids follow recording order, per client
        self.assertEqual([i.get_id() for i in (i1, i2, i3, i4)],
                         ['acme-1', 'acme-2', 'acme-3', 'acme-4'])
        # the list is by date, same date in recording order
        listed = self.client.get_interactions()
        self.assertIsInstance(listed, Gio.ListModel)
        self.assertEqual([i.get_id() for i in listed],
                         ['acme-4', 'acme-2', 'acme-1', 'acme-3'])
        self.assertEqual(self.client.get_last_interaction().get_id(), 'acme-3')
        self.assertEqual(i4.get_contact(), 'Jean Dupont')

        # numbering is per client
        self.portfolio.add_client(Aff.Client.new('beta', 'Beta'))
        b1 = self.record(Kind.WATCH, D(2026, 1, 1), 'tender notice', client_id='beta')
        self.assertEqual(b1.get_id(), 'beta-1')

    def test_record_errors(self):
        i1 = self.record(Kind.CALL, D(2026, 3, 10), 'first call')
        # the same interaction twice
        self.assertAffError(Aff.Error.INVALID_VALUE,
                            self.portfolio.record_interaction, 'acme', i1)
        self.portfolio.add_client(Aff.Client.new('beta', 'Beta'))
        self.assertAffError(Aff.Error.INVALID_VALUE,
                            self.portfolio.record_interaction, 'beta', i1)
        # unknown client
        e = self.assertAffError(Aff.Error.NOT_FOUND,
                                self.portfolio.record_interaction, 'nobody',
                                Aff.Interaction.new(Kind.CALL, D(2026, 3, 11), 'x'))
        self.assertIn('nobody', e.message)
        # contact that is not one of the client's
        stranger = Aff.Interaction.new(Kind.CALL, D(2026, 3, 12), 'call')
        stranger.set_contact('Paul Martin')
        e = self.assertAffError(Aff.Error.NOT_FOUND,
                                self.portfolio.record_interaction, 'acme', stranger)
        self.assertIn('Paul Martin', e.message)
        self.assertEqual(self.client.get_interactions().get_n_items(), 1)
        self.assertEqual(len(self.portfolio.lookup_client('beta').get_interactions()), 0)
        # once fixed it records, and failed attempts used no number
        stranger.set_contact('Jean Dupont')
        self.assertTrue(self.portfolio.record_interaction('acme', stranger))
        self.assertEqual(stranger.get_id(), 'acme-2')

    def test_satisfaction_average(self):
        self.assertEqual(self.client.get_satisfaction_average(), -1.0)
        self.record(Kind.CALL, D(2026, 1, 5), 'no score')
        self.assertEqual(self.client.get_satisfaction_average(), -1.0)
        self.record(Kind.SURVEY, D(2026, 2, 1), 'survey', satisfaction=6)
        self.record(Kind.SURVEY, D(2026, 3, 1), 'survey', satisfaction=8)
        self.record(Kind.VISIT, D(2026, 4, 1), 'visit', satisfaction=7)
        self.record(Kind.CALL, D(2026, 5, 1), 'no score either')
        # (6 + 8 + 7) / 3 = 7.0; unscored interactions ignored
        self.assertAlmostEqual(self.client.get_satisfaction_average(), 7.0)
        self.record(Kind.SURVEY, D(2026, 6, 1), 'bad survey', satisfaction=0)
        # a score of 0 counts: 21 / 4 = 5.25
        self.assertAlmostEqual(self.client.get_satisfaction_average(), 5.25)

    def test_satisfaction_trend_contract_example(self):
        self.assertEqual(self.client.get_satisfaction_trend(), 0.0)
        # 6 on 2026-01-01 then 8 on 2027-01-01, 365 days later: +2 points/365 days
        self.record(Kind.SURVEY, D(2027, 1, 1), 'survey', satisfaction=8)
        self.assertEqual(self.client.get_satisfaction_trend(), 0.0)  # one score
        self.record(Kind.SURVEY, D(2026, 1, 1), 'survey', satisfaction=6)
        self.record(Kind.CALL, D(2026, 6, 1), 'no score')
        self.assertAlmostEqual(self.client.get_satisfaction_trend(), 2.0, places=9)

    def test_satisfaction_trend_least_squares(self):
        # x = days since 2026-01-01: 0, 90 (2026-04-01 = 31+28+31), 365
        # y = 4, 8, 6;  mean x = 455/3, mean y = 6
        # Sxy = sum(xy) - n.mx.my = (0 + 720 + 2190) - 3 * 455/3 * 6 = 180
        # Sxx = sum(x^2) - n.mx^2 = (8100 + 133225) - 207025/3 = 216950/3
        # slope = 540/216950 points per day; * 365 = 197100/216950 = 3942/4339
        self.record(Kind.SURVEY, D(2026, 4, 1), 's2', satisfaction=8)
        self.record(Kind.SURVEY, D(2027, 1, 1), 's3', satisfaction=6)
        self.record(Kind.SURVEY, D(2026, 1, 1), 's1', satisfaction=4)
        self.assertAlmostEqual(self.client.get_satisfaction_trend(),
                               3942 / 4339, places=9)

    def test_satisfaction_trend_down_and_degenerate(self):
        self.record(Kind.SURVEY, D(2026, 1, 1), 's1', satisfaction=9)
        self.record(Kind.SURVEY, D(2026, 1, 1), 's2', satisfaction=3)
        # all scores on the same date: no slope
        self.assertEqual(self.client.get_satisfaction_trend(), 0.0)
        # add 3 on 2026-07-02 (182 days later). Points (0,9) (0,3) (182,3):
        # mean x = 182/3, mean y = 5; Sxy = 182*3 - 3*(182/3)*5 = -364
        # Sxx = 182^2 - 182^2/3 = 2*182^2/3; slope/day = -364*3/(2*182^2)
        # = -3/182; per 365 days = -1095/182
        self.record(Kind.SURVEY, D(2026, 7, 2), 's3', satisfaction=3)
        self.assertAlmostEqual(self.client.get_satisfaction_trend(),
                               -1095 / 182, places=9)


if __name__ == '__main__':
    unittest.main()
