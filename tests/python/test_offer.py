#!/usr/bin/python3
# Offers from Python: adding an offer to the portfolio (revision A from the
# policy), the checks before sending (each problem alone), sending, revising,
# sending again during the negotiation, and the round trip of all of it.
#
# Every expected value is a hand calculation from docs/rules.md, "Offers
# (Aff.Offer)" and "Revisions (Aff.OfferRevision)"; the arithmetic is in the
# comments. Amounts are in minor units (cents for EUR).
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import unittest

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib  # noqa: E402
import afftest  # noqa: E402
from afftest import D, ymd, to_text  # noqa: E402

Kind = Aff.LineKind
Unit = Aff.LineUnit
State = Aff.OfferState
Problem = Aff.OfferProblem
CState = Aff.ConsultationState
Verdict = Aff.BidVerdict
Flags = Aff.RegulatoryFlags
E = Aff.Error

# The fixtures
#   acme: a client without any solvency assessment, so every evaluation fails
#     the solvency gate (NO_GO); the management decides GO anyway, with a
#     justification: the consultation is GO, dated with the evaluation.
#   CONS-1: received 2026-03-02, deadline 2026-04-15, requirements REQ-1
#     ("Tubes inox") and REQ-2 ("Soudure qualifiée"), hot work and work at
#     height; qualified 2026-03-03, evaluated 2026-03-05, decided GO.
#   CONS-2: same dates, no requirement, no dangerous work; left QUALIFYING.
#   CONS-3: same dates, no requirement, no dangerous work; decided GO.
# The policy: defaults (floor margin 800, min validity 30 days) except the
# subcontract overhead rate 1200 and the default VAT rate 550, so that
# revision A visibly comes from it.
RECEIVED = (2026, 3, 2)
DEADLINE = (2026, 4, 15)
CHECK_DAY = D(2026, 4, 1)
VALIDITY = D(2026, 6, 30)   # 90 days after 2026-04-01, 75 after 2026-04-16

# OFF-1, revision A:
#   L1 material "Tubes inox DN50" 10 m x 50.00  = 10000 x 5000 / 1000 =  50000, answers REQ-1
#   L2 labour   "Soudure TIG"     20 h x 60.00  = 20000 x 6000 / 1000 = 120000, answers REQ-2, lot "lot-1"
#   direct cost = 170000
#   overheads: labour 120000 x 3000 / 10000 = 36000; material 50000 x 1000 / 10000 = 5000 -> 41000
#   cost price = 211000 (no contingency)
#   margin rate 1500: selling = 211000 x 10000 / 8500 = 248235.29 -> 248235 ("2482.35 EUR")
#     margin = 37235; rate = 37235 x 10000 / 248235 = 1499.99 -> 1500
#   margin rate  700: selling = 211000 x 10000 / 9300 = 226881.72 -> 226882
#     margin = 15882; rate = 158820000 / 226882 = 700.01 -> 700 (< 800: below the floor)
#   margin rate  800: selling = 211000 x 10000 / 9200 = 229347.83 -> 229348
#     margin = 18348; rate = 183480000 / 229348 = 800.007 -> 800 (not below 800)
COST_A = 211000
SELLING_A = 248235
# Revision B adds L3 travel "Déplacements" 2 days x 100.00 = 20000:
#   direct = 190000; overheads = 36000 + 5000 + 20000 x 500 / 10000 (1000) = 42000
#   cost price = 232000; selling at 1500 = 232000 x 10000 / 8500 = 272941.18 -> 272941
#   ("2729.41 EUR"); margin = 40941; rate = 409410000 / 272941 = 1499.99 -> 1500
COST_B = 232000
SELLING_B = 272941


def M(text):
    """Money from its canonical text; a bare number is EUR."""
    if ' ' not in text:
        text += ' EUR'
    return Aff.Money.parse(text)


def out(result):
    """The value of a gboolean-returning call with one out argument."""
    if isinstance(result, tuple):
        ok, value = result
        assert ok is True, result
        return value
    return result


def sent_date(offer):
    """get_sent_date() as (year, month, day), None when never sent."""
    result = offer.get_sent_date()
    if isinstance(result, tuple):
        ok, value = result
        return ymd(value) if ok else None
    return ymd(result) if result else None


def items(model):
    return [model.get_item(i) for i in range(model.get_n_items())]


def problems(offer, date):
    return [c.get_problem() for c in offer.check(date)]


def line(kind, description, quantity, unit, cost, requirements=()):
    ln = Aff.OfferLine.new(kind, description, quantity, unit, M(cost))
    ln.set_requirements(list(requirements))
    return ln


def new_portfolio():
    p = Aff.Portfolio.new()
    p.set_actor('Claire Martin')
    p.set_fixed_time(GLib.DateTime.new_utc(2026, 4, 1, 9, 0, 0))
    policy = p.get_policy()
    policy.set_activities(['pipework'])
    policy.set_overhead_rate('subcontract', 1200)
    policy.set_default_vat_rate(550)
    p.add_client(Aff.Client.new('acme', 'ACME Industrie'))

    def consultation(cid, requirements=(), flags=Flags.NONE, go=True):
        k = Aff.Consultation.new(cid, 'acme', 'Tuyauterie ' + cid, D(*RECEIVED), D(*DEADLINE))
        k.set_activities(['pipework'])
        k.set_regulatory_flags(flags)
        p.add_consultation(k)
        for text in requirements:
            k.add_requirement(text)
        k.start_qualification(D(2026, 3, 3), 'analysis')
        if go:
            p.evaluate_consultation(cid, D(2026, 3, 5))
            p.decide_consultation(cid, Verdict.GO, 'Direction', 'client stratégique')
            assert k.get_state() == CState.GO
        return k

    consultation('CONS-1', ['Tubes inox', 'Soudure qualifiée'],
                 Flags.HOT_WORK | Flags.WORK_AT_HEIGHT)
    consultation('CONS-2', go=False)
    consultation('CONS-3')
    return p


def add_offer(p, oid, cid):
    offer = Aff.Offer.new(oid, cid)
    p.add_offer(offer)
    return offer


def lines_a(rev):
    l1 = line(Kind.MATERIAL, 'Tubes inox DN50', '10', Unit.METRE, '50.00', ['REQ-1'])
    l2 = line(Kind.LABOUR, 'Soudure TIG', '20', Unit.HOUR, '60.00', ['REQ-2'])
    l2.set_lot('lot-1')
    rev.add_line(l1)
    rev.add_line(l2)
    return l1, l2


def valid_offer(p):
    """OFF-1 on CONS-1, revision A passing every check on 2026-04-01."""
    offer = add_offer(p, 'OFF-1', 'CONS-1')
    rev = offer.get_current_revision()
    lines_a(rev)
    rev.set_margin_rate(1500)
    rev.set_validity(VALIDITY)
    rev.acknowledge(Flags.HOT_WORK, 'Permis de feu')
    rev.acknowledge(Flags.WORK_AT_HEIGHT, 'Travail en hauteur : nacelle')
    return offer


def offer_entries(p, oid):
    return p.get_journal().list_entries_for('offer', oid)


def last_entry(p, oid, action):
    found = [e for e in offer_entries(p, oid) if e.get_action() == action]
    assert found, (oid, action)
    return found[-1]


def negotiated(test):
    """The whole story of OFF-1: approved at 700 then back to 1500, sent on
    2026-04-02, revised to B (one more line), sent again on 2026-04-20."""
    p = new_portfolio()
    offer = valid_offer(p)
    a = offer.get_current_revision()
    a.set_margin_rate(700)
    offer.approve('Direction', 'client stratégique')
    a.set_margin_rate(1500)
    test.assertEqual(problems(offer, D(2026, 4, 2)), [])
    offer.send(D(2026, 4, 2))
    b = offer.revise()
    b.add_line(line(Kind.TRAVEL, 'Déplacements', '2', Unit.DAY, '100.00'))
    b.set_validity(D(2026, 7, 31))
    offer.send(D(2026, 4, 20))
    # OFF-3 stays a draft, approved, without lines (see the NO_LINES case)
    off3 = add_offer(p, 'OFF-3', 'CONS-3')
    off3.approve('Direction', 'étude offerte')
    off3.get_current_revision().set_validity(VALIDITY)
    return p, offer


class AddOfferTest(afftest.AffTestCase):
    def test_before_add(self):
        offer = Aff.Offer.new('OFF-1', 'CONS-1')
        self.assertEqual(offer.get_id(), 'OFF-1')
        self.assertEqual(offer.get_consultation_id(), 'CONS-1')
        self.assertIsNone(offer.get_current_revision())
        self.assertEqual(offer.get_revisions().get_n_items(), 0)
        self.assertAffError(E.INVALID_TRANSITION, offer.send, CHECK_DAY)

    def test_revision_a_from_the_policy(self):
        p = new_portfolio()
        offer = add_offer(p, 'OFF-1', 'CONS-1')
        self.assertEqual(offer.get_state(), State.DRAFT)
        self.assertIsNone(sent_date(offer))
        revs = items(offer.get_revisions())
        self.assertEqual(len(revs), 1)
        rev = offer.get_current_revision()
        self.assertIs(revs[0], rev)
        self.assertEqual(rev.get_letter(), 'A')
        self.assertEqual(rev.get_currency(), 'EUR')
        self.assertFalse(rev.is_frozen())
        self.assertEqual(rev.get_lines().get_n_items(), 0)
        self.assertEqual([rev.get_overhead_rate(k) for k in
                          (Kind.LABOUR, Kind.MATERIAL, Kind.EQUIPMENT, Kind.SUBCONTRACT,
                           Kind.TRAVEL, Kind.OTHER)],
                         [3000, 1000, 1000, 1200, 500, 1000])
        self.assertEqual(rev.get_vat_rate(), 550)
        self.assertEqual(rev.get_retention_rate(), 500)
        self.assertEqual(rev.get_payment_days(), 30)
        self.assertIsNone(rev.get_validity())
        self.assertIsNone(rev.get_approver())
        self.assertEqual(rev.get_acknowledged_flags(), Flags.NONE)
        self.assertEqual(list(rev.get_notes() or []), [])

    def test_errors(self):
        p = new_portfolio()
        add_offer(p, 'OFF-1', 'CONS-1')
        self.assertAffError(E.NOT_FOUND, p.add_offer, Aff.Offer.new('OFF-9', 'CONS-404'))
        self.assertAffError(E.DUPLICATE_ID, p.add_offer, Aff.Offer.new('OFF-1', 'CONS-3'))
        self.assertAffError(E.INVALID_VALUE, p.add_offer, Aff.Offer.new('', 'CONS-1'))
        self.assertAffError(E.INVALID_VALUE, p.add_offer, Aff.Offer.new('OFF 2', 'CONS-1'))
        self.assertAffError(E.INVALID_VALUE, p.add_offer, Aff.Offer.new('O' * 65, 'CONS-1'))
        self.assertEqual([o.get_id() for o in items(p.get_offers())], ['OFF-1'])
        self.assertIsNone(p.lookup_offer('OFF-9'))
        self.assertIsNone(p.lookup_offer('OFF 2'))
        self.assertIsNone(p.lookup_offer('CONS-1'))

    def test_lookup_get_offers_and_journal(self):
        p = new_portfolio()
        n = p.get_journal().get_n_entries()
        o1 = add_offer(p, 'OFF-1', 'CONS-1')
        o3 = add_offer(p, 'OFF-3', 'CONS-3')
        o2 = add_offer(p, 'OFF-2', 'CONS-2')
        self.assertIs(p.lookup_offer('OFF-1'), o1)
        self.assertIs(p.lookup_offer('OFF-2'), o2)
        self.assertIs(p.lookup_offer('OFF-3'), o3)
        self.assertIsNone(p.lookup_offer('OFF-4'))
        offers = items(p.get_offers())
        self.assertEqual([o.get_id() for o in offers], ['OFF-1', 'OFF-3', 'OFF-2'])
        self.assertIs(offers[0], o1)
        self.assertEqual(p.get_journal().get_n_entries(), n + 3)
        for oid in ('OFF-1', 'OFF-2', 'OFF-3'):
            entries = offer_entries(p, oid)
            self.assertEqual([e.get_action() for e in entries], ['added'])
            e = entries[0]
            self.assertEqual(e.get_entity_kind(), 'offer')
            self.assertEqual(e.get_entity_id(), oid)
            self.assertEqual(e.get_actor(), 'Claire Martin')
        self.assertTrue(p.get_journal().verify())


class CheckTest(afftest.AffTestCase):
    def test_fresh_draft_lists_every_problem_in_order(self):
        # No line, price 0 so margin rate 0 < 800, REQ-1 and REQ-2 uncovered,
        # no validity, hot work and work at height not acknowledged.
        p = new_portfolio()
        offer = add_offer(p, 'OFF-1', 'CONS-1')
        checks = offer.check(CHECK_DAY)
        self.assertEqual([c.get_problem() for c in checks],
                         [Problem.NO_LINES, Problem.MARGIN_BELOW_FLOOR,
                          Problem.REQUIREMENT_NOT_COVERED, Problem.REQUIREMENT_NOT_COVERED,
                          Problem.VALIDITY, Problem.REGULATORY_NOT_ACKNOWLEDGED])
        self.assertIn('REQ-1', checks[2].get_message())
        self.assertIn('REQ-2', checks[3].get_message())
        for c in checks:
            self.assertTrue(c.get_message())

    def test_valid_offer_is_clean(self):
        p = new_portfolio()
        offer = valid_offer(p)
        rev = offer.get_current_revision()
        self.assertEqual(rev.get_cost_price().get_minor(), COST_A)
        self.assertEqual(rev.get_selling_price().get_minor(), SELLING_A)
        self.assertEqual(rev.get_margin_rate(), 1500)
        self.assertEqual(problems(offer, CHECK_DAY), [])
        # checking changes nothing
        self.assertEqual(offer.get_state(), State.DRAFT)
        self.assertFalse(rev.is_frozen())

    def test_no_lines_alone(self):
        # OFF-3 on CONS-3 (GO, no requirement, no dangerous work).
        # One lump sum 1000.00 = 100000, overhead 10 % = 10000, cost 110000,
        # at 1500: selling 1100000000 / 8500 = 129411.76 -> 129412, rate 1500.
        p = new_portfolio()
        offer = add_offer(p, 'OFF-3', 'CONS-3')
        rev = offer.get_current_revision()
        rev.add_line(line(Kind.OTHER, 'Étude', '1', Unit.LUMP_SUM, '1000.00'))
        rev.set_margin_rate(1500)
        self.assertEqual(rev.get_selling_price().get_minor(), 129412)
        # validity missing, alone
        self.assertEqual(problems(offer, CHECK_DAY), [Problem.VALIDITY])
        rev.set_validity(VALIDITY)
        self.assertEqual(problems(offer, CHECK_DAY), [])
        # without its line: no line, and the price 0 gives a margin rate 0
        rev.remove_line(0)
        self.assertEqual(rev.get_margin_rate(), 0)
        self.assertEqual(problems(offer, CHECK_DAY),
                         [Problem.NO_LINES, Problem.MARGIN_BELOW_FLOOR])
        offer.approve('Direction', 'étude offerte')
        checks = offer.check(CHECK_DAY)
        self.assertEqual([c.get_problem() for c in checks], [Problem.NO_LINES])
        self.assertAffError(E.NOT_FOUND, rev.remove_line, 0)
        e = self.assertAffError(E.CHECK_FAILED, offer.send, CHECK_DAY)
        self.assertIn(checks[0].get_message(), e.message)

    def test_consultation_not_go_alone(self):
        p = new_portfolio()
        k = p.lookup_consultation('CONS-2')
        offer = add_offer(p, 'OFF-2', 'CONS-2')
        rev = offer.get_current_revision()
        rev.add_line(line(Kind.OTHER, 'Étude', '1', Unit.LUMP_SUM, '1000.00'))
        rev.set_margin_rate(1500)
        rev.set_validity(VALIDITY)
        checks = offer.check(CHECK_DAY)
        self.assertEqual([c.get_problem() for c in checks], [Problem.CONSULTATION_NOT_GO])
        self.assertEqual(k.get_state(), CState.QUALIFYING)
        e = self.assertAffError(E.CHECK_FAILED, offer.send, CHECK_DAY)
        self.assertIn(checks[0].get_message(), e.message)
        self.assertEqual(k.get_state(), CState.QUALIFYING)
        self.assertEqual(offer.get_state(), State.DRAFT)
        self.assertFalse(rev.is_frozen())

    def test_deadline_passed_alone(self):
        p = new_portfolio()
        offer = valid_offer(p)
        self.assertEqual(problems(offer, D(2026, 4, 15)), [])      # the deadline itself
        self.assertEqual(problems(offer, D(2026, 4, 16)), [Problem.DEADLINE_PASSED])

    def test_margin_below_floor_then_approved(self):
        p = new_portfolio()
        offer = valid_offer(p)
        rev = offer.get_current_revision()
        rev.set_margin_rate(700)
        self.assertEqual(rev.get_selling_price().get_minor(), 226882)
        self.assertEqual(rev.get_margin_rate(), 700)
        self.assertEqual(problems(offer, CHECK_DAY), [Problem.MARGIN_BELOW_FLOOR])
        rev.set_margin_rate(800)
        self.assertEqual(rev.get_selling_price().get_minor(), 229348)
        self.assertEqual(rev.get_margin_rate(), 800)
        self.assertEqual(problems(offer, CHECK_DAY), [])           # the floor itself
        rev.set_margin_rate(700)
        self.assertAffError(E.INVALID_VALUE, offer.approve, '', 'client stratégique')
        self.assertAffError(E.INVALID_VALUE, offer.approve, 'Direction', '')
        self.assertIsNone(rev.get_approver())
        self.assertEqual(problems(offer, CHECK_DAY), [Problem.MARGIN_BELOW_FLOOR])
        n = p.get_journal().get_n_entries()
        offer.approve('Direction', 'client stratégique')
        self.assertEqual(rev.get_approver(), 'Direction')
        self.assertEqual(rev.get_approval_justification(), 'client stratégique')
        self.assertEqual(problems(offer, CHECK_DAY), [])
        self.assertEqual(p.get_journal().get_n_entries(), n + 1)
        self.assertEqual(last_entry(p, 'OFF-1', 'approved').get_sequence(), n + 1)

    def test_requirements_not_covered(self):
        p = new_portfolio()
        offer = valid_offer(p)
        l1, l2 = items(offer.get_current_revision().get_lines())
        l2.set_requirements([])
        checks = offer.check(CHECK_DAY)
        self.assertEqual([c.get_problem() for c in checks], [Problem.REQUIREMENT_NOT_COVERED])
        self.assertIn('REQ-2', checks[0].get_message())
        self.assertNotIn('REQ-1', checks[0].get_message())
        l1.set_requirements([])
        checks = offer.check(CHECK_DAY)
        self.assertEqual([c.get_problem() for c in checks],
                         [Problem.REQUIREMENT_NOT_COVERED, Problem.REQUIREMENT_NOT_COVERED])
        self.assertIn('REQ-1', checks[0].get_message())
        self.assertIn('REQ-2', checks[1].get_message())
        # one line may answer both
        l1.set_requirements(['REQ-2', 'REQ-1'])
        self.assertEqual(problems(offer, CHECK_DAY), [])

    def test_validity(self):
        p = new_portfolio()
        offer = add_offer(p, 'OFF-1', 'CONS-1')
        rev = offer.get_current_revision()
        lines_a(rev)
        rev.set_margin_rate(1500)
        rev.acknowledge(Flags.HOT_WORK | Flags.WORK_AT_HEIGHT, 'Permis de feu, nacelle')
        self.assertEqual(problems(offer, CHECK_DAY), [Problem.VALIDITY])   # missing
        rev.set_validity(D(2026, 4, 30))                                   # 29 days
        self.assertEqual(problems(offer, CHECK_DAY), [Problem.VALIDITY])
        rev.set_validity(D(2026, 5, 1))                                    # 30 days
        self.assertEqual(problems(offer, CHECK_DAY), [])
        self.assertEqual(problems(offer, D(2026, 4, 2)), [Problem.VALIDITY])  # 29 again

    def test_regulatory_not_acknowledged(self):
        p = new_portfolio()
        offer = add_offer(p, 'OFF-1', 'CONS-1')
        rev = offer.get_current_revision()
        lines_a(rev)
        rev.set_margin_rate(1500)
        rev.set_validity(VALIDITY)
        self.assertEqual(problems(offer, CHECK_DAY), [Problem.REGULATORY_NOT_ACKNOWLEDGED])
        self.assertAffError(E.INVALID_VALUE, rev.acknowledge, Flags.NONE, 'rien')
        self.assertAffError(E.INVALID_VALUE, rev.acknowledge, Flags.HOT_WORK, '')
        self.assertEqual(rev.get_acknowledged_flags(), Flags.NONE)
        rev.acknowledge(Flags.HOT_WORK, 'Permis de feu')
        checks = offer.check(CHECK_DAY)
        self.assertEqual([c.get_problem() for c in checks], [Problem.REGULATORY_NOT_ACKNOWLEDGED])
        self.assertIn('work-at-height', checks[0].get_message())
        self.assertNotIn('hot-work', checks[0].get_message())
        rev.acknowledge(Flags.WORK_AT_HEIGHT, 'Travail en hauteur : nacelle')
        self.assertEqual(problems(offer, CHECK_DAY), [])
        self.assertEqual(rev.get_acknowledged_flags(), Flags.HOT_WORK | Flags.WORK_AT_HEIGHT)
        self.assertEqual(list(rev.get_notes()), ['Permis de feu', 'Travail en hauteur : nacelle'])


class SendTest(afftest.AffTestCase):
    def test_send_refused_lists_every_problem(self):
        p = new_portfolio()
        offer = add_offer(p, 'OFF-1', 'CONS-1')
        n = p.get_journal().get_n_entries()
        messages = [c.get_message() for c in offer.check(CHECK_DAY)]
        self.assertEqual(len(messages), 6)
        e = self.assertAffError(E.CHECK_FAILED, offer.send, CHECK_DAY)
        for message in messages:
            self.assertIn(message, e.message)
        self.assertEqual(offer.get_state(), State.DRAFT)
        self.assertFalse(offer.get_current_revision().is_frozen())
        self.assertIsNone(sent_date(offer))
        self.assertEqual(p.lookup_consultation('CONS-1').get_state(), CState.GO)
        self.assertEqual(p.get_journal().get_n_entries(), n)

    def test_send(self):
        p = new_portfolio()
        offer = valid_offer(p)
        k = p.lookup_consultation('CONS-1')
        a = offer.get_current_revision()
        self.assertAffError(E.INVALID_TRANSITION, offer.revise)     # not sent yet
        offer.send(D(2026, 4, 2))
        self.assertTrue(a.is_frozen())
        self.assertEqual(offer.get_state(), State.SENT)
        self.assertEqual(sent_date(offer), (2026, 4, 2))
        self.assertIs(offer.get_current_revision(), a)
        self.assertEqual(k.get_state(), CState.OFFER_SENT)
        self.assertEqual(ymd(out(k.get_state_date(CState.OFFER_SENT))), (2026, 4, 2))
        e = last_entry(p, 'OFF-1', 'sent')
        self.assertEqual(e.get_entity_kind(), 'offer')
        self.assertEqual(e.dup_detail('revision'), 'A')
        self.assertEqual(e.dup_detail('date'), '2026-04-02')
        self.assertEqual(e.dup_detail('selling_price'), '2482.35 EUR')
        self.assertEqual(e.dup_detail('margin_rate'), '1500')
        # again: the current revision is sent
        n = p.get_journal().get_n_entries()
        self.assertAffError(E.INVALID_TRANSITION, offer.send, D(2026, 4, 3))
        self.assertAffError(E.FROZEN, offer.approve, 'Direction', 'trop tard')
        self.assertAffError(E.FROZEN, a.set_margin_rate, 1000)
        self.assertAffError(E.FROZEN, a.add_line,
                            line(Kind.OTHER, 'Divers', '1', Unit.LUMP_SUM, '10.00'))
        self.assertEqual(a.get_margin_rate(), 1500)
        self.assertEqual(a.get_lines().get_n_items(), 2)
        self.assertEqual(sent_date(offer), (2026, 4, 2))
        self.assertEqual(offer.get_state(), State.SENT)
        self.assertEqual(p.get_journal().get_n_entries(), n)
        self.assertTrue(p.get_journal().verify())


class ReviseTest(afftest.AffTestCase):
    def test_revise(self):
        p = new_portfolio()
        offer = valid_offer(p)
        a = offer.get_current_revision()
        a.set_margin_rate(700)
        offer.approve('Direction', 'client stratégique')
        a.set_margin_rate(1500)
        offer.send(D(2026, 4, 2))
        b = offer.revise()
        self.assertEqual(b.get_letter(), 'B')
        self.assertIs(offer.get_current_revision(), b)
        self.assertEqual(items(offer.get_revisions()), [a, b])
        self.assertEqual(offer.get_state(), State.NEGOTIATION)
        self.assertFalse(b.is_frozen())
        self.assertTrue(a.is_frozen())
        self.assertIsNone(b.get_approver())
        self.assertIsNone(b.get_approval_justification())
        self.assertEqual(a.get_approver(), 'Direction')
        la, lb = items(a.get_lines()), items(b.get_lines())
        self.assertEqual(len(lb), 2)
        for x, y in zip(la, lb):
            self.assertIsNot(x, y)
            self.assertEqual(y.get_kind(), x.get_kind())
            self.assertEqual(y.get_description(), x.get_description())
            self.assertEqual(y.dup_quantity(), x.dup_quantity())
            self.assertEqual(y.get_unit(), x.get_unit())
            self.assertTrue(y.get_unit_cost().equal(x.get_unit_cost()))
            self.assertEqual(list(y.get_requirements()), list(x.get_requirements()))
            self.assertEqual(y.compute_cost().get_minor(), x.compute_cost().get_minor())
        self.assertEqual(lb[1].get_lot(), 'lot-1')
        self.assertEqual(b.get_cost_price().get_minor(), COST_A)
        self.assertEqual(b.get_selling_price().get_minor(), SELLING_A)
        self.assertEqual(b.get_margin_rate(), 1500)
        self.assertEqual(b.get_vat_rate(), 550)
        self.assertEqual(b.get_overhead_rate(Kind.SUBCONTRACT), 1200)
        self.assertEqual(b.get_acknowledged_flags(), Flags.HOT_WORK | Flags.WORK_AT_HEIGHT)
        self.assertEqual(list(b.get_notes()), ['Permis de feu', 'Travail en hauteur : nacelle'])
        e = last_entry(p, 'OFF-1', 'revised')
        self.assertEqual(e.dup_detail('revision'), 'B')
        self.assertEqual(e.dup_detail('from'), 'A')
        # no approval kept: below the floor B needs one of its own
        b.set_margin_rate(700)
        self.assertEqual(problems(offer, D(2026, 4, 10)), [Problem.MARGIN_BELOW_FLOOR])
        b.set_margin_rate(1500)
        # changing B changes nothing in A
        lb[0].set_requirements(['REQ-1', 'REQ-2'])
        self.assertEqual(list(la[0].get_requirements()), ['REQ-1'])
        b.remove_line(1)
        self.assertAffError(E.INVALID_TRANSITION, offer.revise)    # B is a draft
        self.assertEqual(a.get_lines().get_n_items(), 2)
        self.assertEqual(a.get_selling_price().get_minor(), SELLING_A)

    def test_second_send_after_the_deadline(self):
        p, offer = negotiated(self)
        k = p.lookup_consultation('CONS-1')
        a, b = items(offer.get_revisions())
        self.assertEqual(offer.get_state(), State.SENT)
        self.assertIs(offer.get_current_revision(), b)
        self.assertTrue(b.is_frozen())
        self.assertEqual(sent_date(offer), (2026, 4, 20))
        self.assertEqual(b.get_cost_price().get_minor(), COST_B)
        self.assertEqual(b.get_selling_price().get_minor(), SELLING_B)
        self.assertEqual(k.get_state(), CState.OFFER_SENT)
        self.assertEqual(ymd(out(k.get_state_date(CState.OFFER_SENT))), (2026, 4, 2))
        e = last_entry(p, 'OFF-1', 'sent')
        self.assertEqual(e.dup_detail('revision'), 'B')
        self.assertEqual(e.dup_detail('date'), '2026-04-20')
        self.assertEqual(e.dup_detail('selling_price'), '2729.41 EUR')
        self.assertEqual(e.dup_detail('margin_rate'), '1500')
        # revision A: still frozen and unchanged
        self.assertTrue(a.is_frozen())
        self.assertEqual(a.get_lines().get_n_items(), 2)
        self.assertEqual(a.get_cost_price().get_minor(), COST_A)
        self.assertEqual(a.get_selling_price().get_minor(), SELLING_A)
        self.assertEqual(a.get_approver(), 'Direction')
        actions = [x.get_action() for x in offer_entries(p, 'OFF-1')
                   if x.get_action() in ('added', 'approved', 'sent', 'revised')]
        self.assertEqual(actions, ['added', 'approved', 'sent', 'revised', 'sent'])
        self.assertAffError(E.INVALID_TRANSITION, offer.send, D(2026, 4, 21))
        self.assertTrue(p.get_journal().verify())

    def test_check_during_negotiation(self):
        # once the consultation is OFFER_SENT: no CONSULTATION_NOT_GO and no
        # DEADLINE_PASSED, long after the deadline
        p = new_portfolio()
        offer = valid_offer(p)
        offer.send(D(2026, 4, 2))
        b = offer.revise()
        self.assertEqual(problems(offer, D(2026, 5, 31)), [])        # 30 days before 2026-06-30
        self.assertEqual(problems(offer, D(2026, 6, 1)), [Problem.VALIDITY])
        b.set_validity(D(2026, 12, 31))
        self.assertEqual(problems(offer, D(2026, 9, 1)), [])


class ContingencyFromRisksTest(afftest.AffTestCase):
    def test_from_register(self):
        # 10 000.00 at 30 % -> 3 000.00; 2 000.00 at 50 % -> 1 000.00;
        # 5 000.00 without a probability in percent -> nothing: 400000.
        p = new_portfolio()
        offer = add_offer(p, 'OFF-1', 'CONS-1')
        register = p.lookup_consultation('CONS-1').get_risk_register()
        for title, exposure, percent in (('Soudures refusées', '10000.00 EUR', 30),
                                         ('Retard des tubes', '2000.00 EUR', 50),
                                         ('Accès au site', '5000.00 EUR', -1)):
            risk = Aff.Risk.new(title, Aff.RiskCategory.TECHNICAL, 2, 3)
            risk.set_exposure(M(exposure))
            risk.set_probability_percent(percent)
            register.add_risk(risk)
        rev = offer.get_current_revision()
        rev.set_contingency_from_risks()
        self.assertEqual(rev.get_contingency().get_minor(), 400000)
        loose = Aff.OfferRevision.new('A', p.get_policy())
        self.assertAffError(Aff.Error.NOT_ASSESSABLE, loose.set_contingency_from_risks)


class RoundTripTest(afftest.AffTestCase):
    def describe(self, p):
        out_ = []
        for offer in items(p.get_offers()):
            revs = []
            for r in items(offer.get_revisions()):
                revs.append(dict(
                    letter=r.get_letter(), frozen=r.is_frozen(),
                    lines=[(ln.get_kind(), ln.get_description(), ln.dup_quantity(), ln.get_unit(),
                            ln.get_unit_cost().to_string(), ln.get_lot(),
                            list(ln.get_requirements() or []))
                           for ln in items(r.get_lines())],
                    approver=r.get_approver(), justification=r.get_approval_justification(),
                    notes=list(r.get_notes() or []), ack=int(r.get_acknowledged_flags()),
                    validity=ymd(r.get_validity()), margin_rate=r.get_margin_rate(),
                    selling=r.get_selling_price().to_string(), vat=r.get_vat_rate()))
            out_.append(dict(id=offer.get_id(), consultation=offer.get_consultation_id(),
                             state=offer.get_state(), sent=sent_date(offer), revisions=revs))
        return out_

    def test_round_trip(self):
        p, offer = negotiated(self)
        text = to_text(p)
        q = Aff.Portfolio.new_from_data(text, -1)
        self.assertEqual(to_text(q), text)
        self.assertEqual(self.describe(q), self.describe(p))
        o = q.lookup_offer('OFF-1')
        self.assertEqual(o.get_state(), State.SENT)
        self.assertEqual(sent_date(o), (2026, 4, 20))
        a, b = items(o.get_revisions())
        self.assertIs(o.get_current_revision(), b)
        self.assertEqual((a.get_letter(), b.get_letter()), ('A', 'B'))
        self.assertTrue(a.is_frozen())
        self.assertTrue(b.is_frozen())
        self.assertEqual(a.get_lines().get_n_items(), 2)
        self.assertEqual(b.get_lines().get_n_items(), 3)
        l2 = a.get_lines().get_item(1)
        self.assertEqual((l2.get_kind(), l2.get_description(), l2.dup_quantity(), l2.get_unit(),
                          l2.get_unit_cost().to_string(), l2.get_lot(), list(l2.get_requirements())),
                         (Kind.LABOUR, 'Soudure TIG', '20', Unit.HOUR, '60.00 EUR', 'lot-1', ['REQ-2']))
        self.assertEqual(a.get_approver(), 'Direction')
        self.assertEqual(a.get_approval_justification(), 'client stratégique')
        self.assertIsNone(b.get_approver())
        for r in (a, b):
            self.assertEqual(list(r.get_notes()), ['Permis de feu', 'Travail en hauteur : nacelle'])
            self.assertEqual(r.get_acknowledged_flags(), Flags.HOT_WORK | Flags.WORK_AT_HEIGHT)
        self.assertEqual(a.get_selling_price().get_minor(), SELLING_A)
        self.assertEqual(b.get_selling_price().get_minor(), SELLING_B)
        self.assertEqual(ymd(b.get_validity()), (2026, 7, 31))
        o3 = q.lookup_offer('OFF-3')
        self.assertEqual(o3.get_state(), State.DRAFT)
        self.assertIsNone(sent_date(o3))
        r3 = o3.get_current_revision()
        self.assertFalse(r3.is_frozen())
        self.assertEqual(r3.get_approver(), 'Direction')
        self.assertEqual(problems(o3, CHECK_DAY), [Problem.NO_LINES])
        k = q.lookup_consultation('CONS-1')
        self.assertEqual(k.get_state(), CState.OFFER_SENT)
        self.assertEqual(ymd(out(k.get_state_date(CState.OFFER_SENT))), (2026, 4, 2))
        # the journal came along and still verifies
        self.assertEqual(q.get_journal().get_n_entries(), p.get_journal().get_n_entries())
        self.assertEqual(q.get_journal().get_head_hash(), p.get_journal().get_head_hash())
        self.assertTrue(q.get_journal().verify())
        # the loaded offer goes on: C from B, journaled
        c = o.revise()
        self.assertEqual(c.get_letter(), 'C')
        self.assertEqual(o.get_state(), State.NEGOTIATION)
        e = last_entry(q, 'OFF-1', 'revised')
        self.assertEqual((e.dup_detail('revision'), e.dup_detail('from')), ('C', 'B'))
        self.assertTrue(q.get_journal().verify())


if __name__ == '__main__':
    unittest.main()
