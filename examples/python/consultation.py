#!/usr/bin/python3
# One consultation, from its receipt to the go / no-go decision, from Python.
#
#   consultation.py [PATH]
#
# A client's request for quotation arrives. The responsable d'affaires
# qualifies it: the client's solvency (validated by finance), the
# specification's requirements, a question put to the client, the methods
# department's contribution, two risks. The portfolio then evaluates the
# go / no-go (gates, then weighted criteria), a lesson learned on a past
# affair is attached to it, the management decides, and the whole file is
# saved to PATH (or a temporary file), reloaded and its journal verified.
# Exits non-zero if anything does not come out as worked out by hand below.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import os
import sys
import tempfile

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib  # noqa: E402


def day(year, month, dom):
    return GLib.Date.new_dmy(dom, GLib.DateMonth(month), year)


def show(date):
    return '%04d-%02d-%02d' % (date.get_year(), int(date.get_month()), date.get_day())


def eur(text):
    return Aff.Money.parse(text + ' EUR')


def value(result):
    # gboolean functions with an out argument come back as (True, value)
    return result[1] if isinstance(result, tuple) else result


def setup():
    portfolio = Aff.Portfolio.new()
    portfolio.set_name('Agence Est - tuyauterie et chaudronnerie')
    portfolio.set_actor('Claire Martin')
    # Fixed journal time, so that the example prints the same every run.
    portfolio.set_fixed_time(GLib.DateTime.new_utc(2026, 6, 1, 8, 0, 0))

    # The company's directives: what it does, and the go / no-go settings
    # (defaults: bid from 70, review from 50, 10 days at least to prepare).
    policy = portfolio.get_policy()
    policy.set_activities(['tuyauterie', 'chaudronnerie', 'maintenance'])
    print('Policy: activities %s; GO from %d, REVIEW from %d; at least %d days to prepare'
          % (', '.join(policy.get_activities()), policy.get_bid_threshold(),
             policy.get_review_threshold(), policy.get_min_preparation_days()))

    # The client: a manufacturer (NAF 28.29B), so its solvency is read with
    # Altman's Z' for private firms.
    client = Aff.Client.new('acme-strasbourg', 'ACME Strasbourg')
    client.set_siren('732829320')
    client.set_sector('28.29B')
    portfolio.add_client(client)
    client.change_status(Aff.ClientStatus.ACTIVE, day(2026, 2, 1), 'first order: pump overhaul')

    # Its last accounts, as finance read them. Over total assets of
    # 1 000 000.00: X1 0.2, X2 0.3, X3 0.1, X4 500 000 / 500 000 = 1.0, X5 2.0
    # Z' = 0.1434 + 0.2541 + 0.3107 + 0.420 + 1.996 = 3.1242 > 2.9: SAFE.
    solvency = Aff.Solvency.new(day(2026, 3, 31))
    solvency.set_total_assets(eur('1000000.00'))
    solvency.set_working_capital(eur('200000.00'))
    solvency.set_retained_earnings(eur('300000.00'))
    solvency.set_ebit(eur('100000.00'))
    solvency.set_book_equity(eur('500000.00'))
    solvency.set_total_liabilities(eur('500000.00'))
    solvency.set_sales(eur('2000000.00'))
    solvency.set_dso_days(58)
    solvency.set_average_days_late(6)
    solvency.set_payment_incidents(0)
    solvency.set_validated_by('Sophie Leroy (finance)')
    client.add_solvency(solvency)       # the model AUTO becomes Z' here
    rating = value(solvency.compute_rating(policy))
    print('Solvency of %s on %s: %s, Z\' = %.4f, rating %s, validated by %s'
          % (client.get_id(), show(solvency.get_date()),
             solvency.get_model().value_nick, value(solvency.compute_score()),
             rating.value_nick, solvency.get_validated_by()))
    return portfolio, client


def receive(portfolio):
    consultation = Aff.Consultation.new('AO-2026-017', 'acme-strasbourg',
                                        'Remplacement de la tuyauterie vapeur, ligne 3',
                                        day(2026, 6, 1), day(2026, 7, 3))
    consultation.set_source(Aff.ConsultationSource.CLIENT_REQUEST)
    consultation.set_activities(['tuyauterie'])
    consultation.set_site('ACME Strasbourg, bâtiment B')
    consultation.set_estimated_value(eur('240000.00'))
    consultation.set_bid_cost(eur('2400.00'))
    consultation.set_expected_margin_rate(1700)      # 17 %
    consultation.set_estimated_hours(1800)
    consultation.set_regulatory_flags(Aff.RegulatoryFlags.HOT_WORK | Aff.RegulatoryFlags.ATEX)
    portfolio.add_consultation(consultation)
    consultation.start_qualification(day(2026, 6, 2), 'request analysed')

    # The specification, requirement by requirement.
    for text in ('DN 150 PN 40 steam line, 120 m, NF EN 13480',
                 'Works during the August shutdown (3 weeks)',
                 'Hydraulic test witnessed by an accredited body'):
        print('Requirement %s: %s' % (consultation.add_requirement(text), text))

    # A question to the client, and its answer.
    qid = consultation.ask_question('Can the old line be cut on site, or must it be removed whole?',
                                    day(2026, 6, 2))
    consultation.answer_question(qid, 'Cut on site, hot-work permit issued by ACME HSE',
                                 day(2026, 6, 4))

    # The methods department's contribution.
    cid = consultation.request_contribution(Aff.Department.METHODS, 'Marc Petit',
                                            'welding procedures and hours', day(2026, 6, 8))
    consultation.complete_contribution(cid, 'WPS 141/111 qualified; 1 800 h including tests',
                                       day(2026, 6, 5))
    print('Analysis complete: %s' % consultation.is_analysis_complete())

    # Two risks. Criticality = probability x impact:
    # 3 x 4 = 12 and 2 x 5 = 10, both HIGH (from 10, below 16).
    # Expected values: 15 000.00 x 30 % = 4 500.00 and 50 000.00 x 10 % = 5 000.00.
    register = consultation.get_risk_register()
    late = Aff.Risk.new('Late delivery of the forged flanges', Aff.RiskCategory.SCHEDULE, 3, 4)
    late.set_exposure(eur('15000.00'))
    late.set_probability_percent(30)
    late.set_treatment(Aff.RiskTreatment.REDUCE)
    late.set_owner('Lea Roux (purchasing)')
    register.add_risk(late)
    fire = Aff.Risk.new('Hot work next to an ATEX zone', Aff.RiskCategory.SAFETY, 2, 5)
    fire.set_exposure(eur('50000.00'))
    fire.set_probability_percent(10)
    fire.set_treatment(Aff.RiskTreatment.REDUCE)
    fire.set_owner('HSE')
    register.add_risk(fire)
    summary = register.summarize(portfolio.get_policy(), 2)
    print('Risks: %d open, highest %s, top %s, expected exposure %s'
          % (summary.get_n_open(), summary.get_highest_band().value_nick,
             ', '.join(summary.get_top_risks()), summary.get_expected_exposure()))
    return consultation, summary


def evaluate(portfolio, consultation):
    # Other modules (here: the lessons learned) hear of every evaluation
    # before it is returned, and may attach what past affairs taught.
    def lessons(_portfolio, evaluation):
        evaluation.add_lesson('REX AF-2025-014: the August shutdown slipped by a week; '
                              'plan the hydraulic test with margin')
    portfolio.connect('consultation-evaluated', lessons)

    # Gates: activity tuyauterie performed; solvency SAFE and 69 days old;
    # 2026-07-03 - 2026-06-08 = 25 days >= 10; no untreated critical risk.
    # Weighted: ACTIVE 5 x 20, no history 3 x 15, margin 17 % >= 15 % 5 x 25,
    # highest risk HIGH 2 x 20, 1 800 h / 20 000 h = 9 % 5 x 10,
    # 2 400 / 240 000 = 100 bp 5 x 10: 100 + 45 + 125 + 40 + 50 + 50 = 410,
    # score 100 x 410 / 500 = 82 >= 70: GO.
    evaluation = portfolio.evaluate_consultation(consultation.get_id(), day(2026, 6, 8))
    print('\nEvaluation of %s on %s: %s, score %d/100'
          % (evaluation.get_consultation_id(), show(evaluation.get_date()),
             evaluation.get_verdict().value_nick, evaluation.get_score()))
    print('  %-15s %6s %5s %6s  %s' % ('criterion', 'weight', 'score', 'passed', 'explanation'))
    for criterion in evaluation.get_criteria():
        print('  %-15s %6s %5d %6s  %s'
              % (criterion.get_name(),
                 'gate' if criterion.is_blocking() else criterion.get_weight(),
                 criterion.get_score(),
                 ('yes' if criterion.get_passed() else 'NO') if criterion.is_blocking() else '',
                 criterion.get_explanation()))
    print('\nJustification:\n' + evaluation.get_justification())
    return evaluation


def main(argv):
    failures = []
    portfolio, client = setup()
    consultation, summary = receive(portfolio)
    if summary.get_expected_exposure().to_string() != '9500.00 EUR':
        failures.append('expected exposure %s, worked out 9500.00 EUR'
                        % summary.get_expected_exposure())

    evaluation = evaluate(portfolio, consultation)
    if (evaluation.get_verdict(), evaluation.get_score()) != (Aff.BidVerdict.GO, 82):
        failures.append('evaluation %s %d, worked out GO 82'
                        % (evaluation.get_verdict().value_nick, evaluation.get_score()))
    if not evaluation.get_lessons():
        failures.append('the lesson was not attached')

    # The management follows the evaluation: no justification needed.
    portfolio.decide_consultation(consultation.get_id(), Aff.BidVerdict.GO,
                                  'Paul Durand (directeur)', None)
    ok, date = consultation.get_state_date(Aff.ConsultationState.GO)
    print('\nDecision: %s on %s' % (consultation.get_state().value_nick, show(date)))
    consultation.mark_offer_sent(day(2026, 6, 30), 'offer OF-2026-042 sent')
    if consultation.get_state() != Aff.ConsultationState.OFFER_SENT:
        failures.append('the offer is not marked as sent')

    with tempfile.TemporaryDirectory(prefix='aff-example-') as tmp:
        path = argv[1] if len(argv) > 1 else os.path.join(tmp, 'consultation.json')
        portfolio.save_to_file(path)
        reloaded = Aff.Portfolio.new_from_file(path)
        journal = reloaded.get_journal()
        journal.verify()    # raises Aff.Error.TAMPERED if the chain is broken
        print('\nSaved to %s and reloaded: journal of %d entries verified'
              % (path, journal.get_n_entries()))
        if reloaded.to_data()[0] != portfolio.to_data()[0]:
            failures.append('the reloaded portfolio differs from the saved one')
        again = reloaded.lookup_consultation('AO-2026-017')
        if again is None or again.get_state() != Aff.ConsultationState.OFFER_SENT:
            failures.append('the consultation did not come back as saved')

        print('\nHistory of AO-2026-017:')
        for entry in journal.list_entries_for('consultation', 'AO-2026-017'):
            print('  #%-3d %-22s %s' % (entry.get_sequence(), entry.get_action(),
                                        entry.get_details()))
        decided = [e for e in journal.list_entries_for('consultation', 'AO-2026-017')
                   if e.get_action() == 'decided']
        if len(decided) != 1 or decided[0].dup_detail('against_evaluation') != 'false':
            failures.append('the decision is not journaled as following the evaluation')

    for failure in failures:
        print('FAILED: ' + failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == '__main__':
    try:
        sys.exit(main(sys.argv))
    except GLib.Error as error:
        print('FAILED: %s' % error.message, file=sys.stderr)
        sys.exit(1)
