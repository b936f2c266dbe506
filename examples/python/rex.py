#!/usr/bin/env python3
"""Lessons learned and audit: closing the loop from one affair to the next.

The affair OFF-1 of finance.py is finished and accepted; its lessons
learned (REX) are drawn up and validated. When ACME sends a new request,
CONS-2, the portfolio finds what OFF-1 taught about such work; last, the
affair's dossier is audited against the criteria of the role. Prints the
same lines as rex.c and rex.js (see examples/README.md).

Run from the build tree:
    GI_TYPELIB_PATH=_build/libaffaires LD_LIBRARY_PATH=_build/libaffaires \\
      python3 examples/python/rex.py
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


portfolio, affair = accepted_affair()
plan = plan_tasks(affair)

# The costs and progress of finance.py.
ledger = affair.get_ledger()
ledger.add(Aff.CostEntry.new(day(2026, 4, 24), 'T1', Aff.CostCategory.LABOUR,
                             Aff.CostState.ACTUAL, eur('3000.00')))
ledger.add(Aff.CostEntry.new(day(2026, 5, 4), 'T2', Aff.CostCategory.MATERIAL,
                             Aff.CostState.ACTUAL, eur('2000.00')))
affair.record_progress('T1', day(2026, 4, 30), 10000)
affair.record_progress('T2', day(2026, 5, 4), 4000)

# The work is finished: T2 done, and the actual dates of both tasks, from
# which the REX takes the actual finish.
affair.record_progress('T2', day(2026, 5, 8), 10000)
plan.start_task('T1', day(2026, 4, 20))
plan.finish_task('T1', day(2026, 4, 24))
plan.start_task('T2', day(2026, 4, 27))
plan.finish_task('T2', day(2026, 5, 8))
# The client accepts the work (réception): the final invoice becomes due.
# False: no bank guarantee replaces the retention.
affair.record_acceptance(day(2026, 5, 11), False)

# The REX is filled in from the affair's history as it stands on that day
# (margins, slips, hazards, decisions); the team adds what it learned, then
# validates it, after which it can no longer change.
rex = affair.create_rex(day(2026, 5, 11))
rex.add_good_practice('Tubes commandés dès la signature')
rex.add_difficulty('Accès au site limité', 'Travail en horaires décalés')
rex.add_improvement(Aff.Improvement.new("Réserver l'accès au site à la commande",
                                        'Deux jours perdus', 'Deux jours gagnés',
                                        'Claire Martin'))
# Tags are the words that will find this REX again.
rex.set_tags(['tuyauterie'])
rex.validate(day(2026, 5, 11))
print('rex validated %s' % ('yes' if rex.is_validated() else 'no'))

# A new request from the same client, for the same kind of work.
consultation = Aff.Consultation.new('CONS-2', 'ACME', 'Tuyauterie ligne 4',
                                    day(2026, 6, 1), day(2026, 6, 30))
consultation.set_activities(['pipework'])
portfolio.add_consultation(consultation)

# Only validated REX teach. Each past affair is scored on what it shares
# with the query (client, activities, tags, words of the title), and every
# practice, difficulty and improvement of its REX is a lesson, best first.
query = Aff.LessonQuery.new(consultation.get_client_id(), consultation.get_activities(),
                            None, consultation.get_title())
lessons = portfolio.find_lessons(query)
print('lessons for CONS-2 %d' % len(lessons))
print('first lesson %s' % lessons[0].get_text())

# The audit reads the whole dossier (bidding, offer, plan, follow-up,
# finance, REX) against the criteria of the role, as an auditor would.
audit = portfolio.audit_affair('OFF-1', day(2026, 5, 31))
print('audit score %d' % audit.get_score())
print('audit met %d' % audit.count(Aff.AuditStatus.MET))
