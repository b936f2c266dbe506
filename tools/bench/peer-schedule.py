#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The peers of bench-schedule: the same plan scheduled by networkx and tj3.

bench-schedule writes a plan file (start date, calendar, tasks with durations
in working days, finish-to-start dependencies with lags in working days) and
the dates its own scheduler computed. This script schedules the same plan with
two other tools and checks them against those dates:

networkx
    The plan as a DiGraph whose edge (p, s) weighs duration(p) + lag; a task's
    earliest start, in working days from the plan's start, is its longest
    incoming path. Building the graph and scheduling it are timed separately
    (median of 3 rounds each). networkx has no calendar, so it is compared on
    the working-day offsets only (es, and ef = es + duration): that is the pure
    graph part of scheduling, without turning offsets into dates, which
    favours networkx slightly over the C side, which does both.

TaskJuggler (tj3)
    The plan as a .tjp project with the same calendar (Monday to Friday,
    French public holidays as project leaves), scheduled and reported as CSV
    by a tj3 subprocess, timed as a whole (parsing, scheduling, the report,
    and Ruby's start-up, which is about 0.4 s). It does the full job, calendar
    and dates included, so its start and finish dates are compared with the C
    side's. tj3 is slow, and slower per task on large plans (here about 3 s
    for 1000 tasks, 37 s for 10000): above --tj3-max tasks it is skipped. Its
    dates cannot go beyond 2035: a plan ending later skips it too.

Usage: peer-schedule.py PLAN DATES [--tj3-max N]

Machine-readable results go to stdout, one per line (seconds for times):
    networkx_build S / networkx_schedule S / networkx_match K N /
    tj3_run S or tj3_skipped REASON / tj3_match K N.
Anything else goes to stderr. Mismatches are not failures (the C side reports
them); bad input or tj3 failing is, with a non-zero exit status.
"""

import argparse
import csv
import datetime
import os
import statistics
import subprocess
import sys
import tempfile
import time

import networkx as nx

ROUNDS = 3
TJ3 = '/usr/bin/tj3'
TJ3_LAST_DAY = datetime.date(2035, 12, 31)  # TjTime refuses years after 2035
# tj3 3.7's default working hours, written out in the project anyway.
WORK_START, WORK_END = datetime.time(9, 0), datetime.time(17, 0)
MAX_SHOWN = 10  # mismatches detailed on stderr


class BadInput(Exception):
    pass


def note(*args):
    print(*args, file=sys.stderr)


# ------------------------------------------------------------------ calendar

def easter(year):
    """Easter Sunday, anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def french_holidays(year):
    """The French public holidays of a year: {date: name}."""
    e = easter(year)
    days = {}
    for when, name in (
            (datetime.date(year, 1, 1), "Jour de l'an"),
            (e + datetime.timedelta(days=1), 'Lundi de Pâques'),
            (datetime.date(year, 5, 1), 'Fête du Travail'),
            (datetime.date(year, 5, 8), 'Victoire 1945'),
            (e + datetime.timedelta(days=39), 'Ascension'),
            (e + datetime.timedelta(days=50), 'Lundi de Pentecôte'),
            (datetime.date(year, 7, 14), 'Fête nationale'),
            (datetime.date(year, 8, 15), 'Assomption'),
            (datetime.date(year, 11, 1), 'Toussaint'),
            (datetime.date(year, 11, 11), 'Armistice 1918'),
            (datetime.date(year, 12, 25), 'Noël')):
        # Ascension can fall on 1 or 8 May: keep the first name.
        days.setdefault(when, name)
    return days


class Calendar:
    """Monday to Friday, French public holidays."""

    def __init__(self):
        self._holidays = {}

    def is_working(self, day):
        if day.weekday() >= 5:
            return False
        if day.year not in self._holidays:
            self._holidays[day.year] = french_holidays(day.year)
        return day not in self._holidays[day.year]

    def next_working(self, day):
        """The first working day strictly after day."""
        day += datetime.timedelta(days=1)
        while not self.is_working(day):
            day += datetime.timedelta(days=1)
        return day

    def working_day(self, start, offset):
        """Working day number offset (0 = start, itself a working day)."""
        day = start
        for _ in range(offset):
            day = self.next_working(day)
        return day


# ---------------------------------------------------------------- the files

def parse_date(text, where):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise BadInput(f'{where}: bad date {text!r}') from None


def parse_int(text, where, minimum=0):
    try:
        value = int(text)
    except ValueError:
        raise BadInput(f'{where}: bad number {text!r}') from None
    if value < minimum:
        raise BadInput(f'{where}: {value} is below {minimum}')
    return value


def read_plan(path):
    """(start date, [duration], [(pred, succ, lag)])."""
    start = None
    durations = []
    deps = []
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            where = f'{path}:{number}'
            fields = line.split('#', 1)[0].split()
            if not fields:
                continue
            kind, args = fields[0], fields[1:]
            if kind == 'start' and len(args) == 1:
                start = parse_date(args[0], where)
            elif kind == 'calendar' and len(args) == 1:
                if args[0] != 'french':
                    raise BadInput(f'{where}: unknown calendar {args[0]!r}')
            elif kind == 'task' and len(args) == 2:
                if parse_int(args[0], where) != len(durations):
                    raise BadInput(f'{where}: task {args[0]} out of order')
                durations.append(parse_int(args[1], where))
            elif kind == 'dep' and len(args) == 3:
                pred, succ, lag = (parse_int(a, where) for a in args)
                if pred >= len(durations) or succ >= len(durations):
                    raise BadInput(f'{where}: dependency on an unknown task')
                if pred == succ:
                    raise BadInput(f'{where}: task {pred} depends on itself')
                deps.append((pred, succ, lag))
            else:
                raise BadInput(f'{where}: cannot read {line.strip()!r}')
    if start is None:
        raise BadInput(f'{path}: no start date')
    if not Calendar().is_working(start):
        raise BadInput(f'{path}: the start {start} is not a working day')
    return start, durations, deps


def read_dates(path, n):
    """{index: (start date, finish date, es, ef)} of the C side."""
    dates = {}
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            where = f'{path}:{number}'
            fields = line.split()
            if not fields:
                continue
            if len(fields) != 5:
                raise BadInput(f'{where}: cannot read {line.strip()!r}')
            index = parse_int(fields[0], where)
            if index >= n:
                raise BadInput(f'{where}: task {index} is not in the plan')
            dates[index] = (parse_date(fields[1], where),
                            parse_date(fields[2], where),
                            parse_int(fields[3], where),
                            parse_int(fields[4], where))
    if len(dates) != n:
        note(f'{path}: dates of {len(dates)} tasks out of {n}')
    return dates


# ------------------------------------------------------------------ networkx

def nx_build(durations, deps):
    graph = nx.DiGraph()
    for index, duration in enumerate(durations):
        graph.add_node(index, duration=duration)
    for pred, succ, lag in deps:
        weight = durations[pred] + lag
        # The same pair twice: only the longest gap constrains.
        if graph.has_edge(pred, succ) and graph[pred][succ]['weight'] >= weight:
            continue
        graph.add_edge(pred, succ, weight=weight)
    return graph


def nx_schedule(graph):
    """Earliest start offset of every node: its longest incoming path."""
    es = {}
    for node in nx.topological_sort(graph):
        es[node] = max((es[pred] + weight for pred, _, weight
                        in graph.in_edges(node, data='weight')), default=0)
    return es


def timed(rounds, function, *args):
    """(median seconds, last result)."""
    times = []
    for _ in range(rounds):
        begin = time.perf_counter()
        result = function(*args)
        times.append(time.perf_counter() - begin)
    return statistics.median(times), result


def run_networkx(durations, deps, dates):
    build, graph = timed(ROUNDS, nx_build, durations, deps)
    try:
        schedule, es = timed(ROUNDS, nx_schedule, graph)
    except nx.NetworkXUnfeasible:
        raise BadInput('the dependencies have a cycle') from None
    matching = 0
    shown = 0
    for index, duration in enumerate(durations):
        theirs = dates.get(index)
        ours = (es[index], es[index] + duration)
        if theirs is not None and theirs[2:] == ours:
            matching += 1
        elif shown < MAX_SHOWN:
            shown += 1
            note(f'networkx: task {index}: es ef {ours[0]} {ours[1]}, C side '
                 + ('nothing' if theirs is None
                    else f'{theirs[2]} {theirs[3]}'))
    print(f'networkx_build {build:.6f}')
    print(f'networkx_schedule {schedule:.6f}')
    print(f'networkx_match {matching} {len(durations)}')
    return max((es[i] + d for i, d in enumerate(durations)), default=0)


# --------------------------------------------------------------- TaskJuggler

def tjp_text(start, end, durations, deps):
    # Several dependencies on the same pair: keep the longest lag.
    lags = [{} for _ in durations]
    for pred, succ, lag in deps:
        lags[succ][pred] = max(lag, lags[succ].get(pred, 0))
    out = [
        f'project plan "bench-schedule" {start.isoformat()} - {end.isoformat()} {{',
        '  timezone "UTC"',
        '  timingresolution 60min',
        f'  workinghours mon - fri {WORK_START:%H:%M} - {WORK_END:%H:%M}',
        '  workinghours sat, sun off',
        '  dailyworkinghours 8',
        '}',
    ]
    for year in range(start.year, end.year + 1):
        for day, name in sorted(french_holidays(year).items()):
            out.append(f'leaves holiday "{name}" {day.isoformat()}')
    # Flat tasks at the top level, scheduled ASAP (the default).
    for index, duration in enumerate(durations):
        what = f'length {duration}d' if duration else 'milestone'
        if lags[index]:
            what += ' depends ' + ', '.join(
                f't{pred} {{ gaplength {lag}d }}' if lag else f't{pred}'
                for pred, lag in sorted(lags[index].items()))
        out.append(f'task t{index} "{index}" {{ {what} }}')
    out += [
        'taskreport schedule "schedule" {',
        '  formats csv',
        '  columns id, start, end',
        '  timeformat "%Y-%m-%d %H:%M"',
        '}',
        '',
    ]
    return '\n'.join(out)


def tj3_dates(stamp_start, stamp_end, milestone, calendar):
    """A tj3 task's (start, finish) as the C side's inclusive display dates.

    Working hours are 9:00 to 17:00, timestamps are UTC, printed with hours:
    - The end is the end of the task's last working hour, 17:00 on its
      finish day, so finish = the date printed. Milestones have start = end:
      17:00 on the finish day of their predecessor (after the gap), or 00:00
      on the plan's first day if they have none: the date printed again.
    - The start of a task with predecessors is the end of its latest
      predecessor (or of the gap after it), 17:00 on a working day, or the
      project start (00:00) otherwise: the task's first day is the first
      working day whose working hours end after that instant, the date
      printed at 00:00 of a working day, else the next working day. A date
      alone ("%Y-%m-%d") would be one working day early for every task
      with a predecessor, which is why the report prints hours.
    """
    finish = stamp_end.date()
    if milestone:
        return finish, finish
    start = stamp_start.date()
    if stamp_start.time() >= WORK_END or not calendar.is_working(start):
        start = calendar.next_working(start)
    return start, finish


def run_tj3(start, durations, deps, dates, nx_last_offset, tj3_max):
    n = len(durations)
    if n > tj3_max:
        note(f'tj3: skipped, {n} tasks is more than --tj3-max {tj3_max}')
        print(f'tj3_skipped n={n}>tj3-max={tj3_max}')
        return
    if n == 0:
        print('tj3_skipped empty-plan')
        return
    calendar = Calendar()
    # The horizon: the latest finish of the C side or networkx, plus a margin
    # of a quarter of the plan (at least two months), capped to what tj3 knows.
    last = max([calendar.working_day(start, max(nx_last_offset - 1, 0))]
               + [finish for _, finish, _, _ in dates.values()])
    if last > TJ3_LAST_DAY:
        note(f'tj3: skipped, the plan ends on {last}, after 2035')
        print('tj3_skipped horizon-after-2035')
        return
    end = min(last + max((last - start) // 4, datetime.timedelta(days=61)),
              TJ3_LAST_DAY)
    with tempfile.TemporaryDirectory(prefix='peer-schedule-') as folder:
        project = os.path.join(folder, 'plan.tjp')
        with open(project, 'w', encoding='utf-8') as f:
            f.write(tjp_text(start, end, durations, deps))
        begin = time.perf_counter()
        run = subprocess.run([TJ3, '--silent', '--no-color', '-o', folder,
                              project], cwd=folder, capture_output=True,
                             text=True, check=False)
        seconds = time.perf_counter() - begin
        if run.stdout.strip() or run.stderr.strip():
            note('tj3 said:\n' + (run.stdout + run.stderr).strip())
        if run.returncode != 0:
            raise RuntimeError(f'tj3 failed with status {run.returncode}')
        with open(os.path.join(folder, 'schedule.csv'),
                  encoding='utf-8', newline='') as f:
            rows = list(csv.reader(f, delimiter=';'))
    if not rows or [c.lower() for c in rows[0]] != ['id', 'start', 'end']:
        raise RuntimeError('tj3 wrote an unexpected report')
    found = {}
    for row in rows[1:]:
        try:
            index = int(row[0].removeprefix('t'))
            stamps = [datetime.datetime.strptime(s, '%Y-%m-%d %H:%M')
                      for s in row[1:3]]
        except (ValueError, IndexError):
            raise RuntimeError(f'tj3 wrote an unexpected row {row!r}') from None
        found[index] = tj3_dates(*stamps, durations[index] == 0, calendar)
    matching = 0
    shown = 0
    for index in range(n):
        ours = found.get(index)
        theirs = dates.get(index)
        if ours is not None and theirs is not None and theirs[:2] == ours:
            matching += 1
        elif shown < MAX_SHOWN:
            shown += 1
            note(f'tj3: task {index}: '
                 + ('nothing' if ours is None else f'{ours[0]} {ours[1]}')
                 + ', C side '
                 + ('nothing' if theirs is None else f'{theirs[0]} {theirs[1]}'))
    print(f'tj3_run {seconds:.3f}')
    print(f'tj3_match {matching} {n}')


def main():
    parser = argparse.ArgumentParser(
        description='Schedule a bench-schedule plan with networkx and tj3.')
    parser.add_argument('plan')
    parser.add_argument('dates')
    parser.add_argument('--tj3-max', type=int, default=10000, metavar='N',
                        help='skip TaskJuggler above N tasks (10000)')
    args = parser.parse_args()
    try:
        start, durations, deps = read_plan(args.plan)
        dates = read_dates(args.dates, len(durations))
        last_offset = run_networkx(durations, deps, dates)
        sys.stdout.flush()
        run_tj3(start, durations, deps, dates, last_offset, args.tj3_max)
    except (BadInput, OSError, RuntimeError) as error:
        note(f'peer-schedule: {error}')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
