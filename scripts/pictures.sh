#!/usr/bin/env bash
# Rebuild the README pictures from the real demo output (needs LibreOffice and poppler).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
.venv/bin/klantanalyse analyse templates/demo/klanten.csv -o "$tmp/demo-analyse.xlsx" >/dev/null
profile=$(mktemp -d)
soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$tmp" \
  "$tmp/demo-analyse.xlsx" >/dev/null 2>&1
# page 2 is the Matrix sheet: crop to the chart and the summary
pdftoppm -png -r 110 -f 2 -l 2 -x 60 -y 95 -W 1030 -H 375 -singlefile "$tmp/demo-analyse.pdf" docs/img/matrix
pdftoppm -png -r 220 -f 1 -l 1 -x 150 -y 200 -W 2300 -H 420 -singlefile "$tmp/demo-analyse.pdf" docs/img/klanten
# the Start sheet of the committed macro workbook (first page): text, buttons and status
soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$tmp" \
  klantanalyse.xlsm >/dev/null 2>&1
pdftoppm -png -r 110 -f 1 -l 1 -x 70 -y 95 -W 1070 -H 590 -singlefile "$tmp/klantanalyse.pdf" docs/img/start

# Verwantschap and Prospects: the demo with its prospects; pages found by their titles
.venv/bin/klantanalyse analyse templates/demo/klanten.csv --prospects templates/demo/prospects.csv \
  -o "$tmp/demo-prospects.xlsx" >/dev/null
soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$tmp" \
  "$tmp/demo-prospects.xlsx" >/dev/null 2>&1
page_of() {  # the first page of $1 whose text starts with the line $2
  local pages
  pages=$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')
  for ((p = 1; p <= pages; p++)); do
    if pdftotext -f "$p" -l "$p" "$1" - | grep -q "^$2"; then
      echo "$p"
      return
    fi
  done
  echo "no page starts with '$2' in $1" >&2
  exit 1
}
pdf="$tmp/demo-prospects.pdf"
page=$(page_of "$pdf" "Verwantschap: wat uw beste klanten delen")
# the title and what the A customers share
pdftoppm -png -r 110 -f "$page" -l "$page" -x 75 -y 100 -W 1050 -H 287 -singlefile "$pdf" docs/img/verwantschap
page=$(page_of "$pdf" "Prospect")
pdftoppm -png -r 110 -f "$page" -l "$page" -x 75 -y 95 -W 1050 -H 230 -singlefile "$pdf" docs/img/prospects

# the portfolio page of the macro workbook's Matrix sheet (the demo with its order history,
# as of the demo's Peildatum): Pareto curve, customer pyramid, whale curve
pdf="$tmp/klantanalyse.pdf"
page=$(page_of "$pdf" "Portefeuille")
pdftoppm -png -r 110 -f "$page" -l "$page" -x 115 -y 125 -W 1000 -H 575 -singlefile "$pdf" docs/img/portfolio
rm -rf "$tmp" "$profile"
ls docs/img
