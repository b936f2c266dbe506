// bidding.js: a consultation from its receipt to the go / no-go, from GJS.
//
// ACME asks for a quotation. Its solvency is assessed, the consultation is
// qualified with one risk, the portfolio evaluates it (four blocking gates,
// then weighted criteria) and the management decides to bid
// (examples/README.md, 2).
//
// Run: gjs -m examples/js/bidding.js
// (with GI_TYPELIB_PATH and LD_LIBRARY_PATH pointing at the build folder when
// libaffaires is not installed). Exits with status 1 if anything fails.

import Aff from 'gi://Aff?version=1';
import GLib from 'gi://GLib';
import System from 'system';

import {addClient, day, eur, newPortfolio, nick} from './story.js';

function main() {
    // The portfolio of every example (story.js); the activities gate passes
    // only for the work its policy says the company does.
    const portfolio = newPortfolio();
    // The client of clients.js. A manufacturer (NAF 28.29B): its accounts
    // are read with Altman's Z'.
    const client = addClient(portfolio);

    // The solvency gate needs a recent assessment that is not in distress.
    const solvency = Aff.Solvency.new(day(2026, 1, 15));
    solvency.set_working_capital(eur('200000.00'));
    solvency.set_retained_earnings(eur('300000.00'));
    solvency.set_ebit(eur('100000.00'));
    solvency.set_book_equity(eur('400000.00'));
    solvency.set_total_liabilities(eur('500000.00'));
    solvency.set_total_assets(eur('1000000.00'));
    solvency.set_sales(eur('2000000.00'));
    client.add_solvency(solvency);

    // What the weighted criteria look at: margin (basis points), workload
    // (hours), the cost of answering against the value, and the risks.
    const consultation = Aff.Consultation.new('CONS-1', 'ACME', 'Remplacement de tuyauteries',
        day(2026, 3, 2), day(2026, 4, 15));
    consultation.set_activities(['pipework']);
    consultation.set_estimated_value(eur('120000.00'));
    consultation.set_bid_cost(eur('1500.00'));
    consultation.set_expected_margin_rate(1600);
    consultation.set_estimated_hours(800);
    portfolio.add_consultation(consultation);

    // Criticality 3 x 4 = 12: high, but below the critical threshold, and
    // being reduced.
    const risk = Aff.Risk.new('Délai des brides', Aff.RiskCategory.SCHEDULE, 3, 4);
    risk.set_treatment(Aff.RiskTreatment.REDUCE);
    consultation.get_risk_register().add_risk(risk);

    consultation.start_qualification(day(2026, 3, 3), 'analyse du cahier des charges');
    const evaluation = portfolio.evaluate_consultation('CONS-1', day(2026, 3, 5));
    const gates = evaluation.get_criteria().filter(c => c.is_blocking());
    print(`verdict ${nick(Aff.BidVerdict, evaluation.get_verdict())}`);
    print(`score ${evaluation.get_score()}`);
    print(`gates passed ${gates.filter(c => c.get_passed()).length} of ${gates.length}`);

    // Deciding with the evaluation needs no justification; the decision is
    // journaled and kept by the consultation.
    portfolio.decide_consultation('CONS-1', Aff.BidVerdict.GO, 'Direction', 'client stratégique');
    // The consultation keeps the decision: who, when, why.
    const [, decision] = consultation.get_decision();
    print(`decided ${nick(Aff.BidVerdict, decision)}`);
    print(`state ${nick(Aff.ConsultationState, consultation.get_state())}`);
}

try {
    main();
} catch (e) {
    printerr(`bidding.js failed: ${e instanceof GLib.Error ? e.message : e}`);
    if (e.stack)
        printerr(e.stack);
    System.exit(1);
}
