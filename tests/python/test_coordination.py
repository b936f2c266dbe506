#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The planning module, part 2, from Python: resources and loads,
overallocations across the portfolio, levelling, hazards and their impact,
the contract's end, parties, the prevention plan (rule, record, start and
finish of tasks), inspections, co-activities, purchases, work packages,
RACI, the journal and the document.

Every expected value is worked out by hand from the calendar of 2027 and the
rules of /tmp/planning-api.md and /tmp/planning-api-2.md, never copied from
the library's output; the reasoning is in a comment beside each expectation.

Date conventions: whole working days of the plan's calendar; a task of d
days starts on a working day and finishes on its d-th working day; a
finish-to-start successor starts on the next working day (plus the lag in
working days); start-to-start lag n: n working days after the predecessor's
start; a milestone sits at the end of its predecessor's finish day.

The French calendar of 2027 (1 Jan is a Friday, Easter Sunday 28 Mar):
holidays Fri 1 Jan, Mon 29 Mar (Easter Monday), Sat 1 May, Thu 6 May
(Ascension = Easter + 39), Sat 8 May, Mon 17 May (Whit Monday = Easter +
50), Wed 14 Jul, Sun 15 Aug, Mon 1 Nov, Thu 11 Nov, Sat 25 Dec.

Working days numbered from Mon 1 March 2027 (w0):
    Mar  1-5 w0-w4 | 8-12 w5-w9 | 15-19 w10-w14 | 22-26 w15-w19 |
         29 Easter Monday | 30 w20, 31 w21
    Apr  1 w22, 2 w23 | 5-9 w24-w28 | 12-16 w29-w33 | 19-23 w34-w38 |
         26-30 w39-w43
    May  3 w44, 4 w45, 5 w46, (6 Ascension), 7 w47 | 10-14 w48-w52 |
         (17 Whit Monday) | 18-21 w53-w56
    June (no holiday) 7-11, 14-18, 21-25, 28-30
A task starting on wS and lasting d days finishes on w(S+d-1).
"""

import json
import unittest

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib  # noqa: E402
import afftest  # noqa: E402
from afftest import D, ymd, to_text  # noqa: E402

E = Aff.Error
FS = Aff.DependencyType.FINISH_START
SS = Aff.DependencyType.START_START
Kind = Aff.TaskKind
Party = Aff.Party
Role = Aff.RaciRole
Issue = Aff.InspectionIssueKind
Flags = Aff.RegulatoryFlags
RKind = Aff.ResourceKind
Cause = Aff.HazardCause


# ---- helpers ---------------------------------------------------------------

def new_plan(start):
    """A standalone plan on the French calendar, starting on @start."""
    plan = Aff.Plan.new()
    plan.set_start(start)
    return plan


def add(plan, tid, days, kind=None, party=None, party_name=None, zone=None):
    task = Aff.Task.new(tid, 'Tâche ' + tid, days)
    if kind is not None:
        task.set_kind(kind)
    if party is not None:
        task.set_party(party)
    if party_name is not None:
        task.set_party_name(party_name)
    if zone is not None:
        task.set_zone(zone)
    plan.add_task(task)
    return task


def resource(plan, rid, kind=RKind.PERSON, name=None):
    r = Aff.Resource.new(rid, name or rid.capitalize(), kind)
    plan.add_resource(r)
    return r


def early(task):
    return (ymd(task.get_early_start()), ymd(task.get_early_finish()))


def loads(items):
    """(date, resource, load, capacity, overload, tasks) of Aff.Load items."""
    return [(ymd(x.get_date()), x.get_resource_id(), x.get_load_minutes(), x.get_capacity_minutes(),
             x.get_overload_minutes(), list(x.get_task_ids())) for x in items]


def slips(items):
    """(task, milestone, old start, old finish, start, finish, start slip,
    finish slip) of Aff.Slip items."""
    return [(s.get_task_id(), s.is_milestone(), ymd(s.get_baseline_start()), ymd(s.get_baseline_finish()),
             ymd(s.get_start()), ymd(s.get_finish()), s.get_start_slip(), s.get_finish_slip())
            for s in items]


def parties(items):
    return [(x.get_party(), x.get_name(), list(x.get_task_ids())) for x in items]


def model_ids(model):
    return [model.get_item(i).get_id() for i in range(model.get_n_items())]


# ---- the affairs -------------------------------------------------------------

CLIENT_NAME = 'Chimie de l’Est'


def new_portfolio(consultations=('CONS-1',)):
    p = Aff.Portfolio.new()
    p.set_actor('Claire Martin')
    p.set_fixed_time(GLib.DateTime.new_utc(2027, 2, 10, 9, 0, 0))
    p.get_policy().set_activities(['maintenance'])
    p.add_client(Aff.Client.new('chimest', CLIENT_NAME))
    for cid in consultations:
        k = Aff.Consultation.new(cid, 'chimest', 'Maintenance ' + cid, D(2027, 1, 11), D(2027, 2, 19))
        k.set_activities(['maintenance'])
        p.add_consultation(k)
        k.start_qualification(D(2027, 1, 12), 'analysis')
        p.evaluate_consultation(cid, D(2027, 1, 14))
        p.decide_consultation(cid, Aff.BidVerdict.GO, 'Direction', 'client historique')
    return p


def accepted_affair(p, affair_id, consultation_id, signed, lead_time_days=0):
    """The affair of an offer accepted (signed) on @signed."""
    offer = Aff.Offer.new(affair_id, consultation_id)
    p.add_offer(offer)
    rev = offer.get_current_revision()
    ln = Aff.OfferLine.new(Aff.LineKind.LABOUR, 'Intervention sur site', '120', Aff.LineUnit.HOUR,
                           Aff.Money.parse('62.00 EUR'))
    rev.add_line(ln)
    rev.set_margin_rate(1500)
    if lead_time_days:
        rev.set_lead_time_days(lead_time_days)
    rev.set_validity(D(2027, 6, 30))
    offer.send(D(2027, 2, 10))
    offer.accept(signed, 'CT-' + affair_id)
    affair = p.lookup_affair(affair_id)
    assert affair is not None
    return affair


def entries(p, affair_id):
    return [e for e in p.get_journal().list_entries_for('affair', affair_id) if e.get_action() != 'created']


# ---- resources and loads -------------------------------------------------------

class LoadTest(afftest.AffTestCase):
    """A standalone plan starting Mon 3 May 2027, the week of Ascension:
        T1 5 days: Mon 3, Tue 4, Wed 5, (Thu 6 Ascension), Fri 7, (Sat 8 and
           Sun 9 weekend), Mon 10 May
        T2 3 days: Mon 3, Tue 4, Wed 5 May
        MS milestone FS T1: end of Mon 10 May
    Resources: welder (7 h = 420 min a day by default); fitter at 7.5 h =
    450 min a day, on its own calendar: the plan's with Fri 7 May off
    (leave).
    Assignments:
        welder on T1 4 h a day = 240 min each day
        welder on T2 20 h 05 in all = 1205 min over 3 days: 1205 // 3 =
           401, remainder 2, so the first 2 days take 402: 402, 402, 401
        fitter on T1 14 h 03 in all = 843 min over 5 days: 843 // 5 = 168,
           remainder 3: Mon 3, Tue 4, Wed 5 take 169; Fri 7, Mon 10 168
        fitter on MS 2 h a day: a milestone takes no day, so no load
    """

    def build(self):
        plan = new_plan(D(2027, 5, 3))
        add(plan, 'T1', 5)
        add(plan, 'T2', 3)
        add(plan, 'MS', 0)
        plan.add_dependency('T1', 'MS', FS, 0)
        welder = resource(plan, 'welder', name='Soudeur')
        fitter = Aff.Resource.new('fitter', 'Tuyauteur', RKind.PERSON)
        fitter.set_capacity_hours(7.5)
        leave = plan.get_calendar().copy()
        leave.add_exception(D(2027, 5, 7), D(2027, 5, 7), False, 'Congé')
        fitter.set_calendar(leave)
        plan.add_resource(fitter)
        plan.assign('T1', 'welder', 4)
        plan.assign_total('T2', 'welder', 1205 / 60)
        plan.assign_total('T1', 'fitter', 843 / 60)
        plan.assign('MS', 'fitter', 2)
        return plan, welder, fitter

    def test_resources(self):
        plan, welder, fitter = self.build()
        # a new resource works 7 h a day on its plan's calendar
        self.assertEqual((welder.get_id(), welder.get_name(), welder.get_kind(), welder.get_capacity_minutes()),
                         ('welder', 'Soudeur', RKind.PERSON, 420))
        self.assertIsNone(welder.get_calendar())
        self.assertIsNone(welder.get_cost_rate())
        # 7.5 h = 450 min
        self.assertEqual(fitter.get_capacity_minutes(), 450)
        self.assertFalse(fitter.get_calendar().is_working_day(D(2027, 5, 7)))
        self.assertIs(plan.lookup_resource('fitter'), fitter)
        self.assertIsNone(plan.lookup_resource('nobody'))
        # in the order they were added
        self.assertEqual(model_ids(plan.get_resources()), ['welder', 'fitter'])
        # assignments in the order they were made: per day in minutes, or a
        # total in minutes (20 h 05 = 1205, 14 h 03 = 843)
        self.assertEqual([(a.get_task_id(), a.get_resource_id(), a.get_minutes_per_day(), a.get_total_minutes())
                          for a in plan.get_assignments()],
                         [('T1', 'welder', 240, 0), ('T2', 'welder', 0, 1205), ('T1', 'fitter', 0, 843),
                          ('MS', 'fitter', 120, 0)])

    def test_not_scheduled(self):
        plan, welder, fitter = self.build()
        # loads are read off the last schedule: none yet
        self.assertAffError(E.INVALID_TRANSITION, plan.compute_load, 'welder', D(2027, 5, 3), D(2027, 5, 10))
        self.assertAffError(E.INVALID_TRANSITION, plan.list_overallocations)

    def test_loads_per_day_and_total(self):
        plan, welder, fitter = self.build()
        plan.schedule()
        self.assertEqual(early(plan.lookup_task('T1')), ((2027, 5, 3), (2027, 5, 10)))
        self.assertEqual(early(plan.lookup_task('T2')), ((2027, 5, 3), (2027, 5, 5)))
        # Sat 1 May .. Tue 11 May: the welder's working days are Mon 3, Tue
        # 4, Wed 5, Fri 7, Mon 10, Tue 11 (Sat 1 is a weekend and a holiday,
        # Thu 6 Ascension, Sat 8 / Sun 9 weekend: no load, not listed)
        #   Mon 3: T1 240 + T2 402 = 642, over 420 by 222
        #   Tue 4: 240 + 402 = 642, over by 222
        #   Wed 5: 240 + 401 = 641, over by 221
        #   Fri 7, Mon 10: T1 alone, 240
        #   Tue 11: nothing
        self.assertEqual(loads(plan.compute_load('welder', D(2027, 5, 1), D(2027, 5, 11))), [
            ((2027, 5, 3), 'welder', 642, 420, 222, ['T1', 'T2']),
            ((2027, 5, 4), 'welder', 642, 420, 222, ['T1', 'T2']),
            ((2027, 5, 5), 'welder', 641, 420, 221, ['T1', 'T2']),
            ((2027, 5, 7), 'welder', 240, 420, 0, ['T1']),
            ((2027, 5, 10), 'welder', 240, 420, 0, ['T1']),
            ((2027, 5, 11), 'welder', 0, 420, 0, []),
        ])
        # a narrower period: Wed 5 .. Fri 7 (Thu 6 is Ascension)
        self.assertEqual(loads(plan.compute_load('welder', D(2027, 5, 5), D(2027, 5, 7))), [
            ((2027, 5, 5), 'welder', 641, 420, 221, ['T1', 'T2']),
            ((2027, 5, 7), 'welder', 240, 420, 0, ['T1']),
        ])

    def test_leave(self):
        plan, welder, fitter = self.build()
        plan.schedule()
        # the fitter's 843 min of T1 go over T1's five days on the plan's
        # calendar, the first three taking the odd minutes: 169, 169, 169,
        # 168, 168. Fri 7 May is a day off of the fitter (capacity 0) with
        # 168 min of work: listed anyway, overloaded by 168. MS gives no
        # load. Tue 11: capacity 450, nothing.
        self.assertEqual(loads(plan.compute_load('fitter', D(2027, 5, 3), D(2027, 5, 11))), [
            ((2027, 5, 3), 'fitter', 169, 450, 0, ['T1']),
            ((2027, 5, 4), 'fitter', 169, 450, 0, ['T1']),
            ((2027, 5, 5), 'fitter', 169, 450, 0, ['T1']),
            ((2027, 5, 7), 'fitter', 168, 0, 168, ['T1']),
            ((2027, 5, 10), 'fitter', 168, 450, 0, ['T1']),
            ((2027, 5, 11), 'fitter', 0, 450, 0, []),
        ])

    def test_overallocations(self):
        plan, welder, fitter = self.build()
        plan.schedule()
        # by date then resource: the welder's three days over 420, and the
        # fitter's day off with work
        self.assertEqual(loads(plan.list_overallocations()), [
            ((2027, 5, 3), 'welder', 642, 420, 222, ['T1', 'T2']),
            ((2027, 5, 4), 'welder', 642, 420, 222, ['T1', 'T2']),
            ((2027, 5, 5), 'welder', 641, 420, 221, ['T1', 'T2']),
            ((2027, 5, 7), 'fitter', 168, 0, 168, ['T1']),
        ])
        # the welder on T2 for 2 h a day instead: it replaces the total, the
        # welder gives 240 + 120 = 360 <= 420 on Mon 3 .. Wed 5
        plan.assign('T2', 'welder', 2)
        self.assertEqual([(a.get_task_id(), a.get_resource_id(), a.get_minutes_per_day(), a.get_total_minutes())
                          for a in plan.get_assignments()][1], ('T2', 'welder', 120, 0))
        self.assertEqual(len(plan.get_assignments()), 4)
        self.assertEqual(loads(plan.list_overallocations()), [((2027, 5, 7), 'fitter', 168, 0, 168, ['T1'])])
        # the fitter off T1: no overallocation at all
        plan.unassign('T1', 'fitter')
        self.assertEqual(loads(plan.list_overallocations()), [])
        self.assertAffError(E.NOT_FOUND, plan.unassign, 'T1', 'fitter')

    def test_absence_keeps_leave(self):
        plan, welder, fitter = self.build()
        plan.schedule()
        # the fitter away Mon 10 - Tue 11 May: T1 (Mon 3 - Mon 10) overlaps
        # it on Mon 10 only: 1 day more, T1 now ends Tue 11 and MS with it;
        # the fitter's calendar keeps its leave of Fri 7 and gets the
        # absence
        h = Aff.Hazard.new('absence', D(2027, 5, 7), Cause.INTERNAL, 'Absence')
        h.set_resource_unavailable('fitter', D(2027, 5, 10), D(2027, 5, 11))
        impact = plan.apply_hazard(h)
        self.assertEqual(plan.lookup_task('T1').get_hazard_delay(), 1)
        self.assertEqual(plan.lookup_task('T2').get_hazard_delay(), 0)
        self.assertEqual(slips(impact.get_moved_tasks()), [
            ('T1', False, (2027, 5, 3), (2027, 5, 10), (2027, 5, 3), (2027, 5, 11), 0, 1),
            ('MS', True, (2027, 5, 10), (2027, 5, 10), (2027, 5, 11), (2027, 5, 11), 1, 1),
        ])
        cal = fitter.get_calendar()
        self.assertEqual([cal.is_working_day(D(2027, 5, d)) for d in (5, 7, 10, 11, 12)],
                         [True, False, False, False, True])
        self.assertEqual((cal.get_day_name(D(2027, 5, 7)), cal.get_day_name(D(2027, 5, 10))), ('Congé', 'Absence'))

    def test_errors(self):
        plan, welder, fitter = self.build()
        self.assertAffError(E.DUPLICATE_ID, plan.add_resource, Aff.Resource.new('welder', 'Autre', RKind.PERSON))
        self.assertAffError(E.INVALID_VALUE, plan.add_resource, Aff.Resource.new('a b', 'Espace', RKind.TEAM))
        self.assertAffError(E.NOT_FOUND, plan.assign, 'NOPE', 'welder', 1)
        self.assertAffError(E.NOT_FOUND, plan.assign, 'T1', 'nobody', 1)
        self.assertAffError(E.INVALID_VALUE, plan.assign, 'T1', 'welder', 0)
        self.assertAffError(E.INVALID_VALUE, plan.assign_total, 'T1', 'welder', -3)
        # nothing changed
        self.assertEqual(len(plan.get_assignments()), 4)
        self.assertEqual(model_ids(plan.get_resources()), ['welder', 'fitter'])
        plan.schedule()
        self.assertAffError(E.NOT_FOUND, plan.compute_load, 'nobody', D(2027, 5, 3), D(2027, 5, 10))
        self.assertAffError(E.INVALID_VALUE, plan.compute_load, 'welder', D(2027, 5, 10), D(2027, 5, 3))


class PortfolioOverallocationTest(afftest.AffTestCase):
    """Two affairs share the crane (same id in both plans):
        AFF-A signed Mon 1 Mar 2027: LIFT-A 5 days Mon 1 .. Fri 5 Mar, crane
          5 h a day (300 min), welder 4 h a day (240)
        AFF-B signed Wed 3 Mar 2027: LIFT-B 4 days Wed 3, Thu 4, Fri 5, Mon
          8 Mar, crane 3 h a day (180); hoist 7 h (420); WELD-B 2 days FS
          LIFT-B: Tue 9, Wed 10 Mar, welder 4 h a day (240)
    Alone each plan fits (300, 180, 240, 420 <= 420). Together the crane
    takes 300 + 180 = 480 > 420 on Wed 3, Thu 4 and Fri 5; the welders never
    work the same day (Mon 1 - Fri 5 against Tue 9 - Wed 10).
    """

    def build(self):
        p = new_portfolio(('CONS-1', 'CONS-2'))
        pa = accepted_affair(p, 'AFF-A', 'CONS-1', D(2027, 3, 1)).get_plan()
        pb = accepted_affair(p, 'AFF-B', 'CONS-2', D(2027, 3, 3)).get_plan()
        add(pa, 'LIFT-A', 5, Kind.INTERVENTION)
        resource(pa, 'crane', RKind.EQUIPMENT)
        resource(pa, 'welder')
        pa.assign('LIFT-A', 'crane', 5)
        pa.assign('LIFT-A', 'welder', 4)
        add(pb, 'LIFT-B', 4, Kind.INTERVENTION)
        add(pb, 'WELD-B', 2, Kind.INTERVENTION)
        pb.add_dependency('LIFT-B', 'WELD-B', FS, 0)
        resource(pb, 'crane', RKind.EQUIPMENT)
        resource(pb, 'hoist', RKind.EQUIPMENT)
        resource(pb, 'welder')
        pb.assign('LIFT-B', 'crane', 3)
        pb.assign('LIFT-B', 'hoist', 7)
        pb.assign('WELD-B', 'welder', 4)
        pa.schedule()
        pb.schedule()
        return p, pa, pb

    def test_shared_crane(self):
        p, pa, pb = self.build()
        # the plans start on their signed dates
        self.assertEqual(early(pa.lookup_task('LIFT-A')), ((2027, 3, 1), (2027, 3, 5)))
        self.assertEqual(early(pb.lookup_task('LIFT-B')), ((2027, 3, 3), (2027, 3, 8)))
        self.assertEqual(early(pb.lookup_task('WELD-B')), ((2027, 3, 9), (2027, 3, 10)))
        # each plan alone: nothing over capacity
        self.assertEqual(loads(pa.list_overallocations()), [])
        self.assertEqual(loads(pb.list_overallocations()), [])
        # the portfolio over March: the crane on Wed 3, Thu 4, Fri 5 with
        # 300 + 180 = 480 minutes, 60 over 420, tasks in the order of the
        # affairs; Mon 8 (180 alone) fits; the welder never doubles up
        crane = [(2027, 3, d) for d in (3, 4, 5)]
        self.assertEqual(loads(p.list_overallocations(D(2027, 3, 1), D(2027, 3, 31))),
                         [(d, 'crane', 480, 420, 60, ['LIFT-A', 'LIFT-B']) for d in crane])
        # one day of the period only
        self.assertEqual(loads(p.list_overallocations(D(2027, 3, 4), D(2027, 3, 4))),
                         [((2027, 3, 4), 'crane', 480, 420, 60, ['LIFT-A', 'LIFT-B'])])
        # a period before the work: nothing
        self.assertEqual(loads(p.list_overallocations(D(2027, 2, 1), D(2027, 2, 26))), [])
        self.assertAffError(E.INVALID_VALUE, p.list_overallocations, D(2027, 3, 31), D(2027, 3, 1))
        # each day's capacity is the first plan's that uses the crane that
        # day: AFF-A's 420 on Wed 3 - Fri 5, whatever AFF-B's crane gives
        pb.lookup_resource('crane').set_capacity_minutes(600)
        self.assertEqual(loads(p.list_overallocations(D(2027, 3, 1), D(2027, 3, 31))),
                         [(d, 'crane', 480, 420, 60, ['LIFT-A', 'LIFT-B']) for d in crane])
        # AFF-A's crane at 600 min: 480 fits
        pa.lookup_resource('crane').set_capacity_minutes(600)
        self.assertEqual(loads(p.list_overallocations(D(2027, 3, 1), D(2027, 3, 31))), [])

    def test_plan_b_moves_away(self):
        p, pa, pb = self.build()
        # LIFT-B no earlier than Mon 8 Mar: Mon 8 .. Thu 11, after LIFT-A
        # (Fri 5): the crane is never asked twice the same day; WELD-B moves
        # to Fri 12 .. Mon 15, still apart from the welder of AFF-A
        pb.lookup_task('LIFT-B').set_start_no_earlier_than(D(2027, 3, 8))
        pb.schedule()
        self.assertEqual(early(pb.lookup_task('LIFT-B')), ((2027, 3, 8), (2027, 3, 11)))
        self.assertEqual(loads(p.list_overallocations(D(2027, 3, 1), D(2027, 3, 31))), [])


# ---- levelling -------------------------------------------------------------------

class LevellingTest(afftest.AffTestCase):
    """The affair AFF-L signed Mon 5 Apr 2027; its plan, in this order:
        B 3 days, no predecessor: Mon 5, Tue 6, Wed 7 Apr
        A 4 days, no predecessor: Mon 5 .. Thu 8 Apr
        C 2 days FS A: Fri 9, Mon 12 Apr
        D 1 day, no predecessor: Mon 5 Apr
    Plan finish Mon 12 Apr (C). Total floats: A and C 0 (critical); B late
    finish Mon 12, late start Thu 8: 3 (Tue 6, Wed 7, Thu 8); D late start
    Mon 12: 5 (Tue 6, Wed 7, Thu 8, Fri 9, Mon 12).
    Resources: team (420 min a day) on B and A, 7 h a day each; press (420)
    on D 8 h a day (480, more than it has).
    Levelling: B, A and D all start Mon 5; the least float first: A (0)
    before B (3) although B comes first in the plan, then D (5).
      A goes first where it is (Mon 5 .. Thu 8).
      B: the team is full Mon 5 .. Thu 8; delayed 1, 2, 3 days it still
        meets A; delayed 4 working days it starts Fri 9 and runs Fri 9, Mon
        12, Tue 13: room. levelling-delay 4.
      D: 480 > 420 even alone: it cannot be helped and stays.
    """

    def build(self, p):
        affair = accepted_affair(p, 'AFF-L', 'CONS-1', D(2027, 4, 5))
        plan = affair.get_plan()
        for tid, days in (('B', 3), ('A', 4), ('C', 2), ('D', 1)):
            add(plan, tid, days)
        plan.add_dependency('A', 'C', FS, 0)
        resource(plan, 'team', RKind.TEAM)
        resource(plan, 'press', RKind.EQUIPMENT)
        plan.assign('B', 'team', 7)
        plan.assign('A', 'team', 7)
        plan.assign('D', 'press', 8)
        return affair, plan

    def test_level(self):
        p = new_portfolio()
        affair, plan = self.build(p)
        plan.schedule()
        self.assertEqual(ymd(plan.get_start()), (2027, 4, 5))
        self.assertEqual([(t, plan.lookup_task(t).get_total_float()) for t in 'BACD'],
                         [('B', 3), ('A', 0), ('C', 0), ('D', 5)])
        # before: the press on Mon 5 (480 > 420), the team Mon 5 .. Wed 7
        # with A and B (840, 420 over), by date then resource
        self.assertEqual(loads(plan.list_overallocations()), [
            ((2027, 4, 5), 'press', 480, 420, 60, ['D']),
            ((2027, 4, 5), 'team', 840, 420, 420, ['B', 'A']),
            ((2027, 4, 6), 'team', 840, 420, 420, ['B', 'A']),
            ((2027, 4, 7), 'team', 840, 420, 420, ['B', 'A']),
        ])
        n = len(entries(p, 'AFF-L'))
        moved = plan.level_resources()
        # only B moved: start Mon 5 -> Fri 9 Apr (4 working days: Tue 6, Wed
        # 7, Thu 8, Fri 9), finish Wed 7 -> Tue 13 (Thu 8, Fri 9, Mon 12,
        # Tue 13: 4)
        self.assertEqual(slips(moved), [('B', False, (2027, 4, 5), (2027, 4, 7), (2027, 4, 9), (2027, 4, 13), 4, 4)])
        self.assertEqual([(t, plan.lookup_task(t).get_levelling_delay()) for t in 'BACD'],
                         [('B', 4), ('A', 0), ('C', 0), ('D', 0)])
        # the plan is scheduled again: B now ends the plan, Tue 13 Apr
        self.assertTrue(plan.is_scheduled())
        self.assertEqual(early(plan.lookup_task('B')), ((2027, 4, 9), (2027, 4, 13)))
        self.assertEqual(early(plan.lookup_task('A')), ((2027, 4, 5), (2027, 4, 8)))
        self.assertEqual(ymd(plan.get_finish()), (2027, 4, 13))
        # the team is never over 420 any more; D, too big alone, stays
        self.assertEqual(loads(plan.list_overallocations()), [((2027, 4, 5), 'press', 480, 420, 60, ['D'])])
        self.assertEqual(loads(plan.compute_load('team', D(2027, 4, 5), D(2027, 4, 14))), [
            ((2027, 4, 5), 'team', 420, 420, 0, ['A']),
            ((2027, 4, 6), 'team', 420, 420, 0, ['A']),
            ((2027, 4, 7), 'team', 420, 420, 0, ['A']),
            ((2027, 4, 8), 'team', 420, 420, 0, ['A']),
            ((2027, 4, 9), 'team', 420, 420, 0, ['B']),
            ((2027, 4, 12), 'team', 420, 420, 0, ['B']),
            ((2027, 4, 13), 'team', 420, 420, 0, ['B']),
            ((2027, 4, 14), 'team', 0, 420, 0, []),
        ])
        # the delay is a change of B, journaled under the affair
        new = [(e.get_action(), e.dup_detail('task'), e.dup_detail('property'), e.dup_detail('value'))
               for e in entries(p, 'AFF-L')[n:]]
        self.assertEqual(new, [('task-changed', 'B', 'levelling-delay', '4')])
        self.assertTrue(p.get_journal().verify())

        # levelling again finds the same: nothing moves from where it is
        self.assertEqual(slips(plan.level_resources()), [])
        self.assertEqual(plan.lookup_task('B').get_levelling_delay(), 4)

        # saved with the task, and reloaded
        text = to_text(p)
        saved = json.loads(text)['affairs'][0]['plan']
        self.assertEqual([t.get('levelling_delay') for t in saved['tasks']], [4, None, None, None])
        q = Aff.Portfolio.new_from_data(text, -1)
        loaded = q.lookup_affair('AFF-L').get_plan()
        self.assertEqual(loaded.lookup_task('B').get_levelling_delay(), 4)
        loaded.schedule()
        self.assertEqual(early(loaded.lookup_task('B')), ((2027, 4, 9), (2027, 4, 13)))
        self.assertTrue(q.get_journal().verify())

    def test_levelling_again_clears_earlier_delays(self):
        # levelled once, B waits 4 days (Fri 9 - Tue 13 Apr). B's assignment
        # is then removed: levelling again clears the earlier levelling
        # delays first ("Earlier levelling delays are cleared first"), and B,
        # no longer using the team, is not delayed again: back to Mon 5 - Wed
        # 7 Apr. Start Fri 9 -> Mon 5: 4 working days earlier (Tue 6, Wed 7,
        # Thu 8, Fri 9); finish Tue 13 -> Wed 7: 4 earlier (Thu 8, Fri 9,
        # Mon 12, Tue 13).
        p = new_portfolio()
        affair, plan = self.build(p)
        plan.level_resources()
        self.assertEqual(plan.lookup_task('B').get_levelling_delay(), 4)
        plan.unassign('B', 'team')
        moved = plan.level_resources()
        self.assertEqual(plan.lookup_task('B').get_levelling_delay(), 0)
        self.assertEqual(early(plan.lookup_task('B')), ((2027, 4, 5), (2027, 4, 7)))
        self.assertEqual(slips(moved), [('B', False, (2027, 4, 9), (2027, 4, 13), (2027, 4, 5), (2027, 4, 7), -4, -4)])

    def test_unassigned_task_not_levelled(self):
        # without A's assignment, B has the team alone: nothing moves
        p = new_portfolio()
        affair, plan = self.build(p)
        plan.unassign('A', 'team')
        self.assertEqual(slips(plan.level_resources()), [])
        self.assertEqual(plan.lookup_task('B').get_levelling_delay(), 0)


class LevellingLimitsTest(afftest.AffTestCase):
    def test_wait_for_the_end_of_a_leave(self):
        """Start Mon 5 Apr 2027; the fitter (420 min) is on leave Mon 5 and
        Tue 6 Apr; X, 2 days at 7 h a day, would start Mon 5. Its load
        alone (420) is not more than the fitter's capacity: it can be
        helped by waiting. Delayed 1 day it would run Tue 6 (leave), Wed 7;
        delayed 2 days, Wed 7 and Thu 8: room. levelling-delay 2.
        """
        plan = new_plan(D(2027, 4, 5))
        add(plan, 'X', 2)
        fitter = resource(plan, 'fitter')
        cal = plan.get_calendar().copy()
        cal.add_exception(D(2027, 4, 5), D(2027, 4, 6), False, 'Congé')
        fitter.set_calendar(cal)
        plan.assign('X', 'fitter', 7)
        plan.schedule()
        # before: both of the fitter's days off carry 420 min
        self.assertEqual(loads(plan.list_overallocations()), [
            ((2027, 4, 5), 'fitter', 420, 0, 420, ['X']),
            ((2027, 4, 6), 'fitter', 420, 0, 420, ['X']),
        ])
        moved = plan.level_resources()
        self.assertEqual(plan.lookup_task('X').get_levelling_delay(), 2)
        # start Mon 5 -> Wed 7 (Tue 6, Wed 7: 2); finish Tue 6 -> Thu 8: 2
        self.assertEqual(slips(moved), [('X', False, (2027, 4, 5), (2027, 4, 6), (2027, 4, 7), (2027, 4, 8), 2, 2)])
        self.assertEqual(loads(plan.list_overallocations()), [])

    def test_milestone_takes_no_room(self):
        """Start Mon 5 Apr 2027. A, 2 days (Mon 5, Tue 6), uses no resource;
        M, a milestone FS A at the end of Tue 6, has the team 7 h a day; T,
        1 day no earlier than Tue 6, has the team 7 h. A milestone takes no
        day and gives no load (see LoadTest: MS adds nothing), so the team
        has only T's 420 min on Tue 6: nothing is overallocated and
        levelling has nothing to move. (M and T both start Tue 6 with a
        float of 0; M comes first in the plan.)
        """
        plan = new_plan(D(2027, 4, 5))
        add(plan, 'A', 2)
        add(plan, 'M', 0)
        t = add(plan, 'T', 1)
        t.set_start_no_earlier_than(D(2027, 4, 6))
        plan.add_dependency('A', 'M', FS, 0)
        resource(plan, 'team', RKind.TEAM)
        plan.assign('M', 'team', 7)
        plan.assign('T', 'team', 7)
        plan.schedule()
        self.assertEqual((early(plan.lookup_task('M')), early(t)),
                         (((2027, 4, 6), (2027, 4, 6)), ((2027, 4, 6), (2027, 4, 6))))
        self.assertEqual(loads(plan.compute_load('team', D(2027, 4, 6), D(2027, 4, 6))),
                         [((2027, 4, 6), 'team', 420, 420, 0, ['T'])])
        self.assertEqual(loads(plan.list_overallocations()), [])
        self.assertEqual(slips(plan.level_resources()), [])
        self.assertEqual(t.get_levelling_delay(), 0)

    def limit_plan(self, a_days):
        plan = new_plan(D(2027, 4, 5))
        add(plan, 'B', 1)
        add(plan, 'A', a_days)
        resource(plan, 'team', RKind.TEAM)
        plan.assign('B', 'team', 7)
        plan.assign('A', 'team', 7)
        return plan

    def test_at_most_400_working_days(self):
        # A, 400 working days at 7 h a day on the team, is critical and goes
        # first; B, 1 day at 7 h on the team (float 399), finds room on the
        # working day after A's last: a delay of 400, the most allowed
        plan = self.limit_plan(400)
        moved = plan.level_resources()
        self.assertEqual((plan.lookup_task('A').get_levelling_delay(), plan.lookup_task('B').get_levelling_delay()),
                         (0, 400))
        self.assertEqual([(s.get_task_id(), s.get_start_slip()) for s in moved], [('B', 400)])
        self.assertEqual(loads(plan.list_overallocations()), [])
        # A one day longer: B would wait 401 working days, more than 400: it
        # stays where it is, overallocated on the first day, Mon 5 Apr
        plan = self.limit_plan(401)
        self.assertEqual(slips(plan.level_resources()), [])
        self.assertEqual(plan.lookup_task('B').get_levelling_delay(), 0)
        self.assertEqual(early(plan.lookup_task('B')), ((2027, 4, 5), (2027, 4, 5)))
        self.assertEqual(loads(plan.list_overallocations()), [((2027, 4, 5), 'team', 840, 420, 420, ['B', 'A'])])


# ---- hazards -------------------------------------------------------------------------

def hazard_affair(p):
    """The affair AFF-H signed Mon 1 Mar 2027 with a lead time of 40 working
    days: contract end w40 = Tue 27 Apr 2027. Its plan, in this order:
        ENG  task, internal                   10  w0-w9    Mon 1 - Fri 12 Mar
        DOC  task, internal "Bureau d’études"  3  w0-w2    Mon 1 - Wed 3 Mar
        FAB  task, internal "Atelier"         10  FS ENG: w10-w19 Mon 15 - Fri 26 Mar
        SITE intervention, subcontractor
             "Levage Express", zone "Unité 2" 10  FS FAB: w20-w29 Tue 30 Mar - Mon 12 Apr
                                                  (Easter Monday 29 Mar skipped)
        MS   milestone, internal                  FS SITE: end of Mon 12 Apr
        TEST inspection, "Bureau Veritas"      5  FS MS: w30-w34 Tue 13 - Mon 19 Apr
        REC  milestone, internal                  FS TEST: end of Mon 19 Apr,
                                                  finish no later than Tue 27 Apr
    Plan finish Mon 19 Apr. The rigger works 7 h a day on SITE and TEST and
    2 h a day on DOC.
    """
    affair = accepted_affair(p, 'AFF-H', 'CONS-1', D(2027, 3, 1), lead_time_days=40)
    plan = affair.get_plan()
    add(plan, 'ENG', 10)
    add(plan, 'DOC', 3, party_name='Bureau d’études')
    add(plan, 'FAB', 10, party_name='Atelier')
    add(plan, 'SITE', 10, Kind.INTERVENTION, Party.SUBCONTRACTOR, 'Levage Express', 'Unité 2')
    add(plan, 'MS', 0)
    test = add(plan, 'TEST', 5, Kind.INSPECTION, Party.INSPECTION_BODY, 'Bureau Veritas')
    test.set_regulatory_basis('Arrêté du 1er mars 2004')
    test.set_report_days(3)
    test.set_report_received(D(2027, 4, 26))
    test.set_required_for('REC')
    rec = add(plan, 'REC', 0)
    rec.set_finish_no_later_than(D(2027, 4, 27))
    for pred, succ in (('ENG', 'FAB'), ('FAB', 'SITE'), ('SITE', 'MS'), ('MS', 'TEST'), ('TEST', 'REC')):
        plan.add_dependency(pred, succ, FS, 0)
    rigger = resource(plan, 'rigger', name='Chef de levage')
    plan.assign('SITE', 'rigger', 7)
    plan.assign('TEST', 'rigger', 7)
    plan.assign('DOC', 'rigger', 2)
    return affair, plan, rigger


def weather_hazard():
    # H1: three days of storm stop FAB (the workshop's roof is open)
    h1 = Aff.Hazard.new('H1', D(2027, 3, 17), Cause.WEATHER, 'Tempête')
    h1.set_task_ids(['FAB'])
    h1.set_delay_days(3)
    return h1


def absence_hazard():
    # H2: the rigger is ill from Thu 15 to Tue 20 Apr
    h2 = Aff.Hazard.new('H2', D(2027, 4, 14), Cause.INTERNAL, 'Arrêt maladie du chef de levage')
    h2.set_resource_unavailable('rigger', D(2027, 4, 15), D(2027, 4, 20))
    return h2


class HazardTest(afftest.AffTestCase):
    BEFORE = {
        'ENG': ((2027, 3, 1), (2027, 3, 12)),
        'DOC': ((2027, 3, 1), (2027, 3, 3)),
        'FAB': ((2027, 3, 15), (2027, 3, 26)),
        'SITE': ((2027, 3, 30), (2027, 4, 12)),
        'MS': ((2027, 4, 12), (2027, 4, 12)),
        'TEST': ((2027, 4, 13), (2027, 4, 19)),
        'REC': ((2027, 4, 19), (2027, 4, 19)),
    }

    def test_contract_end_and_parties(self):
        p = new_portfolio()
        affair, plan, rigger = hazard_affair(p)
        # signed Mon 1 Mar (w0) + 40 working days = w40, Tue 27 Apr
        self.assertEqual(affair.get_lead_time_days(), 40)
        self.assertEqual(ymd(plan.get_contract_end()), (2027, 4, 27))
        plan.schedule()
        for tid, dates in self.BEFORE.items():
            self.assertEqual(early(plan.lookup_task(tid)), dates, tid)
        self.assertEqual(ymd(plan.get_finish()), (2027, 4, 19))
        self.assertEqual(list(plan.get_violations()), [])
        # the parties by kind (internal, client, subcontractor, supplier,
        # inspection body) then name (none first), their tasks by early
        # start: ENG Mon 1 Mar, MS Mon 12 Apr, REC Mon 19 Apr
        self.assertEqual(parties(plan.list_parties()), [
            (Party.INTERNAL, None, ['ENG', 'MS', 'REC']),
            (Party.INTERNAL, 'Atelier', ['FAB']),
            (Party.INTERNAL, 'Bureau d’études', ['DOC']),
            (Party.SUBCONTRACTOR, 'Levage Express', ['SITE']),
            (Party.INSPECTION_BODY, 'Bureau Veritas', ['TEST']),
        ])
        # a plan without a contract end: set one, clear it
        plan.set_contract_end(None)
        self.assertIsNone(plan.get_contract_end())
        plan.set_contract_end(D(2027, 4, 30))
        self.assertEqual(ymd(plan.get_contract_end()), (2027, 4, 30))

    def test_delay_then_absence(self):
        p = new_portfolio()
        affair, plan, rigger = hazard_affair(p)
        plan.schedule()
        n = len(entries(p, 'AFF-H'))

        # H1, 3 days on FAB: FAB lasts 13 days, w10-w22 Mon 15 Mar - Thu 1
        # Apr; SITE w23-w32 Fri 2 - Thu 15 Apr; MS end of Thu 15 Apr; TEST
        # w33-w37 Fri 16 - Thu 22 Apr; REC Thu 22 Apr. Each of them slips 3
        # working days (FAB's start does not move); ENG and DOC do not.
        h1 = weather_hazard()
        impact = plan.apply_hazard(h1)
        self.assertTrue(h1.is_applied())
        self.assertEqual(impact.get_hazard_id(), 'H1')
        self.assertEqual(plan.lookup_task('FAB').get_hazard_delay(), 3)
        self.assertEqual(plan.lookup_task('FAB').get_duration(), 10)
        self.assertEqual(slips(impact.get_moved_tasks()), [
            ('FAB', False, (2027, 3, 15), (2027, 3, 26), (2027, 3, 15), (2027, 4, 1), 0, 3),
            ('SITE', False, (2027, 3, 30), (2027, 4, 12), (2027, 4, 2), (2027, 4, 15), 3, 3),
            ('MS', True, (2027, 4, 12), (2027, 4, 12), (2027, 4, 15), (2027, 4, 15), 3, 3),
            ('TEST', False, (2027, 4, 13), (2027, 4, 19), (2027, 4, 16), (2027, 4, 22), 3, 3),
            ('REC', True, (2027, 4, 19), (2027, 4, 19), (2027, 4, 22), (2027, 4, 22), 3, 3),
        ])
        self.assertEqual([s.get_task_id() for s in impact.get_slipped_milestones()], ['MS', 'REC'])
        self.assertEqual((ymd(impact.get_finish_before()), ymd(impact.get_finish_after())),
                         ((2027, 4, 19), (2027, 4, 22)))
        # Thu 22 Apr <= Tue 27 Apr: the contract's end holds, REC's deadline
        # too
        self.assertTrue(impact.get_contract_end_holds())
        self.assertEqual(list(impact.get_violations()), [])
        # the parties of the moved tasks, and the client (no name) told of
        # the two milestones that slipped
        self.assertEqual(parties(impact.get_parties_to_notify()), [
            (Party.INTERNAL, None, ['MS', 'REC']),
            (Party.INTERNAL, 'Atelier', ['FAB']),
            (Party.CLIENT, None, ['MS', 'REC']),
            (Party.SUBCONTRACTOR, 'Levage Express', ['SITE']),
            (Party.INSPECTION_BODY, 'Bureau Veritas', ['TEST']),
        ])
        self.assertEqual(model_ids(plan.get_hazards()), ['H1'])

        # errors change nothing
        before = [(t.get_id(), t.get_hazard_delay()) + early(t) for t in plan]
        count = len(entries(p, 'AFF-H'))
        # the same id again
        again = Aff.Hazard.new('H1', D(2027, 3, 18), Cause.CLIENT, 'Encore')
        again.set_task_ids(['ENG'])
        again.set_delay_days(1)
        self.assertAffError(E.DUPLICATE_ID, plan.apply_hazard, again)
        self.assertFalse(again.is_applied())
        # the same hazard applied twice
        self.assertAffError(E.INVALID_TRANSITION, plan.apply_hazard, h1)
        # a task the plan does not have
        unknown = Aff.Hazard.new('H3', D(2027, 3, 18), Cause.SUPPLIER, 'Livraison')
        unknown.set_task_ids(['FAB', 'NOPE'])
        unknown.set_delay_days(2)
        self.assertAffError(E.NOT_FOUND, plan.apply_hazard, unknown)
        # a resource the plan does not have
        nobody = Aff.Hazard.new('H4', D(2027, 3, 18), Cause.INTERNAL, 'Absence')
        nobody.set_resource_unavailable('nobody', D(2027, 4, 1), D(2027, 4, 2))
        self.assertAffError(E.NOT_FOUND, plan.apply_hazard, nobody)
        # a hazard that does nothing: no task and no resource, or no delay
        self.assertAffError(E.INVALID_VALUE, plan.apply_hazard,
                            Aff.Hazard.new('H5', D(2027, 3, 18), Cause.CLIENT, 'Rien'))
        no_delay = Aff.Hazard.new('H6', D(2027, 3, 18), Cause.CLIENT, 'Sans délai')
        no_delay.set_task_ids(['ENG'])
        self.assertAffError(E.INVALID_VALUE, plan.apply_hazard, no_delay)
        # an absence that ends before it starts
        backwards = Aff.Hazard.new('H7', D(2027, 4, 14), Cause.INTERNAL, 'À l’envers')
        backwards.set_resource_unavailable('rigger', D(2027, 4, 20), D(2027, 4, 15))
        self.assertAffError(E.INVALID_VALUE, plan.apply_hazard, backwards)
        self.assertEqual([(t.get_id(), t.get_hazard_delay()) + early(t) for t in plan], before)
        self.assertEqual(model_ids(plan.get_hazards()), ['H1'])
        self.assertIsNone(rigger.get_calendar())
        self.assertEqual(len(entries(p, 'AFF-H')), count)

        # H2, the rigger away Thu 15 - Tue 20 Apr. On the schedule after H1:
        #   SITE Fri 2 - Thu 15 Apr: overlap Thu 15, 1 working day
        #   TEST Fri 16 - Thu 22 Apr: overlap Fri 16, Mon 19, Tue 20: 3
        #   DOC Mon 1 - Wed 3 Mar: no overlap, no delay
        # SITE 11 days w23-w33 Fri 2 - Fri 16 Apr; MS end of Fri 16; TEST 8
        # days w34-w41 Mon 19 - Wed 28 Apr; REC Wed 28 Apr.
        impact = plan.apply_hazard(absence_hazard())
        self.assertEqual([(t, plan.lookup_task(t).get_hazard_delay()) for t in ('DOC', 'FAB', 'SITE', 'TEST')],
                         [('DOC', 0), ('FAB', 3), ('SITE', 1), ('TEST', 3)])
        self.assertEqual(slips(impact.get_moved_tasks()), [
            # the start stays Fri 2; the finish Thu 15 -> Fri 16: 1
            ('SITE', False, (2027, 4, 2), (2027, 4, 15), (2027, 4, 2), (2027, 4, 16), 0, 1),
            ('MS', True, (2027, 4, 15), (2027, 4, 15), (2027, 4, 16), (2027, 4, 16), 1, 1),
            # start Fri 16 -> Mon 19: 1; finish Thu 22 -> Wed 28 (Fri 23,
            # Mon 26, Tue 27, Wed 28): 4
            ('TEST', False, (2027, 4, 16), (2027, 4, 22), (2027, 4, 19), (2027, 4, 28), 1, 4),
            ('REC', True, (2027, 4, 22), (2027, 4, 22), (2027, 4, 28), (2027, 4, 28), 4, 4),
        ])
        self.assertEqual((ymd(impact.get_finish_before()), ymd(impact.get_finish_after())),
                         ((2027, 4, 22), (2027, 4, 28)))
        # Wed 28 Apr is after the contract's end, Tue 27 Apr: it fails; REC
        # misses its deadline (end of Tue 27) by 1 working day
        self.assertFalse(impact.get_contract_end_holds())
        self.assertEqual([(v.get_task_id(), ymd(v.get_deadline()), ymd(v.get_finish()), v.get_days_missed())
                          for v in impact.get_violations()],
                         [('REC', (2027, 4, 27), (2027, 4, 28), 1)])
        self.assertEqual(parties(impact.get_parties_to_notify()), [
            (Party.INTERNAL, None, ['MS', 'REC']),
            (Party.CLIENT, None, ['MS', 'REC']),
            (Party.SUBCONTRACTOR, 'Levage Express', ['SITE']),
            (Party.INSPECTION_BODY, 'Bureau Veritas', ['TEST']),
        ])
        # the rigger's calendar: a copy of the plan's with the days off; the
        # plan's own calendar is untouched
        cal = rigger.get_calendar()
        self.assertIsNotNone(cal)
        self.assertTrue(cal.get_french())
        self.assertEqual([cal.is_working_day(D(2027, 4, d)) for d in (14, 15, 16, 19, 20, 21)],
                         [True, False, False, False, False, True])
        self.assertEqual(cal.get_day_name(D(2027, 4, 15)), 'Arrêt maladie du chef de levage')
        self.assertTrue(plan.get_calendar().is_working_day(D(2027, 4, 15)))
        self.assertIsNone(plan.get_calendar().get_day_name(D(2027, 4, 15)))
        self.assertEqual(model_ids(plan.get_hazards()), ['H1', 'H2'])
        h = plan.get_hazards().get_item(1)
        self.assertEqual((h.get_resource_id(), ymd(h.get_unavailable_from()), ymd(h.get_unavailable_to()),
                          h.get_cause(), h.is_applied()),
                         ('rigger', (2027, 4, 15), (2027, 4, 20), Cause.INTERNAL, True))

        # the journal: each hazard's delays as changes of the tasks, the
        # rigger's calendar, then the hazard with what moved
        new = entries(p, 'AFF-H')[n:]
        applied = [e for e in new if e.get_action() == 'hazard-applied']
        self.assertEqual([(e.dup_detail('hazard'), e.dup_detail('date'), e.dup_detail('cause'),
                           json.loads(e.dup_detail('moved')), e.dup_detail('finish_before'),
                           e.dup_detail('finish_after'), e.dup_detail('contract_end_holds')) for e in applied],
                         [('H1', '2027-03-17', 'weather', ['FAB', 'SITE', 'MS', 'TEST', 'REC'], '2027-04-19',
                           '2027-04-22', 'true'),
                          ('H2', '2027-04-14', 'internal', ['SITE', 'MS', 'TEST', 'REC'], '2027-04-22',
                           '2027-04-28', 'false')])
        delays = sorted((e.dup_detail('task'), e.dup_detail('value')) for e in new
                        if e.get_action() == 'task-changed' and e.dup_detail('property') == 'hazard-delay')
        self.assertEqual(delays, [('FAB', '3'), ('SITE', '1'), ('TEST', '3')])
        self.assertEqual([e.dup_detail('resource') for e in new if e.get_action() == 'resource-calendar-set'],
                         ['rigger'])
        self.assertTrue(p.get_journal().verify())

    def test_hazard_on_a_client_task(self):
        # a client's task that moves makes the client a party with its name;
        # no milestone slips, the contract's end holds: no nameless client
        plan = new_plan(D(2027, 3, 1))
        add(plan, 'A', 5, party=Party.CLIENT, party_name=CLIENT_NAME)   # Mon 1 - Fri 5 Mar
        add(plan, 'B', 5)                                                # Mon 1 - Fri 5 Mar
        h = Aff.Hazard.new('late', D(2027, 3, 2), Cause.CLIENT, 'Site non libéré')
        h.set_task_ids(['A'])
        h.set_delay_days(2)
        impact = plan.apply_hazard(h)
        # A 7 days: Mon 1 - Tue 9 Mar, 2 working days later; the plan's
        # finish with it
        self.assertEqual(slips(impact.get_moved_tasks()),
                         [('A', False, (2027, 3, 1), (2027, 3, 5), (2027, 3, 1), (2027, 3, 9), 0, 2)])
        self.assertTrue(impact.get_contract_end_holds())
        self.assertEqual(parties(impact.get_parties_to_notify()), [(Party.CLIENT, CLIENT_NAME, ['A'])])


# ---- the prevention plan: the rule -----------------------------------------------------

class PreventionRuleTest(afftest.AffTestCase):
    def test_400_hours(self):
        """Start Mon 1 Mar 2027.
            INT1 intervention, internal, 10 days Mon 1 - Fri 12 Mar, 250 h
            INT2 task in zone "Hall B" (so on the site), subcontractor, 5
                 days FS INT1: Mon 15 - Fri 19 Mar, 149 h then 150 h
            CLI  intervention by the client itself, 1000 h: not counted
            ENG  task off the site (no zone), 1000 h: not counted
            PUR  purchase, 500 h: not on the site
        """
        plan = new_plan(D(2027, 3, 1))
        int1 = add(plan, 'INT1', 10, Kind.INTERVENTION)
        int2 = add(plan, 'INT2', 5, Kind.TASK, Party.SUBCONTRACTOR, 'Calorifuge SA', 'Hall B')
        cli = add(plan, 'CLI', 5, Kind.INTERVENTION, Party.CLIENT, CLIENT_NAME)
        eng = add(plan, 'ENG', 5)
        pur = add(plan, 'PUR', 3, Kind.PURCHASE, Party.SUPPLIER, 'Pompes Durand')
        insp = add(plan, 'INSP', 1, Kind.INSPECTION, Party.INSPECTION_BODY, 'Apave')
        plan.add_dependency('INT1', 'INT2', FS, 0)
        int1.set_effort_hours(250)
        int2.set_effort_hours(149)
        cli.set_effort_hours(1000)
        eng.set_effort_hours(1000)
        pur.set_effort_hours(500)
        # on the site: interventions, inspections, and any task with a zone
        self.assertEqual([t.is_on_site() for t in (int1, int2, cli, eng, pur, insp)],
                         [True, True, True, False, False, True])
        plan.schedule()
        self.assertEqual(early(int2), ((2027, 3, 15), (2027, 3, 19)))
        # 250 + 149 = 399 h within twelve months: not required
        required, reasons = plan.requires_prevention_plan()
        self.assertFalse(required)
        self.assertEqual(list(reasons or []), [])
        # 250 + 150 = 400 h: required, from Mon 1 to Fri 19 Mar
        int2.set_effort_hours(150)
        required, reasons = plan.requires_prevention_plan()
        self.assertTrue(required)
        self.assertEqual(len(reasons), 1)
        self.assertIn('400 hours', reasons[0])
        self.assertIn('2027-03-01', reasons[0])
        self.assertIn('2027-03-19', reasons[0])
        # the same 400 h done by the client: not counted
        int2.set_party(Party.CLIENT)
        self.assertFalse(plan.requires_prevention_plan()[0])

    def test_more_than_twelve_months(self):
        """A 300 h on Mon 1 - Fri 5 Mar 2027 (60 h a day); B 300 h on five
        days no earlier than Mon 6 Mar 2028: Mon 6 - Fri 10 Mar 2028 (60 h a
        day). 600 h in all, but twelve months from any day of A (Mon 1 Mar
        2027 to Tue 29 Feb 2028 at the latest ... Fri 5 Mar 2027 to Sat 4
        Mar 2028) hold none of B: 300 h at most.
        """
        plan = new_plan(D(2027, 3, 1))
        a = add(plan, 'A', 5, Kind.INTERVENTION)
        b = add(plan, 'B', 5, Kind.INTERVENTION)
        a.set_effort_hours(300)
        b.set_effort_hours(300)
        b.set_start_no_earlier_than(D(2028, 3, 6))
        plan.schedule()
        self.assertEqual(early(b), ((2028, 3, 6), (2028, 3, 10)))
        self.assertFalse(plan.requires_prevention_plan()[0])
        # B no earlier than Mon 28 Feb 2028: Mon 28, Tue 29 Feb, Wed 1, Thu
        # 2, Fri 3 Mar 2028. From Mon 1 Mar 2027 to Tue 29 Feb 2028: all of
        # A (300 h) and B's 28 and 29 Feb (120 h) = 420 h; every other
        # window starting on a day of A holds as much (A loses a day, B
        # gains one): 420 h at most, 400 or more: required.
        b.set_start_no_earlier_than(D(2028, 2, 28))
        plan.schedule()
        self.assertEqual(early(b), ((2028, 2, 28), (2028, 3, 3)))
        required, reasons = plan.requires_prevention_plan()
        self.assertTrue(required)
        self.assertEqual(len(reasons), 1)
        self.assertIn('420 hours', reasons[0])
        self.assertIn('2027-03-01', reasons[0])
        self.assertIn('2028-02-29', reasons[0])

    def test_twelve_months_boundary(self):
        # twelve months run from a day to the day before the same day a year
        # later: from Mon 1 Mar 2027, up to Tue 29 Feb 2028 (2028 is a leap
        # year). A: 1 day Mon 1 Mar 2027, 200 h; B: 1 day, 200 h.
        plan = new_plan(D(2027, 3, 1))
        a = add(plan, 'A', 1, Kind.INTERVENTION)
        b = add(plan, 'B', 1, Kind.INTERVENTION)
        a.set_effort_hours(200)
        b.set_effort_hours(200)
        # B on Tue 29 Feb 2028: within the twelve months, 400 h
        b.set_start_no_earlier_than(D(2028, 2, 29))
        plan.schedule()
        self.assertEqual(early(b), ((2028, 2, 29), (2028, 2, 29)))
        required, reasons = plan.requires_prevention_plan()
        self.assertTrue(required)
        self.assertIn('400 hours', reasons[0])
        # B on Wed 1 Mar 2028: a year and a day, never together: 200 h
        b.set_start_no_earlier_than(D(2028, 3, 1))
        plan.schedule()
        self.assertEqual(early(b), ((2028, 3, 1), (2028, 3, 1)))
        self.assertFalse(plan.requires_prevention_plan()[0])

    def test_unscheduled_effort_counts_fully(self):
        # never scheduled: 200 h and 199 h count as if in the same twelve
        # months: 399 h, then 400 h
        plan = new_plan(D(2027, 3, 1))
        a = add(plan, 'A', 5, Kind.INTERVENTION)
        b = add(plan, 'B', 5, Kind.INSPECTION, Party.INSPECTION_BODY, 'Apave')
        a.set_effort_hours(200)
        b.set_effort_hours(199)
        self.assertFalse(plan.requires_prevention_plan()[0])
        b.set_effort_hours(200)
        required, reasons = plan.requires_prevention_plan()
        self.assertTrue(required)
        self.assertIn('400 hours', reasons[0])

    def test_dangerous_work(self):
        plan = new_plan(D(2027, 3, 1))
        # dangerous work off the site, or by the client: not counted
        off = add(plan, 'OFF', 2)
        off.set_dangerous_work(Flags.HOT_WORK)
        cli = add(plan, 'CLI', 2, Kind.INTERVENTION, Party.CLIENT, CLIENT_NAME)
        cli.set_dangerous_work(Flags.CONFINED_SPACE)
        plan.schedule()
        self.assertFalse(plan.requires_prevention_plan()[0])
        # an ATEX intervention on the site, however short, with no hours:
        # required, the reason naming the task and the work
        atex = add(plan, 'ATEX', 1, Kind.INTERVENTION)
        atex.set_dangerous_work(Flags.ATEX)
        required, reasons = plan.requires_prevention_plan()
        self.assertTrue(required)
        self.assertEqual(len(reasons), 1)
        self.assertIn('ATEX', reasons[0])
        self.assertIn('atex', reasons[0])


# ---- the prevention plan: the record, starting and finishing tasks -------------------------

class PreventionRecordTest(afftest.AffTestCase):
    """The affair AFF-S signed Mon 1 Mar 2027:
        PREP task off the site, 2 days Mon 1 - Tue 2 Mar
        WELD intervention, hot work, zone "Unité 2", 3 days FS PREP: Wed 3 -
             Fri 5 Mar
        LIFT intervention of the subcontractor "Levage Express", zone "Unité
             2", 2 days SS WELD: Wed 3 - Thu 4 Mar
        DOE  task, 1 day FS WELD: Mon 8 Mar
    The hot work requires a written prevention plan.
    """

    def test_record_and_start(self):
        p = new_portfolio()
        affair = accepted_affair(p, 'AFF-S', 'CONS-1', D(2027, 3, 1))
        plan = affair.get_plan()
        add(plan, 'PREP', 2)
        weld = add(plan, 'WELD', 3, Kind.INTERVENTION, zone='Unité 2')
        weld.set_dangerous_work(Flags.HOT_WORK)
        lift = add(plan, 'LIFT', 2, Kind.INTERVENTION, Party.SUBCONTRACTOR, 'Levage Express', 'Unité 2')
        add(plan, 'DOE', 1)
        plan.add_dependency('PREP', 'WELD', FS, 0)
        plan.add_dependency('WELD', 'LIFT', SS, 0)
        plan.add_dependency('WELD', 'DOE', FS, 0)
        plan.schedule()
        self.assertEqual(early(weld), ((2027, 3, 3), (2027, 3, 5)))
        self.assertEqual(early(lift), ((2027, 3, 3), (2027, 3, 4)))
        self.assertTrue(affair.requires_prevention_plan()[0])
        pp = plan.get_prevention_plan()
        self.assertIs(plan.get_prevention_plan(), pp)
        self.assertIsNone(pp.get_joint_inspection())
        self.assertFalse(pp.is_signed())
        n = len(entries(p, 'AFF-S'))

        # PREP is off the site: it starts without a prevention plan
        plan.start_task('PREP', D(2027, 3, 1))
        self.assertEqual(ymd(plan.lookup_task('PREP').get_actual_start()), (2027, 3, 1))
        # WELD is on the site and the plan is not signed: refused
        self.assertAffError(E.INVALID_TRANSITION, plan.start_task, 'WELD', D(2027, 3, 3))
        self.assertIsNone(weld.get_actual_start())
        # no signature before the joint inspection
        self.assertAffError(E.INVALID_TRANSITION, pp.sign, 'J. Martin', CLIENT_NAME, Party.CLIENT, D(2027, 3, 2))
        self.assertAffError(E.INVALID_VALUE, pp.record_joint_inspection, D(2027, 3, 2), [])
        pp.record_joint_inspection(D(2027, 3, 2), ['J. Martin (Chimie de l’Est)', 'C. Martin (Affaires SA)'])
        self.assertEqual(ymd(pp.get_joint_inspection()), (2027, 3, 2))
        self.assertEqual(list(pp.get_participants()), ['J. Martin (Chimie de l’Est)', 'C. Martin (Affaires SA)'])
        self.assertAffError(E.INVALID_VALUE, pp.add_interference, 'Unité 2', 'Levage', '')
        pp.add_interference('Unité 2', 'Levage au-dessus du poste de soudage',
                            'Balisage, permis de feu, levages hors des heures de soudage')
        pp.add_interference(None, 'Circulation des engins', 'Plan de circulation')
        self.assertEqual([(x.get_zone(), x.get_description()) for x in pp.get_interferences()],
                         [('Unité 2', 'Levage au-dessus du poste de soudage'), (None, 'Circulation des engins')])
        # a signature dated before the inspection (Mon 1 < Tue 2): refused
        self.assertAffError(E.INVALID_TRANSITION, pp.sign, 'J. Martin', CLIENT_NAME, Party.CLIENT, D(2027, 3, 1))
        pp.sign('J. Martin', CLIENT_NAME, Party.CLIENT, D(2027, 3, 2))
        # the client alone: not signed yet, WELD still refused
        self.assertFalse(pp.is_signed())
        self.assertAffError(E.INVALID_TRANSITION, plan.start_task, 'WELD', D(2027, 3, 3))
        # the same company twice
        self.assertAffError(E.DUPLICATE_ID, pp.sign, 'P. Durand', CLIENT_NAME, Party.CLIENT, D(2027, 3, 2))
        pp.sign('C. Martin', 'Affaires SA', Party.INTERNAL, D(2027, 3, 2))
        self.assertTrue(pp.is_signed())
        self.assertTrue(pp.is_signed_by('Affaires SA'))
        self.assertFalse(pp.is_signed_by('Levage Express'))
        # signed: the record is frozen
        self.assertAffError(E.FROZEN, pp.record_joint_inspection, D(2027, 3, 3), ['Quelqu’un'])
        self.assertAffError(E.FROZEN, pp.add_interference, None, 'Bruit', 'Casques')
        self.assertEqual(ymd(pp.get_joint_inspection()), (2027, 3, 2))
        self.assertEqual(len(pp.get_interferences()), 2)
        # WELD may start now
        plan.start_task('WELD', D(2027, 3, 3))
        self.assertEqual(ymd(weld.get_actual_start()), (2027, 3, 3))
        # LIFT is the subcontractor's, who has not signed
        self.assertAffError(E.INVALID_TRANSITION, plan.start_task, 'LIFT', D(2027, 3, 3))
        pp.sign('P. Weber', 'Levage Express', Party.SUBCONTRACTOR, D(2027, 3, 3))
        plan.start_task('LIFT', D(2027, 3, 3))
        self.assertEqual([(s.get_name(), s.get_organisation(), s.get_party(), ymd(s.get_date()))
                          for s in pp.get_signatures()],
                         [('J. Martin', CLIENT_NAME, Party.CLIENT, (2027, 3, 2)),
                          ('C. Martin', 'Affaires SA', Party.INTERNAL, (2027, 3, 2)),
                          ('P. Weber', 'Levage Express', Party.SUBCONTRACTOR, (2027, 3, 3))])
        # started already, or unknown
        self.assertAffError(E.INVALID_TRANSITION, plan.start_task, 'WELD', D(2027, 3, 4))
        self.assertAffError(E.NOT_FOUND, plan.start_task, 'NOPE', D(2027, 3, 4))

        # finishing
        self.assertAffError(E.INVALID_TRANSITION, plan.finish_task, 'DOE', D(2027, 3, 8))   # not started
        self.assertAffError(E.INVALID_VALUE, plan.finish_task, 'WELD', D(2027, 3, 2))       # before its start
        self.assertAffError(E.NOT_FOUND, plan.finish_task, 'NOPE', D(2027, 3, 5))
        plan.finish_task('WELD', D(2027, 3, 5))
        self.assertEqual((ymd(weld.get_actual_finish()), weld.get_progress()), ((2027, 3, 5), 100))
        self.assertAffError(E.INVALID_TRANSITION, plan.finish_task, 'WELD', D(2027, 3, 5))

        # the journal
        new = [e for e in entries(p, 'AFF-S')[n:] if e.get_action() != 'task-changed']
        self.assertEqual([e.get_action() for e in new],
                         ['task-started', 'prevention-inspection-recorded', 'prevention-interference-added',
                          'prevention-interference-added', 'prevention-signed', 'prevention-signed',
                          'task-started', 'prevention-signed', 'task-started', 'task-finished'])
        self.assertEqual([(e.dup_detail('task'), e.dup_detail('date')) for e in new
                          if e.get_action() in ('task-started', 'task-finished')],
                         [('PREP', '2027-03-01'), ('WELD', '2027-03-03'), ('LIFT', '2027-03-03'),
                          ('WELD', '2027-03-05')])
        signed = [(e.dup_detail('name'), e.dup_detail('organisation'), e.dup_detail('party'), e.dup_detail('date'))
                  for e in new if e.get_action() == 'prevention-signed']
        self.assertEqual(signed, [('J. Martin', CLIENT_NAME, 'client', '2027-03-02'),
                                  ('C. Martin', 'Affaires SA', 'internal', '2027-03-02'),
                                  ('P. Weber', 'Levage Express', 'subcontractor', '2027-03-03')])
        self.assertEqual(json.loads(new[1].dup_detail('participants')),
                         ['J. Martin (Chimie de l’Est)', 'C. Martin (Affaires SA)'])
        self.assertEqual((new[2].dup_detail('zone'), new[2].dup_detail('measures')),
                         ('Unité 2', 'Balisage, permis de feu, levages hors des heures de soudage'))
        self.assertTrue(p.get_journal().verify())

    def test_not_required_starts_freely(self):
        # an intervention of 10 h without dangerous work: no written plan is
        # required, the work starts unsigned
        plan = new_plan(D(2027, 3, 1))
        t = add(plan, 'INT', 2, Kind.INTERVENTION, zone='Unité 2')
        t.set_effort_hours(10)
        plan.schedule()
        self.assertFalse(plan.requires_prevention_plan()[0])
        plan.start_task('INT', D(2027, 3, 1))
        plan.finish_task('INT', D(2027, 3, 2))
        self.assertEqual((ymd(t.get_actual_start()), ymd(t.get_actual_finish()), t.get_progress()),
                         ((2027, 3, 1), (2027, 3, 2), 100))


# ---- inspections ------------------------------------------------------------------------------

class InspectionTest(afftest.AffTestCase):
    """Start Mon 3 May 2027, in this order:
        WORK     task, 5 days: Mon 3, Tue 4, Wed 5, (Thu 6 Ascension), Fri
                 7, Mon 10 May
        INSP2    inspection naming no body and no basis, no report delay, 1
                 day SS WORK: Mon 3 May; report due Mon 3 + 0 = Mon 3,
                 received Mon 3: in time
        INSP3    inspection by Apave, 2 days for the report, 1 day SS WORK
                 +1: Tue 4 May; due Tue 4 + 2 working days = Wed 5, (Thu 6),
                 Fri 7; received Tue 11: late by Mon 10, Tue 11 = 2
        INSP1    inspection by Bureau Veritas, 5 days for the report,
                 required for RESTART, 2 days FS WORK: Tue 11, Wed 12 May;
                 due Wed 12 + 5: Thu 13, Fri 14, (Mon 17 Whit Monday), Tue
                 18, Wed 19, Thu 20 May
        RESTART  task, 3 days FS INSP1 +2: the day after Wed 12 is Thu 13,
                 +2 working days: Fri 14, Tue 18: Tue 18 - Thu 20 May
    INSP1's report, due Thu 20, comes after RESTART starts Tue 18: too late
    by the working days from Tue 18 to Thu 20 (Wed 19, Thu 20) = 2.
    """

    def build(self):
        plan = new_plan(D(2027, 5, 3))
        add(plan, 'WORK', 5)
        insp2 = add(plan, 'INSP2', 1, Kind.INSPECTION)
        insp2.set_report_received(D(2027, 5, 3))
        insp3 = add(plan, 'INSP3', 1, Kind.INSPECTION, Party.INSPECTION_BODY, 'Apave')
        insp3.set_regulatory_basis('Code du travail, art. R4323-23')
        insp3.set_report_days(2)
        insp3.set_report_received(D(2027, 5, 11))
        insp1 = add(plan, 'INSP1', 2, Kind.INSPECTION, Party.INSPECTION_BODY, 'Bureau Veritas')
        insp1.set_regulatory_basis('Arrêté du 1er mars 2004')
        insp1.set_report_days(5)
        insp1.set_required_for('RESTART')
        add(plan, 'RESTART', 3)
        plan.add_dependency('WORK', 'INSP2', SS, 0)
        plan.add_dependency('WORK', 'INSP3', SS, 1)
        plan.add_dependency('WORK', 'INSP1', FS, 0)
        plan.add_dependency('INSP1', 'RESTART', FS, 2)
        return plan

    @staticmethod
    def issues(items):
        return [(i.get_task_id(), i.get_kind(), ymd(i.get_due()), i.get_days(), i.get_required_for())
                for i in items]

    def test_check(self):
        plan = self.build()
        self.assertAffError(E.INVALID_TRANSITION, plan.check_inspections, D(2027, 5, 20))
        plan.schedule()
        self.assertEqual(early(plan.lookup_task('INSP3')), ((2027, 5, 4), (2027, 5, 4)))
        self.assertEqual(early(plan.lookup_task('INSP1')), ((2027, 5, 11), (2027, 5, 12)))
        self.assertEqual(early(plan.lookup_task('RESTART')), ((2027, 5, 18), (2027, 5, 20)))
        # on Thu 20 May, INSP1's report is due that day, not overdue yet
        self.assertEqual(self.issues(plan.check_inspections(D(2027, 5, 20))), [
            ('INSP2', Issue.NO_BODY, None, 0, None),
            ('INSP2', Issue.NO_BASIS, None, 0, None),
            ('INSP3', Issue.REPORT_LATE, (2027, 5, 7), 2, None),
            ('INSP1', Issue.TOO_LATE, (2027, 5, 20), 2, 'RESTART'),
        ])
        # on Fri 21 May it is overdue by 1 working day; on Mon 24 by 2 (Fri
        # 21, Mon 24)
        self.assertEqual(self.issues(plan.check_inspections(D(2027, 5, 21)))[3:], [
            ('INSP1', Issue.REPORT_OVERDUE, (2027, 5, 20), 1, 'RESTART'),
            ('INSP1', Issue.TOO_LATE, (2027, 5, 20), 2, 'RESTART'),
        ])
        self.assertEqual(self.issues(plan.check_inspections(D(2027, 5, 24)))[3],
                         ('INSP1', Issue.REPORT_OVERDUE, (2027, 5, 20), 2, 'RESTART'))

    def test_fixes(self):
        plan = self.build()
        insp1, insp2, insp3 = (plan.lookup_task(t) for t in ('INSP1', 'INSP2', 'INSP3'))
        # the body and the basis named, INSP1's report received Wed 19
        insp2.set_party(Party.INSPECTION_BODY)
        insp2.set_party_name('Socotec')
        insp2.set_regulatory_basis('Arrêté du 1er mars 2004')
        insp1.set_report_received(D(2027, 5, 19))
        # RESTART no earlier than Thu 20 May: it starts the day the report
        # is due: still too late, by 0 days
        plan.lookup_task('RESTART').set_start_no_earlier_than(D(2027, 5, 20))
        # INSP3 actually done Tue 4 May - Wed 5 May: due Wed 5 + 2 = Fri 7,
        # Mon 10 (Thu 6 Ascension); received Tue 11: late by 1
        insp3.set_actual_start(D(2027, 5, 4))
        insp3.set_actual_finish(D(2027, 5, 5))
        plan.schedule()
        self.assertEqual(self.issues(plan.check_inspections(D(2027, 5, 21))), [
            ('INSP3', Issue.REPORT_LATE, (2027, 5, 10), 1, None),
            ('INSP1', Issue.TOO_LATE, (2027, 5, 20), 0, 'RESTART'),
        ])
        # RESTART no earlier than Fri 21 May: the report comes in time
        plan.lookup_task('RESTART').set_start_no_earlier_than(D(2027, 5, 21))
        plan.schedule()
        self.assertEqual(self.issues(plan.check_inspections(D(2027, 5, 21))),
                         [('INSP3', Issue.REPORT_LATE, (2027, 5, 10), 1, None)])
        # required for a task the plan does not have
        insp1.set_required_for('NOPE')
        plan.schedule()
        self.assertAffError(E.NOT_FOUND, plan.check_inspections, D(2027, 5, 21))


# ---- co-activities ------------------------------------------------------------------------------

class CoactivityTest(afftest.AffTestCase):
    """Start Mon 7 Jun 2027 (no holiday in June), S = "Salle des pompes", in
    this order:
        A  intervention, internal, S, 5 days: Mon 7 - Fri 11 Jun
        B  subcontract, "Calorifuge SA", S, 4 days SS A +3: Thu 10, Fri 11,
           Mon 14, Tue 15
        C  intervention, internal, S, 2 days SS A +1: Tue 8, Wed 9
        E  intervention, "Calorifuge SA", zone "Toiture", 5 days: Mon 7 -
           Fri 11
        M  milestone, the client, S, FS A: end of Fri 11
        F  task, internal team "Equipe B", S, 1 day: Mon 7
        G  intervention, "Calorifuge SA", S, 1 day SS B +3: Fri 11, Mon 14,
           Tue 15: Tue 15
        H  intervention, "Echafaudages du Rhin", S, 2 days SS A +5: Mon 14,
           Tue 15
    Pairs in S overlapping, of different parties:
        A-F  internal vs internal "Equipe B" (a name differs): Mon 7
        A-B  Thu 10 - Fri 11
        B-H  Mon 14 - Tue 15
        G-H  Tue 15
    Left out: A-C (the same party), B-G (the same subcontractor), C-B (Wed
    9 < Thu 10), E (another zone), M (a milestone, though at Fri 11 it meets
    A and B), A-H, A-G (A is over by Fri 11).
    """

    def test_coactivities(self):
        plan = new_plan(D(2027, 6, 7))
        s = 'Salle des pompes'
        add(plan, 'A', 5, Kind.INTERVENTION, zone=s)
        add(plan, 'B', 4, Kind.SUBCONTRACT, Party.SUBCONTRACTOR, 'Calorifuge SA', s)
        add(plan, 'C', 2, Kind.INTERVENTION, zone=s)
        add(plan, 'E', 5, Kind.INTERVENTION, Party.SUBCONTRACTOR, 'Calorifuge SA', 'Toiture')
        add(plan, 'M', 0, Kind.MILESTONE, Party.CLIENT, CLIENT_NAME, s)
        add(plan, 'F', 1, Kind.TASK, Party.INTERNAL, 'Equipe B', s)
        add(plan, 'G', 1, Kind.INTERVENTION, Party.SUBCONTRACTOR, 'Calorifuge SA', s)
        add(plan, 'H', 2, Kind.INTERVENTION, Party.SUBCONTRACTOR, 'Echafaudages du Rhin', s)
        plan.add_dependency('A', 'B', SS, 3)
        plan.add_dependency('A', 'C', SS, 1)
        plan.add_dependency('A', 'M', FS, 0)
        plan.add_dependency('B', 'G', SS, 3)
        plan.add_dependency('A', 'H', SS, 5)
        self.assertAffError(E.INVALID_TRANSITION, plan.list_coactivities)
        plan.schedule()
        self.assertEqual(early(plan.lookup_task('B')), ((2027, 6, 10), (2027, 6, 15)))
        self.assertEqual(early(plan.lookup_task('G')), ((2027, 6, 15), (2027, 6, 15)))
        self.assertEqual(early(plan.lookup_task('H')), ((2027, 6, 14), (2027, 6, 15)))
        self.assertEqual([(c.get_zone(), ymd(c.get_from()), ymd(c.get_to()), c.get_first_task_id(),
                           c.get_second_task_id()) for c in plan.list_coactivities()], [
            (s, (2027, 6, 7), (2027, 6, 7), 'A', 'F'),
            (s, (2027, 6, 10), (2027, 6, 11), 'A', 'B'),
            (s, (2027, 6, 14), (2027, 6, 15), 'B', 'H'),
            (s, (2027, 6, 15), (2027, 6, 15), 'G', 'H'),
        ])


# ---- purchases, RACI, work packages ----------------------------------------------------------------

class PurchaseAndRaciTest(afftest.AffTestCase):
    """Start Mon 7 Jun 2027, in this order:
        PUR2    purchase from "Inox Services", 5 days + 2 of hazard delay =
                7: Mon 7 - Tue 15 Jun
        ENG     task, 15 days: Mon 7 - Fri 25 Jun
        PUR1    purchase from "Pompes Durand", 10 days: Mon 7 - Fri 18 Jun
        INSTALL intervention, 3 days FS ENG, PUR1, PUR2: Mon 28 - Wed 30 Jun
        Y       task, 10 days no earlier than Tue 8 Jun: Tue 8 - Mon 21 Jun
                (FS to INSTALL), placed before ENG
    Plan finish Wed 30 Jun; ENG and INSTALL critical. Y: late finish Fri
    25, late start Mon 14 (as PUR1's), early start Tue 8.
    PUR1 must be delivered by the day before INSTALL's late start (Mon 28):
    late finish Fri 25; 10 days back: late start Mon 14 (14-18, 21-25).
    PUR2, 7 days to Fri 25: late start Thu 17 (17, 18, 21-25).
    """

    def build(self):
        plan = new_plan(D(2027, 6, 7))
        pur2 = add(plan, 'PUR2', 5, Kind.PURCHASE, Party.SUPPLIER, 'Inox Services')
        pur2.set_hazard_delay(2)
        y = add(plan, 'Y', 10)
        y.set_start_no_earlier_than(D(2027, 6, 8))
        add(plan, 'ENG', 15)
        add(plan, 'PUR1', 10, Kind.PURCHASE, Party.SUPPLIER, 'Pompes Durand')
        add(plan, 'INSTALL', 3, Kind.INTERVENTION)
        for pred in ('ENG', 'PUR1', 'PUR2', 'Y'):
            plan.add_dependency(pred, 'INSTALL', FS, 0)
        return plan

    def test_purchases(self):
        plan = self.build()
        self.assertAffError(E.INVALID_TRANSITION, plan.list_purchases)
        plan.schedule()
        self.assertEqual(early(plan.lookup_task('PUR2')), ((2027, 6, 7), (2027, 6, 15)))
        self.assertEqual(early(plan.lookup_task('INSTALL')), ((2027, 6, 28), (2027, 6, 30)))

        def purchases():
            return [(x.get_task_id(), x.get_supplier(), x.get_lead_time_days(), ymd(x.get_earliest_order()),
                     ymd(x.get_order_by()), ymd(x.get_needed_by()), x.is_ordered()) for x in plan.list_purchases()]
        # by order-by date: PUR1 (Mon 14) before PUR2 (Thu 17); order by =
        # late start, needed by = late finish, lead time = duration + hazard
        # delay
        self.assertEqual(purchases(), [
            ('PUR1', 'Pompes Durand', 10, (2027, 6, 7), (2027, 6, 14), (2027, 6, 25), False),
            ('PUR2', 'Inox Services', 7, (2027, 6, 7), (2027, 6, 17), (2027, 6, 25), False),
        ])
        # PUR1 ordered (started) Mon 7 Jun: the same dates, ordered
        plan.start_task('PUR1', D(2027, 6, 7))
        self.assertAffError(E.INVALID_TRANSITION, plan.list_purchases)
        plan.schedule()
        self.assertEqual(purchases()[0],
                         ('PUR1', 'Pompes Durand', 10, (2027, 6, 7), (2027, 6, 14), (2027, 6, 25), True))

    def test_raci(self):
        plan = self.build()
        eng, pur1, pur2, install = (plan.lookup_task(t) for t in ('ENG', 'PUR1', 'PUR2', 'INSTALL'))
        eng.set_raci('Claire Martin', Role.INFORMED)
        eng.set_raci('Bruno Petit', Role.ACCOUNTABLE)
        pur1.set_raci('Bruno Petit', Role.ACCOUNTABLE)
        pur1.set_raci('Claire Martin', Role.CONSULTED)
        # one accountable per task: Anne takes it from Bruno
        pur1.set_raci('Anne Roux', Role.ACCOUNTABLE)
        self.assertEqual(pur1.get_raci('Bruno Petit'), Role.NONE)
        self.assertEqual(pur1.get_raci('Anne Roux'), Role.ACCOUNTABLE)
        self.assertEqual(sorted(pur1.list_raci()), ['Anne Roux', 'Claire Martin'])
        pur2.set_raci('Claire Martin', Role.RESPONSIBLE)
        pur2.set_raci('Denis Keller', Role.INFORMED)
        pur2.set_raci('Denis Keller', Role.NONE)          # removed
        install.set_raci('Claire Martin', Role.ACCOUNTABLE)
        install.set_raci('Bruno Petit', Role.RESPONSIBLE)
        plan.lookup_task('Y').set_raci('Claire Martin', Role.INFORMED)
        self.assertEqual(install.get_raci('Nobody'), Role.NONE)
        # the people, in alphabetical order (Denis is gone)
        self.assertEqual(list(plan.list_people()), ['Anne Roux', 'Bruno Petit', 'Claire Martin'])
        self.assertAffError(E.INVALID_TRANSITION, plan.list_raci, 'Claire Martin')
        plan.schedule()
        # Claire's tasks: the critical ones first (ENG late start Mon 7,
        # INSTALL Mon 28), then by late start PUR1 and Y (Mon 14; PUR1
        # starting earlier, Mon 7 against Tue 8), PUR2 (Thu 17), although the
        # plan's order is PUR2, Y, ENG, PUR1, INSTALL
        self.assertEqual([(i.get_task_id(), i.get_role(), ymd(i.get_start()), ymd(i.get_late_start()),
                           i.is_critical()) for i in plan.list_raci('Claire Martin')], [
            ('ENG', Role.INFORMED, (2027, 6, 7), (2027, 6, 7), True),
            ('INSTALL', Role.ACCOUNTABLE, (2027, 6, 28), (2027, 6, 28), True),
            ('PUR1', Role.CONSULTED, (2027, 6, 7), (2027, 6, 14), False),
            ('Y', Role.INFORMED, (2027, 6, 8), (2027, 6, 14), False),
            ('PUR2', Role.RESPONSIBLE, (2027, 6, 7), (2027, 6, 17), False),
        ])
        self.assertEqual([(i.get_task_id(), i.get_role()) for i in plan.list_raci('Bruno Petit')],
                         [('ENG', Role.ACCOUNTABLE), ('INSTALL', Role.RESPONSIBLE)])
        self.assertEqual(list(plan.list_raci('Nobody')), [])


class WorkPackageTest(afftest.AffTestCase):
    def test_work_packages(self):
        # in this order: PREP (internal), PUR (supplier), SUB2 and SUB
        # (subcontractor "Bobinage de l’Est"), PAINT (subcontractor "Peinture
        # Martin"), INT (internal), TEST (inspection body)
        plan = new_plan(D(2027, 6, 7))
        bob = 'Bobinage de l’Est'
        add(plan, 'PREP', 2)
        add(plan, 'PUR', 5, Kind.PURCHASE, Party.SUPPLIER, 'Pompes Durand')
        add(plan, 'SUB2', 3, Kind.SUBCONTRACT, Party.SUBCONTRACTOR, bob)
        add(plan, 'SUB', 5, Kind.SUBCONTRACT, Party.SUBCONTRACTOR, bob)
        add(plan, 'PAINT', 2, Kind.SUBCONTRACT, Party.SUBCONTRACTOR, 'Peinture Martin')
        add(plan, 'INT', 3, Kind.INTERVENTION)
        add(plan, 'TEST', 1, Kind.INSPECTION, Party.INSPECTION_BODY, 'Apave')
        for pred, succ in (('PREP', 'SUB'), ('PUR', 'SUB'), ('SUB2', 'SUB'), ('SUB', 'INT'), ('SUB', 'PAINT'),
                           ('PAINT', 'INT'), ('SUB2', 'TEST')):
            plan.add_dependency(pred, succ, FS, 0)
        # no schedule needed; the packages in the plan's order; inputs and
        # outputs are the tasks of other parties, in the order of the links:
        #   SUB2: no input; SUB2 -> SUB is the same subcontractor, SUB2 ->
        #         TEST an output
        #   SUB: PREP and PUR in (SUB2 is its own company); INT and PAINT out
        #         (PAINT is another subcontractor)
        #   PAINT: SUB in, INT out
        self.assertEqual([(w.get_task_id(), w.get_subcontractor(), list(w.get_inputs()), list(w.get_outputs()))
                          for w in plan.list_work_packages()], [
            ('SUB2', bob, [], ['TEST']),
            ('SUB', bob, ['PREP', 'PUR'], ['INT', 'PAINT']),
            ('PAINT', 'Peinture Martin', ['SUB'], ['INT']),
        ])


# ---- the journal of part 2 -------------------------------------------------------------------------

PART2_ACTIONS = ('resource-added', 'resource-changed', 'resource-calendar-set', 'resource-cost-rate-set',
                 'resource-skills-set', 'resource-assigned', 'resource-unassigned', 'plan-contract-end-set',
                 'hazard-applied', 'task-raci-set', 'task-started', 'task-finished',
                 'prevention-inspection-recorded', 'prevention-interference-added', 'prevention-signed')


class JournalTest(afftest.AffTestCase):
    """The affair AFF-J signed Mon 1 Mar 2027, lead time 10 working days:
    contract end w10 = Mon 15 Mar. Its plan:
        A intervention in zone "Z", 3 days: Mon 1 - Wed 3 Mar
        B task, 3 days: Mon 1 - Wed 3 Mar
        C milestone FS A: end of Wed 3 Mar
    The technician works 8 h a day (480 min) on A and 12 h in all on B (240
    a day): 720 > 480 Mon 1 - Wed 3. Levelling: A and B both start Mon 1
    with a float of 0 (both end the plan): A first in the plan's order;
    B waits until A is over, 3 working days: Thu 4, Fri 5, Mon 8 Mar.
    """

    def test_every_action(self):
        p = new_portfolio()
        affair = accepted_affair(p, 'AFF-J', 'CONS-1', D(2027, 3, 1), lead_time_days=10)
        plan = affair.get_plan()
        self.assertEqual(ymd(plan.get_contract_end()), (2027, 3, 15))
        add(plan, 'A', 3, Kind.INTERVENTION, zone='Z')
        add(plan, 'B', 3)
        add(plan, 'C', 0)
        plan.add_dependency('A', 'C', FS, 0)
        n = len(entries(p, 'AFF-J'))

        tech = Aff.Resource.new('tech', 'Technicien', RKind.PERSON)
        plan.add_resource(tech)
        tech.set_name('Technicien confirmé')
        tech.set_capacity_hours(8)
        tech.set_cost_rate(Aff.Money.parse('55.00 EUR'))
        tech.set_skills(['soudage', 'CACES R486'])
        cal = plan.get_calendar().copy()
        cal.add_exception(D(2027, 3, 19), D(2027, 3, 19), False, 'Formation')
        tech.set_calendar(cal)
        plan.assign('A', 'tech', 8)
        plan.assign_total('B', 'tech', 12)
        plan.assign('C', 'tech', 1)
        plan.unassign('C', 'tech')
        plan.schedule()
        moved = plan.level_resources()
        self.assertEqual(slips(moved),
                         [('B', False, (2027, 3, 1), (2027, 3, 3), (2027, 3, 4), (2027, 3, 8), 3, 3)])
        plan.set_contract_end(D(2027, 3, 19))
        h = Aff.Hazard.new('H1', D(2027, 3, 2), Cause.CLIENT, 'Accès refusé')
        h.set_task_ids(['A'])
        h.set_delay_days(1)
        plan.apply_hazard(h)
        plan.lookup_task('A').set_raci('Claire Martin', Role.ACCOUNTABLE)
        pp = plan.get_prevention_plan()
        pp.record_joint_inspection(D(2027, 3, 1), ['J. Martin (Chimie de l’Est)'])
        pp.add_interference('Z', 'Chute d’objets', 'Balisage')
        pp.sign('J. Martin', CLIENT_NAME, Party.CLIENT, D(2027, 3, 1))
        # 0 h and no dangerous work: no written plan required, A starts
        plan.start_task('A', D(2027, 3, 1))
        plan.finish_task('A', D(2027, 3, 4))

        new = entries(p, 'AFF-J')[n:]
        for e in new:
            self.assertEqual((e.get_entity_kind(), e.get_entity_id(), e.get_actor()),
                             ('affair', 'AFF-J', 'Claire Martin'))
        got = [(e.get_action(), e.dup_detail('property')) for e in new
               if e.get_action() in PART2_ACTIONS or e.get_action() == 'task-changed']
        self.assertEqual(got, [
            ('resource-added', None),
            ('resource-changed', 'name'),
            ('resource-changed', 'capacity-minutes'),
            ('resource-cost-rate-set', None),
            ('resource-skills-set', None),
            ('resource-calendar-set', None),
            ('resource-assigned', None),
            ('resource-assigned', None),
            ('resource-assigned', None),
            ('resource-unassigned', None),
            ('task-changed', 'levelling-delay'),
            ('plan-contract-end-set', None),
            ('task-changed', 'hazard-delay'),
            ('hazard-applied', None),
            ('task-raci-set', None),
            ('prevention-inspection-recorded', None),
            ('prevention-interference-added', None),
            ('prevention-signed', None),
            ('task-changed', 'actual-start'),
            ('task-started', None),
            ('task-changed', 'actual-finish'),
            ('task-changed', 'progress'),
            ('task-finished', None),
        ])
        by = {}
        for e in new:
            by.setdefault(e.get_action(), []).append(e)
        added = by['resource-added'][0]
        self.assertEqual(added.dup_detail('resource'), 'tech')
        self.assertEqual(json.loads(added.dup_detail('value'))['capacity_minutes'], 420)
        self.assertEqual([(e.dup_detail('resource'), e.dup_detail('value')) for e in by['resource-changed']],
                         [('tech', 'Technicien confirmé'), ('tech', '480')])
        self.assertEqual(by['resource-cost-rate-set'][0].dup_detail('cost_rate'), '55.00 EUR')
        self.assertEqual(json.loads(by['resource-skills-set'][0].dup_detail('skills')), ['soudage', 'CACES R486'])
        self.assertEqual(by['resource-calendar-set'][0].dup_detail('resource'), 'tech')
        # 8 h a day = 480 min; 12 h in all = 720 min; 1 h a day = 60
        self.assertEqual([(e.dup_detail('task'), e.dup_detail('resource'), e.dup_detail('minutes_per_day'),
                           e.dup_detail('total_minutes')) for e in by['resource-assigned']],
                         [('A', 'tech', '480', None), ('B', 'tech', None, '720'), ('C', 'tech', '60', None)])
        self.assertEqual([(e.dup_detail('task'), e.dup_detail('resource')) for e in by['resource-unassigned']],
                         [('C', 'tech')])
        self.assertEqual([(e.dup_detail('task'), e.dup_detail('property'), e.dup_detail('value'))
                          for e in by['task-changed']][:2],
                         [('B', 'levelling-delay', '3'), ('A', 'hazard-delay', '1')])
        self.assertEqual(by['plan-contract-end-set'][0].dup_detail('contract_end'), '2027-03-19')
        # A 4 days now, Mon 1 - Thu 4; the plan's end was B's Mon 8 and
        # stays so: A, C move by 1, the plan's finish does not
        hz = by['hazard-applied'][0]
        self.assertEqual((hz.dup_detail('hazard'), hz.dup_detail('cause'), json.loads(hz.dup_detail('moved')),
                          hz.dup_detail('finish_before'), hz.dup_detail('finish_after'),
                          hz.dup_detail('contract_end_holds')),
                         ('H1', 'client', ['A', 'C'], '2027-03-08', '2027-03-08', 'true'))
        raci = by['task-raci-set'][0]
        self.assertEqual((raci.dup_detail('task'), raci.dup_detail('person'), raci.dup_detail('role')),
                         ('A', 'Claire Martin', 'accountable'))
        self.assertEqual(by['prevention-inspection-recorded'][0].dup_detail('date'), '2027-03-01')
        self.assertEqual(by['prevention-interference-added'][0].dup_detail('description'), 'Chute d’objets')
        self.assertEqual(by['prevention-signed'][0].dup_detail('organisation'), CLIENT_NAME)
        self.assertEqual([(e.dup_detail('task'), e.dup_detail('date')) for e in by['task-started']],
                         [('A', '2027-03-01')])
        self.assertEqual([(e.dup_detail('task'), e.dup_detail('date')) for e in by['task-finished']],
                         [('A', '2027-03-04')])
        self.assertTrue(p.get_journal().verify())


# ---- the document -------------------------------------------------------------------------------

class RoundTripTest(afftest.AffTestCase):
    def build(self):
        p = new_portfolio(('CONS-1', 'CONS-2'))
        affair, plan, rigger = hazard_affair(p)
        rigger.set_cost_rate(Aff.Money.parse('48.50 EUR'))
        rigger.set_skills(['CACES R483', 'élingage'])
        crane = Aff.Resource.new('crane', 'Grue mobile 50 t', RKind.EQUIPMENT)
        crane.set_capacity_minutes(600)
        plan.add_resource(crane)
        plan.assign_total('SITE', 'crane', 31.5)
        plan.schedule()
        plan.apply_hazard(weather_hazard())
        plan.apply_hazard(absence_hazard())
        eng = plan.lookup_task('ENG')
        eng.set_raci('Claire Martin', Role.ACCOUNTABLE)
        eng.set_raci('Bruno Petit', Role.RESPONSIBLE)
        plan.lookup_task('SITE').set_raci('Levage Express', Role.CONSULTED)
        plan.lookup_task('DOC').set_levelling_delay(2)
        pp = plan.get_prevention_plan()
        pp.record_joint_inspection(D(2027, 3, 26), ['J. Martin (Chimie de l’Est)', 'P. Weber (Levage Express)'])
        pp.add_interference('Unité 2', 'Levage au-dessus des voies', 'Balisage, chef de manœuvre')
        pp.sign('J. Martin', CLIENT_NAME, Party.CLIENT, D(2027, 3, 26))
        pp.sign('C. Martin', 'Affaires SA', Party.INTERNAL, D(2027, 3, 29))
        # a second affair with a resource of the same id
        other = accepted_affair(p, 'AFF-2', 'CONS-2', D(2027, 4, 12)).get_plan()
        add(other, 'X', 2, Kind.INTERVENTION)
        resource(other, 'rigger')
        other.assign('X', 'rigger', 3)
        return p, plan

    def test_round_trip(self):
        p, plan = self.build()
        text = to_text(p)
        doc = json.loads(text)
        saved = doc['affairs'][0]['plan']
        self.assertEqual(saved['contract_end'], '2027-04-27')
        self.assertEqual([(r['id'], r['kind'], r['capacity_minutes'], r.get('cost_rate'), r.get('skills'),
                           'calendar' in r) for r in saved['resources']],
                         [('rigger', 'person', 420, '48.50 EUR', ['CACES R483', 'élingage'], True),
                          ('crane', 'equipment', 600, None, None, False)])
        # 31.5 h = 1890 min
        self.assertEqual(saved['assignments'], [
            {'task': 'SITE', 'resource': 'rigger', 'minutes_per_day': 420},
            {'task': 'TEST', 'resource': 'rigger', 'minutes_per_day': 420},
            {'task': 'DOC', 'resource': 'rigger', 'minutes_per_day': 120},
            {'task': 'SITE', 'resource': 'crane', 'total_minutes': 1890},
        ])
        self.assertEqual(saved['hazards'], [
            {'id': 'H1', 'date': '2027-03-17', 'cause': 'weather', 'description': 'Tempête', 'task_ids': ['FAB'],
             'delay_days': 3},
            {'id': 'H2', 'date': '2027-04-14', 'cause': 'internal',
             'description': 'Arrêt maladie du chef de levage', 'resource': 'rigger',
             'unavailable_from': '2027-04-15', 'unavailable_to': '2027-04-20'},
        ])
        tasks = {t['id']: t for t in saved['tasks']}
        self.assertEqual([(tid, tasks[tid].get('hazard_delay'), tasks[tid].get('levelling_delay'))
                          for tid in ('ENG', 'DOC', 'FAB', 'SITE', 'TEST')],
                         [('ENG', None, None), ('DOC', None, 2), ('FAB', 3, None), ('SITE', 1, None),
                          ('TEST', 3, None)])
        self.assertEqual((tasks['TEST']['regulatory_basis'], tasks['TEST']['report_days'],
                          tasks['TEST']['report_received'], tasks['TEST']['required_for']),
                         ('Arrêté du 1er mars 2004', 3, '2027-04-26', 'REC'))
        self.assertEqual(tasks['ENG']['raci'], [{'person': 'Claire Martin', 'role': 'accountable'},
                                                {'person': 'Bruno Petit', 'role': 'responsible'}])
        prevention = saved['prevention_plan']
        self.assertEqual(prevention['joint_inspection'], '2027-03-26')
        self.assertEqual(len(prevention['interferences']), 1)
        self.assertEqual([(s['organisation'], s['party'], s['date']) for s in prevention['signatures']],
                         [(CLIENT_NAME, 'client', '2027-03-26'), ('Affaires SA', 'internal', '2027-03-29')])

        q = Aff.Portfolio.new_from_data(text, -1)
        self.assertEqual(to_text(q), text)
        self.assertTrue(q.get_journal().verify())
        self.assertEqual(q.get_journal().get_head_hash(), p.get_journal().get_head_hash())
        loaded = q.lookup_affair('AFF-H').get_plan()
        self.assertEqual(ymd(loaded.get_contract_end()), (2027, 4, 27))
        # resources, whole
        self.assertEqual(model_ids(loaded.get_resources()), ['rigger', 'crane'])
        rigger = loaded.lookup_resource('rigger')
        self.assertEqual((rigger.get_name(), rigger.get_kind(), rigger.get_capacity_minutes(),
                          rigger.get_cost_rate().to_string(), list(rigger.get_skills())),
                         ('Chef de levage', RKind.PERSON, 420, '48.50 EUR', ['CACES R483', 'élingage']))
        self.assertFalse(rigger.get_calendar().is_working_day(D(2027, 4, 15)))
        self.assertEqual(rigger.get_calendar().get_day_name(D(2027, 4, 20)), 'Arrêt maladie du chef de levage')
        self.assertTrue(rigger.get_calendar().is_working_day(D(2027, 4, 21)))
        crane = loaded.lookup_resource('crane')
        self.assertEqual((crane.get_kind(), crane.get_capacity_minutes(), crane.get_calendar()),
                         (RKind.EQUIPMENT, 600, None))
        self.assertEqual([(a.get_task_id(), a.get_resource_id(), a.get_minutes_per_day(), a.get_total_minutes())
                          for a in loaded.get_assignments()],
                         [('SITE', 'rigger', 420, 0), ('TEST', 'rigger', 420, 0), ('DOC', 'rigger', 120, 0),
                          ('SITE', 'crane', 0, 1890)])
        # hazards, applied records
        hazards = [loaded.get_hazards().get_item(i) for i in range(loaded.get_hazards().get_n_items())]
        self.assertEqual([(h.get_id(), ymd(h.get_date()), h.get_cause(), h.get_description(),
                           list(h.get_task_ids() or []), h.get_delay_days(), h.get_resource_id(), h.is_applied())
                          for h in hazards],
                         [('H1', (2027, 3, 17), Cause.WEATHER, 'Tempête', ['FAB'], 3, None, True),
                          ('H2', (2027, 4, 14), Cause.INTERNAL, 'Arrêt maladie du chef de levage', [], 0,
                           'rigger', True)])
        self.assertAffError(E.INVALID_TRANSITION, loaded.apply_hazard, hazards[0])
        # the task fields
        test = loaded.lookup_task('TEST')
        self.assertEqual((test.get_hazard_delay(), test.get_regulatory_basis(), test.get_report_days(),
                          ymd(test.get_report_received()), test.get_required_for()),
                         (3, 'Arrêté du 1er mars 2004', 3, (2027, 4, 26), 'REC'))
        self.assertEqual((loaded.lookup_task('FAB').get_hazard_delay(), loaded.lookup_task('SITE').get_hazard_delay(),
                          loaded.lookup_task('DOC').get_levelling_delay()), (3, 1, 2))
        eng = loaded.lookup_task('ENG')
        self.assertEqual(sorted(eng.list_raci()), ['Bruno Petit', 'Claire Martin'])
        self.assertEqual((eng.get_raci('Claire Martin'), eng.get_raci('Bruno Petit')),
                         (Role.ACCOUNTABLE, Role.RESPONSIBLE))
        self.assertEqual(list(loaded.list_people()), ['Bruno Petit', 'Claire Martin', 'Levage Express'])
        # the prevention plan
        pp = loaded.get_prevention_plan()
        self.assertEqual(ymd(pp.get_joint_inspection()), (2027, 3, 26))
        self.assertEqual(list(pp.get_participants()), ['J. Martin (Chimie de l’Est)', 'P. Weber (Levage Express)'])
        self.assertEqual([(x.get_zone(), x.get_description(), x.get_measures()) for x in pp.get_interferences()],
                         [('Unité 2', 'Levage au-dessus des voies', 'Balisage, chef de manœuvre')])
        self.assertTrue(pp.is_signed())
        self.assertFalse(pp.is_signed_by('Levage Express'))
        self.assertAffError(E.FROZEN, pp.add_interference, None, 'Bruit', 'Casques')
        # scheduled again, the same dates as before saving: REC Wed 28 Apr,
        # 1 day past its deadline; DOC 2 days later, Wed 3 - Fri 5 Mar
        loaded.schedule()
        plan.schedule()
        for t in plan:
            self.assertEqual(early(loaded.lookup_task(t.get_id())), early(t), t.get_id())
        self.assertEqual(ymd(loaded.get_finish()), (2027, 4, 28))
        self.assertEqual(early(loaded.lookup_task('DOC')), ((2027, 3, 3), (2027, 3, 5)))
        self.assertEqual([(v.get_task_id(), v.get_days_missed()) for v in loaded.get_violations()], [('REC', 1)])
        # the loaded plan goes on, journaled under its affair
        h3 = Aff.Hazard.new('H3', D(2027, 4, 21), Cause.SUPPLIER, 'Élingues non conformes')
        h3.set_task_ids(['TEST'])
        h3.set_delay_days(1)
        loaded.apply_hazard(h3)
        self.assertEqual(entries(q, 'AFF-H')[-1].get_action(), 'hazard-applied')
        self.assertTrue(q.get_journal().verify())


if __name__ == '__main__':
    unittest.main()
