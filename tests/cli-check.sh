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

echo "1..17"
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

# The demo's affair, carried to its close-out: its documents, and an audit
# of its dossier with every criterion of the role met.
for f in offre.html plan-de-management.html gantt.svg courbe-en-s.svg rapport-fevrier.html \
         retour-experience.md audit.html audit.md; do
  [ -s "$work/demo/$f" ] || { echo "not ok - the demo did not write $f"; failed=1; }
done
check 0 "the demo's affair is audited" \
  "$affaires" --portfolio "$work/demo.json" --date 2027-03-31 rex audit OF-2026-118
grep -q 'Score : 100 / 100 ; 31 critère(s) satisfait(s), 0 partiel(s), 0 manquant(s), 0 sans objet' "$work/out" ||
  { echo "not ok - the demo's audit is not all met"; sed 's/^/# /' "$work/out"; failed=1; }
check 0 "the audit as JSON" \
  "$affaires" --portfolio "$work/demo.json" --date 2027-03-31 --json rex audit OF-2026-118
grep -q '"status" : "partial"\|"status" : "missing"' "$work/out" && { echo "not ok - a JSON criterion is not met"; failed=1; }
grep -q '"score" : 100' "$work/out" || { echo "not ok - the JSON audit has no score 100"; failed=1; }
check 0 "the audit in HTML" \
  "$affaires" --portfolio "$work/demo.json" --date 2027-03-31 --format html rex audit OF-2026-118
grep -q '^<!DOCTYPE html>' "$work/out" || { echo "not ok - the HTML audit is not a page"; failed=1; }
check 1 "an unknown affair is exit 1" "$affaires" --portfolio "$work/demo.json" rex audit OF-9
grep -q 'OF-9' "$work/err" || { echo "not ok - the error does not name the affair"; failed=1; }
check 1 "an impossible date is exit 1" \
  "$affaires" --portfolio "$work/demo.json" --date 2027-02-30 rex audit OF-2026-118
check 0 "the lessons learned are rendered" "$affaires" --portfolio "$work/demo.json" rex render OF-2026-118
grep -q "Commander les brides forgées dès la signature" "$work/out" ||
  { echo "not ok - the REX lacks its improvement"; failed=1; }
check 0 "the dashboard is written" \
  "$affaires" --portfolio "$work/demo.json" --date 2027-03-31 finance dashboard
check 1 "an unknown command is exit 1" "$affaires" frobnicate
exit $failed
