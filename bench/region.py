#!/usr/bin/env python3
"""Generate a simulated region for bench/region.sh (deterministic, standard library only).

    python3 bench/region.py OUT_DIR [SCHOOLS] [RESPONSES]

Writes OUT_DIR/units.csv (SCHOOLS organisations, default 1,000) and three exports with a school
column «Образовательная организация» (RESPONSES in all, default 500,000, split 50 / 40 / 10 % over
students, parents and teachers of the objective-assessment monitoring). Every row is a row of the
shipped municipal sample (Samples/municipal/*-2026.csv, so headers and answers always match the
shipped questionnaires) with its school replaced: schools get respondents in proportion to a
size drawn once per school, about one school in twenty is small (under 10 respondents per
audience), and the school column is typed the way the registry's aliases allow (short name,
«МБОУ …», «Школа № N»). Nothing here is a real school or person.
"""

import csv
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCHOOL = "Образовательная организация"
AUDIENCES = [("students", 0.5), ("parents", 0.4), ("teachers", 0.1)]


def main():
    out = sys.argv[1]
    schools = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    responses = int(sys.argv[3]) if len(sys.argv) > 3 else 500_000
    rng = random.Random(20261202)
    os.makedirs(out, exist_ok=True)

    units = []
    for i in range(1, schools + 1):
        small = rng.random() < 0.05
        size = rng.uniform(0.02, 0.1) if small else rng.lognormvariate(0, 0.5)
        units.append((f"r{i:04d}", f"СОШ № {i}", size))
    total = sum(size for _, _, size in units)
    with open(os.path.join(out, "units.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["code", "short_name", "full_name", "type", "levels", "students", "parents", "teachers", "aliases"])
        for code, name, size in units:
            share = size / total
            contingent = [max(1, round(responses * weight * share * 1.25)) for _, weight in AUDIENCES]
            n = name.split("№ ")[1]
            full = f"Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № {n}»"
            w.writerow([code, name, full, "СОШ", "НОО, ООО, СОО", *contingent, f"Школа № {n}|МБОУ СОШ № {n}"])

    cumulative, running = [], 0.0
    for _, _, size in units:
        running += size
        cumulative.append(running)

    import bisect
    for audience, weight in AUDIENCES:
        with open(os.path.join(ROOT, "Samples", "municipal", f"{audience}-2026.csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        header, rows = rows[0], rows[1:]
        column = header.index(SCHOOL)
        count = round(responses * weight)
        with open(os.path.join(out, f"{audience}.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            for _ in range(count):
                row = list(rng.choice(rows))
                _, name, _ = units[bisect.bisect_left(cumulative, rng.random() * running)]
                n = name.split("№ ")[1]
                row[column] = rng.choice([name, name, f"Школа № {n}", f"МБОУ СОШ № {n}", f"сош №{n}"])
                w.writerow(row)
        print(f"{audience}: {count} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
