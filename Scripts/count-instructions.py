#!/usr/bin/env python3
"""Instruction counts of actplot's everyday jobs, from valgrind's callgrind.

Counts, unlike wall-clock times, repeat exactly for the same binary, inputs and environment,
whatever else the machine is doing: they compare two builds honestly on a loaded machine.

Usage:
  python3 Scripts/count-instructions.py [--binary PATH] [--json FILE] [JOB...]
  python3 Scripts/count-instructions.py --compare BEFORE.json AFTER.json

The binary defaults to .build/release/actplot (build it with `make release CPU=haswell`:
valgrind cannot run AVX-512 code). Each job runs with a fixed environment (LANG=C.UTF-8,
COLUMNS=80, LINES=24, no colour) and its output going to a scratch folder or /dev/null.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRATCH = tempfile.mkdtemp(prefix="actplot-counts-")
POINTS = os.path.join(SCRATCH, "points.txt")

# name: (arguments, stdin file or None). Outputs that are files go to the scratch folder.
JOBS = {
    "version": (["--version"], None),
    "chart": (["gelu", "--width", "80", "--height", "24"], None),
    "chart-three": (["gelu", "silu", "mish", "--width", "100", "--height", "30"], None),
    "png": (["gelu", "-o", os.path.join(SCRATCH, "plot.png")], None),
    "svg": (["gelu", "-o", os.path.join(SCRATCH, "plot.svg")], None),
    "csv": (["gelu", "--samples", "100000", "-o", os.path.join(SCRATCH, "plot.csv")], None),
    "csv-bf16": (["gelu", "--dtype", "bf16", "--samples", "20000", "-o", os.path.join(SCRATCH, "b.csv")], None),
    "eval": (["eval", "gelu", "-1", "0", "1"], None),
    "eval-stdin": (["eval", "gelu", "-", "--format", "csv"], POINTS),
    "eval-bf16": (["eval", "gelu", "--dtype", "bf16", "-8", "-1", "0", "3"], None),
    "info": (["info", "gelu"], None),
    "list": (["list"], None),
    "compare": (["compare", "gelu", "silu", "--width", "80", "--height", "24"], None),
    "stats": (["stats", "gelu"], None),
    "precision": (["precision", "sigmoid", "--dtype", "bf16"], None),
}


def count(binary, arguments, stdin):
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "COLUMNS": "80",
        "LINES": "24", "NO_COLOR": "1", "TERM": "dumb", "HOME": SCRATCH,
    }
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", binary, *arguments]
    with open(stdin or os.devnull, "rb") as source:
        result = subprocess.run(
            command, stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environment)
    found = re.search(r"Collected : (\d+)", result.stderr.decode(errors="replace"))
    if not found:
        sys.exit(f"count-instructions: no count for {arguments}:\n{result.stderr.decode(errors='replace')}")
    return int(found.group(1))


def compare(before_path, after_path):
    with open(before_path) as f:
        before = json.load(f)
    with open(after_path) as f:
        after = json.load(f)
    print(f"| job | before | after | change |\n|---|---:|---:|---:|")
    for job in before:
        if job in after:
            b, a = before[job], after[job]
            print(f"| {job} | {b:,} | {a:,} | {100 * (a - b) / b:+.1f} % |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "actplot"))
    parser.add_argument("--json", help="write the counts to this file as well")
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"))
    parser.add_argument("jobs", nargs="*", help=f"jobs to run (default all: {', '.join(JOBS)})")
    options = parser.parse_args()
    if options.compare:
        compare(*options.compare)
        return
    with open(POINTS, "w") as f:
        f.write("\n".join(repr(-8 + 16 * i / 9999) for i in range(10000)) + "\n")
    counts = {}
    for name in options.jobs or JOBS:
        if name not in JOBS:
            sys.exit(f"count-instructions: unknown job '{name}'; the jobs are {', '.join(JOBS)}")
        arguments, stdin = JOBS[name]
        counts[name] = count(options.binary, arguments, stdin)
        print(f"{name:12} {counts[name]:>15,}")
    if options.json:
        with open(options.json, "w") as f:
            json.dump(counts, f, indent=2)


if __name__ == "__main__":
    main()
