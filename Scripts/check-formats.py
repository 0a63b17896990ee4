#!/usr/bin/env python3
"""Check `--arith exact` for every catalog function at every finite input of bfloat16,
float16 and the ten 8-, 6- and 4-bit formats (float8_e4m3fn, e5m2, e4m3fnuz, e5m2fnuz,
e4m3b11fnuz, e3m4, e4m3, float6_e2m3fn, e3m2fn, float4_e2m1fn): actplot's f and f′ (`eval --dtype NAME --json`)
against mpmath's true values (Scripts/make-reference.py's definitions, at its working
precision, more near 0) rounded once to the format.

A report line per function and format: inputs, f mismatches, f′ mismatches, uncertain results
(actplot's margin check) and how many of those differ (flagged, so not failures), and the
first mismatches. ±0 count alike (mpmath has no signed
zero), and so do NaNs. Exit status 1 if a certain result differs.

With --source table, actplot's values come from `actplot table SPEC --dtype NAME` read back with
np.load (the golden table a kernel's tests load), its flags as the certainty.

Usage: python3 Scripts/check-formats.py [--actplot PATH] [--formats bf16,f16,e4m3,e5m2]
       [--source eval|table] [SPEC...]
(mpmath, numpy, ml_dtypes from PyPI; make release first)
"""
import argparse
import importlib.util
import json
import math
import os
import subprocess
import sys
import tempfile

import numpy as np
import ml_dtypes
import mpmath as mp

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, file):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, file))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


reference = load("reference", "make-reference.py")
rounding = load("rounding", "make-format-reference.py")

# name: (numpy dtype, exponent bits, fraction bits, has infinity); the other formats are
# described from ml_dtypes below.
FORMATS = {
    "bf16": (ml_dtypes.bfloat16, 8, 7, True), "f16": (np.float16, 5, 10, True),
    "e4m3": (ml_dtypes.float8_e4m3fn, 4, 3, False), "e5m2": (ml_dtypes.float8_e5m2, 5, 2, True),
}
# actplot's short name: ml_dtypes' type. Bias, largest value and overflow come from finfo and
# from converting inf (NaN: fnuz; saturating: float6 and float4; inf: IEEE-like).
MORE = {"e4m3fnuz": "float8_e4m3fnuz", "e5m2fnuz": "float8_e5m2fnuz", "e4m3b11fnuz": "float8_e4m3b11fnuz",
        "e3m4": "float8_e3m4", "e4m3ieee": "float8_e4m3", "e2m3": "float6_e2m3fn", "e3m2": "float6_e3m2fn",
        "e2m1": "float4_e2m1fn"}


def layout(name):
    """(dtype, exponent bits, fraction bits, bits, rounding keywords) of a format."""
    if name == "e8m0":
        # The block scale: unsigned powers of two, rounded by round_scale.
        return ml_dtypes.float8_e8m0fnu, 8, 0, 8, dict(scale=True)
    if name in FORMATS:
        dtype, eb, fb, infinity = FORMATS[name]
        return dtype, eb, fb, 16 if name in ("bf16", "f16") else 8, dict(infinity=infinity)
    dtype = getattr(ml_dtypes, MORE[name])
    info = ml_dtypes.finfo(dtype)
    with np.errstate(invalid="ignore", over="ignore"):
        inf = float(np.array(np.inf, dtype=np.float32).astype(dtype).astype(np.float64))
    overflow = "nan" if np.isnan(inf) else "inf" if np.isinf(inf) else "saturate"
    eb, fb = info.bits - 1 - info.nmant, info.nmant
    keywords = dict(infinity=overflow == "inf", bias=1 - info.minexp, largest=float(info.max), overflow=overflow)
    return dtype, eb, fb, info.bits, keywords


def round_scale(v):
    """v (mpf) rounded to float8_e8m0fnu as ml_dtypes converts: the nearer power of two in linear
    space, ties up; below 2^-127, 2^-127; 0, negatives, NaN, inf and from 1.5 * 2^127 on, NaN."""
    if mp.isnan(v) or mp.isinf(v) or v <= 0:
        return float("nan")
    if v < mp.mpf(2) ** -127:
        return 2.0 ** -127
    e = int(mp.floor(mp.log(v, 2)))
    if mp.mpf(2) ** e > v:
        e -= 1
    if mp.mpf(2) ** (e + 1) <= v:
        e += 1
    power = mp.mpf(2) ** e
    r = 2 * power if v >= mp.mpf(3) / 2 * power else power
    return float("nan") if r > mp.mpf(2) ** 127 else float(r)


def round_value(value, eb, fb, keywords):
    """value (mpf) rounded once to the format of these fields and keywords."""
    if keywords.get("scale"):
        return round_scale(value)
    return rounding.round_to(value, eb, fb, **keywords)


def same(a, b):
    return (a == b) or (math.isnan(a) and math.isnan(b))


def inputs(dtype, width):
    patterns = np.arange(1 << width, dtype=np.uint32).astype(np.uint16 if width == 16 else np.uint8)
    # float6 and float4 take a byte's low bits.
    with np.errstate(invalid="ignore"):
        values = patterns.view(dtype).astype(np.float64)
    return [float(v) for v in values if np.isfinite(v)]


def actplot_values(actplot, spec, name, xs):
    out = subprocess.run([actplot, "eval", spec, "--dtype", name, "--json", *[repr(x) for x in xs]],
                         capture_output=True, text=True, check=True).stdout
    points = json.loads(out)["points"]
    # With --dtype, value and derivative are the true values; the format's are dtype_value and
    # dtype_derivative.
    return [(p["dtype_value"], p["dtype_derivative"], p["certain"]) for p in points]


def table_values(actplot, spec, name, xs):
    """f, f′ and certainty at the finite inputs from `actplot table` read back with np.load: the
    float32 columns, which hold every value of these formats exactly, and the flags."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "table.npy")
        subprocess.run([actplot, "table", spec, "--dtype", name, "-o", path], capture_output=True, check=True)
        table = np.load(path)
    finite = np.isfinite(table["x"])
    rows = table[finite]
    if [float(x) for x in rows["x"]] != xs:
        sys.exit(f"check-formats: the table of {spec} in {name} does not hold the format's inputs in order")
    return [(float(r["f"]), float(r["df"]), r["flags"] == 0) for r in rows]


def on_midpoint(v, exponent_bits, fraction_bits, bias=None):
    """Whether v (mpf) lies exactly halfway between two neighbours of the format."""
    if not mp.isfinite(v) or v == 0:
        return False
    e_min = 1 - ((1 << (exponent_bits - 1)) - 1 if bias is None else bias)
    e = max(int(mp.floor(mp.log(abs(v), 2))), e_min)
    n = abs(v) / mp.mpf(2) ** (e - fraction_bits)
    return n - mp.floor(n) == 0.5


def decided(definition, p, kink, x, k, value, formats):
    """The true f (k = 0) or f' (k = 1) rounded to the format, recomputed with four times the
    precision while it lies on a midpoint of the format: x - tanh x at x = 258 is
    257 + 2e^-516, which a few hundred bits round to the midpoint 257. The rounding runs at
    the same precision. A true tie (x^3 of a float16) stays where it is."""
    eb, fb, keywords = formats
    bias = keywords.get("bias")
    prec = 800
    while on_midpoint(value, eb, fb, bias) and prec <= 1 << 14:
        with mp.workprec(prec):
            value = definition(mp.mpf(x), p, kink)[k]
            if not on_midpoint(value, eb, fb, bias):
                return round_value(value, eb, fb, keywords)
        prec *= 4
    return round_value(value, eb, fb, keywords)


def number(v):
    return float("nan") if v is None else float(v)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--actplot", default=".build/release/actplot")
    parser.add_argument("--formats",
                        default="bf16,f16,e4m3,e5m2,e4m3fnuz,e5m2fnuz,e4m3b11fnuz,e3m4,e4m3ieee,e2m3,e3m2,e2m1,e8m0")
    parser.add_argument("--source", choices=["eval", "table"], default="eval",
                        help="read actplot's values from eval --json, or from a table read back with np.load")
    parser.add_argument("specs", nargs="*")
    args = parser.parse_args()
    # Rounding divides the true value by a power of two: at the default precision a value a
    # hair above a midpoint (f′(0)·x + f″(0)·x²/2 at a subnormal x) would become the midpoint.
    mp.mp.prec = 700
    specs = args.specs or [n for n in reference.CATALOG if n not in reference.OUTSIDE_CATALOG]
    failures = 0
    for spec in specs:
        definition, p, kink, corners, smooth = reference.parse_spec(spec)
        for name in args.formats.split(","):
            dtype, eb, fb, width, keywords = layout(name)
            xs = inputs(dtype, width)
            read = table_values if args.source == "table" else actplot_values
            mine = read(args.actplot, spec, name, xs)
            bad = [0, 0]
            uncertain = sum(1 for m in mine if not m[2])
            examples = []
            flagged = 0
            for x, (f, d, certain) in zip(xs, mine):
                truth = reference.evaluate(definition, p, kink, x)
                for k, (got, true) in enumerate([(number(f), truth[0]), (number(d), truth[1])]):
                    want = decided(definition, p, kink, x, k, true, (eb, fb, keywords))
                    if not same(got, want) and not certain:
                        # Flagged, not guessed: an uncertain result that differs is counted apart.
                        flagged += 1
                    elif not same(got, want):
                        bad[k] += 1
                        if len(examples) < 3:
                            examples.append(f"{'f' if k == 0 else 'f′'}({x!r}) = {got!r}, want {want!r}")
            failures += bad[0] + bad[1]
            print(f"{spec}\t{name}\t{len(xs)} inputs\tf {bad[0]}\tf′ {bad[1]}\tuncertain {uncertain}"
                  + f" ({flagged} of them differ)"
                  + ("\t" + "; ".join(examples) if examples else ""), flush=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
