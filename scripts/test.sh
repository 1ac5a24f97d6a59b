#!/usr/bin/env bash
# Runs the whole test suite (installs libcsv-dev first if it is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift test "$@"
