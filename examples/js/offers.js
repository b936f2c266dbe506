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

import {day, eur, goConsultation, nick} from './story.js';

function line(kind, description, quantity, unit, unitCost, lot) {
    // Quantities are decimal text ("12.5"), never floats: no rounding surprise.
    const offerLine = Aff.OfferLine.new(kind, description, quantity, unit, eur(unitCost));
    // The lot groups the lines into the affair's budget items.
    offerLine.set_lot(lot);
    return offerLine;
}

function main() {
    // The portfolio of bidding.js: ACME and its consultation CONS-1, decided GO.
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
