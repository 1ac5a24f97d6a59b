#!/usr/bin/env bash
# Side by side: `anketa report` (JSON only and all formats), `anketa ingest`, the pandas and polars
# reference scripts (checked equal to Anketa's figures) and the libcsv floor, on a generated file.
#   bench/compare.sh                     # 100 000 rows, 3 runs each → bench/results/<date>-<machine>-100k.md
#   bench/compare.sh --million           # 1 000 000 rows (a 1.5 GB file; ingest included)
#   ANKETA_BIN=.build/release/anketa bench/compare.sh --rows 20000 --runs 1 --skip all
# Needs python3 with pandas, polars, scipy, pyyaml (pip install pandas polars scipy pyyaml), cc and
# libcsv-dev. Generated files are kept in ${BENCH_WORK:-/tmp/anketa-bench} for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
ARGS=()
for arg in "$@"; do
    if [ "$arg" = "--million" ]; then ARGS+=(--rows 1000000); else ARGS+=("$arg"); fi
done
BIN=${ANKETA_BIN:-}
if [ -z "$BIN" ]; then swift build -c release --product anketa >&2; BIN=.build/release/anketa; fi
WORK=${BENCH_WORK:-/tmp/anketa-bench}
mkdir -p "$WORK"
cc -O2 -Wall -o "$WORK/csvfloor" bench/csvfloor.c -lcsv
exec python3 bench/compare.py --bin "$BIN" --floor "$WORK/csvfloor" --work "$WORK" ${ARGS[@]+"${ARGS[@]}"}
