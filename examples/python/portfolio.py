#!/usr/bin/python3
# A responsable d'affaires' client portfolio, from Python.
#
#   portfolio.py [PATH]
#
# Builds a small portfolio (policy, clients with SIREN and contacts,
# commercial actions), prints who is due for a follow-up call and how the
# portfolio developed over the half-year, saves it to PATH (or to a
# temporary file), reloads it and checks the journal. Exits non-zero if
# anything does not come back as it was written.
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


def interaction(kind, date, summary, contact=None, next_action=None, satisfaction=None):
    action = Aff.Interaction.new(kind, date, summary)
    if contact:
        action.set_contact(contact)
    if next_action:
        action.set_next_action_date(next_action)
    if satisfaction is not None:
        action.set_satisfaction(satisfaction)
    return action


def build():
    portfolio = Aff.Portfolio.new()
    portfolio.set_name('Agence Est - maintenance industrielle')
    portfolio.set_actor('Claire Martin')
    # Fixed journal time, so that the example prints the same every run.
    portfolio.set_fixed_time(GLib.DateTime.new_utc(2026, 7, 1, 8, 0, 0))

    # The company's directives: call prospects every 3 weeks, not 30 days.
    policy = portfolio.get_policy()
    policy.set_follow_up_days_prospect(21)
    policy.set_labour_rate('technicien', Aff.Money.parse('62.50 EUR'))
    print('Policy: prospects every %d days, active clients every %d, dormant every %d'
          % (policy.get_follow_up_days_prospect(), policy.get_follow_up_days_active(),
             policy.get_follow_up_days_dormant()))

    group = Aff.Client.new('acme-groupe', 'Groupe ACME')
    group.set_siren('542107651')
    portfolio.add_client(group)

    plant = Aff.Client.new('acme-strasbourg', 'ACME Strasbourg')
    plant.set_siren('732829320')
    plant.set_sector('28.29B')
    portfolio.add_client(plant)
    portfolio.set_client_parent('acme-strasbourg', 'acme-groupe')
    jean = Aff.Contact.new('Jean Dupont')
    jean.set_role('Responsable maintenance')
    jean.set_email('jean.dupont@acme.example')
    plant.add_contact(jean)
    plant.change_status(Aff.ClientStatus.ACTIVE, day(2026, 2, 1), 'first order: pump overhaul')

    forge = Aff.Client.new('forges-nord', 'Forges du Nord')
    forge.set_siren('443061841')
    forge.set_sector('24.10Z')
    portfolio.add_client(forge)

    mill = Aff.Client.new('papeterie', 'Papeterie des Vosges')
    portfolio.add_client(mill)
    mill.change_status(Aff.ClientStatus.LOST, day(2026, 4, 15), 'chose a competitor')

    portfolio.record_interaction('acme-strasbourg', interaction(
        Aff.InteractionKind.VISIT, day(2026, 3, 10), 'site visit, compressor line',
        contact='Jean Dupont'))
    portfolio.record_interaction('acme-strasbourg', interaction(
        Aff.InteractionKind.SURVEY, day(2026, 5, 20), 'after-job survey',
        contact='Jean Dupont', satisfaction=8,
        next_action=day(2026, 6, 15)))
    portfolio.record_interaction('forges-nord', interaction(
        Aff.InteractionKind.TRADE_SHOW, day(2026, 6, 3), 'met at the Global Industrie show'))

    for client in portfolio.get_clients():
        print('Client %-16s %-38s SIREN %-9s %s'
              % (client.get_id(), client.get_name(), client.get_siren() or '-',
                 client.get_status().value_nick))
    return portfolio


def report(portfolio):
    today = day(2026, 6, 30)
    print('\nDue for a follow-up on %s:' % show(today))
    due = portfolio.list_clients_due_for_follow_up(today)
    for client in due:
        ok, date = portfolio.get_follow_up_date(client)
        print('  %-16s %s' % (client.get_id(), show(date) if ok else 'never contacted'))

    figures = portfolio.compute_development(day(2026, 1, 1), today)
    print('\nFirst half of 2026:')
    print('  prospects %d, active %d, dormant %d, lost %d'
          % (figures.get_n_prospects(), figures.get_n_active(),
             figures.get_n_dormant(), figures.get_n_lost()))
    print('  %d converted out of %d prospects (%.2f %%), %d lost, %d commercial actions'
          % (figures.get_n_converted(), figures.get_n_prospects_in_period(),
             figures.get_conversion_rate() / 100, figures.get_n_lost_in_period(),
             figures.get_n_interactions()))
    return [c.get_id() for c in due], figures


def main(argv):
    portfolio = build()
    due, figures = report(portfolio)

    # Worked out by hand: groupe-acme was never contacted; acme-strasbourg's
    # next action (2026-06-15) comes before 2026-05-20 + 60 days; forges-nord
    # is a prospect seen on 2026-06-03, due 21 days later on 2026-06-24;
    # papeterie is lost.
    failures = []
    if due != ['acme-groupe', 'acme-strasbourg', 'forges-nord']:
        failures.append('unexpected follow-up list %r' % due)
    # acme-strasbourg converted; prospects on the eve (2025-12-31): all four
    # clients, none became a prospect since: 1 * 10000 / 4 = 2500 bp
    if (figures.get_n_converted(), figures.get_n_prospects_in_period(),
            figures.get_conversion_rate()) != (1, 4, 2500):
        failures.append('unexpected development figures')

    with tempfile.TemporaryDirectory(prefix='aff-example-') as tmp:
        path = argv[1] if len(argv) > 1 else os.path.join(tmp, 'portfolio.json')
        portfolio.save_to_file(path)
        print('\nSaved to %s' % path)

        reloaded = Aff.Portfolio.new_from_file(path)
        journal = reloaded.get_journal()
        journal.verify()    # raises Aff.Error.TAMPERED if the chain is broken
        print('Reloaded: %d clients, journal of %d entries verified, head %s…'
              % (len(reloaded.get_clients()), journal.get_n_entries(),
                 journal.get_head_hash()[:16]))

        if reloaded.to_data()[0] != portfolio.to_data()[0]:
            failures.append('the reloaded portfolio differs from the saved one')
        if journal.get_head_hash() != portfolio.get_journal().get_head_hash():
            failures.append('the reloaded journal differs from the saved one')

        print('\nCommercial history of acme-strasbourg:')
        for entry in journal.list_entries_for('client', 'acme-strasbourg'):
            print('  #%-3d %s  %-13s %-21s %s'
                  % (entry.get_sequence(), entry.get_timestamp().format_iso8601(),
                     entry.get_actor(), entry.get_action(), entry.get_details()))

    for failure in failures:
        print('FAILED: ' + failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == '__main__':
    try:
        sys.exit(main(sys.argv))
    except GLib.Error as error:
        print('FAILED: %s' % error.message, file=sys.stderr)
        sys.exit(1)
