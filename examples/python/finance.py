#!/usr/bin/env python3
"""Finance: the earned-value status of an affair, and its drifts.

The affair OFF-1 of offers.py, planned as in dossier.py, has its first
actual costs and progress. Its status on 2026-05-04 compares what was
planned (PV), what was earned (EV) and what was spent (AC), forecasts the
cost and the margin at completion, and lists the drifts the policy's
thresholds flag. Prints the same lines as finance.c and finance.js (see
examples/README.md).

Run from the build tree:
    GI_TYPELIB_PATH=_build/libaffaires LD_LIBRARY_PATH=_build/libaffaires \\
      python3 examples/python/finance.py
"""
# SPDX-License-Identifier: LGPL-2.1-or-later

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib  # noqa: E402


def day(year, month, dom):
    return GLib.Date.new_dmy(dom, GLib.DateMonth(month), year)


def eur(amount):
    return Aff.Money.parse(amount + ' EUR')


def accepted_affair():
    """The story of bidding.py and offers.py, told without comment: ACME,
    its consultation CONS-1 decided GO, and its offer OFF-1 accepted on
    2026-04-20, which opened the affair OFF-1. Returns the portfolio and
    the affair."""
    portfolio = Aff.Portfolio.new()
    # A fixed clock, so that the journal (and this output) is the same every run.
    portfolio.set_fixed_time(GLib.DateTime.new_utc(2026, 3, 1, 9, 0, 0))
    portfolio.set_actor('exemple')
    portfolio.get_policy().set_activities(['pipework', 'boilermaking'])

    client = Aff.Client.new('ACME', 'ACME Industrie')
    client.set_siren('732829320')
    client.set_sector('28.29B')
    portfolio.add_client(client)
    contact = Aff.Contact.new('Claire Martin')
    contact.set_role('responsable maintenance')
    client.add_contact(contact)
    portfolio.record_interaction('ACME', Aff.Interaction.new(
        Aff.InteractionKind.VISIT, day(2026, 1, 12), "visite de l'atelier"))
    survey = Aff.Interaction.new(Aff.InteractionKind.SURVEY, day(2026, 2, 20), 'enquête')
    survey.set_satisfaction(8)
    portfolio.record_interaction('ACME', survey)

    solvency = Aff.Solvency.new(day(2026, 1, 15))
    solvency.set_working_capital(eur('200000.00'))
    solvency.set_retained_earnings(eur('300000.00'))
    solvency.set_ebit(eur('100000.00'))
    solvency.set_book_equity(eur('400000.00'))
    solvency.set_total_liabilities(eur('500000.00'))
    solvency.set_total_assets(eur('1000000.00'))
    solvency.set_sales(eur('2000000.00'))
    client.add_solvency(solvency)

    consultation = Aff.Consultation.new('CONS-1', 'ACME', 'Remplacement de tuyauteries',
                                        day(2026, 3, 2), day(2026, 4, 15))
    consultation.set_activities(['pipework'])
    consultation.set_estimated_value(eur('120000.00'))
    consultation.set_bid_cost(eur('1500.00'))
    consultation.set_expected_margin_rate(1600)
    consultation.set_estimated_hours(800)
    portfolio.add_consultation(consultation)
    risk = Aff.Risk.new('Délai des brides', Aff.RiskCategory.SCHEDULE, 3, 4)
    risk.set_treatment(Aff.RiskTreatment.REDUCE)
    consultation.get_risk_register().add_risk(risk)
    consultation.start_qualification(day(2026, 3, 3), 'analyse de la demande')
    portfolio.evaluate_consultation('CONS-1', day(2026, 3, 5))
    portfolio.decide_consultation('CONS-1', Aff.BidVerdict.GO, 'Direction', 'client stratégique')

    offer = Aff.Offer.new('OFF-1', 'CONS-1')
    portfolio.add_offer(offer)
    revision = offer.get_current_revision()
    for kind, description, quantity, unit, unit_cost, lot in [
            (Aff.LineKind.LABOUR, 'Soudage', '120', Aff.LineUnit.HOUR, '60.00', 'T1'),
            (Aff.LineKind.MATERIAL, 'Tubes', '40', Aff.LineUnit.METRE, '85.50', 'T2')]:
        offer_line = Aff.OfferLine.new(kind, description, quantity, unit, eur(unit_cost))
        offer_line.set_lot(lot)
        revision.add_line(offer_line)
    revision.set_margin_rate(1500)
    revision.set_validity(day(2026, 5, 31))
    revision.set_vat_rate(2000)
    offer.send(day(2026, 4, 1))
    offer.accept(day(2026, 4, 20), 'CT-2026-001')
    return portfolio, portfolio.lookup_affair('OFF-1')


def plan_tasks(affair):
    """The affair's plan: T1 then T2, five working days each, from the
    signature (Monday 2026-04-20)."""
    plan = affair.get_plan()
    plan.add_task(Aff.Task.new('T1', 'Préfabrication', 5))
    plan.add_task(Aff.Task.new('T2', 'Montage', 5))
    plan.add_dependency('T1', 'T2', Aff.DependencyType.FINISH_START, 0)
    plan.schedule()
    return plan


def ratio(result):
    # Ratio getters return (defined, value): a CPI with nothing spent yet,
    # or an SPI with nothing planned yet, is undefined rather than zero.
    defined, value = result
    return '%.2f' % value if defined else 'undefined'


portfolio, affair = accepted_affair()
plan_tasks(affair)

# The ledger records costs by task ("work") and category; only ACTUAL
# costs count as spent, COMMITTED ones (orders) are tracked apart.
ledger = affair.get_ledger()
ledger.add(Aff.CostEntry.new(day(2026, 4, 24), 'T1', Aff.CostCategory.LABOUR,
                             Aff.CostState.ACTUAL, eur('3000.00')))
ledger.add(Aff.CostEntry.new(day(2026, 5, 4), 'T2', Aff.CostCategory.MATERIAL,
                             Aff.CostState.ACTUAL, eur('2000.00')))

# Physical progress, in basis points (10 000 = done), as measured on site:
# it, not the money spent, is what earns value.
affair.record_progress('T1', day(2026, 4, 30), 10000)
affair.record_progress('T2', day(2026, 5, 4), 4000)

# The budget of each lot is planned over the dates of its task (without a
# baseline, the current schedule's), which gives the planned value.
status = affair.compute_status(day(2026, 5, 4))
print('BAC %s' % status.get_bac().format('fr'))
print('PV %s' % status.get_pv().format('fr'))
print('EV %s' % status.get_ev().format('fr'))
print('AC %s' % status.get_ac().format('fr'))
print('CPI %s' % ratio(status.get_cpi()))
print('SPI %s' % ratio(status.get_spi()))
print('EAC %s' % status.get_eac().format('fr'))
print('margin at completion %s' % status.get_margin_at_completion().format('fr'))
print('drifts %d' % len(affair.list_drifts(day(2026, 5, 4))))
