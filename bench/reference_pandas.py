#!/usr/bin/env python3
"""The figures of `anketa report … --by level` computed with pandas, then checked against Anketa's JSON.

    python3 bench/reference_pandas.py Questionnaires/parents-satisfaction.yaml answers.csv figures.json

See reference_common.py for the figures compared. Exits non-zero when any differs.
"""

import sys

import numpy as np
import pandas as pd
from scipy import stats

from reference_common import Definition, UNSPECIFIED, check, level_of, norm

BLANK, NO_ANSWER = -2, -1


def split_choices(cell, labels):
    """A checkbox cell → chosen option indices, matching known labels longest first (labels hold commas)."""
    rest, chosen = norm(cell), set()
    order = sorted(range(len(labels)), key=lambda i: -len(labels[i]))
    while rest:
        for i in order:
            if rest.startswith(labels[i]):
                chosen.add(i)
                rest = rest[len(labels[i]):].lstrip(",; .")
                break
        else:
            raise ValueError(f"unknown choice in {cell!r}")
    return chosen


def main(definition_path, csv_path, figures_path):
    d = Definition(definition_path)
    df = pd.read_csv(csv_path, dtype=str, keep_default_na=False, na_filter=False)
    n = len(df)
    out = {"respondents": n, "questions": {}, "indicators": {}, "levels": {}, "kw": {}}
    codes = {}
    for q in d.questions:
        col = df[d.header(q)]
        counts = col.value_counts()
        blank_mask = counts.index.str.strip() == ""
        if q["type"] in ("short_text", "long_text"):
            valid = int(counts[~blank_mask].sum())
            out["questions"][q["id"]] = {"valid": valid, "noAnswer": 0, "blank": n - valid}
            continue
        scale = d.scale(q)
        if q["type"] == "multiple":
            labels = [norm(o["label"]) for o in scale["options"]]
            options = np.zeros(len(labels), dtype=np.int64)
            valid = 0
            for cell, count in counts[~blank_mask].items():
                for i in split_choices(cell, labels):
                    options[i] += count
                valid += count
            out["questions"][q["id"]] = {"valid": int(valid), "noAnswer": 0, "blank": n - int(valid), "options": options.tolist()}
            continue
        table = d.codes(q)
        mapping = {u: (BLANK if u.strip() == "" else table[norm(u)]) for u in counts.index}
        idx = col.map(mapping).to_numpy(dtype=np.int64)
        codes[q["id"]] = idx
        k = len(scale["options"])
        option_counts = np.bincount(idx[idx >= 0], minlength=k)
        figures = {"valid": int((idx >= 0).sum()), "noAnswer": int((idx == NO_ANSWER).sum()),
                   "blank": int((idx == BLANK).sum()), "options": option_counts.tolist()}
        raw = np.array([float(o.get("score", np.nan)) for o in scale["options"]])
        positive = np.array([bool(o.get("positive", False)) for o in scale["options"]])
        answered = idx >= 0
        scores = raw[idx[answered]]
        if len(scores):
            figures["mean"] = float(scores.mean())
            figures["standardDeviation"] = float(scores.std(ddof=1)) if len(scores) > 1 else None
            figures["median"] = float(np.median(scores))
            pos = int(positive[idx[answered]].sum())
            figures["positiveCount"] = pos
            figures["positivePercent"] = pos / len(scores) * 100
        out["questions"][q["id"]] = figures

    level = df[next(d.header(q) for q in d.questions if q["id"] == "class")]
    level_map = {u: (UNSPECIFIED if u.strip() == "" else level_of(u)) for u in level.unique()}
    levels = level.map(level_map).to_numpy()
    keys = pd.unique(levels)

    figures_all = {}
    group_p = {key: {} for key in keys}
    for ind in d.indicators:
        P = np.zeros(n)
        W = np.zeros(n)
        items = []
        complete = np.ones(n, dtype=bool)
        for qid, weight in ind["items"]:
            q = next(q for q in d.questions if q["id"] == qid)
            scale = d.scale(q)
            idx = codes[qid]
            raw = np.array([float(o["score"]) for o in scale["options"]])
            keyed = raw.min() + raw.max() - raw if q.get("reverse") else raw
            positive = np.array([bool(o.get("positive", False)) for o in scale["options"]])
            answered = idx >= 0
            safe = np.where(answered, idx, 0)
            W += np.where(answered, weight, 0.0)
            P += np.where(answered & positive[safe], weight, 0.0)
            items.append(np.where(answered, keyed[safe], np.nan))
            complete &= answered
        scored = W > 0
        scores = 100 * P[scored] / W[scored]
        figure = P.sum() / W.sum() * 100
        figures_all[ind["id"]] = figure
        matrix = np.column_stack(items)[complete]
        k = matrix.shape[1]
        alpha = k / (k - 1) * (1 - matrix.var(axis=0, ddof=1).sum() / matrix.sum(axis=1).var(ddof=1))
        out["indicators"][ind["id"]] = {"figure": figure, "n": int(scored.sum()), "mean": float(scores.mean()),
                                        "sd": float(scores.std(ddof=1)), "alpha": float(alpha), "alphaN": int(complete.sum())}
        samples = []
        for key in keys:
            mask = levels == key
            group_p[key][ind["id"]] = P[mask].sum() / W[mask].sum() * 100 if W[mask].sum() > 0 else None
            if key != UNSPECIFIED:
                sample = np.round(100 * P[mask & scored] / W[mask & scored] * 1e9) / 1e9
                if len(sample):
                    samples.append(sample)
        h, p = stats.kruskal(*samples)
        out["kw"][ind["id"]] = (float(h), float(p))
    out["overall"] = sum(figures_all[i] for i in d.overall) / len(d.overall)
    for key in keys:
        out["levels"][key] = {"respondents": int((levels == key).sum()), "figures": group_p[key]}
    check(out, figures_path, "pandas")


if __name__ == "__main__":
    main(*sys.argv[1:4])
