#!/usr/bin/env python3
"""Regenerate Tests/ActplotCommandTests/Fixtures/check/: kernels' dumps made from known-bad
formulas, and the counts `actplot check` must report for them, computed here independently
(mpmath for the truth, ml_dtypes and numpy for the formats).

Dumps (every bit pattern of the format, in order from 0):
  sigmoid-bf16    x as ml_dtypes' <V2; y = 1/(1 + exp(-x)) in float32 stored in bfloat16 (<u2);
                  dy = s*(1 - s) with every operation in bfloat16 (<u2): cancels for large x.
  softplus-f16    y = log(1 + exp(x)) with every operation in float16 (<f2 values); no inputs.
  gelu-tanh-f16   y = 0.5x(1 + tanh(sqrt(2/pi)(x + 0.044715x^3))) in float16 (<u2 bits); no inputs.

expected.tsv: per dump and part (f, df), the counts check's JSON reports: rows, bit_exact,
false_zeros, non_finite_mismatches, zero_sign_mismatches, flushed, max_ulp, and per region
rows and bit_exact. The definitions are the issue's:
  t        the exact value (mpmath, 40 digits); r, the correctly rounded one;
  ulps     |y - t| / ulp(t), ulp(t) the quantum of t's binade in the format (subnormals share
           the least normal binade's), for rows with y and r finite and not a sign-of-zero case;
  bit_exact  y's bits are r's (NaN = NaN);
  false_zeros  y = +-0 where r is a normal number;
  non_finite_mismatches  y or r is NaN or +-inf, and they differ;
  zero_sign_mismatches  y and r are zeros of different signs;
  flushed  y = +-0 where r is subnormal (or, for f, a subnormal x gives f(+-0)'s bits);
  regions  x <= -2^-6, |x| < 2^-6, x >= 2^-6, subnormal x, saturated (|f'| < ulp(f)), NaN and inf x.

Usage: python3 Scripts/make-check-dumps.py [directory]   (numpy, ml_dtypes, mpmath from PyPI)
"""
import math
import os
import sys

import ml_dtypes
import mpmath
import numpy as np

OUT = sys.argv[1] if len(sys.argv) > 1 else "Tests/ActplotCommandTests/Fixtures/check"
mpmath.mp.dps = 40
BF16, F16 = ml_dtypes.bfloat16, np.float16


def sigmoid(x):
    return 1 / (1 + mpmath.exp(-x)), mpmath.exp(-x) / (1 + mpmath.exp(-x)) ** 2


def softplus(x):
    return mpmath.log1p(mpmath.exp(x)), 1 / (1 + mpmath.exp(-x))


def gelu_tanh(x):
    c = mpmath.sqrt(2 / mpmath.pi)
    u = c * (x + mpmath.mpf("0.044715") * x ** 3)
    # 1 + tanh(u) and 1 - tanh(u)^2 without cancellation, for the far negative tail.
    one_plus = 2 / (1 + mpmath.exp(-2 * u))
    sech2 = 4 / (mpmath.exp(u) + mpmath.exp(-u)) ** 2
    du = c * (1 + 3 * mpmath.mpf("0.044715") * x ** 2)
    return 0.5 * x * one_plus, 0.5 * one_plus + 0.5 * x * sech2 * du


def rounded(v, dtype):
    """The mpmath value v correctly rounded to dtype: through float64, the tie case decided by v."""
    if mpmath.isinf(v):
        return dtype(float(v))
    d = float(v)
    r = np.array(d).astype(dtype)
    if float(r) == d or not np.isfinite(float(r)):
        return r
    other = np.array(2 * d - float(r)).astype(dtype)
    if (float(r) + float(other)) / 2 == d and mpmath.mpf(d) != v:
        return other if (v > d) == (float(other) > float(r)) else r
    return r


def ulp(t, dtype):
    info = ml_dtypes.finfo(dtype)
    a = abs(t)
    least = float(info.smallest_normal)
    if a < least:
        return float(info.smallest_subnormal)
    e = math.frexp(a)[1] - 1
    return 2.0 ** (min(e, int(info.maxexp) - 1) - info.nmant)


def summarise(xs, ys, truth, dtype, part, at_zero):
    info = ml_dtypes.finfo(dtype)
    least = float(info.smallest_normal)
    rows = {k: [0, 0] for k in ["all", "negative", "near_zero", "positive", "subnormal", "saturated", "non_finite"]}
    counts = dict(bit_exact=0, false_zeros=0, non_finite_mismatches=0, zero_sign_mismatches=0, flushed=0, max_ulp=0.0)
    for x, y, (tv, td, rv, rd) in zip(xs, ys, truth):
        t, r = (tv, rv) if part == "f" else (td, rd)
        x, y, rf = float(x), float(y), float(r)
        exact = pattern(y, dtype) == pattern(rf, dtype) or (np.isnan(y) and np.isnan(rf))
        regions = ["all"]
        if not np.isfinite(x):
            regions.append("non_finite")
        else:
            regions.append("negative" if x <= -2 ** -6 else "positive" if x >= 2 ** -6 else "near_zero")
            if x != 0 and abs(x) < least:
                regions.append("subnormal")
            fv, fd = float(truth_value(tv)), float(truth_value(td))
            if np.isfinite(fv) and np.isfinite(fd) and abs(fd) < ulp(fv, dtype):
                regions.append("saturated")
        for k in regions:
            rows[k][0] += 1
            rows[k][1] += int(exact)
        counts["bit_exact"] += int(exact)
        if y == 0 and np.isfinite(rf) and abs(rf) >= least:
            counts["false_zeros"] += 1
        if exact:
            if np.isfinite(y):
                counts["max_ulp"] = max(counts["max_ulp"], abs(y - float(t)) / ulp(float(t), dtype))
            continue
        if not np.isfinite(y) or not np.isfinite(rf):
            counts["non_finite_mismatches"] += 1
            continue
        if y == 0 and rf == 0:
            counts["zero_sign_mismatches"] += 1
            continue
        bits = pattern(y, dtype)
        if (y == 0 and abs(rf) < least) or (part == "f" and x != 0 and abs(x) < least and bits in at_zero):
            counts["flushed"] += 1
        counts["max_ulp"] = max(counts["max_ulp"], abs(y - float(t)) / ulp(float(t), dtype))
    return counts, rows


def pattern(v, dtype):
    """The bit pattern of v (a value of dtype) in dtype."""
    return int(np.array(v).astype(dtype).view(np.uint16 if np.dtype(dtype).itemsize == 2 else np.uint8))


def truth_value(v):
    return v


def truth_table(xs, function, dtype):
    table = []
    for x in xs:
        x = float(x)
        if np.isnan(x):
            table.append((mpmath.nan, mpmath.nan, dtype(np.nan), dtype(np.nan)))
            continue
        if np.isinf(x):
            v, d = function(mpmath.mpf(1e300 if x > 0 else -1e300))
            v = v if abs(v) < 1e200 else mpmath.inf * mpmath.sign(v)
            d = d if abs(d) > 1e-200 else mpmath.mpf(0)
            table.append((v, d, rounded(v, dtype), rounded(d, dtype)))
            continue
        v, d = function(mpmath.mpf(x))
        table.append((v, d, rounded(v, dtype), rounded(d, dtype)))
    return table


def main():
    os.makedirs(OUT, exist_ok=True)
    bits = np.arange(65536, dtype=np.uint16)
    lines = ["dump\tpart\tkey\tvalue"]
    with np.errstate(all="ignore"):
        x = bits.view(BF16)
        s = (1 / (1 + np.exp(-x.astype(np.float32)))).astype(BF16)
        ds = (s * (BF16(1) - s)).astype(BF16)
        np.save(f"{OUT}/sigmoid-bf16.x.npy", x)
        np.save(f"{OUT}/sigmoid-bf16.y.npy", s.view(np.uint16))
        np.save(f"{OUT}/sigmoid-bf16.dy.npy", ds.view(np.uint16))
        h = bits.view(F16)
        sp = np.log(F16(1) + np.exp(h))
        np.save(f"{OUT}/softplus-f16.y.npy", sp)
        c = F16(np.sqrt(2 / np.pi))
        g = F16(0.5) * h * (F16(1) + np.tanh(c * (h + F16(0.044715) * h * h * h)))
        np.save(f"{OUT}/gelu-tanh-f16.y.npy", g.view(np.uint16))
    cases = [("sigmoid-bf16", sigmoid, BF16, x, {"f": s, "df": ds}),
             ("softplus-f16", softplus, F16, h, {"f": sp}),
             ("gelu-tanh-f16", gelu_tanh, F16, h, {"f": g})]
    for name, function, dtype, xs, parts in cases:
        truth = truth_table(xs, function, dtype)
        zero = truth[0][2]
        at_zero = {pattern(float(zero), dtype), pattern(-float(zero) if float(zero) == 0 else float(zero), dtype)}
        for part, ys in parts.items():
            counts, rows = summarise(xs, ys, truth, dtype, part, at_zero)
            for key, value in counts.items():
                lines.append(f"{name}\t{part}\t{key}\t{value!r}")
            for region, (n, exact) in rows.items():
                lines.append(f"{name}\t{part}\trows.{region}\t{n}")
                lines.append(f"{name}\t{part}\tbit_exact.{region}\t{exact}")
        print(name, "done", file=sys.stderr)
    with open(f"{OUT}/expected.tsv", "w") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
