#!/usr/bin/env python3
"""Generates the synthetic objectivity sample: one school, five classes (5А, 5Б, 6А, 6Б, 7А),
150 students, two subjects (Математика, Русский язык), ВПР primary scores and marks for the
III term, the teacher by code. Class 6Б has inflated school marks in Математика. Five deliberately bad rows
show the rejects file. Written as Russian Excel writes CSV: Windows-1251, «;», CR LF.

Seeded: running it again gives the same file.  python3 Samples/objectivity/generate.py
"""
import math
import pathlib
import random

import yaml

HERE = pathlib.Path(__file__).resolve().parent
rng = random.Random(2026)
definition = yaml.safe_load((HERE / "vpr-2026.yaml").read_text(encoding="utf-8"))
scales = {(s["subject"], s["grade"]): s for s in definition["scales"]}


def vpr_mark(subject, grade, score):
    scale = scales[(subject, grade)]
    mark = 2
    for m, minimum in scale["marks"].items():
        if score >= minimum:
            mark = max(mark, int(m))
    return mark


def clip(value, low, high):
    return max(low, min(high, value))


header = ["Код ученика", "Класс", "Предмет", "Процедура", "Первичный балл", "Отметка ВПР", "Отметка за III четверть",
          "Контрольные работы", "Самостоятельные работы", "Текущие отметки", "Код учителя"]
# Journal marks come from a generator of their own, so the other columns stay as they were.
journal_rng = random.Random(14)


def journal(own, count, spread, shift=0.0):
    """Marks of one kind of work for the term, written as the journal exports them: «5 4 4»."""
    return " ".join(str(int(clip(round(3.55 + shift + 0.85 * own + journal_rng.gauss(0, spread)), 2, 5))) for _ in range(count))


# Teachers by code (never a name): who taught the class the subject. In 7А four students learn
# Русский язык in a small group of their own (У-07) — a group under the minimum that the справка hides.
teachers = {("Математика", "5А"): "У-01", ("Математика", "5Б"): "У-01", ("Математика", "6А"): "У-02",
            ("Математика", "6Б"): "У-02", ("Математика", "7А"): "У-03",
            ("Русский язык", "5А"): "У-04", ("Русский язык", "5Б"): "У-04", ("Русский язык", "6А"): "У-05",
            ("Русский язык", "6Б"): "У-05", ("Русский язык", "7А"): "У-06"}


def teacher(subject, class_name, seat):
    if subject == "Русский язык" and class_name == "7А" and seat < 4:
        return "У-07"
    return teachers[(subject, class_name)]


rows = []
classes = ["5А", "5Б", "6А", "6Б", "7А"]
number = 0
for class_name in classes:
    grade = int(class_name[0])
    for _ in range(30):
        number += 1
        code = f"С-{grade}{number:03d}"
        ability = rng.gauss(0, 1)
        for subject in ["Математика", "Русский язык"]:
            own = ability + rng.gauss(0, 0.5)
            maximum = scales[(subject, grade)]["max_score"]
            offset = 0.2 if subject == "Математика" else 0.75
            share = 1 / (1 + math.exp(-(1.3 * own + offset + rng.gauss(0, 0.35))))
            score = int(clip(round(share * maximum), 0, maximum))
            # The school's mark follows the same ability, a little more lenient on average.
            school = clip(round(3.55 + 0.85 * own + rng.gauss(0, 0.35)), 2, 5)
            if class_name == "6Б" and subject == "Математика":
                school = clip(school + (1 if rng.random() < 0.85 else 0), 3, 5)
            mark = vpr_mark(subject, grade, score)
            # Some schools copy the ВПР mark beside the score: every fifth row carries it.
            given = str(mark) if number % 5 == 0 else ""
            # The journal follows the student's own level, not the inflated term mark of 6Б:
            # tests are a little harder than everyday marks.
            marks = [journal(own, 2, 0.5, -0.2), journal(own, 2, 0.6), journal(own, journal_rng.randint(5, 8), 0.7, 0.1)]
            rows.append([code, class_name, subject, "ВПР", str(score), given, str(school)] + marks
                        + [teacher(subject, class_name, (number - 1) % 30)])

# Five bad rows, each showing one rule of the import (docs/objectivity.md).
bad = [
    ["Петров Иван", "5А", "Математика", "ВПР", "12", "", "4", "4", "4", "4 5", "У-01"],     # a name instead of a code
    ["С-6999", "6А", "Математика", "ВПР", "25", "", "4", "4", "3", "4 4", "У-02"],         # score above the scale's maximum (20)
    ["С-7998", "7А", "Русский язык", "ВПР", "31", "", "н/а", "3", "3 4", "3", "У-06"],      # no school mark
    list(rows[10]),                                                             # the same student and subject twice
    ["С-5999", "5Б", "Математика", "ВПР", "11", "", "4", "4", "4", "4 4", "Сидорова"],     # a teacher's name instead of a code
]
for position, row in zip([37, 118, 203, 260, 290], bad):
    rows.insert(position, row)

text = "\r\n".join(";".join(row) for row in [header] + rows) + "\r\n"
(HERE / "vpr-2026.csv").write_bytes(text.encode("cp1251"))
print(f"{len(rows)} rows written to {HERE / 'vpr-2026.csv'}")
