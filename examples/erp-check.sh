#!/bin/sh
# The ERP example on the demo: erp-check.sh AFFAIRES PYTHON SOURCE-ROOT
set -u
affaires=$1; python=$2; source_root=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "erp-check: $*"; exit 1; }

"$affaires" --portfolio "$work/demo.json" demo >/dev/null || fail "the demo failed"
"$python" "$source_root/examples/python/erp_sync.py" "$work/demo.json" \
  "$source_root/examples/data/erp-clients.csv" "$source_root/examples/data/erp-costs.csv" \
  "$work/dashboard.csv" 2027-03-31 >"$work/out" || fail "erp_sync.py failed"
cat "$work/out"
grep -qx 'clients: 2 added, 1 already known' "$work/out" || fail "the clients were not imported"
grep -qx 'costs: 3 line(s) imported into OF-2027-009' "$work/out" || fail "the costs were not imported"
grep -q '^OF-2027-009,Chimie du Rhône,EUR,' "$work/dashboard.csv" || fail "the dashboard lacks OF-2027-009"
grep -q '^total,' "$work/dashboard.csv" || fail "the dashboard lacks its totals"
"$affaires" --portfolio "$work/demo.json" journal verify >/dev/null || fail "the journal does not verify"
"$affaires" --portfolio "$work/demo.json" client list | grep -q '^MET-LORR ' || fail "MET-LORR is not a client"

# A bad line of the ERP is named by its file and line, and nothing is saved.
printf 'affaire;date;poste;nature;statut;montant_ht;quantite;fournisseur;piece;commande\nOF-2027-009;31/02/2027;POSE;matière;réalisé;10,00;;;F-1;\n' \
  > "$work/bad.csv"
cp "$work/demo.json" "$work/before.json"
if "$python" "$source_root/examples/python/erp_sync.py" "$work/demo.json" \
     "$source_root/examples/data/erp-clients.csv" "$work/bad.csv" "$work/d2.csv" 2027-03-31 2>"$work/err"; then
  fail "an impossible date was accepted"
fi
grep -q 'bad.csv:2: ' "$work/err" || { cat "$work/err"; fail "the error does not name the line"; }
cmp -s "$work/demo.json" "$work/before.json" || fail "the portfolio changed after an error"
echo "erp-check: ok"
