#!/usr/bin/env python3
"""Lessons learned and audit: closing the loop from one affair to the next.

The affair OFF-1 of finance.py is finished and accepted; its lessons
learned (REX) are drawn up and validated. When ACME sends a new request,
CONS-2, the portfolio finds what OFF-1 taught about such work; last, the
affair's dossier is audited against the criteria of the role. Prints the
same lines as rex.c and rex.js (see examples/README.md).

Run from the build tree:
    GI_TYPELIB_PATH=_build/libaffaires LD_LIBRARY_PATH=_build/libaffaires \\
      python3 examples/python/rex.py
"""
# SPDX-License-Identifier: LGPL-2.1-or-later

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff  # noqa: E402

from story import accepted_affair, book_costs, day, plan_tasks  # noqa: E402

# The affair of finance.py (story.py): accepted, planned, its first costs
# and progress booked.
portfolio, affair = accepted_affair()
plan = plan_tasks(affair)
book_costs(affair)

# The work is finished: T2 done, and the actual dates of both tasks, from
# which the REX takes the actual finish.
affair.record_progress('T2', day(2026, 5, 8), 10000)
plan.start_task('T1', day(2026, 4, 20))
plan.finish_task('T1', day(2026, 4, 24))
plan.start_task('T2', day(2026, 4, 27))
plan.finish_task('T2', day(2026, 5, 8))
# The client accepts the work (réception): the final invoice becomes due.
# False: no bank guarantee replaces the retention.
affair.record_acceptance(day(2026, 5, 11), False)

# The REX is filled in from the affair's history as it stands on that day
# (margins, slips, hazards, decisions); the team adds what it learned, then
# validates it, after which it can no longer change.
rex = affair.create_rex(day(2026, 5, 11))
rex.add_good_practice('Tubes commandés dès la signature')
rex.add_difficulty('Accès au site limité', 'Travail en horaires décalés')
rex.add_improvement(Aff.Improvement.new("Réserver l'accès au site à la commande",
                                        'Deux jours perdus', 'Deux jours gagnés',
                                        'Claire Martin'))
# Tags are the words that will find this REX again.
rex.set_tags(['tuyauterie'])
rex.validate(day(2026, 5, 11))
print('rex validated %s' % ('yes' if rex.is_validated() else 'no'))

# A new request from the same client, for the same kind of work.
consultation = Aff.Consultation.new('CONS-2', 'ACME', 'Tuyauterie ligne 4',
                                    day(2026, 6, 1), day(2026, 6, 30))
consultation.set_activities(['pipework'])
portfolio.add_consultation(consultation)

# Only validated REX teach. Each past affair is scored on what it shares
# with the query (client, activities, tags, words of the title), and every
# practice, difficulty and improvement of its REX is a lesson, best first.
query = Aff.LessonQuery.new(consultation.get_client_id(), consultation.get_activities(),
                            None, consultation.get_title())
lessons = portfolio.find_lessons(query)
print('lessons for CONS-2 %d' % len(lessons))
print('first lesson %s' % lessons[0].get_text())

# The audit reads the whole dossier (bidding, offer, plan, follow-up,
# finance, REX) against the criteria of the role, as an auditor would.
audit = portfolio.audit_affair('OFF-1', day(2026, 5, 31))
print('audit score %d' % audit.get_score())
print('audit met %d' % audit.count(Aff.AuditStatus.MET))
