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
rm -rf "$tmp" "$profile"
ls docs/img
