// story.js: the story the GJS examples share, up to where each one starts.
//
// The seven examples follow one affair through the role (see
// examples/README.md): ACME becomes a client (section 1), asks for a
// quotation the company decides to answer (2), accepts the offer, which
// opens the affair OFF-1 (3), whose plan and dossier (5), accounts (6) and
// lessons (7) follow. Each example shows its own step in full, commented;
// the steps before it come from here, in the same order and with the same
// dates, names and amounts, so that the journal, and so the output, is the
// one the README describes.
//
// An ES module: the examples import it by a path relative to themselves,
// `import {day, acceptedAffair} from './story.js';`, so it is found wherever
// they are run from.

import Aff from 'gi://Aff?version=1';
import GLib from 'gi://GLib';

// Every date of the examples is written year, month, day.
export function day(year, month, dayOfMonth) {
    return GLib.Date.new_dmy(dayOfMonth, month, year);
}

// Amounts are parsed from text, never from floats: no rounding surprise.
export function eur(amount) {
    return Aff.Money.parse(`${amount} EUR`);
}

// Dates print as ISO YYYY-MM-DD, the same in the three languages.
export function iso(d) {
    const pad = n => String(n).padStart(2, '0');
    return `${d.get_year()}-${pad(d.get_month())}-${pad(d.get_day())}`;
}

// GJS gives enum values by name (Aff.BidVerdict.NO_GO); their nicks, as the
// journal and the documents spell them, are those names in lower case with
// dashes ("no-go").
export function nick(enumType, value) {
    const name = Object.keys(enumType).find(key => enumType[key] === value);
    return name.toLowerCase().replaceAll('_', '-');
}

// The portfolio every example but planning.js starts from (README,
// introduction). Every change goes to its journal with a time and an
// actor; a fixed clock makes the journal, and so the output, reproducible.
// The policy's activities are the trades the company works in: the go /
// no-go's first gate.
export function newPortfolio() {
    const portfolio = Aff.Portfolio.new();
    portfolio.set_actor('exemple');
    portfolio.set_fixed_time(GLib.DateTime.new_utc(2026, 3, 1, 9, 0, 0));
    portfolio.get_policy().set_activities(['pipework', 'boilermaking']);
    return portfolio;
}

// The client ACME of clients.js (section 1): its contact, the visit of
// January and the survey of February, recorded through the portfolio so
// that they are journaled. Returns the client.
export function addClient(portfolio) {
    const client = Aff.Client.new('ACME', 'ACME Industrie');
    client.set_siren('732829320');
    client.set_sector('28.29B');
    portfolio.add_client(client);
    const claire = Aff.Contact.new('Claire Martin');
    claire.set_role('responsable maintenance');
    client.add_contact(claire);
    portfolio.record_interaction('ACME',
        Aff.Interaction.new(Aff.InteractionKind.VISIT, day(2026, 1, 12), "visite de l'atelier"));
    const survey = Aff.Interaction.new(Aff.InteractionKind.SURVEY, day(2026, 2, 20), 'enquête');
    survey.set_satisfaction(8);
    portfolio.record_interaction('ACME', survey);
    return client;
}

// The portfolio of bidding.js (section 2): ACME with the solvency
// assessment the evaluation's solvency gate needs, and its consultation
// CONS-1, qualified, evaluated and decided GO. An offer can only answer a
// consultation the company chose to answer. Returns the portfolio.
export function goConsultation() {
    const portfolio = newPortfolio();
    const client = addClient(portfolio);

    const solvency = Aff.Solvency.new(day(2026, 1, 15));
    for (const [setter, amount] of [
        ['set_working_capital', '200000.00'],
        ['set_retained_earnings', '300000.00'],
        ['set_ebit', '100000.00'],
        ['set_book_equity', '400000.00'],
        ['set_total_liabilities', '500000.00'],
        ['set_total_assets', '1000000.00'],
        ['set_sales', '2000000.00'],
    ])
        solvency[setter](eur(amount));
    client.add_solvency(solvency);

    const consultation = Aff.Consultation.new('CONS-1', 'ACME', 'Remplacement de tuyauteries',
        day(2026, 3, 2), day(2026, 4, 15));
    consultation.set_activities(['pipework']);
    consultation.set_estimated_value(eur('120000.00'));
    consultation.set_bid_cost(eur('1500.00'));
    consultation.set_expected_margin_rate(1600);
    consultation.set_estimated_hours(800);
    portfolio.add_consultation(consultation);
    const risk = Aff.Risk.new('Délai des brides', Aff.RiskCategory.SCHEDULE, 3, 4);
    risk.set_treatment(Aff.RiskTreatment.REDUCE);
    consultation.get_risk_register().add_risk(risk);

    consultation.start_qualification(day(2026, 3, 3), 'analyse du cahier des charges');
    portfolio.evaluate_consultation('CONS-1', day(2026, 3, 5));
    portfolio.decide_consultation('CONS-1', Aff.BidVerdict.GO, 'Direction', 'client stratégique');
    return portfolio;
}

// The affair OFF-1 of offers.js (section 3): the GO consultation above
// answered by the offer OFF-1, priced, sent on 2026-04-01 and accepted on
// 2026-04-20. Accepting it opens the affair, whose budget comes from the
// offer's lots T1 and T2. Returns [portfolio, affair].
export function acceptedAffair() {
    const portfolio = goConsultation();
    const offer = Aff.Offer.new('OFF-1', 'CONS-1');
    portfolio.add_offer(offer);
    const revision = offer.get_current_revision();
    for (const [kind, description, quantity, unit, unitCost, lot] of [
        [Aff.LineKind.LABOUR, 'Soudage', '120', Aff.LineUnit.HOUR, '60.00', 'T1'],
        [Aff.LineKind.MATERIAL, 'Tubes', '40', Aff.LineUnit.METRE, '85.50', 'T2'],
    ]) {
        const offerLine = Aff.OfferLine.new(kind, description, quantity, unit, eur(unitCost));
        offerLine.set_lot(lot);
        revision.add_line(offerLine);
    }
    revision.set_margin_rate(1500);
    revision.set_validity(day(2026, 5, 31));
    revision.set_vat_rate(2000);
    offer.send(day(2026, 4, 1));
    offer.accept(day(2026, 4, 20), 'CT-2026-001');
    return [portfolio, portfolio.lookup_affair('OFF-1')];
}

// The affair's plan (sections 5, 6 and 7): T1 then T2, five working days
// each, from the signature (Monday 2026-04-20). Their ids are the offer's
// lots, so that each task carries the budget of its lot. Returns the plan.
export function planTasks(affair) {
    const plan = affair.get_plan();
    plan.add_task(Aff.Task.new('T1', 'Préfabrication', 5));
    plan.add_task(Aff.Task.new('T2', 'Montage', 5));
    plan.add_dependency('T1', 'T2', Aff.DependencyType.FINISH_START, 0);
    plan.schedule();
    return plan;
}

// The costs and progress of finance.js (section 6), as booked by 4 May:
// what the REX of rex.js and its audit read as the affair's finances.
export function bookCosts(affair) {
    const ledger = affair.get_ledger();
    for (const [date, work, category, amount] of [
        [day(2026, 4, 24), 'T1', Aff.CostCategory.LABOUR, '3000.00'],
        [day(2026, 5, 4), 'T2', Aff.CostCategory.MATERIAL, '2000.00'],
    ])
        ledger.add(Aff.CostEntry.new(date, work, category, Aff.CostState.ACTUAL, eur(amount)));
    affair.record_progress('T1', day(2026, 4, 30), 10000);
    affair.record_progress('T2', day(2026, 5, 4), 4000);
}
