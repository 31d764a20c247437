#!/bin/sh
# Done-when of issue 5 for the office formats: the demo's report as docx or html renders.
# usage: office_render_check.sh ZHIZAO DEMO_DB FORMAT(docx|html) WORK_DIR
# The report is written by zhizao, printed to PDF (LibreOffice for docx; Chromium for html, or
# LibreOffice when there is no Chromium), cut into pages by pdftoppm; every page must exist and
# carry ink, and the PDF's text must hold the report's headline sentence.
set -eu
zhizao=$1
db=$2
format=$3
work=$4
rm -rf "$work"
mkdir -p "$work"
cd "$work"

if [ "$format" = docx ]; then
  # A binary format needs a file: without --output it is a usage error (exit 1), not bytes on a
  # terminal.
  rc=0
  "$zhizao" report --db "$db" --period 2021-04 --format docx > stdout.bin 2> stderr.txt || rc=$?
  [ "$rc" = 1 ] || { echo "docx without --output: exit $rc, expected 1"; exit 1; }
  test ! -s stdout.bin && grep -q -- "--output" stderr.txt
fi
"$zhizao" report --db "$db" --period 2021-04 --format "$format" --output "report.$format"
# The headline: the first paragraph after the first section heading of the text report.
"$zhizao" report --db "$db" --period 2021-04 | sed -n '5p' > headline.txt
test -s headline.txt

if [ "$format" = html ] && command -v chromium > /dev/null 2>&1; then
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --user-data-dir="$work/chromium-profile" --print-to-pdf="$work/report.pdf" \
    "file://$work/report.html" > chromium.log 2>&1
else
  soffice --headless --norestore "-env:UserInstallation=file://$work/lo-profile" \
    --convert-to pdf --outdir "$work" "report.$format" > soffice.log 2>&1
fi
test -s report.pdf || { echo "no PDF made"; cat ./*.log; exit 1; }

pdftoppm -r 40 -gray report.pdf page
pdftoppm -r 60 -png report.pdf page  # for people to look at
pdftotext -enc UTF-8 report.pdf report.txt

python3 - "$work" <<'PY'
import glob, re, sys
work = sys.argv[1]
pages = sorted(glob.glob(work + "/page-*.pgm"))
if len(pages) < 2:
    sys.exit(f"expected at least 2 pages, got {len(pages)}")
for page in pages:
    data = open(page, "rb").read()
    # Binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    pixels = data[header.end():]
    inked = sum(1 for b in pixels if b < 200)
    share = inked / max(len(pixels), 1)
    print(f"{page}: {share:.2%} inked")
    if share < 0.005:
        sys.exit(f"{page} is blank")
text = re.sub(r"\s+", "", open(work + "/report.txt", encoding="utf-8").read())
headline = re.sub(r"\s+", "", open(work + "/headline.txt", encoding="utf-8").read())
if headline not in text:
    sys.exit(f"the PDF does not hold the headline: {headline}")
print(f"{len(pages)} pages; headline found: {headline[:30]}…")
PY
