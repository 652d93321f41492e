#!/usr/bin/env bash
# Rebuild the README pictures from the real demo workbook (needs LibreOffice and poppler).
# Everything comes from klantanalyse.xlsm (and the Start sheet of klantanalyse-lite.xlsx), analysed as of the demo's Peildatum, so the
# pictures do not change with the day they are made.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
profile=$(mktemp -d)
trap 'rm -rf "$tmp" "$profile"' EXIT
cp klantanalyse.xlsm "$tmp/demo.xlsm"
soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$tmp" \
  "$tmp/demo.xlsm" >/dev/null 2>&1
pdf="$tmp/demo.pdf"

page_of() {  # the first page of $pdf whose text starts with the line $1
  local pages
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  for ((p = 1; p <= pages; p++)); do
    text=$(pdftotext -f "$p" -l "$p" "$pdf" -)  # whole, so grep -q cannot cut the pipe
    if grep -q "^$1" <<<"$text"; then
      echo "$p"
      return
    fi
  done
  echo "no page starts with '$1' in $pdf" >&2
  exit 1
}
crop() {  # crop NAME PAGE X Y W H: a 110 dpi crop of one page into docs/img/NAME.png
  pdftoppm -png -r 110 -f "$2" -l "$2" -x "$3" -y "$4" -W "$5" -H "$6" -singlefile "$pdf" "docs/img/$1"
}

crop start 1 40 45 1200 820
crop actielijst "$(page_of "Actielijst: wie vraagt")" 40 45 1200 418
crop matrix "$(page_of "Klanten op omzet en score")" 40 45 1210 700
crop portfolio "$(page_of "Portefeuille")" 40 45 1230 690
crop verwantschap "$(page_of "Verwantschap: wat uw beste klanten delen")" 40 45 1210 540
crop prospects "$(page_of "Installatiegroep Verbeek BV")" 40 45 1210 240
rm -f docs/img/klanten.png

# the Start sheet of the Lite workbook, with its buttons
cp klantanalyse-lite.xlsx "$tmp/lite.xlsx"
soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$tmp" \
  "$tmp/lite.xlsx" >/dev/null 2>&1
pdf="$tmp/lite.pdf"
crop start-lite 1 70 95 1070 560
ls docs/img
