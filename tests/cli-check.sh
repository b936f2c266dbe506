#!/bin/sh
# The affaires tool: its commands and documented exit codes.
set -u
affaires=$1
source_root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=0
failed=0

check() {
  # check EXPECTED_STATUS DESCRIPTION COMMAND...
  expected=$1; description=$2; shift 2
  n=$((n + 1))
  "$@" >"$work/out" 2>"$work/err"
  status=$?
  if [ "$status" -eq "$expected" ]; then
    echo "ok $n - $description"
  else
    echo "not ok $n - $description (exit $status, expected $expected)"
    sed 's/^/# /' "$work/err"
    failed=1
  fi
}

echo "1..10"
check 0 "demo writes a portfolio" "$affaires" --portfolio "$work/demo.json" demo
check 0 "demo replaces its own earlier demo" "$affaires" --portfolio "$work/demo.json" demo
check 0 "the demo document is valid" "$affaires" check "$work/demo.json"
check 0 "its journal verifies" "$affaires" --portfolio "$work/demo.json" journal verify
check 0 "clients are listed" "$affaires" --portfolio "$work/demo.json" client list
grep -q '^ARC-DK ' "$work/out" || { echo "not ok - client list lacks ARC-DK"; failed=1; }

printf '{"format":"libaffaires-portfolio","version":1,"name":"mine"}' > "$work/mine.json"
check 1 "demo refuses to replace a portfolio that is not a demo" \
  "$affaires" --portfolio "$work/mine.json" demo
check 2 "an invalid document is exit 2" \
  "$affaires" check "$source_root/tests/data/hostile/siren-check-digit.json"
grep -q 'siren' "$work/err" || { echo "not ok - the error does not name the member"; failed=1; }

sed 's/"reason" : "first order: blast furnace shutdown"/"reason" : "forged"/' \
  "$work/demo.json" > "$work/tampered.json"
check 3 "a tampered journal is exit 3" "$affaires" --portfolio "$work/tampered.json" journal verify
check 4 "a missing file is exit 4" "$affaires" check "$work/missing.json"
check 1 "an unknown command is exit 1" "$affaires" frobnicate
exit $failed
