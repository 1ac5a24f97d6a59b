#!/usr/bin/env python3
"""Independent reference for `anketa objectivity`: recomputes every figure of the shipped sample
with pandas and scipy and compares it with the figures.json the command wrote.

    anketa objectivity Samples/objectivity/vpr-2026.yaml Samples/objectivity/vpr-2026.csv -o Results/objectivity-vpr-2026
    python3 docs/reference/objectivity_reference.py Samples/objectivity/vpr-2026.yaml \
        Samples/objectivity/vpr-2026.csv Results/objectivity-vpr-2026/figures.json [Samples/objectivity/indicators.yaml]

With the fourth argument (the file given to --indicators) the non-survey indicators are checked
too: the year, each figure, the threshold in force (a number or the region's value), deficit and gap.

The import rules are re-implemented here from docs/objectivity.md (code with a digit and no
spaces, class «5А», marks 2–5, primary score within the scale, one row per student × subject ×
procedure); the statistics come from scipy:
  shares' intervals  statsmodels-free Wilson formula (checked against scipy.stats.binomtest(...).proportion_ci(method="wilson"))
  Spearman           scipy.stats.spearmanr; interval: scipy.stats.pearsonr on the ranks .confidence_interval() (Fisher z)
  paired t           scipy.stats.ttest_rel(external, school) and its .confidence_interval()
  Wilcoxon           scipy.stats.wilcoxon(external − school, zero_method="wilcox", correction=False, method="approx")
  region χ²          scipy.stats.chisquare(counts, f_exp=n * region shares), per grade and per class
  region mean        scipy.stats.ttest_1samp(scores, region mean) and its .confidence_interval()
  teacher groups     the groups above per procedure × subject × teacher; the suppression rule
                     (docs/objectivity.md) re-implemented with numpy.linalg.matrix_rank: under the
                     minimum hidden, and the smallest shown group hidden beside them (the smallest that ends the disclosure, else the smallest) until no set of
                     hidden groups under the minimum is a linear combination of the classes and the shown groups
Exit code 0 when every figure agrees within 1e-9, 1 otherwise.
"""
import itertools
import json
import re
import sys

import numpy as np
import pandas as pd
import yaml
from scipy import stats

TOLERANCE = 1e-9


def load_rows(definition_path, results_path):
    definition = yaml.safe_load(open(definition_path, encoding="utf-8"))
    columns = definition["columns"]
    raw = open(results_path, "rb").read()
    try:
        raw.decode("utf-8")
        encoding = "utf-8-sig"
    except UnicodeDecodeError:
        encoding = "cp1251"
    frame = pd.read_csv(results_path, encoding=encoding, sep=None, engine="python", dtype=str, keep_default_na=False)
    frame.columns = [c.strip() for c in frame.columns]
    year = definition.get("year")

    def scale_for(subject, procedure, grade):
        best, best_specificity = None, -1
        for s in definition.get("scales", []):
            if s["subject"].strip().lower() != subject.lower() or s["procedure"] != procedure:
                continue
            if s.get("grade") not in (None, grade) or (s.get("year") is not None and year is not None and s["year"] != year):
                continue
            specificity = (2 if s.get("grade") is not None else 0) + (1 if s.get("year") is not None else 0)
            if specificity > best_specificity:
                best, best_specificity = s, specificity
        return best

    def mark(text):
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            return None
        return int(value) if value == int(value) and 2 <= value <= 5 else None

    accepted, rejected, seen = [], 0, set()
    for _, r in frame.iterrows():
        student = r[columns["student"]].strip()
        match = re.fullmatch(r"(\d{1,2})[ \-]?([А-ЯЁа-яёA-Za-z]{0,2})", r[columns["class"]].strip())
        subject = r[columns["subject"]].strip()
        procedure = r[columns["procedure"]].strip() if "procedure" in columns else definition["procedure"]
        school = mark(r[columns["school_mark"]].strip())
        ok = bool(student) and " " not in student and any(ch.isdigit() for ch in student)
        ok = ok and match is not None and 1 <= int(match.group(1)) <= 11 and bool(subject) and school is not None
        external = None
        if ok:
            grade = int(match.group(1))
            given = r[columns["mark"]].strip() if "mark" in columns else ""
            external = mark(given) if given else None
            if given and external is None:
                ok = False
            score_text = r[columns["score"]].strip() if "score" in columns else ""
            if ok and score_text:
                score = float(score_text.replace(",", "."))
                scale = scale_for(subject, procedure, grade)
                if scale is None:
                    ok = external is not None
                elif not 0 <= score <= scale["max_score"]:
                    ok = False
                else:
                    converted = 2
                    for m, minimum in scale["marks"].items():
                        if score >= minimum:
                            converted = max(converted, int(m))
                    if external is not None and external != converted:
                        ok = False
                    external = converted
            ok = ok and external is not None
        teacher = None
        if "teacher" in columns:
            teacher = r[columns["teacher"]].strip()
            person = definition.get("teacher", "person") in ("person", "учитель", "педагог")
            if not teacher or (person and (" " in teacher or not any(ch.isascii() and ch.isdigit() for ch in teacher))):
                ok = False
        journal = []
        for kind in definition.get("journal", []):
            tokens = re.split(r"[ ,;\t]+", r[kind["column"]].strip()) if r[kind["column"]].strip() else []
            marks = [mark(t) for t in tokens]
            if any(m is None for m in marks):
                ok = False
            journal.append([(m, float(kind["weight"])) for m in marks if m is not None])
        if ok:
            key = (student, subject.lower(), procedure)
            if key in seen:
                ok = False
            seen.add(key)
        if not ok:
            rejected += 1
            continue
        accepted.append({"student": student, "class": str(int(match.group(1))) + match.group(2).upper(),
                         "subject": subject[0].upper() + subject[1:], "procedure": procedure,
                         "school": school, "external": external, "teacher": teacher,
                         "score": float(r[columns["score"]].strip().replace(",", ".")) if "score" in columns and r[columns["score"]].strip() else None,
                         "journal": [pair for kind in journal for pair in kind]})
    return definition, pd.DataFrame(accepted), rejected


def wilson(count, total, z=stats.norm.ppf(0.975)):
    ci = stats.binomtest(count, total).proportion_ci(confidence_level=0.95, method="wilson")
    return ci.low, ci.high


def group_figures(frame):
    school = frame["school"].to_numpy(float)
    external = frame["external"].to_numpy(float)
    d = external - school
    n = len(frame)
    out = {"n": n, "meanSchool": school.mean(), "meanExternal": external.mean(), "meanDifference": d.mean()}
    # Students per pair of marks: rows school mark 2-5, columns external mark 2-5.
    out["crossTable"] = pd.crosstab(frame["school"], frame["external"]).reindex(
        index=range(2, 6), columns=range(2, 6), fill_value=0).to_numpy().tolist()
    for name, mask in [("lowered", d < 0), ("confirmed", d == 0), ("raised", d > 0)]:
        count = int(mask.sum())
        low, high = wilson(count, n)
        out[name] = {"count": count, "share": count / n, "ciLow": low, "ciHigh": high}
    if "journal" in frame and frame["journal"].map(len).gt(0).any():
        # Weighted average mark: sum(w * m) / sum(w) over the student's journal marks (numpy.average).
        j = frame[frame["journal"].map(len) > 0]
        weighted = j["journal"].map(lambda pairs: np.average([m for m, _ in pairs], weights=[w for _, w in pairs]))
        plain = j["journal"].map(lambda pairs: np.mean([m for m, _ in pairs]))
        supported = np.floor(weighted + 0.5)
        k = len(j)
        w = {"n": k, "meanPlain": plain.mean(), "meanWeighted": weighted.mean(),
             "meanSchool": j["school"].mean(), "meanExternal": j["external"].mean()}
        for name, mask in [("schoolAbove", j["school"] > supported), ("schoolBelow", j["school"] < supported)]:
            count = int(mask.sum())
            low, high = wilson(count, k)
            w[name] = {"count": count, "share": count / k, "ciLow": low, "ciHigh": high}
        if k >= 3 and weighted.std() > 0 and j["external"].std() > 0:
            w["weightedSpearmanRho"] = stats.spearmanr(weighted, j["external"]).statistic
        if k >= 3 and j["school"].std() > 0 and j["external"].std() > 0:
            w["schoolSpearmanRho"] = stats.spearmanr(j["school"], j["external"]).statistic
        out["weighted"] = w
    if n >= 2 and d.std(ddof=1) > 0:
        t = stats.ttest_rel(external, school)
        ci = t.confidence_interval(0.95)
        out.update(pairedT=t.statistic, pairedTp=t.pvalue, meanDifferenceCiLow=ci.low, meanDifferenceCiHigh=ci.high)
    if (d != 0).any():
        w = stats.wilcoxon(d, zero_method="wilcox", correction=False, method="approx")
        out.update(wilcoxonStatistic=w.statistic, wilcoxonP=w.pvalue)
    if n >= 3 and school.std() > 0 and external.std() > 0:
        rho = stats.spearmanr(school, external)
        out.update(spearmanRho=rho.statistic, spearmanP=rho.pvalue)
        if n > 3:
            ci = stats.pearsonr(stats.rankdata(school), stats.rankdata(external)).confidence_interval(0.95)
            out.update(spearmanCiLow=ci.low, spearmanCiHigh=ci.high)
    return out


def compare(label, expected, actual, problems):
    for key, value in expected.items():
        if isinstance(value, dict):
            compare(f"{label}.{key}", value, actual.get(key, {}), problems)
            continue
        if isinstance(value, list):
            if actual.get(key) != value:
                problems.append(f"{label}.{key}: reference {value!r}, figures.json {actual.get(key)!r}")
            continue
        got = actual.get(key)
        if got is None or not np.isclose(got, value, rtol=TOLERANCE, atol=TOLERANCE):
            problems.append(f"{label}.{key}: reference {value!r}, figures.json {got!r}")


def school_year_key(year):
    return (year[:4], year)


def check_non_survey(path, figures, problems):
    """Non-survey indicators: the year's value, threshold (number or region), deficit and gap by direction."""
    data = yaml.safe_load(open(path, encoding="utf-8"))
    actual = figures.get("nonSurvey") or {}
    def year_of(key):
        return str(key)
    indicators = data["indicators"]
    years = sorted({year_of(y) for i in indicators for y in i["values"]}, key=school_year_key)
    year = str(data.get("year", years[-1]))
    if actual.get("year") != year or actual.get("years") != years:
        problems.append(f"nonSurvey year/years: reference {year} {years}, figures.json {actual.get('year')} {actual.get('years')}")
    for item in indicators:
        got = next((x for x in actual.get("indicators", []) if x["id"] == item["id"]), {})
        values = {year_of(k): float(v) for k, v in item["values"].items()}
        region = {year_of(k): float(v) for k, v in item.get("region", {}).items()}
        higher = item["direction"] in ("higher", "выше", "больше")
        threshold = region.get(year) if str(item.get("threshold")) in ("region", "регион") else (
            float(item["threshold"]) if "threshold" in item else None)
        value = values.get(year)
        deficit = value is not None and threshold is not None and (value < threshold if higher else value > threshold)
        expected = {"deficit": deficit, "gap": abs(value - threshold) if deficit else 0.0}
        if value is not None:
            expected["value"] = value
        if threshold is not None:
            expected["threshold"] = threshold
        if got.get("values") != [values.get(y) for y in years]:
            problems.append(f"nonSurvey {item['id']}.values: reference {[values.get(y) for y in years]}, figures.json {got.get('values')}")
        if got.get("deficit") != deficit:
            problems.append(f"nonSurvey {item['id']}.deficit: reference {deficit}, figures.json {got.get('deficit')}")
        compare(f"nonSurvey {item['id']}", {k: v for k, v in expected.items() if k != "deficit"}, got, problems)
    return len(indicators)


def main(definition_path, results_path, figures_path, indicators_path=None):
    definition, frame, rejected = load_rows(definition_path, results_path)
    figures = json.load(open(figures_path, encoding="utf-8"))
    problems = []
    if figures["rows"] != len(frame) or figures["rejected"] != rejected:
        problems.append(f"rows/rejected: reference {len(frame)}/{rejected}, figures.json {figures['rows']}/{figures['rejected']}")
    if figures["students"] != frame["student"].nunique():
        problems.append(f"students: reference {frame['student'].nunique()}, figures.json {figures['students']}")
    compare("overall", group_figures(frame), figures["overall"], problems)
    checked = 1
    for (procedure, subject), part in frame.groupby(["procedure", "subject"], sort=False):
        actual = next((g for g in figures["subjects"] if g["procedure"] == procedure and g["subject"] == subject), {})
        compare(f"{procedure}/{subject}", group_figures(part), actual, problems)
        checked += 1
        for class_name, cls in part.groupby("class"):
            actual = next((g for g in figures["classes"] if g["procedure"] == procedure and g["subject"] == subject
                           and g["className"] == class_name), {})
            expected = group_figures(cls)
            compare(f"{procedure}/{subject}/{class_name}", expected, actual, problems)
            thresholds = definition.get("thresholds", {})
            lowered_threshold = thresholds.get("lowered", 0.25)
            mismatch_threshold = thresholds.get("mismatch", 0.5)
            flags = []
            if len(cls) >= thresholds.get("min_students", 5):
                if expected["lowered"]["share"] > lowered_threshold:
                    flags.append("lowered")
                if expected["lowered"]["share"] + expected["raised"]["share"] > mismatch_threshold:
                    flags.append("mismatch")
            if flags != actual.get("flags"):
                problems.append(f"{procedure}/{subject}/{class_name}.flags: reference {flags}, figures.json {actual.get('flags')}")
            checked += 1
    # External marks against the region's distribution: scipy.stats.chisquare per procedure, subject, grade.
    frame["grade"] = frame["class"].str.extract(r"^(\d+)")[0].astype(int)
    regional = []
    for (procedure, subject, grade), g in frame.groupby(["procedure", "subject", "grade"], sort=False):
        entries = [e for e in definition.get("region", []) if e["procedure"] == procedure
                   and e["subject"].lower().replace("ё", "е") == subject.lower().replace("ё", "е") and e.get("grade") in (None, grade)]
        if not entries:
            continue
        entry = next((e for e in entries if e.get("grade") is not None), entries[0])
        shares = np.array([float(entry["marks"].get(m, 0)) for m in range(2, 6)])
        shares = shares / shares.sum()
        counts = [int((g["external"] == m).sum()) for m in range(2, 6)]
        expected = len(g) * shares
        test = stats.chisquare(counts, f_exp=expected)
        regional.append(((procedure, subject, grade), {"n": len(g), "chiSquare": test.statistic, "chiSquareP": test.pvalue,
                                                      "minExpected": expected.min(), "regionShares": list(shares), "counts": counts}))
    if len(regional) != len(figures.get("regional", [])):
        problems.append(f"regional: reference {len(regional)}, figures.json {len(figures.get('regional', []))}")
    for (procedure, subject, grade), expected in regional:
        actual = next((r for r in figures.get("regional", []) if r["procedure"] == procedure and r["subject"] == subject and r["grade"] == grade), {})
        for key in ["regionShares"]:
            if not np.allclose(actual.get(key, [0] * 4), expected.pop(key), rtol=TOLERANCE, atol=TOLERANCE):
                problems.append(f"regional {subject} {grade}: {key}")
        compare(f"regional {procedure}/{subject}/{grade}", expected, actual, problems)
    # Each class against its grade's regional distribution.
    regional_classes = 0
    for (procedure, subject, grade, class_name), g in frame.groupby(["procedure", "subject", "grade", "class"], sort=False):
        entries = [e for e in definition.get("region", []) if e["procedure"] == procedure
                   and e["subject"].lower().replace("ё", "е") == subject.lower().replace("ё", "е") and e.get("grade") in (None, grade)]
        if not entries:
            continue
        entry = next((e for e in entries if e.get("grade") is not None), entries[0])
        shares = np.array([float(entry["marks"].get(m, 0)) for m in range(2, 6)])
        shares = shares / shares.sum()
        counts = [int((g["external"] == m).sum()) for m in range(2, 6)]
        expected = len(g) * shares
        test = stats.chisquare(counts, f_exp=expected)
        actual = next((r for r in figures.get("regionalClasses", []) if r["procedure"] == procedure and r["subject"] == subject
                       and r["className"] == class_name), {})
        compare(f"regional class {subject}/{class_name}", {"n": len(g), "chiSquare": test.statistic, "chiSquareP": test.pvalue,
                                                          "minExpected": expected.min(), "counts": counts}, actual, problems)
        regional_classes += 1
    if regional_classes != len(figures.get("regionalClasses", [])):
        problems.append(f"regionalClasses: reference {regional_classes}, figures.json {len(figures.get('regionalClasses', []))}")
    # The school's mean primary score against the region's mean: one-sample t-test.
    means = 0
    for (procedure, subject, grade), g in frame[frame["score"].notna()].groupby(["procedure", "subject", "grade"], sort=False):
        entries = [e for e in definition.get("region_means", []) if e["procedure"] == procedure
                   and e["subject"].lower().replace("ё", "е") == subject.lower().replace("ё", "е") and e.get("grade") in (None, grade)]
        if not entries:
            continue
        entry = next((e for e in entries if e.get("grade") is not None), entries[0])
        mu = float(entry["mean"])
        scores = g["score"].to_numpy(float)
        expected = {"n": len(scores), "mean": scores.mean(), "regionMean": mu, "difference": scores.mean() - mu,
                    "above": int((scores > mu).sum())}
        if len(scores) >= 2 and scores.std() > 0:
            t = stats.ttest_1samp(scores, mu)
            ci = t.confidence_interval(0.95)
            expected.update(t=t.statistic, df=float(t.df), p=t.pvalue, meanCiLow=ci.low, meanCiHigh=ci.high)
        actual = next((r for r in figures.get("regionalMeans", []) if r["procedure"] == procedure and r["subject"] == subject
                       and r["grade"] == grade), {})
        compare(f"region mean {subject}/{grade}", expected, actual, problems)
        means += 1
    if means != len(figures.get("regionalMeans", [])):
        problems.append(f"regionalMeans: reference {means}, figures.json {len(figures.get('regionalMeans', []))}")
    # Teacher groups and their suppression.
    teachers_checked, hidden_expected = 0, []
    minimum = definition.get("thresholds", {}).get("min_teacher_group", 5)

    def natural(code):
        return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", code)]

    if "teacher" in frame:
        for (procedure, subject), part in frame.groupby(["procedure", "subject"], sort=False):
            groups = sorted(((t, g) for t, g in part.groupby("teacher")), key=lambda item: natural(item[0]))
            if len(groups) < 2:
                continue
            small = [item for item in groups if len(item[1]) < minimum]
            large = [item for item in groups if len(item[1]) >= minimum]
            # Cells class × teacher; published sums: each class and each shown teacher. A set of hidden
            # groups with fewer than the minimum together is disclosed when its cells are in their span
            # (numpy.linalg.matrix_rank does not grow when the set's vector is added).
            cells = sorted({(c, t) for c, t in zip(part["class"], part["teacher"])})

            def vector(keep):
                return np.array([1.0 if keep(c, t) else 0.0 for c, t in cells])

            def disclosed(small, large):
                basis = [vector(lambda c, t, k=k: c == k) for k in sorted(set(part["class"]))]
                basis += [vector(lambda c, t, k=k: t == k) for k, _ in large]
                rank = np.linalg.matrix_rank(np.array(basis))
                candidates = [(t, len(g)) for t, g in small if len(g) < minimum]
                for size in range(1, minimum):
                    for chosen in itertools.combinations(candidates, size):
                        if sum(n for _, n in chosen) >= minimum:
                            continue
                        names = {t for t, _ in chosen}
                        if np.linalg.matrix_rank(np.array(basis + [vector(lambda c, t: t in names)])) == rank:
                            return True
                return False

            while small and large and disclosed(small, large):
                # The smallest shown group whose hiding ends the disclosure, else the smallest.
                candidates = sorted(range(len(large)), key=lambda i: (len(large[i][1]), -i))
                index = next((i for i in candidates
                              if not disclosed(small + [large[i]], large[:i] + large[i + 1:])), candidates[0])
                small.append(large.pop(index))
            hidden_expected += [(procedure, subject, t) for t, _ in sorted(small, key=lambda item: natural(item[0]))]
            for teacher, g in large:
                actual = next((x for x in figures.get("teachers", []) if x["procedure"] == procedure and x["subject"] == subject
                               and x["teacher"] == teacher), {})
                expected = group_figures(g)
                compare(f"{procedure}/{subject}/teacher {teacher}", expected, actual, problems)
                thresholds = definition.get("thresholds", {})
                flags = []
                if len(g) >= thresholds.get("min_students", 5):
                    if expected["lowered"]["share"] > thresholds.get("lowered", 0.25):
                        flags.append("lowered")
                    if expected["lowered"]["share"] + expected["raised"]["share"] > thresholds.get("mismatch", 0.5):
                        flags.append("mismatch")
                if flags != actual.get("flags"):
                    problems.append(f"teacher {teacher}.flags: reference {flags}, figures.json {actual.get('flags')}")
                teachers_checked += 1
    hidden_actual = [(h["procedure"], h["subject"], h["teacher"]) for h in figures.get("hiddenTeachers", [])]
    if hidden_actual != hidden_expected:
        problems.append(f"hiddenTeachers: reference {hidden_expected}, figures.json {hidden_actual}")
    if teachers_checked != len(figures.get("teachers", [])):
        problems.append(f"teachers: reference {teachers_checked}, figures.json {len(figures.get('teachers', []))}")
    for shown in figures.get("teachers", []):
        if shown["n"] < minimum:
            problems.append(f"teacher group {shown['teacher']} of {shown['n']} students is shown (minimum {minimum})")
    checked += teachers_checked + regional_classes + means
    if len(figures["classes"]) + len(figures["subjects"]) + 1 + teachers_checked + regional_classes + means != checked:
        problems.append(f"groups: reference {checked}, figures.json {len(figures['classes']) + len(figures['subjects']) + 1}")
    if indicators_path:
        checked += check_non_survey(indicators_path, figures, problems)
    for problem in problems:
        print("MISMATCH", problem)
    print(f"{checked} groups, {len(frame)} rows, {rejected} rejected: " + ("all figures agree" if not problems else f"{len(problems)} mismatches"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
