#!/usr/bin/env bash
# Installs the system libraries Anketa needs (Debian/Ubuntu): libcsv for CSV parsing, libqrencode
# for the QR codes on posters and access-code slips, libxlsxwriter for the Excel (XLSX) downloads.
# Installs only what is missing.
set -euo pipefail
missing=()
[ -f /usr/include/csv.h ] || missing+=(libcsv-dev)
[ -f /usr/include/qrencode.h ] || missing+=(libqrencode-dev)
[ -f /usr/include/xlsxwriter.h ] || missing+=(libxlsxwriter-dev)
if ((${#missing[@]} == 0)); then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing ${missing[*]}…" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
