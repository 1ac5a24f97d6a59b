#!/usr/bin/env bash
# Ingest and report at scale: makes N responses (default 100 000) by sampling the shipped parents'
# sample file, then times `anketa ingest`, `anketa report` from the store and `anketa report`
# straight from the file, with their peak memory (GNU time). Bounded; writes only under a temp dir.
#   bench/scale.sh [N]          ANKETA_BIN=.build/release/anketa bench/scale.sh 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
BIN=${ANKETA_BIN:-}
if [ -z "$BIN" ]; then swift build -c release --product anketa >&2; BIN=.build/release/anketa; fi
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
python3 - "$N" "$WORK/big.csv" <<'PY'
import csv, random, sys
random.seed(1)
rows = list(csv.reader(open('Samples/parents-satisfaction-2025.csv', encoding='utf-8')))
header, rows = rows[0], rows[1:]
with open(sys.argv[2], 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f); w.writerow(header)
    for i in range(int(sys.argv[1])):
        r = list(random.choice(rows)); r[0] = f"{1 + i % 28:02d}.04.2026 {i % 24:02d}:{i % 60:02d}:{(i // 60) % 60:02d}"; w.writerow(r)
PY
echo "rows: $N, file: $(du -h "$WORK/big.csv" | cut -f1)"
measure() { /usr/bin/time -f "  %e s, peak %M KiB" "$@" >/dev/null; }
echo "ingest:";             measure "$BIN" ingest Questionnaires/parents-satisfaction.yaml "$WORK/big.csv" --wave big --db "$WORK/db.sqlite"
echo "report (store):";     measure "$BIN" report parents-satisfaction --wave big --db "$WORK/db.sqlite" -o "$WORK/r1"
echo "report (file):";      measure "$BIN" report Questionnaires/parents-satisfaction.yaml "$WORK/big.csv" -o "$WORK/r2"
