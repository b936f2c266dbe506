#!/usr/bin/env python3
"""Offers: pricing an offer, sending it, and the affair its acceptance opens.

The GO consultation CONS-1 of bidding.py is answered by offer OFF-1: two
priced lines, a margin rate and VAT give the cost price, the selling price
and the total the client pays. The client accepts it, and the portfolio
opens the affair OFF-1 with the offer's costs as its budget. Prints the same
lines as offers.c and offers.js (see examples/README.md).

Run from the build tree:
    GI_TYPELIB_PATH=_build/libaffaires LD_LIBRARY_PATH=_build/libaffaires \\
      python3 examples/python/offers.py
"""
# SPDX-License-Identifier: LGPL-2.1-or-later

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib  # noqa: E402


def day(year, month, dom):
    return GLib.Date.new_dmy(dom, GLib.DateMonth(month), year)


def eur(amount):
    return Aff.Money.parse(amount + ' EUR')


def go_consultation():
    """The portfolio of bidding.py: ACME and its consultation CONS-1, decided GO."""
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
    return portfolio


def line(kind, description, quantity, unit, unit_cost, lot):
    # Quantities are decimal text ("12.5"), never floats: no rounding surprise.
    offer_line = Aff.OfferLine.new(kind, description, quantity, unit, eur(unit_cost))
    # The lot groups the lines into the affair's budget items.
    offer_line.set_lot(lot)
    return offer_line


portfolio = go_consultation()

# An offer answers a consultation that was decided GO; it starts as a draft
# with a first revision (A) to fill in.
offer = Aff.Offer.new('OFF-1', 'CONS-1')
portfolio.add_offer(offer)
revision = offer.get_current_revision()
revision.add_line(line(Aff.LineKind.LABOUR, 'Soudage', '120', Aff.LineUnit.HOUR, '60.00', 'T1'))
revision.add_line(line(Aff.LineKind.MATERIAL, 'Tubes', '40', Aff.LineUnit.METRE, '85.50', 'T2'))
# Rates are in basis points: 1 500 is 15 %, 2 000 is 20 %.
revision.set_margin_rate(1500)
revision.set_validity(day(2026, 5, 31))
revision.set_vat_rate(2000)

# Cost price = direct costs + the policy's overheads by kind of line; the
# margin rate is taken on the selling price, not added to the cost.
print('cost price %s' % revision.get_cost_price().format('fr'))
print('selling price %s' % revision.get_selling_price().format('fr'))
print('margin rate %.2f %%' % (revision.get_margin_rate() / 100))
print('total incl. VAT %s' % revision.get_total_including_vat().format('fr'))

# Sending freezes revision A; accepting it turns the offer into an affair.
offer.send(day(2026, 4, 1))
offer.accept(day(2026, 4, 20), 'CT-2026-001')
print('state %s' % offer.get_state().value_nick)

affair = portfolio.lookup_affair('OFF-1')
print('affair %s budget %s' % (affair.get_id(), affair.get_budget_total().format('fr')))
