// planning.js: a plan, its critical path, a baseline and a hazard, from GJS.
//
// Four tasks are scheduled on the French working calendar, the schedule is
// saved as the contract's baseline, then a supplier's delay hits the
// assembly: which tasks slipped, and by how many working days
// (examples/README.md, 4).
//
// Run: gjs -m examples/js/planning.js
// (with GI_TYPELIB_PATH and LD_LIBRARY_PATH pointing at the build folder when
// libaffaires is not installed). Exits with status 1 if anything fails.

import Aff from 'gi://Aff?version=1';
import GLib from 'gi://GLib';
import System from 'system';

import {day, iso} from './story.js';

function main() {
    // A plan needs no portfolio: on its own it is journaled nowhere. It
    // works on the French calendar, where weekends and public holidays
    // (1 and 8 May here) are not working days; durations are in working days.
    const plan = Aff.Plan.new();
    plan.set_calendar(Aff.Calendar.new_french(false));   // false: not Alsace-Moselle
    plan.set_start(day(2026, 4, 20));                    // a Monday

    for (const [id, name, days] of [
        ['A', 'Préparation', 3],
        ['B', 'Montage', 5],
        ['C', 'Essais', 2],
        ['D', 'Documentation', 2],
    ])
        plan.add_task(Aff.Task.new(id, name, days));

    // Finish-to-start without lag: a task starts the working day after its
    // predecessor finishes.
    for (const [predecessor, successor] of [['A', 'B'], ['B', 'C'], ['A', 'D']])
        plan.add_dependency(predecessor, successor, Aff.DependencyType.FINISH_START, 0);

    plan.schedule();
    print(`finish before ${iso(plan.get_finish())}`);
    // The tasks without float: any delay to them delays the finish.
    print(`critical path ${plan.get_critical_path().map(task => task.get_id()).join(' ')}`);

    // The baseline keeps the dates the client signed for, so that later
    // schedules can be measured against them.
    plan.save_baseline('contrat');

    // The tubes come late: B is pushed back 2 working days and the plan is
    // rescheduled around it.
    const hazard = Aff.Hazard.new('H1', day(2026, 4, 24), Aff.HazardCause.SUPPLIER, 'Tubes en retard');
    hazard.set_task_ids(['B']);
    hazard.set_delay_days(2);
    plan.apply_hazard(hazard);
    print(`finish after ${iso(plan.get_finish())}`);

    // The comparison also lists tasks whose start alone moved; only the
    // finishes that slipped matter here.
    for (const slip of plan.compare_to_baseline('contrat')) {
        const days = slip.get_finish_slip();
        if (days !== 0)
            print(`slip ${slip.get_task_id()} ${days > 0 ? '+' : ''}${days}`);
    }
}

try {
    main();
} catch (e) {
    printerr(`planning.js failed: ${e instanceof GLib.Error ? e.message : e}`);
    if (e.stack)
        printerr(e.stack);
    System.exit(1);
}
