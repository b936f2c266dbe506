#!/usr/bin/env python3
"""Follow-up and documents: the dossier of an affair, and what it lacks.

The affair OFF-1 of offers.py, planned in two tasks, is followed in its
dossier: the kick-off meeting and a progress review, a decision, an action
and the quality plan. Checking the dossier on 2026-05-20 lists the gaps a
quality audit would find, then the actions still open. Prints the same
lines as dossier.c and dossier.js (see examples/README.md).

Run from the build tree:
    GI_TYPELIB_PATH=_build/libaffaires LD_LIBRARY_PATH=_build/libaffaires \\
      python3 examples/python/dossier.py
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
plan_tasks(affair)
# Every affair has its dossier; what goes into it is journaled.
dossier = affair.get_dossier()

kick_off = Aff.Meeting.new('R-1', Aff.MeetingKind.KICK_OFF, day(2026, 4, 21), None)
dossier.add_meeting(kick_off)
# Minutes go through the dossier, which journals them. R-2 gets none: a
# meeting left without minutes for longer than the policy allows is a gap.
dossier.record_minutes('R-1', 'Lancement validé')
dossier.add_meeting(Aff.Meeting.new('R-2', Aff.MeetingKind.PROGRESS_REVIEW, day(2026, 5, 5), None))

dossier.add_decision(Aff.Decision.new('D-1', day(2026, 5, 5),
                                      'Commander les tubes chez un second fournisseur',
                                      'Claire Martin'))
dossier.add_action(Aff.Action.new('A-1', 'Relancer le fournisseur', 'Claire Martin',
                                  day(2026, 5, 5), day(2026, 5, 8)))

# A document is registered the day it is made; issuing it sends its latest
# revision to the client.
dossier.add_document(Aff.Document.new('PQ-01', 'Plan qualité'), day(2026, 4, 21))
dossier.issue_document('PQ-01', day(2026, 4, 21))

# What the dossier should hold by that day and lacks: a kick-off once the
# work has started, minutes of past meetings, the policy's periodic
# management reports (none was recorded here), a decision for each hazard...
for gap in dossier.check(day(2026, 5, 20)):
    subject = gap.get_subject()
    print('gap %s%s' % (gap.get_kind().value_nick, ' ' + subject if subject else ''))

# A-1 was due on 2026-05-08 and nobody closed it: still open, and late.
print('open actions %d' % len(dossier.list_open_actions(day(2026, 5, 20))))
