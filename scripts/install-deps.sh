#!/usr/bin/env bash
# Installs the system libraries Anketa needs (Debian/Ubuntu): libcsv for CSV parsing.
set -euo pipefail
if [ -f /usr/include/csv.h ]; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing libcsv-dev…" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libcsv-dev >/dev/null
