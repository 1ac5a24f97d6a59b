#!/usr/bin/env python3
"""Deterministic benchmark input: N responses to Questionnaires/parents-satisfaction.yaml in Google Forms shape.

    python3 bench/generate.py 100000 /tmp/parents-100k.csv [--seed 1]

Reuses the model of Samples/generate.py (make_parents: blanks, «Затрудняюсь ответить», checkbox cells
with labels joined by ", ", classes typed freely, multi-line quoted suggestions), so a benchmark row looks
like a sample row. Rows are made in blocks of 10 000 with seeds derived from --seed, so the output is the
same on every machine and memory stays small at 1 000 000 rows. Every fifth suggestion is made
multi-line (a quoted cell with a line break), as parents paste them from messengers.
"""

import argparse
import csv
import datetime
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Samples"))
import generate as samples  # noqa: E402

BLOCK = 10_000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int)
    parser.add_argument("output")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    start = datetime.datetime(2026, 4, 6)
    with open(args.output, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=",", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        header = None
        made = 0
        block = 0
        while made < args.rows:
            n = min(BLOCK, args.rows - made)
            samples.SEED = f"bench-{args.seed}-{block}"
            header_, rows = samples.make_parents(2026, n, start)
            if header is None:
                header = header_
                writer.writerow(header)
            suggestions = header.index(samples.H_SUGGESTIONS)
            rng = random.Random(f"bench-{args.seed}-{block}-lines")
            for row in rows:
                if row[suggestions] and rng.random() < 0.2:
                    row[suggestions] = row[suggestions] + "\nСпасибо учителям!"
            writer.writerows(rows)
            made += n
            block += 1


if __name__ == "__main__":
    main()
