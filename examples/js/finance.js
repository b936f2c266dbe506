// finance.js: the financial follow-up of an affair by earned value, from GJS.
//
// The affair OFF-1 of dossier.js: its plan, two costs in the ledger and the
// progress measured on site give, on 4 May, the planned and earned values,
// the actual cost, the performance indices, the estimate at completion and
// the margin it leaves (examples/README.md, 6).
//
// Run: gjs -m examples/js/finance.js
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

// The story of bidding.js and offers.js, told without comment: ACME, its
// consultation CONS-1 decided GO and its offer OFF-1, accepted on
// 2026-04-20, which opened the affair OFF-1.
function acceptedAffair() {
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

// The affair's plan: T1 then T2, five working days each, from the signature
// (Monday 2026-04-20). Their ids are the offer's lots, so that each task
// carries the budget of its lot.
function planTasks(affair) {
    const plan = affair.get_plan();
    plan.add_task(Aff.Task.new('T1', 'Préfabrication', 5));
    plan.add_task(Aff.Task.new('T2', 'Montage', 5));
    plan.add_dependency('T1', 'T2', Aff.DependencyType.FINISH_START, 0);
    plan.schedule();
    return plan;
}

// Ratio getters return [defined, value]: a CPI with nothing spent yet, or
// an SPI with nothing planned yet, is undefined rather than zero.
function ratio([defined, value]) {
    return defined ? value.toFixed(2) : 'undefined';
}

function main() {
    const [, affair] = acceptedAffair();
    planTasks(affair);

    // The ledger records costs by work (task or lot) and category; only
    // ACTUAL costs are spent money, COMMITTED ones (orders) are kept apart.
    const ledger = affair.get_ledger();
    ledger.add(Aff.CostEntry.new(day(2026, 4, 24), 'T1', Aff.CostCategory.LABOUR,
        Aff.CostState.ACTUAL, eur('3000.00')));
    ledger.add(Aff.CostEntry.new(day(2026, 5, 4), 'T2', Aff.CostCategory.MATERIAL,
        Aff.CostState.ACTUAL, eur('2000.00')));

    // Physical progress in basis points (10 000 = done), as measured on
    // site: it, not the money spent, is what earns value.
    affair.record_progress('T1', day(2026, 4, 30), 10000);
    affair.record_progress('T2', day(2026, 5, 4), 4000);

    // Each lot's budget is spread over the dates of its task (without a
    // baseline, the current schedule's): that gives the planned value.
    const may4 = day(2026, 5, 4);
    const status = affair.compute_status(may4);
    print(`BAC ${status.get_bac().format('fr')}`);
    print(`PV ${status.get_pv().format('fr')}`);
    print(`EV ${status.get_ev().format('fr')}`);
    print(`AC ${status.get_ac().format('fr')}`);
    print(`CPI ${ratio(status.get_cpi())}`);
    print(`SPI ${ratio(status.get_spi())}`);
    print(`EAC ${status.get_eac().format('fr')}`);
    print(`margin at completion ${status.get_margin_at_completion().format('fr')}`);

    // Drifts are the indicators past the policy's thresholds, each waiting
    // for a corrective action.
    print(`drifts ${affair.list_drifts(may4).length}`);
}

try {
    main();
} catch (e) {
    printerr(`finance.js failed: ${e instanceof GLib.Error ? e.message : e}`);
    if (e.stack)
        printerr(e.stack);
    System.exit(1);
}
