#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The planning module from Python: Aff.Calendar, Aff.Task, Aff.Plan.

Every expected date is worked out by hand from the calendar and the
conventions of the planning module (whole working days; a task of d days
starts on a working day and finishes on its d-th working day; a
finish-to-start successor starts on the next working day; a milestone sits
at the end of the day its predecessors finish, or on the plan's first day
when it has none). The reasoning is in a comment beside each expectation.

The French public holidays are: 1 Jan, Easter Monday, 1 May, 8 May,
Ascension (Easter + 39 days), Whit Monday (Easter + 50), 14 Jul, 15 Aug,
1 Nov, 11 Nov, 25 Dec; Alsace-Moselle adds Good Friday (Easter - 2) and
26 Dec. Easter Sundays: 2024-03-31, 2025-04-20, 2026-04-05, 2027-03-28,
2028-04-16.

Calendar of the weeks used most (2026):
    Mar 2026: Mon 2 .. Fri 6, Mon 9 .. Fri 13, Mon 16 .. Fri 20 (no holiday)
    Apr 2026: Fri 3 (Good Friday), Sun 5 Easter, Mon 6 Easter Monday
    May 2026: Fri 1, Fri 8, Thu 14 (Ascension), Mon 25 (Whit Monday)
"""

import json
import re
import unittest

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib, Gio  # noqa: E402
import afftest  # noqa: E402
from afftest import D, ymd, to_text  # noqa: E402

E = Aff.Error
FS = Aff.DependencyType.FINISH_START
SS = Aff.DependencyType.START_START
FF = Aff.DependencyType.FINISH_FINISH
SF = Aff.DependencyType.START_FINISH
Kind = Aff.TaskKind
W = GLib.DateWeekday


def french(alsace_moselle=False):
    return Aff.Calendar.new_french(alsace_moselle)


def new_plan(start, calendar=None):
    plan = Aff.Plan.new()
    plan.set_start(start)
    if calendar is not None:
        plan.set_calendar(calendar)
    return plan


def add(plan, tid, days, name=None):
    task = Aff.Task.new(tid, name or 'Task ' + tid, days)
    plan.add_task(task)
    return task


def early(task):
    """(early start, early finish) as (y, m, d) tuples."""
    return (ymd(task.get_early_start()), ymd(task.get_early_finish()))


def late(task):
    """(late start, late finish) as (y, m, d) tuples."""
    return (ymd(task.get_late_start()), ymd(task.get_late_finish()))


def ids(tasks):
    return [t.get_id() for t in tasks]


def deps(plan):
    return [(d.get_predecessor_id(), d.get_successor_id(), d.get_dependency_type(), d.get_lag())
            for d in plan.get_dependencies()]


def dates(list_of_dates):
    return [ymd(d) for d in list_of_dates]


# ---- Calendar ---------------------------------------------------------------

# The official lists, from Easter: Easter Monday = Easter + 1, Ascension =
# Easter + 39, Whit Monday = Easter + 50.
FRENCH_HOLIDAYS = {
    # Easter 31 Mar 2024: Mon 1 Apr; 31 Mar + 39 = 9 May (Apr 30 is +30);
    # + 50 = 20 May.
    2024: [(2024, 1, 1), (2024, 4, 1), (2024, 5, 1), (2024, 5, 8), (2024, 5, 9), (2024, 5, 20),
           (2024, 7, 14), (2024, 8, 15), (2024, 11, 1), (2024, 11, 11), (2024, 12, 25)],
    # Easter 20 Apr 2025: Mon 21 Apr; 20 Apr + 39 = 29 May (Apr 30 is +10);
    # + 50 = 9 Jun (May 31 is +41).
    2025: [(2025, 1, 1), (2025, 4, 21), (2025, 5, 1), (2025, 5, 8), (2025, 5, 29), (2025, 6, 9),
           (2025, 7, 14), (2025, 8, 15), (2025, 11, 1), (2025, 11, 11), (2025, 12, 25)],
    # Easter 5 Apr 2026: Mon 6 Apr; 5 Apr + 39 = 14 May (Apr 30 is +25);
    # + 50 = 25 May.
    2026: [(2026, 1, 1), (2026, 4, 6), (2026, 5, 1), (2026, 5, 8), (2026, 5, 14), (2026, 5, 25),
           (2026, 7, 14), (2026, 8, 15), (2026, 11, 1), (2026, 11, 11), (2026, 12, 25)],
    # Easter 28 Mar 2027: Mon 29 Mar; 28 Mar + 39 = 6 May (Apr 30 is +33),
    # before 8 May; + 50 = 17 May.
    2027: [(2027, 1, 1), (2027, 3, 29), (2027, 5, 1), (2027, 5, 6), (2027, 5, 8), (2027, 5, 17),
           (2027, 7, 14), (2027, 8, 15), (2027, 11, 1), (2027, 11, 11), (2027, 12, 25)],
    # Easter 16 Apr 2028: Mon 17 Apr; 16 Apr + 39 = 25 May (Apr 30 is +14);
    # + 50 = 5 Jun (May 31 is +45).
    2028: [(2028, 1, 1), (2028, 4, 17), (2028, 5, 1), (2028, 5, 8), (2028, 5, 25), (2028, 6, 5),
           (2028, 7, 14), (2028, 8, 15), (2028, 11, 1), (2028, 11, 11), (2028, 12, 25)],
}

# Good Friday = Easter - 2.
GOOD_FRIDAYS = {2024: (2024, 3, 29), 2025: (2025, 4, 18), 2026: (2026, 4, 3),
                2027: (2027, 3, 26), 2028: (2028, 4, 14)}


class HolidaysTest(afftest.AffTestCase):
    def test_french_holidays(self):
        cal = french()
        self.assertTrue(cal.get_french())
        self.assertFalse(cal.get_alsace_moselle())
        for year, expected in FRENCH_HOLIDAYS.items():
            with self.subTest(year=year):
                self.assertEqual(dates(cal.list_holidays(year)), expected)
                names = []
                for y, m, d in expected:
                    # a holiday is never worked, whatever its weekday
                    self.assertFalse(cal.is_working_day(D(y, m, d)), (y, m, d))
                    name = cal.get_day_name(D(y, m, d))
                    self.assertTrue(name, (y, m, d))
                    names.append(name)
                # eleven different days, eleven different names
                self.assertEqual(len(set(names)), 11)
                # Good Friday and 26 Dec are not French holidays outside
                # Alsace-Moselle
                self.assertIsNone(cal.get_day_name(D(*GOOD_FRIDAYS[year])))
                self.assertIsNone(cal.get_day_name(D(year, 12, 26)))

    def test_weekdays_of_2026(self):
        cal = french()
        # Thu 1 Jan, Mon 6 Apr, Fri 1 May, Fri 8 May, Thu 14 May, Mon 25 May,
        # Tue 14 Jul, Wed 11 Nov, Fri 25 Dec fall on weekdays
        for y, m, d in [(2026, 1, 1), (2026, 4, 6), (2026, 5, 1), (2026, 5, 8), (2026, 5, 14),
                        (2026, 5, 25), (2026, 7, 14), (2026, 11, 11), (2026, 12, 25)]:
            self.assertFalse(cal.is_working_day(D(y, m, d)))
        # the days around them are worked: Fri 2 Jan, Tue 7 Apr, Thu 7 May,
        # Fri 15 May, Tue 26 May, Mon 13 Jul, Thu 24 Dec
        for y, m, d in [(2026, 1, 2), (2026, 4, 7), (2026, 5, 7), (2026, 5, 15), (2026, 5, 26),
                        (2026, 7, 13), (2026, 12, 24)]:
            self.assertTrue(cal.is_working_day(D(y, m, d)))
            self.assertIsNone(cal.get_day_name(D(y, m, d)))
        # Sat 15 Aug and Sun 1 Nov are holidays on a weekend: listed, named,
        # not worked
        for y, m, d in [(2026, 8, 15), (2026, 11, 1)]:
            self.assertFalse(cal.is_working_day(D(y, m, d)))
            self.assertTrue(cal.get_day_name(D(y, m, d)))
        # an ordinary Saturday: not worked, not named
        self.assertFalse(cal.is_working_day(D(2026, 3, 7)))
        self.assertIsNone(cal.get_day_name(D(2026, 3, 7)))

    def test_alsace_moselle(self):
        cal = french(True)
        self.assertTrue(cal.get_french())
        self.assertTrue(cal.get_alsace_moselle())
        for year, expected in FRENCH_HOLIDAYS.items():
            with self.subTest(year=year):
                # the French eleven plus Good Friday and 26 Dec, in date order
                full = sorted(expected + [GOOD_FRIDAYS[year], (year, 12, 26)])
                self.assertEqual(dates(cal.list_holidays(year)), full)
                self.assertEqual(len(full), 13)
                self.assertFalse(cal.is_working_day(D(*GOOD_FRIDAYS[year])))
                self.assertTrue(cal.get_day_name(D(*GOOD_FRIDAYS[year])))
                self.assertTrue(cal.get_day_name(D(year, 12, 26)))
        plain = french()
        # Fri 3 Apr 2026 is Good Friday: worked in France, not in Alsace
        self.assertTrue(plain.is_working_day(D(2026, 4, 3)))
        self.assertFalse(cal.is_working_day(D(2026, 4, 3)))
        # Fri 26 Dec 2025: worked in France, not in Alsace
        self.assertTrue(plain.is_working_day(D(2025, 12, 26)))
        self.assertFalse(cal.is_working_day(D(2025, 12, 26)))
        # from Thu 2 Apr 2026, one working day later: Fri 3 in France; in
        # Alsace Fri 3 (Good Friday), the weekend and Mon 6 (Easter Monday)
        # are off, so Tue 7
        self.assertEqual(ymd(plain.add_working_days(D(2026, 4, 2), 1)), (2026, 4, 3))
        self.assertEqual(ymd(cal.add_working_days(D(2026, 4, 2), 1)), (2026, 4, 7))
        # Wed 24 Dec 2025 + 1: Thu 25 is Christmas, so Fri 26 in France; in
        # Alsace Fri 26 is off too, then the weekend: Mon 29
        self.assertEqual(ymd(plain.add_working_days(D(2025, 12, 24), 1)), (2025, 12, 26))
        self.assertEqual(ymd(cal.add_working_days(D(2025, 12, 24), 1)), (2025, 12, 29))
        # Mon 30 Mar .. Fri 10 Apr 2026: 10 weekdays less Easter Monday = 9;
        # less Good Friday too in Alsace = 8
        self.assertEqual(plain.count_working_days(D(2026, 3, 30), D(2026, 4, 10)), 9)
        self.assertEqual(cal.count_working_days(D(2026, 3, 30), D(2026, 4, 10)), 8)

    def test_plain_calendar(self):
        cal = Aff.Calendar.new()
        self.assertFalse(cal.get_french())
        self.assertFalse(cal.get_alsace_moselle())
        self.assertEqual(dates(cal.list_holidays(2026)), [])
        # no holidays: Easter Monday 2026 is an ordinary Monday
        self.assertTrue(cal.is_working_day(D(2026, 4, 6)))
        self.assertIsNone(cal.get_day_name(D(2026, 4, 6)))
        for day in (W.MONDAY, W.TUESDAY, W.WEDNESDAY, W.THURSDAY, W.FRIDAY):
            self.assertTrue(cal.get_working_weekday(day))
        for day in (W.SATURDAY, W.SUNDAY):
            self.assertFalse(cal.get_working_weekday(day))
        # 2026 starts on a Thursday and has 365 days: 52 weeks and one more
        # Thursday, so 52 x 5 + 1 = 261 weekdays
        self.assertEqual(cal.count_working_days(D(2026, 1, 1), D(2026, 12, 31)), 261)


class WorkingDaysTest(afftest.AffTestCase):
    def test_add_forward(self):
        cal = french()
        # Fri 10 Apr 2026 + 1: Sat 11, Sun 12 off, so Mon 13
        self.assertEqual(ymd(cal.add_working_days(D(2026, 4, 10), 1)), (2026, 4, 13))
        # Fri 10 Apr + 5: Mon 13, Tue 14, Wed 15, Thu 16, Fri 17
        self.assertEqual(ymd(cal.add_working_days(D(2026, 4, 10), 5)), (2026, 4, 17))
        # Fri 3 Apr + 1: Sat 4, Sun 5 (Easter), Mon 6 (Easter Monday) off: Tue 7
        self.assertEqual(ymd(cal.add_working_days(D(2026, 4, 3), 1)), (2026, 4, 7))
        # Fri 3 Apr + 2: Tue 7, Wed 8
        self.assertEqual(ymd(cal.add_working_days(D(2026, 4, 3), 2)), (2026, 4, 8))
        # Thu 30 Apr + 6: Fri 1 May off, Mon 4 (1), Tue 5 (2), Wed 6 (3),
        # Thu 7 (4), Fri 8 May off, Mon 11 (5), Tue 12 (6)
        self.assertEqual(ymd(cal.add_working_days(D(2026, 4, 30), 6)), (2026, 5, 12))
        # Thu 24 Dec 2026 + 1: Fri 25 Christmas, weekend: Mon 28
        self.assertEqual(ymd(cal.add_working_days(D(2026, 12, 24), 1)), (2026, 12, 28))
        # Thu 31 Dec 2026 + 1: Fri 1 Jan 2027 is New Year's Day, weekend:
        # Mon 4 Jan 2027
        self.assertEqual(ymd(cal.add_working_days(D(2026, 12, 31), 1)), (2027, 1, 4))

    def test_add_backward(self):
        cal = french()
        # Mon 13 Apr 2026 - 1: Sun 12, Sat 11 off: Fri 10
        self.assertEqual(ymd(cal.add_working_days(D(2026, 4, 13), -1)), (2026, 4, 10))
        # Tue 7 Apr - 1: Mon 6 (Easter Monday), Sun 5, Sat 4 off: Fri 3
        self.assertEqual(ymd(cal.add_working_days(D(2026, 4, 7), -1)), (2026, 4, 3))
        # Wed 8 Apr - 2: Tue 7 (1), Fri 3 (2)
        self.assertEqual(ymd(cal.add_working_days(D(2026, 4, 8), -2)), (2026, 4, 3))
        # Tue 12 May - 6: back to Thu 30 Apr (the forward case reversed)
        self.assertEqual(ymd(cal.add_working_days(D(2026, 5, 12), -6)), (2026, 4, 30))
        # Mon 4 Jan 2027 - 1: Fri 1 Jan off: Thu 31 Dec 2026
        self.assertEqual(ymd(cal.add_working_days(D(2027, 1, 4), -1)), (2026, 12, 31))

    def test_add_backward_from_a_day_off(self):
        cal = french()
        # backward from a day off, the first step is the working day before
        # it, never a day after it: Sun 5 Apr 2026 (Easter) - 1 = Fri 3
        self.assertEqual(ymd(cal.add_working_days(D(2026, 4, 5), -1)), (2026, 4, 3))
        # Mon 6 Apr (Easter Monday) - 1: Sun 5, Sat 4 off -> Fri 3
        self.assertEqual(ymd(cal.add_working_days(D(2026, 4, 6), -1)), (2026, 4, 3))
        # Sun 5 Apr - 2: Fri 3 (1), Thu 2 (2)
        self.assertEqual(ymd(cal.add_working_days(D(2026, 4, 5), -2)), (2026, 4, 2))
        # Sat 7 Mar - 1 = Fri 6 Mar
        self.assertEqual(ymd(cal.add_working_days(D(2026, 3, 7), -1)), (2026, 3, 6))
        # Sun 8 Mar - 5: Fri 6 (1), Thu 5 (2), Wed 4 (3), Tue 3 (4), Mon 2 (5)
        self.assertEqual(ymd(cal.add_working_days(D(2026, 3, 8), -5)), (2026, 3, 2))

    def test_add_forward_from_a_day_off(self):
        cal = french()
        # n working days after a day off, the day itself not counted: the
        # first working day after it is the first step. Sun 5 Apr 2026 + 1:
        # Mon 6 off -> Tue 7; + 2 -> Wed 8
        self.assertEqual(ymd(cal.add_working_days(D(2026, 4, 5), 1)), (2026, 4, 7))
        self.assertEqual(ymd(cal.add_working_days(D(2026, 4, 5), 2)), (2026, 4, 8))
        # Sat 7 Mar + 1 = Mon 9; + 5 = Mon 9, Tue 10, Wed 11, Thu 12, Fri 13
        self.assertEqual(ymd(cal.add_working_days(D(2026, 3, 7), 1)), (2026, 3, 9))
        self.assertEqual(ymd(cal.add_working_days(D(2026, 3, 7), 5)), (2026, 3, 13))

    def test_add_zero(self):
        cal = french()
        # a working day stays: Thu 2 Apr 2026
        self.assertEqual(ymd(cal.add_working_days(D(2026, 4, 2), 0)), (2026, 4, 2))
        # a Saturday gives the next working day: Sat 4 Apr -> Sun 5, Mon 6
        # off -> Tue 7
        self.assertEqual(ymd(cal.add_working_days(D(2026, 4, 4), 0)), (2026, 4, 7))
        # a holiday too: Mon 6 Apr (Easter Monday) -> Tue 7
        self.assertEqual(ymd(cal.add_working_days(D(2026, 4, 6), 0)), (2026, 4, 7))
        # Fri 1 May 2026 -> Sat 2, Sun 3 off -> Mon 4
        self.assertEqual(ymd(cal.add_working_days(D(2026, 5, 1), 0)), (2026, 5, 4))

    def test_add_a_whole_year(self):
        cal = french()
        # 2026 has 252 working days (see test_count_whole_years); the first
        # is Fri 2 Jan (Thu 1 is New Year's Day), the last Thu 31 Dec: 251
        # working days after the first one
        self.assertEqual(ymd(cal.add_working_days(D(2026, 1, 2), 251)), (2026, 12, 31))
        self.assertEqual(ymd(cal.add_working_days(D(2026, 12, 31), -251)), (2026, 1, 2))

    def test_count_whole_years(self):
        cal = french()
        alsace = french(True)
        # 2026: starts on Thursday, 365 days -> 52 x 5 + 1 = 261 weekdays.
        # Holidays on weekdays: Thu 1 Jan, Mon 6 Apr, Fri 1 May, Fri 8 May,
        # Thu 14 May, Mon 25 May, Tue 14 Jul, Wed 11 Nov, Fri 25 Dec = 9
        # (Sat 15 Aug and Sun 1 Nov fall on the weekend): 261 - 9 = 252
        self.assertEqual(cal.count_working_days(D(2026, 1, 1), D(2026, 12, 31)), 252)
        # Alsace-Moselle: Good Friday 3 Apr is a Friday, 26 Dec a Saturday:
        # 252 - 1 = 251
        self.assertEqual(alsace.count_working_days(D(2026, 1, 1), D(2026, 12, 31)), 251)
        # 2027: starts on Friday, 365 days -> 261 weekdays. Weekday holidays:
        # Fri 1 Jan, Mon 29 Mar, Thu 6 May, Mon 17 May, Wed 14 Jul, Mon 1 Nov,
        # Thu 11 Nov = 7 (Sat 1 May, Sat 8 May, Sun 15 Aug, Sat 25 Dec are on
        # the weekend): 261 - 7 = 254
        self.assertEqual(cal.count_working_days(D(2027, 1, 1), D(2027, 12, 31)), 254)
        # Alsace 2027: Fri 26 Mar is Good Friday, Sun 26 Dec: 254 - 1 = 253
        self.assertEqual(alsace.count_working_days(D(2027, 1, 1), D(2027, 12, 31)), 253)
        # 2028, a leap year starting on Saturday: 366 days = 52 weeks + Sat
        # + Sun -> 260 weekdays. Weekday holidays: Mon 17 Apr, Mon 1 May,
        # Mon 8 May, Thu 25 May, Mon 5 Jun, Fri 14 Jul, Tue 15 Aug, Wed 1 Nov,
        # Mon 25 Dec = 9 (Sat 1 Jan, Sat 11 Nov on the weekend): 251
        self.assertEqual(cal.count_working_days(D(2028, 1, 1), D(2028, 12, 31)), 251)
        # Alsace 2028: Fri 14 Apr and Tue 26 Dec are off too: 249
        self.assertEqual(alsace.count_working_days(D(2028, 1, 1), D(2028, 12, 31)), 249)

    def test_count_several_years(self):
        cal = french()
        # a query in 2026 first, so the wider ones below have to extend what
        # the calendar worked out
        self.assertTrue(cal.is_working_day(D(2026, 6, 15)))
        # 2024, a leap year starting on Monday: 52 weeks + Mon, Tue -> 262
        # weekdays; weekday holidays: Mon 1 Jan, Mon 1 Apr, Wed 1 May, Wed 8 May,
        # Thu 9 May, Mon 20 May, Thu 15 Aug, Fri 1 Nov, Mon 11 Nov, Wed 25 Dec
        # = 10 (Sun 14 Jul): 252
        self.assertEqual(cal.count_working_days(D(2024, 1, 1), D(2024, 12, 31)), 252)
        # 2025 starts on Wednesday: 261 weekdays; weekday holidays: Wed 1 Jan,
        # Mon 21 Apr, Thu 1 May, Thu 8 May, Thu 29 May, Mon 9 Jun, Mon 14 Jul,
        # Fri 15 Aug, Tue 11 Nov, Thu 25 Dec = 10 (Sat 1 Nov): 251
        self.assertEqual(cal.count_working_days(D(2025, 1, 1), D(2025, 12, 31)), 251)
        # 2024 to 2028: 252 + 251 + 252 + 254 + 251 = 1260
        self.assertEqual(cal.count_working_days(D(2024, 1, 1), D(2028, 12, 31)), 1260)
        # the first working day of 2024 is Tue 2 Jan (Mon 1 is New Year's
        # Day); the last of 2028 is Fri 29 Dec (Mon 25 Christmas, Sat 30 and
        # Sun 31 weekend): 1259 working days apart
        self.assertEqual(ymd(cal.add_working_days(D(2024, 1, 2), 1259)), (2028, 12, 29))
        self.assertEqual(ymd(cal.add_working_days(D(2028, 12, 29), -1259)), (2024, 1, 2))

    def test_count_bounds(self):
        cal = french()
        # both ends count: Mon 2 .. Fri 6 Mar 2026 = 5
        self.assertEqual(cal.count_working_days(D(2026, 3, 2), D(2026, 3, 6)), 5)
        # one working day
        self.assertEqual(cal.count_working_days(D(2026, 3, 2), D(2026, 3, 2)), 1)
        # one holiday: Mon 6 Apr
        self.assertEqual(cal.count_working_days(D(2026, 4, 6), D(2026, 4, 6)), 0)
        # a weekend
        self.assertEqual(cal.count_working_days(D(2026, 3, 7), D(2026, 3, 8)), 0)
        # to before from
        self.assertEqual(cal.count_working_days(D(2026, 3, 6), D(2026, 3, 2)), 0)
        # Fri 1 May .. Fri 15 May 2026: Mon 4 .. Thu 7 (4), Mon 11 .. Wed 13
        # (3), Fri 15 (1) = 8 (Fri 1, Fri 8, Thu 14 are holidays)
        self.assertEqual(cal.count_working_days(D(2026, 5, 1), D(2026, 5, 15)), 8)


class ExceptionsTest(afftest.AffTestCase):
    def test_saturday_worked(self):
        cal = french()
        cal.add_exception(D(2026, 4, 11), D(2026, 4, 11), True, 'Rattrapage inventaire')
        # Sat 11 Apr 2026 is now worked and named after the reason
        self.assertTrue(cal.is_working_day(D(2026, 4, 11)))
        self.assertEqual(cal.get_day_name(D(2026, 4, 11)), 'Rattrapage inventaire')
        # Fri 10 + 1 = Sat 11
        self.assertEqual(ymd(cal.add_working_days(D(2026, 4, 10), 1)), (2026, 4, 11))
        # Fri 10 + 2 = Sat 11, Mon 13
        self.assertEqual(ymd(cal.add_working_days(D(2026, 4, 10), 2)), (2026, 4, 13))
        # Mon 13 - 1 = Sat 11
        self.assertEqual(ymd(cal.add_working_days(D(2026, 4, 13), -1)), (2026, 4, 11))
        # Mon 6 .. Sun 12 Apr: Tue 7 .. Fri 10 (4) + Sat 11 = 5 (Mon 6 is
        # Easter Monday)
        self.assertEqual(cal.count_working_days(D(2026, 4, 6), D(2026, 4, 12)), 5)
        # the next Saturday is still off
        self.assertFalse(cal.is_working_day(D(2026, 4, 18)))
        self.assertIsNone(cal.get_day_name(D(2026, 4, 18)))

    def test_closure(self):
        cal = french()
        cal.add_exception(D(2026, 8, 3), D(2026, 8, 14), False, 'Fermeture estivale')
        for day in (3, 5, 10, 14):
            self.assertFalse(cal.is_working_day(D(2026, 8, day)))
            self.assertEqual(cal.get_day_name(D(2026, 8, day)), 'Fermeture estivale')
        # Sat 15 Aug is outside the closure: it keeps its holiday's name
        name = cal.get_day_name(D(2026, 8, 15))
        self.assertTrue(name)
        self.assertNotEqual(name, 'Fermeture estivale')
        self.assertEqual(name, french().get_day_name(D(2026, 8, 15)))
        # Mon 27 Jul .. Fri 21 Aug: Jul 27-31 (5) + Aug 17-21 (5) = 10
        self.assertEqual(cal.count_working_days(D(2026, 7, 27), D(2026, 8, 21)), 10)
        # Fri 31 Jul + 1: the two closed weeks and Sat 15 / Sun 16 -> Mon 17
        self.assertEqual(ymd(cal.add_working_days(D(2026, 7, 31), 1)), (2026, 8, 17))
        self.assertEqual(ymd(cal.add_working_days(D(2026, 8, 17), -1)), (2026, 7, 31))
        # a later exception wins on the days it shares: Mon 10 Aug worked
        cal.add_exception(D(2026, 8, 10), D(2026, 8, 10), True, 'Permanence')
        self.assertTrue(cal.is_working_day(D(2026, 8, 10)))
        self.assertEqual(cal.get_day_name(D(2026, 8, 10)), 'Permanence')
        self.assertFalse(cal.is_working_day(D(2026, 8, 11)))
        # 10 + Mon 10 Aug = 11
        self.assertEqual(cal.count_working_days(D(2026, 7, 27), D(2026, 8, 21)), 11)
        self.assertEqual(ymd(cal.add_working_days(D(2026, 7, 31), 1)), (2026, 8, 10))

    def test_holiday_worked(self):
        cal = french()
        # the journée de solidarité: Whit Monday 25 May 2026 worked
        cal.add_exception(D(2026, 5, 25), D(2026, 5, 25), True, 'Journée de solidarité')
        self.assertTrue(cal.is_working_day(D(2026, 5, 25)))
        self.assertEqual(cal.get_day_name(D(2026, 5, 25)), 'Journée de solidarité')
        # Fri 22 May + 1 = Mon 25
        self.assertEqual(ymd(cal.add_working_days(D(2026, 5, 22), 1)), (2026, 5, 25))
        # the year has one working day more: 252 + 1
        self.assertEqual(cal.count_working_days(D(2026, 1, 1), D(2026, 12, 31)), 253)
        # an exception without a reason still names the day
        cal.add_exception(D(2026, 6, 1), D(2026, 6, 1), False, None)
        self.assertFalse(cal.is_working_day(D(2026, 6, 1)))
        self.assertTrue(cal.get_day_name(D(2026, 6, 1)))

    def test_added_holiday(self):
        cal = french()
        cal.add_holiday(D(2026, 6, 19), 'Fête patronale')
        # Fri 19 Jun 2026 is off and listed in date order, between Whit
        # Monday (25 May) and 14 July
        self.assertFalse(cal.is_working_day(D(2026, 6, 19)))
        self.assertEqual(cal.get_day_name(D(2026, 6, 19)), 'Fête patronale')
        expected = sorted(FRENCH_HOLIDAYS[2026] + [(2026, 6, 19)])
        self.assertEqual(dates(cal.list_holidays(2026)), expected)
        self.assertEqual(expected.index((2026, 6, 19)), 6)
        # not in the other years
        self.assertEqual(dates(cal.list_holidays(2027)), FRENCH_HOLIDAYS[2027])
        # 252 - 1
        self.assertEqual(cal.count_working_days(D(2026, 1, 1), D(2026, 12, 31)), 251)
        # a holiday without a name is still named
        cal.add_holiday(D(2026, 6, 22), None)
        self.assertTrue(cal.get_day_name(D(2026, 6, 22)))
        self.assertFalse(cal.is_working_day(D(2026, 6, 22)))

    def test_refused(self):
        cal = french()
        self.assertAffError(E.INVALID_VALUE, cal.add_holiday, GLib.Date(), 'nothing')
        self.assertAffError(E.INVALID_VALUE, cal.add_exception, D(2026, 8, 14), D(2026, 8, 3), False,
                            'backwards')
        self.assertAffError(E.INVALID_VALUE, cal.add_exception, GLib.Date(), D(2026, 8, 3), False, 'x')
        # nothing changed
        self.assertEqual(dates(cal.list_holidays(2026)), FRENCH_HOLIDAYS[2026])
        self.assertTrue(cal.is_working_day(D(2026, 8, 3)))
        self.assertEqual(cal.count_working_days(D(2026, 1, 1), D(2026, 12, 31)), 252)

    def test_working_weekdays(self):
        cal = french()
        cal.set_working_weekday(W.SATURDAY, True)
        self.assertTrue(cal.get_working_weekday(W.SATURDAY))
        self.assertFalse(cal.get_working_weekday(W.SUNDAY))
        # Sat 7 Mar 2026 is worked now, Sat 15 Aug (Assumption) is not
        self.assertTrue(cal.is_working_day(D(2026, 3, 7)))
        self.assertFalse(cal.is_working_day(D(2026, 8, 15)))
        # Fri 6 Mar + 1 = Sat 7
        self.assertEqual(ymd(cal.add_working_days(D(2026, 3, 6), 1)), (2026, 3, 7))
        # 2026 has 52 Saturdays (52 whole weeks + a Thursday); Sat 15 Aug is
        # Assumption: 252 + 52 - 1 = 303
        self.assertEqual(cal.count_working_days(D(2026, 1, 1), D(2026, 12, 31)), 303)
        cal.set_working_weekday(W.SATURDAY, False)
        cal.set_working_weekday(W.WEDNESDAY, False)
        # a four-day week: Fri 6 Mar .. Thu 12 Mar = Fri 6, Mon 9, Tue 10, Thu 12
        self.assertFalse(cal.is_working_day(D(2026, 3, 11)))
        self.assertEqual(cal.count_working_days(D(2026, 3, 6), D(2026, 3, 12)), 4)
        # Tue 10 + 1 = Thu 12
        self.assertEqual(ymd(cal.add_working_days(D(2026, 3, 10), 1)), (2026, 3, 12))

    def test_copy(self):
        cal = french(True)
        cal.add_holiday(D(2026, 6, 19), 'Fête patronale')
        cal.add_exception(D(2026, 4, 11), D(2026, 4, 11), True, 'Rattrapage')
        cal.set_working_weekday(W.WEDNESDAY, False)
        copy = cal.copy()
        self.assertTrue(copy.get_french())
        self.assertTrue(copy.get_alsace_moselle())
        self.assertFalse(copy.get_working_weekday(W.WEDNESDAY))
        self.assertFalse(copy.is_working_day(D(2026, 6, 19)))
        self.assertEqual(copy.get_day_name(D(2026, 6, 19)), 'Fête patronale')
        self.assertTrue(copy.is_working_day(D(2026, 4, 11)))
        self.assertEqual(copy.get_day_name(D(2026, 4, 11)), 'Rattrapage')
        self.assertFalse(copy.is_working_day(D(2026, 4, 3)))   # Good Friday
        # the copy is independent
        copy.add_exception(D(2026, 3, 2), D(2026, 3, 2), False, 'Grève')
        self.assertFalse(copy.is_working_day(D(2026, 3, 2)))
        self.assertTrue(cal.is_working_day(D(2026, 3, 2)))


# ---- Scheduling ---------------------------------------------------------------
#
# Unless said otherwise, plans start on Mon 2 Mar 2026; the working days from
# there, numbered from 0, are:
#   0 Mon 2   1 Tue 3   2 Wed 4   3 Thu 5   4 Fri 6
#   5 Mon 9   6 Tue 10  7 Wed 11  8 Thu 12  9 Fri 13  10 Mon 16


class DependencyTypesTest(afftest.AffTestCase):
    def pair(self, a_days, b_days, dep_type, lag, a_snet=None):
        plan = new_plan(D(2026, 3, 2))
        a = add(plan, 'A', a_days)
        b = add(plan, 'B', b_days)
        if a_snet is not None:
            a.set_start_no_earlier_than(a_snet)
        plan.add_dependency('A', 'B', dep_type, lag)
        plan.schedule()
        self.assertTrue(plan.is_scheduled())
        return plan, a, b

    def test_finish_start(self):
        plan, a, b = self.pair(3, 2, FS, 0)
        # A: days 0-2, Mon 2 .. Wed 4; B starts the next working day, Thu 5,
        # and takes Thu 5, Fri 6
        self.assertEqual(early(a), ((2026, 3, 2), (2026, 3, 4)))
        self.assertEqual(early(b), ((2026, 3, 5), (2026, 3, 6)))
        self.assertEqual(ymd(plan.get_finish()), (2026, 3, 6))
        # a chain: no float
        for t in (a, b):
            self.assertEqual(late(t), early(t))
            self.assertEqual((t.get_total_float(), t.get_free_float()), (0, 0))
            self.assertTrue(t.is_critical())
        self.assertEqual(ids(plan.get_critical_path()), ['A', 'B'])

    def test_finish_start_lag(self):
        plan, a, b = self.pair(3, 2, FS, 2)
        # A ends Wed 4; the lag takes Thu 5 and Fri 6; B starts Mon 9 and
        # takes Mon 9, Tue 10
        self.assertEqual(early(a), ((2026, 3, 2), (2026, 3, 4)))
        self.assertEqual(early(b), ((2026, 3, 9), (2026, 3, 10)))
        self.assertEqual(late(a), early(a))
        self.assertEqual(a.get_total_float(), 0)

    def test_finish_start_negative_lag(self):
        plan, a, b = self.pair(3, 2, FS, -1)
        # A ends Wed 4 (day 2); without lag B would start Thu 5 (day 3); one
        # day earlier: Wed 4 (day 2), overlapping A's last day; B: Wed 4, Thu 5
        self.assertEqual(early(b), ((2026, 3, 4), (2026, 3, 5)))
        self.assertEqual(ymd(plan.get_finish()), (2026, 3, 5))
        # A: 6 days, Mon 2 .. Mon 9 (days 0-5); FS -2: two working days before
        # Tue 10 is Fri 6 (Mon 9 is -1, Fri 6 is -2), across the weekend;
        # B: Fri 6, Mon 9
        plan, a, b = self.pair(6, 2, FS, -2)
        self.assertEqual(early(a), ((2026, 3, 2), (2026, 3, 9)))
        self.assertEqual(early(b), ((2026, 3, 6), (2026, 3, 9)))

    def test_start_start(self):
        plan, a, b = self.pair(3, 2, SS, 0)
        # lag 0: B starts with A, Mon 2, and takes Mon 2, Tue 3
        self.assertEqual(early(b), ((2026, 3, 2), (2026, 3, 3)))
        # the plan ends with A (Wed 4): B may slip one day, to Tue 3 .. Wed 4
        self.assertEqual(ymd(plan.get_finish()), (2026, 3, 4))
        self.assertEqual(late(b), ((2026, 3, 3), (2026, 3, 4)))
        self.assertEqual((b.get_total_float(), b.get_free_float()), (1, 1))
        self.assertFalse(b.is_critical())
        self.assertEqual(a.get_total_float(), 0)
        self.assertEqual(ids(plan.get_critical_path()), ['A'])
        # lag 4: B starts on day 4 = Fri 6 and takes Fri 6, Mon 9
        plan, a, b = self.pair(3, 2, SS, 4)
        self.assertEqual(early(b), ((2026, 3, 6), (2026, 3, 9)))

    def test_finish_finish(self):
        plan, a, b = self.pair(3, 2, FF, 0)
        # lag 0: B finishes with A, Wed 4; two days: Tue 3, Wed 4
        self.assertEqual(early(b), ((2026, 3, 3), (2026, 3, 4)))
        self.assertEqual((a.get_total_float(), b.get_total_float()), (0, 0))
        # lag 2: B finishes two working days after Wed 4, on Fri 6; it takes
        # Thu 5, Fri 6
        plan, a, b = self.pair(3, 2, FF, 2)
        self.assertEqual(early(b), ((2026, 3, 5), (2026, 3, 6)))
        # a long successor cannot start before the plan: B of 5 days FF 0
        # after A of 2 days would start before Mon 2; it starts Mon 2 and
        # finishes Fri 6, after A (Tue 3)
        plan, a, b = self.pair(2, 5, FF, 0)
        self.assertEqual(early(a), ((2026, 3, 2), (2026, 3, 3)))
        self.assertEqual(early(b), ((2026, 3, 2), (2026, 3, 6)))

    def test_start_finish(self):
        # A cannot start before Wed 11 (day 7): Wed 11, Thu 12
        plan, a, b = self.pair(2, 3, SF, 0, a_snet=D(2026, 3, 11))
        self.assertEqual(early(a), ((2026, 3, 11), (2026, 3, 12)))
        # lag 0: B finishes no earlier than the day before A starts, Tue 10;
        # three days back over the weekend: Fri 6, Mon 9, Tue 10
        self.assertEqual(early(b), ((2026, 3, 6), (2026, 3, 10)))
        # B has no successor and the plan ends Thu 12: two days of float,
        # late Tue 10 .. Thu 12
        self.assertEqual(ymd(plan.get_finish()), (2026, 3, 12))
        self.assertEqual(late(b), ((2026, 3, 10), (2026, 3, 12)))
        self.assertEqual((b.get_total_float(), b.get_free_float()), (2, 2))
        self.assertEqual(a.get_total_float(), 0)
        # lag 2: Tue 10 + 2 working days = Thu 12; B of one day: Thu 12
        plan, a, b = self.pair(2, 1, SF, 2, a_snet=D(2026, 3, 11))
        self.assertEqual(early(b), ((2026, 3, 12), (2026, 3, 12)))
        # lag -1: Tue 10 - 1 = Mon 9; B of 3 days ends Mon 9: Thu 5, Fri 6,
        # Mon 9
        plan, a, b = self.pair(2, 3, SF, -1, a_snet=D(2026, 3, 11))
        self.assertEqual(early(b), ((2026, 3, 5), (2026, 3, 9)))

    def test_mixed_predecessors(self):
        # C has two predecessors: FS from A (3 days, ends Wed 4) and SS + 4
        # from B (1 day, Mon 2): FS gives Thu 5, SS gives day 4 = Fri 6;
        # the later wins: C (2 days) Fri 6, Mon 9
        plan = new_plan(D(2026, 3, 2))
        add(plan, 'A', 3)
        add(plan, 'B', 1)
        c = add(plan, 'C', 2)
        plan.add_dependency('A', 'C', FS, 0)
        plan.add_dependency('B', 'C', SS, 4)
        plan.schedule()
        self.assertEqual(early(c), ((2026, 3, 6), (2026, 3, 9)))
        # A's float: C could start no later than Fri 6, A may finish Thu 5
        a = plan.lookup_task('A')
        self.assertEqual(late(a), ((2026, 3, 3), (2026, 3, 5)))
        self.assertEqual((a.get_total_float(), a.get_free_float()), (1, 1))

    def test_dependencies_listed(self):
        plan = new_plan(D(2026, 3, 2))
        for tid in 'ABCD':
            add(plan, tid, 1)
        plan.add_dependency('A', 'B', FS, 2)
        plan.add_dependency('A', 'C', SS, 0)
        plan.add_dependency('B', 'D', FF, -3)
        plan.add_dependency('C', 'D', SF, 1)
        self.assertEqual(deps(plan), [('A', 'B', FS, 2), ('A', 'C', SS, 0),
                                      ('B', 'D', FF, -3), ('C', 'D', SF, 1)])
        plan.remove_dependency('A', 'C')
        self.assertEqual(deps(plan), [('A', 'B', FS, 2), ('B', 'D', FF, -3), ('C', 'D', SF, 1)])
        self.assertAffError(E.NOT_FOUND, plan.remove_dependency, 'A', 'C')
        self.assertAffError(E.NOT_FOUND, plan.remove_dependency, 'A', 'Z')
        # the lag is bounded by +-100000 working days
        plan.add_dependency('A', 'C', FS, 100000)
        plan.add_dependency('A', 'D', FS, -100000)
        self.assertAffError(E.INVALID_VALUE, plan.add_dependency, 'B', 'C', FS, 100001)
        self.assertAffError(E.INVALID_VALUE, plan.add_dependency, 'B', 'C', FS, -100001)
        self.assertEqual(len(deps(plan)), 5)


class EasterAndBastilleDayTest(afftest.AffTestCase):
    """A plan of 2027 crossing Easter and 14 July.

    Working days from Mon 22 Mar 2027 (France):
      Mon 22 .. Fri 26 Mar, (Mon 29 Easter Monday), Tue 30, Wed 31, Thu 1 Apr,
      Fri 2, Mon 5 .. Fri 9, Mon 12, Tue 13 ...
    July 2027: Mon 12, Tue 13, (Wed 14), Thu 15, Fri 16, Mon 19.
    """

    def build(self, calendar=None):
        plan = new_plan(D(2027, 3, 22), calendar)
        add(plan, 'A', 5)
        add(plan, 'B', 10)
        c = add(plan, 'C', 3)
        add(plan, 'D', 2)
        c.set_start_no_earlier_than(D(2027, 7, 12))
        plan.add_dependency('A', 'B', FS, 0)
        plan.add_dependency('B', 'C', FS, 0)
        plan.add_dependency('C', 'D', FS, 0)
        plan.schedule()
        return plan, [plan.lookup_task(t) for t in 'ABCD']

    def test_france(self):
        plan, (a, b, c, d) = self.build()
        # A: Mon 22 .. Fri 26 Mar
        self.assertEqual(early(a), ((2027, 3, 22), (2027, 3, 26)))
        # Mon 29 Mar 2027 is Easter Monday, so B starts Tue 30; ten days:
        # Tue 30, Wed 31, Thu 1, Fri 2, Mon 5 .. Fri 9, Mon 12 Apr
        self.assertEqual(early(b), ((2027, 3, 30), (2027, 4, 12)))
        # C waits for Mon 12 Jul; three days: Mon 12, Tue 13, and Thu 15
        # since Wed 14 is Bastille Day
        self.assertEqual(early(c), ((2027, 7, 12), (2027, 7, 15)))
        # D: Fri 16, Mon 19 Jul
        self.assertEqual(early(d), ((2027, 7, 16), (2027, 7, 19)))
        self.assertEqual(ymd(plan.get_finish()), (2027, 7, 19))
        # C and D make the plan's end: no float
        for t in (c, d):
            self.assertEqual(late(t), early(t))
            self.assertEqual(t.get_total_float(), 0)
        self.assertEqual(ids(plan.get_critical_path()), ['C', 'D'])
        # B may finish as late as Fri 9 Jul, the working day before C's Mon 12.
        # Working days from Tue 13 Apr to Fri 9 Jul 2027: Apr 13-16 (4),
        # Apr 19-23, 26-30 (10) = 14; May 3-7 less Thu 6 Ascension (4), 10-14
        # (5), 17-21 less Mon 17 Whit Monday (4), 24-28 (5), Mon 31 (1) = 19;
        # June: Tue 1-Fri 4 (4), 7-11, 14-18, 21-25 (15), 28-30 (3) = 22;
        # Jul 1-2 (2), 5-9 (5) = 7. Total 14 + 19 + 22 + 7 = 62 days of float.
        self.assertEqual(b.get_total_float(), 62)
        self.assertEqual(b.get_free_float(), 62)
        # B late: ten days ending Fri 9 Jul: Jul 9, 8, 7, 6, 5, 2, 1, Jun 30,
        # 29, 28 -> Mon 28 Jun .. Fri 9 Jul
        self.assertEqual(late(b), ((2027, 6, 28), (2027, 7, 9)))
        # A late: five days ending Fri 25 Jun -> Mon 21 .. Fri 25 Jun; the same
        # float as B, but no free float (B follows at once)
        self.assertEqual(late(a), ((2027, 6, 21), (2027, 6, 25)))
        self.assertEqual((a.get_total_float(), a.get_free_float()), (62, 0))
        self.assertFalse(a.is_critical())

    def test_alsace_moselle(self):
        plan, (a, b, c, d) = self.build(french(True))
        # Fri 26 Mar 2027 is Good Friday in Alsace-Moselle: A takes Mon 22 ..
        # Thu 25 and Tue 30 (Mon 29 Easter Monday)
        self.assertEqual(early(a), ((2027, 3, 22), (2027, 3, 30)))
        # B: Wed 31, Thu 1, Fri 2, Mon 5 .. Fri 9, Mon 12, Tue 13 Apr
        self.assertEqual(early(b), ((2027, 3, 31), (2027, 4, 13)))
        # July is the same as in France
        self.assertEqual(early(c), ((2027, 7, 12), (2027, 7, 15)))
        self.assertEqual(early(d), ((2027, 7, 16), (2027, 7, 19)))
        # B's float: from Wed 14 Apr to Fri 9 Jul, one day less than 62
        self.assertEqual(b.get_total_float(), 61)
        self.assertEqual(late(b), ((2027, 6, 28), (2027, 7, 9)))

    def test_calendar_edited(self):
        plan, (a, b, c, d) = self.build()
        self.assertEqual(early(b), ((2027, 3, 30), (2027, 4, 12)))
        # the calendar object is not watched: the plan must be scheduled again
        # after editing it; a strike on Wed 31 Mar then pushes B's end by one
        # working day: Tue 30, Thu 1, Fri 2, Mon 5 .. Fri 9, Mon 12, Tue 13
        plan.get_calendar().add_exception(D(2027, 3, 31), D(2027, 3, 31), False, 'Grève')
        plan.schedule()
        self.assertEqual(early(b), ((2027, 3, 30), (2027, 4, 13)))
        self.assertEqual(b.get_total_float(), 61)
        # a holiday added in July (Mon 12): C starts Tue 13 and takes Tue 13,
        # Thu 15, Fri 16; D Mon 19, Tue 20
        plan.get_calendar().add_holiday(D(2027, 7, 12), 'Fête locale')
        plan.schedule()
        self.assertEqual(early(c), ((2027, 7, 13), (2027, 7, 16)))
        self.assertEqual(early(d), ((2027, 7, 19), (2027, 7, 20)))
        self.assertEqual(ymd(plan.get_finish()), (2027, 7, 20))

    def test_change_of_calendar(self):
        plan, (a, b, c, d) = self.build()
        self.assertTrue(plan.is_scheduled())
        plan.set_calendar(french(True))
        self.assertTrue(plan.get_calendar().get_alsace_moselle())
        self.assertFalse(plan.is_scheduled())
        plan.schedule()
        # as in test_alsace_moselle
        self.assertEqual(early(a), ((2027, 3, 22), (2027, 3, 30)))
        self.assertEqual(early(b), ((2027, 3, 31), (2027, 4, 13)))


class TextbookNetworkTest(afftest.AffTestCase):
    """The classic eight-activity network (activity on node, all FS):

        A 4            B 6 after A    C 3 after A    D 5 after B
        E 2 after C    F 4 after C    G 3 after D, E H 2 after F, G

    Forward pass (working-day boundaries from 0):
        A 0-4, B 4-10, C 4-7, D 10-15, E 7-9, F 7-11,
        G max(15, 9) = 15-18, H max(11, 18) = 18-20; the end is 20.
    Backward pass:
        H 18-20, G 15-18, F LF = H.LS = 18 -> 14-18, E LF = G.LS = 15 -> 13-15,
        D LF = 15 -> 10-15, C LF = min(E.LS 13, F.LS 14) = 13 -> 10-13,
        B LF = D.LS = 10 -> 4-10, A LF = min(B.LS 4, C.LS 10) = 4 -> 0-4.
    Total float (LS - ES): A 0, B 0, C 6, D 0, E 6, F 7, G 0, H 0.
    Free float: E = G.ES - E.EF = 15 - 9 = 6, F = H.ES - F.EF = 18 - 11 = 7,
    C = min(E.ES, F.ES) - C.EF = 0, the others 0.
    Critical path: A, B, D, G, H.

    Start Mon 4 May 2026; working days numbered from 0 (Fri 8 May, Thu 14 May
    and Mon 25 May are holidays):
        0 Mon 4   1 Tue 5   2 Wed 6   3 Thu 7   4 Mon 11  5 Tue 12  6 Wed 13
        7 Fri 15  8 Mon 18  9 Tue 19  10 Wed 20 11 Thu 21 12 Fri 22
        13 Tue 26 14 Wed 27 15 Thu 28 16 Fri 29 17 Mon 1 Jun 18 Tue 2 Jun
        19 Wed 3 Jun 20 Thu 4 Jun 21 Fri 5 Jun 22 Mon 8 Jun
    A task on boundaries s-f starts on day s and finishes on day f - 1.
    """

    DURATIONS = [('A', 4), ('B', 6), ('C', 3), ('D', 5), ('E', 2), ('F', 4), ('G', 3), ('H', 2)]
    LINKS = [('A', 'B'), ('A', 'C'), ('B', 'D'), ('C', 'E'), ('C', 'F'), ('D', 'G'), ('E', 'G'),
             ('F', 'H'), ('G', 'H')]

    # id: (early start, early finish, late start, late finish, total, free)
    EXPECTED = {
        # 0-4: days 0..3 = Mon 4 .. Thu 7 May
        'A': ((2026, 5, 4), (2026, 5, 7), (2026, 5, 4), (2026, 5, 7), 0, 0),
        # 4-10: days 4..9 = Mon 11 .. Tue 19 May
        'B': ((2026, 5, 11), (2026, 5, 19), (2026, 5, 11), (2026, 5, 19), 0, 0),
        # early 4-7: Mon 11 .. Wed 13; late 10-13: Wed 20 .. Fri 22 May
        'C': ((2026, 5, 11), (2026, 5, 13), (2026, 5, 20), (2026, 5, 22), 6, 0),
        # 10-15: days 10..14 = Wed 20 .. Wed 27 May (Mon 25 off)
        'D': ((2026, 5, 20), (2026, 5, 27), (2026, 5, 20), (2026, 5, 27), 0, 0),
        # early 7-9: Fri 15 .. Mon 18; late 13-15: Tue 26 .. Wed 27 May
        'E': ((2026, 5, 15), (2026, 5, 18), (2026, 5, 26), (2026, 5, 27), 6, 6),
        # early 7-11: Fri 15 .. Wed 20; late 14-18: Wed 27 May .. Mon 1 Jun
        'F': ((2026, 5, 15), (2026, 5, 20), (2026, 5, 27), (2026, 6, 1), 7, 7),
        # 15-18: days 15..17 = Thu 28 May .. Mon 1 Jun
        'G': ((2026, 5, 28), (2026, 6, 1), (2026, 5, 28), (2026, 6, 1), 0, 0),
        # 18-20: days 18..19 = Tue 2 .. Wed 3 Jun
        'H': ((2026, 6, 2), (2026, 6, 3), (2026, 6, 2), (2026, 6, 3), 0, 0),
    }

    def build(self):
        plan = new_plan(D(2026, 5, 4))
        for tid, days in self.DURATIONS:
            add(plan, tid, days)
        for pred, succ in self.LINKS:
            plan.add_dependency(pred, succ, FS, 0)
        return plan

    def test_schedule(self):
        plan = self.build()
        self.assertFalse(plan.is_scheduled())
        self.assertIsNone(plan.get_finish())
        plan.schedule()
        self.assertTrue(plan.is_scheduled())
        for tid, (es, ef, ls, lf, total, free) in self.EXPECTED.items():
            with self.subTest(task=tid):
                t = plan.lookup_task(tid)
                self.assertTrue(t.is_scheduled())
                self.assertEqual(early(t), (es, ef))
                self.assertEqual(late(t), (ls, lf))
                self.assertEqual(t.get_total_float(), total)
                self.assertEqual(t.get_free_float(), free)
                self.assertEqual(t.is_critical(), total == 0)
        # H finishes last, Wed 3 Jun
        self.assertEqual(ymd(plan.get_finish()), (2026, 6, 3))
        # by early start: A Mon 4, B Mon 11, D Wed 20, G Thu 28, H Tue 2 Jun
        self.assertEqual(ids(plan.get_critical_path()), ['A', 'B', 'D', 'G', 'H'])
        self.assertEqual(list(plan.get_violations()), [])

    def test_edit_makes_stale(self):
        plan = self.build()
        plan.schedule()
        plan.lookup_task('E').set_name('Essais')
        self.assertFalse(plan.is_scheduled())
        # the dates of the last schedule are still given
        self.assertEqual(early(plan.lookup_task('E')), ((2026, 5, 15), (2026, 5, 18)))
        self.assertTrue(plan.lookup_task('E').is_scheduled())
        plan.schedule()
        self.assertTrue(plan.is_scheduled())
        # E's float is 6: two more days (8 in all) make E end on day 7 + 8 =
        # boundary 15, G's start; E becomes critical, nothing moves
        plan.lookup_task('E').set_duration(8)
        self.assertFalse(plan.is_scheduled())
        plan.schedule()
        e = plan.lookup_task('E')
        # days 7..14: Fri 15 .. Wed 27 May
        self.assertEqual(early(e), ((2026, 5, 15), (2026, 5, 27)))
        self.assertEqual(e.get_total_float(), 0)
        # C's float falls to min(E.LS 7, F.LS 14) - C.EF 7 = 0
        self.assertEqual(plan.lookup_task('C').get_total_float(), 0)
        self.assertEqual(ymd(plan.get_finish()), (2026, 6, 3))
        # by early start, then early finish: A Mon 4; C and B both start Mon
        # 11, C finishes first (Wed 13 before Tue 19); E Fri 15, D Wed 20,
        # G Thu 28, H Tue 2 Jun
        self.assertEqual(ids(plan.get_critical_path()), ['A', 'C', 'B', 'E', 'D', 'G', 'H'])


class MilestoneTest(afftest.AffTestCase):
    def test_milestones(self):
        # the plan starts on Sat 28 Feb 2026: its first working day is Mon 2 Mar
        plan = new_plan(D(2026, 2, 28))
        m0 = add(plan, 'M0', 0, 'Kick-off')
        b = add(plan, 'B', 2)
        a = add(plan, 'A', 3)
        m1 = add(plan, 'M1', 0, 'Design frozen')
        c = add(plan, 'C', 1)
        m2 = add(plan, 'M2', 0)
        d = add(plan, 'D', 1)
        k = add(plan, 'K', 3)
        self.assertEqual(m0.get_kind(), Kind.MILESTONE)
        self.assertEqual(a.get_kind(), Kind.TASK)
        # a milestone kind takes no time, whatever its duration
        k.set_kind(Kind.MILESTONE)
        self.assertEqual(k.get_duration(), 3)
        plan.add_dependency('M0', 'B', FS, 0)
        plan.add_dependency('A', 'M1', FS, 0)
        plan.add_dependency('M1', 'C', FS, 0)
        plan.add_dependency('A', 'M2', FS, 2)
        plan.add_dependency('M2', 'D', FS, 0)
        plan.add_dependency('A', 'K', FS, 0)
        plan.schedule()
        # no predecessor: M0 is on the plan's first day, Mon 2 Mar, and its
        # successor B starts that same day: Mon 2, Tue 3
        self.assertEqual(early(m0), ((2026, 3, 2), (2026, 3, 2)))
        self.assertEqual(early(b), ((2026, 3, 2), (2026, 3, 3)))
        # A: Mon 2 .. Wed 4; M1 falls at the end of Wed 4; C starts the next
        # working day, Thu 5
        self.assertEqual(early(a), ((2026, 3, 2), (2026, 3, 4)))
        self.assertEqual(early(m1), ((2026, 3, 4), (2026, 3, 4)))
        self.assertEqual(early(c), ((2026, 3, 5), (2026, 3, 5)))
        # M2 is two working days after A's finish: Wed 4 + 2 = Fri 6; D starts
        # the next working day, Mon 9
        self.assertEqual(early(m2), ((2026, 3, 6), (2026, 3, 6)))
        self.assertEqual(early(d), ((2026, 3, 9), (2026, 3, 9)))
        # K, a milestone of kind, falls at the end of A, Wed 4
        self.assertEqual(early(k), ((2026, 3, 4), (2026, 3, 4)))
        # D finishes last
        self.assertEqual(ymd(plan.get_finish()), (2026, 3, 9))
        # A, M2, D make the end: critical; C ends Thu 5 and could end Mon 9
        for t in (a, m2, d):
            self.assertEqual(t.get_total_float(), 0, t.get_id())
        self.assertEqual(c.get_total_float(), 2)
        self.assertEqual(late(c), ((2026, 3, 9), (2026, 3, 9)))
        # so M1 may fall as late as the end of Fri 6, the day before C's late
        # start: two days of float too
        self.assertEqual(late(m1), ((2026, 3, 6), (2026, 3, 6)))
        self.assertEqual(m1.get_total_float(), 2)
        self.assertFalse(m1.is_critical())

    def test_start_milestone_on_a_holiday(self):
        # the plan starts on Mon 6 Apr 2026, Easter Monday: the first day is
        # Tue 7; the milestone is dated Tue 7 and its successor starts Tue 7
        plan = new_plan(D(2026, 4, 6))
        m = add(plan, 'M', 0)
        t = add(plan, 'T', 2)
        plan.add_dependency('M', 'T', FS, 0)
        plan.schedule()
        self.assertEqual(early(m), ((2026, 4, 7), (2026, 4, 7)))
        self.assertEqual(early(t), ((2026, 4, 7), (2026, 4, 8)))


class ConstraintsTest(afftest.AffTestCase):
    def test_start_no_earlier_than(self):
        plan = new_plan(D(2026, 3, 2))
        a = add(plan, 'A', 3)
        s = add(plan, 'S', 2)
        t = add(plan, 'T', 2)
        u = add(plan, 'U', 2)
        # Sat 14 Mar 2026 is not worked: S starts Mon 16 and takes Mon 16, Tue 17
        s.set_start_no_earlier_than(D(2026, 3, 14))
        # Mon 6 Apr is Easter Monday: T starts Tue 7 and takes Tue 7, Wed 8
        t.set_start_no_earlier_than(D(2026, 4, 6))
        # U follows A (ends Wed 4); its constraint Tue 3 is earlier: the
        # predecessor wins, U takes Thu 5, Fri 6
        u.set_start_no_earlier_than(D(2026, 3, 3))
        plan.add_dependency('A', 'U', FS, 0)
        plan.schedule()
        self.assertEqual(early(a), ((2026, 3, 2), (2026, 3, 4)))
        self.assertEqual(ymd(s.get_start_no_earlier_than()), (2026, 3, 14))
        self.assertEqual(early(s), ((2026, 3, 16), (2026, 3, 17)))
        self.assertEqual(early(t), ((2026, 4, 7), (2026, 4, 8)))
        self.assertEqual(early(u), ((2026, 3, 5), (2026, 3, 6)))
        self.assertEqual(ymd(plan.get_finish()), (2026, 4, 8))
        # without the constraint, S starts with the plan: Mon 2, Tue 3
        s.set_start_no_earlier_than(None)
        self.assertIsNone(s.get_start_no_earlier_than())
        plan.schedule()
        self.assertEqual(early(s), ((2026, 3, 2), (2026, 3, 3)))

    def test_finish_no_later_than(self):
        plan = new_plan(D(2026, 3, 2))
        a = add(plan, 'A', 5)
        b = add(plan, 'B', 5)
        c = add(plan, 'C', 2)
        plan.add_dependency('A', 'B', FS, 0)
        # B must be finished by Wed 11 Mar
        b.set_finish_no_later_than(D(2026, 3, 11))
        plan.schedule()
        # the deadline does not move anything: A Mon 2 .. Fri 6, B Mon 9 ..
        # Fri 13
        self.assertEqual(early(a), ((2026, 3, 2), (2026, 3, 6)))
        self.assertEqual(early(b), ((2026, 3, 9), (2026, 3, 13)))
        self.assertEqual(ymd(plan.get_finish()), (2026, 3, 13))
        violations = list(plan.get_violations())
        self.assertEqual(len(violations), 1)
        v = violations[0]
        self.assertEqual(v.get_task_id(), 'B')
        self.assertEqual(ymd(v.get_deadline()), (2026, 3, 11))
        self.assertEqual(ymd(v.get_finish()), (2026, 3, 13))
        # Thu 12 and Fri 13 are late
        self.assertEqual(v.get_days_missed(), 2)
        # B's late finish is capped at Wed 11: late Thu 5 .. Wed 11, float -2
        self.assertEqual(late(b), ((2026, 3, 5), (2026, 3, 11)))
        self.assertEqual(b.get_total_float(), -2)
        # A must end by Wed 4: late Thu 26 Feb .. Wed 4 Mar (five working days
        # ending Wed 4: Wed 4, Tue 3, Mon 2, Fri 27, Thu 26), float -2
        self.assertEqual(late(a), ((2026, 2, 26), (2026, 3, 4)))
        self.assertEqual(a.get_total_float(), -2)
        self.assertTrue(a.is_critical())
        self.assertTrue(b.is_critical())
        # C (Mon 2, Tue 3) may end with the plan, Fri 13: 8 days of float
        self.assertEqual(early(c), ((2026, 3, 2), (2026, 3, 3)))
        self.assertEqual(c.get_total_float(), 8)
        self.assertFalse(c.is_critical())
        self.assertEqual(ids(plan.get_critical_path()), ['A', 'B'])

        # a deadline on a Sunday: by Sun 8 Mar, B (Mon 9 .. Fri 13) misses
        # five working days, Mon 9 .. Fri 13; its late finish is Fri 6
        b.set_finish_no_later_than(D(2026, 3, 8))
        plan.schedule()
        v = list(plan.get_violations())[0]
        self.assertEqual((v.get_task_id(), ymd(v.get_deadline()), ymd(v.get_finish()),
                          v.get_days_missed()), ('B', (2026, 3, 8), (2026, 3, 13), 5))
        self.assertEqual(b.get_total_float(), -5)
        self.assertEqual(ymd(b.get_late_finish()), (2026, 3, 6))

        # a deadline that is met: by Fri 13 exactly; no violation, no float
        b.set_finish_no_later_than(D(2026, 3, 13))
        plan.schedule()
        self.assertEqual(list(plan.get_violations()), [])
        self.assertEqual((a.get_total_float(), b.get_total_float()), (0, 0))

        # none
        b.set_finish_no_later_than(None)
        plan.schedule()
        self.assertEqual(list(plan.get_violations()), [])

    def test_milestone_deadline(self):
        plan = new_plan(D(2026, 3, 2))
        a = add(plan, 'A', 3)
        m = add(plan, 'M', 0)
        plan.add_dependency('A', 'M', FS, 0)
        # M falls at the end of A, Wed 4; due by Tue 3: one working day late
        m.set_finish_no_later_than(D(2026, 3, 3))
        plan.schedule()
        self.assertEqual(early(m), ((2026, 3, 4), (2026, 3, 4)))
        v = list(plan.get_violations())
        self.assertEqual([(x.get_task_id(), ymd(x.get_deadline()), ymd(x.get_finish()), x.get_days_missed())
                          for x in v], [('M', (2026, 3, 3), (2026, 3, 4), 1)])
        # M late at the end of Tue 3, A late Fri 27 Feb .. Tue 3 Mar: float -1
        self.assertEqual(late(m), ((2026, 3, 3), (2026, 3, 3)))
        self.assertEqual(late(a), ((2026, 2, 27), (2026, 3, 3)))
        self.assertEqual((m.get_total_float(), a.get_total_float()), (-1, -1))
        # due by Wed 4: met
        m.set_finish_no_later_than(D(2026, 3, 4))
        plan.schedule()
        self.assertEqual(list(plan.get_violations()), [])
        self.assertEqual(m.get_total_float(), 0)

    def test_start_milestone_deadline(self):
        # the plan starts on Sat 28 Feb 2026; the kick-off milestone has no
        # predecessor, so it is dated on the plan's first day, Mon 2 Mar. Due
        # by Sat 28 Feb, it finishes (Mon 2) later than its deadline: by the
        # rule, a violation is listed
        plan = new_plan(D(2026, 2, 28))
        m = add(plan, 'M', 0)
        m.set_finish_no_later_than(D(2026, 2, 28))
        plan.schedule()
        self.assertEqual(early(m), ((2026, 3, 2), (2026, 3, 2)))
        self.assertEqual([(x.get_task_id(), ymd(x.get_deadline()), ymd(x.get_finish()))
                          for x in plan.get_violations()], [('M', (2026, 2, 28), (2026, 3, 2))])

    def test_impossible_actual_dates(self):
        plan = new_plan(D(2026, 3, 2))
        a = add(plan, 'A', 3)
        plan.schedule()
        # finished (Mon 2) before it started (Tue 3): refused, nothing changes
        a.set_actual_start(D(2026, 3, 3))
        a.set_actual_finish(D(2026, 3, 2))
        self.assertAffError(E.INVALID_VALUE, plan.schedule)
        self.assertFalse(plan.is_scheduled())
        self.assertEqual(early(a), ((2026, 3, 2), (2026, 3, 4)))
        # finished the day it started: one day
        a.set_actual_finish(D(2026, 3, 3))
        plan.schedule()
        self.assertEqual(early(a), ((2026, 3, 3), (2026, 3, 3)))

    def test_actual_dates(self):
        plan = new_plan(D(2026, 3, 2))
        a = add(plan, 'A', 5)
        b = add(plan, 'B', 3)
        c = add(plan, 'C', 2)
        plan.add_dependency('A', 'B', FS, 0)
        plan.add_dependency('B', 'C', FS, 0)
        plan.schedule()
        # A Mon 2 .. Fri 6, B Mon 9 .. Wed 11, C Thu 12 .. Fri 13
        self.assertEqual(early(b), ((2026, 3, 9), (2026, 3, 11)))
        self.assertEqual(early(c), ((2026, 3, 12), (2026, 3, 13)))

        # B actually started on Wed 4, before A finished: the start is kept
        # whatever A says; three days: Wed 4, Thu 5, Fri 6; C: Mon 9, Tue 10
        b.set_actual_start(D(2026, 3, 4))
        plan.schedule()
        self.assertEqual(early(b), ((2026, 3, 4), (2026, 3, 6)))
        self.assertEqual(early(c), ((2026, 3, 9), (2026, 3, 10)))

        # and actually finished on Tue 10: both dates kept (five working
        # days); C: Wed 11, Thu 12
        b.set_actual_finish(D(2026, 3, 10))
        b.set_progress(100)
        plan.schedule()
        self.assertEqual(ymd(b.get_actual_start()), (2026, 3, 4))
        self.assertEqual(ymd(b.get_actual_finish()), (2026, 3, 10))
        self.assertEqual(early(b), ((2026, 3, 4), (2026, 3, 10)))
        self.assertEqual(early(c), ((2026, 3, 11), (2026, 3, 12)))

        # A actually started late, on Tue 3: Tue 3 .. Mon 9; B keeps its
        # actual dates
        a.set_actual_start(D(2026, 3, 3))
        plan.schedule()
        self.assertEqual(early(a), ((2026, 3, 3), (2026, 3, 9)))
        self.assertEqual(early(b), ((2026, 3, 4), (2026, 3, 10)))
        self.assertEqual(early(c), ((2026, 3, 11), (2026, 3, 12)))

        # cleared: back to the plan
        a.set_actual_start(None)
        b.set_actual_start(None)
        b.set_actual_finish(None)
        plan.schedule()
        self.assertEqual(early(a), ((2026, 3, 2), (2026, 3, 6)))
        self.assertEqual(early(b), ((2026, 3, 9), (2026, 3, 11)))

    def test_no_start(self):
        plan = Aff.Plan.new()
        self.assertIsNone(plan.get_start())
        self.assertTrue(plan.get_calendar().get_french())
        self.assertFalse(plan.get_calendar().get_alsace_moselle())
        t = add(plan, 'A', 1)
        self.assertAffError(E.INVALID_VALUE, plan.schedule)
        self.assertFalse(plan.is_scheduled())
        self.assertFalse(t.is_scheduled())
        self.assertIsNone(t.get_early_start())
        self.assertIsNone(plan.get_finish())


class CycleTest(afftest.AffTestCase):
    CYCLE_TEXTS = ('A → B → C → A', 'B → C → A → B', 'C → A → B → C')

    def test_cycle(self):
        plan = new_plan(D(2026, 3, 2))
        a = add(plan, 'A', 3)
        b = add(plan, 'B', 2)
        c = add(plan, 'C', 1)
        d = add(plan, 'D', 1)
        plan.add_dependency('A', 'B', FS, 0)
        plan.add_dependency('B', 'C', FS, 0)
        plan.add_dependency('C', 'D', FS, 0)
        plan.schedule()
        # A Mon 2 .. Wed 4, B Thu 5 .. Fri 6, C Mon 9, D Tue 10
        before = {t.get_id(): (early(t), late(t), t.get_total_float()) for t in (a, b, c, d)}
        self.assertEqual(before['A'][0], ((2026, 3, 2), (2026, 3, 4)))
        self.assertEqual(before['D'][0], ((2026, 3, 10), (2026, 3, 10)))

        # accepted when added, refused by schedule
        a.set_duration(4)
        plan.add_dependency('C', 'A', FS, 0)
        e = add(plan, 'E', 1)
        self.assertFalse(plan.is_scheduled())
        err = self.assertAffError(E.CYCLE, plan.schedule)
        # the message names the tasks of the cycle, in order, not D or E
        found = re.search(r'([A-E](?: → [A-E])+)', err.message)
        self.assertIsNotNone(found, err.message)
        self.assertIn(found.group(1), self.CYCLE_TEXTS, err.message)
        # nothing changed: the tasks keep the last schedule (A still 3 days
        # long), the plan is not up to date since it was edited
        self.assertFalse(plan.is_scheduled())
        for t in (a, b, c, d):
            self.assertEqual((early(t), late(t), t.get_total_float()), before[t.get_id()])
            self.assertTrue(t.is_scheduled())
        self.assertFalse(e.is_scheduled())
        self.assertIsNone(e.get_early_start())
        self.assertEqual(ymd(plan.get_finish()), (2026, 3, 10))
        self.assertAffError(E.INVALID_TRANSITION, plan.save_baseline, 'cycle')

        # the cycle broken: A Mon 2 .. Thu 5 (4 days), B Fri 6 .. Mon 9,
        # C Tue 10, D Wed 11; E Mon 2
        plan.remove_dependency('C', 'A')
        plan.schedule()
        self.assertTrue(plan.is_scheduled())
        self.assertEqual(early(a), ((2026, 3, 2), (2026, 3, 5)))
        self.assertEqual(early(b), ((2026, 3, 6), (2026, 3, 9)))
        self.assertEqual(early(d), ((2026, 3, 11), (2026, 3, 11)))
        self.assertEqual(early(e), ((2026, 3, 2), (2026, 3, 2)))

    def test_two_tasks(self):
        plan = new_plan(D(2026, 3, 2))
        a = add(plan, 'A', 1)
        add(plan, 'B', 1)
        plan.add_dependency('A', 'B', FS, 0)
        plan.add_dependency('B', 'A', SS, 2)
        err = self.assertAffError(E.CYCLE, plan.schedule)
        self.assertTrue('A → B → A' in err.message or 'B → A → B' in err.message, err.message)
        # never scheduled
        self.assertFalse(plan.is_scheduled())
        self.assertFalse(a.is_scheduled())
        self.assertIsNone(a.get_early_start())
        self.assertIsNone(plan.get_finish())

    def test_self_dependency(self):
        plan = new_plan(D(2026, 3, 2))
        add(plan, 'A', 1)
        plan.schedule()
        self.assertAffError(E.CYCLE, plan.add_dependency, 'A', 'A', FS, 0)
        self.assertEqual(deps(plan), [])
        # refused, so nothing changed
        self.assertTrue(plan.is_scheduled())


class EditsTest(afftest.AffTestCase):
    def test_calendar_edit_makes_the_schedule_stale(self):
        plan = new_plan(D(2026, 3, 2))
        add(plan, 'A', 2)
        plan.schedule()
        # Mon 2, Tue 3
        self.assertEqual(early(plan.lookup_task('A')), ((2026, 3, 2), (2026, 3, 3)))
        plan.get_calendar().add_holiday(D(2026, 3, 3), 'Fête locale')
        self.assertFalse(plan.is_scheduled())
        # the last schedule's figures stay until the next one
        self.assertEqual(early(plan.lookup_task('A')), ((2026, 3, 2), (2026, 3, 3)))
        plan.schedule()
        self.assertTrue(plan.is_scheduled())
        # Tue 3 is now off: Mon 2, Wed 4
        self.assertEqual(early(plan.lookup_task('A')), ((2026, 3, 2), (2026, 3, 4)))

    def test_remove_task(self):
        plan = new_plan(D(2026, 3, 2))
        for tid in 'ABCD':
            add(plan, tid, 2)
        plan.add_dependency('A', 'B', FS, 0)
        plan.add_dependency('B', 'C', FS, 0)
        plan.add_dependency('A', 'C', SS, 1)
        plan.add_dependency('C', 'D', FS, 0)
        plan.add_dependency('B', 'D', FF, 0)
        plan.schedule()
        b = plan.lookup_task('B')
        plan.remove_task('B')
        self.assertFalse(plan.is_scheduled())
        self.assertIsNone(plan.lookup_task('B'))
        self.assertEqual(ids(plan), ['A', 'C', 'D'])
        # B's three dependencies went with it
        self.assertEqual(deps(plan), [('A', 'C', SS, 1), ('C', 'D', FS, 0)])
        self.assertAffError(E.NOT_FOUND, plan.remove_task, 'B')
        self.assertAffError(E.NOT_FOUND, plan.add_dependency, 'A', 'B', FS, 0)
        plan.schedule()
        # A Mon 2, Tue 3; C starts a day after A: Tue 3, Wed 4; D Thu 5, Fri 6
        self.assertEqual(early(plan.lookup_task('C')), ((2026, 3, 3), (2026, 3, 4)))
        self.assertEqual(early(plan.lookup_task('D')), ((2026, 3, 5), (2026, 3, 6)))
        # the removed task is free to join another plan
        other = new_plan(D(2026, 3, 2))
        other.add_task(b)
        self.assertIs(other.lookup_task('B'), b)

    def test_refused(self):
        plan = new_plan(D(2026, 3, 2))
        a = add(plan, 'A', 2)
        add(plan, 'B', 2)
        plan.add_dependency('A', 'B', FS, 0)
        plan.schedule()
        # same id
        self.assertAffError(E.DUPLICATE_ID, plan.add_task, Aff.Task.new('A', 'Other A', 3))
        # a task of another plan
        other = new_plan(D(2026, 3, 2))
        self.assertAffError(E.IN_USE, other.add_task, a)
        self.assertEqual(len(other), 0)
        # not an id
        self.assertAffError(E.INVALID_VALUE, plan.add_task, Aff.Task.new('A 2', 'spaced', 1))
        self.assertAffError(E.INVALID_VALUE, plan.add_task, Aff.Task.new('', 'empty', 1))
        # the same pair twice, whatever the type
        self.assertAffError(E.DUPLICATE_ID, plan.add_dependency, 'A', 'B', FS, 0)
        self.assertAffError(E.DUPLICATE_ID, plan.add_dependency, 'A', 'B', SS, 3)
        # unknown tasks
        self.assertAffError(E.NOT_FOUND, plan.add_dependency, 'A', 'Z', FS, 0)
        self.assertAffError(E.NOT_FOUND, plan.add_dependency, 'Z', 'A', FS, 0)
        self.assertAffError(E.NOT_FOUND, plan.remove_task, 'Z')
        # nothing changed
        self.assertEqual(ids(plan), ['A', 'B'])
        self.assertEqual(plan.lookup_task('A').get_name(), 'Task A')
        self.assertEqual(deps(plan), [('A', 'B', FS, 0)])
        self.assertTrue(plan.is_scheduled())

    def test_list_model(self):
        plan = new_plan(D(2026, 3, 2))
        changes = []
        plan.connect('items-changed', lambda model, pos, removed, added:
                     changes.append((pos, removed, added)))
        self.assertIsInstance(plan, Gio.ListModel)
        self.assertIs(plan.get_tasks(), plan)
        self.assertEqual(plan.get_item_type(), Aff.Task.__gtype__)
        self.assertEqual(len(plan), 0)
        tasks = [add(plan, tid, 1) for tid in ('T1', 'T2', 'T3')]
        self.assertEqual(changes, [(0, 0, 1), (1, 0, 1), (2, 0, 1)])
        self.assertEqual(len(plan), 3)
        self.assertEqual(plan.get_n_items(), 3)
        self.assertEqual(ids(plan), ['T1', 'T2', 'T3'])
        self.assertIs(plan[1], tasks[1])
        self.assertIs(plan.get_item(2), tasks[2])
        self.assertIsNone(plan.get_item(3))
        # a refused addition changes nothing
        del changes[:]
        self.assertAffError(E.DUPLICATE_ID, plan.add_task, Aff.Task.new('T2', 'again', 1))
        self.assertEqual(changes, [])
        plan.remove_task('T2')
        self.assertEqual(changes, [(1, 1, 0)])
        self.assertEqual(ids(plan), ['T1', 'T3'])
        self.assertEqual(ids(plan.get_tasks()), ['T1', 'T3'])
        add(plan, 'T2', 1)
        self.assertEqual(changes, [(1, 1, 0), (2, 0, 1)])
        self.assertEqual(ids(plan), ['T1', 'T3', 'T2'])


class BaselineTest(afftest.AffTestCase):
    def test_baseline_dates(self):
        plan = new_plan(D(2026, 3, 2))
        add(plan, 'A', 3)
        plan.schedule()
        plan.save_baseline('contrat')
        add(plan, 'B', 1)
        plan.lookup_task('A').set_duration(5)
        plan.schedule()
        # the baseline keeps A as it was: Mon 2 to Wed 4
        found, start, finish = plan.get_baseline_dates('contrat', 'A')
        self.assertTrue(found)
        self.assertEqual((ymd(start), ymd(finish)), ((2026, 3, 2), (2026, 3, 4)))
        # B came after it, and there is no such baseline as 'avenant'
        self.assertFalse(plan.get_baseline_dates('contrat', 'B')[0])
        self.assertFalse(plan.get_baseline_dates('avenant', 'A')[0])

    """The textbook network (see TextbookNetworkTest) with an END milestone
    after H: END falls at the end of H, Wed 3 Jun 2026."""

    def build(self):
        plan = new_plan(D(2026, 5, 4))
        for tid, days in TextbookNetworkTest.DURATIONS:
            add(plan, tid, days)
        add(plan, 'END', 0)
        for pred, succ in TextbookNetworkTest.LINKS + [('H', 'END')]:
            plan.add_dependency(pred, succ, FS, 0)
        return plan

    def slips(self, plan, name):
        return [(s.get_task_id(), s.is_milestone(),
                 ymd(s.get_baseline_start()), ymd(s.get_baseline_finish()),
                 ymd(s.get_start()), ymd(s.get_finish()),
                 s.get_start_slip(), s.get_finish_slip())
                for s in plan.compare_to_baseline(name)]

    def test_baselines(self):
        plan = self.build()
        # not scheduled yet
        self.assertAffError(E.INVALID_TRANSITION, plan.save_baseline, 'contract')
        plan.schedule()
        self.assertEqual(early(plan.lookup_task('END')), ((2026, 6, 3), (2026, 6, 3)))
        plan.save_baseline('contract')
        self.assertEqual(plan.list_baselines(), ['contract'])
        self.assertAffError(E.DUPLICATE_ID, plan.save_baseline, 'contract')
        self.assertAffError(E.NOT_FOUND, plan.compare_to_baseline, 'nope')
        # nothing moved
        self.assertEqual(self.slips(plan, 'contract'), [])

        # B takes 9 days instead of 6: B on boundaries 4-13, D 13-18, G 18-21,
        # H 21-23, END at 23; C, E, F do not move (see the working days in
        # TextbookNetworkTest)
        plan.lookup_task('B').set_duration(9)
        # a task added since the baseline is not compared
        add(plan, 'I', 1)
        # not up to date
        self.assertAffError(E.INVALID_TRANSITION, plan.save_baseline, 'replan')
        plan.schedule()
        self.assertEqual(ymd(plan.get_finish()), (2026, 6, 8))
        self.assertEqual(self.slips(plan, 'contract'), [
            # B starts Mon 11 as before; finishes on day 12 = Fri 22 instead of
            # day 9 = Tue 19: Wed 20, Thu 21, Fri 22 = 3 working days later
            ('B', False, (2026, 5, 11), (2026, 5, 19), (2026, 5, 11), (2026, 5, 22), 0, 3),
            # D: Wed 20 -> Tue 26 May (Thu 21, Fri 22, Tue 26; Whit Monday is
            # not counted) and Wed 27 May -> Mon 1 Jun (Thu 28, Fri 29, Mon 1)
            ('D', False, (2026, 5, 20), (2026, 5, 27), (2026, 5, 26), (2026, 6, 1), 3, 3),
            # G: Thu 28 May -> Tue 2 Jun, Mon 1 Jun -> Thu 4 Jun
            ('G', False, (2026, 5, 28), (2026, 6, 1), (2026, 6, 2), (2026, 6, 4), 3, 3),
            # H: Tue 2 -> Fri 5 Jun, Wed 3 -> Mon 8 Jun
            ('H', False, (2026, 6, 2), (2026, 6, 3), (2026, 6, 5), (2026, 6, 8), 3, 3),
            # END: Wed 3 -> Mon 8 Jun
            ('END', True, (2026, 6, 3), (2026, 6, 3), (2026, 6, 8), (2026, 6, 8), 3, 3),
        ])
        plan.save_baseline('replan')
        self.assertEqual(plan.list_baselines(), ['contract', 'replan'])

        # back to 6 days: against 'replan' the same tasks are 3 days early
        # (I was in 'replan' and did not move)
        plan.lookup_task('B').set_duration(6)
        plan.schedule()
        self.assertEqual(self.slips(plan, 'replan'), [
            ('B', False, (2026, 5, 11), (2026, 5, 22), (2026, 5, 11), (2026, 5, 19), 0, -3),
            ('D', False, (2026, 5, 26), (2026, 6, 1), (2026, 5, 20), (2026, 5, 27), -3, -3),
            ('G', False, (2026, 6, 2), (2026, 6, 4), (2026, 5, 28), (2026, 6, 1), -3, -3),
            ('H', False, (2026, 6, 5), (2026, 6, 8), (2026, 6, 2), (2026, 6, 3), -3, -3),
            ('END', True, (2026, 6, 8), (2026, 6, 8), (2026, 6, 3), (2026, 6, 3), -3, -3),
        ])
        self.assertEqual(self.slips(plan, 'contract'), [])

    def test_slip_of_a_start(self):
        plan = self.build()
        plan.schedule()
        plan.save_baseline('contract')
        # the plan starts two working days later, Wed 6 May instead of Mon 4:
        # every task follows A, so every task moves by two working days.
        # A: Mon 4 -> Wed 6 (Tue 5, Wed 6); its four days are Wed 6, Thu 7,
        # Mon 11, Tue 12 (Fri 8 off): finish Thu 7 -> Tue 12 (Mon 11, Tue 12)
        plan.set_start(D(2026, 5, 6))
        plan.schedule()
        slips = {s.get_task_id(): s for s in plan.compare_to_baseline('contract')}
        self.assertEqual(sorted(slips), sorted(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'END']))
        a = slips['A']
        self.assertEqual((ymd(a.get_start()), ymd(a.get_finish()), a.get_start_slip(), a.get_finish_slip()),
                         ((2026, 5, 6), (2026, 5, 12), 2, 2))
        # C: Mon 11 -> Wed 13 May (Tue 12, Wed 13), finish Wed 13 -> Mon 18
        # (Fri 15, Mon 18; Thu 14 is Ascension)
        c = slips['C']
        self.assertEqual((ymd(c.get_start()), ymd(c.get_finish()), c.get_start_slip(), c.get_finish_slip()),
                         ((2026, 5, 13), (2026, 5, 18), 2, 2))


# ---- The affair's plan ----------------------------------------------------------

def new_portfolio():
    p = Aff.Portfolio.new()
    p.set_actor('Claire Martin')
    p.set_fixed_time(GLib.DateTime.new_utc(2026, 4, 1, 9, 0, 0))
    p.get_policy().set_activities(['pipework'])
    p.add_client(Aff.Client.new('acme', 'ACME Industrie'))
    k = Aff.Consultation.new('CONS-1', 'acme', 'Tuyauterie', D(2026, 3, 2), D(2026, 4, 15))
    k.set_activities(['pipework'])
    p.add_consultation(k)
    k.start_qualification(D(2026, 3, 3), 'analysis')
    p.evaluate_consultation('CONS-1', D(2026, 3, 5))
    p.decide_consultation('CONS-1', Aff.BidVerdict.GO, 'Direction', 'client stratégique')
    return p


def accepted_affair(p):
    offer = Aff.Offer.new('OFF-1', 'CONS-1')
    p.add_offer(offer)
    rev = offer.get_current_revision()
    ln = Aff.OfferLine.new(Aff.LineKind.LABOUR, 'Soudure TIG', '20', Aff.LineUnit.HOUR,
                           Aff.Money.parse('60.00 EUR'))
    ln.set_lot('lot-1')
    rev.add_line(ln)
    rev.set_margin_rate(1500)
    rev.set_vat_rate(2000)
    rev.set_lead_time_days(56)
    rev.set_payment_terms(45, True)
    rev.set_validity(D(2026, 6, 30))
    offer.send(D(2026, 4, 1))
    # signed on Mon 20 Apr 2026
    offer.accept(D(2026, 4, 20), 'CT-2026-017')
    return p.lookup_affair('OFF-1')


PLAN_ACTIONS = ('plan-start-set', 'plan-calendar-set', 'task-added', 'task-removed', 'task-changed',
                'dependency-added', 'dependency-removed', 'baseline-saved')


def plan_entries(p, affair_id='OFF-1'):
    return [e for e in p.get_journal().list_entries_for('affair', affair_id)
            if e.get_action() in PLAN_ACTIONS]


class AffairPlanTest(afftest.AffTestCase):
    """An affair signed Mon 20 Apr 2026, its plan on a six-day week
    (Monday to Saturday) of Alsace-Moselle, with the Friday after Ascension
    (15 May) off, Sat 2 May closed for the inventory and Sun 17 May worked.
    Its working days, from 0:
        0 Mon 20 Apr  1 Tue 21  2 Wed 22  3 Thu 23  4 Fri 24  5 Sat 25
        6 Mon 27  7 Tue 28  8 Wed 29  9 Thu 30  (Fri 1 May holiday, Sat 2
        closed)  10 Mon 4 May  11 Tue 5  12 Wed 6  13 Thu 7  (Fri 8 holiday)
        14 Sat 9  15 Mon 11  16 Tue 12  17 Wed 13  (Thu 14 Ascension, Fri 15
        bridge)  18 Sat 16  19 Sun 17  20 Mon 18  21 Tue 19
    Tasks and dependencies (boundaries s-f: days s to f - 1):
        A 5            0-5   Mon 20 .. Fri 24 Apr (actually so)
        B 6  FS A      5-11  Sat 25 Apr .. Mon 4 May
        C 4  FS B +1   12-16 Wed 6 .. Mon 11 May (Tue 5 is the lag)
        M 0  FS C      at 16, end of Mon 11 May
        D 3  SS C +2   14-17 Sat 9 .. Tue 12 May
        E 3  FS M      16-19 Tue 12, Wed 13, Sat 16 May
        F 2  FS E      19-21 Sun 17 .. Mon 18 May
        G 2  FF F -1   18-20 Sat 16 .. Sun 17 May
    The end is 21, Mon 18 May. D may end with the plan: float 21 - 17 = 4;
    G: 21 - 20 = 1; the others are critical.
    """

    EARLY = {
        'A': ((2026, 4, 20), (2026, 4, 24)),
        'B': ((2026, 4, 25), (2026, 5, 4)),
        'C': ((2026, 5, 6), (2026, 5, 11)),
        'M': ((2026, 5, 11), (2026, 5, 11)),
        'D': ((2026, 5, 9), (2026, 5, 12)),
        'E': ((2026, 5, 12), (2026, 5, 16)),
        'F': ((2026, 5, 17), (2026, 5, 18)),
        'G': ((2026, 5, 16), (2026, 5, 17)),
    }
    DEPS = [('A', 'B', FS, 0), ('B', 'C', FS, 1), ('C', 'M', FS, 0), ('C', 'D', SS, 2),
            ('M', 'E', FS, 0), ('E', 'F', FS, 0), ('F', 'G', FF, -1)]

    def calendar(self):
        cal = french(True)
        cal.set_working_weekday(W.SATURDAY, True)
        cal.add_holiday(D(2026, 5, 15), 'Pont de l’Ascension')
        cal.add_exception(D(2026, 5, 2), D(2026, 5, 2), False, 'Inventaire')
        cal.add_exception(D(2026, 5, 17), D(2026, 5, 17), True, 'Rattrapage')
        return cal

    def build(self, p):
        affair = accepted_affair(p)
        plan = affair.get_plan()
        plan.set_calendar(self.calendar())
        tasks = {}
        for tid, days in (('A', 5), ('B', 6), ('C', 4), ('M', 0), ('D', 3), ('E', 3), ('F', 2),
                          ('G', 2)):
            tasks[tid] = Aff.Task.new(tid, 'Tâche ' + tid, days)
        a = tasks['A']
        a.set_kind(Kind.PURCHASE)
        a.set_party(Aff.Party.SUPPLIER)
        a.set_party_name('Inox Services')
        # no effort hours here: see EffortHoursJournalTest
        a.set_deliverable('Tubes livrés')
        c = tasks['C']
        c.set_kind(Kind.INTERVENTION)
        c.set_zone('Atelier 2')
        c.set_dangerous_work(Aff.RegulatoryFlags.HOT_WORK | Aff.RegulatoryFlags.WORK_AT_HEIGHT)
        c.set_risk_ids(['R1', 'R2'])
        # constraints that hold without moving anything: D no earlier than
        # Thu 7 May (it starts Sat 9), E finished by Sat 16 May (it is)
        tasks['D'].set_start_no_earlier_than(D(2026, 5, 7))
        tasks['E'].set_finish_no_later_than(D(2026, 5, 16))
        for tid in 'ABCMDEFG':
            plan.add_task(tasks[tid])
        for pred, succ, dep_type, lag in self.DEPS:
            plan.add_dependency(pred, succ, dep_type, lag)
        # A happened as planned
        a.set_actual_start(D(2026, 4, 20))
        a.set_actual_finish(D(2026, 4, 24))
        a.set_progress(100)
        return affair, plan

    def assertSchedule(self, plan):
        for tid, expected in self.EARLY.items():
            self.assertEqual(early(plan.lookup_task(tid)), expected, tid)
        self.assertEqual(ymd(plan.get_finish()), (2026, 5, 18))
        self.assertEqual(list(plan.get_violations()), [])
        # D: late 18-21 = Sat 16 .. Mon 18 May; G: late 19-21 = Sun 17 ..
        # Mon 18 May
        self.assertEqual((plan.lookup_task('D').get_total_float(), plan.lookup_task('G').get_total_float()),
                         (4, 1))
        self.assertEqual(late(plan.lookup_task('D')), ((2026, 5, 16), (2026, 5, 18)))
        self.assertEqual(late(plan.lookup_task('G')), ((2026, 5, 17), (2026, 5, 18)))
        # by early start: A Apr 20, B Apr 25, C May 6, M May 11, E May 12, F
        # May 17
        self.assertEqual(ids(plan.get_critical_path()), ['A', 'B', 'C', 'M', 'E', 'F'])

    def test_start_is_signed_date(self):
        p = new_portfolio()
        affair = accepted_affair(p)
        self.assertEqual(ymd(affair.get_signed_date()), (2026, 4, 20))
        plan = affair.get_plan()
        self.assertIsInstance(plan, Aff.Plan)
        self.assertIs(affair.get_plan(), plan)
        self.assertEqual(ymd(plan.get_start()), (2026, 4, 20))
        self.assertTrue(plan.get_calendar().get_french())
        self.assertEqual(len(plan), 0)
        # a first task starts on the signed day, Mon 20 Apr
        add(plan, 'T', 2)
        plan.schedule()
        self.assertEqual(early(plan.lookup_task('T')), ((2026, 4, 20), (2026, 4, 21)))

    def test_schedule_and_journal(self):
        p = new_portfolio()
        self.assertEqual(plan_entries(p), [])
        affair, plan = self.build(p)
        plan.schedule()
        self.assertSchedule(plan)
        plan.save_baseline('contract')

        # the start moved and back, a task and a dependency added and removed
        plan.set_start(D(2026, 4, 21))
        plan.set_start(D(2026, 4, 20))
        add(plan, 'X', 1)
        plan.add_dependency('X', 'A', SS, 0)
        plan.remove_dependency('X', 'A')
        plan.remove_task('X')
        plan.lookup_task('B').set_duration(6)     # no change: no entry
        plan.lookup_task('B').set_zone('Zone Nord')

        entries = plan_entries(p)
        for e in entries:
            self.assertEqual((e.get_entity_kind(), e.get_entity_id()), ('affair', 'OFF-1'))
            self.assertEqual(e.get_actor(), 'Claire Martin')
        actions = [e.get_action() for e in entries]
        self.assertEqual(actions,
                         ['plan-calendar-set']
                         + ['task-added'] * 8
                         + ['dependency-added'] * 7
                         + ['task-changed'] * 3        # A's actual start, finish, progress
                         + ['baseline-saved', 'plan-start-set', 'plan-start-set', 'task-added',
                            'dependency-added', 'dependency-removed', 'task-removed', 'task-changed'])
        added = [e.dup_detail('task') for e in entries if e.get_action() == 'task-added']
        self.assertEqual(added, ['A', 'B', 'C', 'M', 'D', 'E', 'F', 'G', 'X'])
        dep = [e for e in entries if e.get_action() == 'dependency-added'][1]
        self.assertEqual((dep.dup_detail('predecessor'), dep.dup_detail('successor'),
                          dep.dup_detail('type'), dep.dup_detail('lag')), ('B', 'C', 'finish-start', '1'))
        dep = [e for e in entries if e.get_action() == 'dependency-added'][6]
        self.assertEqual((dep.dup_detail('predecessor'), dep.dup_detail('successor'),
                          dep.dup_detail('type'), dep.dup_detail('lag')), ('F', 'G', 'finish-finish', '-1'))
        removed = [e for e in entries if e.get_action() == 'dependency-removed'][0]
        self.assertEqual((removed.dup_detail('predecessor'), removed.dup_detail('successor')), ('X', 'A'))
        self.assertEqual([e.dup_detail('task') for e in entries if e.get_action() == 'task-removed'], ['X'])
        changed = [(e.dup_detail('task'), e.dup_detail('property'), e.dup_detail('value'))
                   for e in entries if e.get_action() == 'task-changed']
        self.assertEqual(changed, [('A', 'actual-start', '2026-04-20'), ('A', 'actual-finish', '2026-04-24'),
                                   ('A', 'progress', '100'), ('B', 'zone', 'Zone Nord')])
        starts = [e.dup_detail('start') for e in entries if e.get_action() == 'plan-start-set']
        self.assertEqual(starts, ['2026-04-21', '2026-04-20'])
        saved = [e for e in entries if e.get_action() == 'baseline-saved'][0]
        self.assertEqual((saved.dup_detail('baseline'), saved.dup_detail('finish')), ('contract', '2026-05-18'))
        self.assertTrue(p.get_journal().verify())

    def test_round_trip(self):
        p = new_portfolio()
        affair, plan = self.build(p)
        plan.schedule()
        plan.save_baseline('contract')
        text = to_text(p)

        doc = json.loads(text)
        self.assertEqual(doc['version'], 5)
        saved = doc['affairs'][0]['plan']
        self.assertEqual(saved['start'], '2026-04-20')
        self.assertEqual([t['id'] for t in saved['tasks']], list('ABCMDEFG'))
        self.assertEqual(len(saved['dependencies']), 7)
        self.assertEqual([b['name'] for b in saved['baselines']], ['contract'])
        # the baseline holds the early dates worked out above
        self.assertEqual([(x['id'], x['start'], x['finish']) for x in saved['baselines'][0]['tasks']],
                         [(tid, '%04d-%02d-%02d' % self.EARLY[tid][0], '%04d-%02d-%02d' % self.EARLY[tid][1])
                          for tid in 'ABCMDEFG'])

        q = Aff.Portfolio.new_from_data(text, -1)
        self.assertEqual(to_text(q), text)
        self.assertTrue(q.get_journal().verify())
        self.assertEqual(q.get_journal().get_head_hash(), p.get_journal().get_head_hash())
        loaded = q.lookup_affair('OFF-1').get_plan()
        self.assertEqual(ymd(loaded.get_start()), (2026, 4, 20))
        self.assertEqual(ids(loaded), list('ABCMDEFG'))
        self.assertEqual(deps(loaded), self.DEPS)
        self.assertEqual(loaded.list_baselines(), ['contract'])

        # the tasks, whole
        a, c = loaded.lookup_task('A'), loaded.lookup_task('C')
        self.assertEqual((a.get_name(), a.get_duration(), a.get_kind(), a.get_party(), a.get_party_name(),
                          a.get_effort_hours(), a.get_deliverable(), a.get_progress()),
                         ('Tâche A', 5, Kind.PURCHASE, Aff.Party.SUPPLIER, 'Inox Services', 0.0,
                          'Tubes livrés', 100))
        self.assertEqual((ymd(a.get_actual_start()), ymd(a.get_actual_finish())), ((2026, 4, 20), (2026, 4, 24)))
        self.assertEqual((c.get_kind(), c.get_zone(), list(c.get_risk_ids())),
                         (Kind.INTERVENTION, 'Atelier 2', ['R1', 'R2']))
        self.assertEqual(c.get_dangerous_work(),
                         Aff.RegulatoryFlags.HOT_WORK | Aff.RegulatoryFlags.WORK_AT_HEIGHT)
        self.assertEqual(loaded.lookup_task('M').get_kind(), Kind.MILESTONE)
        self.assertEqual(ymd(loaded.lookup_task('D').get_start_no_earlier_than()), (2026, 5, 7))
        self.assertEqual(ymd(loaded.lookup_task('E').get_finish_no_later_than()), (2026, 5, 16))

        # the calendar, whole
        cal = loaded.get_calendar()
        self.assertTrue(cal.get_french())
        self.assertTrue(cal.get_alsace_moselle())
        self.assertTrue(cal.get_working_weekday(W.SATURDAY))
        self.assertFalse(cal.get_working_weekday(W.SUNDAY))
        self.assertTrue(cal.get_working_weekday(W.FRIDAY))
        self.assertEqual(cal.get_day_name(D(2026, 5, 15)), 'Pont de l’Ascension')
        self.assertEqual(cal.get_day_name(D(2026, 5, 2)), 'Inventaire')
        self.assertEqual(cal.get_day_name(D(2026, 5, 17)), 'Rattrapage')
        self.assertFalse(cal.is_working_day(D(2026, 5, 2)))
        self.assertTrue(cal.is_working_day(D(2026, 5, 17)))
        # the French and Alsace holidays of 2026 and the added one, in order
        self.assertEqual(dates(cal.list_holidays(2026)),
                         sorted(FRENCH_HOLIDAYS[2026] + [(2026, 4, 3), (2026, 5, 15), (2026, 12, 26)]))

        # loaded, not scheduled; once scheduled, the same dates and no slip
        self.assertFalse(loaded.is_scheduled())
        self.assertIsNone(loaded.get_finish())
        self.assertAffError(E.INVALID_TRANSITION, loaded.compare_to_baseline, 'contract')
        loaded.schedule()
        self.assertSchedule(loaded)
        for t in plan:
            u = loaded.lookup_task(t.get_id())
            self.assertEqual((early(u), late(u), u.get_total_float(), u.get_free_float()),
                             (early(t), late(t), t.get_total_float(), t.get_free_float()))
        self.assertEqual(list(loaded.compare_to_baseline('contract')), [])
        # one day more for B: it ends on day 11, Tue 5 May, one working day
        # later, and everything after it (C, M, D, E, F, G) moves; A does not
        loaded.lookup_task('B').set_duration(7)
        loaded.schedule()
        slips = list(loaded.compare_to_baseline('contract'))
        self.assertEqual([x.get_task_id() for x in slips], list('BCMDEFG'))
        b = slips[0]
        self.assertEqual((ymd(b.get_baseline_start()), ymd(b.get_baseline_finish()), ymd(b.get_start()),
                          ymd(b.get_finish()), b.get_start_slip(), b.get_finish_slip()),
                         ((2026, 4, 25), (2026, 5, 4), (2026, 4, 25), (2026, 5, 5), 0, 1))

        # the loaded plan goes on, journaled under the affair
        n = len(plan_entries(q))
        add(loaded, 'H', 1)
        self.assertEqual(len(plan_entries(q)), n + 1)
        self.assertEqual(plan_entries(q)[-1].get_action(), 'task-added')
        self.assertTrue(q.get_journal().verify())

    def test_effort_in_document(self):
        # the effort is kept to the minute, and written as whole minutes
        # (12.5 h = 750 min, 40 h = 2400 min)
        p = new_portfolio()
        self.build(p)
        doc = json.loads(to_text(p))
        doc['affairs'][0]['plan']['tasks'][0]['effort_minutes'] = 750
        doc['affairs'][0]['plan']['tasks'][1]['effort_minutes'] = 2400
        q = Aff.Portfolio.new_from_data(json.dumps(doc, ensure_ascii=False), -1)
        loaded = q.lookup_affair('OFF-1').get_plan()
        self.assertEqual(loaded.lookup_task('A').get_effort_hours(), 12.5)
        self.assertEqual(loaded.lookup_task('B').get_effort_minutes(), 2400)
        self.assertEqual(loaded.lookup_task('C').get_effort_hours(), 0.0)
        tasks = json.loads(to_text(q))['affairs'][0]['plan']['tasks']
        self.assertEqual([t.get('effort_minutes') for t in tasks], [750, 2400, None, None, None, None, None, None])
        # hours are not a member: the journal hashes integers only
        doc['affairs'][0]['plan']['tasks'][0]['effort_hours'] = 12.5
        self.assertAffError(Aff.Error.INVALID_DOCUMENT, Aff.Portfolio.new_from_data,
                            json.dumps(doc, ensure_ascii=False), -1)


class EffortJournalTest(afftest.AffTestCase):
    """The effort, in hours with a fraction, is journaled in whole minutes."""

    def test_minutes_and_hours(self):
        task = Aff.Task.new('A', 'Soudure', 2)
        task.set_effort_minutes(450)
        # 450 minutes are 7 h 30
        self.assertEqual(task.get_effort_hours(), 7.5)
        task.set_effort_hours(1 / 3)
        # a third of an hour is 20 minutes
        self.assertEqual(task.get_effort_minutes(), 20)

    def entries(self, p):
        return [(e.get_action(), e.dup_detail('task'), e.dup_detail('property'), e.dup_detail('value'))
                for e in plan_entries(p)]

    def test_task_with_effort_added(self):
        # a task of 12.5 hours added to an affair's plan: one 'task-added'
        # entry whose value holds 750 minutes, and the journal verifies
        p = new_portfolio()
        plan = accepted_affair(p).get_plan()
        task = Aff.Task.new('A', 'Soudure', 2)
        task.set_effort_hours(12.5)
        plan.add_task(task)
        entries = self.entries(p)
        self.assertEqual([e[:2] for e in entries], [('task-added', 'A')])
        self.assertEqual(json.loads(entries[0][3])['effort_minutes'], 750)
        self.assertTrue(p.get_journal().verify())

    def test_effort_changed(self):
        # the effort of a task of the plan changed to 12.5 hours: one
        # 'task-changed' entry, property 'effort-minutes', value 750
        p = new_portfolio()
        plan = accepted_affair(p).get_plan()
        task = Aff.Task.new('A', 'Soudure', 2)
        plan.add_task(task)
        task.set_effort_hours(12.5)
        self.assertEqual(task.get_effort_minutes(), 750)
        self.assertEqual(self.entries(p)[1:], [('task-changed', 'A', 'effort-minutes', '750')])
        # 20 seconds round to the nearest minute: 12.5 h + 20 s is 750 min
        task.set_effort_hours(12.5 + 20 / 3600)
        self.assertEqual(len(self.entries(p)), 2)
        self.assertTrue(p.get_journal().verify())


if __name__ == '__main__':
    unittest.main()
