// rex.js: lessons learned from a finished affair, found again for a new
// consultation, and the audit of the affair's file, from GJS.
//
// The affair OFF-1 of finance.js is carried to its end: T2 done, the tasks'
// actual dates, the acceptance. Its REX (retour d'expérience) is drawn up
// and validated; a new pipework consultation of the same client then finds
// its lessons, and the affair is audited against the role's criteria
// (examples/README.md, 7).
//
// Run: gjs -m examples/js/rex.js
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

// The affair of finance.js: its plan, its two costs and its progress on
// 4 May.
function followedAffair() {
    const [portfolio, affair] = acceptedAffair();
    const plan = affair.get_plan();
    plan.add_task(Aff.Task.new('T1', 'Préfabrication', 5));
    plan.add_task(Aff.Task.new('T2', 'Montage', 5));
    plan.add_dependency('T1', 'T2', Aff.DependencyType.FINISH_START, 0);
    plan.schedule();

    const ledger = affair.get_ledger();
    ledger.add(Aff.CostEntry.new(day(2026, 4, 24), 'T1', Aff.CostCategory.LABOUR,
        Aff.CostState.ACTUAL, eur('3000.00')));
    ledger.add(Aff.CostEntry.new(day(2026, 5, 4), 'T2', Aff.CostCategory.MATERIAL,
        Aff.CostState.ACTUAL, eur('2000.00')));
    affair.record_progress('T1', day(2026, 4, 30), 10000);
    affair.record_progress('T2', day(2026, 5, 4), 4000);
    return [portfolio, affair];
}

function main() {
    const [portfolio, affair] = followedAffair();

    // The end of the work: T2 done, and the actual dates of both tasks,
    // which the REX compares with the plan.
    affair.record_progress('T2', day(2026, 5, 8), 10000);
    const plan = affair.get_plan();
    plan.start_task('T1', day(2026, 4, 20));
    plan.finish_task('T1', day(2026, 4, 24));
    plan.start_task('T2', day(2026, 4, 27));
    plan.finish_task('T2', day(2026, 5, 8));
    // The client accepts the work; false: no bank guarantee in place of
    // the retention.
    affair.record_acceptance(day(2026, 5, 11), false);

    // The REX takes the affair's figures and history as they stand; the
    // team adds what it learned. A validated REX no longer changes, and
    // only then do its lessons count for future affairs.
    const rex = affair.create_rex(day(2026, 5, 11));
    rex.add_good_practice('Tubes commandés dès la signature');
    rex.add_difficulty('Accès au site limité', 'Travail en horaires décalés');
    rex.add_improvement(Aff.Improvement.new("Réserver l'accès au site à la commande",
        'Deux jours perdus', 'Deux jours gagnés', 'Claire Martin'));
    rex.set_tags(['tuyauterie']);
    rex.validate(day(2026, 5, 11));
    print(`rex validated ${rex.is_validated() ? 'yes' : 'no'}`);

    // A new request of the same client: the lessons of past affairs are
    // found by client, activities, tags and the words of the title, best
    // scores first.
    const consultation = Aff.Consultation.new('CONS-2', 'ACME', 'Tuyauterie ligne 4',
        day(2026, 6, 1), day(2026, 6, 30));
    consultation.set_activities(['pipework']);
    portfolio.add_consultation(consultation);
    const query = Aff.LessonQuery.new(consultation.get_client_id(), consultation.get_activities(),
        null, consultation.get_title());
    const lessons = portfolio.find_lessons(query);
    print(`lessons for CONS-2 ${lessons.length}`);
    print(`first lesson ${lessons[0].get_text()}`);

    // The audit checks the affair's file, as it stood on that day, against
    // the criteria of the role: the score is out of 100.
    const audit = portfolio.audit_affair('OFF-1', day(2026, 5, 31));
    print(`audit score ${audit.get_score()}`);
    print(`audit met ${audit.count(Aff.AuditStatus.MET)}`);
}

try {
    main();
} catch (e) {
    printerr(`rex.js failed: ${e instanceof GLib.Error ? e.message : e}`);
    if (e.stack)
        printerr(e.stack);
    System.exit(1);
}
