#!/usr/bin/env python3
"""The figures of `anketa report … --by level` computed with polars, then checked against Anketa's JSON.

    python3 bench/reference_polars.py Questionnaires/parents-satisfaction.yaml answers.csv figures.json

See reference_common.py for the figures compared. Exits non-zero when any differs.
"""

import sys

import numpy as np
import polars as pl
from scipy import stats

from reference_common import Definition, UNSPECIFIED, check, level_of, norm
from reference_pandas import split_choices

BLANK, NO_ANSWER = -2, -1


def main(definition_path, csv_path, figures_path):
    d = Definition(definition_path)
    df = pl.read_csv(csv_path, infer_schema=False).fill_null("")
    n = df.height
    out = {"respondents": n, "questions": {}, "indicators": {}, "levels": {}, "kw": {}}
    idx_columns = {}
    scales = {}
    for q in d.questions:
        col = df.get_column(d.header(q))
        counts = col.value_counts()
        values, freq = counts.get_column(col.name).to_list(), counts.get_column("count").to_list()
        if q["type"] in ("short_text", "long_text"):
            valid = sum(c for v, c in zip(values, freq) if v.strip())
            out["questions"][q["id"]] = {"valid": valid, "noAnswer": 0, "blank": n - valid}
            continue
        scale = d.scale(q)
        if q["type"] == "multiple":
            labels = [norm(o["label"]) for o in scale["options"]]
            options = [0] * len(labels)
            valid = 0
            for v, c in zip(values, freq):
                if not v.strip():
                    continue
                for i in split_choices(v, labels):
                    options[i] += c
                valid += c
            out["questions"][q["id"]] = {"valid": valid, "noAnswer": 0, "blank": n - valid, "options": options}
            continue
        table = d.codes(q)
        mapping = {v: (BLANK if not v.strip() else table[norm(v)]) for v in values}
        idx_columns[q["id"]] = col.replace_strict(mapping, return_dtype=pl.Int8)
        scales[q["id"]] = (q, scale)
    codes = pl.DataFrame(list(idx_columns.values()))
    codes.columns = list(idx_columns.keys())

    # Per question: counts, and the moments, median and positive share of the scores, in one select.
    exprs = []
    for qid, (q, scale) in scales.items():
        raw = [float(o["score"]) for o in scale["options"]]
        positive = [i for i, o in enumerate(scale["options"]) if o.get("positive")]
        c = pl.col(qid)
        score = c.replace_strict(list(range(len(raw))), raw, default=None, return_dtype=pl.Float64)
        exprs += [(c >= 0).sum().alias(f"{qid}|valid"), (c == NO_ANSWER).sum().alias(f"{qid}|noAnswer"),
                  (c == BLANK).sum().alias(f"{qid}|blank"),
                  score.mean().alias(f"{qid}|mean"), score.std(ddof=1).alias(f"{qid}|standardDeviation"),
                  score.median().alias(f"{qid}|median"), c.is_in(positive).sum().alias(f"{qid}|positiveCount")]
        exprs += [(c == i).sum().alias(f"{qid}|option{i}") for i in range(len(raw))]
    row = codes.select(exprs).row(0, named=True)
    for qid, (q, scale) in scales.items():
        f = {key: row[f"{qid}|{key}"] for key in ("valid", "noAnswer", "blank", "mean", "standardDeviation", "median", "positiveCount")}
        f["options"] = [row[f"{qid}|option{i}"] for i in range(len(scale["options"]))]
        if f["valid"]:
            f["positivePercent"] = f["positiveCount"] / f["valid"] * 100
        out["questions"][qid] = f

    class_col = df.get_column(next(d.header(q) for q in d.questions if q["id"] == "class"))
    uniques = class_col.unique().to_list()
    level = class_col.replace_strict({u: (UNSPECIFIED if not u.strip() else level_of(u)) for u in uniques}, return_dtype=pl.String)
    codes = codes.with_columns(level.alias("level"))

    # Per indicator: weighted positive (P) and answered (W) per respondent, the keyed item scores.
    cols = []
    for ind in d.indicators:
        iid = ind["id"]
        p_terms, w_terms, items, complete = [], [], [], []
        for qid, weight in ind["items"]:
            q, scale = scales[qid]
            raw = [float(o["score"]) for o in scale["options"]]
            keyed = [min(raw) + max(raw) - s for s in raw] if q.get("reverse") else raw
            positive = [i for i, o in enumerate(scale["options"]) if o.get("positive")]
            c = pl.col(qid)
            w_terms.append(pl.when(c >= 0).then(weight).otherwise(0.0))
            p_terms.append(pl.when(c.is_in(positive)).then(weight).otherwise(0.0))
            items.append(c.replace_strict(list(range(len(raw))), keyed, default=None, return_dtype=pl.Float64).alias(f"{iid}|item|{qid}"))
            complete.append(c >= 0)
        cols += [pl.sum_horizontal(p_terms).alias(f"{iid}|P"), pl.sum_horizontal(w_terms).alias(f"{iid}|W"),
                 pl.all_horizontal(complete).alias(f"{iid}|complete")] + items
    wide = codes.with_columns(cols).with_columns(
        [(100 * pl.col(f"{i['id']}|P") / pl.col(f"{i['id']}|W")).alias(f"{i['id']}|score") for i in d.indicators])

    figures_all = {}
    for ind in d.indicators:
        iid = ind["id"]
        item_cols = [f"{iid}|item|{qid}" for qid, _ in ind["items"]]
        k = len(item_cols)
        summary = wide.select(
            (pl.col(f"{iid}|P").sum() / pl.col(f"{iid}|W").sum() * 100).alias("figure"),
            (pl.col(f"{iid}|W") > 0).sum().alias("n"),
            pl.col(f"{iid}|score").filter(pl.col(f"{iid}|W") > 0).mean().alias("mean"),
            pl.col(f"{iid}|score").filter(pl.col(f"{iid}|W") > 0).std(ddof=1).alias("sd"),
            pl.col(f"{iid}|complete").sum().alias("alphaN"),
            pl.sum_horizontal([pl.col(c).filter(pl.col(f"{iid}|complete")).var(ddof=1) for c in item_cols]).alias("itemVar"),
            pl.sum_horizontal(item_cols).filter(pl.col(f"{iid}|complete")).var(ddof=1).alias("totalVar"),
        ).row(0, named=True)
        alpha = k / (k - 1) * (1 - summary["itemVar"] / summary["totalVar"])
        figures_all[iid] = summary["figure"]
        out["indicators"][iid] = {"figure": summary["figure"], "n": summary["n"], "mean": summary["mean"], "sd": summary["sd"],
                                  "alpha": alpha, "alphaN": summary["alphaN"]}
    out["overall"] = sum(figures_all[i] for i in d.overall) / len(d.overall)

    by_level = wide.group_by("level").agg(
        [pl.len().alias("respondents")]
        + [(pl.col(f"{i['id']}|P").sum() / pl.col(f"{i['id']}|W").sum() * 100).alias(i["id"]) for i in d.indicators])
    for r in by_level.iter_rows(named=True):
        out["levels"][r["level"]] = {"respondents": r["respondents"], "figures": {i["id"]: r[i["id"]] for i in d.indicators}}
    tested = wide.filter(pl.col("level") != UNSPECIFIED)
    for ind in d.indicators:
        iid = ind["id"]
        rounded = tested.filter(pl.col(f"{iid}|W") > 0).select(
            "level", ((pl.col(f"{iid}|score") * 1e9).round() / 1e9).alias("s"))
        samples = [g.get_column("s").to_numpy() for _, g in rounded.group_by("level")]
        h, p = stats.kruskal(*samples)
        out["kw"][iid] = (float(h), float(p))
    check(out, figures_path, "polars")


if __name__ == "__main__":
    main(*sys.argv[1:4])
