#!/usr/bin/env python3
"""make check-speed: instruction counts of actplot's everyday jobs against committed budgets.

Counts come from valgrind's callgrind. Unlike wall-clock times, they repeat exactly for the same
binary, inputs and environment, whatever else the machine is doing, so CI can hold them to a
budget on a loaded machine. A job fails when it takes more than 10 % over its budget
(Benchmarks/speed-budgets.tsv). Lowering a budget is free; raising one needs a commit that says
why.

Usage:
  python3 Scripts/check-speed.py                      check every job against its budget
  python3 Scripts/check-speed.py --write              run the jobs and write their counts as budgets
  python3 Scripts/check-speed.py JOB...               only these jobs
  python3 Scripts/check-speed.py --json FILE          also write the counts to FILE
  python3 Scripts/check-speed.py --compare A B        a table of two such files

The binaries are .build/release/actplot and KernelBenchmarks from `make release CPU=haswell`
(valgrind cannot run AVX-512 code; the budgets are that build's). Every job runs with a fixed
environment (LANG=C.UTF-8, COLUMNS=80, LINES=24, no colour) and its output going to a scratch
folder or /dev/null.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUDGETS = os.path.join(ROOT, "Benchmarks", "speed-budgets.tsv")
RELEASE = os.path.join(ROOT, ".build", "release")
SCRATCH = tempfile.mkdtemp(prefix="actplot-speed-")
POINTS = os.path.join(SCRATCH, "points.txt")
TOLERANCE = 0.10

# The kernels the fast paths serve, f and f′ over 10^5 points in [−8, 8].
KERNELS = [
    "sigmoid", "tanh", "silu", "softplus", "mish", "log_sigmoid", "elu", "selu", "celu",
    "gelu", "gelu:approximate=tanh", "gelu:approximate=sigmoid", "softmax", "x*sigmoid(1.702*x)",
]


def jobs():
    """name: (program, arguments, stdin file or None)."""
    actplot = os.path.join(RELEASE, "actplot")
    out = lambda name: os.path.join(SCRATCH, name)
    table = {
        "version": (actplot, ["--version"], None),
        "chart": (actplot, ["gelu", "--width", "80", "--height", "24"], None),
        "chart-three": (actplot, ["gelu", "silu", "mish", "--width", "100", "--height", "30"], None),
        "png": (actplot, ["gelu", "-o", out("plot.png")], None),
        "svg": (actplot, ["gelu", "-o", out("plot.svg")], None),
        "csv": (actplot, ["gelu", "--samples", "100000", "-o", out("plot.csv")], None),
        "csv-bf16": (actplot, ["gelu", "--dtype", "bf16", "--samples", "20000", "-o", out("b.csv")], None),
        "eval": (actplot, ["eval", "gelu", "-1", "0", "1"], None),
        "eval-stdin": (actplot, ["eval", "gelu", "-", "--format", "csv"], POINTS),
        "eval-bf16": (actplot, ["eval", "gelu", "--dtype", "bf16", "-8", "-1", "0", "3"], None),
        "info": (actplot, ["info", "gelu"], None),
        "list": (actplot, ["list"], None),
        "compare": (actplot, ["compare", "gelu", "silu", "--width", "80", "--height", "24"], None),
        "stats": (actplot, ["stats", "gelu"], None),
        "survey-bf16": (actplot, ["precision", "sigmoid", "--dtype", "bf16", "--arith", "exact"], None),
    }
    kernels = os.path.join(RELEASE, "KernelBenchmarks")
    for spec in KERNELS:
        table["kernel " + spec] = (kernels, ["--once", "100000", spec], None)
    return table


def count(program, arguments, stdin):
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "COLUMNS": "80",
        "LINES": "24", "NO_COLOR": "1", "TERM": "dumb", "HOME": SCRATCH,
    }
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", program, *arguments]
    with open(stdin or os.devnull, "rb") as source:
        result = subprocess.run(
            command, stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environment)
    found = re.search(r"Collected : (\d+)", result.stderr.decode(errors="replace"))
    if not found or result.returncode != 0:
        sys.exit(f"check-speed: {' '.join(arguments)} failed:\n{result.stderr.decode(errors='replace')[-2000:]}")
    return int(found.group(1))


def read_budgets():
    budgets = {}
    if os.path.exists(BUDGETS):
        with open(BUDGETS) as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    name, value = line.rstrip("\n").split("\t")[:2]
                    budgets[name] = int(value)
    return budgets


def write_budgets(counts):
    with open(BUDGETS, "w") as f:
        f.write("# Instruction budgets of `make check-speed` (Scripts/check-speed.py): callgrind counts of\n")
        f.write("# `make release CPU=haswell` (Swift 6.3.1, Debian 12, x86-64), a job failing at 10 % over.\n")
        f.write("# Lowering a budget is free; raising one needs a commit that says why.\n")
        f.write("# job\tinstructions\n")
        for name, value in counts.items():
            f.write(f"{name}\t{value}\n")


def compare(before_path, after_path):
    with open(before_path) as f:
        before = json.load(f)
    with open(after_path) as f:
        after = json.load(f)
    print("| job | before | after | change |\n|---|---:|---:|---:|")
    for job in before:
        if job in after:
            b, a = before[job], after[job]
            print(f"| {job} | {b:,} | {a:,} | {100 * (a - b) / b:+.1f} % |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="write the counts as the budgets")
    parser.add_argument("--json", help="write the counts to this file as well")
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"))
    parser.add_argument("jobs", nargs="*", help="jobs to run (default: all)")
    options = parser.parse_args()
    if options.compare:
        return compare(*options.compare)
    with open(POINTS, "w") as f:
        f.write("\n".join(repr(-8 + 16 * i / 9999) for i in range(10000)) + "\n")
    table, budgets = jobs(), read_budgets()
    counts, failures = {}, []
    for name in options.jobs or table:
        if name not in table:
            sys.exit(f"check-speed: unknown job '{name}'; the jobs are {', '.join(table)}")
        counts[name] = count(*table[name])
        budget = budgets.get(name)
        verdict = ""
        if budget and not options.write:
            change = (counts[name] - budget) / budget
            verdict = f"{100 * change:+6.1f} %"
            if change > TOLERANCE:
                verdict += "  OVER BUDGET"
                failures.append(name)
        elif not options.write:
            verdict = "  no budget"
            failures.append(name)
        print(f"{name:32} {counts[name]:>15,} {budget or 0:>15,} {verdict}", flush=True)
    if options.json:
        with open(options.json, "w") as f:
            json.dump(counts, f, indent=2)
    if options.write:
        write_budgets({**budgets, **counts})
        print(f"check-speed: wrote {BUDGETS}")
    elif failures:
        sys.exit(f"check-speed: {len(failures)} jobs over their budget by more than 10 %: {', '.join(failures)}")
    else:
        print(f"check-speed: {len(counts)} jobs within 10 % of their budgets")


if __name__ == "__main__":
    main()
