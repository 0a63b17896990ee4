#!/usr/bin/env python3
"""Writes Tests/ActivationCoreTests/Fixtures/comparison.tsv: the statistics `actplot compare`
reports, computed independently at 40 digits with mpmath.

For each pair (f, g) over [lower, upper] with an even grid of n points (ends included):
  max      max |d(x)| over the whole interval (not only the grid): the extrema of d are the
           roots of d', found with mpmath.findroot between sign changes of d' on a fine grid
  at       where the maximum occurs
  mean     the mean of |d| over the n grid points
  rms      the root mean square of d over the grid points
for d = f - g ("value") and d = f' - g' ("derivative").

Usage: python3 Scripts/make-comparison-reference.py OUTPUT.tsv
"""
import sys

from mpmath import mp, mpf, erfc, exp, sqrt, pi, tanh, findroot, nstr

mp.dps = 40


def gelu(x):
    """x Phi(x) and its derivatives."""
    phi = exp(-x * x / 2) / sqrt(2 * pi)
    Phi = erfc(-x / sqrt(2)) / 2
    return x * Phi, Phi + x * phi, phi * (2 - x * x)


def gelu_tanh(x):
    """x/2 (1 + tanh(sqrt(2/pi)(x + 0.044715 x^3))) and its derivatives."""
    c, k = sqrt(2 / pi), mpf("0.044715")
    u = c * (x + k * x ** 3)
    u1 = c * (1 + 3 * k * x ** 2)
    u2 = 6 * c * k * x
    t = tanh(u)
    s = 1 - t * t  # sech^2
    f = x * (1 + t) / 2
    f1 = (1 + t) / 2 + x * s * u1 / 2
    f2 = s * u1 + x * (-2 * t * s * u1 ** 2 + s * u2) / 2
    return f, f1, f2


def torch_hardsigmoid(x):
    """relu6(x + 3) / 6: corners at -3 and 3, where PyTorch's derivative is 0 (it tests
    -3 < x < 3)."""
    if x <= -3:
        return mpf(0), mpf(0), mpf(0)
    if x >= 3:
        return mpf(1), mpf(0), mpf(0)
    return x / 6 + mpf(1) / 2, mpf(1) / 6, mpf(0)


def dl4j_hardsigmoid(x):
    """min(1, max(0, 0.2 x + 0.5)): corners at -2.5 and 2.5, where DL4J's derivative is the
    inner slope 0.2 (its ActivationHardSigmoid tests -2.5 <= x <= 2.5)."""
    if x < mpf("-2.5"):
        return mpf(0), mpf(0), mpf(0)
    if x > mpf("2.5"):
        return mpf(1), mpf(0), mpf(0)
    return x / 5 + mpf(1) / 2, mpf(1) / 5, mpf(0)


def grid(lower, upper, n):
    return [mpf(lower) + (mpf(upper) - mpf(lower)) * i / (n - 1) for i in range(n)]


def statistics(f, g, order, lower, upper, n, smooth):
    d = lambda x: f(x)[order] - g(x)[order]
    points = grid(lower, upper, n)
    values = [d(x) for x in points]
    mean = sum(abs(v) for v in values) / n
    rms = sqrt(sum(v * v for v in values) / n)
    candidates = [(abs(v), x) for v, x in zip(values, points)]
    if smooth:
        # Extrema of d: roots of d' = f^(order+1) - g^(order+1).
        dd = lambda x: f(x)[order + 1] - g(x)[order + 1]
        fine = grid(lower, upper, 4001)
        for a, b in zip(fine, fine[1:]):
            if dd(a) * dd(b) < 0:
                root = findroot(dd, (a, b), solver="anderson")
                candidates.append((abs(d(root)), root))
    best = max(candidates, key=lambda c: c[0])
    return best[0], best[1], mean, rms


PAIRS = [
    ("gelu", "gelu:approximate=tanh", gelu, gelu_tanh, True),
    ("torch.hardsigmoid", "dl4j.hardsigmoid", torch_hardsigmoid, dl4j_hardsigmoid, False),
]


def main():
    out = open(sys.argv[1], "w") if len(sys.argv) > 1 else sys.stdout
    out.write("# written by Scripts/make-comparison-reference.py (mpmath, 40 digits); do not edit\n")
    out.write("# first\tsecond\tlower\tupper\tsamples\tquantity\tmax\tat\tmean\trms\n")
    for first, second, f, g, smooth in PAIRS:
        for lower, upper, n in [(-5, 5, 10001), (-5, 5, 101)]:
            for order, name in [(0, "value"), (1, "derivative")]:
                m, at, mean, rms = statistics(f, g, order, lower, upper, n, smooth)
                fields = [first, second, str(lower), str(upper), str(n), name] + [
                    nstr(v, 20) for v in (m, at, mean, rms)
                ]
                out.write("\t".join(fields) + "\n")


if __name__ == "__main__":
    main()
