#!/bin/sh
# Runs the C, Python and GJS versions of one example and checks that they
# print the same lines: compare.sh NAME C-PROGRAM PYTHON SCRIPT.py [GJS SCRIPT.js]
set -u
name=$1; c_program=$2; python=$3; python_script=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

"$c_program" > "$work/c.txt" || { echo "$name: the C example failed"; exit 1; }
[ -s "$work/c.txt" ] || { echo "$name: the C example printed nothing"; exit 1; }
"$python" "$python_script" > "$work/python.txt" || { echo "$name: the Python example failed"; exit 1; }
if ! diff -u "$work/c.txt" "$work/python.txt"; then
  echo "$name: the Python example differs from the C one"
  status=1
fi
if [ $# -ge 6 ]; then
  "$5" -m "$6" > "$work/js.txt" || { echo "$name: the GJS example failed"; exit 1; }
  if ! diff -u "$work/c.txt" "$work/js.txt"; then
    echo "$name: the GJS example differs from the C one"
    status=1
  fi
fi
cat "$work/c.txt"
exit $status
