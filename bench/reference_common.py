"""Shared parts of the pandas and polars reference scripts: the questionnaire read from its YAML, the
answer normalisation, the class → level rule, and the check against Anketa's figures.json.

The figures compared (exactly for counts, to a relative 1e-9 for the rest):
- per question: valid, «затрудняюсь», blank, option counts; for scored single-choice questions the
  mean, standard deviation (n − 1), median (type 7) of the scores, positive count and percent;
- per indicator (positive share): the figure (pooled weighted share), respondents scored, mean and SD
  of respondents' scores, Cronbach's α (complete cases, keyed scores) and its n; the overall index;
- by level (НОО / ООО / СОО / «не указано»): respondents and every indicator's figure;
- Kruskal–Wallis across the levels (scores rounded to 1e-9, «не указано» left out): H and p.
"""

import json
import math
import re
import sys

import yaml

UNSPECIFIED = "не указано"
LEVEL_RE = re.compile(r"^\s*(?:(?:класс|кл)[\s.]*)?(\d+)", re.IGNORECASE)


def norm(text):
    """Answer text as Anketa's TextKey compares it (enough for the generated files: case, «ё», spaces)."""
    return " ".join(text.replace("ё", "е").replace("Ё", "Е").lower().split()).rstrip(".,:;!?*…")


def level_of(text):
    m = LEVEL_RE.match(text)
    if not m:
        return UNSPECIFIED
    n = int(m.group(1))
    if 1 <= n <= 4:
        return "НОО"
    if 5 <= n <= 9:
        return "ООО"
    if 10 <= n <= 11:
        return "СОО"
    return UNSPECIFIED


class Definition:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            d = yaml.safe_load(f)
        self.scales = d["scales"]
        self.questions = d["questions"]
        self.indicators = []
        for ind in d["indicators"]:
            items = []
            for item in ind["questions"]:
                if isinstance(item, dict):
                    items.append((item["id"], float(item.get("weight", 1))))
                else:
                    items.append((item, 1.0))
            self.indicators.append({"id": ind["id"], "method": ind["method"], "items": items})
        self.overall = d.get("overall", {}).get("indicators", [])

    def header(self, q):
        return f"{q['grid']} [{q['text']}]" if q.get("grid") else q["text"]

    def scale(self, q):
        return self.scales[q["scale"]] if q.get("scale") else None

    def codes(self, q):
        """Normalised text → option index (−1 for «no answer»), from labels, aliases and codes."""
        scale = self.scale(q)
        table = {}
        for i, o in enumerate(scale["options"]):
            for t in [o["label"]] + list(o.get("aliases", [])):
                table.setdefault(norm(str(t)), i)
        for t in scale.get("no_answer", []):
            table.setdefault(norm(t), -1)
        for i, o in enumerate(scale["options"]):
            table.setdefault(norm(str(o["code"])), i)
        return table


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def check(computed, figures_path, engine):
    """Compares the reference's figures with Anketa's; exits non-zero on any difference."""
    with open(figures_path, encoding="utf-8") as f:
        result = json.load(f)["result"]
    problems = []

    def expect(what, ours, theirs, exact=False):
        ok = ours == theirs if exact else close(ours, theirs)
        if not ok:
            problems.append(f"{what}: {engine} {ours!r}, anketa {theirs!r}")

    expect("respondents", computed["respondents"], result["respondents"], exact=True)
    for q in result["questions"]:
        c = computed["questions"][q["id"]]
        for key in ("valid", "noAnswer", "blank"):
            expect(f"{q['id']}.{key}", c[key], q[key], exact=True)
        if "options" in c:
            expect(f"{q['id']}.options", c["options"], [o["count"] for o in q["options"]], exact=True)
        for key in ("mean", "standardDeviation", "median", "positivePercent"):
            if key in c:
                expect(f"{q['id']}.{key}", c[key], q.get(key))
        if "positiveCount" in c:
            expect(f"{q['id']}.positiveCount", c["positiveCount"], q.get("positiveCount"), exact=True)
    for ind in result["indicators"]:
        c = computed["indicators"][ind["id"]]
        expect(f"{ind['id']}.figure", c["figure"], ind["figure"])
        expect(f"{ind['id']}.respondentsScored", c["n"], ind["respondentsScored"], exact=True)
        expect(f"{ind['id']}.scores.mean", c["mean"], ind["scores"]["mean"])
        expect(f"{ind['id']}.scores.sd", c["sd"], ind["scores"]["standardDeviation"])
        expect(f"{ind['id']}.alpha", c["alpha"], ind["reliability"].get("alpha"))
        expect(f"{ind['id']}.alpha.n", c["alphaN"], ind["reliability"]["n"], exact=True)
    expect("overall", computed["overall"], result["overall"]["figure"])
    levels = next(b for b in result["breakdowns"] if b["grouping"] == "level")
    for g in levels["groups"]:
        c = computed["levels"].get(g["key"])
        if c is None:
            problems.append(f"level {g['key']}: missing in {engine}")
            continue
        expect(f"level {g['key']}.respondents", c["respondents"], g["respondents"], exact=True)
        for ind in g["indicators"]:
            expect(f"level {g['key']}.{ind['id']}", c["figures"][ind["id"]], ind.get("figure"))
    for t in levels["tests"]:
        h, p = computed["kw"][t["indicator"]]
        expect(f"kruskal {t['indicator']}.H", h, t["statistic"])
        expect(f"kruskal {t['indicator']}.p", p, t["p"])
    if len(levels["tests"]) != len(computed["kw"]):
        problems.append(f"kruskal: {len(computed['kw'])} tests in {engine}, {len(levels['tests'])} in anketa")
    if problems:
        print(f"{engine}: {len(problems)} figure(s) differ from Anketa's:", file=sys.stderr)
        for p in problems[:30]:
            print("  " + p, file=sys.stderr)
        sys.exit(1)
    print(f"{engine}: all figures equal Anketa's ({figures_path})", file=sys.stderr)
