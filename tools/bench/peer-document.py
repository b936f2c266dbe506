#!/usr/bin/python3
# The peer of bench-document: the same file loaded into dicts with json.load,
# or written back with json.dump, a temporary file, fsync and rename (what
# libaffaires's atomic save does). Prints the median of 5 rounds in seconds.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os
import statistics
import sys
import time

what, path = sys.argv[1], sys.argv[2]
with open(path, encoding='utf-8') as f:
    document = json.load(f)
times = []
for _ in range(5):
    start = time.perf_counter()
    if what == 'load':
        with open(path, encoding='utf-8') as f:
            json.load(f)
    else:
        out = path + '.peer'
        tmp = out + '.tmp'
        with open(tmp, 'w', encoding='utf-8') as f:
            json.dump(document, f, indent=2, ensure_ascii=False)
            f.flush()
            os.fsync(f.fileno())
        os.rename(tmp, out)
    times.append(time.perf_counter() - start)
if what == 'save':
    os.unlink(path + '.peer')
print(statistics.median(times))
