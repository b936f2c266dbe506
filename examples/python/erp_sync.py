#!/usr/bin/env python3
"""Synchronise a portfolio with what an ERP exports, then give the ERP back
the dashboard.

    erp_sync.py PORTFOLIO.json CLIENTS.csv COSTS.csv DASHBOARD.csv YYYY-MM-DD

The ERP (Dolibarr, Odoo, ERPNext…) exports its files the French way: semicolons,
dates as DD/MM/YYYY, amounts with a decimal comma and spaces between the
thousands, categories in French. This script

1. adds the clients the portfolio does not know yet (the others are left
   as they are: the portfolio is their reference);
2. imports the cost lines, affair by affair, in one call per affair
   (AffLedger.import_csv: whole or nothing, journaled once), after turning
   them into the library's CSV; an error names the line of the ERP's file;
3. computes the dashboard on the day and writes it as CSV for the ERP;
4. saves the portfolio (atomically: the previous file stays whole on error).

Run it on the demo: `affaires --portfolio demo.json demo`, then
`erp_sync.py demo.json examples/data/erp-clients.csv
examples/data/erp-costs.csv dashboard.csv 2027-03-31`.
"""

import csv
import datetime
import io
import sys

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib  # noqa: E402

# The ERP's words for the ledger's categories and states.
CATEGORIES = {
    "main-d'œuvre": 'labour', 'matière': 'material', 'matériel': 'equipment',
    'sous-traitance': 'subcontract', 'déplacement': 'travel', 'frais généraux': 'overhead',
    'autre': 'other',
}
STATES = {'engagé': 'committed', 'réalisé': 'actual'}
COLUMNS = ['date', 'work', 'category', 'state', 'amount', 'quantity', 'supplier', 'document', 'commitment']


def french_decimal(text):
    """'20 900,00' -> '20900.00'; the library parses it exactly."""
    return text.replace('\u00a0', '').replace('\u202f', '').replace(' ', '').replace(',', '.')


def french_date(text):
    """'12/03/2027' -> '2027-03-12' (an impossible date raises ValueError)."""
    return datetime.datetime.strptime(text, '%d/%m/%Y').date().isoformat()


def read_erp(path):
    """The rows of a semicolon-separated ERP export, each with its line
    number in the file (the header is line 1)."""
    with open(path, newline='', encoding='utf-8') as f:
        reader = csv.DictReader(f, delimiter=';')
        return [(number, row) for number, row in enumerate(reader, start=2)]


def import_clients(portfolio, path):
    added, known = 0, 0
    for number, row in read_erp(path):
        if portfolio.lookup_client(row['code']) is not None:
            known += 1
            continue
        client = Aff.Client.new(row['code'], row['raison_sociale'])
        client.set_address(row['adresse'])
        try:
            client.set_siren(row['siren'])
            client.set_sector(row['naf'])
            portfolio.add_client(client)
        except GLib.Error as e:
            raise SystemExit('%s:%d: %s' % (path, number, e.message))
        added += 1
    return added, known


def import_costs(portfolio, path):
    # Group by affair, keeping each line's number in the ERP's file so that
    # an error of the library (which counts the lines of its own CSV) can be
    # told in the ERP's terms.
    by_affair = {}
    for number, row in read_erp(path):
        try:
            line = {
                'date': french_date(row['date']),
                'work': row['poste'],
                'category': CATEGORIES[row['nature']],
                'state': STATES[row['statut']],
                'amount': french_decimal(row['montant_ht']),
                'quantity': french_decimal(row['quantite']),
                'supplier': row['fournisseur'],
                'document': row['piece'],
                'commitment': row['commande'],
            }
        except (KeyError, ValueError) as e:
            raise SystemExit('%s:%d: cannot read %s' % (path, number, e))
        by_affair.setdefault(row['affaire'], []).append((number, line))

    imported = {}
    for affair_id, lines in by_affair.items():
        affair = portfolio.lookup_affair(affair_id)
        if affair is None:
            raise SystemExit('%s:%d: the portfolio has no affair %s' % (path, lines[0][0], affair_id))
        text = io.StringIO()
        writer = csv.DictWriter(text, fieldnames=COLUMNS, lineterminator='\n')
        writer.writeheader()
        for _, line in lines:
            writer.writerow(line)
        try:
            ok, n = affair.get_ledger().import_csv(text.getvalue().encode('utf-8'))
        except GLib.Error as e:
            # "line 3, column amount: …": line 3 of our CSV is the second
            # line of this affair.
            raise SystemExit('%s: affair %s: %s (the library counts the lines of the affair: %s)'
                             % (path, affair_id, e.message,
                                ', '.join('%d → %d' % (i + 2, n) for i, (n, _) in enumerate(lines))))
        imported[affair_id] = n
    return imported


def main(argv):
    if len(argv) != 6:
        raise SystemExit(__doc__.split('\n\n')[1])
    portfolio_path, clients_path, costs_path, dashboard_path, day = argv[1:]
    portfolio = Aff.Portfolio.new_from_file(portfolio_path)
    portfolio.set_actor('erp-sync')

    added, known = import_clients(portfolio, clients_path)
    print('clients: %d added, %d already known' % (added, known))
    for affair_id, n in import_costs(portfolio, costs_path).items():
        print('costs: %d line(s) imported into %s' % (n, affair_id))

    date = datetime.date.fromisoformat(day)
    dashboard = portfolio.compute_dashboard(date)
    with open(dashboard_path, 'w', encoding='utf-8', newline='') as f:
        f.write(dashboard.to_csv())
    print('dashboard on %s written to %s' % (day, dashboard_path))
    portfolio.save_to_file(portfolio_path)
    print('portfolio saved, journal of %d entries' % portfolio.get_journal().get_n_entries())


if __name__ == '__main__':
    main(sys.argv)
