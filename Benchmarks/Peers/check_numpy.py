#!/usr/bin/env python3
"""The peer of `actplot check sigmoid --dtype F --input X --output Y`, with numpy and ml_dtypes:
the true σ in float64 (no margin check), rounded once to the format; the error of each result in
ulps of the format at the true value; the bit-exact share, max, mean and 99th percentile, false
zeros and non-finite mismatches, overall and for x < -2^-6, |x| < 2^-6, x >= 2^-6 (a part of
what check reports, which also counts sign-of-zero mismatches, flushed subnormals, monotonicity,
subnormal and saturated inputs, and lists the worst rows).

Usage: python3 check_numpy.py bf16|f32 X.npy Y.npy
"""
import sys

import ml_dtypes
import numpy as np

kind, xs, ys = sys.argv[1], np.load(sys.argv[2]), np.load(sys.argv[3])
dtype = ml_dtypes.bfloat16 if kind == "bf16" else np.float32
width = np.uint16 if kind == "bf16" else np.uint32
x = xs.view(dtype).astype(np.float64) if xs.dtype.kind in "uV" else xs.astype(np.float64)
y = ys.view(dtype).astype(np.float64) if ys.dtype.kind in "uV" else ys.astype(np.float64)
with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
    e = np.exp(-np.abs(x))
    t = np.where(x >= 0, 1 / (1 + e), e / (1 + e))
    r = t.astype(dtype)
    exact = (y.astype(dtype).view(width) == r.view(width)) | (np.isnan(y) & np.isnan(t))
    info = ml_dtypes.finfo(dtype)
    a = np.abs(t)
    exponent = np.floor(np.log2(np.where(a > 0, a, 1)))
    ulp = np.where(a < float(info.smallest_normal), float(info.smallest_subnormal), 2.0 ** (exponent - info.nmant))
    ulps = np.abs(y - t) / ulp
    finite = np.isfinite(y) & np.isfinite(t)
    rf = r.astype(np.float64)
    false_zero = (y == 0) & (np.abs(rf) >= float(info.smallest_normal)) & np.isfinite(rf)
    non_finite = ~exact & (~np.isfinite(y) | ~np.isfinite(rf))
for name, where in [("all", np.ones_like(x, dtype=bool)), ("x < -2^-6", x <= -2 ** -6),
                    ("|x| < 2^-6", np.abs(x) < 2 ** -6), ("x >= 2^-6", x >= 2 ** -6)]:
    u = ulps[where & finite]
    print(name, int(where.sum()), f"{100 * exact[where].mean():.2f} %", u.max(initial=0), u.mean() if len(u) else 0,
          np.percentile(u, 99) if len(u) else 0, int(false_zero[where].sum()), int(non_finite[where].sum()))
