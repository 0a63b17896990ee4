#!/usr/bin/env python3
"""Regenerate Tests/ActivationCoreTests/Fixtures/format-reference.tsv: the correctly rounded
bfloat16 and float16 values of f and f′ of a representative set of functions at every finite
input of the format, from mpmath, for FormatTests' check of `--arith exact`.

For each (function, format) a line gives the number of inputs and a 64-bit FNV-1a hash over
the float64 bit patterns of the rounded f and f′ (input order: every bit pattern from 0 up,
NaN patterns and infinities skipped; NaN results as 0xFFFFFFFFFFFFFFFF, ±0 as 0). Each true value is
computed with mpmath at 120 bits (more near 0: twice the input's binary exponent more) and rounded once to the format (ties to even, subnormals,
±∞ past the largest finite value): no double in between.

Usage: python3 Scripts/make-format-reference.py [output.tsv]   (mpmath, numpy, ml_dtypes)
"""
import sys
import mpmath as mp
import numpy as np
import ml_dtypes

mp.mp.prec = 120
OUT = sys.argv[1] if len(sys.argv) > 1 else "Tests/ActivationCoreTests/Fixtures/format-reference.tsv"
FORMATS = {"bfloat16": (ml_dtypes.bfloat16, 8, 7), "float16": (np.float16, 5, 10)}
SQRT2 = mp.sqrt(2)
FUNCTIONS = {
    "sigmoid": (lambda x: 1 / (1 + mp.exp(-x)), lambda x: mp.exp(-x) / (1 + mp.exp(-x)) ** 2),
    "tanh": (mp.tanh, lambda x: 1 / mp.cosh(x) ** 2),
    "gelu": (lambda x: x * mp.ncdf(x), lambda x: mp.ncdf(x) + x * mp.npdf(x)),
    "softplus": (lambda x: mp.log1p(mp.exp(x)), lambda x: 1 / (1 + mp.exp(-x))),
    "elu": (lambda x: x if x > 0 else mp.expm1(x), lambda x: mp.mpf(1) if x > 0 else mp.exp(x)),
}
MASK = (1 << 64) - 1


def round_to(v, exponent_bits, fraction_bits, infinity=True, bias=None, largest=None, overflow=None):
    """v (mpf) rounded once to the format, as a Python float (exact in float64). Without
    infinity (float8_e4m3fn) the top exponent holds values up to (2 - 2^(1-fraction_bits))·
    2^(bias+1) = 448, and past it (and for ±inf) the result is NaN, as ml_dtypes converts.
    Other formats give their bias, largest value and what overflow gives ("inf", "nan" or
    "saturate": ml_dtypes' float6 and float4)."""
    overflow = overflow or ("inf" if infinity else "nan")
    if mp.isnan(v):
        return float("nan")
    bias = (1 << (exponent_bits - 1)) - 1 if bias is None else bias
    if largest is None:
        if infinity:
            largest = (2 - mp.mpf(2) ** -fraction_bits) * mp.mpf(2) ** bias
        else:
            largest = (2 - mp.mpf(2) ** (1 - fraction_bits)) * mp.mpf(2) ** (bias + 1)
    largest = mp.mpf(largest)

    def past(sign):
        if overflow == "saturate":
            return float(largest) * sign
        return float("nan") if overflow == "nan" else float("inf") * sign

    if mp.isinf(v):
        return past(1 if v > 0 else -1)
    if v == 0:
        return 0.0
    e_min = 1 - bias
    a = abs(v)
    e = int(mp.floor(mp.log(a, 2)))
    if mp.mpf(2) ** e > a:
        e -= 1
    if mp.mpf(2) ** (e + 1) <= a:
        e += 1
    q = mp.mpf(2) ** (max(e, e_min) - fraction_bits)
    n = a / q
    fl = mp.floor(n)
    rest = n - fl
    if rest > 0.5 or (rest == 0.5 and int(fl) % 2 == 1):
        fl += 1
    r = fl * q
    if r > largest:
        return past(1 if v > 0 else -1)
    r = float(r)
    return r if v > 0 else -r


def fnv(words):
    h = 0xCBF29CE484222325
    for w in words:
        h = ((h ^ w) * 0x100000001B3) & MASK
    return h


def word(v):
    if v != v:
        return 0xFFFFFFFFFFFFFFFF
    if v == 0:
        return 0  # mpmath has no signed zero: ±0 alike
    return int(np.array([v], dtype=np.float64).view(np.uint64)[0])


def main():
    lines = ["# function\tformat\tinputs\tfnv1a64 of rounded f, f' (Scripts/make-format-reference.py, mpmath "
             + mp.__version__ + ")"]
    for fname, (dtype, eb, fb) in FORMATS.items():
        patterns = np.arange(1 << 16, dtype=np.uint64).astype(np.uint16)
        with np.errstate(invalid="ignore"):
            values = patterns.view(dtype).astype(np.float64)
        inputs = [float(v) for v in values if np.isfinite(v)]
        for name, (f, d) in FUNCTIONS.items():
            words = []
            for x in inputs:
                # Near 0, f(x) = f′(0)x + O(x²) needs the x² term's digits: |x| = 2^-133 needs
                # 2·133 bits beyond the 120 (at 120 bits, 0.5 + x·φ(0) is 0.5).
                exponent = 0 if x == 0 else mp.frexp(mp.mpf(x))[1]
                with mp.workprec(120 + max(0, -2 * exponent)):
                    xm = mp.mpf(x)
                    words.append(word(round_to(f(xm), eb, fb)))
                    words.append(word(round_to(d(xm), eb, fb)))
            lines.append(f"{name}\t{fname}\t{len(inputs)}\t{fnv(words):016x}")
            print(lines[-1], file=sys.stderr)
    with open(OUT, "w") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
