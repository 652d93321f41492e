#!/usr/bin/env bash
# Render a workbook with LibreOffice: PDF, then one PNG per page.
# Usage: scripts/render.sh WORKBOOK OUTDIR [RESOLUTION]
set -euo pipefail
book=$1
out=$2
res=${3:-80}
mkdir -p "$out"
profile=$(mktemp -d)
soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$out" "$book" >/dev/null 2>&1
rm -rf "$profile"
pdf="$out/$(basename "${book%.*}").pdf"
pdftoppm -png -r "$res" "$pdf" "$out/page"
ls "$out"/page*.png
