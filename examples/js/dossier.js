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

import {acceptedAffair, day, nick, planTasks} from './story.js';

function main() {
    // The affair of offers.js and its plan (story.js).
    const [, affair] = acceptedAffair();
    planTasks(affair);

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
