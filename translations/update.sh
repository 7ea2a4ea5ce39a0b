#!/usr/bin/env bash
# Refreshes translations/ncf_pt_PT.ts from the sources (core/, ui/, app/). Run after changing
# any tr() string, then translate the entries lupdate marks unfinished (Qt Linguist works).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
ts=${1:-$top/translations/ncf_pt_PT.ts}
cd "$top"
"$lupdate" -silent -locations none -no-obsolete -I "$top" -extensions cpp,h core ui app -ts "$ts"
