#!/usr/bin/env bash
# The main job on the shipped sample data: install what is missing, build, load two waves of the
# parents' satisfaction survey and of the teachers' readiness survey and three school years of the
# students' motivation survey, and write the справки with the comparison of waves (and the trend
# over three years) into Results/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product anketa
ANKETA=".build/release/anketa"
DB="Results/sample.sqlite"
mkdir -p Results
rm -f "$DB" "$DB-wal" "$DB-shm"

"$ANKETA" validate Questionnaires/*.yaml
for year in 2025 2026; do
    "$ANKETA" ingest Questionnaires/parents-satisfaction.yaml "Samples/parents-satisfaction-$year.csv" --wave "$year-весна" --db "$DB"
    "$ANKETA" ingest Questionnaires/teachers-brs-readiness.yaml "Samples/teachers-brs-readiness-$year.csv" --wave "$year" --db "$DB"
done
for year in 2024 2025 2026; do
    "$ANKETA" ingest Questionnaires/students-motivation.yaml "Samples/students-motivation-$year.csv" --wave "$year" --db "$DB"
done
"$ANKETA" list --db "$DB"
# The school's profile gives the heading, основание, охват, signatory and responsible people;
# last year's decisions are reported on in the parents' справка.
"$ANKETA" report parents-satisfaction --wave 2026-весна --compare 2025-весна --by level --db "$DB" \
    --org Samples/organization.yaml --previous-decisions Samples/parents-satisfaction-2025.decisions.yaml
"$ANKETA" report teachers-brs-readiness --wave 2026 --compare 2025 --by experience --db "$DB" --org Samples/organization.yaml
# Three school years of motivation: the trend of every indicator, levels by class, the share at risk.
"$ANKETA" report students-motivation --wave 2026 --trend --by level --by parallel --by class --db "$DB" --org Samples/organization.yaml
echo
echo "Готово: откройте Results/parents-satisfaction-2026-весна/spravka.html, Results/teachers-brs-readiness-2026/spravka.docx"
echo "и Results/students-motivation-2026/spravka.html (тренд за три учебных года)."
echo "Черновики управленческих решений — decisions.yaml в тех же папках: отредактируйте и запустите скрипт снова."
