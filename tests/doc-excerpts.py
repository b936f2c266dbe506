#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Checks the code excerpts of docs/capability-*.md against the example files,
so that the pages cannot drift from the programs the test suite runs.

For every fenced block (```c, ```python, ```js) the paragraph just before it
must name the files it is taken from (`examples/<lang>/<file>`).  Every code
line that is not a cut marker ("…" line) must be a whole line of one of the
named files (leading/trailing spaces ignored), each run of lines between two
cuts must be found consecutively, with the same relative indentation, in one
of those files, and the block must be 10-25 lines long.  Also flags stale
sentences ("holds the whole program", "helper in that file").
"""
import glob, os, re, sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else '/work/main'
CUT = re.compile(r"^\s*(/\* … \*/|# …|// …)\s*$")
ok = True

def fail(msg):
    global ok
    ok = False
    print('FAIL', msg)

def dedent(lines):
    ind = min((len(l) - len(l.lstrip()) for l in lines if l.strip()), default=0)
    return [l[ind:].rstrip() for l in lines]

for page in sorted(glob.glob(os.path.join(ROOT, 'docs/capability-*.md'))):
    text = open(page, encoding='utf-8').read()
    name = os.path.basename(page)
    for bad in ('holds the whole',):
        if bad in text.replace('\n', ' '):
            fail(f'{name}: stale sentence "{bad}"')
    lines = text.split('\n')
    i = 0
    nblocks = 0
    while i < len(lines):
        m = re.match(r'^```(c|python|js)\s*$', lines[i])
        if not m:
            i += 1
            continue
        start = i
        j = i + 1
        while lines[j] != '```':
            j += 1
        block = lines[start + 1:j]
        # the paragraph before the fence
        k = start - 1
        while k >= 0 and lines[k].strip() == '':
            k -= 1
        para = []
        while k >= 0 and lines[k].strip() != '':
            para.insert(0, lines[k])
            k -= 1
        para = ' '.join(para)
        files = re.findall(r'`(examples/[a-z]+/[a-z_]+\.(?:c|h|py|js))`', para)
        lang = m.group(1)
        where = f'{name}:{start + 1} ({lang})'
        if not files:
            fail(f'{where}: no file named before the block')
            i = j + 1
            continue
        contents = {}
        for f in files:
            p = os.path.join(ROOT, f)
            if not os.path.exists(p):
                fail(f'{where}: {f} does not exist')
                continue
            contents[f] = open(p, encoding='utf-8').read().split('\n')
        nblocks += 1
        # every function the paragraph names must be defined in a named file,
        # and one said to be "in that file" in the first file named
        def defined(fn, f):
            pat = {'c': rf'^{fn} \(', 'h': rf'^{fn} \(',
                   'py': rf'^def {fn}\(', 'js': rf'^(export )?function {fn}\('}[f.rsplit('.', 1)[1]]
            return any(re.match(pat, x) for x in contents.get(f, []))
        for sentence in re.split(r'(?<=[.:])\s+', para):
            for fn in re.findall(r'`([A-Za-z_]+) ?\(\)`', sentence):
                homes = [f for f in files if defined(fn, f)]
                if not homes:
                    fail(f'{where}: `{fn} ()` is defined in none of {", ".join(files)}')
                elif 'in that file' in sentence and files[0] not in homes:
                    fail(f'{where}: `{fn} ()` is said to be in {files[0]} but is in {homes[0]}')
                else:
                    print(f'fn   {where}: {fn} () defined in {homes[0]}')
        n = len(block)
        if not 10 <= n <= 25:
            fail(f'{where}: {n} lines, not 10-25')
        # split into segments at cut lines
        segments, cur = [], []
        for ln, l in enumerate(block):
            if CUT.match(l):
                if cur:
                    segments.append(cur)
                cur = []
                continue
            cur.append((start + 2 + ln, l))
        if cur:
            segments.append(cur)
        used = set()
        for seg in segments:
            # every line on its own
            for lineno, l in seg:
                if not l.strip():
                    continue
                holders = [f for f, c in contents.items()
                           if any(x.strip() == l.strip() for x in c)]
                if not holders:
                    fail(f'{name}:{lineno}: not in {", ".join(files)}: {l.strip()}')
            # the segment as a run of consecutive lines, same relative indentation
            want = dedent([l for _, l in seg])
            found = None
            for f, c in contents.items():
                for s in range(len(c) - len(want) + 1):
                    if dedent(c[s:s + len(want)]) == want:
                        found = f
                        break
                if found:
                    break
            if found is None:
                fail(f'{name}:{seg[0][0]}-{seg[-1][0]}: the run of {len(want)} lines is not '
                     f'consecutive (or not indented alike) in {", ".join(files)}')
            else:
                used.add(found)
        if not used:
            fail(f'{where}: no run of the block was found in the files named')
        for f in files:
            if f not in used:
                print(f'note {where}: {f} is named (for what it provides) but not quoted')
        print(f'blk  {where}: {n} lines, {len(segments)} run(s), from {", ".join(sorted(used)) or "?"}')
        i = j + 1
    if nblocks != 3:
        fail(f'{name}: {nblocks} code blocks, expected 3')

print('ALL OK' if ok else 'SOME CHECKS FAILED')
sys.exit(0 if ok else 1)
