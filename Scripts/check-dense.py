#!/usr/bin/env python3
"""Check a built actplot against mpmath at many points: f, f' and f'' in ulps.

The fixture (make reference) holds about 140 points per function; this samples a whole
interval as densely as asked, with the definitions of Scripts/make-reference.py, and prints
the worst errors and how many points fall at each error. It asserts nothing; it is the
measurement behind the accuracy figures in BENCHMARKS.md and a check to run after changing
a kernel.

Usage: python3 Scripts/check-dense.py SPEC MIN MAX SAMPLES [ACTPLOT]
  e.g. python3 Scripts/check-dense.py gelu -37.5 37.5 150001 .build/release/actplot

The error of a value is |computed - exact| in units of the exact value's ulp (the spacing of
doubles at its magnitude, subnormal spacing below 2^-1022), so 0.5 is correct rounding. An
f'' within 1e-12 relative counts as 0, as in the test suite.
"""
import csv
import importlib.util
import math
import os
import subprocess
import sys

from mpmath import mpf

HERE = os.path.dirname(os.path.abspath(__file__))
spec_ = importlib.util.spec_from_file_location("reference", os.path.join(HERE, "make-reference.py"))
reference = importlib.util.module_from_spec(spec_)
spec_.loader.exec_module(reference)


def ulps(value, exact):
    if math.isnan(float(value)) and math.isnan(float(exact)):
        return 0.0  # outside the domain, and said so
    if exact == 0:
        return 0.0 if value == 0 else math.inf
    _, e = math.frexp(float(exact))
    unit = math.ldexp(1.0, max(e - 53, -1074))
    return float(abs(mpf(value) - exact) / unit)


def main():
    if len(sys.argv) < 5:
        raise SystemExit(__doc__)
    spec, low, high, samples = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    binary = sys.argv[5] if len(sys.argv) > 5 else os.path.join(HERE, "..", ".build", "debug", "actplot")
    text = subprocess.run(
        [binary, spec, "--format", "csv", "--range", f"{low}:{high}", "--samples", samples,
         "--second-derivative"], capture_output=True, text=True, check=True).stdout
    rows = list(csv.reader(text.splitlines()))[1:]
    definition, p, kink, _, _ = reference.parse_spec(spec)
    names = ("f", "f'", "f''")
    worst = [(0.0, None)] * 3
    counts = [dict() for _ in names]
    for row in rows:
        x = float(row[0])
        exact = reference.evaluate(definition, p, kink, x)
        for k in range(3):
            got = float(row[k + 1])
            error = ulps(got, exact[k])
            if k == 2 and abs(mpf(got) - exact[k]) <= abs(exact[k]) * mpf("1e-12"):
                error = 0.0
            bucket = math.ceil(error) if math.isfinite(error) else "inf"
            counts[k][bucket] = counts[k].get(bucket, 0) + 1
            if error > worst[k][0]:
                worst[k] = (error, x)
    print(f"{spec} on [{low}, {high}], {len(rows)} points")
    for k, name in enumerate(names):
        error, x = worst[k]
        spread = ", ".join(f"≤{b}: {n}" for b, n in sorted(counts[k].items(), key=lambda i: str(i[0]).zfill(4)))
        print(f"  {name:4} worst {error:.2f} ulp" + (f" at x = {x!r}" if x is not None else "") + f"  ({spread})")


if __name__ == "__main__":
    main()
