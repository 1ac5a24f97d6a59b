#!/usr/bin/env bash
# A simulated region through the municipal path (issue 12, item 7): 1,000 schools and 500,000
# responses across students, parents and teachers (bench/region.py), imported into a units
# registry, ingested with --split-by and reported with --municipal, each step timed with its peak
# memory (GNU time). Writes only under a temporary folder (or the PostgreSQL database you name).
#
#   bench/region.sh                      # SQLite in a temporary folder
#   bench/region.sh --db postgres://…    # the same on PostgreSQL (an empty database)
#   SCHOOLS=200 RESPONSES=100000 bench/region.sh
#   ANKETA_BIN=.build/release/anketa bench/region.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SCHOOLS=${SCHOOLS:-1000}
RESPONSES=${RESPONSES:-500000}
BIN=${ANKETA_BIN:-}
if [ -z "$BIN" ]; then swift build -c release --product anketa >&2; BIN=.build/release/anketa; fi
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
DB="$WORK/region.sqlite"
if [ "${1:-}" = "--db" ]; then DB="$2"; fi

python3 bench/region.py "$WORK" "$SCHOOLS" "$RESPONSES"
echo "region: $SCHOOLS schools, $RESPONSES responses ($(du -ch "$WORK"/*.csv | tail -1 | cut -f1) of CSV); store: ${DB%%\?*}"
measure() {
    local label=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" >"$WORK/out" 2>&1 || { cat "$WORK/out"; exit 1; }
    read -r wall user sys rss <"$WORK/time"
    printf '%-34s %8s s wall %8.2f s CPU %8d MB peak\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))"
    # What an ingest stored and rejected, as it told the user.
    grep -hE ": сохранено|отклонено" "$WORK/out" | head -2 | sed 's/^/    /' || true
}
SCHOOL="Образовательная организация"
measure "units import" "$BIN" units import "$WORK/units.csv" --db "$DB"
measure "ingest students (50 %)" "$BIN" ingest Questionnaires/objective-assessment-students.yaml "$WORK/students.csv" --wave 2026 --split-by "$SCHOOL" --db "$DB"
measure "ingest parents (40 %)" "$BIN" ingest Questionnaires/objective-assessment-parents.yaml "$WORK/parents.csv" --wave 2026 --split-by "$SCHOOL" --db "$DB"
measure "ingest teachers (10 %)" "$BIN" ingest Questionnaires/objective-assessment-teachers.yaml "$WORK/teachers.csv" --wave 2026 --split-by "$SCHOOL" --db "$DB"
measure "municipal report, students" "$BIN" report objective-assessment-students --wave 2026 --municipal --db "$DB" -o "$WORK/students"
measure "municipal report, parents" "$BIN" report objective-assessment-parents --wave 2026 --municipal --db "$DB" -o "$WORK/parents"
measure "municipal, students + 2 audiences" "$BIN" report objective-assessment-students --wave 2026 --municipal --db "$DB" \
    --also objective-assessment-parents:2026 --also objective-assessment-teachers:2026 -o "$WORK/all"
ls "$WORK/all" | head -20 >/dev/null
