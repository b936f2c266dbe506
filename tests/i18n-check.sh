#!/bin/sh
# The tool and the library speak the user's language: French under a French
# locale, English under C; the documents follow the portfolio's policy, not
# the locale. i18n-check.sh AFFAIRES SOURCE-ROOT LOCALE-DIR
set -u
affaires=$1
source_root=$2
export AFF_LOCALEDIR=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset LC_ALL LC_MESSAGES LANGUAGE
n=0
failed=0

echo "1..6"
# A French locale of our own: the machine need not have generated one.
if ! command -v localedef >/dev/null || ! localedef -i fr_FR -f UTF-8 "$work/fr_FR.UTF-8" 2>/dev/null; then
  for i in 1 2 3 4 5 6; do echo "ok $i # SKIP no fr_FR locale can be built (localedef, locales)"; done
  exit 0
fi
export LOCPATH="$work"

expect() {
  # expect DESCRIPTION FILE TEXT: FILE contains TEXT
  n=$((n + 1))
  if grep -qF -- "$3" "$2"; then
    echo "ok $n - $1"
  else
    echo "not ok $n - $1: no “$3” in"
    sed 's/^/# /' "$2"
    failed=1
  fi
}

LANG=C.UTF-8 "$affaires" frobnicate 2>"$work/c.err"
LANG=fr_FR.UTF-8 "$affaires" frobnicate 2>"$work/fr.err"
expect "an error in English under C" "$work/c.err" "affaires: unknown command “frobnicate”"
# French typography: a no-break space (U+00A0) before the colon and inside
# the guillemets.
nbsp=$(printf '\302\240')
expect "the same error in French" "$work/fr.err" "affaires${nbsp}: commande inconnue «${nbsp}frobnicate${nbsp}»"

LANG=fr_FR.UTF-8 "$affaires" check "$source_root/tests/data/hostile/siren-check-digit.json" 2>"$work/fr.err"
expect "a library error in French, with its JSON path" "$work/fr.err" "9 chiffres attendus, avec une clé de contrôle valide"

mkdir -p "$work/c" "$work/fr"
LANG=C.UTF-8 "$affaires" --portfolio "$work/c/demo.json" demo >"$work/c.out" 2>&1
LANG=fr_FR.UTF-8 "$affaires" --portfolio "$work/fr/demo.json" demo >"$work/fr.out" 2>&1
expect "the demo in English under C" "$work/c.out" "Building a demo portfolio"
expect "the demo in French" "$work/fr.out" "Construction d’un portefeuille de démonstration"

n=$((n + 1))
if cmp -s "$work/c/demo/audit.md" "$work/fr/demo/audit.md" && [ -s "$work/c/demo/audit.md" ]; then
  echo "ok $n - the documents follow the policy, not the locale"
else
  echo "not ok $n - the demo's audit differs between the locales"
  failed=1
fi
exit $failed
