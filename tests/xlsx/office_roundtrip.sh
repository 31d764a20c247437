#!/bin/sh
# The done-when of issue 5: the demo exported as a workbook, opened and saved by LibreOffice,
# imports back to the same report. Usage: office_roundtrip.sh ZHIZAO. Exit 77 (skipped) when
# LibreOffice is not installed.
set -eu
zhizao=$1
if ! command -v soffice >/dev/null 2>&1; then
  echo "SKIPPED: soffice (LibreOffice) is not installed;" \
    "apt-get install --no-install-recommends libreoffice-calc"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$zhizao" demo --db "$work/demo.db" >/dev/null
"$zhizao" export --db "$work/demo.db" --format xlsx --output "$work/demo.xlsx" >/dev/null
mkdir "$work/saved"
# A private profile, so that a LibreOffice already running (or another test) does not interfere.
HOME="$work" soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
  --convert-to xlsx --outdir "$work/saved" "$work/demo.xlsx" >"$work/soffice.log" 2>&1 || {
  cat "$work/soffice.log"
  exit 1
}
test -s "$work/saved/demo.xlsx" || { echo "LibreOffice wrote nothing"; cat "$work/soffice.log"; exit 1; }
cmp -s "$work/demo.xlsx" "$work/saved/demo.xlsx" && { echo "the file was not rewritten"; exit 1; }
"$zhizao" import --db "$work/back.db" "$work/saved/demo.xlsx" >/dev/null
status=0
for args in "--period 2021-04" "--period 2021-04 --monthly" "--period 2020-12" \
  "--period 2021-03 --monthly"; do
  # shellcheck disable=SC2086
  "$zhizao" report --db "$work/demo.db" $args --json >"$work/expected.json"
  # shellcheck disable=SC2086
  "$zhizao" report --db "$work/back.db" $args --json >"$work/actual.json"
  if cmp -s "$work/expected.json" "$work/actual.json"; then
    echo "same report: $args"
  else
    echo "DIFFERENT report: $args"
    diff "$work/expected.json" "$work/actual.json" | head -20
    status=1
  fi
done
exit $status
