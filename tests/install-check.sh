#!/bin/sh
# Installs the build into a scratch folder and uses it the way a separate
# program would: pkg-config finds the library, Python and GJS load the typelib.
set -eu
build=$1
source_root=$2
python=$3
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

meson install -C "$build" --destdir "$stage" --no-rebuild --quiet >/dev/null
pc=$(find "$stage" -name libaffaires-1.pc | head -n 1)
typelib=$(find "$stage" -name Aff-1.typelib | head -n 1)
[ -n "$pc" ] && [ -n "$typelib" ] || { echo "not ok 1 - installed files missing"; exit 1; }
libdir=$(dirname "$(dirname "$pc")")

echo "1..3"
# Point the staged .pc file at the staged prefix, as an install there would.
prefix=$(sed -n 's/^prefix=//p' "$pc")
sed -i "s|^prefix=.*|prefix=$stage$prefix|" "$pc"
flags=$(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --cflags --libs libaffaires-1)
cc -o "$stage/example" "$source_root/examples/c/portfolio.c" $flags
LD_LIBRARY_PATH=$libdir "$stage/example" >/dev/null
echo "ok 1 - a C program builds against the installed pkg-config file and runs"

export LD_LIBRARY_PATH=$libdir GI_TYPELIB_PATH=$(dirname "$typelib")
unset PYTHONPATH
"$python" -c '
import gi
gi.require_version("Aff", "1")
from gi.repository import Aff
assert Aff.Money.parse("12.50 EUR").get_minor() == 1250
'
echo "ok 2 - Python loads the installed typelib"

if command -v gjs >/dev/null; then
  gjs -c '
const Aff = imports.gi.Aff;
if (Aff.Money.parse("12.50 EUR").get_minor() !== 1250) throw new Error("wrong amount");
'
  echo "ok 3 - GJS loads the installed typelib"
else
  echo "ok 3 # SKIP gjs is not installed"
fi
