#!/usr/bin/python3
# Offers, pricing from cost, from Python: lines (quantities, costs, labour
# from the policy), revisions (defaults, overheads by kind, contingency,
# margin rate or selling price, VAT, terms) and freezing.
#
# Every expected value is a hand calculation from docs/rules.md, "Offers:
# pricing from cost"; the arithmetic is in the comments. Amounts are in
# minor units (cents for EUR).
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import unittest

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff  # noqa: E402
import afftest  # noqa: E402
from afftest import D, ymd  # noqa: E402

Kind = Aff.LineKind
Unit = Aff.LineUnit
E = Aff.Error


def M(text):
    """Money from its canonical text; a bare number is EUR."""
    if ' ' not in text:
        text += ' EUR'
    return Aff.Money.parse(text)


def minor(money, currency='EUR'):
    assert money is not None
    assert money.get_currency() == currency, (money.get_currency(), currency)
    return money.get_minor()


def welding_policy():
    policy = Aff.Policy.new()
    policy.set_labour_rate('welder', M('58.00'))
    return policy


def line(kind, quantity, unit, cost, description='ligne'):
    return Aff.OfferLine.new(kind, description, quantity, unit, M(cost))


def prices(rev, currency='EUR'):
    return (minor(rev.get_direct_cost(), currency), minor(rev.get_overheads(), currency),
            minor(rev.get_cost_price(), currency), minor(rev.get_selling_price(), currency),
            minor(rev.get_margin(), currency), rev.get_margin_rate(),
            minor(rev.get_vat(), currency), minor(rev.get_total_including_vat(), currency))


# The worked example. Lines:
#   L1 labour      120.5 h "welder" x 58.00  = 120500 x 5800 / 1000  = 698900             6 989.00
#   L2 material    85.250 m x 12.37          = 85250 x 1237 / 1000   = 105454.25 -> 105454  1 054.54
#   L3 material    4 kg x 25.01              = 4000 x 2501 / 1000    = 10004                100.04
#   L4 equipment   4.5 days x 137.50         = 4500 x 13750 / 1000   = 61875                618.75
#   L5 subcontract lump sum 1 x 2 400.00                             = 240000             2 400.00
#   L6 travel      3 days x 95.00            = 3000 x 9500 / 1000    = 28500                285.00
#   L7 other       lump sum 1 x 150.25                               = 15025                150.25
# Direct cost = 698900 + 105454 + 10004 + 61875 + 240000 + 28500 + 15025 = 1159758 (11 597.58)
# Overheads by kind (default rates), each rounded half to even:
#   labour      698900 x 3000 / 10000 = 209670
#   material    (105454 + 10004 = 115458) x 1000 / 10000 = 11545.8 -> 11546
#               (line by line it would be 10545 + 1000 = 11545: the rounding is by kind)
#   equipment   61875 x 1000 / 10000 = 6187.5 -> 6188 (tie, to even)
#   subcontract 240000 x 800 / 10000 = 19200
#   travel      28500 x 500 / 10000 = 1425
#   other       15025 x 1000 / 10000 = 1502.5 -> 1502 (tie, to even)
#   sum = 209670 + 11546 + 6188 + 19200 + 1425 + 1502 = 249531 (2 495.31)
# Contingency 500.00 = 50000.
# Cost price = 1159758 + 249531 + 50000 = 1459289 (14 592.89)
DIRECT = 1159758
OVERHEADS = 249531
COST = 1459289
# At a 15 % margin rate:
#   selling = 1459289 x 10000 / 8500 = 29185780 / 17 = 1716810 + 10/17 (0.588) -> 1716811 (17 168.11)
#   margin = 1716811 - 1459289 = 257522 (2 575.22)
#   margin rate = 257522 x 10000 / 1716811: 1716811 x 1500 = 2575216500, remainder 3500
#                 (0.002) -> 1500
#   VAT = 1716811 x 2000 / 10000 = 343362.2 -> 343362 (3 433.62)
#   total = 1716811 + 343362 = 2060173 (20 601.73)
AT_15 = (DIRECT, OVERHEADS, COST, 1716811, 257522, 1500, 343362, 2060173)


def worked_example(policy):
    rev = Aff.OfferRevision.new('A', policy)
    lines = [
        Aff.OfferLine.new_labour('Soudure TIG', '120.5', 'welder', policy),
        line(Kind.MATERIAL, '85.250', Unit.METRE, '12.37', 'Tube inox DN50'),
        line(Kind.MATERIAL, '4', Unit.KILOGRAM, '25.01', 'Brides'),
        line(Kind.EQUIPMENT, '4.5', Unit.DAY, '137.50', 'Nacelle'),
        line(Kind.SUBCONTRACT, '1', Unit.LUMP_SUM, '2400.00', 'Radiographie'),
        line(Kind.TRAVEL, '3', Unit.DAY, '95.00', 'Déplacements'),
        line(Kind.OTHER, '1', Unit.LUMP_SUM, '150.25', 'Frais de dossier'),
    ]
    costs = [minor(x.compute_cost()) for x in lines]
    assert costs == [698900, 105454, 10004, 61875, 240000, 28500, 15025], costs
    for x in lines:
        assert rev.add_line(x) is True
    assert rev.set_contingency(M('500.00')) is True
    return rev


class WorkedExampleTest(afftest.AffTestCase):
    def test_line_costs(self):
        policy = welding_policy()
        # 120.5 x 58.00 = 6 989.00
        labour = Aff.OfferLine.new_labour('Soudure TIG', '120.5', 'welder', policy)
        self.assertEqual(minor(labour.compute_cost()), 698900)
        # 85.250 x 12.37 = 1 054.5425 -> 1 054.54
        self.assertEqual(minor(line(Kind.MATERIAL, '85.250', Unit.METRE, '12.37').compute_cost()), 105454)
        # 3 x 95.00 = 285.00
        self.assertEqual(minor(line(Kind.TRAVEL, '3', Unit.DAY, '95.00').compute_cost()), 28500)
        self.assertEqual(minor(line(Kind.SUBCONTRACT, '1', Unit.LUMP_SUM, '2400.00').compute_cost()), 240000)

    def test_at_cost_then_margin_rate(self):
        rev = worked_example(welding_policy())
        self.assertEqual(rev.get_lines().get_n_items(), 7)
        self.assertEqual(minor(rev.get_contingency()), 50000)
        # No margin rate nor price: the price is the cost price.
        # VAT = 1459289 x 0.2 = 291857.8 -> 291858; total 1751147
        self.assertEqual(prices(rev), (DIRECT, OVERHEADS, COST, COST, 0, 0, 291858, 1751147))
        self.assertTrue(rev.set_margin_rate(1500))
        self.assertEqual(prices(rev), AT_15)
        self.assertEqual(str(rev.get_selling_price()), '17168.11 EUR')
        self.assertEqual(str(rev.get_total_including_vat()), '20601.73 EUR')

    def test_negative_margin_rate(self):
        rev = worked_example(welding_policy())
        # -10 %: 1459289 x 10000 / 11000 = 1326626.36 -> 1326626; margin -132663;
        # rate -132663 x 10000 / 1326626 = -1000.003 -> -1000;
        # VAT 1326626 x 0.2 = 265325.2 -> 265325; total 1591951
        self.assertTrue(rev.set_margin_rate(-1000))
        self.assertEqual(prices(rev), (DIRECT, OVERHEADS, COST, 1326626, -132663, -1000, 265325, 1591951))

    def test_without_contingency(self):
        rev = worked_example(welding_policy())
        self.assertTrue(rev.set_margin_rate(1500))
        self.assertTrue(rev.set_contingency(None))
        # cost = 1159758 + 249531 = 1409289; 1409289 x 10000 / 8500 = 28185780 / 17:
        # 17 x 1657987 = 28185779, remainder 1 -> 1657987; margin 248698;
        # rate 2486980000 / 1657987: 1657987 x 1500 = 2486980500 (500 over) -> 1499.9997 -> 1500;
        # VAT 331597.4 -> 331597; total 1989584
        self.assertEqual(prices(rev), (DIRECT, OVERHEADS, 1409289, 1657987, 248698, 1500, 331597, 1989584))

    def test_selling_price(self):
        rev = worked_example(welding_policy())
        # 18 000.00: margin 1800000 - 1459289 = 340711; rate 3407110000 / 1800000 = 1892.84 -> 1893;
        # VAT 360000; total 2160000
        self.assertTrue(rev.set_selling_price(M('18000.00')))
        self.assertEqual(prices(rev), (DIRECT, OVERHEADS, COST, 1800000, 340711, 1893, 360000, 2160000))
        # the margin rate replaces the price ...
        self.assertTrue(rev.set_margin_rate(1500))
        self.assertEqual(prices(rev), AT_15)
        # ... and the price the margin rate. 14 000.00 is below cost: margin -59289;
        # rate -592890000 / 1400000 = -423.49 -> -423; VAT 280000; total 1680000
        self.assertTrue(rev.set_selling_price(M('14000.00')))
        self.assertEqual(prices(rev), (DIRECT, OVERHEADS, COST, 1400000, -59289, -423, 280000, 1680000))
        # zero: margin = -cost, margin rate 0
        self.assertTrue(rev.set_selling_price(M('0.00')))
        self.assertEqual(prices(rev), (DIRECT, OVERHEADS, COST, 0, -COST, 0, 0, 0))
        self.assertAffError(E.INVALID_VALUE, rev.set_selling_price, M('-0.01'))
        self.assertAffError(E.CURRENCY_MISMATCH, rev.set_selling_price, M('18000.00 USD'))
        self.assertEqual(prices(rev), (DIRECT, OVERHEADS, COST, 0, -COST, 0, 0, 0))

    def test_overhead_rate_of_the_revision(self):
        rev = worked_example(welding_policy())
        # labour 35 %: 698900 x 0.35 = 244615; overheads 249531 - 209670 + 244615 = 284476;
        # cost 1159758 + 284476 + 50000 = 1494234; VAT 298846.8 -> 298847; total 1793081
        self.assertTrue(rev.set_overhead_rate(Kind.LABOUR, 3500))
        self.assertEqual(rev.get_overhead_rate(Kind.LABOUR), 3500)
        self.assertEqual(prices(rev), (DIRECT, 284476, 1494234, 1494234, 0, 0, 298847, 1793081))
        self.assertTrue(rev.set_overhead_rate(Kind.OTHER, 10000))
        self.assertAffError(E.INVALID_VALUE, rev.set_overhead_rate, Kind.OTHER, 10001)
        self.assertEqual(rev.get_overhead_rate(Kind.OTHER), 10000)


class EdgeCaseTest(afftest.AffTestCase):
    def test_line_cost_ties(self):
        cases = [
            ('0.5', '0.05 EUR', 2),     # 500 x 5 / 1000 = 2.5 -> 2 (0.02)
            ('1.5', '0.05 EUR', 8),     # 1500 x 5 / 1000 = 7.5 -> 8 (0.08)
            ('2.5', '0.01 EUR', 2),     # 2.5 -> 2
            ('0.125', '0.20 EUR', 2),   # 125 x 20 / 1000 = 2.5 -> 2
            ('0.375', '0.20 EUR', 8),   # 7.5 -> 8
            ('0.5', '1 JPY', 0),        # 0.5 -> 0
            ('1.5', '1 JPY', 2),        # 1.5 -> 2
            ('3.5', '1 JPY', 4),        # 3.5 -> 4
            ('0.001', '0.01 EUR', 0),   # 0.001 -> 0
            ('0.501', '0.01 EUR', 1),   # 0.501 -> 1
        ]
        for quantity, cost, expected in cases:
            with self.subTest(quantity=quantity, cost=cost):
                c = line(Kind.MATERIAL, quantity, Unit.UNIT, cost).compute_cost()
                self.assertEqual(c.get_minor(), expected)
                self.assertEqual(c.get_currency(), cost.split()[1])
        self.assertEqual(str(line(Kind.MATERIAL, '0.5', Unit.UNIT, '0.05').compute_cost()), '0.02 EUR')
        self.assertEqual(str(line(Kind.MATERIAL, '1.5', Unit.UNIT, '0.05').compute_cost()), '0.08 EUR')

    def test_line_cost_large(self):
        # 900 000 000 000 x 100 000.00 = 900000000000000 x 10000000 / 1000 = 9 000 000 000 000 000 000
        # (< 2^63 - 1, although the product does not fit in 64 bits)
        big = line(Kind.MATERIAL, '900000000000', Unit.UNIT, '100000.00')
        self.assertEqual(big.compute_cost().get_minor(), 9000000000000000000)
        # 999 999 999 999 x 100 000.00 = 9 999 999 999 990 000 000 > 9 223 372 036 854 775 807
        too_big = line(Kind.MATERIAL, '999999999999', Unit.UNIT, '100000.00')
        self.assertAffError(E.OVERFLOW, too_big.compute_cost)

    def test_quantities(self):
        valid = [('12', '12', 12000), ('12.5', '12.5', 12500), ('0.125', '0.125', 125),
                 ('12.500', '12.5', 12500), ('007', '7', 7000), ('007.250', '7.25', 7250),
                 ('1.000', '1', 1000), ('0.5', '0.5', 500), ('120.5', '120.5', 120500),
                 ('999999999999.999', '999999999999.999', 999999999999999),
                 ('1000000000000', '1000000000000', 1000000000000000)]   # 10^12 is not beyond
        for text, normalised, thousandths in valid:
            with self.subTest(quantity=text):
                x = line(Kind.MATERIAL, text, Unit.METRE, '1.00')
                self.assertEqual(x.dup_quantity(), normalised)
                self.assertEqual(x.get_quantity_thousandths(), thousandths)
        invalid = ['1,5', '1e3', '-1', '', '1.2345', '0.0001', '12.5000', 'abc', ' 12', '12 ',
                   '1.2.3', '1000000000000.001', '1000000000001', '10000000000000']
        for text in invalid:
            with self.subTest(quantity=text):
                self.assertAffError(E.INVALID_VALUE, Aff.OfferLine.new, Kind.MATERIAL, 'm', text,
                                    Unit.METRE, M('1.00'))
        # a lump sum is quantity "1"
        for text in ['2', '0.5', '3.000']:
            with self.subTest(lump_sum=text):
                self.assertAffError(E.INVALID_VALUE, Aff.OfferLine.new, Kind.SUBCONTRACT, 's', text,
                                    Unit.LUMP_SUM, M('100.00'))
        self.assertEqual(line(Kind.SUBCONTRACT, '1', Unit.LUMP_SUM, '100.00').dup_quantity(), '1')
        # a negative unit cost is refused; zero is a cost
        self.assertAffError(E.INVALID_VALUE, Aff.OfferLine.new, Kind.OTHER, 'remise', '1',
                            Unit.LUMP_SUM, M('-0.01'))
        self.assertEqual(str(line(Kind.OTHER, '3', Unit.UNIT, '0.00').compute_cost()), '0.00 EUR')

    def test_line_properties(self):
        policy = welding_policy()
        labour = Aff.OfferLine.new_labour('Soudure TIG', '120.5', 'welder', policy)
        self.assertEqual(labour.get_kind(), Kind.LABOUR)
        self.assertEqual(labour.get_unit(), Unit.HOUR)
        self.assertEqual(labour.get_description(), 'Soudure TIG')
        self.assertEqual(labour.get_skill(), 'welder')
        self.assertEqual(str(labour.get_unit_cost()), '58.00 EUR')
        self.assertEqual(labour.dup_quantity(), '120.5')
        self.assertEqual(labour.get_quantity_thousandths(), 120500)
        self.assertAffError(E.NOT_FOUND, Aff.OfferLine.new_labour, 'Peinture', '10', 'painter', policy)
        self.assertAffError(E.INVALID_VALUE, Aff.OfferLine.new_labour, 'Soudure', '1,5', 'welder', policy)

        tube = line(Kind.MATERIAL, '85.250', Unit.METRE, '12.37', 'Tube inox DN50')
        self.assertEqual(tube.get_kind(), Kind.MATERIAL)
        self.assertEqual(tube.get_unit(), Unit.METRE)
        self.assertEqual(tube.get_description(), 'Tube inox DN50')
        self.assertIsNone(tube.get_skill())
        self.assertIsNone(tube.get_lot())
        self.assertIn(tube.get_requirements(), (None, []))
        self.assertEqual(tube.dup_quantity(), '85.25')
        tube.set_lot('Lot 2')
        self.assertEqual(tube.get_lot(), 'Lot 2')
        tube.set_lot(None)
        self.assertIsNone(tube.get_lot())
        tube.set_requirements(['REQ-1', 'REQ-3'])
        self.assertEqual(list(tube.get_requirements()), ['REQ-1', 'REQ-3'])

    def test_lines_in_revisions(self):
        policy = welding_policy()
        a = Aff.OfferRevision.new('A', policy)
        b = Aff.OfferRevision.new('B', policy)
        tube = line(Kind.MATERIAL, '85.250', Unit.METRE, '12.37')
        nacelle = line(Kind.EQUIPMENT, '4.5', Unit.DAY, '137.50')
        self.assertAffError(E.CURRENCY_MISMATCH, a.add_line,
                            line(Kind.MATERIAL, '1', Unit.UNIT, '1000.00 USD'))
        self.assertEqual(a.get_lines().get_n_items(), 0)
        self.assertTrue(a.add_line(tube))
        self.assertTrue(a.add_line(nacelle))
        model = a.get_lines()
        self.assertEqual([model.get_item(i) for i in range(model.get_n_items())], [tube, nacelle])
        # already in a revision, another or the same
        self.assertAffError(E.INVALID_VALUE, b.add_line, tube)
        self.assertAffError(E.INVALID_VALUE, a.add_line, tube)
        self.assertEqual(b.get_lines().get_n_items(), 0)
        self.assertEqual(a.get_lines().get_n_items(), 2)
        # direct 105454 + 61875 = 167329; overheads 10545.4 -> 10545 + 6187.5 -> 6188 = 16733;
        # cost 184062; VAT 36812.4 -> 36812; total 220874
        self.assertEqual(prices(a), (167329, 16733, 184062, 184062, 0, 0, 36812, 220874))
        self.assertAffError(E.NOT_FOUND, a.remove_line, 2)
        self.assertEqual(a.get_lines().get_n_items(), 2)
        self.assertTrue(a.remove_line(0))
        self.assertEqual(a.get_lines().get_n_items(), 1)
        self.assertEqual(a.get_lines().get_item(0), nacelle)
        # 61875 + 6188 = 68063; VAT 13612.6 -> 13613; total 81676
        self.assertEqual(prices(a), (61875, 6188, 68063, 68063, 0, 0, 13613, 81676))
        self.assertAffError(E.NOT_FOUND, a.remove_line, 1)
        # contingency: currency and sign
        self.assertAffError(E.CURRENCY_MISMATCH, a.set_contingency, M('1.00 USD'))
        self.assertAffError(E.INVALID_VALUE, a.set_contingency, M('-1.00'))
        self.assertTrue(a.set_contingency(M('19.37')))
        # 68063 + 1937 = 70000; VAT 14000; total 84000
        self.assertEqual(prices(a), (61875, 6188, 70000, 70000, 0, 0, 14000, 84000))

    def test_margin_rate_limits(self):
        rev = Aff.OfferRevision.new('A', Aff.Policy.new())
        self.assertTrue(rev.set_overhead_rate(Kind.OTHER, 0))
        self.assertTrue(rev.add_line(line(Kind.OTHER, '1', Unit.LUMP_SUM, '100.00')))
        self.assertAffError(E.INVALID_VALUE, rev.set_margin_rate, 10000)
        self.assertAffError(E.INVALID_VALUE, rev.set_margin_rate, -10000)
        # refused: still at cost 10000; VAT 2000; total 12000
        self.assertEqual(prices(rev), (10000, 0, 10000, 10000, 0, 0, 2000, 12000))
        # 9999: 10000 x 10000 / 1 = 100000000; margin 99990000; rate 9999; VAT 20000000
        self.assertTrue(rev.set_margin_rate(9999))
        self.assertEqual(prices(rev), (10000, 0, 10000, 100000000, 99990000, 9999, 20000000, 120000000))
        # -9999: 100000000 / 19999 = 5000.25 -> 5000; margin -5000; rate -10000; VAT 1000
        self.assertTrue(rev.set_margin_rate(-9999))
        self.assertEqual(prices(rev), (10000, 0, 10000, 5000, -5000, -10000, 1000, 6000))

    def test_selling_price_ties(self):
        policy = Aff.Policy.new()
        two = Aff.OfferRevision.new('A', policy)
        six = Aff.OfferRevision.new('A', policy)
        for rev, cost in ((two, '0.02'), (six, '0.06')):
            self.assertTrue(rev.set_overhead_rate(Kind.OTHER, 0))
            self.assertTrue(rev.add_line(line(Kind.OTHER, '1', Unit.LUMP_SUM, cost)))
            self.assertTrue(rev.set_margin_rate(2000))
        # 2 x 10000 / 8000 = 2.5 -> 2; margin 0; VAT 0.4 -> 0
        self.assertEqual(prices(two), (2, 0, 2, 2, 0, 0, 0, 2))
        # 6 x 10000 / 8000 = 7.5 -> 8; margin 2; rate 2 x 10000 / 8 = 2500; VAT 1.6 -> 2
        self.assertEqual(prices(six), (6, 0, 6, 8, 2, 2500, 2, 10))

    def test_vat(self):
        rev = Aff.OfferRevision.new('A', Aff.Policy.new())
        # 5.5 %: 100 x 550 / 10000 = 5.5 -> 6 (to even); 300 x 550 / 10000 = 16.5 -> 16
        self.assertTrue(rev.set_vat_rate(550))
        self.assertEqual(rev.get_vat_rate(), 550)
        self.assertTrue(rev.set_selling_price(M('1.00')))
        self.assertEqual(prices(rev), (0, 0, 0, 100, 100, 10000, 6, 106))
        self.assertTrue(rev.set_selling_price(M('3.00')))
        self.assertEqual(prices(rev), (0, 0, 0, 300, 300, 10000, 16, 316))
        self.assertTrue(rev.set_vat_rate(0))
        self.assertTrue(rev.set_vat_rate(10000))
        self.assertAffError(E.INVALID_VALUE, rev.set_vat_rate, 10001)
        self.assertAffError(E.INVALID_VALUE, rev.set_vat_rate, -1)
        self.assertEqual(rev.get_vat_rate(), 10000)


class RevisionTest(afftest.AffTestCase):
    def test_defaults(self):
        policy = Aff.Policy.new()
        rev = Aff.OfferRevision.new('A', policy)
        self.assertEqual(rev.get_letter(), 'A')
        self.assertEqual(rev.get_currency(), 'EUR')
        self.assertFalse(rev.is_frozen())
        self.assertEqual(rev.get_lines().get_n_items(), 0)
        self.assertEqual([rev.get_overhead_rate(k) for k in (Kind.LABOUR, Kind.MATERIAL, Kind.EQUIPMENT,
                                                              Kind.SUBCONTRACT, Kind.TRAVEL, Kind.OTHER)],
                         [3000, 1000, 1000, 800, 500, 1000])
        self.assertEqual(rev.get_vat_rate(), 2000)
        self.assertEqual(rev.get_payment_days(), 30)
        self.assertFalse(rev.get_payment_end_of_month())
        self.assertEqual(rev.get_advance_rate(), 0)
        self.assertFalse(rev.get_progress_billing())
        self.assertEqual(rev.get_retention_rate(), 500)
        contingency = rev.get_contingency()
        self.assertTrue(contingency is None or contingency.is_zero())
        self.assertEqual(rev.get_lead_time_days(), 0)
        self.assertIsNone(rev.get_validity())
        # empty: 0.00 everywhere, margin rate 0 since the selling price is 0
        self.assertEqual(prices(rev), (0, 0, 0, 0, 0, 0, 0, 0))
        self.assertEqual(str(rev.get_total_including_vat()), '0.00 EUR')

        changed = Aff.Policy.new()
        self.assertTrue(changed.set_currency('USD'))
        self.assertTrue(changed.set_overhead_rate('labour', 3500))
        self.assertTrue(changed.set_overhead_rate('travel', 0))
        changed.set_default_vat_rate(550)
        changed.set_retention_rate(300)
        r2 = Aff.OfferRevision.new('B', changed)
        self.assertEqual(r2.get_letter(), 'B')
        self.assertEqual(r2.get_currency(), 'USD')
        self.assertEqual(r2.get_overhead_rate(Kind.LABOUR), 3500)
        self.assertEqual(r2.get_overhead_rate(Kind.TRAVEL), 0)
        self.assertEqual(r2.get_overhead_rate(Kind.MATERIAL), 1000)
        self.assertEqual(r2.get_vat_rate(), 550)
        self.assertEqual(r2.get_retention_rate(), 300)
        self.assertEqual(str(r2.get_cost_price()), '0.00 USD')
        # the rates were copied: a later change of the policy does not alter the revision
        self.assertTrue(changed.set_overhead_rate('labour', 4000))
        self.assertTrue(changed.set_overhead_rate('material', 1200))
        self.assertEqual(r2.get_overhead_rate(Kind.LABOUR), 3500)
        self.assertEqual(r2.get_overhead_rate(Kind.MATERIAL), 1000)
        self.assertTrue(policy.set_overhead_rate('labour', 4000))
        self.assertEqual(rev.get_overhead_rate(Kind.LABOUR), 3000)

    def test_terms(self):
        rev = Aff.OfferRevision.new('A', Aff.Policy.new())
        # payment terms, Code de commerce L441-10
        self.assertTrue(rev.set_payment_terms(60, False))
        self.assertEqual((rev.get_payment_days(), rev.get_payment_end_of_month()), (60, False))
        self.assertAffError(E.INVALID_VALUE, rev.set_payment_terms, 61, False)
        self.assertEqual((rev.get_payment_days(), rev.get_payment_end_of_month()), (60, False))
        self.assertTrue(rev.set_payment_terms(45, True))
        self.assertEqual((rev.get_payment_days(), rev.get_payment_end_of_month()), (45, True))
        self.assertAffError(E.INVALID_VALUE, rev.set_payment_terms, 46, True)
        self.assertAffError(E.INVALID_VALUE, rev.set_payment_terms, 60, True)
        self.assertEqual((rev.get_payment_days(), rev.get_payment_end_of_month()), (45, True))
        # billing: advance 0..10000, retention 0..500 (loi 71-584)
        self.assertTrue(rev.set_billing(3000, True, 500))
        self.assertEqual((rev.get_advance_rate(), rev.get_progress_billing(), rev.get_retention_rate()),
                         (3000, True, 500))
        self.assertAffError(E.INVALID_VALUE, rev.set_billing, 3000, True, 501)
        self.assertAffError(E.INVALID_VALUE, rev.set_billing, 10001, False, 0)
        self.assertAffError(E.INVALID_VALUE, rev.set_billing, -1, False, 0)
        self.assertAffError(E.INVALID_VALUE, rev.set_billing, 0, False, -1)
        self.assertEqual((rev.get_advance_rate(), rev.get_progress_billing(), rev.get_retention_rate()),
                         (3000, True, 500))
        self.assertTrue(rev.set_billing(10000, False, 0))
        self.assertEqual((rev.get_advance_rate(), rev.get_progress_billing(), rev.get_retention_rate()),
                         (10000, False, 0))
        # lead time <= 36500 days
        self.assertTrue(rev.set_lead_time_days(36500))
        self.assertAffError(E.INVALID_VALUE, rev.set_lead_time_days, 36501)
        self.assertEqual(rev.get_lead_time_days(), 36500)
        self.assertTrue(rev.set_lead_time_days(42))
        self.assertEqual(rev.get_lead_time_days(), 42)
        self.assertTrue(rev.set_validity(D(2026, 6, 30)))
        self.assertEqual(ymd(rev.get_validity()), (2026, 6, 30))

    def test_freeze(self):
        policy = welding_policy()
        rev = worked_example(policy)
        self.assertTrue(rev.set_margin_rate(1500))
        self.assertTrue(rev.set_payment_terms(45, True))
        self.assertTrue(rev.set_billing(3000, False, 500))
        self.assertTrue(rev.set_lead_time_days(56))
        self.assertTrue(rev.set_validity(D(2026, 6, 30)))
        rev.freeze()
        self.assertTrue(rev.is_frozen())

        extra = line(Kind.MATERIAL, '100', Unit.UNIT, '0.12')
        refused = [
            (rev.add_line, extra),
            (rev.remove_line, 0),
            (rev.set_overhead_rate, Kind.LABOUR, 2000),
            (rev.set_contingency, M('0.01')),
            (rev.set_contingency, None),
            (rev.set_margin_rate, 2000),
            (rev.set_selling_price, M('20000.00')),
            (rev.set_vat_rate, 1000),
            (rev.set_lead_time_days, 10),
            (rev.set_validity, D(2026, 9, 30)),
            (rev.set_payment_terms, 30, False),
            (rev.set_billing, 0, True, 0),
        ]
        for call in refused:
            with self.subTest(call=call[0].__name__):
                self.assertAffError(E.FROZEN, *call)

        # nothing changed; getters and prices still work
        self.assertTrue(rev.is_frozen())
        self.assertEqual(rev.get_lines().get_n_items(), 7)
        self.assertEqual(rev.get_overhead_rate(Kind.LABOUR), 3000)
        self.assertEqual(minor(rev.get_contingency()), 50000)
        self.assertEqual(rev.get_vat_rate(), 2000)
        self.assertEqual(rev.get_lead_time_days(), 56)
        self.assertEqual(ymd(rev.get_validity()), (2026, 6, 30))
        self.assertEqual((rev.get_payment_days(), rev.get_payment_end_of_month()), (45, True))
        self.assertEqual((rev.get_advance_rate(), rev.get_progress_billing(), rev.get_retention_rate()),
                         (3000, False, 500))
        self.assertEqual(prices(rev), AT_15)
        # the refused line did not go into the frozen revision: it is still free
        other = Aff.OfferRevision.new('B', policy)
        self.assertTrue(other.add_line(extra))
        self.assertEqual(other.get_lines().get_n_items(), 1)
        rev.freeze()
        self.assertTrue(rev.is_frozen())


if __name__ == '__main__':
    unittest.main()
