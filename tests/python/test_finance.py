#!/usr/bin/python3
# The financial follow-up of an affair from Python: Aff.Ledger,
# Aff.CostEntry, Aff.Amendment, Aff.AffairStatus and the finance methods of
# Aff.Affair, through the typelib.
#
# The affair is the one of tests/c/test-finance.c, worked by hand:
#
# - the accepted offer OFF-1 (consultation CONS-1 of acme) prices lot T1 at
#   50 000.00 of labour (500 h at 100.00) and lot T2 at 50 000.00 of material
#   (a lump sum), no overheads (or 10 % on labour, 5 000.00, in the overheads
#   test), a risk contingency of 5 000.00 and a selling price of 125 000.00:
#   cost price 105 000.00, margin 20 000.00, 16 % (1600 bp);
# - sent 2026-04-01, signed Monday 2026-04-20; the plan has T1 (10 working
#   days) then T2 (10 working days), finish to start. On the French calendar
#   (1 May, 8 May and Ascension, 14 May, are holidays):
#     T1: Mon 20 – Fri 24 Apr (5), Mon 27 – Thu 30 Apr (4), Mon 4 May (1)
#     T2: Tue 5 – Thu 7 May (3), Mon 11 – Wed 13 May (3), Fri 15 May (1),
#         Mon 18 – Wed 20 May (3)
#   that schedule is saved as the baseline "contrat";
# - the textbook record: actual labour 30 000.00 on 24 April (TS-17) and
#   15 000.00 on 4 May (TS-18); order PO-7 of 52 000.00 of material on 28
#   April; its first invoice FA-991, 20 000.00, on 11 May; T1 50 % done on
#   30 April, 80 % on 4 May; invoice F-2026-001 of 37 500.00 on 30 April,
#   paid 45 000.00 (VAT included) on 4 May.
#
# On 4 May that is the textbook case BAC 100 000, PV 50 000 (T1 all planned,
# T2 not yet), EV 40 000 (80 % of T1), AC 45 000: CV -5 000, SV -10 000,
# CPI 40 000 / 45 000 = 0.8889, SPI 0.8, EAC (BAC / CPI) 112 500, ETC 67 500,
# VAC -12 500, TCPI 60 000 / 55 000 = 1.0909.
#
# Every expected figure below is worked out by hand, beside it.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import gc
import hashlib
import json
import os
import unittest

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib  # noqa: E402
import afftest  # noqa: E402
from afftest import D, ymd, to_text  # noqa: E402

E = Aff.Error
Cat = Aff.CostCategory
State = Aff.CostState
Eac = Aff.EacMethod
Rev = Aff.RevenueMethod
K = Aff.LineKind
U = Aff.LineUnit

ACTUAL = State.ACTUAL
COMMITTED = State.COMMITTED


def M(text):
    return Aff.Money.parse(text)


# ---- Fixtures (tests/c/test-offer-util.h and new_finance_portfolio) -------

def new_base_portfolio():
    """Claire Martin's portfolio, clock fixed at 2026-04-01 09:00 UTC, doing
    pipework, with the client acme."""
    p = Aff.Portfolio.new()
    p.set_actor('Claire Martin')
    p.set_fixed_time(GLib.DateTime.new_utc(2026, 4, 1, 9, 0, 0))
    p.get_policy().set_activities(['pipework'])
    p.add_client(Aff.Client.new('acme', 'ACME Industrie'))
    return p


def add_consultation(p, cid, client):
    """Received 2026-03-02, deadline 2026-04-15, qualified 2026-03-03,
    evaluated 2026-03-05 (NO_GO without a solvency assessment) and decided
    GO anyway."""
    k = Aff.Consultation.new(cid, client, 'Tuyauterie ' + cid, D(2026, 3, 2), D(2026, 4, 15))
    k.set_activities(['pipework'])
    k.set_regulatory_flags(Aff.RegulatoryFlags.NONE)
    p.add_consultation(k)
    k.start_qualification(D(2026, 3, 3), 'analysis')
    p.evaluate_consultation(cid, D(2026, 3, 5))
    p.decide_consultation(cid, Aff.BidVerdict.GO, 'Direction', 'client stratégique')
    assert k.get_state() == Aff.ConsultationState.GO
    return k


def add_cost_line(rev, kind, description, quantity, unit, cost, lot):
    line = Aff.OfferLine.new(kind, description, quantity, unit, M(cost))
    line.set_lot(lot)
    rev.add_line(line)


def new_finance_portfolio(labour_overhead_rate=0, with_plan=True, billing=False, payment_terms=(45, True)):
    """The affair described at the top: (portfolio, affair OFF-1). With
    billing, the terms of the billing tests (new_finance_portfolio (&affair,
    0, TRUE) of the C test): a 30 % advance, monthly situations, 5 %
    retention, payment at 45 days end of month (or payment_terms), VAT
    20 %."""
    p = new_base_portfolio()
    add_consultation(p, 'CONS-1', 'acme')
    offer = Aff.Offer.new('OFF-1', 'CONS-1')
    p.add_offer(offer)
    rev = offer.get_current_revision()
    add_cost_line(rev, K.LABOUR, 'Montage', '500', U.HOUR, '100.00 EUR', 'T1')
    add_cost_line(rev, K.MATERIAL, 'Tubes', '1', U.LUMP_SUM, '50000.00 EUR', 'T2')
    for k in range(int(K.LABOUR), int(K.OTHER) + 1):
        rev.set_overhead_rate(K(k), labour_overhead_rate if K(k) == K.LABOUR else 0)
    rev.set_contingency(M('5000.00 EUR'))
    rev.set_selling_price(M('125000.00 EUR'))
    rev.set_validity(D(2026, 6, 30))
    if billing:
        rev.set_billing(3000, True, 500)
        rev.set_payment_terms(*payment_terms)
        rev.set_vat_rate(2000)
    offer.send(D(2026, 4, 1))
    assert offer.get_state() == Aff.OfferState.SENT
    offer.accept(D(2026, 4, 20), 'CT-2026-017')
    affair = p.lookup_affair('OFF-1')
    assert affair is not None

    if with_plan:
        plan = affair.get_plan()
        plan.add_task(Aff.Task.new('T1', 'T1', 10))
        plan.add_task(Aff.Task.new('T2', 'T2', 10))
        plan.add_dependency('T1', 'T2', Aff.DependencyType.FINISH_START, 0)
        plan.schedule()
        # the schedule of the top comment
        assert ymd(plan.lookup_task('T1').get_early_finish()) == (2026, 5, 4)
        assert ymd(plan.lookup_task('T2').get_early_finish()) == (2026, 5, 20)
        plan.save_baseline('contrat')
    return p, affair


def cost(ledger, date, work, category, state, amount, document=None, commitment=None):
    entry = Aff.CostEntry.new(date, work, category, state, M(amount))
    entry.set_document(document)
    entry.set_commitment(commitment)
    return ledger.add(entry)


def record_textbook(affair):
    """The costs, progress and billing of the textbook case, on 4 May and
    after."""
    ledger = affair.get_ledger()
    cost(ledger, D(2026, 4, 24), 'T1', Cat.LABOUR, ACTUAL, '30000.00 EUR', 'TS-17')
    cost(ledger, D(2026, 4, 28), 'T2', Cat.MATERIAL, COMMITTED, '52000.00 EUR', 'PO-7')
    cost(ledger, D(2026, 5, 4), 'T1', Cat.LABOUR, ACTUAL, '15000.00 EUR', 'TS-18')
    # after the 4 May status: not counted on that day
    cost(ledger, D(2026, 5, 11), 'T2', Cat.MATERIAL, ACTUAL, '20000.00 EUR', 'FA-991', 'PO-7')
    affair.record_progress('T1', D(2026, 4, 30), 5000)
    affair.record_progress('T1', D(2026, 5, 4), 8000)
    affair.record_invoice('F-2026-001', D(2026, 4, 30), M('37500.00 EUR'))
    affair.record_payment('F-2026-001', D(2026, 5, 4), M('45000.00 EUR'))


def status_on(affair, y, m, d):
    s = affair.compute_status(D(y, m, d))
    assert s is not None
    return s


def textbook(labour_overhead_rate=0, with_plan=True):
    p, affair = new_finance_portfolio(labour_overhead_rate, with_plan)
    record_textbook(affair)
    return p, affair


def entries_from(journal, n):
    return [journal.get_entry(i) for i in range(n, journal.get_n_entries())]


class FinanceTestCase(afftest.AffTestCase):
    def assertMoney(self, money, expected):
        self.assertIsNotNone(money)
        self.assertEqual(money.to_string(), expected)

    def assertRatio(self, result, expected, delta=1e-9):
        """result is the (defined, value) tuple of a ratio getter."""
        ok, value = result
        self.assertTrue(ok, 'the ratio should be defined')
        self.assertAlmostEqual(value, expected, delta=delta)
        return value

    def assertUndefined(self, result):
        ok, _value = result
        self.assertFalse(ok, 'the ratio should be undefined')

    def assertBp(self, result, expected):
        ok, bp = result
        self.assertTrue(ok)
        self.assertEqual(bp, expected)


# ---- The status at a date -----------------------------------------------

class TextbookTest(FinanceTestCase):
    def test_defaults(self):
        p, affair = new_finance_portfolio()
        policy = p.get_policy()
        # the policy's defaults: BAC / CPI, cost to cost, 10 points
        self.assertEqual(policy.get_eac_method(), Eac.CPI)
        self.assertEqual(policy.get_revenue_method(), Rev.COST_TO_COST)
        self.assertEqual(policy.get_concordance_tolerance(), 1000)
        # a new affair follows its policy, with an empty ledger in the
        # contract's currency
        self.assertEqual(affair.get_eac_method(), Eac.POLICY)
        ledger = affair.get_ledger()
        self.assertIsInstance(ledger, Aff.Ledger)
        self.assertEqual(ledger.get_currency(), 'EUR')
        self.assertEqual(ledger.get_n_entries(), 0)
        self.assertEqual(affair.list_amendments(), [])
        # budget at completion: T1 labour 50 000, T2 material 50 000, no
        # overheads
        on = D(2026, 4, 20)
        self.assertMoney(affair.get_budget_at_completion(on, None, -1), '100000.00 EUR')
        self.assertMoney(affair.get_budget_at_completion(on, 'T1', int(Cat.LABOUR)), '50000.00 EUR')
        self.assertMoney(affair.get_budget_at_completion(on, 'T1', int(Cat.MATERIAL)), '0.00 EUR')
        self.assertMoney(affair.get_budget_at_completion(on, 'T2', -1), '50000.00 EUR')
        self.assertMoney(affair.get_budget_at_completion(on, None, int(Cat.OVERHEAD)), '0.00 EUR')

    def test_textbook_earned_value(self):
        p, affair = textbook()
        s = affair.compute_status(D(2026, 5, 4))
        self.assertIsInstance(s, Aff.AffairStatus)
        self.assertEqual(ymd(s.get_date()), (2026, 5, 4))
        self.assertEqual(s.get_affair_id(), 'OFF-1')
        self.assertTrue(s.has_baseline())
        self.assertMoney(s.get_bac(), '100000.00 EUR')
        # T1 (50 000) fully planned by 4 May, its last day; T2 starts 5 May
        self.assertMoney(s.get_pv(), '50000.00 EUR')
        # 80 % of T1's 50 000
        self.assertMoney(s.get_ev(), '40000.00 EUR')
        # TS-17 + TS-18; FA-991 of 11 May is not counted yet
        self.assertMoney(s.get_ac(), '45000.00 EUR')
        # PO-7 is not yet invoiced on 4 May
        self.assertMoney(s.get_open_commitments(), '52000.00 EUR')
        self.assertMoney(s.get_cv(), '-5000.00 EUR')
        self.assertMoney(s.get_sv(), '-10000.00 EUR')
        self.assertRatio(s.get_cpi(), 40000 / 45000)
        self.assertRatio(s.get_cpi(), 0.8889, delta=1e-4)
        self.assertRatio(s.get_spi(), 0.8)
        self.assertEqual(s.get_eac_method(), Eac.CPI)
        # 100 000 × 45 000 / 40 000
        self.assertMoney(s.get_eac(), '112500.00 EUR')
        self.assertMoney(s.get_etc(), '67500.00 EUR')
        self.assertMoney(s.get_vac(), '-12500.00 EUR')
        # (100 000 − 40 000) / (100 000 − 45 000)
        self.assertRatio(s.get_tcpi(), 60000 / 55000)
        self.assertRatio(s.get_tcpi(), 1.0909, delta=1e-4)

        # Margin: the contingency stays a reserve on top of the EAC.
        self.assertMoney(s.get_contingency(), '5000.00 EUR')
        self.assertMoney(s.get_cost_at_completion(), '117500.00 EUR')
        self.assertMoney(s.get_contract_amount(), '125000.00 EUR')
        self.assertMoney(s.get_revenue_at_completion(), '125000.00 EUR')
        self.assertMoney(s.get_margin_at_completion(), '7500.00 EUR')
        # 125 000 − (100 000 + 5 000)
        self.assertMoney(s.get_offer_margin(), '20000.00 EUR')
        self.assertMoney(s.get_margin_drift(), '-12500.00 EUR')
        self.assertBp(s.get_margin_rate(), 600)             # 7 500 / 125 000
        self.assertBp(s.get_margin_rate_drift(), -1000)     # 6 % − 16 %

        # Cost to cost: 45 000 / 117 500 = 0.382978…; recognised 125 000 ×
        # that = 47 872.340… → 47 872.34; billed 37 500: FAE 10 372.34;
        # backlog 125 000 − 47 872.34 = 77 127.66.
        self.assertEqual(s.get_revenue_method(), Rev.COST_TO_COST)
        self.assertRatio(s.get_completion(), 45000 / 117500)
        self.assertMoney(s.get_recognised_revenue(), '47872.34 EUR')
        self.assertMoney(s.get_billed(), '37500.00 EUR')
        self.assertMoney(s.get_cash_received(), '45000.00 EUR')
        self.assertMoney(s.get_accrued_revenue(), '10372.34 EUR')
        self.assertMoney(s.get_deferred_revenue(), '0.00 EUR')
        self.assertMoney(s.get_loss_provision(), '0.00 EUR')
        self.assertMoney(s.get_backlog(), '77127.66 EUR')

        # Physical 0.4, cost 45 000 / 112 500 = 0.4, billing 37 500 /
        # 125 000 = 0.3: a gap of 10 points, exactly the default tolerance.
        self.assertRatio(s.get_physical_progress(), 0.4)
        self.assertRatio(s.get_cost_progress(), 0.4)
        self.assertRatio(s.get_billing_progress(), 0.3)
        concordant, gap = s.is_concordant()
        self.assertTrue(concordant)
        self.assertAlmostEqual(gap, 0.1, delta=1e-9)

    def test_status_is_a_copy(self):
        p, affair = textbook()
        s = status_on(affair, 2026, 5, 4)
        copy = s.copy()
        self.assertMoney(copy.get_eac(), '112500.00 EUR')
        self.assertEqual(copy.get_affair_id(), 'OFF-1')
        # a status only reads: later records do not change it
        affair.record_progress('T1', D(2026, 5, 4), 10000)
        self.assertMoney(s.get_ev(), '40000.00 EUR')
        # nor is anything journaled by computing one
        n = p.get_journal().get_n_entries()
        self.assertMoney(status_on(affair, 2026, 5, 4).get_ev(), '50000.00 EUR')
        self.assertEqual(p.get_journal().get_n_entries(), n)

    def test_concordance_tolerance(self):
        p, affair = textbook()
        p.get_policy().set_concordance_tolerance(999)
        concordant, gap = status_on(affair, 2026, 5, 4).is_concordant()
        self.assertFalse(concordant)
        self.assertAlmostEqual(gap, 0.1, delta=1e-9)
        p.get_policy().set_concordance_tolerance(1000)
        concordant, gap = status_on(affair, 2026, 5, 4).is_concordant()
        self.assertTrue(concordant)

    def test_later_date(self):
        """The same affair on Wed 13 May, without further records."""
        p, affair = textbook()
        s = status_on(affair, 2026, 5, 13)
        self.assertMoney(s.get_bac(), '100000.00 EUR')
        # T1 all; T2 6 of its 10 working days (5, 6, 7, 11, 12, 13 May):
        # 50 000 + 50 000 × 6 / 10
        self.assertMoney(s.get_pv(), '80000.00 EUR')
        # the latest progress of T1 is still 80 %; T2 has none
        self.assertMoney(s.get_ev(), '40000.00 EUR')
        # 30 000 + 15 000 + FA-991 20 000
        self.assertMoney(s.get_ac(), '65000.00 EUR')
        # PO-7: 52 000 less 20 000 invoiced
        self.assertMoney(s.get_open_commitments(), '32000.00 EUR')
        self.assertMoney(s.get_cv(), '-25000.00 EUR')
        self.assertMoney(s.get_sv(), '-40000.00 EUR')
        self.assertRatio(s.get_cpi(), 40000 / 65000)
        self.assertRatio(s.get_spi(), 0.5)
        # 100 000 × 65 000 / 40 000
        self.assertEqual(s.get_eac_method(), Eac.CPI)
        self.assertMoney(s.get_eac(), '162500.00 EUR')
        self.assertMoney(s.get_etc(), '97500.00 EUR')
        self.assertMoney(s.get_vac(), '-62500.00 EUR')
        self.assertRatio(s.get_tcpi(), 60000 / 35000)
        # 162 500 + 5 000 against 125 000: a loss of 42 500
        self.assertMoney(s.get_cost_at_completion(), '167500.00 EUR')
        self.assertMoney(s.get_margin_at_completion(), '-42500.00 EUR')
        self.assertMoney(s.get_margin_drift(), '-62500.00 EUR')
        self.assertBp(s.get_margin_rate(), -3400)           # −42 500 / 125 000
        self.assertBp(s.get_margin_rate_drift(), -5000)     # −34 % − 16 %
        # completion 65 000 / 167 500; recognised 125 000 × 65 000 / 167 500
        # = 48 507.462… → 48 507.46; FAE 48 507.46 − 37 500 = 11 007.46;
        # absorbed 65 000 − 48 507.46 = 16 492.54, provision 42 500 −
        # 16 492.54 = 26 007.46; backlog 125 000 − 48 507.46 = 76 492.54
        self.assertRatio(s.get_completion(), 65000 / 167500)
        self.assertMoney(s.get_recognised_revenue(), '48507.46 EUR')
        self.assertMoney(s.get_accrued_revenue(), '11007.46 EUR')
        self.assertMoney(s.get_deferred_revenue(), '0.00 EUR')
        self.assertMoney(s.get_loss_provision(), '26007.46 EUR')
        self.assertMoney(s.get_backlog(), '76492.54 EUR')
        self.assertMoney(s.get_billed(), '37500.00 EUR')
        self.assertMoney(s.get_cash_received(), '45000.00 EUR')
        # physical 0.4, cost 65 000 / 162 500 = 0.4, billing 0.3
        self.assertRatio(s.get_physical_progress(), 0.4)
        self.assertRatio(s.get_cost_progress(), 0.4)
        self.assertRatio(s.get_billing_progress(), 0.3)
        self.assertTrue(s.is_concordant()[0])

    def test_billing_and_cash_by_date(self):
        p, affair = textbook()
        # 29 April: nothing billed; 30 April: the invoice, not yet paid
        s = status_on(affair, 2026, 4, 29)
        self.assertMoney(s.get_billed(), '0.00 EUR')
        self.assertMoney(s.get_cash_received(), '0.00 EUR')
        s = status_on(affair, 2026, 4, 30)
        self.assertMoney(s.get_billed(), '37500.00 EUR')
        self.assertMoney(s.get_cash_received(), '0.00 EUR')
        # 30 April: AC 30 000 (TS-17), EV 50 % of 50 000 = 25 000
        self.assertMoney(s.get_ac(), '30000.00 EUR')
        self.assertMoney(s.get_ev(), '25000.00 EUR')


class NothingYetTest(FinanceTestCase):
    def test_the_day_before_the_start(self):
        p, affair = new_finance_portfolio()
        s = status_on(affair, 2026, 4, 19)
        # nothing planned, earned, spent or billed
        self.assertMoney(s.get_pv(), '0.00 EUR')
        self.assertMoney(s.get_ev(), '0.00 EUR')
        self.assertMoney(s.get_ac(), '0.00 EUR')
        self.assertMoney(s.get_billed(), '0.00 EUR')
        self.assertMoney(s.get_open_commitments(), '0.00 EUR')
        # every ratio with a zero denominator is undefined, never infinite:
        # CPI = EV / AC = 0 / 0, SPI = EV / PV = 0 / 0
        self.assertUndefined(s.get_cpi())
        self.assertUndefined(s.get_spi())
        # the CPI undefined, the estimate falls back to AC + BAC − EV
        self.assertEqual(s.get_eac_method(), Eac.ATYPICAL)
        self.assertMoney(s.get_eac(), '100000.00 EUR')
        # cost progress AC / EAC = 0 / 100 000, physical 0 / 100 000,
        # billing 0 / 125 000: defined, zero, and concordant
        self.assertRatio(s.get_cost_progress(), 0.0)
        self.assertRatio(s.get_physical_progress(), 0.0)
        self.assertRatio(s.get_billing_progress(), 0.0)
        concordant, gap = s.is_concordant()
        self.assertTrue(concordant)
        self.assertEqual(gap, 0.0)
        # at signature the margin at completion is the offer's
        self.assertMoney(s.get_cost_at_completion(), '105000.00 EUR')
        self.assertMoney(s.get_margin_at_completion(), '20000.00 EUR')
        self.assertMoney(s.get_margin_drift(), '0.00 EUR')
        self.assertBp(s.get_margin_rate(), 1600)
        self.assertBp(s.get_margin_rate_drift(), 0)
        # completion 0 / 105 000
        self.assertRatio(s.get_completion(), 0.0)
        self.assertMoney(s.get_recognised_revenue(), '0.00 EUR')
        self.assertMoney(s.get_backlog(), '125000.00 EUR')
        self.assertMoney(s.get_loss_provision(), '0.00 EUR')
        # TCPI: (100 000 − 0) / (100 000 − 0)
        self.assertRatio(s.get_tcpi(), 1.0)


class NoPlanTest(FinanceTestCase):
    def test_without_a_plan(self):
        """Without a plan there are no dates to spread the budget over: the
        planned value is zero, the SPI undefined, and the composite estimate
        falls back to AC + BAC − EV."""
        p, affair = textbook(with_plan=False)
        s = status_on(affair, 2026, 5, 4)
        self.assertFalse(s.has_baseline())
        self.assertMoney(s.get_bac(), '100000.00 EUR')
        self.assertMoney(s.get_pv(), '0.00 EUR')
        # progress of lot T1 still earns: 80 % of 50 000
        self.assertMoney(s.get_ev(), '40000.00 EUR')
        self.assertMoney(s.get_ac(), '45000.00 EUR')
        self.assertMoney(s.get_sv(), '40000.00 EUR')
        self.assertUndefined(s.get_spi())
        self.assertRatio(s.get_cpi(), 40000 / 45000)
        self.assertEqual(s.get_eac_method(), Eac.CPI)
        self.assertMoney(s.get_eac(), '112500.00 EUR')
        p.get_policy().set_eac_method(Eac.COMPOSITE)
        s = status_on(affair, 2026, 5, 4)
        # 45 000 + 100 000 − 40 000
        self.assertEqual(s.get_eac_method(), Eac.ATYPICAL)
        self.assertMoney(s.get_eac(), '105000.00 EUR')


class EacMethodsTest(FinanceTestCase):
    def test_policy_methods(self):
        p, affair = textbook()
        policy = p.get_policy()
        # AC + (BAC − EV) = 45 000 + 60 000
        policy.set_eac_method(Eac.ATYPICAL)
        self.assertEqual(policy.get_eac_method(), Eac.ATYPICAL)
        s = status_on(affair, 2026, 5, 4)
        self.assertEqual(s.get_eac_method(), Eac.ATYPICAL)
        self.assertMoney(s.get_eac(), '105000.00 EUR')
        self.assertMoney(s.get_etc(), '60000.00 EUR')
        self.assertMoney(s.get_vac(), '-5000.00 EUR')

        # AC + (BAC − EV) / (CPI × SPI) = 45 000 + 60 000 / (0.8889 × 0.8)
        # = 45 000 + 60 000 × 1.40625 = 129 375
        policy.set_eac_method(Eac.COMPOSITE)
        s = status_on(affair, 2026, 5, 4)
        self.assertEqual(s.get_eac_method(), Eac.COMPOSITE)
        self.assertMoney(s.get_eac(), '129375.00 EUR')

        # Bottom-up: AC + 12 000 estimated for T1 + T2's unearned 50 000
        affair.record_remaining('T1', D(2026, 5, 4), M('12000.00 EUR'))
        policy.set_eac_method(Eac.BOTTOM_UP)
        s = status_on(affair, 2026, 5, 4)
        self.assertEqual(s.get_eac_method(), Eac.BOTTOM_UP)
        self.assertMoney(s.get_eac(), '107000.00 EUR')
        # the estimate of 4 May is not known on 3 May: T1's unearned
        # 50 000 × 50 % = 25 000 stands in for it (progress of 30 April),
        # AC 30 000: 30 000 + 25 000 + 50 000
        s = status_on(affair, 2026, 5, 3)
        self.assertMoney(s.get_eac(), '105000.00 EUR')

    def test_affair_method_wins(self):
        p, affair = textbook()
        policy = p.get_policy()
        affair.record_remaining('T1', D(2026, 5, 4), M('12000.00 EUR'))
        policy.set_eac_method(Eac.BOTTOM_UP)

        # The affair's own method wins over the policy's.
        affair.set_eac_method(Eac.CPI)
        self.assertEqual(affair.get_eac_method(), Eac.CPI)
        s = status_on(affair, 2026, 5, 4)
        self.assertEqual(s.get_eac_method(), Eac.CPI)
        self.assertMoney(s.get_eac(), '112500.00 EUR')
        affair.set_eac_method(Eac.ATYPICAL)
        self.assertMoney(status_on(affair, 2026, 5, 4).get_eac(), '105000.00 EUR')
        affair.set_eac_method(Eac.COMPOSITE)
        self.assertMoney(status_on(affair, 2026, 5, 4).get_eac(), '129375.00 EUR')
        # back to the policy's: bottom-up, 45 000 + 12 000 + 50 000
        affair.set_eac_method(Eac.POLICY)
        self.assertEqual(affair.get_eac_method(), Eac.POLICY)
        s = status_on(affair, 2026, 5, 4)
        self.assertEqual(s.get_eac_method(), Eac.BOTTOM_UP)
        self.assertMoney(s.get_eac(), '107000.00 EUR')

    def test_fallback_before_any_progress(self):
        """Before any progress the CPI is 0 and BAC / CPI undefined: the
        estimate falls back to AC + BAC − EV, and says so. On 24 April: AC
        30 000, EV 0."""
        p, affair = textbook()
        affair.set_eac_method(Eac.CPI)
        s = status_on(affair, 2026, 4, 24)
        self.assertRatio(s.get_cpi(), 0.0)
        self.assertEqual(s.get_eac_method(), Eac.ATYPICAL)
        self.assertMoney(s.get_eac(), '130000.00 EUR')
        # T1 half planned: 5 of its 10 working days (20 – 24 April)
        self.assertMoney(s.get_pv(), '25000.00 EUR')
        self.assertMoney(s.get_ev(), '0.00 EUR')
        self.assertRatio(s.get_spi(), 0.0)
        # (100 000 − 0) / (100 000 − 30 000)
        self.assertRatio(s.get_tcpi(), 100000 / 70000)
        # the composite estimate needs EV too
        affair.set_eac_method(Eac.COMPOSITE)
        s = status_on(affair, 2026, 4, 24)
        self.assertEqual(s.get_eac_method(), Eac.ATYPICAL)
        self.assertMoney(s.get_eac(), '130000.00 EUR')


class RevenueTest(FinanceTestCase):
    def test_deferred_revenue_and_physical_method(self):
        p, affair = textbook()
        affair.record_invoice('F-2026-002', D(2026, 5, 2), M('22500.00 EUR'))
        # Billed 60 000 against 47 872.34 recognised: PCA 12 127.66.
        s = status_on(affair, 2026, 5, 4)
        self.assertMoney(s.get_billed(), '60000.00 EUR')
        self.assertMoney(s.get_recognised_revenue(), '47872.34 EUR')
        self.assertMoney(s.get_accrued_revenue(), '0.00 EUR')
        self.assertMoney(s.get_deferred_revenue(), '12127.66 EUR')
        # 60 000 / 125 000
        self.assertRatio(s.get_billing_progress(), 0.48)

        # Physical: completion EV / BAC = 0.4; recognised 125 000 × 0.4 =
        # 50 000; PCA 60 000 − 50 000 = 10 000; backlog 75 000.
        p.get_policy().set_revenue_method(Rev.PHYSICAL)
        self.assertEqual(p.get_policy().get_revenue_method(), Rev.PHYSICAL)
        s = status_on(affair, 2026, 5, 4)
        self.assertEqual(s.get_revenue_method(), Rev.PHYSICAL)
        self.assertRatio(s.get_completion(), 0.4)
        self.assertMoney(s.get_recognised_revenue(), '50000.00 EUR')
        self.assertMoney(s.get_accrued_revenue(), '0.00 EUR')
        self.assertMoney(s.get_deferred_revenue(), '10000.00 EUR')
        self.assertMoney(s.get_backlog(), '75000.00 EUR')

    def test_physical_method_accrued_revenue(self):
        p, affair = textbook()
        p.get_policy().set_revenue_method(Rev.PHYSICAL)
        # recognised 50 000 against 37 500 billed: FAE 12 500
        s = status_on(affair, 2026, 5, 4)
        self.assertMoney(s.get_recognised_revenue(), '50000.00 EUR')
        self.assertMoney(s.get_accrued_revenue(), '12500.00 EUR')
        self.assertMoney(s.get_deferred_revenue(), '0.00 EUR')

    def test_loss_provision(self):
        p, affair = textbook()
        affair.record_remaining('T1', D(2026, 5, 4), M('12000.00 EUR'))
        affair.record_remaining('T2', D(2026, 5, 4), M('85000.00 EUR'))
        affair.set_eac_method(Eac.BOTTOM_UP)
        s = status_on(affair, 2026, 5, 4)
        # EAC 45 000 + 12 000 + 85 000 = 142 000; with the contingency
        # 147 000, against 125 000 of revenue: a loss of 22 000. Completion
        # 45 000 / 147 000; recognised 125 000 × 45 000 / 147 000 =
        # 38 265.306… → 38 265.31; the recognised result absorbs 45 000 −
        # 38 265.31 = 6 734.69 of the loss; the provision is the rest,
        # 15 265.31 (22 000 × 102 000 / 147 000 = 15 265.306…).
        self.assertMoney(s.get_eac(), '142000.00 EUR')
        self.assertMoney(s.get_etc(), '97000.00 EUR')
        self.assertMoney(s.get_vac(), '-42000.00 EUR')
        self.assertMoney(s.get_cost_at_completion(), '147000.00 EUR')
        self.assertMoney(s.get_margin_at_completion(), '-22000.00 EUR')
        self.assertMoney(s.get_margin_drift(), '-42000.00 EUR')
        self.assertRatio(s.get_completion(), 45000 / 147000)
        self.assertMoney(s.get_recognised_revenue(), '38265.31 EUR')
        self.assertMoney(s.get_loss_provision(), '15265.31 EUR')
        # 38 265.31 − 37 500
        self.assertMoney(s.get_accrued_revenue(), '765.31 EUR')
        self.assertMoney(s.get_backlog(), '86734.69 EUR')
        self.assertBp(s.get_margin_rate(), -1760)           # −22 000 / 125 000
        self.assertBp(s.get_margin_rate_drift(), -3360)     # −17.6 % − 16 %
        # cost progress 45 000 / 142 000
        self.assertRatio(s.get_cost_progress(), 45000 / 142000)


class OverheadsTest(FinanceTestCase):
    def test_overheads_earn_with_the_rest(self):
        # 10 % on labour: 5 000 of overheads, for the whole affair.
        p, affair = textbook(labour_overhead_rate=1000)
        may4 = D(2026, 5, 4)
        self.assertMoney(affair.get_budget_at_completion(may4, None, int(Cat.OVERHEAD)), '5000.00 EUR')
        self.assertMoney(affair.get_budget_at_completion(may4, None, -1), '105000.00 EUR')
        # the overheads belong to no task or lot
        self.assertMoney(affair.get_budget_at_completion(may4, 'T1', -1), '50000.00 EUR')
        s = status_on(affair, 2026, 5, 4)
        self.assertMoney(s.get_bac(), '105000.00 EUR')
        # The overheads earn as the direct lines do (40 000 of 100 000):
        # 2 000; they are planned over the whole plan, 20 working days from
        # 20 April to 20 May, 10 of them by 4 May: 2 500.
        self.assertMoney(s.get_ev(), '42000.00 EUR')
        self.assertMoney(s.get_pv(), '52500.00 EUR')
        self.assertRatio(s.get_spi(), 0.8)                  # 42 000 / 52 500
        # 105 000 × 45 000 / 42 000
        self.assertMoney(s.get_eac(), '112500.00 EUR')
        # the offer cost 100 000 + 5 000 + 5 000: margin 15 000 (1200 bp);
        # at completion 125 000 − 117 500 = 7 500 (600 bp)
        self.assertMoney(s.get_offer_margin(), '15000.00 EUR')
        self.assertMoney(s.get_margin_at_completion(), '7500.00 EUR')
        self.assertMoney(s.get_margin_drift(), '-7500.00 EUR')
        self.assertBp(s.get_margin_rate_drift(), -600)


# ---- Amendments ---------------------------------------------------------

class AmendmentTest(FinanceTestCase):
    def new_amendment(self):
        a = Aff.Amendment.new('AV-1', D(2026, 5, 6), M('10000.00 EUR'), 'Tubes supplémentaires')
        self.assertTrue(a.add_budget_change('T2', Cat.MATERIAL, M('8000.00 EUR')))
        return a

    def test_amendment_object(self):
        a = Aff.Amendment.new('AV-1', D(2026, 5, 6), M('10000.00 EUR'), 'Tubes supplémentaires')
        self.assertEqual(a.get_reference(), 'AV-1')
        self.assertEqual(ymd(a.get_date()), (2026, 5, 6))
        self.assertMoney(a.get_revenue_change(), '10000.00 EUR')
        self.assertEqual(a.get_reason(), 'Tubes supplémentaires')
        self.assertEqual(a.get_n_budget_changes(), 0)
        self.assertFalse(a.get_budget_change(0)[0])
        self.assertFalse(a.get_accepted_date()[0])
        a.add_budget_change('T2', Cat.MATERIAL, M('8000.00 EUR'))
        # a change in another currency than the revenue change's
        self.assertAffError(E.CURRENCY_MISMATCH, a.add_budget_change, 'T2', Cat.MATERIAL, M('8000.00 USD'))
        self.assertEqual(a.get_n_budget_changes(), 1)
        ok, work, category, change = a.get_budget_change(0)
        self.assertTrue(ok)
        self.assertEqual(work, 'T2')
        self.assertEqual(category, Cat.MATERIAL)
        self.assertMoney(change, '8000.00 EUR')
        copy = a.copy()
        self.assertEqual(copy.get_reference(), 'AV-1')
        self.assertEqual(copy.get_n_budget_changes(), 1)

    def test_amendment(self):
        p, affair = new_finance_portfolio()
        amendment = self.new_amendment()
        affair.add_amendment(amendment)
        self.assertAffError(E.DUPLICATE_ID, affair.add_amendment, amendment)
        self.assertAffError(E.NOT_FOUND, affair.accept_amendment, 'AV-9', D(2026, 5, 11))
        # accepted the day before it was proposed
        self.assertAffError(E.INVALID_VALUE, affair.accept_amendment, 'AV-1', D(2026, 5, 5))
        self.assertAffError(E.INVALID_VALUE, affair.accept_amendment, 'AV-1', GLib.Date.new())

        # Proposed, it counts for nothing.
        s = status_on(affair, 2026, 5, 13)
        self.assertMoney(s.get_revenue_at_completion(), '125000.00 EUR')
        self.assertMoney(s.get_bac(), '100000.00 EUR')

        affair.accept_amendment('AV-1', D(2026, 5, 11))
        self.assertAffError(E.INVALID_TRANSITION, affair.accept_amendment, 'AV-1', D(2026, 5, 11))
        # the affair keeps a copy: the caller's amendment stays proposed
        # (the affair's own are listed by ListAmendmentsTest)
        self.assertFalse(amendment.get_accepted_date()[0])

        # Before its acceptance, still nothing.
        s = status_on(affair, 2026, 5, 8)
        self.assertMoney(s.get_revenue_at_completion(), '125000.00 EUR')
        self.assertMoney(s.get_bac(), '100000.00 EUR')
        self.assertMoney(affair.get_budget_at_completion(D(2026, 5, 10), 'T2', int(Cat.MATERIAL)),
                         '50000.00 EUR')

        # From the day of its acceptance: revenue 135 000, BAC 108 000.
        s = status_on(affair, 2026, 5, 11)
        self.assertMoney(s.get_revenue_at_completion(), '135000.00 EUR')
        self.assertMoney(s.get_contract_amount(), '125000.00 EUR')
        self.assertMoney(s.get_bac(), '108000.00 EUR')

        # On 13 May: T2's material budget 58 000. T2 is planned 5 May – 20
        # May; by the 13th, 6 of its 10 working days (5, 6, 7, 11, 12, 13
        # May): PV = 50 000 + 58 000 × 6 / 10 = 84 800.
        s = status_on(affair, 2026, 5, 13)
        self.assertMoney(s.get_revenue_at_completion(), '135000.00 EUR')
        self.assertMoney(s.get_bac(), '108000.00 EUR')
        self.assertMoney(s.get_pv(), '84800.00 EUR')
        # the offer's margin is the offer's: 125 000 − 105 000
        self.assertMoney(s.get_offer_margin(), '20000.00 EUR')
        self.assertMoney(affair.get_budget_at_completion(D(2026, 5, 11), 'T2', int(Cat.MATERIAL)),
                         '58000.00 EUR')
        self.assertMoney(affair.get_budget_at_completion(D(2026, 5, 11), None, -1), '108000.00 EUR')

    def test_refused_amendments(self):
        p, affair = new_finance_portfolio()
        n = p.get_journal().get_n_entries()
        # a reference with a space
        bad = Aff.Amendment.new('AV 1', D(2026, 5, 6), M('10000.00 EUR'), 'Tubes')
        self.assertAffError(E.INVALID_VALUE, affair.add_amendment, bad)
        # a revenue change in another currency than the contract's
        dollars = Aff.Amendment.new('AV-2', D(2026, 5, 6), M('10000.00 USD'), 'Tubes')
        self.assertAffError(E.CURRENCY_MISMATCH, affair.add_amendment, dollars)
        # without a valid date
        undated = Aff.Amendment.new('AV-3', GLib.Date.new(), M('10000.00 EUR'), 'Tubes')
        self.assertAffError(E.INVALID_VALUE, affair.add_amendment, undated)
        self.assertEqual(affair.list_amendments(), [])
        self.assertEqual(p.get_journal().get_n_entries(), n)


# ---- Listing the amendments ------------------------------------------------

def check_listed_amendments():
    """Lists an affair's amendments, proposed, accepted and reloaded; run in
    ListAmendmentsTest."""
    p, affair = new_finance_portfolio()
    amendment = Aff.Amendment.new('AV-1', D(2026, 5, 6), M('10000.00 EUR'), 'Tubes supplémentaires')
    amendment.add_budget_change('T2', Cat.MATERIAL, M('8000.00 EUR'))
    affair.add_amendment(amendment)
    listed = affair.list_amendments()
    assert [a.get_reference() for a in listed] == ['AV-1']
    # proposed
    assert not listed[0].get_accepted_date()[0]
    del listed
    gc.collect()

    affair.accept_amendment('AV-1', D(2026, 5, 11))
    q = Aff.Portfolio.new_from_data(to_text(p), -1)
    for owner in (affair, q.lookup_affair('OFF-1')):
        listed = owner.list_amendments()
        assert len(listed) == 1
        a = listed[0]
        assert a.get_reference() == 'AV-1'
        assert ymd(a.get_date()) == (2026, 5, 6)
        assert a.get_reason() == 'Tubes supplémentaires'
        assert a.get_revenue_change().to_string() == '10000.00 EUR'
        ok, date = a.get_accepted_date()
        assert ok and ymd(date) == (2026, 5, 11)
        assert a.get_n_budget_changes() == 1
        ok, work, category, change = a.get_budget_change(0)
        assert (ok, work, category) == (True, 'T2', Cat.MATERIAL)
        assert change.to_string() == '8000.00 EUR'
        assert not a.get_budget_change(1)[0]
        del listed, a
        gc.collect()
    # the affair keeps copies: the caller's amendment stays proposed
    assert not amendment.get_accepted_date()[0]


class ListAmendmentsTest(FinanceTestCase):
    # The list is (transfer container): the wrappers own copies of the
    # amendments, which must outlive the array.
    def test_list_amendments(self):
        check_listed_amendments()


# ---- Progress, remaining-to-do, invoices and payments ---------------------

class ProgressTest(FinanceTestCase):
    def test_progress_history(self):
        p, affair = textbook()
        self.assertFalse(affair.get_progress('T1', D(2026, 4, 29))[0])
        self.assertEqual(affair.get_progress('T1', D(2026, 4, 30)), (True, 5000))
        # between two figures: the latest on or before the date
        self.assertEqual(affair.get_progress('T1', D(2026, 5, 3)), (True, 5000))
        self.assertEqual(affair.get_progress('T1', D(2026, 5, 4)), (True, 8000))
        self.assertEqual(affair.get_progress('T1', D(2026, 12, 31)), (True, 8000))
        self.assertFalse(affair.get_progress('T2', D(2026, 5, 4))[0])
        # A figure corrected the same day replaces the first.
        affair.record_progress('T1', D(2026, 5, 4), 7500)
        self.assertEqual(affair.get_progress('T1', D(2026, 5, 4)), (True, 7500))
        # EV 75 % of 50 000
        self.assertMoney(status_on(affair, 2026, 5, 4).get_ev(), '37500.00 EUR')
        # A figure recorded late for an earlier day slots into the history.
        affair.record_progress('T1', D(2026, 4, 27), 2000)
        self.assertEqual(affair.get_progress('T1', D(2026, 4, 28)), (True, 2000))
        self.assertEqual(affair.get_progress('T1', D(2026, 4, 30)), (True, 5000))
        self.assertEqual(affair.get_progress('T1', D(2026, 5, 4)), (True, 7500))
        # the bounds: 0 and 10 000 are fine
        affair.record_progress('T2', D(2026, 5, 20), 10000)
        self.assertEqual(affair.get_progress('T2', D(2026, 5, 20)), (True, 10000))
        affair.record_progress('T2', D(2026, 5, 5), 0)
        self.assertEqual(affair.get_progress('T2', D(2026, 5, 6)), (True, 0))

        n = p.get_journal().get_n_entries()
        self.assertAffError(E.INVALID_VALUE, affair.record_progress, 'T1', D(2026, 5, 4), 10001)
        self.assertAffError(E.INVALID_VALUE, affair.record_progress, 'T1', D(2026, 5, 4), -1)
        self.assertAffError(E.INVALID_VALUE, affair.record_progress, 'T1', GLib.Date.new(), 100)
        e = self.assertAffError(E.NOT_FOUND, affair.record_progress, 'T9', D(2026, 5, 4), 100)
        self.assertIn('T9', e.message)
        self.assertEqual(p.get_journal().get_n_entries(), n)
        self.assertEqual(affair.get_progress('T1', D(2026, 5, 4)), (True, 7500))

    def test_remaining_errors(self):
        p, affair = textbook()
        n = p.get_journal().get_n_entries()
        may4 = D(2026, 5, 4)
        self.assertAffError(E.INVALID_VALUE, affair.record_remaining, 'T1', may4, M('-1.00 EUR'))
        self.assertAffError(E.CURRENCY_MISMATCH, affair.record_remaining, 'T1', may4, M('1.00 USD'))
        self.assertAffError(E.NOT_FOUND, affair.record_remaining, 'T9', may4, M('1.00 EUR'))
        self.assertAffError(E.INVALID_VALUE, affair.record_remaining, 'T1', GLib.Date.new(), M('1.00 EUR'))
        self.assertEqual(p.get_journal().get_n_entries(), n)
        # zero is a remaining-to-do like another: T1 done at its cost so
        # far; bottom-up 45 000 + 0 + 50 000
        affair.record_remaining('T1', may4, M('0.00 EUR'))
        affair.set_eac_method(Eac.BOTTOM_UP)
        self.assertMoney(status_on(affair, 2026, 5, 4).get_eac(), '95000.00 EUR')
        # the latest estimate on or before the date
        affair.record_remaining('T1', D(2026, 5, 6), M('3000.00 EUR'))
        self.assertMoney(status_on(affair, 2026, 5, 5).get_eac(), '95000.00 EUR')
        # 6 May: AC 45 000 + 3 000 + 50 000
        self.assertMoney(status_on(affair, 2026, 5, 6).get_eac(), '98000.00 EUR')

    def test_invoices_and_payments(self):
        p, affair = textbook()
        apr30 = D(2026, 4, 30)
        amount = M('1000.00 EUR')
        n = p.get_journal().get_n_entries()
        self.assertAffError(E.DUPLICATE_ID, affair.record_invoice, 'F-2026-001', apr30, amount)
        self.assertAffError(E.INVALID_VALUE, affair.record_invoice, 'F 1', apr30, amount)
        self.assertAffError(E.INVALID_VALUE, affair.record_invoice, 'F-9', GLib.Date.new(), amount)
        self.assertAffError(E.CURRENCY_MISMATCH, affair.record_invoice, 'F-9', apr30, M('1000.00 USD'))
        self.assertAffError(E.NOT_FOUND, affair.record_payment, 'F-9', apr30, amount)
        # a payment before its invoice
        self.assertAffError(E.INVALID_VALUE, affair.record_payment, 'F-2026-001', D(2026, 4, 29), amount)
        self.assertAffError(E.CURRENCY_MISMATCH, affair.record_payment, 'F-2026-001', apr30, M('1000.00 USD'))
        self.assertEqual(p.get_journal().get_n_entries(), n)
        # a credit note is a negative invoice; a second payment adds up
        affair.record_invoice('AV-F-1', D(2026, 5, 4), M('-2500.00 EUR'))
        affair.record_payment('F-2026-001', D(2026, 5, 4), M('1000.00 EUR'))
        s = status_on(affair, 2026, 5, 4)
        self.assertMoney(s.get_billed(), '35000.00 EUR')         # 37 500 − 2 500
        self.assertMoney(s.get_cash_received(), '46000.00 EUR')  # 45 000 + 1 000


# ---- The ledger ------------------------------------------------------------

class LedgerTest(FinanceTestCase):
    def sums_ledger(self):
        ledger = Aff.Ledger.new('EUR')
        cost(ledger, D(2026, 4, 24), 'T1', Cat.LABOUR, ACTUAL, '30000.00 EUR', 'TS-17')
        cost(ledger, D(2026, 4, 28), 'T2', Cat.MATERIAL, COMMITTED, '52000.00 EUR', 'PO-7')
        cost(ledger, D(2026, 5, 11), 'T2', Cat.MATERIAL, ACTUAL, '20000.00 EUR', 'FA-991', 'PO-7')
        cost(ledger, D(2026, 5, 20), 'T2', Cat.MATERIAL, ACTUAL, '35000.00 EUR', 'FA-1002', 'PO-7')
        cost(ledger, D(2026, 5, 21), None, Cat.TRAVEL, ACTUAL, '-150.00 EUR', 'AV-3')
        return ledger

    def test_new(self):
        ledger = Aff.Ledger.new('EUR')
        self.assertEqual(ledger.get_currency(), 'EUR')
        self.assertEqual(ledger.get_n_entries(), 0)
        self.assertIsNone(ledger.get_entry(0))
        self.assertMoney(ledger.sum(None, ACTUAL, None, -1), '0.00 EUR')
        self.assertMoney(ledger.get_open_commitments(None), '0.00 EUR')
        self.assertAffError(E.UNKNOWN_CURRENCY, Aff.Ledger.new, 'EURO')

    def test_cost_entry(self):
        entry = Aff.CostEntry.new(D(2026, 4, 24), 'T1', Cat.LABOUR, ACTUAL, M('1234.50 EUR'))
        self.assertEqual(ymd(entry.get_date()), (2026, 4, 24))
        self.assertEqual(entry.get_work(), 'T1')
        self.assertEqual(entry.get_category(), Cat.LABOUR)
        self.assertEqual(entry.get_state(), ACTUAL)
        self.assertMoney(entry.get_amount(), '1234.50 EUR')
        self.assertEqual(entry.get_quantity(), 0)
        self.assertIsNone(entry.get_supplier())
        self.assertIsNone(entry.get_document())
        self.assertIsNone(entry.get_commitment())
        entry.set_quantity(12500)
        entry.set_supplier('Dupont & Fils')
        entry.set_document('TS-1')
        self.assertEqual(entry.get_quantity(), 12500)
        self.assertEqual(entry.get_supplier(), 'Dupont & Fils')
        self.assertEqual(entry.get_document(), 'TS-1')
        copy = entry.copy()
        entry.set_supplier(None)
        self.assertIsNone(entry.get_supplier())
        self.assertEqual(copy.get_supplier(), 'Dupont & Fils')
        self.assertEqual(copy.get_quantity(), 12500)

    def test_sums_and_commitments(self):
        ledger = self.sums_ledger()
        self.assertEqual(ledger.get_n_entries(), 5)
        may4 = D(2026, 5, 4)
        # 30 000 + 20 000 + 35 000 − 150
        self.assertMoney(ledger.sum(None, ACTUAL, None, -1), '84850.00 EUR')
        self.assertMoney(ledger.sum(may4, ACTUAL, None, -1), '30000.00 EUR')
        self.assertMoney(ledger.sum(None, ACTUAL, 'T2', int(Cat.MATERIAL)), '55000.00 EUR')
        self.assertMoney(ledger.sum(None, ACTUAL, 'T2', int(Cat.LABOUR)), '0.00 EUR')
        self.assertMoney(ledger.sum(None, ACTUAL, None, int(Cat.TRAVEL)), '-150.00 EUR')
        self.assertMoney(ledger.sum(None, ACTUAL, 'nothing', -1), '0.00 EUR')
        # a word the ledger knows, but not as a task or lot
        self.assertMoney(ledger.sum(None, ACTUAL, 'PO-7', -1), '0.00 EUR')
        # committed entries are summed whole, settled or not
        self.assertMoney(ledger.sum(None, COMMITTED, None, -1), '52000.00 EUR')
        self.assertMoney(ledger.sum(D(2026, 4, 27), COMMITTED, None, -1), '0.00 EUR')
        # the last day counts
        self.assertMoney(ledger.sum(D(2026, 4, 24), ACTUAL, None, -1), '30000.00 EUR')

        # PO-7: 52 000 ordered; 20 000 invoiced by 11 May leaves 32 000; the
        # second invoice (35 000) goes beyond the order: nothing left, not
        # −3 000.
        self.assertMoney(ledger.get_open_commitments(D(2026, 4, 27)), '0.00 EUR')
        self.assertMoney(ledger.get_open_commitments(may4), '52000.00 EUR')
        self.assertMoney(ledger.get_open_commitments(D(2026, 5, 11)), '32000.00 EUR')
        self.assertMoney(ledger.get_open_commitments(D(2026, 5, 15)), '32000.00 EUR')
        self.assertMoney(ledger.get_open_commitments(D(2026, 5, 31)), '0.00 EUR')
        self.assertMoney(ledger.get_open_commitments(None), '0.00 EUR')

        entry = ledger.get_entry(2)
        self.assertEqual(ymd(entry.get_date()), (2026, 5, 11))
        self.assertEqual(entry.get_work(), 'T2')
        self.assertEqual(entry.get_category(), Cat.MATERIAL)
        self.assertEqual(entry.get_state(), ACTUAL)
        self.assertMoney(entry.get_amount(), '20000.00 EUR')
        self.assertEqual(entry.get_document(), 'FA-991')
        self.assertEqual(entry.get_commitment(), 'PO-7')
        self.assertIsNone(entry.get_supplier())
        entry = ledger.get_entry(4)
        self.assertIsNone(entry.get_work())
        self.assertMoney(entry.get_amount(), '-150.00 EUR')
        self.assertIsNone(ledger.get_entry(5))

    def test_refused_entries(self):
        ledger = self.sums_ledger()
        may4 = D(2026, 5, 4)
        amount = M('10.00 EUR')
        # A commitment needs its order; one order per document.
        unnamed = Aff.CostEntry.new(may4, 'T1', Cat.MATERIAL, COMMITTED, amount)
        self.assertAffError(E.INVALID_VALUE, ledger.add, unnamed)
        unnamed.set_document('PO-7')
        self.assertAffError(E.INVALID_VALUE, ledger.add, unnamed)
        # an invoice settles an order the ledger has
        orphan = Aff.CostEntry.new(may4, 'T1', Cat.MATERIAL, ACTUAL, amount)
        orphan.set_commitment('PO-404')
        self.assertAffError(E.INVALID_VALUE, ledger.add, orphan)
        # one currency
        foreign = Aff.CostEntry.new(may4, 'T1', Cat.TRAVEL, ACTUAL, M('10.00 USD'))
        self.assertAffError(E.CURRENCY_MISMATCH, ledger.add, foreign)
        # a valid date
        undated = Aff.CostEntry.new(GLib.Date.new(), 'T1', Cat.TRAVEL, ACTUAL, amount)
        self.assertAffError(E.INVALID_VALUE, ledger.add, undated)
        self.assertEqual(ledger.get_n_entries(), 5)
        # a second order with its own document is fine
        unnamed.set_document('PO-8')
        self.assertTrue(ledger.add(unnamed))
        self.assertEqual(ledger.get_n_entries(), 6)

    def test_negative_amounts_to_csv(self):
        ledger = self.sums_ledger()
        csv = ledger.to_csv()
        self.assertEqual(csv,
                         'date,work,category,state,amount,quantity,supplier,document,commitment\r\n'
                         '2026-04-24,T1,labour,actual,30000.00,,,TS-17,\r\n'
                         '2026-04-28,T2,material,committed,52000.00,,,PO-7,\r\n'
                         '2026-05-11,T2,material,actual,20000.00,,,FA-991,PO-7\r\n'
                         '2026-05-20,T2,material,actual,35000.00,,,FA-1002,PO-7\r\n'
                         '2026-05-21,,travel,actual,-150.00,,,AV-3,\r\n')
        again = Aff.Ledger.new('EUR')
        self.assertEqual(again.import_csv(csv.encode('utf-8')), (True, 5))
        self.assertEqual(again.to_csv(), csv)
        self.assertMoney(again.sum(None, ACTUAL, None, -1), '84850.00 EUR')
        self.assertMoney(again.get_open_commitments(D(2026, 5, 15)), '32000.00 EUR')


class LedgerCsvTest(FinanceTestCase):
    # Columns in another order, a quoted supplier with a comma and a quote,
    # a byte-order mark, CRLF, a blank last line.
    TEXT = (b'\xef\xbb\xbf'
            + ('state,date,amount,category,work,quantity,supplier,document,commitment\r\n'
               'actual,2026-04-24,1234.50,labour,T1,12.5,"Dupont, ""Père"" & Fils",TS-1,\r\n'
               'committed,2026-04-28,52000,material,T2,,Inox SA,PO-7,\r\n'
               'actual,2026-05-11,20000.00,material,T2,1,Inox SA,FA-991,PO-7\r\n'
               '\r\n').encode('utf-8'))

    EXPECTED = ('date,work,category,state,amount,quantity,supplier,document,commitment\r\n'
                '2026-04-24,T1,labour,actual,1234.50,12.500,"Dupont, ""Père"" & Fils",TS-1,\r\n'
                '2026-04-28,T2,material,committed,52000.00,,Inox SA,PO-7,\r\n'
                '2026-05-11,T2,material,actual,20000.00,1.000,Inox SA,FA-991,PO-7\r\n')

    def test_import_and_export(self):
        ledger = Aff.Ledger.new('EUR')
        ok, added = ledger.import_csv(self.TEXT)
        self.assertTrue(ok)
        self.assertEqual(added, 3)
        self.assertEqual(ledger.get_n_entries(), 3)
        entry = ledger.get_entry(0)
        self.assertEqual(ymd(entry.get_date()), (2026, 4, 24))
        self.assertEqual(entry.get_work(), 'T1')
        self.assertEqual(entry.get_category(), Cat.LABOUR)
        self.assertEqual(entry.get_state(), ACTUAL)
        self.assertEqual(entry.get_supplier(), 'Dupont, "Père" & Fils')
        self.assertEqual(entry.get_quantity(), 12500)
        self.assertMoney(entry.get_amount(), '1234.50 EUR')
        self.assertEqual(entry.get_document(), 'TS-1')
        # an empty field is no value
        self.assertIsNone(entry.get_commitment())
        entry = ledger.get_entry(1)
        self.assertEqual(entry.get_state(), COMMITTED)
        self.assertMoney(entry.get_amount(), '52000.00 EUR')
        self.assertEqual(entry.get_quantity(), 0)
        self.assertEqual(ledger.get_entry(2).get_commitment(), 'PO-7')
        self.assertEqual(ledger.get_entry(2).get_quantity(), 1000)
        # 1 234.50 + 20 000
        self.assertMoney(ledger.sum(None, ACTUAL, None, -1), '21234.50 EUR')
        self.assertMoney(ledger.get_open_commitments(None), '32000.00 EUR')

        csv = ledger.to_csv()
        self.assertEqual(csv, self.EXPECTED)
        again = Aff.Ledger.new('EUR')
        self.assertEqual(again.import_csv(csv.encode('utf-8')), (True, 3))
        self.assertEqual(again.to_csv(), csv)

    def test_import_appends(self):
        ledger = Aff.Ledger.new('EUR')
        cost(ledger, D(2026, 4, 20), 'T2', Cat.MATERIAL, COMMITTED, '100.00 EUR', 'PO-1')
        # settles PO-1 of an earlier addition, and a header alone adds nothing
        text = b'date,category,state,amount,commitment\n2026-04-21,material,actual,40.00,PO-1\n'
        self.assertEqual(ledger.import_csv(text), (True, 1))
        self.assertEqual(ledger.import_csv(b'date,category,state,amount\n'), (True, 0))
        self.assertEqual(ledger.get_n_entries(), 2)
        self.assertMoney(ledger.get_open_commitments(None), '60.00 EUR')
        # an order imported once cannot come again
        e = self.assertAffError(E.INVALID_VALUE, ledger.import_csv,
                                b'date,category,state,amount,document\n2026-04-22,material,committed,1,PO-1\n')
        self.assertTrue(e.message.startswith('Line 2: a commitment with this document is already in the ledger'),
                        e.message)
        self.assertEqual(ledger.get_n_entries(), 2)

    def test_other_currency(self):
        # the yen has no decimals
        ledger = Aff.Ledger.new('JPY')
        self.assertEqual(ledger.import_csv(b'date,work,category,state,amount\n2026-04-24,T1,labour,actual,1500\n'),
                         (True, 1))
        total = ledger.sum(None, ACTUAL, None, -1)
        self.assertEqual(total.get_currency(), 'JPY')
        self.assertEqual(total.get_minor(), 1500)
        self.assertEqual(ledger.to_csv(),
                         'date,work,category,state,amount,quantity,supplier,document,commitment\r\n'
                         '2026-04-24,T1,labour,actual,1500,,,,\r\n')
        e = self.assertAffError(E.INVALID_VALUE, ledger.import_csv,
                                b'date,category,state,amount\n2026-04-24,labour,actual,1500.00\n')
        self.assertTrue(e.message.startswith('Line 2, column amount:'), e.message)
        self.assertEqual(ledger.get_n_entries(), 1)

    ERRORS = [
        (b'date,category,state\n', 'Line 1: the column \u201camount\u201d is missing'),
        (b'date,category,state,amount,colour\n', 'Line 1: unknown column \u201ccolour\u201d'),
        (b'date,category,state,amount,date\n', 'Line 1: column \u201cdate\u201d appears twice'),
        (b'date,category,state,amount\n2026-04-24,labour,actual,10\n2026-02-30,labour,actual,10\n',
         'Line 3, column date: expected a date like 2026-03-31'),
        (b'date,category,state,amount\n2026-04-24,welding,actual,10\n', 'Line 2, column category:'),
        (b'date,category,state,amount\n2026-04-24,labour,spent,10\n', 'Line 2, column state:'),
        (b'date,category,state,amount\n2026-04-24,labour,actual,10.123\n', 'Line 2, column amount:'),
        (b'date,category,state,amount\n2026-04-24,labour,actual,1e3\n', 'Line 2, column amount:'),
        (b'date,category,state,amount,quantity\n2026-04-24,labour,actual,10,1.2345\n',
         'Line 2, column quantity:'),
        (b'date,category,state,amount\n2026-04-24,labour,actual\n', 'Line 2: expected 4 fields, found 3'),
        (b'date,category,state,amount\n2026-04-24,labour,actual,"10\n', 'Line 2: a quoted field is not closed'),
        (b'date,category,state,amount\n2026-04-24,labour,actual,1"0\n',
         'Line 2: a quote inside an unquoted field'),
        (b'date,category,state,amount,document\n2026-04-24,material,committed,10,\n',
         'Line 2: a commitment needs the reference of its order'),
        (b'date,category,state,amount,document\n2026-04-24,material,committed,10,PO-1\n'
         b'2026-04-25,material,committed,10,PO-1\n',
         'Line 3: a commitment with this document is already in the ledger'),
        (b'date,category,state,amount,commitment\n2026-04-24,material,actual,10,PO-404\n',
         'Line 2: it settles a commitment the ledger does not have'),
        # A field quoted over two lines counts both.
        (b'date,category,state,amount,supplier\n2026-04-24,labour,actual,10,"two\nlines"\n'
         b'2026-04-24,x,actual,10,a\n',
         'Line 4, column category:'),
        (b'date,category,state,amount\n2026-04-24,labour,actual,10\n\xff\n', 'Line 3: the text is not valid UTF-8'),
        # A blank line within the text counts as a line too.
        (b'date,category,state,amount\n\n2026-04-24,labour,actual,x\n', 'Line 3, column amount:'),
        # CRLF line ends count once.
        (b'date,category,state,amount\r\n2026-04-24,labour,actual,10\r\n2026-04-24,labour,actual\r\n',
         'Line 3: expected 4 fields, found 3'),
    ]

    def test_errors(self):
        for i, (text, message) in enumerate(self.ERRORS):
            with self.subTest(case=i, text=text):
                ledger = Aff.Ledger.new('EUR')
                e = self.assertAffError(E.INVALID_VALUE, ledger.import_csv, text)
                self.assertTrue(e.message.startswith(message), '%r does not start with %r' % (e.message, message))
                # Whole or nothing.
                self.assertEqual(ledger.get_n_entries(), 0)
                self.assertIsNone(ledger.get_entry(0))

    def test_failed_import_leaves_nothing(self):
        """A failed import into an affair's ledger adds no entry and no
        journal entry, and the words it met are forgotten."""
        p, affair = textbook()
        ledger = affair.get_ledger()
        journal = p.get_journal()
        n, csv = journal.get_n_entries(), ledger.to_csv()
        # line 2 is good (a new order PO-9 and its supplier), line 3 is not
        text = ('date,category,state,amount,document,supplier,work\n'
                '2026-05-05,material,committed,500.00,PO-9,Nouveau fournisseur,T3\n'
                '2026-05-05,material,actual,10.00,FA-1,Nouveau fournisseur,\u00e9\n'
                '2026-05-05,material,actual,abc,FA-2,,\n').encode('utf-8')
        e = self.assertAffError(E.INVALID_VALUE, ledger.import_csv, text)
        self.assertTrue(e.message.startswith('Line 4, column amount:'), e.message)
        self.assertEqual(ledger.get_n_entries(), 4)
        self.assertEqual(ledger.to_csv(), csv)
        self.assertEqual(journal.get_n_entries(), n)
        # PO-9 never came in: an invoice cannot settle it
        e = self.assertAffError(E.INVALID_VALUE, ledger.import_csv,
                                b'date,category,state,amount,commitment\n2026-05-06,material,actual,1,PO-9\n')
        self.assertTrue(e.message.startswith('Line 2: it settles a commitment the ledger does not have'), e.message)
        self.assertMoney(ledger.sum(None, ACTUAL, 'T3', -1), '0.00 EUR')
        self.assertTrue(journal.verify())


# ---- The journal and the document --------------------------------------------

STORY_CSV = b'date,category,state,amount\n2026-05-12,travel,actual,80.00\n'


def story():
    """The textbook record, then a CSV import of 80.00 of travel on 12 May,
    AV-1 proposed on 6 May and accepted on 11 May, and the affair's own
    method set to atypical: (portfolio, affair, entries in the journal
    before)."""
    p, affair = new_finance_portfolio()
    n = p.get_journal().get_n_entries()
    record_textbook(affair)
    assert affair.get_ledger().import_csv(STORY_CSV) == (True, 1)
    amendment = Aff.Amendment.new('AV-1', D(2026, 5, 6), M('10000.00 EUR'), 'Tubes supplémentaires')
    amendment.add_budget_change('T2', Cat.MATERIAL, M('8000.00 EUR'))
    affair.add_amendment(amendment)
    affair.accept_amendment('AV-1', D(2026, 5, 11))
    affair.set_eac_method(Eac.ATYPICAL)
    return p, affair, n


class JournalAndRoundTripTest(FinanceTestCase):
    CSV = STORY_CSV

    def story(self):
        return story()

    def test_journal(self):
        p, affair, n = self.story()
        journal = p.get_journal()
        entries = entries_from(journal, n)
        self.assertEqual([e.get_action() for e in entries],
                         ['cost-added', 'cost-added', 'cost-added', 'cost-added',
                          'progress-recorded', 'progress-recorded',
                          'invoice-recorded', 'payment-recorded', 'costs-imported',
                          'amendment-added', 'amendment-accepted', 'eac-method-set'])
        for e in entries:
            self.assertEqual(e.get_entity_kind(), 'affair')
            self.assertEqual(e.get_entity_id(), 'OFF-1')
            self.assertEqual(e.get_actor(), 'Claire Martin')
        self.assertTrue(journal.verify())

        detail = lambda i, key: entries[i].dup_detail(key)  # noqa: E731
        self.assertEqual(detail(0, 'date'), '2026-04-24')
        self.assertEqual(detail(0, 'work'), 'T1')
        self.assertEqual(detail(0, 'category'), 'labour')
        self.assertEqual(detail(0, 'state'), 'actual')
        self.assertEqual(detail(0, 'amount'), '30000.00 EUR')
        self.assertEqual(detail(0, 'document'), 'TS-17')
        self.assertIsNone(detail(0, 'commitment'))
        self.assertEqual(detail(1, 'state'), 'committed')
        self.assertEqual(detail(3, 'commitment'), 'PO-7')
        self.assertEqual(detail(4, 'work'), 'T1')
        self.assertEqual(detail(4, 'date'), '2026-04-30')
        self.assertEqual(detail(4, 'progress'), '5000')
        self.assertEqual(detail(5, 'progress'), '8000')
        self.assertEqual(detail(6, 'invoice'), 'F-2026-001')
        self.assertEqual(detail(6, 'date'), '2026-04-30')
        self.assertEqual(detail(6, 'amount'), '37500.00 EUR')
        self.assertEqual(detail(7, 'invoice'), 'F-2026-001')
        self.assertEqual(detail(7, 'date'), '2026-05-04')
        self.assertEqual(detail(7, 'amount'), '45000.00 EUR')
        # the import: its count, its totals, the SHA-256 of its bytes
        self.assertEqual(detail(8, 'entries'), '1')
        self.assertEqual(detail(8, 'committed'), '0.00 EUR')
        self.assertEqual(detail(8, 'actual'), '80.00 EUR')
        self.assertEqual(detail(8, 'sha256'), hashlib.sha256(self.CSV).hexdigest())
        self.assertEqual(detail(9, 'amendment'), 'AV-1')
        self.assertEqual(detail(9, 'date'), '2026-05-06')
        self.assertEqual(detail(9, 'revenue_change'), '10000.00 EUR')
        self.assertEqual(detail(9, 'reason'), 'Tubes supplémentaires')
        self.assertEqual(json.loads(detail(9, 'budget_changes')),
                         [{'work': 'T2', 'category': 'material', 'change': '8000.00 EUR'}])
        self.assertEqual(detail(10, 'amendment'), 'AV-1')
        self.assertEqual(detail(10, 'date'), '2026-05-11')
        self.assertEqual(detail(11, 'method'), 'atypical')

    def test_remaining_is_journaled(self):
        p, affair = new_finance_portfolio()
        journal = p.get_journal()
        n = journal.get_n_entries()
        affair.record_remaining('T1', D(2026, 5, 4), M('12000.00 EUR'))
        entries = entries_from(journal, n)
        self.assertEqual([e.get_action() for e in entries], ['remaining-recorded'])
        self.assertEqual(entries[0].dup_detail('work'), 'T1')
        self.assertEqual(entries[0].dup_detail('date'), '2026-05-04')
        self.assertEqual(entries[0].dup_detail('remaining'), '12000.00 EUR')

    def assertStatusOn13May(self, s):
        """The story on 13 May, by the atypical method."""
        # 100 000 + AV-1's 8 000 on T2
        self.assertMoney(s.get_bac(), '108000.00 EUR')
        # 50 000 + 58 000 × 6 / 10
        self.assertMoney(s.get_pv(), '84800.00 EUR')
        # 80 % of T1; nothing of T2
        self.assertMoney(s.get_ev(), '40000.00 EUR')
        # 30 000 + 15 000 + 20 000 + 80
        self.assertMoney(s.get_ac(), '65080.00 EUR')
        # 65 080 + 108 000 − 40 000
        self.assertEqual(s.get_eac_method(), Eac.ATYPICAL)
        self.assertMoney(s.get_eac(), '133080.00 EUR')
        # 125 000 + 10 000
        self.assertMoney(s.get_revenue_at_completion(), '135000.00 EUR')
        self.assertMoney(s.get_billed(), '37500.00 EUR')
        self.assertMoney(s.get_cash_received(), '45000.00 EUR')
        # PO-7: 52 000 − 20 000
        self.assertMoney(s.get_open_commitments(), '32000.00 EUR')
        # 135 000 − (133 080 + 5 000)
        self.assertMoney(s.get_margin_at_completion(), '-3080.00 EUR')

    def test_round_trip(self):
        p, affair, n = self.story()
        text = to_text(p)
        q = Aff.Portfolio.new_from_data(text, -1)
        self.assertEqual(to_text(q), text)
        self.assertEqual(q.get_journal().get_n_entries(), p.get_journal().get_n_entries())
        self.assertEqual(q.get_journal().get_head_hash(), p.get_journal().get_head_hash())
        self.assertTrue(q.get_journal().verify())

        loaded = q.lookup_affair('OFF-1')
        self.assertIsNotNone(loaded)
        self.assertIsNot(loaded, affair)
        ledger = loaded.get_ledger()
        self.assertEqual(ledger.get_n_entries(), 5)
        self.assertEqual(ledger.get_currency(), 'EUR')
        self.assertEqual(ledger.to_csv(), affair.get_ledger().to_csv())
        self.assertEqual(loaded.get_eac_method(), Eac.ATYPICAL)
        self.assertEqual(loaded.get_progress('T1', D(2026, 5, 3)), (True, 5000))
        self.assertEqual(loaded.get_progress('T1', D(2026, 5, 4)), (True, 8000))
        # the loaded amendment is listed by ListAmendmentsTest; its figures
        # show in the status below

        self.assertStatusOn13May(status_on(affair, 2026, 5, 13))
        self.assertStatusOn13May(status_on(loaded, 2026, 5, 13))
        # the textbook figures of 4 May survive too (the affair's method is
        # atypical now: 45 000 + 100 000 − 40 000)
        s = status_on(loaded, 2026, 5, 4)
        self.assertMoney(s.get_pv(), '50000.00 EUR')
        self.assertMoney(s.get_ev(), '40000.00 EUR')
        self.assertMoney(s.get_ac(), '45000.00 EUR')
        self.assertMoney(s.get_eac(), '105000.00 EUR')
        self.assertMoney(s.get_open_commitments(), '52000.00 EUR')

        # the loaded affair goes on: its journal too
        self.assertAffError(E.DUPLICATE_ID, loaded.record_invoice, 'F-2026-001', D(2026, 5, 13), M('1.00 EUR'))
        self.assertAffError(E.INVALID_TRANSITION, loaded.accept_amendment, 'AV-1', D(2026, 5, 13))
        cost(ledger, D(2026, 5, 13), 'T2', Cat.MATERIAL, ACTUAL, '32000.00 EUR', 'FA-992', 'PO-7')
        self.assertMoney(status_on(loaded, 2026, 5, 13).get_open_commitments(), '0.00 EUR')
        last = q.get_journal().get_entry(q.get_journal().get_n_entries() - 1)
        self.assertEqual(last.get_action(), 'cost-added')
        self.assertEqual(last.get_entity_id(), 'OFF-1')
        self.assertTrue(q.get_journal().verify())


# ---- Drifts and corrective actions ----------------------------------------
#
# tests/c/test-finance.c, test_drifts and test_drift_thresholds, and the rules
# of docs/rules.md, "Drifts and corrective actions". The policy's defaults:
# a CPI below 0.95 (9500) or an SPI below 0.90 (9000) drifts; so does a margin
# rate at completion more than 2 points (200 bp) below the offer's 16 %, a
# milestone more than 5 working days late against the latest baseline, a
# concordance gap beyond 10 points (1000 bp), and actual costs more than 10 %
# (1000 bp) over a budget line, or without one.

Kind = Aff.DriftKind


def textbook_with_travel():
    """The textbook record and 500.00 of travel on T1 on 4 May (NF-3); T1
    has no travel budget: (portfolio, affair)."""
    p, affair = textbook()
    cost(affair.get_ledger(), D(2026, 5, 4), 'T1', Cat.TRAVEL, ACTUAL, '500.00 EUR', 'NF-3')
    return p, affair


def answer(kind=Kind.COST_PERFORMANCE, subject=None, date=(2026, 5, 4), analysis='Soudures reprises',
           action='Soudeur qualifié en renfort', owner='Claire Martin', due=(2026, 5, 29),
           eac_effect='-2500.00 EUR'):
    """A corrective action; by default Claire Martin's answer of 4 May to
    the CPI, as in test_drifts."""
    return Aff.CorrectiveAction.new(kind, subject, D(*date), analysis, action, owner, D(*due), M(eac_effect))


def later_answer():
    """Paul Durand's second answer to the CPI, decided on 5 May."""
    return answer(date=(2026, 5, 5), analysis='Idem', action='Contrôle renforcé', owner='Paul Durand')


def kinds(drifts):
    return [(d.get_kind(), d.get_subject()) for d in drifts]


class DriftTestCase(FinanceTestCase):
    def assertDrift(self, drift, kind, subject, value=None, threshold=None, delta=1e-9):
        """drift_at of the C test: the kind, the subject, a message; and the
        value and threshold when given."""
        self.assertIsInstance(drift, Aff.Drift)
        self.assertEqual(drift.get_kind(), kind)
        self.assertEqual(drift.get_subject(), subject)
        self.assertIsInstance(drift.get_message(), str)
        self.assertNotEqual(drift.get_message(), '')
        if value is not None:
            self.assertAlmostEqual(drift.get_value(), value, delta=delta)
        if threshold is not None:
            self.assertAlmostEqual(drift.get_threshold(), threshold, delta=delta)
        return drift

    def assertAction(self, action, kind, subject, date, analysis, act, owner, due, eac_effect):
        self.assertIsInstance(action, Aff.CorrectiveAction)
        self.assertEqual(action.get_kind(), kind)
        self.assertEqual(action.get_subject(), subject)
        self.assertEqual(ymd(action.get_date()), date)
        self.assertEqual(action.get_analysis(), analysis)
        self.assertEqual(action.get_action(), act)
        self.assertEqual(action.get_owner(), owner)
        self.assertEqual(ymd(action.get_due()), due)
        self.assertMoney(action.get_eac_effect(), eac_effect)


class DriftsTest(DriftTestCase):
    def test_the_status_behind_the_drifts(self):
        """The figures test_drifts relies on, with the 500.00 of travel."""
        p, affair = textbook_with_travel()
        s = status_on(affair, 2026, 5, 4)
        # 30 000 + 15 000 + 500
        self.assertMoney(s.get_ac(), '45500.00 EUR')
        self.assertRatio(s.get_cpi(), 40000 / 45500)
        # 100 000 × 45 500 / 40 000 = 113 750; with the contingency 118 750;
        # margin 125 000 − 118 750 = 6 250, 5 % (500 bp): 11 points below
        # the offer's 16 %
        self.assertMoney(s.get_eac(), '113750.00 EUR')
        self.assertMoney(s.get_cost_at_completion(), '118750.00 EUR')
        self.assertMoney(s.get_margin_at_completion(), '6250.00 EUR')
        self.assertBp(s.get_margin_rate(), 500)
        self.assertBp(s.get_margin_rate_drift(), -1100)
        # cost progress 45 500 / 113 750 = 0.4: still 10 points from billing
        self.assertRatio(s.get_cost_progress(), 0.4)
        self.assertTrue(s.is_concordant()[0])

    def test_drifts(self):
        p, affair = textbook_with_travel()
        may4 = D(2026, 5, 4)
        drifts = affair.list_drifts(may4)
        # CPI 40 000 / 45 500 = 0.879 < 0.95; SPI 40 000 / 50 000 = 0.8 <
        # 0.9; the margin rate lost 11 points (16 % → 5 %), beyond 2; no
        # milestone; the progress figures 0.4, 0.4 and 0.3 stay within 10
        # points; T1's labour, 45 000 of 50 000, is within 110 %; the travel
        # has no budget.
        self.assertIsInstance(drifts, list)
        self.assertEqual(len(drifts), 4)
        d = self.assertDrift(drifts[0], Kind.COST_PERFORMANCE, None, 40000 / 45500, 0.95)
        self.assertIsNone(d.get_corrective_action())
        self.assertDrift(drifts[1], Kind.SCHEDULE_PERFORMANCE, None, 0.8, 0.9)
        self.assertDrift(drifts[2], Kind.MARGIN_EROSION, None, -11.0, -2.0)
        d = self.assertDrift(drifts[3], Kind.BUDGET_OVERRUN, 'T1/travel')
        self.assertEqual(d.get_value(), 0.0)
        # 1 + 1000 / 10000
        self.assertAlmostEqual(d.get_threshold(), 1.1, delta=1e-9)
        self.assertEqual(d.get_message(), 'T1/travel : 500,00\u00a0€ de coûts réels sans budget')
        for d in drifts:
            self.assertIsNone(d.get_corrective_action())
        # listing journals nothing
        n = p.get_journal().get_n_entries()
        affair.list_drifts(may4)
        self.assertEqual(p.get_journal().get_n_entries(), n)

        # Answered on 4 May; a second answer dated the 5th is not yet known
        # on the 4th.
        self.assertTrue(affair.record_corrective_action(answer()))
        self.assertTrue(affair.record_corrective_action(later_answer()))
        drifts = affair.list_drifts(may4)
        self.assertEqual(len(drifts), 4)
        d = self.assertDrift(drifts[0], Kind.COST_PERFORMANCE, None)
        self.assertIsNotNone(d.get_corrective_action())
        self.assertEqual(d.get_corrective_action().get_owner(), 'Claire Martin')
        self.assertAction(d.get_corrective_action(), Kind.COST_PERFORMANCE, None, (2026, 5, 4),
                          'Soudures reprises', 'Soudeur qualifié en renfort', 'Claire Martin', (2026, 5, 29),
                          '-2500.00 EUR')
        # the other drifts stay unanswered
        for d in drifts[1:]:
            self.assertIsNone(d.get_corrective_action())
        # from 5 May on, the later answer replaces the first
        for day in (5, 6):
            drifts = affair.list_drifts(D(2026, 5, day))
            d = self.assertDrift(drifts[0], Kind.COST_PERFORMANCE, None)
            self.assertEqual(d.get_corrective_action().get_owner(), 'Paul Durand')
            self.assertEqual(ymd(d.get_corrective_action().get_date()), (2026, 5, 5))
        # and before 4 May neither is known: on 30 April CPI 25 000 / 30 000
        drifts = affair.list_drifts(D(2026, 4, 30))
        d = self.assertDrift(drifts[0], Kind.COST_PERFORMANCE, None, 25000 / 30000)
        self.assertIsNone(d.get_corrective_action())

        # both stay recorded, in the order recorded
        actions = affair.list_corrective_actions()
        self.assertEqual(len(actions), 2)
        self.assertMoney(actions[0].get_eac_effect(), '-2500.00 EUR')
        self.assertEqual(ymd(actions[1].get_due()), (2026, 5, 29))
        self.assertEqual([a.get_owner() for a in actions], ['Claire Martin', 'Paul Durand'])
        self.assertAction(actions[1], Kind.COST_PERFORMANCE, None, (2026, 5, 5), 'Idem', 'Contrôle renforcé',
                          'Paul Durand', (2026, 5, 29), '-2500.00 EUR')

    def test_refused_actions(self):
        p, affair = textbook_with_travel()
        affair.record_corrective_action(answer())
        journal = p.get_journal()
        n = journal.get_n_entries()
        # an empty owner; a due date (4 May) before the decision (5 May);
        # an effect in dollars for a contract in euros
        self.assertAffError(E.INVALID_VALUE, affair.record_corrective_action, answer(owner=''))
        self.assertAffError(E.INVALID_VALUE, affair.record_corrective_action,
                            answer(date=(2026, 5, 5), due=(2026, 5, 4)))
        self.assertAffError(E.CURRENCY_MISMATCH, affair.record_corrective_action, answer(eac_effect='1.00 USD'))
        # an empty analysis or action; invalid dates
        self.assertAffError(E.INVALID_VALUE, affair.record_corrective_action, answer(analysis=''))
        self.assertAffError(E.INVALID_VALUE, affair.record_corrective_action, answer(action=''))
        invalid = GLib.Date.new()
        self.assertAffError(E.INVALID_VALUE, affair.record_corrective_action,
                            Aff.CorrectiveAction.new(Kind.COST_PERFORMANCE, None, invalid, 'cause', 'action',
                                                     'Claire Martin', D(2026, 5, 29), M('0.00 EUR')))
        self.assertAffError(E.INVALID_VALUE, affair.record_corrective_action,
                            Aff.CorrectiveAction.new(Kind.COST_PERFORMANCE, None, D(2026, 5, 4), 'cause', 'action',
                                                     'Claire Martin', invalid, M('0.00 EUR')))
        # nothing recorded, nothing journaled
        self.assertEqual(journal.get_n_entries(), n)
        self.assertEqual([a.get_owner() for a in affair.list_corrective_actions()], ['Claire Martin'])
        # due the day of the decision is fine, and so is no effect at all
        self.assertTrue(affair.record_corrective_action(answer(due=(2026, 5, 4), eac_effect='0.00 EUR')))
        self.assertEqual(len(affair.list_corrective_actions()), 2)

    def test_corrective_action_object(self):
        a = answer(kind=Kind.BUDGET_OVERRUN, subject='T1/travel', date=(2026, 5, 6),
                   analysis='Déplacement non prévu', action='Refacturer au client', owner='Paul Durand',
                   due=(2026, 6, 30), eac_effect='-500.00 EUR')
        self.assertAction(a, Kind.BUDGET_OVERRUN, 'T1/travel', (2026, 5, 6), 'Déplacement non prévu',
                          'Refacturer au client', 'Paul Durand', (2026, 6, 30), '-500.00 EUR')
        copy = a.copy()
        del a
        gc.collect()
        self.assertAction(copy, Kind.BUDGET_OVERRUN, 'T1/travel', (2026, 5, 6), 'Déplacement non prévu',
                          'Refacturer au client', 'Paul Durand', (2026, 6, 30), '-500.00 EUR')
        self.assertAction(answer(), Kind.COST_PERFORMANCE, None, (2026, 5, 4), 'Soudures reprises',
                          'Soudeur qualifié en renfort', 'Claire Martin', (2026, 5, 29), '-2500.00 EUR')

    def test_journal(self):
        p, affair = textbook_with_travel()
        journal = p.get_journal()
        n = journal.get_n_entries()
        affair.record_corrective_action(answer())
        affair.record_corrective_action(answer(kind=Kind.BUDGET_OVERRUN, subject='T1/travel', date=(2026, 5, 6),
                                               analysis='Déplacement non prévu', action='Refacturer au client',
                                               owner='Paul Durand', due=(2026, 6, 30), eac_effect='-500.00 EUR'))
        entries = entries_from(journal, n)
        self.assertEqual([e.get_action() for e in entries], ['corrective-action-recorded'] * 2)
        for e in entries:
            self.assertEqual(e.get_entity_kind(), 'affair')
            self.assertEqual(e.get_entity_id(), 'OFF-1')
            self.assertEqual(e.get_actor(), 'Claire Martin')
        self.assertTrue(journal.verify())

        detail = lambda i, key: entries[i].dup_detail(key)  # noqa: E731
        self.assertEqual(detail(0, 'kind'), 'cost-performance')
        # the whole affair's drift: no subject
        self.assertIsNone(detail(0, 'subject'))
        self.assertEqual(detail(0, 'date'), '2026-05-04')
        self.assertEqual(detail(0, 'analysis'), 'Soudures reprises')
        self.assertEqual(detail(0, 'action'), 'Soudeur qualifié en renfort')
        self.assertEqual(detail(0, 'owner'), 'Claire Martin')
        self.assertEqual(detail(0, 'due'), '2026-05-29')
        self.assertEqual(detail(0, 'eac_effect'), '-2500.00 EUR')
        self.assertEqual(detail(1, 'kind'), 'budget-overrun')
        self.assertEqual(detail(1, 'subject'), 'T1/travel')
        self.assertEqual(detail(1, 'date'), '2026-05-06')
        self.assertEqual(detail(1, 'analysis'), 'Déplacement non prévu')
        self.assertEqual(detail(1, 'action'), 'Refacturer au client')
        self.assertEqual(detail(1, 'owner'), 'Paul Durand')
        self.assertEqual(detail(1, 'due'), '2026-06-30')
        self.assertEqual(detail(1, 'eac_effect'), '-500.00 EUR')
        # the journaled kind nicks are those of the document's format
        nicks = {Kind.COST_PERFORMANCE: 'cost-performance', Kind.SCHEDULE_PERFORMANCE: 'schedule-performance',
                 Kind.MARGIN_EROSION: 'margin-erosion', Kind.MILESTONE_SLIP: 'milestone-slip',
                 Kind.CONCORDANCE: 'concordance', Kind.BUDGET_OVERRUN: 'budget-overrun'}
        for kind, nick in nicks.items():
            m = journal.get_n_entries()
            affair.record_corrective_action(answer(kind=kind))
            self.assertEqual(journal.get_entry(m).dup_detail('kind'), nick)
        self.assertTrue(journal.verify())

    def test_kind_and_subject_must_match(self):
        p, affair = textbook_with_travel()
        # the CPI drift is the whole affair's, not T1's; the travel drift is
        # not T1's labour; the SPI answer answers the SPI only; the margin
        # answer comes on the 5th
        affair.record_corrective_action(answer(subject='T1'))
        affair.record_corrective_action(answer(kind=Kind.BUDGET_OVERRUN, subject='T1/labour'))
        affair.record_corrective_action(answer(kind=Kind.SCHEDULE_PERFORMANCE, owner='Paul Durand'))
        affair.record_corrective_action(answer(kind=Kind.MARGIN_EROSION, date=(2026, 5, 5), owner='Jeanne Roy'))
        drifts = affair.list_drifts(D(2026, 5, 4))
        self.assertEqual(kinds(drifts), [(Kind.COST_PERFORMANCE, None), (Kind.SCHEDULE_PERFORMANCE, None),
                                         (Kind.MARGIN_EROSION, None), (Kind.BUDGET_OVERRUN, 'T1/travel')])
        self.assertIsNone(drifts[0].get_corrective_action())
        self.assertEqual(drifts[1].get_corrective_action().get_owner(), 'Paul Durand')
        self.assertIsNone(drifts[2].get_corrective_action())
        self.assertIsNone(drifts[3].get_corrective_action())
        # On 6 May: PV 50 000 + 50 000 × 2 / 10 (5 and 6 May) = 60 000, SPI
        # 40 000 / 60 000; the rest as on the 4th. The margin answer is
        # known now; the travel gets its own.
        affair.record_corrective_action(answer(kind=Kind.BUDGET_OVERRUN, subject='T1/travel', date=(2026, 5, 6),
                                               owner='Luc Petit', due=(2026, 5, 6)))
        drifts = affair.list_drifts(D(2026, 5, 6))
        self.assertEqual(kinds(drifts), [(Kind.COST_PERFORMANCE, None), (Kind.SCHEDULE_PERFORMANCE, None),
                                         (Kind.MARGIN_EROSION, None), (Kind.BUDGET_OVERRUN, 'T1/travel')])
        self.assertAlmostEqual(drifts[1].get_value(), 40000 / 60000, delta=1e-9)
        self.assertIsNone(drifts[0].get_corrective_action())
        self.assertEqual([d.get_corrective_action().get_owner() for d in drifts[1:]],
                         ['Paul Durand', 'Jeanne Roy', 'Luc Petit'])
        self.assertEqual(drifts[3].get_corrective_action().get_subject(), 'T1/travel')

    def test_undefined_indicators_never_drift(self):
        p, affair = new_finance_portfolio()
        # The day before the start: CPI 0 / 0 and SPI 0 / 0 are undefined,
        # the margin is the offer's, nothing is spent, the schedule is its
        # baseline: no drift.
        self.assertEqual(affair.list_drifts(D(2026, 4, 19)), [])
        # The first day: PV 50 000 × 1 / 10 = 5 000, EV 0, AC 0: the CPI is
        # still undefined, the SPI 0 / 5 000 = 0 is defined and drifts.
        drifts = affair.list_drifts(D(2026, 4, 20))
        self.assertEqual(len(drifts), 1)
        self.assertDrift(drifts[0], Kind.SCHEDULE_PERFORMANCE, None, 0.0, 0.9)

    def test_without_a_plan(self):
        """Without a plan: PV 0, the SPI undefined, no baseline to slip
        against. CPI 40 000 / 45 000 and the margin rate 6 % against 16 %
        (10 points) still drift; 0.4, 0.4 and 0.3 are concordant."""
        p, affair = textbook(with_plan=False)
        drifts = affair.list_drifts(D(2026, 5, 4))
        self.assertEqual(kinds(drifts), [(Kind.COST_PERFORMANCE, None), (Kind.MARGIN_EROSION, None)])
        self.assertDrift(drifts[0], Kind.COST_PERFORMANCE, None, 40000 / 45000, 0.95)
        self.assertDrift(drifts[1], Kind.MARGIN_EROSION, None, -10.0, -2.0)

    def test_budget_overruns_in_order(self):
        """The budget lines first, in their order (T1 labour, T2 material),
        then the costs without a budget, in the order of the ledger, though
        the travel came first."""
        p, affair = new_finance_portfolio()
        ledger = affair.get_ledger()
        # 100.00 of travel for the whole affair, before anything else
        cost(ledger, D(2026, 4, 21), None, Cat.TRAVEL, ACTUAL, '100.00 EUR', 'NF-1')
        record_textbook(affair)
        cost(ledger, D(2026, 5, 4), 'T2', Cat.EQUIPMENT, ACTUAL, '200.00 EUR', 'LOC-1')
        cost(ledger, D(2026, 5, 4), 'T1', Cat.LABOUR, ACTUAL, '11000.00 EUR', 'TS-19')
        cost(ledger, D(2026, 5, 11), 'T2', Cat.MATERIAL, ACTUAL, '40000.00 EUR', 'FA-992')
        policy = p.get_policy()
        # only the overruns
        policy.set_drift_cpi_threshold(0)
        policy.set_drift_spi_threshold(0)
        policy.set_drift_margin_points(10000)
        policy.set_concordance_tolerance(10000)

        # 11 May: T1 labour 30 000 + 15 000 + 11 000 = 56 000 of 50 000
        # (1.12); T2 material 20 000 + 40 000 = 60 000 of 50 000 (1.2; the
        # order PO-7 is not an actual cost); travel and T2's equipment have
        # no budget.
        # Even 100 points of margin are not enough that day: AC 100 + 56 000
        # + 200 + 60 000 = 116 300, EAC 100 000 × 116 300 / 40 000 = 290 750,
        # cost at completion 295 750, margin −170 750, rate −13 660 bp, that
        # is 152.60 points below the offer's 16 %.
        drifts = affair.list_drifts(D(2026, 5, 11))
        self.assertEqual(kinds(drifts), [(Kind.MARGIN_EROSION, None),
                                         (Kind.BUDGET_OVERRUN, 'T1/labour'), (Kind.BUDGET_OVERRUN, 'T2/material'),
                                         (Kind.BUDGET_OVERRUN, 'travel'), (Kind.BUDGET_OVERRUN, 'T2/equipment')])
        self.assertDrift(drifts[0], Kind.MARGIN_EROSION, None, -152.6, -100.0)
        drifts = drifts[1:]
        for d, value in zip(drifts, [1.12, 1.2, 0.0, 0.0]):
            self.assertDrift(d, Kind.BUDGET_OVERRUN, d.get_subject(), value, 1.1)
        self.assertIn('T1/labour', drifts[0].get_message())
        self.assertIn('56\u202f000,00\u00a0€', drifts[0].get_message())
        self.assertIn('50\u202f000,00\u00a0€', drifts[0].get_message())
        self.assertIn('60\u202f000,00\u00a0€', drifts[1].get_message())
        self.assertEqual(drifts[2].get_message(), 'travel : 100,00\u00a0€ de coûts réels sans budget')
        self.assertEqual(drifts[3].get_message(), 'T2/equipment : 200,00\u00a0€ de coûts réels sans budget')

        # 10 May: the invoices of the 11th are not counted, T2's material
        # has no actual cost yet; AC 56 300, EAC 140 750, margin −20 750,
        # −1 660 bp: 32.60 points lost, within 100
        drifts = affair.list_drifts(D(2026, 5, 10))
        self.assertEqual(kinds(drifts), [(Kind.BUDGET_OVERRUN, 'T1/labour'), (Kind.BUDGET_OVERRUN, 'travel'),
                                         (Kind.BUDGET_OVERRUN, 'T2/equipment')])

        # 12 % allowed: 56 000 × 10 000 = 50 000 × 11 200 does not drift;
        # 60 000 does, against 1.12
        policy.set_drift_overrun_rate(1200)
        drifts = affair.list_drifts(D(2026, 5, 11))
        self.assertEqual(kinds(drifts), [(Kind.MARGIN_EROSION, None), (Kind.BUDGET_OVERRUN, 'T2/material'),
                                         (Kind.BUDGET_OVERRUN, 'travel'), (Kind.BUDGET_OVERRUN, 'T2/equipment')])
        self.assertDrift(drifts[1], Kind.BUDGET_OVERRUN, 'T2/material', 1.2, 1.12)
        self.assertDrift(drifts[2], Kind.BUDGET_OVERRUN, 'travel', 0.0, 1.12)

    def test_messages_in_the_policy_language(self):
        p, affair = textbook_with_travel()
        french = affair.list_drifts(D(2026, 5, 4))
        self.assertTrue(p.get_policy().set_language('en'))
        english = affair.list_drifts(D(2026, 5, 4))
        self.assertEqual(kinds(english), kinds(french))
        for f, e in zip(french, english):
            self.assertNotEqual(e.get_message(), '')
            self.assertNotEqual(e.get_message(), f.get_message())
            self.assertEqual(e.get_value(), f.get_value())
            self.assertEqual(e.get_threshold(), f.get_threshold())
        self.assertIn('T1/travel', english[3].get_message())
        self.assertIn('€500.00', english[3].get_message())
        self.assertNotIn('coûts', english[3].get_message())

    def test_lists_outlive_their_arrays(self):
        # The lists are (transfer container): the wrappers keep copies of
        # the drifts and actions, which must outlive the arrays.
        p, affair = textbook_with_travel()
        affair.record_corrective_action(answer())
        affair.record_corrective_action(later_answer())
        drift = affair.list_drifts(D(2026, 5, 4))[0]
        action = affair.list_drifts(D(2026, 5, 6))[0].get_corrective_action()
        second = affair.list_corrective_actions()[1]
        gc.collect()
        # more lists over the freed memory
        for i in range(20):
            affair.list_drifts(D(2026, 5, 4))
            affair.list_corrective_actions()
        gc.collect()
        self.assertDrift(drift, Kind.COST_PERFORMANCE, None, 40000 / 45500, 0.95)
        self.assertEqual(drift.get_corrective_action().get_owner(), 'Claire Martin')
        self.assertAction(action, Kind.COST_PERFORMANCE, None, (2026, 5, 5), 'Idem', 'Contrôle renforcé',
                          'Paul Durand', (2026, 5, 29), '-2500.00 EUR')
        self.assertAction(second, Kind.COST_PERFORMANCE, None, (2026, 5, 5), 'Idem', 'Contrôle renforcé',
                          'Paul Durand', (2026, 5, 29), '-2500.00 EUR')
        copy = drift.copy()
        del drift
        gc.collect()
        self.assertEqual(copy.get_corrective_action().get_owner(), 'Claire Martin')
        self.assertEqual(copy.get_subject(), None)

    def test_round_trip(self):
        p, affair = textbook_with_travel()
        affair.record_corrective_action(answer())
        affair.record_corrective_action(answer(kind=Kind.BUDGET_OVERRUN, subject='T1/travel', date=(2026, 5, 6),
                                               analysis='Déplacement non prévu', action='Refacturer au client',
                                               owner='Paul Durand', due=(2026, 6, 30), eac_effect='-500.00 EUR'))
        text = to_text(p)
        finance = json.loads(text)['affairs'][0]['finance']
        self.assertEqual(finance['corrective_actions'], [
            {'kind': 'cost-performance', 'date': '2026-05-04', 'analysis': 'Soudures reprises',
             'action': 'Soudeur qualifié en renfort', 'owner': 'Claire Martin', 'due': '2026-05-29',
             'eac_effect': '-2500.00 EUR'},
            {'kind': 'budget-overrun', 'subject': 'T1/travel', 'date': '2026-05-06',
             'analysis': 'Déplacement non prévu', 'action': 'Refacturer au client', 'owner': 'Paul Durand',
             'due': '2026-06-30', 'eac_effect': '-500.00 EUR'},
        ])
        self.assertEqual(list(finance)[-1], 'corrective_actions')

        q = Aff.Portfolio.new_from_data(text, -1)
        self.assertEqual(to_text(q), text)
        self.assertEqual(q.get_journal().get_head_hash(), p.get_journal().get_head_hash())
        self.assertTrue(q.get_journal().verify())
        loaded = q.lookup_affair('OFF-1')
        actions = loaded.list_corrective_actions()
        self.assertEqual(len(actions), 2)
        self.assertAction(actions[0], Kind.COST_PERFORMANCE, None, (2026, 5, 4), 'Soudures reprises',
                          'Soudeur qualifié en renfort', 'Claire Martin', (2026, 5, 29), '-2500.00 EUR')
        self.assertAction(actions[1], Kind.BUDGET_OVERRUN, 'T1/travel', (2026, 5, 6), 'Déplacement non prévu',
                          'Refacturer au client', 'Paul Durand', (2026, 6, 30), '-500.00 EUR')
        # the loaded affair drifts alike, and its answers are attached
        for owner in (affair, loaded):
            drifts = owner.list_drifts(D(2026, 5, 6))
            self.assertEqual(kinds(drifts), [(Kind.COST_PERFORMANCE, None), (Kind.SCHEDULE_PERFORMANCE, None),
                                             (Kind.MARGIN_EROSION, None), (Kind.BUDGET_OVERRUN, 'T1/travel')])
            self.assertEqual(drifts[0].get_corrective_action().get_owner(), 'Claire Martin')
            self.assertIsNone(drifts[1].get_corrective_action())
            self.assertEqual(drifts[3].get_corrective_action().get_owner(), 'Paul Durand')
        # it goes on recording, and journaling
        loaded.record_corrective_action(later_answer())
        self.assertEqual(len(loaded.list_corrective_actions()), 3)
        self.assertEqual(len(affair.list_corrective_actions()), 2)
        last = q.get_journal().get_entry(q.get_journal().get_n_entries() - 1)
        self.assertEqual(last.get_action(), 'corrective-action-recorded')
        self.assertTrue(q.get_journal().verify())

    def test_loader_refuses_bad_actions(self):
        p, affair = textbook_with_travel()
        affair.record_corrective_action(answer())
        good = json.loads(to_text(p))
        path = '$.affairs[0].finance.corrective_actions[0]'
        for member, value in [('owner', ''), ('due', '2026-05-03'), ('eac_effect', '-2500.00 USD')]:
            with self.subTest(member=member):
                doc = json.loads(json.dumps(good))
                doc['affairs'][0]['finance']['corrective_actions'][0][member] = value
                e = self.assertAffError(E.INVALID_DOCUMENT, Aff.Portfolio.new_from_data, json.dumps(doc), -1)
                self.assertTrue(e.message.startswith(path), e.message)


class DriftThresholdsTest(DriftTestCase):
    def test_drift_thresholds(self):
        p, affair = textbook()
        policy = p.get_policy()
        plan = affair.get_plan()
        ledger = affair.get_ledger()
        may4 = D(2026, 5, 4)

        # Thresholds just below what the affair shows (CPI 0.8889 × 10 000
        # = 8 888.9, not below 8 888; SPI 8 000, not below 8 000; 10 points
        # of margin lost, not more than 10): nothing drifts.
        policy.set_drift_cpi_threshold(8888)
        policy.set_drift_spi_threshold(8000)
        policy.set_drift_margin_points(1000)
        self.assertEqual(affair.list_drifts(may4), [])

        # T1's labour at exactly 110 % of its 50 000 does not drift; a cent
        # more does.
        cost(ledger, may4, 'T1', Cat.LABOUR, ACTUAL, '10000.00 EUR', 'TS-19')
        policy.set_drift_cpi_threshold(0)
        policy.set_drift_spi_threshold(0)
        policy.set_drift_margin_points(10000)
        policy.set_concordance_tolerance(10000)
        self.assertEqual(affair.list_drifts(may4), [])
        cost(ledger, may4, 'T1', Cat.LABOUR, ACTUAL, '0.01 EUR', 'TS-20')
        drifts = affair.list_drifts(may4)
        self.assertEqual(len(drifts), 1)
        # 55 000.01 / 50 000
        self.assertDrift(drifts[0], Kind.BUDGET_OVERRUN, 'T1/labour', 5500001 / 5000000, 1.1, delta=1e-12)
        policy.set_drift_overrun_rate(100000)
        self.assertEqual(affair.list_drifts(may4), [])

        # A milestone after T2, in a new baseline; then T1 takes 7 working
        # days more (17 instead of 10): T2, and M1 after it, slip 7 working
        # days, beyond 5. T2 is no milestone.
        milestone = Aff.Task.new('M1', 'Réception', 0)
        plan.add_task(milestone)
        milestone.props.kind = Aff.TaskKind.MILESTONE
        plan.add_dependency('T2', 'M1', Aff.DependencyType.FINISH_START, 0)
        plan.schedule()
        plan.save_baseline('avenant')
        # in the baseline nothing has moved
        self.assertEqual(affair.list_drifts(may4), [])
        plan.lookup_task('T1').props.duration = 17
        plan.schedule()
        # T1: 20 – 24 April (5), 27 – 30 April (4), 4 – 7 May (4), 11 – 13
        # May (3), 15 May (1): it ends on 15 May instead of 4 May
        self.assertEqual(ymd(plan.lookup_task('T1').get_early_finish()), (2026, 5, 15))
        drifts = affair.list_drifts(may4)
        self.assertEqual(len(drifts), 1)
        d = self.assertDrift(drifts[0], Kind.MILESTONE_SLIP, 'M1')
        self.assertEqual(d.get_value(), 7.0)
        self.assertEqual(d.get_threshold(), 5.0)
        self.assertIn('M1', d.get_message())
        self.assertIn('7', d.get_message())
        policy.set_drift_slip_days(6)
        self.assertEqual(kinds(affair.list_drifts(may4)), [(Kind.MILESTONE_SLIP, 'M1')])
        policy.set_drift_slip_days(7)
        self.assertEqual(affair.list_drifts(may4), [])

        # Concordance: physical 40 000 / 100 000 = 0.4; cost 55 000.01 /
        # EAC, the EAC 100 000 × 55 000.01 / 40 000 = 137 500.025 rounded
        # half to even to 137 500.02, so 0.4 + 0.20 / 13 750 002 (the cents
        # 5 500 001 against 0.4 × 13 750 002 = 5 500 000.8); billing 37 500 /
        # 125 000 = 0.3. A gap of 0.1 + 0.2 / 13 750 002, 10 points beyond
        # 9.99.
        policy.set_concordance_tolerance(999)
        drifts = affair.list_drifts(may4)
        self.assertEqual(len(drifts), 1)
        d = self.assertDrift(drifts[0], Kind.CONCORDANCE, None)
        self.assertAlmostEqual(d.get_value(), 0.1 + 0.2 / 13750002, delta=1e-12)
        s = status_on(affair, 2026, 5, 4)
        self.assertMoney(s.get_eac(), '137500.02 EUR')
        self.assertFalse(s.is_concordant()[0])
        policy.set_concordance_tolerance(1000)
        self.assertEqual(affair.list_drifts(may4), [])

    def test_threshold_boundaries(self):
        """One step past each threshold of the textbook case drifts."""
        p, affair = textbook()
        policy = p.get_policy()
        may4 = D(2026, 5, 4)
        # 8 888.9 < 8 889; 8 000 < 8 001; 10 points lost > 9.99
        policy.set_drift_cpi_threshold(8889)
        policy.set_drift_spi_threshold(8001)
        policy.set_drift_margin_points(999)
        drifts = affair.list_drifts(may4)
        self.assertEqual(kinds(drifts), [(Kind.COST_PERFORMANCE, None), (Kind.SCHEDULE_PERFORMANCE, None),
                                         (Kind.MARGIN_EROSION, None)])
        self.assertDrift(drifts[0], Kind.COST_PERFORMANCE, None, 40000 / 45000, 0.8889)
        self.assertDrift(drifts[1], Kind.SCHEDULE_PERFORMANCE, None, 0.8, 0.8001)
        self.assertDrift(drifts[2], Kind.MARGIN_EROSION, None, -10.0, -9.99)
        # the defaults: 0.8889 < 0.95, 0.8 < 0.9, 10 points > 2
        policy.set_drift_cpi_threshold(9500)
        policy.set_drift_spi_threshold(9000)
        policy.set_drift_margin_points(200)
        drifts = affair.list_drifts(may4)
        self.assertEqual(kinds(drifts), [(Kind.COST_PERFORMANCE, None), (Kind.SCHEDULE_PERFORMANCE, None),
                                         (Kind.MARGIN_EROSION, None)])
        self.assertDrift(drifts[0], Kind.COST_PERFORMANCE, None, 40000 / 45000, 0.95)
        self.assertDrift(drifts[2], Kind.MARGIN_EROSION, None, -10.0, -2.0)


class DriftPolicyTest(DriftTestCase):
    SETTINGS = ['drift_cpi_threshold', 'drift_spi_threshold', 'drift_margin_points', 'drift_slip_days',
                'drift_overrun_rate']
    DEFAULTS = [9500, 9000, 200, 5, 1000]

    def values(self, policy):
        return [getattr(policy, 'get_' + name)() for name in self.SETTINGS]

    def test_defaults(self):
        for policy in (Aff.Policy.new(), new_finance_portfolio()[0].get_policy()):
            self.assertEqual(self.values(policy), self.DEFAULTS)
            self.assertEqual([policy.get_property(name.replace('_', '-')) for name in self.SETTINGS],
                             self.DEFAULTS)
            self.assertEqual([getattr(policy.props, name) for name in self.SETTINGS], self.DEFAULTS)

    def test_properties_and_notify(self):
        policy = Aff.Policy.new()
        seen = []
        policy.connect('notify', lambda obj, pspec: seen.append(pspec.name))
        policy.props.drift_cpi_threshold = 9000
        policy.set_drift_cpi_threshold(9000)          # unchanged: no notify
        policy.set_drift_spi_threshold(8500)
        policy.set_property('drift-margin-points', 300)
        policy.props.drift_slip_days = 10
        policy.set_drift_overrun_rate(1500)
        self.assertEqual(seen, ['drift-cpi-threshold', 'drift-spi-threshold', 'drift-margin-points',
                                'drift-slip-days', 'drift-overrun-rate'])
        self.assertEqual(self.values(policy), [9000, 8500, 300, 10, 1500])
        self.assertEqual([getattr(policy.props, name) for name in self.SETTINGS], [9000, 8500, 300, 10, 1500])

    def test_round_trip(self):
        p, affair = textbook()
        policy = p.get_policy()
        journal = p.get_journal()
        n = journal.get_n_entries()
        policy.set_drift_cpi_threshold(8888)
        policy.set_drift_spi_threshold(8000)
        policy.set_drift_margin_points(1000)
        policy.set_drift_slip_days(7)
        policy.set_drift_overrun_rate(2500)
        # each change journaled as the policy's "changed"
        entries = entries_from(journal, n)
        self.assertEqual([(e.get_entity_kind(), e.get_entity_id(), e.get_action()) for e in entries],
                         [('policy', 'policy', 'changed')] * 5)
        self.assertEqual([e.get_details() for e in entries],
                         ['{"property":"drift-cpi-threshold","value":8888}',
                          '{"property":"drift-spi-threshold","value":8000}',
                          '{"property":"drift-margin-points","value":1000}',
                          '{"property":"drift-slip-days","value":7}',
                          '{"property":"drift-overrun-rate","value":2500}'])

        text = to_text(p)
        saved = json.loads(text)['policy']
        self.assertEqual([saved[name] for name in self.SETTINGS], [8888, 8000, 1000, 7, 2500])
        q = Aff.Portfolio.new_from_data(text, -1)
        self.assertEqual(to_text(q), text)
        self.assertEqual(self.values(q.get_policy()), [8888, 8000, 1000, 7, 2500])
        # the loaded affair measures its drifts against the loaded policy:
        # CPI 0.8889, SPI 0.8 and 10 points of margin are within them
        self.assertEqual(q.lookup_affair('OFF-1').list_drifts(D(2026, 5, 4)), [])
        self.assertEqual(len(affair.list_drifts(D(2026, 5, 4))), 0)

        # the defaults are saved too, and a policy without them loads with
        # the defaults
        p2, _ = new_finance_portfolio()
        doc = json.loads(to_text(p2))
        self.assertEqual([doc['policy'][name] for name in self.SETTINGS], self.DEFAULTS)
        for name in self.SETTINGS:
            del doc['policy'][name]
        again = Aff.Portfolio.new_from_data(json.dumps(doc), -1)
        self.assertEqual(self.values(again.get_policy()), self.DEFAULTS)


# ---- Billing --------------------------------------------------------------
#
# tests/c/test-finance.c, test_billing_schedule,
# test_billing_errors_and_guarantee and test_late_and_supplier_payments, and
# the rules of docs/rules.md, "Billing". The affair is the one at the top
# with the billing terms of new_finance_portfolio(billing=True): a 30 %
# advance (3000 bp of the 125 000.00 contract: 37 500.00), monthly
# situations, 5 % retention (500 bp), payment at 45 days end of month, VAT
# 20 % (2000 bp). Each product is rounded half to even.

BK = Aff.BillingKind


def billing_affair():
    """The affair with the billing terms: (portfolio, affair)."""
    return new_finance_portfolio(billing=True)


def due_on(affair, y, m, d):
    items = affair.list_billing_due(D(y, m, d))
    assert isinstance(items, list), items
    return items


def invoice_first(affair, items, reference, y, m, d):
    assert affair.invoice_billing_item(items[0], reference, D(y, m, d))


def finish(affair, task, start, end):
    """Sets the actual start and finish of a task of the plan."""
    t = affair.get_plan().lookup_task(task)
    t.set_actual_start(D(*start))
    t.set_actual_finish(D(*end))


def ids(milestones):
    return [m.get_id() for m in milestones]


class BillingTestCase(FinanceTestCase):
    def assertItem(self, item, milestone, kind, due, amount, recovered, excluding, vat, including, retention,
                   payable):
        """assert_item of the C test."""
        self.assertIsInstance(item, Aff.BillingItem)
        self.assertEqual(item.get_milestone_id(), milestone)
        self.assertEqual(item.get_kind(), kind)
        self.assertEqual(ymd(item.get_due_date()), due)
        self.assertIsInstance(item.get_reason(), str)
        self.assertNotEqual(item.get_reason(), '')
        self.assertMoney(item.get_amount(), amount)
        self.assertMoney(item.get_advance_recovered(), recovered)
        self.assertMoney(item.get_excluding_vat(), excluding)
        self.assertMoney(item.get_vat(), vat)
        self.assertMoney(item.get_including_vat(), including)
        self.assertMoney(item.get_retention(), retention)
        self.assertMoney(item.get_payable(), payable)

    def assertLate(self, late, invoice, due, days, outstanding, interest, indemnity='40.00 EUR'):
        self.assertIsInstance(late, Aff.LatePayment)
        self.assertEqual(late.get_invoice(), invoice)
        self.assertEqual(ymd(late.get_due_date()), due)
        self.assertEqual(late.get_days_late(), days)
        self.assertMoney(late.get_outstanding(), outstanding)
        self.assertMoney(late.get_interest(), interest)
        self.assertMoney(late.get_indemnity(), indemnity)

    def assertSupplier(self, payment, document, supplier, task, accepted, amount):
        self.assertIsInstance(payment, Aff.SupplierPayment)
        self.assertEqual(payment.get_document(), document)
        self.assertEqual(payment.get_supplier(), supplier)
        self.assertEqual(payment.get_task_id(), task)
        self.assertEqual(ymd(payment.get_accepted()), accepted)
        self.assertMoney(payment.get_amount(), amount)


class BillingTermsTest(BillingTestCase):
    def test_terms_copied_from_the_offer(self):
        # Without the billing option the revision's defaults: payment at 30
        # days, not end of month, no advance, no situations, the policy's
        # retention of 500 bp and its VAT of 2000 bp.
        p, affair = new_finance_portfolio()
        self.assertEqual(affair.get_advance_rate(), 0)
        self.assertFalse(affair.get_progress_billing())
        self.assertEqual(affair.get_retention_rate(), 500)
        self.assertEqual(affair.get_payment_days(), 30)
        self.assertFalse(affair.get_payment_end_of_month())
        self.assertEqual(affair.get_vat_rate(), 2000)
        # so its schedule is only the balance and the release
        schedule = affair.list_billing_milestones()
        self.assertEqual(ids(schedule), ['solde', 'retenue'])
        self.assertEqual([m.get_kind() for m in schedule], [BK.FINAL, BK.RETENTION_RELEASE])
        # With it, the terms of the billing tests.
        p, affair = billing_affair()
        self.assertEqual(affair.get_advance_rate(), 3000)
        self.assertTrue(affair.get_progress_billing())
        self.assertEqual(affair.get_retention_rate(), 500)
        self.assertEqual(affair.get_payment_days(), 45)
        self.assertTrue(affair.get_payment_end_of_month())
        self.assertEqual(affair.get_vat_rate(), 2000)

    def test_milestone_object(self):
        m = Aff.BillingMilestone.new('M-T1', BK.MILESTONE, 4000, 'T1')
        self.assertEqual(m.get_id(), 'M-T1')
        self.assertEqual(m.get_kind(), BK.MILESTONE)
        self.assertEqual(m.get_basis_points(), 4000)
        self.assertEqual(m.get_task_id(), 'T1')
        copy = m.copy()
        del m
        gc.collect()
        self.assertEqual((copy.get_id(), copy.get_kind(), copy.get_basis_points(), copy.get_task_id()),
                         ('M-T1', BK.MILESTONE, 4000, 'T1'))
        advance = Aff.BillingMilestone.new('A', BK.ADVANCE, 1000, None)
        self.assertIsNone(advance.get_task_id())
        # the six kinds, in the order of the header
        self.assertEqual([int(k) for k in (BK.ADVANCE, BK.SITUATION, BK.MILESTONE, BK.FINAL,
                                            BK.RETENTION_RELEASE, BK.OTHER)], [0, 1, 2, 3, 4, 5])


class BillingScheduleTest(BillingTestCase):
    def test_billing_schedule(self):
        """The whole billing of the affair, by hand. Contract 125 000,
        advance 30 % = 37 500 excluding VAT, 45 000 with VAT 20 %. The
        situation of 30 April: 25 % done (T1 half done: EV 25 000 of
        100 000) → 31 250, recovering 37 500 × 31 250 / 125 000 = 9 375 of
        the advance: 21 875 excluding VAT, 4 375 of VAT, 26 250 with it,
        1 312.50 held (5 %), 24 937.50 to pay. The situation of 31 May:
        65 % (EV 40 000 + 25 000) → 81 250 − 31 250 = 50 000, recovering
        37 500 × 81 250 / 125 000 − 9 375 = 15 000: 35 000, 7 000, 42 000,
        2 100 held, 39 900. The balance at the acceptance (15 June):
        125 000 − 81 250 = 43 750, recovering the 13 125 left: 30 625,
        6 125, 36 750, 1 837.50 held, 34 912.50. The retention, 5 250 (5 %
        of the 105 000 of work with VAT), is released on 15 June 2027. In
        all the client pays 45 000 + 24 937.50 + 39 900 + 34 912.50 + 5 250
        = 150 000, the price with VAT."""
        p, affair = billing_affair()

        # The offer's terms make the schedule.
        schedule = affair.list_billing_milestones()
        self.assertEqual(len(schedule), 4)
        self.assertEqual(ids(schedule), ['acompte', 'situations', 'solde', 'retenue'])
        self.assertEqual([m.get_kind() for m in schedule],
                         [BK.ADVANCE, BK.SITUATION, BK.FINAL, BK.RETENTION_RELEASE])
        self.assertEqual(schedule[0].get_basis_points(), 3000)
        self.assertIsNone(schedule[0].get_task_id())

        # Nothing before the signature; the advance from it.
        self.assertEqual(due_on(affair, 2026, 4, 19), [])
        items = due_on(affair, 2026, 4, 20)
        self.assertEqual(len(items), 1)
        # 37 500 + 20 % = 45 000; nothing recovered or held on the advance
        self.assertItem(items[0], 'acompte', BK.ADVANCE, (2026, 4, 20), '37500.00 EUR', '0.00 EUR',
                        '37500.00 EUR', '7500.00 EUR', '45000.00 EUR', '0.00 EUR', '45000.00 EUR')
        invoice_first(affair, items, 'F-1', 2026, 4, 20)

        affair.record_progress('T1', D(2026, 4, 30), 5000)
        affair.record_progress('T1', D(2026, 5, 4), 8000)
        items = due_on(affair, 2026, 5, 4)
        self.assertEqual(len(items), 1)
        # the situation of the month ended 30 April, as computed above
        self.assertItem(items[0], 'situations', BK.SITUATION, (2026, 4, 30), '31250.00 EUR', '9375.00 EUR',
                        '21875.00 EUR', '4375.00 EUR', '26250.00 EUR', '1312.50 EUR', '24937.50 EUR')
        invoice_first(affair, items, 'F-2', 2026, 5, 2)
        # Invoiced: nothing more until the end of May.
        self.assertEqual(due_on(affair, 2026, 5, 30), [])

        affair.record_progress('T2', D(2026, 5, 29), 5000)
        items = due_on(affair, 2026, 6, 3)
        self.assertEqual(len(items), 1)
        self.assertItem(items[0], 'situations', BK.SITUATION, (2026, 5, 31), '50000.00 EUR', '15000.00 EUR',
                        '35000.00 EUR', '7000.00 EUR', '42000.00 EUR', '2100.00 EUR', '39900.00 EUR')
        invoice_first(affair, items, 'F-3', 2026, 6, 3)

        self.assertFalse(affair.get_acceptance()[0])
        # not before the signature (20 April)
        self.assertAffError(E.INVALID_VALUE, affair.record_acceptance, D(2026, 4, 1), False)
        self.assertTrue(affair.record_acceptance(D(2026, 6, 15), False))
        self.assertAffError(E.INVALID_TRANSITION, affair.record_acceptance, D(2026, 6, 15), False)
        accepted, on, guarantee = affair.get_acceptance()
        self.assertTrue(accepted)
        self.assertEqual(ymd(on), (2026, 6, 15))
        self.assertFalse(guarantee)

        # The June situation is not due before the end of June; the balance
        # is, from the acceptance.
        items = due_on(affair, 2026, 6, 15)
        self.assertEqual(len(items), 1)
        self.assertItem(items[0], 'solde', BK.FINAL, (2026, 6, 15), '43750.00 EUR', '13125.00 EUR',
                        '30625.00 EUR', '6125.00 EUR', '36750.00 EUR', '1837.50 EUR', '34912.50 EUR')
        invoice_first(affair, items, 'F-4', 2026, 6, 15)

        # Everything is billed: the progress is still 65 %, which the
        # situations billed already, and the balance billed the rest.
        self.assertEqual(due_on(affair, 2027, 6, 14), [])
        items = due_on(affair, 2027, 6, 15)
        self.assertEqual(len(items), 1)
        # 1 312.50 + 2 100 + 1 837.50 = 5 250 held, released without VAT
        self.assertItem(items[0], 'retenue', BK.RETENTION_RELEASE, (2027, 6, 15), '5250.00 EUR', '0.00 EUR',
                        '5250.00 EUR', '0.00 EUR', '5250.00 EUR', '0.00 EUR', '5250.00 EUR')
        self.assertIn('5\u202f250,00\u00a0€', items[0].get_reason())
        invoice_first(affair, items, 'F-5', 2027, 6, 15)
        # Released: invoicing it again is refused.
        self.assertAffError(E.INVALID_TRANSITION, affair.invoice_billing_item, items[0], 'F-6', D(2027, 7, 1))
        self.assertEqual(due_on(affair, 2028, 1, 1), [])

        # Billed (work): 31 250 + 50 000 + 43 750 = 125 000; the advance and
        # the release are not revenue.
        self.assertMoney(status_on(affair, 2027, 6, 15).get_billed(), '125000.00 EUR')
        # before the balance: 31 250 + 50 000
        self.assertMoney(status_on(affair, 2026, 6, 14).get_billed(), '81250.00 EUR')

    def test_listed_items_outlive_their_array(self):
        # (transfer container): the wrappers hold copies of the items
        p, affair = billing_affair()
        item = due_on(affair, 2026, 4, 20)[0]
        milestone = affair.list_billing_milestones()[1]
        gc.collect()
        for _ in range(20):
            due_on(affair, 2026, 4, 20)
            affair.list_billing_milestones()
        gc.collect()
        self.assertItem(item, 'acompte', BK.ADVANCE, (2026, 4, 20), '37500.00 EUR', '0.00 EUR',
                        '37500.00 EUR', '7500.00 EUR', '45000.00 EUR', '0.00 EUR', '45000.00 EUR')
        self.assertEqual(milestone.get_id(), 'situations')
        copy = item.copy()
        del item
        gc.collect()
        self.assertMoney(copy.get_payable(), '45000.00 EUR')
        self.assertTrue(affair.invoice_billing_item(copy, 'F-1', D(2026, 4, 20)))

    def test_items_due_together(self):
        """Nothing invoiced before the acceptance: on 15 June the advance,
        the situation of 31 May and the balance are all due, none of them
        recovering an advance that was never invoiced. The situation: EV on
        31 May 80 % of T1's 50 000 = 40 000 of 100 000, 40 % of 125 000 =
        50 000; VAT 10 000, 60 000, 3 000 held, 57 000. The balance: 125 000
        − 0 of work invoiced; VAT 25 000, 150 000, 7 500 held, 142 500."""
        p, affair = billing_affair()
        affair.record_progress('T1', D(2026, 4, 30), 5000)
        affair.record_progress('T1', D(2026, 5, 4), 8000)
        affair.record_acceptance(D(2026, 6, 15), False)
        items = due_on(affair, 2026, 6, 15)
        self.assertEqual([i.get_milestone_id() for i in items], ['acompte', 'situations', 'solde'])
        self.assertItem(items[0], 'acompte', BK.ADVANCE, (2026, 4, 20), '37500.00 EUR', '0.00 EUR',
                        '37500.00 EUR', '7500.00 EUR', '45000.00 EUR', '0.00 EUR', '45000.00 EUR')
        self.assertItem(items[1], 'situations', BK.SITUATION, (2026, 5, 31), '50000.00 EUR', '0.00 EUR',
                        '50000.00 EUR', '10000.00 EUR', '60000.00 EUR', '3000.00 EUR', '57000.00 EUR')
        self.assertItem(items[2], 'solde', BK.FINAL, (2026, 6, 15), '125000.00 EUR', '0.00 EUR',
                        '125000.00 EUR', '25000.00 EUR', '150000.00 EUR', '7500.00 EUR', '142500.00 EUR')
        # no retention held yet: nothing to release a year on
        self.assertEqual([i.get_milestone_id() for i in due_on(affair, 2027, 6, 15)],
                         ['acompte', 'situations', 'solde'])


class BillingAmendmentTest(BillingTestCase):
    def test_amendment_changes_the_revenue(self):
        """The schedule of test_billing_errors_and_guarantee (A: 10 %, M-T1:
        40 % on T1) with AV-1, +10 000, accepted on 2 May. The advance is a
        share of the contract amount: 12 500. The milestone, of the revenue
        at completion on its day: 40 % of 135 000 = 54 000, recovering
        12 500 × 54 000 / 135 000 = 5 000: 49 000, VAT 9 800, 58 800, 2 940
        held, 55 860. The balance: 135 000 − 54 000 = 81 000, recovering the
        7 500 left: 73 500, 14 700, 88 200, 4 410 held, 83 790. Released a
        year on: 2 940 + 4 410 = 7 350. In all 15 000 + 55 860 + 83 790 +
        7 350 = 162 000 = 135 000 × 1.2."""
        p, affair = billing_affair()
        affair.add_billing_milestone(Aff.BillingMilestone.new('A', BK.ADVANCE, 1000, None))
        affair.add_billing_milestone(Aff.BillingMilestone.new('M-T1', BK.MILESTONE, 4000, 'T1'))
        amendment = Aff.Amendment.new('AV-1', D(2026, 5, 1), M('10000.00 EUR'), 'Tubes supplémentaires')
        affair.add_amendment(amendment)
        affair.accept_amendment('AV-1', D(2026, 5, 2))
        items = due_on(affair, 2026, 4, 20)
        self.assertItem(items[0], 'A', BK.ADVANCE, (2026, 4, 20), '12500.00 EUR', '0.00 EUR', '12500.00 EUR',
                        '2500.00 EUR', '15000.00 EUR', '0.00 EUR', '15000.00 EUR')
        invoice_first(affair, items, 'F-1', 2026, 4, 20)
        finish(affair, 'T1', (2026, 4, 20), (2026, 5, 4))
        items = due_on(affair, 2026, 5, 4)
        self.assertEqual(len(items), 1)
        self.assertItem(items[0], 'M-T1', BK.MILESTONE, (2026, 5, 4), '54000.00 EUR', '5000.00 EUR',
                        '49000.00 EUR', '9800.00 EUR', '58800.00 EUR', '2940.00 EUR', '55860.00 EUR')
        invoice_first(affair, items, 'F-2', 2026, 5, 4)
        affair.record_acceptance(D(2026, 6, 15), False)
        items = due_on(affair, 2026, 6, 15)
        self.assertEqual(len(items), 1)
        self.assertItem(items[0], 'solde', BK.FINAL, (2026, 6, 15), '81000.00 EUR', '7500.00 EUR',
                        '73500.00 EUR', '14700.00 EUR', '88200.00 EUR', '4410.00 EUR', '83790.00 EUR')
        invoice_first(affair, items, 'F-3', 2026, 6, 15)
        items = due_on(affair, 2027, 6, 15)
        self.assertEqual(len(items), 1)
        self.assertItem(items[0], 'retenue', BK.RETENTION_RELEASE, (2027, 6, 15), '7350.00 EUR', '0.00 EUR',
                        '7350.00 EUR', '0.00 EUR', '7350.00 EUR', '0.00 EUR', '7350.00 EUR')
        # billed (work): 54 000 + 81 000
        self.assertMoney(status_on(affair, 2027, 6, 15).get_billed(), '135000.00 EUR')


class BillingErrorsTest(BillingTestCase):
    def test_billing_errors_and_guarantee(self):
        p, affair = billing_affair()
        advance = Aff.BillingMilestone.new('A', BK.ADVANCE, 1000, None)
        advance2 = Aff.BillingMilestone.new('A2', BK.ADVANCE, 1000, None)
        on_t1 = Aff.BillingMilestone.new('M-T1', BK.MILESTONE, 4000, 'T1')
        on_t9 = Aff.BillingMilestone.new('M-T9', BK.MILESTONE, 1000, 'T9')
        too_much = Aff.BillingMilestone.new('M-T2', BK.MILESTONE, 6001, 'T2')
        final = Aff.BillingMilestone.new('S', BK.FINAL, 0, None)

        self.assertTrue(affair.add_billing_milestone(advance))
        # a second advance; the same id again; a final step
        self.assertAffError(E.INVALID_VALUE, affair.add_billing_milestone, advance2)
        self.assertAffError(E.INVALID_VALUE, affair.add_billing_milestone, advance)
        self.assertAffError(E.INVALID_VALUE, affair.add_billing_milestone, final)
        e = self.assertAffError(E.NOT_FOUND, affair.add_billing_milestone, on_t9)
        self.assertIn('T9', e.message)
        self.assertTrue(affair.add_billing_milestone(on_t1))
        # 4000 + 6001 > 10000
        self.assertAffError(E.INVALID_VALUE, affair.add_billing_milestone, too_much)
        # Its own schedule: the offer's situations no longer apply.
        schedule = affair.list_billing_milestones()
        self.assertEqual(len(schedule), 4)
        self.assertEqual(ids(schedule), ['A', 'M-T1', 'solde', 'retenue'])
        self.assertEqual(schedule[1].get_task_id(), 'T1')
        self.assertEqual(schedule[1].get_basis_points(), 4000)

        # The advance: 10 % of 125 000 = 12 500; VAT 2 500; 15 000.
        items = due_on(affair, 2026, 4, 20)
        self.assertEqual(len(items), 1)
        self.assertItem(items[0], 'A', BK.ADVANCE, (2026, 4, 20), '12500.00 EUR', '0.00 EUR', '12500.00 EUR',
                        '2500.00 EUR', '15000.00 EUR', '0.00 EUR', '15000.00 EUR')
        invoice_first(affair, items, 'F-1', 2026, 4, 20)
        self.assertAffError(E.INVALID_TRANSITION, affair.invoice_billing_item, items[0], 'F-9', D(2026, 4, 20))
        self.assertAffError(E.DUPLICATE_ID, affair.invoice_billing_item, items[0], 'F-1', D(2026, 4, 20))

        # T1 finished on 4 May: 40 % of 125 000 = 50 000, recovering 12 500 ×
        # 50 000 / 125 000 = 5 000; 45 000, 9 000, 54 000, 2 700 held,
        # 51 300.
        finish(affair, 'T1', (2026, 4, 20), (2026, 5, 4))
        # not before its finish
        self.assertEqual(due_on(affair, 2026, 5, 3), [])
        items = due_on(affair, 2026, 5, 4)
        self.assertEqual(len(items), 1)
        self.assertItem(items[0], 'M-T1', BK.MILESTONE, (2026, 5, 4), '50000.00 EUR', '5000.00 EUR',
                        '45000.00 EUR', '9000.00 EUR', '54000.00 EUR', '2700.00 EUR', '51300.00 EUR')
        invoice_first(affair, items, 'F-2', 2026, 5, 4)

        # Accepted with a bank guarantee: the balance holds nothing back.
        # 75 000, recovering 7 500: 67 500, 13 500, 81 000.
        self.assertTrue(affair.record_acceptance(D(2026, 6, 15), True))
        accepted, on, guarantee = affair.get_acceptance()
        self.assertEqual((accepted, ymd(on), guarantee), (True, (2026, 6, 15), True))
        items = due_on(affair, 2026, 6, 15)
        self.assertEqual(len(items), 2)
        self.assertItem(items[0], 'solde', BK.FINAL, (2026, 6, 15), '75000.00 EUR', '7500.00 EUR',
                        '67500.00 EUR', '13500.00 EUR', '81000.00 EUR', '0.00 EUR', '81000.00 EUR')
        # The guarantee frees at once the 2 700 held on the milestone
        # invoice (5 % of its 54 000), without VAT.
        self.assertItem(items[1], 'retenue', BK.RETENTION_RELEASE, (2026, 6, 15), '2700.00 EUR', '0.00 EUR',
                        '2700.00 EUR', '0.00 EUR', '2700.00 EUR', '0.00 EUR', '2700.00 EUR')

    def test_refused_milestones(self):
        p, affair = billing_affair()
        journal = p.get_journal()
        n = journal.get_n_entries()
        for milestone in [
                Aff.BillingMilestone.new('M 1', BK.MILESTONE, 1000, 'T1'),      # not an id
                Aff.BillingMilestone.new('A', BK.ADVANCE, 0, None),             # below 1 bp
                Aff.BillingMilestone.new('A', BK.ADVANCE, 10001, None),         # beyond 10000 bp
                Aff.BillingMilestone.new('S', BK.SITUATION, 100, None),         # a share
                Aff.BillingMilestone.new('S', BK.SITUATION, 0, 'T1'),           # a task
                Aff.BillingMilestone.new('M', BK.MILESTONE, 1000, None),        # no task
                Aff.BillingMilestone.new('M', BK.MILESTONE, 0, 'T1'),           # no share
                Aff.BillingMilestone.new('M', BK.MILESTONE, 10001, 'T1'),       # beyond 10000 bp
                Aff.BillingMilestone.new('R', BK.RETENTION_RELEASE, 0, None),   # closes every schedule
                Aff.BillingMilestone.new('X', BK.OTHER, 0, None)]:              # by hand only
            with self.subTest(id=milestone.get_id(), kind=milestone.get_kind()):
                self.assertAffError(E.INVALID_VALUE, affair.add_billing_milestone, milestone)
        # nothing added, nothing journaled: still the offer's terms
        self.assertEqual(journal.get_n_entries(), n)
        self.assertEqual(ids(affair.list_billing_milestones()), ['acompte', 'situations', 'solde', 'retenue'])
        # the situations once; milestones up to exactly 10000 bp in all
        self.assertTrue(affair.add_billing_milestone(Aff.BillingMilestone.new('S', BK.SITUATION, 0, None)))
        self.assertAffError(E.INVALID_VALUE, affair.add_billing_milestone,
                            Aff.BillingMilestone.new('S2', BK.SITUATION, 0, None))
        self.assertTrue(affair.add_billing_milestone(Aff.BillingMilestone.new('M-T1', BK.MILESTONE, 4000, 'T1')))
        self.assertTrue(affair.add_billing_milestone(Aff.BillingMilestone.new('M-T2', BK.MILESTONE, 6000, 'T2')))
        self.assertAffError(E.INVALID_VALUE, affair.add_billing_milestone,
                            Aff.BillingMilestone.new('M-T2b', BK.MILESTONE, 1, 'T2'))
        # without an advance of its own, the offer's 30 % no longer applies
        self.assertEqual(ids(affair.list_billing_milestones()), ['S', 'M-T1', 'M-T2', 'solde', 'retenue'])
        self.assertEqual(due_on(affair, 2026, 4, 20), [])

    def test_refused_invoices(self):
        p, affair = billing_affair()
        journal = p.get_journal()
        items = due_on(affair, 2026, 4, 20)
        n = journal.get_n_entries()
        self.assertAffError(E.INVALID_VALUE, affair.invoice_billing_item, items[0], 'F 1', D(2026, 4, 20))
        self.assertAffError(E.INVALID_VALUE, affair.invoice_billing_item, items[0], 'F-1', GLib.Date.new())
        # the advance is due from the signature, 20 April, not on the 19th
        self.assertAffError(E.INVALID_TRANSITION, affair.invoice_billing_item, items[0], 'F-1', D(2026, 4, 19))
        self.assertEqual(journal.get_n_entries(), n)
        self.assertEqual(len(due_on(affair, 2026, 4, 20)), 1)
        # an invalid acceptance date
        self.assertAffError(E.INVALID_VALUE, affair.record_acceptance, GLib.Date.new(), False)
        self.assertFalse(affair.get_acceptance()[0])
        self.assertEqual(journal.get_n_entries(), n)
        # the acceptance on the signature day is fine
        self.assertTrue(affair.record_acceptance(D(2026, 4, 20), False))


class BillingByHandTest(BillingTestCase):
    def test_hand_invoice_is_work_billed(self):
        """An invoice recorded by hand (kind OTHER) is work billed, with VAT
        at the affair's 20 %, nothing recovered or held.

        F-1 the advance, 37 500, on 20 April; F-H by hand, 10 000, on 25
        April: VAT 2 000, 12 000 to pay. T1 half done on 30 April. The
        situation of 30 April bills the situations only: 31 250; but the
        advance is recovered on all the work billed, F-H included: 37 500 ×
        (10 000 + 31 250) / 125 000 = 12 375; 18 875 excluding VAT, 3 775
        of VAT, 22 650, 1 132.50 held, 21 517.50. At the acceptance (15
        June) the balance is 125 000 − (10 000 + 31 250) = 83 750,
        recovering the 25 125 left: 58 625, 11 725, 70 350, 3 517.50 held,
        66 832.50. The release a year on: 1 132.50 + 3 517.50 = 4 650. In
        all 45 000 + 12 000 + 21 517.50 + 66 832.50 + 4 650 = 150 000."""
        p, affair = billing_affair()
        journal = p.get_journal()
        invoice_first(affair, due_on(affair, 2026, 4, 20), 'F-1', 2026, 4, 20)
        n = journal.get_n_entries()
        self.assertTrue(affair.record_invoice('F-H', D(2026, 4, 25), M('10000.00 EUR')))
        e = journal.get_entry(n)
        self.assertEqual(e.get_action(), 'invoice-recorded')
        self.assertEqual(e.dup_detail('invoice'), 'F-H')
        self.assertEqual(e.dup_detail('kind'), 'other')
        self.assertIsNone(e.dup_detail('milestone'))
        self.assertEqual(e.dup_detail('date'), '2026-04-25')
        self.assertEqual(e.dup_detail('amount'), '10000.00 EUR')
        self.assertEqual(e.dup_detail('advance_recovered'), '0.00 EUR')
        self.assertEqual(e.dup_detail('vat'), '2000.00 EUR')          # 10 000 × 20 %
        self.assertEqual(e.dup_detail('retention'), '0.00 EUR')
        self.assertEqual(e.dup_detail('payable'), '12000.00 EUR')     # 10 000 + 2 000
        # billed (work): F-H, not the advance
        self.assertMoney(status_on(affair, 2026, 4, 25).get_billed(), '10000.00 EUR')
        # and it is no step of the schedule: the advance stays invoiced, the
        # rest is not due yet
        self.assertEqual(due_on(affair, 2026, 4, 29), [])

        affair.record_progress('T1', D(2026, 4, 30), 5000)
        items = due_on(affair, 2026, 5, 4)
        self.assertEqual(len(items), 1)
        self.assertItem(items[0], 'situations', BK.SITUATION, (2026, 4, 30), '31250.00 EUR', '12375.00 EUR',
                        '18875.00 EUR', '3775.00 EUR', '22650.00 EUR', '1132.50 EUR', '21517.50 EUR')
        invoice_first(affair, items, 'F-2', 2026, 5, 4)
        # 10 000 + 31 250
        self.assertMoney(status_on(affair, 2026, 5, 4).get_billed(), '41250.00 EUR')

        affair.record_acceptance(D(2026, 6, 15), False)
        # no progress since 30 April: the situation of 31 May is 31 250 −
        # 31 250 = 0, not due
        items = due_on(affair, 2026, 6, 15)
        self.assertEqual(len(items), 1)
        self.assertItem(items[0], 'solde', BK.FINAL, (2026, 6, 15), '83750.00 EUR', '25125.00 EUR',
                        '58625.00 EUR', '11725.00 EUR', '70350.00 EUR', '3517.50 EUR', '66832.50 EUR')
        invoice_first(affair, items, 'F-3', 2026, 6, 15)
        self.assertMoney(status_on(affair, 2026, 6, 15).get_billed(), '125000.00 EUR')
        items = due_on(affair, 2027, 6, 15)
        self.assertEqual(len(items), 1)
        self.assertItem(items[0], 'retenue', BK.RETENTION_RELEASE, (2027, 6, 15), '4650.00 EUR', '0.00 EUR',
                        '4650.00 EUR', '0.00 EUR', '4650.00 EUR', '0.00 EUR', '4650.00 EUR')

        # Late on 10 July 2026, none paid. Due dates, 45 days end of month:
        # F-1 20 April + 45 = 4 June → 30 June; F-H 25 April + 45 = 9 June →
        # 30 June; F-2 4 May + 45 = 18 June → 30 June; F-3 15 June + 45 =
        # 30 July → 31 July, not yet due. 10 days late at 12.15 %:
        # 45 000 × 0.1215 × 10 / 365 = 149.794… → 149.79; 12 000 → 39.945…
        # → 39.95; 21 517.50 → 71.626… → 71.63.
        late = affair.list_late_payments(D(2026, 7, 10))
        self.assertEqual([x.get_invoice() for x in late], ['F-1', 'F-H', 'F-2'])
        self.assertLate(late[0], 'F-1', (2026, 6, 30), 10, '45000.00 EUR', '149.79 EUR')
        self.assertLate(late[1], 'F-H', (2026, 6, 30), 10, '12000.00 EUR', '39.95 EUR')
        self.assertLate(late[2], 'F-2', (2026, 6, 30), 10, '21517.50 EUR', '71.63 EUR')

    def test_hand_invoice_before_the_balance(self):
        """F-1 the advance (37 500) on 20 April, F-H by hand, 25 000, on 30
        April, no progress; accepted 15 June with a bank guarantee: the
        balance is 125 000 − 25 000 = 100 000, recovering all the 37 500:
        62 500, VAT 12 500, 75 000, nothing held."""
        p, affair = billing_affair()
        invoice_first(affair, due_on(affair, 2026, 4, 20), 'F-1', 2026, 4, 20)
        affair.record_invoice('F-H', D(2026, 4, 30), M('25000.00 EUR'))
        affair.record_acceptance(D(2026, 6, 15), True)
        items = due_on(affair, 2026, 6, 15)
        self.assertEqual(len(items), 1)
        self.assertItem(items[0], 'solde', BK.FINAL, (2026, 6, 15), '100000.00 EUR', '37500.00 EUR',
                        '62500.00 EUR', '12500.00 EUR', '75000.00 EUR', '0.00 EUR', '75000.00 EUR')
        # F-H: 25 000 + 5 000 of VAT, due 30 April + 45 = 14 June → 30
        # June; on 10 July 30 000 × 0.1215 × 10 / 365 = 99.863… → 99.86
        late = affair.list_late_payments(D(2026, 7, 10))
        self.assertEqual([x.get_invoice() for x in late], ['F-1', 'F-H'])
        self.assertLate(late[1], 'F-H', (2026, 6, 30), 10, '30000.00 EUR', '99.86 EUR')


class BillingJournalTest(BillingTestCase):
    def test_journal(self):
        p, affair = billing_affair()
        journal = p.get_journal()
        n = journal.get_n_entries()
        affair.add_billing_milestone(Aff.BillingMilestone.new('A', BK.ADVANCE, 1000, None))
        affair.add_billing_milestone(Aff.BillingMilestone.new('M-T1', BK.MILESTONE, 4000, 'T1'))
        # refused: not journaled
        self.assertAffError(E.INVALID_VALUE, affair.add_billing_milestone,
                            Aff.BillingMilestone.new('A2', BK.ADVANCE, 1000, None))
        # the advance, 10 % of 125 000: 12 500, VAT 2 500, 15 000
        invoice_first(affair, due_on(affair, 2026, 4, 20), 'F-1', 2026, 4, 20)
        affair.record_acceptance(D(2026, 6, 15), True)
        # the balance: 125 000 − 0 of work, recovering the 12 500:
        # 112 500, VAT 22 500, 135 000, nothing held (guarantee)
        items = due_on(affair, 2026, 6, 15)
        self.assertEqual([i.get_milestone_id() for i in items], ['solde'])
        invoice_first(affair, items, 'F-2', 2026, 6, 16)

        entries = entries_from(journal, n)
        self.assertEqual([e.get_action() for e in entries],
                         ['billing-milestone-added', 'billing-milestone-added', 'invoice-recorded',
                          'acceptance-recorded', 'invoice-recorded'])
        for e in entries:
            self.assertEqual(e.get_entity_kind(), 'affair')
            self.assertEqual(e.get_entity_id(), 'OFF-1')
            self.assertEqual(e.get_actor(), 'Claire Martin')
        self.assertTrue(journal.verify())

        detail = lambda i, key: entries[i].dup_detail(key)  # noqa: E731
        self.assertEqual(detail(0, 'milestone'), 'A')
        self.assertEqual(detail(0, 'kind'), 'advance')
        self.assertEqual(detail(0, 'basis_points'), '1000')
        self.assertIsNone(detail(0, 'task'))
        self.assertEqual(detail(1, 'milestone'), 'M-T1')
        self.assertEqual(detail(1, 'kind'), 'milestone')
        self.assertEqual(detail(1, 'basis_points'), '4000')
        self.assertEqual(detail(1, 'task'), 'T1')
        expected = {
            2: {'invoice': 'F-1', 'kind': 'advance', 'milestone': 'A', 'date': '2026-04-20',
                'amount': '12500.00 EUR', 'advance_recovered': '0.00 EUR', 'vat': '2500.00 EUR',
                'retention': '0.00 EUR', 'payable': '15000.00 EUR'},
            4: {'invoice': 'F-2', 'kind': 'final', 'milestone': 'solde', 'date': '2026-06-16',
                'amount': '125000.00 EUR', 'advance_recovered': '12500.00 EUR', 'vat': '22500.00 EUR',
                'retention': '0.00 EUR', 'payable': '135000.00 EUR'},
        }
        for i, details in expected.items():
            for key, value in details.items():
                with self.subTest(entry=i, key=key):
                    self.assertEqual(detail(i, key), value)
        self.assertEqual(detail(3, 'date'), '2026-06-15')
        self.assertEqual(detail(3, 'bank_guarantee'), 'true')

    def test_kind_nicks(self):
        """The journaled kinds, one invoice of each step of the C test's
        schedule and one by hand."""
        p, affair = billing_affair()
        journal = p.get_journal()
        n = journal.get_n_entries()
        affair.record_acceptance(D(2026, 4, 20), False)
        affair.record_progress('T1', D(2026, 4, 30), 5000)
        # on 30 April: the advance, the situation of 30 April, the balance
        items = due_on(affair, 2026, 4, 30)
        self.assertEqual([i.get_kind() for i in items], [BK.ADVANCE, BK.SITUATION, BK.FINAL])
        for k, item in enumerate(items):
            self.assertTrue(affair.invoice_billing_item(item, 'F-%d' % (k + 1), D(2026, 4, 30)))
        affair.record_invoice('F-H', D(2026, 4, 30), M('1.00 EUR'))
        # the retention held on the situation and the balance, a year after
        # the acceptance
        items = due_on(affair, 2027, 4, 20)
        self.assertEqual([i.get_kind() for i in items], [BK.RETENTION_RELEASE])
        affair.invoice_billing_item(items[0], 'F-R', D(2027, 4, 20))
        kinds_journaled = [(e.dup_detail('invoice'), e.dup_detail('kind'), e.dup_detail('milestone'))
                           for e in entries_from(journal, n) if e.get_action() == 'invoice-recorded']
        self.assertEqual(kinds_journaled, [('F-1', 'advance', 'acompte'), ('F-2', 'situation', 'situations'),
                                           ('F-3', 'final', 'solde'), ('F-H', 'other', None),
                                           ('F-R', 'retention-release', 'retenue')])


class BillingRoundTripTest(BillingTestCase):
    # The invoices of test_billing_schedule as saved, figures by hand there.
    INVOICES = [
        {'reference': 'F-1', 'kind': 'advance', 'milestone': 'acompte', 'date': '2026-04-20',
         'amount': '37500.00 EUR', 'advance_recovered': '0.00 EUR', 'vat': '7500.00 EUR',
         'retention': '0.00 EUR', 'payable': '45000.00 EUR'},
        {'reference': 'F-2', 'kind': 'situation', 'milestone': 'situations', 'date': '2026-05-02',
         'amount': '31250.00 EUR', 'advance_recovered': '9375.00 EUR', 'vat': '4375.00 EUR',
         'retention': '1312.50 EUR', 'payable': '24937.50 EUR'},
        {'reference': 'F-3', 'kind': 'situation', 'milestone': 'situations', 'date': '2026-06-03',
         'amount': '50000.00 EUR', 'advance_recovered': '15000.00 EUR', 'vat': '7000.00 EUR',
         'retention': '2100.00 EUR', 'payable': '39900.00 EUR'},
    ]

    def test_round_trip(self):
        p, affair = billing_affair()
        invoice_first(affair, due_on(affair, 2026, 4, 20), 'F-1', 2026, 4, 20)
        affair.record_progress('T1', D(2026, 4, 30), 5000)
        affair.record_progress('T1', D(2026, 5, 4), 8000)
        invoice_first(affair, due_on(affair, 2026, 5, 4), 'F-2', 2026, 5, 2)
        affair.record_progress('T2', D(2026, 5, 29), 5000)
        invoice_first(affair, due_on(affair, 2026, 6, 3), 'F-3', 2026, 6, 3)
        affair.record_payment('F-1', D(2026, 6, 1), M('20000.00 EUR'))
        affair.record_acceptance(D(2026, 6, 15), False)

        text = to_text(p)
        finance = json.loads(text)['affairs'][0]['finance']
        self.assertEqual(finance['billing'], {'acceptance': '2026-06-15', 'bank_guarantee': False,
                                              'milestones': []})
        self.assertEqual(finance['invoices'], self.INVOICES)
        self.assertEqual(finance['payments'], [{'invoice': 'F-1', 'date': '2026-06-01', 'amount': '20000.00 EUR'}])

        q = Aff.Portfolio.new_from_data(text, -1)
        self.assertEqual(to_text(q), text)
        self.assertEqual(q.get_journal().get_head_hash(), p.get_journal().get_head_hash())
        self.assertTrue(q.get_journal().verify())
        loaded = q.lookup_affair('OFF-1')
        self.assertEqual(ids(loaded.list_billing_milestones()), ['acompte', 'situations', 'solde', 'retenue'])
        accepted, on, guarantee = loaded.get_acceptance()
        self.assertEqual((accepted, ymd(on), guarantee), (True, (2026, 6, 15), False))

        for owner in (affair, loaded):
            # billed 31 250 + 50 000
            self.assertMoney(status_on(owner, 2026, 6, 15).get_billed(), '81250.00 EUR')
            # the balance as in test_billing_schedule: the invoices' amounts
            # came back (work 81 250, 24 375 recovered of 37 500)
            items = due_on(owner, 2026, 6, 15)
            self.assertEqual(len(items), 1)
            self.assertItem(items[0], 'solde', BK.FINAL, (2026, 6, 15), '43750.00 EUR', '13125.00 EUR',
                            '30625.00 EUR', '6125.00 EUR', '36750.00 EUR', '1837.50 EUR', '34912.50 EUR')
            invoice_first(owner, items, 'F-4', 2026, 6, 15)
            # the retention held: 1 312.50 + 2 100 + 1 837.50
            items = due_on(owner, 2027, 6, 15)
            self.assertEqual(len(items), 1)
            self.assertItem(items[0], 'retenue', BK.RETENTION_RELEASE, (2027, 6, 15), '5250.00 EUR', '0.00 EUR',
                            '5250.00 EUR', '0.00 EUR', '5250.00 EUR', '0.00 EUR', '5250.00 EUR')
            # late on 10 July: F-1, 45 000 − 20 000 = 25 000, 10 days:
            # 83.22 (test_late_and_supplier_payments); F-2 (2 May + 45 = 16
            # June → 30 June) 24 937.50: 24 937.50 × 0.1215 × 10 / 365 =
            # 83.011… → 83.01; F-3 (3 June + 45 = 18 July → 31 July) and F-4
            # (15 June + 45 = 30 July → 31 July) not yet
            late = owner.list_late_payments(D(2026, 7, 10))
            self.assertEqual([x.get_invoice() for x in late], ['F-1', 'F-2'])
            self.assertLate(late[0], 'F-1', (2026, 6, 30), 10, '25000.00 EUR', '83.22 EUR')
            self.assertLate(late[1], 'F-2', (2026, 6, 30), 10, '24937.50 EUR', '83.01 EUR')
        # the loaded affair journals what it invoices
        last = q.get_journal().get_entry(q.get_journal().get_n_entries() - 1)
        self.assertEqual(last.get_action(), 'invoice-recorded')
        self.assertEqual(last.dup_detail('invoice'), 'F-4')
        self.assertEqual(last.dup_detail('payable'), '34912.50 EUR')
        self.assertTrue(q.get_journal().verify())

    def test_round_trip_own_schedule(self):
        """The schedule of test_billing_errors_and_guarantee, accepted with
        a bank guarantee."""
        p, affair = billing_affair()
        affair.add_billing_milestone(Aff.BillingMilestone.new('A', BK.ADVANCE, 1000, None))
        affair.add_billing_milestone(Aff.BillingMilestone.new('M-T1', BK.MILESTONE, 4000, 'T1'))
        invoice_first(affair, due_on(affair, 2026, 4, 20), 'F-1', 2026, 4, 20)
        finish(affair, 'T1', (2026, 4, 20), (2026, 5, 4))
        invoice_first(affair, due_on(affair, 2026, 5, 4), 'F-2', 2026, 5, 4)
        affair.record_acceptance(D(2026, 6, 15), True)

        text = to_text(p)
        finance = json.loads(text)['affairs'][0]['finance']
        self.assertEqual(finance['billing'], {
            'acceptance': '2026-06-15', 'bank_guarantee': True,
            'milestones': [{'id': 'A', 'kind': 'advance', 'basis_points': 1000},
                           {'id': 'M-T1', 'kind': 'milestone', 'basis_points': 4000, 'task': 'T1'}]})
        # 12 500 / VAT 2 500 / 15 000; 50 000 recovering 5 000, VAT 9 000,
        # 2 700 held, 51 300
        self.assertEqual(finance['invoices'], [
            {'reference': 'F-1', 'kind': 'advance', 'milestone': 'A', 'date': '2026-04-20',
             'amount': '12500.00 EUR', 'advance_recovered': '0.00 EUR', 'vat': '2500.00 EUR',
             'retention': '0.00 EUR', 'payable': '15000.00 EUR'},
            {'reference': 'F-2', 'kind': 'milestone', 'milestone': 'M-T1', 'date': '2026-05-04',
             'amount': '50000.00 EUR', 'advance_recovered': '5000.00 EUR', 'vat': '9000.00 EUR',
             'retention': '2700.00 EUR', 'payable': '51300.00 EUR'}])

        q = Aff.Portfolio.new_from_data(text, -1)
        self.assertEqual(to_text(q), text)
        loaded = q.lookup_affair('OFF-1')
        schedule = loaded.list_billing_milestones()
        self.assertEqual(ids(schedule), ['A', 'M-T1', 'solde', 'retenue'])
        self.assertEqual((schedule[1].get_kind(), schedule[1].get_basis_points(), schedule[1].get_task_id()),
                         (BK.MILESTONE, 4000, 'T1'))
        accepted, on, guarantee = loaded.get_acceptance()
        self.assertEqual((accepted, ymd(on), guarantee), (True, (2026, 6, 15), True))
        for owner in (affair, loaded):
            # 75 000, recovering 7 500: 67 500, 13 500, 81 000, nothing held
            # and the 2 700 held before the guarantee, freed at the acceptance
            items = due_on(owner, 2027, 6, 15)
            self.assertEqual([i.get_milestone_id() for i in items], ['solde', 'retenue'])
            self.assertMoney(items[1].get_payable(), '2700.00 EUR')
            self.assertItem(items[0], 'solde', BK.FINAL, (2026, 6, 15), '75000.00 EUR', '7500.00 EUR',
                            '67500.00 EUR', '13500.00 EUR', '81000.00 EUR', '0.00 EUR', '81000.00 EUR')
        # the loaded affair still refuses a second advance
        self.assertAffError(E.INVALID_VALUE, loaded.add_billing_milestone,
                            Aff.BillingMilestone.new('A2', BK.ADVANCE, 1000, None))


class BillingLanguageTest(BillingTestCase):
    def reasons(self, affair):
        return [i.get_reason() for i in due_on(affair, 2026, 6, 15)]

    def test_reasons_in_the_policy_language(self):
        """The items of test_items_due_together: the advance (30 % of
        125 000.00), the situation of 31 May (50 000.00 in all, 0.00 billed
        before) and the balance (125 000.00, 0.00 billed)."""
        p, affair = billing_affair()
        affair.record_progress('T1', D(2026, 5, 4), 8000)
        affair.record_acceptance(D(2026, 6, 15), False)
        self.assertEqual(p.get_policy().get_language(), 'fr')
        french = self.reasons(affair)
        self.assertEqual(len(french), 3)
        self.assertTrue(p.get_policy().set_language('en'))
        english = self.reasons(affair)
        self.assertEqual(len(english), 3)
        for fr, en, fr_word, en_word in zip(french, english, ['acompte', 'situation', 'solde'],
                                            ['advance', 'progress', 'balance']):
            with self.subTest(french=fr, english=en):
                self.assertNotEqual(fr, en)
                self.assertIn(fr_word, fr.lower())
                self.assertNotIn(fr_word, en.lower())
                self.assertIn(en_word, en.lower())
                self.assertIn('125\u202f000,00\u00a0€', fr)
                self.assertIn('€125,000.00', en)
        for reasons, amount in ((french, '50\u202f000,00\u00a0€'), (english, '€50,000.00')):
            self.assertIn('30', reasons[0])
            self.assertIn(amount, reasons[1])
        # 40 % of 125 000 is 50 000 in all, nothing billed in situations
        # before; the month end written as each language writes dates.
        self.assertEqual(french[1], 'Situation au 31 mai 2026 : avancement 40,00 % de 125\u202f000,00\u00a0€, '
                                    'soit 50\u202f000,00\u00a0€ cumulés, moins 0,00\u00a0€ déjà facturés en situations')
        self.assertEqual(english[1], 'Progress invoice at 31 May 2026: 40.00 % done of €125,000.00, €50,000.00 in all, '
                                     'less €0.00 already billed in progress invoices')
        # back to French
        p.get_policy().set_language('fr')
        self.assertEqual(self.reasons(affair), french)

    def test_milestone_and_release_reasons(self):
        """The milestone of test_billing_errors_and_guarantee names its task;
        the release of 5 % of the 54 000 with VAT of that milestone invoice,
        2 700, names what it releases."""
        p, affair = billing_affair()
        affair.add_billing_milestone(Aff.BillingMilestone.new('M-T1', BK.MILESTONE, 4000, 'T1'))
        finish(affair, 'T1', (2026, 4, 20), (2026, 5, 4))
        # 50 000, no advance: VAT 10 000, 60 000 with it, 3 000 held
        items = due_on(affair, 2026, 5, 4)
        self.assertItem(items[0], 'M-T1', BK.MILESTONE, (2026, 5, 4), '50000.00 EUR', '0.00 EUR',
                        '50000.00 EUR', '10000.00 EUR', '60000.00 EUR', '3000.00 EUR', '57000.00 EUR')
        french_milestone = items[0].get_reason()
        invoice_first(affair, items, 'F-1', 2026, 5, 4)
        affair.record_acceptance(D(2026, 6, 15), False)
        invoice_first(affair, due_on(affair, 2026, 6, 15), 'F-2', 2026, 6, 15)
        # held: 3 000 + 5 % of the balance with VAT (75 000 + 15 000 =
        # 90 000 → 4 500) = 7 500, released on 15 June 2027
        items = due_on(affair, 2027, 6, 15)
        self.assertItem(items[0], 'retenue', BK.RETENTION_RELEASE, (2027, 6, 15), '7500.00 EUR', '0.00 EUR',
                        '7500.00 EUR', '0.00 EUR', '7500.00 EUR', '0.00 EUR', '7500.00 EUR')
        french_release = items[0].get_reason()
        p.get_policy().set_language('en')
        english_release = due_on(affair, 2027, 6, 15)[0].get_reason()
        self.assertIn('retenue', french_release.lower())
        self.assertIn('retention', english_release.lower())
        self.assertNotEqual(french_release, english_release)
        for reason, amount in ((french_release, '7\u202f500,00\u00a0€'), (english_release, '€7,500.00')):
            self.assertIn(amount, reason)
        self.assertIn('T1', french_milestone)
        self.assertIn('125\u202f000,00\u00a0€', french_milestone)


class LateAndSupplierPaymentsTest(BillingTestCase):
    def test_late_and_supplier_payments(self):
        p, affair = billing_affair()
        invoice_first(affair, due_on(affair, 2026, 4, 20), 'F-1', 2026, 4, 20)
        # Due at 45 days end of month: 20 April + 45 days = 4 June → 30 June.
        self.assertEqual(affair.list_late_payments(D(2026, 6, 30)), [])
        # 10 days late on 10 July, 45 000 owed: 45 000 × 12.15 % × 10 / 365
        # = 149.794… → 149.79, and 40 euros.
        late = affair.list_late_payments(D(2026, 7, 10))
        self.assertEqual(len(late), 1)
        self.assertLate(late[0], 'F-1', (2026, 6, 30), 10, '45000.00 EUR', '149.79 EUR', '40.00 EUR')
        # the first day late: 1 July, 45 000 × 12.15 % / 365 = 14.979… →
        # 14.98
        late = affair.list_late_payments(D(2026, 7, 1))
        self.assertLate(late[0], 'F-1', (2026, 6, 30), 1, '45000.00 EUR', '14.98 EUR')
        # 20 000 paid on 1 June: 25 000 owed, 25 000 × 12.15 % × 10 / 365 =
        # 83.219… → 83.22.
        self.assertTrue(affair.record_payment('F-1', D(2026, 6, 1), M('20000.00 EUR')))
        late = affair.list_late_payments(D(2026, 7, 10))
        self.assertEqual(len(late), 1)
        self.assertMoney(late[0].get_outstanding(), '25000.00 EUR')
        self.assertMoney(late[0].get_interest(), '83.22 EUR')
        # the rest paid on 11 July: late on the 10th, not on the 11th
        affair.record_payment('F-1', D(2026, 7, 11), M('25000.00 EUR'))
        self.assertEqual(len(affair.list_late_payments(D(2026, 7, 10))), 1)
        self.assertEqual(affair.list_late_payments(D(2026, 7, 11)), [])

        # PO-7 (52 000 of material for T2) is invoiced 20 000 on 11 May; T2
        # is accepted (finished) on 20 May: 32 000 to pay the supplier.
        record_textbook(affair)
        finish(affair, 'T2', (2026, 5, 5), (2026, 5, 20))
        suppliers = affair.list_supplier_payments_due(D(2026, 5, 20))
        self.assertEqual(len(suppliers), 1)
        self.assertSupplier(suppliers[0], 'PO-7', None, 'T2', (2026, 5, 20), '32000.00 EUR')
        self.assertEqual(affair.list_supplier_payments_due(D(2026, 5, 19)), [])
        # the textbook's F-2026-001 (37 500 by hand, 45 000 with VAT, due
        # 30 April + 45 = 14 June → 30 June) was paid 45 000 on 4 May: not
        # late
        self.assertEqual(affair.list_late_payments(D(2026, 7, 10))[0].get_invoice(), 'F-1')
        self.assertEqual(len(affair.list_late_payments(D(2026, 7, 10))), 1)

    def test_other_payment_terms(self):
        """F-1, the advance of 45 000 with VAT, invoiced 20 April. At 60
        days net: due 20 April + 60 = 19 June; on 29 June 10 days late:
        45 000 × 12.15 % × 10 / 365 = 149.79. At 45 days end of month
        (the fixture's): 4 June → 30 June."""
        p, affair = new_finance_portfolio(billing=True, payment_terms=(60, False))
        invoice_first(affair, due_on(affair, 2026, 4, 20), 'F-1', 2026, 4, 20)
        self.assertEqual(affair.list_late_payments(D(2026, 6, 19)), [])
        late = affair.list_late_payments(D(2026, 6, 29))
        self.assertLate(late[0], 'F-1', (2026, 6, 19), 10, '45000.00 EUR', '149.79 EUR')

    # docs/rules.md: "Due date: invoice date + payment days (30 when 0),
    # then, for "end of month" terms, the last day of that month."
    def test_zero_days_end_of_month(self):
        """0 days end of month: 20 April + 30 days = 20 May, then the end
        of that month, 31 May; on 1 June 1 day late: 45 000 × 12.15 % × 1
        / 365 = 14.979… → 14.98."""
        p, affair = new_finance_portfolio(billing=True, payment_terms=(0, True))
        self.assertEqual((affair.get_payment_days(), affair.get_payment_end_of_month()), (0, True))
        invoice_first(affair, due_on(affair, 2026, 4, 20), 'F-1', 2026, 4, 20)
        self.assertEqual(affair.list_late_payments(D(2026, 5, 31)), [])
        late = affair.list_late_payments(D(2026, 6, 1))
        self.assertEqual(len(late), 1)
        self.assertLate(late[0], 'F-1', (2026, 5, 31), 1, '45000.00 EUR', '14.98 EUR')

    def test_late_interest_rate(self):
        # the default, ECB 2.15 % + 10 points
        self.assertEqual(Aff.Policy.new().get_late_interest_rate(), 1215)
        p, affair = billing_affair()
        policy = p.get_policy()
        self.assertEqual(policy.get_late_interest_rate(), 1215)
        self.assertEqual(policy.props.late_interest_rate, 1215)
        invoice_first(affair, due_on(affair, 2026, 4, 20), 'F-1', 2026, 4, 20)
        journal = p.get_journal()
        n = journal.get_n_entries()
        policy.set_late_interest_rate(1000)
        self.assertEqual(policy.get_late_interest_rate(), 1000)
        self.assertEqual([(e.get_entity_kind(), e.get_action(), e.get_details()) for e in entries_from(journal, n)],
                         [('policy', 'changed', '{"property":"late-interest-rate","value":1000}')])
        # 45 000 × 10 % × 10 / 365 = 123.287… → 123.29
        late = affair.list_late_payments(D(2026, 7, 10))
        self.assertMoney(late[0].get_interest(), '123.29 EUR')
        # no interest at 0, the indemnity still
        policy.props.late_interest_rate = 0
        late = affair.list_late_payments(D(2026, 7, 10))
        self.assertMoney(late[0].get_interest(), '0.00 EUR')
        self.assertMoney(late[0].get_indemnity(), '40.00 EUR')
        # saved and loaded with the policy
        policy.set_late_interest_rate(1000)
        text = to_text(p)
        self.assertEqual(json.loads(text)['policy']['late_interest_rate'], 1000)
        q = Aff.Portfolio.new_from_data(text, -1)
        self.assertEqual(q.get_policy().get_late_interest_rate(), 1000)
        self.assertMoney(q.lookup_affair('OFF-1').list_late_payments(D(2026, 7, 10))[0].get_interest(),
                         '123.29 EUR')

    def test_supplier_payments_in_ledger_order(self):
        """PO-1: 3 000 of T1's material from Inox SA on 22 April, 1 000
        invoiced on 5 May (FA-1); PO-7: 52 000 for T2 on 28 April, 20 000
        invoiced on 11 May (FA-991); PO-9: 1 000 for the whole affair (no
        task); PO-3: 500 for T1 on 25 May. T1 finished on 4 May, T2 on 20
        May."""
        p, affair = billing_affair()
        ledger = affair.get_ledger()
        entry = Aff.CostEntry.new(D(2026, 4, 22), 'T1', Cat.MATERIAL, COMMITTED, M('3000.00 EUR'))
        entry.set_document('PO-1')
        entry.set_supplier('Inox SA')
        ledger.add(entry)
        cost(ledger, D(2026, 4, 28), 'T2', Cat.MATERIAL, COMMITTED, '52000.00 EUR', 'PO-7')
        cost(ledger, D(2026, 4, 29), None, Cat.MATERIAL, COMMITTED, '1000.00 EUR', 'PO-9')
        cost(ledger, D(2026, 5, 5), 'T1', Cat.MATERIAL, ACTUAL, '1000.00 EUR', 'FA-1', 'PO-1')
        cost(ledger, D(2026, 5, 11), 'T2', Cat.MATERIAL, ACTUAL, '20000.00 EUR', 'FA-991', 'PO-7')
        cost(ledger, D(2026, 5, 25), 'T1', Cat.MATERIAL, COMMITTED, '500.00 EUR', 'PO-3')
        # nothing finished yet
        self.assertEqual(affair.list_supplier_payments_due(D(2026, 12, 31)), [])
        finish(affair, 'T1', (2026, 4, 20), (2026, 5, 4))
        finish(affair, 'T2', (2026, 5, 5), (2026, 5, 20))
        self.assertEqual(affair.list_supplier_payments_due(D(2026, 5, 3)), [])
        # 4 May: PO-1 whole, FA-1 comes on the 5th
        due = affair.list_supplier_payments_due(D(2026, 5, 4))
        self.assertEqual(len(due), 1)
        self.assertSupplier(due[0], 'PO-1', 'Inox SA', 'T1', (2026, 5, 4), '3000.00 EUR')
        # 5 May: 3 000 − 1 000
        due = affair.list_supplier_payments_due(D(2026, 5, 5))
        self.assertSupplier(due[0], 'PO-1', 'Inox SA', 'T1', (2026, 5, 4), '2000.00 EUR')
        # 20 May: PO-1, then PO-7 52 000 − 20 000; PO-9 has no task
        due = affair.list_supplier_payments_due(D(2026, 5, 20))
        self.assertEqual([d.get_document() for d in due], ['PO-1', 'PO-7'])
        self.assertSupplier(due[1], 'PO-7', None, 'T2', (2026, 5, 20), '32000.00 EUR')
        # 25 May: PO-3 too, ordered after T1's finish
        due = affair.list_supplier_payments_due(D(2026, 5, 25))
        self.assertEqual([(d.get_document(), d.get_amount().to_string()) for d in due],
                         [('PO-1', '2000.00 EUR'), ('PO-7', '32000.00 EUR'), ('PO-3', '500.00 EUR')])
        # PO-7 settled in full on 26 May: 20 000 + 32 000
        cost(ledger, D(2026, 5, 26), 'T2', Cat.MATERIAL, ACTUAL, '32000.00 EUR', 'FA-992', 'PO-7')
        due = affair.list_supplier_payments_due(D(2026, 5, 26))
        self.assertEqual([d.get_document() for d in due], ['PO-1', 'PO-3'])
        # a copy outlives its list
        copy = due[1].copy()
        del due
        gc.collect()
        self.assertSupplier(copy, 'PO-3', None, 'T1', (2026, 5, 4), '500.00 EUR')


# ---- Close-out -------------------------------------------------------------
#
# tests/c/test-finance.c, carry_to_the_end and test_close_out, and the rules of
# docs/rules.md, "Close-out". The affair has the billing terms above (30 %
# advance, monthly situations, 5 % retention, VAT 20 %).

def validate_rex(affair, date):
    """The REX drawn up on @date, one good practice learned, and validated
    on @date: the close-out's last condition."""
    rex = affair.create_rex(date)
    rex.add_good_practice('Commander les tubes dès la signature')
    rex.validate(date)
    return rex


def carry_to_the_end(affair, test):
    """The affair carried to its end: T1 20 April – 4 May and T2 5 – 20 May
    done; 45 000 of labour; PO-7 (52 000) invoiced 20 000 on 11 May and
    32 000 on 25 May; the advance invoiced at the signature and, all the
    work done by 31 May, one situation of 125 000 (EV / BAC = 100 %)
    recovering the whole advance, 37 500 × 125 000 / 125 000: 87 500, 17 500
    of VAT (20 %), 105 000, 5 250 held (5 %), 99 750 to pay."""
    ledger = affair.get_ledger()
    cost(ledger, D(2026, 4, 28), 'T2', Cat.MATERIAL, COMMITTED, '52000.00 EUR', 'PO-7')
    cost(ledger, D(2026, 5, 4), 'T1', Cat.LABOUR, ACTUAL, '45000.00 EUR', 'TS-18')
    cost(ledger, D(2026, 5, 11), 'T2', Cat.MATERIAL, ACTUAL, '20000.00 EUR', 'FA-991', 'PO-7')
    cost(ledger, D(2026, 5, 25), 'T2', Cat.MATERIAL, ACTUAL, '32000.00 EUR', 'FA-1002', 'PO-7')
    affair.record_progress('T1', D(2026, 5, 4), 10000)
    affair.record_progress('T2', D(2026, 5, 20), 10000)
    finish(affair, 'T1', (2026, 4, 20), (2026, 5, 4))
    finish(affair, 'T2', (2026, 5, 5), (2026, 5, 20))
    invoice_first(affair, due_on(affair, 2026, 4, 20), 'F-1', 2026, 4, 20)
    items = due_on(affair, 2026, 6, 1)
    test.assertEqual(len(items), 1)
    test.assertItem(items[0], 'situations', BK.SITUATION, (2026, 5, 31), '125000.00 EUR', '37500.00 EUR',
                    '87500.00 EUR', '17500.00 EUR', '105000.00 EUR', '5250.00 EUR', '99750.00 EUR')
    invoice_first(affair, items, 'F-2', 2026, 6, 1)


DRIFT_BLOCKER = 'Dérive sans action corrective : '
NOT_ACCEPTED = 'Les travaux ne sont pas réceptionnés'
NO_REX = "Le retour d'expérience n'est pas validé"
CSV_TRAVEL = b'date,category,state,amount\n2026-07-01,travel,actual,1\n'


class CloseOutTest(BillingTestCase):
    def carried(self):
        p, affair = billing_affair()
        carry_to_the_end(affair, self)
        return p, affair

    def test_blockers_on_15_may(self):
        """On 15 May: T2 runs (its actual finish is 20 May), the work is not
        accepted, PO-7 has 52 000 − 20 000 = 32 000 open, four drifts have
        no corrective action, and no REX is validated. No invoice is due: the advance is
        invoiced, the situation of 30 April is worth 125 000 × 0 / 100 000
        (no progress recorded by then) and the balance waits for the
        acceptance."""
        p, affair = self.carried()
        may15 = D(2026, 5, 15)
        # The status behind the drifts. PV: T1 all planned (50 000), T2 7 of
        # its 10 working days (5, 6, 7, 11, 12, 13, 15 May): 35 000. EV: T1
        # 100 % of 50 000, T2 nothing recorded yet. AC: 45 000 + 20 000.
        s = status_on(affair, 2026, 5, 15)
        self.assertMoney(s.get_pv(), '85000.00 EUR')
        self.assertMoney(s.get_ev(), '50000.00 EUR')
        self.assertMoney(s.get_ac(), '65000.00 EUR')
        # EAC 100 000 × 65 000 / 50 000 = 130 000; + 5 000 of contingency;
        # margin 125 000 − 135 000 = −10 000, −8 % (−800 bp), 24 points
        # below the offer's 16 %
        self.assertMoney(s.get_eac(), '130000.00 EUR')
        self.assertMoney(s.get_margin_at_completion(), '-10000.00 EUR')
        self.assertBp(s.get_margin_rate(), -800)
        self.assertMoney(s.get_open_commitments(), '32000.00 EUR')
        # CPI 50 000 / 65 000 = 0.769 < 0.95; SPI 50 000 / 85 000 = 0.588 <
        # 0.9; margin −24 points, beyond 2; progress 0.5 (EV / BAC), 0.5
        # (65 000 / 130 000) and 0 (nothing billed but the advance, which is
        # not work): a gap of 0.5, beyond 10 points; T1's labour 45 000 of
        # 50 000 and T2's material 20 000 of 50 000 overrun nothing.
        drifts = affair.list_drifts(may15)
        self.assertEqual(kinds(drifts), [(Kind.COST_PERFORMANCE, None), (Kind.SCHEDULE_PERFORMANCE, None),
                                         (Kind.MARGIN_EROSION, None), (Kind.CONCORDANCE, None)])
        self.assertAlmostEqual(drifts[0].get_value(), 50000 / 65000, delta=1e-9)
        self.assertAlmostEqual(drifts[1].get_value(), 50000 / 85000, delta=1e-9)
        self.assertAlmostEqual(drifts[2].get_value(), -24.0, delta=1e-9)
        self.assertAlmostEqual(drifts[3].get_value(), 0.5, delta=1e-9)

        blockers = affair.list_close_blockers(may15)
        self.assertIsInstance(blockers, list)
        self.assertEqual(len(blockers), 8)
        self.assertEqual(blockers[0], "La tâche T2 n'est pas terminée")
        self.assertEqual(blockers[1], NOT_ACCEPTED)
        self.assertEqual(blockers[2], 'Engagements non soldés : 32\u202f000,00\u00a0€')
        self.assertEqual(blockers[3:7], [DRIFT_BLOCKER + d.get_message() for d in drifts])
        self.assertEqual(blockers[7], NO_REX)
        # listing journals nothing
        n = p.get_journal().get_n_entries()
        affair.list_close_blockers(may15)
        self.assertEqual(p.get_journal().get_n_entries(), n)

        # close names every blocker, "; " between them
        e = self.assertAffError(E.CLOSE_BLOCKED, affair.close, may15)
        self.assertIn('; '.join(blockers), e.message)
        self.assertFalse(affair.is_closed())
        self.assertEqual(p.get_journal().get_n_entries(), n)

        # a drift answered no longer blocks: the CPI answered on 15 May
        affair.record_corrective_action(answer(date=(2026, 5, 15), eac_effect='0.00 EUR'))
        blockers = affair.list_close_blockers(may15)
        self.assertEqual(len(blockers), 7)
        self.assertEqual(blockers[3:6], [DRIFT_BLOCKER + d.get_message() for d in drifts[1:]])
        self.assertEqual(blockers[6], NO_REX)

    def test_invoice_to_send_blocks(self):
        """On 20 April, the signature, nothing done: T1 and T2 unfinished, no
        acceptance, the advance (30 % of 125 000 = 37 500 excluding VAT) to
        invoice, no commitment, and one drift: SPI 0 / 5 000 (T1 planned 1
        of its 10 days: 50 000 / 10), while the CPI is undefined (AC 0), the
        margin is the offer's (EAC by AC + BAC − EV = 100 000, + 5 000:
        20 000, 16 %) and the three progress figures are 0; and no REX is
        validated."""
        p, affair = billing_affair()
        blockers = affair.list_close_blockers(D(2026, 4, 20))
        self.assertEqual(len(blockers), 6)
        self.assertEqual(blockers[:3], ["La tâche T1 n'est pas terminée", "La tâche T2 n'est pas terminée",
                                        NOT_ACCEPTED])
        self.assertTrue(blockers[3].startswith('Facture à émettre : acompte (37\u202f500,00\u00a0€'), blockers[3])
        drifts = affair.list_drifts(D(2026, 4, 20))
        self.assertEqual(kinds(drifts), [(Kind.SCHEDULE_PERFORMANCE, None)])
        self.assertEqual(drifts[0].get_value(), 0.0)
        self.assertEqual(blockers[4], DRIFT_BLOCKER + drifts[0].get_message())
        self.assertEqual(blockers[5], NO_REX)

    def test_blockers_in_english(self):
        p, affair = self.carried()
        may15 = D(2026, 5, 15)
        french = affair.list_close_blockers(may15)
        self.assertTrue(p.get_policy().set_language('en'))
        english = affair.list_close_blockers(may15)
        drifts = affair.list_drifts(may15)
        self.assertEqual(len(english), 8)
        for fr, en in zip(french, english):
            with self.subTest(french=fr, english=en):
                self.assertNotEqual(fr, en)
                for word in ('tâche', 'réceptionnés', 'soldés', 'Dérive', 'action corrective'):
                    self.assertNotIn(word, en)
        self.assertIn('T2', english[0])
        self.assertIn('€32,000.00', english[2])
        self.assertEqual(english[7], 'The REX is not validated')
        # each drift blocker ends with the drift's own message, in English
        for blocker, drift in zip(english[3:], drifts):
            self.assertTrue(blocker.endswith(': ' + drift.get_message()), blocker)
            self.assertNotEqual(drift.get_message(), '')
        # the acceptance and the REX alone on 15 June, in English
        june = affair.list_close_blockers(D(2026, 6, 15))
        self.assertEqual(june, [english[1], english[7]])
        p.get_policy().set_language('fr')
        self.assertEqual(affair.list_close_blockers(may15), french)

    def test_close_out(self):
        p, affair = self.carried()
        journal = p.get_journal()
        jun15 = D(2026, 6, 15)
        jul1 = D(2026, 7, 1)

        # On 15 June everything is done and billed but the acceptance and the
        # REX: the tasks finished by 20 May; no invoice due (the situation of 31 May
        # is invoiced, F-2; the balance waits for the acceptance); PO-7
        # settled, 52 000 − 20 000 − 32 000 = 0; no drift: EV 100 000 (both
        # tasks 100 %), PV 100 000, AC 97 000, CPI 1.031, SPI 1, EAC
        # 97 000, margin 125 000 − 102 000 = 23 000, 18.4 % (above 16 %),
        # progress 1, 1 and 125 000 / 125 000, T2's material 52 000 within
        # 110 % of 50 000.
        self.assertEqual(affair.list_close_blockers(jun15), [NOT_ACCEPTED, NO_REX])
        self.assertAffError(E.CLOSE_BLOCKED, affair.close, jun15)
        self.assertTrue(affair.record_acceptance(jun15, False))
        # the balance, 125 000 − 125 000 invoiced, is nothing; the release of
        # the retention comes a year later and never blocks; the REX, drawn
        # up on 15 June, blocks until it is validated
        rex = affair.create_rex(jun15)
        self.assertIsInstance(rex, Aff.Rex)
        self.assertEqual(affair.list_close_blockers(jun15), [NO_REX])
        self.assertTrue(rex.add_good_practice('Commander les tubes dès la signature'))
        self.assertTrue(rex.validate(jun15))
        self.assertEqual(affair.list_close_blockers(jun15), [])
        self.assertFalse(affair.is_closed())
        self.assertIsNone(affair.get_final_margin())
        closed, _ = affair.get_closed_date()
        self.assertFalse(closed)

        n = journal.get_n_entries()
        self.assertTrue(affair.close(jun15))
        self.assertTrue(affair.is_closed())
        closed, on = affair.get_closed_date()
        self.assertTrue(closed)
        self.assertEqual(ymd(on), (2026, 6, 15))
        # the revenue at completion, 125 000, less the actual cost on 15
        # June, 45 000 + 20 000 + 32 000 = 97 000
        self.assertMoney(affair.get_final_margin(), '28000.00 EUR')

        entries = entries_from(journal, n)
        self.assertEqual([e.get_action() for e in entries], ['affair-closed'])
        last = journal.get_entry(journal.get_n_entries() - 1)
        self.assertEqual(last.get_action(), 'affair-closed')
        self.assertEqual(last.get_entity_kind(), 'affair')
        self.assertEqual(last.get_entity_id(), 'OFF-1')
        self.assertEqual(last.get_actor(), 'Claire Martin')
        self.assertEqual(last.dup_detail('date'), '2026-06-15')
        self.assertEqual(last.dup_detail('final_margin'), '28000.00 EUR')
        self.assertTrue(journal.verify())

        # Read-only, but for the payments and the release of the retention.
        n = journal.get_n_entries()
        ledger = affair.get_ledger()
        self.assertAffError(E.CLOSED, affair.close, jul1)
        self.assertAffError(E.CLOSED, affair.record_progress, 'T1', jul1, 5000)
        self.assertAffError(E.CLOSED, affair.record_remaining, 'T1', jul1, M('1.00 EUR'))
        self.assertAffError(E.CLOSED, affair.record_invoice, 'F-9', jul1, M('45000.00 EUR'))
        self.assertAffError(E.CLOSED, ledger.import_csv, CSV_TRAVEL)
        self.assertAffError(E.CLOSED, ledger.add,
                            Aff.CostEntry.new(jul1, None, Cat.TRAVEL, ACTUAL, M('1.00 EUR')))
        self.assertAffError(E.CLOSED, affair.add_billing_milestone,
                            Aff.BillingMilestone.new('M', BK.MILESTONE, 100, 'T1'))
        self.assertAffError(E.CLOSED, affair.add_amendment,
                            Aff.Amendment.new('AV-1', jul1, M('1000.00 EUR'), 'Après coup'))
        self.assertAffError(E.CLOSED, affair.record_corrective_action, answer(date=(2026, 7, 1), due=(2026, 7, 31)))
        # the plan is frozen with the rest
        plan = affair.get_plan()
        n_tasks = plan.get_n_items()
        self.assertAffError(E.CLOSED, plan.add_task, Aff.Task.new('T9', 'Extra work', 2))
        self.assertAffError(E.CLOSED, plan.remove_task, 'T1')
        self.assertAffError(E.CLOSED, plan.save_baseline, 'after')
        self.assertAffError(E.CLOSED, plan.finish_task, 'T1', jul1)
        self.assertEqual(plan.get_n_items(), n_tasks)
        # nothing was added, nothing journaled
        self.assertEqual(ledger.get_n_entries(), 4)
        self.assertEqual(affair.list_amendments(), [])
        self.assertEqual(affair.list_corrective_actions(), [])
        self.assertEqual(journal.get_n_entries(), n)
        self.assertMoney(affair.get_final_margin(), '28000.00 EUR')

        # the advance, 45 000 with VAT, paid on 1 July
        self.assertTrue(affair.record_payment('F-1', jul1, M('45000.00 EUR')))
        self.assertEqual(journal.get_entry(journal.get_n_entries() - 1).get_action(), 'payment-recorded')
        # the 5 250 held on F-2, released a year after the acceptance
        items = due_on(affair, 2027, 6, 15)
        self.assertEqual(len(items), 1)
        self.assertItem(items[0], 'retenue', BK.RETENTION_RELEASE, (2027, 6, 15), '5250.00 EUR', '0.00 EUR',
                        '5250.00 EUR', '0.00 EUR', '5250.00 EUR', '0.00 EUR', '5250.00 EUR')
        invoice_first(affair, items, 'F-3', 2027, 6, 15)
        self.assertEqual(due_on(affair, 2027, 6, 15), [])
        # still closed, the margin unchanged
        self.assertTrue(affair.is_closed())
        self.assertMoney(affair.get_final_margin(), '28000.00 EUR')
        self.assertTrue(journal.verify())

    def test_round_trip(self):
        p, affair = self.carried()
        jun15 = D(2026, 6, 15)
        jul1 = D(2026, 7, 1)
        affair.record_acceptance(jun15, False)
        validate_rex(affair, jun15)
        affair.close(jun15)

        text = to_text(p)
        q = Aff.Portfolio.new_from_data(text, -1)
        self.assertEqual(to_text(q), text)
        self.assertTrue(q.get_journal().verify())
        loaded = q.lookup_affair('OFF-1')
        self.assertIsNotNone(loaded)
        self.assertIsNot(loaded, affair)
        self.assertTrue(loaded.is_closed())
        closed, on = loaded.get_closed_date()
        self.assertTrue(closed)
        self.assertEqual(ymd(on), (2026, 6, 15))
        # 125 000 − 97 000
        self.assertMoney(loaded.get_final_margin(), '28000.00 EUR')
        self.assertAffError(E.CLOSED, loaded.close, jul1)
        self.assertAffError(E.CLOSED, loaded.record_progress, 'T1', jul1, 5000)
        self.assertAffError(E.CLOSED, loaded.get_ledger().import_csv, CSV_TRAVEL)
        self.assertEqual(loaded.get_ledger().get_n_entries(), 4)
        # the loaded affair still takes the payments and the release
        self.assertTrue(loaded.record_payment('F-1', jul1, M('45000.00 EUR')))
        items = due_on(loaded, 2027, 6, 15)
        self.assertEqual([i.get_milestone_id() for i in items], ['retenue'])
        self.assertMoney(items[0].get_payable(), '5250.00 EUR')

        # an open affair stays open through the document
        p2, _affair = self.carried()
        loaded = Aff.Portfolio.new_from_data(to_text(p2), -1).lookup_affair('OFF-1')
        self.assertFalse(loaded.is_closed())
        self.assertIsNone(loaded.get_final_margin())
        self.assertFalse(loaded.get_closed_date()[0])


# ---- Dashboard ---------------------------------------------------------------
#
# tests/c/test-finance.c, add_second_affair and test_dashboard, and the rules of
# docs/rules.md, "Dashboard", on 4 May 2026:
#
# - OFF-1 is the textbook affair (record_textbook, default terms: 30 days
#   net): revenue 125 000; cost at completion EAC 112 500 + 5 000 = 117 500;
#   margin 7 500, 600 bp (7 500 / 125 000); drift 7 500 − 20 000 = −12 500;
#   recognised (cost to cost) 125 000 × 45 000 / 117 500 = 47 872.340… →
#   47 872.34; backlog 125 000 − 47 872.34 = 77 127.66; FAE 47 872.34 −
#   37 500 = 10 372.34; PCA 0; billed 37 500; cash 45 000; F-2026-001 (due
#   30 April + 30 = 30 May) paid in full: nothing overdue; alerts: the CPI
#   (0.889 < 0.95), the SPI (0.8 < 0.9) and the margin (10 points below 16 %,
#   beyond 2) unanswered, the progress figures 0.4, 0.4 and 0.3 within 10
#   points: 3.
# - OFF-2 (client beta, activity boilermaking): 100 h of labour at 80.00 in
#   lot L1 sold 10 000.00, signed 22 April, without plan, costs or invoices:
#   BAC 8 000, nothing earned or spent, so EAC = AC + BAC − EV = 8 000 (the
#   CPI is undefined), no contingency: cost 8 000, margin 2 000 (2000 bp),
#   the offer's, drift 0; nothing recognised, backlog 10 000; no alert (CPI
#   and SPI undefined, the progress figures all 0).
# - Totals: 135 000, 125 500, 9 500 (9 500 / 135 000 = 7.037 % → 704 bp),
#   −12 500, 47 872.34, 77 127.66 + 10 000 = 87 127.66, 10 372.34, 0,
#   37 500, 45 000, 0; 3 alerts.

# revenue, cost and margin at completion, margin drift, recognised revenue,
# backlog, FAE, PCA, billed, cash received, overdue
ROW_FIGURES = ['revenue_at_completion', 'cost_at_completion', 'margin_at_completion', 'margin_drift',
               'recognised_revenue', 'backlog', 'accrued_revenue', 'deferred_revenue', 'billed',
               'cash_received', 'overdue']
OFF1_ROW = ['125000.00 EUR', '117500.00 EUR', '7500.00 EUR', '-12500.00 EUR', '47872.34 EUR', '77127.66 EUR',
            '10372.34 EUR', '0.00 EUR', '37500.00 EUR', '45000.00 EUR', '0.00 EUR']
OFF2_ROW = ['10000.00 EUR', '8000.00 EUR', '2000.00 EUR', '0.00 EUR', '0.00 EUR', '10000.00 EUR',
            '0.00 EUR', '0.00 EUR', '0.00 EUR', '0.00 EUR', '0.00 EUR']
TOTAL_ROW = ['135000.00 EUR', '125500.00 EUR', '9500.00 EUR', '-12500.00 EUR', '47872.34 EUR', '87127.66 EUR',
             '10372.34 EUR', '0.00 EUR', '37500.00 EUR', '45000.00 EUR', '0.00 EUR']
ZERO_ROW = ['0.00 EUR'] * len(ROW_FIGURES)
CSV_HEADER = ('affair,client,currency,revenue_at_completion,cost_at_completion,margin_at_completion,'
              'margin_rate_bp,margin_drift,recognised_revenue,backlog,accrued_revenue,deferred_revenue,billed,'
              'cash_received,overdue,alerts\r\n')


def golden(name):
    # newline='' keeps the CRLF of the CSV file
    with open(os.path.join(os.environ['G_TEST_SRCDIR'], 'data', 'golden', name), encoding='utf-8',
              newline='') as f:
        return f.read()


def add_second_affair(p):
    """OFF-2 of the C test: the client beta "Beta Chimie", consultation
    CONS-2 in boilermaking, 100 h of labour at 80.00 in lot L1, no
    overheads, sold 10 000.00, sent 2 April, signed 22 April."""
    p.add_client(Aff.Client.new('beta', 'Beta Chimie'))
    k = add_consultation(p, 'CONS-2', 'beta')
    k.set_activities(['boilermaking'])
    offer = Aff.Offer.new('OFF-2', 'CONS-2')
    p.add_offer(offer)
    rev = offer.get_current_revision()
    add_cost_line(rev, K.LABOUR, 'Chaudronnerie', '100', U.HOUR, '80.00 EUR', 'L1')
    for k in range(int(K.LABOUR), int(K.OTHER) + 1):
        rev.set_overhead_rate(K(k), 0)
    rev.set_selling_price(M('10000.00 EUR'))
    rev.set_validity(D(2026, 6, 30))
    offer.send(D(2026, 4, 2))
    offer.accept(D(2026, 4, 22), 'CT-2026-021')
    affair = p.lookup_affair('OFF-2')
    assert affair is not None
    return affair


def dashboard_portfolio():
    """The two affairs: (portfolio, OFF-1, OFF-2)."""
    p, affair = textbook()
    return p, affair, add_second_affair(p)


class DashboardTest(BillingTestCase):
    def assertRow(self, row, key, label, n_affairs, figures, rate, alerts):
        """assert_row of the C test; rate None for an undefined margin
        rate."""
        self.assertIsInstance(row, Aff.DashboardRow)
        self.assertEqual(row.get_key(), key)
        self.assertEqual(row.get_label(), label)
        self.assertEqual(row.get_n_affairs(), n_affairs)
        self.assertEqual([getattr(row, 'get_' + name)().to_string() for name in ROW_FIGURES], figures,
                         key)
        if rate is None:
            self.assertFalse(row.get_margin_rate()[0])
        else:
            self.assertEqual(row.get_margin_rate(), (True, rate))
        self.assertEqual(row.get_n_alerts(), alerts)

    def assertDashboard(self, dashboard):
        self.assertIsInstance(dashboard, Aff.Dashboard)
        self.assertEqual(ymd(dashboard.get_date()), (2026, 5, 4))
        rows = dashboard.get_rows()
        self.assertEqual(len(rows), 2)
        self.assertRow(rows[0], 'OFF-1', 'ACME Industrie', 1, OFF1_ROW, 600, 3)
        self.assertRow(rows[1], 'OFF-2', 'Beta Chimie', 1, OFF2_ROW, 2000, 0)
        self.assertRow(dashboard.get_totals(), 'total', 'Total', 2, TOTAL_ROW, 704, 3)
        rows = dashboard.get_by_client()
        self.assertEqual(len(rows), 2)
        self.assertRow(rows[0], 'acme', 'ACME Industrie', 1, OFF1_ROW, 600, 3)
        self.assertRow(rows[1], 'beta', 'Beta Chimie', 1, OFF2_ROW, 2000, 0)
        rows = dashboard.get_by_activity()
        self.assertEqual(len(rows), 2)
        self.assertRow(rows[0], 'pipework', 'pipework', 1, OFF1_ROW, 600, 3)
        self.assertRow(rows[1], 'boilermaking', 'boilermaking', 1, OFF2_ROW, 2000, 0)

    def test_the_statuses_behind_the_rows(self):
        p, off1, off2 = dashboard_portfolio()
        s = status_on(off2, 2026, 5, 4)
        self.assertMoney(s.get_bac(), '8000.00 EUR')
        self.assertUndefined(s.get_cpi())
        self.assertEqual(s.get_eac_method(), Eac.ATYPICAL)
        self.assertMoney(s.get_eac(), '8000.00 EUR')
        self.assertMoney(s.get_offer_margin(), '2000.00 EUR')
        self.assertEqual(off2.list_drifts(D(2026, 5, 4)), [])
        self.assertEqual(off1.list_late_payments(D(2026, 5, 4)), [])
        self.assertEqual(kinds(off1.list_drifts(D(2026, 5, 4))),
                         [(Kind.COST_PERFORMANCE, None), (Kind.SCHEDULE_PERFORMANCE, None),
                          (Kind.MARGIN_EROSION, None)])

    def test_dashboard(self):
        p, off1, off2 = dashboard_portfolio()
        journal = p.get_journal()
        n = journal.get_n_entries()
        dashboard = p.compute_dashboard(D(2026, 5, 4))
        self.assertDashboard(dashboard)
        # computing journals nothing
        self.assertEqual(journal.get_n_entries(), n)

        alerts = dashboard.list_alerts()
        self.assertIsInstance(alerts, list)
        # CPI 40 000 / 45 000 = 0.889 against 0.950; SPI 0.800 against
        # 0.900; the margin rate 6 % against 16 %: 10 points down, beyond 2
        self.assertEqual(len(alerts), 3)
        self.assertEqual(alerts[0], 'OFF-1 : CPI de 0,889, sous le seuil de 0,950')
        self.assertEqual(alerts[1], 'OFF-1 : SPI de 0,800, sous le seuil de 0,900')
        self.assertEqual(alerts[2], "OFF-1 : Taux de marge à terminaison en baisse de 10,00 points sur l'offre, "
                                    'au-delà de 2,00')
        # each is "id : drift message"
        self.assertEqual(alerts, ['OFF-1 : ' + d.get_message() for d in off1.list_drifts(D(2026, 5, 4))])

        # the alerts of the rows add up, whichever way they are summed
        total = dashboard.get_totals().get_n_alerts()
        self.assertEqual(total, len(alerts))
        for rows in (dashboard.get_rows(), dashboard.get_by_client(), dashboard.get_by_activity()):
            self.assertEqual(sum(r.get_n_alerts() for r in rows), total)
            self.assertEqual(sum(r.get_n_affairs() for r in rows), dashboard.get_totals().get_n_affairs())

        copy = dashboard.copy()
        del dashboard
        gc.collect()
        self.assertDashboard(copy)

    def test_rows_outlive_the_dashboard(self):
        p, off1, off2 = dashboard_portfolio()
        dashboard = p.compute_dashboard(D(2026, 5, 4))
        rows = dashboard.get_rows()
        totals = dashboard.get_totals()
        by_activity = dashboard.get_by_activity()
        del dashboard
        gc.collect()
        self.assertRow(rows[0], 'OFF-1', 'ACME Industrie', 1, OFF1_ROW, 600, 3)
        self.assertRow(totals, 'total', 'Total', 2, TOTAL_ROW, 704, 3)
        self.assertRow(by_activity[1], 'boilermaking', 'boilermaking', 1, OFF2_ROW, 2000, 0)
        copy = rows[1].copy()
        del rows
        gc.collect()
        self.assertRow(copy, 'OFF-2', 'Beta Chimie', 1, OFF2_ROW, 2000, 0)

    def test_golden_files(self):
        p, off1, off2 = dashboard_portfolio()
        dashboard = p.compute_dashboard(D(2026, 5, 4))
        F = Aff.DocumentFormat
        self.assertEqual(dashboard.render(F.MARKDOWN), golden('dashboard-fr.md'))
        self.assertEqual(dashboard.render(F.HTML), golden('dashboard-fr.html'))
        self.assertEqual(dashboard.to_csv(), golden('dashboard.csv'))
        self.assertEqual(dashboard.to_svg_margins(), golden('dashboard-margins.svg'))
        # the CSV by hand: CRLF, the header, a line per affair, the totals
        csv = dashboard.to_csv()
        self.assertTrue(csv.startswith(CSV_HEADER))
        self.assertEqual(csv.split('\r\n')[3],
                         'total,Total,EUR,135000.00,125500.00,9500.00,704,-12500.00,47872.34,87127.66,'
                         '10372.34,0.00,37500.00,45000.00,0.00,3')
        # the alerts of the golden Markdown are those listed
        md = golden('dashboard-fr.md')
        listed = [line[2:] for line in md.split('## Alertes\n', 1)[1].splitlines() if line.startswith('- ')]
        self.assertEqual(listed, dashboard.list_alerts())

    def test_empty_portfolio(self):
        p = Aff.Portfolio.new()
        self.assertEqual(p.get_policy().get_currency(), 'EUR')
        dashboard = p.compute_dashboard(D(2026, 5, 4))
        self.assertEqual(ymd(dashboard.get_date()), (2026, 5, 4))
        self.assertEqual(dashboard.get_rows(), [])
        self.assertEqual(dashboard.get_by_client(), [])
        self.assertEqual(dashboard.get_by_activity(), [])
        self.assertEqual(dashboard.list_alerts(), [])
        # zero totals; 0 / 0 is no margin rate
        self.assertRow(dashboard.get_totals(), 'total', 'Total', 0, ZERO_ROW, None, 0)
        # the header and the totals, the margin rate empty
        self.assertEqual(dashboard.to_csv(),
                         CSV_HEADER + 'total,Total,EUR,0.00,0.00,0.00,,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0\r\n')
        for text in (dashboard.render(Aff.DocumentFormat.MARKDOWN), dashboard.render(Aff.DocumentFormat.HTML),
                     dashboard.to_svg_margins()):
            self.assertIsInstance(text, str)
            self.assertNotEqual(text, '')
        self.assertIn('Tableau de bord des affaires au 4 mai 2026', dashboard.render(Aff.DocumentFormat.MARKDOWN))

    def test_currency_mismatch(self):
        p, off1, off2 = dashboard_portfolio()
        policy = p.get_policy()
        # nothing converts: both affairs are in euros, the company now in
        # dollars
        self.assertTrue(policy.set_currency('USD'))
        self.assertEqual(policy.get_currency(), 'USD')
        e = self.assertAffError(E.CURRENCY_MISMATCH, p.compute_dashboard, D(2026, 5, 4))
        self.assertIn('OFF-1', e.message)
        # back in euros, the dashboard again
        self.assertTrue(policy.set_currency('EUR'))
        self.assertDashboard(p.compute_dashboard(D(2026, 5, 4)))

    def test_closed_affairs_included(self):
        """OFF-1 carried to its end and closed on 15 June, with OFF-2 beside
        it: both rows, in the portfolio's order."""
        p, affair = billing_affair()
        carry_to_the_end(affair, self)
        affair.record_acceptance(D(2026, 6, 15), False)
        validate_rex(affair, D(2026, 6, 15))
        affair.close(D(2026, 6, 15))
        add_second_affair(p)
        dashboard = p.compute_dashboard(D(2026, 6, 15))
        self.assertEqual([r.get_key() for r in dashboard.get_rows()], ['OFF-1', 'OFF-2'])
        # OFF-1 on 15 June: revenue 125 000, cost at completion EAC 97 000 +
        # 5 000 = 102 000, margin 23 000 (1840 bp), no alert
        row = dashboard.get_rows()[0]
        self.assertMoney(row.get_revenue_at_completion(), '125000.00 EUR')
        self.assertMoney(row.get_cost_at_completion(), '102000.00 EUR')
        self.assertMoney(row.get_margin_at_completion(), '23000.00 EUR')
        self.assertEqual(row.get_margin_rate(), (True, 1840))
        self.assertEqual(row.get_n_alerts(), 0)



# ---- Forecast ----------------------------------------------------------------
#
# docs/rules.md, "Dashboard", the get_forecast() bullet: twelve months from
# the month of the date, each dated its first day. Billing: the items due on
# the date (excluding VAT) in the first month; the rest of the price (revenue
# at completion − work billed − the work amounts of the items due) spread
# over months 2..12 as rest × (PV(end k) − PV(end k−1)) / (BAC − PV(end of
# the first month)), each part rounded half to even, or all in the second
# month when the plan has no dates or BAC − PV(end of the first month) ≤ 0.
# Cash in: what is still owed on the invoices sent by the date, in the month
# of their due date (the first month when overdue); the payable of the items
# due, in the month they would be due if sent on the date; each month's
# billing × (1 + VAT) then × (1 − retention), each product rounded half to
# even, in the month it would be due if invoiced on the month's last day.
# Nothing beyond the twelve months.
#
# The French calendar of 2026 (Easter 5 April): May has its holidays on Fri
# 1, Fri 8, Thu 14 (Ascension) and Mon 25 (Whit Monday); June none: 22
# working days (1–5, 8–12, 15–19, 22–26, 29–30); July 14 July, a Tuesday:
# 23 weekdays − 1 = 22 (1–3, 6–10, 13–17 but the 14th, 20–24, 27–31);
# August none on a weekday (15 August is a Saturday): 3–7, 10–14, 17–21,
# 24–28, 31 = 21. 2027 (Easter 28 March): Ascension Thu 6 May, Whit Monday
# 17 May.

def twelve_months(year, month, billing=None, cash_in=None):
    """The forecast expected from (year, month): (first day, billing, cash in)
    for twelve months, 0.00 EUR but the (year, month) keys of billing and
    cash_in."""
    billing = billing or {}
    cash_in = cash_in or {}
    out = []
    for k in range(12):
        y, m = year + (month - 1 + k) // 12, (month - 1 + k) % 12 + 1
        out.append(((y, m, 1), billing.get((y, m), '0.00 EUR'), cash_in.get((y, m), '0.00 EUR')))
    assert set(billing) | set(cash_in) <= {(y, m) for (y, m, _d), _b, _c in out}, 'a month beyond the twelve'
    return out


def forecast_of(months):
    """The months of a forecast as twelve_months gives them."""
    return [(ymd(m.get_month()), m.get_billing().to_string(), m.get_cash_in().to_string()) for m in months]


def replanned(start, duration, **fixture):
    """new_finance_portfolio with T2 rescheduled: no earlier than start,
    lasting duration working days; the schedule saved as the baseline
    "replan", the latest. (portfolio, affair)."""
    p, affair = new_finance_portfolio(**fixture)
    plan = affair.get_plan()
    t2 = plan.lookup_task('T2')
    t2.set_start_no_earlier_than(D(*start))
    t2.set_duration(duration)
    plan.schedule()
    plan.save_baseline('replan')
    assert plan.list_baselines() == ['contrat', 'replan']
    return p, affair


# The two affairs of the dashboard on 4 May (tests/c/test-finance.c,
# test_dashboard), May 2026 to April 2027:
# - OFF-1, the revision's default terms (no advance, no situations, 30 days
#   net, 5 % retention, VAT 20 %), not accepted: nothing due. Work billed:
#   F-2026-001, 37 500 by hand, paid 45 000 on 4 May, so nothing owed. Rest
#   125 000 − 37 500 = 87 500. The baseline ends T2 on 20 May: PV(31 May) =
#   BAC = 100 000, BAC − PV(end of May) = 0: all of it in June. Invoiced 30
#   June at 30 days: due 30 July; 87 500 × 1.2 = 105 000, × 0.95 = 99 750
#   in July.
# - OFF-2, no plan (no dates): 10 000 all in June; 10 000 × 1.2 = 12 000,
#   × 0.95 = 11 400 due 30 July.
# June billing 87 500 + 10 000 = 97 500; July cash in 99 750 + 11 400 =
# 111 150; every other month 0.
DASHBOARD_FORECAST = twelve_months(2026, 5, billing={(2026, 6): '97500.00 EUR'},
                                   cash_in={(2026, 7): '111150.00 EUR'})


class ForecastTest(BillingTestCase):
    def assertForecast(self, dashboard, expected):
        months = dashboard.get_forecast()
        self.assertIsInstance(months, list)
        self.assertEqual(len(months), 12)
        for m in months:
            self.assertIsInstance(m, Aff.ForecastMonth)
        self.assertEqual(forecast_of(months), expected)

    def test_dashboard_forecast(self):
        p, off1, off2 = dashboard_portfolio()
        # what the figures come from: nothing due on either affair, 37 500
        # of work billed on OFF-1, none on OFF-2, no dates on OFF-2's plan
        self.assertEqual(due_on(off1, 2026, 5, 4), [])
        self.assertEqual(due_on(off2, 2026, 5, 4), [])
        self.assertMoney(status_on(off1, 2026, 5, 4).get_billed(), '37500.00 EUR')
        self.assertMoney(status_on(off2, 2026, 5, 4).get_billed(), '0.00 EUR')
        self.assertMoney(status_on(off1, 2026, 5, 31).get_pv(), '100000.00 EUR')
        self.assertEqual((off2.get_payment_days(), off2.get_payment_end_of_month()), (30, False))
        self.assertEqual((off2.get_vat_rate(), off2.get_retention_rate()), (2000, 500))
        dashboard = p.compute_dashboard(D(2026, 5, 4))
        self.assertForecast(dashboard, DASHBOARD_FORECAST)
        # the same in the copy
        self.assertForecast(dashboard.copy(), DASHBOARD_FORECAST)

    def test_months_outlive_the_dashboard(self):
        p, off1, off2 = dashboard_portfolio()
        dashboard = p.compute_dashboard(D(2026, 5, 4))
        months = dashboard.get_forecast()
        del dashboard
        gc.collect()
        self.assertEqual(forecast_of(months), DASHBOARD_FORECAST)
        june = months[1].copy()
        del months
        gc.collect()
        self.assertEqual(forecast_of([june]), DASHBOARD_FORECAST[1:2])

    def test_golden_forecast_table(self):
        """The "Prévisions" table of the golden Markdown has the months of
        DASHBOARD_FORECAST, amounts as Money.format writes them in French
        (U+202F between thousands, U+00A0 before the symbol)."""
        fr = {'0.00 EUR': '0,00\u00a0€', '97500.00 EUR': '97\u202f500,00\u00a0€',
              '111150.00 EUR': '111\u202f150,00\u00a0€'}
        names = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
                 'novembre', 'décembre']
        expected = [['%s %d' % (names[m - 1], y), fr[b], fr[c]] for (y, m, _d), b, c in DASHBOARD_FORECAST]
        table = golden('dashboard-fr.md').split('## Prévisions\n', 1)[1].split('\n## ', 1)[0]
        rows = [[cell.strip() for cell in line.strip('|').split('|')]
                for line in table.splitlines() if line.startswith('| ')]
        self.assertEqual(rows[1:], expected)
        # and the English render has its "Forecast" table
        p, off1, off2 = dashboard_portfolio()
        self.assertTrue(p.get_policy().set_language('en'))
        self.assertIn('## Forecast\n', p.compute_dashboard(D(2026, 5, 4)).render(Aff.DocumentFormat.MARKDOWN))

    def test_spread_by_the_planned_value(self):
        """OFF-1 alone with T2 replanned from Mon 1 June for 50 working
        days: June 1–30 (days 1–22), July 1–31 (23–44), 3–7 and 10 August
        (45–50). On 15 May, nothing billed or due (default terms), so the
        whole 125 000 is the rest. BAC 100 000; PV at the month ends: May
        50 000 (T1 done on 4 May, T2 not started), June 50 000 + 50 000 ×
        22 / 50 = 72 000, July 50 000 + 44 000 = 94 000, August 100 000.
        BAC − PV(end of May) = 50 000:
          June   125 000 × 22 000 / 50 000 = 55 000
          July   125 000 × 22 000 / 50 000 = 55 000
          August 125 000 ×  6 000 / 50 000 = 15 000
        Cash at 30 days net from each month's last day: 30 June → 30 July,
        31 July → 30 August, 31 August → 30 September; 55 000 × 1.2 =
        66 000, × 0.95 = 62 700; 15 000 × 1.2 = 18 000, × 0.95 = 17 100."""
        p, affair = replanned((2026, 6, 1), 50)
        t2 = affair.get_plan().lookup_task('T2')
        self.assertEqual((ymd(t2.get_early_start()), ymd(t2.get_early_finish())), ((2026, 6, 1), (2026, 8, 10)))
        self.assertMoney(status_on(affair, 2026, 5, 31).get_pv(), '50000.00 EUR')
        self.assertMoney(status_on(affair, 2026, 6, 30).get_pv(), '72000.00 EUR')
        self.assertMoney(status_on(affair, 2026, 7, 31).get_pv(), '94000.00 EUR')
        self.assertEqual(due_on(affair, 2026, 5, 15), [])
        self.assertForecast(p.compute_dashboard(D(2026, 5, 15)),
                            twelve_months(2026, 5,
                                          billing={(2026, 6): '55000.00 EUR', (2026, 7): '55000.00 EUR',
                                                   (2026, 8): '15000.00 EUR'},
                                          cash_in={(2026, 7): '62700.00 EUR', (2026, 8): '62700.00 EUR',
                                                   (2026, 9): '17100.00 EUR'}))
        # on 30 June the first month is June: PV(30 June) = 72 000, BAC −
        # 72 000 = 28 000; July 125 000 × 22 000 / 28 000 = 98 214.285… →
        # 98 214.29, August 125 000 × 6 000 / 28 000 = 26 785.714… →
        # 26 785.71 (together 125 000); cash 98 214.29 × 1.2 = 117 857.148 →
        # 117 857.15, × 0.95 = 111 964.2925 → 111 964.29 in August;
        # 26 785.71 × 1.2 = 32 142.852 → 32 142.85, × 0.95 = 30 535.7075 →
        # 30 535.71 in September
        self.assertForecast(p.compute_dashboard(D(2026, 6, 30)),
                            twelve_months(2026, 6,
                                          billing={(2026, 7): '98214.29 EUR', (2026, 8): '26785.71 EUR'},
                                          cash_in={(2026, 8): '111964.29 EUR', (2026, 9): '30535.71 EUR'}))

    def test_each_part_rounded(self):
        """T2 from 1 June for 60 working days: 22 in June, 22 in July, 16 in
        August (3–7, 10–14, 17–21, 24: finish 24 August). PV of T2's line,
        in cents, rounded half to even: June 5 000 000 × 22 / 60 =
        1 833 333.33… → 1 833 333, July 5 000 000 × 44 / 60 =
        3 666 666.67 → 3 666 667, August 5 000 000. On 15 May the rest is
        12 500 000 cents over BAC − PV(end of May) = 5 000 000:
          June   12 500 000 × 1 833 333 / 5 000 000 = 4 583 332.5 → 4 583 332
          July   12 500 000 × 1 833 334 / 5 000 000 = 4 583 335
          August 12 500 000 × 1 333 333 / 5 000 000 = 3 333 332.5 → 3 333 332
        each rounded on its own: 124 999.99 of the 125 000 in all. Cash:
          4 583 332 × 1.2 = 5 499 998.4 → 5 499 998, × 0.95 = 5 224 998.1
            → 5 224 998 in July (30 June + 30)
          4 583 335 × 1.2 = 5 500 002, × 0.95 = 5 225 001.9 → 5 225 002 in
            August
          3 333 332 × 1.2 = 3 999 998.4 → 3 999 998, × 0.95 = 3 799 998.1
            → 3 799 998 in September."""
        p, affair = replanned((2026, 6, 1), 60)
        self.assertEqual(ymd(affair.get_plan().lookup_task('T2').get_early_finish()), (2026, 8, 24))
        self.assertMoney(status_on(affair, 2026, 6, 30).get_pv(), '68333.33 EUR')
        self.assertMoney(status_on(affair, 2026, 7, 31).get_pv(), '86666.67 EUR')
        self.assertForecast(p.compute_dashboard(D(2026, 5, 15)),
                            twelve_months(2026, 5,
                                          billing={(2026, 6): '45833.32 EUR', (2026, 7): '45833.35 EUR',
                                                   (2026, 8): '33333.32 EUR'},
                                          cash_in={(2026, 7): '52249.98 EUR', (2026, 8): '52250.02 EUR',
                                                   (2026, 9): '37999.98 EUR'}))

    def test_nothing_beyond_twelve_months(self):
        """T2 from Mon 19 April 2027 for 20 working days: 19–23 and 26–30
        April (10), then May 2027 without Ascension (6) and Whit Monday
        (17): 3, 4, 5, 7, 10–14, 18 (10), finish 18 May 2027. On 15 May
        2026 the twelve months run to April 2027: PV(end of April 2027) =
        50 000 + 50 000 × 10 / 20 = 75 000, so April 2027 bills 125 000 ×
        25 000 / 50 000 = 62 500; the other 62 500 (May 2027) is beyond, and
        so is the cash of April's billing (30 April 2027 + 30 = 30 May
        2027)."""
        p, affair = replanned((2027, 4, 19), 20)
        t2 = affair.get_plan().lookup_task('T2')
        self.assertEqual((ymd(t2.get_early_start()), ymd(t2.get_early_finish())), ((2027, 4, 19), (2027, 5, 18)))
        self.assertForecast(p.compute_dashboard(D(2026, 5, 15)),
                            twelve_months(2026, 5, billing={(2027, 4): '62500.00 EUR'}))

    def test_items_due_and_an_unpaid_invoice(self):
        """The billing terms (30 % advance, situations, 5 % retention, VAT
        20 %, 45 days end of month), as test_billing_schedule: the advance
        F-1 invoiced 20 April (45 000 with VAT, nothing held), unpaid, due 20
        April + 45 = 4 June → 30 June; T1 half done on 30 April, 80 % on 4
        May. On 4 May the situation of April is due: 31 250 of work,
        recovering 9 375: 21 875 excluding VAT, 24 937.50 to pay, due if
        sent on 4 May on 4 May + 45 = 18 June → 30 June.
        May:  billing 21 875.
        June: cash 45 000 (F-1) + 24 937.50 = 69 937.50; billing the rest,
              125 000 − 0 of work billed (the advance is not) − 31 250 =
              93 750, all in June since PV(31 May) = BAC, less the advance
              not yet recovered, 37 500 − 9 375 = 28 125: 65 625.
        August: 65 625 × 1.2 = 78 750, × 0.95 = 74 812.50, invoiced 30
              June: + 45 = 14 August → 31 August."""
        p, affair = billing_affair()
        invoice_first(affair, due_on(affair, 2026, 4, 20), 'F-1', 2026, 4, 20)
        affair.record_progress('T1', D(2026, 4, 30), 5000)
        affair.record_progress('T1', D(2026, 5, 4), 8000)
        items = due_on(affair, 2026, 5, 4)
        self.assertEqual(len(items), 1)
        self.assertItem(items[0], 'situations', BK.SITUATION, (2026, 4, 30), '31250.00 EUR', '9375.00 EUR',
                        '21875.00 EUR', '4375.00 EUR', '26250.00 EUR', '1312.50 EUR', '24937.50 EUR')
        self.assertMoney(status_on(affair, 2026, 5, 4).get_billed(), '0.00 EUR')
        self.assertForecast(p.compute_dashboard(D(2026, 5, 4)),
                            twelve_months(2026, 5,
                                          billing={(2026, 5): '21875.00 EUR', (2026, 6): '65625.00 EUR'},
                                          cash_in={(2026, 6): '69937.50 EUR', (2026, 8): '74812.50 EUR'}))

    def test_items_due_at_60_days_net(self):
        """The same at 60 days net: F-1 due 20 April + 60 = 19 June (June,
        45 000); the situation, sent on 4 May, due 3 July (July, 24 937.50);
        June's 93 750 less the 28 125 of advance left, 65 625, invoiced 30
        June, due 29 August (74 812.50)."""
        p, affair = new_finance_portfolio(billing=True, payment_terms=(60, False))
        invoice_first(affair, due_on(affair, 2026, 4, 20), 'F-1', 2026, 4, 20)
        affair.record_progress('T1', D(2026, 4, 30), 5000)
        self.assertEqual([i.get_milestone_id() for i in due_on(affair, 2026, 5, 4)], ['situations'])
        self.assertForecast(p.compute_dashboard(D(2026, 5, 4)),
                            twelve_months(2026, 5,
                                          billing={(2026, 5): '21875.00 EUR', (2026, 6): '65625.00 EUR'},
                                          cash_in={(2026, 6): '45000.00 EUR', (2026, 7): '24937.50 EUR',
                                                   (2026, 8): '74812.50 EUR'}))

    def test_overdue_invoice_in_the_first_month(self):
        """The billing terms; F-1 (45 000) invoiced 20 April, due 30 June,
        20 000 paid on 1 June; on 10 July 25 000 is owed and overdue: in
        July, the first month. No progress: the situation of June is 0,
        nothing due; nothing accepted. An invoice by hand of 20 July is not
        sent by 10 July: neither owed nor billed. The rest, 125 000, all in
        August (PV(31 July) = BAC), less the whole advance, 37 500, not yet
        recovered: 87 500, invoiced 31 August: + 45 = 15 October → 31
        October, 87 500 × 1.2 = 105 000, × 0.95 = 99 750."""
        p, affair = billing_affair()
        invoice_first(affair, due_on(affair, 2026, 4, 20), 'F-1', 2026, 4, 20)
        affair.record_payment('F-1', D(2026, 6, 1), M('20000.00 EUR'))
        affair.record_invoice('F-9', D(2026, 7, 20), M('10000.00 EUR'))
        late = affair.list_late_payments(D(2026, 7, 10))
        self.assertEqual([(x.get_invoice(), x.get_outstanding().to_string()) for x in late],
                         [('F-1', '25000.00 EUR')])
        self.assertEqual(due_on(affair, 2026, 7, 10), [])
        self.assertForecast(p.compute_dashboard(D(2026, 7, 10)),
                            twelve_months(2026, 7,
                                          billing={(2026, 8): '87500.00 EUR'},
                                          cash_in={(2026, 7): '25000.00 EUR', (2026, 10): '99750.00 EUR'}))
        # The alert of the late invoice, its amount as each language writes
        # it: due 30 June, 10 days late on 10 July, 45 000 − 20 000 owed.
        alerts = p.compute_dashboard(D(2026, 7, 10)).list_alerts()
        self.assertEqual(alerts[-1], affair.get_id() + ' : facture F-1 impayée, 10 jours de retard, '
                                     '25\u202f000,00\u00a0€ dus')
        p.get_policy().set_language('en')
        alerts = p.compute_dashboard(D(2026, 7, 10)).list_alerts()
        self.assertEqual(alerts[-1], affair.get_id() + ': invoice F-1 unpaid, 10 days late, €25,000.00 owed')


# ---- S-curve -------------------------------------------------------------------
#
# tests/c/test-finance.c, test_s_curve, and docs/rules.md, "Dashboard": PV, EV
# and AC of compute_status at each month end from the signature's month to
# until (and until itself), evenly spaced over the 540 × 272 plot from (80,
# 48); y = 320 − value × 272 / max(BAC, values), the height value × 272 /
# max truncated to whole pixels; the BAC dashed; INVALID_VALUE before the
# signature.

def golden_bytes(name):
    with open(os.path.join(os.environ['G_TEST_SRCDIR'], 'data', 'golden', name), 'rb') as f:
        return f.read()


class SCurveTest(FinanceTestCase):
    def test_s_curve(self):
        """The textbook affair to 15 June: points on 30 April (PV 45 000: T1
        9 of its 10 working days, 20–24 and 27–30 April; EV 25 000: T1 half
        done; AC 30 000, TS-17), 31 May (PV 100 000; EV 40 000, T1 80 %; AC
        30 000 + 15 000 + 20 000 (FA-991) = 65 000) and 15 June (the same).
        Top 100 000 (BAC, no value above it); x = 80, 80 + 540 / 2 = 350,
        620; heights × 272 / 100 000: PV 122.4 → 122, 272, 272 → y 198, 48,
        48; EV 68, 108.8 → 108 → y 252, 212, 212; AC 81.6 → 81, 176.8 →
        176 → y 239, 144, 144; the BAC at 320 − 272 = 48."""
        p, affair = textbook()
        svg = affair.to_svg_s_curve(D(2026, 6, 15))
        self.assertIsInstance(svg, str)
        self.assertIn('stroke="#1565c0" points="80,198 350,48 620,48"', svg)
        self.assertIn('stroke="#2e7d32" points="80,252 350,212 620,212"', svg)
        self.assertIn('stroke="#c62828" points="80,239 350,144 620,144"', svg)
        self.assertIn('<line x1="80" y1="48" x2="620" y2="48" stroke="#888"', svg)
        self.assertIn('stroke-dasharray', svg.split('<line x1="80" y1="48" x2="620" y2="48"', 1)[1].split('>')[0])
        # the points' dates: the month ends, then until
        for x, day in ((80, '2026-04-30'), (350, '2026-05-31'), (620, '2026-06-15')):
            self.assertIn('<text x="%d" y="338" text-anchor="middle">%s</text>' % (x, day), svg)
        self.assertIn("Courbe en S de l'affaire OFF-1 au 15 juin 2026", svg)
        # the golden file, byte for byte
        self.assertEqual(svg.encode('utf-8'), golden_bytes('s-curve-fr.svg'))
        # before the signature (20 April)
        e = self.assertAffError(E.INVALID_VALUE, affair.to_svg_s_curve, D(2026, 4, 1))
        self.assertIn('OFF-1', e.message)
        self.assertAffError(E.INVALID_VALUE, affair.to_svg_s_curve, D(2026, 4, 19))

    def test_on_the_signature_day(self):
        """Until the signature day itself, 20 April: a single point, until,
        at x = 80. PV 50 000 × 1 / 10 = 5 000 (T1's first day), EV 0 (no
        progress yet), AC 0 (TS-17 comes on 24 April): top 100 000, heights
        13.6 → 13, 0, 0: y 307, 320, 320."""
        p, affair = textbook()
        svg = affair.to_svg_s_curve(D(2026, 4, 20))
        self.assertIn('stroke="#1565c0" points="80,307"', svg)
        self.assertIn('stroke="#2e7d32" points="80,320"', svg)
        self.assertIn('stroke="#c62828" points="80,320"', svg)
        self.assertIn('<text x="80" y="338" text-anchor="middle">2026-04-20</text>', svg)

    def test_english_title(self):
        """With the policy in English: "S-curve of affair OFF-1 on 15 June
        2026", the top of the scale as Money.format writes 100 000.00 EUR in
        English, "€100,000.00"; the same points."""
        p, affair = textbook()
        self.assertTrue(p.get_policy().set_language('en'))
        svg = affair.to_svg_s_curve(D(2026, 6, 15))
        self.assertIn('>S-curve of affair OFF-1 on 15 June 2026</text>', svg)
        self.assertNotIn('Courbe en S', svg)
        self.assertIn('>€100,000.00</text>', svg)
        self.assertIn('stroke="#1565c0" points="80,198 350,48 620,48"', svg)
        self.assertIn('stroke="#2e7d32" points="80,252 350,212 620,212"', svg)
        self.assertIn('stroke="#c62828" points="80,239 350,144 620,144"', svg)
        self.assertNotEqual(svg.encode('utf-8'), golden_bytes('s-curve-fr.svg'))


if __name__ == '__main__':
    unittest.main()
