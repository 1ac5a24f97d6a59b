#!/usr/bin/env python3
"""Side-by-side benchmark of `anketa report` and `anketa ingest` against pandas, polars and the libcsv floor.

Run through bench/compare.sh (which builds what is needed). Every command runs RUNS times under
/usr/bin/time; the table shows the median CPU time (user + sys), the median wall time and the median peak
RSS, and each row's CPU ratio to pandas, polars and the floor. The pandas and polars scripts check every
figure they compute against Anketa's figures.json and the run fails if any differs.
"""

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFINITION = os.path.join(ROOT, "Questionnaires", "parents-satisfaction.yaml")


def timed(argv, env=None):
    """Runs argv under GNU time; returns (cpu seconds, wall seconds, peak KiB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        proc = subprocess.run(["/usr/bin/time", "-o", t.name, "-f", "%U %S %e %M"] + argv, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            sys.exit(f"failed ({proc.returncode}): {' '.join(argv)}\n{proc.stderr[-3000:]}")
        user, sys_, wall, rss = t.read().split()[-4:]
    return float(user) + float(sys_), float(wall), int(rss)


def median_of(runs, argv, before=None):
    samples = []
    for _ in range(runs):
        if before:
            before()
        samples.append(timed(argv))
    return tuple(statistics.median(s[i] for s in samples) for i in range(3))


def machine():
    cores = os.cpu_count()
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            model = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            mem = f"{int(f.readline().split()[1]) // (1024 * 1024)} GiB"
    except OSError:
        pass
    return f"{cores} cores, {model}, {mem}, {platform.system()} {platform.release()}"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=100_000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--ingest-runs", type=int, default=None, help="runs of the ingest (default: --runs)")
    p.add_argument("--bin", required=True)
    p.add_argument("--floor", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--skip", default="", help="comma-separated: pandas,polars,ingest,all")
    p.add_argument("--name", default=None, help="results file name (default <date>-<machine>-<rows>k.md)")
    args = p.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    os.makedirs(args.work, exist_ok=True)
    csv = os.path.join(args.work, f"parents-{args.rows}.csv")
    if not os.path.exists(csv):
        print(f"generating {args.rows} rows → {csv}", file=sys.stderr)
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), str(args.rows), csv + ".part"], check=True)
        os.replace(csv + ".part", csv)
    size = os.path.getsize(csv)
    rows = []  # (label, cpu, wall, rss)

    def run(label, argv, before=None, runs=None):
        runs = runs or args.runs
        print(f"{label} ×{runs}…", file=sys.stderr)
        cpu, wall, rss = median_of(runs, argv, before)
        rows.append((label, cpu, wall, rss))
        return cpu, wall, rss

    out_json = os.path.join(args.work, "report-json")
    out_all = os.path.join(args.work, "report-all")
    run("libcsv parse only (C, the floor)", [args.floor, csv])
    run("`anketa report --by level --format json`", [args.bin, "report", DEFINITION, csv, "--by", "level", "--format", "json", "-o", out_json])
    if "all" not in skip:
        run("`anketa report --by level` (all formats)", [args.bin, "report", DEFINITION, csv, "--by", "level", "-o", out_all])
    figures = os.path.join(out_json, "figures.json")
    for engine in ("pandas", "polars"):
        if engine not in skip:
            run(f"{engine} reference (same figures, checked equal)",
                [sys.executable, os.path.join(HERE, f"reference_{engine}.py"), DEFINITION, csv, figures])
    ingest = None
    if "ingest" not in skip:
        db = os.path.join(args.work, "ingest.sqlite")

        def fresh():
            for suffix in ("", "-wal", "-shm", "-journal"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
        ingest = run("`anketa ingest` into SQLite", [args.bin, "ingest", DEFINITION, csv, "--wave", "bench", "--db", db], before=fresh,
                     runs=args.ingest_runs)

    by = {label: cpu for label, cpu, _, _ in rows}
    floor = rows[0][1]
    pandas_cpu = next((c for l, c, _, _ in rows if l.startswith("pandas")), None)
    polars_cpu = next((c for l, c, _, _ in rows if l.startswith("polars")), None)

    def ratio(a, b):
        return f"{a / b:.2f}×" if b else "—"

    lines = [f"# Benchmark {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC", "",
             f"- machine: {machine()}",
             f"- input: {args.rows:,} rows of parents-satisfaction (bench/generate.py, seed 1), {size / 1e6:.0f} MB",
             f"- binary: {args.bin}; median of {args.runs} runs (ingest: {args.ingest_runs or args.runs}); CPU = user + sys (GNU time)", "",
             "| what | CPU s | wall s | peak RSS | CPU vs pandas | vs polars | vs floor |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for label, cpu, wall, rss in rows:
        lines.append(f"| {label} | {cpu:.2f} | {wall:.2f} | {rss / 1024:.0f} MB | {ratio(cpu, pandas_cpu)} | {ratio(cpu, polars_cpu)} | {ratio(cpu, floor)} |")
    if ingest:
        lines += ["", f"Ingest: {args.rows / ingest[1]:,.0f} rows/s (wall), {args.rows / ingest[0]:,.0f} rows/s (CPU)."]
    j = by.get("`anketa report --by level --format json`")
    a = by.get("`anketa report --by level` (all formats)")
    if j and a:
        lines.append(f"HTML/DOCX/Markdown/CSV on top of JSON only: +{(a / j - 1) * 100:.1f} % CPU.")
    text = "\n".join(lines) + "\n"
    print(text)
    results = os.path.join(HERE, "results")
    os.makedirs(results, exist_ok=True)
    name = args.name or f"{datetime.date.today():%Y-%m-%d}-{platform.node() or 'machine'}-{args.rows // 1000}k.md"
    with open(os.path.join(results, name), "w") as f:
        f.write(text)
    print(f"written to bench/results/{name}", file=sys.stderr)


if __name__ == "__main__":
    main()
