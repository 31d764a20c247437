#!/bin/sh
# Issue 19 (item 3), done-when: names that a spreadsheet would evaluate (=HYPERLINK(...),
# +cmd|' /C calc'!A0, @SUM(1), -2+3, ＝1+1, ids such as =chain) are imported, exported as CSV,
# opened and saved again by LibreOffice with formula evaluation on, and imported back: they stay
# text and come back as they were (the second export is byte-identical to the first).
# Usage: office_csv_roundtrip.sh ZHIZAO DATA_DIR (tests/data/injection). Exit 77 (skipped) when
# LibreOffice is not installed. See src/ingest/formula_guard.h for the guard itself.
set -eu
zhizao=$1
data=$2
if ! command -v soffice >/dev/null 2>&1; then
  echo "SKIPPED: soffice (LibreOffice) is not installed;" \
    "apt-get install --no-install-recommends libreoffice-calc"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# LibreOffice's CSV filter options (help.libreoffice.org, "CSV Filter Options"): separator ','
# (44), text delimiter '"' (34), UTF-8 (76), from line 1, no column formats, default language,
# quoted fields not forced to text, special numbers not detected, ..., token 13 "evaluate
# formulas" = true: a cell beginning with '=' becomes a formula, as when a user opens the file.
import_options='CSV:44,34,76,1,,0,false,false,false,false,false,false,true'
export_filter='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false'

# Runs soffice with a private profile (another LibreOffice must not interfere): FORMAT OUTDIR FILES.
office() {
  format=$1
  outdir=$2
  shift 2
  HOME="$work" soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
    --infilter="$import_options" --convert-to "$format" --outdir "$outdir" "$@" \
    >>"$work/soffice.log" 2>&1 || {
    cat "$work/soffice.log"
    exit 1
  }
}

fail() {
  echo "FAILED: $*"
  exit 1
}

"$zhizao" import --db "$work/first.db" "$data"/*.csv >/dev/null
"$zhizao" export --db "$work/first.db" "$work/exported" >/dev/null
grep -qF "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" "$work/exported/chains.csv" ||
  fail "the export does not guard =HYPERLINK"
grep -qF "'-2+3" "$work/exported/enterprises.csv" || fail "the export does not guard -2+3"

# Control: the unguarded input, opened the same way, IS evaluated (=HYPERLINK shows "y"), so
# that this test would notice a missing guard.
office "$export_filter" "$work/control" "$data/chains.csv"
grep -q '^#NAME?,y$' "$work/control/chains.csv" || {
  cat "$work/control/chains.csv"
  fail "LibreOffice did not evaluate the control formula: the check would prove nothing"
}

# The export opened in LibreOffice: as a workbook no cell is a formula ...
office xlsx "$work/xlsx" "$work/exported"/*.csv
for book in "$work/xlsx"/*.xlsx; do
  python3 - "$book" <<'EOF' || fail "$book holds a formula"
import sys, zipfile
book = zipfile.ZipFile(sys.argv[1])
sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/sheet")]
assert sheets, "no sheet"
sys.exit(1 if any(b"<f" in book.read(n) for n in sheets) else 0)
EOF
done
# ... and saved as CSV, it imports back to the same data.
office "$export_filter" "$work/saved" "$work/exported"/*.csv
"$zhizao" import --db "$work/second.db" "$work/saved"/*.csv >/dev/null
"$zhizao" export --db "$work/second.db" "$work/again" >/dev/null
if ! diff -r "$work/exported" "$work/again"; then
  fail "export -> LibreOffice -> import changed the data"
fi
echo "same data after LibreOffice: $(ls "$work/again" | tr '\n' ' ')"
