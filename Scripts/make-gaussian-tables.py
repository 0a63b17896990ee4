#!/usr/bin/env python3
"""Generate Sources/ActivationCore/Generated/GaussianTables+Generated.swift.

The batch kernel of GELU (exact form) needs, for every x with |x| <= 37.5,
    Q(a) = Phi(-a) = e^{-a^2/2} * R(a),   a = |x|,
    phi(a) = e^{-a^2/2} / sqrt(2 pi),
and computes both from one exponential. R(a) = Q(a) e^{a^2/2} (Mills' ratio over
sqrt(2 pi)) is smooth and falls only from 1/2 to 0.0106, so it is tabulated: on each
interval [k/4 - 1/8, k/4 + 1/8], k = 0..150, a polynomial of degree 10 in
t = a - k/4 (near-minimax, mpmath.chebyfit at 40 digits). The exponential is
1 + r + r^2 P(r) on |r| <= ln2/2 with P of degree 10 (also chebyfit). Both polynomials
are written out as Estrin's scheme.

The script checks both in double precision, running the very statements it writes into the
Swift file (Python's floats round as Swift's Doubles do), against mpmath, and prints the
worst errors in ulps to stderr.

Usage: python3 Scripts/make-gaussian-tables.py > Sources/ActivationCore/Generated/GaussianTables+Generated.swift
"""
import random
import sys
from math import frexp, ldexp

from mpmath import mp, mpf, erfc, exp, sqrt, log, chebyfit, expm1

mp.dps = 40

STEP = 4          # intervals per unit of a
DEGREE = 10       # degree of each interval's polynomial
LIMIT = 37.5      # the largest |x| the kernel takes: e^{-x^2/2} is still a normal number
EXP_DEGREE = 10   # degree of P in e^r = 1 + r + r^2 P(r)


def mills(a):
    """R(a) = Q(a) e^{a^2/2}."""
    a = mpf(a)
    return erfc(a / sqrt(2)) * exp(a * a / 2) / 2


def estrin(terms, x):
    """Estrin's scheme for sum(terms[k] * x^k) as straight-line code.

    `terms` are expressions (strings) of the coefficients, lowest degree first; the result is
    a list of statements `name = expression` whose last name holds the sum. Python's floats
    round exactly as Swift's Doubles do, so the same statements serve the check and the
    Swift code; the short dependency chains let each core overlap several points.
    """
    statements = []
    powers = {1: x}

    def power(m):
        if m not in powers:
            half = power(m // 2)
            powers[m] = f"{x}{m}"
            statements.append((powers[m], f"{half} * {half}"))
        return powers[m]

    def node(cs):
        if len(cs) == 1:
            return cs[0]
        m = 1
        while m * 2 < len(cs):
            m *= 2
        low, high = node(cs[:m]), node(cs[m:])
        name = f"s{len(statements)}"
        statements.append((name, f"{low} + {power(m)} * {high}"))
        return name

    node(list(terms))
    return statements


def evaluate(statements, names):
    """Runs `estrin` statements in double precision."""
    scope = dict(names)
    for name, expression in statements:
        scope[name] = eval(expression, {}, scope)
    return scope[statements[-1][0]]


# R = p0 + (p0' + t*(p1 + p2 t + ...)), with p0 + p0' the constant term to 106 bits (p0' is
# stored last in its row): the kernel keeps R as this unevaluated sum, so R itself is never
# rounded.
MILLS = estrin([f"p[{k}]" for k in range(1, DEGREE + 1)], "t")
MILLS.append(("low", f"p[{DEGREE + 1}] + t * {MILLS[-1][0]}"))
EXPONENTIAL = None  # set in main() once the coefficients are known


def ulps(value, reference):
    reference = mpf(reference)
    if reference == 0:
        return 0.0
    from math import frexp, ldexp
    _, e = frexp(float(reference))
    return float(abs(mpf(value) - reference) / mpf(ldexp(1.0, e - 53)))


def mills_table():
    half = mpf(1) / (2 * STEP)
    margin = half * mpf("1.01")   # the interval index may round to a neighbour at its edges
    rows = []
    for k in range(int(LIMIT * STEP) + 1):
        center = mpf(k) / STEP
        poly, _ = chebyfit(lambda t: mills(center + t), [-margin, margin], DEGREE + 1, error=True)
        coefficients = list(reversed(poly))
        head = float(coefficients[0])
        # The head keeps 26 significant bits, so that head * r is exact once r alone is split.
        mantissa, exponent = frexp(head)
        head = ldexp(round(mantissa * 2 ** 26), exponent - 26)
        rows.append([head] + [float(c) for c in coefficients[1:]] + [float(coefficients[0] - head)])
    return rows


def exp_polynomial():
    bound = log(2) / 2 * mpf("1.001")

    def p(r):
        if abs(r) < mpf("1e-12"):
            return mpf(1) / 2 + r / 6
        return (expm1(r) - r) / (r * r)

    poly, _ = chebyfit(p, [-bound, bound], EXP_DEGREE + 1, error=True)
    return [float(c) for c in reversed(poly)]


def check(rows, expo):
    rng = random.Random(1)
    worst_mills = 0.0
    for _ in range(20000):
        a = rng.uniform(0, LIMIT)
        k = round(a * STEP)
        t = a - k / STEP
        low = evaluate(MILLS, {"p": rows[k], "t": t})
        worst_mills = max(worst_mills, ulps(mpf(rows[k][0]) + mpf(low), mills(a)))
    worst_exp = 0.0
    bound = 0.34657359027997264
    for _ in range(20000):
        r = rng.uniform(-bound, bound)
        value = 1 + (r + r * r * evaluate(EXPONENTIAL, {"r": r}))
        worst_exp = max(worst_exp, ulps(value, exp(mpf(r))))
    print(f"Mills polynomials (high + low, unrounded): worst {worst_mills:.3f} ulp; e^r: worst {worst_exp:.3f} ulp",
          file=sys.stderr)


def swift_number(v):
    return repr(v)


def main():
    global EXPONENTIAL
    rows = mills_table()
    expo = exp_polynomial()
    EXPONENTIAL = estrin([repr(c) for c in expo], "r")
    check(rows, expo)
    out = []
    out.append("// Generated by Scripts/make-gaussian-tables.py (make generated; make check-generated checks it).")
    out.append("// Do not edit.")
    out.append("")
    out.append("/// The tables of the GELU batch kernel (see ``GELUBatchKernel``).")
    out.append("enum GaussianTables {")
    out.append(f"    /// Intervals per unit of |x| in ``mills``.")
    out.append(f"    static let step = {STEP}.0")
    out.append(f"    /// The largest |x| the kernel takes.")
    out.append(f"    static let limit = {LIMIT}")
    out.append(f"    /// Coefficients per interval in ``mills``.")
    out.append(f"    static let stride = {DEGREE + 2}")
    out.append("")
    out.append("    /// R(a) = Φ(−a)·e^{a²/2} on [k/4 − 1/8, k/4 + 1/8] as a polynomial in t = a − k/4,")
    out.append("    /// lowest degree first (the constant term to 26 bits), then the rest of the constant term;")
    out.append(f"    /// row k for k = 0 … {int(LIMIT * STEP)}.")
    out.append("    static let mills: [Double] = [")
    for k, row in enumerate(rows):
        out.append(f"        // k = {k}")
        for i in range(0, len(row), 3):
            out.append("        " + ", ".join(swift_number(c) for c in row[i:i + 3]) + ",")
    out.append("    ]")
    out.append("")
    out.append("    /// Row `p`'s polynomial at t as an unevaluated sum high + low, by Estrin's scheme.")
    out.append("    @inline(__always)")
    out.append("    static func millsPolynomial(_ p: UnsafePointer<Double>, _ t: Double) -> (high: Double, low: Double) {")
    out += [f"        let {name} = {expression}" for name, expression in MILLS]
    out.append(f"        return (p[0], {MILLS[-1][0]})")
    out.append("    }")
    out.append("")
    out.append("    /// P in e^r = 1 + r + r²·P(r) for |r| ≤ ln2/2, by Estrin's scheme.")
    out.append("    @inline(__always)")
    out.append("    static func exponentialPolynomial(_ r: Double) -> Double {")
    out += [f"        let {name}: Double = {expression}" for name, expression in EXPONENTIAL]
    out.append(f"        return {EXPONENTIAL[-1][0]}")
    out.append("    }")
    out.append("}")
    print("\n".join(out))


main()
