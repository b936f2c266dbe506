#!/usr/bin/python3
# Aff.Money from Python: exact amounts, errors, text forms, rounding,
# allocation, and the PyGObject overrides in bindings/python.
#
# Expected values are hand calculations from docs/rules.md.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import os
import sys
import unittest

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib, Gio  # noqa: E402,F401
import afftest  # noqa: E402

INT64_MAX = 2**63 - 1
INT64_MIN = -2**63

NNBSP = '\u202f'   # narrow no-break space: French thousands separator
NBSP = '\u00a0'    # no-break space: before the currency symbol


def eur(minor):
    return Aff.Money.new(minor, 'EUR')


class AffTestCase(afftest.AffTestCase):
    def assertMoney(self, money, minor, currency):
        self.assertEqual((money.get_minor(), money.get_currency()),
                         (minor, currency))


class TestConstruction(AffTestCase):
    def test_new(self):
        m = Aff.Money.new(123456, 'EUR')
        self.assertMoney(m, 123456, 'EUR')
        self.assertEqual(m.get_exponent(), 2)
        self.assertFalse(m.is_zero())
        self.assertFalse(m.is_negative())

    def test_new_extremes(self):
        self.assertMoney(Aff.Money.new(INT64_MAX, 'EUR'), INT64_MAX, 'EUR')
        self.assertMoney(Aff.Money.new(INT64_MIN, 'JPY'), INT64_MIN, 'JPY')

    def test_new_zero(self):
        z = Aff.Money.new_zero('JPY')
        self.assertMoney(z, 0, 'JPY')
        self.assertTrue(z.is_zero())
        self.assertFalse(z.is_negative())
        self.assertTrue(Aff.Money.new(-1, 'EUR').is_negative())

    def test_unknown_currency(self):
        for code in ('XXX', 'XAU', 'eur', 'EURO', 'EU', '', 'E1R', 'ABC'):
            with self.subTest(code=code):
                self.assertAffError(Aff.Error.UNKNOWN_CURRENCY,
                                    Aff.Money.new, 100, code)
                self.assertAffError(Aff.Error.UNKNOWN_CURRENCY,
                                    Aff.Money.new_zero, code)

    def test_exponents(self):
        table = {2: ('EUR', 'USD', 'GBP', 'CHF'),
                 0: ('JPY', 'KRW', 'XOF', 'XAF', 'CLP', 'ISK', 'VND'),
                 3: ('KWD', 'BHD', 'JOD', 'OMR', 'TND', 'IQD', 'LYD'),
                 4: ('CLF', 'UYW')}
        for exponent, codes in table.items():
            for code in codes:
                with self.subTest(code=code):
                    self.assertEqual(Aff.Money.new(1, code).get_exponent(),
                                     exponent)
                    ok, exp = Aff.currency_get_exponent(code)
                    self.assertTrue(ok)
                    self.assertEqual(exp, exponent)

    def test_currency_get_exponent_unknown(self):
        for code in ('XXX', 'XAU', 'eur', 'EURO'):
            with self.subTest(code=code):
                ok, _ = Aff.currency_get_exponent(code)
                self.assertFalse(ok)

    def test_copy(self):
        m = Aff.Money.new(-42, 'KWD')
        c = m.copy()
        self.assertMoney(c, -42, 'KWD')


class TestParse(AffTestCase):
    def test_valid(self):
        cases = [
            ('1234.56 EUR', 123456, 'EUR'),
            ('-0.05 EUR', -5, 'EUR'),
            ('1500 JPY', 1500, 'JPY'),
            ('12.5 EUR', 1250, 'EUR'),       # one fraction digit, padded
            ('12 EUR', 1200, 'EUR'),         # no fraction at all
            ('+3 EUR', 300, 'EUR'),
            ('0 EUR', 0, 'EUR'),
            ('-0.00 EUR', 0, 'EUR'),
            ('1.234 KWD', 1234, 'KWD'),
            ('1.2 KWD', 1200, 'KWD'),
            ('0.0001 CLF', 1, 'CLF'),
            ('007.10 USD', 710, 'USD'),
            ('-1500 JPY', -1500, 'JPY'),
            # int64 bounds: 9223372036854775807 minor units fit exactly
            ('9223372036854775807 JPY', INT64_MAX, 'JPY'),
            ('-9223372036854775808 JPY', INT64_MIN, 'JPY'),
            ('92233720368547758.07 EUR', INT64_MAX, 'EUR'),
            ('-92233720368547758.08 EUR', INT64_MIN, 'EUR'),
        ]
        for text, minor, code in cases:
            with self.subTest(text=text):
                self.assertMoney(Aff.Money.parse(text), minor, code)

    def test_invalid_value(self):
        for text in ('1.234 EUR',      # 3 fraction digits, EUR has 2
                     '1.5 JPY',        # JPY has no fraction
                     '1.00001 CLF',
                     '12,50 EUR', '', ' 1 EUR', '1 EUR ', '1e3 EUR',
                     '1  EUR', '1EUR', 'EUR', '1', '1.50', '- EUR',
                     '--1 EUR', '+-1 EUR', '1 000 EUR', '1\u00a0EUR',
                     '1.2.3 EUR', 'abc EUR', '0x10 EUR', '\u0661 EUR',
                     '1 EUR\n', '1\tEUR'):
            with self.subTest(text=text):
                self.assertAffError(Aff.Error.INVALID_VALUE,
                                    Aff.Money.parse, text)

    def test_overflow(self):
        # The digits are well formed but do not fit in int64.
        for text in ('9223372036854775808 JPY',
                     '-9223372036854775809 JPY',
                     '92233720368547758.08 EUR',
                     '99999999999999999999999999999 EUR'):
            with self.subTest(text=text):
                self.assertAffError(Aff.Error.OVERFLOW, Aff.Money.parse, text)

    def test_unknown_currency(self):
        for text in ('1.00 XXX', '1 XAU', '1.00 ABC'):
            with self.subTest(text=text):
                self.assertAffError(Aff.Error.UNKNOWN_CURRENCY,
                                    Aff.Money.parse, text)

    def test_lowercase_code_is_unknown_currency(self):
        # The contract gives "eur" as a code Aff.Money.new refuses with
        # UNKNOWN_CURRENCY, and parse reports UNKNOWN_CURRENCY "for a
        # well-formed amount with a bad code": "12.50" is well formed.
        self.assertAffError(Aff.Error.UNKNOWN_CURRENCY, Aff.Money.parse, '12.50 eur')


class TestToString(AffTestCase):
    def test_to_string(self):
        cases = [
            (123456, 'EUR', '1234.56 EUR'),
            (-5, 'EUR', '-0.05 EUR'),
            (1500, 'JPY', '1500 JPY'),
            (0, 'EUR', '0.00 EUR'),
            (1234, 'KWD', '1.234 KWD'),
            (5, 'CLF', '0.0005 CLF'),
            (-100, 'EUR', '-1.00 EUR'),
            (-1500, 'JPY', '-1500 JPY'),
            (INT64_MAX, 'EUR', '92233720368547758.07 EUR'),
            (INT64_MIN, 'EUR', '-92233720368547758.08 EUR'),
        ]
        for minor, code, text in cases:
            with self.subTest(text=text):
                self.assertEqual(Aff.Money.new(minor, code).to_string(), text)

    def test_round_trip(self):
        for minor, code in ((0, 'EUR'), (1, 'EUR'), (-99, 'USD'),
                            (INT64_MIN, 'EUR'), (INT64_MAX, 'KWD'),
                            (123456789, 'CLF'), (-7, 'JPY')):
            with self.subTest(minor=minor, code=code):
                m = Aff.Money.new(minor, code)
                self.assertMoney(Aff.Money.parse(m.to_string()), minor, code)


class TestArithmetic(AffTestCase):
    def test_add_subtract(self):
        self.assertMoney(eur(150).add(eur(275)), 425, 'EUR')      # 1.50 + 2.75
        self.assertMoney(eur(100).subtract(eur(250)), -150, 'EUR')  # 1.00 - 2.50
        self.assertMoney(eur(-5).add(eur(5)), 0, 'EUR')
        self.assertMoney(eur(INT64_MAX).add(eur(INT64_MIN)), -1, 'EUR')
        self.assertMoney(eur(INT64_MAX - 1).add(eur(1)), INT64_MAX, 'EUR')
        self.assertMoney(eur(-1).subtract(eur(INT64_MAX)), INT64_MIN, 'EUR')

    def test_currency_mismatch(self):
        usd = Aff.Money.new(100, 'USD')
        for op in (Aff.Money.add, Aff.Money.subtract, Aff.Money.compare):
            with self.subTest(op=op.__name__):
                self.assertAffError(Aff.Error.CURRENCY_MISMATCH,
                                    op, eur(100), usd)
        # Same number, different currency: not equal, no error.
        self.assertFalse(eur(100).equal(usd))

    def test_overflow(self):
        self.assertAffError(Aff.Error.OVERFLOW, Aff.Money.add,
                            eur(INT64_MAX), eur(1))
        self.assertAffError(Aff.Error.OVERFLOW, Aff.Money.add,
                            eur(INT64_MIN), eur(-1))
        self.assertAffError(Aff.Error.OVERFLOW, Aff.Money.subtract,
                            eur(INT64_MIN), eur(1))
        # 0 - INT64_MIN = 2**63 does not fit
        self.assertAffError(Aff.Error.OVERFLOW, Aff.Money.subtract,
                            eur(0), eur(INT64_MIN))
        self.assertAffError(Aff.Error.OVERFLOW, Aff.Money.subtract,
                            eur(INT64_MAX), eur(-1))

    def test_negate(self):
        self.assertMoney(eur(5).negate(), -5, 'EUR')
        self.assertMoney(eur(-5).negate(), 5, 'EUR')
        self.assertMoney(eur(0).negate(), 0, 'EUR')
        self.assertMoney(eur(INT64_MAX).negate(), -INT64_MAX, 'EUR')
        self.assertAffError(Aff.Error.OVERFLOW, Aff.Money.negate,
                            eur(INT64_MIN))

    def test_compare_equal(self):
        self.assertEqual(eur(1).compare(eur(2)), -1)
        self.assertEqual(eur(2).compare(eur(2)), 0)
        self.assertEqual(eur(3).compare(eur(2)), 1)
        self.assertEqual(eur(INT64_MIN).compare(eur(INT64_MAX)), -1)
        self.assertEqual(eur(INT64_MAX).compare(eur(INT64_MIN)), 1)
        self.assertTrue(eur(2).equal(eur(2)))
        self.assertFalse(eur(2).equal(eur(3)))
        self.assertFalse(Aff.Money.new(0, 'EUR').equal(Aff.Money.new(0, 'USD')))

    def test_values_are_immutable(self):
        a = eur(100)
        b = eur(50)
        a.add(b)
        a.subtract(b)
        a.negate()
        a.multiply(3, 2)
        self.assertMoney(a, 100, 'EUR')
        self.assertMoney(b, 50, 'EUR')


class TestMultiply(AffTestCase):
    def test_contract_examples(self):
        # 100.00 * 1/3 = 3333.33.. minor -> 3333
        self.assertMoney(eur(10000).multiply(1, 3), 3333, 'EUR')
        # 0.05 * 1/2 = 2.5 minor -> half to even -> 2
        self.assertMoney(eur(5).multiply(1, 2), 2, 'EUR')
        # 0.15 * 1/2 = 7.5 -> 8 (8 is even)
        self.assertMoney(eur(15).multiply(1, 2), 8, 'EUR')
        # -0.05 * 1/2 = -2.5 -> -2
        self.assertMoney(eur(-5).multiply(1, 2), -2, 'EUR')
        # 1000.00 * 1950/10000 = 100000 * 0.195 = 19500 exactly
        self.assertMoney(eur(100000).multiply(1950, 10000), 19500, 'EUR')

    def test_half_to_even(self):
        cases = [
            (25, 1, 10, 2),     # 2.5 -> 2
            (35, 1, 10, 4),     # 3.5 -> 4
            (45, 1, 10, 4),     # 4.5 -> 4
            (-15, 1, 2, -8),    # -7.5 -> -8
            (-35, 1, 10, -4),   # -3.5 -> -4
            (1, 1, 2, 0),       # 0.5 -> 0
            (3, 1, 2, 2),       # 1.5 -> 2
            (20000, 2, 3, 13333),  # 13333.33 -> 13333
            (1, 2, 3, 1),       # 0.666 -> 1
            (-1, 2, 3, -1),     # -0.666 -> -1
            (26, 1, 10, 3),     # 2.6 -> 3 (not a tie)
            (24, 1, 10, 2),     # 2.4 -> 2
            (5, 1, -2, -2),     # 5 * 1 / -2 = -2.5 -> -2
            (5, -1, 2, -2),     # same value, sign on the numerator
            (-5, -1, 2, 2),     # 2.5 -> 2
            (12345, 0, 7, 0),
            (7, 7, 7, 7),
        ]
        for minor, num, den, expected in cases:
            with self.subTest(minor=minor, num=num, den=den):
                self.assertMoney(eur(minor).multiply(num, den), expected, 'EUR')

    def test_exact_intermediate(self):
        # minor * num must not overflow before the division.
        self.assertMoney(eur(INT64_MAX).multiply(2, 2), INT64_MAX, 'EUR')
        self.assertMoney(eur(INT64_MIN).multiply(3, 3), INT64_MIN, 'EUR')
        # (2**63 - 1) * 10**6 / 10**6
        self.assertMoney(eur(INT64_MAX).multiply(10**6, 10**6), INT64_MAX, 'EUR')
        # (2**63 - 1) / 2 = 4611686018427387903.5 -> even -> 4611686018427387904
        self.assertMoney(eur(INT64_MAX).multiply(1, 2), 4611686018427387904, 'EUR')

    def test_errors(self):
        self.assertAffError(Aff.Error.INVALID_VALUE, Aff.Money.multiply,
                            eur(100), 1, 0)
        self.assertAffError(Aff.Error.OVERFLOW, Aff.Money.multiply,
                            eur(INT64_MAX), 3, 2)
        self.assertAffError(Aff.Error.OVERFLOW, Aff.Money.multiply,
                            eur(INT64_MIN), -1, 1)
        self.assertAffError(Aff.Error.OVERFLOW, Aff.Money.multiply,
                            eur(2**62), 2, 1)
        self.assertMoney(eur(-(2**62)).multiply(2, 1), INT64_MIN, 'EUR')

    def test_currency_kept(self):
        self.assertMoney(Aff.Money.new(1000, 'JPY').multiply(1, 3), 333, 'JPY')


class TestAllocate(AffTestCase):
    def assertParts(self, parts, minors, currency='EUR'):
        self.assertEqual([(p.get_minor(), p.get_currency()) for p in parts],
                         [(m, currency) for m in minors])

    def test_contract_examples(self):
        # 10000 / 3 = 3333 r 1 each; leftover 1 -> tie -> first part
        self.assertParts(eur(10000).allocate([1, 1, 1]), [3334, 3333, 3333])
        # 5*3/10 = 1.5, 5*7/10 = 3.5: floors 1, 3 (sum 4); remainders tie
        # at .5 -> leftover unit to the earlier part -> 2, 3
        self.assertParts(eur(5).allocate([3, 7]), [2, 3])
        # the parts are Aff.Money values (the override class), each its own
        parts = eur(10000).allocate([1, 1, 1])
        self.assertIs(type(parts[0]), Aff.Money)
        self.assertEqual(str(parts[0]), '33.34 EUR')

    def test_largest_remainder(self):
        # 11 by [1, 2]: 3.667 and 7.333 -> floors 3, 7; leftover to the
        # larger remainder (.667, the first) -> 4, 7
        self.assertParts(eur(11).allocate([1, 2]), [4, 7])
        # 11 by [2, 1]: 7.333 and 3.667 -> leftover to the second -> 7, 4
        self.assertParts(eur(11).allocate([2, 1]), [7, 4])
        # 10 by [1, 1, 1]: 3 r 1/3 each -> first gets the leftover
        self.assertParts(eur(10).allocate([1, 1, 1]), [4, 3, 3])
        # 100 by [1, 1, 1, 1, 1, 1] (6 parts): 16.667 each, floors 16 (sum 96)
        # -> 4 leftover units to the first four (all remainders tie)
        self.assertParts(eur(100).allocate([1] * 6), [17, 17, 17, 17, 16, 16])
        # 1 by [1, 1]: 0.5 each -> first
        self.assertParts(eur(1).allocate([1, 1]), [1, 0])
        # 100 by [1, 0, 1]: a zero weight gets nothing
        self.assertParts(eur(100).allocate([1, 0, 1]), [50, 0, 50])
        # exact splits
        self.assertParts(eur(100).allocate([2, 3, 5]), [20, 30, 50])
        self.assertParts(Aff.Money.new(7, 'JPY').allocate([1, 2, 4]),
                         [1, 2, 4], 'JPY')
        # a single part takes everything
        self.assertParts(eur(12345).allocate([9]), [12345])
        # 1000 by [1, 3, 3]: 142.857, 428.571, 428.571 -> floors 142, 428, 428
        # (998); remainders .857, .571, .571 -> first, then second (tie with
        # third, earlier wins) -> 143, 429, 428
        self.assertParts(eur(1000).allocate([1, 3, 3]), [143, 429, 428])

    def test_negative(self):
        # allocation of |amount| then negated
        self.assertParts(eur(-10000).allocate([1, 1, 1]), [-3334, -3333, -3333])
        self.assertParts(eur(-5).allocate([3, 7]), [-2, -3])
        self.assertParts(eur(-11).allocate([1, 2]), [-4, -7])

    def test_zero_amount(self):
        self.assertParts(eur(0).allocate([1, 2]), [0, 0])

    def test_extremes(self):
        # (2**63-1) by [1, 1]: 4611686018427387903.5 each -> floors, one
        # leftover unit -> first
        self.assertParts(eur(INT64_MAX).allocate([1, 1]),
                         [4611686018427387904, 4611686018427387903])
        # |INT64_MIN| = 2**63 by [1, 1] -> 2**62 each, negated
        self.assertParts(eur(INT64_MIN).allocate([1, 1]), [-(2**62), -(2**62)])
        # large weights: 10 by [2**32-1, 1] -> 9.99999999767, 0.0000000023
        # -> floors 9, 0; leftover to the first (larger remainder) -> 10, 0
        self.assertParts(eur(10).allocate([2**32 - 1, 1]), [10, 0])

    def test_parts_sum_to_amount(self):
        for minor in (0, 1, 7, 99, 10001, -12345, 987654321):
            for weights in ([1], [1, 1], [3, 7], [1, 2, 3, 4], [5, 0, 5, 1],
                            [13, 17, 19, 23, 29]):
                with self.subTest(minor=minor, weights=weights):
                    parts = eur(minor).allocate(weights)
                    self.assertEqual(len(parts), len(weights))
                    self.assertEqual(sum(p.get_minor() for p in parts), minor)

    def test_errors(self):
        self.assertAffError(Aff.Error.INVALID_VALUE, Aff.Money.allocate,
                            eur(100), [])
        self.assertAffError(Aff.Error.INVALID_VALUE, Aff.Money.allocate,
                            eur(100), [0, 0])
        self.assertAffError(Aff.Error.INVALID_VALUE, Aff.Money.allocate,
                            eur(100), [0])


class TestFormat(AffTestCase):
    def test_french(self):
        for locale in ('fr', 'fr_FR', 'fr_FR.UTF-8'):
            with self.subTest(locale=locale):
                self.assertEqual(eur(123456).format(locale),
                                 '1' + NNBSP + '234,56' + NBSP + '€')
                self.assertEqual(eur(-123456789).format(locale),
                                 '-1' + NNBSP + '234' + NNBSP + '567,89' + NBSP + '€')
                self.assertEqual(Aff.Money.new(1500, 'JPY').format(locale),
                                 '1' + NNBSP + '500' + NBSP + '¥')

    def test_french_more(self):
        self.assertEqual(eur(12345).format('fr'), '123,45' + NBSP + '€')
        self.assertEqual(eur(0).format('fr'), '0,00' + NBSP + '€')
        self.assertEqual(eur(-5).format('fr'), '-0,05' + NBSP + '€')
        self.assertEqual(eur(100000).format('fr'),
                         '1' + NNBSP + '000,00' + NBSP + '€')
        self.assertEqual(Aff.Money.new(100000, 'USD').format('fr'),
                         '1' + NNBSP + '000,00' + NBSP + '$')
        self.assertEqual(Aff.Money.new(999, 'GBP').format('fr'),
                         '9,99' + NBSP + '£')
        self.assertEqual(Aff.Money.new(1234567, 'JPY').format('fr'),
                         '1' + NNBSP + '234' + NNBSP + '567' + NBSP + '¥')
        # codes without a symbol print the code
        self.assertEqual(Aff.Money.new(123456, 'CHF').format('fr'),
                         '1' + NNBSP + '234,56' + NBSP + 'CHF')
        self.assertEqual(Aff.Money.new(1234, 'KWD').format('fr'),
                         '1,234' + NBSP + 'KWD')

    def test_english(self):
        for locale in ('en', 'en_US', 'en_GB'):
            with self.subTest(locale=locale):
                self.assertEqual(eur(123456).format(locale), '€1,234.56')
                self.assertEqual(eur(-123456).format(locale), '-€1,234.56')
        self.assertEqual(Aff.Money.new(123456, 'USD').format('en_US'), '$1,234.56')
        self.assertEqual(Aff.Money.new(123456, 'GBP').format('en_GB'), '£1,234.56')
        self.assertEqual(Aff.Money.new(1500, 'JPY').format('en'), '¥1,500')
        self.assertEqual(eur(-123456789).format('en'), '-€1,234,567.89')
        self.assertEqual(eur(99).format('en'), '€0.99')

    def test_german(self):
        for locale in ('de', 'de_DE'):
            with self.subTest(locale=locale):
                self.assertEqual(eur(123456).format(locale), '1.234,56' + NBSP + '€')
                self.assertEqual(eur(-123456789).format(locale),
                                 '-1.234.567,89' + NBSP + '€')

    def test_fallback_to_string(self):
        for locale in (None, 'C', 'POSIX', 'xx_YY', 'tlh'):
            with self.subTest(locale=locale):
                self.assertEqual(eur(123456).format(locale), '1234.56 EUR')
                self.assertEqual(Aff.Money.new(-1500, 'JPY').format(locale),
                                 '-1500 JPY')


class TestOverrides(AffTestCase):
    """bindings/python/gi/overrides/Aff.py must be the one in use."""

    def test_override_active(self):
        self.assertEqual(Aff.Money.__module__, 'gi.overrides.Aff')
        mod = sys.modules.get('gi.overrides.Aff')
        self.assertIsNotNone(mod, 'gi.overrides.Aff was not loaded')
        here = os.path.dirname(os.path.abspath(__file__))
        expected = os.path.normpath(os.path.join(
            here, '..', '..', 'bindings', 'python', 'gi', 'overrides', 'Aff.py'))
        self.assertEqual(os.path.realpath(mod.__file__), os.path.realpath(expected))
        # values the C library returns are wrapped in the override class
        self.assertIs(type(Aff.Money.parse('1.00 EUR')), Aff.Money)
        self.assertIs(type(eur(5).add(eur(1))), Aff.Money)

    def test_str_repr(self):
        m = Aff.Money.parse('1234.56 EUR')
        self.assertEqual(str(m), '1234.56 EUR')
        self.assertEqual(str(Aff.Money.new(-5, 'EUR')), '-0.05 EUR')
        self.assertIn('1234.56 EUR', repr(m))
        self.assertIn('Money', repr(m))

    def test_equality_and_hash(self):
        self.assertEqual(eur(150), Aff.Money.parse('1.50 EUR'))
        self.assertTrue(eur(150) == eur(150))
        self.assertFalse(eur(150) != eur(150))
        self.assertNotEqual(eur(150), eur(151))
        # different currencies: unequal, no exception
        self.assertNotEqual(eur(150), Aff.Money.new(150, 'USD'))
        self.assertFalse(eur(150) == Aff.Money.new(150, 'USD'))
        self.assertNotEqual(eur(150), 150)
        self.assertNotEqual(eur(150), '1.50 EUR')
        self.assertEqual(hash(eur(150)), hash(Aff.Money.parse('1.50 EUR')))
        self.assertEqual(len({eur(1), eur(1), eur(2), Aff.Money.new(1, 'USD')}), 3)
        self.assertIn(eur(7), {eur(7): 'x'})

    def test_ordering(self):
        self.assertTrue(eur(1) < eur(2))
        self.assertTrue(eur(2) <= eur(2))
        self.assertTrue(eur(3) > eur(2))
        self.assertTrue(eur(2) >= eur(2))
        self.assertFalse(eur(2) < eur(2))
        self.assertFalse(eur(2) > eur(3))
        self.assertEqual([m.get_minor() for m in sorted([eur(3), eur(-1), eur(2)])],
                         [-1, 2, 3])
        self.assertEqual(max(eur(3), eur(10), eur(-4)).get_minor(), 10)
        for op in (lambda a, b: a < b, lambda a, b: a <= b,
                   lambda a, b: a > b, lambda a, b: a >= b):
            self.assertAffError(Aff.Error.CURRENCY_MISMATCH, op,
                                eur(1), Aff.Money.new(1, 'USD'))
        with self.assertRaises(TypeError):
            eur(1) < 2

    def test_operators(self):
        self.assertEqual(eur(150) + eur(275), eur(425))
        self.assertEqual(eur(100) - eur(250), eur(-150))
        self.assertEqual(-eur(5), eur(-5))
        self.assertEqual(sum([eur(1), eur(2), eur(3)], eur(0)), eur(6))
        self.assertAffError(Aff.Error.CURRENCY_MISMATCH, lambda: eur(1) + Aff.Money.new(1, 'USD'))
        self.assertAffError(Aff.Error.CURRENCY_MISMATCH, lambda: eur(1) - Aff.Money.new(1, 'JPY'))
        self.assertAffError(Aff.Error.OVERFLOW, lambda: eur(INT64_MAX) + eur(1))
        self.assertAffError(Aff.Error.OVERFLOW, lambda: eur(INT64_MIN) - eur(1))
        self.assertAffError(Aff.Error.OVERFLOW, lambda: -eur(INT64_MIN))
        with self.assertRaises(TypeError):
            eur(1) + 1
        with self.assertRaises(TypeError):
            eur(1) - 1.0


if __name__ == '__main__':
    unittest.main()
