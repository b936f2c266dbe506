#!/usr/bin/python3
# Comparing two revisions (Aff.OfferRevision.compare, Aff.RevisionDiff,
# Aff.LineDiff) and the pipeline of a portfolio (portfolio.compute_pipeline,
# Aff.Pipeline) from Python.
#
# Every expected value is worked out by hand from docs/rules.md, "Comparing
# revisions and the pipeline" (with "Revisions" for the pricing). Default
# policy: overheads labour 3000, material 1000, equipment 1000, subcontract
# 800, travel 500; floor margin 800.
#
# Revision A (standalone, EUR), margin rate 1500:
#   labour      "Soudure TIG"      20 h x   60.00 = 120000  lot-1
#   material    "Tubes inox DN50"  10 m x   50.00 =  50000  lot-1
#   travel      "Déplacements"      3 d x   95.50 =  28650  no lot
#   material    "Tubes inox DN50"   5 m x   52.00 =  26000  lot-1 (same key)
#   subcontract "Radiographie"      1 lump 1500.00 = 150000  lot-2
#   direct 374650; overheads 36000 + 7600 + 1432 (1432.5) + 12000 = 57032;
#   cost 431682; selling 4316820000 / 8500 = 507861.18 -> 507861; margin
#   76179; rate 761790000 / 507861 = 1499.99 -> 1500.
# Revision B, margin rate 1200:
#   labour      "Soudure TIG"      25 h x   60.00 = 150000  lot-1 (quantity changed)
#   material    "Tubes inox DN50"  10 m x   50.00 =  50000  lot-1
#   subcontract "Radiographie"      1 lump 1500.00 = 150000  lot-2
#   labour      "Soudure TIG"       8 h x   60.00 =  48000  lot-2 (new key)
#   equipment   "Nacelle"           2 d x  180.00 =  36000  lot-2 (added)
#   ("Déplacements" removed)
#   direct 434000; overheads 59400 + 5000 + 12000 + 3600 = 80000; cost 514000;
#   selling 5140000000 / 8800 = 584090.91 -> 584091; margin 70091; rate 1200.
# B.compare(A): selling +76230, cost +82318, margin -6088, rate -300.
#
# The pipeline portfolio (one material line "Tubes" 1 x cost per offer,
# validity 2026-06-30, sent 2026-04-01):
#   OFF-1 SENT 1000.00 at 1200 -> 125000
#   OFF-2 NEGOTIATION 2000.00: A 2000 (275000) sent, draft B 1200 -> 250000
#   OFF-3 ACCEPTED 4000.00: A 1200 (500000), B 2000 (550000) sent, accepted
#   OFF-4 DECLINED 1000.00: A 1000 (122222, rate 1000) sent, draft B 500
#   OFF-5 EXPIRED 1000.00 at 3000 (157143); OFF-6 WITHDRAWN; OFF-7 DRAFT
#   n_open 2, open 375000, hit 3333, weighted 124987.5 -> 124988, won 2000,
#   lost 1000.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import unittest

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib  # noqa: E402
import afftest  # noqa: E402
from afftest import D  # noqa: E402

State = Aff.OfferState
CState = Aff.ConsultationState
K = Aff.LineKind
U = Aff.LineUnit
E = Aff.Error


def line(kind, description, quantity, unit, cost, lot):
    ln = Aff.OfferLine.new(kind, description, quantity, unit, Aff.Money.parse(cost))
    ln.set_lot(lot)
    return ln


def revision_a(policy):
    a = Aff.OfferRevision.new('A', policy)
    for ln in (line(K.LABOUR, 'Soudure TIG', '20', U.HOUR, '60.00 EUR', 'lot-1'),
               line(K.MATERIAL, 'Tubes inox DN50', '10', U.METRE, '50.00 EUR', 'lot-1'),
               line(K.TRAVEL, 'Déplacements', '3', U.DAY, '95.50 EUR', None),
               line(K.MATERIAL, 'Tubes inox DN50', '5', U.METRE, '52.00 EUR', 'lot-1'),
               line(K.SUBCONTRACT, 'Radiographie', '1', U.LUMP_SUM, '1500.00 EUR', 'lot-2')):
        a.add_line(ln)
    a.set_margin_rate(1500)
    return a


def revision_b(policy):
    b = Aff.OfferRevision.new('B', policy)
    for ln in (line(K.LABOUR, 'Soudure TIG', '25', U.HOUR, '60.00 EUR', 'lot-1'),
               line(K.MATERIAL, 'Tubes inox DN50', '10', U.METRE, '50.00 EUR', 'lot-1'),
               line(K.SUBCONTRACT, 'Radiographie', '1', U.LUMP_SUM, '1500.00 EUR', 'lot-2'),
               line(K.LABOUR, 'Soudure TIG', '8', U.HOUR, '60.00 EUR', 'lot-2'),
               line(K.EQUIPMENT, 'Nacelle', '2', U.DAY, '180.00 EUR', 'lot-2')):
        b.add_line(ln)
    b.set_margin_rate(1200)
    return b


def eur(m, currency='EUR'):
    assert m is not None
    assert m.get_currency() == currency, m.get_currency()
    return m.get_minor()


def eur_or_none(m):
    return None if m is None else eur(m)


def diff_lines(diff):
    return [(d.get_description(), d.get_kind(), d.get_lot(),
             eur_or_none(d.get_before()), eur_or_none(d.get_after()), eur(d.get_delta()))
            for d in diff.get_lines()]


def totals(diff):
    return (eur(diff.get_selling_delta()), eur(diff.get_cost_delta()),
            eur(diff.get_margin_delta()), diff.get_margin_rate_delta())


B_FROM_A = [
    ('Soudure TIG', K.LABOUR, 'lot-1', 120000, 150000, 30000),
    ('Tubes inox DN50', K.MATERIAL, 'lot-1', 76000, 50000, -26000),
    ('Déplacements', K.TRAVEL, None, 28650, None, -28650),
    ('Radiographie', K.SUBCONTRACT, 'lot-2', 150000, 150000, 0),
    ('Soudure TIG', K.LABOUR, 'lot-2', None, 48000, 48000),
    ('Nacelle', K.EQUIPMENT, 'lot-2', None, 36000, 36000),
]

A_FROM_B = [
    ('Soudure TIG', K.LABOUR, 'lot-1', 150000, 120000, -30000),
    ('Tubes inox DN50', K.MATERIAL, 'lot-1', 50000, 76000, 26000),
    ('Radiographie', K.SUBCONTRACT, 'lot-2', 150000, 150000, 0),
    ('Soudure TIG', K.LABOUR, 'lot-2', 48000, None, -48000),
    ('Nacelle', K.EQUIPMENT, 'lot-2', 36000, None, -36000),
    ('Déplacements', K.TRAVEL, None, None, 28650, 28650),
]

A_SAME = [
    ('Soudure TIG', K.LABOUR, 'lot-1', 120000, 120000, 0),
    ('Tubes inox DN50', K.MATERIAL, 'lot-1', 76000, 76000, 0),
    ('Déplacements', K.TRAVEL, None, 28650, 28650, 0),
    ('Radiographie', K.SUBCONTRACT, 'lot-2', 150000, 150000, 0),
]


def new_portfolio(n):
    p = Aff.Portfolio.new()
    p.set_actor('Claire Martin')
    p.set_fixed_time(GLib.DateTime.new_utc(2026, 4, 1, 9, 0, 0))
    p.get_policy().set_activities(['pipework'])
    p.add_client(Aff.Client.new('acme', 'ACME Industrie'))
    for i in range(1, n + 1):
        cid = 'CONS-%d' % i
        k = Aff.Consultation.new(cid, 'acme', 'Tuyauterie ' + cid, D(2026, 3, 2), D(2026, 4, 15))
        k.set_activities(['pipework'])
        p.add_consultation(k)
        k.start_qualification(D(2026, 3, 3), 'analysis')
        p.evaluate_consultation(cid, D(2026, 3, 5))
        p.decide_consultation(cid, Aff.BidVerdict.GO, 'Direction', 'client stratégique')
        assert k.get_state() == CState.GO
    return p


def simple_offer(p, oid, cid, cost, rate):
    offer = Aff.Offer.new(oid, cid)
    p.add_offer(offer)
    rev = offer.get_current_revision()
    rev.add_line(line(K.MATERIAL, 'Tubes', '1', U.UNIT, cost, None))
    rev.set_margin_rate(rate)
    rev.set_validity(D(2026, 6, 30))
    return offer


def send(offer, y=2026, m=4, d=1):
    offer.send(D(y, m, d))
    assert offer.get_state() == State.SENT


def revise(offer, rate):
    b = offer.revise()
    assert offer.get_current_revision() is b
    b.set_margin_rate(rate)
    assert offer.get_state() == State.NEGOTIATION
    return b


def selling(rev):
    return eur(rev.get_selling_price())


def pipeline_values(pl, currency='EUR'):
    return (pl.get_n_open(), eur(pl.get_open_total(), currency),
            eur(pl.get_weighted_total(), currency), pl.get_hit_rate(),
            pl.get_average_margin_won(), pl.get_average_margin_lost())


class CompareTest(afftest.AffTestCase):
    def setUp(self):
        self.policy = Aff.Policy.new()
        self.a = revision_a(self.policy)
        self.b = revision_b(self.policy)

    def test_fixture_pricing(self):
        a, b = self.a, self.b
        self.assertEqual(eur(a.get_direct_cost()), 374650)
        self.assertEqual(eur(a.get_overheads()), 57032)
        self.assertEqual(eur(a.get_cost_price()), 431682)
        self.assertEqual(eur(a.get_selling_price()), 507861)
        self.assertEqual(eur(a.get_margin()), 76179)
        self.assertEqual(a.get_margin_rate(), 1500)
        self.assertEqual(eur(b.get_direct_cost()), 434000)
        self.assertEqual(eur(b.get_overheads()), 80000)
        self.assertEqual(eur(b.get_cost_price()), 514000)
        self.assertEqual(eur(b.get_selling_price()), 584091)
        self.assertEqual(eur(b.get_margin()), 70091)
        self.assertEqual(b.get_margin_rate(), 1200)

    def test_b_from_a(self):
        diff = self.b.compare(self.a)
        self.assertIsInstance(diff, Aff.RevisionDiff)
        self.assertEqual(totals(diff), (76230, 82318, -6088, -300))
        self.assertEqual(diff_lines(diff), B_FROM_A)
        self.assertEqual(sum(x[5] for x in diff_lines(diff)), 434000 - 374650)
        # unchanged by the comparison
        self.assertEqual(self.a.get_lines().get_n_items(), 5)
        self.assertEqual(self.b.get_lines().get_n_items(), 5)
        self.assertEqual(eur(self.a.get_selling_price()), 507861)
        self.assertEqual(eur(self.b.get_selling_price()), 584091)

    def test_a_from_b(self):
        diff = self.a.compare(self.b)
        self.assertEqual(totals(diff), (-76230, -82318, 6088, 300))
        self.assertEqual(diff_lines(diff), A_FROM_B)

    def test_identical(self):
        a2 = revision_a(self.policy)
        self.assertEqual(totals(a2.compare(self.a)), (0, 0, 0, 0))
        self.assertEqual(diff_lines(a2.compare(self.a)), A_SAME)
        self.assertEqual(totals(self.a.compare(self.a)), (0, 0, 0, 0))
        self.assertEqual(diff_lines(self.a.compare(self.a)), A_SAME)
        e1 = Aff.OfferRevision.new('A', self.policy)
        e2 = Aff.OfferRevision.new('B', self.policy)
        empty = e2.compare(e1)
        self.assertEqual(totals(empty), (0, 0, 0, 0))
        self.assertEqual(list(empty.get_lines()), [])

    def test_currency_mismatch(self):
        usd = Aff.Policy.new()
        usd.set_currency('USD')
        u = Aff.OfferRevision.new('B', usd)
        self.assertEqual(u.get_currency(), 'USD')
        u.add_line(line(K.LABOUR, 'Soudure TIG', '20', U.HOUR, '60.00 USD', 'lot-1'))
        self.assertAffError(E.CURRENCY_MISMATCH, u.compare, self.a)
        self.assertAffError(E.CURRENCY_MISMATCH, self.a.compare, u)
        self.assertAffError(E.CURRENCY_MISMATCH, Aff.OfferRevision.new('B', usd).compare,
                            Aff.OfferRevision.new('A', self.policy))

    def test_offer_revisions(self):
        # A = B: Tubes 100000 + travel 2 d x 100.00 = 20000; overheads 10000 +
        # 1000; cost 131000; 1310000000 / 8800 = 148863.6 -> 148864, margin
        # 17864, rate 1200. B then without travel at 2000: cost 110000,
        # selling 137500, margin 27500, rate 2000.
        p = new_portfolio(1)
        offer = simple_offer(p, 'OFF-1', 'CONS-1', '1000.00 EUR', 1200)
        a = offer.get_current_revision()
        a.add_line(line(K.TRAVEL, 'Déplacements', '2', U.DAY, '100.00 EUR', None))
        self.assertEqual(selling(a), 148864)
        send(offer)
        b = offer.revise()
        same = b.compare(a)
        self.assertEqual(totals(same), (0, 0, 0, 0))
        self.assertEqual(diff_lines(same), [
            ('Tubes', K.MATERIAL, None, 100000, 100000, 0),
            ('Déplacements', K.TRAVEL, None, 20000, 20000, 0)])
        b.remove_line(1)
        b.set_margin_rate(2000)
        diff = b.compare(a)
        self.assertEqual(totals(diff), (137500 - 148864, 110000 - 131000, 27500 - 17864, 800))
        self.assertEqual(diff_lines(diff), [
            ('Tubes', K.MATERIAL, None, 100000, 100000, 0),
            ('Déplacements', K.TRAVEL, None, 20000, None, -20000)])


class PipelineTest(afftest.AffTestCase):
    def test_empty(self):
        p = Aff.Portfolio.new()
        pl = p.compute_pipeline()
        self.assertIsInstance(pl, Aff.Pipeline)
        self.assertEqual(pipeline_values(pl), (0, 0, 0, -1, -1, -1))
        q = Aff.Portfolio.new()
        q.get_policy().set_currency('USD')
        self.assertEqual(pipeline_values(q.compute_pipeline(), 'USD'), (0, 0, 0, -1, -1, -1))

    def test_open_only(self):
        p = new_portfolio(3)
        send(simple_offer(p, 'OFF-1', 'CONS-1', '1000.00 EUR', 1200))
        simple_offer(p, 'OFF-2', 'CONS-2', '2000.00 EUR', 1200)
        o3 = simple_offer(p, 'OFF-3', 'CONS-3', '4000.00 EUR', 1200)
        send(o3)
        o3.withdraw(D(2026, 4, 5), "client a changé d'avis")
        self.assertEqual(o3.get_state(), State.WITHDRAWN)
        self.assertEqual(pipeline_values(p.compute_pipeline()), (1, 125000, 0, -1, -1, -1))

    def test_full(self):
        p = new_portfolio(7)
        o1 = simple_offer(p, 'OFF-1', 'CONS-1', '1000.00 EUR', 1200)
        send(o1)
        self.assertEqual(selling(o1.get_current_revision()), 125000)

        o2 = simple_offer(p, 'OFF-2', 'CONS-2', '2000.00 EUR', 2000)
        self.assertEqual(selling(o2.get_current_revision()), 275000)
        send(o2)
        self.assertEqual(selling(revise(o2, 1200)), 250000)

        o3 = simple_offer(p, 'OFF-3', 'CONS-3', '4000.00 EUR', 1200)
        self.assertEqual(selling(o3.get_current_revision()), 500000)
        send(o3)
        r = revise(o3, 2000)
        self.assertEqual(selling(r), 550000)
        self.assertEqual(r.get_margin_rate(), 2000)
        send(o3, 2026, 4, 10)
        o3.accept(D(2026, 4, 20), 'CT-2026-017')
        self.assertEqual(o3.get_state(), State.ACCEPTED)

        o4 = simple_offer(p, 'OFF-4', 'CONS-4', '1000.00 EUR', 1000)
        self.assertEqual(selling(o4.get_current_revision()), 122222)
        self.assertEqual(o4.get_current_revision().get_margin_rate(), 1000)
        send(o4)
        r = revise(o4, 500)
        self.assertEqual(selling(r), 115789)
        self.assertEqual(r.get_margin_rate(), 500)
        o4.decline(D(2026, 4, 20), Aff.LossReason.PRICE, 'trop cher')
        self.assertEqual(o4.get_state(), State.DECLINED)

        o5 = simple_offer(p, 'OFF-5', 'CONS-5', '1000.00 EUR', 3000)
        self.assertEqual(selling(o5.get_current_revision()), 157143)
        send(o5)
        o5.expire(D(2026, 7, 1))
        self.assertEqual(o5.get_state(), State.EXPIRED)

        o6 = simple_offer(p, 'OFF-6', 'CONS-6', '1000.00 EUR', 1200)
        send(o6)
        o6.withdraw(D(2026, 4, 5), "client a changé d'avis")
        self.assertEqual(o6.get_state(), State.WITHDRAWN)

        o7 = simple_offer(p, 'OFF-7', 'CONS-7', '1000.00 EUR', 1200)
        self.assertEqual(o7.get_state(), State.DRAFT)
        self.assertEqual(o1.get_state(), State.SENT)
        self.assertEqual(o2.get_state(), State.NEGOTIATION)

        self.assertEqual(pipeline_values(p.compute_pipeline()),
                         (2, 375000, 124988, 3333, 2000, 1000))

    def test_losses(self):
        # OFF-1 (125000) and OFF-2 (2000.00 at 2000: 275000) lost on price,
        # OFF-3 (1000.00 at 1000: 122222) on the technical answer.
        p = new_portfolio(3)
        o1 = simple_offer(p, 'OFF-1', 'CONS-1', '1000.00 EUR', 1200)
        o2 = simple_offer(p, 'OFF-2', 'CONS-2', '2000.00 EUR', 2000)
        o3 = simple_offer(p, 'OFF-3', 'CONS-3', '1000.00 EUR', 1000)
        for o in (o1, o2, o3):
            send(o)
        o1.decline(D(2026, 4, 20), Aff.LossReason.PRICE, None)
        o2.decline(D(2026, 4, 20), Aff.LossReason.PRICE, 'trop cher')
        o3.decline(D(2026, 4, 20), Aff.LossReason.TECHNICAL, 'procédé refusé')
        pl = p.compute_pipeline()
        expected = {Aff.LossReason.PRICE: (2, 400000), Aff.LossReason.TECHNICAL: (1, 122222)}
        for reason in (Aff.LossReason.PRICE, Aff.LossReason.LEAD_TIME, Aff.LossReason.TECHNICAL,
                       Aff.LossReason.RELATIONSHIP, Aff.LossReason.NO_DECISION, Aff.LossReason.OTHER):
            self.assertEqual((pl.get_n_lost(reason), eur(pl.get_lost_total(reason))),
                             expected.get(reason, (0, 0)), reason)
        self.assertEqual(pl.get_hit_rate(), 0)

    def test_averages(self):
        # won 1201, 1202 -> 1201.5 -> 1202; lost 1200, 1201 -> 1200.5 -> 1200;
        # hit 2 / 4 = 5000; open at 1501: 1100000000 / 8499 -> 129427;
        # weighted 64713.5 -> 64714.
        p = new_portfolio(5)
        for i, (rate, price) in enumerate(((1201, 125014), (1202, 125028),
                                           (1200, 125000), (1201, 125014))):
            o = simple_offer(p, 'OFF-%d' % (i + 1), 'CONS-%d' % (i + 1), '1000.00 EUR', rate)
            self.assertEqual(selling(o.get_current_revision()), price)
            self.assertEqual(o.get_current_revision().get_margin_rate(), rate)
            send(o)
            if i < 2:
                o.accept(D(2026, 4, 20), 'CT-2026-017')
            else:
                o.decline(D(2026, 4, 20), Aff.LossReason.PRICE, None)
        o = simple_offer(p, 'OFF-5', 'CONS-5', '1000.00 EUR', 1501)
        self.assertEqual(selling(o.get_current_revision()), 129427)
        send(o)
        self.assertEqual(pipeline_values(p.compute_pipeline()),
                         (1, 129427, 64714, 5000, 1202, 1200))


if __name__ == '__main__':
    unittest.main()
