// SPDX-License-Identifier: LGPL-2.1-or-later
//
// testPlanning.js: the planning module from JavaScript (Aff.Calendar,
// Aff.Task, Aff.Plan and the plan of an affair), told as one industrial
// maintenance affair; tests/python/test_planning.py covers the same API from
// Python.
//
// Every expected date is worked out by hand from the calendar of 2027 and the
// conventions of the planning module (whole working days, TaskJuggler / MS
// Project): a task of d days finishes on its d-th working day; a
// finish-to-start successor starts on the next working day, plus the lag in
// working days; a milestone falls at the end of its predecessor's finish day
// (on the plan's first day when it has none, its successors then starting
// that same day); start-to-start lag n: n working days after the
// predecessor's start; finish-to-finish lag n: finishes n working days after
// the predecessor's finish. Total float = working days from early start to
// late start; critical = total float <= 0.
//
// The calendar of 2027 (1 January is a Friday; Easter Sunday 28 March):
//   French holidays: Fri 1 Jan, Mon 29 Mar (Easter Monday), Sat 1 May,
//   Thu 6 May (Ascension = Easter + 39), Sat 8 May, Mon 17 May (Whit Monday =
//   Easter + 50), Wed 14 Jul, Sun 15 Aug, Mon 1 Nov, Thu 11 Nov, Sat 25 Dec.
//   Alsace-Moselle adds Fri 26 Mar (Good Friday) and Sun 26 Dec.
//
// Working days of the French calendar, numbered from Mon 1 March 2027 (w0):
//   Feb  Thu 25 = w-2, Fri 26 = w-1
//   Mar  1-5 w0-w4 | 8-12 w5-w9 | 15-19 w10-w14 | 22-26 w15-w19 |
//        29 Easter Monday | 30 w20, 31 w21
//   Apr  1 w22, 2 w23 | 5-9 w24-w28 | 12-16 w29-w33 | 19-23 w34-w38 |
//        26-30 w39-w43
//   May  3 w44, 4 w45, 5 w46, 6 Ascension, 7 w47 | 10-14 w48-w52 |
//        17 Whit Monday | 18 w53
// A task starting on wS and lasting d days finishes on w(S+d-1).
//
// The scenario: the affair OFF-2027-012 (client Chimie de l'Est), replacement
// of a circulation pump of unit 2 during the client's shutdown; the contract
// is signed on Mon 1 March 2027, the plan starts that day.
//
//   id    kind           party            days  predecessors
//   KICK  milestone      internal            0  -
//   DR    design review  internal            3  KICK FS 0
//   PUR   purchase       supplier           35  DR FS 0
//   SUB   subcontract    subcontractor      15  PUR SS +10
//   PREP  task           internal            5  DR FS +2
//   INT   intervention   internal            8  PUR FS 0, SUB FS +1, PREP FS 0
//   INSP  inspection     inspection body     2  INT FF +2
//   REC   milestone      client              0  INSP FS 0; finish no later
//                                                than Mon 10 May 2027
//   DOE   task           internal            4  INT SS +3
//
// Forward pass (early dates):
//   KICK  no predecessor: dated on w0 Mon 1 Mar, at the start of the day.
//   DR    after a start-of-day milestone: starts w0 Mon 1 Mar, 3 days -> w2
//         Wed 3 Mar.
//   PUR   w3 Thu 4 Mar, 35 days -> w37 Thu 22 Apr (Easter Monday skipped).
//   SUB   PUR start w3 + 10 = w13 Thu 18 Mar, 15 days -> w27 Thu 8 Apr.
//   PREP  day after DR (w3) + 2 = w5 Mon 8 Mar, 5 days -> w9 Fri 12 Mar.
//   INT   max(after PUR w38, after SUB w28 + 1 = w29, after PREP w10) = w38
//         Fri 23 Apr, 8 days -> w45 Tue 4 May.
//   INSP  finishes INT's finish + 2 = w47 Fri 7 May (Ascension skipped), 2
//         days -> starts w46 Wed 5 May.
//   REC   on INSP's finish: Fri 7 May.
//   DOE   INT start w38 + 3 = w41 Wed 28 Apr, 4 days -> w44 Mon 3 May.
//   Plan finish: Fri 7 May (INSP and REC). REC's deadline Mon 10 May is met.
// Backward pass (late dates, plan end = end of w47):
//   REC, INSP, INT, PUR, DR, KICK: late = early, total float 0 (critical).
//   DOE   late finish w47 Fri 7 May, late start w44 Mon 3 May: float 3 (no
//         successor: free float up to the plan's finish, 3).
//   SUB   must finish 1 working day before INT's late start w38: late finish
//         w36 Wed 21 Apr, late start w22 Thu 1 Apr: float 9, free 9.
//   PREP  late finish w37 Thu 22 Apr, late start w33 Fri 16 Apr: float 28,
//         free 28 (INT starts w38, PREP finishes w9).
//
// The change: the supplier announces 3 more days, PUR lasts 38 days ->
// finishes w40 Tue 27 Apr; INT w41 Wed 28 Apr - w48 Mon 10 May; INSP w49
// Tue 11 May - w50 Wed 12 May; REC Wed 12 May; DOE w44 Mon 3 May - w47 Fri
// 7 May. REC misses its deadline (end of Mon 10 May) by 2 working days (Tue
// 11 and Wed 12 May); the late dates of the chain are capped by it and its
// total float is -2.

import GLib from 'gi://GLib';
import Gio from 'gi://Gio';
import Aff from 'gi://Aff?version=1';
import {
    test, run, assertEqual, assertTrue, assertFalse, assertThrows,
    date, iso, items, makeTempDir, removeTree,
} from './harness.js';

const E = Aff.Error;
const K = Aff.TaskKind;
const P = Aff.Party;
const D = Aff.DependencyType;
const DW = Aff.RegulatoryFlags;

const AFFAIR = 'OFF-2027-012';
const CONSULTATION = 'CONS-2027-007';

// --- the affair -------------------------------------------------------------------

function newPortfolio() {
    const p = Aff.Portfolio.new();
    p.set_actor('Julien Keller');
    p.set_fixed_time(GLib.DateTime.new_utc(2027, 2, 10, 9, 0, 0));
    p.get_policy().set_activities(['maintenance']);
    p.add_client(Aff.Client.new('chimest', 'Chimie de l’Est'));
    const k = Aff.Consultation.new(CONSULTATION, 'chimest', 'Remplacement pompe P-204',
        date(2027, 1, 11), date(2027, 2, 19));
    k.set_activities(['maintenance']);
    p.add_consultation(k);
    k.start_qualification(date(2027, 1, 12), 'analysis');
    p.evaluate_consultation(CONSULTATION, date(2027, 1, 14));
    p.decide_consultation(CONSULTATION, Aff.BidVerdict.GO, 'Direction', 'client historique');
    assertEqual(k.get_state(), Aff.ConsultationState.GO, 'consultation GO');
    return p;
}

function line(kind, description, quantity, unit, cost) {
    return Aff.OfferLine.new(kind, description, quantity, unit, Aff.Money.parse(cost));
}

// A portfolio with the accepted offer AFFAIR, signed on Mon 1 March 2027.
function newAffair() {
    const p = newPortfolio();
    const offer = Aff.Offer.new(AFFAIR, CONSULTATION);
    p.add_offer(offer);
    const rev = offer.get_current_revision();
    rev.add_line(line(Aff.LineKind.MATERIAL, 'Pompe et garnitures', '1', Aff.LineUnit.LUMP_SUM, '18000.00 EUR'));
    rev.add_line(line(Aff.LineKind.LABOUR, 'Remplacement sur site', '120', Aff.LineUnit.HOUR, '62.00 EUR'));
    rev.add_line(line(Aff.LineKind.SUBCONTRACT, 'Rebobinage moteur', '1', Aff.LineUnit.LUMP_SUM, '4200.00 EUR'));
    rev.set_margin_rate(1500);
    rev.set_validity(date(2027, 4, 30));
    offer.send(date(2027, 2, 10));
    offer.accept(date(2027, 3, 1), 'CT-2027-031');
    const affair = p.lookup_affair(AFFAIR);
    assertTrue(affair !== null, 'the affair exists');
    return [p, affair];
}

// --- the plan of the scenario ---------------------------------------------------------

const TASKS = [
    // id, name, days, kind, party, party name
    ['KICK', 'Réunion de lancement', 0, K.MILESTONE, P.INTERNAL, null],
    ['DR', 'Revue de conception du remplacement', 3, K.DESIGN_REVIEW, P.INTERNAL, null],
    ['PUR', 'Achat pompe et garnitures mécaniques', 35, K.PURCHASE, P.SUPPLIER, 'Pompes Durand'],
    ['SUB', 'Rebobinage du moteur', 15, K.SUBCONTRACT, P.SUBCONTRACTOR, 'Bobinage de l’Est'],
    ['PREP', 'Plan de prévention et préparation du chantier', 5, K.TASK, P.INTERNAL, null],
    ['INT', 'Remplacement de la pompe sur site', 8, K.INTERVENTION, P.INTERNAL, null],
    ['INSP', 'Contrôle par organisme agréé', 2, K.INSPECTION, P.INSPECTION_BODY, 'Bureau Veritas'],
    ['REC', 'Réception (PV)', 0, K.MILESTONE, P.CLIENT, 'Chimie de l’Est'],
    ['DOE', 'Dossier des ouvrages exécutés', 4, K.TASK, P.INTERNAL, null],
];
const IDS = TASKS.map(t => t[0]);

const DEPENDENCIES = [
    ['KICK', 'DR', D.FINISH_START, 0],
    ['DR', 'PUR', D.FINISH_START, 0],
    ['PUR', 'SUB', D.START_START, 10],
    ['DR', 'PREP', D.FINISH_START, 2],
    ['PUR', 'INT', D.FINISH_START, 0],
    ['SUB', 'INT', D.FINISH_START, 1],
    ['PREP', 'INT', D.FINISH_START, 0],
    ['INT', 'INSP', D.FINISH_FINISH, 2],
    ['INSP', 'REC', D.FINISH_START, 0],
    ['INT', 'DOE', D.START_START, 3],
];

const INT_DANGER = DW.CONFINED_SPACE | DW.HOT_WORK;

function buildPlan(plan) {
    for (const [id, name, days, kind, party, partyName] of TASKS) {
        const t = Aff.Task.new(id, name, days);
        t.set_kind(kind);
        t.set_party(party);
        t.set_party_name(partyName);
        // (no effort hours here: see "effort hours in an affair's plan")
        if (id === 'DR')
            t.set_deliverable('PV de revue de conception');
        if (id === 'INT') {
            t.set_zone('Unité 2 — salle des pompes');
            t.set_dangerous_work(INT_DANGER);
            t.set_risk_ids(['R-03', 'R-07']);
        }
        if (id === 'REC')
            t.set_finish_no_later_than(date(2027, 5, 10)); // end of the client's shutdown
        plan.add_task(t);
    }
    for (const [pred, succ, type, lag] of DEPENDENCIES)
        plan.add_dependency(pred, succ, type, lag);
}

// [early start, early finish, late start, late finish, total float, free float]
// (free float null: not checked).
const BASELINE = {
    KICK: ['2027-03-01', '2027-03-01', '2027-03-01', '2027-03-01', 0, 0], // w0, first day, start side
    DR: ['2027-03-01', '2027-03-03', '2027-03-01', '2027-03-03', 0, 0], // w0-w2, critical
    PUR: ['2027-03-04', '2027-04-22', '2027-03-04', '2027-04-22', 0, 0], // w3-w37 over Easter Monday
    SUB: ['2027-03-18', '2027-04-08', '2027-04-01', '2027-04-21', 9, 9], // w13-w27; late w22-w36
    PREP: ['2027-03-08', '2027-03-12', '2027-04-16', '2027-04-22', 28, 28], // w5-w9; late w33-w37
    INT: ['2027-04-23', '2027-05-04', '2027-04-23', '2027-05-04', 0, 0], // w38-w45
    INSP: ['2027-05-05', '2027-05-07', '2027-05-05', '2027-05-07', 0, 0], // w46-w47 over Ascension
    REC: ['2027-05-07', '2027-05-07', '2027-05-07', '2027-05-07', 0, 0], // end of w47
    DOE: ['2027-04-28', '2027-05-03', '2027-05-03', '2027-05-07', 3, 3], // w41-w44; late w44-w47
};

// After PUR 35 -> 38 days; plan end = end of w50, REC capped at end of w48.
const CHANGED = {
    // KICK: late = DR's late start w-2 Thu 25 Feb, float -2
    KICK: ['2027-03-01', '2027-03-01', '2027-02-25', '2027-02-25', -2, 0],
    // DR: late finish = PUR's late start - 1 day = w0, late start w-2
    DR: ['2027-03-01', '2027-03-03', '2027-02-25', '2027-03-01', -2, 0],
    // PUR: w3-w40 Tue 27 Apr; late finish = INT's late start w39 - 1 = w38
    PUR: ['2027-03-04', '2027-04-27', '2027-03-02', '2027-04-23', -2, 0],
    // SUB: unchanged early; late finish w39 - 1 - 1 = w37, late start w23
    // (free float: slack 12 to INT, total float 10, not checked)
    SUB: ['2027-03-18', '2027-04-08', '2027-04-02', '2027-04-22', 10, null],
    // PREP: late finish w38, late start w34 Mon 19 Apr: float 34 - 5 = 29
    // (free float: slack 31 to INT, total float 29, not checked)
    PREP: ['2027-03-08', '2027-03-12', '2027-04-19', '2027-04-23', 29, null],
    // INT: w41-w48 over Ascension; late finish = INSP's late finish - 2 = w46
    INT: ['2027-04-28', '2027-05-10', '2027-04-26', '2027-05-05', -2, 0],
    // INSP: w49-w50; late finish w48 (REC's deadline), late start w47
    INSP: ['2027-05-11', '2027-05-12', '2027-05-07', '2027-05-10', -2, 0],
    // REC: on INSP's finish w50; late = deadline Mon 10 May
    REC: ['2027-05-12', '2027-05-12', '2027-05-10', '2027-05-10', -2, 0],
    // DOE: INT start w41 + 3 = w44 .. w47; late w47-w50: float 3, free 3
    DOE: ['2027-05-03', '2027-05-07', '2027-05-07', '2027-05-12', 3, 3],
};

function checkSchedule(plan, expected, label) {
    for (const id of Object.keys(expected)) {
        const t = plan.lookup_task(id);
        const [es, ef, ls, lf, tf, ff] = expected[id];
        assertTrue(t.is_scheduled(), `${label}: ${id} scheduled`);
        assertEqual([iso(t.get_early_start()), iso(t.get_early_finish()),
            iso(t.get_late_start()), iso(t.get_late_finish())], [es, ef, ls, lf],
        `${label}: ${id} early start/finish, late start/finish`);
        assertEqual(t.get_total_float(), tf, `${label}: ${id} total float`);
        if (ff !== null)
            assertEqual(t.get_free_float(), ff, `${label}: ${id} free float`);
        assertEqual(t.is_critical(), tf <= 0, `${label}: ${id} critical`);
    }
}

const critical = plan => plan.get_critical_path().map(t => t.get_id());
const violations = plan => plan.get_violations().map(v =>
    [v.get_task_id(), iso(v.get_deadline()), iso(v.get_finish()), v.get_days_missed()]);
const slips = list => list.map(s => [s.get_task_id(), s.is_milestone(),
    iso(s.get_baseline_start()), iso(s.get_baseline_finish()), iso(s.get_start()), iso(s.get_finish()),
    s.get_start_slip(), s.get_finish_slip()]);
const deps = plan => plan.get_dependencies().map(d =>
    [d.get_predecessor_id(), d.get_successor_id(), d.get_dependency_type(), d.get_lag()]);
const planEntries = p => p.get_journal().list_entries_for('affair', AFFAIR)
    .filter(e => e.get_action() !== 'created');

// The slips after PUR 35 -> 38 against the baseline "contrat", in the plan's
// order; KICK, DR, SUB and PREP did not move.
const SLIPS = [
    // PUR keeps its start; finish w37 Thu 22 Apr -> w40 Tue 27 Apr
    ['PUR', false, '2027-03-04', '2027-04-22', '2027-03-04', '2027-04-27', 0, 3],
    // INT w38 -> w41, w45 -> w48
    ['INT', false, '2027-04-23', '2027-05-04', '2027-04-28', '2027-05-10', 3, 3],
    // INSP w46 -> w49, w47 -> w50
    ['INSP', false, '2027-05-05', '2027-05-07', '2027-05-11', '2027-05-12', 3, 3],
    // REC w47 -> w50, a milestone
    ['REC', true, '2027-05-07', '2027-05-07', '2027-05-12', '2027-05-12', 3, 3],
    // DOE w41 -> w44, w44 -> w47
    ['DOE', false, '2027-04-28', '2027-05-03', '2027-05-03', '2027-05-07', 3, 3],
];

// --- the scenario --------------------------------------------------------------------------

test('the affair of an accepted offer has a plan starting on the signed date', () => {
    const [p, affair] = newAffair();
    const plan = affair.get_plan();
    assertTrue(plan instanceof Aff.Plan, 'an Aff.Plan');
    assertTrue(affair.get_plan() === plan, 'the same plan each time');
    assertEqual(iso(affair.get_signed_date()), '2027-03-01', 'signed date');
    assertEqual(iso(plan.get_start()), '2027-03-01', 'plan start = signed date');
    const cal = plan.get_calendar();
    assertTrue(cal.get_french(), 'French calendar');
    assertFalse(cal.get_alsace_moselle(), 'without Alsace-Moselle');
    assertEqual(plan.get_n_items(), 0, 'no task yet');
    assertFalse(plan.is_scheduled(), 'not scheduled');
    assertEqual(plan.get_finish(), null, 'no finish before a schedule');
    assertEqual(plan.list_baselines(), [], 'no baseline');
    assertTrue(p.get_journal().verify(), 'journal verifies');
});

test('scenario: schedule, critical path, baseline, cycle, change, slips, violation, journal', () => {
    const [p, affair] = newAffair();
    const plan = affair.get_plan();
    buildPlan(plan);

    // the tasks as built
    const kick = plan.lookup_task('KICK');
    assertEqual(kick.get_kind(), K.MILESTONE, 'a 0-day task is a milestone');
    const int = plan.lookup_task('INT');
    assertEqual([int.get_kind(), int.get_party(), int.get_duration(), int.get_zone(), int.get_dangerous_work(),
        int.get_risk_ids()],
    [K.INTERVENTION, P.INTERNAL, 8, 'Unité 2 — salle des pompes', INT_DANGER, ['R-03', 'R-07']]);
    const insp = plan.lookup_task('INSP');
    assertEqual([insp.get_kind(), insp.get_party(), insp.get_party_name()],
        [K.INSPECTION, P.INSPECTION_BODY, 'Bureau Veritas']);
    assertEqual(iso(plan.lookup_task('REC').get_finish_no_later_than()), '2027-05-10');
    assertEqual(plan.lookup_task('DR').get_deliverable(), 'PV de revue de conception');
    assertEqual(plan.lookup_task('NOPE'), null, 'no such task');
    assertEqual(int.get_early_start(), null, 'no early start before a schedule');
    assertFalse(int.is_scheduled(), 'task not scheduled yet');
    assertEqual(deps(plan), DEPENDENCIES, 'dependencies in the order added');

    // refused dependencies: nothing journaled
    const before = planEntries(p).length;
    assertThrows(() => plan.add_dependency('PUR', 'NOPE', D.FINISH_START, 0), E.NOT_FOUND);
    assertThrows(() => plan.add_dependency('INT', 'INT', D.FINISH_START, 0), E.CYCLE);
    assertThrows(() => plan.add_dependency('PUR', 'INT', D.START_START, 0), E.DUPLICATE_ID);
    assertThrows(() => plan.add_dependency('PREP', 'DOE', D.FINISH_START, 100001), E.INVALID_VALUE);
    assertThrows(() => plan.save_baseline('contrat'), E.INVALID_TRANSITION); // never scheduled
    assertEqual(planEntries(p).length, before, 'refusals not journaled');
    assertEqual(deps(plan), DEPENDENCIES, 'dependencies unchanged');

    // the schedule
    plan.schedule();
    assertTrue(plan.is_scheduled(), 'scheduled');
    checkSchedule(plan, BASELINE, 'baseline');
    assertEqual(iso(plan.get_finish()), '2027-05-07', 'finish: INSP and REC on w47 Fri 7 May');
    // total float 0: the chain KICK, DR, PUR, INT, INSP, REC; KICK before DR
    // (same early start, earlier early finish)
    assertEqual(critical(plan), ['KICK', 'DR', 'PUR', 'INT', 'INSP', 'REC'], 'critical path');
    assertEqual(violations(plan), [], 'REC meets Mon 10 May');

    // baseline
    plan.save_baseline('contrat');
    assertEqual(plan.list_baselines(), ['contrat']);
    assertThrows(() => plan.save_baseline('contrat'), E.DUPLICATE_ID);
    assertEqual(slips(plan.compare_to_baseline('contrat')), [], 'nothing moved yet');
    assertThrows(() => plan.compare_to_baseline('nope'), E.NOT_FOUND);

    // a cycle: reception before the intervention, by mistake
    plan.add_dependency('REC', 'INT', D.FINISH_START, 0);
    assertFalse(plan.is_scheduled(), 'stale after a change');
    const error = assertThrows(() => plan.schedule(), E.CYCLE);
    // the only cycle is INT -> INSP -> REC -> INT; any task may open it
    const rotations = ['INT → INSP → REC → INT', 'INSP → REC → INT → INSP', 'REC → INT → INSP → REC'];
    assertTrue(rotations.some(r => error.message.includes(r)), `cycle named: ${error.message}`);
    assertFalse(plan.is_scheduled(), 'still not scheduled');
    checkSchedule(plan, BASELINE, 'after the cycle error'); // nothing changed
    assertEqual(iso(plan.get_finish()), '2027-05-07', 'finish unchanged');
    plan.remove_dependency('REC', 'INT');
    assertThrows(() => plan.remove_dependency('REC', 'INT'), E.NOT_FOUND);
    assertEqual(deps(plan), DEPENDENCIES, 'dependencies back to the scenario');
    plan.schedule();
    checkSchedule(plan, BASELINE, 'after removing the cycle');

    // the change: the supplier needs 3 more working days
    plan.lookup_task('PUR').set_duration(38);
    assertFalse(plan.is_scheduled(), 'stale after the change');
    assertThrows(() => plan.save_baseline('retard-fournisseur'), E.INVALID_TRANSITION);
    plan.schedule();
    checkSchedule(plan, CHANGED, 'after the change');
    assertEqual(iso(plan.get_finish()), '2027-05-12', 'finish: w50 Wed 12 May');
    // total float -2 on the same chain
    assertEqual(critical(plan), ['KICK', 'DR', 'PUR', 'INT', 'INSP', 'REC'], 'critical path');
    // end of Mon 10 May -> Wed 12 May: Tue 11 and Wed 12, 2 working days
    assertEqual(violations(plan), [['REC', '2027-05-10', '2027-05-12', 2]], 'violation');
    assertEqual(slips(plan.compare_to_baseline('contrat')), SLIPS, 'slips');

    plan.save_baseline('retard-fournisseur');
    assertEqual(plan.list_baselines(), ['contrat', 'retard-fournisseur'], 'baselines oldest first');
    assertEqual(slips(plan.compare_to_baseline('retard-fournisseur')), [], 'nothing moved since');

    // the journal: every change, in order, under the affair
    const entries = planEntries(p);
    for (const e of entries)
        assertEqual([e.get_entity_kind(), e.get_entity_id()], ['affair', AFFAIR], 'entity');
    const planning = entries.filter(e => e.get_action() !== 'plan-start-set');
    assertEqual(planning.map(e => e.get_action()), [
        ...IDS.map(() => 'task-added'),
        ...DEPENDENCIES.map(() => 'dependency-added'),
        'baseline-saved',
        'dependency-added', // REC -> INT
        'dependency-removed',
        'task-changed', // PUR duration
        'baseline-saved',
    ], 'actions');
    assertEqual(planning.slice(0, IDS.length).map(e => e.dup_detail('task')), IDS, 'task-added in order');
    const added = planning.slice(IDS.length, IDS.length + DEPENDENCIES.length);
    assertEqual(added.map(e => [e.dup_detail('predecessor'), e.dup_detail('successor')]),
        DEPENDENCIES.map(d => [d[0], d[1]]), 'dependency-added in order');
    assertEqual([added[2].dup_detail('type'), added[2].dup_detail('lag')], ['start-start', '10'], 'PUR -> SUB');
    assertEqual([added[7].dup_detail('type'), added[7].dup_detail('lag')], ['finish-finish', '2'], 'INT -> INSP');
    const n = IDS.length + DEPENDENCIES.length;
    assertEqual([planning[n].dup_detail('baseline'), planning[n].dup_detail('finish')],
        ['contrat', '2027-05-07'], 'baseline-saved contrat');
    assertEqual([planning[n + 2].dup_detail('predecessor'), planning[n + 2].dup_detail('successor')],
        ['REC', 'INT'], 'dependency-removed');
    assertEqual([planning[n + 3].dup_detail('task'), planning[n + 3].dup_detail('property'),
        planning[n + 3].dup_detail('value')], ['PUR', 'duration', '38'], 'task-changed');
    assertEqual([planning[n + 4].dup_detail('baseline'), planning[n + 4].dup_detail('finish')],
        ['retard-fournisseur', '2027-05-12'], 'baseline-saved retard-fournisseur');
    assertEqual(planning[n].get_actor(), 'Julien Keller', 'actor');
    assertTrue(p.get_journal().verify(), 'journal verifies');
});

test('the plan is a Gio.ListModel of its tasks', () => {
    const [, affair] = newAffair();
    const plan = affair.get_plan();
    const changes = [];
    plan.connect('items-changed', (_m, position, removed, added) => changes.push([position, removed, added]));
    buildPlan(plan);
    assertTrue(plan instanceof Gio.ListModel, 'a Gio.ListModel');
    assertTrue(plan.get_tasks() === plan, 'get_tasks() is the plan itself');
    assertTrue(plan.get_item_type() === Aff.Task.$gtype, 'item type Aff.Task');
    assertEqual(plan.get_n_items(), 9, '9 tasks');
    assertEqual(items(plan).map(t => t.get_id()), IDS, 'in the order added');
    assertTrue(plan.get_item(5) === plan.lookup_task('INT'), 'item 5 is INT, the same object');
    assertEqual(plan.get_item(9), null, 'past the end');
    // one insertion at the end per task
    assertEqual(changes, IDS.map((_, i) => [i, 0, 1]), 'items-changed on add');

    // removing a task removes it and its dependencies
    changes.length = 0;
    plan.remove_task('PREP');
    assertEqual(changes, [[4, 1, 0]], 'items-changed on remove');
    assertEqual(plan.get_n_items(), 8);
    assertEqual(items(plan).map(t => t.get_id()), IDS.filter(id => id !== 'PREP'));
    assertEqual(plan.lookup_task('PREP'), null);
    assertEqual(deps(plan), DEPENDENCIES.filter(d => d[0] !== 'PREP' && d[1] !== 'PREP'),
        'DR -> PREP and PREP -> INT gone');
    assertThrows(() => plan.remove_task('PREP'), E.NOT_FOUND);

    // duplicates and tasks of another plan
    assertThrows(() => plan.add_task(Aff.Task.new('INT', 'Doublon', 1)), E.DUPLICATE_ID);
    const other = Aff.Plan.new();
    assertThrows(() => other.add_task(plan.lookup_task('DOE')), E.IN_USE);
    assertEqual(other.get_n_items(), 0);

    // without PREP the schedule is the same for the other tasks (PREP had
    // float 28)
    plan.schedule();
    const expected = Object.fromEntries(Object.entries(BASELINE).filter(([id]) => id !== 'PREP'));
    checkSchedule(plan, expected, 'without PREP');
});

test('save and reload the portfolio keeps the plan', () => {
    const [p, affair] = newAffair();
    const plan = affair.get_plan();
    buildPlan(plan);
    plan.schedule();
    plan.save_baseline('contrat');
    plan.lookup_task('PUR').set_duration(38);
    plan.schedule();

    const [text] = p.to_data();
    const q = Aff.Portfolio.new_from_data(text, -1);
    const [text2] = q.to_data();
    assertEqual(text2, text, 'to_data equal after a round trip');
    const loaded = q.lookup_affair(AFFAIR).get_plan();
    assertTrue(loaded !== plan, 'a new plan');
    assertEqual(iso(loaded.get_start()), '2027-03-01', 'start');
    assertTrue(loaded.get_calendar().get_french(), 'French calendar');
    assertFalse(loaded.get_calendar().get_alsace_moselle(), 'not Alsace-Moselle');
    assertEqual(items(loaded).map(t => t.get_id()), IDS, 'tasks in order');
    for (const [id, name, days, kind, party, partyName] of TASKS) {
        const t = loaded.lookup_task(id);
        // PUR was changed to 38 days before saving
        assertEqual([t.get_name(), t.get_duration(), t.get_kind(), t.get_party(), t.get_party_name()],
            [name, id === 'PUR' ? 38 : days, kind, party, partyName], `task ${id}`);
    }
    const int = loaded.lookup_task('INT');
    assertEqual([int.get_zone(), int.get_dangerous_work(), int.get_risk_ids()],
        ['Unité 2 — salle des pompes', INT_DANGER, ['R-03', 'R-07']], 'INT details');
    assertEqual(loaded.lookup_task('DR').get_deliverable(), 'PV de revue de conception');
    assertEqual(iso(loaded.lookup_task('REC').get_finish_no_later_than()), '2027-05-10', 'REC deadline');
    assertEqual(deps(loaded), DEPENDENCIES, 'dependencies');
    assertEqual(loaded.list_baselines(), ['contrat'], 'baselines');

    // the document keeps no schedule: schedule again, same dates, same slips
    // against the reloaded baseline
    assertFalse(loaded.is_scheduled(), 'not scheduled after loading');
    loaded.schedule();
    checkSchedule(loaded, CHANGED, 'reloaded');
    assertEqual(iso(loaded.get_finish()), '2027-05-12');
    assertEqual(violations(loaded), [['REC', '2027-05-10', '2027-05-12', 2]], 'violation');
    assertEqual(slips(loaded.compare_to_baseline('contrat')), SLIPS, 'slips against the reloaded baseline');

    // the reloaded plan is still journaled under the affair
    const n = q.get_journal().get_n_entries();
    loaded.lookup_task('DR').set_progress(100);
    assertEqual(q.get_journal().get_n_entries(), n + 1, 'one more entry');
    const e = q.get_journal().list_entries_for('affair', AFFAIR).pop();
    assertEqual([e.get_action(), e.dup_detail('task'), e.dup_detail('property'), e.dup_detail('value')],
        ['task-changed', 'DR', 'progress', '100']);
    assertTrue(q.get_journal().verify(), 'journal verifies');

    // and through a file
    const dir = makeTempDir();
    try {
        const path = GLib.build_filenamev([dir, 'portfolio.json']);
        p.save_to_file(path);
        const r = Aff.Portfolio.new_from_file(path);
        const [text3] = r.to_data();
        assertEqual(text3, text, 'file round trip');
        const rp = r.lookup_affair(AFFAIR).get_plan();
        rp.schedule();
        checkSchedule(rp, CHANGED, 'from the file');
    } finally {
        removeTree(dir);
    }
});

// --- a site in Moselle ------------------------------------------------------------------------
//
// Alsace-Moselle calendar: Good Friday 26 Mar is off too, so from 26 Mar on
// every working day is one rank earlier than in the table above:
//   Mar 22-25 w15-w18 | 30 w19, 31 w20 | Apr 1 w21, 2 w22 | 5-9 w23-w27 |
//   12-16 w28-w32 | 19-23 w33-w37 | 26-30 w38-w42 | May 3 w43, 4 w44, 5 w45,
//   7 w46 | 10-14 w47-w51 | 17 Whit Monday | 18 w52
// Same ranks as before: PUR w3-w37 Fri 23 Apr, SUB w13-w27 Fri 9 Apr, INT
// w38-w45 Mon 26 Apr - Wed 5 May, INSP w46-w47 Fri 7 - Mon 10 May, REC Mon
// 10 May: the deadline is met on its very day (no violation, float 0).
// Then the kick-off moves to Mon 8 Mar (w5): every date moves 5 ranks, REC
// to w52 Tue 18 May (Whit Monday skipped), 5 working days late.

test('a site in Moselle: Alsace-Moselle calendar and a later start', () => {
    const [p, affair] = newAffair();
    const plan = affair.get_plan();
    plan.set_calendar(Aff.Calendar.new_french(true));
    assertTrue(plan.get_calendar().get_alsace_moselle(), 'Alsace-Moselle');
    buildPlan(plan);
    plan.schedule();
    const dates = id => [iso(plan.lookup_task(id).get_early_start()), iso(plan.lookup_task(id).get_early_finish())];
    assertEqual(dates('PUR'), ['2027-03-04', '2027-04-23'], 'PUR w3-w37, Good Friday and Easter Monday off');
    assertEqual(dates('SUB'), ['2027-03-18', '2027-04-09'], 'SUB w13-w27');
    assertEqual(dates('INT'), ['2027-04-26', '2027-05-05'], 'INT w38-w45');
    assertEqual(dates('INSP'), ['2027-05-07', '2027-05-10'], 'INSP w46-w47 over Ascension');
    assertEqual(dates('REC'), ['2027-05-10', '2027-05-10'], 'REC on INSP finish');
    assertEqual(dates('DOE'), ['2027-04-29', '2027-05-04'], 'DOE w41-w44');
    assertEqual(iso(plan.get_finish()), '2027-05-10');
    assertEqual(violations(plan), [], 'deadline met on its day');
    assertEqual(plan.lookup_task('REC').get_total_float(), 0, 'REC float 0');

    plan.set_start(date(2027, 3, 8));
    assertFalse(plan.is_scheduled(), 'stale after a new start');
    plan.schedule();
    assertEqual(dates('KICK'), ['2027-03-08', '2027-03-08'], 'KICK on the new first day');
    assertEqual(dates('REC'), ['2027-05-18', '2027-05-18'], 'REC w52, Whit Monday skipped');
    // end of Mon 10 May -> Tue 18 May: 11, 12, 13, 14, 18 May
    assertEqual(violations(plan), [['REC', '2027-05-10', '2027-05-18', 5]], 'violation');
    assertEqual(plan.lookup_task('REC').get_total_float(), -5, 'REC float -5');

    const entries = planEntries(p);
    const cal = entries.filter(e => e.get_action() === 'plan-calendar-set');
    assertEqual(cal.length, 1, 'one plan-calendar-set');
    assertTrue(cal[0].dup_detail('calendar') !== null, 'the calendar in the details');
    const starts = entries.filter(e => e.get_action() === 'plan-start-set');
    assertTrue(starts.length >= 1, 'a plan-start-set');
    assertEqual(starts[starts.length - 1].dup_detail('start'), '2027-03-08', 'new start journaled');
    assertTrue(cal[0].get_sequence() < entries.find(e => e.get_action() === 'task-added').get_sequence(),
        'calendar set before the tasks were added');

    // saved and reloaded with its calendar
    const [text] = p.to_data();
    const loaded = Aff.Portfolio.new_from_data(text, -1).lookup_affair(AFFAIR).get_plan();
    assertTrue(loaded.get_calendar().get_alsace_moselle(), 'Alsace-Moselle after reload');
    assertEqual(iso(loaded.get_start()), '2027-03-08', 'start after reload');
    loaded.schedule();
    assertEqual(iso(loaded.lookup_task('REC').get_early_finish()), '2027-05-18', 'same schedule');
});

// --- a standalone plan ------------------------------------------------------------------------------

test('standalone plan: start on a weekend, milestones, SF and start-no-earlier-than', () => {
    const plan = Aff.Plan.new();
    assertEqual(plan.get_start(), null, 'no start');
    assertTrue(plan.get_calendar().get_french(), 'French calendar by default');
    assertFalse(plan.get_calendar().get_alsace_moselle());

    const a = Aff.Task.new('A', 'Consignation', 3);
    assertEqual(a.get_kind(), K.TASK, 'a task by default');
    const m = Aff.Task.new('M', 'Ouverture du chantier', 0);
    assertEqual([m.get_kind(), m.get_duration()], [K.MILESTONE, 0]);
    const m2 = Aff.Task.new('M2', 'Pièces reçues', 4);
    m2.set_kind(K.MILESTONE); // takes 0 days whatever its duration
    const b = Aff.Task.new('B', 'Montage', 2);
    const c = Aff.Task.new('C', 'Essais', 1);
    c.set_start_no_earlier_than(date(2027, 5, 6)); // Ascension: not before Fri 7 May
    const d = Aff.Task.new('D', 'Purge du circuit', 2);
    for (const t of [a, m, m2, b, c, d])
        plan.add_task(t);
    plan.add_dependency('A', 'M2', D.FINISH_START, 0);
    plan.add_dependency('M2', 'B', D.FINISH_START, 0);
    plan.add_dependency('C', 'D', D.START_FINISH, 0);
    assertThrows(() => plan.schedule(), E.INVALID_VALUE); // no start date

    // Sat 27 Mar 2027: Sun 28 and Easter Monday 29 are off, the plan's first
    // working day is Tue 30 Mar
    plan.set_start(date(2027, 3, 27));
    plan.schedule();
    const dates = t => [iso(t.get_early_start()), iso(t.get_early_finish())];
    assertEqual(dates(a), ['2027-03-30', '2027-04-01'], 'A Tue 30 Mar - Thu 1 Apr');
    assertEqual(dates(m), ['2027-03-30', '2027-03-30'], 'M on the first working day');
    assertEqual(m2.get_duration(), 4, 'the duration is kept');
    assertEqual(dates(m2), ['2027-04-01', '2027-04-01'], 'M2 at the end of A, 0 days');
    assertEqual(dates(b), ['2027-04-02', '2027-04-05'], 'B the next working day, Fri 2 - Mon 5 Apr');
    assertEqual(dates(c), ['2027-05-07', '2027-05-07'], 'C Fri 7 May, the day after Ascension');
    // D finishes no earlier than the day before C starts: Wed 5 May (Thu 6
    // off), 2 days from Tue 4 May
    assertEqual(dates(d), ['2027-05-04', '2027-05-05'], 'D start-to-finish');
    assertEqual(iso(plan.get_finish()), '2027-05-07', 'finish: C');
    // C is last: float 0; D, no successor, may finish on Fri 7 May: 1 day
    assertEqual([c.get_total_float(), c.is_critical()], [0, true], 'C');
    assertEqual([d.get_total_float(), d.get_free_float()], [1, 1], 'D');
    assertEqual([iso(d.get_late_start()), iso(d.get_late_finish())], ['2027-05-05', '2027-05-07'], 'D late');
    // B can slip from the end of Mon 5 Apr to the end of Fri 7 May: 6-9 Apr
    // (4), 12-16 (5), 19-23 (5), 26-30 (5), 3, 4, 5, 7 May (4) = 23
    assertEqual([b.get_total_float(), b.get_free_float()], [23, 23], 'B');
    assertEqual(critical(plan), ['C'], 'critical path');

    // actual dates pin a task whatever its predecessors
    b.set_actual_start(date(2027, 4, 12));
    plan.schedule();
    assertEqual(dates(b), ['2027-04-12', '2027-04-13'], 'B from its actual start, 2 days');
    b.set_actual_finish(date(2027, 4, 15));
    plan.schedule();
    assertEqual(dates(b), ['2027-04-12', '2027-04-15'], 'B from its actual start to its actual finish');
});

// --- effort hours in an affair's plan ------------------------------------------------------
//
// A task's effort is a number of hours, possibly fractional (7.5 h), kept to
// the minute. Adding such a task to an affair's plan, or changing its effort
// there, is a change of the plan like any other: it is journaled under the
// affair, in whole minutes, and the journal still verifies.

test('effort: a task with effort added to an affair\'s plan is journaled', () => {
    const [p, affair] = newAffair();
    const t = Aff.Task.new('DR', 'Revue de conception', 3);
    t.set_effort_hours(22.5);
    affair.get_plan().add_task(t);
    const e = planEntries(p).pop();
    assertEqual([e.get_action(), e.dup_detail('task')], ['task-added', 'DR'], 'task-added');
    assertTrue(p.get_journal().verify(), 'journal verifies');
    assertEqual(affair.get_plan().lookup_task('DR').get_effort_hours(), 22.5);
});

test('effort: a change of effort in an affair\'s plan is journaled, in minutes', () => {
    const [p, affair] = newAffair();
    affair.get_plan().add_task(Aff.Task.new('INT', 'Remplacement de la pompe', 8));
    affair.get_plan().lookup_task('INT').set_effort_hours(120);
    const e = planEntries(p).pop();
    assertEqual([e.get_action(), e.dup_detail('task'), e.dup_detail('property')],
        ['task-changed', 'INT', 'effort-minutes'], 'task-changed');
    assertEqual(Number(e.dup_detail('value')), 120 * 60, 'the new effort, in minutes');
    assertEqual(affair.get_plan().lookup_task('INT').get_effort_minutes(), 7200);
});

// --- the calendar ---------------------------------------------------------------------------------------

const FRENCH_2027 = [
    '2027-01-01', // New Year's Day, Friday
    '2027-03-29', // Easter Monday
    '2027-05-01', // Labour Day, Saturday
    '2027-05-06', // Ascension, Easter + 39
    '2027-05-08', // Victory in Europe Day, Saturday
    '2027-05-17', // Whit Monday, Easter + 50
    '2027-07-14', // Bastille Day, Wednesday
    '2027-08-15', // Assumption, Sunday
    '2027-11-01', // All Saints' Day, Monday
    '2027-11-11', // Armistice Day, Thursday
    '2027-12-25', // Christmas Day, Saturday
];

const wd = (cal, d, n) => iso(cal.add_working_days(d, n));

test('calendar: French holidays of 2027 and their names', () => {
    const cal = Aff.Calendar.new_french(false);
    assertTrue(cal.get_french());
    assertFalse(cal.get_alsace_moselle());
    const list = cal.list_holidays(2027);
    assertEqual(list.map(iso), FRENCH_2027, 'the 11 holidays, in date order');
    for (const h of list) {
        const name = cal.get_day_name(h);
        assertTrue(typeof name === 'string' && name.length > 0, `a name for ${iso(h)}`);
        assertFalse(cal.is_working_day(h), `${iso(h)} off`);
    }
    assertEqual(new Set(list.map(h => cal.get_day_name(h))).size, 11, 'eleven different names');
    assertTrue(/Easter/i.test(cal.get_day_name(date(2027, 3, 29))), 'Easter Monday named');
    assertTrue(/Ascension/i.test(cal.get_day_name(date(2027, 5, 6))), 'Ascension named');
    assertTrue(/Whit|Pentecost/i.test(cal.get_day_name(date(2027, 5, 17))), 'Whit Monday named');
    assertTrue(/Bastille|National|14 July/i.test(cal.get_day_name(date(2027, 7, 14))), '14 July named');
    assertEqual(cal.get_day_name(date(2027, 3, 30)), null, 'an ordinary Tuesday');
    assertEqual(cal.get_day_name(date(2027, 3, 26)), null, 'Good Friday is ordinary outside Alsace-Moselle');
    assertTrue(cal.is_working_day(date(2027, 3, 26)), 'Good Friday worked');
    assertTrue(cal.is_working_day(date(2027, 4, 5)), 'Mon 5 Apr is not Easter Monday in 2027');
    assertFalse(cal.is_working_day(date(2027, 3, 27)), 'Saturday');
    assertFalse(cal.is_working_day(date(2027, 3, 28)), 'Easter Sunday');
    assertTrue(cal.get_working_weekday(GLib.DateWeekday.MONDAY));
    assertFalse(cal.get_working_weekday(GLib.DateWeekday.SATURDAY));
    assertFalse(cal.get_working_weekday(GLib.DateWeekday.SUNDAY));

    const alsace = Aff.Calendar.new_french(true);
    assertTrue(alsace.get_alsace_moselle());
    // Good Friday = Easter - 2 = Fri 26 Mar, and 26 Dec (a Sunday, listed all the same)
    assertEqual(alsace.list_holidays(2027).map(iso),
        ['2027-01-01', '2027-03-26', ...FRENCH_2027.slice(1), '2027-12-26'], 'the 13 holidays');
    assertFalse(alsace.is_working_day(date(2027, 3, 26)), 'Good Friday off');
    assertTrue(/Good Friday/i.test(alsace.get_day_name(date(2027, 3, 26))), 'Good Friday named');
    assertTrue(/Stephen|26 Dec/i.test(alsace.get_day_name(date(2027, 12, 26))), '26 Dec named');

    const plain = Aff.Calendar.new();
    assertFalse(plain.get_french());
    assertEqual(plain.list_holidays(2027), [], 'no holidays');
    assertTrue(plain.is_working_day(date(2027, 3, 29)), 'Easter Monday worked');
});

test('calendar: add_working_days and count_working_days', () => {
    const cal = Aff.Calendar.new_french(false);
    const alsace = Aff.Calendar.new_french(true);

    assertEqual(wd(cal, date(2027, 3, 26), 1), '2027-03-30', 'Fri 26 Mar + 1: weekend and Easter Monday');
    assertEqual(wd(alsace, date(2027, 3, 25), 1), '2027-03-30', 'Thu 25 Mar + 1 in Alsace-Moselle');
    assertEqual(wd(cal, date(2027, 3, 30), -1), '2027-03-26', 'Tue 30 Mar - 1: Fri 26 Mar');
    assertEqual(wd(alsace, date(2027, 3, 30), -1), '2027-03-25', 'Tue 30 Mar - 1: Thu 25 Mar in Alsace-Moselle');
    assertEqual(wd(cal, date(2027, 5, 5), 1), '2027-05-07', 'Wed 5 May + 1: Ascension skipped');
    assertEqual(wd(cal, date(2027, 5, 7), -2), '2027-05-04', 'Fri 7 May - 2: 5 May, 4 May');
    assertEqual(wd(cal, date(2027, 7, 13), 1), '2027-07-15', 'Tue 13 Jul + 1: 14 July skipped');
    assertEqual(wd(cal, date(2027, 3, 29), 0), '2027-03-30', '0 from Easter Monday: next working day');
    assertEqual(wd(cal, date(2027, 3, 30), 0), '2027-03-30', '0 from a working day: itself');
    // from a day off: Sun 28 and Mon 29 are off too, so the first working day
    // after Sat 27 Mar is Tue 30 Mar, and the first before it Fri 26 Mar
    assertEqual(wd(cal, date(2027, 3, 27), -1), '2027-03-26', 'Sat 27 Mar - 1: Fri 26 Mar');
    assertEqual(wd(cal, date(2027, 3, 27), 1), '2027-03-30', 'Sat 27 Mar + 1: the first working day after it');
    // the scenario's PUR: 35 days from Thu 4 Mar finish on Thu 22 Apr, i.e.
    // 34 working days after its start
    assertEqual(wd(cal, date(2027, 3, 4), 34), '2027-04-22', 'Thu 4 Mar + 34');
    assertEqual(wd(cal, date(2027, 4, 22), -34), '2027-03-04', 'and back');

    // March: 23 weekdays, Easter Monday off; Alsace-Moselle: Good Friday too
    assertEqual(cal.count_working_days(date(2027, 3, 1), date(2027, 3, 31)), 22, 'March');
    assertEqual(alsace.count_working_days(date(2027, 3, 1), date(2027, 3, 31)), 21, 'March, Alsace-Moselle');
    // April: 22 weekdays, no holiday
    assertEqual(cal.count_working_days(date(2027, 4, 1), date(2027, 4, 30)), 22, 'April');
    // May: 21 weekdays, Ascension and Whit Monday off (1 and 8 May are Saturdays)
    assertEqual(cal.count_working_days(date(2027, 5, 1), date(2027, 5, 31)), 19, 'May');
    // July: 22 weekdays, 14 July off
    assertEqual(cal.count_working_days(date(2027, 7, 1), date(2027, 7, 31)), 21, 'July');
    // 2027: 52 weeks and a Friday = 261 weekdays; 7 holidays on weekdays
    // (1 Jan, 29 Mar, 6 May, 17 May, 14 Jul, 1 Nov, 11 Nov)
    assertEqual(cal.count_working_days(date(2027, 1, 1), date(2027, 12, 31)), 254, 'the year 2027');
    // Alsace-Moselle: Good Friday on a weekday, 26 Dec on a Sunday
    assertEqual(alsace.count_working_days(date(2027, 1, 1), date(2027, 12, 31)), 253, '2027 in Alsace-Moselle');
    // PUR: w3 .. w37
    assertEqual(cal.count_working_days(date(2027, 3, 4), date(2027, 4, 22)), 35, 'PUR lasts 35 days');
    assertEqual(cal.count_working_days(date(2027, 3, 29), date(2027, 3, 29)), 0, 'a holiday alone');
    assertEqual(cal.count_working_days(date(2027, 3, 30), date(2027, 3, 30)), 1, 'a working day alone');
    assertEqual(cal.count_working_days(date(2027, 4, 30), date(2027, 4, 1)), 0, 'to before from');
});

test('calendar: holidays, exceptions, weekdays and copies', () => {
    const cal = Aff.Calendar.new_french(false);
    const copy = cal.copy();
    assertTrue(copy.get_french(), 'the copy is French too');
    // the client closes on Mon 16 Aug (bridge after the Assumption, a Sunday)
    copy.add_holiday(date(2027, 8, 16), 'Pont de l’Assomption');
    assertEqual(copy.get_day_name(date(2027, 8, 16)), 'Pont de l’Assomption');
    assertEqual(copy.list_holidays(2027).map(iso),
        [...FRENCH_2027.slice(0, 8), '2027-08-16', ...FRENCH_2027.slice(8)], 'added in date order');
    assertEqual(cal.list_holidays(2027).map(iso), FRENCH_2027, 'the original is unchanged');
    assertTrue(cal.is_working_day(date(2027, 8, 16)), 'original: worked');
    // August: 2-6, 9-13, 16-20, 23-27, 30-31 = 22 weekdays; 15 Aug is a Sunday
    assertEqual(cal.count_working_days(date(2027, 8, 1), date(2027, 8, 31)), 22, 'August');
    assertEqual(copy.count_working_days(date(2027, 8, 1), date(2027, 8, 31)), 21, 'August without 16');
    assertThrows(() => copy.add_holiday(GLib.Date.new(), 'invalide'), E.INVALID_VALUE);

    // a Saturday worked to catch up, then a site closure
    copy.add_exception(date(2027, 4, 3), date(2027, 4, 3), true, 'Samedi de rattrapage');
    assertTrue(copy.is_working_day(date(2027, 4, 3)), 'Sat 3 Apr worked');
    assertEqual(copy.get_day_name(date(2027, 4, 3)), 'Samedi de rattrapage');
    assertEqual(wd(copy, date(2027, 4, 2), 1), '2027-04-03', 'Fri 2 Apr + 1 = Sat 3 Apr');
    assertEqual(copy.count_working_days(date(2027, 4, 1), date(2027, 4, 30)), 23, 'April + 1 Saturday');
    copy.add_exception(date(2027, 8, 2), date(2027, 8, 20), false, 'Fermeture estivale');
    // left: 23-27 and 30-31 August
    assertEqual(copy.count_working_days(date(2027, 8, 1), date(2027, 8, 31)), 7, 'August with the closure');
    assertEqual(copy.get_day_name(date(2027, 8, 16)), 'Fermeture estivale', 'the exception wins');
    assertThrows(() => copy.add_exception(date(2027, 8, 20), date(2027, 8, 2), false, 'à l’envers'),
        E.INVALID_VALUE);
    assertEqual(cal.count_working_days(date(2027, 4, 1), date(2027, 4, 30)), 22, 'original April unchanged');

    // a six-day week
    const six = Aff.Calendar.new();
    six.set_working_weekday(GLib.DateWeekday.SATURDAY, true);
    assertTrue(six.get_working_weekday(GLib.DateWeekday.SATURDAY));
    assertTrue(six.is_working_day(date(2027, 3, 27)), 'Saturday worked');
    // March 2027: 23 weekdays + 4 Saturdays (6, 13, 20, 27), no holidays
    assertEqual(six.count_working_days(date(2027, 3, 1), date(2027, 3, 31)), 27, 'March, six days a week');
});

run();
