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

echo "1..339"
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

# The subcommands, on a copy of the demo. Messages are checked in English,
# and most figures as JSON, which does not depend on the locale.
unset LANGUAGE
export LC_ALL=C.UTF-8
p="$work/p.json"
cp "$work/demo.json" "$p"

expect() {
  # expect FILE TEXT DESCRIPTION: the output or error of the last check holds TEXT
  grep -qF -- "$2" "$work/$1" || { echo "not ok - $3: no “$2” in its $1"; sed 's/^/# /' "$work/$1"; failed=1; }
}

holds() {
  # holds EXPRESSION DESCRIPTION: the output of the last check is one JSON
  # document, d, of which the Python EXPRESSION is true; text(FILE) reads a
  # file as it is, its line ends kept
  /usr/bin/python3 -c 'import json, sys
def text(name):
    with open(name, encoding="utf-8", newline="") as f:
        return f.read()
d = json.loads(text(sys.argv[1]))
sys.exit(0 if eval("(" + sys.argv[2] + ")") else 1)' "$work/out" "$1" 2>"$work/python" ||
    { printf 'not ok - %s: not %s\n' "$2" "$1"; sed 's/^/# /' "$work/out" "$work/python"; failed=1; }
}

silent() {
  # silent DESCRIPTION: the last check printed nothing on its standard output
  [ ! -s "$work/out" ] || { echo "not ok - $1: something on the standard output"; sed 's/^/# /' "$work/out"; failed=1; }
}

check 0 "affaires --help lists the commands" "$affaires" --help
for c in "demo" "client add ID NAME" "client list" "client show ID" "client interaction ID KIND SUMMARY" \
         "client due" "consultation add ID CLIENT TITLE" "consultation evaluate ID" "consultation decide ID go|no-go" \
         "finance cost AFFAIR WORK CATEGORY STATE AMOUNT" "finance import-costs AFFAIR FILE.csv" \
         "finance progress AFFAIR WORK PERCENT_BP" "finance status AFFAIR" "finance dashboard" "journal show" \
         "journal verify" "check [FILE]" "rex render AFFAIR" "rex lessons [AFFAIR]" "rex audit AFFAIR" \
         "rex create AFFAIR" "rex practice AFFAIR TEXT" "rex difficulty AFFAIR TEXT SOLUTION" \
         "rex improvement AFFAIR TITLE" "rex validate AFFAIR" "finance billing AFFAIR" \
         "finance invoice AFFAIR REFERENCE" "finance accept AFFAIR" "finance close AFFAIR" \
         "plan task AFFAIR ID NAME DAYS" "plan depend AFFAIR FROM TO" "plan schedule AFFAIR" \
         "plan baseline AFFAIR NAME" "plan start AFFAIR TASK" "plan finish AFFAIR TASK" "plan gantt AFFAIR" \
         "plan hazard AFFAIR ID CAUSE DESCRIPTION" \
         "plan ics AFFAIR" "finance drifts AFFAIR" "finance action AFFAIR KIND SUBJECT" \
         "dossier meeting AFFAIR ID KIND TITLE" "dossier minutes AFFAIR MEETING TEXT" "dossier action AFFAIR ID TITLE" \
         "dossier done AFFAIR ACTION" "dossier document AFFAIR REFERENCE TITLE" "dossier report AFFAIR START END" \
         "dossier check AFFAIR" "offer new ID CONSULTATION" "offer line ID KIND DESCRIPTION QUANTITY UNIT UNIT_COST" \
         "offer margin ID BASIS_POINTS" "offer check ID" "offer send ID" "offer accept ID CONTRACT" \
         "offer decline ID REASON" "offer render ID" "offer remind" "export csv AFFAIR" "export dashboard-csv" \
         "export svg AFFAIR" "export gantt AFFAIR" "export ics AFFAIR" "consultation requirement ID TEXT" \
         "consultation works ID FLAG..." \
         "offer approve ID" "offer acknowledge ID FLAG…" "export md AFFAIR" "export html AFFAIR"; do
  expect out "  $c" "affaires --help"
done
for c in "client add" "client show" "client interaction" "client due" "consultation add" "consultation evaluate" \
         "consultation decide" "finance cost" "finance import-costs" "finance progress" "finance status" \
         "rex create" "rex practice" "rex difficulty" "rex improvement" "rex validate" "finance billing" \
         "finance invoice" "finance accept" "finance close" "plan task" "plan depend" "plan schedule" \
         "plan baseline" "plan start" "plan finish" "plan gantt" "plan ics" "plan hazard" "finance drifts" "finance action" \
         "dossier meeting" "dossier minutes" "dossier action" "dossier done" "dossier document" "dossier report" \
         "dossier check" "offer new" "offer line" "offer margin" "offer check" "offer send" "offer accept" \
         "offer decline" "offer render" "offer remind" "export csv" "export dashboard-csv" "export svg" \
         "export gantt" "export ics" "consultation requirement" "consultation works" "offer approve" "offer acknowledge" "export md" \
         "export html"; do
  # shellcheck disable=SC2086
  check 0 "affaires $c --help" "$affaires" $c --help
  expect out "] $c" "the usage of $c"
  [ "$c" != "finance cost" ] || expect out "--commitment=REF" "the options of finance cost"
  [ "$c" != "rex improvement" ] || expect out "--benefit=TEXT" "the options of rex improvement"
  [ "$c" != "plan task" ] || expect out "--kind=KIND" "the options of plan task"
  [ "$c" != "finance action" ] || expect out "--effect=AMOUNT" "the options of finance action"
  [ "$c" != "dossier action" ] || expect out "--due=DATE" "the options of dossier action"
  [ "$c" != "dossier report" ] || expect out "--to=NAME" "the options of dossier report"
  [ "$c" != "offer new" ] || expect out "--validity=DATE" "the options of offer new"
  [ "$c" != "offer line" ] || expect out "--requirement=REQ" "the options of offer line"
  [ "$c" != "offer decline" ] || expect out "--note=TEXT" "the options of offer decline"
  [ "$c" != "offer approve" ] || expect out "--why=TEXT" "the options of offer approve"
  [ "$c" != "offer acknowledge" ] || expect out "--measures=TEXT" "the options of offer acknowledge"
  [ "$c" != "export md" ] || expect out "--document=DOCUMENT" "the options of export md"
  case $c in
    "export "*|"plan gantt"|"plan ics"|"offer render") expect out "--output=FILE" "the options of $c" ;;
  esac
done
check 0 "--help before the command words" "$affaires" --help client interaction
expect out "--satisfaction=N" "the options of client interaction"
check 0 "a command with its subcommands" "$affaires" consultation --help
expect out "consultation decide" "affaires consultation --help"
check 1 "a missing argument is exit 1" "$affaires" --portfolio "$p" client show
expect err "client show ID" "the usage of client show"

# Clients: a prospect added, contacted, shown and due.
check 0 "client add" "$affaires" --portfolio "$p" client add NEW-CO "Nouvelle Compagnie" \
  --siren 732829320 --naf 24.10Z --address "1 rue du Port
59140 Dunkerque"
check 0 "client list --json" "$affaires" --portfolio "$p" client list --json
expect out '"id" : "NEW-CO"' "client list --json"
check 1 "client add refuses an id taken" "$affaires" --portfolio "$p" client add NEW-CO "Autre"
expect err "NEW-CO" "the duplicate client"
check 1 "client add refuses a SIREN with a bad check digit" "$affaires" --portfolio "$p" client add BAD "Bad" \
  --siren 732829321
expect err "732829321" "the bad SIREN"
check 0 "client add creates a portfolio" "$affaires" --portfolio "$work/new/p.json" client add FIRST "Premier"
check 0 "the portfolio created is valid" "$affaires" check "$work/new/p.json"
check 0 "client interaction" "$affaires" --portfolio "$p" client interaction NEW-CO call "premier appel" \
  --date 2027-03-01 --satisfaction 7
# The first interaction of a client is <client>-1.
expect out "NEW-CO-1" "client interaction"
check 1 "client interaction with an unknown kind" "$affaires" --portfolio "$p" client interaction NEW-CO phone x
expect err "phone" "the unknown kind"
check 1 "client interaction with an unknown client" "$affaires" --portfolio "$p" client interaction NOPE call x
expect err "NOPE" "the unknown client"
check 1 "client interaction with an unknown contact" "$affaires" --portfolio "$p" client interaction NEW-CO visit x \
  --contact "Personne"
expect err "Personne" "the unknown contact"
check 1 "client interaction with a satisfaction over 10" "$affaires" --portfolio "$p" client interaction NEW-CO call x \
  --satisfaction 11
check 0 "client show" "$affaires" --portfolio "$p" client show NEW-CO
expect out "Status: prospect" "client show"
expect out "Address: 1 rue du Port, 59140 Dunkerque" "client show"
check 0 "client show --json" "$affaires" --portfolio "$p" --json client show NEW-CO
# A prospect is followed up every 30 days (the policy's default): 2027-03-01 + 30.
expect out '"follow_up" : "2027-03-31"' "client show --json"
expect out '"satisfaction" : 7' "client show --json"
expect out '"naf" : "24.10Z"' "client show --json"
# A name holding U+001F (a spreadsheet's unit separator): json-glib 1.6
# writes it raw, which strict readers such as Python's json refuse.
check 0 "client add with U+001F in its name" "$affaires" --portfolio "$p" client add UNIT "$(printf 'Alpha\037Beta')"
check 0 "client show --json of that name" "$affaires" --portfolio "$p" --json client show UNIT
holds "d['name'] == 'Alpha\\x1fBeta'" "the name read back by Python's strict json"
check 0 "the document still loads" "$affaires" check "$p"
check 1 "client show of an unknown client" "$affaires" --portfolio "$p" client show NOPE
expect err "NOPE" "client show NOPE"
check 0 "client due on the follow-up day" "$affaires" --portfolio "$p" --json client due --date 2027-03-31
expect out '"since" : "2027-03-31"' "client due --json"
check 0 "client due the day before" "$affaires" --portfolio "$p" client due --date 2027-03-30
grep -q "NEW-CO" "$work/out" && { echo "not ok - NEW-CO is due before its follow-up day"; failed=1; }

# A consultation: added, evaluated, decided.
check 0 "consultation add" "$affaires" --portfolio "$p" consultation add CONS-X NEW-CO "Révision de la pompe P-12" \
  --received 2027-03-02 --deadline 2027-03-30 --activity pipework
check 1 "consultation add without --deadline" "$affaires" --portfolio "$p" consultation add CONS-Y NEW-CO "x" \
  --received 2027-03-02
expect err "CONS-Y" "the consultation without a deadline"
check 1 "consultation add for an unknown client" "$affaires" --portfolio "$p" consultation add CONS-Y NOPE "x" \
  --received 2027-03-02 --deadline 2027-03-30
expect err "NOPE" "the consultation of an unknown client"
check 1 "consultation add with an impossible date" "$affaires" --portfolio "$p" consultation add CONS-Y NEW-CO "x" \
  --received 2027-02-30 --deadline 2027-03-30
expect err "2027-02-30" "the impossible date"
check 1 "consultation evaluate before it was received" "$affaires" --portfolio "$p" consultation evaluate CONS-X \
  --date 2027-03-01
expect err "CONS-X" "the early evaluation"
check 0 "consultation evaluate --json" "$affaires" --portfolio "$p" --json consultation evaluate CONS-X --date 2027-03-03
# The new client has no solvency assessment: an eliminatory gate fails.
expect out '"verdict" : "no-go"' "consultation evaluate"
# From 2027-03-03 to the deadline of 2027-03-30: 27 days (the policy writes French).
expect out "27 jours jusqu" "consultation evaluate"
expect out "la remise du 2027-03-30" "consultation evaluate"
check 1 "consultation decide against the evaluation without --why" \
  "$affaires" --portfolio "$p" consultation decide CONS-X go --by "Directeur d'agence"
expect err "CONS-X" "the unjustified decision"
check 1 "consultation decide with a bad verdict" "$affaires" --portfolio "$p" consultation decide CONS-X maybe --by X
expect err "maybe" "the bad verdict"
check 0 "consultation decide" "$affaires" --portfolio "$p" consultation decide CONS-X go --by "Directeur d'agence" \
  --why "client à développer"
expect out "against the evaluation (no-go)" "consultation decide"
check 1 "a consultation is decided once" "$affaires" --portfolio "$p" consultation decide CONS-X no-go --by X
expect err "CONS-X" "the second decision"

# Finance: the demo's running affair OF-2027-009 has one commitment,
# CDE-ER-0214 of 41800.00 EUR, and no actual cost.
check 0 "finance status --json" "$affaires" --portfolio "$p" --date 2027-03-31 --json finance status OF-2027-009
expect out '"ac" : "0.00 EUR"' "finance status before the costs"
expect out '"open_commitments" : "41800.00 EUR"' "finance status before the costs"
# BAC: 320 h of pipefitter at 52.00 (16640.00) and the bundle (41800.00),
# with the policy's overheads of 30 % on labour (4992.00) and 10 % on
# material (4180.00).
expect out '"bac" : "67612.00 EUR"' "finance status before the costs"
check 0 "finance cost settling half the order" "$affaires" --portfolio "$p" finance cost OF-2027-009 FAISC material \
  actual 20900.00 --date 2027-03-20 --supplier "Échangeurs du Rhône" --document FA-ER-1 --commitment CDE-ER-0214
check 0 "finance cost of a credit note, after --" "$affaires" --portfolio "$p" --date 2027-03-21 finance cost \
  OF-2027-009 - travel actual -- -100.00
check 1 "finance cost of an unknown category" "$affaires" --portfolio "$p" finance cost OF-2027-009 FAISC food actual 1
expect err "food" "the unknown category"
check 1 "finance cost of an unknown affair" "$affaires" --portfolio "$p" finance cost OF-9 FAISC material actual 1
expect err "OF-9" "the unknown affair"
check 1 "finance cost settling an order the ledger lacks" "$affaires" --portfolio "$p" finance cost OF-2027-009 \
  FAISC material actual 1 --document FA-ER-2 --commitment CDE-NONE
expect err "FA-ER-2" "the cost without its commitment"
printf 'date,work,category,state,amount,supplier,document\n2027-03-22,POSE,travel,actual,150.00,SNCF,NF-1\n2027-03-23,POSE,equipment,actual,250.50,Loxam,NF-2\n' \
  > "$work/costs.csv"
check 0 "finance import-costs" "$affaires" --portfolio "$p" --json finance import-costs OF-2027-009 "$work/costs.csv"
expect out '"entries" : 2' "finance import-costs"
printf 'date,category,state,amount\n2027-03-24,travel,actual,80.00\n2027-03-24,travel,actual,douze\n' > "$work/bad.csv"
check 2 "finance import-costs of a bad line is exit 2" \
  "$affaires" --portfolio "$p" finance import-costs OF-2027-009 "$work/bad.csv"
expect err "$work/bad.csv: Line 3, column amount" "the bad line"
check 4 "finance import-costs of a missing file is exit 4" \
  "$affaires" --portfolio "$p" finance import-costs OF-2027-009 "$work/none.csv"
check 1 "finance import-costs into a closed affair" \
  "$affaires" --portfolio "$p" finance import-costs OF-2026-118 "$work/costs.csv"
expect err "OF-2026-118" "the closed affair"
check 0 "finance progress" "$affaires" --portfolio "$p" finance progress OF-2027-009 POSE 2500 --date 2027-03-25
check 1 "finance progress over 100 %" "$affaires" --portfolio "$p" finance progress OF-2027-009 POSE 12000 \
  --date 2027-03-25
expect err "POSE" "the progress over 100 %"
check 1 "finance progress of an unknown task" "$affaires" --portfolio "$p" finance progress OF-2027-009 NOPE 100 \
  --date 2027-03-25
expect err "NOPE" "the unknown task"
check 0 "finance status --json after" "$affaires" --portfolio "$p" --json finance status OF-2027-009 --date 2027-03-31
# AC: 20900.00 - 100.00 + 150.00 + 250.50; the bad file added nothing.
expect out '"ac" : "21200.50 EUR"' "finance status after the costs"
expect out '"open_commitments" : "20900.00 EUR"' "finance status after the costs"
# EV: FAISC at 50 % (the demo's) of 41800.00 = 20900.00, POSE at 25 % of
# 16640.00 = 4160.00, and the overheads of the affair (9172.00) earning as
# the rest: 9172.00 x 25060.00 / 58440.00 = 3933.10.
expect out '"ev" : "28993.10 EUR"' "finance status after the progress"
check 0 "finance status" "$affaires" --portfolio "$p" finance status OF-2027-009 --date 2027-03-31
expect out "Actual cost (AC)" "finance status"
check 1 "finance status of an unknown affair" "$affaires" --portfolio "$p" finance status OF-9
expect err "OF-9" "finance status OF-9"
check 0 "the journal of the changes verifies" "$affaires" --portfolio "$p" journal show
expect out "progress-recorded" "journal show"
expect out "costs-imported" "journal show"
check 0 "the changed portfolio is valid" "$affaires" check "$p"

# The lessons learned of the running affair OF-2027-009, on another copy of
# the demo so that the figures above stay those of the demo.
q="$work/q.json"
cp "$work/demo.json" "$q"
check 1 "rex practice before rex create" "$affaires" --portfolio "$q" rex practice OF-2027-009 "x"
expect err "OF-2027-009" "the REX not drawn up"
check 0 "rex create" "$affaires" --portfolio "$q" rex create OF-2027-009 --date 2027-03-31
expect out "Affair OF-2027-009: lessons learned drawn up on 2027-03-31" "rex create"
check 1 "an affair has one REX" "$affaires" --portfolio "$q" rex create OF-2027-009 --date 2027-03-31
expect err "OF-2027-009" "the second REX"
check 1 "rex create of an unknown affair" "$affaires" --portfolio "$q" rex create OF-9 --date 2027-03-31
expect err "OF-9" "rex create OF-9"
check 1 "rex validate without a lesson" "$affaires" --portfolio "$q" rex validate OF-2027-009 --date 2027-03-31
expect err "OF-2027-009" "the REX without a lesson"
check 0 "rex practice" "$affaires" --portfolio "$q" rex practice OF-2027-009 "Faisceau commandé dès la signature"
check 0 "rex difficulty" "$affaires" --portfolio "$q" rex difficulty OF-2027-009 "Arrêt décalé d'une semaine" \
  "Pose replanifiée avec le site"
check 1 "rex improvement without --owner" "$affaires" --portfolio "$q" rex improvement OF-2027-009 "Visite préalable" \
  --why "accès difficiles" --benefit "moins d'aléas"
expect err "Visite préalable" "the improvement without its owner"
check 0 "rex improvement" "$affaires" --portfolio "$q" rex improvement OF-2027-009 "Visite préalable" \
  --why "accès difficiles" --benefit "moins d'aléas" --owner "Méthodes"
check 1 "rex validate before the REX was drawn up" "$affaires" --portfolio "$q" rex validate OF-2027-009 \
  --date 2027-03-30
expect err "OF-2027-009" "the early validation"
check 0 "rex validate" "$affaires" --portfolio "$q" rex validate OF-2027-009 --date 2027-04-01
expect out "validated on 2027-04-01" "rex validate"
check 1 "a validated REX no longer changes" "$affaires" --portfolio "$q" rex practice OF-2027-009 "y"
expect err "OF-2027-009" "the validated REX"
check 0 "rex render of the new REX" "$affaires" --portfolio "$q" rex render OF-2027-009
expect out "Arrêt décalé d'une semaine — solution : Pose replanifiée avec le site" "rex render"
check 0 "rex lessons lists the new improvement" "$affaires" --portfolio "$q" rex lessons
expect out "Visite préalable (Méthodes)" "rex lessons"
check 0 "rex lessons --json" "$affaires" --portfolio "$q" --json rex lessons
holds "{'affair': 'OF-2027-009', 'status': 'proposed', 'title': 'Visite préalable', 'owner': 'Méthodes'} in d" \
  "rex lessons --json"

# Billing of OF-2027-009: no advance, monthly situations, 5 % retention,
# VAT at 20 %. Nothing is due on 2027-02-28: no progress by then.
check 0 "finance billing with nothing due" "$affaires" --portfolio "$q" finance billing OF-2027-009 --date 2027-02-28
expect out "nothing to invoice on 2027-02-28" "finance billing"
check 1 "finance invoice with nothing due" "$affaires" --portfolio "$q" finance invoice OF-2027-009 F-1 \
  --date 2027-02-28
expect err "OF-2027-009" "the invoice not due"
check 0 "finance billing --json" "$affaires" --portfolio "$q" --json finance billing OF-2027-009 --date 2027-03-31
# The situation of March: EV 24180.20 (above) / BAC 67612.00 of the contract
# amount, 67612.00 / 0.85 = 79543.53, so 28447.29; VAT 5689.46, 34136.75
# with it; the retention 5 % of that, 1706.84, leaves 32429.91 payable.
expect out '"kind" : "situation"' "finance billing --json"
expect out '"excluding_vat" : "28447.29 EUR"' "finance billing --json"
expect out '"including_vat" : "34136.75 EUR"' "finance billing --json"
expect out '"retention" : "1706.84 EUR"' "finance billing --json"
expect out '"payable" : "32429.91 EUR"' "finance billing --json"
check 0 "finance invoice" "$affaires" --portfolio "$q" finance invoice OF-2027-009 F-2027-101 --date 2027-03-31
expect out "invoice F-2027-101 of situations issued on 2027-03-31: 28447.29 EUR excl. VAT" "finance invoice"
check 1 "finance invoice once the situation is invoiced" "$affaires" --portfolio "$q" finance invoice OF-2027-009 \
  F-2027-102 --date 2027-03-31
check 1 "finance close of a running affair" "$affaires" --portfolio "$q" finance close OF-2027-009 --date 2027-03-31
expect err "affair OF-2027-009 cannot be closed on 2027-03-31" "finance close"
expect err "FAISC" "the blockers of finance close"
check 0 "finance accept" "$affaires" --portfolio "$q" finance accept OF-2027-009 --date 2027-03-31
check 1 "finance accept twice" "$affaires" --portfolio "$q" finance accept OF-2027-009 --date 2027-03-31
expect err "OF-2027-009" "the second acceptance"
check 0 "finance billing after the acceptance" "$affaires" --portfolio "$q" --json finance billing OF-2027-009 \
  --date 2027-03-31
# The balance: 79543.53 less the 28447.29 invoiced.
expect out '"excluding_vat" : "51096.24 EUR"' "the final invoice"
check 1 "finance close of a closed affair" "$affaires" --portfolio "$q" finance close OF-2026-118 --date 2027-04-01
expect err "OF-2026-118" "the closed affair"
check 0 "the journal of the REX and billing verifies" "$affaires" --portfolio "$q" journal show
expect out "rex-validated" "journal show"

# The plan of OF-2027-009, on a third copy of the demo: FAISC (25 working
# days from Monday 2027-02-08) then POSE (5), finish to start.
r="$work/r.json"
cp "$work/demo.json" "$r"
check 0 "plan task" "$affaires" --portfolio "$r" plan task OF-2027-009 ESSAI "Épreuve hydraulique" 1 --kind inspection
expect out "Affair OF-2027-009: inspection ESSAI added, 1 working day" "plan task"
check 1 "plan task of an unknown kind" "$affaires" --portfolio "$r" plan task OF-2027-009 X "x" 1 --kind audit
expect err "audit" "the unknown task kind"
check 1 "plan task of a duration that is not a number" "$affaires" --portfolio "$r" plan task OF-2027-009 X "x" deux
expect err "X" "the task of a bad duration"
check 1 "plan task of an id taken" "$affaires" --portfolio "$r" plan task OF-2027-009 ESSAI "x" 1
expect err "ESSAI" "the duplicate task"
check 0 "plan depend" "$affaires" --portfolio "$r" plan depend OF-2027-009 POSE ESSAI
check 1 "plan depend on an unknown task" "$affaires" --portfolio "$r" plan depend OF-2027-009 POSE NOPE
expect err "NOPE" "the unknown successor"
check 0 "plan schedule" "$affaires" --portfolio "$r" plan schedule OF-2027-009
# FAISC: five weeks of five days, 2027-02-08 to Friday 2027-03-12; POSE the
# week after, to 2027-03-19; ESSAI on the next Monday, 2027-03-22. All
# three are critical: nothing else runs beside them.
expect out "scheduled, finishing on 2027-03-22" "plan schedule"
expect out "Critical path: FAISC → POSE → ESSAI" "plan schedule"
check 0 "plan schedule --json" "$affaires" --portfolio "$r" --json plan schedule OF-2027-009
holds "d['finish'] == '2027-03-22' and d['critical_path'] == ['FAISC', 'POSE', 'ESSAI']" "plan schedule --json"
holds "d['message'] == 'Affair OF-2027-009: scheduled, finishing on 2027-03-22\\nCritical path: FAISC → POSE → ESSAI'" \
  "the message of plan schedule --json"
holds "d['portfolio'] == '$r'" "the portfolio of plan schedule --json"
check 1 "plan schedule of an unknown affair" "$affaires" --portfolio "$r" plan schedule OF-9
expect err "OF-9" "plan schedule OF-9"
check 0 "plan baseline" "$affaires" --portfolio "$r" plan baseline OF-2027-009 "avec essai"
check 1 "plan baseline of a name taken" "$affaires" --portfolio "$r" plan baseline OF-2027-009 contrat
expect err "contrat" "the duplicate baseline"
# A hazard on a fresh copy: FAISC, 25 working days from Monday 2027-02-08
# to Friday 2027-03-12, delayed 4 days ends on Thursday 2027-03-18; POSE's
# five days then run from 2027-03-19 to Thursday 2027-03-25 instead of
# ending on 2027-03-19.
cp "$work/demo.json" "$work/hazard.json"
check 0 "plan hazard" "$affaires" --portfolio "$work/hazard.json" --date 2027-03-10 \
  plan hazard OF-2027-009 H1 supplier "Faisceau livré en retard" --task FAISC --delay 4
expect out "hazard H1 applied, finish 2027-03-19 → 2027-03-25" "plan hazard"
expect out "Moved: FAISC, POSE" "plan hazard"
# Both tasks are the company's own, with no party named.
expect out "To tell: the company's team" "plan hazard"
# The same hazard with --json, on another fresh copy: the same facts as
# data, and the hazard journaled on the affair.
cp "$work/demo.json" "$work/hazard-json.json"
check 0 "plan hazard --json" "$affaires" --portfolio "$work/hazard-json.json" --date 2027-03-10 --json \
  plan hazard OF-2027-009 H1 supplier "Faisceau livré en retard" --task FAISC --delay 4
holds "d['finish_before'] == '2027-03-19' and d['finish_after'] == '2027-03-25'" "the finish of plan hazard --json"
holds "d['moved'] == ['FAISC', 'POSE'] and d['milestones_slipped'] == []" "the slips of plan hazard --json"
holds "d['to_tell'] == [{'party': 'internal', 'name': None, 'tasks': ['FAISC', 'POSE']}]" "whom plan hazard --json tells"
holds "[(e['entity_kind'], e['entity_id']) for e in d['journal'] if e['action'] == 'hazard-applied'] == \
  [('affair', 'OF-2027-009')]" "the hazard journaled"
check 1 "plan hazard on an unknown task" "$affaires" --portfolio "$work/hazard.json" --date 2027-03-10 \
  plan hazard OF-2027-009 H2 weather "Tempête" --task NOPE --delay 1
expect err "NOPE" "the hazard's unknown task"
check 1 "plan hazard of an unknown cause" "$affaires" --portfolio "$work/hazard.json" --date 2027-03-10 \
  plan hazard OF-2027-009 H3 storm "Tempête" --task POSE --delay 1
expect err "storm" "the hazard's unknown cause"
check 0 "plan gantt" "$affaires" --portfolio "$r" --date 2027-03-15 plan gantt OF-2027-009
expect out "<title>OF-2027-009</title>" "plan gantt"
check 1 "plan gantt of an unknown affair" "$affaires" --portfolio "$r" plan gantt OF-9
expect err "OF-9" "plan gantt OF-9"
check 0 "plan ics" "$affaires" --portfolio "$r" plan ics OF-2027-009
# The inspection is an appointment, on 2027-03-22 (DTEND is the day after).
expect out "UID:ESSAI@OF-2027-009" "plan ics"
expect out "DTSTART;VALUE=DATE:20270322" "plan ics"
expect out "DTEND;VALUE=DATE:20270323" "plan ics"
check 1 "plan ics of an unknown affair" "$affaires" --portfolio "$r" plan ics OF-9
expect err "OF-9" "plan ics OF-9"
check 0 "plan start" "$affaires" --portfolio "$r" plan start OF-2027-009 FAISC --date 2027-02-08
check 1 "plan start of a task started" "$affaires" --portfolio "$r" plan start OF-2027-009 FAISC --date 2027-02-09
expect err "FAISC" "the task started twice"
check 1 "plan finish of a task not started" "$affaires" --portfolio "$r" plan finish OF-2027-009 POSE \
  --date 2027-03-19
expect err "POSE" "the task not started"
check 0 "plan finish" "$affaires" --portfolio "$r" plan finish OF-2027-009 FAISC --date 2027-03-12
expect out "Affair OF-2027-009: task FAISC finished on 2027-03-12" "plan finish"

# Drifts and the dossier of OF-2027-009, on a fourth copy of the demo.
s="$work/s.json"
cp "$work/demo.json" "$s"
check 0 "finance drifts --json" "$affaires" --portfolio "$s" --json finance drifts OF-2027-009 --date 2027-03-31
# EV 24180.20 (above) against a PV of the whole BAC, 67612.00, the plan
# finishing on 2027-03-19: an SPI of 0.358, under 0.90; and a physical
# progress of 35.8 % against no cost and no invoice, beyond 10 points.
expect out '"kind" : "schedule-performance"' "finance drifts"
expect out '"kind" : "concordance"' "finance drifts"
expect out '"corrective_action" : null' "finance drifts"
check 1 "finance drifts of an unknown affair" "$affaires" --portfolio "$s" finance drifts OF-9
expect err "OF-9" "finance drifts OF-9"
check 1 "finance action without --due" "$affaires" --portfolio "$s" finance action OF-2027-009 concordance - \
  --analysis x --action y --owner z
expect err "concordance" "the action without its due day"
check 1 "finance action of an unknown kind" "$affaires" --portfolio "$s" finance action OF-2027-009 lateness - \
  --analysis x --action y --owner z --due 2027-04-15
expect err "lateness" "the unknown drift kind"
check 0 "finance action" "$affaires" --portfolio "$s" --date 2027-03-31 finance action OF-2027-009 \
  schedule-performance - --analysis "Faisceau livré en retard" --action "Pose avancée d'une équipe" \
  --owner "Chef de chantier" --due 2027-04-15 --effect 500.00
expect out "corrective action of the schedule-performance drift of OF-2027-009 recorded on 2027-03-31" "finance action"
check 0 "finance drifts with the action" "$affaires" --portfolio "$s" finance drifts OF-2027-009 --date 2027-03-31
expect out "corrective action: Pose avancée d'une équipe (Chef de chantier, due on 2027-04-15)" "finance drifts"
expect out "no corrective action" "the concordance drift"

# The demo left OF-2027-009 without a kick-off meeting (it started on
# 2027-02-08) and without the report of February (due 5 days after the
# 28th).
check 0 "dossier check --json" "$affaires" --portfolio "$s" --json dossier check OF-2027-009 --date 2027-03-31
expect out '"kind" : "kick-off"' "dossier check"
expect out '"kind" : "period-report"' "dossier check"
check 1 "dossier check of an unknown affair" "$affaires" --portfolio "$s" dossier check OF-9
expect err "OF-9" "dossier check OF-9"
check 0 "dossier meeting" "$affaires" --portfolio "$s" --date 2027-02-08 dossier meeting OF-2027-009 R1 kick-off \
  "Réunion de lancement"
expect out "Affair OF-2027-009: kick-off meeting R1 held on 2027-02-08" "dossier meeting"
check 1 "dossier meeting of an id taken" "$affaires" --portfolio "$s" --date 2027-02-08 dossier meeting OF-2027-009 R1 \
  kick-off "x"
expect err "R1" "the duplicate meeting"
check 1 "dossier meeting of an unknown kind" "$affaires" --portfolio "$s" dossier meeting OF-2027-009 R2 party "x"
expect err "party" "the unknown meeting kind"
check 0 "dossier minutes" "$affaires" --portfolio "$s" dossier minutes OF-2027-009 R1 "Planning et accès validés"
check 1 "dossier minutes of an unknown meeting" "$affaires" --portfolio "$s" dossier minutes OF-2027-009 NOPE "x"
expect err "NOPE" "the minutes of an unknown meeting"
check 0 "dossier action" "$affaires" --portfolio "$s" --date 2027-03-01 dossier action OF-2027-009 A1 \
  "Commander les joints" --owner Achats --due 2027-03-20
expect out "action A1 assigned to Achats on 2027-03-01, due on 2027-03-20" "dossier action"
check 1 "dossier action without --due" "$affaires" --portfolio "$s" dossier action OF-2027-009 A2 "x" --owner Achats
expect err "A2" "the action without its due day"
check 0 "dossier done" "$affaires" --portfolio "$s" --date 2027-03-18 dossier done OF-2027-009 A1 --note "reçus"
check 1 "dossier done twice" "$affaires" --portfolio "$s" --date 2027-03-18 dossier done OF-2027-009 A1
expect err "A1" "the action done twice"
check 0 "dossier document" "$affaires" --portfolio "$s" --date 2027-02-10 dossier document OF-2027-009 PDP-01 \
  "Plan de prévention"
check 1 "dossier document of a reference taken" "$affaires" --portfolio "$s" dossier document OF-2027-009 PDP-01 "x"
expect err "PDP-01" "the duplicate document"
check 1 "dossier report of an impossible day" "$affaires" --portfolio "$s" dossier report OF-2027-009 2027-02-01 \
  2027-02-30 --to "Directeur d'agence"
expect err "2027-02-30" "the impossible end of the period"
check 0 "dossier report" "$affaires" --portfolio "$s" --date 2027-03-03 dossier report OF-2027-009 2027-02-01 \
  2027-02-28 --to "Directeur d'agence"
# The kick-off has its minutes and February its report; March ends on the
# day checked, its report is not due yet.
check 0 "dossier check after" "$affaires" --portfolio "$s" dossier check OF-2027-009 --date 2027-03-31
expect out "the dossier lacks nothing on 2027-03-31" "dossier check"

# OF-2027-009 carried to its close-out, on a fifth copy of the demo: the
# bundle is late (finished on 2027-03-24, at 50 % on the 15th in the demo),
# the fitting follows over five working days, 2027-03-25 to 2027-03-31, and
# takes 400 hours of pipefitter (20800.00) instead of the 320 (16640.00)
# of the budget.
e="$work/e.json"
cp "$work/demo.json" "$e"
check 0 "end to end: FAISC started" "$affaires" --portfolio "$e" plan start OF-2027-009 FAISC --date 2027-02-08
check 0 "end to end: FAISC finished" "$affaires" --portfolio "$e" plan finish OF-2027-009 FAISC --date 2027-03-24
check 0 "end to end: POSE started" "$affaires" --portfolio "$e" plan start OF-2027-009 POSE --date 2027-03-25
check 0 "end to end: POSE finished" "$affaires" --portfolio "$e" plan finish OF-2027-009 POSE --date 2027-03-31
check 0 "end to end: the bundle invoiced" "$affaires" --portfolio "$e" --date 2027-03-24 finance cost OF-2027-009 \
  FAISC material actual 41800.00 --document FA-ER-0231 --commitment CDE-ER-0214
check 0 "end to end: the fitting's hours" "$affaires" --portfolio "$e" --date 2027-03-31 finance cost OF-2027-009 \
  POSE labour actual 20800.00
check 0 "end to end: FAISC at 100 %" "$affaires" --portfolio "$e" --date 2027-03-24 finance progress OF-2027-009 \
  FAISC 10000
check 0 "end to end: POSE at 100 %" "$affaires" --portfolio "$e" --date 2027-03-31 finance progress OF-2027-009 \
  POSE 10000
check 0 "end to end: accepted" "$affaires" --portfolio "$e" --date 2027-03-31 finance accept OF-2027-009
# All done: the situation of March is the whole contract, 79543.53 (see
# above), none invoiced before; VAT 15908.71, 95452.24 with it. It leaves
# no balance to the final invoice.
check 0 "end to end: the situation of March" "$affaires" --portfolio "$e" --date 2027-04-01 finance invoice \
  OF-2027-009 F-2027-201
expect out "invoice F-2027-201 of situations issued on 2027-04-01: 79543.53 EUR excl. VAT, 95452.24 EUR incl. VAT" \
  "the situation of March"
check 1 "end to end: nothing more to invoice" "$affaires" --portfolio "$e" --date 2027-04-01 finance invoice \
  OF-2027-009 F-2027-202
check 0 "end to end: the drifts" "$affaires" --portfolio "$e" --json finance drifts OF-2027-009 --date 2027-04-01
# EV = BAC, so SPI 1; AC 62600.00 under the EV of 67612.00, so a CPI over
# 1; invoiced as done, so concordant. Left: POSE's labour, 20800.00 for
# 16640.00, a ratio of 1.25 beyond the policy's 1.10.
expect out '"subject" : "POSE/labour"' "the overrun"
expect out '"value" : 1.25' "the overrun"
grep -q '"kind" : "schedule-performance"\|"kind" : "cost-performance"\|"kind" : "concordance"' "$work/out" &&
  { echo "not ok - a drift other than the overrun"; failed=1; }
check 0 "end to end: the overrun's corrective action" "$affaires" --portfolio "$e" --date 2027-04-01 finance action \
  OF-2027-009 budget-overrun POSE/labour --analysis "Boulonnerie grippée à la dépose" \
  --action "Outillage hydraulique aux prochaines déposes" --owner "Méthodes" --due 2027-04-30
check 0 "end to end: rex create" "$affaires" --portfolio "$e" --date 2027-04-01 rex create OF-2027-009
check 0 "end to end: rex practice" "$affaires" --portfolio "$e" rex practice OF-2027-009 \
  "Faisceau commandé dès la signature"
check 0 "end to end: rex validate" "$affaires" --portfolio "$e" --date 2027-04-02 rex validate OF-2027-009
cp "$e" "$work/e-json.json"
check 0 "end to end: finance close" "$affaires" --portfolio "$e" --date 2027-04-02 finance close OF-2027-009
# The final margin: the revenue, the contract's 79543.53, less the actual
# costs, 41800.00 + 20800.00.
expect out "Affair OF-2027-009 closed on 2027-04-02: final margin 16943.53 EUR" "finance close"
check 0 "end to end: finance close --json" "$affaires" --portfolio "$work/e-json.json" --date 2027-04-02 --json \
  finance close OF-2027-009
holds "d['final_margin'] == '16943.53 EUR'" "the final margin of finance close --json"
holds "d['message'] == 'Affair OF-2027-009 closed on 2027-04-02: final margin 16943.53 EUR'" \
  "the message of finance close --json"
check 0 "end to end: rex audit" "$affaires" --portfolio "$e" --date 2027-04-02 rex audit OF-2027-009
expect out "# Audit du dossier de l'affaire OF-2027-009" "rex audit"
check 0 "end to end: the journal verifies" "$affaires" --portfolio "$e" journal verify

# An offer from its consultation to its acceptance, on a sixth copy of the
# demo.
o="$work/o.json"
cp "$work/demo.json" "$o"
check 0 "offer: its consultation" "$affaires" --portfolio "$o" consultation add CONS-O ARC-DK "Révision de pompe" \
  --received 2027-03-02 --deadline 2027-04-30 --activity pipework
check 0 "offer: consultation CONS-O evaluated" "$affaires" --portfolio "$o" consultation evaluate CONS-O \
  --date 2027-03-03
check 0 "offer: its consultation decided" "$affaires" --portfolio "$o" consultation decide CONS-O go --by "Directeur" \
  --why "client actif"
check 0 "offer new" "$affaires" --portfolio "$o" offer new OF-O CONS-O --validity 2027-06-30
expect out "Offer OF-O added for consultation CONS-O: draft revision A" "offer new"
check 1 "offer new of an id taken" "$affaires" --portfolio "$o" offer new OF-O CONS-O
expect err "OF-O" "the duplicate offer"
check 1 "offer new for an unknown consultation" "$affaires" --portfolio "$o" offer new OF-P CONS-NONE
expect err "CONS-NONE" "the offer of an unknown consultation"
check 1 "offer new with an impossible validity" "$affaires" --portfolio "$o" offer new OF-P CONS-O \
  --validity 2027-02-30
expect err "2027-02-30" "the impossible validity"
# 10 joints at 25.00: 250.00.
check 0 "offer line" "$affaires" --portfolio "$o" offer line OF-O material "Joints" 10 unit 25.00 --lot POSE
expect out "Offer OF-O, revision A: material line “Joints” added, direct cost 250.00 EUR" "offer line"
# 16 hours of pipefitter at the demo policy's 52.00: 832.00.
check 0 "offer line of labour at the policy's rate" "$affaires" --portfolio "$o" offer line OF-O labour "Montage" 16 \
  hour - --skill pipefitter
expect out "direct cost 832.00 EUR" "offer line --skill"
check 1 "offer line of an unknown unit" "$affaires" --portfolio "$o" offer line OF-O material x 1 barrel 5
expect err "barrel" "the unknown unit"
check 1 "offer line of a skill the policy does not price" "$affaires" --portfolio "$o" offer line OF-O labour x 1 \
  hour - --skill juggler
expect err "juggler" "the unknown skill"
check 1 "offer line with --skill and a unit cost" "$affaires" --portfolio "$o" offer line OF-O labour x 1 hour 5 \
  --skill welder
expect err "welder" "the unit cost given with --skill"
check 1 "offer line of an unknown offer" "$affaires" --portfolio "$o" offer line OF-9 travel x 1 unit 5
expect err "OF-9" "offer line OF-9"
# At cost, the margin rate is 0, under the policy's floor of 800.
check 0 "offer check with a problem" "$affaires" --portfolio "$o" --date 2027-03-10 --json offer check OF-O
expect out '"kind" : "margin-below-floor"' "offer check"
check 1 "offer send with a problem" "$affaires" --portfolio "$o" --date 2027-03-10 offer send OF-O
expect err "OF-O" "the offer that cannot be sent"
check 1 "offer margin of 100 %" "$affaires" --portfolio "$o" offer margin OF-O 10000
expect err "OF-O" "the margin of 100 %"
# The cost price: 250.00 + 10 % of overheads on material (25.00) + 832.00
# + 30 % on labour (249.60) = 1356.60; at 15 % on the selling price,
# 1356.60 / 0.85 = 1596.00.
check 0 "offer margin" "$affaires" --portfolio "$o" offer margin OF-O 1500
expect out "margin rate 1500 bp, selling price 1596.00 EUR excl. VAT" "offer margin"
check 0 "offer check" "$affaires" --portfolio "$o" --date 2027-03-10 offer check OF-O
expect out "Offer OF-O can be sent on 2027-03-10" "offer check"
check 0 "offer render" "$affaires" --portfolio "$o" --format html offer render OF-O
expect out "<!DOCTYPE html>" "offer render"
check 1 "offer render of an unknown offer" "$affaires" --portfolio "$o" offer render OF-9
expect err "OF-9" "offer render OF-9"
check 0 "offer send" "$affaires" --portfolio "$o" --date 2027-03-10 offer send OF-O
expect out "Offer OF-O, revision A, sent on 2027-03-10: 1596.00 EUR excl. VAT" "offer send"
check 1 "offer send twice" "$affaires" --portfolio "$o" --date 2027-03-10 offer send OF-O
expect err "OF-O" "the offer sent twice"
# The policy's first reminder falls 10 days after the sending.
check 0 "offer remind the day before" "$affaires" --portfolio "$o" offer remind --date 2027-03-19
expect out "No offer to chase on 2027-03-19" "offer remind"
check 0 "offer remind --json" "$affaires" --portfolio "$o" --json offer remind --date 2027-03-20
expect out '"offer" : "OF-O"' "offer remind --json"
expect out '"due_date" : "2027-03-20"' "offer remind --json"
check 1 "offer remind on an impossible day" "$affaires" --portfolio "$o" offer remind --date 2027-02-30
expect err "2027-02-30" "offer remind on an impossible day"
check 1 "offer decline of an unknown reason" "$affaires" --portfolio "$o" offer decline OF-O cher
expect err "cher" "the unknown loss reason"
check 0 "offer accept" "$affaires" --portfolio "$o" --date 2027-03-25 offer accept OF-O CDE-O-1
expect out "Offer OF-O accepted on 2027-03-25 (contract CDE-O-1): affair OF-O opened" "offer accept"
check 1 "offer decline once accepted" "$affaires" --portfolio "$o" --date 2027-03-26 offer decline OF-O price
expect err "OF-O" "the accepted offer declined"
check 0 "offer: a second consultation" "$affaires" --portfolio "$o" consultation add CONS-P ARC-DK "Calorifuge" \
  --received 2027-03-02 --deadline 2027-04-30 --activity pipework
check 0 "offer: consultation CONS-P evaluated" "$affaires" --portfolio "$o" consultation evaluate CONS-P \
  --date 2027-03-03
check 0 "offer: decided" "$affaires" --portfolio "$o" consultation decide CONS-P go --by "Directeur" --why "x"
check 0 "offer: a second offer" "$affaires" --portfolio "$o" offer new OF-P CONS-P --validity 2027-06-30
check 0 "offer: its line" "$affaires" --portfolio "$o" offer line OF-P other "Calorifuge" 1 lump-sum 1000.00
check 0 "offer: its margin" "$affaires" --portfolio "$o" offer margin OF-P 1000
check 0 "offer: sent" "$affaires" --portfolio "$o" --date 2027-03-10 offer send OF-P
check 0 "offer decline" "$affaires" --portfolio "$o" --date 2027-03-28 offer decline OF-P price --note "moins cher"
expect out "Offer OF-P declined on 2027-03-28: price" "offer decline"
check 1 "offer accept once declined" "$affaires" --portfolio "$o" --date 2027-03-28 offer accept OF-P CDE-P
expect err "OF-P" "the declined offer accepted"
check 0 "the journal of the offers verifies" "$affaires" --portfolio "$o" journal show
expect out "declined" "journal show"

# An offer on a consultation with a requirement, its margin under the
# floor approved and dangerous work acknowledged, on the same copy.
check 0 "offer: a consultation with a requirement" "$affaires" --portfolio "$o" consultation add CONS-Q ARC-DK \
  "Soudure" --received 2027-03-02 --deadline 2027-04-30 --activity pipework
check 0 "offer: consultation CONS-Q evaluated" "$affaires" --portfolio "$o" consultation evaluate CONS-Q \
  --date 2027-03-03
check 0 "offer: CONS-Q decided" "$affaires" --portfolio "$o" consultation decide CONS-Q go --by "Directeur" --why "x"
check 0 "consultation requirement" "$affaires" --portfolio "$o" consultation requirement CONS-Q \
  "Soudures radiographiées à 100 %"
expect out "Consultation CONS-Q: requirement REQ-1 added" "consultation requirement"
check 1 "consultation requirement of an unknown consultation" "$affaires" --portfolio "$o" \
  consultation requirement CONS-NONE "x"
expect err "CONS-NONE" "consultation requirement CONS-NONE"
# The dangerous work of the request, which its offer must then acknowledge.
check 0 "consultation works" "$affaires" --portfolio "$o" consultation works CONS-Q hot-work atex
expect out "Consultation CONS-Q: dangerous work hot-work, atex" "consultation works"
check 1 "consultation works of an unknown work" "$affaires" --portfolio "$o" consultation works CONS-Q fire
expect err "fire" "the unknown dangerous work"
check 1 "consultation works of an unknown consultation" "$affaires" --portfolio "$o" \
  consultation works CONS-NONE hot-work
expect err "CONS-NONE" "consultation works CONS-NONE"
check 0 "offer: on CONS-Q" "$affaires" --portfolio "$o" offer new OF-Q CONS-Q --validity 2027-06-30
check 0 "offer: a line answering REQ-1" "$affaires" --portfolio "$o" offer line OF-Q other "Soudure" 1 lump-sum \
  1000.00 --requirement REQ-1
# The cost price: 1000.00 + 10 % of overheads = 1100.00; at 5 %, under the
# floor of 800, 1100.00 / 0.95 = 1157.89.
check 0 "offer: a margin under the floor" "$affaires" --portfolio "$o" offer margin OF-Q 500
check 0 "offer check of a margin not approved" "$affaires" --portfolio "$o" --date 2027-03-10 --json offer check OF-Q
expect out '"kind" : "margin-below-floor"' "offer check OF-Q"
check 1 "offer send of a margin not approved" "$affaires" --portfolio "$o" --date 2027-03-10 offer send OF-Q
expect err "OF-Q" "the margin not approved"
check 1 "offer approve without --why" "$affaires" --portfolio "$o" offer approve OF-Q --by "Directeur"
expect err "OF-Q" "offer approve without --why"
check 1 "offer approve of an unknown offer" "$affaires" --portfolio "$o" offer approve OF-9 --by "D" --why "x"
expect err "OF-9" "offer approve OF-9"
check 0 "offer approve" "$affaires" --portfolio "$o" offer approve OF-Q --by "Directeur" --why "client stratégique"
expect out "Offer OF-Q, revision A: margin approved by Directeur" "offer approve"
check 1 "offer acknowledge of an unknown work" "$affaires" --portfolio "$o" offer acknowledge OF-Q welding \
  --measures "x"
expect err "welding" "the unknown dangerous work"
check 1 "offer acknowledge without --measures" "$affaires" --portfolio "$o" offer acknowledge OF-Q hot-work
expect err "OF-Q" "offer acknowledge without --measures"
check 0 "offer acknowledge" "$affaires" --portfolio "$o" offer acknowledge OF-Q hot-work atex \
  --measures "Permis de feu délivré par le site"
expect out "Offer OF-Q, revision A: dangerous work acknowledged: hot-work, atex" "offer acknowledge"
check 0 "offer render of the acknowledgement" "$affaires" --portfolio "$o" offer render OF-Q
expect out "Permis de feu délivré par le site" "offer render OF-Q"
check 0 "offer send once approved" "$affaires" --portfolio "$o" --date 2027-03-10 offer send OF-Q
expect out "Offer OF-Q, revision A, sent on 2027-03-10: 1157.89 EUR excl. VAT" "offer send OF-Q"
check 1 "offer acknowledge once sent" "$affaires" --portfolio "$o" offer acknowledge OF-Q lifting --measures "x"
expect err "OF-Q" "the sent offer acknowledged"

# The exports, on the demo: the ledger of OF-2027-009 holds the commitment
# CDE-ER-0214 of 41800.00.
check 0 "export csv" "$affaires" --portfolio "$work/demo.json" export csv OF-2027-009
expect out "date,work,category,state,amount,quantity,supplier,document,commitment" "export csv"
expect out "2027-02-10,FAISC,material,committed,41800.00,,Échangeurs du Rhône,CDE-ER-0214," "export csv"
check 1 "export csv of an unknown affair" "$affaires" --portfolio "$work/demo.json" export csv OF-9
expect err "OF-9" "export csv OF-9"
check 0 "export dashboard-csv" "$affaires" --portfolio "$work/demo.json" --date 2027-03-31 export dashboard-csv
# The contract amount of OF-2027-009, 79543.53 (see above), is its revenue
# at completion.
expect out "OF-2027-009,Chimie du Rhône,EUR,79543.53," "export dashboard-csv"
check 1 "export dashboard-csv on an impossible day" "$affaires" --portfolio "$work/demo.json" --date 2027-02-30 \
  export dashboard-csv
expect err "2027-02-30" "export dashboard-csv on an impossible day"
check 0 "export svg" "$affaires" --portfolio "$work/demo.json" --date 2027-03-31 export svg OF-2027-009
expect out "<svg" "export svg"
check 1 "export svg before the signature" "$affaires" --portfolio "$work/demo.json" --date 2020-01-01 \
  export svg OF-2027-009
expect err "OF-2027-009" "the S-curve before the signature"
check 0 "export md" "$affaires" --portfolio "$work/demo.json" --date 2027-03-31 export md OF-2027-009
expect out "**Période :** du 1er mars 2027 au 31 mars 2027" "the month of export md"
expect out "**Destinataires :** la direction" "export md"
check 0 "export md of the client's report" "$affaires" --portfolio "$work/demo.json" --date 2027-02-15 \
  export md OF-2027-009 --document client-report
expect out "**Période :** du 1er février 2027 au 28 février 2027" "the month of the client's report"
expect out "**Destinataires :** le client" "export md --document client-report"
check 0 "export html of the lessons learned" "$affaires" --portfolio "$work/demo.json" \
  export html OF-2026-118 --document rex
expect out "<!DOCTYPE html>" "export html --document rex"
expect out "Commander les brides forgées dès la signature" "export html --document rex"
check 1 "export md of lessons not drawn up" "$affaires" --portfolio "$work/demo.json" \
  export md OF-2027-009 --document rex
expect err "OF-2027-009" "export md of lessons not drawn up"
check 1 "export md of an unknown document" "$affaires" --portfolio "$work/demo.json" \
  export md OF-2027-009 --document memo
expect err "memo" "the unknown document"
check 1 "export html of an unknown affair" "$affaires" --portfolio "$work/demo.json" export html OF-9
expect err "OF-9" "export html OF-9"
# A task added unschedules the plan: the management plan schedules it.
x="$work/x.json"
cp "$work/demo.json" "$x"
check 0 "export: a task added" "$affaires" --portfolio "$x" plan task OF-2027-009 CTRL "Contrôle final" 2
check 0 "export html of the management plan" "$affaires" --portfolio "$x" \
  export html OF-2027-009 --document management-plan
expect out "<!DOCTYPE html>" "export html --document management-plan"
expect out "Contrôle final" "the management plan scheduled again"
check 0 "export ics" "$affaires" --portfolio "$work/demo.json" export ics OF-2027-009
expect out "BEGIN:VCALENDAR" "export ics"
check 1 "export gantt of an unknown affair" "$affaires" --portfolio "$work/demo.json" export gantt OF-9
expect err "OF-9" "export gantt OF-9"

# --json everywhere, on a seventh copy of the demo: a change answers with
# one object, its file, its sentence, the journal entries it appended and
# what else it tells; a failure prints nothing on the standard output.
j="$work/j.json"
cp "$work/demo.json" "$j"
check 0 "journal show" "$affaires" --portfolio "$j" journal show
# Each entry is one line of journal show: its sequence, then its time.
entries=$(grep -cE '^ *[0-9]+  [0-9]{4}-' "$work/out")
check 0 "journal show --json" "$affaires" --portfolio "$j" --json journal show
holds "len(d['entries']) == $entries and d['verified'] is True" "journal show --json"
holds "[e['sequence'] for e in d['entries']] == list(range(1, $entries + 1))" "the sequences of journal show --json"
holds "len(d['head_hash']) == 64 and all(c in '0123456789abcdef' for c in d['head_hash'])" \
  "the head hash of journal show --json"
check 0 "journal verify --json" "$affaires" --portfolio "$j" --json journal verify
holds "d['entries'] == $entries and d['verified'] is True" "journal verify --json"
check 3 "journal verify --json of a tampered journal" "$affaires" --portfolio "$work/tampered.json" --json journal verify
silent "journal verify --json of a tampered journal"
check 3 "journal show --json of a tampered journal" "$affaires" --portfolio "$work/tampered.json" --json journal show
silent "journal show --json of a tampered journal"
# The demo: four clients, the consultations CONS-2026-041 and CONS-2027-006
# and their offers, both accepted, so two affairs.
check 0 "check --json" "$affaires" --json check "$j"
holds "d == {'file': '$j', 'valid': True, 'clients': 4, 'consultations': 2, 'offers': 2, 'affairs': 2,
  'journal_entries': $entries}" "check --json"

check 0 "client add --json" "$affaires" --portfolio "$j" --json client add JS-CO "Jason SA"
holds "d['portfolio'] == '$j' and d['message'] == 'Client JS-CO added: Jason SA, prospect'" "client add --json"
holds "d['created'] is False" "client add --json of a portfolio that exists"
# Exactly one entry, the next of the chain.
holds "[(e['sequence'], e['entity_kind'], e['entity_id'], e['action']) for e in d['journal']] ==
  [($entries + 1, 'client', 'JS-CO', 'added')]" "the journal of client add --json"
holds "d['journal'][0]['details']['name'] == 'Jason SA' and d['journal'][0]['timestamp'].endswith('Z')" \
  "the entry of client add --json"
check 1 "client add --json of an id taken" "$affaires" --portfolio "$j" --json client add JS-CO "Autre"
silent "client add --json of an id taken"
expect err "JS-CO" "client add --json of an id taken"
check 0 "client add --json creating a portfolio" "$affaires" --portfolio "$work/jnew/p.json" --json \
  client add FIRST "Premier"
holds "d['created'] is True and d['message'] ==
  'Portfolio $work/jnew/p.json created\\nClient FIRST added: Premier, prospect'" "client add --json creating"
holds "[(e['sequence'], e['action']) for e in d['journal']] == [(1, 'added')]" "the journal of a portfolio created"
check 0 "client interaction --json" "$affaires" --portfolio "$j" --json --date 2027-03-01 client interaction JS-CO \
  call "premier appel"
# The first interaction of a client is <client>-1.
holds "d['id'] == 'JS-CO-1' and d['message'] == 'Interaction JS-CO-1 recorded with JS-CO on 2027-03-01'" \
  "client interaction --json"
holds "[(e['entity_kind'], e['entity_id'], e['action']) for e in d['journal']] ==
  [('client', 'JS-CO', 'interaction-recorded')]" "the journal of client interaction --json"
check 0 "consultation add --json" "$affaires" --portfolio "$j" --json consultation add CONS-J JS-CO \
  "Calorifugeage du four F-2" --received 2027-03-02 --deadline 2027-03-30
holds "d['message'] == 'Consultation CONS-J added for JS-CO, due on 2027-03-30' and d['possible_duplicates'] == []" \
  "consultation add --json"
holds "[(e['entity_kind'], e['entity_id'], e['action']) for e in d['journal']] == [('consultation', 'CONS-J', 'added')]" \
  "the journal of consultation add --json"
check 0 "consultation requirement --json" "$affaires" --portfolio "$j" --json consultation requirement CONS-J \
  "Calorifuge de 100 mm"
# The first requirement of a consultation is REQ-1.
holds "d['id'] == 'REQ-1' and d['message'] == 'Consultation CONS-J: requirement REQ-1 added'" \
  "consultation requirement --json"
holds "[(e['action'], e['details']) for e in d['journal']] ==
  [('requirement-added', {'requirement': 'REQ-1', 'text': 'Calorifuge de 100 mm'})]" \
  "the journal of consultation requirement --json"
check 0 "finance cost --json" "$affaires" --portfolio "$j" --json --date 2027-03-22 finance cost OF-2027-009 POSE \
  travel actual 150.00 --supplier SNCF
holds "d['message'] == 'Affair OF-2027-009: actual travel cost of 150.00 EUR charged to POSE on 2027-03-22'" \
  "finance cost --json"
holds "[(e['entity_kind'], e['entity_id'], e['action']) for e in d['journal']] == [('affair', 'OF-2027-009', 'cost-added')]" \
  "the journal of finance cost --json"
holds "all(d['journal'][0]['details'][k] == v for k, v in
  {'date': '2027-03-22', 'work': 'POSE', 'category': 'travel', 'state': 'actual', 'amount': '150.00 EUR',
   'supplier': 'SNCF'}.items())" "the details of finance cost --json"
check 1 "finance cost --json of an unknown category" "$affaires" --portfolio "$j" --json finance cost OF-2027-009 \
  POSE food actual 1
silent "finance cost --json of an unknown category"
check 1 "finance close --json of a running affair" "$affaires" --portfolio "$j" --json --date 2027-03-31 \
  finance close OF-2027-009
silent "finance close --json of a running affair"
expect err "affair OF-2027-009 cannot be closed on 2027-03-31" "finance close --json of a running affair"
# Four changes since the demo: client, interaction, consultation (with its
# requirement) and cost, one entry each.
check 0 "journal verify --json after the changes" "$affaires" --portfolio "$j" --json journal verify
holds "d['entries'] == $entries + 5" "journal verify --json after the changes"

# The documents: --output writes what the standard output would have
# shown, --json wraps it with its media type.
check 0 "export csv" "$affaires" --portfolio "$work/demo.json" export csv OF-2027-009
cp "$work/out" "$work/ledger.csv"
bytes=$(wc -c < "$work/ledger.csv" | tr -d ' ')
check 0 "export csv --output" "$affaires" --portfolio "$work/demo.json" export csv OF-2027-009 \
  --output "$work/ledger-out.csv"
expect out "Wrote $work/ledger-out.csv ($bytes bytes)" "export csv --output"
cmp -s "$work/ledger.csv" "$work/ledger-out.csv" ||
  { echo "not ok - export csv --output did not write what export csv prints"; failed=1; }
check 0 "export csv --json" "$affaires" --portfolio "$work/demo.json" --json export csv OF-2027-009
holds "d == {'media_type': 'text/csv', 'document': text('$work/ledger.csv')}" "export csv --json"
check 0 "export csv --json --output" "$affaires" --portfolio "$work/demo.json" --json export csv OF-2027-009 \
  -o "$work/ledger-json.csv"
holds "d == {'written': '$work/ledger-json.csv', 'bytes': $bytes, 'media_type': 'text/csv'}" \
  "export csv --json --output"
cmp -s "$work/ledger.csv" "$work/ledger-json.csv" ||
  { echo "not ok - export csv --json --output did not write what export csv prints"; failed=1; }
check 4 "export csv --output into a folder that does not exist" "$affaires" --portfolio "$work/demo.json" \
  export csv OF-2027-009 --output "$work/no-such-folder/ledger.csv"
expect err "$work/no-such-folder/ledger.csv" "the file export csv cannot write"
silent "export csv --output into a folder that does not exist"
check 4 "export csv --json --output into a folder that does not exist" "$affaires" --portfolio "$work/demo.json" \
  --json export csv OF-2027-009 --output "$work/no-such-folder/ledger.csv"
silent "export csv --json --output into a folder that does not exist"
[ ! -e "$work/no-such-folder" ] || { echo "not ok - a failed --output created a folder"; failed=1; }
check 1 "export csv --json of an unknown affair" "$affaires" --portfolio "$work/demo.json" --json export csv OF-9
silent "export csv --json of an unknown affair"
check 0 "plan gantt" "$affaires" --portfolio "$work/demo.json" plan gantt OF-2027-009
cp "$work/out" "$work/gantt.svg"
check 0 "plan gantt --output" "$affaires" --portfolio "$work/demo.json" --output "$work/gantt-out.svg" \
  plan gantt OF-2027-009
cmp -s "$work/gantt.svg" "$work/gantt-out.svg" ||
  { echo "not ok - plan gantt --output did not write what plan gantt prints"; failed=1; }
check 0 "export gantt --json" "$affaires" --portfolio "$work/demo.json" --json export gantt OF-2027-009
holds "d == {'media_type': 'image/svg+xml', 'document': text('$work/gantt.svg')}" "export gantt --json"
check 0 "export ics" "$affaires" --portfolio "$work/demo.json" export ics OF-2027-009
cp "$work/out" "$work/plan.ics"
check 0 "plan ics --json" "$affaires" --portfolio "$work/demo.json" --json plan ics OF-2027-009
holds "d == {'media_type': 'text/calendar', 'document': text('$work/plan.ics')}" "plan ics --json"
check 0 "export html of the lessons learned" "$affaires" --portfolio "$work/demo.json" export html OF-2026-118 \
  --document rex
cp "$work/out" "$work/rex.html"
check 0 "export html --json" "$affaires" --portfolio "$work/demo.json" --json export html OF-2026-118 --document rex
holds "d == {'media_type': 'text/html', 'document': text('$work/rex.html')}" "export html --json"
check 0 "rex render --output" "$affaires" --portfolio "$work/demo.json" --format html rex render OF-2026-118 \
  --output "$work/rex-out.html"
cmp -s "$work/rex.html" "$work/rex-out.html" ||
  { echo "not ok - rex render --output did not write what export html --document rex prints"; failed=1; }
check 0 "offer render --json" "$affaires" --portfolio "$work/demo.json" --json offer render OF-2027-009
holds "d['media_type'] == 'text/markdown' and '# Offre commerciale OF-2027-009' in d['document']" "offer render --json"

# The demo with --json: where the portfolio and its documents went, and no
# story.
check 0 "demo --json" "$affaires" --portfolio "$work/jdemo/demo.json" --json demo
holds "d['portfolio'] == '$work/jdemo/demo.json' and d['output_folder'] == '$work/jdemo/demo'" "demo --json"
holds "sorted(f.rsplit('/', 1)[1] for f in d['files']) == sorted(['offre.html', 'plan-de-management.html',
  'gantt.svg', 'courbe-en-s.svg', 'rapport-fevrier.html', 'retour-experience.md', 'audit.html', 'audit.md'])" \
  "the files of demo --json"
holds "all(f.startswith('$work/jdemo/demo/') and len(text(f)) > 0 for f in d['files'])" "the files demo --json wrote"
# The same tool on a SQLite store: converted from the demo and back without
# loss, read and changed in place.
check 0 "convert the demo into SQLite" "$affaires" --portfolio "$work/demo.json" convert "$work/s.sqlite"
expect out "chain verified" "convert"
check 1 "convert will not replace a file" "$affaires" --portfolio "$work/demo.json" convert "$work/s.sqlite"
expect err "--force" "convert over a file"
check 0 "convert it back to JSON" "$affaires" --portfolio "$work/s.sqlite" --json convert "$work/back.json"
holds "d['store'] == 'json' and d['verified'] is True" "convert --json"
cmp -s "$work/demo.json" "$work/back.json" ||
  { echo "not ok - JSON to SQLite to JSON did not give the same document"; failed=1; }
check 0 "check the demo" "$affaires" --json check "$work/demo.json"
cp "$work/out" "$work/check-json.json"
check 0 "check the SQLite store" "$affaires" --json check "$work/s.sqlite"
holds "dict(d, file=None) == dict(json.loads(text('$work/check-json.json')), file=None)" "the same counts in both stores"
check 0 "the SQLite store's journal verifies" "$affaires" --portfolio "$work/s.sqlite" journal verify
check 0 "status from JSON" "$affaires" --portfolio "$work/demo.json" --date 2027-03-01 finance status OF-2027-009
cp "$work/out" "$work/status-json.txt"
check 0 "status from SQLite" "$affaires" --portfolio "$work/s.sqlite" --date 2027-03-01 finance status OF-2027-009
cmp -s "$work/out" "$work/status-json.txt" || { echo "not ok - the status differs between the stores"; failed=1; }
check 0 "a client added to the SQLite store" "$affaires" --portfolio "$work/s.sqlite" --json \
  client add SQL-1 "Client SQLite"
holds "[(e['entity_kind'], e['entity_id'], e['action']) for e in d['journal']] == [('client', 'SQL-1', 'added')]" \
  "the SQLite save journals one entry"
check 0 "a cost booked in the SQLite store" "$affaires" --portfolio "$work/s.sqlite" --date 2027-03-02 \
  finance cost OF-2027-009 - travel actual 123.45
if command -v sqlite3 >/dev/null; then
  [ "$(sqlite3 "$work/s.sqlite" "SELECT version FROM client WHERE id = 'SQL-1'")" = 1 ] ||
    { echo "not ok - the new client is not one row of version 1"; failed=1; }
  [ "$(sqlite3 "$work/s.sqlite" "SELECT version FROM client WHERE id = 'ARC-DK'")" = 1 ] ||
    { echo "not ok - a client that did not change was rewritten"; failed=1; }
  [ "$(sqlite3 "$work/s.sqlite" "SELECT amount FROM ledger WHERE affair_id = 'OF-2027-009' ORDER BY line DESC LIMIT 1")" = 12345 ] ||
    { echo "not ok - the cost is not the last line of the ledger, in cents"; failed=1; }
fi
check 0 "the SQLite store still verifies" "$affaires" --portfolio "$work/s.sqlite" journal verify
# What was sent or closed is sealed in the journal: a hand edit of the data
# itself, which leaves the journal's chain whole, is caught on load.
for edit in "d['affairs'][0]['finance']['ledger'][0][4] = '35071.01'|\$.affairs[0]: affair OF-2026-118" \
            "d['offers'][0]['revisions'][0]['vat_rate'] = 550|\$.offers[0].revisions[0]: revision A of offer OF-2026-118"; do
  /usr/bin/python3 -c 'import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
exec(sys.argv[2])
json.dump(d, open(sys.argv[3], "w", encoding="utf-8"), ensure_ascii=False, indent=2)' \
    "$work/demo.json" "${edit%%|*}" "$work/sealed.json"
  check 3 "a sealed record edited by hand is exit 3" "$affaires" check "$work/sealed.json"
  expect err "${edit#*|}" "the edit of a sealed record"
done
exit $failed
