"""The story the Python examples share, up to where each one starts.

The seven examples follow one affair through the role (see
examples/README.md): ACME becomes a client (section 1), asks for a
quotation the company decides to answer (2), accepts the offer, which opens
the affair OFF-1 (3), whose plan and dossier (5), accounts (6) and lessons
(7) follow. Each example shows its own step in full, commented; the steps
before it come from here, in the same order and with the same dates, names
and amounts, so that the journal, and so the output, is the one the README
describes.

The examples import it as a plain module: run as
`python3 examples/python/<name>.py`, a script has its own folder on sys.path.
"""
# SPDX-License-Identifier: LGPL-2.1-or-later

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib  # noqa: E402


def day(year, month, dom):
    """Every date of the examples is written year, month, day."""
    return GLib.Date.new_dmy(dom, GLib.DateMonth(month), year)


def eur(amount):
    # Amounts are parsed from text, never floats: no rounding surprise.
    return Aff.Money.parse(amount + ' EUR')


def iso(date):
    # Dates print as ISO YYYY-MM-DD, the same in the three languages.
    return '%04d-%02d-%02d' % (date.get_year(), int(date.get_month()), date.get_day())


def new_portfolio():
    """The portfolio every example but planning.py starts from (README,
    introduction)."""
    portfolio = Aff.Portfolio.new()
    # A fixed clock, so that the journal (and the output) is the same every run.
    portfolio.set_fixed_time(GLib.DateTime.new_utc(2026, 3, 1, 9, 0, 0))
    portfolio.set_actor('exemple')
    # The trades the company works in: the go / no-go's first gate.
    portfolio.get_policy().set_activities(['pipework', 'boilermaking'])
    return portfolio


def add_client(portfolio):
    """The client ACME of clients.py (section 1): its contact, the visit of
    January and the survey of February, recorded through the portfolio so
    that they are journaled. Returns the client."""
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
    return client


def go_consultation():
    """The portfolio of bidding.py (section 2): ACME with the solvency
    assessment the evaluation's solvency gate needs, and its consultation
    CONS-1, qualified, evaluated and decided GO. An offer can only answer a
    consultation the company chose to answer. Returns the portfolio."""
    portfolio = new_portfolio()
    client = add_client(portfolio)

    solvency = Aff.Solvency.new(day(2026, 1, 15))
    for setter, amount in [(solvency.set_working_capital, '200000.00'),
                           (solvency.set_retained_earnings, '300000.00'),
                           (solvency.set_ebit, '100000.00'),
                           (solvency.set_book_equity, '400000.00'),
                           (solvency.set_total_liabilities, '500000.00'),
                           (solvency.set_total_assets, '1000000.00'),
                           (solvency.set_sales, '2000000.00')]:
        setter(eur(amount))
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


def accepted_affair():
    """The affair OFF-1 of offers.py (section 3): the GO consultation above
    answered by the offer OFF-1, priced, sent on 2026-04-01 and accepted on
    2026-04-20. Accepting it opens the affair, whose budget comes from the
    offer's lots T1 and T2. Returns the portfolio and the affair."""
    portfolio = go_consultation()
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
    """The affair's plan (sections 5, 6 and 7): T1 then T2, five working
    days each, from the signature (Monday 2026-04-20). The task ids are the
    offer's lots, so that costs and progress line up with the budget.
    Returns the plan."""
    plan = affair.get_plan()
    plan.add_task(Aff.Task.new('T1', 'Préfabrication', 5))
    plan.add_task(Aff.Task.new('T2', 'Montage', 5))
    plan.add_dependency('T1', 'T2', Aff.DependencyType.FINISH_START, 0)
    plan.schedule()
    return plan


def book_costs(affair):
    """The costs and progress of finance.py (section 6), as booked by
    2026-05-04: what the REX of rex.py and its audit read as the affair's
    finances."""
    ledger = affair.get_ledger()
    for date, work, category, amount in [
            (day(2026, 4, 24), 'T1', Aff.CostCategory.LABOUR, '3000.00'),
            (day(2026, 5, 4), 'T2', Aff.CostCategory.MATERIAL, '2000.00')]:
        ledger.add(Aff.CostEntry.new(date, work, category, Aff.CostState.ACTUAL, eur(amount)))
    affair.record_progress('T1', day(2026, 4, 30), 10000)
    affair.record_progress('T2', day(2026, 5, 4), 4000)
