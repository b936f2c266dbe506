#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The peers of bench-store: Python's json and sqlite3 modules.

Usage:
  peer-store.py load DOCUMENT
      json.load of the document, once, in this fresh process (bench-store
      runs it once a round): json_load (seconds), peak_kib (the process's
      peak resident memory), affairs (how many the document holds).
  peer-store.py dump DOCUMENT FOLDER ROUNDS
      The document loaded (untimed), then written back into FOLDER with
      json.dump (indent=2 and UTF-8, as the library writes it) and with
      json.dumps compact (the C encoder, the fastest Python writes), each
      into a temporary file, flushed, fsynced, renamed into place, the
      folder fsynced. Medians of ROUNDS: json_dump, json_dumps (seconds).
  peer-store.py append DATABASE ROWS STORE_DATABASE CLI_DATABASE
      The ledger rows of ROWS (CSV, the columns of the store's ledger table,
      no header), read untimed, then inserted into DATABASE with executemany
      in one transaction, with the store's pragmas (synchronous FULL,
      foreign keys on; the database is in WAL mode already): executemany
      (seconds). Then counts the ledger rows of the three databases:
      rows_python, rows_store, rows_cli.
"""

import csv
import json
import os
import resource
import sqlite3
import statistics
import sys
import time


def fsync_folder(folder):
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(folder, name, write):
    path = os.path.join(folder, name)
    tmp = path + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        write(f)
        f.flush()
        os.fsync(f.fileno())
    os.rename(tmp, path)
    fsync_folder(folder)
    return path


def timed(rounds, function):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_load(document):
    start = time.perf_counter()
    with open(document, encoding='utf-8') as f:
        data = json.load(f)
    print('json_load %.6f' % (time.perf_counter() - start))
    # ru_maxrss is in KiB on Linux.
    print('peak_kib %d' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    print('affairs %d' % len(data.get('affairs', [])))


def bench_dump(document, folder, rounds):
    with open(document, encoding='utf-8') as f:
        data = json.load(f)
    written = set()

    def dump():
        written.add(write_atomically(
            folder, 'peer-dump.json', lambda f: json.dump(data, f, indent=2, ensure_ascii=False)))

    def dumps():
        written.add(write_atomically(
            folder, 'peer-dumps.json', lambda f: f.write(json.dumps(data, ensure_ascii=False))))

    print('json_dump %.6f' % timed(rounds, dump))
    print('json_dumps %.6f' % timed(rounds, dumps))
    for path in written:
        os.unlink(path)


def count(path):
    db = sqlite3.connect(path)
    try:
        return db.execute('SELECT count(*) FROM ledger').fetchone()[0]
    finally:
        db.close()


def bench_append(database, rows_path, store_database, cli_database):
    def null(text):
        return text if text != '' else None

    with open(rows_path, encoding='utf-8', newline='') as f:
        rows = [(r[0], int(r[1]), r[2], null(r[3]), r[4], r[5], int(r[6]), int(r[7]), null(r[8]), null(r[9]),
                 null(r[10])) for r in csv.reader(f)]
    db = sqlite3.connect(database, isolation_level=None)
    db.execute('PRAGMA synchronous = FULL')
    db.execute('PRAGMA foreign_keys = ON')
    start = time.perf_counter()
    db.execute('BEGIN')
    db.executemany('INSERT INTO ledger (affair_id, line, day, work, category, state, amount, quantity, supplier,'
                   ' document, commitment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', rows)
    db.execute('COMMIT')
    print('executemany %.6f' % (time.perf_counter() - start))
    db.close()
    print('rows_python %d' % count(database))
    print('rows_store %d' % count(store_database))
    print('rows_cli %d' % count(cli_database))


def main():
    what = sys.argv[1]
    if what == 'load':
        bench_load(sys.argv[2])
    elif what == 'dump':
        bench_dump(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif what == 'append':
        bench_append(*sys.argv[2:6])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main())
