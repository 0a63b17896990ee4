#!/usr/bin/env python3
"""The dense accuracy check: a built actplot against mpmath at many points, f, f' and f'' in ulps.

The fixture (make reference) holds about 150 points per spec; this samples every spec far more
densely (100,000 points per catalog function by default) over every scale of the double line,
with the definitions of Scripts/make-reference.py, and reports the worst error of f, f' and
f'' per spec. It exits 1 when any spec is over the goal: f within 1 ulp, f' within 2, f''
within 4, and never NaN, +-inf or 0 where the true value is a finite non-zero double.

Usage: python3 Scripts/check-dense.py [--points N] [--preset-points M] [--jobs J]
                                      [--markdown] [--actplot PATH] [SPEC ...]
  Without SPECs: every catalog function and parameter variant at N points (default 100000)
  and every framework preset at M points (default 10000). `make check-dense` runs it on a
  release build (DENSE='--points 20000 mish silu' checks a part); DENSE_VERBOSE=1 prints the
  worst point of every spec, not only of those over the goal.

Points (seeded, so a run is repeatable): a third uniform on [-40, 40], a tenth on [-1, 1],
log-uniform magnitudes of both signs over 1e-320..1e-1 (tiny), 1e1..1e3 (tails, where exp
overflows) and 1e3..1e308 (huge), and a fifth at relative distances 1e-15..1 from each
corner of the spec and each zero of f' and f'' (special points), plus +-0, +-inf and the
largest doubles.

The error of a value is |computed - exact| in units of the exact value's ulp (the spacing of
doubles at its magnitude, subnormal spacing below 2^-1022), so 0.5 is correct rounding and
anything below 1 is faithful.
"""
import argparse
import importlib.util
import math
import multiprocessing
import os
import random
import subprocess
import sys
import tempfile

from mpmath import mp, mpf

HERE = os.path.dirname(os.path.abspath(__file__))
spec_ = importlib.util.spec_from_file_location("reference", os.path.join(HERE, "make-reference.py"))
reference = importlib.util.module_from_spec(spec_)
spec_.loader.exec_module(reference)

GOAL = (1.0, 2.0, 4.0)
NAMES = ("f", "f'", "f''")
# Zeros of f' and f'' and other places where a kernel switches formula (from make-reference.py).
SPECIAL = [-0.7517915246935645, -0.7524614220710163, -1.2784645427610737, -1.1924312145154952,
           1.4142135623730951, -1.4142135623730951, 2.3993572805154675, -2.3993572805154675,
           -2.256376396360793, 1.4905711794854284, 1.4185040087908283, -1.4185040087908283,
           -1.068264981081049, -0.5156341589104132, 37.5, -37.5, 0.0]


def ulps(value, exact):
    """The error of a double `value` in ulps of the exact (mpf) value."""
    if math.isnan(value):
        return 0.0 if math.isnan(float(exact)) else math.inf
    rounded = float(exact)
    if math.isnan(rounded):
        return math.inf
    if math.isinf(rounded):
        return 0.0 if value == rounded else math.inf
    if math.isinf(value):
        return math.inf
    if exact == 0:
        return 0.0 if value == 0 else math.inf
    _, e = math.frexp(rounded)
    unit = math.ldexp(1.0, max(e - 53, -1074))
    return float(abs(mpf(value) - exact) / unit)


def sample(spec, count, seed=20261202):
    """`count` points for `spec` spread over every scale, the same for the same arguments."""
    _, p, _, corners, _ = reference.parse_spec(spec)
    centres = [float(c) for c in corners if math.isfinite(float(c))] + SPECIAL
    rng = random.Random(f"{seed}:{spec}")
    sign = lambda: rng.choice((-1.0, 1.0))
    kinds = [(0.33, lambda: rng.uniform(-40, 40)),
             (0.10, lambda: rng.uniform(-1, 1)),
             (0.12, lambda: sign() * 10 ** rng.uniform(-320, -1)),
             (0.15, lambda: sign() * 10 ** rng.uniform(1, 3)),
             (0.10, lambda: sign() * 10 ** rng.uniform(3, 308)),
             (0.20, lambda: near(rng.choice(centres)))]

    def near(c):
        return c + sign() * 10 ** rng.uniform(-15, 0) * max(1.0, abs(c))

    points = [0.0, -0.0, math.inf, -math.inf, 1.7976931348623157e308, -1.7976931348623157e308,
              5e-324, -5e-324] + centres
    for share, draw in kinds:
        points += [draw() for _ in range(round(share * count))]
    return points[:count]


def measure_chunk(job):
    """Errors in ulps of f, f', f'' at each point, with the exact values as text (an mpf sent
    between processes would be rounded to the receiver's precision)."""
    spec, xs, got = job
    definition, p, kink, _, _ = reference.parse_spec(spec)
    results = []
    for x, mine in zip(xs, got):
        exact = reference.evaluate(definition, p, kink, x)
        with mp.workdps(80):
            errors = tuple(ulps(mine[k], exact[k]) for k in range(3))
            results.append((errors, tuple(mp.nstr(v, 20) for v in exact)))
    return results


def computed(actplot, spec, xs):
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as file:
        file.write("\n".join(repr(x) for x in xs))
        file.flush()
        text = subprocess.run([actplot, "eval", spec, "--points-file", file.name],
                              capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in text.splitlines()[2:]]
    return [tuple(float(v) for v in row[1:4]) for row in rows]


def check(actplot, spec, count, pool, jobs):
    xs = sample(spec, count)
    got = computed(actplot, spec, xs)
    size = max(1, len(xs) // (4 * jobs))
    chunks = [(spec, xs[i:i + size], got[i:i + size]) for i in range(0, len(xs), size)]
    measured = [result for part in pool.map(measure_chunk, chunks) for result in part]
    worst = [(0.0, None, None, None) for _ in NAMES]
    for x, mine, (errors, exact) in zip(xs, got, measured):
        for k in range(3):
            if errors[k] > worst[k][0] or worst[k][1] is None:
                worst[k] = (errors[k], x, mine[k], exact[k])
    return len(xs), worst


def describe(error):
    return "inf" if math.isinf(error) else f"{error:.2f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("specs", nargs="*")
    parser.add_argument("--points", type=int, default=100_000)
    parser.add_argument("--preset-points", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--actplot", default=os.path.join(HERE, "..", ".build", "release", "actplot"))
    arguments = parser.parse_args()
    catalog = [name for name in reference.CATALOG if name not in reference.OUTSIDE_CATALOG]
    if arguments.specs:
        jobs = [(spec, arguments.points) for spec in arguments.specs]
    else:
        jobs = [(spec, arguments.points) for spec in catalog + reference.VARIANTS]
        jobs += [(spec, arguments.preset_points) for spec in reference.PRESETS]
    failures, total = [], 0
    if arguments.markdown:
        print("| spec | points | f | f′ | f″ |\n|---|---|---|---|---|")
    with multiprocessing.Pool(arguments.jobs) as pool:
        for spec, count in jobs:
            n, worst = check(arguments.actplot, spec, count, pool, arguments.jobs)
            total += n
            over = [k for k in range(3) if worst[k][0] > GOAL[k]]
            if over:
                failures.append(spec)
            if arguments.markdown:
                print(f"| {spec} | {n} | " + " | ".join(describe(w[0]) for w in worst) + " |")
            else:
                print(f"{spec:38} {n:7}  " + "  ".join(f"{NAMES[k]} {describe(worst[k][0]):>6}"
                                                      for k in range(3)) + ("  OVER" if over else ""))
                for k in (range(3) if os.environ.get("DENSE_VERBOSE") else over):
                    error, x, mine, true = worst[k]
                    print(f"    {NAMES[k]} at x = {x!r}: {mine!r}, exact {true}")
            sys.stdout.flush()
    print(f"{len(jobs)} specs, {total} points; "
          + (f"over the goal (f 1, f' 2, f'' 4 ulp): {', '.join(failures)}" if failures
             else "every spec within 1 / 2 / 4 ulp for f / f' / f''"), file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
