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

import {acceptedAffair, bookCosts, day, planTasks} from './story.js';

function main() {
    // The affair of finance.js (story.js): accepted, planned, its first
    // costs and progress booked.
    const [portfolio, affair] = acceptedAffair();
    planTasks(affair);
    bookCosts(affair);

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
