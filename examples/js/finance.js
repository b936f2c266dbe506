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

import {acceptedAffair, day, eur, planTasks} from './story.js';

// Ratio getters return [defined, value]: a CPI with nothing spent yet, or
// an SPI with nothing planned yet, is undefined rather than zero.
function ratio([defined, value]) {
    return defined ? value.toFixed(2) : 'undefined';
}

function main() {
    // The affair of offers.js and its plan (story.js).
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
