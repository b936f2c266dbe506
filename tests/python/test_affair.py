#!/usr/bin/python3
# The acceptance of an offer (Aff.Offer.accept) and the affair the portfolio
# creates from it (Aff.Affair, Aff.BudgetItem) from Python: the refused cases,
# lookup_affair / get_affairs and the round trip.
#
# Every expected value is worked out by hand from docs/rules.md, "Acceptance:
# the offer becomes an affair" (and "Revisions" for the pricing).
#
# The fixtures:
#   clients acme and beta, neither with a solvency assessment, so every
#   evaluation is NO_GO and the management decides GO anyway with a
#   justification (the consultation is GO, dated 2026-03-05).
#   CONS-1, CONS-2 (acme) and CONS-3 (beta): received 2026-03-02, deadline
#   2026-04-15, no requirement, no dangerous work, qualified 2026-03-03,
#   evaluated 2026-03-05, decided GO. Default policy (overheads labour 3000,
#   material 1000, subcontract 800, travel 500; floor margin 800).
#
# The full offer (revision A), validity 2026-06-30, sent 2026-04-01:
#   L1 material    10 m    x   50.00 = 10000 x 5000 / 1000 =  50000  lot-1
#   L2 labour      20 h    x   60.00 = 20000 x 6000 / 1000 = 120000  lot-1
#   L3 subcontract  1 lump x 1500.00 =                       150000  lot-2
#   L4 material    12.5 kg x   8.40 = 12500 x  840 / 1000 =  10500  lot-1
#   L5 travel       3 d    x   95.50 =  3000 x 9550 / 1000 =  28650  no lot
#   L6 labour      7.5 h   x   55.00 =  7500 x 5500 / 1000 =  41250  lot-2
#   direct = 400400; budget by (lot, kind), first appearance:
#     (lot-1, material) 50000 + 10500 = 60500; (lot-1, labour) 120000;
#     (lot-2, subcontract) 150000; (None, travel) 28650; (lot-2, labour) 41250
#   overheads: labour 161250 x 0.30 = 48375, material 60500 x 0.10 = 6050,
#     subcontract 150000 x 0.08 = 12000, travel 28650 x 0.05 = 1432.5 -> 1432
#     (half to even) -> 67857
#   contingency 100000; cost price 568257; margin 1500: 5682570000 / 8500 =
#   668537.65 -> 668538 ("6685.38 EUR").
#   VAT 1000, lead time 56, payment 45 days end of month, advance 3000,
#   progress billing, retention 300.
# Revision B (remove L6, margin 1200, lead time 70), sent 2026-04-10:
#   direct 359150; overheads 36000 + 6050 + 12000 + 1432 = 55482; cost 514632;
#   selling 5146320000 / 8800 = 584809.09 -> 584809 ("5848.09 EUR").
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import os
import shutil
import tempfile
import unittest

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib  # noqa: E402
import afftest  # noqa: E402
from afftest import D, ymd, to_text  # noqa: E402

State = Aff.OfferState
CState = Aff.ConsultationState
K = Aff.LineKind
U = Aff.LineUnit
E = Aff.Error

DIRECT_A, OVERHEADS_A, CONTINGENCY, SELLING_A = 400400, 67857, 100000, 668538
DIRECT_B, OVERHEADS_B, SELLING_B = 359150, 55482, 584809

BUDGET_A = [('lot-1', K.MATERIAL, 60500), ('lot-1', K.LABOUR, 120000),
            ('lot-2', K.SUBCONTRACT, 150000), (None, K.TRAVEL, 28650),
            ('lot-2', K.LABOUR, 41250)]


def new_portfolio():
    p = Aff.Portfolio.new()
    p.set_actor('Claire Martin')
    p.set_fixed_time(GLib.DateTime.new_utc(2026, 4, 1, 9, 0, 0))
    p.get_policy().set_activities(['pipework'])
    p.add_client(Aff.Client.new('acme', 'ACME Industrie'))
    p.add_client(Aff.Client.new('beta', 'Beta Chimie'))
    for cid, client in (('CONS-1', 'acme'), ('CONS-2', 'acme'), ('CONS-3', 'beta')):
        k = Aff.Consultation.new(cid, client, 'Tuyauterie ' + cid, D(2026, 3, 2), D(2026, 4, 15))
        k.set_activities(['pipework'])
        p.add_consultation(k)
        k.start_qualification(D(2026, 3, 3), 'analysis')
        p.evaluate_consultation(cid, D(2026, 3, 5))
        p.decide_consultation(cid, Aff.BidVerdict.GO, 'Direction', 'client stratégique')
        assert k.get_state() == CState.GO
    return p


def line(kind, description, quantity, unit, cost, lot):
    ln = Aff.OfferLine.new(kind, description, quantity, unit, Aff.Money.parse(cost))
    ln.set_lot(lot)
    return ln


def full_offer(p, oid, cid):
    offer = Aff.Offer.new(oid, cid)
    p.add_offer(offer)
    rev = offer.get_current_revision()
    for ln in (line(K.MATERIAL, 'Tubes inox DN50', '10', U.METRE, '50.00 EUR', 'lot-1'),
               line(K.LABOUR, 'Soudure TIG', '20', U.HOUR, '60.00 EUR', 'lot-1'),
               line(K.SUBCONTRACT, 'Radiographie', '1', U.LUMP_SUM, '1500.00 EUR', 'lot-2'),
               line(K.MATERIAL, 'Brides DN50', '12.5', U.KILOGRAM, '8.40 EUR', 'lot-1'),
               line(K.TRAVEL, 'Déplacements', '3', U.DAY, '95.50 EUR', None),
               line(K.LABOUR, 'Montage', '7.5', U.HOUR, '55.00 EUR', 'lot-2')):
        rev.add_line(ln)
    rev.set_contingency(Aff.Money.parse('1000.00 EUR'))
    rev.set_margin_rate(1500)
    rev.set_vat_rate(1000)
    rev.set_lead_time_days(56)
    rev.set_payment_terms(45, True)
    rev.set_billing(3000, True, 300)
    rev.set_validity(D(2026, 6, 30))
    assert p.lookup_offer(oid) is offer
    return offer


def sent_offer(p, oid, cid):
    offer = full_offer(p, oid, cid)
    offer.send(D(2026, 4, 1))
    assert offer.get_state() == State.SENT
    return offer


def closed(offer):
    result = offer.get_closed_date()
    if isinstance(result, tuple):
        ok, value = result
        return ymd(value) if ok else None
    return ymd(result) if result else None


def state_date(k, state):
    ok, value = k.get_state_date(state)
    return ymd(value) if ok else None


def entries(p, kind, eid, action=None):
    return [e for e in p.get_journal().list_entries_for(kind, eid)
            if action is None or e.get_action() == action]


def last_entry(p, kind, eid, action):
    found = entries(p, kind, eid, action)
    assert found, (kind, eid, action)
    return found[-1]


def eur(m):
    assert m is not None
    assert m.get_currency() == 'EUR'
    return m.get_minor()


def eur_or_zero(m):
    return 0 if m is None else eur(m)


def budget(a):
    return [(i.get_lot(), i.get_kind(), eur(i.get_amount())) for i in a.get_budget()]


def affairs(p):
    model = p.get_affairs()
    return [model.get_item(i) for i in range(model.get_n_items())]


class Counter:
    def __init__(self, offer):
        self.n = 0
        self.states = []
        offer.connect('accepted', self.on_accepted)

    def on_accepted(self, offer):
        self.n += 1
        self.states.append(offer.get_state())


class AffairTestCase(afftest.AffTestCase):
    def assertVerified(self, p):
        self.assertTrue(p.get_journal().verify())

    def assertAffairA(self, a, oid, client, cid):
        self.assertIsNotNone(a)
        self.assertIsInstance(a, Aff.Affair)
        self.assertEqual(a.get_id(), oid)
        self.assertEqual(a.get_offer_id(), oid)
        self.assertEqual(a.get_client_id(), client)
        self.assertEqual(a.get_consultation_id(), cid)
        self.assertEqual(a.get_revision(), 'A')
        self.assertEqual(a.get_contract_reference(), 'CT-2026-017')
        self.assertEqual(ymd(a.get_signed_date()), (2026, 4, 20))
        self.assertEqual(eur(a.get_contract_amount()), SELLING_A)
        self.assertEqual(a.get_contract_amount().to_string(), '6685.38 EUR')
        self.assertEqual(a.get_vat_rate(), 1000)
        self.assertEqual(a.get_lead_time_days(), 56)
        self.assertEqual(a.get_payment_days(), 45)
        self.assertTrue(a.get_payment_end_of_month())
        self.assertEqual(a.get_advance_rate(), 3000)
        self.assertTrue(a.get_progress_billing())
        self.assertEqual(a.get_retention_rate(), 300)
        self.assertEqual(budget(a), BUDGET_A)
        self.assertEqual(eur(a.get_budget_total()), DIRECT_A)
        self.assertEqual(sum(x[2] for x in BUDGET_A), DIRECT_A)
        self.assertEqual(eur(a.get_overheads()), OVERHEADS_A)
        self.assertEqual(eur(a.get_contingency()), CONTINGENCY)

    def assertNoAffair(self, p, oid):
        self.assertIsNone(p.lookup_affair(oid))
        self.assertEqual(entries(p, 'affair', oid, 'created'), [])
        self.assertEqual(entries(p, 'offer', oid, 'accepted'), [])


class FixtureTest(AffairTestCase):
    def test_pricing(self):
        p = new_portfolio()
        rev = full_offer(p, 'OFF-1', 'CONS-1').get_current_revision()
        self.assertEqual(eur(rev.get_direct_cost()), DIRECT_A)
        self.assertEqual(eur(rev.get_overheads()), OVERHEADS_A)
        self.assertEqual(eur(rev.get_cost_price()), 568257)
        self.assertEqual(eur(rev.get_selling_price()), SELLING_A)
        self.assertIsNone(p.lookup_affair('OFF-1'))
        self.assertEqual(affairs(p), [])


class AcceptTest(AffairTestCase):
    def test_from_sent(self):
        p = new_portfolio()
        offer = sent_offer(p, 'OFF-1', 'CONS-1')
        k = p.lookup_consultation('CONS-1')
        counter = Counter(offer)
        n_before = p.get_journal().get_n_entries()

        offer.accept(D(2026, 4, 20), 'CT-2026-017')

        self.assertEqual(offer.get_state(), State.ACCEPTED)
        self.assertEqual(closed(offer), (2026, 4, 20))
        self.assertEqual(counter.n, 1)
        self.assertEqual(counter.states, [State.ACCEPTED])

        self.assertEqual(k.get_state(), CState.WON)
        self.assertEqual(state_date(k, CState.WON), (2026, 4, 20))
        self.assertFalse(k.is_open())
        e = last_entry(p, 'consultation', 'CONS-1', 'state-changed')
        self.assertEqual((e.dup_detail('from'), e.dup_detail('to'), e.dup_detail('date'), e.dup_detail('reason')),
                         ('offer-sent', 'won', '2026-04-20', 'contract CT-2026-017'))

        accepted = entries(p, 'offer', 'OFF-1', 'accepted')
        self.assertEqual(len(accepted), 1)
        e = accepted[0]
        self.assertEqual(e.dup_detail('date'), '2026-04-20')
        self.assertEqual(e.dup_detail('contract_reference'), 'CT-2026-017')
        self.assertEqual(e.dup_detail('revision'), 'A')
        self.assertEqual(e.dup_detail('contract_amount'), '6685.38 EUR')
        self.assertEqual(e.get_actor(), 'Claire Martin')

        self.assertAffairA(p.lookup_affair('OFF-1'), 'OFF-1', 'acme', 'CONS-1')
        self.assertEqual([a.get_id() for a in affairs(p)], ['OFF-1'])
        self.assertIs(affairs(p)[0], p.lookup_affair('OFF-1'))

        created = entries(p, 'affair', 'OFF-1', 'created')
        self.assertEqual(len(created), 1)
        c = created[0]
        self.assertEqual((c.get_entity_kind(), c.get_entity_id(), c.get_action()), ('affair', 'OFF-1', 'created'))
        self.assertGreater(c.get_sequence(), e.get_sequence())
        for text in ('CT-2026-017', 'CONS-1', 'lot-2'):
            self.assertIn(text, c.get_details())
        self.assertGreaterEqual(p.get_journal().get_n_entries(), n_before + 3)
        self.assertVerified(p)

        # twice: refused, nothing changed
        n = p.get_journal().get_n_entries()
        self.assertAffError(E.INVALID_TRANSITION, offer.accept, D(2026, 4, 22), 'CT-2026-018')
        self.assertEqual(offer.get_state(), State.ACCEPTED)
        self.assertEqual(closed(offer), (2026, 4, 20))
        self.assertEqual(counter.n, 1)
        self.assertEqual(p.get_journal().get_n_entries(), n)
        self.assertEqual(len(affairs(p)), 1)
        self.assertAffairA(p.lookup_affair('OFF-1'), 'OFF-1', 'acme', 'CONS-1')
        self.assertEqual(state_date(k, CState.WON), (2026, 4, 20))

        # nor declined, withdrawn or sent
        self.assertAffError(E.INVALID_TRANSITION, offer.decline, D(2026, 4, 23), Aff.LossReason.PRICE, None)
        self.assertAffError(E.INVALID_TRANSITION, offer.withdraw, D(2026, 4, 23), 'non')
        self.assertAffError(E.INVALID_TRANSITION, offer.send, D(2026, 4, 23))
        self.assertEqual(offer.get_state(), State.ACCEPTED)
        self.assertEqual(k.get_state(), CState.WON)
        self.assertVerified(p)

    def test_after_negotiation(self):
        p = new_portfolio()
        offer = sent_offer(p, 'OFF-1', 'CONS-1')
        k = p.lookup_consultation('CONS-1')
        counter = Counter(offer)
        b = offer.revise()
        self.assertEqual(offer.get_state(), State.NEGOTIATION)
        self.assertEqual(b.get_letter(), 'B')
        b.remove_line(5)
        b.set_margin_rate(1200)
        b.set_lead_time_days(70)
        b.set_validity(D(2026, 6, 30))
        self.assertEqual(eur(b.get_direct_cost()), DIRECT_B)
        self.assertEqual(eur(b.get_overheads()), OVERHEADS_B)
        self.assertEqual(eur(b.get_selling_price()), SELLING_B)

        # a draft B in progress: refused, nothing changed
        n = p.get_journal().get_n_entries()
        self.assertAffError(E.INVALID_TRANSITION, offer.accept, D(2026, 4, 8), 'CT-2026-017')
        self.assertEqual(offer.get_state(), State.NEGOTIATION)
        self.assertIsNone(closed(offer))
        self.assertEqual(k.get_state(), CState.OFFER_SENT)
        self.assertEqual(p.get_journal().get_n_entries(), n)
        self.assertEqual(counter.n, 0)
        self.assertNoAffair(p, 'OFF-1')

        offer.send(D(2026, 4, 10))
        offer.accept(D(2026, 4, 20), 'CT-2026-017')
        self.assertEqual(offer.get_state(), State.ACCEPTED)
        self.assertEqual(closed(offer), (2026, 4, 20))
        self.assertEqual(counter.n, 1)
        self.assertEqual(k.get_state(), CState.WON)
        e = last_entry(p, 'offer', 'OFF-1', 'accepted')
        self.assertEqual((e.dup_detail('revision'), e.dup_detail('contract_amount'),
                          e.dup_detail('contract_reference'), e.dup_detail('date')),
                         ('B', '5848.09 EUR', 'CT-2026-017', '2026-04-20'))

        a = p.lookup_affair('OFF-1')
        self.assertIsNotNone(a)
        self.assertEqual(a.get_revision(), 'B')
        self.assertEqual(eur(a.get_contract_amount()), SELLING_B)
        self.assertEqual(a.get_lead_time_days(), 70)
        self.assertEqual((a.get_vat_rate(), a.get_payment_days(), a.get_payment_end_of_month(),
                          a.get_advance_rate(), a.get_progress_billing(), a.get_retention_rate()),
                         (1000, 45, True, 3000, True, 300))
        self.assertEqual(budget(a), BUDGET_A[:4])
        self.assertEqual(eur(a.get_budget_total()), DIRECT_B)
        self.assertEqual(eur(a.get_overheads()), OVERHEADS_B)
        self.assertEqual(eur_or_zero(a.get_contingency()), eur_or_zero(b.get_contingency()))
        self.assertEqual(len(entries(p, 'affair', 'OFF-1', 'created')), 1)
        self.assertVerified(p)


class RefusedTest(AffairTestCase):
    def test_from_draft(self):
        p = new_portfolio()
        offer = full_offer(p, 'OFF-1', 'CONS-1')
        counter = Counter(offer)
        n = p.get_journal().get_n_entries()
        self.assertAffError(E.INVALID_TRANSITION, offer.accept, D(2026, 4, 20), 'CT-2026-017')
        self.assertEqual(offer.get_state(), State.DRAFT)
        self.assertIsNone(closed(offer))
        self.assertEqual(p.lookup_consultation('CONS-1').get_state(), CState.GO)
        self.assertEqual(p.get_journal().get_n_entries(), n)
        self.assertEqual(counter.n, 0)
        self.assertNoAffair(p, 'OFF-1')
        self.assertEqual(affairs(p), [])

    def test_after_decline(self):
        p = new_portfolio()
        offer = sent_offer(p, 'OFF-1', 'CONS-1')
        counter = Counter(offer)
        offer.decline(D(2026, 4, 15), Aff.LossReason.PRICE, None)
        n = p.get_journal().get_n_entries()
        self.assertAffError(E.INVALID_TRANSITION, offer.accept, D(2026, 4, 20), 'CT-2026-017')
        self.assertEqual(offer.get_state(), State.DECLINED)
        self.assertEqual(closed(offer), (2026, 4, 15))
        self.assertEqual(p.lookup_consultation('CONS-1').get_state(), CState.LOST)
        self.assertEqual(p.get_journal().get_n_entries(), n)
        self.assertEqual(counter.n, 0)
        self.assertNoAffair(p, 'OFF-1')

    def test_empty_reference(self):
        p = new_portfolio()
        offer = sent_offer(p, 'OFF-1', 'CONS-1')
        counter = Counter(offer)
        n = p.get_journal().get_n_entries()
        self.assertAffError(E.INVALID_VALUE, offer.accept, D(2026, 4, 20), '')
        self.assertEqual(offer.get_state(), State.SENT)
        self.assertIsNone(closed(offer))
        self.assertEqual(p.lookup_consultation('CONS-1').get_state(), CState.OFFER_SENT)
        self.assertEqual(p.get_journal().get_n_entries(), n)
        self.assertEqual(counter.n, 0)
        self.assertNoAffair(p, 'OFF-1')
        offer.accept(D(2026, 4, 20), 'CT-2026-017')
        self.assertAffairA(p.lookup_affair('OFF-1'), 'OFF-1', 'acme', 'CONS-1')


class PortfolioTest(AffairTestCase):
    def test_lookup_and_list(self):
        p = new_portfolio()
        o1 = sent_offer(p, 'OFF-1', 'CONS-1')
        sent_offer(p, 'OFF-2', 'CONS-2')
        o3 = sent_offer(p, 'OFF-3', 'CONS-3')
        self.assertEqual(p.get_affairs().get_item_type(), Aff.Affair.__gtype__)
        self.assertEqual(affairs(p), [])
        o3.accept(D(2026, 4, 20), 'CT-2026-017')
        o1.accept(D(2026, 4, 20), 'CT-2026-017')
        got = affairs(p)
        self.assertEqual(sorted(a.get_id() for a in got), ['OFF-1', 'OFF-3'])
        for a in got:
            self.assertIs(p.lookup_affair(a.get_id()), a)
        self.assertAffairA(p.lookup_affair('OFF-1'), 'OFF-1', 'acme', 'CONS-1')
        self.assertAffairA(p.lookup_affair('OFF-3'), 'OFF-3', 'beta', 'CONS-3')
        for missing in ('OFF-2', 'CONS-1', 'nope'):
            self.assertIsNone(p.lookup_affair(missing))
        self.assertVerified(p)

    def test_round_trip(self):
        p = new_portfolio()
        sent_offer(p, 'OFF-1', 'CONS-1').accept(D(2026, 4, 20), 'CT-2026-017')
        sent_offer(p, 'OFF-2', 'CONS-2')
        sent_offer(p, 'OFF-3', 'CONS-3').accept(D(2026, 4, 20), 'CT-2026-017')

        text = to_text(p)
        self.assertIn('"affairs"', text)
        q = Aff.Portfolio.new_from_data(text, -1)
        self.assertEqual(to_text(q), text)
        self.assertEqual([a.get_id() for a in affairs(q)], [a.get_id() for a in affairs(p)])
        self.assertAffairA(q.lookup_affair('OFF-1'), 'OFF-1', 'acme', 'CONS-1')
        self.assertAffairA(q.lookup_affair('OFF-3'), 'OFF-3', 'beta', 'CONS-3')
        self.assertIsNone(q.lookup_affair('OFF-2'))
        o = q.lookup_offer('OFF-1')
        self.assertEqual(o.get_state(), State.ACCEPTED)
        self.assertEqual(closed(o), (2026, 4, 20))
        self.assertEqual(q.lookup_consultation('CONS-1').get_state(), CState.WON)
        self.assertEqual(state_date(q.lookup_consultation('CONS-1'), CState.WON), (2026, 4, 20))
        self.assertEqual(q.get_journal().get_n_entries(), p.get_journal().get_n_entries())
        self.assertEqual(q.get_journal().get_head_hash(), p.get_journal().get_head_hash())
        self.assertVerified(q)
        self.assertEqual(len(entries(q, 'affair', 'OFF-1', 'created')), 1)

        # the loaded offers go on
        self.assertAffError(E.INVALID_TRANSITION, o.accept, D(2026, 4, 25), 'CT-X')
        q.lookup_offer('OFF-2').accept(D(2026, 4, 25), 'CT-2026-020')
        self.assertEqual(q.lookup_affair('OFF-2').get_contract_reference(), 'CT-2026-020')
        self.assertEqual(len(affairs(q)), 3)
        self.assertVerified(q)

        # through a file
        tmp = tempfile.mkdtemp(prefix='libaffaires-affair-')
        try:
            path = os.path.join(tmp, 'portfolio.json')
            p.save_to_file(path)
            r = Aff.Portfolio.new_from_file(path)
            self.assertEqual(to_text(r), text)
            self.assertAffairA(r.lookup_affair('OFF-1'), 'OFF-1', 'acme', 'CONS-1')
            self.assertVerified(r)
        finally:
            shutil.rmtree(tmp)


if __name__ == '__main__':
    unittest.main()
