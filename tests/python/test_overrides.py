# The PyGObject overrides of bindings/python: decimal.Decimal in and out of
# Aff.Money, datetime.date wherever the API takes a GDate, readable repr()
# and iterable list models.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import datetime
import decimal
import unittest

from afftest import Aff, GLib, AffTestCase


class MoneyDecimalTest(AffTestCase):
    def test_to_decimal(self):
        # 1 234,56 € is 123 456 cents; a yen has no decimals.
        self.assertEqual(Aff.Money.new(123456, 'EUR').to_decimal(), decimal.Decimal('1234.56'))
        self.assertEqual(Aff.Money.new(-5, 'EUR').to_decimal(), decimal.Decimal('-0.05'))
        self.assertEqual(Aff.Money.new(1500, 'JPY').to_decimal(), decimal.Decimal('1500'))
        # Beyond a double's 53 bits, still exact.
        big = Aff.Money.new(9007199254740993, 'EUR')
        self.assertEqual(big.to_decimal(), decimal.Decimal('90071992547409.93'))

    def test_from_decimal(self):
        m = Aff.Money.from_decimal(decimal.Decimal('1234.5'), 'EUR')
        self.assertEqual((m.get_minor(), m.get_currency()), (123450, 'EUR'))
        self.assertEqual(Aff.Money.from_decimal(12, 'EUR').get_minor(), 1200)
        self.assertEqual(Aff.Money.from_decimal(decimal.Decimal('-0.01'), 'EUR').get_minor(), -1)
        # A round trip keeps every cent.
        for text in ('0.00', '-17.35', '90071992547409.93'):
            value = decimal.Decimal(text)
            self.assertEqual(Aff.Money.from_decimal(value, 'EUR').to_decimal(), value)

    def test_from_decimal_refuses_rounding(self):
        self.assertAffError(Aff.Error.INVALID_VALUE, Aff.Money.from_decimal, decimal.Decimal('1.234'), 'EUR')
        self.assertAffError(Aff.Error.INVALID_VALUE, Aff.Money.from_decimal, decimal.Decimal('1.5'), 'JPY')
        with self.assertRaises(TypeError):
            Aff.Money.from_decimal(0.1, 'EUR')


class DateTest(AffTestCase):
    def test_dates_in(self):
        # A constructor, a method and a keyword argument take Python dates.
        k = Aff.Consultation.new('CONS-1', 'acme', 'Tuyauterie', datetime.date(2026, 3, 2),
                                 datetime.date(2026, 4, 15))
        self.assertEqual(Aff.to_date(k.get_received()), datetime.date(2026, 3, 2))
        self.assertEqual(Aff.to_date(k.get_deadline()), datetime.date(2026, 4, 15))
        k.set_deadline(deadline=datetime.date(2026, 4, 30))
        self.assertEqual(Aff.to_date(k.get_deadline()), datetime.date(2026, 4, 30))
        # A datetime is taken for its day; a GLib.Date still works.
        k.set_deadline(datetime.datetime(2026, 5, 4, 17, 30))
        self.assertEqual(Aff.to_date(k.get_deadline()), datetime.date(2026, 5, 4))
        k.set_deadline(GLib.Date.new_dmy(5, GLib.DateMonth.MAY, 2026))
        self.assertEqual(Aff.to_date(k.get_deadline()), datetime.date(2026, 5, 5))

    def test_portfolio_method(self):
        portfolio = Aff.Portfolio.new()
        client = Aff.Client.new('ACME', 'ACME Industrie')
        portfolio.add_client(client)
        visit = Aff.Interaction.new(Aff.InteractionKind.VISIT, datetime.date(2026, 1, 12), 'visite')
        portfolio.record_interaction('ACME', visit)
        # A prospect is followed every 30 days: due on 11 February.
        due = portfolio.list_clients_due_for_follow_up(datetime.date(2026, 2, 11))
        self.assertEqual([c.get_id() for c in due], ['ACME'])
        self.assertEqual(len(portfolio.list_clients_due_for_follow_up(datetime.date(2026, 2, 10))), 0)

    def test_to_date(self):
        self.assertIsNone(Aff.to_date(None))
        self.assertIsNone(Aff.to_date(GLib.Date()))
        self.assertEqual(Aff.to_date(GLib.Date.new_dmy(29, GLib.DateMonth.FEBRUARY, 2028)),
                         datetime.date(2028, 2, 29))

    def test_not_a_date(self):
        k = Aff.Consultation.new('CONS-1', 'acme', 'T', datetime.date(2026, 3, 2), datetime.date(2026, 4, 15))
        with self.assertRaises(TypeError):
            k.set_deadline('2026-04-30')


class ReprAndModelsTest(AffTestCase):
    def test_repr(self):
        self.assertEqual(repr(Aff.Client.new('ACME', 'ACME Industrie')), '<Aff.Client ACME>')
        self.assertEqual(repr(Aff.Offer.new('OFF-1', 'CONS-1')), '<Aff.Offer OFF-1>')
        self.assertEqual(repr(Aff.Money.new(1050, 'EUR')), '<Aff.Money 10.50 EUR>')

    def test_list_models(self):
        portfolio = Aff.Portfolio.new()
        for identifier in ('A', 'B', 'C'):
            portfolio.add_client(Aff.Client.new(identifier, identifier))
        clients = portfolio.get_clients()
        self.assertEqual(len(clients), 3)
        self.assertEqual([c.get_id() for c in clients], ['A', 'B', 'C'])
        self.assertEqual(clients[1].get_id(), 'B')
        self.assertEqual(clients[-1].get_id(), 'C')


if __name__ == '__main__':
    unittest.main()
