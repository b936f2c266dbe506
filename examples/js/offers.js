// offers.js: pricing an offer, sending it, and the affair its acceptance
// opens, from GJS.
//
// The consultation CONS-1 of bidding.js, decided GO, is answered by offer
// OFF-1: two priced lines, a margin rate and VAT. The client accepts it and
// the portfolio opens the affair OFF-1, the offer's costs as its budget
// (examples/README.md, 3).
//
// Run: gjs -m examples/js/offers.js
// (with GI_TYPELIB_PATH and LD_LIBRARY_PATH pointing at the build folder when
// libaffaires is not installed). Exits with status 1 if anything fails.

import Aff from 'gi://Aff?version=1';
import GLib from 'gi://GLib';
import System from 'system';

function day(year, month, dayOfMonth) {
    return GLib.Date.new_dmy(dayOfMonth, month, year);
}

function eur(amount) {
    return Aff.Money.parse(`${amount} EUR`);
}

// GJS gives enum values by name (Aff.OfferState.ACCEPTED); their nicks are
// those names in lower case with dashes ("accepted").
function nick(enumType, value) {
    const name = Object.keys(enumType).find(key => enumType[key] === value);
    return name.toLowerCase().replaceAll('_', '-');
}

// The portfolio of bidding.js: ACME and its consultation CONS-1, decided GO.
function goConsultation() {
    const portfolio = Aff.Portfolio.new();
    portfolio.set_actor('exemple');
    portfolio.set_fixed_time(GLib.DateTime.new_utc(2026, 3, 1, 9, 0, 0));
    portfolio.get_policy().set_activities(['pipework', 'boilermaking']);

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

    const solvency = Aff.Solvency.new(day(2026, 1, 15));
    solvency.set_working_capital(eur('200000.00'));
    solvency.set_retained_earnings(eur('300000.00'));
    solvency.set_ebit(eur('100000.00'));
    solvency.set_book_equity(eur('400000.00'));
    solvency.set_total_liabilities(eur('500000.00'));
    solvency.set_total_assets(eur('1000000.00'));
    solvency.set_sales(eur('2000000.00'));
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

function line(kind, description, quantity, unit, unitCost, lot) {
    // Quantities are decimal text ("12.5"), never floats: no rounding surprise.
    const offerLine = Aff.OfferLine.new(kind, description, quantity, unit, eur(unitCost));
    // The lot groups the lines into the affair's budget items.
    offerLine.set_lot(lot);
    return offerLine;
}

function main() {
    const portfolio = goConsultation();

    // An offer answers a GO consultation; it starts as a draft whose first
    // revision, A, takes its overhead rates from the policy.
    const offer = Aff.Offer.new('OFF-1', 'CONS-1');
    portfolio.add_offer(offer);
    const revision = offer.get_current_revision();
    revision.add_line(line(Aff.LineKind.LABOUR, 'Soudage', '120', Aff.LineUnit.HOUR, '60.00', 'T1'));
    revision.add_line(line(Aff.LineKind.MATERIAL, 'Tubes', '40', Aff.LineUnit.METRE, '85.50', 'T2'));
    // Rates are in basis points: 1 500 is 15 %, 2 000 is 20 %.
    revision.set_margin_rate(1500);
    revision.set_validity(day(2026, 5, 31));
    revision.set_vat_rate(2000);

    // The margin rate is taken on the selling price, not added to the cost;
    // what comes back is the rate of the rounded prices.
    print(`cost price ${revision.get_cost_price().format('fr')}`);
    print(`selling price ${revision.get_selling_price().format('fr')}`);
    print(`margin rate ${(revision.get_margin_rate() / 100).toFixed(2)} %`);
    print(`total incl. VAT ${revision.get_total_including_vat().format('fr')}`);

    // Sending freezes revision A; accepting it makes the offer an affair.
    offer.send(day(2026, 4, 1));
    offer.accept(day(2026, 4, 20), 'CT-2026-001');
    print(`state ${nick(Aff.OfferState, offer.get_state())}`);

    // The affair's budget is the offer's direct costs, without overheads.
    const affair = portfolio.lookup_affair('OFF-1');
    print(`affair ${affair.get_id()} budget ${affair.get_budget_total().format('fr')}`);
}

try {
    main();
} catch (e) {
    printerr(`offers.js failed: ${e instanceof GLib.Error ? e.message : e}`);
    if (e.stack)
        printerr(e.stack);
    System.exit(1);
}
