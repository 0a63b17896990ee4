#!/usr/bin/env python3
"""The peer of `actplot precision sigmoid --dtype f32 --arith exact`, vectorised with numpy
(float32 is native to numpy; ml_dtypes adds nothing here): σ and σ′ in float64 by the stable
formulas, rounded once to float32, the first x on each side where σ or σ′ is 0, subnormal or
±1 though the float64 value is not, and the largest error in float32 ulps. It has no margin
check for values near a rounding boundary and no double-double fallback (actplot has both),
so it does less.

It visits 1/K of the finite float32 inputs, in runs of 2^22 consecutive bit patterns (every
K-th run, both signs), on one core, and prints its time and that time times K: the
extrapolation to all 2^32 inputs.

Usage: python3 survey_float32.py K
"""
import sys
import time

import numpy as np

K = int(sys.argv[1])
RUN = 1 << 22
TOP = 0x7F7FFFFF  # the largest finite float32 pattern
start = time.perf_counter()
first = {}
worst = 0.0
visited = 0
for lo in range(1, TOP + 1, RUN * K):
    patterns = np.arange(lo, min(lo + RUN, TOP + 1), dtype=np.uint32)
    for sign in (0, 0x80000000):
        x = (patterns | np.uint32(sign)).view(np.float32).astype(np.float64)
        with np.errstate(over="ignore", under="ignore", invalid="ignore"):
            e = np.exp(-np.abs(x))
            s = np.where(x >= 0, 1 / (1 + e), e / (1 + e))
            d = e / (1 + e) ** 2
        f = s.astype(np.float32)
        g = d.astype(np.float32)
        spacing = np.spacing(f).astype(np.float64)
        worst = max(worst, float((np.abs(f - s) / spacing).max()))
        for name, v, t in [("f", f, s), ("f'", g, d)]:
            tiny = np.float32(np.finfo(np.float32).smallest_normal)
            for event, hit in [("= 0", (v == 0) & (t != 0)), ("subnormal", (v != 0) & (np.abs(v) < tiny)),
                               ("= ±1", (np.abs(v) == 1) & (np.abs(t) != 1))]:
                if hit.any():
                    nearest = x[hit][np.argmin(np.abs(x[hit]))]
                    key = (name, event, sign != 0)
                    if key not in first or abs(nearest) < abs(first[key]):
                        first[key] = nearest
        visited += x.size
elapsed = time.perf_counter() - start
print(f"{elapsed:.2f}\t{elapsed * K:.1f}\t{visited}\t{worst:.3f}\t{len(first)} thresholds")
