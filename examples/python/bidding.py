#!/usr/bin/env python3
"""Bidding: a consultation, from its receipt to the go / no-go decision.

The client ACME (as in clients.py) has a solvency assessment; its request
for quotation CONS-1 is qualified, evaluated (four blocking gates, then
weighted criteria and a score) and the management decides to answer.
Prints the same lines as bidding.c and bidding.js (see examples/README.md).

Run from the build tree:
    GI_TYPELIB_PATH=_build/libaffaires LD_LIBRARY_PATH=_build/libaffaires \\
      python3 examples/python/bidding.py
"""
# SPDX-License-Identifier: LGPL-2.1-or-later

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff  # noqa: E402

from story import add_client, day, eur, new_portfolio  # noqa: E402

# The portfolio of every example (story.py); its policy's activities are the
# evaluation's first gate: the company must perform the activities asked.
portfolio = new_portfolio()
# The client of clients.py.
client = add_client(portfolio)

# Its last accounts, as finance read them. A manufacturer (NAF 28.29B) is
# scored with Altman's Z' for private firms; the solvency gate needs a
# recent, non-distressed assessment.
solvency = Aff.Solvency.new(day(2026, 1, 15))
solvency.set_working_capital(eur('200000.00'))
solvency.set_retained_earnings(eur('300000.00'))
solvency.set_ebit(eur('100000.00'))
solvency.set_book_equity(eur('400000.00'))
solvency.set_total_liabilities(eur('500000.00'))
solvency.set_total_assets(eur('1000000.00'))
solvency.set_sales(eur('2000000.00'))
client.add_solvency(solvency)

consultation = Aff.Consultation.new('CONS-1', 'ACME', 'Remplacement de tuyauteries',
                                    day(2026, 3, 2), day(2026, 4, 15))
consultation.set_activities(['pipework'])
consultation.set_estimated_value(eur('120000.00'))
consultation.set_bid_cost(eur('1500.00'))
consultation.set_expected_margin_rate(1600)     # basis points: 16 %
consultation.set_estimated_hours(800)
portfolio.add_consultation(consultation)

# Criticality 3 x 4 = 12: high, but not critical, and treated anyway, so
# the "critical risks" gate passes.
risk = Aff.Risk.new('Délai des brides', Aff.RiskCategory.SCHEDULE, 3, 4)
risk.set_treatment(Aff.RiskTreatment.REDUCE)
consultation.get_risk_register().add_risk(risk)

consultation.start_qualification(day(2026, 3, 3), 'analyse de la demande')
evaluation = portfolio.evaluate_consultation('CONS-1', day(2026, 3, 5))
print('verdict %s' % evaluation.get_verdict().value_nick)
print('score %d' % evaluation.get_score())
gates = [c for c in evaluation.get_criteria() if c.is_blocking()]
print('gates passed %d of %d' % (sum(1 for c in gates if c.get_passed()), len(gates)))

# The evaluation advises; the decision is the management's, dated by the
# evaluation. Going against a GO or NO_GO would need a justification.
portfolio.decide_consultation('CONS-1', Aff.BidVerdict.GO, 'Direction', 'client stratégique')
# The consultation keeps the decision: who, when, why.
ok, decision, when, who, why, against = consultation.get_decision()
print('decided %s' % decision.value_nick)
print('state %s' % consultation.get_state().value_nick)
