#!/usr/bin/env python3
"""Generates the synthetic answers of the three objective-assessment surveys for the school of the
objectivity sample (МБОУ СОШ № 7: classes 5А–7А), so that its objectivity справка can set the
attitudes beside the results (`anketa objectivity … --attitudes`).

    python3 Samples/objectivity/generate_attitudes.py

Uses the model and the Google Forms shape of Samples/generate_instruments.py (question texts and
answer labels come from the YAML definitions). Intended picture: students and parents trust the
marks fairly (about 65–75 % positive), but see little of the assessment criteria; teachers rate
the criteria high and the objectivity of ВПР low — the gap the ВПР results of 6Б show.
Every respondent is invented. Seeded: running it again gives the same files.
"""
import datetime
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import generate_instruments as gi  # noqa: E402

CLASSES = ["5А", "5Б", "6А", "6Б", "7А"]


def school_class(rng, n, _used, _people):
    return CLASSES[n % len(CLASSES)]


def specs():
    start = datetime.datetime(2026, 4, 13)
    common = {"criteria_transparency": 0.1, "weighted_grade_acceptance": 0.35, "trust_in_grades": 0.5, "vpr_objectivity": 0.3}
    return [
        dict(yaml="objective-assessment-students.yaml", out="objectivity/objective-assessment-students-2026.csv", n=118,
             start=start, mu=common, fixed={"class": school_class}),
        dict(yaml="objective-assessment-parents.yaml", out="objectivity/objective-assessment-parents-2026.csv", n=86,
             start=start, mu={**common, "trust_in_grades": 0.7, "criteria_transparency": -0.1}, fixed={"class": school_class}),
        dict(yaml="objective-assessment-teachers.yaml", out="objectivity/objective-assessment-teachers-2026.csv", n=24,
             start=start, mu={"criteria_transparency": 0.9, "weighted_grade_acceptance": 0.5, "trust_in_grades": 0.8,
                              "vpr_objectivity": -0.1, "results_use": 0.2}),
    ]


if __name__ == "__main__":
    for spec in specs():
        print(gi.generate(spec))
