#!/usr/bin/env bash
# The municipal monitoring on the shipped sample (Samples/municipal/): the registry of 30 schools,
# four municipal exports for two years split by the school column, then for 2026 the municipal
# справка of every instrument and every school's own справка (with the municipal value beside
# its figures), into Results/municipal-2026/.
set -euo pipefail
cd "$(dirname "$0")/.."
# ANKETA=<built binary> skips installing and building (e.g. ANKETA=.build/debug/anketa).
if [ -z "${ANKETA:-}" ]; then
    scripts/install-deps.sh
    swift build -c release --product anketa
    ANKETA=".build/release/anketa"
fi
DB="Results/municipal.sqlite"
OUT="Results/municipal-2026"
mkdir -p Results
rm -f "$DB" "$DB-wal" "$DB-shm"

"$ANKETA" units import Samples/municipal/units.csv --db "$DB"
SCHOOL="Образовательная организация"
for year in 2025 2026; do
    "$ANKETA" ingest Questionnaires/objective-assessment-students.yaml "Samples/municipal/students-$year.csv" --wave "$year" --split-by "$SCHOOL" --db "$DB"
    # One row of parents-2026.csv names a school that is not in the registry: it goes to the rejects file.
    "$ANKETA" ingest Questionnaires/objective-assessment-parents.yaml "Samples/municipal/parents-$year.csv" --wave "$year" --split-by "$SCHOOL" --db "$DB"
    "$ANKETA" ingest Questionnaires/objective-assessment-teachers.yaml "Samples/municipal/teachers-$year.csv" --wave "$year" --split-by "$SCHOOL" --db "$DB"
    "$ANKETA" ingest Questionnaires/teachers-professional-deficits.yaml "Samples/municipal/deficits-$year.csv" --wave "$year" --split-by "$SCHOOL" --db "$DB"
done

# Each instrument: the municipal справка and every school's; the students' one also carries the
# карта дефицитов across students, parents and teachers.
"$ANKETA" report objective-assessment-students --wave 2026 --compare 2025 --municipal --schools --db "$DB" \
    --also objective-assessment-parents:2026 --also objective-assessment-teachers:2026 -o "$OUT/students"
"$ANKETA" report objective-assessment-parents --wave 2026 --compare 2025 --municipal --schools --db "$DB" -o "$OUT/parents"
"$ANKETA" report objective-assessment-teachers --wave 2026 --compare 2025 --municipal --schools --db "$DB" -o "$OUT/teachers"
"$ANKETA" report teachers-professional-deficits --wave 2026 --compare 2025 --municipal --schools --db "$DB" -o "$OUT/deficits"
echo
echo "Готово: муниципальные справки — $OUT/<анкета>/spravka.html (.docx), справки школ — $OUT/<анкета>/schools/<код>/"
