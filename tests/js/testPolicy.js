// Aff.Policy from GJS: defaults, directives, labour rates, round trip.
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import Aff from 'gi://Aff?version=1';
import {test, run, assertEqual, assertThrows, assertTrue, assertFalse} from './harness.js';

const E = Aff.Error;

test('defaults', () => {
    const policy = Aff.Policy.new();
    assertEqual(policy.get_currency(), 'EUR');
    assertEqual([policy.get_target_margin_rate(), policy.get_floor_margin_rate()], [1500, 800]);
    assertEqual([policy.get_bid_threshold(), policy.get_review_threshold()], [70, 50]);
    assertEqual([policy.get_prevention_plan_hours(), policy.get_retention_rate()], [400, 500]);
    assertEqual([policy.get_follow_up_days_prospect(), policy.get_follow_up_days_active(),
        policy.get_follow_up_days_dormant()], [30, 60, 180]);
    assertEqual(policy.get_offer_reminder_days(), 10);
});

test('properties notify once per change', () => {
    const policy = Aff.Policy.new();
    const seen = [];
    const id = policy.connect('notify', (_obj, pspec) => seen.push(pspec.get_name()));
    policy.bid_threshold = 80;
    policy.set_bid_threshold(80);
    policy.set_activities(['pipework']);
    policy.disconnect(id);
    assertEqual(seen, ['bid-threshold', 'activities']);
    assertTrue(policy.performs_activity('pipework'));
    assertFalse(policy.performs_activity('painting'));
});

test('labour rates', () => {
    const policy = Aff.Policy.new();
    policy.set_labour_rate('welder', Aff.Money.parse('58.00 EUR'));
    assertEqual(policy.get_labour_rate('welder').to_string(), '58.00 EUR');
    assertEqual(policy.get_labour_rate('painter'), null);
    assertEqual(policy.list_skills(), ['welder']);
    assertThrows(() => policy.set_labour_rate('fitter', Aff.Money.parse('50.00 GBP')), E.CURRENCY_MISMATCH);
    assertThrows(() => policy.set_currency('GBP'), E.CURRENCY_MISMATCH);
    policy.set_labour_rate('welder', null);
    policy.set_currency('GBP');
    assertEqual(policy.get_currency(), 'GBP');
});

test('round trip through the document', () => {
    const portfolio = Aff.Portfolio.new();
    portfolio.get_policy().set_target_margin_rate(2200);
    portfolio.get_policy().set_labour_rate('pipefitter', Aff.Money.parse('52.00 EUR'));
    const [text] = portfolio.to_data();
    const again = Aff.Portfolio.new_from_data(text, -1).get_policy();
    assertEqual(again.get_target_margin_rate(), 2200);
    assertEqual(again.get_labour_rate('pipefitter').get_minor(), 5200);
});

run();
