// SPDX-License-Identifier: LGPL-2.1-or-later
//
// testCoordination.js: the planning module, part 2, from JavaScript —
// resources and loads, levelling, hazards and the contract's end, the
// prevention plan, inspections, co-activities, purchases, work packages,
// RACI, the journal and the document — told as one industrial maintenance
// affair; tests/python/test_coordination.py covers the same API from Python
// in more detail. The two suites share nothing.
//
// Every expected value is worked out by hand from the calendar of 2027 and
// the rules of the planning module; the reasoning is beside each expectation.
// A task of d days finishes on its d-th working day; a finish-to-start
// successor starts on the next working day; start-to-start lag n: n working
// days after the predecessor's start; a milestone sits at the end of its
// predecessor's finish day.
//
// French holidays of 2027 near the work: Mon 29 Mar (Easter Monday), Sat 1
// May, Thu 6 May (Ascension). Working days numbered from Mon 1 March (w0):
//   Mar  1-5 w0-w4 | 8-12 w5-w9 | 15-19 w10-w14 | 22-26 w15-w19 |
//        29 Easter Monday | 30 w20, 31 w21
//   Apr  1 w22, 2 w23 | 5-9 w24-w28 | 12-16 w29-w33 | 19-23 w34-w38 |
//        26-30 w39-w43
//
// The affair OFF-2027-031 (client Chimie de l’Est): replacement of the
// agitator of reactor R-12, signed Mon 1 Mar 2027 with a lead time of 40
// working days: the contract ends on w40, Tue 27 Apr. The plan, in order:
//   SURV task, internal                  2  w0-w1    Mon 1 - Tue 2 Mar
//   ENG  task, internal                 10  w0-w9    Mon 1 - Fri 12 Mar
//   DOC  task, "Bureau d’études"          3  w0-w2    Mon 1 - Wed 3 Mar
//   FAB  task, "Atelier"                10  FS ENG   w10-w19 Mon 15 - Fri 26 Mar
//   SITE intervention, subcontractor
//        "Levage Express", "Unité 2"    10  FS FAB   w20-w29 Tue 30 Mar - Mon 12 Apr
//   MS   milestone                          FS SITE  end of Mon 12 Apr
//   TEST inspection, "Bureau Veritas"    5  FS MS    w30-w34 Tue 13 - Mon 19 Apr
//   REC  milestone, finish no later than
//        Tue 27 Apr                         FS TEST  end of Mon 19 Apr
// Plan finish w34 Mon 19 Apr. ENG, FAB, SITE, MS, TEST, REC are critical;
// SURV's late start is w33 (float 33), DOC's w32 (float 32).
// Resources: the rigger, 7 h (420 min) a day, on SURV 7 h, DOC 2 h, SITE
// 7 h and TEST 7 h a day; the welder, 7.5 h (450 min) a day, on leave Fri
// 26 Mar, on FAB for 75 h 07 in all = 4507 min.

import GLib from 'gi://GLib';
import Aff from 'gi://Aff?version=1';
import {
    test, run, assertEqual, assertTrue, assertFalse, assertThrows, date, iso, items,
} from './harness.js';

const E = Aff.Error;
const K = Aff.TaskKind;
const P = Aff.Party;
const R = Aff.RaciRole;
const FS = Aff.DependencyType.FINISH_START;
const SS = Aff.DependencyType.START_START;
const Issue = Aff.InspectionIssueKind;

const AFFAIR = 'OFF-2027-031';
const CONSULTATION = 'CONS-2027-011';
const CLIENT = 'Chimie de l’Est';

function newAffair() {
    const p = Aff.Portfolio.new();
    p.set_actor('Julien Keller');
    p.set_fixed_time(GLib.DateTime.new_utc(2027, 2, 10, 9, 0, 0));
    p.get_policy().set_activities(['maintenance']);
    p.add_client(Aff.Client.new('chimest', CLIENT));
    const k = Aff.Consultation.new(CONSULTATION, 'chimest', 'Remplacement agitateur R-12',
        date(2027, 1, 11), date(2027, 2, 19));
    k.set_activities(['maintenance']);
    p.add_consultation(k);
    k.start_qualification(date(2027, 1, 12), 'analysis');
    p.evaluate_consultation(CONSULTATION, date(2027, 1, 14));
    p.decide_consultation(CONSULTATION, Aff.BidVerdict.GO, 'Direction', 'client historique');
    const offer = Aff.Offer.new(AFFAIR, CONSULTATION);
    p.add_offer(offer);
    const rev = offer.get_current_revision();
    rev.add_line(Aff.OfferLine.new(Aff.LineKind.LABOUR, 'Remplacement sur site', '160', Aff.LineUnit.HOUR,
        Aff.Money.parse('62.00 EUR')));
    rev.set_margin_rate(1500);
    rev.set_lead_time_days(40);
    rev.set_validity(date(2027, 4, 30));
    offer.send(date(2027, 2, 10));
    offer.accept(date(2027, 3, 1), 'CT-2027-044');
    const affair = p.lookup_affair(AFFAIR);
    assertTrue(affair !== null, 'the affair exists');
    return [p, affair];
}

function addTask(plan, id, days, kind = K.TASK, party = P.INTERNAL, partyName = null, zone = null) {
    const t = Aff.Task.new(id, `Tâche ${id}`, days);
    t.set_kind(kind);
    t.set_party(party);
    t.set_party_name(partyName);
    t.set_zone(zone);
    plan.add_task(t);
    return t;
}

function buildPlan(plan) {
    addTask(plan, 'SURV', 2);
    addTask(plan, 'ENG', 10);
    addTask(plan, 'DOC', 3, K.TASK, P.INTERNAL, 'Bureau d’études');
    addTask(plan, 'FAB', 10, K.TASK, P.INTERNAL, 'Atelier');
    addTask(plan, 'SITE', 10, K.INTERVENTION, P.SUBCONTRACTOR, 'Levage Express', 'Unité 2');
    addTask(plan, 'MS', 0);
    const test = addTask(plan, 'TEST', 5, K.INSPECTION, P.INSPECTION_BODY, 'Bureau Veritas');
    test.set_regulatory_basis('Arrêté du 1er mars 2004');
    test.set_report_days(3);
    test.set_required_for('REC');
    const rec = addTask(plan, 'REC', 0);
    rec.set_finish_no_later_than(date(2027, 4, 27));
    for (const [a, b] of [['ENG', 'FAB'], ['FAB', 'SITE'], ['SITE', 'MS'], ['MS', 'TEST'], ['TEST', 'REC']])
        plan.add_dependency(a, b, FS, 0);
    const rigger = Aff.Resource.new('rigger', 'Chef de levage', Aff.ResourceKind.PERSON);
    plan.add_resource(rigger);
    const welder = Aff.Resource.new('welder', 'Soudeur', Aff.ResourceKind.PERSON);
    welder.set_capacity_hours(7.5);
    const leave = plan.get_calendar().copy();
    leave.add_exception(date(2027, 3, 26), date(2027, 3, 26), false, 'Congé');
    welder.set_calendar(leave);
    plan.add_resource(welder);
    plan.assign('SURV', 'rigger', 7);
    plan.assign('DOC', 'rigger', 2);
    plan.assign('SITE', 'rigger', 7);
    plan.assign('TEST', 'rigger', 7);
    plan.assign_total('FAB', 'welder', 4507 / 60);
    return [rigger, welder];
}

const early = t => [iso(t.get_early_start()), iso(t.get_early_finish())];
const loads = list => list.map(l => [iso(l.get_date()), l.get_resource_id(), l.get_load_minutes(),
    l.get_capacity_minutes(), l.get_overload_minutes(), l.get_task_ids()]);
const slips = list => list.map(s => [s.get_task_id(), s.is_milestone(), iso(s.get_baseline_start()),
    iso(s.get_baseline_finish()), iso(s.get_start()), iso(s.get_finish()), s.get_start_slip(), s.get_finish_slip()]);
const parties = list => list.map(x => [x.get_party(), x.get_name(), x.get_task_ids()]);
const affairEntries = p => p.get_journal().list_entries_for('affair', AFFAIR).filter(e => e.get_action() !== 'created');

function weatherHazard() {
    // three days of storm stop FAB
    const h = Aff.Hazard.new('H1', date(2027, 3, 17), Aff.HazardCause.WEATHER, 'Tempête');
    h.set_task_ids(['FAB']);
    h.set_delay_days(3);
    return h;
}

function absenceHazard() {
    // the rigger is ill Thu 15 - Tue 20 Apr
    const h = Aff.Hazard.new('H2', date(2027, 4, 14), Aff.HazardCause.INTERNAL, 'Arrêt maladie');
    h.set_resource_unavailable('rigger', date(2027, 4, 15), date(2027, 4, 20));
    return h;
}

// --- loads and levelling -----------------------------------------------------------------

test('loads per day and in total, a leave, overallocations and levelling', () => {
    const [p, affair] = newAffair();
    const plan = affair.get_plan();
    const [rigger, welder] = buildPlan(plan);
    assertEqual(iso(plan.get_contract_end()), '2027-04-27', 'w0 Mon 1 Mar + 40 working days = w40 Tue 27 Apr');
    assertEqual([rigger.get_capacity_minutes(), welder.get_capacity_minutes()], [420, 450], '7 h and 7.5 h');
    assertEqual(items(plan.get_resources()).map(r => r.get_id()), ['rigger', 'welder']);
    assertThrows(() => plan.compute_load('rigger', date(2027, 3, 1), date(2027, 3, 5)), E.INVALID_TRANSITION);
    plan.schedule();
    assertEqual(early(plan.lookup_task('FAB')), ['2027-03-15', '2027-03-26'], 'FAB w10-w19');
    assertEqual(plan.lookup_task('SURV').get_total_float(), 33, 'SURV float');
    assertEqual(plan.lookup_task('DOC').get_total_float(), 32, 'DOC float');

    // the rigger Mon 1 - Thu 4 Mar: SURV 420 + DOC 120 = 540 on Mon 1 and
    // Tue 2 (120 over), DOC alone on Wed 3, nothing on Thu 4
    assertEqual(loads(plan.compute_load('rigger', date(2027, 3, 1), date(2027, 3, 4))), [
        ['2027-03-01', 'rigger', 540, 420, 120, ['SURV', 'DOC']],
        ['2027-03-02', 'rigger', 540, 420, 120, ['SURV', 'DOC']],
        ['2027-03-03', 'rigger', 120, 420, 0, ['DOC']],
        ['2027-03-04', 'rigger', 0, 420, 0, []],
    ], 'rigger');
    // the welder's 4507 min over FAB's 10 days: 4507 // 10 = 450, remainder
    // 7: the first 7 days (Mon 15 - Tue 23) take 451, one over 450; Wed 24,
    // Thu 25 450; Fri 26 450 on a day off (capacity 0)
    const first7 = ['2027-03-15', '2027-03-16', '2027-03-17', '2027-03-18', '2027-03-19', '2027-03-22',
        '2027-03-23'].map(d => [d, 'welder', 451, 450, 1, ['FAB']]);
    assertEqual(loads(plan.compute_load('welder', date(2027, 3, 15), date(2027, 3, 26))), [
        ...first7,
        ['2027-03-24', 'welder', 450, 450, 0, ['FAB']],
        ['2027-03-25', 'welder', 450, 450, 0, ['FAB']],
        ['2027-03-26', 'welder', 450, 0, 450, ['FAB']],
    ], 'welder');
    const welderOver = [...first7, ['2027-03-26', 'welder', 450, 0, 450, ['FAB']]];
    assertEqual(loads(plan.list_overallocations()), [
        ['2027-03-01', 'rigger', 540, 420, 120, ['SURV', 'DOC']],
        ['2027-03-02', 'rigger', 540, 420, 120, ['SURV', 'DOC']],
        ...welderOver,
    ], 'overallocations by date then resource');

    // levelling: SURV and DOC start Mon 1; DOC has less float (32 < 33) and
    // goes first although SURV comes first in the plan. SURV needs 420 of
    // the rigger's 420 but DOC holds 120 on Mon 1 - Wed 3: delayed 1 or 2
    // days it still meets DOC, delayed 3 it runs Thu 4, Fri 5. FAB (451 >
    // 450 on its own) cannot be helped and stays.
    const n = affairEntries(p).length;
    const moved = plan.level_resources();
    assertEqual(slips(moved), [['SURV', false, '2027-03-01', '2027-03-02', '2027-03-04', '2027-03-05', 3, 3]],
        'only SURV moves, 3 working days');
    assertEqual(['SURV', 'DOC', 'FAB', 'SITE', 'TEST'].map(id => plan.lookup_task(id).get_levelling_delay()),
        [3, 0, 0, 0, 0], 'levelling delays');
    assertEqual(loads(plan.list_overallocations()), welderOver, 'the rigger fits; the welder is as it was');
    const changes = affairEntries(p).slice(n).map(e => [e.get_action(), e.dup_detail('task'),
        e.dup_detail('property'), e.dup_detail('value')]);
    assertEqual(changes, [['task-changed', 'SURV', 'levelling-delay', '3']], 'levelling journaled');
    assertTrue(p.get_journal().verify(), 'journal verifies');
});

// --- hazards ----------------------------------------------------------------------------------

test('hazards: a delay, an absence, the contract end, the parties, errors', () => {
    const [p, affair] = newAffair();
    const plan = affair.get_plan();
    const [rigger] = buildPlan(plan);
    plan.schedule();
    assertEqual(iso(plan.get_finish()), '2027-04-19', 'finish w34');

    // H1: FAB 13 days w10-w22 Mon 15 Mar - Thu 1 Apr; SITE w23-w32 Fri 2 -
    // Thu 15 Apr; MS Thu 15; TEST w33-w37 Fri 16 - Thu 22; REC Thu 22: all
    // 3 working days later, FAB's start excepted
    const h1 = weatherHazard();
    let impact = plan.apply_hazard(h1);
    assertEqual(slips(impact.get_moved_tasks()), [
        ['FAB', false, '2027-03-15', '2027-03-26', '2027-03-15', '2027-04-01', 0, 3],
        ['SITE', false, '2027-03-30', '2027-04-12', '2027-04-02', '2027-04-15', 3, 3],
        ['MS', true, '2027-04-12', '2027-04-12', '2027-04-15', '2027-04-15', 3, 3],
        ['TEST', false, '2027-04-13', '2027-04-19', '2027-04-16', '2027-04-22', 3, 3],
        ['REC', true, '2027-04-19', '2027-04-19', '2027-04-22', '2027-04-22', 3, 3],
    ], 'H1 moved');
    assertEqual(impact.get_slipped_milestones().map(s => s.get_task_id()), ['MS', 'REC']);
    assertEqual([iso(impact.get_finish_before()), iso(impact.get_finish_after())], ['2027-04-19', '2027-04-22']);
    assertTrue(impact.get_contract_end_holds(), 'Thu 22 Apr <= Tue 27 Apr');
    assertEqual(impact.get_violations().length, 0, 'no violation');
    // by party kind then name; the client (no name) with the milestones
    assertEqual(parties(impact.get_parties_to_notify()), [
        [P.INTERNAL, null, ['MS', 'REC']],
        [P.INTERNAL, 'Atelier', ['FAB']],
        [P.CLIENT, null, ['MS', 'REC']],
        [P.SUBCONTRACTOR, 'Levage Express', ['SITE']],
        [P.INSPECTION_BODY, 'Bureau Veritas', ['TEST']],
    ], 'H1 parties');

    // errors change nothing
    const count = affairEntries(p).length;
    const dup = Aff.Hazard.new('H1', date(2027, 3, 18), Aff.HazardCause.CLIENT, 'Doublon');
    dup.set_task_ids(['ENG']);
    dup.set_delay_days(1);
    assertThrows(() => plan.apply_hazard(dup), E.DUPLICATE_ID);
    assertThrows(() => plan.apply_hazard(h1), E.INVALID_TRANSITION);
    const unknown = Aff.Hazard.new('H3', date(2027, 3, 18), Aff.HazardCause.SUPPLIER, 'Inconnue');
    unknown.set_task_ids(['NOPE']);
    unknown.set_delay_days(1);
    assertThrows(() => plan.apply_hazard(unknown), E.NOT_FOUND);
    assertThrows(() => plan.apply_hazard(Aff.Hazard.new('H4', date(2027, 3, 18), Aff.HazardCause.CLIENT, 'Rien')),
        E.INVALID_VALUE);
    assertEqual(affairEntries(p).length, count, 'no entry');
    assertEqual(items(plan.get_hazards()).map(h => h.get_id()), ['H1']);
    assertEqual(plan.lookup_task('ENG').get_hazard_delay(), 0, 'ENG untouched');
    assertEqual(rigger.get_calendar(), null, 'the rigger has no calendar of its own yet');

    // H2: SITE (Fri 2 - Thu 15 Apr) overlaps the absence on Thu 15: +1;
    // TEST (Fri 16 - Thu 22) on Fri 16, Mon 19, Tue 20: +3; SURV and DOC
    // (early March) not at all. SITE w23-w33 Fri 2 - Fri 16; MS Fri 16;
    // TEST 8 days w34-w41 Mon 19 - Wed 28; REC Wed 28 Apr.
    impact = plan.apply_hazard(absenceHazard());
    assertEqual(['SURV', 'DOC', 'SITE', 'TEST'].map(id => plan.lookup_task(id).get_hazard_delay()), [0, 0, 1, 3]);
    assertEqual(slips(impact.get_moved_tasks()), [
        ['SITE', false, '2027-04-02', '2027-04-15', '2027-04-02', '2027-04-16', 0, 1],
        ['MS', true, '2027-04-15', '2027-04-15', '2027-04-16', '2027-04-16', 1, 1],
        ['TEST', false, '2027-04-16', '2027-04-22', '2027-04-19', '2027-04-28', 1, 4],
        ['REC', true, '2027-04-22', '2027-04-22', '2027-04-28', '2027-04-28', 4, 4],
    ], 'H2 moved');
    // Wed 28 Apr is past the contract's end Tue 27 Apr, and REC's deadline,
    // by 1 working day
    assertFalse(impact.get_contract_end_holds(), 'the contract end fails');
    assertEqual(impact.get_violations().map(v => [v.get_task_id(), iso(v.get_deadline()), iso(v.get_finish()),
        v.get_days_missed()]), [['REC', '2027-04-27', '2027-04-28', 1]]);
    assertEqual(parties(impact.get_parties_to_notify()), [
        [P.INTERNAL, null, ['MS', 'REC']],
        [P.CLIENT, null, ['MS', 'REC']],
        [P.SUBCONTRACTOR, 'Levage Express', ['SITE']],
        [P.INSPECTION_BODY, 'Bureau Veritas', ['TEST']],
    ], 'H2 parties');
    const cal = rigger.get_calendar();
    assertEqual([14, 15, 20, 21].map(d => cal.is_working_day(date(2027, 4, d))), [true, false, false, true],
        'the rigger away Thu 15 - Tue 20');
    assertTrue(plan.get_calendar().is_working_day(date(2027, 4, 15)), 'the plan\'s calendar untouched');

    // the parties of the plan, their tasks by early start
    assertEqual(parties(plan.list_parties()), [
        [P.INTERNAL, null, ['SURV', 'ENG', 'MS', 'REC']],
        [P.INTERNAL, 'Atelier', ['FAB']],
        [P.INTERNAL, 'Bureau d’études', ['DOC']],
        [P.SUBCONTRACTOR, 'Levage Express', ['SITE']],
        [P.INSPECTION_BODY, 'Bureau Veritas', ['TEST']],
    ], 'list_parties');
    const applied = affairEntries(p).filter(e => e.get_action() === 'hazard-applied');
    assertEqual(applied.map(e => [e.dup_detail('hazard'), JSON.parse(e.dup_detail('moved')),
        e.dup_detail('contract_end_holds')]),
    [['H1', ['FAB', 'SITE', 'MS', 'TEST', 'REC'], 'true'], ['H2', ['SITE', 'MS', 'TEST', 'REC'], 'false']]);
    assertTrue(p.get_journal().verify(), 'journal verifies');
});

// --- the prevention plan ---------------------------------------------------------------------

test('prevention plan: the 400 hours, the record, starting and finishing on site', () => {
    const [p, affair] = newAffair();
    const plan = affair.get_plan();
    buildPlan(plan);
    // on the site: SITE (intervention) and TEST (inspection); FAB is not
    assertEqual(['SITE', 'TEST', 'FAB'].map(id => plan.lookup_task(id).is_on_site()), [true, true, false]);
    plan.lookup_task('SITE').set_effort_hours(300);
    plan.lookup_task('TEST').set_effort_hours(99);
    plan.lookup_task('FAB').set_effort_hours(500);
    plan.schedule();
    // 300 + 99 = 399 h on the site (FAB's 500 h are in the workshop)
    let [required, reasons] = plan.requires_prevention_plan();
    assertFalse(required, '399 h');
    // 300 + 100 = 400 h, from SITE's first day Tue 30 Mar to TEST's last
    // Mon 19 Apr
    plan.lookup_task('TEST').set_effort_hours(100);
    [required, reasons] = affair.requires_prevention_plan();
    assertTrue(required, '400 h');
    assertEqual(reasons.length, 1);
    assertTrue(reasons[0].includes('400 hours') && reasons[0].includes('2027-03-30') &&
        reasons[0].includes('2027-04-19'), reasons[0]);

    const pp = plan.get_prevention_plan();
    const n = affairEntries(p).length;
    assertThrows(() => plan.start_task('SITE', date(2027, 3, 30)), E.INVALID_TRANSITION);
    assertThrows(() => pp.sign('J. Martin', CLIENT, P.CLIENT, date(2027, 3, 26)), E.INVALID_TRANSITION);
    pp.record_joint_inspection(date(2027, 3, 26), ['J. Martin (Chimie de l’Est)', 'P. Weber (Levage Express)']);
    pp.add_interference('Unité 2', 'Levage au-dessus de l’unité en marche', 'Consignation, balisage');
    assertThrows(() => pp.sign('J. Martin', CLIENT, P.CLIENT, date(2027, 3, 25)), E.INVALID_TRANSITION);
    pp.sign('J. Martin', CLIENT, P.CLIENT, date(2027, 3, 26));
    assertThrows(() => pp.sign('A. Klein', CLIENT, P.CLIENT, date(2027, 3, 26)), E.DUPLICATE_ID);
    assertFalse(pp.is_signed(), 'the client alone');
    pp.sign('J. Keller', 'Affaires SA', P.INTERNAL, date(2027, 3, 26));
    assertTrue(pp.is_signed(), 'the client and the company');
    assertThrows(() => pp.add_interference(null, 'Bruit', 'Casques'), E.FROZEN);
    assertThrows(() => pp.record_joint_inspection(date(2027, 3, 29), ['X']), E.FROZEN);
    // SITE is Levage Express's: it must sign too
    assertThrows(() => plan.start_task('SITE', date(2027, 3, 30)), E.INVALID_TRANSITION);
    pp.sign('P. Weber', 'Levage Express', P.SUBCONTRACTOR, date(2027, 3, 29));
    plan.start_task('SITE', date(2027, 3, 30));
    assertThrows(() => plan.start_task('SITE', date(2027, 3, 31)), E.INVALID_TRANSITION);
    assertThrows(() => plan.finish_task('TEST', date(2027, 4, 19)), E.INVALID_TRANSITION);
    assertThrows(() => plan.finish_task('SITE', date(2027, 3, 29)), E.INVALID_VALUE);
    plan.finish_task('SITE', date(2027, 4, 12));
    const site = plan.lookup_task('SITE');
    assertEqual([iso(site.get_actual_start()), iso(site.get_actual_finish()), site.get_progress()],
        ['2027-03-30', '2027-04-12', 100]);
    assertEqual(pp.get_signatures().map(s => [s.get_organisation(), s.get_party(), iso(s.get_date())]), [
        [CLIENT, P.CLIENT, '2027-03-26'],
        ['Affaires SA', P.INTERNAL, '2027-03-26'],
        ['Levage Express', P.SUBCONTRACTOR, '2027-03-29'],
    ]);
    assertEqual(affairEntries(p).slice(n).map(e => e.get_action()).filter(a => a !== 'task-changed'), [
        'prevention-inspection-recorded', 'prevention-interference-added', 'prevention-signed',
        'prevention-signed', 'prevention-signed', 'task-started', 'task-finished',
    ]);
    assertTrue(p.get_journal().verify(), 'journal verifies');
});

// --- coordination ------------------------------------------------------------------------------

test('inspections, co-activity, purchases, work packages and RACI', () => {
    const [, affair] = newAffair();
    const plan = affair.get_plan();
    buildPlan(plan);
    // PUR, 12 days from Pompes Durand, needed by SITE: w0-w11 Mon 1 - Tue 16
    // Mar. SITE is critical (late start w20 Tue 30 Mar): PUR's late finish
    // is w19 Fri 26 Mar, its late start w19 - 11 = w8 Thu 11 Mar.
    addTask(plan, 'PUR', 12, K.PURCHASE, P.SUPPLIER, 'Pompes Durand');
    plan.add_dependency('PUR', 'SITE', FS, 0);
    // CAL, 3 days of Calorifuge SA in "Unité 2", SS SITE +5: w25-w27 Tue 6 -
    // Thu 8 Apr, before TEST
    addTask(plan, 'CAL', 3, K.SUBCONTRACT, P.SUBCONTRACTOR, 'Calorifuge SA', 'Unité 2');
    plan.add_dependency('SITE', 'CAL', SS, 5);
    plan.add_dependency('CAL', 'TEST', FS, 0);
    // INSP0, an inspection naming no body and no basis, SS SITE: Tue 30
    // Mar; its report due the same day (0 days), received Wed 31: 1 late
    const insp0 = addTask(plan, 'INSP0', 1, K.INSPECTION);
    insp0.set_report_received(date(2027, 3, 31));
    plan.add_dependency('SITE', 'INSP0', SS, 0);
    assertThrows(() => plan.list_coactivities(), E.INVALID_TRANSITION);
    plan.schedule();
    assertEqual(iso(plan.get_finish()), '2027-04-19', 'the finish has not moved');

    // TEST ends Mon 19 Apr, its report is due 3 working days later, Thu 22;
    // REC (which needs it) is on Mon 19: too late by Tue 20, Wed 21, Thu 22
    // = 3; on Fri 23 the report is 1 day overdue
    assertEqual(plan.check_inspections(date(2027, 4, 23)).map(i => [i.get_task_id(), i.get_kind(),
        iso(i.get_due()), i.get_days(), i.get_required_for()]), [
        ['TEST', Issue.REPORT_OVERDUE, '2027-04-22', 1, 'REC'],
        ['TEST', Issue.TOO_LATE, '2027-04-22', 3, 'REC'],
        ['INSP0', Issue.NO_BODY, null, 0, null],
        ['INSP0', Issue.NO_BASIS, null, 0, null],
        ['INSP0', Issue.REPORT_LATE, '2027-03-30', 1, null],
    ], 'inspection issues');

    // SITE (Levage Express) and CAL (Calorifuge SA) in "Unité 2" Tue 6 -
    // Thu 8 Apr
    assertEqual(plan.list_coactivities().map(c => [c.get_zone(), iso(c.get_from()), iso(c.get_to()),
        c.get_first_task_id(), c.get_second_task_id()]),
    [['Unité 2', '2027-04-06', '2027-04-08', 'SITE', 'CAL']], 'co-activity');

    assertEqual(plan.list_purchases().map(x => [x.get_task_id(), x.get_supplier(), x.get_lead_time_days(),
        iso(x.get_earliest_order()), iso(x.get_order_by()), iso(x.get_needed_by()), x.is_ordered()]),
    [['PUR', 'Pompes Durand', 12, '2027-03-01', '2027-03-11', '2027-03-26', false]], 'purchase');

    // CAL waits for SITE (another company) and TEST waits for it
    assertEqual(plan.list_work_packages().map(w => [w.get_task_id(), w.get_subcontractor(), w.get_inputs(),
        w.get_outputs()]), [['CAL', 'Calorifuge SA', ['SITE'], ['TEST']]], 'work package');

    // RACI: one accountable per task
    const site = plan.lookup_task('SITE');
    site.set_raci('Julien Keller', R.ACCOUNTABLE);
    site.set_raci('Claire Martin', R.ACCOUNTABLE);
    site.set_raci('Levage Express', R.RESPONSIBLE);
    assertEqual(site.get_raci('Julien Keller'), R.NONE, 'Julien is no longer accountable');
    plan.lookup_task('ENG').set_raci('Claire Martin', R.ACCOUNTABLE);
    plan.lookup_task('DOC').set_raci('Claire Martin', R.RESPONSIBLE);
    plan.lookup_task('PUR').set_raci('Claire Martin', R.CONSULTED);
    assertEqual(plan.list_people(), ['Claire Martin', 'Levage Express'], 'people');
    plan.schedule();
    // critical first: ENG (late start Mon 1 Mar), SITE (Tue 30 Mar); then
    // PUR (late start Thu 11 Mar) and DOC (no successor: late finish Mon 19
    // Apr, late start w32 Thu 15 Apr), whereas DOC comes before them in the
    // plan
    assertEqual(plan.list_raci('Claire Martin').map(i => [i.get_task_id(), i.get_role(), iso(i.get_start()),
        iso(i.get_late_start()), i.is_critical()]), [
        ['ENG', R.ACCOUNTABLE, '2027-03-01', '2027-03-01', true],
        ['SITE', R.ACCOUNTABLE, '2027-03-30', '2027-03-30', true],
        ['PUR', R.CONSULTED, '2027-03-01', '2027-03-11', false],
        ['DOC', R.RESPONSIBLE, '2027-03-01', '2027-04-15', false],
    ], 'Claire Martin\'s tasks by priority');

    // PUR ordered Mon 1 Mar
    plan.start_task('PUR', date(2027, 3, 1));
    plan.schedule();
    assertTrue(plan.list_purchases()[0].is_ordered(), 'ordered');
});

// --- the journal and the document --------------------------------------------------------------

const PART2_ACTIONS = ['resource-added', 'resource-changed', 'resource-calendar-set', 'resource-cost-rate-set',
    'resource-skills-set', 'resource-assigned', 'resource-unassigned', 'plan-contract-end-set', 'hazard-applied',
    'task-raci-set', 'task-started', 'task-finished', 'prevention-inspection-recorded',
    'prevention-interference-added', 'prevention-signed'];

test('every action journaled, and the portfolio saved and reloaded', () => {
    const [p, affair] = newAffair();
    const plan = affair.get_plan();
    const n = affairEntries(p).length;
    const [rigger] = buildPlan(plan);
    rigger.set_name('Chef de levage N2');
    rigger.set_cost_rate(Aff.Money.parse('48.50 EUR'));
    rigger.set_skills(['CACES R483', 'élingage']);
    plan.assign('MS', 'rigger', 1);
    plan.unassign('MS', 'rigger');
    plan.set_contract_end(date(2027, 4, 30));
    plan.schedule();
    plan.level_resources();
    plan.apply_hazard(weatherHazard());
    plan.apply_hazard(absenceHazard());
    plan.lookup_task('ENG').set_raci('Claire Martin', R.ACCOUNTABLE);
    plan.lookup_task('ENG').set_raci('Julien Keller', R.RESPONSIBLE);
    plan.lookup_task('TEST').set_report_received(date(2027, 4, 30));
    const pp = plan.get_prevention_plan();
    pp.record_joint_inspection(date(2027, 3, 26), ['J. Martin (Chimie de l’Est)']);
    pp.add_interference('Unité 2', 'Co-activité levage / calorifuge', 'Phasage des travaux');
    pp.sign('J. Martin', CLIENT, P.CLIENT, date(2027, 3, 26));
    pp.sign('J. Keller', 'Affaires SA', P.INTERNAL, date(2027, 3, 26));
    plan.start_task('ENG', date(2027, 3, 1));
    plan.finish_task('ENG', date(2027, 3, 12));

    const actions = new Set(affairEntries(p).slice(n).map(e => e.get_action()));
    for (const action of PART2_ACTIONS)
        assertTrue(actions.has(action), `${action} journaled`);
    const changed = affairEntries(p).slice(n).filter(e => e.get_action() === 'task-changed')
        .map(e => [e.dup_detail('task'), e.dup_detail('property'), e.dup_detail('value')]);
    // SURV levelled 3 days (see above); FAB +3 (H1); SITE +1, TEST +3 (H2)
    for (const c of [['SURV', 'levelling-delay', '3'], ['FAB', 'hazard-delay', '3'], ['SITE', 'hazard-delay', '1'],
        ['TEST', 'hazard-delay', '3']])
        assertTrue(changed.some(x => x[0] === c[0] && x[1] === c[1] && x[2] === c[2]), `task-changed ${c}`);
    assertTrue(p.get_journal().verify(), 'journal verifies');

    const [text] = p.to_data();
    const saved = JSON.parse(text).affairs[0].plan;
    assertEqual(saved.contract_end, '2027-04-30');
    assertEqual(saved.resources.map(r => [r.id, r.capacity_minutes, r.cost_rate ?? null, 'calendar' in r]),
        [['rigger', 420, '48.50 EUR', true], ['welder', 450, null, true]], 'resources');
    // 75 h 07 = 4507 min
    assertEqual(saved.assignments, [
        {task: 'SURV', resource: 'rigger', minutes_per_day: 420},
        {task: 'DOC', resource: 'rigger', minutes_per_day: 120},
        {task: 'SITE', resource: 'rigger', minutes_per_day: 420},
        {task: 'TEST', resource: 'rigger', minutes_per_day: 420},
        {task: 'FAB', resource: 'welder', total_minutes: 4507},
    ], 'assignments');
    assertEqual(saved.hazards.map(h => h.id), ['H1', 'H2']);

    const q = Aff.Portfolio.new_from_data(text, -1);
    const [text2] = q.to_data();
    assertEqual(text2, text, 'the same document after a round trip');
    assertTrue(q.get_journal().verify(), 'the reloaded journal verifies');
    const loaded = q.lookup_affair(AFFAIR).get_plan();
    const r = loaded.lookup_resource('rigger');
    assertEqual([r.get_name(), r.get_cost_rate().to_string(), r.get_skills()],
        ['Chef de levage N2', '48.50 EUR', ['CACES R483', 'élingage']]);
    assertFalse(r.get_calendar().is_working_day(date(2027, 4, 16)), 'the absence kept');
    assertFalse(loaded.lookup_resource('welder').get_calendar().is_working_day(date(2027, 3, 26)), 'the leave kept');
    assertEqual(loaded.get_assignments().map(a => [a.get_task_id(), a.get_resource_id(), a.get_minutes_per_day(),
        a.get_total_minutes()])[4], ['FAB', 'welder', 0, 4507]);
    const hazards = items(loaded.get_hazards());
    assertEqual(hazards.map(h => [h.get_id(), h.get_cause(), h.get_delay_days(), h.get_resource_id(),
        h.is_applied()]),
    [['H1', Aff.HazardCause.WEATHER, 3, null, true], ['H2', Aff.HazardCause.INTERNAL, 0, 'rigger', true]]);
    assertEqual(['SURV', 'FAB', 'SITE', 'TEST'].map(id => [loaded.lookup_task(id).get_levelling_delay(),
        loaded.lookup_task(id).get_hazard_delay()]), [[3, 0], [0, 3], [0, 1], [0, 3]], 'delays kept');
    const test = loaded.lookup_task('TEST');
    assertEqual([test.get_regulatory_basis(), test.get_report_days(), iso(test.get_report_received()),
        test.get_required_for()], ['Arrêté du 1er mars 2004', 3, '2027-04-30', 'REC']);
    const eng = loaded.lookup_task('ENG');
    assertEqual([eng.get_raci('Claire Martin'), eng.get_raci('Julien Keller')], [R.ACCOUNTABLE, R.RESPONSIBLE]);
    assertEqual([iso(eng.get_actual_start()), iso(eng.get_actual_finish()), eng.get_progress()],
        ['2027-03-01', '2027-03-12', 100]);
    const lpp = loaded.get_prevention_plan();
    assertEqual([iso(lpp.get_joint_inspection()), lpp.get_participants(), lpp.get_interferences().length,
        lpp.is_signed()], ['2027-03-26', ['J. Martin (Chimie de l’Est)'], 1, true]);
    // scheduled again: REC on Wed 28 Apr as after H2, 1 day late
    loaded.schedule();
    assertEqual(iso(loaded.get_finish()), '2027-04-28');
    assertEqual(loaded.get_violations().map(v => [v.get_task_id(), v.get_days_missed()]), [['REC', 1]]);
});

test('the smaller accessors: baselines, absences, signatures, delays, capacities, chart width', () => {
    // Mon 1 Mar 2027: A 3 days (Mon 1 .. Wed 3), saved as the baseline, then 5.
    const plan = Aff.Plan.new();
    plan.set_start(date(2027, 3, 1));
    const a = Aff.Task.new('A', 'Dépose', 3);
    a.set_start_no_earlier_than(date(2027, 3, 1));
    plan.add_task(a);
    assertEqual(iso(a.get_start_no_earlier_than()), '2027-03-01');
    plan.schedule();
    plan.save_baseline('contrat');
    a.set_hazard_delay(2);          // 3 + 2 days: Mon 1 .. Fri 5
    a.set_levelling_delay(1);       // starts a working day later: Tue 2 .. Mon 8
    plan.schedule();
    assertEqual([iso(a.get_early_start()), iso(a.get_early_finish())], ['2027-03-02', '2027-03-08']);
    const [found, start, finish] = plan.get_baseline_dates('contrat', 'A');
    assertTrue(found);
    assertEqual([iso(start), iso(finish)], ['2027-03-01', '2027-03-03']);
    assertFalse(plan.get_baseline_dates('contrat', 'B')[0]);

    const w = Aff.Resource.new('W', 'Soudeur', Aff.ResourceKind.PERSON);
    w.set_capacity_minutes(450);
    assertEqual(w.get_capacity_minutes(), 450);
    plan.add_resource(w);

    // W away Mon 8 .. Tue 9: A's last day, Mon 8, is in it.
    plan.assign('A', 'W', 7);
    const h = Aff.Hazard.new('H', date(2027, 3, 4), Aff.HazardCause.INTERNAL, 'Arrêt maladie');
    h.set_resource_unavailable('W', date(2027, 3, 8), date(2027, 3, 9));
    assertEqual([iso(h.get_unavailable_from()), iso(h.get_unavailable_to())], ['2027-03-08', '2027-03-09']);
    const impact = plan.apply_hazard(h);
    assertEqual(impact.get_hazard_id(), 'H');
    // one working day of overlap: A now ends Tue 9
    assertEqual(iso(a.get_early_finish()), '2027-03-09');

    const prevention = plan.get_prevention_plan();
    prevention.record_joint_inspection(date(2027, 2, 22), ['J. Martin (Chimie de l’Est)']);
    prevention.add_interference('Unité 3', 'Co-activité de levage', 'Balisage');
    assertEqual(prevention.get_interferences()[0].get_measures(), 'Balisage');
    prevention.sign('J. Martin', 'Chimie de l’Est', Aff.Party.CLIENT, date(2027, 2, 23));
    assertTrue(prevention.is_signed_by('Chimie de l’Est'));
    assertFalse(prevention.is_signed_by('Levage SA'));

    const options = Aff.GanttOptions.new();
    options.set_day_width(10);
    // a day of 10 pixels: A's bar (Tue 2 .. Tue 9, 8 calendar days) is 80 wide
    assertTrue(plan.to_svg_gantt(options).includes('width="80"'));
});

run();
