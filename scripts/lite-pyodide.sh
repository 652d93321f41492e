#!/usr/bin/env bash
# Run the code of the Lite workbook in real Pyodide (npm package `pyodide`, the version
# xlwings Lite used in the workbooks it saved) under Node.js; see lite-pyodide.mjs.
# Usage: scripts/lite-pyodide.sh [WORKBOOK]   (default klantanalyse-lite.xlsx)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
book=$(realpath "${1:-klantanalyse-lite.xlsx}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
PYTHONPATH="$here/../python" python3 -c '
import sys, zipfile
from klantanalyse.workbook.lite_package import WEBEXTENSION, read_properties
code = read_properties(zipfile.ZipFile(sys.argv[1]).read(WEBEXTENSION))
open(sys.argv[2], "w", encoding="utf-8").write(code["main.py"])
' "$book" "$work/main.py"
cp "$here/lite-pyodide.mjs" "$work/"
cd "$work"
npm install --silent --no-audit --no-fund pyodide@0.27.5 >/dev/null
node lite-pyodide.mjs main.py
