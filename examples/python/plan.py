#!/usr/bin/python3
# A delivery plan, scheduled on the French calendar: the critical path, a
# hazard that moves a milestone, the prevention-plan rule, and the plan as
# a Gantt chart (SVG) and a calendar (iCalendar) written beside.
#
#   plan.py [OUTPUT-FOLDER]
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import os
import sys

import gi
gi.require_version("Aff", "1")
from gi.repository import Aff, GLib  # noqa: E402


def day(y, m, d):
    return GLib.Date.new_dmy(d, GLib.DateMonth(m), y)


def iso(date):
    return "%04d-%02d-%02d" % (date.get_year(), int(date.get_month()), date.get_day())


plan = Aff.Plan.new()
plan.set_start(day(2027, 3, 15))
plan.set_contract_end(day(2027, 4, 30))

for id_, name, days, kind in [
        ("REV", "Revue de conception", 2, Aff.TaskKind.DESIGN_REVIEW),
        ("ACH", "Achat du faisceau", 6, Aff.TaskKind.PURCHASE),
        ("DEP", "Dépose de l'ancien faisceau", 3, Aff.TaskKind.INTERVENTION),
        ("POS", "Pose du faisceau neuf", 4, Aff.TaskKind.INTERVENTION),
        ("CTL", "Épreuve hydraulique", 1, Aff.TaskKind.INSPECTION),
        ("MES", "Remise en service", 0, Aff.TaskKind.MILESTONE)]:
    task = Aff.Task.new(id_, name, days)
    task.set_kind(kind)
    plan.add_task(task)
plan.lookup_task("DEP").set_zone("Unité 3")
plan.lookup_task("DEP").set_effort_hours(120)
plan.lookup_task("POS").set_zone("Unité 3")
plan.lookup_task("POS").set_effort_hours(160)
plan.lookup_task("POS").set_dangerous_work(Aff.RegulatoryFlags.HOT_WORK)

FS = Aff.DependencyType.FINISH_START
for pred, succ in [("REV", "ACH"), ("ACH", "POS"), ("DEP", "POS"), ("POS", "CTL"), ("CTL", "MES")]:
    plan.add_dependency(pred, succ, FS, 0)

plan.schedule()
print("Finish %s; critical path: %s" % (iso(plan.get_finish()),
                                        " → ".join(t.get_id() for t in plan.get_critical_path())))
plan.save_baseline("contrat")

hazard = Aff.Hazard.new("A1", day(2027, 3, 22), Aff.HazardCause.SUPPLIER, "Faisceau livré en retard")
hazard.set_task_ids(["ACH"])
hazard.set_delay_days(3)
impact = plan.apply_hazard(hazard)
for slip in impact.get_slipped_milestones():
    print("Milestone %s slips %d working days to %s" % (slip.get_task_id(), slip.get_finish_slip(),
                                                         iso(slip.get_finish())))
print("Contract end holds: %s" % impact.get_contract_end_holds())

required, reasons = plan.requires_prevention_plan()
print("Prevention plan required: %s" % required)
for reason in reasons:
    print("  " + reason)

folder = sys.argv[1] if len(sys.argv) > 1 else None
if folder:
    options = Aff.GanttOptions.new()
    options.set_title("Remplacement du faisceau E-101")
    options.set_baseline("contrat")
    with open(os.path.join(folder, "plan.svg"), "w", encoding="utf-8") as f:
        f.write(plan.to_svg_gantt(options))
    with open(os.path.join(folder, "plan.ics"), "w", encoding="utf-8", newline="") as f:
        f.write(plan.to_icalendar("affaires.example"))
    print("Wrote plan.svg and plan.ics in " + folder)
