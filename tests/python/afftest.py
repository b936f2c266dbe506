# Helpers shared by the Python tests of libaffaires.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import unittest

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib  # noqa: E402


def D(year, month, day):
    """A GLib.Date from year, month, day."""
    return GLib.Date.new_dmy(day, GLib.DateMonth(month), year)


def ymd(date):
    """A GLib.Date as a (year, month, day) tuple, None stays None."""
    if date is None:
        return None
    return (date.get_year(), int(date.get_month()), date.get_day())


def to_text(portfolio):
    """The portfolio's document; its length must be its UTF-8 byte count."""
    text, length = portfolio.to_data()
    assert len(text.encode('utf-8')) == length, (len(text.encode('utf-8')), length)
    return text


class AffTestCase(unittest.TestCase):
    def assertAffError(self, code, func, *args):
        """func(*args) must raise a GLib.Error in Aff's domain with code."""
        with self.assertRaises(GLib.Error) as cm:
            func(*args)
        e = cm.exception
        self.assertTrue(e.matches(Aff.error_quark(), code),
                        'expected %r, got domain %s code %d: %s'
                        % (code, e.domain, e.code, e.message))
        self.assertEqual(e.domain, GLib.quark_to_string(Aff.error_quark()))
        self.assertEqual(e.code, code)
        self.assertTrue(e.message, 'error message must not be empty')
        return e
