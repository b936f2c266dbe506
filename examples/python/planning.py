#!/usr/bin/env python3
"""Planning: a plan, its critical path, a baseline and a hazard.

Four tasks on the French working calendar are scheduled; the schedule is
saved as the contract baseline, then a supplier's delay hits the assembly
and the plan shows which tasks slipped, and by how many working days.
Prints the same lines as planning.c and planning.js (see
examples/README.md).

Run from the build tree:
    GI_TYPELIB_PATH=_build/libaffaires LD_LIBRARY_PATH=_build/libaffaires \\
      python3 examples/python/planning.py
"""
# SPDX-License-Identifier: LGPL-2.1-or-later

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff  # noqa: E402

from story import day, iso  # noqa: E402

# A new plan works on the French calendar: weekends and public holidays are
# not working days, and durations count working days only.
plan = Aff.Plan.new()
plan.set_start(day(2026, 4, 20))    # a Monday

for task_id, name, days in [('A', 'Préparation', 3),
                            ('B', 'Montage', 5),
                            ('C', 'Essais', 2),
                            ('D', 'Documentation', 2)]:
    plan.add_task(Aff.Task.new(task_id, name, days))

# Finish-to-start, no lag: each task starts the working day after its
# predecessor finishes.
for predecessor, successor in [('A', 'B'), ('B', 'C'), ('A', 'D')]:
    plan.add_dependency(predecessor, successor, Aff.DependencyType.FINISH_START, 0)

plan.schedule()
print('finish before %s' % iso(plan.get_finish()))
# The critical path: the tasks with no float, whose delay delays the finish.
print('critical path %s' % ' '.join(task.get_id() for task in plan.get_critical_path()))

# The baseline freezes the dates the client signed for, so that later
# schedules can be measured against them.
plan.save_baseline('contrat')

# The tubes arrive late: B is pushed back by 2 working days and the plan is
# rescheduled around it.
hazard = Aff.Hazard.new('H1', day(2026, 4, 24), Aff.HazardCause.SUPPLIER, 'Tubes en retard')
hazard.set_task_ids(['B'])
hazard.set_delay_days(2)
plan.apply_hazard(hazard)
print('finish after %s' % iso(plan.get_finish()))

# The comparison also lists tasks whose start alone moved; only the
# finishes that slipped matter here.
for slip in plan.compare_to_baseline('contrat'):
    if slip.get_finish_slip() != 0:
        print('slip %s %+d' % (slip.get_task_id(), slip.get_finish_slip()))
