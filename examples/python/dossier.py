#!/usr/bin/env python3
"""Follow-up and documents: the dossier of an affair, and what it lacks.

The affair OFF-1 of offers.py, planned in two tasks, is followed in its
dossier: the kick-off meeting and a progress review, a decision, an action
and the quality plan. Checking the dossier on 2026-05-20 lists the gaps a
quality audit would find, then the actions still open. Prints the same
lines as dossier.c and dossier.js (see examples/README.md).

Run from the build tree:
    GI_TYPELIB_PATH=_build/libaffaires LD_LIBRARY_PATH=_build/libaffaires \\
      python3 examples/python/dossier.py
"""
# SPDX-License-Identifier: LGPL-2.1-or-later

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff  # noqa: E402

from story import accepted_affair, day, plan_tasks  # noqa: E402

# The affair of offers.py and its plan (story.py).
portfolio, affair = accepted_affair()
plan_tasks(affair)

# Every affair has its dossier; what goes into it is journaled.
dossier = affair.get_dossier()

kick_off = Aff.Meeting.new('R-1', Aff.MeetingKind.KICK_OFF, day(2026, 4, 21), None)
dossier.add_meeting(kick_off)
# Minutes go through the dossier, which journals them. R-2 gets none: a
# meeting left without minutes for longer than the policy allows is a gap.
dossier.record_minutes('R-1', 'Lancement validé')
dossier.add_meeting(Aff.Meeting.new('R-2', Aff.MeetingKind.PROGRESS_REVIEW, day(2026, 5, 5), None))

dossier.add_decision(Aff.Decision.new('D-1', day(2026, 5, 5),
                                      'Commander les tubes chez un second fournisseur',
                                      'Claire Martin'))
dossier.add_action(Aff.Action.new('A-1', 'Relancer le fournisseur', 'Claire Martin',
                                  day(2026, 5, 5), day(2026, 5, 8)))

# A document is registered the day it is made; issuing it sends its latest
# revision to the client.
dossier.add_document(Aff.Document.new('PQ-01', 'Plan qualité'), day(2026, 4, 21))
dossier.issue_document('PQ-01', day(2026, 4, 21))

# What the dossier should hold by that day and lacks: a kick-off once the
# work has started, minutes of past meetings, the policy's periodic
# management reports (none was recorded here), a decision for each hazard...
for gap in dossier.check(day(2026, 5, 20)):
    subject = gap.get_subject()
    print('gap %s%s' % (gap.get_kind().value_nick, ' ' + subject if subject else ''))

# A-1 was due on 2026-05-08 and nobody closed it: still open, and late.
print('open actions %d' % len(dossier.list_open_actions(day(2026, 5, 20))))
