#!/usr/bin/env python3
"""Regenerate Tests/ActivationCoreTests/Fixtures/vectors.tsv with mpmath: whole-vector outputs
and Jacobians of the catalog's vector functions.

The vectors are the ones that break naive code: large spreads (40 against -40), inputs near
+-700 and beyond exp's range, subnormals and zeros beside ordinary inputs, exact and near ties,
the issue's log_softmax examples, and a few long random vectors. Each is evaluated from the
definitions at 80 digits (mpmath's exponents do not overflow) and written rounded to the nearest
double.

Columns: function, input, output, Jacobian; numbers as the shortest repr of the correctly
rounded double, comma-separated, Jacobian rows separated by ';'.

Usage: python3 Scripts/make-vector-reference.py OUT.tsv
"""
import math
import random
from fractions import Fraction
import sys

from mpmath import mp, mpf, exp, log1p
from mpmath import __version__ as mpmath_version

mp.dps = 80


def parts(x):
    """s_i, 1 - s_i and log s_i, each from sums of positive terms: 1 - s_i is the other terms'
    share and log S is log1p of the terms other than the largest, so no result is a difference
    of nearly equal numbers (at 80 digits 1 - s would still be 0 for s = 1 - 1e-130)."""
    m = max(x)
    k = x.index(m)
    e = [exp(v - m) for v in x]
    total = sum(e)
    beyond_one = sum(v for j, v in enumerate(e) if j != k)
    shares = [v / total for v in e]
    rests = [sum(v for j, v in enumerate(e) if j != i) / total for i in range(len(x))]
    logs = [(v - m) - log1p(beyond_one) for v in x]
    return shares, rests, logs


def softmax(x):
    s, r, _ = parts(x)
    n = len(x)
    return s, [[s[i] * r[i] if i == j else -s[i] * s[j] for j in range(n)] for i in range(n)]


def log_softmax(x):
    s, r, logs = parts(x)
    n = len(x)
    return logs, [[r[i] if i == j else -s[j] for j in range(n)] for i in range(n)]


def softmin(x):
    s, jacobian = softmax([-v for v in x])
    return s, [[-v for v in row] for row in jacobian]


def sigmoid(v):
    return 1 / (1 + exp(-v))


def glu(x):
    n = len(x) // 2
    out = [x[i] * sigmoid(x[n + i]) for i in range(n)]
    jacobian = [[mpf(0)] * len(x) for _ in range(n)]
    for i in range(n):
        jacobian[i][i] = sigmoid(x[n + i])
        jacobian[i][n + i] = x[i] * sigmoid(x[n + i]) * sigmoid(-x[n + i])
    return out, jacobian


def gated(gate):
    """g(a) * b for x = [a, b] (halves), the gate first: J = [diag(g'(a) b) | diag(g(a))]."""
    def f(x):
        n = len(x) // 2
        out, jacobian = [], [[mpf(0)] * len(x) for _ in range(n)]
        for i in range(n):
            g, dg = gate(x[i])
            out.append(g * x[n + i])
            jacobian[i][i] = dg * x[n + i]
            jacobian[i][n + i] = g
        return out, jacobian
    return f


def silu_pair(a):
    return a * sigmoid(a), sigmoid(a) * (1 + a * sigmoid(-a))


def gelu_pair(a):
    if abs(a) > 10 ** 4:  # mpmath's erfc stops here; the tails are x or 0 far below an ulp
        return (a, mpf(1)) if a > 0 else (mpf(0), mpf(0))
    Phi = mp.erfc(-a / mp.sqrt(2)) / 2
    return a * Phi, Phi + a * exp(-a * a / 2) / mp.sqrt(2 * mp.pi)


def gelu_tanh_pair(a):
    c, kappa = mp.sqrt(2 / mp.pi), mpf("0.044715")
    v = 2 * c * (a + kappa * a ** 3)
    s = sigmoid(v)
    return a * s, s + a * s * (1 - s) * 2 * c * (1 + 3 * kappa * a * a)


def relu_pair(a):  # the vectors avoid a = 0, where the derivative is a convention
    return (a, mpf(1)) if a > 0 else (mpf(0), mpf(0))


def hardmax(x):
    """1 at the first maximum, 0 elsewhere; the Jacobian is 0 (a step)."""
    top = max(range(len(x)), key=lambda i: (x[i], -i))
    return [mpf(1) if i == top else mpf(0) for i in range(len(x))], [[mpf(0)] * len(x) for _ in x]


def crelu(x):
    # Inputs here avoid 0, where the derivative is a convention (the catalog's: 0).
    n = len(x)
    out = [max(v, 0) for v in x] + [max(-v, 0) for v in x]
    jacobian = [[mpf(0)] * n for _ in range(2 * n)]
    for i, v in enumerate(x):
        jacobian[i][i] = mpf(1) if v > 0 else mpf(0)
        jacobian[n + i][i] = mpf(-1) if v < 0 else mpf(0)
    return out, jacobian


def sparsemax(x):
    """Martins and Astudillo's Algorithm 1 in exact rational arithmetic (the inputs are doubles,
    so Fractions hold them exactly, and 1 + 1e308 is not 1e308), the support strict."""
    q = [Fraction(float(v)) for v in x]
    z = sorted(q, reverse=True)
    size, total = 0, Fraction(0)
    for k, v in enumerate(z, start=1):
        if 1 + k * v > total + v:
            size, total = k, total + v
        else:
            break
    tau = (total - 1) / size
    support = [v > tau for v in q]
    out = [v - tau if s else Fraction(0) for v, s in zip(q, support)]  # float() rounds a Fraction correctly
    n = len(x)
    jacobian = [[(1 if i == j else 0) - Fraction(1, size) if support[i] and support[j] else Fraction(0)
                 for j in range(n)] for i in range(n)]
    return out, jacobian


FUNCTIONS = {"softmax": softmax, "log_softmax": log_softmax, "softmin": softmin, "glu": glu, "crelu": crelu,
             "sparsemax": sparsemax, "hardmax": hardmax, "swiglu": gated(silu_pair), "geglu": gated(gelu_pair),
             "geglu:approximate=tanh": gated(gelu_tanh_pair), "reglu": gated(relu_pair),
             "bilinear": gated(lambda a: (a, mpf(1)))}
HALVES = {"glu", "swiglu", "geglu", "geglu:approximate=tanh", "reglu", "bilinear"}

HARD = [
    [1.0, 2.0, 3.0],
    [-3.5, 0.25, 7.0, -0.001],
    [40.0, -40.0, 0.5, 20.0],
    [1e-300, -5e-324, 37.0, -37.0],
    [710.0, -710.0, 0.5, -0.5],
    [700.0, 700.0, -700.0, 699.9999999999999],
    [1000.0, 0.0, -1000.0],
    [745.0, -745.0],
    [5e-324, -5e-324, 1e-310, 0.0],
    [0.0, 0.0, 0.0, 0.0],
    [3.0, 3.0, 3.0000000000000004, 2.9999999999999996],
    [1e-9, -2e-9],
    [-1e308, 1e308, 0.5, 1.0],
    [36.0, -1.0],
    [-36.7, 0.0],
    [0.7, 0.69, 0.71, 0.7000000000000001],
    [-20.0, -20.5, -19.5, -21.0, -18.0],
    [300.0, -300.0, 1e-8, -1e-8],
    [0.5, 0.0],
    [1e20, 0.0],
    [0.175, 0.0, -2.0],
    [0.1, 0.2, 0.3, 0.4, 0.5],
    [1.0, 0.5, 0.0],
]


def random_vectors():
    rng = random.Random(20261202)
    vectors = []
    for n in (5, 8, 16, 24):
        for scale in (1.0, 30.0, 700.0):
            vectors.append([rng.gauss(0, scale) for _ in range(n)])
    return vectors


def text(v):
    f = float(v)
    return "0" if f == 0 and math.copysign(1, f) > 0 else repr(f)


def main():
    vectors = HARD + random_vectors()
    rows = 0
    with open(sys.argv[1], "w") as out:
        out.write("# Generated by Scripts/make-vector-reference.py with mpmath %s - do not edit.\n" % mpmath_version)
        out.write("# function\tinput\toutput\tjacobian (rows separated by ;)\n")
        for name, f in FUNCTIONS.items():
            for x in vectors:
                if name in HALVES and len(x) % 2:
                    continue
                if name in ("crelu", "reglu") and any(v == 0 for v in x):
                    continue
                xs = [mpf(v) for v in x]
                output, jacobian = f(xs)
                out.write("\t".join([
                    name, ",".join(repr(v) for v in x), ",".join(text(v) for v in output),
                    ";".join(",".join(text(v) for v in row) for row in jacobian),
                ]) + "\n")
                rows += 1
    print(f"{rows} vectors", file=sys.stderr)


if __name__ == "__main__":
    main()
