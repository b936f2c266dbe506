#!/usr/bin/python3
# Aff.Policy from Python: the defaults, the directives, labour rates, and
# their round trip through the portfolio document.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import unittest

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff  # noqa: E402
import afftest  # noqa: E402
from afftest import to_text  # noqa: E402


class TestPolicy(afftest.AffTestCase):
    def test_defaults(self):
        # The defaults documented on aff_policy_new().
        policy = Aff.Policy.new()
        self.assertEqual(policy.get_currency(), 'EUR')
        self.assertEqual(policy.get_activities(), [])
        self.assertEqual(policy.get_target_margin_rate(), 1500)
        self.assertEqual(policy.get_floor_margin_rate(), 800)
        self.assertEqual(policy.get_bid_threshold(), 70)
        self.assertEqual(policy.get_review_threshold(), 50)
        self.assertEqual(policy.get_prevention_plan_hours(), 400)
        self.assertEqual(policy.get_retention_rate(), 500)
        self.assertEqual(policy.get_offer_reminder_days(), 10)
        self.assertEqual(policy.list_skills(), [])

    def test_properties_and_notify(self):
        policy = Aff.Policy.new()
        seen = []
        policy.connect('notify', lambda obj, pspec: seen.append(pspec.name))
        policy.props.target_margin_rate = 1800
        policy.set_target_margin_rate(1800)          # unchanged: no notify
        policy.props.floor_margin_rate = -500        # a loss-leader floor is allowed
        policy.set_activities(['pipework', 'boilermaking'])
        self.assertEqual(seen, ['target-margin-rate', 'floor-margin-rate', 'activities'])
        self.assertEqual(policy.props.activities, ['pipework', 'boilermaking'])
        self.assertTrue(policy.performs_activity('pipework'))
        self.assertFalse(policy.performs_activity('painting'))

    def test_labour_rates(self):
        policy = Aff.Policy.new()
        policy.set_labour_rate('welder', Aff.Money.parse('58.00 EUR'))
        policy.set_labour_rate('design-engineer', Aff.Money.parse('75.00 EUR'))
        self.assertEqual(policy.list_skills(), ['design-engineer', 'welder'])
        self.assertEqual(policy.get_labour_rate('welder').get_minor(), 5800)
        self.assertIsNone(policy.get_labour_rate('painter'))
        self.assertAffError(Aff.Error.CURRENCY_MISMATCH, policy.set_labour_rate,
                            'fitter', Aff.Money.parse('50.00 USD'))
        self.assertAffError(Aff.Error.INVALID_VALUE, policy.set_labour_rate,
                            'fitter', Aff.Money.parse('-1.00 EUR'))
        self.assertAffError(Aff.Error.INVALID_VALUE, policy.set_labour_rate,
                            '', Aff.Money.parse('1.00 EUR'))
        # Rates in EUR pin the currency until they are removed.
        self.assertAffError(Aff.Error.CURRENCY_MISMATCH, policy.set_currency, 'CHF')
        policy.set_labour_rate('welder', None)
        policy.set_labour_rate('design-engineer', None)
        policy.set_currency('CHF')
        self.assertEqual(policy.get_currency(), 'CHF')
        self.assertAffError(Aff.Error.UNKNOWN_CURRENCY, policy.set_currency, 'ZZZ')

    def test_round_trip(self):
        portfolio = Aff.Portfolio.new()
        policy = portfolio.get_policy()
        policy.set_activities(['industrial-electricity'])
        policy.set_labour_rate('electrician', Aff.Money.parse('54.50 EUR'))
        policy.set_bid_threshold(75)
        policy.set_review_threshold(55)
        policy.set_follow_up_days_dormant(365)
        reloaded = Aff.Portfolio.new_from_data(to_text(portfolio), -1)
        again = reloaded.get_policy()
        self.assertEqual(again.get_activities(), ['industrial-electricity'])
        self.assertEqual(str(again.get_labour_rate('electrician')), '54.50 EUR')
        self.assertEqual((again.get_bid_threshold(), again.get_review_threshold()), (75, 55))
        self.assertEqual(again.get_follow_up_days_dormant(), 365)
        # Changes are journaled: activities, rate, two thresholds, cadence.
        actions = [e.get_action() for e in
                   reloaded.get_journal().list_entries_for('policy', 'policy')]
        self.assertEqual(actions, ['changed', 'labour-rate-set', 'changed', 'changed', 'changed'])
        # The reloaded policy keeps journaling.
        again.set_retention_rate(300)
        self.assertEqual(reloaded.get_journal().get_n_entries(), 6)
        self.assertTrue(reloaded.get_journal().verify())


if __name__ == '__main__':
    unittest.main()
