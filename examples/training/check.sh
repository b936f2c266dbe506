#!/bin/sh
# The training exercises: check.sh AFFAIRES PYTHON SOURCE-ROOT
#
# For each exercise N (TAP, "ok N - exercice N"):
# - preparer.py N regenerates the starting dossier, which must be byte for
#   byte the committed dossiers/exercice-N.json (so that they cannot rot);
# - the audit of the starting dossier leaves at least one criterion of
#   capability N not met (the exercise has something to do); for exercise 2
#   the affair does not exist yet: the trainee creates it;
# - the reference solution solutions/exercice_N.py runs on it;
# - the audit of its result meets every criterion of capability N;
# - the journal of the result verifies.
set -u
affaires=$1; python=$2; source_root=$3
training=$source_root/examples/training
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

affair=OF-2026-118
capabilities="clients offers organisation coordination follow-up finance rex"
# The day each exercise is audited on (exercice-N.md, "Vérifier").
dates="2027-03-31 2027-01-15 2027-01-18 2027-03-31 2027-03-31 2027-03-31 2027-03-31"

nth() { shift "$1"; echo "$1"; }

# audit.json, capability, "something-to-do" or "all-met": whether the
# criteria of the capability say so; those not met go to the TAP output
# as diagnostics.
criteria() {
  "$python" -c '
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    audit = json.load(f)
mine = [c for c in audit["criteria"] if c["capability"] == sys.argv[2]]
for c in mine:
    if c["status"] != "met":
        print("#   %s: %s %s" % (c["id"], c["status"], " ; ".join(c["missing"])))
if sys.argv[3] == "all-met":
    sys.exit(0 if mine and all(c["status"] == "met" for c in mine) else 1)
sys.exit(0 if any(c["status"] != "met" for c in mine) else 1)
' "$@"
}

check() {
  n=$1; capability=$2; day=$3
  start=$work/exercice-$n.json; result=$work/resultat-$n.json

  "$python" "$training/preparer.py" "$n" "$start" || { echo "# preparer.py $n failed"; return 1; }
  cmp -s "$start" "$training/dossiers/exercice-$n.json" ||
    { echo "# dossiers/exercice-$n.json differs from what preparer.py $n writes now"; return 1; }

  if [ "$n" = 2 ]; then
    if "$affaires" --portfolio "$start" --json --date "$day" rex audit "$affair" >/dev/null 2>"$work/err"; then
      echo "# the affair $affair exists before exercise 2"; return 1
    fi
    grep -q "$affair" "$work/err" || { sed 's/^/# /' "$work/err"; echo "# the error does not name $affair"; return 1; }
  else
    "$affaires" --portfolio "$start" --json --date "$day" rex audit "$affair" >"$work/before.json" ||
      { echo "# the starting dossier does not audit"; return 1; }
    criteria "$work/before.json" "$capability" something-to-do >/dev/null ||
      { echo "# every criterion of $capability is met in the starting dossier: nothing to do"; return 1; }
  fi

  "$python" "$training/solutions/exercice_$n.py" "$start" "$result" >"$work/out" 2>&1 ||
    { sed 's/^/# /' "$work/out"; echo "# solutions/exercice_$n.py failed"; return 1; }
  "$affaires" --portfolio "$result" --json --date "$day" rex audit "$affair" >"$work/after.json" ||
    { echo "# the result does not audit"; return 1; }
  criteria "$work/after.json" "$capability" all-met ||
    { echo "# not every criterion of $capability is met after the solution"; return 1; }
  "$affaires" --portfolio "$result" journal verify >/dev/null ||
    { echo "# the journal of the result does not verify"; return 1; }
}

echo "1..7"
failed=0
for n in 1 2 3 4 5 6 7; do
  # shellcheck disable=SC2086
  if check "$n" "$(nth "$n" $capabilities)" "$(nth "$n" $dates)"; then
    echo "ok $n - exercice $n"
  else
    echo "not ok $n - exercice $n"
    failed=1
  fi
done
exit $failed
