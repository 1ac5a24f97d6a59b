#!/usr/bin/env python3
"""Generate the synthetic municipal sample (deterministic; needs PyYAML to read the questionnaires).

    python3 Samples/municipal/generate.py     # rewrites units.csv and the eight exports next to it

Every school and respondent is invented. The municipality «Зареченский муниципальный округ» has 30
general-education organisations of every type (НОШ, СОШ, лицей, гимназия, ОЦ, С(К)ОШИ). Its
methodical centre ran one monitoring in two years (waves «2025» and «2026», April) with four
instruments, each exported from one municipal Google Form with a school column
«Образовательная организация»:

    students-2025.csv, students-2026.csv   objective-assessment-students  (grades 8 and 10)
    parents-2025.csv,  parents-2026.csv    objective-assessment-parents
    teachers-2025.csv, teachers-2026.csv   objective-assessment-teachers
    deficits-2025.csv, deficits-2026.csv   teachers-professional-deficits (answers typed as codes 4…1
                                           from paper forms, as a class teacher would)

Question headers and answer labels are read from Questionnaires/*.yaml, so the exports always
match the shipped definitions. Things the sample is meant to show:
- three small schools (НОШ № 21, ООШ с. Луговое, С(К)ОШИ № 3): fewer than 5 respondents in some
  audiences — hidden in the municipal справка;
- СОШ № 7 typed in several ways in the school column («СОШ № 7», «сош №7», «МБОУ СОШ № 7»,
  «Школа №7»): all matched to one unit through the registry's normalisation and aliases;
- one row of parents-2026.csv names a school that is not in the registry («СОШ № 77»): it goes
  to the rejects file with its line and value;
- weighted grading (средневзвешенный балл) is a municipal deficit in 2025 and improves in 2026;
  two schools (СОШ № 14, ОЦ «Горизонт») are clearly below the rest; Лицей № 1 and Гимназия № 2 above;
- teachers' difficulties with individual routes (ИОМ) and special needs: the district's PD topics.

Model: answer to a 4-option item = cut of z = μ(indicator, audience, year) + school effect +
0.6·respondent attitude + N(0, 0.8) at 1 / 0 / −1; reverse-keyed items mirrored; 4 % «Затрудняюсь
ответить», 2 % blanks.
"""

import csv
import datetime
import math
import os
import random

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# code, short name, full name, type, levels, students surveyed (8 and 10 grades), parents, teachers, aliases
UNITS = [
    ("licey1", "Лицей № 1", "Муниципальное автономное общеобразовательное учреждение «Лицей № 1»", "лицей", "ООО, СОО", 110, 110, 48, "МАОУ Лицей 1|Лицей 1"),
    ("gimn2", "Гимназия № 2", "Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 2»", "гимназия", "НОО, ООО, СОО", 100, 100, 52, "Гимназия 2"),
    ("sosh3", "СОШ № 3", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 3»", "СОШ", "НОО, ООО, СОО", 80, 80, 40, "Школа № 3"),
    ("sosh4", "СОШ № 4", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 4»", "СОШ", "НОО, ООО, СОО", 70, 70, 36, "Школа № 4"),
    ("sosh5", "СОШ № 5", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5»", "СОШ", "НОО, ООО, СОО", 90, 90, 44, "Школа № 5"),
    ("sosh6", "СОШ № 6", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 6»", "СОШ", "НОО, ООО, СОО", 60, 60, 30, "Школа № 6"),
    ("sosh7", "СОШ № 7", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 7»", "СОШ", "НОО, ООО, СОО", 75, 75, 34, "Школа № 7"),
    ("sosh8", "СОШ № 8", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 8»", "СОШ", "НОО, ООО, СОО", 65, 65, 32, "Школа № 8"),
    ("sosh9", "СОШ № 9", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 9»", "СОШ", "НОО, ООО, СОО", 55, 55, 28, "Школа № 9"),
    ("sosh10", "СОШ № 10", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 10»", "СОШ", "НОО, ООО, СОО", 85, 85, 41, "Школа № 10"),
    ("sosh11", "СОШ № 11", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 11»", "СОШ", "НОО, ООО, СОО", 50, 50, 26, "Школа № 11"),
    ("sosh12", "СОШ № 12", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 12»", "СОШ", "НОО, ООО, СОО", 60, 60, 29, "Школа № 12"),
    ("sosh13", "СОШ № 13", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 13»", "СОШ", "НОО, ООО, СОО", 45, 45, 25, "Школа № 13"),
    ("sosh14", "СОШ № 14", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 14»", "СОШ", "НОО, ООО, СОО", 80, 80, 38, "Школа № 14"),
    ("sosh15", "СОШ № 15", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 15»", "СОШ", "НОО, ООО, СОО", 70, 70, 33, "Школа № 15"),
    ("sosh16", "СОШ № 16", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 16»", "СОШ", "НОО, ООО, СОО", 40, 40, 22, "Школа № 16"),
    ("sosh17", "СОШ № 17", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 17»", "СОШ", "НОО, ООО, СОО", 35, 35, 20, "Школа № 17"),
    ("sosh18", "СОШ № 18", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 18»", "СОШ", "НОО, ООО, СОО", 60, 60, 30, "Школа № 18"),
    ("sosh19", "СОШ № 19", "Муниципальное казённое общеобразовательное учреждение «Средняя общеобразовательная школа № 19»", "СОШ", "НОО, ООО, СОО", 30, 30, 18, "Школа № 19"),
    ("sosh20", "СОШ № 20", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 20»", "СОШ", "НОО, ООО, СОО", 50, 50, 27, "Школа № 20"),
    ("nosh21", "НОШ № 21", "Муниципальное бюджетное общеобразовательное учреждение «Начальная общеобразовательная школа № 21»", "НОШ", "НОО", 0, 6, 4, "Начальная школа № 21"),
    ("sosh22", "СОШ № 22", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 22»", "СОШ", "НОО, ООО, СОО", 45, 45, 24, "Школа № 22"),
    ("sosh23", "СОШ с. Заречье", "Муниципальное казённое общеобразовательное учреждение «Средняя общеобразовательная школа с. Заречье»", "СОШ", "НОО, ООО, СОО", 20, 20, 15, "Заречная СОШ|Школа с. Заречье"),
    ("oosh24", "ООШ с. Луговое", "Муниципальное казённое общеобразовательное учреждение «Основная общеобразовательная школа с. Луговое»", "СОШ", "НОО, ООО", 8, 8, 9, "Луговская ООШ|ООШ Луговое"),
    ("sosh25", "СОШ п. Лесной", "Муниципальное казённое общеобразовательное учреждение «Средняя общеобразовательная школа п. Лесной»", "СОШ", "НОО, ООО, СОО", 25, 25, 16, "Лесная СОШ|Школа п. Лесной"),
    ("oc26", "ОЦ «Горизонт»", "Муниципальное автономное общеобразовательное учреждение «Образовательный центр «Горизонт»", "ОЦ", "НОО, ООО, СОО", 90, 90, 46, "Горизонт|Образовательный центр Горизонт"),
    ("oc27", "ОЦ «Созвездие»", "Муниципальное автономное общеобразовательное учреждение «Образовательный центр «Созвездие»", "ОЦ", "НОО, ООО, СОО", 85, 85, 43, "Созвездие|Образовательный центр Созвездие"),
    ("licey28", "Лицей № 28", "Муниципальное автономное общеобразовательное учреждение «Лицей № 28»", "лицей", "ООО, СОО", 80, 80, 37, "Лицей 28"),
    ("gimn29", "Гимназия № 29", "Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 29»", "гимназия", "НОО, ООО, СОО", 75, 75, 35, "Гимназия 29"),
    ("skoshi3", "С(К)ОШИ № 3", "Государственное казённое общеобразовательное учреждение «Специальная (коррекционная) общеобразовательная школа-интернат № 3»", "С(К)ОШИ", "НОО, ООО", 12, 12, 14, "Коррекционная школа-интернат № 3|СКОШИ 3"),
]

# School effects on the latent scale (same every year); the rest random but fixed by the seed.
EFFECTS = {"licey1": 0.5, "gimn2": 0.45, "sosh14": -0.55, "oc26": -0.5}
# How the school column is typed for СОШ № 7.
SOSH7_SPELLINGS = ["СОШ № 7", "сош №7", "МБОУ СОШ № 7", "Школа №7"]

# μ by audience, indicator and year (probit of the share of positive answers).
MEANS = {
    "students": {"criteria_transparency": (0.45, 0.55), "weighted_grade_acceptance": (0.05, 0.30), "trust_in_grades": (0.60, 0.65), "vpr_objectivity": (0.25, 0.35)},
    "parents": {"criteria_transparency": (0.35, 0.45), "weighted_grade_acceptance": (0.00, 0.25), "trust_in_grades": (0.70, 0.75), "vpr_objectivity": (0.30, 0.40)},
    "teachers": {"criteria_transparency": (0.95, 1.0), "weighted_grade_acceptance": (0.30, 0.55), "trust_in_grades": (0.90, 0.95), "vpr_objectivity": (0.55, 0.60), "*": (0.6, 0.7)},
    "deficits": {"criterion_assessment": (0.8, 0.9), "formative_assessment": (0.5, 0.6), "assessment_objectivity": (0.9, 0.95),
                 "external_results": (0.6, 0.7), "digital": (0.7, 0.8), "individual_routes": (-0.1, 0.1), "special_needs": (-0.2, 0.0)},
}

FILES = [("students", "objective-assessment-students", "students"), ("parents", "objective-assessment-parents", "parents"),
         ("teachers", "objective-assessment-teachers", "teachers"), ("deficits", "teachers-professional-deficits", "teachers")]

SUBJECT_WORDS = ["Как составлять ИОМ", "Работа с детьми с ОВЗ", "Формирующее оценивание на уроке", "Анализ результатов ВПР", ""]


def load(name):
    with open(os.path.join(ROOT, "Questionnaires", name + ".yaml"), encoding="utf-8") as f:
        return yaml.safe_load(f)


def respondents(rng, unit, audience, year):
    code, contingent = unit[0], {"students": unit[5], "parents": unit[6], "teachers": unit[7]}[audience]
    if contingent == 0:
        return 0
    if code in ("nosh21", "oosh24", "skoshi3"):
        return min(round(contingent * 0.36) or 1, rng.randint(2, 4)) if audience != "teachers" else min(round(contingent * 0.5), rng.randint(3, 4))
    share = {"students": 0.20, "parents": 0.20, "teachers": 0.30}[audience] + rng.uniform(-0.08, 0.12) + (0.03 if year == 2026 else 0)
    if code == "sosh25" and audience == "parents":
        share = 0.12  # low coverage
    return max(5, round(contingent * share))


def classes(rng, unit, audience):
    levels = unit[4]
    if audience == "students":
        options = ["8", "10"] if "СОО" in levels else ["8"]
    else:
        options = [n for n in ["5", "6", "7", "8", "9", "10", "11"] if ("СОО" in levels or int(n) <= 9)] if "ООО" in levels else ["2", "3", "4"]
    number = rng.choice(options)
    letter = rng.choice("АБВ")
    return rng.choice([f"{number}{letter}", f"{number} {letter.lower()}", f"{number}-{letter}", f"{number}{letter} класс"])


def main():
    rng = random.Random(20260415)
    effects = {u[0]: EFFECTS.get(u[0], rng.gauss(0, 0.18)) for u in UNITS}
    with open(os.path.join(HERE, "units.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["code", "short_name", "full_name", "type", "levels", "students", "parents", "teachers", "aliases"])
        for u in UNITS:
            # The contingent of the survey (the parallels and parents asked), so that охват is 45–100 %.
            w.writerow([u[0], u[1], u[2], u[3], u[4], round(u[5] * 0.36) or "", round(u[6] * 0.36) or 1, round(u[7] * 0.5), u[8]])
    for prefix, qid, audience in FILES:
        q = load(qid)
        scales = q["scales"]
        indicator_of = {}
        for ind in q.get("indicators", []):
            for item in ind["questions"]:
                indicator_of[item if isinstance(item, str) else item["question"]] = ind.get("audience_key") or ind["id"]
        questions = q["questions"]
        headers = ["Отметка времени", "Образовательная организация"]
        for qu in questions:
            headers.append(f"{qu['grid']} [{qu['text']}]" if qu.get("grid") else qu["text"])
        for year_index, year in enumerate((2025, 2026)):
            rows = []
            start = datetime.datetime(year, 4, 7, 8, 0, 0)
            for unit in UNITS:
                n = respondents(rng, unit, audience, year)
                for _ in range(n):
                    attitude = rng.gauss(0, 1)
                    when = start + datetime.timedelta(minutes=rng.randint(0, 14 * 24 * 60))
                    school = unit[1] if unit[0] != "sosh7" else rng.choice(SOSH7_SPELLINGS)
                    row = [when.strftime("%d.%m.%Y %H:%M:%S"), school]
                    for qu in questions:
                        kind = qu["type"]
                        if kind == "short_text":
                            row.append(classes(rng, unit, audience))
                            continue
                        if kind == "long_text":
                            row.append(rng.choice(SUBJECT_WORDS) if prefix == "deficits" and rng.random() < 0.3 else "")
                            continue
                        options = scales[qu["scale"]]["options"]
                        labels = [o["label"] for o in options]
                        if kind == "multiple":
                            row.append(", ".join(l for l in labels if rng.random() < 0.25))
                            continue
                        if rng.random() < 0.02:
                            row.append("")
                            continue
                        key = indicator_of.get(qu["id"])
                        if key is None or len(labels) != 4:
                            row.append(rng.choice(labels))
                            continue
                        if rng.random() < 0.04 and scales[qu["scale"]].get("no_answer"):
                            row.append(scales[qu["scale"]]["no_answer"][0])
                            continue
                        table = MEANS[prefix]
                        mu = (table.get(key) or table.get("*"))[year_index]
                        z = mu + effects[unit[0]] + 0.6 * attitude + rng.gauss(0, 0.8)
                        category = 0 if z > 1 else 1 if z > 0 else 2 if z > -1 else 3
                        if qu.get("reverse"):
                            category = 3 - category
                        # The deficits survey was typed in from paper forms with the answers' codes (4 … 1).
                        row.append(str(options[category]["code"]) if prefix == "deficits" else labels[category])
                    rows.append(row)
            if prefix == "parents" and year == 2026:
                bad = list(rows[5])
                bad[1] = "СОШ № 77"
                rows.insert(40, bad)
            rows.sort(key=lambda r: datetime.datetime.strptime(r[0], "%d.%m.%Y %H:%M:%S"))
            with open(os.path.join(HERE, f"{prefix}-{year}.csv"), "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f, lineterminator="\r\n")
                w.writerow(headers)
                w.writerows(rows)
            print(f"{prefix}-{year}.csv: {len(rows)} rows")


if __name__ == "__main__":
    main()
