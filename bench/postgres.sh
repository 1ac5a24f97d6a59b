#!/usr/bin/env bash
# Ingest and report on SQLite and on PostgreSQL side by side: makes N responses (default 100 000) by
# sampling the shipped parents' sample file (as bench/scale.sh), starts a throwaway PostgreSQL
# cluster on loopback (scripts/postgres-cluster.sh, with the server's default durability: fsync on),
# then times `anketa ingest` and `anketa report` on each backend with peak memory (GNU time).
#   bench/postgres.sh [N]       ANKETA_BIN=.build/release/anketa bench/postgres.sh 100000
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
BIN=${ANKETA_BIN:-}
if [ -z "$BIN" ]; then swift build -c release --product anketa >&2; BIN=.build/release/anketa; fi
WORK=$(mktemp -d); chmod 755 "$WORK"
source scripts/postgres-cluster.sh
cleanup() { stop_throwaway_postgres; rm -rf "$WORK"; }
trap cleanup EXIT
ANKETA_PG_DURABLE=1 start_throwaway_postgres
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
echo "rows: $N, file: $(du -h "$WORK/big.csv" | cut -f1), PostgreSQL: $("$ANKETA_PG_BIN/postgres" --version)"
measure() { /usr/bin/time -f "  %e s wall, %U s user + %S s sys, peak %M KiB" "$@" >/dev/null; }
for db in "$WORK/db.sqlite" "$ANKETA_TEST_POSTGRES_URL"; do
    echo "== ${db##*/}"
    echo "ingest:";         measure "$BIN" ingest Questionnaires/parents-satisfaction.yaml "$WORK/big.csv" --wave big --db "$db"
    echo "ingest again (all duplicates):"; measure "$BIN" ingest Questionnaires/parents-satisfaction.yaml "$WORK/big.csv" --wave big --db "$db"
    echo "report (store):"; measure "$BIN" report parents-satisfaction --wave big --db "$db" -o "$WORK/r-$RANDOM"
done
