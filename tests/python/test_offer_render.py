"""Aff.OfferRevision.render and the policy's presentation standards from
Python, against the same golden files as the C test (tests/c/test-offer-render.c
explains, figure by figure, the hand pricing of data/offer-story.json)."""
import os
import unittest

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib  # noqa: E402

DATA = os.path.join(os.environ['G_TEST_SRCDIR'], 'data')
F = Aff.DocumentFormat


def golden(name):
    with open(os.path.join(DATA, 'golden', name), encoding='utf-8') as f:
        return f.read()


def story():
    return Aff.Portfolio.new_from_file(os.path.join(DATA, 'offer-story.json'))


def current(p):
    return p.lookup_offer('OF-2026-014').get_current_revision()


class RenderTest(unittest.TestCase):
    def assertAffError(self, code, fn, *args):
        with self.assertRaises(GLib.Error) as cm:
            fn(*args)
        self.assertEqual(cm.exception.code, int(code))
        return cm.exception

    def test_golden(self):
        p = story()
        self.assertEqual(current(p).render(F.MARKDOWN), golden('offer-fr.md'))
        self.assertEqual(current(p).render(F.HTML), golden('offer-fr.html'))
        p.get_policy().set_language('en')
        self.assertEqual(current(p).render(F.MARKDOWN), golden('offer-en.md'))

    def test_price_table(self):
        p = story()
        md = current(p).render(F.MARKDOWN)
        # 3 322,14 + 843,31 + 1 379,97 + 210,83 = 5 756,25 (by hand)
        for amount in ('3\u202f322,14', '843,31', '1\u202f379,97', '210,83', '**5\u202f756,25'):
            self.assertIn(amount, md)
        self.assertNotIn('755,00', md)   # overheads stay inside

    def test_draft_and_escaping(self):
        p = story()
        p.lookup_client('acme').set_name('A*B <Fils>')
        b = p.lookup_offer('OF-2026-014').revise()
        md = b.render(F.MARKDOWN)
        self.assertIn('Projet : révision non envoyée', md)
        self.assertIn('A\\*B \\<Fils\\>', md)
        self.assertIn('A*B &lt;Fils&gt;', b.render(F.HTML))

    def test_errors(self):
        p = story()
        loose = Aff.OfferRevision.new('A', p.get_policy())
        self.assertAffError(Aff.Error.NOT_ASSESSABLE, loose.render, F.HTML)
        p.get_policy().set_presentation('company-name', None)
        e = self.assertAffError(Aff.Error.INVALID_VALUE, current(p).render, F.HTML)
        self.assertIn('OF-2026-014', e.message)
        self.assertAffError(Aff.Error.INVALID_VALUE, p.get_policy().set_presentation, 'logo', 'x')

    def test_presentation_round_trip(self):
        p = story()
        text, _length = p.to_data()
        q = Aff.Portfolio.new_from_data(text, -1)
        for key in Aff.Policy.list_presentation_keys():
            self.assertEqual(q.get_policy().get_presentation(key), p.get_policy().get_presentation(key))
        self.assertEqual(q.get_policy().get_presentation('signatory-name'), 'Claire Martin')


if __name__ == '__main__':
    unittest.main()
