#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Aff.Plan.to_svg_gantt, to_icalendar and to_csv from Python, against the
same golden files as the C test.

The plan (the same in tests/c/test-plan-export.c, whose header works out its
schedule by hand, and tests/js/testPlanExport.js): the replacement of an
exchanger's tube bundle over Easter 2027, from Monday 15 March on the French
calendar, whose only holiday in the period is Easter Monday, 29 March.

Working days: Mon 15 .. Fri 19 Mar, Mon 22 .. Fri 26 Mar, (Sat 27, Sun 28,
Mon 29 off) Tue 30, Wed 31 Mar, Thu 1, Fri 2 Apr, Mon 5 .. Fri 9 Apr.

After the baseline "contrat" the purchase ACH takes 9 days instead of 6:
    J0  15 Mar               REV 15-17 Mar            ACH 15-25 Mar
    ECH 18-23 Mar            REM 26 Mar-5 Apr         EPR 6-7 Apr
    DOE 6 Apr                J1  7 Apr
and in the baseline ACH 15-22 Mar, REM 24 Mar-1 Apr, EPR 2-5 Apr, DOE 2 Apr,
J1 5 Apr.
"""

import csv
import io
import os
import unittest
import xml.etree.ElementTree as ET

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff  # noqa: E402
import afftest  # noqa: E402
from afftest import D  # noqa: E402

DATA = os.path.join(os.environ['G_TEST_SRCDIR'], 'data')
SVG = '{http://www.w3.org/2000/svg}'
K = Aff.TaskKind
P = Aff.Party
TITLE = 'Arrêt technique — chaudière B & échangeur E-101'
DOMAIN = 'affaires.example.com'

SPECS = [
    ('J0', 'Ordre de service', 0, K.MILESTONE, P.CLIENT, 'Raffinerie du Rhône', None),
    ('REV', 'Revue du mode opératoire de soudage', 3, K.DESIGN_REVIEW, P.INTERNAL, None, None),
    ('ACH', 'Approvisionnement joints et boulonnerie', 6, K.PURCHASE, P.SUPPLIER,
     'Fournitures Rhône-Alpes', None),
    ('ECH', 'Consignation et échafaudage', 4, K.INTERVENTION, P.SUBCONTRACTOR,
     'Échafaudages Martin & Fils, SARL', 'Chaufferie B; niveau +12 m'),
    ('REM', 'Remplacement du faisceau tubulaire', 6, K.INTERVENTION, P.INTERNAL, None, 'Chaufferie B'),
    ('EPR', 'Épreuve hydraulique', 2, K.INSPECTION, P.INSPECTION_BODY,
     'Organisme de contrôle Sud-Est', 'Chaufferie B'),
    ('DOE', 'Dossier des ouvrages exécutés "DOE"', 1, K.TASK, P.INTERNAL, None, None),
    ('J1', 'Remise en service', 0, K.MILESTONE, P.CLIENT, 'Raffinerie du Rhône', None),
]
LINKS = [('J0', 'REV'), ('J0', 'ACH'), ('REV', 'ECH'), ('ECH', 'REM'), ('ACH', 'REM'),
         ('REM', 'EPR'), ('REM', 'DOE'), ('EPR', 'J1'), ('DOE', 'J1')]


def golden(name):
    # newline='' keeps the CRLF of the iCalendar and CSV files.
    with open(os.path.join(DATA, 'golden', name), encoding='utf-8', newline='') as f:
        return f.read()


def build_plan():
    plan = Aff.Plan.new()
    plan.set_start(D(2027, 3, 15))
    for tid, name, days, kind, party, party_name, zone in SPECS:
        task = Aff.Task.new(tid, name, days)
        task.set_kind(kind)
        task.set_party(party)
        task.set_party_name(party_name)
        task.set_zone(zone)
        plan.add_task(task)
    for pred, succ in LINKS:
        plan.add_dependency(pred, succ, Aff.DependencyType.FINISH_START, 0)
    plan.schedule()
    plan.save_baseline('contrat')
    plan.lookup_task('ACH').set_duration(9)
    plan.lookup_task('REV').set_progress(100)
    plan.lookup_task('ACH').set_progress(40)
    plan.lookup_task('ECH').set_progress(25)
    plan.schedule()
    return plan


def build_options():
    options = Aff.GanttOptions.new()
    options.set_title(TITLE)
    options.set_status_date(D(2027, 3, 19))
    options.set_baseline('contrat')
    return options


def unfold(text):
    """The content lines of an iCalendar text, checking CRLF and folding."""
    assert text.endswith('\r\n')
    physical = text.split('\r\n')[:-1]
    lines = []
    for line in physical:
        assert '\n' not in line and '\r' not in line, repr(line)
        # 75 octets at most (test_folding checks, on the bytes, that no
        # character is split between two lines).
        assert len(line.encode('utf-8')) <= 75, line
        if line.startswith(' '):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def unescape(value):
    out, i = [], 0
    while i < len(value):
        c = value[i]
        if c == '\\':
            i += 1
            out.append('\n' if value[i] in 'nN' else value[i])
        else:
            assert c not in ';,', value
            out.append(c)
        i += 1
    return ''.join(out)


def parse_calendar(text):
    lines = unfold(text)
    assert lines[:4] == ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//libaffaires//planning//FR',
                         'CALSCALE:GREGORIAN'], lines[:4]
    assert lines[-1] == 'END:VCALENDAR'
    events, event = [], None
    for line in lines[4:-1]:
        if line == 'BEGIN:VEVENT':
            event = {}
        elif line == 'END:VEVENT':
            events.append(event)
            event = None
        else:
            name, _, value = line.partition(':')
            assert name not in event
            event[name] = value
    return events


class GoldenTest(afftest.AffTestCase):
    def test_golden(self):
        plan = build_plan()
        self.assertEqual(plan.to_svg_gantt(build_options()), golden('plan-gantt.svg'))
        self.assertEqual(plan.to_icalendar(DOMAIN), golden('plan.ics'))
        self.assertEqual(plan.to_csv(), golden('plan.csv'))

    def test_golden_bytes(self):
        # The golden files on disk hold CRLF exactly where the RFCs want it.
        with open(os.path.join(DATA, 'golden', 'plan.ics'), 'rb') as f:
            ics = f.read()
        with open(os.path.join(DATA, 'golden', 'plan.csv'), 'rb') as f:
            data = f.read()
        for raw in (ics, data):
            self.assertEqual(raw.count(b'\n'), raw.count(b'\r\n'))
            raw.decode('utf-8')


class SvgTest(afftest.AffTestCase):
    def shapes(self, svg):
        """{task id: {class: element}}, the x of the first day, the days off."""
        root = ET.fromstring(svg.encode('utf-8'))
        self.assertEqual(root.tag, SVG + 'svg')
        left = int(root.find(f'{SVG}g[@class="header"]/{SVG}rect').get('x'))
        tasks = {}
        for g in root.iter(SVG + 'g'):
            if g.get('data-task') is not None:
                tasks[g.get('data-task')] = {e.get('class'): e for e in g
                                             if e.tag in (SVG + 'rect', SVG + 'polygon')}
        off = [int(r.get('x')) - left for r in root.find(f'{SVG}g[@class="days-off"]')]
        return root, tasks, left, off

    def test_positions(self):
        root, tasks, left, off = self.shapes(build_plan().to_svg_gantt(build_options()))

        def rect(task, css):
            e = tasks[task][css]
            return (int(e.get('x')) - left, int(e.get('width')))

        # Days of 16 px from Mon 15 Mar 2027. REM 26 Mar - 5 Apr: day 11,
        # 11 calendar days; its baseline 24 Mar - 1 Apr: day 9, 9 days.
        self.assertEqual(rect('REM', 'bar critical'), (11 * 16, 11 * 16))
        self.assertEqual(rect('REM', 'ghost'), (9 * 16, 9 * 16))
        # ACH 15-25 Mar, 40 % done (70.4 px); baseline 15-22 Mar.
        self.assertEqual(rect('ACH', 'bar critical'), (0, 11 * 16))
        self.assertEqual(rect('ACH', 'done critical'), (0, 70))
        self.assertEqual(rect('ACH', 'ghost'), (0, 8 * 16))
        # ECH 18-23 Mar, not critical, 25 % done, unchanged since the baseline.
        self.assertEqual(rect('ECH', 'bar'), (3 * 16, 6 * 16))
        self.assertEqual(rect('ECH', 'done'), (3 * 16, 24))
        self.assertEqual(rect('ECH', 'ghost'), (3 * 16, 6 * 16))
        # EPR 6-7 Apr, day 22; baseline 2-5 Apr, day 18.
        self.assertEqual(rect('EPR', 'bar critical'), (22 * 16, 2 * 16))
        self.assertEqual(rect('EPR', 'ghost'), (18 * 16, 4 * 16))
        # J1 on 7 Apr (day 23), a diamond centred in its column; the
        # baseline's on 5 Apr (day 21).
        self.assertEqual(set(tasks['J1']), {'ghost', 'milestone critical'})
        self.assertEqual(int(tasks['J1']['milestone critical'].get('points').split(',')[0]) - left,
                         23 * 16 + 8)
        self.assertEqual(int(tasks['J1']['ghost'].get('points').split(',')[0]) - left, 21 * 16 + 8)
        # Weekends and Easter Monday (days 5, 6, 12, 13, 14, 19, 20, 26, 27).
        self.assertEqual(off, [d * 16 for d in (5, 6, 12, 13, 14, 19, 20, 26, 27)])
        # The status line at the end of Fri 19 Mar (day 4).
        status = root.find(f'{SVG}line[@class="status"]')
        self.assertEqual(int(status.get('x1')) - left, 5 * 16)
        self.assertEqual(root.find(SVG + 'title').text, TITLE)
        # The tasks in the plan's order.
        self.assertEqual(list(tasks), [s[0] for s in SPECS])

    def test_day_width(self):
        options = Aff.GanttOptions.new()
        options.set_day_width(10)
        _root, tasks, left, off = self.shapes(build_plan().to_svg_gantt(options))
        rem = tasks['REM']['bar critical']
        self.assertEqual((int(rem.get('x')) - left, int(rem.get('width'))), (110, 110))
        self.assertNotIn('ghost', tasks['REM'])
        self.assertEqual(off[4], 14 * 10)   # Easter Monday

    def test_default_options(self):
        svg = build_plan().to_svg_gantt(None)
        self.assertIn('<title>Planning</title>', svg)
        self.assertNotIn('class="status"', svg.split('</style>')[1])


class CalendarTest(afftest.AffTestCase):
    def test_events(self):
        text = build_plan().to_icalendar(DOMAIN)
        text.encode('utf-8')
        events = parse_calendar(text)
        # Milestones, design review, interventions, inspection; DTEND the
        # day after the last day.
        self.assertEqual([(e['UID'], e['DTSTART;VALUE=DATE'], e['DTEND;VALUE=DATE'], e['CATEGORIES'])
                          for e in events],
                         [('J0@' + DOMAIN, '20270315', '20270316', 'milestone'),
                          ('REV@' + DOMAIN, '20270315', '20270318', 'design-review'),
                          ('ECH@' + DOMAIN, '20270318', '20270324', 'intervention'),
                          ('REM@' + DOMAIN, '20270326', '20270406', 'intervention'),
                          ('EPR@' + DOMAIN, '20270406', '20270408', 'inspection'),
                          ('J1@' + DOMAIN, '20270407', '20270408', 'milestone')])
        for e in events:
            self.assertEqual(e['DTSTAMP'], '20270315T000000Z')
        ech = events[2]
        self.assertEqual(unescape(ech['SUMMARY']), 'Consignation et échafaudage')
        self.assertEqual(unescape(ech['DESCRIPTION']),
                         'Intervenant\u00a0: Échafaudages Martin & Fils, SARL (sous-traitant)\n'
                         'Zone\u00a0: Chaufferie B; niveau +12 m')
        self.assertEqual(unescape(ech['LOCATION']), 'Chaufferie B; niveau +12 m')

    def test_folding(self):
        plan = Aff.Plan.new()
        plan.set_start(D(2027, 3, 15))
        name = 'é' * 60 + '€' * 40 + ' ; , \\ \n fin'
        task = Aff.Task.new('T1', name, 2)
        task.set_kind(K.INTERVENTION)
        plan.add_task(task)
        plan.schedule()
        text = plan.to_icalendar('x.example')
        # Each physical line is whole UTF-8 on its own: no character split.
        for raw in text.encode('utf-8').split(b'\r\n'):
            self.assertLessEqual(len(raw), 75)
            raw.decode('utf-8')
        (event,) = parse_calendar(text)
        self.assertEqual(unescape(event['SUMMARY']), name)

    def test_uid_domain(self):
        plan = build_plan()
        for bad in ('', 'a b', 'x\ty'):
            self.assertAffError(Aff.Error.INVALID_VALUE, plan.to_icalendar, bad)


class CsvTest(afftest.AffTestCase):
    def test_table(self):
        text = build_plan().to_csv()
        self.assertTrue(text.endswith('\r\n'))
        rows = list(csv.reader(io.StringIO(text, newline='')))
        self.assertEqual(rows[0], ['id', 'name', 'kind', 'party', 'party_name', 'duration',
                                   'early_start', 'early_finish', 'late_start', 'late_finish',
                                   'total_float', 'free_float', 'critical', 'progress'])
        # By hand (see the C test): late dates from the plan's finish, 7 Apr.
        self.assertEqual(rows[1:], [
            ['J0', 'Ordre de service', 'milestone', 'client', 'Raffinerie du Rhône', '0',
             '2027-03-15', '2027-03-15', '2027-03-15', '2027-03-15', '0', '0', 'true', '0'],
            ['REV', 'Revue du mode opératoire de soudage', 'design-review', 'internal', '', '3',
             '2027-03-15', '2027-03-17', '2027-03-17', '2027-03-19', '2', '0', 'false', '100'],
            ['ACH', 'Approvisionnement joints et boulonnerie', 'purchase', 'supplier',
             'Fournitures Rhône-Alpes', '9',
             '2027-03-15', '2027-03-25', '2027-03-15', '2027-03-25', '0', '0', 'true', '40'],
            ['ECH', 'Consignation et échafaudage', 'intervention', 'subcontractor',
             'Échafaudages Martin & Fils, SARL', '4',
             '2027-03-18', '2027-03-23', '2027-03-22', '2027-03-25', '2', '2', 'false', '25'],
            ['REM', 'Remplacement du faisceau tubulaire', 'intervention', 'internal', '', '6',
             '2027-03-26', '2027-04-05', '2027-03-26', '2027-04-05', '0', '0', 'true', '0'],
            ['EPR', 'Épreuve hydraulique', 'inspection', 'inspection-body',
             'Organisme de contrôle Sud-Est', '2',
             '2027-04-06', '2027-04-07', '2027-04-06', '2027-04-07', '0', '0', 'true', '0'],
            ['DOE', 'Dossier des ouvrages exécutés "DOE"', 'task', 'internal', '', '1',
             '2027-04-06', '2027-04-06', '2027-04-07', '2027-04-07', '1', '1', 'false', '0'],
            ['J1', 'Remise en service', 'milestone', 'client', 'Raffinerie du Rhône', '0',
             '2027-04-07', '2027-04-07', '2027-04-07', '2027-04-07', '0', '0', 'true', '0'],
        ])


class ErrorsTest(afftest.AffTestCase):
    def test_state(self):
        never = Aff.Plan.new()
        never.add_task(Aff.Task.new('X', 'x', 1))
        for call in (lambda: never.to_svg_gantt(None), lambda: never.to_icalendar(DOMAIN), never.to_csv):
            e = self.assertAffError(Aff.Error.INVALID_TRANSITION, call)
            self.assertIn('not scheduled', e.message)
        plan = build_plan()
        plan.lookup_task('REM').set_progress(10)
        for call in (lambda: plan.to_svg_gantt(None), lambda: plan.to_icalendar(DOMAIN), plan.to_csv):
            e = self.assertAffError(Aff.Error.INVALID_TRANSITION, call)
            self.assertIn('changed since', e.message)

    def test_unknown_baseline(self):
        options = Aff.GanttOptions.new()
        options.set_baseline('devis')
        e = self.assertAffError(Aff.Error.NOT_FOUND, build_plan().to_svg_gantt, options)
        self.assertIn('devis', e.message)


if __name__ == '__main__':
    unittest.main()
