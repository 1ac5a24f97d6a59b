#!/usr/bin/env bash
# The objectivity справка from the shipped samples, checked by the independent reference:
# builds anketa (debug, unless ANKETA names a binary), writes «Об объективности оценивания» for
# Samples/objectivity (ВПР against III term marks, teacher groups by code, the region's
# distribution and mean score, the school's non-survey indicators, the objective-assessment
# surveys of students, parents and teachers beside the results) into
# Results/objectivity-vpr-2026/, and recomputes every figure of its figures.json with pandas/scipy
# (docs/reference/objectivity_reference.py; skipped with a note when they are not installed).
#
#   scripts/objectivity-report.sh            # then open Results/objectivity-vpr-2026/spravka.html
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${ANKETA:-}" ]; then
    swift build --product anketa
    ANKETA=".build/debug/anketa"
fi
OUT="Results/objectivity-vpr-2026"
mkdir -p Results
"$ANKETA" objectivity Samples/objectivity/vpr-2026.yaml Samples/objectivity/vpr-2026.csv \
    --indicators Samples/objectivity/indicators.yaml \
    --attitudes Questionnaires/objective-assessment-students.yaml=Samples/objectivity/objective-assessment-students-2026.csv \
    --attitudes Questionnaires/objective-assessment-parents.yaml=Samples/objectivity/objective-assessment-parents-2026.csv \
    --attitudes Questionnaires/objective-assessment-teachers.yaml=Samples/objectivity/objective-assessment-teachers-2026.csv \
    -o "$OUT"
if python3 -c "import pandas, scipy, yaml" 2>/dev/null; then
    python3 docs/reference/objectivity_reference.py Samples/objectivity/vpr-2026.yaml Samples/objectivity/vpr-2026.csv \
        "$OUT/figures.json" Samples/objectivity/indicators.yaml
else
    echo "pandas, scipy or PyYAML not installed: the reference check is skipped (pip install pandas scipy pyyaml)." >&2
fi
echo
echo "Готово: откройте $OUT/spravka.html (или spravka.docx). Отклонённые строки образца — Samples/objectivity/vpr-2026.rejects.csv."
echo "Черновик управленческих решений — $OUT/decisions.yaml: отредактируйте и запустите скрипт снова."
