// SPDX-License-Identifier: LGPL-2.1-or-later
//
// testPlanExport.js: Aff.Plan.to_svg_gantt, to_icalendar and to_csv from
// JavaScript, against the same golden files as the C test. The plan is the
// one of tests/c/test-plan-export.c, whose header works out its schedule by
// hand: the replacement of an exchanger's tube bundle over Easter 2027, from
// Monday 15 March on the French calendar (Easter Monday 29 March is off).
//
// After the baseline "contrat" the purchase ACH takes 9 days instead of 6:
//   J0 15 Mar, REV 15-17 Mar, ACH 15-25 Mar, ECH 18-23 Mar, REM 26 Mar-5 Apr,
//   EPR 6-7 Apr, DOE 6 Apr, J1 7 Apr; in the baseline REM 24 Mar-1 Apr.

import GLib from 'gi://GLib';
import Aff from 'gi://Aff?version=1';
import {test, run, assertEqual, assertTrue, assertThrows, date} from './harness.js';

const data = GLib.build_filenamev([GLib.getenv('G_TEST_SRCDIR'), 'data']);
const TITLE = 'Arrêt technique — chaudière B & échangeur E-101';
const DOMAIN = 'affaires.example.com';
const K = Aff.TaskKind;
const P = Aff.Party;

const SPECS = [
    ['J0', 'Ordre de service', 0, K.MILESTONE, P.CLIENT, 'Raffinerie du Rhône', null],
    ['REV', 'Revue du mode opératoire de soudage', 3, K.DESIGN_REVIEW, P.INTERNAL, null, null],
    ['ACH', 'Approvisionnement joints et boulonnerie', 6, K.PURCHASE, P.SUPPLIER,
        'Fournitures Rhône-Alpes', null],
    ['ECH', 'Consignation et échafaudage', 4, K.INTERVENTION, P.SUBCONTRACTOR,
        'Échafaudages Martin & Fils, SARL', 'Chaufferie B; niveau +12 m'],
    ['REM', 'Remplacement du faisceau tubulaire', 6, K.INTERVENTION, P.INTERNAL, null, 'Chaufferie B'],
    ['EPR', 'Épreuve hydraulique', 2, K.INSPECTION, P.INSPECTION_BODY,
        'Organisme de contrôle Sud-Est', 'Chaufferie B'],
    ['DOE', 'Dossier des ouvrages exécutés "DOE"', 1, K.TASK, P.INTERNAL, null, null],
    ['J1', 'Remise en service', 0, K.MILESTONE, P.CLIENT, 'Raffinerie du Rhône', null],
];
const LINKS = [['J0', 'REV'], ['J0', 'ACH'], ['REV', 'ECH'], ['ECH', 'REM'], ['ACH', 'REM'],
    ['REM', 'EPR'], ['REM', 'DOE'], ['EPR', 'J1'], ['DOE', 'J1']];

function golden(name) {
    const [, bytes] = GLib.file_get_contents(GLib.build_filenamev([data, 'golden', name]));
    return new TextDecoder().decode(bytes);
}

function buildPlan() {
    const plan = Aff.Plan.new();
    plan.set_start(date(2027, 3, 15));
    for (const [id, name, days, kind, party, partyName, zone] of SPECS) {
        const task = Aff.Task.new(id, name, days);
        task.set_kind(kind);
        task.set_party(party);
        task.set_party_name(partyName);
        task.set_zone(zone);
        plan.add_task(task);
    }
    for (const [pred, succ] of LINKS)
        plan.add_dependency(pred, succ, Aff.DependencyType.FINISH_START, 0);
    plan.schedule();
    plan.save_baseline('contrat');
    plan.lookup_task('ACH').set_duration(9);
    plan.lookup_task('REV').set_progress(100);
    plan.lookup_task('ACH').set_progress(40);
    plan.lookup_task('ECH').set_progress(25);
    plan.schedule();
    return plan;
}

function buildOptions() {
    const options = Aff.GanttOptions.new();
    options.set_title(TITLE);
    options.set_status_date(date(2027, 3, 19));
    options.set_baseline('contrat');
    return options;
}

// The content lines of an iCalendar text: CRLF everywhere, at most 75
// octets a line, continuations joined.
function unfold(text) {
    assertTrue(text.endsWith('\r\n'), 'ends with CRLF');
    const encoder = new TextEncoder();
    const lines = [];
    for (const line of text.split('\r\n').slice(0, -1)) {
        assertTrue(!line.includes('\n') && !line.includes('\r'), `bare line break in ${line}`);
        assertTrue(encoder.encode(line).length <= 75, `over 75 octets: ${line}`);
        if (line.startsWith(' '))
            lines[lines.length - 1] += line.slice(1);
        else
            lines.push(line);
    }
    return lines;
}

function unescape(value) {
    return value.replace(/\\([\\;,nN])/g, (_, c) => c === 'n' || c === 'N' ? '\n' : c);
}

function events(text) {
    const lines = unfold(text);
    assertEqual(lines.slice(0, 4), ['BEGIN:VCALENDAR', 'VERSION:2.0',
        'PRODID:-//libaffaires//planning//FR', 'CALSCALE:GREGORIAN']);
    assertEqual(lines[lines.length - 1], 'END:VCALENDAR');
    const out = [];
    let event = null;
    for (const line of lines.slice(4, -1)) {
        if (line === 'BEGIN:VEVENT') {
            event = {};
        } else if (line === 'END:VEVENT') {
            out.push(event);
            event = null;
        } else {
            const colon = line.indexOf(':');
            event[line.slice(0, colon)] = line.slice(colon + 1);
        }
    }
    return out;
}

test('golden files', () => {
    const plan = buildPlan();
    assertEqual(plan.to_svg_gantt(buildOptions()), golden('plan-gantt.svg'));
    assertEqual(plan.to_icalendar(DOMAIN), golden('plan.ics'));
    assertEqual(plan.to_csv(), golden('plan.csv'));
});

test('bars where the dates say', () => {
    const svg = buildPlan().to_svg_gantt(buildOptions());
    const left = Number(/<rect class="head" x="(\d+)"/.exec(svg)[1]);
    const shape = (task, css) => {
        const group = new RegExp(`<g class="task" data-task="${task}">([^]*?)</g>`).exec(svg)[1];
        const m = new RegExp(`<rect class="${css}" x="(\\d+)" y="\\d+" width="(\\d+)"`).exec(group);
        return [Number(m[1]) - left, Number(m[2])];
    };
    // Days of 16 px from Mon 15 Mar: REM from day 11 over 11 calendar days,
    // its baseline from day 9 over 9; ECH from day 3 over 6, 25 % done.
    assertEqual(shape('REM', 'bar critical'), [176, 176]);
    assertEqual(shape('REM', 'ghost'), [144, 144]);
    assertEqual(shape('ECH', 'bar'), [48, 96]);
    assertEqual(shape('ECH', 'done'), [48, 24]);
    assertEqual(shape('ACH', 'done critical'), [0, 70]);
});

test('iCalendar events', () => {
    const list = events(buildPlan().to_icalendar(DOMAIN));
    assertEqual(list.map(e => [e.UID, e['DTSTART;VALUE=DATE'], e['DTEND;VALUE=DATE'], e.CATEGORIES]), [
        [`J0@${DOMAIN}`, '20270315', '20270316', 'milestone'],
        [`REV@${DOMAIN}`, '20270315', '20270318', 'design-review'],
        [`ECH@${DOMAIN}`, '20270318', '20270324', 'intervention'],
        [`REM@${DOMAIN}`, '20270326', '20270406', 'intervention'],
        [`EPR@${DOMAIN}`, '20270406', '20270408', 'inspection'],
        [`J1@${DOMAIN}`, '20270407', '20270408', 'milestone'],
    ]);
    for (const e of list)
        assertEqual(e.DTSTAMP, '20270315T000000Z');
    assertEqual(unescape(list[2].DESCRIPTION),
        'Intervenant\u00a0: Échafaudages Martin & Fils, SARL (sous-traitant)\n' +
        'Zone\u00a0: Chaufferie B; niveau +12 m');
});

test('CSV rows', () => {
    const lines = buildPlan().to_csv().split('\r\n');
    assertEqual(lines.length, 10);   // header, 8 tasks, nothing after the last CRLF
    assertEqual(lines[9], '');
    assertEqual(lines[4], 'ECH,Consignation et échafaudage,intervention,subcontractor,' +
        '"Échafaudages Martin & Fils, SARL",4,2027-03-18,2027-03-23,2027-03-22,2027-03-25,2,2,false,25');
    assertEqual(lines[7], 'DOE,"Dossier des ouvrages exécutés ""DOE""",task,internal,,1,' +
        '2027-04-06,2027-04-06,2027-04-07,2027-04-07,1,1,false,0');
});

test('errors', () => {
    const never = Aff.Plan.new();
    never.add_task(Aff.Task.new('X', 'x', 1));
    assertThrows(() => never.to_csv(), Aff.Error.INVALID_TRANSITION, /not scheduled/);
    assertThrows(() => never.to_svg_gantt(null), Aff.Error.INVALID_TRANSITION, /not scheduled/);
    assertThrows(() => never.to_icalendar(DOMAIN), Aff.Error.INVALID_TRANSITION, /not scheduled/);
    const plan = buildPlan();
    assertThrows(() => plan.to_icalendar(''), Aff.Error.INVALID_VALUE);
    assertThrows(() => plan.to_icalendar('a b'), Aff.Error.INVALID_VALUE);
    const options = Aff.GanttOptions.new();
    options.set_baseline('devis');
    assertThrows(() => plan.to_svg_gantt(options), Aff.Error.NOT_FOUND, /devis/);
    plan.lookup_task('REM').set_progress(10);
    assertThrows(() => plan.to_csv(), Aff.Error.INVALID_TRANSITION, /changed since/);
});

run();
