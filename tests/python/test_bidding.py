#!/usr/bin/python3
# Consultations and the go / no-go from Python: solvency (Altman Z' and Z''),
# risks, the consultation state machine, the portfolio's consultations, the
# evaluation and the decision, statistics, and the round trip of all of it.
#
# Every expected value is a hand calculation from docs/rules.md, second half
# ("Consultations and the go / no-go"); the arithmetic is in the comments.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os
import tempfile
import unittest

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib, Gio  # noqa: E402
import afftest  # noqa: E402
from afftest import D, ymd, to_text  # noqa: E402

Status = Aff.ClientStatus
State = Aff.ConsultationState
Verdict = Aff.BidVerdict
Model = Aff.AltmanModel
Rating = Aff.SolvencyRating
Band = Aff.RiskBand
Cat = Aff.RiskCategory
Treat = Aff.RiskTreatment
RStatus = Aff.RiskStatus
Dept = Aff.Department
# The smallest 32-bit integer (G_MININT), exported by the typelib.
MARGIN_UNSET = Aff.MARGIN_RATE_UNSET
assert MARGIN_UNSET == -2 ** 31

CRITERIA = ['activities', 'solvency', 'deadline', 'critical-risks',
            'strategic-fit', 'win-rate', 'margin', 'risk', 'workload', 'bid-cost']
GATES = CRITERIA[:4]
WEIGHTED = CRITERIA[4:]
DEFAULT_WEIGHTS = {'strategic-fit': 20, 'win-rate': 15, 'margin': 25, 'risk': 20,
                   'workload': 10, 'bid-cost': 10}


def M(text):
    """Money from its canonical text; a bare number is EUR."""
    if ' ' not in text:
        text += ' EUR'
    return Aff.Money.parse(text)


def out(result):
    """The value of a gboolean-returning call with one out argument.

    PyGObject gives (True, value) unless the return value is skipped."""
    if isinstance(result, tuple):
        ok, value = result
        assert ok is True, result
        return value
    return result


def nick(enum_value):
    return enum_value.value_nick


def ids(items):
    return [x.get_id() for x in items]


# Figures over total assets of 1 000 000.00 EUR, so that every ratio is exact.
#   X1 = 200 000 / 1 000 000 = 0.2    X2 = 300 000 / 1 000 000 = 0.3
#   X3 = 100 000 / 1 000 000 = 0.1    X4 = 500 000 / 500 000   = 1.0
#   X5 = sales / 1 000 000
GREY_ZP = dict(total_assets='1000000.00', working_capital='200000.00',
               retained_earnings='300000.00', ebit='100000.00',
               book_equity='500000.00', total_liabilities='500000.00',
               sales='1500000.00')
# Z' = 0.717*0.2 + 0.847*0.3 + 3.107*0.1 + 0.420*1.0 + 0.998*1.5
#    = 0.1434 + 0.2541 + 0.3107 + 0.420 + 1.497 = 2.6252 -> GREY
# Z'' = 6.56*0.2 + 3.26*0.3 + 6.72*0.1 + 1.05*1.0
#     = 1.312 + 0.978 + 0.672 + 1.05 = 4.012 -> SAFE
SAFE_ZP = dict(GREY_ZP, sales='2000000.00')
# Z' = 0.1434 + 0.2541 + 0.3107 + 0.420 + 0.998*2.0 (1.996) = 3.1242 -> SAFE
DISTRESS_ZP = dict(total_assets='1000000.00', working_capital='-100000.00',
                   retained_earnings='0.00', ebit='0.00', book_equity='100000.00',
                   total_liabilities='500000.00', sales='1000000.00')
# Z' = 0.717*(-0.1) + 0 + 0 + 0.420*0.2 + 0.998*1.0
#    = -0.0717 + 0.084 + 0.998 = 1.0103 -> DISTRESS (< 1.23)


def make_solvency(date, model=Model.AUTO, **figures):
    s = Aff.Solvency.new(date)
    if model is not None:
        s.set_model(model)
    for name, value in figures.items():
        if value is not None:
            getattr(s, 'set_' + name)(M(value))
    return s


def new_portfolio():
    p = Aff.Portfolio.new()
    p.set_actor('Claire Martin')
    p.set_fixed_time(GLib.DateTime.new_utc(2026, 4, 1, 9, 0, 0))
    p.get_policy().set_activities(['pipework', 'boilermaking'])
    return p


def add_client(p, cid, status=Status.ACTIVE, sector='28.29B', solvency=SAFE_ZP,
               solvency_date=(2026, 1, 15)):
    c = Aff.Client.new(cid, cid.upper())
    if sector is not None:
        c.set_sector(sector)
    p.add_client(c)
    if status != Status.PROSPECT:
        c.change_status(status, D(2026, 1, 10), 'status for the test')
    if solvency is not None:
        c.add_solvency(make_solvency(D(*solvency_date), **solvency))
    return c


def add_consultation(p, cid, client_id, received, deadline, activities=('pipework',),
                     title=None, hours=100, margin=1500, value='200000.00',
                     bid_cost='1000.00'):
    k = Aff.Consultation.new(cid, client_id, title or 'Consultation ' + cid,
                             received, deadline)
    k.set_activities(list(activities))
    k.set_estimated_hours(hours)
    k.set_expected_margin_rate(margin)
    if value is not None:
        k.set_estimated_value(M(value))
    if bid_cost is not None:
        k.set_bid_cost(M(bid_cost))
    p.add_consultation(k)
    return k


def add_days(date, n):
    d = GLib.Date.new_dmy(date.get_day(), date.get_month(), date.get_year())
    d.add_days(n)
    return d


def through(p, cid, client_id, day, mode, decision=None, outcome=None,
            activities=('pipework',)):
    """A consultation received, qualified and evaluated on `day`, then
    decided on the same day and pushed to `outcome`.

    mode 'go': every gate passes, margin 1500 (5), bid cost 1 000 / 200 000
      = 50 bp (5), no risk (5), ACTIVE client (5), 100 h (workload 5):
      score = (20*5 + 15*wr + 25*5 + 20*5 + 10*5 + 10*5) / 5 = 85 + 3 wr >= 85
      -> GO whatever the win rate wr (0..5).
    mode 'review': margin unset (2), bid cost unset (3), one HIGH risk
      (2 x 5 = 10, treated) (2): (100 + 15 wr + 50 + 40 + 50 + 30) / 5
      = 54 + 3 wr in 54..69 -> REVIEW.
    mode 'no-go': deadline 5 days after the evaluation < 10 -> gate fails.
    """
    deadline = add_days(day, 5 if mode == 'no-go' else 30)
    k = add_consultation(p, cid, client_id, day, deadline, activities=activities,
                         margin=(MARGIN_UNSET if mode == 'review' else 1500),
                         bid_cost=(None if mode == 'review' else '1000.00'))
    if mode == 'review':
        r = Aff.Risk.new('access window', Cat.SCHEDULE, 2, 5)
        r.set_treatment(Treat.REDUCE)
        k.get_risk_register().add_risk(r)
    k.start_qualification(day, 'analysis')
    ev = p.evaluate_consultation(cid, day)
    expected = {'go': Verdict.GO, 'review': Verdict.REVIEW, 'no-go': Verdict.NO_GO}[mode]
    assert ev.get_verdict() == expected, (cid, ev.get_verdict(), ev.get_score())
    if decision is None:
        return k
    against = ((expected == Verdict.GO and decision == Verdict.NO_GO)
               or (expected == Verdict.NO_GO and decision == Verdict.GO))
    p.decide_consultation(cid, decision, 'Direction',
                          'overridden on purpose' if against else None)
    if outcome in (State.OFFER_SENT, State.WON, State.LOST):
        k.mark_offer_sent(add_days(day, 10), 'sent')
    if outcome == State.WON:
        k.mark_won(add_days(day, 40), 'ordered')
    elif outcome == State.LOST:
        k.mark_lost(add_days(day, 40), 'competitor')
    elif outcome == State.ABANDONED:
        k.abandon(add_days(day, 12), 'client cancelled')
    return k


def build_history():
    """Ten consultations whose outcomes are known (see the tests below).

    id   client activities          evaluation decision outcome
    H1   acme   pipework            GO         GO       WON
    H2   acme   pipework            GO         GO       LOST
    H3   acme   boilermaking        NO_GO      GO (against) LOST
    H4   acme   pipework            REVIEW     GO       OFFER_SENT
    H5   acme   pipework            GO         NO_GO (against) NO_GO
    H6   beta   boilermaking        GO         GO       WON
    H7   beta   pipework+boilerm.   REVIEW     GO       WON
    H8   acme   pipework            -          -        RECEIVED
    H9   acme   pipework            GO         -        ABANDONED (from QUALIFYING)
    H10  acme   pipework            GO         GO       ABANDONED (from GO)
    """
    p = new_portfolio()
    add_client(p, 'acme')
    add_client(p, 'beta', sector='71.12B')
    through(p, 'H1', 'acme', D(2026, 2, 1), 'go', Verdict.GO, State.WON)
    through(p, 'H2', 'acme', D(2026, 2, 2), 'go', Verdict.GO, State.LOST)
    through(p, 'H3', 'acme', D(2026, 2, 3), 'no-go', Verdict.GO, State.LOST,
            activities=('boilermaking',))
    through(p, 'H4', 'acme', D(2026, 2, 4), 'review', Verdict.GO, State.OFFER_SENT)
    through(p, 'H5', 'acme', D(2026, 2, 5), 'go', Verdict.NO_GO)
    through(p, 'H6', 'beta', D(2026, 2, 6), 'go', Verdict.GO, State.WON,
            activities=('boilermaking',))
    through(p, 'H7', 'beta', D(2026, 2, 7), 'review', Verdict.GO, State.WON,
            activities=('pipework', 'boilermaking'))
    add_consultation(p, 'H8', 'acme', D(2026, 2, 8), D(2026, 3, 8))
    h9 = through(p, 'H9', 'acme', D(2026, 2, 9), 'go')
    h9.abandon(D(2026, 2, 10), 'dropped')
    through(p, 'H10', 'acme', D(2026, 2, 10), 'go', Verdict.GO, State.ABANDONED)
    return p


AffTestCase = afftest.AffTestCase


# ---------------------------------------------------------------- solvency

class TestAltman(AffTestCase):
    def test_ratios(self):
        s = make_solvency(D(2026, 1, 15), Model.Z_PRIME, **GREY_ZP)
        for i, x in ((1, 0.2), (2, 0.3), (3, 0.1), (4, 1.0), (5, 1.5)):
            with self.subTest(ratio=i):
                self.assertAlmostEqual(out(s.compute_ratio(i)), x, places=12)
        self.assertAffError(Aff.Error.INVALID_VALUE, s.compute_ratio, 0)
        self.assertAffError(Aff.Error.INVALID_VALUE, s.compute_ratio, 6)

    def test_z_prime(self):
        s = make_solvency(D(2026, 1, 15), Model.Z_PRIME, **GREY_ZP)
        self.assertEqual(s.get_model(), Model.Z_PRIME)
        # 0.1434 + 0.2541 + 0.3107 + 0.420 + 1.497 = 2.6252
        self.assertAlmostEqual(out(s.compute_score()), 2.6252, places=9)
        self.assertEqual(out(s.compute_zone()), Rating.GREY)
        s = make_solvency(D(2026, 1, 15), Model.Z_PRIME, **SAFE_ZP)
        # 0.1434 + 0.2541 + 0.3107 + 0.420 + 1.996 = 3.1242
        self.assertAlmostEqual(out(s.compute_score()), 3.1242, places=9)
        self.assertEqual(out(s.compute_zone()), Rating.SAFE)
        s = make_solvency(D(2026, 1, 15), Model.Z_PRIME, **DISTRESS_ZP)
        # -0.0717 + 0 + 0 + 0.084 + 0.998 = 1.0103
        self.assertAlmostEqual(out(s.compute_score()), 1.0103, places=9)
        self.assertEqual(out(s.compute_zone()), Rating.DISTRESS)

    def test_z_double_prime(self):
        s = make_solvency(D(2026, 1, 15), Model.Z_DOUBLE_PRIME, **GREY_ZP)
        # 6.56*0.2 + 3.26*0.3 + 6.72*0.1 + 1.05*1.0 = 1.312 + 0.978 + 0.672 + 1.05
        self.assertAlmostEqual(out(s.compute_score()), 4.012, places=9)
        self.assertEqual(out(s.compute_zone()), Rating.SAFE)
        # sales are not needed by Z''
        s = make_solvency(D(2026, 1, 15), Model.Z_DOUBLE_PRIME, **dict(GREY_ZP, sales=None))
        self.assertIsNone(s.get_sales())
        self.assertAlmostEqual(out(s.compute_score()), 4.012, places=9)

    def assertZone(self, model, figures, score, zone):
        s = make_solvency(D(2026, 1, 15), model, **figures)
        self.assertAlmostEqual(out(s.compute_score()), score, places=9)
        self.assertEqual(out(s.compute_zone()), zone)

    def test_z_prime_boundaries(self):
        base = dict(total_assets='1000000.00', working_capital='0.00',
                    retained_earnings='0.00', ebit='0.00')
        # X4 = 478 000 / 200 000 = 2.39, X5 = 1 900 000 / 1 000 000 = 1.9
        # Z' = 0.420*2.39 + 0.998*1.9 = 1.0038 + 1.8962 = 2.9 exactly -> GREY
        at_safe = dict(base, book_equity='478000.00', total_liabilities='200000.00',
                       sales='1900000.00')
        self.assertZone(Model.Z_PRIME, at_safe, 2.9, Rating.GREY)
        # 1 000.00 more sales: X5 = 1.901, Z' = 2.9 + 0.000998 = 2.900998 -> SAFE
        self.assertZone(Model.Z_PRIME, dict(at_safe, sales='1901000.00'), 2.900998,
                        Rating.SAFE)
        # X4 = 158 000 / 200 000 = 0.79, X5 = 0.9
        # Z' = 0.420*0.79 + 0.998*0.9 = 0.3318 + 0.8982 = 1.23 exactly -> GREY
        at_distress = dict(base, book_equity='158000.00', total_liabilities='200000.00',
                           sales='900000.00')
        self.assertZone(Model.Z_PRIME, at_distress, 1.23, Rating.GREY)
        # 1 000.00 less sales: 1.23 - 0.000998 = 1.229002 -> DISTRESS
        self.assertZone(Model.Z_PRIME, dict(at_distress, sales='899000.00'), 1.229002,
                        Rating.DISTRESS)

    def test_z_double_prime_boundaries(self):
        base = dict(total_assets='1000000.00', retained_earnings='0.00',
                    book_equity='0.00', total_liabilities='200000.00')
        # X1 = 0.13, X3 = 0.26: 6.56*0.13 + 6.72*0.26 = 0.8528 + 1.7472 = 2.6 -> GREY
        at_safe = dict(base, working_capital='130000.00', ebit='260000.00')
        self.assertZone(Model.Z_DOUBLE_PRIME, at_safe, 2.6, Rating.GREY)
        # 1 000.00 retained earnings: X2 = 0.001, + 3.26*0.001 = 2.60326 -> SAFE
        self.assertZone(Model.Z_DOUBLE_PRIME, dict(at_safe, retained_earnings='1000.00'),
                        2.60326, Rating.SAFE)
        # X1 = 0.097, X3 = 0.069: 6.56*0.097 + 6.72*0.069 = 0.63632 + 0.46368 = 1.1
        at_distress = dict(base, working_capital='97000.00', ebit='69000.00')
        self.assertZone(Model.Z_DOUBLE_PRIME, at_distress, 1.1, Rating.GREY)
        # X1 = 0.096: 0.62976 + 0.46368 = 1.09344 -> DISTRESS
        self.assertZone(Model.Z_DOUBLE_PRIME, dict(at_distress, working_capital='96000.00'),
                        1.09344, Rating.DISTRESS)

    def test_not_assessable(self):
        policy = Aff.Policy.new()
        # sales missing: Z' cannot be computed, the message names the figure
        s = make_solvency(D(2026, 1, 15), Model.Z_PRIME, **dict(GREY_ZP, sales=None))
        e = self.assertAffError(Aff.Error.NOT_ASSESSABLE, s.compute_score)
        self.assertIn('sales', e.message.lower())
        self.assertAffError(Aff.Error.NOT_ASSESSABLE, s.compute_ratio, 5)
        self.assertAffError(Aff.Error.NOT_ASSESSABLE, s.compute_zone)
        self.assertAffError(Aff.Error.NOT_ASSESSABLE, s.compute_rating, policy)
        # each missing figure
        for name in GREY_ZP:
            with self.subTest(missing=name):
                s = make_solvency(D(2026, 1, 15), Model.Z_PRIME, **dict(GREY_ZP, **{name: None}))
                self.assertAffError(Aff.Error.NOT_ASSESSABLE, s.compute_score)
        # total assets or total liabilities <= 0
        for figures in (dict(GREY_ZP, total_assets='0.00'),
                        dict(GREY_ZP, total_assets='-10.00'),
                        dict(GREY_ZP, total_liabilities='0.00')):
            with self.subTest(figures=figures):
                s = make_solvency(D(2026, 1, 15), Model.Z_DOUBLE_PRIME, **figures)
                self.assertAffError(Aff.Error.NOT_ASSESSABLE, s.compute_score)
        s = make_solvency(D(2026, 1, 15), Model.Z_PRIME, **dict(GREY_ZP, total_assets='0.00'))
        self.assertAffError(Aff.Error.NOT_ASSESSABLE, s.compute_ratio, 1)
        s = make_solvency(D(2026, 1, 15), Model.Z_PRIME,
                          **dict(GREY_ZP, total_liabilities='-1.00'))
        self.assertAffError(Aff.Error.NOT_ASSESSABLE, s.compute_ratio, 4)

    def test_auto_model_not_assessable(self):
        s = Aff.Solvency.new(D(2026, 1, 15))
        self.assertEqual(s.get_model(), Model.AUTO)
        s = make_solvency(D(2026, 1, 15), Model.AUTO, **SAFE_ZP)
        # the ratios need no model ...
        self.assertAlmostEqual(out(s.compute_ratio(1)), 0.2, places=12)
        # ... the score, zone and rating do
        self.assertAffError(Aff.Error.NOT_ASSESSABLE, s.compute_score)
        self.assertAffError(Aff.Error.NOT_ASSESSABLE, s.compute_zone)
        self.assertAffError(Aff.Error.NOT_ASSESSABLE, s.compute_rating, Aff.Policy.new())

    def test_currency_mismatch(self):
        s = make_solvency(D(2026, 1, 15), Model.Z_PRIME,
                          **dict(GREY_ZP, sales='1500000.00 USD'))
        self.assertAffError(Aff.Error.CURRENCY_MISMATCH, s.compute_score)
        self.assertAffError(Aff.Error.CURRENCY_MISMATCH, s.compute_ratio, 5)
        s = make_solvency(D(2026, 1, 15), Model.Z_DOUBLE_PRIME,
                          **dict(GREY_ZP, book_equity='500000.00 CHF'))
        self.assertAffError(Aff.Error.CURRENCY_MISMATCH, s.compute_score)
        self.assertAffError(Aff.Error.CURRENCY_MISMATCH, s.compute_ratio, 4)
        # every figure in USD is fine: Z'' = 4.012 as in EUR
        s = make_solvency(D(2026, 1, 15), Model.Z_DOUBLE_PRIME,
                          **{k: v + ' USD' for k, v in GREY_ZP.items()})
        self.assertAlmostEqual(out(s.compute_score()), 4.012, places=9)

    def test_model_for_sector(self):
        for naf, model in (('10.11Z', Model.Z_PRIME),      # division 10: manufacturing
                           ('28.29B', Model.Z_PRIME),
                           ('33.12Z', Model.Z_PRIME),      # division 33: last of section C
                           ('09.10Z', Model.Z_DOUBLE_PRIME),  # mining support
                           ('35.11Z', Model.Z_DOUBLE_PRIME),  # electricity
                           ('71.12B', Model.Z_DOUBLE_PRIME),  # engineering
                           (None, Model.AUTO),
                           ('', Model.AUTO),
                           ('2829B', Model.AUTO),
                           ('28.29b', Model.AUTO),
                           ('28.29', Model.AUTO),
                           ('manufacturing', Model.AUTO)):
            with self.subTest(naf=naf):
                self.assertEqual(Aff.altman_model_for_sector(naf), model)


class TestRating(AffTestCase):
    def rating(self, policy, figures=GREY_ZP, model=Model.Z_DOUBLE_PRIME,
               dso=-1, late=-1, incidents=-1):
        s = make_solvency(D(2026, 1, 15), model, **figures)
        s.set_dso_days(dso)
        s.set_average_days_late(late)
        s.set_payment_incidents(incidents)
        return out(s.compute_rating(policy))

    def test_payment_behaviour(self):
        policy = Aff.Policy.new()
        self.assertEqual((policy.get_max_dso_days(), policy.get_max_average_days_late(),
                          policy.get_max_payment_incidents()), (90, 30, 2))
        s = Aff.Solvency.new(D(2026, 1, 15))
        self.assertEqual((s.get_dso_days(), s.get_average_days_late(),
                          s.get_payment_incidents()), (-1, -1, -1))
        # GREY_ZP under Z'' is SAFE (4.012)
        r = lambda **kw: self.rating(policy, **kw)
        self.assertEqual(r(), Rating.SAFE)                       # unknown: no breach
        self.assertEqual(r(dso=90, late=30, incidents=2), Rating.SAFE)   # at the limits
        self.assertEqual(r(dso=91), Rating.GREY)                 # one breach
        self.assertEqual(r(late=31), Rating.GREY)
        self.assertEqual(r(incidents=3), Rating.GREY)
        self.assertEqual(r(dso=91, late=31), Rating.DISTRESS)    # two breaches
        self.assertEqual(r(dso=91, late=31, incidents=3), Rating.DISTRESS)  # never below
        # zone GREY (Z' 2.6252) with one breach -> DISTRESS, two -> still DISTRESS
        self.assertEqual(r(model=Model.Z_PRIME), Rating.GREY)
        self.assertEqual(r(model=Model.Z_PRIME, incidents=3), Rating.DISTRESS)
        self.assertEqual(r(model=Model.Z_PRIME, dso=120, incidents=5), Rating.DISTRESS)
        # zone DISTRESS stays DISTRESS
        self.assertEqual(r(model=Model.Z_PRIME, figures=DISTRESS_ZP), Rating.DISTRESS)

    def test_changed_policy(self):
        policy = Aff.Policy.new()
        policy.set_max_dso_days(60)
        policy.set_max_average_days_late(10)
        policy.set_max_payment_incidents(0)
        r = lambda **kw: self.rating(policy, **kw)
        self.assertEqual(r(dso=60, late=10, incidents=0), Rating.SAFE)
        self.assertEqual(r(dso=61), Rating.GREY)
        self.assertEqual(r(late=11), Rating.GREY)
        self.assertEqual(r(incidents=1), Rating.GREY)
        self.assertEqual(r(dso=61, incidents=1), Rating.DISTRESS)

    def test_stale(self):
        policy = Aff.Policy.new()
        self.assertEqual(policy.get_solvency_max_age_days(), 365)
        s = make_solvency(D(2025, 4, 10), Model.Z_PRIME, **SAFE_ZP)
        # 2025-04-10 -> 2026-04-10 = 365 days: not more than 365
        self.assertFalse(s.is_stale(policy, D(2026, 4, 10)))
        # 366 days
        self.assertTrue(s.is_stale(policy, D(2026, 4, 11)))
        # an assessment dated after the date is not stale
        self.assertFalse(s.is_stale(policy, D(2025, 1, 1)))
        self.assertFalse(s.is_stale(policy, D(2025, 4, 10)))
        policy.set_solvency_max_age_days(30)
        # 2025-04-10 + 30 days = 2025-05-10
        self.assertFalse(s.is_stale(policy, D(2025, 5, 10)))
        self.assertTrue(s.is_stale(policy, D(2025, 5, 11)))


class TestClientSolvency(AffTestCase):
    def test_auto_resolved_from_sector(self):
        p = new_portfolio()
        maker = Aff.Client.new('maker', 'Maker')
        maker.set_sector('28.29B')
        engineer = Aff.Client.new('engineer', 'Engineer')
        engineer.set_sector('71.12B')
        nobody = Aff.Client.new('nosector', 'No sector')
        for c in (maker, engineer, nobody):
            p.add_client(c)

        s = make_solvency(D(2026, 1, 15), Model.AUTO, **GREY_ZP)
        self.assertTrue(maker.add_solvency(s))
        self.assertEqual(s.get_model(), Model.Z_PRIME)
        self.assertAlmostEqual(out(s.compute_score()), 2.6252, places=9)

        s = make_solvency(D(2026, 1, 15), Model.AUTO, **GREY_ZP)
        self.assertTrue(engineer.add_solvency(s))
        self.assertEqual(s.get_model(), Model.Z_DOUBLE_PRIME)
        self.assertAlmostEqual(out(s.compute_score()), 4.012, places=9)

        # an explicit model is kept whatever the sector
        s = make_solvency(D(2026, 2, 15), Model.Z_DOUBLE_PRIME, **GREY_ZP)
        self.assertTrue(maker.add_solvency(s))
        self.assertEqual(s.get_model(), Model.Z_DOUBLE_PRIME)

        # no sector: AUTO is refused, an explicit model is accepted
        s = make_solvency(D(2026, 1, 15), Model.AUTO, **GREY_ZP)
        self.assertAffError(Aff.Error.INVALID_VALUE, nobody.add_solvency, s)
        self.assertEqual(nobody.get_solvencies().get_n_items(), 0)
        s = make_solvency(D(2026, 1, 15), Model.Z_PRIME, **GREY_ZP)
        self.assertTrue(nobody.add_solvency(s))
        self.assertEqual(nobody.get_solvencies().get_n_items(), 1)

        # journaled on the client
        actions = [e.get_action() for e in
                   p.get_journal().list_entries_for('client', 'maker')]
        self.assertEqual(actions.count('solvency-added'), 2)
        self.assertTrue(p.get_journal().verify())

    def test_current_solvency(self):
        p = new_portfolio()
        c = add_client(p, 'acme', solvency=None)
        self.assertIsNone(c.get_current_solvency(D(2026, 1, 1)))
        later = make_solvency(D(2026, 3, 31), **GREY_ZP)
        earlier = make_solvency(D(2025, 3, 31), **SAFE_ZP)
        c.add_solvency(later)
        c.add_solvency(earlier)
        # the list is by date whatever the order they were added in
        sols = list(c.get_solvencies())
        self.assertIsInstance(c.get_solvencies(), Gio.ListModel)
        self.assertEqual([ymd(s.get_date()) for s in sols], [(2025, 3, 31), (2026, 3, 31)])
        self.assertIsNone(c.get_current_solvency(D(2025, 3, 30)))
        self.assertIs(c.get_current_solvency(D(2025, 3, 31)), earlier)
        self.assertIs(c.get_current_solvency(D(2026, 3, 30)), earlier)
        self.assertIs(c.get_current_solvency(D(2026, 3, 31)), later)
        self.assertIs(c.get_current_solvency(D(2030, 1, 1)), later)


# ---------------------------------------------------------------- risks

class TestRisk(AffTestCase):
    def test_criticality_and_bands(self):
        policy = Aff.Policy.new()
        self.assertEqual((policy.get_risk_critical_threshold(), policy.get_risk_high_threshold(),
                          policy.get_risk_medium_threshold()), (16, 10, 5))
        # default thresholds: >= 16 CRITICAL, >= 10 HIGH, >= 5 MEDIUM
        cases = [((1, 1), 1, Band.LOW), ((2, 2), 4, Band.LOW), ((5, 1), 5, Band.MEDIUM),
                 ((3, 3), 9, Band.MEDIUM), ((2, 5), 10, Band.HIGH), ((3, 5), 15, Band.HIGH),
                 ((4, 4), 16, Band.CRITICAL), ((5, 5), 25, Band.CRITICAL)]
        for (prob, impact), crit, band in cases:
            with self.subTest(p=prob, i=impact):
                r = Aff.Risk.new('risk', Cat.TECHNICAL, prob, impact)
                self.assertEqual((r.get_probability(), r.get_impact()), (prob, impact))
                self.assertEqual(r.get_criticality(), crit)
                self.assertEqual(r.get_band(policy), band)
        # changed thresholds: >= 20 CRITICAL, >= 12 HIGH, >= 6 MEDIUM
        policy.set_risk_critical_threshold(20)
        policy.set_risk_high_threshold(12)
        policy.set_risk_medium_threshold(6)
        cases = [((5, 1), Band.LOW), ((2, 3), Band.MEDIUM), ((2, 5), Band.MEDIUM),
                 ((3, 4), Band.HIGH), ((4, 4), Band.HIGH), ((4, 5), Band.CRITICAL)]
        for (prob, impact), band in cases:
            with self.subTest(p=prob, i=impact, policy='changed'):
                self.assertEqual(Aff.Risk.new('r', Cat.SAFETY, prob, impact).get_band(policy),
                                 band)
        # criticality follows probability and impact changes
        r = Aff.Risk.new('r', Cat.ECONOMIC, 1, 1)
        r.set_probability(3)
        r.set_impact(4)
        self.assertEqual(r.get_criticality(), 12)

    def test_defaults_and_properties(self):
        r = Aff.Risk.new('Livraison tardive des brides', Cat.SCHEDULE, 3, 4)
        self.assertIsNone(r.get_id())
        self.assertEqual(r.get_title(), 'Livraison tardive des brides')
        self.assertEqual(r.get_category(), Cat.SCHEDULE)
        self.assertIsNone(r.get_exposure())
        self.assertEqual(r.get_probability_percent(), -1)
        self.assertEqual(r.get_treatment(), Treat.NONE)
        self.assertEqual(r.get_status(), RStatus.OPEN)
        self.assertIsNone(r.get_review_date())
        r.set_owner('Marc Petit')
        r.set_review_date(D(2026, 5, 1))
        self.assertEqual(r.get_owner(), 'Marc Petit')
        self.assertEqual(ymd(r.get_review_date()), (2026, 5, 1))

    def test_expected_value(self):
        def ev(exposure, percent):
            r = Aff.Risk.new('r', Cat.ECONOMIC, 3, 3)
            r.set_exposure(M(exposure))
            r.set_probability_percent(percent)
            return r.compute_expected_value().to_string()
        # 10 000.00 x 25 / 100 = 2 500.00
        self.assertEqual(ev('10000.00', 25), '2500.00 EUR')
        # 0.10 EUR = 10 cents x 25 % = 2.5 -> 2 (half to even)
        self.assertEqual(ev('0.10', 25), '0.02 EUR')
        # 0.30 EUR = 30 cents x 25 % = 7.5 -> 8
        self.assertEqual(ev('0.30', 25), '0.08 EUR')
        # 0.01 x 50 % = 0.5 cent -> 0; 0.03 x 50 % = 1.5 -> 2
        self.assertEqual(ev('0.01', 50), '0.00 EUR')
        self.assertEqual(ev('0.03', 50), '0.02 EUR')
        # 0 % and 100 %
        self.assertEqual(ev('1234.56', 0), '0.00 EUR')
        self.assertEqual(ev('1234.56', 100), '1234.56 EUR')
        # 1 500 JPY x 33 % = 495
        self.assertEqual(ev('1500 JPY', 33), '495 JPY')
        # unset exposure or percent
        r = Aff.Risk.new('r', Cat.ECONOMIC, 3, 3)
        r.set_probability_percent(50)
        self.assertAffError(Aff.Error.NOT_ASSESSABLE, r.compute_expected_value)
        r = Aff.Risk.new('r', Cat.ECONOMIC, 3, 3)
        r.set_exposure(M('100.00'))
        self.assertAffError(Aff.Error.NOT_ASSESSABLE, r.compute_expected_value)
        r.set_probability_percent(10)
        self.assertEqual(r.compute_expected_value().to_string(), '10.00 EUR')
        r.set_probability_percent(-1)
        self.assertAffError(Aff.Error.NOT_ASSESSABLE, r.compute_expected_value)


class TestRiskRegister(AffTestCase):
    def test_ids(self):
        reg = Aff.RiskRegister.new()
        risks = [Aff.Risk.new('r%d' % n, Cat.TECHNICAL, 2, 2) for n in range(3)]
        for r in risks:
            self.assertTrue(reg.add_risk(r))
        self.assertEqual([r.get_id() for r in risks], ['RISK-1', 'RISK-2', 'RISK-3'])
        self.assertEqual(ids(reg.get_risks()), ['RISK-1', 'RISK-2', 'RISK-3'])
        self.assertIs(reg.lookup_risk('RISK-2'), risks[1])
        self.assertIsNone(reg.lookup_risk('RISK-9'))
        # a risk already in a register, this one or another
        self.assertAffError(Aff.Error.INVALID_VALUE, reg.add_risk, risks[0])
        self.assertAffError(Aff.Error.INVALID_VALUE, Aff.RiskRegister.new().add_risk, risks[0])
        self.assertEqual(reg.get_risks().get_n_items(), 3)
        e = self.assertAffError(Aff.Error.NOT_FOUND, reg.remove_risk, 'RISK-9')
        self.assertIn('RISK-9', e.message)
        self.assertTrue(reg.remove_risk('RISK-2'))
        self.assertIsNone(reg.lookup_risk('RISK-2'))
        self.assertEqual(ids(reg.get_risks()), ['RISK-1', 'RISK-3'])
        self.assertAffError(Aff.Error.NOT_FOUND, reg.remove_risk, 'RISK-2')
        # a new risk never takes the id of one still in the register
        r = Aff.Risk.new('new', Cat.TECHNICAL, 1, 1)
        reg.add_risk(r)
        self.assertNotIn(r.get_id(), ('RISK-1', 'RISK-3'))
        self.assertRegex(r.get_id(), r'^RISK-[0-9]+$')

    def build(self):
        """
        id      p x i  crit  band      treatment status    exposure  %   expected
        RISK-1  4 x 4  16    CRITICAL  NONE      OPEN      10000.00  20  2000.00
        RISK-2  5 x 2  10    HIGH      REDUCE    OPEN       5000.00  10   500.00
        RISK-3  5 x 4  20    CRITICAL  SHARE     OPEN       -        -    -
        RISK-4  2 x 5  10    HIGH      NONE      OPEN       1000.00  -    -
        RISK-5  5 x 5  25    CRITICAL  NONE      CLOSED   100000.00  50   (closed)
        RISK-6  1 x 2   2    LOW       NONE      OPEN          0.10  25     0.02 (2.5 -> 2)
        RISK-7  4 x 4  16    CRITICAL  NONE      OCCURRED  50000.00  90   (occurred)
        RISK-8  3 x 3   9    MEDIUM    ACCEPT    OPEN          0.30  25     0.08 (7.5 -> 8)
        """
        reg = Aff.RiskRegister.new()
        rows = [(4, 4, Treat.NONE, RStatus.OPEN, '10000.00', 20),
                (5, 2, Treat.REDUCE, RStatus.OPEN, '5000.00', 10),
                (5, 4, Treat.SHARE, RStatus.OPEN, None, -1),
                (2, 5, Treat.NONE, RStatus.OPEN, '1000.00', -1),
                (5, 5, Treat.NONE, RStatus.CLOSED, '100000.00', 50),
                (1, 2, Treat.NONE, RStatus.OPEN, '0.10', 25),
                (4, 4, Treat.NONE, RStatus.OCCURRED, '50000.00', 90),
                (3, 3, Treat.ACCEPT, RStatus.OPEN, '0.30', 25)]
        for n, (prob, impact, treatment, status, exposure, percent) in enumerate(rows):
            r = Aff.Risk.new('risk %d' % (n + 1), Cat.TECHNICAL, prob, impact)
            r.set_treatment(treatment)
            r.set_status(status)
            if exposure is not None:
                r.set_exposure(M(exposure))
            r.set_probability_percent(percent)
            reg.add_risk(r)
        return reg

    def test_summarize(self):
        reg = self.build()
        policy = Aff.Policy.new()
        s = reg.summarize(policy, 3)
        # open: RISK-1, 2, 3, 4, 6, 8 = 6
        self.assertEqual(s.get_n_open(), 6)
        self.assertEqual({b: s.get_count(b) for b in (Band.LOW, Band.MEDIUM, Band.HIGH,
                                                      Band.CRITICAL)},
                         {Band.LOW: 1, Band.MEDIUM: 1, Band.HIGH: 2, Band.CRITICAL: 2})
        self.assertEqual(s.get_highest_band(), Band.CRITICAL)
        # CRITICAL and untreated among open ones: RISK-1 only (RISK-3 is shared,
        # RISK-5 closed, RISK-7 occurred)
        self.assertEqual(s.get_n_untreated_critical(), 1)
        # by criticality: RISK-3 20, RISK-1 16, RISK-2 10, RISK-4 10 (tie: order of
        # addition), RISK-8 9, RISK-6 2
        self.assertEqual(list(s.get_top_risks()), ['RISK-3', 'RISK-1', 'RISK-2'])
        # 2000.00 + 500.00 + 0.02 + 0.08 = 2500.10
        self.assertEqual(s.get_expected_exposure().to_string(), '2500.10 EUR')
        self.assertEqual(list(reg.summarize(policy, 4).get_top_risks()),
                         ['RISK-3', 'RISK-1', 'RISK-2', 'RISK-4'])
        self.assertEqual(list(reg.summarize(policy, 10).get_top_risks()),
                         ['RISK-3', 'RISK-1', 'RISK-2', 'RISK-4', 'RISK-8', 'RISK-6'])
        self.assertEqual(list(reg.summarize(policy, 0).get_top_risks() or []), [])

    def test_summarize_changed_policy(self):
        reg = self.build()
        policy = Aff.Policy.new()
        # >= 20 CRITICAL, >= 12 HIGH, >= 9 MEDIUM
        policy.set_risk_critical_threshold(20)
        policy.set_risk_high_threshold(12)
        policy.set_risk_medium_threshold(9)
        s = reg.summarize(policy, 2)
        # open: RISK-1 16 HIGH, RISK-2 10 MEDIUM, RISK-3 20 CRITICAL (shared),
        # RISK-4 10 MEDIUM, RISK-6 2 LOW, RISK-8 9 MEDIUM
        self.assertEqual({b: s.get_count(b) for b in (Band.LOW, Band.MEDIUM, Band.HIGH,
                                                      Band.CRITICAL)},
                         {Band.LOW: 1, Band.MEDIUM: 3, Band.HIGH: 1, Band.CRITICAL: 1})
        self.assertEqual(s.get_highest_band(), Band.CRITICAL)
        self.assertEqual(s.get_n_untreated_critical(), 0)
        self.assertEqual(list(s.get_top_risks()), ['RISK-3', 'RISK-1'])
        # closing RISK-3: highest becomes HIGH
        reg.lookup_risk('RISK-3').set_status(RStatus.CLOSED)
        s = reg.summarize(policy, 2)
        self.assertEqual(s.get_n_open(), 5)
        self.assertEqual(s.get_highest_band(), Band.HIGH)
        self.assertEqual(list(s.get_top_risks()), ['RISK-1', 'RISK-2'])

    def test_summarize_empty_and_currency(self):
        policy = Aff.Policy.new()
        s = Aff.RiskRegister.new().summarize(policy, 5)
        self.assertEqual(s.get_n_open(), 0)
        self.assertEqual(s.get_highest_band(), Band.LOW)
        self.assertEqual(s.get_n_untreated_critical(), 0)
        self.assertEqual(list(s.get_top_risks() or []), [])
        self.assertEqual(s.get_expected_exposure().to_string(), '0.00 EUR')
        # zero in the policy currency
        policy.set_currency('JPY')
        self.assertEqual(Aff.RiskRegister.new().summarize(policy, 5)
                         .get_expected_exposure().to_string(), '0 JPY')
        # an open risk assessed in another currency
        reg = Aff.RiskRegister.new()
        r = Aff.Risk.new('r', Cat.ECONOMIC, 2, 2)
        r.set_exposure(M('100.00 USD'))
        r.set_probability_percent(50)
        reg.add_risk(r)
        self.assertAffError(Aff.Error.CURRENCY_MISMATCH, reg.summarize, Aff.Policy.new(), 5)
        # a closed one does not count
        r.set_status(RStatus.CLOSED)
        self.assertEqual(reg.summarize(Aff.Policy.new(), 5).get_expected_exposure()
                         .to_string(), '0.00 EUR')
        # nor one without percent
        r.set_status(RStatus.OPEN)
        r.set_probability_percent(-1)
        self.assertEqual(reg.summarize(Aff.Policy.new(), 5).get_expected_exposure()
                         .to_string(), '0.00 EUR')


# ---------------------------------------------------------------- consultations

class TestConsultation(AffTestCase):
    def new(self):
        return Aff.Consultation.new('AO-1', 'acme', 'Révision des pompes',
                                    D(2026, 4, 1), D(2026, 5, 1))

    def test_properties(self):
        k = self.new()
        self.assertEqual((k.get_id(), k.get_client_id(), k.get_title()),
                         ('AO-1', 'acme', 'Révision des pompes'))
        self.assertEqual(ymd(k.get_received()), (2026, 4, 1))
        self.assertEqual(ymd(k.get_deadline()), (2026, 5, 1))
        self.assertEqual(k.get_state(), State.RECEIVED)
        self.assertTrue(k.is_open())
        self.assertEqual(k.get_expected_margin_rate(), MARGIN_UNSET)
        self.assertEqual(k.get_estimated_hours(), 0)
        self.assertIsNone(k.get_estimated_value())
        self.assertIsNone(k.get_bid_cost())
        k.set_regulatory_flags(Aff.RegulatoryFlags.HOT_WORK | Aff.RegulatoryFlags.ATEX)
        self.assertEqual(k.get_regulatory_flags(),
                         Aff.RegulatoryFlags.HOT_WORK | Aff.RegulatoryFlags.ATEX)
        k.set_source(Aff.ConsultationSource.PUBLIC_TENDER)
        self.assertEqual(k.get_source(), Aff.ConsultationSource.PUBLIC_TENDER)
        k.set_activities(['pipework', 'boilermaking'])
        self.assertEqual(list(k.get_activities()), ['pipework', 'boilermaking'])
        ok, date = k.get_state_date(State.RECEIVED)
        self.assertTrue(ok)
        self.assertEqual(ymd(date), (2026, 4, 1))
        self.assertFalse(k.get_state_date(State.QUALIFYING)[0])
        self.assertIsInstance(k.get_risk_register(), Aff.RiskRegister)

    def test_standalone_transitions(self):
        k = self.new()
        self.assertTrue(k.start_qualification(D(2026, 4, 2), 'analysis'))
        self.assertEqual(k.get_state(), State.QUALIFYING)
        self.assertTrue(k.is_open())
        self.assertEqual(ymd(k.get_state_date(State.QUALIFYING)[1]), (2026, 4, 2))
        self.assertTrue(k.abandon(D(2026, 4, 3), 'client cancelled'))
        self.assertEqual(k.get_state(), State.ABANDONED)
        self.assertFalse(k.is_open())
        self.assertEqual(ymd(k.get_state_date(State.ABANDONED)[1]), (2026, 4, 3))
        k = self.new()
        self.assertTrue(k.abandon(D(2026, 4, 1), 'out of scope'))   # from RECEIVED, same day
        self.assertEqual(k.get_state(), State.ABANDONED)

    def test_dates_in_order(self):
        k = self.new()
        # (whether the first transition may be dated before the reception is
        # not said by the contract: not tested)
        self.assertTrue(k.start_qualification(D(2026, 4, 5), 'analysis'))
        self.assertAffError(Aff.Error.INVALID_VALUE, k.abandon, D(2026, 4, 4), 'back in time')
        self.assertEqual(k.get_state(), State.QUALIFYING)
        self.assertFalse(k.get_state_date(State.ABANDONED)[0])
        self.assertTrue(k.abandon(D(2026, 4, 5), 'same day is fine'))

    def test_requirements(self):
        k = self.new()
        self.assertEqual(k.add_requirement('DN 150 PN 40 flanges'), 'REQ-1')
        self.assertEqual(k.add_requirement('NF EN 13480 pipework'), 'REQ-2')
        reqs = k.get_requirements()
        self.assertIsInstance(reqs, Gio.ListModel)
        self.assertEqual([(r.get_id(), r.get_text()) for r in reqs],
                         [('REQ-1', 'DN 150 PN 40 flanges'), ('REQ-2', 'NF EN 13480 pipework')])

    def test_questions(self):
        k = self.new()
        self.assertTrue(k.is_analysis_complete())     # nothing pending
        self.assertEqual(k.ask_question('Site access hours?', D(2026, 4, 3)), 'Q-1')
        self.assertEqual(k.ask_question('Which gasket material?', D(2026, 4, 4)), 'Q-2')
        self.assertFalse(k.is_analysis_complete())
        e = self.assertAffError(Aff.Error.NOT_FOUND, k.answer_question, 'Q-3', 'x', D(2026, 4, 5))
        self.assertIn('Q-3', e.message)
        # answered before asked
        self.assertAffError(Aff.Error.INVALID_VALUE, k.answer_question, 'Q-2', 'graphite',
                            D(2026, 4, 3))
        q2 = list(k.get_clarifications())[1]
        self.assertFalse(q2.is_answered())
        self.assertIsNone(q2.get_answer())
        # the same day is fine
        self.assertTrue(k.answer_question('Q-2', 'graphite', D(2026, 4, 4)))
        self.assertTrue(q2.is_answered())
        self.assertEqual((q2.get_id(), q2.get_question(), q2.get_answer()),
                         ('Q-2', 'Which gasket material?', 'graphite'))
        self.assertEqual(ymd(q2.get_asked_date()), (2026, 4, 4))
        self.assertEqual(ymd(q2.get_answered_date()), (2026, 4, 4))
        # answered twice
        self.assertAffError(Aff.Error.INVALID_VALUE, k.answer_question, 'Q-2', 'PTFE',
                            D(2026, 4, 6))
        self.assertEqual(q2.get_answer(), 'graphite')
        self.assertFalse(k.is_analysis_complete())
        k.answer_question('Q-1', '7:00-16:00', D(2026, 4, 6))
        self.assertTrue(k.is_analysis_complete())

    def test_contributions(self):
        k = self.new()
        cid = k.request_contribution(Dept.METHODS, 'Marc Petit', 'welding procedure',
                                     D(2026, 4, 10))
        self.assertEqual(cid, 'CON-1')
        self.assertEqual(k.request_contribution(Dept.PURCHASING, 'Lea Roux', 'flange prices',
                                                D(2026, 4, 12)), 'CON-2')
        self.assertFalse(k.is_analysis_complete())
        self.assertAffError(Aff.Error.NOT_FOUND, k.complete_contribution, 'CON-3', 'x',
                            D(2026, 4, 9))
        self.assertTrue(k.complete_contribution('CON-1', 'WPS 141/111, 320 h', D(2026, 4, 9)))
        con = list(k.get_contributions())[0]
        self.assertEqual((con.get_id(), con.get_department(), con.get_who(), con.get_what(),
                          con.get_answer()),
                         ('CON-1', Dept.METHODS, 'Marc Petit', 'welding procedure',
                          'WPS 141/111, 320 h'))
        self.assertEqual(ymd(con.get_due_date()), (2026, 4, 10))
        self.assertEqual(ymd(con.get_answered_date()), (2026, 4, 9))
        self.assertTrue(con.is_answered())
        self.assertAffError(Aff.Error.INVALID_VALUE, k.complete_contribution, 'CON-1', 'again',
                            D(2026, 4, 11))
        self.assertEqual(con.get_answer(), 'WPS 141/111, 320 h')
        self.assertFalse(k.is_analysis_complete())
        k.complete_contribution('CON-2', 'quote received', D(2026, 4, 12))
        self.assertTrue(k.is_analysis_complete())
        # a question asked later reopens the analysis
        k.ask_question('Painting spec?', D(2026, 4, 13))
        self.assertFalse(k.is_analysis_complete())


class TestStateMachine(AffTestCase):
    """Transitions that need a portfolio (GO comes from a decision)."""

    def setUp(self):
        self.p = new_portfolio()
        add_client(self.p, 'acme')

    def at(self, state, cid='K'):
        """A consultation received 2026-04-01 brought to `state` by
        2026-04-20 at the latest."""
        p = self.p
        k = add_consultation(p, cid, 'acme', D(2026, 4, 1), D(2026, 5, 15))
        if state == State.RECEIVED:
            return k
        if state == State.ABANDONED:
            k.abandon(D(2026, 4, 2), 'abandoned')
            return k
        k.start_qualification(D(2026, 4, 2), 'analysis')
        if state == State.QUALIFYING:
            return k
        ev = p.evaluate_consultation(cid, D(2026, 4, 3))
        assert ev.get_verdict() == Verdict.GO, ev.get_score()
        if state == State.NO_GO:
            p.decide_consultation(cid, Verdict.NO_GO, 'Direction', 'no capacity')
            return k
        p.decide_consultation(cid, Verdict.GO, 'Direction', None)
        if state == State.GO:
            return k
        k.mark_offer_sent(D(2026, 4, 10), 'sent')
        if state == State.OFFER_SENT:
            return k
        if state == State.WON:
            k.mark_won(D(2026, 4, 20), 'order')
        elif state == State.LOST:
            k.mark_lost(D(2026, 4, 20), 'price')
        return k

    def test_allowed_path_won(self):
        k = self.at(State.QUALIFYING)
        self.assertEqual(k.get_evaluation()[0], False)
        self.p.evaluate_consultation('K', D(2026, 4, 3))
        self.assertTrue(self.p.decide_consultation('K', Verdict.GO, 'Direction', None))
        self.assertEqual(k.get_state(), State.GO)
        # The consultation tells its evaluation and decision.
        ok, verdict, score, on = k.get_evaluation()
        self.assertTrue(ok)
        self.assertEqual(verdict, Verdict.GO)
        self.assertEqual((on.get_year(), int(on.get_month()), on.get_day()), (2026, 4, 3))
        ok, verdict, on, by, why, against = k.get_decision()
        self.assertEqual((ok, verdict, by, why, against), (True, Verdict.GO, 'Direction', None, False))
        self.assertEqual((on.get_year(), int(on.get_month()), on.get_day()), (2026, 4, 3))
        self.assertTrue(k.is_open())
        # dated with the evaluation's date
        self.assertEqual(ymd(k.get_state_date(State.GO)[1]), (2026, 4, 3))
        self.assertTrue(k.mark_offer_sent(D(2026, 4, 10), 'sent'))
        self.assertEqual(k.get_state(), State.OFFER_SENT)
        self.assertTrue(k.is_open())
        self.assertTrue(k.mark_won(D(2026, 5, 20), 'order received'))
        self.assertEqual(k.get_state(), State.WON)
        self.assertFalse(k.is_open())
        for state, date in ((State.RECEIVED, (2026, 4, 1)), (State.QUALIFYING, (2026, 4, 2)),
                            (State.GO, (2026, 4, 3)), (State.OFFER_SENT, (2026, 4, 10)),
                            (State.WON, (2026, 5, 20))):
            ok, d = k.get_state_date(state)
            self.assertTrue(ok, state)
            self.assertEqual(ymd(d), date)
        self.assertFalse(k.get_state_date(State.LOST)[0])
        self.assertFalse(k.get_state_date(State.NO_GO)[0])

    def test_allowed_lost_no_go_abandon(self):
        k = self.at(State.OFFER_SENT, 'L')
        self.assertTrue(k.mark_lost(D(2026, 5, 1), 'price'))
        self.assertEqual(k.get_state(), State.LOST)
        self.assertFalse(k.is_open())
        k = self.at(State.NO_GO, 'N')
        self.assertEqual(k.get_state(), State.NO_GO)
        self.assertFalse(k.is_open())
        for state in (State.RECEIVED, State.QUALIFYING, State.GO, State.OFFER_SENT):
            with self.subTest(abandon_from=state):
                k = self.at(state, 'A-%s' % nick(state))
                self.assertTrue(k.abandon(D(2026, 4, 25), 'withdrawn'))
                self.assertEqual(k.get_state(), State.ABANDONED)
                self.assertEqual(ymd(k.get_state_date(State.ABANDONED)[1]), (2026, 4, 25))
                self.assertFalse(k.is_open())

    def test_refused(self):
        allowed = {
            State.RECEIVED: {'start_qualification', 'abandon'},
            State.QUALIFYING: {'abandon'},
            State.GO: {'mark_offer_sent', 'abandon'},
            State.NO_GO: set(),
            State.OFFER_SENT: {'mark_won', 'mark_lost', 'abandon'},
            State.WON: set(),
            State.LOST: set(),
            State.ABANDONED: set(),
        }
        methods = ['start_qualification', 'mark_offer_sent', 'mark_won', 'mark_lost', 'abandon']
        for state, ok_methods in allowed.items():
            for method in methods:
                if method in ok_methods:
                    continue
                with self.subTest(state=state, method=method):
                    cid = 'R-%s-%s' % (nick(state), method.replace('_', '-'))
                    k = self.at(state, cid)
                    journal = self.p.get_journal()
                    n = journal.get_n_entries()
                    before = {s: k.get_state_date(s) for s in allowed}
                    before = {s: (v[0], ymd(v[1]) if v[0] else None)
                              for s, v in before.items()}
                    self.assertAffError(Aff.Error.INVALID_TRANSITION,
                                        getattr(k, method), D(2026, 6, 1), 'refused')
                    self.assertEqual(k.get_state(), state)
                    after = {s: k.get_state_date(s) for s in allowed}
                    after = {s: (v[0], ymd(v[1]) if v[0] else None)
                             for s, v in after.items()}
                    self.assertEqual(after, before)
                    self.assertEqual(journal.get_n_entries(), n)

    def test_out_of_order_dates(self):
        k = self.at(State.GO)
        # GO is dated 2026-04-03
        self.assertAffError(Aff.Error.INVALID_VALUE, k.mark_offer_sent, D(2026, 4, 2), 'early')
        self.assertEqual(k.get_state(), State.GO)
        self.assertTrue(k.mark_offer_sent(D(2026, 4, 3), 'same day'))
        self.assertAffError(Aff.Error.INVALID_VALUE, k.mark_won, D(2026, 4, 1), 'early')
        self.assertEqual(k.get_state(), State.OFFER_SENT)
        self.assertFalse(k.get_state_date(State.WON)[0])

    def test_journal_changed_values(self):
        # a property changed once the consultation is in the portfolio is
        # journaled ("changed") with its new value
        p = self.p
        k = add_consultation(p, 'F', 'acme', D(2026, 4, 1), D(2026, 5, 15))
        for setter, value in (('set_site', 'Strasbourg'),
                              ('set_estimated_hours', 250),
                              ('set_regulatory_flags',
                               Aff.RegulatoryFlags.HOT_WORK | Aff.RegulatoryFlags.ATEX),
                              ('set_source', Aff.ConsultationSource.PUBLIC_TENDER),
                              ('set_activities', ['boilermaking'])):
            with self.subTest(setter=setter):
                getattr(k, setter)(value)
                last = p.get_journal().list_entries_for('consultation', 'F')[-1]
                self.assertEqual(last.get_action(), 'changed')
                self.assertIsNotNone(last.dup_detail('value'))
                self.assertNotEqual(last.dup_detail('value'), 'null', last.get_details())
        self.assertTrue(p.get_journal().verify())

    def test_journal(self):
        p = self.p
        k = add_consultation(p, 'J', 'acme', D(2026, 4, 1), D(2026, 5, 15))
        k.set_site('Strasbourg, quai Nord')
        k.start_qualification(D(2026, 4, 2), 'analysis')
        k.add_requirement('NF EN 13480')
        k.ask_question('Access?', D(2026, 4, 2))
        k.answer_question('Q-1', '7:00', D(2026, 4, 3))
        k.request_contribution(Dept.DESIGN, 'Anne', 'layout', D(2026, 4, 5))
        k.complete_contribution('CON-1', 'done', D(2026, 4, 4))
        r = Aff.Risk.new('late supply', Cat.SCHEDULE, 2, 2)
        k.get_risk_register().add_risk(r)
        r.set_treatment(Treat.REDUCE)
        k.get_risk_register().add_risk(Aff.Risk.new('noise', Cat.ENVIRONMENT, 1, 1))
        k.get_risk_register().remove_risk('RISK-2')
        p.evaluate_consultation('J', D(2026, 4, 4))
        p.decide_consultation('J', Verdict.GO, 'Direction', None)
        journal = p.get_journal()
        entries = journal.list_entries_for('consultation', 'J')
        actions = [e.get_action() for e in entries]
        self.assertEqual(actions[:13],
                         ['added', 'changed', 'state-changed', 'requirement-added',
                          'question-asked', 'question-answered', 'contribution-requested',
                          'contribution-completed', 'risk-added', 'risk-changed',
                          'risk-added', 'risk-removed', 'evaluated'])
        self.assertIn('decided', actions[13:])
        state = entries[2]
        self.assertEqual(state.dup_detail('from'), nick(State.RECEIVED))
        self.assertEqual(state.dup_detail('to'), nick(State.QUALIFYING))
        self.assertEqual(state.dup_detail('date'), '2026-04-02')
        self.assertEqual(state.dup_detail('reason'), 'analysis')
        evaluated = entries[12]
        self.assertEqual(evaluated.dup_detail('verdict'), nick(Verdict.GO))
        # every gate passes; weighted: ACTIVE 5, no history 3, margin 1500 5,
        # one open LOW risk (2 x 2 = 4 < 5) 5, 100 h 5, 50 bp 5
        # (20*5 + 15*3 + 25*5 + 20*5 + 10*5 + 10*5) / 5 = 470 / 5 = 94
        self.assertEqual(evaluated.dup_detail('score'), '94')
        self.assertEqual(evaluated.dup_detail('date'), '2026-04-04')
        self.assertTrue(journal.verify())


# ---------------------------------------------------------------- portfolio

class TestPortfolioConsultations(AffTestCase):
    def test_add_lookup_errors(self):
        p = new_portfolio()
        add_client(p, 'acme')
        k = Aff.Consultation.new('AO-1', 'acme', 'Pumps', D(2026, 4, 1), D(2026, 5, 1))
        self.assertTrue(p.add_consultation(k))
        self.assertIs(p.lookup_consultation('AO-1'), k)
        self.assertIsNone(p.lookup_consultation('AO-2'))
        e = self.assertAffError(Aff.Error.DUPLICATE_ID, p.add_consultation,
                                Aff.Consultation.new('AO-1', 'acme', 'Other', D(2026, 4, 1),
                                                     D(2026, 5, 1)))
        self.assertIn('AO-1', e.message)
        e = self.assertAffError(Aff.Error.NOT_FOUND, p.add_consultation,
                                Aff.Consultation.new('AO-2', 'nobody', 'Pumps', D(2026, 4, 1),
                                                     D(2026, 5, 1)))
        self.assertIn('nobody', e.message)
        for cid in ('', 'AO 3', 'AO\t3', 'x' * 65):
            with self.subTest(id=cid):
                self.assertAffError(Aff.Error.INVALID_VALUE, p.add_consultation,
                                    Aff.Consultation.new(cid, 'acme', 'Pumps', D(2026, 4, 1),
                                                         D(2026, 5, 1)))
        # the constructor accepts a deadline before the reception, the portfolio does not
        late = Aff.Consultation.new('AO-4', 'acme', 'Pumps', D(2026, 4, 1), D(2026, 3, 31))
        self.assertEqual(ymd(late.get_deadline()), (2026, 3, 31))
        self.assertAffError(Aff.Error.INVALID_VALUE, p.add_consultation, late)
        # deadline on the day of reception is fine
        self.assertTrue(p.add_consultation(
            Aff.Consultation.new('AO-5', 'acme', 'Pumps', D(2026, 4, 1), D(2026, 4, 1))))
        self.assertEqual(ids(p.get_consultations()), ['AO-1', 'AO-5'])
        self.assertTrue(p.get_journal().verify())

    def test_remove_client_in_use(self):
        p = new_portfolio()
        add_client(p, 'acme')
        add_client(p, 'beta')
        add_consultation(p, 'AO-1', 'acme', D(2026, 4, 1), D(2026, 5, 1))
        e = self.assertAffError(Aff.Error.IN_USE, p.remove_client, 'acme')
        self.assertIn('acme', e.message)
        self.assertIsNotNone(p.lookup_client('acme'))
        self.assertTrue(p.remove_client('beta'))

    def build_duplicates(self):
        """
        id  client  title                                        received
        A1  acme    Révision des pompes de la station Nord       2026-03-01
        A2  acme    REVISION POMPES STATION NORD                 2026-03-31
        A3  acme    Révision pompes                              2026-03-15
        A4  acme    Révision des pompes de la station Nord       2026-04-01
        B1  beta    Révision des pompes de la station Nord       2026-03-01
        Words of 3 letters or more, accents and case ignored:
          A1 = A4 = B1 = {revision, des, pompes, station, nord} ("de", "la" too short)
          A2 = {revision, pompes, station, nord}
          A3 = {revision, pompes}
        A1-A2: 30 days apart; common 4, union 5 -> 4/5 >= 1/2   duplicate
        A1-A3: 14 days; common 2, union 5 -> 2/5 < 1/2           no
        A1-A4: 31 days apart                                     no
        A2-A3: 16 days; common 2, union 4 -> 2/4 = 1/2           duplicate
        A2-A4: 1 day; 4/5                                        duplicate
        A3-A4: 17 days; 2/5                                      no
        B1: another client                                       none
        """
        p = new_portfolio()
        add_client(p, 'acme')
        add_client(p, 'beta')
        rows = [('A1', 'acme', 'Révision des pompes de la station Nord', D(2026, 3, 1)),
                ('A2', 'acme', 'REVISION POMPES STATION NORD', D(2026, 3, 31)),
                ('A3', 'acme', 'Révision pompes', D(2026, 3, 15)),
                ('A4', 'acme', 'Révision des pompes de la station Nord', D(2026, 4, 1)),
                ('B1', 'beta', 'Révision des pompes de la station Nord', D(2026, 3, 1))]
        for cid, client, title, received in rows:
            p.add_consultation(Aff.Consultation.new(cid, client, title, received,
                                                    add_days(received, 30)))
        return p

    def test_duplicates(self):
        p = self.build_duplicates()
        dup = lambda cid: sorted(ids(p.list_possible_duplicates(cid) or []))
        self.assertEqual(dup('A1'), ['A2'])
        self.assertEqual(dup('A2'), ['A1', 'A3', 'A4'])
        self.assertEqual(dup('A3'), ['A2'])
        self.assertEqual(dup('A4'), ['A2'])
        self.assertEqual(dup('B1'), [])
        # the "added" entry lists the duplicates known when it was added
        added = {}
        for cid in ('A1', 'A2', 'A3', 'A4', 'B1'):
            entries = p.get_journal().list_entries_for('consultation', cid)
            self.assertEqual(entries[0].get_action(), 'added')
            added[cid] = entries[0].get_details()
        self.assertIn('"A1"', added['A2'])
        self.assertIn('"A2"', added['A3'])
        self.assertIn('"A2"', added['A4'])
        for cid in ('A1', 'B1'):
            for other in ('A2', 'A3', 'A4'):
                self.assertNotIn('"%s"' % other, added[cid])

    def test_open_and_due(self):
        p = new_portfolio()
        add_client(p, 'acme')
        # deadlines; C-c and C-e reach GO / OFFER_SENT; C-d is abandoned; C-f NO_GO
        add_consultation(p, 'C-b', 'acme', D(2026, 4, 1), D(2026, 5, 10))
        k = add_consultation(p, 'C-a', 'acme', D(2026, 4, 1), D(2026, 5, 10))
        k.start_qualification(D(2026, 4, 2), 'analysis')
        for cid, deadline in (('C-c', D(2026, 4, 20)), ('C-e', D(2026, 6, 1)),
                              ('C-f', D(2026, 4, 25))):
            k = add_consultation(p, cid, 'acme', D(2026, 4, 1), deadline)
            k.start_qualification(D(2026, 4, 1), 'analysis')
            p.evaluate_consultation(cid, D(2026, 4, 2))
        p.decide_consultation('C-c', Verdict.GO, 'Direction', None)
        p.decide_consultation('C-e', Verdict.GO, 'Direction', None)
        p.lookup_consultation('C-e').mark_offer_sent(D(2026, 4, 15), 'sent')
        p.decide_consultation('C-f', Verdict.NO_GO, 'Direction', 'no capacity')
        add_consultation(p, 'C-d', 'acme', D(2026, 3, 1), D(2026, 4, 1)).abandon(
            D(2026, 3, 2), 'cancelled')
        # overdue, still RECEIVED
        add_consultation(p, 'C-g', 'acme', D(2026, 3, 1), D(2026, 4, 15))
        # open, by deadline then id: C-g 04-15, C-c 04-20, C-a 05-10, C-b 05-10, C-e 06-01
        self.assertEqual(ids(p.list_open_consultations()),
                         ['C-g', 'C-c', 'C-a', 'C-b', 'C-e'])
        # due on 2026-05-03: RECEIVED / QUALIFYING with deadline <= 05-03 + 7 = 05-10:
        # C-g (overdue), C-a and C-b (05-10); C-c is GO, C-e is OFFER_SENT
        self.assertEqual(p.get_policy().get_deadline_warning_days(), 7)
        due = ids(p.list_consultations_due(D(2026, 5, 3)))
        self.assertEqual(due[0], 'C-g')
        self.assertEqual(sorted(due[1:]), ['C-a', 'C-b'])
        # on 2026-05-02: 05-02 + 7 = 05-09 -> only C-g
        self.assertEqual(ids(p.list_consultations_due(D(2026, 5, 2))), ['C-g'])
        # with a 30-day warning on 2026-03-10: up to 04-09 -> none
        p.get_policy().set_deadline_warning_days(30)
        self.assertEqual(ids(p.list_consultations_due(D(2026, 3, 10))), [])
        # on 2026-03-16: up to 04-15 -> C-g
        self.assertEqual(ids(p.list_consultations_due(D(2026, 3, 16))), ['C-g'])


# ---------------------------------------------------------------- evaluation

class EvaluationCase(AffTestCase):
    DATE = (2026, 4, 10)

    def build(self, status=Status.ACTIVE, solvency=SAFE_ZP, solvency_date=(2026, 1, 15),
              activities=('pipework',), deadline=(2026, 5, 1), margin=1500, hours=2000,
              value='200000.00', bid_cost='1000.00', risks=()):
        """The base case: every gate passes.

        activities: pipework is one of the policy's -> passes
        solvency: Z' 3.1242 SAFE of 2026-01-15, 85 days old on 2026-04-10 -> passes
        deadline: 2026-05-01 - 2026-04-10 = 21 days >= 10 -> passes
        critical-risks: none -> passes
        strategic-fit ACTIVE 5; win-rate no history 3; margin 1500 >= 1500 5;
        risk none 5; workload 2000 / 20000 = 10 % 5; bid-cost 1000 / 200000
        = 50 bp 5.
        Score = (20*5 + 15*3 + 25*5 + 20*5 + 10*5 + 10*5) / (5 * 100) * 100
              = (100 + 45 + 125 + 100 + 50 + 50) / 5 = 470 / 5 = 94 -> GO
        """
        p = new_portfolio()
        c = add_client(p, 'acme', status=status, solvency=solvency,
                       solvency_date=solvency_date)
        k = add_consultation(p, 'AO-1', 'acme', D(2026, 4, 1), D(*deadline),
                             activities=activities, margin=margin, hours=hours,
                             value=value, bid_cost=bid_cost,
                             title='Révision des pompes de la station Nord')
        for prob, impact, treatment, rstatus in risks:
            r = Aff.Risk.new('risk %dx%d' % (prob, impact), Cat.TECHNICAL, prob, impact)
            r.set_treatment(treatment)
            r.set_status(rstatus)
            k.get_risk_register().add_risk(r)
        k.start_qualification(D(2026, 4, 2), 'analysis')
        self.p, self.client, self.k = p, c, k
        return p

    def evaluate(self, **kw):
        p = self.build(**kw)
        return p.evaluate_consultation('AO-1', D(*self.DATE))

    def criteria(self, ev):
        return {c.get_name(): c for c in ev.get_criteria()}

    def assertGates(self, ev, failing):
        crit = self.criteria(ev)
        for name in GATES:
            with self.subTest(gate=name):
                c = crit[name]
                self.assertTrue(c.is_blocking())
                self.assertEqual(c.get_weight(), 0)
                passed = name not in failing
                self.assertEqual(c.get_passed(), passed, c.get_explanation())
                self.assertEqual(c.get_score(), 5 if passed else 0)

    def score_of(self, ev, name):
        return ev.lookup_criterion(name).get_score()


class TestEvaluationGates(EvaluationCase):
    def test_go(self):
        ev = self.evaluate()
        self.assertEqual(ev.get_consultation_id(), 'AO-1')
        self.assertEqual(ymd(ev.get_date()), self.DATE)
        self.assertEqual(ev.get_score(), 94)
        self.assertEqual(ev.get_verdict(), Verdict.GO)
        self.assertGates(ev, failing=())
        crits = ev.get_criteria()
        self.assertEqual([c.get_name() for c in crits], CRITERIA)
        self.assertEqual(list(Aff.Policy.list_bid_criteria()), WEIGHTED)
        for c in crits[4:]:
            with self.subTest(criterion=c.get_name()):
                self.assertFalse(c.is_blocking())
                self.assertEqual(c.get_weight(), DEFAULT_WEIGHTS[c.get_name()])
                self.assertTrue(c.get_explanation())
        self.assertEqual({c.get_name(): c.get_score() for c in crits[4:]},
                         {'strategic-fit': 5, 'win-rate': 3, 'margin': 5, 'risk': 5,
                          'workload': 5, 'bid-cost': 5})
        self.assertIsNone(ev.lookup_criterion('no-such-criterion'))
        self.assertEqual(ev.lookup_criterion('margin').get_name(), 'margin')
        # the consultation does not move
        self.assertEqual(self.k.get_state(), State.QUALIFYING)

    def test_activities_gate_alone(self):
        for activities in (('painting',), (), ('pipework', 'painting')):
            with self.subTest(activities=activities):
                ev = self.evaluate(activities=activities)
                self.assertGates(ev, failing=('activities',))
                # the weighted criteria do not change: 94
                self.assertEqual(ev.get_score(), 94)
                self.assertEqual(ev.get_verdict(), Verdict.NO_GO)
        ev = self.evaluate(activities=('boilermaking', 'pipework'))
        self.assertGates(ev, failing=())
        self.assertEqual(ev.get_verdict(), Verdict.GO)

    def test_solvency_gate_alone(self):
        cases = {
            'none': dict(solvency=None),
            # 2025-04-09 -> 2026-04-10 = 366 days > 365
            'stale': dict(solvency_date=(2025, 4, 9)),
            # Z' 1.0103
            'distress': dict(solvency=DISTRESS_ZP),
            'not assessable': dict(solvency=dict(SAFE_ZP, sales=None)),
            # dated after the evaluation: no current assessment
            'future': dict(solvency_date=(2026, 4, 11)),
        }
        for label, kw in cases.items():
            with self.subTest(case=label):
                ev = self.evaluate(**kw)
                self.assertGates(ev, failing=('solvency',))
                self.assertEqual(ev.get_score(), 94)
                self.assertEqual(ev.get_verdict(), Verdict.NO_GO)
        # 2025-04-10 -> 2026-04-10 = 365 days: not stale
        ev = self.evaluate(solvency_date=(2025, 4, 10))
        self.assertGates(ev, failing=())
        self.assertEqual(ev.get_verdict(), Verdict.GO)
        # GREY (Z' 2.6252) is not DISTRESS: passes
        ev = self.evaluate(solvency=GREY_ZP)
        self.assertGates(ev, failing=())
        self.assertEqual(ev.get_verdict(), Verdict.GO)

    def test_solvency_gate_rating(self):
        # GREY zone with one payment breach (DSO 120 > 90) -> rating DISTRESS
        p = self.build(solvency=None)
        s = make_solvency(D(2026, 1, 15), **GREY_ZP)
        s.set_dso_days(120)
        self.client.add_solvency(s)
        ev = p.evaluate_consultation('AO-1', D(*self.DATE))
        self.assertGates(ev, failing=('solvency',))
        self.assertEqual(ev.get_verdict(), Verdict.NO_GO)
        # a later assessment without the breach is the current one -> passes
        self.client.add_solvency(make_solvency(D(2026, 3, 1), **GREY_ZP))
        ev = p.evaluate_consultation('AO-1', D(*self.DATE))
        self.assertGates(ev, failing=())
        self.assertEqual(ev.get_verdict(), Verdict.GO)
        # the solvency max age shortened: 2026-03-01 -> 04-10 = 40 days > 30 -> stale
        p.get_policy().set_solvency_max_age_days(30)
        ev = p.evaluate_consultation('AO-1', D(*self.DATE))
        self.assertGates(ev, failing=('solvency',))

    def test_deadline_gate_alone(self):
        # 2026-04-19 - 2026-04-10 = 9 days < 10
        ev = self.evaluate(deadline=(2026, 4, 19))
        self.assertGates(ev, failing=('deadline',))
        self.assertEqual(ev.get_score(), 94)
        self.assertEqual(ev.get_verdict(), Verdict.NO_GO)
        # already past
        ev = self.evaluate(deadline=(2026, 4, 5))
        self.assertGates(ev, failing=('deadline',))
        self.assertEqual(ev.get_verdict(), Verdict.NO_GO)
        # exactly 10 days
        ev = self.evaluate(deadline=(2026, 4, 20))
        self.assertGates(ev, failing=())
        self.assertEqual(ev.get_verdict(), Verdict.GO)
        # the policy asks for 21 days: 2026-05-01 - 04-10 = 21 passes, 22 would not
        self.build()
        self.p.get_policy().set_min_preparation_days(21)
        self.assertEqual(self.p.evaluate_consultation('AO-1', D(*self.DATE)).get_verdict(),
                         Verdict.GO)
        self.p.get_policy().set_min_preparation_days(22)
        ev = self.p.evaluate_consultation('AO-1', D(*self.DATE))
        self.assertGates(ev, failing=('deadline',))

    def test_critical_risks_gate_alone(self):
        # 4 x 4 = 16 CRITICAL, untreated and open
        ev = self.evaluate(risks=[(4, 4, Treat.NONE, RStatus.OPEN)])
        self.assertGates(ev, failing=('critical-risks',))
        # risk criterion CRITICAL -> 1: (470 - 20 * (5 - 1)) / 5 = 390 / 5 = 78
        self.assertEqual(self.score_of(ev, 'risk'), 1)
        self.assertEqual(ev.get_score(), 78)
        self.assertEqual(ev.get_verdict(), Verdict.NO_GO)
        # treated: the gate passes; the score stays 78 >= 70 -> GO
        ev = self.evaluate(risks=[(4, 4, Treat.REDUCE, RStatus.OPEN)])
        self.assertGates(ev, failing=())
        self.assertEqual(self.score_of(ev, 'risk'), 1)
        self.assertEqual(ev.get_score(), 78)
        self.assertEqual(ev.get_verdict(), Verdict.GO)
        # closed or occurred: not open -> passes, risk criterion 5, score 94
        for rstatus in (RStatus.CLOSED, RStatus.OCCURRED):
            with self.subTest(status=rstatus):
                ev = self.evaluate(risks=[(5, 5, Treat.NONE, rstatus)])
                self.assertGates(ev, failing=())
                self.assertEqual(ev.get_score(), 94)
        # the policy's critical threshold decides: 25 makes 16 merely HIGH
        self.build(risks=[(4, 4, Treat.NONE, RStatus.OPEN)])
        self.p.get_policy().set_risk_critical_threshold(25)
        ev = self.p.evaluate_consultation('AO-1', D(*self.DATE))
        self.assertGates(ev, failing=())
        # HIGH -> 2: (470 - 20 * 3) / 5 = 410 / 5 = 82
        self.assertEqual(ev.get_score(), 82)
        self.assertEqual(ev.get_verdict(), Verdict.GO)

    def test_several_gates(self):
        ev = self.evaluate(activities=(), deadline=(2026, 4, 11), solvency=None,
                           risks=[(5, 4, Treat.NONE, RStatus.OPEN)])
        self.assertGates(ev, failing=GATES)
        self.assertEqual(ev.get_verdict(), Verdict.NO_GO)


class TestEvaluationScore(EvaluationCase):
    def test_review(self):
        # PROSPECT 4, no history 3, margin unset 2, one HIGH risk (2 x 5 = 10,
        # treated) 2, 2000 h 5, bid cost unset 3:
        # 20*4 + 15*3 + 25*2 + 20*2 + 10*5 + 10*3 = 80 + 45 + 50 + 40 + 50 + 30 = 295
        # 295 / 5 = 59 -> 50 <= 59 < 70 -> REVIEW
        ev = self.evaluate(status=Status.PROSPECT, margin=MARGIN_UNSET,
                           bid_cost=None, risks=[(2, 5, Treat.REDUCE, RStatus.OPEN)])
        self.assertGates(ev, failing=())
        self.assertEqual({c.get_name(): c.get_score() for c in ev.get_criteria()[4:]},
                         {'strategic-fit': 4, 'win-rate': 3, 'margin': 2, 'risk': 2,
                          'workload': 5, 'bid-cost': 3})
        self.assertEqual(ev.get_score(), 59)
        self.assertEqual(ev.get_verdict(), Verdict.REVIEW)

    def test_no_go_by_score(self):
        # LOST 1, no history 3, margin 800 <= floor 800 -> 0, HIGH risk 2,
        # 21100 h / 20000 = 105.5 % > 105 % -> 0, 20000 / 200000 = 1000 bp > 800 -> 0
        # 20*1 + 15*3 + 0 + 20*2 + 0 + 0 = 20 + 45 + 40 = 105; 105 / 5 = 21 -> NO_GO
        ev = self.evaluate(status=Status.LOST, margin=800, hours=21100,
                           bid_cost='20000.00', risks=[(2, 5, Treat.REDUCE, RStatus.OPEN)])
        self.assertGates(ev, failing=())
        self.assertEqual({c.get_name(): c.get_score() for c in ev.get_criteria()[4:]},
                         {'strategic-fit': 1, 'win-rate': 3, 'margin': 0, 'risk': 2,
                          'workload': 0, 'bid-cost': 0})
        self.assertEqual(ev.get_score(), 21)
        self.assertEqual(ev.get_verdict(), Verdict.NO_GO)

    def test_thresholds(self):
        # the base case scores 94
        for bid, review, verdict in ((94, 50, Verdict.GO), (95, 50, Verdict.REVIEW),
                                     (95, 94, Verdict.REVIEW), (96, 95, Verdict.NO_GO)):
            with self.subTest(bid=bid, review=review):
                self.build()
                policy = self.p.get_policy()
                policy.set_bid_threshold(bid)
                policy.set_review_threshold(review)
                ev = self.p.evaluate_consultation('AO-1', D(*self.DATE))
                self.assertEqual(ev.get_score(), 94)
                self.assertEqual(ev.get_verdict(), verdict)

    def test_weights(self):
        # strategic-fit 3, win-rate 5, the rest 0; PROSPECT 4, no history 3:
        # 100 * (3*4 + 5*3) / (5 * 8) = 100 * 27 / 40 = 67.5 -> 68 (half to even)
        self.build(status=Status.PROSPECT)
        policy = self.p.get_policy()
        for name in WEIGHTED:
            policy.set_bid_weight(name, 0)
        policy.set_bid_weight('strategic-fit', 3)
        policy.set_bid_weight('win-rate', 5)
        self.assertEqual(policy.get_bid_weight('win-rate'), 5)
        ev = self.p.evaluate_consultation('AO-1', D(*self.DATE))
        self.assertEqual({c.get_name(): c.get_weight() for c in ev.get_criteria()},
                         {'activities': 0, 'solvency': 0, 'deadline': 0, 'critical-risks': 0,
                          'strategic-fit': 3, 'win-rate': 5, 'margin': 0, 'risk': 0,
                          'workload': 0, 'bid-cost': 0})
        self.assertEqual(ev.get_score(), 68)
        self.assertEqual(ev.get_verdict(), Verdict.REVIEW)
        # strategic-fit 1, win-rate 1: 100 * (4 + 3) / 10 = 70 -> GO
        policy.set_bid_weight('strategic-fit', 1)
        policy.set_bid_weight('win-rate', 1)
        ev = self.p.evaluate_consultation('AO-1', D(*self.DATE))
        self.assertEqual(ev.get_score(), 70)
        self.assertEqual(ev.get_verdict(), Verdict.GO)
        # strategic-fit 5, win-rate 3, bid-cost 0: 100 * (5*4 + 3*3) / 40 = 72.5 -> 72
        policy.set_bid_weight('strategic-fit', 5)
        policy.set_bid_weight('win-rate', 3)
        ev = self.p.evaluate_consultation('AO-1', D(*self.DATE))
        self.assertEqual(ev.get_score(), 72)
        # all weights 0 -> score 0 -> NO_GO
        for name in WEIGHTED:
            policy.set_bid_weight(name, 0)
        ev = self.p.evaluate_consultation('AO-1', D(*self.DATE))
        self.assertEqual(ev.get_score(), 0)
        self.assertEqual(ev.get_verdict(), Verdict.NO_GO)
        self.assertAffError(Aff.Error.INVALID_VALUE, policy.set_bid_weight, 'luck', 10)
        self.assertAffError(Aff.Error.INVALID_VALUE, policy.set_bid_weight, 'margin', 101)

    def test_strategic_fit(self):
        for status, score in ((Status.ACTIVE, 5), (Status.PROSPECT, 4),
                              (Status.DORMANT, 3), (Status.LOST, 1)):
            with self.subTest(status=status):
                ev = self.evaluate(status=status)
                self.assertEqual(self.score_of(ev, 'strategic-fit'), score)

    def test_margin(self):
        # T 1500, F 800: 5 (m - F) / 700
        for m, score in ((1500, 5), (2500, 5), (800, 0), (-500, 0),
                         (900, 1),      # 500 / 700 = 0.714 -> 1
                         (1150, 2),     # 1750 / 700 = 2.5 -> 2 (half to even)
                         (1220, 3),     # 2100 / 700 = 3.0
                         (1290, 4),     # 2450 / 700 = 3.5 -> 4
                         (1499, 5),     # 3495 / 700 = 4.99 -> 5
                         (MARGIN_UNSET, 2)):
            with self.subTest(margin=m):
                ev = self.evaluate(margin=m)
                self.assertEqual(self.score_of(ev, 'margin'), score)

    def test_risk_criterion(self):
        for risks, score in (([], 5),
                             ([(1, 2, Treat.NONE, RStatus.OPEN)], 5),        # 2 LOW
                             ([(3, 3, Treat.NONE, RStatus.OPEN)], 4),        # 9 MEDIUM
                             ([(2, 5, Treat.NONE, RStatus.OPEN),
                               (1, 1, Treat.NONE, RStatus.OPEN)], 2),        # 10 HIGH
                             ([(4, 4, Treat.AVOID, RStatus.OPEN)], 1),       # 16 CRITICAL
                             ([(4, 4, Treat.NONE, RStatus.CLOSED),
                               (3, 3, Treat.NONE, RStatus.OPEN)], 4)):       # closed ignored
            with self.subTest(risks=risks):
                ev = self.evaluate(risks=risks)
                self.assertEqual(self.score_of(ev, 'risk'), score)

    def test_workload(self):
        # capacity 20000 h
        for hours, score in ((0, 5), (12000, 5),   # 60 %
                             (12001, 4),            # 60.005 %
                             (15000, 4),            # 75 %
                             (17000, 3),            # 85 %
                             (19000, 2),            # 95 %
                             (21000, 1),            # 105 %
                             (21001, 0)):           # 105.005 %
            with self.subTest(hours=hours):
                ev = self.evaluate(hours=hours)
                self.assertEqual(self.score_of(ev, 'workload'), score)
        self.build()
        self.p.get_policy().set_capacity_hours(0)
        ev = self.p.evaluate_consultation('AO-1', D(*self.DATE))
        self.assertEqual(self.score_of(ev, 'workload'), 0)

    def test_workload_counts_go_and_offer_sent(self):
        p = self.build(hours=2000)
        # others: GO 10000 h, OFFER_SENT 3000 h count; WON 50000 h, RECEIVED 50000 h,
        # QUALIFYING 50000 h do not
        for cid, hours, outcome in (('W-go', 10000, State.GO), ('W-sent', 3000, State.OFFER_SENT),
                                    ('W-won', 50000, State.WON)):
            k = add_consultation(p, cid, 'acme', D(2026, 3, 1), D(2026, 4, 30), hours=hours)
            k.start_qualification(D(2026, 3, 1), 'analysis')
            p.evaluate_consultation(cid, D(2026, 3, 2))
            p.decide_consultation(cid, Verdict.GO, 'Direction', None)
            if outcome != State.GO:
                k.mark_offer_sent(D(2026, 3, 10), 'sent')
            if outcome == State.WON:
                k.mark_won(D(2026, 3, 20), 'order')
        add_consultation(p, 'W-rec', 'acme', D(2026, 3, 1), D(2026, 4, 30), hours=50000)
        add_consultation(p, 'W-qual', 'acme', D(2026, 3, 1), D(2026, 4, 30),
                         hours=50000).start_qualification(D(2026, 3, 2), 'analysis')
        # (10000 + 3000 + 2000) / 20000 = 75 % -> 4
        ev = p.evaluate_consultation('AO-1', D(*self.DATE))
        self.assertEqual(self.score_of(ev, 'workload'), 4)
        # capacity 18750: 15000 / 18750 = 80 % -> 3
        p.get_policy().set_capacity_hours(18750)
        ev = p.evaluate_consultation('AO-1', D(*self.DATE))
        self.assertEqual(self.score_of(ev, 'workload'), 3)

    def test_bid_cost(self):
        # estimated value 200 000.00
        for cost, value, score in (('2000.00', '200000.00', 5),     # 100 bp
                                   ('2020.00', '200000.00', 4),     # 101 bp
                                   ('4000.00', '200000.00', 4),     # 200 bp
                                   ('6000.00', '200000.00', 3),     # 300 bp
                                   ('10000.00', '200000.00', 2),    # 500 bp
                                   ('16000.00', '200000.00', 1),    # 800 bp
                                   ('16020.00', '200000.00', 0),    # 801 bp
                                   (None, '200000.00', 3),          # unset
                                   ('1000.00', None, 3),            # unset
                                   ('1000.00', '0.00', 3),          # zero value
                                   ('1000.00 USD', '200000.00', 3)):  # currencies differ
            with self.subTest(cost=cost, value=value):
                ev = self.evaluate(bid_cost=cost, value=value)
                self.assertEqual(self.score_of(ev, 'bid-cost'), score)

    def test_static_compute(self):
        p = self.build()
        n = p.get_journal().get_n_entries()
        ev = Aff.BidEvaluation.compute(self.k, self.client, p.get_policy(),
                                       p.get_consultations(), D(*self.DATE))
        self.assertEqual(ev.get_score(), 94)
        self.assertEqual(ev.get_verdict(), Verdict.GO)
        self.assertEqual([c.get_name() for c in ev.get_criteria()], CRITERIA)
        # nothing journaled, nothing remembered: the decision still needs an evaluation
        self.assertEqual(p.get_journal().get_n_entries(), n)
        self.assertAffError(Aff.Error.INVALID_TRANSITION, p.decide_consultation, 'AO-1',
                            Verdict.GO, 'Direction', None)


class TestWinRate(AffTestCase):
    def test_win_rate_criterion(self):
        p = build_history()
        add_client(p, 'gamma')
        cases = [
            # acme + pipework: H1 W, H2 L, H3 L (acme), H7 W (pipework)
            # -> 5 * 2 / 4 = 2.5 -> 2 (half to even)
            ('N1', 'acme', ('pipework',), 2),
            # beta + boilermaking: H6 W, H7 W (beta), H3 L (boilermaking)
            # -> 5 * 2 / 3 = 3.33 -> 3
            ('N2', 'beta', ('boilermaking',), 3),
            # beta, no activity: H6 W, H7 W -> 5 * 2 / 2 = 5
            ('N3', 'beta', (), 5),
            # gamma, no activity: nothing decided -> 3
            ('N4', 'gamma', (), 3),
            # gamma + boilermaking: H3 L, H6 W, H7 W -> 3.33 -> 3
            ('N5', 'gamma', ('boilermaking',), 3),
        ]
        for cid, client, activities, score in cases:
            with self.subTest(consultation=cid):
                add_consultation(p, cid, client, D(2026, 4, 1), D(2026, 5, 1),
                                 activities=activities)
                ev = p.evaluate_consultation(cid, D(2026, 4, 2))
                self.assertEqual(ev.lookup_criterion('win-rate').get_score(), score)


class TestJustification(EvaluationCase):
    def test_text(self):
        ev = self.evaluate()
        policy = self.p.get_policy()
        self.assertEqual(policy.get_language(), 'fr')
        fr = ev.get_justification()
        self.assertEqual(fr, ev.render_justification('fr'))
        en = ev.render_justification('en')
        self.assertNotEqual(fr, en)
        for text in (fr, en):
            self.assertIn('AO-1', text)
            self.assertIn('94', text)
            self.assertIn('GO', text)
            self.assertNotRegex(text, r'(?i)\bno[ _-]?go\b')
        # each criterion is argued: its explanation (in the policy language)
        # is in the justification
        for c in ev.get_criteria():
            with self.subTest(criterion=c.get_name()):
                self.assertTrue(c.get_explanation())
                self.assertIn(c.get_explanation(), fr)
        # the policy language chooses the default text
        policy.set_language('en')
        ev2 = self.p.evaluate_consultation('AO-1', D(*self.DATE))
        self.assertEqual(ev2.get_justification(), ev2.render_justification('en'))
        self.assertAffError(Aff.Error.INVALID_VALUE, policy.set_language, 'de')
        self.assertEqual(policy.get_language(), 'en')

    def test_verdicts_differ(self):
        go = self.evaluate().get_justification()
        no_go = self.evaluate(deadline=(2026, 4, 19)).get_justification()
        review = self.evaluate(status=Status.PROSPECT, margin=MARGIN_UNSET,
                               bid_cost=None,
                               risks=[(2, 5, Treat.REDUCE, RStatus.OPEN)]).get_justification()
        self.assertEqual(len({go, no_go, review}), 3)
        self.assertRegex(no_go, r'(?i)\bno[ _-]?go\b')
        self.assertNotRegex(review, r'(?i)\bno[ _-]?go\b')
        self.assertIn('59', review)

    def test_lessons_from_signal(self):
        p = self.build()
        lesson = 'REX AF-2025-014 : prévoir l\u2019échafaudage dès l\u2019offre'
        seen = []

        def on_evaluated(portfolio, evaluation):
            self.assertIs(portfolio, p)
            self.assertEqual(evaluation.get_consultation_id(), 'AO-1')
            self.assertEqual(evaluation.get_verdict(), Verdict.GO)
            seen.append(evaluation)
            evaluation.add_lesson(lesson)

        handler = p.connect('consultation-evaluated', on_evaluated)
        ev = p.evaluate_consultation('AO-1', D(*self.DATE))
        self.assertEqual(len(seen), 1)
        self.assertEqual(list(ev.get_lessons()), [lesson])
        self.assertIn(lesson, ev.get_justification())
        self.assertIn(lesson, ev.render_justification('en'))
        p.disconnect(handler)
        ev = p.evaluate_consultation('AO-1', D(*self.DATE))
        self.assertEqual(len(seen), 1)
        self.assertEqual(list(ev.get_lessons() or []), [])
        self.assertNotIn(lesson, ev.get_justification())
        # lessons can be added after the fact too
        ev.add_lesson('one')
        ev.add_lesson('two')
        self.assertEqual(list(ev.get_lessons()), ['one', 'two'])
        self.assertIn('two', ev.render_justification('fr'))


class TestDecision(EvaluationCase):
    def decided_entry(self, p, cid='AO-1'):
        entries = [e for e in p.get_journal().list_entries_for('consultation', cid)
                   if e.get_action() == 'decided']
        self.assertEqual(len(entries), 1)
        return entries[0]

    def test_evaluate_only_while_open_for_qualification(self):
        p = self.build()
        add_consultation(p, 'AB', 'acme', D(2026, 4, 1), D(2026, 5, 1)).abandon(
            D(2026, 4, 2), 'cancelled')
        self.assertAffError(Aff.Error.INVALID_TRANSITION, p.evaluate_consultation, 'AB',
                            D(2026, 4, 10))
        p.evaluate_consultation('AO-1', D(*self.DATE))
        p.decide_consultation('AO-1', Verdict.NO_GO, 'Direction', 'no welders in August')
        self.assertAffError(Aff.Error.INVALID_TRANSITION, p.evaluate_consultation, 'AO-1',
                            D(*self.DATE))
        self.assertEqual(self.k.get_state(), State.NO_GO)

    def test_not_evaluated_or_not_qualifying(self):
        p = self.build()
        self.assertAffError(Aff.Error.INVALID_TRANSITION, p.decide_consultation, 'AO-1',
                            Verdict.GO, 'Direction', None)
        self.assertEqual(self.k.get_state(), State.QUALIFYING)
        # evaluated while RECEIVED: still not decidable until qualifying
        k2 = add_consultation(p, 'AO-2', 'acme', D(2026, 4, 1), D(2026, 5, 1))
        ev = p.evaluate_consultation('AO-2', D(2026, 4, 10))
        self.assertEqual(k2.get_state(), State.RECEIVED)
        self.assertEqual(ev.get_verdict(), Verdict.GO)
        self.assertAffError(Aff.Error.INVALID_TRANSITION, p.decide_consultation, 'AO-2',
                            Verdict.GO, 'Direction', None)
        self.assertEqual(k2.get_state(), State.RECEIVED)
        self.assertAffError(Aff.Error.NOT_FOUND, p.decide_consultation, 'AO-9',
                            Verdict.GO, 'Direction', None)
        self.assertAffError(Aff.Error.NOT_FOUND, p.evaluate_consultation, 'AO-9',
                            D(2026, 4, 10))

    def test_invalid_arguments(self):
        p = self.build()
        p.evaluate_consultation('AO-1', D(*self.DATE))
        n = p.get_journal().get_n_entries()
        self.assertAffError(Aff.Error.INVALID_VALUE, p.decide_consultation, 'AO-1',
                            Verdict.REVIEW, 'Direction', 'let us see')
        self.assertAffError(Aff.Error.INVALID_VALUE, p.decide_consultation, 'AO-1',
                            Verdict.GO, '', None)
        # against the GO without a justification
        self.assertAffError(Aff.Error.INVALID_VALUE, p.decide_consultation, 'AO-1',
                            Verdict.NO_GO, 'Direction', '')
        self.assertAffError(Aff.Error.INVALID_VALUE, p.decide_consultation, 'AO-1',
                            Verdict.NO_GO, 'Direction', None)
        self.assertEqual(self.k.get_state(), State.QUALIFYING)
        self.assertEqual(p.get_journal().get_n_entries(), n)

    def test_with_the_evaluation(self):
        p = self.build()
        p.evaluate_consultation('AO-1', D(*self.DATE))
        self.assertTrue(p.decide_consultation('AO-1', Verdict.GO, 'Paul Durand', None))
        self.assertEqual(self.k.get_state(), State.GO)
        self.assertEqual(ymd(self.k.get_state_date(State.GO)[1]), self.DATE)
        e = self.decided_entry(p)
        self.assertEqual(e.dup_detail('verdict'), nick(Verdict.GO))
        self.assertEqual(e.dup_detail('decided_by'), 'Paul Durand')
        self.assertEqual(e.dup_detail('against_evaluation'), 'false')
        # no second decision, no new evaluation
        self.assertAffError(Aff.Error.INVALID_TRANSITION, p.decide_consultation, 'AO-1',
                            Verdict.NO_GO, 'Paul Durand', 'changed my mind')
        self.assertAffError(Aff.Error.INVALID_TRANSITION, p.evaluate_consultation, 'AO-1',
                            D(*self.DATE))
        self.assertEqual(self.k.get_state(), State.GO)
        self.assertTrue(p.get_journal().verify())

    def test_against_the_evaluation(self):
        # GO evaluated, NO_GO decided
        p = self.build()
        p.evaluate_consultation('AO-1', D(*self.DATE))
        self.assertTrue(p.decide_consultation('AO-1', Verdict.NO_GO, 'Paul Durand',
                                              'team busy on the shutdown'))
        self.assertEqual(self.k.get_state(), State.NO_GO)
        self.assertEqual(ymd(self.k.get_state_date(State.NO_GO)[1]), self.DATE)
        e = self.decided_entry(p)
        self.assertEqual(e.dup_detail('verdict'), nick(Verdict.NO_GO))
        self.assertEqual(e.dup_detail('justification'), 'team busy on the shutdown')
        self.assertEqual(e.dup_detail('against_evaluation'), 'true')
        # NO_GO evaluated (deadline gate), GO decided
        p = self.build(deadline=(2026, 4, 15))
        self.assertEqual(p.evaluate_consultation('AO-1', D(*self.DATE)).get_verdict(),
                         Verdict.NO_GO)
        self.assertAffError(Aff.Error.INVALID_VALUE, p.decide_consultation, 'AO-1',
                            Verdict.GO, 'Paul Durand', '')
        self.assertTrue(p.decide_consultation('AO-1', Verdict.GO, 'Paul Durand',
                                              'strategic client, overtime agreed'))
        self.assertEqual(self.decided_entry(p).dup_detail('against_evaluation'), 'true')
        self.assertEqual(self.k.get_state(), State.GO)

    def test_after_review(self):
        review = dict(status=Status.PROSPECT, margin=MARGIN_UNSET, bid_cost=None,
                      risks=[(2, 5, Treat.REDUCE, RStatus.OPEN)])
        for verdict, state in ((Verdict.GO, State.GO), (Verdict.NO_GO, State.NO_GO)):
            with self.subTest(verdict=verdict):
                p = self.build(**review)
                self.assertEqual(p.evaluate_consultation('AO-1', D(*self.DATE)).get_verdict(),
                                 Verdict.REVIEW)
                self.assertTrue(p.decide_consultation('AO-1', verdict, 'Direction', None))
                self.assertEqual(self.k.get_state(), state)
                self.assertEqual(self.decided_entry(p).dup_detail('against_evaluation'),
                                 'false')

    def test_latest_evaluation_counts(self):
        # NO_GO first (deadline 9 days away), then the deadline is moved and the
        # new evaluation says GO: deciding GO is no longer against it
        p = self.build(deadline=(2026, 4, 19))
        self.assertEqual(p.evaluate_consultation('AO-1', D(*self.DATE)).get_verdict(),
                         Verdict.NO_GO)
        self.k.set_deadline(D(2026, 5, 1))
        self.assertEqual(p.evaluate_consultation('AO-1', D(2026, 4, 12)).get_verdict(),
                         Verdict.GO)
        self.assertTrue(p.decide_consultation('AO-1', Verdict.GO, 'Direction', None))
        self.assertEqual(self.decided_entry(p).dup_detail('against_evaluation'), 'false')
        self.assertEqual(ymd(self.k.get_state_date(State.GO)[1]), (2026, 4, 12))

    def test_decide_at(self):
        p = self.build()
        p.evaluate_consultation('AO-1', D(*self.DATE))
        # qualifying since 2026-04-02: a decision dated before is out of order
        self.assertAffError(Aff.Error.INVALID_VALUE, p.decide_consultation_at, 'AO-1',
                            Verdict.GO, 'Direction', None, D(2026, 4, 1))
        self.assertEqual(self.k.get_state(), State.QUALIFYING)
        self.assertTrue(p.decide_consultation_at('AO-1', Verdict.GO, 'Direction', None,
                                                 D(2026, 4, 14)))
        self.assertEqual(ymd(self.k.get_state_date(State.GO)[1]), (2026, 4, 14))
        self.assertTrue(self.k.mark_offer_sent(D(2026, 4, 20), 'sent'))


# ---------------------------------------------------------------- statistics

class TestStatistics(AffTestCase):
    def rate(self, h):
        return (h.get_n_won(), h.get_n_lost(), h.get_n_pending(), h.get_n_no_go(),
                h.get_rate())

    def test_hit_rate(self):
        p = build_history()
        cases = [
            # all: won H1 H6 H7, lost H2 H3, pending H4, no-go H5; 3 / 5 -> 6000
            (None, None, (3, 2, 1, 1, 6000)),
            # acme: won H1, lost H2 H3, pending H4, no-go H5; 10000 / 3 = 3333.3
            ('acme', None, (1, 2, 1, 1, 3333)),
            # beta: won H6 H7
            ('beta', None, (2, 0, 0, 0, 10000)),
            # pipework: won H1 H7, lost H2, pending H4, no-go H5; 20000 / 3 = 6666.7
            (None, 'pipework', (2, 1, 1, 1, 6667)),
            # boilermaking: won H6 H7, lost H3
            (None, 'boilermaking', (2, 1, 0, 0, 6667)),
            ('acme', 'boilermaking', (0, 1, 0, 0, 0)),
            ('beta', 'pipework', (1, 0, 0, 0, 10000)),
            ('nobody', None, (0, 0, 0, 0, -1)),
            (None, 'painting', (0, 0, 0, 0, -1)),
        ]
        for client, activity, expected in cases:
            with self.subTest(client=client, activity=activity):
                self.assertEqual(self.rate(p.compute_hit_rate(client, activity)), expected)
                self.assertEqual(self.rate(Aff.HitRate.compute(p.get_consultations(),
                                                               client, activity)), expected)

    def test_review_verdicts(self):
        p = build_history()
        r = p.review_verdicts()
        # decided: H1..H7 and H10 (H8 never evaluated, H9 abandoned undecided)
        self.assertEqual(r.get_n_decided(), 8)
        # against a GO / NO_GO evaluation: H3 (NO_GO -> GO), H5 (GO -> NO_GO)
        self.assertEqual(r.get_n_overridden(), 2)
        expected = {(Verdict.GO, State.WON): 2,          # H1, H6
                    (Verdict.GO, State.LOST): 1,         # H2
                    (Verdict.NO_GO, State.LOST): 1,      # H3
                    (Verdict.REVIEW, State.OFFER_SENT): 1,  # H4
                    (Verdict.GO, State.NO_GO): 1,        # H5
                    (Verdict.REVIEW, State.WON): 1,      # H7
                    (Verdict.GO, State.ABANDONED): 1}    # H10
        for verdict in (Verdict.GO, Verdict.REVIEW, Verdict.NO_GO):
            for state in (State.RECEIVED, State.QUALIFYING, State.GO, State.NO_GO,
                          State.OFFER_SENT, State.WON, State.LOST, State.ABANDONED):
                with self.subTest(verdict=verdict, state=state):
                    self.assertEqual(r.get_count(verdict, state),
                                     expected.get((verdict, state), 0))
        r2 = Aff.VerdictReview.compute(p.get_consultations())
        self.assertEqual((r2.get_n_decided(), r2.get_n_overridden()), (8, 2))

    def test_hit_rate_rounding(self):
        # 32 outcomes per client: 10000 * 1 / 32 = 312.5 -> 312 (half to even),
        # 10000 * 3 / 32 = 937.5 -> 938
        p = new_portfolio()
        add_client(p, 'x')
        add_client(p, 'y')
        for client, won in (('x', 1), ('y', 3)):
            for n in range(32):
                through(p, '%s%02d' % (client, n), client, D(2026, 2, 1), 'go', Verdict.GO,
                        State.WON if n < won else State.LOST)
        self.assertEqual(self.rate(p.compute_hit_rate('x', None)), (1, 31, 0, 0, 312))
        self.assertEqual(self.rate(p.compute_hit_rate('y', None)), (3, 29, 0, 0, 938))
        # both: 10000 * 4 / 64 = 625
        self.assertEqual(self.rate(p.compute_hit_rate(None, 'pipework')), (4, 60, 0, 0, 625))

    def test_empty(self):
        p = new_portfolio()
        self.assertEqual(self.rate(p.compute_hit_rate(None, None)), (0, 0, 0, 0, -1))
        r = p.review_verdicts()
        self.assertEqual((r.get_n_decided(), r.get_n_overridden()), (0, 0))


# ---------------------------------------------------------------- round trip

class TestRoundTrip(AffTestCase):
    def build(self):
        p = build_history()
        policy = p.get_policy()
        policy.set_risk_critical_threshold(20)
        policy.set_risk_high_threshold(12)
        policy.set_risk_medium_threshold(6)
        policy.set_solvency_max_age_days(400)
        policy.set_max_dso_days(75)
        policy.set_max_average_days_late(20)
        policy.set_max_payment_incidents(1)
        policy.set_min_preparation_days(12)
        policy.set_deadline_warning_days(5)
        policy.set_capacity_hours(30000)
        policy.set_language('en')
        policy.set_bid_weight('margin', 30)
        acme = p.lookup_client('acme')
        s = make_solvency(D(2026, 3, 31), Model.AUTO, **GREY_ZP)
        s.set_dso_days(62)
        s.set_average_days_late(12)
        s.set_payment_incidents(0)
        s.set_validated_by('Sophie Leroy')
        acme.add_solvency(s)
        k = add_consultation(p, 'AO-9', 'acme', D(2026, 4, 1), D(2026, 5, 4),
                             activities=('pipework', 'boilermaking'),
                             title='Révision des pompes', hours=1200)
        k.set_site('Strasbourg')
        k.set_description('Overhaul of 4 feed pumps')
        k.set_source(Aff.ConsultationSource.PUBLIC_TENDER)
        k.set_regulatory_flags(Aff.RegulatoryFlags.HOT_WORK | Aff.RegulatoryFlags.LIFTING)
        k.start_qualification(D(2026, 4, 2), 'analysis')
        k.add_requirement('NF EN 13480')
        k.add_requirement('Delivery within 6 weeks')
        k.ask_question('Access hours?', D(2026, 4, 2))
        k.answer_question('Q-1', '7:00-16:00', D(2026, 4, 3))
        k.ask_question('Gasket material?', D(2026, 4, 3))
        k.request_contribution(Dept.METHODS, 'Marc Petit', 'welding procedure', D(2026, 4, 8))
        k.complete_contribution('CON-1', 'WPS ready', D(2026, 4, 7))
        r = Aff.Risk.new('Late flanges', Cat.SCHEDULE, 3, 4)
        r.set_exposure(M('12000.00'))
        r.set_probability_percent(30)
        r.set_treatment(Treat.REDUCE)
        r.set_owner('Lea Roux')
        r.set_review_date(D(2026, 4, 20))
        k.get_risk_register().add_risk(r)
        k.get_risk_register().add_risk(Aff.Risk.new('Hot work permit', Cat.SAFETY, 2, 3))
        # a consultation with nothing but what the constructor takes, and an
        # assessment with nothing but its date and model
        p.add_consultation(Aff.Consultation.new('BARE', 'beta', 'Demande sans détails',
                                                D(2026, 4, 5), D(2026, 4, 30)))
        p.lookup_client('beta').add_solvency(
            make_solvency(D(2026, 2, 28), Model.Z_DOUBLE_PRIME))
        ev = p.evaluate_consultation('AO-9', D(2026, 4, 10))
        # gates pass (GREY of 2026-03-31 with DSO 62 <= 75, late 12 <= 20,
        # incidents 0 <= 1; deadline 24 days >= 12; RISK-1 3x4 = 12 HIGH with
        # thresholds 20/12/6). Weighted, margin weight 30 (total 105):
        # ACTIVE 5 x 20; win-rate H1 W, H2 L, H3 L, H6 W, H7 W -> 5*3/5 = 3, x 15;
        # margin 1500 -> 5 x 30; HIGH -> 2 x 20; (100 h of H4 + 1200) / 30000 -> 5 x 10;
        # 50 bp -> 5 x 10: 100 + 45 + 150 + 40 + 50 + 50 = 435
        # 100 * 435 / (5 * 105) = 82.86 -> 83
        self.assertEqual(ev.get_score(), 83)
        self.assertEqual(ev.get_verdict(), Verdict.GO)
        return p

    def check(self, q):
        policy = q.get_policy()
        self.assertEqual((policy.get_risk_critical_threshold(), policy.get_risk_high_threshold(),
                          policy.get_risk_medium_threshold(), policy.get_solvency_max_age_days(),
                          policy.get_max_dso_days(), policy.get_max_average_days_late(),
                          policy.get_max_payment_incidents(), policy.get_min_preparation_days(),
                          policy.get_deadline_warning_days(), policy.get_capacity_hours(),
                          policy.get_language(), policy.get_bid_weight('margin'),
                          policy.get_bid_weight('risk')),
                         (20, 12, 6, 400, 75, 20, 1, 12, 5, 30000, 'en', 30, 20))
        acme = q.lookup_client('acme')
        sols = list(acme.get_solvencies())
        self.assertEqual([ymd(s.get_date()) for s in sols], [(2026, 1, 15), (2026, 3, 31)])
        s = sols[1]
        self.assertEqual(s.get_model(), Model.Z_PRIME)      # resolved from 28.29B
        self.assertEqual((s.get_dso_days(), s.get_average_days_late(),
                          s.get_payment_incidents(), s.get_validated_by()),
                         (62, 12, 0, 'Sophie Leroy'))
        self.assertEqual(s.get_total_assets().to_string(), '1000000.00 EUR')
        self.assertEqual(s.get_working_capital().to_string(), '200000.00 EUR')
        self.assertAlmostEqual(out(s.compute_score()), 2.6252, places=9)
        self.assertEqual(ids(q.get_consultations()),
                         ['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7', 'H8', 'H9', 'H10', 'AO-9',
                          'BARE'])
        bare = q.lookup_consultation('BARE')
        self.assertEqual((bare.get_client_id(), bare.get_title(), bare.get_state(),
                          bare.get_estimated_hours(), bare.get_expected_margin_rate(),
                          bare.get_estimated_value(), bare.get_bid_cost(),
                          list(bare.get_activities() or []), bare.get_regulatory_flags()),
                         ('beta', 'Demande sans détails', State.RECEIVED, 0, MARGIN_UNSET,
                          None, None, [], Aff.RegulatoryFlags.NONE))
        bsols = list(q.lookup_client('beta').get_solvencies())
        self.assertEqual([ymd(s.get_date()) for s in bsols], [(2026, 1, 15), (2026, 2, 28)])
        self.assertEqual(bsols[1].get_model(), Model.Z_DOUBLE_PRIME)
        self.assertIsNone(bsols[1].get_total_assets())
        self.assertEqual(bsols[1].get_dso_days(), -1)
        self.assertAffError(Aff.Error.NOT_ASSESSABLE, bsols[1].compute_score)
        states = {k.get_id(): k.get_state() for k in q.get_consultations()
                  if k.get_id() != 'BARE'}
        self.assertEqual(states, {'H1': State.WON, 'H2': State.LOST, 'H3': State.LOST,
                                  'H4': State.OFFER_SENT, 'H5': State.NO_GO, 'H6': State.WON,
                                  'H7': State.WON, 'H8': State.RECEIVED,
                                  'H9': State.ABANDONED, 'H10': State.ABANDONED,
                                  'AO-9': State.QUALIFYING})
        h1 = q.lookup_consultation('H1')
        self.assertEqual(ymd(h1.get_state_date(State.GO)[1]), (2026, 2, 1))
        self.assertEqual(ymd(h1.get_state_date(State.OFFER_SENT)[1]), (2026, 2, 11))
        self.assertEqual(ymd(h1.get_state_date(State.WON)[1]), (2026, 3, 13))
        k = q.lookup_consultation('AO-9')
        self.assertEqual((k.get_client_id(), k.get_title(), k.get_site(), k.get_description(),
                          k.get_source(), k.get_estimated_hours(),
                          k.get_expected_margin_rate()),
                         ('acme', 'Révision des pompes', 'Strasbourg', 'Overhaul of 4 feed pumps',
                          Aff.ConsultationSource.PUBLIC_TENDER, 1200, 1500))
        self.assertEqual(k.get_regulatory_flags(),
                         Aff.RegulatoryFlags.HOT_WORK | Aff.RegulatoryFlags.LIFTING)
        self.assertEqual(list(k.get_activities()), ['pipework', 'boilermaking'])
        self.assertEqual(k.get_estimated_value().to_string(), '200000.00 EUR')
        self.assertEqual(k.get_bid_cost().to_string(), '1000.00 EUR')
        self.assertEqual(ymd(k.get_deadline()), (2026, 5, 4))
        self.assertEqual([(r.get_id(), r.get_text()) for r in k.get_requirements()],
                         [('REQ-1', 'NF EN 13480'), ('REQ-2', 'Delivery within 6 weeks')])
        qs = list(k.get_clarifications())
        self.assertEqual([(c.get_id(), c.get_question(), c.get_answer(), c.is_answered())
                          for c in qs],
                         [('Q-1', 'Access hours?', '7:00-16:00', True),
                          ('Q-2', 'Gasket material?', None, False)])
        self.assertEqual(ymd(qs[0].get_answered_date()), (2026, 4, 3))
        con = list(k.get_contributions())[0]
        self.assertEqual((con.get_id(), con.get_department(), con.get_who(), con.get_what(),
                          con.get_answer(), ymd(con.get_due_date()),
                          ymd(con.get_answered_date())),
                         ('CON-1', Dept.METHODS, 'Marc Petit', 'welding procedure',
                          'WPS ready', (2026, 4, 8), (2026, 4, 7)))
        self.assertFalse(k.is_analysis_complete())
        risks = list(k.get_risk_register().get_risks())
        self.assertEqual(ids(risks), ['RISK-1', 'RISK-2'])
        r = risks[0]
        self.assertEqual((r.get_title(), r.get_category(), r.get_probability(), r.get_impact(),
                          r.get_exposure().to_string(), r.get_probability_percent(),
                          r.get_treatment(), r.get_owner(), r.get_status(),
                          ymd(r.get_review_date())),
                         ('Late flanges', Cat.SCHEDULE, 3, 4, '12000.00 EUR', 30,
                          Treat.REDUCE, 'Lea Roux', RStatus.OPEN, (2026, 4, 20)))
        self.assertEqual(risks[1].get_probability_percent(), -1)
        self.assertIsNone(risks[1].get_exposure())
        # the history's figures
        h = q.compute_hit_rate(None, None)
        self.assertEqual((h.get_n_won(), h.get_n_lost(), h.get_rate()), (3, 2, 6000))
        v = q.review_verdicts()
        self.assertEqual((v.get_n_decided(), v.get_n_overridden()), (8, 2))
        self.assertEqual(v.get_count(Verdict.REVIEW, State.WON), 1)

    def test_round_trip(self):
        p = self.build()
        text = to_text(p)
        doc = json.loads(text)
        self.assertEqual(doc['format'], 'libaffaires-portfolio')
        q = Aff.Portfolio.new_from_data(text, -1)
        self.assertEqual(to_text(q), text)
        jp, jq = p.get_journal(), q.get_journal()
        self.assertTrue(jq.verify())
        self.assertEqual(jq.get_n_entries(), jp.get_n_entries())
        self.assertEqual(jq.get_head_hash(), jp.get_head_hash())
        self.check(q)
        # numbering continues
        k = q.lookup_consultation('AO-9')
        self.assertEqual(k.add_requirement('Painting'), 'REQ-3')
        self.assertEqual(k.ask_question('Colour?', D(2026, 4, 11)), 'Q-3')
        self.assertEqual(k.request_contribution(Dept.SAFETY, 'HSE', 'prevention plan',
                                                D(2026, 4, 20)), 'CON-2')
        r = Aff.Risk.new('new', Cat.CLIENT, 1, 1)
        k.get_risk_register().add_risk(r)
        self.assertEqual(r.get_id(), 'RISK-3')
        # the evaluation (GO) was remembered: deciding NO_GO without a
        # justification is against it, deciding GO is not
        self.assertAffError(Aff.Error.INVALID_VALUE, q.decide_consultation, 'AO-9',
                            Verdict.NO_GO, 'Direction', None)
        self.assertTrue(q.decide_consultation('AO-9', Verdict.GO, 'Direction', None))
        self.assertEqual(ymd(k.get_state_date(State.GO)[1]), (2026, 4, 10))
        # duplicates are still detected after reload
        self.assertTrue(jq.verify())
        # tampering with a saved consultation is detected
        for entry in doc['journal']['entries']:
            if entry.get('kind') == 'consultation' and entry.get('action') == 'decided':
                entry['details']['decided_by'] = 'Someone else'
                break
        else:
            self.fail('no decided entry in the document')
        tampered = Aff.Portfolio.new_from_data(json.dumps(doc), -1)
        self.assertAffError(Aff.Error.TAMPERED, tampered.get_journal().verify)

    def test_file_round_trip(self):
        p = self.build()
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, 'bids.json')
            self.assertTrue(p.save_to_file(path))
            q = Aff.Portfolio.new_from_file(path)
        self.assertEqual(to_text(q), to_text(p))
        self.assertTrue(q.get_journal().verify())
        self.check(q)

    def test_duplicates_survive(self):
        p = new_portfolio()
        add_client(p, 'acme')
        add_consultation(p, 'A1', 'acme', D(2026, 3, 1), D(2026, 4, 1),
                         title='Révision pompes station Nord')
        add_consultation(p, 'A2', 'acme', D(2026, 3, 5), D(2026, 4, 1),
                         title='révision des pompes, station nord')
        # {revision, pompes, station, nord} vs {revision, des, pompes, station, nord}: 4/5
        q = Aff.Portfolio.new_from_data(to_text(p), -1)
        self.assertEqual(ids(q.list_possible_duplicates('A1') or []), ['A2'])
        self.assertEqual(ids(q.list_possible_duplicates('A2') or []), ['A1'])


if __name__ == '__main__':
    unittest.main()
