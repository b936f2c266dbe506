#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The peers of bench-dashboard: the sums a dashboard needs, by SQLite and pandas.

bench-dashboard writes the ledger rows of its portfolio as CSV (affair index,
Julian day, category, state, amount in cents). This script loads them, untimed,
into an in-memory SQLite table and a pandas DataFrame, says "ready", then
answers one command per line on stdin, so that bench-dashboard can alternate
its rounds with the peers' and both sides meet the machine in the same state:

- "sqlite", "pandas": times once the sums the dashboard starts from (actual
  and committed cost by affair and category up to the dashboard's day) and
  prints the seconds;
- "totals": prints the grand totals of actual and committed cost each peer
  found, "ACTUAL COMMITTED ACTUAL COMMITTED" (SQLite's, then pandas'), so
  that the C side can check them;
- "quit".

Usage: peer-dashboard.py ROWS DAY
"""

import sqlite3
import sys
import time


def main():
    path, day = sys.argv[1], int(sys.argv[2])

    db = sqlite3.connect(':memory:')
    db.execute('CREATE TABLE ledger (affair INTEGER, day INTEGER, category TEXT, state TEXT, amount INTEGER)')
    with open(path, encoding='utf-8') as f:
        db.executemany('INSERT INTO ledger VALUES (?, ?, ?, ?, ?)',
                       (line.rstrip('\n').split(',') for line in f))
    db.commit()
    try:
        import pandas
    except ImportError:
        print('pandas missing: install python3-pandas', file=sys.stderr)
        return 1
    frame = pandas.read_csv(path, names=['affair', 'day', 'category', 'state', 'amount'],
                            dtype={'affair': 'int32', 'day': 'int32', 'category': 'category', 'state': 'category',
                                   'amount': 'int64'})

    def sqlite_sums():
        return db.execute('SELECT affair, category, state, SUM(amount) FROM ledger WHERE day <= ? '
                          'GROUP BY affair, category, state', (day,)).fetchall()

    def pandas_sums():
        return frame[frame['day'] <= day].groupby(['affair', 'category', 'state'], observed=True)['amount'].sum()

    peers = {'sqlite': sqlite_sums, 'pandas': pandas_sums}
    print('ready', flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command in peers:
            start = time.perf_counter()
            peers[command]()
            print('%.6f' % (time.perf_counter() - start), flush=True)
        elif command == 'totals':
            rows = sqlite_sums()
            by_state = pandas_sums().groupby(level='state', observed=True).sum()
            print('%d %d %d %d' % (sum(r[3] for r in rows if r[2] == 'actual'),
                                   sum(r[3] for r in rows if r[2] == 'committed'),
                                   int(by_state.get('actual', 0)), int(by_state.get('committed', 0))), flush=True)
        elif command == 'quit':
            break
        else:
            print('unknown command: %s' % command, file=sys.stderr)
            return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
