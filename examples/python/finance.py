#!/usr/bin/env python3
"""Finance: the earned-value status of an affair, and its drifts.

The affair OFF-1 of offers.py, planned as in dossier.py, has its first
actual costs and progress. Its status on 2026-05-04 compares what was
planned (PV), what was earned (EV) and what was spent (AC), forecasts the
cost and the margin at completion, and lists the drifts the policy's
thresholds flag. Prints the same lines as finance.c and finance.js (see
examples/README.md).

Run from the build tree:
    GI_TYPELIB_PATH=_build/libaffaires LD_LIBRARY_PATH=_build/libaffaires \\
      python3 examples/python/finance.py
"""
# SPDX-License-Identifier: LGPL-2.1-or-later

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff  # noqa: E402

from story import accepted_affair, day, eur, plan_tasks  # noqa: E402


def ratio(result):
    # Ratio getters return (defined, value): a CPI with nothing spent yet,
    # or an SPI with nothing planned yet, is undefined rather than zero.
    defined, value = result
    return '%.2f' % value if defined else 'undefined'


# The affair of offers.py and its plan (story.py).
portfolio, affair = accepted_affair()
plan_tasks(affair)

# The ledger records costs by task ("work") and category; only ACTUAL
# costs count as spent, COMMITTED ones (orders) are tracked apart.
ledger = affair.get_ledger()
ledger.add(Aff.CostEntry.new(day(2026, 4, 24), 'T1', Aff.CostCategory.LABOUR,
                             Aff.CostState.ACTUAL, eur('3000.00')))
ledger.add(Aff.CostEntry.new(day(2026, 5, 4), 'T2', Aff.CostCategory.MATERIAL,
                             Aff.CostState.ACTUAL, eur('2000.00')))

# Physical progress, in basis points (10 000 = done), as measured on site:
# it, not the money spent, is what earns value.
affair.record_progress('T1', day(2026, 4, 30), 10000)
affair.record_progress('T2', day(2026, 5, 4), 4000)

# The budget of each lot is planned over the dates of its task (without a
# baseline, the current schedule's), which gives the planned value.
status = affair.compute_status(day(2026, 5, 4))
print('BAC %s' % status.get_bac().format('fr'))
print('PV %s' % status.get_pv().format('fr'))
print('EV %s' % status.get_ev().format('fr'))
print('AC %s' % status.get_ac().format('fr'))
print('CPI %s' % ratio(status.get_cpi()))
print('SPI %s' % ratio(status.get_spi()))
print('EAC %s' % status.get_eac().format('fr'))
print('margin at completion %s' % status.get_margin_at_completion().format('fr'))
print('drifts %d' % len(affair.list_drifts(day(2026, 5, 4))))
