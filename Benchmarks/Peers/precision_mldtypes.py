#!/usr/bin/env python3
"""The peer of `actplot precision sigmoid --dtype bf16 --arith exact`, vectorised with numpy
and ml_dtypes: every finite bfloat16 input, σ and σ′ in float64 rounded once to bfloat16, the
first x on each side where σ′ is 0, and the largest error in bfloat16 ulps. It has no margin
check for values near a rounding boundary (actplot's has), so it does less.

Usage: python3 precision_mldtypes.py
"""
import numpy as np
import ml_dtypes

bits = np.arange(1 << 16, dtype=np.uint32).astype(np.uint16)
with np.errstate(invalid="ignore"):
    x = bits.view(ml_dtypes.bfloat16).astype(np.float64)
x = x[np.isfinite(x) & (x != 0)]
with np.errstate(over="ignore", invalid="ignore"):
    e = np.exp(-np.abs(x))
    s = np.where(x >= 0, 1 / (1 + e), e / (1 + e))
    d = e / (1 + e) ** 2
f = s.astype(ml_dtypes.bfloat16).astype(np.float64)
g = d.astype(ml_dtypes.bfloat16).astype(np.float64)
spacing = np.abs(np.nextafter(f.astype(ml_dtypes.bfloat16), np.inf).astype(np.float64) - f)
ulps = np.abs(f - s) / np.where(spacing > 0, spacing, 1)
positive = x > 0
zero = (g == 0) & (d != 0)
first = {
    "x < 0": x[~positive & zero].max(initial=-np.inf),
    "x > 0": x[positive & zero].min(initial=np.inf),
}
print(first, float(ulps.max()))
