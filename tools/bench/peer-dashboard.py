#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The peers of bench-dashboard: the sums a dashboard needs, by SQLite and pandas.

bench-dashboard writes the ledger rows of its portfolio as CSV (affair index,
Julian day, category, state, amount in cents). This script loads them, untimed,
into an in-memory SQLite table and a pandas DataFrame, then times, median of 5
rounds, the sums the dashboard starts from: actual and committed cost by
affair and category up to the dashboard's day. It prints the grand totals of
actual and committed cost so that the C side can check them.

Usage: peer-dashboard.py ROWS DAY

Results go to stdout, one per line (seconds): sqlite_load S, sqlite_sums S,
sqlite_totals ACTUAL COMMITTED, pandas_load S, pandas_sums S,
pandas_totals ACTUAL COMMITTED.
"""

import sqlite3
import statistics
import sys
import time

ROUNDS = 5


def timed(function):
    times = []
    result = None
    for _ in range(ROUNDS):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main():
    path, day = sys.argv[1], int(sys.argv[2])

    start = time.perf_counter()
    db = sqlite3.connect(':memory:')
    db.execute('CREATE TABLE ledger (affair INTEGER, day INTEGER, category TEXT, state TEXT, amount INTEGER)')
    with open(path, encoding='utf-8') as f:
        db.executemany('INSERT INTO ledger VALUES (?, ?, ?, ?, ?)',
                       (line.rstrip('\n').split(',') for line in f))
    db.commit()
    print('sqlite_load %.6f' % (time.perf_counter() - start))

    def sqlite_sums():
        return db.execute('SELECT affair, category, state, SUM(amount) FROM ledger WHERE day <= ? '
                          'GROUP BY affair, category, state', (day,)).fetchall()

    elapsed, rows = timed(sqlite_sums)
    print('sqlite_sums %.6f' % elapsed)
    print('sqlite_totals %d %d' % (sum(r[3] for r in rows if r[2] == 'actual'),
                                   sum(r[3] for r in rows if r[2] == 'committed')))

    try:
        import pandas
    except ImportError:
        print('pandas missing: install python3-pandas', file=sys.stderr)
        return 1
    start = time.perf_counter()
    frame = pandas.read_csv(path, names=['affair', 'day', 'category', 'state', 'amount'],
                            dtype={'affair': 'int32', 'day': 'int32', 'category': 'category', 'state': 'category',
                                   'amount': 'int64'})
    print('pandas_load %.6f' % (time.perf_counter() - start))

    def pandas_sums():
        return frame[frame['day'] <= day].groupby(['affair', 'category', 'state'], observed=True)['amount'].sum()

    elapsed, sums = timed(pandas_sums)
    print('pandas_sums %.6f' % elapsed)
    by_state = sums.groupby(level='state', observed=True).sum()
    print('pandas_totals %d %d' % (int(by_state.get('actual', 0)), int(by_state.get('committed', 0))))
    return 0


if __name__ == '__main__':
    sys.exit(main())
