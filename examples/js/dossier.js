// dossier.js: the follow-up file of an affair, and what it lacks, from GJS.
//
// The affair OFF-1 of offers.js, planned in two tasks, is followed in its
// dossier: a kick-off meeting and a progress review, a decision, an action
// and the quality plan. Checking the dossier on 20 May lists what a quality
// audit would find missing, then the actions still open
// (examples/README.md, 5).
//
// Run: gjs -m examples/js/dossier.js
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

// GJS gives enum values by name (Aff.DossierGapKind.PERIOD_REPORT); their
// nicks are those names in lower case with dashes ("period-report").
function nick(enumType, value) {
    const name = Object.keys(enumType).find(key => enumType[key] === value);
    return name.toLowerCase().replaceAll('_', '-');
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

function main() {
    const [, affair] = acceptedAffair();

    // The affair's plan starts on the day the contract was signed (Monday
    // 2026-04-20); the tasks are named after the offer's lots.
    const plan = affair.get_plan();
    plan.add_task(Aff.Task.new('T1', 'Préfabrication', 5));
    plan.add_task(Aff.Task.new('T2', 'Montage', 5));
    plan.add_dependency('T1', 'T2', Aff.DependencyType.FINISH_START, 0);
    plan.schedule();

    // Every affair has its dossier; what goes into it is journaled, and a
    // recorded item changes only through the dossier.
    const dossier = affair.get_dossier();
    dossier.add_meeting(Aff.Meeting.new('R-1', Aff.MeetingKind.KICK_OFF, day(2026, 4, 21), null));
    dossier.record_minutes('R-1', 'Lancement validé');
    // No minutes for R-2: a meeting left without them is a gap once they
    // are overdue.
    dossier.add_meeting(Aff.Meeting.new('R-2', Aff.MeetingKind.PROGRESS_REVIEW, day(2026, 5, 5), null));

    dossier.add_decision(Aff.Decision.new('D-1', day(2026, 5, 5),
        'Commander les tubes chez un second fournisseur', 'Claire Martin'));
    dossier.add_action(Aff.Action.new('A-1', 'Relancer le fournisseur', 'Claire Martin',
        day(2026, 5, 5), day(2026, 5, 8)));

    // A document is registered, then issued as its first revision.
    dossier.add_document(Aff.Document.new('PQ-01', 'Plan qualité'), day(2026, 4, 21));
    dossier.issue_document('PQ-01', day(2026, 4, 21));

    // The check reads the dossier as it stood on that day, against the plan
    // and the policy's delays (minutes, monthly reports, ...).
    for (const gap of dossier.check(day(2026, 5, 20)))
        print(`gap ${nick(Aff.DossierGapKind, gap.get_kind())}${gap.get_subject() ? ` ${gap.get_subject()}` : ''}`);

    // A-1, due on 8 May, was never closed: still open on 20 May.
    print(`open actions ${dossier.list_open_actions(day(2026, 5, 20)).length}`);
}

try {
    main();
} catch (e) {
    printerr(`dossier.js failed: ${e instanceof GLib.Error ? e.message : e}`);
    if (e.stack)
        printerr(e.stack);
    System.exit(1);
}
